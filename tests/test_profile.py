"""Tests of geosleuth.profile: CGT, the DPM, hit scores, baselines, study area."""

from __future__ import annotations

import csv
import math
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pytest
import scipy.optimize
import scipy.stats
from hypothesis import given
from hypothesis import strategies as st

from geosleuth.errors import GeosleuthWarning, InputError, NotFittedError
from geosleuth.grid import Grid
from geosleuth.profile import (
    DPMProfiler,
    centre_of_minimum_distance_km,
    centre_of_minimum_distance_scores,
    cgt_scores,
    estimate_cgt_buffer_km,
    gaussian_kde_scores,
    hit_score,
    spatial_mean_scores,
    study_area_grid,
)
from geosleuth.profile._dpm_maps import (
    _loo_bandwidth_km,
    _t_mixture_at,
    _t_mixture_on_raster,
)
from geosleuth.profile._dpm_sampler import _gibbs, _log_marginal, _rhat
from geosleuth.profile._inputs import _Raster
from strategies import cgt_cases


def naive_cgt(ex, ey, cx, cy, b, f, g, w=None):
    """Rossmo's formula written out term by term (the reference)."""
    w = np.ones(len(ex)) if w is None else np.asarray(w)
    out = np.zeros(len(cx))
    for c in range(len(cx)):
        for e in range(len(ex)):
            d = abs(cx[c] - ex[e]) + abs(cy[c] - ey[e])
            phi = 1.0 if d > b else 0.0
            term = phi / d**f if phi else (1 - phi) * b ** (g - f) / (2 * b - d) ** g
            out[c] += w[e] * term
    return out


# ----------------------------------------------------------------------- CGT
def test_cgt_matches_hand_computed_values() -> None:
    # Events at (0, 0) and (3, 0), B = 1.5, f = g = 1.2.
    # Cell (1, 0): d = 1 (inside the buffer: 1.5^0 / (3 - 1)^1.2) and d = 2.
    # Cell (0, 2): d = 2 and d = 5, both outside the buffer.
    s = cgt_scores([0.0, 3.0], [0.0, 0.0], [1.0, 0.0], [0.0, 2.0], buffer_km=1.5)
    assert s[0] == pytest.approx(2 * 2**-1.2, rel=1e-14)
    assert s[1] == pytest.approx(2**-1.2 + 5**-1.2, rel=1e-14)


def test_cgt_uses_manhattan_distance_not_dx_minus_dy() -> None:
    # Inside the buffer, (dx - dy) would make the east and north neighbours differ.
    s = cgt_scores([0.0], [0.0], [0.5, 0.0, -0.5], [0.0, 0.5, 0.0], buffer_km=2.0)
    assert s[0] == pytest.approx(s[1], rel=1e-15)
    assert s[0] == pytest.approx(s[2], rel=1e-15)
    assert s[0] == pytest.approx(2.0 ** (1.2 - 1.2) / (4.0 - 0.5) ** 1.2)


def test_cgt_is_continuous_at_the_buffer_edge() -> None:
    b = 0.8
    s = cgt_scores([0.0], [0.0], [b - 1e-9, b + 1e-9], [0.0, 0.0], buffer_km=b, f=1.7)
    assert s[0] == pytest.approx(s[1], rel=1e-7)
    assert s[0] == pytest.approx(b**-1.7, rel=1e-7)


def test_event_on_a_cell_centre_gives_a_finite_score() -> None:
    s = cgt_scores([0.5], [0.5], [0.5], [0.5], buffer_km=1.0, f=1.2, g=1.5)
    assert s[0] == pytest.approx(1.0 ** (1.5 - 1.2) / 2.0**1.5)


@given(cgt_cases())
def test_raster_cgt_equals_the_direct_sum(case: dict) -> None:
    fast = cgt_scores(**case, method="raster")
    direct = cgt_scores(**case, method="direct")
    np.testing.assert_allclose(fast, direct, rtol=1e-12, atol=0)


def test_direct_cgt_equals_the_term_by_term_formula() -> None:
    rng = np.random.default_rng(3)
    ex, ey = rng.uniform(0, 4, 7), rng.uniform(0, 4, 7)
    cx, cy = rng.uniform(-1, 5, 30), rng.uniform(-1, 5, 30)
    w = rng.uniform(0.2, 2.0, 7)
    got = cgt_scores(ex, ey, cx, cy, buffer_km=0.9, f=1.3, g=1.6, weights=w)
    np.testing.assert_allclose(got, naive_cgt(ex, ey, cx, cy, 0.9, 1.3, 1.6, w), 1e-13)


