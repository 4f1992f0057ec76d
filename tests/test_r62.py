"""Helper h62: three leftovers of session 25's note, each with its near misses.

1. ``geosleuth searched``'s own ``--point``/``--box`` lon/lat swap refusal
   ignored distance: every search whose exchange lay inside was refused. It now
   takes the case file's rule (:func:`geosleuth.casefile.judge_swap`): refused
   only beyond ``SWAP_FAR_KM`` with its exchange within ``SWAP_NEAR_KM`` of
   other evidence; otherwise recorded, with the case file's one warning.
2. The untimed-sighting warning covered only tracks of two or more fixes. A
   lone timed fix with timed searches threaded through it is a track, and an
   untimed sighting of its day multiplies with it: warned of as with two. A
   lone timed fix without them is no track, and an untimed sighting of its day
   multiplies with it as two sightings do: warned of too, saying its time
   would make the two a track.
3. An event CSV (or case file) outside the output folder's parent was bound by
   its absolute path, so ``verify`` of a project copied whole checked the old
   tree's copy (review r41, L6). It is now named by its path from the output
   folder whenever there is one; an absolute path only on another drive, and
   one that older runs wrote is read as before. ``profile.json`` names its
   events file so too.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import re
import shutil
import warnings
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import REPO
from geosleuth.casefile import SWAP_FAR_KM, SWAP_NEAR_KM, judge_swap, parse_case
from geosleuth.cli import app
from geosleuth.errors import CaseFileError, EvidenceWarning
from geosleuth.evidence import Claim, Grade, Provenance, Searched, Sighting
from geosleuth.fuse import Settings, fuse
from geosleuth.geometry import Area, Point
from geosleuth.grid import Grid
from geosleuth.report import files

runner = CliRunner()
EXAMPLES = REPO / "src" / "geosleuth" / "examples"
HIKER = EXAMPLES / "missing-hiker.yaml"
SEED = EXAMPLES / "seed-baghdadi-2018.yaml"


def _run(*args: Any) -> Any:
    return runner.invoke(app, [str(a) for a in args], terminal_width=400)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _said(output: str, word: str) -> list[str]:
    """The warnings (one line each on stderr) that hold ``word``."""
    return [
        line
        for line in output.splitlines()
        if line.startswith("EvidenceWarning:") and word in line
    ]


# -- 1: searched --point / --box judged as a case file's place ---------------------

#: A region over Italy, its one item in Bologna: a search swapped into it lands
#: hundreds of km from Bologna unless it is Bologna's own exchange.
ITALY = """\
target: T
title: test
as_of: 2024-06-01
region: {west: 10.0, south: 40.0, east: 20.0, north: 47.0}
grid: {cell_km: 10}
documents: {d: {title: D, published: 2024-05-01}}
evidence:
  - id: bologna
    kind: sighting
    document: d
    date: 2024-05-01
    place: {lon: 11.3426, lat: 44.4943}
    sigma_km: 2
    quote: q
