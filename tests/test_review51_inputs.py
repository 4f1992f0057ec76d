"""Review r51's findings on inputs and outputs of a large corpus.

- M1: a Latin-1 article with one stray byte (0x81, undefined in Windows-1252)
  was read silently as Baltic cp775 ("München" as "M³nchen"); an encoding
  guessed is now Windows-1252 first, and warned of, naming the file.
- L1: a ``read`` killed while writing left hidden ``.geosleuth-tmp`` files that
  a rerun neither removed nor mentioned (only those over an hour old went).
- L2: ``locate`` over many readings said no count of documents, and
  ``locate OUT/*.json`` warned once in ``evidence.json`` and once more in each
  ``<doc>.json`` of the same documents read for other people.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
import warnings
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from geosleuth.cli import app
from geosleuth.errors import EvidenceWarning, InputError
from geosleuth.read.text import GUESSED, decode_bytes, load_text, text_from_bytes
from geosleuth.report import files

runner = CliRunner()

#: The review's file: Latin-1 with one byte Windows-1252 leaves undefined.
STRAY = (
    b"Caf\xe9 owner Jos\xe9 M\xfcller was seen in M\xfcnchen on March 3, 2009. "
    b"Stray byte \x81 here.\n"
)


def _decoded(data: bytes, **kw: Any) -> tuple[str, str, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        text, encoding = decode_bytes(data, **kw)
    return text, encoding, [str(w.message) for w in caught]


def _said(res: Any) -> str:
    return " ".join(str(getattr(res, "output", "")).split())


# ---------------------------------------------------------------- M1: encodings
def test_a_latin_1_text_with_a_stray_byte_is_windows_1252_not_baltic() -> None:
    text, encoding, said = _decoded(STRAY, name="latin1stray.txt")
    assert encoding == "cp1252"  # was cp775: "Cafķ owner Josķ M³ller"
    assert "José Müller was seen in München" in text
    (warning,) = said
    assert warning.startswith(
        "'latin1stray.txt' is not UTF-8 and names no encoding: read as "
        "Windows-1252 (cp1252), a guess"
    )
    assert "(0x81 at byte 72) are taken as stray and dropped" in warning
    # the stray byte is a control character, which the normalised text drops
    src = text_from_bytes(STRAY, name="latin1stray.txt")
    assert "München" in src.text and "\x81" not in src.text and src.guessed


@pytest.mark.parametrize("stray", [b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"])
def test_each_byte_windows_1252_leaves_undefined_is_stray_in_a_latin_text(
    stray: bytes,
) -> None:
    data = ("Bürgermeister in Köln und Düsseldorf, sagte José. ".encode("latin-1")) * 3
    text, encoding, _ = _decoded(data + stray + b" end.", name="x.txt")
    assert encoding == "cp1252" and "Düsseldorf" in text


def test_without_the_stray_byte_it_is_windows_1252_as_before_and_warned_of() -> None:
    text, encoding, said = _decoded(STRAY.replace(b" \x81", b""), name="l.txt")
    assert (encoding, "München" in text) == ("cp1252", True)
    assert len(said) == 1 and "read as Windows-1252 (cp1252), a guess" in said[0]
    assert "undefined" not in said[0]


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        # 0x81 is "ü" in DOS code pages: every umlaut a byte undefined in 1252
        (
            "Der Verdächtige wurde in München gesehen, über die Brücke nach "
            "Düsseldorf. Grüße aus Zürich, für Jürgen.",
            "cp437",
        ),
        # Macedonian and Serbian letters that Windows-1252 leaves undefined
        (
            "Ѓорѓи Џафер и Ќирил беа видени во Скопје, соопштија изворите. "
            "Ѓакон Џеладин.",
            "cp1251",
        ),
    ],
)
def test_text_whose_bytes_are_clearly_another_encoding_keeps_it(
    text: str, encoding: str
) -> None:
    read, found, said = _decoded(text.encode(encoding), name="o.txt")
    assert read == text and found != "cp1252"
    assert len(said) == 1 and f"read as {found}, a guess from its bytes" in said[0]


def test_a_baltic_text_is_still_read_as_baltic() -> None:
    text = (
        "Vilniaus gatvėse buvo pastebėtas įtariamasis, pranešė Lietuvos policija. "
        "Šiaulių apskritis."
    ) * 3
    read, found, said = _decoded(text.encode("cp775"), name="lt.txt")
    assert (read, found) == (text, "cp775")
    assert "read as cp775" in said[0]


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        ("Müller was seen in München.".encode(), "text"),  # UTF-8
        ("Müller was seen in München.".encode("utf-16"), "text"),  # a mark
        (
            b'<html><head><meta charset="iso-8859-1"><title>T</title></head>'
            b"<body><p>M\xfcller was seen in M\xfcnchen.</p></body></html>",
            "html",
        ),  # a page that names its encoding
    ],
)
def test_an_encoding_known_not_guessed_is_not_warned_of(data: bytes, fmt: str) -> None:
    text, _, said = _decoded(data, name="k", format=fmt)
    assert "München" in text and said == []


def test_a_text_that_is_not_text_is_refused_without_an_encoding_warning() -> None:
    # Windows-1252 would be the guess, but 9 control characters make it binary:
    # the error alone, no warning of an encoding before it
    data = b"Caf\xe9 cr\xe8me in Besan\xe7on and Z\xfcrich. " * 10 + b"\x01 " * 9
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(InputError, match="9 of its first 368 characters are"):
            decode_bytes(data, name="bin.txt")
    assert caught == []


def test_the_reading_s_note_says_the_encoding_was_guessed(tmp_path: Path) -> None:
    (tmp_path / "l.txt").write_bytes(STRAY)
    (tmp_path / "u.txt").write_text("Müller was seen in München.", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert load_text(tmp_path / "l.txt").guessed
    assert not load_text(tmp_path / "u.txt").guessed
    assert GUESSED.startswith(" (guessed")


@pytest.fixture(scope="module")
def nlp_ready() -> None:
    pytest.importorskip("spacy", reason="needs the [nlp] extra (spaCy)")
    from geosleuth.errors import MissingDependencyError
    from geosleuth.read.toponyms import load_nlp

    try:
        load_nlp()
    except MissingDependencyError as exc:
        pytest.skip(str(exc))


@pytest.mark.nlp
def test_read_says_which_documents_had_their_encoding_guessed(
    tmp_path: Path, nlp_ready: None
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "latin1stray.txt").write_bytes(STRAY)
    (docs / "utf8.txt").write_text(
        "Jane Doe was seen in München on March 3, 2009.\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    res = runner.invoke(app, ["read", "--corpus", str(docs), "--out", str(out)])
    assert res.exit_code == 0, res.output
    said = _said(res)
    assert (
        "Encoding guessed: 1 document is not UTF-8 and names no encoding, read as "
        "latin1stray.txt (cp1252)."
    ) in said
    assert "utf8.txt (" not in said
    reading = json.loads((out / "latin1stray.json").read_text(encoding="utf-8"))
    assert "München" in reading["text"]
    assert reading["notes"][0] == "read as text in cp1252" + GUESSED
    other = json.loads((out / "utf8.json").read_text(encoding="utf-8"))
    assert other["notes"][0] == "read as text in utf-8"
    # a corpus of UTF-8 only says nothing of encodings
    (docs / "latin1stray.txt").unlink()
    res = runner.invoke(app, ["read", "--corpus", str(docs), "--out", str(out)])
    assert res.exit_code == 0 and "Encoding guessed" not in _said(res)


# ------------------------------------------------------ L1: temporary files
def _temporaries(folder: Path) -> list[str]:
    return [p.name for p in files.temporaries_in(folder)]


#: A writer that stops with its temporary files written, holding the folder's
#: lock, until it is killed (as the review's `read` was, with SIGKILL).
_WRITER = """
import sys, time
from pathlib import Path
from geosleuth.report import files

