"""Coordinates written latitude first: a place, an area or the region refused.

``Pen-y-Pass car park: {lon: 53.0805, lat: -4.0219}``, a polygon written ``[lat,
lon]``, or ``region: {west: 53.00, south: -4.20, ...}`` puts a place of Wales in the
Indian Ocean. The estimate would leave each such item out as "outside the grid"
(a search's warning then says "nothing is lost"), or, for a swapped region, every
item, and map the prior alone (review r50, H1). A shape that lies wholly outside
the study region but inside it with lon and lat exchanged is refused instead, by
the line where its coordinates are written, as ``geosleuth searched`` refuses its
own such input (:func:`swapped_into`, which it shares).

"Outside" and "inside" are what :func:`geosleuth.fuse.factors` says, so they
match what ``geosleuth locate`` would do with the item. A place truly outside the
region whose exchange is not inside is left as it was: the estimate leaves it out
and says so.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
import warnings
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from geosleuth.casefile._loader import _line_of, _Map
from geosleuth.errors import CaseFileError, GeosleuthWarning, InputError
from geosleuth.evidence import Claim, EvidenceItem, Searched
from geosleuth.fuse import Settings, factors
from geosleuth.geometry import Area, Geometry, Line, Point, swap_lonlat
from geosleuth.grid import Grid

__all__ = ["swapped_into"]

#: Cells of the grid drawn around the rest of the evidence to judge one item by
#: (coarse: only "wholly outside, or not" is asked of it).
_OTHERS_MAX_CELLS = 20_000


def _geometry(item: EvidenceItem) -> tuple[str, Geometry] | None:
    """The item's field that holds its shape, and the shape (None: no such)."""
    for key in ("place", "area"):
        geom = getattr(item, key, None)
        if isinstance(geom, (Point, Line, Area)):
            return key, geom
    return None


def _plain_day(day: dt.date) -> dt.date:
    """``day`` as a plain date: the end of it (an ``AsOf``'s time dropped)."""
    return dt.date(day.year, day.month, day.day)


def _outside(
    item: EvidenceItem, grid: Grid, *, as_of: dt.date, settings: Settings
) -> bool:
    """Whether ``factors`` leaves ``item`` out as lying wholly outside ``grid``."""
    from geosleuth.fuse.likelihood import _OUTSIDE_THE_GRID

    day = max(_plain_day(as_of), item.date)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GeosleuthWarning)
        _, skipped = factors([item], grid, as_of=day, settings=settings)
    return any(_OUTSIDE_THE_GRID in why for _, why in skipped)


def _meets_box(item: EvidenceItem, grid: Grid) -> bool:
    """Whether the item's vertices' lon/lat box meets the grid's (or may).

    A cheap first test: an item whose box meets the grid's is not far outside
    it, and is not looked at further. A grid across the antimeridian may meet
    anything.
    """
    from geosleuth.fuse.likelihood import _item_lonlat

    lonlat = _item_lonlat(item)
    w, s, e, n = grid.bounds_lonlat()
    if lonlat is None or w > e:
        return True
    lons, lats = lonlat
    return bool(
        lons.max() >= w and lons.min() <= e and lats.max() >= s and lats.min() <= n
    )


def swapped_into(
    item: EvidenceItem, grid: Grid, *, as_of: dt.date, settings: Settings
) -> Geometry | None:
    """The item's shape with lon and lat exchanged, if only that lies in ``grid``.

    None unless the item lies wholly outside ``grid`` and, with each position's
    lon and lat exchanged (:func:`~geosleuth.geometry.swap_lonlat`), does not:
    then it was most likely written latitude first. Both tests are those of
    :func:`geosleuth.fuse.factors` on ``as_of`` (or the item's day, if later),
    which leaves out an item that lies wholly outside.

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
    if found is None or _meets_box(item, grid):
        return None
    key, geom = found
    swapped = swap_lonlat(geom)
    if swapped is None:
        return None
    try:
        exchanged = replace(item, **{key: swapped})  # type: ignore[arg-type]
    except InputError:
        return None
    if not _outside(item, grid, as_of=as_of, settings=settings):
        return None
    if _outside(exchanged, grid, as_of=as_of, settings=settings):
        return None
    return swapped


def _bounds_text(grid: Grid) -> str:
    w, s, e, n = grid.bounds_lonlat()
    return f"west {w:.2f}, south {s:.2f}, east {e:.2f}, north {n:.2f}"


def _km_from(item: EvidenceItem, grid: Grid) -> float:
    """How far the item lies from the grid's nearest cell, km."""
    from geosleuth.fuse.likelihood import _item_lonlat, _km_from_grid

    lonlat = _item_lonlat(item)
    return _km_from_grid(*lonlat, grid) if lonlat is not None else float("nan")


