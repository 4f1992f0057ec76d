"""Tests of ``geosleuth plan`` (in-process, through Typer's CliRunner)."""

from __future__ import annotations

import csv
import json
import math
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest
from typer.testing import CliRunner

from geosleuth.cli import app
from geosleuth.grid import Grid
from geosleuth.plan import (
    SearchPlan,
    allocate_optimal,
    update_after_unsuccessful_search,
)
from geosleuth.report.text import pct

FloatArray = npt.NDArray[np.float64]
GPX = {"g": "http://www.topografix.com/GPX/1/1"}
KML = {"k": "http://www.opengis.net/kml/2.2"}
TITLE = 'Missing hiker <A & "B">'

runner = CliRunner()


def _grid() -> Grid:
    return Grid.around(-3.2, 56.4, radius_km=3.0, cell_km=0.5)  # 12 x 12 cells


def _posterior(grid: Grid) -> FloatArray:
    x, y = grid.cell_xy_km()
    p = np.exp(-0.5 * ((x - 0.8) ** 2 + (y + 0.4) ** 2) / 1.5**2)
    return np.asarray(p / p.sum(), dtype=np.float64)


def _write_estimate(folder: Path, grid: Grid, p: FloatArray) -> Path:
    """Write ``posterior.npz`` in exactly the format ``geosleuth locate`` writes."""
    folder.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        folder / "posterior.npz", p=p, grid=np.array(json.dumps(grid.to_dict()))
    )
    (folder / "estimate.json").write_text(
        json.dumps({"title": TITLE, "target": "the hiker"}), encoding="utf-8"
    )
    return folder


@pytest.fixture
def estimate(tmp_path: Path) -> Path:
    grid = _grid()
    return _write_estimate(tmp_path / "est", grid, _posterior(grid))


def _plan(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["plan", *args])
    return result.exit_code, result.stdout, result.stderr


def test_help_lists_the_options() -> None:
    code, out, _ = _plan("--help")
    assert code == 0
    for option in ("--budget-km", "--sweep-width-km", "--rest-of-world", "--out"):
        assert option in out


