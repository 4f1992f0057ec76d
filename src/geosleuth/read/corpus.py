"""Read a corpus of documents, serially or in parallel with Dask, and its outputs back.

:func:`read_corpus` reads many files with :func:`~geosleuth.read.read_document`:
in a plain loop (``scheduler="serial"``, no Dask), on local threads or processes,
or on a Dask cluster given by its address. Each worker process loads the spaCy
model and the gazetteer once (both are cached per process) and reads a partition
of the paths; the readings come back in input order and are the same as the
serial loop's. A document that cannot be read (not text, unreadable, empty) is
raised, warned about or skipped as ``on_invalid`` says, and always listed in
:attr:`CorpusReading.rejected` with the reason.

:func:`corpus_files` lists the documents of a folder, :func:`evidence_record`
builds the ``evidence.json`` that ``geosleuth read`` writes (every document's
evidence items in one file), and :func:`load_read_output` loads the evidence of
a ``<doc>.json`` or ``evidence.json`` back, item for item, as
:class:`DocumentEvidence`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import importlib
import json
import os
import re
import threading
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, NamedTuple

from geosleuth._json import loads as read_json
from geosleuth.errors import (
    EvidenceWarning,
    GeosleuthError,
    GeosleuthWarning,
    InputError,
    MissingDependencyError,
    missing_extra,
)
from geosleuth.evidence import EvidenceItem, item_from_dict
from geosleuth.geometry import Point
from geosleuth.parallel import (
    LOCAL_SCHEDULERS,
    Scheduler,
    check_scheduler,
    map_partitions,
)
from geosleuth.read._corpus_copies import _first_published, _same_article
from geosleuth.read._corpus_reuse import (
    READ_WITH,
    StoredReadings,
    Warned,
    read_key,
    sha256_of_text,
)
from geosleuth.read._corpus_reuse import read_with as _read_with
from geosleuth.read._corpus_warnings import (
    _SAID_ONE_BY_ONE,
    _first_few,
    _for_target_in,
    _most_read_for,
    _stacklevel,
    _undated_note,
    _warn_undated,
)
from geosleuth.read._corpus_warnings import (
    _for_target as _for_target,  # one file's: tests use it from here
)
from geosleuth.read._pub_dates import _published
from geosleuth.read.document import (
    Reading,
    _own_page,
    _renamed_items,
    read_document,
)
from geosleuth.read.text import MAX_CHARS, _check_file

__all__ = [
    "CORPUS_SUFFIXES",
    "LOCAL_SCHEDULERS",
    "READ_EVIDENCE_FORMAT",
    "CorpusReading",
    "DocumentEvidence",
    "OnInvalid",
    "RejectedDocument",
    "Scheduler",
    "corpus_files",
    "evidence_record",
    "gather_evidence",
    "load_read_output",
    "read_corpus",
    "sha256_of_text",
    "unique_name",
]

#: File suffixes read as documents (lower case): text, Markdown and HTML.
CORPUS_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})

#: What to do with a document that cannot be read.
OnInvalid = Literal["raise", "warn", "skip"]
_ON_INVALID = ("raise", "warn", "skip")

#: The ``format`` of ``evidence.json``.
READ_EVIDENCE_FORMAT = "geosleuth read evidence"


#: How the title of a document read from the annotated page of
#: ``geosleuth read`` ends (as older versions did, reading their own output).
_OWN_TITLE = " — geosleuth read"


class RejectedDocument(NamedTuple):
    """A document left out of a corpus reading, and why."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class CorpusReading:
    """What :func:`read_corpus` read, in input order, and what it left out.

    Attributes
    ----------
    readings : tuple of Reading
        The documents read, in the order of the paths given.
    paths : tuple of pathlib.Path
        The path each reading comes from (same length and order as ``readings``).
    rejected : tuple of RejectedDocument
        ``(path, reason)`` of every document that could not be read (with
        ``on_invalid`` "warn" or "skip"), in input order.
    read_with : tuple of dict or None, default ()
        For each reading, what it depends on (the reader, the file's SHA-256,
        the text's, the options; :func:`~geosleuth.read._corpus_reuse.read_with`)
        and the warnings its reading gave, which ``geosleuth read`` records in
        its ``evidence.json``; None where the file could not be hashed.
    reused : tuple of bool, default ()
        For each reading, whether it was taken from ``reuse`` rather than read.
    """

    readings: tuple[Reading, ...]
    paths: tuple[Path, ...]
    rejected: tuple[RejectedDocument, ...]
    read_with: tuple[dict[str, Any] | None, ...] = ()
    reused: tuple[bool, ...] = ()

    def repeats(self) -> list[tuple[int, int]]:
        """``(later, first)`` positions of readings with the text of one before.

        One article given twice (a copy in another folder, or saved under
        another name) is read twice, as two documents with their own ids;
        :func:`gather_evidence` counts its evidence once. The text compared is
        the normalised text the reading's offsets index.

        Examples
        --------
        >>> one = Reading("a", None, "Seen in Hajin.", None, (), (), (), (), (),
        ...               None, "a.txt")
        >>> two = one.renamed("a-2")
        >>> CorpusReading((one, two), (Path("x/a.txt"), Path("y/a.txt")), ()).repeats()
        [(1, 0)]
        """
        first: dict[str, int] = {}
        out = []
        for j, reading in enumerate(self.readings):
            k = first.setdefault(sha256_of_text(reading.text), j)
            if k != j:
                out.append((j, k))
        return out


