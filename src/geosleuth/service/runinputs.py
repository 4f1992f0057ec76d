"""What a run of the service read: each report's and reading's SHA-256, and where.

A run (``runs/NNNN/run.json``) names the reports it used. A report can be removed
and another uploaded under its name, so a name alone would point, later, at a
file the run never read (review 20, F8). So ``run.json`` also keeps, as
``inputs``, one record per report, in the order of ``documents``::

    {"document": "art1.txt", "sha256": "<64 hex digits>",
     "reading": "readings/art1.txt.json", "reading_sha256": "<64 hex digits>"}

``reading`` is the reading the estimate took the report's items from (a path in
the case's folder), or None where the report was read when the run was made (a
date given with the estimate, for a report that gave none, with the upload or in
its text): no reading of it is kept. :func:`input_states` says, for each,
whether the case still holds that file under that name, and where the store
keeps the one the run read (``removed/0001-art1.txt``), which the case page shows
and ``geosleuth verify`` checks (:mod:`geosleuth.cli.verify`). Only plain files
of the case's ``documents/``, ``readings/`` and ``removed/`` folders are read,
never through a link.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from geosleuth.report import files

__all__ = [
    "DOCUMENT_SUFFIXES",
    "InputState",
    "case_folder_of",
    "input_record",
    "input_states",
    "sha256_of_file",
    "well_formed",
]

#: What became of a report a run read, as :func:`input_states` says.
State = Literal["unchanged", "read again", "changed", "removed", "not recorded"]

#: A cache of digests: ``(device, inode, size, mtime_ns)`` to SHA-256.
DigestCache = files.DigestCache

#: Suffixes of the documents a case accepts (those ``geosleuth locate`` reads);
#: :mod:`geosleuth.service.store` takes them from here, as it imports this module.
DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


def sha256_of_file(path: Path, *, cache: DigestCache | None = None) -> str | None:
    """The SHA-256 of a plain file of a case, read without following a link.

    A link, a folder, a pipe or a missing file gives None
    (:func:`geosleuth.report.files.sha256_of_file`).

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = path.write_bytes(b"abc")
    >>> sha256_of_file(path)[:16]
    'ba7816bf8f01cfea'
    >>> sha256_of_file(path.parent) is None, sha256_of_file(path.with_name("b"))
    (True, None)
    """
    return files.sha256_of_file(path, follow_links=False, cache=cache)


def input_record(
    folder: Path, documents: Sequence[Path], inputs: Sequence[Path]
) -> list[dict[str, Any]]:
    """The ``inputs`` of a run: each report's SHA-256, and its reading's.

    Parameters
    ----------
    folder : Path
        The case's folder.
    documents : sequence of Path
        The reports the run reads (``documents/<name>``), in ``run.json``'s order.
    inputs : sequence of Path
        What the estimate takes from each, in the same order: its reading
        (``readings/<name>.json``), or the report itself where it is read now.

    Returns
    -------
    list of dict
        ``document``, ``sha256``, ``reading`` (the reading's path in ``folder``,
        or None) and ``reading_sha256`` (or None).

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> (folder / "documents").mkdir()
    >>> doc = folder / "documents" / "a.txt"
    >>> _ = doc.write_bytes(b"abc")
    >>> [rec] = input_record(folder, [doc], [doc])  # read now: no reading
    >>> rec["document"], rec["sha256"][:8], rec["reading"], rec["reading_sha256"]
    ('a.txt', 'ba7816bf', None, None)
    """
    out = []
    for doc, used in zip(documents, inputs, strict=True):
        reading = None if used == doc else used
        out.append(
            {
                "document": doc.name,
                "sha256": sha256_of_file(doc),
                "reading": reading.relative_to(folder).as_posix() if reading else None,
                "reading_sha256": sha256_of_file(reading) if reading else None,
            }
        )
    return out


def well_formed(entry: Any) -> bool:
    """Whether one entry of ``inputs`` is as :func:`input_record` writes it.

    Examples
    --------
    >>> well_formed({"document": "a.txt", "sha256": "0" * 64, "reading": None,
    ...              "reading_sha256": None})
    True
    >>> well_formed({"document": "../a.txt", "sha256": "0" * 64})
    False
    """
    if not isinstance(entry, dict):
        return False
    name, reading = entry.get("document"), entry.get("reading")
    if not (isinstance(name, str) and _plain_name(name)):
        return False
    if not files.is_sha256(entry.get("sha256")):
        return False
    if reading is None:
        return entry.get("reading_sha256") is None
    digest = entry.get("reading_sha256")
    return (
        isinstance(reading, str)
        and reading.startswith("readings/")
        and _plain_name(reading[len("readings/") :])
        and files.is_sha256(digest)
    )


def _plain_name(name: str) -> bool:
    """A file name of one folder: no folder part, no leading dot."""
    return bool(re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9._-]*", name))


@dataclass(frozen=True, slots=True)
class InputState:
    """What became of one report a run read.

    Attributes
    ----------
    document : str
        Its name when the run read it.
    state : {"unchanged", "read again", "changed", "removed", "not recorded"}
        ``unchanged``: the case holds that report under that name, with the
        reading the run took (or none was recorded); ``read again``: the same
        report, read again since (its target changed); ``changed``: another
        file has its name now; ``removed``: no report has its name;
        ``not recorded``: the run kept no SHA-256 of it (a run made before
        they were kept, or a record edited since).
    kept_as : str or None
        Where the case keeps the report the run read (``documents/a.txt``,
        ``removed/0001-a.txt``), found by its SHA-256; None where no file
        of the case has it.
    reading_at : str or None
        Where the case keeps the reading the run took its items from, found by
        its SHA-256; None where none has it (or none was recorded).
    """

    document: str
    state: State
    kept_as: str | None = None
    reading_at: str | None = None


def case_folder_of(run: Path) -> Path | None:
    """The case folder of a run's folder (``<case>/runs/NNNN``), or None.

    Examples
    --------
    >>> case_folder_of(Path("data/cases/x/runs/0001"))
    PosixPath('data/cases/x')
    >>> case_folder_of(Path("/tmp/copy")) is None
    True
    """
    if run.parent.name != "runs" or not re.fullmatch(r"[0-9]{4,9}", run.name):
        return None
    return run.parent.parent


def input_states(
    folder: Path, recorded: Any, *, cache: DigestCache | None = None
) -> list[InputState]:
    """What became of each report a run read: :class:`InputState`, in its order.

    Parameters
    ----------
    folder : Path
        The case's folder.
    recorded : Any
        ``run.json``'s ``inputs`` (:func:`input_record`). An entry that is not
        as written there is ``not recorded``; so is every report of a run
        without them (give ``[]``, and add those of ``documents`` yourself).
    cache : mutable mapping or None, default None
        Digests already computed (:func:`sha256_of_file`).

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> (folder / "documents").mkdir(); (folder / "removed").mkdir()
    >>> doc = folder / "documents" / "a.txt"
    >>> _ = doc.write_bytes(b"read by the run")
    >>> rec = input_record(folder, [doc], [doc])
    >>> input_states(folder, rec)[0].state
    'unchanged'
    >>> _ = doc.rename(folder / "removed" / "0001-a.txt")
    >>> _ = doc.write_bytes(b"uploaded since, under its name")
    >>> input_states(folder, rec)
    [InputState(document='a.txt', state='changed', kept_as='removed/0001-a.txt', \
reading_at=None)]
    """
    entries = recorded if isinstance(recorded, list) else []
    found: dict[str, list[str]] | None = None  # SHA-256: the case's files with it
    out = []
    for entry in entries:
        name = entry.get("document") if isinstance(entry, dict) else None
        if not well_formed(entry):
            out.append(InputState(str(name or "?"), "not recorded"))
            continue
        if found is None:
            found = _digests(folder, cache)
        out.append(_state_of(folder, entry, found, cache))
    return out


def _state_of(
    folder: Path,
    entry: dict[str, Any],
    found: dict[str, list[str]],
    cache: DigestCache | None,
) -> InputState:
    """The :class:`InputState` of one well-formed entry."""
    name = entry["document"]
    here = f"documents/{name}"
    now = sha256_of_file(folder / here, cache=cache)
    copies = found.get(entry["sha256"], [])
    kept_as = here if here in copies else next(iter(copies), None)
    reading_at = None
    if entry["reading"] is not None:
        readings = found.get(entry["reading_sha256"], [])
        reading_at = (
            entry["reading"]
            if entry["reading"] in readings
            else next(iter(readings), None)
        )
    if now is None:
        state: State = "removed"
    elif now != entry["sha256"]:
        state = "changed"
    elif entry["reading"] is not None and reading_at != entry["reading"]:
        state = "read again"
    else:
        state = "unchanged"
    return InputState(name, state, kept_as, reading_at)


def _digests(folder: Path, cache: DigestCache | None) -> dict[str, list[str]]:
    """The SHA-256 of each report and reading the case keeps, and its files.

    Reports in ``documents/`` and ``removed/``, readings in ``readings/`` and
    ``removed/`` (``NNNN-<name>.json``); the files of each digest are in that
    order, paths in ``folder``.
    """
    out: dict[str, list[str]] = {}
    for sub in ("documents", "readings", "removed"):
        try:
            names = sorted(os.listdir(folder / sub))
        except OSError:
            continue
        for name in names:
            lower = name.lower()
            if name.startswith(".") or not lower.endswith(
                (*DOCUMENT_SUFFIXES, ".json")
            ):
                continue
            if lower.endswith(".details.json"):  # a removed report's upload details
                continue
            digest = sha256_of_file(folder / sub / name, cache=cache)
            if digest is not None:
                out.setdefault(digest, []).append(f"{sub}/{name}")
    return out