def test_raster_cgt_on_a_grid_equals_the_reference() -> None:
    g = Grid(lon0=0, lat0=0, west_km=-3.0, south_km=2.0, cell_km=0.5, nx=17, ny=11)
    cx, cy = g.cell_xy_km()
    rng = np.random.default_rng(0)
    ex, ey = rng.uniform(-4, 7, 25), rng.uniform(1, 9, 25)
    got = cgt_scores(ex, ey, cx, cy, buffer_km=0.7)
    np.testing.assert_allclose(got, naive_cgt(ex, ey, cx, cy, 0.7, 1.2, 1.2), 1e-12)


@given(cgt_cases(), st.randoms(use_true_random=False))
def test_cgt_does_not_depend_on_event_order(case: dict, r) -> None:
    order = list(range(len(case["event_x_km"])))
    r.shuffle(order)
    shuffled = dict(case)
    for key in ("event_x_km", "event_y_km", "weights"):
        if case[key] is not None:
            shuffled[key] = case[key][order]
    np.testing.assert_allclose(cgt_scores(**shuffled), cgt_scores(**case), rtol=1e-12)


@given(cgt_cases(), st.floats(min_value=0.1, max_value=10.0))
def test_cgt_is_linear_in_the_weights(case: dict, k: float) -> None:
    base = cgt_scores(**case)
    n = len(case["event_x_km"])
    w = np.ones(n) if case["weights"] is None else case["weights"]
    np.testing.assert_allclose(
        cgt_scores(**{**case, "weights": k * w}), k * base, 1e-12
    )


def test_nan_event_gives_nan_everywhere_and_nan_cell_gives_nan_there() -> None:
    s = cgt_scores([0.0, np.nan], [0.0, 0.0], [1.0, 2.0], [0.0, 0.0], buffer_km=1.0)
    assert np.isnan(s).all()
    s = cgt_scores([0.0], [0.0], [1.0, np.nan], [0.0, 0.0], buffer_km=1.0)
    assert np.isfinite(s[0]) and np.isnan(s[1])


def test_cgt_rejects_bad_input() -> None:
    with pytest.raises(InputError, match="'buffer_km' must be a positive"):
        cgt_scores([0.0], [0.0], [1.0], [1.0], buffer_km=0.0)
    with pytest.raises(InputError, match="same length"):
        cgt_scores([0.0, 1.0], [0.0], [1.0], [1.0], buffer_km=1.0)
    with pytest.raises(InputError, match="non-negative"):
        cgt_scores([0.0], [0.0], [1.0], [1.0], buffer_km=1.0, weights=[-1.0])
    with pytest.raises(InputError, match="at least 1 event"):
        cgt_scores([], [], [1.0], [1.0], buffer_km=1.0)
    with pytest.raises(InputError, match="row-major raster"):
        cgt_scores([0.0], [0.0], [1.0, 0.0], [1.0, 5.0], buffer_km=1.0, method="raster")
    with pytest.raises(ValueError, match="'auto', 'raster', 'direct'"):
        cgt_scores([0.0], [0.0], [1.0], [1.0], buffer_km=1.0, method="fast")  # type: ignore[arg-type]


def test_buffer_is_half_the_mean_manhattan_nearest_neighbour_distance() -> None:
    # NN (Manhattan) distances: 2, 2, 3 -> mean 7/3 -> B = 7/6.
    b = estimate_cgt_buffer_km([0.0, 1.0, 4.0], [0.0, 1.0, 1.0])
    assert b == pytest.approx(7 / 6)
    # and 2, 2, 2 -> B = 1 (the docstring's example)
    b = estimate_cgt_buffer_km([0.0, 1.0, 3.0], [0.0, 1.0, 1.0])
    assert b == pytest.approx(1.0)
    b = estimate_cgt_buffer_km([0.0, 1.0, 1.0, 5.0], [0.0, 1.0, 0.0, 0.0])
    assert b == pytest.approx(0.5 * (1 + 1 + 1 + 4) / 4)
    with pytest.raises(InputError, match="at least 2 events"):
        estimate_cgt_buffer_km([0.0], [0.0])
    with pytest.raises(InputError, match="coincides"):
        estimate_cgt_buffer_km([1.0, 1.0], [2.0, 2.0])


