"""Review r64's findings on 4f96778 and 610a1a9, each with its near-miss.

- H1: under a dateline "DURANGO, Mexico -", "in the state of Durango", "in
  northern (rural) Durango", "in the mountains of (northern) Durango", "near
  Tamazula, in the mountains of Durango" (one claim) and, under "ZACATECAS,
  Mexico -", "across Zacatecas and Durango" mean the state; only the bare "in
  Durango" is the dateline's city. "The state of New York" is the state.
- H2: a timeline or a diary ("Timeline ...", "12 March 2015", ..., "3 June
  2016") has no publication date from its first entry's date line.
- M1: a denial of the target's arrest under another of its names ("of
  Rodrigo", "of Ibarra", "of El Güero" where the text gave it the target) or
  as "the man believed to be Salcedo" takes the arrest back (a description, "of
  the fugitive", no longer: review r65, tests/test_read_r72.py); one of another
  ("of his brother", "of the mayor", "of a man in Culiacán", "of the man
  believed to be Guzmán") does not.
- M2: "was alive (survived), but he may (might) have died since" gives a
  possible death; "could have died since" too; "could (might) have died
  without treatment/if ...", "would have died", "nearly died" none.
- M3: "; the (exact) location of the sighting has not been confirmed" makes
  the sighting possible, "the place of his death" the place of the death (not
  the death); "the location of his brother" and "the cause of death" do not.
- L1: "Cosalá, in the hills of Durango", where no Cosalá is in Durango, keeps
  the town beside the state, as "Mazatlán, in the hills of Durango" does;
  "Tamazula, in the mountains of Durango" is still one claim.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path
from typing import Any

import pytest

from geosleuth.evidence import LifeStatus
from geosleuth.geometry import Area
from geosleuth.read._text_dates import date_line
from reading import claims, reader, set_aside, sightings

pytestmark = pytest.mark.nlp

SALCEDO = "Rodrigo Salcedo Ibarra"
_read = reader(SALCEDO)


def _read_file(path: Path, nlp: Any, target: str = SALCEDO) -> Any:
    from geosleuth.read.document import read_document

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_document(path, target=target, nlp=nlp)


def _places(r: Any) -> list[tuple[str | None, bool]]:
    """(place, is an area) of each claim and sighting, sorted."""
    return sorted(
        (i.place_name, isinstance(i.place, Area)) for i in [*claims(r), *sightings(r)]
    )


def _seen(r: Any) -> list[tuple[str | None, str]]:
    return sorted((s.place_name, s.hedge) for s in sightings(r))


def _lives(r: Any) -> list[tuple[str, str]]:
    return sorted((i.status, i.hedge) for i in r.evidence if isinstance(i, LifeStatus))


def _negated(r: Any) -> bool:
    return any(reason == "negated" for reason, _ in set_aside(r))


# -- H1: a dateline's city only for the bare name ---------------------------------
_DOC = "Fugitive seen\n\n{dateline} - Rodrigo Salcedo Ibarra {rest}, officials said.\n"


@pytest.mark.parametrize(
    ("dateline", "rest", "places"),
    [
        ("DURANGO, Mexico", "is hiding in the state of Durango", [("Durango", True)]),
        ("DURANGO, Mexico", "is hiding in northern Durango", [("Durango", True)]),
        ("DURANGO, Mexico", "is hiding in rural Durango", [("Durango", True)]),
        ("DURANGO, Mexico", "is hiding in the mountains of Durango",
         [("Durango", True)]),
        ("DURANGO, Mexico", "is hiding in the mountains of northern Durango",
         [("Durango", True)]),
        ("DURANGO, Mexico", "is hiding near Tamazula, in the mountains of Durango",
         [("Tamazula de Victoria", False)]),
        ("ZACATECAS, Mexico", "was seen across Zacatecas and Durango",
         [("Durango", True), ("Zacatecas", True)]),
        # near-misses: the bare name is the dateline's city, as before
        ("DURANGO, Mexico", "was seen in Durango last week",
         [("Victoria de Durango", False)]),
        ("ZACATECAS, Mexico", "was seen in Zacatecas", [("Zacatecas", False)]),
        ("DURANGO, Mexico", "is hiding in Durango state", [("Durango", True)]),
    ],
)  # fmt: skip
def test_a_dateline_city_only_for_the_bare_name(
    dateline: str, rest: str, places: list[Any], nlp: Any, tmp_path: Path
) -> None:
    p = tmp_path / "d.txt"
    p.write_text(_DOC.format(dateline=dateline, rest=rest), encoding="utf-8")
    assert _places(_read_file(p, nlp)) == places


def test_the_state_of_new_york_is_the_state(nlp: Any) -> None:
    r = _read("Jane Doe was seen in the state of New York last week.", nlp,
              target="Jane Doe")  # fmt: skip
    assert _places(r) == [("New York", True)]
    # near miss: "New York" alone is the city
    r = _read("Jane Doe was seen in New York last week.", nlp, target="Jane Doe")
    assert _places(r) == [("New York City", False)]


# -- H2: a timeline's first entry is no publication date --------------------------
_TIMELINE = (
    "Timeline of the hunt for Salcedo\n\n{d1}\n\nRodrigo Salcedo Ibarra escaped "
    "from a prison in Culiacán.\n\n{d2}\n\nHe was seen in Durango last week, "
    "police said.\n"
)


@pytest.mark.parametrize(
    ("d1", "d2"), [("12 March 2015", "3 June 2016"), ("March 12, 2015", "June 3, 2016")]
)
def test_a_timeline_has_no_publication_date(
    d1: str, d2: str, nlp: Any, tmp_path: Path
) -> None:
    text = _TIMELINE.format(d1=d1, d2=d2)
    assert date_line(text) is None
    p = tmp_path / "t.txt"
    p.write_text(text, encoding="utf-8")
    r = _read_file(p, nlp)
    assert r.published is None
    assert [(s.place_name, s.date) for s in sightings(r)] == [
        ("Durango", dt.date(2016, 6, 3))  # the latest date in the text
    ]


def test_a_diary_entry_is_dated_by_its_own_line(nlp: Any, tmp_path: Path) -> None:
    p = tmp_path / "diary.txt"
    p.write_text(
        "Diary of a search\n\n4 May 2017\n\nWe drove to Culiacán.\n\n6 May 2017\n\n"
        "A man said Salcedo had gone to Durango.\n",
        encoding="utf-8",
    )
    r = _read_file(p, nlp)
    assert r.published is None
    assert [(c.place_name, c.date) for c in claims(r)] == [
        ("Durango", dt.date(2017, 5, 6))
    ]


@pytest.mark.parametrize(
    "text",
    [
        # near-misses: one date line, with dates in the body's sentences
        "Salcedo seen in Culiacán\n\n10 January 2023\n\nRodrigo Salcedo Ibarra was "
        "seen in Culiacán last Tuesday. He escaped on 3 March 2019.\n",
        "Salcedo seen\n\nPublished: 10 January 2023\n\nHe was seen.\n\nOn 3 March "
        "2019 he escaped.\n",
    ],
)
def test_one_date_line_is_still_the_publication_date(text: str) -> None:
    assert date_line(text) == (dt.date(2023, 1, 10), [])


# -- M1: the target under another name, as the one wanted ------------------------
# Review r65 (H1, H2): a description ("the fugitive", "the suspect", "the drug
# lord", "the cartel leader", one the text gave the target) and a bare "the man
# they believe is Salcedo" (whose "is Salcedo" the parse hangs on "denied") no
# longer name the target; they keep the arrest, in tests/test_read_r72.py. A
# nickname names the target only where the text gave it the target.
@pytest.mark.parametrize(
    "text",
    [
        "Salcedo was arrested in Culiacán; police denied the arrest of the man "
        "believed to be Salcedo.",
        "Salcedo was arrested in Culiacán; police denied the arrest of Rodrigo.",
        "Salcedo was arrested in Culiacán; police denied the arrest of Ibarra.",
        "Rodrigo Salcedo Ibarra, alias El Güero, was arrested in Culiacán; police "
        "denied the arrest of El Güero.",
    ],
)
def test_a_denial_of_the_target_by_another_name_denies(text: str, nlp: Any) -> None:
    r = _read(text, nlp)
    assert not sightings(r)
    assert _negated(r)


def test_the_man_identified_as_the_target_unconfirmed_is_possible(nlp: Any) -> None:
    r = _read("Salcedo was arrested in Culiacán; the arrest of the man, identified "
              "as Salcedo, has not been confirmed.", nlp)  # fmt: skip
    assert _seen(r) == [("Culiacán", "possible")]


@pytest.mark.parametrize(
    ("text", "target", "place"),
    [
        ("Salcedo was arrested in Culiacán; police denied the arrest of a man in "
         "Culiacán.", SALCEDO, "Culiacán"),
        ("Salcedo was arrested in Culiacán; police denied the arrest of the mayor.",
         SALCEDO, "Culiacán"),
        ("Salcedo was arrested in Culiacán; police denied the arrest of the other "
         "man.", SALCEDO, "Culiacán"),
        ("Salcedo was arrested in Culiacán; police denied the arrest of Joaquín "
         "Guzmán.", SALCEDO, "Culiacán"),
        ("Salcedo was arrested in Culiacán; police denied the arrest of the man "
         "believed to be Guzmán.", SALCEDO, "Culiacán"),
        ("Salcedo and Joaquín Guzmán were seen in Culiacán; police denied the "
         "sighting of the drug lord.", SALCEDO, "Culiacán"),
        ("Joaquín Guzmán, alias El Chapo, is wanted. Salcedo was arrested in "
         "Culiacán; police denied the arrest of El Chapo.", SALCEDO, "Culiacán"),
        ("Jane Doe was arrested in Leeds; police denied the arrest of the man.",
         "Jane Doe", "Leeds"),
    ],
)  # fmt: skip
def test_a_denial_of_anothers_arrest_still_keeps_the_targets(
    text: str, target: str, place: str, nlp: Any
) -> None:
    r = _read(text, nlp, target=target)
    assert _seen(r) == [(place, "certain")]
    assert not _negated(r)


# -- M2: a death that may have happened since -----------------------------------
@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Salcedo was alive, but he may have died since.", SALCEDO),
        ("Salcedo survived, but he may have died since.", SALCEDO),
        ("Salcedo was alive in 2016, but he might have died since.", SALCEDO),
        ("Salcedo survived the raid but may have died of his wounds in Culiacán.",
         SALCEDO),
        ("Jane Doe was alive when she left Leeds, but she may have died since.",
         "Jane Doe"),
        ("Salcedo survived, but he could have died since.", SALCEDO),
    ],
)  # fmt: skip
def test_a_death_that_may_have_happened_since_is_possible(
    text: str, target: str, nlp: Any
) -> None:
    assert _lives(_read(text, nlp, target=target)) == [
        ("alive", "certain"),
        ("dead", "possible"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Salcedo survived, but he could have died without treatment.",
        "Salcedo survived, but he might have died without treatment.",
        "Salcedo survived, but he could have died if the army had not arrived.",
        "Salcedo survived, but he could have died in Culiacán.",
        "Salcedo was alive but nearly died in Culiacán.",
    ],
)
def test_a_counterfactual_death_is_none(text: str, nlp: Any) -> None:
    assert _lives(_read(text, nlp)) == [("alive", "certain")]


# -- M3: an unconfirmed place is no detail -----------------------------------------
@pytest.mark.parametrize(
    ("text", "seen"),
    [
        ("Salcedo was seen in Culiacán; the location of the sighting has not been "
         "confirmed.", [("Culiacán", "possible")]),
        ("Salcedo was seen in Culiacán; the exact location has not been confirmed.",
         [("Culiacán", "possible")]),
        # near-misses: another's place, a detail
        ("Salcedo was seen in Culiacán; the location of his brother has not been "
         "confirmed.", [("Culiacán", "certain")]),
        ("Salcedo was arrested in Culiacán; the reason for the arrest remains "
         "unconfirmed.", [("Culiacán", "certain")]),
    ],
)  # fmt: skip
def test_an_unconfirmed_location_makes_the_sighting_possible(
    text: str, seen: list[Any], nlp: Any
) -> None:
    assert _seen(_read(text, nlp)) == seen


@pytest.mark.parametrize(
    ("doubt", "place_hedge"),
    [
        ("the place of his death has not been confirmed", "possible"),
        ("the location of his death could not be confirmed", "possible"),
        ("the cause of death could not be confirmed", "certain"),
    ],
)
def test_an_unconfirmed_place_of_death_leaves_the_death(
    doubt: str, place_hedge: str, nlp: Any
) -> None:
    r = _read(f"Salcedo was killed in Culiacán; {doubt}.", nlp)
    assert [(c.place_name, c.hedge) for c in claims(r)] == [("Culiacán", place_hedge)]
    assert _lives(r) == [("dead", "certain")]


# -- L1: a town beside the land of a state it is not in ------------------------
@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Salcedo was seen in Cosalá, in the hills of Durango.",
         [("Cosalá", False), ("Durango", True)]),
        ("Salcedo was seen in Elota, in the hills of Durango.",
         [("Durango", True), ("Elota", False)]),
        ("Salcedo was seen in Tamazula, in the desert of Sonora.",
         [("Sonora", True), ("Tamazula", False)]),
        ("Salcedo was seen in Mazatlán, in the hills of Durango.",
         [("Durango", True), ("Mazatlán", False)]),
        # near-misses: a town of that state, one claim; "Cosalá, Durango" as before
        ("Salcedo was seen in Tamazula, in the mountains of Durango.",
         [("Tamazula de Victoria", False)]),
        ("Salcedo was seen in Cosalá, Durango.", [("Durango", True)]),
    ],
)  # fmt: skip
def test_a_town_beside_a_states_land(text: str, places: list[Any], nlp: Any) -> None:
    assert _places(_read(text, nlp)) == places
