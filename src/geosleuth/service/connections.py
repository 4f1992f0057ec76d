"""How many connections the service holds open, and for how long one may idle.

Each open connection takes one of the process's file descriptors. Without a
bound, a client that opens about a thousand connections and sends nothing (no
token needed) leaves the server unable to ``accept()``, and asyncio then logs a
traceback for each try, megabytes a second (review 20, F1). So ``geosleuth
serve`` runs uvicorn with :func:`uvicorn_options`:

- at most :func:`connection_limit` connections at once, drawn from the open-file
  limit (``RLIMIT_NOFILE``, raised towards its hard limit first by
  :func:`open_files_limit`) with room left for the files, pipes and worker
  processes the service itself needs;
- a connection must send its request line and headers within
  :data:`HEAD_TIMEOUT_S` of being opened (or of its previous answer), and the
  request's body within :data:`BODY_TIMEOUT_S` of its headers, else it is closed
  (uvicorn itself bounds neither: its keep-alive timer starts only after a first
  answer, and any byte received stops it);
- when the limit is reached, a new connection takes the place of the one that
  has waited longest without sending a whole request (an idle one is cheap to
  close: a browser opens another), and only when every connection has a request
  under way is the new one answered ``503`` and closed;
- these are said in the log at most once a minute, never once a connection.

uvicorn is imported when it makes a connection, so this module loads without the
``[web]`` extra.

Examples
--------
>>> connection_limit(1024), connection_limit(256), connection_limit(65536)
(768, 192, 1000)
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any, cast

__all__ = [
    "BODY_TIMEOUT_S",
    "HEAD_TIMEOUT_S",
    "KEEP_ALIVE_S",
    "MAX_CONNECTIONS",
    "connection_limit",
    "guarded_protocol",
    "open_files_limit",
    "uvicorn_options",
]

_log = logging.getLogger("geosleuth.service")

#: Seconds a connection may take to send a whole request line and headers, from
#: when it was opened or last answered; past them it is closed.
HEAD_TIMEOUT_S = 15.0
#: Seconds a request's body may take to arrive, from its headers (the largest
#: body allowed, 2 MB by default, at 7 kB/s); past them the connection is closed
#: and the request does nothing.
BODY_TIMEOUT_S = 300.0
#: Seconds an answered connection is kept open for the client's next request
#: (uvicorn's ``timeout_keep_alive``).
KEEP_ALIVE_S = 5
#: The most connections held at once, whatever the open-file limit: a team's
#: service needs far fewer, and each costs memory.
MAX_CONNECTIONS = 1000
#: The open-file limit asked for at the start, when the hard limit allows it.
_WANTED_OPEN_FILES = 4096
#: Seconds between two notes in the log that connections were closed or refused.
_NOTE_EVERY_S = 60.0
_BUSY = (
    b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 10\r\nConnection: close\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\nContent-Length: 47\r\n\r\n"
    b"Too many connections are open; try again soon.\n"
)


def open_files_limit(*, wanted: int = _WANTED_OPEN_FILES) -> int | None:
    """The process's open-file limit, raised to ``wanted`` first if the hard one allows.

    Returns the soft limit (``RLIMIT_NOFILE``) as it is after, or None where the
    platform has none (Windows).
    """
    try:
        import resource
    except ImportError:  # not on Windows
        return None
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return MAX_CONNECTIONS * 4
    goal = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft < goal:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (goal, hard))
        except (OSError, ValueError):  # not allowed: keep what there is
            return int(soft)
        soft = goal
    return int(soft)


def connection_limit(open_files: int | None) -> int:
    """How many connections to hold at most, with ``open_files`` descriptors in all.

    A quarter of them (64 at least) is left for what the service opens itself:
    stored files, uploads, the pipes to its worker processes, its log. Never
    more than :data:`MAX_CONNECTIONS`, nor fewer than 16.

    Examples
    --------
    >>> connection_limit(1024), connection_limit(4096), connection_limit(100)
    (768, 1000, 36)
    >>> connection_limit(None)  # no such limit on this platform
    1000
    """
    if open_files is None:
        return MAX_CONNECTIONS
    spare = max(64, open_files // 4)
    return max(16, min(MAX_CONNECTIONS, open_files - spare))


class _Notes:
    """Counts what the guard did, and says it in the log at most once a minute."""

    def __init__(self, limit: int, head_timeout_s: float) -> None:
        self.limit, self.head_timeout_s = limit, head_timeout_s
        self.counts = {"closed idle": 0, "refused": 0, "timed out": 0}
        self.last = -_NOTE_EVERY_S

    def add(self, what: str) -> None:
        self.counts[what] += 1
        now = time.monotonic()
        if now - self.last < _NOTE_EVERY_S:
            return
        self.last = now
        said = ", ".join(f"{k} {n}" for k, n in self.counts.items() if n)
        _log.warning(
            "Connections (at most %d at once; each must send its request within "
            "%g s): %s since the last note.",
            self.limit,
            self.head_timeout_s,
            said,
        )
        self.counts = dict.fromkeys(self.counts, 0)


def guarded_protocol(
    limit: int,
    *,
    head_timeout_s: float = HEAD_TIMEOUT_S,
    body_timeout_s: float = BODY_TIMEOUT_S,
    base: type[asyncio.Protocol] | None = None,
) -> type[asyncio.Protocol]:
    """The HTTP protocol class of uvicorn, with the bounds above (its ``http=``).

    Parameters
    ----------
    limit : int
        The most connections open at once (:func:`connection_limit`).
    head_timeout_s : float, default HEAD_TIMEOUT_S
        Longest a connection may take to send a request's line and headers, from
        when it opened or was last answered (seconds).
    body_timeout_s : float, default BODY_TIMEOUT_S
        Longest a request's body may take to arrive, from its headers (seconds).
    base : type or None, default None
        The protocol to guard: uvicorn's own (httptools' where installed, else
        h11's). Each connection is one of these, wrapped.

    Returns
    -------
    type of asyncio.Protocol
        One class per call: the connections it makes share their bound.
    """
    notes = _Notes(limit, head_timeout_s)
    # the connections open now, and of them those waiting for a whole request,
    # longest waiting first (dicts keep their order)
    open_now: set[GuardedProtocol] = set()
    idle: dict[GuardedProtocol, None] = {}

    class GuardedProtocol(asyncio.Protocol):
        """One connection: uvicorn's protocol, closed when idle or slow too long."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            inner_class: Any = base
            if inner_class is None:  # looked up when uvicorn makes a connection
                from uvicorn.protocols.http.auto import AutoHTTPProtocol

                inner_class = AutoHTTPProtocol
            self.inner = inner_class(*args, **kwargs)
            self.transport: asyncio.Transport | None = None
            self.refused = False
            self.cycle: Any = None  # the request under way (uvicorn's cycle)
            self.partial = False  # bytes of a request came, not yet a whole head
            self.head_timer: asyncio.TimerHandle | None = None
            self.body_timer: asyncio.TimerHandle | None = None
            answered = self.inner.on_response_complete

            def on_response_complete() -> None:  # given to each request's cycle
                answered()
                self._follow()

            self.inner.on_response_complete = on_response_complete

        # ------------------------------------------------------------ the states
        def _waiting(self) -> bool:
            """Whether no request is under way (a whole one is awaited)."""
            cycle = self.inner.cycle
            return cycle is None or bool(cycle.response_complete)

        def _await_head(self) -> None:
            self._cancel()
            self.partial = False
            idle[self] = None
            loop = asyncio.get_running_loop()
            self.head_timer = loop.call_later(head_timeout_s, self._head_late)

        def _follow(self) -> None:
            """After data or an answer: note a new request's head, or a wait."""
            if self.transport is None or self.transport.is_closing():
                return
            cycle = self.inner.cycle
            if cycle is not None and cycle is not self.cycle:  # a head came whole
                self.cycle = cycle
                self._cancel()
                idle.pop(self, None)
                loop = asyncio.get_running_loop()
                self.body_timer = loop.call_later(
                    body_timeout_s, self._body_late, cycle
                )
            elif self._waiting() and self not in idle:  # answered: wait anew
                self._await_head()
            elif self._waiting():
                self.partial = True

        def _cancel(self) -> None:
            for timer in (self.head_timer, self.body_timer):
                if timer is not None:
                    timer.cancel()
            self.head_timer = self.body_timer = None

        def _close(self, what: str | None) -> None:
            if what is not None:
                notes.add(what)
            open_now.discard(self)
            idle.pop(self, None)
            self._cancel()
            if self.transport is not None:
                self.transport.abort()

        def _head_late(self) -> None:
            if self._waiting() and self.transport and not self.transport.is_closing():
                # one that sent nothing (a browser's spare) goes unsaid
                self._close("timed out" if self.partial else None)

        def _body_late(self, cycle: Any) -> None:
            if (
                cycle is self.inner.cycle
                and cycle.more_body
                and not cycle.response_complete
                and self.transport is not None
                and not self.transport.is_closing()
            ):
                self._close("timed out")

        # ------------------------------------------------ asyncio.Protocol's calls
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            self.transport = transport = cast(asyncio.Transport, transport)
            if len(open_now) >= limit:
                oldest = next(iter(idle), None)
                if oldest is None:  # every one has a request under way
                    self.refused = True
                    notes.add("refused")
                    transport.write(_BUSY)
                    transport.close()
                    return
                oldest._close("closed idle")
            open_now.add(self)
            self.inner.connection_made(transport)
            self._await_head()

        def data_received(self, data: bytes) -> None:
            if self.refused:
                return
            self.inner.data_received(data)
            self._follow()

        def eof_received(self) -> bool | None:
            if self.refused:
                return None
            result: bool | None = self.inner.eof_received()
            return result

        def connection_lost(self, exc: Exception | None) -> None:
            open_now.discard(self)
            idle.pop(self, None)
            self._cancel()
            if not self.refused:
                self.inner.connection_lost(exc)

        def pause_writing(self) -> None:
            if not self.refused:
                self.inner.pause_writing()

        def resume_writing(self) -> None:
            if not self.refused:
                self.inner.resume_writing()

    return GuardedProtocol


def uvicorn_options(limit: int) -> dict[str, Any]:
    """The arguments of ``uvicorn.run`` that bound the connections (see above).

    ``limit_concurrency`` is one more than the connections the protocol keeps
    (so that it never refuses a request on a connection the protocol let in):
    it bounds the requests still running after their client went away.
    ``backlog`` bounds the connections asyncio accepts at once, before the
    protocol sees any of them (each a file descriptor): with uvicorn's 2,048, a
    burst of connections filled the descriptors left spare before the oldest
    idle ones could be closed.

    Examples
    --------
    >>> options = uvicorn_options(768)
    >>> options["limit_concurrency"], options["backlog"]
    (769, 64)
    """
    return {
        "http": guarded_protocol(limit),
        "limit_concurrency": limit + 1,
        "timeout_keep_alive": KEEP_ALIVE_S,
        "backlog": max(8, min(64, limit // 12)),
        "ws": "none",  # the service has no websockets
    }
