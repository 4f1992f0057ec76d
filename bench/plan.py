"""Time the optimal allocation (``geosleuth.plan.allocate_optimal``) on 1,000,000 cells.

Seeded; the posterior is built outside the timed part. Prints the best of
``--repeat`` runs, and the greedy allocation on a smaller grid for comparison.

Run: ``python bench/plan.py [--cells 1000000] [--repeat 5]``.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from geosleuth.plan import allocate_greedy, allocate_optimal

T = TypeVar("T")


def _posterior(n: int, rng: np.random.Generator) -> npt.NDArray[np.float64]:
    side = round(n**0.5)
    x, y = np.meshgrid(np.arange(side), np.arange(side))
    p = np.zeros(side * side)
    for _ in range(3):
        cx, cy = rng.uniform(0.2 * side, 0.8 * side, 2)
        s = side / 12
        p += np.exp(-0.5 * ((x - cx) ** 2 + (y - cy) ** 2).ravel() / s**2)
    p += 1e-6
    return np.asarray(p / p.sum(), dtype=np.float64)


def _best(fn: Callable[[], T], repeat: int) -> tuple[float, T]:
    t0 = time.perf_counter()
    out = fn()
    best = time.perf_counter() - t0
    for _ in range(repeat - 1):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rng = np.random.default_rng(20240601)
    p = _posterior(args.cells, rng)
    n = p.size
    area, width = 0.01, 0.02  # 100 m cells, 20 m sweep width: 0.5 km = coverage 1
    budget = 0.05 * n * area / width  # coverage 0.05 over the grid on average
    secs, plan = _best(
        lambda: allocate_optimal(p, budget, sweep_width_km=width, area_km2=area),
        args.repeat,
    )
    print(
        f"allocate_optimal: {n:,} cells, budget {budget:,.0f} km: best of "
        f"{args.repeat}: {secs:.3f} s  (POS {plan.pos:.4f}, "
        f"{int((plan.effort_km > 0).sum()):,} cells searched)"
    )
    small = _posterior(10_000, rng)
    secs_g, _ = _best(
        lambda: allocate_greedy(
            small, 500.0, sweep_width_km=width, area_km2=area, n_steps=10_000
        ),
        args.repeat,
    )
    secs_l, _ = _best(
        lambda: allocate_optimal(small, 500.0, sweep_width_km=width, area_km2=area),
        args.repeat,
    )
    print(
        f"10,000 cells: allocate_optimal {secs_l * 1e3:.1f} ms; allocate_greedy "
        f"(10,000 increments) {secs_g * 1e3:.1f} ms"
    )


if __name__ == "__main__":
    main()
