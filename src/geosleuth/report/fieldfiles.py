"""A search plan as files for field teams: GeoJSON, CSV, GPX and KML.

Every file lists the cells that the plan gives effort to, likeliest first (rank 1
is where the plan puts the most track), with each cell's probability ``p`` (the
plan's, so with any rest-of-world mass already set aside), track length
``effort_km``, ``coverage`` (sweep width x track / cell area), probability of
detection ``pod``, ``p_found = p * pod`` and ``p_if_unsuccessful``, the probability
the cell would hold if the whole plan found nothing. Cell outlines are the grid's
square cells in its equal-area plane, densified along each side and unprojected to
(lon, lat) in degrees, WGS84.

- ``plan.geojson``: a FeatureCollection of cell polygons (RFC 7946, rings
  counter-clockwise) with those numbers as properties, and the plan's summary as
  the foreign member ``"plan"``.
- ``plan.csv``: one row per cell, centres as ``lon``/``lat`` columns.
- ``plan.gpx``: GPX 1.1, a waypoint at each cell centre and a track along each
  cell's outline, for GPS units.
- ``plan.kml``: KML 2.2, one placemark per cell with its outline and centre.

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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from geosleuth._types import FloatArray, IntArray, PathLike
from geosleuth.errors import InputError
from geosleuth.geometry import cut_at_antimeridian
from geosleuth.grid import Grid, unwrap_lon
from geosleuth.plan import SearchPlan
from geosleuth.report.files import write_atomic

__all__ = [
    "PlanCells",
    "cell_outlines_lonlat",
    "plan_cells",
    "plan_csv",
    "plan_geojson",
    "plan_gpx",
    "plan_kml",
    "ring_parts",
    "write_plan_files",
]

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


def plan_geojson(pc: PlanCells, *, title: str = "Search plan") -> dict[str, Any]:
    """The plan as a GeoJSON FeatureCollection of cell polygons.

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
    features = []
    for k in range(pc.n):
        parts = [[np.round(r, 7).tolist()] for r in ring_parts(rings[k])]
        geometry = (
            {"type": "Polygon", "coordinates": parts[0]}
            if len(parts) == 1
            else {"type": "MultiPolygon", "coordinates": parts}
        )
        features.append(
            {"type": "Feature", "geometry": geometry, "properties": pc.record(k)}
        )
    return {
        "type": "FeatureCollection",
        "name": title,
        "plan": pc.summary(),
        "features": features,
    }


def plan_csv(pc: PlanCells) -> str:
    """The plan as CSV text, one row per searched cell, with a header row.

    Examples
    --------
    >>> from geosleuth.plan import allocate_optimal
    >>> g = Grid.around(10.0, 50.0, radius_km=1.0, cell_km=1.0)
    >>> plan = allocate_optimal([0.25] * 4, 2.0, sweep_width_km=0.5, area_km2=1.0)
    >>> text = plan_csv(plan_cells(g, plan, sweep_width_km=0.5))
    >>> text.splitlines()[0]
    'rank,cell,row,col,lon,lat,p,effort_km,coverage,pod,p_found,p_if_unsuccessful'
    >>> len(text.splitlines())
    5
    """
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=_CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for k in range(pc.n):
        writer.writerow(pc.record(k))
    return buf.getvalue()


def _describe(rec: dict[str, Any]) -> str:
    return (
        f"Search {rec['effort_km']:.2f} km of track (coverage {rec['coverage']:.2f}, "
        f"POD {rec['pod']:.0%}). P(here) = {rec['p']:.4f}; "
        f"if nothing is found: {rec['p_if_unsuccessful']:.4f}."
    )


# Characters XML 1.0 forbids (ElementTree writes them as they are, and the file no
# longer parses): C0 controls but tab, newline and return; lone surrogates; FFFE/F.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_bytes(root: ET.Element) -> bytes:
    """Serialise ``root``; text XML cannot hold becomes U+FFFD, so the file parses."""
    for el in root.iter():
        if el.text:
            el.text = _NOT_XML.sub("\ufffd", el.text)
    ET.indent(root)
    text: bytes = ET.tostring(root, encoding="UTF-8", xml_declaration=True)
    return text + b"\n"


def plan_gpx(pc: PlanCells, *, title: str = "Search plan") -> bytes:
    """The plan as GPX 1.1: cell-centre waypoints and cell-outline tracks.

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
    ['#1 cell 0']
    """
    ET.register_namespace("", _GPX_NS)
    q = f"{{{_GPX_NS}}}"
    root = ET.Element(f"{q}gpx", {"version": "1.1", "creator": "geosleuth"})
    meta = ET.SubElement(root, f"{q}metadata")
    ET.SubElement(meta, f"{q}name").text = title
    ET.SubElement(meta, f"{q}desc").text = _plan_text(pc)
    records = [pc.record(k) for k in range(pc.n)]
    for rec in records:
        wpt = ET.SubElement(
            root, f"{q}wpt", {"lat": f"{rec['lat']:.7f}", "lon": f"{rec['lon']:.7f}"}
        )
        ET.SubElement(wpt, f"{q}name").text = f"#{rec['rank']} cell {rec['cell']}"
        ET.SubElement(wpt, f"{q}desc").text = _describe(rec)
        ET.SubElement(wpt, f"{q}sym").text = "Flag, Blue"
    rings = cell_outlines_lonlat(pc.grid, pc.cells)
    for rec, ring in zip(records, rings, strict=True):
        trk = ET.SubElement(root, f"{q}trk")
        ET.SubElement(
            trk, f"{q}name"
        ).text = f"#{rec['rank']} cell {rec['cell']} outline"
        ET.SubElement(trk, f"{q}desc").text = _describe(rec)
        for part in ring_parts(ring):
            seg = ET.SubElement(trk, f"{q}trkseg")
            for lon, lat in part:
                ET.SubElement(
                    seg, f"{q}trkpt", {"lat": f"{lat:.7f}", "lon": f"{lon:.7f}"}
                )
    return _xml_bytes(root)


