"""Rossmo's Criminal Geographic Targeting (CGT): a distance-decay score per cell.

:func:`cgt_scores` scores cells by Rossmo's buffer-zone decay of Manhattan distances
to the events, exactly and fast on a raster of cells; :func:`estimate_cgt_buffer_km`
gives the usual data-driven buffer. The references are in :mod:`geosleuth.profile`.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import scipy.sparse
import scipy.spatial

from geosleuth._types import ArrayLike, FloatArray
from geosleuth.errors import InputError
from geosleuth.profile._inputs import (
    _cells,
    _events,
    _positive,
    _Raster,
    _raster_of,
    _relative,
    _with_weight,
)

__all__ = ["cgt_scores", "estimate_cgt_buffer_km"]


def _cgt_decay(d_km: FloatArray, out: FloatArray, b: float, f: float, g: float) -> None:
    """Rossmo's decay φ(d) written into ``out`` (``d_km`` ≥ 0, ``b`` > 0)."""
    with np.errstate(divide="ignore"):
        np.log(d_km, out=out)
    out *= -f
    np.exp(out, out=out)
    near = d_km <= b
    if near.any():
        out[near] = b ** (g - f) / (2.0 * b - d_km[near]) ** g


def _cgt_direct(
    ex: FloatArray,
    ey: FloatArray,
    w: FloatArray,
    cx: FloatArray,
    cy: FloatArray,
    b: float,
    f: float,
    g: float,
) -> FloatArray:
    """Chunked broadcast: O(n_cells × n_events) work, memory below ~0.5 GB."""
    out = np.zeros(cx.size, dtype=np.float64)
    chunk = max(1, min(cx.size, (1 << 22) // max(1, ex.size)))
    for start in range(0, cx.size, chunk):
        sl = slice(start, start + chunk)
        d = np.abs(cx[sl, None] - ex[None, :])
        d += np.abs(cy[sl, None] - ey[None, :])
        phi = np.empty_like(d)
        _cgt_decay(d, phi, b, f, g)
        out[sl] = phi @ w
    return out


def _cgt_raster(
    ex: FloatArray,
    ey: FloatArray,
    w: FloatArray,
    r: _Raster,
    b: float,
    f: float,
    g: float,
) -> FloatArray:
    """CGT on a raster in O((nx + ny) × n_events) work; see :func:`cgt_scores`."""
    nx, ny, h = r.nx, r.ny, r.cell_km
    # Local coordinates: the centre of cell (row 0, column 0) is the origin.
    lx, ly = ex - r.x0_km, ey - r.y0_km
    col_x = np.arange(nx, dtype=np.float64) * h
    row_y = np.arange(ny, dtype=np.float64) * h
    first_col = np.searchsorted(col_x, lx, side="left")  # first column with x ≥ ex
    first_row = np.searchsorted(row_y, ly, side="left")  # first row with y ≥ ey
    n_diag = nx + ny - 1
    k = np.arange(n_diag)
    sum_line = k * h  # x + y on the anti-diagonal row + col = k
    diff_line = (k - (nx - 1)) * h  # y - x on the diagonal row - col + nx - 1 = k
    chunk = max(1, min(ex.size, (1 << 23) // (4 * n_diag)))
    by_col = np.zeros((nx + 1, 4 * n_diag))
    by_row = np.zeros((ny + 1, 4 * n_diag))
    buf = np.empty((chunk, 4 * n_diag))
    dist = np.empty((chunk, n_diag))
    phi = np.empty((chunk, n_diag))
    quarter = [slice(q * n_diag, (q + 1) * n_diag) for q in range(4)]
    for start in range(0, ex.size, chunk):
        sl = slice(start, start + chunk)
        jc, ic, wc = first_col[sl], first_row[sl], w[sl]
        m = jc.size
        bb, dd, pp = buf[:m], dist[:m], phi[:m]
        # North-east and south-west quadrants: d = ±((x + y) - (ex + ey)).
        np.subtract(sum_line[None, :], (lx[sl] + ly[sl])[:, None], out=dd)
        np.abs(dd, out=dd)
        _cgt_decay(dd, pp, b, f, g)
        s = (ic + jc)[:, None]
        np.multiply(pp, k[None, :] >= s, out=bb[:, quarter[0]])
        np.multiply(pp, k[None, :] <= s - 2, out=bb[:, quarter[1]])
        # North-west and south-east quadrants: d = ±((y - x) - (ey - ex)).
        np.subtract(diff_line[None, :], (ly[sl] - lx[sl])[:, None], out=dd)
        np.abs(dd, out=dd)
        _cgt_decay(dd, pp, b, f, g)
        s = (ic - jc + nx)[:, None]
        np.multiply(pp, k[None, :] >= s, out=bb[:, quarter[2]])
        np.multiply(pp, k[None, :] <= s - 2, out=bb[:, quarter[3]])
        cols = np.arange(m)
        one_hot_col = scipy.sparse.csr_matrix((wc, (jc, cols)), shape=(nx + 1, m))
        one_hot_row = scipy.sparse.csr_matrix((wc, (ic, cols)), shape=(ny + 1, m))
        by_col += one_hot_col @ bb
        by_row += one_hot_row @ bb

    def upto(a: FloatArray, n: int) -> FloatArray:  # Σ over groups ≤ index
        return np.asarray(np.cumsum(a, axis=0)[:n])

    def above(a: FloatArray, n: int) -> FloatArray:  # Σ over groups > index
        return np.asarray(np.cumsum(a[::-1], axis=0)[::-1][1 : n + 1])

    c_ne, c_sw, c_nw, c_se = (by_col[:, q] for q in quarter)
    r_ne, r_sw, r_nw, r_se = (by_row[:, q] for q in quarter)
    p_col = upto(c_ne, nx) + above(c_sw, nx)  # [col, row + col]
    p_row = above(r_ne, ny) + upto(r_sw, ny)  # [row, row + col]
    q_row = upto(r_nw, ny) - upto(r_se, ny)  # [row, row - col + nx - 1]
    q_col = upto(c_nw, nx) - upto(c_se, nx)  # [col, row - col + nx - 1]
    ii = np.arange(ny)[:, None]
    jj = np.arange(nx)[None, :]
    anti, diag = ii + jj, ii - jj + (nx - 1)
    score = p_col[jj, anti] - p_row[ii, anti] + q_row[ii, diag] - q_col[jj, diag]
    return np.asarray(score, dtype=np.float64).ravel()


def cgt_scores(
    event_x_km: ArrayLike,
    event_y_km: ArrayLike,
    cell_x_km: ArrayLike,
    cell_y_km: ArrayLike,
    *,
    buffer_km: float,
    f: float = 1.2,
    g: float = 1.2,
    weights: ArrayLike | None = None,
    method: Literal["auto", "raster", "direct"] = "auto",
) -> FloatArray:
    r"""Rossmo's Criminal Geographic Targeting (CGT) score of each cell.

    Parameters
    ----------
    event_x_km, event_y_km : array_like of shape (n_events,)
        Event locations in a plane, km.
    cell_x_km, cell_y_km : array_like of shape (n_cells,)
        Cell centres in the same plane, km (e.g. :meth:`Grid.cell_xy_km`).
    buffer_km : float
        Radius ``B`` of the buffer zone (Manhattan distance), km, > 0. See
        :func:`estimate_cgt_buffer_km` for the usual data-driven value.
    f, g : float, default 1.2
        Decay exponents outside and inside the buffer (Rossmo 1995's values).
    weights : array_like of shape (n_events,), optional
        Non-negative weight of each event's term (default: all 1). Events of
        weight 0 add nothing. Only the ratios of the weights matter to the
        ranking of the cells, however large or small the weights are (see Notes).
    method : {"auto", "raster", "direct"}, default "auto"
        ``"raster"``: the exact fast algorithm of the Notes, for cells that are the
        centres of a row-major raster of square cells (what
        :meth:`Grid.cell_xy_km` returns); ``"direct"``: a chunked broadcast over all
        (cell, event) pairs, for any cells; ``"auto"``: raster when possible.

    Returns
    -------
    ndarray of shape (n_cells,)
        The score ``S`` of each cell, float64; higher means more likely to hold the
        base. NaN in any event coordinate or weight gives NaN everywhere; NaN in a
        cell's coordinates gives NaN for that cell.

    Raises
    ------
    InputError
        On mismatched lengths, no events, a non-positive buffer or exponent,
        negative weights, or ``method="raster"`` with cells that are not a raster.
    ValueError
        If ``method`` is not one of the listed values.

    Notes
    -----
    Rossmo's score of a cell at Manhattan distance ``d_e = |x - x_e| + |y - y_e|``
    from each event ``e`` is

    .. math::

        S = k \sum_e w_e \left[ \frac{\phi_e}{d_e^{f}}
            + \frac{(1 - \phi_e) B^{g - f}}{(2B - d_e)^{g}} \right],
        \qquad \phi_e = 1 \text{ if } d_e > B \text{ else } 0,

    with ``k = 1`` here (``k`` only rescales). The sum is taken over the weights
    divided by ``2**e``, the power of two just above the largest weight, and then
    multiplied back by ``2**e``: both steps are exact, and the sum cannot
    overflow on the way (weights of 1e308 would, summed as given). If ``S`` itself
    does not fit in float64 (it would overflow, or fall below the smallest normal
    number), the scores are returned with ``k = 2**-e`` instead; the cells keep
    their order either way, so the peak and every hit score depend only on the
    relative weights. The two branches meet at ``d = B``
    (both give ``B^{-f}``), and since ``B > 0`` the score is finite everywhere: an
    event at a cell's centre (``d = 0``) contributes ``B^{g-f} / (2B)^g``, the
    buffer branch's value, so there is no singularity at ``d = 0``. The distance is
    ``|dx| + |dy|``; one public R port computes ``dx - dy`` in the buffer branch,
    which is not Rossmo's formula.

    The raster algorithm is exact (only the order of floating-point additions
    differs from the direct sum; tests check agreement to 1e-12). It splits the
    (cell, event) pairs by the quadrant in which the cell lies relative to the
    event. In the north-east quadrant ``d = (x + y) - (x_e + y_e)`` and ``x + y``
    is constant along each anti-diagonal of the raster, so the event's terms for
    all ``nx + ny - 1`` anti-diagonals are computed once; a cell ``(row, col)``
    receives them from the events with ``col_e ≤ col`` and ``row_e ≤ row``, which
    is a prefix sum over event columns minus a suffix sum over event rows along the
    anti-diagonal ``row + col``. The other quadrants are handled alike (``y - x`` on
    diagonals). Work is O((nx + ny) · n_events), memory O((nx + ny)²): 1,000 × 1,000
    cells and 10,000 events take about a second on one core.

    Examples
    --------
    One event at the origin, cells 1 and 2 km east, buffer 1 km, f = g = 1.2: the
    first cell is on the buffer's edge (1 / 1^1.2 = 1), the second outside it.

    >>> s = cgt_scores([0.0], [0.0], [1.0, 2.0], [0.0, 0.0], buffer_km=1.0)
    >>> [round(float(v), 6) for v in s]
    [1.0, 0.435275]

    An event on a cell's centre is finite (the buffer branch applies):

    >>> round(float(cgt_scores([0.0], [0.0], [0.0], [0.0], buffer_km=1.0)[0]), 12)
    0.435275281648
    """
    if method not in ("auto", "raster", "direct"):
        raise ValueError(
            f"'method' must be one of 'auto', 'raster', 'direct'. Got {method!r}."
        )
    ex, ey, w = _events(event_x_km, event_y_km, weights)
    cx, cy = _cells(cell_x_km, cell_y_km)
    b = _positive("buffer_km", buffer_km)
    f = _positive("f", f)
    g = _positive("g", g)
    if not (np.isfinite(ex).all() and np.isfinite(ey).all() and np.isfinite(w).all()):
        return np.full(cx.size, np.nan)
    keep = w > 0
    ex, ey = ex[keep], ey[keep]
    w, e = _relative(w[keep])
    raster = _raster_of(cx, cy) if method != "direct" else None
    if method == "raster" and raster is None:
        raise InputError(
            "method='raster' needs cells that are the centres of a row-major raster "
            "of square cells (as Grid.cell_xy_km() returns). Got other cells; use "
            "method='direct' or 'auto'.",
            field="cell_x_km",
        )
    if raster is None:
        relative = _cgt_direct(ex, ey, w, cx, cy, b, f, g)
    else:
        relative = _cgt_raster(ex, ey, w, raster, b, f, g)
    return _scaled_back(relative, e)


def _scaled_back(relative: FloatArray, e: int) -> FloatArray:
    """``relative * 2**e`` (k = 1) where float64 holds it, else ``relative``.

    Scaling by a power of two is exact, so either way the cells keep their order.
    """
    with np.errstate(over="ignore", under="ignore"):
        scores = np.ldexp(relative, e)
    tiny = np.finfo(np.float64).tiny
    fits = np.isnan(relative) | (relative == 0)
    fits |= np.isfinite(scores) & (np.abs(scores) >= tiny)
    return scores if bool(fits.all()) else relative


def estimate_cgt_buffer_km(
    event_x_km: ArrayLike,
    event_y_km: ArrayLike,
    *,
    weights: ArrayLike | None = None,
) -> float:
    """Data-driven CGT buffer: half the mean Manhattan nearest-neighbour distance.

    Parameters
    ----------
    event_x_km, event_y_km : array_like of shape (n_events,)
        Event locations in a plane, km; at least 2 events.
    weights : array_like of shape (n_events,), optional
        Non-negative event weights. Events of weight 0 carry no evidence of the
        source and are left out (as :func:`cgt_scores` leaves them out); the
        others count once each, whatever their weight.

    Returns
    -------
    float
        ``B = 0.5 * mean_e min_{e' != e} (|x_e - x_e'| + |y_e - y_e'|)``, km, over
        the events of positive weight.

    Raises
    ------
    InputError
        With fewer than 2 events (of positive weight), non-finite coordinates or
        weights, negative weights, or when every event has a coincident neighbour
        (the mean distance is 0; pass ``buffer_km`` yourself).

    Notes
    -----
    Rossmo (2000) sets the buffer from the offender's spatial behaviour and
    suggests about half the mean distance between nearest-neighbour crime sites;
    the R package ``rgeoprofile`` (Spaulding & Morris, ``cgt_profile``) uses
    exactly this rule with Manhattan distances, as we do.

    Examples
    --------
    >>> estimate_cgt_buffer_km([0.0, 1.0, 3.0], [0.0, 1.0, 1.0])
    1.0

    An event of weight 0, however far away, changes nothing:

    >>> estimate_cgt_buffer_km([0.0, 1.0, 3.0, 90.0], [0.0, 1.0, 1.0, 90.0],
    ...                        weights=[1, 2, 1, 0])
    1.0
    """
    ex, ey, _ = _events(event_x_km, event_y_km, None, min_events=2)
    if not (np.isfinite(ex).all() and np.isfinite(ey).all()):
        raise InputError(
            "Event coordinates must be finite to estimate the CGT buffer.",
            field="event_x_km",
        )
    keep = _with_weight(weights, ex.size)
    if keep.sum() < 2:
        raise InputError(
            "Estimating the CGT buffer needs at least 2 events of positive weight. "
            f"Got {int(keep.sum())} instead.",
            field="weights",
        )
    ex, ey = ex[keep], ey[keep]
    tree = scipy.spatial.cKDTree(np.column_stack([ex, ey]))
    dist, _ = tree.query(np.column_stack([ex, ey]), k=2, p=1)
    mean_nn = float(np.mean(dist[:, 1]))
    if mean_nn <= 0:
        raise InputError(
            "Every event coincides with another one, so the nearest-neighbour "
            "distance is 0 and no CGT buffer can be estimated. Give the buffer "
            "('buffer_km'; --buffer-km on the command line).",
            field="buffer_km",
        )
    return 0.5 * mean_nn
