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
        "as_of (2024-10-13 09:00) that the estimate does not hold (dog-team)"
    ) in stale
    # located again, the plan is of the estimate that holds the search
    _run("locate", str(case), "--out", str(tmp_path / "est"))
    again = _run("plan", str(tmp_path / "est"), *PLAN, "--out", str(tmp_path / "p3"))
    assert "does not hold" not in again


def test_a_plan_names_each_cells_area_and_a_part_of_it_can_be_recorded(
    tmp_path: Path,
) -> None:
    """review r9, F7: only 'carried out in full' could be recorded."""
    import csv
    import json
    import re

    from geosleuth.casefile import load_case

    case = tmp_path / "case.yaml"
    shutil.copy(HIKER, case)
    _run("locate", str(case), "--out", str(tmp_path / "est"))
    _run("plan", str(tmp_path / "est"), "--budget-km", "20", "--sweep-width-km",
         "0.05", "--out", str(tmp_path / "p"))  # fmt: skip
    rows = list(csv.DictReader((tmp_path / "p" / "plan.csv").open()))
    feats = json.loads((tmp_path / "p" / "plan.geojson").read_text())["features"]
    # the CSV and the GeoJSON give each cell the area the GPX and KML name
    assert [r["area"] for r in rows] == [f["properties"]["area"] for f in feats]
    gpx = (tmp_path / "p" / "plan.gpx").read_text()
    named = set(re.findall(r"<name>(A\d+) POD", gpx))
    assert {r["area"] for r in rows} - {""} == named
    a1 = [r for r in rows if r["area"] == "A1"]
    a3 = [r for r in rows if r["area"] == "A3"]
    assert a1 and a3
    plan = str(tmp_path / "p" / "plan.geojson")
    _run("searched", str(case), "--date", "2024-10-13", "--plan", plan,
         "--areas", "a1, A3", "--id", "day1")  # fmt: skip
    recorded = [i for i in load_case(case).items if i.id.startswith("day1")]
    notes = " ".join(i.note for i in recorded)
    assert "(areas A1, A3)" in notes
    counts = [int(n) for n in re.findall(r"(\d+) cells of plan.geojson", notes)]
    # every cell of the two in a band of POD (0.001 or more: one below records
    # nothing, review r60, M1), no other
    banded = [r for r in a1 + a3 if float(r["pod"]) >= 0.001]
    assert 0 < len(banded) <= len(a1) + len(a3)
    assert sum(counts) == len(banded)


def test_areas_that_the_plan_lacks_or_no_plan_are_refused(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    shutil.copy(HIKER, case)
    before = case.read_bytes()
    _run("locate", str(case), "--out", str(tmp_path / "est"))
    _run("plan", str(tmp_path / "est"), *PLAN, "--out", str(tmp_path / "p"))
    plan = str(tmp_path / "p" / "plan.geojson")
    for args, said in (
        (["--plan", plan, "--areas", "A999"], "has no search area A999; its areas"),
        (["--plan", plan, "--areas", "north ridge"], "--areas must be the search"),
        (["--areas", "A1", "--pd", "0.5", "--box=-4.03,53.07,-4.02,53.08"],
         "give the plan with --plan"),
    ):  # fmt: skip
        result = CliRunner().invoke(
            app, ["searched", str(case), "--date", "2024-10-13", *args]
        )
        assert result.exit_code == 1, result.output
        assert said in " ".join(result.output.split())
    assert case.read_bytes() == before


def test_plan_says_its_p_here_counts_the_rest_of_world(tmp_path: Path) -> None:
    """review r9, F8: P(here) was the map's times 1 - q without a word."""
    import json
    import re

    case = tmp_path / "case.yaml"
    shutil.copy(HIKER, case)
    _run("locate", str(case), "--out", str(tmp_path / "est"))
    said = _run("plan", str(tmp_path / "est"), *PLAN, "--rest-of-world", "0.05",
                "--out", str(tmp_path / "p"))  # fmt: skip
    assert (
        "P(here) counts the rest of world (5.0 %): it is the estimate's map, given "
        "the target is in the region, times 0.950."
    ) in said
    record = json.loads((tmp_path / "p" / "plan.geojson").read_text())
    assert "1 - rest_of_world" in record["plan"]["definitions"]["p"]
    gpx = (tmp_path / "p" / "plan.gpx").read_text()
    # one way of writing probabilities in the field files: percentages
    assert re.search(r"P\(here\) [<>]? ?\d+\.\d %, P\(found here\)", gpx)
    nothing = _run("plan", str(tmp_path / "est"), *PLAN, "--rest-of-world", "0",
                   "--out", str(tmp_path / "p0"))  # fmt: skip
    assert "counts the rest of world" not in nothing
