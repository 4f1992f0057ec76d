"""The service after review 10 (C): its queue, restored reports, form errors, caches.

In-process through httpx.ASGITransport; the readings and estimates are stand-ins
(a slow one where a queue must form), except where a real estimate is the point.
"""

import asyncio
import datetime as dt
import itertools
import json
import logging
import time
from pathlib import Path
from typing import ClassVar

import pytest

pytest.importorskip("starlette")
httpx = pytest.importorskip("httpx")

from conftest import REPO  # noqa: E402
from conftest import _Reading as _StandIn  # noqa: E402
from geosleuth.service import create_app  # noqa: E402
from geosleuth.service.users import User  # noqa: E402
from serving import call, error_of, files_of  # noqa: E402

HIKER = REPO / "src" / "geosleuth" / "examples" / "missing-hiker.yaml"
TOKENS = {
    "ana": "ana-token-0123456789abc",
    "bob": "bob-token-0123456789abc",
    "vic": "vic-token-0123456789abc",
}
USERS = {
    "ana": User(TOKENS["ana"]),
    "bob": User(TOKENS["bob"]),
    "vic": User(TOKENS["vic"], role="viewer"),
}
HTML = {"Accept": "text/html,application/xhtml+xml"}


def bearer(user):
    return {"Authorization": f"Bearer {TOKENS[user]}"}


class _Reading(_StandIn):
    """The conftest stand-in, whose stored reading has an (empty) evidence list."""

    def to_dict(self):
        return {**super().to_dict(), "evidence": []}


@pytest.fixture
def slow(monkeypatch):
    """Stand-ins for ``read_document`` and ``locate_case`` that take ``slow.s``."""
    import geosleuth.locate
    import geosleuth.read

    class Slow:
        s = 0.4
        spans: ClassVar[list] = []  # (began, ended) of each estimate

    def read_document(path, *, target=None, published=None):
        time.sleep(Slow.s)
        return _Reading(path, target, published)

    def locate_case(inputs, *, out, **kwargs):
        began = time.monotonic()
        time.sleep(Slow.s)
        record = {"case": "case.yaml", "title": "t", "target": "x", "places": []}
        (out / "estimate.json").write_text(json.dumps(record))
        (out / "report.html").write_text("<p>the report</p>")
        (out / "map.png").write_bytes(b"\x89PNG\r\n\x1a\n")
        Slow.spans.append((began, time.monotonic()))
        return None, "x"

    monkeypatch.setattr(geosleuth.read, "read_document", read_document)
    monkeypatch.setattr(geosleuth.locate, "locate_case", locate_case)
    Slow.spans = []
    return Slow


def _case(app, headers=None, title="Falcon one"):
    text = HIKER.read_text().replace(
        "title: Missing walker on Yr Wyddfa, as of the morning after",
        f"title: {title}",
    )
    r = call(app, "POST", "/api/cases", content=text, headers=headers or {})
    assert r.status_code == 201, r.text
    return r.json()["id"]


async def _flood(app, flood, then):
    """Send the requests ``flood`` at once; once they queue, ``then`` (timed).

    Returns the flood's answers, and what ``then`` answered with its seconds.
    """
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url="http://t", timeout=120
    ) as c:
        tasks = [asyncio.create_task(c.request(*args, **kw)) for args, kw in flood]
        await asyncio.sleep(0.15)  # every one is in: running, waiting or refused
        timed = []
        for args, kw in then:
            began = time.monotonic()
            timed.append((await c.request(*args, **kw), time.monotonic() - began))
        return await asyncio.gather(*tasks), timed


