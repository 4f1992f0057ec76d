"""Tests of geosleuth.plan: detection, allocation, the unsuccessful-search update."""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.integrate import quad

from geosleuth.errors import InputError, NotFittedError
from geosleuth.plan import (
    EffortSequence,
    KoopmanDetection,
    allocate_greedy,
    allocate_optimal,
    expected_effort_km,
    highest_probability_first_sequence,
    optimal_sequence,
    outward_sequence,
    pod,
    scale_for_rest_of_world,
    simulate_effort_to_detection,
    uniform_sequence,
    update_after_unsuccessful_search,
)
from strategies import pod_arrays, probability_vectors

FloatArray = npt.NDArray[np.float64]
FAST = settings(deadline=None)  # max_examples from the active profile (conftest.py)

budgets = st.floats(min_value=0.05, max_value=500.0)
widths = st.floats(min_value=0.01, max_value=2.0)
# cells at least as wide as the widest sweep (2 km): a wider swath is refused
areas = st.floats(min_value=4.0, max_value=25.0)


# ------------------------------------------------------------------ known answers
def test_koopman_pod_at_unit_coverage_is_one_minus_one_over_e() -> None:
    assert float(pod(5.0, sweep_width_km=0.2, area_km2=1.0)) == pytest.approx(
        1.0 - 1.0 / math.e, rel=1e-15
    )


def test_pod_broadcasts_and_passes_nan_through() -> None:
    out = pod([[0.0], [10.0]], sweep_width_km=[0.1, 0.2], area_km2=2.0)
    assert out.shape == (2, 2)
    assert out.dtype == np.float64
    np.testing.assert_allclose(out[1], 1.0 - np.exp(-np.array([0.5, 1.0])))
    assert np.isnan(pod(float("nan"), sweep_width_km=0.2, area_km2=1.0))


def test_two_cell_allocation_matches_hand_computation() -> None:
    # p = (0.6, 0.4), w = W/A = 0.2 / km, B = 10 km.  Equal marginal gains:
    # 0.6 e^{-0.2 z1} = 0.4 e^{-0.2 z2}  =>  z1 - z2 = ln(1.5) / 0.2, z1 + z2 = 10.
    z1 = 5.0 + math.log(1.5) / 0.4
    plan = allocate_optimal([0.6, 0.4], 10.0, sweep_width_km=0.2, area_km2=1.0)
    np.testing.assert_allclose(plan.effort_km, [z1, 10.0 - z1], rtol=1e-12)
    # Unfound mass in each cell is k with k^2 = 0.6 * 0.4 * e^{-0.2 * 10}.
    assert plan.pos == pytest.approx(1.0 - 2.0 * math.sqrt(0.24) / math.e, rel=1e-12)
    assert plan.marginal_pos_per_km == pytest.approx(0.2 * math.sqrt(0.24) / math.e)
    # Expected effort: cell 1 alone until t1 = ln(1.5)/0.2, then both cells share
    # the search (H = 1/w + 1/w = 10 km) with unfound mass 0.8 e^{-(t - t1)/10}.
    t1 = math.log(1.5) / 0.2
    first = 0.4 * t1 + 0.6 * (1.0 - math.exp(-0.2 * t1)) / 0.2
    second = 0.8 * 10.0 * (1.0 - math.exp(-(10.0 - t1) / 10.0))
    assert plan.expected_effort_km == pytest.approx(first + second, rel=1e-12)
    expected_find = (first + second - 10.0 * (1.0 - plan.pos)) / plan.pos
    assert plan.mean_effort_to_find_km == pytest.approx(expected_find, rel=1e-12)


def test_one_cell_expected_effort_is_the_exponential_integral() -> None:
    plan = allocate_optimal([1.0], 5.0, sweep_width_km=0.2, area_km2=1.0)
    assert plan.expected_effort_km == pytest.approx(5.0 * (1.0 - math.exp(-1.0)))
    seq = EffortSequence(cells=[0], effort_km=[5.0])
    assert expected_effort_km(
        seq, [1.0], sweep_width_km=0.2, area_km2=1.0
    ) == pytest.approx(plan.expected_effort_km, rel=1e-12)


