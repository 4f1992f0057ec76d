"""Where the service's long library calls run: worker processes, or the server's own.

A reading of an uploaded report and an estimate are CPU-bound, and each collects
geosleuth's warnings, which is process-wide state (``warnings.catch_warnings``): in
the server's process such calls must take turns. :class:`Workers` runs them in
worker processes instead, so that two analysts' estimates, or an estimate and an
upload's reading, go on at the same time, one per process; a case's own changes
still take turns under its lock (:mod:`geosleuth.service.store`).

``Workers(0)`` runs each call in the calling thread, taking turns, as a library
user or a test may want. Either way :meth:`Workers.call` returns the call's result
and the warnings it raised, and raises what the call raised (a
:class:`~geosleuth.errors.GeosleuthError` keeps its message, file, line and field).
A worker that dies (killed, or out of memory), or whose call runs past the time
limit (and is then stopped), fails only that call, with
:class:`WorkerStoppedError`; a fresh process takes its place.

Examples
--------
>>> workers = Workers(0)
>>> workers.call(sum, [1, 2, 3])
(6, [])
>>> workers.close()
"""

from __future__ import annotations

import contextlib
import math
import multiprocessing
import queue
import signal
import threading
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

from geosleuth.errors import GeosleuthError, InputError
from geosleuth.service.pipeline import collected_warnings

__all__ = ["WorkerStoppedError", "Workers"]

T = TypeVar("T")

_SHUTTING_DOWN = "The service is shutting down; the call was not run."
#: Longest a worker may take to start a call it was sent (a new one imports the
#: library and warms up first), seconds; past it, the call is stopped as one past
#: its limit.
_START_S = 300.0


class WorkerStoppedError(GeosleuthError):
    """A worker process died, or was stopped at the time limit, during a call."""


def _collecting(
    fn: Callable[..., T], args: tuple[Any, ...], kwargs: dict[str, Any]
) -> tuple[T, list[str]]:
    """``fn(*args, **kwargs)`` and geosleuth's warnings."""
    with collected_warnings() as found:
        result = fn(*args, **kwargs)
    return result, found


def _warm_up() -> None:
    """Import what readings and estimates use; each worker's first act."""
    import geosleuth.locate
    import geosleuth.read  # noqa: F401


def _serve(conn: Any, warm_up: Callable[[], object] | None = None) -> None:
    """A worker process's loop: run each call sent, send back what came of it.

    ``warm_up`` is called first, before the first call is taken: what it loads
    is not counted in that call's time limit.
    """
    # Ctrl-C at the server reaches its whole process group: the server stops its
    # workers itself (Workers.close), so a worker ignores it. It was blocked from
    # the start (see _Process), so one sent while this interpreter started is
    # dropped here, not raised.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    _warm_up()
    if warm_up is not None:
        # e.g. a missing extra: the call that needs it says so
        with contextlib.suppress(Exception):
            warm_up()
    while True:
        try:
            job = conn.recv()
        except EOFError:  # the server went away
            return
        if job is None:
            return
        fn, args, kwargs = job
        conn.send(("started", None))  # the time limit counts from here
        try:
            answer: tuple[str, Any] = ("ok", _collecting(fn, args, kwargs))
        except BaseException as exc:  # sent back, to be raised in the server
            exc.add_note("In the worker process:\n" + traceback.format_exc())
            answer = ("error", exc)
        try:
            conn.send(answer)
        except Exception:  # the result or the error would not pickle
            conn.send(("error", RuntimeError(traceback.format_exc())))


