"""Where the service's long library calls run: worker processes, or the server's own.

A reading of an uploaded report and an estimate are CPU-bound, and each collects
geosleuth's warnings, which is process-wide state (``warnings.catch_warnings``): in
the server's process such calls must take turns. :class:`Workers` runs them in a
pool of worker processes instead, so that two analysts' estimates, or an estimate
and an upload's reading, go on at the same time, one per process; a case's own
changes still take turns under its lock (:mod:`geosleuth.service.store`).

``Workers(0)`` runs each call in the calling thread, taking turns, as a library
user or a test may want. Either way :meth:`Workers.call` returns the call's result
and the warnings it raised, and raises what the call raised (a
:class:`~geosleuth.errors.GeosleuthError` keeps its message, file, line and field).
A worker that dies (killed, or out of memory) fails only the call it was running,
with :class:`WorkerStoppedError`; the next call starts a fresh pool.

Examples
--------
>>> workers = Workers(0)
>>> workers.call(sum, [1, 2, 3])
(6, [])
>>> workers.close()
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from geosleuth.errors import GeosleuthError, InputError
from geosleuth.service.pipeline import collected_warnings

__all__ = ["WorkerStoppedError", "Workers"]

T = TypeVar("T")


class WorkerStoppedError(GeosleuthError):
    """A worker process died while it ran a call (killed, or out of memory)."""


def _collecting(
    fn: Callable[..., T], args: tuple[Any, ...], kwargs: dict[str, Any]
) -> tuple[T, list[str]]:
    """``fn(*args, **kwargs)`` and geosleuth's warnings; runs in a worker."""
    with collected_warnings() as found:
        result = fn(*args, **kwargs)
    return result, found


def _warm_up() -> None:
    """Import what readings and estimates use; each worker's first act."""
    import geosleuth.locate
    import geosleuth.read  # noqa: F401


class Workers:
    """A pool of worker processes for the service's readings and estimates.

    Parameters
    ----------
    processes : int
        How many calls may run at once, each in its own process (started on first
        use, by ``spawn``: a fresh interpreter, never a fork of the threaded
        server; :meth:`start` starts them all at once). 0: each call runs in the
    calling thread, and calls take turns.

    Notes
    -----
    What is passed to a call and what it returns or raises crosses between
    processes by pickling: pass module-level functions, paths and plain values.
    Each worker loads what its calls need (spaCy's model, the gazetteer) once and
    keeps it for the calls after.
    """

    def __init__(self, processes: int) -> None:
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
        self.processes = processes
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        self._closed = False

    def __repr__(self) -> str:
        return f"Workers({self.processes})"

    def _current_pool(self) -> concurrent.futures.ProcessPoolExecutor:
        with self._lock:
            if self._closed:
                raise WorkerStoppedError(
                    "The service is shutting down; the call was not run."
                )
            if self._pool is None:
                self._pool = concurrent.futures.ProcessPoolExecutor(
                    max_workers=self.processes,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_warm_up,
                )
            return self._pool

    def _discard(self, pool: concurrent.futures.ProcessPoolExecutor) -> None:
        """Forget a broken pool, so that the next call starts a fresh one."""
        with self._lock:
            if self._pool is pool:
                self._pool = None
        pool.shutdown(wait=False, cancel_futures=True)

    def call(
        self, fn: Callable[..., T], /, *args: Any, **kwargs: Any
    ) -> tuple[T, list[str]]:
        """Run ``fn(*args, **kwargs)``; its result and its warnings (``Type: text``).

        Blocks the calling thread until the call is done (the service calls it from
        a worker thread). Raises what ``fn`` raised.

        Raises
        ------
        WorkerStoppedError
            If the worker process running the call died, or the pool is closed.
        """
        if self.processes == 0:
            return _collecting(fn, args, kwargs)
        pool = self._current_pool()
        try:
            future = pool.submit(_collecting, fn, args, kwargs)
        except (BrokenProcessPool, RuntimeError):
            # broken by another call's dead worker, or shut down meanwhile
            self._discard(pool)
            pool = self._current_pool()
            future = pool.submit(_collecting, fn, args, kwargs)
        try:
            return future.result()
        except BrokenProcessPool:
            self._discard(pool)
            raise WorkerStoppedError(
                "The worker process running this stopped before it finished (it "
                "may have run out of memory, or been killed); nothing was kept. "
                "Try again; if it happens again, tell whoever runs the service."
            ) from None

    def start(self) -> None:
        """Start every worker process now, in the background, not at first use.

        Each imports the library as it starts (a second or two), so the first
        reading or estimate does not wait for that. Returns at once.
        """
        if self.processes == 0:
            return
        pool = self._current_pool()
        for _ in range(self.processes):
            pool.submit(_warm_up)

    def close(self) -> None:
        """Stop the worker processes (calls running are let finish); idempotent."""
        with self._lock:
            self._closed = True
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
