"""What the CLI writes stays intact: case files, plans from elsewhere, odd text."""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import tempfile
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import REPO
from geosleuth.casefile import load_case
from geosleuth.cli import app
from geosleuth.evidence import Provenance, Searched
from geosleuth.geometry import Area
from geosleuth.locate import append_items

runner = CliRunner()
HIKER = REPO / "src" / "geosleuth" / "examples" / "missing-hiker.yaml"
BOX = "-4.07,53.06,-4.05,53.07"


def run(*args: object):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def case(tmp_path: Path) -> Path:
    path = tmp_path / "hiker.yaml"
    shutil.copy(HIKER, path)
    return path


@pytest.fixture(scope="module")
def _hiker_estimate(tmp_path_factory: pytest.TempPathFactory) -> Path:
    est = tmp_path_factory.mktemp("hiker") / "est"
    assert run("locate", HIKER, "--out", est, "--quiet").exit_code == 0
    return est


@pytest.fixture
def estimate(_hiker_estimate: Path, tmp_path: Path) -> Path:
    """A copy of the hiker example's estimate folder, free to change."""
    return Path(shutil.copytree(_hiker_estimate, tmp_path / "est"))


def _searched(case: Path, *extra: object):
    return run(
        "searched", case, "--pd", "0.5", "--date", "2024-10-13", "--box", BOX, *extra
    )


def test_the_team_is_stored_as_who_searched(case: Path) -> None:
    assert _searched(case, "--team", "MRT Team 3", "--note", "dogs").exit_code == 0
    new = load_case(case).items[-1]
    assert new.provenance.speaker == "MRT Team 3"
    assert new.provenance.speaker_role == "searcher"
    assert new.note == "dogs"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_a_private_case_file_stays_private(case: Path) -> None:
    case.chmod(0o600)
    assert _searched(case).exit_code == 0
    assert stat.S_IMODE(case.stat().st_mode) == 0o600


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_linked_case_file_is_updated_through_the_link(
    case: Path, tmp_path: Path
) -> None:
    link = tmp_path / "link.yaml"
    link.symlink_to(case)
    assert _searched(link).exit_code == 0
    assert link.is_symlink()
    assert load_case(case).items[-1].kind == "searched"


