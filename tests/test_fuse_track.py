"""The target's timed fixes followed as a track (review r31, H3).

A walker's car at 08:52, a witness at 11:30 and a phone fix at 14:05 had
multiplied as if he stood still: the product peaked between them and ranked the
car park first. With times of day they are followed in time order, the forward
pass of a filter for the random walk (:mod:`geosleuth.fuse.track`).
"""

from __future__ import annotations

import datetime as dt
import math
import warnings
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geosleuth.casefile import parse_case
from geosleuth.errors import CaseFileError, InputError
from geosleuth.evidence import (
    Claim,
    Grade,
    Provenance,
    Sighting,
    item_from_dict,
    parse_time,
)
from geosleuth.fuse import Settings, factors, fuse
from geosleuth.fuse.track import TRACK, in_track, track_log, walked
from geosleuth.geometry import Area, Point
from geosleuth.grid import Grid

pytestmark = pytest.mark.filterwarnings("ignore::geosleuth.errors.GeosleuthWarning")
DAY = dt.date(2024, 10, 12)
P = Provenance(document="log")
GRID = Grid.around(0.0, 0.0, radius_km=15.0, cell_km=0.5)
X, Y = GRID.cell_xy_km()
ST = Settings(diffusion_km2_per_day=24.0)  # 1 km² an hour: σ 1 km after an hour


def _fix(item_id: str, x_km: float, hour: float | None, **kw: object) -> Sighting:
    lon, lat = GRID.xy_km_to_lonlat(x_km, 0.0)
    time = None if hour is None else dt.time(int(hour), round(60 * (hour % 1)))
    return Sighting(
        id=item_id,
        provenance=P,
        date=DAY,
        time=time,
        place=Point(float(lon), float(lat)),
        sigma_km=0.3,
        grade=Grade.parse("A1"),
        **kw,  # type: ignore[arg-type]
    )


def _peak_x(p: np.ndarray) -> float:
    return float(X[int(np.argmax(p))])


# ----------------------------------------------------------------- the filter
def _gauss(centre: float, sd: float) -> np.ndarray:
    return -0.5 * ((X - centre) / sd) ** 2


@pytest.mark.parametrize(
    ("x1", "x2", "t1", "t2", "now"),
    [
        (-4.0, 4.0, 0.25, 0.5, 1.0),
        (3.0, -2.0, 0.1, 0.2, 0.4),
        (0.0, 5.0, 0.0, 0.0, 0.3),
    ],
)
def test_two_gaussian_fixes_give_the_kalman_filter(
    x1: float, x2: float, t1: float, t2: float, now: float
) -> None:
    d = 8.0  # km² a day
    out = np.exp(
        track_log(
            [(t2, _gauss(x2, 1.0)), (t1, _gauss(x1, 1.5))],  # given out of order
            GRID,
            now=now,
            diffusion_km2_per_day=d,
            cutoff=6.0,
        )
    )
    p = out / out.sum()
    # Kalman: x1 (var 1.5²) walks to t2, meets x2 (var 1), walks on to now
    v1 = 1.5**2 + d * (t2 - t1)
    var = 1.0 / (1.0 / v1 + 1.0)
    mean = var * (x1 / v1 + x2 / 1.0)
    var_now = var + d * (now - t2)
    got_mean = float((p * X).sum())
    got_var = float((p * (X - got_mean) ** 2).sum())
    assert got_mean == pytest.approx(mean, abs=0.02)
    # the grid adds a cell's spread (0.5²/12) to each of the two walks
    assert got_var == pytest.approx(var_now, rel=0.03)


@settings(max_examples=40, deadline=None)
@given(
    xs=st.lists(st.floats(-8, 8), min_size=2, max_size=4),
    hours=st.lists(st.floats(0, 23.9), min_size=4, max_size=4),
)
def test_with_no_walk_the_track_is_the_product(
    xs: list[float], hours: list[float]
) -> None:
    fixes = [
        (h / 24, np.log(0.9 * np.exp(_gauss(x, 1.0)) + 0.1))
        for x, h in zip(xs, hours, strict=False)
    ]
    got = track_log(fixes, GRID, now=1.0, diffusion_km2_per_day=0.0, cutoff=5.0)
    product = sum(f for _, f in fixes)
    want = (
        product
        - math.log(float(np.exp(product - product.max()).mean()))
        - product.max()
    )
    assert np.allclose(got, want, atol=1e-9)
    assert float(np.exp(got).mean()) == pytest.approx(1.0)


@settings(max_examples=30, deadline=None)
@given(
    x1=st.floats(-6, 6),
    x2=st.floats(-6, 6),
    gap=st.floats(0.02, 0.5),
)
def test_the_later_fix_pulls_harder(x1: float, x2: float, gap: float) -> None:
    """Of two equal fixes, the map's centre lies nearer the later one."""
    a, b = (0.2, _gauss(x1, 1.0)), (0.2 + gap, _gauss(x2, 1.0))
    out = np.exp(
        track_log([a, b], GRID, now=1.0, diffusion_km2_per_day=10.0, cutoff=6.0)
    )
    centre = float((out * X).sum() / out.sum())
    assert abs(centre - x2) <= abs(centre - x1) + 1e-6


