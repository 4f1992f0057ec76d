"""Helper d214 (review r213 of d204's airports): airports after resolution.

- "<town> airport" is the town the resolver reads, in the document's context,
  then the airport that serves it: "St. Louis airport" is Lambert, not
  Senegal's Saint Louis; "Juárez airport" Ciudad Juárez's, not Mexico City's;
  "Hidalgo airport" stays the state.
- An airport's own name ("Heathrow", "Logan", "Schiphol") names it whole or
  by its surname, never by one word of a longer name ("National" of Hwange
  National Park), nor by an acronym ("ABC airport reporters"), a kind word
  ("Main airport roads") or a person before it ("Detective Sarah Kennedy").
- The airport step changes no other name ("... lived in Bangor").
- "the Far East" is no place, and no point in China; "Central district" of
  Hong Kong is its Central.
"""

from __future__ import annotations

from typing import Any

import pytest

from geosleuth.geometry import haversine_km
from reading import reader, sightings

_doe = reader("Jane Doe")


def _read(text: str, nlp: Any) -> tuple[list[tuple[str, str | None]], Any]:
    reading = _doe(text, nlp)
    return [(s.place_name, s.place_kind) for s in sightings(reading)], reading


def _near(reading: Any, lon: float, lat: float, km: float = 40.0) -> bool:
    """Whether the reading's only sighting lies within ``km`` of a point."""
    (s,) = sightings(reading)
    return float(haversine_km(s.place.lon, s.place.lat, lon, lat)) <= km


_SEEN = "Jane Doe was seen at {} on Monday, police{} said."


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("where", "police", "lon", "lat"),
    [
        # r213: the town as the resolver reads it, then its airport
        ("St. Louis airport", "", -90.37, 38.75),  # Lambert, not Senegal
        ("Saint Louis airport", "", -90.37, 38.75),
        ("Juarez airport", " in Chihuahua", -106.43, 31.64),  # not Mexico City
        ("La Paz airport", "", -68.19, -16.51),  # El Alto, not Argentina
        ("Santa Cruz airport", "", -63.14, -17.65),  # Viru Viru, not Rio
        ("Santa Maria airport", "", -53.69, -29.71),  # Brazil's, not Peru
        ("Naples airport", "", 14.29, 40.89),  # Italy, not Florida
        ("Cordoba airport", "", -64.21, -31.32),  # Argentina, not Spain
        (
            "Washington's airport",
            "",
            -77.46,
            38.95,
        ),  # Dulles, not Washington County, PA
        # near-misses: what d204 got right stays
        ("Culiacán airport", "", -107.47, 24.76),
        ("Heathrow airport", " in Paris", -0.46, 51.47),
        ("Logan airport", " in London", -71.01, 42.36),
        ("Kennedy airport", "", -73.78, 40.64),
        ("JFK airport", "", -73.78, 40.64),
        ("Schiphol airport", "", 4.76, 52.31),  # r213: found, now kept
        ("Jinnah airport", "", 67.16, 24.91),
        ("Khomeini airport", "", 51.15, 35.42),
        ("Ronald Reagan Washington National Airport", "", -77.04, 38.85),
    ],
)
def test_an_airport_is_its_towns_or_its_own(
    nlp: Any, where: str, police: str, lon: float, lat: float
) -> None:
    got, reading = _read(_SEEN.format(where, police), nlp)
    assert [kind for _, kind in got] == ["airport"]
    assert _near(reading, lon, lat, km=5.0)


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ("Hidalgo airport", [("Hidalgo", "state")]),  # a state: as before
        ("Jersey airport", []),  # not South Jersey Regional (US)
        ("Bermuda airport", []),  # not Bermuda Dunes (California)
        ("London airport", [("London", None)]),  # five airports alike
    ],
)
def test_no_airport_where_the_name_is_no_towns(
    nlp: Any, where: str, expected: list[tuple[str, str | None]]
) -> None:
    got, _ = _read(_SEEN.format(where, ""), nlp)
    assert got == expected


@pytest.mark.nlp
@pytest.mark.parametrize(
    "text",
    [
        "Jane Doe told ABC airport reporters in Sydney on Monday that she would stay.",
        "TSA airport screeners stopped Jane Doe in Atlanta on Monday.",
        "The IRA airport bombing was recalled as Jane Doe spoke in Belfast on Monday.",
        "Main airport roads were closed. Jane Doe was seen in Leeds on Monday.",
        "State airport officials said Jane Doe was seen in Augusta, Maine, on Monday.",
        "County airport officials said Jane Doe was seen in Tulsa on Monday.",
        "Golden Triangle airport staff said Jane Doe was seen in Chiang Rai on Monday.",
        "Detective Sarah Kennedy Airport Division said Jane Doe was seen in Miami "
        "on Monday.",
        "Jane Doe met Senator Lincoln airport officials in Little Rock on Monday.",
        "Jane Doe, a manager at Heathrow Airport Holdings, was seen in Reading on "
        "Monday.",
        "Jane Doe was seen with Dulles Airport employees in Leesburg on Monday.",
    ],
)
def test_words_before_airport_that_name_none(nlp: Any, text: str) -> None:
    reading = _doe(text, nlp)
    kinds = [m.place.kind for m in reading.mentions if m.place is not None]
    assert "airport" not in kinds


@pytest.mark.nlp
def test_the_airport_changes_no_other_name(nlp: Any) -> None:
    text = "Jane Doe was seen at Portland airport on Monday; she had lived in Bangor."
    reading = _doe(text, nlp)
    bangor = [m.place.country for m in reading.mentions if m.text == "Bangor"]
    assert bangor == ["US"]  # as before d204, not Wales


@pytest.mark.nlp
def test_a_second_heathrow_stays_unresolved(nlp: Any) -> None:
    text = (
        "Jane Doe was detained at Heathrow Airport on Monday. Heathrow police "
        "said she had flown from Lagos."
    )
    reading = _doe(text, nlp)
    names = [m.name for m in reading.mentions if m.text == "Heathrow"]
    assert names == ["London Heathrow Airport", None]  # not Heathrow, Florida


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Doe was seen in Russia's Far East on Monday, police said.", []),
        (
            "Jane Doe was seen in Vladivostok, in the Far East, on Monday.",
            ["Vladivostok"],
        ),
        ("Jane Doe was seen in Siberia and the Far East on Monday.", ["Siberia"]),
        ("Jane Doe was seen in the Far East on Monday.", []),
        ("Jane Doe was seen at the Far East Plaza in Singapore on Monday.", []),
        # near-misses
        ("Jane Doe was seen in the Russian Far East on Monday.", ["Russian Far East"]),
        ("Jane Doe was seen in the Middle East on Monday.", ["Middle East"]),
        ("Jane Doe was seen in Pharr, Texas, on Monday.", ["Pharr"]),
    ],
)
def test_the_far_east_is_no_point_in_china(
    nlp: Any, text: str, expected: list[str]
) -> None:
    got, _ = _read(text, nlp)
    assert [name for name, _ in got] == expected


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Doe was seen in Central district, Hong Kong, on Monday.", ["Central"]),
        (
            "Jane Doe was seen in Wan Chai and Central district on Monday, police "
            "in Hong Kong said.",
            ["Wan Chai", "Central"],
        ),
        ("Jane Doe was seen in North West Province on Monday.", []),  # near-miss
    ],
)
def test_compass_words_before_a_lowercase_district(
    nlp: Any, text: str, expected: list[str]
) -> None:
    got, _ = _read(text, nlp)
    assert [name for name, _ in got] == expected
