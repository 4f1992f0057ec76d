"""Review r50: swapped coordinates in a case file, a plan of the prior, another's plan.

H1: a place written ``{lon: 53.0805, lat: -4.0219}``, a polygon written ``[lat,
lon]`` or a region with west and south exchanged was left out by ``locate`` ("8,261
km from its nearest cell ... nothing is lost"), exit 0; now refused by its line.
M2: ``plan`` on an estimate whose map is the prior alone said nothing. L1:
``searched --plan`` took a plan made for another case, and a search dated before
the plan's map, without a word. Each with near misses that stay as they were.
"""

from __future__ import annotations

import json
import shutil
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import REPO
from geosleuth.casefile import load_case, parse_case
from geosleuth.cli import app
from geosleuth.errors import CaseFileError, GeosleuthWarning
from geosleuth.evidence import Searched
from geosleuth.fuse import factors
from geosleuth.geometry import Area, Point, swap_lonlat

runner = CliRunner()
EXAMPLES = REPO / "src" / "geosleuth" / "examples"
HIKER = EXAMPLES / "missing-hiker.yaml"
SEED = EXAMPLES / "seed-baghdadi-2018.yaml"
TEXT = HIKER.read_text(encoding="utf-8")
CAR = "Pen-y-Pass car park: {lon: -4.0219, lat: 53.0805,"
REGION = "region: {west: -4.20, south: 53.00, east: -3.94, north: 53.15}"
PYG = (
    "polygon: [[-4.045, 53.074], [-4.025, 53.079], [-4.021, 53.083], "
    "[-4.043, 53.081], [-4.075, 53.071], [-4.077, 53.066]]"
)


def _edited(old: str, new: str) -> str:
    assert TEXT.count(old) == 1, old
    return TEXT.replace(old, new)


def _line_of(text: str, start: str) -> int:
    return next(
        n
        for n, line in enumerate(text.splitlines(), 1)
        if line.strip().startswith(start)
    )


def _flat(text: str) -> str:
    return " ".join(text.split())


def _parse(text: str) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GeosleuthWarning)
        return parse_case(text, source="case.yaml")


# -- H1: swapped coordinates in a case file ------------------------------------

CAR_SWAPPED = _edited(CAR, "Pen-y-Pass car park: {lon: 53.0805, lat: -4.0219,")
PYG_SWAPPED = _edited(
    PYG,
    "polygon: [[53.074, -4.045], [53.079, -4.025], [53.083, -4.021], "
    "[53.081, -4.043], [53.071, -4.075], [53.066, -4.077]]",
)
REGION_SWAPPED = _edited(
    REGION, "region: {west: 53.00, south: -4.20, east: 53.15, north: -3.94}"
)


@pytest.mark.parametrize(
    ("text", "start", "field"),
    [
        (CAR_SWAPPED, "Pen-y-Pass car park:", "places.Pen-y-Pass car park"),
        (PYG_SWAPPED, "polygon:", "places.Pyg Track corridor.polygon"),
        (REGION_SWAPPED, "region:", "region"),
    ],
    ids=["place-point", "place-polygon", "region"],
)
def test_a_case_file_with_lon_and_lat_swapped_is_refused_by_its_line(
    text: str, start: str, field: str
) -> None:
    with pytest.raises(CaseFileError, match="lon and lat swapped") as info:
        _parse(text)
    assert info.value.line == _line_of(text, start)
    assert info.value.field == field
    assert "case.yaml" in info.value.message


def test_an_item_written_with_its_own_swapped_coordinates_is_refused() -> None:
    text = _edited(
        "    place: Bwlch y Moch\n", "    place: {lon: 53.0784, lat: -4.0425}\n"
    )
    with pytest.raises(CaseFileError, match="lon and lat swapped") as info:
        _parse(text)
    assert info.value.field == "evidence[1].place"
    assert info.value.line == _line_of(text, "place: {lon: 53.0784")
    assert "witness-pyg" in info.value.message


def test_a_swapped_region_says_so_rather_than_blame_every_place() -> None:
    with pytest.raises(CaseFileError) as info:
        _parse(REGION_SWAPPED)
    message = _flat(info.value.message)
    assert "holds none of its 6 items" in message
    assert "west -4.2, south 53, east -3.94, north 53.15" in message  # exchanged


def test_without_a_region_a_swapped_place_is_refused_before_the_region_stretches() -> (
    None
):
    text = CAR_SWAPPED.replace(REGION + "\n", "").replace("grid: {cell_km: 0.1}\n", "")
    with pytest.raises(CaseFileError, match="lon and lat swapped") as info:
        _parse(text)
    assert info.value.field == "places.Pen-y-Pass car park"
    message = _flat(info.value.message)
    assert "one item against 5" in message  # the split said (review r53, M1)
    assert "region drawn around the evidence would stretch" in message


