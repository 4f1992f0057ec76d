"""Estimates as of a day with what was known on another: hindcasts and the timeline.

:func:`fuse_known_by` is :func:`~geosleuth.fuse.fuse` with the items known by a
later day (a hindcast, ``locate --known-by``); :func:`known_by_of` reads that
day back from ``estimate.json``; :func:`timeline_of` estimates the timeline
the report shows, at most :data:`TIMELINE_POINTS` points.
"""

from __future__ import annotations

import datetime as dt
import functools
import warnings
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from geosleuth.errors import EvidenceWarning, InputError
from geosleuth.evidence import EvidenceItem, calendar_day
from geosleuth.fuse import (
    Estimate,
    NamedPlace,
    TimelinePoint,
    fuse,
    timeline_plan,
    timeline_points,
)
from geosleuth.fuse.history import items_known_by
from geosleuth.grid import Grid
from geosleuth.parallel import map_partitions

__all__ = [
    "TIMELINE_POINTS",
    "fuse_known_by",
    "known_by_of",
    "timeline_of",
]


#: Most points of the timeline a case run makes (see :func:`timeline_of`).
TIMELINE_POINTS = 60


def timeline_of(
    est: Estimate,
    items: Sequence[EvidenceItem],
    *,
    scheduler: str = "serial",
    workers: int | None = None,
    max_points: int | None = TIMELINE_POINTS,
    known_by: dt.date | None = None,
) -> list[TimelinePoint]:
    """The timeline the report shows: the estimate's six best places, over time.

    ``known_by`` is the estimate's (:func:`fuse_known_by`): a hindcast's
    timeline is one too, every point with the knowledge of that day
    (:func:`geosleuth.fuse.timeline_plan`).

    At most ``max_points`` (default :data:`TIMELINE_POINTS`; None: every date)
    points: each costs an estimate, and a corpus
    published over hundreds of days would otherwise cost hundreds (the points are
    then the dates at evenly spaced ranks; see :func:`geosleuth.fuse.timeline`).
    With a ``scheduler`` other than "serial" the points are estimated in
    partitions on it (:func:`geosleuth.parallel.map_partitions`); they are the
    same whatever the scheduler. Every point is on the estimate's grid: without
    a case region, a run as of a point's date would draw its own grid around
    what was known then, and its figures differ (the report says so).
    """
    top = [NamedPlace(p.name, p.lon, p.lat) for p in est.places[:6]]
    plan = timeline_plan(
        items, as_of=est.as_of, max_points=max_points, known_by=known_by
    )
    points = functools.partial(
        timeline_points,
        items=plan.items,
        grid=est.grid,
        places=top,
        settings=est.settings,
        mode=plan.mode,
    )
    out: list[TimelinePoint] = map_partitions(
        points, list(plan.steps), scheduler=scheduler, workers=workers
    )
    blank = [p.as_of.isoformat() for p in out if top and not p.probabilities]
    if blank:
        warnings.warn(
            f"The timeline has no map on {', '.join(blank[:5])}"
            + (f" and {len(blank) - 5} more dates" if len(blank) > 5 else "")
            + ": the evidence then in force left no possible cell (a search "
            "that would surely have found the target everywhere, in a closed "
            "world: settings.rest_of_world 0). The estimate as of "
            f"{est.as_of.isoformat()} does not depend on it.",
            EvidenceWarning,
            stacklevel=2,
        )
    return out


def fuse_known_by(
    items: Sequence[EvidenceItem],
    grid: Grid,
    *,
    as_of: dt.date,
    known_by: dt.date | None = None,
    **options: Any,
) -> Estimate:
    """:func:`~geosleuth.fuse.fuse` as of ``as_of`` with what was known on ``known_by``.

    ``known_by`` None or ``as_of``'s day: ``fuse`` itself, the items dated and
    published by ``as_of``. A later day: a hindcast, the map as of ``as_of``
    from every item dated by then and published by ``known_by``, whenever after
    ``as_of`` (``fuse(..., hindcast=True)`` of the items known by
    ``known_by``, :func:`geosleuth.fuse.history.items_known_by`); those
    published later are left out, with why. A point as of
    ``D`` of a timeline in mode "event" with the knowledge of ``T``
    (:func:`geosleuth.fuse.timeline_plan`) is this estimate as of ``D``
    known by ``T``, on the same grid: ``geosleuth locate --as-of D
    --known-by T``. ``options`` are ``fuse``'s.

    Raises
    ------
    InputError
        If ``known_by`` is before ``as_of``'s day.

    Examples
    --------
    >>> from geosleuth.evidence import Provenance, Sighting
    >>> from geosleuth.geometry import Point
    >>> g = Grid.around(40.0, 35.0, radius_km=40.0, cell_km=4.0)
    >>> s = Sighting(id="s", date=dt.date(2018, 1, 1), place=Point(40.0, 35.0),
    ...              sigma_km=5.0, provenance=Provenance(
    ...                  document="d", published=dt.date(2018, 2, 1)))
    >>> day = dt.date(2018, 1, 5)
    >>> fuse_known_by([s], g, as_of=day, contributions=False).excluded
    (('s', 'published 2018-02-01, after 2018-01-05'),)
    >>> fuse_known_by([s], g, as_of=day, known_by=dt.date(2018, 2, 1)).used
    ('s',)
    >>> fuse_known_by([s], g, as_of=day, known_by=dt.date(2018, 1, 31)).excluded
    (('s', 'published 2018-02-01, after 2018-01-31, the last day known'),)
    """
    known_by, known = items_known_by(
        items, as_of=as_of, known_by=known_by, field="--known-by"
    )
    if known_by == calendar_day(as_of):
        return fuse(items, grid, as_of=as_of, **options)
    est = fuse(known, grid, as_of=as_of, hindcast=True, **options)
    later = tuple(
        (
            i.id,
            f"dated {i.date}, after {as_of}"
            if i.date > as_of
            else f"published {i.known_on}, after {known_by}, the last day known",
        )
        for i in items
        if i.known_on > known_by
    )
    return replace(est, excluded=est.excluded + later)


def known_by_of(record: dict[str, Any], *, path: str | None = None) -> dt.date | None:
    """The day known by of a stored estimate (``estimate.json``'s ``known_by``).

    None where the record has none (older runs, which were no hindcasts) or it
    is the estimate's day.

    Raises
    ------
    InputError
        If it is not a date (YYYY-MM-DD).

    Examples
    --------
    >>> known_by_of({"as_of": "2018-05-15", "known_by": "2018-06-01"})
    datetime.date(2018, 6, 1)
    >>> known_by_of({"as_of": "2018-05-15", "known_by": "2018-05-15"}) is None
    True
    """
    value = record.get("known_by")
    if value is None or value == record.get("as_of"):
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InputError(
            f"The estimate's known_by must be a date (YYYY-MM-DD). Got {value!r} "
            "instead.",
            path=path,
            field="known_by",
        ) from None
