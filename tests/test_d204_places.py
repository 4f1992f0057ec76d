"""Helper d204 (review r124 W6/W7): airports, macro-regions, division kinds.

- "X airport", "X International Airport", "the airport of X" and "JFK
  airport" name an airport of ``airportsdata``, picked by the document's
  other places: "Heathrow airport" is London's, not Heathrow, Florida;
  "Logan airport" Boston's; "Perth airport" beside Western Australia is
  Perth's there. "Logan" alone, "Heathrow" alone and "the airport" alone read
  as before; "London airport" (five airports alike) is London.
- "the Far East" is the region, not Pharr, Texas (whose other name is Far);
  "North West Province" is no village in North Carolina.
- The Northern Territory is a territory, the District of Columbia and Brazil's
  Distrito Federal federal districts, not states.
"""

from __future__ import annotations

from typing import Any

import pytest

from geosleuth.gazetteer import Gazetteer, area_kind
from geosleuth.read.toponyms import find_toponyms
from reading import reader, sightings

_doe = reader("Jane Doe")
_salcedo = reader("Rodrigo Salcedo Ibarra")


def _seen(reading: Any) -> list[tuple[str, str | None, str | None]]:
    return [
        (s.place_name, s.place_kind, _country(s.place.lon, s.place.lat))
        for s in sightings(reading)
    ]


def _country(lon: float, lat: float) -> str | None:
    """The country of the nearest point of a few we expect, for short asserts."""
    where = {
        "GB": (-0.5, 51.5),
        "US-MA": (-71.0, 42.4),
        "CA": (-79.6, 43.7),
        "IE": (-8.9, 52.7),
        "AU": (116.0, -32.0),
        "GB-SCT": (-3.4, 56.4),
        "US-FL": (-81.4, 28.8),
        "US-NY": (-73.8, 40.6),
        "MX": (-107.4, 24.8),
    }
    best = min(where, key=lambda k: (where[k][0] - lon) ** 2 + (where[k][1] - lat) ** 2)
    x, y = where[best]
    return best if (x - lon) ** 2 + (y - lat) ** 2 < 1.0 else None


_SEEN = "Jane Doe was seen at {} on Monday, police in {} said."


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("where", "police", "expected"),
    [
        # r124 W6/W7: towns of the airport's name, far from where it is
        ("Heathrow airport", "Paris", ("London Heathrow Airport", "airport", "GB")),
        (
            "Logan airport",
            "London",
            (
                "General Edward Lawrence Logan International Airport",
                "airport",
                "US-MA",
            ),
        ),
        (
            "Pearson airport",
            "London",
            ("Toronto Pearson International Airport", "airport", "CA"),
        ),
        ("Shannon airport", "London", ("Shannon Airport", "airport", "IE")),
        (
            "Perth airport",
            "Western Australia",
            ("Perth International Airport", "airport", "AU"),
        ),
        (
            "the airport of Perth",
            "Western Australia",
            ("Perth International Airport", "airport", "AU"),
        ),
        (
            "JFK airport",
            "New York",
            ("John F Kennedy International Airport", "airport", "US-NY"),
        ),
        (
            "London Heathrow Airport (LHR)",
            "Kent",
            ("London Heathrow Airport", "airport", "GB"),
        ),
        # near-misses: no "airport", or no one airport, read as before
        ("Heathrow", "London", ("Heathrow", None, "US-FL")),
        ("London airport", "London", ("London", None, "GB")),
    ],
)
def test_an_airport_named_is_the_airport(
    nlp: Any, where: str, police: str, expected: tuple[str, str | None, str]
) -> None:
    got = _seen(_doe(_SEEN.format(where, police), nlp))
    assert expected in got


@pytest.mark.nlp
def test_a_person_named_like_an_airport_is_no_airport(nlp: Any) -> None:
    got = _seen(_doe(_SEEN.format("the airport with Logan", "London"), nlp))
    assert all(kind != "airport" for _, kind, _ in got)


@pytest.mark.nlp
def test_the_airport_alone_names_no_place(nlp: Any) -> None:
    assert sightings(_doe(_SEEN.format("the airport", "London"), nlp)) == []


@pytest.mark.nlp
def test_a_towns_airport_is_at_the_airport(nlp: Any) -> None:
    text = "Salcedo was seen at Culiacán airport on Monday, police said."
    got = _seen(_salcedo(text, nlp))
    assert got == [("Federal de Bachigualato International Airport", "airport", "MX")]


def test_airports_are_found_only_by_their_own_keys() -> None:
    gaz = Gazetteer.default()
    assert all(gaz.kind(p) != "airport" for p, _ in gaz.match_ids("Heathrow"))
    assert [gaz.place(p).country for p, _ in gaz.airport_ids("Heathrow")] == ["GB"]
    assert gaz.airport_ids("jfk") == []  # a code only in capitals


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # review r213: "the Far East" is no place (test_d214_airports)
        ("She was seen in the Russian Far East.", ("Russian Far East", "region")),
        ("She was seen in the Middle East.", ("Middle East", "region")),
        ("She was seen in Far Rockaway.", ("Far Rockaway", "town")),
    ],
)
def test_a_macro_region_is_no_small_town(text: str, expected: tuple[str, str]) -> None:
    got = [(m.name, m.place.kind) for m in find_toponyms(text, nlp=False) if m.place]
    assert got == [expected]


@pytest.mark.parametrize(
    ("text", "resolved"),
    [
        ("She was seen in North West Province.", []),
        ("She was seen in the North West province of South Africa.", ["ZA"]),
        ("She was seen in Northwest, North Carolina.", ["US", "US"]),
    ],
)
def test_compass_words_before_province_name_no_town(
    text: str, resolved: list[str]
) -> None:
    got = [m.place.country for m in find_toponyms(text, nlp=False) if m.place]
    assert got == resolved


@pytest.mark.parametrize(
    ("name", "country", "kind"),
    [
        ("Northern Territory", "AU", "territory"),
        ("District of Columbia", "US", "federal district"),
        ("Distrito Federal", "BR", "federal district"),
        ("Western Australia", "AU", "state"),  # near-misses keep their word
        ("Texas", "US", "state"),
        ("Australian Capital Territory", "AU", "territory"),
    ],
)
def test_division_kinds(name: str, country: str, kind: str) -> None:
    gaz = Gazetteer.default()
    assert area_kind(gaz.resolve(name, country=country)) == kind
