"""``geosleuth plan``: a damaged estimate.json, and errors that name the flags typed.

Each test goes with a defect an outside review found: the plan, computed from
posterior.npz alone, failed when the estimate.json beside it (read only for the
title) was damaged; and bad numbers were reported under the library's
parameter names ('budget_km') rather than the options the user typed.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from geosleuth.cli import app
from geosleuth.grid import Grid

runner = CliRunner()
OK = ["--budget-km", "10", "--sweep-width-km", "0.05"]


def _plan(*args: object) -> tuple[int, str, str]:
    result = runner.invoke(app, ["plan", *map(str, args)], terminal_width=400)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def estimate(tmp_path: Path) -> Path:
    """An output folder as 'geosleuth locate' writes it, titled 'Lost hiker'."""
    grid = Grid.around(-3.2, 56.4, radius_km=3.0, cell_km=0.5)
    x, y = grid.cell_xy_km()
    p = np.exp(-0.5 * (x**2 + y**2) / 1.5**2)
    folder = tmp_path / "est"
    folder.mkdir()
    np.savez_compressed(
        folder / "posterior.npz",
        p=p / p.sum(),
        grid=np.array(json.dumps(grid.to_dict())),
    )
    (folder / "estimate.json").write_text(
        json.dumps({"title": "Lost hiker"}), encoding="utf-8"
    )
    return folder


# ------------------------------------------------- 7: a damaged estimate.json
@pytest.mark.parametrize(
    ("text", "why"),
    [
        ('{"title": "x",', "it is not valid JSON"),
        ('["title", "x"]', "it holds a JSON list, not an object"),
        (b"\xff\xfe{}", "it is not valid JSON"),
    ],
)
@pytest.mark.parametrize("given", ["posterior.npz", "estimate.json", "."])
def test_a_damaged_estimate_json_gives_the_default_title_and_a_warning(
    estimate: Path, tmp_path: Path, text: str | bytes, why: str, given: str
) -> None:
    target = estimate / "estimate.json"
    if isinstance(text, bytes):
        target.write_bytes(text)
    else:
        target.write_text(text, encoding="utf-8")
    out = tmp_path / "plan"
    code, stdout, stderr = _plan(estimate / given, *OK, "--out", out)
    assert code == 0, stderr
    assert stderr.startswith("GeosleuthWarning: The plan is titled 'Search plan'")
    assert "rest of world of 0" in stderr  # nor its P(outside the region)
    assert len(stderr.strip().splitlines()) == 1
    assert str(target) in stderr and why in stderr
    assert "Search plan: where to search" in stdout
    geojson = json.loads((out / "plan.geojson").read_text(encoding="utf-8"))
    assert geojson["name"] == "Search plan"
    assert (out / "plan.gpx").is_file() and (out / "plan.kml").is_file()


def test_a_title_given_needs_no_estimate_json(estimate: Path, tmp_path: Path) -> None:
    (estimate / "estimate.json").write_text("{oops", encoding="utf-8")
    code, stdout, stderr = _plan(
        estimate, *OK, "--title", "Sector 4", "--rest-of-world", "0.1",
        "--out", tmp_path / "plan",
    )  # fmt: skip
    assert code == 0 and stderr == ""
    assert "Sector 4: where to search" in stdout
    # without --rest-of-world the estimate's P(outside the region) is wanted
    code, stdout, stderr = _plan(
        estimate, *OK, "--title", "Sector 4", "--out", tmp_path / "plan2"
    )
    assert code == 0
    assert stderr.startswith("GeosleuthWarning: The plan takes a rest of world of 0")
    assert "Sector 4: where to search" in stdout


def test_a_sound_estimate_json_still_names_the_plan(
    estimate: Path, tmp_path: Path
) -> None:
    code, stdout, stderr = _plan(estimate, *OK, "--out", tmp_path / "plan")
    assert code == 0 and stderr == ""
    assert "Lost hiker: where to search" in stdout


# ------------------------------------------------ 10: errors name the flags typed
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--budget-km", "-1", "--sweep-width-km", "0.05"], "--budget-km must be"),
        (["--budget-km", "0", "--sweep-width-km", "0.05"], "--budget-km must be"),
        (["--budget-km", "nan", "--sweep-width-km", "0.05"], "--budget-km must be"),
        (["--budget-km", "inf", "--sweep-width-km", "0.05"], "--budget-km must be"),
        (["--budget-km", "10", "--sweep-width-km", "0"], "--sweep-width-km must be"),
        (
            ["--budget-km", "10", "--sweep-width-km", "-0.05"],
            "--sweep-width-km must be",
        ),
        (["--budget-km", "10", "--sweep-width-km", "inf"], "--sweep-width-km must be"),
        ([*OK, "--rest-of-world", "-0.2"], "--rest-of-world must be a probability"),
        ([*OK, "--rest-of-world", "nan"], "--rest-of-world must be a probability"),
        ([*OK, "--rest-of-world", "1"], "--rest-of-world must be below 1"),
    ],
)
def test_bad_numbers_are_reported_under_the_flag_typed(
    estimate: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    code, stdout, stderr = _plan(estimate, *args, "--out", tmp_path / "plan")
    assert code == 1
    assert stderr.startswith(f"InputError: {message}"), stderr
    assert len(stderr.strip().splitlines()) == 1
    for name in ("'budget_km'", "'sweep_width_km'", "'rest_of_world'"):
        assert name not in stderr
    assert "Traceback" not in stdout + stderr
    assert not (tmp_path / "plan").exists()
