"""Case counts and lists of towns, read from a sentence's text.

A count of a sentence (:func:`_counts`: "45 cases", "cases rose to 45") and what it
counts (:func:`_what`), the town it is given (after it, or reporting it before
it), and the list of counts that goes on after it (:func:`_list_after`) or a list
of towns each with its count (:func:`_town_lists`, :func:`_count_lists`), as
items (:class:`_Item`) grouped by count or list (:class:`_Group`); the names the
reading of places left out are looked up in the gazetteer (:func:`_look_up`), and
:func:`_other_clauses` gives the spans of a sentence that may not date a count.
What is noted, or set aside, is decided in :mod:`geosleuth.read.cases`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geosleuth.read._sentence import (
    MentionLike,
    Sentence,
    kind_of,
    label,
    resolved,
)
from geosleuth.read.cases._patterns import (
    _AFTER_TOWN,
    _ASIDE_BRACKET,
    _BRACKET,
    _COUNT,
    _DEATH,
    _DIVISION_WORD,
    _EARLIER_ASIDE,
    _ILL_BY_NAME,
    _LIST_GAP,
    _NAME,
    _NEXT,
    _NEXT_TOWN,
    _OF_CASES,
    _OPENER,
    _PART,
    _REPORTED,
    _REPORTS,
    _RISE,
    _SHARE,
    _TO_PLACE,
    _WHERE,
    _word_number,
)

if TYPE_CHECKING:
    from geosleuth.read.claims import _Extractor

__all__: list[str] = []


@dataclass(slots=True)
class _Item:
    """One town of a list of counts: its count, its name's span, its place."""

    count: int
    start: int
    end: int
    town: MentionLike | None
    what: str
    #: Where the item ends (its count after the town, or the town).
    stop: int
    #: Where its number is written.
    num: tuple[int, int]
    #: Whether the number, in the town's brackets, may be a year ("Busia
    #: (1999)"), with no noun of cases after it: a count only in a list of counts.
    year: bool = False


def _number(text: str) -> int:
    t = text.lower().replace(",", "")
    return int(t) if t.isdigit() else _word_number(t)


@dataclass(frozen=True, slots=True)
class _Count:
    """A count of a sentence: its words, number and noun (offsets in ``s.text``)."""

    #: Where the count begins ("at least 45 cases"; "45" of "cases rose to 45").
    start: int
    end: int
    num: str
    #: Where the number is.
    num_at: tuple[int, int]
    noun: str
    words: str


def _counts(text: str) -> list[_Count]:
    """The counts of a sentence's ``text``, in order: "45 cases", "cases rose to 45"."""
    out = [
        _Count(m.start(), m.end(), m.group("num"), m.span("num"), m.group("noun"),
               m.group(0))
        for m in [*_COUNT.finditer(text), *_SHARE.finditer(text)]
    ] + [
        _Count(m.start("num"), m.end(), m.group("num"), m.span("num"),
               m.group("noun"), m.group(0))
        for m in _RISE.finditer(text)
    ]  # fmt: skip
    return sorted(out, key=lambda c: c.start)


@dataclass(slots=True)
class _Group:
    """The items of one count and its list, or of one list of towns and counts."""

    items: list[_Item]
    #: Where the count (or the list's first item) is: what is said before it,
    #: and after, may set it aside.
    count: tuple[int, int]
    #: The whole of it in the text.
    span: tuple[int, int]
    #: Where the first item's count is, when it comes before its town.
    count_at: int | None


def _what(text: str, s: Sentence, a: int, at: int, noun: str) -> str:
    """Whether the count at ``a:at`` is of "deaths" or of "cases" (for the notes).

    Its noun ("deaths", "cases"), else a word of death just before or after it,
    up to the next number: "Cholera has *killed* 45 people", "Two women *died*
    in Lower Saxony"; not "80,000 people have been infected and 3,759 died".
    """
    if noun in ("death", "deaths", "fatalities"):
        return "deaths"
    if noun in _ILL_BY_NAME:
        return "cases"
    before = re.split(r"\d", text[s.span[0] : a])[-1][-40:]
    after = re.split(r"\d", text[at : s.span[1]])[0][:60]
    return "deaths" if _DEATH.search(before) or _DEATH.search(after) else "cases"