def test_update_matches_hand_computation() -> None:
    # p = (0.5, 0.3), r = 0.2, pod = (0.5, 0): P(fail) = 1 - 0.25 = 0.75.
    p_after, rest = update_after_unsuccessful_search(
        [0.5, 0.3], [0.5, 0.0], rest_of_world=0.2
    )
    np.testing.assert_allclose(p_after, [0.25 / 0.75, 0.3 / 0.75])
    assert rest == pytest.approx(0.2 / 0.75)


def test_koopman_detection_fit_matches_closed_form() -> None:
    # 5/(u-1) + 20/(u^2-1) = 5 with u = e^{5W}  =>  u = 3, W = ln(3)/5.
    det = KoopmanDetection().fit([5.0, 5.0, 10.0, 10.0], [1, 0, 1, 1], area_km2=1.0)
    assert det.sweep_width_km_ == pytest.approx(math.log(3.0) / 5.0, rel=1e-10)
    assert det.n_trials_ == 4
    # observed Fisher information Σ_hits c²·u/(u − 1)² with u = e^{W c}: one hit at
    # c = 5 (u = 3) and two at c = 10 (u = 9): 25·3/4 + 2·100·9/64 = 46.875
    assert det.sweep_width_se_km_ == pytest.approx(1.0 / math.sqrt(46.875), rel=1e-9)
    assert det.sweep_width_se_km_ == pytest.approx(0.146059, abs=1e-6)


def test_koopman_detection_recovers_a_simulated_sweep_width() -> None:
    rng = np.random.default_rng(7)
    effort = rng.uniform(1.0, 20.0, 4000)
    detected = rng.random(4000) < pod(effort, sweep_width_km=0.3, area_km2=2.0)
    det = KoopmanDetection().fit(effort, detected, area_km2=2.0)
    assert abs(det.sweep_width_km_ - 0.3) < 4 * det.sweep_width_se_km_
    # the standard error is the expected one: 1/sqrt(Σ c²·e^{-Wc}/(1 - e^{-Wc}))
    c = effort / 2.0
    expected_info = float(np.sum(c**2 / np.expm1(0.3 * c)))
    assert det.sweep_width_se_km_ == pytest.approx(
        1.0 / math.sqrt(expected_info), rel=0.1
    )


# ------------------------------------------------------- a quantity computed twice
@settings(max_examples=15, deadline=None)
@given(probability_vectors(max_cells=8), budgets, widths, areas)
def test_optimal_expected_effort_equals_integral_of_pos(
    pr: tuple[FloatArray, float], budget: float, width: float, area: float
) -> None:
    p, rest = pr
    kw = {"sweep_width_km": width, "area_km2": area, "rest_of_world": rest}
    plan = allocate_optimal(p, budget, **kw)

    def unfound(t: float) -> float:
        return 1.0 - allocate_optimal(p, t, **kw).pos if t > 0 else 1.0

    numeric, _ = quad(unfound, 0.0, budget, epsabs=1e-10, epsrel=1e-8, limit=200)
    assert plan.expected_effort_km == pytest.approx(numeric, rel=1e-6, abs=1e-9)


def test_simulated_effort_matches_exact_expectation() -> None:
    rng = np.random.default_rng(3)
    p = rng.dirichlet(np.ones(20))
    seq = optimal_sequence(p, 300.0, step_km=1.0, sweep_width_km=0.2, area_km2=1.0)
    exact = expected_effort_km(seq, p, sweep_width_km=0.2, area_km2=1.0)
    draws = [
        min(
            simulate_effort_to_detection(
                seq,
                int(rng.choice(20, p=p)),
                sweep_width_km=0.2,
                area_km2=1.0,
                rng=rng,
            ),
            seq.total_km,
        )
        for _ in range(4000)
    ]
    sem = float(np.std(draws)) / math.sqrt(len(draws))
    assert abs(float(np.mean(draws)) - exact) < 4 * sem


