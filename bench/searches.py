"""Time ``fuse`` with its leave-one-out contributions for many searches of one day.

``geosleuth searched --plan`` records a plan as a dozen bands, each a search
of its own (review r60, M2): three plans carried out in a day are some 35
searches at one moment. Here a walker's three timed fixes on 200 × 200 cells
of 100 m, a walk of 4 km² a day, and ``N`` searches of one day, the bands of three
overlapping plans (nested square rings, turned: their edges cut many cells,
and cells that two or more cut in part are cut by each in the grid's plane:
:func:`~geosleuth.fuse.searches._day_miss`). Seeded. For each ``N``, prints
the best of ``--repeat`` runs of ``fuse`` (what ``geosleuth locate`` does
after reading the case, contributions included), with the searches timed
(threaded through the track, one moment) and untimed (one factor of the
day), and how many search coverages each made
(:func:`~geosleuth.geometry.coverage`). Leaving each search out used to
cover the day's others again: n·(n − 1) coverages, and as many cuts; it is now
a few per search (:class:`~geosleuth.fuse.searches.SearchDay`).

Run: ``python bench/searches.py [--searches 0 10 30 60] [--repeat 1]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import time
import warnings
from typing import Any

import numpy as np

from geosleuth._types import FloatArray
from geosleuth.evidence import EvidenceItem, Provenance, Searched, Sighting
from geosleuth.fuse import Settings, fuse, searches
from geosleuth.geometry import Area, Point
from geosleuth.grid import Grid

DAY = dt.date(2024, 10, 13)
GRID = Grid.around(-4.05, 53.07, radius_km=10.0, cell_km=0.1)
SETTINGS = Settings(rest_of_world=0.1, diffusion_km2_per_day=4.0)


def _fixes() -> list[Sighting]:
    out = []
    for k, (x, y, hour) in enumerate(
        [(-3.0, -1.0, 8), (-1.0, 0.0, 11), (1.0, 1.0, 14)]
    ):
        lon, lat = GRID.xy_km_to_lonlat(x, y)
        out.append(
            Sighting(
                id=f"f{k}",
                provenance=Provenance(document="phone"),
                date=dt.date(2024, 10, 12),
                time=dt.time(hour, 0),
                place=Point(float(lon), float(lat)),
                sigma_km=0.5,
            )
        )
    return out


def _ring(x: float, y: float, half_km: float, turn: float) -> FloatArray:
    """A square of side 2·half_km turned by ``turn`` rad, as [lon, lat] rows."""
    corners = [
        (x + half_km * math.cos(turn + a), y + half_km * math.sin(turn + a))
        for a in (0.25 * math.pi, 0.75 * math.pi, 1.25 * math.pi, 1.75 * math.pi)
    ]
    xs, ys = (np.array(v) for v in zip(*corners, strict=True))
    lons, lats = GRID.xy_km_to_lonlat(xs, ys)
    return np.column_stack([lons, lats])


def _searches(n: int, *, timed: bool) -> list[Searched]:
    """Three plans' bands: nested square rings about each plan's centre.

    A plan's bands are disjoint, as ``searched --plan`` records them (its
    cells of one POD step); the three plans overlap, turned against the grid
    and each other, so their edges cut many cells.
    """
    centres = [(-1.5, 0.0, 0.3), (0.0, 1.0, 0.6), (1.0, -0.5, 0.9)]
    per_plan = -(-n // 3)
    out = []
    for k in range(n):
        cx, cy, turn = centres[k % 3]
        band = k // 3
        outer = 0.4 + 2.6 * (band + 1) / per_plan
        rings = (_ring(cx, cy, outer, turn),)
        if band:  # a ring about the band inside it
            inner = 0.4 + 2.6 * band / per_plan
            rings = (*rings, _ring(cx, cy, inner, turn)[::-1])
        out.append(
            Searched(
                id=f"band{k}",
                provenance=Provenance(document=f"plan{k % 3}"),
                date=DAY,
                time=dt.time(10, 0) if timed else None,
                area=Area(polygons=(rings,)),
                pd=0.6 * (1.0 - band / per_plan) + 0.02,  # falling outward
            )
        )
    return out


def _run(items: list[EvidenceItem], repeat: int) -> tuple[float, int]:
    count = [0]
    real = searches.coverage

    def counted(*args: Any, **kwargs: Any) -> Any:
        count[0] += 1
        return real(*args, **kwargs)

    best = math.inf
    setattr(searches, "coverage", counted)  # noqa: B010
    try:
        for _ in range(repeat):
            count[0] = 0
            t0 = time.perf_counter()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                fuse(items, GRID, as_of=DAY, settings=SETTINGS)
            best = min(best, time.perf_counter() - t0)
    finally:
        setattr(searches, "coverage", real)  # noqa: B010
    return best, count[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--searches", type=int, nargs="+", default=[0, 10, 30, 60])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    print(f"{GRID.nx} x {GRID.ny} cells of {GRID.cell_km * 1000:.0f} m, 3 fixes")
    print(
        f"{'N':>4} {'timed s':>9} {'coverages':>10} {'untimed s':>10} {'coverages':>10}"
    )
    for n in args.searches:
        timed, c_timed = _run([*_fixes(), *_searches(n, timed=True)], args.repeat)
        untimed, c_untimed = _run([*_fixes(), *_searches(n, timed=False)], args.repeat)
        print(f"{n:>4} {timed:>9.2f} {c_timed:>10} {untimed:>10.2f} {c_untimed:>10}")


if __name__ == "__main__":
    main()
