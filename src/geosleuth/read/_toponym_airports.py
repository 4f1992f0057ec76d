"""Airports a text names: "Heathrow airport", "Perth airport", "(LHR)".

Helper of :func:`geosleuth.read.toponyms.find_toponyms`, called after
resolution, so that the document's names are read as before, each airport
name included (review r213: with "Portland airport" held out, "Bangor" read
as Wales); :func:`place_airports` then turns the names the text calls
airports into those airports. A name is read as an airport only where the
text says so: before "airport" ("Heathrow airport", "Logan International
Airport", "JFK airport"), after "the airport of", or as a town's airport
("Culiacán's airport"). "Logan" alone, or "the airport" alone, is no airport.

Two kinds of name:

- A town's ("St. Louis airport", "the airport of Perth"): the town the
  resolver read, with the document's other places (the same candidates and
  scores as the bare name), and then the airport that serves it
  (:func:`_serving`: Lambert for St. Louis; none, and the town stays, for
  "London airport", five airports alike). A division ("Hidalgo airport"), a
  country ("Jersey airport"), a loose match or no reading stays as it was.
- An airport's own name, which is no town's ("Heathrow", "O'Hare", "Logan"
  of General Edward Lawrence Logan International): by the keys of
  :func:`geosleuth.gazetteer._airports.airport_keys`, the whole name without
  its town's, or its surname (never one word of a longer name, nor the words
  before "County": "Washington County Airport"); only an airport of a town
  of ``_BIG`` people or more, the largest first, with the document's other
  places. After other capitalised words ("Detective Sarah Kennedy Airport")
  only after its town's ("Boston Logan"). A kind word ("Main airport roads",
  "State airport officials") names none, nor a company or unit ("Heathrow
  Airport Holdings"), nor a name no span held before "airport employees"
  ("with Dulles Airport employees in Leesburg"). It wins over the
  resolver's town only where that town is small ("Heathrow", Florida) or
  matched loosely, or the town's country is none of the document's and the
  name a person's ("Logan" City, Queensland) or the town no city: "Santa
  Cruz airport" is Santa Cruz de la Sierra's, not the Rio air base's.

An IATA code names its airport in brackets after the airport's name
("London Heathrow Airport (LHR)"), or before "airport" where news write it
as a name (:data:`_CODE_NAMES`: "JFK airport"); not "ABC airport reporters".
"""

from __future__ import annotations

import math
import re

from geosleuth.gazetteer import Gazetteer, Place, norm_key
from geosleuth.geometry import haversine_km
from geosleuth.read._toponym_span import _Span

__all__ = ["place_airports"]

#: A name before "airport": up to four capitalised words on one line, no
#: possessive among them ("*Logan* Airport" of "Boston's Logan Airport"); an
#: IATA code in brackets may follow. Not a company's or a unit's name
#: ("Heathrow Airport Holdings", "Kennedy Airport Division").
_BEFORE_AIRPORT = re.compile(
    r"\b((?:[A-Z][\w’'.-]*(?<![’']s) ){1,4}?)"
    r"(?:(?:International|Regional|Municipal|Intercontinental|Domestic) )?"
    r"[Aa]irport\b(?: \(([A-Z]{3})\))?"
    r"(?! (?:Holdings|Authority|Ltd|Limited|Division|Company|Corporation|Group"
    r"|Inc|Plc|PLC)\b)"
)
#: A town whose airport the text names: "the airport of *Perth*",
#: "*Culiacán*'s (international) airport".
_TOWNS_AIRPORT = re.compile(
    r"\b[Aa]irport of ((?:[A-Z][\w’'.-]*)(?: [A-Z][\w’'.-]*){0,2})"
    r"|\b((?:[A-Z][\w’'.-]* ){0,2}[A-Z][\w’'.-]*)[’']s "
    r"(?:(?:main|international|old|new|city) )?airport\b"
)
#: IATA codes that news write as an airport's name before "airport"; any other
#: capitalised three letters there are more likely an acronym ("TSA airport
#: screeners", "ABC airport reporters", "IRA airport bombing").
_CODE_NAMES = frozenset({"JFK", "LAX", "SFO", "LGA", "BWI", "DFW"})
#: Words before "airport" that say what kind of airport, not which:
#: "Main airport roads", "State airport officials", "Mission airport staff".
_KIND_WORDS = frozenset(
    {
        "main", "state", "federal", "army", "military", "county", "memorial",
        "national", "regional", "capital", "international", "municipal",
        "city", "mission", "local", "private", "public", "civil", "naval",
        "new", "old", "the",
    }
)  # fmt: skip
#: How far (km) from a town the airport that serves it may lie; one farther
#: than ``_OWN_KM`` serves no bigger town than it.
_SERVES_KM = 40.0
_OWN_KM = 15.0
#: An airport's own name names one of a town of this many people or more
#: ("Golden Triangle" is no airport of Columbus, Mississippi, here).
_BIG = 100_000
#: A town the resolver read keeps the name from an airport's own name where
#: it has this many people, or this many and lies in the document's countries.
_TOWN_POP = 100_000
_SMALL_POP = 10_000
#: After a name and "airport", people of it: "Dulles Airport *employees*".
_STAFF = re.compile(
    r"(?: International| Regional)? [Aa]irport (?:employees|staff|workers|officials"
    r"|screeners|guards|police|authorities|spokes(?:man|woman|person)|managers?"
    r"|worker|employee)\b"
)
#: An airport's name that says it is a big one.
_INTERNATIONAL = re.compile(r"\bInt(?:ernational|l|ercontinental|cntl|ernacional)\b")
_TOWNS = ("city", "town", "village")
_W_COUNTRY = 0.5  # another place of the document in the airport's country
_W_NEAR = 0.3  # per decade of distance to the nearest other place
#: Kinds of the document's places whose points say where its story is.
_POINTS = frozenset({"city", "town", "village", "county", "admin"})


