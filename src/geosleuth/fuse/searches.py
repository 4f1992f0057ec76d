"""The searches' likelihood: each day's searches combined in each cell, then moved.

On its day a search misses a target in a cell with ``1 − pd·c``; the searches of
one day (or one moment) miss it together (:func:`search_day_log`, the cells two
of them cut in part by :func:`_day_miss`), and the share found is then moved by
the walk since (:func:`moved_cover`). :class:`SearchDay` leaves each of a day's
searches out in turn at a fraction of the cost, and :func:`kept_searches` keeps
each day's combined miss for a case's other maps. The formulas are in the
:mod:`geosleuth.fuse` docstring.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from contextvars import ContextVar, Token
from typing import Any

import numpy as np
from scipy.special import ndtr

from geosleuth._types import FloatArray
from geosleuth.evidence import Searched, time_text
from geosleuth.fuse.reach import outside_reason, walk_sigma_km
from geosleuth.fuse.settings import Settings
from geosleuth.geometry import (
    Point,  # noqa: F401  (the doctests')
    coverage,
    covers_any,
)
from geosleuth.grid import Grid

__all__ = [
    "SearchDay",
    "kept_searches",
    "moved_cover",
    "search_day_key",
    "search_day_log",
    "search_day_name",
    "search_reaches",
]


def moved_cover(cover: FloatArray, grid: Grid, walk_km: float) -> FloatArray:
    """For each cell, the chance a target there now was in the searched share then.

    ``cover`` is each cell's share of a searched area on the search's day; the
    target has since moved by a random walk of σ ``walk_km`` per axis (the
    movement model that widens a sighting by ``D·age``). A target now in cell
    ``i`` was in cell ``j`` then with the chance that the walk's step lands
    within a cell of ``j − i`` (the normal's mass over the cell, per axis), so
    the result is ``Kᵧ · cover · Kₓᵀ``: mass-preserving, and ``cover`` itself
    when the walk is much shorter than a cell. Only the rows and columns the
    search touched are multiplied.

    Examples
    --------
    >>> g = Grid.around(0.0, 0.0, radius_km=20.0, cell_km=1.0)
    >>> c = coverage(Point(0.0, 0.0), g, buffer_km=1.0)  # a disc of 3.14 km²
    >>> m = moved_cover(c, g, 3.3)  # 11 days at D = 1 km²/day
    >>> round(float(m.max()), 3)  # about 3.14 / (2π · 3.3²): a miss of 0.96
    0.044
    >>> round(float(m.sum() / c.sum()), 3)  # the walk keeps the searched mass
    1.0
    >>> bool(np.allclose(moved_cover(c, g, 1e-3), c))
    True
    """
    c = cover.reshape(grid.shape)
    rows = np.flatnonzero(c.any(axis=1))
    cols = np.flatnonzero(c.any(axis=0))
    if rows.size == 0:
        return cover
    h = grid.cell_km / 2.0

    def steps(n: int, lo: int, hi: int) -> FloatArray:
        d = (np.arange(n)[:, None] - np.arange(lo, hi)[None, :]) * grid.cell_km
        return np.asarray(ndtr((d + h) / walk_km) - ndtr((d - h) / walk_km))

    r0, r1 = int(rows[0]), int(rows[-1]) + 1
    c0, c1 = int(cols[0]), int(cols[-1]) + 1
    ky = steps(grid.ny, r0, r1)
    kx = steps(grid.nx, c0, c1)
    out = ky @ c[r0:r1, c0:c1] @ kx.T
    return np.asarray(np.clip(out, 0.0, 1.0).ravel())


def _search_cover(item: Searched, grid: Grid) -> FloatArray:
    """Each cell's share of a search's area (:func:`outside_reason` when none)."""
    cover = coverage(item.area, grid, buffer_km=item.buffer_km)
    if not cover.any():
        raise outside_reason(item, grid, "its area")
    return cover


def search_reaches(item: Searched, grid: Grid) -> bool:
    """Whether a search's area reaches the grid (one that does not is skipped).

    As :func:`_search_cover` would not raise, without drawing a buffer when
    some cell is wholly covered. Found once within :func:`kept_searches`.
    """
    memo = _MEMO.get()
    key = (id(grid), id(item))
    got = memo.reaches.get(key) if memo is not None else None
    if got is not None:
        return got[2]
    reaches = covers_any(item.area, grid, buffer_km=item.buffer_km)
    if memo is not None:
        memo.reaches[key] = (grid, item, reaches)
    return reaches


#: The cells of the days' misses :func:`kept_searches` keeps (64 MB of float64).
_KEPT_DAY_CELLS = 8_000_000


class _SearchMemo:
    """What :func:`kept_searches` keeps, by the identity of the grid and items.

    Each key's objects are held with the value, so that no id is taken again
    by another object while the memo lives. Entered (``with``), it is the
    one in force until its exit, unless another already is; it may be
    entered again, keeping what it kept.
    """

    __slots__ = ("cells", "misses", "reaches", "tokens")

    def __init__(self) -> None:
        self.misses: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        self.reaches: dict[tuple[int, int], tuple[Grid, Searched, bool]] = {}
        self.cells = 0
        self.tokens: list[Token[_SearchMemo | None] | None] = []

    def __enter__(self) -> _SearchMemo:
        self.tokens.append(_MEMO.set(self) if _MEMO.get() is None else None)
        return self

    def __exit__(self, *exc: object) -> None:
        token = self.tokens.pop()
        if token is not None:
            _MEMO.reset(token)


_MEMO: ContextVar[_SearchMemo | None] = ContextVar("_MEMO", default=None)


def kept_searches() -> _SearchMemo:
    """A memo in which each day's searches are combined once (:func:`_day_miss`).

    A case's map, its moments' maps (:func:`~geosleuth.fuse.estimate.fuse`
    judges each moment's searches on the map of its moment) and the track's
    passes each combine the same searches of a day again: their cut cells
    cost a shapely cut each, and a plan recorded as a dozen bands has
    hundreds (review r60, M2). Within ``with`` the memo, the day's miss is
    kept, by the grid's and the items' identity and the searches' ``pd``, up
    to ``_KEPT_DAY_CELLS`` cells, with whether each search reaches the grid;
    the same floats come back. Within another memo, it keeps nothing of its
    own. ``with`` adds no frame: a warning's ``stacklevel`` is unchanged.

    Examples
    --------
    >>> memo = kept_searches()
    >>> with memo:
    ...     _MEMO.get() is memo
    True
    >>> _MEMO.get() is None
    True
    """
    return _SearchMemo()


def search_day_log(
    group: Sequence[Searched], grid: Grid, *, as_of: dt.date, settings: Settings
) -> FloatArray:
    """``log L`` of the searches of one day, combined in each cell, then moved once.

    On its day a search misses a target in a cell with ``1 − pd·c`` (``c`` the
    cell's share of its area, ``pd`` its detection probability times the
    chance it is true, faded by ``search_memory_days`` if set). The target had
    one position that day, so the day's searches miss it together with
    ``L_day = Π_s (1 − pd_s·c_s)`` (Koopman's composition: two sorties of pd
    0.5 over one area are one of pd 0.75), the overlap of their shares taken
    as it is in cells two of them cover in part (:func:`_day_miss`). The share
    found that day, ``1 − L_day``, is then moved once by the walk since
    (:func:`moved_cover`): ``L = 1 − moved_cover(1 − L_day)``. Moving each
    search's share apart and multiplying would treat sorties over one area
    as independent chances at a target that was in one place: a second pd = 1
    sweep of the same disc would square its factor as the days pass.

    Examples
    --------
    >>> from geosleuth.evidence import Provenance
    >>> g = Grid.around(0.0, 0.0, radius_km=10.0, cell_km=1.0)
    >>> day = dt.date(2024, 1, 1)
    >>> def sortie(i, pd):
    ...     return Searched(id=i, provenance=Provenance(document="log"), date=day,
    ...                     area=Point(0.0, 0.0), buffer_km=3.0, pd=pd)
    >>> later = dt.date(2024, 1, 4)
    >>> two = search_day_log([sortie("a", 0.5), sortie("b", 0.5)], g,
    ...                       as_of=later, settings=Settings())
    >>> one = search_day_log([sortie("ab", 0.75)], g, as_of=later,
    ...                       settings=Settings())
    >>> bool(np.allclose(two, one))  # the same as one sortie of 1 - 0.5 x 0.5
    True
    """
    pds = _search_pds(group, as_of=as_of, settings=settings)
    memo = _MEMO.get()
    key = (id(grid), *(id(i) for i in group), *pds)
    got = memo.misses.get(key) if memo is not None else None
    if got is not None:
        miss: FloatArray = got[-1]
    else:
        covers = [_search_cover(item, grid) for item in group]
        miss = _day_miss(group, covers, pds, grid)
        if memo is not None and memo.cells + miss.size <= _KEPT_DAY_CELLS:
            miss.flags.writeable = False
            memo.misses[key] = (grid, tuple(group), miss)
            memo.cells += miss.size
    return _found_log(1.0 - miss, group[0], grid, as_of=as_of, settings=settings)


def _search_pds(
    group: Sequence[Searched], *, as_of: dt.date, settings: Settings
) -> list[float]:
    """Each search's ``pd`` on its day: times its chance of being true, faded."""
    pds = []
    for item in group:
        pd = item.pd * item.p_true(settings.grades)
        if settings.search_memory_days is not None:
            pd *= math.exp(-item.age_days(as_of) / settings.search_memory_days)
        pds.append(pd)
    return pds


def _found_log(
    found: FloatArray,
    first: Searched,
    grid: Grid,
    *,
    as_of: dt.date,
    settings: Settings,
) -> FloatArray:
    """``log(1 − found)``, the share ``found`` on the day of ``first`` moved since."""
    # a target in a cell now was in the share found then with moved_cover's
    # chance: it may have walked in since (one day's searches share one walk)
    walk_km = walk_sigma_km(first, as_of=as_of, settings=settings)
    if walk_km > 0.0:
        found = moved_cover(found, grid, walk_km)
    with np.errstate(divide="ignore"):
        return np.asarray(np.log1p(-found))


def _day_miss(
    group: Sequence[Searched],
    covers: Sequence[FloatArray],
    pds: Sequence[float],
    grid: Grid,
) -> FloatArray:
    """Each cell's chance that all of one day's searches missed a target in it.

    The target is anywhere in the cell, alike: ``∫ Π_s (1 − pd_s·1[x ∈ A_s])
    dx / area``. Where each search covers the cell wholly or not at all, or
    only one covers it in part, that is ``Π_s (1 − pd_s·c_s)``. Where two or
    more cover it in part, it depends on how their shares overlap (two
    sorties over one half of a cell miss with ``1 − c·(1 − (1 − p₁)(1 −
    p₂))``, over its two halves with ``1 − c₁p₁ − c₂p₂``): the cell's square is
    cut by their areas, in the grid's plane, and each piece counts with its
    own miss.
    """
    miss = np.ones(grid.n_cells)
    for cover, pd in zip(covers, pds, strict=True):
        miss *= 1.0 - pd * cover
    partial = [(c > 0.0) & (c < 1.0) for c in covers]
    cells = np.flatnonzero(sum(p.astype(np.int64) for p in partial) >= 2)
    if cells.size == 0:
        return miss
    from geosleuth.geometry import _plane_shape

    shapes = [
        _plane_shape(s.area, grid, s.buffer_km) if p[cells].any() else None
        for s, p in zip(group, partial, strict=True)
    ]
    centres = grid.x_km, grid.y_km
    for j in cells.tolist():
        whole, held = _cell_cut(
            j, [float(c[j]) for c in covers], pds, lambda k: shapes[k], grid, centres
        )
        miss[j] = whole * min(max(held, 0.0), 1.0)
    return miss


def _cell_cut(
    j: int,
    cover: Sequence[float | None],
    pds: Sequence[float],
    shape: Callable[[int], Any],
    grid: Grid,
    centres: tuple[FloatArray, FloatArray],
) -> tuple[float, float]:
    """One cell's miss by the searches that cover it, cut as :func:`_day_miss` does.

    ``cover`` is each search's share of cell ``j`` (None: a search left out),
    ``shape(k)`` search ``k``'s area in the grid's plane, ``centres`` the grid's
    column and row centres (:attr:`~geosleuth.grid.Grid.x_km` and
    :attr:`~geosleuth.grid.Grid.y_km`, made once for the many cells a caller
    cuts). Returns ``(whole, held)``: the miss of those that cover the cell
    wholly, and the share of the cell, each piece weighted by its miss, of those
    that cover it in part.
    """
    import shapely

    x = float(centres[0][j % grid.nx])  # the cell's centre
    y = float(centres[1][j // grid.nx])
    h = grid.cell_km / 2.0
    pieces = [(shapely.box(x - h, y - h, x + h, y + h), 1.0)]
    whole = 1.0  # the searches that cover the cell wholly
    for k, (c, pd) in enumerate(zip(cover, pds, strict=True)):
        if c is None:
            continue
        if c >= 1.0:
            whole *= 1.0 - pd
        elif c > 0.0:
            cut = []
            for piece, m in pieces:
                inside = shapely.intersection(piece, shape(k))
                outside = shapely.difference(piece, shape(k))
                if inside.area > 0.0:
                    cut.append((inside, m * (1.0 - pd)))
                if outside.area > 0.0:
                    cut.append((outside, m))
            pieces = cut
    held = sum(piece.area * m for piece, m in pieces) / grid.cell_km**2
    return whole, held


#: The cells of each block :class:`SearchDay` gathers every search's share of
#: at once (searches × cells float64: 8 MB for 16 searches).
_BLOCK_CELLS = 65_536


class SearchDay:
    """One day's (or one moment's) searches, combined, with each left out in turn.

    :meth:`log_without` of search ``k`` is :func:`search_day_log` of the day's
    other searches, to the same floats, at a fraction of the cost: each
    search's share of the cells (:func:`_search_cover`) is computed once and
    kept as the cells it covers, and so is the cut of each cell that two or
    more cover in part (:func:`_day_miss`). Without search ``k`` only the
    cells ``k`` covers change: there the others' product is taken again, in
    the same order; a cell ``k`` covers wholly keeps its cut; one it covers in
    part is cut again by the others. Leaving out each of a day's ``n``
    searches then costs ``n`` coverages, not ``n²`` (review r60, M2: a plan
    recorded as a dozen bands, three plans a day).

    ``coverages`` counts the coverages made; ``kept_cells`` the cells kept,
    summed over the searches (16 bytes each).

    Examples
    --------
    >>> from geosleuth.evidence import Provenance
    >>> g = Grid.around(0.0, 0.0, radius_km=10.0, cell_km=1.0)
    >>> day = dt.date(2024, 1, 1)
    >>> def sortie(i, lon, pd):
    ...     return Searched(id=i, provenance=Provenance(document="log"), date=day,
    ...                     area=Point(lon, 0.0), buffer_km=2.2, pd=pd)
    >>> group = [sortie("a", 0.0, 0.5), sortie("b", 0.01, 0.6), sortie("c", 0.02, 0.7)]
    >>> later, settings = dt.date(2024, 1, 4), Settings()
    >>> searches = SearchDay(group, g, as_of=later, settings=settings)
    >>> slow = search_day_log(group[::2], g, as_of=later, settings=settings)
    >>> bool(np.array_equal(searches.log_without(1), slow)), searches.coverages
    (True, 3)
    """

    def __init__(
        self,
        group: Sequence[Searched],
        grid: Grid,
        *,
        as_of: dt.date,
        settings: Settings,
    ) -> None:
        self.group = tuple(group)
        self._grid = grid
        self._as_of = as_of
        self._settings = settings
        self._pds = _search_pds(group, as_of=as_of, settings=settings)
        self._cells: list[Any] = []  # each search's covered cells, ascending
        self._shares: list[FloatArray] = []  # and its share of each
        self._shapes: dict[int, Any] = {}  # each search's area in the plane
        self._centres = grid.x_km, grid.y_km  # the cells' (for their cuts)
        miss = np.ones(grid.n_cells)
        n_partial = np.zeros(grid.n_cells, dtype=np.int64)
        for item, pd in zip(self.group, self._pds, strict=True):
            cover = _search_cover(item, grid)
            miss *= 1.0 - pd * cover
            n_partial += (cover > 0.0) & (cover < 1.0)
            at = np.flatnonzero(cover)
            self._cells.append(at)
            self._shares.append(cover[at])
        self.coverages = len(self.group)
        self.kept_cells = sum(int(at.size) for at in self._cells)
        self._n_partial = n_partial
        self._held: dict[int, float] = {}  # each cut cell's held share
        cut = np.flatnonzero(n_partial >= 2)
        for start in range(0, cut.size, _BLOCK_CELLS):  # a bounded block at once
            block = cut[start : start + _BLOCK_CELLS]
            shares = self._gather(block)
            for col, j in enumerate(block.tolist()):
                here: list[float | None] = shares[:, col].tolist()
                whole, held = _cell_cut(
                    j, here, self._pds, self._shape, grid, self._centres
                )
                self._held[j] = held
                miss[j] = whole * min(max(held, 0.0), 1.0)
        self._miss = miss

    def _shape(self, k: int) -> Any:
        got = self._shapes.get(k)
        if got is None:
            from geosleuth.geometry import _plane_shape

            s = self.group[k]
            got = self._shapes[k] = _plane_shape(s.area, self._grid, s.buffer_km)
        return got

    def _gather(self, cells: Any) -> FloatArray:
        """Each search's share of ``cells`` (ascending), shape ``(n, len(cells))``."""
        out = np.zeros((len(self.group), cells.size))
        for i, (at, share) in enumerate(zip(self._cells, self._shares, strict=True)):
            pos = np.minimum(np.searchsorted(at, cells), at.size - 1)
            hit = at[pos] == cells
            out[i, hit] = share[pos[hit]]
        return out

    def log(self) -> FloatArray:
        """:func:`search_day_log` of the whole day."""
        return _found_log(
            1.0 - self._miss,
            self.group[0],
            self._grid,
            as_of=self._as_of,
            settings=self._settings,
        )

    def log_without(self, k: int) -> FloatArray:
        """:func:`search_day_log` of the day's searches but the ``k``-th."""
        others = [i for i, _ in enumerate(self.group) if i != k]
        if not others:
            raise ValueError("A day of one search has no others to combine.")
        miss = self._miss.copy()
        for start in range(0, self._cells[k].size, _BLOCK_CELLS):
            cells = self._cells[k][start : start + _BLOCK_CELLS]
            shares = self._gather(cells)
            product = np.ones(cells.size)
            for i in others:
                product *= 1.0 - self._pds[i] * shares[i]
            miss[cells] = product
            mine = shares[k]
            partial = (mine > 0.0) & (mine < 1.0)
            for col in np.flatnonzero(self._n_partial[cells] - partial >= 2).tolist():
                j = int(cells[col])
                if partial[col]:  # cut again by the others
                    cover: list[float | None] = shares[:, col].tolist()
                    cover[k] = None
                    whole, held = _cell_cut(
                        j, cover, self._pds, self._shape, self._grid, self._centres
                    )
                else:  # covered wholly by k: the others' cut stands
                    whole, held = 1.0, self._held[j]
                    for i in others:
                        if shares[i, col] >= 1.0:
                            whole *= 1.0 - self._pds[i]
                miss[j] = whole * min(max(held, 0.0), 1.0)
        return _found_log(
            1.0 - miss,
            self.group[others[0]],
            self._grid,
            as_of=self._as_of,
            settings=self._settings,
        )


def search_day_key(
    item: Searched,
) -> tuple[dt.date | None, dt.date, dt.time | None]:
    """The day whose searches combine into one factor (:func:`search_day_log`).

    Searches of one day with different times of day are made at different
    moments, when the target may have been elsewhere: each moment is a day of
    its own here, moved by its own walk since.
    """
    return (item.date_from, item.date, item.time)


def search_day_name(key: tuple[dt.date | None, dt.date, dt.time | None]) -> str:
    """A day of several searches, named: "searched on 2024-10-13 at 06:00"."""
    since, day, at = key
    name = f"searched on {day}" if since is None else f"searched {since} – {day}"
    return name if at is None else f"{name} at {time_text(at)}"
