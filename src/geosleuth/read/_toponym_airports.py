"""Airports a text names: "Heathrow airport", "the airport of Perth", "(LHR)".

Helper of :func:`geosleuth.read.toponyms.find_toponyms`. The gazetteer holds the
airports with an IATA code under keys of their own
(:meth:`geosleuth.gazetteer.Gazetteer.airport_ids`), so a name is read as an
airport only where the text says so: before "airport" ("Heathrow airport",
"Logan International Airport", "JFK airport"), after "the airport of", or as a
town's airport ("Culiacán's airport"); an IATA code in brackets after the
airport's name ("London Heathrow Airport (LHR)") names that one airport. "Logan"
alone, or "the airport" alone, is no airport.

:func:`named_airports` finds these names before resolution and keeps them out
of it (the town Heathrow in Florida lends no support to the document's other
names); :func:`pick_airports` then chooses, among the airports each may name,
by the same signs the resolver weighs for towns: how well the name matches, how
many people the airport's town has, the country of the document's other places
and the distance to them. "Logan airport", with "police in London", is Boston's
(Billings' and Logan, Utah's serve fewer people); "Perth airport" beside
"Western Australia" is Perth's in Australia. Where two airports score alike
("London airport": Heathrow, Gatwick, City ...), the name is read as its town,
as before.
"""

from __future__ import annotations

import contextlib
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from geosleuth.gazetteer import Gazetteer, Place
from geosleuth.geometry import haversine_km
from geosleuth.read._toponym_span import _Span

if TYPE_CHECKING:
    from geosleuth.read.toponyms import MentionRole

__all__ = ["AirportName", "airports_out", "named_airports", "pick_airports"]

#: A name before "airport": up to four capitalised words on one line, no
#: possessive among them ("*Logan* Airport" of "Boston's Logan Airport"); an
#: IATA code in brackets may follow.
_BEFORE_AIRPORT = re.compile(
    r"\b((?:[A-Z][\w’'.-]*(?<![’']s) ){1,4}?)"
    r"(?:(?:International|Regional|Municipal|Intercontinental|Domestic) )?"
    r"[Aa]irport\b(?: \(([A-Z]{3})\))?"
)
#: A town whose airport the text names: "the airport of *Perth*",
#: "*Culiacán*'s (international) airport".
_TOWNS_AIRPORT = re.compile(
    r"\b[Aa]irport of ((?:[A-Z][\w’'.-]*)(?: [A-Z][\w’'.-]*){0,2})"
    r"|\b((?:[A-Z][\w’'.-]* ){0,2}[A-Z][\w’'.-]*)[’']s "
    r"(?:(?:main|international|old|new|city) )?airport\b"
)
#: Weight of each way a name matches an airport: its name, a run of its
#: words, its town (:data:`geosleuth.gazetteer._airports.Q_NAME` ...).
_W_MATCH = (1.0, 0.9, 0.8)
_W_COUNTRY = 0.5  # another place of the document in the airport's country
_W_NEAR = 0.3  # per decade of distance to the nearest other place
#: Two airports whose scores lie this close are both what the name may mean.
_TIE = 0.08
#: Kinds of the document's places whose points say where its story is.
_POINTS = frozenset({"city", "town", "village", "county", "admin", "airport"})


@dataclass(slots=True)
class AirportName:
    """A span that names an airport, with the airports it may name.

    ``town`` keeps what detection made of the span (its candidates and role),
    and ``replaced`` the spans it was joined from, for the name to be read as
    before where no airport is picked.
    """

    span: _Span
    airports: list[tuple[int, int]]
    town: tuple[list[tuple[int, float]], MentionRole] | None
    replaced: list[_Span]


