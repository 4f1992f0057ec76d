"""Dates in report text: absolute, partial and relative to the publication date.

Every date found becomes a period ``date_from``..``date`` (both inclusive):

=====================================  =============================================
text                                   period
=====================================  =============================================
"28 September 2017", "May 1st, 2018"   that day
"2018-05-15"                           that day
"13.08.2018", "08/13/2018"             that day (numbers: see below)
"1 May", "January 20", "May 1st"       that day in the publication year (the year
                                       before, if that day is after publication)
"Thursday, 5 July 2018", "Friday,      the date written; the weekday before it
July 6", "Monday, Aug. 13"             only names it (AP style). If that day is
                                       another weekday, the written date is kept
                                       and :attr:`DateMention.note` says so
"between Aug. 10 and Aug. 13", "from   the first day of the first date .. the
May to July 2017", "between 2014 and   last day of the second (a partial date
2016", "10-13 August", "Aug. 10-13",   takes its year from the other, or from
"Aug. 30-Sept. 2"                      publication as above)
"on 2 and 5 May", "May 2, 3 and 5",    the first day .. the last: an item has one
"between 5 and 2 May"                  period, and this one holds every day
                                       written; the note says so
"September 2017"                       that month
"in September", "since January"        that month of the publication year (the year
                                       before, if that month is after publication's)
"on Tuesday", "Tuesday", "last         the latest such weekday on or before
Tuesday"                               publication ("on Thursday" published on a
                                       Thursday is that day, as news style means;
                                       "last Thursday" then is a week before)
"in 2014", "(2014)", "since 2014"      that year
"in the past two years", "in recent    publication − 2 years .. publication;
months", "over the last few weeks"     "few"/"several" count as 3, "recent" as 3
"in the past year", "over the last     publication − one unit .. publication (a
week", "in the previous fortnight"     unit alone is one; a plural alone, a few)
"last year", "this year"               the previous / current calendar year
"last month", "last week"              the previous calendar month / 7-day week
"the year (month, week) before last"   the calendar year (month) before last year
                                       (month); 14 .. 7 days before publication
"three days ago", "a week ago", "a     that day
fortnight ago", "yesterday"
"eighteen months ago", "two years      that day ± half its unit (15 days, 6
ago"                                   months), no later than publication: the
                                       time about then ("two decades ago": that
                                       day)
"in the spring", "over the summer",    the latest such season begun on or before
"last winter", "this autumn"           publication ("last": the one before, when
                                       publication is in one); see below
"spring 2017", "the summer of 2016",   that season of that year; "winter 2017"
"fall 2014", "winter 2017/18"          ends in 2017 (December 2016 to February)
"the 1990s", "the early (mid, late)    1990–1999; 1990–94 (1993–97, 1995–99)
1990s"
"at the weekend", "over the weekend",  the latest Saturday on or before
"last weekend"                         publication .. the Sunday after; "last
                                       weekend" published on a Saturday or Sunday
                                       is the one a week before
"since January 20", "since then"       the start of what follows (or, for "then",
                                       of the previous date) .. publication
"the next day", "two days later",      counted from the day written nearest
"the previous evening", "a week        before it in the sentence, or else from
earlier", "the night before"           the last day of an earlier sentence
                                       (``previous_day``); with none, no date
=====================================  =============================================

Numbers are written in figures or words up to ninety-nine ("eighteen",
"twenty-four"). A season is the meteorological one, in whole months: spring
March to May, summer June to August, autumn (or fall) September to November,
winter December to February. That is the northern hemisphere's; the
southern's is half a year off, and the text seldom says which it means, so
every date read from a season has a note that says how it was read. "Fall"
counts only with a year (a tumble is no season), and "Spring" with a capital
is a name ("Spring, Texas", "the Arab Spring").

Relative and partial dates need the publication date; without it they are not
reported. A month alone must follow a word that introduces a date ("in",
"since", "until", "during", "early", "the end of", ...), so that the verb "may"
and a name such as "June" are not read as months. Years must fall in 1900–2099
and come after a word that introduces a date ("in", "since", "until", "by",
"of", "from", "during", "early", "late", "mid", a month) or stand in
parentheses, so that "25 million" and "2014 fighters" are not read as years.

A date written in numbers needs a four-digit year last and a day and a month of
one or two digits, split by the same mark ("13.08.2018", "8/13/2018",
"13-08-2018"); "12/08/18", times ("10.45"), decimals ("47.6062"), scores ("3-1")
and numbers after "version", "v" or "no." are not dates. When one part is over
12 it is the day. When both could be the month ("12/08/2018"), a reading after
the publication date is dropped; if both readings remain, the one on the weekday
written before it is read ("Tuesday, 03/04/2018" is 3 April), else dots are read
day first (12 August: the European custom, which writes dates with dots), and
slashes or hyphens are not read at all, since the United States write the month
first and most other countries the day.

A date that is not in the calendar ("February 30", "31 April 2023", "2023-02-30")
is not reported by :func:`find_dates`; :func:`impossible_dates` finds such dates,
so that a reader can say in a note that the text gave one, and why it was not used.

Some dates are written but not read: an ambiguous numeric date (above), a date
with a two-digit year ("12/08/18"), a month of the Islamic calendar ("Ramadan
1439") and a movable feast ("at Easter"). :func:`unread_dates` finds them, so
that an item dated from publication can say that its text gave a date.

A relative date that would fall outside the calendar (before year 1 or after
9999: "three days ago" published on 0001-01-02, "999 decades ago" in any year) is
not reported either; an :class:`~geosleuth.errors.EvidenceWarning` says which and
why.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import warnings
from dataclasses import dataclass
from typing import Literal

from geosleuth.errors import EvidenceWarning
from geosleuth.read._date_patterns import (
    _BARE_MONTH,
    _COUNTED,
    _MONTHS,
    _NOT_NUMERIC_DATE,
    _NUMBERS,
    _PARTIAL,
    _PATTERNS,
    _RANGE_ENDS,
    _RANGE_OPEN,
    _RANGE_TO,
    _SAYING_DAY,
    _SEASONS,
    _SINCE,
    _UNREAD,
    _WEEKDAYS,
)

__all__ = [
    "DateMention",
    "NotADate",
    "UnreadDate",
    "find_dates",
    "impossible_dates",
    "time_of_day",
    "unread_dates",
]

DateKind = Literal["day", "month", "year", "period", "since"]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date or period found in text.

    Attributes
    ----------
    text : str
        The words, verbatim.
    start, end : int
        Character offsets of ``text`` (end exclusive), shifted by ``base``.
    date_from, date : datetime.date
        First and last day of the period (equal for a single day).
    kind : {"day", "month", "year", "period", "since"}
        ``period`` for other spans: relative ("in the past two years", "at the
        weekend") or written ("between Aug. 10 and Aug. 13"); ``since`` for
        "since X" (from X to publication).
    relative : bool
        Whether the period was computed from the publication date.
    note : str
        What a reader should know about how the text was read, or "": "Monday,
        Aug. 14" gives 14 August and the note that it was a Tuesday.
    """

    text: str
    start: int
    end: int
    date_from: dt.date
    date: dt.date
    kind: DateKind
    relative: bool = False
    note: str = ""


