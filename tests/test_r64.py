"""Review r60 on ``plan`` and ``searched --plan`` (helper f64).

M1: a plan's POD is recorded finely (a two-digit ladder, steps within 10 %,
down to 0.001, then merged into the fewest bands that keep 90 % of the plan's
P(found), no cell credited more than its POD nor below half of it), and what
was recorded is said. M2: each band's cells are merged into polygons, written
one position a line. L5: names are quoted without backslashes. L6:
``estimate.geojson``'s regions run counter-clockwise. L7: a GPS area's POD,
P(here) and P(found here) are rounded alike, "1 cell", a KML ``area_km2``
rounded. L8: one unit per column of the report's plan table.
"""

from __future__ import annotations

import itertools
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import shapely
from typer.testing import CliRunner

from conftest import REPO
from geosleuth.casefile import load_case
from geosleuth.cli import app
from geosleuth.cli import quoted as _quoted
from geosleuth.cli._plan_record import (
    _PD_LADDER,
    _merged_steps,
    _recorded_pd,
)
from geosleuth.evidence import Searched
from geosleuth.grid import Grid
from geosleuth.plan import allocate_optimal
from geosleuth.report._html_plan import plan_parts
from geosleuth.report.fieldfiles import (
    PlanArea,
    plan_areas,
    plan_cells,
    plan_gpx,
    plan_kml,
)
from geosleuth.report.geojson import hdr_region

runner = CliRunner()
HIKER = REPO / "src" / "geosleuth" / "examples" / "missing-hiker.yaml"
DAY = "2024-10-13"
#: a cell of the synthetic plans, in degrees (about 130 m by 110 m)
DLON, DLAT = 0.002, 0.001
WEST, SOUTH = -4.075, 53.055


def run(*args: object) -> Any:
    return runner.invoke(app, [str(a) for a in args])


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def case(tmp_path: Path) -> Path:
    path = tmp_path / "hiker.yaml"
    shutil.copy(HIKER, path)
    return path


def _ring(col: int, row: int) -> list[list[float]]:
    """A cell's outline, 4 points a side, counter-clockwise, as plan writes it."""
    w, s = WEST + col * DLON, SOUTH + row * DLAT
    t = [0.0, 0.25, 0.5, 0.75]
    pts = (
        [[w + DLON * k, s] for k in t]
        + [[w + DLON, s + DLAT * k] for k in t]
        + [[w + DLON * (1 - k), s + DLAT] for k in t]
        + [[w, s + DLAT * (1 - k)] for k in t]
    )
    return [[round(x, 7), round(y, 7)] for x, y in [*pts, pts[0]]]


def _plan(tmp_path: Path, cells: dict[tuple[int, int], tuple[float, float]]) -> Path:
    """A plan.geojson of cells ``(col, row): (pod, p)``."""
    feats = [
        {
            "type": "Feature",
            "geometry": {"type": "Polygon", "coordinates": [_ring(c, r)]},
            "properties": {"pod": pod, "p": p},
        }
        for (c, r), (pod, p) in cells.items()
    ]
    path = tmp_path / "plan.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": feats}))
    return path


def _new_items(case: Path) -> list[Searched]:
    items = [i for i in load_case(case).items if i.id.startswith(f"search-{DAY}")]
    assert items and all(isinstance(i, Searched) for i in items)
    return items  # type: ignore[return-value]


def _shape(item: Searched) -> Any:
    polys = [shapely.Polygon(rings[0], rings[1:]) for rings in item.area.polygons]
    return shapely.union_all(polys)


def _credited(
    items: list[Searched], cells: dict[tuple[int, int], tuple[float, float]]
) -> dict[tuple[int, int], float]:
    """Each cell's recorded pd: that of the item whose area holds its centre."""
    out = {}
    for c, r in cells:
        centre = shapely.Point(WEST + (c + 0.5) * DLON, SOUTH + (r + 0.5) * DLAT)
        held = [i.pd for i in items if _shape(i).contains(centre)]
        assert len(held) <= 1, (c, r, held)
        out[(c, r)] = held[0] if held else 0.0
    return out


# M1: the planned POD, recorded finely -------------------------------------


def test_the_ladder_steps_are_within_a_tenth_and_never_above_the_pod() -> None:
    assert _PD_LADDER[0] == 0.95 and _PD_LADDER[-1] == 0.001
    assert all(b >= 0.9 * a - 1e-12 for a, b in itertools.pairwise(_PD_LADDER))
    for pod in np.geomspace(0.001, 1.0, 400):
        pd = _recorded_pd(float(pod))
        assert pd is not None and pd <= pod * (1 + 1e-9)
        assert pd >= 0.9 * min(pod, 0.95 / 0.9) - 1e-12
    assert _recorded_pd(0.00099) is None


