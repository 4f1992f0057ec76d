"""Worker processes for the service's readings and estimates (service/workers.py)."""

import json
import math
import threading
import time

import numpy as np
import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")

from conftest import REPO
from geosleuth.errors import InputError
from geosleuth.read import read_document
from geosleuth.report.files import load_posterior
from geosleuth.service import create_app, pipeline
from geosleuth.service.workers import Workers, WorkerStoppedError
from serving import call, die, error_of, pause

HIKER = REPO / "src" / "geosleuth" / "examples" / "missing-hiker.yaml"
UNDATED = "Police say Jane Doe is hiding in Leeds.\n"


@pytest.fixture(scope="module")
def workers():
    pool = Workers(2)
    yield pool
    pool.close()


@pytest.mark.nlp
def test_inline_workers_return_the_result_and_the_warnings(tmp_path, nlp):
    doc = tmp_path / "undated.txt"
    doc.write_text(UNDATED)
    reading, found = Workers(0).call(read_document, doc, target="Jane Doe")
    assert [e.place_name for e in reading.evidence] == ["Leeds"]
    assert len(found) == 1 and found[0].startswith("EvidenceWarning: 'undated.txt'")


@pytest.mark.parametrize("bad", [-1, 1.5, True, "2"])
def test_a_bad_number_of_workers_is_refused(bad):
    with pytest.raises(InputError, match="whole number ≥ 0") as caught:
        Workers(bad)
    assert caught.value.field == "workers"


@pytest.mark.nlp
def test_a_worker_process_reads_as_the_server_would(workers, tmp_path, nlp):
    doc = tmp_path / "undated.txt"
    doc.write_text(UNDATED)
    here = Workers(0).call(read_document, doc, target="Jane Doe")
    there = workers.call(read_document, doc, target="Jane Doe")
    assert there[0].to_dict() == here[0].to_dict()
    assert there[1] == here[1] and len(there[1]) == 1


def test_an_error_in_a_worker_keeps_its_message_and_file(workers, tmp_path):
    missing = tmp_path / "gone.txt"
    with pytest.raises(InputError, match="cannot be read") as caught:
        workers.call(read_document, missing, target="Jane Doe")
    assert caught.value.path == str(missing)