def place_airports(
    text: str, gaz: Gazetteer, spans: list[_Span], home: Place | None = None
) -> None:
    """Turn the names the text calls airports into those airports, in place.

    ``spans`` are resolved; a town's name becomes its airport, and the spans
    an airport's own name overlaps ("London" and "Heathrow" of "London
    Heathrow Airport") give way to one span of the airport. The others stay
    as they are.

    >>> from geosleuth.read._toponym_span import _Span
    >>> gaz = Gazetteer.default()
    >>> spans = [_Span(3, 11, "Heathrow", [], signals=1.0)]
    >>> place_airports("at Heathrow airport", gaz, spans)
    >>> [(s.text, gaz.place(s.pick).name) for s in spans]
    [('Heathrow', 'London Heathrow Airport')]
    >>> place_airports("at the airport", gaz, [])
    """
    done: list[tuple[int, int]] = []
    for m in _BEFORE_AIRPORT.finditer(text):
        countries, points = _context(spans, gaz, home, m.start(), m.end())
        run = m.group(1).rstrip()
        words = list(re.finditer(r"\S+", run))
        base = m.start(1)
        for w in words:
            start, end = base + w.start(), base + len(run)
            lead = run[: w.start()].strip()
            if lead and lead not in ("The", "the") and not m.group(2):
                # "Detective Sarah *Kennedy* Airport", "Senator *Lincoln* airport":
                # only an airport's own name, after its town's ("Boston *Logan*")
                pid = _named(gaz, run[w.start() :], countries, points, lead)
            else:
                pid = _airport(
                    gaz, text, spans, start, end, m.group(2), countries, points
                )
            if pid is not None:
                if pid >= 0:
                    _become(spans, text, start, end, pid)
                done.append((start, end))
                break
    for m in _TOWNS_AIRPORT.finditer(text):
        g = 1 if m.group(1) else 2
        start, end = m.start(g), m.end(g)
        if any(s < end and start < e for s, e in done):
            continue
        countries, points = _context(spans, gaz, home, start, end)
        town = _town_span(spans, start, end)
        if (
            town is not None
            and town.pick >= 0
            and not town.loose
            and gaz.kind(town.pick) in _TOWNS
        ):
            pid = _serving(gaz, town.pick, text[start:end])
            if pid >= 0:
                _become(spans, text, town.start, town.end, pid)
    spans.sort(key=lambda s: s.start)


def _airport(
    gaz: Gazetteer,
    text: str,
    spans: list[_Span],
    start: int,
    end: int,
    code: str | None,
    countries: set[str],
    points: list[tuple[float, float]],
) -> int | None:
    """The airport ``text[start:end]`` names before "airport".

    An id, -1 where the name is read as it was (a division, a town's
    reading kept), None where it is no name of an airport (try a shorter one).
    """
    name = text[start:end]
    if code:
        found = [p for p, _ in gaz.airport_ids(code)]
        if found:
            return found[0]  # "London Heathrow Airport (LHR)"
    if name in _CODE_NAMES:
        return gaz.airport_ids(name)[0][0]
    if norm_key(name) in _KIND_WORDS:
        return None
    town = _town_span(spans, start, end)
    named = _named(gaz, name, countries, points)
    if town is None or town.pick < 0 or town.role == "person":
        if (
            named is not None
            and _STAFF.match(text, end)
            and not any(s.start < end and start < s.end for s in spans)
        ):
            return -1  # "with Dulles Airport employees in Leesburg": no place
        return named
    if gaz.kind(town.pick) not in _TOWNS:
        return -1  # "Hidalgo airport": the state, "Jersey airport": the island
    if named is not None and _yields(gaz, town, name, countries):
        return named  # "Heathrow airport": not Heathrow, Florida
    if town.loose:
        return -1  # a loose match ("Frankfurt": Frankfort) stays what it was
    pid = _serving(gaz, town.pick, name)
    return pid if pid >= 0 else -1