"""


def _copy(tmp_path: Path, source: Path) -> Path:
    case = tmp_path / source.name
    shutil.copy(source, case)
    return case


def _italy(tmp_path: Path) -> Path:
    case = tmp_path / "italy.yaml"
    case.write_text(ITALY, encoding="utf-8")
    return case


@pytest.mark.parametrize(
    "area",
    [
        ["--point", "53.07,-4.05", "--radius-km", "1"],
        ["--box", "53.06,-4.06,53.08,-4.04"],
    ],
    ids=["point", "box"],
)
def test_a_swapped_search_on_the_cases_evidence_is_refused_with_the_way_out(
    tmp_path: Path, area: list[str]
) -> None:
    case = _copy(tmp_path, HIKER)
    before = case.read_text(encoding="utf-8")
    result = _run("searched", case, "--date", "2024-10-13", "--pd", "0.5", *area)
    assert result.exit_code == 1, result.output
    said = _flat(result.output)
    option = f"{area[0]} {area[1]}"
    assert f"InputError: The search {option} lies wholly outside the case's region" in (
        said
    )
    assert "8,2" in said and "km from it" in said  # thousands of km out
    assert re.search(
        r"it lies inside, [0-9.]+ km from \w+ '[\w-]+': lon and lat swapped\?", said
    )
    assert "Give longitude first, then latitude." in said
    assert "If it is where it should be, give the case a region that holds it." in said
    assert "Nothing was written." in said
    assert case.read_text(encoding="utf-8") == before


def test_a_far_search_whose_exchange_lands_on_no_evidence_is_recorded_and_warned(
    tmp_path: Path,
) -> None:
    # (42, 16), off Eritrea, lies 3,409 km from the region; exchanged, (16, 42)
    # lies inside it, near Foggia, 468 km from the Bologna sighting: the case
    # file warns of such a place and loads it, and so does searched now
    case = _italy(tmp_path)
    result = _run(
        "searched", case, "--date", "2024-05-20", "--pd", "0.5",
        "--point", "42.0,16.0", "--radius-km", "5",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Added search-2024-05-20-1" in result.output
    swapped = _said(result.output, "lon and lat swapped?")
    assert len(swapped) == 1, result.output  # the case file's, not twice
    line = next(
        n for n, text in enumerate(case.read_text().splitlines(), 1) if "area:" in text
    )
    assert f"line {line} (evidence[1].area)" in swapped[0]
    assert "3,409 km from it" in swapped[0]
    assert "nothing changes: it is left out as outside the region" in swapped[0]
    assert len(_said(result.output, "wholly outside")) == 1


def test_a_far_search_whose_exchange_is_no_place_is_recorded_as_before(
    tmp_path: Path,
) -> None:
    # near miss: 120 is no latitude, so no exchange is asked of; left out, said
    case = _italy(tmp_path)
    result = _run(
        "searched", case, "--date", "2024-05-20", "--pd", "0.5",
        "--point", "120.0,16.0", "--radius-km", "5",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert not _said(result.output, "swapped")
    assert len(_said(result.output, "lies wholly outside")) == 1


def test_bolognas_own_exchange_is_refused_in_the_wide_region(tmp_path: Path) -> None:
    # near miss of the one above: exchanged, it lands on the sighting
    case = _italy(tmp_path)
    result = _run(
        "searched", case, "--date", "2024-05-20", "--pd", "0.5",
        "--point", "44.49,11.34", "--radius-km", "5",
    )  # fmt: skip
    assert result.exit_code == 1
    assert "km from sighting 'bologna': lon and lat swapped?" in _flat(result.output)
    assert case.read_text() == ITALY


def test_a_search_near_the_diagonal_just_outside_the_region_is_recorded(
    tmp_path: Path,
) -> None:
    # Ankara, 369 km outside the seed case's region around Syria and Iraq, lies
    # inside it exchanged: a real place, as the case file judges it
    case = _copy(tmp_path, SEED)
    before = case.read_text(encoding="utf-8")
    result = _run(
        "searched", case, "--date", "2018-05-14", "--pd", "0.5",
        "--point", "32.85,39.93", "--radius-km", "5",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    after = case.read_text(encoding="utf-8")
    assert after.startswith(before) and "32.85" in after[len(before) :]
    swapped = _said(result.output, "lon and lat swapped?")
    assert len(swapped) == 1 and "369 km from it" in swapped[0]
    assert "searched 'search-2018-05-14-1'" in swapped[0]


def test_a_search_inside_the_region_is_recorded_without_a_word_of_swaps(
    tmp_path: Path,
) -> None:
    case = _copy(tmp_path, SEED)
    result = _run(
        "searched", case, "--date", "2018-05-14", "--pd", "0.5",
        "--point", "40.83,34.70", "--radius-km", "5",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert not _said(result.output, "swapped") and not _said(result.output, "outside")


def _search(lon: float, lat: float) -> Searched:
    return Searched(
        id="s-new", provenance=Provenance(document="log"),
        date=dt.date(2024, 5, 20), area=Point(lon, lat), buffer_km=5.0, pd=0.5,
    )  # fmt: skip


def _with_search(lon: float, lat: float) -> str:
    return ITALY + (
        "  - id: s-new\n    kind: searched\n    date: 2024-05-20\n"
        f"    area: {{lon: {lon}, lat: {lat}}}\n    buffer_km: 5\n    pd: 0.5\n"
    )


@pytest.mark.parametrize(
    ("lon", "lat", "refused"),
    [(44.49, 11.34, True), (42.0, 16.0, False)],
    ids=["onto-bologna", "onto-nothing"],
)
def test_judge_swap_says_what_the_case_file_does(
    lon: float, lat: float, refused: bool
) -> None:
    # the rule computed two ways: searched's judgement of the new item, and the
    # case file holding it
    case = parse_case(ITALY, source="italy.yaml", read_files=False)
    swap = judge_swap(
        _search(lon, lat), case.grid, case.items,
        as_of=dt.date(2024, 5, 20), settings=case.settings,
    )  # fmt: skip
    assert swap is not None and swap.refused is refused
    assert swap.outside_km > SWAP_FAR_KM
    assert (swap.lands_km <= SWAP_NEAR_KM) is refused
    assert swap.by is not None and swap.by.id == "bologna"
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        if refused:
            with pytest.raises(CaseFileError, match="lon and lat swapped"):
                parse_case(_with_search(lon, lat), source="x.yaml", read_files=False)
        else:
            parse_case(_with_search(lon, lat), source="x.yaml", read_files=False)
    if not refused:
        assert any("swapped" in str(w.message) for w in got)


def test_judge_swap_is_none_for_a_search_inside_or_with_no_exchange() -> None:
    case = parse_case(ITALY, source="italy.yaml", read_files=False)
    for lon, lat in ((11.0, 44.0), (120.0, 16.0), (12.5, 30.0)):
        swap = judge_swap(
            _search(lon, lat), case.grid, case.items,
            as_of=dt.date(2024, 5, 20), settings=case.settings,
        )  # fmt: skip
        assert swap is None, (lon, lat)


# -- 2: the untimed sighting beside one timed fix -----------------------------------

DAY = dt.date(2024, 10, 12)
P = Provenance(document="log")
GRID = Grid.around(0.0, 0.0, radius_km=15.0, cell_km=0.5)
ST = Settings(diffusion_km2_per_day=24.0)


def _at(item_id: str, x_km: float, hour: float | None, **kw: Any) -> Sighting:
    lon, lat = GRID.xy_km_to_lonlat(x_km, 0.0)
    time = None if hour is None else dt.time(int(hour), round(60 * (hour % 1)))
    return Sighting(
        id=item_id, provenance=P, date=DAY, time=time,
        place=Point(float(lon), float(lat)), sigma_km=0.2, grade=Grade.parse("A1"),
        **kw,
    )  # fmt: skip


def _swept(hour: float) -> Searched:
    a = GRID.xy_km_to_lonlat(6.0, -1.0)
    b = GRID.xy_km_to_lonlat(8.0, 1.0)
    return Searched(
        id="sweep", provenance=P, date=DAY, time=dt.time(int(hour), 0),
        area=Area.box(float(a[0]), float(a[1]), float(b[0]), float(b[1])), pd=0.5,
    )  # fmt: skip


def _untimed_warnings(items: list[Any]) -> list[str]:
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        fuse(items, GRID, as_of=DAY, settings=ST, contributions=False)
    return [
        str(w.message)
        for w in got
        if issubclass(w.category, EvidenceWarning)
        and "no time of day" in str(w.message)
    ]


def test_an_untimed_sighting_beside_one_timed_fix_is_warned_of() -> None:
    said = _untimed_warnings([_at("summit", 0.0, 11.5), _at("car", -5.0, None)])
    assert len(said) == 1
    assert said[0].startswith("The sighting 'car' of 2024-10-12 has no time of day")
    assert "while the sighting 'summit' of that day has one" in said[0]
    assert "not followed as a track (one timed fix alone is not)" in said[0]
    assert "to follow both as a track" in said[0]


def test_given_its_time_the_two_are_a_track_and_nothing_is_said() -> None:
    # the warning's advice: both timed, they are followed as a track
    said = _untimed_warnings([_at("summit", 0.0, 11.5), _at("car", -5.0, 9.0)])
    assert said == []


def test_one_fix_threaded_with_a_timed_search_is_a_track_and_warned_of_as_one() -> None:
    said = _untimed_warnings(
        [_at("summit", 0.0, 11.5), _swept(10), _at("car", -5.0, None)]
    )
    assert len(said) == 1
    assert "while 1 fix of that day has one and is followed as a track" in said[0]
    assert "multiplies with the track" in said[0]


def test_two_fixes_keep_their_warning_word_for_word() -> None:
    said = _untimed_warnings(
        [_at("summit", 0.0, 11.5), _at("phone", 4.0, 15.0), _at("car", -5.0, None)]
    )
    assert len(said) == 1 and "while 2 fix(es) of that day have one and are" in said[0]


@pytest.mark.parametrize(
    "other",
    [
        "another-day",  # the fix is of another day
        "untimed-claim",  # a claim is rightly untimed (a day's plan)
        "associate",  # an associate's sighting is no fix of the target's
        "no-fix",  # two untimed sightings: the case times nothing
    ],
)
def test_near_misses_of_the_lone_fix_warning_say_nothing(other: str) -> None:
    fix = _at("summit", 0.0, 11.5)
    car = _at("car", -5.0, None)
    if other == "another-day":
        items = [fix, dataclasses.replace(car, date=DAY - dt.timedelta(days=1))]
    elif other == "untimed-claim":
        claim = Claim(
            id="plan", provenance=P, date=DAY, place=car.place, sigma_km=1.0,
            grade=Grade.parse("A1"),
        )  # fmt: skip
        items = [fix, claim]
    elif other == "associate":
        items = [fix, dataclasses.replace(car, subject="associate", who="A")]
    else:
        items = [dataclasses.replace(fix, time=None, id="summit"), car]
    assert _untimed_warnings(items) == []


# -- 3: an event CSV named from the output folder -----------------------------------

_ROWS = [
    (f"c{k:03d}", round(11.3426 + 0.004 * math.cos(k), 6),
     round(44.4943 + 0.003 * math.sin(1.7 * k), 6), 1 + k % 3)
    for k in range(20)
]  # fmt: skip

_CASE = """\
target: source of the outbreak (synthetic)
as_of: 2024-08-20
region: {west: 11.330, south: 44.482, east: 11.356, north: 44.508}
grid: {cell_km: 0.05}
evidence:
  - id: cases-cgt
    kind: event_set
    date: 2024-08-19
    csv: ../data/cases.csv
    weight_column: cases
    method: cgt
    grade: B2
