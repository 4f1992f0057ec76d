"""Colours shared by the HTML and PNG reports (private).

The posterior is shaded by the highest-density region each cell belongs to, not by
its raw density, so the colours read the same on every map: a cell's *level* is the
probability held by the cells more likely than it, and the colour ramp runs in
"nines", ``t = −log10(1 − level)``: 50 % at t ≈ 0.3, 90 % at 1, 99 % at 2, and cells
beyond the 99.9% area are transparent.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from geosleuth._types import ArrayLike, FloatArray
from geosleuth.fuse.posterior import _hdr_levels
from geosleuth.grid import Grid

__all__ = [
    "HDR_COLOR",
    "KIND_COLORS",
    "KIND_LABELS",
    "RAMP_T_MAX",
    "area_label_cells",
    "extent_lonlat",
    "focus_extent_km",
    "hdr_level",
    "ramp_css_gradient",
    "ramp_palette",
    "ramp_rgba",
    "ramp_t",
]

#: Marker colour of each evidence kind (colour-blind-safe Okabe–Ito hues).
#: The 50 % and 90 % outlines and the leading areas' labels (report.css --accent).
HDR_COLOR = "#67000d"

KIND_COLORS: dict[str, str] = {
    "sighting": "#0072B2",
    "claim": "#CC79A7",
    "territory": "#009E73",
    "front": "#D55E00",
    "searched": "#555555",
    "life_status": "#999999",
    "event_set": "#E69F00",
    "rings": "#56B4E9",
}
KIND_LABELS: dict[str, str] = {
    "sighting": "Sighting",
    "claim": "Claim",
    "territory": "Territory",
    "front": "Front",
    "searched": "Searched, nothing found",
    "life_status": "Life status",
    "event_set": "Event set",
    "rings": "Distance rings",
}

RAMP_T_MAX = 3.0
# (t, r, g, b, alpha): dark red at the mode, orange at 90 %, pale yellow at 99 %.
_STOPS = np.array(
    [
        (0.0, 103, 0, 13, 0.85),
        (0.30103, 203, 24, 29, 0.80),
        (1.0, 251, 106, 74, 0.62),
        (2.0, 254, 217, 118, 0.35),
        (3.0, 255, 255, 204, 0.0),
    ]
)


def hdr_level(posterior: ArrayLike) -> FloatArray:
    """Probability held by the cells more likely than each cell's tie block.

    A cell is in the ``q`` highest-density region when its level is below ``q``.
    Cells of equal probability share one level, so a plateau is shaded flat and
    lies wholly inside or outside each outline: the same ordering as
    :func:`geosleuth.fuse.hdr_masks`, which the outlines, ``in_hdr90`` and the
    areas use.

    Examples
    --------
    >>> hdr_level([0.1, 0.6, 0.3]).round(3).tolist()
    [0.9, 0.0, 0.6]
    >>> hdr_level([0.2, 0.2, 0.6]).round(3).tolist()  # tied cells: one level
    [0.6, 0.6, 0.0]
    """
    p = np.asarray(posterior, dtype=np.float64)
    return np.asarray(_hdr_levels(p).reshape(p.shape), dtype=np.float64)


def ramp_t(level: ArrayLike) -> FloatArray:
    """``−log10(1 − level)`` clipped to ``[0, RAMP_T_MAX]``."""
    lev = np.clip(np.asarray(level, dtype=np.float64), 0.0, 1.0 - 10**-RAMP_T_MAX)
    return np.clip(-np.log10(1.0 - lev), 0.0, RAMP_T_MAX)


def ramp_rgba(level: ArrayLike) -> FloatArray:
    """RGBA in [0, 1] of each HDR level, shape ``(..., 4)``."""
    t = ramp_t(level)
    out = np.empty((*t.shape, 4))
    for k in range(4):
        scale = 255.0 if k < 3 else 1.0
        out[..., k] = np.interp(t, _STOPS[:, 0], _STOPS[:, k + 1]) / scale
    return out


def ramp_palette(n: int = 255) -> tuple[npt.NDArray[np.uint8], FloatArray]:
    """A palette of ``n`` RGBA colours over the ramp and the ``t`` bin edges.

    Returns
    -------
    palette : ndarray of shape (n, 4), uint8
    edges : ndarray of shape (n + 1,)
        Bin ``i`` covers ``edges[i] <= t < edges[i + 1]``.
    """
    edges = np.linspace(0.0, RAMP_T_MAX, n + 1)
    mid_t = (edges[:-1] + edges[1:]) / 2.0
    level = 1.0 - 10.0 ** (-mid_t)
    rgba = np.round(ramp_rgba(level) * 255.0)
    return rgba.astype(np.uint8), edges


def ramp_css_gradient() -> str:
    """The ramp as a CSS ``linear-gradient`` from the mode (left) to 99.9 %."""
    parts = []
    for t, r, g, b, a in _STOPS:
        parts.append(
            f"rgba({int(r)},{int(g)},{int(b)},{max(a, 0.05):.2f}) "
            f"{100 * t / RAMP_T_MAX:.1f}%"
        )
    return "linear-gradient(to right, " + ", ".join(parts) + ")"


def focus_extent_km(
    posterior: ArrayLike,
    grid: Grid,
    *,
    level: float = 0.999,
    pad: float = 0.35,
    min_span_km: float = 120.0,
) -> tuple[float, float, float, float]:
    """The part of the grid worth looking at: ``(west, east, south, north)`` in km.

    The bounding box of the ``level`` highest-density cells, grown by ``pad`` of its
    size on each side, to at least ``min_span_km`` (and at least 3:5 in aspect),
    and clipped to the grid.

    Examples
    --------
    >>> g = Grid.around(40.0, 35.0, radius_km=500.0, cell_km=10.0)
    >>> p = np.zeros(g.n_cells); p[g.n_cells // 2 + g.nx // 2] = 1.0
    >>> focus_extent_km(p, g)  # one cell, 0..10 km: the minimum span around it
    (-55.0, 65.0, -55.0, 65.0)
    >>> focus_extent_km(np.ones(g.n_cells), g)  # a flat map: the whole grid
    (-500.0, 500.0, -500.0, 500.0)
    """
    inside = (hdr_level(posterior) < level).reshape(grid.ny, grid.nx)
    rows = np.flatnonzero(inside.any(axis=1))
    cols = np.flatnonzero(inside.any(axis=0))
    full = (grid.west_km, grid.east_km, grid.south_km, grid.north_km)
    if rows.size == 0:
        return full
    c = grid.cell_km
    x0, x1 = grid.west_km + cols[0] * c, grid.west_km + (cols[-1] + 1) * c
    y0, y1 = grid.south_km + rows[0] * c, grid.south_km + (rows[-1] + 1) * c
    w = max((x1 - x0) * (1 + 2 * pad), min_span_km)
    h = max((y1 - y0) * (1 + 2 * pad), min_span_km)
    w, h = max(w, 0.6 * h), max(h, 0.6 * w)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    west, east = cx - w / 2, cx + w / 2
    south, north = cy - h / 2, cy + h / 2
    # Shift back inside the grid before clipping, to keep the size where possible.
    for lo, hi, glo, ghi, axis in (
        (west, east, full[0], full[1], 0),
        (south, north, full[2], full[3], 1),
    ):
        shift = max(glo - lo, 0.0) - max(hi - ghi, 0.0)
        lo, hi = max(lo + shift, glo), min(hi + shift, ghi)
        if axis == 0:
            west, east = lo, hi
        else:
            south, north = lo, hi
    return (float(west), float(east), float(south), float(north))


def extent_lonlat(
    grid: Grid, extent: tuple[float, float, float, float]
) -> tuple[float, float, float, float]:
    """``(west, south, east, north)`` in degrees enclosing a rectangle of the plane.

    ``extent`` is ``(west, east, south, north)`` in km in the grid's plane; its
    edges are densified before unprojecting, since they curve in lon/lat. Across
    the antimeridian ``west > east`` (:meth:`~geosleuth.grid.Grid.box_lonlat`).
    """
    w, e, s, n = extent
    t = np.linspace(0.0, 1.0, 33)
    x = np.concatenate(
        [w + (e - w) * t, np.full_like(t, e), e - (e - w) * t, np.full_like(t, w)]
    )
    y = np.concatenate(
        [np.full_like(t, s), s + (n - s) * t, np.full_like(t, n), n - (n - s) * t]
    )
    return grid.box_lonlat(x, y)


def area_label_cells(estimate: Any) -> list[tuple[Any, int]]:
    """The areas the headline names, each with the cell its map label goes on.

    The areas :func:`~geosleuth.report.text.area_lead` leads with
    (:func:`~geosleuth.report.text.lead_areas`; none where the best place
    leads), each at the cell of its part on the grid nearest that part's
    centre (the mean of two parts lies between them); an area with no part on
    the grid is left out. report.html's map and map.png label them there.
    """
    from geosleuth.geometry import coverage
    from geosleuth.report.text import lead_areas

    grid = estimate.grid
    x, y = grid.cell_xy_km()
    out = []
    for a in lead_areas(estimate):
        share = coverage(a.area, grid)
        cells = np.flatnonzero(share > 0)
        if cells.size == 0:
            continue
        w = share[cells] / share[cells].sum()
        mx, my = float(w @ x[cells]), float(w @ y[cells])
        k = cells[int(np.argmin((x[cells] - mx) ** 2 + (y[cells] - my) ** 2))]
        out.append((a, int(k)))
    return out
