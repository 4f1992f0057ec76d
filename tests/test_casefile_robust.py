"""Bad input never escapes as a traceback: case files, the CLI and relative dates.

Property tests feed the case-file loader random coordinates and random duplicate
keys, and check that the answer is a case or one :class:`CaseFileError`; the CLI
tests check that ``geosleuth locate`` prints such an error as one line and exits 1.
The last section covers :func:`geosleuth.read.dates.find_dates` near the ends of
the calendar.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import REPO
from geosleuth.casefile import parse_case
from geosleuth.cli import app
from geosleuth.errors import CaseFileError, EvidenceWarning
from geosleuth.read.dates import find_dates

SEED = REPO / "src" / "geosleuth" / "examples" / "seed-baghdadi-2018.yaml"

# --- strategies -------------------------------------------------------------------
# YAML-representable scalars: numbers (huge ints included), strings, booleans, null.
_scalars = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=-200, max_value=200),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.text(max_size=3),
    st.booleans(),
    st.none(),
)
_points = st.one_of(
    st.tuples(st.floats(40, 42), st.floats(34, 36)).map(list),
    st.lists(_scalars, max_size=3),
    _scalars,
)
_coordinates = st.one_of(
    st.lists(_points, max_size=6),
    st.recursive(_scalars, lambda inner: st.lists(inner, max_size=4), max_leaves=12),
)


@st.composite
def place_specs(draw: st.DrawFn) -> dict[str, Any]:
    """A ``places:`` entry with a line, a polygon or a GeoJSON geometry."""
    coords = draw(_coordinates)
    shape = draw(st.sampled_from(["line", "polygon", "geometry", "point"]))
    if shape == "geometry":
        kind = draw(
            st.sampled_from(["LineString", "MultiLineString", "Polygon", "Point"])
        )
        wrap = draw(st.sampled_from([0, 1, 2]))
        for _ in range(wrap):
            coords = [coords]
        return {"geometry": {"type": kind, "coordinates": coords}}
    if shape == "point":
        return {"lon": draw(_scalars), "lat": draw(_scalars)}
    return {shape: coords}


def _case(places: dict[str, Any]) -> str:
    doc = {
        "target": "T",
        "region": {"west": 40, "south": 34, "east": 42, "north": 36},
        "places": places,
        "evidence": [
            {"id": "a", "kind": "claim", "date": "2018-01-01", "place": "River"}
        ],
    }
    return yaml.safe_dump(doc, sort_keys=False)


@settings(max_examples=150)
@given(place_specs())
def test_any_place_coordinates_give_a_case_or_one_case_file_error(spec):
    text = _case({"River": spec})
    try:
        case = parse_case(text, source="case.yaml")
    except CaseFileError as err:
        # the schema or the geometry check: either way it names the place
        lines = text.splitlines()
        first, last = lines.index("places:") + 1, lines.index("evidence:")
        assert err.path == "case.yaml" and first < (err.line or 0) <= last
        assert (err.field or "").startswith("places.River") and "River" in str(err)
        return
    assert case.items[0].place_name == "River"


_ITEM = {
    "id": "a",
    "kind": "sighting",
    "date": "2018-01-01",
    "place": "{lon: 41, lat: 35}",
    "sigma_km": "1",
    "note": "x",
}


@settings(max_examples=60)
@given(
    st.permutations(list(_ITEM)),
    st.sampled_from(list(_ITEM)),
    st.sampled_from(list(_ITEM.values())),
)
def test_a_duplicated_item_key_is_always_refused_at_its_second_line(order, key, value):
    lines = [f"    {k}: {_ITEM[k]}" for k in order]
    at = order.index(key)
    lines.insert(at + 1, f"    {key}: {value}")
    text = (
        "target: T\nregion: {west: 40, south: 34, east: 42, north: 36}\nevidence:\n"
        "  -\n" + "\n".join(lines) + "\n"
    )
    with pytest.raises(CaseFileError, match=f"key '{key}' of evidence\\[0\\]") as err:
        parse_case(text)
    assert err.value.line == 5 + at + 1
    assert err.value.field == f"evidence[0].{key}"


# --- the CLI: one line, exit 1 -------------------------------------------------------
runner = CliRunner()

BAD_CASES = {
    "ragged": (
        "target: T\nregion: {west: 40, south: 34, east: 42, north: 36}\nplaces:\n"
        "  R: {line: [[40.5, 35], [41]]}\n"
        "evidence:\n  - {id: a, kind: claim, date: 2018-01-01, place: R}\n",
        "The place 'R'",
    ),
    "world": (
        "target: T\nregion: {west: -180, south: -90, east: 180, north: 90}\n"
        "evidence:\n"
        "  - {id: a, kind: sighting, date: 2018-01-01, place: {lon: 41, lat: 35}}\n",
        "smaller than a hemisphere",
    ),
    "dup": (
        "target: T\nregion: {west: 40, south: 34, east: 42, north: 36}\nevidence:\n"
        "  - id: a\n    kind: sighting\n    date: 2018-01-01\n    date: 2019-01-01\n"
        "    place: {lon: 41, lat: 35}\n",
        "key 'date' of evidence[0] is written twice",
    ),
    "cells": (
        "target: T\nregion: {west: 40, south: 34, east: 42, north: 36}\n"
        "grid: {cell_km: 0.01}\nevidence:\n"
        "  - {id: a, kind: sighting, date: 2018-01-01, place: {lon: 41, lat: 35}}\n",
        "0.01 km would cut this region",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_CASES))
def test_locate_prints_a_bad_case_as_one_line_and_exits_1(
    name: str, tmp_path: Path
) -> None:
    text, expected = BAD_CASES[name]
    case = tmp_path / f"{name}.yaml"
    case.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["locate", str(case), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1, result.output
    assert lines[0].startswith("CaseFileError: ")
    assert expected in " ".join(result.output.split())
    assert "Traceback" not in result.output


def test_locate_refuses_a_cell_size_that_cannot_fit_in_memory(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["locate", str(SEED), "--cell-km", "0.01", "--out", str(tmp_path)]
    )
    assert result.exit_code == 1, result.output
    assert "--cell-km" in result.output and "Traceback" not in result.output


# --- relative dates at the ends of the calendar ------------------------------------
def _quietly(text: str, published: dt.date) -> tuple[list[Any], list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        found = find_dates(text, published=published)
    return found, [str(w.message) for w in caught if w.category is EvidenceWarning]


@pytest.mark.parametrize(
    "text",
    [
        "3 days ago",
        "yesterday",
        "last week",
        "last month",
        "last year",
        "in the past two years",
        "1 May",
    ],
)
def test_a_relative_date_before_year_1_is_dropped_with_a_reason(text: str) -> None:
    found, reasons = _quietly(text, dt.date(1, 1, 1))
    assert found == []
    assert len(reasons) == 1
    assert f"The date {text!r}" in reasons[0]
    assert "outside the calendar" in reasons[0]


def test_the_warning_points_at_the_caller() -> None:
    with pytest.warns(EvidenceWarning, match="0001-01-03") as record:
        find_dates("3 days ago", published=dt.date(1, 1, 3))
    assert record[0].filename == __file__


def test_relative_dates_just_inside_the_calendar_are_kept() -> None:
    found, reasons = _quietly("3 days ago", dt.date(1, 1, 4))
    assert reasons == [] and found[0].date == dt.date(1, 1, 1)
    found, reasons = _quietly("999 decades ago", dt.date(9999, 12, 31))
    assert reasons == [] and found[0].date == dt.date(9, 12, 31)


@settings(max_examples=100)
@given(
    st.dates(),
    st.integers(min_value=0, max_value=999),
    st.sampled_from(["day", "week", "month", "year", "decade"]),
    st.sampled_from(["{n} {unit}s ago", "in the past {n} {unit}s", "last {unit}"]),
)
def test_relative_dates_never_overflow(published, n, unit, template) -> None:
    text = template.format(n=n, unit=unit)
    found, reasons = _quietly(text, published)
    assert len(found) + len(reasons) <= 1
    for mention in found:
        assert mention.date_from <= mention.date <= published
