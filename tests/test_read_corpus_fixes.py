"""A corpus reads each report once: geosleuth's own pages, doc ids, failed reads.

- ``read --corpus`` never reads its ``--out`` folder nor a page geosleuth wrote
  (they show evidence read already), and ``read_document`` refuses such a page;
- no two documents of a reading share a ``doc_id``, and ``gather_evidence``
  says so when two inputs do with other evidence;
- a failed ``read`` writes nothing;
- the inferred target is a person, not a place the tagger took for one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
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
    corpus_files,
    evidence_record,
    gather_evidence,
    load_read_output,
    read_corpus,
)
from geosleuth.read.document import Reading, _own_page, read_document

runner = CliRunner()
TARGET = "Abu Bakr al-Baghdadi"
ARTICLE = (
    "Where is he\n\nAbu Ali al-Basri, Director of Intelligence of the Iraqi Interior "
    "Ministry announced that al-Baghdadi may have been hiding in the Syrian town of "
    "Hajin.\n\nAl-Baghdadi was first and last seen in Mosul in 2014.\n"
)
READ_PAGE = (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
    "<title>Where is he — geosleuth read</title></head><body><h1>Where is he</h1>"
    "<p>al-Baghdadi may have been hiding in Hajin.</p></body></html>\n"
)
LOCATE_PAGE = (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
    '<meta name="generator" content="geosleuth 0.1.0">\n'
    "<title>Abu Bakr al-Baghdadi</title></head><body><p>Hajin 0.84</p></body></html>"
)
NEWS_PAGE = (
    "<html><head><title>Hunt for al-Baghdadi — Reuters</title>"
    '<meta name="generator" content="WordPress 6.1"></head><body><article><p>'
    "al-Baghdadi may have been hiding in Hajin.</p></article></body></html>"
)


def _run(*args: Any) -> Any:
    return runner.invoke(app, [str(a) for a in args])


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return root


def _names(paths: list[Path], root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() for p in paths]


@pytest.fixture(scope="module")
def nlp_ready() -> None:
    pytest.importorskip("spacy", reason="needs the [nlp] extra (spaCy)")
    from geosleuth.errors import MissingDependencyError
    from geosleuth.read.toponyms import load_nlp

    try:
        load_nlp()
    except MissingDependencyError as exc:
        pytest.skip(str(exc))


# -- geosleuth's own pages are no reports --------------------------------------------


def test_own_pages_are_known_by_their_marks(tmp_path: Path) -> None:
    root = _write(
        tmp_path, {"r.html": READ_PAGE, "l.html": LOCATE_PAGE, "n.html": NEWS_PAGE}
    )
    assert _own_page(root / "r.html") == "an annotated page of 'geosleuth read'"
    assert _own_page(root / "l.html") == "a page geosleuth wrote, by its generator tag"
    assert _own_page(root / "n.html") is None  # another generator, another title
    assert _own_page(root / "missing.html") is None  # reading it says why


def test_corpus_files_leave_out_geosleuth_pages_with_a_warning(tmp_path: Path) -> None:
    root = _write(
        tmp_path,
        {
            "a.txt": ARTICLE,
            "news.html": NEWS_PAGE,
            "read/a.html": READ_PAGE,
            "l/report.html": LOCATE_PAGE,
        },
    )
    with pytest.warns(EvidenceWarning, match="2 files under") as caught:
        found = corpus_files(root)
    assert _names(found, root) == ["a.txt", "news.html"]
    said = str(caught[0].message)
    assert "'l/report.html' (a page geosleuth wrote, by its generator tag)" in said
    assert "'read/a.html' (an annotated page of 'geosleuth read')" in said
    assert len(caught) == 1


def test_corpus_files_leave_out_the_out_folder_inside_the_corpus(
    tmp_path: Path,
) -> None:
    root = _write(tmp_path, {"a.txt": ARTICLE, "o/notes.txt": ARTICLE})
    with pytest.warns(EvidenceWarning, match="1 file under") as caught:
        found = corpus_files(root, exclude=[root / "o"])
    assert _names(found, root) == ["a.txt"]
    assert f"'o/notes.txt' (in {str(root / 'o')!r}, where readings go)" in str(
        caught[0].message
    )


def test_an_out_folder_that_is_or_holds_the_corpus_excludes_nothing(
    tmp_path: Path,
) -> None:
    root = _write(tmp_path / "c", {"a.txt": ARTICLE, "sub/b.txt": ARTICLE})
    for out in (root, tmp_path):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            found = corpus_files(root, exclude=[out])
        assert _names(found, root) == ["a.txt", "sub/b.txt"]
        assert caught == []


def test_a_corpus_of_geosleuth_pages_only_holds_no_document(tmp_path: Path) -> None:
    root = _write(tmp_path, {"read/a.html": READ_PAGE})
    with (
        pytest.warns(EvidenceWarning, match="left out of the corpus"),
        pytest.raises(InputError, match=r"holds no document.*but for pages geosleuth"),
    ):
        corpus_files(root)


def test_read_document_refuses_a_geosleuth_page(tmp_path: Path) -> None:
    page = _write(tmp_path, {"a.html": READ_PAGE}) / "a.html"
    with pytest.raises(InputError, match=r"'a\.html' is an annotated page") as info:
        read_document(page)
    assert info.value.path == str(page)
    assert "counted twice" in info.value.message


def test_cli_refuses_a_geosleuth_page_and_writes_nothing(tmp_path: Path) -> None:
    page = _write(tmp_path, {"report.html": LOCATE_PAGE}) / "report.html"
    result = _run("read", page, "--out", tmp_path / "o")
    assert result.exit_code == 1
    assert "InputError: 'report.html' is a page geosleuth wrote" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "o").exists()


# -- a failed read writes nothing -----------------------------------------------------


def test_a_failed_read_creates_no_folder(tmp_path: Path) -> None:
    blob = tmp_path / "blob.txt"
    blob.write_bytes(bytes(range(256)) * 20)
    result = _run("read", blob, "--out", tmp_path / "new" / "o")
    assert result.exit_code == 1 and "blob.txt" in result.output
    assert not (tmp_path / "new").exists()


def test_a_failed_read_leaves_an_existing_folder_as_it_was(tmp_path: Path) -> None:
    blob = tmp_path / "blob.txt"
    blob.write_bytes(bytes(range(256)) * 20)
    out = tmp_path / "o"
    out.mkdir()
    (out / "keep.json").write_text("{}", encoding="utf-8")
    result = _run("read", blob, "--out", out)
    assert result.exit_code == 1
    assert [p.name for p in out.iterdir()] == ["keep.json"]
    assert (out / "keep.json").read_text(encoding="utf-8") == "{}"


# -- reading a corpus twice, into a folder inside it ----------------------------------


@pytest.mark.nlp
def test_reading_a_corpus_twice_into_it_reads_each_report_once(
    tmp_path: Path, nlp_ready: None
) -> None:
    corpus = _write(tmp_path / "c", {"a.txt": ARTICLE})
    out = corpus / "read"
    args = ("read", "--corpus", corpus, "--out", out, "--target", TARGET)
    first = _run(*args, "--published", "2018-05-15")
    assert first.exit_code == 0, first.output
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    second = _run(*args, "--published", "2018-05-15")
    assert second.exit_code == 0, second.output
    assert "Read 1 of 1 documents" in second.output
    assert "'read/a.html' (in " in second.output  # the warning names it
    after = {p.name: p.read_bytes() for p in out.iterdir()}
    assert after == before  # the same three files, byte for byte
    record = json.loads(after["evidence.json"])
    assert [d["doc_id"] for d in record["documents"]] == ["a"]


@pytest.mark.nlp
def test_documents_of_one_name_get_distinct_ids(
    tmp_path: Path, nlp_ready: None
) -> None:
    root = _write(tmp_path, {"x/report.txt": ARTICLE, "y/report.txt": ARTICLE})
    paths = corpus_files(root)
    result = read_corpus(paths, target=TARGET, published="2018-05-15")
    first, second = result.readings
    assert (first.doc_id, second.doc_id) == ("report", "report-2")
    assert first.evidence and len(first.evidence) == len(second.evidence)
    assert all(it.id.startswith("report:") for it in first.evidence)
    assert all(it.id.startswith("report-2:") for it in second.evidence)
    assert {it.provenance.document for it in second.evidence} == {"report-2"}
    assert second.notes[-1] == (
        f"doc_id 'report-2', not 'report': that is the id of "
        f"{str(root / 'x' / 'report.txt')!r}, read in the same corpus"
    )
    assert not any("doc_id" in n for n in first.notes)  # the first keeps its own


# -- two inputs with one doc_id --------------------------------------------------------


def _reading(doc_id: str, *items: Any, title: str | None = None) -> Reading:
    # published: an undated reading is warned of again when loaded (review 16)
    return Reading(
        doc_id, title, "text", dt.date(2018, 5, 2), (), items, (), (), (),
        "al-Baghdadi", f"{doc_id}.txt",
    )  # fmt: skip


def _items(doc_id: str) -> tuple[Any, ...]:
    import datetime as dt

    prov = Provenance(document=doc_id, quote="seen in Hajin", span=(0, 13))
    return (
        Sighting(
            id=f"{doc_id}:sighting-1", provenance=prov, date=dt.date(2018, 5, 1),
            place=Point(40.83, 34.69), place_name="Hajin",
        ),
        LifeStatus(
            id=f"{doc_id}:life-1", provenance=prov, date=dt.date(2018, 5, 1),
            status="alive",
        ),
    )  # fmt: skip


def test_reading_renamed_moves_its_item_ids_and_sources() -> None:
    items = _items("a")
    moved = _reading("a", *items).renamed("a-2")
    assert moved.doc_id == "a-2" and moved.source == "a.txt"
    assert [it.id for it in moved.evidence] == ["a-2:sighting-1", "a-2:life-1"]
    assert {it.provenance.document for it in moved.evidence} == {"a-2"}
    assert _reading("a", *items).evidence == items  # the original is unchanged


def test_one_id_and_name_with_other_evidence_is_reported(tmp_path: Path) -> None:
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    one.write_text(json.dumps(_reading("a", *_items("a")).to_dict()), "utf-8")
    # two reports of one name read apart (another text: not one article)
    other = dataclasses.replace(_reading("a", _items("a")[1]), text="other text")
    two.write_text(json.dumps(other.to_dict()), "utf-8")
    with pytest.warns(EvidenceWarning, match="has the id and file name") as caught:
        docs = gather_evidence([one, two])
    assert len(caught) == 1
    assert f"given before, in {str(one)!r}, but other evidence" in str(
        caught[0].message
    )
    assert [d.doc_id for _, d in docs] == ["a", "a-2"]
    assert [len(d.evidence) for _, d in docs] == [2, 1]


def test_other_names_under_one_id_are_renamed_without_a_warning(
    tmp_path: Path,
) -> None:
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    one.write_text(json.dumps(_reading("a", *_items("a")).to_dict()), "utf-8")
    # a.txt and a.html, read apart: two documents, not one read twice
    other = Reading("a", None, "other text", dt.date(2018, 5, 2), (),
                    _items("a")[1:], (), (), (), None, "a.html")  # fmt: skip
    two.write_text(json.dumps(other.to_dict()), "utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs = gather_evidence([one, two])
    assert caught == []
    assert [d.doc_id for _, d in docs] == ["a", "a-2"]


def test_an_output_read_from_a_geosleuth_page_is_left_out(tmp_path: Path) -> None:
    # what earlier versions wrote when they read their own page
    page = _reading("a", *_items("a"), title="Where is he — geosleuth read")
    record = evidence_record([_reading("a", *_items("a")), page])
    p = tmp_path / "evidence.json"
    p.write_text(json.dumps(record), encoding="utf-8")
    with pytest.warns(EvidenceWarning, match="annotated page") as caught:
        docs = load_read_output(p)
    assert len(caught) == 1 and "its 2 item(s) repeat" in str(caught[0].message)
    assert [d.doc_id for d in docs] == ["a"]


def test_an_output_of_a_report_titled_otherwise_is_kept(tmp_path: Path) -> None:
    record = evidence_record([_reading("a", *_items("a"), title="geosleuth read")])
    p = tmp_path / "evidence.json"
    p.write_text(json.dumps(record), encoding="utf-8")
    assert [len(d.evidence) for d in load_read_output(p)] == [2]


# -- the inferred target is a person ---------------------------------------------------


def _doc(text: str, ents: list[tuple[str, str]]) -> Any:
    """A blank spaCy doc of ``text`` with each ``(words, label)`` tagged everywhere."""
    spacy = pytest.importorskip("spacy", reason="needs the [nlp] extra (spaCy)")
    doc = spacy.blank("en")(text)
    spans = []
    for words, label in ents:
        start = text.find(words)
        while start >= 0:
            spans.append(doc.char_span(start, start + len(words), label=label))
            start = text.find(words, start + len(words))
    doc.ents = sorted(spans, key=lambda s: s.start)
    return doc


def _places(text: str, names: dict[str, str | None]) -> list[Any]:
    """Place mentions of each word of ``names``, resolved to the place named."""
    from geosleuth.read.toponyms import Mention

    out = []
    for words, place in names.items():
        start = text.find(words)
        while start >= 0:
            end = start + len(words)
            out.append(Mention(words, start, end, place, 0.0, 0.0, None, 0.9, None))
            start = text.find(words, end)
    return sorted(out, key=lambda m: m.start)


def _inferred(text: str, ents: list[tuple[str, str]], **places: Any) -> str | None:
    from geosleuth.read.target import infer_target

    who = infer_target(text, doc=_doc(text, ents), mentions=_places(text, places))
    assert who is None or who.inferred
    return None if who is None else who.name


def test_the_tagger_alone_discounts_a_place() -> None:
    from geosleuth.read.target import infer_target

    spacy = pytest.importorskip("spacy", reason="needs the [nlp] extra (spaCy)")
    text = "Hajin fell. Hajin burned. Hajin is quiet, Sergo Heseke said."
    doc = spacy.blank("en")(text)
    at = [(0, "PERSON"), (12, "GPE"), (26, "GPE")]  # 'Hajin' once a person
    hajin = [doc.char_span(s, s + 5, label=label) for s, label in at]
    person = doc.char_span(text.index("Sergo"), text.index(" said"), label="PERSON")
    doc.ents = [*hajin, person]
    who = infer_target(text, doc=doc)
    assert who is not None and who.name == "Sergo Heseke"
    # tagged a person more often than a place: the name counted most, as before
    doc.ents = [hajin[0], person]
    who = infer_target(text, doc=doc)
    assert who is not None and who.name == "Hajin"  # three words share its key


def test_a_person_tagged_name_the_gazetteer_resolves_is_no_target() -> None:
    text = "Sioux Falls is a finalist. Sioux Falls won before, said Brewster Thackeray."
    ents = [("Sioux Falls", "PERSON"), ("Brewster Thackeray", "PERSON")]
    assert _inferred(text, ents) == "Sioux Falls"  # without mentions, as before
    assert _inferred(text, ents, **{"Sioux Falls": "Sioux Falls"}) == (
        "Brewster Thackeray"
    )


def test_only_places_tagged_as_persons_give_no_target() -> None:
    text = "Parkers Prairie voted. Parkers Prairie will build a school."
    ents = [("Parkers Prairie", "PERSON")]
    assert _inferred(text, ents, **{"Parkers Prairie": "Parkers Prairie"}) is None


def test_a_name_written_in_full_stays_a_person_where_a_village_shares_it() -> None:
    text = (
        "Bingham to offer a plan. Mayor Ryan Bingham will hold a press "
        "conference. Bingham said so in Bingham."
    )
    ents = [("Ryan Bingham", "PERSON")]
    mentions = {"Bingham": "Bingham"}  # the gazetteer's village, three times
    # the three bare 'Bingham' are mentions of places; 'Ryan Bingham' is a person's
    assert _inferred(text, ents, **mentions) == "Ryan Bingham"


def test_a_spelling_resolved_to_another_place_is_no_place() -> None:
    text = "Lu fell ill. Lu was diagnosed with flu. Tests of Lu confirmed it."
    ents = [("Lu", "PERSON")]
    assert _inferred(text, ents, Lu="Luzhou") == "Lu"  # a near spelling, not Lu
    assert _inferred(text, ents, Lu="Lu") is None  # a place called Lu


@pytest.mark.nlp
def test_the_seed_article_and_its_page_infer_a_person(
    shared_dir: Path, nlp: Any, tmp_path: Path
) -> None:
    from geosleuth.read.annotate import annotate_html
    from geosleuth.read.target import infer_target
    from geosleuth.read.text import load_text
    from geosleuth.read.toponyms import find_toponyms

    seed = shared_dir / "corpus" / "seed-2018-baghdadi-hajin.txt"
    reading = read_document(seed, published="2018-05-12")
    assert reading.target == "al-Baghdadi"
    # its annotated page, as text (read_document refuses it): it used to infer
    # the town 'Hajīn', which the tagger calls a PERSON a few times
    page = tmp_path / "page.html"
    page.write_text(annotate_html(reading), encoding="utf-8")
    text = load_text(page).text
    doc = nlp(text)
    who = infer_target(text, doc=doc, mentions=find_toponyms(text, doc=doc))
    assert who is not None and who.name == "al-Baghdadi"
