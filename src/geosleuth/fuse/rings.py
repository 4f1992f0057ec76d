"""The ring model: where a subject is, from the distances within which such are found.

Lost-person statistics (Koester's ISRID, the UK "Lost Person Behaviour") give,
for a subject's category and terrain, the distances ``r₁ < r₂ < … < rₙ`` from
the initial planning point (IPP) within which the shares ``q₁ < q₂ < … < qₙ`` of
such subjects were found (25, 50, 75 and 95 %). Search planners (IGT4SAR,
SARTopo's ring model, MapSAR) turn them into the first probability map; a
:class:`~geosleuth.evidence.Rings` item does the same here.

The density per km² at distance ``r`` from the IPP
------------------------------------------------------
- Ring ``i`` (``rᵢ₋₁ ≤ r < rᵢ``, with ``r₀ = 0`` and ``q₀ = 0``, so the first is
  the disc inside ``r₁``) holds ``qᵢ − qᵢ₋₁`` spread evenly over its area:
  ``dᵢ = (qᵢ − qᵢ₋₁) / π(rᵢ² − rᵢ₋₁²)``.
- Beyond the last ring, the rest ``S = 1 − qₙ`` falls off exponentially,
  ``f(r) = dₙ·exp(−(r − rₙ)/λ)``, with no jump at ``rₙ`` and the decay length
  ``λ`` that makes it hold exactly ``S``: ``2π dₙ λ (rₙ + λ) = S``. It is cut at
  ``rₙ + 30λ`` (where less than 1e-11 of ``S`` lies beyond), and scaled to hold
  ``S`` within the cut.

Why this tail: the table says nothing beyond its last distance but the share
left there. A density that jumped at ``rₙ`` would make an edge of where the
table happens to stop; continuing the last ring's density leaves one free
number, which the share fixes, and keeps the density non-increasing whenever
the rings' is. A ``1/r²`` tail holds an infinite mass unless cut, and its cut
would be one more number to invent.

The density is non-increasing in ``r`` exactly when the rings' densities are,
``d₁ ≥ d₂ ≥ … ≥ dₙ``: when each ring's share over its area is no more than the
one inside it. Tables of lost persons are (their quantile distances spread
out); a table that puts more on an outer ring than its area would (a ring of
its own, "never found within 1 km") makes a ring-shaped density, as it says.

The mass of each cell is the density's exact integral over the cell (the area
of each ring inside the square, in closed form), not its value at the centre:
a first ring smaller than a cell keeps its share. The tail is integrated on
sub-rings of width ``λ/16``, each holding the tail's exact mass.
"""

from __future__ import annotations

import math

import numpy as np

from geosleuth._types import ArrayLike, FloatArray
from geosleuth.errors import InputError
from geosleuth.grid import Grid

__all__ = [
    "ring_breaks",
    "ring_cell_mass",
    "ring_density_km2",
    "ring_mass_within",
    "ring_reach_km",
    "ring_tail_km",
]

#: How far the tail is followed, in decay lengths beyond the last distance.
TAIL_LENGTHS = 30.0
#: Sub-rings of the tail per decay length.
_TAIL_STEPS = 16


