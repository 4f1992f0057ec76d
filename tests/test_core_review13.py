"""Review 13 of the numeric core: the DPM map off its raster, fronts off the
central meridian, and tests that pin what the reviewer's surviving mutants broke.

Each test names the finding or mutant of /tmp/r2/REVIEW.md it answers.
"""

from __future__ import annotations

import datetime as dt
import math
import warnings
from typing import Any, Literal

import numpy as np
import pyproj
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy.special import ndtri

from geosleuth.errors import EvidenceWarning, GeosleuthWarning
from geosleuth.evidence import (
    Claim,
    EvidenceItem,
    Front,
    Grade,
    LifeStatus,
    Provenance,
    Searched,
    Sighting,
)
from geosleuth.fuse import (
    NamedPlace,
    Settings,
    factors,
    fuse,
    hdr_mask,
    p_alive,
    place_probabilities,
)
from geosleuth.fuse.posterior import _edge_excess, _hdr_levels
from geosleuth.geometry import Area, Point, coverage
from geosleuth.grid import Grid
from geosleuth.profile import DPMProfiler
from geosleuth.profile._dpm_maps import _t_mixture_at, _t_mixture_on_raster
from geosleuth.profile._dpm_sampler import _gibbs
from geosleuth.profile._inputs import _Raster

DAY = dt.date(2020, 1, 1)
PROV = Provenance(document="d")


def _tv(a: np.ndarray, b: np.ndarray) -> float:
    return 0.5 * float(np.abs(a / a.sum() - b / b.sum()).sum())


# ------------------------------------ finding 1: DPM components off the raster
def test_a_t3_component_off_the_raster_adds_only_its_tail() -> None:
    # The reviewer's c12: 20 × 20 cells of 0.5 km; one t3 of scale 1 km whose
    # centre is 10 km (or 2 km) east of the raster's last column. Clamping the
    # centre onto the edge put 0.584 of its mass on the cells against 0.0005.
    r = _Raster(x0_km=0.0, y0_km=0.0, cell_km=0.5, nx=20, ny=20)
    cx, cy = np.tile(np.arange(20) * 0.5, 20), np.repeat(np.arange(20) * 0.5, 20)
    for mx in (20.0, 12.0):
        args = (
            np.ones(1),
            np.array([mx]),
            np.array([5.0]),
            np.array([1.0 + 0.25 / 12]),
        )
        fast = _t_mixture_on_raster(*args, np.zeros(1, np.int64), 1, r)[0]
        exact = _t_mixture_at(*args, cx, cy)
        assert fast.sum() == pytest.approx(exact.sum(), rel=0.05)
        assert _tv(fast, exact) < 0.01


@given(
    side=st.tuples(st.integers(12, 30), st.integers(12, 30)),
    where=st.tuples(st.floats(-2.0, 3.0), st.floats(-2.0, 3.0)),
    scale_cells=st.floats(1.0, 3.0),
)
def test_raster_mixture_matches_the_direct_sum_wherever_the_centre_lies(
    side: tuple[int, int], where: tuple[float, float], scale_cells: float
) -> None:
    # ``where`` is the centre in units of the raster's extent: inside, near it
    # or up to twice its size away (where it is summed directly).
    nx, ny = side
    h = 0.5
    r = _Raster(x0_km=0.0, y0_km=0.0, cell_km=h, nx=nx, ny=ny)
    cx, cy = np.tile(np.arange(nx) * h, ny), np.repeat(np.arange(ny) * h, nx)
    mx, my = where[0] * (nx - 1) * h, where[1] * (ny - 1) * h
    args = (
        np.ones(1),
        np.array([mx]),
        np.array([my]),
        np.array([(scale_cells * h) ** 2]),
    )
    fast = _t_mixture_on_raster(*args, np.zeros(1, np.int64), 1, r)[0]
    exact = _t_mixture_at(*args, cx, cy)
    assert 0.85 < fast.sum() / exact.sum() < 1.18
    assert _tv(fast, exact) < 0.08


