"""Helper b102: Leeds in a West Yorkshire story, Heathrow, and division kinds.

- "West Yorkshire", which the gazetteer does not hold, was read as a village
  called West (Texas) and a town called Yorkshire (Virginia), whose country
  pulled Leeds to Leeds, Alabama. Leeds now stays in England (since helper
  k113, test_read_k113.py: a compass word before a name is no place of its
  own, and a name after it held only as small towns lends no country).
  "North London" is London, "West Palm Beach" itself; a story that names
  Alabama keeps Leeds, Alabama; a bare "Leeds" is Leeds, England.
- "Heathrow airport in London" and "Heathrow, west London" are no Heathrow in
  Florida (the gazetteer holds none in England: the name stays unresolved);
  a bare "Heathrow" is still the Florida town, the only one held.
- A first-level division of a country with no word of its own says what
  GeoNames calls it: Montenegro's Kotor is a "municipality", not a
  "province"; a division GeoNames gives no kind word is a "division".
"""

from __future__ import annotations

from typing import Any

import pytest

from geosleuth.gazetteer import Gazetteer, Place, area_kind
from geosleuth.geometry import Area
from reading import claims, reader, sightings

_doe = reader("Jane Doe")
_vukovic = reader("Dragan Vuković")


def _placed(reading: Any) -> list[tuple[str, float, float]]:
    return [
        (i.place_name, round(i.place.lon, 1), round(i.place.lat, 1))
        for i in [*sightings(reading), *claims(reading)]
    ]


_LEEDS_GB = ("Leeds", -1.5, 53.8)
_LEEDS_AL = ("Leeds", -86.5, 33.5)


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jane Doe was killed in Leeds on Friday, police said; West Yorkshire "
            "Police denied the arrest of the suspect.",
            [_LEEDS_GB],
        ),
        (
            "Jane Doe, 34, was last seen in Leeds, West Yorkshire, on Friday.",
            [_LEEDS_GB],
        ),
        # near misses: no context, a British city's part, an Alabama story
        ("Jane Doe was last seen in Leeds on Friday.", [_LEEDS_GB]),
        ("Jane Doe was last seen in North London on Friday.", [("London", -0.1, 51.5)]),
        (
            "Jane Doe was last seen in West Palm Beach on Friday.",
            [("West Palm Beach", -80.1, 26.7)],
        ),
        ("Jane Doe was last seen in Leeds, Alabama, on Friday.", [_LEEDS_AL]),
        (
            "Jane Doe was last seen in Leeds on Friday, police in Birmingham, "
            "Alabama, said.",
            [_LEEDS_AL],
        ),
    ],
)
def test_an_unknown_compass_name_lends_no_country(
    text: str, expected: list[tuple[str, float, float]], nlp: Any
) -> None:
    assert _placed(_doe(text, nlp)) == expected


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the airport itself since helper d204 (airportsdata)
            "Jane Doe was seen at Heathrow airport in London on Friday.",
            [("London Heathrow Airport", -0.5, 51.5), ("London", -0.1, 51.5)],
        ),
        (
            "Jane Doe was seen at Heathrow, west London, on Friday.",
            [("London", -0.1, 51.5)],
        ),
        # near misses: the only Heathrow held, alone; an airport at its city
        ("Jane Doe was seen at Heathrow on Friday.", [("Heathrow", -81.4, 28.8)]),
        (  # the airport itself since helper d204
            "Jane Doe was seen at Culiacán airport on Friday.",
            [("Federal de Bachigualato International Airport", -107.5, 24.8)],
        ),
    ],
)
def test_heathrow_in_london_is_no_town_in_florida(
    text: str, expected: list[tuple[str, float, float]], nlp: Any
) -> None:
    assert _placed(_doe(text, nlp)) == expected


@pytest.mark.parametrize(
    ("division", "country", "expected"),
    [
        ("Municipality", "ME", "municipality"),
        ("Governorate", "IQ", "province"),
        ("District", "RS", "division"),
        ("", "GB", "division"),
        # near misses: a country's own word first; no source asked
        ("Land", "DE", "state"),
        ("Metropolitan region", "FR", "region"),
        (None, "SY", "province"),
    ],
)
def test_a_division_is_what_geonames_calls_it(
    division: str | None, country: str, expected: str
) -> None:
    box = Area.box(18.0, 42.0, 19.0, 43.0)
    place = Place("X", 18.5, 42.5, box, "admin", None, country, 0, "test",
                  division=division)  # fmt: skip
    assert area_kind(place) == expected


def test_kotor_is_a_municipality() -> None:
    gaz = Gazetteer.default()
    kotor = next(
        gaz.place(p)
        for p, _ in gaz.match_ids("Kotor")
        if gaz.kind(p) == "admin" and gaz.country_code(p) == "ME"
    )
    assert (kotor.division, area_kind(kotor)) == ("Municipality", "municipality")


@pytest.mark.nlp
def test_an_article_keeps_kotors_kind(nlp: Any) -> None:
    r = _vukovic("Dragan Vuković was seen in Kotor on Friday.", nlp)
    assert [(s.place_name, s.place_kind) for s in sightings(r)] == [
        ("Kotor", "municipality")
    ]
