"""Cases on disk: one folder per case, written so that a failed request changes nothing.

Layout under the data folder::

    cases/
      <case-id>/
        case.yaml            the case file (appended to by recorded searches,
                             replaced by a new version from the team)
        versions/NNNN.yaml   each case file that was replaced, oldest first
        meta.json            id, title, target, created, created_by
        log.jsonl            who changed what, when: one JSON object a line
        documents/<name>     uploaded reports (.txt, .md, .html)
        removed/NNNN-<name>  reports taken out of the case (with their readings
                             and upload details), kept until restored
        readings/<name>.json what was read from each when it was uploaded (the
                             ``<doc>.json`` of ``geosleuth read``): estimates use
                             it, so each report keeps the date it came with
        runs/<run-id>/       one estimate: estimate.json, estimate.geojson,
                             report.html, map.png, posterior.npz, case.yaml (the
                             case file it was computed from) and run.json (who
                             made it, the reports it read with the SHA-256 of
                             each and of its reading, and its summary)

Case ids are made here (:func:`case_slug`), never taken from a client, and every id
or name that comes in a request is checked against a closed pattern before it
touches a path, so no request can reach a file outside its case folder. A case, a
document are each built under a temporary name inside the data folder and renamed
into place, and a run counts only once its ``run.json`` is written (last), so a
request that fails leaves no half-written entry.

Every change is logged (:meth:`CaseStore.log`, read back with
:meth:`CaseStore.history`) with the user who asked for it (None on a service
without tokens): the log is appended to, never rewritten, under the case's lock,
and a change counts as made only once its line is written.

A user may be given only some cases (``cases=`` in the token file,
:mod:`geosleuth.service.users`): for the length of their request the service sets
:data:`REACH` to the patterns of the ids they may reach, and the store then acts
as if no other case existed (:meth:`CaseStore.ids` leaves them out, and
:meth:`CaseStore.folder`, through which every case is looked up, answers as for a
missing case), and makes no new case they could not reach
(:class:`CaseAccessError`). One check in the store covers every route.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import hashlib
import json
import os
import re
import shlex
import shutil
import stat
import threading
import unicodedata
import uuid
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

from geosleuth.casefile import Case
from geosleuth.errors import CaseNotFoundError, GeosleuthError, InputError
from geosleuth.report.files import write_atomic, write_json
from geosleuth.service.caselog import LOG_NAME, read_log
from geosleuth.service.runinputs import DOCUMENT_SUFFIXES, input_states

__all__ = [
    "DOCUMENT_SUFFIXES",
    "REACH",
    "RUN_FILES",
    "CaseAccessError",
    "CaseStore",
    "case_slug",
    "document_name",
    "reachable",
    "stored_as_note",
]


#: Files of a run that may be fetched, with their media types.
RUN_FILES: dict[str, str] = {
    "estimate.json": "application/json",
    "estimate.geojson": "application/geo+json",
    "report.html": "text/html; charset=utf-8",
    "map.png": "image/png",
    "posterior.npz": "application/octet-stream",
    "case.yaml": "application/yaml; charset=utf-8",
}

_LOG = LOG_NAME
#: A reading's note of the publication date a report gives itself, and where
#: (:func:`geosleuth.read.read_document`): "publication date 2024-03-08 from the
#: page's metadata", "... read from the dateline 'BEIRUT, Jan 9 -'"
_OWN_DATE = re.compile(
    r"publication date (\d{4}-\d{2}-\d{2}) (?:read )?from (.+)", re.S
)
_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")

#: The case ids the request being served may reach: shell-style patterns
#: (:func:`fnmatch.fnmatchcase`, e.g. ``("falcon-*",)``), or None for every case.
#: Set per request by :class:`geosleuth.service._http.TokenGate`.
REACH: contextvars.ContextVar[tuple[str, ...] | None] = contextvars.ContextVar(
    "geosleuth_reach", default=None
)


def reachable(case_id: str) -> bool:
    """Whether the request being served may reach case ``case_id`` (:data:`REACH`).

    Examples
    --------
    >>> reachable("falcon-1")
    True
    >>> token = REACH.set(("falcon-*", "owl"))
    >>> [reachable(i) for i in ("falcon-1", "owl", "owl-2", "hawk")]
    [True, True, False, False]
    >>> REACH.reset(token)
    """
    from fnmatch import fnmatchcase

    patterns = REACH.get()
    return patterns is None or any(fnmatchcase(case_id, p) for p in patterns)


class CaseAccessError(GeosleuthError):
    """A user asked for a new case whose id their token does not reach."""


_RUN_ID = re.compile(r"[0-9]{4,9}")
_NUMBERED_RUN = re.compile(r"([0-9]{4,9})")
_NUMBERED_VERSION = re.compile(r"([0-9]{4,9})\.yaml")
_NUMBERED_REMOVED = re.compile(r"([0-9]{4})-.+")
_DOC_INFO = ".documents.json"  # upload details of each document, by name
_DETAILS = ".details.json"  # beside a removed document: its upload details
_REMOVED = re.compile(r"[0-9]{4}-[A-Za-z0-9][A-Za-z0-9._-]*")
#: What the store names as temporary: a case being made (:meth:`CaseStore.create`),
#: an upload being read (:meth:`CaseStore.add_document`), and the files that
#: :func:`~geosleuth.report.files.write_atomic` writes before renaming them
#: (``.<name>.XXXXXXXX.geosleuth-tmp``).
_NEW_CASE = re.compile(r"\.new-[0-9a-f]{32}")
_UPLOAD = re.compile(r"\.upload-[0-9a-f]{32}")
_WRITING = re.compile(r"\..+\.[a-z0-9_]{8}\.geosleuth-tmp")
#: The modes of what the store makes: its user's alone (other accounts on the
#: machine read no case, report or estimate).
_PRIVATE_DIR = 0o700
_PRIVATE_FILE = 0o600
_T = TypeVar("_T")


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _version(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def _next_number(folder: Path, pattern: re.Pattern[str]) -> str:
    """``NNNN``, one past the largest number that starts a name ``pattern`` takes."""
    taken = [
        int(m.group(1)) for p in folder.iterdir() if (m := pattern.fullmatch(p.name))
    ]
    return f"{max(taken, default=0) + 1:04d}"


def _free_name(folder: Path, name: str) -> str:
    """``name``, or ``<stem>-2<suffix>``, ``-3`` ... : the first free in ``folder``.

    A name is free when no file in ``folder`` has its stem, whatever the
    suffix: a report's id is its stem, so ``report.md`` beside ``report.txt``
    becomes ``report-2.md`` (else the two share the id ``report``, and which
    one's items an estimate renames depends on the order it lists them in).
    Names are compared without case, as on a case-insensitive file system.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "report.txt").write_text("x")
    >>> _free_name(folder, "report.md"), _free_name(folder, "other.md")
    ('report-2.md', 'other.md')
    """
    stem, suffix = name[: -len(Path(name).suffix)], Path(name).suffix
    taken = {Path(p.name).stem.lower() for p in folder.iterdir()}
    final, n = name, 2
    while Path(final).stem.lower() in taken:
        final, n = f"{stem}-{n}{suffix}", n + 1
    return final


def case_slug(text: str, *, max_len: int = 48) -> str:
    """A case id made from a title: ASCII letters, digits and dashes, lower case.

    Parameters
    ----------
    text : str
        The case's title (or target).
    max_len : int, default 48
        Characters kept at most (room is left for a ``-2`` suffix).

    Returns
    -------
    str
        Matches ``[a-z0-9][a-z0-9-]*``; ``"case"`` when nothing is left.

    Examples
    --------
    >>> case_slug("Missing walker on Yr Wyddfa, as of the morning after")
    'missing-walker-on-yr-wyddfa-as-of-the-morning'
    >>> case_slug("x" * 60) == "x" * 48  # one long word is cut where it must be
    True
    >>> case_slug("Hesekê / Qamişlo"), case_slug("../../etc"), case_slug("<script>")
    ('heseke-qamislo', 'etc', 'script')
    >>> case_slug("!!!")
    'case'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_len:
        cut = slug[: max_len + 1]
        # end on a whole word when one fits
        slug = cut.rsplit("-", 1)[0] if "-" in cut else slug[:max_len]
    return slug.rstrip("-") or "case"


