"""Checks of the profilers' inputs, and recognition of cells that form a raster.

Events and cells come in as array-likes of plane coordinates in km; these helpers
return them as 1-D float64 arrays or raise an :class:`~geosleuth.errors.InputError`
that names the argument. :func:`_raster_of` recognises cell centres laid out as
:meth:`~geosleuth.grid.Grid.cell_xy_km` lays them out, for the fast raster algorithms
of :func:`~geosleuth.profile.cgt_scores` and :class:`~geosleuth.profile.DPMProfiler`.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from geosleuth._types import ArrayLike, BoolArray, FloatArray
from geosleuth.errors import InputError

__all__: list[str] = []

_LATTICE_RTOL = 1e-9


def _float_1d(name: str, value: ArrayLike) -> FloatArray:
    """Return ``value`` as a 1-D float64 array or raise an :class:`InputError`."""
    try:
        arr = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise InputError(
            f"{name!r} must be an array of numbers. Got {type(value).__name__} "
            "instead.",
            field=name,
        ) from None
    if arr.ndim == 0:
        arr = arr.reshape(1)
    if arr.ndim != 1:
        raise InputError(
            f"{name!r} must be one-dimensional. Got shape {arr.shape} instead.",
            field=name,
        )
    return arr


def _events(
    event_x_km: ArrayLike,
    event_y_km: ArrayLike,
    weights: ArrayLike | None,
    *,
    min_events: int = 1,
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Validate event coordinates and weights; weights default to ones."""
    ex, ey = _xy_pair("event", event_x_km, event_y_km)
    if ex.size < min_events:
        raise InputError(
            f"Profiling needs at least {min_events} event"
            f"{'s' if min_events > 1 else ''}. Got {ex.size} instead.",
            field="event_x_km",
        )
    if weights is None:
        w = np.ones_like(ex)
    else:
        w = _weights(weights, ex.size, allow_nan=True)
        if not np.isnan(w).any() and not (w > 0).any():
            raise InputError("'weights' must not all be zero.", field="weights")
    return ex, ey, w


def _weights(weights: ArrayLike, n: int, *, allow_nan: bool) -> FloatArray:
    """Validate one finite, non-negative weight per event (NaN if ``allow_nan``)."""
    w = _float_1d("weights", weights)
    if w.size != n:
        raise InputError(
            f"'weights' must have one value per event ({n}). Got {w.size} instead.",
            field="weights",
        )
    bad = (w < 0) | np.isinf(w)
    if not allow_nan:
        bad |= np.isnan(w)
    if bad.any():
        raise InputError(
            "'weights' must be finite and non-negative. Got "
            f"{w[bad][:3].tolist()} among them instead.",
            field="weights",
        )
    return w


def _with_weight(weights: ArrayLike | None, n: int) -> BoolArray:
    """Mask of the ``n`` events that carry evidence: weight > 0 (all if no weights).

    An event of weight 0 says nothing of where the source is, so it must not set
    the study area or the CGT buffer either. Raises an :class:`InputError` for
    weights that are not one finite, non-negative number per event.
    """
    if weights is None:
        return np.ones(n, dtype=np.bool_)
    return np.asarray(_weights(weights, n, allow_nan=False) > 0, dtype=np.bool_)


def _relative(w: FloatArray) -> tuple[FloatArray, int]:
    """Weights divided by ``2**e``, the power of two just above the largest one.

    Returns ``(w / 2**e, e)``: the largest relative weight lies in [0.5, 1), so
    sums of weighted terms cannot overflow however large the weights are, and
    scaling by a power of two is exact, so every weight keeps its ratio to the
    others. NaN weights stay NaN; with no finite positive weight, ``e`` is 0.
    """
    finite = w[np.isfinite(w)]
    top = float(finite.max()) if finite.size else 0.0
    if not top > 0:
        return w, 0
    e = int(np.frexp(top)[1])
    with np.errstate(under="ignore"):
        return np.ldexp(w, -e), e


def _xy_pair(
    what: str, x_km: ArrayLike, y_km: ArrayLike
) -> tuple[FloatArray, FloatArray]:
    """``{what}_x_km`` and ``{what}_y_km`` as 1-D float arrays of equal length."""
    x = _float_1d(f"{what}_x_km", x_km)
    y = _float_1d(f"{what}_y_km", y_km)
    if x.shape != y.shape:
        raise InputError(
            f"'{what}_x_km' and '{what}_y_km' must have the same length. Got "
            f"{x.size} and {y.size} instead.",
            field=f"{what}_y_km",
        )
    return x, y


def _cells(cell_x_km: ArrayLike, cell_y_km: ArrayLike) -> tuple[FloatArray, FloatArray]:
    return _xy_pair("cell", cell_x_km, cell_y_km)


def _positive(name: str, value: float) -> float:
    if not isinstance(value, (int, float, np.floating, np.integer)) or not (
        math.isfinite(value) and value > 0
    ):
        raise InputError(
            f"{name!r} must be a positive finite number. Got {value!r} instead.",
            field=name,
        )
    return float(value)


class _Raster(NamedTuple):
    """Cells that are the centres of a row-major raster of square cells."""

    x0_km: float  # centre of column 0
    y0_km: float  # centre of row 0
    cell_km: float
    nx: int
    ny: int


def _raster_of(cx: FloatArray, cy: FloatArray) -> _Raster | None:
    """Recognise cell centres laid out as :meth:`Grid.cell_xy_km` lays them out.

    The cells must be ordered row-major (x fastest), with equal, increasing spacing
    along both axes (square cells), to a relative tolerance of 1e-9 of a cell side.
    """
    n = cx.size
    if n == 0 or not (np.isfinite(cx).all() and np.isfinite(cy).all()):
        return None
    changes = np.flatnonzero(cy != cy[0])
    nx = int(changes[0]) if changes.size else n
    if n % nx:
        return None
    ny = n // nx
    xs, ys = cx[:nx], cy[::nx]
    if not (
        np.array_equal(cx.reshape(ny, nx), np.broadcast_to(xs, (ny, nx)))
        and np.array_equal(cy.reshape(ny, nx), np.broadcast_to(ys[:, None], (ny, nx)))
    ):
        return None
    steps = np.concatenate([np.diff(xs), np.diff(ys)])
    if steps.size == 0:
        return _Raster(float(xs[0]), float(ys[0]), 1.0, 1, 1)
    h = float(np.median(steps))
    if h <= 0 or np.max(np.abs(steps - h)) > _LATTICE_RTOL * h:
        return None
    return _Raster(float(xs[0]), float(ys[0]), h, nx, ny)
