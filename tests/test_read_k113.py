"""Helper k113: compass names after review r112 of b102, airports, division kinds.

- A compass word before a capitalised name is never a place of its own ("West"
  of "West Yorkshire" is no village in Texas), and the name after it is read
  as before: "South Ossetia's", "Northern British Columbia", "North Fort
  Erie", "Eastern Deir ez-Zor", "North Antrim" are their places again (b102
  had dropped them or cut them to "Columbia", "Erie"). Where that name is
  held only as towns under 100,000 ("Yorkshire": Virginia), it lends no
  support to the document's other names, and one far from all of them is left
  unresolved: Leeds beside "West Yorkshire" stays in England, and a list goes
  on after it ("Leeds, West Yorkshire and Manchester").
- "Otley, west Yorkshire": after a comma and a compass word, a small town gives
  way only to a large place (Heathrow to London), not to Yorkshire, Virginia.
- "Stansted airport" is at Stansted Mountfitchet, which the gazetteer holds by
  that other name, whether "airport" is written large or small.
- England, Scotland and Wales are a "nation", Canada's territories a
  "territory", and Norway's counties all "county".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geosleuth.evidence import Provenance, Sighting
from geosleuth.gazetteer import Gazetteer, Place, area_kind
from geosleuth.geometry import Area, Point
from reading import reader, sightings

_doe = reader("Jane Doe")
_ag_alher = reader("Hamadou Ag Alher")
_hamilton = reader("Sydney Hamilton")
_salcedo = reader("Rodrigo Salcedo Ibarra")


def _seen(reading: Any) -> list[tuple[str, float | None, float | None]]:
    """(place, lon, lat) of each sighting; no point for an area."""
    out = []
    for s in sightings(reading):
        point = isinstance(s.place, Point)
        out.append(
            (
                s.place_name,
                round(s.place.lon, 1) if point else None,
                round(s.place.lat, 1) if point else None,
            )
        )
    return out


_LEEDS = ("Leeds", -1.5, 53.8)
_MANCHESTER = ("Manchester", -2.2, 53.5)
_LONDON = ("London", -0.1, 51.5)


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("read", "text", "expected"),
    [
        (
            _ag_alher,
            "Hamadou Ag Alher was seen in South Ossetia's capital Tskhinvali on "
            "Friday.",
            [("South Ossetia", 44.0, 42.4), ("Ts’khinvali", 44.0, 42.2)],
        ),
        (
            _ag_alher,
            "Hamadou Ag Alher was seen in North Kivu’s capital on Friday.",
            [("Nord-Kivu", None, None)],
        ),
        (
            _hamilton,
            "Sydney Hamilton was seen in South Dakota's capital on Friday.",
            [("South Dakota", None, None)],
        ),
        # near miss: an unknown compass name's possessive lends no country
        (_doe, "Jane Doe was seen in Leeds, West Yorkshire's largest city.", [_LEEDS]),
    ],
)
def test_a_possessive_compass_name_is_its_place(
    read: Any, text: str, expected: list[Any], nlp: Any
) -> None:
    assert _seen(read(text, nlp)) == expected


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("read", "text", "expected"),
    [
        (
            _hamilton,
            "Sydney Hamilton was seen in Northern British Columbia on Friday.",
            [("British Columbia", None, None)],
        ),
        (
            _hamilton,
            "Sydney Hamilton was seen in North Fort Erie on Friday.",
            [("Fort Erie", -78.9, 42.9)],
        ),
        (
            _hamilton,
            "Sydney Hamilton was seen in South Los Angeles on Friday.",
            [("Los Angeles", -118.2, 34.1)],
        ),
        (
            _salcedo,
            "Rodrigo Salcedo Ibarra was seen in North Baja California on Friday.",
            [("Baja California", None, None)],
        ),
        # near misses: a compass name held whole; a part of a large city
        (
            _doe,
            "Jane Doe was seen in West Palm Beach on Friday.",
            [("West Palm Beach", -80.1, 26.7)],
        ),
        (_doe, "Jane Doe was seen in North London on Friday.", [_LONDON]),
    ],
)
def test_a_compass_word_before_a_longer_name_keeps_it_whole(
    read: Any, text: str, expected: list[Any], nlp: Any
) -> None:
    assert _seen(read(text, nlp)) == expected


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("read", "text", "expected"),
    [
        (
            _ag_alher,
            "Hamadou Ag Alher was seen in Eastern Deir ez-Zor on Friday.",
            [("Deir ez-Zor", 40.1, 35.3)],
        ),
        (
            _doe,
            "Jane Doe was seen in North Antrim on Friday.",
            [("Antrim", -6.2, 54.7)],
        ),
        (
            _doe,
            "Jane Doe was seen in South Armagh and Newry on Friday.",
            [("Armagh", -6.7, 54.4), ("Newry", -6.3, 54.2)],
        ),
        (
            _ag_alher,
            "Hamadou Ag Alher was seen in East Timbuktu on Friday.",
            [("Timbuktu", -3.0, 16.8)],
        ),
        (
            _salcedo,  # "Ibarra" of the name (tagged ORG) is no place to cohere with
            "Rodrigo Salcedo Ibarra was seen in North Badiraguato on Friday.",
            [("Badiraguato", -107.6, 25.4)],
        ),
        # near misses: a far small town after a compass word lends nothing and
        # gives way; a match by another name only is no place
        (_doe, "Jane Doe was seen in Leeds, West Yorkshire, on Friday.", [_LEEDS]),
        (
            _doe,
            "Jane Doe was seen in Sheffield on Friday, South Yorkshire Police said.",
            [("Sheffield", -1.5, 53.4)],
        ),
        (_salcedo, "Rodrigo Salcedo Ibarra was seen in South Khorasan on Friday.", []),
    ],
)
def test_a_small_town_after_a_compass_word_is_read(
    read: Any, text: str, expected: list[Any], nlp: Any
) -> None:
    assert _seen(read(text, nlp)) == expected


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jane Doe was seen in Leeds, West Yorkshire and Manchester on Friday.",
            [_LEEDS, _MANCHESTER],
        ),
        (
            "Jane Doe was seen in Wakefield, West Yorkshire and Leeds on Friday.",
            [("Wakefield", -1.5, 53.7), _LEEDS],
        ),
        (
            "Jane Doe was seen in West Yorkshire and Manchester on Friday.",
            [_MANCHESTER],
        ),
        # near miss: a list's far item is its own place
        (
            "Jane Doe was seen in Leeds, West Yorkshire and Paris on Friday.",
            [_LEEDS, ("Paris", 2.3, 48.9)],
        ),
    ],
)
def test_a_list_goes_on_after_a_compass_name(
    text: str, expected: list[Any], nlp: Any
) -> None:
    assert _seen(_doe(text, nlp)) == expected


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jane Doe was seen in Otley, west Yorkshire, on Friday.",
            [("Otley", -1.7, 53.9)],
        ),
        (
            "Jane Doe was seen in Keighley, west Yorkshire, on Friday.",
            [("Keighley", -1.9, 53.9)],
        ),
        ("Jane Doe was seen in Leeds, west Yorkshire, on Friday.", [_LEEDS]),
        # near misses: a small far town gives way to a large place
        ("Jane Doe was seen at Heathrow, west London, on Friday.", [_LONDON]),
        ("Jane Doe was seen in Lewisham, south-east London, on Friday.", [_LONDON]),
    ],
)
def test_a_town_gives_way_only_to_a_large_place_after_a_compass_word(
    text: str, expected: list[Any], nlp: Any
) -> None:
    assert _seen(_doe(text, nlp)) == expected


_STANSTED = ("Stansted Mountfitchet", 0.2, 51.9)
_STANSTED_AIRPORT = ("London Stansted Airport", 0.2, 51.9)


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the airports themselves since helper d204 (airportsdata)
        ("Jane Doe was seen at Stansted airport on Friday.", [_STANSTED_AIRPORT]),
        ("Jane Doe was seen at Stansted Airport on Friday.", [_STANSTED_AIRPORT]),
        # near misses: Heathrow, Florida, gives way to London's airport
        (
            "Jane Doe was seen at Heathrow airport in London on Friday.",
            [("London Heathrow Airport", -0.5, 51.5), _LONDON],
        ),
        (
            "Jane Doe was seen at Gatwick airport on Friday.",
            [("London Gatwick Airport", -0.2, 51.1)],
        ),
    ],
)
def test_an_airport_is_at_the_town_it_is_named_after(
    text: str, expected: list[Any], nlp: Any
) -> None:
    assert _seen(_doe(text, nlp)) == expected


@pytest.mark.nlp
def test_a_demonym_after_a_compass_word_names_no_country(nlp: Any) -> None:
    r = _doe("Northern Irish police said Jane Doe was seen in Belfast on Friday.", nlp)
    assert [m.name for m in r.mentions] == ["Belfast"]


def _division(gaz: Gazetteer, name: str, country: str) -> Place:
    return next(
        gaz.place(p)
        for p, _ in gaz.match_ids(name)
        if gaz.kind(p) == "admin" and gaz.country_code(p) == country
    )


@pytest.mark.parametrize(
    ("name", "country", "expected"),
    [
        ("Scotland", "GB", "nation"),
        ("Wales", "GB", "nation"),
        ("Yukon", "CA", "territory"),
        ("Nunavut", "CA", "territory"),
        ("Rogaland", "NO", "county"),  # GeoNames: "County"
        ("Buskerud", "NO", "county"),  # GeoNames: no word; most of Norway's: County
        # near misses: a province; a country whose divisions GeoNames names
        # none of (Kosovo); Northern Ireland, a "Province"
        ("Ontario", "CA", "province"),
        ("Prizren", "XK", "division"),
        ("Northern Ireland", "GB", "province"),
    ],
)
def test_a_division_kind_by_its_countrys_word(
    name: str, country: str, expected: str
) -> None:
    assert area_kind(_division(Gazetteer.default(), name, country)) == expected


def test_a_blank_division_takes_its_countrys_word_only_where_most_have_one() -> None:
    gaz = Gazetteer.default()
    assert _division(gaz, "Buskerud", "NO").division == "County"
    # two of Taiwan's four divisions have no word: no majority to take
    ix = gaz._index
    tw = [p for (c, _), p in ix.admin_of.items() if c == "TW"]
    assert sorted(gaz.place(p).division or "" for p in tw) == [
        "",
        "",
        "Special municipality",
        "Special municipality",
    ]


@pytest.mark.parametrize("kind", ["nation", "territory"])
def test_an_item_keeps_the_new_kinds(kind: str) -> None:
    day = dt.date(2018, 6, 1)
    s = Sighting(
        id="s1",
        provenance=Provenance(document="d", quote="...", published=day),
        date=day,
        place=Area.box(-4.0, 56.0, -3.0, 57.0),
        place_name="Scotland",
        place_kind=kind,
    )
    assert s.to_dict()["place_kind"] == kind


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("read", "text", "expected"),
    [
        (_doe, "Jane Doe was seen in Scotland on Friday.", ("Scotland", "nation")),
        (
            _hamilton,
            "Sydney Hamilton was seen in Yukon on Friday.",
            ("Yukon", "territory"),
        ),
        # near miss
        (
            _hamilton,
            "Sydney Hamilton was seen in Ontario on Friday.",
            ("Ontario", "province"),
        ),
    ],
)
def test_an_article_keeps_a_nations_and_a_territorys_kind(
    read: Any, text: str, expected: tuple[str, str], nlp: Any
) -> None:
    assert [(s.place_name, s.place_kind) for s in sightings(read(text, nlp))] == [
        expected
    ]
