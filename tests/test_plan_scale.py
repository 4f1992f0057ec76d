"""The optimal plan depends on sweep width × track length alone, at any scale.

A budget of 1e308 km at a sweep width of 1e-308 km is the plan of 1 km at 1 km:
it crashed (IndexError) in the service and the library, and 1e300 × 1e-308 gave
NaN with a cascade of RuntimeWarnings (outside review). A budget that would cover
a cell more often than a float can count is refused, naming the budget.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geosleuth.errors import InputError
from geosleuth.plan import allocate_greedy, allocate_optimal

P = np.array([0.1, 0.2, 0.3, 0.4])


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 1000),
    exponent=st.integers(-150, 300),
    coverage=st.floats(0.01, 20.0),
)
def test_scaling_budget_and_sweep_width_apart_changes_nothing(
    seed: int, exponent: int, coverage: float
) -> None:
    p = np.random.default_rng(seed).dirichlet(np.ones(6))
    k = 10.0**exponent
    # w = W / A = 1 / k with the swath no wider than the cell (W <= sqrt(A))
    width, area = (1.0 / k, 1.0) if k >= 1.0 else (k, k * k)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ref = allocate_optimal(p, coverage, sweep_width_km=1.0, area_km2=1.0)
        far = allocate_optimal(p, coverage * k, sweep_width_km=width, area_km2=area)
        greedy = allocate_greedy(p, coverage * k, sweep_width_km=width, area_km2=area)
    assert far.pos == pytest.approx(ref.pos, rel=1e-9, abs=1e-12)
    np.testing.assert_allclose(far.effort_km / k, ref.effort_km, rtol=1e-7, atol=1e-9)
    assert far.expected_effort_km / k == pytest.approx(ref.expected_effort_km, rel=1e-7)
    assert greedy.pos == pytest.approx(far.pos, rel=1e-3, abs=1e-9)


@pytest.mark.parametrize(
    ("budget", "width"), [(1e308, 1e-308), (1.0, 1e-310), (1e300, 1e-308)]
)
def test_extreme_but_finite_options_give_a_plan(budget: float, width: float) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        plan = allocate_optimal(P, budget, sweep_width_km=width, area_km2=1.0)
    assert np.isfinite(plan.pos) and 0.0 <= plan.pos <= 1.0
    assert plan.effort_km.sum() == pytest.approx(budget, rel=1e-9)


def test_a_budget_beyond_floating_point_is_refused() -> None:
    with pytest.raises(InputError, match="cannot be planned") as err:
        allocate_optimal(P, 1e308, sweep_width_km=1e-10, area_km2=1e-20)
    assert err.value.field == "budget_km"


def test_widths_uneven_beyond_reason_are_refused() -> None:
    # 300 orders of magnitude between two cells' sweep widths: ~200 overflow
    # warnings and an unreliable plan before
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(InputError, match="more than a factor of") as err:
            allocate_optimal([0.5, 0.5], 1e300, sweep_width_km=[1e-300, 1e-5],
                             area_km2=1.0)  # fmt: skip
    assert err.value.field == "sweep_width_km"
    # an uneven but real search (100x) is planned, without warnings
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        plan = allocate_optimal([0.5, 0.5], 10.0, sweep_width_km=[0.002, 0.2],
                                area_km2=1.0)  # fmt: skip
    assert 0.0 < plan.pos < 1.0