# ----------------------------------------------------------------- hit score
def test_hit_score_counts_ties_against_the_method() -> None:
    assert hit_score([0.1, 0.4, 0.3, 0.2], 1) == 0.25
    assert hit_score([0.1, 0.4, 0.3, 0.2], 0) == 1.0
    assert hit_score([0.5, 0.5, 0.1, 0.1], 0) == 0.5
    assert hit_score([np.nan, 0.5, 0.1, 0.1], 2) == 0.75
    assert math.isnan(hit_score([np.nan, 0.5], 0))


def test_hit_score_rejects_a_cell_outside_the_area() -> None:
    with pytest.raises(InputError, match="outside the study area"):
        hit_score([0.1, 0.2], -1)
    with pytest.raises(InputError, match="must be a cell"):
        hit_score([0.1, 0.2], 2)


@given(st.lists(st.floats(-1e6, 1e6), min_size=1, max_size=50), st.data())
def test_hit_score_is_a_fraction_and_the_peak_scores_lowest(values, data) -> None:
    s = np.array(values)
    idx = data.draw(st.integers(0, len(values) - 1))
    h = hit_score(s, idx)
    assert 1 / len(values) <= h <= 1.0
    assert hit_score(s, int(np.argmax(s))) <= h


# ----------------------------------------------------------------- baselines
def test_spatial_mean_scores_are_minus_the_distance_to_the_weighted_mean() -> None:
    s = spatial_mean_scores([0.0, 4.0], [0.0, 0.0], [3.0], [4.0], weights=[1, 3])
    assert s[0] == pytest.approx(-4.0)


def test_cmd_of_a_square_is_its_centre_and_of_three_collinear_points_the_median() -> (
    None
):
    x, y = centre_of_minimum_distance_km([0, 2, 2, 0], [0, 0, 2, 2])
    assert (x, y) == pytest.approx((1.0, 1.0), abs=1e-9)
    x, y = centre_of_minimum_distance_km([0.0, 1.0, 5.0], [0.0, 0.0, 0.0])
    assert (x, y) == pytest.approx((1.0, 0.0), abs=1e-9)


def test_cmd_agrees_with_a_general_optimiser() -> None:
    rng = np.random.default_rng(5)
    ex, ey, w = rng.normal(0, 1, 40), rng.normal(0, 2, 40), rng.uniform(0.5, 3, 40)

    def cost(p: np.ndarray) -> float:
        return float(np.sum(w * np.hypot(ex - p[0], ey - p[1])))

    ref = scipy.optimize.minimize(
        cost, [0.3, 0.3], method="Nelder-Mead", options={"xatol": 1e-10, "fatol": 1e-12}
    )
    got = centre_of_minimum_distance_km(ex, ey, weights=w)
    assert cost(np.array(got)) <= cost(ref.x) + 1e-9
    assert got == pytest.approx(tuple(ref.x), abs=1e-5)
    s = centre_of_minimum_distance_scores(ex, ey, [got[0]], [got[1]], weights=w)
    assert s[0] == pytest.approx(0.0, abs=1e-12)


def test_kde_scores_equal_scipy_gaussian_kde() -> None:
    rng = np.random.default_rng(2)
    ex, ey = rng.normal(0, 1, 30), rng.normal(0, 1, 30)
    cx, cy = rng.uniform(-2, 2, 50), rng.uniform(-2, 2, 50)
    ref = scipy.stats.gaussian_kde(np.vstack([ex, ey]))(np.vstack([cx, cy]))
    np.testing.assert_allclose(gaussian_kde_scores(ex, ey, cx, cy), ref, rtol=1e-12)
    with pytest.raises(InputError, match="on a line"):
        gaussian_kde_scores([0, 1, 2], [0, 1, 2], [0.0], [0.0])


