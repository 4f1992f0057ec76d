"""Dates in report text: absolute, partial and relative to the publication date.

Every date found becomes a period ``date_from``..``date`` (both inclusive):

=====================================  =============================================
text                                   period
=====================================  =============================================
"28 September 2017", "May 1st, 2018"   that day
"2018-05-15"                           that day
"1 May", "January 20", "May 1st"       that day in the publication year (the year
                                       before, if that day is after publication)
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
"last year", "this year"               the previous / current calendar year
"last month", "last week"              the previous calendar month / 7-day week
"three days ago", "yesterday"          that day
"since January 20", "since then"       the start of what follows (or, for "then",
                                       of the previous date) .. publication
=====================================  =============================================

Relative and partial dates need the publication date; without it they are not
reported. A month alone must follow a word that introduces a date ("in",
"since", "until", "during", "early", "the end of", ...), so that the verb "may"
and a name such as "June" are not read as months. Years must fall in 1900–2099
and come after a word that introduces a date ("in", "since", "until", "by",
"of", "from", "during", "early", "late", "mid", a month) or stand in
parentheses, so that "25 million" and "2014 fighters" are not read as years.

A date that is not in the calendar ("February 30", "31 April 2023", "2023-02-30")
is not reported by :func:`find_dates`; :func:`impossible_dates` finds such dates,
so that a reader can say in a note that the text gave one, and why it was not used.

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

__all__ = ["DateMention", "NotADate", "find_dates", "impossible_dates"]

DateKind = Literal["day", "month", "year", "period", "since"]

_MONTHS = {
    name.lower(): i
    for i in range(1, 13)
    for name in (calendar.month_name[i], calendar.month_abbr[i])
}
_MONTHS["sept"] = 9
_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}
_WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "couple of": 2, "a couple of": 2, "few": 3, "a few": 3, "several": 3,
    "recent": 3, "many": 5,
}  # fmt: skip
_COUNT = (
    r"(?P<n>\d{1,3}|a couple of|couple of|a few|few|several|many|one|two|three|"
    r"four|five|six|seven|eight|nine|ten|eleven|twelve)"
)
_UNIT = r"(?P<unit>day|week|month|year|decade)s?"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    (
        "dmy",
        re.compile(
            rf"\b(?P<d>{_DAY})(?:\s+of)?\s+(?P<mon>{_MONTH_RE}),?\s+(?P<y>{_YEAR})\b"
        ),
    ),
    (
        "mdy",
        re.compile(rf"\b(?P<mon>{_MONTH_RE})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR})\b"),
    ),
    ("my", re.compile(rf"\b(?P<mon>{_MONTH_RE}),?\s+(?P<y>{_YEAR})\b")),
    ("dm", re.compile(rf"\b(?P<d>{_DAY})(?:\s+of)?\s+(?P<mon>{_MONTH_RE})(?![a-z])")),
    ("md", re.compile(rf"\b(?P<mon>{_MONTH_RE})\s+(?P<d>{_DAY})\b(?!\s*%)")),
    (
        "mon",
        re.compile(
            r"\b(?:in|since|until|till|by|during|from|throughout|before|after|"
            r"early|late|mid|(?:the\s+)?(?:end|beginning|start|middle)\s+of)\s+"
            rf"(?:early\s+|late\s+|mid-?\s*)?(?P<mon>{_MONTH_RE})(?![\w-])"
            r"(?!\s*,?\s*\d)"
        ),
    ),
    ("weekday", re.compile(rf"\b(?:(?P<last>[Ll]ast)\s+)?(?P<wd>{_WEEKDAY_RE})\b")),
    (
        "year",
        re.compile(
            r"(?:\b(?:in|since|until|till|by|of|from|during|early|late|mid|before|"
            r"after|around|throughout|between|and|to)\s+|\bmid-|\()"
            rf"(?P<y>{_YEAR})\b(?!\s*(?:%|km|kilomet|people|fighters|men|members|"
            r"troops|dollars|\$))",
            re.IGNORECASE,
        ),
    ),
    (
        "past",
        re.compile(
            rf"\b(?:in|over|during|for|within)\s+the\s+(?:past|last|previous|recent)"
            rf"\s+{_COUNT}\s+{_UNIT}\b",
            re.IGNORECASE,
        ),
    ),
    (
        "recent",
        re.compile(
            rf"\b(?:in|over|during)\s+(?:recent|the\s+past|the\s+last)\s+{_UNIT}\b",
            re.IGNORECASE,
        ),
    ),
    ("ago", re.compile(rf"\b{_COUNT}\s+{_UNIT}\s+ago\b", re.IGNORECASE)),
    (
        "last",
        re.compile(
            r"\b(?P<which>last|this|past)\s+(?P<unit>week|month|year)\b", re.IGNORECASE
        ),
    ),
    ("yesterday", re.compile(r"\b(?:yesterday|today)\b", re.IGNORECASE)),
    ("then", re.compile(r"\bsince\s+then\b", re.IGNORECASE)),
)
_SINCE = re.compile(r"\b(?:since|from)\s+(?:the\s+)?$", re.IGNORECASE)


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
        ``period`` for relative spans ("in the past two years"), ``since`` for
        "since X" (from X to publication).
    relative : bool
        Whether the period was computed from the publication date.
    """

    text: str
    start: int
    end: int
    date_from: dt.date
    date: dt.date
    kind: DateKind
    relative: bool = False


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _shift(day: dt.date, *, years: int = 0, months: int = 0, days: int = 0) -> dt.date:
    month0 = day.month - 1 + months + 12 * years
    y, m = day.year + month0 // 12, month0 % 12 + 1
    d = min(day.day, calendar.monthrange(y, m)[1])
    return dt.date(y, m, d) - dt.timedelta(days=days)