def _place_after(text: str, at: int, places: list[MentionLike]) -> MentionLike | None:
    """The first place after ``at`` with "in", "at", ... before it, in its clause.

    Not past the count of a part ("Two children have died, one in Cluj-Napoca":
    Cluj-Napoca is the part's).
    """
    for p in places:
        if p.start >= at and _TO_PLACE.match(text[at : p.start]):
            return None if _PART.search(text, at, p.start) else p
    return None


def _reporting_place(
    text: str, at: int, places: list[MentionLike]
) -> MentionLike | None:
    """The place that reports the count at ``at``, named just before it.

    "Kisumu reported 30 new cases", "..., and Migori has 12 suspected cases",
    "the Kisumu district recorded 30"; or whose relative clause gives the count:
    "..., and 12 in Wajir, where 200 people have fallen ill".
    """
    before = [p for p in places if p.end <= at and at - p.end <= 50]
    if not before:
        return None
    last = max(before, key=lambda p: p.start)
    between = text[last.end : at]
    # "Siaya (5 deaths)": a count in brackets after its town
    if (
        _REPORTS.match(between)
        or _BRACKET.fullmatch(between)
        or _WHERE.fullmatch(between)
    ):
        return last
    return None


def _reporter(text: str, s: Sentence, at: int) -> str | None:
    """The name that reports the count at ``at``, just before it, or None.

    "Katwa has recorded 512 cases": for a count whose reporter is no place found.
    """
    for name in _NAME.finditer(text, max(s.span[0], at - 80), at):
        if at - name.end() <= 50 and _REPORTS.match(text[name.end() : at]):
            return name.group(0)
    return None


def _mention_at(
    places: list[MentionLike], start: int, end: int | None = None
) -> MentionLike | None:
    """The longest resolved place that begins at ``start`` (and ends by ``end``)."""
    found = [p for p in places if p.start == start and (end is None or p.end <= end)]
    return max(found, key=lambda p: p.end) if found else None


def _item_named(
    ex: _Extractor,
    start: int,
    stop: int,
    places: list[MentionLike],
    count: re.Match[str],
    what: str,
) -> _Item | None:
    """The item of ``count`` ("12 in") whose town's name begins at ``start``.

    After "in the": the place "The Plains" or "the Bronx" may begin with it.
    """
    town = _mention_at(places, start)
    the = re.match(r"the\s+", ex.text[start:stop], re.IGNORECASE)
    if town is None and the is not None:
        start += the.end()
        town = _mention_at(places, start)
    end = _town_end(ex.text, town, start, stop)
    if end is None:
        return None
    num = count.span("num")
    return _Item(_number(count.group("num")), start, end, town, what, end, num)


def _town_end(text: str, town: MentionLike | None, start: int, stop: int) -> int | None:
    """Where the town named at ``start`` ends: its place's end, else its name's.

    None when no name begins there.
    """
    if town is not None:
        return town.end
    name = _NAME.match(text, start, stop)
    return None if name is None else _name_end(text, name)


def _town_reports(
    ex: _Extractor, start: int, stop: int, places: list[MentionLike], what: str
) -> _Item | None:
    """The "Siaya reported 12" item whose town's name begins at ``start``, or None.

    The next item of a list: "Kisumu reported 45 new cases and *Siaya reported
    12*", "... and *Wajir County has recorded 12 deaths*"; its noun, if any, says
    whether it counts cases or deaths, else it counts what the list does.
    """
    town = _mention_at(places, start)
    end = _town_end(ex.text, town, start, stop)
    if end is None:
        return None
    said = _REPORTED.match(ex.text, end, stop)
    if said is None:
        return None
    num, noun = said.group("num"), (said.group("noun") or "").lower()
    if _a_year(num) and not noun:
        return None  # "and Siaya reported 2019 ...": no count
    if noun:
        what = "deaths" if noun.startswith(("death", "fatal")) else "cases"
    return _Item(_number(num), start, end, town, what, said.end(), said.span("num"))