# ---------------------------------------------------------------- study area
def test_study_area_is_the_event_box_plus_ten_percent() -> None:
    lons, lats = np.array([10.0, 10.2, 10.1]), np.array([50.0, 50.05, 50.1])
    g = study_area_grid(lons, lats, n_side=200)
    x, y = g.lonlat_to_xy_km(lons, lats)
    width, height = np.ptp(x), np.ptp(y)
    assert max(g.nx, g.ny) == 200
    assert g.east_km - g.west_km == pytest.approx(1.2 * width, abs=g.cell_km)
    assert g.north_km - g.south_km == pytest.approx(1.2 * height, abs=g.cell_km)
    assert x.min() - g.west_km == pytest.approx(0.1 * width, abs=g.cell_km)
    assert (g.lonlat_to_cell(lons, lats) >= 0).all()


def test_study_area_options_and_errors() -> None:
    g = study_area_grid([0.0, 0.1], [0.0, 0.02], n_side=50, square=True)
    assert (g.nx, g.ny) == (50, 50)
    with pytest.warns(GeosleuthWarning, match=r"grows from 35.45 km² to 42 km²"):
        g = study_area_grid([0.0, 0.1], [0.0, 0.02], cell_km=1.0)
    assert g.cell_km == 1.0
    with pytest.raises(InputError, match="same place"):
        study_area_grid([1.0, 1.0], [2.0, 2.0])
    with pytest.raises(InputError, match="expected finite degrees"):
        study_area_grid([1.0, 200.0], [2.0, 2.0])
    with pytest.raises(InputError, match="'n_side' must be a positive integer"):
        study_area_grid([1.0, 2.0], [2.0, 3.0], n_side=0)
    with pytest.raises(InputError, match="at most 25,000,000") as caught:
        study_area_grid([1.0, 2.0], [2.0, 3.0], cell_km=0.001)
    assert caught.value.field == "cell_km"
    with pytest.raises(InputError, match="at most 25,000,000") as caught:
        study_area_grid([1.0, 2.0], [2.0, 3.0], n_side=100_000)
    assert caught.value.field == "n_side"
    # 5,000 along the long side is allowed (well under 25 million cells)
    assert study_area_grid([1.0, 2.0], [2.0, 2.1], n_side=5000).n_cells < 25e6


def test_study_area_across_the_antimeridian_is_the_narrow_box() -> None:
    lons, lats = [179.9, -179.9, 179.95], [10.0, 10.05, 10.1]
    g = study_area_grid(lons, lats, n_side=100)
    assert abs(abs(g.lon0) - 180.0) < 1e-9
    assert g.area_km2 < 1000  # about 0.2° × 0.1° plus margins, not the whole globe
    assert (g.lonlat_to_cell(np.array(lons), np.array(lats)) >= 0).all()


# ------------------------------------------------------------------------ DPM
def _partitions(items: list[int]):
    if not items:
        yield []
        return
    first, rest = items[0], items[1:]
    for p in _partitions(rest):
        for k in range(len(p)):
            yield [*p[:k], [first, *p[k]], *p[k + 1 :]]
        yield [[first], *p]


def test_log_marginal_equals_the_multivariate_normal_marginal() -> None:
    x, y = np.array([0.0, 2.0, 2.2]), np.array([0.0, 0.5, 0.3])
    sig, tau, centre = 0.5, 2.0, (1.0, 0.2)
    cov = sig**2 * np.eye(3) + tau**2 * np.ones((3, 3))
    ref = scipy.stats.multivariate_normal(np.full(3, centre[0]), cov).logpdf(x)
    ref += scipy.stats.multivariate_normal(np.full(3, centre[1]), cov).logpdf(y)
    got = _log_marginal(
        3.0,
        x.sum(),
        y.sum(),
        float((x * x + y * y).sum()),
        sig2=sig**2,
        tau2=tau**2,
        centre=centre,
    )
    assert got - 3 * math.log(2 * math.pi * sig**2) == pytest.approx(ref, rel=1e-12)


