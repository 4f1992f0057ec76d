"""``plan`` and its field files: the defects of the twelfth outside review.

A sweep width wider than a cell (or metres typed as km) is refused; cells cut at
the antimeridian are counter-clockwise and carry no slivers; GPX longitudes stay
in [-180, 180); the GPX and KML hold a few merged search areas, not one waypoint
and one "track" per cell; probabilities never read 100 % below 1.
"""

from __future__ import annotations

import json
import re
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
import shapely
from typer.testing import CliRunner

from geosleuth.cli import app
from geosleuth.errors import InputError
from geosleuth.geometry import cut_at_antimeridian
from geosleuth.grid import Grid
from geosleuth.plan import allocate_greedy, allocate_optimal
from geosleuth.report.fieldfiles import (
    plan_areas,
    plan_cells,
    plan_geojson,
    plan_gpx,
    plan_kml,
)
from geosleuth.report.files import save_posterior
from geosleuth.report.text import percent_down, track_text

runner = CliRunner()
GPX = "{http://www.topografix.com/GPX/1/1}"
KML = "{http://www.opengis.net/kml/2.2}"


def _posterior(grid: Grid, lon: float, lat: float, sigma_km: float) -> np.ndarray:
    x, y = grid.cell_xy_km()
    cx, cy = grid.lonlat_to_xy_km(lon, lat)
    p = np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * sigma_km**2))
    return p / p.sum()


@pytest.fixture
def hundred_m(tmp_path: Path) -> Path:
    """An estimate on 100 m cells, as 'geosleuth locate' writes one."""
    grid = Grid.around(-4.03, 53.07, radius_km=2.0, cell_km=0.1)
    folder = tmp_path / "est"
    folder.mkdir()
    save_posterior(folder / "posterior.npz", grid, _posterior(grid, -4.03, 53.07, 0.6))
    return folder


def _plan(*args: object) -> tuple[int, str]:
    result = runner.invoke(app, ["plan", *map(str, args)], terminal_width=400)
    return result.exit_code, result.output


# ------------------------------------------------- 1: a swath wider than a cell
def test_a_sweep_width_wider_than_the_cells_is_refused_with_both_units(
    hundred_m: Path, tmp_path: Path
) -> None:
    code, out = _plan(
        hundred_m, "--budget-km", 40, "--sweep-width-km", 0.5, "--out", tmp_path / "o"
    )
    assert code == 1
    text = " ".join(out.split())
    assert "--sweep-width-km" in text and "0.5 km (500 m)" in text
    assert "0.1 km (100 m) a side" in text and "--cell-km" in text
    assert "Traceback" not in out and not (tmp_path / "o" / "plan.gpx").exists()


def test_metres_typed_as_km_are_named(hundred_m: Path, tmp_path: Path) -> None:
    code, out = _plan(
        hundred_m, "--budget-km", 10, "--sweep-width-km", 50, "--out", tmp_path / "o"
    )
    assert code == 1
    assert "If you meant 50 m, give --sweep-width-km 0.05" in " ".join(out.split())


def test_the_library_refuses_the_swath_for_locate_too() -> None:
    # locate --budget-km plans through allocate_optimal: the check lives there
    with pytest.raises(InputError, match=r"wider than the cells") as err:
        allocate_optimal([0.5, 0.5], 0.1, sweep_width_km=0.2, area_km2=0.01)
    assert err.value.field == "sweep_width_km"
    with pytest.raises(InputError, match=r"wider than the cells"):
        allocate_greedy([0.5, 0.5], 0.1, sweep_width_km=0.2, area_km2=0.01)
    # exactly a cell wide is allowed
    plan = allocate_optimal([0.5, 0.5], 0.1, sweep_width_km=0.1, area_km2=0.01)
    assert 0.0 < plan.pos < 1.0


