import datetime as dt
import math
import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.special import ndtr
from scipy.stats import gaussian_kde

from geosleuth.errors import EvidenceWarning, InputError
from geosleuth.evidence import (
    Claim,
    EventSet,
    Front,
    Grade,
    GradeTable,
    LifeStatus,
    Provenance,
    Searched,
    Sighting,
    Territory,
)
from geosleuth.fuse import (
    NamedPlace,
    Settings,
    fuse,
    gaussian_mixture_density,
    hdr_area_km2,
    hdr_mask,
    p_alive,
    place_probabilities,
    posterior_from_factors,
    select,
    timeline,
)
from geosleuth.fuse.likelihood import _disc
from geosleuth.geometry import Area, Point
from geosleuth.grid import Grid
from geosleuth.testing import assert_estimate_close
from strategies import _PROV as HPROV
from strategies import AS_OF, evidence_lists, small_grids

# Random evidence on small grids often leans on the border: the warning that
# says so (fuse/estimate.py) is tested in test_fuse_honesty.py, not here.
pytestmark = [
    pytest.mark.filterwarnings(
        "ignore:.*lies along the border of the study region:"
        "geosleuth.errors.GeosleuthWarning"
    ),
    # and a random front may lie off the grid (tested in test_fuse_honesty.py)
    pytest.mark.filterwarnings(
        "ignore:.*is left out. its front line lies outside the grid:"
        "geosleuth.errors.EvidenceWarning"
    ),
]

DAY = dt.date(2018, 5, 12)
PROV = Provenance(document="test", published=DAY)
GRID = Grid.around(40.8, 34.7, radius_km=80.0, cell_km=1.0)


def claim(cid, lon=40.8, lat=34.7, **kw):
    """A claim that the target is at (lon, lat), published and dated DAY."""
    return Claim(id=cid, provenance=PROV, date=DAY, place=Point(lon, lat), **kw)


def sighting(i, lon, lat, **kw):
    day = kw.pop("date", DAY)
    return Sighting(
        id=f"s{i}",
        provenance=Provenance(document="t", published=day),
        date=day,
        place=Point(lon, lat),
        **kw,
    )


# ----------------------------------------------------------------- known answers
def test_single_sighting_gives_the_rayleigh_disc_probability_and_hdr_areas():
    # isotropic Gaussian: P(r < R) = 1 - exp(-R²/2σ²); HDR(q) area = 2πσ² ln(1/(1-q))
    s = sighting(1, 40.8, 34.7, sigma_km=10.0)
    certain = Settings(max_reliability=1 - 1e-12)
    est = fuse(
        [s], GRID, as_of=DAY, places=[NamedPlace("X", 40.8, 34.7)], settings=certain
    )
    sigma2 = 100.0 + 1.0 / 12.0  # plus the within-cell spread
    assert est.places[0].probability == pytest.approx(
        1 - math.exp(-225 / (2 * sigma2)), rel=0.01
    )
    assert est.hdr_km2["50"] == pytest.approx(
        2 * math.pi * sigma2 * math.log(2), rel=0.01
    )
    assert est.hdr_km2["90"] == pytest.approx(
        2 * math.pi * sigma2 * math.log(10), rel=0.01
    )


def test_mixture_density_equals_scipy_gaussian_kde():
    rng = np.random.default_rng(1)
    g = Grid.around(0.0, 0.0, radius_km=40.0, cell_km=2.0)
    x, y = rng.normal(0, 10, 50), rng.normal(0, 10, 50)
    w = rng.uniform(0.5, 2.0, 50)
    ours = gaussian_mixture_density(x, y, g, sigma_km=4.0, weights=w, chunk=7)
    kde = gaussian_kde(np.vstack([x, y]), bw_method=1.0, weights=w)
    kde._data_covariance = np.eye(2) * 16.0
    kde._data_cho_cov = np.eye(2) * 4.0
    kde._compute_covariance()
    cx, cy = g.cell_xy_km()
    np.testing.assert_allclose(ours, kde.evaluate(np.vstack([cx, cy])), rtol=1e-10)


def test_mixture_density_with_per_component_sigma_equals_a_direct_sum():
    g = Grid.around(0.0, 0.0, radius_km=10.0, cell_km=1.0)
    x, y, s = np.array([0.0, 3.0]), np.array([1.0, -2.0]), np.array([1.0, 3.0])
    cx, cy = g.cell_xy_km()
    d2 = (cx[:, None] - x) ** 2 + (cy[:, None] - y) ** 2
    direct = (np.exp(-d2 / (2 * s**2)) / (2 * np.pi * s**2)).mean(axis=1)
    np.testing.assert_allclose(
        gaussian_mixture_density(x, y, g, sigma_km=s), direct, rtol=1e-12
    )


def test_p_alive_known_answers():
    pol = LifeStatus(
        id="v",
        provenance=PROV,
        date=dt.date(2017, 9, 28),
        status="alive",
        grade=Grade.parse("B2"),
        hedge="probable",
    )
    dead = LifeStatus(
        id="d",
        provenance=PROV,
        date=dt.date(2017, 6, 30),
        status="dead",
        grade=Grade.parse("F5"),
        hedge="possible",
    )
    s = Settings(prior_alive=0.9, hazard_per_year=0.1)
    r_dead = 0.5 * 0.2 * 0.5
    p = 0.9 * (1 - r_dead) / (0.9 * (1 - r_dead) + 0.1 * (1 + r_dead))
    p *= math.exp(-0.1 * 90 / 365.25)
    r = 0.85 * 0.8 * 0.75
    p = r + (1 - r) * p
    p *= math.exp(-0.1 * (DAY - dt.date(2017, 9, 28)).days / 365.25)
    assert p_alive([pol, dead], as_of=DAY, settings=s) == pytest.approx(p, rel=1e-12)
    # a certain claim of death is capped like every item (max_reliability 0.99):
    # strong, but no single report is final
    sure = LifeStatus(id="x", provenance=PROV, date=DAY, status="dead")
    want = 0.9 * 0.01 / (0.9 * 0.01 + 0.1 * 1.99)
    assert p_alive([sure], as_of=DAY) == pytest.approx(want, rel=1e-12)
    # a proof of life and a claim of death on one day: the same in either order
    alive = LifeStatus(
        id="y", provenance=PROV, date=DAY, status="alive", hedge="probable"
    )
    assert p_alive([sure, alive], as_of=DAY) == p_alive([alive, sure], as_of=DAY)


