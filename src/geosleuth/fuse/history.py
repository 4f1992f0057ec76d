"""The estimate's history: re-estimated on each date the evidence changed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from geosleuth.dependence import repeats
from geosleuth.errors import InputError
from geosleuth.evidence import (
    EvidenceItem,
    calendar_day,
    later_that_day,
)
from geosleuth.fuse.estimate import _evidence_posterior
from geosleuth.fuse.life import p_alive
from geosleuth.fuse.likelihood import _disc
from geosleuth.fuse.posterior import NamedPlace, rest_of_world_after
from geosleuth.fuse.searches import kept_searches
from geosleuth.fuse.settings import Settings
from geosleuth.grid import Grid

__all__ = [
    "TimelinePlan",
    "TimelinePoint",
    "items_known_by",
    "timeline",
    "timeline_plan",
    "timeline_points",
]


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    """The top places' probabilities and P(alive) as of one date.

    ``probabilities`` is empty on a date when the evidence then in force left no
    possible cell (say a certain search of the whole region, in a closed world,
    later forgotten): there is no map that day, though there is one before and
    after.
    """

    as_of: dt.date
    probabilities: dict[str, float]
    p_alive: float
    new_items: tuple[str, ...]
    mode: str = "known"
    #: P(the target is outside the region) that day, after the searches then in
    #: force (:func:`~geosleuth.fuse.posterior.rest_of_world_after`), or
    #: ``rest_of_world`` before any; None without a map that day, or with neither
    #: searches nor a rest of world. ``probabilities`` are given it is inside.
    p_outside: float | None = None


def timeline(
    items: Sequence[EvidenceItem],
    grid: Grid,
    *,
    as_of: dt.date,
    places: Sequence[NamedPlace],
    settings: Settings | None = None,
    mode: str = "auto",
    max_points: int | None = None,
    known_by: dt.date | None = None,
) -> list[TimelinePoint]:
    """Re-estimate on each date when the evidence changed, up to ``as_of``.

    Parameters
    ----------
    items : sequence of evidence items
        As for :func:`fuse`.
    grid : Grid
        The cells of the map.
    as_of : datetime.date
        The last date.
    places : sequence of NamedPlace
        The places to follow.
    settings : Settings, optional
        Model settings.
    mode : {"known", "event", "auto"}, default "auto"
        ``"known"``: one point per date on which evidence became known (published),
        using only what was known then. ``"event"``: one point per item date, using
        the knowledge of ``known_by`` of the events up to then (a hindcast: how
        the picture of the situation evolved): each point is :func:`fuse` as of
        its date, with ``hindcast=True``, of the items known by ``known_by``.
        ``"auto"``: ``"known"`` when the evidence known by ``known_by`` was
        published on at least three different days and ``known_by`` is
        ``as_of``, else ``"event"``.
    max_points : int or None, default None
        At most this many points (at least 2): with more dates, the points are
        the dates at evenly spaced ranks, always the first and ``as_of``, and
        each point's ``new_items`` are all the items since the point before.
        Each point is still the exact estimate as of its date, on ``grid``.
        None: every date.
    known_by : datetime.date or None, default None
        Only items known (published) by this day count, in every point; None:
        ``as_of``. Later than ``as_of`` (a hindcast of the estimate as of
        ``as_of`` with what was known on ``known_by``), the mode is ``"event"``.

    Returns
    -------
    list of TimelinePoint
        One per date, each with the probability of every place in ``places``.

    Notes
    -----
    Each point costs an estimate without contributions (its likelihoods
    recomputed for its own ages); the places' discs are computed once. Every
    point is on ``grid``: a grid drawn around the evidence of the last date
    (no case region) is not the one a run as of an earlier date would draw,
    and the point then differs from that run (review r14, F7).

    Examples
    --------
    >>> from geosleuth.evidence import Provenance, Sighting
    >>> from geosleuth.geometry import Point
    >>> g = Grid.around(40.0, 35.0, radius_km=40.0, cell_km=2.0)
    >>> days = [dt.date(2018, 1, d) for d in (1, 5, 9, 13, 17)]
    >>> seen = [Sighting(id=f"s{k}", date=d, place=Point(40.0, 35.0), sigma_km=5,
    ...                  provenance=Provenance(document="d", published=d))
    ...         for k, d in enumerate(days)]
    >>> x = [NamedPlace("X", 40.0, 35.0)]
    >>> pts = timeline(seen, g, as_of=days[-1], places=x, max_points=3)
    >>> [(p.as_of.day, p.new_items) for p in pts]
    [(1, ('s0',)), (9, ('s1', 's2')), (17, ('s3', 's4'))]
    >>> full = timeline(seen, g, as_of=days[-1], places=x)
    >>> pts[1].probabilities == full[2].probabilities  # the same estimate
    True
    """
    plan = timeline_plan(
        items, as_of=as_of, mode=mode, max_points=max_points, known_by=known_by
    )
    return timeline_points(
        plan.steps, items=plan.items, grid=grid, places=places, settings=settings,
        mode=plan.mode,
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class TimelinePlan:
    """What a timeline estimates: its mode, its items and its dates.

    ``steps`` holds, per point, its date and the ids of the items new since the
    point before; ``items`` are those known by ``known_by``: the last date,
    unless the plan is a hindcast with the knowledge of a later day. In mode
    ``"event"`` a point as of ``D`` is what ``geosleuth locate --as-of D
    --known-by KNOWN_BY`` estimates; in mode ``"known"`` what ``locate --as-of
    D`` does (both on the plan's grid).
    """

    mode: str
    items: tuple[EvidenceItem, ...]
    steps: tuple[tuple[dt.date, tuple[str, ...]], ...]
    known_by: dt.date | None = None


def timeline_plan(
    items: Sequence[EvidenceItem],
    *,
    as_of: dt.date,
    mode: str = "auto",
    max_points: int | None = None,
    known_by: dt.date | None = None,
) -> TimelinePlan:
    """The dates of :func:`timeline` and what is new at each, without estimating.

    The arguments are :func:`timeline`'s. With :func:`timeline_points` on parts
    of ``steps`` (e.g. on several processes, as ``geosleuth locate --scheduler``
    does), the points are those :func:`timeline` gives.

    Examples
    --------
    >>> from geosleuth.evidence import LifeStatus, Provenance
    >>> days = [dt.date(2018, 1, d) for d in (1, 5, 9)]
    >>> alive = [LifeStatus(id=f"a{k}", date=d, status="alive",
    ...                     provenance=Provenance(document="d", published=d))
    ...          for k, d in enumerate(days)]
    >>> plan = timeline_plan(alive, as_of=days[-1])
    >>> plan.mode, [(d.day, new) for d, new in plan.steps]
    ('known', [(1, ('a0',)), (5, ('a1',)), (9, ('a2',))])
    >>> late = timeline_plan(alive, as_of=days[1], known_by=days[-1])  # hindcast
    >>> late.mode, late.known_by.day, [(d.day, new) for d, new in late.steps]
    ('event', 9, [(1, ('a0',)), (5, ('a1',))])
    """
    if mode not in ("known", "event", "auto"):
        raise InputError(
            f"mode must be 'known', 'event' or 'auto'. Got {mode!r}.", field="mode"
        )
    whole = isinstance(max_points, int) and not isinstance(max_points, bool)
    if max_points is not None and (not whole or max_points < 2):
        raise InputError(
            f"max_points must be a whole number at least 2 (or None). Got "
            f"{max_points!r}.",
            field="max_points",
        )
    known_by, known = items_known_by(items, as_of=as_of, known_by=known_by)
    day = calendar_day(as_of)
    if known_by > day and mode == "known":
        raise InputError(
            "A timeline with the knowledge of a later day than as_of is a "
            "hindcast: mode 'event' or 'auto', not 'known'.",
            field="mode",
        )
    # What was not known by known_by (as_of unless later) is in no point of the
    # timeline: a hindcast ("event" mode) replays the events with the knowledge
    # of that day, not later.
    if mode == "auto":
        known_days = {i.known_on for i in known}
        mode = "known" if len(known_days) >= 3 and known_by == day else "event"

    def when(item: EvidenceItem) -> dt.date:
        return item.known_on if mode == "known" else item.date

    # the last point is as_of itself, at its time of day if it has one (an
    # AsOf equals its day, which a set would keep in its stead)
    dates = [*sorted({when(i) for i in known if when(i) < as_of}), as_of]
    if max_points is not None and len(dates) > max_points:
        ranks = np.unique(np.linspace(0, len(dates) - 1, max_points).round())
        dates = [dates[int(k)] for k in ranks]
    steps = []
    previous: dt.date | None = None
    for day in dates:
        # a reprint of a statement already in force is nothing new that day
        # (it is set aside as a repeat: :func:`~geosleuth.dependence.repeats`)
        again = repeats([i for i in known if when(i) <= day])
        new = tuple(
            i.id
            for i in known
            if when(i) <= day
            and (previous is None or when(i) > previous)
            and i.id not in again
            # timed later on the day than the time the point is for
            and not later_that_day(i, day)
        )
        steps.append((day, new))
        previous = day
    return TimelinePlan(mode, known, tuple(steps), known_by)


def items_known_by(
    items: Sequence[EvidenceItem],
    *,
    as_of: dt.date,
    known_by: dt.date | None = None,
    field: str = "known_by",
) -> tuple[dt.date, tuple[EvidenceItem, ...]]:
    """The day known by of an estimate as of ``as_of``, and the items known then.

    ``known_by`` None is ``as_of``'s calendar day
    (:func:`~geosleuth.evidence.calendar_day`); a later day makes the estimate a
    hindcast, the picture as of ``as_of`` with what was known on ``known_by``.
    The items are those published (:attr:`~geosleuth.evidence.Sighting.known_on`)
    by that day, in their order, whatever their dates: what is dated after
    ``as_of`` is left to the estimate. What :func:`timeline_plan` and
    :func:`geosleuth.locate.fuse_known_by` both count.

    Parameters
    ----------
    items : sequence of evidence items
        The evidence.
    as_of : datetime.date
        The estimate's day (an :class:`~geosleuth.evidence.AsOf`: its day).
    known_by : datetime.date or None, default None
        The last day whose publications count; None: ``as_of``'s.
    field : str, default "known_by"
        The name the error gives the option (``"--known-by"`` on the command line).

    Returns
    -------
    tuple of (datetime.date, tuple of EvidenceItem)
        The day known by, and the items known by it.

    Raises
    ------
    InputError
        If ``known_by`` is a day before ``as_of``'s calendar day; its ``field``
        is ``field``.

    Examples
    --------
    >>> from geosleuth.evidence import LifeStatus, Provenance
    >>> late = LifeStatus(id="a", date=dt.date(2018, 1, 1), status="alive",
    ...                   provenance=Provenance("d", published=dt.date(2018, 2, 1)))
    >>> items_known_by([late], as_of=dt.date(2018, 1, 5))
    (datetime.date(2018, 1, 5), ())
    >>> day, known = items_known_by([late], as_of=dt.date(2018, 1, 5),
    ...                             known_by=dt.date(2018, 2, 1))
    >>> day, [i.id for i in known]
    (datetime.date(2018, 2, 1), ['a'])
    >>> items_known_by([late], as_of=dt.date(2018, 1, 5), known_by=dt.date(2018, 1, 4))
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: The day known by (2018-01-04) must be on or after the day of the estimate (2018-01-05): a hindcast uses what was known later, never less than a run as of that day.
    """  # noqa: E501
    day = calendar_day(as_of)
    known_by = day if known_by is None else calendar_day(known_by)
    if known_by < day:
        raise InputError(
            f"The day known by ({known_by.isoformat()}) must be on or after the "
            f"day of the estimate ({day.isoformat()}): a hindcast uses what was "
            "known later, never less than a run as of that day.",
            field=field,
        )
    return known_by, tuple(i for i in items if i.known_on <= known_by)


def timeline_points(
    steps: Sequence[tuple[dt.date, tuple[str, ...]]],
    *,
    items: Sequence[EvidenceItem],
    grid: Grid,
    places: Sequence[NamedPlace],
    settings: Settings | None = None,
    mode: str = "known",
) -> list[TimelinePoint]:
    """The timeline's points at ``steps`` (from :func:`timeline_plan`).

    ``items`` and ``mode`` are the plan's. Each point is an estimate as of its
    date without contributions, its factors summed as they come; the places'
    discs are made once per call.
    """
    settings = settings or Settings()
    if mode not in ("known", "event"):
        raise InputError(
            f"mode must be 'known' or 'event'. Got {mode!r}.", field="mode"
        )
    masks = [
        (q.name, _disc(grid, q.lon, q.lat, settings.place_radius_km)) for q in places
    ]
    log_prior = np.zeros(grid.n_cells)
    hindcast = mode == "event"
    out = []
    with kept_searches():  # a day's searches combined once for all the points
        for day, new in steps:
            try:
                _, _, _, _, post, miss, outside_miss = _evidence_posterior(
                    items, grid, as_of=day, settings=settings, log_prior=log_prior,
                    hindcast=hindcast, keep_factors=False,
                )  # fmt: skip
            except InputError:  # no possible cell that day: no map, no probabilities
                post, miss, outside_miss = None, None, None
            # as the estimate's: the rest of world before any search, or after them
            q = settings.rest_of_world
            outside = (
                None
                if post is None or (miss is None and q == 0)
                else rest_of_world_after(
                    q, 1.0 if outside_miss is None else outside_miss
                )
            )
            # every item in force, as fuse: those outside the grid still date the case
            alive = p_alive(items, as_of=day, settings=settings, hindcast=hindcast)
            probabilities = (
                {}
                if post is None
                else {name: float(np.dot(post, m)) for name, m in masks}
            )
            out.append(
                TimelinePoint(day, probabilities, alive, tuple(new), mode, outside)
            )
    return out