def _yields(gaz: Gazetteer, town: _Span, name: str, countries: set[str]) -> bool:
    """Whether the resolver's town gives way to an airport of its name.

    A town matched loosely ("Jinnah": Geneina) or of fewer than
    ``_SMALL_POP`` people ("Heathrow", Florida; "Logan" in Scotland) does; so
    does one of none of the document's countries, where it is not a city or
    the name is an airport's surname ("Logan" City, Queensland, beside General
    Edward Lawrence Logan). "Santa Cruz airport" is Santa Cruz de la Sierra's.
    """
    pop = int(gaz.pops[town.pick])
    if town.loose or pop < _SMALL_POP:
        return True
    if gaz.country_code(town.pick) in countries:
        return False
    return pop < _TOWN_POP or any(q == 1 for _, q in gaz.airport_ids(name))


def _named(
    gaz: Gazetteer,
    name: str,
    countries: set[str],
    points: list[tuple[float, float]],
    lead: str = "",
) -> int | None:
    """The airport of a big town called ``name`` by its own name, if any.

    After ``lead``, only one within ``_SERVES_KM`` of a town of that name
    ("Boston Logan").
    """
    if len(name) == 3 and name.isupper() and name not in _CODE_NAMES:
        return None  # "ABC airport reporters", "TSA airport screeners"
    found = [p for p, q in gaz.airport_ids(name) if q < 2 and gaz.served(p) >= _BIG]
    if lead:
        towns = [p for p, _ in gaz.match_ids(lead) if gaz.kind(p) in _TOWNS]
        found = [p for p in found if any(_km(gaz, p, t) <= _SERVES_KM for t in towns)]
    if not found:
        return None
    return max(found, key=lambda p: _score(gaz, p, countries, points))


def _serving(gaz: Gazetteer, town: int, name: str = "") -> int:
    """The airport that serves ``town`` (called ``name``), or -1 where none is the one.

    Among the airports of its country within ``_SERVES_KM`` (beyond
    ``_OWN_KM`` only those of no bigger town than it: not Tegel, Berlin's,
    for Schönefeld): the only international one, else the only one, else the
    only one listed under the town's name; else none ("London airport": City,
    Heathrow, Biggin Hill and Northolt alike; "Chicago airport": Midway or
    O'Hare).
    """
    place = gaz.place(town)
    pop = int(gaz.pops[town])
    pool = [
        p
        for p, d in gaz.airports_near(place.lon, place.lat, _SERVES_KM)
        if gaz.country_code(p) == place.country
        and (d <= _OWN_KM or gaz.served(p) <= 1.5 * pop)
    ]
    big = [p for p in pool if _INTERNATIONAL.search(gaz.place(p).name)]
    pool = big or pool
    if len(pool) == 1:
        return pool[0]
    keys = {norm_key(place.name), norm_key(name)} - {""}
    by_town = {p for k in keys for p, q in gaz.airport_ids(k) if q == 2}
    own = [p for p in pool if p in by_town]
    return own[0] if len(own) == 1 else -1


def _town_span(spans: list[_Span], start: int, end: int) -> _Span | None:
    """The span detection made of the name at ``start:end`` ("Logan Airport")."""
    for s in spans:
        if s.start == start and end <= s.end <= end + 30:
            return s
    return None


def _become(spans: list[_Span], text: str, start: int, end: int, pid: int) -> None:
    """Make ``text[start:end]`` one span that names airport ``pid``."""
    over = [s for s in spans if s.start < end and start < s.end]
    for s in over:
        spans.remove(s)
    start = min([start, *(s.start for s in over)])
    end = max([end, *(s.end for s in over)])
    keep = over[0] if len(over) == 1 else None
    span = keep or _Span(start, end, text[start:end], [], signals=1.0)
    span.cands, span.pick, span.probs = [(pid, 1.0)], pid, {pid: 1.0}
    span.role, span.loose, span.beach = "place", False, False
    spans.append(span)


def _context(
    spans: list[_Span], gaz: Gazetteer, home: Place | None, start: int, end: int
) -> tuple[set[str], list[tuple[float, float]]]:
    """The countries and points of the document's places but ``text[start:end]``."""
    others = [
        t.pick
        for t in spans
        if t.pick >= 0 and t.role != "person" and not (t.start < end and start < t.end)
    ]
    countries = {gaz.country_code(p) for p in others} - {""}
    points = [
        (float(gaz.lons[p]), float(gaz.lats[p]))
        for p in others
        if gaz.kind(p) in _POINTS
    ]
    if home is not None and math.isfinite(home.lon) and math.isfinite(home.lat):
        points.append((home.lon, home.lat))
        if home.country:
            countries.add(home.country)
    return countries, points


def _score(
    gaz: Gazetteer, pid: int, countries: set[str], points: list[tuple[float, float]]
) -> float:
    """How well airport ``pid`` fits the document: its town's people, its places."""
    score = math.log10(gaz.served(pid) + 10.0) / 7.0
    if gaz.country_code(pid) in countries:
        score += _W_COUNTRY
    if points:
        d = min(
            float(haversine_km(lon, lat, gaz.lons[pid], gaz.lats[pid]))
            for lon, lat in points
        )
        score -= _W_NEAR * math.log10(1.0 + d / 50.0)
    return score


def _km(gaz: Gazetteer, a: int, b: int) -> float:
    return float(haversine_km(gaz.lons[a], gaz.lats[a], gaz.lons[b], gaz.lats[b]))
