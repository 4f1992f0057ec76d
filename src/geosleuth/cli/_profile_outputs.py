"""What ``geosleuth profile`` writes and says: hit scores, GeoJSON, the map, texts.

A profile's scores become hit scores, the share of the study area scoring at
least as high as a cell (:func:`cells_at_least_as_high`); its top cells and each
known source go to profile.geojson (:func:`profile_geojson`) and the map to
profile.png (:func:`profile_png`). Every hit score written to profile.json
and profile.geojson is rounded by one rule (:func:`written_hit_score_pct`,
:data:`HIT_SCORE_ROUNDING`). A known source's record and line
(:func:`truth_record`, :func:`truth_text`, :func:`written_truth`), a length in
m or km
(:func:`length_text`) and what to do when the DPM's chains disagree
(:func:`convergence_hint`) are what the terminal and profile.json say. Used by
:mod:`geosleuth.cli.profile`.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from geosleuth._types import FloatArray, IntArray
from geosleuth.events import EventTable
from geosleuth.grid import Grid
from geosleuth.profile import hit_score
from geosleuth.report.fieldfiles import cell_outlines_lonlat, ring_parts

__all__ = [
    "HIT_SCORE_ROUNDING",
    "cells_at_least_as_high",
    "convergence_hint",
    "length_text",
    "profile_geojson",
    "profile_png",
    "truth_record",
    "truth_text",
    "written_hit_score_pct",
    "written_truth",
]


def cells_at_least_as_high(scores: FloatArray) -> IntArray:
    """Per cell, how many cells score at least as high (itself included)."""
    s = np.where(np.isnan(scores), -np.inf, scores)
    order = np.sort(s)
    return np.asarray(s.size - np.searchsorted(order, s, side="left"), dtype=np.int64)


#: How profile.json and profile.geojson round a hit score, in words (for
#: profile.json's ``map.values``): one rule for both files (review r105, L9:
#: the map had 3 decimals, the GeoJSON 4 and a --truth none, so the two best
#: cells of 150,400 both read 0.001 in one file and 0.0007, 0.0013 in the
#: other). Significant figures keep the best cells, the ones that matter,
#: apart on any grid, and five are never coarser than the map's old 0.001 below
#: 100 %; the counts behind each score are written exactly.
HIT_SCORE_ROUNDING = "rounded to 5 significant figures"


def written_hit_score_pct(pct: float) -> float:
    """A hit score in % as profile.json and profile.geojson write it.

    Rounded to 5 significant figures (:data:`HIT_SCORE_ROUNDING`); NaN stays
    NaN.

    Examples
    --------
    >>> written_hit_score_pct(100.0 / 150_400), written_hit_score_pct(200 / 150_400)
    (0.00066489, 0.0013298)
    >>> written_hit_score_pct(21.301775), written_hit_score_pct(100.0)
    (21.302, 100.0)
    """
    return float(f"{pct:.5g}")


def written_truth(truth: dict[str, Any]) -> dict[str, Any]:
    """A known source's record (:func:`truth_record`) as the files write it.

    Its hit score rounded as the map's (:func:`written_hit_score_pct`); the
    exact one is ``cells_at_least_as_high`` of ``n_cells``.
    """
    pct = truth["hit_score_pct"]
    return truth | {
        "hit_score_pct": None if pct is None else written_hit_score_pct(pct)
    }


def _search_order_pct(scores: FloatArray) -> FloatArray:
    """Per cell, the % of the area scoring at least as high (its hit score)."""
    at_least = cells_at_least_as_high(scores)
    return np.asarray(100.0 * at_least / at_least.size, dtype=np.float64)


def _cell_geometry(grid: Grid, cell: int) -> dict[str, Any]:
    """A cell's outline as a GeoJSON Polygon, or a MultiPolygon cut at 180°."""
    ring = cell_outlines_lonlat(grid, np.array([cell]), points_per_side=1)[0]
    parts = [
        [[[round(float(a), 7), round(float(b), 7)] for a, b in part]]
        for part in ring_parts(ring)
    ]
    if len(parts) == 1:
        return {"type": "Polygon", "coordinates": parts[0]}
    return {"type": "MultiPolygon", "coordinates": parts}


def profile_geojson(
    grid: Grid,
    scores: FloatArray,
    at_least: IntArray,
    truths: list[dict[str, Any]],
    *,
    top_cells: int,
) -> dict[str, Any]:
    """profile.geojson: the ``top_cells`` best cells, best first, and each truth.

    ``truths`` as profile.json writes them (:func:`written_truth`); the cells'
    hit scores are rounded by the same rule (:func:`written_hit_score_pct`).
    """
    pct = 100.0 * at_least / at_least.size
    finite = np.where(np.isnan(scores), -np.inf, scores)
    top = np.argsort(-finite, kind="stable")[:top_cells]
    features: list[dict[str, Any]] = [
        {
            "type": "Feature",
            "geometry": _cell_geometry(grid, int(c)),
            "properties": {
                "kind": "cell",
                "rank": rank + 1,
                "cell": int(c),
                "score": float(scores[c]),
                "hit_score_pct": written_hit_score_pct(float(pct[c])),
                "cells_at_least_as_high": int(at_least[c]),
                "n_cells": int(at_least.size),
            },
        }
        for rank, c in enumerate(top.tolist())
    ]
    features.extend(
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [t["lon"], t["lat"]]},
            "properties": {"kind": "truth", **t},
        }
        for t in truths
    )
    return {"type": "FeatureCollection", "features": features}