def test_crlf_line_endings_are_kept(case: Path) -> None:
    case.write_bytes(case.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    assert _searched(case).exit_code == 0
    raw = case.read_bytes()
    assert raw.count(b"\n") == raw.count(b"\r\n")
    assert load_case(case).items[-1].kind == "searched"


def test_concurrent_appends_all_land(case: Path) -> None:
    n_before = len(load_case(case).items)

    def add(k: int) -> None:
        def build(current):
            taken = {i.id for i in current.items}
            assert f"team{k}" not in taken
            return [
                Searched(
                    id=f"team{k}",
                    provenance=Provenance(document="case file"),
                    date=load_case(case).items[0].date,
                    area=Area.box(-4.07, 53.06, -4.05, 53.07),
                    pd=0.5,
                )
            ]

        append_items(case, build)

    threads = [threading.Thread(target=add, args=(k,)) for k in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    ids = {i.id for i in load_case(case).items}
    assert len(load_case(case).items) == n_before + 6
    assert {f"team{k}" for k in range(6)} <= ids


@pytest.mark.parametrize(
    ("option", "value"),
    [("--note", "bad\udcffbyte"), ("--team", "a\x01b"), ("--id", "x\x00")],
)
def test_text_that_cannot_be_stored_is_refused(
    case: Path, option: str, value: str
) -> None:
    before = case.read_bytes()
    result = _searched(case, option, value)
    assert result.exit_code == 1
    assert f"{option} holds a character that is not text" in result.output
    assert case.read_bytes() == before


def test_a_search_after_the_case_as_of_is_added_with_a_warning(case: Path) -> None:
    as_of = load_case(case).as_of
    assert as_of is not None
    later = as_of.replace(day=as_of.day + 1) if as_of.day < 28 else as_of
    result = run("searched", case, "--pd", "0.5", "--date", later, "--box", BOX)
    assert result.exit_code == 0, result.output
    assert "leaves it out" in result.output


def _plan_file(tmp_path: Path, features: list[dict]) -> Path:
    path = tmp_path / "plan.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return path


def _cell(pod: object, geometry: dict | None = None) -> dict:
    ring = [
        [-4.07, 53.06],
        [-4.06, 53.06],
        [-4.06, 53.07],
        [-4.07, 53.07],
        [-4.07, 53.06],
    ]
    return {
        "type": "Feature",
        "geometry": geometry or {"type": "Polygon", "coordinates": [ring]},
        "properties": {"pod": pod},
    }


def test_a_plan_from_another_tool_with_multipolygons(
    case: Path, tmp_path: Path
) -> None:
    ring = [
        [-4.06, 53.06],
        [-4.05, 53.06],
        [-4.05, 53.07],
        [-4.06, 53.07],
        [-4.06, 53.06],
    ]
    multi = {"type": "MultiPolygon", "coordinates": [[ring]]}
    plan = _plan_file(tmp_path, [_cell(0.62), _cell(0.63, multi)])
    result = run("searched", case, "--date", "2024-10-13", "--plan", plan)
    assert result.exit_code == 0, result.output
    new = load_case(case).items[-1]
    # POD rounded down to a two-digit step within 10 % (review r60, M1)
    assert new.pd == pytest.approx(0.58)
    # both cells, in one band, merged into one polygon (review r60, M2)
    assert len(new.area.polygons) == 1


def test_a_pod_of_one_never_makes_a_certain_search(case: Path, tmp_path: Path) -> None:
    plan = _plan_file(tmp_path, [_cell(1.0)])
    assert run("searched", case, "--date", "2024-10-13", "--plan", plan).exit_code == 0
    assert load_case(case).items[-1].pd == pytest.approx(0.95)


@pytest.mark.parametrize(
    ("feature", "message"),
    [
        (_cell(True), "not a number"),
        (_cell(1.7), "outside 0..1"),
        (_cell(float("inf")), "outside 0..1"),
        (
            _cell(
                0.5, {"type": "Polygon", "coordinates": [[["a", "b"], [1, 2], [3, 4]]]}
            ),
            "['a', 'b']",
        ),
    ],
)
def test_a_bad_plan_names_the_file_and_leaves_the_case(
    case: Path, tmp_path: Path, feature: dict, message: str
) -> None:
    before = case.read_bytes()
    plan = _plan_file(tmp_path, [feature])
    result = run("searched", case, "--date", "2024-10-13", "--plan", plan)
    assert result.exit_code == 1, result.output
    assert message in result.output and "plan.geojson" in result.output
    assert "Traceback" not in result.output
    assert case.read_bytes() == before


def test_plan_title_with_control_characters_still_gives_valid_xml(
    estimate: Path, tmp_path: Path
) -> None:
    est = estimate
    out = tmp_path / "plan"
    args = ["plan", est, "--budget-km", "5", "--sweep-width-km", "0.05", "--out", out]
    result = run(*args, "--title", "Walker\x01")
    assert result.exit_code == 1 and "--title holds a character" in result.output
    # a title from a case file goes through the writer, which drops such
    # characters (review 16: as every page and label does; it replaced them)
    rec = json.loads((est / "estimate.json").read_text())
    rec["title"] = "Walker \x01 <b>&"
    (est / "estimate.json").write_text(json.dumps(rec))
    assert run(*args).exit_code == 0
    for name in ("plan.gpx", "plan.kml"):
        root = ET.parse(out / name).getroot()
        assert any((el.text or "") == "Walker  <b>&" for el in root.iter())


def test_plan_reads_the_posterior_beside_any_file_of_the_estimate(
    estimate: Path, tmp_path: Path
) -> None:
    est = estimate
    out = tmp_path / "plan"
    result = run(
        "plan",
        est / "estimate.geojson",
        "--budget-km",
        "5",
        "--sweep-width-km",
        "0.05",
        "--out",
        out,
    )
    assert result.exit_code == 0, result.output
    bad = tmp_path / "junk" / "posterior.npz"
    bad.parent.mkdir()
    bad.write_bytes(b"PK\x03\x04 truncated")
    result = run(
        "plan", bad, "--budget-km", "5", "--sweep-width-km", "0.05", "--out", out
    )
    assert result.exit_code == 1
    assert "is not a posterior written by 'geosleuth locate'" in result.output


def test_an_unwritable_output_folder_is_one_line(
    estimate: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a folder we may not write in: creating the temporary file fails as the OS
    # would (simulated, so that the test also runs as root, where chmod is moot)
    real_mkstemp = tempfile.mkstemp
    before = (estimate / "estimate.json").read_bytes()

    def refuse(*args: object, **kwargs: object):
        where = Path(str(kwargs.get("dir", "")))
        if where == estimate:
            name = str(where / f"{kwargs.get('prefix', '')}x1y2z3")
            raise PermissionError(errno.EACCES, "Permission denied", name)
        return real_mkstemp(*args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    result = run("locate", HIKER, "--out", estimate, "--quiet")
    assert result.exit_code == 1
    line = result.output.strip()
    assert line.startswith("PermissionError: Permission denied: ")
    assert str(estimate) in line and "Traceback" not in result.output
    assert len(line.splitlines()) == 1
    assert (estimate / "estimate.json").read_bytes() == before  # untouched


def test_a_failed_rename_leaves_the_case_file_as_it_was(
    case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the new text is written to a temporary file, then renamed over the case:
    # when the rename is refused, the case keeps its text and no temporary remains
    real_replace = os.replace
    before = case.read_bytes()

    def refuse(src: str, dst: str) -> None:
        if Path(dst) == case:
            raise PermissionError(errno.EACCES, "Permission denied", src, dst)
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", refuse)
    result = _searched(case)
    assert result.exit_code == 1
    assert result.output.startswith("PermissionError: Permission denied")
    assert "Traceback" not in result.output
    assert case.read_bytes() == before
    assert sorted(p.name for p in case.parent.iterdir()) == [case.name]


def test_profile_refuses_an_out_that_is_a_file_and_planar_columns(
    tmp_path: Path,
) -> None:
    events = tmp_path / "events.csv"
    events.write_text("lon,lat\n0.1,51.5\n0.2,51.6\n0.15,51.55\n")
    target = tmp_path / "afile"
    target.write_text("x")
    result = run("profile", events, "--method", "cgt", "--out", target)
    assert result.exit_code == 1 and "is a file" in result.output
    planar = tmp_path / "planar.csv"
    planar.write_text("x,y\n8.6,17.9\n10.9,18.5\n")
    result = run("profile", planar, "--method", "cgt", "--out", tmp_path / "o")
    assert result.exit_code == 1
    assert "x/y are read as projected coordinates" in result.output


# ------------------------------------------------------------ estimate.json
def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_estimate_json_keeps_each_items_whole_provenance(estimate: Path) -> None:
    record = json.loads((estimate / "estimate.json").read_text(encoding="utf-8"))
    items = load_case(HIKER).items
    assert [r["id"] for r in record["evidence"]] == [i.id for i in items]
    assert any(i.provenance.speaker for i in items)
    for rec, item in zip(record["evidence"], items, strict=True):
        want = json.loads(json.dumps(item.provenance.to_dict()))
        assert rec["source"] == want, item.id


@pytest.mark.parametrize("name", ["missing-hiker.yaml", "seed-baghdadi-2018.yaml"])
def test_estimate_json_keeps_the_numbers_to_six_figures(name: str) -> None:
    from geosleuth.fuse import fuse
    from geosleuth.report.files import estimate_record

    case = load_case(REPO / "src" / "geosleuth" / "examples" / name)
    est = fuse(
        case.items,
        case.grid,
        as_of=case.as_of,
        settings=case.settings,
        places=case.places or None,
    )
    record = json.loads(json.dumps(estimate_record(est, case.items, target="x")))
    assert len(record["places"]) == len(est.places)
    for rec, place in zip(record["places"], est.places, strict=True):
        assert rec["name"] == place.name
        assert rec["probability"] == pytest.approx(place.probability, rel=1e-5)
    assert record["p_alive"] == pytest.approx(est.p_alive, rel=1e-5)
    assert record["hdr_km2"].keys() == est.hdr_km2.keys()
    for key, area in est.hdr_km2.items():
        assert record["hdr_km2"][key] == pytest.approx(area, rel=1e-8)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_write_atomic_keeps_any_mode_and_gives_new_files_the_umask(
    tmp_path: Path,
) -> None:
    from geosleuth.report.files import write_atomic

    old = tmp_path / "shared.json"
    old.write_text("{}")
    old.chmod(0o640)  # not mkstemp's 0o600: the mode must really be copied
    write_atomic(old, b"[1]")
    assert old.read_bytes() == b"[1]"
    assert stat.S_IMODE(old.stat().st_mode) == 0o640
    mask = os.umask(0o002)
    try:
        write_atomic(tmp_path / "new.json", b"[]")
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o664


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_a_new_estimate_json_gets_the_usual_mode(_hiker_estimate: Path) -> None:
    mode = stat.S_IMODE((_hiker_estimate / "estimate.json").stat().st_mode)
    assert mode == 0o666 & ~_umask()
