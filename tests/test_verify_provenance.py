"""``geosleuth verify`` checks what a run read and what its pages show (review 20).

- F8: a served run names its reports; verify now checks them by the SHA-256
  ``run.json`` keeps, and follows one removed since to the copy the case keeps;
- F9 (a): a quote changed in estimate.json passed; it is now compared with
  report.html, with the case file's item and with the text of its span in the
  reading the run read;
- F9 (b): ``run.json``'s summary, which the index and case pages show, was not
  checked; it is now compared with the recomputed estimate.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")

from typer.testing import CliRunner

from conftest import REPO
from geosleuth.cli import app as cli_app
from geosleuth.service import create_app
from geosleuth.service.store import CaseStore
from serving import call

HIKER = REPO / "src" / "geosleuth" / "examples" / "missing-hiker.yaml"
CASE = (
    HIKER.read_text()
    .replace("target: missing walker (synthetic example)", "target: John Smith")
    .replace("west: -4.16, south: 53.03, east: -3.98, north: 53.12", "west: -4.3, "
             "south: 52.95, east: -3.8, north: 53.2")
)  # fmt: skip
ARTICLE = (
    "Walker still missing near Snowdon\n\nLLANBERIS, 13 October 2024 - Police said "
    "John Smith, 54, was seen in Llanberis on 12 October 2024 by a shopkeeper. His "
    "partner said he had planned to walk to Capel Curig.\n"
)
OTHER = "Walker found\n\nCAPEL CURIG, 13 October 2024 - He was seen in Capel Curig.\n"


def verify(run: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli_app, ["verify", str(run)], terminal_width=400)
    return result.exit_code, result.output


def edit_json(path: Path, change) -> None:
    record = json.loads(path.read_text(encoding="utf-8"))
    change(record)
    path.write_text(json.dumps(record, indent=1), encoding="utf-8")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A data folder with one case, one report (a.txt) and one run of both."""
    data = tmp_path_factory.mktemp("data")
    app = create_app(data)
    case_id = call(app, "POST", "/api/cases", content=CASE).json()["id"]
    up = call(
        app, "POST", f"/api/cases/{case_id}/documents?name=a.txt", content=ARTICLE
    )
    assert up.status_code == 201, up.text
    est = call(app, "POST", f"/api/cases/{case_id}/estimate")
    assert est.status_code == 201, est.text
    return data, case_id


@pytest.fixture
def case(served, tmp_path):
    """A copy of the served data folder; the case's folder in it."""
    data, case_id = served
    shutil.copytree(data, tmp_path / "data")
    return tmp_path / "data", case_id


def read_item(run: Path) -> dict:
    """The first item of estimate.json read from the report a.txt."""
    record = json.loads((run / "estimate.json").read_text(encoding="utf-8"))
    return next(e for e in record["evidence"] if e["id"].startswith("a:"))


def test_a_served_run_passes_with_its_reports_quotes_and_summary_checked(served):
    data, case_id = served
    code, out = verify(data / "cases" / case_id / "runs" / "0001")
    assert code == 0, out
    assert "ok  reports the run read (SHA-256)\n" in out
    assert "ok  quotes of the evidence\n" in out
    assert "ok  run.json summary\n" in out
    assert "ok  files written with it\n" in out  # the checks there were stay
    assert "differs" not in out


def test_a_quote_changed_in_estimate_json_differs_from_report_html(case):
    data, case_id = case
    run = data / "cases" / case_id / "runs" / "0001"
    ident = read_item(run)["id"]

    def change(record):
        for e in record["evidence"]:
            if e["id"] == ident:
                quote = "Police said John Smith was seen in Capel Curig."
                e["source"]["quote"] = e["item"]["provenance"]["quote"] = quote

    edit_json(run / "estimate.json", change)
    code, out = verify(run)
    assert code == 1
    assert (
        f"differs  quotes of the evidence at {ident} (not the quote report.html " in out
    )
    assert f"{ident} (not the text of its span in readings/a.txt.json)" in out


