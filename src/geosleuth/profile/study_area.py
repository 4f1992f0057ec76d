"""The study area of a profile, and the hit score that judges a method on it.

:func:`study_area_grid` builds the default study area around events given in
longitude and latitude; :func:`hit_score` is the fraction of the study area that
scores at least as high as the cell holding the true source (lower is better).
"""

from __future__ import annotations

import math
import warnings

import numpy as np

from geosleuth._types import ArrayLike, IntArray
from geosleuth.errors import GeosleuthWarning, InputError
from geosleuth.grid import MAX_CELLS, Grid, authalic_radius_km, laea_forward
from geosleuth.profile._inputs import _float_1d, _positive, _with_weight

__all__ = ["ACCURATE_KM", "hit_score", "stretching_events", "study_area_grid"]

#: Events closer together than this (km) are one place: below the precision of
#: GPS fixes and geocoded addresses, a profile of them would mean nothing.
_MIN_EXTENT_KM = 1e-3
#: Within this distance of the centre (km) the grid's distances are within
#: 0.22 % of the geodesic ones; beyond it the error grows (about 2-3 % at 2,800
#: km), and with it that of CGT's distances and the DPM's dispersal.
ACCURATE_KM = 600.0
#: Rounding the study area up to whole cells of a given size may grow it by this
#: fraction before a warning says so (the hit scores are shares of the area).
_GROWTH_SAID = 0.01


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
    if isinstance(cell_index, bool) or not isinstance(cell_index, (int, np.integer)):
        raise InputError(
            "'cell_index' must be a whole number, the index of a cell. Got "
            f"{cell_index!r} instead.",
            field="cell_index",
        )
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


def _check_extent(
    x: np.ndarray,
    y: np.ndarray,
    cx: float,
    cy: float,
    half_w: float,
    half_h: float,
    lon0: float,
    lat0: float,
) -> None:
    """Refuse a study area beyond a hemisphere; warn past the accurate radius.

    In the equal-area plane a point at angle ``c`` from the centre lies
    ``2 R sin(c / 2)`` from it, so a hemisphere (90°) ends at ``R sqrt(2)``.
    """
    radius = authalic_radius_km()
    corners_x = cx + np.array([-half_w, half_w, half_w, -half_w])
    corners_y = cy + np.array([-half_h, -half_h, half_h, half_h])
    far = float(np.hypot(corners_x, corners_y).max())
    if far > radius * math.sqrt(2.0):
        angle = math.degrees(2.0 * math.asin(min(1.0, far / (2.0 * radius))))
        raise InputError(
            "The study area must be smaller than a hemisphere: around these "
            f"events it is centred on ({lon0:g}, {lat0:g}) and reaches "
            f"{angle:.0f} degrees from it, where the equal-area plane distorts "
            "distances and areas beyond use. Profile the events of one region at "
            "a time (less than a hemisphere; best within 600 km of its centre).",
            field="event_lons",
        )
    reach = float(np.hypot(x, y).max())
    if reach > ACCURATE_KM:
        warnings.warn(
            f"The events lie up to {reach:,.0f} km from the study area's centre "
            f"({lon0:g}, {lat0:g}): beyond {ACCURATE_KM:g} km the grid's distances "
            "are off by more than 0.2 % (2-3 % at 3,000 km), and the profile's "
            "distances and area shares with them. A profile is best made of the "
            "events of one region.",
            GeosleuthWarning,
            stacklevel=3,
        )


def _box_area_km2(x: np.ndarray, y: np.ndarray) -> float:
    """The area (km²) of the study area's box around points, margin aside.

    As :func:`study_area_grid` makes it: a side shorter than a tenth of the
    longer one is widened to a tenth. 0 for points at one place.
    """
    width, height = float(np.ptp(x)), float(np.ptp(y))
    longer = max(width, height)
    if longer < _MIN_EXTENT_KM:
        return 0.0
    return max(width, 0.1 * longer) * max(height, 0.1 * longer)


