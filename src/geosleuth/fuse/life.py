"""P(alive): a constant hazard between dated events, moved by proofs of life, deaths."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable

from geosleuth.evidence import (
    EvidenceItem,
    LifeStatus,
)
from geosleuth.fuse.settings import _DAYS_PER_YEAR, Settings

__all__ = ["p_alive"]


def p_alive(
    items: Iterable[EvidenceItem],
    *,
    as_of: dt.date,
    settings: Settings | None = None,
    hindcast: bool = False,
) -> float:
    """Probability that the target is alive on ``as_of`` (see the module notes).

    Uses the life-status items dated (and, unless ``hindcast``, published) on or
    before ``as_of``. Each item's probability of being true is capped at
    ``settings.max_reliability``, as everywhere: no single report, however
    certain its wording, makes the target surely dead or surely alive. Items of
    one day are taken claims of death first, then proofs of life, so their order
    in the input never matters.

    Examples
    --------
    >>> from geosleuth.evidence import Provenance
    >>> pol = LifeStatus(id="v", provenance=Provenance(document="d"),
    ...                  date=dt.date(2017, 9, 28), status="alive")
    >>> # r capped at 0.99: (0.99 + 0.01 * 0.9) * exp(-0.1 * 365 / 365.25)
    >>> round(p_alive([pol], as_of=dt.date(2018, 9, 28)), 4)
    0.904
    >>> p_alive([], as_of=dt.date(2018, 1, 1))  # no evidence: the prior
    0.9
    """
    settings = settings or Settings()
    events = sorted(
        (
            i
            for i in items
            if isinstance(i, LifeStatus)
            and i.date <= as_of
            and (hindcast or i.known_on <= as_of)
        ),
        # same day: claims of death first, then proofs of life (a recording shows
        # the target alive that day, whatever was claimed), then by id
        key=lambda i: (i.date, i.status == "alive", i.id),
    )
    p = settings.prior_alive
    last: dt.date | None = None
    h = settings.hazard_per_year
    for ev in events:
        if last is not None:
            p *= math.exp(-h * (ev.date - last).days / _DAYS_PER_YEAR)
        r = min(ev.p_true(settings.grades), settings.max_reliability)
        if ev.status == "alive":
            p = r + (1.0 - r) * p
        else:
            num = p * (1.0 - r)
            den = num + (1.0 - p) * (1.0 + r)
            p = num / den if den > 0 else 0.0
        last = ev.date
    if last is not None:
        p *= math.exp(-h * (as_of - last).days / _DAYS_PER_YEAR)
    return float(p)