@pytest.fixture(scope="module")
def planned(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """One plan with a rest of world, written once: (its folder, the printed text)."""
    root = tmp_path_factory.mktemp("planned")
    grid = _grid()
    est = _write_estimate(root / "est", grid, _posterior(grid))
    out_dir = root / "plan"
    code, out, err = _plan(
        str(est),
        "--budget-km",
        "40",
        "--sweep-width-km",
        "0.05",
        "--rest-of-world",
        "0.1",
        "--out",
        str(out_dir),
    )
    assert code == 0, err
    return out_dir, out


def _expected_plan() -> SearchPlan:
    """The plan of ``planned``, straight from the library."""
    grid = _grid()
    return allocate_optimal(
        0.9 * _posterior(grid),
        40.0,
        sweep_width_km=0.05,
        area_km2=grid.cell_area_km2,
        rest_of_world=0.1,
    )


def _features(out_dir: Path) -> list[dict[str, Any]]:
    fc = json.loads((out_dir / "plan.geojson").read_text(encoding="utf-8"))
    return list(fc["features"])


def _csv_rows(out_dir: Path) -> list[dict[str, str]]:
    with (out_dir / "plan.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _shoelace(ring: FloatArray) -> float:
    """Signed area of a closed (x, y) ring: positive when counter-clockwise."""
    x, y = ring[:, 0], ring[:, 1]
    return float(0.5 * np.sum(x[:-1] * y[1:] - x[1:] * y[:-1]))


def test_plan_prints_the_table_and_writes_four_files(
    planned: tuple[Path, str],
) -> None:
    out_dir, out = planned
    assert "where to search" in out
    assert "POS" in out
    assert "expected effort" in out
    assert "Rest of world: 10.0 % now" in out
    for ext in ("geojson", "csv", "gpx", "kml"):
        assert (out_dir / f"plan.{ext}").is_file()

    expected = _expected_plan()
    # rounded down for display: a POS is never shown above what it is
    assert f"{math.floor(expected.pos * 1000) / 10:.1f} %" in out

    fc = json.loads((out_dir / "plan.geojson").read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection"
    assert fc["name"] == TITLE
    assert fc["plan"]["pos"] == pytest.approx(expected.pos)
    efforts = [f["properties"]["effort_km"] for f in fc["features"]]
    assert sum(efforts) == pytest.approx(40.0, rel=1e-5)
    assert efforts == sorted(efforts, reverse=True)
    ring = fc["features"][0]["geometry"]["coordinates"][0]
    assert ring[0] == ring[-1]
    lon, lat = np.array(ring).T
    assert np.all((lon > -3.3) & (lon < -3.1) & (lat > 56.3) & (lat < 56.5))

    rows = _csv_rows(out_dir)
    assert len(rows) == len(fc["features"])
    assert rows[0]["rank"] == "1"
    assert float(rows[0]["pod"]) == pytest.approx(
        fc["features"][0]["properties"]["pod"]
    )


def test_rest_of_world_if_the_plan_fails_is_bayes_rule(
    planned: tuple[Path, str],
) -> None:
    out_dir, out = planned
    expected = _expected_plan()
    # by hand: nothing outside the grid is searched, so r' = r / (1 - POS)
    rest_after = 0.1 / (1.0 - expected.pos)
    assert rest_after > 0.105  # far enough from 10 % to print differently
    assert (
        f"Rest of world: 10.0 % now, {pct(rest_after)} if the whole plan finds nothing."
        in out
    )
    summary = json.loads((out_dir / "plan.geojson").read_text())["plan"]
    assert summary["rest_of_world"] == pytest.approx(0.1)
    assert summary["rest_of_world_if_unsuccessful"] == pytest.approx(
        rest_after, rel=1e-9
    )


def test_field_file_numbers_match_an_independent_recomputation(
    planned: tuple[Path, str],
) -> None:
    out_dir, _ = planned
    expected = _expected_plan()
    grid = _grid()
    # Bayes' rule through the library's other path (p (1 - pod), renormalised)
    p_after, rest_after = update_after_unsuccessful_search(
        expected.p, expected.pod, rest_of_world=0.1
    )
    assert rest_after == pytest.approx(0.1 / (1.0 - expected.pos), rel=1e-12)
    features = _features(out_dir)
    rows = _csv_rows(out_dir)
    assert len(features) == len(rows) == int(np.count_nonzero(expected.effort_km))
    for feature, row in zip(features, rows, strict=True):
        rec = feature["properties"]
        cell = rec["cell"]
        assert int(row["cell"]) == cell
        assert rec["p"] == pytest.approx(expected.p[cell], rel=1e-12)
        assert rec["effort_km"] == pytest.approx(expected.effort_km[cell], abs=1e-6)
        # Koopman by hand: pod = 1 - exp(-W L / A)
        coverage = 0.05 * float(expected.effort_km[cell]) / grid.cell_area_km2
        assert rec["coverage"] == pytest.approx(coverage, abs=1e-6)
        pod = 1.0 - math.exp(-coverage)
        # stored rounded down to 1e-6: never more than the true POD
        for stored in (rec["pod"], float(row["pod"])):
            assert stored <= pod
            assert pod - stored < 1e-6
            assert stored * 1e6 == pytest.approx(round(stored * 1e6), abs=1e-6)
        assert rec["p_found"] == pytest.approx(expected.p[cell] * pod, rel=1e-9)
        assert rec["p_if_unsuccessful"] == pytest.approx(p_after[cell], rel=1e-9)
        assert float(row["p_if_unsuccessful"]) == pytest.approx(p_after[cell], rel=1e-9)
        # searched cells lose probability relative to the rest of the world
        assert rec["p_if_unsuccessful"] / rec["p"] < rest_after / 0.1


def test_field_files_put_each_cell_where_the_grid_has_it(
    planned: tuple[Path, str],
) -> None:
    out_dir, _ = planned
    grid = _grid()
    lon_c, lat_c = grid.cell_lonlat()
    features = _features(out_dir)
    rows = _csv_rows(out_dir)
    n = len(features)
    assert n > 10 and len(rows) == n  # the GIS files keep every cell
    off_diagonal = 0
    for k in range(n):
        rec = features[k]["properties"]
        cell, row, col = rec["cell"], rec["row"], rec["col"]
        assert row * grid.nx + col == cell
        off_diagonal += row != col
        # the centre from the grid's own row/column coordinates
        centre = grid.xy_km_to_lonlat(grid.x_km[col], grid.y_km[row])
        assert (float(centre[0]), float(centre[1])) == pytest.approx(
            (lon_c[cell], lat_c[cell]), abs=1e-9
        )
        where = (float(lon_c[cell]), float(lat_c[cell]))
        assert (rec["lon"], rec["lat"]) == pytest.approx(where, abs=1e-7)
        assert (float(rows[k]["lon"]), float(rows[k]["lat"])) == pytest.approx(
            where, abs=1e-7
        )

        # the outline: closed, counter-clockwise (RFC 7946), through the corners
        ring = np.array(features[k]["geometry"]["coordinates"][0])
        assert ring[0].tolist() == ring[-1].tolist()
        assert _shoelace(ring) > 0
        w = grid.west_km + col * grid.cell_km
        s = grid.south_km + row * grid.cell_km
        cx = np.array([w, w + grid.cell_km, w + grid.cell_km, w])
        cy = np.array([s, s, s + grid.cell_km, s + grid.cell_km])
        corners = np.column_stack(grid.xy_km_to_lonlat(cx, cy))
        gaps = np.abs(ring[None, :, :] - corners[:, None, :]).max(axis=2).min(axis=1)
        assert gaps.max() < 1e-6
        # its area, by the shoelace in degrees scaled to km near 56.4 N: 0.25 km²
        km_per_deg = math.pi / 180 * 6371.0
        area = _shoelace(ring) * km_per_deg**2 * math.cos(math.radians(where[1]))
        assert area == pytest.approx(grid.cell_area_km2, rel=0.01)

    assert off_diagonal > 0  # a row/column mix-up cannot hide on the diagonal


def test_gpx_and_kml_are_well_formed_with_escaped_names(
    estimate: Path, tmp_path: Path
) -> None:
    out_dir = tmp_path / "plan"
    code, _, err = _plan(
        str(estimate / "estimate.json"),
        "--budget-km",
        "25",
        "--sweep-width-km",
        "0.1",
        "--out",
        str(out_dir),
    )
    assert code == 0, err
    n = len(json.loads((out_dir / "plan.geojson").read_text())["features"])

    gpx = ET.parse(out_dir / "plan.gpx").getroot()
    assert gpx.tag == f"{{{GPX['g']}}}gpx"
    assert gpx.get("version") == "1.1"
    assert gpx.findtext("g:metadata/g:name", namespaces=GPX) == TITLE
    waypoints = gpx.findall("g:wpt", GPX)
    # one waypoint and one boundary per search area, fewer than the cells
    n_areas = len(waypoints)
    assert 0 < n_areas < n
    assert waypoints[0].findtext("g:name", namespaces=GPX) is not None
    assert all(-90 <= float(w.get("lat", "nan")) <= 90 for w in waypoints)
    assert len(gpx.findall("g:trk", GPX)) == n_areas
    raw = (out_dir / "plan.gpx").read_text(encoding="utf-8")
    assert "&lt;A &amp;" in raw

    kml = ET.parse(out_dir / "plan.kml").getroot()
    assert kml.findtext("k:Document/k:name", namespaces=KML) == TITLE
    marks = kml.findall("k:Document/k:Folder/k:Placemark", KML)
    assert len(marks) == n_areas
    coords = marks[0].findtext(
        "k:MultiGeometry/k:Polygon/k:outerBoundaryIs/k:LinearRing/k:coordinates",
        namespaces=KML,
    )
    assert coords is not None
    pairs = [tuple(map(float, c.split(","))) for c in coords.split()]
    assert pairs[0] == pairs[-1]


def test_title_option_and_posterior_file_argument(
    estimate: Path, tmp_path: Path
) -> None:
    code, out, err = _plan(
        str(estimate / "posterior.npz"),
        "--budget-km",
        "5",
        "--sweep-width-km",
        "0.05",
        "--title",
        "Sector 4",
        "--top",
        "3",
        "--out",
        str(tmp_path / "p"),
    )
    assert code == 0, err
    assert "Sector 4: where to search" in out
    assert "more cells" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--budget-km", "0", "--sweep-width-km", "0.05"], "--budget-km must be"),
        (["--budget-km", "-3", "--sweep-width-km", "0.05"], "--budget-km must be"),
        (["--budget-km", "10", "--sweep-width-km", "-0.05"], "--sweep-width-km must"),
        (["--budget-km", "10", "--sweep-width-km", "0"], "--sweep-width-km must"),
        (
            ["--budget-km", "10", "--sweep-width-km", "0.05", "--rest-of-world", "1"],
            "--rest-of-world must be below 1",
        ),
        (
            [
                "--budget-km",
                "10",
                "--sweep-width-km",
                "0.05",
                "--rest-of-world",
                "-0.2",
            ],
            "--rest-of-world must be a probability",
        ),
        (["--budget-km", "nan", "--sweep-width-km", "0.05"], "--budget-km must be"),
    ],
)
def test_bad_numbers_give_one_red_line_and_exit_1(
    estimate: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    code, out, err = _plan(str(estimate), *args, "--out", str(tmp_path / "p"))
    assert code == 1
    assert err.startswith("InputError: ")
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in out + err
    assert not (tmp_path / "p" / "plan.csv").exists()


def test_missing_estimate_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = _plan(
        str(tmp_path / "nope"),
        "--budget-km",
        "1",
        "--sweep-width-km",
        "0.1",
        "--out",
        str(tmp_path / "p"),
    )
    assert code == 2
    assert "Invalid value for 'ESTIMATE'" in err


def test_folder_without_posterior_exits_1(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, _, err = _plan(
        str(tmp_path / "empty"),
        "--budget-km",
        "1",
        "--sweep-width-km",
        "0.1",
        "--out",
        str(tmp_path / "p"),
    )
    assert code == 1
    assert "No posterior" in err


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        ("not-a-zip", "malformed"),
        ("no-p", "malformed"),
        ("bad-sum", "summing to 1"),
        ("nan", "summing to 1"),
        ("wrong-length", "summing to 1"),
        ("bad-grid", "malformed"),
    ],
)
def test_malformed_posterior_exits_1(tmp_path: Path, damage: str, message: str) -> None:
    grid = _grid()
    p = _posterior(grid)
    folder = tmp_path / "est"
    folder.mkdir()
    npz = folder / "posterior.npz"
    if damage == "not-a-zip":
        npz.write_bytes(b"this is not a zip file")
    elif damage == "no-p":
        np.savez(npz, q=p, grid=np.array(json.dumps(grid.to_dict())))
    elif damage == "bad-sum":
        np.savez(npz, p=2 * p, grid=np.array(json.dumps(grid.to_dict())))
    elif damage == "nan":
        q = p.copy()
        q[3] = np.nan
        np.savez(npz, p=q, grid=np.array(json.dumps(grid.to_dict())))
    elif damage == "wrong-length":
        np.savez(
            npz, p=p[:-1] / p[:-1].sum(), grid=np.array(json.dumps(grid.to_dict()))
        )
    else:
        np.savez(npz, p=p, grid=np.array("{not json"))
    code, out, err = _plan(
        str(folder),
        "--budget-km",
        "1",
        "--sweep-width-km",
        "0.1",
        "--out",
        str(tmp_path / "p"),
    )
    assert code == 1, out + err
    assert err.startswith("InputError: ")
    assert message in err
    assert "Traceback" not in out + err


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{oops", "is not valid JSON"),
        ('["title", "x"]', "holds a JSON list, not an object"),
        ("42", "holds a JSON int, not an object"),
    ],
)
def test_malformed_estimate_json_warns_and_plans_under_the_default_title(
    estimate: Path, tmp_path: Path, text: str, message: str
) -> None:
    # the plan needs only posterior.npz; estimate.json gives no more than the title
    (estimate / "estimate.json").write_text(text, encoding="utf-8")
    code, out, err = _plan(
        str(estimate),
        "--budget-km",
        "1",
        "--sweep-width-km",
        "0.1",
        "--out",
        str(tmp_path / "p"),
    )
    assert code == 0, err
    assert err.startswith("GeosleuthWarning: The plan is titled 'Search plan'")
    assert message in err
    assert "estimate.json" in err
    assert "Traceback" not in err
    assert "Search plan: where to search" in out
    assert (tmp_path / "p" / "plan.csv").exists()