# --------------------------------------------------------------------- properties
@FAST
@given(
    probability_vectors(max_cells=25),
    budgets,
    st.lists(widths, min_size=1, max_size=1) | st.just([]),
    areas,
)
def test_greedy_and_lagrangian_allocations_agree(
    pr: tuple[FloatArray, float], budget: float, width_list: list[float], area: float
) -> None:
    p, rest = pr
    rng = np.random.default_rng(len(p))
    # per-cell sweep widths when none was drawn, to exercise unequal w_j
    width: float | FloatArray = (
        width_list[0] if width_list else rng.uniform(0.05, 1.0, p.size)
    )
    n_steps = 4000
    lag = allocate_optimal(
        p, budget, sweep_width_km=width, area_km2=area, rest_of_world=rest
    )
    greedy = allocate_greedy(
        p,
        budget,
        sweep_width_km=width,
        area_km2=area,
        rest_of_world=rest,
        n_steps=n_steps,
    )
    step = budget / n_steps
    np.testing.assert_allclose(greedy.effort_km, lag.effort_km, atol=2.0 * step + 1e-9)
    assert greedy.pos <= lag.pos + 1e-12
    assert greedy.pos == pytest.approx(lag.pos, abs=1e-6)
    assert greedy.expected_effort_km == pytest.approx(
        lag.expected_effort_km, rel=1e-3, abs=2.0 * step
    )
    # the gain per km of the next step, max_j p_j·w_j·e^{-w_j z_j}: the greedy's
    # efforts are within 2 steps of the optimum's, so its marginal is within
    # e^{±2·w·step} of the Lagrange multiplier
    w_max = float(np.max(np.asarray(width) / area))
    slack = math.expm1(2.0 * w_max * step)
    assert greedy.marginal_pos_per_km == pytest.approx(
        lag.marginal_pos_per_km, rel=slack + 1e-9, abs=1e-300
    )


@FAST
@given(probability_vectors(max_cells=25), budgets, widths, areas)
def test_allocation_meets_the_optimality_conditions(
    pr: tuple[FloatArray, float], budget: float, width: float, area: float
) -> None:
    p, rest = pr
    plan = allocate_optimal(
        p, budget, sweep_width_km=width, area_km2=area, rest_of_world=rest
    )
    w = width / area
    assert plan.effort_km.sum() == pytest.approx(budget, rel=1e-12)
    assert np.all(plan.effort_km >= 0)
    assert np.all(plan.effort_km[p == 0] == 0)
    marginal = p * w * np.exp(-w * plan.effort_km)
    lam = plan.marginal_pos_per_km
    active = plan.effort_km > 1e-9 * budget
    np.testing.assert_allclose(marginal[active], lam, rtol=1e-6)
    assert np.all(marginal[~active] <= lam * (1 + 1e-6))
    assert plan.pos == pytest.approx(float(np.dot(p, plan.pod)))
    assert 0.0 <= plan.pos <= 1.0 - rest + 1e-12


@FAST
@given(probability_vectors(max_cells=25), budgets, budgets, widths, areas)
def test_more_budget_never_lowers_pos_and_plans_are_nested(
    pr: tuple[FloatArray, float], b1: float, b2: float, width: float, area: float
) -> None:
    p, rest = pr
    small, large = sorted((b1, b2))
    kw = {"sweep_width_km": width, "area_km2": area, "rest_of_world": rest}
    a = allocate_optimal(p, small, **kw)
    b = allocate_optimal(p, large, **kw)
    assert a.pos <= b.pos + 1e-12
    assert np.all(a.effort_km <= b.effort_km + 1e-9 * large)
    assert a.expected_effort_km <= b.expected_effort_km + 1e-9 * large


@FAST
@given(probability_vectors(max_cells=25), st.data())
def test_posterior_after_unsuccessful_search_sums_to_one(
    pr: tuple[FloatArray, float], data: st.DataObject
) -> None:
    p, rest = pr
    d = data.draw(pod_arrays(p.size))
    if rest == 0 and np.dot(p, d) >= 1.0 - 1e-12:
        with pytest.raises(InputError, match="could not have failed"):
            update_after_unsuccessful_search(p, d, rest_of_world=rest)
        return
    p_after, rest_after = update_after_unsuccessful_search(p, d, rest_of_world=rest)
    assert p_after.sum() + rest_after == pytest.approx(1.0, abs=1e-12)
    assert np.all(p_after >= 0)
    assert rest_after >= rest


