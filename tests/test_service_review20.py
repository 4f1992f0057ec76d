"""Review 20 of ``geosleuth serve``: connections, file modes, grids, forms, paths."""

import asyncio
import functools
import html
import json
import os
import re
import socket
import stat
import sys
import threading
import time
import types
from pathlib import Path

import pytest

pytest.importorskip("starlette")
httpx = pytest.importorskip("httpx")

from typer.testing import CliRunner  # noqa: E402

import geosleuth.cli.serve  # noqa: E402
from conftest import REPO  # noqa: E402
from geosleuth.cli import app as cli_app  # noqa: E402
from geosleuth.service import create_app, pipeline  # noqa: E402
from geosleuth.service.connections import (  # noqa: E402
    connection_limit,
    guarded_protocol,
)
from geosleuth.service.store import CaseStore  # noqa: E402
from geosleuth.service.turns import Turns  # noqa: E402
from geosleuth.service.users import token_file_warning  # noqa: E402
from geosleuth.service.workers import Workers  # noqa: E402
from serving import call, error_of  # noqa: E402

HIKER = REPO / "src" / "geosleuth" / "examples" / "missing-hiker.yaml"
TOKEN = "4f0c1d9e-s3cret-1"
ARTICLE = (
    "Walker still missing near Snowdon\n\nLLANBERIS, 13 October 2024 - Police said "
    "John Smith, 54, was seen in Llanberis on 12 October 2024 by a shopkeeper. His "
    "partner said he had planned to walk to Capel Curig.\n"
)


def flat(text):
    """Output as one line: rich wraps it at the terminal's width."""
    return " ".join(text.split())


@pytest.fixture
def served(monkeypatch):
    """``serve`` with uvicorn stood in for: what it would run, with what.

    Each call is ``(application, options)``; ``during`` (set by a test) runs
    inside ``uvicorn.run``, as requests to a running service would.
    """
    calls = []
    during = []

    def run(application, **options):
        calls.append((application, options))
        for action in during:
            action(application)

    module = types.ModuleType("uvicorn")
    module.run = run
    monkeypatch.setitem(sys.modules, "uvicorn", module)
    monkeypatch.setattr(geosleuth.cli.serve, "_check_free", lambda host, port: None)
    return calls, during


def serve(*args):
    return CliRunner().invoke(cli_app, ["serve", "--workers", "0", *args])


def rlimit(monkeypatch, soft, hard):
    """Stand in for the process's open-file limit; what ``setrlimit`` was asked."""
    import resource

    asked = []
    monkeypatch.setattr(resource, "getrlimit", lambda which: (soft, hard))
    monkeypatch.setattr(
        resource, "setrlimit", lambda which, limits: asked.append(limits)
    )
    return asked


