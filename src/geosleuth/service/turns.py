"""Whose turn it is: the service's queue for its worker processes and case locks.

A reading or an estimate needs one of the worker processes
(:mod:`geosleuth.service.workers`), and a change to a case needs that case's lock
(:mod:`geosleuth.service.store`). A request that waits for either waits here, in
the event loop (on anyio's primitives), not in one of the server's threads: a
backlog of readings and estimates never holds up the requests that read what is
stored (the list of cases, the pages, downloads), which run in the server's
thread pool. Each call, once its turn comes, runs in a thread of its own limiter,
sized to the worker processes, so the calls running never take threads from that
pool either.

Locks are taken in one order: the case's (here, then the store's own, which is
then free), then a worker. So two requests cannot deadlock.

How many may wait is bounded: past ``per_user`` calls of one user waiting, or
``total`` in all, a new one is refused at once (429, or 503 for the total, each
with ``Retry-After``) and nothing of it is done. On a service without users,
every client counts as one user.

How many worker processes one user's calls hold at once is bounded too: all but
one (:attr:`Turns.slots_per_user`; one of one), so that one user, a viewer's
readings of long pages or an editor's estimates, never holds up everyone else's
work (review 20, F2): their next call waits while another user's takes the free
process. This needs users to tell apart: on a service without them, the calls
share every process as before.

Examples
--------
>>> import asyncio
>>> turns = Turns(1, per_user=2, total=4)
>>> asyncio.run(turns.run(sum, [1, 2], user="ana", case_id="falcon-one"))
3
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from geosleuth.errors import InputError
from geosleuth.service._http import Refused

if TYPE_CHECKING:
    import anyio

__all__ = ["RETRY_AFTER_S", "Need", "Turns"]

T = TypeVar("T")

#: What a call needs besides its case's lock: a worker process (a reading, an
#: estimate); the lock of the library's warnings (a case file checked, a search
#: recorded), which is a worker's turn only where calls run in the server's own
#: process; or nothing more.
Need = Literal["worker", "warnings", "nothing"]

#: The ``Retry-After`` of a refusal, seconds.
RETRY_AFTER_S = 10


def _limit(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InputError(
            f"{field!r} must be a whole number ≥ 1. Got {value!r} instead.",
            field=field,
        )
    return value


class Turns:
    """The queue of one service's calls: case locks, worker slots, and its bounds.

    Parameters
    ----------
    processes : int
        The service's worker processes (:class:`~geosleuth.service.workers.Workers`):
        that many calls that need one run at once. 0: calls run in the server's
        own process, one at a time (and so do the checks that collect the
        library's warnings).
    per_user : int, default 8
        Calls one user may have waiting (for a worker or a case's lock); one more
        is refused with 429.
    total : int, default 64
        Calls that may wait, all users together; one more is refused with 503.

    Attributes
    ----------
    slots_per_user : int
        The most worker processes the calls of one named user hold at once:
        all but one (one of one). Calls without a user are not bounded so.
    """

    def __init__(self, processes: int, *, per_user: int = 8, total: int = 64) -> None:
        import anyio

        self.inline = processes == 0
        self.slots = max(processes, 1)
        self.per_user = _limit(per_user, "waiting_per_user")
        self.total = _limit(total, "waiting_total")
        # a call takes a slot (waiting here), then a thread of its own limiter
        # (never waited for: there are as many threads as slots)
        self._slots = anyio.Semaphore(self.slots)
        self._threads = anyio.CapacityLimiter(self.slots)
        self._locks: dict[str, anyio.Lock] = {}
        self._waiting: Counter[str | None] = Counter()
        #: The most worker processes one user's calls hold at once.
        self.slots_per_user = max(1, self.slots - 1)
        self._shares: dict[str, anyio.Semaphore] = {}

    def __repr__(self) -> str:
        return (
            f"Turns(slots={self.slots}, per_user={self.per_user}, "
            f"total={self.total}, waiting={self.waiting()})"
        )

    def waiting(self, user: str | None = None, *, everyone: bool = True) -> int:
        """How many calls wait now: everyone's, or ``user``'s (``everyone=False``)."""
        return self._waiting.total() if everyone else self._waiting[user]

    def _admit(self, user: str | None) -> None:
        """Count one more waiting call of ``user``, or refuse it (Refused)."""
        retry = {"Retry-After": str(RETRY_AFTER_S)}
        if self._waiting[user] >= self.per_user:
            who = f"{user} has" if user else "This service's clients have"
            raise Refused(
                429,
                "TooManyWaiting",
                f"{who} {self._waiting[user]} requests waiting for a worker or a "
                "case already, the most one user may have; this one was not run "
                "and nothing was changed. Try again once some have finished "
                "(whoever runs the service can raise the limit: geosleuth serve "
                "--waiting-per-user).",
                headers=retry,
            )
        if self._waiting.total() >= self.total:
            raise Refused(
                503,
                "Busy",
                f"The service has {self._waiting.total()} requests waiting for a "
                "worker or a case, its limit; this one was not run and nothing was "
                f"changed. Try again in a while (Retry-After: {RETRY_AFTER_S} s).",
                headers=retry,
            )
        self._waiting[user] += 1

    def _leave(self, user: str | None) -> None:
        self._waiting[user] -= 1
        if self._waiting[user] <= 0:
            del self._waiting[user]

    def _share(self, user: str | None) -> anyio.Semaphore | None:
        """The semaphore of ``user``'s worker processes; None where none bounds them."""
        import anyio

        if user is None or self.slots_per_user >= self.slots:
            return None
        share = self._shares.get(user)
        if share is None:
            share = self._shares[user] = anyio.Semaphore(self.slots_per_user)
        return share

    @staticmethod
    def _guess(need: Need | Callable[[], Need]) -> Need:
        """What a call will need, asked before its case's lock is taken.

        A callable is asked again under the lock, which decides; one that fails
        here (the case changing meanwhile) is taken to need a worker.
        """
        if not callable(need):
            return need
        try:
            return need()
        except Exception:
            return "worker"

    def _lock(self, case_id: str) -> anyio.Lock:
        import anyio

        lock = self._locks.get(case_id)
        if lock is None:
            lock = self._locks[case_id] = anyio.Lock()
        return lock

    @staticmethod
    async def _take(primitive: anyio.Lock | anyio.Semaphore) -> None:
        """Acquire ``primitive``: at once when it is free (no other task runs then)."""
        import anyio

        try:
            primitive.acquire_nowait()
        except anyio.WouldBlock:
            await primitive.acquire()

    async def run(
        self,
        fn: Callable[..., T],
        /,
        *args: Any,
        user: str | None,
        case_id: str | None = None,
        need: Need | Callable[[], Need] = "worker",
        **kwargs: Any,
    ) -> T:
        """``fn(*args, **kwargs)`` in a thread, once its turn comes; its result.

        Parameters
        ----------
        fn : callable
            Blocking; it may take the store's lock of ``case_id`` (free by then)
            and call the workers (a slot is free by then).
        *args, **kwargs
            What ``fn`` is called with.
        user : str or None
            Whose call it is, for the bounds on waiting calls and on the worker
            processes one user holds (:attr:`slots_per_user`).
        case_id : str or None, default None
            The case whose lock the call holds from start to end; None: none.
        need : {"worker", "warnings", "nothing"} or callable, default "worker"
            What else the call needs (:data:`Need`); a callable is asked once the
            case's lock is held, when what the call needs depends on the case.

        Raises
        ------
        Refused
            429 or 503 (with ``Retry-After``), at once, when too many calls wait.
        """
        import anyio.to_thread

        self._admit(user)
        waiting = True
        # the user's share of the workers first, then the case, then a worker:
        # whoever holds a case's lock never waits for a share (a call whose need
        # changes while it waits for the lock runs without one)
        share = self._share(user) if self._guess(need) == "worker" else None
        try:
            if share is not None:
                await self._take(share)
            try:
                lock = None if case_id is None else self._lock(case_id)
                if lock is not None:
                    await self._take(lock)
                try:
                    wants = need() if callable(need) else need
                    if share is not None and wants != "worker":
                        share.release()  # not needed after all
                        share = None
                    gated = wants == "worker" or (wants == "warnings" and self.inline)
                    if gated:
                        await self._take(self._slots)
                    try:
                        self._leave(user)
                        waiting = False
                        job = functools.partial(fn, *args, **kwargs)
                        limiter = self._threads if gated else None
                        return await anyio.to_thread.run_sync(job, limiter=limiter)
                    finally:
                        if gated:
                            self._slots.release()
                finally:
                    if lock is not None:
                        lock.release()
            finally:
                if share is not None:
                    share.release()
        finally:
            if waiting:
                self._leave(user)
