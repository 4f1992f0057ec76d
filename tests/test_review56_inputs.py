"""Review r56's findings on guessed encodings and folder locks (helper f59).

The other code pages of r56's H1 (cp1250, cp1254, ...) are not yet told apart
from Windows-1252: see the README's known limits.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest

from geosleuth.read.text import decode_bytes
from geosleuth.report import files

EN = "The suspect was seen on Friday in {}, police said, according to witnesses."


def _read(data: bytes) -> tuple[str, str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return decode_bytes(data, name="x.txt")


# ------------------------------------------------ M1: one DOS or Mac letter alone
def test_the_only_accented_letter_of_a_mac_text_is_read() -> None:
    text, _ = _read(EN.format("Genève").encode("mac-roman"))
    assert "Genève" in text  # was "Genve": 0x8F dropped as stray


@pytest.mark.parametrize("encoding", ["cp437", "cp850"])
def test_the_only_accented_letter_of_a_dos_text_is_not_dropped(encoding: str) -> None:
    # one byte cannot tell cp437's "ü" from another code page's letter (the
    # detector reads "ZÅrich"), but a letter stands where it stood
    text, _ = _read(EN.format("Zürich").encode(encoding))
    assert "Zrich" not in text
    assert len(text) == len(EN.format("Zürich"))


def test_a_stray_byte_among_clean_latin_1_letters_is_still_dropped() -> None:
    data = "Café owner José Müller was seen in München. ".encode("latin-1") + b"\x81"
    assert _read(data) == (data.decode("latin-1"), "cp1252")


# --------------------------------------------- L1: a live run's copy is left alone
def test_a_live_run_s_old_copy_is_not_removed_by_the_age_rule(tmp_path: Path) -> None:
    old = tmp_path / ".evidence.json.abcd_123.geosleuth-tmp"
    old.write_bytes(b"live")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl,os,sys,time;fd=os.open(sys.argv[1],os.O_RDONLY);"
            "fcntl.flock(fd,fcntl.LOCK_SH);print('held',flush=True);time.sleep(30)",
            str(tmp_path),
        ],
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
        files.write_all_atomic({tmp_path / "evidence.json": b"B"})
        assert old.exists()  # was removed: an hour old by its mtime
    finally:
        holder.kill()
        holder.wait()
    # with no live run, it is a dead run's and goes
    files.write_all_atomic({tmp_path / "evidence.json": b"C"})
    assert not old.exists()


# ------------------------------------------------- L2: a wait is said, once
def test_a_writer_waiting_on_the_folder_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl,os,sys,time;fd=os.open(sys.argv[1],os.O_RDONLY);"
            "fcntl.flock(fd,fcntl.LOCK_EX);print('held',flush=True);time.sleep(1.6)",
            str(tmp_path),
        ],
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
        files.write_all_atomic({tmp_path / "a.json": b"A"})
    finally:
        holder.kill()
        holder.wait()
    err = capsys.readouterr().err
    assert err.count("waiting for another geosleuth run writing to") == 1
    assert (tmp_path / "a.json").read_bytes() == b"A"
    files.write_all_atomic({tmp_path / "a.json": b"B"})  # free: nothing said
    assert "waiting" not in capsys.readouterr().err
