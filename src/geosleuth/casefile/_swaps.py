"""Coordinates written latitude first: a place, an area or the region refused.

``Pen-y-Pass car park: {lon: 53.0805, lat: -4.0219}``, a polygon written ``[lat,
lon]``, or ``region: {west: 53.00, south: -4.20, ...}`` puts a place of Wales in the
Indian Ocean. The estimate would leave each such item out as "outside the grid"
(a search's warning then says "nothing is lost"), or, for a swapped region, every
item, and map the prior alone (review r50, H1).

Only what is unambiguous is refused (review r53, H1, H2; r55): a place more
than :data:`SWAP_FAR_KM` from the region (without one, from every other item)
whose exchange lands within :data:`SWAP_NEAR_KM` of another item, where it sits
right on the other evidence. Near the diagonal lon = lat a real place just
outside the region lies inside it exchanged as often as a swapped one does
(Ankara, 369 km from a region around Syria and Iraq), and so does a real city
far away (Moscow in an Iranian case, London in a Somali one). So:

- with a ``region``, a shape that lies wholly outside it, more than
  :data:`SWAP_FAR_KM` from it, whose exchange lies inside it within
  :data:`SWAP_NEAR_KM` of another item is refused by the line where its
  coordinates are written, as ``geosleuth searched`` refuses its own such
  input (:func:`swapped_into`, which it shares); one whose exchange lies inside
  otherwise is warned of and loaded as before (the estimate leaves it out). A
  line's or polygon's position so far out whose exchange lies within
  :data:`SWAP_NEAR_KM` of the shape's other positions is refused at that
  position (``polygon[3]``), with a region or without one; a shape that truly
  reaches far (a route from Baghdad to Moscow) loads;
- without one, a group of items more than :data:`SWAP_FAR_KM` from every other
  item that, exchanged, lies within :data:`SWAP_NEAR_KM` of another is refused,
  naming both groups when they are as large as each other (nothing tells which
  is swapped), and saying the split when one is the smaller; nearer than
  :data:`SWAP_FAR_KM`, not so near, it is warned of.

Each refusal ends with the way out for a case whose places are right: a region
that holds them.

"Outside" and "inside" are what :func:`geosleuth.fuse.factors` says, so they
match what ``geosleuth locate`` would do with the item; it is asked only of the
rare item that a test of lon/lat boxes (plain numpy) finds may be swapped. A
place truly outside the region whose exchange is not inside is left as it was:
the estimate leaves it out and says so.
"""

from __future__ import annotations

import datetime as dt
import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from geosleuth._quoting import km_text
from geosleuth._types import FloatArray
from geosleuth.casefile._items import _nfc
from geosleuth.casefile._loader import _line_of, _Map
from geosleuth.errors import (
    CaseFileError,
    EvidenceWarning,
    GeosleuthWarning,
    InputError,
)
from geosleuth.evidence import EventSet, EvidenceItem, calendar_day
from geosleuth.fuse import Settings, factors
from geosleuth.geometry import (
    EARTH_RADIUS_KM,
    Area,
    Geometry,
    Line,
    Point,
    haversine_km,
    swap_lonlat,
)
from geosleuth.grid import Grid

__all__ = ["SWAP_FAR_KM", "SWAP_NEAR_KM", "Swap", "judge_swap", "swapped_into"]

#: How far (km) a place must lie from the case's region, its exchange inside it,
#: to be refused as written with lon and lat swapped; without a region, how far
#: from every other item of the case. A place written latitude first lands
#: thousands of km away (Pen-y-Pass in the Indian Ocean, 8,262 km); a real place
#: just outside the region, near the diagonal lon = lat, lies a few hundred
#: (Ankara, 369 km from a region around Syria and Iraq; Raqqa, 60 km from one
#: around the Levant), and is only warned of (review r53, H1).
SWAP_FAR_KM = 1_000.0

#: How near (km) another item (for a position of a line or polygon, the shape's
#: other positions) a far place must lie with lon and lat exchanged to be taken
#: as swapped; fixed, no σ widens it (review r55, M1). Johannesburg beside Madrid
#: and Bogotá, exchanged, lands in the Atlantic, 2,000 km from either, and is
#: left as it is (r53, H2).
SWAP_NEAR_KM = 100.0

#: At most this many positions of one item are measured (evenly spread) when the
#: items are grouped by distance without a region.
_MAX_POSITIONS = 64


def _geometry(item: EvidenceItem) -> tuple[str, Geometry] | None:
    """The item's field that holds its shape, and the shape (None: no such)."""
    for key in ("place", "area"):
        geom = getattr(item, key, None)
        if isinstance(geom, (Point, Line, Area)):
            return key, geom
    return None


def _positions(item: EvidenceItem) -> tuple[FloatArray, FloatArray] | None:
    """The item's vertices (an event set's events), as ``(lons, lats)``."""
    from geosleuth.fuse.reach import item_lonlat

    return item_lonlat(item)


def _exchanged(item: EvidenceItem) -> EvidenceItem | None:
    """The item with each position's lon and lat exchanged (None: no such item)."""
    if isinstance(item, EventSet):
        if np.any(np.abs(item.lons) > 90.0):
            return None
        try:
            return replace(item, lons=item.lats, lats=item.lons)
        except InputError:
            return None
    found = _geometry(item)
    if found is None:
        return None
    key, geom = found
    swapped = swap_lonlat(geom)
    if swapped is None:
        return None
    try:
        return replace(item, **{key: swapped})  # type: ignore[arg-type]
    except InputError:
        return None


