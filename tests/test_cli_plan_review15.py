"""A plan on an estimate that a search recorded since has made stale (review r9, F4).

A planner's common mistake at the start of an operational period: record the
searches done (``geosleuth searched``), then plan on the morning's estimate.
Before, ``plan`` re-issued the very plan, sending teams back to the cells just
searched, and said nothing; now it warns, and ``searched`` says to locate again.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from conftest import REPO
from geosleuth.cli import app

HIKER = REPO / "src" / "geosleuth" / "examples" / "missing-hiker.yaml"
PLAN = ["--budget-km", "10", "--sweep-width-km", "0.05"]


def _run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


def test_a_plan_on_an_estimate_older_than_its_case_file_is_warned_of(
    tmp_path: Path,
) -> None:
    case = tmp_path / "case.yaml"
    shutil.copy(HIKER, case)
    _run("locate", str(case), "--out", str(tmp_path / "est"))
    fresh = _run("plan", str(tmp_path / "est"), *PLAN, "--out", str(tmp_path / "p1"))
    assert "does not hold" not in fresh
    said = _run(
        "searched", str(case), "--date", "2024-10-13", "--pd", "0.7",
        "--point=-4.02,53.08", "--radius-km", "0.5", "--id", "dog-team",
    )  # fmt: skip
    assert "run 'geosleuth locate' again before 'geosleuth plan'" in said
    stale = _run("plan", str(tmp_path / "est"), *PLAN, "--out", str(tmp_path / "p2"))
    assert (
        f"The case file {case} has 1 item(s) dated on or before the estimate's "
        "as_of (2024-10-13) that the estimate does not hold (dog-team)"
    ) in stale
    # located again, the plan is of the estimate that holds the search
    _run("locate", str(case), "--out", str(tmp_path / "est"))
    again = _run("plan", str(tmp_path / "est"), *PLAN, "--out", str(tmp_path / "p3"))
    assert "does not hold" not in again
