"""Fuse evidence into a probability map: prior × Π likelihood, on an equal-area grid.

The estimate is a pure function of (evidence, ``as_of``, settings): only items dated,
and published, on or before ``as_of`` are used; each becomes one likelihood factor
over the cells; the posterior is ``prior × Π L`` normalised once, in log space.

Likelihoods
-----------
Every item that may be false enters as a mixture ``L = r·K + (1 − r)``, where ``r`` is
the probability that it is true (grade × hedge, see
:class:`~geosleuth.evidence.GradeTable`, capped at ``Settings.max_reliability`` = 0.99)
and ``K`` is its likelihood ratio against an uninformative report, scaled so that its
mean over the grid is 1. Since ``1 − r ≥ 0.01``, no report can zero a cell; only a
search with ``pd = 1`` empties an area.

- **Sightings** of one subject (same ``group``) are alternatives — the person was at
  each place at some time — so they fuse as a weighted mixture of Gaussian kernels
  ``K = Σ wᵢ·A·φ(d; σᵢ) / Σ wᵢ`` (``A`` the grid's area), then ``L = Σ wᵢ(rᵢ Kᵢ + 1 −
  rᵢ) / Σ wᵢ``. ``σᵢ² = σ_pos² + σ_assoc² + D·ageᵢ + cell²/12``: the associate term
  only for associates, ``D`` the diffusion of the movement model below, the last
  term the spread of a point within a cell.
- **Claims** use a soft region ``s(x) = exp(−max(0, d(x) − buffer)² / 2σ²)`` with
  ``σ² = σ_edge² + D·age``; ``K = s / mean(s)`` (``1 − s`` for "is not").
- **Territory**: the newest item of each group (on or before ``as_of``) with a soft
  edge, ``r = p_true × tie``; older ones are superseded.
- **Front**: the force holds the half-plane beyond the line at ``distance_km`` from the
  place along ``bearing_deg``; ``s = Φ((distance − u)/σ)`` with ``u`` the distance
  along the bearing, limited to ``width_km`` across it.
- **Searched**: ``L = 1 − pd·r·m(x)`` with ``m`` the searched mask (Bayesian search
  update); only ``pd·r = 1`` empties cells, and only inside the area.
- **Event sets**: a KDE (``sigma_km``) or CGT surface normalised to mean 1, mixed with
  ``r``. CGT takes its buffer from the events' nearest-neighbour distances; a set
  whose events all coincide has none and is left out, with that reason.

Movement model
--------------
Between an item's date and ``as_of`` the target is assumed to move as a 2-D Gaussian
random walk: the positional variance grows by ``D`` km² per day on each axis
(``Settings.diffusion_km2_per_day``, default 1, i.e. σ ≈ 19 km after a year). Kernels
widen accordingly, so old evidence is vaguer, not weaker.

Life status
-----------
``P(alive)`` starts at ``prior_alive`` and decays between dated events with a constant
hazard ``h`` per year (``exp(−h·Δt)``). A proof of life with reliability ``r`` sets
``P ← r + (1 − r)·P``; a claim of death multiplies the odds of death by
``(1 + r)/(1 − r)``.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
from scipy.special import ndtr

from geosleuth._types import ArrayLike, FloatArray
from geosleuth.dependence import DEPENDENT_KINDS, document_source, source_weights
from geosleuth.errors import InputError
from geosleuth.evidence import (
    DEFAULT_GRADES,
    Claim,
    EventSet,
    EvidenceItem,
    Front,
    GradeTable,
    LifeStatus,
    Searched,
    Sighting,
    Territory,
)
from geosleuth.geometry import Point, coverage, distance_km
from geosleuth.grid import Grid

__all__ = [
    "Contribution",
    "Estimate",
    "Factor",
    "NamedPlace",
    "PlaceProbability",
    "Settings",
    "TimelinePoint",
    "factors",
    "fuse",
    "gaussian_mixture_density",
    "hdr_area_km2",
    "hdr_mask",
    "hdr_masks",
    "p_alive",
    "place_probabilities",
    "posterior_from_factors",
    "select",
    "timeline",
]

_DAYS_PER_YEAR = 365.25


@dataclass(frozen=True, slots=True)
class Settings:
    """Model settings; every estimate records the settings it used.

    Parameters
    ----------
    diffusion_km2_per_day : float, default 1.0
        Movement model: variance added per day on each axis (km²/day).
    hazard_per_year : float, default 0.1
        Hazard of death per year used to age ``P(alive)``.
    prior_alive : float, default 0.9
        ``P(alive)`` before the first life-status item.
    place_radius_km : float, default 15.0
        Radius of the disc around a named place whose probability is reported.
    search_memory_days : float or None, default None
        If set, a search's detection probability decays as ``exp(−age/memory)`` (the
        target may have moved in since). ``None`` keeps searches at full strength.
    cutoff_sigmas : float, default 8.0
        Kernels are not evaluated beyond this many σ (they are below 1e-14 there).
    max_reliability : float, default 0.99
        Cap on the probability that any item other than a search is true, so that no
        report, however certain its wording or grade, can zero a cell: only a search
        (``pd = 1``) empties an area.
    source_correlation : float, default 0.0
        ρ, the correlation assumed between the claims and sightings of one document
        (:mod:`geosleuth.dependence`): each of ``n`` such factors is weighted by
        ``1 / (1 + (n − 1) ρ)``. 0 treats them as independent; 1 lets a document
        count as one item.
    grades : GradeTable
        Grade and hedge probabilities.

    Examples
    --------
    >>> Settings(diffusion_km2_per_day=4.0).place_radius_km
    15.0
    >>> Settings(prior_alive=1.5)
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: The setting 'prior_alive' is out of range. Got 1.5 ...
    """

    diffusion_km2_per_day: float = 1.0
    hazard_per_year: float = 0.1
    prior_alive: float = 0.9
    place_radius_km: float = 15.0
    search_memory_days: float | None = None
    cutoff_sigmas: float = 8.0
    max_reliability: float = 0.99
    source_correlation: float = 0.0
    grades: GradeTable = DEFAULT_GRADES

    def __post_init__(self) -> None:
        checks = {
            "diffusion_km2_per_day": self.diffusion_km2_per_day >= 0,
            "hazard_per_year": self.hazard_per_year >= 0,
            "prior_alive": 0 <= self.prior_alive <= 1,
            "place_radius_km": self.place_radius_km > 0,
            "cutoff_sigmas": self.cutoff_sigmas > 0,
            "max_reliability": 0 < self.max_reliability < 1,
            "source_correlation": 0 <= self.source_correlation <= 1,
        }
        for name, ok in checks.items():
            value = getattr(self, name)
            if not (isinstance(value, (int, float)) and math.isfinite(value) and ok):
                raise InputError(
                    f"The setting {name!r} is out of range. Got {value!r} instead.",
                    field=f"settings.{name}",
                )
        mem = self.search_memory_days
        if mem is not None and not (isinstance(mem, (int, float)) and mem > 0):
            raise InputError(
                "The setting 'search_memory_days' must be a positive number of days or "
                f"null. Got {mem!r} instead.",
                field="settings.search_memory_days",
            )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        """Rebuild settings written by :meth:`to_dict`.

        Examples
        --------
        >>> s = Settings(diffusion_km2_per_day=2.5)
        >>> Settings.from_dict(s.to_dict()) == s
        True
        """
        d = dict(data)
        grades = d.pop("grades", None)
        kwargs: dict[str, Any] = dict(d)
        if grades is not None:
            kwargs["grades"] = GradeTable(
                reliability_p=tuple(
                    (str(k), float(v)) for k, v in grades["reliability"].items()
                ),
                credibility_p=tuple(
                    (int(k), float(v)) for k, v in grades["credibility"].items()
                ),
                hedge_p=tuple((str(k), float(v)) for k, v in grades["hedge"].items()),
            )
        try:
            return cls(**kwargs)
        except TypeError as exc:
            raise InputError(
                f"Unknown or missing settings: {exc}.", field="settings"
            ) from None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping."""
        return {
            "diffusion_km2_per_day": self.diffusion_km2_per_day,
            "hazard_per_year": self.hazard_per_year,
            "prior_alive": self.prior_alive,
            "place_radius_km": self.place_radius_km,
            "search_memory_days": self.search_memory_days,
            "cutoff_sigmas": self.cutoff_sigmas,
            "max_reliability": self.max_reliability,
            "source_correlation": self.source_correlation,
            "grades": {
                "reliability": dict(self.grades.reliability_p),
                "credibility": {str(k): v for k, v in self.grades.credibility_p},
                "hedge": dict(self.grades.hedge_p),
            },
        }


