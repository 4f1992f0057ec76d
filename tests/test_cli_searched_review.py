"""``geosleuth searched``: tracks with a buffer, areas far away, pd 0, GeoJSON files.

Each test goes with a defect an outside review found: the CLI could not record a
walked or flown track (a line needs a buffer, and ``--radius-km`` was dropped
for ``--geojson`` and ``--box``), took an area thousands of km from the case
without a word, took ``--pd 0``, and refused GeoJSON with a byte-order mark or
a FeatureCollection (what QGIS and CalTopo export).
"""

from __future__ import annotations

import json
import math
import re
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner

from conftest import REPO
from geosleuth.casefile import load_case
from geosleuth.cli import app
from geosleuth.evidence import Searched
from geosleuth.geometry import Area, Line, Point

runner = CliRunner()
HIKER = REPO / "src" / "geosleuth" / "examples" / "missing-hiker.yaml"
DAY = "2024-10-13"
BOX = "-4.07,53.06,-4.05,53.07"
# the Crib Goch route of the hiker example, flown with a 0.15 km buffer there
RIDGE = [[-4.0425, 53.0784], [-4.0557, 53.0760], [-4.0650, 53.0725], [-4.0762, 53.0685]]
SQUARE = [
    [-4.07, 53.06],
    [-4.06, 53.06],
    [-4.06, 53.07],
    [-4.07, 53.07],
    [-4.07, 53.06],
]
OTHER_SQUARE = [[x + 0.02, y] for x, y in SQUARE]


def _run(case: Path, *args: object) -> Any:
    return runner.invoke(
        app, ["searched", str(case), "--date", DAY, *map(str, args)], terminal_width=400
    )


def _write(path: Path, obj: Any, *, bom: bool = False) -> Path:
    text = json.dumps(obj)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def _feature(geometry: dict[str, Any] | None) -> dict[str, Any]:
    return {"type": "Feature", "properties": {"name": "x"}, "geometry": geometry}


def _collection(*geometries: dict[str, Any] | None) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": [_feature(g) for g in geometries]}


LINE = {"type": "LineString", "coordinates": RIDGE}
POLYGON = {"type": "Polygon", "coordinates": [SQUARE]}


@pytest.fixture
def case(tmp_path: Path) -> Path:
    path = tmp_path / "hiker.yaml"
    shutil.copy(HIKER, path)
    return path


def _last(case: Path) -> Searched:
    item = load_case(case).items[-1]
    assert isinstance(item, Searched)
    return item


def _refused(result: Any, case: Path, before: bytes, message: str) -> None:
    """One red line with ``message``, exit 1, no traceback, the case untouched."""
    assert result.exit_code == 1, result.output
    assert result.output.startswith("InputError: "), result.output
    assert message in result.output, result.output
    assert len(result.output.strip().splitlines()) == 1, result.output
    assert "Traceback" not in result.output
    assert case.read_bytes() == before


# ---------------------------------------------------------- 3: the width of a track
@pytest.mark.parametrize("flag", ["--radius-km", "--buffer-km"])
def test_a_flown_track_is_recorded_with_its_width_as_the_buffer(
    case: Path, tmp_path: Path, flag: str
) -> None:
    line = _write(tmp_path / "ridge.geojson", _feature(LINE))
    result = _run(case, "--pd", "0.5", "--geojson", line, flag, "0.15")
    assert result.exit_code == 0, result.output
    new = _last(case)
    # what the example's own helicopter search says, recorded from the CLI
    example = next(i for i in load_case(HIKER).items if i.id == "search-crib-goch")
    assert isinstance(example, Searched)
    assert isinstance(new.area, Line) and isinstance(example.area, Line)
    assert [p.tolist() for p in new.area.parts] == [
        p.tolist() for p in example.area.parts
    ]
    assert new.buffer_km == example.buffer_km == 0.15
    assert new.pd == 0.5
    assert result.stderr == ""  # on the case's ground: no warning