@pytest.mark.parametrize("weighted", [False, True])
def test_sampler_matches_the_exact_partition_posterior(weighted: bool) -> None:
    x, y = np.array([0.0, 0.3, 2.0, 2.2]), np.array([0.0, 0.1, 0.5, 0.3])
    w = np.array([1.0, 2.0, 1.0, 1.5]) if weighted else np.ones(4)
    sig, tau, alpha, centre = 0.5, 2.0, 0.7, (1.0, 0.2)
    exact = {}
    for part in _partitions([0, 1, 2, 3]):
        lp = len(part) * math.log(alpha)
        for group in part:
            s = np.array(group)
            lp += math.lgamma(w[s].sum()) + _log_marginal(
                float(w[s].sum()),
                float((w * x)[s].sum()),
                float((w * y)[s].sum()),
                float((w * (x * x + y * y))[s].sum()),
                sig2=sig**2,
                tau2=tau**2,
                centre=centre,
            )
        exact[tuple(sorted(tuple(sorted(g)) for g in part))] = lp
    top = max(exact.values())
    z = sum(math.exp(v - top) for v in exact.values())
    exact = {k: math.exp(v - top) / z for k, v in exact.items()}
    draws = _gibbs(
        x,
        y,
        w,
        n_chains=4,
        n_burnin=20,
        n_samples=1500,
        thin=1,
        centre=centre,
        tau_km=tau,
        sig_shape=math.inf,
        sig_scale=0.0,
        sigma_init_km=sig,
        alpha_shape=1.0,
        alpha_rate=1.0,
        rng=np.random.default_rng(0),
        progress=None,
        fixed_alpha=alpha,
        keep_labels=True,
    )
    assert draws.labels is not None
    labels = draws.labels.reshape(-1, 4)
    counts: dict[tuple, int] = {}
    for lab in labels:
        key = tuple(
            sorted(tuple(np.flatnonzero(lab == v).tolist()) for v in np.unique(lab))
        )
        counts[key] = counts.get(key, 0) + 1
    for key, p in exact.items():
        assert counts.get(key, 0) / len(labels) == pytest.approx(p, abs=0.015)


def _two_clusters(seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    ex = np.r_[rng.normal(0, 0.3, 40), rng.normal(5, 0.3, 40)]
    ey = np.r_[rng.normal(0, 0.3, 40), rng.normal(1, 0.3, 40)]
    return ex, ey


def _small_grid() -> tuple[np.ndarray, np.ndarray]:
    g = Grid(lon0=0, lat0=0, west_km=-2, south_km=-3, cell_km=0.25, nx=36, ny=24)
    return g.cell_xy_km()


def test_dpm_finds_two_sources_and_their_spread() -> None:
    ex, ey = _two_clusters()
    cx, cy = _small_grid()
    m = DPMProfiler(n_burnin=40, n_samples=60, rng=3).fit(
        ex, ey, cell_x_km=cx, cell_y_km=cy
    )
    assert int(np.argmax(m.n_sources_pmf_)) == 2
    assert m.sigma_km_ == pytest.approx(0.3, rel=0.2)
    assert m.map_.sum() == pytest.approx(1.0)
    assert (m.map_ >= 0).all()
    peak = int(np.argmax(m.map_))
    assert (
        min(np.hypot(cx[peak] - 0, cy[peak] - 0), np.hypot(cx[peak] - 5, cy[peak] - 1))
        < 0.3
    )
    assert max(m.rhat_.values()) < 1.2
    assert m.chain_map_tv_ < 0.2


def test_same_seed_gives_the_same_map_and_another_seed_another() -> None:
    ex, ey = _two_clusters(1)
    cx, cy = _small_grid()
    kw: dict[str, Any] = {"n_burnin": 5, "n_samples": 10}
    a = DPMProfiler(rng=7, **kw).fit(ex, ey, cell_x_km=cx, cell_y_km=cy).map_
    b = DPMProfiler(rng=7, **kw).fit(ex, ey, cell_x_km=cx, cell_y_km=cy).map_
    c = DPMProfiler(rng=8, **kw).fit(ex, ey, cell_x_km=cx, cell_y_km=cy).map_
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)


def test_unit_weights_give_the_unweighted_fit() -> None:
    ex, ey = _two_clusters(2)
    cx, cy = _small_grid()
    kw: dict[str, Any] = {"n_burnin": 3, "n_samples": 5, "rng": 1}
    a = DPMProfiler(**kw).fit(ex, ey, cell_x_km=cx, cell_y_km=cy).map_
    b = DPMProfiler(**kw).fit(ex, ey, cell_x_km=cx, cell_y_km=cy, weights=np.ones(80))
    np.testing.assert_array_equal(a, b.map_)


