"""Helper f84: leftovers of review r60 and of helper a70's areas table.

- A row of ``geosleuth profile``'s events whose lon and lat are swapped, far from
  the others, drew three warnings (the swap, the reach past 600 km, the stretched
  study area); it now draws one that says all three, and profile.json records it
  once (``study_area.stretched_by.swapped_lines``). A row that only stretches, or
  is only far, keeps its warnings.
- "Areas named in the evidence" said "Durango" for the state: an item whose area
  is a gazetteer division or country, or a polygon drawn in the case file, keeps
  its kind (``place_kind``), and the table, estimate.json, report.html,
  estimate.geojson say "Durango (state)". An estimate.json from before verifies.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner

from geosleuth.casefile import dump_item_yaml, load_case
from geosleuth.cli import app
from geosleuth.errors import EvidenceWarning
from geosleuth.events import read_events_csv
from geosleuth.evidence import item_from_dict

runner = CliRunner()


def _run(*args: Any) -> Any:
    return runner.invoke(app, [str(a) for a in args], terminal_width=400)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _lyon(n: int = 300, seed: int = 1) -> list[tuple[float, float]]:
    """``n`` cases within a few km of Lyon's centre."""
    rng = np.random.default_rng(seed)
    lons = 4.8357 + rng.normal(0.0, 0.02, n)
    lats = 45.7640 + rng.normal(0.0, 0.014, n)
    return [(round(a, 6), round(b, 6)) for a, b in zip(lons, lats, strict=True)]


