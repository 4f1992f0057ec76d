"""Case counts in an outbreak report: an event set that points to the source.

A report of an outbreak names no person to find: it names places and how many fell
ill or died there ("45 people dead in Nyanza Province, 12 in Kisumu and seven in
Siaya", "Kisumu reported 12 new cases"). Where a document is read for no person (no
target named, and none found in the text), those counts are its evidence: each
town with cases is an event, weighted by its count, and the document's events are
one :class:`~geosleuth.evidence.EventSet` (a kernel density of ``sigma_km`` =
:data:`CASE_SIGMA_KM`, a town's spread), whose surface is highest where the cases
cluster: a geographic profile of the outbreak's source (``geosleuth profile`` runs
Rossmo's CGT and the Dirichlet-process mixture on such events given as a file).

What is read, in a sentence:

- a count (digits, "1,204", or a number word up to twenty, and "dozens" as 24;
  "at least", "more than", "nearly" are read as the number) before a word for
  cases: "cases", "infections", "deaths", "fatalities", "patients"; or before a
  word for people ("people", "children", "residents", ...) where the sentence
  says they fell ill or died ("died", "ill", "sick", "infected",
  "hospitalised", "tested positive", ...);
- the place: a town named after the count with "in", "at", "across" or "around"
  before it ("12 cases in Kisumu"), or, failing that, the town just before it
  that reports the count ("Kisumu reported 12 new cases", "and Migori has 12");
- a list going on after it: "..., 12 in Kisumu and seven in Siaya".

A place's weight is the largest count given for it (deaths are among the cases, so
counts of one place are not added). A country, a province or a continent is too
coarse to be an event, and is set aside (``not_a_place``: "too coarse"), but a
county or a district at most 150 km across stands at its representative point.
A count at one town only is set aside too ("an event set needs two places or
more"). A count that is negated or to come ("no cases in Siaya", "could reach
500 cases") is not read.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

import numpy as np

from geosleuth.evidence import EventSet
from geosleuth.geometry import Area
from geosleuth.read._sentence import (
    MentionLike,
    Sentence,
    geometry_of,
    is_point,
    kind_of,
    label,
    note_of,
    resolved,
)

if TYPE_CHECKING:
    from geosleuth.read.claims import _Extractor

__all__ = ["CASE_SIGMA_KM", "find_cases", "finish_cases"]

#: Spread of each town's cases (km): the kernel of the event set's density.
CASE_SIGMA_KM = 10.0

_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "dozens": 24, "a dozen": 12,
}  # fmt: skip
_NUM = (
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+|"
    + "|".join(sorted(_WORDS, key=len, reverse=True))
    + r")"
)
_CASE_NOUNS = r"(?:cases?|infections?|deaths?|fatalities|patients)"
_PEOPLE = (
    r"(?:people|persons|children|adults|residents|villagers|students|pupils|"
    r"workers|men|women)"
)
_ADJ = (
    r"(?:(?:new|confirmed|suspected|probable|human|additional|more|fatal|"
    r"laboratory-confirmed|lab-confirmed|reported|other)\s+)*"
)
_COUNT = re.compile(
    rf"(?<![\w.,])(?:(?:at\s+least|more\s+than|over|nearly|almost|about|"
    rf"approximately|around|some)\s+)?{_NUM}\s+{_ADJ}"
    rf"(?P<noun>{_CASE_NOUNS}|{_PEOPLE})\b",
    re.IGNORECASE,
)
#: Words that make a count of people one of the ill or dead.
_ILL = re.compile(
    r"\b(?:died|dead|deaths?|killed|ill|sick|sickened|infected|hospitali[sz]ed|"
    r"admitted|diagnosed|tested\s+positive|fell\s+ill|symptoms|poisoned|"
    r"succumbed|cases?)\b",
    re.IGNORECASE,
)
#: Words before a count that make it no count of cases that happened.
_NOT_SO = re.compile(
    r"\b(?:no|not|zero|could|may|might|would|expected\s+to|projected|"
    r"forecast|estimate[sd]?\s+that\s+as\s+many\s+as|up\s+to)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
#: Between the count's noun and its town: "... in", "... at", within a clause.
_TO_PLACE = re.compile(
    r"^[^.;:()]{0,60}?\b(?:in|at|across|around|near)\s+(?:the\s+)?"
    r"(?:(?:town|city|village|district|county|area|region)\s+of\s+)?$",
    re.IGNORECASE,
)
#: "..., 12 in Kisumu and seven in Siaya": the next item of a list of counts.
_NEXT = re.compile(
    rf"^\s*(?:,\s*(?:and\s+)?|\s+and\s+|;\s*){_NUM}\s+(?:more\s+|others?\s+)?"
    r"(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: A sentence that opens with its town reporting the count: "Kisumu reported".
_REPORTS = re.compile(
    r"^\s*(?:(?:district|county|town|city|area|region|authorities|officials|"
    r"hospitals?|health\s+officials)\s+)?"
    r"(?:has|have|had)?\s*(?:now\s+)?(?:reported|confirmed|recorded|"
    r"registered|counted|has|had|saw|logged)\b",
    re.IGNORECASE,
)


def _number(text: str) -> int:
    t = text.lower().replace(",", "")
    return int(t) if t.isdigit() else _WORDS[t]


def find_cases(ex: _Extractor, s: Sentence) -> None:
    """Note the case counts of ``s`` and their towns (``ex.cases``).

    Only for a document read for no person; :func:`finish_cases` builds the
    event set once the walk is over.
    """
    if ex.target is not None:
        return
    places = [
        m for m in s.places if resolved(m) and getattr(m, "role", "place") == "place"
    ]
    if not places:
        return
    for m in _COUNT.finditer(s.text):
        if _NOT_SO.search(s.text[: m.start()]):
            continue
        if m.group("noun").lower() not in _CASE_WORDS and not _ILL.search(s.text):
            continue  # "20 people attended": no one ill
        at = s.span[0] + m.end()
        place = _place_after(ex.text, at, places) or _reporting_place(
            ex.text, s, m, places
        )
        if place is None:
            continue
        _note(ex, s, place, _number(m.group("num")), s.span[0] + m.start())
        # "45 people dead in Nyanza, 12 in Kisumu and seven in Siaya"
        end = place.end
        while True:
            nxt = _next_in_list(ex.text, end, s.span[1], places)
            if nxt is None:
                break
            count, place = nxt
            _note(ex, s, place, count, place.start)
            end = place.end


_CASE_WORDS = frozenset(
    {"case", "cases", "infection", "infections", "death", "deaths", "fatalities",
     "patients"}
)  # fmt: skip


def _place_after(text: str, at: int, places: list[MentionLike]) -> MentionLike | None:
    """The first place after ``at`` with "in", "at", ... before it, in its clause."""
    for p in places:
        if p.start >= at and _TO_PLACE.match(text[at : p.start]):
            return p
    return None


def _reporting_place(
    text: str, s: Sentence, m: re.Match[str], places: list[MentionLike]
) -> MentionLike | None:
    """The place that reports the count, named just before it.

    "Kisumu reported 30 new cases", "..., and Migori has 12 suspected cases",
    "the Kisumu district recorded 30".
    """
    at = s.span[0] + m.start()
    before = [p for p in places if p.end <= at and at - p.end <= 50]
    if not before:
        return None
    last = max(before, key=lambda p: p.start)
    return last if _REPORTS.match(text[last.end : at]) else None


def _next_in_list(
    text: str, end: int, stop: int, places: list[MentionLike]
) -> tuple[int, MentionLike] | None:
    """The next "N in Town" of a list of counts after ``end``, if any."""
    for p in places:
        if p.start < end or p.start >= stop:
            continue
        n = _NEXT.match(text[end : p.start])
        return (_number(n.group("num")), p) if n is not None else None
    return None


#: The widest division that may stand as one event (km across): a county, a
#: Kenyan county; not a state or a province.
_EVENT_KM = 150.0


def _fine_enough(place: MentionLike) -> bool:
    """Whether a place is small enough to be one event: a town, or a small division.

    A town, a village, a city, written coordinates, or a division (a county, a
    district) at most :data:`_EVENT_KM` across, at its representative point;
    not a country, a state, a province or a region whose extent is unknown.
    """
    kind = kind_of(place)
    if kind in ("city", "town", "village", "point", "county"):
        return is_point(place) or isinstance(geometry_of(place), Area)
    geom = geometry_of(place)
    if kind != "admin" or not isinstance(geom, Area):
        return False
    ring = np.concatenate([poly[0] for poly in geom.polygons])
    lat = math.radians(float(np.mean(ring[:, 1])))
    wide = float(np.ptp(ring[:, 0])) * 111.32 * math.cos(lat)
    high = float(np.ptp(ring[:, 1])) * 111.32
    return max(wide, high) <= _EVENT_KM


def _note(ex: _Extractor, s: Sentence, place: MentionLike, count: int, at: int) -> None:
    if count <= 0:
        return
    if not _fine_enough(place):
        ex.reject(
            "not_a_place",
            f"{place.text!r} has {count:,} cases, but is too coarse for an event "
            f"(a country, a state or a region; a town or a division at most "
            f"{_EVENT_KM:g} km across is one)",
            (place.start, place.end),
        )
        return
    ex.cases.append((s, place, count, at))


def finish_cases(ex: _Extractor) -> None:
    """Build the document's event set from the counts noted, if two towns or more.

    Each town is an event weighted by the largest count given for it; the item
    is stated by the first sentence that gave a count (its speaker and grade),
    and its note lists every town and count.
    """
    if not ex.cases:
        return
    best: dict[str, tuple[MentionLike, int]] = {}
    for _, place, count, _ in ex.cases:
        key = label(place)
        if key not in best or count > best[key][1]:
            best[key] = (place, count)
    first_s, first_place, _, first_at = ex.cases[0]
    if len(best) < 2:
        ex.reject(
            "no_place",
            f"cases at one town only ({label(first_place)}): an event set needs two "
            "places or more",
            (first_place.start, first_place.end),
        )
        return
    towns = list(best.values())
    date, date_from, dnote = ex.dates(first_s, first_at)
    counts = ", ".join(f"{label(p)} {n:,}" for p, n in towns)
    note = note_of(
        f"case counts by town ({counts}); each town's largest count is its weight",
        dnote,
    )
    ex.build(
        EventSet, first_s, first_s.span, id=ex.next_id("e"),
        provenance=ex.provenance(first_s, first_at), date=date, date_from=date_from,
        grade=ex.grade(first_s.attr.at(first_at)), hedge="certain", note=note,
        lons=[p.lon for p, _ in towns], lats=[p.lat for p, _ in towns],
        weights=[float(n) for _, n in towns], method="kde", sigma_km=CASE_SIGMA_KM,
        names=tuple(label(p) for p, _ in towns),
    )  # fmt: skip
