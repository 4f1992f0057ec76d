"""Helper q121: compass towns after review r118 of k113, lists, airports, territories.

- A small town after a compass word stands beside a far city of its own
  country, a dateline or the paper's home ("LONDON — ... South Armagh",
  "officials in Baghdad said ... eastern Hajin"), and by another spelling
  ("southern Jenin": Janīn); it gives way only where it lies in a country no
  other name picked and 800 km from all of them ("West Yorkshire" beside
  Leeds: no Yorkshire in Virginia), or where a capitalised compass name the
  gazetteer lacks matches it only by another of its names ("South Khorasan").
- It lends its country to the names beside it where some place that they may
  name lies near it: Fort Erie to Cambridge (Ontario), Timmins to London
  (Ontario), Navolato to Eldorado (Sinaloa); Yorkshire, Virginia, still lends
  nothing to Leeds or Bradford.
- "X, northern Y and Z" is a list: X is not read as a part of Y.
- "Orly airport, police in London said": a lowercase "airport" that no words
  tie to a place stands wherever the other towns lie ("Heathrow airport in
  London" still gives way).
- A first-level division GeoNames calls a territory is a "territory" in a
  country whose word is "state": the Australian Capital Territory, Delhi.
"""

from __future__ import annotations

from typing import Any

import pytest

from geosleuth.gazetteer import Gazetteer, area_kind
from geosleuth.geometry import Point
from reading import reader, sightings

_doe = reader("Jane Doe")
_ag_alher = reader("Hamadou Ag Alher")
_hamilton = reader("Sydney Hamilton")
_salcedo = reader("Rodrigo Salcedo Ibarra")


