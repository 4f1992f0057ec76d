"""The CLI after the 19th outside review (the README and ``--help`` read by a newcomer).

- a GeoJSON Point with an elevation (``[lon, lat, ele]``, a GPS waypoint) was
  refused, though lines and polygons drop it; "The geometry in pt.geojson Point
  needs ..." (#1);
- verify run from another directory than locate's did not find the case file,
  and said "ok" for the target and title (#5);
- ``serve --workers 0 --time-limit 60`` took a limit that never applies (#7);
- ``locate --out`` into a folder of ``geosleuth read`` replaced a document's
  annotated page ``report.html`` without a word (#9);
- the DPM's convergence hint suggested --sigma-km when it was given (#13);
- an all-empty CSV row (``,``) was dropped as a blank line, uncounted (#14);
- Snow's ``case_count`` was not recognised as a weight column (#15);
- locate printed an empty table where no place is named (#16);
- "left out: 1" beside a warning of 14 items "left out" (#17);
- the report called the 50 % / 90 % areas "regions", the case's word for the
  study region; plan printed "13.8%" and P(here) as a fraction (#11);
- read's --workers and --scheduler help spoke of locate (#18).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner

from conftest import REPO
from geosleuth.casefile import load_case
from geosleuth.cli import app
from geosleuth.errors import InputError
from geosleuth.events import read_events_csv
from geosleuth.evidence import Provenance, Searched, Sighting
from geosleuth.geometry import Line, Point, from_geojson

runner = CliRunner()
HIKER = REPO / "src" / "geosleuth" / "examples" / "missing-hiker.yaml"


def run(*args: object) -> Any:
    return runner.invoke(app, [str(a) for a in args], terminal_width=200)


def flat(text: str) -> str:
    return " ".join(text.split())


# ------------------------------------------------ #1: a Point with an elevation
@pytest.mark.parametrize(
    "obj",
    [
        {"type": "Point", "coordinates": [-4.05, 53.07, 900]},
        {"type": "Point", "coordinates": [-4.05, 53.07, 900, 1728000000]},
        {"type": "MultiPoint", "coordinates": [[-4.05, 53.07, 900]]},
    ],
)
def test_a_point_drops_its_elevation_as_lines_and_polygons_do(obj: Any) -> None:
    assert from_geojson(obj) == Point(-4.05, 53.07)


def test_a_fourth_value_is_dropped_from_a_line_too() -> None:
    line = from_geojson(
        {"type": "LineString", "coordinates": [[-4.0, 53.0, 1, 2], [-4.1, 53.1, 3, 4]]}
    )
    assert isinstance(line, Line)
    assert line.parts[0].tolist() == [[-4.0, 53.0], [-4.1, 53.1]]


@pytest.mark.parametrize(
    ("obj", "match"),
    [
        (
            {"type": "Point", "coordinates": [-4.05]},
            r"^The geometry in pt\.geojson is a Point, which needs coordinates "
            r"\[lon, lat\] \(an elevation may follow\)\. Got \[-4\.05\] instead\.$",
        ),
        ({"type": "Point", "coordinates": [1, 2, 3, 4, 5]}, "is a Point, which needs"),
        (
            {"type": "MultiPoint", "coordinates": [[1, 2], [3, 4]]},
            "is a MultiPoint, read here as one point: .* Got 2 points instead",
        ),
        ({"type": "Polygon", "coordinates": "abc"}, "is a Polygon, which needs"),
    ],
)
def test_a_bad_point_is_refused_in_words_that_read(obj: Any, match: str) -> None:
    with pytest.raises(InputError, match=match):
        from_geojson(obj, what="geometry in pt.geojson")


_WAYPOINT = {"type": "Point", "coordinates": [-4.05, 53.07, 900]}


@pytest.mark.parametrize(
    "doc",
    [
        _WAYPOINT,
        {"type": "Feature", "properties": {}, "geometry": _WAYPOINT},
        {
            "type": "FeatureCollection",
            "features": [{"type": "Feature", "properties": {}, "geometry": _WAYPOINT}],
        },
        {"type": "MultiPoint", "coordinates": [[-4.05, 53.07, 900]]},
    ],
    ids=["point", "feature", "collection", "multipoint"],
)
def test_searched_takes_a_gps_waypoint_with_its_elevation(
    tmp_path: Path, doc: dict[str, Any]
) -> None:
    case = tmp_path / "el.yaml"
    shutil.copy(HIKER, case)
    pt = tmp_path / "pt.geojson"
    pt.write_text(json.dumps(doc))
    result = run(
        "searched", case, "--date", "2024-10-13", "--pd", 0.5, "--geojson", pt,
        "--radius-km", 0.5,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    item = load_case(case).items[-1]
    assert isinstance(item, Searched)
    assert item.area == Point(-4.05, 53.07) and item.buffer_km == 0.5


# ---------------------------------------- #5: verify from another directory
@pytest.fixture
def hiker_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """locate run as the README shows it: a case and --out relative to the cwd."""
    work = tmp_path / "work"
    work.mkdir()
    shutil.copy(HIKER, work / "hk4.yaml")
    monkeypatch.chdir(work)
    result = run("locate", "hk4.yaml", "-q", "--out", "hk4")
    assert result.exit_code == 0, result.output
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    return work


def test_the_case_is_named_from_the_output_folder(hiker_run: Path) -> None:
    record = json.loads((hiker_run / "hk4" / "estimate.json").read_text())
    assert record["case"] == "../hk4.yaml"


def test_verify_finds_the_case_file_from_another_directory(hiker_run: Path) -> None:
    case = hiker_run / "hk4.yaml"
    case.write_text(case.read_text().replace("title: Missing", "title: Changed"))
    result = run("verify", hiker_run / "hk4")
    assert result.exit_code == 1, result.output
    assert "differs target and title at title (hk4.yaml gives 'Changed" in flat(
        result.output
    )
    assert "ok place sources" in flat(result.output)


def test_verify_says_it_could_not_check_a_case_file_it_cannot_find(
    hiker_run: Path,
) -> None:
    (hiker_run / "hk4.yaml").unlink()
    result = run("verify", hiker_run / "hk4")
    said = flat(result.output)
    # report.html is there and agrees: still no 'ok' for what the case file gives
    assert "ok target and title" not in said
    assert (
        "not checked target and title (case file ../hk4.yaml not found, neither "
        "from the estimate's folder nor from here)"
    ) in said
    assert "not checked place sources (case file ../hk4.yaml not found" in said
    assert result.exit_code == 0, result.output


def test_an_older_record_names_its_case_from_where_locate_ran(
    hiker_run: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    est = hiker_run / "hk4" / "estimate.json"
    record = json.loads(est.read_text())
    record["case"] = "hk4.yaml"  # as runs before review 19 wrote it
    est.write_text(json.dumps(record))
    monkeypatch.chdir(hiker_run)
    result = run("verify", "hk4")
    assert result.exit_code == 0, result.output
    assert "ok target and title" in flat(result.output)


# ---------------------------------------------- #7: a time limit that never applies
@pytest.fixture
def no_server(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """serve up to uvicorn.run, which is recorded instead of run."""
    uvicorn = pytest.importorskip("uvicorn", reason="needs the [web] extra")
    started: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: started.append(a))
    monkeypatch.setattr("geosleuth.cli.serve._check_free", lambda host, port: None)
    return started


def test_serve_refuses_a_time_limit_with_no_workers(
    tmp_path: Path, no_server: list[Any]
) -> None:
    result = run("serve", "--data-dir", tmp_path / "d", "--workers", 0,
                 "--time-limit", 60)  # fmt: skip
    assert result.exit_code == 1, result.output
    assert flat(result.output).startswith(
        "InputError: --time-limit 60 needs --workers of 1 or more: with --workers 0 "
    )
    assert not no_server


@pytest.mark.parametrize(
    "options", [["--workers", 0], ["--workers", 0, "--time-limit", 0], []]
)
def test_serve_starts_without_a_limit_it_cannot_apply(
    tmp_path: Path, no_server: list[Any], options: list[object]
) -> None:
    result = run("serve", "--data-dir", tmp_path / "d", *options)
    assert result.exit_code == 0, result.output
    assert len(no_server) == 1


# ------------------------------------------ #9: locate into a folder of readings
_READ_PAGE = (
    "<!doctype html><html><head><meta charset='utf-8'>"
    "<title>report \u2014 geosleuth read</title></head><body>the page</body></html>"
)


def test_locate_refuses_to_replace_a_documents_annotated_page(tmp_path: Path) -> None:
    out = tmp_path / "crd"
    out.mkdir()
    (out / "report.html").write_text(_READ_PAGE, encoding="utf-8")
    result = run("locate", HIKER, "-q", "--out", out)
    assert result.exit_code == 1, result.output
    assert flat(result.output) == (
        "InputError: The estimate's report.html would replace an annotated page of "
        f"'geosleuth read' in {out}. Give another --out for the estimate. "
        f"({out / 'report.html'})"
    )
    assert (out / "report.html").read_text(encoding="utf-8") == _READ_PAGE
    assert sorted(p.name for p in out.iterdir()) == ["report.html"]


def test_locate_refuses_to_replace_a_reading_named_estimate_json(
    tmp_path: Path,
) -> None:
    out = tmp_path / "crd"
    out.mkdir()
    reading = {"doc_id": "estimate", "evidence": [], "mentions": []}
    (out / "estimate.json").write_text(json.dumps(reading))
    result = run("locate", HIKER, "-q", "--out", out)
    assert result.exit_code == 1, result.output
    assert "would replace the reading of document 'estimate' by 'geosleuth read'" in (
        flat(result.output)
    )
    assert json.loads((out / "estimate.json").read_text()) == reading


def test_locate_writes_beside_readings_it_does_not_replace(tmp_path: Path) -> None:
    out = tmp_path / "crd"
    out.mkdir()
    (out / "seed.html").write_text(_READ_PAGE, encoding="utf-8")
    # a run of locate before: its own report is replaced, as always
    assert run("locate", HIKER, "-q", "--out", out).exit_code == 0
    result = run("locate", HIKER, "-q", "--out", out)
    assert result.exit_code == 0, result.output
    assert (out / "seed.html").read_text(encoding="utf-8") == _READ_PAGE
    assert (out / "estimate.json").is_file()


# --------------------------------------------------- #13: the convergence hint
def test_the_convergence_hint_fits_the_prior_on_sigma_given() -> None:
    from geosleuth.cli._profile_outputs import convergence_hint

    free = convergence_hint(1.5, sigma_km=None, sigma_shape=2.0)
    assert free.endswith("a prior on sigma from what is known (--sigma-km) settles it.")
    given = convergence_hint(1.5, sigma_km=5.0, sigma_shape=2.0)
    assert "(--sigma-km) settles it" not in given
    assert "a larger --sigma-shape" in given
    fixed = convergence_hint(1.5, sigma_km=5.0, sigma_shape=float("inf"))
    assert "(--sigma-km) settles it" not in fixed and "--sigma-shape" not in fixed
    assert "even with sigma fixed at --sigma-km" in fixed and "--chains" in fixed
    for text in (free, given, fixed):
        assert text.startswith("The chains disagree (R-hat 1.50 > 1.1): the map is ")


# ----------------------------------------------- #14: a row of empty fields
# (review r60, L2, since: a row of empty fields is no event, so it is skipped and
# said; a row with a field but no coordinates is still refused)
_NO_COORDS = "lon,lat\n10.1,50.1\n10.2,50.2\n,\n10.4,50.0\n\n   \n"


def test_a_row_of_empty_fields_is_skipped_and_listed(tmp_path: Path) -> None:
    path = tmp_path / "nocoord.csv"
    path.write_text(_NO_COORDS)
    events = read_events_csv(path)
    # the blank lines after it are no rows: neither read nor counted
    assert events.n_events == 3 and events.rejected == ()
    assert events.empty_rows == (4,)


def test_profile_says_a_row_of_empty_fields_was_skipped(tmp_path: Path) -> None:
    path = tmp_path / "nocoord.csv"
    path.write_text(_NO_COORDS)
    result = run("profile", path, "--method", "cgt", "--out", tmp_path / "o")
    assert result.exit_code == 0, result.output
    assert "1 empty row of nocoord.csv skipped (line 4)" in flat(result.output)
    assert "3 from nocoord.csv" in flat(result.output)
    record = json.loads((tmp_path / "o" / "profile.json").read_text())["events"]
    assert record["n_invalid_rows_left_out"] == 0
    assert record["empty_rows_skipped"] == [4]


# ---------------------------------------------------- #15: weight-like columns
@pytest.mark.parametrize(
    ("name", "like"),
    [
        ("case_count", True),
        ("n_cases", True),
        ("deaths", True),
        ("Count", True),
        ("cases", True),
        ("weights", True),
        ("n", True),
        ("death_count", True),
        ("NumDeaths", True),
        ("case_id", False),
        ("case_number", False),
        ("anchor", False),
        ("notes", False),
        ("x", False),
    ],
)
def test_a_column_named_like_a_count_is_weight_like(name: str, like: bool) -> None:
    from geosleuth.cli._profile_events import _is_weight_like

    assert _is_weight_like(name) is like


def test_snows_case_count_column_is_said_to_be_unused(tmp_path: Path) -> None:
    rows = [
        f"{i},{c},{lon},{lat}"
        for i, (c, lon, lat) in enumerate(
            [
                (2, -0.1358, 51.5130),
                (1, -0.1361, 51.5133),
                (5, -0.1365, 51.5128),
                (3, -0.1370, 51.5135),
            ]
        )
    ]
    path = tmp_path / "deaths_by_address.csv"
    path.write_text("anchor,case_count,lon,lat\n" + "\n".join(rows) + "\n")
    result = run("profile", path, "--method", "cgt", "--out", tmp_path / "o")
    assert result.exit_code == 0, result.output
    assert (
        "Note: column 'case_count' is not used, so the events are unweighted (each "
        "counts once); give --weight-column case_count to weight them by it."
    ) in flat(result.output)
    record = json.loads((tmp_path / "o" / "profile.json").read_text())["events"]
    assert record["unused_weight_like_columns"] == ["case_count"]


# ------------------------------------------------------ #16: no places to rank
def test_locate_says_there_is_no_place_to_rank_instead_of_an_empty_table(
    tmp_path: Path,
) -> None:
    case = tmp_path / "fiji.yaml"
    case.write_text(
        "target: Test Person\n"
        "region: {west: 177.0, south: -19.0, east: -178.0, north: -16.0}\n"
        "grid: {cell_km: 5}\n"
        "evidence:\n"
        "  - {id: s1, kind: sighting, date: 2024-01-01, sigma_km: 20,\n"
        "     place: {lon: 179.5, lat: -17.5}}\n"
        "  - {id: s2, kind: sighting, date: 2024-01-02, sigma_km: 20,\n"
        "     place: {lon: -179.5, lat: -17.8}}\n"
    )
    result = run("locate", case, "--out", tmp_path / "fj")
    assert result.exit_code == 0, result.output
    said = flat(result.output)
    assert "Where is Test Person? (as of 2024-01-02)" in said
    assert "No named places to rank: no sighting or claim names a place" in said
    assert "P(within" not in said and "in 90% area" not in said
    assert "items used: 2, left out: 0" in said


# ------------------------------------- #17: read but not counted, in the summary
def test_the_summary_counts_the_items_read_but_not_counted(tmp_path: Path) -> None:
    from geosleuth.read.document import Reading

    quote = (
        "Two walkers saw a man matching the description near Bwlch y Moch around 11:30."
    )
    prov = Provenance(document="walkers", quote=quote, span=(0, len(quote)))
    again = Sighting(
        id="walkers:s1", provenance=prov, date=dt.date(2024, 10, 12),
        place=Point(-4.0425, 53.0784), place_name="Bwlch y Moch", sigma_km=0.4,
    )  # fmt: skip
    reading = Reading("walkers", None, quote, dt.date(2024, 10, 13), (), (again,),
                      (), (), (), "missing walker (synthetic example)",
                      "walkers.txt")  # fmt: skip
    doc = tmp_path / "walkers.json"
    doc.write_text(json.dumps(reading.to_dict()), encoding="utf-8")
    out = tmp_path / "out"
    result = run("locate", HIKER, doc, "--out", out)
    assert result.exit_code == 0, result.output
    said = flat(result.output)
    assert "already counts it; read but not counted: walkers:s1." in said
    record = json.loads((out / "estimate.json").read_text())
    used = sum(e["used"] for e in record["evidence"])
    left = sum(not e["used"] for e in record["evidence"])
    assert f"items used: {used}, left out: {left}, read but not counted: 1" in said
    assert "Read but not counted (1)" in (out / "report.html").read_text()


# --------------------------------------- #11: one name for the 50 % / 90 % areas
@pytest.fixture(scope="module")
def hiker_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("hiker") / "out"
    result = run("locate", HIKER, "-q", "--out", out)
    assert result.exit_code == 0, result.output
    return out


def test_the_report_calls_the_hdr_areas_what_the_terminal_does(
    hiker_out: Path,
) -> None:
    page = (hiker_out / "report.html").read_text(encoding="utf-8")
    assert "% region" not in page and "region holding" not in page
    for label in ("50% area", "90% area", "In the 90% area"):
        assert label in page
    script = (REPO / "src" / "geosleuth" / "data" / "report" / "report.js").read_text()
    assert "% region" not in script and "50% and 90% areas" in script


def test_the_map_png_calls_them_areas_too() -> None:
    from geosleuth.fuse import fuse
    from geosleuth.grid import Grid
    from geosleuth.report.png import _caption

    g = Grid.around(0.0, 0.0, radius_km=1.0, cell_km=0.05)
    caption = _caption(fuse([], g, as_of=dt.date(2024, 1, 1)), 0)
    assert "50% area 2 km²" in caption and "region" not in caption


def test_plan_prints_percentages_as_the_rest_of_the_terminal(
    hiker_out: Path, tmp_path: Path
) -> None:
    result = run("plan", hiker_out, "--budget-km", 50, "--sweep-width-km", 0.05,
                 "--out", tmp_path / "p")  # fmt: skip
    assert result.exit_code == 0, result.output
    said = flat(result.output)
    assert "Rest of world: 0 % now, 0 % if the whole plan finds nothing." in said
    pos = said.split("POS (probability the plan finds the target) = ")[1].split()
    assert pos[1] == "%" and float(pos[0]) > 0
    rows = [
        [cell.strip() for cell in line.split("│")[1:-1]]
        for line in result.output.splitlines()
        if line.startswith("│")
    ]
    assert rows and rows[0][0] == "1", result.output
    from geosleuth.report.text import pct_fine

    # a percentage of the first cell's probability, not a fraction (0.0009)
    p_here = rows[0][4]
    with (tmp_path / "p" / "plan.csv").open(encoding="utf-8") as f:
        first = next(csv.DictReader(f))
    assert p_here == pct_fine(float(first["p"])) and p_here.endswith(" %")


def test_percentages_of_cells_keep_two_significant_figures() -> None:
    from geosleuth.report.text import pct_fine, percent_down

    assert pct_fine(0.0009234) == "0.092 %" and pct_fine(0.25) == "25.0 %"
    assert percent_down(0.138, decimals=1) == "13.8 %"
    assert percent_down(1e-9) == "< 1 %"
    assert np.isclose(float(pct_fine(0.000031).split()[0]), 0.0031)


# --------------------------------------------------- #18: read's help and usage
def test_reads_workers_and_scheduler_help_speak_of_read_only() -> None:
    result = runner.invoke(app, ["read", "--help"], terminal_width=200)
    assert result.exit_code == 0
    said = flat(result.output.replace("│", " "))
    options = said[said.index("--workers") :]
    assert "locate" not in options
    assert (
        "With --scheduler threads or processes, N is the number of that local "
        "scheduler's threads or processes"
    ) in said


def test_locates_help_says_what_workers_with_a_local_scheduler_mean() -> None:
    result = runner.invoke(app, ["locate", "--help"], terminal_width=200)
    assert result.exit_code == 0
    said = flat(result.output.replace("│", " "))
    assert "compute each item's contribution on N threads" in said
    assert "With --scheduler threads or processes, N is the number" in said


@pytest.mark.parametrize(
    ("command", "name"),
    [
        ("locate", "INPUTS"),
        ("plan", "ESTIMATE"),
        ("profile", "EVENTS_CSV"),
        ("searched", "CASE"),
        ("verify", "ESTIMATE"),
    ],
)
def test_usage_lines_name_arguments_as_read_does(command: str, name: str) -> None:
    result = runner.invoke(app, [command, "--help"], terminal_width=200)
    usage = result.output.strip().splitlines()[0]
    assert name in usage and name.lower() not in usage
