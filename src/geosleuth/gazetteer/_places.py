"""Places of the gazetteer other than divisions: towns, countries, continents.

GeoNames ``cities500`` towns with their alternate names, countries with their
Natural Earth shapes and conventional points, continents, and the curated rows of
``places.csv`` and ``regions.geojson`` (villages, rivers, borders, deserts), each
added to the index builder with its source. First- and second-level divisions
are in :mod:`geosleuth.gazetteer._divisions`.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from geosleuth.gazetteer._index import (
    K_CITY,
    K_CONTINENT,
    K_COUNTRY,
    K_TOWN,
    K_VILLAGE,
    KINDS,
    _Builder,
)
from geosleuth.gazetteer._names import is_latin, norm_key
from geosleuth.gazetteer._sources import (
    SRC_CONTINENT,
    SRC_COUNTRY,
    SRC_COUNTRY_POINT,
    SRC_GEONAMES,
    _country_points,
    _curated_country_centres,
    _data_bytes,
    _natural_earth_countries,
)

__all__ = [
    "CITY_ALIASES",
    "COUNTRY_ALIASES",
    "_add_cities",
    "_add_continents",
    "_add_countries",
    "_add_curated_places",
    "_add_regions",
    "_keep_alternate",
    "_largest_town",
]

#: Common short forms of major cities, by GeoNames id (AP style, public knowledge).
CITY_ALIASES: dict[int, tuple[str, ...]] = {
    5368361: ("L.A.",),  # Los Angeles
    4560349: ("Phila.", "Philly"),  # Philadelphia
    5128581: ("NYC", "N.Y.C."),  # New York City
    5391959: ("S.F.",),  # San Francisco
    4335045: ("NOLA",),  # New Orleans
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


def _off_shape(geometry: dict[str, Any], lon: float, lat: float) -> bool:
    """Whether (lon, lat) lies more than half a degree from the shape.

    The Factbook rounds to whole or half degrees, which for a small or
    scattered country can land at sea (Fiji at 18 S 175 E, 2 degrees west of
    its islands; Kuwait at 45.75 E, in Iraq): its centroid serves better.
    """
    from shapely.geometry import Point, shape

    return bool(shape(geometry).distance(Point(lon, lat)) > 0.5)


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
