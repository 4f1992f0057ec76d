"""``geosleuth profile`` through Typer's in-process runner."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from geosleuth.cli import app
from geosleuth.events import read_events_csv

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


def test_cgt_profile_writes_files_and_reports_the_truth(tmp_path: Path) -> None:
    csv_path = _events_csv(tmp_path / "events.csv")
    out = tmp_path / "out"
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
    )
    assert result.exit_code == 0, result.output
    assert "hit score" in result.output
    assert "outside the study area" in result.output
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