def test_merged_steps_keep_the_share_asked_and_no_cell_below_half() -> None:
    steps = list(_PD_LADDER[10:40])
    weights = [1.0] * len(steps)
    finest = sum(steps)
    runs = _merged_steps(steps, weights, 0.9 * finest)
    assert len(runs) < len(steps)
    assert runs[0][0] == 0 and runs[-1][1] == len(steps)
    kept = sum(steps[j - 1] * (j - i) for i, j in runs)
    assert kept >= 0.9 * finest
    assert all(steps[j - 1] >= 0.5 * steps[i] for i, j in runs)
    # asked for all the steps give: every step a band
    assert len(_merged_steps(steps, weights, finest)) == len(steps)


LOW = {  # a low-coverage plan: POD 0.06 at most, most cells below 0.05
    (c, r): (0.057 * 0.75 ** (c + r), 0.01 * 0.9 ** (c + r))
    for c in range(6)
    for r in range(4)
}


def test_a_low_coverage_plan_is_credited_nine_tenths_of_its_pos(
    case: Path, tmp_path: Path
) -> None:
    result = run("searched", case, "--date", DAY, "--plan", _plan(tmp_path, LOW))
    assert result.exit_code == 0, result.output
    items = _new_items(case)
    credited = _credited(items, LOW)
    planned = sum(p * pod for pod, p in LOW.values())
    recorded = sum(LOW[k][1] * pd for k, pd in credited.items())
    # the 0.05 rounding credited 1 cell of 24 (about a fifth of the POS)
    assert 0.9 * planned <= recorded <= planned
    for k, pd in credited.items():  # never more than planned, nor below half
        pod = LOW[k][0]
        assert pd <= pod * (1 + 1e-9) and (pd >= 0.5 * pod or pod < 0.001)
    said = flat(result.output)
    m = re.search(r"Recorded P\(found\) ([\d.]+) % of the planned ([\d.]+) %", said)
    assert m, said
    assert float(m[1]) == pytest.approx(100 * recorded, rel=2e-3)
    assert float(m[2]) == pytest.approx(100 * planned, rel=2e-3)


def test_a_plan_of_pod_above_005_keeps_its_credit_within_a_tenth(
    case: Path, tmp_path: Path
) -> None:
    cells = {
        (c, r): (0.6 - 0.05 * c - 0.03 * r, 0.02) for c in range(8) for r in range(3)
    }
    result = run("searched", case, "--date", DAY, "--plan", _plan(tmp_path, cells))
    assert result.exit_code == 0, result.output
    credited = _credited(_new_items(case), cells)
    planned = sum(p * pod for pod, p in cells.values())
    old = sum(p * (int(pod / 0.05 + 1e-9) * 0.05) for pod, p in cells.values())
    recorded = sum(cells[k][1] * pd for k, pd in credited.items())
    assert recorded == pytest.approx(old, rel=0.1)
    assert 0.9 * planned <= recorded <= planned
    # never more (a POD of 0.3 written 0.29999999999 is 0.3)
    assert all(credited[k] <= cells[k][0] * (1 + 1e-9) for k in cells)


def test_a_wide_thin_plan_is_recorded(case: Path, tmp_path: Path) -> None:
    cells = {(c, r): (0.003521, 0.001) for c in range(10) for r in range(5)}
    result = run("searched", case, "--date", DAY, "--plan", _plan(tmp_path, cells))
    assert result.exit_code == 0, result.output
    (item,) = _new_items(case)
    assert item.pd == pytest.approx(0.0034)
    assert "Recorded P(found)" in result.output


def test_a_plan_below_the_floor_is_refused_with_a_way_out(
    case: Path, tmp_path: Path
) -> None:
    before = case.read_bytes()
    cells = {(c, 0): (0.0004, 0.01) for c in range(3)}
    result = run("searched", case, "--date", DAY, "--plan", _plan(tmp_path, cells))
    assert result.exit_code == 1
    said = flat(result.output)
    assert "gives no cell a POD of 0.001 or more" in said
    assert "--geojson" in said and "--pd 0.0004" in said
    assert case.read_bytes() == before


