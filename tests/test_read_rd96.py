"""Review r95's findings on rd88, rd89 and rd94 (helper rd96), each with its near-miss.

- 1: a series of "Posted <date>" entries with no publication date: each
  entry's sentences date from that entry ("last seen on Saturday" under
  "Posted 4 June 2018": 2 June), its undated items take the entry's day, and
  the document keeps no publication date.
- 2: a gunman or a killer in the text makes the one described another only
  where the description may be that one ("the suspect"), not for the death of
  "the woman", nor where the target is called so ("Salcedo, a former hitman,").
- 3: "the suspect" of a death is its killer only where the text tells of an
  unknown killer or a killing with no agent; not after "killed by soldiers",
  "in a shootout with marines", nor a death with no killing.
- 4: "the Salcedo family denied the death of their son" is the target's kin.
- 5: an arrest denied of "the union leader", "the local commander", "the
  leader of a rival gang" (a modifier the text uses of no one else) leaves
  the arrest certain; "the leader" alone, or "the cartel leader" after
  "Salcedo, the cartel leader,", makes it possible.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path
from typing import Any

import pytest

from geosleuth.read.document import read_text
from reading import claims, lives, negated, reader, seen, sightings

SALCEDO = "Rodrigo Salcedo Ibarra"
DOE = "Jane Doe"
HAMILTON = "Sydney Hamilton"
AG_ALHER = "Hamadou Ag Alher"
VUKOVIC = "Dragan Vuković"
_read = reader(SALCEDO)


def _read_file(text: str, target: str, nlp: Any, tmp_path: Path) -> Any:
    from geosleuth.read.document import read_document

    p = tmp_path / "t.txt"
    p.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_document(p, target=target, nlp=nlp)


def _dates(r: Any) -> list[tuple[str | None, dt.date | None]]:
    return sorted((i.place_name, i.date) for i in [*sightings(r), *claims(r)])


# -- 1: a series of posts with no date of its own -------------------------------
_LIVE = (
    "Live: search for Sydney Hamilton\n\nPosted 4 June 2018\n\nSydney Hamilton was "
    "last seen in Vancouver on Saturday.\n\nPosted 5 June 2018\n\nShe was seen in "
    "Burnaby yesterday, RCMP said.\n\nPosted 6 June 2018\n\nRCMP said she was "
    "found safe in Surrey today.\n"
)


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "target", "dates"),
    [
        (_LIVE, HAMILTON, [("Burnaby", 4), ("Surrey", 6), ("Vancouver", 2)]),
        ("Cartel boss seen\n\n5 June 2018\n\nRodrigo Salcedo Ibarra was seen in "
         "Mazatlán on Sunday, police said.\n\nPosted 6 June 2018\n\nPolice now say "
         "he was seen in Durango yesterday.\n\nPosted 8 June 2018\n\nHe was "
         "arrested in Culiacán yesterday, officials said.\n", SALCEDO,
         [("Culiacán", 7), ("Durango", 5), ("Mazatlán", 3)]),
        ("Missing woman\n\n5 June 2018\n\nJane Doe was last seen in Leeds on "
         "Friday, police said.\n\nPosted 6 June 2018\n\nPolice said she had been "
         "seen in Bradford yesterday.\n\nPosted 6 June 2018\n", DOE,
         [("Bradford", 5), ("Leeds", 1)]),
        # undated items take their entry's day, not the latest in the text
        ("Live: search for Sydney Hamilton\n\nPosted 4 June 2018\n\nSydney "
         "Hamilton was seen in Vancouver, RCMP said.\n\nPosted 5 June 2018\n\nShe "
         "was seen in Burnaby, RCMP said.\n\nPosted 6 June 2018\n\nRCMP said the "
         "search went on.\n", HAMILTON, [("Burnaby", 5), ("Vancouver", 4)]),
    ],
)  # fmt: skip
def test_a_series_of_posts_dates_each_entry_from_its_own_day(
    text: str, target: str, dates: list[tuple[str, int]], nlp: Any, tmp_path: Path
) -> None:
    r = _read_file(text, target, nlp, tmp_path)
    assert r.published is None
    assert _dates(r) == [(p, dt.date(2018, 6, d)) for p, d in dates]
    # the document still has no publication date of its own
    assert {i.provenance.published for i in [*sightings(r), *claims(r)]} == {None}


@pytest.mark.nlp
def test_one_post_after_a_date_line_is_an_update(nlp: Any, tmp_path: Path) -> None:
    # near-miss: the date line is the publication date, as before
    text = (
        "Missing woman\n\n5 June 2018\n\nJane Doe was last seen in Leeds on Friday, "
        "police said.\n\nPosted 6 June 2018\n\nPolice said she had been seen in "
        "Bradford yesterday.\n"
    )
    r = _read_file(text, DOE, nlp, tmp_path)
    assert r.published == dt.date(2018, 6, 5)
    assert _dates(r) == [
        ("Bradford", dt.date(2018, 6, 4)),
        ("Leeds", dt.date(2018, 6, 1)),
    ]


# -- 2, 3: killers, and "the suspect" of a death --------------------------------
@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Sydney Hamilton was killed by an attacker in Vancouver on Friday; police "
         "denied the death of the woman.", HAMILTON),
        ("Vuković was shot dead in Budva on Friday by an unknown assailant; police "
         "denied the death of the businessman.", VUKOVIC),
        ("Salcedo was shot dead by a gunman in Culiacán on Monday; police denied "
         "the death of the businessman.", SALCEDO),
        ("Salcedo, a former hitman, was killed in Culiacán on Monday; police "
         "denied the death of the man.", SALCEDO),
        ("Salcedo was killed in a shootout with marines in Culiacán on Monday, "
         "Milenio reported; the navy denied the death of the suspect.", SALCEDO),
        ("Salcedo, the most wanted man in Sinaloa, was killed by soldiers in "
         "Culiacán on Monday, Milenio reported; the army denied the death of the "
         "suspect.", SALCEDO),
        ("Jane Doe, a murder suspect, died in Leeds on Friday, the Sun reported; "
         "police denied the death of the suspect.", DOE),
    ],
)  # fmt: skip
def test_a_denied_death_of_the_one_killed_is_possible(
    text: str, target: str, nlp: Any
) -> None:
    r = _read(text, nlp, target=target)
    assert lives(r) == [("dead", "possible")]
    assert not negated(r)


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "target"),
    [
        # near-misses: the killer's death or arrest, "the suspect" of a killing
        ("Salcedo was shot dead in Culiacán on Monday; police denied the arrest "
         "of the gunman.", SALCEDO),
        ("Salcedo was shot dead by a gunman in Culiacán on Monday; police denied "
         "the death of the suspect.", SALCEDO),
        ("Ag Alher was killed near Kidal on Friday, a local official said; the "
         "army denied the death of the suspect.", AG_ALHER),
        ("Salcedo was shot dead in Culiacán on Monday, Milenio reported; police "
         "denied the arrest of the suspect.", SALCEDO),
    ],
)  # fmt: skip
def test_a_denial_of_the_killer_leaves_the_death(
    text: str, target: str, nlp: Any
) -> None:
    r = _read(text, nlp, target=target)
    assert lives(r) == [("dead", "certain")]


@pytest.mark.nlp
def test_a_gunman_is_another_for_the_suspects_arrest(nlp: Any) -> None:
    # near-miss: the suspect may be the gunman
    r = _read(
        "A gunman shot at soldiers in Culiacán on Monday. Salcedo was arrested in "
        "Culiacán; police denied the arrest of the suspect.",
        nlp,
    )
    assert seen(r) == [("Culiacán", "certain")]


# -- 4: the family by the target's name -----------------------------------------
@pytest.mark.nlp
def test_the_family_by_the_targets_name_takes_the_death_back(nlp: Any) -> None:
    r = _read(
        "Salcedo was killed in Culiacán on Monday; the Salcedo family denied the "
        "death of their son.",
        nlp,
    )
    assert "certain" not in [h for _, h in lives(r)]
    assert negated(r)


@pytest.mark.nlp
def test_another_family_leaves_the_death(nlp: Any) -> None:
    # near-miss: the family of another named in the clause
    r = _read(
        "Salcedo and Luis Pérez were killed in Culiacán on Monday; the Pérez family "
        "denied the death of their son.",
        nlp,
    )
    assert lives(r) == [("dead", "certain")]


# -- 5: a description set apart from the target ---------------------------------
@pytest.mark.nlp
@pytest.mark.parametrize(
    "who",
    ["the leader of a rival gang", "the union leader", "the opposition leader",
     "the local commander"],
)  # fmt: skip
def test_an_arrest_denied_of_one_set_apart_leaves_it(who: str, nlp: Any) -> None:
    r = _read(
        f"Salcedo was arrested in Culiacán on Monday; police denied the arrest of "
        f"{who}.",
        nlp,
    )
    assert seen(r) == [("Culiacán", "certain")]


@pytest.mark.nlp
@pytest.mark.parametrize(
    "text",
    [
        # near-misses: no modifier, or one the text uses of the target
        "Salcedo was arrested in Culiacán on Monday; the governor denied the "
        "arrest of the leader.",
        "Salcedo, the Sinaloa cartel leader, was arrested in Culiacán on Monday; "
        "police denied the arrest of the Sinaloa cartel leader.",
        "Salcedo, who leads a gang, was arrested in Culiacán on Monday; police "
        "denied the arrest of the leader of the gang.",
    ],
)
def test_an_arrest_denied_of_one_who_may_be_him_is_possible(
    text: str, nlp: Any
) -> None:
    r = _read(text, nlp)
    assert seen(r) == [("Culiacán", "possible")]


@pytest.mark.nlp
def test_the_undated_note_says_a_series_dates_its_entries() -> None:
    # the note no longer says "relative dates are not read" of a post series,
    # whose entries are read from their own days (fix 1); a text without
    # entries keeps the old note
    series = (
        "Hamilton live\n\nPosted 2 June 2018\n\nSydney Hamilton was seen in "
        "Vancouver on Saturday.\n\nPosted 6 June 2018\n\nPolice said Hamilton "
        "was in Surrey.\n"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r = read_text(series, target="Sydney Hamilton")
        plain = read_text(
            "Sydney Hamilton was seen in Vancouver on 2 June 2018.",
            target="Sydney Hamilton",
        )
    (note,) = [n for n in r.notes if "no publication date" in n]
    assert "its 2 dated entries take their entry's day" in note
    assert "not read there" in note
    (old,) = [n for n in plain.notes if "no publication date" in n]
    assert "undated items are dated 2018-06-02" in old
    assert "relative dates are not read. Give" in old
