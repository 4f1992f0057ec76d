"""``geosleuth profile`` through Typer's in-process runner."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from geosleuth._types import FloatArray
from geosleuth.cli import app
from geosleuth.cli._profile_outputs import _search_order_pct
from geosleuth.errors import InputError
from geosleuth.events import EventTable, read_events_csv
from geosleuth.grid import Grid
from geosleuth.profile import (
    cgt_scores,
    estimate_cgt_buffer_km,
    hit_score,
    study_area_grid,
)

runner = CliRunner()


def _events_csv(path: Path, *, header: str = "lon,lat,deaths", rows=None) -> Path:
    if rows is None:
        rng = np.random.default_rng(0)
        lons = -0.137 + rng.normal(0, 0.0015, 40)
        lats = 51.513 + rng.normal(0, 0.001, 40)
        pairs = enumerate(zip(lons, lats, strict=True))
        rows = [f"{a:.6f},{b:.6f},{k % 3 + 1}" for k, (a, b) in pairs]
    path.write_text(header + "\n" + "\n".join(rows) + "\n")
    return path


def test_help_lists_the_options() -> None:
    result = runner.invoke(app, ["profile", "--help"])
    assert result.exit_code == 0
    for option in ("--method", "--out", "--truth", "--weight-column", "--n-side"):
        assert option in result.output


@pytest.fixture(scope="module")
def cgt_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """One weighted CGT profile with two truths: (the CSV, the out folder, output)."""
    root = tmp_path_factory.mktemp("cgt")
    csv_path = _events_csv(root / "events.csv")
    out = root / "out"
    result = runner.invoke(
        app,
        [
            "profile",
            str(csv_path),
            "--method",
            "cgt",
            "--out",
            str(out),
            "--truth",
            "-0.137,51.513",
            "--truth",
            "10,10",
            "--n-side",
            "60",
            "--weight-column",
            "deaths",
        ],
        terminal_width=200,
    )
    assert result.exit_code == 0, result.output
    return csv_path, out, result.output


def _library_scores(csv_path: Path) -> tuple[Grid, FloatArray]:
    """The CGT scores of ``cgt_run``, by the library's direct (non-raster) sum."""
    events = read_events_csv(csv_path, weight_column="deaths")
    grid = study_area_grid(events.lons, events.lats, margin=0.1, n_side=60)
    ex, ey = grid.lonlat_to_xy_km(events.lons, events.lats)
    cx, cy = grid.cell_xy_km()
    buffer = estimate_cgt_buffer_km(ex, ey)
    scores = cgt_scores(
        ex, ey, cx, cy, buffer_km=buffer, weights=events.weights, method="direct"
    )
    return grid, scores


def _shoelace(ring: FloatArray) -> float:
    x, y = ring[:, 0], ring[:, 1]
    return float(0.5 * np.sum(x[:-1] * y[1:] - x[1:] * y[:-1]))


def test_cgt_profile_writes_files_and_reports_the_truth(
    cgt_run: tuple[Path, Path, str],
) -> None:
    _, out, output = cgt_run
    assert "hit score" in output
    assert "outside the study area" in output
    record = json.loads((out / "profile.json").read_text())
    assert record["method"] == "cgt"
    assert record["grid"]["nx"] <= 60 and record["grid"]["ny"] <= 60
    assert record["truths"][0]["hit_score_pct"] < 20.0
    assert record["truths"][1]["hit_score_pct"] is None
    assert (
        len(record["map"]["hit_score_pct"])
        == record["grid"]["nx"] * record["grid"]["ny"]
    )
    geo = json.loads((out / "profile.geojson").read_text())
    assert geo["type"] == "FeatureCollection"
    assert sum(f["properties"]["kind"] == "cell" for f in geo["features"]) == 500
    assert (out / "profile.png").stat().st_size > 1000