def _name_end(text: str, name: re.Match[str]) -> int:
    """The end of a town's name, less a division's word ("Siaya County")."""
    division = _DIVISION_WORD.search(name.group(0))
    return name.end() - (len(division.group(0)) if division else 0)


def _town_count(
    ex: _Extractor, start: int, stop: int, places: list[MentionLike]
) -> _Item | None:
    """The "Town N" or "Town (N)" item whose town begins at ``start``, or None.

    A number in the town's brackets that may be a year ("Busia (1999)") gives an
    item marked ``year``: the list it is in decides whether it is a count. One
    without brackets ("Homa Bay 2018") is a year, and gives None.
    """
    town = _mention_at(places, start)
    if town is not None:
        end = town.end
    else:
        name = _NAME.match(ex.text, start, stop)
        if name is None:
            return None
        end = name.end()
        # "In Kisumu (45)": a place found at the name's end is the town
        inner = [p for p in places if start < p.start and p.end == end]
        if inner:
            town = min(inner, key=lambda p: p.start)
            start = town.start
    after = _AFTER_TOWN.match(ex.text, end, stop)
    if after is None and town is None:
        # "Homa Bay County 7": the name's last word was the division's
        name = _NAME.match(ex.text, start, stop)
        assert name is not None
        end = _name_end(ex.text, name)
        after = _AFTER_TOWN.match(ex.text, end, stop) if end < name.end() else None
    if after is None:
        return None
    group = "pnum" if after.group("pnum") else "bnum"
    num = after.group(group)
    noun = (after.group("pnoun") or after.group("bnoun") or "").lower()
    what = "deaths" if noun.startswith(("death", "fatal")) else "cases"
    year = _a_year(num) and not noun
    if year and group == "bnum":
        return None  # "Homa Bay 2018": a year
    return _Item(
        _number(num), start, end, town, what, after.end(), after.span(group), year
    )


def _list_after(
    ex: _Extractor, s: Sentence, end: int, places: list[MentionLike], what: str
) -> list[_Item]:
    """The items of the list of counts that goes on at ``end``, in order.

    "..., 12 in Kisumu and seven in Siaya" or "..., Beni 339 and Butembo 133";
    a division that qualifies the town before is passed ("Hyderabad, Sindh, with
    a further 52 in Karachi"). The towns that the reading of places left out
    are looked up (:func:`_look_up`).
    """
    stop = s.span[1]
    items: list[_Item] = []
    while True:
        end = _past_qualifier(ex.text, end, stop, places)
        n = _NEXT.match(ex.text, end, stop)
        item = None
        if n is not None:
            item = _item_named(ex, n.end(), stop, places, n, what)
        if item is None:
            gap = _LIST_GAP.match(ex.text, end, stop)
            if gap is not None:
                # in a list of counts, "Busia (1999)" is a count too
                item = _town_count(ex, gap.end(), stop, places)
        if item is None:
            # "Kisumu reported 45 new cases and Siaya reported 12"
            nt = _NEXT_TOWN.match(ex.text, end, stop)
            if nt is not None:
                item = _town_reports(ex, nt.end(), stop, places, what)
        if item is None:
            break
        items.append(item)
        end = item.stop
    return items


def _past_qualifier(text: str, end: int, stop: int, places: list[MentionLike]) -> int:
    """``end`` moved past ", Sindh", a division that qualifies the town before.

    A division or a country right after the town, with no count of its own.
    """
    q = min((p for p in places if p.start >= end), key=lambda p: p.start, default=None)
    if (
        q is None
        or q.start >= stop
        or not re.fullmatch(r",\s*", text[end : q.start])
        or kind_of(q) not in ("admin", "country", "region")
        or not re.match(r"\s*(?:[,;.]|$)", text[q.end : stop])
    ):
        return end
    return q.end