@dataclass(frozen=True, slots=True)
class NamedPlace:
    """A place whose probability the estimate reports.

    Examples
    --------
    >>> NamedPlace("Hajin", 40.83138, 34.69508).name
    'Hajin'
    """

    name: str
    lon: float
    lat: float


@dataclass(frozen=True, slots=True)
class PlaceProbability:
    """Probability that the target is within ``radius_km`` of a named place.

    Examples
    --------
    >>> g = Grid.around(40.0, 35.0, radius_km=30.0, cell_km=1.0)
    >>> (q,) = place_probabilities(np.full(g.n_cells, 1 / g.n_cells), g,
    ...                            [NamedPlace("centre", 40.0, 35.0)], radius_km=15.0)
    >>> round(q.probability, 2)  # a 15 km disc in a 60 km square, uniform map
    0.2
    """

    name: str
    lon: float
    lat: float
    radius_km: float
    probability: float
    in_hdr90: bool


@dataclass(frozen=True, slots=True)
class Factor:
    """One likelihood factor: an item, or a group of sightings fused as a mixture.

    Examples
    --------
    >>> f = Factor("s1", ("s1",), "sighting", np.zeros(4))
    >>> f.item_ids
    ('s1',)
    """

    key: str
    item_ids: tuple[str, ...]
    kind: str
    log_l: FloatArray = field(repr=False)
    #: The exponent already applied to the likelihood in ``log_l``
    #: (:func:`~geosleuth.dependence.source_weights`; 1 for an independent item).
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class Contribution:
    """How much the estimate moves without an item.

    ``map_shift`` is the total-variation distance between the posterior with and
    without the item (0: no effect, 1: disjoint maps); ``p_alive_shift`` the change in
    ``P(alive)``; ``top_place_without`` the probability of the best-ranked place
    (``Estimate.places[0]``) without the item, or None when no place is ranked;
    ``weight`` the exponent of its likelihood, below 1 when it shares its source
    with other items (``Settings.source_correlation``).

    Examples
    --------
    >>> Contribution("basri", "claim", 0.24, 0.0).map_shift
    0.24
    """

    item_id: str
    kind: str
    map_shift: float
    p_alive_shift: float
    top_place_without: float | None = None
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class Estimate:
    """The result of :func:`fuse`.

    Attributes
    ----------
    as_of : datetime.date
    grid : Grid
    posterior : ndarray of shape (n_cells,)
        Sums to 1; read-only.
    p_alive : float
    hdr_km2 : dict
        ``{"50": area, "90": area}`` of the highest-density regions, km².
    places : tuple of PlaceProbability
        Best first.
    contributions : tuple of Contribution
        One per used item, in item order.
    used : tuple of str
        Ids of the items that entered the estimate.
    excluded : tuple of (str, str)
        ``(id, reason)`` for every item left out.
    settings : Settings

    Examples
    --------
    >>> from geosleuth.evidence import Provenance
    >>> g = Grid.around(40.0, 35.0, radius_km=20.0, cell_km=1.0)
    >>> est = fuse([], g, as_of=dt.date(2020, 1, 1))
    >>> est.p_alive, est.hdr_km2["50"]  # no evidence: the prior, half the grid
    (0.9, 800.0)
    >>> seen = Sighting(id="s", provenance=Provenance(document="d"),
    ...                 date=dt.date(2020, 1, 1), place=Point(40.0, 35.0), sigma_km=3)
    >>> est = fuse([seen], g, as_of=dt.date(2020, 1, 1))
    >>> est.in_hdr(40.0, 35.0, 0.5), est.in_hdr(40.2, 35.1), est.in_hdr(10.0, 10.0)
    (True, False, False)
    """

    as_of: dt.date
    grid: Grid
    posterior: FloatArray = field(repr=False)
    p_alive: float
    hdr_km2: dict[str, float]
    places: tuple[PlaceProbability, ...]
    contributions: tuple[Contribution, ...]
    used: tuple[str, ...]
    excluded: tuple[tuple[str, str], ...]
    settings: Settings

    def top_place_range(self) -> tuple[float, float] | None:
        """Lowest and highest probability of the best place without any one item.

        None without ranked places or contributions. A narrow range means that no
        single report carries the conclusion.
        """
        values = [
            c.top_place_without
            for c in self.contributions
            if c.top_place_without is not None
        ]
        if not self.places or not values:
            return None
        now = self.places[0].probability
        return (min([now, *values]), max([now, *values]))

    def probability_within(self, lon: float, lat: float, radius_km: float) -> float:
        """Probability that the target is within ``radius_km`` of (lon, lat)."""
        return float(np.dot(self.posterior, _disc(self.grid, lon, lat, radius_km)))

    def in_hdr(self, lon: float, lat: float, level: float = 0.9) -> bool:
        """Whether (lon, lat) lies in the ``level`` highest-density region."""
        cell = int(self.grid.lonlat_to_cell(lon, lat))
        if cell < 0:
            return False
        return bool(hdr_mask(self.posterior, level)[cell])