def test_without_a_region_a_latitude_beyond_90_is_refused_already() -> None:
    text = _edited(CAR, "Pen-y-Pass car park: {lon: -4.0219, lat: 153.0805,")
    with pytest.raises(CaseFileError, match="Pen-y-Pass car park"):
        _parse(text.replace(REGION + "\n", ""))


@pytest.mark.parametrize("name", ["bad_carswap", "bad_region"])
def test_locate_refuses_a_swapped_case_and_writes_nothing(
    tmp_path: Path, name: str
) -> None:
    text = CAR_SWAPPED if name == "bad_carswap" else REGION_SWAPPED
    case = tmp_path / f"{name}.yaml"
    case.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["locate", str(case), "--out", str(out), "-q"], terminal_width=400
    )
    assert result.exit_code == 1, result.output
    assert "CaseFileError" in result.output
    assert "lon and lat swapped?" in _flat(result.output)
    assert not out.exists()


def test_searched_blames_a_swapped_region_not_the_right_point(tmp_path: Path) -> None:
    case = tmp_path / "bad_region.yaml"
    case.write_text(REGION_SWAPPED, encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "searched",
            str(case),
            "--date",
            "2024-10-13",
            "--pd",
            "0.6",
            "--point=-4.05,53.07",
            "--radius-km",
            "1",
        ],
        terminal_width=400,
    )
    assert result.exit_code == 1
    flat = _flat(result.output)
    assert "The case's region" in flat and "--point" not in flat
    assert case.read_text(encoding="utf-8") == REGION_SWAPPED


def test_the_walker_case_loads_as_before() -> None:
    case = load_case(HIKER)
    assert len(case.items) == 6
    assert case.grid.cell_km == 0.1
    without = _parse(TEXT.replace(REGION + "\n", ""))  # a region drawn around it
    assert len(without.items) == 6


@pytest.mark.parametrize(
    "place",
    [
        "{lon: -3.50, lat: 53.08,",  # 35 km east of the region: exchanged, nowhere
        "{lon: 53.0805, lat: -40.0219,",  # exchanged, still far outside
    ],
    ids=["beyond-the-edge", "swapped-still-outside"],
)
def test_a_place_truly_outside_the_region_is_left_out_as_before(place: str) -> None:
    text = _edited(CAR, f"Pen-y-Pass car park: {place}")
    case = _parse(text)
    assert next(i.id for i in case.items) == "car"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GeosleuthWarning)
        _, skipped = factors([case.items[0]], case.grid, as_of=case.as_of)
    assert skipped and "outside the grid" in skipped[0][1]


SCOTLAND = "region: {west: -5.20, south: 56.00, east: -4.90, north: 56.20}"


def test_a_region_that_misses_the_items_but_not_swapped_loads() -> None:
    case = _parse(_edited(REGION, SCOTLAND))
    assert len(case.items) == 6


def test_a_search_recorded_outside_the_region_keeps_the_case_loadable(
    tmp_path: Path,
) -> None:
    case = tmp_path / "hiker.yaml"
    shutil.copy(HIKER, case)
    result = runner.invoke(
        app,
        [
            "searched",
            str(case),
            "--date",
            "2024-10-13",
            "--pd",
            "0.5",
            "--box",
            "-3.60,53.00,-3.50,53.10",
        ],
        terminal_width=400,
    )
    assert result.exit_code == 0, result.output
    assert isinstance(load_case(case).items[-1], Searched)


def test_swap_lonlat_exchanges_every_position() -> None:
    square = Area.of([[-4.07, 53.06], [-4.06, 53.06], [-4.06, 53.07], [-4.07, 53.07]])
    swapped = swap_lonlat(square)
    assert isinstance(swapped, Area)
    assert swapped.polygons[0][0][0].tolist() == [53.06, -4.07]
    assert swap_lonlat(Point(-100.0, 40.0)) is None  # -100 is no latitude


# -- M2: a plan on an estimate of the prior alone ----------------------------------


def _locate(case: Path, out: Path) -> None:
    result = runner.invoke(
        app, ["locate", str(case), "--out", str(out), "-q"], terminal_width=400
    )
    assert result.exit_code == 0, result.output


def _plan(est: Path, out: Path) -> Any:
    return runner.invoke(
        app,
        [
            "plan",
            str(est),
            "--budget-km",
            "5",
            "--sweep-width-km",
            "0.05",
            "--out",
            str(out),
        ],
        terminal_width=400,
    )


