"""Review r105 of ``geosleuth profile`` (helper f107), each finding both sides.

- L8: after the warning that a swapped row widened the study area
  17,964,204-fold, the table still printed ``hit score 0.213 %`` with no mark,
  read as meaningful. A hit score over a study area that a few rows stretch now
  says, on its line, that it is not comparable, by which rows and how to fix
  it; profile.json (and profile.geojson's truth) say ``hit_score_comparable:
  false`` with the same words as ``hit_score_caveat``.
- L9: profile.json's map rounded hit scores to 0.001 (the two best of 150,400
  cells both read 0.001), profile.geojson to 4 decimals and a ``--truth`` not
  at all; both files now round every hit score by one rule (5 significant
  figures, ``written_hit_score_pct``). ``--help`` says CGT's buffer is a
  Manhattan distance, and what a hit score is.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner

from geosleuth.cli import app
from geosleuth.cli._profile_outputs import written_hit_score_pct

runner = CliRunner()

#: The made-up source of the events (Paris), as in the review's cases.csv.
SOURCE = (2.35, 48.86)


def run(*args: object) -> Any:
    return runner.invoke(app, [str(a) for a in args], terminal_width=200)


def flat(text: str) -> str:
    """The output as one line, without the table's borders (cells wrap)."""
    return " ".join(text.replace("│", " ").split())


def _paris(n: int = 50, seed: int = 3) -> list[tuple[float, float]]:
    """``n`` cases within about a kilometre of :data:`SOURCE`."""
    rng = np.random.default_rng(seed)
    lons = SOURCE[0] + rng.normal(0.0, 0.004, n)
    lats = SOURCE[1] + rng.normal(0.0, 0.003, n)
    return [(round(a, 6), round(b, 6)) for a, b in zip(lons, lats, strict=True)]