def _dot_sizes(weights: FloatArray | None, n: int) -> FloatArray:
    """Marker areas (points²) of the events' dots: by weight, 6 at the median.

    The area grows with the weight (a dot of weight 4 has four times the area
    of one of weight 1), clipped to 2..120 so that no dot vanishes or hides the
    map (review 39, L5).

    Examples
    --------
    >>> _dot_sizes(np.array([1.0, 1.0, 1.0, 4.0, 1000.0]), 5).tolist()
    [6.0, 6.0, 6.0, 24.0, 120.0]
    >>> _dot_sizes(None, 2).tolist()
    [6.0, 6.0]
    """
    if weights is None:
        return np.full(n, 6.0)
    positive = weights[weights > 0]
    median = float(np.median(positive)) if positive.size else 1.0
    with np.errstate(over="ignore"):  # weights up to 1e308: clipped anyway
        ratio = weights / median
    return np.asarray(np.clip(6.0 * np.minimum(ratio, 1e3), 2.0, 120.0))


#: The most elongated the map is drawn: its height over its width in the
#: figure, between 1 / 2.5 and 2.5 (review r60, H1: a study area 10 times taller
#: than wide made an 840 × 8472 px image, one 10 times wider a strip 156 px
#: high). A longer area is drawn stretched across, and the title says so.
_MOST_DRAWN_RATIO = 2.5


def profile_png(
    grid: Grid,
    pct: FloatArray,
    events: EventTable,
    truths: list[dict[str, Any]],
    title: str,
    *,
    peak: tuple[float, float],
) -> bytes:
    """The profile's map as PNG bytes.

    Axes in km east and north of the study area's centre, in the equal-area
    plane the profile is made in (its lon, lat named on them); a legend tells
    the events (dots by weight), the peak (a cross) and each ``--truth`` (a
    star) apart (review 39, L5). The legend lies below the map, where it hides
    no event, and the labels are kept inside the image (review r60, H1). A
    study area more than 2.5 times longer one way than the other is drawn 2.5
    times as long, not to scale, the title saying by how much.
    """
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.colors import LogNorm
    from matplotlib.transforms import offset_copy

    ratio = grid.ny / max(grid.nx, 1)
    drawn = min(max(ratio, 1.0 / _MOST_DRAWN_RATIO), _MOST_DRAWN_RATIO)
    map_w = 5.6 if drawn <= 1.0 else 7.0 / drawn
    map_h = map_w * drawn
    narrow = map_w < 4.5  # the x label in two lines, the legend in one column
    fig, ax = plt.subplots(
        figsize=(map_w + 1.8, map_h + (2.4 if narrow else 1.6)), layout="constrained"
    )
    extent = (grid.west_km, grid.east_km, grid.south_km, grid.north_km)
    image = ax.imshow(
        np.clip(pct.reshape(grid.ny, grid.nx), 1e-3, 100.0),
        origin="lower",
        extent=extent,
        cmap="magma",
        norm=LogNorm(vmin=max(100.0 / grid.n_cells, 1e-3), vmax=100.0),
        aspect=drawn / ratio,
    )
    fig.colorbar(image, ax=ax, label="hit score: % of the area\nsearched first")
    ex, ey = grid.lonlat_to_xy_km(events.lons, events.lats)
    weighted = "" if events.weights is None else ", area by weight"
    ax.scatter(
        ex,
        ey,
        s=_dot_sizes(events.weights, events.n_events),
        c="#4fc3f7",
        edgecolors="none",
        alpha=0.8,
        label=f"events ({events.n_events}{weighted})",
    )
    ax.scatter(
        [peak[0]],
        [peak[1]],
        marker="X",
        s=110,
        c="white",
        edgecolors="black",
        label="peak (searched first)",
    )
    inside = [t for t in truths if t["cell"] >= 0]
    for k, t in enumerate(inside):
        tx, ty = grid.lonlat_to_xy_km(t["lon"], t["lat"])
        ax.scatter(
            [tx],
            [ty],
            marker="*",
            s=160,
            c="#00e676",
            edgecolors="black",
            label="--truth (known source)" if k == 0 else None,
        )
    # below the map and its x label, outside it: it hides no event (r60, H1)
    below = 32.0 + 12.0 * (2 if narrow else 1)  # points: tick labels, x label
    ax.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, 0.0),
        bbox_transform=offset_copy(ax.transAxes, fig=fig, y=-below, units="points"),
        ncols=1 if narrow else 3,
        fontsize=8,
        framealpha=0.85,
    )
    ax.set_xlim(extent[0], extent[1])
    ax.set_ylim(extent[2], extent[3])
    centre = f"lon {grid.lon0:.4f},{chr(10) if narrow else ' '}lat {grid.lat0:.4f}"
    ax.set_xlabel(f"km east of the centre ({centre}; equal-area plane)")
    ax.set_ylabel("km north of the centre")
    if drawn != ratio:
        scale = drawn / ratio
        how = (
            f"stretched {scale:.2g} times"
            if scale > 1
            else f"shrunk {1 / scale:.2g} times"
        )
        title += f"\nnot to scale:{chr(10) if narrow else ' '}north-south {how}"
    ax.set_title(title, fontsize=10)
    buf = io.BytesIO()
    try:
        fig.savefig(buf, dpi=120, format="png", bbox_inches="tight", pad_inches=0.1)
    finally:
        plt.close(fig)
    return buf.getvalue()


