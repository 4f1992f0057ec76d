"""The posterior from the factors, and what it says: HDR areas, places' chances."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple

import numpy as np
from scipy.spatial import KDTree

from geosleuth._types import ArrayLike, FloatArray
from geosleuth.errors import InputError
from geosleuth.fuse.likelihood import _disc
from geosleuth.geometry import EARTH_RADIUS_KM, Area, coverage, haversine_km
from geosleuth.grid import Grid

__all__ = [
    "AreaProbability",
    "NamedArea",
    "NamedPlace",
    "PlaceProbability",
    "area_probabilities",
    "hdr_area_km2",
    "hdr_mask",
    "hdr_masks",
    "hdr_weights",
    "log_total",
    "normalised",
    "place_probabilities",
    "posterior_from_factors",
    "rest_of_world_after",
    "search_miss",
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


@dataclass(frozen=True, slots=True)
class NamedArea:
    """An area (a polygon: a state, a province, a drawn pocket) that evidence names.

    ``items`` are the ids of the items that name it; ``kind`` what it is, where
    known: an item's ``place_kind`` (``"state"``, ``"province"``, ``"region"``,
    ``"country"``, ``"continent"``, or ``"drawn"`` in the case file).

    Examples
    --------
    >>> durango = Area.box(-107.0, 22.0, -103.0, 26.0)
    >>> NamedArea("Durango", durango, ("c2",), kind="state").items
    ('c2',)
    """

    name: str
    area: Area
    items: tuple[str, ...] = ()
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class AreaProbability:
    """Probability that the target is inside a named area (given it is in the region).

    ``area_km2`` is the area of its part on the grid (the part outside the
    region holds none of the map); ``items`` the ids of the items naming it;
    ``area`` the polygon; ``kind`` what it is, where known (as
    :attr:`NamedArea.kind`).

    Examples
    --------
    >>> g = Grid.around(40.0, 35.0, radius_km=30.0, cell_km=1.0)
    >>> (a,) = area_probabilities(np.full(g.n_cells, 1 / g.n_cells), g,
    ...                           [NamedArea("west", Area.box(39.0, 34.0, 40.0, 36.0))])
    >>> round(a.probability, 2), round(a.area_km2)  # the western half, uniform map
    (0.5, 1800)
    """

    name: str
    probability: float
    area_km2: float
    items: tuple[str, ...]
    area: Area = field(repr=False)
    kind: str | None = None


#: What an area's probability is, as ``estimate.json`` records it.
AREA_DEFINITION = (
    "The probability that the target is inside each area (a polygon) that a used "
    "item names, given that it is in the region: the sum over the grid's cells of "
    "each cell's probability times the share of the cell's area inside the "
    "polygon (geosleuth.geometry.coverage, as the items' areas are drawn on the "
    "grid; no buffer). area_km2 is the area of its part on the grid. Items that "
    "name the same polygon make one row, named by each of their names."
)


def area_probabilities(
    p: FloatArray, grid: Grid, areas: Sequence[NamedArea]
) -> tuple[AreaProbability, ...]:
    """Probability inside each named area, best first.

    Each cell counts with the share of its area inside the polygon
    (:func:`~geosleuth.geometry.coverage`, which draws the items' areas on the
    grid), as :func:`place_probabilities` counts a disc. Areas of the same
    polygon (every vertex the same) are one row, named by each spelling
    ("Durango (Estado de Durango)", :func:`_row_name`), with every item that
    names it, and the first kind they give. An area that misses the grid is not
    listed: its 0 would say where the grid ends.

    Parameters
    ----------
    p : ndarray of shape (n_cells,)
        The posterior (sums to 1).
    grid : Grid
        Its cells.
    areas : sequence of NamedArea
        The areas, as the items name them.

    Returns
    -------
    tuple of AreaProbability
        Best first; ties by name.

    Examples
    --------
    >>> g = Grid.around(40.0, 35.0, radius_km=30.0, cell_km=1.0)
    >>> flat = np.full(g.n_cells, 1 / g.n_cells)
    >>> west = Area.box(39.0, 34.0, 40.0, 36.0)
    >>> rows = area_probabilities(flat, g, [NamedArea("W", west, ("a",)),
    ...                                     NamedArea("West", west, ("b",)),
    ...                                     NamedArea("far", Area.box(10, 10, 11, 11))])
    >>> [(a.name, a.items) for a in rows]  # one polygon; the far one misses the grid
    [('W (West)', ('a', 'b'))]
    """
    groups: dict[str, tuple[Area, list[str], list[str], list[str]]] = {}
    for named in areas:
        key = repr(named.area.to_geojson())
        _, names, ids, kinds = groups.setdefault(key, (named.area, [], [], []))
        if named.name not in names:
            names.append(named.name)
        ids.extend(i for i in named.items if i not in ids)
        if named.kind is not None:
            kinds.append(named.kind)
    rows = []
    for area, names, ids, kinds in groups.values():
        share = coverage(area, grid)
        if not share.any():  # its 0 would be the grid's edge, not the evidence
            continue
        rows.append(
            AreaProbability(
                _row_name(names),
                float(np.dot(p, share)),
                float(share.sum()) * grid.cell_area_km2,
                tuple(ids),
                area,
                kinds[0] if kinds else None,
            )
        )
    rows.sort(key=lambda a: (-a.probability, a.name))
    return tuple(rows)


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
    return normalised(log_total(log_prior, log_ls))


def log_total(log_prior: FloatArray, log_ls: Iterable[FloatArray]) -> FloatArray:
    """``log_prior + Σ log_l``: the unnormalised log posterior, in a fresh array."""
    total = np.array(log_prior, dtype=np.float64, copy=True)
    for log_l in log_ls:
        total += log_l
    return total


def normalised(total: FloatArray) -> FloatArray:
    """``exp(total)`` normalised to sum 1 (read-only), from its log.

    Raises
    ------
    InputError
        If no cell is possible (every ``total`` is −∞).

    Examples
    --------
    >>> normalised(np.log([1.0, 3.0])).tolist()
    [0.25, 0.75]
    """
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


def search_miss(log_before: ArrayLike, log_search: ArrayLike) -> float:
    """Probability that every search so far missed, given the target is in the grid.

    ``Z = Σ_j q_j·Π_s L_s(j)``, with ``q`` the map before the searches
    (``log_before``: its unnormalised log, as :func:`posterior_from_factors`
    sums it) and ``L_s = 1 − pd·r·m`` each search's likelihood (Koopman's miss
    probability in each cell). Computed in log space: a cell a certain search
    emptied (``log L = −∞``) adds nothing, and one the map had all but ruled
    out is not lost to underflow.

    Parameters
    ----------
    log_before : array_like of shape (n_cells,)
        ``log prior + Σ log L`` of the evidence other than searches.
    log_search : array_like of shape (n_cells,)
        Σ of the searches' ``log L`` in each cell (0 where none searched).

    Returns
    -------
    float
        In [0, 1]; 1 without searches.

    Examples
    --------
    >>> q = np.array([0.5, 0.5]); miss = np.array([0.2, 1.0])  # pd 0.8 in cell 0
    >>> round(search_miss(np.log(q), np.log(miss)), 6)  # 0.5·0.2 + 0.5·1
    0.6
    """
    before = np.asarray(log_before, dtype=np.float64)
    after = before + np.asarray(log_search, dtype=np.float64)
    return float(math.exp(_log_sum_exp(after) - _log_sum_exp(before)))


def _log_sum_exp(values: FloatArray) -> float:
    """``log Σ exp(values)`` over the finite values; −∞ when there are none."""
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return -math.inf
    top = float(finite.max())
    return top + math.log(float(np.exp(finite - top).sum()))


def rest_of_world_after(prior: float, miss: float) -> float:
    """P(the target is outside the grid) after searches inside it found nothing.

    Bayes with a rest-of-world cell that no search reached: ``P = q / (q + (1 −
    q)·Z)``, ``q`` the probability of being outside before the searches
    (``Settings.rest_of_world``) and ``Z`` :func:`search_miss`. So searching
    everything does not create certainty that the target is there.

    Examples
    --------
    >>> rest_of_world_after(0.1, 1.0), rest_of_world_after(0.0, 0.05)
    (0.1, 0.0)
    >>> round(rest_of_world_after(0.1, 0.05), 3)  # a 95 % search of the grid
    0.69
    """
    if prior <= 0.0:
        return 0.0
    return float(prior / (prior + (1.0 - prior) * miss))


#: Cells whose probabilities differ by at most this share of the larger are tied.
_TIE_RTOL = 1e-9


class _Blocks(NamedTuple):
    """The cells of a map in tie blocks, best first (see :func:`_tie_blocks`)."""

    order: np.ndarray  # cell indices, best first (stable)
    first: np.ndarray  # per block: its first position in that order
    before: np.ndarray  # per block: probability of the blocks before it
    mass: np.ndarray  # per block: its probability
    total: float

    @property
    def size(self) -> np.ndarray:
        """Per block: its number of cells."""
        return np.diff(np.append(self.first, self.order.size))


def _tie_blocks(arr: np.ndarray) -> _Blocks:
    """Sort the cells, best first, and group equal neighbours into tie blocks.

    Neighbours in that order whose values differ by at most ``_TIE_RTOL`` of the
    larger are one block: a plateau, such as the floor unreliable items leave,
    or a whole prior-only map, whose cells nothing tells apart.
    """
    order = np.argsort(-arr, kind="stable")
    vals = arr[order]
    starts = np.concatenate([[True], vals[1:] < vals[:-1] * (1.0 - _TIE_RTOL)])
    first = np.flatnonzero(starts)
    cum = np.cumsum(vals)
    upto = cum[np.append(first[1:], vals.size) - 1]  # through each block's end
    before = np.concatenate([[0.0], upto[:-1]])
    return _Blocks(order, first, before, upto - before, float(cum[-1]))


def _hdr_levels(p: ArrayLike) -> np.ndarray:
    """Probability held by the cells more likely than each cell's tie block.

    The one ordering of the cells that every highest-density region uses: the
    masks (:func:`hdr_masks`), the report's shading and outlines, ``in_hdr90``
    and the areas (:func:`hdr_weights`). Cells are sorted by probability, best
    first, in tie blocks (:func:`_tie_blocks`); the cells of a block share one
    level, the probability of the cells before the block as a share of the
    total, so a plateau is never cut along rows of the grid by cell order.
    Cells of probability 0 get level 1.

    Examples
    --------
    >>> _hdr_levels([0.1, 0.6, 0.3]).round(3).tolist()
    [0.9, 0.0, 0.6]
    >>> _hdr_levels([0.25, 0.25, 0.25, 0.25]).tolist()  # a flat map: one block
    [0.0, 0.0, 0.0, 0.0]
    >>> _hdr_levels([0.4, 0.2, 0.2, 0.2, 0.0]).round(3).tolist()
    [0.0, 0.4, 0.4, 0.4, 1.0]
    """
    arr = np.asarray(p, dtype=np.float64).ravel()
    level = np.ones(arr.shape, dtype=np.float64)
    if arr.size == 0:
        return level
    b = _tie_blocks(arr)
    block = np.repeat(np.arange(b.first.size), b.size)
    level[b.order] = b.before[block] / (b.total if b.total > 0 else 1.0)
    level[arr <= 0] = 1.0
    return np.clip(level, 0.0, 1.0)


def hdr_weights(p: ArrayLike, levels: Sequence[float]) -> list[np.ndarray]:
    """Each cell's share of the smallest region that holds each level.

    The ``level`` highest-density region is the smallest set of cells whose
    probability reaches ``level``. Where it ends inside a tie block (cells of
    equal probability: a plateau), how many of the block's cells it needs is
    fixed but which is not; each cell of that block gets the share needed,
    ``ceil(needed / value) / size``, the cells of blocks wholly needed 1, the
    others 0. The weights sum to the region's number of cells (its area over
    the cell area, the same as taking the best cells in any order), and a
    cell's weight is the chance that it is in the region if the ties were broken
    at random: the share of trials in which a target there lies in the region,
    as a calibration counts it (``eval/calibration.py``).

    Examples
    --------
    >>> [w.tolist() for w in hdr_weights([0.1, 0.6, 0.3], [0.5, 0.9])]
    [[0.0, 1.0, 0.0], [0.0, 1.0, 1.0]]
    >>> hdr_weights([0.25, 0.25, 0.25, 0.25], [0.5])[0].tolist()  # 2 of 4 tied
    [0.5, 0.5, 0.5, 0.5]
    >>> hdr_weights([0.4, 0.2, 0.2, 0.2], [0.9])[0].round(3).tolist()
    [1.0, 1.0, 1.0, 1.0]
    """
    arr = np.asarray(p, dtype=np.float64)
    for level in levels:
        if not 0 < level <= 1:
            raise InputError(
                f"An HDR level must lie in (0, 1]. Got {level!r} instead.",
                field="level",
            )
    flat = arr.ravel()
    if flat.size == 0:
        return [np.zeros(arr.shape) for _ in levels]
    b = _tie_blocks(flat)
    size = b.size
    out = []
    for level in levels:
        target = level * b.total * (1 - 1e-12)
        weight = np.zeros(flat.size)
        # the blocks wholly needed, then at most one block needed in part
        full = int(np.searchsorted(b.before + b.mass, target, side="right"))
        end = int(b.first[full]) if full < b.first.size else flat.size
        weight[b.order[:end]] = 1.0
        if full < b.first.size and b.before[full] < target and b.mass[full] > 0:
            n = int(size[full])
            needed = math.ceil((target - b.before[full]) / (b.mass[full] / n))
            weight[b.order[end : end + n]] = min(needed, n) / n
        weight[flat <= 0] = 0.0
        out.append(weight.reshape(arr.shape))
    return out


def hdr_mask(p: ArrayLike, level: float) -> np.ndarray:
    """Cells that may be in the smallest set holding at least ``level``.

    Where the region ends inside a tie block (cells of equal probability within
    a relative ``_TIE_RTOL``: a plateau), the whole block is marked: which of
    its cells the region takes would otherwise be decided by cell order. The
    marked cells then cover more than the region's area (:func:`hdr_area_km2`,
    from :func:`hdr_weights`); elsewhere they are the region.

    Examples
    --------
    >>> hdr_mask([0.1, 0.6, 0.3], 0.5).tolist()
    [False, True, False]
    >>> hdr_mask([0.1, 0.6, 0.3], 0.95).tolist()
    [True, True, True]
    >>> hdr_mask([0.25, 0.25, 0.25, 0.25], 0.5).tolist()  # flat: all may be
    [True, True, True, True]
    """
    return hdr_masks(p, (level,))[0]


def hdr_masks(p: ArrayLike, levels: Sequence[float]) -> list[np.ndarray]:
    """:func:`hdr_mask` for several levels, sorting the cells once.

    A cell is marked for ``q`` when its weight in the ``q`` region is above 0
    (:func:`hdr_weights`).

    Examples
    --------
    >>> [m.tolist() for m in hdr_masks([0.1, 0.6, 0.3], [0.5, 0.9])]
    [[False, True, False], [False, True, True]]
    >>> [m.tolist() for m in hdr_masks([0.5, 0.25, 0.25], [0.6])]  # a tie: both
    [[True, True, True]]
    """
    return [w > 0 for w in hdr_weights(p, levels)]


def hdr_area_km2(p: ArrayLike, grid: Grid, level: float) -> float:
    """Area (km²) of the ``level`` highest-density region of ``p`` on ``grid``.

    The number of cells the region needs (the sum of :func:`hdr_weights`) times
    the cell area: on a plateau, less than the area :func:`hdr_mask` marks.

    Examples
    --------
    >>> from geosleuth.grid import Grid
    >>> g = Grid(lon0=0, lat0=0, west_km=0, south_km=0, cell_km=1, nx=2, ny=2)
    >>> hdr_area_km2([0.25, 0.25, 0.25, 0.25], g, 0.5)  # any 2 of the 4 cells
    2.0
    """
    return _cells_of(hdr_weights(p, (level,))[0]) * grid.cell_area_km2


def _cells_of(weights: np.ndarray) -> float:
    """The number of cells a region needs: its weights' sum, a whole number."""
    return float(np.rint(weights.sum()))