def test_progress_is_reported_after_every_sweep() -> None:
    ex, ey = _two_clusters()
    calls: list[tuple[int, int]] = []
    DPMProfiler(n_burnin=2, n_samples=4, rng=0).fit(
        ex,
        ey,
        cell_x_km=[0.0, 1.0],
        cell_y_km=[0.0, 0.0],
        progress=lambda done, total: calls.append((done, total)),
    )
    assert calls == [(k, 6) for k in range(1, 7)]


def test_dpm_before_fit_and_with_bad_settings() -> None:
    with pytest.raises(NotFittedError, match="not fitted yet"):
        DPMProfiler().map_  # noqa: B018
    with pytest.raises(NotFittedError, match="not fitted yet"):
        DPMProfiler().density([0.0], [0.0])
    with pytest.raises(InputError, match="'n_chains' must be an integer"):
        DPMProfiler(n_chains=0).fit([0, 1], [0, 1], cell_x_km=[0], cell_y_km=[0])
    with pytest.raises(InputError, match="'sigma_squared_shape' must be a number > 1"):
        DPMProfiler(sigma_squared_shape=0.5).fit(
            [0, 1], [0, 1], cell_x_km=[0], cell_y_km=[0]
        )
    with pytest.raises(InputError, match="at least 2 events"):
        DPMProfiler().fit([0.0], [0.0], cell_x_km=[0], cell_y_km=[0])
    with pytest.raises(InputError, match="must be finite"):
        DPMProfiler().fit([0.0, np.nan], [0.0, 1.0], cell_x_km=[0], cell_y_km=[0])


@pytest.mark.parametrize("surface", ["conditional", "draws"])
def test_density_integrates_to_about_one(
    surface: Literal["conditional", "draws"],
) -> None:
    ex, ey = _two_clusters()
    m = DPMProfiler(n_burnin=5, n_samples=10, surface=surface, rng=0).fit(
        ex, ey, cell_x_km=[0.0], cell_y_km=[0.0]
    )
    # Fine steps over the two sources, coarse steps elsewhere.
    coarse = np.arange(-80.0, 85.0, 0.25) + 0.125
    gx, gy = (a.ravel() for a in np.meshgrid(coarse, coarse))
    windows = [(-1.0, 1.0, -1.0, 1.0), (4.0, 6.0, 0.0, 2.0)]
    outside = np.ones(gx.size, bool)
    total = 0.0
    for x0, x1, y0, y1 in windows:
        outside &= ~((gx > x0) & (gx < x1) & (gy > y0) & (gy < y1))
        fx = np.arange(x0, x1, 0.005) + 0.0025
        fy = np.arange(y0, y1, 0.005) + 0.0025
        px, py = (a.ravel() for a in np.meshgrid(fx, fy))
        total += m.density(px, py).sum() * 0.005**2
    total += m.density(gx[outside], gy[outside]).sum() * 0.25**2
    assert total == pytest.approx(1.0, abs=0.01)


def test_raster_map_equals_direct_t_mixture_for_centred_components() -> None:
    r = _Raster(x0_km=0.0, y0_km=0.0, cell_km=0.5, nx=9, ny=7)
    xs, ys = np.arange(9) * 0.5, np.arange(7) * 0.5
    cx, cy = (a.ravel() for a in np.meshgrid(xs, ys))
    mx, my = np.array([1.0, 3.0, 2.0]), np.array([0.5, 2.5, 3.0])
    scale2 = np.array([0.2, 0.2, 0.21])
    w = np.array([0.5, 0.3, 0.2])
    fft = _t_mixture_on_raster(w, mx, my, scale2, np.zeros(3, np.int64), 1, r)[0]
    direct = _t_mixture_at(w, mx, my, scale2, cx, cy)
    # The FFT kernel is renormalised on its support: compare shapes.
    np.testing.assert_allclose(fft / fft.sum(), direct / direct.sum(), rtol=0.05)


def test_rhat_is_about_one_for_agreeing_chains_and_large_otherwise() -> None:
    rng = np.random.default_rng(0)
    same = rng.normal(size=(4, 500))
    assert _rhat(same) < 1.02
    shifted = same + np.arange(4)[:, None]
    assert _rhat(shifted) > 1.5
    assert _rhat(np.ones((4, 50))) == 1.0