@dataclass(frozen=True, slots=True)
class _Hit:
    """A date read by one pattern, before ranges and "since" are applied."""

    s: int
    e: int
    date_from: dt.date
    date: dt.date
    kind: DateKind
    relative: bool
    pattern: str
    note: str = ""


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _shift(day: dt.date, *, years: int = 0, months: int = 0, days: int = 0) -> dt.date:
    month0 = day.month - 1 + months + 12 * years
    y, m = day.year + month0 // 12, month0 % 12 + 1
    d = min(day.day, calendar.monthrange(y, m)[1])
    return dt.date(y, m, d) - dt.timedelta(days=days)


def _count(text: str | None) -> int:
    """The number a count writes: "18", "eighteen", "twenty-four", "a few" (3)."""
    if text is None:
        return 3
    t = text.lower().strip()
    if t.isdigit():
        return int(t)
    tens, _, ones = t.replace("-", " ").partition(" ")
    if ones in _NUMBERS and tens in _NUMBERS and _NUMBERS[tens] >= 20:
        return _NUMBERS[tens] + _NUMBERS[ones]  # "twenty-four"
    return _NUMBERS.get(t, 3)


def _back(published: dt.date, n: int, unit: str) -> dt.date:
    unit = unit.lower()
    if unit == "day":
        return published - dt.timedelta(days=n)
    if unit == "week":
        return published - dt.timedelta(days=7 * n)
    if unit == "fortnight":
        return published - dt.timedelta(days=14 * n)
    if unit == "month":
        return _shift(published, months=-n)
    if unit == "decade":
        return _shift(published, years=-10 * n)
    return _shift(published, years=-n)


def _day(y: int, mon: str, d: str) -> dt.date | None:
    month = _MONTHS.get(mon.lower().rstrip("."))
    if month is None:
        return None
    try:
        return dt.date(y, month, int(re.sub(r"\D", "", d)))
    except ValueError:
        return None


def _numeric_day(
    a: int,
    b: int,
    year: int,
    sep: str,
    published: dt.date | None,
    weekday: str | None = None,
) -> dt.date | None:
    """The day that ``a{sep}b{sep}year`` writes, or None if not one day.

    ``a`` is the day when ``b`` is over 12, and the other way round. When both
    could be the month, a reading after ``published`` is dropped; if two remain,
    the one on the ``weekday`` written before it is read ("Tuesday, 03/04/2018"
    is 3 April), or else a dot reads day first and a slash or hyphen reads
    nothing.

    Examples
    --------
    >>> _numeric_day(13, 8, 2018, ".", None), _numeric_day(8, 13, 2018, "/", None)
    (datetime.date(2018, 8, 13), datetime.date(2018, 8, 13))
    >>> _numeric_day(12, 8, 2018, ".", None), _numeric_day(12, 8, 2018, "/", None)
    (datetime.date(2018, 8, 12), None)
    >>> _numeric_day(12, 8, 2018, "/", dt.date(2018, 9, 4))  # not 8 December
    datetime.date(2018, 8, 12)
    >>> _numeric_day(3, 4, 2018, "/", None, "Sunday")  # not Tuesday 3 April
    datetime.date(2018, 3, 4)
    """
    readings: list[dt.date] = []
    for day, month in ((a, b), (b, a)):  # day first, then month first
        try:
            found = dt.date(year, month, day)
        except ValueError:
            continue
        if found not in readings:
            readings.append(found)
    if published is not None and len(readings) == 2:
        readings = [d for d in readings if d <= published] or readings
    if weekday is not None and len(readings) == 2:
        named = _WEEKDAYS[weekday.lower()]
        readings = [d for d in readings if d.weekday() == named] or readings
    if len(readings) == 1:
        return readings[0]
    if len(readings) == 2 and sep == ".":
        return readings[0]
    return None


#: Words that may follow "May 2 and 5" when the 5 is a day ("May 2 and 5 in
#: Leeds"); another word makes it a count ("on May 2 and 5 soldiers died").
_AFTER_DAY_LIST = re.compile(
    r"(?:\s*(?:[.,;:!?)\u2013\u2014-]|$)|\s+(?:[A-Z]|(?:in|at|on|near|and|or|when|"
    r"while|before|after|but|to|from|by|with|as|the|a|an|he|she|they|it|police)\b))"
)


