"""Run a function over the partitions of a list: in a loop, or on Dask.

What reading a corpus (:func:`geosleuth.read.read_corpus`) and a case run's
timeline (:func:`geosleuth.locate.timeline_of`) share. A scheduler is

- ``"serial"``: a plain loop in this process (Dask is not imported);
- ``"synchronous"``, ``"threads"`` or ``"processes"``: Dask's local scheduler of
  that name, with ``workers`` threads or processes (default: the cores);
- any other value: the address of a Dask cluster's scheduler
  (``"tcp://10.0.0.5:8786"``), connected to with ``distributed.Client``.

The list is cut into a few partitions per worker (a :mod:`dask.bag`), so that
what each worker loads once (a language model, a grid's masks) serves many
elements, and the results come back in input order, the same as the loop's.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
import socket
import threading
from collections.abc import Callable, Sequence
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Literal, TypeVar

from geosleuth.errors import InputError, WorkerError, missing_extra

__all__ = [
    "LOCAL_SCHEDULERS",
    "PARTITIONS_PER_WORKER",
    "Scheduler",
    "check_scheduler",
    "map_partitions",
]

#: The schedulers that run on this machine (any other is a cluster's address).
Scheduler = Literal["serial", "synchronous", "threads", "processes"]
LOCAL_SCHEDULERS: tuple[str, ...] = ("serial", "synchronous", "threads", "processes")
#: Partitions per worker: enough to even out the load, few enough that what a
#: partition loads once is loaded rarely.
PARTITIONS_PER_WORKER = 4
#: Seconds a Dask scheduler has to answer before the run stops: something that
#: takes the connection but is no scheduler (its dashboard's port) never would.
CONNECT_TIMEOUT_S = 60.0

#: Seconds to open a TCP connection to a scheduler's port, before the client
#: is made: a closed port or an unknown host is said at once, not after the
#: client's :data:`CONNECT_TIMEOUT_S` of retries.
PROBE_TIMEOUT_S = 5.0

_ADDRESS = re.compile(r"[a-z][a-z0-9+.-]*://\S+")
_TCP = re.compile(
    r"(?:tcp|tls)://(?:\[(?P<ip6>[^\]]+)\]|(?P<host>[^:/\[\]]+)):(?P<port>\d{1,5})/?"
)
_T = TypeVar("_T")
_R = TypeVar("_R")


def check_scheduler(scheduler: str, workers: int | None) -> None:
    """Refuse a scheduler or a number of workers that cannot be used.

    Raises
    ------
    InputError
        For a scheduler that is neither local nor an address, a ``workers``
        that is not a positive whole number, or ``workers`` with a scheduler it
        does not apply to.

    Examples
    --------
    >>> check_scheduler("tcp://10.0.0.5:8786", None)
    >>> check_scheduler("serial", 2)
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: workers sets the number of local threads or ...
    """
    if scheduler not in LOCAL_SCHEDULERS and not _ADDRESS.fullmatch(scheduler):
        raise InputError(
            f"The scheduler must be one of {', '.join(map(repr, LOCAL_SCHEDULERS))} "
            "or a Dask scheduler's address such as 'tcp://10.0.0.5:8786'. Got "
            f"{scheduler!r} instead.",
            field="scheduler",
        )
    if workers is None:
        return
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise InputError(
            f"workers must be a positive whole number. Got {workers!r} instead.",
            field="workers",
        )
    if scheduler not in ("threads", "processes"):
        raise InputError(
            "workers sets the number of local threads or processes; it does not "
            f"apply to the scheduler {scheduler!r}. Got workers={workers}.",
            field="workers",
        )


def _indexed(
    part: Sequence[tuple[int, _T]], fn: Callable[[list[_T]], list[_R]]
) -> list[tuple[int, _R]]:
    """``fn`` on a partition of ``(index, element)``; its results, indexed."""
    indices = [i for i, _ in part]
    results = fn([x for _, x in part])
    if len(results) != len(indices):
        raise RuntimeError(
            f"a partition of {len(indices)} gave {len(results)} results"
        )  # a bug in fn: nothing a user can mend
    return list(zip(indices, results, strict=True))


def map_partitions(
    fn: Callable[[list[_T]], list[_R]],
    elements: Sequence[_T],
    *,
    scheduler: str = "serial",
    workers: int | None = None,
    remote: Sequence[_T] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[_R]:
    """``fn`` over partitions of ``elements``; one result per element, in order.

    Parameters
    ----------
    fn : callable (list) -> list
        Takes a partition (a list of elements) and returns one result per
        element, in its order. For "processes" and a cluster it must pickle: a
        module-level function, or a :func:`functools.partial` of one.
    elements : sequence
        What to map over.
    scheduler : str, default "serial"
        See the module docstring. "serial" calls ``fn`` once on all elements.
    workers : int or None, default None
        Threads or processes of the "threads" and "processes" schedulers.
    remote : sequence or None, default None
        The elements as a cluster's workers must get them, in the same order
        (e.g. absolute paths, for workers on other machines); default
        ``elements``. Only for a cluster.
    progress : callable (done, total) or None, default None
        Called as partitions finish.

    Returns
    -------
    list
        ``fn``'s results, in the order of ``elements``.

    Raises
    ------
    InputError
        A bad ``scheduler`` or ``workers`` (:func:`check_scheduler`).
    MissingDependencyError
        Without the ``[dask]`` extra, for a scheduler other than "serial".

    Notes
    -----
    Errors that ``fn`` raises are raised here (Dask may retry a lost worker's
    partition first). Make ``fn`` return what should not stop the others.

    Examples
    --------
    >>> def squares(part):
    ...     return [x * x for x in part]
    >>> map_partitions(squares, [1, 2, 3])
    [1, 4, 9]
    >>> map_partitions(squares, [], scheduler="threads", workers=2)
    []
    """
    check_scheduler(scheduler, workers)
    total = len(elements)
    if remote is not None and len(remote) != total:
        raise InputError(
            f"remote must have one element per element ({total}). Got {len(remote)}.",
            field="remote",
        )
    if total == 0:
        return []
    if scheduler == "serial":
        out = list(fn(list(elements)))
        if progress is not None:
            progress(total, total)
        return out
    try:  # untyped: Any
        dask: Any = importlib.import_module("dask")
        db: Any = importlib.import_module("dask.bag")
        callbacks: Any = importlib.import_module("dask.callbacks")
    except ImportError as exc:
        raise missing_extra("dask", "dask") from exc
    done = 0

    def advance(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, total)

    def bag_for(n_workers: int, seq: Sequence[_T]) -> Any:
        npartitions = min(total, max(1, n_workers) * PARTITIONS_PER_WORKER)
        bag = db.from_sequence(list(enumerate(seq)), npartitions=npartitions)
        return bag.map_partitions(functools.partial(_indexed, fn=fn))

    results: list[tuple[int, _R]] = []
    if scheduler in LOCAL_SCHEDULERS:
        n_workers = 1 if scheduler == "synchronous" else workers or os.cpu_count() or 1
        parts = bag_for(n_workers, elements)

        def posttask(key: Any, result: Any, *_: Any) -> None:
            if isinstance(key, tuple) and key and key[0] == parts.name:
                advance(len(result))

        extra: dict[str, Any] = {}
        if scheduler == "threads":
            extra["num_workers"] = n_workers
        elif scheduler == "processes":
            # Our own pool, so as not to wait for the workers to exit (a second or
            # so each, with spaCy loaded): they exit while the caller goes on.
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            context = dask.config.get("multiprocessing.context", "spawn")
            extra["pool"] = ProcessPoolExecutor(
                n_workers, mp_context=multiprocessing.get_context(context)
            )
            extra["chunksize"] = 1  # one partition at a time: the load stays even
        try:
            with callbacks.Callback(posttask=posttask):
                (results,) = dask.compute(parts, scheduler=scheduler, **extra)
        except BrokenProcessPool as exc:
            raise WorkerError(
                f"A worker process died while working ({exc}); most often the "
                "system stopped it for want of memory. Nothing was written. Run "
                "again with fewer --workers (or none), or on a machine with more "
                "memory."
            ) from None
        finally:
            if "pool" in extra:
                extra["pool"].shutdown(wait=False, cancel_futures=True)
    else:
        try:
            distributed: Any = importlib.import_module("distributed")
        except ImportError as exc:
            raise missing_extra("distributed", "dask") from exc
        with _connect(distributed, scheduler) as client:
            n_workers = sum(client.nthreads().values())
            parts = bag_for(n_workers, elements if remote is None else remote)
            futures = client.compute(parts.to_delayed())
            for future in distributed.as_completed(futures):
                batch = future.result()
                results.extend(batch)
                advance(len(batch))
    return [r for _, r in sorted(results, key=lambda pair: pair[0])]


def _probe(scheduler: str) -> None:
    """Refuse at once a TCP address whose port is closed or whose host is unknown.

    ``distributed.Client`` retries a refused connection until its timeout (a
    minute of silence for a mistyped port); one plain connection says it in
    :data:`PROBE_TIMEOUT_S` at most. An address of another kind, or a port that
    does not answer in time, is left to the client.

    Raises
    ------
    WorkerError
        When the connection is refused or the host name is not known.
    """
    match = _TCP.fullmatch(scheduler)
    if match is None:
        return
    host = match["ip6"] or match["host"]
    try:
        with socket.create_connection(
            (host, int(match["port"])), timeout=PROBE_TIMEOUT_S
        ):
            pass
    except (ConnectionRefusedError, socket.gaierror) as exc:
        reason = (
            "nothing listens on that port"
            if isinstance(exc, ConnectionRefusedError)
            else f"the host {host!r} is not known"
        )
        raise WorkerError(
            f"The Dask scheduler {scheduler} cannot be reached: {reason}. Check "
            "the address and that the scheduler is running (it listens on port "
            "8786 by default)."
        ) from None
    except (OSError, ValueError):
        return  # a timeout or an odd address: the client says what it finds


def _connect(distributed: Any, scheduler: str) -> Any:
    """A ``distributed.Client`` of ``scheduler``, or a :class:`WorkerError` in time.

    The client's own timeout does not hold when something takes the connection
    and never answers as a scheduler does (the dashboard's port, a proxy): it
    waits for ever, and a batch job sits until its queue's limit. So the client
    is made on a thread given :data:`CONNECT_TIMEOUT_S`; what fails there (an
    HTTP answer read as a Dask message) is said in one line, not a traceback.
    """
    _probe(scheduler)
    made: dict[str, Any] = {}

    def connect() -> None:
        try:
            made["client"] = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT_S)
        except BaseException as exc:  # said in the caller's thread
            made["error"] = exc

    thread = threading.Thread(target=connect, name="geosleuth-connect", daemon=True)
    thread.start()
    thread.join(CONNECT_TIMEOUT_S * 1.25)
    if thread.is_alive():
        raise WorkerError(
            f"{scheduler} took the connection but did not answer as a Dask "
            f"scheduler within {CONNECT_TIMEOUT_S:.0f} s. Check the address: a "
            "scheduler listens on port 8786 by default, its dashboard (8787) is no "
            "scheduler."
        )
    error = made.get("error")
    if isinstance(error, OSError):
        raise WorkerError(f"The Dask scheduler {scheduler} cannot be reached: {error}")
    if error is not None:
        raise WorkerError(
            f"{scheduler} did not answer as a Dask scheduler "
            f"({type(error).__name__}: {str(error)[:200]}). Check the address: a "
            "scheduler listens on port 8786 by default."
        )
    return made["client"]
