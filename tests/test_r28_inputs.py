"""Bad input found by fuzzing every command (outside review r28).

Each case gave a traceback, a wrong number or a Python repr before; each now
gives one line that names the file or field, or the right number.
"""

from __future__ import annotations

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