def _day_range(
    m: re.Match[str], published: dt.date | None, *, kind: str
) -> tuple[dt.date, dt.date, DateKind, bool] | None:
    """The period of "10-13 August", "between Aug. 10 and 13", "on 2 and 5 May".

    Days joined by "and" without "between" ("on 2 and 5 May", "on 2, 3 and 5
    May") are each a day of the statement: they are read as the period from the
    first to the last, which holds them all (an item has one period; the note
    says so). Days written from the later to the earlier ("between 5 and 2 May")
    are read the same way. None when it is no range: one day, or after "May 2
    and 5" a word that makes the 5 a count ("and 5 soldiers").
    """
    g = m.groupdict()
    first_d, last_d, mon, to = g["d1"], g["d"], g["mon"], g["to"]
    if first_d is None or last_d is None or mon is None:
        return None
    listed = (to or "").lower() == "and" and (g["open"] or "").lower() != "between"
    if g.get("more") is not None and not listed:
        return None  # "2, 3 to 5 May"
    if (
        listed
        and kind == "m_dd"
        and _AFTER_DAY_LIST.match(m.string, m.end("d")) is None
    ):
        return None
    a, b = int(re.sub(r"\D", "", first_d)), int(re.sub(r"\D", "", last_d))
    if a == b:
        return None
    if a > b:
        first_d, last_d = last_d, first_d
    if g["y"] is not None:
        year, relative = int(g["y"]), False
    elif published is not None:
        first = _day(published.year, mon, first_d)
        year = published.year - (1 if first is not None and first > published else 0)
        relative = True
    else:
        return None
    first, last = _day(year, mon, first_d), _day(year, mon, last_d)
    if first is None or last is None:
        return None
    return first, last, "period", relative


def _weekday_note(m: re.Match[str], day: dt.date) -> str:
    """A note when the weekday written before ``day`` ("Monday, Aug. 14") is wrong."""
    wd = m.groupdict().get("wd")
    if wd is None or _WEEKDAYS[wd.lower()] == day.weekday():
        return ""
    return (
        f"{m.group(0).strip()!r}: {day.day} {calendar.month_name[day.month]} "
        f"{day.year} was a {calendar.day_name[day.weekday()]}, not a {wd}; "
        "the written date is used"
    )


def _note(
    kind: str, m: re.Match[str], got: tuple[dt.date, dt.date, DateKind, bool]
) -> str:
    """What a reader should know of a period read by the pattern ``kind``.

    Several days joined by "and" are one period; a season is the northern
    hemisphere's (the southern one's is half a year off); a winter of one year
    may be either.
    """
    start, end = got[0], got[1]
    g = m.groupdict()
    words = m.group(0).strip()
    if kind in ("dd_m", "m_dd"):
        a, b = (int(re.sub(r"\D", "", g[k] or "0")) for k in ("d1", "d"))
        if (g["to"] or "").lower() == "and" and (g["open"] or "").lower() != "between":
            return (
                f"{words!r} gives several days, read as the period from the first "
                "to the last"
            )
        if a > b:
            return f"{words!r} is written from the later day to the earlier"
        return ""
    if kind not in ("season", "season_y"):
        return ""
    season = (g["season"] or "").lower()
    note = (
        f"{words!r} read as {calendar.month_name[start.month]} {start.year} to "
        f"{calendar.month_name[end.month]} {end.year}: the northern hemisphere's "
        f"{season}, in whole months (the southern hemisphere's is half a year off)"
    )
    if kind == "season_y" and season == "winter" and g["y2"] is None:
        note += f"; it may mean the winter that begins in December {g['y']}"
    return note


