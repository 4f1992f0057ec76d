"""Evidence items with provenance and a source grade.

Every path into geosleuth — a case file an analyst writes, the claims read from an
article, an event set profiled, a search that found nothing — produces the same
kinds of item, so fusion never needs to know where an item came from:

==================  ==================================================================
kind                what it says
==================  ==================================================================
:class:`Sighting`   the target, or an associate, was seen at a place and time
:class:`Claim`      a source says the target is (or is not) in a place or region
:class:`Territory`  a group controls an area as of a date; the target has ties to it
:class:`Front`      force F is ``distance_km`` from a place, approaching from a bearing
:class:`Searched`   an area was searched with probability of detection ``pd``; nothing
                    was found
:class:`LifeStatus` proof of life (a dated recording) or a claim of death
:class:`EventSet`   many events tied to one unknown base (attacks, cases, sightings)
:class:`Rings`      how far from a point such subjects are found: the distances
                    within which 25, 50, 75, 95 % were (lost-person statistics)
==================  ==================================================================

Each item carries :class:`Provenance` (document, quoted sentence and its span, speaker
and role, reporting chain, publication date) and an optional NATO Admiralty
:class:`Grade` (source reliability A–F, information credibility 1–6). Together with the
hedge of the wording ("may have been", "indeed") they give the probability that the
item is true, :func:`reliability`, through a documented, configurable
:class:`GradeTable`.

Items are frozen and validated on construction: an invalid item cannot exist.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any, ClassVar, Literal, TypeAlias, get_args

import numpy as np

from geosleuth._clock import (
    AsOf,
    as_of_text,
    calendar_day,
    later_that_day,
    now_of,
    parse_as_of,
    parse_time,
    time_of,
    time_text,
)
from geosleuth._clock import day_fraction as day_fraction  # fuse.life's
from geosleuth._types import FloatArray
from geosleuth.errors import InputError
from geosleuth.geometry import Area, Geometry, Line, Point, from_geojson

__all__ = [
    "DEFAULT_GRADES",
    "KINDS",
    "MAX_KM",
    "Claim",
    "EventSet",
    "EvidenceItem",
    "Front",
    "Grade",
    "GradeTable",
    "Hedge",
    "LifeStatus",
    "Provenance",
    "Rings",
    "Searched",
    "Sighting",
    "AsOf",
    "Territory",
    "as_of_text",
    "calendar_day",
    "item_from_dict",
    "later_that_day",
    "now_of",
    "parse_as_of",
    "parse_time",
    "reliability",
    "time_of",
    "time_text",
]

Hedge = Literal["certain", "probable", "possible", "doubtful"]
Reliability = Literal["A", "B", "C", "D", "E", "F"]
HEDGES: tuple[str, ...] = get_args(Hedge)

#: What an area an item names is, where it is known (``place_kind``): a
#: country's first-level division (``state``, ``province``, ``region``,
#: ``county``, ``municipality``, ``territory``, ``federal district`` (the
#: District of Columbia, Brazil's), ``nation`` for England, Scotland and
#: Wales, or ``division`` where nothing better is known), a (sovereign)
#: country, a continent, or a polygon drawn in the case file (``drawn``); or,
#: for a point, an ``airport`` (a text's "Heathrow airport"). Kept so the
#: areas table can say "Durango (state)" (review r60, leftover 2).
_PLACE_KINDS = (
    "state",
    "province",
    "region",
    "municipality",
    "county",
    "territory",
    "federal district",
    "nation",
    "division",
    "country",
    "continent",
    "drawn",
    "airport",
)


def _check_place_kind(item: str, value: Any) -> None:
    if value is not None and value not in _PLACE_KINDS:
        raise _fail(item, "place_kind", f"None or one of {list(_PLACE_KINDS)}", value)


def _fail(item: str, name: str, expected: str, got: Any) -> InputError:
    return InputError(
        f"The {name!r} of {item} must be {expected}. Got {got!r} instead.", field=name
    )


def _check_prob(item: str, name: str, value: Any, *, open_low: bool = False) -> None:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    ok = ok and math.isfinite(value) and (value > 0.0 if open_low else value >= 0.0)
    if not (ok and value <= 1.0):
        low = "0 <" if open_low else "0 ≤"
        raise _fail(item, name, f"a number with {low} value ≤ 1", value)


#: The largest distance on Earth, km: half the equator's length. A spread, a buffer
#: or a distance beyond it means nothing (and a search "within 1e9 km" would cost
#: the map drawing minutes).
MAX_KM = 20_037.5


def _check_km(item: str, name: str, value: Any, *, allow_zero: bool = True) -> None:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    ok = ok and math.isfinite(value) and (value >= 0 if allow_zero else value > 0)
    if not (ok and value <= MAX_KM):
        kind = "a non-negative" if allow_zero else "a positive"
        raise _fail(
            item,
            name,
            f"{kind} number of km, at most {MAX_KM:,} (half the Earth's circumference)",
            value,
        )


@dataclass(frozen=True, slots=True)
class Grade:
    """A NATO Admiralty grade: source reliability A–F, information credibility 1–6.

    Examples
    --------
    >>> Grade.parse("B2")
    Grade(reliability='B', credibility=2)
    >>> Grade.parse("Z9")
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: A grade must be a reliability letter A-F ...
    """

    reliability: Reliability
    credibility: int

    def __post_init__(self) -> None:
        if self.reliability not in get_args(
            Reliability
        ) or self.credibility not in range(1, 7):
            given = f"{self.reliability}{self.credibility}"
            raise InputError(
                "A grade must be a reliability letter A-F followed by a credibility "
                f"digit 1-6 (e.g. 'B2'). Got {given!r} instead.",
                field="grade",
            )

    @classmethod
    def parse(cls, text: str) -> Grade:
        """Parse ``"B2"``-style text."""
        t = str(text).strip().upper()
        if len(t) != 2 or not t[1].isdigit():
            raise InputError(
                "A grade must be a reliability letter A-F followed by a credibility "
                f"digit 1-6 (e.g. 'B2'). Got {text!r} instead.",
                field="grade",
            )
        return cls(t[0], int(t[1]))  # type: ignore[arg-type]

    def __str__(self) -> str:
        return f"{self.reliability}{self.credibility}"


def _credibility_digit(key: object) -> int:
    """A credibility digit as a case file or a caller writes it: "6", 6 or 6.0.

    Raises ValueError for any other key (1.5, True, None), which no digit names.
    """
    if isinstance(key, bool) or not isinstance(key, int | float | str):
        raise ValueError(f"no credibility digit: {key!r}")
    if isinstance(key, float) and not key.is_integer():
        raise ValueError(f"no credibility digit: {key!r}")
    return int(key)


@dataclass(frozen=True, slots=True)
class GradeTable:
    """How grades and hedges map to the probability that an item is true.

    ``p_true = reliability_p[letter] × credibility_p[digit] × hedge_p[hedge]``.

    The defaults read the Admiralty scale as probabilities:

    ============  =====  ==============================  =====
    reliability   p      credibility                     p
    ============  =====  ==============================  =====
    A completely  0.95   1 confirmed by other sources    0.95
    B usually     0.85   2 probably true                 0.80
    C fairly      0.70   3 possibly true                 0.60
    D not usually 0.50   4 doubtful                      0.40
    E unreliable  0.30   5 improbable                    0.20
    F cannot say  0.50   6 truth cannot be judged        0.50
    ============  =====  ==============================  =====

    Hedges: ``certain`` 1.0 ("indeed", "certainly", plain assertion), ``probable``
    0.75 ("thinks", "believes", "likely"), ``possible`` 0.5 ("may", "might", "may have
    been"), ``doubtful`` 0.25 ("unlikely", "doubtful").

    Examples
    --------
    >>> round(GradeTable().p_true(Grade.parse("B2"), "possible"), 4)
    0.34
    """

    reliability_p: tuple[tuple[str, float], ...] = (
        ("A", 0.95),
        ("B", 0.85),
        ("C", 0.70),
        ("D", 0.50),
        ("E", 0.30),
        ("F", 0.50),
    )
    credibility_p: tuple[tuple[int, float], ...] = (
        (1, 0.95),
        (2, 0.80),
        (3, 0.60),
        (4, 0.40),
        (5, 0.20),
        (6, 0.50),
    )
    hedge_p: tuple[tuple[str, float], ...] = (
        ("certain", 1.0),
        ("probable", 0.75),
        ("possible", 0.5),
        ("doubtful", 0.25),
    )

    def __post_init__(self) -> None:
        for name in ("reliability_p", "credibility_p", "hedge_p"):
            for key, value in getattr(self, name):
                _check_prob("the grade table", f"{name}[{key}]", value)

    def p_true(self, grade: Grade | None, hedge: Hedge = "certain") -> float:
        """Probability that an item with this grade and hedge is true.

        ``grade=None`` means the item is taken at face value (probability 1 before
        the hedge).
        """
        hp = dict(self.hedge_p)
        if hedge not in hp:
            raise InputError(
                f"The hedge must be one of {sorted(hp)}. Got {hedge!r} instead.",
                field="hedge",
            )
        base = 1.0
        if grade is not None:
            base = (
                dict(self.reliability_p)[grade.reliability]
                * dict(self.credibility_p)[grade.credibility]
            )
        return base * hp[hedge]

    def overridden(self, changes: Mapping[str, Mapping[str, float]]) -> GradeTable:
        """The table with some entries changed, as a case file's ``grades:`` gives.

        ``changes`` maps ``reliability`` (letters A–F), ``credibility`` (digits
        1–6, as text or numbers) and ``hedge`` (the four hedges) to the
        probabilities that replace the defaults; what it leaves out keeps them.

        Examples
        --------
        >>> t = GradeTable().overridden({"reliability": {"F": 0.3},
        ...                              "credibility": {"6": 0.4}})
        >>> round(t.p_true(Grade.parse("F6")), 4), round(t.p_true(Grade.parse("B2")), 4)
        (0.12, 0.68)
        >>> GradeTable().overridden({"reliability": {"G": 0.3}})
        Traceback (most recent call last):
        ...
        geosleuth.errors.InputError: The grade table has no reliability 'G' (it has A, B, C, D, E, F).
        >>> GradeTable().overridden({"credibility": {1.5: 0.3}})  # no digit
        Traceback (most recent call last):
        ...
        geosleuth.errors.InputError: The grade table has no credibility 1.5 (it has 1, 2, 3, 4, 5, 6).
        """  # noqa: E501
        tables: dict[str, tuple[str, Callable[[Any], object]]] = {
            "reliability": ("reliability_p", str),
            "credibility": ("credibility_p", _credibility_digit),
            "hedge": ("hedge_p", str),
        }
        kwargs: dict[str, Any] = {}
        for part, given in changes.items():
            if part not in tables:
                raise InputError(
                    f"The grade table has no part {part!r} (it has reliability, "
                    "credibility, hedge).",
                    field=f"grades.{part}",
                )
            name, key_of = tables[part]
            rows = dict(getattr(self, name))
            for key, value in given.items():
                try:
                    k = key_of(key)
                except ValueError:
                    k = None
                if k not in rows:
                    known = ", ".join(str(x) for x in rows)
                    raise InputError(
                        f"The grade table has no {part} {key!r} (it has {known}).",
                        field=f"grades.{part}.{key}",
                    )
                rows[k] = value
            kwargs[name] = tuple(rows.items())
        return replace(self, **kwargs)


DEFAULT_GRADES = GradeTable()


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where an item comes from.

    Parameters
    ----------
    document : str
        Identifier or title of the source document.
    quote : str, default ""
        The sentence the item was taken from, verbatim.
    span : tuple of (int, int) or None
        Character offsets of ``quote`` in the document's extracted text.
    speaker, speaker_role : str or None
        Who says it ("Abu Ali al-Basri"), and as what ("Director of Intelligence...").
    reporting_chain : tuple of str
        Intermediaries, nearest first ("told ANF", "Fox News reports").
    published : datetime.date or None
        Publication date of the document.
    url : str or None
        Where the document can be found.

    Examples
    --------
    >>> p = Provenance(document="anf", quote="seen in Hajin", span=(10, 23),
    ...                speaker="Hesekê", published=dt.date(2018, 5, 12))
    >>> p.to_dict()["span"]
    [10, 23]
    >>> Provenance(document="anf", span=(9, 3))
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: A provenance 'span' must be two character offsets ...
    """

    document: str
    quote: str = ""
    span: tuple[int, int] | None = None
    speaker: str | None = None
    speaker_role: str | None = None
    reporting_chain: tuple[str, ...] = ()
    published: dt.date | None = None
    url: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.document, str) or not self.document.strip():
            raise InputError(
                "Every item's provenance needs a 'document' (a non-empty name or id). "
                f"Got {self.document!r} instead.",
                field="document",
            )
        if self.span is not None:
            s = self.span
            if (
                not isinstance(s, tuple)
                or len(s) != 2
                or not all(isinstance(v, int) for v in s)
                or not 0 <= s[0] <= s[1]
            ):
                raise InputError(
                    "A provenance 'span' must be two character offsets (start, end) "
                    f"with 0 ≤ start ≤ end. Got {s!r} instead.",
                    field="span",
                )
        if self.published is not None and (
            not isinstance(self.published, dt.date)
            or isinstance(self.published, dt.datetime)
        ):
            raise InputError(
                f"'published' must be a date. Got {self.published!r} instead.",
                field="published",
            )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping."""
        return {
            "document": self.document,
            "quote": self.quote,
            "span": list(self.span) if self.span else None,
            "speaker": self.speaker,
            "speaker_role": self.speaker_role,
            "reporting_chain": list(self.reporting_chain),
            "published": self.published.isoformat() if self.published else None,
            "url": self.url,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class _Item:
    """Fields every evidence item has."""

    id: str
    provenance: Provenance
    date: dt.date
    date_from: dt.date | None = None
    grade: Grade | None = None
    hedge: Hedge = "certain"
    note: str = ""
    #: true throughout ``date_from``..``date`` and still at its end ("has lived
    #: in Durham since 2014", "for the past three years"), not at one unknown
    #: time within it ("seen there in the past three years"): aged from ``date``
    ongoing: bool = False
    #: The time of day of ``date`` (local to the case, every item on one clock),
    #: for an item of one day: a fix at 15:10. The timed fixes of the target
    #: are followed as a track, in time order (:mod:`geosleuth.fuse`), and a
    #: timed item is aged from its time, not from the end of its day.
    time: dt.time | None = None

    kind: ClassVar[str] = "item"
    #: Whether a ``time`` of day means anything for the kind: not for an area
    #: held, a front or an event set, which count by the day.
    timed: ClassVar[bool] = True
    #: Whether the item reports what happened by its date, so that its document
    #: cannot be older: not :class:`Rings`, statistics applied to a new case.
    reports: ClassVar[bool] = True

    def _name(self) -> str:
        return f"{self.kind} {self.id!r}"

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id.strip():
            raise InputError(
                f"Every evidence item needs a non-empty 'id'. Got {self.id!r} instead.",
                field="id",
            )
        if self.id.splitlines() != [self.id]:
            # "a\nkind: sighting" as an id (r28 L3)
            raise InputError(
                "An evidence item's 'id' must be one line (no line break). "
                f"Got {self.id!r} instead.",
                field="id",
            )
        if not isinstance(self.provenance, Provenance):
            raise _fail(self._name(), "provenance", "a Provenance", self.provenance)
        # a datetime is a date to isinstance, but compares with dates by raising
        if not isinstance(self.date, dt.date) or isinstance(self.date, dt.datetime):
            raise _fail(self._name(), "date", "a date (YYYY-MM-DD)", self.date)
        if self.date_from is not None:
            if not isinstance(self.date_from, dt.date) or isinstance(
                self.date_from, dt.datetime
            ):
                raise _fail(self._name(), "date_from", "a date", self.date_from)
            if self.date_from > self.date:
                raise InputError(
                    f"The dates of {self._name()} are out of order: 'date_from' "
                    f"({self.date_from}) is after 'date' ({self.date}). 'date_from' is "
                    "the start of the period, 'date' its end.",
                    field="date_from",
                )
        pub = self.provenance.published
        if pub is not None and self.date > pub and self.reports:
            raise InputError(
                f"The dates of {self._name()} are out of order: it is dated "
                f"{self.date} but its document was published on {pub}. An item "
                "cannot report what had not happened yet.",
                field="date",
            )
        if self.grade is not None and not isinstance(self.grade, Grade):
            raise _fail(self._name(), "grade", "a Grade such as 'B2'", self.grade)
        if self.hedge not in HEDGES:
            raise _fail(self._name(), "hedge", f"one of {list(HEDGES)}", self.hedge)
        if not isinstance(self.ongoing, bool):
            raise _fail(self._name(), "ongoing", "true or false", self.ongoing)
        if self.time is not None:
            if not self.timed:
                raise InputError(
                    f"{self._name().capitalize()} has a 'time', which "
                    f"{'an' if self.kind[0] in 'aeiou' else 'a'} {self.kind} "
                    "does not use (it counts by the day): remove the 'time', or "
                    "put the hour in its 'note'.",
                    field="time",
                )
            if not isinstance(self.time, dt.time) or self.time.tzinfo is not None:
                raise _fail(
                    self._name(), "time", "a time of day such as '15:10'", self.time
                )
            if self.date_from is not None:
                raise InputError(
                    f"{self._name().capitalize()} has a 'time' and a 'date_from': a "
                    "time of day belongs to an item of one day. Give 'date' and "
                    "'time', or the period without a time.",
                    field="time",
                )

    @property
    def known_on(self) -> dt.date:
        """The first day the item could be known: publication, else its date.

        Never before its date: a :class:`Rings` item applies statistics
        published long before to the day of its place.
        """
        return max(self.provenance.published or self.date, self.date)

    @property
    def mid_date(self) -> dt.date:
        """Middle of ``date_from``..``date`` (or ``date``; ``date`` if ongoing).

        An item dated by a period happened at some unknown time within it, on
        average its middle; one that holds throughout (:attr:`ongoing`) holds
        at its end too, and is as fresh as that.
        """
        if self.date_from is None or self.ongoing:
            return self.date
        return self.date_from + (self.date - self.date_from) / 2

    def age_days(self, as_of: dt.date) -> float:
        """Days from the item's :attr:`moment` to ``as_of``'s (never negative).

        Whole days count from the end of one day to the end of the other; a
        timed item counts from its :attr:`time`, so a fix at 18:00 on
        ``as_of`` is a quarter of a day old; an :class:`AsOf` with a time of
        day counts to that time (:func:`now_of`).

        Examples
        --------
        >>> seen = LifeStatus(id="l", provenance=Provenance(document="d"),
        ...                   date=dt.date(2024, 10, 12), status="alive")
        >>> seen.age_days(dt.date(2024, 10, 13))
        1.0
        >>> replace(seen, time=dt.time(18, 0)).age_days(dt.date(2024, 10, 13))
        1.25
        >>> replace(seen, time=dt.time(18, 0)).age_days(AsOf(2024, 10, 13, dt.time(6)))
        0.5
        """
        return max(0.0, now_of(as_of) - self.moment)

    @property
    def moment(self) -> float:
        """When the item happened, in days from 0001-01-01 (a day ends at 1.0).

        A timed item is at its time; one without a time at the end of its
        (mid) day, where whole days are counted from (:meth:`age_days`).
        """
        day = float(self.mid_date.toordinal())
        return day + (day_fraction(self.time) if self.time is not None else 1.0)

    def p_true(self, table: GradeTable = DEFAULT_GRADES) -> float:
        """Probability that the item is true (grade × hedge)."""
        return table.p_true(self.grade, self.hedge)

    def base_dict(self) -> dict[str, Any]:
        """JSON-ready mapping of the common fields."""
        return {
            "id": self.id,
            "kind": self.kind,
            "date": self.date.isoformat(),
            "date_from": self.date_from.isoformat() if self.date_from else None,
            "grade": str(self.grade) if self.grade else None,
            "hedge": self.hedge,
            "note": self.note,
            "provenance": self.provenance.to_dict(),
            # only where set: readings and estimates of before keep their form
            **({"ongoing": True} if self.ongoing else {}),
            **({"time": time_text(self.time)} if self.time is not None else {}),
        }


def _check_geometry(item: str, name: str, value: Any) -> None:
    if not isinstance(value, (Point, Line, Area)):
        raise _fail(item, name, "a Point, Line or Area", value)


@dataclass(frozen=True, slots=True, kw_only=True)
class Sighting(_Item):
    """The target or an associate was seen at a place.

    Parameters
    ----------
    place : Geometry
        Where; usually a :class:`~geosleuth.geometry.Point`.
    place_name : str or None
        The name as resolved ("Hajin").
    sigma_km : float, default 5.0
        Positional uncertainty of the report (1-σ, km).
    subject : {"target", "associate"}
        Who was seen.
    who : str or None
        The associate's name. Sightings with the same ``group`` (default: ``who``, else
        the item id) are alternatives — the person was at each place at some time — and
        fuse as a mixture, not a product.
    closeness : float, default 1.0
        For an associate, the probability that where the associate is says where the
        target is (0 < closeness ≤ 1); multiplies the item's reliability.
    associate_sigma_km : float, default 25.0
        For an associate, the typical distance (1-σ) between target and associate.
    weight : float, default 1.0
        Relative weight within its group.
    place_kind : str or None, default None
        What an area ``place`` is, where known: ``"state"``, ``"province"``,
        ``"region"``, ``"county"``, ``"municipality"``, ``"territory"``,
        ``"federal district"``, ``"nation"`` (England, Scotland, Wales) or
        ``"division"`` (a country's first-level division, by what GeoNames
        calls it), ``"country"``, ``"continent"``, or ``"drawn"`` (a polygon
        drawn in the case file); for a point, ``"airport"`` where a text
        names one ("Heathrow airport"). Claims and territories keep it too.

    Examples
    --------
    >>> s = Sighting(id="s1", provenance=Provenance(document="anf"),
    ...              date=dt.date(2018, 5, 12), place=Point(40.83, 34.70),
    ...              subject="associate", who="Iyad al-Jamili", closeness=0.8)
    >>> s.group_key, round(s.p_true(), 2)
    ('associate:Iyad al-Jamili', 0.8)
    >>> Sighting(id="s2", provenance=Provenance(document="anf"),
    ...          date=dt.date(2018, 5, 12), place=Point(40.83, 34.70), sigma_km=-2)
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: The 'sigma_km' of sighting 's2' must be a positive ...
    """

    place: Geometry
    place_name: str | None = None
    sigma_km: float = 5.0
    subject: Literal["target", "associate"] = "target"
    who: str | None = None
    closeness: float = 1.0
    associate_sigma_km: float = 25.0
    group: str | None = None
    weight: float = 1.0
    place_kind: str | None = None

    kind: ClassVar[str] = "sighting"

    def __post_init__(self) -> None:
        _Item.__post_init__(self)
        n = self._name()
        _check_geometry(n, "place", self.place)
        _check_place_kind(n, self.place_kind)
        _check_km(n, "sigma_km", self.sigma_km, allow_zero=False)
        _check_km(n, "associate_sigma_km", self.associate_sigma_km)
        if self.subject not in ("target", "associate"):
            raise _fail(n, "subject", "'target' or 'associate'", self.subject)
        _check_prob(n, "closeness", self.closeness, open_low=True)
        if not (
            isinstance(self.weight, (int, float))
            and self.weight > 0
            and math.isfinite(self.weight)
        ):
            raise _fail(n, "weight", "a positive number", self.weight)

    @property
    def group_key(self) -> str:
        """The mixture group this sighting belongs to."""
        return self.group or (f"{self.subject}:{self.who}" if self.who else self.id)

    def p_true(self, table: GradeTable = DEFAULT_GRADES) -> float:
        """Grade × hedge, times ``closeness`` for an associate."""
        p = table.p_true(self.grade, self.hedge)
        return p * self.closeness if self.subject == "associate" else p

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping."""
        d = self.base_dict()
        d.update(
            place=self.place.to_geojson(),
            place_name=self.place_name,
            sigma_km=self.sigma_km,
            subject=self.subject,
            who=self.who,
            closeness=self.closeness,
            associate_sigma_km=self.associate_sigma_km,
            group=self.group,
            weight=self.weight,
        )
        if self.place_kind is not None:  # only where set: readings keep their form
            d["place_kind"] = self.place_kind
        return d


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim(_Item):
    """A source says the target is (or is not) in a place or region.

    The region is every point within ``buffer_km`` of ``place`` (inside it, for an
    area); its edge is soft, with a Gaussian fall-off of ``sigma_km``.

    Examples
    --------
    >>> c = Claim(id="basri", provenance=Provenance(document="anf"),
    ...           date=dt.date(2018, 5, 12), place=Point(40.83, 34.70),
    ...           grade=Grade.parse("B3"), hedge="possible")
    >>> round(c.p_true(), 3)
    0.255
    >>> c.polarity
    'is'
    """

    place: Geometry
    place_name: str | None = None
    buffer_km: float = 10.0
    sigma_km: float = 10.0
    polarity: Literal["is", "is_not"] = "is"
    place_kind: str | None = None

    kind: ClassVar[str] = "claim"

    def __post_init__(self) -> None:
        _Item.__post_init__(self)
        n = self._name()
        _check_geometry(n, "place", self.place)
        _check_place_kind(n, self.place_kind)
        _check_km(n, "buffer_km", self.buffer_km)
        _check_km(n, "sigma_km", self.sigma_km, allow_zero=False)
        if self.polarity not in ("is", "is_not"):
            raise _fail(n, "polarity", "'is' or 'is_not'", self.polarity)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping."""
        d = self.base_dict()
        d.update(
            place=self.place.to_geojson(),
            place_name=self.place_name,
            buffer_km=self.buffer_km,
            sigma_km=self.sigma_km,
            polarity=self.polarity,
        )
        if self.place_kind is not None:  # only where set: readings keep their form
            d["place_kind"] = self.place_kind
        return d


@dataclass(frozen=True, slots=True, kw_only=True)
class Territory(_Item):
    """A group controls an area as of ``date``; the target's ties to it are ``tie``.

    The newest territory item of a group (dated on or before the estimate's date)
    supersedes the older ones.

    Examples
    --------
    >>> t = Territory(id="t", provenance=Provenance(document="anf"),
    ...               date=dt.date(2018, 5, 12), group_name="ISIS",
    ...               area=Area.box(40.7, 34.4, 41.0, 34.8), tie=0.9)
    >>> t.p_true()
    0.9
    """

    group_name: str
    area: Geometry
    tie: float = 0.8
    sigma_km: float = 5.0
    place_name: str | None = None
    place_kind: str | None = None

    kind: ClassVar[str] = "territory"
    timed: ClassVar[bool] = False

    def __post_init__(self) -> None:
        _Item.__post_init__(self)
        n = self._name()
        if not isinstance(self.group_name, str) or not self.group_name.strip():
            raise _fail(n, "group_name", "a non-empty name", self.group_name)
        _check_geometry(n, "area", self.area)
        _check_place_kind(n, self.place_kind)
        _check_prob(n, "tie", self.tie)
        _check_km(n, "sigma_km", self.sigma_km, allow_zero=False)

    def p_true(self, table: GradeTable = DEFAULT_GRADES) -> float:
        """Grade × hedge × tie."""
        return table.p_true(self.grade, self.hedge) * self.tie

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping."""
        d = self.base_dict()
        d.update(
            group_name=self.group_name,
            area=self.area.to_geojson(),
            tie=self.tie,
            sigma_km=self.sigma_km,
            place_name=self.place_name,
        )
        if self.place_kind is not None:
            d["place_kind"] = self.place_kind
        return d


@dataclass(frozen=True, slots=True, kw_only=True)
class Front(_Item):
    """Force F is ``distance_km`` from a place, approaching from ``bearing_deg``.

    The force holds the half-plane beyond the front line, which runs perpendicular to
    the bearing at ``distance_km`` from the place (within ``width_km`` of the axis).
    The target, on the other side, is unlikely to be in the area already taken.

    Examples
    --------
    >>> f = Front(id="f", provenance=Provenance(document="anf"),
    ...           date=dt.date(2018, 5, 12), force="SDF", place=Point(40.95, 34.47),
    ...           distance_km=5, bearing_deg=20)
    >>> f.to_dict()["width_km"] is None  # unlimited width
    True
    """

    force: str
    place: Point
    distance_km: float
    bearing_deg: float
    place_name: str | None = None
    width_km: float = math.inf
    sigma_km: float = 2.0

    kind: ClassVar[str] = "front"
    timed: ClassVar[bool] = False

    def __post_init__(self) -> None:
        _Item.__post_init__(self)
        n = self._name()
        if not isinstance(self.place, Point):
            raise _fail(n, "place", "a point", self.place)
        _check_km(n, "distance_km", self.distance_km)
        b = self.bearing_deg
        if not (isinstance(b, (int, float)) and math.isfinite(b)):
            raise _fail(
                n,
                "bearing_deg",
                "the compass bearing (degrees) from the place towards the force",
                b,
            )
        if not (isinstance(self.width_km, (int, float)) and self.width_km > 0):
            raise _fail(n, "width_km", "a positive number of km", self.width_km)
        _check_km(n, "sigma_km", self.sigma_km, allow_zero=False)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping."""
        d = self.base_dict()
        d.update(
            force=self.force,
            place=self.place.to_geojson(),
            place_name=self.place_name,
            distance_km=self.distance_km,
            bearing_deg=self.bearing_deg,
            width_km=None if math.isinf(self.width_km) else self.width_km,
            sigma_km=self.sigma_km,
        )
        return d


@dataclass(frozen=True, slots=True, kw_only=True)
class Searched(_Item):
    """An area searched with probability of detection ``pd``; nothing was found.

    Fusion multiplies the searched cells by ``1 − pd × p_true`` (Bayesian search
    update, then renormalised). Only a search with ``pd = 1`` taken at face value
    (no grade) empties an area, and only that area.

    Examples
    --------
    >>> s = Searched(id="sweep", provenance=Provenance(document="team 1"),
    ...              date=dt.date(2024, 10, 13),
    ...              area=Area.box(-4.07, 53.06, -4.05, 53.07), pd=0.6)
    >>> s.pd
    0.6
    >>> Searched(id="x", provenance=Provenance(document="t"), date=dt.date(2024, 1, 1),
    ...          area=Point(-4.06, 53.07), pd=0.5)
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: A searched point or line needs a positive ...
    """

    area: Geometry
    pd: float
    buffer_km: float = 0.0
    place_name: str | None = None

    kind: ClassVar[str] = "searched"

    def __post_init__(self) -> None:
        _Item.__post_init__(self)
        n = self._name()
        _check_geometry(n, "area", self.area)
        _check_prob(n, "pd", self.pd, open_low=True)  # pd 0 tells nothing (r28 L2)
        _check_km(n, "buffer_km", self.buffer_km)
        if not isinstance(self.area, Area) and self.buffer_km <= 0:
            raise InputError(
                f"A searched point or line needs a positive 'buffer_km' (the width "
                f"searched around it) in {n}. "
                + (
                    f"Got {self.buffer_km!r} instead."
                    if self.buffer_km
                    else "Give it (0, the default, covers nothing)."
                ),
                field="buffer_km",
            )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping."""
        d = self.base_dict()
        d.update(
            area=self.area.to_geojson(),
            pd=self.pd,
            buffer_km=self.buffer_km,
            place_name=self.place_name,
        )
        return d


@dataclass(frozen=True, slots=True, kw_only=True)
class LifeStatus(_Item):
    """Proof of life (``status="alive"``) or a claim of death (``status="dead"``).

    A death that rests on the target's body (``body=True``: "her body was
    recovered from Lake Dillon", "was found dead at home") is no word of a death
    but the death itself seen, as a dated recording is life seen: P(alive)
    weighs the two alike (:func:`geosleuth.fuse.life.p_alive`), while a claim
    of death ("was killed in an airstrike, the group said") is weighed as the
    word it is, so that one report does not end a case that many such claims
    have got wrong.

    Examples
    --------
    >>> v = LifeStatus(id="rec", provenance=Provenance(document="anf"),
    ...                date=dt.date(2017, 9, 28), status="alive", hedge="probable")
    >>> v.p_true()
    0.75
    >>> LifeStatus(id="b", provenance=Provenance(document="d"),
    ...            date=dt.date(2024, 6, 3), status="alive", body=True)
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: The field 'body' of life_status 'b' is true, but only a death (status 'dead') rests on a body.
    """  # noqa: E501

    status: Literal["alive", "dead"]
    #: the death rests on the target's body, found (not on someone's word)
    body: bool = False

    kind: ClassVar[str] = "life_status"

    def __post_init__(self) -> None:
        _Item.__post_init__(self)
        if self.status not in ("alive", "dead"):
            raise _fail(self._name(), "status", "'alive' or 'dead'", self.status)
        if not isinstance(self.body, bool):
            raise _fail(self._name(), "body", "true or false", self.body)
        if self.body and self.status != "dead":
            raise InputError(
                f"The field 'body' of {self._name()} is true, but only a death "
                "(status 'dead') rests on a body.",
                field="body",
            )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping (``body`` only where true)."""
        d = self.base_dict()
        d.update(status=self.status)
        if self.body:
            d.update(body=True)
        return d


@dataclass(frozen=True, slots=True, kw_only=True)
class EventSet(_Item):
    """Many events tied to one unknown base: attacks, cases, an associate's sightings.

    Parameters
    ----------
    lons, lats : ndarray of shape (n,)
        Event coordinates, degrees.
    weights : ndarray of shape (n,) or None
        Event weights (default equal).
    method : {"kde", "cgt"}
        How the events become a surface: a Gaussian kernel density with ``sigma_km``,
        or Rossmo's criminal geographic targeting (see :mod:`geosleuth.profile`).
    sigma_km : float, default 2.0
        Bandwidth of the ``kde`` method.
    names : tuple of str or None, default None
        A name for each event (the towns of an outbreak report's case counts),
        so that the estimate ranks those places; None for anonymous events.

    Examples
    --------
    >>> e = EventSet(id="cases", provenance=Provenance(document="line list"),
    ...              date=dt.date(1854, 9, 8), lons=[-0.1367, -0.1370],
    ...              lats=[51.5133, 51.5135], weights=[3, 1])
    >>> e.lons.flags.writeable
    False
    """

    lons: FloatArray
    lats: FloatArray
    weights: FloatArray | None = None
    method: Literal["kde", "cgt"] = "kde"
    sigma_km: float = 2.0
    names: tuple[str, ...] | None = None

    kind: ClassVar[str] = "event_set"
    timed: ClassVar[bool] = False

    def __post_init__(self) -> None:
        _Item.__post_init__(self)
        n = self._name()
        lons = np.array(self.lons, dtype=np.float64).ravel()
        lats = np.array(self.lats, dtype=np.float64).ravel()
        if lons.shape != lats.shape or lons.size < 2:
            raise _fail(
                n,
                "events",
                "at least 2 (lon, lat) pairs of equal length",
                f"{lons.size} lons and {lats.size} lats",
            )
        if not (np.isfinite(lons).all() and np.isfinite(lats).all()):
            raise _fail(n, "events", "finite coordinates", "NaN or infinite values")
        if (np.abs(lons) > 180).any() or (np.abs(lats) > 90).any():
            raise _fail(
                n,
                "events",
                "lon in -180..180 and lat in -90..90",
                "values out of range",
            )
        lons.setflags(write=False)
        lats.setflags(write=False)
        object.__setattr__(self, "lons", lons)
        object.__setattr__(self, "lats", lats)
        if self.weights is not None:
            w = np.array(self.weights, dtype=np.float64).ravel()
            if (
                w.shape != lons.shape
                or not np.isfinite(w).all()
                or (w < 0).any()
                or (w.sum() <= 0)
            ):
                raise _fail(n, "weights", "one non-negative weight per event", w)
            w.setflags(write=False)
            object.__setattr__(self, "weights", w)
        if self.method not in ("kde", "cgt"):
            raise _fail(n, "method", "'kde' or 'cgt'", self.method)
        _check_km(n, "sigma_km", self.sigma_km, allow_zero=False)
        if self.names is not None:
            names = tuple(str(x) for x in self.names)
            if len(names) != lons.size:
                raise _fail(n, "names", "one name per event", f"{len(names)} names")
            object.__setattr__(self, "names", names)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping."""
        d = self.base_dict()
        d.update(
            lons=self.lons.tolist(),
            lats=self.lats.tolist(),
            weights=None if self.weights is None else self.weights.tolist(),
            method=self.method,
            sigma_km=self.sigma_km,
        )
        if self.names is not None:
            d["names"] = list(self.names)
        return d


def _percent_key(value: Any) -> float:
    """A percent as a case file (25, 12.5) or a JSON key ("25") writes it."""
    if isinstance(value, bool):
        raise ValueError(value)
    return float(value if isinstance(value, (int, float)) else str(value).strip())


@dataclass(frozen=True, slots=True, kw_only=True)
class Rings(_Item):
    """How far from a point such subjects are found: quantile distances ("rings").

    Lost-person behaviour tables (Koester's ISRID, the UK "Lost Person
    Behaviour") give, for a subject's category and terrain, the distances from
    the initial planning point (IPP: the last known point or point last seen)
    within which 25, 50, 75 and 95 % of such subjects were found; offender
    profiling's journey-to-crime distances are the same kind of table. Fusion
    spreads each ring's share over its area
    (:func:`~geosleuth.fuse.rings.ring_cell_mass`). The statistics describe
    where subjects were found, so the walk does not age the item; ``date`` is
    the day of the IPP, and the document (the table) may be older.

    Parameters
    ----------
    place : Point
        The IPP.
    quantiles_km : mapping of percent to km, or sequence of (percent, km)
        At least two; percents in (0, 100); the distances positive and strictly
        increasing with the percent. Kept as ``((percent, km), ...)`` in order.

    Examples
    --------
    >>> r = Rings(id="r", provenance=Provenance(document="lpb"),
    ...           date=dt.date(2024, 10, 12), place=Point(-4.02, 53.08),
    ...           quantiles_km={50: 1.2, 25: 0.6, 95: 4.8})
    >>> r.quantiles_km
    ((25.0, 0.6), (50.0, 1.2), (95.0, 4.8))
    >>> Rings(id="r", provenance=Provenance(document="lpb"), place=Point(0, 0),
    ...       date=dt.date(2024, 10, 12), quantiles_km={25: 2.0, 50: 1.0})
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: The 'quantiles_km' of rings 'r' must be distances that grow with the percent, ...
    """  # noqa: E501

    place: Point
    quantiles_km: tuple[tuple[float, float], ...]
    place_name: str | None = None

    kind: ClassVar[str] = "rings"
    timed: ClassVar[bool] = False
    reports: ClassVar[bool] = False

    def __post_init__(self) -> None:
        _Item.__post_init__(self)
        n, q = self._name(), self.quantiles_km
        if not isinstance(self.place, Point):
            raise _fail(n, "place", "a point (the initial planning point)", self.place)
        pairs = list(q.items()) if isinstance(q, Mapping) else q
        try:
            rows = sorted((_percent_key(p), km) for p, km in pairs)
        except (TypeError, ValueError):
            rows = []
        if len(rows) < 2 or any(not 0 < p < 100 for p, _ in rows):
            raise _fail(
                n,
                "quantiles_km",
                "at least two percent: km pairs, each "
                "percent strictly between 0 and 100 ({25: 0.6, 50: 1.2})",
                q,
            )
        for _, km in rows:
            _check_km(n, "quantiles_km", km, allow_zero=False)
        if all(p <= 1.0 for p, _ in rows):  # shares as fractions (review r211, H1)
            meant = ", ".join(f"{100.0 * p:g}: {km:g}" for p, km in rows)
            raise InputError(
                f"The 'quantiles_km' of {n} gives percents, not fractions: every "
                f"percent is at most 1 ({', '.join(f'{p:g}' for p, _ in rows)}), "
                f"which would read as {rows[0][0]:g} % to {rows[-1][0]:g} % of "
                f"such subjects, leaving {100.0 - rows[-1][0]:g} % beyond the "
                f"last distance. Did you mean {{{meant}}}?",
                field="quantiles_km",
            )
        if any(a[1] >= b[1] or a[0] == b[0] for a, b in itertools.pairwise(rows)):
            raise _fail(
                n,
                "quantiles_km",
                "distances that grow with the percent, each percent once",
                q,
            )
        object.__setattr__(
            self, "quantiles_km", tuple((p, float(km)) for p, km in rows)
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping (``quantiles_km`` keyed by the percent's text)."""
        d = self.base_dict()
        d.update(
            place=self.place.to_geojson(),
            place_name=self.place_name,
            quantiles_km={
                f"{p:g}" if p == float(f"{p:g}") else repr(p): km
                for p, km in self.quantiles_km
            },
        )
        return d


EvidenceItem: TypeAlias = (
    Sighting | Claim | Territory | Front | Searched | LifeStatus | EventSet | Rings
)
KINDS: dict[str, type[Any]] = {
    cls.kind: cls
    for cls in (
        Sighting,
        Claim,
        Territory,
        Front,
        Searched,
        LifeStatus,
        EventSet,
        Rings,
    )
}


def reliability(item: EvidenceItem, table: GradeTable = DEFAULT_GRADES) -> float:
    """Probability that ``item`` is true, from its grade and hedge.

    Examples
    --------
    >>> p = Provenance(document="doc")
    >>> c = Claim(id="c1", provenance=p, date=dt.date(2018, 5, 1),
    ...           place=Point(40.8, 34.7), grade=Grade.parse("B2"), hedge="possible")
    >>> round(reliability(c), 2)
    0.34
    """
    return item.p_true(table)


_GEOMETRY_KEYS = ("place", "area")


def _date_or_none(value: Any, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InputError(
            f"The field {name!r} must be a date written YYYY-MM-DD. Got {value!r} "
            "instead.",
            field=name,
        ) from None


def item_from_dict(data: dict[str, Any]) -> EvidenceItem:
    """Rebuild an item from its :meth:`to_dict` mapping (the inverse of ``to_dict``).

    This is what lets an estimate be recomputed from the evidence stored with it.

    Raises
    ------
    InputError
        If the mapping is not a valid item of a known kind.

    Examples
    --------
    >>> c = Claim(id="c1", provenance=Provenance(document="doc"),
    ...           date=dt.date(2018, 5, 1), place=Point(40.8, 34.7))
    >>> item_from_dict(c.to_dict()) == c
    True
    >>> item_from_dict({"kind": "rumour"})
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: Unknown evidence kind 'rumour'; expected one of ...
    """
    if not isinstance(data, dict):
        raise InputError(f"An evidence item must be a mapping. Got {data!r}.")
    kind = data.get("kind")
    cls = KINDS.get(str(kind))
    if cls is None:
        raise InputError(
            f"Unknown evidence kind {kind!r}; expected one of {sorted(KINDS)}.",
            field="kind",
        )
    d = dict(data)
    d.pop("kind")
    prov = dict(d.pop("provenance", None) or {})
    try:
        span = prov.get("span")
        provenance = Provenance(
            document=str(prov.get("document", "")),
            quote=str(prov.get("quote") or ""),
            span=(int(span[0]), int(span[1])) if span else None,
            speaker=prov.get("speaker"),
            speaker_role=prov.get("speaker_role"),
            reporting_chain=tuple(prov.get("reporting_chain") or ()),
            published=_date_or_none(prov.get("published"), "published"),
            url=prov.get("url"),
        )
        kwargs: dict[str, Any] = {
            k: v for k, v in d.items() if v is not None or k in ("place_name",)
        }
        kwargs["provenance"] = provenance
        kwargs["date"] = _date_or_none(d.get("date"), "date")
        kwargs["date_from"] = _date_or_none(d.get("date_from"), "date_from")
        if d.get("time") is not None:
            kwargs["time"] = parse_time(
                d["time"], "time", owner=f"{kind} {data.get('id')!r}"
            )
        if d.get("grade"):
            kwargs["grade"] = Grade.parse(str(d["grade"]))
        for key in _GEOMETRY_KEYS:
            if key in kwargs:
                kwargs[key] = from_geojson(kwargs[key], what=key)
        if kind == "front" and kwargs.get("width_km") is None:
            kwargs.pop("width_km", None)
        if kind == "event_set":
            for key in ("lons", "lats", "weights"):
                if kwargs.get(key) is not None:
                    kwargs[key] = np.asarray(kwargs[key], dtype=np.float64)
        item: EvidenceItem = cls(**kwargs)
    except TypeError as exc:
        raise InputError(
            f"The fields of evidence item {data.get('id')!r} do not fit a {kind}: "
            f"{exc}.",
            field="evidence",
        ) from None
    return item
