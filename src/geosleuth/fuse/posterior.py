"""The posterior from the factors, and what it says: HDR areas, places' chances."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from geosleuth._types import ArrayLike, FloatArray
from geosleuth.errors import InputError
from geosleuth.fuse.likelihood import _disc
from geosleuth.geometry import haversine_km
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


#: Places closer than this share of the place radius are one place (one row).
_SAME_PLACE_SHARE = 0.1


def _merge_places(
    places: Sequence[NamedPlace], *, radius_km: float
) -> list[NamedPlace]:
    """Places at one location as one, named "first (second, third)".

    Two places are one when their centres are closer than
    ``_SAME_PLACE_SHARE × radius_km`` (great-circle): their discs then overlap by
    more than 93 %, so two rows would repeat one figure under two spellings
    (Hajin and Hajīn, from the case file and from the gazetteer). The first
    place in the input keeps its position and its name leads.

    Examples
    --------
    >>> merged = _merge_places([NamedPlace("Hajin", 40.83138, 34.69508),
    ...                         NamedPlace("Abu Kamal", 40.91854, 34.45226),
    ...                         NamedPlace("Hajīn", 40.83138, 34.69508)],
    ...                        radius_km=15.0)
    >>> [q.name for q in merged]
    ['Hajin (Hajīn)', 'Abu Kamal']
    """
    tol = _SAME_PLACE_SHARE * radius_km
    groups: list[tuple[NamedPlace, list[str]]] = []
    for pl in places:
        for lead, names in groups:
            if float(haversine_km(lead.lon, lead.lat, pl.lon, pl.lat)) < tol:
                if pl.name not in names:
                    names.append(pl.name)
                break
        else:
            groups.append((pl, [pl.name]))
    return [
        NamedPlace(
            f"{names[0]} ({', '.join(names[1:])})" if len(names) > 1 else names[0],
            lead.lon,
            lead.lat,
        )
        for lead, names in groups
    ]


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
    already known. Places closer to each other than a tenth of ``radius_km``
    are one place, one row named by each spelling: "Hajin (Hajīn)" (see
    :func:`_merge_places`). A place whose disc misses the grid is not ranked:
    its 0 would say where the grid ends, not what the evidence says.

    Examples
    --------
    >>> g = Grid.around(40.8, 34.7, radius_km=30.0, cell_km=1.0)
    >>> rows = place_probabilities(np.full(g.n_cells, 1 / g.n_cells), g,
    ...                            [NamedPlace("Hajin", 40.83, 34.695),
    ...                             NamedPlace("Hajīn", 40.831, 34.695)],
    ...                            radius_km=15.0)
    >>> [q.name for q in rows]
    ['Hajin (Hajīn)']
    """
    if not places:
        return ()
    h90 = hdr_mask(p, 0.9) if hdr90 is None else hdr90
    out = []
    for pl in _merge_places(places, radius_km=radius_km):
        cell = int(grid.lonlat_to_cell(pl.lon, pl.lat))
        disc = _disc(grid, pl.lon, pl.lat, radius_km)
        if not disc.any():  # its 0 would be the grid's edge, not the evidence
            continue
        prob = float(np.dot(p, disc))
        out.append(
            PlaceProbability(
                pl.name, pl.lon, pl.lat, radius_km, prob, bool(cell >= 0 and h90[cell])
            )
        )
    out.sort(key=lambda q: (-q.probability, q.name))
    return tuple(out)


#: The border band is the cells within this share of the grid's width (or
#: height) of its edge.
_BORDER_SHARE = 0.05
#: Warn when the evidence favours the interior over the border band by less than
#: this Bayes factor (Jeffreys' "substantial": 3).
_BORDER_BAYES_FACTOR = 1.0 / 3.0


def _border_band(grid: Grid) -> np.ndarray:
    """Cells within ``_BORDER_SHARE`` of the grid's width or height of its edge.

    At least one cell deep; the whole grid when it is two cells or less across.
    """
    kx = max(1, math.ceil(_BORDER_SHARE * grid.nx))
    ky = max(1, math.ceil(_BORDER_SHARE * grid.ny))
    band = np.zeros(grid.shape, dtype=bool)
    band[:ky, :] = band[-ky:, :] = True
    band[:, :kx] = band[:, -kx:] = True
    return band.ravel()


def _border_bayes_factor(
    p: FloatArray, grid: Grid, log_prior: FloatArray
) -> tuple[float, float, float]:
    """Posterior mass of the border band, its prior mass, and their Bayes factor.

    The Bayes factor is the evidence's odds on the band against the interior:
    ``(P/(1 − P)) / (Q/(1 − Q))`` with ``P`` the posterior mass of the band and
    ``Q`` its prior mass. Evidence that places the target well inside the grid
    gives nearly 0; evidence that is flat over the grid (its spread larger than
    the grid) gives 1; evidence that points at the border or beyond gives more.

    Examples
    --------
    >>> g = Grid.around(0.0, 0.0, radius_km=10.0, cell_km=1.0)
    >>> flat = np.full(g.n_cells, 1 / g.n_cells)
    >>> [round(v, 2) for v in _border_bayes_factor(flat, g, np.log(flat))]
    [0.19, 0.19, 1.0]
    """
    band = _border_band(grid)
    prior = np.exp(log_prior - np.max(log_prior))
    q = float(prior[band].sum() / prior.sum())
    post = float(np.asarray(p)[band].sum())
    if q <= 0 or q >= 1:
        return post, q, 1.0
    if post >= 1:
        return post, q, math.inf
    return post, q, (post / (1.0 - post)) / (q / (1.0 - q))
