"""Review 16 (r15, r14): one day's searches, a spanned sighting opening the case,
and P(outside) against evidence dated after a search.

- r15 finding 1: the searches of one day are combined in each cell before the
  walk moves what they found (``L = 1 − moved(1 − Π(1 − pd·c)))``): two sorties
  over one area are one of pd ``1 − (1 − p₁)(1 − p₂)`` on any later day.
- r15 finding 2 (r14 F8): a sighting "in 2014" opens the case on 1 January.
- r15's surviving mutants F10, F11, F13, F24, P4 and L3: the tests that kill them.
- r14 F6: a sighting in the region dated after a search never raises
  P(outside the region).
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import numpy as np
import pytest
from scipy.integrate import quad

from geosleuth.evidence import Grade, Provenance, Searched, Sighting
from geosleuth.fuse import Settings, fuse, timeline
from geosleuth.fuse.life import alive_note, p_alive
from geosleuth.fuse.posterior import NamedPlace, search_miss
from geosleuth.fuse.searches import _day_miss, search_day_log
from geosleuth.geometry import Area, Point, coverage
from geosleuth.grid import Grid
from geosleuth.plan import allocate_optimal

pytestmark = pytest.mark.filterwarnings("ignore::geosleuth.errors.GeosleuthWarning")
DAY = dt.date(2024, 10, 12)
GRID = Grid.around(0.0, 0.0, radius_km=12.0, cell_km=1.0)
ST = Settings(diffusion_km2_per_day=1.0, rest_of_world=0.1)
P = Provenance(document="log")


def _days(n: int) -> dt.date:
    return DAY + dt.timedelta(days=n)


def _seen(day: dt.date = DAY, item_id: str = "lkp", lon: float = 0.0) -> Sighting:
    return Sighting(
        id=item_id,
        provenance=P,
        date=day,
        place=Point(lon, 0.0),
        sigma_km=2.0,
        grade=Grade.parse("A1"),
    )


def _search(i: str, lon: float, pd: float, day: dt.date = DAY) -> Searched:
    return Searched(
        id=i, provenance=P, date=day, area=Point(lon, 0.0), buffer_km=2.0, pd=pd
    )


def _found_alone(s: Searched, before_post: np.ndarray) -> float:
    log_l = np.log1p(-s.pd * coverage(s.area, GRID, buffer_km=s.buffer_km))
    return 1.0 - search_miss(np.log(before_post), log_l)


def _fuse(items, as_of: dt.date, settings: Settings = ST):  # type: ignore[no-untyped-def]
    return fuse(items, GRID, as_of=as_of, settings=settings, contributions=False)


# -- r15 finding 1: one day's searches ------------------------------------------------
@pytest.mark.parametrize("days_on", [0, 3, 10])
def test_two_same_day_sorties_equal_one_combined_sortie_later(days_on: int) -> None:
    two = [_search("a", 0.0, 0.5), _search("b", 0.0, 0.5)]
    one = [_search("ab", 0.0, 0.75)]
    p2 = _fuse(two, _days(days_on)).posterior
    p1 = _fuse(one, _days(days_on)).posterior
    np.testing.assert_allclose(p2, p1, rtol=1e-9)


def test_a_second_certain_sweep_of_one_disc_adds_nothing_as_the_days_pass() -> None:
    once = _fuse([_seen(), _search("a", 0.0, 1.0)], _days(3))
    twice = _fuse([_seen(), _search("a", 0.0, 1.0), _search("b", 0.0, 1.0)], _days(3))
    np.testing.assert_allclose(twice.posterior, once.posterior, rtol=1e-9)
    assert twice.search_miss == pytest.approx(once.search_miss, rel=1e-9)
    assert twice.p_outside == pytest.approx(once.p_outside, rel=1e-9)


def test_sorties_over_two_halves_of_a_cell_add_their_shares() -> None:
    """A cell cut in two by two boxes: 1 − c₁p₁ − c₂p₂, not the product."""
    g = Grid(lon0=0.0, lat0=0.0, west_km=0.0, south_km=0.0, cell_km=1.0, nx=1, ny=1)
    (w, s, e, n) = g.bounds_lonlat()
    mid = (w + e) / 2
    left = Searched(
        id="l", provenance=P, date=DAY, area=Area.box(w - 1, s - 1, mid, n + 1), pd=0.8
    )
    right = Searched(
        id="r", provenance=P, date=DAY, area=Area.box(mid, s - 1, e + 1, n + 1), pd=0.6
    )
    covers = [coverage(x.area, g) for x in (left, right)]
    miss = _day_miss([left, right], covers, [0.8, 0.6], g)
    c1, c2 = float(covers[0][0]), float(covers[1][0])
    assert c1 + c2 == pytest.approx(1.0, abs=1e-9)
    assert float(miss[0]) == pytest.approx(1 - 0.8 * c1 - 0.6 * c2, rel=1e-9)


def test_a_single_search_keeps_its_factor() -> None:
    s = _search("a", 0.0, 0.7)
    cover = coverage(s.area, GRID, buffer_km=s.buffer_km)
    from geosleuth.fuse.searches import moved_cover

    expected = np.log1p(-0.7 * moved_cover(cover, GRID, 2.0))  # 4 days, D = 1
    got = search_day_log([s], GRID, as_of=_days(4), settings=ST)
    np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-15)


def test_searches_of_different_days_still_multiply() -> None:
    a, b = _search("a", 0.0, 0.5), _search("b", 0.0, 0.5, day=_days(1))
    both = _fuse([a, b], _days(4)).posterior
    la = search_day_log([a], GRID, as_of=_days(4), settings=ST)
    lb = search_day_log([b], GRID, as_of=_days(4), settings=ST)
    expected = np.exp(la + lb) / np.exp(la + lb).sum()
    np.testing.assert_allclose(both, expected, rtol=1e-12)


def test_each_of_a_days_searches_keeps_its_own_figure_and_contribution() -> None:
    a, b = _search("a", 0.0, 0.5), _search("b", 0.0, 0.5)
    est = fuse([_seen(), a, b], GRID, as_of=_days(2), settings=ST)
    before = _fuse([_seen()], DAY).posterior
    assert est.search_found["a"] == pytest.approx(_found_alone(a, before), rel=1e-9)
    assert est.search_found["b"] == pytest.approx(_found_alone(b, before), rel=1e-9)
    shifts = {c.item_id: c.map_shift for c in est.contributions}
    # without one sortie the other still searched the disc: a small shift, the same
    assert 0 < shifts["a"] == pytest.approx(shifts["b"], rel=1e-9)
    alone = _fuse([_seen(), a], _days(2)).posterior
    assert shifts["b"] == pytest.approx(0.5 * np.abs(est.posterior - alone).sum())


# -- r15's surviving mutants ----------------------------------------------------------
@pytest.mark.parametrize("days_on", [0, 2])
def test_two_searches_of_one_day_each_get_their_own_pos(days_on: int) -> None:
    """Kills F10 (days_on=2) and F11 (days_on=0)."""
    a, b = _search("a", -0.03, 0.8), _search("b", 0.03, 0.5)
    est = _fuse([_seen(), a, b], _days(days_on))
    before = _fuse([_seen()], DAY).posterior
    assert est.search_found["a"] == pytest.approx(_found_alone(a, before), rel=1e-9)
    assert est.search_found["b"] == pytest.approx(_found_alone(b, before), rel=1e-9)


def test_a_search_on_the_as_of_day_is_scored_on_the_map_before_it() -> None:
    """Kills F11: with one search, its POS is 1 − Z."""
    est = _fuse([_seen(), _search("a", 0.0, 0.7)], DAY)
    assert est.search_miss is not None
    assert est.search_found["a"] == pytest.approx(1.0 - est.search_miss, rel=1e-12)


def test_mean_effort_to_find_with_a_rest_of_world() -> None:
    """Kills P4: E[T | T <= B] from the POS curve, with rest_of_world > 0."""
    p, budget = [0.35, 0.25], 8.0
    kw = {"sweep_width_km": 0.2, "area_km2": 1.0, "rest_of_world": 0.4}
    plan = allocate_optimal(p, budget, **kw)

    def pos(t: float) -> float:
        return allocate_optimal(p, t, **kw).pos if t > 0 else 0.0

    # E[T; T <= B] = ∫_0^B (POS(B) − POS(t)) dt
    num, _ = quad(lambda t: plan.pos - pos(t), 0, budget, epsabs=1e-11)
    assert plan.mean_effort_to_find_km == pytest.approx(num / plan.pos, rel=1e-6)


def test_a_span_straddling_the_search_day_is_aged_by_its_middle() -> None:
    """Kills F13 (_mirrored deciding by the span's end, not its middle)."""
    search = _search("a", 0.0, 0.8)
    span = Sighting(
        id="sp",
        provenance=P,
        date=_days(2),
        date_from=_days(-10),
        place=Point(0, 0),
        sigma_km=2.0,
        grade=Grade.parse("A1"),
    )
    point = _seen(_days(-4), "pt")
    z_span = _fuse([span, search], _days(5)).search_miss
    z_point = _fuse([point, search], _days(5)).search_miss
    assert z_span == pytest.approx(z_point, rel=1e-12)


def test_a_span_after_the_search_day_is_mirrored_whole() -> None:
    """Kills F24 (_mirrored shifting the span's end but not its start)."""
    search = _search("a", 0.0, 0.8)
    span = Sighting(
        id="sp",
        provenance=P,
        date=_days(8),
        date_from=_days(4),
        place=Point(0, 0),
        sigma_km=2.0,
        grade=Grade.parse("A1"),
    )
    point = _seen(_days(6), "pt")
    z_span = _fuse([span, search], _days(9)).search_miss
    z_point = _fuse([point, search], _days(9)).search_miss
    assert z_span == pytest.approx(z_point, rel=1e-12)


# -- r15 finding 2 (r14 F8): a span that opens the case -------------------------------
X = Point(39.0, 35.95)


def test_a_span_that_opens_the_case_proves_life_at_its_start() -> None:
    """r15's figure: 0.999·e^(−0.1·730/365.25) = 0.8180, not 0.9037 (L3 lived)."""
    year = Sighting(
        id="y",
        provenance=P,
        date=dt.date(2014, 12, 31),
        date_from=dt.date(2014, 1, 1),
        place=X,
    )
    jan = Sighting(id="j", provenance=P, date=dt.date(2014, 1, 1), place=X)
    now = dt.date(2016, 1, 1)
    assert p_alive([year], as_of=now) == pytest.approx(
        p_alive([jan], as_of=now), rel=1e-12
    )
    assert p_alive([year], as_of=now) == pytest.approx(
        0.999 * np.exp(-0.1 * 730 / 365.25), rel=1e-12
    )
    assert "(2014-01-01, its earliest" in alive_note([year], as_of=now)


def test_r14_f8_a_year_long_span_at_a_high_hazard() -> None:
    """r14's t4/pa.yaml (B2, hazard 1 a year, as of 2018-05-15): 0.0122848.

    It was 0.0332794, the figure of a sighting on 31 December.
    """
    year = Sighting(
        id="y",
        provenance=P,
        date=dt.date(2014, 12, 31),
        date_from=dt.date(2014, 1, 1),
        place=X,
        grade=Grade.parse("B2"),
    )
    st = Settings(hazard_per_year=1.0)
    assert p_alive([year], as_of=dt.date(2018, 5, 15), settings=st) == pytest.approx(
        0.0122848, abs=5e-8
    )


# -- r14 F6: P(outside) and evidence after a search -----------------------------------
def test_a_sighting_in_the_region_after_a_search_never_raises_p_outside() -> None:
    """r14 F6: the A1 sighting at the searched place had doubled P(outside)."""
    first = _seen(DAY)
    search = _search("n", 0.0, 0.8, day=_days(4))
    before = _fuse([first, search], _days(6))
    later = _seen(_days(7), "again")
    after = _fuse([first, search, later], _days(7))
    assert after.p_outside <= before.p_outside + 1e-12
    # the map and the searches' own figures still mirror it back
    assert after.search_miss is not None and before.search_miss is not None
    assert after.search_miss < before.search_miss


def test_a_sighting_elsewhere_after_a_search_still_explains_the_miss() -> None:
    first = _seen(DAY)
    search = _search("n", 0.0, 0.9, day=_days(1))
    before = _fuse([first, search], _days(3))
    elsewhere = _seen(_days(3), "far", lon=0.08)  # 9 km east, off the searched disc
    after = _fuse([first, search, elsewhere], _days(3))
    assert after.p_outside < before.p_outside


def test_p_outside_after_a_later_sighting_stays_as_the_days_pass() -> None:
    items = [_seen(DAY), _search("n", 0.0, 0.8, day=_days(4)), _seen(_days(7), "s3")]
    figures = [_fuse(items, _days(k)).p_outside for k in (7, 9, 20)]
    assert figures[1:] == pytest.approx([figures[0]] * 2, rel=1e-9)


def test_the_timeline_gives_the_estimates_p_outside_after_a_later_sighting() -> None:
    items = [
        _seen(DAY),
        _search("n", 0.0, 0.8, day=_days(4)),
        _seen(_days(7), "s3"),
    ]
    points = timeline(
        items,
        GRID,
        as_of=_days(7),
        places=[NamedPlace("X", 0, 0)],
        settings=ST,
        mode="event",
    )
    outs = [p.p_outside for p in points]
    assert outs[-1] == pytest.approx(_fuse(items, _days(7)).p_outside, rel=1e-12)
    assert outs[-1] is not None and outs[-2] is not None
    assert outs[-1] <= outs[-2] + 1e-12


_T5 = """\
target: Jane Doe
title: outside test
as_of: 2020-03-08
region: {west: -3.5, south: 52.5, east: -2.5, north: 53.2}
grid: {cell_km: 2}
settings:
  diffusion_km2_per_day: 2.0
  rest_of_world: 0.1
documents:
  d1: {title: one, published: 2020-03-01}
  d2: {title: two, published: 2020-03-05}
  d3: {title: three, published: 2020-03-08}
places:
  A: {lon: -3.2, lat: 52.7, source: test}
evidence:
  - {id: s1, kind: sighting, document: d1, date: 2020-03-01, place: A, sigma_km: 3,
     grade: B2, quote: seen at A}
  - {id: n2, kind: searched, document: d2, date: 2020-03-05,
     area: {type: Point, coordinates: [-3.2, 52.7]}, buffer_km: 8, pd: 0.8,
     quote: "searched A, nothing"}
  - {id: s3, kind: sighting, document: d3, date: 2020-03-08, place: A, sigma_km: 3,
     grade: A1, quote: seen at A again by police}
"""


def test_r14_t5_case_p_outside_does_not_rise_on_the_police_sighting(
    tmp_path: Path,
) -> None:
    """r14's t5/case.yaml: 17.2 % on 03-07; it was 33.4 % on 03-08."""
    from geosleuth.casefile import load_case

    path = tmp_path / "case.yaml"
    path.write_text(_T5, encoding="utf-8")
    case = load_case(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        day7 = fuse(
            case.items,
            case.grid,
            as_of=dt.date(2020, 3, 7),
            settings=case.settings,
            contributions=False,
        )
        day8 = fuse(
            case.items,
            case.grid,
            as_of=dt.date(2020, 3, 8),
            settings=case.settings,
            contributions=False,
        )
    assert day7.p_outside == pytest.approx(0.172, abs=5e-4)
    assert day8.p_outside <= day7.p_outside + 1e-12
