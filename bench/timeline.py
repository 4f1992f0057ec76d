"""A case run on a large corpus: the estimate, and its timeline over many dates.

Prints, in one run, for ``--items`` target sightings (each its own item, as read
from a corpus: one factor each) published on ``--days`` different days over a
300 × 300 grid of 1 km cells:

- the time of ``fuse`` with leave-one-out contributions (what ``locate`` shows),
  and of the same on ``--workers`` threads (``fuse(workers=N)``, as ``geosleuth
  locate --workers N`` runs it), with a check that the contributions are equal;
- the time of ``timeline`` with a point for every date (each point an estimate
  without contributions, its factors summed as they come);
- the time of the timeline a case run makes, at most
  ``geosleuth.locate.TIMELINE_POINTS`` points (the dates at evenly spaced ranks);
- that the thinned timeline's points equal the full one's on the same dates;
- the time of that timeline on ``--workers`` local processes
  (``geosleuth.locate.timeline_of`` with ``scheduler="processes"``, as
  ``geosleuth locate --workers N`` runs it; process start-up included), and that
  its points are the same. Needs the [dask] extra; ``--workers 1`` skips it.

Run: ``python bench/timeline.py`` (about 1-2 minutes on 2 cores, most of it the
full timeline); ``--items 300 --days 100`` for a quick look. Set
``OPENBLAS_NUM_THREADS=1`` on a busy machine: BLAS threads that wait for a core
can double the times.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time

import numpy as np

from geosleuth.evidence import Provenance, Sighting
from geosleuth.fuse import NamedPlace, fuse, timeline
from geosleuth.geometry import Point
from geosleuth.grid import Grid
from geosleuth.locate import TIMELINE_POINTS, timeline_of


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--items", type=int, default=1000)
    ap.add_argument("--days", type=int, default=300)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()

    rng = np.random.default_rng(args.seed)
    grid = Grid.around(40.8, 34.7, radius_km=150.0, cell_km=1.0)
    start = dt.date(2018, 1, 1)
    items = []
    for i in range(args.items):
        day = start + dt.timedelta(days=int(rng.integers(0, args.days)))
        lon, lat = 40.8 + rng.normal(0, 0.3), 34.7 + rng.normal(0, 0.3)
        items.append(
            Sighting(
                id=f"s{i}",
                provenance=Provenance(document=f"doc{i // 3}", published=day),
                date=day,
                place=Point(lon, lat),
                place_name=f"place {i % 20}",
                sigma_km=5.0,
            )
        )
    as_of = start + dt.timedelta(days=args.days)
    n_dates = len({i.known_on for i in items} | {as_of})
    print(
        f"{args.items} sightings published on {n_dates - 1} days, "
        f"{grid.n_cells:,} cells"
    )

    t0 = time.perf_counter()
    est = fuse(items, grid, as_of=as_of)
    t_fuse = time.perf_counter() - t0
    print(f"fuse with contributions:        {t_fuse:6.2f} s")
    if args.workers > 1:
        t0 = time.perf_counter()
        threaded = fuse(items, grid, as_of=as_of, workers=args.workers)
        t_thr = time.perf_counter() - t0
        print(
            f"the same on {args.workers} threads:         {t_thr:6.2f} s "
            f"({t_fuse / t_thr:.1f}x; same contributions: "
            f"{threaded.contributions == est.contributions})"
        )
    places = [NamedPlace(p.name, p.lon, p.lat) for p in est.places[:6]]

    t0 = time.perf_counter()
    full = timeline(items, grid, as_of=as_of, places=places, settings=est.settings)
    t_full = time.perf_counter() - t0
    print(f"timeline, every date ({len(full):3d} pts): {t_full:6.2f} s")

    t0 = time.perf_counter()
    thin = timeline(
        items,
        grid,
        as_of=as_of,
        places=places,
        settings=est.settings,
        max_points=TIMELINE_POINTS,
    )
    t_thin = time.perf_counter() - t0
    print(f"timeline, a case run's ({len(thin):3d} pts): {t_thin:6.2f} s")
    by_day = {p.as_of: p.probabilities for p in full}
    same = all(p.probabilities == by_day[p.as_of] for p in thin)
    print(f"thinned points equal the full timeline's on their dates: {same}")
    if args.workers > 1:
        t0 = time.perf_counter()
        on_workers = timeline_of(
            est, items, scheduler="processes", workers=args.workers
        )
        t_par = time.perf_counter() - t0
        print(
            f"the same on {args.workers} processes:      {t_par:6.2f} s "
            f"({t_thin / t_par:.1f}x; same points: {on_workers == thin})"
        )


if __name__ == "__main__":
    main()