def _km_text(km: float) -> str:
    return f"{km:,.0f}" if km >= 10 else f"{km:.1f}"


def _nfc(name: str) -> str:
    return unicodedata.normalize("NFC", name)


def _written_at(
    doc: _Map, i: int, item: EvidenceItem, key: str, places: dict[str, Geometry]
) -> tuple[str, int | None, str] | None:
    """Where the item's coordinates are written: (what, line, field).

    What is "the place 'Crib Goch route' (the area of searched 's2')", or, for
    coordinates written in the item, "the place of sighting 'car'".

    None for a place from the gazetteer: its coordinates are not the case's.
    """
    name = getattr(item, "place_name", None)
    if name is None:
        return (
            f"the {key} of {item.kind} {item.id!r}",
            _line_of(doc, ["evidence", i, key]),
            f"evidence[{i}].{key}",
        )
    if name not in places:
        return None
    raw = doc.get("places") or {}
    written = next((k for k in raw if _nfc(str(k)) == name), name)
    spec = raw.get(written)
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
    )


def _how_to_write(geom: Geometry) -> str:
    if isinstance(geom, Point):
        return "Give 'lon' the longitude (east-west) and 'lat' the latitude"
    return "Write each position [lon, lat], longitude first (as GeoJSON does)"


def _refuse_item(
    doc: _Map,
    i: int,
    item: EvidenceItem,
    swapped: Geometry,
    grid: Grid,
    *,
    where: str,
    then: str,
    places: dict[str, Geometry],
    source: str,
) -> None:
    found = _geometry(item)
    assert found is not None  # swapped_into found it
    key, geom = found
    at = _written_at(doc, i, item, key, places)
    if at is None:
        return
    what, line, field = at
    lon, lat = swapped.representative()
    km = _km_text(_km_from(item, grid))
    raise CaseFileError(
        f"{what[:1].upper()}{what[1:]}, written at {source}, line {line}, lies "
        f"wholly outside {where} "
        f"({_bounds_text(grid)}), {km} km from it, and with lon and lat exchanged"
        f" (around {lon:.4f},{lat:.4f}) it lies inside: lon and "
        f"lat swapped? {_how_to_write(geom)}. {then}",
        path=source,
        line=line,
        field=field,
    )


def _day_of(items: Sequence[EvidenceItem], as_of: dt.date | None) -> dt.date | None:
    if as_of is not None:
        return as_of
    return max((it.known_on for it in items), default=None)


def _says_not_here(item: EvidenceItem) -> bool:
    return isinstance(item, Searched) or (
        isinstance(item, Claim) and item.polarity == "is_not"
    )


