"""A search plan as files for field teams: GeoJSON, CSV, GPX and KML.

The GeoJSON and CSV are for GIS: they list every cell that the plan gives effort
to, likeliest first (rank 1 is where the plan puts the most track), with each
cell's probability ``p`` (the plan's, so with any rest-of-world mass already set
aside), track length ``effort_km``, ``coverage`` (sweep width x track / cell
area), probability of detection ``pod``, ``p_found = p * pod`` and
``p_if_unsuccessful``, the probability the cell would hold if the whole plan
found nothing. Cell outlines are the grid's square cells in its equal-area plane,
densified along each side and unprojected to (lon, lat) in degrees, WGS84.

The GPX and KML are for GPS units and field teams, who cannot work through
thousands of 100 m cells: touching cells whose POD falls in the same tenth
(0-10 %, ..., 90-100 %) are merged into search *areas* (:func:`plan_areas`),
ranked by the probability of finding the target in them. Each area is one
waypoint at its centre, saying how much track to spend inside it, and its
boundary. At most :data:`MAX_FIELD_AREAS` areas are written (what a handheld
GPS holds); the files and the summary say what was left out, which stays in the
GeoJSON and CSV.

- ``plan.geojson``: a FeatureCollection of cell polygons (RFC 7946, rings
  counter-clockwise) with those numbers as properties, and the plan's summary as
  the foreign member ``"plan"``.
- ``plan.csv``: one row per cell, centres as ``lon``/``lat`` columns.
- ``plan.gpx``: GPX 1.1, a waypoint at the centre of each area and a track along
  its boundary (named "boundary", of type ``boundary``: search inside it, do not
  follow it). Longitudes are in [-180, 180), as GPX 1.1 requires.
- ``plan.kml``: KML 2.2, one placemark per area with its polygon and centre.

XML is built with :mod:`xml.etree.ElementTree`, so names and descriptions are
escaped and the files are well formed.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy import ndimage

from geosleuth._types import FloatArray, IntArray, PathLike
from geosleuth.errors import InputError
from geosleuth.geometry import cut_at_antimeridian
from geosleuth.grid import Grid, unwrap_lon
from geosleuth.plan import SearchPlan
from geosleuth.report.files import write_all_atomic
from geosleuth.report.text import pct, percent_down, plain, track_text

__all__ = [
    "MAX_FIELD_AREAS",
    "MIN_AREA_SHARE",
    "PlanArea",
    "PlanAreas",
    "PlanCells",
    "cell_outlines_lonlat",
    "plan_areas",
    "plan_cells",
    "plan_csv",
    "plan_geojson",
    "plan_gpx",
    "plan_kml",
    "ring_parts",
    "write_plan_files",
]

#: The most search areas (waypoints, boundaries) written to the GPX and KML: a
#: handheld GPS holds 100-250 saved tracks and 1,000-10,000 waypoints.
MAX_FIELD_AREAS = 200
#: The least share of the plan's track an area must be given to be written to the
#: GPX and KML (and at least the sweep width): a team is not sent out for the
#: 60 m of a 30 km plan (review r31, L5). What is left out is said, with its
#: track and P(found), and stays in the GeoJSON and CSV.
MIN_AREA_SHARE = 0.01
#: POD bands of the field areas: a cell's band is its POD rounded down to this.
_BAND = 0.1

_GPX_NS = "http://www.topografix.com/GPX/1/1"
_KML_NS = "http://www.opengis.net/kml/2.2"
_CSV_COLUMNS = (
    "rank",
    "cell",
    "row",
    "col",
    "lon",
    "lat",
    "p",
    "effort_km",
    "coverage",
    "pod",
    "p_found",
    "p_if_unsuccessful",
    "area",
)


@dataclass(frozen=True, slots=True, eq=False)
class PlanCells:
    """The cells a plan searches, ranked, with everything the writers print.

    All arrays have shape ``(n_searched,)`` and are in rank order (most track
    first; ties by probability).
    """

    grid: Grid
    plan: SearchPlan
    sweep_width_km: float
    cells: IntArray
    lon: FloatArray
    lat: FloatArray
    coverage: FloatArray
    p_if_unsuccessful: FloatArray
    rest_of_world_if_unsuccessful: float

    @property
    def n(self) -> int:
        """Number of cells searched."""
        return int(self.cells.size)

    def record(self, k: int) -> dict[str, Any]:
        """The ``k``-th ranked cell as a JSON-ready dict (keys of the CSV)."""
        c = int(self.cells[k])
        return {
            "rank": k + 1,
            "cell": c,
            "row": c // self.grid.nx,
            "col": c % self.grid.nx,
            "lon": round(float(self.lon[k]), 7),
            "lat": round(float(self.lat[k]), 7),
            "p": float(self.plan.p[c]),
            "effort_km": round(float(self.plan.effort_km[c]), 6),
            "coverage": round(float(self.coverage[k]), 6),
            # rounded down: a POD just under 1 must not read as certain detection
            "pod": math.floor(float(self.plan.pod[c]) * 1e6) / 1e6,
            "p_found": float(self.plan.p[c] * self.plan.pod[c]),
            "p_if_unsuccessful": float(self.p_if_unsuccessful[c]),
        }

    def summary(self) -> dict[str, Any]:
        """The plan's totals as a JSON-ready dict."""
        plan = self.plan
        return {
            "budget_km": plan.budget_km,
            "sweep_width_km": self.sweep_width_km,
            "cell_area_km2": self.grid.cell_area_km2,
            "cells_searched": self.n,
            "pos": plan.pos,
            "expected_effort_km": plan.expected_effort_km,
            "mean_effort_to_find_km": _finite_or_none(plan.mean_effort_to_find_km),
            "rest_of_world": plan.rest_of_world,
            "rest_of_world_if_unsuccessful": self.rest_of_world_if_unsuccessful,
            "definitions": {
                "pos": "probability that the plan finds the target: sum(p * pod)",
                "expected_effort_km": "E[min(T, budget)], T the track length at "
                "detection, for the plan carried out in its uniformly optimal order",
                "mean_effort_to_find_km": "E[T | T <= budget]",
                "pod": "1 - exp(-sweep_width_km * effort_km / cell_area_km2)",
                "p": "probability that the target is in the cell, the rest of the "
                "world counted: the estimate's map (given the target is in the "
                "region) times 1 - rest_of_world",
            },
        }


