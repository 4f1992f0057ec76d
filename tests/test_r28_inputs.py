"""Bad input found by fuzzing every command (outside review r28).

Each case gave a traceback, a wrong number or a Python repr before; each now
gives one line that names the file or field, or the right number.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from conftest import REPO
from geosleuth._json import UnreadableJSON, loads
from geosleuth.cli import app
from geosleuth.plan import allocate_optimal

HIKER = REPO / "src" / "geosleuth" / "examples" / "missing-hiker.yaml"


def _run(*args: object) -> tuple[int, str]:
    result = CliRunner().invoke(app, [str(a) for a in args], terminal_width=400)
    return result.exit_code, " ".join(result.output.split())


@pytest.fixture(scope="module")
def located(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("r28")
    shutil.copy(HIKER, root / "hiker.yaml")
    code, said = _run("locate", root / "hiker.yaml", "--out", root / "out", "-q")
    assert code == 0, said
    return root / "out"


def _tampered(located: Path, tmp_path: Path, change: dict[str, object]) -> Path:
    out = tmp_path / "t"
    shutil.copytree(located, out)
    record = json.loads((out / "estimate.json").read_text("utf-8"))
    record.update(change)
    (out / "estimate.json").write_text(json.dumps(record), "utf-8")
    return out


# ------------------------------------------------ F7: JSON no parser can hold
@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('{"n": ' + "1" * 5001 + "}", "a number too long to read"),
        ("[" * 100_000 + "]" * 100_000, "nests too deeply"),
    ],
)
def test_json_too_long_or_too_deep_is_a_decode_error(text: str, said: str) -> None:
    with pytest.raises(json.JSONDecodeError, match=said) as err:
        loads(text)
    assert isinstance(err.value, UnreadableJSON)


@pytest.mark.parametrize("text", ['{"p_alive": ' + "1" * 5001 + "}", "[" * 100_000])
def test_verify_and_plan_refuse_such_an_estimate_in_one_line(
    located: Path, tmp_path: Path, text: str
) -> None:
    out = tmp_path / "t"
    shutil.copytree(located, out)
    (out / "estimate.json").write_text(text, "utf-8")
    code, said = _run("verify", out)
    assert code == 1 and "Traceback" not in said
    assert said.startswith("InputError: Cannot read the estimate")
    # plan plans on posterior.npz and warns that estimate.json is not JSON
    code, said = _run(
        "plan", out, "--budget-km", 5, "--sweep-width-km", 0.02, "--out", tmp_path / "p"
    )
    assert "Traceback" not in said and "not valid JSON" in said


def test_locate_refuses_a_reading_too_deep_to_parse(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, "utf-8")
    code, said = _run("locate", HIKER, deep, "--out", tmp_path / "o", "-q")
    assert code == 1 and "Traceback" not in said
    assert "nests too deeply to read" in said
    assert not (tmp_path / "o").exists()


# ------------------------------------------- F2, F5: verify on a tampered file
def test_verify_on_an_estimate_with_no_evidence_says_what_differs(
    located: Path, tmp_path: Path
) -> None:
    # min() of no items was a traceback
    code, said = _run("verify", _tampered(located, tmp_path, {"evidence": []}))
    assert "Traceback" not in said
    assert code == 1 and "differs" in said and "0 stored items" in said


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ({"as_of": "2024-02-30"}, "The field 'as_of' of the estimate"),
        ({"evidence": "none"}, "The field 'evidence' of the estimate"),
        ({"places": [{"name": "x"}]}, "The field 'places' of the estimate"),
    ],
)
def test_verify_names_the_field_it_cannot_read(
    located: Path, tmp_path: Path, change: dict[str, object], said: str
) -> None:
    code, text = _run("verify", _tampered(located, tmp_path, change))
    assert code == 1 and said in text
    assert "ValueError(" not in text and "TypeError(" not in text


def test_verify_says_which_field_is_missing(located: Path, tmp_path: Path) -> None:
    out = tmp_path / "t"
    shutil.copytree(located, out)
    record = json.loads((out / "estimate.json").read_text("utf-8"))
    del record["grid"]
    (out / "estimate.json").write_text(json.dumps(record), "utf-8")
    code, said = _run("verify", out)
    assert code == 1 and "lacks the field 'grid'" in said


# --------------------------------------------- F8: the mean effort to find
@pytest.mark.parametrize("budget", [1e12, 1e17, 1e19, 1e300])
def test_the_mean_effort_to_find_holds_for_a_budget_beyond_need(budget: float) -> None:
    # (E - B (1 - POS)) / POS with 1 - POS rounded: 1e19 gave 3,009 km, not 788
    p = np.random.default_rng(0).dirichlet(np.ones(50))
    ample = allocate_optimal(p, 1e6, sweep_width_km=0.05, area_km2=0.25)
    huge = allocate_optimal(p, budget, sweep_width_km=0.05, area_km2=0.25)
    assert huge.mean_effort_to_find_km == pytest.approx(
        ample.mean_effort_to_find_km, rel=1e-9
    )
    assert huge.mean_effort_to_find_km == pytest.approx(huge.expected_effort_km)


def test_the_command_line_takes_no_budget_beyond_a_billion_km(
    located: Path, tmp_path: Path
) -> None:
    code, said = _run(
        "plan", located, "--budget-km", 1e12, "--sweep-width-km", 0.02,
        "--out", tmp_path / "p",
    )  # fmt: skip
    assert code == 1
    assert said == (
        "InputError: --budget-km must be at most 1e+09 km (25,000 times round the "
        "Earth). Got 1e+12 instead."
    )


# ------------------------------------------------ F1, F4: places in a case file
def _case_with_place(tmp_path: Path, place: str) -> Path:
    text = HIKER.read_text("utf-8")
    start = text.index("  Pen-y-Pass car park:")
    end = text.index("\n", start)
    case = tmp_path / "case.yaml"
    case.write_text(text[:start] + place + text[end:], "utf-8")
    return case


@pytest.mark.parametrize(
    "ring",
    [
        "[[-4.0219, 53.0805], [-4.0219, 53.0805], [-4.0219, 53.0805]]",
        "[[-4.02, 53.08], [-4.03, 53.09], [-4.04, 53.10]]",
    ],
)
def test_a_polygon_that_encloses_nothing_is_refused_by_its_place(
    tmp_path: Path, ring: str
) -> None:
    # it was left out as 'outside the grid, 4.4 km from its nearest cell'
    case = _case_with_place(tmp_path, f"  Pen-y-Pass car park: {{polygon: {ring}}}")
    code, said = _run("locate", case, "--out", tmp_path / "o", "-q")
    assert code == 1
    assert "The place 'Pen-y-Pass car park'" in said
    assert "must enclose an area" in said


def test_a_place_with_a_point_and_a_polygon_is_refused(tmp_path: Path) -> None:
    # the point was dropped unsaid and the polygon used
    case = _case_with_place(
        tmp_path,
        "  Pen-y-Pass car park: {lon: -4.02, lat: 53.08, "
        "polygon: [[0, 0], [1, 0], [1, 1]]}",
    )
    code, said = _run("locate", case, "--out", tmp_path / "o", "-q")
    assert code == 1
    assert "gives lon/lat and polygon" in said


def test_a_small_polygon_is_still_a_place(tmp_path: Path) -> None:
    ring = "[[-4.0220, 53.0805], [-4.0218, 53.0805], [-4.0218, 53.0806]]"
    case = _case_with_place(tmp_path, f"  Pen-y-Pass car park: {{polygon: {ring}}}")
    code, said = _run("locate", case, "--out", tmp_path / "o", "-q")
    assert code == 0, said


# ------------------------------------------------------- F3: YAML base 60
def test_a_sexagesimal_number_is_refused_as_text(tmp_path: Path) -> None:
    # 'sigma_km: 1:30' was read as 90 (YAML 1.1's base 60) and used, unsaid
    text = HIKER.read_text("utf-8")
    at = text.index("sigma_km:")
    end = text.index("\n", at)
    case = tmp_path / "case.yaml"
    case.write_text(text[:at] + "sigma_km: 1:30" + text[end:], "utf-8")
    code, said = _run("locate", case, "--out", tmp_path / "o", "-q")
    assert code == 1
    assert 'sigma_km must be a number. Got "1:30" instead.' in said


# --------------------------------------------------- F11: a CGT buffer too wide
def test_a_cgt_buffer_wider_than_the_area_is_warned_of(tmp_path: Path) -> None:
    events = tmp_path / "ev.csv"
    events.write_text(
        "lon,lat\n-0.1360,51.5130\n-0.1365,51.5133\n-0.1355,51.5128\n"
        "-0.1362,51.5126\n-0.1358,51.5135\n",
        "utf-8",
    )
    code, said = _run(
        "profile", events, "--method", "cgt", "--n-side", 20, "--buffer-km", 10,
        "--out", tmp_path / "o",
    )  # fmt: skip
    assert code == 0
    assert "--buffer-km 10 is wider than half the study area's diagonal" in said
    code, said = _run(
        "profile", events, "--method", "cgt", "--n-side", 20, "--buffer-km", 0.01,
        "--out", tmp_path / "o2",
    )  # fmt: skip
    assert code == 0 and "wider than" not in said
    code, said = _run(
        "profile", events, "--method", "cgt", "--buffer-km", 1e300,
        "--out", tmp_path / "o3",
    )  # fmt: skip
    assert code == 1 and "--buffer-km must lie between" in said


# ------------------------------------------ F10: one name, hundreds of times
@pytest.mark.nlp
def test_a_name_written_hundreds_of_times_is_read_in_linear_time() -> None:
    # whether each name was sought was checked for every mention against every
    # other: 200 sentences took 100 s, 250 over 300 s (r28 F10)
    import time

    from geosleuth.read.document import read_text
    from geosleuth.read.toponyms import load_nlp

    pytest.importorskip("spacy")
    nlp = load_nlp()
    text = "Darren Whitlock was seen in Leeds. " * 400
    start = time.perf_counter()
    read_text(text, nlp=nlp, published=dt.date(2024, 5, 1))
    assert time.perf_counter() - start < 30.0


# -------------------------------------------------------------- low findings
def test_a_search_of_pd_0_is_refused_in_a_case_file(tmp_path: Path) -> None:
    # it told nothing, and 'searched --pd 0' and the service refuse it (r28 L2)
    from geosleuth.errors import InputError
    from geosleuth.evidence import Provenance, Searched
    from geosleuth.geometry import Area

    with pytest.raises(InputError, match="pd"):
        Searched(
            id="s", provenance=Provenance(document="d"), date=dt.date(2024, 10, 13),
            area=Area.box(-4.06, 53.07, -4.05, 53.08), pd=0.0,
        )  # fmt: skip


def test_an_id_of_two_lines_is_refused_and_the_case_kept(tmp_path: Path) -> None:
    # stored as a quoted multi-line id (r28 L3)
    case = tmp_path / "case.yaml"
    shutil.copy(HIKER, case)
    before = case.read_bytes()
    code, said = _run(
        "searched", case, "--date", "2024-10-13", "--pd", 0.5,
        "--box=-4.06,53.07,-4.05,53.08", "--id", "x\nkind: sighting",
    )  # fmt: skip
    assert code == 1 and "must be one line (no line break)" in said
    assert case.read_bytes() == before


def test_a_box_of_nan_is_said_to_be_no_number(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    shutil.copy(HIKER, case)
    code, said = _run(
        "searched", case, "--date", "2024-10-13", "--pd", 0.5,
        "--box=-4.05,nan,-4.03,53.08",
    )  # fmt: skip
    assert code == 1 and "'nan' and 'inf' are none" in said


@pytest.mark.parametrize("command", ["read", "locate"])
def test_an_empty_target_is_refused(tmp_path: Path, command: str) -> None:
    # '--target ""' was read as no target, unsaid (r28 L9)
    given = HIKER if command == "locate" else REPO / "README.md"
    code, said = _run(command, given, "--target", "", "--out", tmp_path / "o")
    assert code == 1 and "--target is empty" in said


def _hiker_with(tmp_path: Path, old: str, new: str) -> Path:
    text = HIKER.read_text("utf-8")
    assert old in text
    case = tmp_path / "case.yaml"
    case.write_text(text.replace(old, new, 1), "utf-8")
    return case


def test_an_enum_error_shows_the_value_as_yaml_wrote_it(tmp_path: Path) -> None:
    # 'False is not one of [...]' for 'hedge: no' (r28 L1)
    text = HIKER.read_text("utf-8")
    at = text.index("    date:", text.index("kind: sighting"))
    case = tmp_path / "case.yaml"
    case.write_text(text[:at] + "    hedge: no\n" + text[at:], "utf-8")
    code, said = _run("locate", case, "--out", tmp_path / "o", "-q")
    assert code == 1
    assert "must be one of 'certain', 'probable', 'possible', 'doubtful'" in said
    assert "Got false (YAML reads yes/no" in said and "False" not in said


def test_a_case_file_written_as_json_is_told_to_be_named_yaml(tmp_path: Path) -> None:
    import yaml

    case = tmp_path / "case.json"
    case.write_text(json.dumps(yaml.safe_load(HIKER.read_text("utf-8")), default=str))
    code, said = _run("locate", case, "--out", tmp_path / "o", "-q")
    assert code == 1 and "name it .yaml (JSON is valid YAML)" in said


def test_an_empty_place_name_is_said_to_be_empty(tmp_path: Path) -> None:
    case = _hiker_with(tmp_path, "place: Pen-y-Pass car park", "place: ''")
    code, said = _run("locate", case, "--out", tmp_path / "o", "-q")
    assert code == 1 and ".place is empty" in said


@pytest.mark.parametrize("lon", ["-0.1_36", "\u0661.5", "\uff11.5"])
def test_a_number_no_spreadsheet_reads_is_refused(tmp_path: Path, lon: str) -> None:
    # float() took '-0.1_36', Arabic-Indic and full-width digits (r28 L8)
    events = tmp_path / "ev.csv"
    events.write_text(
        f"lon,lat\n-0.1360,51.5130\n-0.1365,51.5133\n{lon},51.5128\n", "utf-8"
    )
    code, said = _run("profile", events, "--method", "cgt", "--out", tmp_path / "o")
    assert code == 1 and "must be a number" in said and "line 4" in said
