"""The connection guard bounds slow uploads, not slow work, and notes it sparingly.

Review r22 (items 1 and 18): a request whose body has all arrived is not cut
off at the body's deadline while the application computes its answer (a long
locate); a body that is still arriving is. What the guard did is said in the
log at most once a minute: the first event at once, the rest counted and said
in the next note, then counted afresh.
"""

import asyncio
import logging
import socket
import threading
import time

import pytest

pytest.importorskip("uvicorn")

from geosleuth.service import connections
from geosleuth.service.connections import guarded_protocol

BODY_TIMEOUT_S = 0.8


@pytest.fixture
def slow_server():
    """A real uvicorn on the loopback, whose application takes 1.5 s to answer.

    The guard allows 0.5 s for a request's head and 0.8 s for its body; the
    application reads the whole body, then works 1.5 s before it answers "ok".
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
        await asyncio.sleep(1.5)  # the work, after the whole body came
        headers = [(b"content-length", b"2")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b"ok"})

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    protocol = guarded_protocol(4, head_timeout_s=0.5, body_timeout_s=BODY_TIMEOUT_S)
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


def _answer(sock, wait):
    """What the server sent (b"" once it closed the connection), or None if nothing."""
    sock.settimeout(wait)
    try:
        return sock.recv(1000)
    except TimeoutError:
        return None
    except OSError:
        return b""


def test_a_whole_body_is_answered_after_the_body_deadline(slow_server):
    whole = socket.create_connection(("127.0.0.1", slow_server))
    partial = socket.create_connection(("127.0.0.1", slow_server))
    began = time.monotonic()
    whole.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nab")
    partial.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nab")
    # the upload still under way is closed at its deadline, before any answer
    assert _answer(partial, 4) == b""
    assert time.monotonic() - began < 1.4
    # the whole one is answered, 1.5 s on, past the body's deadline of 0.8 s
    answer = _answer(whole, 4)
    assert answer is not None and answer.startswith(b"HTTP/1.1 200")
    assert time.monotonic() - began > BODY_TIMEOUT_S
    whole.close()
    partial.close()


def test_the_guard_notes_at_most_once_a_minute_and_counts_between(caplog, monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(connections.time, "monotonic", lambda: now[0])
    notes = connections._Notes(4, 0.5)
    with caplog.at_level(logging.WARNING, logger="geosleuth.service"):
        for _ in range(10):
            notes.add("refused")
            now[0] += 1.0
        notes.add("timed out")
        said = [r.getMessage() for r in caplog.records]
        assert said == [
            "Connections (at most 4 at once; each must send its request within "
            "0.5 s): refused 1 since the last note."
        ]
        # a minute after the first note: what came since, and only that
        now[0] = 1061.0
        notes.add("closed idle")
        now[0] = 1062.0
        notes.add("refused")
        now[0] = 1122.0
        notes.add("refused")
    said = [r.getMessage().split("): ")[1] for r in caplog.records]
    assert said == [
        "refused 1 since the last note.",
        "closed idle 1, refused 9, timed out 1 since the last note.",
        "refused 2 since the last note.",
    ]
    assert {r.name for r in caplog.records} == {"geosleuth.service"}


def test_a_spare_connection_that_sent_nothing_goes_unsaid(slow_server, caplog):
    with caplog.at_level(logging.WARNING, logger="geosleuth.service"):
        spare = socket.create_connection(("127.0.0.1", slow_server))
        assert _answer(spare, 3) == b""  # closed at the head's deadline
        time.sleep(0.1)
        assert [r.getMessage() for r in caplog.records] == []
        # one that sent part of a head is said
        trickle = socket.create_connection(("127.0.0.1", slow_server))
        trickle.sendall(b"GET / HT")
        assert _answer(trickle, 3) == b""
        time.sleep(0.1)
    (note,) = [r.getMessage() for r in caplog.records]
    assert note.endswith("): timed out 1 since the last note.")
    spare.close()
    trickle.close()