def test_a_quote_changed_with_its_report_still_differs_from_the_reading(case):
    data, case_id = case
    run = data / "cases" / case_id / "runs" / "0001"
    item = read_item(run)
    old, new = item["item"]["provenance"]["quote"], "He was seen in Capel Curig."

    def change(record):
        for e in record["evidence"]:
            if e["id"] == item["id"]:
                e["source"]["quote"] = e["item"]["provenance"]["quote"] = new
        page = (run / "report.html").read_text(encoding="utf-8")
        assert page.count(old) >= 1
        (run / "report.html").write_text(page.replace(old, new), encoding="utf-8")
        digest = hashlib.sha256((run / "report.html").read_bytes()).hexdigest()
        record["outputs"]["report.html"] = digest

    edit_json(run / "estimate.json", change)
    code, out = verify(run)
    assert code == 1
    assert "ok  files written with it\n" in out  # its checksum was made to agree
    assert (
        f"differs  quotes of the evidence at {item['id']} (not the text of its span "
        "in readings/a.txt.json)"
    ) in out


def test_a_quote_of_a_case_item_differs_from_the_case_file(case):
    data, case_id = case
    run = data / "cases" / case_id / "runs" / "0001"

    def change(record):
        for e in record["evidence"]:
            if e["id"] == "car":
                e["source"]["quote"] = e["item"]["provenance"]["quote"] = "No car."

    edit_json(run / "estimate.json", change)
    code, out = verify(run)
    assert code == 1
    assert "car (not the quote of the case file's item)" in out


def test_a_changed_run_json_summary_differs(case):
    data, case_id = case
    run = data / "cases" / case_id / "runs" / "0001"

    def change(record):
        record["summary"]["places"][0]["probability"] = 0.9
        record["summary"]["p_alive"] = 0.1

    edit_json(run / "run.json", change)
    code, out = verify(run)
    assert code == 1
    assert (
        "differs  run.json summary at summary.p_alive, summary.places[0].probability"
    ) in out
    assert "ok  quotes of the evidence" in out


def test_a_run_json_naming_another_run_differs(case):
    data, case_id = case
    run = data / "cases" / case_id / "runs" / "0001"
    edit_json(run / "run.json", lambda r: r.update(run="0002"))
    code, out = verify(run)
    assert code == 1
    assert "differs  run.json summary at run (says '0002', not its folder)" in out


def test_a_report_edited_in_place_differs(case):
    data, case_id = case
    folder = data / "cases" / case_id
    (folder / "documents" / "a.txt").write_text(OTHER, encoding="utf-8")
    code, out = verify(folder / "runs" / "0001")
    assert code == 1
    assert (
        "differs  reports the run read (SHA-256) at a.txt (changed since the run "
        "read it, and no report of the case has the SHA-256 it recorded)"
    ) in out


def test_a_report_removed_and_replaced_is_followed_to_the_copy_kept(case):
    data, case_id = case
    store = CaseStore(data)
    store.remove_document(case_id, "a.txt")
    store.add_document(case_id, "a.txt", OTHER.encode(), lambda path: None)
    code, out = verify(data / "cases" / case_id / "runs" / "0001")
    assert code == 0, out
    assert (
        "ok  reports the run read (SHA-256) (a.txt changed since; the one read is "
        "removed/0001-a.txt)\n"
    ) in out
    # the quotes are checked against the reading kept with the removed report
    assert "ok  quotes of the evidence\n" in out


def test_a_report_removed_from_the_data_folder_is_not_checked(case):
    data, case_id = case
    folder = data / "cases" / case_id
    (folder / "documents" / "a.txt").unlink()
    (folder / "readings" / "a.txt.json").unlink()
    code, out = verify(folder / "runs" / "0001")
    assert code == 0, out
    assert (
        "not checked  reports the run read (SHA-256) (a.txt: no report of the case "
        "has its SHA-256 now)"
    ) in out
    assert (
        "ok  quotes of the evidence (a not compared with its report: the reading "
        "readings/a.txt.json it used is not kept now)"
    ) in out


