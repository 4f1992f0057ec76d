"""Departures the review r22 found unpinned (items 4, 9, 10).

- "set off from Leeds ... for York" goes to a place: Leeds is where the target
  was on the movement's day and York a claim, both kept;
- "aboard her yacht", with no date, marks a going out as "on foot" does: Leeds
  is where she left from, not a place merely left;
- "left Cusco, Peru," is a departure from Cusco; Peru only qualifies it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from reading import DOE, reader, set_aside, sightings

pytestmark = pytest.mark.nlp

_read = reader(DOE)


def test_a_departure_for_a_place_keeps_the_claim_of_the_goal(nlp: Any) -> None:
    reading = _read("Jane Doe set off from Leeds on Monday for York.", nlp)
    assert [(i.kind, i.place_name, i.date) for i in reading.evidence] == [
        ("sighting", "Leeds", dt.date(2018, 6, 4)),
        ("claim", "York", dt.date(2018, 6, 4)),
    ]
    assert reading.evidence[1].polarity == "is"
    assert reading.evidence[0].note.startswith(
        "where the target left from ('set off from'): there on the movement's date"
    )
    assert set_aside(reading) == []


def test_aboard_marks_an_undated_departure(nlp: Any) -> None:
    reading = _read("Jane Doe left Leeds aboard her yacht, police said.", nlp)
    (seen,) = sightings(reading)
    assert (seen.place_name, seen.date, seen.subject) == (
        "Leeds",
        dt.date(2018, 6, 5),
        "target",
    )
    assert (
        seen.note == "where the target left from ('left Leeds'): the last known point"
    )
    assert set_aside(reading) == []


def test_a_departure_from_a_town_sets_its_country_aside(nlp: Any) -> None:
    reading = _read("Jane Doe left Cusco, Peru, on November 11.", nlp)
    assert [(i.kind, i.place_name, i.date) for i in reading.evidence] == [
        ("sighting", "Cusco", dt.date(2017, 11, 11)),
    ]
    assert [(x.reason, x.quote, x.detail) for x in reading.rejected] == [
        (
            "not_target",
            "Peru",
            "'Peru' only qualifies a more precise place in the same sentence",
        )
    ]