#: Places closer than this share of the place radius are one place (one row).
_SAME_PLACE_SHARE = 0.1


def _same_place_groups(
    places: Sequence[NamedPlace], *, tol_km: float
) -> list[list[int]]:
    """Indices of ``places`` grouped by single linkage within ``tol_km``.

    Two places are linked when their centres are closer than ``tol_km``
    (great-circle); the groups are the connected components of these links
    (union-find), so they do not depend on the order of ``places``. Each group
    is in input order, and the groups are in the order of their first place.
    Candidate pairs come from a k-d tree on the unit sphere (chord length), so
    thousands of places cost no more than their neighbours. A place without
    finite coordinates is linked to none.

    Examples
    --------
    >>> row = [NamedPlace(n, 40.0 + 0.01 * k, 35.0) for k, n in enumerate("ABC")]
    >>> _same_place_groups(row, tol_km=1.5)  # A-B and B-C 0.91 km: A-C 1.82 km
    [[0, 1, 2]]
    >>> _same_place_groups(row[::2], tol_km=1.5)  # without B, A and C stand apart
    [[0], [1]]
    """
    n = len(places)
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    lons = np.array([q.lon for q in places], dtype=np.float64)
    lats = np.array([q.lat for q in places], dtype=np.float64)
    lon, lat = np.radians(lons), np.radians(lats)
    xyz = np.column_stack(
        [np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)]
    )
    ok = np.flatnonzero(np.isfinite(xyz).all(axis=1))
    if ok.size > 1 and tol_km > 0:
        chord = 2.0 * math.sin(min(tol_km / (2.0 * EARTH_RADIUS_KM), math.pi / 2))
        pairs = KDTree(xyz[ok]).query_pairs(chord * (1.0 + 1e-9), output_type="ndarray")
        if pairs.size:
            i, j = ok[pairs[:, 0]], ok[pairs[:, 1]]
            near = haversine_km(lons[i], lats[i], lons[j], lats[j]) < tol_km
            for u, v in zip(i[near].tolist(), j[near].tolist(), strict=True):
                ru, rv = root(u), root(v)
                if ru != rv:
                    parent[max(ru, rv)] = min(ru, rv)  # the root: the first place
    groups: dict[int, list[int]] = {}
    for k in range(n):
        groups.setdefault(root(k), []).append(k)
    return list(groups.values())


