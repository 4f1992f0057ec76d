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

- a count (digits, "1,204", or a number word up to ninety-nine, "seven" or
  "Fifty-one", and "dozens" as 24; "at least", "more than", "nearly" are read as the
  number; a year such as "the 2017 cases" and the digits of a name such as
  "COVID-19" are not) before a word for cases, with up to two words between ("45
  cholera deaths", "12 new Ebola cases"): "cases", "infections", "deaths",
  "fatalities", "patients"; or before a word for people ("people", "children",
  "residents", ...) where the sentence says they fell ill or died ("died", "ill",
  "sick", "infected", "hospitalised", "in hospital", "tested positive", ...); or a
  share of them ("Fourteen of the cases are in Athens", "Of the 86 cases, 41 live in
  Ghent"); or after its noun and a verb of change ("Cases rose to 45 in Kisumu",
  "the death toll has risen to 12 in"). Deaths or harm in a sentence that names a
  disaster, an accident or violence ("Floods killed 45 people") are set aside as no
  case; a count after "up from", "down from" or a verb of change's "from" ("45
  cases, down from 60 cases last week") is an earlier figure, no count of now, and
  is set aside too (``not_target``), and so are cases caught elsewhere ("Five cases
  ... in Bulawayo, among people who had travelled from Harare", "12 imported
  cases");
- the place: a town named after the count with "in", "at", "across" or "around"
  before it ("12 cases in Kisumu"), or, failing that, the town just before it that
  reports the count ("Kisumu reported 12 new cases", "and Migori has 12", "Chegutu
  itself has reported only two cases") or whose relative clause gives it ("..., 12
  in Wajir, where 200 people have fallen ill": a count of Wajir's, whose largest,
  200, is its weight); a total followed by its parts gives the parts ("Two children
  have died, one in Cluj-Napoca and one in Iasi", "Of the 64 patients, 45 are in
  Kisumu and 19 in Siaya");
- a list going on after it: "..., 12 in Kisumu and seven in Siaya", past a
  division's word, a bracket, an aside, an earlier figure or a time ("Siaya County
  and 12 in Kisumu", "Kisumu (12 deaths), 30 in Siaya", "12 of them children, and
  seven in", "in Kisumu, up from 30 last week, and 12 in Siaya", "rose to 45 in
  Kisumu from 30 a week earlier, and to 12 in Siaya", "in Hyderabad since November
  2016, with a further 52 in Karachi"), past where in the town they are and who says
  so ("51 cases are in Birmingham, mostly in the Sparkbrook and Small Heath areas,
  and 23 in Coventry", "Mbare 23, the ministry said, with a further 38 in
  Chitungwiza"), past the division that qualifies a town ("Hyderabad, Sindh, with
  ..."), with the count after its town ("Hamburg has reported 117 cases, Lower
  Saxony 62 and Bremen 38", "Beira (410) and Dondo (75)"), and with a town that
  reports its own ("Kisumu reported 45 new cases and Siaya reported 12");
- a list of towns, each with its count after it, in a sentence that speaks of
  cases ("Cases have been confirmed in Kisumu (45), Siaya (12) and Homa Bay
  (7)", "Cholera cases by county: Kisumu 45, Siaya 12, Homa Bay 7"): two items
  or more, one of them a place found in the text. A name of such a list that
  the reading of places left out (the tagger took "Homa Bay" or "Timis" for a
  person) is looked up in the gazetteer, among the places of the country of the
  list's other towns; one not found there is set aside (``unresolved``), never
  dropped unsaid. A number that may be a year is a count in a list of counts
  ("Kisumu (45), Siaya (12) and Busia (1999)"), and a list whose numbers are all
  years ("Kisumu (1999) and Siaya (2005)") is none; a town whose bracket comes
  after an aside ("..., and Mandera, some 350 km away (7)") is set aside
  (``no_place``): the bracket may be of a place of the aside.

Towns more than :data:`CLUSTER_KM` from every other (single linkage) are
another outbreak: each cluster is its own event set.

A place's weight is the largest count given for it (deaths are among the cases, so
counts of one place are not added). A country, a province or a continent is too
coarse to be an event, and is set aside (``not_a_place``: "too coarse"), but a
county or a district at most 150 km across stands at its representative point.
A count at one town only is set aside too ("an event set needs two places or
more"), and so is one that no town of its sentence is given (``no_place``).
A count that is negated or denied ("no cases in Siaya" aside, which gives no
number: "has not reported 30 cases", "Health officials denied reports of 30
cases in Homa Bay", "reports of 30 cases ... were false") is set aside as
``negated``; one to come ("could reach 500 cases", "will", "expected to",
"up to") as ``conditional``.

How sure a count is comes from its sentence, as for every item
(:func:`~geosleuth.read.hedges.hedge_of`; "12 suspected cases" names a kind of
case, no hedge), one level less where another party denies the sentence. An
event set has one hedge for all its events: it scales the whole surface
(``r·K + (1 − r)``, :class:`~geosleuth.evidence.EventSet`), and cannot say that
one town's count is less sure than another's. So the counts of an outbreak that
are all hedged ("Cholera may have killed 45 people in Kisumu, 12 in Siaya and
seven in Homa Bay, unconfirmed reports said") are one event set with the least
sure of their hedges; a town whose only count is hedged, beside towns whose
counts are plain, is set aside (``conditional``, with the hedge's cue) rather
than weaken the others or count as sure as they are. A town with a plain count
and a hedged one keeps the plain one.

The event set's quote and span run from the first to the last sentence that
gave one of its counts; where that is more than one sentence, its note gives
each count's sentence within the quote ("Hamburg 117 [1], Kiel 5 [2]"). Its date
is that of its first count's own clause ("Kisumu reported 45 new cases on
Monday", "..., health officials said on Monday", "... since 2017"); a report's
counts are as of its day (its publication) unless their clause dates them. A
date of another clause is not theirs: another statement after a semicolon
("...; in 2017 the disease killed 70 in Kisumu"), a relative clause ("The
outbreak, which began on 12 May, has caused 45 cases"), a clause of time ("...
since the outbreak began in 2019": counts to date), an earlier figure's time
("up from 30 last week"), and no number read as a count ("Busia (1999)").

The module is split by what each part reads: the patterns of counts, towns and
lists (``_patterns``), the reading of counts and lists of towns from a sentence's
text (``_lists``), and here the noting of each count with its town, hedge and
reasons for setting it aside, and the building of the event sets.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from geosleuth.evidence import EventSet, Hedge
from geosleuth.geometry import Area, haversine_km
from geosleuth.read._sentence import (
    MentionLike,
    Sentence,
    disputed,
    geometry_of,
    hedge_note,
    hedge_text,
    is_point,
    kind_of,
    label,
    note_of,
    resolved,
)
from geosleuth.read.cases._lists import (
    _a_year,
    _counts,
    _Group,
    _Item,
    _item_named,
    _list_after,
    _look_up,
    _number,
    _other_clauses,
    _place_after,
    _reporter,
    _reporting_place,
    _town_lists,
    _what,
)
from geosleuth.read.cases._lists import (
    _count_lists as _count_lists,  # for geosleuth.read.target
)
from geosleuth.read.cases._patterns import (
    _CASE_WORDS,
    _CASES_IN,
    _DENIED,
    _EARLIER,
    _FIRST_PART,
    _ILL,
    _ILL_BY_NAME,
    _IMPORTED,
    _MAY_HAVE,
    _NEGATED,
    _NOT_DISEASE,
    _REPORT_OF,
    _TO_COME,
    _UNTRUE,
)
from geosleuth.read.cases._patterns import (
    _COUNT as _COUNT,  # for geosleuth.read.target
)
from geosleuth.read.cases._patterns import (
    _DISEASE as _DISEASE,  # for geosleuth.read.target
)
from geosleuth.read.cases._patterns import (
    _SHARE as _SHARE,  # for geosleuth.read.target
)
from geosleuth.read.hedges import hedge_of

if TYPE_CHECKING:
    from geosleuth.read.claims import _Extractor

__all__ = ["CASE_SIGMA_KM", "find_cases", "finish_cases"]


#: Spread of each town's cases (km): the kernel of the event set's density.
CASE_SIGMA_KM = 10.0


@dataclass(frozen=True, slots=True)
class _Counted:
    """A town as one count gives it: the mention, and how sure the count is.

    Stands for the mention in ``ex.cases`` (it has what a mention has), so that
    :func:`finish_cases` knows each count's hedge and whether it counts deaths.
    """

    mention: MentionLike
    hedge: Hedge = "certain"
    cue: str | None = None
    note: str = ""
    what: str = "cases"
    #: The spans of its sentence that may not date the count: other clauses, and
    #: numbers read as counts (:func:`_other_clauses`).
    skip: tuple[tuple[int, int], ...] = ()

    @property
    def text(self) -> str:
        return self.mention.text

    @property
    def start(self) -> int:
        return self.mention.start

    @property
    def end(self) -> int:
        return self.mention.end

    @property
    def name(self) -> str | None:
        return self.mention.name

    @property
    def lon(self) -> float:
        return self.mention.lon

    @property
    def lat(self) -> float:
        return self.mention.lat

    @property
    def confidence(self) -> float:
        return self.mention.confidence

    @property
    def place(self) -> Any:
        return self.mention.place


def _many(count: int, what: str) -> str:
    """``count`` of ``what`` ("cases" or "deaths"), singular for one: "1 case"."""
    return f"{count:,} {what[:-1] if count == 1 else what}"


@functools.lru_cache(maxsize=16)
def _names_a_disease(text: str) -> bool:
    """Whether ``text`` names a disease or an outbreak (asked once per sentence)."""
    return _DISEASE.search(text) is not None


def find_cases(ex: _Extractor, s: Sentence) -> None:
    """Note the case counts of ``s`` and their towns (``ex.cases``).

    Only for a document read for no person; :func:`finish_cases` builds the
    event set once the walk is over. Counts set aside (negated, denied, to come,
    of no town, an earlier figure) are noted in ``ex.rejected`` with the reason.
    """
    if ex.target is not None and not ex.target.inferred:
        return  # a person given: no outbreak reading
    if not _names_a_disease(ex.text):
        return  # no disease named: no outbreak
    places = [
        m for m in s.places if resolved(m) and getattr(m, "role", "place") == "place"
    ]
    if not places:
        return
    if ex.target is not None:
        # a person sought: no case counts; but where that person was only
        # inferred (the one the report names most), say so, never silently
        if ex.target.inferred:
            count = next(
                (
                    m
                    for m in _counts(s.text)
                    if (m.noun.lower() in _CASE_WORDS or _ILL.search(s.text))
                    and not _a_year(m.num)
                ),
                None,
            )
            if count is not None:
                ex.reject(
                    "not_target",
                    f"{count.words!r}: a case count not read: the report is read "
                    f"for {ex.target.name!r}, the person it names most often (no "
                    "target given), and case counts are read only from a report "
                    "read for no one",
                    (s.span[0] + count.start, s.span[0] + count.end),
                )
        return
    sure = _how_sure(ex, s)
    done: list[tuple[int, int]] = []  # the spans of the counts and lists read
    groups: list[_Group] = []
    pending: list[tuple[str, tuple[int, int]]] = []  # counts of no town
    for m in _counts(s.text):
        a, at = s.span[0] + m.start, s.span[0] + m.end
        if any(x <= a < y for x, y in done):
            continue  # a count of a list read already ("(12 deaths)")
        noun = m.noun.lower()
        if noun not in _CASE_WORDS and not _ILL.search(s.text):
            continue  # "20 people attended": no one ill
        num = m.num
        if _a_year(num):
            continue  # "the 2017 cases": a year
        if noun not in _ILL_BY_NAME:
            disaster = _NOT_DISEASE.search(s.text)
            if disaster is not None:
                ex.reject(
                    "not_target",
                    f"{m.words!r}: deaths or harm not said to be from a disease "
                    f"({disaster.group(0)!r}), no case of the outbreak",
                    (a, at),
                )
                continue
        earlier = _EARLIER.search(ex.text, s.span[0], a)
        if earlier is not None:
            ex.reject(
                "not_target",
                f"{m.words!r}: an earlier figure ({earlier.group('cue')!r}), no "
                "count of now",
                (a, at),
            )
            continue
        imported = _imported(ex.text, s, a)
        if imported is not None:
            ex.reject(
                "not_target",
                f"{m.words!r}: cases caught elsewhere ({imported!r}), no event of "
                "the outbreak where they were counted",
                (a, at),
            )
            continue
        what = _what(ex.text, s, a, at, noun)
        place = _place_after(ex.text, at, places) or _reporting_place(
            ex.text, a, places
        )
        num_at = (s.span[0] + m.num_at[0], s.span[0] + m.num_at[1])
        items: list[_Item] = []
        parts = False  # the count is a total, and its parts are read
        if place is not None:
            end = max(place.end, at)
            items.append(
                _Item(_number(num), place.start, place.end, place, what, end, num_at)
            )
        else:
            # "Two children have died, one in Cluj-Napoca and one in Iasi": the
            # parts of a total
            end = at
            first = _FIRST_PART.match(ex.text, at, s.span[1])
            if first is not None:
                part = _item_named(ex, first.end(), s.span[1], places, first, what)
                if part is not None:
                    items.append(part)
                    end = part.stop
                    parts = True
        # "45 people dead in Nyanza, 12 in Kisumu and seven in Siaya"; "Katwa has
        # recorded 512 cases, Beni 339 and Butembo 133" (Katwa unknown); "Hamburg
        # has reported 117 cases, Lower Saxony 62"
        items += _list_after(ex, s, end, places, what)
        _look_up(ex, items, places)
        stop = max([at, *(i.stop for i in items)])
        done.append((a, stop))
        if not items:
            pending.append((m.words, (a, at)))
            continue
        if place is None and not parts:
            # "Katwa has recorded 512 cases, Beni 339": the list is read, and
            # the count of the name before it is said to be left out
            who = _reporter(ex.text, s, a)
            ex.reject(
                "unresolved" if who else "no_place",
                (f"{who!r} reports {m.words!r}, but is no place found in the text"
                 if who else f"{m.words!r}: no town of the sentence is given this "
                 "count")
                + "; the counts listed after it are read",
                (a, at),
            )  # fmt: skip
        groups.append(_Group(items, (a, at), (a, stop), a if place else None))
    groups += _town_lists(ex, s, places, done)
    for words, span in pending:
        if not any(x <= span[0] < y for g in groups for x, y in [g.span]):
            ex.reject(
                "no_place",
                f"{words!r}: no town of the sentence is given this count (a total, "
                "or a wording not read)",
                span,
            )
    uncounted = _uncounted(ex, s, places, groups)
    numbers = [i.num for g in groups for i in g.items]
    for g in groups:
        if uncounted is not None:
            p, said = uncounted
            for i in g.items:
                name = label(i.town) if i.town is not None else ex.text[i.start : i.end]
                ex.reject(
                    "no_place",
                    f"{_many(i.count, i.what)} at {name!r}: the sentence gives "
                    f"{label(p)!r} cases but no count ({said!r}), so its towns and "
                    "counts cannot be paired soundly (those given alone would point "
                    "away from it)",
                    (i.start, i.end),
                )
            continue
        # the counts' date is of their own clause, and no number read as a count
        # is one ("Busia (1999)")
        skip = (*_other_clauses(ex.text, s, g.count[0], g.span[1]), *numbers)
        _note_items(ex, s, g.items, *g.count, sure, count_at=g.count_at, skip=skip)


def _imported(text: str, s: Sentence, a: int) -> str | None:
    """The words that say the cases of the count at ``a`` were caught elsewhere.

    Looked for from the count to the next count of the sentence: "Five cases
    have also been confirmed in Bulawayo, ..., among people who had travelled
    from Harare" (:data:`_IMPORTED`). Such cases point to where they were
    caught, not to the source near where they are counted. None if no such
    words.
    """
    nxt = [s.span[0] + c.start for c in _counts(s.text) if s.span[0] + c.start > a]
    found = _IMPORTED.search(text, a, min(nxt, default=s.span[1]))
    return None if found is None else found.group("cue")


def _uncounted(
    ex: _Extractor, s: Sentence, places: list[MentionLike], groups: list[_Group]
) -> tuple[MentionLike, str] | None:
    """A town that ``s`` gives cases but no count, beside towns with counts.

    "Most of the cases live in Lorca, with smaller numbers in Totana (4) and
    Alhama de Murcia (2)": the counts given would make the place with most
    cases the least likely. Returns the town and the words, or None. Not a
    division or a country (too coarse, and holding the towns), nor the
    speaker's words.
    """
    if not groups:
        return None
    taken = {i.town.start for g in groups for i in g.items if i.town is not None}
    for p in places:
        if (
            p.start in taken
            or not _fine_enough(p)
            or any(a < p.end and p.start < b for a, b in s.attr.excluded)
        ):
            continue
        said = _CASES_IN.search(ex.text, s.span[0], p.start)
        if said is not None:
            return p, ex.text[said.start() : p.end]
    return None


def _how_sure(ex: _Extractor, s: Sentence) -> tuple[Hedge, str | None, str]:
    """The hedge of the counts of ``s``, its cue, and a note of a denial of ``s``.

    Read as for every item from the sentence less its speaker, less the count
    phrases ("12 *suspected* cases" is a kind of case, not a hedge); one level
    less sure where another party denies the sentence
    (:func:`~geosleuth.read._sentence.disputed`).
    """
    chars = list(hedge_text(s))
    for m in _counts(s.text):
        chars[m.start : m.end] = " " * (m.end - m.start)
    hedge, cue = hedge_of("".join(chars))
    hedge, dnote = disputed(s, hedge, ex.text)
    return hedge, cue, dnote


def _set_aside(
    ex: _Extractor, s: Sentence, start: int, end: int
) -> tuple[Literal["negated", "conditional"], str] | None:
    """Why the count at ``start:end`` is no count of cases that happened, or None.

    Returns the reason (``negated`` or ``conditional``) and the words that say so.
    """
    before = ex.text[s.span[0] : start]
    denied = _DENIED.search(before)
    if denied is not None:
        return "negated", f"denied ({denied.group('cue')!r})"
    if _REPORT_OF.search(before):
        untrue = _UNTRUE.match(ex.text, end, s.span[1])
        if untrue is not None:
            return "negated", f"called untrue ({untrue.group('cue')!r})"
    if _MAY_HAVE.search(before):
        return None  # "may have killed 45 people": hedged, not to come
    neg = _NEGATED.search(before)
    if neg is not None:
        return "negated", f"negated ({neg.group(0).strip()!r})"
    to_come = _TO_COME.search(before)
    if to_come is not None:
        return "conditional", (
            f"to come, or a bound ({to_come.group(0).strip()!r}), not cases that "
            "happened"
        )
    return None


def _note_items(
    ex: _Extractor,
    s: Sentence,
    items: list[_Item],
    start: int,
    end: int,
    sure: tuple[Hedge, str | None, str],
    *,
    count_at: int | None = None,
    skip: tuple[tuple[int, int], ...] = (),
) -> None:
    """Note the towns and counts of ``items``, or set them aside, with reasons.

    ``start:end`` is where the count (or the list) begins, for what is said
    before it; a count of a list's own item is placed at its town. A date
    within the spans ``skip`` is none of the counts' (:func:`_other_clauses`).
    """
    why = _set_aside(ex, s, start, end)
    for item in items:
        name = (
            label(item.town)
            if item.town is not None
            else ex.text[item.start : item.end]
        )
        if why is not None:
            reason, words = why
            ex.reject(
                reason,
                f"{_many(item.count, item.what)} at {name!r}: {words}",
                (item.start, item.end),
            )
            continue
        if item.town is None:
            ex.reject(
                "unresolved",
                f"{name!r} has {_many(item.count, item.what)}, but is no place "
                "found in the gazetteer among the places of the country of the "
                "other towns listed",
                (item.start, item.end),
            )
            continue
        hedge, cue, dnote = sure
        town = _Counted(item.town, hedge, cue, dnote, item.what, skip)
        at = count_at if count_at is not None and item is items[0] else item.start
        _note(ex, s, town, item.count, at)


#: The widest division that may stand as one event (km across): a county, a
#: Kenyan county; not a state or a province.
_EVENT_KM = 150.0


def _fine_enough(place: MentionLike) -> bool:
    """Whether a place is small enough to be one event: a town, or a small division.

    A town, a village, a city, an airport, written coordinates, or a division
    (a county, a district) at most :data:`_EVENT_KM` across, at its
    representative point; not a country, a state, a province or a region
    whose extent is unknown.
    """
    kind = kind_of(place)
    if kind in ("city", "town", "village", "point", "county", "airport"):
        return is_point(place) or isinstance(geometry_of(place), Area)
    geom = geometry_of(place)
    if kind != "admin" or not isinstance(geom, Area):
        return False
    ring = np.concatenate([poly[0] for poly in geom.polygons])
    lat = math.radians(float(np.mean(ring[:, 1])))
    wide = float(np.ptp(ring[:, 0])) * 111.32 * math.cos(lat)
    high = float(np.ptp(ring[:, 1])) * 111.32
    return max(wide, high) <= _EVENT_KM


def _note(ex: _Extractor, s: Sentence, place: _Counted, count: int, at: int) -> None:
    if count <= 0:
        return
    if not _fine_enough(place):
        ex.reject(
            "not_a_place",
            f"{place.text!r} has {_many(count, place.what)}, but is too coarse for an "
            f"event (a country, a state or a region; a town or a division at most "
            f"{_EVENT_KM:g} km across is one)",
            (place.start, place.end),
        )
        return
    ex.cases.append((s, place, count, at))


#: Towns farther apart than this (km), with no town between, are two outbreaks.
CLUSTER_KM = 300.0


_RANK: dict[Hedge, int] = {"certain": 3, "probable": 2, "possible": 1, "doubtful": 0}


@dataclass(frozen=True, slots=True)
class _Town:
    """A town of the document's counts: the count it stands with, and where."""

    place: MentionLike
    count: int
    sentence: Sentence
    at: int
    #: Where the town was first given a count (for the order of the events).
    first: int

    @property
    def hedge(self) -> Hedge:
        return self.place.hedge if isinstance(self.place, _Counted) else "certain"


def finish_cases(ex: _Extractor) -> None:
    """Build the document's event sets from the counts noted.

    Each town is an event weighted by the largest count given for it (of its
    surest counts: a plain count before a hedged one). Towns within
    :data:`CLUSTER_KM` of one another (single linkage) are one outbreak and one
    event set: a report of cholera in Kisumu and Siaya and of Ebola in Beni and
    Butembo, 1,000 km away, is two, not one whose profile peaks between them.
    An event set is stated by the first sentence that gave one of its counts
    (its speaker and grade), quotes every sentence from that one to the last
    that gave one, and its note lists every town and count; a cluster of one
    town is set aside, and so is a town whose count is hedged beside plain ones
    (an event set has one hedge for all its towns).
    """
    if not ex.cases:
        return
    best: dict[str, _Town] = {}
    for s, place, count, at in ex.cases:
        key = label(place)
        town = _Town(place, count, s, at, at)
        old = best.get(key)
        if old is None:
            best[key] = town
        elif (_RANK[town.hedge], count) > (_RANK[old.hedge], old.count):
            best[key] = replace(town, first=old.first)
    for group in _clusters(list(best.values())):
        top = max(_RANK[t.hedge] for t in group)
        kept = [t for t in group if _RANK[t.hedge] == top]
        for t in group:
            if _RANK[t.hedge] < top:
                p = t.place
                cue = p.cue if isinstance(p, _Counted) else None
                ex.reject(
                    "conditional",
                    f"{label(p)!r} has "
                    f"{_many(t.count, p.what if isinstance(p, _Counted) else 'cases')}"
                    " by a hedged "
                    f"count ({t.hedge}"
                    + (f", from {cue!r}" if cue else "")
                    + ") beside plain counts of the same outbreak: an event set has "
                    "one hedge for all its towns, so it is left out",
                    (p.start, p.end),
                )
        if len(kept) < 2:
            (t,) = kept
            why = (
                "; the others' counts are hedged"
                if len(group) > 1
                else f", {CLUSTER_KM:g} km or more from the others"
                if len(best) > 1
                else ""
            )
            ex.reject(
                "no_place",
                f"cases at one town only ({label(t.place)}{why}): an event set "
                "needs two places or more",
                (t.place.start, t.place.end),
            )
            continue
        _build(ex, kept)


def _clusters(towns: list[_Town]) -> list[list[_Town]]:
    """The towns in groups linked by distances of at most :data:`CLUSTER_KM`."""
    lons = np.array([t.place.lon for t in towns])
    lats = np.array([t.place.lat for t in towns])
    group = list(range(len(towns)))
    for a in range(len(towns)):
        d = haversine_km(lons, lats, lons[a], lats[a])
        for b in np.flatnonzero(d <= CLUSTER_KM).tolist():
            old, new = group[b], group[a]
            if old != new:
                group = [new if g == old else g for g in group]
    out: dict[int, list[_Town]] = {}
    for k, town in zip(group, towns, strict=True):
        out.setdefault(k, []).append(town)
    return sorted(out.values(), key=lambda g: min(t.first for t in g))


def _build(ex: _Extractor, towns: list[_Town]) -> None:
    first = min(towns, key=lambda t: t.at)
    last = max(towns, key=lambda t: t.sentence.index)
    s0 = first.sentence
    # as of the report's day, unless the count's own clause dates it
    skip = first.place.skip if isinstance(first.place, _Counted) else ()
    date, date_from, dnote = ex.dates(s0, first.at, skip=skip)
    several = last.sentence.index > s0.index

    def where(t: _Town) -> str:
        return f" [{t.sentence.index - s0.index + 1}]" if several else ""

    counts = ", ".join(f"{label(t.place)} {t.count:,}{where(t)}" for t in towns)
    hedge = towns[0].hedge
    cues = [t.place for t in towns if isinstance(t.place, _Counted)]
    cue = next((p.cue for p in cues if p.cue and hedge != "certain"), None)
    disputes = list(dict.fromkeys(p.note for p in cues if p.note))
    note = note_of(
        f"case counts by town ({counts}); each town's largest count is its weight",
        "[k]: the sentence of the quote that gives the count" if several else "",
        hedge_note(cue),
        *disputes,
        dnote,
    )
    span = (s0.span[0], last.sentence.span[1])
    provenance = replace(
        ex.provenance(s0, first.at), quote=ex.text[span[0] : span[1]], span=span
    )
    ex.build(
        EventSet, s0, span, id=ex.next_id("e"),
        provenance=provenance, date=date, date_from=date_from,
        grade=ex.grade(s0.attr.at(first.at)), hedge=hedge, note=note,
        lons=[t.place.lon for t in towns], lats=[t.place.lat for t in towns],
        weights=[float(t.count) for t in towns], method="kde",
        sigma_km=CASE_SIGMA_KM, names=tuple(label(t.place) for t in towns),
    )  # fmt: skip