@FAST
@given(probability_vectors(max_cells=25), st.data())
def test_unsuccessful_search_never_raises_the_searched_area(
    pr: tuple[FloatArray, float], data: st.DataObject
) -> None:
    p, rest = pr
    d = data.draw(pod_arrays(p.size))
    if np.dot(p, d) >= 1.0 - rest - 1e-9 and rest == 0:
        return
    p_after, _ = update_after_unsuccessful_search(p, d, rest_of_world=rest)
    searched = d > 0
    # the searched area as a whole never gains
    assert p_after[searched].sum() <= p[searched].sum() + 1e-12
    # unsearched cells never lose, and never gain less than a searched cell
    ratio = np.divide(p_after, p, out=np.ones_like(p), where=p > 0)
    if (~searched & (p > 0)).any():
        assert ratio[~searched & (p > 0)].min() >= 1.0 - 1e-12
        if (searched & (p > 0)).any():
            assert ratio[searched & (p > 0)].max() <= ratio[
                ~searched & (p > 0)
            ].min() * (1 + 1e-12)


@FAST
@given(probability_vectors(max_cells=25), st.data(), st.floats(0.0, 1.0))
def test_one_sweep_of_an_area_never_raises_any_searched_cell(
    pr: tuple[FloatArray, float], data: st.DataObject, d_area: float
) -> None:
    p, rest = pr
    area = np.array(
        data.draw(st.lists(st.booleans(), min_size=p.size, max_size=p.size))
    )
    d = np.where(area, d_area, 0.0)
    if rest == 0 and np.dot(p, d) >= 1.0 - 1e-12:
        return
    p_after, _ = update_after_unsuccessful_search(p, d, rest_of_world=rest)
    assert np.all(p_after[area] <= p[area] + 1e-12)


@FAST
@given(probability_vectors(max_cells=25, max_rest_of_world=0.3), st.data())
def test_pod_one_over_an_area_empties_exactly_that_area(
    pr: tuple[FloatArray, float], data: st.DataObject
) -> None:
    p, rest = pr
    area = np.array(
        data.draw(st.lists(st.booleans(), min_size=p.size, max_size=p.size))
    )
    if rest == 0 and p[~area].sum() == 0:
        return
    p_after, rest_after = update_after_unsuccessful_search(
        p, area.astype(float), rest_of_world=rest
    )
    assert np.all(p_after[area] == 0)
    assert np.all(p_after[~area & (p > 0)] > 0)
    assert np.all(p_after[p == 0] == 0)
    if rest > 0:
        assert rest_after > 0


@FAST
@given(probability_vectors(max_cells=15), st.data())
def test_two_failed_searches_equal_one_combined_search(
    pr: tuple[FloatArray, float], data: st.DataObject
) -> None:
    p, _ = pr
    rest = 0.1
    p = scale_for_rest_of_world(p / p.sum(), rest_of_world=rest)
    d1, d2 = data.draw(pod_arrays(p.size)), data.draw(pod_arrays(p.size))
    q1, r1 = update_after_unsuccessful_search(p, d1, rest_of_world=rest)
    q12, r12 = update_after_unsuccessful_search(q1, d2, rest_of_world=r1)
    both = 1.0 - (1.0 - d1) * (1.0 - d2)
    q, r = update_after_unsuccessful_search(p, both, rest_of_world=rest)
    np.testing.assert_allclose(q12, q, atol=1e-12)
    assert r12 == pytest.approx(r)


@FAST
@given(st.floats(0.0, 50.0), st.floats(0.0, 50.0), widths, areas)
def test_efforts_add_over_sorties(
    l1: float, l2: float, width: float, area: float
) -> None:
    kw = {"sweep_width_km": width, "area_km2": area}
    combined = 1.0 - (1.0 - pod(l1, **kw)) * (1.0 - pod(l2, **kw))
    assert float(pod(l1 + l2, **kw)) == pytest.approx(float(combined), abs=1e-12)


@FAST
@given(probability_vectors(max_cells=20), st.floats(0.5, 5.0))
def test_sequences_spend_exactly_the_budget(
    pr: tuple[FloatArray, float], step: float
) -> None:
    p, rest = pr
    budget = 7.3 * step
    xy = np.arange(p.size, dtype=float)
    seqs = [
        optimal_sequence(
            p,
            budget,
            step_km=step,
            sweep_width_km=0.2,
            area_km2=1.0,
            rest_of_world=rest,
        ),
        highest_probability_first_sequence(p, budget, step_km=step, rest_of_world=rest),
        uniform_sequence(p, budget, step_km=step, rest_of_world=rest),
        outward_sequence(p, budget, step_km=step, x_km=xy, y_km=xy, rest_of_world=rest),
    ]
    for seq in seqs:
        assert seq.total_km == pytest.approx(budget)
        assert seq.cells.max() < p.size
        assert not seq.cells.flags.writeable


