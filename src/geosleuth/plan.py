"""Search planning: detection, optimal effort allocation and the search update.

Bayesian search theory (Koopman 1946; Stone, *Theory of Optimal Search*, 1975) on
any posterior over grid cells. Everything here is pure numpy/scipy: no files, no
printing, no geometry library.

Conventions
-----------
- ``p`` is an array of shape ``(n_cells,)`` of cell probabilities and
  ``rest_of_world`` the probability that the target is outside the grid. Together
  they sum to 1. The rest of the world is a cell that is never searched, so a
  search of every cell never makes the target's presence in the grid certain.
  :func:`scale_for_rest_of_world` builds such a ``p`` from a posterior that sums
  to 1 over the grid.
- Effort is track length in km; the sweep width ``W`` is in km and cell areas in
  km², so ``w = W / A`` is in km⁻¹ and ``w * effort`` is the dimensionless
  *coverage*.

Contents
--------
- :func:`pod` and :class:`KoopmanDetection`: the random-search (exponential)
  detection function, and its sweep width estimated from detection trials.
- :func:`allocate_optimal` (Lagrange multiplier by bisection) and
  :func:`allocate_greedy` (equal increments, each to the best marginal gain): the
  allocation of a track-length budget that maximises the probability of success.
  Both return a :class:`SearchPlan`.
- :func:`update_after_unsuccessful_search`: the posterior after a search that
  found nothing.
- :class:`EffortSequence` and the strategies compared in ``eval/``:
  :func:`optimal_sequence`, :func:`highest_probability_first_sequence`,
  :func:`uniform_sequence`, :func:`outward_sequence`; with
  :func:`expected_effort_km` (exact) and :func:`simulate_effort_to_detection`.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass
from typing import Literal

import numpy as np
from scipy.optimize import brentq

from geosleuth._types import ArrayLike, FloatArray, IntArray, RngLike
from geosleuth.errors import InputError, NotFittedError

__all__ = [
    "EffortSequence",
    "KoopmanDetection",
    "SearchPlan",
    "allocate_greedy",
    "allocate_optimal",
    "expected_effort_km",
    "highest_probability_first_sequence",
    "optimal_sequence",
    "outward_sequence",
    "pod",
    "scale_for_rest_of_world",
    "simulate_effort_to_detection",
    "uniform_sequence",
    "update_after_unsuccessful_search",
]

#: Tolerance on ``sum(p) + rest_of_world == 1``.
_SUM_ATOL = 1e-6


# --------------------------------------------------------------------- validation
def _read_only(arr: FloatArray) -> FloatArray:
    out = np.array(arr, dtype=np.float64, copy=True)
    out.flags.writeable = False
    return out


def _as_float_array(value: ArrayLike, name: str) -> FloatArray:
    try:
        return np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise InputError(
            f"{name!r} must be a number or an array of numbers. Got {value!r} instead.",
            field=name,
        ) from None


def _check_rest_of_world(rest_of_world: float) -> float:
    r = _as_float_array(rest_of_world, "rest_of_world")
    if r.ndim != 0 or not np.isfinite(r) or not 0.0 <= float(r) <= 1.0:
        raise InputError(
            "'rest_of_world' must be a probability in [0, 1]. "
            f"Got {rest_of_world!r} instead.",
            field="rest_of_world",
        )
    return float(r)


def _check_probabilities(
    p: ArrayLike, rest_of_world: float
) -> tuple[FloatArray, float]:
    """Validate ``p`` (1-D, finite, >= 0) and that ``sum(p) + rest_of_world == 1``."""
    arr = _as_float_array(p, "p")
    r = _check_rest_of_world(rest_of_world)
    if arr.ndim != 1 or arr.size == 0:
        raise InputError(
            "The cell probabilities 'p' must be a non-empty 1-D array. Got an array "
            f"of shape {arr.shape} instead.",
            field="p",
        )
    bad = np.flatnonzero(~np.isfinite(arr))
    if bad.size:
        raise InputError(
            "The cell probabilities 'p' must be finite numbers. Got "
            f"{float(arr[bad[0]])!r} in cell {int(bad[0])} instead.",
            field="p",
        )
    neg = np.flatnonzero(arr < 0)
    if neg.size:
        raise InputError(
            "The cell probabilities 'p' must be non-negative. Got "
            f"{float(arr[neg[0]])!r} in cell {int(neg[0])} instead.",
            field="p",
        )
    total = float(arr.sum()) + r
    if not abs(total - 1.0) <= _SUM_ATOL:
        raise InputError(
            "The cell probabilities 'p' plus 'rest_of_world' must sum to 1. Got "
            f"{float(arr.sum()):.9g} + {r:.9g} = {total:.9g} instead. Normalise p, "
            "or use scale_for_rest_of_world(p, rest_of_world=...).",
            field="p",
        )
    return arr, r


def _check_positive_scalar(value: float, name: str) -> float:
    arr = _as_float_array(value, name)
    if arr.ndim != 0 or not np.isfinite(arr) or float(arr) <= 0.0:
        raise InputError(
            f"{name!r} must be a positive, finite number. Got {value!r} instead.",
            field=name,
        )
    return float(arr)


def _per_cell_positive(value: ArrayLike, n: int, name: str) -> FloatArray:
    """Broadcast a positive scalar or per-cell array to shape ``(n,)``."""
    arr = _as_float_array(value, name)
    try:
        out = np.broadcast_to(arr, (n,))
    except ValueError:
        raise InputError(
            f"{name!r} must be a number or an array of shape ({n},). Got shape "
            f"{arr.shape} instead.",
            field=name,
        ) from None
    bad = np.flatnonzero(~(np.isfinite(out) & (out > 0)))
    if bad.size:
        raise InputError(
            f"{name!r} must be positive and finite. Got {float(out[bad[0]])!r}"
            + (f" for cell {int(bad[0])}" if arr.ndim else "")
            + " instead.",
            field=name,
        )
    return np.array(out, dtype=np.float64)


def _check_nonnegative_or_nan(arr: FloatArray, name: str) -> None:
    with np.errstate(invalid="ignore"):
        neg = arr < 0
    if np.any(neg):
        raise InputError(
            f"{name!r} must be non-negative. Got {float(arr[neg].flat[0])!r} instead.",
            field=name,
        )


# ------------------------------------------------------------------- detection
def pod(
    effort_km: ArrayLike, *, sweep_width_km: ArrayLike, area_km2: ArrayLike
) -> FloatArray:
    r"""Probability of detection of a random (Koopman) search.

    Parameters
    ----------
    effort_km : float or array_like
        Track length searched in the cell, km. Efforts of several sorties with the
        same sweep width add up.
    sweep_width_km : float or array_like
        Effective sweep width ``W`` of the searchers, km (>= 0).
    area_km2 : float or array_like
        Area ``A`` of the searched cell, km² (> 0).

    All three broadcast together.

    Returns
    -------
    ndarray of float64
        ``1 - exp(-W L / A)``, in ``[0, 1)``. NaN in any input gives NaN.

    Raises
    ------
    InputError
        If an effort or a sweep width is negative, or an area is not positive.

    Notes
    -----
    Koopman's random-search formula: with coverage ``c = W L / A``,

    .. math:: \mathrm{POD}(L) = 1 - e^{-W L / A}.

    Because ``1 - POD`` is an exponential in ``L``, two sorties of lengths ``L1``
    and ``L2`` give ``1 - (1 - POD(L1))(1 - POD(L2)) = POD(L1 + L2)``; sorties with
    different sweep widths add their coverages ``W_i L_i / A``.

    Examples
    --------
    >>> round(float(pod(5.0, sweep_width_km=0.2, area_km2=1.0)), 6)  # coverage 1
    0.632121
    >>> pod([0.0, 10.0, float("nan")], sweep_width_km=0.2, area_km2=1.0).round(4)
    array([0.    , 0.8647,    nan])
    >>> pod(1.0, sweep_width_km=-0.2, area_km2=1.0)
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: 'sweep_width_km' must be non-negative. Got -0.2 ...
    """
    length = _as_float_array(effort_km, "effort_km")
    width = _as_float_array(sweep_width_km, "sweep_width_km")
    area = _as_float_array(area_km2, "area_km2")
    _check_nonnegative_or_nan(length, "effort_km")
    _check_nonnegative_or_nan(width, "sweep_width_km")
    with np.errstate(invalid="ignore"):
        bad_area = area <= 0
    if np.any(bad_area):
        raise InputError(
            "'area_km2' must be positive. Got "
            f"{float(area[bad_area].flat[0])!r} instead.",
            field="area_km2",
        )
    with np.errstate(invalid="ignore", over="ignore"):
        out = -np.expm1(-(width * length) / area)
    return np.asarray(out, dtype=np.float64)


class KoopmanDetection:
    r"""Koopman detection function with its sweep width estimated from trials.

    Follows the estimator contract: the constructor only stores, :meth:`fit`
    validates the trials and learns ``sweep_width_km_``, and :meth:`pod` before
    :meth:`fit` raises :class:`~geosleuth.errors.NotFittedError`. A sweep width
    read from a table (e.g. IAMSAR) needs no fitting: call :func:`pod` directly.

    Parameters
    ----------
    max_sweep_width_km : float, default 1000.0
        Upper end of the search interval for the estimate, km.

    Attributes
    ----------
    sweep_width_km_ : float
        Maximum-likelihood sweep width, km.
    sweep_width_se_km_ : float
        Its standard error from the observed Fisher information, km.
    n_trials_ : int
        Number of trials used.

    Notes
    -----
    Trial ``i`` searches a track of ``L_i`` km in an area of ``A_i`` km² known to
    hold a target; ``y_i`` is 1 if it was detected. With ``c_i = L_i / A_i`` the
    log-likelihood is

    .. math:: \ell(W) = \sum_i y_i \ln(1 - e^{-W c_i}) - (1 - y_i) W c_i,

    concave in ``W``; its maximum solves
    ``sum_i y_i c_i / (exp(W c_i) - 1) = sum_i (1 - y_i) c_i``. The estimate is
    finite only if at least one trial detected and at least one missed.

    Examples
    --------
    >>> det = KoopmanDetection().fit([5.0, 5.0, 10.0, 10.0], [1, 0, 1, 1],
    ...                              area_km2=1.0)
    >>> round(det.sweep_width_km_, 4)
    0.2197
    >>> round(float(det.pod(5.0, area_km2=1.0)), 4)
    0.6667
    >>> KoopmanDetection().pod(1.0, area_km2=1.0)
    Traceback (most recent call last):
    ...
    geosleuth.errors.NotFittedError: This KoopmanDetection is not fitted yet. ...
    """

    def __init__(self, *, max_sweep_width_km: float = 1000.0) -> None:
        self.max_sweep_width_km = max_sweep_width_km

    def fit(
        self, effort_km: ArrayLike, detected: ArrayLike, *, area_km2: ArrayLike
    ) -> KoopmanDetection:
        """Estimate the sweep width from detection trials.

        Parameters
        ----------
        effort_km : array_like of shape (n_trials,)
            Track length of each trial, km (> 0).
        detected : array_like of shape (n_trials,)
            1 (or True) where the target was detected, 0 where it was missed.
        area_km2 : float or array_like of shape (n_trials,)
            Area searched in each trial, km².

        Returns
        -------
        KoopmanDetection
            ``self``, fitted.

        Raises
        ------
        InputError
            If the arrays are empty, of different lengths, hold invalid values,
            or if every trial detected (or none did), which leaves the sweep
            width unbounded (or zero).
        """
        max_w = _check_positive_scalar(self.max_sweep_width_km, "max_sweep_width_km")
        length = _as_float_array(effort_km, "effort_km")
        hits = _as_float_array(detected, "detected")
        if length.ndim != 1 or length.size == 0 or hits.shape != length.shape:
            raise InputError(
                "'effort_km' and 'detected' must be 1-D arrays of the same, non-zero "
                f"length. Got shapes {length.shape} and {hits.shape} instead.",
                field="effort_km",
            )
        if not np.all(np.isfinite(length) & (length > 0)):
            raise InputError(
                "Every trial's 'effort_km' must be positive and finite. Got "
                f"{float(length[~(np.isfinite(length) & (length > 0))][0])!r} instead.",
                field="effort_km",
            )
        if not np.all((hits == 0) | (hits == 1)):
            raise InputError(
                "'detected' must hold only 0/1 or False/True. Got "
                f"{float(hits[(hits != 0) & (hits != 1)][0])!r} instead.",
                field="detected",
            )
        area = _per_cell_positive(area_km2, length.size, "area_km2")
        cov = length / area
        y = hits.astype(bool)
        if y.all() or not y.any():
            which = "every" if y.all() else "no"
            raise InputError(
                f"The sweep width cannot be estimated when {which} trial detected the "
                f"target ({length.size} trials). Add trials with "
                f"{'shorter' if y.all() else 'longer'} tracks.",
                field="detected",
            )
        missed = float(cov[~y].sum())
        cov_hit = cov[y]

        def score(log_w: float) -> float:
            wc = math.exp(log_w) * cov_hit
            with np.errstate(over="ignore"):
                return float(np.sum(cov_hit / np.expm1(wc))) - missed

        hi = math.log(max_w)
        lo = hi - 60.0
        if score(hi) > 0:
            raise InputError(
                "The sweep width estimate exceeds 'max_sweep_width_km' "
                f"({max_w} km). Raise it, or check the trials' units.",
                field="max_sweep_width_km",
            )
        root = float(brentq(score, lo, hi, xtol=1e-14, rtol=1e-12))
        w_hat = math.exp(root)
        e = np.expm1(w_hat * cov_hit)
        info = float(np.sum(cov_hit**2 * (e + 1.0) / e**2))
        self.sweep_width_km_ = w_hat
        self.sweep_width_se_km_ = 1.0 / math.sqrt(info)
        self.n_trials_ = int(length.size)
        return self

    def pod(self, effort_km: ArrayLike, *, area_km2: ArrayLike) -> FloatArray:
        """Probability of detection with the fitted sweep width; see :func:`pod`.

        Raises
        ------
        NotFittedError
            If called before :meth:`fit`.
        """
        if not hasattr(self, "sweep_width_km_"):
            raise NotFittedError(
                "This KoopmanDetection is not fitted yet. Call fit(effort_km, "
                "detected, area_km2=...) first, or use geosleuth.plan.pod with a "
                "known sweep width."
            )
        return pod(effort_km, sweep_width_km=self.sweep_width_km_, area_km2=area_km2)


# ----------------------------------------------------------------- allocation
@dataclass(frozen=True, slots=True, eq=False)
class SearchPlan:
    """An allocation of search effort over cells and what it is expected to achieve.

    Attributes
    ----------
    p : ndarray of shape (n_cells,)
        The cell probabilities the plan was made for (read-only).
    rest_of_world : float
        Probability that the target is outside the grid.
    effort_km : ndarray of shape (n_cells,)
        Track length to search in each cell, km (read-only); sums to the budget.
    pod : ndarray of shape (n_cells,)
        Probability of detecting the target in each cell if it is there.
    budget_km : float
        Total track length, km.
    pos : float
        Probability of success, ``sum(p * pod)``.
    expected_effort_km : float
        ``E[min(T, budget)]``: the mean track length spent before the target is
        found or the budget runs out, when the plan is carried out in the order
        that keeps it optimal at every intermediate effort (see Notes of
        :func:`allocate_optimal`).
    mean_effort_to_find_km : float
        ``E[T | T <= budget]``: the mean track length to detection, given that
        the plan succeeds; NaN if ``pos`` is 0.
    marginal_pos_per_km : float
        The Lagrange multiplier: the probability of success gained by one more
        km of track at the margin (km⁻¹).
    method : {"lagrangian", "greedy"}
        How the plan was computed.
    coverage : ndarray of shape (n_cells,)
        ``W L / A`` per cell (sweep width × track / cell area), so that
        ``pod = 1 - exp(-coverage)``; kept because ``1 - pod`` rounds to 0 long
        before ``exp(-coverage)`` does.
    """

    p: FloatArray
    rest_of_world: float
    effort_km: FloatArray
    pod: FloatArray
    budget_km: float
    pos: float
    expected_effort_km: float
    mean_effort_to_find_km: float
    marginal_pos_per_km: float
    method: Literal["lagrangian", "greedy"]
    coverage: FloatArray

    def __post_init__(self) -> None:
        for name in ("p", "effort_km", "pod", "coverage"):
            object.__setattr__(self, name, _read_only(getattr(self, name)))
        if not (self.p.shape == self.effort_km.shape == self.pod.shape):
            raise InputError(
                "A SearchPlan's 'p', 'effort_km' and 'pod' must have the same shape. "
                f"Got {self.p.shape}, {self.effort_km.shape} and {self.pod.shape}.",
                field="effort_km",
            )

    @property
    def n_cells(self) -> int:
        """Number of grid cells."""
        return int(self.p.size)

    def posterior_if_unsuccessful(self) -> tuple[FloatArray, float]:
        """Cell probabilities and rest-of-world mass if the whole plan finds nothing.

        The update of :func:`update_after_unsuccessful_search`, computed from the
        miss probabilities ``1 - pod = exp(-coverage)`` in log space, so that it
        stays defined when a large budget drives every ``pod`` to 1.0 in floating
        point (the target is then most likely in the least-covered cell, not
        nowhere).

        Examples
        --------
        >>> plan = allocate_optimal([0.5, 0.5], 1e4, sweep_width_km=1.0,
        ...                         area_km2=1.0)
        >>> bool((plan.pod == 1.0).all())
        True
        >>> plan.posterior_if_unsuccessful()[0].round(3).tolist()
        [0.5, 0.5]
        """
        log_kept = np.full(self.p.shape, -np.inf)
        held = self.p > 0
        log_kept[held] = np.log(self.p[held]) - self.coverage[held]
        log_rest = math.log(self.rest_of_world) if self.rest_of_world > 0 else -math.inf
        top = max(float(log_kept.max(initial=-np.inf)), log_rest)
        kept = np.exp(log_kept - top)
        rest = math.exp(log_rest - top)
        total = float(kept.sum()) + rest
        return kept / total, rest / total


def _finish_plan(
    p: FloatArray,
    r: float,
    effort: FloatArray,
    w: FloatArray,
    budget: float,
    expected: float,
    marginal: float,
    method: Literal["lagrangian", "greedy"],
) -> SearchPlan:
    coverage = w * effort
    d = -np.expm1(-coverage)
    pos = float(np.dot(p, d))
    # P(not found) summed, not 1 - pos: once every cell is covered many times
    # over, 1 - pos rounds to ~1e-16 and budget * that swamped E (r28 F8: a
    # budget of 1e19 km gave a mean effort to find of 3,009 km, not 788 km)
    miss = r + float(np.dot(p, np.exp(-coverage)))
    find = (expected - budget * miss) / pos if pos > 0 else math.nan
    return SearchPlan(
        p=p,
        rest_of_world=r,
        effort_km=effort,
        pod=d,
        budget_km=budget,
        pos=pos,
        expected_effort_km=expected,
        mean_effort_to_find_km=max(0.0, find) if pos > 0 else math.nan,
        marginal_pos_per_km=marginal,
        method=method,
        coverage=coverage,
    )


#: The most that sweep width per cell area may vary over the cells searched.
_W_SPREAD = 1e12


def _coverage_scale(budget_km: float, w_max: float) -> float:
    """The power of two near ``w_max`` to measure effort in (exact scaling).

    A plan depends on ``w·z`` alone, so it is solved with ``w / scale`` and a
    budget of ``budget_km × scale``: about the coverage of the cell searched
    best, whatever the units. 1 where that would underflow (a vanishing
    budget, which goes to the best cell as it is); refused where the budget
    covers a cell more often than a float can count.
    """
    scale = 2.0 ** math.frexp(w_max)[1]
    total = budget_km * w_max
    if not math.isfinite(total):
        raise InputError(
            f"A budget of {budget_km:g} km at this sweep width and cell area "
            f"(sweep width / cell area = {w_max:g} per km) covers a cell "
            "more often than can be counted, so it cannot be planned. Use a budget "
            "and a sweep width in km, of the size a search has.",
            field="budget_km",
        )
    return scale if budget_km * scale > 0 else 1.0


def _km_and_m(km: float) -> str:
    """``"0.5 km (500 m)"``: a length in km, and in metres for the eye."""
    metres = km * 1000.0
    return f"{km:g} km ({metres:g} m)" if math.isfinite(metres) else f"{km:g} km"


def _check_swath_fits(width: FloatArray, area: FloatArray) -> None:
    """Refuse a sweep width wider than the side of the cells it is planned on.

    An allocation puts track length in each cell on its own, and Koopman's
    random-search law ``1 - exp(-W·z/A)`` holds for a swath narrow compared
    with the cell. A swath wider than the cell (``W > sqrt(A)``, the side of a
    square cell of area ``A``) cannot keep its track in one cell: the plan
    would ask for tens of metres of helicopter track in each of thousands of
    100 m cells, and credit each with a POD it cannot have. The usual cause is
    metres typed for km (``50`` for a 50 m sweep width), which the message
    names.
    """
    with np.errstate(over="ignore", under="ignore"):
        side = np.sqrt(area)
        ratio = width / side
    wide = np.flatnonzero(ratio > 1.0 + 1e-9)
    if not wide.size:
        return
    k = int(wide[np.argmax(ratio[wide])])
    w_km, side_km = float(width[k]), float(side[k])
    per_cell = width.size > 1 and not (
        np.all(width == width[0]) and np.all(area == area[0])
    )
    metres = (
        f" If you meant {w_km:g} m, give --sweep-width-km {w_km / 1000.0:g}."
        if w_km >= 5.0 and w_km / 1000.0 <= side_km
        else ""
    )
    # review r105, L2: a cell as wide as the swath must fit in the map; where
    # one would be larger than all the cells together, 'geosleuth locate'
    # refuses it (a cell larger than the region), so no coarser grid is offered
    whole_km2 = float(np.sum(area))
    whole = f"{whole_km2:,.0f}" if whole_km2 >= 10 else f"{whole_km2:.3g}"
    coarser = (
        f", or plan on a coarser grid (cells of {w_km:g} km or more: --cell-km on "
        "'geosleuth locate')"
        if w_km * w_km <= whole_km2
        else f" (a coarser grid cannot help: a cell {w_km:g} km a side would be "
        f"larger than the whole map, {whole} km²)"
    )
    raise InputError(
        f"The sweep width ('sweep_width_km'; --sweep-width-km on the command line) "
        f"of {_km_and_m(w_km)} is wider than the cells it is planned on, "
        f"{_km_and_m(side_km)} a side{f' (cell {k})' if per_cell else ''}: a swath "
        "that wide cannot keep its track in one cell, so the plan and its POS "
        f"would be impossible. Give a sweep width of at most {side_km:g} km"
        f"{coarser}.{metres}",
        field="sweep_width_km",
    )


#: The largest search budget the command line and the service take, km: no
#: search spends more. (The library plans any budget, as the plan depends on
#: sweep width × track alone.)
MOST_BUDGET_KM = 1e9


def _plan_inputs(
    p: ArrayLike,
    budget_km: float,
    sweep_width_km: ArrayLike,
    area_km2: ArrayLike,
    rest_of_world: float,
) -> tuple[FloatArray, float, float, FloatArray]:
    arr, r = _check_probabilities(p, rest_of_world)
    budget = _check_positive_scalar(budget_km, "budget_km")
    width = _per_cell_positive(sweep_width_km, arr.size, "sweep_width_km")
    area = _per_cell_positive(area_km2, arr.size, "area_km2")
    if not np.any(arr > 0):
        raise InputError(
            "There is nothing to search: every cell has probability 0 "
            f"(rest_of_world={r}).",
            field="p",
        )
    _check_swath_fits(width, area)
    with np.errstate(over="ignore", under="ignore"):
        w = width / area
    tiny = np.flatnonzero(~(np.isfinite(w) & (w > 0)))
    if tiny.size:
        k = int(tiny[0])
        raise InputError(
            f"A sweep width of {float(width[k]):g} km ('sweep_width_km'; "
            f"--sweep-width-km on the command line) on cells of {float(area[k]):g} "
            "km² covers too little of a cell per km of track to be computed. Give "
            "the sweep width and the cell area in km and km².",
            field="sweep_width_km",
        )
    live = w[arr > 0]
    if float(live.max()) > _W_SPREAD * float(live.min()):
        raise InputError(
            "The sweep width per unit of cell area (sweep_width_km / area_km2) "
            f"ranges from {float(live.min()):.3g} to {float(live.max()):.3g} per km "
            f"over the cells to search, more than a factor of {_W_SPREAD:.0e}: "
            "no search is that uneven, and such a plan cannot be computed "
            "reliably. Check the units of the widths and areas.",
            field="sweep_width_km",
        )
    return arr, r, budget, w


def _uniformly_optimal_path(
    p: FloatArray, w: FloatArray, r: float, budget: float
) -> tuple[float, float]:
    """Exact ``ln(lambda)`` at ``budget`` and ``integral_0^budget (1 - POS*(t)) dt``.

    ``POS*(t)`` is the probability of success of the optimal allocation of ``t``
    km. Cells enter the plan in decreasing order of ``a_j = ln(p_j w_j)``; while
    the active set ``S`` is fixed, ``ln(lambda)`` falls linearly in ``t`` with
    slope ``-1 / H_S``, ``H_S = sum_S 1/w_j``, and the unfound mass is
    ``U_S + lambda H_S`` with ``U_S`` the mass outside ``S`` (rest of world
    included). Each segment's integral is therefore closed-form.
    """
    pos_mask = p > 0
    pp, ww = p[pos_mask], w[pos_mask]
    a = np.log(pp) + np.log(ww)
    order = np.argsort(-a, kind="stable")
    a, pp, h = a[order], pp[order], 1.0 / ww[order]
    shift = a[0]
    b = a - shift
    big_h = np.cumsum(h)
    big_c = np.cumsum(b * h)
    tail = np.cumsum(pp[::-1])[::-1]
    outside = r + float(p[~pos_mask].sum()) + np.append(tail[1:], 0.0)
    n = b.size
    t_end = np.empty(n)
    t_end[:-1] = np.maximum(big_c[:-1] - b[1:] * big_h[:-1], 0.0)
    t_end[-1] = math.inf
    t_end = np.maximum.accumulate(t_end)
    t_start = np.concatenate(([0.0], t_end[:-1]))
    m = int(np.searchsorted(t_start, budget, side="left"))  # segments in use
    m = max(m, 1)
    s = t_start[:m]
    e = np.minimum(t_end[:m], budget)
    hk = big_h[:m]
    # unfound mass of the active set at the start of segment k: p_k w_k H_k
    mass0 = pp[:m] * ww[order][:m] * hk
    integral = float(
        np.sum(outside[:m] * (e - s) + hk * mass0 * -np.expm1(-(e - s) / hk))
    )
    log_lam = float(a[m - 1] - (budget - s[-1]) / hk[-1])
    return log_lam, integral


def allocate_optimal(
    p: ArrayLike,
    budget_km: float,
    *,
    sweep_width_km: ArrayLike,
    area_km2: ArrayLike,
    rest_of_world: float = 0.0,
) -> SearchPlan:
    r"""Split a track-length budget over cells to maximise the probability of success.

    Parameters
    ----------
    p : array_like of shape (n_cells,)
        Cell probabilities; ``sum(p) + rest_of_world`` must be 1.
    budget_km : float
        Total track length available, km (> 0).
    sweep_width_km : float or array_like of shape (n_cells,)
        Effective sweep width, km (> 0); per cell where terrain differs.
    area_km2 : float or array_like of shape (n_cells,)
        Cell areas, km² (> 0); a :class:`~geosleuth.grid.Grid` has one area for
        all cells, ``grid.cell_area_km2``.
    rest_of_world : float, default 0.0
        Probability that the target is outside the grid, in ``[0, 1]``.

    Returns
    -------
    SearchPlan
        Effort and POD per cell, the probability of success, the expected effort.

    Raises
    ------
    InputError
        If ``p`` has NaN or negative values or does not sum to
        ``1 - rest_of_world``, or the budget, a sweep width or an area is not a
        positive finite number.

    Notes
    -----
    With ``w_j = W_j / A_j`` and the Koopman detection function, the plan solves

    .. math:: \max_z \sum_j p_j (1 - e^{-w_j z_j})
              \quad \text{s.t.} \quad \sum_j z_j = B,\; z_j \ge 0.

    The objective is concave, so the Karush-Kuhn-Tucker conditions give the
    optimum (Stone 1975, Thm. 2.2.4):

    .. math:: z_j = \max\left(0, \frac{\ln(p_j w_j / \lambda)}{w_j}\right),

    where the multiplier ``λ`` (POS gained per extra km at the margin) makes the
    efforts sum to ``B``. It is found by bisection on ``ln λ`` (the total effort
    is continuous and decreasing in it) and then made exact with the closed form
    on the active set ``S``: ``ln λ = (Σ_S ln(p_j w_j)/w_j - B) / Σ_S 1/w_j``.

    The optimal plans for budgets ``t <= B`` are nested (each ``z_j`` grows with
    ``t``), so carrying the plan out in that order is optimal at every
    intermediate effort (Stone's *uniformly optimal* plan). With ``T`` the track
    length at detection, ``P(T > t) = 1 - POS*(t)`` and

    .. math:: E[\min(T, B)] = \int_0^B (1 - \mathrm{POS}^*(t))\,dt, \qquad
              E[T \mid T \le B] = \frac{E[\min(T, B)] - B (1 - \mathrm{POS}^*(B))}
              {\mathrm{POS}^*(B)},

    both computed exactly, segment by segment between the efforts at which cells
    join the plan.

    Examples
    --------
    Two equal cells of 1 km², sweep width 0.2 km (5 km of track give coverage 1):

    >>> plan = allocate_optimal([0.6, 0.4], 10.0, sweep_width_km=0.2, area_km2=1.0)
    >>> plan.effort_km.round(3)  # 5·ln(1.5) km more in the likelier cell
    array([6.014, 3.986])
    >>> round(plan.pos, 4)
    0.6396

    Edge case: a budget too small to reach the second cell, and a rest of world:

    >>> plan = allocate_optimal([0.5, 0.1], 1.0, sweep_width_km=0.2, area_km2=1.0,
    ...                         rest_of_world=0.4)
    >>> plan.effort_km.tolist()
    [1.0, 0.0]
    """
    arr, r, budget_km_, w_km = _plan_inputs(
        p, budget_km, sweep_width_km, area_km2, rest_of_world
    )
    # the plan depends on w·z alone: solve in units of the largest w's coverage,
    # so that a budget of 1e308 km at a sweep width of 1e-308 km neither
    # overflows nor underflows (efforts and λ are scaled back below)
    scale = _coverage_scale(budget_km_, float(np.max(w_km)))
    w, budget = w_km / scale, budget_km_ * scale
    with np.errstate(divide="ignore"):
        a = np.log(arr) + np.log(w)  # -inf where p == 0

    def total(log_lam: float) -> float:
        return float(np.sum(np.maximum(0.0, (a - log_lam) / w)))

    top = int(np.argmax(a))
    hi = float(a[top])  # no cell active: total == 0 < budget
    lo = hi - budget * float(w[top])  # the top cell alone takes the whole budget
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if total(mid) > budget:
            lo = mid
        else:
            hi = mid
        if hi - lo <= 1e-13 * max(1.0, abs(mid)):
            break
    # Exact multiplier on the active set found by the bisection.
    active = a > 0.5 * (lo + hi)
    active[top] = True  # a budget too small to resolve still goes to the best cell
    inv_w = 1.0 / w[active]
    log_lam = float((np.sum(a[active] * inv_w) - budget) / np.sum(inv_w))
    effort = np.maximum(0.0, (a - log_lam) / w)
    if effort.sum() > 0:
        effort *= budget / effort.sum()
    else:  # budget below the rounding of log-lambda: all of it to the best cell
        effort[top] = budget
    # Cells that join the plan only beyond the budget add their mass to the
    # unfound remainder and nothing else, so the path needs only the others.
    joins = a > log_lam - 1e-9 * max(1.0, abs(log_lam))
    rest_mass = r + float(arr[~joins].sum())
    _, expected = _uniformly_optimal_path(arr[joins], w[joins], rest_mass, budget)
    return _finish_plan(
        arr, r, effort / scale, w_km, budget_km_, expected / scale,
        math.exp(log_lam) * scale, "lagrangian",
    )  # fmt: skip


def _greedy_steps(
    p: FloatArray, w: FloatArray, budget: float, n_steps: int
) -> tuple[IntArray, FloatArray]:
    """Equal increments of track, each to the cell with the largest gain in POS."""
    step = budget / n_steps
    gain_factor = np.log(-np.expm1(-w * step))
    with np.errstate(divide="ignore"):
        log_p = np.log(p)
    keys = log_p + gain_factor  # ln of the POS gained by the next increment
    cand = np.flatnonzero(np.isfinite(keys))
    heap = [(-float(keys[j]), int(j)) for j in cand]
    heapq.heapify(heap)
    cells = np.empty(n_steps, dtype=np.int64)
    for k in range(n_steps):
        neg_key, j = heap[0]
        cells[k] = j
        # after the increment the cell's unfound mass shrinks by exp(-w step)
        heapq.heapreplace(heap, (neg_key + float(w[j]) * step, j))
    steps = np.full(n_steps, step)
    steps[-1] = budget - step * (n_steps - 1)
    return cells, steps


def allocate_greedy(
    p: ArrayLike,
    budget_km: float,
    *,
    sweep_width_km: ArrayLike,
    area_km2: ArrayLike,
    rest_of_world: float = 0.0,
    n_steps: int = 10_000,
) -> SearchPlan:
    """Allocate a budget in equal increments, each where it adds the most POS.

    The incremental counterpart of :func:`allocate_optimal`: ``n_steps``
    increments of ``budget_km / n_steps`` km, each given to the cell whose
    probability of success it raises the most given the effort already placed.
    Because the objective is separable and concave the greedy plan is optimal for
    the discrete problem, and it is within one increment per cell of the
    Lagrangian plan.

    Parameters
    ----------
    p, budget_km, sweep_width_km, area_km2, rest_of_world
        As in :func:`allocate_optimal`.
    n_steps : int, default 10_000
        Number of increments. Time is ``O(n_cells + n_steps log n_cells)``.

    Returns
    -------
    SearchPlan
        With ``method="greedy"``; ``expected_effort_km`` is exact for the
        increments carried out in the order chosen (see
        :func:`expected_effort_km`), and ``marginal_pos_per_km`` is the gain per
        km of the next increment.

    Raises
    ------
    InputError
        As :func:`allocate_optimal`, or if ``n_steps`` is not a positive integer.

    Notes
    -----
    Increment ``k`` of ``δ`` km goes to the cell maximising

    .. math:: p_j e^{-w_j z_j} (1 - e^{-w_j δ}),

    the probability of finding the target with that increment, where ``z_j`` is
    the effort already in cell ``j``. With equal ``w_j`` this is the cell with the
    highest posterior after the searches so far failed.

    Examples
    --------
    >>> plan = allocate_greedy([0.6, 0.4], 10.0, sweep_width_km=0.2, area_km2=1.0)
    >>> plan.effort_km.round(2)
    array([6.01, 3.99])

    Edge case: one increment goes wholly to the likeliest cell.

    >>> allocate_greedy([0.3, 0.7], 2.0, sweep_width_km=0.2, area_km2=1.0,
    ...                 n_steps=1).effort_km.tolist()
    [0.0, 2.0]
    """
    if (
        isinstance(n_steps, bool)
        or not isinstance(n_steps, (int, np.integer))
        or n_steps < 1
    ):
        raise InputError(
            f"'n_steps' must be a positive integer. Got {n_steps!r} instead.",
            field="n_steps",
        )
    arr, r, budget, w = _plan_inputs(
        p, budget_km, sweep_width_km, area_km2, rest_of_world
    )
    cells, steps = _greedy_steps(arr, w, budget, int(n_steps))
    seq = EffortSequence(cells=cells, effort_km=steps)
    effort = seq.effort_per_cell(arr.size)
    expected = _sequence_integral(seq, arr, w, r)
    unfound = arr * np.exp(-w * effort)
    marginal = float(np.max(unfound * w))
    return _finish_plan(arr, r, effort, w, budget, expected, marginal, "greedy")


# --------------------------------------------------------------------- update
def update_after_unsuccessful_search(
    p: ArrayLike, pod: ArrayLike, *, rest_of_world: float = 0.0
) -> tuple[FloatArray, float]:
    r"""Cell probabilities after a search that did not find the target.

    Parameters
    ----------
    p : array_like of shape (n_cells,)
        Probabilities before the search; ``sum(p) + rest_of_world`` must be 1.
    pod : array_like of shape (n_cells,) or float
        Probability that the search detected the target in each cell if it was
        there (0 for cells not searched), in ``[0, 1]``.
    rest_of_world : float, default 0.0
        Probability that the target is outside the grid before the search. It is
        never searched, so it can only grow.

    Returns
    -------
    p_after : ndarray of shape (n_cells,)
        Probabilities after the search.
    rest_of_world_after : float
        Rest-of-world probability after the search; with ``p_after`` it sums
        to 1.

    Raises
    ------
    InputError
        If the inputs are invalid, or if the search was certain to succeed
        (``sum(p * pod) == 1``: every cell holding probability searched with
        ``pod = 1`` and no rest of world), so that failing is impossible.

    Notes
    -----
    Bayes' rule with the likelihood of a failed search, ``1 - d_j`` in cell ``j``
    and 1 outside the grid:

    .. math:: p'_j = \frac{p_j (1 - d_j)}{1 - \sum_k p_k d_k}, \qquad
              r' = \frac{r}{1 - \sum_k p_k d_k}.

    Unsearched cells and the rest of the world never lose, and every searched
    cell loses relative to them (``p'_j / p_j = (1 - d_j) / (1 - Σ p_k d_k)``).
    The searched cells as a whole never gain, nor does any cell of an area swept
    with one POD; a lightly searched cell can still gain a little when other
    cells were searched harder (when ``d_j < Σ p_k d_k``). A cell searched with
    ``d_j = 1`` is emptied, and nothing else is.

    Examples
    --------
    >>> p_after, rest = update_after_unsuccessful_search(
    ...     [0.5, 0.3], [0.5, 0.0], rest_of_world=0.2)
    >>> p_after.round(4), round(rest, 4)
    (array([0.3333, 0.4   ]), 0.2667)

    Edge case: a certain search of everything, with a rest of world, leaves all
    the probability outside the grid.

    >>> update_after_unsuccessful_search([0.9], [1.0], rest_of_world=0.1)
    (array([0.]), 1.0)
    """
    arr, r = _check_probabilities(p, rest_of_world)
    d = _as_float_array(pod, "pod")
    try:
        d = np.array(np.broadcast_to(d, arr.shape), dtype=np.float64)
    except ValueError:
        raise InputError(
            f"'pod' must be a number or an array of shape {arr.shape}. Got shape "
            f"{d.shape} instead.",
            field="pod",
        ) from None
    bad = np.flatnonzero(~(np.isfinite(d) & (d >= 0) & (d <= 1)))
    if bad.size:
        raise InputError(
            "Each 'pod' must be a probability in [0, 1]. Got "
            f"{float(d[bad[0]])!r} in cell {int(bad[0])} instead.",
            field="pod",
        )
    kept = arr * (1.0 - d)
    remaining = float(kept.sum()) + r  # = 1 - sum(p d), without cancellation
    if remaining <= 0.0:
        raise InputError(
            "This search could not have failed: it searched every cell that holds "
            "probability with pod = 1 and there is no rest of world. Give "
            "'rest_of_world' a positive probability.",
            field="pod",
        )
    return kept / remaining, r / remaining


def scale_for_rest_of_world(p: ArrayLike, *, rest_of_world: float) -> FloatArray:
    """Scale a posterior that sums to 1 over the grid so that room is left outside.

    Parameters
    ----------
    p : array_like of shape (n_cells,)
        Cell probabilities summing to 1.
    rest_of_world : float
        Probability to give to "not in the grid", in ``[0, 1]``.

    Returns
    -------
    ndarray of shape (n_cells,)
        ``(1 - rest_of_world) * p``.

    Examples
    --------
    >>> scale_for_rest_of_world([0.75, 0.25], rest_of_world=0.2)
    array([0.6, 0.2])
    >>> scale_for_rest_of_world([1.0], rest_of_world=0.0)
    array([1.])
    """
    arr, _ = _check_probabilities(p, 0.0)
    r = _check_rest_of_world(rest_of_world)
    return np.asarray((1.0 - r) * arr, dtype=np.float64)


# ----------------------------------------------------------------- sequences
@dataclass(frozen=True, slots=True, init=False, eq=False)
class EffortSequence:
    """Search effort in the order it is spent, as increments of track per cell.

    Increment ``k`` is ``effort_km[k]`` km of track in cell ``cells[k]``.

    Attributes
    ----------
    cells : ndarray of int64, shape (n_increments,)
        Cell searched by each increment.
    effort_km : ndarray of float64, shape (n_increments,)
        Track length of each increment, km (>= 0).

    Examples
    --------
    >>> seq = EffortSequence(cells=[2, 0, 2], effort_km=[1.0, 0.5, 1.0])
    >>> seq.total_km, seq.effort_per_cell(3).tolist()
    (2.5, [0.5, 0.0, 2.0])
    >>> EffortSequence(cells=[0], effort_km=[-1.0])
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: An EffortSequence's 'effort_km' must be ...
    """

    cells: IntArray
    effort_km: FloatArray

    def __init__(self, cells: ArrayLike, effort_km: ArrayLike) -> None:
        cells = np.asarray(cells)
        effort = _as_float_array(effort_km, "effort_km")
        if cells.ndim != 1 or effort.shape != cells.shape:
            raise InputError(
                "An EffortSequence needs 1-D 'cells' and 'effort_km' of the same "
                f"length. Got shapes {cells.shape} and {effort.shape} instead.",
                field="cells",
            )
        if cells.size and (
            not np.issubdtype(cells.dtype, np.integer) or int(cells.min()) < 0
        ):
            raise InputError(
                "An EffortSequence's 'cells' must be non-negative integers. Got "
                f"dtype {cells.dtype} with minimum {int(cells.min())!r} instead.",
                field="cells",
            )
        bad = ~(np.isfinite(effort) & (effort >= 0))
        if np.any(bad):
            raise InputError(
                "An EffortSequence's 'effort_km' must be non-negative and finite. "
                f"Got {float(effort[bad][0])!r} instead.",
                field="effort_km",
            )
        if cells.size == 0:
            cells = cells.astype(np.int64)
        c = np.array(cells, dtype=np.int64)
        c.flags.writeable = False
        object.__setattr__(self, "cells", c)
        object.__setattr__(self, "effort_km", _read_only(effort))

    @property
    def total_km(self) -> float:
        """Total track length, km."""
        return float(self.effort_km.sum())

    def effort_per_cell(self, n_cells: int) -> FloatArray:
        """Total track length spent in each of ``n_cells`` cells, km."""
        return np.bincount(
            self.cells, weights=self.effort_km, minlength=n_cells
        ).astype(np.float64)[:n_cells]


def _n_increments(budget: float, step: float) -> tuple[int, float]:
    n = max(1, math.ceil(budget / step - 1e-9))
    return n, budget - step * (n - 1)


def _cyclic_sequence(order: IntArray, budget: float, step: float) -> EffortSequence:
    n, last = _n_increments(budget, step)
    cells = order[np.arange(n) % order.size]
    effort = np.full(n, step)
    effort[-1] = last
    return EffortSequence(cells=cells, effort_km=effort)


def _sequence_inputs(
    p: ArrayLike, budget_km: float, step_km: float, rest_of_world: float
) -> tuple[FloatArray, float, float]:
    arr, _ = _check_probabilities(p, rest_of_world)
    budget = _check_positive_scalar(budget_km, "budget_km")
    step = _check_positive_scalar(step_km, "step_km")
    return arr, budget, step


def optimal_sequence(
    p: ArrayLike,
    budget_km: float,
    *,
    step_km: float,
    sweep_width_km: ArrayLike,
    area_km2: ArrayLike,
    rest_of_world: float = 0.0,
) -> EffortSequence:
    """The optimal plan as a sequence: each increment where it adds the most POS.

    The increments of :func:`allocate_greedy`, in order; after any number of them
    the effort placed is the optimal plan for that much effort (to within one
    increment per cell), so no sequence of equal increments has a smaller mean
    effort to detection.

    Parameters
    ----------
    p : array_like of shape (n_cells,)
        Cell probabilities; ``sum(p) + rest_of_world`` must be 1.
    budget_km : float
        Total track length of the sequence, km.
    step_km : float
        Track length of each increment, km.
    sweep_width_km, area_km2 : float or array_like of shape (n_cells,)
        As in :func:`allocate_optimal`.
    rest_of_world : float, default 0.0
        Probability outside the grid.

    Returns
    -------
    EffortSequence

    Examples
    --------
    >>> seq = optimal_sequence([0.6, 0.4], 4.0, step_km=1.0, sweep_width_km=0.2,
    ...                        area_km2=1.0)
    >>> seq.cells.tolist()
    [0, 0, 0, 1]
    >>> optimal_sequence([1.0], 0.5, step_km=1.0, sweep_width_km=0.2,
    ...                  area_km2=1.0).effort_km.tolist()  # budget below one step
    [0.5]
    """
    arr, budget, step = _sequence_inputs(p, budget_km, step_km, rest_of_world)
    _, _, _, w = _plan_inputs(arr, budget, sweep_width_km, area_km2, rest_of_world)
    n, last = _n_increments(budget, step)
    cells, steps = _greedy_steps(arr, w, step * n, n)
    steps[-1] = last
    return EffortSequence(cells=cells, effort_km=steps)


def highest_probability_first_sequence(
    p: ArrayLike, budget_km: float, *, step_km: float, rest_of_world: float = 0.0
) -> EffortSequence:
    """Search cells in decreasing order of their initial probability, in passes.

    Each pass gives every cell one increment of ``step_km``, likeliest first;
    passes repeat until the budget is spent. The order is fixed from ``p`` and not
    revised as searches fail.

    Parameters
    ----------
    p : array_like of shape (n_cells,)
        Cell probabilities; ``sum(p) + rest_of_world`` must be 1.
    budget_km, step_km : float
        Total track length and the track length of one visit, km.
    rest_of_world : float, default 0.0
        Probability outside the grid.

    Returns
    -------
    EffortSequence

    Examples
    --------
    >>> highest_probability_first_sequence([0.2, 0.5, 0.3], 4.0,
    ...                                    step_km=1.0).cells.tolist()
    [1, 2, 0, 1]
    >>> highest_probability_first_sequence([0.5, 0.5], 1.0, step_km=1.0).cells.tolist()
    [0]
    """
    arr, budget, step = _sequence_inputs(p, budget_km, step_km, rest_of_world)
    order = np.argsort(-arr, kind="stable").astype(np.int64)
    return _cyclic_sequence(order, budget, step)


def uniform_sequence(
    p: ArrayLike, budget_km: float, *, step_km: float, rest_of_world: float = 0.0
) -> EffortSequence:
    """Search every cell alike: row-major passes of one increment per cell.

    ``p`` only fixes the number of cells (and is validated); the order ignores it.

    Parameters
    ----------
    p : array_like of shape (n_cells,)
        Cell probabilities; ``sum(p) + rest_of_world`` must be 1.
    budget_km, step_km : float
        Total track length and the track length of one visit, km.
    rest_of_world : float, default 0.0
        Probability outside the grid.

    Returns
    -------
    EffortSequence

    Examples
    --------
    >>> uniform_sequence([0.1, 0.9], 3.0, step_km=1.0).cells.tolist()
    [0, 1, 0]
    >>> uniform_sequence([1.0], 2.5, step_km=1.0).effort_km.tolist()
    [1.0, 1.0, 0.5]
    """
    arr, budget, step = _sequence_inputs(p, budget_km, step_km, rest_of_world)
    return _cyclic_sequence(np.arange(arr.size, dtype=np.int64), budget, step)


def outward_sequence(
    p: ArrayLike,
    budget_km: float,
    *,
    step_km: float,
    x_km: ArrayLike,
    y_km: ArrayLike,
    rest_of_world: float = 0.0,
) -> EffortSequence:
    """Search outward from the probability-weighted centroid, in passes.

    Cells are visited in increasing distance of their centres from the centroid
    ``(sum(p x) / sum(p), sum(p y) / sum(p))``, one increment each per pass.

    Parameters
    ----------
    p : array_like of shape (n_cells,)
        Cell probabilities; ``sum(p) + rest_of_world`` must be 1.
    budget_km, step_km : float
        Total track length and the track length of one visit, km.
    x_km, y_km : array_like of shape (n_cells,)
        Cell centres in a plane with km units (``Grid.cell_xy_km()``).
    rest_of_world : float, default 0.0
        Probability outside the grid.

    Returns
    -------
    EffortSequence

    Examples
    --------
    >>> outward_sequence([0.1, 0.1, 0.8], 3.0, step_km=1.0,
    ...                  x_km=[0.0, 1.0, 2.0], y_km=[0.0, 0.0, 0.0]).cells.tolist()
    [2, 1, 0]
    >>> outward_sequence([1.0], 1.0, step_km=1.0, x_km=[0.0],
    ...                  y_km=[float("nan")])
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: 'x_km' and 'y_km' must be finite arrays of ...
    """
    arr, budget, step = _sequence_inputs(p, budget_km, step_km, rest_of_world)
    x = _as_float_array(x_km, "x_km")
    y = _as_float_array(y_km, "y_km")
    if (
        x.shape != arr.shape
        or y.shape != arr.shape
        or not (np.all(np.isfinite(x)) and np.all(np.isfinite(y)))
    ):
        raise InputError(
            f"'x_km' and 'y_km' must be finite arrays of shape {arr.shape}. Got "
            f"shapes {x.shape} and {y.shape} instead.",
            field="x_km",
        )
    mass = arr.sum()
    cx, cy = float(np.dot(arr, x) / mass), float(np.dot(arr, y) / mass)
    order = np.argsort(np.hypot(x - cx, y - cy), kind="stable").astype(np.int64)
    return _cyclic_sequence(order, budget, step)


def _sequence_integral(
    seq: EffortSequence, p: FloatArray, w: FloatArray, r: float
) -> float:
    """``integral_0^total (1 - POS(t)) dt`` for effort spent in the sequence's order."""
    if seq.cells.size and int(seq.cells.max()) >= p.size:
        raise InputError(
            f"The sequence searches cell {int(seq.cells.max())}, but there are only "
            f"{p.size} cells.",
            field="cells",
        )
    cells, delta = seq.cells, seq.effort_km
    order = np.argsort(cells, kind="stable")
    cum = np.cumsum(delta[order])
    sorted_cells = cells[order]
    starts = np.flatnonzero(np.r_[True, sorted_cells[1:] != sorted_cells[:-1]])
    group_offset = np.repeat(
        cum[starts] - delta[order][starts], np.diff(np.r_[starts, cum.size])
    )
    z_after = np.empty_like(cum)
    z_after[order] = cum - group_offset
    z_before = z_after - delta
    wc = w[cells]
    unfound_cell = p[cells] * np.exp(-wc * z_before)  # p_c e^{-w z} before the step
    found = unfound_cell * -np.expm1(-wc * delta)
    pos_before = np.concatenate(([0.0], np.cumsum(found)[:-1]))
    partial = unfound_cell * (delta - (-np.expm1(-wc * delta)) / wc)
    return float(np.sum((1.0 - pos_before) * delta - partial))


def expected_effort_km(
    sequence: EffortSequence,
    p: ArrayLike,
    *,
    sweep_width_km: ArrayLike,
    area_km2: ArrayLike,
    rest_of_world: float = 0.0,
) -> float:
    r"""Exact mean track length spent by a sequence before detection or its end.

    Parameters
    ----------
    sequence : EffortSequence
        Effort in the order it is spent.
    p : array_like of shape (n_cells,)
        Cell probabilities; ``sum(p) + rest_of_world`` must be 1.
    sweep_width_km, area_km2 : float or array_like of shape (n_cells,)
        As in :func:`allocate_optimal`.
    rest_of_world : float, default 0.0
        Probability outside the grid.

    Returns
    -------
    float
        ``E[min(T, L)]`` in km, ``T`` the track length at detection and ``L``
        the sequence's total length.

    Notes
    -----
    .. math:: E[\min(T, L)] = \int_0^L (1 - \mathrm{POS}(t))\,dt,

    integrated exactly: during an increment of ``δ`` km in cell ``c`` that
    already holds ``z`` km, ``POS`` rises by ``p_c e^{-w z}(1 - e^{-w s})`` after
    ``s`` km, so the increment contributes
    ``(1 - POS_0) δ - p_c e^{-w z}(δ - (1 - e^{-w δ})/w)``.

    Examples
    --------
    >>> seq = EffortSequence(cells=[0], effort_km=[5.0])
    >>> round(expected_effort_km(seq, [1.0], sweep_width_km=0.2, area_km2=1.0), 4)
    3.1606
    >>> expected_effort_km(EffortSequence(cells=[], effort_km=[]), [1.0],
    ...                    sweep_width_km=0.2, area_km2=1.0)
    0.0
    """
    arr, r = _check_probabilities(p, rest_of_world)
    width = _per_cell_positive(sweep_width_km, arr.size, "sweep_width_km")
    area = _per_cell_positive(area_km2, arr.size, "area_km2")
    if sequence.cells.size == 0:
        return 0.0
    return _sequence_integral(sequence, arr, width / area, r)


def simulate_effort_to_detection(
    sequence: EffortSequence,
    target_cell: int,
    *,
    sweep_width_km: ArrayLike,
    area_km2: ArrayLike,
    rng: RngLike = None,
) -> float:
    """Track length spent until a target in ``target_cell`` is detected (one draw).

    Parameters
    ----------
    sequence : EffortSequence
        Effort in the order it is spent.
    target_cell : int
        Where the target is; ``-1`` for outside the grid (never detected).
    sweep_width_km, area_km2 : float or array_like of shape (n_cells,)
        As in :func:`pod`; an array is indexed by cell.
    rng : numpy.random.Generator, int or None
        Source of randomness.

    Returns
    -------
    float
        Track length in km at detection; ``inf`` if the sequence ends first.

    Notes
    -----
    Under the Koopman model, the track length in the target's cell needed to
    detect it is exponential with rate ``w = W / A``: ``P(detected by z) =
    1 - e^{-w z}``. One draw ``E ~ Exp(w)`` is compared with the cumulative
    effort in that cell.

    Examples
    --------
    >>> seq = EffortSequence(cells=[1, 0, 1], effort_km=[2.0, 2.0, 2.0])
    >>> t = simulate_effort_to_detection(seq, 0, sweep_width_km=0.2, area_km2=1.0,
    ...                                  rng=1)
    >>> 2.0 <= t <= 4.0 or t == float("inf")
    True
    >>> simulate_effort_to_detection(seq, -1, sweep_width_km=0.2, area_km2=1.0)
    inf
    """
    gen = np.random.default_rng(rng)
    if target_cell < 0:
        return math.inf
    cell = int(target_cell)
    width = np.asarray(sweep_width_km, dtype=np.float64)
    area = np.asarray(area_km2, dtype=np.float64)
    w = float(
        (width if width.ndim == 0 else width[cell])
        / (area if area.ndim == 0 else area[cell])
    )
    if not (math.isfinite(w) and w > 0):
        raise InputError(
            "'sweep_width_km' and 'area_km2' must be positive and finite. Got a "
            f"ratio of {w!r} for cell {cell} instead.",
            field="sweep_width_km",
        )
    need = float(gen.exponential(1.0 / w))
    idx = np.flatnonzero(sequence.cells == cell)
    if idx.size == 0:
        return math.inf
    z = np.cumsum(sequence.effort_km[idx])
    k = int(np.searchsorted(z, need, side="left"))
    if k >= idx.size:
        return math.inf
    step_index = int(idx[k])
    before_total = float(sequence.effort_km[:step_index].sum())
    before_cell = float(z[k - 1]) if k > 0 else 0.0
    return before_total + (need - before_cell)
