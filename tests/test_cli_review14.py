"""The terminal from the robustness review (14): untrusted names shown escaped."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from geosleuth.cli import app, shown

runner = CliRunner()


def test_control_characters_are_written_out() -> None:
    assert shown("a\x1b[2Jb\x07c\x9bd") == "a\\x1b[2Jb\\x07c\\x9bd"
    assert shown("two\nlines\tand tab é") == "two\nlines\tand tab é"


@pytest.mark.nlp
def test_a_file_name_with_escapes_is_shown_escaped(tmp_path: Path) -> None:
    name = "esc\x1b[31mRED\x1b[0m[bold]x.txt"
    (tmp_path / name).write_text(
        "Police said Jane Doe was seen in Leeds on Monday.\n", encoding="utf-8"
    )
    res = runner.invoke(
        app,
        ["read", str(tmp_path / name), "--out", str(tmp_path / "o"),
         "--published", "2024-06-03"],
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    assert "\x1b" not in res.output
    assert "esc\\x1b" in res.output