def _match(
    kind: str, m: re.Match[str], published: dt.date | None, previous: dt.date | None
) -> tuple[dt.date, dt.date, DateKind, bool] | None:
    g = m.groupdict()
    if kind == "iso":
        try:
            day = dt.date(int(g["y"]), int(g["m"]), int(g["d"]))
        except ValueError:
            return None
        return day, day, "day", False
    if kind in ("dmy", "mdy"):
        found = _day(int(g["y"]), g["mon"], g["d"])
        return None if found is None else (found, found, "day", False)
    if kind == "num":
        if _NOT_NUMERIC_DATE.search(m.string[max(0, m.start() - 12) : m.start()]):
            return None
        a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
        found = _numeric_day(a, b, y, g["sep"], published, g["wd"])
        return None if found is None else (found, found, "day", False)
    if kind in ("dd_m", "m_dd"):
        return _day_range(m, published, kind=kind)
    if kind == "season_y":
        return _season_of_year(g)
    if kind == "decade":
        y0 = int(g["dec"]) + {"early": 0, "mid": 3, "late": 5}.get(g["part"], 0)
        y1 = y0 + (4 if g["part"] else 9)
        return dt.date(y0, 1, 1), dt.date(y1, 12, 31), "period", False
    if kind == "my":
        month = _MONTHS.get(g["mon"].lower().rstrip("."))
        if month is None:
            return None
        y = int(g["y"])
        return dt.date(y, month, 1), _month_end(y, month), "month", False
    if kind == "year":
        y = int(g["y"])
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year", False
    if published is None:
        return None
    if kind in ("dm", "md"):
        found = _day(published.year, g["mon"], g["d"])
        if found is not None and found > published:
            if published.year == dt.MINYEAR:
                raise OverflowError("the year before year 1")
            found = _day(published.year - 1, g["mon"], g["d"])
        return None if found is None else (found, found, "day", True)
    if kind == "mon":
        month = _MONTHS.get(g["mon"].lower().rstrip("."))
        if month is None:
            return None
        y = published.year - (1 if month > published.month else 0)
        return dt.date(y, month, 1), _month_end(y, month), "month", True
    if kind == "weekend":
        back = (published.weekday() - 5) % 7  # to the latest Saturday
        if g["last"] and back <= 1:  # "last weekend" said on a weekend
            back += 7
        saturday = published - dt.timedelta(days=back)
        return saturday, saturday + dt.timedelta(days=1), "period", True
    if kind == "weekday":
        back = (published.weekday() - _WEEKDAYS[g["wd"].lower()]) % 7
        if g["last"] and back == 0:
            back = 7
        day = published - dt.timedelta(days=back)
        return day, day, "day", True
    if kind == "season":
        return _season_before(g["season"], g["which"], published)
    if kind == "past":
        return _back(published, _count(g["n"]), g["unit"]), published, "period", True
    if kind == "recent":
        # "in recent weeks", "over the past months": a few; "the past week": one
        n = 3 if g["recent"] or g["plural"] else 1
        return _back(published, n, g["unit"]), published, "period", True
    if kind == "ago":
        day = _back(published, _count(g["n"]), g["unit"])
        return (*_ago_span(day, g["unit"].lower(), published), True)
    if kind == "before_last":
        unit = g["unit"].lower()
        if unit == "year":
            y = published.year - 2
            return dt.date(y, 1, 1), dt.date(y, 12, 31), "year", True
        if unit == "month":
            first = _shift(published.replace(day=1), months=-2)
            return first, _month_end(first.year, first.month), "month", True
        end = published - dt.timedelta(days=7)
        return end - dt.timedelta(days=7), end, "period", True
    if kind == "last":
        which, unit = g["which"].lower(), g["unit"].lower()
        if unit == "year":
            y = published.year - (0 if which == "this" else 1)
            if which == "past":
                return _shift(published, years=-1), published, "period", True
            end = published if which == "this" else dt.date(y, 12, 31)
            return dt.date(y, 1, 1), end, "year", True
        if unit == "month":
            if which == "this":
                return published.replace(day=1), published, "month", True
            if which == "past":
                return _shift(published, months=-1), published, "period", True
            first = _shift(published.replace(day=1), months=-1)
            return first, _month_end(first.year, first.month), "month", True
        start = published - dt.timedelta(days=7)
        return start, published, "period", True
    if kind == "yesterday":
        days = 1 if m.group(0).lower() == "yesterday" else 0
        day = published - dt.timedelta(days=days)
        return day, day, "day", True
    if kind == "then":
        if previous is None:
            return None
        return previous, published, "since", True
    return None


def _ago_span(
    day: dt.date, unit: str, published: dt.date
) -> tuple[dt.date, dt.date, DateKind]:
    """The period "N months ago" or "N years ago" means: ``day`` ± half its unit.

    "Two years ago" is no day but a time about then: ``day`` ± 6 months (a
    month: ± 15 days), no later than ``published``. Days, weeks and fortnights
    are precise enough to be that day; decades stay that day as well (their
    ± 5 years would leave the calendar's first and last years).
    """
    if unit == "month":
        half = dt.timedelta(days=15)
        start = day - half if day.toordinal() > half.days else dt.date.min
        return start, min(day + half, published), "period"
    if unit == "year":
        start = _shift(day, months=-6) if day.year > dt.MINYEAR else dt.date.min
        return start, min(_shift(day, months=6), published), "period"
    return day, day, "day"


def _season(name: str, year: int) -> tuple[dt.date, dt.date]:
    """The first and last day of the season ``name`` that begins in ``year``."""
    first, last = _SEASONS[name.lower()]
    end_year = year + (1 if last < first else 0)
    return dt.date(year, first, 1), _month_end(end_year, last)


def _season_of_year(
    g: dict[str, str | None],
) -> tuple[dt.date, dt.date, DateKind, bool] | None:
    """The months of "spring 2017", "the winter of 2017-18" (``g``: its groups).

    A winter of one year ("winter 2017") is the one that ends in it, December
    2016 to February 2017, as meteorologists label it (the note says so).
    """
    name, year, y2 = (g["season"] or "").lower(), int(g["y"] or 0), g["y2"]
    if y2 is not None:
        if int(y2) % 100 != (year + 1) % 100 or name != "winter":
            return None  # "summer 2016-17", "winter 2016/19": not a season read
        return (*_season(name, year), "period", False)
    return (*_season(name, year - (1 if name == "winter" else 0)), "period", False)


def _season_before(
    name: str, which: str | None, published: dt.date
) -> tuple[dt.date, dt.date, DateKind, bool]:
    """The season "in the spring" (or "last spring") names, as of ``published``.

    The latest one that began on or before publication (it may still run);
    "last spring" is the one before, when publication falls in a spring; "this
    spring", the publication year's (winter: the one that began in the December
    before, or in December of that year if it is December).
    """
    starts = range(max(dt.MINYEAR, published.year - 1), published.year + 1)
    begun = [y for y in starts if _season(name, y)[0] <= published]
    latest = begun[-1]
    w = (which or "").lower()
    if w == "this":
        first, _ = _SEASONS[name.lower()]
        latest = published.year - (1 if first == 12 and published.month < 12 else 0)
    elif w == "last" and _season(name, latest)[1] >= published:
        latest -= 1  # "last summer" said in the summer: the one before
    return (*_season(name, latest), "period", True)