# ------------------------------------------------------------------ F1
@pytest.mark.parametrize(
    ("soft", "hard", "raised", "limit"),
    [
        (1024, 1024, None, 768),
        (256, 256, None, 192),
        (1024, 1_048_576, (4096, 1_048_576), 1000),
    ],
)
def test_serve_bounds_the_connections_by_the_open_file_limit(
    served, monkeypatch, tmp_path, soft, hard, raised, limit
):
    calls, _ = served
    asked = rlimit(monkeypatch, soft, hard)
    result = serve(
        "--data-dir", str(tmp_path / "d"), "--token-file", str(_tokens(tmp_path))
    )
    assert result.exit_code == 0, result.output
    [(_, options)] = calls
    assert options["limit_concurrency"] == limit + 1
    assert options["timeout_keep_alive"] == 5
    assert isinstance(options["http"], type)  # the guarded protocol
    assert options["ws"] == "none"
    assert options["backlog"] == max(8, min(64, limit // 12))  # accepted at once
    assert asked == ([raised] if raised else [])
    assert f"at most {limit} connections at once" in flat(result.output)
    assert connection_limit(raised[0] if raised else soft) == limit


def _tokens(folder, mode=0o600):
    path = folder / "tokens"
    path.write_text(f"ana {TOKEN}\n")
    path.chmod(mode)
    return path


@pytest.fixture
def guarded_server():
    """A real uvicorn on the loopback (an ephemeral port), with the guard.

    At most 4 connections, 0.5 s for a request's head and 2 s for its body; the
    application answers "ok" once it has the whole body.
    """
    import uvicorn

    async def app(scope, receive, send):
        if scope["type"] == "lifespan":
            while (await receive())["type"] != "lifespan.shutdown":
                await send({"type": "lifespan.startup.complete"})
            await send({"type": "lifespan.shutdown.complete"})
            return
        while True:
            message = await receive()
            if message["type"] == "http.disconnect" or not message.get("more_body"):
                break
        headers = [(b"content-length", b"2")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b"ok"})

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    protocol = guarded_protocol(4, head_timeout_s=0.5, body_timeout_s=2.0)
    config = uvicorn.Config(
        app, http=protocol, limit_concurrency=5, ws="none", log_level="error"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(
        target=lambda: asyncio.run(server.serve(sockets=[listener])), daemon=True
    )
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    yield listener.getsockname()[1]
    server.should_exit = True
    thread.join(10)
    listener.close()


def _answer(sock, wait=0.5):
    """What the server sent (b"" once it closed the connection), or None if nothing."""
    sock.settimeout(wait)
    try:
        return sock.recv(1000)
    except TimeoutError:
        return None
    except OSError:
        return b""


def test_idle_connections_give_way_and_time_out(guarded_server):
    port = guarded_server

    def connect():
        return socket.create_connection(("127.0.0.1", port))

    idle = [connect() for _ in range(4)]
    time.sleep(0.1)
    # a fifth takes the place of the one idle longest
    fifth = connect()
    fifth.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    assert _answer(fifth, 3).startswith(b"HTTP/1.1 200")
    assert _answer(idle[0]) == b""
    assert [_answer(s, 0.05) for s in idle[1:]] == [None] * 3
    for s in [*idle, fifth]:
        s.close()
    time.sleep(0.2)
    # four requests whose bodies come slowly: a fifth connection is refused
    slow = [connect() for _ in range(4)]
    for s in slow:
        s.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nab")
    time.sleep(0.5)
    refused = connect()
    assert _answer(refused, 3).startswith(b"HTTP/1.1 503")
    # ... and each is closed once its body is late
    began = time.monotonic()
    assert [_answer(s, 4) for s in slow] == [b""] * 4
    assert time.monotonic() - began < 5
    # headers sent a byte at a time are closed at the head's deadline
    trickle = connect()
    began = time.monotonic()
    for byte in b"GET / HTTP/1.1\r\n":
        try:
            trickle.send(bytes([byte]))
        except OSError:
            break
        time.sleep(0.1)
    assert _answer(trickle, 2) == b""
    assert time.monotonic() - began < 4
    # and an answered connection that then only trickles is closed too
    kept = connect()
    kept.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    assert _answer(kept, 3).startswith(b"HTTP/1.1 200")
    while _answer(kept, 0.2):  # the rest of the answer
        pass
    began = time.monotonic()
    for _ in range(10):
        try:
            kept.send(b"G")
        except OSError:  # closed (reset) already
            break
        time.sleep(0.2)
    assert _answer(kept, 2) == b""
    assert time.monotonic() - began < 4


# ------------------------------------------------------------------ F3, F4
def test_what_the_service_writes_is_its_users_alone(served, quick, tmp_path):
    """Folders 0700, files 0600: the cases, an upload, its reading, an estimate."""
    _, during = served
    data = tmp_path / "d"
    modes = {}

    def work(application):
        local = functools.partial(call, application, base_url="http://127.0.0.1")
        made = local("POST", "/api/cases", content=HIKER.read_bytes())
        assert made.status_code == 201, made.text
        case_id = made.json()["id"]
        up = local(
            "POST",
            f"/api/cases/{case_id}/documents?name=a.txt",
            content=ARTICLE.encode(),
        )
        assert up.status_code == 201, up.text
        est = local("POST", f"/api/cases/{case_id}/estimate")
        assert est.status_code == 201, est.text
        for path in [data, *data.rglob("*")]:
            modes[str(path.relative_to(data))] = stat.S_IMODE(path.stat().st_mode)

    during.append(work)
    before = os.umask(0o022)
    try:
        result = serve("--data-dir", str(data))
        assert os.umask(0o022) == 0o022  # serve put the umask back
    finally:
        os.umask(before)
    assert result.exit_code == 0, result.output
    case = next(p for p in (data / "cases").iterdir())
    run = case / "runs" / "0001"
    for made in ("documents/a.txt", "readings/a.txt.json", "log.jsonl", "case.yaml"):
        assert (case / made).is_file()
    assert {"estimate.json", "report.html", "case.yaml", "run.json"} <= {
        p.name for p in run.iterdir()
    }
    folders = {k: v for k, v in modes.items() if (data / k).is_dir()}
    files = {k: v for k, v in modes.items() if (data / k).is_file()}
    assert set(folders.values()) == {0o700}, folders
    assert set(files.values()) == {0o600}, files


def test_a_token_file_others_may_read_is_warned_of(served, tmp_path):
    tokens = _tokens(tmp_path, 0o644)
    said = flat(
        serve("--data-dir", str(tmp_path / "d"), "--token-file", str(tokens)).output
    )
    assert "can be read by other accounts on this machine (mode 0644)" in said
    assert f"chmod 600 {tokens}" in said
    tokens.chmod(0o620)
    assert "can be changed by other accounts" in token_file_warning(tokens)
    tokens.chmod(0o600)
    said = flat(
        serve("--data-dir", str(tmp_path / "d"), "--token-file", str(tokens)).output
    )
    assert "chmod" not in said and "other accounts" not in said


def test_an_open_cases_folder_is_made_private(served, tmp_path):
    data = tmp_path / "d"
    (data / "cases").mkdir(parents=True)
    (data / "cases").chmod(0o755)
    said = flat(
        serve("--data-dir", str(data), "--token-file", str(_tokens(tmp_path))).output
    )
    assert "could be read by other accounts (mode 0755)" in said
    assert stat.S_IMODE((data / "cases").stat().st_mode) == 0o700
    again = flat(
        serve("--data-dir", str(data), "--token-file", str(_tokens(tmp_path))).output
    )
    assert "other accounts" not in again


def test_no_token_file_is_warned_of_on_the_loopback_too(served, tmp_path):
    said = flat(serve("--data-dir", str(tmp_path / "d")).output)
    assert (
        "Serving on 127.0.0.1 without --token-file: every account on this machine "
        "can read and change every case, and the log cannot say who. Give each user "
        "a token: --token-file FILE, one 'NAME TOKEN [ROLE]' a line." in said
    )
    said = flat(serve("--data-dir", str(tmp_path / "d"), "--host", "0.0.0.0").output)
    assert "0.0.0.0 without --token-file: anyone who can reach it" in said


# ------------------------------------------------------------------ F5
def test_a_grid_finer_than_the_service_computes_is_refused(tmp_path, quick):
    app = create_app(tmp_path / "d")
    fine = HIKER.read_text().replace(
        "grid: {cell_km: 0.1}", "grid: {cell_km: 0.1, max_cells: 100000000}"
    )
    assert fine != HIKER.read_text()
    line = fine.splitlines().index("grid: {cell_km: 0.1, max_cells: 100000000}") + 1
    body = error_of(call(app, "POST", "/api/cases", content=fine), 422)
    assert body["field"] == "grid.max_cells" and body["line"] == line
    assert body["message"].startswith(
        f"The grid's 'max_cells' (case.yaml, line {line}) is 100,000,000, more than "
        f"the {pipeline.MAX_CELLS:,} cells this service computes an estimate on"
    )
    # at the limit it is taken; over it, a new version is refused as a new case is
    case_id = call(
        app, "POST", "/api/cases", content=fine.replace("100000000", "4000000")
    ).json()["id"]
    url = f"/api/cases/{case_id}/case.yaml"
    put = call(app, "PUT", url, content=fine, headers={"If-Match": "*"})
    assert error_of(put, 422)["field"] == "grid.max_cells"
    # and a case file edited on disk so is not estimated
    (tmp_path / "d" / "cases" / case_id / "case.yaml").write_text(fine)
    est = error_of(call(app, "POST", f"/api/cases/{case_id}/estimate"), 422)
    assert est["field"] == "grid.max_cells"
    assert f"(cases/{case_id}/case.yaml, line {line})" in est["message"]


# ------------------------------------------------------------------ F6
def test_the_case_file_comes_back_from_the_edit_form_byte_for_byte(tmp_path, quick):
    app = create_app(tmp_path / "d")
    arabic = "\u0627\u0644\u0631\u0642\u0629\u200f \u0661\u061c"  # RLM and ALM
    text = HIKER.read_text(encoding="utf-8")
    assert "  Bwlch y Moch:" in text and "place: Bwlch y Moch" in text
    text = text.replace("  Bwlch y Moch:", f'  "{arabic}":')
    text = text.replace("place: Bwlch y Moch", f'place: "{arabic}"')
    case_id = call(app, "POST", "/api/cases", content=text.encode()).json()["id"]
    url = f"/api/cases/{case_id}/case.yaml"
    before = call(app, "GET", url).content
    page = call(app, "GET", f"/cases/{case_id}").text
    shown = re.search(r"<textarea[^>]*>\n(.*?)</textarea>", page, re.S)
    base = re.search(r'name="base" value="([0-9a-f]+)"', page)
    # as a browser posts a textarea: its text unescaped, lines ended CRLF
    sent = html.unescape(shown.group(1)).replace("\n", "\r\n")
    saved = call(
        app,
        "POST",
        f"/cases/{case_id}/case",
        data={"text": sent, "base": base.group(1)},
    )
    assert saved.status_code == 303, saved.text
    after = call(app, "GET", url).content
    assert after.decode().count("\u200f") == 2 and after.decode().count("\u061c") == 2
    assert after == before


# ------------------------------------------------------------------ F7
@pytest.mark.nlp
def test_stored_outputs_name_no_server_path(tmp_path, nlp):
    data = tmp_path / "d"
    app = create_app(data)
    case = HIKER.read_text().replace(
        "target: missing walker (synthetic example)", "target: John Smith"
    )
    case_id = call(app, "POST", "/api/cases", content=case).json()["id"]
    for name in ("a.txt", "b.txt"):  # one text twice: a warning names both
        up = call(
            app,
            "POST",
            f"/api/cases/{case_id}/documents?name={name}",
            content=ARTICLE.encode(),
        )
        assert up.status_code == 201, up.text
    est = call(app, "POST", f"/api/cases/{case_id}/estimate")
    assert est.status_code == 201, est.text
    said = est.json()["warnings"]
    assert any("'b.txt'" in w for w in said), said
    for name in ("estimate.json", "report.html"):
        served = call(app, "GET", f"/api/cases/{case_id}/runs/0001/{name}").text
        assert str(tmp_path) not in served and "/cases/" not in served
    stored = json.loads(
        (data / "cases" / case_id / "runs/0001/estimate.json").read_text()
    )
    assert any("'readings/b.txt.json'" in w for w in stored["warnings"])
    assert Path.cwd() != data / "cases" / case_id  # the working folder came back


# ------------------------------------------------------------------ F10
def test_startup_removes_what_an_interrupted_request_left(served, tmp_path):
    data = tmp_path / "d"
    store = CaseStore(data)
    case = store.cases / "falcon"
    (case / "runs" / "0001").mkdir(parents=True)
    (case / "case.yaml").write_text("target: x\n")
    (case / "runs" / "0001" / "run.json").write_text("{}")
    (case / "runs" / "0002").mkdir()  # cut short: no run.json
    (case / "runs" / "0002" / "case.yaml").write_text("target: x\n")
    hexes = "0123456789abcdef" * 2
    (case / f".upload-{hexes}").mkdir()
    (case / f".upload-{hexes}" / "report.txt").write_text("a report never taken")
    (store.cases / f".new-{hexes}").mkdir()
    (case / ".case.yaml.ab_cd123.geosleuth-tmp").write_text("half")
    # what is not named so stays, and a link is not followed
    kept = [
        case / ".upload-mine",
        case / "notes.txt",
        case / "runs" / "draft",
        case / "runs" / "0001" / ".x.txt.tmp",
    ]
    kept[0].mkdir()
    kept[1].write_text("mine")
    kept[2].mkdir()
    kept[3].write_text("mine")
    (case / "runs" / "0003").symlink_to(tmp_path)
    said = flat(
        serve("--data-dir", str(data), "--token-file", str(_tokens(tmp_path))).output
    )
    assert (
        f"Removed what an interrupted request left: cases/.new-{hexes}, "
        f"cases/falcon/.upload-{hexes}, cases/falcon/runs/0002, "
        "cases/falcon/.case.yaml.ab_cd123.geosleuth-tmp." in said
    )
    assert all(p.exists() for p in kept)
    assert (case / "runs" / "0001" / "run.json").is_file()
    assert (case / "runs" / "0003").is_symlink() and tmp_path.is_dir()
    assert store.tidy() == []


# ------------------------------------------------------------------ F11
def test_a_workers_warm_up_is_not_counted_in_the_time_limit(tmp_path):
    pool = Workers(1, time_limit_s=1.0, warm_up=functools.partial(time.sleep, 2.0))
    try:
        assert pool.call(sum, [1, 2]) == (3, [])
    finally:
        pool.close()
    app = create_app(tmp_path / "d", workers=1)
    assert app.state.workers.warm_up is pipeline.warm_up
    app.state.workers.close()  # none was started


# ------------------------------------------------------------------ F12
def test_an_estimate_of_a_broken_case_file_names_the_case_file(tmp_path, quick):
    data = tmp_path / "d"
    app = create_app(data)
    case_id = call(app, "POST", "/api/cases", content=HIKER.read_bytes()).json()["id"]
    up = call(
        app,
        "POST",
        f"/api/cases/{case_id}/documents?name=a.txt",
        content=ARTICLE.encode(),
    )
    assert up.status_code == 201, up.text
    (data / "cases" / case_id / "case.yaml").write_text("target: [x\n")
    body = error_of(call(app, "POST", f"/api/cases/{case_id}/estimate"), 422)
    assert body["error"] == "CaseFileError"
    assert body["message"].startswith(
        f"The case file cases/{case_id}/case.yaml is not valid YAML"
    )
    assert "runs/" not in body["message"]
    assert not any((data / "cases" / case_id / "runs").iterdir())


# ------------------------------------------------------------------ F2
def test_one_user_never_holds_every_worker():
    import anyio

    started = []
    gate = threading.Event()

    def job(name):
        started.append(name)
        gate.wait(10)
        return name

    async def main(users):
        turns = Turns(2)
        async with anyio.create_task_group() as group:
            for name, user in users[:2]:
                group.start_soon(functools.partial(turns.run, job, name, user=user))
            await anyio.sleep(0.3)
            name, user = users[2]
            group.start_soon(functools.partial(turns.run, job, name, user=user))
            await anyio.sleep(0.3)
            running = sorted(started)
            gate.set()
        return running

    # a viewer's two long readings: the second waits, an editor's upload runs
    vic = [("vic 1", "vic"), ("vic 2", "vic"), ("ana 1", "ana")]
    assert asyncio.run(main(vic)) == ["ana 1", "vic 1"]
    assert sorted(started) == ["ana 1", "vic 1", "vic 2"]  # and then it ran
    # a call of the same user that needs no worker does not wait for one
    started.clear()
    gate.clear()

    async def beside():
        turns = Turns(2)
        async with anyio.create_task_group() as group:
            group.start_soon(functools.partial(turns.run, job, "vic 1", user="vic"))
            await anyio.sleep(0.2)
            answer = await turns.run(str, "done", user="vic", need=lambda: "nothing")
            gate.set()
        return answer

    assert asyncio.run(beside()) == "done"
    # without users, the clients cannot be told apart: they share every worker
    started.clear()
    gate.clear()
    anyone = [("a", None), ("b", None), ("c", None)]
    assert asyncio.run(main(anyone)) == ["a", "b"]
