"""Precise fixes of the target's things, from review 17 (F4).

Before: "His Garmin inReach sent its last tracking point ... from 45.3302,
-111.4057" gave no item and no row (an inReach was no thing of the target's, a
"tracking point" no position, and the parse hung the longitude on "said"); the
South Fork of a creek named after the fix took a far town's place; and "Her
phone last connected to a cell tower in Barrie ..., according to police", whose
verb the parse hangs on "phone", gave nothing.
"""

from __future__ import annotations

from typing import Any

import pytest

from geosleuth.evidence import Sighting
from reading import reader

pytestmark = pytest.mark.nlp

_read = reader("Travis Lindqvist")
_HUNTER = "Travis Lindqvist, 47, went hunting near Bozeman, Mont. "


def _traces(reading: Any) -> list[Sighting]:
    return [
        i
        for i in reading.evidence
        if isinstance(i, Sighting) and i.subject == "associate"
    ]


def _point(item: Sighting) -> tuple[float, float]:
    lon, lat = item.place.lon, item.place.lat
    return round(lat, 4), round(lon, 4)


def test_inreach_fix_is_a_trace_at_its_coordinates(nlp: Any) -> None:
    r = _read(
        _HUNTER + "His inReach sent its last position at 4:12 p.m. Sunday from "
        "45.3302, -111.4057.",
        nlp,
    )
    [trace] = _traces(r)
    assert trace.who == "the target's inreach"
    assert _point(trace) == (45.3302, -111.4057)


def test_garmin_inreach_fix_with_longitude_parsed_apart(nlp: Any) -> None:
    r = _read(
        _HUNTER + "His Garmin inReach sent its last tracking point at 4:12 p.m. "
        "Sunday from 45.3302, -111.4057, sheriff's spokesman Jim Ford said.",
        nlp,
    )
    [trace] = _traces(r)
    assert trace.who == "the target's inreach"
    assert _point(trace) == (45.3302, -111.4057)
    assert not [x for x in r.rejected if x.reason == "no_place"]


def test_fix_is_at_its_coordinates_not_at_the_names_after_them(nlp: Any) -> None:
    r = _read(
        _HUNTER + "His Garmin inReach sent its last tracking point at 4:12 p.m. "
        "Sunday from 45.3302, -111.4057, on a ridge above the South Fork of "
        "Spanish Creek, sheriff's spokesman Jim Ford said.",
        nlp,
    )
    assert [_point(t) for t in _traces(r)] == [(45.3302, -111.4057)]


def test_phone_that_last_connected_to_a_tower_is_a_trace(nlp: Any) -> None:
    r = _read(
        "Chloe Martineau, 16, ran away from Sudbury, Ont. Martineau's phone last "
        "connected to a cell tower in Barrie on Friday afternoon and has not been "
        "used since, according to police.",
        nlp,
        target="Chloe Martineau",
    )
    assert [t.place_name for t in _traces(r)] == ["Barrie"]