def _outside(
    item: EvidenceItem, grid: Grid, *, as_of: dt.date, settings: Settings
) -> bool:
    """Whether ``factors`` leaves ``item`` out as lying wholly outside ``grid``."""
    from geosleuth.fuse.reach import OUTSIDE_THE_GRID

    day = max(calendar_day(as_of), item.date)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GeosleuthWarning)
        _, skipped = factors([item], grid, as_of=day, settings=settings)
    return any(OUTSIDE_THE_GRID in why for _, why in skipped)


def _in_box(lons: FloatArray, lats: FloatArray, box: Sequence[float]) -> Any:
    """Which positions lie in the lon/lat box ``(west, south, east, north)``."""
    w, s, e, n = box
    lon_in = (lons >= w) & (lons <= e) if w <= e else (lons >= w) | (lons <= e)
    return lon_in & (lats >= s) & (lats <= n)


def _meets(lons: FloatArray, lats: FloatArray, box: Sequence[float]) -> bool:
    """Whether the positions' lon/lat box meets ``box`` (one across 180°: may)."""
    w, s, e, n = box
    if w > e or lons.size == 0:
        return True
    return bool(
        lons.max() >= w and lons.min() <= e and lats.max() >= s and lats.min() <= n
    )


def _may_be_swapped(lons: FloatArray, lats: FloatArray, box: Sequence[float]) -> bool:
    """The cheap test: wholly outside ``box``, and exchanged, meeting it."""
    return bool(
        lons.size
        and not _meets(lons, lats, box)
        and np.all(np.abs(lons) <= 90.0)
        and _meets(lats, lons, box)
    )


def _exchanged_inside(
    item: EvidenceItem, grid: Grid, *, as_of: dt.date, settings: Settings
) -> EvidenceItem | None:
    """The item exchanged, if it lies wholly outside ``grid`` and that does not.

    Both as :func:`geosleuth.fuse.factors` says on ``as_of`` (or the item's day,
    if later), after the cheap test of boxes.
    """
    lonlat = _positions(item)
    if lonlat is None or not _may_be_swapped(*lonlat, grid.bounds_lonlat()):
        return None
    exchanged = _exchanged(item)
    if exchanged is None:
        return None
    if not _outside(item, grid, as_of=as_of, settings=settings):
        return None
    if _outside(exchanged, grid, as_of=as_of, settings=settings):
        return None
    return exchanged


def swapped_into(
    item: EvidenceItem, grid: Grid, *, as_of: dt.date, settings: Settings
) -> Geometry | None:
    """The item's shape with lon and lat exchanged, if only that lies in ``grid``.

    None unless the item lies wholly outside ``grid`` and, with each position's
    lon and lat exchanged (:func:`~geosleuth.geometry.swap_lonlat`), does not:
    then it may have been written latitude first. Both tests are those of
    :func:`geosleuth.fuse.factors` on ``as_of`` (or the item's day, if later),
    which leaves out an item that lies wholly outside. How far outside it lies
    is not asked here (a case file refuses it only beyond :data:`SWAP_FAR_KM`).

    Examples
    --------
    >>> from geosleuth.evidence import Provenance, Sighting
    >>> g = Grid.from_bounds(-4.20, 53.00, -3.94, 53.15, cell_km=1.0)
    >>> s = Sighting(id="car", provenance=Provenance(document="d"), sigma_km=0.2,
    ...              date=dt.date(2024, 10, 12), place=Point(53.0805, -4.0219))
    >>> day = dt.date(2024, 10, 13)
    >>> swapped_into(s, g, as_of=day, settings=Settings())
    Point(lon=-4.0219, lat=53.0805)
    >>> far = replace(s, place=Point(60.0, -4.0))  # swapped, it is still outside
    >>> swapped_into(far, g, as_of=day, settings=Settings()) is None
    True
    """
    found = _geometry(item)
    if found is None:
        return None
    exchanged = _exchanged_inside(item, grid, as_of=as_of, settings=settings)
    return None if exchanged is None else getattr(exchanged, found[0])


def _bounds_text(grid: Grid, doc: _Map | None = None) -> str:
    """The region's bounds as the case file writes them (else the grid's)."""
    r = doc.get("region") if doc is not None else None
    if isinstance(r, dict) and all(k in r for k in ("west", "south", "east", "north")):
        w, s, e, n = (r[k] for k in ("west", "south", "east", "north"))
        return f"west {w:g}, south {s:g}, east {e:g}, north {n:g}"
    w, s, e, n = grid.bounds_lonlat()
    return f"west {w:.2f}, south {s:.2f}, east {e:.2f}, north {n:.2f}"


def _km_from(lons: FloatArray, lats: FloatArray, grid: Grid) -> float:
    """How far the nearest of the positions lies from the grid's nearest cell, km."""
    from geosleuth.fuse.reach import km_from_grid

    return km_from_grid(lons, lats, grid)