def _look_up(ex: _Extractor, items: list[_Item], places: list[MentionLike]) -> None:
    """Give a place to each item whose name the reading of places left out.

    The tagger takes a town of a list for a person now and then ("Siaya (12) and
    Homa Bay (7)", "Timis (204)"): such a name is looked up in the gazetteer
    (:func:`~geosleuth.read.toponyms.resolve_toponyms`, with the document's
    places as context), and kept only where it is a place of that very name
    in a country of the list's other towns (or, with none, the sentence's).
    """
    todo = [i for i in items if i.town is None]
    if not todo:
        return
    from geosleuth.gazetteer import Gazetteer
    from geosleuth.read.toponyms import resolve_toponyms

    near = [i.town for i in items if i.town is not None] or places
    countries = {getattr(p.place, "country", None) for p in near} - {None}
    if not countries:
        return
    gaz = ex.gazetteer if ex.gazetteer is not None else Gazetteer.default()
    context = sorted(
        {
            (m.start, m.end)
            for m in ex.mentions
            if resolved(m)
            and getattr(m, "role", "place") == "place"
            and kind_of(m) != "point"  # written coordinates: no name to weigh
        }
    )
    for item in todo:
        surface = ex.text[item.start : item.end]
        exact = {
            (gaz.place(p).name, gaz.place(p).lon, gaz.place(p).lat)
            for p, w in gaz.match_ids(surface)
            if w >= 1.0 and gaz.country_code(p) in countries
        }
        if not exact:
            continue
        spans = [x for x in context if x != (item.start, item.end)]
        got = resolve_toponyms(
            ex.text, [*spans, (item.start, item.end)], gazetteer=gaz
        )[-1]
        if resolved(got) and (got.name, got.lon, got.lat) in exact:
            item.town = got


def _town_lists(
    ex: _Extractor,
    s: Sentence,
    places: list[MentionLike],
    done: list[tuple[int, int]],
) -> list[_Group]:
    """The lists of towns each with its count after it, in ``s``.

    "Cases have been confirmed in Kisumu (45), Siaya (12) and Homa Bay (7)",
    "Cholera cases by county: Kisumu 45, Siaya 12, Homa Bay 7": two items or
    more, in a sentence that speaks of cases, one of them a place found in the
    text. Items of lists read already (``done``) are not read again.
    """
    if not _OF_CASES.search(s.text):
        return []
    out: list[_Group] = []
    stop = s.span[1]
    k = s.span[0]
    while True:
        name = _NAME.search(ex.text, k, stop)
        if name is None:
            return out
        k = name.end()
        if any(x <= name.start() < y for x, y in done):
            continue
        first = _town_count(ex, name.start(), stop, places)
        if first is None or (first.year and first.town is None):
            continue  # a year first, but in a found town's brackets
        items = [first]
        end = first.stop
        while True:
            end = _past_qualifier(ex.text, end, stop, places)
            gap = _LIST_GAP.match(ex.text, end, stop)
            item = _town_count(ex, gap.end(), stop, places) if gap else None
            if item is None:
                break
            items.append(item)
            end = item.stop
        k = max(k, end)
        if (
            len(items) < 2
            or all(i.town is None for i in items)
            or all(i.year for i in items)
        ):
            # "Route 66", a person's age "(45)": no list of towns; "Kisumu (1999)
            # and Siaya (2005)": years, no counts
            continue
        _look_up(ex, items, places)
        _aside_after(ex, end, stop, places)
        done.append((first.start, end))
        out.append(_Group(items, (first.start, first.stop), (first.start, end), None))


def _aside_after(
    ex: _Extractor, end: int, stop: int, places: list[MentionLike]
) -> None:
    """Say that the town after a list, its count past an aside, is left out.

    "Cases have been reported in Garissa (45), Wajir (12) and Mandera, some 350
    km away (7)": the list ends at Wajir; the bracket after the aside may be
    Mandera's count, or of a place of the aside, and is not paired soundly.
    """
    gap = _LIST_GAP.match(ex.text, end, stop)
    if gap is None:
        return
    town = _mention_at(places, gap.end())
    if town is not None:
        name_end = town.end
    else:
        name = _NAME.match(ex.text, gap.end(), stop)
        if name is None:
            return
        name_end = name.end()
    aside = _ASIDE_BRACKET.match(ex.text, name_end, stop)
    if aside is None or any(name_end < p.start < aside.end() for p in places):
        return
    who = label(town) if town is not None else ex.text[gap.end() : name_end]
    ex.reject(
        "no_place",
        f"{who!r} is listed with a count in brackets after an aside "
        f"({ex.text[name_end : aside.end()].strip(', ')!r}): the count is not "
        "paired with the town soundly, so it is left out",
        (gap.end(), aside.end()),
    )


