"""Alike ranked places folded by fuse itself; items read for another person counted.

- 989ba1f folded a ranked place into an earlier row of the same figure on much
  the same ground ("Atalaya clinic (Cúcuta)") in ``locate``, after
  :func:`~geosleuth.fuse.fuse`: whoever called ``fuse`` (verify, the library)
  still got both rows. The rule is now the fusion's own, beside the joining of
  places less than a tenth of the radius apart.
- Items of readings made for another person were counted as left out by the
  terminal and report.html, not by map.png's "N of M items used" nor by the
  web service's summary (``items.left_out``).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from geosleuth.cli import app
from geosleuth.evidence import Provenance, Sighting
from geosleuth.fuse import NamedPlace, Settings, fuse, place_probabilities
from geosleuth.geometry import Point
from geosleuth.grid import Grid
from geosleuth.report.files import OTHER_PERSON
from geosleuth.service.pipeline import estimate_summary
from test_r31_leftovers import _readings  # one reading a target, each

runner = CliRunner()
DAY = dt.date(2026, 10, 1)
CUCUTA = NamedPlace("Cúcuta", -72.5072, 7.8939)
ATALAYA = NamedPlace("Atalaya clinic", -72.5260, 7.8960)  # 2.1 km away


def _seen(lon: float, lat: float, name: str | None = None) -> Sighting:
    return Sighting(
        id=f"s{lon}", provenance=Provenance(document="d"), sigma_km=2.0, date=DAY,
        place=Point(lon, lat), place_name=name,
    )  # fmt: skip


GRID = Grid.around(-72.51, 7.89, radius_km=80.0, cell_km=1.0)


# ------------------------------------------------------- fuse folds the rows
def test_fuse_itself_folds_a_place_of_the_same_figure_on_the_same_ground() -> None:
    est = fuse(
        [_seen(-72.51, 7.89)], GRID, as_of=DAY, places=[ATALAYA, CUCUTA],
        settings=Settings(place_radius_km=15.0),
    )  # fmt: skip
    # the better-ranked place leads (here Atalaya, given first of two equal)
    assert len(est.places) == 1
    (row,) = est.places
    assert row.name in ("Atalaya clinic (Cúcuta)", "Cúcuta (Atalaya clinic)")
    lead = next(p for p in (ATALAYA, CUCUTA) if row.name.startswith(p.name))
    assert (row.lon, row.lat) == (lead.lon, lead.lat)
    # the figure is the leading place's own, as ranked alone
    alone = fuse(
        [_seen(-72.51, 7.89)], GRID, as_of=DAY, places=[lead],
        settings=Settings(place_radius_km=15.0),
    )  # fmt: skip
    assert row.probability == alone.places[0].probability
    assert row.in_hdr90 == alone.places[0].in_hdr90


def test_fuse_folds_the_places_it_takes_from_the_items() -> None:
    # no places given: the items' named places are ranked, and folded alike
    items = [_seen(CUCUTA.lon, CUCUTA.lat, "Cúcuta"),
             _seen(ATALAYA.lon, ATALAYA.lat, "Atalaya clinic")]  # fmt: skip
    est = fuse(items, GRID, as_of=DAY, settings=Settings(place_radius_km=15.0))
    (row,) = est.places  # whichever is the better ranked leads
    assert row.name in ("Atalaya clinic (Cúcuta)", "Cúcuta (Atalaya clinic)")


def _uniform(places: list[NamedPlace], radius_km: float = 10.0) -> list[str]:
    g = Grid.around(10.0, 50.0, radius_km=60.0, cell_km=0.5)
    p = np.full(g.n_cells, 1.0 / g.n_cells)
    return [q.name for q in place_probabilities(p, g, places, radius_km=radius_km)]


def test_on_a_level_map_only_discs_sharing_over_half_fold() -> None:
    # a level map: every disc inside the grid has one figure; the ground decides
    km = 1.0 / (111.32 * np.cos(np.radians(50.0)))  # degrees of longitude a km
    a = NamedPlace("A", 10.0, 50.0)
    near = NamedPlace("B", 10.0 + 7.5 * km, 50.0)  # 0.75 radius: 0.53 shared
    far = NamedPlace("C", 10.0 - 9.0 * km, 50.0)  # 0.9 radius: 0.44 shared
    assert _uniform([a, near]) == ["A (B)"]
    assert sorted(_uniform([a, far])) == ["A", "C"]


def test_a_place_of_another_figure_on_the_same_ground_stays_apart() -> None:
    # 2 km apart (0.92 of the disc shared), but the map differs between them
    near = NamedPlace("La Parada", -72.5072 + 0.018, 7.8939)
    est = fuse(
        [Sighting(id="s", provenance=Provenance(document="d"), sigma_km=0.5,
                  date=DAY, place=Point(-72.5072, 7.8939))],
        GRID, as_of=DAY, places=[CUCUTA, near],
        settings=Settings(place_radius_km=1.0),
    )  # fmt: skip
    assert [q.name for q in est.places] == ["Cúcuta", "La Parada"]


def test_a_name_with_parentheses_of_its_own_is_kept_whole() -> None:
    # the names folded are carried, not parsed back out of the row's name
    santa = NamedPlace("Santa Cruz (Bolivia)", 10.0, 50.0)
    warnes = NamedPlace("Warnes", 10.0 + 0.02, 50.0)
    assert _uniform([santa, warnes]) == ["Santa Cruz (Bolivia) (Warnes)"]


def test_a_run_with_such_a_name_folded_verifies(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(
        "target: Jane Doe\nas_of: 2026-10-01\n"
        "region: {west: -72.65, south: 7.75, east: -72.35, north: 8.05}\n"
        "settings: {place_radius_km: 15}\n"
        "places:\n"
        "  Cúcuta (Norte de Santander): {lon: -72.5072, lat: 7.8939}\n"
        "  Atalaya clinic: {lon: -72.5260, lat: 7.8960}\n"
        "evidence:\n"
        "  - {id: s1, kind: sighting, date: 2026-10-01,"
        " place: Cúcuta (Norte de Santander), sigma_km: 2}\n"
        "  - {id: s2, kind: sighting, date: 2026-10-01, place: Atalaya clinic,"
        " sigma_km: 2}\n",
        encoding="utf-8",
    )
    out = tmp_path / "o"
    res = runner.invoke(app, ["locate", str(case), "--out", str(out)])
    assert res.exit_code == 0, res.output
    record = json.loads((out / "estimate.json").read_text(encoding="utf-8"))
    assert [p["name"] for p in record["places"]] == [
        "Cúcuta (Norte de Santander) (Atalaya clinic)"
    ]
    check = runner.invoke(app, ["verify", str(out)], terminal_width=300)
    assert check.exit_code == 0, check.output
    assert "ok  ranked places" in check.output


# ---------------------------------------- items read for another person
@pytest.mark.parametrize(
    ("targets", "line", "caption", "items"),
    [
        (
            ["Jane Doe", "Jane Doe", "Tom Fox"],
            "items used: 2, left out: 1 (1 read for another person)",
            "2 of 3 items used (1 read for another person, left out)",
            {"used": 2, "left_out": 1, "read_for_another_person": 1},
        ),
        # near miss: all read for the target, the figures as they were
        (
            ["Jane Doe", "Jane Doe"],
            "items used: 2, left out: 0",
            "2 of 2 items used",
            {"used": 2, "left_out": 0},
        ),
    ],
)
def test_map_and_service_count_items_read_for_another_person_as_the_summary(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    targets: list[str],
    line: str,
    caption: str,
    items: dict[str, int],
) -> None:
    import geosleuth.report.png as png

    captions: list[str] = []
    real = png._caption

    def kept(*args: object, **kwargs: object) -> str:
        captions.append(real(*args, **kwargs))  # type: ignore[arg-type]
        return captions[-1]

    monkeypatch.setattr(png, "_caption", kept)
    out = tmp_path / "o"
    res = runner.invoke(app, ["locate", str(_readings(tmp_path, targets)), "--out",
                              str(out)], terminal_width=300)  # fmt: skip
    assert res.exit_code == 0, res.output
    assert line in " ".join(res.output.split())
    (shown,) = captions
    assert shown.endswith(caption)
    record = json.loads((out / "estimate.json").read_text(encoding="utf-8"))
    assert estimate_summary(record)["items"] == items


def test_the_summary_counts_only_other_person_reasons() -> None:
    record = {
        "evidence": [{"used": True}, {"used": False}],
        "set_aside": [
            {"id": "a", "reason": f"{OTHER_PERSON}: its document 'a' ..."},
            {"id": "b", "reason": "read from b.txt, it quotes the same sentence"},
            "not an entry",
        ],
    }
    assert estimate_summary(record)["items"] == {
        "used": 1,
        "left_out": 2,
        "read_for_another_person": 1,
    }
    # an older record without set_aside: as it was
    del record["set_aside"]
    assert estimate_summary(record)["items"] == {"used": 1, "left_out": 1}


CASE = """\
title: Walker
target: John Smith
as_of: 2024-10-13
region: {west: -4.3, south: 52.95, east: -3.8, north: 53.2}
grid: {cell_km: 0.5}
evidence:
  - {id: seen, kind: sighting, date: 2024-10-12, sigma_km: 0.5,
     place: {lon: -4.117, lat: 53.118}}
