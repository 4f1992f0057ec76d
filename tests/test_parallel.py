"""geosleuth.parallel: partitions on each scheduler give the loop's results, in order.

The Dask schedulers are skipped without the [dask] extra; "processes" starts two
worker processes (a second or two).
"""

from __future__ import annotations

import datetime as dt
import functools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geosleuth.errors import InputError
from geosleuth.evidence import Provenance, Sighting
from geosleuth.fuse import NamedPlace, fuse, timeline
from geosleuth.geometry import Point
from geosleuth.grid import Grid
from geosleuth.locate import timeline_of
from geosleuth.parallel import map_partitions


def shifted(part: list[int], by: int = 0) -> list[tuple[int, int]]:
    """One result per element, and the partition's size: shows the partitions."""
    return [(x + by, len(part)) for x in part]


@given(st.lists(st.integers(-1000, 1000), max_size=40))
def test_serial_is_one_call_on_everything(xs):
    assert map_partitions(shifted, xs) == [(x, len(xs)) for x in xs]


@pytest.mark.parametrize(
    ("scheduler", "workers"),
    [("synchronous", None), ("threads", 2), ("processes", 2)],
)
def test_local_dask_schedulers_keep_the_order_in_partitions(scheduler, workers):
    pytest.importorskip("dask.bag")
    xs = list(range(37))
    seen: list[tuple[int, int]] = []
    out = map_partitions(
        functools.partial(shifted, by=5), xs, scheduler=scheduler, workers=workers,
        progress=lambda done, total: seen.append((done, total)),
    )  # fmt: skip
    assert [r for r, _ in out] == [x + 5 for x in xs]
    sizes = [n for _, n in out]
    assert max(sizes) < len(xs)  # cut into partitions, not one call
    assert seen[-1] == (37, 37) and len(seen) > 1


def test_a_cluster_gets_the_remote_elements():
    pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster:
        out = map_partitions(
            shifted, [1, 2, 3], scheduler=cluster.scheduler_address,
            remote=[10, 20, 30],
        )  # fmt: skip
    assert [r for r, _ in out] == [10, 20, 30]


def test_bad_schedulers_workers_and_remote_are_refused():
    with pytest.raises(InputError, match="The scheduler must be one of"):
        map_partitions(shifted, [1], scheduler="cluster")
    with pytest.raises(InputError, match="does not apply to the scheduler 'serial'"):
        map_partitions(shifted, [1], workers=2)
    with pytest.raises(InputError, match="remote must have one element per element"):
        map_partitions(shifted, [1, 2], remote=[1])
    assert map_partitions(shifted, [], scheduler="processes", workers=2) == []


def test_a_timeline_on_processes_is_the_serial_one():
    pytest.importorskip("dask.bag")
    grid = Grid.around(40.8, 34.7, radius_km=40.0, cell_km=2.0)
    start = dt.date(2018, 1, 1)
    items = [
        Sighting(
            id=f"s{k}", date=start + dt.timedelta(days=2 * k),
            provenance=Provenance(document=f"d{k}",
                                  published=start + dt.timedelta(days=2 * k)),
            place=Point(40.8 + 0.03 * (k % 4), 34.7 - 0.02 * (k % 3)),
            place_name=f"p{k % 4}", sigma_km=3.0,
        )
        for k in range(12)
    ]  # fmt: skip
    as_of = start + dt.timedelta(days=30)
    est = fuse(items, grid, as_of=as_of, contributions=False)
    serial = timeline_of(est, items)
    parallel = timeline_of(est, items, scheduler="processes", workers=2)
    assert len(serial) == 13 and parallel == serial
    top = [NamedPlace(p.name, p.lon, p.lat) for p in est.places[:6]]
    assert serial == timeline(items, grid, as_of=as_of, places=top, max_points=60)


def die(part: list[int]) -> list[int]:
    """A worker that the system stops (out of memory): the process is gone."""
    import os

    os._exit(9)


def test_a_worker_process_that_dies_is_one_clear_error() -> None:
    """review r12, F4: a 50-line traceback of BrokenProcessPool."""
    pytest.importorskip("dask.bag")
    from geosleuth.errors import WorkerError

    with pytest.raises(WorkerError, match="A worker process died while working"):
        map_partitions(die, [1, 2, 3, 4], scheduler="processes", workers=2)


def test_an_address_that_is_no_dask_scheduler_is_refused_in_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """review r12, F3: a port that takes the connection and never answers hung."""
    pytest.importorskip("distributed")
    import socket
    import time

    import geosleuth.parallel as parallel
    from geosleuth.errors import WorkerError

    monkeypatch.setattr(parallel, "CONNECT_TIMEOUT_S", 1.0)
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(5)
        port = listener.getsockname()[1]
        start = time.monotonic()
        with pytest.raises(WorkerError, match="did not answer as a Dask scheduler"):
            map_partitions(shifted, [1, 2], scheduler=f"tcp://127.0.0.1:{port}")
        assert time.monotonic() - start < 30


def test_a_closed_port_is_refused_at_once() -> None:
    """review r28, L10: a scheduler address on a closed port waited 60 s."""
    pytest.importorskip("distributed")
    import socket
    import time

    from geosleuth.errors import WorkerError

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # bound, never listening: refused
        start = time.monotonic()
        with pytest.raises(WorkerError, match="nothing listens on that port"):
            map_partitions(shifted, [1, 2], scheduler=f"tcp://127.0.0.1:{port}")
        assert time.monotonic() - start < 5


def test_an_unknown_scheduler_host_is_named() -> None:
    pytest.importorskip("distributed")
    from geosleuth.errors import WorkerError

    with pytest.raises(WorkerError, match=r"the host 'no-such-host\.invalid' is not"):
        map_partitions(shifted, [1], scheduler="tcp://no-such-host.invalid:8786")