# --------------------------------------------------------------------- kernels
def gaussian_mixture_density(
    x_km: ArrayLike,
    y_km: ArrayLike,
    grid: Grid,
    *,
    sigma_km: ArrayLike,
    weights: ArrayLike | None = None,
    chunk: int = 4096,
    exact_mass: bool = False,
) -> FloatArray:
    """Density (per km²) of an isotropic Gaussian mixture at every cell centre.

    ``f(c) = Σᵢ wᵢ · exp(−|c − pᵢ|² / 2σᵢ²) / (2πσᵢ²) / Σᵢ wᵢ``, exactly, with a
    per-component σ. Because cells lie on a regular raster, each Gaussian factorises
    into a row term and a column term, and the sum over components is one matrix
    product of shape ``(ny, n) @ (n, nx)`` — ``O(n·(nx + ny) + nx·ny·n)`` flops in
    BLAS instead of ``n·nx·ny`` exponentials.

    Parameters
    ----------
    x_km, y_km : array_like of shape (n,)
        Component centres in the grid's plane (km).
    grid : Grid
        The cells to evaluate on.
    sigma_km : float or array_like of shape (n,)
        Standard deviation of each component, km; positive.
    weights : array_like of shape (n,), optional
        Non-negative component weights (default equal).
    chunk : int, default 4096
        Components per matrix product (bounds memory).
    exact_mass : bool, default False
        Scale each component narrower than a cell so that its cells hold exactly
        its probability mass inside the grid (per axis, the normal integral over
        the grid's extent divided by the sum over the cell centres). Sampled at
        cell centres, such a component holds more than its mass when it sits on a
        centre and less at a corner (σ = 0.3 cells: 1.8 against 0.44), which
        tilts a mixture towards whichever alternative happens to sit on a
        centre. Components at least a cell wide are left as they are: there the
        sum over centres is already the integral (to ~1e-8 away from the grid's
        edges).

    Returns
    -------
    ndarray of shape (n_cells,)
        Density per km²; multiply by ``grid.cell_area_km2`` for cell masses.

    Examples
    --------
    >>> g = Grid.around(0.0, 0.0, radius_km=50.0, cell_km=1.0)
    >>> f = gaussian_mixture_density([0.0], [0.0], g, sigma_km=5.0)
    >>> round(float(f.sum() * g.cell_area_km2), 6)  # all mass inside the grid
    1.0
    >>> corner = gaussian_mixture_density([0.0], [0.0], g, sigma_km=0.3)
    >>> round(float(corner.sum() * g.cell_area_km2), 3)  # on a cell corner
    0.44
    >>> corner = gaussian_mixture_density([0.0], [0.0], g, sigma_km=0.3,
    ...                                   exact_mass=True)
    >>> round(float(corner.sum() * g.cell_area_km2), 3)
    1.0
    """
    x = np.atleast_1d(np.asarray(x_km, dtype=np.float64))
    y = np.atleast_1d(np.asarray(y_km, dtype=np.float64))
    s = np.broadcast_to(np.asarray(sigma_km, dtype=np.float64), x.shape)
    w = (
        np.ones_like(x)
        if weights is None
        else np.broadcast_to(np.asarray(weights, dtype=np.float64), x.shape)
    )
    if x.shape != y.shape or x.ndim != 1:
        raise InputError(
            "x_km and y_km must be 1-D arrays of equal length.", field="x_km"
        )
    if not np.all(s > 0):
        raise InputError("Every sigma_km must be positive.", field="sigma_km")
    total = float(w.sum())
    if not (total > 0 and np.all(w >= 0)):
        raise InputError(
            "Weights must be non-negative with a positive sum.", field="weights"
        )
    gx, gy = grid.x_km, grid.y_km
    out = np.zeros((grid.ny, grid.nx))
    for lo in range(0, x.size, chunk):
        hi = min(lo + chunk, x.size)
        inv = 1.0 / (2.0 * s[lo:hi] ** 2)
        ex = np.exp(-((gx[None, :] - x[lo:hi, None]) ** 2) * inv[:, None])
        coef = w[lo:hi] / (2.0 * np.pi * s[lo:hi] ** 2)
        ey = np.exp(-((gy[None, :] - y[lo:hi, None]) ** 2) * inv[:, None])
        if exact_mass:
            coef = coef * _mass_correction(ex, ey, x[lo:hi], y[lo:hi], s[lo:hi], grid)
        ey *= coef[:, None]
        out += ey.T @ ex
    return np.asarray((out / total).ravel())