# ------------------------------------------------------------- 1. the queue
def test_a_viewers_flood_of_readings_holds_up_no_read_and_its_excess_is_429(
    tmp_path, slow
):
    # 1 reading runs (workers=0: one at a time), 2 wait, the rest are refused;
    # before, each held a thread and the 41st on made every read wait behind them
    app = create_app(tmp_path, users=USERS, waiting_per_user=2)
    case_id = _case(app, bearer("ana"))
    read = ("POST", "/api/read")
    doc = {"files": {"document": ("r.txt", b"Police said ...")}}
    flood = [(read, {**doc, "headers": bearer("vic")}) for _ in range(45)]
    then = [
        (("GET", "/api/cases"), {"headers": bearer("ana")}),
        (("GET", f"/cases/{case_id}"), {"headers": bearer("vic")}),
        (("GET", f"/api/cases/{case_id}/case.yaml"), {"headers": bearer("ana")}),
    ]
    answers, timed = asyncio.run(_flood(app, flood, then))
    for response, seconds in timed:
        assert response.status_code == 200, response.text
        assert seconds < 1.0, (response.request.url, seconds)  # not 45 x 0.4 s
    codes = sorted(r.status_code for r in answers)
    assert codes == [200] * 3 + [429] * 42
    refused = next(r for r in answers if r.status_code == 429)
    body = error_of(refused, 429)
    assert body["error"] == "TooManyWaiting"
    assert "vic has 2 requests waiting" in body["message"]
    assert refused.headers["retry-after"].isdigit()
    assert app.state.turns.waiting() == 0  # each one counted out again


def test_another_users_calls_wait_their_own_turn_and_the_total_is_503(tmp_path, slow):
    app = create_app(tmp_path, users=USERS, waiting_per_user=2, waiting_total=3)
    read = ("POST", "/api/read")
    doc = {"files": {"document": ("r.txt", b"Police said ...")}}
    slow.s = 0.3
    flood = [(read, {**doc, "headers": bearer("vic")}) for _ in range(4)]
    # vic: 1 runs, 2 wait, 1 refused (429); ana's 1 waits too (the third waiting);
    # bob's is one past the total (503)
    then = [
        ((*read,), {**doc, "headers": bearer("bob")}),
        (("GET", "/api/cases"), {"headers": bearer("bob")}),
    ]
    flood.append((read, {**doc, "headers": bearer("ana")}))
    answers, [(bob, _), (listed, seconds)] = asyncio.run(_flood(app, flood, then))
    assert sorted(r.status_code for r in answers) == [200, 200, 200, 200, 429]
    assert answers[-1].status_code == 200  # ana's, behind vic's
    assert error_of(bob, 503)["error"] == "Busy"
    assert bob.headers["retry-after"].isdigit()
    assert listed.status_code == 200 and seconds < 1.0