def named_airports(text: str, gaz: Gazetteer, spans: list[_Span]) -> list[AirportName]:
    """Find the names of airports, and keep their spans out of resolution.

        Each name's span (made where detection made none, or joined from the
        spans it overlaps: "London" and "Heathrow" of "London Heathrow Airport")
        gets no candidates until :func:`pick_airports`; ``spans`` is changed in
        place and stays in text order.

        >>> from geosleuth.read._toponym_span import _Span

    if TYPE_CHECKING:
        from geosleuth.read.toponyms import MentionRole
        >>> gaz = Gazetteer.default()
        >>> spans = [_Span(3, 11, "Heathrow", gaz.match_ids("Heathrow"), signals=1.0)]
        >>> found = named_airports("at Heathrow airport", gaz, spans)
        >>> [gaz.place(p).name for p, _ in found[0].airports], spans[0].cands
        (['London Heathrow Airport'], [])
        >>> named_airports("at the airport", gaz, [])
        []
    """
    out: list[AirportName] = []
    for start, end, airports in _airport_names(text, gaz):
        over = [s for s in spans if s.start < end and start < s.end]
        if any(t.span in over for t in out):
            continue
        town: tuple[list[tuple[int, float]], MentionRole] | None = None
        if len(over) == 1 and (over[0].start, over[0].end) == (start, end):
            span = over[0]
            town = (span.cands, span.role)
        else:
            for s in over:
                spans.remove(s)
            start = min([start, *(s.start for s in over)])
            end = max([end, *(s.end for s in over)])
            span = _Span(start, end, text[start:end], [], signals=1.0)
            spans.append(span)
        span.cands, span.role = [], "place"
        out.append(AirportName(span, airports, town, [] if town else over))
    spans.sort(key=lambda s: s.start)
    return out


def _airport_names(
    text: str, gaz: Gazetteer
) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """``(start, end, airports)`` of each name of an airport in ``text``."""
    found = []
    for m in _BEFORE_AIRPORT.finditer(text):
        code = m.group(2)
        words = list(re.finditer(r"\S+", m.group(1)))
        for w in words:
            name = m.group(1)[w.start() : words[-1].end()]
            airports = gaz.airport_ids(name)
            if code and code in {gaz.place(p).alternate_names[0] for p, _ in airports}:
                airports = [(p, 0) for p, _ in gaz.airport_ids(code)]
            if airports:
                start = m.start(1) + w.start()
                found.append((start, start + len(name), airports))
                break
    for m in _TOWNS_AIRPORT.finditer(text):
        group = 1 if m.group(1) else 2
        # a town's airport: by the town's name, or the airport's whole name
        # (not "Logan" of Billings Logan)
        airports = [(p, q) for p, q in gaz.airport_ids(m.group(group)) if q != 1]
        if airports:
            found.append((m.start(group), m.end(group), airports))
    return sorted(found)


@contextlib.contextmanager
def airports_out(found: list[AirportName]) -> Iterator[None]:
    """Keep the picked airports' spans out of resolution (no candidates) a while."""
    picked = [(a.span, a.span.cands) for a in found if a.span.pick >= 0]
    for s, _ in picked:
        s.cands = []
    try:
        yield
    finally:
        for s, cands in picked:
            s.cands = cands


def pick_airports(
    found: list[AirportName],
    spans: list[_Span],
    gaz: Gazetteer,
    home: Place | None = None,
) -> bool:
    """Pick each name's airport by the document's other places; True if one gave way.

    Called after resolution. Where two airports score within ``_TIE`` of each
    other, the name gets back what detection made of it (its town's
    candidates, or the spans it was joined from), and True is returned: the
    caller resolves again, with :func:`airports_out` first, so that the
    picked airports stay out.
    """
    ours = {id(a.span) for a in found}
    others = [
        t.pick
        for t in spans
        if t.pick >= 0 and id(t) not in ours and t.role != "person"
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
    gave_way = False
    for a in found:
        scores = {pid: _score(gaz, pid, q, countries, points) for pid, q in a.airports}
        ranked = sorted(scores, key=lambda p: -scores[p])
        s = a.span
        if len(ranked) > 1 and scores[ranked[1]] >= scores[ranked[0]] - _TIE:
            # "London airport": London, as before
            if a.town is not None:
                s.cands, s.role = a.town
            else:
                spans.remove(s)
                spans.extend(a.replaced)
                spans.sort(key=lambda t: t.start)
            s.pick = -1
            gave_way = True
            continue
        s.cands = [(p, _W_MATCH[q]) for p, q in a.airports]
        s.pick = ranked[0]
        s.probs = scores
    return gave_way


def _score(
    gaz: Gazetteer,
    pid: int,
    quality: int,
    countries: set[str],
    points: list[tuple[float, float]],
) -> float:
    """How well airport ``pid`` fits its name and the document's places."""
    score = _W_MATCH[quality] + math.log10(gaz.served(pid) + 10.0) / 7.0
    if gaz.country_code(pid) in countries:
        score += _W_COUNTRY
    if points:
        lons, lats = np.array(points).T
        d = float(np.min(haversine_km(lons, lats, gaz.lons[pid], gaz.lats[pid])))
        score -= _W_NEAR * math.log10(1.0 + d / 50.0)
    return score