def test_hdr_mask_and_area():
    p = np.array([0.1, 0.6, 0.3])
    assert hdr_mask(p, 0.5).tolist() == [False, True, False]
    assert hdr_mask(p, 0.9).tolist() == [False, True, True]
    g = Grid.around(0.0, 0.0, radius_km=1.0, cell_km=1.0)
    assert hdr_area_km2([0.7, 0.4, 0.2, 0.1], g, 0.75) == 2.0
    # ties: the region needs one of the three 0.1 cells, and its outline takes
    # all three rather than the first in cell order (review 12)
    assert hdr_area_km2([0.7, 0.1, 0.1, 0.1], g, 0.75) == 2.0
    assert hdr_mask([0.7, 0.1, 0.1, 0.1], 0.75).tolist() == [True] * 4
    with pytest.raises(InputError, match="HDR level"):
        hdr_mask(p, 1.5)


# ----------------------------------------------------------------- invariants
@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_posterior_sums_to_one(data):
    grid = data.draw(small_grids())
    items = data.draw(evidence_lists(grid))
    est = fuse(items, grid, as_of=AS_OF, contributions=False)
    assert est.posterior.sum() == pytest.approx(1.0, abs=1e-12)
    assert (est.posterior >= 0).all()


@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_evidence_order_does_not_matter(data):
    grid = data.draw(small_grids())
    items = data.draw(evidence_lists(grid))
    shuffled = list(items)
    random.Random(data.draw(st.integers(0, 1000))).shuffle(shuffled)
    a = fuse(items, grid, as_of=AS_OF, contributions=False)
    b = fuse(shuffled, grid, as_of=AS_OF, contributions=False)
    np.testing.assert_allclose(a.posterior, b.posterior, rtol=1e-9, atol=1e-250)
    # life status of one day and territory ties have fixed rules, not input order
    assert a.p_alive == b.p_alive
    assert sorted(a.used) == sorted(b.used)
    assert sorted(a.excluded) == sorted(b.excluded)


@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_an_uninformative_item_changes_nothing(data):
    grid = data.draw(small_grids())
    items = data.draw(evidence_lists(grid))
    lon, lat = grid.lon0, grid.lat0
    # a claim from a source whose truth cannot be judged at all: p_true = 0
    table = GradeTable(
        hedge_p=(
            ("certain", 1.0),
            ("probable", 0.75),
            ("possible", 0.5),
            ("doubtful", 0.0),
        )
    )
    blank = Claim(
        id="blank",
        provenance=HPROV,
        date=AS_OF,
        place=Point(lon, lat),
        hedge="doubtful",
    )
    # and a claim whose region is the whole grid
    w, s, e, n = grid.bounds_lonlat()
    everywhere = Claim(
        id="everywhere",
        provenance=HPROV,
        date=AS_OF,
        place=Area.box(w - 1, s - 1, e + 1, n + 1),
        buffer_km=0.0,
    )
    cfg = Settings(grades=table)
    a = fuse(items, grid, as_of=AS_OF, settings=cfg, contributions=False)
    b = fuse(
        [*items, blank, everywhere],
        grid,
        as_of=AS_OF,
        settings=cfg,
        contributions=False,
    )
    np.testing.assert_allclose(a.posterior, b.posterior, rtol=1e-9, atol=1e-250)


@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_a_full_search_with_pd_one_empties_its_area_and_only_it(data):
    """pd = 1 over a box: what it covers is emptied, cell by covered share."""
    grid = data.draw(small_grids())
    # a search of the sweep's own day (and no time) is combined with it in each
    # cell, the overlap of the two areas taken as it is, not as (1 - c1)(1 - c2)
    # (``_day_miss``): that is another test's; here the sweep is the day's only
    items = [
        i
        for i in data.draw(evidence_lists(grid))
        if not (
            isinstance(i, Searched)
            and (i.date_from, i.date, i.time) == (None, AS_OF, None)
        )
    ]
    w, s, e, n = grid.bounds_lonlat()
    lon = data.draw(st.floats(w, (w + e) / 2))
    lat = data.draw(st.floats(s, (s + n) / 2))
    box = Area.box(lon, lat, lon + (e - w) / 4, lat + (n - s) / 4)
    search = Searched(id="sweep", provenance=HPROV, date=AS_OF, area=box, pd=1.0)
    before = fuse(items, grid, as_of=AS_OF, contributions=False).posterior
    after = fuse([*items, search], grid, as_of=AS_OF, contributions=False).posterior
    from geosleuth.geometry import coverage

    cover = coverage(box, grid)
    assert (after[cover == 1.0] == 0).all()  # wholly searched cells are emptied
    # every other cell keeps (1 - covered share) of its mass, then renormalises
    kept = before * (1.0 - cover)
    held = kept > 0
    assert (after[held] > 0).all()
    if held.any():
        np.testing.assert_allclose(
            after[held], kept[held] / kept.sum(), rtol=1e-9, atol=1e-250
        )


