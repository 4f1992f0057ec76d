"""``geosleuth verify`` checks the files ``geosleuth locate`` read, by SHA-256.

A served run binds its reports by the SHA-256 its ``run.json`` keeps (review 20,
F8: tests/test_verify_provenance.py). An estimate of ``geosleuth locate`` named
its case file only by its path, so a case file edited after the run verified as
long as the fusion's numbers came out the same. ``estimate.json`` now keeps
``inputs``, each file read with its SHA-256 as read, and verify says of one
changed since that it differs.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import REPO
from geosleuth.cli import app as cli_app
from geosleuth.report.files import sha256_of_file

HIKER = REPO / "src" / "geosleuth" / "examples" / "missing-hiker.yaml"


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli_app, list(args), terminal_width=400)
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def located(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A case file beside the folder ``geosleuth locate`` wrote from it."""
    root = tmp_path_factory.mktemp("loc")
    shutil.copy(HIKER, root / "hiker.yaml")
    code, said = _run("locate", str(root / "hiker.yaml"), "--out", str(root / "out"))
    assert code == 0, said
    return root


@pytest.fixture
def copy(located: Path, tmp_path: Path) -> Path:
    """A copy of the case file and its estimate, to change."""
    shutil.copytree(located, tmp_path / "c")
    return tmp_path / "c"


def test_estimate_json_keeps_each_input_with_its_sha256(located: Path) -> None:
    record = json.loads((located / "out" / "estimate.json").read_text())
    assert record["inputs"] == [
        {"path": "../hiker.yaml", "sha256": sha256_of_file(located / "hiker.yaml")}
    ]


def test_an_estimate_whose_case_file_is_unchanged_verifies(copy: Path) -> None:
    code, said = _run("verify", str(copy / "out"))
    assert code == 0, said
    assert "ok  files the estimate read (SHA-256)" in said


def test_a_case_file_edited_since_the_estimate_differs(copy: Path) -> None:
    case = copy / "hiker.yaml"
    case.write_text(case.read_text() + "# a note added later\n")
    code, said = _run("verify", str(copy / "out"))
    assert code == 1
    assert (
        "differs files the estimate read (SHA-256) at ../hiker.yaml (changed "
        "since the estimate read it)"
    ) in " ".join(said.split())


def test_a_case_file_gone_is_not_checked_and_said(copy: Path) -> None:
    (copy / "hiker.yaml").unlink()
    code, said = _run("verify", str(copy / "out"))
    assert code == 0, said  # gone is not checked, not failed
    flat = " ".join(said.split())
    assert "files the estimate read (SHA-256)" in flat
    assert "../hiker.yaml: not found, not checked" in flat
    assert "ok files the estimate read" not in flat


def test_an_estimate_made_before_inputs_were_kept_is_not_recorded(copy: Path) -> None:
    path = copy / "out" / "estimate.json"
    record = json.loads(path.read_text())
    del record["inputs"]
    path.write_text(json.dumps(record))
    code, said = _run("verify", str(copy / "out"))
    assert code == 0, said
    assert "not recorded: an estimate made before estimates kept their inputs" in (
        " ".join(said.split())
    )


@pytest.mark.parametrize(
    "inputs",
    [{"path": "x"}, [{"path": "../hiker.yaml", "sha256": "abc"}], [{"sha256": None}]],
)
def test_inputs_not_as_written_differ(copy: Path, inputs: object) -> None:
    path = copy / "out" / "estimate.json"
    record = json.loads(path.read_text())
    record["inputs"] = inputs
    path.write_text(json.dumps(record))
    code, said = _run("verify", str(copy / "out"))
    assert code == 1
    assert "inputs (not files, each with its SHA-256)" in said


@pytest.mark.nlp
def test_a_quote_edited_everywhere_but_the_reading_read_differs(
    tmp_path: Path, nlp: object
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "Walker missing\n\nLLANBERIS, 13 October 2024 - Police said John Smith, 54, "
        "was seen in Llanberis on 12 October 2024 by a shopkeeper.\n"
    )
    code, said = _run("read", str(article), "--target", "John Smith", "--out",
                      str(tmp_path / "rd"))  # fmt: skip
    assert code == 0, said
    out = tmp_path / "out"
    code, said = _run("locate", str(tmp_path / "rd" / "a.json"), "--out", str(out))
    assert code == 0, said
    # the quote changed in estimate.json and report.html, and the page's
    # checksum made to match: only the reading the estimate read still knows
    for name in ("estimate.json", "report.html"):
        path = out / name
        path.write_text(path.read_text().replace("in Llanberis on", "in Bangor on"))
    record = json.loads((out / "estimate.json").read_text())
    record["outputs"]["report.html"] = sha256_of_file(out / "report.html")
    (out / "estimate.json").write_text(json.dumps(record))
    code, said = _run("verify", str(out))
    assert code == 1
    assert (
        "quotes of the evidence at a:s1 (not the text of its span in ../rd/a.json)"
        in (" ".join(said.split()))
    )