def _write(path: Path, points: list[tuple[float, float]]) -> Path:
    """A CSV ``id,lat,lon,cases``: line ``k + 2`` holds point ``k``."""
    rows = [f"{k + 1},{b},{a},{1 + k % 5}" for k, (a, b) in enumerate(points)]
    path.write_text("id,lat,lon,cases\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def _profile(path: Path, out: Path, *more: object) -> tuple[str, dict[str, Any]]:
    result = run(
        "profile",
        path,
        "--method",
        "cgt",
        "--weight-column",
        "cases",
        "--truth",
        f"{SOURCE[0]},{SOURCE[1]}",
        "--out",
        out,
        *more,
    )
    assert result.exit_code == 0, result.output
    return flat(result.output), json.loads((out / "profile.json").read_text())


def _geo_truth(out: Path) -> dict[str, Any]:
    geo = json.loads((out / "profile.geojson").read_text())
    (truth,) = [
        f["properties"] for f in geo["features"] if f["properties"]["kind"] == "truth"
    ]
    return {k: v for k, v in truth.items() if k != "kind"}


# ------------------------------------------------- L8: a stretched hit score
def test_a_hit_score_over_an_area_a_swapped_row_stretches_is_marked(
    tmp_path: Path,
) -> None:
    points = _paris()
    points[11] = (points[11][1], points[11][0])  # line 13, lon and lat swapped
    said, record = _profile(_write(tmp_path / "e.csv", points), tmp_path / "o")
    assert "lon and lat swapped on line 13?" in said  # the warning, as before
    (truth,) = record["truths"]
    times = record["study_area"]["stretched_by"]["times_larger"]
    caveat = (
        f"not comparable: line 13 stretches the study area {times:,.0f}-fold (lon "
        "and lat swapped?); exchange its lon and lat (or remove it) and run again"
    )
    # on the hit score's own line of the table, after its count
    k, n = truth["cells_at_least_as_high"], truth["n_cells"]
    assert f"hit score {100.0 * k / n:.3f} % ({k:,} of {n:,} cells), {caveat}" in said
    assert truth["hit_score_comparable"] is False
    assert truth["hit_score_caveat"] == caveat
    # the GeoJSON's truth says the same
    assert _geo_truth(tmp_path / "o") == truth


def test_a_hit_score_over_an_area_a_far_row_stretches_is_marked(
    tmp_path: Path,
) -> None:
    points = [*_paris(), (4.8357, 45.764)]  # line 52: a case in Lyon, 390 km off
    said, record = _profile(_write(tmp_path / "e.csv", points), tmp_path / "o")
    assert record["study_area"]["stretched_by"]["lines"] == [52]
    (truth,) = record["truths"]
    assert truth["hit_score_comparable"] is False
    caveat = truth["hit_score_caveat"]
    assert caveat.startswith("not comparable: line 52 stretches the study area ")
    assert caveat.endswith("-fold; remove it if not of the series and run again")
    assert f"cells), {caveat}" in said
    assert "swapped" not in caveat


def test_a_hit_score_over_an_unstretched_area_is_not_marked(tmp_path: Path) -> None:
    said, record = _profile(_write(tmp_path / "e.csv", _paris()), tmp_path / "o")
    assert record["study_area"]["stretched_by"] is None
    (truth,) = record["truths"]
    assert truth["hit_score_comparable"] is True
    assert truth["hit_score_caveat"] is None
    assert "comparable" not in said
    k, n = truth["cells_at_least_as_high"], truth["n_cells"]
    assert f"hit score {100.0 * k / n:.3f} % ({k:,} of {n:,} cells) " in said + " "


def test_a_truth_outside_a_stretched_area_has_no_hit_score_to_mark(
    tmp_path: Path,
) -> None:
    points = _paris()
    points[11] = (points[11][1], points[11][0])
    result = run(
        "profile",
        _write(tmp_path / "e.csv", points),
        "--method",
        "cgt",
        "--truth",
        "-70,-40",
        "--out",
        tmp_path / "o",
    )
    assert result.exit_code == 0, result.output
    said = flat(result.output)
    assert "outside the study area" in said
    assert "not comparable" not in said
    (truth,) = json.loads((tmp_path / "o" / "profile.json").read_text())["truths"]
    assert truth["hit_score_pct"] is None and "hit_score_caveat" not in truth


# ------------------------------------------------- L9: one rounding, help
def test_json_and_geojson_write_every_hit_score_alike(tmp_path: Path) -> None:
    _, record = _profile(_write(tmp_path / "e.csv", _paris()), tmp_path / "o")
    hit = record["map"]["hit_score_pct"]
    counts = record["map"]["cells_at_least_as_high"]
    n = record["map"]["n_cells"]
    assert n > 100_000  # a cell is less than 0.001 % of the area
    assert "5 significant figures" in record["map"]["values"]
    assert hit == [written_hit_score_pct(100.0 * k / n) for k in counts]
    geo = json.loads((tmp_path / "o" / "profile.geojson").read_text())
    cells = [
        f["properties"] for f in geo["features"] if f["properties"]["kind"] == "cell"
    ]
    assert all(p["hit_score_pct"] == hit[p["cell"]] for p in cells)
    # the two best cells stay apart (both read 0.001 before)
    assert cells[0]["hit_score_pct"] < cells[1]["hit_score_pct"] < 0.002
    # a --truth alike, in both files, its exact count beside it
    (truth,) = record["truths"]
    assert truth["hit_score_pct"] == hit[truth["cell"]]
    assert truth["hit_score_pct"] == written_hit_score_pct(
        100.0 * truth["cells_at_least_as_high"] / n
    )
    assert _geo_truth(tmp_path / "o") == truth


@pytest.mark.parametrize(
    ("exact", "written"),
    [
        (100.0 / 150_400, 0.00066489),  # one cell of the review's grid
        (200.0 / 150_400, 0.0013298),
        (0.21301775147928992, 0.21302),
        (71.0863, 71.086),  # below 100 %, never coarser than the old 0.001
        (100.0, 100.0),
    ],
)
def test_the_one_rounding_rule(exact: float, written: float) -> None:
    assert written_hit_score_pct(exact) == written


def test_help_says_the_cgt_buffer_is_manhattan_and_what_a_hit_score_is() -> None:
    result = runner.invoke(app, ["profile", "--help"], terminal_width=400)
    assert result.exit_code == 0
    said = flat(result.output)
    assert "CGT buffer zone radius, km. Like all of CGT's distances" in said
    assert "a Manhattan distance: |dx| + |dy|" in said
    assert "half the events' mean Manhattan nearest-neighbour distance" in said
    assert "the share of the study area scoring at least as high as its cell" in said
    assert 'marked "not comparable" in the table and profile.json' in said
    # the other method's options say nothing of Manhattan
    assert said.count("Manhattan") == 2


def test_readme_describes_the_cgt_buffer_as_manhattan() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    section = readme.split("### Geographic profiling", 1)[1].split("\n### ", 1)[0]
    assert "on Manhattan distances" in section
    assert "half the events' mean Manhattan\nnearest-neighbour distance" in section