@pytest.fixture(scope="module")
def walker(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The walker case's estimate and a plan on it."""
    root = tmp_path_factory.mktemp("walker")
    case = root / "walker.yaml"
    shutil.copy(HIKER, case)
    _locate(case, root / "est")
    result = _plan(root / "est", root / "plan")
    assert result.exit_code == 0, result.output
    return root / "est", root / "plan"


def test_a_plan_on_the_prior_alone_is_warned_of_and_marked(tmp_path: Path) -> None:
    case = tmp_path / "scotland.yaml"
    case.write_text(_edited(REGION, SCOTLAND), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GeosleuthWarning)
        _locate(case, tmp_path / "est")
    result = _plan(tmp_path / "est", tmp_path / "plan")
    assert result.exit_code == 0, result.output
    flat = _flat(result.output)
    assert "used none of its 6 items" in flat
    assert "its map is the prior alone" in flat
    made_on = json.loads((tmp_path / "plan" / "plan.geojson").read_text())["estimate"]
    assert made_on["prior_alone"] is True
    assert "prior alone" in made_on["warning"]
    ns = {"g": "http://www.topografix.com/GPX/1/1"}
    gpx = ET.parse(tmp_path / "plan" / "plan.gpx").getroot()
    desc = gpx.find("g:metadata/g:desc", ns)
    assert desc is not None and (desc.text or "").startswith("WARNING: ")
    kml = (tmp_path / "plan" / "plan.kml").read_text(encoding="utf-8")
    assert "<description>WARNING: " in kml


def test_a_plan_on_the_evidence_says_no_such_thing(walker: tuple[Path, Path]) -> None:
    _, plan = walker
    made_on = json.loads((plan / "plan.geojson").read_text())["estimate"]
    assert made_on["target"] == "missing walker (synthetic example)"
    assert made_on["as_of"] == "2024-10-13" and made_on["as_of_time"] == "09:00"
    assert "prior_alone" not in made_on
    assert "WARNING" not in (plan / "plan.gpx").read_text(encoding="utf-8")


# -- L1: searched --plan of another case, or dated before the plan ------------------


def _searched(case: Path, plan: Path, *args: str) -> Any:
    return runner.invoke(
        app,
        ["searched", str(case), "--plan", str(plan / "plan.geojson"), *args],
        terminal_width=400,
    )


def test_a_plan_of_another_case_is_refused_naming_both(
    walker: tuple[Path, Path], tmp_path: Path
) -> None:
    _, plan = walker
    case = tmp_path / "seed.yaml"
    shutil.copy(SEED, case)
    before = case.read_bytes()
    result = _searched(case, plan, "--date", "2018-05-14")
    assert result.exit_code == 1
    flat = _flat(result.output)
    assert "was made for another case" in flat
    assert "missing walker (synthetic example)" in flat
    assert "Abu Bakr al-Baghdadi" in flat
    assert case.read_bytes() == before


def test_a_plan_of_this_case_is_recorded_after_searches_and_a_new_title(
    walker: tuple[Path, Path], tmp_path: Path
) -> None:
    _, plan = walker
    case = tmp_path / "walker.yaml"
    text = TEXT.replace("as of the morning after", "as of noon")  # reworded
    case.write_text(text, encoding="utf-8")
    first = runner.invoke(
        app,
        [
            "searched",
            str(case),
            "--date",
            "2024-10-13",
            "--pd",
            "0.5",
            "--box",
            "-4.07,53.06,-4.05,53.07",
            "--time",
            "09:30",
        ],
        terminal_width=400,
    )
    assert first.exit_code == 0, first.output
    result = _searched(case, plan, "--date", "2024-10-13", "--time", "10:00")
    assert result.exit_code == 0, result.output
    flat = _flat(result.output)
    assert "another case" not in flat and "before the map" not in flat
    assert sum(isinstance(i, Searched) for i in load_case(case).items) > 3


@pytest.mark.parametrize(
    ("args", "warned"),
    [
        (["--date", "2024-10-11"], True),
        (["--date", "2024-10-13", "--time", "08:00"], True),
        (["--date", "2024-10-13"], False),  # same day, no time: cannot tell
        (["--date", "2024-10-14"], False),
    ],
)
def test_a_search_dated_before_the_plans_map_is_warned_of(
    walker: tuple[Path, Path], tmp_path: Path, args: list[str], warned: bool
) -> None:
    _, plan = walker
    case = tmp_path / "walker.yaml"
    shutil.copy(HIKER, case)
    result = _searched(case, plan, *args)
    assert result.exit_code == 0, result.output
    flat = _flat(result.output)
    assert ("before the map the plan" in flat) is warned
    if warned:
        assert "as of 2024-10-13 09:00" in flat