def stop(staged):
    print("written", flush=True)
    time.sleep(600)

files._swap_in = stop
out = Path(sys.argv[1])
files.write_all_atomic({out / f"gv-{k:03d}.json": b"{}" for k in range(5)})
"""


def _start_writer(out: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(out)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "written"
    return proc


def test_a_rerun_removes_the_temporary_files_of_a_killed_run_not_a_live_one(
    tmp_path: Path,
) -> None:
    pytest.importorskip("fcntl")
    out = tmp_path / "out"
    out.mkdir()
    writer = _start_writer(out)
    try:
        live = _temporaries(out)
        assert len(live) == 5
        # a run writing there now: its files are its own, however old
        old = time.time() - 600
        for name in live:
            os.utime(out / name, (old, old))
        assert files.write_all_atomic({out / "evidence.json": b"{}"}) == 0
        assert _temporaries(out) == live
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        assert writer.stdout is not None
        writer.stdout.close()
    # killed: its lock went with it, and the next write removes its files,
    # fresh ones too (they were only removed past an hour)
    for name in live:
        os.utime(out / name)
    backup = out / ".gv-000.json.20241012"  # the user's own: not of that shape
    backup.write_text("mine")
    link = out / ".x.json.abcd1234.geosleuth-tmp"
    link.symlink_to(backup)
    assert files.write_all_atomic({out / "evidence.json": b"{}"}) == 5
    assert _temporaries(out) == []
    assert backup.read_text() == "mine" and link.is_symlink()
    assert sorted(p.name for p in out.iterdir()) == [
        ".gv-000.json.20241012",
        ".x.json.abcd1234.geosleuth-tmp",
        "evidence.json",
    ]


def test_a_folder_that_cannot_be_locked_keeps_the_age_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "_lock_folder", lambda folder, removed: None)
    fresh = tmp_path / ".a.json.abcd1234.geosleuth-tmp"
    stale = tmp_path / ".a.json.efgh5678.geosleuth-tmp"
    fresh.write_text("x")
    stale.write_text("x")
    old = time.time() - 2 * 3600
    os.utime(stale, (old, old))
    assert files.write_all_atomic({tmp_path / "a.json": b"{}"}) == 0
    assert not stale.exists() and fresh.exists()
    assert _temporaries(tmp_path) == [fresh.name]


@pytest.mark.nlp
def test_read_says_it_removed_what_a_killed_run_left(
    tmp_path: Path, nlp_ready: None
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(
        "Jane Doe was seen in Leeds on Monday.\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    out.mkdir()
    for k in range(3):
        (out / f".gv-{k:03d}.json.abcd123{k}.geosleuth-tmp").write_text("half")
    res = runner.invoke(app, ["read", "--corpus", str(docs), "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert (
        "Removed 3 temporary files (.NAME.XXXXXXXX.geosleuth-tmp) that an "
        "interrupted run left in"
    ) in _said(res)
    assert _temporaries(out) == []
    res = runner.invoke(app, ["read", "--corpus", str(docs), "--out", str(out)])
    assert res.exit_code == 0 and "temporary" not in _said(res)


def test_read_warns_of_temporary_files_it_could_not_remove(tmp_path: Path) -> None:
    from geosleuth.cli.read import _warn_of_temporaries

    left = [tmp_path / ".a.json.abcd1234.geosleuth-tmp"]
    with pytest.warns(EvidenceWarning, match=r"holds 1 temporary file of geosleuth"):
        _warn_of_temporaries(tmp_path, left)


# ------------------------------------------------------- L2: locate's documents
DAY = dt.date(2026, 10, 1)


def _reading(doc_id: str, target: str, n_items: int) -> Any:
    from geosleuth.evidence import Provenance, Sighting
    from geosleuth.geometry import Point
    from geosleuth.read.document import Reading

    items = tuple(
        Sighting(
            id=f"{doc_id}:s{k + 1}", provenance=Provenance(document=doc_id),
            date=DAY, place=Point(-72.5 + 0.01 * k, 7.9), sigma_km=5.0,
        )
        for k in range(n_items)
    )  # fmt: skip
    return Reading(
        doc_id=doc_id, title=None, text=f"{doc_id} seen.", published=DAY,
        mentions=(), evidence=items, sentences=(), rejected=(), notes=(),
        target=target, source=f"{doc_id}.txt",
    )  # fmt: skip


def _read_out(folder: Path, n_others: int) -> Path:
    """What `read` writes: evidence.json and each document's <doc>.json."""
    from geosleuth.read.corpus import evidence_record

    readings = [_reading("jane-1", "Jane Doe", 1), _reading("jane-2", "Jane Doe", 1)]
    readings += [
        _reading(f"other-{k}", f"Person Number{k}", 2) for k in range(n_others)
    ]
    readings += [_reading(f"empty-{k}", "Jane Doe", 0) for k in range(3)]
    folder.mkdir()
    names = [f"{r.doc_id}.json" for r in readings]
    for r, name in zip(readings, names, strict=True):
        (folder / name).write_text(json.dumps(r.to_dict()), encoding="utf-8")
    record = evidence_record(readings, files=names, text_sha256=True)
    (folder / "evidence.json").write_text(json.dumps(record), encoding="utf-8")
    return folder


