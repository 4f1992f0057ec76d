"""The target's timed fixes followed as a track: a grid filter for a random walk.

Sightings and claims of the target multiply, each widened by the walk since its
day (:mod:`geosleuth.fuse`): right for reports of a person who stays put, wrong
for a walker's fixes of one day, whose product peaks between the car park and the
summit. Fixes given a time of day (:attr:`~geosleuth.evidence.Sighting.time`) are
followed in time order instead, the forward pass of a hidden Markov model on the
grid. With ``D`` the diffusion (km² a day on each axis) and ``Lₖ`` the k-th fix's
likelihood at its own moment ``tₖ`` (its kernel not widened by any walk)::

    f₁ = L₁
    fₖ = walk(fₖ₋₁, D·(tₖ − tₖ₋₁)) · Lₖ
    L_track = walk(fₙ, D·(t_now − tₙ)), scaled to mean 1

``walk`` moves a density by a Gaussian step of that variance on each axis. This
is the exact posterior of a target on a random walk given those fixes, under a
uniform prior; the product is the same only when ``D`` is 0. A fix that may be
false keeps its mixture ``r·K + (1 − r)``, so a wrong fix bends the track without
breaking it. Mass that walks off the grid is lost, as the target may have left the
region.

Timed searches made before ``t_now`` are threaded through the track
(:func:`track_searches_log`): each moment's chance of missing the target is a
step of the same forward pass, ``fₖ = walk(fₖ₋₁, …) · (1 − pd·c)``, kept as a
factor of its own, the pass with them over the pass without them walked in the
same steps, so that what the searches missed is still weighed as a search's and
the track's own factor is that of its fixes, whatever the searches. One fix with
timed searches is such a track too (:func:`~geosleuth.fuse.factoring.factors`).
Judging each search on the map of its moment wants the track up to each moment:
:class:`TrackMoments` follows each pass once and reads it at each moment in the
steps its own pass would take, walks in the number of moments, not its square.

``t_now`` is the moment of the estimate's ``as_of``: the end of its day, or an
:class:`~geosleuth.evidence.AsOf`'s time of day (:func:`~geosleuth.evidence.now_of`),
the moment ages are counted to (:meth:`~geosleuth.evidence.Sighting.age_days`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace  # noqa: F401  (the doctests')

import numpy as np
from scipy.ndimage import convolve1d
from scipy.signal import fftconvolve
from scipy.special import ndtr

from geosleuth._types import FloatArray
from geosleuth.evidence import Claim, EvidenceItem, Sighting
from geosleuth.grid import Grid

__all__ = [
    "TRACK",
    "TRACK_SEARCHES",
    "TrackMoments",
    "TrackPasses",
    "in_track",
    "track_log",
    "track_searches_log",
    "track_with_searches_log",
    "walked",
]

#: The :attr:`~geosleuth.fuse.likelihood.Factor.kind` (and key) of a track.
TRACK = "track"

#: The :attr:`~geosleuth.fuse.likelihood.Factor.key` of the searches threaded
#: through a track (:func:`track_searches_log`), a factor of kind "searched".
TRACK_SEARCHES = "searches on the track"

#: The longest kernel (cells) convolved directly; a longer walk goes by FFT.
_DIRECT_TAPS = 64

#: The smallest relative density a track keeps in a cell: no fix may zero a cell
#: (each is a mixture with ``1 − r`` ≥ 0.01), so none may after a long track.
_FLOOR = 1e-300


def in_track(item: EvidenceItem) -> bool:
    """Whether ``item`` is a timed fix of the target, followed as a track.

    A sighting of the target that is in no group of alternatives, or a claim
    ("is" or "is not"), with a :attr:`~geosleuth.evidence.Sighting.time`.

    Examples
    --------
    >>> import datetime as dt
    >>> from geosleuth.evidence import Provenance
    >>> from geosleuth.geometry import Point
    >>> s = Sighting(id="s", provenance=Provenance(document="log"),
    ...              date=dt.date(2024, 10, 12), place=Point(-4.02, 53.08))
    >>> in_track(s), in_track(replace(s, time=dt.time(8, 52)))
    (False, True)
    >>> in_track(replace(s, time=dt.time(8, 52), subject="associate", who="A"))
    False
    """
    if item.time is None:
        return False
    if isinstance(item, Sighting):
        return item.subject == "target" and item.group_key == item.id
    return isinstance(item, Claim)


def walked(p: FloatArray, grid: Grid, walk_km: float, *, cutoff: float) -> FloatArray:
    """``p`` over the cells after a random walk of σ ``walk_km`` on each axis.

    Each axis is convolved with the walk's mass over a cell's width at each
    offset (the kernel of :func:`~geosleuth.fuse.searches.moved_cover`), cut at
    ``cutoff`` σ; what walks off the grid is lost. A walk much shorter than a
    cell leaves ``p`` as it is. A kernel of more than 64 cells is applied by FFT
    (the same sums, to rounding; a few ms on 400 × 400 cells where the direct
    sums of a 400-cell kernel take a tenth of a second).

    Examples
    --------
    >>> g = Grid.around(0.0, 0.0, radius_km=10.0, cell_km=1.0)
    >>> p = np.zeros(g.shape)
    >>> p[g.shape[0] // 2, g.shape[1] // 2] = 1.0  # a cell in the middle
    >>> p = p.ravel()
    >>> q = walked(p, g, 2.0, cutoff=5.0)
    >>> round(float(q.sum()), 3), round(float(q.max()), 3)  # 1/(2π·2²) ≈ 0.04
    (1.0, 0.039)
    >>> bool(np.array_equal(walked(p, g, 1e-6, cutoff=5.0), p))
    True
    """
    if not walk_km > 1e-3 * grid.cell_km:
        return p
    h = grid.cell_km / 2.0
    reach = min(math.ceil(cutoff * walk_km / grid.cell_km), max(grid.shape))
    d = np.arange(-reach, reach + 1) * grid.cell_km
    kernel = ndtr((d + h) / walk_km) - ndtr((d - h) / walk_km)
    out = p.reshape(grid.shape)
    if kernel.size <= _DIRECT_TAPS:
        out = convolve1d(out, kernel, axis=0, mode="constant")
        out = convolve1d(out, kernel, axis=1, mode="constant")
        return np.asarray(out.ravel())
    # a long walk by FFT: the same zero-padded sums, without a cost per tap
    out = fftconvolve(out, kernel[:, None], mode="same")
    out = fftconvolve(out, kernel[None, :], mode="same")
    return np.asarray(np.maximum(out, 0.0).ravel())


#: A forward pass's state before a member: the density relative to its largest
#: cell (None before the first member of a pass begun at it), its log scale, and
#: the moment it is at.
_State = tuple["FloatArray | None", float, float]

#: A member's likelihood relative to its largest cell, and that cell's log.
_Layer = tuple[FloatArray, float]


def _advance(
    state: _State,
    moment: float,
    layer: _Layer | None,
    grid: Grid,
    *,
    diffusion_km2_per_day: float,
    cutoff: float,
    moved: FloatArray | None = None,
) -> _State | None:
    """A pass's state after one more member, at ``moment``.

    ``layer`` is the member's likelihood relative to its largest cell and
    the log of that cell's (:func:`_layer`), None for a step of the walk
    only; ``moved``, the state's density already walked to ``moment`` (the
    end of the pass at that moment, :func:`_end`), is taken as it is. None
    when no cell is left possible.
    """
    p, scale, then = state
    here: FloatArray | None = None
    if layer is not None:
        here, top = layer
        scale += top
    if p is None:
        p = here if here is not None else np.ones(grid.n_cells)
    else:
        if moved is None:
            step = math.sqrt(diffusion_km2_per_day * max(moment - then, 0.0))
            moved = walked(p, grid, step, cutoff=cutoff)
        p = moved
        if here is not None:
            p = p * here
    peak = float(np.max(p))
    if not peak > 0.0:
        return None
    return np.maximum(p / peak, _FLOOR), scale + math.log(peak), moment


def _layer(log_l: FloatArray) -> _Layer | None:
    """A member's layer relative to its largest cell, and that cell's log.

    None when it leaves no possible cell.
    """
    top = float(np.max(log_l))
    if not np.isfinite(top):
        return None
    return np.exp(log_l - top), top


def _end(
    state: _State,
    now: float,
    grid: Grid,
    *,
    diffusion_km2_per_day: float,
    cutoff: float,
) -> tuple[tuple[FloatArray, float] | None, FloatArray]:
    """A pass walked on from its state to ``now``, and the density walked.

    ``(p, log scale)`` as :func:`_forward` ends (None when no cell is
    possible), and the walked density before it is scaled.
    """
    p, scale, then = state
    if p is None:
        raise ValueError("a track needs at least one fix")
    last = math.sqrt(diffusion_km2_per_day * max(now - then, 0.0))
    p = walked(p, grid, last, cutoff=cutoff)
    peak = float(np.max(p))
    if not peak > 0.0:
        return None, p
    return (np.maximum(p / peak, _FLOOR), scale + math.log(peak)), p


def _forward(
    members: Sequence[tuple[float, FloatArray | None]],
    grid: Grid,
    *,
    start: float | None,
    now: float,
    diffusion_km2_per_day: float,
    cutoff: float,
    state: _State | None = None,
) -> tuple[FloatArray, float] | None:
    """The forward pass over ``members``, walked on to ``now``: ``(p, log scale)``.

    ``p`` is the filter's density relative to its largest cell (at least
    ``_FLOOR``), ``p · exp(log scale)`` the pass's unnormalised ``α``, the same
    scale for every pass over layers of one offset. From ``start`` (a moment),
    the pass begins with 1 in every cell, walked to the first member (mass that
    walks off the grid is lost on the way); without, it begins at the first
    member's layer. None when the members leave no possible cell (a certain
    search over every cell the target could be in).

    ``state`` resumes a pass from another's state before a member (kept by a
    :class:`_Pass`): the same pass without that member is its state there,
    resumed over the members after it. A member whose layer is None is a step
    of the walk only: the pass walks to its moment and on from there, as the
    pass with a layer there does.
    """
    order = sorted(range(len(members)), key=lambda k: members[k][0])
    at: _State | None = state if state is not None else _begin(grid, start)
    for k in order:
        assert at is not None
        moment, log_l = members[k]
        layer = None
        if log_l is not None:  # None: a step of the walk only
            layer = _layer(log_l)
            if layer is None:
                return None
        at = _advance(
            at,
            moment,
            layer,
            grid,
            diffusion_km2_per_day=diffusion_km2_per_day,
            cutoff=cutoff,
        )
        if at is None:
            return None
    assert at is not None
    out, _ = _end(
        at, now, grid, diffusion_km2_per_day=diffusion_km2_per_day, cutoff=cutoff
    )
    return out


def _begin(grid: Grid, start: float | None) -> _State:
    """A pass's state before its first member.

    1 in every cell from ``start``, else nothing yet (it begins at its first
    member's layer).
    """
    if start is None:
        return None, 0.0, 0.0
    return np.ones(grid.n_cells), 0.0, start


def track_log(
    fixes: Sequence[tuple[float, FloatArray]],
    grid: Grid,
    *,
    now: float,
    diffusion_km2_per_day: float,
    cutoff: float,
) -> FloatArray:
    """Log-likelihood of the track of ``fixes``, scaled to mean 1 over the cells.

    ``fixes`` are ``(moment, log_l)`` pairs: the moment in days on one clock
    (:attr:`~geosleuth.evidence.Sighting.moment`) and the fix's log-likelihood
    over the cells at that moment; ``now`` is the moment of the map. Fixes of
    one moment multiply; the order of ``fixes`` does not matter.

    Examples
    --------
    A walker seen at the west end of a valley at 08:00 and at its east end at
    14:00 is, at the day's end, nearer the east end: at 2.1 km, where a Kalman
    filter puts him, ``(−3/6 + 3/1)/(1/6 + 1)`` (a product would put him midway):

    >>> g = Grid.around(0.0, 0.0, radius_km=10.0, cell_km=0.5)
    >>> x, _ = g.cell_xy_km()
    >>> def fix(at_km):
    ...     return np.log(0.99 * np.exp(-0.5 * (x - at_km) ** 2) + 0.01)
    >>> log_l = track_log([(0 + 8 / 24, fix(-3.0)), (14 / 24, fix(3.0))], g,
    ...                   now=1.0, diffusion_km2_per_day=20.0, cutoff=5.0)
    >>> float(x[np.argmax(log_l)])  # the cell's centre
    2.25
    >>> round(float(np.exp(log_l).mean()), 6)
    1.0
    """
    out = _forward(
        fixes,
        grid,
        start=None,
        now=now,
        diffusion_km2_per_day=diffusion_km2_per_day,
        cutoff=cutoff,
    )
    return _log_mean_one(out)


def track_searches_log(
    fixes: Sequence[tuple[float, FloatArray]],
    searches: Sequence[tuple[float, FloatArray]],
    grid: Grid,
    *,
    now: float,
    diffusion_km2_per_day: float,
    cutoff: float,
) -> FloatArray:
    """``log P(every search missed | the target in the cell now, the fixes)``.

    ``searches`` are ``(moment, log_miss)`` pairs: each moment's searches'
    chance of missing a target in each cell at that moment
    (:func:`~geosleuth.fuse.searches.search_day_log` without a walk). They
    are threaded through the track: the forward pass of the fixes and the
    searches, in time order, where a search between two fixes takes the mass it
    would have found from where the walker could be at its moment, not from
    where he is now. With ``α`` the unnormalised forward density at ``now``
    (:func:`_forward`), both passes begun at the earliest moment of a fix or
    a search and walked in the same steps (the pass of the fixes alone walks
    to each search's moment and on, with nothing to multiply there)::

        L_searched(x) = α_fixes+searches(x) / α_fixes(x)
                      = P(searches missed | x_now = x, fixes)

    at most 1 in every cell, and exactly 1 for a search that can find nothing;
    its log is what :func:`~geosleuth.fuse.posterior.search_miss` weighs as a
    search's miss. The map is ``track_log(fixes) + track_searches_log(...)``:
    the track of the fixes alone (:func:`track_log`, whatever the searches),
    times the chance the searches missed given them; on the grid this is the
    forward pass through fixes and searches, to the difference that walking
    in two steps makes from walking in one (a few 1e-4 of total variation on
    cells of a third of a walk's step between two fixes; 0.004 to 0.014 for a
    search hours after a lone fix, whose own kernel is widened in one step,
    and up to 0.03 near the grid's edge: review r42), and to what walks off
    the grid before the first fix when a search comes first. ``−inf`` in every
    cell when the searches leave no possible cell.

    Examples
    --------
    A walker seen at the west end of a valley at 08:00 and at its east end at
    14:00; a search of the east end finds nothing. Made at 08:30, when he was
    still in the west, it rules out little (its most searched cell keeps 0.89
    of its chance); made at 13:54, minutes before he is seen there, much
    (0.42). A search factor moved on by the walk alone would weigh both alike:

    >>> g = Grid.around(0.0, 0.0, radius_km=10.0, cell_km=0.5)
    >>> x, _ = g.cell_xy_km()
    >>> def fix(at_km):
    ...     return np.log(0.99 * np.exp(-0.5 * (x - at_km) ** 2) + 0.01)
    >>> east = np.log1p(-0.9 * (np.abs(x - 3.0) <= 1.0))
    >>> def searched_at(hour):
    ...     return track_searches_log(
    ...         [(8 / 24, fix(-3.0)), (14 / 24, fix(3.0))], [(hour / 24, east)],
    ...         g, now=1.0, diffusion_km2_per_day=20.0, cutoff=5.0)
    >>> early, late = searched_at(8.5), searched_at(13.9)
    >>> bool(np.all(early <= 0.0) and np.all(late <= 0.0))
    True
    >>> round(float(np.exp(early).min()), 2), round(float(np.exp(late).min()), 2)
    (0.89, 0.42)
    """
    _, searched = track_with_searches_log(
        fixes,
        searches,
        grid,
        now=now,
        diffusion_km2_per_day=diffusion_km2_per_day,
        cutoff=cutoff,
    )
    return searched


def track_with_searches_log(
    fixes: Sequence[tuple[float, FloatArray]],
    searches: Sequence[tuple[float, FloatArray]],
    grid: Grid,
    *,
    now: float,
    diffusion_km2_per_day: float,
    cutoff: float,
) -> tuple[FloatArray, FloatArray]:
    """The track's log-likelihood (:func:`track_log`) and its searches'.

    Three passes: the track of the fixes alone, as :func:`track_log` follows
    it (so a search changes nothing but its own factor), and the two of
    :func:`track_searches_log`, begun at the earliest moment of a fix or a
    search and walked in the same steps, the second with the searches'
    layers.
    """
    if not fixes:
        raise ValueError("a track needs at least one fix")
    track = track_log(
        fixes,
        grid,
        now=now,
        diffusion_km2_per_day=diffusion_km2_per_day,
        cutoff=cutoff,
    )
    start = min(m for m, _ in [*fixes, *searches])
    steps: list[tuple[float, FloatArray | None]] = [(m, None) for m, _ in searches]
    alone, both = (
        _forward(
            members,
            grid,
            start=start,
            now=now,
            diffusion_km2_per_day=diffusion_km2_per_day,
            cutoff=cutoff,
        )
        for members in ([*fixes, *steps], [*fixes, *searches])
    )
    return track, _searched(alone, both, grid.n_cells)


def _searched(
    alone: tuple[FloatArray, float] | None,
    both: tuple[FloatArray, float] | None,
    n: int,
) -> FloatArray:
    """The searches' log from the ends of the passes without and with them.

    ``log α_both − log α_alone``, at most 0 (a miss is at most 1 in each step;
    the cap only meets rounding and the floor of the passes).
    """
    if alone is None:  # a fix's layer is never 0 everywhere (``1 − r`` ≥ 0.01)
        raise ValueError("a fix without a possible cell")
    if both is None:
        return np.full(n, -np.inf)
    (p_alone, s_alone), (p_both, s_both) = alone, both
    ratio = np.log(p_both) - np.log(p_alone) + (s_both - s_alone)
    return np.asarray(np.minimum(ratio, 0.0))


class TrackPasses:
    """A track's forward passes, kept before each member, to leave one out.

    Leave-one-out (:mod:`geosleuth.fuse.contributions`) takes the track
    without one fix, or without one search (or with one moment's searches
    less), and follows the rest again. The pass without a member is the
    same as the whole pass up to it: each pass resumes from its state before
    that member, over the members after it, half a pass on average instead
    of the whole; a pass the member is not in (the fixes' track, for a
    search) is kept as it is. The figures are those of
    :func:`track_with_searches_log` (or :func:`track_log` without searches)
    over the members left, to rounding; a member left out that alone held the
    earliest moment, where the searches' passes begin, follows them all again.

    Each pass is a :class:`_Pass` that keeps its state before each member
    (a grid's array each, up to its ``_KEPT_STATE_CELLS``).

    Examples
    --------
    >>> g = Grid.around(0.0, 0.0, radius_km=10.0, cell_km=0.5)
    >>> x, _ = g.cell_xy_km()
    >>> def fix(at_km):
    ...     return np.log(0.99 * np.exp(-0.5 * (x - at_km) ** 2) + 0.01)
    >>> fixes = [(0.3, fix(-3.0)), (0.5, fix(0.0)), (0.6, fix(3.0))]
    >>> kw = {"now": 1.0, "diffusion_km2_per_day": 20.0, "cutoff": 5.0}
    >>> passes = TrackPasses(fixes, [], g, **kw)
    >>> track, searched = passes.without_fix(1)
    >>> again = track_log([fixes[0], fixes[2]], g, **kw)
    >>> bool(np.allclose(track, again, atol=1e-12)), searched is None
    (True, True)
    """

    def __init__(
        self,
        fixes: Sequence[tuple[float, FloatArray]],
        searches: Sequence[tuple[float, FloatArray]],
        grid: Grid,
        *,
        now: float,
        diffusion_km2_per_day: float,
        cutoff: float,
    ) -> None:
        if not fixes:
            raise ValueError("a track needs at least one fix")
        self.grid = grid
        self.now, self.diffusion, self.cutoff = now, diffusion_km2_per_day, cutoff
        self.fixes = list(fixes)
        self.searches = list(searches)
        # members in time order (stable): ("f" or "s", index)
        self.order = sorted(
            [("f", k) for k in range(len(fixes))]
            + [("s", k) for k in range(len(searches))],
            key=lambda m: self._member(m)[0],
        )
        self.start = min(m for m, _ in [*fixes, *searches]) if searches else None
        # the fixes' pass sorts them as self.order does (stable, by moment)
        self._track = self._kept(fixes, None)
        self.track = self._track.end(len(fixes), now)
        if self.track is None:
            raise ValueError("a fix without a possible cell")
        self._alone = self._both = None
        self.alone = self.both = None
        if searches:
            self._alone = self._kept([self._step(m) for m in self.order], self.start)
            self._both = self._kept([self._member(m) for m in self.order], self.start)
            self.alone = self._alone.end(len(self.order), now)
            self.both = self._both.end(len(self.order), now)

    def _kept(
        self, members: Sequence[tuple[float, FloatArray | None]], start: float | None
    ) -> _Pass:
        """A pass over ``members`` that keeps its state before each."""
        return _Pass(
            members,
            self.grid,
            start=start,
            diffusion_km2_per_day=self.diffusion,
            cutoff=self.cutoff,
            kept=range(len(members)),
        )

    def _pass(
        self, members: Sequence[tuple[float, FloatArray | None]], state: _State | None
    ) -> tuple[FloatArray, float] | None:
        """The pass resumed from ``state`` over ``members`` (None: no cell left)."""
        if state is None:
            return None
        return _forward(
            members,
            self.grid,
            start=None,
            now=self.now,
            diffusion_km2_per_day=self.diffusion,
            cutoff=self.cutoff,
            state=state,
        )

    def _member(self, m: tuple[str, int]) -> tuple[float, FloatArray]:
        kind, k = m
        return self.fixes[k] if kind == "f" else self.searches[k]

    def _step(self, m: tuple[str, int]) -> tuple[float, FloatArray | None]:
        """A member of the pass of the fixes alone: a search is a step only."""
        return self._member(m) if m[0] == "f" else (self._member(m)[0], None)

    def without_fix(self, k: int) -> tuple[FloatArray, FloatArray | None]:
        """The track's log and its searches' (None without any) without fix ``k``."""
        return self._without(("f", k), None)

    def without_search(
        self, k: int, instead: FloatArray | None = None
    ) -> tuple[FloatArray, FloatArray | None]:
        """As :meth:`without_fix`, without the searches' moment ``k``.

        With ``instead``, that moment's layer is replaced by it (the moment's
        other searches, combined without the one left out).
        """
        return self._without(("s", k), instead)

    def _again(
        self,
        fixes: list[tuple[float, FloatArray]],
        searches: list[tuple[float, FloatArray]],
    ) -> tuple[FloatArray, FloatArray | None]:
        """The logs of ``fixes`` and ``searches`` followed from scratch."""
        if not searches:
            track = track_log(
                fixes,
                self.grid,
                now=self.now,
                diffusion_km2_per_day=self.diffusion,
                cutoff=self.cutoff,
            )
            return track, None
        return track_with_searches_log(
            fixes,
            searches,
            self.grid,
            now=self.now,
            diffusion_km2_per_day=self.diffusion,
            cutoff=self.cutoff,
        )

    def _without(
        self, gone: tuple[str, int], instead: FloatArray | None
    ) -> tuple[FloatArray, FloatArray | None]:
        kind = gone[0]
        fixes = [f for j, f in enumerate(self.fixes) if ("f", j) != gone]
        searches = [s for j, s in enumerate(self.searches) if ("s", j) != gone]
        moment = self._member(gone)[0]
        if instead is not None:
            searches.append((moment, instead))
        earliest = [m for m in self.order if self._member(m)[0] == moment]
        if self.start is not None and moment == self.start and earliest == [gone]:
            # it alone began the searches' passes: follow the rest from their start
            return self._again(fixes, searches)
        i = self.order.index(gone)
        after = self.order[i + 1 :]
        assert self.track is not None
        track = _log_mean_one(self.track)
        if kind == "f":
            j = [m for m in self.order if m[0] == "f"].index(gone)
            track = _log_mean_one(
                self._pass(
                    [self.fixes[x] for c, x in after if c == "f"], self._track.to(j)
                )
            )
        if not searches:
            return track, None
        assert self._alone is not None and self._both is not None
        rest_steps = [self._step(m) for m in after]
        rest = [self._member(m) for m in after]
        alone = self.alone
        if kind == "f" or instead is None:
            # the fixes' pass changes without a fix, or without a search's step
            alone = self._pass(rest_steps, self._alone.to(i))
        if instead is not None:
            rest.insert(0, (moment, instead))
        # None: the whole pass had no possible cell before it
        both = self._pass(rest, self._both.to(i))
        return track, _searched(alone, both, self.grid.n_cells)


#: The most cells (states × cells) a pass keeps to be read again before where
#: it stands (:class:`TrackMoments`' ``kept``), 160 MB of float64; beyond it,
#: fewer states are kept and each read follows the pass on from the nearest.
_KEPT_STATE_CELLS = 20_000_000


class _Pass:
    """A forward pass (:func:`_forward`'s steps), followed once and read between.

    :meth:`end` is the pass over its first ``k`` members in time order walked
    on to a moment: read at a later ``k``, the pass goes on from where it
    stands; at an earlier one, from the nearest state it kept (``kept``: the
    counts of members it will be read at, kept up to
    ``_KEPT_STATE_CELLS``), followed again from there. The walk to the moment
    read is kept, for the next member when it is at that moment (a search's
    own moment): the same steps, and the same figures, as :func:`_forward`
    over the members read.
    """

    def __init__(
        self,
        members: Sequence[tuple[float, FloatArray | None]],
        grid: Grid,
        *,
        start: float | None,
        diffusion_km2_per_day: float,
        cutoff: float,
        kept: Sequence[int] = (),
    ) -> None:
        order = sorted(range(len(members)), key=lambda k: members[k][0])
        self.members = [members[k] for k in order]
        self.grid, self.diffusion, self.cutoff = grid, diffusion_km2_per_day, cutoff
        self.k = 0
        self.state: _State | None = _begin(grid, start)
        wanted = sorted(set(kept))
        room = max(1, _KEPT_STATE_CELLS // max(grid.n_cells, 1))
        stride = max(1, math.ceil(len(wanted) / room))
        self.kept = set(wanted[::stride])
        self.saved: dict[int, _State | None] = {0: self.state}
        self.moved: tuple[float, FloatArray] | None = None  # (now, walked) at k

    def _step(
        self, state: _State, k: int, moved: FloatArray | None = None
    ) -> _State | None:
        moment, log_l = self.members[k]
        layer = None
        if log_l is not None:  # None: a step of the walk only
            layer = _layer(log_l)
            if layer is None:
                return None
        return _advance(
            state,
            moment,
            layer,
            self.grid,
            diffusion_km2_per_day=self.diffusion,
            cutoff=self.cutoff,
            moved=moved,
        )

    def to(self, k: int) -> _State | None:
        """The state after the first ``k`` members (None: no possible cell)."""
        if k < self.k:  # from the nearest state kept before it
            j = max(i for i in self.saved if i <= k)
            state = self.saved[j]
            for i in range(j, k):
                if state is None:
                    break
                state = self._step(state, i)
            return state
        while self.k < k:
            moved = None
            if self.moved is not None and self.moved[0] == self.members[self.k][0]:
                moved = self.moved[1]  # walked to this member's moment already
            self.moved = None
            if self.state is not None:
                self.state = self._step(self.state, self.k, moved)
            self.k += 1
            if self.k in self.kept:
                self.saved[self.k] = self.state
        return self.state

    def end(self, k: int, now: float) -> tuple[FloatArray, float] | None:
        """The pass over the first ``k`` members, walked on to ``now``."""
        state = self.to(k)
        if state is None:
            return None
        out, moved = _end(
            state,
            now,
            self.grid,
            diffusion_km2_per_day=self.diffusion,
            cutoff=self.cutoff,
        )
        if k == self.k:
            self.moved = (now, moved)
        return out


class TrackMoments:
    """A track's passes, each followed once, read at moments between members.

    Judging each search at its moment (the map of that moment:
    :func:`~geosleuth.fuse.estimate._miss_day_by_day`) wants, at each, the
    track of the fixes up to it with the searches before it threaded through,
    as :func:`track_log` and :func:`track_with_searches_log` follow them:
    followed again for each moment, that costs the square of the number of
    moments in walks. Here each pass is followed once, in time order, and
    read at a moment by walking its state after the members up to it on to
    that moment: the same steps, so the same figures to rounding, in walks
    of the number of members and moments.

    ``fixes`` and ``searches`` are ``(moment, log_l)`` pairs, as for
    :func:`track_with_searches_log`; a read names how many of each come
    first, in time order (a fix before a search of its moment).

    Parameters
    ----------
    fixes, searches : sequence of (float, ndarray of shape (n_cells,))
        The track's fixes and its searches' moments, in any order.
    grid : Grid
    diffusion_km2_per_day, cutoff : float
        As for :func:`track_log`.
    kept : sequence of int, default ()
        Counts of fixes at which :meth:`track` will be read out of order
        (a backward pass, read from the latest moment back): the fixes'
        pass keeps its state there.

    Examples
    --------
    >>> g = Grid.around(0.0, 0.0, radius_km=10.0, cell_km=0.5)
    >>> x, _ = g.cell_xy_km()
    >>> def fix(at_km):
    ...     return np.log(0.99 * np.exp(-0.5 * (x - at_km) ** 2) + 0.01)
    >>> fixes = [(0.3, fix(-3.0)), (0.5, fix(0.0)), (0.7, fix(3.0))]
    >>> east = [(0.6, np.log1p(-0.9 * (np.abs(x - 3.0) <= 1.0)))]
    >>> kw = {"diffusion_km2_per_day": 20.0, "cutoff": 5.0}
    >>> moments = TrackMoments(fixes, east, g, **kw)
    >>> now = moments.searched(2, 1, 0.65)  # at 0.65: two fixes, the search
    >>> _, again = track_with_searches_log(fixes[:2], east, g, now=0.65, **kw)
    >>> bool(np.allclose(now, again, rtol=0.0, atol=1e-12))
    True
    >>> bool(np.array_equal(moments.track(2, 0.65),
    ...                     track_log(fixes[:2], g, now=0.65, **kw)))
    True
    """

    def __init__(
        self,
        fixes: Sequence[tuple[float, FloatArray]],
        searches: Sequence[tuple[float, FloatArray]],
        grid: Grid,
        *,
        diffusion_km2_per_day: float,
        cutoff: float,
        kept: Sequence[int] = (),
    ) -> None:
        self.n_cells = grid.n_cells
        d, c = diffusion_km2_per_day, cutoff
        self._fixes = _Pass(
            fixes, grid, start=None, diffusion_km2_per_day=d, cutoff=c, kept=kept
        )
        self._alone = self._both = None
        members = [*fixes, *searches]
        # fixes before each count of members, in the passes' (stable) order
        order = sorted(range(len(members)), key=lambda k: members[k][0])
        self._fixes_in = np.concatenate(
            [[0], np.cumsum([k < len(fixes) for k in order])]
        ).astype(int)
        if searches:
            start = min(m for m, _ in members)
            steps: list[tuple[float, FloatArray | None]] = [
                *fixes,
                *((m, None) for m, _ in searches),
            ]
            self._alone = _Pass(
                steps, grid, start=start, diffusion_km2_per_day=d, cutoff=c
            )
            self._both = _Pass(
                members, grid, start=start, diffusion_km2_per_day=d, cutoff=c
            )

    def holds(self, n_fixes: int, n_searches: int) -> bool:
        """Whether the first fixes and searches are the passes' first members.

        The first ``n_fixes`` fixes and ``n_searches`` searches in time order:
        no search of these after a fix left out, nor a fix after a search.
        """
        k = n_fixes + n_searches
        return 0 <= k < self._fixes_in.size and int(self._fixes_in[k]) == n_fixes

    def track(self, n_fixes: int, now: float) -> FloatArray:
        """:func:`track_log` of the first ``n_fixes`` fixes at ``now``."""
        return _log_mean_one(self._fixes.end(n_fixes, now))

    def searched(self, n_fixes: int, n_searches: int, now: float) -> FloatArray:
        """:func:`track_searches_log` of the first fixes and searches at ``now``.

        Raises ``ValueError`` when they are not the first members
        (:meth:`holds`), or there are no searches.
        """
        if self._alone is None or self._both is None or n_searches < 1:
            raise ValueError("no searches to read")
        if not self.holds(n_fixes, n_searches):
            raise ValueError("not the first members of the passes")
        k = n_fixes + n_searches
        return _searched(self._alone.end(k, now), self._both.end(k, now), self.n_cells)


def _log_mean_one(out: tuple[FloatArray, float] | None) -> FloatArray:
    """A pass's end as :func:`track_log` gives it: the log, scaled to mean 1."""
    if out is None:  # a fix's layer is never 0 everywhere (``1 − r`` ≥ 0.01)
        raise ValueError("a fix without a possible cell")
    p, _ = out
    return np.asarray(np.log(p / p.mean()))