def _mass_correction(
    ex: FloatArray,
    ey: FloatArray,
    x: FloatArray,
    y: FloatArray,
    s: FloatArray,
    grid: Grid,
) -> FloatArray:
    """Per component: its mass inside the grid over what its cell centres hold.

    1 for components at least a cell wide, and where the centres hold nothing
    (a component far outside the grid).
    """
    h = grid.cell_km
    norm = h / (math.sqrt(2.0 * math.pi) * s)

    def axis(rows: FloatArray, c: FloatArray, lo: float, hi: float) -> FloatArray:
        held = rows.sum(axis=1) * norm
        a, b = (lo - c) / s, (hi - c) / s
        # upper tails where both bounds are above the mean, to keep precision
        mass = np.where(a > 0, ndtr(-a) - ndtr(-b), ndtr(b) - ndtr(a))
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(held > 0, mass / held, 1.0)

    f = axis(ex, x, grid.west_km, grid.east_km) * axis(
        ey, y, grid.south_km, grid.north_km
    )
    return np.where(s < h, f, 1.0)


def _normalised(s: FloatArray) -> FloatArray | None:
    mean = float(s.mean())
    if not (mean > 1e-300) or not math.isfinite(mean):
        return None
    return s / mean


def _mixture_log(k: FloatArray, r: float) -> FloatArray:
    with np.errstate(divide="ignore"):
        return np.asarray(np.log(r * k + (1.0 - r)))


def _disc(grid: Grid, lon: float, lat: float, radius_km: float) -> FloatArray:
    """Share of each cell's area inside the disc of ``radius_km`` around a place.

    Counting only the cells whose centres fall inside would give a place 0 on
    cells larger than the disc, however likely its neighbourhood; see
    :func:`geosleuth.geometry.coverage`.
    """
    return coverage(Point(lon, lat), grid, buffer_km=radius_km)


def _region_soft(
    geom: Any, grid: Grid, *, buffer_km: float, sigma_km: float, cutoff: float
) -> FloatArray:
    d = distance_km(geom, grid, max_km=buffer_km + cutoff * sigma_km)
    excess = np.maximum(d - buffer_km, 0.0)
    with np.errstate(over="ignore", invalid="ignore"):
        s = np.exp(-(excess**2) / (2.0 * sigma_km**2))
    return np.asarray(np.where(np.isfinite(d), s, 0.0))


class _Skip(Exception):
    """An item that cannot inform this grid; the message is the reason."""


def _sighting_group_log(
    group: Sequence[Sighting], grid: Grid, *, as_of: dt.date, settings: Settings
) -> FloatArray:
    total_w = float(sum(s.weight for s in group))
    cell_var = grid.cell_km**2 / 12.0
    n = len(group)
    sigma = np.empty(n)
    wr = np.empty(n)  # weight × reliability
    for i, s in enumerate(group):
        var = (
            s.sigma_km**2
            + settings.diffusion_km2_per_day * s.age_days(as_of)
            + cell_var
        )
        if s.subject == "associate":
            var += s.associate_sigma_km**2
        sigma[i] = math.sqrt(var)
        wr[i] = s.weight * min(s.p_true(settings.grades), settings.max_reliability)
    # L = Σ wᵢ(rᵢKᵢ + 1 − rᵢ)/W = (W − Σ wᵢrᵢ)/W + Σ (wᵢrᵢ/W) Kᵢ
    is_point = np.array([isinstance(s.place, Point) for s in group])
    acc = np.zeros(grid.n_cells)
    used_wr = 0.0
    if is_point.any() and wr[is_point].sum() > 0:
        lons = np.array([s.place.lon for s in group if isinstance(s.place, Point)])
        lats = np.array([s.place.lat for s in group if isinstance(s.place, Point)])
        px, py = grid.lonlat_to_xy_km(lons, lats)
        wp = wr[is_point]
        dens = gaussian_mixture_density(
            px, py, grid, sigma_km=sigma[is_point], weights=wp, exact_mass=True
        )
        acc += dens * (grid.area_km2 * float(wp.sum()) / total_w)
        used_wr += float(wp.sum())
    for i in (int(j) for j in np.flatnonzero(~is_point)):
        soft = _region_soft(
            group[i].place,
            grid,
            buffer_km=0.0,
            sigma_km=float(sigma[i]),
            cutoff=settings.cutoff_sigmas,
        )
        k = _normalised(soft)
        if k is not None:  # a region outside the grid says nothing: K = 1
            acc += (wr[i] / total_w) * k
            used_wr += float(wr[i])
    acc += 1.0 - used_wr / total_w
    with np.errstate(divide="ignore"):
        return np.asarray(np.log(acc))