@dataclass(frozen=True, slots=True)
class DocumentEvidence:
    """The evidence of one document, as read now or loaded from a read output.

    Attributes
    ----------
    doc_id : str
        The document's identifier; the ids of its items start with ``doc_id:``.
    source : str
        The file name the document was read from.
    target : str or None
        The person the evidence is about.
    evidence : tuple of EvidenceItem
        The items, in text order.
    text_sha256 : str or None, default None
        The SHA-256 (hex) of the document's normalised text, where it is known:
        for a document read now, a ``<doc>.json`` (which holds the text) and an
        ``evidence.json`` that records it. One article given twice is known by
        it (:func:`gather_evidence`).
    title : str or None, default None
        The document's title, where it has one (:meth:`label`).
    undated : str or None, default None
        For a document loaded from a read output that was read with no
        publication date: what ``read`` said of it (its items' dates were
        guessed), said again by :func:`gather_evidence`.
    text : str or None, default None
        For a document read now (:meth:`from_reading`), the text it was read
        in, whose hash is ``text_sha256``: where its items' spans count. Not
        compared, nor shown in the repr.
    """

    doc_id: str
    source: str
    target: str | None
    evidence: tuple[EvidenceItem, ...]
    text_sha256: str | None = None
    title: str | None = None
    undated: str | None = None
    text: str | None = dataclasses.field(default=None, repr=False, compare=False)

    @classmethod
    def from_reading(cls, reading: Reading) -> DocumentEvidence:
        """The evidence of a :class:`~geosleuth.read.Reading`."""
        return cls(
            reading.doc_id,
            reading.source,
            reading.target,
            reading.evidence,
            sha256_of_text(reading.text),
            reading.title or None,
            text=reading.text,
        )

    def label(self) -> str:
        """How an estimate's report cites the document: its title and file.

        Examples
        --------
        >>> DocumentEvidence("anf", "anf.txt", None, (), title="Escape").label()
        'Escape (anf.txt)'
        >>> DocumentEvidence("anf", "anf.txt", None, ()).label()
        'anf.txt'
        """
        title = " ".join((self.title or "").split())
        return (
            f"{title} ({self.source})"
            if title and title != self.source
            else self.source
        )

    def cited(self, label: str | None = None) -> tuple[EvidenceItem, ...]:
        """The items, each citing the document by :meth:`label`, not its id.

        An item read from an article names its document by the id its own id
        starts with ("seed-2018-baghdadi-hajin"); an estimate made from it, and
        its report, cite the article as a reader would look for it: its title
        and file name. Items of one document still share one document, so that
        it counts as one source; ``label`` replaces :meth:`label` where two
        documents would be cited alike (two files of one name in two folders).
        """
        label = label or self.label()
        return tuple(
            dataclasses.replace(
                i, provenance=dataclasses.replace(i.provenance, document=label)
            )
            if i.provenance.document == self.doc_id
            else i
            for i in self.evidence
        )

    def renamed(self, doc_id: str) -> DocumentEvidence:
        """The same evidence under another ``doc_id``, item ids renamed to match.

        Two documents named ``report.txt`` both give items ``report:...``; the
        second is renamed ``report-2`` so that every id stays unique, and so is
        the document its items cite (they are not one source).

        Examples
        --------
        >>> from geosleuth.evidence import LifeStatus, Provenance
        >>> item = LifeStatus(id="report:life-1", provenance=Provenance("report"),
        ...                   date=dt.date(2018, 5, 1), status="alive")
        >>> doc = DocumentEvidence("report", "report.txt", None, (item,))
        >>> moved = doc.renamed("report-2").evidence[0]
        >>> moved.id, moved.provenance.document
        ('report-2:life-1', 'report-2')
        """
        items = _renamed_items(self.evidence, self.doc_id, doc_id)
        return dataclasses.replace(self, doc_id=doc_id, evidence=items)

    def named_points(self) -> list[tuple[str, float, float]]:
        """``(name, lon, lat)`` of each place a sighting or claim names, once each."""
        out: dict[str, tuple[str, float, float]] = {}
        for item in self.evidence:
            name = getattr(item, "place_name", None)
            geom = getattr(item, "place", None)
            if item.kind in ("sighting", "claim") and name and isinstance(geom, Point):
                out.setdefault(name, (name, geom.lon, geom.lat))
        return list(out.values())


