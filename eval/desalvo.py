"""The Boston Strangler series: the hit score of the offender's residence.

Reads ../shared/data/desalvo/ (see its SOURCE.md; never copied into the repository):
13 incidents (1962-1964) and the residence that the rgeoprofile package marks in
Malden, MA. Prints the residence's hit score for CGT, the DPM and the baselines.

Study area: the 13 incidents' bounding box in the LAEA plane plus 10 % of its
width on the west and east and of its height on the south and north; 400 square
cells along the longer side. Rossmo (2000, Table 10.1) reports 17.8 % for CGT on
14 DeSalvo sites over a 1,256 km² hunting area (a different area and site list).

Usage: python eval/desalvo.py [--seed N]
"""

from __future__ import annotations

import argparse
import sys
import time

import numpy as np
from _common import SHARED, missing_data, read_csv

from geosleuth.profile import (
    DPMProfiler,
    centre_of_minimum_distance_scores,
    cgt_scores,
    estimate_cgt_buffer_km,
    gaussian_kde_scores,
    hit_score,
    spatial_mean_scores,
    study_area_grid,
)

DESALVO = SHARED / "data" / "desalvo"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1, help="DPM seed (default 1)")
    args = parser.parse_args()
    needed = [DESALVO / "incidents.csv", DESALVO / "anchor.csv"]
    if missing_data("DeSalvo", needed):
        return 2
    incidents = read_csv(DESALVO / "incidents.csv")
    anchor = read_csv(DESALVO / "anchor.csv")[0]
    lons = np.array([float(r["lon"]) for r in incidents])
    lats = np.array([float(r["lat"]) for r in incidents])
    grid = study_area_grid(lons, lats, margin=0.10, n_side=400)
    cx, cy = grid.cell_xy_km()
    ex, ey = grid.lonlat_to_xy_km(lons, lats)
    home = int(grid.lonlat_to_cell(float(anchor["lon"]), float(anchor["lat"])))
    if home < 0:
        print("error: the residence lies outside the study area", file=sys.stderr)
        return 1
    buffer = estimate_cgt_buffer_km(ex, ey)

    print("# Boston Strangler (DeSalvo): the residence")
    print()
    print(
        f"Study area: the 13 incidents' box + 10 % margin, {grid.nx} × {grid.ny} cells "
        f"of {grid.cell_km * 1000:.0f} m, {grid.area_km2:.0f} km²."
    )
    print()
    print("| method | residence hit score | notes |")
    print("|---|---:|---|")
    rows: list[tuple[str, np.ndarray, str]] = []
    t0 = time.perf_counter()
    rows.append(
        (
            "CGT",
            cgt_scores(ex, ey, cx, cy, buffer_km=buffer),
            f"B = {buffer:.2f} km (half mean NN), f = g = 1.2",
        )
    )
    model = DPMProfiler(rng=args.seed).fit(ex, ey, cell_x_km=cx, cell_y_km=cy)
    rows.append(
        (
            "DPM, default prior",
            model.map_,
            f"sources mode {int(np.argmax(model.n_sources_pmf_))} (mean "
            f"{model.n_sources_mean_:.1f}), sigma {model.sigma_km_:.1f} km, R-hat max "
            f"{max(model.rhat_.values()):.2f}",
        )
    )
    for surface in ("conditional", "draws"):
        model = DPMProfiler(sigma_mean_km=1.0, surface=surface, rng=args.seed).fit(
            ex, ey, cell_x_km=cx, cell_y_km=cy
        )
        rows.append(
            (
                "DPM, RgeoProfile prior"
                + (", draws map" if surface == "draws" else ""),
                model.map_,
                f"sources mode {int(np.argmax(model.n_sources_pmf_))} (mean "
                f"{model.n_sources_mean_:.1f}), sigma {model.sigma_km_:.1f} km, R-hat "
                f"max {max(model.rhat_.values()):.2f}",
            )
        )
    rows.append(("spatial mean", spatial_mean_scores(ex, ey, cx, cy), ""))
    rows.append(
        (
            "centre of min. distance",
            centre_of_minimum_distance_scores(ex, ey, cx, cy),
            "",
        )
    )
    rows.append(("Gaussian KDE", gaussian_kde_scores(ex, ey, cx, cy), "Scott's rule"))
    for label, scores, note in rows:
        print(f"| {label} | {100.0 * hit_score(scores, home):.2f} % | {note} |")
    print()
    print(
        f"({time.perf_counter() - t0:.1f} s.) Published: Rossmo (2000) 17.8 % for CGT "
        "on 14 sites, 1,256 km² hunting area."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
