"""Datelines: where and when wire copy was filed ("BAGHDAD, 3 June 2018 - ").

A dateline opens a report's first lines: the town it was filed from, and often
its day. The day is the report's publication date when none is given
(:func:`_dateline_date`), and the town is where the report was written, not
where its subject is (:mod:`geosleuth.read._toponym_features`). A town written
with an accented capital ("CULIACÁN, Mexico, Feb. 8, 2023 -", "BOGOTÁ -") is a
dateline too (review r21, finding 2).
"""

from __future__ import annotations

import datetime as dt
import re

from geosleuth.read.dates import find_dates

__all__ = ["_DATELINE", "_REPRINT_DAYS", "_dateline_date", "_dateline_town"]

#: A capital letter of a dateline's town: A–Z and the accented capitals of the
#: Latin-1 block ("CULIACÁN", "SÃO PAULO", "ZÜRICH").
_CAP = "A-ZÀ-ÖØ-Þ"

#: A month's name as a dateline writes it: "Jan", "Jan.", "January", "Sept.".
_MONTH_NAME = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
    r"|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
#: A dateline: "ATLANTA - ", "CHARLESTON, W.Va. (AP) -- ", "BAGHDAD, 3 June 2018 - ",
#: "BEIRUT, June 3 (Reuters) - ", "PORTLAND, Maine (Sept. 30, 2024) - " (local TV
#: and wire copy: the day in brackets); or, with no place, a day and an agency:
#: "Jan. 9 (Reuters) - ". ``day`` (or ``day_in_brackets``) is its day, with or
#: without the year.
_DATELINE = re.compile(
    rf"(?:(?P<town>[{_CAP}]{{2}}[{_CAP}.'’ -]*[{_CAP}.])"
    r"(?:,\s+(?P<where>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?))?"  # state or country
    r"(?:,\s+(?P<day>(?:\d{1,2}\s+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s+\d{1,2})"
    r"(?:,?\s+\d{4})?))?"
    rf"(?:\s+\((?P<day_in_brackets>(?:\d{{1,2}}\s+{_MONTH_NAME}|{_MONTH_NAME}\s+"
    r"\d{1,2})(?:,?\s+\d{4})?)\))?"
    r"(?:\s+\([A-Z][\w.&’' -]{0,30}\))?"
    rf"|(?P<day_only>(?:\d{{1,2}}\s+{_MONTH_NAME}|{_MONTH_NAME}\s+\d{{1,2}})"
    r"(?:,?\s+\d{4})?)\s+\([A-Z][\w.&’' -]{0,30}\))"
    r"\s+(?:--|—|–|-)(?=\s)"
)

#: How many days a dateline may come before the publication date given for its
#: statements to be dated from it (a reprint); more is another story's date.
_REPRINT_DAYS = (1, 7)


def _dateline_date(
    text: str, *, published: dt.date | None = None, as_of: dt.date | None = None
) -> tuple[dt.date, str] | None:
    r"""The day of a dateline that opens one of the first lines, and the dateline.

    Wire copy is dated where it starts ("BAGHDAD, 3 June 2018 - ..."): that is the
    day it was filed, the publication date of the report. A whole day with its
    year counts, but not one after today (a typo). A day without its year
    ("BEIRUT, Jan 9 (Reuters) -", as the agencies write it) takes it from
    ``published``: the latest such day no more than a day after it (a story
    filed across a time zone). Without ``published``, it takes it from ``as_of``
    (the day an undated document is read): the latest such day not after it, so
    "Oct. 19" read on 27 November 2026 is 19 October 2026, and "Dec. 5" read then
    is 5 December 2025; without either it gives none.

    Examples
    --------
    >>> _dateline_date("Hunt for a leader\nBAGHDAD, 3 June 2018 - Sources said so.")
    (datetime.date(2018, 6, 3), 'BAGHDAD, 3 June 2018 -')
    >>> _dateline_date("BEIRUT, June 3 (Reuters) - Sources said so.") is None
    True
    >>> _dateline_date("BEIRUT, Dec. 30 (Reuters) - Sources said so.",
    ...                published=dt.date(2024, 1, 2))
    (datetime.date(2023, 12, 30), 'BEIRUT, Dec. 30 (Reuters) -')
    >>> _dateline_date("CUCUTA, Colombia, Oct. 19 (Reuters) - Police said so.",
    ...                as_of=dt.date(2026, 11, 27))
    (datetime.date(2026, 10, 19), 'CUCUTA, Colombia, Oct. 19 (Reuters) -')
    >>> _dateline_date("PORTLAND, Maine (Sept. 30, 2024) - Police are asking ...")
    (datetime.date(2024, 9, 30), 'PORTLAND, Maine (Sept. 30, 2024) -')
    """
    today = dt.date.today()
    for n, line in enumerate(re.finditer(r"^[ \t]*", text, re.MULTILINE)):
        if n >= 5:
            break
        m = _DATELINE.match(text, line.end())
        if m is None:
            continue
        days = [
            d.date
            for d in find_dates(m.group())
            if d.kind == "day" and not d.relative and d.date <= today
        ]
        day = m.group("day") or m.group("day_in_brackets") or m.group("day_only")
        if published is not None:
            # "Jan 9" read as of the day after publication: the latest 9 January
            # on or before it
            upto: dt.date | None = published + dt.timedelta(days=1)
        else:
            upto = as_of  # an undated document: the latest on or before today
        if not days and upto is not None and day is not None:
            days = [
                d.date
                for d in find_dates(day, published=upto)
                if d.kind == "day" and d.relative and d.date <= min(today, upto)
            ]
        if days:
            return days[0], m.group()
    return None


def _dateline_town(text: str) -> tuple[str, str] | None:
    r"""The town of a dateline that opens one of the first lines, and what follows.

    "DURANGO, Mexico - Witnesses saw ...": ("DURANGO", "Mexico"); the state or
    country after the town is "" when none is written ("BAGHDAD -"). A dateline
    names the town a report was filed from, never a state of that name (review
    r63, M4). None without a dateline, or with one of a day alone ("Jan. 9
    (Reuters) -").

    Examples
    --------
    >>> _dateline_town("Quiroga seen\n\nDURANGO, Mexico - Witnesses saw him.")
    ('DURANGO', 'Mexico')
    >>> _dateline_town("BAGHDAD, 3 June 2018 - Sources said so.")
    ('BAGHDAD', '')
    >>> _dateline_town("Jan. 9 (Reuters) - Sources said so.") is None
    True
    """
    for n, line in enumerate(re.finditer(r"^[ \t]*", text, re.MULTILINE)):
        if n >= 5:
            break
        m = _DATELINE.match(text, line.end())
        if m is not None and m.group("town"):
            return m.group("town").strip(), m.group("where") or ""
    return None