def _refuse_swapped_region(
    doc: _Map,
    items: Sequence[EvidenceItem],
    grid: Grid,
    source: str,
    *,
    settings: Settings,
    as_of: dt.date | None,
) -> None:
    """Refuse a ``region`` that holds none of the items and would swapped.

    Its west and south (and east and north) exchanged, it holds what it held
    none of. As the region and every place swapped look alike, the error says
    both.
    """
    day = _day_of(items, as_of)
    placed = [it for it in items if _geometry(it) is not None]
    if day is None or not placed or any(_meets_box(it, grid) for it in placed):
        return
    if not all(_outside(it, grid, as_of=day, settings=settings) for it in placed):
        return
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
        return
    held = [
        it for it in placed if not _outside(it, other, as_of=day, settings=settings)
    ]
    if not held:
        return
    line = _line_of(doc, ["region"])
    nearest = min(_km_from(it, grid) for it in placed)
    raise CaseFileError(
        f"The case's region ({source}, line {line}: west {w:g}, south {s:g}, east "
        f"{e:g}, north {n:g}) holds none of its {len(placed)} items with a place "
        f"(the nearest {_km_text(nearest)} km from it), and with lon and lat "
        f"exchanged (west "
        f"{s:g}, south {w:g}, east {n:g}, north {e:g}) it holds {len(held)} of "
        "them: lon and lat swapped? 'west' and 'east' are longitudes, 'south' and "
        "'north' latitudes. (Or, if the region is right, every place is written "
        "latitude first: write each longitude first.) Left as it is, 'geosleuth "
        "locate' would leave out every item and map the prior alone.",
        path=source,
        line=line,
        field="region",
    )


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
    of the items and would swapped: :func:`_refuse_swapped_region`), or drawn
    around its evidence, which a search or a denial does not stretch, so they
    are judged by it. A place from the gazetteer is not the case's to mend,
    and is not looked at.
    """
    day = _day_of(items, as_of)
    if day is None:
        return
    if "region" in doc:
        _refuse_swapped_region(doc, items, grid, source, settings=settings, as_of=day)
    where = (
        "the case's region"
        if "region" in doc
        else "the region drawn around the case's evidence"
    )
    for i, item in enumerate(items):
        swapped = swapped_into(item, grid, as_of=day, settings=settings)
        if swapped is not None:
            _refuse_item(
                doc,
                i,
                item,
                swapped,
                grid,
                where=where,
                then="Left as written, 'geosleuth locate' would leave the item out.",
                places=places,
                source=source,
            )


def refuse_swapped_outliers(
    doc: _Map,
    items: Sequence[EvidenceItem],
    places: dict[str, Geometry],
    source: str,
    *,
    settings: Settings,
    as_of: dt.date | None,
) -> None:
    """Without a region: refuse a place far from the rest that is among it swapped.

    Nothing is done for a case with a ``region`` (:func:`refuse_swapped`).

    The region is drawn around the evidence, so a place written latitude first
    would stretch it across the world (or past what a grid holds). Each place
    that says where the target is is judged by the region drawn around the
    others (:func:`~geosleuth.casefile.evidence_bounds`); only one whose
    exchange lands near them (a cheap test first) is drawn for. With the places
    all swapped alike there is nothing to tell them by.
    """
    from geosleuth.casefile._region import evidence_bounds

    day = _day_of(items, as_of)
    if "region" in doc:
        return
    where_is = [
        (i, it)
        for i, it in enumerate(items)
        if _geometry(it) is not None and not _says_not_here(it)
    ]
    if day is None or len(where_is) < 2:
        return
    points = np.array([_geometry(it)[1].representative() for _, it in where_is])  # type: ignore[index]
    margin = 1.0  # degrees around the others' points
    for k, (i, item) in enumerate(where_is):
        found = _geometry(item)
        assert found is not None
        swapped = swap_lonlat(found[1])
        if swapped is None:
            continue
        rest = np.delete(points, k, axis=0)
        lo, hi = rest.min(axis=0) - margin, rest.max(axis=0) + margin
        near = np.array(swapped.representative())
        if not (np.all(near >= lo) and np.all(near <= hi)):
            continue
        if np.all(points[k] >= lo) and np.all(points[k] <= hi):
            continue
        others = [it for j, it in enumerate(items) if j != i]
        try:
            grid = Grid.from_bounds(
                *evidence_bounds(others, settings=settings, as_of=day),
                max_cells=_OTHERS_MAX_CELLS,
            )
        except InputError:
            continue
        into = swapped_into(item, grid, as_of=day, settings=settings)
        if into is not None:
            _refuse_item(
                doc,
                i,
                item,
                into,
                grid,
                where="the region drawn around the case's other evidence",
                then="Left as written, it would stretch the region drawn around "
                "the evidence to hold it, thousands of km across.",
                places=places,
                source=source,
            )