def test_optimal_sequence_has_the_least_expected_effort() -> None:
    rng = np.random.default_rng(11)
    n = 64
    p = rng.dirichlet(np.full(n, 0.5))
    xy = rng.uniform(0.0, 8.0, (2, n))
    kw = {"step_km": 2.0}
    budget = 2000.0
    seqs = {
        "optimal": optimal_sequence(p, budget, sweep_width_km=0.2, area_km2=1.0, **kw),
        "hpf": highest_probability_first_sequence(p, budget, **kw),
        "uniform": uniform_sequence(p, budget, **kw),
        "outward": outward_sequence(p, budget, x_km=xy[0], y_km=xy[1], **kw),
    }
    effort = {
        k: expected_effort_km(s, p, sweep_width_km=0.2, area_km2=1.0)
        for k, s in seqs.items()
    }
    assert effort["optimal"] == min(effort.values())


def test_plan_arrays_are_read_only_and_unsuccessful_posterior_is_consistent() -> None:
    p = np.array([0.5, 0.3, 0.2])
    before = p.copy()
    plan = allocate_optimal(p, 4.0, sweep_width_km=0.5, area_km2=1.0)
    np.testing.assert_array_equal(p, before)
    with pytest.raises(ValueError, match="read-only"):
        plan.effort_km[0] = 1.0
    q, r = plan.posterior_if_unsuccessful()
    np.testing.assert_allclose(q, p * (1 - plan.pod) / (1 - plan.pos))
    assert r == 0.0


# ------------------------------------------------------------------------- errors
@pytest.mark.parametrize("budget", [0.0, -1.0, float("nan"), float("inf")])
def test_budget_must_be_positive_and_finite(budget: float) -> None:
    with pytest.raises(InputError, match="'budget_km' must be a positive, finite"):
        allocate_optimal([1.0], budget, sweep_width_km=0.2, area_km2=1.0)
    with pytest.raises(InputError, match="'budget_km' must be a positive, finite"):
        allocate_greedy([1.0], budget, sweep_width_km=0.2, area_km2=1.0)


def test_negative_sweep_width_is_rejected() -> None:
    with pytest.raises(InputError, match="'sweep_width_km' must be non-negative"):
        pod(1.0, sweep_width_km=-0.1, area_km2=1.0)
    with pytest.raises(InputError, match="'sweep_width_km' must be positive"):
        allocate_optimal([1.0], 1.0, sweep_width_km=-0.1, area_km2=1.0)
    with pytest.raises(InputError, match=r"'sweep_width_km' must be positive.*cell 1"):
        allocate_optimal([0.5, 0.5], 1.0, sweep_width_km=[0.2, 0.0], area_km2=1.0)


def test_bad_pod_inputs_are_rejected() -> None:
    with pytest.raises(InputError, match="'effort_km' must be non-negative"):
        pod(-1.0, sweep_width_km=0.1, area_km2=1.0)
    with pytest.raises(InputError, match="'area_km2' must be positive"):
        pod(1.0, sweep_width_km=0.1, area_km2=0.0)


def test_probabilities_must_sum_to_one() -> None:
    with pytest.raises(InputError, match=r"must sum to 1\. Got 0\.9 \+ 0 = 0\.9"):
        allocate_optimal([0.5, 0.4], 1.0, sweep_width_km=0.2, area_km2=1.0)
    with pytest.raises(InputError, match="must sum to 1"):
        allocate_optimal(
            [0.5, 0.5], 1.0, sweep_width_km=0.2, area_km2=1.0, rest_of_world=0.1
        )
    with pytest.raises(InputError, match="must sum to 1"):
        update_after_unsuccessful_search([0.5, 0.6], [0.0, 0.0])


