"""A served run binds the reports it read by SHA-256 (review 20, F8).

``run.json`` listed its reports by name only: after a report was removed and
another uploaded under its name, the run pointed at a file it never read. It
now keeps each report's SHA-256 and its reading's (``inputs``), and the case
(``documents_now``, and the case page) says when the report under that name is
no longer the one the run read, and where the case keeps that one.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")

from conftest import REPO
from geosleuth.service import create_app
from geosleuth.service.runinputs import (
    input_record,
    input_states,
    sha256_of_file,
)
from serving import call

HIKER = REPO / "src" / "geosleuth" / "examples" / "missing-hiker.yaml"
CASE = HIKER.read_text().replace(
    "target: missing walker (synthetic example)", "target: John Smith"
)
ARTICLE = (
    "Walker still missing near Snowdon\n\nLLANBERIS, 13 October 2024 - Police said "
    "John Smith, 54, was seen in Llanberis on 12 October 2024 by a shopkeeper.\n"
)
OTHER = "Walker found\n\nCAPEL CURIG, 13 October 2024 - He was seen in Capel Curig.\n"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def text_of(page: str) -> str:
    """A page as its reader sees it: no tags, one space between words."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A data folder: one case, the report a.txt uploaded with a date, one run."""
    data = tmp_path_factory.mktemp("data")
    app = create_app(data)
    case_id = call(app, "POST", "/api/cases", content=CASE).json()["id"]
    up = call(
        app,
        "POST",
        f"/api/cases/{case_id}/documents",
        content=ARTICLE,
        params={"name": "a.txt", "published": "2024-10-13"},
    )
    assert up.status_code == 201, up.text
    est = call(app, "POST", f"/api/cases/{case_id}/estimate")
    assert est.status_code == 201, est.text
    return data, case_id, est.json()


@pytest.fixture
def case(served, tmp_path):
    """The served data folder copied, an app on the copy, and the case's id."""
    data, case_id, _ = served
    shutil.copytree(data, tmp_path / "data")
    return create_app(tmp_path / "data"), tmp_path / "data" / "cases" / case_id, case_id


def test_run_json_binds_each_report_and_its_reading_by_sha256(served):
    data, case_id, est = served
    folder = data / "cases" / case_id
    run = json.loads((folder / "runs" / "0001" / "run.json").read_text())
    expected = [
        {
            "document": "a.txt",
            "sha256": sha256(folder / "documents" / "a.txt"),
            "reading": "readings/a.txt.json",
            "reading_sha256": sha256(folder / "readings" / "a.txt.json"),
        }
    ]
    assert run["documents"] == ["a.txt"]
    assert run["inputs"] == expected
    assert est["inputs"] == expected  # the answer to the estimate says so too
    assert run["inputs"][0]["sha256"] == hashlib.sha256(ARTICLE.encode()).hexdigest()


def test_a_report_read_when_the_run_is_made_has_no_reading_recorded(tmp_path):
    app = create_app(tmp_path)
    case_id = call(app, "POST", "/api/cases", content=CASE).json()["id"]
    # a report that gives no date (ARTICLE's dateline gives its own, which it
    # keeps: review r39, H1)
    undated = ARTICLE.split(" - ", 1)[1]
    up = call(
        app, "POST", f"/api/cases/{case_id}/documents?name=a.txt", content=undated
    )
    assert up.status_code == 201, up.text
    # a date for the undated reports: a.txt is read again, now
    est = call(
        app, "POST", f"/api/cases/{case_id}/estimate", json={"published": "2024-10-13"}
    )
    assert est.status_code == 201, est.text
    [entry] = est.json()["inputs"]
    assert entry["reading"] is None and entry["reading_sha256"] is None
    assert entry["sha256"] == hashlib.sha256(undated.encode()).hexdigest()


