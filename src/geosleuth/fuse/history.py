"""The estimate's history: re-estimated on each date the evidence changed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from geosleuth.errors import InputError
from geosleuth.evidence import (
    EvidenceItem,
)
from geosleuth.fuse.estimate import fuse
from geosleuth.fuse.posterior import NamedPlace
from geosleuth.fuse.settings import Settings
from geosleuth.grid import Grid

__all__ = [
    "TimelinePoint",
    "timeline",
]


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    """The top places' probabilities and P(alive) as of one date."""

    as_of: dt.date
    probabilities: dict[str, float]
    p_alive: float
    new_items: tuple[str, ...]
    mode: str = "known"


def timeline(
    items: Sequence[EvidenceItem],
    grid: Grid,
    *,
    as_of: dt.date,
    places: Sequence[NamedPlace],
    settings: Settings | None = None,
    mode: str = "auto",
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
        today's knowledge of the events up to then (a hindcast: how the picture of
        the situation evolved). ``"auto"``: ``"known"`` when the evidence was
        published on at least three different days, else ``"event"``.

    Returns
    -------
    list of TimelinePoint
        One per date, each with the probability of every place in ``places``.
    """
    settings = settings or Settings()
    if mode not in ("known", "event", "auto"):
        raise InputError(
            f"mode must be 'known', 'event' or 'auto'. Got {mode!r}.", field="mode"
        )
    # What was not known by as_of is in no point of the timeline: a hindcast
    # ("event" mode) replays the events with the knowledge of as_of, not later.
    items = [i for i in items if i.known_on <= as_of]
    if mode == "auto":
        known_days = {i.known_on for i in items}
        mode = "known" if len(known_days) >= 3 else "event"

    def when(item: EvidenceItem) -> dt.date:
        return item.known_on if mode == "known" else item.date

    dates = sorted({when(i) for i in items if when(i) <= as_of} | {as_of})
    out = []
    for day in dates:
        est = fuse(
            items,
            grid,
            as_of=day,
            settings=settings,
            places=places,
            contributions=False,
            hindcast=mode == "event",
        )
        new = tuple(i.id for i in items if when(i) == day)
        out.append(
            TimelinePoint(
                day, {q.name: q.probability for q in est.places}, est.p_alive, new, mode
            )
        )
    return out
