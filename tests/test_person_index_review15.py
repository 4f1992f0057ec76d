"""Many people in one corpus (review r12, F6-F8).

``locate`` without ``--target`` takes the person most documents were read for.
It compared each document's name with every person so far (3,500 documents,
each for another person: 195 s); initials alone ("J.J.") gathered six people;
and each document read for someone else was a warning of its own, even one
with no items ("its 0 item(s) are left out").
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from geosleuth.errors import EvidenceWarning
from geosleuth.read._target_names import PersonIndex, same_person

GIVEN = ["Jane", "John", "Mary", "J.", "Mrs", "Rodrigo", "R."]
FAMILY = ["Doe", "Smith", "Barrientos", "al-Baghdadi", "Kim Jong-un"]


@st.composite
def names(draw: st.DrawFn) -> str:
    family = draw(st.sampled_from(FAMILY))
    form = draw(st.sampled_from(["alone", "given", "comma"]))
    if form == "alone":
        return family
    given = draw(st.sampled_from(GIVEN))
    return f"{family}, {given}" if form == "comma" else f"{given} {family}"


@given(st.lists(names(), max_size=25))
def test_the_index_groups_as_comparing_with_every_group_would(
    people: list[str],
) -> None:
    index = PersonIndex()
    heads: list[str] = []
    for name in people:
        naive = next((i for i, h in enumerate(heads) if same_person(h, name)), None)
        if naive is None:
            naive = len(heads)
            heads.append(name)
        assert index.group_of(name) == naive, (name, heads)
    assert index.heads == heads


def test_initials_alone_name_no_one_of_a_full_name() -> None:
    for full in ("Jason January", "Janet Johnson", "Jonathan J. McDaniel"):
        assert not same_person("J.J.", full)
        assert not same_person(full, "J.J.")
    assert same_person("J.J.", "J. J.")
    assert same_person("J. Doe", "Jane Doe")  # an initial with a family name still is


def _doc(doc_id: str, target: str, n_items: int) -> object:
    import datetime as dt

    from geosleuth.evidence import Provenance, Sighting
    from geosleuth.geometry import Point
    from geosleuth.read.corpus import DocumentEvidence

    items = tuple(
        Sighting(id=f"{doc_id}:s{k}", provenance=Provenance(document=doc_id),
                 date=dt.date(2024, 1, 1), place=Point(40.8, 34.7))
        for k in range(n_items)
    )  # fmt: skip
    return DocumentEvidence(doc_id, f"{doc_id}.txt", target, items)


def test_documents_read_for_others_are_one_warning_and_empty_ones_none(
    tmp_path: Path,
) -> None:
    from geosleuth.read.corpus import _for_target

    docs = [_doc("jane", "Jane Doe", 1)]
    docs += [_doc(f"o{k}", f"Other Person{k}", 1) for k in range(4)]
    docs += [_doc(f"e{k}", f"Empty Person{k}", 0) for k in range(10)]
    path = tmp_path / "evidence.json"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        kept = _for_target(path, tuple(docs), "Jane Doe")  # type: ignore[arg-type]
    assert [d.doc_id for d in kept] == ["jane"]
    said = [str(w.message) for w in caught if w.category is EvidenceWarning]
    assert len(said) == 1, said  # one line for the four, none for the empty ten
    assert said[0].startswith(f"4 documents of {str(path)!r} were read for other")
    assert "their 4 item(s) are left out" in said[0]
    # three or fewer are said one by one
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _for_target(path, tuple(docs[:3]), "Jane Doe")  # type: ignore[arg-type]
    assert len([w for w in caught if w.category is EvidenceWarning]) == 2


def test_readings_left_from_an_earlier_read_are_warned_of(tmp_path: Path) -> None:
    """review r12, F11: 'locate OUT/*.json' fused them without a word."""
    import json

    from geosleuth.read.corpus import READ_EVIDENCE_FORMAT, _warn_of_stale_readings

    out = tmp_path / "out"
    out.mkdir()
    listed = [{"file": "lima-1.json"}, {"file": "lima-2.json"}]
    record = {"format": READ_EVIDENCE_FORMAT, "version": 1, "documents": listed}
    (out / "evidence.json").write_text(json.dumps(record), encoding="utf-8")
    paths = [out / n for n in ("lima-1.json", "lima-2.json", "medellin-1.json")]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _warn_of_stale_readings([*paths, out / "evidence.json"])
    (said,) = [str(w.message) for w in caught if w.category is EvidenceWarning]
    assert said.startswith(f"1 reading in {str(out)!r} ('medellin-1.json') is not")
    # the readings of the last run, or a folder without evidence.json: no word
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _warn_of_stale_readings(paths[:2])
        _warn_of_stale_readings([tmp_path / "elsewhere" / "a.json"])


def test_a_strict_parallel_reading_stops_at_a_bad_file_before_reading_the_rest(
    tmp_path: Path, monkeypatch: Any
) -> None:
    """review r12, F9: with workers, the whole corpus was read before the error."""
    import pytest

    pytest.importorskip("dask.bag")

    import geosleuth.read.corpus as corpus
    from geosleuth.errors import InputError

    good = tmp_path / "a.txt"
    good.write_text("Jane Doe was seen in Leeds.\n", encoding="utf-8")
    bad = tmp_path / "b.txt"
    bad.write_bytes(b"\x00\x01\x02\x03" * 64)

    def never(*_: Any, **__: Any) -> None:
        raise AssertionError("the corpus was read before the bad file was found")

    monkeypatch.setattr(corpus, "_read_with_dask", never)
    with pytest.raises(InputError, match=r"'b.txt' is not a text document"):
        corpus.read_corpus([good, bad], scheduler="processes", workers=2)
