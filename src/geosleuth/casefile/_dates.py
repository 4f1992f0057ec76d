"""Dates in a case file: written YYYY-MM-DD, and not far ahead of today.

:func:`far_ahead` is the one test of a date too far ahead to be evidence (case
files, read output, ``--published``); an item dated more than
:data:`YEARS_BEHIND_WARNED` years before its document is used, with a warning.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from typing import Any

from geosleuth.errors import CaseFileError, EvidenceWarning

__all__ = [
    "EARLIEST_YEAR",
    "MAX_DAYS_AHEAD",
    "OLD_YEAR",
    "YEARS_BEHIND_WARNED",
    "far_ahead",
    "too_early",
]


def _date(value: Any, where: str, source: str, line: int | None) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        written = re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value)) is not None
        raise CaseFileError(
            f"The field {where} is written YYYY-MM-DD, but {value} is not a day of "
            "the calendar (check the month and the day)."
            if written
            else f"The field {where} must be a date written YYYY-MM-DD. Got {value!r} "
            "instead.",
            path=source,
            line=line,
            field=where,
        ) from None


#: How many days after today an evidence date (an item's ``date``, ``date_from``,
#: a document's ``published``) may be before it is refused as a typo.
#:
#: Evidence is something reported, so it cannot be published, nor (bar a plan
#: written down ahead) dated, long after today. A few days or months ahead may
#: be on purpose (a search scheduled and entered early, a clock in another time
#: zone): those are taken, and ``geosleuth locate`` warns. A year or more ahead
#: is taken for what it almost always is, a mistyped year (2204 for 2024), and
#: refused: taken, it would move the estimate's as_of (the newest evidence)
#: centuries on and age every other item to nothing, with no sign in the output.
#: A case's ``as_of`` is exempt: estimating ahead of today is a choice.
MAX_DAYS_AHEAD = 366


def far_ahead(day: dt.date, *, today: dt.date | None = None) -> str | None:
    """``day`` in words if it is more than :data:`MAX_DAYS_AHEAD` days after today.

    The one test of a date too far ahead to be evidence, for case files, read
    output, ``--published`` and the dates a document gives; each caller says
    what the date is and what follows.

    Examples
    --------
    >>> far_ahead(dt.date(2030, 1, 1), today=dt.date(2024, 1, 1))
    '2030-01-01, more than a year after today (2024-01-01)'
    >>> far_ahead(dt.date(2024, 6, 1), today=dt.date(2024, 1, 1)) is None
    True
    """
    today = today or dt.date.today()
    if (day - today).days <= MAX_DAYS_AHEAD:
        return None
    return f"{day.isoformat()}, more than a year after today ({today.isoformat()})"


#: A publication date of a year below this is a mistyped year ("0024-03-04",
#: "0204-03-04" for 2024-03-04): refused where it is given (``--published``,
#: the service's ``published``), not used where a document gives it (its front
#: matter, its metadata), with a warning (review r85, M1). Taken, it started
#: P(alive)'s clock two thousand years early.
EARLIEST_YEAR = 1000
#: A document published before this year (or more than
#: :data:`geosleuth.locate.YEARS_BEFORE_NEWEST` years before the newest of a
#: run) is used, with a warning naming it and its date.
OLD_YEAR = 1900


def too_early(day: dt.date) -> str | None:
    """``day`` in words if its year is below :data:`EARLIEST_YEAR`, else None.

    Examples
    --------
    >>> too_early(dt.date(24, 3, 4))
    '0024-03-04, a year below 1000'
    >>> too_early(dt.date(1024, 3, 4)) is None
    True
    """
    if day.year >= EARLIEST_YEAR:
        return None
    return f"{day.isoformat()}, a year below {EARLIEST_YEAR}"


#: Years before its document (or today) past which an item's date is taken for a
#: typo and warned of ("0024-03-01" for "2024-03-01"), though it is used.
YEARS_BEHIND_WARNED = 100


def _warn_far_behind(
    day: dt.date, published: dt.date | None, where: str, at: str
) -> None:
    """Warn when ``day`` lies more than a century before its document (or today)."""
    ref, what = (
        (published, f"its document (published {published.isoformat()})")
        if published is not None
        else (dt.date.today(), f"today ({dt.date.today().isoformat()})")
    )
    if (ref - day).days > 365.25 * YEARS_BEHIND_WARNED:
        warnings.warn(
            f"The field {where} ({at}) is {day.isoformat()}, more than "
            f"{YEARS_BEHIND_WARNED} years before {what}: check the year. It is "
            "used as written.",
            EvidenceWarning,
            stacklevel=4,
        )


def _evidence_date(value: Any, where: str, source: str, line: int | None) -> dt.date:
    """:func:`_date`, refused more than :data:`MAX_DAYS_AHEAD` days after today."""
    day = _date(value, where, source, line)
    ahead = far_ahead(day)
    if ahead is not None:
        raise CaseFileError(
            f"The field {where} is {ahead}: evidence cannot be dated so far ahead. "
            "Check the year.",
            path=source,
            line=line,
            field=where,
        )
    return day