def test_a_reading_made_again_since_leaves_its_quotes_unchecked(case):
    data, case_id = case
    reading = data / "cases" / case_id / "readings" / "a.txt.json"
    edit_json(reading, lambda r: r.update(target="Jane Doe"))  # as a new target's
    # and the log says so, as the service writes it (an edit it does not log
    # differs: review r85, L2, tests/test_h91.py)
    with (reading.parents[1] / "log.jsonl").open("a", encoding="utf-8") as log:
        log.write(json.dumps({"action": "replaced", "read_again": ["a.txt"]}) + "\n")
    code, out = verify(data / "cases" / case_id / "runs" / "0001")
    assert code == 0, out
    assert "ok  reports the run read (SHA-256)\n" in out
    assert "a not compared with its report: the reading readings/a.txt.json" in out


def test_an_older_run_without_checksums_is_not_recorded_not_failed(case):
    data, case_id = case
    run = data / "cases" / case_id / "runs" / "0001"
    edit_json(run / "run.json", lambda r: r.pop("inputs"))
    code, out = verify(run)
    assert code == 0, out
    assert (
        "not checked  reports the run read (SHA-256) (not recorded: a run made "
        "before runs kept their reports' SHA-256)"
    ) in out
    assert (
        "ok  quotes of the evidence (a not compared with its report: not recorded, "
        "an older run)"
    ) in out
    assert "ok  run.json summary\n" in out


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda r: r["inputs"][0].update(sha256="abc"), "inputs[0]"),
        (lambda r: r["inputs"][0].update(document="../a.txt"), "inputs[0]"),
        (lambda r: r.update(inputs={"a.txt": "x"}), "inputs"),
    ],
    ids=["sha256", "document", "not-a-list"],
)
def test_an_inputs_record_not_as_written_differs(case, change, where):
    data, case_id = case
    run = data / "cases" / case_id / "runs" / "0001"
    edit_json(run / "run.json", change)
    code, out = verify(run)
    assert code == 1
    assert (
        f"differs  reports the run read (SHA-256) at {where} (not a report with "
        "its SHA-256)"
    ) in out


def test_a_copy_of_a_run_outside_its_case_checks_what_it_can(case, tmp_path):
    data, case_id = case
    copy = tmp_path / "copy"
    shutil.copytree(data / "cases" / case_id / "runs" / "0001", copy)
    code, out = verify(copy)
    assert code == 0, out
    assert (
        "not checked  reports the run read (SHA-256) (the run is not in its case's "
        "runs/ folder: its reports are not beside it)"
    ) in out
    assert "ok  quotes of the evidence (a not compared with its report" in out


def test_a_locate_run_has_its_quotes_checked_and_no_run_json_lines(tmp_path):
    out_dir = tmp_path / "out"
    result = CliRunner().invoke(cli_app, ["locate", str(HIKER), "--out", str(out_dir)])
    assert result.exit_code == 0, result.output
    code, out = verify(out_dir)
    assert code == 0, out
    assert "ok  quotes of the evidence\n" in out
    assert "run.json" not in out and "reports the run read" not in out

    def change(record):
        for e in record["evidence"]:
            if e["id"] == "car":
                e["source"]["quote"] = e["item"]["provenance"]["quote"] = "No car."

    edit_json(out_dir / "estimate.json", change)
    code, out = verify(out_dir)
    assert code == 1
    assert (
        "differs  quotes of the evidence at car (not the quote report.html shows), "
        "car (not the quote of the case file's item)"
    ) in out


def test_quotes_not_compared_with_a_missing_report_html_are_said_so(case):
    """review r30, L4: 'ok quotes of the evidence' with report.html gone."""
    data, case_id = case
    run = data / "cases" / case_id / "runs" / "0001"
    (run / "report.html").unlink()
    code, out = verify(run)
    assert code == 0, out
    assert (
        "ok  quotes of the evidence (not compared with report.html, which is not "
        "beside it)"
    ) in out