@settings(max_examples=25, deadline=None)
@given(
    sigma=st.floats(0.5, 50),
    grade=st.sampled_from(["A1", "C3", "E5", "F6"]),
    polarity=st.sampled_from(["is", "is_not"]),
    hedge=st.sampled_from(["certain", "probable", "possible", "doubtful"]),
)
def test_unreliable_claim_never_zeroes_a_cell(sigma, grade, polarity, hedge):
    c = Claim(
        id="c",
        provenance=PROV,
        date=DAY,
        place=Point(40.8, 34.7),
        buffer_km=0.0,
        sigma_km=sigma,
        polarity=polarity,
        hedge=hedge,
        grade=Grade.parse(grade),
    )
    est = fuse([c], GRID, as_of=DAY, contributions=False)
    assert (est.posterior > 0).all()


# ----------------------------------------------------------------- behaviour
def test_evidence_after_as_of_is_left_out_with_a_reason():
    early = sighting(1, 40.8, 34.7)
    late = Sighting(
        id="late",
        provenance=Provenance(document="d", published=dt.date(2018, 6, 1)),
        date=dt.date(2018, 6, 1),
        place=Point(40.9, 34.5),
    )
    est = fuse([early, late], GRID, as_of=DAY)
    assert est.used == ("s1",)
    assert est.excluded == (("late", "dated 2018-06-01, after 2018-05-12"),)
    quiet = Sighting(
        id="quiet",
        provenance=Provenance(document="d", published=dt.date(2018, 6, 1)),
        date=dt.date(2018, 5, 1),
        place=Point(40.9, 34.5),
    )
    _, excluded = select([quiet], as_of=DAY)
    assert "published 2018-06-01" in excluded[0][1]


def test_newer_territory_supersedes_older():
    old = Territory(
        id="t-old",
        provenance=Provenance(document="t"),
        date=dt.date(2017, 1, 1),
        group_name="ISIS",
        area=Area.box(40.0, 34.0, 41.5, 35.5),
    )
    new = Territory(
        id="t-new",
        provenance=Provenance(document="t"),
        date=DAY,
        group_name="ISIS",
        area=Area.box(40.7, 34.6, 40.9, 34.8),
    )
    est = fuse([old, new], GRID, as_of=DAY)
    assert est.used == ("t-new",)
    assert est.excluded[0][0] == "t-old" and "superseded" in est.excluded[0][1]
    assert fuse([old, new], GRID, as_of=dt.date(2017, 6, 1)).used == ("t-old",)


def test_old_sightings_are_wider_not_weaker():
    s = sighting(1, 40.8, 34.7, sigma_km=2.0, date=dt.date(2017, 5, 12))
    fresh = fuse([s], GRID, as_of=dt.date(2017, 5, 12), contributions=False)
    old = fuse(
        [s],
        GRID,
        as_of=DAY,
        contributions=False,
        settings=Settings(diffusion_km2_per_day=1.0),
    )
    assert old.hdr_km2["50"] > 20 * fresh.hdr_km2["50"]
    sigma2 = 4.0 + 365.0 + 1 / 12
    assert old.hdr_km2["50"] == pytest.approx(
        2 * math.pi * sigma2 * math.log(2), rel=0.02
    )


def test_associate_sightings_fuse_as_a_mixture_not_a_product():
    a = sighting(1, 40.6, 34.9, subject="associate", who="X", associate_sigma_km=5.0)
    b = sighting(2, 41.0, 34.5, subject="associate", who="X", associate_sigma_km=5.0)
    est = fuse(
        [a, b],
        GRID,
        as_of=DAY,
        places=[
            NamedPlace("A", 40.6, 34.9),
            NamedPlace("B", 41.0, 34.5),
            NamedPlace("between", 40.8, 34.7),
        ],
    )
    probs = {p.name: p.probability for p in est.places}
    assert probs["A"] == pytest.approx(probs["B"], rel=0.05)
    assert probs["between"] < probs["A"]


def test_front_makes_the_taken_side_less_likely():
    f = Front(
        id="f",
        provenance=PROV,
        date=DAY,
        force="SDF",
        place=Point(40.8, 34.7),
        distance_km=5.0,
        bearing_deg=0.0,
        grade=Grade.parse("B2"),
    )
    est = fuse([f], GRID, as_of=DAY, contributions=False)
    north = est.probability_within(40.8, 34.9, 5.0)  # 22 km north: taken
    south = est.probability_within(40.8, 34.5, 5.0)  # 22 km south: still open
    assert south > 2 * north > 0


def test_contributions_rank_the_item_that_moves_the_map():
    near = claim("near", buffer_km=5.0, grade=Grade.parse("A1"))
    vague = claim("vague", buffer_km=5.0, grade=Grade.parse("E5"), hedge="doubtful")
    est = fuse([near, vague], GRID, as_of=DAY)
    shifts = {c.item_id: c.map_shift for c in est.contributions}
    assert shifts["near"] > 10 * shifts["vague"] > 0


def test_contribution_of_a_group_member_matches_refusing_without_it():
    items = [
        sighting(i, 40.6 + 0.1 * i, 34.7, subject="associate", who="X")
        for i in range(3)
    ]
    est = fuse(items, GRID, as_of=DAY)
    without = fuse(items[1:], GRID, as_of=DAY, contributions=False)
    expected = 0.5 * np.abs(est.posterior - without.posterior).sum()
    assert est.contributions[0].map_shift == pytest.approx(expected, rel=1e-9)


def test_searches_everywhere_leave_no_possible_cell():
    w, s, e, n = GRID.bounds_lonlat()
    sweep = Searched(
        id="all",
        provenance=PROV,
        date=DAY,
        area=Area.box(w - 1, s - 1, e + 1, n + 1),
        pd=1.0,
    )
    with pytest.raises(InputError, match="no possible cell"):
        fuse([sweep], GRID, as_of=DAY)


def test_duplicate_ids_are_rejected():
    with pytest.raises(InputError, match="share the id"):
        fuse([sighting(1, 40.8, 34.7), sighting(1, 40.9, 34.7)], GRID, as_of=DAY)


