"""Airports of the gazetteer: those with an IATA code, from ``airportsdata``.

The ``airportsdata`` package (MIT licence) lists about 28,000 airports with
their ICAO and IATA codes, name, city, country and position; it says nothing of
their size or service, so only the 7,900 with an IATA code (those that sell
tickets, as a rule) are kept. Each is a place of kind ``airport`` at its
listed point, in the first-level division of the nearest town of its country.

An airport's name is no key of the gazetteer's name lookup (``Heathrow``
alone still names what it named before): the reader asks for airports only
where a text says so ("Heathrow airport", "the airport of Perth"), by the
keys of :func:`airport_keys` or by where the town it names lies
(:meth:`geosleuth.gazetteer.Gazetteer.airports_near`), and weighs them by the
people of the town each serves (:attr:`Index.served`: its listed town's, or
the largest town's within 30 km where that has more), since the source gives
no traffic.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

import numpy as np

from geosleuth.gazetteer._index import K_AIRPORT, K_VILLAGE, _Builder
from geosleuth.gazetteer._names import norm_key
from geosleuth.geometry import haversine_km

__all__ = ["SRC_AIRPORT", "_add_airports", "airport_keys"]

SRC_AIRPORT = "airportsdata (MIT licence; from OurAirports and others): IATA airports"

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
#: Words of an airport's name that say what it is, not which one: dropped
#: wherever they stand ("Amsterdam Airport Schiphol"). "County", "National",
#: "Field" stay: "Washington County Airport" is no key "washington".
_GENERIC = frozenset(
    {
        "airport", "international", "intl", "regional", "intercontinental",
        "intcntl", "internacional", "domestic",
    }
)  # fmt: skip
#: Abbreviations of airport names: "Ronald Reagan Washington Ntl Airport".
_SPELLED = {"ntl": "national", "natl": "national"}
#: Words before a person's names in an airport's name: "*General* Edward
#: Lawrence Logan", "*Imam* Khomeini".
_TITLES = frozenset({"general", "imam", "president", "presidente", "sir"})
#: Last words of an airport's name that are no surname ("... Memorial").
_NO_SURNAME = frozenset(
    {
        "memorial", "field", "county", "national", "park", "state", "army",
        "military", "federal", "base", "air", "municipal", "city", "executive",
    }
)  # fmt: skip
#: How far (km) from its airport the town it serves may lie.
_SERVED_KM = 100.0
#: An airport serves the largest town this near it (km) too: Vancouver's,
#: whose listed town is Richmond; the chord on the unit sphere.
_AROUND_KM = 30.0
_AROUND_CHORD = 2.0 * math.sin(_AROUND_KM / 6371.0 / 2.0)
#: Match qualities of an airport key: its own name (without its town's:
#: "Heathrow" of "London Heathrow"), its surname ("Logan" of "General Edward
#: Lawrence Logan"), the town it serves.
Q_NAME, Q_SURNAME, Q_CITY = 0, 1, 2


def airport_keys(
    name: str, city: str, is_town: Callable[[str], bool] | None = None
) -> list[tuple[str, int]]:
    """The keys a text may call an airport by, with their quality.

    Its own name, without the words that say what it is ("London Heathrow" of
    "London Heathrow Airport") and without its town's name before it
    ("Heathrow"), or another town near it where ``is_town`` says so
    ("Pearson" of "Toronto Pearson", in Mississauga); the surname it is
    named after, where a title or an initial says it is a person's ("Logan"
    of "General Edward Lawrence Logan International Airport", "Kennedy" of
    "John F Kennedy"); the names in its
    brackets; and the town it serves. An airport whose name is its town's
    ("Naples Municipal Airport") has only the town's key: a text that names
    it names the town first (:mod:`geosleuth.read._toponym_airports`).
    Single words of a longer name are no key ("Dunes" of "Bermuda Dunes"),
    nor its words before "County" ("Washington County Airport").

    >>> airport_keys("London Heathrow Airport", "London")
    [('london heathrow', 0), ('heathrow', 0), ('london', 2)]
    >>> airport_keys("General Edward Lawrence Logan International Airport", "Boston")[1]
    ('logan', 1)
    >>> airport_keys("Saint Louis Airport", "Saint Louis")
    [('saint louis', 2)]
    >>> airport_keys("Washington County Airport", "Washington")
    [('washington county', 0), ('washington', 2)]
    """
    out: dict[str, int] = {}
    town = norm_key(city).split()
    parts = [re.sub(r"\([^)]*\)", " ", name), *re.findall(r"\(([^)]*)\)", name)]
    for part in parts:
        words = [_SPELLED.get(w, w) for w in norm_key(part).split()]
        words = [w for w in words if w not in _GENERIC]
        if not words or words == town:
            continue
        out.setdefault(" ".join(words), Q_NAME)
        for n in range(1, min(3, len(words) - 1) + 1):
            lead = words[:n]
            if lead == town or (is_town is not None and is_town(" ".join(lead))):
                own = words[n:]
                if len(own) > 1 or _alone(own[0]):
                    out.setdefault(" ".join(own), Q_NAME)
        last = words[-1]
        if (
            len(words) > 1
            and (len(words[-2]) == 1 or words[0] in _TITLES)
            and _alone(last)
        ):
            out.setdefault(last, Q_SURNAME)
    if town:
        out.setdefault(" ".join(town), Q_CITY)
    return list(out.items())


def _alone(word: str) -> bool:
    """Whether one word of an airport's name may name it alone."""
    return len(word) >= 3 and word not in _NOT_ALONE and word not in _NO_SURNAME


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

        def is_town(key: str, lon: float = lon, lat: float = lat) -> bool:
            return any(
                b.kinds[code >> 2] <= K_VILLAGE
                and haversine_km(b.lons[code >> 2], b.lats[code >> 2], lon, lat)
                <= _AROUND_KM
                for code in b.exact.get(key, ())
            )

        keys = airport_keys(str(rec["name"]), str(rec["city"]), is_town)
        for key, quality in keys:
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