def test_nan_and_negative_probabilities_are_rejected() -> None:
    with pytest.raises(InputError, match=r"must be finite numbers\. Got nan in cell 1"):
        allocate_optimal([0.5, float("nan")], 1.0, sweep_width_km=0.2, area_km2=1.0)
    with pytest.raises(InputError, match=r"must be non-negative\. Got -0\.5 in cell 0"):
        update_after_unsuccessful_search([-0.5, 1.5], [0.0, 0.0])
    with pytest.raises(InputError, match="non-empty 1-D array"):
        allocate_optimal([], 1.0, sweep_width_km=0.2, area_km2=1.0)
    with pytest.raises(InputError, match="'p' must be a number or an array"):
        allocate_optimal(["a"], 1.0, sweep_width_km=0.2, area_km2=1.0)


def test_bad_rest_of_world_and_pod_are_rejected() -> None:
    with pytest.raises(
        InputError, match=r"'rest_of_world' must be a probability in \[0, 1\]"
    ):
        update_after_unsuccessful_search([1.0], [0.0], rest_of_world=-0.1)
    with pytest.raises(
        InputError, match=r"Each 'pod' must be a probability in \[0, 1\]"
    ):
        update_after_unsuccessful_search([1.0], [1.5])
    with pytest.raises(InputError, match="'pod' must be a number or an array"):
        update_after_unsuccessful_search([0.5, 0.5], [0.1, 0.2, 0.3])


def test_a_certain_search_of_everything_cannot_fail_without_rest_of_world() -> None:
    with pytest.raises(InputError, match="could not have failed"):
        update_after_unsuccessful_search([0.4, 0.6], [1.0, 1.0])


def test_bad_greedy_step_count_and_sequence_are_rejected() -> None:
    with pytest.raises(InputError, match="'n_steps' must be a positive integer"):
        allocate_greedy([1.0], 1.0, sweep_width_km=0.2, area_km2=1.0, n_steps=0)
    with pytest.raises(InputError, match="'effort_km' must be non-negative"):
        EffortSequence(cells=[0], effort_km=[float("nan")])
    with pytest.raises(InputError, match="only 1 cells"):
        expected_effort_km(
            EffortSequence(cells=[3], effort_km=[1.0]),
            [1.0],
            sweep_width_km=0.2,
            area_km2=1.0,
        )
    with pytest.raises(InputError, match="'step_km' must be a positive"):
        uniform_sequence([1.0], 1.0, step_km=0.0)


def test_detection_model_before_fit_and_degenerate_trials() -> None:
    with pytest.raises(NotFittedError, match="not fitted yet"):
        KoopmanDetection().pod(1.0, area_km2=1.0)
    with pytest.raises(InputError, match="when every trial detected"):
        KoopmanDetection().fit([1.0, 2.0], [1, 1], area_km2=1.0)
    with pytest.raises(InputError, match="when no trial detected"):
        KoopmanDetection().fit([1.0, 2.0], [0, 0], area_km2=1.0)
    with pytest.raises(InputError, match="'detected' must hold only 0/1"):
        KoopmanDetection().fit([1.0, 2.0], [0, 2], area_km2=1.0)


@pytest.mark.parametrize("budget", [1e-15, 1e-300, 5e-324])
def test_a_vanishing_budget_goes_to_the_best_cell(budget: float) -> None:
    plan = allocate_optimal([0.6, 0.4], budget, sweep_width_km=0.2, area_km2=1.0)
    assert np.isfinite(plan.effort_km).all()
    assert plan.effort_km[0] == budget and plan.effort_km[1] == 0.0
    assert 0.0 <= plan.pos < 1e-12


def test_the_update_after_a_huge_plan_stays_defined() -> None:
    # pod rounds to 1.0 everywhere, but exp(-coverage) still ranks the cells
    p = np.array([0.7, 0.2, 0.1])
    plan = allocate_optimal(p, 1e4, sweep_width_km=1.0, area_km2=1.0)
    assert (plan.pod == 1.0).all()
    after, rest = plan.posterior_if_unsuccessful()
    assert np.isfinite(after).all() and after.sum() == pytest.approx(1.0)
    assert rest == 0.0
    # with a moderate plan the log-space update is the textbook one
    q = 0.9 * p
    plan = allocate_optimal(q, 3.0, sweep_width_km=1.0, area_km2=1.0, rest_of_world=0.1)
    after, rest = plan.posterior_if_unsuccessful()
    want, want_rest = update_after_unsuccessful_search(q, plan.pod, rest_of_world=0.1)
    np.testing.assert_allclose(after, want, rtol=1e-12)
    assert rest == pytest.approx(want_rest, rel=1e-12) and rest > 0.1