"""
ARTICLE = (
    "Walker still missing near Snowdon\n\nLLANBERIS, 13 October 2024 - Police said "
    "John Smith, 54, was seen in Llanberis on 12 October 2024 by a shopkeeper.\n"
)


def test_a_served_run_counts_a_reading_for_another_person_and_verifies(
    tmp_path: Path,
) -> None:
    pytest.importorskip("starlette")
    pytest.importorskip("httpx")
    from geosleuth.service import create_app
    from serving import call

    service = create_app(tmp_path / "data")
    case_id = call(service, "POST", "/api/cases", content=CASE).json()["id"]
    up = call(
        service, "POST", f"/api/cases/{case_id}/documents?name=a.txt", content=ARTICLE
    )
    assert up.status_code == 201, up.text
    # the case file edited on disk for someone else: the reading is not theirs
    case = tmp_path / "data" / "cases" / case_id / "case.yaml"
    case.write_text(case.read_text().replace("John Smith", "Jane Roe"))
    est = call(service, "POST", f"/api/cases/{case_id}/estimate")
    assert est.status_code == 201, est.text
    body = est.json()
    assert body["summary"]["items"] == {
        "used": 1,
        "left_out": 1,
        "read_for_another_person": 1,
    }
    assert any("was read for 'John Smith'" in w for w in body["warnings"])
    run = tmp_path / "data" / "cases" / case_id / "runs" / "0001"
    check = runner.invoke(app, ["verify", str(run)], terminal_width=400)
    assert check.exit_code == 0, check.output
    assert "ok  run.json summary" in check.output