def _written_at(
    doc: _Map, i: int, item: EvidenceItem, places: dict[str, Geometry]
) -> tuple[str, int | None, str, list[Any]] | None:
    """Where the item's coordinates are written: (what, line, field, path).

    What is "the place 'Crib Goch route' (the area of searched 's2')", or, for
    coordinates written in the item, "the place of sighting 'car'"; ``path``
    the path to them in ``doc``.

    None for a place from the gazetteer: its coordinates are not the case's.
    """
    if isinstance(item, EventSet):
        raw = doc["evidence"][i]
        key = "csv" if isinstance(raw, dict) and "csv" in raw else "events"
        what = f"the events of event_set {item.id!r}" + (
            f" (read from {raw['csv']})" if key == "csv" else ""
        )
        path: list[Any] = ["evidence", i, key]
        return what, _line_of(doc, path), f"evidence[{i}].{key}", path
    found = _geometry(item)
    if found is None:
        return None
    key = found[0]
    name = getattr(item, "place_name", None)
    if name is None:
        path = ["evidence", i, key]
        return (
            f"the {key} of {item.kind} {item.id!r}",
            _line_of(doc, path),
            f"evidence[{i}].{key}",
            path,
        )
    if name not in places:
        return None
    raw_places = doc.get("places") or {}
    written = next((k for k in raw_places if _nfc(str(k)) == name), name)
    spec = raw_places.get(written)
    shape = next(
        (
            k
            for k in ("geometry", "line", "polygon", "lon")
            if isinstance(spec, dict) and k in spec
        ),
        None,
    )
    path = ["places", written] + ([shape] if shape else [])
    field = f"places.{written}" + (f".{shape}" if shape and shape != "lon" else "")
    return (
        f"the place {written!r} ({key} of {item.kind} {item.id!r})",
        _line_of(doc, path),
        field,
        path,
    )


def _how_to_write(item: EvidenceItem, field: str) -> str:
    if isinstance(item, EventSet):
        if field.endswith(".csv"):
            return "Give the longitude column its name ('lon') and the latitude its"
        return "Give each event's 'lon' the longitude and 'lat' the latitude"
    found = _geometry(item)
    if found is not None and isinstance(found[1], Point) and "geometry" not in field:
        return "Give 'lon' the longitude (east-west) and 'lat' the latitude"
    return "Write each position [lon, lat], longitude first (as GeoJSON does)"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _around(item: EvidenceItem) -> tuple[float, float]:
    """A position of the item, for a message: its shape's, or its events' mean."""
    if isinstance(item, EventSet):
        return float(np.mean(item.lons)), float(np.mean(item.lats))
    found = _geometry(item)
    assert found is not None
    return found[1].representative()


