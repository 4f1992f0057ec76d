"""Review r31's leftovers: name variants, alike rows, trivial areas, wide regions.

- L4: without ``--target``, a reading for "Villamizar Rojas" was left out as
  another person than "Villamizar", though "Hector Villamizar" was kept; and
  what is left out as another person's was said only in a warning ("left out: 0").
- L6: "Cúcuta" and "Atalaya clinic", 3 km apart with a 15 km radius, were two
  ranked rows of one figure.
- L5: the GPS files sent teams to areas of a few tens of metres of track.
- M5: a wider study region makes the map more confident, without a word.
"""

from __future__ import annotations

import datetime as dt
import json
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from geosleuth.cli import app
from geosleuth.errors import GeosleuthWarning
from geosleuth.evidence import Provenance, Sighting
from geosleuth.fuse import NamedPlace, fuse
from geosleuth.geometry import Point
from geosleuth.grid import Grid
from geosleuth.plan import allocate_optimal
from geosleuth.read._target_names import PersonIndex, same_person
from geosleuth.report.fieldfiles import MIN_AREA_SHARE, plan_areas, plan_cells

runner = CliRunner()
DAY = dt.date(2026, 10, 1)


def _said(res: object) -> str:
    return " ".join(str(getattr(res, "output", "")).split())


# ----------------------------------------------------------------- L4: names
@pytest.mark.parametrize(
    "other",
    ["Villamizar", "Hector Villamizar", "Héctor Villamizar Rojas", "H. Villamizar",
     "General Villamizar", "Villamízar Rojas"],
)  # fmt: skip
def test_two_surnames_alone_are_the_person_of_their_first_surname(other: str) -> None:
    assert same_person("Villamizar Rojas", other)
    assert same_person(other, "Villamizar Rojas")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Hector Villamizar", "Marta Villamizar"),  # two given names: two people
        ("Héctor Villamizar Rojas", "Marta Villamizar"),
        ("Villamizar Rojas", "Villamizar Pérez"),  # another second surname
        ("Villamizar Rojas", "Héctor Villamizar Pérez"),
        ("Villamizar Rojas", "Jane Villamizar"),  # no Spanish name
        ("Hector", "Hector Villamizar"),  # a given name alone is no one
        ("Tom Fox", "Jane Tom"),
    ],
)
def test_names_that_conflict_stay_two_people(one: str, other: str) -> None:
    assert not same_person(one, other)
    assert not same_person(other, one)


_SPANISH = st.builds(
    lambda given, first, second, form: {
        "alone": first,
        "two": f"{first} {second}",
        "given": f"{given} {first}",
        "full": f"{given} {first} {second}",
    }[form],
    st.sampled_from(["Héctor", "Marta", "H.", "General"]),
    st.sampled_from(["Villamizar", "Rojas", "Pérez"]),
    st.sampled_from(["Rojas", "Pérez", "Lugo"]),
    st.sampled_from(["alone", "two", "given", "full"]),
)


@given(st.lists(_SPANISH, max_size=20))
def test_the_index_groups_spanish_names_as_comparing_with_every_group_would(
    people: list[str],
) -> None:
    index = PersonIndex()
    heads: list[str] = []
    for name in people:
        naive = next((i for i, h in enumerate(heads) if same_person(h, name)), None)
        if naive is None:
            naive = len(heads)
            heads.append(name)
        assert index.group_of(name) == naive, (name, heads)


def _readings(tmp_path: Path, targets: list[str]) -> Path:
    """An evidence.json of one reading a target, each with a sighting in Cúcuta."""
    from geosleuth.read.corpus import evidence_record
    from geosleuth.read.document import Reading

    readings = []
    for k, target in enumerate(targets, 1):
        doc = f"d{k}"
        seen = Sighting(
            id=f"{doc}:s1", provenance=Provenance(document=doc, quote="Seen."),
            date=DAY, place=Point(-72.5 + 0.01 * k, 7.9), sigma_km=5.0,
        )  # fmt: skip
        readings.append(
            Reading(
                doc_id=doc,
                title=None,
                text="Seen.",
                published=DAY,
                mentions=(),
                evidence=(seen,),
                sentences=(),
                rejected=(),
                notes=(),
                target=target,
                source=f"{doc}.txt",
            )
        )
    whole = tmp_path / "evidence.json"
    whole.write_text(json.dumps(evidence_record(readings)), encoding="utf-8")
    return whole


def test_name_variants_of_one_person_all_count_without_a_target(
    tmp_path: Path,
) -> None:
    # the review's corpus: 01 read for "Villamizar Rojas" was left out
    whole = _readings(
        tmp_path, ["Villamizar Rojas", "Villamizar", "Villamizar", "Hector Villamizar"]
    )
    res = runner.invoke(app, ["locate", str(whole), "--out", str(tmp_path / "o")])
    assert res.exit_code == 0, res.output
    said = _said(res)
    assert "items used: 4, left out: 0" in said
    assert "not for" not in said
    record = json.loads((tmp_path / "o" / "estimate.json").read_text())
    assert record["set_aside"] == []


