"""Reading a corpus: read_corpus on every scheduler, rejected documents, read outputs.

Reading needs spaCy (``nlp`` marker); the schedulers other than "serial" need
Dask (skipped without it). Only the CLI test of ``read --workers 2`` starts a
process pool (tests/test_cli_read.py): it is the one that loads the model in
other processes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from geosleuth.errors import EvidenceWarning, InputError
from geosleuth.evidence import LifeStatus, Provenance, Sighting
from geosleuth.geometry import Point
from geosleuth.read.corpus import (
    CorpusReading,
    DocumentEvidence,
    RejectedDocument,
    corpus_files,
    evidence_record,
    gather_evidence,
    load_read_output,
    read_corpus,
)
from geosleuth.read.document import Reading

DOCS = {
    "a.txt": (
        "Where is he\n\nAbu Ali al-Basri, Director of Intelligence of the Iraqi "
        "Interior Ministry announced that al-Baghdadi may have been hiding in the "
        "Syrian town of Hajin.\n\nAl-Baghdadi was first and last seen in Mosul in "
        "2014.\n"
    ),
    "b.md": (
        "# Sighting\n\nA resident said al-Baghdadi was seen in Abu Kamal last "
        "week, travelling with two guards.\n"
    ),
    "nested/c.txt": (
        "Officials in Baghdad said on Tuesday that al-Baghdadi is alive and "
        "hiding in Hajin, a town near the Iraqi border.\n"
    ),
    "nested/deeper/d.html": (
        "<html><head><title>Report</title></head><body><article><p>A spokesman "
        "said al-Baghdadi was wounded in an air strike on Raqqa and moved to "
        "Deir ez-Zor, where he is thought to be hiding.</p></article></body></html>"
    ),
}
PUBLISHED = dt.date(2018, 5, 15)
TARGET = "Abu Bakr al-Baghdadi"


def write_docs(root: Path) -> list[Path]:
    paths = []
    for name, text in DOCS.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


def blob(path: Path) -> Path:
    path.write_bytes(b"He was seen\x00 in Hajin.\x00\x00" * 40)  # NUL bytes
    return path


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return write_docs(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def serial(docs: list[Path], nlp: Any) -> CorpusReading:
    return read_corpus(docs, published=PUBLISHED, target=TARGET)


def dicts(result: CorpusReading) -> list[dict[str, Any]]:
    return [r.to_dict() for r in result.readings]


# -- listing a folder ---------------------------------------------------------------


def test_corpus_files_lists_documents_recursively_in_sorted_order(
    tmp_path: Path,
) -> None:
    write_docs(tmp_path)
    (tmp_path / "nested" / "scan.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "nested" / "notes.MD").write_text("x", encoding="utf-8")
    (tmp_path / "z.markdown").write_text("x", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in corpus_files(tmp_path)]
    assert found == [
        "a.txt",
        "b.md",
        "nested/c.txt",
        "nested/deeper/d.html",
        "nested/notes.MD",
        "z.markdown",
    ]


def test_a_folder_without_documents_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(InputError, match="holds no document"):
        corpus_files(tmp_path)


# -- options ----------------------------------------------------------------------


@pytest.mark.parametrize("scheduler", ["cluster", "process", "tcp:/host", ""])
def test_a_bad_scheduler_lists_the_valid_ones(tmp_path: Path, scheduler: str) -> None:
    with pytest.raises(ValueError) as info:
        read_corpus([tmp_path / "a.txt"], scheduler=scheduler)
    assert isinstance(info.value, InputError)
    assert "'serial', 'synchronous', 'threads', 'processes'" in str(info.value)
    assert "tcp://" in str(info.value) and repr(scheduler) in str(info.value)


@pytest.mark.parametrize(
    ("scheduler", "workers", "match"),
    [
        ("processes", 0, "positive whole number"),
        ("threads", True, "positive whole number"),
        ("serial", 2, "does not apply to the scheduler 'serial'"),
        ("tcp://10.0.0.5:8786", 2, "does not apply"),
    ],
)
def test_workers_is_only_for_local_pools(
    tmp_path: Path, scheduler: str, workers: Any, match: str
) -> None:
    with pytest.raises(InputError, match=match):
        read_corpus([tmp_path / "a.txt"], scheduler=scheduler, workers=workers)


def test_a_bad_on_invalid_lists_the_valid_ones(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"'raise', 'warn', 'skip'\. Got 'ignore'"):
        read_corpus([tmp_path / "a.txt"], on_invalid="ignore")  # type: ignore[arg-type]


def test_a_bad_publication_date_is_raised_whatever_on_invalid(tmp_path: Path) -> None:
    bad = blob(tmp_path / "blob.txt")
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        read_corpus([bad], published="May 2018", on_invalid="skip")


# -- documents that cannot be read ----------------------------------------------------


def test_a_nul_byte_file_is_raised_with_its_path(tmp_path: Path) -> None:
    bad = blob(tmp_path / "blob.txt")
    with pytest.raises(InputError, match="is not a text document") as info:
        read_corpus([bad])
    assert info.value.path == str(bad)


def test_skip_leaves_it_out_and_lists_it(tmp_path: Path) -> None:
    bad = blob(tmp_path / "blob.txt")
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    result = read_corpus([bad, empty], on_invalid="skip")
    assert result.readings == () and result.paths == ()
    assert [r.path for r in result.rejected] == [str(bad), str(empty)]
    assert "not a text document" in result.rejected[0].reason
    assert "empty" in result.rejected[1].reason
    assert isinstance(result.rejected[0], RejectedDocument)
    path, reason = result.rejected[0]  # a (path, reason) pair
    assert (path, reason) == (result.rejected[0].path, result.rejected[0].reason)


def test_warn_leaves_it_out_with_our_warning(tmp_path: Path) -> None:
    bad = blob(tmp_path / "blob.txt")
    with pytest.warns(EvidenceWarning, match="blob.txt' was not read and is left out"):
        result = read_corpus([bad], on_invalid="warn")
    assert [r.path for r in result.rejected] == [str(bad)]


def test_through_dask_the_first_bad_document_in_input_order_is_raised(
    tmp_path: Path,
) -> None:
    pytest.importorskip("dask.bag")
    first, second = blob(tmp_path / "first.txt"), blob(tmp_path / "second.txt")
    with pytest.raises(InputError, match=r"first\.txt"):
        read_corpus([first, second], scheduler="synchronous")
    result = read_corpus([second, first], scheduler="synchronous", on_invalid="skip")
    assert [r.path for r in result.rejected] == [str(second), str(first)]


@pytest.mark.nlp
def test_a_bad_document_among_good_ones_is_left_out(
    docs: list[Path], serial: CorpusReading, tmp_path: Path
) -> None:
    bad = blob(tmp_path / "blob.txt")
    result = read_corpus(
        [docs[0], bad, docs[1]], published=PUBLISHED, target=TARGET, on_invalid="skip"
    )
    assert result.paths == (docs[0], docs[1])
    assert dicts(result) == dicts(serial)[:2]
    assert result.rejected == (RejectedDocument(str(bad), result.rejected[0].reason),)


# -- the schedulers give the serial loop's readings -----------------------------------


@pytest.mark.nlp
def test_serial_reads_each_document_as_read_document_does(
    docs: list[Path], serial: CorpusReading
) -> None:
    from geosleuth.read import read_document

    assert serial.paths == tuple(docs) and serial.rejected == ()
    assert (
        dicts(serial)[2]
        == read_document(docs[2], published=PUBLISHED, target=TARGET).to_dict()
    )
    assert sum(len(r.evidence) for r in serial.readings) > 4


@pytest.mark.nlp
@pytest.mark.parametrize("scheduler", ["synchronous", "threads"])
def test_local_dask_schedulers_give_the_serial_readings(
    docs: list[Path], serial: CorpusReading, scheduler: str
) -> None:
    pytest.importorskip("dask.bag")
    seen: list[tuple[int, int]] = []
    workers = 2 if scheduler == "threads" else None
    result = read_corpus(
        docs,
        published=PUBLISHED,
        target=TARGET,
        scheduler=scheduler,
        workers=workers,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert result.paths == serial.paths
    assert dicts(result) == dicts(serial)
    assert seen[-1] == (len(docs), len(docs))


@pytest.mark.nlp
def test_a_dask_cluster_gives_the_serial_readings_and_warnings(
    docs: list[Path], serial: CorpusReading, tmp_path: Path
) -> None:
    """Through a real scheduler address; warnings recorded there are shown here."""
    pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("distributed")
    bad = blob(tmp_path / "blob.txt")
    t0 = time.perf_counter()
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster:
        assert time.perf_counter() - t0 < 10
        address = cluster.scheduler_address
        assert address.startswith(("tcp://", "inproc://"))
        result = read_corpus(
            [*docs, bad],
            published=PUBLISHED,
            target=TARGET,
            scheduler=address,
            on_invalid="skip",
        )
        with pytest.warns(EvidenceWarning, match="no publication date"):
            undated = read_corpus(docs[:1], scheduler=address)
    assert dicts(result) == dicts(serial)
    assert [r.path for r in result.rejected] == [str(bad)]
    with pytest.warns(EvidenceWarning, match="no publication date"):
        assert dicts(undated) == dicts(read_corpus(docs[:1]))


# -- evidence.json and read outputs ---------------------------------------------------


def _reading(doc_id: str, *items: Any) -> Reading:
    return Reading(
        doc_id=doc_id, title=None, text="", published=PUBLISHED, mentions=(),
        evidence=items, sentences=(), rejected=(), notes=(), target="al-Baghdadi",
        source=f"{doc_id}.txt",
    )  # fmt: skip


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


def test_evidence_json_loads_back_item_for_item(tmp_path: Path) -> None:
    readings = [_reading("a", *_items("a")), _reading("b", *_items("b"))]
    record = evidence_record(
        readings,
        files=["a.json", "b.json"],
        rejected=[RejectedDocument("blob.txt", "not text")],
    )
    assert record["documents"][1]["file"] == "b.json"
    assert record["rejected"] == [{"path": "blob.txt", "reason": "not text"}]
    assert record["documents"][0]["evidence"] == readings[0].to_dict()["evidence"]
    assert (record["format"], record["version"]) == ("geosleuth read evidence", 1)
    # each document as in its <doc>.json, less the text, sentences and mentions
    assert record["documents"][0] == {
        "file": "a.json", "doc_id": "a", "source": "a.txt", "title": None,
        "published": "2018-05-15", "target": "al-Baghdadi",
        "evidence": readings[0].to_dict()["evidence"], "notes": [],
    }  # fmt: skip
    p = tmp_path / "evidence.json"
    p.write_text(json.dumps(record), encoding="utf-8")
    loaded = load_read_output(p)
    assert [d.doc_id for d in loaded] == ["a", "b"]
    assert [d.evidence for d in loaded] == [r.evidence for r in readings]
    assert loaded[0].target == "al-Baghdadi" and loaded[0].source == "a.txt"


def test_a_document_json_loads_back_item_for_item(tmp_path: Path) -> None:
    reading = _reading("a", *_items("a"))
    p = tmp_path / "a.json"
    p.write_text(json.dumps(reading.to_dict()), encoding="utf-8")
    assert load_read_output(p) == (DocumentEvidence.from_reading(reading),)


def test_documents_with_one_id_are_renamed_apart(tmp_path: Path) -> None:
    # two documents called 'a' (a/report.txt, b/report.txt) that say different things
    first = _reading("a", _items("a")[1])
    record = evidence_record([first, _reading("a", *_items("a"))])
    p = tmp_path / "evidence.json"
    p.write_text(json.dumps(record), encoding="utf-8")
    # moved: one id and file name with other evidence may be one report read twice,
    # so it is counted with a warning ('geosleuth read' no longer writes such ids)
    with pytest.warns(EvidenceWarning, match="has the id and file name") as caught:
        docs = gather_evidence([p])
    assert len(caught) == 1 and "this one as 'a-2'" in str(caught[0].message)
    assert [d.doc_id for _, d in docs] == ["a", "a-2"]
    assert [it.id for it in docs[1][1].evidence] == ["a-2:sighting-1", "a-2:life-1"]
    assert docs[1][1].named_points() == [("Hajin", 40.83, 34.69)]


def test_a_document_given_twice_is_counted_once(tmp_path: Path) -> None:
    # 'locate out/*.json' gives each <doc>.json and the evidence.json that holds it
    readings = [_reading("a", *_items("a")), _reading("b", *_items("b"))]
    whole = tmp_path / "evidence.json"
    whole.write_text(json.dumps(evidence_record(readings)), encoding="utf-8")
    one = tmp_path / "b.json"
    one.write_text(json.dumps(readings[1].to_dict()), encoding="utf-8")
    with pytest.warns(EvidenceWarning, match="was given before") as caught:
        docs = gather_evidence([whole, one, whole])
    said = [str(w.message) for w in caught]
    assert len(said) == 3
    assert said[0].startswith(f"The document 'b' of {str(one)!r} was given before, in")
    assert [(p.name, d.doc_id) for p, d in docs] == [
        ("evidence.json", "a"),
        ("evidence.json", "b"),
    ]
    # the same name with other evidence (and another text: one text is one
    # article, counted once) is another document, renamed apart
    other = dataclasses.replace(_reading("b", _items("b")[0]), text="other text")
    two = tmp_path / "other" / "b.json"
    two.parent.mkdir()
    two.write_text(json.dumps(other.to_dict()), encoding="utf-8")
    # moved: counted, but with a warning (it may be one report read twice)
    said = re.escape(f"given before, in {str(one)!r}, but")
    with pytest.warns(EvidenceWarning, match=said):
        assert [d.doc_id for _, d in gather_evidence([one, two])] == ["b", "b-2"]


def test_read_outputs_of_other_targets_are_left_out_without_a_target(
    tmp_path: Path,
) -> None:
    # one evidence.json of a corpus read without --target, each document for the
    # person it named most: the first names the target, the others are about
    # someone else (not fused with it, as they were before)
    other = dataclasses.replace(_reading("b", *_items("b")), target="Homa Bay")
    whole = tmp_path / "evidence.json"
    record = evidence_record([_reading("a", *_items("a")), other])
    whole.write_text(json.dumps(record), encoding="utf-8")
    with pytest.warns(EvidenceWarning, match="'b'.*read for 'Homa Bay', not for"):
        docs = gather_evidence([whole])
    assert [d.doc_id for _, d in docs] == ["a"]
    # the same with --target is what it always was
    with pytest.warns(EvidenceWarning, match="read for 'Homa Bay'"):
        assert len(gather_evidence([whole], target="al-Baghdadi")) == 1
    # two readings of one target, given apart, are both kept
    one, two = tmp_path / "a.json", tmp_path / "c.json"
    one.write_text(json.dumps(_reading("a", *_items("a")).to_dict()), "utf-8")
    third = dataclasses.replace(_reading("c", *_items("c")), text="another text")
    two.write_text(json.dumps(third.to_dict()), "utf-8")
    assert [d.doc_id for _, d in gather_evidence([one, two])] == ["a", "c"]


@pytest.mark.nlp
def test_a_read_output_given_first_names_the_target_of_the_articles(
    tmp_path: Path, nlp: Any
) -> None:
    # the article names its speaker most often: read alone, he would be the target
    article = tmp_path / "fox.txt"
    article.write_text(
        "Tom Fox said al-Baghdadi was seen in Hajin. Fox said so again. Tom Fox "
        "left.\n",
        encoding="utf-8",
    )
    alone = gather_evidence([article], published=PUBLISHED)
    assert alone[0][1].target == "Tom Fox"
    whole = tmp_path / "evidence.json"
    record = evidence_record([_reading("a", *_items("a"))])
    whole.write_text(json.dumps(record), encoding="utf-8")
    docs = gather_evidence([whole, article], published=PUBLISHED)
    assert [d.target for _, d in docs] == ["al-Baghdadi", "al-Baghdadi"]
    (seen,) = [i for i in docs[1][1].evidence if isinstance(i, Sighting)]
    assert (seen.place_name, seen.provenance.speaker) == ("Hajīn", "Tom Fox")
    # given after the article, it names the target all the same: the person the
    # read outputs were read for, not the one an article read alone names most
    later = gather_evidence([article, whole], published=PUBLISHED)
    assert [d.target for _, d in later] == ["al-Baghdadi", "al-Baghdadi"]
    # nor does an article read first: the target it names is the next one's
    first = tmp_path / "first.txt"
    first.write_text("Abu Bakr al-Baghdadi fled. Al-Baghdadi hid.\n", encoding="utf-8")
    chain = gather_evidence([first, article], published=PUBLISHED)
    assert [d.target for _, d in chain] == ["Abu Bakr al-Baghdadi"] * 2


def test_an_error_with_no_location_is_named_by_its_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import geosleuth.read.corpus as corpus

    def fails(path: str, **_: Any) -> Reading:
        raise InputError("The text is too long.", field="text")

    monkeypatch.setattr(corpus, "read_document", fails)
    p = tmp_path / "long.txt"
    p.write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="too long") as info:
        read_corpus([p])
    assert (info.value.path, info.value.field) == (str(p), "text")
    rejected = read_corpus([p], on_invalid="skip").rejected
    assert rejected == (RejectedDocument(str(p), "The text is too long."),)


@pytest.mark.parametrize(
    ("content", "got"),
    [
        (json.dumps({"as_of": "2018-05-15", "evidence": []}), "keys 'as_of'"),
        (json.dumps([1, 2]), "a JSON list"),
        # another tool's record with a 'documents' list
        (
            json.dumps({"format": "other", "version": 1, "documents": []}),
            "keys 'documents', 'format', 'version'",
        ),
        ("{not json", "not JSON"),
        (
            json.dumps(
                {"format": "geosleuth read evidence", "version": 1, "documents": [{}]}
            ),
            "no 'evidence' list",
        ),
        (
            json.dumps(
                {"format": "geosleuth read evidence", "version": 2, "documents": []}
            ),
            "an evidence.json of version 2; this geosleuth reads version 1",
        ),
        (
            json.dumps(
                {"doc_id": "a", "mentions": [], "evidence": [{"kind": "rumour"}]}
            ),
            "Unknown evidence kind 'rumour'",
        ),
    ],
)
def test_a_json_that_is_not_a_read_output_is_an_input_error(
    tmp_path: Path, content: str, got: str
) -> None:
    p = tmp_path / "x.json"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=r"x\.json") as info:
        load_read_output(p)
    assert got in str(info.value)
    assert info.value.path == str(p)


def test_without_dask_a_scheduler_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from geosleuth.errors import MissingDependencyError

    for name in ("dask", "dask.bag", "dask.callbacks"):
        monkeypatch.setitem(sys.modules, name, None)
    with pytest.raises(MissingDependencyError, match=r"geosleuth\[dask\]"):
        read_corpus([blob(tmp_path / "blob.txt")], scheduler="threads")
    assert read_corpus([blob(tmp_path / "b.txt")], on_invalid="skip").rejected


def test_a_read_output_about_someone_else_is_left_out_with_a_warning(
    tmp_path: Path,
) -> None:
    karim = dataclasses.replace(
        _reading("karim", *_items("karim")), target="Ahmed Karim"
    )
    readings = [_reading("a", *_items("a")), karim]
    whole = tmp_path / "evidence.json"
    whole.write_text(json.dumps(evidence_record(readings)), encoding="utf-8")
    with pytest.warns(EvidenceWarning, match="was read for 'Ahmed Karim'") as caught:
        docs = gather_evidence([whole], target="Abu Bakr al-Baghdadi")
    assert [d.doc_id for _, d in docs] == ["a"]
    assert "its 2 item(s) are left out" in str(caught[0].message)
    # a spelling of the same surname is the same person
    with pytest.warns(EvidenceWarning, match="'a' .* was read for 'al-Baghdadi'"):
        assert len(gather_evidence([whole], target="Ahmed Karim")) == 1
    with pytest.warns(EvidenceWarning, match="'karim'"):
        assert len(gather_evidence([whole], target="Abu Bakr al-Bagdadi")) == 1
    # without a target the first document names it, and the others' readings of
    # someone else are left out, as with one
    with pytest.warns(EvidenceWarning, match="'karim'"):
        assert len(gather_evidence([whole])) == 1
    # a date or home for documents read now does not reach read outputs: said so
    with pytest.warns(EvidenceWarning, match="keep what they were read with"):
        gather_evidence([whole], published="2018-05-12")


def test_the_person_most_readings_are_for_is_the_target(tmp_path: Path) -> None:
    # review 14: a spokesman's reading first in the list took the corpus over
    spokesman = dataclasses.replace(_reading("a", *_items("a")), target="Tom Fox")
    doe = [
        dataclasses.replace(_reading(k, *_items(k)), target=name, text=f"text of {k}")
        for k, name in (("b", "Jane Doe"), ("c", "J. Doe"))
    ]
    whole = tmp_path / "evidence.json"
    whole.write_text(json.dumps(evidence_record([spokesman, *doe])), "utf-8")
    with pytest.warns(EvidenceWarning, match="'a' .*read for 'Tom Fox', not for"):
        docs = gather_evidence([whole])
    assert [d.doc_id for _, d in docs] == ["b", "c"]


def test_case_counts_read_for_no_one_stay_out_of_a_person_search(
    tmp_path: Path,
) -> None:
    from geosleuth.evidence import EventSet

    cases = EventSet(
        id="o:e1", provenance=Provenance(document="o"), date=dt.date(2018, 5, 1),
        lons=(34.76, 34.28), lats=(-0.10, 0.06), weights=(45.0, 12.0),
    )  # fmt: skip
    outbreak = dataclasses.replace(
        _reading("o", cases), target=None, text="an outbreak report"
    )
    whole = tmp_path / "evidence.json"
    whole.write_text(
        json.dumps(evidence_record([_reading("a", *_items("a")), outbreak])), "utf-8"
    )
    for target in (None, "al-Baghdadi"):
        with pytest.warns(EvidenceWarning, match="'o' .*read for no one"):
            docs = gather_evidence([whole], target=target)
        assert [d.doc_id for _, d in docs] == ["a"]