def _sample(lons: FloatArray, lats: FloatArray) -> tuple[FloatArray, FloatArray]:
    """At most :data:`_MAX_POSITIONS` of the positions, evenly spread."""
    step = max(1, lons.size // _MAX_POSITIONS)
    return np.asarray(lons[::step], dtype=float), np.asarray(lats[::step], dtype=float)


def _evidence(
    items: Sequence[EvidenceItem],
) -> tuple[Any, FloatArray, FloatArray]:
    """Every item's positions (sampled): ``(owner, lons, lats)``, owner its index."""
    owners, lon_parts, lat_parts = [np.zeros(0, dtype=np.int64)], [], []
    lon_parts.append(np.zeros(0))
    lat_parts.append(np.zeros(0))
    for i, item in enumerate(items):
        lonlat = _positions(item)
        if lonlat is None:
            continue
        lons, lats = _sample(*lonlat)
        lon_parts.append(lons)
        lat_parts.append(lats)
        owners.append(np.full(lons.size, i, dtype=np.int64))
    return np.concatenate(owners), np.concatenate(lon_parts), np.concatenate(lat_parts)


def _lands_by(
    exchanged: EvidenceItem,
    i: int,
    evidence: tuple[Any, FloatArray, FloatArray],
) -> tuple[float, int | None]:
    """How near (km) the exchanged item lands to another item's position, and which.

    A place, line or polygon: its nearest position; an event set, as a whole: the
    middle (median) of its events' distances, so that a set spread over a
    continent is not judged by the one event that lands by chance near another
    item.
    """
    owner, lons, lats = evidence
    others = owner != i
    lonlat = _positions(exchanged)
    if lonlat is None or not np.any(others):
        return math.inf, None
    xs, ys = _sample(*lonlat)
    d = haversine_km(xs[:, None], ys[:, None], lons[others][None], lats[others][None])
    nearest = d.min(axis=1)
    at = int(np.argmin(nearest))
    km = float(np.median(nearest)) if isinstance(exchanged, EventSet) else nearest[at]
    return float(km), int(owner[others][int(np.argmin(d[at]))])


@dataclass(frozen=True, slots=True)
class Swap:
    """An item wholly outside the grid whose exchange lies inside, and how far.

    What :func:`judge_swap` finds, and what a case file's place is judged by.

    Attributes
    ----------
    exchanged : EvidenceItem
        The item with each position's lon and lat exchanged.
    outside_km : float
        How far the item lies from the grid's nearest cell, km.
    lands_km : float
        How near the exchanged item lands to another item's position, km
        (``inf``: there is no other item).
    by : EvidenceItem or None
        That other item.
    alone : bool, default False
        For :func:`judge_swap`: whether none of the case file's other items
        with a place meets the grid, so that a case file holding the item with
        them would judge its ``region`` swapped (it holds none of them, and
        exchanged it holds this one), not the item (review r85, L1).
    """

    exchanged: EvidenceItem
    outside_km: float
    lands_km: float
    by: EvidenceItem | None
    alone: bool = False

    @property
    def blames_region(self) -> bool:
        """Whether a case file with a ``region`` holding the item would refuse it.

        :attr:`alone`, and more than :data:`SWAP_FAR_KM` outside: the region,
        not the item, is what its error names. A caller that adds the item
        refuses it itself, naming the item (review r85, L1).
        """
        return self.alone and self.outside_km > SWAP_FAR_KM

    @property
    def refused(self) -> bool:
        """Whether it is unambiguous: far outside, and exchanged on other evidence.

        More than :data:`SWAP_FAR_KM` outside the grid, and exchanged within
        :data:`SWAP_NEAR_KM` of another item (review r55, H1). Else a real place
        near the diagonal lon = lat looks the same, and it is only warned of.
        """
        return (
            self.outside_km > SWAP_FAR_KM
            and self.lands_km <= SWAP_NEAR_KM
            and self.by is not None
        )


def _swap(
    item: EvidenceItem,
    exchanged: EvidenceItem,
    i: int,
    grid: Grid,
    items: Sequence[EvidenceItem],
    evidence: tuple[Any, FloatArray, FloatArray],
) -> Swap:
    """``item`` (``items[i]``, or none of them with ``i`` = -1) judged."""
    lonlat = _positions(item)
    assert lonlat is not None
    near, by = _lands_by(exchanged, i, evidence)
    return Swap(
        exchanged=exchanged,
        outside_km=_km_from(*lonlat, grid),
        lands_km=near,
        by=None if by is None else items[by],
    )


def judge_swap(
    item: EvidenceItem,
    grid: Grid,
    items: Sequence[EvidenceItem],
    *,
    as_of: dt.date,
    settings: Settings,
    beside: Sequence[EvidenceItem] = (),
) -> Swap | None:
    """Judge a new item as a case file's place is judged: lon and lat swapped.

    None unless ``item`` lies wholly outside ``grid`` and its exchange does not
    (:func:`swapped_into`). Else the :class:`Swap`, whose ``refused`` says
    whether a case file holding it among ``items`` (the case's, ``item`` not
    among them) would refuse it: more than :data:`SWAP_FAR_KM` out, and its
    exchange within :data:`SWAP_NEAR_KM` of one of ``items`` or ``beside``:
    the case's evidence that is not in its file (the service's readings of its
    reports, review r85, L1). Its ``alone`` says whether none of ``items``
    with a place meets the grid (``beside`` not counted: the case file does not
    hold them), so that the case file would blame its region instead
    (:attr:`Swap.blames_region`). ``geosleuth searched`` judges its
    ``--point`` and ``--box`` so, and the service its ``centre`` and ``box``.

    Examples
    --------
    >>> from geosleuth.evidence import Provenance, Sighting
    >>> g = Grid.from_bounds(-4.20, 53.00, -3.94, 53.15, cell_km=1.0)
    >>> def seen(i, lon, lat):
    ...     return Sighting(id=i, provenance=Provenance(document="d"), sigma_km=0.2,
    ...                     date=dt.date(2024, 10, 12), place=Point(lon, lat))
    >>> car = seen("car", -4.0219, 53.0805)
    >>> day = dt.date(2024, 10, 13)
    >>> swap = judge_swap(seen("new", 53.07, -4.05), g, [car], as_of=day,
    ...                   settings=Settings())
    >>> swap.refused, round(swap.lands_km, 1), swap.by.id
    (True, 2.2, 'car')
    >>> judge_swap(car, g, [], as_of=day, settings=Settings()) is None  # inside
    True
    >>> swap = judge_swap(seen("new", 53.07, -4.05), g, [], as_of=day,
    ...                   settings=Settings(), beside=[car])  # a report's
    >>> swap.refused, swap.alone, swap.blames_region, swap.by.id
    (True, True, True, 'car')
    """
    exchanged = _exchanged_inside(item, grid, as_of=as_of, settings=settings)
    if exchanged is None:
        return None
    every = [*items, *beside]
    box = grid.bounds_lonlat()
    alone = not any(
        _meets(*lonlat, box)
        for other in items
        if (lonlat := _positions(other)) is not None
    )
    swap = _swap(item, exchanged, -1, grid, every, _evidence(every))
    return replace(swap, alone=alone)


def _judge_item(
    doc: _Map,
    i: int,
    item: EvidenceItem,
    exchanged: EvidenceItem,
    grid: Grid,
    items: Sequence[EvidenceItem],
    evidence: tuple[Any, FloatArray, FloatArray],
    *,
    where: str,
    places: dict[str, Geometry],
    source: str,
) -> None:
    """An item outside whose exchange lies inside: refused if that is unambiguous.

    Refused when it lies more than :data:`SWAP_FAR_KM` outside the region and
    its exchange within :data:`SWAP_NEAR_KM` of another item (review r55, H1):
    exchanged, it sits on the other evidence. Else warned of, and loaded.
    """
    at = _written_at(doc, i, item, places)
    if at is None:
        return
    what, line, field, _ = at
    swap = _swap(item, exchanged, i, grid, items, evidence)
    lon, lat = _around(exchanged)
    how = _how_to_write(item, field)
    lies = "lie" if isinstance(item, EventSet) else "lies"
    said = (
        f"{_capital(what)}, written at {source}, line {line} ({field}), {lies} "
        f"wholly outside {where} ({_bounds_text(grid, doc)}), "
        f"{km_text(swap.outside_km)} km from it, and with lon and lat exchanged "
        f"(around {lon:.4f},{lat:.4f}) it lies inside"
    )
    if swap.refused and swap.by is not None:
        other = swap.by
        raise CaseFileError(
            f"{said}, {km_text(swap.lands_km)} km from {other.kind} {other.id!r}: "
            f"lon and lat swapped? {how}. Left as written, 'geosleuth locate' would "
            "leave the item out. If it is where it should be, give the case a region "
            "that holds it.",
            path=source,
            line=line,
            field=field,
        )
    warnings.warn(
        f"{said}: lon and lat swapped? If so, {how[:1].lower()}{how[1:]}. If it is "
        "where it should be, nothing changes: it is left out as outside the "
        "region; to use it, widen the region to hold it.",
        EvidenceWarning,
        stacklevel=4,
    )


def _find_position(node: Any, lon: float, lat: float) -> list[Any] | None:
    """The path in ``node`` to the first position written ``[lon, lat, ...]``."""
    if isinstance(node, dict):
        for key in ("coordinates", "geometry", "line", "polygon"):
            if key in node:
                sub = _find_position(node[key], lon, lat)
                if sub is not None:
                    return [key, *sub]
        return None
    if not isinstance(node, list):
        return None
    if (
        len(node) >= 2
        and all(isinstance(v, (int, float)) for v in node[:2])
        and math.isclose(float(node[0]), lon, abs_tol=1e-9)
        and math.isclose(float(node[1]), lat, abs_tol=1e-9)
    ):
        return []
    for k, child in enumerate(node):
        sub = _find_position(child, lon, lat)
        if sub is not None:
            return [k, *sub]
    return None


def _judge_positions(
    doc: _Map,
    i: int,
    item: EvidenceItem,
    evidence: tuple[Any, FloatArray, FloatArray],
    grid: Grid | None,
    *,
    where: str,
    places: dict[str, Geometry],
    source: str,
) -> None:
    """One position of a line or polygon swapped (review r53, M3; r55, H2, M2).

    A position more than :data:`SWAP_FAR_KM` from the region (without one: from
    every other position of the case) whose exchange lies within
    :data:`SWAP_NEAR_KM` of the shape's other positions is refused at that
    position's line and field: exchanged, it sits on the rest of the shape.
    One so far whose exchange lies inside the region (without one: within
    :data:`SWAP_FAR_KM` of the shape's other positions) is warned of; a shape that
    truly reaches so far (a route from Baghdad to Moscow) loads.
    """
    found = _geometry(item)
    lonlat = _positions(item)
    if found is None or lonlat is None or isinstance(found[1], Point):
        return
    lons, lats = (np.asarray(v, dtype=float) for v in lonlat)
    can = np.abs(lons) <= 90.0
    if grid is not None:
        box = grid.bounds_lonlat()
        can &= ~_in_box(lons, lats, box)
    owner, all_lons, all_lats = evidence
    for k in np.flatnonzero(can):
        lon, lat = float(lons[k]), float(lats[k])
        rest = ~((lons == lon) & (lats == lat))
        if not np.any(rest):
            continue
        if grid is not None:
            km = _km_from(lons[k : k + 1], lats[k : k + 1], grid)
        else:
            others = owner != i
            km = float(
                min(
                    haversine_km(lon, lat, lons[rest], lats[rest]).min(),
                    haversine_km(lon, lat, all_lons[others], all_lats[others]).min()
                    if np.any(others)
                    else math.inf,
                )
            )
        if km <= SWAP_FAR_KM:
            continue
        near = float(haversine_km(lat, lon, lons[rest], lats[rest]).min())
        refused = near <= SWAP_NEAR_KM
        if grid is not None:
            inside = bool(_in_box(np.array([lat]), np.array([lon]), box)[0])
        else:
            inside = near <= SWAP_FAR_KM
        if not (refused or inside):
            continue
        at = _written_at(doc, i, item, places)
        if at is None:
            return
        what, line, field, path = at
        base = doc
        for part in path:
            base = base[part]
        sub = _find_position(base, lon, lat)
        if sub is not None:
            path = path + sub
            field += "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in sub)
            line = _line_of(doc, path)
        away = (
            f"{km_text(km)} km outside {where} ({_bounds_text(grid, doc)})"
            if grid is not None
            else f"{km_text(km)} km from every other position of the case"
        )
        said = (
            f"A position of {what}, written at {source}, line {line} ({field}), "
            f"[{lon:g}, {lat:g}], lies {away}, and with lon and lat exchanged, "
            f"[{lat:g}, {lon:g}], it lies {km_text(near)} km from the shape's other "
            "positions: lon and lat swapped at this position?"
        )
        remedy = (
            "widen the region to hold it"
            if grid is not None
            else "give the case a region that holds it"
        )
        if refused:
            raise CaseFileError(
                f"{said} Write it [lon, lat], longitude first, as the shape's other "
                f"positions are. Left as written, the shape would reach "
                f"{km_text(km)} km out to it. If it is where it should be, give "
                "the case a region that holds it.",
                path=source,
                line=line,
                field=field,
            )
        warnings.warn(
            f"{said} If so, write it [lon, lat], longitude first. If it is where it "
            "should be, nothing changes"
            + (
                ": the part of the shape outside the region is left out"
                if grid is not None
                else ""
            )
            + f"; to use it, {remedy}.",
            EvidenceWarning,
            stacklevel=4,
        )
        return


def _day_of(items: Sequence[EvidenceItem], as_of: dt.date | None) -> dt.date | None:
    if as_of is not None:
        return as_of
    return max((it.known_on for it in items), default=None)


def _items_text(n: int, *, one: str = "one item", many: str = "items") -> str:
    return one if n == 1 else f"{n:,} {many}"


def _judge_region(
    doc: _Map,
    items: Sequence[EvidenceItem],
    grid: Grid,
    source: str,
    *,
    settings: Settings,
    as_of: dt.date | None,
) -> bool:
    """Refuse a ``region`` that holds none of the items and would swapped.

    Its west and south (and east and north) exchanged, it holds what it held
    none of. As the region and every place swapped look alike, the error says
    both. With the nearest item no more than :data:`SWAP_FAR_KM` from it, it is
    warned of instead, as a place is. True when it was warned of (each item's
    own warning would say the same again).
    """
    day = _day_of(items, as_of)
    placed = [(it, ll) for it in items if (ll := _positions(it)) is not None]
    box = grid.bounds_lonlat()
    if day is None or not placed or any(_meets(*ll, box) for _, ll in placed):
        return False
    if not all(_outside(it, grid, as_of=day, settings=settings) for it, _ in placed):
        return False
    r = doc["region"]
    w, s, e, n = (float(r[k]) for k in ("west", "south", "east", "north"))
    spec = doc.get("grid") or {}
    try:
        other = Grid.from_bounds(
            s,
            w,
            n,
            e,
            cell_km=spec.get("cell_km"),
            max_cells=int(spec.get("max_cells", 250_000)),
        )
    except InputError:
        return False
    held = [
        it for it, _ in placed if not _outside(it, other, as_of=day, settings=settings)
    ]
    if not held:
        return False
    line = _line_of(doc, ["region"])
    nearest = min(_km_from(*ll, grid) for _, ll in placed)
    none_of = (
        "does not hold the case's one item with a place"
        if len(placed) == 1
        else f"holds none of its {len(placed):,} items with a place"
    )
    it_holds = "it holds it" if len(placed) == 1 else f"it holds {len(held):,} of them"
    said = (
        f"The case's region ({source}, line {line}: west {w:g}, south {s:g}, east "
        f"{e:g}, north {n:g}) {none_of} (the nearest {km_text(nearest)} km from "
        f"it), and with lon and lat exchanged (west {s:g}, south {w:g}, east "
        f"{n:g}, north {e:g}) {it_holds}: lon and lat swapped? 'west' and 'east' "
        "are longitudes, 'south' and 'north' latitudes. (Or, if the region is "
        "right, every place is written latitude first: write each longitude "
        "first.) Left as it is, 'geosleuth locate' would leave out every item "
        "and map the prior alone."
    )
    way_out = (
        "If the region and every place are where they should be, give the case a "
        "region that holds them."
    )
    if nearest > SWAP_FAR_KM:
        raise CaseFileError(f"{said} {way_out}", path=source, line=line, field="region")
    warnings.warn(
        f"{said} {way_out}",
        EvidenceWarning,
        stacklevel=3,
    )
    return True


def refuse_swapped(
    doc: _Map,
    items: Sequence[EvidenceItem],
    places: dict[str, Geometry],
    grid: Grid,
    source: str,
    *,
    settings: Settings,
    as_of: dt.date | None,
) -> None:
    """Refuse a region, or an item's place, written with lon and lat swapped.

    ``grid`` is the case's: over its ``region`` (refused first if it holds none
    of the items and would swapped: :func:`_judge_region`), or drawn around its
    evidence, which a search or a denial does not stretch, so they are judged
    by it. An item wholly outside, exchanged inside, is refused when it lies
    more than :data:`SWAP_FAR_KM` out and its exchange within
    :data:`SWAP_NEAR_KM` of another item, and warned of otherwise; a line's or
    polygon's position is judged alike against the shape's other positions
    (:func:`_judge_positions`). A place from the gazetteer is not the case's to
    mend, and is not looked at. Only the rare item that a test of lon/lat boxes
    finds may be swapped is given to ``factors``.
    """
    day = _day_of(items, as_of)
    if day is None:
        return
    region = "region" in doc
    if region:
        if _judge_region(doc, items, grid, source, settings=settings, as_of=day):
            return
        where = "the case's region"
    else:
        where = "the region drawn around the case's evidence"
    box = grid.bounds_lonlat()
    evidence: tuple[Any, FloatArray, FloatArray] | None = None
    for i, item in enumerate(items):
        lonlat = _positions(item)
        if lonlat is None:
            continue
        if _meets(*lonlat, box):
            if region and not _in_box(*lonlat, box).all():
                evidence = evidence or _evidence(items)
                _judge_positions(
                    doc,
                    i,
                    item,
                    evidence,
                    grid,
                    where=where,
                    places=places,
                    source=source,
                )
            continue
        exchanged = _exchanged_inside(item, grid, as_of=day, settings=settings)
        if exchanged is not None:
            evidence = evidence or _evidence(items)
            _judge_item(
                doc,
                i,
                item,
                exchanged,
                grid,
                items,
                evidence,
                where=where,
                places=places,
                source=source,
            )


# -- without a region: groups of items far apart ----------------------------------


def _unit(lons: FloatArray, lats: FloatArray) -> FloatArray:
    lon, lat = np.radians(lons), np.radians(lats)
    return np.column_stack(
        [np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)]
    )