def test_a_point_in_geojson_takes_its_radius(case: Path, tmp_path: Path) -> None:
    point = _write(
        tmp_path / "p.geojson", {"type": "Point", "coordinates": [-4.06, 53.07]}
    )
    assert (
        _run(case, "--pd", "0.4", "--geojson", point, "--radius-km", "0.3").exit_code
        == 0
    )
    new = _last(case)
    assert new.area == Point(-4.06, 53.07) and new.buffer_km == 0.3


def test_a_track_without_a_width_is_refused_naming_the_flag(
    case: Path, tmp_path: Path
) -> None:
    before = case.read_bytes()
    line = _write(tmp_path / "ridge.geojson", LINE)
    result = _run(case, "--pd", "0.5", "--geojson", line)
    _refused(result, case, before, "(a LineString) needs a positive --radius-km")
    assert "'buffer_km'" not in result.output


@pytest.mark.parametrize("radius", ["0", "-0.1", "inf", "nan"])
def test_a_track_width_must_be_a_positive_finite_number(
    case: Path, tmp_path: Path, radius: str
) -> None:
    before = case.read_bytes()
    line = _write(tmp_path / "ridge.geojson", LINE)
    result = _run(case, "--pd", "0.5", "--geojson", line, "--radius-km", radius)
    _refused(result, case, before, "needs a positive --radius-km")


@pytest.mark.parametrize(
    ("area", "message"),
    [
        (["--box", BOX], "--radius-km (--buffer-km) has no meaning with --box"),
        (["--geojson", "{polygon}"], "has no meaning with --geojson"),
        (["--geojson", "{collection}"], "(a polygon): an area is searched as drawn"),
        (["--plan", "{plan}"], "has no meaning with --plan"),
    ],
)
def test_a_width_given_with_an_area_is_refused_not_dropped(
    case: Path, tmp_path: Path, area: list[str], message: str
) -> None:
    before = case.read_bytes()
    files = {
        "polygon": _write(tmp_path / "poly.geojson", POLYGON),
        "collection": _write(tmp_path / "fc.geojson", _collection(POLYGON)),
        "plan": _write(tmp_path / "plan.geojson", _plan(0.6)),
    }
    args = [a.format(**files) for a in area]
    pd = [] if area[0] == "--plan" else ["--pd", "0.5"]
    result = _run(case, *pd, *args, "--radius-km", "5")
    _refused(result, case, before, message)


def test_help_names_the_width_for_tracks_and_its_other_name() -> None:
    result = runner.invoke(app, ["searched", "--help"], terminal_width=200)
    assert result.exit_code == 0
    assert "--radius-km" in result.output and "--buffer-km" in result.output
    assert "FeatureCollection" in result.output


# ------------------------------------------------------------- 6: far away, pd 0
@pytest.mark.parametrize(
    ("area", "km"),
    [
        (["--box", "10,10,11,11"], 4834),  # as 'locate' says (the review's case)
        # lat, lon written as lon, lat, and half a degree off: a swap alone,
        # which would lie inside, is refused (review 39, L4: test_profile_r39)
        (["--geojson", "{swapped}"], 8000),
        (["--point", "53.065,-4.56", "--radius-km", "0.3"], 8000),
    ],
)
def test_a_search_far_outside_the_region_is_recorded_with_a_warning(
    case: Path, tmp_path: Path, area: list[str], km: int
) -> None:
    swapped = [[lat, lon - 0.5] for lon, lat in SQUARE]
    files = {
        "swapped": _write(
            tmp_path / "swapped.geojson", {"type": "Polygon", "coordinates": [swapped]}
        )
    }
    n_before = len(load_case(case).items)
    result = _run(case, "--pd", "0.5", *[a.format(**files) for a in area])
    assert result.exit_code == 0, result.output
    assert len(load_case(case).items) == n_before + 1  # recorded as asked
    warning = result.stderr.strip()
    assert len(warning.splitlines()) == 1, warning
    assert warning.startswith("EvidenceWarning: The searched area of ")
    assert "lies wholly outside the grid over the case's region" in warning
    far = re.search(r"([\d,]+) km from its nearest cell", warning)
    assert far is not None, warning
    assert int(far.group(1).replace(",", "")) >= km
    assert "check its coordinates" in warning


