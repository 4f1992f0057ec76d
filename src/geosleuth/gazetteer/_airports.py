"""Airports of the gazetteer: those with an IATA code, from ``airportsdata``.

The ``airportsdata`` package (MIT licence) lists about 28,000 airports with
their ICAO and IATA codes, name, city, country and position; it says nothing of
their size or service, so only the 7,900 with an IATA code (those that sell
tickets, as a rule) are kept. Each is a place of kind ``airport`` at its
listed point, in the first-level division of the nearest town of its country.

An airport's name is no key of the gazetteer's name lookup (``Heathrow``
alone still names what it named before): the reader asks for airports only
where a text says so ("Heathrow airport", "the airport of Perth"), by the
keys of :func:`airport_keys`, and weighs them by the people of the town each
serves (:attr:`Index.served`: its listed town's, or the largest town's within
30 km where that has more), since the source gives no traffic.
"""

from __future__ import annotations

import math
import re

import numpy as np

from geosleuth.gazetteer._index import K_AIRPORT, K_VILLAGE, _Builder
from geosleuth.gazetteer._names import norm_key
from geosleuth.geometry import haversine_km

__all__ = ["SRC_AIRPORT", "_add_airports", "airport_keys"]

SRC_AIRPORT = "airportsdata (MIT licence; from OurAirports and others): IATA airports"

#: Words that end an airport's name and say what it is, not which one.
_TAIL = frozenset(
    {
        "airport", "international", "intl", "regional", "municipal", "domestic",
        "county", "field", "airfield", "aerodrome", "airstrip", "airpark", "air",
        "base", "station", "heliport", "jetport", "metropolitan", "national",
    }
)  # fmt: skip
#: Words that name no airport alone: "New airport", "City airport".
_NOT_ALONE = frozenset(
    {
        "new", "old", "city", "de", "del", "da", "do", "la", "le", "el", "los",
        "las", "san", "santa", "saint", "sao", "st", "general", "president",
        "presidente", "john", "the", "of", "and", "f", "lake", "island", "north",
        "south", "east", "west", "central", "upper", "lower", "port", "fort",
        "mount", "capitan", "don", "dr", "sir", "king", "queen", "prince", "rio",
    }
)  # fmt: skip
#: How far (km) from its airport the town it serves may lie.
_SERVED_KM = 100.0
#: An airport serves the largest town this near it (km) too: Vancouver's,
#: whose listed town is Richmond; the chord on the unit sphere.
_AROUND_KM = 30.0
_AROUND_CHORD = 2.0 * math.sin(_AROUND_KM / 6371.0 / 2.0)
#: Match qualities of an airport key: its whole name, a run of its words,
#: the town it serves.
Q_NAME, Q_WORDS, Q_CITY = 0, 1, 2


def airport_keys(name: str, city: str) -> list[tuple[str, int]]:
    """The keys a text may call an airport by, with their quality.

    Its name without the words that say what it is ("London Heathrow" of
    "London Heathrow Airport"), every run of its words ("Heathrow", "Logan"
    of "General Edward Lawrence Logan International Airport"), the names in
    its brackets, and the town it serves.

    >>> airport_keys("London Heathrow Airport", "London")[:3]
    [('london heathrow', 0), ('london', 1), ('heathrow', 1)]
    >>> ("cache", 1) in airport_keys("Logan-Cache Airport", "Logan")
    True
    >>> airport_keys("Dublin Airport", "Dublin")
    [('dublin', 0)]
    """
    out: dict[str, int] = {}
    parts = [re.sub(r"\([^)]*\)", " ", name), *re.findall(r"\(([^)]*)\)", name)]
    for part in parts:
        words = norm_key(part).split()
        while words and words[-1] in _TAIL:
            words.pop()
        if not words:
            continue
        out.setdefault(" ".join(words), Q_NAME)
        for n in range(len(words) - 1, 0, -1):
            for i in range(len(words) - n + 1):
                run = words[i : i + n]
                if n == 1 and (run[0] in _NOT_ALONE or len(run[0]) < 3):
                    continue
                out.setdefault(" ".join(run), Q_WORDS)
    town = norm_key(city)
    if town:
        out.setdefault(town, Q_CITY)
    return list(out.items())


def _add_airports(b: _Builder) -> None:
    """Add every airport with an IATA code, keyed by :func:`airport_keys`."""
    try:
        import airportsdata
    except ImportError:  # pragma: no cover - a core dependency
        return
    rows = sorted(airportsdata.load("IATA").values(), key=lambda r: str(r["iata"]))
    towns = np.array([k <= K_VILLAGE for k in b.kinds])
    ids = np.flatnonzero(towns)
    xyz = _unit(np.asarray(b.lons)[ids], np.asarray(b.lats)[ids])
    from scipy.spatial import cKDTree

    tree = cKDTree(xyz)
    for rec in rows:
        lon, lat = float(rec["lon"]), float(rec["lat"])
        country = str(rec["country"])
        if not (math.isfinite(lon) and math.isfinite(lat)):
            continue
        point = _unit(np.array([lon]), np.array([lat]))[0]
        _, near = tree.query(point, k=16)
        mates = [int(ids[j]) for j in near if b.countries[int(ids[j])] == country]
        admin1 = b.admin1[mates[0]] if mates else ""
        idx = b.add(
            str(rec["name"]),
            lon,
            lat,
            kind=K_AIRPORT,
            pop=0,
            country=country,
            admin1=admin1,
            gid=-1,
            source=SRC_AIRPORT,
            alternates=(str(rec["iata"]),),
            keyed=False,
        )
        around = [int(ids[j]) for j in tree.query_ball_point(point, _AROUND_CHORD)]
        b.served[idx] = max(
            _served(b, str(rec["city"]), country, lon, lat, mates),
            max((b.pops[i] for i in around), default=0),
        )
        b.iata[str(rec["iata"])] = idx
        for key, quality in airport_keys(str(rec["name"]), str(rec["city"])):
            b.airports.setdefault(key, []).append(idx << 2 | quality)


def _served(
    b: _Builder, city: str, country: str, lon: float, lat: float, mates: list[int]
) -> int:
    """People of the town an airport serves: its city's, else its nearest town's."""
    key = norm_key(city)
    named = [
        code >> 2
        for code in b.exact.get(key, ())
        if key
        if b.kinds[code >> 2] <= K_VILLAGE
        and b.countries[code >> 2] == country
        and haversine_km(b.lons[code >> 2], b.lats[code >> 2], lon, lat) <= _SERVED_KM
    ]
    if named:
        return max(b.pops[i] for i in named)
    return b.pops[mates[0]] if mates else 0


def _unit(lons: np.ndarray, lats: np.ndarray) -> np.ndarray:
    lo, la = np.radians(lons), np.radians(lats)
    return np.column_stack(
        (np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la))
    )
