"""The ring model of distances from a point (lost-person statistics), helper f206.

A :class:`~geosleuth.evidence.Rings` item gives the distances from a place
within which 25, 50, 75 and 95 % of such subjects were found; each ring holds
its share spread over its area, the rest beyond the last in an exponential
tail that continues the last ring's density (:mod:`geosleuth.fuse.rings`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from geosleuth.casefile import parse_case
from geosleuth.cli import app as cli_app
from geosleuth.errors import CaseFileError, EvidenceWarning, InputError
from geosleuth.evidence import (
    Grade,
    Provenance,
    Rings,
    Searched,
    Sighting,
    item_from_dict,
)
from geosleuth.fuse import Settings, fuse, hdr_area_km2
from geosleuth.fuse.likelihood import item_log
from geosleuth.fuse.rings import (
    ring_breaks,
    ring_cell_mass,
    ring_density_km2,
    ring_mass_within,
    ring_tail_km,
)
from geosleuth.geometry import Area, Point, inside
from geosleuth.grid import Grid
from geosleuth.report.files import load_posterior
from hikers import WALKER_RINGS_CASE
from strategies import ring_tables

TABLE = {25: 0.6, 50: 1.2, 75: 2.1, 95: 4.8}
PEN_Y_PASS = Point(-4.0219, 53.0805)
DAY = dt.date(2024, 10, 12)


def _rings(**kw):
    base = {
        "id": "r",
        "provenance": Provenance(document="lpb"),
        "date": DAY,
        "place": PEN_Y_PASS,
        "quantiles_km": TABLE,
    }
    return Rings(**{**base, **kw})


def _plane(cell_km: float, radius_km: float, *, off: tuple[float, float] = (0, 0)):
    """A grid around the origin and the IPP's plane position (``off`` from a centre)."""
    g = Grid.around(0.0, 0.0, radius_km=radius_km, cell_km=cell_km)
    x, y = g.lonlat_to_xy_km(0.0, 0.0)
    return g, float(x) + off[0], float(y) + off[1]


# ------------------------------------------------------------------ the item


def test_rings_item_keeps_its_table_in_order_and_round_trips():
    r = _rings(quantiles_km={95: 4.8, "25": 0.6, 50.0: 1.2})
    assert r.quantiles_km == ((25.0, 0.6), (50.0, 1.2), (95.0, 4.8))
    assert r.to_dict()["quantiles_km"] == {"25": 0.6, "50": 1.2, "95": 4.8}
    again = item_from_dict(json.loads(json.dumps(r.to_dict())))
    assert again == r
    odd = _rings(quantiles_km={12.5: 0.3, 100 / 3: 0.9})
    assert item_from_dict(json.loads(json.dumps(odd.to_dict()))) == odd


@pytest.mark.parametrize(
    ("table", "said"),
    [
        ({50: 1.2}, "at least two"),
        ({0: 0.1, 50: 1.2}, "strictly between 0 and 100"),
        ({50: 1.2, 100: 4.0}, "strictly between 0 and 100"),
        ({"25%": 0.6, 50: 1.2}, "percent: km pairs"),
        ({25: -0.6, 50: 1.2}, "a positive number of km"),
        ({25: 0.0, 50: 1.2}, "a positive number of km"),
        ({25: 2.0, 50: 1.2}, "grow with the percent"),
        ({25: 1.2, 50: 1.2}, "grow with the percent"),
        ({25: "far", 50: 1.2}, "a positive number of km"),
    ],
)
def test_a_bad_table_is_refused_naming_the_item_and_field(table, said):
    with pytest.raises(InputError, match=said) as err:
        _rings(quantiles_km=table)
    assert err.value.field == "quantiles_km"
    assert "of rings 'r'" in str(err.value)


def test_a_rings_place_must_be_a_point():
    with pytest.raises(InputError, match="'place' of rings 'r' must be a point"):
        _rings(place=Area.box(0, 0, 1, 1))