class _Process:
    """One worker process and the pipe to it."""

    def __init__(self, warm_up: Callable[[], object] | None = None) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_serve, args=(child, warm_up), daemon=True
        )
        # the new interpreter starts with Ctrl-C blocked (a mask is inherited),
        # until _serve ignores it
        blocks = hasattr(signal, "pthread_sigmask")
        if blocks:
            mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            self.process.start()
        finally:
            if blocks:
                signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        child.close()

    def stop(self, *, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            with contextlib.suppress(OSError):  # already gone
                self.conn.send(None)
        self.process.join(timeout=None if kill else 10)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


class _Died(Exception):
    """The worker process ended while a call was sent to it."""


def _receive(worker: _Process, timeout_s: float | None) -> tuple[str, Any] | None:
    """The worker's next message, or None after ``timeout_s`` (None: no limit)."""
    try:
        if not worker.conn.poll(timeout_s):
            return None
        message: tuple[str, Any] = worker.conn.recv()
    except (EOFError, OSError):
        raise _Died from None
    return message


class Workers:
    """Worker processes for the service's readings and estimates.

    Parameters
    ----------
    processes : int
        How many calls may run at once, each in its own process (``spawn``: a
        fresh interpreter, never a fork of the threaded server; started on first
        use, or all at once by :meth:`start`). A call waits for a free process.
        0: each call runs in the calling thread, and calls take turns.
    time_limit_s : float or None, default None
        Longest a call may run in a worker (seconds): past it, the worker is
        stopped and the call fails with :class:`WorkerStoppedError`. None: no
        limit. Not applied with ``processes=0`` (a thread cannot be stopped).
    warm_up : callable or None, default None
        Called once in each new worker process as it starts, before its first
        call (a module-level function, as calls are): what it loads, such as
        the gazetteer and spaCy's model, is then not counted in a call's time
        limit, and the first reading does not wait for it
        (:func:`geosleuth.service.pipeline.warm_up`). An error in it is ignored:
        the call that needs what failed to load says why.

    Notes
    -----
    What is passed to a call and what it returns or raises crosses between
    processes by pickling: pass module-level functions, paths and plain values.
    Each worker loads what its calls need (spaCy's model, the gazetteer) once and
    keeps it for the calls after.
    """

    def __init__(
        self,
        processes: int,
        *,
        time_limit_s: float | None = None,
        warm_up: Callable[[], object] | None = None,
    ) -> None:
        if (
            isinstance(processes, bool)
            or not isinstance(processes, int)
            or processes < 0
        ):
            raise InputError(
                "The number of worker processes must be a whole number ≥ 0 (0: "
                f"in the server's own process). Got {processes!r} instead.",
                field="workers",
            )
        if time_limit_s is not None and (
            isinstance(time_limit_s, bool)
            or not isinstance(time_limit_s, (int, float))
            or not (math.isfinite(time_limit_s) and time_limit_s > 0)
        ):
            raise InputError(
                "The time limit must be a positive number of seconds (or None). "
                f"Got {time_limit_s!r} instead.",
                field="time_limit_s",
            )
        self.processes = processes
        self.time_limit_s = time_limit_s
        self.warm_up = warm_up
        # a free slot holds its process, or None until it is first used
        self._free: queue.LifoQueue[_Process | None] = queue.LifoQueue()
        for _ in range(processes):
            self._free.put(None)
        self._lock = threading.Lock()
        self._closed = False
        self._all: set[_Process] = set()

    def __repr__(self) -> str:
        return f"Workers({self.processes}, time_limit_s={self.time_limit_s})"

    def _new_process(self) -> _Process:
        with self._lock:
            if self._closed:
                raise WorkerStoppedError(_SHUTTING_DOWN)
            worker = _Process(self.warm_up)
            self._all.add(worker)
            return worker

    def _retire(self, worker: _Process, *, kill: bool) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.stop(kill=kill)

    def start(self) -> None:
        """Start every worker process now, not at first use; returns at once.

        Each imports the library as it starts (a second or two), so the first
        reading or estimate does not wait for that. A slot whose process died
        gets a new one.
        """
        if self.processes == 0:
            return
        slots = [self._free.get() for _ in range(self.processes)]
        try:
            for i, slot in enumerate(slots):
                if slot is not None and not slot.process.is_alive():
                    self._retire(slot, kill=True)
                    slots[i] = slot = None
                if slot is None:
                    slots[i] = self._new_process()
        finally:
            for slot in slots:
                self._free.put(slot)

    def call(
        self, fn: Callable[..., T], /, *args: Any, **kwargs: Any
    ) -> tuple[T, list[str]]:
        """Run ``fn(*args, **kwargs)``; its result and its warnings (``Type: text``).

        Blocks the calling thread until the call is done, and while every process
        is busy (the service calls it from a thread of its own, only once a
        process is free: :mod:`geosleuth.service.turns`). Raises what ``fn``
        raised.

        Raises
        ------
        WorkerStoppedError
            If the worker process running the call died or ran past the time
            limit, or the workers are closed.
        """
        if self.processes == 0:
            return _collecting(fn, args, kwargs)
        if self._closed:
            raise WorkerStoppedError(_SHUTTING_DOWN)
        slot = self._free.get()
        keep, worker = slot, None
        try:
            if slot is not None and not slot.process.is_alive():  # died idle
                self._retire(slot, kill=True)
                keep = slot = None
            worker = slot if slot is not None else self._new_process()
            keep = worker
            try:
                worker.conn.send((fn, args, kwargs))
            except OSError:  # the pipe is broken: the worker is gone
                raise _Died from None
            # a new worker first imports the library: that is not the call's time
            if _receive(worker, _START_S) is None:
                keep = None
                self._retire(worker, kill=True)
                raise WorkerStoppedError(
                    f"The worker process did not start the call within {_START_S:g} "
                    "s (the machine may be overloaded); nothing was kept. Try again."
                )
            answer = _receive(worker, self.time_limit_s)
            if answer is None:
                keep = None
                self._retire(worker, kill=True)
                raise WorkerStoppedError(
                    f"This took longer than the service's limit of "
                    f"{self.time_limit_s:g} s, and was stopped; nothing was kept. "
                    "Whoever runs the service can raise the limit (geosleuth "
                    "serve --time-limit)."
                )
            status, value = answer
        except _Died:
            keep = None
            if worker is not None:
                self._retire(worker, kill=True)
            raise WorkerStoppedError(
                "The worker process running this stopped before it finished (it "
                "may have run out of memory, or been killed); nothing was kept. "
                "Try again; if it happens again, tell whoever runs the service."
            ) from None
        finally:
            self._free.put(keep)
        if status == "error":
            raise value
        result: tuple[T, list[str]] = value
        return result

    def close(self, *, force: bool = False) -> None:
        """Stop the worker processes; idempotent.

        By default once their calls are done. With ``force``, at once: the calls
        running fail with :class:`WorkerStoppedError` (what they were making is
        not kept), as for a server told twice to stop. A call made after this
        fails with :class:`WorkerStoppedError`.
        """
        with self._lock:
            self._closed = True
            running = list(self._all)
        if force:
            for worker in running:
                worker.process.kill()
        # waits for the calls running (ended at once, with force)
        taken = [self._free.get() for _ in range(self.processes)]
        for slot in taken:
            if slot is not None:
                self._retire(slot, kill=force)
        for _ in taken:
            self._free.put(None)