def test_estimates_of_one_case_take_turns_without_threads_and_the_excess_is_429(
    tmp_path, slow
):
    app = create_app(tmp_path, waiting_per_user=2)
    case_id = _case(app)
    other = _case(app, title="Owl two")
    est = ("POST", f"/api/cases/{case_id}/estimate")
    flood = [(est, {}) for _ in range(5)]
    form = ("POST", f"/cases/{case_id}/estimate")
    then = [
        (("GET", "/api/cases"), {}),
        (("GET", f"/api/cases/{other}"), {}),
        (form, {"data": {}, "headers": HTML}),  # a form past the bound: a page
    ]
    answers, timed = asyncio.run(_flood(app, flood, then))
    for response, seconds in timed[:2]:
        assert response.status_code == 200 and seconds < 1.0
    page, _ = timed[2]
    assert page.status_code == 429 and page.headers["retry-after"].isdigit()
    assert page.headers["content-type"].startswith("text/html")
    assert "TooManyWaiting" in page.text and "Back to the case" in page.text
    assert sorted(r.status_code for r in answers) == [201] * 3 + [429] * 2
    # those that ran took turns under the case's lock: one after another
    spans = sorted(slow.spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    runs = call(app, "GET", f"/api/cases/{case_id}").json()["runs"]
    assert [r["run"] for r in runs] == ["0001", "0002", "0003"]


@pytest.mark.parametrize(
    ("field", "bad"), [("waiting_per_user", 0), ("waiting_total", 1.5)]
)
def test_a_bad_bound_on_waiting_is_refused(tmp_path, field, bad):
    from geosleuth.errors import InputError

    with pytest.raises(InputError, match="whole number ≥ 1") as caught:
        create_app(tmp_path, **{field: bad})
    assert caught.value.field == field


# ------------------------------------------------- 4. a report restored renamed
def _reader(monkeypatch):
    """``read_document`` giving one sighting, at the place the text names."""
    import geosleuth.read
    from geosleuth.evidence import Provenance, Sighting
    from geosleuth.geometry import Point
    from geosleuth.read import Reading

    places = {"Llanberis": (-4.117, 53.119), "Caernarfon": (-4.274, 53.14)}

    def read_document(path, *, target=None, published=None):
        text = Path(path).read_text()
        name = next(p for p in places if p in text)
        doc_id = Path(path).stem
        item = Sighting(
            id=f"{doc_id}:s1",
            provenance=Provenance(document=doc_id, quote=text, published=published),
            date=published or dt.date(2024, 10, 12),
            place=Point(*places[name]),
            place_name=name,
            sigma_km=2.0,
        )
        return Reading(
            doc_id, None, text, published, (), (item,), (), (), (), target,
            Path(path).name,
        )  # fmt: skip

    monkeypatch.setattr(geosleuth.read, "read_document", read_document)


RESTORE_CASE = """\
target: John Smith
title: Falcon restore two
as_of: 2024-10-14
region: {west: -4.3, south: 52.9, east: -3.8, north: 53.3}
grid: {cell_km: 1.0}
places: {Capel Curig: {lon: -3.91, lat: 53.105}}
evidence:
  - {id: car, kind: sighting, date: 2024-10-11, place: Capel Curig, sigma_km: 2,
     grade: B2}
"""
OLD = "Police said John Smith was seen in Llanberis on 12 October 2024."
NEW = "Police said John Smith was seen in Caernarfon on 13 October 2024."


def test_a_report_restored_under_a_new_name_keeps_its_own_evidence(
    tmp_path, monkeypatch
):
    _reader(monkeypatch)
    app = create_app(tmp_path)
    r = call(app, "POST", "/api/cases", content=RESTORE_CASE)
    case_id = r.json()["id"]
    docs = f"/api/cases/{case_id}/documents"
    up = {"name": "report.txt", "published": "2024-10-13"}
    assert call(app, "POST", docs, params=up, content=OLD).status_code == 201
    assert call(app, "DELETE", f"{docs}/report.txt").status_code == 200
    up["published"] = "2024-10-14"
    assert call(app, "POST", docs, params=up, content=NEW).status_code == 201
    r = call(app, "POST", f"/api/cases/{case_id}/removed/0001-report.txt/restore")
    assert r.json()["document"] == "report-2.txt", r.text
    kept = json.loads(
        (tmp_path / "cases" / case_id / "readings" / "report-2.txt.json").read_text()
    )
    assert (kept["doc_id"], kept["source"]) == ("report-2", "report-2.txt")
    assert [(e["id"], e["provenance"]["document"]) for e in kept["evidence"]] == [
        ("report-2:s1", "report-2")
    ]
    est = call(app, "POST", f"/api/cases/{case_id}/estimate")
    assert est.status_code == 201, est.text
    assert est.json()["warnings"] == []  # no clash of two 'report's
    record = call(app, "GET", f"/api/cases/{case_id}/estimate").json()
    by_id = {e["id"]: e for e in record["evidence"]}
    # each document's evidence is its own: the text each was uploaded with
    assert "Caernarfon" in by_id["report:s1"]["source"]["quote"]
    # an estimate cites each report by its file (it has no title; review 16)
    assert by_id["report:s1"]["source"]["document"] == "report.txt"
    assert "Llanberis" in by_id["report-2:s1"]["source"]["quote"]
    assert by_id["report-2:s1"]["source"]["document"] == "report-2.txt"
    for name, place in (("report.txt", "Caernarfon"), ("report-2.txt", "Llanberis")):
        assert place in call(app, "GET", f"{docs}/{name}").text


def test_warnings_name_the_reports_not_where_the_server_keeps_them(
    tmp_path, monkeypatch
):
    import warnings

    import geosleuth.locate
    import geosleuth.read
    from geosleuth.errors import EvidenceWarning

    def read_document(path, *, target=None, published=None):
        return _Reading(path, target, published)

    def locate_case(inputs, *, out, **kwargs):
        for p in inputs[1:]:
            warnings.warn(f"The document of {str(p)!r}", EvidenceWarning, stacklevel=2)
        (out / "estimate.json").write_text(json.dumps({"places": []}))
        return None, "x"

    monkeypatch.setattr(geosleuth.read, "read_document", read_document)
    monkeypatch.setattr(geosleuth.locate, "locate_case", locate_case)
    app = create_app(tmp_path)
    case_id = _case(app)
    docs = f"/api/cases/{case_id}/documents"
    call(app, "POST", docs, params={"name": "a.txt"}, content=b"x")
    call(app, "POST", docs, params={"name": "b.md", "published": "2024-10-11"},
         content=b"x")  # fmt: skip
    est = call(app, "POST", f"/api/cases/{case_id}/estimate")
    assert est.json()["warnings"] == [
        "EvidenceWarning: The document of 'a.txt'",
        "EvidenceWarning: The document of 'b.md'",
    ]


# --------------------------------------------------- 5. every form error a page
def _page_of(response, status):
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert "That did not work" in response.text
    return response.text


def test_a_form_post_too_large_or_not_utf8_or_broken_is_a_page(tmp_path, slow):
    app = create_app(tmp_path, max_upload_bytes=20_000)
    case_id = _case(app)
    before = files_of(tmp_path)
    big = {"document": ("big.txt", b"a" * 30_000)}
    page = _page_of(
        call(app, "POST", f"/cases/{case_id}/documents", files=big, headers=HTML), 413
    )
    assert "TooLarge" in page and "Back to the case" in page
    bad = {**HTML, "Content-Type": "application/x-www-form-urlencoded"}
    r = call(app, "POST", f"/cases/{case_id}/estimate", content=b"as_of=\xff",
             headers=bad)  # fmt: skip
    assert "not UTF-8" in _page_of(r, 400)
    broken = {**HTML, "Content-Type": "multipart/form-data; boundary=x"}
    r = call(app, "POST", f"/cases/{case_id}/searched", content=b"--x\r\nbroken",
             headers=broken)  # fmt: skip
    _page_of(r, 400)
    # the index's form: a case file too large is a page too, back to the cases
    r = call(app, "POST", "/api/cases", files={"case": ("c.yaml", b"#" * 30_000)},
             data={"from": "index"}, headers=HTML)  # fmt: skip
    assert "Back to the cases" in _page_of(r, 413)
    assert files_of(tmp_path) == before


def test_a_worker_stopped_under_a_form_is_a_503_page(tmp_path, slow, monkeypatch):
    import geosleuth.locate
    from geosleuth.service.workers import WorkerStoppedError

    def stopped(inputs, *, out, **kwargs):
        raise WorkerStoppedError("This took longer than the service's limit.")

    app = create_app(tmp_path)
    case_id = _case(app)
    monkeypatch.setattr(geosleuth.locate, "locate_case", stopped)
    r = call(app, "POST", f"/cases/{case_id}/estimate", data={}, headers=HTML)
    page = _page_of(r, 503)
    assert "WorkerStoppedError" in page and "longer than" in page
    error_of(call(app, "POST", f"/api/cases/{case_id}/estimate"), 503)


@pytest.mark.parametrize(
    ("error", "status", "shown"),
    [(OSError(28, "No space left on device"), 503, "StorageError"),
     (RuntimeError("a bug"), 500, "InternalError")],
)  # fmt: skip
def test_a_server_fault_under_a_form_is_a_page_with_its_status(
    tmp_path, slow, monkeypatch, error, status, shown
):
    import geosleuth.service.store as store_module

    app = create_app(tmp_path)
    case_id = _case(app)

    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr(store_module.CaseStore, "_append_log", staticmethod(fail))
    r = call(app, "POST", f"/cases/{case_id}/documents",
             files={"document": ("a.txt", b"text")}, headers=HTML)  # fmt: skip
    page = _page_of(r, status)
    assert shown in page and "a bug" not in page and str(tmp_path) not in page


# ---------------------------------------------- 7. a client that went away
@pytest.mark.parametrize(
    ("path", "query"),
    [("/api/cases", b""), ("/api/cases/{id}/documents", b"name=cut.txt"),
     ("/cases/{id}/estimate", b"")],
)  # fmt: skip
def test_a_client_gone_mid_upload_is_one_info_line_and_changes_nothing(
    tmp_path, slow, caplog, path, query
):
    app = create_app(tmp_path)
    case_id = _case(app)
    path = path.replace("{id}", case_id)
    before = files_of(tmp_path)

    async def go():
        messages = [
            {"type": "http.request", "body": b"x" * 5000, "more_body": True},
            {"type": "http.disconnect"},
        ]

        async def receive():
            return messages.pop(0) if messages else {"type": "http.disconnect"}

        async def send(message):
            pass

        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "POST",
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "root_path": "",
            "query_string": query,
            "headers": [(b"host", b"t"), (b"content-length", b"100000")],
            "client": ("127.0.0.1", 5000),
            "server": ("t", 80),
        }
        await app(scope, receive, send)

    with caplog.at_level(logging.INFO, logger="geosleuth.service"):
        asyncio.run(go())
    records = [r for r in caplog.records if r.name.startswith("geosleuth")]
    assert len(records) == 1, records
    assert records[0].levelno == logging.INFO and records[0].exc_info is None
    assert "went away" in records[0].getMessage()
    assert files_of(tmp_path) == before