def _fit_both_ways(
    ex: np.ndarray, ey: np.ndarray, grid: Grid
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The DPM map on raster-ordered cells and on shuffled ones (the direct sum)."""
    cx, cy = grid.cell_xy_km()
    kw: dict[str, Any] = {"n_burnin": 50, "n_samples": 100, "rng": 1}
    raster = DPMProfiler(**kw).fit(ex, ey, cell_x_km=cx, cell_y_km=cy).map_
    perm = np.random.default_rng(0).permutation(cx.size)
    direct = np.empty_like(raster)
    direct[perm] = (
        DPMProfiler(**kw).fit(ex, ey, cell_x_km=cx[perm], cell_y_km=cy[perm]).map_
    )
    return raster, direct, cx


def test_dpm_map_on_a_raster_equals_the_direct_map_with_events_off_the_cells() -> None:
    # Two clusters 12 km apart; the cells cover only the first. The raster map
    # put a third of its mass on the easternmost column (TV 0.34 from the direct
    # map); now the two agree.
    rng = np.random.default_rng(0)
    ex = np.r_[rng.normal(2, 1.0, 5), rng.normal(14, 1.0, 5)]
    ey = np.r_[rng.normal(2, 1.0, 5), rng.normal(2, 1.0, 5)]
    g = Grid(lon0=0, lat0=0, west_km=-1, south_km=-1, cell_km=0.25, nx=28, ny=20)
    raster, direct, cx = _fit_both_ways(ex, ey, g)
    assert 0.5 * np.abs(raster - direct).sum() < 0.01
    east = cx > 5.5
    assert raster[east].sum() == pytest.approx(direct[east].sum(), rel=0.05)


def test_dpm_map_does_not_pile_the_outer_cluster_onto_the_edge() -> None:
    # The reviewer's c13 exactly: 45 % of the raster map lay in the easternmost
    # 0.5 km strip, and its peak on the edge. (Its tight clusters' t3s are
    # narrower than a cell, so the raster's cell-integrated kernel and the
    # direct sum at the centres still differ inside the cluster.)
    rng = np.random.default_rng(0)
    ex = np.r_[rng.normal(2, 0.3, 30), rng.normal(14, 0.3, 30)]
    ey = np.r_[rng.normal(2, 0.3, 30), rng.normal(2, 0.3, 30)]
    g = Grid(lon0=0, lat0=0, west_km=-1, south_km=-1, cell_km=0.25, nx=28, ny=20)
    raster, direct, cx = _fit_both_ways(ex, ey, g)
    east = cx > 5.5
    assert raster[east].sum() < 1e-3
    assert raster[east].sum() == pytest.approx(direct[east].sum(), rel=0.1)
    assert np.argmax(raster) == np.argmax(direct)
    assert abs(cx[np.argmax(raster)] - 2.0) < 0.5


# ----------------------------------------- finding 6: a front's compass bearing
def test_front_line_runs_along_the_true_perpendicular_off_the_central_meridian() -> (
    None
):
    # The reviewer's c11: a grid over 10–30° E, 58–66° N (centred on 20° E), a
    # front 30 km due north of a place at 29° E, 62° N. There the grid's +y axis
    # points 7.95° east of true north: the front line was turned by that much.
    g = Grid.from_bounds(10.0, 58.0, 30.0, 66.0, cell_km=5.0)
    lon, lat, dist, sigma = 29.0, 62.0, 30.0, 10.0
    front = Front(
        id="f",
        provenance=PROV,
        date=DAY,
        force="F",
        place=Point(lon, lat),
        distance_km=dist,
        bearing_deg=0.0,
        sigma_km=sigma,
    )
    (fac,), skipped = factors([front], g, as_of=DAY)
    assert skipped == []
    # L = r·k + 1 − r with k = Φ((d − u)/σ) / mean; cells far south have Φ = 1.
    r = Settings().max_reliability
    k = (np.exp(fac.log_l) - (1.0 - r)) / r
    held = k / k.max()
    x, y = g.cell_xy_km()
    ok = (held > 1e-6) & (held < 1 - 1e-6)
    u = dist - sigma * ndtri(held[ok])  # each cell's distance along the bearing
    design = np.c_[x[ok], y[ok], np.ones(int(ok.sum()))]
    (ax, ay, c), *_ = np.linalg.lstsq(design, u, rcond=None)
    np.testing.assert_allclose(design @ [ax, ay, c], u, atol=1e-6)  # a plane
    assert math.hypot(ax, ay) == pytest.approx(1.0, abs=1e-9)
    # Its direction is true north at the place, as the geodesic says...
    geod = pyproj.Geod(ellps="WGS84")
    x0, y0 = g.lonlat_to_xy_km(lon, lat)
    nlon, nlat, _ = geod.fwd(lon, lat, 0.0, 1.0)
    x1, y1 = g.lonlat_to_xy_km(nlon, nlat)
    north = math.degrees(math.atan2(float(x1 - x0), float(y1 - y0)))
    assert north == pytest.approx(-7.94, abs=0.01)
    assert math.degrees(math.atan2(ax, ay)) == pytest.approx(north, abs=1e-3)
    # ... and the line passes 30 km due north, and 150 km either side of that
    # point along the true perpendicular (there u was 9.0 and 50.5 km).
    flon, flat, _ = geod.fwd(lon, lat, 0.0, dist * 1e3)
    for az, along_m in ((270.0, 150e3), (0.0, 0.0), (90.0, 150e3)):
        plon, plat, _ = geod.fwd(flon, flat, az, along_m)
        px, py = g.lonlat_to_xy_km(plon, plat)
        assert ax * px + ay * py + c == pytest.approx(dist, abs=0.2)


def test_front_on_the_central_meridian_keeps_the_planes_bearing() -> None:
    g = Grid.around(20.0, 62.0, radius_km=60.0, cell_km=2.0)
    front = Front(
        id="f",
        provenance=PROV,
        date=DAY,
        force="F",
        place=Point(20.0, 62.0),
        distance_km=10.0,
        bearing_deg=90.0,
        sigma_km=4.0,
    )
    (fac,), _ = factors([front], g, as_of=DAY)
    grid_l = np.exp(fac.log_l).reshape(g.shape)
    # Due east: the map changes along x only, and is lower to the east.
    np.testing.assert_allclose(grid_l, grid_l[:1, :].repeat(g.ny, axis=0), rtol=1e-6)
    assert grid_l[0, -1] < grid_l[0, 0]


# ----------------------------- M40: a DPM source weighs its events' summed weight
def test_dpm_sources_weigh_their_events_summed_weight_not_their_count() -> None:
    rng = np.random.default_rng(0)
    x = np.r_[rng.normal(0, 0.3, 5), rng.normal(4, 0.3, 5)]
    y = np.r_[rng.normal(0, 0.3, 5), rng.normal(0, 0.3, 5)]
    w = np.r_[np.full(5, 10.0), np.ones(5)]
    alpha = 0.5
    d = _gibbs(
        x,
        y,
        w,
        n_chains=2,
        n_burnin=5,
        n_samples=20,
        thin=1,
        centre=(2.0, 0.0),
        tau_km=3.0,
        sig_shape=math.inf,
        sig_scale=0.0,
        sigma_init_km=0.3,
        alpha_shape=1.0,
        alpha_rate=1.0,
        rng=np.random.default_rng(1),
        progress=None,
        fixed_alpha=alpha,
        keep_labels=True,
    )
    assert d.labels is not None
    # Components come sweep by sweep, chain by chain, in slot order: each weighs
    # n_k / (W + alpha), n_k the summed weight of its events (W = 55).
    expected = [
        w[lab == k].sum() / (w.sum() + alpha)
        for sweep in d.labels
        for lab in sweep
        for k in np.unique(lab)
    ]
    np.testing.assert_allclose(d.comp_weight, expected, rtol=1e-12)


def test_dpm_map_puts_the_heavy_clusters_weight_on_it() -> None:
    # The reviewer's c16: weights 10 against 1. The map's mass on the heavy
    # cluster is about 50 / (55 + alpha) = 0.91; by event count it was 0.50.
    rng = np.random.default_rng(0)
    ex = np.r_[rng.normal(0, 0.3, 5), rng.normal(4, 0.3, 5)]
    ey = np.r_[rng.normal(0, 0.3, 5), rng.normal(0, 0.3, 5)]
    w = np.r_[np.full(5, 10.0), np.ones(5)]
    g = Grid(lon0=0, lat0=0, west_km=-2, south_km=-2, cell_km=0.1, nx=80, ny=40)
    cx, cy = g.cell_xy_km()
    m = DPMProfiler(n_burnin=50, n_samples=100, rng=1).fit(
        ex, ey, cell_x_km=cx, cell_y_km=cy, weights=w
    )
    assert m.map_[cx < 2].sum() == pytest.approx(50.0 / (55.0 + m.alpha_), abs=0.03)


# ------------------------------ M37: the Escobar–West draw of the concentration
def test_dpm_alpha_of_a_single_event_is_drawn_from_its_prior() -> None:
    # One event makes one source, whatever alpha is (p(k = 1 | alpha) = 1), so
    # alpha's posterior is its Gamma(a, b) prior, of mean a / b = 1. The mixing
    # odds with a + k instead of a + k − 1 give a mean of about 1.4.
    d = _gibbs(
        np.zeros(1),
        np.zeros(1),
        np.ones(1),
        n_chains=4,
        n_burnin=20,
        n_samples=1000,
        thin=1,
        centre=(0.0, 0.0),
        tau_km=1.0,
        sig_shape=math.inf,
        sig_scale=0.0,
        sigma_init_km=1.0,
        alpha_shape=0.5,
        alpha_rate=0.5,
        rng=np.random.default_rng(0),
        progress=None,
        split_merge=False,
    )
    assert (d.n_sources == 1).all()
    assert float(d.alpha.mean()) == pytest.approx(1.0, abs=0.12)


# ---------------------------------------- M07: a search's grade and hedge count
def test_graded_hedged_search_lowers_its_cells_by_pd_times_p_true() -> None:
    g = Grid.around(40.0, 35.0, radius_km=20.0, cell_km=2.0)
    area = Area.box(39.95, 34.95, 40.1, 35.05)
    cover = coverage(area, g)
    assert cover.max() == 1.0
    hedges: tuple[tuple[Literal["certain", "possible"], float], ...] = (
        ("certain", 0.25),  # F6: 0.5 × 0.5
        ("possible", 0.125),
    )
    for hedge, r in hedges:
        s = Searched(
            id="s",
            provenance=PROV,
            date=DAY,
            area=area,
            pd=1.0,
            grade=Grade.parse("F6"),
            hedge=hedge,
        )
        (fac,), _ = factors([s], g, as_of=DAY)
        np.testing.assert_allclose(fac.log_l, np.log1p(-r * cover), rtol=1e-13)
        assert np.isfinite(fac.log_l).all()  # pd = 1 but graded: empties nothing
        # The rest of the world grows by Bayes with the same miss probability.
        q = 0.1
        e = fuse([s], g, as_of=DAY, settings=Settings(rest_of_world=q))
        miss = 1.0 - r * cover.mean()  # the prior is uniform over equal cells
        assert e.p_outside == pytest.approx(q / (q + (1 - q) * miss), rel=1e-12)


# ---------------------------- M23: same-day life status, deaths before proofs
def test_same_day_claim_of_death_is_taken_before_the_proof_of_life() -> None:
    items: list[EvidenceItem] = [
        # a claim opens the case (a sighting of the target would be a proof of
        # life of its own)
        Claim(id="s", provenance=PROV, date=DAY, place=Point(0.0, 0.0)),
        LifeStatus(id="dead", provenance=PROV, date=DAY, status="dead"),
        LifeStatus(id="alive", provenance=PROV, date=DAY, status="alive"),
    ]
    # prior 0.9; the death (r = 0.99): 0.9·0.01 / (0.9·0.01 + 0.1·1.99);
    # then the proof of life: 0.99 + 0.01·that. (Life first gives 0.834.)
    dead = 0.9 * 0.01 / (0.9 * 0.01 + 0.1 * 1.99)
    expected = 0.99 + 0.01 * dead
    assert expected == pytest.approx(0.99043, abs=1e-5)
    assert p_alive(items, as_of=DAY) == pytest.approx(expected, rel=1e-12)
    assert p_alive(items[::-1], as_of=DAY) == pytest.approx(expected, rel=1e-12)


# --------------------------------- M21: the evidence's floor is the edge's own
def test_a_weak_claim_with_a_search_inside_does_not_reach_the_edge() -> None:
    # A claim of r = 0.1 (grade D5) centred in the grid leaves a floor of 0.9
    # at the edge; a pd = 0.9 search inside lowers the grid's minimum to 0.1.
    # Measured from that minimum, the floor looked like evidence at the edge.
    g = Grid.around(40.0, 35.0, radius_km=50.0, cell_km=2.0)
    claim = Claim(
        id="c",
        provenance=PROV,
        date=DAY,
        place=Point(40.0, 35.0),
        buffer_km=5.0,
        sigma_km=5.0,
        grade=Grade.parse("D5"),
    )
    search = Searched(
        id="s", provenance=PROV, date=DAY, area=Area.box(39.9, 34.9, 40.1, 35.1), pd=0.9
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", GeosleuthWarning)
        e = fuse([claim, search], g, as_of=DAY, contributions=False)
    flat = np.full(g.n_cells, -math.log(g.n_cells))
    assert _edge_excess(e.posterior, g, flat) < 0.01


# ---------------------------- M15: a sighting is dropped only beyond its cutoff
@pytest.mark.parametrize(("sigmas_out", "kept"), [(7.0, True), (8.5, False)])
def test_sighting_is_left_out_only_beyond_cutoff_sigmas(
    sigmas_out: float, kept: bool
) -> None:
    g = Grid.around(40.0, 35.0, radius_km=50.0, cell_km=1.0)
    sigma = 5.0
    assert Settings().cutoff_sigmas == 8.0
    lon, lat = g.xy_km_to_lonlat(g.east_km + sigmas_out * sigma, 0.0)
    s = Sighting(
        id="s",
        provenance=PROV,
        date=DAY,
        place=Point(float(lon), float(lat)),
        sigma_km=sigma,
    )
    facs, skipped = factors([s], g, as_of=DAY)
    if kept:
        assert skipped == []
        (fac,) = facs
        # it still tilts the map: above its floor 1 − r at the east edge
        assert float(np.exp(fac.log_l).max()) > 1.0 - Settings().max_reliability
        assert int(np.argmax(fac.log_l)) % g.nx == g.nx - 1
    else:
        assert facs == []
        assert [i for i, _ in skipped] == ["s"]
        assert "outside the grid" in skipped[0][1]
        with pytest.warns(EvidenceWarning, match="outside the grid"):
            fuse([s], g, as_of=DAY, contributions=False)


# ------------------------------- M17: near-ties are not ties in the HDR order
def test_cells_a_millionth_apart_are_not_one_tie_block() -> None:
    # A 1e-6 relative difference is far above the tie tolerance (1e-9): the
    # 40 % region needs the best cell only, and the next one starts after it.
    p = np.array([0.45, 0.45 * (1 - 1e-6), 0.05, 0.05])
    p = p / p.sum()
    assert hdr_mask(p, 0.4).tolist() == [True, False, False, False]
    assert _hdr_levels(p)[1] == pytest.approx(p[0], rel=1e-12)


# ------------------- M20: a place in the first cell can be in the 90 % region
def test_place_in_the_south_west_corner_cell_is_in_the_hdr90() -> None:
    g = Grid.around(40.0, 35.0, radius_km=5.0, cell_km=1.0)
    x, y = g.cell_xy_km()
    p = np.exp(-0.5 * ((x - x[0]) ** 2 + (y - y[0]) ** 2))  # peaked on cell 0
    p /= p.sum()
    lon, lat = g.xy_km_to_lonlat(x[0], y[0])
    assert int(g.lonlat_to_cell(float(lon), float(lat))) == 0
    (row,) = place_probabilities(
        p, g, [NamedPlace("corner", float(lon), float(lat))], radius_km=1.0
    )
    assert row.in_hdr90