def _item_log(
    item: EvidenceItem, grid: Grid, *, as_of: dt.date, settings: Settings
) -> FloatArray:
    r = item.p_true(settings.grades)
    if not isinstance(item, Searched):
        r = min(r, settings.max_reliability)
    cutoff = settings.cutoff_sigmas
    if isinstance(item, Claim):
        sigma = math.sqrt(
            item.sigma_km**2 + settings.diffusion_km2_per_day * item.age_days(as_of)
        )
        s = _region_soft(
            item.place, grid, buffer_km=item.buffer_km, sigma_km=sigma, cutoff=cutoff
        )
        if item.polarity == "is_not":
            s = 1.0 - s
        k = _normalised(s)
        if k is None:
            raise _Skip(
                "its region covers the whole grid"
                if item.polarity == "is_not"
                else "its region lies outside the grid"
            )
        return _mixture_log(k, r)
    if isinstance(item, Territory):
        s = _region_soft(
            item.area, grid, buffer_km=0.0, sigma_km=item.sigma_km, cutoff=cutoff
        )
        k = _normalised(s)
        if k is None:
            raise _Skip("its area lies outside the grid")
        return _mixture_log(k, r)
    if isinstance(item, Front):
        px, py = grid.cell_xy_km()
        vx, vy = grid.lonlat_to_xy_km(item.place.lon, item.place.lat)
        theta = math.radians(item.bearing_deg)
        bx, by = math.sin(theta), math.cos(theta)
        u = (px - vx) * bx + (py - vy) * by
        open_ = ndtr((item.distance_km - u) / item.sigma_km)
        if math.isfinite(item.width_km):
            v = (px - vx) * by - (py - vy) * bx
            open_ = np.where(np.abs(v) <= item.width_km / 2.0, open_, 1.0)
        k = _normalised(np.asarray(open_, dtype=np.float64))
        if k is None:
            raise _Skip("the force holds the whole grid")
        return _mixture_log(k, r)
    if isinstance(item, Searched):
        # a target in a cell is missed with 1 - pd x (share of the cell searched)
        cover = coverage(item.area, grid, buffer_km=item.buffer_km)
        if not cover.any():
            raise _Skip("its area covers no part of the grid")
        pd = item.pd * r
        if settings.search_memory_days is not None:
            pd *= math.exp(-item.age_days(as_of) / settings.search_memory_days)
        with np.errstate(divide="ignore"):
            return np.asarray(np.log1p(-pd * cover))
    if isinstance(item, EventSet):
        x, y = grid.lonlat_to_xy_km(item.lons, item.lats)
        if item.method == "kde":
            sigma = math.sqrt(item.sigma_km**2 + grid.cell_km**2 / 12.0)
            surf = gaussian_mixture_density(
                x, y, grid, sigma_km=sigma, weights=item.weights, exact_mass=True
            )
        else:
            from geosleuth import profile  # core module; imported lazily

            try:
                buffer_km = profile.estimate_cgt_buffer_km(x, y)
            except InputError:  # its advice (give a buffer) cannot apply here
                raise _Skip(
                    "every event coincides with another, so no CGT buffer can be "
                    "estimated; use method 'kde'"
                    if np.isfinite(x).all() and np.isfinite(y).all()
                    else "its events lie outside the grid"
                ) from None
            cx, cy = grid.cell_xy_km()
            surf = np.asarray(
                profile.cgt_scores(
                    x,
                    y,
                    cx,
                    cy,
                    buffer_km=buffer_km,
                    weights=item.weights,
                )
            )
        k = _normalised(np.asarray(surf, dtype=np.float64))
        if k is None:
            raise _Skip("its events lie outside the grid")
        return _mixture_log(k, r)
    raise _Skip(f"items of kind {item.kind!r} do not inform the map")


# ------------------------------------------------------------------- selection
def select(
    items: Iterable[EvidenceItem], *, as_of: dt.date, hindcast: bool = False
) -> tuple[list[EvidenceItem], list[tuple[str, str]]]:
    """Split items into those usable as of ``as_of`` and the rest, with reasons.

    An item is used when it is dated, and was published, on or before ``as_of``
    (with ``hindcast=True`` the publication date is ignored: today's knowledge of
    the events up to ``as_of``). Of a group's territory items, only the newest is
    used.

    Raises
    ------
    InputError
        If two items share an id.

    Examples
    --------
    >>> from geosleuth.evidence import Provenance
    >>> old = LifeStatus(id="a", provenance=Provenance(document="d"),
    ...                  date=dt.date(2017, 1, 1), status="alive")
    >>> new = LifeStatus(id="b", provenance=Provenance(document="d"),
    ...                  date=dt.date(2019, 1, 1), status="alive")
    >>> used, excluded = select([old, new], as_of=dt.date(2018, 1, 1))
    >>> [i.id for i in used], excluded
    (['a'], [('b', 'dated 2019-01-01, after 2018-01-01')])
    """
    used: list[EvidenceItem] = []
    excluded: list[tuple[str, str]] = []
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise InputError(
                f"Two evidence items share the id {item.id!r}; ids must be unique.",
                field="id",
            )
        seen.add(item.id)
        if item.date > as_of:
            excluded.append((item.id, f"dated {item.date}, after {as_of}"))
        elif item.known_on > as_of and not hindcast:
            excluded.append((item.id, f"published {item.known_on}, after {as_of}"))
        else:
            used.append(item)
    newest: dict[str, Territory] = {}
    for item in used:
        if isinstance(item, Territory):
            cur = newest.get(item.group_name)
            # the newest wins; on one date the later-published, then the larger id
            # (a fixed rule: the order of the items never matters)
            if cur is None or (item.date, item.known_on, item.id) > (
                cur.date,
                cur.known_on,
                cur.id,
            ):
                newest[item.group_name] = item
    final = []
    for item in used:
        if isinstance(item, Territory) and newest[item.group_name] is not item:
            winner = newest[item.group_name]
            excluded.append((item.id, f"superseded by {winner.id!r} ({winner.date})"))
        else:
            final.append(item)
    return final, excluded


def factors(
    items: Sequence[EvidenceItem],
    grid: Grid,
    *,
    as_of: dt.date,
    settings: Settings | None = None,
) -> tuple[list[Factor], list[tuple[str, str]]]:
    """Turn usable items into likelihood factors; return them and skipped items.

    Sightings are grouped by :attr:`~geosleuth.evidence.Sighting.group_key`; life
    status items do not inform the map and produce no factor. With
    ``settings.source_correlation`` > 0, the log-likelihood of each claim or
    sighting factor whose items come from one document is weighted by
    :func:`~geosleuth.dependence.source_weights`.

    Examples
    --------
    >>> from geosleuth.evidence import Provenance
    >>> g = Grid.around(40.0, 35.0, radius_km=20.0, cell_km=1.0)
    >>> p = Provenance(document="d")
    >>> seen = [Sighting(id=f"s{i}", provenance=p, date=dt.date(2020, 1, 1),
    ...                  place=Point(40.0 + 0.05 * i, 35.0), who="X",
    ...                  subject="associate") for i in range(3)]
    >>> facs, skipped = factors(seen, g, as_of=dt.date(2020, 1, 1))
    >>> [(f.key, f.item_ids) for f in facs], skipped  # one mixture, not three
    ([('associate:X', ('s0', 's1', 's2'))], [])
    """
    settings = settings or Settings()
    out: list[Factor] = []
    skipped: list[tuple[str, str]] = []
    groups: dict[str, list[Sighting]] = {}
    for item in items:
        if isinstance(item, Sighting):
            groups.setdefault(item.group_key, []).append(item)
        elif isinstance(item, LifeStatus):
            continue
        else:
            try:
                log_l = _item_log(item, grid, as_of=as_of, settings=settings)
            except _Skip as why:
                skipped.append((item.id, str(why)))
                continue
            out.append(Factor(item.id, (item.id,), item.kind, log_l))
    for key, group in groups.items():
        log_l = _sighting_group_log(group, grid, as_of=as_of, settings=settings)
        out.append(Factor(key, tuple(s.id for s in group), "sighting", log_l))
    if settings.source_correlation > 0:
        docs = {i.id: document_source(i.provenance.document) for i in items}
        shared = [{docs[i] for i in f.item_ids} for f in out]
        sources = [
            next(iter(ds)) if f.kind in DEPENDENT_KINDS and len(ds) == 1 else None
            for f, ds in zip(out, shared, strict=True)
        ]
        w = source_weights(sources, correlation=settings.source_correlation)
        out = [
            replace(f, log_l=f.log_l * wi, weight=float(wi)) if wi != 1.0 else f
            for f, wi in zip(out, w, strict=True)
        ]
    return out, skipped


