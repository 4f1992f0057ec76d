"""Helper a70: review r63's M4 (an area an item names is never a ranked place).

Ranked places are discs around named points. An item whose place is an area (a
state's polygon: "Witnesses saw Quiroga in Durango") is never ranked, so on case1
as of 2023-04-01 the printed best place was Culiacán at 6.9 % while 48 % of the
map lay in the Durango polygon. ``fuse`` now gives, for each area a used item
names, the probability inside it (each cell counted by the share of its area
inside, as a place's disc is counted); ``locate`` prints them after the ranked
places ("Areas named in the evidence"), says when one holds more than the best
place, and records them in estimate.json (``named_areas``, with their
definition), report.html and estimate.geojson; ``verify`` recomputes them.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner

from conftest import REPO
from geosleuth.cli import app
from geosleuth.evidence import Claim, Provenance, Sighting
from geosleuth.fuse import fuse
from geosleuth.geometry import Area, Point
from geosleuth.grid import Grid
from geosleuth.report import files

runner = CliRunner()
SEED = REPO / "src" / "geosleuth" / "examples" / "seed-baghdadi-2018.yaml"

#: The Durango state polygon as case1's reading resolved it (review r63).
DURANGO = [
    [-104.56337133895292, 22.882042674225826],
    [-104.61336296102094, 22.868647597348637],
    [-105.1207769081958, 23.07169712457133],
    [-105.63154501775897, 23.356664519614597],
    [-106.59541471572504, 25.114446409793313],
    [-106.33334771587067, 25.977172603917953],
    [-105.28431373079857, 26.42260441233488],
    [-103.38782704306553, 26.15190808092643],
    [-103.35233645799386, 26.118662719863426],
    [-103.29892428768309, 25.8676263067031],
    [-103.18597075093209, 24.900174030372277],
    [-103.31028404449182, 24.45702162922788],
    [-103.88315929327112, 23.59085933709112],
]

_HEAD = """\
target: Hernán Quiroga Salas
title: r63's case1, in a case file
as_of: 2023-04-01
region: {west: -110.0, south: 22.0, east: -101.0, north: 28.0}
grid: {cell_km: 10}
settings:
  diffusion_km2_per_day: 2.0
  hazard_per_year: 0.1
  prior_alive: 0.9
  place_radius_km: 20
places:
  Culiacán: {lon: -107.39421, lat: 24.80209}
  Tamazula: {lon: -108.45528, lat: 25.44639}
"""

_POINTS = """\
  - {id: s1, kind: sighting, date: 2023-01-03, place: Culiacán, grade: F2,
     sigma_km: 10, quote: Quiroga was seen in Culiacán.}
  - {id: c1, kind: claim, date: 2023-01-10, place: Tamazula, grade: F2,
     buffer_km: 20, hedge: possible, quote: He may be hiding near Tamazula.}
  - {id: c3, kind: claim, date: 2023-03-15, place: Culiacán, polarity: is_not,
     grade: F3, quote: His lawyer denied that he is in Culiacán.}
