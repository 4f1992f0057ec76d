"""P(alive): a constant hazard from the case's first day, moved by life-status items.

A sighting of the target is a proof of life on its day, as a recording is: the
target was seen alive. A sighting of an associate is none. The target's body
found is the death seen, weighed as a proof of life is; a claim of death is a
word, weighed more lightly (:func:`p_alive`).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence

from geosleuth.dependence import document_key, document_source, repeats, source_weights
from geosleuth.evidence import (
    EvidenceItem,
    Front,
    LifeStatus,
    Sighting,
    Territory,
    day_fraction,
    later_that_day,
    now_of,
)
from geosleuth.fuse.settings import _DAYS_PER_YEAR, Settings

__all__ = ["alive_note", "p_alive"]


def _in_force(
    items: Iterable[EvidenceItem], *, as_of: dt.date, hindcast: bool
) -> list[EvidenceItem]:
    return [
        i
        for i in items
        if i.date <= as_of
        and (hindcast or i.known_on <= as_of)
        and not later_that_day(i, as_of)
    ]


def _case_openers(
    items: Iterable[EvidenceItem], *, as_of: dt.date, hindcast: bool = False
) -> list[EvidenceItem]:
    """The items that open the case: those in force dated on its first day.

    The case opens with the earliest item about the target in force on
    ``as_of``: a sighting, claim, life status, search or event set (territory
    and fronts are about a group or a force). Each is dated by its
    :func:`_life_day`: a sighting dated by a span ("in 2014") opens the case on
    the span's first day, the day it proves life on, so the hazard runs from
    there (dated by the span's end, the case would open on 31 December, and
    the year's hazard before it would never run: review r15, finding 2). A
    case of territory and fronts alone opens with the earliest of them: the
    day the file starts is the best date there is, and without one
    ``P(alive)`` would never fall. Empty without
    any item in force.
    """
    in_force = _in_force(items, as_of=as_of, hindcast=hindcast)
    about = [i for i in in_force if _about_target(i)] or in_force
    first = min((_life_day(i) for i in about), default=None)
    return [i for i in about if _life_day(i) == first]


def _case_start(
    items: Iterable[EvidenceItem], *, as_of: dt.date, hindcast: bool = False
) -> dt.date | None:
    """The day ``P(alive)`` is the prior: the case's first day.

    The earliest day of the items in force on ``as_of`` that report on the
    target (a spanned sighting's first day, :func:`_life_day`): sightings,
    claims, life status, searches and event sets (not territory or fronts,
    which are about a group or a force). Without any, the
    earliest item of any kind (:func:`_case_openers`); None without items.

    Every item in force counts, wherever it lies: the day the case opened does
    not depend on the study region (an item left out of the map for lying
    outside the grid still dates the case).

    Examples
    --------
    >>> from geosleuth.evidence import Provenance, Territory
    >>> from geosleuth.geometry import Area
    >>> pol = LifeStatus(id="v", provenance=Provenance(document="d"),
    ...                  date=dt.date(2017, 9, 28), status="alive")
    >>> held = Territory(id="t", provenance=Provenance(document="d"),
    ...                  date=dt.date(2014, 1, 1), area=Area.box(40, 34, 41, 35),
    ...                  group_name="ISIS")
    >>> _case_start([pol, held], as_of=dt.date(2018, 1, 1))
    datetime.date(2017, 9, 28)
    >>> _case_start([held], as_of=dt.date(2018, 1, 1))  # territory alone: its day
    datetime.date(2014, 1, 1)
    >>> _case_start([], as_of=dt.date(2018, 1, 1)) is None
    True
    >>> from geosleuth.geometry import Point
    >>> year = Sighting(id="y", provenance=Provenance(document="d"),
    ...                 date=dt.date(2014, 12, 31), date_from=dt.date(2014, 1, 1),
    ...                 place=Point(40.0, 35.0))
    >>> _case_start([year], as_of=dt.date(2018, 1, 1))  # "seen in 2014": January
    datetime.date(2014, 1, 1)
    """
    first = _case_openers(items, as_of=as_of, hindcast=hindcast)
    return _life_day(first[0]) if first else None


def _life_events(in_force: Iterable[EvidenceItem]) -> list[EvidenceItem]:
    """The items that move P(alive), in the order :func:`p_alive` takes them.

    Life-status items and sightings of the target, each repeat of another
    document's statement left out (it counts once); in time order
    (:func:`_life_moment`: a timed item at its time, one without a time at the
    end of its day), and at one moment claims of death first, then proofs of
    life (a recording shows the target alive that day, whatever was claimed),
    then by id.
    """
    said = [i for i in in_force if isinstance(i, LifeStatus) or _seen_alive(i)]
    again = repeats(said)
    return sorted(
        (i for i in said if i.id not in again),
        key=lambda i: (_life_moment(i), not _says_dead(i), i.id),
    )


def life_weights(events: Sequence[EvidenceItem], correlation: float) -> list[float]:
    """The weight of each item of :func:`_life_events` on P(alive).

    As the map weighs a document's claims and sightings
    (:func:`~geosleuth.dependence.source_weights`, Kish's design effect), the
    ``n`` items of one document that move P(alive) (its words of death and of
    life, its sightings of the target) each count ``1 / (1 + (n − 1)ρ)``: a
    minister who says twice that the target was killed is one word when ρ = 1.
    Items of no document (an analyst's, in a case file) and ρ = 0 weigh 1.

    Examples
    --------
    >>> from geosleuth.evidence import Provenance
    >>> said = [LifeStatus(id=f"d{i}", provenance=Provenance(document="AFP"),
    ...                    date=dt.date(2020, 1, 1), status="dead") for i in range(2)]
    >>> life_weights(said, 0.5), life_weights(said, 0.0)
    ([0.6666666666666666, 0.6666666666666666], [1.0, 1.0])
    """
    if correlation <= 0 or not events:
        return [1.0] * len(events)
    sources = [
        document_key(e) if document_source(e.provenance.document) is not None else None
        for e in events
    ]
    return [float(w) for w in source_weights(sources, correlation=correlation)]


def _seen_alive(item: EvidenceItem) -> bool:
    """Whether an item is a sighting of the target: a proof of life on its day.

    A sighting of an associate, or of what is the target's, says nothing of
    the target's life.
    """
    return isinstance(item, Sighting) and item.subject == "target"


def _says_dead(item: EvidenceItem) -> bool:
    return isinstance(item, LifeStatus) and item.status == "dead"


def _body(item: EvidenceItem) -> bool:
    """Whether a death rests on the target's body found (``LifeStatus.body``)."""
    return isinstance(item, LifeStatus) and item.body


def _life_day(item: EvidenceItem) -> dt.date:
    """The day a life-status item, or a sighting, says the target was alive or dead.

    A sighting dated by a span ("in 2014") proves life at its start, no later:
    the earliest day of the span.
    """
    if isinstance(item, Sighting) and item.date_from is not None:
        return item.date_from
    return item.date


def _life_moment(item: EvidenceItem) -> float:
    """When an item says the target was alive or dead, in days on one clock.

    Its :func:`_life_day`, at the item's ``time`` when it has one, else at the
    end of that day (:attr:`~geosleuth.evidence.Sighting.moment`'s clock): a
    body found at 18:00 comes after a sighting at 15:22 of the same day.
    """
    day = float(_life_day(item).toordinal())
    return day + (day_fraction(item.time) if item.time is not None else 1.0)


def _about_target(item: EvidenceItem) -> bool:
    """Whether an item reports on the target (:func:`_case_openers`)."""
    return not isinstance(item, (Territory, Front))


def p_alive(
    items: Iterable[EvidenceItem],
    *,
    as_of: dt.date,
    settings: Settings | None = None,
    hindcast: bool = False,
) -> float:
    """Probability that the target is alive on ``as_of`` (see the module notes).

    ``settings.prior_alive`` holds on the case's first day (:func:`_case_start`,
    the earliest item about the target in force on ``as_of``; with territory
    and fronts alone, the earliest of them), and the hazard runs from there:
    without life-status items ``P(alive)`` still falls with time. ``items`` are
    all the case's items (:func:`~geosleuth.fuse.fuse` passes every item it is
    given, those that lie outside its grid included), so the figure does not
    depend on the study region. Each life-status item dated (and, unless
    ``hindcast``, published) on or before ``as_of`` then moves it, and so does
    each sighting of the target, a proof of life on its day (the first day of
    its span: "seen in 2014" proves life in January 2014, no later). Each item's
    probability of being true is capped at ``settings.max_reliability``, as
    everywhere: no single report, however certain its wording, makes the target
    surely dead or surely alive. A proof of life true with probability ``r``
    makes ``P(alive)`` ``r + (1 − r)·p``; the target's body found
    (``LifeStatus.body``) mirrors it, ``(1 − r)·p``. A claim of death is
    weighed as a word, not a sight: odds of alive times ``(1 − r)/(1 + r)``,
    so a claim of a source graded B1 (r = 0.81) moves 90 % to 49 %, where the
    body found moves it to 17 %. Below 50 % the word's rule moves ``p`` the
    more, and a body is never weighed as less than the word of its source
    would be: it takes the lower of the two. Items are taken in time order (a
    timed item at its ``time``, one without at the end of its day), those of
    one moment claims of death first, then proofs of life, so their order in
    the input never matters; the hazard runs between them, from the case's
    first moment, and on to the moment of ``as_of`` (its end, or an
    :class:`~geosleuth.evidence.AsOf`'s time of day; an untimed item of that
    day counts as made by then). A
    life-status item that repeats another document's word for word (a
    republished report, :func:`~geosleuth.dependence.repeats`) counts once.

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
    >>> # a year since the target was seen, a proof of life as the recording is
    >>> from geosleuth.geometry import Point
    >>> seen = Sighting(id="s", provenance=Provenance(document="d"),
    ...                 date=dt.date(2017, 9, 28), place=Point(40.0, 35.0))
    >>> round(p_alive([seen], as_of=dt.date(2018, 9, 28)), 4)
    0.904
    >>> # a year since the first report, a claim, and no word of life or death
    >>> from geosleuth.evidence import Claim
    >>> said = Claim(id="c", provenance=Provenance(document="d"),
    ...              date=dt.date(2017, 9, 28), place=Point(40.0, 35.0))
    >>> round(p_alive([said], as_of=dt.date(2018, 9, 28)), 4)  # 0.9 × 0.9049
    0.8144
    >>> # the same source's word of a death, and the body it recovered
    >>> from geosleuth.evidence import Grade
    >>> word = LifeStatus(id="w", provenance=Provenance(document="d"),
    ...                   date=dt.date(2024, 6, 3), status="dead",
    ...                   grade=Grade("B", 1))
    >>> round(p_alive([word], as_of=dt.date(2024, 6, 3)), 4)
    0.4894
    >>> from dataclasses import replace
    >>> round(p_alive([replace(word, body=True)], as_of=dt.date(2024, 6, 3)), 4)
    0.1733
    """
    settings = settings or Settings()
    in_force = _in_force(items, as_of=as_of, hindcast=hindcast)
    events = _life_events(in_force)
    weights = life_weights(events, settings.source_correlation)
    p = settings.prior_alive
    # the hazard runs from the case's first moment: its earliest opener's
    openers = _case_openers(in_force, as_of=as_of, hindcast=True)
    # an untimed item of the as-of day, at its end, is after a time of day the
    # map is for: it is counted as made by then
    now = now_of(as_of)
    last = min((min(_life_moment(i), now) for i in openers), default=None)
    h = settings.hazard_per_year
    for ev, w in zip(events, weights, strict=True):
        moment = min(_life_moment(ev), now)
        if last is not None and moment > last:
            p *= math.exp(-h * (moment - last) / _DAYS_PER_YEAR)
        r = min(ev.p_true(settings.grades), settings.max_reliability)
        # a weight w < 1 (items of one document, settings.source_correlation)
        # raises each factor on the odds to the power w, as the map's factors
        if not _says_dead(ev):
            p = 1.0 - (1.0 - r) ** w * (1.0 - p)  # r + (1 - r)·p when w = 1
        else:
            q = ((1.0 - r) / (1.0 + r)) ** w
            num = p * q
            den = num + (1.0 - p)
            word = num / den if den > 0 else 0.0
            # the body is the target's with probability r, and then the target
            # is dead; else it says nothing: a proof of life's rule, mirrored,
            # and never weaker than a word of the death from the same source
            p = min((1.0 - r) ** w * p, word) if _body(ev) else word
        last = moment if last is None else max(last, moment)
    if last is not None:  # on to the end of the as-of day, or its time of day
        p *= math.exp(-h * max(now - last, 0.0) / _DAYS_PER_YEAR)
    return float(p)


def alive_note(
    items: Iterable[EvidenceItem],
    *,
    as_of: dt.date,
    settings: Settings | None = None,
    hindcast: bool = False,
) -> str:
    """How :func:`p_alive` was made, in a sentence for the report.

    The prior, the day it holds (the case's first day), the yearly hazard, and
    how many proofs of life (sightings of the target among them) and claims of
    death moved it. "" without an item in force.

    Examples
    --------
    >>> from geosleuth.evidence import Provenance
    >>> from geosleuth.geometry import Point
    >>> seen = Sighting(id="s", provenance=Provenance(document="d"),
    ...                 date=dt.date(2014, 7, 4), place=Point(43.1, 36.3))
    >>> print(alive_note([seen], as_of=dt.date(2018, 5, 15)))
    P(alive) starts at a prior of 90 % on the case's first day (2014-07-04, its earliest item about the target, before that day's items count), falls by a hazard of 0.1 a year since, and is moved by 1 proof of life (a sighting of the target is one) and 0 claims of death, each weighed by its grade and wording.
    """  # noqa: E501
    settings = settings or Settings()
    in_force = _in_force(items, as_of=as_of, hindcast=hindcast)
    start = _case_start(in_force, as_of=as_of, hindcast=True)
    if start is None:
        return ""
    said = _life_events(in_force)
    dead = sum(1 for i in said if _says_dead(i))
    bodies = sum(1 for i in said if _body(i))
    alive = len(said) - dead
    of_them = f" ({bodies} of them the target's body found)" if bodies else ""
    return (
        # the prior, not the figure of that day: a proof of life of the first
        # day moves it at once (the timeline's point of that day is after it)
        f"P(alive) starts at a prior of {100 * settings.prior_alive:g} % on the "
        f"case's first day ({start.isoformat()}, its earliest item about the "
        "target, before that day's items count), falls by a "
        f"hazard of {settings.hazard_per_year:g} a year since, and is moved by "
        f"{alive} proof{'' if alive == 1 else 's'} of life (a sighting of the target "
        f"is one) and {dead} claim{'' if dead == 1 else 's'} of death{of_them}, "
        "each weighed by its grade and wording."
    )