# ------------------------------------------------------ 8. nothing in a cache
def test_every_answer_behind_the_token_is_no_store(tmp_path, slow):
    app = create_app(tmp_path, users=USERS)
    ana = bearer("ana")
    case_id = _case(app, ana)
    docs = f"/api/cases/{case_id}/documents"
    call(app, "POST", docs, params={"name": "a.txt"}, content=b"x", headers=ana)
    run = call(app, "POST", f"/api/cases/{case_id}/estimate", headers=ana).json()
    urls = [
        "/",
        "/api/cases",
        f"/api/cases/{case_id}",
        f"/api/cases/{case_id}/case.yaml",
        f"{docs}/a.txt",
        f"/api/cases/{case_id}/estimate",
        run["links"]["report"],
        f"/cases/{case_id}",
        f"/cases/{case_id}/report",
        f"/cases/{case_id}/map.png",
        "/api/cases/nope",  # an error too
    ]
    for url in urls:
        r = call(app, "GET", url, headers=ana)
        assert r.status_code in (200, 404), (url, r.status_code)
        assert r.headers["cache-control"] == "no-store", url
    for r in (
        call(app, "GET", "/api/cases"),  # 401
        call(app, "GET", "/login"),
        call(app, "POST", "/login", data={"token": TOKENS["vic"]}),
    ):
        assert r.headers["cache-control"] == "no-store", r.request.url