def _place_groups(
    places: Sequence[NamedPlace], *, radius_km: float
) -> list[tuple[NamedPlace, list[str]]]:
    """Places at one location as one: each group's first place, and its names.

    Two places are one when their centres are closer than
    ``_SAME_PLACE_SHARE × radius_km`` (great-circle): their discs then overlap by
    more than 93 %, so two rows would repeat one figure under two spellings
    (Hajin and Hajīn, from the case file and from the gazetteer). A chain of
    such places is one place too (single linkage, :func:`_same_place_groups`):
    which places share a row never depends on the order they come in. The row
    is at the group's first place in the input, whose name leads; the others
    follow, in input order, each spelling once. The names are carried as they
    are, not parsed back out of a row's name, so that a name with parentheses
    of its own ("Santa Cruz (Bolivia)") stays whole when rows are folded
    (:func:`_fold_alike`).

    Examples
    --------
    >>> groups = _place_groups([NamedPlace("Hajin", 40.83138, 34.69508),
    ...                         NamedPlace("Abu Kamal", 40.91854, 34.45226),
    ...                         NamedPlace("Hajīn", 40.83138, 34.69508)],
    ...                        radius_km=15.0)
    >>> [(q.name, names) for q, names in groups]
    [('Hajin', ['Hajin', 'Hajīn']), ('Abu Kamal', ['Abu Kamal'])]
    """
    out = []
    for group in _same_place_groups(places, tol_km=_SAME_PLACE_SHARE * radius_km):
        names = list(dict.fromkeys(places[k].name for k in group))
        out.append((places[group[0]], names))
    return out