def test_cgt_profile_json_matches_the_library(
    cgt_run: tuple[Path, Path, str],
) -> None:
    csv_path, out, output = cgt_run
    grid, scores = _library_scores(csv_path)
    record = json.loads((out / "profile.json").read_text())
    assert record["grid"] == grid.to_dict()
    n = grid.n_cells
    peak = int(np.argmax(scores))
    assert record["peak"]["cell"] == peak
    lon_c, lat_c = grid.cell_lonlat()
    assert (record["peak"]["lon"], record["peak"]["lat"]) == pytest.approx(
        (lon_c[peak], lat_c[peak]), abs=1e-9
    )
    pct = np.array(record["map"]["hit_score_pct"])
    # the peak cell alone scores at least as high as itself: 1 cell of n
    assert pct[peak] == float(f"{100.0 / n:.5g}")  # 5 significant figures
    assert pct.min() == pct[peak]
    assert pct.max() == 100.0  # the lowest score: every cell is at least as high
    truth = record["truths"][0]
    cell = int(grid.lonlat_to_cell(-0.137, 51.513))
    assert truth["cell"] == cell
    by_hand = 100.0 * np.count_nonzero(scores >= scores[cell]) / n
    assert truth["hit_score_pct"] == pytest.approx(by_hand, abs=100.0 * 3 / n)
    assert pct[cell] == truth["hit_score_pct"]  # one rounding (review r105, L9)
    k = truth["cells_at_least_as_high"]
    assert f"hit score {100.0 * k / n:.3f} %" in output
    # the map ranks like the scores: a higher score never has a higher hit score
    order = np.argsort(-scores, kind="stable")
    assert np.all(np.diff(pct[order]) >= -100.0 * 3 / n)


def test_profile_geojson_lists_the_best_cells_first(
    cgt_run: tuple[Path, Path, str],
) -> None:
    csv_path, out, _ = cgt_run
    grid, scores = _library_scores(csv_path)
    events = read_events_csv(csv_path, weight_column="deaths")
    geo = json.loads((out / "profile.geojson").read_text())
    cells = [f for f in geo["features"] if f["properties"]["kind"] == "cell"]
    props = [f["properties"] for f in cells]
    assert [p["rank"] for p in props] == list(range(1, 501))
    got = [p["score"] for p in props]
    assert got == sorted(got, reverse=True)
    assert props[0]["cell"] == int(np.argmax(scores))
    assert props[0]["hit_score_pct"] == float(f"{100.0 / grid.n_cells:.5g}")
    # the 500 best cells by the library's own scores (to rounding at the cut)
    best = set(np.argsort(-scores)[:490].tolist())
    assert best <= {p["cell"] for p in props}
    lon_c, lat_c = grid.cell_lonlat()
    lo_lon, hi_lon = events.lons.min() - 0.01, events.lons.max() + 0.01
    lo_lat, hi_lat = events.lats.min() - 0.01, events.lats.max() + 0.01
    for f in cells:
        ring = np.array(f["geometry"]["coordinates"][0])
        assert ring[0].tolist() == ring[-1].tolist()
        assert _shoelace(ring) > 0  # counter-clockwise, RFC 7946
        lon, lat = ring.T
        assert np.all((lo_lon < lon) & (lon < hi_lon)), "[lon, lat] order"
        assert np.all((lo_lat < lat) & (lat < hi_lat)), "[lon, lat] order"
        c = f["properties"]["cell"]
        assert lon.min() < lon_c[c] < lon.max()
        assert lat.min() < lat_c[c] < lat.max()


