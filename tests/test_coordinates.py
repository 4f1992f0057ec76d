"""Coordinates written in a text (geosleuth.read.coordinates).

Search-and-rescue reports give positions as numbers ("her phone last pinged at
47.6062, -122.3321"); before this module they were ignored, and a sentence with
only coordinates gave no item at all.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geosleuth.read.coordinates import (
    MIN_SPREAD_KM,
    Position,
    find_coordinates,
    with_coordinates,
)
from geosleuth.read.toponyms import find_toponyms


def _one(text: str) -> Position:
    found = find_coordinates(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "lat", "lon", "written"),
    [
        ("last pinged at 47.6062, -122.3321 on Friday", 47.6062, -122.3321,
         "47.6062, -122.3321"),
        ("Coordinates: 40.7128° N, 74.0060° W.", 40.7128, -74.006,
         "40.7128° N, 74.0060° W"),
        ("found at 40.7128N 74.0060W", 40.7128, -74.006, "40.7128N 74.0060W"),
        ("Position 47°36′22″N 122°19′55″W, the coast guard said",
         47 + 36 / 60 + 22 / 3600, -(122 + 19 / 60 + 55 / 3600),
         "47°36′22″N 122°19′55″W"),
        ("The yacht reported N 36° 12.5' W 5° 30'.", 36 + 12.5 / 60, -5.5,
         "N 36° 12.5' W 5° 30'"),
        ("The wreck lies at 33°51'S 151°12'E.", -33.85, 151.2, "33°51'S 151°12'E"),
        ("at 47.6 degrees north, 122.3 degrees west", 47.6, -122.3,
         "47.6 degrees north, 122.3 degrees west"),
        ("latitude 47.6062, longitude -122.3321", 47.6062, -122.3321,
         "latitude 47.6062, longitude -122.3321"),
        ("lat: -33.86 lon: 151.21", -33.86, 151.21, "lat: -33.86 lon: 151.21"),
        ("GPS 47 36.372N 122 19.926W", 47.6062, -122.3321,
         "47 36.372N 122 19.926W"),
        ("the beacon (34.6951, 40.8314) was", 34.6951, 40.8314, "34.6951, 40.8314"),
        ("122.3321° W, 47.6062° N", 47.6062, -122.3321, "122.3321° W, 47.6062° N"),
        # from review 12: a letter touching the digits, "/", a trailing letter
        ("N47° 36.372' W122° 19.926'", 47.6062, -122.3321,
         "N47° 36.372' W122° 19.926'"),
        ("lat/long 47.6062/-122.3321", 47.6062, -122.3321, "47.6062/-122.3321"),
        ("her position 36.2, 5.5 W", 36.2, -5.5, "36.2, 5.5 W"),
        ("position 33.8688, 151.2093 S", -33.8688, 151.2093,
         "33.8688, 151.2093 S"),
        # aviation's dashes and abbreviated hemispheres (left out in session 12)
        ("The boat was at 47-36-22N 122-19-55W.", 47 + 36 / 60 + 22 / 3600,
         -(122 + 19 / 60 + 55 / 3600), "47-36-22N 122-19-55W"),
        ("Fix 47-36.5N, 122-19.9W at dawn", 47 + 36.5 / 60, -(122 + 19.9 / 60),
         "47-36.5N, 122-19.9W"),
        ("The yacht sank at 36° N. 5° W. on Monday.", 36.0, -5.0, "36° N. 5° W"),
    ],
)  # fmt: skip
def test_notations(text: str, lat: float, lon: float, written: str) -> None:
    p = _one(text)
    assert p.lat == pytest.approx(lat, abs=1e-9)
    assert p.lon == pytest.approx(lon, abs=1e-9)
    assert text[p.start : p.end] == written


@pytest.mark.parametrize(
    "text",
    [
        "He drove on Route 9 North, then I-95 South.",
        "Scores of 12.5, 14.25 were posted.",  # no cue, few decimals
        "coordinates 95.0, 10.0",  # latitude beyond 90
        "Position 47°75′N 122°19′W",  # 75 minutes
        "Mile 4 N 5 W",  # no degree sign, minutes or decimals
        "The vote was 51.2, 48.8 percent.",
        "a 12.5N 200.0E grid",  # longitude beyond 180
        # times of day after words that may also introduce a position (review 12:
        # a certain trace at 10.45° N, 11.30° E, in Nigeria)
        "Jane Doe's phone pinged at 10.45, 11.30 and 12.15 on Saturday near Leeds.",
        "The last fix, at 14.32, 15.07 GMT, placed her near Leeds.",
        "GPS tracker showed the car at mile 12.5, 14.5 on the highway.",
        "Her position in the polls fell to 12.5, 14.25 points.",
        "position -36.2, 5.5 N",  # a sign and a letter that disagree
        "Held on 2018-06-05 North of the river, 12-14 West Street.",
        "Mile 4 N. 5 W.",  # a period after the letter makes no degrees
    ],
)
def test_not_coordinates(text: str) -> None:
    assert find_coordinates(text) == []


def test_signed_pair_needs_a_cue_or_four_decimals() -> None:
    assert find_coordinates("The totals were 47.61, -122.33 on the day.") == []
    assert _one("GPS coordinates 47.61, -122.33 on the day.").lat == 47.61
    assert _one("The totals were 47.6062, -122.3321 on the day.").lat == 47.6062


def test_spread_follows_what_was_written() -> None:
    # one decimal: a 0.1° rounding interval, sd 0.1 / sqrt(12) degrees
    assert _one("at 47.6° N, 122.3° W").spread_km == pytest.approx(
        111.32 * 0.1 / math.sqrt(12)
    )
    # whole minutes: 1/60°
    assert _one("at 47°36′N 122°20′W").spread_km == pytest.approx(
        111.32 / 60 / math.sqrt(12)
    )
    # the coarser of the two sets the spread
    assert _one("at 47.6062° N, 122.3° W").resolution_deg == pytest.approx(0.1)
    # four decimals: the floor
    assert _one("GPS 47.6062, -122.3321").spread_km == MIN_SPREAD_KM


def test_with_coordinates_replaces_names_inside_and_keeps_the_rest() -> None:
    text = "Rescuers near Ashford found her at 46.8523° N, 121.7603° W on Sunday."
    names = find_toponyms(text, nlp=False)
    merged = with_coordinates(text, names)
    assert [m.text for m in merged][-1] == "46.8523° N, 121.7603° W"
    point = merged[-1]
    assert (point.lat, point.lon, point.place.kind) == (46.8523, -121.7603, "point")
    assert point.to_dict()["spread_km"] == MIN_SPREAD_KM
    assert all(not (m.start < point.end and point.start < m.end) for m in merged[:-1])
    # a place name keeps its record unchanged: no spread key
    assert all("spread_km" not in m.to_dict() for m in names)


_lats = st.floats(-89.9999, 89.9999, allow_nan=False)
_lons = st.floats(-179.9999, 179.9999, allow_nan=False)


@given(_lats, _lons, st.integers(1, 6))
def test_decimal_hemispheres_round_trip(lat: float, lon: float, digits: int) -> None:
    ns, ew = ("N" if lat >= 0 else "S"), ("E" if lon >= 0 else "W")
    text = f"Seen at {abs(lat):.{digits}f}° {ns}, {abs(lon):.{digits}f}° {ew} today."
    p = _one(text)
    assert abs(p.lat - round(lat, digits)) <= 1e-9
    assert abs(p.lon - round(lon, digits)) <= 1e-9
    assert p.resolution_deg == pytest.approx(10.0**-digits)
    # the label writes what was read, to the digits written
    assert _one(f"at {p.label} then").lat == pytest.approx(p.lat, abs=1e-9)


@given(_lats, _lons)
def test_degrees_minutes_seconds_round_trip(lat: float, lon: float) -> None:
    def dms(value: float) -> tuple[int, int, int]:
        total = round(abs(value) * 3600)
        return total // 3600, total // 60 % 60, total % 60

    (d1, m1, s1), (d2, m2, s2) = dms(lat), dms(lon)
    ns, ew = ("N" if lat >= 0 else "S"), ("E" if lon >= 0 else "W")
    p = _one(f"Position {d1}°{m1}′{s1}″{ns} {d2}°{m2}′{s2}″{ew}, the crew said.")
    assert abs(abs(p.lat) - (d1 + m1 / 60 + s1 / 3600)) <= 1e-9
    assert abs(abs(p.lon) - (d2 + m2 / 60 + s2 / 3600)) <= 1e-9
    assert abs(p.lat - lat) <= 1 / 3600 and abs(p.lon - lon) <= 1 / 3600
    assert p.resolution_deg == pytest.approx(1 / 3600)
    dashed = _one(f"at {d1}-{m1:02d}-{s1:02d}{ns} {d2}-{m2:02d}-{s2:02d}{ew} then")
    assert (dashed.lat, dashed.lon) == (p.lat, p.lon)


@given(st.text(max_size=80))
def test_any_text_gives_valid_positions(text: str) -> None:
    for p in find_coordinates(text):
        assert abs(p.lat) <= 90 and abs(p.lon) <= 180
        assert 0 <= p.start < p.end <= len(text)
        assert p.spread_km >= MIN_SPREAD_KM


def test_a_pair_written_longitude_first_is_read_by_the_places_around_it() -> None:
    # review 12: a trace at 73.99° S, 40.75° E (Antarctica) beside Manhattan
    text = "Her phone last pinged at -73.9857, 40.7484 in Manhattan on Friday."
    names = find_toponyms(text, nlp=False)
    (point,) = [m for m in with_coordinates(text, names) if m.place.kind == "point"]
    assert (point.lat, point.lon) == (40.7484, -73.9857)
    # near its places, latitude first stands; in brackets, GeoJSON's order
    text = "Her phone last pinged at 47.6062, -122.3321 in Seattle on Friday."
    names = find_toponyms(text, nlp=False)
    (point,) = [m for m in with_coordinates(text, names) if m.place.kind == "point"]
    assert (point.lat, point.lon) == (47.6062, -122.3321)
    assert _one("coordinates [-73.9857, 40.7484]").lat == 40.7484