def plan_kml(pc: PlanCells, *, title: str = "Search plan") -> bytes:
    """The plan as KML 2.2: one placemark per cell with its outline and centre.

    Examples
    --------
    >>> from geosleuth.plan import allocate_optimal
    >>> g = Grid.around(10.0, 50.0, radius_km=1.0, cell_km=1.0)
    >>> plan = allocate_optimal([0.7, 0.1, 0.1, 0.1], 1.0, sweep_width_km=0.5,
    ...                         area_km2=1.0)
    >>> root = ET.fromstring(plan_kml(plan_cells(g, plan, sweep_width_km=0.5)))
    >>> ns = {"k": "http://www.opengis.net/kml/2.2"}
    >>> [p.find("k:name", ns).text for p in root.iter(f"{{{ns['k']}}}Placemark")]
    ['#1 cell 0']
    """
    ET.register_namespace("", _KML_NS)
    q = f"{{{_KML_NS}}}"
    root = ET.Element(f"{q}kml")
    doc = ET.SubElement(root, f"{q}Document")
    ET.SubElement(doc, f"{q}name").text = title
    ET.SubElement(doc, f"{q}description").text = _plan_text(pc)
    style = ET.SubElement(doc, f"{q}Style", {"id": "cell"})
    line = ET.SubElement(style, f"{q}LineStyle")
    ET.SubElement(line, f"{q}color").text = "ff0000ff"
    ET.SubElement(line, f"{q}width").text = "2"
    poly_style = ET.SubElement(style, f"{q}PolyStyle")
    ET.SubElement(poly_style, f"{q}color").text = "400000ff"
    folder = ET.SubElement(doc, f"{q}Folder")
    ET.SubElement(folder, f"{q}name").text = "Cells to search, by rank"
    rings = cell_outlines_lonlat(pc.grid, pc.cells)
    for k in range(pc.n):
        rec = pc.record(k)
        mark = ET.SubElement(folder, f"{q}Placemark")
        ET.SubElement(mark, f"{q}name").text = f"#{rec['rank']} cell {rec['cell']}"
        ET.SubElement(mark, f"{q}description").text = _describe(rec)
        ET.SubElement(mark, f"{q}styleUrl").text = "#cell"
        ext = ET.SubElement(mark, f"{q}ExtendedData")
        for key in ("p", "effort_km", "coverage", "pod", "p_if_unsuccessful"):
            data = ET.SubElement(ext, f"{q}Data", {"name": key})
            ET.SubElement(data, f"{q}value").text = repr(rec[key])
        multi = ET.SubElement(mark, f"{q}MultiGeometry")
        point = ET.SubElement(multi, f"{q}Point")
        ET.SubElement(
            point, f"{q}coordinates"
        ).text = f"{rec['lon']:.7f},{rec['lat']:.7f}"
        for part in ring_parts(rings[k]):
            polygon = ET.SubElement(multi, f"{q}Polygon")
            outer = ET.SubElement(polygon, f"{q}outerBoundaryIs")
            ring_el = ET.SubElement(outer, f"{q}LinearRing")
            ET.SubElement(ring_el, f"{q}coordinates").text = " ".join(
                f"{lon:.7f},{lat:.7f}" for lon, lat in part
            )
    return _xml_bytes(root)


def _plan_text(pc: PlanCells) -> str:
    s = pc.summary()
    return (
        f"{s['budget_km']:g} km of track, sweep width {s['sweep_width_km']:g} km, "
        f"{s['cells_searched']} cells of {s['cell_area_km2']:g} km². Probability of "
        f"success {s['pos']:.1%}; expected effort {s['expected_effort_km']:.1f} km."
    )


def write_plan_files(
    out_dir: PathLike, pc: PlanCells, *, title: str = "Search plan"
) -> dict[str, Path]:
    """Write ``plan.geojson``, ``plan.csv``, ``plan.gpx`` and ``plan.kml``.

    Parameters
    ----------
    out_dir : str or os.PathLike
        Folder to write to; created if missing. Each file is written atomically.
    pc : PlanCells
        From :func:`plan_cells`.
    title : str, default "Search plan"
        Name of the plan in the GeoJSON, GPX and KML.

    Returns
    -------
    dict of str to Path
        The path of each file, keyed ``"geojson"``, ``"csv"``, ``"gpx"``, ``"kml"``.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {ext: out / f"plan.{ext}" for ext in ("geojson", "csv", "gpx", "kml")}
    geojson = json.dumps(plan_geojson(pc, title=title), ensure_ascii=False)
    write_atomic(paths["geojson"], geojson.encode("utf-8"))
    write_atomic(paths["csv"], plan_csv(pc).encode("utf-8"))
    write_atomic(paths["gpx"], plan_gpx(pc, title=title))
    write_atomic(paths["kml"], plan_kml(pc, title=title))
    return paths
