"""The study area of a profile, and the hit score that judges a method on it.

:func:`study_area_grid` builds the default study area around events given in
longitude and latitude; :func:`hit_score` is the fraction of the study area that
scores at least as high as the cell holding the true source (lower is better).
"""

from __future__ import annotations

import math

import numpy as np

from geosleuth._types import ArrayLike
from geosleuth.errors import InputError
from geosleuth.grid import MAX_CELLS, Grid, laea_forward
from geosleuth.profile._inputs import _float_1d, _positive, _with_weight

__all__ = ["hit_score", "study_area_grid"]


def hit_score(scores: ArrayLike, cell_index: int) -> float:
    """Fraction of the study area that scores at least as high as one cell.

    Parameters
    ----------
    scores : array_like of shape (n_cells,)
        A score per cell, higher = searched earlier; all cells have equal area.
        NaN cells never count as scoring at least as high.
    cell_index : int
        The cell holding the true source (e.g. from :meth:`Grid.lonlat_to_cell`).

    Returns
    -------
    float
        ``#{c : scores[c] >= scores[cell_index]} / n_cells``, in (0, 1]; ties count
        against the method (a flat surface scores 1.0). Multiply by 100 for the
        percentage usually reported. NaN if the source cell's score is NaN.

    Raises
    ------
    InputError
        If ``cell_index`` is not a cell of ``scores`` (e.g. ``-1``: the source lies
        outside the study area).

    Examples
    --------
    >>> hit_score([0.1, 0.4, 0.3, 0.2], 2)
    0.5
    >>> hit_score([1.0, 1.0, 1.0, 1.0], 0)
    1.0
    """
    s = _float_1d("scores", scores)
    idx = int(cell_index)
    if not 0 <= idx < s.size:
        raise InputError(
            f"'cell_index' must be a cell of the study area (0 to {s.size - 1}). Got "
            f"{idx} instead; the source probably lies outside the study area.",
            field="cell_index",
        )
    ref = s[idx]
    if np.isnan(ref):
        return math.nan
    return float(np.count_nonzero(s >= ref) / s.size)


