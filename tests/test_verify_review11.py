"""verify, locate and plan after an outside review of the timeline and batch runs.

- verify said "ok" for stored numbers set to Infinity, for an estimate whose
  search figures were deleted, for ranked places whose names were swapped or
  one of them deleted;
- plan took a rest of world of 0 from such an estimate without a word;
- the plan of `locate --budget-km` was neither printed nor stored, so verify
  could not check the probability the report shows;
- a rename that failed part-way left new files beside old ones;
- one impossible date of the timeline stopped the whole run;
- a date typed "0024-03-01" and an --as-of of "20241013" were taken as given.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import REPO
from geosleuth.cli import app
from geosleuth.errors import EvidenceWarning
from geosleuth.report import files
from geosleuth.report._html_timeline import timeline_names
from geosleuth.report.text import percent_down

runner = CliRunner()
SEED = REPO / "src" / "geosleuth" / "examples" / "seed-baghdadi-2018.yaml"
HIKER = REPO / "src" / "geosleuth" / "examples" / "missing-hiker.yaml"


def run(*args: object) -> object:
    return runner.invoke(app, [str(a) for a in args], terminal_width=200)


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed")
    result = run("locate", SEED, "--out", out, "-q")
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def hiker_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hiker case with a rest of world of 0.1 and a plan of 20 km."""
    folder = tmp_path_factory.mktemp("hiker")
    case = folder / "hiker.yaml"
    case.write_text(
        HIKER.read_text().replace("settings:\n", "settings:\n  rest_of_world: 0.1\n")
    )
    out = folder / "out"
    result = run(
        "locate", case, "--out", out, "--budget-km", 20, "--sweep-width-km", 0.05
    )
    assert result.exit_code == 0, result.output
    return out


def _tampered(out: Path, tmp_path: Path, change: object) -> Path:
    copy = tmp_path / "t"
    shutil.copytree(out, copy)
    record = json.loads((copy / "estimate.json").read_text())
    change(record)  # type: ignore[operator]
    (copy / "estimate.json").write_text(json.dumps(record))
    return copy


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda r: r.__setitem__("p_alive", float("inf")), "P(alive)"),
        (lambda r: r["places"][0].__setitem__("probability", float("inf")),
         "ranked places"),
        (lambda r: r["hdr_km2"].__setitem__("90", float("-inf")), "HDR areas"),
    ],
)  # fmt: skip
def test_verify_refuses_stored_infinities(
    seed_out: Path, tmp_path: Path, change: object, where: str
) -> None:
    result = run("verify", _tampered(seed_out, tmp_path, change))
    assert result.exit_code == 1
    assert f"differs  {where}" in result.output


def test_verify_checks_ranked_place_names_against_the_items(
    seed_out: Path, tmp_path: Path
) -> None:
    def swap(r: dict) -> None:
        a, b = r["places"][0]["name"], r["places"][1]["name"]
        r["places"][0]["name"], r["places"][1]["name"] = b, a
        for point in r["timeline"]:
            point["probabilities"] = {
                {a: b, b: a}.get(k, k): v for k, v in point["probabilities"].items()
            }
        r["top_place_leave_one_out"]["name"] = b

    result = run("verify", _tampered(seed_out, tmp_path / "swap", swap))
    assert result.exit_code == 1
    assert "differs  ranked places at places[0].name, places[1].name" in result.output

    def drop(r: dict) -> None:
        r["places"] = [q for q in r["places"] if q["name"] != "Abu Kamal"]
        for point in r["timeline"]:
            point["probabilities"].pop("Abu Kamal", None)

    result = run("verify", _tampered(seed_out, tmp_path / "drop", drop))
    assert result.exit_code == 1
    assert "places: Abu Kamal (missing)" in result.output
    # the untouched estimate passes, also when named by its posterior.npz
    result = run("verify", seed_out / "posterior.npz")
    assert result.exit_code == 0, result.output