def _count_lists(text: str) -> list[list[tuple[int, int]]]:
    """The lists of towns each with its count after it, by the text alone.

    Each list is the spans of its names, two or more: "Kisumu (45), Siaya (12)
    and Homa Bay (7)", "Kisumu 45, Siaya 12". For
    :func:`~geosleuth.read.target.infer_target`: a name of such a list with a
    place in it is a town, not a person, whatever the tagger says.

    Examples
    --------
    >>> t = "Cases: Kisumu (45), Siaya (12) and Homa Bay (7). Route 66 is long."
    >>> [[t[a:b] for a, b in run] for run in _count_lists(t)]
    [['Kisumu', 'Siaya', 'Homa Bay']]
    """
    runs: list[list[tuple[int, int]]] = []
    k = 0
    while (name := _NAME.search(text, k)) is not None:
        k = name.end()
        run: list[tuple[int, int]] = []
        start, end = name.start(), name.end()
        while (after := _AFTER_TOWN.match(text, end)) is not None:
            num = after.group("pnum") or after.group("bnum")
            noun = after.group("pnoun") or after.group("bnoun")
            if _a_year(num) and not noun and (not run or after.group("bnum")):
                break  # "Homa Bay 2018"; but "Kisumu (45) and Busia (1999)"
            run.append((start, _name_end(text, name)))
            gap = _LIST_GAP.match(text, after.end())
            nxt = _NAME.match(text, gap.end()) if gap is not None else None
            if nxt is None:
                end = after.end()
                break
            name, start, end = nxt, nxt.start(), nxt.end()
        if len(run) >= 2:
            runs.append(run)
            k = max(k, end)
    return runs


def _other_clauses(
    text: str, s: Sentence, start: int, stop: int
) -> tuple[tuple[int, int], ...]:
    """The spans of ``s`` outside the clause of the count at ``start:stop``.

    Their dates are not the count's: another statement after a semicolon ("...;
    in 2017 the disease killed 70"), a relative clause ("The outbreak, which
    began on 12 May, has caused 45 cases") or a clause of time ("45 cases since
    the outbreak began in 2019": counts to date). A clause runs from the word
    that opens it to the next comma (or semicolon, or the sentence's end), past
    the count's list where it holds the count ("..., while Wajir reported 12 on
    Monday"). "since 2017", "after 2 May" are the time of the count's own
    clause, no clause of another; the time of an earlier figure ("up from 30
    last week") is not the count's either.
    """
    lo, hi = s.span
    semis = [lo + m.start() for m in re.finditer(";", text[lo:hi])]
    left = max([lo] + [x + 1 for x in semis if x < start])
    right = min([hi] + [x for x in semis if x >= stop])
    own = [left, right]
    others: list[tuple[int, int]] = []
    for o in _OPENER.finditer(text, left, right):
        at = o.start("w") if o.group("w") else o.start("that")
        if any(
            d.start == at
            or (d.start >= o.end() and not text[o.end() : d.start].strip())
            for d in s.dates
        ):
            continue  # "since 2017": a time, no clause
        comma = text.find(",", o.end(), right)
        end = comma if comma >= 0 else right
        if at <= start < end:
            # the count is of this clause, to the comma after its list
            after = text.find(",", max(stop, end), right)
            own = [max(own[0], at), min(own[1], after if after >= 0 else right)]
        else:
            others.append((at, end))
    others += [m.span() for m in _EARLIER_ASIDE.finditer(text, lo, hi)]
    out = [(lo, own[0]), (own[1], hi), *others]
    return tuple((a, b) for a, b in out if a < b)


def _a_year(num: str) -> bool:
    return num.isdigit() and len(num) == 4 and 1900 <= int(num) <= 2100