def _seen(reading: Any) -> list[tuple[str, str]]:
    """(place, country) of each sighting."""
    gaz = Gazetteer.default()
    out = []
    for s in sightings(reading):
        country = ""
        if isinstance(s.place, Point):
            # an airport (helper d204) by its own keys: "Shannon" of "Shannon
            # Airport"
            short = s.place_name.removesuffix(" Airport").removesuffix(" International")
            best = min(
                [p for p, _ in gaz.match_ids(s.place_name)]
                or [p for p, _ in gaz.airport_ids(short)],
                key=lambda p: (
                    abs(float(gaz.lons[p]) - s.place.lon)
                    + abs(float(gaz.lats[p]) - s.place.lat)
                ),
            )
            country = gaz.country_code(best)
        out.append((s.place_name, country))
    return out


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("read", "text", "expected"),
    [
        (
            _doe,
            "Jane Doe was seen in South Armagh on Monday, officials in London said.",
            [("Armagh", "GB")],
        ),
        (
            _doe,
            "LONDON (Reuters) - Jane Doe was seen in South Armagh on Monday.",
            [("Armagh", "GB")],
        ),
        (
            _ag_alher,
            "Hamadou Ag Alher was seen in eastern Hajin on Monday, officials in "
            "Baghdad said.",
            [("Hajīn", "SY")],
        ),
        (
            _salcedo,
            "Rodrigo Salcedo Ibarra was seen in northern Badiraguato on Monday, "
            "officials in Mexico City said.",
            [("Badiraguato", "MX")],
        ),
        (
            _ag_alher,
            "Hamadou Ag Alher was seen in northern Niono on Monday; he was later "
            "seen in Timbuktu.",
            [("Niono", "ML")],
        ),
        # near misses: a far town of another country gives way
        (
            _doe,
            "Jane Doe was seen in Leeds, West Yorkshire, on Friday.",
            [("Leeds", "GB")],
        ),
        (_doe, "LONDON — Jane Doe was seen in west Tyrone on Monday.", []),
    ],
)
def test_a_compass_town_stands_beside_a_far_city_of_its_country(
    read: Any, text: str, expected: list[Any], nlp: Any
) -> None:
    assert _seen(read(text, nlp)) == expected


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jane Doe was seen in southern Jenin on Monday, police said.",
            [("Janīn", "PS")],
        ),
        (
            "Jane Doe was seen in northern Jenin on Monday, officials in Jerusalem "
            "said.",
            [("Janīn", "PS")],
        ),
        (
            "Jane Doe was seen in northern Izium on Monday, police said.",
            [("Izyum", "UA")],
        ),
        # near miss: a capitalised compass name the gazetteer lacks
        ("Jane Doe was seen in South Khorasan on Monday, police said.", []),
    ],
)
def test_a_compass_town_by_another_spelling_is_read(
    text: str, expected: list[Any], nlp: Any
) -> None:
    assert _seen(_doe(text, nlp)) == expected


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("read", "text", "expected"),
    [
        (
            _hamilton,
            "Sydney Hamilton was seen in north Fort Erie and Cambridge on Monday.",
            [("Fort Erie", "CA"), ("Cambridge", "CA")],
        ),
        (
            _hamilton,
            "Sydney Hamilton was seen in northern Timmins and London on Monday.",
            [("Timmins", "CA"), ("London", "CA")],
        ),
        (
            _salcedo,
            "Rodrigo Salcedo Ibarra was seen in southern Navolato and Eldorado on "
            "Monday.",
            [("Navolato", "MX"), ("Eldorado", "MX")],
        ),
        # near misses: Yorkshire lies near no Leeds or Bradford it could lend to
        (
            _doe,
            "Jane Doe was seen in Bradford on Monday, West Yorkshire Police said.",
            [("Bradford", "GB")],
        ),
        (
            _doe,
            "Jane Doe was seen in Leeds, West Yorkshire and Paris on Friday.",
            [("Leeds", "GB"), ("Paris", "FR")],
        ),
    ],
)
def test_a_compass_town_lends_its_country_where_it_lies_near_the_others(
    read: Any, text: str, expected: list[Any], nlp: Any
) -> None:
    assert _seen(read(text, nlp)) == expected


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("read", "text", "expected"),
    [
        (
            _ag_alher,
            "Hamadou Ag Alher was seen in Hajin, eastern Aleppo and Raqqa on Monday.",
            [("Hajīn", "SY"), ("Aleppo", "SY"), ("Ar Raqqah", "SY")],
        ),
        (
            _doe,
            "Jane Doe was seen in Omagh, north London and Paris on Monday.",
            [("Omagh", "GB"), ("London", "GB"), ("Paris", "FR")],
        ),
        # near misses: a town and a part of the city that holds it
        (
            _doe,
            "Jane Doe was seen at Heathrow, west London, on Friday.",
            [("London", "GB")],
        ),
        (
            _doe,
            "Jane Doe was seen at Heathrow, west London, and Paris on Friday.",
            [("London", "GB"), ("Paris", "FR")],
        ),
    ],
)
def test_a_list_before_a_compass_name_keeps_its_first_town(
    read: Any, text: str, expected: list[Any], nlp: Any
) -> None:
    assert _seen(read(text, nlp)) == expected


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the airports themselves since helper d204 (airportsdata)
        (
            "Jane Doe was seen at Orly airport on Monday, police in London said.",
            [("Paris-Orly Airport", "FR")],
        ),
        (
            "Jane Doe was seen at Shannon airport on Monday, police in London said.",
            [("Shannon Airport", "IE")],
        ),
        # near misses: an airport the words place in London
        (
            "Jane Doe was seen at Heathrow airport in London on Friday.",
            [("London Heathrow Airport", "GB"), ("London", "GB")],
        ),
        (
            "Jane Doe was seen at Heathrow airport, west London, on Friday.",
            [("London Heathrow Airport", "GB"), ("London", "GB")],
        ),
    ],
)
def test_an_untied_lowercase_airport_stands_beside_a_far_city(
    text: str, expected: list[Any], nlp: Any
) -> None:
    assert _seen(_doe(text, nlp)) == expected


@pytest.mark.parametrize(
    ("name", "country", "expected"),
    [
        ("Australian Capital Territory", "AU", "territory"),
        ("Delhi", "IN", "territory"),
        ("Abuja Federal Capital Territory", "NG", "territory"),
        # near misses: a state of the same countries; Canada's territory
        ("Victoria", "AU", "state"),
        ("Maharashtra", "IN", "state"),
        ("Yukon", "CA", "territory"),
    ],
)
def test_a_territory_wins_over_its_countrys_word(
    name: str, country: str, expected: str
) -> None:
    gaz = Gazetteer.default()
    place = next(
        gaz.place(p)
        for p, _ in gaz.match_ids(name)
        if gaz.kind(p) == "admin" and gaz.country_code(p) == country
    )
    assert area_kind(place) == expected
