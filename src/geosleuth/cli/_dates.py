"""Dates given as options (``--as-of``, ``--published``, ``--date``), checked.

Each error names its option and the format, as a case file's do its field: a
value not written YYYY-MM-DD, a day the calendar lacks (2018-02-30), and a
publication date too far ahead to be a report's.
"""

from __future__ import annotations

import datetime as dt
import re

from geosleuth.casefile import far_ahead
from geosleuth.casefile._dates import too_early
from geosleuth.errors import InputError

__all__ = ["not_far_ahead", "parse_date"]


def parse_date(value: str | None, option: str) -> dt.date | None:
    """``value`` as a date written YYYY-MM-DD, as the help says (not 20240320).

    Raises
    ------
    InputError
        ``value`` is not written YYYY-MM-DD, or names no day of the calendar.

    Examples
    --------
    >>> parse_date(" 2018-05-12 ", "--as-of"), parse_date(None, "--as-of")
    (datetime.date(2018, 5, 12), None)
    >>> parse_date("12/05/2018", "--published")
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: --published must be a date written YYYY-MM-DD. ...
    >>> parse_date("2018-02-30", "--as-of")
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: --as-of is written YYYY-MM-DD, but 2018-02-30 is ...
    """
    if value is None:
        return None
    text = value.strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise InputError(
            f"{option} must be a date written YYYY-MM-DD. Got {value!r} instead.",
            field=option,
        )
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(
            f"{option} is written YYYY-MM-DD, but {text} is not a day of the "
            "calendar (check the month and the day).",
            field=option,
        ) from None


def not_far_ahead(day: dt.date | None, option: str) -> dt.date | None:
    """``day`` (a publication date), refused when too far ahead to be a report's.

    The test is :func:`geosleuth.casefile.far_ahead`'s. A year below 1000 is
    refused too, a mistyped year (:func:`geosleuth.casefile._dates.too_early`).

    Examples
    --------
    >>> not_far_ahead(dt.date(2018, 5, 12), "--published")
    datetime.date(2018, 5, 12)
    >>> not_far_ahead(dt.date(2999, 1, 1), "--published")
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: --published is 2999-01-01, more than a year ...
    >>> not_far_ahead(dt.date(24, 3, 4), "--published")
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: --published is 0024-03-04, a year below 1000: ...
    """
    early = None if day is None else too_early(day)
    if early is not None:
        raise InputError(
            f"{option} is {early}: a mistyped year? Check it (YYYY-MM-DD).",
            field=option,
        )
    ahead = None if day is None else far_ahead(day)
    if ahead is not None:
        raise InputError(
            f"{option} is {ahead}: no report is published so far ahead. Check the "
            "year.",
            field=option,
        )
    return day