def test_an_older_table_may_serve_a_later_case_but_a_sighting_may_not():
    # the statistics were published before the walker went missing
    old = Provenance(document="lpb", published=dt.date(2011, 1, 1))
    r = _rings(provenance=old)
    assert r.known_on == DAY  # used from its day, not from 2011
    with pytest.raises(InputError, match="out of order"):
        Sighting(id="s", provenance=old, date=DAY, place=PEN_Y_PASS)


# ------------------------------------------------------------------ the model


def test_known_answers_of_the_model():
    # 2π dₙ λ (rₙ + λ) = 5 %, dₙ = 0.2 / π(4.8² − 2.1²)
    lam = ring_tail_km([25, 50, 75, 95], [0.6, 1.2, 2.1, 4.8])
    d_n = 0.2 / (math.pi * (4.8**2 - 2.1**2))
    assert 2 * math.pi * d_n * lam * (4.8 + lam) == pytest.approx(0.05, rel=1e-12)
    f = ring_density_km2([0.3, 1.0, 2.0, 4.0, 4.8], percents=[25, 50, 75, 95],
                         radii_km=[0.6, 1.2, 2.1, 4.8])  # fmt: skip
    expect = [0.25 / (math.pi * 0.36), 0.25 / (math.pi * (1.44 - 0.36)),
              0.25 / (math.pi * (4.41 - 1.44)), d_n]  # fmt: skip
    np.testing.assert_allclose(f[:4], expect, rtol=1e-12)
    assert f[4] == pytest.approx(d_n, rel=1e-9)  # no jump into the tail
    m = ring_mass_within([0.6, 1.2, 2.1, 4.8, 1e3], percents=[25, 50, 75, 95],
                         radii_km=[0.6, 1.2, 2.1, 4.8])  # fmt: skip
    np.testing.assert_allclose(m, [0.25, 0.5, 0.75, 0.95, 1.0], atol=1e-12)


def test_cell_masses_are_the_density_integrated_two_ways():
    # closed-form disc areas against the density sampled on 40×40 points a cell
    g, x, y = _plane(0.5, 4.0, off=(0.13, -0.07))
    pct, km = [25, 50, 75, 95], [0.6, 1.2, 2.1, 4.8]
    exact = ring_cell_mass(g, x, y, percents=pct, radii_km=km)
    k = 40
    sub = (np.arange(k) + 0.5) / k - 0.5
    cx, cy = g.cell_xy_km()
    px = (cx[:, None] + g.cell_km * sub[None, :])[:, :, None]
    py = (cy[:, None] + g.cell_km * sub[None, :])[:, None, :]
    f = ring_density_km2(np.hypot(px - x, py - y), percents=pct, radii_km=km)
    sampled = f.mean(axis=(1, 2)) * g.cell_area_km2
    np.testing.assert_allclose(exact, sampled, atol=2e-4)


def test_a_first_ring_smaller_than_a_cell_keeps_its_share():
    g, x, y = _plane(2.0, 30.0, off=(0.4, 0.3))
    m = ring_cell_mass(g, x, y, percents=[25, 50], radii_km=[0.2, 0.5])
    assert m.max() > 0.5  # the IPP's cell holds both rings, not a centre sample
    assert m.sum() == pytest.approx(1.0, abs=1e-9)


@given(ring_tables())
def test_mass_within_each_distance_matches_its_percent(table):
    pct, km = table
    reach = km[-1] + 30 * ring_tail_km(pct, km)
    cell = max(km[-1] / 12.0, reach / 150.0)  # at most 300 × 300 cells
    g, x, y = _plane(cell, reach + 2 * cell)
    m = ring_cell_mass(g, x, y, percents=pct, radii_km=km)
    assert np.isfinite(m).all() and (m >= 0).all()
    assert m.sum() == pytest.approx(1.0, abs=1e-9)  # all of it on an ample grid
    cx, cy = g.cell_xy_km()
    d = np.hypot(cx - x, cy - y)
    half = cell / math.sqrt(2.0)
    for p, r in zip(pct, km, strict=True):
        # the cells a circle crosses lie within half a diagonal of it
        band = (d > r - half) & (d < r + half)
        tol = m[band].sum() + 1e-9
        assert abs(m[d < r].sum() - p / 100.0) <= tol


