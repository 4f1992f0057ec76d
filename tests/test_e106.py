"""Review r105 (a SAR planner's walkthrough): ``searched`` and ``plan`` inputs.

- M2: a search that lies inside the region with a sign put back (a GPX track
  whose longitudes lost their minus sign) is refused, and nothing written; a
  search wholly outside is said to count for nothing.
- M3: a ``--radius-km`` longer than the region is across is refused, naming
  the metres meant.
- M4: a search dated before the case's first item is warned of, and the
  warning says truly that ``locate`` counts it.
- L2: a sweep width wider than the whole map is not told to use a coarser grid.
- L3: a budget that gives no area says so, in percent.
- L4: the plan's "later" note names the time of day of a timed map.
- L5: a ``--box`` out of range names ``--box`` and the value.
- L6: a ``--box`` is written as its corners.
- L7: a GPS file of one point is warned of.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from geosleuth.casefile import load_case
from geosleuth.cli import app
from geosleuth.errors import InputError
from geosleuth.evidence import AsOf
from geosleuth.fuse import fuse
from geosleuth.geometry import Area, coverage
from geosleuth.grid import Grid
from geosleuth.plan import allocate_optimal
from geosleuth.report.fieldfiles import PlanAreas
from hikers import LONDON_CASE, RMNP_CASE

runner = CliRunner()
CASE = RMNP_CASE  # the review's case, on coarser cells, without its searches


TRACK = [(-105.6453, 40.3134), (-105.65, 40.311), (-105.6594, 40.3095)]


def _case(tmp_path: Path, text: str = CASE) -> Path:
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _gpx(path: Path, points: list[tuple[float, float]]) -> Path:
    pts = "".join(f'<trkpt lat="{lat}" lon="{lon}"/>' for lon, lat in points)
    path.write_text(
        '<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>'
        f"{pts}</trkseg></trk></gpx>",
        encoding="utf-8",
    )
    return path


def _searched(case: Path, *args: str) -> tuple[int, str, str]:
    got = runner.invoke(app, ["searched", str(case), *args])
    return got.exit_code, got.stdout, got.stderr


def _flat(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------- M2


@pytest.mark.parametrize(
    ("flip", "lost"),
    [
        ((-1, 1), "sign of its longitude changed"),
        ((1, -1), "sign of its latitude changed"),
    ],
)
def test_a_track_with_a_sign_lost_is_refused_and_nothing_written(
    tmp_path: Path, flip: tuple[int, int], lost: str
) -> None:
    case = _case(tmp_path)
    before = case.read_text()
    gpx = _gpx(
        tmp_path / "t.gpx", [(lon * flip[0], lat * flip[1]) for lon, lat in TRACK]
    )
    code, _, err = _searched(
        case, "--date", "2024-09-15", "--pd", "0.5", "--geojson", str(gpx),
        "--buffer-km", "0.1",
    )  # fmt: skip
    assert code == 1
    said = _flat(err)
    assert lost in said and "Nothing was written" in said
    assert "+105.6453" in said if flip[0] < 0 else "-40.3134" in said
    assert case.read_text() == before


def test_a_point_with_both_signs_lost_is_refused(tmp_path: Path) -> None:
    case = _case(tmp_path)
    code, _, err = _searched(
        case, "--date", "2024-09-15", "--pd", "0.5", "--point=105.66,-40.31",
        "--radius-km", "0.5",
    )  # fmt: skip
    assert code == 1
    assert "signs of its longitude and latitude changed" in _flat(err)


def test_the_track_as_recorded_with_its_signs_is_taken(tmp_path: Path) -> None:
    case = _case(tmp_path)
    gpx = _gpx(tmp_path / "t.gpx", TRACK)
    code, out, err = _searched(
        case, "--date", "2024-09-15", "--pd", "0.5", "--geojson", str(gpx),
        "--buffer-km", "0.1",
    )  # fmt: skip
    assert code == 0, err
    assert "Added" in out and "outside" not in err


def test_a_search_far_out_that_no_sign_explains_counts_for_nothing(
    tmp_path: Path,
) -> None:
    # near miss: elsewhere in the world, and elsewhere mirrored too: recorded,
    # and said plainly to count for nothing
    case = _case(tmp_path)
    code, _, err = _searched(
        case, "--date", "2024-09-15", "--pd", "0.5", "--point=10.0,50.0",
        "--radius-km", "0.5",
    )  # fmt: skip
    assert code == 0, err
    said = _flat(err)
    assert "It will count for nothing" in said
    assert "P(outside the region) are as if it had not been made" in said
    assert "sign" not in said
    assert "search-2024-09-15-1" in case.read_text()


LONDON = LONDON_CASE


def test_a_search_just_outside_a_region_across_greenwich_is_only_warned_of(
    tmp_path: Path,
) -> None:
    # near miss: mirrored it lies inside, but a real search just west of a
    # region that straddles the meridian does too: recorded, not refused
    case = _case(tmp_path, LONDON)
    code, _, err = _searched(
        case, "--date", "2024-09-15", "--pd", "0.5", "--point=-0.45,51.5",
        "--radius-km", "0.5",
    )  # fmt: skip
    assert code == 0, err
    assert "count for nothing" in _flat(err)


# ---------------------------------------------------------------- M3


def test_a_radius_longer_than_the_region_is_refused_naming_the_metres(
    tmp_path: Path,
) -> None:
    case = _case(tmp_path)
    before = case.read_text()
    code, _, err = _searched(
        case, "--date", "2024-09-15", "--pd", "0.5", "--point=-105.66,40.31",
        "--radius-km", "500",
    )  # fmt: skip
    assert code == 1
    said = _flat(err)
    assert "wider than the case's whole region, 14.5 km x 13.5 km" in said
    assert "If you meant 500 m, give --radius-km 0.5" in said
    assert case.read_text() == before
    # a track's buffer alike
    gpx = _gpx(tmp_path / "t.gpx", TRACK)
    code, _, err = _searched(
        case, "--date", "2024-09-15", "--pd", "0.5", "--geojson", str(gpx),
        "--buffer-km", "100",
    )  # fmt: skip
    # named as the option a file's track takes (review r211, L5)
    assert code == 1 and "give --buffer-km 0.1" in _flat(err)


@pytest.mark.parametrize("radius", ["0.5", "15"])
def test_a_radius_within_the_region_is_recorded(tmp_path: Path, radius: str) -> None:
    # near miss: 15 km is more than the region's side, less than its diagonal
    case = _case(tmp_path)
    code, _, err = _searched(
        case, "--date", "2024-09-15", "--pd", "0.5", "--point=-105.66,40.31",
        "--radius-km", radius,
    )  # fmt: skip
    assert code == 0, err
    assert f"buffer_km: {float(radius)}" in case.read_text()


# ---------------------------------------------------------------- M4


@pytest.mark.parametrize(
    ("date", "time", "warned"),
    [
        ("2024-09-13", "11:00", True),
        ("2024-09-14", "07:00", True),  # the same day, before the car
        ("2024-09-14", "09:00", False),
        ("2024-09-14", None, False),  # the same day, no time: nothing to tell
        ("2024-09-15", "11:00", False),
    ],
)
def test_a_search_before_the_first_item_is_warned_of(
    tmp_path: Path, date: str, time: str | None, warned: bool
) -> None:
    case = _case(tmp_path)
    timed = ["--time", time] if time else []
    code, _, err = _searched(
        case, "--date", date, *timed, "--pd", "0.9",
        "--box=-105.67,40.305,-105.65,40.315", "--id", "early",
    )  # fmt: skip
    assert code == 0, err
    assert "id: early" in case.read_text()  # recorded either way
    said = _flat(err)
    assert ("before the case's first item" in said) is warned
    if warned:
        assert f"dated {date} {time}" in said
        assert "sighting 'car' (2024-09-14 08:15)" in said
        assert "counts it all the same" in said


def test_locate_counts_a_search_before_the_first_item_as_the_warning_says(
    tmp_path: Path,
) -> None:
    # what the warning says: P(outside the region) rises with the early search
    case = _case(tmp_path)
    as_of = AsOf(2024, 9, 15, dt.time(12, 0))
    loaded = load_case(case)
    without = fuse(loaded.items, loaded.grid, as_of=as_of, settings=loaded.settings)
    code, _, err = _searched(
        case, "--date", "2024-09-13", "--time", "11:00", "--pd", "0.9",
        "--box=-105.67,40.305,-105.65,40.315",
    )  # fmt: skip
    assert code == 0, err
    loaded = load_case(case)
    early = fuse(loaded.items, loaded.grid, as_of=as_of, settings=loaded.settings)
    assert early.p_outside > without.p_outside + 1e-4


# ---------------------------------------------------------------- L5, L6


@pytest.mark.parametrize(
    ("box", "said"),
    [
        ("40.305,-105.67,40.315,-105.65", "--box: south -105.67 is not a latitude"),
        ("200,40.3,201,40.4", "--box: west 200 is not a longitude (-180..180)."),
    ],
)
def test_a_box_out_of_range_names_the_box(tmp_path: Path, box: str, said: str) -> None:
    case = _case(tmp_path)
    code, _, err = _searched(
        case, "--date", "2024-09-15", "--pd", "0.5", f"--box={box}"
    )
    assert code == 1
    assert said in _flat(err)
    assert "polygon ring" not in err
    assert ("lon and lat swapped?" in err) is ("latitude" in said)


def test_a_box_with_west_and_east_swapped_keeps_its_message(tmp_path: Path) -> None:
    case = _case(tmp_path)
    code, _, err = _searched(
        case,
        "--date",
        "2024-09-15",
        "--pd",
        "0.5",
        "--box=-105.65,40.305,-105.67,40.315",
    )
    assert code == 1
    assert "antimeridian" in err and "--box" in err


def test_a_box_is_written_as_its_corners(tmp_path: Path) -> None:
    case = _case(tmp_path)
    code, _, err = _searched(
        case,
        "--date",
        "2024-09-15",
        "--pd",
        "0.5",
        "--box=-105.67,40.305,-105.65,40.315",
    )
    assert code == 0, err
    area = load_case(case).items[-1].area  # type: ignore[union-attr]
    assert area.to_geojson()["coordinates"] == [
        [
            [-105.67, 40.305],
            [-105.65, 40.305],
            [-105.65, 40.315],
            [-105.67, 40.315],
            [-105.67, 40.305],
        ]
    ]


def test_a_large_box_keeps_its_parallels_and_covers_as_before() -> None:
    # near miss: a box of 2° still follows its parallels (they bend 485 m from
    # a straight line in the grid's plane), cut only as much as that needs
    box = Area.checked_box(-106.0, 39.0, -104.0, 41.0, name="--box", got="")
    ring = box.polygons[0][0]
    south = ring[np.isclose(ring[:, 1], 39.0)]
    west = ring[np.isclose(ring[:, 0], -106.0)]
    assert 20 <= len(south) <= 40 and 20 <= len(west) <= 30
    grid = Grid.from_bounds(-106.5, 38.5, -103.5, 41.5, cell_km=5.0)
    old = coverage(Area.box(-106.0, 39.0, -104.0, 41.0), grid)
    new = coverage(box, grid)
    assert float(np.abs(new - old).max()) < 1e-3


def test_a_box_across_the_antimeridian_keeps_its_ring() -> None:
    box = Area.checked_box(179.0, -17.0, -179.0, -16.0, name="--box", got="")
    assert np.array_equal(
        box.polygons[0][0], Area.box(179.0, -17.0, -179.0, -16.0).polygons[0][0]
    )


# ---------------------------------------------------------------- L7


def test_a_gps_file_of_one_point_is_warned_of(tmp_path: Path) -> None:
    case = _case(tmp_path)
    one = _gpx(tmp_path / "one.gpx", TRACK[2:])
    code, _, err = _searched(
        case, "--date", "2024-09-15", "--pd", "0.5", "--geojson", str(one),
        "--buffer-km", "0.1",
    )  # fmt: skip
    assert code == 0, err
    said = _flat(err)
    assert "holds a single point (-105.6594,40.3095)" in said
    assert "recorded as a point searched within 0.1 km of it" in said


def test_a_gps_track_of_two_points_is_not_warned_of(tmp_path: Path) -> None:
    case = _case(tmp_path)
    two = _gpx(tmp_path / "two.gpx", TRACK[1:])
    code, _, err = _searched(
        case, "--date", "2024-09-15", "--pd", "0.5", "--geojson", str(two),
        "--buffer-km", "0.1",
    )  # fmt: skip
    assert code == 0, err
    assert "single point" not in err


# ---------------------------------------------------------------- L2


def test_a_sweep_width_wider_than_the_map_is_not_sent_to_a_coarser_grid() -> None:
    p = np.full(100, 0.01)  # 100 cells of 0.01 km²: 1 km² in all
    with pytest.raises(InputError) as bad:
        allocate_optimal(p, 30.0, sweep_width_km=50.0, area_km2=0.01)
    said = bad.value.message
    assert "coarser grid cannot help" in said and "--cell-km" not in said
    assert "If you meant 50 m, give --sweep-width-km 0.05" in said
    # near miss: a swath that a coarser grid holds keeps the advice
    with pytest.raises(InputError, match=r"plan on a coarser grid \(cells of 0\.5 km"):
        allocate_optimal(p, 30.0, sweep_width_km=0.5, area_km2=0.01)


# ---------------------------------------------------------------- L3, L4


def _estimate(folder: Path, *, as_of: str, at: str | None) -> Path:
    grid = Grid.around(-3.2, 56.4, radius_km=3.0, cell_km=0.5)
    x, y = grid.cell_xy_km()
    p = np.exp(-0.5 * ((x - 0.8) ** 2 + (y + 0.4) ** 2) / 1.5**2)
    folder.mkdir(parents=True)
    np.savez_compressed(
        folder / "posterior.npz",
        p=p / p.sum(),
        grid=np.array(json.dumps(grid.to_dict())),
    )
    record = {"title": "walker", "target": "walker", "as_of": as_of}
    if at is not None:
        record["as_of_time"] = at
    (folder / "estimate.json").write_text(json.dumps(record), encoding="utf-8")
    return folder


def test_a_tiny_budget_says_there_is_no_area_in_percent(tmp_path: Path) -> None:
    est = _estimate(tmp_path / "est", as_of="2024-09-15", at=None)
    got = runner.invoke(
        app,
        ["plan", str(est), "--budget-km", "0.0001", "--sweep-width-km", "0.05",
         "--out", str(tmp_path / "plan")],
    )  # fmt: skip
    assert got.exit_code == 0, got.output
    said, out = _flat(got.stderr), _flat(got.stdout)
    assert "A budget of 0.0001 km (0.1 m) of track, shorter than one sweep" in said
    assert "No search area:" in out and "P(found) < 0.1 %" in out
    assert "0.0000" not in out and "0 search areas" not in out
    gpx = (tmp_path / "plan" / "plan.gpx").read_text(encoding="utf-8")
    assert "No search area" in gpx and "<wpt" not in gpx


def test_a_budget_with_areas_is_not_warned_of_and_says_percent(tmp_path: Path) -> None:
    est = _estimate(tmp_path / "est", as_of="2024-09-15", at=None)
    got = runner.invoke(
        app,
        ["plan", str(est), "--budget-km", "30", "--sweep-width-km", "0.05",
         "--out", str(tmp_path / "plan")],
    )  # fmt: skip
    assert got.exit_code == 0, got.output
    assert "budget" not in got.stderr
    assert "No search area" not in got.stdout
    areas = PlanAreas(
        areas=[],
        max_areas=0,
        left_out_areas=2,
        left_out_cells=5,
        left_out_effort_km=1.0,
        left_out_p_found=0.0234,
    )
    assert "P(found) 2.3 %" in areas.text()


@pytest.mark.parametrize(
    ("at", "said"),
    [
        ("12:00", "Searched later than 12:00 that day, or on a later day"),
        (None, "Searched on a later day"),
    ],
)
def test_the_later_note_names_the_time_of_a_timed_map(
    tmp_path: Path, at: str | None, said: str
) -> None:
    est = _estimate(tmp_path / "est", as_of="2024-09-15", at=at)
    got = runner.invoke(
        app,
        ["plan", str(est), "--budget-km", "30", "--sweep-width-km", "0.05",
         "--out", str(tmp_path / "plan")],
    )  # fmt: skip
    assert got.exit_code == 0, got.output
    out = _flat(got.stdout)
    assert said in out
    run = "--as-of 2024-09-15THH:MM" if at else "--as-of DAY'"
    assert run in out