def stretching_events(
    x_km: ArrayLike, y_km: ArrayLike, *, most: int, factor: float = 10.0
) -> tuple[IntArray, float] | None:
    """A few events without which the study area would be ``factor`` times smaller.

    One event far from a compact set (a case geocoded to a town of the same
    name 500 km away) stretches the events' box, and with it the study area
    and its cells, many times over: the others then fall in a few cells, and a
    hit score, a share of the area, looks excellent for it (review r60, H1).

    Only the extreme events of each side can shrink the box, so the search
    looks at the ``most + 1`` extremes of each side alone, and peels them
    greedily: each step takes, of the four sides, the one to ``most`` events
    of one side whose removal shrinks the box most per event, until the box is
    ``factor`` times smaller (then those events are returned) or ``most``
    events are taken. O(n log n) for the sorts, O(most³) after them.

    Parameters
    ----------
    x_km, y_km : array_like of shape (n_events,)
        The events in an equal-area plane (km).
    most : int
        The most events that may be taken (a few: 1 % of the events, say).
    factor : float, default 10.0
        How many times smaller the box without them must be.

    Returns
    -------
    (ndarray of int, float) or None
        The indices of the events taken, and how many times larger the box is
        with them; None if no ``most`` events shrink it ``factor`` times, or
        if the events are fewer than 5 (which are "the others" is unclear) or
        the others lie at one place.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> x, y = rng.uniform(0, 10, 300), rng.uniform(0, 10, 300)
    >>> stretching_events(x, y, most=3) is None  # a compact set
    True
    >>> x[7], y[7] = 25.0, 5.0  # one event 15 km east of the others: 2.5 times
    >>> stretching_events(x, y, most=3) is None
    True
    >>> x[7] = 400.0  # 400 km east: 400 km by 40 (a tenth), 161 times larger
    >>> idx, times = stretching_events(x, y, most=3)
    >>> idx.tolist(), round(times)
    ([7], 161)
    """
    x = np.asarray(x_km, dtype=np.float64)
    y = np.asarray(y_km, dtype=np.float64)
    n = x.size
    most = min(int(most), n - 2)
    if n < 5 or most < 1:
        return None
    ox, oy = np.argsort(x, kind="stable"), np.argsort(y, kind="stable")
    pool = np.unique(
        np.concatenate(
            (ox[: most + 1], ox[-most - 1 :], oy[: most + 1], oy[-most - 1 :])
        )
    )
    px, py = x[pool], y[pool]
    full = _box_area_km2(px, py)
    if full <= 0.0:
        return None
    sides = (
        np.argsort(px, kind="stable"),
        np.argsort(-px, kind="stable"),
        np.argsort(py, kind="stable"),
        np.argsort(-py, kind="stable"),
    )
    removed = np.zeros(pool.size, dtype=bool)
    area = full
    while (budget := most - int(removed.sum())) > 0:
        best: tuple[float, np.ndarray, float] | None = None
        for order in sides:
            alive = order[~removed[order]]
            for j in range(1, budget + 1):
                trial = removed.copy()
                trial[alive[:j]] = True
                a = _box_area_km2(px[~trial], py[~trial])
                if a <= 0.0:
                    break  # the others at one place: no study area of their own
                gain = math.log(area / a) / j
                if best is None or gain > best[0] + 1e-12:
                    best = (gain, trial, a)
        if best is None or best[0] <= 0.0:
            return None
        _, removed, area = best
        if full / area >= factor:
            return np.asarray(pool[removed], dtype=np.int64), full / area
    return None


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
        cells, keeping its centre, with a warning past 1 % more area). It must
        leave at least 2 cells along the longer side.
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
        (of positive weight) lie within 1 m of each other (one place), if
        ``margin``, ``n_side`` or ``cell_km`` is invalid, if ``cell_km`` leaves
        fewer than 2 cells along the longer side, if the study area reaches
        beyond a hemisphere from its centre, or if the cells would number more
        than :data:`~geosleuth.grid.MAX_CELLS`.

    Warns
    -----
    GeosleuthWarning
        If an event lies more than 600 km from the centre (the grid's distances
        are then off by more than 0.2 %), or if ``cell_km`` rounds the study area
        up by more than 1 %.

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
    which = "" if weights is None else " of positive weight"
    if longer <= 0:
        raise InputError(
            f"All events{which} are at the same place, so they span no study "
            "area; give events at two places or more.",
            field="event_lons",
        )
    if longer < _MIN_EXTENT_KM:
        raise InputError(
            f"All events{which} lie within {longer * 1e5:.2g} cm of each other, "
            f"less than {_MIN_EXTENT_KM * 1000:g} m: below the precision of a GPS "
            "fix or a geocoded address, they are one place, and a profile of them "
            "would mean nothing. Give events at two places or more.",
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
    if not given_n_side and max(nx, ny) < 2:
        raise InputError(
            f"Cells of {cell_km:g} km leave {nx} × {ny} cell over the events' "
            f"{width:.3g} km × {height:.3g} km study area: a profile needs at "
            "least 2 cells along its longer side (as 'n_side'; --n-side on the "
            f"command line). Give cells of at most {max(width, height) / 2:.3g} "
            "km ('cell_km'; --cell-km).",
            field="cell_km",
        )
    if nx * ny > MAX_CELLS:
        raise InputError(
            f"Cells of {cell_km:.4g} km give {nx} × {ny} = {nx * ny:,} cells over "
            f"this {width:.3g} km × {height:.3g} km study area; at most {MAX_CELLS:,} "
            "fit in memory. Use fewer, larger cells.",
            field="n_side" if given_n_side else "cell_km",
        )
    cx, cy = (float(x.min() + x.max()) / 2.0, float(y.min() + y.max()) / 2.0)
    _check_extent(x, y, cx, cy, nx * cell_km / 2.0, ny * cell_km / 2.0, lon0, lat0)
    growth = nx * ny * cell_km**2 / (width * height) - 1.0
    if not given_n_side and growth > _GROWTH_SAID:
        warnings.warn(
            f"Rounded up to whole cells of {cell_km:g} km ({nx} × {ny}), the study "
            f"area grows from {width * height:.4g} km² to "
            f"{nx * ny * cell_km**2:.4g} km² (+{growth:.0%}) past the events' box "
            "and its margin, and every hit score, a share of that area, with it. "
            "Give a cell size that divides the box more closely ('cell_km'; "
            "--cell-km on the command line), or 'n_side' (--n-side).",
            GeosleuthWarning,
            stacklevel=2,
        )
    return Grid(
        lon0=lon0,
        lat0=lat0,
        west_km=cx - nx * cell_km / 2.0,
        south_km=cy - ny * cell_km / 2.0,
        cell_km=cell_km,
        nx=int(nx),
        ny=int(ny),
    )