#: Latin letters that Unicode does not decompose into an ASCII letter and marks.
_LATIN = str.maketrans(
    {
        "ß": "ss", "ẞ": "SS", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l",
        "Ł": "L", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th",
        "ð": "d", "Ð": "D", "ı": "i", "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T",
        "ŀ": "l", "Ŀ": "L", "ĸ": "k", "ŋ": "ng", "Ŋ": "NG",
    }
)  # fmt: skip


def _ascii_letters(text: str) -> str:
    """``text`` with its Latin letters in ASCII: ü → u, č → c, ß → ss, ø → o.

    Decomposed (NFKD) and without the combining marks; letters that do not
    decompose so (ß, ø, đ, ł, æ ...) are written as they are spelt in ASCII.
    Other scripts are left as they are.

    >>> _ascii_letters("Zürich čet Straße Ørsted Đakovo Łódź ﬁn 日本")
    'Zurich cet Strasse Orsted Dakovo Lodz fin 日本'
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_LATIN))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def document_name(name: str) -> str:
    r"""A safe file name for an uploaded document, keeping its suffix.

    The folder part of ``name`` is dropped (``/`` and ``\`` both), Latin
    letters are written in ASCII (``Zürich`` → ``Zurich``, ``čet`` → ``cet``,
    review r85, L3), characters other than ASCII letters, digits, ``.``,
    ``_`` and ``-`` become ``-``, and a leading dot is removed, so the name can
    only ever be a plain file in the case's ``documents`` folder.

    Raises
    ------
    InputError
        If no name is left, or the suffix is not one of
        :data:`DOCUMENT_SUFFIXES`.

    Examples
    --------
    >>> document_name("../../Al Hayat report (1).HTML")
    'Al-Hayat-report-1.html'
    >>> document_name("..\\..\\notes.md")
    'notes.md'
    >>> document_name("Dubrovnik_vijesti_čet.txt"), document_name("日本語.txt")
    ('Dubrovnik_vijesti_cet.txt', 'document.txt')
    >>> document_name("case.yaml")
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: The document 'case.yaml' is not a .txt, .md or ...
    """
    base = re.split(r"[/\\]", name.strip())[-1]
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = suffix, ""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", _ascii_letters(stem)).strip(".-")[:80]
    suffix = "." + suffix.lower() if suffix else ""
    if suffix not in DOCUMENT_SUFFIXES:
        raise InputError(
            f"The document {base[:100]!r} is not a .txt, .md or .html file; give "
            f"one of {', '.join(DOCUMENT_SUFFIXES)}.",
            field="name",
        )
    return (stem or "document") + suffix


def stored_as_note(given: str, stored: str) -> str | None:
    """What a response says of a document stored under another name than given.

    None when ``stored`` is ``given``; else the name it is stored as, and why
    (review r85, L3: ``Zürich-Bericht.txt`` became ``Z-rich-Bericht.txt`` in
    silence).

    Examples
    --------
    >>> stored_as_note("a.txt", "a.txt") is None
    True
    >>> stored_as_note("Zürich-Bericht.txt", "Zurich-Bericht.txt")
    "The document 'Zürich-Bericht.txt' is stored as 'Zurich-Bericht.txt' (a name \
in ASCII letters, digits, '.', '_' and '-': accents dropped, other characters \
written '-'); its items are cited by that name."
    >>> print(stored_as_note("日本語.txt", "document-2.txt"))
    The document '日本語.txt' is stored as 'document-2.txt' (a name in ASCII \
letters, digits, '.', '_' and '-': accents dropped, other characters written \
'-'; numbered, as the case has a report of that name); its items are cited by \
that name.
    """
    if stored == given:
        return None
    base = re.split(r"[/\\]", given.strip())[-1]
    why = []
    if base != given.strip():
        why.append("without the folder it was named with")
    try:
        safe = document_name(given)
    except InputError:  # pragma: no cover - stored names are safe names
        safe = stored
    if safe != base:
        why.append(
            "a name in ASCII letters, digits, '.', '_' and '-': accents dropped, "
            "other characters written '-'"
        )
    if stored != safe:
        why.append("numbered, as the case has a report of that name")
    reason = f" ({'; '.join(why)})" if why else ""
    return (
        f"The document {given[:100]!r} is stored as {stored!r}{reason}; its items "
        "are cited by that name."
    )


def _renamed_reading(reading: dict[str, Any], name: str) -> dict[str, Any]:
    """A stored reading (``Reading.to_dict()``) as that of the document ``name``.

    Its ``doc_id`` becomes the one :func:`geosleuth.read.read_document` gives a
    file of that name (a name :func:`document_name` made: the name without its
    suffix) and its ``source`` the name, and so do the ids of its items and the
    document they cite, as :meth:`geosleuth.read.Reading.renamed` renames them:
    ``report:s1`` of ``report`` becomes ``report-2:s1`` of ``report-2``.

    Examples
    --------
    >>> old = {"doc_id": "report", "source": "report.txt", "target": "J S",
    ...        "evidence": [{"id": "report:s1", "provenance": {"document": "report"}},
    ...                     {"id": "case:e1", "provenance": {"document": "case"}}]}
    >>> new = _renamed_reading(old, "report-2.txt")
    >>> new["doc_id"], new["source"], new["target"]
    ('report-2', 'report-2.txt', 'J S')
    >>> [(e["id"], e["provenance"]["document"]) for e in new["evidence"]]
    [('report-2:s1', 'report-2'), ('case:e1', 'case')]
    >>> old["evidence"][0]["id"]  # the reading given is left as it was
    'report:s1'
    """
    before = str(reading.get("doc_id") or "")
    after = Path(name).stem
    prefix = f"{before}:"

    def moved(item: Any) -> Any:
        if not isinstance(item, dict):
            return item
        out = dict(item)
        ident, prov = out.get("id"), out.get("provenance")
        if isinstance(ident, str) and ident.startswith(prefix):
            out["id"] = f"{after}:{ident[len(prefix) :]}"
            if isinstance(prov, dict) and prov.get("document") == before:
                out["provenance"] = {**prov, "document": after}
        return out

    out = {**reading, "doc_id": after, "source": name}
    if isinstance(reading.get("evidence"), list):
        out["evidence"] = [moved(e) for e in reading["evidence"]]
    return out


class CaseStore:
    """The cases kept in one data folder.

    Parameters
    ----------
    root : path-like
        The data folder; created if missing. Cases go in ``root/cases``.

    Notes
    -----
    Changes to one case take turns under a per-case lock (one process; the case
    file itself is also appended under a file lock by
    :func:`geosleuth.locate.append_items`).

    Examples
    --------
    >>> import tempfile
    >>> store = CaseStore(tempfile.mkdtemp())
    >>> store.ids()
    []
    >>> store.folder("../etc")
    Traceback (most recent call last):
    ...
    geosleuth.errors.CaseNotFoundError: There is no case '../etc'.
    """

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root).resolve()
        self.cases = self.root / "cases"
        try:
            self.root.mkdir(mode=_PRIVATE_DIR, parents=True, exist_ok=True)
            self.cases.mkdir(mode=_PRIVATE_DIR, exist_ok=True)
        except OSError as exc:
            raise InputError(
                f"The data folder {self.root} cannot be used: {exc.strerror}.",
                path=str(self.root),
            ) from None
        self._locks: dict[str, threading.Lock] = {}
        self._locks_lock = threading.Lock()
        # SHA-256 of the files runs read, by (device, inode, size, mtime):
        # each page that shows runs compares them with what is stored
        self._digests: dict[tuple[int, int, int, int], str] = {}
        # the publication date each reading used and where from, by the same
        # key: each listing of the reports shows them
        self._dates: dict[
            tuple[int, int, int, int], tuple[str | None, str | None, str | None]
        ]
        self._dates = {}

    def public_text(self, text: str) -> str:
        """``text`` with the data folder's path taken out (for clients to see).

        Examples
        --------
        >>> import tempfile
        >>> store = CaseStore(tempfile.mkdtemp())
        >>> store.public_text(f"Bad {store.root}/cases/x/case.yaml, line 3")
        'Bad cases/x/case.yaml, line 3'
        """
        return text.replace(f"{self.root}/", "").replace(str(self.root), "<data>")

    def public_warning(self, text: str) -> str:
        """A warning as clients see it: the case's reports by name, not by path.

        A report (``documents/<name>``, ``removed/<id>``, or being read in an
        upload folder) and its reading (``readings/<name>.json``) are named by
        the report's name, a run folder as "run 0010", whether their paths start
        at the data folder or at the case's; any other path loses the data
        folder, as in :meth:`public_text`.

        Examples
        --------
        >>> import tempfile
        >>> store = CaseStore(tempfile.mkdtemp())
        >>> store.public_warning(
        ...     f"The document 'report' of '{store.root}/cases/x/readings/report.txt"
        ...     f".json' was read for 'A B'; see '{store.root}/cases/x/documents/a.md'"
        ... )
        "The document 'report' of 'report.txt' was read for 'A B'; see 'a.md'"
        >>> store.public_warning(
        ...     f"odd text in {store.root}/cases/x/.upload-9f2a/w.md; nothing known "
        ...     f"in {store.root}/cases/x/runs/0010"
        ... )
        'odd text in w.md; nothing known in run 0010'
        >>> store.public_warning("The document 'b' of 'readings/b.txt.json' ...")
        "The document 'b' of 'b.txt' ..."
        """
        # a path in the data folder, or in a case's folder (an estimate names its
        # inputs so: readings/a.txt.json)
        cases = rf"(?:{re.escape(str(self.cases))}/[a-z0-9-]+/|(?<![\w./-]))"
        report = cases + r"(readings|documents|removed)/([\w.-]+)"
        upload = cases + r"\.upload-[0-9a-f]+/([\w.-]+)"  # a report being read
        run = cases + r"runs/(\d+)(?:/([\w.-]+))?"

        def name(match: re.Match[str]) -> str:
            folder, file = match.groups()
            return file.removesuffix(".json") if folder == "readings" else file

        def run_name(match: re.Match[str]) -> str:
            number, file = match.groups()
            return f"run {number}" + (f" ({file})" if file else "")

        text = re.sub(report, name, text)
        text = re.sub(upload, lambda m: m.group(1), text)
        return self.public_text(re.sub(run, run_name, text))

    # ------------------------------------------------------------------ lookup
    def ids(self) -> list[str]:
        """The ids of the stored cases, sorted."""
        return sorted(
            p.name
            for p in self.cases.iterdir()
            if _ID.fullmatch(p.name)
            and reachable(p.name)
            and (p / "case.yaml").is_file()
        )

    def folder(self, case_id: str) -> Path:
        """The folder of case ``case_id``.

        Raises
        ------
        CaseNotFoundError
            If ``case_id`` is not a well-formed id, no such case exists, or the
            request may not reach it (:data:`REACH`: the same error, so that a
            user cannot tell a case they may not see from one that is not there).
        """
        if (
            not _ID.fullmatch(case_id)
            or not reachable(case_id)
            or not (self.cases / case_id / "case.yaml").is_file()
        ):
            raise CaseNotFoundError(f"There is no case {case_id[:80]!r}.", field="id")
        return self.cases / case_id

    def case_file(self, case_id: str) -> Path:
        """The case file (``case.yaml``) of case ``case_id``."""
        return self.folder(case_id) / "case.yaml"

    @contextlib.contextmanager
    def lock(self, case_id: str) -> Iterator[None]:
        """Hold the lock of case ``case_id`` (changes to one case take turns)."""
        with self._locks_lock:
            lk = self._locks.setdefault(case_id, threading.Lock())
        with lk:
            yield

    # ------------------------------------------------------------ housekeeping
    def make_private(self) -> str | None:
        """Make the cases folder its user's alone (mode 0700); what was done, if any.

        Made by the store, it is so already; one made otherwise (or by an earlier
        version) may let other accounts on the machine read every case. Returns
        a sentence for whoever runs the service when the mode was changed, or
        could not be; None when there was nothing to do (or no such modes, as on
        Windows).
        """
        if os.name != "posix":
            return None
        mode = stat.S_IMODE(self.cases.stat().st_mode)
        if not mode & 0o077:
            return None
        try:
            self.cases.chmod(_PRIVATE_DIR)
        except OSError as exc:
            return (
                f"The cases folder {self.cases} may be read by other accounts (mode "
                f"{mode:04o}), and could not be made private ({exc.strerror}): run "
                f"chmod 700 {shlex.quote(str(self.cases))}"
            )
        return (
            f"The cases folder {self.cases} could be read by other accounts (mode "
            f"{mode:04o}); it is now its owner's alone (0700)."
        )

    def tidy(self) -> list[str]:
        """Remove what requests cut short by a crash left; what was removed.

        Only what the store itself names as temporary goes, by its name: a case
        being made (``cases/.new-<32 hex digits>/``), an upload being read
        (``<case>/.upload-<32 hex digits>/``), a file being written atomically
        (``.<name>.<8 characters>.geosleuth-tmp``, anywhere in a case), and a run
        whose ``run.json`` was never written (``<case>/runs/NNNN/`` without it:
        a run is complete only once it is, and a run that fails is removed).
        Links are left alone. Each is given by its path in the data folder, with
        a note when it could not be removed.

        Call it when the service starts, before any request: a request under way
        has such folders too.
        """
        gone: list[str] = []

        def drop(path: Path) -> None:
            shown = str(path.relative_to(self.root))
            try:
                if path.is_dir():
                    shutil.rmtree(path)
                else:
                    path.unlink()
            except OSError as exc:
                shown += f" (not removed: {exc.strerror})"
            gone.append(shown)

        def plain(path: Path) -> bool:
            return not path.is_symlink()

        for case in sorted(self.cases.iterdir()):
            if _NEW_CASE.fullmatch(case.name) and case.is_dir() and plain(case):
                drop(case)
                continue
            if not (_ID.fullmatch(case.name) and case.is_dir() and plain(case)):
                continue
            runs = case / "runs"
            folders = [case]
            for sub in sorted(case.iterdir()):
                if not (sub.is_dir() and plain(sub)):
                    continue
                if _UPLOAD.fullmatch(sub.name):
                    drop(sub)
                elif sub != runs:
                    folders.append(sub)
            for run in sorted(runs.iterdir()) if runs.is_dir() and plain(runs) else []:
                if not (_RUN_ID.fullmatch(run.name) and run.is_dir() and plain(run)):
                    continue
                if (run / "run.json").is_file():
                    folders.append(run)
                else:
                    drop(run)
            if runs.is_dir() and plain(runs):
                folders.append(runs)
            for folder in folders:
                for file in sorted(folder.iterdir()):
                    if _WRITING.fullmatch(file.name) and file.is_file() and plain(file):
                        drop(file)
        return gone

    # ------------------------------------------------------------------ create
    def create(self, text: str, case: Case, *, user: str | None = None) -> str:
        """Store a validated case file; return its new id (made from its title).

        ``case`` is ``text`` parsed (:func:`geosleuth.casefile.parse_case`): only a
        valid case is stored. The folder is filled under a temporary name and
        renamed into place, so a case is either complete or absent; its log
        starts with a ``created`` line by ``user``.

        Raises
        ------
        CaseAccessError
            If the request may not reach the id the case would get (:data:`REACH`).
        """
        base = case_slug(case.title or case.target)
        tmp = self.cases / f".new-{uuid.uuid4().hex}"
        tmp.mkdir(mode=_PRIVATE_DIR)
        try:
            (tmp / "documents").mkdir(mode=_PRIVATE_DIR)
            (tmp / "runs").mkdir(mode=_PRIVATE_DIR)
            write_atomic(tmp / "case.yaml", text.encode("utf-8"))
            for n in range(1, 10_000):
                case_id = base if n == 1 else f"{base}-{n}"
                target = self.cases / case_id
                # reach first: whether a case out of reach exists is not told
                if not reachable(case_id):
                    patterns = ", ".join(REACH.get() or ())
                    raise CaseAccessError(
                        f"This case would be called {case_id!r}, which your token "
                        f"does not reach (your cases: {patterns}). Give it a title "
                        "that makes an id you may reach, or ask whoever runs the "
                        "service.",
                        field="title",
                    )
                if target.exists():
                    continue
                write_json(
                    tmp / "meta.json",
                    {
                        "id": case_id,
                        "title": case.title,
                        "target": case.target,
                        "created": _now(),
                        "created_by": user,
                    },
                )
                (tmp / _LOG).unlink(missing_ok=True)  # from a taken id's try
                self._append_log(tmp, user, "created", {"title": case.title})
                try:
                    tmp.rename(target)
                except OSError:  # taken between the check and the rename
                    continue
                return case_id
            raise InputError(f"Too many cases are called {base!r}.", field="title")
        finally:
            if tmp.exists():
                shutil.rmtree(tmp, ignore_errors=True)

    # ------------------------------------------------------------------ read
    def meta(self, case_id: str) -> dict[str, Any]:
        """What is known of a case: title, target, documents, runs, latest run.

        With ``case_version``, the case file's version (:meth:`case_version`).
        Each run has, besides its ``run.json``, ``documents_now``
        (:meth:`documents_now`): what became of the reports it read.
        """
        meta = self._stored_meta(case_id)
        runs = [
            {**run, "documents_now": self.documents_now(case_id, run)}
            for run in self.runs(case_id)
        ]
        return {
            **meta,
            "id": case_id,
            "case_version": self.case_version(case_id),
            "documents": self.documents(case_id),
            "removed": self.removed_documents(case_id),
            "runs": runs,
            "latest_run": runs[-1] if runs else None,
        }

    def _stored_meta(self, case_id: str) -> dict[str, Any]:
        """``meta.json`` of a case: id, title, target, created, created_by."""
        try:
            meta = json.loads(
                (self.folder(case_id) / "meta.json").read_text(encoding="utf-8")
            )
        except (OSError, ValueError):
            meta = None
        if not isinstance(meta, dict):
            meta = {"id": case_id, "title": case_id, "target": "", "created": None}
        return meta

    def target(self, case_id: str) -> str:
        """The case's target, as its case file names it now."""
        return str(self._stored_meta(case_id).get("target") or "")

    def documents(self, case_id: str) -> list[dict[str, Any]]:
        """The stored documents of a case, by name.

        Each is ``name``, ``bytes``, ``uploaded``, ``published`` (the
        publication date given with the upload, or None), ``uploaded_by`` (the
        user, or None) and the date its reading used (:meth:`_dated`):
        ``reading_published``, ``reading_published_from`` and
        ``reading_published_where``, and ``reading_year_guessed``. A report
        with no ``reading_published`` is undated: it gave none, with the upload
        or in its text, and a date given with an estimate is for it alone; so is
        one with ``reading_year_guessed``, dated only by a dateline that writes
        no year, whose year its reading guessed from the day it was read.
        """
        folder = self.folder(case_id) / "documents"
        info = self._document_info(folder)
        out = []
        for p in sorted(folder.iterdir()) if folder.is_dir() else []:
            if p.name.startswith(".") or not p.is_file():
                continue
            st = p.stat()
            when = dt.datetime.fromtimestamp(st.st_mtime, dt.UTC)
            given = info.get(p.name, {}).get("published")
            out.append(
                {
                    "name": p.name,
                    "bytes": st.st_size,
                    "uploaded": when.isoformat(timespec="seconds"),
                    "published": given,
                    "uploaded_by": info.get(p.name, {}).get("uploaded_by"),
                    **self._dated(self.reading_path(case_id, p.name), given),
                }
            )
        return out

    def _dated(self, reading: Path, given: Any) -> dict[str, Any]:
        """The publication date a report's ``reading`` used, and where it is from.

        ``reading_published`` is the reading's date (the date ``given`` with the
        upload where there is no reading), or None where there is none: the
        report gave none, with the upload or in its text, and its undated items
        are dated as the reading's notes say. ``reading_published_from`` is
        ``"upload"`` (the date given with it) or ``"report"`` (the report's own),
        and ``reading_published_where``, for a report's own, where it gives it as
        the reading's notes say ("the page's metadata", "the line under the
        headline" ...), or None where they do not. ``reading_year_guessed`` is
        the dateline whose year the reading guessed (a report dated only by
        "CULIACAN, Mexico, March 1 (Reuters) -", read with no date, takes the
        latest year that puts it not after the day it was read,
        :func:`~geosleuth.read.document.guessed_year`), else None (review r41,
        H1).
        """
        day, where, guessed = self._reading_date(reading)
        if day is None and isinstance(given, str):  # no reading: as uploaded
            day = given
        came = None if day is None else "upload" if day == given else "report"
        return {
            "reading_published": day,
            "reading_published_from": came,
            "reading_published_where": where if came == "report" else None,
            "reading_year_guessed": guessed if came == "report" else None,
        }

    def _reading_date(self, reading: Path) -> tuple[str | None, str | None, str | None]:
        """A stored reading's ``published``, where it was read, and a guessed year.

        Where and whether its year was guessed (the dateline, else None) are as
        its notes say.

        Read once for each version of the file (by device, inode, size and
        time): a reading is as large as its report, and each listing asks.
        Only a plain file counts, never a link.
        """
        try:
            st = reading.lstat()
        except OSError:
            return None, None, None
        if not stat.S_ISREG(st.st_mode):
            return None, None, None
        key = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
        if key in self._dates:
            return self._dates[key]
        try:
            stored = json.loads(reading.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None, None, None
        stored = stored if isinstance(stored, dict) else {}
        day = stored.get("published")
        try:
            day = dt.date.fromisoformat(day).isoformat() if day else None
        except (TypeError, ValueError):
            day = None
        where = None
        notes = stored.get("notes")
        for note in notes if isinstance(notes, list) and day else ():
            found = _OWN_DATE.fullmatch(note) if isinstance(note, str) else None
            if found and found.group(1) == day:
                where = found.group(2)
                break
        from geosleuth.read.document import guessed_year

        guess = guessed_year(notes) if isinstance(notes, list) and day else None
        self._dates[key] = day, where, guess[1] if guess else None
        return self._dates[key]

    @staticmethod
    def _document_info(folder: Path) -> dict[str, dict[str, Any]]:
        try:
            info = json.loads((folder / _DOC_INFO).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return info if isinstance(info, dict) else {}

    def document_paths(self, case_id: str) -> list[Path]:
        """Paths of the stored documents of a case, sorted by name."""
        folder = self.folder(case_id) / "documents"
        return [folder / d["name"] for d in self.documents(case_id)]

    def reading_path(self, case_id: str, name: str) -> Path:
        """Where the reading of the stored document ``name`` is kept."""
        return self.folder(case_id) / "readings" / f"{document_name(name)}.json"

    def estimate_inputs(self, case_id: str) -> list[Path]:
        """Each stored document's reading, or the document where it has none."""
        out = []
        for doc in self.document_paths(case_id):
            reading = self.reading_path(case_id, doc.name)
            out.append(reading if reading.is_file() else doc)
        return out

    def runs(self, case_id: str) -> list[dict[str, Any]]:
        """The runs of a case, oldest first: each ``run.json``."""
        folder = self.folder(case_id) / "runs"
        out = []
        for p in sorted(folder.iterdir()) if folder.is_dir() else []:
            if not _RUN_ID.fullmatch(p.name) or not (p / "run.json").is_file():
                continue  # being made, or failed
            try:
                out.append(json.loads((p / "run.json").read_text(encoding="utf-8")))
            except (OSError, ValueError):
                out.append({"run": p.name})
        return sorted(out, key=lambda r: int(r["run"]))

    def documents_now(self, case_id: str, run: dict[str, Any]) -> list[dict[str, Any]]:
        """What became of each report a run read, computed when asked.

        Each is ``document`` (its name in the run), ``state`` (``unchanged``,
        ``read again``, ``changed``, ``removed``, or ``not recorded`` for a run
        made before runs kept their reports' SHA-256) and ``kept_as``: where
        the case keeps the report the run read when it is not under its name
        (``removed/0001-a.txt``), or None. See
        :func:`geosleuth.service.runinputs.input_states`.
        """
        folder = self.folder(case_id)
        recorded = run.get("inputs")
        if not isinstance(recorded, list):  # older runs: their names only
            names = run.get("documents")
            return [
                {"document": str(n), "state": "not recorded", "kept_as": None}
                for n in (names if isinstance(names, list) else [])
            ]
        return [
            {
                "document": s.document,
                "state": s.state,
                "kept_as": None
                if s.kept_as == f"documents/{s.document}"
                else s.kept_as,
            }
            for s in input_states(folder, recorded, cache=self._digests)
        ]

    def run_folder(self, case_id: str, run_id: str | None = None) -> Path:
        """The folder of run ``run_id`` of a case (default: the latest).

        Raises
        ------
        CaseNotFoundError
            If the case has no such run (or none yet).
        """
        folder = self.folder(case_id) / "runs"
        if run_id is None:
            runs = self.runs(case_id)
            if not runs:
                raise CaseNotFoundError(
                    f"The case {case_id!r} has no estimate yet; POST to "
                    f"/api/cases/{case_id}/estimate to make one.",
                    field="run",
                )
            run_id = str(runs[-1]["run"])
        if (
            not _RUN_ID.fullmatch(run_id)
            or not (folder / run_id / "run.json").is_file()
        ):
            raise CaseNotFoundError(
                f"The case {case_id!r} has no run {run_id[:20]!r}.", field="run"
            )
        return folder / run_id

    def history(self, case_id: str) -> list[dict[str, Any]]:
        """The case's log, oldest first: each ``{"at", "user", "action", ...}``.

        A line that cannot be read (e.g. cut short by a crash) is given as
        ``{"action": "unreadable", "line": n}`` rather than dropped.
        """
        return read_log(self.folder(case_id) / _LOG)

    def case_version(self, case_id: str) -> str:
        """A tag of the case file as it is now (SHA-256 of its bytes, 16 hex digits).

        A client that sends it back with a new version of the case file
        (:meth:`replace_case_file`) is told if someone changed the file since.
        It is the content's: a file put back as it was has its old tag again,
        and an edit made from that content loses nothing.
        """
        return _version(self.case_file(case_id).read_bytes())

    def case_text(self, case_id: str) -> tuple[str, str]:
        """The case file's text and its version (:meth:`case_version`), read once.

        What a client is shown to edit and the version it sends back come from
        the same read, so an edit can never be checked against a newer file
        than the one it was made from.
        """
        data = self.case_file(case_id).read_bytes()
        return data.decode("utf-8", errors="replace"), _version(data)

    # ------------------------------------------------------------------ write
    def replace_reads(self, case_id: str, target: str) -> bool:
        """Whether a new case file for ``target`` has the reports read again.

        As :meth:`replace_case_file` decides: when the target changes and the
        case has reports.
        """
        return target != self.target(case_id) and bool(self.document_paths(case_id))

    def replace_case_file(
        self,
        case_id: str,
        text: str,
        case: Case,
        *,
        user: str | None = None,
        base: str | Sequence[str] | None = None,
        reread: Callable[[Path, dt.date | None], dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        """Put a new, validated version of a case file in place of the current one.

        ``case`` is ``text`` parsed (as in :meth:`create`). The current file is
        kept first as ``versions/NNNN.yaml``; the new one is written atomically,
        the case's title and target follow it, and the log gets a ``replaced``
        line. With ``base`` (a :meth:`case_version` the client saw, or several), a file
        changed since (e.g. a search recorded meanwhile) is not overwritten.

        A reading is made for one target, and an estimate leaves out what was
        read for another. So when the target changes, ``reread(path,
        published)`` reads each stored document again (with the new target and
        the date it was uploaded with) and its reading is replaced, all under
        the lock and before anything is written: if one fails, nothing changes.
        Without ``reread``, a change of target with documents stored is refused.
        Returns ``{"case", "kept_as", "version", "read_again"}``.

        Raises
        ------
        InputError
            With ``field="base"``, when the case file changed since ``base``;
            with ``field="target"``, for a new target, documents and no
            ``reread``.
        """
        folder = self.folder(case_id)
        with self.lock(case_id):
            now = self.case_version(case_id)
            allowed = [base] if isinstance(base, str) else base
            if allowed is not None and now not in allowed:
                raise InputError(
                    "The case file changed since you took it (another change was "
                    f"made: see the log); it is version {now} now. Take it again, "
                    "redo your edit, and send it with the new version.",
                    field="base",
                )
            old_target = self.target(case_id)
            docs = self.document_paths(case_id)
            again: dict[str, dict[str, Any]] = {}
            if docs and case.target != old_target:
                if reread is None:
                    raise InputError(
                        f"The target changes from {old_target!r} to "
                        f"{case.target!r}, and the case's reports were read for the "
                        "old one.",
                        field="target",
                    )
                info = self._document_info(folder / "documents")
                for doc in docs:
                    day = info.get(doc.name, {}).get("published")
                    published = dt.date.fromisoformat(day) if day else None
                    again[doc.name] = reread(doc, published)
            versions = folder / "versions"
            versions.mkdir(mode=_PRIVATE_DIR, exist_ok=True)
            kept = versions / f"{_next_number(versions, _NUMBERED_VERSION)}.yaml"
            current = (folder / "case.yaml").read_bytes()
            meta_path = folder / "meta.json"
            old_meta = meta_path.read_bytes() if meta_path.is_file() else None
            old_readings = {
                name: path.read_bytes() if path.is_file() else None
                for name in again
                for path in [self.reading_path(case_id, name)]
            }
            write_atomic(kept, current)
            meta = self._stored_meta(case_id)
            try:
                write_atomic(folder / "case.yaml", text.encode("utf-8"))
                meta |= {"title": case.title, "target": case.target}
                write_json(meta_path, meta)
                for name, reading in again.items():
                    path = self.reading_path(case_id, name)
                    path.parent.mkdir(mode=_PRIVATE_DIR, exist_ok=True)
                    write_json(path, reading)
                detail: dict[str, Any] = {"kept_as": f"versions/{kept.name}"}
                if again:
                    detail["read_again"] = sorted(again)
                self._append_log(folder, user, "replaced", detail)
            except BaseException:  # not logged, not made: the old files back
                write_atomic(folder / "case.yaml", current)
                if old_meta is not None:
                    write_atomic(meta_path, old_meta)
                for name, old in old_readings.items():
                    path = self.reading_path(case_id, name)
                    if old is None:
                        path.unlink(missing_ok=True)
                    else:
                        write_atomic(path, old)
                kept.unlink(missing_ok=True)
                raise
            return {
                "case": case_id,
                "kept_as": f"versions/{kept.name}",
                "version": self.case_version(case_id),
                "read_again": sorted(again),
            }

    @staticmethod
    def _append_log(
        folder: Path, user: str | None, action: str, detail: dict[str, Any]
    ) -> None:
        entry = {"at": _now(), "user": user, "action": action, **detail}
        line = (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8")
        path = folder / _LOG
        fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, _PRIVATE_FILE)
        try:
            size = os.fstat(fd).st_size
            if size and os.pread(fd, 1, size - 1) != b"\n":
                line = b"\n" + line  # after a line cut short: keep ours whole
            os.write(fd, line)  # one write of one line: lines never interleave
            os.fsync(fd)
        finally:
            os.close(fd)

    def log(self, case_id: str, user: str | None, action: str, **detail: Any) -> None:
        """Append a line to the case's log: who (``user``) did what, and when.

        Call it with the case's lock held (:meth:`lock`), as the change is made.
        ``detail`` is what the action touched (a document's name, a run's id,
        the items added); it must be JSON.
        """
        self._append_log(self.folder(case_id), user, action, detail)

    def add_document(
        self,
        case_id: str,
        name: str,
        data: bytes,
        check: Callable[[Path], _T],
        *,
        published: dt.date | None = None,
        reading: Callable[[_T], dict[str, Any]] | None = None,
        user: str | None = None,
    ) -> tuple[str, _T]:
        """Store a document under a free name; ``check`` must accept it first.

        ``name`` is made safe (:func:`document_name`) and, if taken, numbered
        (``report-2.txt``). The bytes are written under that name in a temporary
        folder, ``check(path)`` reads them (e.g. :func:`geosleuth.read.read_document`)
        and only if it returns is the file moved into ``documents/``, with its
        ``published`` date noted beside it and, with ``reading``, the record
        ``reading(result)`` kept as its reading (:meth:`reading_path`). All of it
        happens under the case lock, so an estimate sees the document with its
        reading and date or not at all, and ends with an ``uploaded`` line by
        ``user`` in the case's log; on any error none of it is kept. Returns the
        stored name and what ``check`` returned.
        """
        safe = document_name(name)
        folder = self.folder(case_id)
        docs = folder / "documents"
        docs.mkdir(mode=_PRIVATE_DIR, exist_ok=True)
        with self.lock(case_id):
            final = _free_name(docs, safe)
            tmp = folder / f".upload-{uuid.uuid4().hex}"
            tmp.mkdir(mode=_PRIVATE_DIR)
            kept = folder / "readings" / f"{final}.json"
            try:
                write_atomic(tmp / final, data)
                result = check(tmp / final)
                if reading is not None:
                    kept.parent.mkdir(mode=_PRIVATE_DIR, exist_ok=True)
                    write_json(kept, reading(result))
                info = self._document_info(docs)
                day = published.isoformat() if published else None
                info[final] = {"published": day, "uploaded_by": user}
                write_json(docs / _DOC_INFO, info)  # before the file: never missing
                (tmp / final).rename(docs / final)
                self._append_log(
                    folder, user, "uploaded", {"document": final, "published": day}
                )
            except BaseException:
                kept.unlink(missing_ok=True)
                (docs / final).unlink(missing_ok=True)  # free when we began
                raise
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
        return final, result

    def remove_document(
        self, case_id: str, name: str, *, user: str | None = None
    ) -> dict[str, Any]:
        """Take a document (and its reading) out of a case; keep both aside.

        They move to ``removed/NNNN-<name>`` (and ``.json``), so later estimates
        leave them out and nothing is destroyed; the log gets a ``removed`` line.
        Returns ``{"case", "document", "kept_as"}``.

        Raises
        ------
        CaseNotFoundError
            If the case has no such document (only names it lists are taken).
        """
        folder = self.folder(case_id)
        with self.lock(case_id):
            if name not in {d["name"] for d in self.documents(case_id)}:
                raise CaseNotFoundError(
                    f"The case {case_id!r} has no document {name[:80]!r}.",
                    field="name",
                )
            removed = folder / "removed"
            removed.mkdir(mode=_PRIVATE_DIR, exist_ok=True)
            kept = removed / f"{_next_number(removed, _NUMBERED_REMOVED)}-{name}"
            reading = self.reading_path(case_id, name)
            details = kept.with_name(kept.name + _DETAILS)
            write_json(details, self._document_info(folder / "documents").get(name, {}))
            (folder / "documents" / name).rename(kept)
            moved_reading = reading.is_file()
            if moved_reading:
                reading.rename(kept.with_name(kept.name + ".json"))
            try:
                self._append_log(
                    folder,
                    user,
                    "removed",
                    {"document": name, "kept_as": f"removed/{kept.name}"},
                )
            except BaseException:  # not logged, not made: both back in place
                kept.rename(folder / "documents" / name)
                if moved_reading:
                    kept.with_name(kept.name + ".json").rename(reading)
                details.unlink(missing_ok=True)
                raise
        return {"case": case_id, "document": name, "kept_as": f"removed/{kept.name}"}

    def removed_documents(self, case_id: str) -> list[dict[str, Any]]:
        """The reports taken out of a case, oldest first, that can be restored.

        Each is ``id`` (``NNNN-<name>``), ``name``, ``published`` and
        ``uploaded_by`` (as when it was uploaded), and the date of the reading
        kept with it, as in :meth:`documents`.
        """
        removed = self.folder(case_id) / "removed"
        out = []
        for p in sorted(removed.iterdir()) if removed.is_dir() else []:
            if not (_REMOVED.fullmatch(p.name) and p.suffix in DOCUMENT_SUFFIXES):
                continue
            try:
                info = json.loads(
                    p.with_name(p.name + _DETAILS).read_text(encoding="utf-8")
                )
            except (OSError, ValueError):
                info = {}
            info = info if isinstance(info, dict) else {}
            out.append(
                {
                    "id": p.name,
                    "name": p.name[5:],
                    "published": info.get("published"),
                    "uploaded_by": info.get("uploaded_by"),
                    **self._dated(p.with_name(f"{p.name}.json"), info.get("published")),
                }
            )
        return out

    def _kept_reading(self, case_id: str, removed_id: str) -> dict[str, Any] | None:
        """The reading kept with a removed report, if made for the target as it is."""
        kept = self.folder(case_id) / "removed" / f"{removed_id}.json"
        try:
            stored = json.loads(kept.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if isinstance(stored, dict) and stored.get("target") == self.target(case_id):
            return stored
        return None

    def restore_reads(self, case_id: str, removed_id: str) -> bool:
        """Whether restoring ``removed_id`` reads it again (:meth:`restore_document`).

        It does when the reading kept with it is missing, or was made for another
        target than the case's now. False for an id that is not a removed report's.
        """
        listed = {d["id"] for d in self.removed_documents(case_id)}
        return removed_id in listed and self._kept_reading(case_id, removed_id) is None

    def restore_document(
        self,
        case_id: str,
        removed_id: str,
        *,
        user: str | None = None,
        reread: Callable[[Path, dt.date | None], dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        """Put a removed report back in its case, under a free name.

        Its reading comes back with it when it was read for the case's target as
        it is now; else ``reread(path, published)`` reads it again (without
        ``reread`` it comes back unread, and estimates read it). A report whose
        name was taken meanwhile comes back as ``<stem>-2<suffix>`` (...), and its
        reading is that name's, as an upload's would be: the document's id, its
        source, the ids of its items and the document they cite follow the new
        name (:func:`_renamed_reading`), as they do for a report read again. The
        log gets a ``restored`` line. Returns ``{"case", "document",
        "restored_from"}``.

        Raises
        ------
        CaseNotFoundError
            If the case has no removed report ``removed_id`` (only ids
            :meth:`removed_documents` lists are taken).
        """
        folder = self.folder(case_id)
        with self.lock(case_id):
            entry = next(
                (d for d in self.removed_documents(case_id) if d["id"] == removed_id),
                None,
            )
            if entry is None:
                raise CaseNotFoundError(
                    f"The case {case_id!r} has no removed report {removed_id[:80]!r}.",
                    field="id",
                )
            src = folder / "removed" / removed_id
            docs = folder / "documents"
            docs.mkdir(mode=_PRIVATE_DIR, exist_ok=True)
            final = _free_name(docs, entry["name"])
            day = entry["published"]
            reading = self._kept_reading(case_id, removed_id)
            if reading is not None and final != entry["name"]:
                reading = _renamed_reading(reading, final)
            elif reading is None and reread is not None:
                published = dt.date.fromisoformat(day) if day else None
                # read as removed/NNNN-<name>: named as it comes back
                reading = _renamed_reading(reread(src, published), final)
            target = self.reading_path(case_id, final)
            info = self._document_info(docs)
            info[final] = {"published": day, "uploaded_by": entry["uploaded_by"]}
            write_json(docs / _DOC_INFO, info)
            if reading is not None:
                target.parent.mkdir(mode=_PRIVATE_DIR, exist_ok=True)
                write_json(target, reading)
            src.rename(docs / final)
            try:
                self._append_log(
                    folder,
                    user,
                    "restored",
                    {"document": final, "restored_from": f"removed/{removed_id}"},
                )
            except BaseException:  # not logged, not made: back where it was
                (docs / final).rename(src)
                target.unlink(missing_ok=True)
                raise
            src.with_name(src.name + ".json").unlink(missing_ok=True)
            src.with_name(src.name + _DETAILS).unlink(missing_ok=True)
        return {
            "case": case_id,
            "document": final,
            "restored_from": f"removed/{removed_id}",
        }

    def add_run(
        self,
        case_id: str,
        produce: Callable[[Path], dict[str, Any]],
        *,
        user: str | None = None,
    ) -> dict[str, Any]:
        """Make a new run of a case: ``produce(folder)`` writes its outputs.

        ``produce`` gets the new run's empty folder, named by the next run id
        (``0001``, ``0002`` ...), with the case lock held; it writes the outputs
        there and returns what to record in ``run.json`` (with ``run``, ``case``,
        ``created`` and ``by``, the user, added). ``run.json`` is written last,
        then an ``estimated`` line in the case's log: a run without them is
        incomplete and is neither listed nor served, and a run that fails is
        removed. The outputs are made in place (not renamed) so that the paths
        they record stay true. Returns the ``run.json`` record.
        """
        runs = self.folder(case_id) / "runs"
        runs.mkdir(mode=_PRIVATE_DIR, exist_ok=True)
        with self.lock(case_id):
            run_id = _next_number(runs, _NUMBERED_RUN)
            folder = runs / run_id
            folder.mkdir(mode=_PRIVATE_DIR)
            try:
                record = dict(produce(folder))
                record = {
                    "run": run_id,
                    "case": case_id,
                    "created": _now(),
                    "by": user,
                    **record,
                }
                write_json(folder / "run.json", record)  # last: marks it complete
                self._append_log(runs.parent, user, "estimated", {"run": run_id})
            except BaseException:
                shutil.rmtree(folder, ignore_errors=True)
                raise
        return record