def _in_year(hit: _Hit, year: int) -> tuple[dt.date, dt.date] | None:
    """The day or month of ``hit`` in ``year``, or None if there is none.

    None for 29 February in a common year, or a year outside the calendar.
    """
    try:
        if hit.kind == "month":
            month = hit.date_from.month
            return dt.date(year, month, 1), _month_end(year, month)
        day = hit.date_from.replace(year=year)
    except ValueError:
        return None
    return day, day


def _range_end(
    text: str, first: _Hit, at: int, after: list[_Hit], published: dt.date | None
) -> _Hit | None:
    """The date that ends a range at ``at``: the next hit there, or a bare month.

    "from May to July" writes the second month without a word that introduces
    it, so the month pattern does not read it; after a month it is read here.
    """
    if after and after[0].s == at and after[0].pattern in _RANGE_ENDS:
        return after[0]
    bare = _BARE_MONTH.match(text, at)
    if bare is None or first.kind != "month":
        return None
    month = _MONTHS[bare["mon"].lower().rstrip(".")]
    if not first.relative:
        year = first.date_from.year + (1 if month < first.date_from.month else 0)
    elif published is not None:
        year = published.year - (1 if month > published.month else 0)
    else:
        return None
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return None
    return _Hit(
        at,
        bare.end(),
        dt.date(year, month, 1),
        _month_end(year, month),
        "month",
        first.relative,
        "mon",
    )


def _range(
    first: _Hit, last: _Hit, published: dt.date | None
) -> tuple[dt.date, dt.date, bool] | None:
    """The period from ``first`` to ``last`` and whether it is relative, or None.

    None when it runs backwards.

    A partial date takes its year from the other end when that has one ("from
    March to June 2016", "from 10 August 2017 to 13 August"). Two partial dates
    that run backwards ("between Dec. 28 and Jan. 3" read on 1 January, or "Aug.
    10 and Aug. 13" on 11 August) were split by the rule that puts a partial
    date after publication in the year before; the second end is put back. A
    first weekday after the second is the one a week earlier.
    """
    start, end = first.date_from, last.date
    relative = first.relative or last.relative
    if first.pattern in _PARTIAL and not last.relative:
        if last.kind == "year":  # "from May to 2016": not a range this reads
            return None
        moved = _in_year(first, end.year)
        if moved is not None and moved[0] > end:
            moved = _in_year(first, end.year - 1)
        if moved is None:
            return None
        start, relative = moved[0], False
    elif last.pattern in _PARTIAL and not first.relative:
        if first.kind == "year":
            return None
        moved = _in_year(last, start.year)
        if moved is not None and moved[1] < start:
            moved = _in_year(last, start.year + 1)
        if moved is None:
            return None
        end, relative = moved[1], False
    elif start > end and first.pattern in _PARTIAL and last.pattern in _PARTIAL:
        later = _in_year(last, last.date_from.year + 1)
        if (
            later is not None
            and published is not None
            and later[0].year == published.year
            and later[0] > published
        ):
            end = later[1]
    if start > end and first.pattern == "weekday" and last.pattern == "weekday":
        if start.toordinal() <= 7:
            return None
        start -= dt.timedelta(days=7)
    return (start, end, relative) if start <= end else None


def _ranges(text: str, hits: list[_Hit], published: dt.date | None) -> list[_Hit]:
    """``hits`` (in order) with each written range of two of them made one period.

    A range is "between" a date "and" another, "from" one "to" (or "until",
    "till", "through", a dash) another, or two days or months joined by a dash
    ("Aug. 30-Sept. 2"). Its text starts at "between" or "from".
    """
    out: list[_Hit] = []
    i = 0
    while i < len(hits):
        first = hits[i]
        i += 1
        joined = _RANGE_TO.match(text, first.e)
        if first.pattern not in _RANGE_ENDS or joined is None:
            out.append(first)
            continue
        opener = _RANGE_OPEN.search(text[max(0, first.s - 16) : first.s])
        word, how = joined["w"].lower(), opener["w"].lower() if opener else ""
        if not (
            (how == "between" and word == "and")
            or (how == "from" and word != "and")
            or (
                not how
                and word in "-\u2013\u2014"
                and first.kind == "day"
                and first.pattern != "weekday"
            )
        ):
            out.append(first)
            continue
        last = _range_end(text, first, joined.end(), hits[i:], published)
        if last is not None and not how and last.kind != "day":
            last = None  # a dash alone joins two days: "Aug. 30-Sept. 2"
        period = None if last is None else _range(first, last, published)
        if last is None or period is None:
            out.append(first)
            continue
        if i < len(hits) and last is hits[i]:
            i += 1
        s = first.s - (len(opener.group(0)) if opener else 0)
        note = "; ".join(n for n in (first.note, last.note) if n)
        out.append(
            _Hit(
                s,
                last.e,
                period[0],
                period[1],
                "period",
                period[2],
                "range",
                note,
            )
        )
    return out


