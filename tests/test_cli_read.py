"""``geosleuth read``: in-process CLI tests."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from geosleuth.cli import app

runner = CliRunner()

ARTICLE = (
    "Where is he\n\nAbu Ali al-Basri, Director of Intelligence of the Iraqi Interior "
    "Ministry announced that al-Baghdadi may have been hiding in the Syrian town of "
    "Hajin.\n\nAl-Baghdadi was first and last seen in Mosul in 2014.\n"
)


@pytest.fixture(scope="module")
def nlp_ready() -> None:
    pytest.importorskip("spacy", reason="needs the [nlp] extra (spaCy)")
    from geosleuth.errors import MissingDependencyError
    from geosleuth.read.toponyms import load_nlp

    try:
        load_nlp()
    except MissingDependencyError as exc:
        pytest.skip(str(exc))


def _run(*args: Any) -> Any:
    return runner.invoke(app, [str(a) for a in args])


def test_help_lists_the_options() -> None:
    result = _run("read", "--help")
    assert result.exit_code == 0
    for opt in ("--out", "--published", "--target"):
        assert opt in result.output


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = _run("read", tmp_path / "nope.txt", "--out", tmp_path / "o")
    assert result.exit_code == 2


def test_directory_is_a_usage_error(tmp_path: Path) -> None:
    result = _run("read", tmp_path, "--out", tmp_path / "o")
    assert result.exit_code == 2


def test_binary_file_gives_one_red_line(tmp_path: Path) -> None:
    p = tmp_path / "blob.txt"
    p.write_bytes(bytes(range(256)) * 20)
    result = _run("read", p, "--out", tmp_path / "o")
    assert result.exit_code == 1
    assert "InputError" in result.output and "blob.txt" in result.output
    assert "Traceback" not in result.output


def test_empty_file_gives_one_red_line(tmp_path: Path) -> None:
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    result = _run("read", p, "--out", tmp_path / "o")
    assert result.exit_code == 1
    assert "is empty" in result.output
    assert "Traceback" not in result.output


def test_bad_published_date_is_an_input_error(tmp_path: Path, nlp_ready: None) -> None:
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    result = _run("read", p, "--out", tmp_path / "o", "--published", "May 2018")
    assert result.exit_code == 1
    assert "YYYY-MM-DD" in result.output


def test_article_writes_json_and_html(tmp_path: Path, nlp_ready: None) -> None:
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "o"
    result = _run(
        "read",
        p,
        "--out",
        out,
        "--published",
        "2018-05-15",
        "--target",
        "Abu Bakr al-Baghdadi",
    )
    assert result.exit_code == 0, result.output
    data = json.loads((out / "a.json").read_text(encoding="utf-8"))
    assert {"mentions", "evidence", "rejected", "text"} <= set(data)
    for m in data["mentions"]:
        assert {
            "text",
            "start",
            "end",
            "name",
            "lat",
            "lon",
            "geonames_id",
            "confidence",
        } <= set(m)
        assert data["text"][m["start"] : m["end"]] == m["text"]
    kinds = [e["kind"] for e in data["evidence"]]
    assert "claim" in kinds and "sighting" in kinds
    for e in data["evidence"]:
        s, t = e["provenance"]["span"]
        assert data["text"][s:t] == e["provenance"]["quote"]
    assert (out / "a.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.skipif(
    importlib.util.find_spec("trafilatura") is None,
    reason="HTML extraction needs the [nlp] extra (trafilatura)",
)
def test_html_with_scripts_is_escaped_in_the_view(
    tmp_path: Path, nlp_ready: None
) -> None:
    page = """<html><head><title>x"><script>alert(1)</script></title>
