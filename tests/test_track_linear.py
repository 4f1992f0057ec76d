"""Timed searches judged at their moments in walks linear in their number, and
one timed fix as a track for the searches threaded through it.

Judging each search on the map of its moment
(:func:`geosleuth.fuse.estimate._miss_day_by_day`) followed the track through
the fixes and searches up to the moment, and the fixes after it back, again
for each moment. The passes are now followed once for all the moments
(:class:`geosleuth.fuse.track.TrackMoments`), read in the steps each moment's
own would take: the figures are those of following each from scratch.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from unittest import mock

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geosleuth.evidence import (
    AsOf,
    Claim,
    EvidenceItem,
    Grade,
    Provenance,
    Searched,
    Sighting,
)
from geosleuth.fuse import Settings, factors, fuse
from geosleuth.fuse import track as track_module
from geosleuth.fuse.likelihood import sighting_group_log
from geosleuth.fuse.posterior import normalised
from geosleuth.fuse.searches import search_day_log
from geosleuth.fuse.track import (
    TRACK,
    TRACK_SEARCHES,
    TrackMoments,
    track_log,
    track_searches_log,
    track_with_searches_log,
)
from geosleuth.fuse.track_factors import MomentTracks, Tracks
from geosleuth.geometry import Area, Point
from geosleuth.grid import Grid

pytestmark = pytest.mark.filterwarnings("ignore::geosleuth.errors.GeosleuthWarning")
DAY = dt.date(2024, 10, 12)
P = Provenance(document="log")
GRID = Grid.around(0.0, 0.0, radius_km=8.0, cell_km=0.5)
X, _Y = GRID.cell_xy_km()
ST = Settings(diffusion_km2_per_day=24.0, rest_of_world=0.1)
END = DAY + dt.timedelta(days=1)
KW = {"diffusion_km2_per_day": 20.0, "cutoff": 5.0}


def _at(minutes: int) -> dt.time:
    return dt.time(minutes // 60, minutes % 60)


def _fix(item_id: str, x_km: float, minutes: int, **kw: object) -> Sighting:
    lon, lat = GRID.xy_km_to_lonlat(x_km, 0.0)
    return Sighting(
        id=item_id,
        provenance=P,
        date=DAY,
        time=_at(minutes),
        place=Point(float(lon), float(lat)),
        sigma_km=0.3,
        grade=Grade.parse("B2"),
        **kw,  # type: ignore[arg-type]
    )


def _search(
    item_id: str, minutes: int | None, x0: float, x1: float, pd: float = 0.8
) -> Searched:
    (lon0, lat0), (lon1, lat1) = (
        GRID.xy_km_to_lonlat(x0, -2.0),
        GRID.xy_km_to_lonlat(x1, 2.0),
    )
    return Searched(
        id=item_id,
        provenance=P,
        date=DAY,
        time=None if minutes is None else _at(minutes),
        area=Area.box(float(lon0), float(lat0), float(lon1), float(lat1)),
        pd=pd,
    )


@contextmanager
def _from_scratch(*, backward_only: bool = False) -> Iterator[None]:
    """Each moment's track followed from scratch, as before the shared passes
    (with ``backward_only``, only the backward pass of the fixes after it)."""
    shared = MomentTracks.factors

    def factors_of(
        self: MomentTracks,
        fixes: list[tuple[EvidenceItem, np.ndarray]],
        searches: list[Searched],
        *,
        as_of: dt.date,
    ) -> list[object]:
        if self.backward or not backward_only:
            return Tracks.factors(self, fixes, searches, as_of=as_of)
        return shared(self, fixes, searches, as_of=as_of)  # type: ignore[return-value]

    with mock.patch.object(MomentTracks, "factors", factors_of):
        yield


def _judged(items: list[EvidenceItem], as_of: dt.date = END) -> dict[str, object]:
    est = fuse(items, GRID, as_of=as_of, settings=ST, contributions=False)
    return {
        "miss": est.search_miss,
        "outside": est.p_outside,
        "found": dict(est.search_found),
        "posterior": est.posterior,
    }


def _same(a: dict[str, object], b: dict[str, object], atol: float = 1e-9) -> None:
    """The same figures, to ``atol`` (0: the same floats)."""
    assert np.array_equal(a["posterior"], b["posterior"])  # type: ignore[arg-type]
    found_a, found_b = a["found"], b["found"]
    assert isinstance(found_a, dict) and isinstance(found_b, dict)
    assert list(found_a) == list(found_b)
    if atol == 0.0:
        assert (a["miss"], a["outside"], found_a) == (b["miss"], b["outside"], found_b)
        return
    assert a["miss"] == pytest.approx(b["miss"], abs=atol)
    assert a["outside"] == pytest.approx(b["outside"], abs=atol)
    for k in found_a:
        assert found_a[k] == pytest.approx(found_b[k], abs=atol), k


@st.composite
def _cases(draw: st.DrawFn) -> list[EvidenceItem]:
    """A walker's timed fixes and timed searches of one day (ties of moments,
    searches before the first fix and two searches of one moment included),
    now and then an untimed search."""
    minutes = st.sampled_from(range(6 * 60, 20 * 60, 40))
    n_fixes = draw(st.integers(1, 4))
    items: list[EvidenceItem] = [
        _fix(f"f{k}", draw(st.floats(-5.0, 5.0)), draw(minutes)) for k in range(n_fixes)
    ]
    for k in range(draw(st.integers(1, 6))):
        x0 = draw(st.floats(-6.0, 4.0))
        items.append(
            _search(
                f"s{k}",
                draw(st.none() | minutes) if k == 0 else draw(minutes),
                x0,
                x0 + draw(st.floats(0.5, 3.0)),
                pd=draw(st.floats(0.05, 0.95)),
            )
        )
    return draw(st.permutations(items))


@settings(max_examples=20, deadline=None)
@given(items=_cases(), evening=st.booleans())
def test_each_search_judged_at_its_moment_as_from_scratch(
    items: list[EvidenceItem], evening: bool
) -> None:
    """The shared passes give each moment's figures as following that moment's
    track from scratch does: the forward pass's the same floats (the search
    miss and P(outside)); the backward pass, walked in steps between the
    fixes' own moments rather than those mirrored about each search's (on a
    clock of 7·10⁵ days, a step is only good to 1e-10 of a day), to 1e-9."""
    as_of = AsOf.of(DAY, dt.time(21, 0)) if evening else END
    linear = _judged(items, as_of)
    with _from_scratch():
        again = _judged(items, as_of)
    _same(linear, again, atol=1e-9)
    with _from_scratch(backward_only=True):
        _same(_judged(items, as_of), again, atol=0.0)


@pytest.mark.parametrize(
    ("fix_at", "search_at"), [(14 * 60 + 40, 7 * 60 + 20), (16 * 60, 8 * 60)]
)
def test_a_fix_mirrored_onto_midnight_is_judged_as_from_scratch(
    fix_at: int, search_at: int
) -> None:
    """A later fix mirrored about a search lands on midnight (14:40 about 07:20
    is 00:00): the next day's first second, not 23:59:59 of the day before,
    so the from-scratch moment and the shared backward pass agree (review r42,
    L1: they differed by 8e-6)."""
    items: list[EvidenceItem] = [
        _fix("a", -3.0, 6 * 60),
        _fix("b", 3.0, fix_at),
        _fix("c", 0.0, fix_at + 40),
        _search("s", search_at, -1.0, 2.0),
    ]
    linear = _judged(items)
    with _from_scratch():
        _same(linear, _judged(items), atol=1e-9)


def test_many_searches_judged_as_from_scratch_and_in_linear_walks() -> None:
    """Three fixes and 6, then 12 timed searches between and after them: the
    same figures as from scratch, in a number of walks that grows with the
    number of searches (59, 109), not its square (133, 429 from scratch)."""
    fixes = [_fix("a", -4.0, 7 * 60), _fix("b", 0.0, 11 * 60), _fix("c", 4.0, 15 * 60)]

    def case(n: int) -> list[EvidenceItem]:
        return [
            *fixes,
            *(
                _search(f"s{k}", 6 * 60 + 30 * k + 5, -6.0 + 0.4 * k, -4.0 + 0.4 * k)
                for k in range(n)
            ),
        ]

    walks: dict[int, int] = {}
    real = track_module.walked
    for n in (6, 12):
        count = 0

        def counted(*args: object, **kw: object) -> np.ndarray:
            nonlocal count
            count += 1
            return real(*args, **kw)  # type: ignore[arg-type]

        with mock.patch.object(track_module, "walked", counted):
            linear = _judged(case(n))
        walks[n] = count
        with _from_scratch():
            _same(linear, _judged(case(n)))
    # from scratch, twice the searches took more than three times the walks
    assert walks[12] < 2.0 * walks[6]


def test_a_fix_at_the_edge_of_the_grid_on_some_maps_only_is_followed_again() -> None:
    """A fix whose kernel reaches the grid on the later maps but not on the
    map of its own moment: that map's track is followed from scratch, the
    others read from the passes, all as from scratch."""
    lon, lat = GRID.xy_km_to_lonlat(GRID.east_km + 1.5, 0.0)
    edge = replace(_fix("edge", 0.0, 10 * 60), place=Point(float(lon), float(lat)))
    items: list[EvidenceItem] = [
        _fix("a", -4.0, 8 * 60),
        edge,
        _search("at-edge", 10 * 60, -2.0, 0.0),
        _search("later", 12 * 60, 0.0, 3.0),
        _fix("c", 3.0, 14 * 60),
        _search("last", 16 * 60, 2.0, 5.0),
    ]
    linear = _judged(items)
    with _from_scratch():
        _same(linear, _judged(items))


def test_backward_states_kept_sparsely_give_the_same_figures() -> None:
    """With room for few states of the backward pass, each read follows the
    pass on from the nearest one kept: the same figures."""
    items: list[EvidenceItem] = [
        *(_fix(f"f{k}", -5.0 + 2.0 * k, 7 * 60 + 90 * k) for k in range(6)),
        *(
            _search(f"s{k}", 6 * 60 + 90 * k + 45, -6.0 + 2 * k, -4.0 + 2 * k)
            for k in range(7)
        ),
    ]
    roomy = _judged(items)
    with mock.patch.object(track_module, "_KEPT_STATE_CELLS", 2 * GRID.n_cells):
        _same(roomy, _judged(items), atol=0.0)


def test_the_passes_read_at_a_moment_are_the_track_followed_to_it() -> None:
    """:class:`TrackMoments` read after each member: :func:`track_log` and
    :func:`track_with_searches_log` of the members up to the moment."""

    def fix(at_km: float) -> np.ndarray:
        return np.log(0.99 * np.exp(-0.5 * (X - at_km) ** 2) + 0.01)

    fixes = [(0.30, fix(-3.0)), (0.45, fix(-1.0)), (0.60, fix(1.0)), (0.75, fix(3.0))]
    searches = [
        (t, np.log1p(-0.8 * (np.abs(X - x) <= 1.0)))
        for t, x in [(0.20, 2.0), (0.40, -2.0), (0.45, 0.0), (0.70, 2.0)]
    ]
    moments = TrackMoments(fixes, searches, GRID, **KW)
    for now, n_f, n_s in [(0.40, 1, 1), (0.45, 2, 2), (0.50, 2, 3), (0.70, 3, 3)]:
        assert moments.holds(n_f, n_s)
        fs, ss = fixes[:n_f], searches[:n_s]
        track, searched = track_with_searches_log(fs, ss, GRID, now=now, **KW)
        assert np.array_equal(moments.searched(n_f, n_s, now), searched)
        if n_f > 1:
            assert np.array_equal(moments.track(n_f, now), track)
            assert np.array_equal(
                moments.track(n_f, now), track_log(fs, GRID, now=now, **KW)
            )
    # a search of 0.70 without the fix of 0.60 before it is no first members
    assert not moments.holds(2, 4)
    with pytest.raises(ValueError, match="first members"):
        moments.searched(2, 4, 0.8)


def test_one_fix_and_no_search_is_the_item_it_was() -> None:
    """One timed fix alone is an item like any other, aged from its time."""
    a = _fix("A", -3.0, 8 * 60)
    facs, _ = factors([a], GRID, as_of=END, settings=ST)
    assert [(f.key, f.kind) for f in facs] == [("A", "sighting")]
    own = sighting_group_log([a], GRID, as_of=END, settings=ST)
    assert np.array_equal(facs[0].log_l, own)
    est = fuse([a], GRID, as_of=END, settings=ST, contributions=False)
    assert np.array_equal(est.posterior, normalised(own))


@pytest.mark.parametrize("hour", [7, 11])
def test_one_fix_is_a_track_for_the_searches_threaded_through_it(hour: int) -> None:
    """One fix and a timed search, after it (07:00 is before it: the pass then
    begins at the search, as a 2-fix track's does): the track's factor is the
    fix's own, exactly, and the searches' factor is the pass through both
    over the pass through the fix alone."""
    a = _fix("A", -3.0, 9 * 60)
    s = _search("S", hour * 60, -2.0, 2.0)
    facs, _ = factors([a, s], GRID, as_of=END, settings=ST)
    assert [(f.key, f.item_ids) for f in facs] == [
        (TRACK, ("A",)),
        (TRACK_SEARCHES, ("S",)),
    ]
    own = sighting_group_log([a], GRID, as_of=END, settings=ST)
    assert np.array_equal(facs[0].log_l, own)
    still = replace(ST, diffusion_km2_per_day=0.0)
    layer = search_day_log([s], GRID, as_of=END, settings=still)
    lone, _ = factors([a], GRID, as_of=END, settings=ST)
    from geosleuth.fuse.track_factors import fix_layer

    expected = track_searches_log(
        [(a.moment, fix_layer(a, GRID, settings=ST))],
        [(s.moment, layer)],
        GRID,
        now=END.toordinal() + 1.0,
        diffusion_km2_per_day=24.0,
        cutoff=ST.cutoff_sigmas,
    )
    assert np.array_equal(facs[1].log_l, expected)
    assert np.all(facs[1].log_l <= 0.0)
    assert np.array_equal(lone[0].log_l, own)


def test_a_search_that_can_find_nothing_moves_a_one_fix_map_by_nothing() -> None:
    """A threaded search of pd 1e-9 through one fix: the map is the fix's."""
    a = _fix("A", -3.0, 8 * 60)
    null = _search("S", 11 * 60, -4.0, 0.0, pd=1e-9)
    alone = fuse([a], GRID, as_of=END, settings=ST, contributions=False)
    both = fuse([a, null], GRID, as_of=END, settings=ST, contributions=False)
    assert np.allclose(both.posterior, alone.posterior, rtol=0.0, atol=1e-10)
    assert both.search_miss == pytest.approx(1.0, abs=1e-8)


def test_one_fix_with_searches_moves_the_map_where_they_were() -> None:
    """A search at noon of where the walker seen at 08:00 could have gone
    lowers those cells, and the fix's own cells keep most of theirs."""
    a = _fix("A", -3.0, 8 * 60)
    s = _search("S", 12 * 60, -1.0, 3.0, pd=0.9)
    alone = fuse([a], GRID, as_of=END, settings=ST, contributions=False)
    both = fuse([a, s], GRID, as_of=END, settings=ST, contributions=False)
    east = X > 0.0
    assert both.posterior[east].sum() < alone.posterior[east].sum()
    assert both.search_miss is not None and 0.0 < both.search_miss < 1.0


def _tv(p: np.ndarray, q: np.ndarray) -> float:
    return 0.5 * float(np.abs(p - q).sum())


@pytest.mark.parametrize(
    "items",
    [
        pytest.param(
            [
                _fix("A", -3.0, 8 * 60),
                _search("S1", 10 * 60, -2.0, 1.0),
                _search("S2", 13 * 60, 0.0, 3.0, pd=0.6),
            ],
            id="searches after the fix",
        ),
        pytest.param(
            [
                _search("dawn", 6 * 60, 1.0, 4.0),
                _fix("A", -3.0, 8 * 60),
                _search("noon", 12 * 60, -2.0, 1.0, pd=0.7),
                _search("noon-2", 12 * 60, 0.5, 3.0, pd=0.5),
            ],
            id="before and after, two of one moment",
        ),
        pytest.param(
            [
                Claim(
                    id="phone",
                    provenance=P,
                    date=DAY,
                    time=_at(9 * 60),
                    place=Point(*map(float, GRID.xy_km_to_lonlat(-2.0, 0.0))),
                    buffer_km=1.0,
                    sigma_km=0.5,
                    grade=Grade.parse("B2"),
                ),
                _search("S", 12 * 60, -1.0, 2.0),
                _search("U", None, 2.0, 4.0, pd=0.5),
            ],
            id="a timed claim, and an untimed search",
        ),
        pytest.param(
            [
                _fix("A", -3.0, 8 * 60),
                _search("S", 10 * 60, -2.0, 1.0),
                _fix("B", 2.0, 14 * 60),
            ],
            id="two fixes, one left out",
        ),
    ],
)
def test_each_item_of_a_one_fix_track_left_out_is_the_map_without_it(
    items: list[EvidenceItem],
) -> None:
    est = fuse(items, GRID, as_of=END, settings=ST)
    shifts = {c.item_id: c.map_shift for c in est.contributions}
    assert set(shifts) == {i.id for i in items}
    for item in items:
        rest = [i for i in items if i is not item]
        without = fuse(rest, GRID, as_of=END, settings=ST, contributions=False)
        assert shifts[item.id] == pytest.approx(
            _tv(est.posterior, without.posterior), abs=1e-9
        ), item.id


def test_a_weighed_one_fix_track_keeps_the_fix_s_weight() -> None:
    """With source_correlation, the lone fix of a track weighs as the item it
    would be without the searches, and the searches' factor follows it so
    weighed; each search left out is the map without it."""
    config = replace(ST, source_correlation=0.5)
    a = _fix("A", -3.0, 8 * 60)
    b = replace(a, id="B", time=None, sigma_km=2.0)  # of the same document
    s1 = _search("S1", 11 * 60, -2.0, 2.0)
    s2 = _search("S2", 13 * 60, 0.0, 4.0, pd=0.6)
    items: list[EvidenceItem] = [a, b, s1, s2]
    facs, _ = factors(items, GRID, as_of=END, settings=config)
    track = next(f for f in facs if f.key == TRACK)
    plain, _ = factors([a, b], GRID, as_of=END, settings=config)
    own = next(f for f in plain if f.key == "A")
    assert track.fix_weights == (own.weight,) and own.weight < 1.0
    assert np.array_equal(track.log_l, own.log_l)
    est = fuse(items, GRID, as_of=END, settings=config)
    shifts = {c.item_id: c.map_shift for c in est.contributions}
    # the other items keep their weights: without A or B the weight of the
    # other one changes, so only the searches are compared
    for gone in (s1, s2):
        rest = [i for i in items if i is not gone]
        without = fuse(rest, GRID, as_of=END, settings=config, contributions=False)
        assert shifts[gone.id] == pytest.approx(
            _tv(est.posterior, without.posterior), abs=1e-9
        ), gone.id
