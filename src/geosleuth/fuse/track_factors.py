"""A track's factors: its timed fixes followed in time order, and its searches.

:mod:`~geosleuth.fuse.track` follows the layers on the grid; here each fix's
layer is made (:func:`fix_layer`: its likelihood at its own moment), and the
factors :func:`~geosleuth.fuse.factoring.factors` gives a track
(:func:`track_factors`): the fixes', and the timed searches' threaded through it
(:func:`is_threaded`), each from scratch (:class:`Tracks`) or read from passes
followed once for the maps of a case's search moments (:class:`MomentTracks`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from geosleuth._types import FloatArray
from geosleuth.evidence import EvidenceItem, Searched, Sighting, now_of
from geosleuth.fuse.likelihood import Factor, item_log, sighting_group_log
from geosleuth.fuse.reach import Skip, sighting_outside
from geosleuth.fuse.searches import search_day_log, search_reaches
from geosleuth.fuse.settings import Settings
from geosleuth.fuse.track import (
    TRACK,
    TRACK_SEARCHES,
    TrackMoments,
    track_log,
    track_searches_log,
    track_with_searches_log,
)
from geosleuth.grid import Grid

__all__ = [
    "MomentTracks",
    "Tracks",
    "fix_layer",
    "is_threaded",
    "track_factors",
]


def is_threaded(item: Searched, now: float) -> bool:
    """Whether a search is threaded through a track (:func:`track_factors`).

    A search with a time of day, of one day, made before the map's moment
    ``now`` (:func:`~geosleuth.evidence.now_of`): one made at that moment is
    the track's last step as it is, and one of a period or of no time of day
    has no moment to thread it at.
    """
    return item.time is not None and item.date_from is None and item.moment < now


def track_factors(
    fixes: Sequence[tuple[EvidenceItem, FloatArray]],
    searches: Sequence[Searched],
    grid: Grid,
    *,
    as_of: dt.date,
    settings: Settings,
    weights: Sequence[float] | None = None,
    moments: Sequence[tuple[float, FloatArray]] | None = None,
) -> list[Factor]:
    """A track's factors: its fixes', and its searches' (:func:`_track_pair`).

    The fixes' factor follows them in time order (:func:`track_log`), each
    with its layer (:func:`fix_layer`); with ``weights`` (one per fix,
    :func:`~geosleuth.dependence.source_weights` of the fix's document), each
    fix's likelihood is raised to its weight before the track follows it, as
    an item of its own would be, and they are kept as the factor's
    :attr:`Factor.fix_weights`. One fix alone (a track for the searches
    threaded through it) is the item it would be without them, aged from its
    time (:func:`_lone_fix_log`): the searches change nothing but their own
    factor.

    The timed ``searches`` (:func:`is_threaded`) are threaded through the track:
    one factor of kind "searched", keyed
    :data:`~geosleuth.fuse.track.TRACK_SEARCHES`, whose log is the chance
    that all of them missed a target in each cell now, given the fixes
    (:func:`~geosleuth.fuse.track.track_searches_log`). It is kept apart from
    the track's own factor, as every search's is, so that the chance that the
    searches missed (:func:`~geosleuth.fuse.posterior.search_miss`) and
    ``P(outside)`` weigh it as a search; the two sum to the map of the fixes
    and the searches followed in time order
    (:func:`~geosleuth.fuse.track.track_with_searches_log`), to what walking
    in two steps instead of one changes on the grid (and, for one fix, what
    the walk on the grid changes from the widened kernel). The searches of
    one moment are combined in each cell
    (:func:`~geosleuth.fuse.searches._day_miss`), as one day's are, and taken
    at that moment, not moved by any walk
    (:func:`search_day_log` without one). ``moments``, if given, are
    :func:`_search_moments` of ``searches``, made by the caller.
    """
    ws = tuple(weights) if weights is not None else (1.0,) * len(fixes)
    if moments is None:
        moments = _search_moments(searches, grid, as_of=as_of, settings=settings)
    kw = {
        "now": now_of(as_of),
        "diffusion_km2_per_day": settings.diffusion_km2_per_day,
        "cutoff": settings.cutoff_sigmas,
    }
    on_track = _weighed(fixes, ws)
    searched: FloatArray | None = None
    if len(fixes) == 1:
        track = _lone_fix_log(fixes[0][0], grid, as_of=as_of, settings=settings)
        track = track * ws[0] if ws[0] != 1.0 else track
        if searches:
            assert moments is not None
            searched = track_searches_log(
                on_track,
                moments,
                grid,
                **kw,
            )
    elif searches:
        assert moments is not None
        track, searched = track_with_searches_log(
            on_track,
            moments,
            grid,
            **kw,
        )
    else:
        track = track_log(on_track, grid, **kw)
    return _track_pair(fixes, searches, ws, track, searched)


def _weighed(
    fixes: Sequence[tuple[EvidenceItem, FloatArray]], ws: Sequence[float]
) -> list[tuple[float, FloatArray]]:
    """A track's fixes as it follows them: ``(moment, log_l · weight)``."""
    return [
        (item.moment, log_f * w if w != 1.0 else log_f)
        for (item, log_f), w in zip(fixes, ws, strict=True)
    ]


def _search_moments(
    searches: Sequence[Searched], grid: Grid, *, as_of: dt.date, settings: Settings
) -> list[tuple[float, FloatArray]]:
    """The threaded searches of each moment, combined, as the track takes them.

    :func:`search_day_log` without a walk, in the order of each moment's
    first search.
    """
    still = replace(settings, diffusion_km2_per_day=0.0)
    moments: dict[tuple[dt.date, dt.time | None], list[Searched]] = {}
    for search in searches:
        moments.setdefault((search.date, search.time), []).append(search)
    return [
        (group[0].moment, search_day_log(group, grid, as_of=as_of, settings=still))
        for group in moments.values()
    ]


def _track_pair(
    fixes: Sequence[tuple[EvidenceItem, FloatArray]],
    searches: Sequence[Searched],
    ws: Sequence[float],
    track: FloatArray,
    searched: FloatArray | None,
) -> list[Factor]:
    """The track's factor, and its searches' when it has any."""
    out = [
        Factor(
            TRACK,
            tuple(i.id for i, _ in fixes),
            TRACK,
            track,
            fix_weights=tuple(ws) if any(w != 1.0 for w in ws) else (),
        )
    ]
    if searched is not None:
        out.append(
            Factor(
                TRACK_SEARCHES, tuple(s.id for s in searches), Searched.kind, searched
            )
        )
    return out


def _lone_fix_log(
    item: EvidenceItem, grid: Grid, *, as_of: dt.date, settings: Settings
) -> FloatArray:
    """A fix alone, as an item of its own: its kernel widened by the walk since.

    The log :func:`~geosleuth.fuse.factoring.factor_stream` gives the item
    when it is in no track.
    """
    if isinstance(item, Sighting):
        return sighting_group_log([item], grid, as_of=as_of, settings=settings)
    return item_log(item, grid, as_of=as_of, settings=settings)


class Tracks:
    """How a factor stream makes a track: its fixes' layers and factors.

    Each from scratch (:func:`fix_layer`, :func:`track_factors`), and
    whether a search reaches the grid, to be threaded or used at all
    (:func:`~geosleuth.fuse.factoring.factor_stream`).
    """

    def __init__(self, grid: Grid, settings: Settings) -> None:
        self.grid, self.settings = grid, settings

    def reaches(self, item: Searched) -> bool:
        """Whether a search's area reaches the grid (:func:`search_reaches`)."""
        return search_reaches(item, self.grid)

    def layer(self, item: EvidenceItem) -> FloatArray:
        """A fix's layer at its moment (:func:`fix_layer`); raises :class:`Skip`."""
        return fix_layer(item, self.grid, settings=self.settings)

    def factors(
        self,
        fixes: Sequence[tuple[EvidenceItem, FloatArray]],
        searches: Sequence[Searched],
        *,
        as_of: dt.date,
    ) -> list[Factor]:
        """The track's factors as of ``as_of`` (:func:`track_factors`)."""
        return track_factors(
            fixes, searches, self.grid, as_of=as_of, settings=self.settings
        )


class MomentTracks(Tracks):
    """A case's track read at the moments of its searches, each pass followed once.

    The map of each search's moment
    (:func:`~geosleuth.fuse.estimate._miss_day_by_day`) holds the track of the
    fixes up to that moment, with the timed searches before it threaded
    through, and the backward pass of the fixes after it, each mirrored to as
    long before the moment (:func:`~geosleuth.fuse.estimate._mirrored`).
    Followed again for each moment, they cost the square of the number of
    moments in walks over the grid; here the case's fixes and timed searches
    are followed once forward (:class:`~geosleuth.fuse.track.TrackMoments`),
    and the fixes once more from the latest back, each read at a moment from
    its state before it: the same steps, the same figures to rounding. A
    fix's layer is made once (it does not depend on the day of the map), and
    whether a search reaches the grid found once.

    ``fixes`` are the case's timed fixes
    (:func:`~geosleuth.fuse.track.in_track`), in the case's order: those that
    reach the grid as of ``as_of`` (the latest map's day)
    are followed; ``searches`` its searches that reach the grid (the timed
    ones of one day are threaded); ``moments`` the moments of the maps
    (their backward passes are read from the latest back: the fixes' pass
    keeps its state at each). A
    track asked for that is not the case's members up to (or, with
    ``backward``, after) the moment, in time order (a fix whose kernel
    reaches the grid on one map and not on another), is followed from
    scratch (:class:`Tracks`). For settings of ``source_correlation`` 0
    and no ``search_memory_days`` (a search's layer is then the same on the
    map of any day), and the unweighted
    :func:`~geosleuth.fuse.factoring.factor_stream`.
    """

    def __init__(
        self,
        fixes: Sequence[EvidenceItem],
        searches: Sequence[Searched],
        grid: Grid,
        settings: Settings,
        *,
        as_of: dt.date,
        moments: Sequence[float],
        backward: bool = False,
        layers: dict[str, FloatArray | Skip] | None = None,
    ) -> None:
        if settings.search_memory_days is not None or settings.source_correlation:
            raise ValueError("a search's layer or a fix's weight depends on the map")
        super().__init__(grid, settings)
        self.backward = backward
        self.layers = layers if layers is not None else {}
        # the searches given reach the grid; the timed ones of a day are threaded
        self.reached: dict[str, bool] = {s.id: True for s in searches}
        self.fixes: list[EvidenceItem] = []
        for item in fixes:
            if isinstance(item, Sighting) and sighting_outside(
                item, grid, as_of=as_of, settings=settings
            ):
                continue
            try:
                self.layer(item)
            except Skip:
                continue
            self.fixes.append(item)
        still = replace(settings, diffusion_km2_per_day=0.0)
        groups: dict[tuple[dt.date, dt.time | None], list[Searched]] = {}
        for search in [] if backward or not self.fixes else searches:
            if search.time is None or search.date_from is not None:
                continue  # never threaded (:func:`is_threaded`)
            groups.setdefault((search.date, search.time), []).append(search)
        #: each moment's searches' ids, and the moments in time order
        self.groups = {k: [s.id for s in g] for k, g in groups.items()}
        self.keys = sorted(groups, key=lambda k: groups[k][0].moment)
        sign = -1.0 if backward else 1.0  # backward: followed from the latest
        self.order = [f.id for f in sorted(self.fixes, key=lambda f: sign * f.moment)]
        kept = (
            sorted({sum(f.moment > t for f in self.fixes) for t in moments})
            if backward
            else ()
        )
        self.passes = TrackMoments(
            [(sign * f.moment, self._layer_of(f)) for f in self.fixes],
            [
                # no walk and no memory: the same layer on the map of any day
                (g[0].moment, search_day_log(g, grid, as_of=g[0].date, settings=still))
                for g in groups.values()
            ],
            grid,
            diffusion_km2_per_day=settings.diffusion_km2_per_day,
            cutoff=settings.cutoff_sigmas,
            kept=kept,
        )

    def _layer_of(self, item: EvidenceItem) -> FloatArray:
        got = self.layers[item.id]
        assert not isinstance(got, Skip)
        return got

    def reaches(self, item: Searched) -> bool:
        """Whether a search reaches the grid, found once for every map."""
        got = self.reached.get(item.id)
        if got is None:
            got = self.reached[item.id] = super().reaches(item)
        return got

    def layer(self, item: EvidenceItem) -> FloatArray:
        """A fix's layer, made once for every map (it has no walk in it)."""
        got = self.layers.get(item.id)
        if got is None:
            try:
                got = super().layer(item)
            except Skip as why:
                got = why
            self.layers[item.id] = got
        if isinstance(got, Skip):
            raise Skip(str(got))
        return got

    def factors(
        self,
        fixes: Sequence[tuple[EvidenceItem, FloatArray]],
        searches: Sequence[Searched],
        *,
        as_of: dt.date,
    ) -> list[Factor]:
        """The track's factors as of ``as_of``, read from the passes."""
        n_fixes = len(fixes)
        asked: dict[tuple[dt.date, dt.time | None], list[str]] = {}
        for search in searches:
            asked.setdefault((search.date, search.time), []).append(search.id)
        n_searches = len(asked)
        now = now_of(as_of)
        if (
            sorted(i.id for i, _ in fixes) != sorted(self.order[:n_fixes])
            or asked != {k: self.groups[k] for k in self.keys[:n_searches]}
            or not self.passes.holds(n_fixes, n_searches)
        ):
            return super().factors(fixes, searches, as_of=as_of)
        ws = (1.0,) * n_fixes
        searched = (
            self.passes.searched(n_fixes, n_searches, now) if n_searches else None
        )
        if n_fixes == 1:
            track = _lone_fix_log(
                fixes[0][0], self.grid, as_of=as_of, settings=self.settings
            )
        elif self.backward:
            track = self.passes.track(n_fixes, -now)
        else:
            track = self.passes.track(n_fixes, now)
        return _track_pair(fixes, searches, ws, track, searched)


def fix_layer(item: EvidenceItem, grid: Grid, *, settings: Settings) -> FloatArray:
    """A track's fix: the item's log-likelihood at its own moment (no walk since).

    Raises :class:`Skip` as :func:`item_log` does for a claim outside the grid.
    """
    still = replace(settings, diffusion_km2_per_day=0.0)
    if isinstance(item, Sighting):
        return sighting_group_log([item], grid, as_of=item.date, settings=still)
    return item_log(item, grid, as_of=item.date, settings=still)