<script>alert("head")</script></head><body><article>
<p>Officials said al-Baghdadi is hiding in Hajin, and wrote &lt;script&gt;alert(2)
&lt;/script&gt; and "&gt;&lt;img src=x onerror=alert(3)&gt; in their statement to
reporters on the situation in the region.</p></article></body></html>"""
    p = tmp_path / "evil.html"
    p.write_text(page, encoding="utf-8")
    out = tmp_path / "o"
    result = _run("read", p, "--out", out, "--published", "2018-05-15")
    assert result.exit_code == 0, result.output
    view = (out / "evil.html").read_text(encoding="utf-8")
    assert "<script" not in view.lower()
    assert "<img" not in view.lower()
    assert "&lt;script&gt;" in view
    assert "onerror" in view  # shown as text, inside an escaped string
    data = json.loads((out / "evil.json").read_text(encoding="utf-8"))
    assert 'alert("head")' not in data["text"]


@pytest.mark.parametrize("encoding", ["cp1256", "utf-16"])
def test_other_encodings_are_read(
    tmp_path: Path, nlp_ready: None, encoding: str
) -> None:
    arabic = "قال أبو علي البصري إن البغدادي ربما كان مختبئا في بلدة هجين السورية. "
    p = tmp_path / f"{encoding}.txt"
    p.write_bytes((ARTICLE + arabic * 3).encode(encoding))
    out = tmp_path / "o"
    result = _run("read", p, "--out", out, "--published", "2018-05-15")
    assert result.exit_code == 0, result.output
    data = json.loads((out / f"{encoding}.json").read_text(encoding="utf-8"))
    assert "البغدادي" in data["text"]


def test_large_file_is_cut_with_a_warning(tmp_path: Path, nlp_ready: None) -> None:
    p = tmp_path / "big.txt"
    p.write_bytes(("He was seen in Hajin. " * 1000 + "\n\n").encode() * 60)
    out = tmp_path / "o"
    result = _run(
        "read", p, "--out", out, "--published", "2018-05-15", "--max-chars", "5000"
    )
    assert result.exit_code == 0, result.output
    assert "EvidenceWarning" in result.output
    data = json.loads((out / "big.json").read_text(encoding="utf-8"))
    assert len(data["text"]) <= 5000


def test_several_files_are_all_written(tmp_path: Path, nlp_ready: None) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.md"
    a.write_text(ARTICLE, encoding="utf-8")
    b.write_text("# Title\n\n" + ARTICLE, encoding="utf-8")
    out = tmp_path / "o"
    result = _run("read", a, b, "--out", out, "--published", "2018-05-15")
    assert result.exit_code == 0, result.output
    assert {p.name for p in out.iterdir()} == {"a.json", "a.html", "b.json", "b.html"}


def test_seed_article(shared_dir: Path, tmp_path: Path, nlp_ready: None) -> None:
    seed = shared_dir / "corpus" / "seed-2018-baghdadi-hajin.txt"
    out = tmp_path / "o"
    result = _run(
        "read",
        seed,
        "--out",
        out,
        "--published",
        "2018-05-15",
        "--target",
        "Abu Bakr al-Baghdadi",
    )
    assert result.exit_code == 0, result.output
    data = json.loads((out / "seed-2018-baghdadi-hajin.json").read_text("utf-8"))
    speakers = {e["provenance"]["speaker"] for e in data["evidence"]}
    assert {
        "Abu Ali al-Basri",
        "Said al-Ceyyasi",
        "Hisham al-Hashimi",
        "Sêrgo Hesekê",
    } <= speakers


LOCAL = (
    "Vandals strike businesses\n\nThe Athens Police Department arrested a man on "
    "Monday after windows were broken on two streets.\n"
)


def test_home_resolves_local_names_near_the_paper(
    tmp_path: Path, nlp_ready: None
) -> None:
    p = tmp_path / "local.txt"
    p.write_text(LOCAL, encoding="utf-8")

    def athens(*extra: str) -> tuple[dict[str, Any], dict[str, Any]]:
        out = tmp_path / ("o" + str(len(extra)))
        result = _run("read", p, "--out", out, "--published", "2009-03-02", *extra)
        assert result.exit_code == 0, result.output
        data = json.loads((out / "local.json").read_text(encoding="utf-8"))
        return next(m for m in data["mentions"] if m["text"] == "Athens"), data

    plain, _ = athens()
    local, data = athens("--home", "Athens, Texas")
    assert plain["country"] == "GR"
    assert local["country"] == "US" and abs(local["lat"] - 32.2) < 0.2
    assert any("home" in n and "Athens" in n for n in data["notes"])


def test_home_that_is_not_a_place_gives_one_line(tmp_path: Path) -> None:
    p = tmp_path / "local.txt"
    p.write_text(LOCAL, encoding="utf-8")
    result = _run("read", p, "--out", tmp_path / "o", "--home", "Athens, Texsa")
    assert result.exit_code == 1
    assert "Texsa" in result.output and "Did you mean" in result.output
    assert "Traceback" not in result.output


def test_home_town_must_lie_in_the_state_given(tmp_path: Path) -> None:
    """No near-miss town and no town of another state is taken instead."""
    p = tmp_path / "local.txt"
    p.write_text(LOCAL, encoding="utf-8")
    result = _run("read", p, "--out", tmp_path / "o", "--home", "Athens, Alaska")
    assert result.exit_code == 1
    assert "no place called 'Athens' in Alaska" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("home", [",", "  , Texas", " "])
def test_home_that_names_no_place_gives_one_line(tmp_path: Path, home: str) -> None:
    p = tmp_path / "local.txt"
    p.write_text(LOCAL, encoding="utf-8")
    result = _run("read", p, "--out", tmp_path / "o", "--home", home)
    assert result.exit_code == 1, result.output
    assert result.output.startswith(f"InputError: --home {home!r} names no place.")
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert not (tmp_path / "o").exists()
