"""Calibration: does the 50 % (90 %) area hold the target 50 % (90 %) of the time?

A simulation study with known answers. Each trial:

1. The target stands at a point drawn uniformly over a 100 km square (1 km
   cells, ``geosleuth.grid.Grid.around``): the uniform prior of the estimate.
2. Reports of it are generated, each with a NATO grade drawn from B2, C3, D4 and
   a hedge from certain / probable, so that its probability of being true is
   ``r = GradeTable.p_true(grade, hedge)`` (0.15-0.68), and a positional σ of 2, 5
   or 10 km. A true report is the target's position plus isotropic Gaussian noise
   of that σ; a false one is uniform over the square.
3. The reports become target sightings with that grade, hedge and ``sigma_km``,
   and are fused (``geosleuth.fuse.fuse``, all on one day, no contributions).
4. The trial records whether the target's cell lies in the estimate's 50 % and
   90 % highest-density regions (a cell of a plateau the region needs only part
   of, by that share: ``geosleuth.fuse.hdr_weights``), their areas, and the log
   score.

Scenarios:

- **independent**: 1-6 reports, each an observation of its own. The model is
  the one the reports were made with, so the areas should hold the target at
  their nominal rates (an HDR holds *at least* its level, by a cell at most).
- **copied**: 1-3 documents, each making one observation and repeating it in 3
  items (three officials quoting one source). Analysed as if independent
  (``source_correlation`` 0, the default) the copies count three times and the
  areas are too small; with ``source_correlation: 1`` (each document counts
  once, ``geosleuth.dependence``) they should be right again.

Prints a table: per scenario and analysis, the share of trials whose target lies
in the 50 % and 90 % areas (± one binomial standard error), the median areas and
the mean log score of the target's cell (higher is better).

The fusion warns, as it should, when the study region's edge cuts the
evidence: a report drawn near the square's edge (a true one of a target near
it, or a false one) points past it. Here the square is the prior itself, not a
region drawn by hand, so the warnings are counted, not shown: one line under the
table gives their number and what they said.

Run: ``python eval/calibration.py [--trials 3000] [--seed 20261126]`` (about 20 s).
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import re
import sys
import time
import warnings
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from geosleuth.errors import GeosleuthWarning
from geosleuth.evidence import DEFAULT_GRADES, Grade, Provenance, Sighting
from geosleuth.fuse import Settings, fuse, hdr_weights
from geosleuth.geometry import Point
from geosleuth.grid import Grid

DAY = dt.date(2024, 6, 1)
GRADES = ("B2", "C3", "D4")
HEDGES = ("certain", "probable")
SIGMAS_KM = (2.0, 5.0, 10.0)


@dataclass
class Tally:
    """What the trials of one scenario and analysis gave."""

    in50: float = 0.0
    in90: float = 0.0
    n: int = 0
    area50: list[float] = field(default_factory=list)
    area90: list[float] = field(default_factory=list)
    log_score: float = 0.0

    def add(self, p: np.ndarray, cell: int, grid: Grid) -> None:
        # a cell of a tie block that the region needs only part of counts by
        # that share: its chance of being in the region, ties broken at random
        h50, h90 = hdr_weights(p, (0.5, 0.9))
        self.n += 1
        self.in50 += float(h50[cell])
        self.in90 += float(h90[cell])
        self.area50.append(float(h50.sum() * grid.cell_area_km2))
        self.area90.append(float(h90.sum() * grid.cell_area_km2))
        self.log_score += math.log(max(float(p[cell]), 1e-300))


def report(
    rng: np.random.Generator, grid: Grid, x: float, y: float
) -> tuple[float, float, str, str, float]:
    """One observation: its position (plane km), grade, hedge and σ."""
    grade = GRADES[rng.integers(len(GRADES))]
    hedge = HEDGES[rng.integers(len(HEDGES))]
    sigma = SIGMAS_KM[rng.integers(len(SIGMAS_KM))]
    r = DEFAULT_GRADES.p_true(Grade.parse(grade), hedge)
    if rng.random() < r:
        px, py = x + rng.normal(0.0, sigma), y + rng.normal(0.0, sigma)
    else:
        px = rng.uniform(grid.west_km, grid.east_km)
        py = rng.uniform(grid.south_km, grid.north_km)
    return px, py, grade, hedge, sigma


def sightings(
    grid: Grid, observations: list[tuple[float, float, str, str, float]], copies: int
) -> list[Sighting]:
    """Each observation as ``copies`` items of one document."""
    out = []
    for k, (px, py, grade, hedge, sigma) in enumerate(observations):
        lon, lat = grid.xy_km_to_lonlat(px, py)
        out.extend(
            Sighting(
                id=f"r{k}-{c}",
                provenance=Provenance(document=f"doc{k}", published=DAY),
                date=DAY,
                place=Point(float(lon), float(lat)),
                sigma_km=sigma,
                grade=Grade.parse(grade),
                hedge=hedge,  # type: ignore[arg-type]
            )
            for c in range(copies)
        )
    return out


def simulate(trials: int, seed: int) -> tuple[Grid, dict[tuple[str, str], Tally]]:
    """Run the trials; the grid and each scenario's tally (see the module doc)."""
    rng = np.random.default_rng(seed)
    grid = Grid.around(0.0, 45.0, radius_km=50.0, cell_km=1.0)
    cases = {
        ("independent", "as independent (ρ = 0)"): Tally(),
        ("copied ×3", "as independent (ρ = 0)"): Tally(),
        ("copied ×3", "source_correlation ρ = 1"): Tally(),
    }
    for _ in range(trials):
        span_x = grid.east_km - grid.west_km
        span_y = grid.north_km - grid.south_km
        x = grid.west_km + span_x * rng.uniform()
        y = grid.south_km + span_y * rng.uniform()
        lon, lat = grid.xy_km_to_lonlat(x, y)
        cell = int(grid.lonlat_to_cell(float(lon), float(lat)))

        own = [report(rng, grid, x, y) for _ in range(int(rng.integers(1, 7)))]
        est = fuse(sightings(grid, own, 1), grid, as_of=DAY, contributions=False)
        cases["independent", "as independent (ρ = 0)"].add(est.posterior, cell, grid)

        shared = [report(rng, grid, x, y) for _ in range(int(rng.integers(1, 4)))]
        items = sightings(grid, shared, 3)
        for rho, key in ((0.0, "as independent (ρ = 0)"),
                         (1.0, "source_correlation ρ = 1")):  # fmt: skip
            est = fuse(
                items, grid, as_of=DAY, contributions=False,
                settings=Settings(source_correlation=rho),
            )  # fmt: skip
            cases["copied ×3", key].add(est.posterior, cell, grid)
    return grid, cases


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=20261126)
    args = parser.parse_args()
    if args.trials < 1:
        print("error: --trials must be at least 1.", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", GeosleuthWarning)
        grid, cases = simulate(args.trials, args.seed)
    seconds = time.perf_counter() - t0
    said = warned(caught, fusions=3 * args.trials)  # three analyses a trial

    def share(k: int, n: int) -> str:
        p = k / n
        return f"{100 * p:.1f} % ± {100 * math.sqrt(p * (1 - p) / n):.1f}"

    print("# Calibration of the 50 % and 90 % areas (simulated reports, known target)")
    print()
    print(
        f"{args.trials} trials, seed {args.seed}, {grid.nx} × {grid.ny} cells of "
        f"{grid.cell_km:g} km; grades {', '.join(GRADES)}, hedges "
        f"{' / '.join(HEDGES)}, σ {', '.join(f'{s:g}' for s in SIGMAS_KM)} km; "
        f"{seconds:.0f} s."
    )
    print()
    print(
        "| reports | analysed | target in 50 % area | target in 90 % area | "
        "median 50 % / 90 % area | mean log score |"
    )
    print("|---|---|---:|---:|---:|---:|")
    for (scenario, how), t in cases.items():
        a50, a90 = float(np.median(t.area50)), float(np.median(t.area90))
        print(
            f"| {scenario} | {how} | {share(t.in50, t.n)} | {share(t.in90, t.n)} | "
            f"{a50:,.0f} / {a90:,.0f} km² | {t.log_score / t.n:.2f} |"
        )
    if said:
        print()
        print(said)
    return 0


def warned(caught: list[warnings.WarningMessage], *, fusions: int) -> str:
    """One line for the warnings of ``fusions`` fusions: how many, and what they said.

    Each warning is known by its first clause, before its figures ("The study
    region's edge cuts the evidence"); warnings not geosleuth's pass on as they
    came.

    Examples
    --------
    >>> w = warnings.WarningMessage(
    ...     GeosleuthWarning("The edge cuts the evidence: at 29 % of its peak."),
    ...     GeosleuthWarning, "x.py", 1)
    >>> warned([w, w], fusions=9)
    "Of the 9 fusions, 2 warned 'The edge cuts the evidence' (counted, not shown: ..."
    >>> warned([], fusions=9)
    ''
    """
    kinds: Counter[str] = Counter()
    for w in caught:
        if not issubclass(w.category, GeosleuthWarning):
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
            continue
        kinds[re.split(r"[:(.;]", str(w.message), maxsplit=1)[0].strip()] += 1
    if not kinds:
        return ""
    said = "; ".join(f"{n:,} warned {kind!r}" for kind, n in kinds.most_common())
    return (
        f"Of the {fusions:,} fusions, {said} (counted, not shown: a report near the "
        "square's edge points past it, as expected where the square is the prior)."
    )


if __name__ == "__main__":
    sys.exit(main())