def _merge_places(
    places: Sequence[NamedPlace], *, radius_km: float
) -> list[NamedPlace]:
    """Places at one location as one, named "first (second, third)".

    The groups of :func:`_place_groups`, each at its first place.

    Examples
    --------
    >>> merged = _merge_places([NamedPlace("Hajin", 40.83138, 34.69508),
    ...                         NamedPlace("Abu Kamal", 40.91854, 34.45226),
    ...                         NamedPlace("Hajīn", 40.83138, 34.69508)],
    ...                        radius_km=15.0)
    >>> [q.name for q in merged]
    ['Hajin (Hajīn)', 'Abu Kamal']
    """
    return [
        NamedPlace(_row_name(names), lead.lon, lead.lat)
        for lead, names in _place_groups(places, radius_km=radius_km)
    ]


def _row_name(names: Sequence[str]) -> str:
    """A ranked row's name: the first place's, the others' in parentheses.

    Examples
    --------
    >>> _row_name(["Hajin", "Hajīn"]), _row_name(["Sion"])
    ('Hajin (Hajīn)', 'Sion')
    """
    return f"{names[0]} ({', '.join(names[1:])})" if len(names) > 1 else names[0]


#: Two ranked places whose discs share more than this part of their area ...
_FOLD_OVERLAP = 0.5
#: ... and whose probabilities differ by less than half the 0.1 % a table shows
#: are one row (:func:`_fold_alike`).
_FOLD_DIFFERENCE = 0.0005