def test_weights_move_the_cgt_peak_to_the_heavy_cluster(tmp_path: Path) -> None:
    # 3 events weighted 10 at A, 8 events weighted 1 at B, ~2.6 km apart: counted
    # as events B wins (8 to 3), weighted A does (30 to 8)
    a, b = (-0.100, 51.500), (-0.130, 51.515)
    rows = [
        f"{a[0] + dx:.6f},{a[1] + dy:.6f},10"
        for dx, dy in ((0.001, 0.0), (-0.0005, 0.0008), (-0.0005, -0.0008))
    ]
    for k in range(8):
        t = 2 * np.pi * k / 8
        rows.append(f"{b[0] + 0.0015 * np.cos(t):.6f},{b[1] + 0.001 * np.sin(t):.6f},1")
    csv_path = _events_csv(tmp_path / "two.csv", header="lon,lat,count", rows=rows)

    def peak_km_from(extra: list[str]) -> tuple[float, float]:
        out = tmp_path / f"o{len(extra)}"
        args = ["profile", str(csv_path), "--method", "cgt", "--out", str(out)]
        result = runner.invoke(app, [*args, "--n-side", "40", *extra])
        assert result.exit_code == 0, result.output
        peak = json.loads((out / "profile.json").read_text())["peak"]
        km = 111.2
        coslat = math.cos(math.radians(51.5))

        def dist(p: tuple[float, float]) -> float:
            return math.hypot((peak["lon"] - p[0]) * coslat, peak["lat"] - p[1]) * km

        return dist(a), dist(b)

    to_a, to_b = peak_km_from(["--weight-column", "count"])
    assert to_a < 0.3 < 2.0 < to_b
    to_a, to_b = peak_km_from([])
    assert to_b < 0.3 < 2.0 < to_a


def test_search_order_pct_counts_ties_against_the_method() -> None:
    # by hand: % of the 6 cells scoring at least as high; NaN never scores
    scores = np.array([1.0, 3.0, 3.0, np.nan, 2.0, 3.0])
    expected = 100.0 * np.array([5, 3, 3, 6, 4, 3]) / 6
    np.testing.assert_allclose(_search_order_pct(scores), expected, rtol=1e-12)
    # and the library's hit score, cell by cell, where the score is a number
    for c in (0, 1, 2, 4, 5):
        assert _search_order_pct(scores)[c] == pytest.approx(
            100.0 * hit_score(scores, c)
        )
    flat = np.full(4, 0.5)
    np.testing.assert_allclose(_search_order_pct(flat), [100.0] * 4)