def test_items_outside_the_grid_are_reported_not_dropped():
    far = claim("far", 10.0, 50.0, buffer_km=1.0, sigma_km=1.0)
    # the reason now says how far away the place is, and fuse warns about it
    with pytest.warns(EvidenceWarning, match="'far' is left out"):
        est = fuse([far, sighting(1, 40.8, 34.7)], GRID, as_of=DAY)
    ((iid, why),) = est.excluded
    assert iid == "far"
    assert why.startswith("its place lies outside the grid, 2,9")


def test_event_set_kde_matches_a_sighting_group():
    lons, lats = np.array([40.7, 40.9, 40.8]), np.array([34.6, 34.8, 34.75])
    ev = EventSet(id="e", provenance=PROV, date=DAY, lons=lons, lats=lats, sigma_km=3.0)
    group = [
        Sighting(
            id=f"g{i}",
            provenance=PROV,
            date=DAY,
            place=Point(lo, la),
            sigma_km=3.0,
            group="g",
        )
        for i, (lo, la) in enumerate(zip(lons, lats, strict=True))
    ]
    a = fuse([ev], GRID, as_of=DAY, contributions=False)
    b = fuse(group, GRID, as_of=DAY, contributions=False)
    np.testing.assert_allclose(a.posterior, b.posterior, rtol=1e-6)


