"""The posterior from the factors, and what it says: HDR areas, places' chances."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from geosleuth._types import ArrayLike, FloatArray
from geosleuth.errors import InputError
from geosleuth.fuse.likelihood import _disc
from geosleuth.grid import Grid

__all__ = [
    "NamedPlace",
    "PlaceProbability",
    "hdr_area_km2",
    "hdr_mask",
    "hdr_masks",
    "place_probabilities",
    "posterior_from_factors",
]


@dataclass(frozen=True, slots=True)
class NamedPlace:
    """A place whose probability the estimate reports.

    Examples
    --------
    >>> NamedPlace("Hajin", 40.83138, 34.69508).name
    'Hajin'
    """

    name: str
    lon: float
    lat: float


@dataclass(frozen=True, slots=True)
class PlaceProbability:
    """Probability that the target is within ``radius_km`` of a named place.

    Examples
    --------
    >>> g = Grid.around(40.0, 35.0, radius_km=30.0, cell_km=1.0)
    >>> (q,) = place_probabilities(np.full(g.n_cells, 1 / g.n_cells), g,
    ...                            [NamedPlace("centre", 40.0, 35.0)], radius_km=15.0)
    >>> round(q.probability, 2)  # a 15 km disc in a 60 km square, uniform map
    0.2
    """

    name: str
    lon: float
    lat: float
    radius_km: float
    probability: float
    in_hdr90: bool


def posterior_from_factors(
    log_prior: FloatArray, log_ls: Iterable[FloatArray]
) -> FloatArray:
    """Normalised posterior ``exp(log_prior + Σ log_l)``, computed in log space.

    Raises
    ------
    InputError
        If the evidence leaves no cell possible (e.g. certain searches everywhere).

    Examples
    --------
    >>> p = posterior_from_factors(np.zeros(4), [np.log([1.0, 1.0, 2.0, 4.0])])
    >>> p.tolist()
    [0.125, 0.125, 0.25, 0.5]
    """
    total = np.array(log_prior, dtype=np.float64, copy=True)
    for log_l in log_ls:
        total += log_l
    top = float(np.max(total))
    if not math.isfinite(top):
        raise InputError(
            "The evidence leaves no possible cell: every cell has been ruled out "
            "(for example by searches with pd = 1 covering the whole grid)."
        )
    p = np.exp(total - top)
    p /= p.sum()
    p.setflags(write=False)
    return np.asarray(p)


def hdr_mask(p: ArrayLike, level: float) -> np.ndarray:
    """Cells of the smallest set holding at least ``level`` of the probability.

    Examples
    --------
    >>> hdr_mask([0.1, 0.6, 0.3], 0.5).tolist()
    [False, True, False]
    >>> hdr_mask([0.1, 0.6, 0.3], 0.95).tolist()
    [True, True, True]
    """
    return hdr_masks(p, (level,))[0]


def hdr_masks(p: ArrayLike, levels: Sequence[float]) -> list[np.ndarray]:
    """:func:`hdr_mask` for several levels, sorting the cells once.

    Examples
    --------
    >>> [m.tolist() for m in hdr_masks([0.1, 0.6, 0.3], [0.5, 0.9])]
    [[False, True, False], [False, True, True]]
    """
    arr = np.asarray(p, dtype=np.float64)
    for level in levels:
        if not 0 < level <= 1:
            raise InputError(
                f"An HDR level must lie in (0, 1]. Got {level!r} instead.",
                field="level",
            )
    order = np.argsort(-arr)
    csum = np.cumsum(arr[order])
    out = []
    for level in levels:
        k = int(np.searchsorted(csum, level * csum[-1] * (1 - 1e-12))) + 1
        mask = np.zeros(arr.shape, dtype=bool)
        mask[order[: min(k, arr.size)]] = True
        out.append(mask)
    return out


def hdr_area_km2(p: ArrayLike, grid: Grid, level: float) -> float:
    """Area (km²) of the ``level`` highest-density region of ``p`` on ``grid``."""
    return float(hdr_mask(p, level).sum() * grid.cell_area_km2)


def place_probabilities(
    p: FloatArray,
    grid: Grid,
    places: Sequence[NamedPlace],
    *,
    radius_km: float,
    hdr90: np.ndarray | None = None,
) -> tuple[PlaceProbability, ...]:
    """Probability within ``radius_km`` of each named place, best first.

    Each cell counts with the share of its area inside the disc (cells the
    disc's edge crosses in part), so the figure does not depend on whether cell
    centres happen to fall inside. ``hdr90`` is the 90 % HDR mask of ``p`` when
    already known.
    """
    if not places:
        return ()
    h90 = hdr_mask(p, 0.9) if hdr90 is None else hdr90
    out = []
    for pl in places:
        cell = int(grid.lonlat_to_cell(pl.lon, pl.lat))
        prob = float(np.dot(p, _disc(grid, pl.lon, pl.lat, radius_km)))
        out.append(
            PlaceProbability(
                pl.name, pl.lon, pl.lat, radius_km, prob, bool(cell >= 0 and h90[cell])
            )
        )
    out.sort(key=lambda q: (-q.probability, q.name))
    return tuple(out)