def test_dpm_profile_reports_sources_and_rhat(tmp_path: Path) -> None:
    csv_path = _events_csv(tmp_path / "events.csv")
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        [
            "profile",
            str(csv_path),
            "--method",
            "dpm",
            "--out",
            str(out),
            "--truth",
            "-0.137,51.513",
            "--n-side",
            "40",
            "--samples",
            "10",
            "--burnin",
            "5",
            "--chains",
            "2",
            "--seed",
            "3",
            "--top-cells",
            "20",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "R-hat" in result.output
    record = json.loads((out / "profile.json").read_text())
    assert record["dpm"]["n_sources_mode"] >= 1
    assert set(record["dpm"]["rhat"]) >= {"sigma_km", "n_sources"}
    assert record["parameters"]["seed"] == 3


def test_dpm_prior_options_reach_the_model(tmp_path: Path) -> None:
    csv_path = _events_csv(tmp_path / "events.csv")
    out = tmp_path / "out"
    base = ["profile", str(csv_path), "--out", str(out), "--n-side", "30"]
    short = ["--samples", "10", "--burnin", "2", "--chains", "2"]
    fixed = ["--sigma-km", "0.05", "--sigma-shape", "inf", "--tau-km", "0.4"]
    result = runner.invoke(app, [*base, *short, *fixed])
    assert result.exit_code == 0, result.output
    record = json.loads((out / "profile.json").read_text())
    params = record["parameters"]
    assert params["sigma_mean_km"] == 0.05
    assert params["sigma_mean_rule"] == "given"
    assert params["sigma_squared_shape"] == "inf (sigma fixed)"
    assert params["tau_km"] == 0.4
    # sigma held fixed: every kept draw is the given value
    assert record["dpm"]["sigma_km"] == pytest.approx(0.05)


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--sigma-km", "-1", "--sigma-km must be a positive number"),
        ("--sigma-km", "nan", "--sigma-km must be a positive number"),
        ("--tau-km", "0", "--tau-km must be a positive number"),
        ("--sigma-shape", "1", "--sigma-shape must be a number > 1"),
        ("--sigma-shape", "nan", "--sigma-shape must be a number > 1"),
    ],
)
def test_bad_prior_options_exit_1(
    tmp_path: Path, option: str, value: str, message: str
) -> None:
    csv_path = _events_csv(tmp_path / "events.csv")
    result = runner.invoke(
        app, ["profile", str(csv_path), "--out", str(tmp_path), option, value]
    )
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("header", "rows", "message"),
    [
        ("lon,height", ["0,1", "1,2"], "no latitude column"),
        ("lon,lat", ["0.1,51.5"], "at least 2"),
        ("lon,lat", ["0.1,51.5", "0.2,nan"], "line 3"),
        ("lon,lat", ["0.1,51.5", "0.2,95"], "latitude in -90..90"),
        ("lon,lat", ["0.1,51.5", "east,51.6"], "'lon' of the event on line 3"),
    ],
)
def test_bad_csv_exits_1_with_one_clear_line(
    tmp_path: Path, header: str, rows: list[str], message: str
) -> None:
    csv_path = _events_csv(tmp_path / "bad.csv", header=header, rows=rows)
    result = runner.invoke(
        app, ["profile", str(csv_path), "--method", "cgt", "--out", str(tmp_path)]
    )
    assert result.exit_code == 1
    assert "InputError" in result.output
    assert message in result.output
    assert "bad.csv" in result.output
    assert "Traceback" not in result.output


OK_ROWS = ["0.10,51.50", "0.20,51.60", "0.15,51.52"]
SHORT_DPM = ["--samples", "10", "--burnin", "2", "--chains", "2"]
BAD_PROFILE_INPUT = {
    # name: (file text, extra options, exit code, message, location)
    "no-longitude-column": (
        "lat,deaths\n51.5,1\n51.6,2\n",
        [],
        1,
        "bad.csv has no longitude column",
        "bad.csv:1)",
    ),
    "longitude-out-of-range": (
        "lon,lat\n0.1,51.5\n200,51.6\n",
        [],
        1,
        "The 'lon' of the event on line 3 of",
        "bad.csv:3)",
    ),
    "longitude-below-range": (
        "lon,lat\n0.1,51.5\n0.2,51.6\n-180.5,51.7\n",
        [],
        1,
        "must be a longitude in -180..180. Got -180.5 instead",
        "bad.csv:4)",
    ),
    "empty-file": ("", [], 1, "bad.csv is empty", "bad.csv:1)"),
    "blank-lines-only": ("\n  \n", [], 1, "is empty", "bad.csv:1)"),
    "header-only": ("lon,lat\n", [], 1, "holds 0 valid event(s)", "bad.csv)"),
    "negative-weight": (
        "lon,lat,w\n0.1,51.5,1\n0.2,51.6,-2\n",
        ["--weight-column", "w"],
        1,
        "The 'w' of the event on line 3 of",
        "bad.csv:3)",
    ),
    "all-weights-zero": (
        "lon,lat,w\n0.1,51.5,0\n0.2,51.6,0\n",
        ["--weight-column", "w"],
        1,
        "Event weights must not all be zero",
        "bad.csv)",
    ),
    "truth-out-of-range": (
        "lon,lat\n" + "\n".join(OK_ROWS) + "\n",
        ["--truth", "200,95"],
        1,
        "--truth must be a longitude in -180..180 and a latitude in -90..90. Got "
        "'200,95'",
        None,
    ),
    "truth-longitude-out-of-range": (
        "lon,lat\n" + "\n".join(OK_ROWS) + "\n",
        ["--truth", "200,51"],
        1,
        "--truth must be a longitude in -180..180 and a latitude in -90..90. Got "
        "'200,51'",
        None,
    ),
    "truth-nan": (
        "lon,lat\n" + "\n".join(OK_ROWS) + "\n",
        ["--truth", "nan,51"],
        1,
        "--truth must be a longitude in -180..180",
        None,
    ),
    "negative-margin": (
        "lon,lat\n" + "\n".join(OK_ROWS) + "\n",
        ["--margin", "-0.5"],
        2,
        "Invalid value for '--margin'",
        None,
    ),
    "margin-not-a-number": (
        "lon,lat\n" + "\n".join(OK_ROWS) + "\n",
        ["--margin", "wide"],
        2,
        "Invalid value for '--margin'",
        None,
    ),
    "nan-margin": (
        "lon,lat\n" + "\n".join(OK_ROWS) + "\n",
        ["--margin", "nan"],
        2,
        "Invalid value for '--margin'",
        None,
    ),
    "dpm-events-at-one-place": (
        "lon,lat\n0.1,51.5\n0.1,51.5\n0.1,51.5\n",
        ["--method", "dpm", *SHORT_DPM],
        1,
        "All events are at the same place",
        None,
    ),
    "bad-cell-km": (
        "lon,lat\n" + "\n".join(OK_ROWS) + "\n",
        ["--cell-km", "0"],
        1,
        "--cell-km must be a positive number of km",
        None,
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_PROFILE_INPUT))
def test_bad_profile_input_gives_one_clear_line(tmp_path: Path, name: str) -> None:
    text, extra, code, message, location = BAD_PROFILE_INPUT[name]
    csv_path = tmp_path / "bad.csv"
    csv_path.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        ["profile", str(csv_path), "--method", "cgt", "--out", str(out), *extra],
        terminal_width=200,
    )
    assert result.exit_code == code, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    if code == 1:
        assert result.output.startswith("InputError: ")
        assert len(result.output.strip().splitlines()) == 1
    if location is not None:
        assert location in result.output
    assert not (out / "profile.json").exists()