def _chord(km: float) -> float:
    """The straight-line distance on the unit sphere of ``km`` along it."""
    return 2.0 * math.sin(min(km / EARTH_RADIUS_KM, math.pi) / 2.0)


def _groups(xyz: FloatArray, owner: Any, n: int) -> Any:
    """Each item's group: items within :data:`SWAP_FAR_KM` of each other, linked.

    Positions are first merged into cells of about 5 km (a few hundred cells,
    however many items share them), and the cells linked.
    """
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components
    from scipy.spatial import cKDTree

    keys = np.round(xyz * (EARTH_RADIUS_KM / 5.0)).astype(np.int64)
    _, first, cell = np.unique(keys, axis=0, return_index=True, return_inverse=True)
    cell = cell.ravel()
    m = first.size
    pairs = cKDTree(xyz[first]).query_pairs(_chord(SWAP_FAR_KM), output_type="ndarray")
    # nodes: the cells, then the items; an item is linked to each of its cells
    rows = np.concatenate([pairs[:, 0], owner + m])
    cols = np.concatenate([pairs[:, 1], cell])
    graph = coo_matrix((np.ones(rows.size), (rows, cols)), shape=(m + n, m + n))
    _, labels = connected_components(graph, directed=False)
    return labels[m:]


def _gap_km(a: Any, b: Any, lons: FloatArray, lats: FloatArray) -> float:
    """The least distance between positions ``a`` and positions ``b``, km."""
    d = haversine_km(lons[a][:, None], lats[a][:, None], lons[b][None], lats[b][None])
    return float(d.min())


