"""Helper p69: leaving each of a day's many searches out costs n coverages, not n².

Review r60 (M2): ``searched --plan`` records a plan as a dozen bands, so a day
of three plans carries ~35 searches, and ``locate`` recomputed every other
search of the day for each one left out. :class:`SearchDay` keeps each
search's share of the cells and each cut cell once; :func:`kept_searches`
keeps each day's combined miss for the case's other maps. Both must give the
floats the direct computation gives.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import replace

import numpy as np
import pytest

from geosleuth.evidence import Grade, Provenance, Searched, Sighting
from geosleuth.fuse import Settings, fuse, searches
from geosleuth.fuse import contributions as contributions_module
from geosleuth.fuse import estimate as estimate_module
from geosleuth.fuse.searches import SearchDay, kept_searches, search_day_log
from geosleuth.geometry import Area, Point
from geosleuth.grid import Grid

DAY = dt.date(2024, 10, 13)
LATER = dt.date(2024, 10, 15)
GRID = Grid.around(-4.05, 53.07, radius_km=5.0, cell_km=0.25)  # 40 × 40 cells
ST = Settings(rest_of_world=0.1)


def _square(grid: Grid, x_km: float, y_km: float, half_km: float, turn: float):
    """A square of side 2·half_km turned by ``turn`` rad: cut cells at its edges."""
    corners = [
        (x_km + half_km * math.cos(turn + a), y_km + half_km * math.sin(turn + a))
        for a in (0.25 * math.pi, 0.75 * math.pi, 1.25 * math.pi, 1.75 * math.pi)
    ]
    lons, lats = grid.xy_km_to_lonlat(*map(np.array, zip(*corners, strict=True)))
    return Area.of(np.column_stack([lons, lats]).tolist())


def _searches(
    n: int,
    *,
    time: dt.time | None = None,
    seed: int = 0,
    spread_km: float = 1.2,
    grid: Grid = GRID,
) -> list[Searched]:
    """``n`` searches of one day, overlapping: many cells cut by two or more."""
    rng = np.random.default_rng(seed)
    out = []
    for k in range(n):
        x, y = rng.uniform(-spread_km, spread_km, size=2)
        if k % 5 == 4:  # now and then a buffered point, wholly covering some cells
            lon, lat = grid.xy_km_to_lonlat(float(x), float(y))
            area, buffer_km = Point(float(lon), float(lat)), 0.6
        else:
            area = _square(grid, float(x), float(y), float(rng.uniform(0.4, 1.0)), k)
            buffer_km = 0.0
        out.append(
            Searched(
                id=f"s{k}",
                provenance=Provenance(document=f"log{k % 3}"),
                date=DAY,
                time=time,
                area=area,
                buffer_km=buffer_km,
                pd=float(rng.uniform(0.1, 0.6)),
                grade=Grade.parse("B2") if k % 2 else None,
            )
        )
    return out


def _fixes(n: int, grid: Grid = GRID) -> list[Sighting]:
    """A walker's timed fixes before the searches' moment (a track)."""
    out = []
    for k in range(n):
        lon, lat = grid.xy_km_to_lonlat(-1.0 + k * 0.5, 0.3 * k)
        out.append(
            Sighting(
                id=f"f{k}",
                provenance=Provenance(document="phone"),
                date=DAY,
                time=dt.time(6 + k, 0),
                place=Point(float(lon), float(lat)),
                sigma_km=0.4,
            )
        )
    return out


class _SlowDay:
    """The direct path: the day's other searches combined again for each."""

    def __init__(self, group, grid, *, as_of, settings):
        self.group, self.grid = tuple(group), grid
        self.as_of, self.settings = as_of, settings
        self.kept_cells = 0

    def log_without(self, k):
        others = [s for i, s in enumerate(self.group) if i != k]
        return search_day_log(
            others, self.grid, as_of=self.as_of, settings=self.settings
        )


def _figures(est):
    return [
        (c.item_id, c.map_shift, c.p_alive_shift, c.top_place_without, c.whole)
        for c in est.contributions
    ]


# ------------------------------------------------------------ SearchDay itself
@pytest.mark.parametrize(
    "settings",
    [
        ST,
        replace(ST, search_memory_days=2.0),
        replace(ST, diffusion_km2_per_day=0.0),
    ],
    ids=["walk", "memory", "still"],
)
def test_search_day_leaves_each_search_out_to_the_same_floats(settings):
    group = _searches(12)
    day = SearchDay(group, GRID, as_of=LATER, settings=settings)
    assert day.coverages == 12
    whole = search_day_log(group, GRID, as_of=LATER, settings=settings)
    assert np.array_equal(day.log(), whole)
    # the day has cells cut by three searches or more (:func:`_day_miss`)
    covers = [searches._search_cover(s, GRID) for s in group]
    partial = sum(((c > 0) & (c < 1)).astype(int) for c in covers)
    assert (partial >= 3).sum() > 10
    for k in range(len(group)):
        others = group[:k] + group[k + 1 :]
        slow = search_day_log(others, GRID, as_of=LATER, settings=settings)
        assert np.array_equal(day.log_without(k), slow), k


def test_search_day_of_two_leaves_the_other_alone():
    # near miss: without one of two, the other is a day of its own
    group = _searches(2)
    day = SearchDay(group, GRID, as_of=LATER, settings=ST)
    for k in (0, 1):
        alone = search_day_log([group[1 - k]], GRID, as_of=LATER, settings=ST)
        assert np.array_equal(day.log_without(k), alone)
    with pytest.raises(ValueError, match="no others"):
        SearchDay(group[:1], GRID, as_of=LATER, settings=ST).log_without(0)


