"""Review r93's findings on rd88 and rd89 (helper rd94), each with its near-miss.

- 1: a denial of a description ("the suspect", "the man") makes the event
  possible only where the denied event is of the kind told (a death for a
  death, an arrest for an arrest, a sighting for a sighting): "Jane Doe was
  killed ...; police denied *the arrest* of the suspect" leaves her death
  certain. Not "the suspect" of a death (the killer), nor where the text
  describes the deed's doers ("Gunmen shot Salcedo dead").
- 2: "*Pérez's* wife denied the death of her husband" after "Salcedo and Luis
  Pérez were killed" is the kin of another: the target's death stands;
  "*Salcedo's* wife ..." still takes it back.
- 3: a denial at a town within 30 km is of the same event only in the same
  country and where the town is no city of its own (not San Diego after
  Tijuana, El Paso after Ciudad Juárez, Tlaquepaque after Guadalajara); a name
  the gazetteer cannot place is of it only with the told place's name or a
  word of a venue or district ("Heathrow Airport", "the Hotel Lucerna"), not
  "the State of Mexico" after "Mexico City".
- 4: a date line and one later "Posted <date>" entry: the date line is the
  publication date, the "Posted" line an update ("on Sunday" resolves); the
  2015 entry of "12 March 2015 ... Posted 3 June 2016" is of 2015.
- 5: under a DURANGO dateline, "the crowded (affluent, industrial) north of
  Durango", "... of Durango city", "the poor east of Durango, near the bus
  station" are the city; "the rugged (arid, sparsely populated) north of
  Durango" stays the state.
- 6: "Acapulco, Oaxaca and Veracruz" is a list: Acapulco stays; a city that
  Oaxaca does not hold ("Acapulco, Oaxaca.") is kept, not dropped.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path
from typing import Any

import pytest

from geosleuth.geometry import Area
from geosleuth.read._text_dates import date_line, timeline_days
from reading import claims, lives, negated, reader, seen, sightings

SALCEDO = "Rodrigo Salcedo Ibarra"
DOE = "Jane Doe"
HAMILTON = "Sydney Hamilton"
_read = reader(SALCEDO)


def _places(r: Any) -> list[tuple[str | None, bool]]:
    return sorted(
        (i.place_name, isinstance(i.place, Area)) for i in [*claims(r), *sightings(r)]
    )


def _read_file(path: Path, nlp: Any) -> Any:
    from geosleuth.read.document import read_document

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_document(path, target=SALCEDO, nlp=nlp)


# -- 1: the kind of event denied, and the deed's doers ----------------------------
@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Jane Doe was killed in Leeds on Friday, police said; West Yorkshire "
         "Police denied the arrest of the suspect.", DOE),
        ("Salcedo was shot dead in Culiacán on Monday, Milenio reported; police "
         "denied the arrest of the suspect.", SALCEDO),
        ("Salcedo was killed in Culiacán, Milenio reported; the army denied the "
         "arrest of the cartel leader.", SALCEDO),
        ("Salcedo was killed in Culiacán, Milenio reported, citing a police "
         "source; the army denied the death of the suspect.", SALCEDO),
    ],
)  # fmt: skip
def test_a_denial_of_another_deed_leaves_the_death(
    text: str, target: str, nlp: Any
) -> None:
    r = _read(text, nlp, target=target)
    assert lives(r) == [("dead", "certain")]
    assert not negated(r)


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "target", "place"),
    [
        ("Jane Doe was last seen in Leeds on Friday; police denied the arrest of "
         "the suspect.", DOE, "Leeds"),
        ("Sydney Hamilton was last seen in Vancouver on Friday; RCMP denied the "
         "arrest of the suspect.", HAMILTON, "Vancouver"),
        ("Salcedo was kidnapped in Culiacán on Monday; police denied the arrest "
         "of the suspect.", SALCEDO, "Culiacán"),
        ("Salcedo was arrested in Culiacán, Milenio reported; police denied the "
         "death of the suspect.", SALCEDO, "Culiacán"),
    ],
)  # fmt: skip
def test_a_denial_of_another_deed_leaves_the_sighting(
    text: str, target: str, place: str, nlp: Any
) -> None:
    r = _read(text, nlp, target=target)
    assert seen(r) == [(place, "certain")]


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # near-misses: the same kind of event, of the only one described
        ("Salcedo was killed in Culiacán, Milenio reported; the army denied the "
         "death of the drug lord.", "death"),
        ("Salcedo was shot dead in Culiacán, Milenio reported; the army denied "
         "the death of the man.", "death"),
        ("Salcedo was arrested in Culiacán; police denied the arrest of the "
         "suspect.", "arrest"),
        ("Salcedo was seen in Culiacán; police denied the sighting of the "
         "fugitive.", "arrest"),
    ],
)  # fmt: skip
def test_a_denial_of_the_same_deed_of_the_only_one_is_possible(
    text: str, kind: str, nlp: Any
) -> None:
    r = _read(text, nlp)
    if kind == "death":
        assert lives(r) == [("dead", "possible")]
    else:
        assert seen(r) == [("Culiacán", "possible")]
    assert not negated(r)


# -- 2: the kin of another named ---------------------------------------------------
_BOTH = (
    "Salcedo and his bodyguard, Luis Pérez, were killed in a shootout in Culiacán, "
    "according to Milenio; "
)


@pytest.mark.nlp
@pytest.mark.parametrize(
    "text",
    [
        _BOTH + "Pérez's wife denied the death of her husband.",
        _BOTH + "Pérez's mother denied the death of her son.",
        "Salcedo and Luis Pérez were killed in a shootout in Culiacán, according to "
        "Milenio; Pérez's wife denied the death of her husband.",
    ],
)
def test_the_kin_of_another_named_leaves_the_death(text: str, nlp: Any) -> None:
    r = _read(text, nlp)
    assert lives(r) == [("dead", "certain")]
    assert not negated(r)


@pytest.mark.nlp
def test_the_kin_of_another_named_leaves_the_arrest(nlp: Any) -> None:
    r = _read("Salcedo and his bodyguard, Luis Pérez, were arrested in Culiacán, "
              "Milenio reported; Pérez's lawyer denied the arrest of his client.",
              nlp)  # fmt: skip
    assert seen(r) == [("Culiacán", "certain")]
    assert not negated(r)


@pytest.mark.nlp
def test_the_targets_kin_by_name_takes_the_death_back(nlp: Any) -> None:
    # near-miss: the possessor is the target's name
    r = _read("Salcedo was killed in a shootout in Culiacán, according to Milenio; "
              "Salcedo's wife denied the death of her husband.", nlp)  # fmt: skip
    assert lives(r) == []
    assert negated(r)


# -- 3: a denial at another place --------------------------------------------------
@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Salcedo was arrested in Tijuana, Milenio reported; US officials denied "
         "his arrest in San Diego.", "Tijuana"),
        ("Salcedo was arrested in Ciudad Juárez, Milenio reported; the FBI denied "
         "his arrest in El Paso, saying he had never crossed the border.",
         "Ciudad Juárez"),
        ("Salcedo was arrested in Mexicali, Milenio reported; US officials denied "
         "his arrest in Calexico.", "Mexicali"),
        ("Salcedo was arrested in Guadalajara, Milenio reported; police denied his "
         "arrest in Tlaquepaque, saying the man held there was his brother.",
         "Guadalajara"),
        ("Salcedo was arrested in Mexico City, Milenio reported; police denied his "
         "arrest in the State of Mexico.", "Mexico City"),
    ],
)  # fmt: skip
def test_a_denial_at_another_place_nearby_keeps_the_event(
    text: str, place: str, nlp: Any
) -> None:
    r = _read(text, nlp)
    assert seen(r) == [(place, "certain")]
    assert not negated(r)


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "target"),
    [
        # near-misses: the state, a venue, an airport of the place told
        ("Salcedo was arrested in Culiacán, Milenio reported; police denied his "
         "arrest in Sinaloa.", SALCEDO),
        ("Salcedo was arrested in Culiacán, Milenio reported; police denied his "
         "arrest at the Hotel Lucerna.", SALCEDO),
        ("Jane Doe was arrested at Heathrow, the BBC reported; police denied her "
         "arrest at Heathrow Airport.", DOE),
    ],
)  # fmt: skip
def test_a_denial_at_the_place_told_takes_it_back(
    text: str, target: str, nlp: Any
) -> None:
    r = _read(text, nlp, target=target)
    assert not sightings(r)
    assert negated(r)


# -- 4: a "Posted" update after a date line --------------------------------------
_UPDATE = (
    "Cartel boss seen\n\n5 June 2018\n\nRodrigo Salcedo Ibarra was seen in Mazatlán "
    "on Sunday, police said.\n\nPosted 6 June 2018\n\nPolice now say he was "
    "arrested in Culiacán on Tuesday.\n"
)
_ONE_POST = (
    "Timeline\n\n12 March 2015\n\nRodrigo Salcedo Ibarra escaped from prison in "
    "Culiacán.\n\nPosted 3 June 2016\n\nHe was seen in Durango last week, police "
    "said.\n"
)


def test_one_posted_entry_is_an_update() -> None:
    assert date_line(_UPDATE) == (dt.date(2018, 6, 5), [])
    assert timeline_days(_UPDATE) == []
    assert date_line(_ONE_POST) == (dt.date(2015, 3, 12), [])
    # near-miss: a "Posted" entry with another entry after it heads a post
    series = _ONE_POST + "\nPosted 4 June 2016\n\nPolice said the search went on.\n"
    assert date_line(series) is None
    assert len(timeline_days(series)) == 3


@pytest.mark.nlp
def test_a_posted_update_keeps_the_publication_date(nlp: Any, tmp_path: Path) -> None:
    p = tmp_path / "u.txt"
    p.write_text(_UPDATE, encoding="utf-8")
    r = _read_file(p, nlp)
    assert r.published == dt.date(2018, 6, 5)
    assert sorted((s.place_name, s.date) for s in sightings(r)) == [
        ("Culiacán", dt.date(2018, 6, 5)),
        ("Mazatlán", dt.date(2018, 6, 3)),  # "on Sunday" before 5 June
    ]


@pytest.mark.nlp
def test_the_first_entry_before_one_post_is_of_its_day(
    nlp: Any, tmp_path: Path
) -> None:
    p = tmp_path / "t.txt"
    p.write_text(_ONE_POST, encoding="utf-8")
    r = _read_file(p, nlp)
    assert [(c.place_name, c.date) for c in claims(r)] == [
        ("Culiacán", dt.date(2015, 3, 12))
    ]


# -- 5: a side of the city under a city dateline ---------------------------------
_DOC = (
    "Fugitive seen\n\nDURANGO, Mexico - Rodrigo Salcedo Ibarra {rest}, officials "
    "said.\n"
)
_STATE = [("Durango", True)]
_CITY = [("Victoria de Durango", False)]


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("rest", "places"),
    [
        ("was seen in the crowded south of Durango city", _CITY),
        ("was seen in the rugged north of Durango city", _CITY),
        ("was seen in the industrial north of Durango", _CITY),
        ("was seen in the affluent north of Durango", _CITY),
        ("was seen in the poor east of Durango, near the bus station", _CITY),
        ("was seen in the wealthy west of Durango, near the university", _CITY),
        # near-misses: words of the land; the side alone
        ("was seen in the rugged north of Durango", _STATE),
        ("was seen in the arid north of Durango", _STATE),
        ("is believed to be hiding in the sparsely populated north of Durango",
         _STATE),
        ("is believed to be hiding in the mountainous west of Durango, near the "
         "Sinaloa border", _STATE),
        ("was seen in the north of Durango", _STATE),
    ],
)  # fmt: skip
def test_a_side_of_the_city_under_its_dateline(
    rest: str, places: list[Any], nlp: Any, tmp_path: Path
) -> None:
    p = tmp_path / "a.txt"
    p.write_text(_DOC.format(rest=rest), encoding="utf-8")
    assert _places(_read_file(p, nlp)) == places


# -- 6: a state's name in a list ----------------------------------------------------
_OAXACA = ("Oaxaca", False)


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Salcedo has been seen in Acapulco, Oaxaca and Veracruz.",
         "Acapulco de Juárez"),
        ("Salcedo was seen in Acapulco, Oaxaca, and Tapachula last month.",
         "Acapulco de Juárez"),
        ("Salcedo was seen in Morelia, Oaxaca and Guadalajara.", "Morelia"),
        ("Salcedo has been seen in Veracruz, Oaxaca and Puebla.", "Veracruz"),
        ("Salcedo was seen in Acapulco, Oaxaca.", "Acapulco de Juárez"),
    ],
)  # fmt: skip
def test_a_town_before_a_state_in_a_list_stays(text: str, town: str, nlp: Any) -> None:
    places = _places(_read(text, nlp))
    assert (town, False) in places
    assert _OAXACA in places


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "places"),
    [
        # near-misses: the state of the town before it
        ("Salcedo was seen in Juchitán, Oaxaca.",
         [("Heroica Ciudad de Juchitán de Zaragoza", False)]),
        ("Salcedo was seen in Juchitán, Oaxaca, on Monday.",
         [("Heroica Ciudad de Juchitán de Zaragoza", False)]),
        ("Salcedo was seen in Tehuantepec, Oaxaca.", [("Oaxaca State", True)]),
    ],
)  # fmt: skip
def test_the_state_of_the_town_before_it_qualifies_it(
    text: str, places: list[Any], nlp: Any
) -> None:
    assert _places(_read(text, nlp)) == places
