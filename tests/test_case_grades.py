"""A case file may set how grades weigh its items (settings.grades; review r19 #4).

The README called the grade table "configurable", but a case file's
``grades:`` was refused under ``settings:`` and at the top: only the Python API
could change it. ``settings: grades:`` now replaces the entries it gives,
keeps the rest, is stored in estimate.json and checked by verify.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from geosleuth.casefile import load_case
from geosleuth.cli import app
from geosleuth.errors import CaseFileError, InputError
from geosleuth.evidence import DEFAULT_GRADES, Grade, GradeTable

runner = CliRunner()

_CASE = """\
title: t
target: Jane Doe
region: {west: -107, south: 39, east: -105, north: 40}
settings:
  grades:
GRADES
evidence:
  - {kind: sighting, id: s1, date: 2024-06-01, place: {lon: -106.3, lat: 39.6},
     grade: F6}
  - {kind: claim, id: c1, date: 2024-06-01, place: {lon: -105.5, lat: 39.5},
     grade: B2, hedge: possible}
"""


def _case(tmp_path: Path, grades: str) -> Path:
    path = tmp_path / "c.yaml"
    path.write_text(_CASE.replace("GRADES", grades))
    return path


def test_the_entries_given_replace_the_defaults_and_the_rest_stay(
    tmp_path: Path,
) -> None:
    path = _case(
        tmp_path,
        "    reliability: {F: 0.3}\n    credibility: {6: 0.4}\n"
        "    hedge: {possible: 0.4}",
    )
    case = load_case(path)
    table = case.settings.grades
    seen, said = case.items
    assert seen.p_true(table) == pytest.approx(0.3 * 0.4)  # F6, both replaced
    assert said.p_true(table) == pytest.approx(0.85 * 0.80 * 0.4)  # B2 kept
    assert dict(table.reliability_p)["A"] == 0.95


def test_locate_stores_the_table_and_verify_checks_it(tmp_path: Path) -> None:
    path = _case(tmp_path, "    reliability: {F: 0.3}")
    out = tmp_path / "out"
    done = runner.invoke(app, ["locate", str(path), "--out", str(out), "-q"])
    assert done.exit_code == 0, done.output
    record = json.loads((out / "estimate.json").read_text())
    assert record["settings"]["grades"]["reliability"]["F"] == 0.3
    assert [e["reliability"] for e in record["evidence"]] == [
        pytest.approx(0.3 * 0.5),
        pytest.approx(0.85 * 0.80 * 0.5),
    ]
    assert runner.invoke(app, ["verify", str(out)]).exit_code == 0
    # the stored table changed: the items' figures no longer follow from it
    record["settings"]["grades"]["reliability"]["F"] = 0.9
    (out / "estimate.json").write_text(json.dumps(record))
    assert runner.invoke(app, ["verify", str(out)]).exit_code == 1


@pytest.mark.parametrize(
    ("grades", "message"),
    [
        ("    reliability: {G: 0.3}", r"'G' was unexpected"),
        ("    reliability: {F: 1.3}", r"1\.3 is greater than the maximum of 1"),
        ("    trust: {F: 0.3}", r"'trust' was unexpected"),
    ],
)
def test_a_bad_table_is_refused_with_its_line(
    tmp_path: Path, grades: str, message: str
) -> None:
    with pytest.raises(CaseFileError, match=message) as refused:
        load_case(_case(tmp_path, grades))
    assert refused.value.line in (5, 6)


def test_overridden_refuses_what_the_table_has_not() -> None:
    with pytest.raises(InputError, match=r"no credibility '7' \(it has 1, 2"):
        DEFAULT_GRADES.overridden({"credibility": {"7": 0.5}})
    with pytest.raises(InputError, match="no part 'trust'"):
        DEFAULT_GRADES.overridden({"trust": {"A": 0.5}})
    with pytest.raises(InputError, match="must be a number"):
        DEFAULT_GRADES.overridden({"hedge": {"certain": 2.0}})


@given(
    letter=st.sampled_from("ABCDEF"),
    digit=st.integers(1, 6),
    p=st.floats(0.0, 1.0),
    q=st.floats(0.0, 1.0),
)
def test_an_override_changes_only_its_own_entries(
    letter: str, digit: int, p: float, q: float
) -> None:
    table = DEFAULT_GRADES.overridden(
        {"reliability": {letter: p}, "credibility": {str(digit): q}}
    )
    for other in "ABCDEF":
        for d in range(1, 7):
            g = Grade(other, d)
            want = (
                p if other == letter else dict(DEFAULT_GRADES.reliability_p)[other]
            ) * (q if d == digit else dict(DEFAULT_GRADES.credibility_p)[d])
            assert table.p_true(g) == pytest.approx(want, abs=1e-15)
    assert isinstance(table, GradeTable)