def study_area_grid(
    event_lons: ArrayLike,
    event_lats: ArrayLike,
    *,
    weights: ArrayLike | None = None,
    margin: float = 0.10,
    n_side: int = 400,
    cell_km: float | None = None,
    square: bool = False,
) -> Grid:
    """The default study area: the events' bounding box plus a margin.

    The events are projected onto the LAEA plane centred on their lon/lat bounding
    box (taken across the antimeridian when that box is narrower, as for events on
    both sides of 180°); their bounding box in that plane is widened by ``margin``
    times its width on the west and east sides and ``margin`` times its height on
    the south and north sides (a side shorter than a tenth of the longer one is
    first widened to a tenth, so collinear events still get an area). Cells are
    square, with ``n_side`` of them along the longer side.

    Parameters
    ----------
    event_lons, event_lats : array_like of shape (n_events,)
        Event longitudes and latitudes, degrees (WGS84); finite and in range.
    weights : array_like of shape (n_events,), optional
        Non-negative event weights. Events of weight 0 carry no evidence of the
        source, so they do not set the study area (an address with no cases, far
        from the others, would otherwise stretch it); the others count alike,
        whatever their weight.
    margin : float, default 0.10
        Margin on each side as a fraction of the box's extent on that axis.
    n_side : int, default 400
        Number of cells along the longer side.
    cell_km : float or None, default None
        Cell side in km; overrides ``n_side`` (the area is then rounded up to whole
        cells, keeping its centre).
    square : bool, default False
        If True, widen the shorter side to make the study area square
        (``n_side × n_side`` cells).

    Returns
    -------
    Grid
        The study area's grid.

    Raises
    ------
    InputError
        If coordinates are missing, non-finite or out of range, if weights are
        not one finite, non-negative number per event or are all 0, if all events
        (of positive weight) coincide, if ``margin``, ``n_side`` or ``cell_km`` is
        invalid, or if the cells would number more than
        :data:`~geosleuth.grid.MAX_CELLS`.

    Examples
    --------
    >>> g = study_area_grid([10.0, 10.1], [50.0, 50.1], n_side=100)
    >>> max(g.nx, g.ny)
    100
    >>> int(g.lonlat_to_cell(10.0, 50.0)) >= 0
    True

    An event of weight 0 leaves the area as it was:

    >>> study_area_grid([10.0, 10.1, 12.0], [50.0, 50.1, 53.0], weights=[1, 1, 0],
    ...                 n_side=100) == g
    True
    >>> study_area_grid([10.0, 10.0], [50.0, 50.0])
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: All events are at the same place, so they span no ...
    """
    lons = _float_1d("event_lons", event_lons)
    lats = _float_1d("event_lats", event_lats)
    if lons.shape != lats.shape or lons.size == 0:
        raise InputError(
            "'event_lons' and 'event_lats' must be non-empty and of equal length. "
            f"Got {lons.size} and {lats.size} instead.",
            field="event_lats",
        )
    ok = np.isfinite(lons) & np.isfinite(lats)
    ok &= (np.abs(lons) <= 180) & (np.abs(lats) <= 90)
    if not ok.all():
        bad = int(np.flatnonzero(~ok)[0])
        raise InputError(
            f"Event {bad} has (lon, lat) = ({lons[bad]}, {lats[bad]}); expected "
            "finite degrees within lon -180..180 and lat -90..90.",
            field="event_lons",
        )
    keep = _with_weight(weights, lons.size)
    if not keep.any():
        raise InputError("'weights' must not all be zero.", field="weights")
    lons, lats = lons[keep], lats[keep]
    if not (isinstance(margin, (int, float)) and 0 <= margin < 10):
        raise InputError(
            f"'margin' must be a fraction between 0 and 10. Got {margin!r} instead.",
            field="margin",
        )
    if not (isinstance(n_side, (int, np.integer)) and n_side >= 1):
        raise InputError(
            f"'n_side' must be a positive integer. Got {n_side!r} instead.",
            field="n_side",
        )
    lon0 = float((lons.min() + lons.max()) / 2.0)
    east = np.where(lons < 0, lons + 360.0, lons)  # the box across the antimeridian
    if float(np.ptp(east)) < float(np.ptp(lons)):
        lon0 = (float(east.min() + east.max()) / 2.0 + 180.0) % 360.0 - 180.0
    lat0 = float((lats.min() + lats.max()) / 2.0)
    x, y = laea_forward(lons, lats, lon0=lon0, lat0=lat0)
    width, height = float(np.ptp(x)), float(np.ptp(y))
    longer = max(width, height)
    if longer <= 0:
        raise InputError(
            f"All events{'' if weights is None else ' of positive weight'} are at "
            "the same place, so they span no study area; give "
            "events at two places or more (in Python, Grid.around builds a grid "
            "around one point).",
            field="event_lons",
        )
    width, height = max(width, 0.1 * longer), max(height, 0.1 * longer)
    width *= 1.0 + 2.0 * margin
    height *= 1.0 + 2.0 * margin
    if square:
        width = height = max(width, height)
    given_n_side = cell_km is None
    if cell_km is None:
        cell_km = max(width, height) / n_side
    else:
        cell_km = _positive("cell_km", cell_km)
    nx = max(1, math.ceil(width / cell_km - 1e-9))
    ny = max(1, math.ceil(height / cell_km - 1e-9))
    if nx * ny > MAX_CELLS:
        raise InputError(
            f"Cells of {cell_km:.4g} km give {nx} × {ny} = {nx * ny:,} cells over "
            f"this {width:.3g} km × {height:.3g} km study area; at most {MAX_CELLS:,} "
            "fit in memory. Use fewer, larger cells.",
            field="n_side" if given_n_side else "cell_km",
        )
    cx, cy = (float(x.min() + x.max()) / 2.0, float(y.min() + y.max()) / 2.0)
    return Grid(
        lon0=lon0,
        lat0=lat0,
        west_km=cx - nx * cell_km / 2.0,
        south_km=cy - ny * cell_km / 2.0,
        cell_km=cell_km,
        nx=int(nx),
        ny=int(ny),
    )