def test_the_distance_warned_of_is_the_one_locate_gives(
    case: Path, tmp_path: Path
) -> None:
    result = _run(case, "--pd", "0.5", "--box", "10,10,11,11", "--id", "far")
    assert result.exit_code == 0, result.output
    located = runner.invoke(
        app, ["locate", str(case), "--out", str(tmp_path / "out"), "--quiet"]
    )
    assert located.exit_code == 0, located.output
    assert "'far' is left out: its area lies outside the grid, 4,834 km" in (
        located.stderr
    )
    assert "4,834 km from its nearest cell" in result.stderr


@pytest.mark.parametrize(
    "extra",
    [
        [],  # the as-of day after the search: each day's map is made (review r25)
        ["--box", BOX],  # a second search, on the case's ground, the same day
    ],
)
def test_a_search_left_out_stays_out_on_a_later_day(
    case: Path, tmp_path: Path, extra: list[str]
) -> None:
    # 'locate --as-of' a day after it died with the traceback of an internal
    # "_Skip: its area lies outside the grid" (review r25, F1)
    far = _run(case, "--pd", "0.8", "--box=53.03,-4.66,53.12,-4.48", "--id", "far")
    assert far.exit_code == 0, far.output
    if extra:
        assert _run(case, "--pd", "0.5", *extra, "--id", "near").exit_code == 0
    located = runner.invoke(
        app,
        ["locate", str(case), "--as-of", "2024-10-14", "--out", str(tmp_path / "o")],
    )
    assert located.exit_code == 0, located.output
    assert "Traceback" not in located.output
    assert "'far' is left out: its area lies outside the grid" in located.stderr
    estimate = json.loads((tmp_path / "o" / "estimate.json").read_text("utf-8"))
    row = next(e for e in estimate["evidence"] if e["id"] == "far")
    assert row["used"] is False
    assert row["excluded_because"].startswith("its area lies outside the grid")
    assert 0.0 <= estimate["search_miss"] <= 1.0


def test_a_search_on_the_case_ground_gives_no_warning(case: Path) -> None:
    result = _run(case, "--pd", "0.5", "--box", BOX)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""


def _without_region(case: Path, *, cell_km: bool) -> Path:
    lines = case.read_text(encoding="utf-8").splitlines(keepends=True)
    drop = ("region:",) if cell_km else ("region:", "grid:")
    case.write_text(
        "".join(line for line in lines if not line.startswith(drop)), encoding="utf-8"
    )
    return case


def test_without_a_region_the_evidence_sets_the_ground(case: Path) -> None:
    _without_region(case, cell_km=False)
    result = _run(case, "--pd", "0.5", "--box", "-3.0,53.03,-2.9,53.12")
    assert result.exit_code == 0, result.output
    assert "outside the region drawn around the case's evidence" in result.stderr
    assert "62 km from its nearest cell" in result.stderr
    # a search does not stretch a drawn region (review 14): locate leaves it out
    assert "leaves it out: a search does not stretch the region" in result.stderr
    assert _run(case, "--pd", "0.5", "--box", BOX).stderr == ""


def test_a_far_search_is_kept_and_left_out_of_a_drawn_region(case: Path) -> None:
    # no region, 0.1 km cells: before review 14 a search in Africa stretched the
    # region there and broke the case (too many cells); a search says only where
    # the target is not, so the region stays around the evidence
    _without_region(case, cell_km=True)
    result = _run(case, "--pd", "0.5", "--box", "10,10,11,11")
    assert result.exit_code == 0, result.output
    assert "4,834 km from its nearest cell" in result.stderr
    assert "leaves it out" in result.stderr
    located = CliRunner().invoke(
        app, ["locate", str(case), "--out", str(case.parent / "out")]
    )
    assert located.exit_code == 0, located.output
    assert "only says where the target is not" in " ".join(located.output.split())