# ------------------------------------------------------- real data (../shared)
def _read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.shared
def test_broad_street_pump_ranks_first_for_cgt_and_the_baselines(
    shared_dir: Path,
) -> None:
    snow = shared_dir / "data" / "snow"
    if not (snow / "deaths_by_address.csv").is_file():
        pytest.skip(f"needs {snow / 'deaths_by_address.csv'}")
    rows, pumps = _read(snow / "deaths_by_address.csv"), _read(snow / "pumps.csv")
    lons = np.array([float(r["lon"]) for r in rows])
    lats = np.array([float(r["lat"]) for r in rows])
    g = study_area_grid(lons, lats, n_side=200)
    ex, ey = g.lonlat_to_xy_km(lons, lats)
    cx, cy = g.cell_xy_km()
    cells = g.lonlat_to_cell(
        [float(p["lon"]) for p in pumps], [float(p["lat"]) for p in pumps]
    )
    broad = next(i for i, p in enumerate(pumps) if p["is_outbreak_source"] == "1")
    surfaces = {
        "cgt": cgt_scores(ex, ey, cx, cy, buffer_km=estimate_cgt_buffer_km(ex, ey)),
        "mean": spatial_mean_scores(ex, ey, cx, cy),
        "cmd": centre_of_minimum_distance_scores(ex, ey, cx, cy),
    }
    for name, s in surfaces.items():
        hs = [hit_score(s, int(c)) if c >= 0 else 1.0 for c in cells]
        assert all(hs[broad] < h for i, h in enumerate(hs) if i != broad), name
        assert hs[broad] < 0.01, name


def test_draws_map_sums_to_one_peaks_at_a_source_and_repeats_with_the_seed() -> None:
    ex, ey = _two_clusters()
    cx, cy = _small_grid()
    kw: dict[str, Any] = {"n_burnin": 20, "n_samples": 30, "surface": "draws"}
    a = DPMProfiler(rng=5, **kw).fit(ex, ey, cell_x_km=cx, cell_y_km=cy)
    b = DPMProfiler(rng=5, **kw).fit(ex, ey, cell_x_km=cx, cell_y_km=cy)
    np.testing.assert_array_equal(a.map_, b.map_)
    assert a.map_.sum() == pytest.approx(1.0)
    assert (a.map_ >= 0).all()
    peak = int(np.argmax(a.map_))
    assert (
        min(np.hypot(cx[peak] - 0, cy[peak] - 0), np.hypot(cx[peak] - 5, cy[peak] - 1))
        < 0.3
    )
    assert 0 < a.bandwidth_km_ < 0.3
    conditional = DPMProfiler(n_burnin=20, n_samples=30, rng=5).fit(
        ex, ey, cell_x_km=cx, cell_y_km=cy
    )
    assert math.isnan(conditional.bandwidth_km_)


def test_fixed_bandwidth_is_used_as_given() -> None:
    ex, ey = _two_clusters()
    cx, cy = _small_grid()
    m = DPMProfiler(
        n_burnin=3, n_samples=5, surface="draws", bandwidth_km=0.2, rng=0
    ).fit(ex, ey, cell_x_km=cx, cell_y_km=cy)
    assert m.bandwidth_km_ == 0.2


def test_unknown_surface_lists_the_valid_ones() -> None:
    with pytest.raises(ValueError, match="'conditional', 'draws'"):
        DPMProfiler(surface="kde").fit(  # type: ignore[arg-type]
            [0, 1], [0, 1], cell_x_km=[0], cell_y_km=[0]
        )
    with pytest.raises(InputError, match="'bandwidth_km' must be a positive"):
        DPMProfiler(bandwidth_km=-1.0).fit([0, 1], [0, 1], cell_x_km=[0], cell_y_km=[0])


def test_loo_bandwidth_shrinks_with_more_points_and_scales_with_the_spread() -> None:
    rng = np.random.default_rng(0)
    pts = rng.standard_normal((2, 800))
    lam = _loo_bandwidth_km(pts[0], pts[1], np.random.default_rng(1))
    few = _loo_bandwidth_km(pts[0, :50], pts[1, :50], np.random.default_rng(1))
    scaled = _loo_bandwidth_km(3 * pts[0], 3 * pts[1], np.random.default_rng(1))
    assert 0.05 < lam < 1.0
    assert few > lam
    assert scaled == pytest.approx(3 * lam, rel=1e-9)
    assert math.isnan(_loo_bandwidth_km(np.zeros(5), np.zeros(5), rng))