"""


def _durango_place() -> str:
    return f"  Durango:\n    polygon: {json.dumps(DURANGO)}\n"


def _case(tmp_path: Path, *, areas: bool = True, name: str = "case.yaml") -> Path:
    text = _HEAD
    evidence = "evidence:\n" + _POINTS
    if areas:
        text += _durango_place()
        evidence += (
            "  - {id: c2, kind: claim, date: 2023-01-10, place: Durango, "
            "buffer_km: 0, grade: F2, hedge: possible,\n"
            "     quote: He may be hiding in the mountains of Durango state.}\n"
            "  - {id: s2, kind: sighting, date: 2023-03-13, place: Durango, grade: F2,"
            "\n     quote: Witnesses saw Quiroga in Durango.}\n"
        )
    path = tmp_path / name
    path.write_text(text + evidence, encoding="utf-8")
    return path


def _run(*args: Any) -> Any:
    return runner.invoke(app, [str(a) for a in args], terminal_width=400)


def _record(out: Path) -> dict[str, Any]:
    return json.loads((out / "estimate.json").read_text(encoding="utf-8"))


def _flat(text: str) -> str:
    return " ".join(text.split())


def _share_by_sampling(area: list[list[float]], grid: Grid, n: int = 8) -> np.ndarray:
    """Each cell's share inside a polygon, by n×n points per cell (ray casting).

    Written here without geosleuth's geometry: the polygon's vertices in the
    grid's plane, each cell's sub-points tested against its edges.
    """
    ring = np.asarray(area + area[:1], dtype=np.float64)
    vx, vy = grid.lonlat_to_xy_km(ring[:, 0], ring[:, 1])
    cx, cy = grid.cell_xy_km()
    offs = (np.arange(n) + 0.5) / n - 0.5
    ox, oy = np.meshgrid(offs * grid.cell_km, offs * grid.cell_km)
    px = (cx[:, None] + ox.ravel()[None, :]).ravel()
    py = (cy[:, None] + oy.ravel()[None, :]).ravel()
    inside = np.zeros(px.shape, dtype=bool)
    for a, b, c, d in zip(vx[:-1], vy[:-1], vx[1:], vy[1:], strict=True):
        if b == d:
            continue
        crosses = (b > py) != (d > py)
        xint = a + (py - b) * (c - a) / (d - b)
        inside ^= crosses & (px < xint)
    return inside.reshape(cx.size, n * n).mean(axis=1)


@pytest.fixture(scope="module")
def case1_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    tmp = tmp_path_factory.mktemp("case1")
    out = tmp / "est"
    result = _run("locate", _case(tmp), "--out", out)
    assert result.exit_code == 0, result.output
    return out, result.output


# -- the bad case: a state polygon named by two items, with point items -------------


def test_a_state_named_by_two_items_is_an_area_row_with_its_mass(case1_run):
    out, _ = case1_run
    rec = _record(out)
    (row,) = rec["named_areas"]["areas"]
    assert row["name"] == "Durango"
    assert row["items"] == ["c2", "s2"]
    assert "share of the cell's area inside" in rec["named_areas"]["definition"]
    # the mass inside, summed here from the stored posterior, cell by cell
    grid, post = files.load_posterior(out)
    share = _share_by_sampling(DURANGO, grid)
    assert row["probability"] == pytest.approx(float(post @ share), abs=5e-4)
    assert row["area_km2"] == pytest.approx(share.sum() * grid.cell_area_km2, rel=5e-3)
    # the state holds far more than the best (disc) place: the r63 complaint
    assert row["probability"] > 0.3
    assert row["probability"] > 3 * rec["places"][0]["probability"]


def test_the_summary_prints_the_area_table_and_says_it_beats_the_best_place(
    case1_run,
):
    out, output = case1_run
    rec = _record(out)
    flat = _flat(output)
    assert "Areas named in the evidence" in output
    # after the ranked places, before the totals
    assert output.index("Culiacán") < output.index("Areas named in the evidence")
    assert output.index("Areas named in the evidence") < output.index("P(alive)")
    (row,) = rec["named_areas"]["areas"]
    best = rec["places"][0]
    pct = f"{100 * row['probability']:.1f} %"
    assert (
        f"{pct} lies in Durango, an area named by 2 items; the best place is "
        f"{best['name']}, {100 * best['probability']:.1f} %"
    ) in flat


def test_the_report_and_geojson_show_the_area(case1_run):
    out, _ = case1_run
    rec = _record(out)
    (row,) = rec["named_areas"]["areas"]
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "Areas named in the evidence" in page
    assert "lies in <bdi>Durango</bdi>, an area named by 2 items" in page
    fc = json.loads((out / "estimate.geojson").read_text(encoding="utf-8"))
    (feat,) = [f for f in fc["features"] if f["properties"]["layer"] == "named_area"]
    assert feat["properties"]["name"] == "Durango"
    assert feat["properties"]["probability"] == pytest.approx(row["probability"])
    assert feat["geometry"]["type"] == "Polygon"


def test_verify_recomputes_the_areas_and_finds_one_edited(case1_run, tmp_path):
    out, _ = case1_run
    result = _run("verify", out)
    assert result.exit_code == 0, result.output
    assert "ok  areas named in the evidence" in result.output
    # a copy whose area figure was edited differs
    import shutil

    copy = tmp_path / "edited"
    shutil.copytree(out, copy)
    rec = _record(copy)
    rec["named_areas"]["areas"][0]["probability"] = 0.9
    (copy / "estimate.json").write_text(json.dumps(rec), encoding="utf-8")
    result = _run("verify", copy)
    assert result.exit_code == 1
    assert "differs  areas named in the evidence" in result.output


def test_a_record_from_before_the_areas_is_not_checked_on_them(case1_run, tmp_path):
    out, _ = case1_run
    import shutil

    copy = tmp_path / "older"
    shutil.copytree(out, copy)
    rec = _record(copy)
    del rec["named_areas"]
    (copy / "estimate.json").write_text(json.dumps(rec), encoding="utf-8")
    result = _run("verify", copy)
    assert "not checked  areas named in the evidence (not recorded)" in result.output
    assert result.exit_code == 0, result.output


# -- the figure itself ----------------------------------------------------------------


def test_area_mass_is_the_posterior_summed_over_the_cells_inside():
    """A polygon along cell edges: each cell wholly in or out, the sum exact."""
    g = Grid.around(40.0, 35.0, radius_km=30.0, cell_km=2.0)
    x, y = g.x_km, g.y_km
    h = g.cell_km / 2
    # the cells from the 5th to the 12th column and 3rd to the 20th row
    x0, x1, y0, y1 = x[4] - h, x[11] + h, y[2] - h, y[19] + h
    lons, lats = g.xy_km_to_lonlat(
        np.array([x0, x1, x1, x0]), np.array([y0, y0, y1, y1])
    )
    block = Area.of(np.column_stack([lons, lats]).tolist())
    prov = Provenance(document="d")
    items = [
        Claim(id="c", provenance=prov, date=dt.date(2020, 1, 1), place=block,
              place_name="Block", buffer_km=0.0, sigma_km=3.0),
        Sighting(id="s", provenance=prov, date=dt.date(2020, 1, 1),
                 place=Point(40.1, 35.1), place_name="Town", sigma_km=4.0),
    ]  # fmt: skip
    est = fuse(items, g, as_of=dt.date(2020, 1, 1), contributions=False)
    (row,) = est.named_areas
    cx, cy = g.cell_xy_km()
    inside = (cx > x0) & (cx < x1) & (cy > y0) & (cy < y1)
    assert row.name == "Block" and row.items == ("c",)
    assert row.probability == pytest.approx(
        float(est.posterior[inside].sum()), abs=1e-9
    )
    assert row.area_km2 == pytest.approx(inside.sum() * g.cell_area_km2, rel=1e-9)


def test_an_area_only_an_unused_item_names_is_not_listed():
    g = Grid.around(40.0, 35.0, radius_km=30.0, cell_km=2.0)
    prov = Provenance(document="d")
    later = Claim(id="c", provenance=prov, date=dt.date(2020, 2, 1),
                  place=Area.box(39.9, 34.9, 40.1, 35.1), place_name="Box")  # fmt: skip
    seen = Sighting(id="s", provenance=prov, date=dt.date(2020, 1, 1),
                    place=Point(40.1, 35.1), place_name="Town")  # fmt: skip
    est = fuse([later, seen], g, as_of=dt.date(2020, 1, 15), contributions=False)
    assert est.named_areas == ()
    assert fuse([later, seen], g, as_of=dt.date(2020, 2, 1)).named_areas[0].name == (
        "Box"
    )


# -- near-misses: no area, and an area that holds less than the best place ------------


def test_a_case_with_no_area_items_prints_no_area_table(tmp_path):
    out = tmp_path / "est"
    result = _run("locate", _case(tmp_path, areas=False), "--out", out)
    assert result.exit_code == 0, result.output
    assert "Areas named in the evidence" not in result.output
    assert "lies in" not in result.output
    rec = _record(out)
    assert rec["named_areas"]["areas"] == []
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "Areas named in the evidence" not in page
    fc = json.loads((out / "estimate.geojson").read_text(encoding="utf-8"))
    assert not [f for f in fc["features"] if f["properties"]["layer"] == "named_area"]


def test_the_seed_demo_gains_only_the_pocket_row(tmp_path):
    """The seed's pocket (a claim and a territory) holds less than Hajin: no lead."""
    out = tmp_path / "demo"
    result = _run("demo", "--out", out)
    assert result.exit_code == 0, result.output
    flat = _flat(result.output)
    # the figures the demo always printed
    for said in (
        "Hajin │ 77.9 % │ yes",
        "Abu Kamal │ 9.1 % │ no",
        "P(alive) = 80.0 % 50% area = 304 km² 90% area = 976 km² items used: 14, "
        "left out: 1",
        "Hajin: 77.9 %, between 53.9 % and 78.6 % when any one item is left out",
    ):
        assert said in flat, said
    assert "Areas named in the evidence" in result.output
    assert "ISIS pocket north of the Euphrates (May 2018) │ 69.8 % │ 892 km²" in flat
    assert "lies in" not in flat
    (row,) = _record(out)["named_areas"]["areas"]
    assert row["items"] == ["heseke-leaders-here", "isis-pocket-2018"]
