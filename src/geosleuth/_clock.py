"""The case's one clock: an estimate's day and time of day, items' times.

:class:`AsOf` is a day with a time of day on it; :func:`now_of` the moment a
day or an ``AsOf`` stands for, on the clock of
:attr:`~geosleuth.evidence.Sighting.moment`. Re-exported by
:mod:`geosleuth.evidence`, whose items are dated on this clock.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from geosleuth.errors import InputError

if TYPE_CHECKING:
    from geosleuth.evidence import EvidenceItem

__all__ = [
    "AsOf",
    "as_of_text",
    "calendar_day",
    "day_fraction",
    "later_that_day",
    "now_of",
    "parse_as_of",
    "parse_time",
    "time_of",
    "time_text",
]


class AsOf(dt.date):
    """A day, and the time of day (``at``) on it that an estimate is for.

    A :class:`datetime.date` in every other respect: compared, hashed, written
    (``isoformat``) and moved by a ``timedelta`` as its day, so it goes
    wherever an estimate's day goes. Where the time matters (an item's age, a
    track's last walk, P(alive)'s last stretch of hazard, which timed items are
    in force), :func:`now_of` and :func:`later_that_day` read it. A plain date,
    or an ``AsOf`` without ``at``, is the end of its day.

    Examples
    --------
    >>> morning = AsOf(2024, 10, 13, dt.time(7, 0))
    >>> morning == dt.date(2024, 10, 13), as_of_text(morning)
    (True, '2024-10-13 07:00')
    >>> round(24 * (now_of(dt.date(2024, 10, 13)) - now_of(morning)), 6)  # hours
    17.0
    """

    __slots__ = ("at",)
    at: dt.time | None

    def __new__(
        cls, year: int, month: int, day: int, at: dt.time | None = None
    ) -> AsOf:
        """The day ``year-month-day``, at ``at`` (None: its end)."""
        self = super().__new__(cls, year, month, day)
        self.at = at
        return self

    @classmethod
    def of(cls, day: dt.date, at: dt.time | None) -> dt.date:
        """``day`` at ``at``: an ``AsOf``, or the plain day (its end) for None.

        >>> day = dt.date(2024, 10, 13)
        >>> AsOf.of(day, None), AsOf.of(day, dt.time(9))
        (datetime.date(2024, 10, 13), AsOf(2024, 10, 13, at=datetime.time(9, 0)))
        """
        return day if at is None else cls(day.year, day.month, day.day, at)

    def __reduce__(self) -> tuple[Any, ...]:
        return (AsOf, (self.year, self.month, self.day, self.at))

    def replace(  # type: ignore[override]
        self, year: int | None = None, month: int | None = None, day: int | None = None
    ) -> AsOf:
        """Another day, at the same time of day."""
        other = calendar_day(self).replace(
            year=year or self.year, month=month or self.month, day=day or self.day
        )
        return AsOf(other.year, other.month, other.day, self.at)  # the time kept

    def __repr__(self) -> str:
        return f"AsOf({self.year}, {self.month}, {self.day}, at={self.at!r})"


def time_of(as_of: dt.date) -> dt.time | None:
    """The time of day of an :class:`AsOf`; None for a plain date (its end)."""
    return getattr(as_of, "at", None)


def calendar_day(as_of: dt.date) -> dt.date:
    """The calendar day of ``as_of``: a plain date, an :class:`AsOf`'s time dropped.

    A plain date stands for the end of its day (:func:`now_of`): the day is
    what counts where the time of day does not (the day known by of an
    estimate, the last day whose publications it uses, is a calendar day).

    Examples
    --------
    >>> calendar_day(AsOf(2024, 10, 13, dt.time(7, 0)))
    datetime.date(2024, 10, 13)
    >>> calendar_day(dt.date(2024, 10, 13))  # a plain date is its own day
    datetime.date(2024, 10, 13)
    """
    return dt.date(as_of.year, as_of.month, as_of.day)


def now_of(as_of: dt.date) -> float:
    """The moment ``as_of`` stands for, on :attr:`Sighting.moment`'s clock.

    Its time of day for an :class:`AsOf` that has one, else the end of its day.
    """
    at = time_of(as_of)
    return as_of.toordinal() + (day_fraction(at) if at is not None else 1.0)


def later_that_day(item: EvidenceItem, as_of: dt.date) -> bool:
    """Whether ``item`` is timed after ``as_of``'s time of day, on its day."""
    at = time_of(as_of)
    return (
        at is not None
        and item.time is not None
        and item.date == as_of
        and item.time > at
    )