def test_a_reading_for_another_person_is_counted_as_left_out(tmp_path: Path) -> None:
    whole = _readings(tmp_path, ["Jane Doe", "Jane Doe", "Tom Fox"])
    out = tmp_path / "o"
    res = runner.invoke(app, ["locate", str(whole), "--out", str(out)])
    assert res.exit_code == 0, res.output
    said = _said(res)
    assert "was read for 'Tom Fox', not for 'Jane Doe'" in said  # the warning stays
    assert "items used: 2, left out: 1 (1 read for another person)" in said
    assert "read but not counted" not in said
    record = json.loads((out / "estimate.json").read_text())
    (entry,) = record["set_aside"]
    assert entry["id"] == "d3:s1"
    assert entry["reason"].startswith("read for another person")
    page = (out / "report.html").read_text()
    assert "2 item(s) used, 1 left out (1 read for another person" in page
    assert "Read but not counted (1)" in page
    check = runner.invoke(app, ["verify", str(out)])
    assert check.exit_code == 0, check.output


# ------------------------------------------------------- L6: alike ranked rows
def _ranked(places: list[NamedPlace], radius_km: float = 15.0) -> object:
    from geosleuth.fuse import Settings

    seen = Sighting(
        id="s", provenance=Provenance(document="d"), sigma_km=2.0, date=DAY,
        place=Point(-72.51, 7.89),
    )  # fmt: skip
    grid = Grid.around(-72.51, 7.89, radius_km=80.0, cell_km=1.0)
    return fuse(
        [seen], grid, as_of=DAY, places=places,
        settings=Settings(place_radius_km=radius_km),
    )  # fmt: skip


CUCUTA = NamedPlace("Cúcuta", -72.5072, 7.8939)
ATALAYA = NamedPlace("Atalaya clinic", -72.5260, 7.8960)  # 2.1 km away
TIBU = NamedPlace("Tibú", -72.7339, 8.6390)


def test_a_place_of_the_same_figure_on_much_the_same_ground_is_one_row() -> None:
    # fuse itself folds them (tests/test_places_folded.py: every caller's rows)
    folded = _ranked([CUCUTA, ATALAYA, TIBU])
    assert [q.name for q in folded.places] == ["Cúcuta (Atalaya clinic)", "Tibú"]
    lead = folded.places[0]
    alone = _ranked([CUCUTA, TIBU]).places[0]  # the row as Cúcuta's alone
    assert (lead.lon, lead.lat, lead.probability) == (
        alone.lon,
        alone.lat,
        alone.probability,
    )


def test_places_that_differ_in_figure_or_ground_stay_apart() -> None:
    # overlapping discs but a figure that differs: the difference is the finding
    near = NamedPlace("La Parada", -72.43, 7.83)  # 11 km: the disc half covered
    est = _ranked([CUCUTA, near], radius_km=15.0)
    assert len(est.places) == 2
    assert abs(est.places[0].probability - est.places[1].probability) > 0.0005
    # one figure, far apart: no fold either
    far = NamedPlace("Pamplona", -72.65, 7.37)
    est = _ranked([NamedPlace("A", -73.5, 8.5), far], radius_km=2.0)
    assert "Pamplona" in [q.name for q in est.places]
    assert not any("(" in q.name for q in est.places)


