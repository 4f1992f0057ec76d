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

Only a report that names a disease or an outbreak ("cholera", "Ebola",
"outbreak", "infected", "tested positive", ...) is read so: a court's "30 new
cases" are none. What is read, in a sentence:

- a count (digits, "1,204", or a number word up to twenty, and "dozens" as 24;
  "at least", "more than", "nearly" are read as the number; a year such as
  "the 2017 cases" and the digits of a name such as "COVID-19" are not) before a
  word for cases, with up to two words between ("45 cholera deaths", "12 new
  Ebola cases"): "cases", "infections", "deaths", "fatalities", "patients"; or
  before a word for people ("people", "children", "residents", ...) where the
  sentence says they fell ill or died ("died", "ill", "sick", "infected",
  "hospitalised", "tested positive", ...). Deaths or harm in a sentence that
  names a disaster, an accident or violence ("Floods killed 45 people") are set
  aside as no case;
- the place: a town named after the count with "in", "at", "across" or "around"
  before it ("12 cases in Kisumu"), or, failing that, the town just before it
  that reports the count ("Kisumu reported 12 new cases", "and Migori has 12");
- a list going on after it: "..., 12 in Kisumu and seven in Siaya", past a
  division's word, a bracket or an aside ("Siaya County and 12 in Kisumu",
  "Kisumu (12 deaths), 30 in Siaya", "12 of them children, and seven in").

Towns more than :data:`CLUSTER_KM` from every other (single linkage) are
another outbreak: each cluster is its own event set.

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
from geosleuth.geometry import Area, haversine_km
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
    # the disease between: "45 cholera deaths", "12 new Ebola cases", "COVID-19"
    r"(?:(?!(?:and|or|of|in|at|to|from|on|were|was|are|is|have|had|who|whom)\b)"
    r"[A-Za-z][\w-]*\s+){0,2}"
)
_COUNT = re.compile(
    rf"(?<![\w.,\-–])(?:(?:at\s+least|more\s+than|over|nearly|almost|about|"
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
    r"^[^.;:()\d]{0,60}?\b(?:in|at|across|around|near)\s+(?:the\s+)?"
    r"(?:(?:town|city|village|district|county|area|region)\s+of\s+)?$",
    re.IGNORECASE,
)
#: "..., 12 in Kisumu and seven in Siaya": the next item of a list of counts.
_NEXT = re.compile(
    # the town's word, a bracket or an aside may come first: "Siaya County and
    # 12 in Kisumu", "Kisumu (12 deaths), 30 in Siaya", "Kisumu, 12 of them
    # children, and seven in Homa Bay"
    r"^(?:\s+(?:county|district|sub-county|municipality|city|town|province))?"
    r"(?:\s*\([^()]{0,40}\))?(?:,\s*[^,;.]{0,30}\bof\s+(?:them|whom)\b[^,;.]{0,30})?"
    rf"\s*(?:,\s*(?:and\s+)?|\s+and\s+|;\s*){_NUM}\s+(?:more\s+|others?\s+)?"
    r"(?:(?:cases?|deaths?)\s+)?(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: Between the items of a list: ", ", ", and ", " and ", "; ".
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|;\s*)")
#: A count right after its town, as a list of counts goes on: "Beni *339* and
#: Butembo 133" (not "Beni 339 km" nor a percentage).
_TOWN_COUNT = re.compile(
    rf"\s+{_NUM}\b(?!\s*(?:%|per\s*cent|percent|km|kilometres?|miles?|years?|"
    r"metres?|meters?|m\b|kg|people\s+live))",
    re.IGNORECASE,
)
#: What makes deaths an outbreak's, somewhere in the report.
_DISEASE = re.compile(
    r"\b(?:cholera|ebola|measles|influenza|flu|virus|viral|outbreak|epidemic|"
    r"pandemic|disease|infections?|infected|covid|coronavirus|sars|mers|h[1-9]n[1-9]|"
    r"malaria|dengue|typhoid|meningitis|plague|anthrax|hepatitis|polio|mpox|"
    r"monkeypox|zika|yellow\s+fever|legionnaires|salmonella|e\.\s?coli|listeria|"
    r"tuberculosis|pneumonia|diphtheria|pertussis|whooping|rabies|lassa|marburg|"
    r"chikungunya|diarrho?ea|dysentery|food\s+poisoning|poisoning|tested\s+positive|"
    r"symptoms|illness)\b",
    re.IGNORECASE,
)
#: In the sentence, what makes deaths no outbreak's: a disaster, an accident,
#: violence.
_NOT_DISEASE = re.compile(
    r"\b(?:floods?|flooding|earthquake|quake|tsunami|landslides?|mudslides?|storm|"
    r"cyclone|hurricane|typhoon|tornado|heat\s*wave|fire|blaze|explosion|blast|"
    r"bomb\w*|attack\w*|clashes|violence|fighting|shooting|gunmen|crash\w*|"
    r"collision|accident|derail\w*|collapse\w*|stampede|drown\w*|war|conflict)\b",
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


#: Nouns that are of the ill by themselves: a count of them needs no illness word.
_ILL_BY_NAME = frozenset({"case", "cases", "infection", "infections", "patients"})
#: Those, and the dead: a count of people needs an illness word beside it.
_CASE_WORDS = _ILL_BY_NAME | {"death", "deaths", "fatalities"}


def _number(text: str) -> int:
    t = text.lower().replace(",", "")
    return int(t) if t.isdigit() else _WORDS[t]


def find_cases(ex: _Extractor, s: Sentence) -> None:
    """Note the case counts of ``s`` and their towns (``ex.cases``).

    Only for a document read for no person; :func:`finish_cases` builds the
    event set once the walk is over.
    """
    if ex.target is not None or not _DISEASE.search(ex.text):
        return  # a person sought, or no disease named: no outbreak
    places = [
        m for m in s.places if resolved(m) and getattr(m, "role", "place") == "place"
    ]
    if not places:
        return
    for m in _COUNT.finditer(s.text):
        if _NOT_SO.search(s.text[: m.start()]):
            continue
        noun = m.group("noun").lower()
        if noun not in _CASE_WORDS and not _ILL.search(s.text):
            continue  # "20 people attended": no one ill
        num = m.group("num")
        if _a_year(num):
            continue  # "the 2017 cases": a year
        if noun not in _ILL_BY_NAME:
            disaster = _NOT_DISEASE.search(s.text)
            if disaster is not None:
                ex.reject(
                    "not_target",
                    f"{m.group(0)!r}: deaths or harm not said to be from a disease "
                    f"({disaster.group(0)!r}), no case of the outbreak",
                    (s.span[0] + m.start(), s.span[0] + m.end()),
                )
                continue
        at = s.span[0] + m.end()
        place = _place_after(ex.text, at, places) or _reporting_place(
            ex.text, s, m, places
        )
        if place is not None:
            _note(ex, s, place, _number(m.group("num")), s.span[0] + m.start())
        # "45 people dead in Nyanza, 12 in Kisumu and seven in Siaya"; "Katwa has
        # recorded 512 cases, Beni 339 and Butembo 133" (Katwa unknown)
        end = place.end if place is not None else at
        while True:
            nxt = _next_in_list(ex.text, end, s.span[1], places)
            if nxt is None:
                break
            count, place, end = nxt
            _note(ex, s, place, count, place.start)


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
) -> tuple[int, MentionLike, int] | None:
    """The next "N in Town" or "Town N" of a list of counts after ``end``.

    Returns the count, the town and where the item ends; None if the list ends.
    """
    for p in places:
        if p.start < end or p.start >= stop:
            continue
        n = _NEXT.match(text[end : p.start])
        if n is not None:
            return _number(n.group("num")), p, p.end
        if _LIST_GAP.fullmatch(text, end, p.start):
            after = _TOWN_COUNT.match(text, p.end)
            if after is not None and not _a_year(after.group("num")):
                return _number(after.group("num")), p, after.end()
        return None
    return None


