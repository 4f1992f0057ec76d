"""``locate`` writes its output folder all or nothing.

A run that failed while writing used to leave the new estimate.json and
posterior.npz beside the old report.html and map.png, and ``verify`` then
passed on the mix (outside review); the error named a temporary file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import REPO
from geosleuth.cli import app

HIKER = REPO / "src" / "geosleuth" / "examples" / "missing-hiker.yaml"
OUTPUTS = ("estimate.json", "posterior.npz", "estimate.geojson", "report.html",
           "map.png")  # fmt: skip


def _locate(out: Path, *more: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        app, ["locate", str(HIKER), "--out", str(out), *more], terminal_width=300
    )
    return result.exit_code, result.output


def _snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def test_a_folder_where_a_file_goes_fails_before_anything_is_written(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    (out / "report.html").mkdir(parents=True)
    code, output = _locate(out)
    assert code == 1
    assert "report.html" in output and "Traceback" not in output
    assert ".report.html." not in output  # not the temporary file
    assert [p.name for p in out.iterdir()] == ["report.html"]


def test_a_failed_second_run_leaves_the_first_runs_files_as_they_were(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    code, output = _locate(out)
    assert code == 0, output
    before = _snapshot(out)
    assert set(before) == set(OUTPUTS)
    (out / "map.png").unlink()
    (out / "map.png").mkdir()  # the last file cannot be written
    code, output = _locate(out, "--as-of", "2024-10-12")
    assert code == 1 and "map.png" in output
    after = _snapshot(out)
    assert after == {k: v for k, v in before.items() if k != "map.png"}
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_a_failure_while_rendering_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import geosleuth.report.png as png

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device", "map.png")

    monkeypatch.setattr(png, "render_png", broken)
    out = tmp_path / "out"
    code, _ = _locate(out)
    assert code == 1
    assert not out.exists() or not any(out.iterdir())