def _finite_or_none(x: float) -> float | None:
    return x if math.isfinite(x) else None


def plan_cells(grid: Grid, plan: SearchPlan, *, sweep_width_km: float) -> PlanCells:
    """Rank the cells that ``plan`` searches on ``grid``.

    Parameters
    ----------
    grid : Grid
        The grid the plan was made on (``plan.n_cells == grid.n_cells``).
    plan : SearchPlan
        From :func:`geosleuth.plan.allocate_optimal` (or ``allocate_greedy``).
    sweep_width_km : float
        The sweep width the plan used, km (for the coverage column and metadata).

    Returns
    -------
    PlanCells

    Raises
    ------
    InputError
        If the plan does not have one value per cell of the grid.

    Examples
    --------
    >>> from geosleuth.plan import allocate_optimal
    >>> g = Grid.around(10.0, 50.0, radius_km=1.0, cell_km=1.0)
    >>> plan = allocate_optimal([0.1, 0.2, 0.3, 0.4], 3.0, sweep_width_km=0.5,
    ...                         area_km2=g.cell_area_km2)
    >>> pc = plan_cells(g, plan, sweep_width_km=0.5)
    >>> pc.cells.tolist(), pc.record(0)["rank"]
    ([3, 2, 1], 1)
    >>> plan_cells(Grid.around(10.0, 50.0, radius_km=2.0, cell_km=1.0), plan,
    ...            sweep_width_km=0.5)
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: The plan has 4 cells but the grid has 16.
    """
    if plan.n_cells != grid.n_cells:
        raise InputError(
            f"The plan has {plan.n_cells} cells but the grid has {grid.n_cells}.",
            field="plan",
        )
    searched = np.flatnonzero(plan.effort_km > 0)
    order = np.lexsort((-plan.p[searched], -plan.effort_km[searched]))
    cells = searched[order].astype(np.int64)
    x, y = grid.cell_xy_km()
    lon, lat = grid.xy_km_to_lonlat(x[cells], y[cells])
    coverage = sweep_width_km * plan.effort_km[cells] / grid.cell_area_km2
    p_after, rest_after = plan.posterior_if_unsuccessful()
    return PlanCells(
        grid=grid,
        plan=plan,
        sweep_width_km=float(sweep_width_km),
        cells=cells,
        lon=np.asarray(lon, dtype=np.float64),
        lat=np.asarray(lat, dtype=np.float64),
        coverage=np.asarray(coverage, dtype=np.float64),
        p_if_unsuccessful=p_after,
        rest_of_world_if_unsuccessful=rest_after,
    )


def cell_outlines_lonlat(
    grid: Grid, cells: IntArray, *, points_per_side: int = 4
) -> FloatArray:
    """Closed, counter-clockwise outlines of cells in (lon, lat) degrees.

    Parameters
    ----------
    grid : Grid
        The grid the cells belong to.
    cells : ndarray of int of shape (n,)
        Cell indices (row-major from the south-west corner).
    points_per_side : int, default 4
        Segments per side; sides are straight in the grid's plane, slightly curved
        in (lon, lat).

    Returns
    -------
    ndarray of shape (n, 4 * points_per_side + 1, 2)
        ``[..., 0]`` longitudes and ``[..., 1]`` latitudes; each ring starts at the
        cell's south-west corner and ends there. The longitudes of a ring are
        continuous: a cell across the antimeridian has some past ±180.

    Examples
    --------
    >>> g = Grid.around(0.0, 0.0, radius_km=1.0, cell_km=1.0)
    >>> ring = cell_outlines_lonlat(g, np.array([0]), points_per_side=1)
    >>> ring.shape, bool((ring[0, 0] == ring[0, -1]).all())
    ((1, 5, 2), True)
    >>> cell_outlines_lonlat(g, np.array([], dtype=np.int64)).shape
    (0, 17, 2)
    """
    k = max(1, int(points_per_side))
    t = np.arange(k) / k
    # unit square, counter-clockwise from the SW corner
    ux = np.concatenate([t, np.ones(k), 1.0 - t, np.zeros(k), [0.0]])
    uy = np.concatenate([np.zeros(k), t, np.ones(k), 1.0 - t, [0.0]])
    cells = np.asarray(cells, dtype=np.int64)
    row, col = cells // grid.nx, cells % grid.nx
    x = grid.west_km + (col[:, None] + ux[None, :]) * grid.cell_km
    y = grid.south_km + (row[:, None] + uy[None, :]) * grid.cell_km
    lon, lat = grid.xy_km_to_lonlat(x, y)
    lon = unwrap_lon(lon, lon[:, :1])  # a cell across 180° stays in one piece
    return np.stack([lon, lat], axis=-1).reshape(cells.size, ux.size, 2)


