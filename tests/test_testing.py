"""Tests of geosleuth.testing: assert_estimate_close passes equal estimates and names
every difference."""

import dataclasses
import datetime as dt

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geosleuth.evidence import Claim, LifeStatus, Provenance, Sighting
from geosleuth.fuse import NamedPlace, fuse
from geosleuth.geometry import Point
from geosleuth.grid import Grid
from geosleuth.testing import assert_estimate_close
from strategies import AS_OF, evidence_lists, small_grids

# Random evidence on small grids often leans on the border: the warning that
# says so (fuse/estimate.py) is tested in test_fuse_honesty.py, not here.
pytestmark = pytest.mark.filterwarnings(
    "ignore:.*lies along the border of the study region:"
    "geosleuth.errors.GeosleuthWarning"
)

DAY = dt.date(2018, 5, 12)
PROV = Provenance(document="test", published=DAY)
GRID = Grid.around(40.8, 34.7, radius_km=40.0, cell_km=2.0)
ITEMS = [
    Sighting(id="s1", provenance=PROV, date=DAY, place=Point(40.8, 34.7), sigma_km=5),
    Claim(id="c1", provenance=PROV, date=DAY, place=Point(40.9, 34.6), sigma_km=8),
    LifeStatus(id="l1", provenance=PROV, date=DAY, status="alive"),
]
PLACES = [NamedPlace("Hajin", 40.83, 34.69), NamedPlace("Elsewhere", 40.5, 34.9)]


def estimate(items=ITEMS, **kw):
    return fuse(items, GRID, as_of=DAY, places=PLACES, **kw)


def failure(actual, desired, **kw) -> list[str]:
    with pytest.raises(AssertionError) as info:
        assert_estimate_close(actual, desired, **kw)
    head, *lines = str(info.value).splitlines()
    assert head == f"The estimates differ in {len(lines)} field(s):"
    return [line.strip() for line in lines]


@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_fusing_the_same_evidence_twice_gives_close_estimates(data):
    grid = data.draw(small_grids())
    items = data.draw(evidence_lists(grid))
    assert_estimate_close(
        fuse(items, grid, as_of=AS_OF), fuse(items, grid, as_of=AS_OF)
    )


def test_a_changed_cell_is_reported_with_its_size():
    a = estimate()
    p = a.posterior.copy()
    p[7] += 1e-3
    b = dataclasses.replace(a, posterior=p)
    (line,) = failure(b, a)
    assert line.startswith(f"posterior: 1 of {p.size} cells differ; largest ")
    assert "0.001 at cell 7" in line


def test_differences_within_tolerance_pass_and_beyond_fail():
    a = estimate()
    b = dataclasses.replace(a, posterior=a.posterior * (1 + 1e-9))
    assert_estimate_close(b, a)  # rtol 1e-7 by default
    lines = failure(b, a, rtol=1e-12, atol=0.0)
    assert len(lines) == 1 and lines[0].startswith("posterior:")


def test_every_differing_field_is_named():
    a = estimate()
    b = estimate(items=ITEMS[:2])  # no proof of life: p_alive, used, contributions
    lines = failure(b, a)
    fields = {line.split(":")[0] for line in lines}
    # proof of life moves P(alive) but not the map, nor the places on it
    assert fields == {"used", "p_alive", "contributions"}
    assert "contributions: 2 entries != 3" in lines


def test_a_changed_place_probability_and_contribution_are_named():
    a = estimate()
    top = dataclasses.replace(a.places[0], probability=a.places[0].probability + 0.01)
    shift = dataclasses.replace(a.contributions[1], map_shift=0.5)
    b = dataclasses.replace(
        a,
        places=(top, *a.places[1:]),
        contributions=(a.contributions[0], shift, *a.contributions[2:]),
    )
    lines = failure(b, a)
    assert lines[0].startswith("places[0].probability: ")
    assert (
        lines[1]
        == f"contributions[1].map_shift: 0.5 != {a.contributions[1].map_shift!r}"
    )


def test_nan_equals_nan_but_not_a_number():
    a = estimate()
    nan = dataclasses.replace(a, p_alive=float("nan"))
    assert_estimate_close(nan, nan)
    assert failure(nan, a) == [f"p_alive: nan != {a.p_alive!r}"]


def test_other_dates_grids_and_hdr_levels_differ():
    a = estimate()
    other = fuse(ITEMS, Grid.around(40.8, 34.7, radius_km=40.0, cell_km=4.0), as_of=DAY)
    lines = failure(other, a)
    assert lines[0].startswith("grid: ")
    assert any(line.startswith("posterior: shape ") for line in lines)
    later = dataclasses.replace(a, as_of=DAY + dt.timedelta(days=1))
    assert failure(later, a) == [f"as_of: {later.as_of} != {DAY}"]
    fewer = dataclasses.replace(a, hdr_km2={"50": a.hdr_km2["50"]})
    assert failure(fewer, a) == ["hdr_km2: levels ['50'] != ['50', '90']"]


def test_non_estimates_and_negative_tolerances_are_refused():
    a = estimate()
    with pytest.raises(
        TypeError, match=r"'desired' must be a geosleuth\.fuse\.Estimate"
    ):
        assert_estimate_close(a, np.zeros(3))
    with pytest.raises(ValueError, match="rtol and atol must be >= 0"):
        assert_estimate_close(a, a, rtol=-1.0)
