"""``geosleuth read``: in-process CLI tests."""

from __future__ import annotations

import dataclasses
import importlib.util
import io
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
    for opt in (
        "--out",
        "--published",
        "--target",
        "--corpus",
        "--workers",
        "--scheduler",
        "--on-invalid",
    ):
        assert opt in result.output
    # the extra's brackets survive rich's markup (the box's borders split lines)
    words = " ".join(w for w in result.output.split() if w != "│")
    assert "install 'geosleuth[dask]'" in words


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
    assert {p.name for p in out.iterdir()} == {
        "a.json",
        "a.html",
        "b.json",
        "b.html",
        "evidence.json",
    }


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


# -- a corpus: --corpus, --on-invalid, --workers, evidence.json ------------------------

CORPUS = {
    "a.txt": ARTICLE,
    "nested/b.md": "# Seen\n\nA resident said al-Baghdadi was seen in Abu Kamal.\n",
    "nested/deeper/c.txt": "Officials said al-Baghdadi is hiding in Hajin.\n",
    "nested/a.txt": ARTICLE.replace("Hajin", "Abu Kamal"),  # a second a.txt
}
TARGET = ("--target", "Abu Bakr al-Baghdadi", "--published", "2018-05-15")


def _corpus(root: Path) -> Path:
    for name, text in CORPUS.items():
        p = root / "corpus" / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    (root / "corpus" / "nested" / "scan.pdf").write_bytes(b"%PDF-1.4\x00\x01")
    return root / "corpus"


def _outputs(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


@pytest.mark.nlp
def test_corpus_reads_every_document_under_the_folder(
    tmp_path: Path, nlp_ready: None
) -> None:
    from geosleuth.read import annotate_html, read_document

    corpus = _corpus(tmp_path)
    out = tmp_path / "o"
    result = _run("read", "--corpus", corpus, "--out", out, *TARGET)
    assert result.exit_code == 0, result.output
    written = _outputs(out)
    assert set(written) == {
        *(f"{n}.{s}" for n in ("a", "a-2", "b", "c") for s in ("json", "html")),
        "evidence.json",
    }  # the PDF is not a document; the second a.txt is a-2
    assert "Read 4 of 4 documents" in result.output
    # byte for byte what read_document gives, in sorted order: a, nested/a, b, c
    second = read_document(
        corpus / "nested" / "a.txt",
        target="Abu Bakr al-Baghdadi",
        published="2018-05-15",
    )
    # moved: the second a.txt's doc_id (and item ids) are now 'a-2' too, with a note
    note = (
        f"doc_id 'a-2', not 'a': that is the id of {str(corpus / 'a.txt')!r}, read "
        "in the same corpus"
    )
    second = dataclasses.replace(second.renamed("a-2"), notes=(*second.notes, note))
    assert second.evidence and second.evidence[0].id.startswith("a-2:")
    text = json.dumps(second.to_dict(), ensure_ascii=False, indent=2)
    assert written["a-2.json"] == text.encode("utf-8")
    assert written["a-2.html"] == annotate_html(second).encode("utf-8")
    # evidence.json: every document's items, as in its own JSON
    record = json.loads(written["evidence.json"])
    assert [d["file"] for d in record["documents"]] == [
        "a.json",
        "a-2.json",
        "b.json",
        "c.json",
    ]
    for doc in record["documents"]:
        own = json.loads(written[doc["file"]])
        assert doc["evidence"] == own["evidence"]
        assert doc["doc_id"] == own["doc_id"] and doc["target"] == own["target"]
    assert sum(len(d["evidence"]) for d in record["documents"]) >= 4
    assert record["rejected"] == []


@pytest.mark.nlp
def test_corpus_and_files_together(tmp_path: Path, nlp_ready: None) -> None:
    corpus = _corpus(tmp_path)
    extra = tmp_path / "evidence.txt"  # its <doc>.json is not evidence.json
    extra.write_text(ARTICLE, encoding="utf-8")
    # also under --corpus, by another spelling of its path: read once
    again = corpus / "nested" / ".." / "nested" / "deeper" / "c.txt"
    out = tmp_path / "o"
    result = _run("read", extra, again, "--corpus", corpus, "--out", out, *TARGET)
    assert result.exit_code == 0, result.output
    record = json.loads((out / "evidence.json").read_text(encoding="utf-8"))
    assert record["documents"][0]["file"] == "evidence-2.json"
    assert json.loads((out / "evidence-2.json").read_text())["source"] == "evidence.txt"
    assert [d["source"] for d in record["documents"]] == [
        "evidence.txt",
        "c.txt",
        "a.txt",
        "a.txt",
        "b.md",
    ]
    assert "Read 5 of 5 documents" in result.output


def test_neither_files_nor_corpus_is_a_usage_error(tmp_path: Path) -> None:
    result = _run("read", "--out", tmp_path / "o")
    assert result.exit_code == 2
    assert "nothing to read" in result.output and "--corpus" in result.output


def test_corpus_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    assert _run("read", "--corpus", p, "--out", tmp_path / "o").exit_code == 2


def test_a_corpus_without_documents_gives_one_red_line(tmp_path: Path) -> None:
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "scan.pdf").write_bytes(b"%PDF")
    result = _run("read", "--corpus", tmp_path / "c", "--out", tmp_path / "o")
    assert result.exit_code == 1
    assert "InputError" in result.output and "holds no document" in result.output


def _with_blob(tmp_path: Path) -> Path:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "0-blob.txt").write_bytes(b"He was seen\x00 in Hajin.\x00" * 40)
    return corpus