@pytest.mark.parametrize("pd", ["0", "-0.2", "1.5", "nan"])
def test_a_pd_outside_0_to_1_is_refused(case: Path, pd: str) -> None:
    before = case.read_bytes()
    result = _run(case, "--pd", pd, "--box", BOX)
    _refused(result, case, before, "--pd must be above 0 and at most 1")
    if pd == "0":
        assert "cannot detect anything" in result.output


def test_pd_of_1_is_still_taken(case: Path) -> None:
    assert _run(case, "--pd", "1", "--box", BOX).exit_code == 0
    assert _last(case).pd == 1.0


# ------------------------------------------------ 9: byte-order marks, collections
def test_geojson_with_a_byte_order_mark_is_read(case: Path, tmp_path: Path) -> None:
    path = _write(tmp_path / "bom.geojson", _feature(POLYGON), bom=True)
    result = _run(case, "--pd", "0.5", "--geojson", path)
    assert result.exit_code == 0, result.output
    area = _last(case).area
    assert isinstance(area, Area)
    assert area.polygons[0][0].tolist() == SQUARE


def _plan(pod: float) -> dict[str, Any]:
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": POLYGON,
                "properties": {"cell": 1, "pod": pod},
            }
        ],
    }


def test_a_plan_with_a_byte_order_mark_is_read(case: Path, tmp_path: Path) -> None:
    path = _write(tmp_path / "plan.geojson", _plan(0.62), bom=True)
    result = _run(case, "--plan", path)
    assert result.exit_code == 0, result.output
    assert math.isclose(_last(case).pd, 0.58)  # a step within 10 % (r60, M1)


def test_a_feature_collection_of_polygons_is_their_union(
    case: Path, tmp_path: Path
) -> None:
    other = {"type": "MultiPolygon", "coordinates": [[OTHER_SQUARE]]}
    path = _write(tmp_path / "caltopo.geojson", _collection(POLYGON, other), bom=True)
    result = _run(case, "--pd", "0.5", "--geojson", path)
    assert result.exit_code == 0, result.output
    new = _last(case)
    assert isinstance(new.area, Area) and new.buffer_km == 0.0
    # written to 1e-7° (review r60, M2): -4.050000000000001 is -4.05
    got = [p[0].tolist() for p in new.area.polygons]
    assert np.allclose(got, [SQUARE, OTHER_SQUARE], rtol=0.0, atol=1e-7)


def test_a_feature_collection_of_tracks_is_one_track_with_its_width(
    case: Path, tmp_path: Path
) -> None:
    back = {"type": "MultiLineString", "coordinates": [RIDGE[::-1], RIDGE[:2]]}
    path = _write(tmp_path / "tracks.geojson", _collection(LINE, back))
    result = _run(case, "--pd", "0.5", "--geojson", path, "--radius-km", "0.2")
    assert result.exit_code == 0, result.output
    new = _last(case)
    assert isinstance(new.area, Line) and new.buffer_km == 0.2
    assert [p.tolist() for p in new.area.parts] == [RIDGE, RIDGE[::-1], RIDGE[:2]]


@pytest.mark.parametrize(
    ("collection", "message"),
    [
        (_collection(POLYGON, LINE), "holds both polygons and lines"),
        (
            _collection(POLYGON, {"type": "Point", "coordinates": [-4.06, 53.07]}),
            "Feature 1 of the FeatureCollection in",
        ),
        ({"type": "FeatureCollection", "features": []}, "has no features"),
        (_collection(POLYGON, None), "geometry of feature 1 in"),
    ],
)
def test_a_feature_collection_that_is_not_one_search_is_refused(
    case: Path, tmp_path: Path, collection: dict[str, Any], message: str
) -> None:
    before = case.read_bytes()
    path = _write(tmp_path / "fc.geojson", collection)
    result = _run(case, "--pd", "0.5", "--geojson", path, "--radius-km", "0.2")
    _refused(result, case, before, message)