def posterior_from_factors(
    log_prior: FloatArray, log_ls: Iterable[FloatArray]
) -> FloatArray:
    """Normalised posterior ``exp(log_prior + Σ log_l)``, computed in log space.

    Raises
    ------
    InputError
        If the evidence leaves no cell possible (e.g. certain searches everywhere).

    Examples
    --------
    >>> p = posterior_from_factors(np.zeros(4), [np.log([1.0, 1.0, 2.0, 4.0])])
    >>> p.tolist()
    [0.125, 0.125, 0.25, 0.5]
    """
    total = np.array(log_prior, dtype=np.float64, copy=True)
    for log_l in log_ls:
        total += log_l
    top = float(np.max(total))
    if not math.isfinite(top):
        raise InputError(
            "The evidence leaves no possible cell: every cell has been ruled out "
            "(for example by searches with pd = 1 covering the whole grid)."
        )
    p = np.exp(total - top)
    p /= p.sum()
    p.setflags(write=False)
    return np.asarray(p)


# ---------------------------------------------------------------- summaries
def hdr_mask(p: ArrayLike, level: float) -> np.ndarray:
    """Cells of the smallest set holding at least ``level`` of the probability.

    Examples
    --------
    >>> hdr_mask([0.1, 0.6, 0.3], 0.5).tolist()
    [False, True, False]
    >>> hdr_mask([0.1, 0.6, 0.3], 0.95).tolist()
    [True, True, True]
    """
    return hdr_masks(p, (level,))[0]


def hdr_masks(p: ArrayLike, levels: Sequence[float]) -> list[np.ndarray]:
    """:func:`hdr_mask` for several levels, sorting the cells once.

    Examples
    --------
    >>> [m.tolist() for m in hdr_masks([0.1, 0.6, 0.3], [0.5, 0.9])]
    [[False, True, False], [False, True, True]]
    """
    arr = np.asarray(p, dtype=np.float64)
    for level in levels:
        if not 0 < level <= 1:
            raise InputError(
                f"An HDR level must lie in (0, 1]. Got {level!r} instead.",
                field="level",
            )
    order = np.argsort(-arr)
    csum = np.cumsum(arr[order])
    out = []
    for level in levels:
        k = int(np.searchsorted(csum, level * csum[-1] * (1 - 1e-12))) + 1
        mask = np.zeros(arr.shape, dtype=bool)
        mask[order[: min(k, arr.size)]] = True
        out.append(mask)
    return out


def hdr_area_km2(p: ArrayLike, grid: Grid, level: float) -> float:
    """Area (km²) of the ``level`` highest-density region of ``p`` on ``grid``."""
    return float(hdr_mask(p, level).sum() * grid.cell_area_km2)


def place_probabilities(
    p: FloatArray,
    grid: Grid,
    places: Sequence[NamedPlace],
    *,
    radius_km: float,
    hdr90: np.ndarray | None = None,
) -> tuple[PlaceProbability, ...]:
    """Probability within ``radius_km`` of each named place, best first.

    Each cell counts with the share of its area inside the disc (cells the
    disc's edge crosses in part), so the figure does not depend on whether cell
    centres happen to fall inside. ``hdr90`` is the 90 % HDR mask of ``p`` when
    already known.
    """
    if not places:
        return ()
    h90 = hdr_mask(p, 0.9) if hdr90 is None else hdr90
    out = []
    for pl in places:
        cell = int(grid.lonlat_to_cell(pl.lon, pl.lat))
        prob = float(np.dot(p, _disc(grid, pl.lon, pl.lat, radius_km)))
        out.append(
            PlaceProbability(
                pl.name, pl.lon, pl.lat, radius_km, prob, bool(cell >= 0 and h90[cell])
            )
        )
    out.sort(key=lambda q: (-q.probability, q.name))
    return tuple(out)


def p_alive(
    items: Iterable[EvidenceItem],
    *,
    as_of: dt.date,
    settings: Settings | None = None,
    hindcast: bool = False,
) -> float:
    """Probability that the target is alive on ``as_of`` (see the module notes).

    Uses the life-status items dated (and, unless ``hindcast``, published) on or
    before ``as_of``. Each item's probability of being true is capped at
    ``settings.max_reliability``, as everywhere: no single report, however
    certain its wording, makes the target surely dead or surely alive. Items of
    one day are taken claims of death first, then proofs of life, so their order
    in the input never matters.

    Examples
    --------
    >>> from geosleuth.evidence import Provenance
    >>> pol = LifeStatus(id="v", provenance=Provenance(document="d"),
    ...                  date=dt.date(2017, 9, 28), status="alive")
    >>> # r capped at 0.99: (0.99 + 0.01 * 0.9) * exp(-0.1 * 365 / 365.25)
    >>> round(p_alive([pol], as_of=dt.date(2018, 9, 28)), 4)
    0.904
    >>> p_alive([], as_of=dt.date(2018, 1, 1))  # no evidence: the prior
    0.9
    """
    settings = settings or Settings()
    events = sorted(
        (
            i
            for i in items
            if isinstance(i, LifeStatus)
            and i.date <= as_of
            and (hindcast or i.known_on <= as_of)
        ),
        # same day: claims of death first, then proofs of life (a recording shows
        # the target alive that day, whatever was claimed), then by id
        key=lambda i: (i.date, i.status == "alive", i.id),
    )
    p = settings.prior_alive
    last: dt.date | None = None
    h = settings.hazard_per_year
    for ev in events:
        if last is not None:
            p *= math.exp(-h * (ev.date - last).days / _DAYS_PER_YEAR)
        r = min(ev.p_true(settings.grades), settings.max_reliability)
        if ev.status == "alive":
            p = r + (1.0 - r) * p
        else:
            num = p * (1.0 - r)
            den = num + (1.0 - p) * (1.0 + r)
            p = num / den if den > 0 else 0.0
        last = ev.date
    if last is not None:
        p *= math.exp(-h * (as_of - last).days / _DAYS_PER_YEAR)
    return float(p)