"""


def _write_csv(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["case_id,lon,lat,cases"] + [",".join(map(str, r)) for r in _ROWS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project: data/cases.csv, cases/outbreak.yaml, runs/2024/out."""
    root = tmp_path / "proj"
    _write_csv(root / "data" / "cases.csv")
    (root / "cases").mkdir()
    (root / "cases" / "outbreak.yaml").write_text(_CASE, encoding="utf-8")
    out = root / "runs" / "2024" / "out"
    result = _run("locate", root / "cases" / "outbreak.yaml", "--out", out, "-q")
    assert result.exit_code == 0, result.output
    return root


def _record(out: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((out / "estimate.json").read_text())
    return loaded


def test_files_outside_the_outputs_parent_are_named_from_the_output_folder(
    project: Path,
) -> None:
    record = _record(project / "runs" / "2024" / "out")
    assert record["case"] == "../../../cases/outbreak.yaml"
    assert [e["path"] for e in record["inputs"]] == [
        "../../../cases/outbreak.yaml",
        "../../../data/cases.csv",
    ]
    # and their absolute paths beside, for the folder moved alone
    case = (project / "cases" / "outbreak.yaml").resolve().as_posix()
    assert record["case_absolute"] == case
    assert [e["absolute"] for e in record["inputs"]] == [
        case,
        (project / "data" / "cases.csv").resolve().as_posix(),
    ]


def test_files_beside_the_outputs_get_no_absolute_path(tmp_path: Path) -> None:
    # near miss: they move with the folder (a service run's too: no path on the
    # server is written)
    (tmp_path / "data").mkdir()
    _write_csv(tmp_path / "cases.csv")
    (tmp_path / "outbreak.yaml").write_text(
        _CASE.replace("../data/cases.csv", "cases.csv"), encoding="utf-8"
    )
    result = _run("locate", tmp_path / "outbreak.yaml", "--out", tmp_path / "o", "-q")
    assert result.exit_code == 0, result.output
    record = _record(tmp_path / "o")
    assert record["case"] == "../outbreak.yaml" and "case_absolute" not in record
    assert record["inputs"] == [
        {"path": "../outbreak.yaml", "sha256": record["inputs"][0]["sha256"]},
        {"path": "../cases.csv", "sha256": record["inputs"][1]["sha256"]},
    ]


def test_verify_of_the_output_folder_moved_alone_finds_the_files(
    project: Path, tmp_path: Path
) -> None:
    # the relative paths lead nowhere from the folder's new place: the absolute
    # ones recorded beside them still do
    moved = tmp_path / "archive" / "out"
    shutil.copytree(project / "runs" / "2024" / "out", moved)
    result = _run("verify", moved)
    assert result.exit_code == 0, result.output
    said = _flat(result.output)
    assert "ok target and title" in said and "not found" not in said
    csv = project / "data" / "cases.csv"
    csv.write_text(csv.read_text().replace(",1\n", ",40\n", 1))
    result = _run("verify", moved)
    assert result.exit_code == 1
    assert "../../../data/cases.csv (changed since the estimate read it)" in (
        result.output
    )


def test_verify_of_a_project_copied_whole_checks_its_own_csv(
    project: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "moved" / "proj"
    shutil.copytree(project, copy)
    # the old tree's CSV edited: nothing of the copy's; absolute paths made the
    # copy's verify read the old tree's file and call its own changed
    old = project / "data" / "cases.csv"
    old.write_text(old.read_text().replace(",1\n", ",40\n", 1))
    result = _run("verify", copy / "runs" / "2024" / "out")
    assert result.exit_code == 0, result.output
    # the copy's own CSV edited: verify of the copy says so
    mine = copy / "data" / "cases.csv"
    mine.write_text(mine.read_text().replace(",1\n", ",40\n", 1))
    result = _run("verify", copy / "runs" / "2024" / "out")
    assert result.exit_code == 1
    assert "../../../data/cases.csv (changed since the estimate read it)" in (
        result.output
    )


def test_an_older_record_with_absolute_paths_still_verifies(project: Path) -> None:
    out = project / "runs" / "2024" / "out"
    record = _record(out)
    csv = (project / "data" / "cases.csv").resolve()
    case = (project / "cases" / "outbreak.yaml").resolve()
    record["case"] = case.as_posix()
    record["inputs"] = [
        {"path": case.as_posix(), "sha256": record["inputs"][0]["sha256"]},
        {"path": csv.as_posix(), "sha256": record["inputs"][1]["sha256"]},
    ]
    (out / "estimate.json").write_text(json.dumps(record))
    result = _run("verify", out)
    assert result.exit_code == 0, result.output
    assert "ok target and title" in _flat(result.output)
    csv.write_text(csv.read_text().replace(",1\n", ",40\n", 1))
    result = _run("verify", out)
    assert result.exit_code == 1
    assert f"{csv.as_posix()} (changed since the estimate read it)" in _flat(
        result.output
    )


def test_a_file_beside_the_outputs_is_named_as_before(tmp_path: Path) -> None:
    # near miss: under the output folder's parent, the path was relative already
    assert files.case_reference(tmp_path / "a.yaml", tmp_path / "out") == "../a.yaml"
    assert files.case_reference(tmp_path / "out" / "a.csv", tmp_path / "out") == (
        "a.csv"
    )


def test_a_file_on_another_drive_is_named_by_its_absolute_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Windows' relpath across drives: "path is on mount 'D:', start on mount 'C:'"
    def across(path: str, start: str | None = None) -> str:
        raise ValueError("path is on mount 'D:', start on mount 'C:'")

    monkeypatch.setattr(files.os.path, "relpath", across)
    named = files.case_reference(tmp_path / "d" / "cases.csv", tmp_path / "out")
    assert named == (tmp_path / "d" / "cases.csv").resolve().as_posix()
    found = files.case_candidates(named, tmp_path / "out")[0]
    assert found == (tmp_path / "d" / "cases.csv").resolve()


def test_profile_json_names_its_events_file_from_the_output_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write_csv(tmp_path / "data" / "cases.csv")
    monkeypatch.chdir(tmp_path)
    result = _run(
        "profile", "data/cases.csv", "--method", "cgt", "--out", "runs/p",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    record = json.loads((tmp_path / "runs" / "p" / "profile.json").read_text())
    assert record["events"]["path"] == "../../data/cases.csv"
    # and it leads there from the folder, wherever the command ran
    named = files.case_candidates(record["events"]["path"], tmp_path / "runs" / "p")
    assert named[0] == (tmp_path / "data" / "cases.csv").resolve()