def truth_record(
    grid: Grid,
    scores: FloatArray,
    lon: float,
    lat: float,
    *,
    caveat: str | None = None,
) -> dict[str, Any]:
    """A known source's cell and hit score, with the counts behind the score.

    ``cells_at_least_as_high`` of ``n_cells`` give the hit score exactly. A
    source outside the study area whose (lat, lon) lies inside gets
    ``"swapped_inside": True``: its lon and lat, or the events', may be swapped.
    ``caveat``: why the hit score is not comparable (a few rows stretch the
    study area, :func:`geosleuth.cli._profile_area.stretched_caveat`), or None;
    a hit score is then ``"hit_score_comparable": false`` with the caveat as
    ``hit_score_caveat`` (review r105, L8).
    """
    cell = int(grid.lonlat_to_cell(lon, lat))
    record: dict[str, Any] = {"lon": lon, "lat": lat, "cell": cell}
    if cell >= 0:
        hs = 100.0 * hit_score(scores, cell)
        ref = scores[cell]
        count = None if np.isnan(ref) else int(np.count_nonzero(scores >= ref))
        record |= {
            "hit_score_pct": hs,
            "cells_at_least_as_high": count,
            "hit_score_comparable": caveat is None,
            "hit_score_caveat": caveat,
        }
    else:
        swapped = -90.0 <= lon <= 90.0 and int(grid.lonlat_to_cell(lat, lon)) >= 0
        record |= {"hit_score_pct": None, "swapped_inside": swapped}
    record["n_cells"] = int(grid.n_cells)
    return record


def length_text(km: float) -> str:
    """A length to three significant figures: in km from 1 km, in m below.

    Examples
    --------
    >>> length_text(10.0), length_text(11.0904), length_text(1234.5)
    ('10 km', '11.1 km', '1,230 km')
    >>> length_text(0.135), length_text(0.99996), length_text(0.0005)
    ('135 m', '1 km', '0.5 m')
    """
    metres = float(f"{km * 1000.0:.3g}")
    if metres < 1000.0:
        return f"{metres:,g} m"
    return f"{float(f'{km:.3g}'):,g} km"


def truth_text(truth: dict[str, Any]) -> str:
    """``hit score 0.008 % (11 of 144,000 cells)``, or why there is none.

    A hit score over a stretched study area is followed by its caveat, on the
    same line: ``..., not comparable: ...`` (review r105, L8).
    """
    if truth["hit_score_pct"] is None:
        if truth.get("swapped_inside"):
            return (
                "outside the study area (lon and lat swapped? "
                f"{truth['lat']},{truth['lon']} lies inside: check --truth and the "
                "events' lon and lat columns)"
            )
        return "outside the study area"
    count = truth["cells_at_least_as_high"]
    of = "" if count is None else f" ({count:,} of {truth['n_cells']:,} cells)"
    caveat = truth.get("hit_score_caveat")
    return f"hit score {truth['hit_score_pct']:.3f} %{of}" + (
        f", {caveat}" if caveat else ""
    )


def convergence_hint(
    rhat_max: float, *, sigma_km: float | None, sigma_shape: float
) -> str:
    """What to do when the DPM's chains disagree, given the prior on sigma asked for.

    A prior on sigma from what is known settles most such runs; it is
    suggested only where the user has not given one (review 19: it was
    suggested with sigma fixed by --sigma-km).

    Examples
    --------
    >>> fixed = convergence_hint(1.5, sigma_km=5.0, sigma_shape=float("inf"))
    >>> "(--sigma-km) settles it" in fixed, "with sigma fixed at --sigma-km" in fixed
    (False, True)
    """
    head = (
        f"The chains disagree (R-hat {rhat_max:.2f} > 1.1): the map is not "
        "converged; run longer (--burnin, --samples). If it stays high, the events "
        "fit several source layouts about equally well"
    )
    if sigma_km is None:
        return f"{head}; a prior on sigma from what is known (--sigma-km) settles it."
    if math.isfinite(sigma_shape):
        return (
            f"{head}; a tighter prior on sigma around --sigma-km (a larger "
            "--sigma-shape, or --sigma-shape inf to fix it there) may settle it."
        )
    return (
        f"{head}, even with sigma fixed at --sigma-km: more chains (--chains) and "
        "sweeps (--samples) show them all, and the map's peak is then one of "
        "several places to look."
    )
