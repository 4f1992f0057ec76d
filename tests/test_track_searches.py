"""Timed searches threaded through the track of the target's timed fixes.

A search made at 11:00 between a fix at 08:00 and one at 14:00 says where the
walker was not at 11:00. Moved on by the walk alone to the map's moment and
multiplied with the track, it weighed as much whether he could have been
there at 11:00 or not. Threaded, it is a step of the track's forward pass
(:func:`geosleuth.fuse.track.track_searches_log`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geosleuth.errors import InputError
from geosleuth.evidence import AsOf, EvidenceItem, Grade, Provenance, Searched, Sighting
from geosleuth.fuse import Settings, factors, fuse
from geosleuth.fuse.track import TRACK, TRACK_SEARCHES, track_searches_log, walked
from geosleuth.fuse.track_factors import fix_layer
from geosleuth.geometry import Area, Point
from geosleuth.grid import Grid

pytestmark = pytest.mark.filterwarnings("ignore::geosleuth.errors.GeosleuthWarning")
DAY = dt.date(2024, 10, 12)
P = Provenance(document="log")
GRID = Grid.around(0.0, 0.0, radius_km=12.0, cell_km=0.5)
X, Y = GRID.cell_xy_km()
ST = Settings(diffusion_km2_per_day=24.0)  # σ 1 km after an hour
END = DAY + dt.timedelta(days=1)


def _at(hour: float) -> dt.time:
    return dt.time(int(hour), round(60 * (hour % 1)))


def _fix(item_id: str, x_km: float, hour: float, **kw: object) -> Sighting:
    lon, lat = GRID.xy_km_to_lonlat(x_km, 0.0)
    return Sighting(
        id=item_id,
        provenance=P,
        date=DAY,
        time=_at(hour),
        place=Point(float(lon), float(lat)),
        sigma_km=0.3,
        grade=Grade.parse("A1"),
        **kw,  # type: ignore[arg-type]
    )


def _box(x0: float, x1: float, y0: float = -2.0, y1: float = 2.0) -> Area:
    (lon0, lat0), (lon1, lat1) = (
        GRID.xy_km_to_lonlat(x0, y0),
        GRID.xy_km_to_lonlat(x1, y1),
    )
    return Area.box(float(lon0), float(lat0), float(lon1), float(lat1))


def _search(
    item_id: str, hour: float | None, x0: float, x1: float, pd: float = 0.9
) -> Searched:
    return Searched(
        id=item_id,
        provenance=P,
        date=DAY,
        time=None if hour is None else _at(hour),
        area=_box(x0, x1),
        pd=pd,
    )


def _tv(p: np.ndarray, q: np.ndarray) -> float:
    return 0.5 * float(np.abs(p - q).sum())


def _filter(members: list[tuple[float, np.ndarray | None]], now: float) -> np.ndarray:
    """The forward pass written out: each layer at its moment, walked between
    (a layer of None: a step of the walk only)."""
    members = sorted(members, key=lambda m: m[0])
    first = members[0][1]
    p = np.exp(first) if first is not None else np.ones(GRID.n_cells)
    then = members[0][0]
    for moment, log_l in members[1:]:
        p = walked(p, GRID, np.sqrt(24.0 * (moment - then)), cutoff=5.0)
        if log_l is not None:
            p = p * np.exp(log_l)
        then = moment
    p = walked(p, GRID, np.sqrt(24.0 * (now - then)), cutoff=5.0)
    return np.asarray(p / p.sum())


def _miss_layer(s: Searched) -> np.ndarray:
    from geosleuth.fuse.searches import search_day_log

    still = replace(ST, diffusion_km2_per_day=0.0)
    return search_day_log([s], GRID, as_of=END, settings=still)


def test_a_search_between_fixes_is_a_step_of_the_filter() -> None:
    """The map is the track of the fixes times the chance the searches missed
    given them: the pass with the search over the pass without it, walked in
    the same steps (the pass without steps to the search's moment and on).
    That is the forward pass through fixes and search, to the difference that
    walking in two steps makes on the grid."""
    a, b = _fix("A", -3.0, 8.0), _fix("B", 3.0, 14.0)
    s = _search("S", 11.0, -1.0, 1.0)
    est = fuse([a, s, b], GRID, as_of=END, settings=ST, contributions=False)
    now = END.toordinal() + 1.0
    la, lb = fix_layer(a, GRID, settings=ST), fix_layer(b, GRID, settings=ST)
    track = _filter([(a.moment, la), (b.moment, lb)], now)
    both = _filter([(a.moment, la), (s.moment, _miss_layer(s)), (b.moment, lb)], now)
    alone = _filter([(a.moment, la), (s.moment, None), (b.moment, lb)], now)
    want = track * both / alone
    assert np.allclose(est.posterior, want / want.sum(), atol=1e-12)
    assert _tv(est.posterior, both) < 1e-3  # the filter through all three
    facs, _ = factors([a, s, b], GRID, as_of=END, settings=ST)
    assert [(f.key, f.kind, f.item_ids) for f in facs] == [
        (TRACK, TRACK, ("A", "B")),
        (TRACK_SEARCHES, "searched", ("S",)),
    ]


def test_a_search_at_a_fix_s_moment_is_exactly_a_step_of_the_filter() -> None:
    a, b = _fix("A", -3.0, 8.0), _fix("B", 3.0, 14.0)
    s = _search("S", 14.0, -1.0, 4.0)
    est = fuse([a, s, b], GRID, as_of=END, settings=ST, contributions=False)
    now = END.toordinal() + 1.0
    la, lb = fix_layer(a, GRID, settings=ST), fix_layer(b, GRID, settings=ST)
    exact = _filter([(a.moment, la), (s.moment, _miss_layer(s)), (b.moment, lb)], now)
    assert np.allclose(est.posterior, exact, atol=1e-12)


def test_a_search_that_can_find_nothing_changes_nothing() -> None:
    """Review r37, M2: a search of pd 1e-9 in a far corner moved the map by up
    to 7e-4 (the pass with it walked in two steps, the pass without in one,
    and the ratio was cut at 1)."""
    a, b = _fix("A", -3.0, 8.0), _fix("B", 3.0, 14.0)
    nothing = [_search(f"n{k}", 14.5 + k / 4, -11.0, -10.0, pd=1e-9) for k in range(8)]
    as_of = AsOf.of(DAY, dt.time(20, 0))
    plain = fuse([a, b], GRID, as_of=as_of, settings=ST, contributions=False)
    est = fuse([a, b, *nothing], GRID, as_of=as_of, settings=ST)
    assert _tv(plain.posterior, est.posterior) < 1e-8
    shifts = {c.item_id: c.map_shift for c in est.contributions}
    assert max(shifts[n.id] for n in nothing) < 1e-8
    assert shifts["B"] > 0.1


def test_a_search_counts_by_where_the_walker_could_be_at_its_moment() -> None:
    """A search of the east end at 08:30, when he had just been seen in the
    west, takes less than the same search at 13:54, minutes before he is seen
    there; moved by the walk alone the two had weighed nearly alike."""
    a, b = _fix("A", -3.0, 8.0), _fix("B", 3.0, 14.0)
    east = (np.abs(X - 3.0) <= 2.0) & (np.abs(Y) <= 2.0)
    no_search = fuse([a, b], GRID, as_of=END, settings=ST, contributions=False)
    before = float(no_search.posterior[east].sum())
    taken = {}
    for hour in (8.5, 13.9):
        s = _search("S", hour, 1.0, 5.0)
        est = fuse([a, s, b], GRID, as_of=END, settings=ST, contributions=False)
        taken[hour] = before - float(est.posterior[east].sum())
    assert 0.0 < taken[8.5] < 0.5 * taken[13.9]


def test_each_fix_and_search_left_out_is_the_map_without_it() -> None:
    items: list[EvidenceItem] = [
        _fix("car", -5.0, 8.0),
        _search("dawn", 7.0, 2.0, 6.0),
        _fix("summit", 0.0, 11.5),
        _search("noon", 12.0, -2.0, 1.0, pd=0.7),
        _search("noon-2", 12.0, 0.5, 3.0, pd=0.6),
        _fix("phone", 4.0, 15.0),
        _search("late", 16.0, 3.0, 6.0, pd=0.5),
    ]
    est = fuse(items, GRID, as_of=END, settings=ST)
    shifts = {c.item_id: c.map_shift for c in est.contributions}
    assert set(shifts) == {i.id for i in items}
    for item in items:
        rest = [i for i in items if i is not item]
        without = fuse(rest, GRID, as_of=END, settings=ST, contributions=False)
        assert shifts[item.id] == pytest.approx(
            _tv(est.posterior, without.posterior), abs=1e-9
        ), item.id
    assert all(c.whole is None for c in est.contributions)


def test_with_two_fixes_one_left_out_leaves_a_track_of_one_fix() -> None:
    items: list[EvidenceItem] = [
        _fix("car", -5.0, 8.0),
        _search("S", 11.0, -2.0, 2.0),
        _fix("phone", 4.0, 15.0),
    ]
    est = fuse(items, GRID, as_of=END, settings=ST)
    for c in est.contributions:
        rest = [i for i in items if i.id != c.item_id]
        without = fuse(rest, GRID, as_of=END, settings=ST, contributions=False)
        assert c.map_shift == pytest.approx(
            _tv(est.posterior, without.posterior), abs=1e-9
        )
    facs, _ = factors(items[:2], GRID, as_of=END, settings=ST)
    assert [f.key for f in facs] == [TRACK, TRACK_SEARCHES]


def test_untimed_searches_and_those_of_a_period_are_not_threaded() -> None:
    a, b = _fix("A", -3.0, 8.0), _fix("B", 3.0, 14.0)
    untimed = _search("U", None, -1.0, 1.0)
    period = replace(
        _search("P", None, -1.0, 1.0), date_from=DAY - dt.timedelta(days=1)
    )
    facs, _ = factors([a, b, untimed, period], GRID, as_of=END, settings=ST)
    assert sorted(f.key for f in facs) == ["P", "U", TRACK]


def test_a_search_at_the_map_s_moment_is_the_track_s_last_step_as_it_is() -> None:
    a, b = _fix("A", -3.0, 8.0), _fix("B", 3.0, 14.0)
    s = _search("S", 15.0, -1.0, 1.0)
    as_of = END.__class__(DAY.year, DAY.month, DAY.day)  # a plain date: its end
    facs, _ = factors([a, b, s], GRID, as_of=as_of, settings=ST)
    assert TRACK_SEARCHES in {f.key for f in facs}
    from geosleuth.evidence import AsOf

    at_15 = AsOf.of(DAY, dt.time(15, 0))
    facs, _ = factors([a, b, s], GRID, as_of=at_15, settings=ST)
    assert {f.key for f in facs} == {TRACK, "S"}


def test_fixes_all_outside_the_grid_leave_the_searches_used() -> None:
    far = [
        replace(_fix("A", 0.0, 8.0), place=Point(40.0, 0.0)),
        replace(_fix("B", 0.0, 14.0), place=Point(41.0, 0.0)),
    ]
    s = _search("S", 11.0, -1.0, 1.0)
    facs, skipped = factors([*far, s], GRID, as_of=END, settings=ST)
    assert [f.key for f in facs] == ["S"]
    assert sorted(i for i, _ in skipped) == ["A", "B"]


def test_correlated_fixes_weigh_in_the_searches_factor_too() -> None:
    """With source_correlation the fixes of one document are raised to its
    weight before the track follows them; the searches threaded through it
    follow the same weighted fixes, so the two factors still sum to one
    filter."""
    police = Provenance(document="Police log", published=DAY)
    st_ = replace(ST, source_correlation=0.9)
    fixes = [
        replace(_fix("car", -5.0, 8.0), provenance=police),
        replace(_fix("summit", 0.0, 11.5), provenance=police),
        replace(_fix("phone", 4.0, 15.0), provenance=police),
    ]
    s = _search("S", 13.0, 0.0, 3.0)
    est = fuse([*fixes, s], GRID, as_of=END, settings=st_, contributions=False)
    w = 1 / (1 + 2 * 0.9)
    now = END.toordinal() + 1.0
    weighed = [(f.moment, w * fix_layer(f, GRID, settings=st_)) for f in fixes]
    track = _filter(list(weighed), now)
    both = _filter([*weighed, (s.moment, _miss_layer(s))], now)
    alone = _filter([*weighed, (s.moment, None)], now)
    want = track * both / alone
    assert np.allclose(est.posterior, want / want.sum(), atol=1e-12)


def test_a_search_found_figure_is_judged_at_its_moment() -> None:
    """What a threaded search could have found is still judged on the smoother
    of its moment (the fixes before it forward, those after mirrored back)."""
    a, b = _fix("A", 0.0, 6.0), _fix("B", 6.0, 9.0)
    s = _search("S", 7.0, -1.0, 1.0, pd=0.8)
    est = fuse([a, s, b], GRID, as_of=END, settings=ST, contributions=False)
    assert 0.0 < est.search_found["S"] < 0.8
    assert est.search_miss == pytest.approx(1.0 - est.search_found["S"], abs=1e-12)


@settings(max_examples=40, deadline=None)
@given(
    xs=st.lists(st.floats(-8, 8), min_size=1, max_size=3),
    boxes=st.lists(
        st.tuples(st.floats(-9, 7), st.floats(0.5, 4), st.floats(0.05, 0.99)),
        min_size=1,
        max_size=3,
    ),
    hours=st.lists(st.floats(0, 23.9), min_size=6, max_size=6),
    walk=st.sampled_from([0.0, 5.0, 40.0]),
)
def test_the_searches_factor_never_raises_a_cell_and_is_the_product_without_a_walk(
    xs: list[float],
    boxes: list[tuple[float, float, float]],
    hours: list[float],
    walk: float,
) -> None:
    fixes = [
        (h / 24, np.log(0.9 * np.exp(-0.5 * (X - x) ** 2) + 0.1))
        for x, h in zip(xs, hours, strict=False)
    ]
    searches = [
        (h / 24, np.log1p(-pd * (np.abs(X - x0 - w / 2) <= w / 2)))
        for (x0, w, pd), h in zip(boxes, hours[3:], strict=False)
    ]
    got = track_searches_log(
        fixes, searches, GRID, now=1.0, diffusion_km2_per_day=walk, cutoff=5.0
    )
    assert np.all(got <= 0.0)
    if walk == 0.0:  # no walk: the searches' own misses, multiplied
        product = sum(s for _, s in searches)
        assert np.allclose(got, product, atol=1e-9)


def test_searches_that_leave_no_possible_cell_give_no_possible_cell() -> None:
    fixes = [(0.3, -0.5 * X**2), (0.5, -0.5 * (X - 1.0) ** 2)]
    everywhere = np.full(GRID.n_cells, -np.inf)
    got = track_searches_log(
        fixes, [(0.4, everywhere)], GRID, now=1.0, diffusion_km2_per_day=5.0, cutoff=5.0
    )
    assert np.all(np.isneginf(got))


def test_a_long_track_with_searches_reports_whole_shifts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from geosleuth.fuse import contributions

    monkeypatch.setattr(contributions, "_TRACK_WALK_CELLS", 100 * GRID.n_cells)
    assert contributions.track_limit(GRID.n_cells) == 10
    fixes = [_fix(f"f{k}", -6.0 + k, 6.0 + k) for k in range(9)]
    searches = [_search("s1", 9.5, -3.0, 0.0), _search("s2", 12.5, 0.0, 3.0)]
    est = fuse([*fixes, *searches], GRID, as_of=END, settings=ST)
    by_id = {c.item_id: c for c in est.contributions}
    assert {by_id[f.id].whole for f in fixes} == {TRACK}
    assert {by_id[s.id].whole for s in searches} == {TRACK_SEARCHES}
    # each whole shift is the map without all of its kind
    no_fixes = fuse(searches, GRID, as_of=END, settings=ST, contributions=False)
    no_searches = fuse(fixes, GRID, as_of=END, settings=ST, contributions=False)
    assert by_id["f0"].map_shift == pytest.approx(
        _tv(est.posterior, no_fixes.posterior), abs=1e-9
    )
    assert by_id["s1"].map_shift == pytest.approx(
        _tv(est.posterior, no_searches.posterior), abs=1e-9
    )


def test_a_certain_search_of_every_cell_puts_the_target_outside() -> None:
    a, b = _fix("A", -3.0, 8.0), _fix("B", 3.0, 14.0)
    s = Searched(
        id="S",
        provenance=P,
        date=DAY,
        time=_at(11.0),
        area=_box(-30.0, 30.0, -30.0, 30.0),
        pd=1.0,
    )
    assert s.p_true() == 1.0
    with pytest.raises(InputError, match="no possible cell"):
        fuse([a, s, b], GRID, as_of=END, settings=ST)
    est = fuse([a, s, b], GRID, as_of=END, settings=replace(ST, rest_of_world=0.1))
    assert est.p_outside == 1.0 and est.search_miss == 0.0
    # the map shown is the one before the searches: the track of the fixes
    track = fuse([a, b], GRID, as_of=END, settings=ST, contributions=False)
    assert np.allclose(est.posterior, track.posterior, atol=1e-12)


def test_locate_shows_a_long_track_s_searches_once() -> None:
    from types import SimpleNamespace

    from geosleuth.cli.locate import _movers
    from geosleuth.fuse import Contribution

    cs = [
        Contribution("f1", "sighting", 0.4, 0.0, whole=TRACK),
        Contribution("f2", "sighting", 0.4, 0.0, whole=TRACK),
        Contribution("s1", "searched", 0.2, 0.0, whole=TRACK_SEARCHES),
        Contribution("s2", "searched", 0.2, 0.0, whole=TRACK_SEARCHES),
        Contribution("s3", "searched", 0.2, 0.0, whole=TRACK_SEARCHES),
    ]
    assert _movers(SimpleNamespace(contributions=cs)) == [  # type: ignore[arg-type]
        "the track of 2 fixes (0.40)",
        "the 3 searches on the track (0.20)",
    ]


@settings(max_examples=30, deadline=None)
@given(
    xs=st.lists(st.floats(-8, 8), min_size=2, max_size=4),
    boxes=st.lists(
        st.tuples(st.floats(-9, 7), st.floats(0.5, 4), st.floats(0.05, 0.99)),
        min_size=0,
        max_size=3,
    ),
    hours=st.lists(
        st.sampled_from([1.0, 5.0, 5.0, 9.5, 13.0, 20.0]), min_size=7, max_size=7
    ),
    instead=st.floats(0.05, 0.99),
)
def test_the_kept_passes_leave_one_out_as_following_the_rest_again(
    xs: list[float],
    boxes: list[tuple[float, float, float]],
    hours: list[float],
    instead: float,
) -> None:
    """:class:`TrackPasses` resumes each pass before the member left out; it
    gives what following the rest from scratch gives (ties of moments and a
    member that alone began the passes included)."""
    from geosleuth.fuse.track import TrackPasses, track_log, track_with_searches_log

    kw = {"now": 1.0, "diffusion_km2_per_day": 20.0, "cutoff": 5.0}
    fixes = [
        (h / 24, np.log(0.9 * np.exp(-0.5 * (X - x) ** 2) + 0.1))
        for x, h in zip(xs, hours, strict=False)
    ]
    searches = [
        (h / 24, np.log1p(-pd * (np.abs(X - x0 - w / 2) <= w / 2)))
        for (x0, w, pd), h in zip(boxes, hours[4:], strict=False)
    ]
    passes = TrackPasses(fixes, searches, GRID, **kw)

    def fresh(
        fs: list[tuple[float, np.ndarray]], ss: list[tuple[float, np.ndarray]]
    ) -> tuple[np.ndarray, np.ndarray | None]:
        if not ss:
            return track_log(fs, GRID, **kw), None
        return track_with_searches_log(fs, ss, GRID, **kw)

    def same(
        a: tuple[np.ndarray, np.ndarray | None], b: tuple[np.ndarray, np.ndarray | None]
    ) -> None:
        assert np.allclose(a[0], b[0], atol=1e-9)
        assert (a[1] is None) == (b[1] is None)
        if a[1] is not None and b[1] is not None:
            assert np.allclose(a[1], b[1], atol=1e-9)

    for k in range(len(fixes)):
        rest = [f for j, f in enumerate(fixes) if j != k]
        same(passes.without_fix(k), fresh(rest, searches))
    for k in range(len(searches)):
        rest = [s for j, s in enumerate(searches) if j != k]
        same(passes.without_search(k), fresh(fixes, rest))
        lighter = np.log1p(-instead * (searches[k][1] < 0))
        same(
            passes.without_search(k, lighter),
            fresh(fixes, [*rest, (searches[k][0], lighter)]),
        )


def test_a_fix_outside_the_grid_makes_no_track_and_moves_nothing() -> None:
    """Review r37, M1: one fix in the grid and one outside made a one-fix
    track, and the searches were threaded through it, while the one outside
    was listed as moving nothing. (One fix in the grid is now a track for
    the searches after it: the one outside is in neither.)"""
    a, s = _fix("A", -3.0, 8.0), _search("S", 11.0, -1.0, 1.0)
    far = replace(_fix("F", 0.0, 10.0), place=Point(40.0, 0.0))
    facs, skipped = factors([a, far, s], GRID, as_of=END, settings=ST)
    assert [(f.key, f.item_ids) for f in facs] == [
        (TRACK, ("A",)),
        (TRACK_SEARCHES, ("S",)),
    ]
    assert [i for i, _ in skipped] == ["F"]
    with_far = fuse([a, far, s], GRID, as_of=END, settings=ST, contributions=False)
    without = fuse([a, s], GRID, as_of=END, settings=ST, contributions=False)
    assert np.allclose(with_far.posterior, without.posterior, atol=1e-15)
    assert with_far.search_miss == pytest.approx(without.search_miss, abs=1e-15)


def test_the_map_of_a_search_s_moment_threads_the_searches_before_it() -> None:
    """Review r37, L2: judging a search at its moment, the searches before it
    are threaded through the fixes up to it, even through one fix alone (as
    the case's map now threads them too)."""
    a, s1 = _fix("A", -3.0, 8.0), _search("S1", 9.0, -4.0, -1.0)
    threaded, _ = factors([a, s1], GRID, as_of=END, settings=ST)
    assert [f.key for f in threaded] == [TRACK, TRACK_SEARCHES]
    # no search to thread: the fix is an item of its own
    alone, _ = factors([a], GRID, as_of=END, settings=ST)
    assert [f.key for f in alone] == ["A"]