@given(ring_tables(), st.floats(-0.5, 0.5), st.floats(-0.5, 0.5))
def test_fine_and_coarse_grids_agree(table, dx, dy):
    pct, km = table
    coarse_km = km[-1] / 4.0
    g = Grid.around(0.0, 0.0, radius_km=2.0 * km[-1], cell_km=coarse_km)
    fine = dataclasses.replace(g, cell_km=coarse_km / 3, nx=3 * g.nx, ny=3 * g.ny)
    x, y = (v + coarse_km * s for v, s in zip(g.lonlat_to_xy_km(0, 0), (dx, dy),
                                                strict=True))  # fmt: skip
    big = ring_cell_mass(g, float(x), float(y), percents=pct, radii_km=km)
    small = ring_cell_mass(fine, float(x), float(y), percents=pct, radii_km=km)
    summed = small.reshape(g.ny, 3, g.nx, 3).sum(axis=(1, 3)).ravel()
    np.testing.assert_allclose(summed, big, atol=1e-12)


@given(ring_tables(decreasing=True))
def test_density_falls_with_distance_when_each_ring_is_thinner(table):
    # the condition: (qᵢ − qᵢ₋₁) / (rᵢ² − rᵢ₋₁²) non-increasing in i
    pct, km = table
    _, dens = ring_breaks(pct, km)
    assert (np.diff(dens) <= 1e-15 * dens[:-1]).all()
    r = np.linspace(0.0, 3.0 * km[-1], 2001)
    f = ring_density_km2(r, percents=pct, radii_km=km)
    assert np.isfinite(f).all() and (f >= 0).all()
    assert (np.diff(f) <= 1e-12 * f[:-1]).all()
    # and so the mass per cell along a row going out from the IPP's column
    # edge (the IPP on the row's middle): each cell farther than the last
    g, _, _ = _plane(km[-1] / 10.0, 2.0 * km[-1])
    j, i = g.nx // 2, g.ny // 2
    x, y = g.west_km + j * g.cell_km, float(g.y_km[i])
    m = ring_cell_mass(g, x, y, percents=pct, radii_km=km)
    row = m.reshape(g.shape)[i, j:]
    assert (np.diff(row) <= 1e-15).all()


def test_a_ring_cut_by_the_edge_keeps_its_share_outside():
    # the grid's east edge 1.5 km east of the IPP: the rings beyond stay beyond
    g = Grid.from_bounds(-4.10, 53.03, -4.0219 + 1.5 / 67.0, 53.13, cell_km=0.1)
    r = _rings(grade=Grade.parse("A1"))
    k = np.exp(item_log(r, g, as_of=DAY, settings=Settings()))
    p_true = min(r.p_true(), Settings().max_reliability)
    kernel = (k - (1 - p_true)) / p_true
    x, y = g.lonlat_to_xy_km(PEN_Y_PASS.lon, PEN_Y_PASS.lat)
    inside = ring_cell_mass(g, float(x), float(y), percents=[25, 50, 75, 95],
                            radii_km=[0.6, 1.2, 2.1, 4.8])  # fmt: skip
    assert inside.sum() < 0.9  # the east of the rings is cut off
    np.testing.assert_allclose(kernel, inside * g.n_cells, rtol=1e-9, atol=1e-9)
    assert kernel.mean() == pytest.approx(inside.sum(), rel=1e-9)  # not mean 1


def test_rings_are_not_aged_by_the_walk():
    g = Grid.around(PEN_Y_PASS.lon, PEN_Y_PASS.lat, radius_km=8.0, cell_km=0.2)
    r = _rings()
    now = item_log(r, g, as_of=DAY, settings=Settings(diffusion_km2_per_day=9.0))
    later = item_log(r, g, as_of=DAY + dt.timedelta(days=30), settings=Settings())
    np.testing.assert_array_equal(now, later)