def _mean_text(members: list[EvidenceItem]) -> str:
    lon, lat = np.mean([_around(it) for it in members], axis=0)
    return f"lon {lon:.4f}, lat {lat:.4f}"


def refuse_swapped_outliers(
    doc: _Map,
    items: Sequence[EvidenceItem],
    places: dict[str, Geometry],
    source: str,
    *,
    settings: Settings,
    as_of: dt.date | None,
) -> None:
    """Without a region: refuse items far from the rest that are among it swapped.

    Nothing is done for a case with a ``region`` (:func:`refuse_swapped`).

    The region is drawn around the evidence, so a place written latitude first
    would stretch it across the world. A line's or polygon's position is judged
    against the shape's other positions (:func:`_judge_positions`). Then the
    items with a place are grouped: two items within :data:`SWAP_FAR_KM` of each
    other are of one group. A group one of whose items, with lon and lat
    exchanged, lies within :data:`SWAP_NEAR_KM` (fixed: no item's σ widens it,
    review r55, M1) of an item of another group is refused with that other: when
    one is the smaller, it is named, the split said ("1 item against 5"), since
    either may be the one written latitude first; when they are as large, both
    are named, and nothing tells which. One whose exchange lands nearer than
    :data:`SWAP_FAR_KM` to another group, not so near, is warned of. First,
    cheaply, each exchanged position's nearest positions are found; groups are
    drawn only if one is of another item. With every place swapped alike there
    is nothing to tell them by.
    """
    from scipy.spatial import cKDTree

    day = _day_of(items, as_of)
    if "region" in doc or day is None:
        return
    placed = [
        (i, it, ll) for i, it in enumerate(items) if (ll := _positions(it)) is not None
    ]
    evidence: tuple[Any, FloatArray, FloatArray] | None = None
    for i, it, (shape_lons, _) in placed:
        found = _geometry(it)
        if found is None or isinstance(found[1], Point) or shape_lons.size < 2:
            continue
        evidence = evidence or _evidence(items)
        _judge_positions(
            doc,
            i,
            it,
            evidence,
            None,
            where="the region drawn around the case's evidence",
            places=places,
            source=source,
        )
    if len(placed) < 2:
        return
    owner_parts, lon_parts, lat_parts = [], [], []
    for k, (_, _, lonlat) in enumerate(placed):
        lons_k, lats_k = _sample(*lonlat)
        lon_parts.append(lons_k)
        lat_parts.append(lats_k)
        owner_parts.append(np.full(lons_k.size, k))
    owner = np.concatenate(owner_parts)
    lons, lats = np.concatenate(lon_parts), np.concatenate(lat_parts)
    xyz = _unit(lons, lats)
    can = np.flatnonzero(np.abs(lons) <= 90.0)
    if can.size == 0:
        return
    n = lons.size
    _, idx = cKDTree(xyz).query(
        _unit(lats[can], lons[can]),
        k=min(16, n),
        distance_upper_bound=_chord(SWAP_FAR_KM),
    )
    idx = np.asarray(idx).reshape(can.size, -1)
    owners = np.append(owner, -1)  # a missing neighbour is numbered n
    valid = (idx < n) & (owners[idx] != owner[can][:, None])
    has = valid.any(axis=1)
    if not np.any(has):
        return
    src = can[has]
    dst = idx[has, np.argmax(valid[has], axis=1)]
    d = haversine_km(lats[src], lons[src], lons[dst], lats[dst])
    group = _groups(xyz, owner, len(placed))
    a, b = owner[src], owner[dst]
    cross = group[a] != group[b]
    if not np.any(cross):
        return
    hit = cross & (d <= SWAP_NEAR_KM)
    if not np.any(hit):
        _warn_among(doc, placed, a[cross], b[cross], d[cross], places, source)
        return
    pairs = sorted(
        {(int(group[x]), int(group[y])) for x, y in zip(a[hit], b[hit], strict=True)}
    )
    members = {
        g: [k for k in range(len(placed)) if group[k] == g]
        for pair in pairs
        for g in pair
    }
    first = min(pairs, key=lambda p: min(members[p[0]] + members[p[1]]))
    ga, gb = sorted(first, key=lambda g: (len(members[g]), min(members[g])))
    _refuse_groups(
        doc,
        [placed[k] for k in members[ga]],
        [placed[k] for k in members[gb]],
        _gap_km(np.isin(owner, members[ga]), np.isin(owner, members[gb]), lons, lats),
        places=places,
        source=source,
    )