def find_dates(
    text: str,
    *,
    published: dt.date | None = None,
    base: int = 0,
    previous: dt.date | None = None,
    previous_day: tuple[dt.date, str] | None = None,
) -> list[DateMention]:
    """Find the dates and periods in ``text``, in order of appearance.

    Parameters
    ----------
    text : str
        A sentence or a whole document.
    published : datetime.date or None, default None
        The publication date; needed for partial and relative dates.
    base : int, default 0
        Added to every offset (the position of ``text`` in its document).
    previous : datetime.date or None, default None
        The start of the last date mentioned before ``text``; "since then" starts
        there.
    previous_day : tuple of (datetime.date, str) or None, default None
        The last single day mentioned before ``text`` and its words: "the next
        day", "two days later" or "the previous evening" count from it, unless a
        date written earlier in ``text`` is nearer (see :func:`_counted_days`).

    Returns
    -------
    list of DateMention
        Non-overlapping; the longest reading wins. Periods never end after
        ``published``.

    Warns
    -----
    EvidenceWarning
        For each relative date that would fall outside the calendar (years 1 to
        9999) when counted from ``published``; it is left out.

    Examples
    --------
    >>> pub = dt.date(2018, 5, 15)
    >>> [(d.text, str(d.date_from), str(d.date))
    ...  for d in find_dates("in the past two years, on 1 May", published=pub)]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('in the past two years', '2016-05-15', '2018-05-15'),
     ('1 May', '2018-05-01', '2018-05-01')]
    >>> find_dates("25 million dollars and 2014 fighters", published=pub)
    []

    A weekday names the date written after it; numbers need a four-digit year;
    a range is one period:

    >>> pub = dt.date(2018, 9, 4)
    >>> text = "on Thursday, 5 July 2018, on 13.08.2018, at 10.45, v2.1.2018"
    >>> [(d.text, str(d.date)) for d in find_dates(text, published=pub)]
    [('Thursday, 5 July 2018', '2018-07-05'), ('13.08.2018', '2018-08-13')]
    >>> [(d.text, str(d.date_from), str(d.date), d.kind)
    ...  for d in find_dates("between Aug. 10 and Aug. 13", published=pub)]
    [('between Aug. 10 and Aug. 13', '2018-08-10', '2018-08-13', 'period')]
    >>> print(find_dates("on Monday, Aug. 14", published=pub)[0].note)
    ... # doctest: +NORMALIZE_WHITESPACE
    'Monday, Aug. 14': 14 August 2018 was a Tuesday, not a Monday; the written
    date is used
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     find_dates("three days ago", published=dt.date(1, 1, 2))
    []
    >>> print(caught[0].message)  # doctest: +ELLIPSIS
    The date 'three days ago', counted from the publication date 0001-01-02, ...
    """
    hits: list[_Hit] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if kind == "year":
                s, e = m.span("y")
            elif kind == "mon":
                s, e = m.span("mon")
            else:
                s, e = m.span()
            if any(s < h.e and h.s < e for h in hits):
                continue
            try:
                got = _match(kind, m, published, previous)
            except (OverflowError, ValueError):
                # Absolute dates are checked in _match; only a date counted from
                # the publication date can leave the calendar (years 1..9999).
                warnings.warn(
                    f"The date {m.group(0)!r}, counted from the publication date "
                    f"{published}, would fall outside the calendar (years 1 to "
                    "9999); it is not used.",
                    EvidenceWarning,
                    stacklevel=2,
                )
                continue
            if got is None:
                continue
            start, end, dkind, relative = got
            note = _weekday_note(m, start) if dkind == "day" else _note(kind, m, got)
            hits.append(_Hit(s, e, start, end, dkind, relative, kind, note))
    hits += _counted_days(text, hits, previous_day, published)
    hits.sort(key=lambda h: h.s)
    found: list[DateMention] = []
    for h in _ranges(text, hits, published):
        s, start, end, dkind = h.s, h.date_from, h.date, h.kind
        since = _SINCE.search(text[max(0, s - 12) : s])
        if since is not None and published is not None and dkind != "since":
            s -= len(since.group(0))
            end, dkind = max(published, start), "since"
        if published is not None and end > published:
            end = max(published, start) if start <= published else end
        found.append(
            DateMention(
                text=text[s : h.e],
                start=base + s,
                end=base + h.e,
                date_from=start,
                date=end,
                kind=dkind,
                relative=h.relative,
                note=h.note,
            )
        )
    return found


def _counted_days(
    text: str,
    hits: list[_Hit],
    previous_day: tuple[dt.date, str] | None,
    published: dt.date | None,
) -> list[_Hit]:
    """Days counted from another day: "the next day", "two days later".

    Each counts from the day written or counted nearest before it in ``text``,
    else from ``previous_day``; a month or a period nearest before it gives no
    day to count from, and neither does a day after publication. A day of
    saying ("Police said on May 10 that a witness saw her ... the next day") is
    passed over: what was said came before the saying. "The following Tuesday"
    is the first Tuesday after the day. A count that has no day to count from is
    not a date. The note says which day it counts from. ``hits`` loses the bare
    weekday that a "following" weekday holds.

    Examples
    --------
    >>> pub = dt.date(2024, 5, 14)
    >>> d = find_dates("Her car was found the next day.", published=pub,
    ...                previous_day=(dt.date(2024, 5, 2), "May 2"))
    >>> d[0].text, str(d[0].date), d[0].note
    ('the next day', '2024-05-03', "the day after 'May 2'")
    >>> [(d.text, str(d.date)) for d in find_dates(
    ...     "She left on 3 May and was seen two days later in Leeds.", published=pub)]
    [('3 May', '2024-05-03'), ('two days later', '2024-05-05')]
    >>> find_dates("She was seen the next day.", published=pub)  # from no day
    []
    >>> may2 = (dt.date(2024, 5, 2), "May 2")
    >>> [(d.text, str(d.date)) for d in find_dates(
    ...     "Three days later she was seen in Erie, and the following day in Buffalo.",
    ...     published=pub, previous_day=may2)]
    [('Three days later', '2024-05-05'), ('the following day', '2024-05-06')]
    >>> [(d.text, str(d.date)) for d in find_dates(
    ...     "Police said on May 10 that a witness saw her the next day.",
    ...     published=pub, previous_day=may2)]
    [('May 10', '2024-05-10'), ('the next day', '2024-05-03')]
    >>> [(d.text, str(d.date)) for d in find_dates("The following Tuesday she left.",
    ...     published=pub, previous_day=may2)]
    [('The following Tuesday', '2024-05-07')]
    >>> find_dates("the day before the vote", published=pub,
    ...            previous_day=(dt.date(2024, 5, 2), "May 2"))  # a clause of time
    []
    """
    out: list[_Hit] = []
    for m in _COUNTED.finditer(text):
        s, e = m.span()
        g = m.groupdict()
        over = [h for h in hits if s < h.e and h.s < e]
        if over and not (g["wd"] and all(h.pattern == "weekday" for h in over)):
            continue
        # the days written before it, and those counted before it ("three days
        # later ..., and the following day ..."); a day of saying ("Police said
        # on May 10 that ...") is none: what was said came before the saying
        before = [
            h
            for h in (*hits, *out)
            if h.e <= s and not _SAYING_DAY.search(text[max(0, h.s - 60) : h.s])
        ]
        if before:
            near = max(before, key=lambda h: h.e)
            if near.kind != "day" or near.date_from != near.date:
                continue
            ref, words = near.date, text[near.s : near.e]
        elif previous_day is not None:
            ref, words = previous_day
        else:
            continue
        if g["wd"]:  # "the following Tuesday": the first after the day
            days = (_WEEKDAYS[g["wd"].lower()] - ref.weekday() - 1) % 7 + 1
            how = f"the {g['wd'].capitalize()} after"
        elif g["next"] or g["around"] == "after":
            days, how = 1, "the day after"
        elif g["prev"] or g["around"] == "before":
            days, how = -1, "the day before"
        else:
            per = {"day": 1, "week": 7, "fortnight": 14}[g["unit"].lower()]
            days = _count(g["n"]) * per * (1 if g["fwd"] else -1)
            how = f"{abs(days)} days {'after' if days > 0 else 'before'}"
        try:
            day = ref + dt.timedelta(days=days)
        except OverflowError:
            continue
        if published is not None and day > published:
            continue
        for h in over:  # the bare weekday it holds
            hits.remove(h)
        out.append(_Hit(s, e, day, day, "day", True, "counted", f"{how} {words!r}"))
    return out


