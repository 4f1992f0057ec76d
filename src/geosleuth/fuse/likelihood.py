"""Each item's likelihood over the cells, and which items are in force as of a date.

The formulas are in the :mod:`geosleuth.fuse` docstring; :func:`factors` turns the
items :func:`select` keeps into one :class:`Factor` each (a sighting group into one).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextvars import ContextVar, Token
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
from scipy.special import ndtr

from geosleuth._types import ArrayLike, FloatArray
from geosleuth.dependence import (
    DEPENDENT_KINDS,
    document_key,
    document_source,
    repeats,
    source_weights,
    superseded_claims,
)
from geosleuth.errors import InputError
from geosleuth.evidence import (
    Claim,
    EventSet,
    EvidenceItem,
    Front,
    LifeStatus,
    Searched,
    Sighting,
    Territory,
    as_of_text,
    later_that_day,
    now_of,
    time_text,
)
from geosleuth.fuse.settings import Settings
from geosleuth.fuse.track import (
    TRACK,
    TRACK_SEARCHES,
    TrackMoments,
    in_track,
    track_log,
    track_searches_log,
    track_with_searches_log,
)
from geosleuth.geometry import (
    Geometry,
    Line,
    Point,
    coverage,
    covers_any,
    distance_km,
    haversine_km,
)
from geosleuth.grid import WGS84_A_KM, WGS84_F, Grid

__all__ = [
    "Factor",
    "factors",
    "gaussian_mixture_density",
    "moved_cover",
    "select",
]


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
    #: A track's exponent of each fix (in ``item_ids``' order), applied before
    #: the track follows it; empty when every fix weighs 1.
    fix_weights: tuple[float, ...] = ()


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
    # one array of n_cells is made, and the rest done in place: a fusion of many
    # items makes many of these, and fresh memory costs more than the arithmetic
    out: FloatArray | None = None
    for lo in range(0, x.size, chunk):
        hi = min(lo + chunk, x.size)
        inv = 1.0 / (2.0 * s[lo:hi] ** 2)
        ex = np.exp(-((gx[None, :] - x[lo:hi, None]) ** 2) * inv[:, None])
        coef = w[lo:hi] / (2.0 * np.pi * s[lo:hi] ** 2)
        ey = np.exp(-((gy[None, :] - y[lo:hi, None]) ** 2) * inv[:, None])
        if exact_mass:
            coef = coef * _mass_correction(ex, ey, x[lo:hi], y[lo:hi], s[lo:hi], grid)
        ey *= coef[:, None]
        if out is None:
            out = ey.T @ ex
        else:
            out += ey.T @ ex
    assert out is not None  # x has at least one component
    out /= total
    return np.asarray(out.ravel())


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
    """``log(r·k + 1 − r)``, computed in a new array (``k`` is left as it was)."""
    out = r * k
    out += 1.0 - r
    with np.errstate(divide="ignore"):
        return np.asarray(np.log(out, out=out))


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


#: Part of the reason given for an item left out because it lies wholly outside
#: the grid; :func:`~geosleuth.fuse.fuse` warns about each such item.
_OUTSIDE_THE_GRID = "outside the grid"


def _geometry_lonlat(geom: Geometry) -> tuple[FloatArray, FloatArray]:
    """The vertices of a geometry (a point's one), as ``(lons, lats)``."""
    if isinstance(geom, Point):
        return np.array([geom.lon]), np.array([geom.lat])
    parts = (
        list(geom.parts)
        if isinstance(geom, Line)
        else [ring for poly in geom.polygons for ring in poly[:1]]
    )
    xy = np.concatenate(parts)
    return np.asarray(xy[:, 0]), np.asarray(xy[:, 1])


def _item_lonlat(item: EvidenceItem) -> tuple[FloatArray, FloatArray] | None:
    """Where an item is: its place's, area's or events' vertices (None: nowhere)."""
    if isinstance(item, EventSet):
        return np.asarray(item.lons), np.asarray(item.lats)
    if isinstance(item, (Territory, Searched)):
        return _geometry_lonlat(item.area)
    if isinstance(item, (Sighting, Claim, Front)):
        return _geometry_lonlat(item.place)
    return None


def _sighting_sigma_km(s: Sighting, *, as_of: dt.date, settings: Settings) -> float:
    """σ of a sighting's kernel on ``as_of``, before the spread within a cell."""
    var = s.sigma_km**2 + settings.diffusion_km2_per_day * s.age_days(as_of)
    if s.subject == "associate":
        var += s.associate_sigma_km**2
    return math.sqrt(var)


def _walk_km(item: EvidenceItem, *, as_of: dt.date, settings: Settings) -> float:
    """σ per axis of the random walk since the item's date, km: ``√(D·age)``."""
    return math.sqrt(settings.diffusion_km2_per_day * max(item.age_days(as_of), 0.0))


def moved_cover(cover: FloatArray, grid: Grid, walk_km: float) -> FloatArray:
    """For each cell, the chance a target there now was in the searched share then.

    ``cover`` is each cell's share of a searched area on the search's day; the
    target has since moved by a random walk of σ ``walk_km`` per axis (the
    movement model that widens a sighting by ``D·age``). A target now in cell
    ``i`` was in cell ``j`` then with the chance that the walk's step lands
    within a cell of ``j − i`` (the normal's mass over the cell, per axis), so
    the result is ``Kᵧ · cover · Kₓᵀ``: mass-preserving, and ``cover`` itself
    when the walk is much shorter than a cell. Only the rows and columns the
    search touched are multiplied.

    Examples
    --------
    >>> g = Grid.around(0.0, 0.0, radius_km=20.0, cell_km=1.0)
    >>> c = coverage(Point(0.0, 0.0), g, buffer_km=1.0)  # a disc of 3.14 km²
    >>> m = moved_cover(c, g, 3.3)  # 11 days at D = 1 km²/day
    >>> round(float(m.max()), 3)  # about 3.14 / (2π · 3.3²): a miss of 0.96
    0.044
    >>> round(float(m.sum() / c.sum()), 3)  # the walk keeps the searched mass
    1.0
    >>> bool(np.allclose(moved_cover(c, g, 1e-3), c))
    True
    """
    c = cover.reshape(grid.shape)
    rows = np.flatnonzero(c.any(axis=1))
    cols = np.flatnonzero(c.any(axis=0))
    if rows.size == 0:
        return cover
    h = grid.cell_km / 2.0

    def steps(n: int, lo: int, hi: int) -> FloatArray:
        d = (np.arange(n)[:, None] - np.arange(lo, hi)[None, :]) * grid.cell_km
        return np.asarray(ndtr((d + h) / walk_km) - ndtr((d - h) / walk_km))

    r0, r1 = int(rows[0]), int(rows[-1]) + 1
    c0, c1 = int(cols[0]), int(cols[-1]) + 1
    ky = steps(grid.ny, r0, r1)
    kx = steps(grid.nx, c0, c1)
    out = ky @ c[r0:r1, c0:c1] @ kx.T
    return np.asarray(np.clip(out, 0.0, 1.0).ravel())


def _reach_km(
    item: EvidenceItem, *, as_of: dt.date, settings: Settings, sigmas: float
) -> float:
    """How far beyond its geometry an item's likelihood reaches on ``as_of``, km.

    Its buffer (a claim's, a search's; a front's distance) plus ``sigmas`` times
    its effective σ: a sighting's or claim's own σ widened by the movement model
    since its date (``σ² + D·age``, and an associate's σ), a territory's or front's
    edge, an event set's bandwidth. 0 for items without geometry.

    Examples
    --------
    >>> from geosleuth.evidence import Provenance
    >>> s = Sighting(id="s", provenance=Provenance(document="d"), sigma_km=3.0,
    ...              date=dt.date(2020, 1, 1), place=Point(40.0, 35.0))
    >>> _reach_km(s, as_of=dt.date(2020, 1, 17), settings=Settings(), sigmas=3.0)
    15.0
    """
    if isinstance(item, Sighting):
        return sigmas * _sighting_sigma_km(item, as_of=as_of, settings=settings)
    if isinstance(item, Claim):
        var = item.sigma_km**2 + settings.diffusion_km2_per_day * item.age_days(as_of)
        return item.buffer_km + sigmas * math.sqrt(var)
    if isinstance(item, (Territory, EventSet)):
        return sigmas * item.sigma_km
    if isinstance(item, Front):
        return item.distance_km + sigmas * item.sigma_km
    if isinstance(item, Searched):
        return item.buffer_km + sigmas * _walk_km(item, as_of=as_of, settings=settings)
    return 0.0


def _km_from_grid(lons: FloatArray, lats: FloatArray, grid: Grid) -> float:
    """Great-circle distance (km) from the nearest vertex to the nearest edge cell.

    For a message: of many vertices (an event set's), 2,000 evenly spread are
    measured.
    """
    x, y = grid.x_km, grid.y_km
    ex = np.concatenate([x, x, np.full(grid.ny, x[0]), np.full(grid.ny, x[-1])])
    ey = np.concatenate([np.full(grid.nx, y[0]), np.full(grid.nx, y[-1]), y, y])
    elon, elat = grid.xy_km_to_lonlat(ex, ey)
    step = max(1, lons.size // 2000)
    d = haversine_km(lons[::step, None], lats[::step, None], elon[None], elat[None])
    return float(np.nanmin(d)) if np.isfinite(d).any() else math.inf


def _outside(item: EvidenceItem, grid: Grid, what: str = "its place") -> _Skip:
    """The reason an item that lies wholly outside the grid is left out."""
    lonlat = _item_lonlat(item)
    name = getattr(item, "place_name", None)
    label = f"{what} ({name})" if name else what
    if lonlat is None:  # pragma: no cover - only items with geometry get here
        return _Skip(f"{label} lies {_OUTSIDE_THE_GRID}")
    km = _km_from_grid(*lonlat, grid)
    far = f"{km:,.0f}" if km >= 10 else f"{km:.1f}"
    lies = "lie" if what == "its events" else "lies"
    return _Skip(
        f"{label} {lies} {_OUTSIDE_THE_GRID}, {far} km from its nearest cell, "
        "so it cannot move the map"
    )


def _km_outside(x_km: ArrayLike, y_km: ArrayLike, grid: Grid) -> FloatArray:
    """Distance (km, in the grid's plane) from each point to the grid's rectangle.

    0 inside it; inf where a coordinate is not finite (the far side of the
    globe, where the projection has no point).

    Examples
    --------
    >>> g = Grid.around(40.0, 35.0, radius_km=10.0, cell_km=1.0)
    >>> _km_outside([0.0, 13.0, 13.0], [0.0, 0.0, 14.0], g).tolist()
    [0.0, 3.0, 5.0]
    """
    x = np.asarray(x_km, dtype=np.float64)
    y = np.asarray(y_km, dtype=np.float64)
    dx = np.maximum(np.maximum(grid.west_km - x, x - grid.east_km), 0.0)
    dy = np.maximum(np.maximum(grid.south_km - y, y - grid.north_km), 0.0)
    d = np.hypot(dx, dy)
    return np.asarray(np.where(np.isfinite(d), d, np.inf))


def _front_outside(item: Front, z: FloatArray, across: np.ndarray) -> _Skip:
    """The reason a front that cannot reach any cell is left out.

    ``z`` is each cell's distance short of the front line in σ, ``across``
    whether the cell lies within the front's width.
    """
    if not across.any():
        return _Skip(
            f"its front's strip ({item.width_km:,.0f} km wide along the bearing "
            f"{item.bearing_deg:g}°) lies {_OUTSIDE_THE_GRID}, so it cannot move "
            "the map"
        )
    km = float(np.min(z[across])) * item.sigma_km
    far = f"{km:,.0f}" if km >= 10 else f"{km:.1f}"
    return _Skip(
        f"its front line lies {_OUTSIDE_THE_GRID}, {far} km beyond its nearest "
        "cell with the force on the far side, so it cannot move the map"
    )


def _plane_direction(
    place: Point, bearing_deg: float, grid: Grid
) -> tuple[float, float]:
    """The unit vector in the grid's plane of a compass bearing at a place.

    The grid's +y axis points to true north only on its central meridian: away
    from it the plane is turned by the meridians' convergence (about 8° at 62° N,
    9° of longitude off the centre). This is the plane direction of a 10 m step
    along the bearing, on the WGS84 ellipsoid (its meridian and prime-vertical
    radii of curvature turn km into degrees). On a pole, where no bearing
    exists, the bearing is taken in the plane.

    Examples
    --------
    >>> g = Grid.from_bounds(10.0, 58.0, 30.0, 66.0, cell_km=5.0)
    >>> [round(c, 9) + 0.0 for c in _plane_direction(Point(20.0, 62.0), 90.0, g)]
    [1.0, 0.0]
    >>> bx, by = _plane_direction(Point(29.0, 62.0), 0.0, g)  # north, off-centre
    >>> round(math.degrees(math.atan2(bx, by)), 2)
    -7.94
    """
    theta = math.radians(bearing_deg)
    plane = math.sin(theta), math.cos(theta)
    phi = math.radians(place.lat)
    e2 = WGS84_F * (2.0 - WGS84_F)
    w = 1.0 - e2 * math.sin(phi) ** 2
    north_km_per_deg = math.radians(WGS84_A_KM * (1.0 - e2) / w**1.5)
    east_km_per_deg = math.radians(WGS84_A_KM / math.sqrt(w) * math.cos(phi))
    if east_km_per_deg < 1e-9:  # on a pole
        return plane
    half_km = 0.005
    dlat = half_km * math.cos(theta) / north_km_per_deg
    dlon = half_km * math.sin(theta) / east_km_per_deg
    x, y = grid.lonlat_to_xy_km(
        [place.lon - dlon, place.lon + dlon], [place.lat - dlat, place.lat + dlat]
    )
    dx, dy = float(x[1] - x[0]), float(y[1] - y[0])
    norm = math.hypot(dx, dy)
    if not (math.isfinite(norm) and norm > 0):  # pragma: no cover - far side
        return plane
    return dx / norm, dy / norm


def _sighting_outside(
    s: Sighting,
    grid: Grid,
    *,
    as_of: dt.date,
    settings: Settings,
    km_outside: float | None = None,
) -> bool:
    """Whether a sighting's kernel lies wholly outside the grid.

    Wholly: its place is more than ``settings.cutoff_sigmas`` σ (σ on ``as_of``)
    from every cell, where the kernel is below 1e-14 of its peak. Its
    likelihood would then be ``1 − r`` in every cell: it could not move the map.
    ``km_outside``, if given, is the point place's distance from the grid
    (:func:`_km_outside`), computed for many sightings at once.
    """
    reach = settings.cutoff_sigmas * _sighting_sigma_km(
        s, as_of=as_of, settings=settings
    )
    if isinstance(s.place, Point):
        if km_outside is None:
            x, y = grid.lonlat_to_xy_km(s.place.lon, s.place.lat)
            km_outside = float(_km_outside(x, y, grid))
        return not km_outside <= reach
    return not bool(np.isfinite(distance_km(s.place, grid, max_km=reach)).any())


def _sighting_group_log(
    group: Sequence[Sighting], grid: Grid, *, as_of: dt.date, settings: Settings
) -> FloatArray:
    total_w = float(sum(s.weight for s in group))
    cell_var = grid.cell_km**2 / 12.0
    n = len(group)
    sigma = np.empty(n)
    wr = np.empty(n)  # weight × reliability
    for i, s in enumerate(group):
        own = _sighting_sigma_km(s, as_of=as_of, settings=settings)
        sigma[i] = math.sqrt(own**2 + cell_var)
        wr[i] = s.weight * min(s.p_true(settings.grades), settings.max_reliability)
    # L = Σ wᵢ(rᵢKᵢ + 1 − rᵢ)/W = (W − Σ wᵢrᵢ)/W + Σ (wᵢrᵢ/W) Kᵢ
    is_point = np.array([isinstance(s.place, Point) for s in group])
    acc: FloatArray | None = None  # built in place (see gaussian_mixture_density)
    used_wr = 0.0
    if is_point.any() and wr[is_point].sum() > 0:
        lons = np.array([s.place.lon for s in group if isinstance(s.place, Point)])
        lats = np.array([s.place.lat for s in group if isinstance(s.place, Point)])
        px, py = grid.lonlat_to_xy_km(lons, lats)
        wp = wr[is_point]
        acc = gaussian_mixture_density(
            px, py, grid, sigma_km=sigma[is_point], weights=wp, exact_mass=True
        )
        acc *= grid.area_km2 * float(wp.sum()) / total_w
        used_wr += float(wp.sum())
    if acc is None:
        acc = np.zeros(grid.n_cells)
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
        return np.asarray(np.log(acc, out=acc))


def _search_cover(item: Searched, grid: Grid) -> FloatArray:
    """Each cell's share of a search's area (:func:`_outside` when none)."""
    cover = coverage(item.area, grid, buffer_km=item.buffer_km)
    if not cover.any():
        raise _outside(item, grid, "its area")
    return cover


def _search_reaches(item: Searched, grid: Grid) -> bool:
    """Whether a search's area reaches the grid (one that does not is skipped).

    As :func:`_search_cover` would not raise, without drawing a buffer when
    some cell is wholly covered. Found once within :func:`kept_searches`.
    """
    memo = _MEMO.get()
    key = (id(grid), id(item))
    got = memo.reaches.get(key) if memo is not None else None
    if got is not None:
        return got[2]
    reaches = covers_any(item.area, grid, buffer_km=item.buffer_km)
    if memo is not None:
        memo.reaches[key] = (grid, item, reaches)
    return reaches


#: The cells of the days' misses :func:`kept_searches` keeps (64 MB of float64).
_KEPT_DAY_CELLS = 8_000_000


class _SearchMemo:
    """What :func:`kept_searches` keeps, by the identity of the grid and items.

    Each key's objects are held with the value, so that no id is taken again
    by another object while the memo lives. Entered (``with``), it is the
    one in force until its exit, unless another already is; it may be
    entered again, keeping what it kept.
    """

    __slots__ = ("cells", "misses", "reaches", "tokens")

    def __init__(self) -> None:
        self.misses: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        self.reaches: dict[tuple[int, int], tuple[Grid, Searched, bool]] = {}
        self.cells = 0
        self.tokens: list[Token[_SearchMemo | None] | None] = []

    def __enter__(self) -> _SearchMemo:
        self.tokens.append(_MEMO.set(self) if _MEMO.get() is None else None)
        return self

    def __exit__(self, *exc: object) -> None:
        token = self.tokens.pop()
        if token is not None:
            _MEMO.reset(token)


_MEMO: ContextVar[_SearchMemo | None] = ContextVar("_MEMO", default=None)


def kept_searches() -> _SearchMemo:
    """A memo in which each day's searches are combined once (:func:`_day_miss`).

    A case's map, its moments' maps (:func:`~geosleuth.fuse.estimate.fuse`
    judges each moment's searches on the map of its moment) and the track's
    passes each combine the same searches of a day again: their cut cells
    cost a shapely cut each, and a plan recorded as a dozen bands has
    hundreds (review r60, M2). Within ``with`` the memo, the day's miss is
    kept, by the grid's and the items' identity and the searches' ``pd``, up
    to ``_KEPT_DAY_CELLS`` cells, with whether each search reaches the grid;
    the same floats come back. Within another memo, it keeps nothing of its
    own. ``with`` adds no frame: a warning's ``stacklevel`` is unchanged.

    Examples
    --------
    >>> memo = kept_searches()
    >>> with memo:
    ...     _MEMO.get() is memo
    True
    >>> _MEMO.get() is None
    True
    """
    return _SearchMemo()


def _search_day_log(
    group: Sequence[Searched], grid: Grid, *, as_of: dt.date, settings: Settings
) -> FloatArray:
    """``log L`` of the searches of one day, combined in each cell, then moved once.

    On its day a search misses a target in a cell with ``1 − pd·c`` (``c`` the
    cell's share of its area, ``pd`` its detection probability times the
    chance it is true, faded by ``search_memory_days`` if set). The target had
    one position that day, so the day's searches miss it together with
    ``L_day = Π_s (1 − pd_s·c_s)`` (Koopman's composition: two sorties of pd
    0.5 over one area are one of pd 0.75), the overlap of their shares taken
    as it is in cells two of them cover in part (:func:`_day_miss`). The share
    found that day, ``1 − L_day``, is then moved once by the walk since
    (:func:`moved_cover`): ``L = 1 − moved_cover(1 − L_day)``. Moving each
    search's share apart and multiplying would treat sorties over one area
    as independent chances at a target that was in one place: a second pd = 1
    sweep of the same disc would square its factor as the days pass.

    Examples
    --------
    >>> from geosleuth.evidence import Provenance
    >>> g = Grid.around(0.0, 0.0, radius_km=10.0, cell_km=1.0)
    >>> day = dt.date(2024, 1, 1)
    >>> def sortie(i, pd):
    ...     return Searched(id=i, provenance=Provenance(document="log"), date=day,
    ...                     area=Point(0.0, 0.0), buffer_km=3.0, pd=pd)
    >>> later = dt.date(2024, 1, 4)
    >>> two = _search_day_log([sortie("a", 0.5), sortie("b", 0.5)], g,
    ...                       as_of=later, settings=Settings())
    >>> one = _search_day_log([sortie("ab", 0.75)], g, as_of=later,
    ...                       settings=Settings())
    >>> bool(np.allclose(two, one))  # the same as one sortie of 1 - 0.5 x 0.5
    True
    """
    pds = _search_pds(group, as_of=as_of, settings=settings)
    memo = _MEMO.get()
    key = (id(grid), *(id(i) for i in group), *pds)
    got = memo.misses.get(key) if memo is not None else None
    if got is not None:
        miss: FloatArray = got[-1]
    else:
        covers = [_search_cover(item, grid) for item in group]
        miss = _day_miss(group, covers, pds, grid)
        if memo is not None and memo.cells + miss.size <= _KEPT_DAY_CELLS:
            miss.flags.writeable = False
            memo.misses[key] = (grid, tuple(group), miss)
            memo.cells += miss.size
    return _found_log(1.0 - miss, group[0], grid, as_of=as_of, settings=settings)


def _search_pds(
    group: Sequence[Searched], *, as_of: dt.date, settings: Settings
) -> list[float]:
    """Each search's ``pd`` on its day: times its chance of being true, faded."""
    pds = []
    for item in group:
        pd = item.pd * item.p_true(settings.grades)
        if settings.search_memory_days is not None:
            pd *= math.exp(-item.age_days(as_of) / settings.search_memory_days)
        pds.append(pd)
    return pds


def _found_log(
    found: FloatArray,
    first: Searched,
    grid: Grid,
    *,
    as_of: dt.date,
    settings: Settings,
) -> FloatArray:
    """``log(1 − found)``, the share ``found`` on the day of ``first`` moved since."""
    # a target in a cell now was in the share found then with moved_cover's
    # chance: it may have walked in since (one day's searches share one walk)
    walk_km = _walk_km(first, as_of=as_of, settings=settings)
    if walk_km > 0.0:
        found = moved_cover(found, grid, walk_km)
    with np.errstate(divide="ignore"):
        return np.asarray(np.log1p(-found))


def _day_miss(
    group: Sequence[Searched],
    covers: Sequence[FloatArray],
    pds: Sequence[float],
    grid: Grid,
) -> FloatArray:
    """Each cell's chance that all of one day's searches missed a target in it.

    The target is anywhere in the cell, alike: ``∫ Π_s (1 − pd_s·1[x ∈ A_s])
    dx / area``. Where each search covers the cell wholly or not at all, or
    only one covers it in part, that is ``Π_s (1 − pd_s·c_s)``. Where two or
    more cover it in part, it depends on how their shares overlap (two
    sorties over one half of a cell miss with ``1 − c·(1 − (1 − p₁)(1 −
    p₂))``, over its two halves with ``1 − c₁p₁ − c₂p₂``): the cell's square is
    cut by their areas, in the grid's plane, and each piece counts with its
    own miss.
    """
    miss = np.ones(grid.n_cells)
    for cover, pd in zip(covers, pds, strict=True):
        miss *= 1.0 - pd * cover
    partial = [(c > 0.0) & (c < 1.0) for c in covers]
    cells = np.flatnonzero(sum(p.astype(np.int64) for p in partial) >= 2)
    if cells.size == 0:
        return miss
    from geosleuth.geometry import _plane_shape

    shapes = [
        _plane_shape(s.area, grid, s.buffer_km) if p[cells].any() else None
        for s, p in zip(group, partial, strict=True)
    ]
    for j in cells.tolist():
        whole, held = _cell_cut(
            j, [float(c[j]) for c in covers], pds, lambda k: shapes[k], grid
        )
        miss[j] = whole * min(max(held, 0.0), 1.0)
    return miss


def _cell_cut(
    j: int,
    cover: Sequence[float | None],
    pds: Sequence[float],
    shape: Callable[[int], Any],
    grid: Grid,
) -> tuple[float, float]:
    """One cell's miss by the searches that cover it, cut as :func:`_day_miss` does.

    ``cover`` is each search's share of cell ``j`` (None: a search left out),
    ``shape(k)`` search ``k``'s area in the grid's plane. Returns ``(whole,
    held)``: the miss of those that cover the cell wholly, and the share of
    the cell, each piece weighted by its miss, of those that cover it in part.
    """
    import shapely

    # the cell's centre, as :attr:`Grid.x_km` and :attr:`Grid.y_km` give it
    x = grid.west_km + (j % grid.nx + 0.5) * grid.cell_km
    y = grid.south_km + (j // grid.nx + 0.5) * grid.cell_km
    h = grid.cell_km / 2.0
    pieces = [(shapely.box(x - h, y - h, x + h, y + h), 1.0)]
    whole = 1.0  # the searches that cover the cell wholly
    for k, (c, pd) in enumerate(zip(cover, pds, strict=True)):
        if c is None:
            continue
        if c >= 1.0:
            whole *= 1.0 - pd
        elif c > 0.0:
            cut = []
            for piece, m in pieces:
                inside = shapely.intersection(piece, shape(k))
                outside = shapely.difference(piece, shape(k))
                if inside.area > 0.0:
                    cut.append((inside, m * (1.0 - pd)))
                if outside.area > 0.0:
                    cut.append((outside, m))
            pieces = cut
    held = sum(piece.area * m for piece, m in pieces) / grid.cell_km**2
    return whole, held


#: The cells of each block :class:`SearchDay` gathers every search's share of
#: at once (searches × cells float64: 8 MB for 16 searches).
_BLOCK_CELLS = 65_536


class SearchDay:
    """One day's (or one moment's) searches, combined, with each left out in turn.

    :meth:`log_without` of search ``k`` is :func:`_search_day_log` of the day's
    other searches, to the same floats, at a fraction of the cost: each
    search's share of the cells (:func:`_search_cover`) is computed once and
    kept as the cells it covers, and so is the cut of each cell that two or
    more cover in part (:func:`_day_miss`). Without search ``k`` only the
    cells ``k`` covers change: there the others' product is taken again, in
    the same order; a cell ``k`` covers wholly keeps its cut; one it covers in
    part is cut again by the others. Leaving out each of a day's ``n``
    searches then costs ``n`` coverages, not ``n²`` (review r60, M2: a plan
    recorded as a dozen bands, three plans a day).

    ``coverages`` counts the coverages made; ``kept_cells`` the cells kept,
    summed over the searches (16 bytes each).

    Examples
    --------
    >>> from geosleuth.evidence import Provenance
    >>> g = Grid.around(0.0, 0.0, radius_km=10.0, cell_km=1.0)
    >>> day = dt.date(2024, 1, 1)
    >>> def sortie(i, lon, pd):
    ...     return Searched(id=i, provenance=Provenance(document="log"), date=day,
    ...                     area=Point(lon, 0.0), buffer_km=2.2, pd=pd)
    >>> group = [sortie("a", 0.0, 0.5), sortie("b", 0.01, 0.6), sortie("c", 0.02, 0.7)]
    >>> later, settings = dt.date(2024, 1, 4), Settings()
    >>> searches = SearchDay(group, g, as_of=later, settings=settings)
    >>> slow = _search_day_log(group[::2], g, as_of=later, settings=settings)
    >>> bool(np.array_equal(searches.log_without(1), slow)), searches.coverages
    (True, 3)
    """

    def __init__(
        self,
        group: Sequence[Searched],
        grid: Grid,
        *,
        as_of: dt.date,
        settings: Settings,
    ) -> None:
        self.group = tuple(group)
        self._grid = grid
        self._as_of = as_of
        self._settings = settings
        self._pds = _search_pds(group, as_of=as_of, settings=settings)
        self._cells: list[Any] = []  # each search's covered cells, ascending
        self._shares: list[FloatArray] = []  # and its share of each
        self._shapes: dict[int, Any] = {}  # each search's area in the plane
        miss = np.ones(grid.n_cells)
        n_partial = np.zeros(grid.n_cells, dtype=np.int64)
        for item, pd in zip(self.group, self._pds, strict=True):
            cover = _search_cover(item, grid)
            miss *= 1.0 - pd * cover
            n_partial += (cover > 0.0) & (cover < 1.0)
            at = np.flatnonzero(cover)
            self._cells.append(at)
            self._shares.append(cover[at])
        self.coverages = len(self.group)
        self.kept_cells = sum(int(at.size) for at in self._cells)
        self._n_partial = n_partial
        self._held: dict[int, float] = {}  # each cut cell's held share
        cut = np.flatnonzero(n_partial >= 2)
        for start in range(0, cut.size, _BLOCK_CELLS):  # a bounded block at once
            block = cut[start : start + _BLOCK_CELLS]
            shares = self._gather(block)
            for col, j in enumerate(block.tolist()):
                here: list[float | None] = shares[:, col].tolist()
                whole, held = _cell_cut(j, here, self._pds, self._shape, grid)
                self._held[j] = held
                miss[j] = whole * min(max(held, 0.0), 1.0)
        self._miss = miss

    def _shape(self, k: int) -> Any:
        got = self._shapes.get(k)
        if got is None:
            from geosleuth.geometry import _plane_shape

            s = self.group[k]
            got = self._shapes[k] = _plane_shape(s.area, self._grid, s.buffer_km)
        return got

    def _gather(self, cells: Any) -> FloatArray:
        """Each search's share of ``cells`` (ascending), shape ``(n, len(cells))``."""
        out = np.zeros((len(self.group), cells.size))
        for i, (at, share) in enumerate(zip(self._cells, self._shares, strict=True)):
            pos = np.minimum(np.searchsorted(at, cells), at.size - 1)
            hit = at[pos] == cells
            out[i, hit] = share[pos[hit]]
        return out

    def log(self) -> FloatArray:
        """:func:`_search_day_log` of the whole day."""
        return _found_log(
            1.0 - self._miss,
            self.group[0],
            self._grid,
            as_of=self._as_of,
            settings=self._settings,
        )

    def log_without(self, k: int) -> FloatArray:
        """:func:`_search_day_log` of the day's searches but the ``k``-th."""
        others = [i for i, _ in enumerate(self.group) if i != k]
        if not others:
            raise ValueError("A day of one search has no others to combine.")
        miss = self._miss.copy()
        for start in range(0, self._cells[k].size, _BLOCK_CELLS):
            cells = self._cells[k][start : start + _BLOCK_CELLS]
            shares = self._gather(cells)
            product = np.ones(cells.size)
            for i in others:
                product *= 1.0 - self._pds[i] * shares[i]
            miss[cells] = product
            mine = shares[k]
            partial = (mine > 0.0) & (mine < 1.0)
            for col in np.flatnonzero(self._n_partial[cells] - partial >= 2).tolist():
                j = int(cells[col])
                if partial[col]:  # cut again by the others
                    cover: list[float | None] = shares[:, col].tolist()
                    cover[k] = None
                    whole, held = _cell_cut(
                        j, cover, self._pds, self._shape, self._grid
                    )
                else:  # covered wholly by k: the others' cut stands
                    whole, held = 1.0, self._held[j]
                    for i in others:
                        if shares[i, col] >= 1.0:
                            whole *= 1.0 - self._pds[i]
                miss[j] = whole * min(max(held, 0.0), 1.0)
        return _found_log(
            1.0 - miss,
            self.group[others[0]],
            self._grid,
            as_of=self._as_of,
            settings=self._settings,
        )


def _search_day_key(
    item: Searched,
) -> tuple[dt.date | None, dt.date, dt.time | None]:
    """The day whose searches combine into one factor (:func:`_search_day_log`).

    Searches of one day with different times of day are made at different
    moments, when the target may have been elsewhere: each moment is a day of
    its own here, moved by its own walk since.
    """
    return (item.date_from, item.date, item.time)


def _search_day_name(key: tuple[dt.date | None, dt.date, dt.time | None]) -> str:
    """A day of several searches, named: "searched on 2024-10-13 at 06:00"."""
    since, day, at = key
    name = f"searched on {day}" if since is None else f"searched {since} – {day}"
    return name if at is None else f"{name} at {time_text(at)}"


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
        if not s.any():  # "is" or "is not" somewhere else: nothing to say here
            raise _outside(item, grid)
        if item.polarity == "is_not":
            s = 1.0 - s
        k = _normalised(s)
        if k is None:  # only "is not" gets here: 1 − s is 0 on every cell
            raise _Skip("its region covers the whole grid")
        return _mixture_log(k, r)
    if isinstance(item, Territory):
        s = _region_soft(
            item.area, grid, buffer_km=0.0, sigma_km=item.sigma_km, cutoff=cutoff
        )
        k = _normalised(s)
        if k is None:
            raise _outside(item, grid, "its area")
        return _mixture_log(k, r)
    if isinstance(item, Front):
        px, py = grid.cell_xy_km()
        vx, vy = grid.lonlat_to_xy_km(item.place.lon, item.place.lat)
        bx, by = _plane_direction(item.place, item.bearing_deg, grid)
        u = (px - vx) * bx + (py - vy) * by
        z = (item.distance_km - u) / item.sigma_km  # σs short of the front line
        across = np.ones(z.shape, dtype=bool)
        if math.isfinite(item.width_km):
            v = (px - vx) * by - (py - vy) * bx
            across = np.abs(v) <= item.width_km / 2.0
        if not (across & (z < cutoff)).any():  # the force is nowhere near a cell
            raise _front_outside(item, z, across)
        if across.all() and not (z > -cutoff).any():
            raise _Skip("the force holds the whole grid")
        open_ = np.where(across, ndtr(z), 1.0)
        k = _normalised(np.asarray(open_, dtype=np.float64))
        if k is None:
            raise _Skip("the force holds the whole grid")
        return _mixture_log(k, r)
    if isinstance(item, Searched):
        return _search_day_log([item], grid, as_of=as_of, settings=settings)
    if isinstance(item, EventSet):
        x, y = grid.lonlat_to_xy_km(item.lons, item.lats)
        if item.method == "kde":
            sigma = math.sqrt(item.sigma_km**2 + grid.cell_km**2 / 12.0)
            if not (_km_outside(x, y, grid) <= cutoff * sigma).any():
                raise _outside(item, grid, "its events")
            surf = gaussian_mixture_density(
                x, y, grid, sigma_km=sigma, weights=item.weights, exact_mass=True
            )
        else:
            # a CGT surface falls off as a power of the distance and never
            # vanishes: events beyond the edge still tilt the grid towards them
            # (the border warning says so); the set is left out only when its
            # events have no position in the grid's plane
            from geosleuth import profile  # core module; imported lazily

            try:
                buffer_km = profile.estimate_cgt_buffer_km(x, y)
            except InputError:  # its advice (give a buffer) cannot apply here
                raise _Skip(
                    "every event coincides with another, so no CGT buffer can be "
                    "estimated; use method 'kde'"
                    if np.isfinite(x).all() and np.isfinite(y).all()
                    else str(_outside(item, grid, "its events"))
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
            raise _outside(item, grid, "its events")
        return _mixture_log(k, r)
    raise _Skip(f"items of kind {item.kind!r} do not inform the map")


def select(
    items: Iterable[EvidenceItem], *, as_of: dt.date, hindcast: bool = False
) -> tuple[list[EvidenceItem], list[tuple[str, str]]]:
    """Split items into those usable as of ``as_of`` and the rest, with reasons.

    An item is used when it is dated, and was published, on or before ``as_of`` (with
    ``hindcast=True`` the publication date is ignored: today's knowledge of the events
    up to ``as_of``), and not timed later on its day than an
    :class:`~geosleuth.evidence.AsOf`'s time of day. Of a group's territory items, only
    the newest is used. Of the items so far, one that repeats another document's
    statement word for word (:func:`~geosleuth.dependence.repeats`: a wire story
    republished) is left out as a repeat of the first copy: the statement counts once.
    Only the copies usable on ``as_of`` are compared, so a copy counts while the first
    one is not yet known. Of one identified speaker's claims that the target is
    somewhere, only the latest day's are used: the earlier ones give way to the
    speaker's later word (:func:`~geosleuth.dependence.superseded_claims`).

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
    >>> said = Provenance(document="wire", quote="He is alive.")
    >>> again = LifeStatus(id="c", provenance=replace(said, document="reprint"),
    ...                    date=dt.date(2017, 1, 2), status="alive")
    >>> used, excluded = select([replace(old, provenance=said), again],
    ...                         as_of=dt.date(2018, 1, 1))
    >>> [i.id for i in used], excluded[0][1][:34]
    (['a'], "repeats 'a' of the document 'wire'")
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
        elif later_that_day(item, as_of) and item.time is not None:
            at = time_text(item.time)
            excluded.append((item.id, f"at {at}, after {as_of_text(as_of)}"))
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
    later = superseded_claims(final)
    if later:
        excluded.extend(
            (
                i.id,
                f"superseded by {later[i.id].id!r} ({later[i.id].date}), the later "
                f"claim of the same speaker ({later[i.id].provenance.speaker})",
            )
            for i in final
            if i.id in later
        )
        final = [i for i in final if i.id not in later]
    again = repeats(final)
    if again:
        excluded.extend(
            (i.id, _repeat_reason(again[i.id])) for i in final if i.id in again
        )
        final = [i for i in final if i.id not in again]
    return final, excluded


def _repeat_reason(first: EvidenceItem) -> str:
    """Why an item that repeats ``first`` word for word is left out.

    Examples
    --------
    >>> from geosleuth.evidence import Provenance
    >>> wire = LifeStatus(id="w:l1", provenance=Provenance(document="w"),
    ...                   date=dt.date(2019, 1, 1), status="dead")
    >>> print(_repeat_reason(wire))  # doctest: +NORMALIZE_WHITESPACE
    repeats 'w:l1' of the document 'w' word for word (the same statement,
    published again): it counts once
    """
    return (
        f"repeats {first.id!r} of the document {first.provenance.document!r} word "
        "for word (the same statement, published again): it counts once"
    )


def _factor_stream(
    items: Sequence[EvidenceItem],
    grid: Grid,
    *,
    as_of: dt.date,
    settings: Settings,
    skipped: list[tuple[str, str]],
    fix_layers: dict[str, FloatArray] | None = None,
    tracks: _Tracks | None = None,
) -> Iterator[Factor]:
    """The factors of :func:`factors`, one at a time, unweighted.

    ``tracks`` makes a track's layers and factors (default :class:`_Tracks`:
    each from scratch); the maps of a case's search moments share one that
    follows each of its passes once (:class:`_MomentTracks`).

    With ``fix_layers``, each fix of a track leaves its layer there
    (:func:`_fix_log`), for a caller that follows the track again with other
    weights.

    An item that cannot inform the grid is appended to ``skipped`` (with the
    reason) as the stream reaches it. A caller that only sums the factors
    (:func:`~geosleuth.fuse.history.timeline`) keeps one at a time in memory.

    A sighting that lies wholly outside the grid (:func:`_sighting_outside`) is
    left out before its group is formed: its likelihood would be ``1 − r`` in
    every cell, which alone moves nothing, and in a group only adds a constant
    that flattens the other members' kernels. Other items wholly outside (a
    claim of either polarity, territory, a search, a front, a KDE event set) are
    left out by :func:`_item_log`, with the reason :func:`_outside` gives.
    """
    groups: dict[str, list[Sighting]] = {}
    days: dict[tuple[dt.date | None, dt.date, dt.time | None], list[Searched]] = {}
    fixes: list[tuple[EvidenceItem, FloatArray]] = []
    # the timed searches before the map's moment, threaded through the track
    now = now_of(as_of)
    on_track: list[Searched] = []
    # the point sightings' distances from the grid, projected at once (one call
    # per sighting cost a quarter of a second for 10,000)
    points = [
        i for i in items if isinstance(i, Sighting) and isinstance(i.place, Point)
    ]
    far: dict[int, float] = {}
    if points:
        px, py = grid.lonlat_to_xy_km(
            np.array([i.place.lon for i in points]),  # type: ignore[union-attr]
            np.array([i.place.lat for i in points]),  # type: ignore[union-attr]
        )
        km = _km_outside(px, py, grid)
        far = {id(i): float(d) for i, d in zip(points, km.tolist(), strict=True)}
    # the target's timed fixes that reach the grid, each with its layer at its
    # moment, followed as one track when there are two or more, or one with
    # timed searches to thread through it (:mod:`geosleuth.fuse.track`); one
    # alone is an item like any other, and a fix outside the grid, left out,
    # counts for neither (review r37, M1)
    tracks = tracks if tracks is not None else _Tracks(grid, settings)
    layers: dict[int, FloatArray] = {}
    for item in items:
        if not in_track(item) or (
            isinstance(item, Sighting)
            and _sighting_outside(
                item, grid, as_of=as_of, settings=settings, km_outside=far.get(id(item))
            )
        ):
            continue
        try:
            layers[id(item)] = tracks.layer(item)
        except _Skip:
            continue
    tracked = len(layers) > 1 or (
        len(layers) == 1
        and any(
            isinstance(i, Searched) and _threaded(i, now) and tracks.reaches(i)
            for i in items
        )
    )
    for item in items:
        if isinstance(item, Sighting):
            if tracked and id(item) in layers:  # in the grid, as its layer says
                fixes.append((item, layers[id(item)]))
                continue
            if _sighting_outside(
                item, grid, as_of=as_of, settings=settings, km_outside=far.get(id(item))
            ):
                skipped.append((item.id, str(_outside(item, grid))))
                continue
            groups.setdefault(item.group_key, []).append(item)
        elif isinstance(item, LifeStatus):
            continue
        elif isinstance(item, Searched):
            if not tracks.reaches(item):  # its own area must reach it
                skipped.append((item.id, str(_outside(item, grid, "its area"))))
                continue
            if tracked and _threaded(item, now):
                on_track.append(item)
                continue
            days.setdefault(_search_day_key(item), []).append(item)
        else:
            try:
                if tracked and id(item) in layers:
                    fixes.append((item, layers[id(item)]))
                    continue
                log_l = _item_log(item, grid, as_of=as_of, settings=settings)
            except _Skip as why:
                skipped.append((item.id, str(why)))
                continue
            yield Factor(item.id, (item.id,), item.kind, log_l)
    if not fixes:  # every fix outside the grid: no track to thread them on
        for search in on_track:
            days.setdefault(_search_day_key(search), []).append(search)
    # one factor a day of searches: combined in each cell before the walk
    # (:func:`_search_day_log`); a day of one search is keyed by its id
    for when, searches in days.items():
        log_l = _search_day_log(searches, grid, as_of=as_of, settings=settings)
        key = searches[0].id if len(searches) == 1 else _search_day_name(when)
        yield Factor(key, tuple(s.id for s in searches), Searched.kind, log_l)
    for key, group in groups.items():
        log_l = _sighting_group_log(group, grid, as_of=as_of, settings=settings)
        yield Factor(key, tuple(s.id for s in group), "sighting", log_l)
    if fixes:
        if fix_layers is not None:
            fix_layers.update((i.id, layer) for i, layer in fixes)
        yield from tracks.factors(fixes, on_track, as_of=as_of)


def _threaded(item: Searched, now: float) -> bool:
    """Whether a search is threaded through a track (:func:`_track_factors`).

    A search with a time of day, of one day, made before the map's moment
    ``now`` (:func:`~geosleuth.evidence.now_of`): one made at that moment is
    the track's last step as it is, and one of a period or of no time of day
    has no moment to thread it at.
    """
    return item.time is not None and item.date_from is None and item.moment < now


def _track_factors(
    fixes: Sequence[tuple[EvidenceItem, FloatArray]],
    searches: Sequence[Searched],
    grid: Grid,
    *,
    as_of: dt.date,
    settings: Settings,
    weights: Sequence[float] | None = None,
    moments: Sequence[tuple[float, FloatArray]] | None = None,
) -> list[Factor]:
    """A track's factors: its fixes', and its searches' (:func:`_track_pair`).

    The fixes' factor follows them in time order (:func:`track_log`), each
    with its layer (:func:`_fix_log`); with ``weights`` (one per fix,
    :func:`~geosleuth.dependence.source_weights` of the fix's document), each
    fix's likelihood is raised to its weight before the track follows it, as
    an item of its own would be, and they are kept as the factor's
    :attr:`Factor.fix_weights`. One fix alone (a track for the searches
    threaded through it) is the item it would be without them, aged from its
    time (:func:`_lone_fix_log`): the searches change nothing but their own
    factor.

    The timed ``searches`` (:func:`_threaded`) are threaded through the track:
    one factor of kind "searched", keyed
    :data:`~geosleuth.fuse.track.TRACK_SEARCHES`, whose log is the chance
    that all of them missed a target in each cell now, given the fixes
    (:func:`~geosleuth.fuse.track.track_searches_log`). It is kept apart from
    the track's own factor, as every search's is, so that the chance that the
    searches missed (:func:`~geosleuth.fuse.posterior.search_miss`) and
    ``P(outside)`` weigh it as a search; the two sum to the map of the fixes
    and the searches followed in time order
    (:func:`~geosleuth.fuse.track.track_with_searches_log`), to what walking
    in two steps instead of one changes on the grid (and, for one fix, what
    the walk on the grid changes from the widened kernel). The searches of
    one moment are combined in each cell (:func:`_day_miss`), as one day's
    are, and taken at that moment, not moved by any walk
    (:func:`_search_day_log` without one). ``moments``, if given, are
    :func:`_search_moments` of ``searches``, made by the caller.
    """
    ws = tuple(weights) if weights is not None else (1.0,) * len(fixes)
    if moments is None:
        moments = _search_moments(searches, grid, as_of=as_of, settings=settings)
    kw = {
        "now": now_of(as_of),
        "diffusion_km2_per_day": settings.diffusion_km2_per_day,
        "cutoff": settings.cutoff_sigmas,
    }
    on_track = _weighed(fixes, ws)
    searched: FloatArray | None = None
    if len(fixes) == 1:
        track = _lone_fix_log(fixes[0][0], grid, as_of=as_of, settings=settings)
        track = track * ws[0] if ws[0] != 1.0 else track
        if searches:
            assert moments is not None
            searched = track_searches_log(
                on_track,
                moments,
                grid,
                **kw,
            )
    elif searches:
        assert moments is not None
        track, searched = track_with_searches_log(
            on_track,
            moments,
            grid,
            **kw,
        )
    else:
        track = track_log(on_track, grid, **kw)
    return _track_pair(fixes, searches, ws, track, searched)


def _weighed(
    fixes: Sequence[tuple[EvidenceItem, FloatArray]], ws: Sequence[float]
) -> list[tuple[float, FloatArray]]:
    """A track's fixes as it follows them: ``(moment, log_l · weight)``."""
    return [
        (item.moment, log_f * w if w != 1.0 else log_f)
        for (item, log_f), w in zip(fixes, ws, strict=True)
    ]


def _search_moments(
    searches: Sequence[Searched], grid: Grid, *, as_of: dt.date, settings: Settings
) -> list[tuple[float, FloatArray]]:
    """The threaded searches of each moment, combined, as the track takes them.

    :func:`_search_day_log` without a walk, in the order of each moment's
    first search.
    """
    still = replace(settings, diffusion_km2_per_day=0.0)
    moments: dict[tuple[dt.date, dt.time | None], list[Searched]] = {}
    for search in searches:
        moments.setdefault((search.date, search.time), []).append(search)
    return [
        (group[0].moment, _search_day_log(group, grid, as_of=as_of, settings=still))
        for group in moments.values()
    ]


def _track_pair(
    fixes: Sequence[tuple[EvidenceItem, FloatArray]],
    searches: Sequence[Searched],
    ws: Sequence[float],
    track: FloatArray,
    searched: FloatArray | None,
) -> list[Factor]:
    """The track's factor, and its searches' when it has any."""
    out = [
        Factor(
            TRACK,
            tuple(i.id for i, _ in fixes),
            TRACK,
            track,
            fix_weights=tuple(ws) if any(w != 1.0 for w in ws) else (),
        )
    ]
    if searched is not None:
        out.append(
            Factor(
                TRACK_SEARCHES, tuple(s.id for s in searches), Searched.kind, searched
            )
        )
    return out


def _lone_fix_log(
    item: EvidenceItem, grid: Grid, *, as_of: dt.date, settings: Settings
) -> FloatArray:
    """A fix alone, as an item of its own: its kernel widened by the walk since.

    The log :func:`_factor_stream` gives the item when it is in no track.
    """
    if isinstance(item, Sighting):
        return _sighting_group_log([item], grid, as_of=as_of, settings=settings)
    return _item_log(item, grid, as_of=as_of, settings=settings)


class _Tracks:
    """How :func:`_factor_stream` makes a track: its fixes' layers and factors.

    Each from scratch (:func:`_fix_log`, :func:`_track_factors`), and
    whether a search reaches the grid, to be threaded or used at all.
    """

    def __init__(self, grid: Grid, settings: Settings) -> None:
        self.grid, self.settings = grid, settings

    def reaches(self, item: Searched) -> bool:
        """Whether a search's area reaches the grid (:func:`_search_reaches`)."""
        return _search_reaches(item, self.grid)

    def layer(self, item: EvidenceItem) -> FloatArray:
        """A fix's layer at its moment (:func:`_fix_log`); raises :class:`_Skip`."""
        return _fix_log(item, self.grid, settings=self.settings)

    def factors(
        self,
        fixes: Sequence[tuple[EvidenceItem, FloatArray]],
        searches: Sequence[Searched],
        *,
        as_of: dt.date,
    ) -> list[Factor]:
        """The track's factors as of ``as_of`` (:func:`_track_factors`)."""
        return _track_factors(
            fixes, searches, self.grid, as_of=as_of, settings=self.settings
        )


class _MomentTracks(_Tracks):
    """A case's track read at the moments of its searches, each pass followed once.

    The map of each search's moment
    (:func:`~geosleuth.fuse.estimate._miss_day_by_day`) holds the track of the
    fixes up to that moment, with the timed searches before it threaded
    through, and the backward pass of the fixes after it, each mirrored to as
    long before the moment (:func:`~geosleuth.fuse.estimate._mirrored`).
    Followed again for each moment, they cost the square of the number of
    moments in walks over the grid; here the case's fixes and timed searches
    are followed once forward (:class:`~geosleuth.fuse.track.TrackMoments`),
    and the fixes once more from the latest back, each read at a moment from
    its state before it: the same steps, the same figures to rounding. A
    fix's layer is made once (it does not depend on the day of the map), and
    whether a search reaches the grid found once.

    ``fixes`` are the case's timed fixes (:func:`in_track`), in the case's
    order: those that reach the grid as of ``as_of`` (the latest map's day)
    are followed; ``searches`` its searches that reach the grid (the timed
    ones of one day are threaded); ``moments`` the moments of the maps
    (their backward passes are read from the latest back: the fixes' pass
    keeps its state at each). A
    track asked for that is not the case's members up to (or, with
    ``backward``, after) the moment, in time order (a fix whose kernel
    reaches the grid on one map and not on another), is followed from
    scratch (:class:`_Tracks`). For settings of ``source_correlation`` 0
    and no ``search_memory_days`` (a search's layer is then the same on the
    map of any day), and the unweighted :func:`_factor_stream`.
    """

    def __init__(
        self,
        fixes: Sequence[EvidenceItem],
        searches: Sequence[Searched],
        grid: Grid,
        settings: Settings,
        *,
        as_of: dt.date,
        moments: Sequence[float],
        backward: bool = False,
        layers: dict[str, FloatArray | _Skip] | None = None,
    ) -> None:
        if settings.search_memory_days is not None or settings.source_correlation:
            raise ValueError("a search's layer or a fix's weight depends on the map")
        super().__init__(grid, settings)
        self.backward = backward
        self.layers = layers if layers is not None else {}
        # the searches given reach the grid; the timed ones of a day are threaded
        self.reached: dict[str, bool] = {s.id: True for s in searches}
        self.fixes: list[EvidenceItem] = []
        for item in fixes:
            if isinstance(item, Sighting) and _sighting_outside(
                item, grid, as_of=as_of, settings=settings
            ):
                continue
            try:
                self.layer(item)
            except _Skip:
                continue
            self.fixes.append(item)
        still = replace(settings, diffusion_km2_per_day=0.0)
        groups: dict[tuple[dt.date, dt.time | None], list[Searched]] = {}
        for search in [] if backward or not self.fixes else searches:
            if search.time is None or search.date_from is not None:
                continue  # never threaded (:func:`_threaded`)
            groups.setdefault((search.date, search.time), []).append(search)
        #: each moment's searches' ids, and the moments in time order
        self.groups = {k: [s.id for s in g] for k, g in groups.items()}
        self.keys = sorted(groups, key=lambda k: groups[k][0].moment)
        sign = -1.0 if backward else 1.0  # backward: followed from the latest
        self.order = [f.id for f in sorted(self.fixes, key=lambda f: sign * f.moment)]
        kept = (
            sorted({sum(f.moment > t for f in self.fixes) for t in moments})
            if backward
            else ()
        )
        self.passes = TrackMoments(
            [(sign * f.moment, self._layer_of(f)) for f in self.fixes],
            [
                # no walk and no memory: the same layer on the map of any day
                (g[0].moment, _search_day_log(g, grid, as_of=g[0].date, settings=still))
                for g in groups.values()
            ],
            grid,
            diffusion_km2_per_day=settings.diffusion_km2_per_day,
            cutoff=settings.cutoff_sigmas,
            kept=kept,
        )

    def _layer_of(self, item: EvidenceItem) -> FloatArray:
        got = self.layers[item.id]
        assert not isinstance(got, _Skip)
        return got

    def reaches(self, item: Searched) -> bool:
        """Whether a search reaches the grid, found once for every map."""
        got = self.reached.get(item.id)
        if got is None:
            got = self.reached[item.id] = super().reaches(item)
        return got

    def layer(self, item: EvidenceItem) -> FloatArray:
        """A fix's layer, made once for every map (it has no walk in it)."""
        got = self.layers.get(item.id)
        if got is None:
            try:
                got = super().layer(item)
            except _Skip as why:
                got = why
            self.layers[item.id] = got
        if isinstance(got, _Skip):
            raise _Skip(str(got))
        return got

    def factors(
        self,
        fixes: Sequence[tuple[EvidenceItem, FloatArray]],
        searches: Sequence[Searched],
        *,
        as_of: dt.date,
    ) -> list[Factor]:
        """The track's factors as of ``as_of``, read from the passes."""
        n_fixes = len(fixes)
        asked: dict[tuple[dt.date, dt.time | None], list[str]] = {}
        for search in searches:
            asked.setdefault((search.date, search.time), []).append(search.id)
        n_searches = len(asked)
        now = now_of(as_of)
        if (
            sorted(i.id for i, _ in fixes) != sorted(self.order[:n_fixes])
            or asked != {k: self.groups[k] for k in self.keys[:n_searches]}
            or not self.passes.holds(n_fixes, n_searches)
        ):
            return super().factors(fixes, searches, as_of=as_of)
        ws = (1.0,) * n_fixes
        searched = (
            self.passes.searched(n_fixes, n_searches, now) if n_searches else None
        )
        if n_fixes == 1:
            track = _lone_fix_log(
                fixes[0][0], self.grid, as_of=as_of, settings=self.settings
            )
        elif self.backward:
            track = self.passes.track(n_fixes, -now)
        else:
            track = self.passes.track(n_fixes, now)
        return _track_pair(fixes, searches, ws, track, searched)


def _fix_log(item: EvidenceItem, grid: Grid, *, settings: Settings) -> FloatArray:
    """A track's fix: the item's log-likelihood at its own moment (no walk since).

    Raises :class:`_Skip` as :func:`_item_log` does for a claim outside the grid.
    """
    still = replace(settings, diffusion_km2_per_day=0.0)
    if isinstance(item, Sighting):
        return _sighting_group_log([item], grid, as_of=item.date, settings=still)
    return _item_log(item, grid, as_of=item.date, settings=still)


def factors(
    items: Sequence[EvidenceItem],
    grid: Grid,
    *,
    as_of: dt.date,
    settings: Settings | None = None,
) -> tuple[list[Factor], list[tuple[str, str]]]:
    """Turn usable items into likelihood factors; return them and skipped items.

    Sightings are grouped by :attr:`~geosleuth.evidence.Sighting.group_key`; life
    status items do not inform the map and produce no factor. Two or more timed
    fixes of the target (:func:`~geosleuth.fuse.track.in_track`) make one factor
    of kind ``"track"``, followed in time order (:mod:`geosleuth.fuse.track`);
    the timed searches made before ``as_of``'s moment are then threaded through
    it, one factor of kind ``"searched"`` keyed ``"searches on the track"``
    (:func:`_track_factors`). One timed fix is a track too when there are timed
    searches to thread through it (its own factor then the item's, aged from
    its time, as without them); without any, it is an item like any other. With
    ``settings.source_correlation`` > 0, the log-likelihood of each claim or
    sighting factor whose items come from one document, and of each fix of a
    track (before the track follows it), is weighted by
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
    skipped: list[tuple[str, str]] = []
    layers: dict[str, FloatArray] = {}  # a track's fixes', to weigh them
    out = list(
        _factor_stream(
            items,
            grid,
            as_of=as_of,
            settings=settings,
            skipped=skipped,
            fix_layers=layers if settings.source_correlation > 0 else None,
        )
    )
    if settings.source_correlation > 0:
        # the document, not its title: two documents of one title (a wire's
        # headline, "Police statement") published apart are two sources
        docs = {
            i.id: document_key(i)
            if document_source(i.provenance.document) is not None
            else None
            for i in items
        }
        # a track's fixes count one by one, each as the report it is: its
        # document's other reports share its weight (review r33, M3)
        units: list[tuple[int, str | None]] = []
        sources: list[object | None] = []
        for k, f in enumerate(out):
            if f.kind == TRACK:
                units.extend((k, i) for i in f.item_ids)
                sources.extend(docs[i] for i in f.item_ids)
                continue
            ds = {docs[i] for i in f.item_ids}
            units.append((k, None))
            sources.append(
                next(iter(ds)) if f.kind in DEPENDENT_KINDS and len(ds) == 1 else None
            )
        w = source_weights(sources, correlation=settings.source_correlation)
        weight_of = {unit: float(wi) for unit, wi in zip(units, w, strict=True)}
        by_id = {i.id: i for i in items}
        for k, f in enumerate(out):
            if f.kind == TRACK:
                ws = tuple(weight_of[k, i] for i in f.item_ids)
                if any(x != 1.0 for x in ws):
                    # the searches threaded through it follow the same fixes
                    j = next(
                        (j for j, g in enumerate(out) if g.key == TRACK_SEARCHES), None
                    )
                    threaded = [] if j is None else [by_id[i] for i in out[j].item_ids]
                    new = _track_factors(
                        [(by_id[i], layers[i]) for i in f.item_ids],
                        threaded,  # type: ignore[arg-type]
                        grid,
                        as_of=as_of,
                        settings=settings,
                        weights=ws,
                    )
                    out[k] = new[0]
                    if j is not None:
                        out[j] = new[1]
            elif f.key == TRACK_SEARCHES:
                continue  # weighs as its track's fixes do (above)
            elif (wi := weight_of[k, None]) != 1.0:
                out[k] = replace(f, log_l=f.log_l * wi, weight=wi)
    return out, skipped