def ring_parts(ring: FloatArray) -> list[FloatArray]:
    """A ring of :func:`cell_outlines_lonlat`, cut at 180° into rings within ±180°.

    GeoJSON, GPX and KML readers draw a ring that jumps from 180 to -180 across
    the whole globe; a cell across the antimeridian becomes its two halves.

    Examples
    --------
    >>> ring = np.array([[179.9, 0.0], [180.1, 0.0], [180.1, 0.1], [179.9, 0.1],
    ...                  [179.9, 0.0]])
    >>> [round(float(p[:, 0].min()), 1) for p in ring_parts(ring)]
    [179.9, -180.0]
    """
    if float(np.abs(ring[:, 0]).max()) <= 180.0:
        return [ring]
    import shapely

    cut = cut_at_antimeridian(shapely.Polygon(ring))
    return [np.asarray(p.exterior.coords) for p in cut.geoms]


def _area_names(pc: PlanCells, areas: PlanAreas | None) -> dict[int, str]:
    """Each cell's search area in the GPX and KML (``A1`` ...), by cell index.

    A cell of an area left out of those files (beyond their most areas) has none.
    """
    if areas is None:
        areas = plan_areas(pc)
    return {int(c): a.name for a in areas.areas for c in a.cells}


def plan_geojson(
    pc: PlanCells,
    *,
    title: str = "Search plan",
    areas: PlanAreas | None = None,
    estimate: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The plan as a GeoJSON FeatureCollection of cell polygons.

    Each cell's properties are a row of :func:`plan_csv`: ``area`` names the
    search area of the GPX and KML that holds it (``areas``, default
    :func:`plan_areas`), so that ``geosleuth searched --plan --areas A1,A3``
    records the areas a team searched; "" for a cell of an area those files
    leave out. ``estimate``, if given, is written as the collection's
    ``estimate``: what the plan was made on (its case's title and target, its
    ``as_of``), which ``geosleuth searched --plan`` checks.

    Examples
    --------
    >>> from geosleuth.plan import allocate_optimal
    >>> g = Grid.around(10.0, 50.0, radius_km=1.0, cell_km=1.0)
    >>> plan = allocate_optimal([0.7, 0.1, 0.1, 0.1], 1.0, sweep_width_km=0.5,
    ...                         area_km2=1.0)
    >>> fc = plan_geojson(plan_cells(g, plan, sweep_width_km=0.5))
    >>> len(fc["features"]), fc["features"][0]["properties"]["cell"]
    (1, 0)
    """
    rings = cell_outlines_lonlat(pc.grid, pc.cells)
    names = _area_names(pc, areas)
    features = []
    for k in range(pc.n):
        parts = [[np.round(r, 7).tolist()] for r in ring_parts(rings[k])]
        geometry = (
            {"type": "Polygon", "coordinates": parts[0]}
            if len(parts) == 1
            else {"type": "MultiPolygon", "coordinates": parts}
        )
        props = {**pc.record(k), "area": names.get(int(pc.cells[k]), "")}
        features.append({"type": "Feature", "geometry": geometry, "properties": props})
    return {
        "type": "FeatureCollection",
        "name": title,
        "plan": pc.summary(),
        **({"estimate": estimate} if estimate is not None else {}),
        "features": features,
    }


def plan_csv(pc: PlanCells, *, areas: PlanAreas | None = None) -> str:
    """The plan as CSV text, one row per searched cell, with a header row.

    ``area`` is the cell's search area in the GPX and KML, as in
    :func:`plan_geojson`.

    Examples
    --------
    >>> from geosleuth.plan import allocate_optimal
    >>> g = Grid.around(10.0, 50.0, radius_km=1.0, cell_km=1.0)
    >>> plan = allocate_optimal([0.25] * 4, 2.0, sweep_width_km=0.5, area_km2=1.0)
    >>> text = plan_csv(plan_cells(g, plan, sweep_width_km=0.5))
    >>> text.splitlines()[0]
    'rank,cell,row,col,lon,lat,p,effort_km,coverage,pod,p_found,p_if_unsuccessful,area'
    >>> len(text.splitlines())
    5
    """
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=_CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    names = _area_names(pc, areas)
    for k in range(pc.n):
        writer.writerow({**pc.record(k), "area": names.get(int(pc.cells[k]), "")})
    return buf.getvalue()


@dataclass(frozen=True, slots=True, eq=False)
class PlanArea:
    """Adjacent cells of a plan in one POD band, merged for a field team.

    ``polygons`` holds the area's outline as parts within ±180° of longitude,
    each ``(exterior, holes)``: arrays of shape ``(n, 2)`` of (lon, lat),
    closed, the exterior counter-clockwise and holes clockwise.
    """

    rank: int
    band: int
    cells: IntArray
    lon: float
    lat: float
    effort_km: float
    area_km2: float
    coverage: float
    p: float
    p_found: float
    polygons: list[tuple[FloatArray, list[FloatArray]]] = field(default_factory=list)
    #: cells of small areas beside it folded in (:func:`plan_areas`)
    folded_cells: int = 0

    @property
    def name(self) -> str:
        """``"A<rank>"``, the area's label in the files."""
        return f"A{self.rank}"

    @property
    def pod(self) -> float:
        """POD of the area: ``p_found / p`` (rounded down to 1e-6)."""
        return math.floor(self.p_found / self.p * 1e6) / 1e6 if self.p > 0 else 0.0

    @property
    def band_text(self) -> str:
        """The POD band, e.g. ``"POD 40-50 %"``."""
        lo = round(self.band * _BAND * 100)
        return f"POD {lo}-{lo + round(_BAND * 100)} %"

    def describe(self) -> str:
        """What a team is to do in the area, in one paragraph.

        POD, P(here) and P(found here) are rounded alike (:func:`pct`), so
        that they agree: POD 100 % with P(here) 89.0 % and P(found here) 88.9
        % read as a slip (review r60, L7).
        """
        folded = (
            f"; {_count(self.folded_cells, 'cell')} folded in from small areas "
            "beside it"
            if self.folded_cells
            else ""
        )
        return (
            f"Search {track_text(self.effort_km)} of track inside area {self.name} "
            f"({_count(int(self.cells.size), 'cell')}, {self.area_km2:.3g} km²; "
            f"coverage {self.coverage:.2f}{folded}): POD {pct(self.pod)} "
            f"({self.band_text}). "
            f"P(here) {pct(self.p)}, P(found here) {pct(self.p_found)}. The "
            "boundary outlines the area: search inside it, do not follow it."
        )


@dataclass(frozen=True, slots=True, eq=False)
class PlanAreas:
    """The search areas of a plan, as the GPX and KML give them.

    ``areas`` are the areas written, by rank (most probability found first);
    the ``left_out_*`` figures are those of the areas beyond ``max_areas``,
    which only the GeoJSON and CSV hold.
    """

    areas: list[PlanArea]
    max_areas: int
    left_out_areas: int
    left_out_cells: int
    left_out_effort_km: float
    left_out_p_found: float
    small_areas: int = 0
    small_effort_km: float = 0.0
    small_p_found: float = 0.0
    #: the least track an area was given to be written, in words, and why that
    #: much (see :func:`plan_areas`): "0.30 km", "1 % of the plan's track"
    min_track: str = "the sweep width"
    min_track_why: str = ""
    #: areas of less track folded into an area written that they touch
    folded_areas: int = 0

    @property
    def _why(self) -> str:
        return f" ({self.min_track_why})" if self.min_track_why else ""

    def text(self) -> str:
        """One or two sentences on how the cells became areas, and what is left out."""
        n = len(self.areas)
        cells = sum(int(a.cells.size) for a in self.areas)
        if n == 0 and self.small_areas and not self.left_out_areas:
            # review r105, L3: a budget shorter than a sweep width gives no area
            # a team can be sent to; said so, not as "0 search areas"
            which = (
                "the plan's one area was"
                if self.small_areas == 1
                else f"each of the plan's {self.small_areas:,} areas was"
            )
            return (
                f"No search area: {which} given less track than "
                f"{self.min_track}{self._why} "
                f"({track_text(self.small_effort_km)} in all, P(found) "
                f"{pct(self.small_p_found)}), too little to send a team to, so the "
                "GPX and KML hold none; the cells are in plan.geojson and plan.csv. "
                "A budget this small finds next to nothing: check that it is in km "
                "of track."
            )
        said = (
            f"{_count(n, 'search area')} ({_count(cells, 'cell')} merged by POD "
            "band, in tenths); each is a waypoint at its centre and its boundary."
        )
        if self.left_out_areas:
            said += (
                f" {_count(self.left_out_areas, 'more area')} "
                f"({_count(self.left_out_cells, 'cell')}, "
                f"{track_text(self.left_out_effort_km)} of track, P(found) "
                f"{pct(self.left_out_p_found)}) "
                f"{'is' if self.left_out_areas == 1 else 'are'} left out of the GPS "
                f"files, which hold at most {self.max_areas}; "
                f"{'it is' if self.left_out_areas == 1 else 'they are'} in "
                "plan.geojson and plan.csv."
            )
        why = f" ({self.min_track_why})" if self.min_track_why else ""
        if self.folded_areas:
            n = self.folded_areas
            said += (
                f" {n} area{'' if n == 1 else 's'} given less track than "
                f"{self.min_track}{why} "
                + (
                    "is folded into the area beside it that it touches most."
                    if n == 1
                    else "are folded into areas beside them, each into the one "
                    "it touches most."
                )
            )
        if self.small_areas:
            said += (
                f" {self.small_areas} area{'' if self.small_areas == 1 else 's'} "
                f"given less track than {self.min_track}{why} and beside none "
                f"({track_text(self.small_effort_km)} in all, P(found) "
                f"{pct(self.small_p_found)}) "
                f"{'is' if self.small_areas == 1 else 'are'} left out of the GPS "
                f"files too; {'it is' if self.small_areas == 1 else 'they are'} in "
                "plan.geojson and plan.csv."
            )
        if self.small_areas or self.left_out_areas:
            track = sum(a.effort_km for a in self.areas)
            found = sum(a.p_found for a in self.areas)
            all_track = track + self.left_out_effort_km + self.small_effort_km
            all_found = found + self.left_out_p_found + self.small_p_found
            said += (
                f" The areas in the GPS files take {track_text(track)} of the plan's "
                f"{track_text(all_track)} of track, and find the target with "
                f"probability {pct(found)} of its {pct(all_found)}."
            )
        return said


def _count(n: int, word: str) -> str:
    """``n`` and ``word``, plural unless ``n`` is 1.

    Examples
    --------
    >>> _count(1, "cell"), _count(3, "more area"), _count(0, "cell")
    ('1 cell', '3 more areas', '0 cells')
    """
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def _wrap_lon(lon: FloatArray) -> FloatArray:
    """Longitudes in [-180, 180): +180 is written -180, the same meridian."""
    return np.asarray((np.asarray(lon) + 180.0) % 360.0 - 180.0, dtype=np.float64)


def _area_polygons(
    grid: Grid, rows: IntArray, cols: IntArray
) -> list[tuple[FloatArray, list[FloatArray]]]:
    """The outline of a set of cells, in (lon, lat) parts within ±180°."""
    import shapely

    boxes = shapely.box(cols, rows, cols + 1, rows + 1)  # in cell units, exact
    merged = shapely.segmentize(
        shapely.simplify(shapely.coverage_union_all(boxes), 0.0), 1.0
    )

    def to_lonlat(ring: Any, ref: float | None) -> FloatArray:
        uv = np.asarray(ring.coords, dtype=np.float64)
        lon, lat = grid.xy_km_to_lonlat(
            grid.west_km + uv[:, 0] * grid.cell_km,
            grid.south_km + uv[:, 1] * grid.cell_km,
        )
        lon = np.asarray(lon, dtype=np.float64)
        lon = unwrap_lon(lon, lon[0] if ref is None else ref)
        return np.column_stack([lon, np.asarray(lat, dtype=np.float64)])

    out: list[tuple[FloatArray, list[FloatArray]]] = []
    for poly in getattr(merged, "geoms", [merged]):
        ext = to_lonlat(poly.exterior, None)
        holes = [to_lonlat(r, float(ext[0, 0])) for r in poly.interiors]
        shape = cut_at_antimeridian(shapely.Polygon(ext, holes))
        for part in getattr(shape, "geoms", [shape]):
            part = shapely.orient_polygons(part, exterior_cw=False)
            out.append(
                (
                    np.asarray(part.exterior.coords, dtype=np.float64),
                    [np.asarray(r.coords, dtype=np.float64) for r in part.interiors],
                )
            )
    return out


def plan_areas(
    pc: PlanCells,
    *,
    max_areas: int = MAX_FIELD_AREAS,
    min_track_km: float | None = None,
) -> PlanAreas:
    """Merge the cells of a plan into search areas a field team can use.

    Cells whose POD falls in the same tenth (0-10 %, ..., 90-100 %) and that
    touch (by a side or a corner) form one area. An area given less track than
    ``min_track_km`` is no area of its own (a sliver between two bands may get
    metres of track, and an outlying area a few tens of metres of a 30 km plan,
    which no team is sent out to walk): it is folded into an area it touches
    (:func:`_fold_small_areas`; its cells keep their own POD in the GeoJSON and
    CSV), or left out where it touches none (counted in the ``small_*``
    figures). The areas are ranked by the probability of finding the target in
    them (``p_found``; ties by band, then by first cell), and the first
    ``max_areas`` get their outline. Deterministic.

    Parameters
    ----------
    pc : PlanCells
        From :func:`plan_cells`.
    max_areas : int, default MAX_FIELD_AREAS
        The most areas to give; the rest are counted in the ``left_out_*``
        figures.
    min_track_km : float or None, default None
        The least track an area is given, to be written; by default the sweep
        width (a shorter track covers less than a square of its swath) or
        :data:`MIN_AREA_SHARE` of the plan's track, whichever is more.

    Returns
    -------
    PlanAreas

    Examples
    --------
    >>> from geosleuth.plan import allocate_optimal
    >>> g = Grid.around(10.0, 50.0, radius_km=2.0, cell_km=1.0)
    >>> plan = allocate_optimal([1 / 16] * 16, 8.0, sweep_width_km=0.5,
    ...                         area_km2=g.cell_area_km2)
    >>> areas = plan_areas(plan_cells(g, plan, sweep_width_km=0.5))
    >>> [(a.name, a.cells.size, a.band_text) for a in areas.areas]
    [('A1', 16, 'POD 20-30 %')]
    >>> round(areas.areas[0].effort_km, 6), len(areas.areas[0].polygons)
    (8.0, 1)

    Edge case, no room for any area: all of them are counted as left out.

    >>> plan_areas(plan_cells(g, plan, sweep_width_km=0.5), max_areas=0).left_out_cells
    16
    """
    grid, plan = pc.grid, pc.plan
    cells = np.sort(pc.cells)
    pod = np.asarray(plan.pod, dtype=np.float64)
    bands = np.clip(np.floor(pod[cells] / _BAND + 1e-9).astype(np.int64), 0, 9)
    flat_bands = np.full(grid.n_cells, -1, dtype=np.int64)
    flat_bands[cells] = bands
    raster = flat_bands.reshape(grid.ny, grid.nx)
    found = np.asarray(plan.p * plan.pod, dtype=np.float64)
    groups: list[tuple[int, IntArray]] = []
    for band in np.unique(bands).tolist():
        # cells that share a side or a corner: a band's ring one cell wide runs
        # diagonally in steps that touch at corners only
        labels, n = ndimage.label(raster == band, structure=np.ones((3, 3)))
        flat = labels.ravel()
        members = np.flatnonzero(flat)
        order = np.argsort(flat[members], kind="stable")
        members = members[order]
        starts = np.searchsorted(flat[members], np.arange(1, n + 1))
        groups.extend(
            (int(band), part.astype(np.int64)) for part in np.split(members, starts[1:])
        )
    effort_km = np.asarray(plan.effort_km, dtype=np.float64)
    share = MIN_AREA_SHARE * float(effort_km.sum())
    least = max(pc.sweep_width_km, share) if min_track_km is None else min_track_km
    least_text, least_why = track_text(least), ""
    if least == pc.sweep_width_km:
        least_text = "the sweep width"
    elif min_track_km is None:
        least_why = f"{100 * MIN_AREA_SHARE:g} % of the plan's track"
    areas_in = [(b, c) for b, c in groups if c.size]
    big, folded, left = _fold_small_areas(
        grid,
        areas_in,
        effort_km,
        least_km=least,
        sweep_width_km=pc.sweep_width_km,
        cap_km=share,
    )
    stats: list[tuple[float, int, int, IntArray, int]] = []
    for (band, c), extra in zip(big, folded, strict=True):
        merged = np.sort(np.concatenate([c, *extra])) if extra else c
        n_extra = int(sum(e.size for e in extra))
        stats.append((float(found[merged].sum()), band, int(c[0]), merged, n_extra))
    small = [(float(found[c].sum()), -1, int(c[0]), c) for c in left]
    stats.sort(key=lambda t: (-t[0], -t[1], t[2]))
    small_cells = np.concatenate([t[3] for t in small]) if small else cells[:0]
    limit = max(0, int(max_areas))
    areas: list[PlanArea] = []
    x, y = grid.cell_xy_km()
    for rank, (p_found, band, _, c, n_extra) in enumerate(stats[:limit], start=1):
        rows, cols = c // grid.nx, c % grid.nx
        # the centre: the area's cell nearest its mean position (always inside)
        d2 = (cols - cols.mean()) ** 2 + (rows - rows.mean()) ** 2
        mid = int(c[int(np.argmin(d2))])
        lon, lat = grid.xy_km_to_lonlat(x[mid], y[mid])
        effort = float(plan.effort_km[c].sum())
        area_km2 = float(c.size * grid.cell_area_km2)
        areas.append(
            PlanArea(
                rank=rank,
                band=band,
                cells=c,
                lon=float(_wrap_lon(np.asarray(lon))),
                lat=float(lat),
                effort_km=effort,
                area_km2=area_km2,
                coverage=pc.sweep_width_km * effort / area_km2,
                p=float(plan.p[c].sum()),
                p_found=p_found,
                polygons=_area_polygons(grid, rows, cols),
                folded_cells=n_extra,
            )
        )
    rest = stats[limit:]
    rest_cells = np.concatenate([t[3] for t in rest]) if rest else cells[:0]
    return PlanAreas(
        areas=areas,
        max_areas=limit,
        left_out_areas=len(rest),
        left_out_cells=int(rest_cells.size),
        left_out_effort_km=float(plan.effort_km[rest_cells].sum()),
        left_out_p_found=float(found[rest_cells].sum()),
        small_areas=len(small),
        small_effort_km=float(effort_km[small_cells].sum()),
        small_p_found=float(found[small_cells].sum()),
        min_track=least_text,
        min_track_why=least_why,
        folded_areas=sum(len(e) for e in folded),
    )


def _fold_small_areas(
    grid: Grid,
    areas: list[tuple[int, IntArray]],
    effort_km: FloatArray,
    *,
    least_km: float,
    sweep_width_km: float,
    cap_km: float,
) -> tuple[list[tuple[int, IntArray]], list[list[IntArray]], list[IntArray]]:
    """Areas of too little track folded into one beside them; the areas that stay.

    An area given at least ``least_km`` stays. One given less (no team is sent
    out for it) that touches one that stays, by a side or a corner, joins the
    one whose cells it touches most (the first of equals): its track stays in
    the files, inside an area a team searches anyway. Small areas do not chain
    (one touching only another small area is not folded through it), so a map
    of many small areas does not become one. What touches none would be left
    out; while that would leave out more than ``cap_km`` of track, the small
    area of the most track (at least ``sweep_width_km``; of equals, the first
    cell's) stays as an area of its own, and the small areas beside it join
    it. So no more than ``cap_km`` of track is left out, but for slivers of
    less than the sweep width.

    Returns the areas that stay ``(band, cells)``, for each the cells folded
    into it, and the small areas left out.
    """
    owner = np.full(grid.n_cells, -1, dtype=np.int64)  # the areas that stay
    kept: list[tuple[int, IntArray]] = []
    folded: list[list[IntArray]] = []

    def neighbours(c: IntArray) -> IntArray:
        rows, cols = c // grid.nx, c % grid.nx
        near = []
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                r, q = rows + dr, cols + dc
                ok = (r >= 0) & (r < grid.ny) & (q >= 0) & (q < grid.nx)
                near.append(r[ok] * grid.nx + q[ok])
        return np.concatenate(near)

    def keep(band: int, c: IntArray) -> None:
        owner[c] = len(kept)
        kept.append((band, c))
        folded.append([])

    small: list[tuple[int, IntArray]] = []
    for band, c in areas:
        if float(effort_km[c].sum()) >= least_km:
            keep(band, c)
        else:
            small.append((band, c))
    tracks = [float(effort_km[c].sum()) for _, c in small]
    alive = [True] * len(small)
    pending_of = np.full(grid.n_cells, -1, dtype=np.int64)
    for i, (_, c) in enumerate(small):
        touched = owner[neighbours(c)]
        touched = touched[touched >= 0]
        if touched.size:
            folded[int(np.bincount(touched).argmax())].append(c)
            alive[i] = False
        else:
            pending_of[c] = i
    left_km = sum(t for t, a in zip(tracks, alive, strict=True) if a)
    order = sorted(range(len(small)), key=lambda i: (-tracks[i], int(small[i][1][0])))
    for i in order:  # the small area of the most track first
        if left_km <= cap_km or tracks[i] < sweep_width_km:
            break
        if not alive[i]:
            continue
        alive[i] = False
        left_km -= tracks[i]
        keep(*small[i])
        beside = np.unique(pending_of[neighbours(small[i][1])])
        for j in beside[beside >= 0].tolist():
            if alive[j]:
                alive[j] = False
                left_km -= tracks[j]
                folded[-1].append(small[j][1])
    return kept, folded, [c for (_, c), a in zip(small, alive, strict=True) if a]


# Characters XML 1.0 forbids (ElementTree writes them as they are, and the file no
# longer parses): C0 controls but tab, newline and return; lone surrogates; FFFE/F.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_bytes(root: ET.Element) -> bytes:
    """Serialise ``root``; text XML cannot hold becomes U+FFFD, so the file parses.

    Bidi controls are dropped (:func:`~geosleuth.report.text.plain`), as in the
    report: a case title with an unterminated override would reverse the
    figures a GPS unit shows after it.
    """
    for el in root.iter():
        if el.text:
            el.text = _NOT_XML.sub("\ufffd", plain(el.text))
    ET.indent(root)
    text: bytes = ET.tostring(root, encoding="UTF-8", xml_declaration=True)
    return text + b"\n"


def _lonlat_attrs(lon: float, lat: float, *, on_ring: bool = False) -> dict[str, str]:
    """GPX ``lat``/``lon`` attributes; lon in [-180, 180) as GPX 1.1 requires.

    A waypoint at +180 is written -180, the same meridian. A ring point at +180
    (where a part cut at the antimeridian ends) is written 179.9999999, 1 cm
    west: -180 would make a GPS draw the ring's edge round the whole globe.
    """
    text = f"{lon:.7f}"
    if float(text) >= 180.0:  # also 179.99999996, which prints as 180.0000000
        text = "179.9999999" if on_ring else f"{lon - 360.0:.7f}"
    return {"lat": f"{lat:.7f}", "lon": text}


def plan_gpx(
    pc: PlanCells,
    *,
    title: str = "Search plan",
    areas: PlanAreas | None = None,
    warning: str | None = None,
) -> bytes:
    """The plan as GPX 1.1: a waypoint and a boundary per search area.

    The cells are merged into search areas by :func:`plan_areas` (at most
    :data:`MAX_FIELD_AREAS`). Each area is a waypoint at its centre, whose
    description says how much track to spend in it and the POD it gives, and a
    track named "<area> boundary" (type ``boundary``) along its outline, one
    segment per ring: an outline to search inside, not a leg to follow.
    Longitudes are in [-180, 180): a waypoint at +180 is written -180, and a
    boundary point at +180 (a part cut at the antimeridian) 179.9999999.

    Examples
    --------
    >>> from geosleuth.plan import allocate_optimal
    >>> g = Grid.around(10.0, 50.0, radius_km=1.0, cell_km=1.0)
    >>> plan = allocate_optimal([0.7, 0.1, 0.1, 0.1], 1.0, sweep_width_km=0.5,
    ...                         area_km2=1.0)
    >>> root = ET.fromstring(plan_gpx(plan_cells(g, plan, sweep_width_km=0.5),
    ...                               title="A & B <search>"))
    >>> ns = {"g": "http://www.topografix.com/GPX/1/1"}
    >>> root.find("g:metadata/g:name", ns).text
    'A & B <search>'
    >>> [w.find("g:name", ns).text for w in root.findall("g:wpt", ns)]
    ['A1 POD 30-40 %']
    >>> [t.find("g:name", ns).text for t in root.findall("g:trk", ns)]
    ['A1 boundary']
    """
    if areas is None:
        areas = plan_areas(pc)
    ET.register_namespace("", _GPX_NS)
    q = f"{{{_GPX_NS}}}"
    root = ET.Element(f"{q}gpx", {"version": "1.1", "creator": "geosleuth"})
    meta = ET.SubElement(root, f"{q}metadata")
    ET.SubElement(meta, f"{q}name").text = title
    ET.SubElement(meta, f"{q}desc").text = _plan_text(pc, areas, warning)
    for area in areas.areas:
        wpt = ET.SubElement(root, f"{q}wpt", _lonlat_attrs(area.lon, area.lat))
        ET.SubElement(wpt, f"{q}name").text = f"{area.name} {area.band_text}"
        ET.SubElement(wpt, f"{q}desc").text = area.describe()
        ET.SubElement(wpt, f"{q}sym").text = "Flag, Blue"
    for area in areas.areas:
        trk = ET.SubElement(root, f"{q}trk")
        ET.SubElement(trk, f"{q}name").text = f"{area.name} boundary"
        ET.SubElement(trk, f"{q}desc").text = area.describe()
        ET.SubElement(trk, f"{q}type").text = "boundary"
        for exterior, holes in area.polygons:
            for ring in (exterior, *holes):
                seg = ET.SubElement(trk, f"{q}trkseg")
                for lon, lat in ring:
                    ET.SubElement(
                        seg, f"{q}trkpt", _lonlat_attrs(lon, lat, on_ring=True)
                    )
    return _xml_bytes(root)


def _kml_coordinates(ring: FloatArray) -> str:
    return " ".join(f"{lon:.7f},{lat:.7f}" for lon, lat in ring)


def plan_kml(
    pc: PlanCells,
    *,
    title: str = "Search plan",
    areas: PlanAreas | None = None,
    warning: str | None = None,
) -> bytes:
    """The plan as KML 2.2: one placemark per search area, its polygon and centre.

    The cells are merged into search areas by :func:`plan_areas` (at most
    :data:`MAX_FIELD_AREAS`); polygons have their holes as inner rings, and
    every ring is counter-clockwise, as KML asks.

    Examples
    --------
    >>> from geosleuth.plan import allocate_optimal
    >>> g = Grid.around(10.0, 50.0, radius_km=1.0, cell_km=1.0)
    >>> plan = allocate_optimal([0.7, 0.1, 0.1, 0.1], 1.0, sweep_width_km=0.5,
    ...                         area_km2=1.0)
    >>> root = ET.fromstring(plan_kml(plan_cells(g, plan, sweep_width_km=0.5)))
    >>> ns = {"k": "http://www.opengis.net/kml/2.2"}
    >>> [p.find("k:name", ns).text for p in root.iter(f"{{{ns['k']}}}Placemark")]
    ['A1 POD 30-40 %']
    """
    if areas is None:
        areas = plan_areas(pc)
    ET.register_namespace("", _KML_NS)
    q = f"{{{_KML_NS}}}"
    root = ET.Element(f"{q}kml")
    doc = ET.SubElement(root, f"{q}Document")
    ET.SubElement(doc, f"{q}name").text = title
    ET.SubElement(doc, f"{q}description").text = _plan_text(pc, areas, warning)
    style = ET.SubElement(doc, f"{q}Style", {"id": "area"})
    line = ET.SubElement(style, f"{q}LineStyle")
    ET.SubElement(line, f"{q}color").text = "ff0000ff"
    ET.SubElement(line, f"{q}width").text = "2"
    poly_style = ET.SubElement(style, f"{q}PolyStyle")
    ET.SubElement(poly_style, f"{q}color").text = "400000ff"
    folder = ET.SubElement(doc, f"{q}Folder")
    ET.SubElement(folder, f"{q}name").text = "Areas to search, by rank"
    for area in areas.areas:
        mark = ET.SubElement(folder, f"{q}Placemark")
        ET.SubElement(mark, f"{q}name").text = f"{area.name} {area.band_text}"
        ET.SubElement(mark, f"{q}description").text = area.describe()
        ET.SubElement(mark, f"{q}styleUrl").text = "#area"
        ext = ET.SubElement(mark, f"{q}ExtendedData")
        for key, value in (
            ("cells", int(area.cells.size)),
            ("area_km2", round(area.area_km2, 6)),
            ("effort_km", round(area.effort_km, 6)),
            ("coverage", round(area.coverage, 6)),
            ("pod", area.pod),
            ("p", area.p),
            ("p_found", area.p_found),
        ):
            data = ET.SubElement(ext, f"{q}Data", {"name": key})
            ET.SubElement(data, f"{q}value").text = repr(value)
        multi = ET.SubElement(mark, f"{q}MultiGeometry")
        point = ET.SubElement(multi, f"{q}Point")
        ET.SubElement(point, f"{q}coordinates").text = f"{area.lon:.7f},{area.lat:.7f}"
        for exterior, holes in area.polygons:
            polygon = ET.SubElement(multi, f"{q}Polygon")
            outer = ET.SubElement(polygon, f"{q}outerBoundaryIs")
            ring_el = ET.SubElement(outer, f"{q}LinearRing")
            ET.SubElement(ring_el, f"{q}coordinates").text = _kml_coordinates(exterior)
            for hole in holes:
                inner = ET.SubElement(polygon, f"{q}innerBoundaryIs")
                ring_el = ET.SubElement(inner, f"{q}LinearRing")
                # KML wants every ring counter-clockwise; the holes are held
                # clockwise, as GeoJSON has them
                ET.SubElement(ring_el, f"{q}coordinates").text = _kml_coordinates(
                    hole[::-1]
                )
    return _xml_bytes(root)


def _plan_text(
    pc: PlanCells, areas: PlanAreas | None = None, warning: str | None = None
) -> str:
    """The plan in a sentence or two, for a GPX's or KML's description.

    A ``warning`` (the map is the prior alone) goes first.
    """
    s = pc.summary()
    text = (
        f"{s['budget_km']:g} km of track, sweep width {s['sweep_width_km']:g} km, "
        f"{_count(s['cells_searched'], 'cell')} of {s['cell_area_km2']:g} km². "
        "Probability of "
        f"success {percent_down(s['pos'], decimals=1)}; expected effort "
        f"{s['expected_effort_km']:.1f} km."
    )
    text = text if areas is None else f"{text} {areas.text()}"
    return text if warning is None else f"WARNING: {warning} {text}"


def write_plan_files(
    out_dir: PathLike,
    pc: PlanCells,
    *,
    title: str = "Search plan",
    areas: PlanAreas | None = None,
    estimate: dict[str, Any] | None = None,
    warning: str | None = None,
) -> dict[str, Path]:
    """Write ``plan.geojson``, ``plan.csv``, ``plan.gpx`` and ``plan.kml``.

    Parameters
    ----------
    out_dir : str or os.PathLike
        Folder to write to; created if missing. The files are written as one set
        (:func:`~geosleuth.report.files.write_all_atomic`): on a failure none is
        replaced, and older plan files stay as they were.
    pc : PlanCells
        From :func:`plan_cells`.
    title : str, default "Search plan"
        Name of the plan in the GeoJSON, GPX and KML.
    areas : PlanAreas, optional
        The search areas for the GPX and KML; default ``plan_areas(pc)``.
    estimate : dict, optional
        What the plan was made on, for the GeoJSON's ``estimate``
        (:func:`plan_geojson`).
    warning : str, optional
        A warning about the plan (its map is the prior alone), put first in the
        GPX's and KML's description.

    Returns
    -------
    dict of str to Path
        The path of each file, keyed ``"geojson"``, ``"csv"``, ``"gpx"``, ``"kml"``.
    """
    out = Path(out_dir)
    paths = {ext: out / f"plan.{ext}" for ext in ("geojson", "csv", "gpx", "kml")}
    if areas is None:
        areas = plan_areas(pc)
    # everything is made before anything is written, and written all or nothing:
    # a failure leaves no plan.geojson that 'geosleuth searched --plan' would
    # take for a plan carried out, and no new file beside old ones
    geojson = json.dumps(
        plan_geojson(pc, title=title, areas=areas, estimate=estimate),
        ensure_ascii=False,
    )
    write_all_atomic(
        {
            paths["geojson"]: geojson.encode("utf-8"),
            paths["csv"]: plan_csv(pc, areas=areas).encode("utf-8"),
            paths["gpx"]: plan_gpx(pc, title=title, areas=areas, warning=warning),
            paths["kml"]: plan_kml(pc, title=title, areas=areas, warning=warning),
        }
    )
    return paths