def unique_name(base: str, used: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3`` ... if taken; the name is added to ``used``.

    Two articles named ``report.txt`` in different folders get ``report`` and
    ``report-2``.

    Examples
    --------
    >>> taken = {"report"}
    >>> unique_name("report", taken), unique_name("report", taken)
    ('report-2', 'report-3')
    """
    name, n = base, 2
    while name in used:
        name, n = f"{base}-{n}", n + 1
    used.add(name)
    return name


def corpus_files(
    folder: str | os.PathLike[str],
    *,
    exclude: Sequence[str | os.PathLike[str]] = (),
    on_invalid: OnInvalid = "warn",
    unlisted: list[RejectedDocument] | None = None,
) -> list[Path]:
    """Every document under ``folder``, recursively, sorted by relative path.

    Documents are the files whose suffix is in :data:`CORPUS_SUFFIXES` (in any
    case); other files are left alone. An entry with such a suffix that is no
    readable file (a symbolic link to a file that is not there, or one that
    loops; a named pipe) is listed too: reading it fails, and
    :func:`read_corpus` says so as its ``on_invalid`` says, never silently.
    Folders are not documents, whatever their name. Pages that geosleuth wrote
    (the annotated pages of ``geosleuth read``, the report of ``geosleuth
    locate``, known by their marks) and the files under the ``exclude`` folders
    are left out with an :class:`~geosleuth.errors.EvidenceWarning` that names
    them: they show evidence read from the reports, and would count it twice.

    Symbolic links to folders are followed, and each real folder is walked
    once: a link to a folder walked already (the one it is in, another under
    ``folder``) adds nothing, for its documents are listed already, and one to
    a folder that holds ``folder`` is a loop, not followed. A file reached by
    two paths (two links, or a link and the file) is one document, listed once:
    by the path with no link in it if there is one, else by the first in sorted
    order. A folder that cannot be listed (no permission) is left out with an
    :class:`~geosleuth.errors.EvidenceWarning` that names it, and added to
    ``unlisted``; with ``on_invalid="raise"`` it stops the listing instead, as
    a document that cannot be read stops :func:`read_corpus`.

    Parameters
    ----------
    folder : str or os.PathLike
        The corpus folder.
    exclude : sequence of str or os.PathLike, default ()
        Folders whose files are no documents (where the readings are written).
        One that is ``folder`` or holds it excludes nothing (the documents are
        there).
    on_invalid : {"warn", "skip", "raise"}, default "warn"
        What a folder under ``folder`` that cannot be listed does: "raise" an
        :class:`~geosleuth.errors.InputError` naming it; otherwise it is left
        out with a warning.
    unlisted : list, optional
        Where to add a :class:`RejectedDocument` for each folder left out, so
        that the record of a reading says what it did not read.

    Returns
    -------
    list of pathlib.Path

    Raises
    ------
    InputError
        If ``folder`` is not a folder, or holds no document.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> (root / "b").mkdir()
    >>> for name in ("b/z.html", "a.txt", "b/notes.pdf"):
    ...     _ = (root / name).write_text("x")
    >>> [p.relative_to(root).as_posix() for p in corpus_files(root)]
    ['a.txt', 'b/z.html']
    >>> corpus_files(root / "b" / "notes.pdf")
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: The corpus ... is not a folder. ...

    The folder where the readings go is no part of the corpus:

    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     [p.name for p in corpus_files(root, exclude=[root / "b"])]
    ['a.txt']
    >>> print(caught[0].message)
    1 file under ... is left out of the corpus: 'b/z.html' (in ..., where ...

    A link to a folder is followed; one that loops adds nothing:

    >>> (root / "b" / "up").symlink_to(root)
    >>> (root / "c").symlink_to(root / "b")
    >>> [p.relative_to(root).as_posix() for p in corpus_files(root)]
    ['a.txt', 'b/z.html']
    """
    root = Path(folder)
    if not root.is_dir():
        raise InputError(
            f"The corpus {str(root)!r} is not a folder. Give the folder that holds "
            "the documents.",
            path=str(root),
        )
    found = _documents_under(root, on_invalid=on_invalid, unlisted=unlisted)
    top = _real(root)
    skipped = [
        (d, _real(d))
        for d in map(Path, exclude)
        if _real(d) != top and not top.is_relative_to(_real(d))
    ]
    kept, left_out = [], []
    for p in found:
        where = next((d for d, r in skipped if _real(p).is_relative_to(r)), None)
        page = _own_page(p) if p.is_file() else None  # a pipe would block
        if where is None and page is None:
            kept.append(p)
            continue
        why = f"in {str(where)!r}, where readings go" if where is not None else page
        left_out.append(f"{p.relative_to(root).as_posix()!r} ({why})")
    if left_out:
        n = len(left_out)
        shown = _first_few(left_out)
        warnings.warn(
            f"{n} file{'s' if n > 1 else ''} under {str(root)!r} "
            f"{'are' if n > 1 else 'is'} left out of the corpus: {shown}. "
            "What geosleuth writes shows evidence read already: read as reports, "
            "it would count that evidence twice.",
            EvidenceWarning,
            stacklevel=_stacklevel(),
        )
    if not kept:
        raise InputError(
            f"The corpus folder {str(root)!r} holds no document: no file under it "
            f"ends {', '.join(sorted(CORPUS_SUFFIXES))}"
            + (", but for pages geosleuth wrote" if left_out else "")
            + ".",
            path=str(root),
        )
    return kept


def _documents_under(
    root: Path,
    *,
    on_invalid: OnInvalid = "warn",
    unlisted: list[RejectedDocument] | None = None,
) -> list[Path]:
    """The entries under ``root`` with a document suffix, sorted by relative path.

    What :func:`corpus_files` lists before it leaves anything out: the folders
    under ``root`` are walked first, then the real folders that links lead to
    (in sorted order of the links), each real folder once, known by its device
    and inode; a link to a folder that holds ``root`` is not followed. Each
    real file (:func:`_real`) is listed once, by the path that has no link in it
    if one does, else by the first in sorted order. A folder that cannot be
    listed is left out with an :class:`~geosleuth.errors.EvidenceWarning` and
    added to ``unlisted`` (with ``on_invalid="raise"``, it raises); ``root``
    itself raises.

    Raises
    ------
    InputError
        If ``root`` cannot be listed, or (``on_invalid="raise"``) a folder under it.
    """
    top = _real(root)
    walked: set[tuple[int, int]] = set()  # (st_dev, st_ino) of the folders walked
    links: list[tuple[tuple[str, ...], Path]] = []  # links to folders, to follow
    # each real file: (whether its path has a link, relative parts, path)
    files: dict[Path, tuple[bool, tuple[str, ...], Path]] = {}
    unread: list[str] = []

    def walk(folder: Path, *, linked: bool) -> None:
        stack = [folder]
        while stack:
            here = stack.pop()
            try:
                with os.scandir(here) as it:
                    names = [entry.name for entry in it]
            except OSError as exc:
                why = (exc.strerror or type(exc).__name__).lower()
                if here == root:
                    raise InputError(
                        f"The corpus folder {str(root)!r} cannot be read: {why}.",
                        path=str(root),
                    ) from exc
                shown = here.relative_to(root).as_posix()
                unread.append(f"{shown!r} ({why})")
                if unlisted is not None:
                    unlisted.append(
                        RejectedDocument(
                            str(here), f"a folder that cannot be read ({why})"
                        )
                    )
                continue
            for name in names:
                path = here / name
                is_link = path.is_symlink()
                # is_dir() follows links, and is False for a broken or looping one
                if path.is_dir():
                    if is_link:
                        links.append((path.relative_to(root).parts, path))
                    elif _walk_once(path, walked):
                        stack.append(path)
                elif path.suffix.lower() in CORPUS_SUFFIXES:
                    # not is_file(): a broken link is a document that cannot be read
                    seen = (linked or is_link, path.relative_to(root).parts, path)
                    real = _real(path)
                    if real not in files or seen[:2] < files[real][:2]:
                        files[real] = seen

    _walk_once(root, walked)
    walk(root, linked=False)
    while links:
        links.sort(reverse=True)
        _, link = links.pop()
        if top.is_relative_to(_real(link)) or not _walk_once(link, walked):
            continue  # a loop, or a folder walked already: its files are listed
        walk(link, linked=True)
    if unread and on_invalid == "raise":
        n = len(unread)
        raise InputError(
            f"{n} folder{'s' if n > 1 else ''} under {str(root)!r} cannot be read: "
            f"{_first_few(unread)}. The documents in {'them' if n > 1 else 'it'} "
            "would be left out: let geosleuth read "
            f"{'them' if n > 1 else 'it'}, or give --on-invalid warn to leave "
            f"{'them' if n > 1 else 'it'} out.",
            path=str(root),
        )
    if unread:
        n = len(unread)
        shown = _first_few(unread)
        warnings.warn(
            f"{n} folder{'s' if n > 1 else ''} under {str(root)!r} cannot be "
            f"read, and the documents in {'them' if n > 1 else 'it'} are left out "
            f"of the corpus: {shown}. Let geosleuth read "
            f"{'them' if n > 1 else 'it'}, or move the documents out.",
            EvidenceWarning,
            stacklevel=_stacklevel(),
        )
    return [path for _, _, path in sorted(files.values(), key=lambda f: f[1])]


def _walk_once(folder: Path, walked: set[tuple[int, int]]) -> bool:
    """Whether ``folder`` is walked now: not walked yet (it is added to ``walked``).

    A folder is known by the ``(st_dev, st_ino)`` of what its links lead to; one
    that cannot be told (it went away) is not walked.
    """
    try:
        st = folder.stat()
    except OSError:
        return False
    if (st.st_dev, st.st_ino) in walked:
        return False
    walked.add((st.st_dev, st.st_ino))
    return True


def _real(path: Path) -> Path:
    """``path`` with its symbolic links resolved, as far as they go.

    Unlike :meth:`pathlib.Path.resolve`, a link that loops raises nothing (the
    reading of it says what is wrong).
    """
    return Path(os.path.realpath(path))


# -- reading ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Options:
    """What every document is read with (sent to the workers once per partition)."""

    published: dt.date | None
    target: str | None
    home: Any
    max_chars: int


class _Outcome(NamedTuple):
    position: int
    reading: Reading | None
    error: GeosleuthError | None
    warned: Warned


#: One reading at a time per process while warnings are captured: catching
#: warnings changes the process's global warning state.
_CAPTURE_LOCK = threading.Lock()


def _read_one(index: int, path: str, options: _Options) -> _Outcome:
    """Read one document; a GeosleuthError is returned, not raised."""
    try:
        _check_file(Path(path))  # a broken link, a pipe: before it is opened
        reading = read_document(
            path,
            published=options.published,
            target=options.target,
            max_chars=options.max_chars,
            home=options.home,
        )
    except MissingDependencyError:
        raise  # the same for every document: not the document's fault
    except GeosleuthError as exc:
        return _Outcome(index, None, exc, ())
    return _Outcome(index, reading, None, ())


def _read_partition(
    batch: Iterable[tuple[int, str]], options: _Options
) -> list[_Outcome]:
    """Read a partition of ``(index, path)``, serially or on a Dask worker.

    Geosleuth's warnings are recorded with each outcome, to be shown by the
    caller (whatever process read it) and kept with the reading, to be said
    again when a rerun takes it.
    """
    out = []
    for index, path in batch:
        with _CAPTURE_LOCK, warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", GeosleuthWarning)
            outcome = _read_one(index, path, options)
        ours = [w for w in caught if issubclass(w.category, GeosleuthWarning)]
        for w in caught:  # another library's: the worker's own handling
            if w not in ours:
                warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
        warned = tuple((w.category, str(w.message)) for w in ours)
        out.append(outcome._replace(warned=warned))
    return out


def _named(exc: GeosleuthError, path: Path) -> GeosleuthError:
    """``exc``, with ``path`` as its location when it has none."""
    if exc.path is not None:
        return exc
    return type(exc)(exc.message, path=str(path), line=exc.line, field=exc.field)


def read_corpus(
    paths: Sequence[str | os.PathLike[str]],
    *,
    published: dt.date | str | None = None,
    target: str | None = None,
    home: Any = None,
    max_chars: int = MAX_CHARS,
    scheduler: Scheduler | str = "serial",
    workers: int | None = None,
    on_invalid: OnInvalid = "raise",
    progress: Callable[[int, int], None] | None = None,
    reuse: str | os.PathLike[str] | None = None,
) -> CorpusReading:
    """Read many documents, in a loop or in parallel with Dask.

    Parameters
    ----------
    paths : sequence of str or os.PathLike
        The documents (``.txt``, ``.md``, ``.html``); see :func:`corpus_files`
        for a folder.
    published, target, home, max_chars
        As in :func:`~geosleuth.read.read_document`, for every document.
    scheduler : {"serial", "synchronous", "threads", "processes"} or str
        Default "serial": a plain loop in this process (Dask is not imported);
        "synchronous", "threads" and "processes" use Dask's local scheduler of
        that name; any other value is the address of a Dask cluster's scheduler
        ("tcp://10.0.0.5:8786"), connected to with ``distributed.Client``.
        The paths are split into a few partitions per worker (a
        :mod:`dask.bag`); each worker process loads the spaCy model once.
    workers : int or None, default None
        Threads or processes of the local "threads" and "processes" schedulers
        (default: the number of cores). Only for those two.
    on_invalid : {"raise", "warn", "skip"}, default "raise"
        A document that cannot be read (a :class:`~geosleuth.errors.GeosleuthError`:
        not text, unreadable, a broken or looping symbolic link, no regular file,
        empty, too long): "raise" raises its error (the
        first in input order), naming the file; "warn" warns with an
        :class:`~geosleuth.errors.EvidenceWarning` and leaves it out; "skip"
        leaves it out. Left out or not, it is in ``rejected``.
    progress : callable (done, total) or None, default None
        Called as documents are read (after each partition with Dask).
    reuse : str or os.PathLike or None, default None
        A folder where ``geosleuth read`` wrote readings before: a document
        whose reading there was made of the same file (name and bytes), with
        the same options and the same reader, is taken from there and not read
        again (:class:`~geosleuth.read._corpus_reuse.StoredReadings`; review
        r85, L6). The readings, and the warnings said of them, are those a
        fresh reading gives.

    Returns
    -------
    CorpusReading
        The readings in input order (the same as :func:`read_document` gives
        for each path, whatever the scheduler) and the documents rejected. No
        two readings share a ``doc_id``: where two files would (``a/report.txt``
        and ``b/report.txt``, or ``report.txt`` and ``report.html``), the later
        one in input order is renamed ``report-2`` (``report-3`` ...), its item
        ids with it, and its notes say so. Two files with one text (a copy) are
        both read; :meth:`CorpusReading.repeats` pairs them, and
        :func:`gather_evidence` counts such a document once.

    Raises
    ------
    InputError
        A bad ``scheduler``, ``workers``, ``on_invalid`` or ``published``; or,
        with ``on_invalid="raise"``, the error of a document that cannot be read.
    MissingDependencyError
        Without the ``[nlp]`` extra, or the ``[dask]`` extra for a scheduler
        other than "serial".

    Notes
    -----
    On one machine, "processes" is the scheduler that uses its cores: the
    reading holds Python's GIL most of the time, so "threads" is no faster than
    "serial". Each process starts by loading the model (a few seconds), so a
    few dozen documents read as fast in a loop.

    Warnings raised while reading (a document with no publication date, one cut
    at ``max_chars``) are shown in this process, document by document, whatever
    the scheduler, and recorded in :attr:`CorpusReading.read_with` (a reading
    taken from ``reuse`` says those of its first reading again). They are
    recorded while each document is read, one document at a time per process
    (the "threads" scheduler too). Errors other than a
    document's :class:`~geosleuth.errors.GeosleuthError` (a worker lost, a bug)
    are Dask's to retry or raise, and are raised here.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> blob = pathlib.Path(tempfile.mkdtemp()) / "blob.txt"
    >>> _ = blob.write_bytes(bytes(range(32)) * 20)
    >>> result = read_corpus([blob], on_invalid="skip")
    >>> result.readings, result.rejected[0].path == str(blob)
    ((), True)
    >>> read_corpus([blob], scheduler="cluster")
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: The scheduler must be one of 'serial', ...
    """
    if on_invalid not in _ON_INVALID:
        raise InputError(
            f"on_invalid must be one of {', '.join(map(repr, _ON_INVALID))}. Got "
            f"{on_invalid!r} instead.",
            field="on_invalid",
        )
    check_scheduler(scheduler, workers)
    files = [Path(p) for p in paths]
    pub = _published(published)
    readings: list[Reading] = []
    read_paths: list[Path] = []
    rejected: list[RejectedDocument] = []
    ids: dict[str, Path] = {}  # the doc_ids given, and the file of each
    # what each reading depends on, taken before it is read: a file changed
    # meanwhile is read again next time, never taken as read
    keys = [
        read_key(p, published=pub, target=target, home=home, max_chars=max_chars)
        for p in files
    ]
    made: list[dict[str, Any] | None] = []
    reused: list[bool] = []
    stored = StoredReadings(reuse) if reuse is not None else None
    kept: dict[int, _Outcome] = {}  # with the warnings its reading gave, again
    for index, (path, key) in enumerate(zip(files, keys, strict=True)):
        found = None if stored is None or key is None else stored.find(path, key)
        if found is not None:
            kept[index] = _Outcome(index, found[0], None, found[1])

    def take(outcome: _Outcome) -> None:
        path = files[outcome.position]
        for category, message in outcome.warned:
            warnings.warn(message, category, stacklevel=_stacklevel())
        if outcome.error is not None:
            if on_invalid == "raise":
                raise _named(outcome.error, path) from outcome.error
            reason = outcome.error.message
            rejected.append(RejectedDocument(str(path), reason))
            if on_invalid == "warn":
                warnings.warn(
                    f"{str(path)!r} was not read and is left out: {reason}",
                    EvidenceWarning,
                    stacklevel=_stacklevel(),
                )
        else:
            assert outcome.reading is not None  # one or the other, by construction
            readings.append(_unique_id(outcome.reading, path, ids))
            read_paths.append(path)
            key = keys[outcome.position]
            made.append(
                None
                if key is None
                else _read_with(key, readings[-1], warned=outcome.warned)
            )
            reused.append(outcome.position in kept)

    options = _Options(pub, target, home, max_chars)
    to_read = [(i, p) for i, p in enumerate(files) if i not in kept]
    if scheduler == "serial" or not to_read:
        for index, path in enumerate(files):
            if index in kept:
                take(kept[index])
            else:
                (outcome,) = _read_partition([(index, str(path))], options)
                take(outcome)
            if progress is not None:
                progress(index + 1, len(files))
    else:
        if on_invalid == "raise":
            # a file that cannot be read stops the run before the corpus is read
            # on the workers, not after (review r12, F9: 27 s against 1.5 s);
            # a missing extra, though, is said first, as for every document
            try:
                for module in ("dask", "dask.bag", "dask.callbacks"):
                    importlib.import_module(module)
            except ImportError as exc:
                raise missing_extra("dask", "dask") from exc
            _check_readable([p for _, p in to_read])
        counted = (  # the readings taken count as done
            None
            if progress is None
            else lambda done, _: progress(done + len(kept), len(files))
        )
        outcomes = _read_with_dask(to_read, options, scheduler, workers, counted)
        outcomes += kept.values()
        for outcome in sorted(outcomes, key=lambda o: o.position):
            take(outcome)
    return CorpusReading(
        tuple(readings),
        tuple(read_paths),
        tuple(rejected),
        read_with=tuple(made),
        reused=tuple(reused),
    )


def _check_readable(files: Sequence[Path]) -> None:
    """Raise, as reading would, for the first file that is no text to read.

    Only the file and its text are checked (a broken link, a pipe, binary
    bytes, no plausible encoding, no text at all), without the language
    model: what reading it on a worker would refuse first. Its warnings are
    left to the reading.
    """
    from geosleuth.read.text import load_text

    for path in files:
        try:
            _check_file(path)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                load_text(path)
        except MissingDependencyError:
            return  # the reading says it, for every document
        except GeosleuthError as exc:
            raise _named(exc, path) from exc


def _unique_id(reading: Reading, path: Path, ids: dict[str, Path]) -> Reading:
    """``reading``, renamed ``<doc_id>-2`` (...) if another file has its ``doc_id``.

    ``ids`` maps each ``doc_id`` given so far to its file; the one given is added.
    The renamed reading's notes say why.
    """
    doc_id, n = reading.doc_id, 2
    while doc_id in ids:  # as unique_name does
        doc_id, n = f"{reading.doc_id}-{n}", n + 1
    ids[doc_id] = path
    if doc_id == reading.doc_id:
        return reading
    note = (
        f"doc_id {doc_id!r}, not {reading.doc_id!r}: that is the id of "
        f"{str(ids[reading.doc_id])!r}, read in the same corpus"
    )
    renamed = reading.renamed(doc_id)
    return dataclasses.replace(renamed, notes=(*renamed.notes, note))


def _read_with_dask(
    files: list[tuple[int, Path]],
    options: _Options,
    scheduler: str,
    workers: int | None,
    progress: Callable[[int, int], None] | None,
) -> list[_Outcome]:
    """Read ``(index, path)`` in partitions on ``scheduler``; the outcomes, in order."""
    # a cluster's workers run elsewhere: they get absolute paths, on a file
    # system they must share with this machine
    outcomes: list[_Outcome] = map_partitions(
        functools.partial(_read_partition, options=options),
        [(i, str(p)) for i, p in files],
        scheduler=scheduler,
        workers=workers,
        # absolute, links kept: a broken link is named as given, as serially
        remote=[(i, os.path.abspath(p)) for i, p in files],
        progress=progress,
    )
    return outcomes


# -- evidence.json, and loading read outputs back ---------------------------------


def _read_outputs_in(folder: Path, *, besides: Iterable[Path] = ()) -> list[Path]:
    """The files directly in ``folder`` that ``geosleuth read`` wrote, sorted.

    A ``<doc>.json`` or ``evidence.json`` (known by its keys, as
    :func:`load_read_output` knows them) and an annotated ``<doc>.html`` (known
    by its title); but for the files ``besides`` (not opened). Files that
    cannot be read are none of them.
    """
    out = []
    skip = set(besides)
    for p in sorted(folder.iterdir()) if folder.is_dir() else ():
        if p in skip or not p.is_file():
            continue
        if p.suffix.lower() in (".html", ".htm"):
            if "geosleuth read" in (_own_page(p) or ""):
                out.append(p)
            continue
        if p.suffix.lower() != ".json":
            continue
        try:
            data = read_json(p.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError):
            continue
        if isinstance(data, dict) and (
            data.get("format") == READ_EVIDENCE_FORMAT
            or {"doc_id", "evidence", "mentions"} <= data.keys()
        ):
            out.append(p)
    return out


def evidence_record(
    readings: Sequence[Reading],
    *,
    files: Sequence[str] | None = None,
    rejected: Sequence[RejectedDocument] = (),
    text_sha256: bool = False,
    read_with: Sequence[Mapping[str, Any] | None] = (),
) -> dict[str, Any]:
    """The ``evidence.json`` of a corpus: every document's evidence in one record.

    Each document is recorded as in its ``<doc>.json`` (``doc_id``, ``source``,
    ``title``, ``published``, ``target``, ``evidence``, ``notes``; the same item
    records), less its text, sentences and mentions, so that the evidence of a
    large corpus can be fused without reading it again
    (:func:`load_read_output`).

    Parameters
    ----------
    readings : sequence of Reading
        The documents.
    files : sequence of str or None, default None
        The name of each document's ``<doc>.json``, recorded as ``file``.
    rejected : sequence of RejectedDocument, default ()
        Documents not read, recorded with the reason.
    text_sha256 : bool, default False
        Record each document's ``text_sha256``, the SHA-256 (hex) of its text
        (which the record leaves out), as its last key: by it
        :func:`gather_evidence` knows one article given twice under two names.
        ``geosleuth read`` records it.
    read_with : sequence of mapping or None, default ()
        What each document's reading depends on
        (:attr:`CorpusReading.read_with`), recorded as ``read_with`` after it
        (where not None): by it a rerun of ``geosleuth read`` into the folder
        takes the readings that would come out the same (review r85, L6).

    Returns
    -------
    dict
        ``{"format": READ_EVIDENCE_FORMAT, "version": 1, "documents": [...],
        "rejected": [...]}``, ready for :func:`json.dumps`.
    """
    keys = ("doc_id", "source", "title", "published", "target", "evidence", "notes")
    documents = []
    for j, reading in enumerate(readings):
        full = reading.to_dict()
        doc = {k: full[k] for k in keys}
        if files is not None:
            doc = {"file": files[j], **doc}
        if text_sha256:
            doc["text_sha256"] = sha256_of_text(reading.text)
        if j < len(read_with) and read_with[j] is not None:
            doc[READ_WITH] = dict(read_with[j] or {})
        documents.append(doc)
    return {
        "format": READ_EVIDENCE_FORMAT,
        "version": 1,
        "documents": documents,
        "rejected": [{"path": r.path, "reason": r.reason} for r in rejected],
    }


def load_read_output(path: str | os.PathLike[str]) -> tuple[DocumentEvidence, ...]:
    """The evidence of a ``<doc>.json`` or ``evidence.json`` of ``geosleuth read``.

    Every item is rebuilt from its record
    (:func:`~geosleuth.evidence.item_from_dict`), so it is the item that was read.

    Parameters
    ----------
    path : str or os.PathLike
        A ``<doc>.json`` (one document) or an ``evidence.json`` (all of them).

    Returns
    -------
    tuple of DocumentEvidence
        One per document, in the file's order; but for a document read from an
        annotated page that ``geosleuth read`` wrote (its title ends
        " — geosleuth read": older versions read their own output), left out
        with an :class:`~geosleuth.errors.EvidenceWarning`.

    Raises
    ------
    InputError
        If the file is not JSON, or not a read output, or holds an invalid item;
        the message names the file.

    Examples
    --------
    >>> import json, pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "estimate.json"
    >>> _ = p.write_text(json.dumps({"as_of": "2018-05-15"}))
    >>> load_read_output(p)
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: The file ... is not an output of 'geosleuth read' ...
    """
    p = Path(path)

    def bad(what: str, hint: str = "") -> InputError:
        return InputError(
            f"The file {str(p)!r} is not an output of 'geosleuth read' (a <doc>.json "
            f"or evidence.json with the evidence of each document). Got {what} "
            f"instead.{hint}",
            path=str(p),
        )

    try:
        data = read_json(p.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise bad("a file that is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise bad(f"a file that is not JSON ({exc})") from None
    if isinstance(data, dict) and data.get("format") == READ_EVIDENCE_FORMAT:
        if data.get("version") != 1:
            raise bad(
                f"an evidence.json of version {data.get('version')!r}; this "
                "geosleuth reads version 1 (read the documents again with it)"
            )
        documents = data.get("documents")
        if not isinstance(documents, list):
            raise bad("an evidence.json with no 'documents' list")
    elif isinstance(data, dict) and {"doc_id", "evidence", "mentions"} <= data.keys():
        documents = [data]
    elif isinstance(data, dict):
        keys = ", ".join(map(repr, sorted(data)[:6])) or "none"
        case_like = "evidence" in data and bool(
            {"target", "region", "grid"} & set(data)
        )
        raise bad(
            f"a JSON object with the keys {keys}",
            # a case file written as JSON (r28 L6): it is YAML too
            " It reads as a case file, which geosleuth takes as YAML: name it "
            ".yaml (JSON is valid YAML)."
            if case_like
            else "",
        )
    else:
        raise bad(f"a JSON {type(data).__name__}")
    out = []
    for j, doc in enumerate(documents):
        where = f"documents[{j}]" if len(documents) > 1 else "the document"
        if not (isinstance(doc, dict) and isinstance(doc.get("evidence"), list)):
            raise bad(f"{where} with no 'evidence' list")
        built = []
        for k, e in enumerate(doc["evidence"]):
            try:
                built.append(item_from_dict(e))
            except (ValueError, TypeError, KeyError, AttributeError) as exc:
                why = exc.message if isinstance(exc, GeosleuthError) else str(exc)
                name = e.get("id") if isinstance(e, dict) else None
                item = repr(name) if isinstance(name, str) and name else f"[{k}]"
                raise InputError(
                    f"The evidence item {item} of {where} in {str(p)!r} is invalid: "
                    f"{why}",
                    path=str(p),
                    field=f"evidence[{k}]",
                ) from None
        items = tuple(built)
        doc_id = str(doc.get("doc_id") or p.stem)
        target = doc.get("target")
        text, sha = doc.get("text"), doc.get("text_sha256")
        if sha is not None and not (
            isinstance(sha, str) and re.fullmatch(r"[0-9a-f]{64}", sha)
        ):
            raise bad(f"{where} with a 'text_sha256' that is no SHA-256: {sha!r}")
        if isinstance(text, str):  # a <doc>.json: the text itself
            sha = sha256_of_text(text)
        if str(doc.get("title") or "").endswith(_OWN_TITLE):
            warnings.warn(
                f"The document {doc_id!r} of {str(p)!r} was read from "
                f"{doc.get('source')!r}, the annotated page that 'geosleuth read' "
                "wrote for a report, not from a report: its "
                f"{len(items)} item(s) repeat that report's and are left out. Read "
                "the reports again with this geosleuth, which leaves such pages out.",
                EvidenceWarning,
                stacklevel=_stacklevel(),
            )
            continue
        out.append(
            DocumentEvidence(
                doc_id=doc_id,
                source=str(doc.get("source") or doc_id),
                target=str(target) if target else None,
                evidence=items,
                text_sha256=sha,
                title=str(doc.get("title") or "") or None,
                undated=_undated_note(doc, doc_id) if items else None,
            )
        )
    return tuple(out)


def _warn_of_stale_readings(outputs: Sequence[Path]) -> None:
    """Warn of ``<doc>.json`` files that their folder's evidence.json does not list.

    ``geosleuth read`` writes an ``evidence.json`` that names the ``<doc>.json``
    of each document it read (``file``). A reading beside it that it does not
    name is left from an earlier read into the same folder: ``locate
    OUT/*.json`` would fuse it with the last run's readings, though nothing
    said so (review r12, F11). One warning a folder, naming the files.
    """
    listed: dict[Path, set[str] | None] = {}
    stale: dict[Path, list[str]] = {}
    for p in outputs:
        if p.name == "evidence.json":
            continue
        folder = p.parent
        if folder not in listed:
            listed[folder] = _files_of(folder / "evidence.json")
        names = listed[folder]
        if names is not None and p.name not in names:
            stale.setdefault(folder, []).append(p.name)
    for folder, left in stale.items():
        n = len(left)
        warnings.warn(
            f"{n} reading{'s' if n > 1 else ''} in {str(folder)!r} "
            f"({_first_few([repr(x) for x in left])}) "
            f"{'are' if n > 1 else 'is'} not among those of "
            f"{str(folder / 'evidence.json')!r}, which the last 'geosleuth read' "
            "into that folder wrote: left from an earlier read, and fused with "
            "it here. Give that evidence.json instead, or read into a fresh "
            "folder.",
            EvidenceWarning,
            stacklevel=_stacklevel(),
        )


def _files_of(evidence: Path) -> set[str] | None:
    """The readings an evidence.json of ``geosleuth read`` lists, or None."""
    try:
        data = read_json(evidence.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(data, dict) or data.get("format") != READ_EVIDENCE_FORMAT:
        return None
    docs = data.get("documents")
    if not isinstance(docs, list):
        return None
    files = [d.get("file") if isinstance(d, dict) else None for d in docs]
    if not all(isinstance(f, str) for f in files):
        return None  # written without its readings' names: nothing to tell
    return {str(f) for f in files}


def gather_evidence(
    paths: Sequence[str | os.PathLike[str]],
    *,
    target: str | None = None,
    published: dt.date | str | None = None,
    home: Any = None,
    scheduler: Scheduler | str = "serial",
    workers: int | None = None,
) -> list[tuple[Path, DocumentEvidence]]:
    """The evidence of documents (read now) and of read outputs (loaded), in order.

    Documents are read with :func:`read_corpus` (``on_invalid="raise"``); files
    ending ``.json`` are loaded with :func:`load_read_output`. Every document
    gets a unique ``doc_id`` (:func:`unique_name`), its item ids renamed to
    match, so that two ``report.txt`` give ``report:...`` and ``report-2:...``.
    A document given twice (its ``<doc>.json`` and the ``evidence.json`` that
    also holds it, or one file twice) is counted once, with an
    :class:`~geosleuth.errors.EvidenceWarning`: its evidence is the same, item
    for item. So is one article given twice under two ids (two copies read
    together become ``anf`` and ``anf-2``), with a warning that names both
    files: two documents with one text (the normalised text the reader works
    on, known by its SHA-256: for a document read now, a ``<doc>.json``, which
    holds the text, and an ``evidence.json`` that ``geosleuth read`` wrote,
    which records its hash), whether read now or loaded, and even when read
    with other options (the first one's evidence is counted); or two with the
    same evidence item for item but for the ids, and the same target, that
    have one file name. Two documents with the same ``doc_id`` and file name
    but other evidence and texts not known to be one (two reports of one name
    read apart, or readings that record no text) are both counted, with an
    ``EvidenceWarning`` that says so.
    A read output that was read for another person than ``target`` (given, or
    else found as said under ``target``) is left out, with an
    ``EvidenceWarning`` (its items are about someone else), and so are the case
    counts of one read for no one; ``published`` and
    ``home`` do not apply to read outputs (they were read already), and a
    warning says so when only read outputs are given.

    Parameters
    ----------
    paths : sequence of str or os.PathLike
        Documents (:data:`CORPUS_SUFFIXES`) and ``<doc>.json`` or
        ``evidence.json`` files written by ``geosleuth read``.
    target : str or None, default None
        The person sought. Without one, the person most of the read outputs
        were read for (names of one person counted together; the first of those
        read for as often), else the first article read that names someone (the
        articles are read one by one until then, the rest on ``scheduler``, for
        that target); a read output read for someone else is then left out,
        wherever it comes in the list, and the case counts of one read for no
        one (an outbreak's) too.
    published, home, scheduler, workers
        As in :func:`read_corpus`, for the documents.

    Returns
    -------
    list of (pathlib.Path, DocumentEvidence)
        One pair per document, in input order (several for an evidence.json).

    Raises
    ------
    InputError
        A document that cannot be read, or a JSON file that is not a read output.
    """
    files = [Path(p) for p in paths]
    docs: dict[Path, tuple[DocumentEvidence, ...]] = {
        p: load_read_output(p) for p in files if p.suffix.lower() == ".json"
    }
    _warn_of_stale_readings(list(docs))
    only_outputs = all(p in docs for p in files)
    if docs and only_outputs and (published is not None or home is not None):
        warnings.warn(
            "The publication date and home given apply to documents read now, and "
            f"there are none: {', '.join(map(repr, map(str, docs)))} keep what "
            "they were read with.",
            EvidenceWarning,
            stacklevel=_stacklevel(),
        )
    given_target = target
    if target:
        docs = _for_target_in(docs, target)
    else:
        # the person most of the read outputs were read for (the first of
        # those named as often), not whoever the first happens to name: a
        # spokesman's reading first in the list took the corpus over (review 14)
        target = _most_read_for([d for p in files if p in docs for d in docs[p]])
    rest = list(dict.fromkeys(p for p in files if p not in docs))  # each once
    while rest:
        if not target:  # that of a document before (read now or loaded), as in a loop
            before = files[: files.index(rest[0])]
            named = (d.target for p in before if p in docs for d in docs[p])
            target = next((t for t in named if t), None)
        batch, rest = (rest, []) if target else (rest[:1], rest[1:])
        how = (scheduler, workers) if len(batch) > 1 else ("serial", None)
        result = read_corpus(
            batch, published=published, target=target, home=home,
            scheduler=how[0], workers=how[1],
        )  # fmt: skip
        for path, reading in zip(result.paths, result.readings, strict=True):
            docs[path] = (DocumentEvidence.from_reading(reading),)
    if not given_target and not target:
        # the target that the first document named, as in a loop: a read output
        # that was read for someone else is about someone else
        target = next((d.target for p in files for d in docs[p] if d.target), None)
    if target and not given_target:
        outputs = {p: ds for p, ds in docs.items() if p.suffix.lower() == ".json"}
        docs = {**docs, **_for_target_in(outputs, target)}
    used: set[str] = set()
    seen: dict[str, Path] = {}
    given: dict[tuple[str, str], Path] = {}  # (doc_id, source): first file
    # one article under two ids: by its text (read now, or recorded in a
    # reading), and by its evidence less the ids (with one text or file name)
    texts: dict[str, tuple[Path, DocumentEvidence]] = {}
    alike: dict[str, list[tuple[Path, DocumentEvidence]]] = {}
    out: list[tuple[Path, DocumentEvidence]] = []
    first_out = _first_published(files, docs)
    again: list[tuple[str, Path, Path]] = []  # (doc_id, file, first file)
    for p in files:
        loaded = p.suffix.lower() == ".json"
        for doc in docs[p]:
            key = json.dumps(
                [doc.doc_id, doc.source, [it.to_dict() for it in doc.evidence]],
                sort_keys=True,
                default=str,
            )
            if key in seen:
                again.append((doc.doc_id, p, seen[key]))
                continue
            seen[key] = p
            counted = first_out.get(doc.text_sha256 or "")
            if counted is not None and counted[1] is not doc:
                # one text in several copies: the one published first counts,
                # whichever is given first
                texts.setdefault(doc.text_sha256 or "", counted)
            same = _same_article(p, doc, loaded, texts, alike)
            if same is not None:
                warnings.warn(same, EvidenceWarning, stacklevel=_stacklevel())
                continue
            doc_id = unique_name(doc.doc_id, used)
            if (doc.doc_id, doc.source) in given:
                earlier = given[doc.doc_id, doc.source]
                warnings.warn(
                    f"The document {doc.doc_id!r} of {str(p)!r} has the id and file "
                    f"name ({doc.source!r}) of one given before, in {str(earlier)!r}, "
                    f"but other evidence: both are counted, this one as {doc_id!r}. "
                    "If they are one report read twice (with other options), give "
                    "only one reading of it; if they are two reports, read them "
                    "together ('geosleuth read' gives each its own id).",
                    EvidenceWarning,
                    stacklevel=_stacklevel(),
                )
            given.setdefault((doc.doc_id, doc.source), p)
            out.append((p, doc.renamed(doc_id)))
    _warn_given_again(again)
    _warn_undated([d for _, d in out])
    return out


def _warn_given_again(again: Sequence[tuple[str, Path, Path]]) -> None:
    """Warn of the documents given again: each counted once.

    One warning each for up to three; for more (``locate OUT/*.json``: every
    ``<doc>.json`` is in ``evidence.json`` too) one warning, naming a few
    (review r51, L2).
    """
    if len(again) <= _SAID_ONE_BY_ONE:
        for doc_id, p, first in again:
            warnings.warn(
                f"The document {doc_id!r} of {str(p)!r} was given before, in "
                f"{str(first)!r}: its evidence is counted once.",
                EvidenceWarning,
                stacklevel=_stacklevel(),
            )
        return
    firsts = list(dict.fromkeys(str(first) for _, _, first in again))
    shown = _first_few([f"{doc_id!r} of {str(p)!r}" for doc_id, p, _ in again])
    warnings.warn(
        f"{len(again)} documents were given before, in "
        f"{' and '.join(map(repr, firsts[:3]))}"
        f"{f' and {len(firsts) - 3} more files' if len(firsts) > 3 else ''} "
        f"({shown}): the evidence of each is counted once.",
        EvidenceWarning,
        stacklevel=_stacklevel(),
    )
