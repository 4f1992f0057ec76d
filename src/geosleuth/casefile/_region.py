"""The study region of a case: its ``region:``, or one drawn around its evidence.

:func:`_grid_for` grids the case; without a ``region:`` the box is
:func:`evidence_bounds`, each item's place grown by its reach, as discs on the
sphere (:func:`_disc_bounds`).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from geosleuth.casefile._loader import _line_of, _Map
from geosleuth.errors import CaseFileError, InputError
from geosleuth.evidence import Claim, EvidenceItem, Searched
from geosleuth.fuse import Settings
from geosleuth.geometry import Point  # noqa: F401 (the doctests use it)
from geosleuth.grid import Grid, lon_extent, unwrap_bounds

__all__ = ["evidence_bounds"]


def _grid_for(
    doc: _Map,
    items: list[EvidenceItem],
    source: str,
    *,
    settings: Settings,
    as_of: dt.date | None,
) -> Grid:
    spec = doc.get("grid") or {}
    cell_km = spec.get("cell_km")
    max_cells = int(spec.get("max_cells", 250_000))
    line = _line_of(doc, ["region"])
    if "region" in doc:
        r = doc["region"]
        bounds = (
            float(r["west"]),
            float(r["south"]),
            float(r["east"]),
            float(r["north"]),
        )
    else:
        # the case's movement model, on its day (or the newest item's)
        bounds = evidence_bounds(items, settings=settings, as_of=as_of)
    try:
        return Grid.from_bounds(*bounds, cell_km=cell_km, max_cells=max_cells)
    except InputError as exc:
        if exc.field in ("cell_km", "max_cells") and "grid" in doc:
            where = f"grid.{exc.field}"
            at = _line_of(doc, ["grid", exc.field])
        else:
            where = "region"
            at = line if "region" in doc else _line_of(doc, ["evidence"])
        raise CaseFileError(
            f"{exc.message} (field {where!r})", path=source, line=at, field=where
        ) from None


def evidence_bounds(
    items: Sequence[EvidenceItem],
    *,
    settings: Settings | None = None,
    as_of: dt.date | None = None,
) -> tuple[float, float, float, float]:
    """The study region the evidence needs: each item with 3 σ of spread around it.

    Each item's place (its points, line or polygon; an event set's events) is
    grown by its reach on ``as_of``: its buffer plus 3 times its effective σ, the
    movement model's diffusion since its date included (``σ² + D·age``; see
    :mod:`geosleuth.fuse`), and at least ``settings.place_radius_km``, so that a
    ranked place's disc lies inside. A region that cut an item's spread would
    hold its probability in, and report the cut as certainty. Only the items
    known on ``as_of`` count (all of them if none with a place is). An item that
    only says where the target is not (a denial, a search that found nothing) is left
    out of the box, unless no other item has a place: "he is not in Spain" need
    not stretch a map of Colombia across the Atlantic (and, since every report is
    weighed against the whole region, make the others count for more).

    The box is the union of these discs (great circles on the mean sphere), across
    the antimeridian (``west > east``) when that is narrower. If
    it would not fit in a grid (:meth:`Grid.from_bounds` takes less than a
    hemisphere), every reach is shrunk by one factor to the largest box that
    does; :func:`~geosleuth.fuse.fuse` then warns if probability piles up at the
    border.

    Parameters
    ----------
    items : sequence of evidence items
        The case's items; those without geometry (life status) are ignored.
    settings : Settings, optional
        The movement model and place radius (default :class:`Settings`).
    as_of : datetime.date, optional
        The day of the estimate (default: the last day an item is known).

    Returns
    -------
    (west, south, east, north)
        In degrees.

    Raises
    ------
    InputError
        If no item has geometry (e.g. only life-status items).

    Examples
    --------
    >>> from geosleuth.evidence import Provenance, Sighting
    >>> s = Sighting(id="s", provenance=Provenance(document="d"), sigma_km=10.0,
    ...              date=dt.date(2020, 1, 1), place=Point(7.2, 46.15))
    >>> [round(v, 2) for v in evidence_bounds([s])]  # 3 σ = 30 km around it
    [6.81, 45.88, 7.59, 46.42]
    >>> late = evidence_bounds([s], as_of=dt.date(2021, 1, 1))  # σ² = 10² + 366
    >>> [round(v, 2) for v in late]
    [6.36, 45.57, 8.04, 46.73]
    """
    from geosleuth.fuse.reach import item_lonlat, reach_km

    settings = settings or Settings()
    day = as_of or max((i.known_on for i in items), default=None)
    # what is not known yet on the day needs no room on its map (a sighting a
    # month later drew a box around itself while the map had only a denial);
    # and where the target is not ("not in Spain", a search that found nothing)
    # needs none either, unless nothing else says where she is
    known = [i for i in items if day is None or i.known_on <= day]
    if any(item_lonlat(i) is not None for i in known):
        items = known
    where_is = [i for i in items if not _says_not_here(i)]
    if any(item_lonlat(i) is not None for i in where_is):
        items = where_is
    where: list[tuple[Any, Any, float]] = []
    for item in items:
        lonlat = item_lonlat(item)
        if lonlat is None or day is None:
            continue
        reach = reach_km(item, as_of=day, settings=settings, sigmas=3.0)
        where.append((*lonlat, max(reach, settings.place_radius_km)))
    if not where:
        raise InputError(
            "The evidence has no geometry to set the study region; add a "
            "'region' (west, south, east, north) to the case.",
            field="region",
        )

    def box(scale: float) -> tuple[float, float, float, float]:
        parts = [
            unwrap_bounds(_disc_bounds(lons, lats, scale * km))
            for lons, lats, km in where
        ]
        west, east = lon_extent([b[0] for b in parts], [b[2] for b in parts])
        return (west, min(b[1] for b in parts), east, max(b[3] for b in parts))

    def fits(b: tuple[float, float, float, float]) -> bool:
        try:
            Grid.from_bounds(*b)
        except InputError:
            return False
        return True

    best = box(1.0)
    lo, hi = 1e-6, 1.0
    if fits(best) or not fits(box(lo)):
        return best  # the places alone too far apart: from_bounds says so
    for _ in range(30):
        mid = (lo + hi) / 2.0
        lo, hi = (mid, hi) if fits(box(mid)) else (lo, mid)
    return box(lo)


def _says_not_here(item: EvidenceItem) -> bool:
    """Whether ``item`` only says where the target is not: a denial, a search.

    >>> from geosleuth.evidence import Claim, Provenance
    >>> c = Claim(id="c", provenance=Provenance(document="d"), polarity="is_not",
    ...           date=dt.date(2020, 1, 1), place=Point(-3.7, 40.4))
    >>> import dataclasses
    >>> _says_not_here(c), _says_not_here(dataclasses.replace(c, polarity="is"))
    (True, False)
    """
    return isinstance(item, Searched) or (
        isinstance(item, Claim) and item.polarity == "is_not"
    )


_KM_PER_DEGREE = math.pi * 6371.0088 / 180.0  # on the mean sphere (haversine_km)


def _disc_bounds(
    lons: Any, lats: Any, radius_km: float
) -> tuple[float, float, float, float]:
    """Lon/lat box holding the discs of ``radius_km`` around each vertex.

    Latitude: ± the radius in degrees. Longitude: ± ``asin(sin δ / cos φ)``, the
    widest a disc of angular radius δ reaches at latitude φ; all longitudes when
    the disc holds a pole. The narrowest such box, across the antimeridian
    (``west > east``) when that is narrower (:func:`~geosleuth.grid.lon_extent`).
    """
    lons, lats = np.asarray(lons, dtype=np.float64), np.asarray(lats, dtype=np.float64)
    delta = radius_km / _KM_PER_DEGREE
    south = max(float(lats.min()) - delta, -90.0)
    north = min(float(lats.max()) + delta, 90.0)
    d = math.radians(min(delta, 90.0))
    cos_lat = np.cos(np.radians(lats))
    if math.sin(d) >= float(cos_lat.min()) - 1e-12:  # a disc holds a pole
        return (-180.0, south, 180.0, north)
    dlon = np.degrees(np.arcsin(math.sin(d) / cos_lat))
    west, east = lon_extent(lons - dlon, lons + dlon)
    return (west, south, east, north)