def _disc_overlap(d_km: float, radius_km: float) -> float:
    """The share of a disc's area that a disc of its radius ``d_km`` away covers.

    Two circles' lens over one's area: ``(2/π)(acos x − x √(1 − x²))``,
    ``x = d / 2r``.

    Examples
    --------
    >>> round(_disc_overlap(3.0, 15.0), 3), _disc_overlap(30.0, 15.0)
    (0.873, 0.0)
    """
    x = d_km / (2.0 * radius_km) if radius_km > 0 else 1.0
    if not x < 1.0:  # apart, or a distance that is not a number
        return 0.0
    return (2.0 / math.pi) * (math.acos(x) - x * math.sqrt(1.0 - x * x))


def _fold_alike(
    rows: Sequence[tuple[PlaceProbability, list[str]]],
) -> tuple[PlaceProbability, ...]:
    """Ranked rows (best first, with their names), each that repeats one before folded.

    A row repeats an earlier one when their discs share more than half their
    area (:data:`_FOLD_OVERLAP`; centres closer than about 0.81 radius) and
    their probabilities differ by less than 0.05 percentage points
    (:data:`_FOLD_DIFFERENCE`, half what a table shows): the second row would
    say the same figure for much the same ground ("Cúcuta" and "Atalaya
    clinic", 3 km apart with a 15 km radius, both 98.0 %: review r31, L6). Its
    names join the earlier row's ("Cúcuta (Atalaya clinic)"); the row keeps the
    earlier place's point, probability and 90 % flag. Places that overlap but
    differ in probability stay apart: that difference is what the ranking
    tells. Each row is compared with the rows kept before it, in rank order.

    Examples
    --------
    >>> rows = [(PlaceProbability(n, lon, 46.1, 15.0, p, True), [n])
    ...         for n, lon, p in [("Sion", 7.2, 0.9), ("Bramois", 7.24, 0.9002),
    ...                           ("Sierre", 7.53, 0.9)]]
    >>> [q.name for q in _fold_alike(rows)]
    ['Sion (Bramois)', 'Sierre']
    """
    kept: list[tuple[PlaceProbability, list[str]]] = []
    for q, names in rows:
        for lead, joined in kept:
            d_km = float(haversine_km(lead.lon, lead.lat, q.lon, q.lat))
            if (
                _disc_overlap(d_km, max(lead.radius_km, q.radius_km)) > _FOLD_OVERLAP
                and abs(lead.probability - q.probability) < _FOLD_DIFFERENCE
            ):
                joined.extend(n for n in names if n not in joined)
                break
        else:
            kept.append((q, list(names)))
    return tuple(
        q if q.name == _row_name(names) else replace(q, name=_row_name(names))
        for q, names in kept
    )


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
    :func:`_place_groups`); and a place whose disc shares more than half of a
    better-ranked one's, with a probability within 0.05 percentage points, is
    folded into its row (:func:`_fold_alike`: "Cúcuta (Atalaya clinic)"), so
    that whoever calls :func:`~geosleuth.fuse.fuse` gets the same rows. A place
    whose disc misses the grid is not ranked: its 0 would say where the grid
    ends, not what the evidence says.

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
    rows = []
    for pl, names in _place_groups(places, radius_km=radius_km):
        cell = int(grid.lonlat_to_cell(pl.lon, pl.lat))
        disc = _disc(grid, pl.lon, pl.lat, radius_km)
        if not disc.any():  # its 0 would be the grid's edge, not the evidence
            continue
        prob = float(np.dot(p, disc))
        in90 = bool(cell >= 0 and h90[cell])
        row = PlaceProbability(_row_name(names), pl.lon, pl.lat, radius_km, prob, in90)
        rows.append((row, names))
    rows.sort(key=lambda r: (-r[0].probability, r[0].name))
    return _fold_alike(rows)