def test_rings_that_miss_the_grid_are_left_out_with_the_reason():
    g = Grid.around(0.0, 40.0, radius_km=10.0, cell_km=1.0)
    with pytest.warns(EvidenceWarning, match="outside the grid"):
        est = fuse(
            [_rings(), Sighting(id="s", provenance=Provenance(document="d"),
                                date=DAY, place=Point(0.0, 40.0), sigma_km=1.0)],
            g,
            as_of=DAY,
        )  # fmt: skip
    (why,) = [w for i, w in est.excluded if i == "r"]
    assert "outside the grid" in why


# ------------------------------------------------------------------ a case


def _case_error(evidence: str) -> CaseFileError:
    text = (
        "target: t\nplaces:\n  IPP: {lon: -4.0219, lat: 53.0805}\n"
        "  box: {polygon: [[-4.03, 53.07], [-4.01, 53.07], [-4.01, 53.09]]}\n"
        f"evidence:\n{evidence}"
    )
    with pytest.raises(CaseFileError) as err:
        parse_case(text, source="case.yaml")
    return err.value


@pytest.mark.parametrize(
    ("item", "field", "said"),
    [
        (
            "  - {id: r, kind: rings, date: 2024-10-12, place: IPP}\n",
            "evidence[0].quantiles_km",
            "A rings item needs 'quantiles_km'",
        ),
        (
            "  - {id: r, kind: rings, date: 2024-10-12, place: box,\n"
            "     quantiles_km: {25: 0.6, 50: 1.2}}\n",
            "evidence[0].place",
            "must be a point, the initial planning point",
        ),
        (
            "  - {id: r, kind: rings, date: 2024-10-12, place: IPP,\n"
            "     quantiles_km: {25: 0.6, 50: 0.5}}\n",
            "evidence[0].quantiles_km",
            r"'quantiles_km' of rings 'r' \(case.yaml, line 7\) must be distances",
        ),
        (
            "  - {id: r, kind: rings, date: 2024-10-12, place: IPP,\n"
            "     quantiles_km: {25: 0.6, 50: near}}\n",
            "evidence[0].quantiles_km.50",
            "must be a number",
        ),
    ],
)
def test_case_file_errors_name_the_item_field_and_line(item, field, said):
    err = _case_error(item)
    assert err.field == field
    assert err.line is not None
    assert err.message == " ".join(err.message.split())  # one plain line
    assert re.search(said, str(err)), str(err)


