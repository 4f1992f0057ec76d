"""Speed of geographic profiling: the DPM on John Snow's data and CGT at scale.

1. DPM on the 321 Snow death addresses (../shared/data/snow/deaths_by_address.csv)
   over a square 400 × 400 study area (box + 10 % margin, widened to a square):
   sampler sweeps per second, and the wall time (sampler + map + hit score) of runs
   of increasing length, each compared with a long reference run (total-variation
   distance of the maps; "stable" = TV < 0.05) and with the Broad Street hit score.
2. CGT on a 1,000 × 1,000 raster with 10,000 events (seeded, uniform in a 10 km
   square, 10 m cells): the exact raster algorithm beside a naive chunked numpy
   broadcast (memory < 0.5 GB) in the same run, and their largest difference.

Setup happens outside the timed parts. Usage:
    python bench/profile.py [--naive-fraction F] [--skip-dpm] [--skip-cgt]
                            [--dpm-sigma-mean-km KM]
``--naive-fraction`` times the broadcast on that fraction of the cells and scales
the time up (default 1.0: the whole grid, about 1.5-2 minutes on one core).
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from pathlib import Path

import numpy as np

from geosleuth.grid import Grid
from geosleuth.profile import (
    DPMProfiler,
    cgt_scores,
    estimate_cgt_buffer_km,
    hit_score,
    study_area_grid,
)

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GEOSLEUTH_SHARED", REPO.parent / "shared"))


def bench_dpm(sigma_mean_km: float | None) -> None:
    snow = SHARED / "data" / "snow"
    if not (snow / "deaths_by_address.csv").is_file():
        print(f"DPM: skipped, {snow / 'deaths_by_address.csv'} not found")
        return
    with (snow / "deaths_by_address.csv").open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    with (snow / "pumps.csv").open(newline="") as fh:
        pumps = list(csv.DictReader(fh))
    lons = np.array([float(r["lon"]) for r in rows])
    lats = np.array([float(r["lat"]) for r in rows])
    grid = study_area_grid(lons, lats, n_side=400, square=True)
    ex, ey = grid.lonlat_to_xy_km(lons, lats)
    cx, cy = grid.cell_xy_km()
    broad = next(p for p in pumps if p["is_outbreak_source"] == "1")
    cell = int(grid.lonlat_to_cell(float(broad["lon"]), float(broad["lat"])))
    print(
        f"DPM on Snow: {lons.size} events, {grid.nx} x {grid.ny} cells, 4 chains, "
        f"seed 1, sigma prior mean "
        f"{'default' if sigma_mean_km is None else f'{sigma_mean_km} km'}"
    )

    def run(n_burnin: int, n_samples: int) -> tuple[DPMProfiler, float, float]:
        t0 = time.perf_counter()
        model = DPMProfiler(
            n_burnin=n_burnin, n_samples=n_samples, sigma_mean_km=sigma_mean_km, rng=1
        ).fit(ex, ey, cell_x_km=cx, cell_y_km=cy)
        hs = hit_score(model.map_, cell)
        return model, time.perf_counter() - t0, hs

    reference, ref_s, ref_hs = run(400, 800)
    print(
        f"  reference 400 + 800 sweeps: {ref_s:.1f} s, Broad St {100 * ref_hs:.2f} %,"
        f" R-hat max {max(reference.rhat_.values()):.2f}"
    )
    print(
        "  burn-in + kept | wall s | sampler s | sweeps/s (4 chains) | chain-sweeps/s"
        " | Broad St | TV to reference | R-hat max | stable"
    )
    stable_at = None
    for n_burnin, n_samples in ((25, 50), (50, 100), (100, 150), (150, 250)):
        model, wall, hs = run(n_burnin, n_samples)
        sweeps = n_burnin + n_samples
        rate = sweeps / model.fit_seconds_
        tv = 0.5 * float(np.abs(model.map_ - reference.map_).sum())
        stable = tv < 0.05
        if stable and stable_at is None:
            stable_at = wall
        print(
            f"  {n_burnin:>4} + {n_samples:<4}    | {wall:6.2f} "
            f"| {model.fit_seconds_:9.2f}"
            f" | {rate:19.1f} | {4 * rate:14.1f} | {100 * hs:6.2f} % | {tv:15.3f}"
            f" | {max(model.rhat_.values()):9.2f} | {'yes' if stable else 'no'}"
        )
    if stable_at is None:
        print("  no run shorter than the reference was within TV 0.05 of it")
    else:
        print(f"  wall time to a stable map: {stable_at:.2f} s")


def bench_cgt(naive_fraction: float) -> None:
    rng = np.random.default_rng(0)
    n_events, n_side, cell_km = 10_000, 1_000, 0.01
    ex = rng.uniform(0.0, n_side * cell_km, n_events)
    ey = rng.uniform(0.0, n_side * cell_km, n_events)
    grid = Grid(
        lon0=0, lat0=0, west_km=0.0, south_km=0.0, cell_km=cell_km, nx=n_side, ny=n_side
    )
    cx, cy = grid.cell_xy_km()
    buffer = estimate_cgt_buffer_km(ex, ey)
    print(
        f"CGT: {n_events} events, {n_side} x {n_side} cells, buffer "
        f"{buffer * 1000:.1f} m"
    )
    times = []
    fast = np.empty(0)
    for _ in range(3):
        t0 = time.perf_counter()
        fast = cgt_scores(ex, ey, cx, cy, buffer_km=buffer, method="raster")
        times.append(time.perf_counter() - t0)
    runs = ", ".join(f"{t:.2f}" for t in times)
    print(f"  raster algorithm: {min(times):.2f} s (best of 3: {runs})")
    n_cells = max(1, round(naive_fraction * cx.size))
    t0 = time.perf_counter()
    naive = cgt_scores(
        ex, ey, cx[:n_cells], cy[:n_cells], buffer_km=buffer, method="direct"
    )
    naive_s = (time.perf_counter() - t0) * cx.size / n_cells
    label = "" if n_cells == cx.size else f" (timed on {n_cells} cells, scaled)"
    print(f"  naive chunked broadcast: {naive_s:.1f} s{label}")
    rel = float(np.max(np.abs(fast[:n_cells] - naive) / np.abs(naive)))
    print(
        f"  speed-up {naive_s / min(times):.0f}x; largest relative difference {rel:.1e}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--naive-fraction", type=float, default=1.0)
    parser.add_argument("--skip-dpm", action="store_true")
    parser.add_argument("--skip-cgt", action="store_true")
    parser.add_argument(
        "--dpm-sigma-mean-km",
        type=float,
        default=None,
        help="DPM prior mean of sigma (default: the model's data-driven default; "
        "1.0 is RgeoProfile's Snow example)",
    )
    args = parser.parse_args()
    if not 0 < args.naive_fraction <= 1:
        print("error: --naive-fraction must be in (0, 1]", file=sys.stderr)
        return 2
    print(f"numpy {np.__version__}, {os.cpu_count()} CPU(s) visible")
    if not args.skip_dpm:
        bench_dpm(args.dpm_sigma_mean_km)
    if not args.skip_cgt:
        bench_cgt(args.naive_fraction)
    return 0


if __name__ == "__main__":
    sys.exit(main())