def _locate(tmp_path: Path, inputs: list[Path], out: str) -> tuple[str, Any]:
    res = runner.invoke(
        app,
        ["locate", *map(str, inputs), "--target", "Jane Doe", "--out",
         str(tmp_path / out)],
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    record = json.loads((tmp_path / out / "estimate.json").read_text())
    return _said(res), record


def test_locate_counts_the_documents_and_warns_once_of_those_given_twice(
    tmp_path: Path,
) -> None:
    read = _read_out(tmp_path / "read", n_others=5)
    said_one, one = _locate(tmp_path, [read / "evidence.json"], "one")
    every = sorted(read.glob("*.json"))
    said_all, both = _locate(tmp_path, every, "all")
    for said in (said_one, said_all):
        assert "items used: 2, left out: 10 (10 read for another person)" in said
        assert (
            "2 items used from 2 of 10 documents; 5 read for another person, 3 "
            "gave no evidence of the target"
        ) in said
    # the items of a document given twice count once: the same estimate
    assert [e["id"] for e in both["evidence"]] == [e["id"] for e in one["evidence"]]
    assert len(both["set_aside"]) == len(one["set_aside"]) == 10
    assert both["p_alive"] == one["p_alive"] and both["places"] == one["places"]
    # one warning of the five read for others, not one more a <doc>.json
    assert said_all.count("were read for other people than 'Jane Doe'") == 1
    assert "5 documents were read for other people than 'Jane Doe' (in " in said_all
    assert "was read for 'Person Number" not in said_all
    # and one of the documents given twice (the two with items for Jane Doe,
    # the five read for others are left out before: 2 + 3 empty ones)
    assert said_all.count("was given before") == 0
    assert "5 documents were given before, in " in said_all
    check = runner.invoke(app, ["verify", str(tmp_path / "all")])
    assert check.exit_code == 0, check.output


def test_a_few_documents_read_for_others_given_twice_are_each_warned_of_once(
    tmp_path: Path,
) -> None:
    read = _read_out(tmp_path / "read", n_others=2)
    paths = [read / "evidence.json", read / "other-0.json", read / "other-1.json"]
    said, _ = _locate(tmp_path, paths, "est")
    for k in range(2):
        assert said.count(f"The document 'other-{k}' of") == 1
        assert (
            f"The document 'other-{k}' of {str(read / 'evidence.json')!r} and "
            f"{str(read / f'other-{k}.json')!r} was read for 'Person Number{k}'"
        ) in said
    assert "2 items used from 2 of 7 documents; 2 read for another person" in said


def test_documents_read_for_others_in_one_file_are_said_as_before(
    tmp_path: Path,
) -> None:
    read = _read_out(tmp_path / "read", n_others=4)
    said, _ = _locate(tmp_path, [read / "evidence.json"], "est")
    assert (
        f"4 documents of {str(read / 'evidence.json')!r} were read for other "
        "people than 'Jane Doe'"
    ) in said


def test_a_case_file_alone_says_no_documents(tmp_path: Path) -> None:
    from geosleuth.cli.locate import bundled_example

    res = runner.invoke(
        app, ["locate", str(bundled_example("missing-hiker.yaml")), "--out",
              str(tmp_path / "o")],
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    assert "documents" not in _said(res).split("items used")[1].split("Wrote")[0]


def test_a_write_under_the_case_file_s_lock_does_not_wait_on_that_lock(
    tmp_path: Path,
) -> None:
    """`searched` rewrites a case under an exclusive lock on its folder."""
    import threading

    pytest.importorskip("fcntl")
    dead = tmp_path / ".case.yaml.abcd1234.geosleuth-tmp"
    dead.write_text("half")
    result: list[int] = []

    def under_the_lock() -> None:
        with files.folder_exclusively(tmp_path):
            result.append(files.write_all_atomic({tmp_path / "case.yaml": b"x"}))

    worker = threading.Thread(target=under_the_lock, daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert not worker.is_alive(), "the write waited on its own thread's lock"
    assert result == [1] and not dead.exists()
    assert (tmp_path / "case.yaml").read_bytes() == b"x"