def _count(text: str | None) -> int:
    if text is None:
        return 3
    t = text.lower().strip()
    return int(t) if t.isdigit() else _NUMBERS.get(t, 3)


def _back(published: dt.date, n: int, unit: str) -> dt.date:
    unit = unit.lower()
    if unit == "day":
        return published - dt.timedelta(days=n)
    if unit == "week":
        return published - dt.timedelta(days=7 * n)
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
    if kind == "weekday":
        back = (published.weekday() - _WEEKDAYS[g["wd"].lower()]) % 7
        if g["last"] and back == 0:
            back = 7
        day = published - dt.timedelta(days=back)
        return day, day, "day", True
    if kind in ("past", "recent"):
        n = _count(g.get("n")) if kind == "past" else 3
        return _back(published, n, g["unit"]), published, "period", True
    if kind == "ago":
        day = _back(published, _count(g["n"]), g["unit"])
        return day, day, "day", True
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


def find_dates(
    text: str,
    *,
    published: dt.date | None = None,
    base: int = 0,
    previous: dt.date | None = None,
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
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     find_dates("three days ago", published=dt.date(1, 1, 2))
    []
    >>> print(caught[0].message)  # doctest: +ELLIPSIS
    The date 'three days ago', counted from the publication date 0001-01-02, ...
    """
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if kind == "year":
                s, e = m.span("y")
            elif kind == "mon":
                s, e = m.span("mon")
            else:
                s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
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
            since = _SINCE.search(text[max(0, s - 12) : s])
            if since is not None and published is not None and dkind != "since":
                s -= len(since.group(0))
                end, dkind = max(published, start), "since"
            if published is not None and end > published:
                end = max(published, start) if start <= published else end
            taken.append((s, e))
            found.append(
                DateMention(
                    text=text[s:e],
                    start=base + s,
                    end=base + e,
                    date_from=start,
                    date=end,
                    kind=dkind,
                    relative=relative,
                )
            )
    found.sort(key=lambda d: d.start)
    return found


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
_DAY_KINDS = ("iso", "dmy", "mdy", "dm", "md")


def _no_day(kind: str, m: re.Match[str], published: dt.date | None) -> str | None:
    """Why the day that ``m`` (a pattern of :data:`_DAY_KINDS`) writes is no day."""
    g = m.groupdict()
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