#: Warn when, along the grid's edge, the evidence's excess over its floor is at
#: least this share of its excess at its peak (see :func:`_edge_excess`).
_EDGE_EXCESS_SHARE = 0.1


def _edge_ring(grid: Grid) -> np.ndarray:
    """The cells on the grid's edge: its first and last rows and columns."""
    ring = np.zeros(grid.shape, dtype=bool)
    ring[0, :] = ring[-1, :] = ring[:, 0] = ring[:, -1] = True
    return ring.ravel()


def _edge_excess(p: FloatArray, grid: Grid, log_prior: FloatArray) -> float:
    """How strongly the evidence still points at the grid's edge, from 0 to 1.

    The likelihood of all the evidence is the posterior over the prior,
    ``L ∝ p / prior`` (cells the prior rules out are not counted). Its floor
    ``F`` is its lowest value on the edge: what every cell keeps of evidence
    that may be false (``1 − r``), and what is left where the evidence no
    longer reaches. The figure is ``(max over the edge of L − F) / (max L − F)``:
    0 when the evidence has died away before the edge, 1 when it is strongest
    there. The floor is the edge's, not the grid's: a search inside the grid
    lowers the grid's minimum, and would count a weak item's floor as evidence
    that reaches the edge. 0 when ``L`` is level (no evidence on the map).

    A weak item's floor counts for nothing: it is level everywhere, and a wider
    region would hold just as much of it. What counts is what a wider region
    would change: the evidence beyond the edge.

    Examples
    --------
    >>> g = Grid.around(0.0, 0.0, radius_km=10.0, cell_km=1.0)
    >>> flat = np.full(g.n_cells, 1 / g.n_cells)
    >>> _edge_excess(flat, g, np.log(flat))  # no evidence
    0.0
    >>> x, _ = g.cell_xy_km()
    >>> ramp = (x - x.min() + 1.0) / (x - x.min() + 1.0).sum()  # rising to the east
    >>> _edge_excess(ramp, g, np.log(flat))
    1.0
    """
    arr = np.asarray(p, dtype=np.float64)
    ok = np.isfinite(log_prior)
    with np.errstate(divide="ignore"):
        log_l = np.where(ok, np.log(arr) - np.where(ok, log_prior, 0.0), -np.inf)
    top = float(np.max(log_l, where=ok, initial=-np.inf))
    edge = _edge_ring(grid) & ok
    if not math.isfinite(top) or not edge.any():
        return 0.0
    lik = np.exp(log_l - top)  # max 1
    floor = float(lik[edge].min())
    span = 1.0 - floor
    if span <= 1e-9:  # level: the map is the prior
        return 0.0
    return float((lik[edge].max() - floor) / span)