def test_on_invalid_raise_stops_at_a_nul_byte_file(tmp_path: Path) -> None:
    result = _run("read", "--corpus", _with_blob(tmp_path), "--out", tmp_path / "o")
    assert result.exit_code == 1
    assert result.output.strip().startswith("InputError: ")  # after the progress
    assert "blob.txt" in result.output and "Traceback" not in result.output


@pytest.mark.nlp
@pytest.mark.parametrize("how", ["skip", "warn"])
def test_on_invalid_leaves_a_nul_byte_file_out_and_says_so(
    tmp_path: Path, nlp_ready: None, how: str
) -> None:
    corpus = _with_blob(tmp_path)
    out = tmp_path / "o"
    result = _run(
        "read", "--corpus", corpus, "--out", out, "--on-invalid", how, *TARGET
    )
    assert result.exit_code == 0, result.output
    assert "Read 1 of 2 documents, left out 1" in result.output
    assert "Wrote 3 files" in " ".join(result.output.split())  # none for the blob
    assert "Not read:" in result.output and "blob.txt" in result.output
    assert ("EvidenceWarning" in result.output) == (how == "warn")
    assert {p.name for p in out.iterdir()} == {"a.json", "a.html", "evidence.json"}
    record = json.loads((out / "evidence.json").read_text(encoding="utf-8"))
    assert [r["path"] for r in record["rejected"]] == [str(corpus / "0-blob.txt")]


def test_on_invalid_takes_only_its_three_values(tmp_path: Path) -> None:
    corpus = _with_blob(tmp_path)
    result = _run("read", "--corpus", corpus, "-o", tmp_path / "o", "--on-invalid", "x")
    assert result.exit_code == 2


def test_workers_with_a_cluster_address_gives_one_red_line(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    result = _run(
        "read", p, "-o", tmp_path / "o", "--workers", "2", "--scheduler", "tcp://h:1"
    )
    assert result.exit_code == 1
    assert "InputError" in result.output and "--workers" in result.output


@pytest.mark.nlp
def test_two_worker_processes_write_the_same_bytes(
    tmp_path: Path, nlp_ready: None
) -> None:
    """The one test that loads the model in other processes (a few seconds)."""
    pytest.importorskip("dask.bag")
    corpus = _corpus(tmp_path)
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    cut = ("--max-chars", "150")  # the two long articles are cut, with a warning
    result = _run("read", "--corpus", corpus, "--out", serial, *cut, *TARGET)
    assert result.exit_code == 0, result.output
    warned = result.output.count("Warning")
    assert warned == 2, result.output
    result = _run(
        "read", "--corpus", corpus, "--out", parallel, "--workers", "2", *cut,
        *TARGET,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert _outputs(parallel) == _outputs(serial)
    # the warnings raised in the worker processes are shown here
    assert result.output.count("Warning") == warned, result.output


def test_an_os_error_with_no_strerror_keeps_its_message() -> None:
    # what distributed raises for a scheduler it cannot reach: the text only
    import typer
    from typer.testing import CliRunner

    from geosleuth.cli import guarded

    @guarded
    def connect() -> None:
        raise OSError("Timed out trying to connect to tcp://127.0.0.1:1 after 30 s")

    app2 = typer.Typer()
    app2.command()(connect)
    out = CliRunner().invoke(app2, [])
    assert out.exit_code == 1
    assert "OSError: Timed out trying to connect to tcp://127.0.0.1:1" in " ".join(
        out.output.split()
    )


@pytest.mark.nlp
def test_a_read_that_fails_while_writing_leaves_the_earlier_run_whole(
    tmp_path: Path, nlp_ready: None
) -> None:
    """review r12, F5: the files were written one by one, in place."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (docs / "b.txt").write_text(
        "Jane Doe was seen in Leeds on Monday.\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    assert _run("read", "--corpus", docs, "--out", out).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (out / "b.html").unlink()
    (out / "b.html").mkdir()  # an output in the way
    result = _run("read", "--corpus", docs, "--out", out, "--target", "Jane Doe")
    assert result.exit_code == 1
    assert "Is a directory" in result.output and "Traceback" not in result.output
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    # nothing of the failed run: every file as the earlier run wrote it
    assert after == {k: v for k, v in before.items() if k != "b.html"}
    assert not [p for p in out.iterdir() if p.name.endswith(".geosleuth-tmp")]


def _shown(table: Any, width: int = 80) -> str:
    from rich.console import Console

    console = Console(width=width, record=True, file=io.StringIO())
    console.print(table)
    return console.export_text()


def test_the_table_folds_long_names_instead_of_cutting_them() -> None:
    """At 80 columns two long names of one corpus stay whole and apart (r25 L7)."""
    from geosleuth.cli.read import _table

    long = Path("seed-2018-baghdadi-hajin-long-name-copy.txt")
    short = Path("seed-2018-baghdadi-hajin.txt")
    rows = [(p, p.stem, 42, 8, 4, 2, 2, 14) for p in (long, short)]
    text = _shown(_table(rows))
    joined = "".join(
        line.split("│")[1].strip() for line in text.splitlines() if "│" in line
    )
    assert long.name in joined and short.name in joined
    assert "…" not in text
    assert "written" not in text  # every stem is its file's own


def test_the_table_names_the_files_written_when_a_stem_was_changed() -> None:
    from geosleuth.cli.read import _table

    rows = [
        (Path("a/report.txt"), "report", 1, 0, 0, 0, 0, 0),
        (Path("b/report.txt"), "report-2", 1, 0, 0, 0, 0, 0),
    ]
    text = _shown(_table(rows), width=120)
    assert "written (.json, .html)" in text
    assert "report-2" in text
