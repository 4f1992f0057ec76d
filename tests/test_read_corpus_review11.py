"""Review 11 of corpus reading: copies, broken links, deep pages, earlier readings.

- one article given twice (two copies, or one under two names) is counted once by
  ``gather_evidence`` (so by ``locate``), with a warning that names both files,
  however it comes in: read now, or read first with ``geosleuth read``;
- a broken symbolic link or one that loops under ``--corpus`` is a file that
  cannot be read, handled as ``--on-invalid`` says, never left out silently;
- a page nested deeper than libxml2 reads (256 elements) keeps its text;
- ``read`` into a folder that holds an earlier run's readings says so.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import warnings
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from geosleuth.cli import app
from geosleuth.errors import EvidenceWarning, InputError
from geosleuth.evidence import LifeStatus, Provenance, Sighting
from geosleuth.geometry import Point
from geosleuth.read.corpus import (
    CorpusReading,
    DocumentEvidence,
    _read_outputs_in,
    corpus_files,
    evidence_record,
    gather_evidence,
    load_read_output,
    read_corpus,
)
from geosleuth.read.document import Reading
from geosleuth.read.text import _parsed_text, load_text, text_from_bytes

runner = CliRunner()
TARGET = "Abu Bakr al-Baghdadi"
PUBLISHED = dt.date(2018, 5, 15)
ARTICLE = (
    "Where is he\n\nAbu Ali al-Basri, Director of Intelligence of the Iraqi Interior "
    "Ministry announced that al-Baghdadi may have been hiding in the Syrian town of "
    "Hajin.\n\nAl-Baghdadi was first and last seen in Mosul in 2014.\n"
)
OTHER = "Officials said al-Baghdadi was seen in Abu Kamal last week.\n"


def _run(*args: Any) -> Any:
    return runner.invoke(app, [str(a) for a in args])


def _write(root: Path, files: dict[str, str]) -> list[Path]:
    out = []
    for name, text in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
        out.append(p)
    return out


def _said(caught: Any) -> list[str]:
    return [str(w.message) for w in caught]


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# -- 1. one article given twice ------------------------------------------------------


@pytest.mark.nlp
def test_two_copies_read_together_are_counted_once_naming_both(
    tmp_path: Path, nlp: Any
) -> None:
    first, second = _write(tmp_path, {"a/anf.txt": ARTICLE, "b/anf.txt": ARTICLE})
    alone = gather_evidence([first], target=TARGET, published=PUBLISHED)
    with pytest.warns(EvidenceWarning, match="same text") as caught:
        docs = gather_evidence([first, second], target=TARGET, published=PUBLISHED)
    (said,) = _said(caught)
    assert said == (
        f"{str(second)!r} has the same text as {str(first)!r}: one article given "
        "twice. Its evidence is counted once, under 'anf'."
    )
    assert [(p, d.doc_id) for p, d in docs] == [(first, "anf")]
    assert docs[0][1].evidence == alone[0][1].evidence and alone[0][1].evidence


@pytest.mark.nlp
def test_a_copy_under_another_name_is_counted_once_with_or_without_a_target(
    tmp_path: Path, nlp: Any
) -> None:
    one, other, copy = _write(
        tmp_path, {"one.txt": ARTICLE, "other.txt": OTHER, "x/copy of one.txt": ARTICLE}
    )
    for target in (TARGET, None):  # without one, the first is read alone
        with pytest.warns(EvidenceWarning, match="same text") as caught:
            docs = gather_evidence(
                [one, other, copy], target=target, published=PUBLISHED
            )
        assert [d.doc_id for _, d in docs] == ["one", "other"]
        assert str(one) in _said(caught)[0] and str(copy) in _said(caught)[0]


@pytest.mark.nlp
def test_read_corpus_reads_both_copies_and_pairs_them(tmp_path: Path, nlp: Any) -> None:
    paths = _write(
        tmp_path, {"a/anf.txt": ARTICLE, "b/anf.txt": ARTICLE, "c.txt": OTHER}
    )
    result = read_corpus(paths, target=TARGET, published=PUBLISHED)
    assert [r.doc_id for r in result.readings] == ["anf", "anf-2", "c"]
    assert result.repeats() == [(1, 0)]


def test_repeats_compare_the_normalised_text() -> None:
    def reading(doc_id: str, text: str) -> Reading:
        return Reading(doc_id, None, text, None, (), (), (), (), (), None, "a.txt")

    texts = [("a", "Seen in Hajin."), ("b", "Seen in Mosul."), ("c", "Seen in Hajin.")]
    result = CorpusReading(
        tuple(reading(d, t) for d, t in texts), tuple(Path(d) for d, _ in texts), ()
    )
    assert result.repeats() == [(2, 0)]


@pytest.mark.nlp
@pytest.mark.shared
def test_the_seed_article_given_twice_gives_the_estimate_of_one_copy(
    tmp_path: Path, shared_dir: Path, nlp: Any
) -> None:
    seed = shared_dir / "corpus" / "seed-2018-baghdadi-hajin.txt"
    if not seed.is_file():
        pytest.skip(f"needs the seed article, not found at {seed}")
    a, b = tmp_path / "a" / "anf.txt", tmp_path / "b" / "anf.txt"
    for p in (a, b):
        p.parent.mkdir()
        p.write_bytes(seed.read_bytes())
    common = ("--target", TARGET, "--published", "2018-05-12", "-q")
    once = _run("locate", a, "--out", tmp_path / "once", *common)
    assert once.exit_code == 0, once.output
    twice = _run("locate", a, b, "--out", tmp_path / "twice", *common)
    assert twice.exit_code == 0, twice.output
    words = " ".join(twice.output.split())
    assert f"{str(b)!r} has the same text as {str(a)!r}" in words
    one, two = (
        json.loads((tmp_path / d / "estimate.json").read_text(encoding="utf-8"))
        for d in ("once", "twice")
    )
    assert two["places"] == one["places"] and two["evidence"] == one["evidence"]
    assert two["places"][0]["probability"] == pytest.approx(0.795, abs=0.001)


@pytest.mark.nlp
def test_read_outputs_of_two_copies_count_them_once(tmp_path: Path, nlp: Any) -> None:
    corpus = tmp_path / "corpus"
    _write(corpus, {"x/anf.txt": ARTICLE, "y/copy.txt": ARTICLE, "z.txt": OTHER})
    out = tmp_path / "read"
    result = _run("read", "--corpus", corpus, "--out", out, "--target", TARGET,
                  "--published", "2018-05-15")  # fmt: skip
    assert result.exit_code == 0, result.output
    words = " ".join(result.output.split())
    assert "Read 3 of 3 documents" in words  # both are read and written
    assert (
        f"Same text: {corpus / 'y' / 'copy.txt'} (copy.json) is "
        f"{corpus / 'x' / 'anf.txt'} (anf.json) again; 'geosleuth locate' counts "
        "its evidence once."
    ) in words
    record = json.loads((out / "evidence.json").read_text(encoding="utf-8"))
    text = json.loads((out / "anf.json").read_text(encoding="utf-8"))["text"]
    assert text.startswith("Where is he\n\nAbu Ali")  # normalised: no last newline
    hashes = [d["text_sha256"] for d in record["documents"]]
    assert hashes[:2] == [_sha(text)] * 2 and hashes[2] != hashes[0]
    # evidence.json alone: the copy is known by its text, though its name differs
    with pytest.warns(EvidenceWarning, match="same text") as caught:
        docs = gather_evidence([out / "evidence.json"])
    assert [d.doc_id for _, d in docs] == ["anf", "z"]
    assert _said(caught) == [
        f"The document 'copy' of {str(out / 'evidence.json')!r} (read from "
        f"'copy.txt') has the same text as the document 'anf' of "
        f"{str(out / 'evidence.json')!r} (read from 'anf.txt'): one article given "
        "twice. Its evidence is counted once, under 'anf'."
    ]
    # each <doc>.json, which holds the text; and an article read now beside them
    with pytest.warns(EvidenceWarning, match="same text"):
        docs = gather_evidence([out / "anf.json", out / "copy.json"])
    assert [d.doc_id for _, d in docs] == ["anf"]
    with pytest.warns(EvidenceWarning, match="same text"):
        docs = gather_evidence([out / "anf.json", corpus / "y" / "copy.txt"],
                               target=TARGET, published=PUBLISHED)  # fmt: skip
    assert [d.doc_id for _, d in docs] == ["anf"]


def _reading(doc_id: str, source: str, *items: Any, text: str = "text") -> Reading:
    return Reading(doc_id, None, text, PUBLISHED, (), items, (), (), (),
                   "al-Baghdadi", source)  # fmt: skip


def _items(doc_id: str) -> tuple[Any, ...]:
    prov = Provenance(document=doc_id, quote="He was seen in Hajin.", span=(0, 21))
    return (
        Sighting(
            id=f"{doc_id}:sighting-1", provenance=prov, date=dt.date(2018, 5, 1),
            place=Point(40.83, 34.69), place_name="Hajin", sigma_km=5.0,
        ),
        LifeStatus(
            id=f"{doc_id}:life-1", provenance=prov, date=dt.date(2018, 5, 1),
            status="alive",
        ),
    )  # fmt: skip


def test_an_older_evidence_json_with_a_renamed_copy_counts_it_once(
    tmp_path: Path,
) -> None:
    # what 'geosleuth read --corpus' wrote for two copies before: anf and anf-2,
    # one file name, the same items but for the ids, and no text_sha256
    anf = _reading("anf", "anf.txt", *_items("anf"))
    record = evidence_record([anf, anf.renamed("anf-2")])
    assert "text_sha256" not in record["documents"][0]
    p = tmp_path / "evidence.json"
    p.write_text(json.dumps(record), encoding="utf-8")
    with pytest.warns(EvidenceWarning, match="item for item but for the ids") as w:
        docs = gather_evidence([p])
    assert [d.doc_id for _, d in docs] == ["anf"]
    assert _said(w) == [
        f"The document 'anf-2' of {str(p)!r} (read from 'anf.txt') has the evidence "
        f"of the document 'anf' of {str(p)!r} (read from 'anf.txt'), item for item "
        "but for the ids, and its file name ('anf.txt'): one article given twice. "
        "Its evidence is counted once, under 'anf'."
    ]


def test_other_articles_with_alike_evidence_are_all_counted(tmp_path: Path) -> None:
    # other texts and other names: not one article, whatever their items say
    a = _reading("a", "a.txt", *_items("a"), text="He was seen in Hajin. (AP)")
    b = _reading("b", "b.txt", *_items("b"), text="He was seen in Hajin. (AFP)")
    p = tmp_path / "evidence.json"
    p.write_text(json.dumps(evidence_record([a, b], text_sha256=True)), "utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        docs = gather_evidence([p])
    assert [d.doc_id for _, d in docs] == ["a", "b"]


def test_the_text_hash_is_recorded_on_request_and_loads_back(tmp_path: Path) -> None:
    reading = _reading("a", "a.txt", *_items("a"), text="He was seen in Hajin.")
    record = evidence_record([reading], text_sha256=True)
    assert record["documents"][0]["text_sha256"] == _sha("He was seen in Hajin.")
    whole, one = tmp_path / "evidence.json", tmp_path / "a.json"
    whole.write_text(json.dumps(record), encoding="utf-8")
    one.write_text(json.dumps(reading.to_dict()), encoding="utf-8")
    expected = DocumentEvidence.from_reading(reading)
    assert expected.text_sha256 == _sha("He was seen in Hajin.")
    assert load_read_output(whole) == load_read_output(one) == (expected,)


def test_a_text_hash_that_is_no_hash_is_an_input_error(tmp_path: Path) -> None:
    record = evidence_record([_reading("a", "a.txt", *_items("a"))])
    record["documents"][0]["text_sha256"] = "abc"
    p = tmp_path / "evidence.json"
    p.write_text(json.dumps(record), encoding="utf-8")
    with pytest.raises(InputError, match="'text_sha256' that is no SHA-256: 'abc'"):
        load_read_output(p)


# -- 2. broken links and links that loop ----------------------------------------------


def _linked(root: Path, *, good: bool = True) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    if good:
        (root / "a.txt").write_text(OTHER, encoding="utf-8")
    (root / "b.txt").symlink_to(root / "unmounted" / "x.txt")
    (root / "c.txt").symlink_to("c.txt")
    return root


def test_corpus_files_list_broken_links_and_loops(tmp_path: Path) -> None:
    root = _linked(tmp_path / "c")
    (root / "folder.txt").mkdir()  # a folder is no document, whatever its name
    (root / "folder.txt" / "d.md").write_text(OTHER, encoding="utf-8")
    (root / "notes.pdf").symlink_to(root / "gone.pdf")  # no document suffix
    names = [p.relative_to(root).as_posix() for p in corpus_files(root)]
    assert names == ["a.txt", "b.txt", "c.txt", "folder.txt/d.md"]
    # the --out check resolves the links as far as they go, a loop included
    out = root / "read"
    out.mkdir()
    (out / "old.txt").symlink_to(out / "old.txt")
    with pytest.warns(EvidenceWarning, match=r"'read/old\.txt' \(in "):
        kept = corpus_files(root, exclude=[out])
    assert [p.name for p in kept] == ["a.txt", "b.txt", "c.txt", "d.md"]


def test_a_broken_link_or_a_loop_is_an_error_that_names_it(tmp_path: Path) -> None:
    root = _linked(tmp_path)
    gone = str(root / "unmounted" / "x.txt")
    with pytest.raises(InputError) as caught:
        read_corpus([root / "b.txt"])
    assert caught.value.message == (
        f"{str(root / 'b.txt')!r} cannot be read: it is a symbolic link to "
        f"{gone!r}, which does not exist."
    )
    assert caught.value.path == str(root / "b.txt")
    with pytest.raises(InputError, match=r"'.*c\.txt' cannot be read: it is a "
                       "symbolic link that loops"):  # fmt: skip
        load_text(root / "c.txt")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_without_waiting_on_it(tmp_path: Path) -> None:
    pipe = tmp_path / "feed.txt"
    os.mkfifo(pipe)
    assert corpus_files(tmp_path) == [pipe]  # listed, then refused
    result = read_corpus([pipe], on_invalid="skip")
    assert result.rejected[0].reason == (
        f"{str(pipe)!r} is a named pipe, not a regular file: it cannot be read as "
        "a document."
    )


def test_cli_stops_at_a_broken_link_by_default(tmp_path: Path) -> None:
    root = _linked(tmp_path / "corpus", good=False)  # the first is read first
    out = tmp_path / "o"
    result = _run("read", "--corpus", root, "--out", out)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    words = " ".join(result.output.split())
    assert words.startswith(f"InputError: {str(root / 'b.txt')!r} cannot be read: ")
    assert "which does not exist" in words and len(lines) <= 3  # one wrapped line
    assert "Traceback" not in result.output and not out.exists()


@pytest.mark.nlp
@pytest.mark.parametrize("how", ["warn", "skip"])
def test_cli_leaves_broken_links_out_as_on_invalid_says(
    tmp_path: Path, nlp: Any, how: str
) -> None:
    root = _linked(tmp_path / "corpus")
    out = tmp_path / "o"
    result = _run("read", "--corpus", root, "--out", out, "--on-invalid", how,
                  "--target", TARGET, "--published", "2018-05-15")  # fmt: skip
    assert result.exit_code == 0, result.output
    words = " ".join(result.output.split())
    assert "Read 1 of 3 documents, left out 2" in words
    said = [ln for ln in result.output.splitlines() if ln.startswith("Not read:")]
    assert len(said) == 2 and "loops" in words and "which does not exist" in words
    assert ("EvidenceWarning" in words) == (how == "warn")
    record = json.loads((out / "evidence.json").read_text(encoding="utf-8"))
    assert [r["path"] for r in record["rejected"]] == [
        str(root / "b.txt"),
        str(root / "c.txt"),
    ]


# -- 3. pages nested deeper than libxml2 reads -----------------------------------------

SEEN = "Jane Doe was seen in Leeds on 3 March 2024."


def _deep(depth: int, inner: str, *, before: str = "") -> bytes:
    return (
        "<html><head><title>Seen</title><style>p { color: red }</style></head>"
        f"<body>{before}{'<font size=2>' * depth}{inner}</body></html>"
    ).encode()


@pytest.mark.nlp  # HTML is read with trafilatura and lxml, the [nlp] extra
def test_a_page_nested_300_deep_keeps_its_text_with_a_warning() -> None:
    with pytest.warns(EvidenceWarning, match="nested more than 256 elements deep"):
        src = text_from_bytes(_deep(300, f"<p>{SEEN}</p>"), name="deep.html",
                              format="html")  # fmt: skip
    assert src.text == SEEN and src.title == "Seen"


@pytest.mark.nlp  # HTML is read with trafilatura and lxml, the [nlp] extra
def test_a_deep_page_keeps_scripts_and_styles_out() -> None:
    inner = (
        f"<p>{SEEN}</p><script>var s = '<p>Hidden in Paris</p>';</script>"
        "<noscript>Enable scripts</noscript><style>p{}</style><template><p>Tpl"
        "</p></template><p>Later &amp; more: Hull.<br>Next line.</p>"
    )
    with pytest.warns(EvidenceWarning, match="menus and footers included"):
        src = text_from_bytes(_deep(3000, inner), format="html")  # past 2048 too
    assert src.text == f"{SEEN}\n\nLater & more: Hull.\n\nNext line."


@pytest.mark.nlp  # HTML is read with trafilatura and lxml, the [nlp] extra
def test_text_before_the_depth_limit_does_not_hide_what_lies_deeper() -> None:
    page = _deep(400, f"<p>{SEEN}</p>", before="<p>Menu: Home, World</p>")
    with pytest.warns(EvidenceWarning, match="cannot be read whole"):
        src = text_from_bytes(page, format="html")
    assert src.text == f"Menu: Home, World\n\n{SEEN}"


@pytest.mark.nlp  # HTML is read with trafilatura and lxml, the [nlp] extra
def test_a_page_within_the_limit_is_read_as_before_without_a_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        src = text_from_bytes(_deep(200, f"<p>{SEEN}</p>"), format="html")
    assert src.text == SEEN


@pytest.mark.nlp  # HTML is read with trafilatura and lxml, the [nlp] extra
def test_a_deep_html_file_is_read(tmp_path: Path) -> None:
    p = tmp_path / "deep300.html"
    p.write_bytes(_deep(300, f"<p>{SEEN}</p>"))
    with pytest.warns(EvidenceWarning, match=r"'deep300\.html' cannot be read whole"):
        assert load_text(p).text == SEEN


def test_the_tokenizer_reads_a_head_left_open_and_skips_nested_hidden_parts() -> None:
    text, title = _parsed_text(
        "<html><head><title>A &lt;title&gt;</title><p>Body &eacute;t&eacute;"
        "<svg><svg><text>x</text></svg></svg> after</p><hr/>End"
    )
    assert (text, title) == ("Body été after\n\nEnd", "A <title>")


# -- 4. readings of an earlier run in the --out folder ---------------------------------


def test_read_outputs_are_known_by_their_keys_and_marks(tmp_path: Path) -> None:
    reading = _reading("a", "a.txt", *_items("a"))
    (tmp_path / "a.json").write_text(json.dumps(reading.to_dict()), "utf-8")
    (tmp_path / "evidence.json").write_text(
        json.dumps(evidence_record([reading])), "utf-8"
    )
    (tmp_path / "notes.json").write_text('{"doc_id": "x"}', "utf-8")
    (tmp_path / "bad.json").write_bytes(b"\xff{")
    (tmp_path / "a.html").write_text(
        "<html><head><title>Where — geosleuth read</title></head></html>", "utf-8"
    )
    (tmp_path / "news.html").write_text("<title>News</title>", "utf-8")
    found = _read_outputs_in(tmp_path)
    assert [p.name for p in found] == ["a.html", "a.json", "evidence.json"]
    assert _read_outputs_in(tmp_path, besides=[tmp_path / "a.json"]) == [
        tmp_path / "a.html", tmp_path / "evidence.json",
    ]  # fmt: skip
    assert _read_outputs_in(tmp_path / "none") == []


@pytest.mark.nlp
def test_reading_again_into_a_folder_names_the_earlier_readings(
    tmp_path: Path, nlp: Any
) -> None:
    docs = _write(tmp_path / "c", {f"r{k}.txt": OTHER.replace("week", f"week {k}")
                                   for k in range(1, 8)})  # fmt: skip
    out = tmp_path / "o"
    args = ("--out", out, "--target", TARGET, "--published", "2018-05-15")
    first = _run("read", "--corpus", tmp_path / "c", *args)
    assert first.exit_code == 0, first.output
    assert "earlier" not in first.output
    # the same run again writes every file there: nothing to say
    same = _run("read", "--corpus", tmp_path / "c", *args)
    assert same.exit_code == 0 and "earlier" not in same.output
    again = _run("read", docs[0], *args)
    assert again.exit_code == 0, again.output
    words = " ".join(again.output.split())
    assert (
        f"EvidenceWarning: {str(out)!r} also holds 6 reading(s) that this run did "
        "not write, from an earlier one: 'r2.json', 'r3.json', 'r4.json', "
        "'r5.json', 'r6.json' and 1 more, and 6 annotated page(s). 'geosleuth "
        f"locate {out / '*.json'}' would count their evidence with this run's"
    ) in words
    # nothing is deleted; evidence.json holds this run's reading only
    assert len(list(out.glob("r*.json"))) == 7 and len(list(out.glob("*.html"))) == 7
    record = json.loads((out / "evidence.json").read_text(encoding="utf-8"))
    assert [d["doc_id"] for d in record["documents"]] == ["r1"]
    for p in out.glob("r[2-7].json"):
        p.unlink()
    pages = _run("read", docs[0], *args)
    assert re.search(r"also holds 6 annotated page\(s\) that this run did not "
                     r"write, from an earlier one: 'r2\.html'",
                     " ".join(pages.output.split()))  # fmt: skip


def test_a_renamed_document_keeps_its_text_hash() -> None:
    doc = DocumentEvidence("a", "a.txt", None, _items("a"), _sha("x"))
    moved = doc.renamed("a-2")
    assert (moved.doc_id, moved.text_sha256) == ("a-2", _sha("x"))
    assert [it.id for it in moved.evidence] == ["a-2:sighting-1", "a-2:life-1"]