def _named(
    doc: _Map,
    i: int,
    item: EvidenceItem,
    places: dict[str, Geometry],
) -> tuple[str, Any, str, list[Any]]:
    """Where the item's coordinates are written; from the gazetteer, its own line."""
    at = _written_at(doc, i, item, places)
    if at is None:
        path: list[Any] = ["evidence", i]
        at = (f"{item.kind} {item.id!r}", _line_of(doc, path), f"evidence[{i}]", path)
    return at


def _warn_among(
    doc: _Map,
    placed: list[tuple[int, EvidenceItem, Any]],
    a: Any,
    b: Any,
    d: Any,
    places: dict[str, Geometry],
    source: str,
) -> None:
    """Warn of an item far from the rest that, exchanged, lands among them."""
    k = int(np.argmin(d))
    i, item, _ = placed[int(a[k])]
    j, other, _ = placed[int(b[k])]
    what, line, field, _ = _named(doc, i, item, places)
    near, _, _, _ = _named(doc, j, other, places)
    warnings.warn(
        f"In {source}, {what} (line {line}, {field}) lies more than "
        f"{SWAP_FAR_KM:,.0f} km from every other item, and with lon and lat "
        f"exchanged it would lie {km_text(float(d[k]))} km from {near}: lon and "
        "lat swapped? If so, write it longitude first. If every place is where it "
        "should be, give the case a region that holds them.",
        EvidenceWarning,
        stacklevel=4,
    )


