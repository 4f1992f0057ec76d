"""Where an item lies, how far its likelihood reaches, and why one outside is left out.

An item that cannot inform the grid raises :class:`Skip`, whose message is the
reason: :func:`outside_reason` for one that lies wholly outside the grid (its
words :data:`OUTSIDE_THE_GRID`, which :func:`~geosleuth.fuse.fuse` warns of).
:func:`reach_km` is how far beyond its geometry an item's likelihood reaches on
a day, :func:`sighting_outside` whether a sighting's kernel misses every cell.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np

from geosleuth._types import ArrayLike, FloatArray
from geosleuth.evidence import (
    Claim,
    EventSet,
    EvidenceItem,
    Front,
    Rings,
    Searched,
    Sighting,
    Territory,
)
from geosleuth.fuse.rings import ring_tail_km
from geosleuth.fuse.settings import Settings
from geosleuth.geometry import Geometry, Line, Point, distance_km, haversine_km
from geosleuth.grid import Grid

__all__ = [
    "OUTSIDE_THE_GRID",
    "Skip",
    "item_lonlat",
    "km_from_grid",
    "km_outside_grid",
    "outside_reason",
    "reach_km",
    "sighting_outside",
    "sighting_sigma_km",
    "walk_sigma_km",
]


class Skip(Exception):
    """An item that cannot inform this grid; the message is the reason."""


#: Part of the reason given for an item left out because it lies wholly outside
#: the grid; :func:`~geosleuth.fuse.fuse` warns about each such item.
OUTSIDE_THE_GRID = "outside the grid"


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


def item_lonlat(item: EvidenceItem) -> tuple[FloatArray, FloatArray] | None:
    """Where an item is: its place's, area's or events' vertices (None: nowhere)."""
    if isinstance(item, EventSet):
        return np.asarray(item.lons), np.asarray(item.lats)
    if isinstance(item, (Territory, Searched)):
        return _geometry_lonlat(item.area)
    if isinstance(item, (Sighting, Claim, Front, Rings)):
        return _geometry_lonlat(item.place)
    return None


def sighting_sigma_km(s: Sighting, *, as_of: dt.date, settings: Settings) -> float:
    """σ of a sighting's kernel on ``as_of``, before the spread within a cell."""
    var = s.sigma_km**2 + settings.diffusion_km2_per_day * s.age_days(as_of)
    if s.subject == "associate":
        var += s.associate_sigma_km**2
    return math.sqrt(var)


def walk_sigma_km(item: EvidenceItem, *, as_of: dt.date, settings: Settings) -> float:
    """σ per axis of the random walk since the item's date, km: ``√(D·age)``."""
    return math.sqrt(settings.diffusion_km2_per_day * max(item.age_days(as_of), 0.0))


def reach_km(
    item: EvidenceItem, *, as_of: dt.date, settings: Settings, sigmas: float
) -> float:
    """How far beyond its geometry an item's likelihood reaches on ``as_of``, km.

    Its buffer (a claim's, a search's; a front's distance) plus ``sigmas`` times
    its effective σ: a sighting's or claim's own σ widened by the movement model
    since its date (``σ² + D·age``, and an associate's σ), a territory's or front's
    edge, an event set's bandwidth; a ring model's last distance plus
    ``sigmas`` decay lengths of its tail. 0 for items without geometry.

    Examples
    --------
    >>> from geosleuth.evidence import Provenance
    >>> s = Sighting(id="s", provenance=Provenance(document="d"), sigma_km=3.0,
    ...              date=dt.date(2020, 1, 1), place=Point(40.0, 35.0))
    >>> reach_km(s, as_of=dt.date(2020, 1, 17), settings=Settings(), sigmas=3.0)
    15.0
    """
    if isinstance(item, Sighting):
        return sigmas * sighting_sigma_km(item, as_of=as_of, settings=settings)
    if isinstance(item, Claim):
        var = item.sigma_km**2 + settings.diffusion_km2_per_day * item.age_days(as_of)
        return item.buffer_km + sigmas * math.sqrt(var)
    if isinstance(item, (Territory, EventSet)):
        return sigmas * item.sigma_km
    if isinstance(item, Front):
        return item.distance_km + sigmas * item.sigma_km
    if isinstance(item, Rings):  # the last distance and ``sigmas`` tail lengths
        percents, radii = zip(*item.quantiles_km, strict=True)
        return float(radii[-1]) + sigmas * ring_tail_km(percents, radii)
    if isinstance(item, Searched):
        return item.buffer_km + sigmas * walk_sigma_km(
            item, as_of=as_of, settings=settings
        )
    return 0.0


def km_from_grid(lons: FloatArray, lats: FloatArray, grid: Grid) -> float:
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


def outside_reason(item: EvidenceItem, grid: Grid, what: str = "its place") -> Skip:
    """The reason an item that lies wholly outside the grid is left out."""
    lonlat = item_lonlat(item)
    name = getattr(item, "place_name", None)
    label = f"{what} ({name})" if name else what
    if lonlat is None:  # pragma: no cover - only items with geometry get here
        return Skip(f"{label} lies {OUTSIDE_THE_GRID}")
    km = km_from_grid(*lonlat, grid)
    far = f"{km:,.0f}" if km >= 10 else f"{km:.1f}"
    lies = "lie" if what == "its events" else "lies"
    return Skip(
        f"{label} {lies} {OUTSIDE_THE_GRID}, {far} km from its nearest cell, "
        "so it cannot move the map"
    )


def km_outside_grid(x_km: ArrayLike, y_km: ArrayLike, grid: Grid) -> FloatArray:
    """Distance (km, in the grid's plane) from each point to the grid's rectangle.

    0 inside it; inf where a coordinate is not finite (the far side of the
    globe, where the projection has no point).

    Examples
    --------
    >>> g = Grid.around(40.0, 35.0, radius_km=10.0, cell_km=1.0)
    >>> km_outside_grid([0.0, 13.0, 13.0], [0.0, 0.0, 14.0], g).tolist()
    [0.0, 3.0, 5.0]
    """
    x = np.asarray(x_km, dtype=np.float64)
    y = np.asarray(y_km, dtype=np.float64)
    dx = np.maximum(np.maximum(grid.west_km - x, x - grid.east_km), 0.0)
    dy = np.maximum(np.maximum(grid.south_km - y, y - grid.north_km), 0.0)
    d = np.hypot(dx, dy)
    return np.asarray(np.where(np.isfinite(d), d, np.inf))


def sighting_outside(
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
    (:func:`km_outside_grid`), computed for many sightings at once.
    """
    reach = settings.cutoff_sigmas * sighting_sigma_km(
        s, as_of=as_of, settings=settings
    )
    if isinstance(s.place, Point):
        if km_outside is None:
            x, y = grid.lonlat_to_xy_km(s.place.lon, s.place.lat)
            km_outside = float(km_outside_grid(x, y, grid))
        return not km_outside <= reach
    return not bool(np.isfinite(distance_km(s.place, grid, max_km=reach)).any())