def test_the_case_says_which_runs_read_a_report_replaced_since(case):
    app, folder, case_id = case
    base = f"/api/cases/{case_id}"
    assert call(app, "GET", base).json()["runs"][0]["documents_now"] == [
        {"document": "a.txt", "state": "unchanged", "kept_as": None}
    ]
    assert call(app, "DELETE", f"{base}/documents/a.txt").status_code == 200
    up = call(app, "POST", f"{base}/documents?name=a.txt", content=OTHER)
    assert up.status_code == 201, up.text
    assert up.json()["name"] == "a.txt"  # the freed name, taken again
    again = call(app, "POST", f"{base}/estimate")
    assert again.status_code == 201, again.text
    runs = call(app, "GET", base).json()["runs"]
    assert [r["documents"] for r in runs] == [["a.txt"], ["a.txt"]]
    assert runs[0]["inputs"][0]["sha256"] != runs[1]["inputs"][0]["sha256"]
    assert runs[0]["documents_now"] == [
        {"document": "a.txt", "state": "changed", "kept_as": "removed/0001-a.txt"}
    ]
    assert runs[1]["documents_now"] == [
        {"document": "a.txt", "state": "unchanged", "kept_as": None}
    ]
    assert sha256(folder / "removed" / "0001-a.txt") == runs[0]["inputs"][0]["sha256"]
    page = text_of(call(app, "GET", f"/cases/{case_id}").text)
    assert (
        "a.txt (changed since this run; the one it read is kept as removed/0001-a.txt)"
    ) in page
    assert page.count("changed since this run") == 1  # run 0002 read this one


def test_a_report_removed_since_a_run_is_shown_so(case):
    app, _, case_id = case
    base = f"/api/cases/{case_id}"
    assert call(app, "DELETE", f"{base}/documents/a.txt").status_code == 200
    run = call(app, "GET", base).json()["runs"][0]
    assert run["documents_now"] == [
        {"document": "a.txt", "state": "removed", "kept_as": "removed/0001-a.txt"}
    ]
    page = text_of(call(app, "GET", f"/cases/{case_id}").text)
    assert (
        "a.txt (removed since this run; the one it read is kept as removed/0001-a.txt)"
    ) in page


def test_a_report_changed_on_disk_is_shown_as_no_longer_kept(case):
    app, folder, case_id = case
    (folder / "documents" / "a.txt").write_text(OTHER)
    run = call(app, "GET", f"/api/cases/{case_id}").json()["runs"][0]
    assert run["documents_now"] == [
        {"document": "a.txt", "state": "changed", "kept_as": None}
    ]
    page = text_of(call(app, "GET", f"/cases/{case_id}").text)
    assert "a.txt (changed since this run; the one it read is no longer kept)" in page


def test_an_older_run_without_checksums_shows_its_names_as_not_recorded(case):
    app, folder, case_id = case
    path = folder / "runs" / "0001" / "run.json"
    record = json.loads(path.read_text())
    del record["inputs"]
    path.write_text(json.dumps(record))
    run = call(app, "GET", f"/api/cases/{case_id}").json()["runs"][0]
    assert run["documents_now"] == [
        {"document": "a.txt", "state": "not recorded", "kept_as": None}
    ]
    page = text_of(call(app, "GET", f"/cases/{case_id}").text)
    assert "a.txt (not bound by checksum: an older run)" in page


# ------------------------------------------------------------ runinputs itself
def test_a_reading_made_again_is_read_again_and_the_old_one_not_found(tmp_path):
    for sub in ("documents", "readings"):
        (tmp_path / sub).mkdir()
    doc, reading = (
        tmp_path / "documents" / "a.txt",
        tmp_path / "readings" / "a.txt.json",
    )
    doc.write_text(ARTICLE)
    reading.write_text('{"target": "John Smith"}')
    recorded = input_record(tmp_path, [doc], [reading])
    [state] = input_states(tmp_path, recorded)
    assert (state.state, state.kept_as, state.reading_at) == (
        "unchanged",
        "documents/a.txt",
        "readings/a.txt.json",
    )
    reading.write_text('{"target": "Jane Doe"}')
    [state] = input_states(tmp_path, recorded)
    assert (state.state, state.kept_as, state.reading_at) == (
        "read again",
        "documents/a.txt",
        None,
    )


def test_records_not_as_written_are_not_recorded(tmp_path):
    states = input_states(
        tmp_path, [{"document": "a.txt", "sha256": "x"}, "a.txt", {"document": 3}]
    )
    assert [(s.document, s.state) for s in states] == [
        ("a.txt", "not recorded"),
        ("?", "not recorded"),
        ("3", "not recorded"),
    ]
    assert input_states(tmp_path, None) == []


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_link_is_not_followed_and_a_digest_is_cached(tmp_path):
    target = tmp_path / "outside.txt"
    target.write_text(ARTICLE)
    link = tmp_path / "a.txt"
    link.symlink_to(target)
    assert sha256_of_file(link) is None
    cache: dict = {}
    digest = sha256_of_file(target, cache=cache)
    assert digest == sha256(target) and list(cache.values()) == [digest]
    key = next(iter(cache))
    cache[key] = "0" * 64  # what is cached is taken, not read again
    assert sha256_of_file(target, cache=cache) == "0" * 64