@dataclass(frozen=True, slots=True)
class NotADate:
    """Words written as a date that name no day of the calendar ("February 30").

    Attributes
    ----------
    text : str
        The words, verbatim.
    start, end : int
        Character offsets of ``text`` (end exclusive), shifted by ``base``.
    why : str
        Why it is no day: "February has no day 30", "there is no month 13".
    """

    text: str
    start: int
    end: int
    why: str


#: The patterns of whole days: a year, month and day, or a month and day.
_DAY_KINDS = ("iso", "num", "dmy", "mdy", "dm", "md")


def _no_day(kind: str, m: re.Match[str], published: dt.date | None) -> str | None:
    """Why the day that ``m`` (a pattern of :data:`_DAY_KINDS`) writes is no day."""
    g = m.groupdict()
    if kind == "num":
        a, b, year = int(g["a"]), int(g["b"]), int(g["y"])
        if _NOT_NUMERIC_DATE.search(m.string[max(0, m.start() - 12) : m.start()]):
            return None
        if _numeric_day(a, b, year, ".", None) is not None:
            return None
        orders = [(d, mo) for d, mo in ((a, b), (b, a)) if 1 <= mo <= 12]
        if not orders:
            both = str(a) if a == b else f"{a} or {b}"
            return f"there is no month {both}"
        day, month = orders[0]
        return f"{calendar.month_name[month]} {year} has no day {day}"
    if kind == "iso":
        month = int(g["m"])
        if not 1 <= month <= 12:
            return f"there is no month {month}"
        name = calendar.month_name[month]
    else:
        month = _MONTHS[g["mon"].lower().rstrip(".")]
        name = calendar.month_name[month]
    day = int(re.sub(r"\D", "", g["d"]))
    if "y" in g and g["y"] is not None:
        year = int(g["y"])
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            return f"{name} {year} has no day {day}"
        return None
    most = 29 if month == 2 else calendar.monthrange(2001, month)[1]
    if not 1 <= day <= most:
        return f"{name} has no day {day}"
    if published is not None and month == 2 and day == 29:
        # read in the publication year, or the year before if after publication
        year = published.year
        if (month, day) > (published.month, published.day):
            year -= 1
        if not calendar.isleap(year) and year >= dt.MINYEAR:
            return f"{year} has no February 29"
    return None


def impossible_dates(
    text: str, *, published: dt.date | None = None, base: int = 0
) -> list[NotADate]:
    """Words in ``text`` written as a day that is not in the calendar.

    :func:`find_dates` leaves these out ("February 30" gives no date); a reader
    that dates an item by the text should still say that the text gave a date,
    and why it was not used, rather than drop it without a word.

    Parameters
    ----------
    text : str
        A sentence or a whole document.
    published : datetime.date or None, default None
        The publication date: "February 29" without a year is read in its year
        (or the year before), and is no day when that year is not a leap year.
    base : int, default 0
        Added to every offset.

    Returns
    -------
    list of NotADate
        In order of appearance, non-overlapping (the longest reading wins).

    Examples
    --------
    >>> [(d.text, d.why) for d in impossible_dates("seen on February 30 in Lyon")]
    [('February 30', 'February has no day 30')]
    >>> [d.why for d in impossible_dates("on 31 April 2023 and 2023-00-12")]
    ['April 2023 has no day 31', 'there is no month 0']
    >>> [d.why for d in impossible_dates("on 31.02.2018, not 12/08/2018")]
    ['February 2018 has no day 31']
    >>> impossible_dates("on 29 February 2024, 1 May and February 28")
    []
    """
    taken: list[tuple[int, int]] = []
    found: list[NotADate] = []
    for kind, pattern in _PATTERNS:
        if kind not in _DAY_KINDS:
            continue
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))  # a real day, or not: its parts are no other day
            why = _no_day(kind, m, published)
            if why is not None:
                found.append(NotADate(text[s:e], base + s, base + e, why))
    found.sort(key=lambda d: d.start)
    return found