def test_non_numeric_budget_is_a_usage_error(estimate: Path, tmp_path: Path) -> None:
    code, _, _ = _plan(
        str(estimate),
        "--budget-km",
        "lots",
        "--sweep-width-km",
        "0.1",
        "--out",
        str(tmp_path / "p"),
    )
    assert code == 2


def test_the_plan_says_which_day_its_map_is_of(estimate: Path, tmp_path: Path) -> None:
    """review r31, M4: a plan searched a day later found half the POS it promised."""
    record = json.loads((estimate / "estimate.json").read_text(encoding="utf-8"))
    (estimate / "estimate.json").write_text(
        json.dumps({**record, "as_of": "2024-10-13"}), encoding="utf-8"
    )
    args = [str(estimate), "--budget-km", "5", "--sweep-width-km", "0.1"]
    code, out, err = _plan(*args, "--out", str(tmp_path / "o"))
    assert code == 0, out + err
    text = " ".join(out.split())
    assert "The plan is for the map as of 2024-10-13." in text
    assert "geosleuth locate --as-of DAY" in text
    (estimate / "estimate.json").write_text(json.dumps(record), encoding="utf-8")
    code, out, _ = _plan(*args, "--out", str(tmp_path / "o2"))
    assert code == 0 and "The plan is for the map as of" not in out  # no day known