def test_two_calls_run_at_the_same_time(workers):
    workers.start()  # both processes are started, in the background
    spans: list[tuple[float, float]] = []

    def one() -> None:
        spans.append(workers.call(pause, 0.5)[0])

    # a round may run before the second process is up (it imports the library
    # first, slowly on a busy machine): one round of the ten must overlap
    for _ in range(10):
        spans.clear()
        threads = [threading.Thread(target=one) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        (a0, a1), (b0, b1) = spans
        if max(a0, b0) < min(a1, b1):
            break
    assert max(a0, b0) < min(a1, b1), spans  # the two pauses overlapped


def test_a_dead_worker_fails_its_call_only(workers):
    with pytest.raises(WorkerStoppedError, match="stopped before it finished"):
        workers.call(die)
    assert workers.call(sum, [1, 2, 3]) == (6, [])  # a fresh pool


def test_a_call_past_the_time_limit_is_stopped_and_the_worker_replaced():
    pool = Workers(1, time_limit_s=0.5)
    try:
        assert pool.call(sum, [1]) == (1, [])  # the process is up and warm
        began = time.monotonic()
        with pytest.raises(WorkerStoppedError, match=r"longer than .* 0\.5 s"):
            pool.call(pause, 30.0)
        assert time.monotonic() - began < 10.0  # stopped, not waited for
        assert pool.call(sum, [2]) == (2, [])  # a fresh process took its place
    finally:
        pool.close()


@pytest.mark.parametrize("bad", [0, -1.0, math.inf, math.nan, True, "60"])
def test_a_bad_time_limit_is_refused(bad):
    with pytest.raises(InputError, match="positive number of seconds") as caught:
        Workers(1, time_limit_s=bad)
    assert caught.value.field == "time_limit_s"


def test_a_closed_pool_runs_nothing():
    pool = Workers(1)
    pool.close()
    with pytest.raises(WorkerStoppedError, match="shutting down"):
        pool.call(sum, [1])
    pool.close()  # again: nothing


def test_the_service_estimates_in_a_worker_as_in_its_own_process(tmp_path):
    runs = {}
    for n in (0, 1):
        app = create_app(tmp_path / f"data{n}", workers=n)
        try:
            case_id = call(
                app, "POST", "/api/cases", content=HIKER.read_bytes()
            ).json()["id"]
            est = call(app, "POST", f"/api/cases/{case_id}/estimate")
            assert est.status_code == 201, est.text
            runs[n] = tmp_path / f"data{n}" / "cases" / case_id / "runs" / "0001"
        finally:
            app.state.workers.close()
    grid0, p0 = load_posterior(runs[0])
    grid1, p1 = load_posterior(runs[1])
    assert grid0 == grid1
    np.testing.assert_array_equal(p0, p1)
    r0 = json.loads((runs[0] / "run.json").read_text())
    r1 = json.loads((runs[1] / "run.json").read_text())
    assert r0["summary"] == r1["summary"] and r0["warnings"] == r1["warnings"]


def test_a_worker_dying_mid_estimate_is_503_and_keeps_nothing(tmp_path, monkeypatch):
    app = create_app(tmp_path / "data", workers=1)
    try:
        case_id = call(app, "POST", "/api/cases", content=HIKER.read_bytes()).json()[
            "id"
        ]
        folder = tmp_path / "data" / "cases" / case_id
        log_before = call(app, "GET", f"/api/cases/{case_id}/log").json()["log"]
        with monkeypatch.context() as m:
            m.setattr(pipeline, "_write_estimate", die)
            body = error_of(call(app, "POST", f"/api/cases/{case_id}/estimate"), 503)
        assert body["error"] == "WorkerStopped"
        assert "nothing was kept" in body["message"]
        assert not any((folder / "runs").iterdir())  # the half-made run is gone
        assert call(app, "GET", f"/api/cases/{case_id}/log").json()["log"] == (
            log_before
        )
        # the next estimate gets a fresh worker
        est = call(app, "POST", f"/api/cases/{case_id}/estimate")
        assert est.status_code == 201, est.text
        assert est.json()["run"] == "0001"
    finally:
        app.state.workers.close()


@pytest.mark.nlp
def test_uploads_and_readings_go_through_the_workers(tmp_path, nlp):
    answers = {}
    for n in (0, 1):
        app = create_app(tmp_path / f"data{n}", workers=n)
        try:
            case = HIKER.read_text().replace(
                "target: missing walker (synthetic example)", "target: Jane Doe"
            )
            case_id = call(app, "POST", "/api/cases", content=case).json()["id"]
            up = call(
                app,
                "POST",
                f"/api/cases/{case_id}/documents?name=leeds.txt",
                content=UNDATED.encode(),
            )
            assert up.status_code == 201, up.text
            read = call(
                app,
                "POST",
                "/api/read",
                files={"document": ("leeds.txt", UNDATED.encode())},
                data={"target": "Jane Doe"},
            )
            assert read.status_code == 200, read.text
            answers[n] = (up.json(), read.json())
        finally:
            app.state.workers.close()
    assert answers[1] == answers[0]
    upload, reading = answers[1]
    assert upload["reading"]["places"] == ["Leeds"]
    assert (
        len(upload["warnings"]) == 1 and "no publication date" in upload["warnings"][0]
    )
    assert [e["place_name"] for e in reading["evidence"]] == ["Leeds"]
    assert reading["warnings"] == upload["warnings"]  # no server path in either


def _pids(pool):
    return sorted(w.process.pid for w in pool._all)


def test_a_worker_that_died_idle_is_replaced_at_the_next_call():
    import os
    import signal

    pool = Workers(2)
    try:
        pool.start()
        assert len(_pids(pool)) == 2  # start() starts every slot's process
        assert pool.call(sum, [1]) == (1, [])
        for pid in _pids(pool):
            os.kill(pid, signal.SIGKILL)
        time.sleep(0.3)
        for n in range(4):  # each slot in turn: none is handed out dead
            assert pool.call(sum, [n]) == (n, [])
    finally:
        pool.close()


def test_a_forced_close_stops_the_calls_running_at_once():
    pool = Workers(1)
    assert pool.call(sum, [1]) == (1, [])
    failed: list[BaseException] = []

    def long_call() -> None:
        try:
            pool.call(pause, 60.0)
        except WorkerStoppedError as exc:
            failed.append(exc)

    thread = threading.Thread(target=long_call)
    thread.start()
    time.sleep(0.5)
    began = time.monotonic()
    pool.close(force=True)
    thread.join(timeout=20)
    assert not thread.is_alive() and time.monotonic() - began < 10
    assert len(failed) == 1 and "stopped before it finished" in str(failed[0])
    assert pool._all == set()


def test_a_worker_slow_to_start_is_not_blamed_on_the_time_limit(monkeypatch):
    import geosleuth.service.workers as workers_module

    monkeypatch.setattr(workers_module, "_START_S", 0.01)
    pool = Workers(1)  # no limit: the message must not need one
    try:
        with pytest.raises(WorkerStoppedError, match=r"did not start the call"):
            pool.call(sum, [1])
    finally:
        pool.close()