def test_prior_is_validated_and_used():
    prior = np.ones(GRID.n_cells)
    prior[: GRID.n_cells // 2] = 0.0
    est = fuse([], GRID, as_of=DAY, prior=prior)
    assert est.posterior[: GRID.n_cells // 2].sum() == 0.0
    with pytest.raises(InputError, match="non-negative finite weights"):
        fuse([], GRID, as_of=DAY, prior=-prior)


def test_timeline_has_a_point_per_publication_date():
    a = sighting(1, 40.8, 34.7)
    b = Sighting(
        id="b",
        provenance=Provenance(document="d", published=dt.date(2018, 5, 1)),
        date=dt.date(2018, 5, 1),
        place=Point(40.6, 34.9),
    )
    pts = timeline(
        [a, b], GRID, as_of=DAY, places=[NamedPlace("X", 40.8, 34.7)], mode="known"
    )
    assert [p.as_of for p in pts] == [dt.date(2018, 5, 1), DAY]
    assert pts[0].new_items == ("b",) and pts[1].new_items == ("s1",)
    assert pts[1].probabilities["X"] > pts[0].probabilities["X"]


def test_posterior_from_factors_is_normalised_in_log_space():
    p = posterior_from_factors(np.zeros(3), [np.array([-1000.0, -1001.0, -2000.0])])
    assert p.sum() == pytest.approx(1.0)
    assert p[0] / p[1] == pytest.approx(math.e)
    assert not p.flags.writeable


def test_event_timeline_is_a_hindcast_with_todays_knowledge():
    prov = Provenance(document="d", published=DAY)
    old = Sighting(
        id="old",
        provenance=prov,
        date=dt.date(2017, 1, 1),
        place=Point(40.6, 34.9),
        sigma_km=3.0,
    )
    new = Sighting(
        id="new", provenance=prov, date=DAY, place=Point(41.0, 34.5), sigma_km=3.0
    )
    places = [NamedPlace("old", 40.6, 34.9), NamedPlace("new", 41.0, 34.5)]
    pts = timeline([old, new], GRID, as_of=DAY, places=places)  # auto -> event
    assert [p.mode for p in pts] == ["event", "event"]
    assert pts[0].as_of == dt.date(2017, 1, 1) and pts[0].new_items == ("old",)
    assert pts[0].probabilities["old"] > 0.5 > pts[1].probabilities["old"]
    with pytest.raises(InputError, match="mode"):
        timeline([old], GRID, as_of=DAY, places=places, mode="sometimes")


def test_even_an_ungraded_certain_claim_cannot_zero_a_cell():
    no = claim("no", buffer_km=20.0, sigma_km=1.0, polarity="is_not")
    est = fuse([no], GRID, as_of=DAY)
    assert (est.posterior > 0).all()
    inside = est.probability_within(40.8, 34.7, 10.0)
    assert 0 < inside < 0.01 * est.probability_within(41.3, 34.2, 10.0)


def test_contribution_of_a_certain_item_that_zeroes_cells():
    # a pd = 1 search zeroes cells outright; leave-one-out must still be exact
    no = claim("no", buffer_km=20.0, sigma_km=1.0, polarity="is_not")
    box = Area.box(40.5, 34.4, 40.7, 34.6)
    sweep = Searched(id="sweep", provenance=PROV, date=DAY, area=box, pd=1.0)
    near = sighting(1, 40.6, 34.5, sigma_km=20.0)
    est = fuse([no, sweep, near], GRID, as_of=DAY)
    shifts = {c.item_id: c.map_shift for c in est.contributions}
    for key in ("no", "sweep"):
        without = fuse(
            [i for i in (no, sweep, near) if i.id != key],
            GRID,
            as_of=DAY,
            contributions=False,
        )
        expected = 0.5 * np.abs(est.posterior - without.posterior).sum()
        assert shifts[key] == pytest.approx(expected, rel=1e-9)


def test_hindcast_timeline_uses_life_status_items_published_later():
    prov = Provenance(document="d", published=DAY)
    dead = LifeStatus(
        id="dead",
        provenance=prov,
        date=dt.date(2017, 6, 30),
        status="dead",
        grade=Grade.parse("C3"),
    )
    s = Sighting(id="s", provenance=prov, date=DAY, place=Point(40.8, 34.7))
    pts = timeline(
        [dead, s], GRID, as_of=DAY, places=[NamedPlace("X", 40.8, 34.7)], mode="event"
    )
    assert pts[0].as_of == dt.date(2017, 6, 30)
    assert pts[0].p_alive < 0.9
    assert fuse([dead, s], GRID, as_of=dt.date(2017, 7, 1)).p_alive == 0.9


def test_leave_one_out_range_of_the_best_place():
    a = claim("a", buffer_km=5.0, grade=Grade.parse("B2"))
    b = claim("b", buffer_km=5.0, grade=Grade.parse("C3"), hedge="possible")
    places = [NamedPlace("X", 40.8, 34.7), NamedPlace("Y", 41.2, 34.3)]
    est = fuse([a, b], GRID, as_of=DAY, places=places)
    assert est.places[0].name == "X"
    for item, other in ((a, b), (b, a)):
        alone = fuse([other], GRID, as_of=DAY, places=places, contributions=False)
        c = next(c for c in est.contributions if c.item_id == item.id)
        expected = next(p.probability for p in alone.places if p.name == "X")
        assert c.top_place_without == pytest.approx(expected, rel=1e-9)
    low, high = est.top_place_range()
    assert low < est.places[0].probability == high
    assert fuse([a], GRID, as_of=DAY, places=[]).top_place_range() is None


@settings(max_examples=60, deadline=None)
@given(
    cell_km=st.floats(0.3, 40.0),
    radius_km=st.floats(0.5, 30.0),
    dx=st.floats(-0.5, 0.5),
    dy=st.floats(-0.5, 0.5),
)
def test_a_place_disc_covers_its_area_on_any_cells(cell_km, radius_km, dx, dy):
    # the disc's share of each cell, summed, is the disc's area, whatever the cells
    g = Grid.around(30.0, 20.0, radius_km=radius_km + 2 * cell_km, cell_km=cell_km)
    lon, lat = g.xy_km_to_lonlat(dx * cell_km, dy * cell_km)
    w = _disc(g, float(lon), float(lat), radius_km)
    assert ((w >= 0) & (w <= 1)).all()
    area = float(w.sum()) * g.cell_area_km2
    lattice = 1.0 / 8  # an 8 × 8 lattice per edge cell: error ~ perimeter × h / 8
    tol = 0.02 * math.pi * radius_km**2 + 2 * math.pi * radius_km * cell_km * lattice
    assert abs(area - math.pi * radius_km**2) <= tol


def test_a_likely_place_is_likely_on_cells_wider_than_its_disc():
    # one cell of 50 km holds all the probability; a 15 km disc inside it gets its
    # share of the cell, not 0 because no cell centre is within 15 km
    g = Grid.around(40.0, 34.0, radius_km=75.0, cell_km=50.0)
    p = np.zeros(g.n_cells)
    centre = g.n_cells // 2
    p[centre] = 1.0
    cx, cy = g.cell_xy_km()
    lon, lat = g.xy_km_to_lonlat(cx[centre] + 20.0, cy[centre] + 20.0)
    (ranked,) = place_probabilities(
        p, g, [NamedPlace("corner", float(lon), float(lat))], radius_km=15.0
    )
    assert ranked.probability > 0.05
    assert ranked.probability < math.pi * 15.0**2 / 2500.0 + 0.02


def test_the_timeline_knows_nothing_published_after_as_of():
    g = Grid.around(40.0, 35.0, radius_km=50.0, cell_km=2.0)

    def seen(iid, place, date, published):
        prov = Provenance(document="d", published=published)
        return Sighting(id=iid, provenance=prov, date=date, place=place,
                        place_name=iid, sigma_km=3.0)  # fmt: skip

    a = seen("A", Point(40.0, 35.0), dt.date(2018, 5, 1), dt.date(2018, 5, 1))
    b = seen("B", Point(40.3, 35.2), dt.date(2018, 5, 10), dt.date(2018, 7, 1))
    as_of = dt.date(2018, 5, 15)
    places = [NamedPlace("A", 40.0, 35.0), NamedPlace("B", 40.3, 35.2)]
    est = fuse([a, b], g, as_of=as_of, places=places)
    assert est.used == ("A",)
    points = timeline([a, b], g, as_of=as_of, places=places)
    assert all("B" not in p.new_items for p in points)
    last = points[-1].probabilities
    assert last["A"] == pytest.approx(est.places[0].probability, rel=1e-9)
    # and no place is ranked from an item nobody knew of yet
    assert [p.name for p in fuse([a, b], g, as_of=as_of).places] == ["A"]


def test_territory_leave_one_out_brings_back_the_superseded_item():
    g = Grid.around(40.0, 35.0, radius_km=60.0, cell_km=2.0)

    def held(iid, year, box):
        return Territory(id=iid, provenance=PROV, date=dt.date(year, 1, 1),
                         group_name="G", area=Area.box(*box), tie=0.9)  # fmt: skip

    old = held("old", 2017, (39.5, 34.6, 39.9, 35.0))
    new = held("new", 2018, (40.2, 35.0, 40.5, 35.4))
    c = claim("c", lon=40.0, lat=35.0, place_name="X", grade=Grade.parse("C3"))
    as_of = DAY
    est = fuse([old, new, c], g, as_of=as_of)
    shift = {x.item_id: x.map_shift for x in est.contributions}
    for item in (new, c):
        rest = [i for i in (old, new, c) if i is not item]
        other = fuse(rest, g, as_of=as_of, contributions=False)
        real = 0.5 * float(np.abs(est.posterior - other.posterior).sum())
        assert shift[item.id] == pytest.approx(real, rel=1e-9)
    # two items of one group on one date: a fixed winner, whatever the order
    twin = held("twin", 2018, (39.5, 34.6, 39.9, 35.0))
    e1 = fuse([new, twin], g, as_of=as_of, contributions=False)
    e2 = fuse([twin, new], g, as_of=as_of, contributions=False)
    assert e1.used == ("twin",)
    assert_estimate_close(e1, e2, rtol=0, atol=0)


@pytest.mark.parametrize("sigma_km", [0.01, 0.2, 0.5])
def test_alternatives_narrower_than_a_cell_weigh_the_same_anywhere_in_it(sigma_km):
    # one on a cell centre, one on a cell corner: symmetric evidence, equal halves
    g = Grid.around(40.0, 35.0, radius_km=50.0, cell_km=1.0)
    la, pa = g.xy_km_to_lonlat(10.5, 0.5)
    lb, pb = g.xy_km_to_lonlat(-10.0, 0.0)
    alts = [
        sighting(i, float(lon), float(lat), sigma_km=sigma_km, group="T")
        for i, (lon, lat) in enumerate(((la, pa), (lb, pb)))
    ]
    est = fuse(alts, g, as_of=DAY, contributions=False)
    cx, _ = g.cell_xy_km()
    assert est.posterior[cx > 0].sum() == pytest.approx(0.5, abs=1e-3)


# ------------------------------------------- known answers for every kind of item
# A small grid whose cell centres sit at half-integer km in its plane; with
# ``max_reliability`` next to 1 an ungraded item's likelihood is its kernel K, so
# the posterior ratio of two cells is the ratio of the kernel's values there.
SMALL = Grid.around(40.8, 34.7, radius_km=20.0, cell_km=1.0)
SURE = Settings(max_reliability=1 - 1e-12)


def _cell(grid, x, y):
    """Index of the cell holding the plane point (x, y) km."""
    (i,) = np.atleast_1d(grid.xy_km_to_cell([x], [y]))
    assert i >= 0
    return int(i)


def _lonlat(grid, x, y):
    lon, lat = grid.xy_km_to_lonlat(x, y)
    return float(lon), float(lat)


def _plane_box(grid, x0, y0, x1, y1):
    """An area whose edges are straight lines in the grid's plane."""
    xs, ys = np.array([x0, x1, x1, x0, x0]), np.array([y0, y0, y1, y1, y0])
    lons, lats = grid.xy_km_to_lonlat(xs, ys)
    return Area.of(list(zip(lons.tolist(), lats.tolist(), strict=True)))


def test_an_old_claim_is_wider_by_the_diffusion_of_its_age():
    # s(d) = exp(-(d - buffer)² / 2(σ² + D·age)) outside the buffer, 1 inside
    age = 30
    then = DAY - dt.timedelta(days=age)
    prov = Provenance(document="t", published=then)
    c = Claim(
        id="c",
        provenance=prov,
        date=then,
        place=Point(*_lonlat(SMALL, 0, 0)),
        buffer_km=3.0,
        sigma_km=2.0,
    )
    est = fuse([c], SMALL, as_of=DAY, settings=SURE, contributions=False)
    s2 = 2.0**2 + 1.0 * age
    excess = math.hypot(12.5, 0.5) - 3.0
    ratio = (
        est.posterior[_cell(SMALL, 12.5, 0.5)] / est.posterior[_cell(SMALL, 0.5, 0.5)]
    )
    assert ratio == pytest.approx(math.exp(-(excess**2) / (2 * s2)), rel=1e-7)
    # the same claim read on its own day has only its σ
    fresh = fuse([c], SMALL, as_of=then, settings=SURE, contributions=False)
    ratio = (
        fresh.posterior[_cell(SMALL, 12.5, 0.5)]
        / fresh.posterior[_cell(SMALL, 0.5, 0.5)]
    )
    assert ratio == pytest.approx(math.exp(-(excess**2) / 8.0), rel=1e-7)


def test_an_associate_sighting_adds_the_associate_spread():
    # σ² = σ_pos² + σ_assoc² + cell²/12 for an associate, without σ_assoc² for the
    # target; a Gaussian kernel, so two cells 10 km apart differ by exp(-100/2σ²)
    lon, lat = _lonlat(SMALL, 0.5, 0.5)  # on a cell centre
    near, far = _cell(SMALL, 0.5, 0.5), _cell(SMALL, 10.5, 0.5)
    for subject, s2 in (("associate", 9.0 + 16.0 + 1 / 12), ("target", 9.0 + 1 / 12)):
        s = sighting(
            1, lon, lat, sigma_km=3.0, subject=subject, who="X", associate_sigma_km=4.0
        )
        est = fuse([s], SMALL, as_of=DAY, settings=SURE, contributions=False)
        ratio = est.posterior[far] / est.posterior[near]
        assert ratio == pytest.approx(math.exp(-100.0 / (2 * s2)), rel=1e-9), subject
    # the HDR50 of the associate's Gaussian: 2π·s²·ln 2, to the cell discretisation
    a = sighting(
        1, lon, lat, sigma_km=3.0, subject="associate", who="X", associate_sigma_km=4.0
    )
    est = fuse([a], SMALL, as_of=DAY, settings=SURE, contributions=False)
    want = 2 * math.pi * (25.0 + 1 / 12) * math.log(2)
    assert est.hdr_km2["50"] == pytest.approx(want, abs=2 * math.sqrt(want))


def test_territory_edge_falls_off_with_its_sigma():
    box = _plane_box(SMALL, -10.0, -10.0, 10.0, 10.0)
    t = Territory(
        id="t",
        provenance=PROV,
        date=DAY,
        group_name="G",
        area=box,
        tie=1.0,
        sigma_km=5.0,
    )
    est = fuse([t], SMALL, as_of=DAY, settings=SURE, contributions=False)
    inside = est.posterior[_cell(SMALL, 0.5, 0.5)]
    assert est.posterior[_cell(SMALL, -9.5, 9.5)] == pytest.approx(inside, rel=1e-9)
    ratio = est.posterior[_cell(SMALL, 15.5, 0.5)] / inside  # 5.5 km beyond the edge
    assert ratio == pytest.approx(math.exp(-(5.5**2) / (2 * 5.0**2)), rel=1e-9)


def test_a_front_of_limited_width_takes_only_half_its_width_on_each_side():
    lon, lat = _lonlat(SMALL, 0.0, 0.0)
    f = Front(
        id="f",
        provenance=PROV,
        date=DAY,
        force="F",
        place=Point(lon, lat),
        distance_km=5.0,
        bearing_deg=0.0,
        width_km=20.0,
        sigma_km=2.0,
    )
    est = fuse([f], SMALL, as_of=DAY, settings=SURE, contributions=False)
    south = est.posterior[_cell(SMALL, 9.5, -15.5)]  # behind the front: open
    beyond = est.posterior[_cell(SMALL, 15.5, 15.5)]  # north, 15.5 km east of the axis
    within = est.posterior[_cell(SMALL, 9.5, 15.5)]  # north, 9.5 km east: taken
    # beyond width/2 across the axis the front says nothing: as without a front
    assert beyond == pytest.approx(south, rel=1e-12)
    # within it, the kernel Φ((distance - u)/σ) over its value behind the front
    want = float(ndtr((5.0 - 15.5) / 2.0) / ndtr((5.0 + 15.5) / 2.0))
    assert within / south == pytest.approx(want, rel=1e-6)


def test_a_searched_point_with_a_buffer_lowers_the_disc_it_covers():
    from geosleuth.geometry import coverage

    lon, lat = _lonlat(SMALL, 0.0, 0.0)
    pd, radius = 0.8, 10.0
    s = Searched(
        id="s", provenance=PROV, date=DAY, area=Point(lon, lat), pd=pd, buffer_km=radius
    )
    est = fuse([s], SMALL, as_of=DAY, contributions=False)
    prior = 1.0 / SMALL.n_cells
    ratio = est.posterior / prior
    # each cell: (1 − pd·c) / (1 − pd·Σ p·c), c its covered share
    c = coverage(Point(lon, lat), SMALL, buffer_km=radius)
    np.testing.assert_allclose(
        ratio, (1 - pd * c) / (1 - pd * prior * c.sum()), rtol=1e-9
    )
    # and by hand: the disc holds πR² of the grid's area
    lost = pd * math.pi * radius**2 / SMALL.area_km2
    cx, cy = SMALL.cell_xy_km()
    d = np.hypot(cx, cy)
    assert ratio[d > radius + 0.75] == pytest.approx(1 / (1 - lost), rel=2e-3)
    assert ratio[d < radius - 0.75] == pytest.approx((1 - pd) / (1 - lost), rel=2e-3)


def test_search_memory_fades_an_old_search():
    # effective pd = pd · exp(−age / memory); inside/outside ratio = 1 − that
    then = DAY - dt.timedelta(days=100)
    box = _plane_box(SMALL, -5.0, -5.0, 5.0, 5.0)
    prov = Provenance(document="t", published=then)
    s = Searched(id="s", provenance=prov, date=then, area=box, pd=0.9)
    inside, outside = _cell(SMALL, 0.5, 0.5), _cell(SMALL, 15.5, 0.5)
    for memory, pd in ((None, 0.9), (50.0, 0.9 * math.exp(-2.0))):
        # a still target: the memory alone fades the search (with movement the
        # walk also spreads it: test_search_over_days.py)
        cfg = Settings(search_memory_days=memory, diffusion_km2_per_day=0.0)
        est = fuse([s], SMALL, as_of=DAY, settings=cfg, contributions=False)
        ratio = est.posterior[inside] / est.posterior[outside]
        assert ratio == pytest.approx(1.0 - pd, rel=1e-9), memory
    # a search of today is at full strength whatever the memory
    cfg = Settings(search_memory_days=50.0)
    est = fuse([s], SMALL, as_of=then, settings=cfg, contributions=False)
    assert est.posterior[inside] / est.posterior[outside] == pytest.approx(0.1)


def test_a_cgt_event_set_is_the_normalised_weighted_cgt_surface():
    from geosleuth.profile import cgt_scores, estimate_cgt_buffer_km

    xs, ys = np.array([-6.0, 4.0, 2.0, -3.0]), np.array([3.0, 5.0, -7.0, -4.0])
    lons, lats = SMALL.xy_km_to_lonlat(xs, ys)
    w = np.array([6.0, 1.0, 1.0, 0.5])
    ev = EventSet(
        id="e", provenance=PROV, date=DAY, lons=lons, lats=lats, weights=w, method="cgt"
    )
    est = fuse([ev], SMALL, as_of=DAY, settings=SURE, contributions=False)
    x, y = SMALL.lonlat_to_xy_km(lons, lats)
    cx, cy = SMALL.cell_xy_km()
    surf = cgt_scores(x, y, cx, cy, buffer_km=estimate_cgt_buffer_km(x, y), weights=w)
    np.testing.assert_allclose(est.posterior, surf / surf.sum(), rtol=1e-9)
    unweighted = cgt_scores(x, y, cx, cy, buffer_km=estimate_cgt_buffer_km(x, y))
    assert np.abs(est.posterior - unweighted / unweighted.sum()).max() > 1e-4


def test_a_cgt_event_set_of_coincident_events_is_left_out_with_a_reason():
    # no nearest-neighbour distance, so no CGT buffer: the item cannot inform the
    # map, and the estimate says why instead of failing on advice (give a buffer)
    # that a case file cannot follow
    lon, lat = _lonlat(SMALL, 0.5, 0.5)
    ev = EventSet(
        id="e",
        provenance=PROV,
        date=DAY,
        lons=[lon, lon],
        lats=[lat, lat],
        method="cgt",
    )
    est = fuse([ev, claim("c")], SMALL, as_of=DAY)
    assert est.used == ("c",)
    ((iid, why),) = est.excluded
    assert iid == "e" and "coincides" in why and "'kde'" in why
    alone = fuse([claim("c")], SMALL, as_of=DAY, contributions=False)
    np.testing.assert_array_equal(est.posterior, alone.posterior)
    # the same events as a KDE are used
    kde = EventSet(
        id="e",
        provenance=PROV,
        date=DAY,
        lons=[lon, lon],
        lats=[lat, lat],
        method="kde",
    )
    assert fuse([kde], SMALL, as_of=DAY).used == ("e",)


def _daily_sightings(n_days, start=dt.date(2018, 1, 1)):
    days = [start + dt.timedelta(days=3 * k) for k in range(n_days)]
    return days, [
        Sighting(
            id=f"s{k}",
            provenance=Provenance(document=f"d{k % 3}", published=day),
            date=day,
            place=Point(40.8 + 0.05 * (k % 5), 34.7 - 0.04 * (k % 4)),
            place_name=f"p{k % 5}",
            sigma_km=4.0,
        )
        for k, day in enumerate(days)
    ]


@pytest.mark.parametrize("correlation", [0.0, 0.6])
def test_a_thinned_timeline_keeps_exact_points_and_every_new_item(correlation):
    days, items = _daily_sightings(11)
    settings = Settings(source_correlation=correlation)
    places = [NamedPlace("A", 40.8, 34.7), NamedPlace("B", 41.0, 34.6)]
    full = timeline(items, GRID, as_of=days[-1], places=places, settings=settings,
                    mode="known")  # fmt: skip
    thin = timeline(items, GRID, as_of=days[-1], places=places, settings=settings,
                    mode="known", max_points=4)  # fmt: skip
    assert len(full) == 11 and len(thin) == 4
    assert thin[0].as_of == days[0] and thin[-1].as_of == days[-1]
    by_day = {p.as_of: p for p in full}
    for p in thin:  # each point is the estimate as of its own date
        assert p.probabilities == by_day[p.as_of].probabilities
        assert p.p_alive == by_day[p.as_of].p_alive
    # every item is new at exactly one point: the first on or after its day
    news = [i for p in thin for i in p.new_items]
    assert sorted(news) == sorted(i.id for i in items)
    # and the last point is what fuse says as of that day
    est = fuse(items, GRID, as_of=days[-1], settings=settings, places=places,
               contributions=False)  # fmt: skip
    assert thin[-1].probabilities == {q.name: q.probability for q in est.places}


def test_max_points_below_two_is_refused():
    days, items = _daily_sightings(3)
    for bad in (1, 0, True, 60.0, "60"):
        with pytest.raises(InputError, match="max_points must be a whole number"):
            timeline(items, GRID, as_of=days[-1], places=[], max_points=bad)


@pytest.mark.parametrize("name", ["seed-baghdadi-2018.yaml", "missing-hiker.yaml"])
def test_contributions_on_threads_are_the_same_figures(name):
    # territory runners-up, life status, sighting groups and searches alike
    from conftest import REPO
    from geosleuth.casefile import load_case

    case = load_case(REPO / "src" / "geosleuth" / "examples" / name)
    kw = {"as_of": case.as_of, "settings": case.settings, "places": case.places}
    one = fuse(case.items, case.grid, **kw)
    two = fuse(case.items, case.grid, workers=2, **kw)
    assert len(one.contributions) == len(one.used) > 5
    assert two.contributions == one.contributions
    assert max(c.map_shift for c in two.contributions) > 0.01


@pytest.mark.parametrize("workers", [0, -1, 1.5, True, "2"])
def test_fuse_refuses_a_number_of_threads_that_is_none(workers):
    g = Grid.around(40.0, 35.0, radius_km=20.0, cell_km=2.0)
    with pytest.raises(InputError, match="workers must be a positive whole number"):
        fuse([], g, as_of=dt.date(2018, 1, 1), workers=workers)


def test_contribution_where_two_certain_searches_overlap():
    # leaving out one pd = 1 search keeps the cells the other one zeroes
    a = Searched(
        id="a", provenance=PROV, date=DAY, area=Area.box(40.5, 34.4, 40.7, 34.6), pd=1.0
    )
    b = Searched(
        id="b", provenance=PROV, date=DAY, area=Area.box(40.6, 34.5, 40.8, 34.7), pd=1.0
    )
    near = sighting(1, 40.65, 34.55, sigma_km=25.0)
    items = [a, b, near]
    est = fuse(items, GRID, as_of=DAY)
    shifts = {c.item_id: c.map_shift for c in est.contributions}
    for key in ("a", "b", "s1"):
        without = fuse(
            [i for i in items if i.id != key], GRID, as_of=DAY, contributions=False
        )
        expected = 0.5 * np.abs(est.posterior - without.posterior).sum()
        assert shifts[key] == pytest.approx(expected, rel=1e-9, abs=1e-12)
    assert shifts["a"] > 0.01 and shifts["b"] > 0.01


def test_contributions_on_the_correlated_path_match_refitting_without_the_item():
    # with source_correlation every factor is kept (weights need them all); one
    # document each keeps every weight 1, so refitting without an item is exact
    sources = Settings(source_correlation=0.5)
    items = [
        Claim(
            id=f"c{k}",
            provenance=Provenance(document=f"doc{k}", published=DAY),
            date=DAY,
            place=Point(40.6 + 0.3 * k, 34.7),
            buffer_km=5.0,
        )
        for k in range(3)
    ]
    est = fuse(items, GRID, as_of=DAY, settings=sources)
    assert [c.weight for c in est.contributions] == [1.0, 1.0, 1.0]
    for c in est.contributions:
        rest = [i for i in items if i.id != c.item_id]
        without = fuse(rest, GRID, as_of=DAY, settings=sources, contributions=False)
        expected = 0.5 * np.abs(est.posterior - without.posterior).sum()
        assert c.map_shift == pytest.approx(expected, rel=1e-9)
        assert c.map_shift > 0.01
