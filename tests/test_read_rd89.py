"""Review r86's worse readings of rd72 and rd83 (helper rd89), each with its near-miss.

- #3: "Juchitán, in the state of Oaxaca", "Juchitán, Oaxaca state": the town of
  that state (Heroica Ciudad de Juchitán de Zaragoza, an alternate-name match),
  as "Salina Cruz, in the state of Oaxaca" keeps its own; "Huatulco, in the
  state of Oaxaca" is the Santa María Huatulco near it; "Juchitán, Oaxaca" is
  the town alone, its ", Oaxaca" the state that holds it (the gazetteer's
  "Oaxaca State"), no second sighting at Oaxaca city. "Oaxaca" alone stays the
  city.
- #5: "killed in Culiacán; the location of his body (his grave, the place of
  his burial) is unknown": the death and its place stand as told; "the place
  of his death is unknown" still makes the place possible.
- #6: under "DURANGO, Mexico -", "the mountainous (rugged, sparsely
  populated, ...) north of Durango" and "the heart of Durango's Sierra Madre"
  are the state, not the city; "the centre (heart) of Durango, near the
  cathedral", "central Durango", "a village north of Durango", "the road
  north of Durango" stay the city.
- #9: in a newest-first timeline an older entry is of its own day, not the
  first entry's ("1 February 2017 / He was arrested in Culiacán on Tuesday");
  "Posted 3 June 2016" with text after it, and another entry after that, is
  an entry of a timeline, so the first entry's date is no publication date
  (one "Posted" entry alone is an update: tests/test_read_rd94.py). "Updated
  ..." lines, captions and related links keep the date line the publication
  date (tests/test_read_r72.py).
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path
from typing import Any

import pytest

from geosleuth.evidence import LifeStatus
from geosleuth.geometry import Area
from geosleuth.read._text_dates import date_line, timeline_days
from reading import claims, reader, sightings

SALCEDO = "Rodrigo Salcedo Ibarra"
_read = reader(SALCEDO)


def _places(r: Any) -> list[tuple[str | None, bool]]:
    """(place, is an area) of each claim and sighting, sorted."""
    return sorted(
        (i.place_name, isinstance(i.place, Area)) for i in [*claims(r), *sightings(r)]
    )


def _read_file(path: Path, nlp: Any) -> Any:
    from geosleuth.read.document import read_document

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_document(path, target=SALCEDO, nlp=nlp)


_JUCHITAN = ("Heroica Ciudad de Juchitán de Zaragoza", False)
_OAXACA_STATE = ("Oaxaca State", True)


# -- #3: a town under "the state of Oaxaca" ---------------------------------------
@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Salcedo was seen in Juchitán, in the state of Oaxaca.",
         [_JUCHITAN, _OAXACA_STATE]),
        ("Salcedo was seen in Juchitán de Zaragoza, in the state of Oaxaca.",
         [_JUCHITAN, _OAXACA_STATE]),
        ("Salcedo was seen in Huatulco, in the state of Oaxaca.",
         [_OAXACA_STATE, ("Santa María Huatulco", False)]),
        ("Salcedo was seen in Juchitán, Oaxaca state.", [_JUCHITAN]),
        ("Salcedo was seen in Juchitán, in Oaxaca state.", [_JUCHITAN]),
        # the ", Oaxaca" after the town is the state that holds it
        ("Salcedo was seen in Juchitán, Oaxaca.", [_JUCHITAN]),
        ("Salcedo was seen in Juchitán, in Oaxaca.", [_JUCHITAN]),
        ("Salcedo was seen in Juchitán, in the hills of Oaxaca.", [_JUCHITAN]),
        # near-misses: a town matched exactly, the state alone, the city alone
        ("Salcedo was seen in Salina Cruz, in the state of Oaxaca.",
         [_OAXACA_STATE, ("Salina Cruz", False)]),
        ("Salcedo was seen in Salina Cruz, Oaxaca.", [("Salina Cruz", False)]),
        ("Salcedo was seen in Ojinaga, Chihuahua state.", [("Ojinaga", False)]),
        ("Salcedo was seen in the state of Oaxaca.", [_OAXACA_STATE]),
        ("Salcedo was seen in Oaxaca.", [("Oaxaca", False)]),
        ("Salcedo was seen in Oaxaca, Oaxaca.", [("Oaxaca", False)]),
    ],
)  # fmt: skip
def test_a_town_in_a_named_state_stays(text: str, places: list[Any], nlp: Any) -> None:
    assert _places(_read(text, nlp)) == sorted(places)


@pytest.mark.nlp
def test_a_death_in_a_town_of_a_named_state(nlp: Any) -> None:
    r = _read("Salcedo was killed in Juchitán, in the state of Oaxaca, the army "
              "said.", nlp)  # fmt: skip
    assert sorted((c.place_name, c.hedge) for c in claims(r)) == [
        ("Heroica Ciudad de Juchitán de Zaragoza", "certain"),
        ("Oaxaca State", "certain"),
    ]


# -- #5: where the body lies, unknown, leaves where he died -----------------------
def _lives(r: Any) -> list[tuple[str, str]]:
    return sorted((i.status, i.hedge) for i in r.evidence if isinstance(i, LifeStatus))


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("doubt", "place"),
    [
        ("the location of his body is unknown", "certain"),
        ("the whereabouts of his remains are unknown", "certain"),
        ("the location of his grave remains unknown", "certain"),
        ("the place of his burial is unknown", "certain"),
        ("his resting place is unknown", "certain"),
        ("it is unclear where the body lies", "certain"),
        ("it is unknown where his remains are", "certain"),
        ("it is not known where he was buried", "certain"),
        ("the site of his burial has not been confirmed", "certain"),
        # near-misses: where he died, in doubt
        ("the place of his death has not been confirmed", "possible"),
        ("the exact location of his death is unknown", "possible"),
    ],
)
def test_an_unknown_grave_leaves_the_place_of_death(
    doubt: str, place: str, nlp: Any
) -> None:
    r = _read(f"Salcedo was killed in Culiacán on Monday, the army said; {doubt}.", nlp)
    assert _lives(r) == [("dead", "certain")]
    assert [(c.place_name, c.hedge) for c in claims(r)] == [("Culiacán", place)]


# -- #6: a dateline's name as a part of the state ---------------------------------
_DOC = (
    "Fugitive seen\n\n{dl}, Mexico - Rodrigo Salcedo Ibarra {rest}, officials said.\n"
)
_DURANGO_STATE = [("Durango", True)]
_DURANGO_CITY = [("Victoria de Durango", False)]


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("dl", "rest", "places"),
    [
        ("DURANGO", "is believed to be hiding in the mountainous north of Durango",
         _DURANGO_STATE),
        ("DURANGO", "is believed to be hiding in the rugged north of Durango",
         _DURANGO_STATE),
        ("DURANGO", "is believed to be hiding in the sparsely populated north of "
         "Durango", _DURANGO_STATE),
        ("DURANGO", "is believed to be hiding in the mountainous west of Durango, "
         "near the Sinaloa border", _DURANGO_STATE),
        ("DURANGO", "was seen in the remote north of Durango", _DURANGO_STATE),
        ("DURANGO", "was seen in the rugged south of Durango", _DURANGO_STATE),
        ("DURANGO", "was seen in the violent northwest of Durango", _DURANGO_STATE),
        ("DURANGO", "is believed to be hiding in the heart of Durango's Sierra Madre",
         _DURANGO_STATE),
        ("ZACATECAS", "was seen in the arid north of Zacatecas",
         [("Zacatecas", True)]),
        # near-misses: the city's parts, and places by it
        ("DURANGO", "was seen in the heart of Durango, near the cathedral",
         _DURANGO_CITY),
        ("DURANGO", "was seen in the centre of Durango on Monday", _DURANGO_CITY),
        ("DURANGO", "was seen in the historic centre of Durango", _DURANGO_CITY),
        ("DURANGO", "was seen in central Durango, near the cathedral", _DURANGO_CITY),
        ("DURANGO", "was seen in a village north of Durango", _DURANGO_CITY),
        ("DURANGO", "was seen on the road north of Durango", _DURANGO_CITY),
        ("DURANGO", "was seen near Durango's cathedral", _DURANGO_CITY),
        ("DURANGO", "was seen in the north of Durango", _DURANGO_STATE),
    ],
)  # fmt: skip
def test_a_side_of_the_state_under_a_city_dateline(
    dl: str, rest: str, places: list[Any], nlp: Any, tmp_path: Path
) -> None:
    p = tmp_path / "a.txt"
    p.write_text(_DOC.format(dl=dl, rest=rest), encoding="utf-8")
    assert _places(_read_file(p, nlp)) == places


# -- #9: timelines ---------------------------------------------------------------
_NEWEST_FIRST = (
    "Salcedo's life on the run\n\n5 June 2018\n\nRodrigo Salcedo Ibarra was seen "
    "in Mazatlán on Sunday, police said.\n\n1 February 2017\n\nHe was arrested in "
    "Culiacán on Tuesday.\n\n12 March 2015\n\nHe escaped from prison in Durango.\n"
)
_POSTED = (
    "Timeline\n\n12 March 2015\n\nRodrigo Salcedo Ibarra escaped from prison in "
    "Culiacán.\n\nPosted 3 June 2016\n\nHe was seen in Durango last week, police "
    "said.\n\nPosted 4 June 2016\n\nPolice said the search went on.\n"
)


def test_timeline_days() -> None:
    assert [d for _, d in timeline_days(_NEWEST_FIRST)] == [
        dt.date(2018, 6, 5), dt.date(2017, 2, 1), dt.date(2015, 3, 12)
    ]  # fmt: skip
    assert [d for _, d in timeline_days(_POSTED)] == [
        dt.date(2015, 3, 12), dt.date(2016, 6, 3), dt.date(2016, 6, 4)
    ]  # fmt: skip
    # near-misses: one date line; an "Updated" line; a "Posted" line at the end
    one = "Seen\n\n10 January 2023\n\nHe was seen.\n"
    assert timeline_days(one) == []
    assert timeline_days(one + "\nUpdated: 11 January 2023\n\nHe left.\n") == []
    assert timeline_days(one + "\nPosted 11 January 2023\n") == []


@pytest.mark.nlp
def test_an_older_entry_is_of_its_own_day(nlp: Any, tmp_path: Path) -> None:
    p = tmp_path / "t.txt"
    p.write_text(_NEWEST_FIRST, encoding="utf-8")
    r = _read_file(p, nlp)
    assert r.published == dt.date(2018, 6, 5)
    assert sorted((i.place_name, i.date) for i in [*sightings(r), *claims(r)]) == [
        ("Culiacán", dt.date(2017, 1, 31)),  # the Tuesday before 1 February 2017
        ("Durango", dt.date(2015, 3, 12)),
        ("Mazatlán", dt.date(2018, 6, 3)),  # the first entry's: the document's
    ]
    # the entry dates the event; the text was still published on 5 June 2018
    # (a hindcast `--known-by` must not see the 2015 entry in 2015)
    assert {i.provenance.published for i in [*sightings(r), *claims(r)]} == {
        dt.date(2018, 6, 5)
    }


def test_a_posted_entry_makes_a_timeline() -> None:
    assert date_line(_POSTED) is None
    # near-misses: a "Posted" line that ends the text, an "Updated" entry
    one = "Seen\n\n10 January 2023\n\nHe was seen.\n"
    assert date_line(one + "\nPosted 11 January 2023\n") == (
        dt.date(2023, 1, 10), []
    )  # fmt: skip
    assert date_line(one + "\nUpdated 11 January 2023\n\nHe left.\n") == (
        dt.date(2023, 1, 10), []
    )  # fmt: skip


@pytest.mark.nlp
def test_a_posted_entry_is_no_publication_date(nlp: Any, tmp_path: Path) -> None:
    p = tmp_path / "t.txt"
    p.write_text(_POSTED, encoding="utf-8")
    r = _read_file(p, nlp)
    assert r.published is None
    assert [(s.place_name, s.date) for s in sightings(r)] == [
        # the entry's own day, "last week" read from it (review r95, #1; was
        # the latest date in the text)
        ("Durango", dt.date(2016, 6, 3))
    ]