def _places_from_items(items: Iterable[EvidenceItem]) -> list[NamedPlace]:
    """Named point places of sightings and claims (the candidates, not references)."""
    out: dict[str, NamedPlace] = {}
    for item in items:
        if not isinstance(item, (Sighting, Claim)):
            continue
        name, geom = item.place_name, item.place
        if name and isinstance(geom, Point) and name not in out:
            out[name] = NamedPlace(name, geom.lon, geom.lat)
    return list(out.values())


def _check_prior(prior: ArrayLike | None, grid: Grid) -> FloatArray:
    if prior is None:
        return np.zeros(grid.n_cells)
    arr = np.asarray(prior, dtype=np.float64)
    if (
        arr.shape != (grid.n_cells,)
        or not np.all(np.isfinite(arr))
        or np.any(arr < 0)
        or arr.sum() <= 0
    ):
        raise InputError(
            f"The prior must be {grid.n_cells} non-negative finite weights (one per "
            f"cell) with a positive sum. Got an array of shape {arr.shape}.",
            field="prior",
        )
    with np.errstate(divide="ignore"):
        return np.asarray(np.log(arr / arr.sum()))


def fuse(
    items: Sequence[EvidenceItem],
    grid: Grid,
    *,
    as_of: dt.date,
    settings: Settings | None = None,
    prior: ArrayLike | None = None,
    places: Sequence[NamedPlace] | None = None,
    contributions: bool = True,
    hindcast: bool = False,
) -> Estimate:
    """Fuse evidence into a posterior over ``grid`` as of a date.

    Parameters
    ----------
    items : sequence of evidence items
        Any mix of kinds; ids must be unique.
    grid : Grid
        The cells of the map.
    as_of : datetime.date
        Only items dated and published on or before this day are used.
    settings : Settings, optional
        Model settings (default :class:`Settings`).
    prior : array_like of shape (n_cells,), optional
        Prior weights (default uniform per unit area).
    places : sequence of NamedPlace, optional
        Places to rank (default: the named point places of sightings and claims).
    contributions : bool, default True
        Compute each item's leave-one-out contribution.
    hindcast : bool, default False
        Use items dated on or before ``as_of`` even if published later.

    Returns
    -------
    Estimate

    Examples
    --------
    >>> from geosleuth.evidence import Provenance
    >>> g = Grid.around(40.0, 35.0, radius_km=60.0, cell_km=1.0)
    >>> s = Sighting(id="s1", provenance=Provenance(document="d"),
    ...              date=dt.date(2018, 1, 1), place=Point(40.0, 35.0),
    ...              place_name="X", sigma_km=10.0)
    >>> est = fuse([s], g, as_of=dt.date(2018, 1, 1))
    >>> round(est.places[0].probability, 3)  # ≈ 0.99 (1 - e^(-15²/2σ²)) + 0.01 disc
    0.668
    >>> fuse([], g, as_of=dt.date(2018, 1, 1)).hdr_km2["90"] >= 0.9 * g.area_km2
    True
    """
    settings = settings or Settings()
    items = list(items)
    used, excluded = select(items, as_of=as_of, hindcast=hindcast)
    log_prior = _check_prior(prior, grid)
    facs, skipped = factors(used, grid, as_of=as_of, settings=settings)
    excluded.extend(skipped)
    skipped_ids = {i for i, _ in skipped}
    used = [i for i in used if i.id not in skipped_ids]
    post = posterior_from_factors(log_prior, (f.log_l for f in facs))
    alive = p_alive(used, as_of=as_of, settings=settings, hindcast=hindcast)
    h50, h90 = hdr_masks(post, (0.5, 0.9))
    ranked = place_probabilities(
        post,
        grid,
        list(places) if places is not None else _places_from_items(used),
        radius_km=settings.place_radius_km,
        hdr90=h90,
    )
    contribs: list[Contribution] = []
    if contributions:
        top_mask = (
            _disc(grid, ranked[0].lon, ranked[0].lat, ranked[0].radius_km)
            if ranked
            else None
        )
        contribs = _contributions(
            used,
            facs,
            log_prior,
            post,
            grid,
            as_of=as_of,
            settings=settings,
            alive=alive,
            top_mask=top_mask,
            replacements=_territory_runners_up(
                items, used, as_of=as_of, hindcast=hindcast
            ),
        )
    return Estimate(
        as_of=as_of,
        grid=grid,
        posterior=post,
        p_alive=alive,
        hdr_km2={
            "50": float(h50.sum() * grid.cell_area_km2),
            "90": float(h90.sum() * grid.cell_area_km2),
        },
        places=ranked,
        contributions=tuple(contribs),
        used=tuple(i.id for i in used),
        excluded=tuple(excluded),
        settings=settings,
    )


def _territory_runners_up(
    items: Sequence[EvidenceItem],
    used: Sequence[EvidenceItem],
    *,
    as_of: dt.date,
    hindcast: bool,
) -> dict[str, EvidenceItem]:
    """The item each used territory item would give way to, if any.

    :func:`select` run without that item: the group's next newest item, which it
    superseded, is what would be used instead.
    """
    out: dict[str, EvidenceItem] = {}
    for winner in used:
        if not isinstance(winner, Territory):
            continue
        rest, _ = select(
            [i for i in items if i is not winner], as_of=as_of, hindcast=hindcast
        )
        back = next(
            (
                i
                for i in rest
                if isinstance(i, Territory) and i.group_name == winner.group_name
            ),
            None,
        )
        if back is not None:
            out[winner.id] = back
    return out


