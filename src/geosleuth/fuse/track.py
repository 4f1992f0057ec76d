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

__all__ = ["TRACK", "in_track", "track_log", "walked"]

#: The :attr:`~geosleuth.fuse.likelihood.Factor.kind` (and key) of a track.
TRACK = "track"

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
    offset (the kernel of :func:`~geosleuth.fuse.likelihood.moved_cover`), cut at
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
    order = sorted(range(len(fixes)), key=lambda k: fixes[k][0])
    p: FloatArray | None = None
    then = 0.0
    for k in order:
        moment, log_l = fixes[k]
        here = np.exp(log_l - np.max(log_l))
        if p is None:
            p = here
        else:
            step = math.sqrt(diffusion_km2_per_day * max(moment - then, 0.0))
            p = walked(p, grid, step, cutoff=cutoff) * here
        p = np.maximum(p / np.max(p), _FLOOR)
        then = moment
    if p is None:
        raise ValueError("a track needs at least one fix")
    last = math.sqrt(diffusion_km2_per_day * max(now - then, 0.0))
    p = np.maximum(walked(p, grid, last, cutoff=cutoff), _FLOOR)
    return np.asarray(np.log(p / p.mean()))