def _refuse_groups(
    doc: _Map,
    some: list[tuple[int, EvidenceItem, Any]],
    others: list[tuple[int, EvidenceItem, Any]],
    km: float,
    *,
    places: dict[str, Geometry],
    source: str,
) -> None:
    """Refuse two groups of items far apart, each among the other exchanged.

    ``some`` is the smaller group (or the first, of two as large).
    """

    def where(group: list[tuple[int, EvidenceItem, Any]]) -> list[tuple[str, Any, str]]:
        return [_named(doc, i, it, places)[:3] for i, it, _ in group]

    a, b = where(some), where(others)

    def names(at: list[tuple[str, Any, str]]) -> str:
        shown = [
            f"{what[:-1]}, line {line})"
            if what.endswith(")")
            else f"{what} (line {line})"
            for what, line, _ in at[:4]
        ]
        more = len(at) - len(shown)
        return ", ".join(shown) + (f" and {more:,} more" if more else "")

    na, nb = len(some), len(others)
    a_at = _mean_text([it for _, it, _ in some])
    b_at = _mean_text([it for _, it, _ in others])
    these = "it" if na == 1 else "they"
    one, many = "one other item", "other items"
    if na == nb:
        said = (
            f"In {source}, {names(a)} and {names(b)} lie {km_text(km)} km apart "
            f"({'each' if na == 1 else 'each group'} more than {SWAP_FAR_KM:,.0f} "
            "km from every other item), and with lon and lat exchanged either "
            f"would lie among the other: one of the two{'' if na == 1 else ' groups'} "
            f"has lon and lat swapped, and nothing in the case tells which. The "
            f"first {'is' if na == 1 else 'are'} written around {a_at}, the "
            f"other{'' if nb == 1 else 's'} around {b_at}: write the one that is not "
            "where it should be longitude first."
        )
    else:
        said = (
            f"In {source}, {names(a)} {'lies' if na == 1 else 'lie'} "
            f"{km_text(km)} km from {_items_text(nb, one=one, many=many)} "
            f"({names(b)}), more than {SWAP_FAR_KM:,.0f} km from every other item, "
            f"and with lon and lat exchanged {these} would lie among them: lon and "
            f"lat swapped, either in {'it' if na == 1 else 'these'} "
            f"({_items_text(na)} against {nb:,}) or in "
            f"{'both' if nb == 2 else f'all {nb:,}'} of the others. "
            f"{_capital(these)} {'is' if na == 1 else 'are'} written around "
            f"{a_at}, the others around {b_at}: check which lie where they should, "
            "and write those that do not longitude first."
        )
    if na == nb:
        way_out = (
            "If both are where they should be, give the case a region that holds "
            "them both."
        )
    else:
        way_out = (
            f"If {'it is' if na == 1 else 'they are'} where "
            f"{'it' if na == 1 else 'they'} should be, and the others too, give "
            "the case a region that holds both groups."
        )
    raise CaseFileError(
        f"{said} Left as written, the region drawn around the evidence would "
        f"stretch {km_text(km)} km to hold both. {way_out}",
        path=source,
        line=a[0][1],
        field=a[0][2],
    )
