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


@pytest.mark.nlp
def test_read_says_whom_each_document_was_read_for(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text(
        "Spokesman Ernesto Salas said Rodrigo Barrientos was seen in Leon. Salas "
        "said so again. Ernesto Salas spoke to reporters.\n",
        encoding="utf-8",
    )
    b = tmp_path / "b.txt"
    b.write_text("Rodrigo Barrientos was seen in Merida.\n", encoding="utf-8")
    out = tmp_path / "o"
    res = runner.invoke(app, ["read", str(a), str(b), "--out", str(out)])
    assert res.exit_code == 0, res.output
    said = " ".join(res.output.split())
    assert "Read for the person each names most (no --target): a: Ernesto Salas" in said
    assert "They differ: give --target" in said
    # with --target nothing is said
    res = runner.invoke(
        app, ["read", str(a), "--out", str(out), "--target", "Rodrigo Barrientos"]
    )
    assert "names most" not in res.output


@pytest.mark.nlp
def test_utf16_front_matter_is_read(tmp_path: Path) -> None:
    text = (
        "---\ntitle: Sighting in Limon\ndate: 2026-10-05\n---\n"
        "A fisherman said he saw Jane Doe in Leeds on Monday.\n"
    )
    f = tmp_path / "u.txt"
    f.write_bytes(text.encode("utf-16"))  # with its byte-order mark
    out = tmp_path / "o"
    res = runner.invoke(
        app, ["read", str(f), "--out", str(out), "--target", "Jane Doe"]
    )
    assert res.exit_code == 0, res.output
    import json

    doc = json.loads((out / "u.json").read_text("utf-8"))
    assert doc["published"] == "2026-10-05"
    assert doc["title"] == "Sighting in Limon"
    assert not doc["evidence"][0]["provenance"]["quote"].startswith("---")


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("published", "dated"),
    [
        ("2025-11-15", "2025-11-14"),
        ("2025-11-14", "2025-11-14"),
        ("2025-12-30", "2025-12-30"),
    ],
)
def test_a_reprint_is_dated_from_its_dateline(
    tmp_path: Path, published: str, dated: str
) -> None:
    import json

    f = tmp_path / "reprint.md"
    f.write_text(
        f"---\ntitle: Escape\ndate: {published}\n---\n"
        "MEXICO CITY, Nov. 14, 2025 (AWS) - Police said Jane Doe was seen in Leon, "
        "Guanajuato.\n",
        encoding="utf-8",
    )
    out = tmp_path / "o"
    res = runner.invoke(
        app, ["read", str(f), "--out", str(out), "--target", "Jane Doe"]
    )
    assert res.exit_code == 0, res.output
    doc = json.loads((out / "reprint.json").read_text("utf-8"))
    assert doc["published"] == published  # the document's own date is kept
    (item,) = doc["evidence"]
    # a day to a week after the dateline: a reprint, its statement of the
    # dateline's day; more than a week after: another story's date, not used
    assert item["date"] == dated