def _a_year(num: str) -> bool:
    return num.isdigit() and len(num) == 4 and 1900 <= int(num) <= 2100


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


#: Towns farther apart than this (km), with no town between, are two outbreaks.
CLUSTER_KM = 300.0


def finish_cases(ex: _Extractor) -> None:
    """Build the document's event sets from the counts noted.

    Each town is an event weighted by the largest count given for it. Towns
    within :data:`CLUSTER_KM` of one another (single linkage) are one outbreak
    and one event set: a report of cholera in Kisumu and Siaya and of Ebola in
    Beni and Butembo, 1,000 km away, is two, not one whose profile peaks
    between them. An event set is stated by the first sentence that gave one
    of its counts (its speaker and grade), and its note lists every town and
    count; a cluster of one town is set aside.
    """
    if not ex.cases:
        return
    best: dict[str, tuple[MentionLike, int, Sentence, int]] = {}
    for s, place, count, at in ex.cases:
        key = label(place)
        if key not in best:
            best[key] = (place, count, s, at)
        elif count > best[key][1]:
            best[key] = (place, count, best[key][2], best[key][3])
    for group in _clusters(list(best.values())):
        place, _, first_s, first_at = min(group, key=lambda t: t[3])
        if len(group) < 2:
            ex.reject(
                "no_place",
                f"cases at one town only ({label(place)}"
                + (
                    f", {CLUSTER_KM:g} km or more from the others"
                    if len(best) > 1
                    else ""
                )
                + "): an event set needs two places or more",
                (place.start, place.end),
            )
            continue
        _build(ex, group, first_s, first_at)


def _clusters(
    towns: list[tuple[MentionLike, int, Sentence, int]],
) -> list[list[tuple[MentionLike, int, Sentence, int]]]:
    """The towns in groups linked by distances of at most :data:`CLUSTER_KM`."""
    lons = np.array([t[0].lon for t in towns])
    lats = np.array([t[0].lat for t in towns])
    group = list(range(len(towns)))
    for a in range(len(towns)):
        d = haversine_km(lons, lats, lons[a], lats[a])
        for b in np.flatnonzero(d <= CLUSTER_KM).tolist():
            old, new = group[b], group[a]
            if old != new:
                group = [new if g == old else g for g in group]
    out: dict[int, list[tuple[MentionLike, int, Sentence, int]]] = {}
    for k, town in zip(group, towns, strict=True):
        out.setdefault(k, []).append(town)
    return sorted(out.values(), key=lambda g: min(t[3] for t in g))


def _build(
    ex: _Extractor,
    towns: list[tuple[MentionLike, int, Sentence, int]],
    first_s: Sentence,
    first_at: int,
) -> None:
    date, date_from, dnote = ex.dates(first_s, first_at)
    counts = ", ".join(f"{label(p)} {n:,}" for p, n, _, _ in towns)
    note = note_of(
        f"case counts by town ({counts}); each town's largest count is its weight",
        dnote,
    )
    ex.build(
        EventSet, first_s, first_s.span, id=ex.next_id("e"),
        provenance=ex.provenance(first_s, first_at), date=date, date_from=date_from,
        grade=ex.grade(first_s.attr.at(first_at)), hedge="certain", note=note,
        lons=[p.lon for p, *_ in towns], lats=[p.lat for p, *_ in towns],
        weights=[float(n) for _, n, *_ in towns], method="kde",
        sigma_km=CASE_SIGMA_KM, names=tuple(label(p) for p, *_ in towns),
    )  # fmt: skip