def test_locate_shows_alike_places_as_one_row_everywhere(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(
        "target: Jane Doe\nas_of: 2026-10-01\n"
        "region: {west: -72.65, south: 7.75, east: -72.35, north: 8.05}\n"
        "settings: {place_radius_km: 15}\n"
        "places:\n"
        "  Cúcuta: {lon: -72.5072, lat: 7.8939}\n"
        "  Atalaya clinic: {lon: -72.5260, lat: 7.8960}\n"
        "evidence:\n"
        "  - {id: s1, kind: sighting, date: 2026-10-01, place: Cúcuta, sigma_km: 2}\n"
        "  - {id: s2, kind: sighting, date: 2026-10-01, place: Atalaya clinic,"
        " sigma_km: 2}\n",
        encoding="utf-8",
    )
    out = tmp_path / "o"
    res = runner.invoke(
        app, ["locate", str(case), "--out", str(out)], terminal_width=200
    )
    assert res.exit_code == 0, res.output
    assert "Cúcuta (Atalaya clinic)" in res.output
    record = json.loads((out / "estimate.json").read_text())
    assert [p["name"] for p in record["places"]] == ["Cúcuta (Atalaya clinic)"]
    assert "Cúcuta (Atalaya clinic)" in (out / "report.html").read_text()
    check = runner.invoke(app, ["verify", str(out)])
    assert check.exit_code == 0, check.output


# ------------------------------------------------------ L5: trivial field areas
def _outlier_plan(share: float = 0.009) -> tuple[Any, int]:
    """A 10 km plan on a blob and a far speck (0.009: given 80 m of track)."""
    grid = Grid.around(10.0, 50.0, radius_km=1.0, cell_km=0.1)
    x, y = grid.cell_xy_km()
    p = np.exp(-(x**2 + y**2) / (2 * 0.3**2))
    far = int(np.argmax(x + y))  # a corner cell, apart from the blob
    p[far] = share * p.sum()
    p /= p.sum()
    plan = allocate_optimal(p, 10.0, sweep_width_km=0.02, area_km2=grid.cell_area_km2)
    return plan_cells(grid, plan, sweep_width_km=0.02), far


def test_an_area_of_under_a_hundredth_of_the_track_is_left_out_and_said() -> None:
    pc, far = _outlier_plan()
    effort = float(pc.plan.effort_km[far])
    assert 0.02 <= effort < MIN_AREA_SHARE * 10.0  # more than a sliver, still trivial
    areas = plan_areas(pc)
    assert all(far not in a.cells for a in areas.areas)
    assert all(a.effort_km >= MIN_AREA_SHARE * 10.0 for a in areas.areas)
    text = " ".join(areas.text().split())
    assert (
        "1 area given less track than 0.10 km (1 % of the plan's track) and beside "
        "none (0.08 km in all" in text
    )
    # the totals stay the plan's: what is written and what is left out add up
    written = sum(a.effort_km for a in areas.areas)
    assert written + areas.small_effort_km + areas.left_out_effort_km == (
        pytest.approx(10.0)
    )
    found = sum(a.p_found for a in areas.areas)
    assert found + areas.small_p_found == pytest.approx(pc.plan.pos)
    assert "of the plan's 10.00 km of track" in text


def test_an_area_of_a_hundredth_or_more_is_written() -> None:
    pc, far = _outlier_plan()
    # the rule as it was (the sweep width alone) kept the speck's area
    old = plan_areas(pc, min_track_km=0.02)
    assert any(far in a.cells for a in old.areas)
    # a speck given 1 % or more of the track is written
    pc, far = _outlier_plan(0.01)
    assert float(pc.plan.effort_km[far]) >= MIN_AREA_SHARE * 10.0
    assert any(far in a.cells for a in plan_areas(pc).areas)
    # and a plan whose every area has its share leaves nothing out
    grid = Grid.around(10.0, 50.0, radius_km=1.0, cell_km=0.5)
    plan = allocate_optimal(np.full(16, 1 / 16), 4.0, sweep_width_km=0.1,
                            area_km2=grid.cell_area_km2)  # fmt: skip
    areas = plan_areas(plan_cells(grid, plan, sweep_width_km=0.1))
    assert areas.small_areas == 0 and "left out" not in areas.text()


# -------------------------------------------------------- M5: a wide region
def _sar_case(tmp_path: Path, region: str) -> Path:
    case = tmp_path / "case.yaml"
    case.write_text(
        "target: Ewan MacLeod\nas_of: 2026-11-22\n" + region + "grid: {cell_km: 0.2}\n"
        "settings: {diffusion_km2_per_day: 2.0, place_radius_km: 1.0}\n"
        "evidence:\n"
        "  - {id: summit, kind: sighting, date: 2026-11-21, sigma_km: 0.2,"
        " place: {lon: -3.644, lat: 57.1166}}\n"
        "  - {id: phone, kind: claim, date: 2026-11-21, buffer_km: 1.5,"
        " sigma_km: 0.5, place: {lon: -3.66, lat: 57.085}}\n",
        encoding="utf-8",
    )
    return case


def test_a_region_far_wider_than_the_evidence_is_warned_of(tmp_path: Path) -> None:
    # the review's wide variant: 53 x 44 km around a few km of evidence
    case = _sar_case(
        tmp_path, "region: {west: -4.10, south: 56.90, east: -3.22, north: 57.30}\n"
    )
    out = tmp_path / "o"
    res = runner.invoke(app, ["locate", str(case), "--out", str(out)])
    assert res.exit_code == 0, res.output
    said = _said(res)
    assert "times the area the evidence spans" in said
    assert "more confident, not more cautious" in said
    record = json.loads((out / "estimate.json").read_text())
    assert any("times the area the evidence spans" in w for w in record["warnings"])
    assert "times the area the evidence spans" in (out / "report.html").read_text()


@pytest.mark.parametrize(
    "region",
    [
        # about the region the evidence needs: the review's own
        "region: {west: -3.80, south: 57.03, east: -3.52, north: 57.16}\n",
        "",  # drawn around the evidence
    ],
)
def test_a_region_that_fits_the_evidence_is_not_warned_of(
    tmp_path: Path, region: str
) -> None:
    from geosleuth.locate import locate_case

    case = _sar_case(tmp_path, region)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        locate_case([case], out=tmp_path / "o")
    assert not [
        w
        for w in caught
        if issubclass(w.category, GeosleuthWarning)
        and "times the area the evidence spans" in str(w.message)
    ]
