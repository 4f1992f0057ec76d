"""Time a track of timed fixes (``geosleuth.fuse.track``), with and without LOO.

A walker's fixes every ~20 minutes along a 16 km line, on 400 × 400 cells of 100 m,
at a walk of 1 km² an hour (``diffusion_km2_per_day`` 24). Seeded. Prints, for each
track length, the best of ``--repeat`` runs of ``fuse`` without and with its
leave-one-out contributions (each fix left out follows the others again, so the
second grows with the square of the length; above the grid's limit,
``geosleuth.fuse.contributions.track_limit``, each fix reports the whole track's
shift instead). Then the same with ``--searches`` timed searches of 2 × 2 km
beside the line, between the fixes, threaded through the track (each search's
figure is judged on the smoother of its moment, and each is left out in turn).
Last, the map alone with ``--many`` timed searches (one every few minutes) along
10 fixes on a small grid of 100 × 100 cells of 300 m: judging each search at its
moment follows the track once forward and once back for all of them, so the time
grows with the number of searches, not its square.

Run: ``python bench/track.py [--fixes 5 20 40] [--searches 5] [--many 40 80]
[--repeat 3]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time

import numpy as np

from geosleuth.evidence import EvidenceItem, Grade, Provenance, Searched, Sighting
from geosleuth.fuse import Settings, fuse
from geosleuth.fuse.contributions import track_limit
from geosleuth.geometry import Area, Point
from geosleuth.grid import Grid

DAY = dt.date(2024, 10, 12)


def _fixes(grid: Grid, n: int, rng: np.random.Generator) -> list[Sighting]:
    out = []
    for k in range(n):
        lon, lat = grid.xy_km_to_lonlat(-8.0 + 16.0 * k / n, float(rng.normal(0, 1)))
        minutes = 6 * 60 + round(12 * 60 * k / n)
        out.append(
            Sighting(
                id=f"f{k}",
                provenance=Provenance(document="log"),
                date=DAY,
                time=dt.time(minutes // 60, minutes % 60),
                place=Point(float(lon), float(lat)),
                sigma_km=0.3,
                grade=Grade.parse("B2"),
            )
        )
    return out


def _searches(grid: Grid, n: int, half_km: float = 8.0) -> list[Searched]:
    out = []
    for k in range(n):
        x = (half_km - 1.0) * (2.0 * (k + 0.5) / n - 1.0)
        # beside the path, where he might have strayed
        (w, s), (e, no) = (
            grid.xy_km_to_lonlat(x - 1, 1.0),
            grid.xy_km_to_lonlat(x + 1, 3.0),
        )
        minutes = 6 * 60 + 10 + round(12 * 60 * (k + 0.5) / n)
        out.append(
            Searched(
                id=f"s{k}",
                provenance=Provenance(document="log"),
                date=DAY,
                time=dt.time(minutes // 60, minutes % 60),
                area=Area.box(float(w), float(s), float(e), float(no)),
                pd=0.5,
            )
        )
    return out


def _best(repeat: int, run: object) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fixes", type=int, nargs="*", default=[5, 20, 40])
    ap.add_argument("--searches", type=int, default=5)
    ap.add_argument("--many", type=int, nargs="*", default=[40, 80])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    grid = Grid.around(0.0, 0.0, radius_km=20.0, cell_km=0.1)
    settings = Settings(diffusion_km2_per_day=24.0)
    rng = np.random.default_rng(1)
    print(
        f"{grid.shape[0]} x {grid.shape[1]} cells; fixes left out one by one up to "
        f"{track_limit(grid.n_cells)} (fixes and searches together)"
    )
    searches = _searches(grid, args.searches)
    print(
        "fixes   map (s)   with contributions (s)   "
        f"with {args.searches} searches: map (s)   with contributions (s)"
    )
    for n in args.fixes:
        fixes: list[EvidenceItem] = list(_fixes(grid, n, rng))

        def run(items: list[EvidenceItem], loo: bool = False) -> None:
            fuse(items, grid, as_of=DAY, settings=settings, contributions=loo)

        row = []
        for items in (fixes, [*fixes, *searches]):
            row.append(_best(args.repeat, lambda items=items: run(items)))
            row.append(_best(args.repeat, lambda items=items: run(items, loo=True)))
        print(
            f"{n:5d}   {row[0]:7.2f}   {row[1]:22.2f}   {row[2]:26.2f}   {row[3]:22.2f}"
        )
    if not args.many:
        return
    small = Grid.around(0.0, 0.0, radius_km=15.0, cell_km=0.3)
    walker: list[EvidenceItem] = list(_fixes(small, 10, np.random.default_rng(1)))
    print(f"{small.shape[0]} x {small.shape[1]} cells, 10 fixes")
    print("timed searches   map (s)")
    for n in args.many:
        items = [*walker, *_searches(small, n, half_km=5.0)]
        took = _best(
            args.repeat,
            lambda items=items: fuse(
                items, small, as_of=DAY, settings=settings, contributions=False
            ),
        )
        print(f"{n:14d}   {took:7.2f}")


if __name__ == "__main__":
    main()