def as_of_text(as_of: dt.date) -> str:
    """``as_of`` written: its day, and its time of day when it has one."""
    at = time_of(as_of)
    return as_of.isoformat() + (f" {time_text(at)}" if at is not None else "")


def parse_as_of(
    value: Any, name: str, day: Callable[[Any, str], dt.date | None]
) -> dt.date | None:
    """An estimate's day, ``YYYY-MM-DD``, with an optional time of day.

    ``2024-10-13`` is the end of that day; ``2024-10-13T07:00`` (or with a
    space, or with seconds) is 07:00 on it, an :class:`AsOf`. The day is read
    by ``day(text, name)``, the caller's parser of dates (so a wrong day reads
    as every other date option or field of that caller does); None for None.

    Raises
    ------
    InputError
        Naming ``name``, for a time of day that is not one.

    Examples
    --------
    >>> def iso(v, name):
    ...     return dt.date.fromisoformat(v) if v else None
    >>> parse_as_of("2024-10-13", "--as-of", iso)
    datetime.date(2024, 10, 13)
    >>> parse_as_of("2024-10-13T07:00", "--as-of", iso)
    AsOf(2024, 10, 13, at=datetime.time(7, 0))
    >>> parse_as_of("2024-10-13T25:00", "--as-of", iso)
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: The field '--as-of' is a day and a time of day, ...
    """
    if not isinstance(value, str):
        return day(value, name)
    timed = re.fullmatch(r"(\d{4}-\d{2}-\d{2})[T ](.*)", value.strip())
    if timed is None:
        return day(value, name)
    on = day(timed.group(1), name)
    if on is None:  # pragma: no cover - a day was written
        return None
    try:
        at = parse_time(timed.group(2), name)
    except InputError:
        raise InputError(
            f"The field {name!r} is a day and a time of day, written "
            "YYYY-MM-DDTHH:MM (24-hour clock, 00:00 to 23:59, the case's one "
            f"clock), but {timed.group(2)!r} is no time of day.",
            field=name,
        ) from None
    return AsOf.of(on, at)


def day_fraction(t: dt.time) -> float:
    """The share of its day that has passed at ``t`` (0 at midnight).

    >>> day_fraction(dt.time(18, 0))
    0.75
    """
    return (t.hour * 3600 + t.minute * 60 + t.second + t.microsecond / 1e6) / 86400.0


def time_text(t: dt.time) -> str:
    """``t`` written HH:MM, or HH:MM:SS when it has seconds.

    >>> time_text(dt.time(15, 10)), time_text(dt.time(15, 10, 30))
    ('15:10', '15:10:30')
    """
    return t.isoformat(timespec="seconds" if t.second or t.microsecond else "minutes")


def parse_time(value: Any, name: str, *, owner: str | None = None) -> dt.time:
    """A time of day written HH:MM or HH:MM:SS (24-hour clock, no zone).

    Raises
    ------
    InputError
        If ``value`` is not such a time; the message names ``name``, and the
        item it belongs to where ``owner`` is given ("sighting 'aml'").

    Examples
    --------
    >>> parse_time("15:10", "time")
    datetime.time(15, 10)
    >>> parse_time("3pm", "time")
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: The field 'time' must be a time of day written ...
    """
    text = str(value)
    if isinstance(value, str) and re.fullmatch(r"\d{2}:\d{2}(:\d{2})?", text):
        try:
            return dt.time.fromisoformat(text)
        except ValueError:
            pass
    of = f" of {owner}" if owner else ""
    raise InputError(
        f"The field {name!r}{of} must be a time of day written HH:MM (24-hour "
        f"clock, 00:00 to 23:59), optionally with seconds. Got {value!r} instead.",
        field=name,
    )