@pytest.fixture(scope="module")
def walker(tmp_path_factory):
    """The walker example with rings, run through ``geosleuth locate``."""
    folder = tmp_path_factory.mktemp("walker")
    case = folder / "case.yaml"
    case.write_text(WALKER_RINGS_CASE)
    out = folder / "out"
    result = CliRunner().invoke(cli_app, ["locate", str(case), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return case, out, json.loads((out / "estimate.json").read_text())


def _without(text: str, *ids: str) -> str:
    """The case text with the evidence items of ``ids`` taken out."""
    head, _, items = text.partition("evidence:\n")
    kept = [
        part
        for part in items.split("  - id: ")[1:]
        if part.split("\n", 1)[0].strip() not in ids
    ]
    return head + "evidence:\n" + "".join("  - id: " + p for p in kept)


def _hdr50(text: str) -> float:
    case = parse_case(text, source="case.yaml")
    est = fuse(case.items, case.grid, as_of=case.as_of, settings=case.settings)
    return float(hdr_area_km2(est.posterior, case.grid, 0.5))


def test_the_walker_with_rings_is_narrowed_near_the_car_park(walker):
    _, _, est = walker
    (row,) = [i for i in est["evidence"] if i["id"] == "rings"]
    assert row["used"]
    assert est["hdr_km2"]["50"] == pytest.approx(2.0, abs=0.05)
    with_rings = _hdr50(WALKER_RINGS_CASE)
    without = _hdr50(_without(WALKER_RINGS_CASE, "rings"))
    assert with_rings == pytest.approx(2.0, abs=0.05)  # km², measured
    assert without == pytest.approx(9.12, abs=0.05)
    top = est["places"][0]
    assert top["name"] == "Pen-y-Pass car park"
    assert top["probability"] == pytest.approx(0.575, abs=0.005)


def test_searches_still_update_the_walker_with_rings(walker, tmp_path):
    case, out, _ = walker
    grid, p = load_posterior(out)
    unsearched = parse_case(
        _without(WALKER_RINGS_CASE, "search-pyg", "search-crib-goch"), source="c"
    )
    before = fuse(
        unsearched.items, unsearched.grid, as_of=unsearched.as_of,
        settings=unsearched.settings,
    ).posterior  # fmt: skip
    pyg = Area.of([[-4.045, 53.074], [-4.025, 53.079], [-4.021, 53.083],
                   [-4.043, 53.081], [-4.075, 53.071], [-4.077, 53.066]])  # fmt: skip
    in_pyg = inside(pyg, grid)
    # 0.198 unsearched, 0.171 after the sweep (pd 0.6) and the helicopter, as
    # the walk since 07:30 refills the narrow corridor (0.135 and 0.105 without
    # the rings)
    assert p[in_pyg].sum() < 0.9 * before[in_pyg].sum()
    # and a search recorded now moves mass out of its box, as without rings
    box = "-4.03,53.075,-4.015,53.085"
    copy = tmp_path / "case.yaml"
    copy.write_text(case.read_text())
    r = CliRunner().invoke(
        cli_app,
        ["searched", str(copy), "--date", "2024-10-13", "--pd", "0.9", "--box", box],
    )
    assert r.exit_code == 0, r.output
    again = parse_case(copy.read_text(), source=str(copy))
    assert isinstance(again.items[-1], Searched)
    with pytest.warns(EvidenceWarning, match="counted as made by then"):
        after = fuse(
            again.items, again.grid, as_of=again.as_of, settings=again.settings
        )
    lons, lats = grid.cell_lonlat()
    in_box = (lons >= -4.03) & (lons <= -4.015) & (lats >= 53.075) & (lats <= 53.085)
    assert after.posterior[in_box].sum() < 0.5 * p[in_box].sum()


def test_the_walker_with_rings_verifies_reports_and_plans(walker, tmp_path):
    _, out, est = walker
    ran = CliRunner().invoke(cli_app, ["verify", str(out)])
    assert ran.exit_code == 0, ran.output
    assert "max |Δp| = 0.00e+00" in ran.output
    (row,) = [i for i in est["evidence"] if i["id"] == "rings"]
    stored = row["item"]
    assert stored["quantiles_km"] == {"25": 0.6, "50": 1.2, "75": 2.1, "95": 4.8}
    assert stored["provenance"]["published"] == "2011-01-01"
    assert row["contribution"]["map_shift"] > 0.1
    assert row["place"] == "Pen-y-Pass car park"
    html = (out / "report.html").read_text()
    assert "Distance rings" in html
    assert "95 % within 4.8 km" in html
    assert "Lost-person distance table" in html  # its provenance
    assert '"radii_m":[600.0,1200.0,2100.0,4800.0]' in html
    plan = CliRunner().invoke(
        cli_app,
        ["plan", str(out / "estimate.json"), "--budget-km", "20",
         "--sweep-width-km", "0.05", "--out", str(tmp_path / "plan")],
    )  # fmt: skip
    assert plan.exit_code == 0, plan.output
    assert (tmp_path / "plan" / "plan.geojson").is_file()


def test_the_service_runs_a_case_with_rings(tmp_path: Path):
    pytest.importorskip("starlette")
    pytest.importorskip("httpx")
    from geosleuth.service import create_app
    from serving import call

    app = create_app(tmp_path)
    created = call(app, "POST", "/api/cases", content=WALKER_RINGS_CASE.encode())
    assert created.status_code == 201, created.text
    case_id = created.json()["id"]
    ran = call(app, "POST", f"/api/cases/{case_id}/estimate")
    assert ran.status_code == 201, ran.text
    top = ran.json()["summary"]["places"][0]
    assert top["name"] == "Pen-y-Pass car park"
    assert top["probability"] == pytest.approx(0.575, abs=0.005)