@pytest.mark.parametrize("areas", [True, False])
def test_a_plan_below_the_floor_points_to_its_kml_only_if_it_has_areas(
    case: Path, tmp_path: Path, areas: bool
) -> None:
    cells = {(c, 0): (0.0004, 0.01) for c in range(3)}
    plan = _plan(tmp_path, cells)
    polygon = "<Placemark><Polygon></Polygon></Placemark>" if areas else ""
    plan.with_suffix(".kml").write_text(f"<kml>{polygon}</kml>", encoding="utf-8")
    result = run("searched", case, "--date", DAY, "--plan", plan)
    assert result.exit_code == 1
    said = flat(result.output)
    assert ("(its search areas)" in said) == areas
    assert ("holds no search area either" in said) == (not areas)
    assert "--pd 0.0004" in said


# M2: bands merged, written compactly ---------------------------------------


def test_a_band_of_adjacent_cells_is_one_polygon_covering_them(
    case: Path, tmp_path: Path
) -> None:
    cells = {(c, r): (0.4, 0.01) for c in range(12) for r in range(8)}
    lines = len(case.read_text().splitlines())
    result = run("searched", case, "--date", DAY, "--plan", _plan(tmp_path, cells))
    assert result.exit_code == 0, result.output
    (item,) = _new_items(case)
    assert len(item.area.polygons) == 1
    union = shapely.union_all([shapely.Polygon(_ring(c, r)) for c, r in cells])
    shape = _shape(item)
    assert shapely.symmetric_difference(shape, union).area <= 1e-6 * union.area
    # each position on one line: 96 cells of 17 vertices were ~3,300 lines
    added = case.read_text().splitlines()[lines:]
    assert len(added) < 100
    assert any(re.fullmatch(r"\s+- \[-4\.\d+, 53\.\d+\]", ln) for ln in added)


def test_cells_apart_stay_apart_and_a_ring_keeps_its_hole(
    case: Path, tmp_path: Path
) -> None:
    ring = {(c, r): (0.3, 0.01) for c in range(5) for r in range(5) if (c, r) != (2, 2)}
    apart = {(c, 0): (0.3, 0.01) for c in range(8, 10)}
    result = run(
        "searched", case, "--date", DAY, "--plan", _plan(tmp_path, ring | apart)
    )
    assert result.exit_code == 0, result.output
    (item,) = _new_items(case)
    assert sorted(len(poly) for poly in item.area.polygons) == [1, 2]
    for rings in item.area.polygons:  # RFC 7946: exterior CCW, holes CW
        assert shapely.LinearRing(rings[0]).is_ccw
        assert not any(shapely.LinearRing(h).is_ccw for h in rings[1:])
    centre = shapely.Point(WEST + 2.5 * DLON, SOUTH + 2.5 * DLAT)
    assert not _shape(item).contains(centre)


def test_a_real_plan_records_its_cells_union(case: Path, tmp_path: Path) -> None:
    est, out = tmp_path / "est", tmp_path / "plan"
    assert run("locate", case, "--out", est, "--quiet").exit_code == 0
    args = ["--budget-km", "10", "--sweep-width-km", "0.05", "--out", out]
    assert run("plan", est, *args).exit_code == 0
    result = run("searched", case, "--date", DAY, "--plan", out / "plan.geojson")
    assert result.exit_code == 0, result.output
    # estimate.geojson's 50 % and 90 % regions run counter-clockwise (L6)
    hdr = [
        f
        for f in json.loads((est / "estimate.geojson").read_text())["features"]
        if f["properties"].get("layer") == "hdr"
    ]
    assert len(hdr) == 2
    for f in hdr:
        geom = shapely.geometry.shape(f["geometry"])
        assert all(poly.exterior.is_ccw for poly in getattr(geom, "geoms", [geom]))
    feats = json.loads((out / "plan.geojson").read_text())["features"]
    cells = [f for f in feats if f["properties"].get("pod", 0) >= 0.001]
    union = shapely.union_all([shapely.geometry.shape(f["geometry"]) for f in cells])
    items = _new_items(case)
    recorded = shapely.union_all([_shape(i) for i in items])
    assert shapely.symmetric_difference(recorded, union).area <= 1e-5 * union.area
    # the cells were 17 vertices each
    vertices = sum(len(r) for i in items for poly in i.area.polygons for r in poly)
    assert vertices < 17 * len(cells) / 3
    planned = sum(f["properties"]["p"] * f["properties"]["pod"] for f in feats)
    m = re.search(r"Recorded P\(found\) ([\d.]+) %", flat(result.output))
    assert m and 0.9 * 100 * planned <= float(m[1]) <= 100 * planned * 1.001


# L5: quotes without backslashes ---------------------------------------------


def test_names_are_quoted_without_backslashes() -> None:
    assert _quoted("Zoë O'Brien-Ξενοφών") == '"Zoë O\'Brien-Ξενοφών"'
    assert "\\" not in _quoted('O\'B "Jo"')
    assert _quoted("car") == "'car'"  # the near-miss: as before