# --------------------------------------------- leave-one-out through fuse
def _case(kind: str, n: int) -> list:
    if kind == "day":  # untimed: one factor of the day's searches
        return [*_fixes(1), *_searches(n, spread_km=2.5)]
    if kind == "track":  # timed, threaded through a track of 4 fixes
        return [*_fixes(4), *_searches(n, time=dt.time(11, 0), spread_km=2.5)]
    if kind == "two fixes":  # a track too short for its kept passes
        return [*_fixes(2), *_searches(n, time=dt.time(11, 0), spread_km=2.5)]
    # two moments of the track's
    return [
        *_fixes(4),
        *_searches(n // 2, time=dt.time(11, 0), spread_km=2.5),
        *[
            replace(s, id=f"t{s.id}", time=dt.time(10, 0))
            for s in _searches(n - n // 2, seed=1, spread_km=2.5)
        ],
    ]


@pytest.mark.parametrize("kind", ["day", "track", "two fixes", "two moments"])
@pytest.mark.parametrize(
    "settings",
    [ST, replace(ST, source_correlation=0.5)],
    ids=["plain", "correlated"],
)
def test_many_searches_contribute_as_the_direct_path_does(kind, settings, monkeypatch):
    items = _case(kind, 10)
    as_of = dt.date(2024, 10, 13)
    fast = fuse(items, GRID, as_of=as_of, settings=settings)
    monkeypatch.setattr(contributions_module, "SearchDay", _SlowDay)
    slow = fuse(items, GRID, as_of=as_of, settings=settings)
    assert _figures(fast) == _figures(slow)
    assert np.array_equal(fast.posterior, slow.posterior)
    shifts = [c.map_shift for c in fast.contributions if c.kind == "searched"]
    assert len(shifts) == 10 and max(shifts) > 0.0


def test_a_day_search_shift_is_the_map_without_it():
    # a third way: the shift is the distance to the map fused without the item
    items = _case("day", 8)
    as_of = dt.date(2024, 10, 13)
    est = fuse(items, GRID, as_of=as_of, settings=ST)
    for c in est.contributions:
        if c.kind != "searched":
            continue
        rest = fuse(
            [i for i in items if i.id != c.item_id], GRID, as_of=as_of, settings=ST
        )
        tv = 0.5 * float(np.abs(est.posterior - rest.posterior).sum())
        assert c.map_shift == pytest.approx(tv, abs=1e-12)


def test_many_searches_contribute_alike_on_threads():
    items = _case("track", 10)
    as_of = dt.date(2024, 10, 13)
    one = fuse(items, GRID, as_of=as_of, settings=ST)
    two = fuse(items, GRID, as_of=as_of, settings=ST, workers=2)
    assert _figures(one) == _figures(two)


# -------------------------------------------------------- counted, not timed
def _coverages(items, monkeypatch) -> int:
    count = [0]
    real = searches.coverage

    def counted(*args, **kwargs):
        count[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(searches, "coverage", counted)
    fuse(items, GRID, as_of=dt.date(2024, 10, 13), settings=ST)
    monkeypatch.setattr(searches, "coverage", real)
    return count[0]


@pytest.mark.parametrize("kind", ["day", "track", "two fixes"])
def test_leaving_searches_out_costs_coverages_linear_in_their_number(kind, monkeypatch):
    # before: each search left out covered the day's others again, n·(n − 1)
    small = _coverages(_case(kind, 10), monkeypatch)
    large = _coverages(_case(kind, 30), monkeypatch)
    print(kind, small, large)
    assert large <= 4 * 30, large  # 30 · 29 = 870 before
    assert large - small <= 4 * 20  # each search more costs a few, not n


def test_kept_searches_give_the_same_estimate(monkeypatch):
    items = _case("two moments", 10)
    as_of = dt.date(2024, 10, 13)
    kept = fuse(items, GRID, as_of=as_of, settings=replace(ST, search_memory_days=1.0))

    class _Nothing:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return None

    monkeypatch.setattr(estimate_module, "kept_searches", _Nothing)
    again = fuse(items, GRID, as_of=as_of, settings=replace(ST, search_memory_days=1.0))
    assert np.array_equal(kept.posterior, again.posterior)
    assert _figures(kept) == _figures(again)
    assert kept.search_found == again.search_found
    assert kept.p_outside == again.p_outside


def test_kept_searches_are_kept_within_and_dropped_after():
    group = _searches(4)
    settings = ST
    outer = kept_searches()
    with outer:
        a = search_day_log(group, GRID, as_of=LATER, settings=settings)
        assert len(outer.misses) == 1
        with kept_searches() as inner:  # within another: the outer keeps
            b = search_day_log(group, GRID, as_of=LATER, settings=settings)
            assert not inner.misses
        # near miss: another pd (search memory) is another day's miss
        search_day_log(
            group, GRID, as_of=LATER, settings=replace(ST, search_memory_days=3.0)
        )
        assert len(outer.misses) == 2
    assert np.array_equal(a, b)
    assert searches._MEMO.get() is None
    assert np.array_equal(
        search_day_log(group, GRID, as_of=LATER, settings=settings), a
    )
