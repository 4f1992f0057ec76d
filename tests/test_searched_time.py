"""A search recorded with its time of day, by ``geosleuth searched --time`` and the
web service's ``time``.

Items carry a time of day (``time: "14:05"``, one clock for the whole case), and
the fusion combines one day's searches by it; a search could only be given one by
editing the case file. Both ways of recording a search now take it, check it with
the message of the case file's ``time``, and write the same case file: the time
after the date, in double quotes (unquoted, YAML 1.1 reads ``15:10`` as 910).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import REPO
from geosleuth.casefile import load_case
from geosleuth.cli import app as cli_app
from geosleuth.evidence import Searched

runner = CliRunner()
HIKER = REPO / "src" / "geosleuth" / "examples" / "missing-hiker.yaml"
DAY = "2024-10-13"
BOX = [-4.03, 53.075, -4.015, 53.085]
BAD_TIMES = ["25:00", "7:5", "3pm", "12:60", "09:30 ", ""]


def _copy(tmp_path: Path, name: str = "case.yaml") -> Path:
    path = tmp_path / name
    shutil.copyfile(HIKER, path)
    return path


def _searched(case: Path, *args: str):
    box = ",".join(map(str, BOX))
    return runner.invoke(
        cli_app,
        ["searched", str(case), "--date", DAY, "--pd", "0.9", "--box", box, *args],
        terminal_width=400,
    )


def _added(case: Path) -> Searched:
    item = load_case(case).items[-1]
    assert isinstance(item, Searched)
    return item


# ---------------------------------------------------------------- the CLI
def test_cli_writes_the_time_quoted_after_the_date_and_locate_reads_it(tmp_path):
    case = _copy(tmp_path)
    result = _searched(case, "--time", "15:10")
    assert result.exit_code == 0, result.output
    text = case.read_text()
    assert text.startswith(HIKER.read_text())  # appended, the rest kept
    added = text[len(HIKER.read_text()) :]
    assert "    date: '2024-10-13'\n    time: \"15:10\"\n" in added
    item = _added(case)
    assert (item.id, item.date, item.time) == (
        "search-2024-10-13-1",
        dt.date(2024, 10, 13),
        dt.time(15, 10),
    )
    # `geosleuth locate` loads it, and its estimate keeps the search's time
    out = tmp_path / "est"
    located = runner.invoke(cli_app, ["locate", str(case), "--out", str(out), "-q"])
    assert located.exit_code == 0, located.output
    items = json.loads((out / "estimate.json").read_text())["evidence"]
    (search,) = [i for i in items if i["id"] == "search-2024-10-13-1"]
    assert search["time"] == "15:10"


def test_cli_time_with_seconds_and_a_morning_hour(tmp_path):
    # 09:05 is no base-60 number to YAML 1.1, 15:10 is: both are quoted alike
    case = _copy(tmp_path)
    assert _searched(case, "--time", "09:05:30").exit_code == 0
    assert '    time: "09:05:30"\n' in case.read_text()
    assert _added(case).time == dt.time(9, 5, 30)


def test_cli_without_time_writes_no_time(tmp_path):
    case = _copy(tmp_path)
    assert _searched(case).exit_code == 0
    assert "time:" not in case.read_text()[len(HIKER.read_text()) :]
    assert _added(case).time is None


@pytest.mark.parametrize("bad", BAD_TIMES)
def test_cli_refuses_a_bad_time_and_leaves_the_file(tmp_path, bad):
    case = _copy(tmp_path)
    before = case.read_bytes()
    result = _searched(case, "--time", bad)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output
    assert "'--time'" in lines[0] and "HH:MM" in lines[0]
    assert repr(bad) in lines[0]
    assert case.read_bytes() == before


def test_cli_help_names_time():
    result = runner.invoke(cli_app, ["searched", "--help"], terminal_width=200)
    assert result.exit_code == 0
    text = " ".join(result.output.replace("│", " ").split())  # unwrapped
    assert "--time" in text and "one clock for the whole case" in text


# ------------------------------------------------------------ the service
pytest.importorskip("starlette")
pytest.importorskip("httpx")

from geosleuth.service import create_app  # noqa: E402
from geosleuth.service.searches import search_from_form  # noqa: E402
from serving import call, error_of  # noqa: E402


@pytest.fixture
def service(tmp_path):
    app = create_app(tmp_path / "data")
    created = call(app, "POST", "/api/cases", content=HIKER.read_bytes())
    assert created.status_code == 201, created.text
    case_id = created.json()["id"]
    return app, tmp_path / "data" / "cases" / case_id / "case.yaml", case_id


@pytest.mark.parametrize("time", ["15:10", "09:05:30"])
def test_service_takes_a_time_and_writes_the_file_the_cli_writes(
    service, tmp_path, time
):
    app, stored, case_id = service
    r = call(
        app,
        "POST",
        f"/api/cases/{case_id}/searched",
        json={"date": DAY, "time": time, "pd": 0.9, "box": BOX},
    )
    assert r.status_code == 201, r.text
    (added,) = r.json()["added"]
    assert (added["id"], added["date"], added["time"]) == (
        "search-2024-10-13-1",
        DAY,
        time,
    )
    assert _added(stored).time == dt.time.fromisoformat(time)
    copy = _copy(tmp_path, "cli.yaml")
    assert _searched(copy, "--time", time).exit_code == 0
    assert copy.read_text() == stored.read_text()


def test_service_without_a_time_answers_none(service):
    app, stored, case_id = service
    for body in ({}, {"time": None}):
        r = call(
            app,
            "POST",
            f"/api/cases/{case_id}/searched",
            json={"date": DAY, "pd": 0.9, "box": BOX, **body},
        )
        assert r.status_code == 201, r.text
        assert "time" not in r.json()["added"][0]
        assert _added(stored).time is None


@pytest.mark.parametrize("bad", [*BAD_TIMES, 910, True, ["15:10"]])
def test_service_refuses_a_bad_time_naming_the_field(service, bad):
    app, stored, case_id = service
    before = stored.read_bytes()
    r = call(
        app,
        "POST",
        f"/api/cases/{case_id}/searched",
        json={"date": DAY, "time": bad, "pd": 0.9, "box": BOX},
    )
    body = error_of(r, 422)
    assert body["field"] == "time"
    assert "'time'" in body["message"] and "HH:MM" in body["message"]
    assert stored.read_bytes() == before


def test_the_case_page_form_sends_a_time(service):
    app, _, case_id = service
    page = call(app, "GET", f"/cases/{case_id}")
    assert '<input type="time" name="time">' in page.text
    fields = {"date": DAY, "time": "15:10", "pd": "0.9", "lon": "-4.0",
              "lat": "53.1", "radius_km": "0.5"}  # fmt: skip
    assert search_from_form(fields)["time"] == "15:10"
    assert "time" not in search_from_form({**fields, "time": ""})


@pytest.mark.parametrize(("at", "said"), [("10:00", True), ("08:00", False)])
def test_a_search_after_the_case_s_time_of_day_is_said_to_be_left_out(
    tmp_path, at: str, said: bool
):
    # the walker example is as of 09:00 on 2024-10-13
    case = _copy(tmp_path)
    result = _searched(case, "--time", at)
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    note = f"The case's as_of is 2024-10-13 09:00, before this search (2024-10-13 {at})"
    assert (note in flat) is said


def test_the_service_estimates_as_of_a_time_and_says_so(tmp_path):
    from test_service import call, create_app

    app = create_app(tmp_path)
    created = call(app, "POST", "/api/cases", content=HIKER.read_bytes())
    case_id = created.json()["id"]
    est = call(
        app,
        "POST",
        f"/api/cases/{case_id}/estimate",
        json={"as_of": "2024-10-13T08:00"},
    )
    assert est.status_code == 201, est.text
    body = est.json()
    assert body["settings"]["as_of"] == "2024-10-13 08:00"
    assert body["summary"]["as_of"] == "2024-10-13 08:00"
    # the 08:10 helicopter search is after 08:00: left out, with its reason
    stored = call(app, "GET", f"/api/cases/{case_id}/estimate").json()
    row = next(e for e in stored["evidence"] if e["id"] == "search-crib-goch")
    assert row["excluded_because"] == "at 08:10, after 2024-10-13 08:00"
    # the page's form sends the time apart, and the run says it
    page = call(app, "GET", f"/cases/{case_id}")
    assert 'type="time" name="as_of_time"' in page.text


def test_the_form_sends_a_day_and_a_time_of_day_apart(tmp_path):
    from test_service import call, create_app

    app = create_app(tmp_path)
    case_id = call(app, "POST", "/api/cases", content=HIKER.read_bytes()).json()["id"]
    html = {"Accept": "text/html,application/xhtml+xml"}
    r = call(app, "POST", f"/cases/{case_id}/estimate", headers=html,
             data={"as_of": "2024-10-13", "as_of_time": "08:00"})  # fmt: skip
    assert r.status_code in (200, 303), r.text
    stored = call(app, "GET", f"/api/cases/{case_id}/estimate").json()
    assert (stored["as_of"], stored["as_of_time"]) == ("2024-10-13", "08:00")
    # a time without its day is refused, naming the field
    r = call(app, "POST", f"/cases/{case_id}/estimate", headers=html,
             data={"as_of_time": "08:00"})  # fmt: skip
    assert r.status_code == 422 and "needs its day" in r.text


def test_plan_names_the_map_s_time_and_a_later_search_is_not_stale(tmp_path):
    """Review r34, L1."""
    case = _copy(tmp_path)
    out = tmp_path / "est"
    assert (
        runner.invoke(cli_app, ["locate", str(case), "--out", str(out), "-q"]).exit_code
        == 0
    )
    assert _searched(case, "--time", "15:00").exit_code == 0  # after 09:00
    plan = runner.invoke(
        cli_app,
        ["plan", str(out), "--budget-km", "5", "--sweep-width-km", "0.05", "--out",
         str(tmp_path / "p")],
        terminal_width=400,
    )  # fmt: skip
    assert plan.exit_code == 0, plan.output
    flat = " ".join(plan.output.split())
    assert "The plan is for the map as of 2024-10-13 09:00" in flat
    assert "does not hold" not in flat  # the 15:00 search is not the map's
    assert _searched(case, "--time", "08:30").exit_code == 0  # before 09:00
    again = runner.invoke(
        cli_app,
        ["plan", str(out), "--budget-km", "5", "--sweep-width-km", "0.05", "--out",
         str(tmp_path / "p2")],
        terminal_width=400,
    )  # fmt: skip
    assert "as_of (2024-10-13 09:00) that the estimate does not hold" in " ".join(
        again.output.split()
    )
