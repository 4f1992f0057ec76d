"""Searches that found nothing, and the chance that the target is elsewhere.

The map is given the target is in the region. Unsuccessful searches inside it
raise ``P(outside)`` from ``settings.rest_of_world`` (Bayes with a
rest-of-world cell no search reaches), ``locate`` prints it and ``plan`` takes
it as its rest of world; with ``rest_of_world`` 0 a search of most of the
region's probability is warned of. Before, a 95 % search of the whole region
changed nothing and said nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import warnings
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import REPO
from geosleuth.cli import app
from geosleuth.errors import GeosleuthWarning, InputError
from geosleuth.evidence import Provenance, Searched, Sighting
from geosleuth.fuse import Settings, fuse
from geosleuth.fuse.posterior import rest_of_world_after, search_miss
from geosleuth.geometry import Area, Point
from geosleuth.grid import Grid

DAY = dt.date(2024, 10, 13)
PROV = Provenance(document="d")
GRID = Grid.around(-4.07, 53.07, radius_km=5.0, cell_km=0.5)
HIKER = REPO / "src" / "geosleuth" / "examples" / "missing-hiker.yaml"


def _seen() -> Sighting:
    return Sighting(id="s", provenance=PROV, date=DAY, place=Point(-4.07, 53.07),
                    sigma_km=2.0)  # fmt: skip


def _search(
    item_id: str, pd: float, box: tuple[float, float, float, float]
) -> Searched:
    return Searched(id=item_id, provenance=PROV, date=DAY, area=Area.box(*box), pd=pd)


WHOLE = GRID.bounds_lonlat()


# -- the pure functions --------------------------------------------------------------
@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(2, 30),
    seed=st.integers(0, 10_000),
    certain=st.booleans(),
)
def test_search_miss_is_the_prior_chance_that_every_search_missed(
    n: int, seed: int, certain: bool
) -> None:
    rng = np.random.default_rng(seed)
    q = rng.dirichlet(np.ones(n))  # the map before the searches
    miss = rng.uniform(0.0, 1.0, n)  # Π (1 − pd·m) in each cell
    if certain:
        miss[0] = 0.0  # a certain search emptied a cell
    with np.errstate(divide="ignore"):
        log_l = np.log(miss)
    # the map before the searches, as an unnormalised log (any constant)
    log_q = np.log(q) + 3.0
    assert search_miss(log_q, log_l) == pytest.approx(float((q * miss).sum()), rel=1e-9)


def test_search_miss_without_searches_is_1() -> None:
    assert search_miss(np.log(np.full(10, 0.1)), np.zeros(10)) == pytest.approx(1.0)


@given(
    prior=st.floats(0.0, 0.999),
    miss=st.floats(1e-12, 1.0),
    less=st.floats(0.0, 1.0),
)
def test_a_search_that_finds_nothing_never_lowers_p_outside(
    prior: float, miss: float, less: float
) -> None:
    after = rest_of_world_after(prior, miss)
    assert prior - 1e-12 <= after <= 1.0
    assert rest_of_world_after(prior, miss * less) >= after - 1e-12
    assert rest_of_world_after(prior, 1.0) == pytest.approx(prior)


# -- fuse ----------------------------------------------------------------------------
def test_no_search_leaves_the_rest_of_world_as_set() -> None:
    est = fuse([_seen()], GRID, as_of=DAY, settings=Settings(rest_of_world=0.2),
               contributions=False)  # fmt: skip
    assert est.search_miss is None
    assert est.p_outside == pytest.approx(0.2)


def test_a_95_percent_search_of_the_whole_region() -> None:
    items = [_seen(), _search("all", 0.95, WHOLE)]
    # one decimal and " %", as the report's tables (review 13: "71%" in the
    # warning beside "70.5 %" in the tables)
    said = r"probability 95\.0 % were it .* is now 69\.0 % \(settings"
    with pytest.warns(GeosleuthWarning, match=said):
        est = fuse(items, GRID, as_of=DAY, settings=Settings(rest_of_world=0.1),
                   contributions=False)  # fmt: skip
    assert est.search_miss == pytest.approx(0.05, abs=1e-9)
    assert est.p_outside == pytest.approx(0.1 / (0.1 + 0.9 * 0.05))
    # the map itself is given the target is in the region, as before
    before = fuse([_seen()], GRID, as_of=DAY, contributions=False)
    np.testing.assert_allclose(est.posterior, before.posterior, atol=1e-12)


def test_a_closed_world_searched_out_is_warned_of() -> None:
    items = [_seen(), _search("all", 0.9, WHOLE)]
    with pytest.warns(GeosleuthWarning, match=r"rest_of_world is 0"):
        est = fuse(items, GRID, as_of=DAY, contributions=False)
    assert est.p_outside == 0.0
    assert est.search_miss == pytest.approx(0.1, abs=1e-9)


def test_a_small_search_is_not_warned_of() -> None:
    w, s, e, n = WHOLE
    corner = (w, s, w + (e - w) / 10, s + (n - s) / 10)
    with warnings.catch_warnings():
        warnings.simplefilter("error", GeosleuthWarning)
        est = fuse([_seen(), _search("corner", 0.9, corner)], GRID, as_of=DAY,
                   settings=Settings(rest_of_world=0.1),
                   contributions=False)  # fmt: skip
    assert est.search_miss is not None and 0.9 < est.search_miss < 1.0
    assert 0.1 < est.p_outside < 0.11


@settings(max_examples=15, deadline=None)
@given(pd=st.floats(0.05, 1.0), share=st.floats(0.05, 1.0))
def test_one_more_unsuccessful_search_never_lowers_p_outside(
    pd: float, share: float
) -> None:
    w, s, e, n = WHOLE
    box = (w, s, w + (e - w) * share, n)
    rest = Settings(rest_of_world=0.05)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GeosleuthWarning)
        one = fuse([_seen(), _search("a", 0.5, WHOLE)], GRID, as_of=DAY,
                   settings=rest, contributions=False)  # fmt: skip
        two = fuse([_seen(), _search("a", 0.5, WHOLE), _search("b", pd, box)], GRID,
                   as_of=DAY, settings=rest, contributions=False)  # fmt: skip
    assert two.p_outside >= one.p_outside - 1e-12
    assert two.search_miss is not None and one.search_miss is not None
    assert two.search_miss <= one.search_miss + 1e-12


@pytest.mark.parametrize("value", [1.0, -0.1, float("nan"), 2])
def test_rest_of_world_must_be_a_probability_below_1(value: float) -> None:
    with pytest.raises(InputError, match="rest_of_world") as err:
        Settings(rest_of_world=value)
    assert err.value.field == "settings.rest_of_world"


# -- locate, plan, verify ------------------------------------------------------------
def _searched_out_case(tmp_path: Path, rest: float | None) -> Path:
    text = HIKER.read_text(encoding="utf-8")
    if rest is not None:
        assert "\nsettings:\n" in text
        text = text.replace("\nsettings:\n", f"\nsettings:\n  rest_of_world: {rest}\n")
    case = tmp_path / "case.yaml"
    case.write_text(text, encoding="utf-8")
    run = CliRunner().invoke(
        app,
        ["searched", str(case), "--date", "2024-10-13", "--pd", "0.95",
         "--box=-4.21,52.99,-3.93,53.16", "--id", "everything"],
    )  # fmt: skip
    assert run.exit_code == 0, run.output
    return case


def test_locate_prints_p_outside_and_plan_takes_it(tmp_path: Path) -> None:
    case = _searched_out_case(tmp_path, 0.1)
    out = tmp_path / "est"
    run = CliRunner().invoke(app, ["locate", str(case), "--out", str(out)])
    assert run.exit_code == 0, run.output
    flat = " ".join(run.output.split())
    # a percentage, as everywhere in the outputs (review 12, finding 9)
    found = re.search(r"P\(outside the region\) = (\d+\.\d) %", flat)
    assert found is not None, flat
    record = json.loads((out / "estimate.json").read_text(encoding="utf-8"))
    assert record["p_outside"] == pytest.approx(float(found.group(1)) / 100, abs=5e-4)
    assert 0.6 < record["p_outside"] < 0.8
    assert 0.0 < record["search_miss"] < 0.06
    plan = CliRunner().invoke(
        app, ["plan", str(out), "--budget-km", "20", "--sweep-width-km", "0.05",
              "--out", str(tmp_path / "plan")],
    )  # fmt: skip
    assert plan.exit_code == 0, plan.output
    shown = f"Rest of world: {100 * record['p_outside']:.1f} % now"
    assert shown in " ".join(plan.output.split())
    # a rest of world given on the command line still wins
    plan = CliRunner().invoke(
        app, ["plan", str(out), "--budget-km", "20", "--sweep-width-km", "0.05",
              "--rest-of-world", "0", "--out", str(tmp_path / "plan0")],
    )  # fmt: skip
    assert "Rest of world: 0 % now" in " ".join(plan.output.split())
    verify = CliRunner().invoke(app, ["verify", str(out)])
    assert verify.exit_code == 0, verify.output
    assert "ok  searches and rest of world" in verify.output
    shutil.rmtree(out)


def test_locate_warns_of_a_closed_world_searched_out(tmp_path: Path) -> None:
    case = _searched_out_case(tmp_path, None)
    run = CliRunner().invoke(app, ["locate", str(case), "--out", str(tmp_path / "e")])
    assert run.exit_code == 0, run.output
    assert "rest_of_world is 0" in " ".join(run.output.split())


# -- second review: P(outside) near or at 1 -------------------------------------------
def test_a_certain_search_of_everything_puts_the_target_outside() -> None:
    w, s, e, n = WHOLE
    everything = _search("all", 1.0, (w - 0.1, s - 0.1, e + 0.1, n + 0.1))
    with pytest.warns(GeosleuthWarning, match="ruled out every cell"):
        est = fuse([_seen(), everything], GRID, as_of=DAY,
                   settings=Settings(rest_of_world=0.1),
                   contributions=False)  # fmt: skip
    assert est.search_miss == 0.0 and est.p_outside == 1.0
    # no leave-one-out against a region with no possible cell (each read 1.00)
    with pytest.warns(GeosleuthWarning, match="no item's contribution"):
        full = fuse([_seen(), everything], GRID, as_of=DAY,
                    settings=Settings(rest_of_world=0.1))  # fmt: skip
    assert full.contributions == ()
    # without a rest of world there is no answer, and it says so
    with pytest.raises(InputError, match="no possible cell"):
        fuse([_seen(), everything], GRID, as_of=DAY, contributions=False)


def _nearly_everything(tmp_path: Path, pd: str, times: int = 1) -> Path:
    case = _searched_out_case(tmp_path, 0.1)
    for k in range(times):
        run = CliRunner().invoke(
            app,
            ["searched", str(case), "--date", "2024-10-13", "--pd", pd,
             "--box=-4.21,52.99,-3.93,53.16", "--id", f"again-{k}"],
        )  # fmt: skip
        assert run.exit_code == 0, run.output
    return case


def test_p_outside_is_kept_exact_and_plan_uses_it(tmp_path: Path) -> None:
    # rounded to 6 digits it was stored as 1.0, and plan then took 0
    case = _nearly_everything(tmp_path, "0.99999999")
    out = tmp_path / "est"
    assert (
        CliRunner().invoke(app, ["locate", str(case), "--out", str(out)]).exit_code == 0
    )
    stored = json.loads((out / "estimate.json").read_text(encoding="utf-8"))
    assert 0.9999999 < stored["p_outside"] < 1.0
    plan = CliRunner().invoke(
        app, ["plan", str(out), "--budget-km", "10", "--sweep-width-km", "0.05",
              "--out", str(tmp_path / "plan")],
    )  # fmt: skip
    assert plan.exit_code == 0, plan.output
    # not 100 %: pct never rounds a probability below 1 up to certainty
    assert "Rest of world: > 99.9 % now" in " ".join(plan.output.split())


def test_nothing_left_to_plan_is_said_not_failed(tmp_path: Path) -> None:
    case = _nearly_everything(tmp_path, "0.9999999", times=3)  # P(outside) = 1.0
    out = tmp_path / "est"
    run = CliRunner().invoke(
        app, ["locate", str(case), "--out", str(out), "--budget-km", "10",
              "--sweep-width-km", "0.05"],
    )  # fmt: skip
    assert run.exit_code == 0, run.output
    assert "No search plan" in " ".join(run.output.split())
    plan = CliRunner().invoke(
        app, ["plan", str(out), "--budget-km", "10", "--sweep-width-km", "0.05",
              "--out", str(tmp_path / "plan")],
    )  # fmt: skip
    assert plan.exit_code == 1
    assert "leave nothing in it to plan for" in " ".join(plan.output.split())
    plan = CliRunner().invoke(
        app, ["plan", str(out), "--budget-km", "10", "--sweep-width-km", "0.05",
              "--rest-of-world", "0.5", "--out", str(tmp_path / "plan2")],
    )  # fmt: skip
    assert plan.exit_code == 0, plan.output
