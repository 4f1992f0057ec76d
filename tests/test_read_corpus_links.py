"""Symbolic links under ``--corpus``: folders followed, loops ended, files once.

- a link to a folder is followed, whether the folder is outside the corpus or in it;
- each real folder is walked once: a link to a folder walked already, to the corpus
  itself or to a folder that holds it ends there, and links that lead to each other
  end too;
- a file reached by two paths is one document, listed by the path with no link in
  it where there is one;
- a folder that cannot be listed is left out with a warning that names it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from geosleuth.cli import app
from geosleuth.errors import EvidenceWarning, InputError
from geosleuth.read.corpus import corpus_files, read_corpus

pytestmark = pytest.mark.skipif(
    not hasattr(os, "symlink"), reason="needs symbolic links"
)

runner = CliRunner()
TARGET = "Abu Bakr al-Baghdadi"
ARTICLE = "Al-Baghdadi was first and last seen in Mosul in 2014.\n"
OTHER = "Officials said al-Baghdadi was seen in Abu Kamal last week.\n"


def _write(root: Path, *names: str, text: str = OTHER) -> None:
    for name in names:
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")


def _listed(root: Path, **kwargs: Any) -> list[str]:
    return [p.relative_to(root).as_posix() for p in corpus_files(root, **kwargs)]


def test_a_link_to_a_folder_outside_the_corpus_is_followed(tmp_path: Path) -> None:
    root, ext = tmp_path / "corpus", tmp_path / "elsewhere"
    _write(root, "a.txt")
    _write(ext, "x.txt", "sub/y.md", "notes.pdf")
    (root / "more").symlink_to(ext, target_is_directory=True)
    assert _listed(root) == ["a.txt", "more/sub/y.md", "more/x.txt"]
    # the paths go through the link, as given: the reading names them so
    assert all(p.is_relative_to(root) for p in corpus_files(root))


def test_a_link_to_the_corpus_or_a_folder_above_it_is_not_followed(
    tmp_path: Path,
) -> None:
    root = tmp_path / "corpus"
    _write(root, "b/z.html")
    _write(tmp_path, "outside.txt")  # beside the corpus: no part of it
    (root / "b" / "up").symlink_to(root)
    (root / "b" / "top").symlink_to(tmp_path)
    (root / "b" / "parent").symlink_to("..")
    (root / "self").symlink_to(".")
    assert _listed(root) == ["b/z.html"]


def test_a_link_to_a_folder_in_the_corpus_keeps_the_real_paths(
    tmp_path: Path,
) -> None:
    root = tmp_path / "corpus"
    _write(root, "a/x.txt", "a/deeper/y.txt")
    (root / "0-latest").symlink_to(root / "a")  # sorts before the folder
    (root / "a" / "deeper" / "alias").symlink_to(root / "a" / "deeper")
    assert _listed(root) == ["a/deeper/y.txt", "a/x.txt"]


def test_a_folder_reached_by_two_links_is_walked_once(tmp_path: Path) -> None:
    root, ext = tmp_path / "corpus", tmp_path / "elsewhere"
    _write(ext, "x.txt", "sub/y.txt")
    (root / "l2").mkdir(parents=True)
    (root / "l1").symlink_to(ext)
    (root / "l2" / "again").symlink_to(ext)
    (root / "l3").symlink_to(ext / "sub")  # a folder under one walked through l1
    assert _listed(root) == ["l1/sub/y.txt", "l1/x.txt"]


def test_links_that_lead_to_each_other_end(tmp_path: Path) -> None:
    root, one, two = tmp_path / "corpus", tmp_path / "one", tmp_path / "two"
    _write(one, "f1.txt")
    _write(two, "f2.txt")
    root.mkdir()
    (one / "to-two").symlink_to(two)
    (two / "to-one").symlink_to(one)
    (root / "e").symlink_to(one)
    assert _listed(root) == ["e/f1.txt", "e/to-two/f2.txt"]


def test_a_file_reached_by_two_paths_is_one_document(tmp_path: Path) -> None:
    root, ext = tmp_path / "corpus", tmp_path / "elsewhere"
    _write(root, "b.txt", "c/keep.md")
    _write(ext, "f.txt")
    (root / "a.txt").symlink_to(root / "b.txt")  # sorts first, but is a link
    (root / "c" / "d.txt").symlink_to(root / "b.txt")
    (root / "x.txt").symlink_to(ext / "f.txt")
    (root / "y.txt").symlink_to(ext / "f.txt")
    (root / "more").symlink_to(ext)
    assert _listed(root) == ["b.txt", "c/keep.md", "more/f.txt"]


def test_a_copy_is_no_link_and_both_are_listed(tmp_path: Path) -> None:
    # one text in two real files: both listed, and counted once when gathered
    root = tmp_path / "corpus"
    _write(root, "a.txt", "b/a.txt")
    assert _listed(root) == ["a.txt", "b/a.txt"]


def test_broken_and_looping_links_to_folders_are_no_documents(
    tmp_path: Path,
) -> None:
    root = tmp_path / "corpus"
    _write(root, "a.txt")
    (root / "gone").symlink_to(tmp_path / "unmounted", target_is_directory=True)
    (root / "loop").symlink_to("loop")
    (root / "broken.txt").symlink_to(tmp_path / "unmounted" / "x.txt")
    # a link with a document's suffix is listed, to be refused when read
    assert _listed(root) == ["a.txt", "broken.txt"]


def test_the_readings_folder_is_left_out_through_a_link(tmp_path: Path) -> None:
    root, out = tmp_path / "corpus", tmp_path / "read"
    _write(root, "a.txt")
    _write(out, "old.txt")
    (root / "readings").symlink_to(out)
    with pytest.warns(EvidenceWarning, match=r"'readings/old\.txt' \(in "):
        assert _listed(root, exclude=[out]) == ["a.txt"]


def test_a_folder_that_cannot_be_listed_is_left_out_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, ext = tmp_path / "corpus", tmp_path / "elsewhere"
    _write(root, "a.txt", "locked/b.txt")
    _write(ext, "c.txt")
    (root / "more").symlink_to(ext)
    scandir = os.scandir
    refused = {str(root / "locked"), str(root / "more")}

    def fake_scandir(path: Any) -> Any:
        if str(path) in refused:
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", fake_scandir)
    with pytest.warns(EvidenceWarning) as caught:
        assert _listed(root) == ["a.txt"]
    (message,) = [str(w.message) for w in caught]
    assert message == (
        f"2 folders under {str(root)!r} cannot be read, and the documents in them "
        "are left out of the corpus: 'locked' (permission denied); 'more' "
        "(permission denied). Let geosleuth read them, or move the documents out."
    )
    refused.add(str(root))
    with pytest.raises(InputError, match=r"cannot be read: permission denied\.$"):
        corpus_files(root)


def test_a_corpus_of_links_only_holds_no_document_when_they_loop(
    tmp_path: Path,
) -> None:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "up").symlink_to(root)
    with pytest.raises(InputError, match="holds no document"):
        corpus_files(root)


@pytest.mark.nlp
def test_a_document_reached_twice_is_read_once(tmp_path: Path, nlp: Any) -> None:
    root = tmp_path / "corpus"
    _write(root, "a.txt")
    (root / "b.txt").symlink_to(root / "a.txt")
    (root / "again").symlink_to(root)
    result = read_corpus(corpus_files(root), published="2018-05-15", target=TARGET)
    assert [r.doc_id for r in result.readings] == ["a"]
    assert result.paths == (root / "a.txt",) and result.repeats() == []


@pytest.mark.nlp
def test_cli_reads_a_linked_folder_once(tmp_path: Path, nlp: Any) -> None:
    root, ext, out = tmp_path / "corpus", tmp_path / "elsewhere", tmp_path / "o"
    _write(root, "a.txt", text=ARTICLE)
    _write(ext, "b.txt")
    (root / "more").symlink_to(ext)
    (root / "again").symlink_to(ext)
    (ext / "back").symlink_to(root)  # out of the corpus and back in: a loop
    (root / "same.txt").symlink_to(root / "a.txt")
    result = runner.invoke(
        app,
        ["read", "--corpus", str(root), "--out", str(out), "--target", TARGET,
         "--published", "2018-05-15"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Read 2 of 2 documents" in " ".join(result.output.split())
    record = json.loads((out / "evidence.json").read_text(encoding="utf-8"))
    assert sorted(d["doc_id"] for d in record["documents"]) == ["a", "b"]


def test_a_folder_that_cannot_be_listed_stops_a_strict_reading_and_is_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """review r12, F2: under --on-invalid raise it was left out with exit 0."""
    from geosleuth.read.corpus import RejectedDocument

    root = tmp_path / "corpus"
    _write(root, "a.txt", "locked/b.txt")
    scandir = os.scandir

    def fake_scandir(path: Any) -> Any:
        if str(path) == str(root / "locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", fake_scandir)
    with pytest.raises(InputError, match=r"1 folder under .* cannot be read: 'locked'"):
        corpus_files(root, on_invalid="raise")
    unlisted: list[RejectedDocument] = []
    with pytest.warns(EvidenceWarning, match="cannot be read"):
        found = corpus_files(root, on_invalid="warn", unlisted=unlisted)
    assert [p.name for p in found] == ["a.txt"]
    assert unlisted == [
        RejectedDocument(str(root / "locked"), "a folder that cannot be read "
                         "(permission denied)")
    ]  # fmt: skip