def _write(path: Path, points: list[tuple[float, float]]) -> Path:
    rows = [f"{k + 1},{a},{b}" for k, (a, b) in enumerate(points)]
    path.write_text("id,lon,lat\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def _profile(path: Path, out: Path) -> tuple[str, dict[str, Any]]:
    result = _run("profile", path, "--method", "cgt", "--out", out)
    assert result.exit_code == 0, result.output
    return _flat(result.output), json.loads((out / "profile.json").read_text())


# ---------------------------------------------------------------- the swapped row
def test_a_swapped_row_that_stretches_the_area_draws_one_warning(
    tmp_path: Path,
) -> None:
    lyon = _lyon()
    path = _write(tmp_path / "swap.csv", [*lyon[:7], (45.768375, 4.841207), *lyon[7:]])
    said, record = _profile(path, tmp_path / "o")
    # one warning, where there were three
    assert said.count("Warning:") == 1
    assert said.count("lon and lat swapped on line 9?") == 1
    assert "The events lie up to" not in said  # the 600 km warning, folded in
    assert "stretches the study area" not in said  # the stretch warning, folded in
    # ... that still says all the user needs
    assert "the study area is widened" in said and "-fold to take it in" in said
    stretched = record["study_area"]["stretched_by"]
    nx, ny = stretched["nx_ny_without"]
    assert "km) with it, " in said and f"({nx} × {ny} cells of " in said
    assert " m) without; the other 300 events" in said
    assert "the grid's distances are off" in said
    assert "exchange its lon and lat" in said and "remove it from the file" in said
    # recorded once, the structured figures kept
    (warned,) = record["warnings"]
    assert "lon and lat swapped on line 9?" in warned and "-fold" in warned
    assert stretched["lines"] == [9] and stretched["swapped_lines"] == [9]
    assert stretched["times_larger"] > 1e5
    assert stretched["area_km2_without"] < 200


def test_the_reader_alone_still_warns_of_the_swap(tmp_path: Path) -> None:
    lyon = _lyon()
    path = _write(tmp_path / "swap.csv", [*lyon[:7], (45.768375, 4.841207), *lyon[7:]])
    with pytest.warns(EvidenceWarning, match="lon and lat swapped on line 9?") as w:
        events = read_events_csv(path)
    assert events.swapped_lines == (9,)
    assert "The row is kept" in str(w[0].message)


def test_a_row_that_only_stretches_keeps_its_warning(tmp_path: Path) -> None:
    # near miss: 470 km east, no swap (review r60, H1's own case)
    said, record = _profile(_write(tmp_path / "o.csv", [*_lyon(), (10.9, 45.76)]),
                            tmp_path / "o")  # fmt: skip
    assert "The event on line 302 at (10.9, 45.76)" in said
    assert "stretches the study area" in said and "-fold" in said
    assert "lon and lat swapped" not in said
    assert record["study_area"]["stretched_by"]["swapped_lines"] == []
    assert len(record["warnings"]) == 1


def test_a_far_row_not_swapped_keeps_both_its_warnings(tmp_path: Path) -> None:
    # near miss: Moscow beside Lyon is far and stretches, but is no swap
    said, record = _profile(_write(tmp_path / "f.csv", [*_lyon(), (37.6, 55.75)]),
                            tmp_path / "o")  # fmt: skip
    assert "The events lie up to" in said and "line 302 (2,526 km)" in said
    assert "stretches the study area" in said
    assert "lon and lat swapped" not in said
    assert len(record["warnings"]) == 2


# ---------------------------------------------------------------- areas' kinds
_HEAD = """\
target: Hernán Quiroga Salas
title: kinds of areas
as_of: 2023-04-01
region: {west: -110.0, south: 22.0, east: -101.0, north: 28.0}
grid: {cell_km: 10}
settings: {diffusion_km2_per_day: 2.0, place_radius_km: 20}
places:
  Culiacán: {lon: -107.39421, lat: 24.80209}
  Sierra pocket:
    polygon: [[-107.0, 25.0], [-106.2, 25.0], [-106.2, 25.8], [-107.0, 25.8]]
evidence:
  - {id: s1, kind: sighting, date: 2023-01-03, place: Culiacán, grade: F2,
     sigma_km: 10, quote: Quiroga was seen in Culiacán.}
  - {id: c2, kind: claim, date: 2023-01-10, place: Durango, buffer_km: 0,
     grade: F2, hedge: possible, quote: He may be hiding in Durango state.}
  - {id: c4, kind: claim, date: 2023-01-12, place: Sierra pocket, buffer_km: 0,
     grade: F3, hedge: possible, quote: He may be in the sierra.}
  - {id: c5, kind: claim, date: 2023-01-12, buffer_km: 0, grade: F3,
     place: {type: Polygon, coordinates: [[[-108.0, 24.0], [-107.5, 24.0],
             [-107.5, 24.5], [-108.0, 24.5], [-108.0, 24.0]]]},
     hedge: possible, quote: He may be on the coast.}
"""


@pytest.fixture(scope="module")
def kinds_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    tmp = tmp_path_factory.mktemp("kinds")
    case = tmp / "case.yaml"
    case.write_text(_HEAD, encoding="utf-8")
    out = tmp / "est"
    result = _run("locate", case, "--out", out)
    assert result.exit_code == 0, result.output
    return out, result.output


def test_items_keep_the_kind_of_their_area(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(_HEAD, encoding="utf-8")
    items = {i.id: i for i in load_case(case).items}
    assert items["c2"].place_kind == "state"  # the gazetteer's Durango, in Mexico
    assert items["c4"].place_kind == "drawn"  # a polygon under places:
    assert items["c5"].place_kind == "drawn"  # an inline polygon
    assert items["s1"].place_kind is None  # a point has none
    # kept through estimate.json, and never written back into a case file
    again = item_from_dict(items["c2"].to_dict())
    assert again.place_kind == "state" and again.to_dict() == items["c2"].to_dict()
    assert "place_kind" not in dump_item_yaml(items["c2"])
    assert "place_kind" not in items["s1"].to_dict()  # a point keeps its form


def test_the_table_and_the_record_say_what_each_area_is(kinds_run) -> None:
    out, output = kinds_run
    flat = _flat(output)
    assert "Durango (state)" in flat
    # a drawn area says no kind: its own name says what it is (k87)
    assert "Sierra pocket │" in flat and "Sierra pocket (drawn)" not in flat
    assert "the area of c5 │" in flat and "(drawn)" not in flat
    rec = json.loads((out / "estimate.json").read_text(encoding="utf-8"))
    kinds = {a["name"]: a.get("kind") for a in rec["named_areas"]["areas"]}
    assert kinds == {
        "Durango": "state",
        "Sierra pocket": "drawn",
        "the area of c5": "drawn",
    }
    fc = json.loads((out / "estimate.geojson").read_text(encoding="utf-8"))
    layer = {
        f["properties"]["name"]: f["properties"].get("kind")
        for f in fc["features"]
        if f["properties"]["layer"] == "named_area"
    }
    assert layer == kinds
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "<bdi>Durango</bdi> (state)</td>" in page
    assert "<bdi>Sierra pocket</bdi></td>" in page and "(drawn)" not in page


def test_verify_checks_the_kinds(kinds_run, tmp_path: Path) -> None:
    out, _ = kinds_run
    result = _run("verify", out)
    assert result.exit_code == 0, result.output
    assert "ok  areas named in the evidence" in result.output
    copy = tmp_path / "edited"
    shutil.copytree(out, copy)
    rec = json.loads((copy / "estimate.json").read_text(encoding="utf-8"))
    for row in rec["named_areas"]["areas"]:
        if row["name"] == "Durango":
            row["kind"] = "country"
    (copy / "estimate.json").write_text(json.dumps(rec), encoding="utf-8")
    result = _run("verify", copy)
    assert result.exit_code == 1
    assert "differs  areas named in the evidence" in result.output


def test_an_estimate_from_before_the_kinds_still_verifies(
    kinds_run, tmp_path: Path
) -> None:
    # near miss: items and rows without a kind (an older estimate.json) load, and
    # their areas are recomputed without one
    out, _ = kinds_run
    old = tmp_path / "older"
    shutil.copytree(out, old)
    rec = json.loads((old / "estimate.json").read_text(encoding="utf-8"))
    for entry in rec["evidence"]:
        entry["item"].pop("place_kind", None)
    for row in rec["named_areas"]["areas"]:
        del row["kind"]
    (old / "estimate.json").write_text(json.dumps(rec), encoding="utf-8")
    result = _run("verify", old)
    assert result.exit_code == 0, result.output
    assert "ok  areas named in the evidence" in result.output


def test_an_unknown_place_kind_is_refused() -> None:
    from geosleuth.errors import InputError

    data = {
        "kind": "claim", "id": "c", "date": "2023-01-01",
        "provenance": {"document": "d"}, "place": {"type": "Point",
        "coordinates": [0.0, 0.0]}, "place_kind": "planet",
    }  # fmt: skip
    with pytest.raises(InputError, match="place_kind"):
        item_from_dict(data)