def test_search_figures_must_be_there_when_the_case_has_searches(
    hiker_out: Path, tmp_path: Path
) -> None:
    def drop(r: dict) -> None:
        del r["search_miss"], r["p_outside"]

    copy = _tampered(hiker_out, tmp_path, drop)
    result = run("verify", copy)
    assert result.exit_code == 1
    assert "search_miss (missing), p_outside (missing)" in result.output
    # plan takes 0 then, and says so
    result = run(
        "plan", copy, "--budget-km", 20, "--sweep-width-km", 0.05, "--out",
        tmp_path / "p1",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "has searches but no P(outside the region)" in " ".join(
        result.output.split()
    )
    record = json.loads((copy / "estimate.json").read_text())
    record["p_outside"] = float("inf")
    (copy / "estimate.json").write_text(json.dumps(record))
    result = run(
        "plan", copy, "--budget-km", 20, "--sweep-width-km", 0.05, "--out",
        tmp_path / "p2",
    )  # fmt: skip
    assert result.exit_code == 1
    assert "holds a p_outside of inf, not a probability" in result.output


def test_the_plan_of_locate_is_printed_stored_and_verified(
    hiker_out: Path, tmp_path: Path
) -> None:
    plan = json.loads((hiker_out / "estimate.json").read_text())["plan"]
    assert plan["budget_km"] == 20.0 and plan["sweep_width_km"] == 0.05
    assert 0.0 < plan["probability_of_success"] < 1.0
    assert plan["rest_of_world"] == pytest.approx(0.1105, abs=1e-4)
    result = run("verify", hiker_out)
    assert result.exit_code == 0, result.output
    assert "ok  search plan" in result.output

    def inflate(r: dict) -> None:
        r["plan"]["probability_of_success"] = 0.5

    result = run("verify", _tampered(hiker_out, tmp_path, inflate))
    assert result.exit_code == 1
    assert "differs  search plan at plan.probability_of_success" in result.output

    def widen(r: dict) -> None:
        r["plan"]["sweep_width_km"] = 50.0  # wider than a cell: now refused

    result = run("verify", _tampered(hiker_out, tmp_path / "w", widen))
    assert result.exit_code == 1
    assert "differs  search plan" in result.output
    assert "Traceback" not in result.output and "InputError" not in result.output


def test_locate_prints_its_plan(tmp_path: Path) -> None:
    result = run(
        "locate", HIKER, "--out", tmp_path, "--budget-km", 20, "--sweep-width-km",
        0.05,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    stored = json.loads((tmp_path / "estimate.json").read_text())["plan"]
    assert (
        # one probability formatter for every output (review 12, finding 9):
        # the POS rounded down, as plan and its field files give it (review 16)
        "finds the target with probability "
        f"{percent_down(stored['probability_of_success'], decimals=1)}"
        in " ".join(result.output.split())
    )


def test_a_failed_rename_puts_every_old_file_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = ["a.json", "b.npz", "c.html"]
    for n in names:
        (tmp_path / n).write_bytes(b"old " + n.encode())
    real = os.replace
    tries = []

    def failing(src: object, dst: object) -> None:
        # the new c.html cannot be put in place (once: putting back may)
        if str(dst).endswith("c.html") and ".c.html." in str(src) and not tries:
            tries.append(src)
            raise PermissionError(1, "Operation not permitted")
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(PermissionError) as err:
        files.write_all_atomic({tmp_path / n: b"new" for n in names})
    assert err.value.filename == str(tmp_path / "c.html")
    assert [(tmp_path / n).read_bytes() for n in names] == [
        b"old " + n.encode() for n in names
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == names  # nothing left over


def test_temporary_files_left_by_a_killed_run_are_removed(tmp_path: Path) -> None:
    stale = tmp_path / ".report.html.abcd1234.geosleuth-tmp"
    fresh = tmp_path / ".report.html.efgh5678.geosleuth-tmp"
    other = tmp_path / ".notes.txt.abcd1234.geosleuth-tmp"
    # the user's own hidden file of the same shape is not ours (review 14: a
    # dated backup was deleted)
    backup = tmp_path / ".report.html.20241012"
    for p in (stale, fresh, other, backup):
        p.write_bytes(b"x")
    old = time.time() - 2 * 3600
    for p in (stale, other, backup):
        os.utime(p, (old, old))
    # another run writes in the folder now (it holds the folder's lock): none of
    # its files is touched, however old (a live run's copy of an old file keeps
    # the old file's time: review r56, L1; tests/test_review56_inputs.py)
    fcntl = pytest.importorskip("fcntl")
    live = os.open(tmp_path, os.O_RDONLY)
    try:
        fcntl.flock(live, fcntl.LOCK_SH)
        files.write_all_atomic({tmp_path / "report.html": b"new"})
        assert stale.exists() and fresh.exists() and other.exists()
    finally:
        os.close(live)
    # with no run left, they are a dead run's and go, whatever their age (review
    # r51, L1); the user's own file of that shape stays
    files.write_all_atomic({tmp_path / "report.html": b"newer"})
    assert not stale.exists() and not fresh.exists() and not other.exists()
    assert backup.read_bytes() == b"x"
    assert (tmp_path / "report.html").read_bytes() == b"newer"
    # and what a run writes is named so
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == [
        ".report.html.20241012",
    ]


def test_an_impossible_day_of_the_timeline_does_not_stop_the_run(
    tmp_path: Path,
) -> None:
    case = tmp_path / "sweep.yaml"
    case.write_text(
        """target: Jane Doe
as_of: 2024-03-20
region: {west: -1.0, south: 51.0, east: 1.0, north: 52.5}
grid: {cell_km: 5}
settings: {search_memory_days: 5}
documents:
  d1: {title: Doc one, published: 2024-03-01}
  d2: {title: Doc two, published: 2024-03-10}
  d3: {title: Doc three, published: 2024-03-15}
places:
  Alpha: {lon: -0.5, lat: 51.5}
  Beta: {lon: 0.5, lat: 52.0}
  Everywhere: {polygon: [[-1.2, 50.8], [1.2, 50.8], [1.2, 52.7], [-1.2, 52.7]]}
evidence:
  - {id: s1, kind: sighting, document: d1, date: 2024-03-01, place: Alpha,
     sigma_km: 5, grade: B2}
  - {id: sweep, kind: searched, document: d2, date: 2024-03-10, area: Everywhere,
     pd: 1.0}
  - {id: s3, kind: sighting, document: d3, date: 2024-03-14, place: Beta,
     sigma_km: 5, grade: B2}
"""
    )
    out = tmp_path / "out"
    result = run("locate", case, "--out", out)
    assert result.exit_code == 0, result.output
    assert "The timeline has no map on 2024-03-10" in result.output
    record = json.loads((out / "estimate.json").read_text())
    by_day = {t["as_of"]: t["probabilities"] for t in record["timeline"]}
    assert by_day["2024-03-10"] == {}
    assert set(by_day["2024-03-15"]) == {"Alpha", "Beta"}
    assert run("verify", out).exit_code == 0


def test_a_date_centuries_before_its_document_is_warned_of(tmp_path: Path) -> None:
    from geosleuth.casefile import load_case

    case = tmp_path / "typo.yaml"
    case.write_text(
        "target: Jane Doe\n"
        "documents: {d: {title: D, published: 2024-03-01}}\n"
        "evidence:\n"
        "  - {id: s, kind: sighting, document: d, date: 0024-03-01,\n"
        "     place: {lon: 0.0, lat: 51.5}, sigma_km: 5}\n"
        "  - {id: t, kind: sighting, document: d, date: 2024-02-28,\n"
        "     place: {lon: 0.0, lat: 51.5}, sigma_km: 5}\n"
    )
    with pytest.warns(EvidenceWarning) as caught:
        load_case(case)
    messages = [str(w.message) for w in caught]
    assert any(
        "evidence[0].date (" in m and "0024-03-01, more than 100 years before" in m
        for m in messages
    )
    assert not any("evidence[1]" in m for m in messages)


@pytest.mark.parametrize("day", ["20241013", "2024-W41-7", "2024-287"])
def test_as_of_must_be_written_as_the_help_says(tmp_path: Path, day: str) -> None:
    result = run("locate", HIKER, "--out", tmp_path, "--as-of", day)
    assert result.exit_code == 1
    assert f"--as-of must be a date written YYYY-MM-DD. Got '{day}'" in result.output


def test_an_unreadable_estimate_names_its_path_once(tmp_path: Path) -> None:
    (tmp_path / "estimate.json").write_text(json.dumps({"evidence": [], "places": []}))
    result = run("verify", tmp_path)
    assert result.exit_code == 1
    assert result.output.count("estimate.json") <= 2  # the message, and its path


def test_the_report_timeline_shows_the_six_places_the_record_keeps(
    seed_out: Path,
) -> None:
    from geosleuth.fuse import TimelinePoint

    names = [f"P{k}" for k in range(7)]
    points = [
        TimelinePoint(dt.date(2024, 1, 1), dict.fromkeys(names[:6], 0.1), 0.9, ())
    ]

    class _Est:
        places = ()

    shown = timeline_names(_Est(), points)  # type: ignore[arg-type]
    assert sorted(shown) == names[:6]


def test_the_searches_figures_reach_the_geojson_and_each_timeline_point(
    hiker_out: Path, seed_out: Path, tmp_path: Path
) -> None:
    record = json.loads((hiker_out / "estimate.json").read_text())
    geo = json.loads((hiker_out / "estimate.geojson").read_text())
    assert geo["p_outside"] == pytest.approx(record["p_outside"])
    assert geo["search_miss"] == pytest.approx(record["search_miss"])
    last = record["timeline"][-1]
    assert last["p_outside"] == pytest.approx(record["p_outside"], rel=1e-6)
    before = [t for t in record["timeline"] if t["as_of"] < "2024-10-12"]
    assert all(t["p_outside"] is None for t in before)  # no search yet
    # an older estimate, without them, still verifies where there were no searches
    copy = _tampered(
        seed_out,
        tmp_path,
        lambda r: [t.pop("p_outside") for t in r["timeline"]],
    )
    assert run("verify", copy).exit_code == 0
    copy = _tampered(
        hiker_out,
        tmp_path / "h",
        lambda r: [t.pop("p_outside") for t in r["timeline"]],
    )
    result = run("verify", copy)
    assert result.exit_code == 1 and "differs  timeline" in result.output


def test_a_case_of_life_status_only_says_its_map_is_the_prior(tmp_path: Path) -> None:
    case = tmp_path / "life.yaml"
    case.write_text(
        "target: Jane Doe\nas_of: 2024-06-01\n"
        "region: {west: -1.0, south: 51.0, east: 1.0, north: 52.5}\n"
        "grid: {cell_km: 10}\n"
        "documents: {d: {title: D, published: 2024-01-10}}\n"
        "evidence:\n"
        "  - {id: dead1, kind: life_status, status: dead, document: d,\n"
        "     date: 2024-01-05, grade: B2}\n"
    )
    result = run("locate", case, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "No item used says where the target is" in text
    assert "Items that move the map most" not in text


def test_published_and_home_without_articles_are_said_to_be_ignored(
    tmp_path: Path,
) -> None:
    result = run(
        "locate", HIKER, "--out", tmp_path, "--published", "2024-10-13", "--home",
        "Leeds",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "--published and --home apply to articles read now, and none is given" in (
        " ".join(result.output.split())
    )


def test_article_items_left_out_as_repeats_are_kept_in_the_outputs(
    nlp: object, shared_dir: Path, tmp_path: Path
) -> None:
    article = shared_dir / "corpus" / "seed-2018-baghdadi-hajin.txt"
    read = run("read", article, "--out", tmp_path / "read")
    assert read.exit_code == 0, read.output
    out = tmp_path / "out"
    result = run(
        "locate", SEED, tmp_path / "read" / f"{article.stem}.json", "--out", out
    )
    assert result.exit_code == 0, result.output
    record = json.loads((out / "estimate.json").read_text())
    aside = record["set_aside"]
    assert len(aside) >= 10  # the sentences the case file already quotes
    assert {a["id"] for a in aside}.isdisjoint(e["id"] for e in record["evidence"])
    assert all("quotes the same sentence" in a["reason"] for a in aside)
    assert all(a["source"]["quote"] for a in aside)
    assert f"Read but not counted ({len(aside)})" in (out / "report.html").read_text()
    assert run("verify", out).exit_code == 0