def test_a_plan_of_another_case_names_it_without_backslashes(
    case: Path, tmp_path: Path
) -> None:
    path = _plan(tmp_path, {(0, 0): (0.5, 0.1)})
    obj = json.loads(path.read_text())
    target = 'Zoë O\'Brien <b>"Жора"</b>'  # both quotes: repr wrote a backslash
    obj["estimate"] = {"target": target, "title": "Yr Wyddfa", "case": "x"}
    path.write_text(json.dumps(obj))
    result = run("searched", case, "--date", DAY, "--plan", path)
    assert result.exit_code == 1
    said = flat(result.output)
    assert "was made for another case" in said
    assert f"“{target}”" in said and "\\" not in said
    assert "'Yr Wyddfa'" in said  # the near-miss: plain text as before


# L6: HDR polygons counter-clockwise -----------------------------------------


def test_hdr_regions_run_counter_clockwise_with_clockwise_holes() -> None:
    g = Grid.around(-4.0, 53.0, radius_km=10.0, cell_km=1.0)
    x, y = g.cell_xy_km()
    r = np.hypot(x, y)
    p = np.where((r > 3.0) & (r < 7.0), 1.0, 1e-6)  # a ring: its region has a hole
    p /= p.sum()
    shape = hdr_region(p, g, 0.9)
    for poly in getattr(shape, "geoms", [shape]):
        assert poly.exterior.is_ccw
        assert not any(h.is_ccw for h in poly.interiors)
    assert any(len(poly.interiors) for poly in getattr(shape, "geoms", [shape]))


# L7: one rounding in the GPS files ------------------------------------------


def _area(p: float, p_found: float, n: int = 1) -> PlanArea:
    return PlanArea(
        rank=1,
        band=9,
        cells=np.arange(n),
        lon=0.0,
        lat=0.0,
        effort_km=1.0,
        area_km2=2.5800000000000005,
        coverage=9.0,
        p=p,
        p_found=p_found,
    )


def test_pod_p_here_and_p_found_here_agree_in_a_gps_area() -> None:
    said = _area(0.89, 0.89 * 0.99999995).describe()
    assert "P(here) 89.0 %, P(found here) 89.0 %" in said
    assert "POD > 99.9 %" in said and "(1 cell," in said
    # the near-miss: a POD well below 1 keeps its figures
    said = _area(0.2, 0.1, n=3).describe()
    assert "POD 50.0 %" in said and "P(found here) 10.0 %" in said
    assert "(3 cells," in said


def _small_plan() -> Any:
    g = Grid.around(10.0, 50.0, radius_km=1.0, cell_km=1.0)
    plan = allocate_optimal([0.7, 0.1, 0.1, 0.1], 1.0, sweep_width_km=0.5, area_km2=1.0)
    return plan_cells(g, plan, sweep_width_km=0.5)


def test_one_cell_is_a_cell_and_the_kml_area_is_rounded() -> None:
    pc = _small_plan()
    gpx = plan_gpx(pc).decode()
    assert "1 cells" not in gpx and "(1 cell merged by POD band" in gpx
    kml = ET.fromstring(plan_kml(pc))
    ns = "{http://www.opengis.net/kml/2.2}"
    values = [
        d.find(f"{ns}value").text  # type: ignore[union-attr]
        for d in kml.iter(f"{ns}Data")
        if d.get("name") == "area_km2"
    ]
    assert values and all(len(v.split(".")[-1]) <= 6 for v in values)  # type: ignore[union-attr]
    assert len(plan_areas(pc).areas) == 1


# L8: one unit per column ----------------------------------------------------


def _bands(*efforts: float) -> dict[str, Any]:
    ring = [[0.0, 0.0], [0.1, 0.0], [0.1, 0.1], [0.0, 0.0]]
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Polygon", "coordinates": [ring]},
                "properties": {"band": k + 1, "effort_km": e, "cells": 3},
            }
            for k, e in enumerate(efforts)
        ],
    }


def _column(html: str, k: int) -> list[str]:
    rows = re.findall(r"<tr>(.*?)</tr>", html.split('class="plan"')[1])
    return [re.findall(r"<td>(.*?)</td>", row)[k] for row in rows if "<td>" in row]


def test_a_column_of_track_has_one_unit() -> None:
    html, _ = plan_parts(_bands(0.04, 0.0084))
    assert _column(html, 1) == ["40.0 m", "8.4 m"]
    html, _ = plan_parts(_bands(12.5, 0.04))  # near-miss: all in km
    assert _column(html, 1) == ["12.50 km", "0.04 km"]
