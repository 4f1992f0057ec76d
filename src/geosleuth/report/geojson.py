"""An estimate as GeoJSON: highest-density regions, ranked places and the evidence.

The highest-density regions are built exactly from the grid: the cells of the region
are merged (row runs as boxes, unioned with shapely) into a staircase outline in the
grid's equal-area plane, which is simplified, densified and then unprojected to
(lon, lat), so the polygon's geodesic area matches the estimate's ``hdr_km2``;
but where a region ends on a plateau (cells of equal probability, which nothing
tells apart), the outline takes the whole plateau, and its area is then larger
(``outline_area_km2``) than the area the region needs.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from geosleuth._types import ArrayLike, BoolArray, FloatArray
from geosleuth.errors import InputError
from geosleuth.evidence import EventSet, EvidenceItem, time_of, time_text
from geosleuth.fuse import Estimate, hdr_mask, hdr_masks
from geosleuth.geometry import cut_at_antimeridian
from geosleuth.grid import Grid, unwrap_lon

__all__ = [
    "HDR_LEVELS",
    "effort_bands_geojson",
    "estimate_geojson",
    "evidence_geometry",
    "hdr_features",
    "hdr_region",
    "hdr_region_km",
    "plateau_outlines",
]

#: The highest-density regions every output draws, as ``(key, level)``.
HDR_LEVELS: tuple[tuple[str, float], ...] = (("50", 0.5), ("90", 0.9))


def _cells_region_km(mask: np.ndarray, grid: Grid) -> Any:
    """Union of the masked cells as a shapely geometry in the grid plane (km).

    Each row's runs of cells become one box; the boxes are unioned by shapely.
    """
    import shapely

    padded = np.zeros((grid.ny, grid.nx + 2), dtype=np.int8)
    padded[:, 1:-1] = np.asarray(mask, dtype=bool).reshape(grid.ny, grid.nx)
    step = np.diff(padded, axis=1)
    rows_s, cols_s = np.nonzero(step == 1)
    _, cols_e = np.nonzero(step == -1)
    # nonzero scans row by row, so starts and ends pair up in order.
    c = grid.cell_km
    boxes = shapely.box(
        grid.west_km + cols_s * c,
        grid.south_km + rows_s * c,
        grid.west_km + cols_e * c,
        grid.south_km + (rows_s + 1) * c,
    )
    return shapely.union_all(boxes)


def _unproject(region: Any, grid: Grid, max_segment_km: float) -> Any:
    import shapely

    if max_segment_km > 0:
        region = shapely.segmentize(region, max_segment_km)

    def unproject(xy: np.ndarray) -> np.ndarray:
        lon, lat = grid.xy_km_to_lonlat(xy[:, 0], xy[:, 1])
        return np.column_stack([unwrap_lon(lon, grid.lon0), lat])

    # continuous longitudes around the grid's centre, then cut at 180° (RFC 7946)
    shape = cut_at_antimeridian(shapely.transform(region, unproject))
    # shapely's union runs exteriors clockwise: RFC 7946 (3.1.6) wants them
    # counter-clockwise and holes clockwise (review r60, L6)
    return shapely.orient_polygons(shape, exterior_cw=False)


def hdr_region_km(
    posterior: ArrayLike, grid: Grid, level: float, *, simplify_km: float = 0.0
) -> Any:
    """The ``level`` highest-density region as a shapely geometry in the grid plane.

    Parameters
    ----------
    posterior : array_like of shape (n_cells,)
        Cell probabilities.
    grid : Grid
        The grid the posterior lives on.
    level : float
        In (0, 1].
    simplify_km : float, default 0.0
        Douglas–Peucker tolerance in km (0 keeps the exact cell staircase).

    Returns
    -------
    shapely Polygon or MultiPolygon
        Coordinates are (x, y) in km in the grid's LAEA plane; its area is the
        region's area in km² (exactly, when ``simplify_km`` is 0).

    Raises
    ------
    InputError
        If ``posterior`` does not have one value per cell, or ``level`` is not in
        (0, 1].

    Examples
    --------
    >>> g = Grid.around(40.0, 35.0, radius_km=5.0, cell_km=1.0)
    >>> p = np.zeros(g.n_cells); p[[0, 1, 11]] = [0.5, 0.3, 0.2]
    >>> hdr_region_km(p, g, 0.9).area  # three cells of 1 km²
    3.0
    """
    p = np.asarray(posterior, dtype=np.float64)
    if p.shape != (grid.n_cells,):
        raise InputError(
            f"The posterior must have one value per cell ({grid.n_cells}). Got an "
            f"array of shape {p.shape} instead.",
            field="posterior",
        )
    region = _cells_region_km(hdr_mask(p, level), grid)
    if simplify_km > 0:
        region = region.simplify(float(simplify_km), preserve_topology=True)
    return region


def hdr_region(
    posterior: ArrayLike,
    grid: Grid,
    level: float,
    *,
    simplify_km: float | None = None,
    max_segment_km: float = 10.0,
) -> Any:
    """The ``level`` highest-density region as a shapely geometry in (lon, lat).

    Parameters
    ----------
    posterior : array_like of shape (n_cells,)
        Cell probabilities.
    grid : Grid
        The grid the posterior lives on.
    level : float
        In (0, 1].
    simplify_km : float, optional
        Tolerance in km; default half a cell.
    max_segment_km : float, default 10.0
        Edges are split to at most this length before unprojecting, so that the
        outline follows the projected one closely.

    Returns
    -------
    shapely Polygon or MultiPolygon
        Coordinates (lon, lat) in degrees.

    Examples
    --------
    >>> from pyproj import Geod
    >>> g = Grid.around(40.0, 35.0, radius_km=50.0, cell_km=2.0)
    >>> p = np.ones(g.n_cells) / g.n_cells
    >>> poly = hdr_region(p, g, 1.0)
    >>> area = abs(Geod(ellps="WGS84").geometry_area_perimeter(poly)[0]) / 1e6
    >>> round(area / g.area_km2, 3)
    1.0
    """
    tol = 0.5 * grid.cell_km if simplify_km is None else float(simplify_km)
    region = hdr_region_km(posterior, grid, level, simplify_km=tol)
    return _unproject(region, grid, max_segment_km)


def _band_pod(here: FloatArray, found: FloatArray, mask: BoolArray) -> dict[str, float]:
    """``p_here``, ``pod`` and ``p_found`` of one band of the plan."""
    p_here, p_found = float(here[mask].sum()), float(found[mask].sum())
    # rounded down, as the field files' areas: a POD just under 1 is not certain
    pod = math.floor(p_found / p_here * 1e6) / 1e6 if p_here > 0 else 0.0
    return {"p_here": p_here, "pod": pod, "p_found": p_found}


def effort_bands_geojson(
    effort_km: ArrayLike,
    grid: Grid,
    *,
    n_bands: int = 4,
    summary: dict[str, Any] | None = None,
    ndigits: int = 5,
    p: ArrayLike | None = None,
    pod: ArrayLike | None = None,
) -> dict[str, Any]:
    """Per-cell search effort as a GeoJSON FeatureCollection of effort bands.

    The cells with effort are split into ``n_bands`` bands of about equal cell count
    by effort (fewer when values repeat); each band is one (Multi)Polygon in (lon,
    lat). This is a form :func:`geosleuth.report.html.render_report` takes as
    ``plan`` (the collection carries ``summary`` as a foreign member).

    Parameters
    ----------
    effort_km : array_like of shape (n_cells,)
        Track length planned in each cell, km (0 or NaN: none).
    grid : Grid
        The grid the effort lives on.
    n_bands : int, default 4
        Number of bands.
    summary : dict, optional
        Facts about the plan (budget, POS, ...), copied to the collection.
    ndigits : int, default 5
        Decimals kept in the coordinates.
    p, pod : array_like of shape (n_cells,), optional
        The probability in each cell and the plan's probability of detection
        there (:class:`~geosleuth.plan.SearchPlan`'s ``p`` and ``pod``): both
        given, each band also has ``p_here`` (the probability in it),
        ``pod`` (``p_found / p_here``, rounded down to 1e-6 as the field
        files' areas) and ``p_found`` (``sum(p * pod)``), as the GPX and KML
        of ``geosleuth plan`` give them (review r85, L5).

    Returns
    -------
    dict
        Features, most effort first, with ``band`` (1, 2, ...), ``effort_km`` (mean
        per cell), ``min_effort_km``, ``max_effort_km``, ``total_effort_km``,
        ``cells`` and ``area_km2``, and with ``p`` and ``pod`` given, ``p_here``,
        ``pod`` and ``p_found``.

    Raises
    ------
    InputError
        If ``effort_km`` does not have one value per cell.

    Examples
    --------
    >>> g = Grid.around(40.0, 35.0, radius_km=10.0, cell_km=5.0)
    >>> e = [0, 1, 2, 0, 4, 4, 0, 0, 0, 0, 0, 0, 8, 0, 0, 0]
    >>> fc = effort_bands_geojson(e, g, n_bands=2, summary={"budget_km": 19})
    >>> [(f["properties"]["band"], f["properties"]["cells"]) for f in fc["features"]]
    [(1, 3), (2, 2)]
    >>> effort_bands_geojson(np.zeros(16), g)["features"]  # nothing searched
    []
    >>> fc = effort_bands_geojson(e, g, n_bands=2, p=np.full(16, 1 / 16),
    ...                           pod=np.full(16, 0.5))
    >>> {k: round(v, 4) for k, v in fc["features"][1]["properties"].items()
    ...  if k in ("p_here", "pod", "p_found")}
    {'p_here': 0.125, 'pod': 0.5, 'p_found': 0.0625}
    """
    e = np.asarray(effort_km, dtype=np.float64)
    if e.shape != (grid.n_cells,):
        raise InputError(
            f"The effort must have one value per cell ({grid.n_cells}). Got an array "
            f"of shape {e.shape} instead.",
            field="effort_km",
        )
    e = np.where(np.isfinite(e) & (e > 0), e, 0.0)
    searched = e > 0
    found = None
    if p is not None and pod is not None:
        here = np.asarray(p, dtype=np.float64)
        found = here * np.asarray(pod, dtype=np.float64)
    features: list[dict[str, Any]] = []
    if searched.any():
        qs = np.quantile(e[searched], np.linspace(0.0, 1.0, max(int(n_bands), 1) + 1))
        edges = np.unique(qs)
        n = max(edges.size - 1, 1)
        band_of = np.clip(np.searchsorted(edges, e, side="right") - 1, 0, n - 1)
        for b in range(n - 1, -1, -1):
            mask = searched & (band_of == b)
            if not mask.any():
                continue
            region = _unproject(_cells_region_km(mask, grid), grid, 10.0)
            vals = e[mask]
            features.append(
                {
                    "type": "Feature",
                    "geometry": _geom_dict(region, ndigits),
                    "properties": {
                        "band": len(features) + 1,
                        "effort_km": float(vals.mean()),
                        "min_effort_km": float(vals.min()),
                        "max_effort_km": float(vals.max()),
                        "total_effort_km": float(vals.sum()),
                        "cells": int(mask.sum()),
                        "area_km2": float(mask.sum() * grid.cell_area_km2),
                        **({} if found is None else _band_pod(here, found, mask)),
                    },
                }
            )
    out: dict[str, Any] = {"type": "FeatureCollection", "features": features}
    if summary:
        out["summary"] = dict(summary)
    return out


def _rounded(obj: Any, ndigits: int) -> Any:
    if isinstance(obj, float):
        return round(obj, ndigits)
    if isinstance(obj, (list, tuple)):
        return [_rounded(v, ndigits) for v in obj]
    return obj


def _geom_dict(geom: Any, ndigits: int) -> dict[str, Any] | None:
    import shapely

    if geom.is_empty:
        return None
    m = shapely.geometry.mapping(geom)
    return {"type": m["type"], "coordinates": _rounded(m["coordinates"], ndigits)}


def evidence_geometry(item: EvidenceItem) -> dict[str, Any] | None:
    """The GeoJSON geometry of an item, or ``None`` if it has no place.

    Sightings, claims and fronts give their ``place``; territory and searched items
    their ``area``; an event set a MultiPoint of its events; life status ``None``.
    A line or area across the antimeridian comes cut in two there, as GeoJSON
    wants.
    """
    if isinstance(item, EventSet):
        pts = np.column_stack([item.lons, item.lats]).tolist()
        return {"type": "MultiPoint", "coordinates": pts}
    geom = getattr(item, "place", None) or getattr(item, "area", None)
    if geom is None:
        return None
    out: dict[str, Any] = geom.to_geojson()
    if geom.kind == "point":
        return out
    return _cut_if_across(out)


def _cut_if_across(mapping: dict[str, Any]) -> dict[str, Any]:
    """A line or polygon across the antimeridian, cut there (RFC 7946, 3.1.9)."""
    import shapely

    shape = shapely.geometry.shape(mapping)
    lons = shapely.get_coordinates(shape)[:, 0]
    if lons.size == 0 or float(np.ptp(lons)) <= 180.0:
        return mapping

    def unwrap(xy: np.ndarray) -> np.ndarray:
        return np.column_stack([unwrap_lon(xy[:, 0], float(lons[0])), xy[:, 1]])

    cut = cut_at_antimeridian(shapely.transform(shape, unwrap))
    m = shapely.geometry.mapping(cut)
    return {"type": m["type"], "coordinates": _rounded(m["coordinates"], 12)}


def _finite(value: float) -> float | None:
    return float(value) if math.isfinite(value) else None


def estimate_geojson(
    estimate: Estimate,
    items: Iterable[EvidenceItem],
    *,
    simplify_km: float | None = None,
    ndigits: int = 6,
) -> dict[str, Any]:
    """The estimate as a GeoJSON FeatureCollection (RFC 7946, [lon, lat]).

    Features, each with a ``layer`` property:

    - ``"hdr"``: the 50 % and 90 % highest-density regions ((Multi)Polygon), with
      ``level`` and ``area_km2``;
    - ``"place"``: the ranked places (Point), with ``rank``, ``name``,
      ``probability``, ``radius_km`` and ``in_hdr90``;
    - ``"named_area"``: the areas the used items name ((Multi)Polygon, as the
      items give them), with ``rank``, ``name``, ``kind`` (where the items
      keep one: ``state``, ``province``, ``region``, ``country``,
      ``continent``, ``drawn`` in the case file), ``probability`` (of being
      inside), ``area_km2`` (of its part on the grid) and ``items``
      (:attr:`~geosleuth.fuse.Estimate.named_areas`);
    - ``"evidence"``: every item (its geometry; ``null`` for life status), with
      ``id``, ``kind``, ``place_name``, ``date``, ``date_from``, ``time`` (HH:MM,
      HH:MM:SS where it has seconds, or null), ``grade``,
      ``hedge``, ``p_true``, the provenance (``quote``, ``span``, ``speaker``,
      ``speaker_role``, ``reporting_chain``, ``document``, ``published``, ``url``,
      written as in ``estimate.json``), ``status`` (``"used"``, ``"excluded"`` or
      ``"not considered"``), ``reason`` and ``map_shift``.

    The collection also carries ``as_of``, ``p_alive``, ``search_miss`` and
    ``p_outside`` (the searches' figures: the places and areas are given the
    target is in the region) and ``hdr_km2`` as foreign members.

    Parameters
    ----------
    estimate : Estimate
        The result of :func:`geosleuth.fuse.fuse`.
    items : iterable of evidence items
        The items the estimate was made from.
    simplify_km : float, optional
        Tolerance for the region outlines; default half a cell.
    ndigits : int, default 6
        Decimals kept in the coordinates of the regions.

    Returns
    -------
    dict
        JSON-ready (no NaN).

    Examples
    --------
    >>> import datetime as dt
    >>> from geosleuth.fuse import fuse
    >>> g = Grid.around(40.8, 34.7, radius_km=40.0, cell_km=4.0)
    >>> fc = estimate_geojson(fuse([], g, as_of=dt.date(2018, 5, 15)), [])
    >>> [(f["properties"]["level"], f["geometry"]["type"]) for f in fc["features"]]
    [(0.5, 'Polygon'), (0.9, 'Polygon')]
    """
    features = hdr_features(estimate, simplify_km=simplify_km, ndigits=ndigits)
    for rank, place in enumerate(estimate.places, start=1):
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
                "properties": {
                    "layer": "place",
                    "rank": rank,
                    "name": place.name,
                    "probability": _finite(place.probability),
                    "radius_km": place.radius_km,
                    "in_hdr90": place.in_hdr90,
                },
            }
        )
    for rank, named in enumerate(estimate.named_areas, start=1):
        features.append(
            {
                "type": "Feature",
                "geometry": _cut_if_across(named.area.to_geojson()),
                "properties": {
                    "layer": "named_area",
                    "rank": rank,
                    "name": named.name,
                    # only where known: older files keep their form
                    **({"kind": named.kind} if named.kind else {}),
                    "probability": _finite(named.probability),
                    "area_km2": _finite(named.area_km2),
                    "items": list(named.items),
                },
            }
        )
    features.extend(_evidence_features(estimate, list(items)))
    return {
        "type": "FeatureCollection",
        "as_of": estimate.as_of.isoformat(),
        # only where given: the time of day on as_of the map is for
        **({"as_of_time": time_text(at)} if (at := time_of(estimate.as_of)) else {}),
        "p_alive": _finite(estimate.p_alive),
        # the places and areas are given the target is in the region
        "search_miss": estimate.search_miss,
        "p_outside": _finite(estimate.p_outside),
        "hdr_km2": {k: _finite(v) for k, v in estimate.hdr_km2.items()},
        "features": features,
    }


def plateau_outlines(estimate: Estimate) -> dict[str, float]:
    """The area (km²) of each region's outline that covers more than the region.

    Where a region ends on a plateau (cells of equal probability), its outline
    takes the whole plateau (:func:`geosleuth.fuse.hdr_mask`) while the region
    needs only part of it (the estimate's ``hdr_km2``); keyed as ``hdr_km2``,
    and only for such regions.

    Examples
    --------
    >>> import datetime as dt
    >>> from geosleuth.fuse import fuse
    >>> from geosleuth.grid import Grid
    >>> g = Grid.around(0.0, 0.0, radius_km=1.0, cell_km=0.5)  # 16 cells
    >>> plateau_outlines(fuse([], g, as_of=dt.date(2024, 1, 1)))  # a flat map
    {'50': 4.0, '90': 4.0}
    """
    out = {}
    masks = hdr_masks(estimate.posterior, [level for _, level in HDR_LEVELS])
    for (key, _), mask in zip(HDR_LEVELS, masks, strict=True):
        drawn = float(mask.sum() * estimate.grid.cell_area_km2)
        area = estimate.hdr_km2.get(key, math.nan)
        if math.isfinite(area) and drawn > area * (1 + 1e-9) + 1e-12:
            out[key] = drawn
    return out


def hdr_features(
    estimate: Estimate, *, simplify_km: float | None = None, ndigits: int = 6
) -> list[dict[str, Any]]:
    """GeoJSON Features of the 50 % and 90 % highest-density regions, in (lon, lat).

    Each has the properties ``layer`` (``"hdr"``), ``level`` (0.5 or 0.9) and
    ``area_km2`` (the estimate's ``hdr_km2``), and, where the region ends on a
    plateau whose every cell the outline takes, ``outline_area_km2``; an empty
    region has a ``null`` geometry.
    """
    out = []
    plateaus = plateau_outlines(estimate)
    for key, level in HDR_LEVELS:
        region = hdr_region(
            estimate.posterior, estimate.grid, level, simplify_km=simplify_km
        )
        props: dict[str, Any] = {
            "layer": "hdr",
            "level": level,
            "area_km2": _finite(estimate.hdr_km2.get(key, math.nan)),
        }
        if key in plateaus:
            props["outline_area_km2"] = plateaus[key]
        geometry = _geom_dict(region, ndigits)
        out.append({"type": "Feature", "geometry": geometry, "properties": props})
    return out


def _evidence_features(
    estimate: Estimate,
    items: Sequence[EvidenceItem],
) -> list[dict[str, Any]]:
    used = set(estimate.used)
    reasons = dict(estimate.excluded)
    shifts = {c.item_id: c.map_shift for c in estimate.contributions}
    out = []
    for item in items:
        prov = item.provenance
        status = (
            "used"
            if item.id in used
            else "excluded"
            if item.id in reasons
            else "not considered"
        )
        out.append(
            {
                "type": "Feature",
                "geometry": evidence_geometry(item),
                "properties": {
                    "layer": "evidence",
                    "id": item.id,
                    "kind": item.kind,
                    "place_name": getattr(item, "place_name", None),
                    "date": item.date.isoformat(),
                    "date_from": item.date_from.isoformat() if item.date_from else None,
                    "time": time_text(item.time) if item.time is not None else None,
                    "grade": str(item.grade) if item.grade else None,
                    "hedge": item.hedge,
                    "p_true": item.p_true(estimate.settings.grades),
                    "quote": prov.quote,
                    "span": list(prov.span) if prov.span else None,
                    "speaker": prov.speaker,
                    "speaker_role": prov.speaker_role,
                    "reporting_chain": list(prov.reporting_chain),
                    "document": prov.document,
                    "published": prov.published.isoformat() if prov.published else None,
                    "url": prov.url,
                    "status": status,
                    "reason": reasons.get(item.id) if status == "excluded" else None,
                    "map_shift": _finite(shifts[item.id])
                    if item.id in shifts
                    else None,
                },
            }
        )
    return out
