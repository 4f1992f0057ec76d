"""Leave-one-out contributions: how much the estimate moves without each item."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace

import numpy as np

from geosleuth._types import FloatArray
from geosleuth.dependence import superseded_claims
from geosleuth.errors import InputError
from geosleuth.evidence import (
    EvidenceItem,
    LifeStatus,
    Searched,
    Sighting,
    Territory,
    now_of,
)
from geosleuth.fuse.factoring import factor_stream, factors
from geosleuth.fuse.life import (
    _case_openers,
    _life_events,
    _seen_alive,
    life_weights,
    p_alive,
)
from geosleuth.fuse.likelihood import Factor, select, sighting_group_log
from geosleuth.fuse.posterior import posterior_from_factors
from geosleuth.fuse.searches import SearchDay, search_day_log
from geosleuth.fuse.settings import Settings
from geosleuth.fuse.track import TRACK, TRACK_SEARCHES, TrackPasses, in_track
from geosleuth.fuse.track_factors import fix_layer, track_factors
from geosleuth.grid import Grid

__all__ = ["Contribution"]

#: The walks of a track's leave-one-out turns, counted in cells walked (fixes² ×
#: cells), allowed before the whole track's shift stands for each fix's: about
#: 25 s at some 50 ns a cell walked (the FFT walks of :mod:`~geosleuth.fuse.track`).
_TRACK_WALK_CELLS = 5e8


def track_limit(n_cells: int) -> int:
    """The longest track whose fixes (and searches) are each left out on ``n_cells``.

    ``√(5·10⁸ / n_cells)``, at least 10: 139 fixes on 160 × 160 cells, 55 on
    400 × 400, 22 on 1000 × 1000.

    >>> track_limit(400 * 400), track_limit(10**6), track_limit(10**8)
    (55, 22, 10)
    """
    return max(10, math.isqrt(int(_TRACK_WALK_CELLS // max(n_cells, 1))))


#: The most items that move P(alive) (life status, sightings of the target) for
#: which each sighting's and each first-day item's ``p_alive_shift`` is computed;
#: above it, only life-status items' (and a lone opener's) are.
_MOST_LIFE_EVENTS = 2000

#: The most cells (fixes × cells) of a track's fixes' layers kept for its
#: leave-one-out turns, 320 MB of float64; a larger track computes each again.
_KEPT_CELLS = 40_000_000


class FactorSums:
    """What leave-one-out needs of every factor, without keeping each one.

    ``total`` is ``Σ log_l`` (−inf where any factor is), ``finite`` the sum of the
    factors' finite values, and ``n_inf`` how many factors are −inf in each cell:
    the posterior without one factor is then ``total − log_l``, and where that
    factor is −inf, ``finite`` if no other factor is −inf there (else −inf).
    Three arrays of the grid, whatever the number of items.

    Examples
    --------
    >>> sums = FactorSums(2)
    >>> sums.add(np.array([0.0, -np.inf]))
    >>> sums.add(np.array([-1.0, -2.0]))
    >>> sums.total.tolist(), sums.finite.tolist(), sums.n_inf.tolist()
    ([-1.0, -inf], [-1.0, -2.0], [0, 1])
    """

    __slots__ = ("finite", "n_inf", "total")

    def __init__(self, n_cells: int) -> None:
        self.total: FloatArray = np.zeros(n_cells)
        self.finite: FloatArray = np.zeros(n_cells)
        self.n_inf = np.zeros(n_cells, dtype=np.int64)

    def add(self, log_l: FloatArray) -> None:
        """Count one more factor."""
        self.total += log_l
        ok = np.isfinite(log_l)
        if ok.all():
            self.finite += log_l
        else:
            self.finite += np.where(ok, log_l, 0.0)
            self.n_inf += ~ok


@dataclass(frozen=True, slots=True)
class Contribution:
    """How much the estimate moves without an item.

    ``map_shift`` is the total-variation distance between the posterior with and
    without the item (0: no effect, 1: disjoint maps); ``p_alive_shift`` the change
    in ``P(alive)`` (from a life-status item, a sighting of the target, a proof
    of life, or an item of the case's first day: its date, or its time, starts
    the hazard; with more than 2,000 items that move P(alive), only from
    life-status items and a lone opener); ``top_place_without`` the probability of
    the best-ranked place (``Estimate.places[0]``) without the item, or None when
    no place is ranked; ``weight`` the exponent of its likelihood (of a life-status
    item, of its factor on the odds of life), below 1 when it shares its source
    with other items (``Settings.source_correlation``). ``whole`` is set where
    the item's own shift was not computed: the key of the factor (a long track,
    ``"track"``, or a large sighting group) whose whole shift, all its items
    left out at once, ``map_shift`` and ``top_place_without`` then give.

    Examples
    --------
    >>> Contribution("basri", "claim", 0.24, 0.0).map_shift
    0.24
    """

    item_id: str
    kind: str
    map_shift: float
    p_alive_shift: float
    top_place_without: float | None = None
    weight: float = 1.0
    whole: str | None = None


def _runners_up(
    items: Sequence[EvidenceItem],
    used: Sequence[EvidenceItem],
    *,
    as_of: dt.date,
    hindcast: bool,
) -> dict[str, tuple[EvidenceItem, ...]]:
    """The items each used item would give way to, if any.

    :func:`select` run without that item: a group's newest territory item gives
    way to the next newest, which it superseded, and a speaker's latest claim
    to the speaker's claims before it (:func:`~geosleuth.dependence.superseded_claims`):
    what would be used instead.
    """
    kept = {i.id for i in used}
    said = superseded_claims(
        [i for i in items if i.date <= as_of and (hindcast or i.known_on <= as_of)]
    )
    winners = {w.id for w in said.values()}
    out: dict[str, tuple[EvidenceItem, ...]] = {}
    for winner in used:
        if not isinstance(winner, Territory) and winner.id not in winners:
            continue
        rest, _ = select(
            [i for i in items if i is not winner], as_of=as_of, hindcast=hindcast
        )
        back = tuple(i for i in rest if i.id not in kept)
        if back:
            out[winner.id] = back
    return out


def _leave_one_out(
    used: Sequence[EvidenceItem],
    facs: Sequence[Factor],
    sums: FactorSums,
    log_prior: FloatArray,
    post: FloatArray,
    grid: Grid,
    *,
    as_of: dt.date,
    settings: Settings,
    alive: float,
    top_mask: FloatArray | None = None,
    max_group: int = 2000,
    max_track: int | None = None,
    replacements: Mapping[str, Sequence[EvidenceItem]] | None = None,
    workers: int = 1,
    life_items: Sequence[EvidenceItem] | None = None,
) -> list[Contribution]:
    """Leave-one-out shifts of the posterior, one per used item.

    The other items keep their weights (``Factor.weight``, from the items that
    share their source). Within a sighting group of ``n`` items the group's
    likelihood without item ``i`` is ``(W·L − wᵢLᵢ)/(W − wᵢ)``, one kernel per item;
    groups larger than ``max_group`` report the shift of the whole group instead.
    Without one fix or one threaded search of a track, the others are followed
    again (one fix left is a track for the searches left, and without any an
    item of its own; with no fix left the searches are items of their own, as
    :func:`~geosleuth.fuse.factoring.factors` makes them); that costs about
    the square of the track's length in walks over the grid, so a track of more
    than ``max_track`` fixes and searches (default :func:`track_limit` of the
    grid: 55 on 400 × 400 cells) reports for each fix the shift of all the
    fixes, and for each search that of all the searches, marked by the
    contribution's ``whole``, as a large group's does.
    Without one of a day's searches (or of a track's moment's), the day's
    others are combined as :func:`~geosleuth.fuse.searches.search_day_log`
    combines them, to the same floats, from each search's share of the cells
    and the day's cut cells, made once
    (:class:`~geosleuth.fuse.searches.SearchDay`, while ``_KEPT_CELLS``
    allows): a day of ``n`` searches costs ``n`` coverages, not ``n²``.
    With ``top_mask`` (the disc of the best-ranked place), each contribution also
    says how probable that place is without the item. ``replacements`` maps an
    item to those that would be used in its place without it (a group's newest
    territory item to the next newest, which it supersedes; a speaker's latest
    claim to the earlier ones, :func:`_runners_up`).

    ``facs`` need only hold the factors of more than one item (a sighting
    group's mixture): an item's factor of its own that is missing is computed
    again when its turn comes (the same array), so a large case keeps the grid's
    arrays of ``sums`` and of its groups, not one per item.

    With ``workers`` above 1 the items are shared among that many threads of
    this process (NumPy's array arithmetic runs outside the GIL, and the
    factors stay in shared memory); each item's figures are the same either way.

    ``life_items`` are the items ``alive`` (``P(alive)``) was computed from:
    every item :func:`~geosleuth.fuse.fuse` was given, those outside the grid
    included (default ``used``). A used item's ``p_alive_shift`` is ``alive``
    less ``P(alive)`` of those items without it.
    """
    base = log_prior + sums.total
    by_item = {iid: f for f in facs for iid in f.item_ids}
    sightings = {i.id: i for i in used if isinstance(i, Sighting)}
    searches = {i.id: i for i in used if isinstance(i, Searched)}
    fixes = {i.id: i for i in used if in_track(i)}
    layers: dict[str, FloatArray] = {}  # a track's fixes' layers, kept when small

    def fix_log(fix: EvidenceItem) -> FloatArray:
        """A fix's layer at its moment: kept for the track's other turns."""
        got = layers.get(fix.id)
        return fix_layer(fix, grid, settings=settings) if got is None else got

    group_shift: dict[str, tuple[float, float | None]] = {}
    top_now = float(np.dot(post, top_mask)) if top_mask is not None else None
    # P(alive) starts on the case's first day: the item that alone opens the
    # case moves it (without it the case, and the hazard, start later)
    life = list(used if life_items is None else life_items)
    said = _life_events(life)  # a life item's weight, as p_alive gives it
    life_w = dict(
        zip(
            (e.id for e in said),
            life_weights(said, settings.source_correlation),
            strict=True,
        )
    )
    openers = _case_openers(life, as_of=as_of, hindcast=True)
    # P(alive) again without each sighting of the target costs its length each
    # time: for so many, only the life-status items' shifts are computed
    few_lives = len(said) <= _MOST_LIFE_EVENTS

    def without(*gone: Factor) -> FloatArray:
        """``base − Σ f.log_l``; where some f is −inf, the other factors' sum."""
        with np.errstate(invalid="ignore"):
            rest = base - sum((f.log_l for f in gone), np.zeros(grid.n_cells))
        n_bad = sum((~np.isfinite(f.log_l)).astype(np.int64) for f in gone) + np.zeros(
            grid.n_cells, dtype=np.int64
        )
        bad = np.asarray(n_bad > 0)
        if bad.any():
            # the others' finite sum: the finite values of those left out, less
            finite = sums.finite[bad] - sum(
                np.where(np.isfinite(f.log_l[bad]), f.log_l[bad], 0.0) for f in gone
            )
            rest[bad] = np.where(
                sums.n_inf[bad] == n_bad[bad], log_prior[bad] + finite, -np.inf
            )
        return np.asarray(rest)

    def factor_of(item: EvidenceItem) -> Factor | None:
        """The item's factor: kept, or computed again (None for life status)."""
        f = by_item.get(item.id)
        if f is None and not isinstance(item, LifeStatus):
            f = next(
                factor_stream([item], grid, as_of=as_of, settings=settings, skipped=[]),
                None,
            )
        return f

    track = next((f for f in facs if f.kind == TRACK), None)
    threaded = next((f for f in facs if f.key == TRACK_SEARCHES), None)
    # the track's passes, kept before each member (:class:`TrackPasses`), and
    # its searches by moment, as :func:`track_factors` combines them
    passes: TrackPasses | None = None
    still = replace(settings, diffusion_km2_per_day=0.0)
    moments: list[list[Searched]] = []
    moment_of: dict[str, int] = {}
    for sid in threaded.item_ids if threaded is not None else ():
        key = (searches[sid].date, searches[sid].time)
        at = next(
            (k for k, m in enumerate(moments) if (m[0].date, m[0].time) == key), None
        )
        if at is None:
            at = len(moments)
            moments.append([])
        moments[at].append(searches[sid])
        moment_of[sid] = at

    def on_track_without(item: EvidenceItem) -> FloatArray:
        """The log posterior without one of the track's fixes or searches.

        The track's other fixes are followed again, with the searches
        threaded through it (:func:`~geosleuth.fuse.track_factors.track_factors`);
        the other fixes keep their weights (their document's), as the other
        items do. One fix left is still a track for the searches left (its own
        factor the item's, aged from its time), and without any an item of its
        own; without any fix, the searches are items of their own, as
        :func:`~geosleuth.fuse.factoring.factors` makes them.
        """
        assert track is not None
        ws = track.fix_weights or (1.0,) * len(track.item_ids)
        kept = dict(zip(track.item_ids, ws, strict=True))
        rest_fixes = [fixes[i] for i in track.item_ids if i != item.id]
        rest_searches = [
            searches[i] for i in (threaded.item_ids if threaded else ()) if i != item.id
        ]
        if len(rest_fixes) > 1 and passes is not None:
            # each pass resumed from its state before the member left out
            if item.id in kept:
                log_t, log_s = passes.without_fix(track.item_ids.index(item.id))
            else:
                at = moment_of[item.id]
                others = [o for o in moments[at] if o is not item]
                instead = (
                    day_without(moments[at], item, settings=still) if others else None
                )
                log_t, log_s = passes.without_search(at, instead)
            log_rest = log_t if log_s is None else log_t + log_s
        elif len(rest_fixes) > 1 or (rest_fixes and rest_searches):
            new = track_factors(
                [(o, fix_log(o)) for o in rest_fixes],
                rest_searches,
                grid,
                as_of=as_of,
                settings=settings,
                weights=[kept[o.id] for o in rest_fixes],
                moments=moments_without(item, rest_searches),
            )
            log_rest = sum((g.log_l for g in new), np.zeros(grid.n_cells))
        else:
            log_rest = np.zeros(grid.n_cells)
            for g in factor_stream(
                [*rest_fixes, *rest_searches],
                grid,
                as_of=as_of,
                settings=settings,
                skipped=[],
            ):
                w = kept[g.item_ids[0]] if g.kind != Searched.kind else 1.0
                log_rest = log_rest + w * g.log_l
        gone = [track] if threaded is None else [track, threaded]
        return without(*gone) + log_rest

    # each day's (or track moment's) searches, kept to leave each out in turn
    # (:class:`SearchDay`), as many as _KEPT_CELLS allows; a day not kept is
    # combined again without each
    days: dict[tuple[str, ...], SearchDay] = {}
    whole_moments: dict[int, FloatArray] = {}  # each moment's, all its searches

    def kept_cells() -> int:
        return grid.n_cells * len(whole_moments) + sum(
            d.kept_cells + 2 * grid.n_cells for d in days.values()
        )

    def keep_day(day: Sequence[Searched], *, settings: Settings) -> None:
        kept = kept_cells()
        if kept + 2 * grid.n_cells <= _KEPT_CELLS:
            got = SearchDay(day, grid, as_of=as_of, settings=settings)
            if kept + got.kept_cells + 2 * grid.n_cells <= _KEPT_CELLS:
                days[tuple(i.id for i in day)] = got

    def day_without(
        day: Sequence[Searched], item: EvidenceItem, *, settings: Settings
    ) -> FloatArray:
        """:func:`search_day_log` of the day's searches but ``item``."""
        got = days.get(tuple(i.id for i in day))
        if got is not None:
            return got.log_without(next(k for k, i in enumerate(day) if i is item))
        others = [i for i in day if i is not item]
        return search_day_log(others, grid, as_of=as_of, settings=settings)

    def moments_without(
        item: EvidenceItem, rest: Sequence[Searched]
    ) -> list[tuple[float, FloatArray]] | None:
        """:func:`~geosleuth.fuse.track_factors._search_moments` of ``rest``.

        The track's searches but ``item``: its moment's others combined
        without it, each other moment's as it is (made once, while
        ``_KEPT_CELLS`` allows).
        """
        if not rest:
            return None
        out: list[tuple[float, FloatArray]] = []
        for at in dict.fromkeys(moment_of[i.id] for i in rest):  # rest's order
            group = moments[at]
            if any(o is item for o in group):
                others = [o for o in group if o is not item]
                out.append((others[0].moment, day_without(group, item, settings=still)))
                continue
            log = whole_moments.get(at)
            if log is None:
                log = search_day_log(group, grid, as_of=as_of, settings=still)
                if kept_cells() + grid.n_cells <= _KEPT_CELLS:
                    whole_moments[at] = log
            out.append((group[0].moment, log))
        return out

    def shift_without(rest_log: FloatArray) -> tuple[float, float | None]:
        with np.errstate(invalid="ignore"):
            rest_log = np.where(np.isnan(rest_log), -np.inf, rest_log)
        try:
            other = posterior_from_factors(rest_log, [])
        except InputError:
            return 1.0, None
        top = float(np.dot(other, top_mask)) if top_mask is not None else None
        return 0.5 * float(np.abs(post - other).sum()), top

    def one(item: EvidenceItem) -> Contribution:
        shift, top = 0.0, top_now
        whole = None
        f = factor_of(item)
        if f is not None and f.key in group_shift:
            shift, top = group_shift[f.key]
            whole = f.key
        elif f is not None and (f.kind == TRACK or f.key == TRACK_SEARCHES):
            # the track's other fixes and searches, followed again
            shift, top = shift_without(on_track_without(item))
        elif f is not None and len(f.item_ids) == 1:
            rest = without(f)
            back = (replacements or {}).get(item.id)
            if back:
                back_facs, _ = factors(list(back), grid, as_of=as_of, settings=settings)
                rest = rest + sum((g.log_l for g in back_facs), np.zeros(grid.n_cells))
            shift, top = shift_without(rest)
        elif f is not None and f.kind == Searched.kind:
            # the day's other searches, combined as without this one
            day = [searches[i] for i in f.item_ids]
            log_rest = day_without(day, item, settings=settings)
            shift, top = shift_without(without(f) + log_rest)
        elif f is not None:
            members = [sightings[i] for i in f.item_ids]
            total_w = sum(m.weight for m in members)
            me = sightings[item.id]
            l_me = np.exp(
                sighting_group_log([me], grid, as_of=as_of, settings=settings)
            )
            l_rest = (total_w * np.exp(f.log_l / f.weight) - me.weight * l_me) / (
                total_w - me.weight
            )
            with np.errstate(divide="ignore"):
                log_rest = f.weight * np.log(np.maximum(l_rest, 0.0))
            shift, top = shift_without(without(f) + log_rest)
        d_alive = 0.0
        if (
            isinstance(item, LifeStatus)
            or (len(openers) == 1 and openers[0] is item)
            # a sighting of the target is a proof of life; an opener among
            # several of the first day may be the first by its time of day
            or (few_lives and (_seen_alive(item) or any(o is item for o in openers)))
        ):
            d_alive = alive - p_alive(
                [i for i in life if i is not item],
                as_of=as_of,
                settings=settings,
                hindcast=True,  # the items are already selected for as_of
            )
        weight = f.weight if f is not None else life_w.get(item.id, 1.0)
        if f is not None and f.fix_weights:  # a track's fix: its own exponent
            weight = f.fix_weights[f.item_ids.index(item.id)]
        return Contribution(item.id, item.kind, shift, d_alive, top, weight, whole)

    if max_track is None:
        max_track = track_limit(grid.n_cells)
    if track is not None and (
        len(track.item_ids) + (len(threaded.item_ids) if threaded else 0) > max_track
    ):
        # a long track (its searches counted): each fix gives the shift of all
        # the fixes left out at once (the searches then items of their own, as
        # without a track), each search that of all the searches
        alone = factor_stream(
            [searches[i] for i in (threaded.item_ids if threaded else ())],
            grid,
            as_of=as_of,
            settings=settings,
            skipped=[],
        )
        loose = sum((g.log_l for g in alone), np.zeros(grid.n_cells))
        gone = [track] if threaded is None else [track, threaded]
        group_shift[track.key] = shift_without(without(*gone) + loose)
        if threaded is not None:
            group_shift[threaded.key] = shift_without(without(threaded))
    for f in facs:  # a large group's one shift, before any thread needs it
        if f.kind == TRACK:
            if len(f.item_ids) * grid.n_cells <= _KEPT_CELLS:
                # each fix's layer once, not once a turn of each other fix
                layers.update(
                    (i, fix_layer(fixes[i], grid, settings=settings))
                    for i in f.item_ids
                )
            members = len(f.item_ids) + len(moments)
            if (
                f.key not in group_shift
                and len(f.item_ids) > 2
                and 3 * members * grid.n_cells <= _KEPT_CELLS
            ):
                ws = f.fix_weights or (1.0,) * len(f.item_ids)
                passes = TrackPasses(
                    [
                        (fixes[i].moment, w * fix_log(fixes[i]))
                        for i, w in zip(f.item_ids, ws, strict=True)
                    ],
                    [
                        (
                            m[0].moment,
                            search_day_log(m, grid, as_of=as_of, settings=still),
                        )
                        for m in moments
                    ],
                    grid,
                    now=now_of(as_of),
                    diffusion_km2_per_day=settings.diffusion_km2_per_day,
                    cutoff=settings.cutoff_sigmas,
                )
        elif f.key != TRACK_SEARCHES and len(f.item_ids) > max_group:
            group_shift.setdefault(f.key, shift_without(without(f)))
    for f in facs:  # each day of searches that leaves each out in turn
        if (
            f.kind == Searched.kind
            and f.key != TRACK_SEARCHES
            and len(f.item_ids) > 1
            and f.key not in group_shift
        ):
            keep_day([searches[i] for i in f.item_ids], settings=settings)
    if threaded is not None and threaded.key not in group_shift:
        for m in moments:  # and each moment of the track's
            if len(m) > 1:
                keep_day(m, settings=still)
    if workers <= 1 or len(used) < 2:
        return [one(item) for item in used]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(one, used))