def test_serve_takes_the_bounds_on_waiting(tmp_path, monkeypatch):
    import sys
    import types

    from typer.testing import CliRunner

    import geosleuth.cli.serve
    from geosleuth.cli import app as cli_app

    calls = []
    module = types.ModuleType("uvicorn")
    module.run = lambda application, **kw: calls.append(application)
    monkeypatch.setitem(sys.modules, "uvicorn", module)
    monkeypatch.setattr(geosleuth.cli.serve, "_check_free", lambda host, port: None)
    runner = CliRunner()
    for extra, expected in (
        ([], (8, 64)),
        (["--waiting-per-user", "3", "--waiting-total", "20"], (3, 20)),
    ):
        result = runner.invoke(cli_app, ["serve", "--data-dir", str(tmp_path), *extra])
        assert result.exit_code == 0, result.output
        application = calls.pop()
        application.state.workers.close()  # none was started
        turns = application.state.turns
        assert (turns.per_user, turns.total) == expected
    bad = runner.invoke(
        cli_app, ["serve", "--data-dir", str(tmp_path), "--waiting-per-user", "0"]
    )
    assert bad.exit_code == 2 and "--waiting-per-user" in bad.output
    assert "--waiting-total" in runner.invoke(cli_app, ["serve", "--help"]).output


def test_two_reports_of_one_stem_get_two_ids(tmp_path, monkeypatch):
    # report.txt and report.md both read as 'report': an estimate then renamed
    # one of them, whichever it listed second, so evidence ids moved between runs
    _reader(monkeypatch)
    app = create_app(tmp_path)
    case_id = call(app, "POST", "/api/cases", content=RESTORE_CASE).json()["id"]
    docs = f"/api/cases/{case_id}/documents"
    up = {"name": "report.txt", "published": "2024-10-13"}
    assert call(app, "POST", docs, params=up, content=OLD).status_code == 201
    up = {"name": "report.md", "published": "2024-10-14"}
    r = call(app, "POST", docs, params=up, content=NEW)
    assert r.status_code == 201, r.text
    assert r.json()["name"] == "report-2.md"
    assert r.json()["reading"]["evidence_ids"] == ["report-2:s1"]
    est = call(app, "POST", f"/api/cases/{case_id}/estimate")
    assert est.status_code == 201 and est.json()["warnings"] == [], est.text
    record = call(app, "GET", f"/api/cases/{case_id}/estimate").json()
    ids = {e["id"] for e in record["evidence"]}
    assert {"report:s1", "report-2:s1"} <= ids