@dataclass(frozen=True, slots=True)
class UnreadDate:
    """Words that write a date which :func:`find_dates` does not read.

    Attributes
    ----------
    text : str
        The words, verbatim.
    start, end : int
        Character offsets of ``text`` (end exclusive), shifted by ``base``.
    why : str
        Why it is not read: "it may be 3 April or 4 March 2018 (day or month
        first)", "a date of the Islamic (Hijri) calendar, which is not converted".
    """

    text: str
    start: int
    end: int
    why: str


def _ambiguous_numeric(m: re.Match[str]) -> str | None:
    """Why the numeric date ``m`` (pattern "num") is not read, if it is a day."""
    if _NOT_NUMERIC_DATE.search(m.string[max(0, m.start() - 12) : m.start()]):
        return None
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    try:
        first, second = dt.date(year, b, a), dt.date(year, a, b)
    except ValueError:
        return None  # no day (impossible_dates), or one reading only
    return (
        f"it may be {first.day} {calendar.month_name[first.month]} or "
        f"{second.day} {calendar.month_name[second.month]} {year} (day or month "
        "first)"
    )


def unread_dates(
    text: str, *, published: dt.date | None = None, base: int = 0
) -> list[UnreadDate]:
    """Words in ``text`` that write a date which :func:`find_dates` does not read.

    An ambiguous numeric date ("03/04/2018", see the module notes), a date with a
    two-digit year ("12/08/18"), a month of the Islamic calendar ("Ramadan
    1439", "during Muharram") and a movable feast ("at Easter", "during Eid")
    are dates, but not read. A reader that dates an item by the publication date
    because its sentence gave no date it could use should say that the text did
    give one, rather than date it silently: "a date was written ('03/04/2018')
    but not read: dated from publication". Dates that are no day ("February
    30") are :func:`impossible_dates`' and are not repeated here.

    Parameters
    ----------
    text : str
        A sentence or a whole document.
    published : datetime.date or None, default None
        The publication date, as given to :func:`find_dates`: with it, a numeric
        date one of whose readings is after publication is read, so not listed.
    base : int, default 0
        Added to every offset.

    Returns
    -------
    list of UnreadDate
        In order of appearance, non-overlapping, and none overlapping a date that
        :func:`find_dates` reads.

    Examples
    --------
    >>> [(d.text, d.why) for d in unread_dates("seen in Leeds on 03/04/2018")]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('03/04/2018', 'it may be 3 April or 4 March 2018 (day or month first)')]
    >>> [d.text for d in unread_dates("during Ramadan 1439, Tariq Ramadan said")]
    ['Ramadan 1439']
    >>> unread_dates("on 03/04/2018", published=dt.date(2018, 3, 10))  # 3 April
    []
    >>> unread_dates("on 31.02.2018, 13/08/2018 and 3.4.2018")  # no day; read
    []
    """
    taken = [(d.start, d.end) for d in find_dates(text, published=published)]
    taken += [(d.start, d.end) for d in impossible_dates(text, published=published)]
    found: list[UnreadDate] = []

    def add(s: int, e: int, why: str) -> None:
        if not any(s < te and ts < e for ts, te in taken):
            taken.append((s, e))
            found.append(UnreadDate(text[s:e], base + s, base + e, why))

    for m in dict(_PATTERNS)["num"].finditer(text):
        why = _ambiguous_numeric(m)
        if why is not None:
            s = m.start("a")  # without a weekday before it
            add(s, m.end(), why)
    for pattern, why in _UNREAD:
        for m in pattern.finditer(text):
            if why.startswith("a date written with a two-digit year") and (
                _NOT_NUMERIC_DATE.search(text[max(0, m.start() - 12) : m.start()])
            ):
                continue
            group = next(
                (k for k, v in m.groupdict().items() if v and k.startswith("d")), None
            )
            add(*(m.span(group) if group else m.span()), why)
    found.sort(key=lambda d: d.start)
    return found


#: A time of day with no day: "at 6.40pm", "9:40 a.m.", "shortly after 11
#: a.m.", "at 18:40", "at noon", "later that evening", "the same night".
_TIME_OF_DAY = re.compile(
    r"\b\d{1,2}(?:[.:]\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)"
    r"|\b(?:at|by|until|till|after|before|around|about)\s+\d{1,2}[.:]\d{2}\b"
    r"|\b(?:at|by|until|after|before|around)\s+(?:noon|midday|midnight)\b"
    r"|\b(?:that|the\s+same)\s+(?:morning|afternoon|evening|night|day)\b",
    re.IGNORECASE,
)


def time_of_day(text: str) -> str | None:
    """The words of a time of day in ``text`` with no day ("at 6.40pm"), or None.

    A sentence that gives only a time ("CCTV footage showed her walking along
    Aynam Road at 6.40pm") is of the day of the sentence before, not of the
    day the report was published: :class:`~geosleuth.read.claims` dates it so.

    Examples
    --------
    >>> time_of_day("CCTV footage showed her on Aynam Road at 6.40pm.")
    '6.40pm'
    >>> time_of_day("found by volunteers shortly after 11 a.m., Lt. Ober said")
    '11 a.m.'
    >>> time_of_day("Later that evening a taxi driver saw her.")
    'that evening'
    >>> time_of_day("She was seen at 18:40 near the bridge.")
    'at 18:40'
    >>> time_of_day("He is 5ft 9in and 64 kg.") is None
    True
    """
    m = _TIME_OF_DAY.search(text)
    return m.group(0) if m else None