def _table(
    percents: ArrayLike, radii_km: ArrayLike
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Shares (as fractions), radii and ring densities; checked."""
    q = np.asarray(percents, dtype=np.float64).ravel() / 100.0
    r = np.asarray(radii_km, dtype=np.float64).ravel()
    ok = (
        q.shape == r.shape
        and q.size >= 1
        and bool(np.all((q > 0) & (q < 1)))
        and bool(np.all(np.isfinite(r) & (r > 0)))
        and bool(np.all(np.diff(q) > 0) and np.all(np.diff(r) > 0))
    )
    if not ok:
        raise InputError(
            "The ring model needs percents in (0, 100), increasing, with positive "
            f"distances that increase with them. Got {percents!r} and {radii_km!r}.",
            field="quantiles_km",
        )
    dq = np.diff(q, prepend=0.0)
    area = math.pi * np.diff(r**2, prepend=0.0)
    return q, r, dq / area


def ring_tail_km(percents: ArrayLike, radii_km: ArrayLike) -> float:
    """The tail's decay length ``λ`` (km): ``2π dₙ λ (rₙ + λ) = 1 − qₙ``.

    Examples
    --------
    >>> lam = ring_tail_km([25, 50, 75, 95], [0.6, 1.2, 2.1, 4.8])
    >>> round(lam, 3)
    0.444
    """
    q, r, d = _table(percents, radii_km)
    c = (1.0 - q[-1]) / (2.0 * math.pi * d[-1])  # λ² + rₙλ − c = 0
    return float(2.0 * c / (r[-1] + math.sqrt(r[-1] ** 2 + 4.0 * c)))


def ring_reach_km(percents: ArrayLike, radii_km: ArrayLike) -> float:
    """Where the model ends: the tail's cut, ``rₙ + 30λ`` (km)."""
    r = np.asarray(radii_km, dtype=np.float64).ravel()
    return float(r[-1] + TAIL_LENGTHS * ring_tail_km(percents, radii_km))


def ring_breaks(
    percents: ArrayLike, radii_km: ArrayLike
) -> tuple[FloatArray, FloatArray]:
    """The model as rings of even density: outer radii (km) and densities (/km²).

    The table's rings, then the tail's sub-rings (each of width ``λ/16`` to
    ``rₙ + 30λ``, holding the tail's exact mass between its radii, all scaled
    so that the tail holds ``1 − qₙ``). Ring ``j`` spans ``radii[j−1]`` to
    ``radii[j]`` (from 0 for the first).

    Examples
    --------
    >>> radii, dens = ring_breaks([50, 90], [1.0, 3.0])
    >>> round(float(dens[0]), 4), round(float(dens[1]), 4)  # 0.5/π, 0.4/8π
    (0.1592, 0.0159)
    >>> mass = dens * np.pi * np.diff(radii**2, prepend=0.0)
    >>> round(float(mass.sum()), 12)
    1.0
    """
    q, r, d = _table(percents, radii_km)
    lam = ring_tail_km(percents, radii_km)
    t = np.linspace(0.0, TAIL_LENGTHS, int(TAIL_LENGTHS) * _TAIL_STEPS + 1)
    # the tail's mass beyond rₙ + sλ is 2π dₙ λ e^(−s) (rₙ + λ + sλ)
    beyond = 2.0 * math.pi * d[-1] * lam * np.exp(-t) * (r[-1] + lam + t * lam)
    held = -np.diff(beyond)
    held *= (1.0 - q[-1]) / held.sum()
    outer = r[-1] + lam * t[1:]
    inner = r[-1] + lam * t[:-1]
    radii = np.concatenate([r, outer])
    dens = np.concatenate([d, held / (math.pi * (outer**2 - inner**2))])
    return radii, dens


def ring_density_km2(
    r_km: ArrayLike, *, percents: ArrayLike, radii_km: ArrayLike
) -> FloatArray:
    """The model's density per km² at distance ``r_km`` from the IPP.

    The rings' even densities, then the continuous exponential tail, 0 beyond
    its cut; NaN for a NaN distance.

    Examples
    --------
    >>> f = ring_density_km2([0.5, 2.0, 3.0, 1e6, np.nan], percents=[50, 90],
    ...                      radii_km=[1.0, 3.0])
    >>> [round(float(v), 4) for v in f[:3]], float(f[3]), bool(np.isnan(f[4]))
    ([0.1592, 0.0159, 0.0159], 0.0, True)
    """
    x = np.asarray(r_km, dtype=np.float64)
    _, r, d = _table(percents, radii_km)
    lam = ring_tail_km(percents, radii_km)
    scale = 1.0 / (
        1.0 - math.exp(-TAIL_LENGTHS) * (1.0 + TAIL_LENGTHS * lam / (r[-1] + lam))
    )
    i = np.searchsorted(r, np.nan_to_num(x, nan=0.0), side="right")
    with np.errstate(over="ignore", invalid="ignore"):
        tail = d[-1] * scale * np.exp(-(x - r[-1]) / lam)
    out = np.where(i < r.size, d[np.minimum(i, r.size - 1)], tail)
    out = np.where(x > r[-1] + TAIL_LENGTHS * lam, 0.0, out)
    return np.asarray(np.where(np.isnan(x), np.nan, out), dtype=np.float64)


def ring_mass_within(
    r_km: ArrayLike, *, percents: ArrayLike, radii_km: ArrayLike
) -> FloatArray:
    """The model's mass within distance ``r_km`` of the IPP (its CDF).

    ``qᵢ`` at each ``rᵢ``; 1 at the tail's cut.

    Examples
    --------
    >>> m = ring_mass_within([0.6, 1.2, 4.8, 100.0], percents=[25, 50, 75, 95],
    ...                      radii_km=[0.6, 1.2, 2.1, 4.8])
    >>> [round(float(v), 9) for v in m]
    [0.25, 0.5, 0.95, 1.0]
    """
    x = np.asarray(r_km, dtype=np.float64)
    radii, dens = ring_breaks(percents, radii_km)
    inner = np.concatenate([[0.0], radii[:-1]])
    rings = dens * math.pi * (radii**2 - inner**2)
    before = np.concatenate([[0.0], np.cumsum(rings)])
    j = np.searchsorted(radii, np.nan_to_num(x, nan=0.0), side="left")
    jj = np.minimum(j, radii.size - 1)
    part = dens[jj] * math.pi * (np.clip(x, inner[jj], radii[jj]) ** 2 - inner[jj] ** 2)
    out = np.where(j < radii.size, before[jj] + part, 1.0)
    out = np.minimum(out, 1.0)
    return np.asarray(np.where(np.isnan(x), np.nan, out), dtype=np.float64)


def _quadrant_km2(a: FloatArray, b: FloatArray, radius: float) -> FloatArray:
    """Area of ``{0 ≤ u ≤ a, 0 ≤ v ≤ b, u² + v² ≤ R²}`` for ``a, b ≥ 0``."""
    a = np.minimum(a, radius)
    b = np.minimum(b, radius)
    u = np.sqrt(
        np.maximum(radius * radius - b * b, 0.0)
    )  # where v = b meets the circle
    u = np.minimum(u, a)

    def h(t: FloatArray) -> FloatArray:  # ∫₀ᵗ √(R² − s²) ds
        s = np.sqrt(np.maximum(radius * radius - t * t, 0.0))
        return 0.5 * (t * s + radius * radius * np.arcsin(np.minimum(t / radius, 1.0)))

    return np.asarray(u * b + h(a) - h(u))


def _corner_km2(x: FloatArray, y: FloatArray, radius: float) -> FloatArray:
    """The disc's signed area in the quadrant from the centre to the corner (x, y)."""
    return np.sign(x) * np.sign(y) * _quadrant_km2(np.abs(x), np.abs(y), radius)


def _disc_in_cells_km2(
    x0: FloatArray, y0: FloatArray, side: float, radius: float
) -> FloatArray:
    """Area of the disc of ``radius`` at the origin in each square from (x0, y0)."""
    x1, y1 = x0 + side, y0 + side
    return np.asarray(
        _corner_km2(x1, y1, radius)
        - _corner_km2(x0, y1, radius)
        - _corner_km2(x1, y0, radius)
        + _corner_km2(x0, y0, radius)
    )


def ring_cell_mass(
    grid: Grid,
    x_km: float,
    y_km: float,
    *,
    percents: ArrayLike,
    radii_km: ArrayLike,
) -> FloatArray:
    """The model's probability mass in each cell, the IPP at ``(x_km, y_km)``.

    The exact integral over each cell of the density of :func:`ring_breaks`'s
    rings: ``Σⱼ (dⱼ − dⱼ₊₁)·area(disc(radiusⱼ) ∩ cell)`` (``d`` past the last
    ring is 0), the disc's area in a square in closed form. Cells wholly inside
    a disc take their whole area without it; only the cells a circle crosses
    are computed. What lies beyond the grid is not in any cell: the masses sum
    to the share inside the grid, never more.

    Parameters
    ----------
    grid : Grid
        The cells.
    x_km, y_km : float
        The IPP in the grid's plane.
    percents, radii_km : array_like of shape (n,)
        The table: percents in (0, 100) and their distances (km), both
        increasing.

    Returns
    -------
    ndarray of shape (n_cells,)
        Probability in each cell (non-negative; the sum is at most 1).

    Examples
    --------
    >>> g = Grid.around(0.0, 0.0, radius_km=30.0, cell_km=0.5)
    >>> x, y = g.lonlat_to_xy_km(0.0, 0.0)
    >>> m = ring_cell_mass(g, float(x), float(y), percents=[25, 50, 75, 95],
    ...                    radii_km=[0.6, 1.2, 2.1, 4.8])
    >>> round(float(m.sum()), 9)
    1.0
    >>> far = ring_cell_mass(g, 1e3, 0.0, percents=[50, 90], radii_km=[1.0, 3.0])
    >>> float(far.sum())  # the rings miss the grid
    0.0
    """
    radii, dens = ring_breaks(percents, radii_km)
    step = -np.diff(dens, append=0.0)  # dⱼ − dⱼ₊₁ at each radius
    h = grid.cell_km
    gx, gy = grid.x_km - x_km, grid.y_km - y_km  # centres from the IPP
    # nearest and farthest distance of each column and row, then of each cell
    near_x = np.maximum(np.abs(gx) - h / 2.0, 0.0)
    near_y = np.maximum(np.abs(gy) - h / 2.0, 0.0)
    far_x, far_y = np.abs(gx) + h / 2.0, np.abs(gy) + h / 2.0
    dmin = np.hypot(near_y[:, None], near_x[None, :]).ravel()
    dmax = np.hypot(far_y[:, None], far_x[None, :]).ravel()
    # cells wholly inside the disc of radius j hold step[j] × their area
    from_out = np.concatenate([np.cumsum(step[::-1])[::-1], [0.0]])
    mass = h * h * from_out[np.searchsorted(radii, dmax, side="left")]
    order = np.argsort(dmin, kind="stable")
    sorted_min = dmin[order]
    x0 = np.broadcast_to((gx - h / 2.0)[None, :], grid.shape).ravel()
    y0 = np.broadcast_to((gy - h / 2.0)[:, None], grid.shape).ravel()
    diag = h * math.sqrt(2.0)
    for radius, s in zip(radii.tolist(), step.tolist(), strict=True):
        lo, hi = np.searchsorted(sorted_min, [radius - diag, radius], side="left")
        cand = order[lo:hi]
        cut = cand[dmax[cand] > radius]
        if cut.size:
            mass[cut] += s * _disc_in_cells_km2(x0[cut], y0[cut], h, radius)
    return np.asarray(np.maximum(mass, 0.0), dtype=np.float64)