def test_a_walk_keeps_mass_inside_and_loses_it_only_off_the_grid() -> None:
    p = np.zeros(GRID.shape)
    p[GRID.shape[0] // 2, GRID.shape[1] // 2] = 1.0
    inside = walked(p.ravel(), GRID, 2.0, cutoff=6.0)
    assert inside.sum() == pytest.approx(1.0, abs=1e-6)
    edge = np.zeros(GRID.shape)
    edge[GRID.shape[0] // 2, 0] = 1.0
    assert 0.45 < walked(edge.ravel(), GRID, 2.0, cutoff=6.0).sum() < 0.55


def test_a_track_needs_a_fix() -> None:
    with pytest.raises(ValueError, match="at least one fix"):
        track_log([], GRID, now=1.0, diffusion_km2_per_day=1.0, cutoff=5.0)


# --------------------------------------------------------------- which items
def test_which_items_are_fixes() -> None:
    seen = _fix("s", 0.0, 9.0)
    assert in_track(seen)
    assert not in_track(replace(seen, time=None))
    assert not in_track(replace(seen, subject="associate", who="his brother"))
    assert not in_track(replace(seen, group="either"))  # alternatives: a mixture
    claim = Claim(
        id="c", provenance=P, date=DAY, time=dt.time(14, 5), place=Point(0, 0)
    )
    assert in_track(claim)
    assert in_track(replace(claim, polarity="is_not"))


def test_timed_items_age_from_their_time() -> None:
    seen = _fix("s", 0.0, 18.0)
    assert seen.age_days(DAY) == pytest.approx(0.25)
    assert seen.age_days(DAY + dt.timedelta(days=2)) == pytest.approx(2.25)
    assert replace(seen, time=None).age_days(DAY) == 0.0
    assert seen.moment < replace(seen, time=None).moment  # the end of its day


def test_a_time_needs_one_day_and_a_clock() -> None:
    with pytest.raises(InputError, match="time of day belongs to an item of one day"):
        replace(_fix("s", 0.0, 9.0), date_from=DAY - dt.timedelta(days=1))
    with pytest.raises(InputError, match="'time'"):
        replace(_fix("s", 0.0, 9.0), time="09:00")
    zoned = dt.time(9, 0, tzinfo=dt.UTC)
    with pytest.raises(InputError, match="'time'"):
        replace(_fix("s", 0.0, 9.0), time=zoned)
    for bad in ("24:00", "9:00", "09h00", 900, "09:60"):
        with pytest.raises(InputError, match="HH:MM"):
            parse_time(bad, "time")


def test_the_time_round_trips_through_the_stored_form() -> None:
    seen = _fix("s", 1.0, 14.1)
    stored = seen.to_dict()
    assert stored["time"] == "14:06"
    assert item_from_dict(stored) == seen
    assert "time" not in replace(seen, time=None).to_dict()  # old files keep their form
    with pytest.raises(InputError, match="HH:MM"):
        item_from_dict({**stored, "time": "2pm"})


# ------------------------------------------------------------------ the fuse
def test_fixes_make_one_track_factor_and_one_alone_is_an_item() -> None:
    items = [
        _fix("car", -5.0, 8.0),
        _fix("summit", 0.0, 11.5),
        _fix("phone", 4.0, 15.0),
    ]
    facs, skipped = factors(items, GRID, as_of=DAY, settings=ST)
    assert skipped == []
    assert [(f.kind, f.item_ids) for f in facs] == [(TRACK, ("car", "summit", "phone"))]
    alone, _ = factors(
        [*items[:1], replace(items[1], time=None)], GRID, as_of=DAY, settings=ST
    )
    assert sorted(f.kind for f in alone) == ["sighting", "sighting"]


def test_the_walker_is_nearest_his_latest_fix_not_between_them() -> None:
    items = [
        _fix("car", -5.0, 8.0),
        _fix("summit", 0.0, 11.5),
        _fix("phone", 4.0, 15.0),
    ]
    tracked = fuse(items, GRID, as_of=DAY, settings=ST, contributions=False)
    untimed = [replace(i, time=None) for i in items]
    multiplied = fuse(untimed, GRID, as_of=DAY, settings=ST, contributions=False)
    assert _peak_x(tracked.posterior) == pytest.approx(4.0, abs=0.6)

    def near(p: np.ndarray, x_km: float) -> float:
        return float(p[np.abs(X - x_km) + np.abs(Y) < 1.5].sum())

    # untimed, the three fixes of one day multiply: each place gets the same
    # share, as if the walker were at any of them now
    assert near(multiplied.posterior, -5.0) == pytest.approx(
        near(multiplied.posterior, 4.0), rel=1e-6
    )
    assert near(tracked.posterior, 4.0) > 20 * near(tracked.posterior, -5.0)
    # the order, not the list, matters: the same walk the other way round
    moved = [
        replace(items[0], time=dt.time(15, 0)),
        items[1],
        replace(items[2], time=dt.time(8, 0)),
    ]
    back = fuse(moved, GRID, as_of=DAY, settings=ST, contributions=False)
    assert _peak_x(back.posterior) == pytest.approx(-5.0, abs=0.6)


def test_a_false_fix_bends_the_track_without_breaking_it() -> None:
    items = [_fix("car", -5.0, 8.0), _fix("phone", -4.0, 15.0)]
    rumour = replace(_fix("rumour", 8.0, 14.0), grade=Grade.parse("E5"))
    est = fuse([*items, rumour], GRID, as_of=DAY, settings=ST, contributions=False)
    assert _peak_x(est.posterior) == pytest.approx(-4.0, abs=0.6)


def test_each_fix_left_out_is_the_map_without_it() -> None:
    items = [
        _fix("car", -5.0, 8.0),
        _fix("summit", 0.0, 11.5),
        Claim(
            id="phone",
            provenance=P,
            date=DAY,
            time=dt.time(15, 0),
            place=Point(*map(float, GRID.xy_km_to_lonlat(4.0, 0.0))),
            buffer_km=1.0,
            sigma_km=0.5,
            grade=Grade.parse("B2"),
        ),
    ]
    est = fuse(items, GRID, as_of=DAY, settings=ST)
    shifts = {c.item_id: c.map_shift for c in est.contributions}
    assert set(shifts) == {"car", "summit", "phone"}
    for item in items:
        rest = [i for i in items if i is not item]
        without = fuse(rest, GRID, as_of=DAY, settings=ST, contributions=False)
        tv = 0.5 * float(np.abs(est.posterior - without.posterior).sum())
        assert shifts[item.id] == pytest.approx(tv, abs=1e-9), item.id
    assert shifts["phone"] > shifts["car"]  # the latest fix counts most


def test_a_long_track_reports_its_whole_shift_marked_as_such(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from geosleuth.cli.locate import _movers
    from geosleuth.fuse import contributions

    # the limit for this grid's 3,600 cells brought down to 10 fixes
    monkeypatch.setattr(contributions, "_TRACK_WALK_CELLS", 100 * GRID.n_cells)
    assert contributions.track_limit(GRID.n_cells) == 10
    items = [_fix(f"f{k}", -6.0 + 0.5 * k, 6.0 + 0.5 * k) for k in range(12)]
    claim = Claim(id="c", provenance=P, date=DAY, place=Point(0.0, 0.0),
                  place_name="Camp", buffer_km=3.0)  # fmt: skip
    est = fuse([*items, claim], GRID, as_of=DAY, settings=ST)
    by_id = {c.item_id: c for c in est.contributions}
    assert {by_id[i.id].whole for i in items} == {TRACK}
    assert len({round(by_id[i.id].map_shift, 12) for i in items}) == 1
    assert by_id["c"].whole is None
    # the range of the best place leaves one item out at a time: not the track
    assert est.top_place_range() == pytest.approx(
        sorted([est.places[0].probability, by_id["c"].top_place_without])
    )
    shown = _movers(est)
    assert shown[0].startswith("the track of 12 fixes (")
    assert len(shown) == 2 and shown[1].startswith("c (")


def test_a_track_under_the_limit_leaves_each_fix_out() -> None:
    from geosleuth.fuse.contributions import track_limit

    assert track_limit(400 * 400) == 55 and track_limit(10**9) == 10
    items = [_fix(f"f{k}", -6.0 + 0.25 * k, 6.0 + 0.3 * k) for k in range(42)]
    est = fuse(items, GRID, as_of=DAY, settings=ST)
    assert all(c.whole is None for c in est.contributions)
    assert len({round(c.map_shift, 9) for c in est.contributions}) > 10


def test_a_fix_outside_the_grid_is_left_out_with_its_reason() -> None:
    far = Claim(id="far", provenance=P, date=DAY, time=dt.time(12, 0),
                place=Point(40.0, 0.0), buffer_km=1.0, sigma_km=1.0)  # fmt: skip
    items = [_fix("car", -5.0, 8.0), _fix("phone", 4.0, 15.0), far]
    facs, skipped = factors(items, GRID, as_of=DAY, settings=ST)
    assert [f.item_ids for f in facs] == [("car", "phone")]
    assert [i for i, _ in skipped] == ["far"]


# ------------------------------------------------------------------ case files
CASE = """\
target: walker
as_of: 2024-10-12
region: {{west: -0.1, south: -0.1, east: 0.1, north: 0.1}}
grid: {{cell_km: 0.5}}
settings: {{diffusion_km2_per_day: 24}}
evidence:
  - id: car
    kind: sighting
    date: 2024-10-12
    time: {time}
    place: {{lon: -0.04, lat: 0.0}}
    sigma_km: 0.3
  - id: phone
    kind: claim
    date: 2024-10-12
    time: "15:00"
    place: {{lon: 0.04, lat: 0.0}}
    buffer_km: 1.0
"""


@pytest.mark.parametrize("written", ["08:52", '"08:52"', "'08:52:30'"])
def test_a_case_file_gives_times(written: str) -> None:
    case = parse_case(CASE.format(time=written))
    car = next(i for i in case.items if i.id == "car")
    assert car.time is not None and (car.time.hour, car.time.minute) == (8, 52)


@pytest.mark.parametrize(
    ("written", "said"),
    [("25:00", "HH:MM"), ("'8:52'", "HH:MM"), ("8.52", "HH:MM"), ("noon", "HH:MM")],
)
def test_a_bad_time_names_its_line(written: str, said: str) -> None:
    with pytest.raises(CaseFileError) as err:
        parse_case(CASE.format(time=written))
    assert err.value.line == 10
    assert said in str(err.value)


def test_a_time_with_a_period_names_its_line() -> None:
    text = CASE.format(time='"08:52"').replace(
        '    time: "08:52"\n', '    time: "08:52"\n    date_from: 2024-10-11\n'
    )
    with pytest.raises(
        CaseFileError, match="time of day belongs to an item of one day"
    ):
        parse_case(text)


def test_the_estimate_of_a_timed_case_is_reproduced(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from geosleuth.cli import app

    case = tmp_path / "case.yaml"
    case.write_text(CASE.format(time='"08:52"'), encoding="utf-8")
    out = tmp_path / "out"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        run = CliRunner().invoke(app, ["locate", str(case), "--out", str(out), "-q"])
        assert run.exit_code == 0, run.output
        checked = CliRunner().invoke(app, ["verify", str(out)])
    assert checked.exit_code == 0, checked.output
    stored = (out / "estimate.json").read_text(encoding="utf-8")
    assert '"time": "08:52"' in stored


def test_a_timed_item_after_a_day_is_mirrored_to_before_its_end() -> None:
    from geosleuth.fuse.estimate import _mirrored

    later = replace(_fix("s", 0.0, 14.0), date=DAY + dt.timedelta(days=1))
    back = _mirrored(later, DAY)
    # 14:00 the next day is 14 hours after the day's end; 10:00 is 14 before it
    assert (back.date, back.time) == (DAY, dt.time(10, 0))
    assert back.age_days(DAY) == pytest.approx(later.moment - (DAY.toordinal() + 1))
    untimed = replace(later, time=None)
    assert _mirrored(untimed, DAY).date == DAY - dt.timedelta(days=1)
    assert _mirrored(_fix("t", 0.0, 9.0), DAY).time == dt.time(9, 0)  # on the day


# ------------------------------------------------------------------- P(alive)
def _body(hour: int, day: dt.date = DAY) -> object:
    from geosleuth.evidence import LifeStatus

    return LifeStatus(
        id="body",
        provenance=P,
        date=day,
        time=dt.time(hour, 0),
        status="dead",
        body=True,
        grade=Grade.parse("B2"),
    )


def test_a_body_found_after_the_last_fix_of_its_day_counts_after_it() -> None:
    from geosleuth.fuse import p_alive

    st84 = Settings(hazard_per_year=84.0)
    seen = _fix("aml", 0.0, 15.0 + 22 / 60)
    after = DAY + dt.timedelta(days=1)
    evening = p_alive([seen, _body(18)], as_of=after, settings=st84)
    morning = p_alive([seen, _body(6, after)], as_of=after, settings=st84)
    assert evening < 0.3  # the body last, as the next morning's is
    assert evening == pytest.approx(morning, abs=0.01)
    # untimed, a day's claims of death still come first, then proofs of life
    untimed = [replace(seen, time=None), replace(_body(18), time=None)]  # type: ignore[type-var]
    assert p_alive(untimed, as_of=DAY, settings=st84) > 0.9


def test_the_hazard_runs_from_a_fix_s_time_to_the_end_of_the_day() -> None:
    from geosleuth.fuse import p_alive

    st84 = Settings(hazard_per_year=84.0)
    early, late = _fix("a", 0.0, 6.0), _fix("b", 0.0, 18.0)
    r = min(early.p_true(st84.grades), st84.max_reliability)
    p_early = r + (1 - r) * 0.9  # the case opens at 06:00 with this proof
    at_late = p_early * math.exp(-84 * 0.5 / 365.25)
    want = (r + (1 - r) * at_late) * math.exp(-84 * 0.25 / 365.25)
    assert p_alive([late, early], as_of=DAY, settings=st84) == pytest.approx(want)


# ------------------------------------------------------------------- searches
def test_searches_of_one_day_at_two_times_do_not_depend_on_their_order() -> None:
    from geosleuth.evidence import Searched

    def search(i: str, at: dt.time | None) -> Searched:
        return Searched(
            id=i,
            provenance=P,
            date=DAY,
            time=at,
            area=Point(*map(float, GRID.xy_km_to_lonlat(2.0, 0.0))),
            buffer_km=2.0,
            pd=0.8,
        )

    seen = _fix("car", 0.0, 5.0)
    one, two = search("dawn", dt.time(6, 0)), search("later", None)
    after = DAY + dt.timedelta(days=1)
    a = fuse([seen, one, two], GRID, as_of=after, settings=ST, contributions=False)
    b = fuse([seen, two, one], GRID, as_of=after, settings=ST, contributions=False)
    assert np.allclose(a.posterior, b.posterior, atol=1e-12)
    facs, _ = factors([one, two], GRID, as_of=after, settings=ST)
    assert sorted(f.item_ids for f in facs) == [("dawn",), ("later",)]
    # one time, one factor: the day's searches combined, named by day and time
    both = [one, replace(two, time=dt.time(6, 0))]
    facs, _ = factors(both, GRID, as_of=after, settings=ST)
    assert [f.key for f in facs] == ["searched on 2024-10-12 at 06:00"]


def test_a_search_is_judged_on_the_smoothed_map_of_its_day() -> None:
    """Fixes after a search's day are its backward pass, not threaded among
    the earlier ones (review r33, M2): the exact map of the day is the forward
    pass of the fixes up to it times the backward pass of those after."""
    from geosleuth.evidence import Searched
    from geosleuth.fuse.track_factors import fix_layer

    grid = Grid.around(0.0, 0.0, radius_km=20.0, cell_km=0.25)
    x, y = grid.cell_xy_km()
    d = Settings(diffusion_km2_per_day=24.0)

    def at(i: str, day: int, hour: int, x_km: float) -> Sighting:
        lon, lat = grid.xy_km_to_lonlat(x_km, 0.0)
        return Sighting(id=i, provenance=P, date=DAY + dt.timedelta(days=day),
                        time=dt.time(hour, 0), place=Point(float(lon), float(lat)),
                        sigma_km=0.2, grade=Grade.parse("A1"))  # fmt: skip

    a, b, c = at("A", 0, 14, 0.0), at("B", 1, 9, 0.0), at("C", 1, 20, 6.0)
    box = Area.box(*grid.xy_km_to_lonlat(-2.0, -2.0), *grid.xy_km_to_lonlat(2.0, 2.0))
    s = Searched(id="S", provenance=P, date=DAY, area=box, pd=0.8)
    est = fuse([a, b, c, s], grid, as_of=DAY + dt.timedelta(days=1), settings=d,
               contributions=False)  # fmt: skip
    end = DAY.toordinal() + 1.0  # the search's day ends
    kw = {"now": end, "diffusion_km2_per_day": 24.0, "cutoff": 5.0}
    fwd = track_log([(a.moment, fix_layer(a, grid, settings=d))], grid, **kw)
    bwd = track_log(
        [(2 * end - f.moment, fix_layer(f, grid, settings=d)) for f in (b, c)],
        grid,
        **kw,
    )
    exact = np.exp(fwd + bwd)
    inside = (np.abs(x) < 2.0) & (np.abs(y) < 2.0)
    share = float(exact[inside].sum() / exact.sum())
    assert est.search_found["S"] == pytest.approx(0.8 * share, abs=0.01)
    assert est.search_found["S"] > 0.3  # 0.195 when one track ran through all


def test_an_untimed_sighting_on_a_day_of_fixes_is_warned_of() -> None:
    from geosleuth.errors import EvidenceWarning

    fixes = [_fix("summit", 0.0, 11.5), _fix("phone", 4.0, 15.0)]
    car = _fix("car", -5.0, None)
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        fuse([*fixes, car], GRID, as_of=DAY, settings=ST, contributions=False)
    said = [str(w.message) for w in got if issubclass(w.category, EvidenceWarning)]
    assert len(said) == 1 and said[0].startswith("The sighting 'car' of 2024-10-12")
    assert "2 fix(es) of that day" in said[0]
    # none for the day before, nor once the car has its time
    for other in (
        replace(car, date=DAY - dt.timedelta(days=1)),
        replace(car, time=dt.time(8, 0)),
    ):
        with warnings.catch_warnings(record=True) as got:
            warnings.simplefilter("always")
            fuse([*fixes, other], GRID, as_of=DAY, settings=ST, contributions=False)
        assert not [w for w in got if issubclass(w.category, EvidenceWarning)]


@pytest.mark.parametrize("kind", ["territory", "front"])
def test_a_time_on_a_kind_that_counts_by_the_day_is_refused_with_its_line(
    kind: str,
) -> None:
    extra = {
        "territory": "    area: {type: Polygon, coordinates: "
        "[[[0,0],[0.01,0],[0.01,0.01],[0,0.01],[0,0]]]}\n    group: G\n",
        "front": "    place: {lon: 0.0, lat: 0.0}\n    force: F\n    distance_km: 5\n"
        "    bearing_deg: 90\n",
    }[kind]
    text = CASE.format(time='"08:52"') + (
        f'  - id: x\n    kind: {kind}\n    date: 2024-10-12\n    time: "09:00"\n'
        + extra
    )
    with pytest.raises(CaseFileError, match=f"a {kind} does not use") as err:
        parse_case(text)
    assert err.value.line == 22  # its 'time'


def test_an_event_set_counts_by_the_day() -> None:
    from geosleuth.evidence import EventSet

    events = EventSet(id="e", provenance=P, date=DAY, lons=np.array([0.0, 0.01]),
                      lats=np.array([0.0, 0.01]))  # fmt: skip
    with pytest.raises(InputError, match="an event_set does not use"):
        replace(events, time=dt.time(9, 0))


def test_a_bad_stored_time_names_its_item() -> None:
    stored = _fix("aml", 0.0, 15.0).to_dict()
    with pytest.raises(InputError, match="'time' of sighting 'aml' must be"):
        item_from_dict({**stored, "time": "25:00"})


# ------------------------------------------------------------ as of a time of day
def test_as_of_a_time_of_day() -> None:
    from geosleuth.cli._dates import parse_date
    from geosleuth.evidence import AsOf, now_of, parse_as_of

    morning = parse_as_of("2024-10-12T16:00", "--as-of", parse_date)
    assert isinstance(morning, AsOf) and morning.at == dt.time(16, 0)
    seconds = parse_as_of("2024-10-12 16:00:30", "x", parse_date)
    assert morning == DAY and seconds.at.second == 30  # type: ignore[union-attr]
    assert parse_as_of("2024-10-12", "x", parse_date) == DAY
    assert parse_as_of(None, "x", parse_date) is None
    for bad in ("2024-10-12T16", "2024-10-12T24:00", "2024-10-12T4:00"):
        with pytest.raises(InputError, match="is a day and a time of day"):
            parse_as_of(bad, "--as-of", parse_date)
    with pytest.raises(InputError, match="--as-of must be a date written YYYY-MM-DD"):
        parse_as_of("12/10/2024", "--as-of", parse_date)  # the option's own words
    assert now_of(morning) == pytest.approx(DAY.toordinal() + 16 / 24)
    # a day later, the time of day is gone: the end of that day
    assert not getattr(morning + dt.timedelta(days=1), "at", None)
    import pickle

    assert pickle.loads(pickle.dumps(morning)).at == dt.time(16, 0)


def test_a_map_as_of_a_time_leaves_later_fixes_out_and_walks_less() -> None:
    from geosleuth.evidence import AsOf

    items = [
        _fix("car", -5.0, 8.0),
        _fix("summit", 0.0, 11.5),
        _fix("phone", 4.0, 15.0),
    ]
    at_noon = AsOf(DAY.year, DAY.month, DAY.day, dt.time(12, 0))
    noon = fuse(items, GRID, as_of=at_noon, settings=ST, contributions=False)
    assert dict(noon.excluded) == {"phone": "at 15:00, after 2024-10-12 12:00"}
    assert _peak_x(noon.posterior) == pytest.approx(0.0, abs=0.6)
    # the map of 16:00 walks one hour from the phone; the day's end, nine
    late = fuse(items, GRID, as_of=replace_at(at_noon, 16), settings=ST,
                contributions=False)  # fmt: skip
    end = fuse(items, GRID, as_of=DAY, settings=ST, contributions=False)
    assert late.hdr_km2["50"] < 0.5 * end.hdr_km2["50"]


def replace_at(as_of: object, hour: int) -> object:
    from geosleuth.evidence import AsOf

    day = as_of  # an AsOf
    return AsOf(day.year, day.month, day.day, dt.time(hour, 0))  # type: ignore[attr-defined]


def test_p_alive_runs_to_the_time_of_day() -> None:
    from geosleuth.evidence import AsOf
    from geosleuth.fuse import p_alive

    st84 = Settings(hazard_per_year=84.0)
    seen = _fix("s", 0.0, 6.0)
    noon = AsOf(DAY.year, DAY.month, DAY.day, dt.time(12, 0))
    r = min(seen.p_true(st84.grades), st84.max_reliability)
    want = (r + (1 - r) * 0.9) * math.exp(-84 * 0.25 / 365.25)
    assert p_alive([seen], as_of=noon, settings=st84) == pytest.approx(want)


def test_a_case_as_of_a_time_is_estimated_stored_and_verified(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from geosleuth.cli import app

    case = tmp_path / "case.yaml"
    text = CASE.format(time='"08:52"').replace(
        "as_of: 2024-10-12", "as_of: 2024-10-12T12:00"
    )
    case.write_text(text, encoding="utf-8")
    assert parse_case(text).as_of.at == dt.time(12, 0)  # type: ignore[union-attr]
    out = tmp_path / "out"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        run = CliRunner().invoke(app, ["locate", str(case), "--out", str(out)])
        assert run.exit_code == 0, run.output
        assert "(as of 2024-10-12 12:00)" in " ".join(run.output.split())
        checked = CliRunner().invoke(app, ["verify", str(out)])
        assert checked.exit_code == 0, checked.output
        other = tmp_path / "o2"
        given = CliRunner().invoke(
            app,
            ["locate", str(case), "--as-of", "2024-10-12T16:00", "--out", str(other)],
        )
        assert given.exit_code == 0, given.output
    stored = (out / "estimate.json").read_text(encoding="utf-8")
    assert '"as_of": "2024-10-12"' in stored and '"as_of_time": "12:00"' in stored
    assert '"phone"' in stored and "after 2024-10-12 12:00" in stored
    assert '"as_of_time": "16:00"' in (other / "estimate.json").read_text("utf-8")


@pytest.mark.parametrize("written", ["2024-10-12T25:00", "2024-10-12T9:00", "noon"])
def test_a_bad_as_of_names_its_line(written: str) -> None:
    text = CASE.format(time='"08:52"').replace("as_of: 2024-10-12", f"as_of: {written}")
    with pytest.raises(CaseFileError, match="as_of") as err:
        parse_case(text)
    assert err.value.line == 2


def test_with_correlated_sources_each_fix_is_weighed_as_its_document_s() -> None:
    """One fix of a second document no longer switches the track's weight off
    (review r33, M3): each fix is raised to its document's weight."""
    police = Provenance(document="Police log", published=DAY)
    pub = Provenance(document="Pub landlord", published=DAY)
    st = Settings(diffusion_km2_per_day=24.0, source_correlation=0.9)
    fixes = [
        replace(_fix("car", -5.0, 8.0), provenance=police),
        replace(_fix("summit", 0.0, 11.5), provenance=police),
        replace(_fix("phone", 4.0, 15.0), provenance=police),
    ]
    wrong = replace(_fix("pub", 8.0, 12.5), provenance=police, grade=Grade.parse("D4"))
    same = fuse([*fixes, wrong], GRID, as_of=DAY, settings=st)
    other = fuse([*fixes, replace(wrong, provenance=pub)], GRID, as_of=DAY, settings=st)
    w = {c.item_id: c.weight for c in same.contributions}
    assert w == pytest.approx(dict.fromkeys(w, 1 / (1 + 3 * 0.9)))
    w2 = {c.item_id: c.weight for c in other.contributions}
    assert w2["pub"] == 1.0 and w2["car"] == pytest.approx(1 / (1 + 2 * 0.9))

    # the police's three fixes weigh a little more, the pub's its own: as much
    # of a move as the same change makes to the fixes untimed, not the switch of
    # every fix from 0.27 to 1 that it was
    def tv_of(items: list[Sighting]) -> float:
        a = fuse(items, GRID, as_of=DAY, settings=st, contributions=False)
        moved = [replace(i, provenance=pub) if i.id == "pub" else i for i in items]
        b = fuse(moved, GRID, as_of=DAY, settings=st, contributions=False)
        return 0.5 * float(np.abs(a.posterior - b.posterior).sum())

    tracked = tv_of([*fixes, wrong])
    untimed = tv_of([replace(i, time=None) for i in [*fixes, wrong]])
    whole = fuse(
        [*fixes, replace(wrong, provenance=pub)],
        GRID,
        as_of=DAY,
        settings=replace(st, source_correlation=0.0),
        contributions=False,
    )
    switched = 0.5 * float(np.abs(same.posterior - whole.posterior).sum())
    assert tracked < 0.5 * switched
    assert tracked < 2.0 * untimed + 0.02


def test_a_timed_search_is_judged_at_its_moment_wherever_midnight_falls() -> None:
    """Review r34, H1: a search at 07:00 between fixes at 06:00 and 09:00 is
    judged on the smoothed map of 07:00, whether or not the day ends between
    them, and not on the map of the day's end."""
    from geosleuth.evidence import AsOf, Searched
    from geosleuth.fuse.track_factors import fix_layer

    def case(start: dt.date, hour: int) -> tuple[list[object], AsOf]:
        def at(h: int) -> tuple[dt.date, dt.time]:
            moment = dt.datetime.combine(start, dt.time(hour)) + dt.timedelta(hours=h)
            return moment.date(), moment.time()

        def seen(i: str, h: int, x_km: float) -> Sighting:
            day, t = at(h)
            lon, lat = GRID.xy_km_to_lonlat(x_km, 0.0)
            return Sighting(id=i, provenance=P, date=day, time=t, sigma_km=0.2,
                            place=Point(float(lon), float(lat)),
                            grade=Grade.parse("A1"))  # fmt: skip

        day, t = at(1)
        box = Area.box(
            *GRID.xy_km_to_lonlat(-1.0, -1.0), *GRID.xy_km_to_lonlat(1.0, 1.0)
        )
        s = Searched(id="S", provenance=P, date=day, time=t, area=box, pd=0.8)
        end_day, end_t = at(4)
        return [seen("A", 0, 0.0), s, seen("B", 3, 6.0)], AsOf(
            end_day.year, end_day.month, end_day.day, end_t
        )

    found = []
    for start, hour in ((DAY, 6), (DAY, 22)):  # 06:00-10:00, or 22:00-02:00
        items, as_of = case(start, hour)
        est = fuse(items, GRID, as_of=as_of, settings=ST, contributions=False)
        found.append(est.search_found["S"])
    assert found[0] == pytest.approx(found[1], abs=1e-6)
    # the smoother of 07:00: the fix before it forward, the one after mirrored
    items, _ = case(DAY, 6)
    a, s, b = items
    now = s.moment  # type: ignore[attr-defined]
    kw = {"now": now, "diffusion_km2_per_day": 24.0, "cutoff": 5.0}
    fwd = track_log([(a.moment, fix_layer(a, GRID, settings=ST))], GRID, **kw)  # type: ignore[attr-defined, arg-type]
    bwd = track_log([(2 * now - b.moment, fix_layer(b, GRID, settings=ST))], GRID, **kw)  # type: ignore[attr-defined, arg-type]
    p = np.exp(fwd + bwd)
    inside = (np.abs(X) < 1.0) & (np.abs(Y) < 1.0)
    assert found[0] == pytest.approx(0.8 * float(p[inside].sum() / p.sum()), abs=0.01)


# -------------------------------------------------------- review r34's others
def test_an_untimed_item_of_the_as_of_day_counts_as_made_by_its_time() -> None:
    """r34, M1: the hazard stops at the map's time of day, and it is said."""
    from geosleuth.errors import EvidenceWarning
    from geosleuth.evidence import AsOf, LifeStatus
    from geosleuth.fuse import p_alive

    st84 = Settings(hazard_per_year=84.0)
    seen = _fix("s", 0.0, 6.0)
    word = LifeStatus(id="w", provenance=P, date=DAY, status="dead",
                      grade=Grade.parse("C3"))  # fmt: skip
    nine = AsOf(DAY.year, DAY.month, DAY.day, dt.time(9, 0))
    at_nine = p_alive([seen, word], as_of=nine, settings=st84)
    r = min(seen.p_true(st84.grades), st84.max_reliability)
    q = min(word.p_true(st84.grades), st84.max_reliability)
    p = (r + (1 - r) * 0.9) * math.exp(-84 * (3 / 24) / 365.25)  # 06:00 to 09:00
    odds = p / (1 - p) * (1 - q) / (1 + q)
    assert at_nine == pytest.approx(odds / (1 + odds))
    assert at_nine > p_alive([seen, word], as_of=DAY, settings=st84)  # 15 h less
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        fuse([seen, word], GRID, as_of=nine, settings=ST, contributions=False)
    said = [str(w.message) for w in got if issubclass(w.category, EvidenceWarning)]
    assert any(
        "1 item(s) dated 2024-10-12 have no time of day ('w')" in m for m in said
    )


def test_an_untimed_word_of_life_on_a_day_of_a_timed_body_is_warned_of() -> None:
    """r34, M2: P(alive) takes it at the day's end, after the body."""
    from geosleuth.errors import EvidenceWarning
    from geosleuth.evidence import LifeStatus

    body = LifeStatus(id="body", provenance=P, date=DAY, time=dt.time(18, 0),
                      status="dead", body=True, grade=Grade.parse("B2"))  # fmt: skip
    call = LifeStatus(id="call", provenance=P, date=DAY, status="alive",
                      grade=Grade.parse("A1"))  # fmt: skip
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        fuse([_fix("s", 0.0, 6.0), body, call], GRID, as_of=DAY, settings=ST,
             contributions=False)  # fmt: skip
    said = [str(w.message) for w in got if issubclass(w.category, EvidenceWarning)]
    assert len(said) == 1 and said[0].startswith("The life_status 'call' of")
    assert "P(alive) takes it at the end of its day" in said[0]


def test_the_timeline_ends_at_the_map_s_time_and_lists_only_what_it_used() -> None:
    """r34, M4."""
    from geosleuth.evidence import AsOf
    from geosleuth.fuse import timeline_plan

    items = [
        _fix("car", -5.0, 8.0),
        _fix("summit", 0.0, 11.5),
        _fix("phone", 4.0, 15.0),
    ]
    noon = AsOf(DAY.year, DAY.month, DAY.day, dt.time(12, 0))
    plan = timeline_plan(items, as_of=noon)
    last_day, new = plan.steps[-1]
    assert getattr(last_day, "at", None) == dt.time(12, 0)
    assert "phone" not in new and {"car", "summit"} <= set(new)


def test_each_sighting_of_the_target_has_its_shift_of_p_alive() -> None:
    """r34, L2: a sighting is a proof of life, and the earliest fix opens the
    case by its time."""
    from geosleuth.fuse import p_alive

    st84 = Settings(diffusion_km2_per_day=24.0, hazard_per_year=84.0)
    items = [_fix("car", -5.0, 8.0), _fix("phone", 4.0, 15.0)]
    est = fuse(items, GRID, as_of=DAY, settings=st84)
    for c in est.contributions:
        rest = [i for i in items if i.id != c.item_id]
        want = est.p_alive - p_alive(rest, as_of=DAY, settings=st84)
        assert c.p_alive_shift == pytest.approx(want)
    assert any(abs(c.p_alive_shift) > 1e-4 for c in est.contributions)


def test_labels_of_places_close_together_do_not_cover_each_other(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Review r31, L6: the walker example's Bwlch y Moch and car park labels."""
    from geosleuth.casefile import load_case
    from geosleuth.report import _png_labels, png

    placed: list[object] = []
    clear_of = _png_labels.clear_of

    def spy(ann: object, before: object, renderer: object, inside: object) -> None:
        clear_of(ann, before, renderer, inside)  # type: ignore[arg-type]
        placed.append(ann.get_window_extent(renderer))  # type: ignore[attr-defined]

    monkeypatch.setattr(_png_labels, "clear_of", spy)
    case = load_case("src/geosleuth/examples/missing-hiker.yaml")
    est = fuse(case.items, case.grid, as_of=case.as_of, settings=case.settings,
               places=case.places, contributions=False)  # fmt: skip
    import io

    png.render_png(est, case.items, io.BytesIO(), title="walker")
    assert len(placed) >= 3
    for i, a in enumerate(placed):
        for b in placed[i + 1 :]:
            assert not a.overlaps(b)  # type: ignore[attr-defined]
