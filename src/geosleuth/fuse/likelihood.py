"""Each item's likelihood over the cells, and which items are in force as of a date.

The formulas are in the :mod:`geosleuth.fuse` docstring. :func:`item_log` is an
item's log-likelihood and :func:`sighting_group_log` a group of sightings' (fused
as a mixture); a search's is in :mod:`~geosleuth.fuse.searches`, and how far an
item reaches (and why one outside the grid is left out) in
:mod:`~geosleuth.fuse.reach`. :func:`~geosleuth.fuse.factoring.factors` turns the
items :func:`select` keeps into one :class:`Factor` each (a sighting group into
one).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import (
    dataclass,
    field,
    replace,  # noqa: F401  (the doctests')
)
from typing import Any

import numpy as np
from scipy.special import ndtr

from geosleuth._types import ArrayLike, FloatArray
from geosleuth.dependence import repeats, superseded_claims
from geosleuth.errors import InputError
from geosleuth.evidence import (
    Claim,
    EventSet,
    EvidenceItem,
    Front,
    LifeStatus,  # noqa: F401  (the doctests')
    Rings,
    Searched,
    Sighting,
    Territory,
    as_of_text,
    later_that_day,
    time_text,
)
from geosleuth.fuse.reach import (
    OUTSIDE_THE_GRID,
    Skip,
    km_outside_grid,
    outside_reason,
    sighting_sigma_km,
)
from geosleuth.fuse.rings import ring_cell_mass, ring_reach_km
from geosleuth.fuse.searches import search_day_log
from geosleuth.fuse.settings import Settings
from geosleuth.geometry import Point, coverage, distance_km
from geosleuth.grid import WGS84_A_KM, WGS84_F, Grid

__all__ = [
    "Factor",
    "gaussian_mixture_density",
    "item_log",
    "rings_kernel",
    "select",
    "sighting_group_log",
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


def _front_outside(item: Front, z: FloatArray, across: np.ndarray) -> Skip:
    """The reason a front that cannot reach any cell is left out.

    ``z`` is each cell's distance short of the front line in σ, ``across``
    whether the cell lies within the front's width.
    """
    if not across.any():
        return Skip(
            f"its front's strip ({item.width_km:,.0f} km wide along the bearing "
            f"{item.bearing_deg:g}°) lies {OUTSIDE_THE_GRID}, so it cannot move "
            "the map"
        )
    km = float(np.min(z[across])) * item.sigma_km
    far = f"{km:,.0f}" if km >= 10 else f"{km:.1f}"
    return Skip(
        f"its front line lies {OUTSIDE_THE_GRID}, {far} km beyond its nearest "
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


def rings_kernel(item: Rings, grid: Grid) -> FloatArray:
    """``K`` of a :class:`~geosleuth.evidence.Rings` item: its density over the grid's.

    ``K = A·m / a`` in each cell, ``m`` the cell's mass under the ring model
    (:func:`~geosleuth.fuse.rings.ring_cell_mass`), ``a`` the cell's area and
    ``A`` the grid's: the model's density against an even spread over the
    grid. Not scaled to mean 1: what lies beyond the grid's edge stays there,
    and a ring the edge cuts does not hand its share to the others. Not aged by
    the walk: the table says where such subjects were found, however long
    after. Raises :class:`~geosleuth.fuse.reach.Skip` when the rings miss every
    cell.
    """
    x, y = grid.lonlat_to_xy_km(item.place.lon, item.place.lat)
    percents, radii = zip(*item.quantiles_km, strict=True)
    if not float(km_outside_grid(x, y, grid)) <= ring_reach_km(percents, radii):
        raise outside_reason(item, grid)
    mass = ring_cell_mass(grid, float(x), float(y), percents=percents, radii_km=radii)
    if not mass.any():  # pragma: no cover - within reach, some cell holds some
        raise outside_reason(item, grid)
    mass *= grid.n_cells
    return mass


def sighting_group_log(
    group: Sequence[Sighting], grid: Grid, *, as_of: dt.date, settings: Settings
) -> FloatArray:
    """``log L`` of a group of sightings, fused as one mixture of their kernels.

    ``L = Σᵢ wᵢ(rᵢKᵢ + 1 − rᵢ) / Σᵢ wᵢ``: each sighting's kernel ``Kᵢ`` (its σ on
    ``as_of``, :func:`~geosleuth.fuse.reach.sighting_sigma_km`, with the spread
    within a cell), weighted by its weight ``wᵢ`` and its chance of being true
    ``rᵢ``. A region outside the grid says nothing (``K = 1``).
    """
    total_w = float(sum(s.weight for s in group))
    cell_var = grid.cell_km**2 / 12.0
    n = len(group)
    sigma = np.empty(n)
    wr = np.empty(n)  # weight × reliability
    for i, s in enumerate(group):
        own = sighting_sigma_km(s, as_of=as_of, settings=settings)
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


def item_log(
    item: EvidenceItem, grid: Grid, *, as_of: dt.date, settings: Settings
) -> FloatArray:
    """``log L`` of one item other than a sighting: ``log(r·K + 1 − r)``.

    ``K`` is the item's kernel over the cells, normalised to mean 1 (a claim's
    region, a territory's area, a front's open side, an event set's surface;
    a ring model's density against the grid's, :func:`rings_kernel`, is not
    scaled to mean 1); a
    search's is :func:`~geosleuth.fuse.searches.search_day_log` of it alone.
    Raises :class:`~geosleuth.fuse.reach.Skip` for an item that cannot inform
    the grid, with the reason.
    """
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
            raise outside_reason(item, grid)
        if item.polarity == "is_not":
            s = 1.0 - s
        k = _normalised(s)
        if k is None:  # only "is not" gets here: 1 − s is 0 on every cell
            raise Skip("its region covers the whole grid")
        return _mixture_log(k, r)
    if isinstance(item, Territory):
        s = _region_soft(
            item.area, grid, buffer_km=0.0, sigma_km=item.sigma_km, cutoff=cutoff
        )
        k = _normalised(s)
        if k is None:
            raise outside_reason(item, grid, "its area")
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
            raise Skip("the force holds the whole grid")
        open_ = np.where(across, ndtr(z), 1.0)
        k = _normalised(np.asarray(open_, dtype=np.float64))
        if k is None:
            raise Skip("the force holds the whole grid")
        return _mixture_log(k, r)
    if isinstance(item, Searched):
        return search_day_log([item], grid, as_of=as_of, settings=settings)
    if isinstance(item, Rings):
        return _mixture_log(rings_kernel(item, grid), r)
    if isinstance(item, EventSet):
        x, y = grid.lonlat_to_xy_km(item.lons, item.lats)
        if item.method == "kde":
            sigma = math.sqrt(item.sigma_km**2 + grid.cell_km**2 / 12.0)
            if not (km_outside_grid(x, y, grid) <= cutoff * sigma).any():
                raise outside_reason(item, grid, "its events")
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
                raise Skip(
                    "every event coincides with another, so no CGT buffer can be "
                    "estimated; use method 'kde'"
                    if np.isfinite(x).all() and np.isfinite(y).all()
                    else str(outside_reason(item, grid, "its events"))
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
            raise outside_reason(item, grid, "its events")
        return _mixture_log(k, r)
    raise Skip(f"items of kind {item.kind!r} do not inform the map")


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
