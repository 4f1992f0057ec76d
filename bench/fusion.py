"""Fusion speed: 10,000 sightings into 1,000,000 cells, against scipy's gaussian_kde.

Prints, in one run:

- the time of ``geosleuth.fuse.fuse`` on 10,000 target sightings of one subject
  (one mixture group, equal σ, taken at face value) over a 1000 × 1000 grid of 1 km
  cells, the sighting objects built beforehand (outside the timed part);
- the time of the kernel alone (``gaussian_mixture_density``);
- the time of the obvious baseline, ``scipy.stats.gaussian_kde`` with the same
  isotropic covariance σ²·I evaluated on the same cell centres;
- their ratio, and the maximum relative error between the two densities on the
  cells where both are normal floating-point numbers (> 1e-290), and between the
  posterior and the same model's posterior computed from the baseline density.

Run: ``python bench/fusion.py`` (about 1-3 minutes on 2 cores, most of it the
baseline). ``--cells-side`` and ``--events`` shrink it for a quick look.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time

import numpy as np
from scipy.stats import gaussian_kde

from geosleuth.evidence import Provenance, Sighting
from geosleuth.fuse import Settings, fuse, gaussian_mixture_density
from geosleuth.geometry import Point
from geosleuth.grid import Grid


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cells-side", type=int, default=1000)
    ap.add_argument("--events", type=int, default=10_000)
    ap.add_argument("--sigma-km", type=float, default=8.0)
    ap.add_argument("--seed", type=int, default=20180512)
    args = ap.parse_args()

    rng = np.random.default_rng(args.seed)
    n_side = args.cells_side
    grid = Grid.around(40.8, 34.7, radius_km=n_side / 2.0, cell_km=1.0)
    # events: a mixture of 12 clusters inside the grid
    centres = rng.uniform(-0.35 * n_side, 0.35 * n_side, size=(12, 2))
    which = rng.integers(0, 12, size=args.events)
    xy = centres[which] + rng.normal(0.0, 0.05 * n_side, size=(args.events, 2))
    lons, lats = grid.xy_km_to_lonlat(xy[:, 0], xy[:, 1])
    day = dt.date(2018, 5, 12)
    prov = Provenance(document="bench")
    # σ of the model: sigma_km² + cell²/12 (a point's spread within its cell)
    sigma_item = float(np.sqrt(args.sigma_km**2 - 1.0 / 12.0))
    items = [
        Sighting(
            id=f"s{i}",
            provenance=prov,
            date=day,
            place=Point(lo, la),
            sigma_km=sigma_item,
            group="one subject",
        )
        for i, (lo, la) in enumerate(zip(lons.tolist(), lats.tolist(), strict=True))
    ]
    settings = Settings(diffusion_km2_per_day=0.0)
    print(
        f"grid {grid.nx} x {grid.ny} = {grid.n_cells:,} cells of "
        f"{grid.cell_area_km2:g} km²; {args.events:,} sightings, σ = "
        f"{args.sigma_km} km"
    )

    t0 = time.perf_counter()
    est = fuse(
        items, grid, as_of=day, settings=settings, places=[], contributions=False
    )
    t_fuse = time.perf_counter() - t0

    px, py = grid.lonlat_to_xy_km(lons, lats)
    t0 = time.perf_counter()
    dens = gaussian_mixture_density(px, py, grid, sigma_km=args.sigma_km)
    t_kernel = time.perf_counter() - t0

    cx, cy = grid.cell_xy_km()
    kde = gaussian_kde(np.vstack([px, py]), bw_method=1.0)
    kde._data_covariance = np.eye(2) * args.sigma_km**2  # isotropic σ²·I
    kde._data_cho_cov = np.eye(2) * args.sigma_km
    kde._compute_covariance()
    t0 = time.perf_counter()
    ref = kde.evaluate(np.vstack([cx, cy]))
    t_kde = time.perf_counter() - t0

    both = (dens > 1e-290) & (ref > 1e-290)
    rel = np.abs(dens[both] - ref[both]) / ref[both]
    # the model's posterior from the baseline density: the sightings are taken at
    # face value, r = settings.max_reliability, so L = r·K + (1 − r), K = f·A
    r = settings.max_reliability
    ref_like = r * ref * grid.area_km2 + (1.0 - r)
    ref_post = ref_like / ref_like.sum()
    post_rel = np.abs(est.posterior - ref_post) / ref_post
    print(f"geosleuth fuse (10k sightings -> posterior): {t_fuse:8.2f} s")
    print(f"  of which the kernel sum:                   {t_kernel:8.2f} s")
    print(f"scipy gaussian_kde.evaluate (baseline):      {t_kde:8.2f} s")
    print(f"speed-up, baseline / fuse:                   {t_kde / t_fuse:8.1f} x")
    print(f"speed-up, baseline / kernel:                 {t_kde / t_kernel:8.1f} x")
    print(
        f"max relative error, density vs baseline:     {rel.max():.2e} "
        f"(over {both.sum():,} of {grid.n_cells:,} cells)"
    )
    print(f"max relative error, posterior vs baseline:   {post_rel.max():.2e}")


if __name__ == "__main__":
    main()