def test_an_extreme_sweep_width_leaks_no_runtime_warning(
    hundred_m: Path, tmp_path: Path
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        code, out = _plan(
            hundred_m, "--budget-km", 1e9, "--sweep-width-km", 1e308,
            "--out", tmp_path / "o",
        )  # fmt: skip
    assert code == 1
    text = " ".join(out.split())
    assert "RuntimeWarning" not in text and "inf per km" not in text
    assert "--sweep-width-km" in text and "1e+308 km" in text


# ------------------------------------------ 2/3: the antimeridian, in every file
@pytest.fixture
def dateline_plan() -> tuple[Grid, object]:
    grid = Grid.around(179.985, -17.0, radius_km=5.0, cell_km=1.0)
    plan = allocate_optimal(
        _posterior(grid, 179.985, -17.0, 5 / 3), 20.0, sweep_width_km=0.1,
        area_km2=grid.cell_area_km2,
    )  # fmt: skip
    return grid, plan_cells(grid, plan, sweep_width_km=0.1)


def _signed_area(ring: np.ndarray) -> float:
    x, y = ring[:, 0], ring[:, 1]
    return float(0.5 * np.sum(x[:-1] * y[1:] - x[1:] * y[:-1]))


def test_cut_shapes_are_counter_clockwise_without_slivers() -> None:
    ring = shapely.Polygon(
        [(179.5, 0), (180.5, 0), (180.5, 1), (179.5, 1), (179.5, 0)][::-1]
    )  # given clockwise: each part still comes back counter-clockwise
    cut = cut_at_antimeridian(ring)
    assert all(g.exterior.is_ccw for g in cut.geoms)
    sliver = cut_at_antimeridian(shapely.box(179.0, 0.0, 180.00000005, 1.0))
    assert len(sliver.geoms) == 1 and sliver.bounds[2] == 180.0


def test_split_cells_are_counter_clockwise_in_geojson_and_kml(dateline_plan) -> None:
    _, pc = dateline_plan
    fc = plan_geojson(pc)
    split = [f for f in fc["features"] if f["geometry"]["type"] == "MultiPolygon"]
    assert split
    for f in fc["features"]:
        g = f["geometry"]
        polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
        for poly in polys:
            assert _signed_area(np.array(poly[0])) > 0
    kml = ET.fromstring(plan_kml(pc))
    for el in kml.iter(f"{KML}LinearRing"):
        text = el.findtext(f"{KML}coordinates") or ""
        pts = np.array([[float(v) for v in t.split(",")] for t in text.split()])
        assert _signed_area(pts) > 0


def test_gpx_longitudes_stay_below_180(dateline_plan) -> None:
    _, pc = dateline_plan
    gpx = ET.fromstring(plan_gpx(pc))
    lons = [float(el.get("lon", "nan")) for el in gpx.iter() if "lon" in el.attrib]
    assert lons and all(-180.0 <= v < 180.0 for v in lons)
    for seg in gpx.iter(f"{GPX}trkseg"):  # no ring jumps round the globe
        lon = np.array([float(p.get("lon", "nan")) for p in seg])
        assert np.ptp(lon) < 5.0


# ------------------------------------------- 4: field files a team can carry
def test_gps_files_hold_merged_areas_not_one_track_per_cell(
    hundred_m: Path, tmp_path: Path
) -> None:
    out = tmp_path / "o"
    code, text = _plan(
        hundred_m, "--budget-km", 30, "--sweep-width-km", 0.05, "--out", out
    )
    assert code == 0, text
    n_cells = len(json.loads((out / "plan.geojson").read_text())["features"])
    gpx = ET.parse(out / "plan.gpx").getroot()
    wpts, trks = gpx.findall(f"{GPX}wpt"), gpx.findall(f"{GPX}trk")
    assert 0 < len(wpts) == len(trks) < n_cells / 4
    for trk in trks:  # an outline to search inside, not a leg to follow
        assert (trk.findtext(f"{GPX}name") or "").endswith("boundary")
        assert trk.findtext(f"{GPX}type") == "boundary"
    desc = wpts[0].findtext(f"{GPX}desc") or ""
    assert "of track inside area A1" in desc and "POD" in desc
    # the areas' track adds up to the budget, as the cells' does
    kml = ET.parse(out / "plan.kml").getroot()
    marks = list(kml.iter(f"{KML}Placemark"))
    assert len(marks) == len(wpts)
    effort = sum(
        float(d.findtext(f"{KML}value") or "nan")
        for m in marks
        for d in m.iter(f"{KML}Data")
        if d.get("name") == "effort_km"
    )
    # with the slivers given too little track: folded into an area beside them
    # (review r31, L5), or left out and said where they touch none
    said = " ".join(text.split())
    assert "folded into areas beside them" in said
    slivers = re.search(r"and beside none \(([\d.]+) (k?m) in all", said)
    km = (
        0.0
        if slivers is None
        else float(slivers[1]) / (1.0 if slivers[2] == "km" else 1000.0)
    )
    assert effort + km == pytest.approx(30.0, abs=0.01)  # as rounded in the text
    assert "search areas" in " ".join(text.split())


def test_areas_are_capped_and_what_is_left_out_is_said() -> None:
    grid = Grid.around(10.0, 50.0, radius_km=2.0, cell_km=0.1)
    rng = np.random.default_rng(1)
    p = rng.dirichlet(np.ones(grid.n_cells))  # a speckled map: many small areas
    plan = allocate_optimal(p, 200.0, sweep_width_km=0.05, area_km2=grid.cell_area_km2)
    pc = plan_cells(grid, plan, sweep_width_km=0.05)
    # slivers of less than the sweep width, not 1 % of the plan (review r31, L5)
    areas = plan_areas(pc, max_areas=20, min_track_km=0.05)
    assert len(areas.areas) == 20 and areas.left_out_areas > 0
    kept = sum(a.cells.size for a in areas.areas)
    # slivers of less track than the sweep width (and 1 % of the plan): folded
    # into an area they touch (review r31, L5), or left out
    assert areas.small_areas + areas.folded_areas > 0
    small_cells = pc.n - kept - areas.left_out_cells
    assert small_cells >= areas.small_areas
    found = sum(a.p_found for a in areas.areas)
    assert found + areas.left_out_p_found + areas.small_p_found == pytest.approx(
        plan.pos, rel=1e-9
    )
    assert areas.small_effort_km <= 0.05 * small_cells
    assert [a.p_found for a in areas.areas] == sorted(
        (a.p_found for a in areas.areas), reverse=True
    )
    gpx = ET.fromstring(plan_gpx(pc, areas=areas))
    assert len(gpx.findall(f"{GPX}wpt")) == 20
    assert "left out of the GPS files" in (
        gpx.findtext(f"{GPX}metadata/{GPX}desc") or ""
    )
    # deterministic
    again = plan_areas(pc, max_areas=20, min_track_km=0.05)
    assert plan_gpx(pc, areas=areas) == plan_gpx(pc, areas=again)


def test_an_area_is_one_polygon_of_its_cells() -> None:
    grid = Grid.around(10.0, 50.0, radius_km=1.0, cell_km=0.5)  # 4 x 4
    plan = allocate_optimal(np.full(16, 1 / 16), 4.0, sweep_width_km=0.1,
                            area_km2=grid.cell_area_km2)  # fmt: skip
    areas = plan_areas(plan_cells(grid, plan, sweep_width_km=0.1))
    (area,) = areas.areas
    ((exterior, holes),) = area.polygons
    assert not holes and _signed_area(exterior) > 0
    lon, lat = grid.xy_km_to_lonlat(
        np.array([grid.west_km, grid.east_km, grid.east_km, grid.west_km]),
        np.array([grid.south_km, grid.south_km, grid.north_km, grid.north_km]),
    )
    for corner in np.column_stack([lon, lat]):  # the grid's corners are on it
        assert np.abs(exterior - corner).max(axis=1).min() < 1e-9
    assert area.area_km2 == pytest.approx(4.0)


# ------------------------------------------------- 9: never 100 % below 1
def test_probabilities_round_down_and_short_tracks_read_in_metres() -> None:
    assert percent_down(0.99982) == "99 %"
    assert percent_down(0.99982, decimals=1) == "99.9 %"
    assert percent_down(0.9999999, decimals=1) == "99.9 %"
    assert percent_down(1.0, decimals=1) == "100.0 %"
    assert percent_down(0.29) == "29 %"
    assert percent_down(1e-9) == "< 1 %"
    assert track_text(0.0017) == "1.7 m" and track_text(0.12) == "0.12 km"


def test_the_table_never_shows_a_pod_of_100_percent(
    hundred_m: Path, tmp_path: Path
) -> None:
    code, out = _plan(
        hundred_m, "--budget-km", 2000, "--sweep-width-km", 0.1, "--out", tmp_path / "o"
    )
    assert code == 0, out
    assert "100 %" not in out and "100.0 %" not in out