def _contributions(
    used: Sequence[EvidenceItem],
    facs: Sequence[Factor],
    log_prior: FloatArray,
    post: FloatArray,
    grid: Grid,
    *,
    as_of: dt.date,
    settings: Settings,
    alive: float,
    top_mask: FloatArray | None = None,
    max_group: int = 2000,
    replacements: Mapping[str, EvidenceItem] | None = None,
) -> list[Contribution]:
    """Leave-one-out shifts of the posterior, one per used item.

    The other items keep their weights (``Factor.weight``, from the items that
    share their source). Within a sighting group of ``n`` items the group's
    likelihood without item ``i`` is ``(W·L − wᵢLᵢ)/(W − wᵢ)``, one kernel per item;
    groups larger than ``max_group`` report the shift of the whole group instead.
    With ``top_mask`` (the disc of the best-ranked place), each contribution also
    says how probable that place is without the item. ``replacements`` maps an
    item to the one that would be used in its place without it (a group's newest
    territory item to the next newest, which it supersedes).
    """
    base = log_prior + sum((f.log_l for f in facs), np.zeros(grid.n_cells))
    by_item = {iid: f for f in facs for iid in f.item_ids}
    sightings = {i.id: i for i in used if isinstance(i, Sighting)}
    group_shift: dict[str, tuple[float, float | None]] = {}
    top_now = float(np.dot(post, top_mask)) if top_mask is not None else None

    def without(f: Factor) -> FloatArray:
        """``base − f.log_l``, recomputed from the other factors where f is −inf."""
        with np.errstate(invalid="ignore"):
            rest = base - f.log_l
        bad = ~np.isfinite(f.log_l)
        if bad.any():
            rest[bad] = log_prior[bad] + sum(
                (g.log_l[bad] for g in facs if g is not f), np.zeros(int(bad.sum()))
            )
        return np.asarray(rest)

    def shift_without(rest_log: FloatArray) -> tuple[float, float | None]:
        with np.errstate(invalid="ignore"):
            rest_log = np.where(np.isnan(rest_log), -np.inf, rest_log)
        try:
            other = posterior_from_factors(rest_log, [])
        except InputError:
            return 1.0, None
        top = float(np.dot(other, top_mask)) if top_mask is not None else None
        return 0.5 * float(np.abs(post - other).sum()), top

    out = []
    for item in used:
        shift, top = 0.0, top_now
        f = by_item.get(item.id)
        if f is not None and len(f.item_ids) == 1:
            rest = without(f)
            back = (replacements or {}).get(item.id)
            if back is not None:
                back_facs, _ = factors([back], grid, as_of=as_of, settings=settings)
                rest = rest + sum((g.log_l for g in back_facs), np.zeros(grid.n_cells))
            shift, top = shift_without(rest)
        elif f is not None and len(f.item_ids) > max_group:
            if f.key not in group_shift:
                group_shift[f.key] = shift_without(without(f))
            shift, top = group_shift[f.key]
        elif f is not None:
            members = [sightings[i] for i in f.item_ids]
            total_w = sum(m.weight for m in members)
            me = sightings[item.id]
            l_me = np.exp(
                _sighting_group_log([me], grid, as_of=as_of, settings=settings)
            )
            l_rest = (total_w * np.exp(f.log_l / f.weight) - me.weight * l_me) / (
                total_w - me.weight
            )
            with np.errstate(divide="ignore"):
                log_rest = f.weight * np.log(np.maximum(l_rest, 0.0))
            shift, top = shift_without(without(f) + log_rest)
        d_alive = 0.0
        if isinstance(item, LifeStatus):
            d_alive = alive - p_alive(
                [i for i in used if i is not item],
                as_of=as_of,
                settings=settings,
                hindcast=True,  # `used` is already selected for as_of
            )
        weight = f.weight if f is not None else 1.0
        out.append(Contribution(item.id, item.kind, shift, d_alive, top, weight))
    return out


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    """The top places' probabilities and P(alive) as of one date."""

    as_of: dt.date
    probabilities: dict[str, float]
    p_alive: float
    new_items: tuple[str, ...]
    mode: str = "known"


def timeline(
    items: Sequence[EvidenceItem],
    grid: Grid,
    *,
    as_of: dt.date,
    places: Sequence[NamedPlace],
    settings: Settings | None = None,
    mode: str = "auto",
) -> list[TimelinePoint]:
    """Re-estimate on each date when the evidence changed, up to ``as_of``.

    Parameters
    ----------
    items : sequence of evidence items
        As for :func:`fuse`.
    grid : Grid
        The cells of the map.
    as_of : datetime.date
        The last date.
    places : sequence of NamedPlace
        The places to follow.
    settings : Settings, optional
        Model settings.
    mode : {"known", "event", "auto"}, default "auto"
        ``"known"``: one point per date on which evidence became known (published),
        using only what was known then. ``"event"``: one point per item date, using
        today's knowledge of the events up to then (a hindcast: how the picture of
        the situation evolved). ``"auto"``: ``"known"`` when the evidence was
        published on at least three different days, else ``"event"``.

    Returns
    -------
    list of TimelinePoint
        One per date, each with the probability of every place in ``places``.
    """
    settings = settings or Settings()
    if mode not in ("known", "event", "auto"):
        raise InputError(
            f"mode must be 'known', 'event' or 'auto'. Got {mode!r}.", field="mode"
        )
    # What was not known by as_of is in no point of the timeline: a hindcast
    # ("event" mode) replays the events with the knowledge of as_of, not later.
    items = [i for i in items if i.known_on <= as_of]
    if mode == "auto":
        known_days = {i.known_on for i in items}
        mode = "known" if len(known_days) >= 3 else "event"

    def when(item: EvidenceItem) -> dt.date:
        return item.known_on if mode == "known" else item.date

    dates = sorted({when(i) for i in items if when(i) <= as_of} | {as_of})
    out = []
    for day in dates:
        est = fuse(
            items,
            grid,
            as_of=day,
            settings=settings,
            places=places,
            contributions=False,
            hindcast=mode == "event",
        )
        new = tuple(i.id for i in items if when(i) == day)
        out.append(
            TimelinePoint(
                day, {q.name: q.probability for q in est.places}, est.p_alive, new, mode
            )
        )
    return out