def test_event_table_names_the_line_of_a_bad_event() -> None:
    with pytest.raises(InputError, match=r"Event 1 \(line 5\) has") as info:
        EventTable(
            np.array([0.0, 200.0]),
            np.array([50.0, 51.0]),
            lines=np.array([2, 5]),
            path="e.csv",
        )
    assert info.value.location() == "e.csv:5"
    with pytest.raises(InputError, match=r"Event 1 has \(lon, lat\)") as info:
        EventTable(np.array([0.0, 1.0]), np.array([50.0, np.nan]))
    assert info.value.line is None


def test_bad_truth_and_missing_weight_column_exit_1(tmp_path: Path) -> None:
    csv_path = _events_csv(tmp_path / "events.csv")
    result = runner.invoke(
        app, ["profile", str(csv_path), "--out", str(tmp_path), "--truth", "abc"]
    )
    assert result.exit_code == 1
    assert "--truth must be LON,LAT" in result.output
    result = runner.invoke(
        app,
        ["profile", str(csv_path), "--out", str(tmp_path), "--weight-column", "count"],
    )
    assert result.exit_code == 1
    assert "no weight column 'count'" in result.output


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["profile", str(tmp_path / "nope.csv"), "--out", "x"])
    assert result.exit_code == 2


def test_reader_accepts_other_column_names_and_skips_bad_rows(tmp_path: Path) -> None:
    path = _events_csv(
        tmp_path / "e.csv", header="Longitude;Latitude", rows=["1;2", "3;x", "4;5"]
    )
    events = read_events_csv(path, on_invalid="skip")
    assert events.lons.tolist() == [1.0, 4.0]
    assert events.lines.tolist() == [2, 4]
    assert events.rejected[0].line == 3
    assert not events.lons.flags.writeable
