"""The machine-readable outputs of an estimate: ``estimate.json`` and ``posterior.npz``.

``estimate.json`` holds everything a person reads from an estimate, each number with
the items that produced it; ``posterior.npz`` holds the posterior itself (array ``p``)
and its grid (``grid``, a JSON string of :meth:`~geosleuth.grid.Grid.to_dict`), so that
``geosleuth plan`` and other tools can work on the map without recomputing it.

Files are written atomically (to a temporary name, then renamed), so an interrupted
run never leaves a half-written output behind.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import math
import os
import re
import shutil
import stat
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator, MutableMapping, Sequence
from dataclasses import dataclass
from glob import escape as glob_escape
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from geosleuth import __version__
from geosleuth._json import loads as read_json
from geosleuth._types import FloatArray, PathLike
from geosleuth.errors import InputError
from geosleuth.evidence import (
    AsOf,
    EvidenceItem,
    calendar_day,
    item_from_dict,
    parse_time,
    time_of,
    time_text,
)
from geosleuth.fuse import Estimate, NamedPlace, Settings, TimelinePoint
from geosleuth.fuse.posterior import AREA_DEFINITION
from geosleuth.grid import Grid
from geosleuth.report.text import headline_lead

__all__ = [
    "ESTIMATE_FORMAT",
    "RUN_OUTPUTS",
    "StoredEstimate",
    "estimate_record",
    "load_estimate",
    "load_posterior",
    "posterior_path",
    "save_posterior",
    "temporaries_in",
    "write_atomic",
    "write_json",
]

#: The version of ``estimate.json``'s layout, its ``format_version``: 2 keeps a
#: ``headline`` wherever an area leads the summary (review r211, M8: the key
#: deleted from such a file read as an estimate from before headlines were
#: kept). Files without one are older, and verify as they were.
ESTIMATE_FORMAT = 2


def write_atomic(path: PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and an atomic rename.

    A symbolic link is followed (the file it points to is replaced, the link kept);
    an existing file keeps its permission bits (a private case file stays
    private); a new one gets the usual ``0666 & ~umask``. The data are flushed to
    disk before the rename, so a crash leaves the old file or the new, never half.
    :func:`write_all_atomic` for one file.
    """
    write_all_atomic({Path(os.fspath(path)): data})


def _umask() -> int:
    """The process's umask, read without changing it where the system allows.

    Linux says it in ``/proc/self/status``; elsewhere it is read by setting it
    and setting it back, an instant in which a file another thread makes (the
    threads of ``geosleuth serve``) would get a mode of 0666 (review r20).
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    umask = os.umask(0o077)  # the strictest meanwhile, not 0
    os.umask(umask)
    return umask


def write_all_atomic(contents: dict[Path, bytes]) -> int:
    """Write several files so that either all are replaced or none is.

    Each is written to a temporary file beside it first (flushed to disk, with
    the permission bits :func:`write_atomic` gives); only when every one is
    written are they renamed into place, each old file first moved aside. A
    failure while writing (a full disk, a folder where a file should be, no
    permission) or while renaming (a file that cannot be replaced) removes the
    temporary files, puts every old file back, and names the file meant, not
    the temporary one.

    A run that was killed (SIGKILL, out of memory) leaves its temporary files
    (``.<name>.XXXXXXXX.geosleuth-tmp``). While it writes, each writer holds a
    shared lock on the folder (:func:`_lock_folder`), which the system drops
    when the process dies: a writer that can take the folder's lock alone knows
    that no run is writing there, and removes every temporary file of ours in it,
    whatever its age (review r51, L1). Where another writer holds the lock, none
    is removed: a live run's copy of an old file keeps that file's age (review
    r56, L1). Where the folder cannot be locked (no ``fcntl``, a network file
    system that does not lock folders), those more than an hour old beside the
    files written are removed. :func:`temporaries_in` lists what is left.

    Returns
    -------
    int
        The temporary files of runs that died that were removed.
    """
    staged: list[tuple[str, Path]] = []
    locks: dict[Path, int | None] = {}  # each folder written to: its lock
    removed: list[Path] = []
    try:
        for path, data in contents.items():
            p = path.resolve() if path.is_symlink() else path
            if p.is_dir():
                raise IsADirectoryError(21, "Is a directory", str(p))
            p.parent.mkdir(parents=True, exist_ok=True)
            if p.parent not in locks:
                locks[p.parent] = _lock_folder(p.parent, removed)
            if locks[p.parent] is None:
                # no lock: the age rule alone; locked, another run's files are live
                _remove_stale_temporaries(p)
            try:
                mode = stat.S_IMODE(p.stat().st_mode)
            except FileNotFoundError:
                # mkstemp makes 0600; new outputs are to share
                mode = 0o666 & ~_umask()
            try:
                fd, tmp = tempfile.mkstemp(
                    prefix=f".{p.name}.", suffix=_TMP_SUFFIX, dir=p.parent
                )
                staged.append((tmp, p))
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.chmod(tmp, mode)
            except OSError as exc:
                raise type(exc)(exc.errno, exc.strerror, str(p)) from None
        _swap_in(staged)
    except BaseException:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise
    finally:
        for lock in locks.values():
            if lock is not None:
                os.close(lock)  # and the lock with it
    return len(removed)


#: The folders (device, inode) that this thread holds an exclusive lock on
#: (:func:`folder_exclusively`): a write there is the only one, and takes no
#: shared lock, which would wait on that one for ever.
_EXCLUSIVE = threading.local()


def _exclusive_here() -> set[tuple[int, int]]:
    held: set[tuple[int, int]] | None = getattr(_EXCLUSIVE, "folders", None)
    if held is None:
        held = _EXCLUSIVE.folders = set()
    return held


@contextlib.contextmanager
def folder_exclusively(folder: PathLike) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` (POSIX; elsewhere, no lock).

    What :func:`geosleuth.locate.append_items` holds while it reads and
    rewrites a case file, so that two ``searched`` runs take turns. No other
    writer is then alive in the folder (each holds a shared lock while it
    writes), and this thread's own writes there take none
    (:func:`_lock_folder`).
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    fd, key = _open_folder(folder)
    try:
        _flock_waiting(fd, fcntl.LOCK_EX, folder)
        _exclusive_here().add(key)
        try:
            yield
        finally:
            _exclusive_here().discard(key)
    finally:
        os.close(fd)  # closing releases the lock


def _open_folder(folder: PathLike) -> tuple[int, tuple[int, int]]:
    """A descriptor open on ``folder`` to lock it by, and its (device, inode).

    What :func:`folder_exclusively` and :func:`_lock_folder` lock the folder
    through (:func:`fcntl.flock`), and know it by in this thread's exclusive
    holds. The caller closes the descriptor, which releases any lock on it.

    Raises
    ------
    OSError
        If the folder cannot be opened (none, no permission, not a folder).
    """
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        st = os.fstat(fd)
    except OSError:
        os.close(fd)
        raise
    return fd, (st.st_dev, st.st_ino)


#: Seconds a writer waits on a folder's lock before it says so on stderr.
_WAIT_SAID = 1.0


def _flock_waiting(fd: int, operation: int, folder: PathLike) -> None:
    """:func:`fcntl.flock`, saying once on stderr when it waits over a second.

    It keeps waiting: another run holds the folder (review r56, L2).
    """
    import fcntl

    start = time.monotonic()
    while time.monotonic() - start < _WAIT_SAID:
        try:
            fcntl.flock(fd, operation | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            time.sleep(0.05)
    print(
        f"waiting for another geosleuth run writing to {os.fspath(folder)}",
        file=sys.stderr,
        flush=True,
    )
    fcntl.flock(fd, operation)


def _lock_folder(folder: Path, removed: list[Path]) -> int | None:
    """A shared lock on ``folder`` for writing into it; first, its dead temporaries.

    The lock is :func:`fcntl.flock` on the folder itself (no lock file is left
    behind), held by the descriptor returned until it is closed; the system
    drops it when the process dies, however it dies. Before taking it, an
    exclusive lock is tried without waiting: granted, no writer of ours is
    alive in the folder, so every temporary file of ours there (by its name,
    :func:`temporaries_in`) is a dead run's and is removed, and added to
    ``removed``. A folder that cannot be locked gives None (the age rule of
    :func:`_remove_stale_temporaries` then applies alone).
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return None
    try:
        fd, key = _open_folder(folder)
    except OSError:
        return None
    try:
        if key in _exclusive_here():
            # this thread holds the folder alone: every temporary file there is
            # a dead run's, and a shared lock would wait on its own
            os.close(fd)
            _remove_temporaries(folder, removed)
            return None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pass  # a run writing there now: its temporary files are its own
        else:
            _remove_temporaries(folder, removed)
        _flock_waiting(fd, fcntl.LOCK_SH, folder)  # waits for an exclusive holder
    except OSError:
        os.close(fd)
        return None
    return fd


def _remove_temporaries(folder: PathLike, removed: list[Path]) -> None:
    """Remove every temporary file of ours in ``folder``, adding each to ``removed``.

    Only where no run of ours is writing there (:func:`_lock_folder`).
    """
    for q in temporaries_in(folder):
        with contextlib.suppress(OSError):
            q.unlink()
            removed.append(q)


def temporaries_in(folder: PathLike) -> list[Path]:
    """The temporary files of ours in ``folder``: ``.<name>.XXXXXXXX.geosleuth-tmp``.

    Those of a run writing there now, or left by one that was killed; a link or
    a folder of that name is not one. What a user names so is taken for one:
    the suffix is geosleuth's.
    """
    found = []
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    for name in names:
        q = Path(folder, name)
        if _TMP_NAME.fullmatch(name) and q.is_file() and not q.is_symlink():
            found.append(q)
    return found


def _swap_in(staged: list[tuple[str, Path]]) -> None:
    """Rename each temporary file onto its path; on a failure, undo them all.

    Each old file is kept aside first as a hard link (a copy where links cannot
    be made), never moved: a rename that fails leaves its own file in place, and
    the files already replaced are put back from their copies.
    """
    done: list[tuple[Path, str | None]] = []  # (path, the copy of its old file)
    try:
        for tmp, p in staged:
            old = _keep_aside(p) if p.exists() else None
            try:
                os.replace(tmp, p)
            except OSError:
                if old is not None:
                    Path(old).unlink(missing_ok=True)
                raise
            done.append((p, old))
    except OSError as exc:
        for p, old in reversed(done):
            if old is not None:
                os.replace(old, p)
            else:
                p.unlink(missing_ok=True)
        failed = staged[len(done)][1] if len(done) < len(staged) else staged[-1][1]
        raise type(exc)(exc.errno, exc.strerror, str(failed)) from None
    for _, old in done:
        if old is not None:
            Path(old).unlink(missing_ok=True)


def _keep_aside(p: Path) -> str:
    """A hidden copy of ``p`` beside it (a hard link if it can), for an undo."""
    fd, old = tempfile.mkstemp(prefix=f".{p.name}.", suffix=_TMP_SUFFIX, dir=p.parent)
    os.close(fd)
    os.unlink(old)
    try:
        os.link(p, old)
    except OSError:
        shutil.copy2(p, old)
    return old


#: Age (s) past which a temporary file of ours is taken as left by a killed run.
_STALE_SECONDS = 3600.0
#: The end of the name of every temporary file of ours (``.<name>.XXXXXXXX`` and
#: this), so that a user's own hidden file (a dated backup ``.case.yaml.20241012``)
#: is never taken for one.
_TMP_SUFFIX = ".geosleuth-tmp"
#: The whole name of one (``tempfile.mkstemp``'s 8 characters in the middle).
_TMP_NAME = re.compile(r"\..+\.[a-z0-9_]{8}" + re.escape(_TMP_SUFFIX))


def _remove_stale_temporaries(path: Path) -> None:
    """Remove ``.<name>.XXXXXXXX.geosleuth-tmp`` files beside ``path`` over an hour old.

    Only names of that form are ours; any other file is the user's and stays.
    """
    folder = path.parent
    if not folder.is_dir():
        return
    now = time.time()
    for q in folder.glob(f".{glob_escape(path.name)}.*{_TMP_SUFFIX}"):
        tail = q.name[len(path.name) + 2 : -len(_TMP_SUFFIX)]
        try:
            if (
                len(tail) == 8
                and q.is_file()
                and not q.is_symlink()
                and now - q.stat().st_mtime > _STALE_SECONDS
            ):
                q.unlink()
        except OSError:
            continue


def posterior_bytes(grid: Grid, p: FloatArray) -> bytes:
    """The ``.npz`` bytes :func:`save_posterior` writes."""
    import io

    buf = io.BytesIO()
    np.savez_compressed(
        buf,
        p=np.asarray(p, dtype=np.float64),
        grid=np.array(json.dumps(grid.to_dict())),
    )
    return buf.getvalue()


def json_bytes(obj: Any) -> bytes:
    """``obj`` as the indented UTF-8 JSON :func:`write_json` writes."""
    return json.dumps(obj, indent=2, ensure_ascii=False).encode("utf-8")


def write_json(path: PathLike, obj: Any) -> None:
    """Write ``obj`` as indented UTF-8 JSON, atomically."""
    write_atomic(path, json_bytes(obj))


def _sig(x: float, digits: int = 6) -> float:
    """``x`` to ``digits`` significant figures (small probabilities keep their size)."""
    return float(f"{x:.{digits}g}")


def _reliability(item: EvidenceItem, est: Estimate) -> float:
    return _sig(item.p_true(est.settings.grades))


def estimate_record(
    est: Estimate,
    items: Sequence[EvidenceItem],
    *,
    target: str,
    title: str = "",
    timeline: Sequence[TimelinePoint] = (),
    timeline_max_points: int | None = None,
    known_by: dt.date | None = None,
    documents: Sequence[dict[str, Any]] = (),
    source: str | None = None,
    source_absolute: str | None = None,
    plan: dict[str, Any] | None = None,
    set_aside: Sequence[tuple[EvidenceItem, str]] = (),
    warnings: Sequence[str] = (),
    outputs: dict[str, str] | None = None,
    place_sources: dict[str, str] | None = None,
    inputs: Sequence[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The JSON record of an estimate (what ``estimate.json`` holds).

    Keys: ``as_of``, ``target``, ``p_alive``, ``search_miss`` (the chance that
    every search used would have missed a target in the region; null without
    searches), ``p_outside`` (the chance it is outside the region: the
    ``rest_of_world`` setting raised by those searches; the map and the places
    are given it is inside), ``hdr_km2`` (``{"50", "90"}``),
    ``headline`` (only where the ranked places mislead, an area named in the
    evidence holding more than the best place or the best place under 1 %: the
    sentence the summary and report.html lead with instead,
    :func:`geosleuth.report.text.headline_lead`, names as plain text),
    ``places`` (``{name, lat, lon, radius_km, probability, in_hdr90}``, best first),
    ``named_areas`` (``definition``, the sentence that says what the figures are,
    and ``areas``, ``{name, probability, area_km2, items}`` for each area a used
    item names, best first, with its ``kind`` where the items keep one (state,
    province, region, country, continent, drawn in the case file):
    :attr:`~geosleuth.fuse.Estimate.named_areas`),
    ``evidence`` (``{id, kind, source, contribution, ...}`` for every item, used or
    not), ``grid``, ``settings``, ``timeline`` (and ``timeline_max_points``, the
    most points it was allowed, so that ``geosleuth verify`` makes the same),
    ``known_by`` (the last day whose publications the estimate uses: ``as_of``'s,
    or a later day for a hindcast, ``locate --known-by``; see
    :func:`geosleuth.locate.fuse_known_by`), ``timeline_mode`` (``"known"``: each
    point as known on its date, ``locate --as-of DATE``; ``"event"``: a
    hindcast, each point from the items dated by then and known by
    ``known_by``, ``locate --as-of DATE --known-by KNOWN_BY``; null without a
    timeline), ``documents`` (the text of each article ``locate`` read itself,
    in which its items' spans count: ``{doc_id, document, source, title,
    text_sha256, chars, text}``; see :func:`geosleuth.locate.locate_case`),
    ``plan`` (the summary of the plan ``locate --budget-km`` made, else null; see
    :func:`geosleuth.locate.plan_summary`), ``set_aside`` (items read from
    articles and left out before fusion, such as repeats of case items: ``{id,
    kind, reason, source, item}``; not inputs of the estimate), ``warnings``
    (the texts of what the run warned of, such as "the map is the prior alone",
    in the order given), ``outputs`` (the SHA-256 of each file written with it,
    ``report.html``, ``map.png`` and ``estimate.geojson``, by which ``geosleuth
    verify`` knows them unchanged; null where none were written), ``inputs``
    (each file ``geosleuth locate`` read, ``{path, sha256}``, the path as
    :func:`case_reference` writes it, with ``absolute`` beside it for a file
    outside the folder's parent (:func:`case_fallback`; so ``case_absolute``
    beside ``case``), and the SHA-256 of the file as read, so
    that ``geosleuth verify`` tells one edited or replaced since; null where
    not recorded, as where the caller names the inputs, ``locate_case(...,
    source=)``, and binds them itself, as the service's ``run.json`` does),
    ``place_sources`` (where the case's places' coordinates come from, by name,
    as the case says), ``generator``, ``format_version``
    (:data:`ESTIMATE_FORMAT`; none in older files).
    """
    contrib = {c.item_id: c for c in est.contributions}
    excluded = dict(est.excluded)
    evidence = []
    for item in items:
        c = contrib.get(item.id)
        prov = item.provenance
        evidence.append(
            {
                "id": item.id,
                "kind": item.kind,
                "used": item.id in est.used,
                "excluded_because": excluded.get(item.id),
                "date": item.date.isoformat(),
                "date_from": item.date_from.isoformat() if item.date_from else None,
                "time": time_text(item.time) if item.time is not None else None,
                "place": getattr(item, "place_name", None),
                "grade": str(item.grade) if item.grade else None,
                "hedge": item.hedge,
                "reliability": _reliability(item, est),
                "contribution": {
                    "map_shift": _sig(c.map_shift) if c else 0.0,
                    "p_alive_shift": _sig(c.p_alive_shift) if c else 0.0,
                    "top_place_without": (
                        _sig(c.top_place_without)
                        if c and c.top_place_without is not None
                        else None
                    ),
                    "weight": _sig(c.weight) if c else 1.0,
                    # only where set: the factor whose whole shift this is
                    **({"whole": c.whole} if c and c.whole is not None else {}),
                },
                # a search's probability of success on the map of its day
                "found_if_in_region": (
                    _sig(est.search_found[item.id])
                    if item.id in est.search_found
                    else None
                ),
                "source": prov.to_dict(),
                "note": item.note,
                "item": item.to_dict(),
            }
        )
    return {
        "generator": f"geosleuth {__version__}",
        "format_version": ESTIMATE_FORMAT,
        "title": title or target,
        "target": target,
        "as_of": est.as_of.isoformat(),
        "known_by": (known_by or calendar_day(est.as_of)).isoformat(),
        # only where given: the time of day on as_of the map is for
        **({"as_of_time": time_text(at)} if (at := time_of(est.as_of)) else {}),
        "case": source,
        # only for a case file outside the folder's parent: found so when the
        # folder is moved alone (case_fallback)
        **({"case_absolute": source_absolute} if source_absolute else {}),
        "p_alive": _sig(est.p_alive),
        # exact: 0.9999996 rounded to 1.0 would read as 'nothing left to search'
        "search_miss": est.search_miss,
        "p_outside": est.p_outside,
        "hdr_km2": {k: _sig(v, 9) for k, v in est.hdr_km2.items()},
        "top_place_leave_one_out": _top_range(est),
        # only where the ranked places mislead: what the summary, report.html
        # and the service's pages lead with instead of the best place
        **({"headline": lead} if (lead := headline_lead(est)) else {}),
        "places": [
            {
                "name": p.name,
                "lat": p.lat,
                "lon": p.lon,
                "radius_km": p.radius_km,
                "probability": _sig(p.probability),
                "in_hdr90": p.in_hdr90,
            }
            for p in est.places
        ],
        "named_areas": {
            "definition": AREA_DEFINITION,
            "areas": [
                {
                    "name": a.name,
                    # only where the items keep it: older runs verify as they were
                    **({"kind": a.kind} if a.kind else {}),
                    "probability": _sig(a.probability),
                    "area_km2": _sig(a.area_km2, 9),
                    "items": list(a.items),
                }
                for a in est.named_areas
            ],
        },
        "evidence": evidence,
        "timeline": [
            {
                "as_of": t.as_of.isoformat(),
                **({"as_of_time": time_text(a)} if (a := time_of(t.as_of)) else {}),
                "p_alive": _sig(t.p_alive),
                "probabilities": {k: _sig(v) for k, v in t.probabilities.items()},
                "new_items": list(t.new_items),
                "mode": t.mode,
                "p_outside": t.p_outside,
            }
            for t in timeline
        ],
        "timeline_max_points": timeline_max_points,
        "timeline_mode": timeline[-1].mode if timeline else None,
        "plan": plan,
        "set_aside": [
            {
                "id": item.id,
                "kind": item.kind,
                "reason": reason,
                "source": item.provenance.to_dict(),
                "item": item.to_dict(),
            }
            for item, reason in set_aside
        ],
        "warnings": [str(w) for w in warnings],
        "grid": est.grid.to_dict(),
        "settings": est.settings.to_dict(),
        "posterior_file": "posterior.npz",
        "outputs": dict(outputs) if outputs is not None else None,
        "inputs": [dict(i) for i in inputs] if inputs is not None else None,
        "place_sources": dict(place_sources or {}),
        # the texts the spans count in (review r63, L1), last: the largest part
        "documents": [dict(d) for d in documents],
        "generated": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }


def case_reference(case: PathLike, out: PathLike) -> str:
    """How ``estimate.json`` names its case file, so that it is found from anywhere.

    Its path from the output folder ``out``, with as many ``..`` as it takes
    (``../hiker.yaml``: the case beside its outputs; ``../../data/events.csv``:
    an event set's CSV file elsewhere in the project), so that a project folder
    copied or moved whole still finds its own files, not the old tree's copies
    (review r41, L6; before, a file outside ``out``'s parent was named by its
    absolute path). Its absolute path only where no path leads from ``out`` to
    it: on another drive (Windows). ``geosleuth verify`` and ``geosleuth plan``
    find it from any directory, not only from the one ``locate`` ran in (review
    19), and read an absolute path that older runs wrote as before. A file
    outside ``out``'s parent gets its absolute path recorded beside this one
    (:func:`case_fallback`), so that ``out`` moved alone still finds it.
    :func:`case_candidates` reads both; ``profile.json`` names its events file so.

    Examples
    --------
    >>> case_reference("/cases/hiker.yaml", "/cases/hiker-out")
    '../hiker.yaml'
    >>> case_reference("/cases/out/case.yaml", "/cases/out")
    'case.yaml'
    >>> case_reference("/data/hiker.yaml", "/runs/2024/out")
    '../../../data/hiker.yaml'
    """
    case_abs = Path(os.path.abspath(os.fspath(case))).resolve()
    out_abs = Path(os.path.abspath(os.fspath(out))).resolve()
    try:
        return Path(os.path.relpath(case_abs, out_abs)).as_posix()
    except ValueError:  # another drive: no path leads there from out
        return case_abs.as_posix()


def case_fallback(case: PathLike, out: PathLike) -> str | None:
    """The absolute path recorded beside :func:`case_reference`'s, or None.

    For a file outside ``out``'s parent folder: its path from ``out`` finds it
    when the project is copied or moved whole, this one when ``out`` is moved
    alone (as it did before review r41, L6, when it was the only path). None
    for a file in ``out``'s parent or below it, which moves with ``out``, as a
    service run's files do (no path on the server is written, review 20, F7),
    and where the reference is absolute already.

    Examples
    --------
    >>> case_fallback("/cases/hiker.yaml", "/cases/hiker-out") is None
    True
    >>> case_fallback("/data/hiker.yaml", "/runs/2024/out")
    '/data/hiker.yaml'
    """
    case_abs = Path(os.path.abspath(os.fspath(case))).resolve()
    out_abs = Path(os.path.abspath(os.fspath(out))).resolve()
    if case_abs.is_relative_to(out_abs.parent):
        return None
    if Path(case_reference(case_abs, out_abs)).is_absolute():
        return None
    return case_abs.as_posix()


def case_candidates(
    case: str, folder: PathLike, *, absolute: object = None
) -> tuple[Path, ...]:
    """Where the case file an ``estimate.json`` names may be, most likely first.

    ``case`` is the record's ``case`` (or an ``inputs`` entry's ``path``);
    ``folder`` the folder of the ``estimate.json``; ``absolute`` the absolute
    path recorded beside it (:func:`case_fallback`: ``case_absolute``, an
    entry's ``absolute``), if any, taken only where it ends as ``case`` does.
    The path from the folder (how
    :func:`case_reference` writes it, and a service run's ``case.yaml``), then
    a copy of it beside the estimate, then ``absolute`` (the folder moved
    alone), then the path from the working directory (how runs before review
    19 wrote it: from the directory ``locate`` ran in). The first is taken
    from the folder resolved, as :func:`case_reference` wrote it; an absolute
    ``case`` (as runs before review r41, L6, wrote a file elsewhere) is itself.

    Examples
    --------
    >>> [p.as_posix() for p in case_candidates("../hiker.yaml", "/cases/out")]
    ['/cases/hiker.yaml', '/cases/out/hiker.yaml', '../hiker.yaml']
    >>> moved = case_candidates("../../data/h.yaml", "/u/moved/out",
    ...                         absolute="/u/proj/data/h.yaml")  # out moved alone
    >>> [p.as_posix() for p in moved]  # doctest: +NORMALIZE_WHITESPACE
    ['/u/data/h.yaml', '/u/moved/out/h.yaml', '/u/proj/data/h.yaml',
     '../../data/h.yaml']
    """
    named, where = Path(case), Path(os.fspath(folder))
    from_out = Path(os.path.normpath(Path(os.path.abspath(where)).resolve() / named))
    # the absolute path only where it names the file ``case`` does (ends alike):
    # not once the record's ``case`` was edited to name another
    tail = tuple(part for part in named.parts if part not in ("..", "."))
    also = (
        [Path(absolute)]
        if isinstance(absolute, str)
        and Path(absolute).is_absolute()
        and tail
        and Path(absolute).parts[-len(tail) :] == tail
        else []
    )
    return tuple(dict.fromkeys((from_out, where / named.name, *also, named)))


#: A cache of file digests: ``(device, inode, size, mtime_ns)`` to SHA-256.
DigestCache = MutableMapping[tuple[int, int, int, int], str]


def sha256_of_file(
    path: PathLike, *, follow_links: bool = True, cache: DigestCache | None = None
) -> str | None:
    """The SHA-256 of a plain file, in hex; None for anything else, or unreadable.

    Parameters
    ----------
    path : path-like
        The file. A folder, a pipe or a missing file gives None.
    follow_links : bool, default True
        False: a link gives None, and the file is opened without following one
        (how the service reads what its cases hold).
    cache : mutable mapping or None, default None
        Digests already computed, by ``(device, inode, size, mtime_ns)``; the
        digest of a file not in it is added (at most about 4,000 kept).

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = path.write_bytes(b"abc")
    >>> sha256_of_file(path)[:16], sha256_of_file(path.parent)
    ('ba7816bf8f01cfea', None)
    >>> link = path.with_name("b.txt")
    >>> link.symlink_to(path)
    >>> sha256_of_file(link)[:16], sha256_of_file(link, follow_links=False)
    ('ba7816bf8f01cfea', None)
    """
    try:
        st = os.stat(path) if follow_links else os.lstat(path)
        if not stat.S_ISREG(st.st_mode):
            return None
        key = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
        if cache is not None and key in cache:
            return cache[key]
        digest = hashlib.sha256()
        flags = os.O_RDONLY | (0 if follow_links else getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(os.open(path, flags), "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    if cache is not None:
        if len(cache) > 4096:  # files long gone: start again
            cache.clear()
        cache[key] = digest.hexdigest()
    return digest.hexdigest()


def is_sha256(value: Any) -> bool:
    """Whether ``value`` is a SHA-256 as these records write it: 64 hex digits.

    Examples
    --------
    >>> is_sha256(sha256_hex(b"")), is_sha256("abc"), is_sha256(None)
    (True, False, False)
    """
    return isinstance(value, str) and re.fullmatch(r"[0-9a-f]{64}", value) is not None


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data``, in hex: how ``estimate.json`` knows its outputs.

    Examples
    --------
    >>> sha256_hex(b"")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(data).hexdigest()


def record_differences(
    stored: Any, fresh: Any, *, path: str = "", rel: float = 1e-5, abs_: float = 1e-12
) -> list[str]:
    """Where two estimate records (JSON values) differ, as dotted paths.

    Numbers agree within ``rel`` (relative) or ``abs_`` (absolute): the records
    round to 6 significant figures, so a recomputation that differs in the last
    bits can round one unit apart, and no more.

    Examples
    --------
    >>> record_differences({"a": [1.0, 2.0], "b": "x"}, {"a": [1.0, 2.5], "b": "x"})
    ['a[1]']
    >>> record_differences({"p": 0.1234561}, {"p": 0.1234562})
    []
    >>> record_differences({"p": float("inf")}, {"p": float("inf")})
    ['p']
    """
    if isinstance(stored, bool) or isinstance(fresh, bool) or stored is None:
        return [] if stored == fresh else [path or "."]
    if isinstance(stored, (int, float)) and isinstance(fresh, (int, float)):
        if not (math.isfinite(stored) and math.isfinite(fresh)):
            # an estimate stores finite numbers (or null): Infinity or NaN in one
            # was put there by hand, and inf - inf would "agree" with anything
            return [path or "."]
        close = abs(stored - fresh) <= max(rel * max(abs(stored), abs(fresh)), abs_)
        return [] if close else [path or "."]
    if isinstance(stored, dict) and isinstance(fresh, dict):
        if stored.keys() != fresh.keys():
            return [path or "."]
        return [
            d
            for k in stored
            for d in record_differences(
                stored[k],
                fresh[k],
                path=f"{path}.{k}" if path else k,
                rel=rel,
                abs_=abs_,
            )
        ]
    if isinstance(stored, list) and isinstance(fresh, list):
        if len(stored) != len(fresh):
            return [path or "."]
        return [
            d
            for i, (a, b) in enumerate(zip(stored, fresh, strict=True))
            for d in record_differences(a, b, path=f"{path}[{i}]", rel=rel, abs_=abs_)
        ]
    return [] if stored == fresh else [path or "."]


def _top_range(est: Estimate) -> dict[str, Any] | None:
    rng = est.top_place_range()
    if rng is None:
        return None
    return {
        "name": est.places[0].name,
        "min": _sig(rng[0]),
        "max": _sig(rng[1]),
        "meaning": "probability of the best place when any one item is left out",
    }


#: The files ``geosleuth locate`` writes beside ``posterior.npz``, by the names it
#: gives them: any of them stands for its run (:func:`load_posterior`).
RUN_OUTPUTS = frozenset({"estimate.json", "estimate.geojson", "report.html", "map.png"})


def save_posterior(path: PathLike, grid: Grid, p: FloatArray) -> None:
    """Write the posterior and its grid to an ``.npz`` file, atomically."""
    write_atomic(path, posterior_bytes(grid, p))


def posterior_path(path: PathLike) -> Path:
    """The ``posterior.npz`` that ``path`` stands for (see :func:`load_posterior`).

    Raises
    ------
    InputError
        If ``path`` is neither a folder, an ``.npz`` file nor one of
        :data:`RUN_OUTPUTS`, or the posterior it stands for is not there.

    Examples
    --------
    >>> posterior_path("no/such/run/notes.json")
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: no/such/run/notes.json is not an output of ...
    """
    given = Path(os.fspath(path))
    p = given
    if p.is_dir():
        p = p / "posterior.npz"
    elif p.suffix.lower() != ".npz":
        if p.name not in RUN_OUTPUTS:
            others = ", ".join(sorted(RUN_OUTPUTS - {"estimate.json"}))
            raise InputError(
                f"{given} is not an output of 'geosleuth locate': give its output "
                "folder, its estimate.json or its posterior.npz (or another of the "
                f"files it writes: {others}).",
                path=str(given),
            )
        p = p.with_name("posterior.npz")
    if not p.is_file():
        beside = "" if p == given or given.is_dir() else f", beside {given.name}"
        raise InputError(
            f"No posterior at {p}{beside}: give the output folder of 'geosleuth "
            "locate', its estimate.json or its posterior.npz.",
            path=str(p),
        )
    return p


def load_posterior(path: PathLike) -> tuple[Grid, FloatArray]:
    """Read a posterior written by :func:`save_posterior`.

    ``path`` may be the ``.npz`` file, the output folder of ``geosleuth locate``,
    or another of the files ``locate`` writes there, by the name it gives them
    (:data:`RUN_OUTPUTS`: ``estimate.json``, ``estimate.geojson``,
    ``report.html``, ``map.png``): the ``posterior.npz`` beside it is read. Any
    other file is refused, whatever lies beside it (:func:`posterior_path`).

    Raises
    ------
    InputError
        If ``path`` is none of these, the file is missing or malformed, or ``p``
        does not fit the grid or does not sum to 1.
    """
    p = posterior_path(path)
    try:
        with np.load(p, allow_pickle=False) as data:
            arr = np.array(data["p"], dtype=np.float64)
            grid = Grid.from_dict(read_json(str(data["grid"])))
    except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile) as exc:
        reason = "a field is missing" if isinstance(exc, KeyError) else "unreadable"
        raise InputError(
            f"{p} is not a posterior written by 'geosleuth locate' ({reason}: an "
            "npz archive with the arrays 'p' and 'grid' was expected).",
            path=str(p),
        ) from None
    if (
        arr.shape != (grid.n_cells,)
        or not np.isfinite(arr).all()
        or (arr < 0).any()
        or abs(float(arr.sum()) - 1.0) > 1e-6
    ):
        raise InputError(
            f"The posterior in {p} must be {grid.n_cells} non-negative numbers summing "
            f"to 1; got shape {arr.shape}, sum {float(np.nansum(arr)):.6g}.",
            path=str(p),
        )
    arr.setflags(write=False)
    return grid, arr


#: How the reason of an item left out as another person's begins, in ``set_aside``
#: (:func:`geosleuth.locate.locate_case`): such items are "left out", the
#: others (repeats of the case file's items) "read but not counted".
OTHER_PERSON = "read for another person"


def n_other_person(reasons: Iterable[Any]) -> int:
    """How many of the ``set_aside`` reasons are of items read for another person.

    Examples
    --------
    >>> n_other_person([f"{OTHER_PERSON}: ...", "read from a.txt, it quotes ..."])
    1
    """
    return sum(isinstance(r, str) and r.startswith(OTHER_PERSON) for r in reasons)


def set_aside_differences(stored: Any) -> list[str]:
    """Where a record's ``set_aside`` list is not one a run writes, as paths.

    Each entry is ``{id, kind, reason, source, item}`` (:func:`estimate_record`):
    its item must read back (:func:`~geosleuth.evidence.item_from_dict`), its
    ``id``, ``kind`` and ``source`` must be the item's, and its reason a text.
    A record without the list (an older run) has none to compare.

    Examples
    --------
    >>> set_aside_differences([{"id": "x"}])
    ['set_aside[0]']
    >>> set_aside_differences(None), set_aside_differences([])
    ([], [])
    """
    if stored is None:
        return []
    if not isinstance(stored, list):
        return ["set_aside"]
    out = []
    for k, entry in enumerate(stored):
        where = f"set_aside[{k}]"
        if not (
            isinstance(entry, dict)
            and set(entry) == {"id", "kind", "reason", "source", "item"}
        ):
            out.append(where)
            continue
        try:
            item = item_from_dict(entry["item"])
        except (KeyError, TypeError, ValueError, AttributeError):
            out.append(f"{where}.item")
            continue
        own = json.loads(
            json.dumps(
                {"id": item.id, "kind": item.kind, "source": item.provenance.to_dict()},
                default=str,
            )
        )
        out.extend(f"{where}.{key}" for key in own if entry[key] != own[key])
        if not (isinstance(entry["reason"], str) and entry["reason"].strip()):
            out.append(f"{where}.reason")
    return out


def places_unlike_items(
    stored: Any, items: Sequence[EvidenceItem], used: Sequence[str]
) -> list[str]:
    """Where the ranked places of a record disagree with the items' own places.

    The places an estimate ranks are inputs, read back from its record; these
    checks tie them to the evidence. Each named point place of a sighting or
    claim the estimate used must be ranked under that name, alone or among the
    names of places ranked as one ("Hajin (Hajīn)"; else ``"places: <name>
    (missing)"``), and a ranked place at the very point of an item's place must
    bear one of the names of the items at that point (else ``"places[<k>].name"``:
    names swapped between places). ``used`` are the ids
    of the items the estimate used.

    Examples
    --------
    >>> import datetime as dt
    >>> from geosleuth.evidence import Provenance, Sighting
    >>> from geosleuth.fuse import fuse
    >>> from geosleuth.geometry import Point
    >>> s = Sighting(id="s", provenance=Provenance(document="d"), sigma_km=5.0,
    ...              date=dt.date(2020, 1, 1), place=Point(7.2, 46.1),
    ...              place_name="Sion")
    >>> est = fuse([s], Grid.around(7.2, 46.1, radius_km=20, cell_km=2),
    ...            as_of=dt.date(2020, 1, 1))
    >>> rows = [{"name": "Bern", "lon": 7.2, "lat": 46.1}]
    >>> places_unlike_items(rows, [s], est.used)
    ['places[0].name', 'places: Sion (missing)']
    """
    from geosleuth.evidence import Claim, Rings, Sighting
    from geosleuth.geometry import Point

    rows = stored if isinstance(stored, list) else []
    named: dict[str, list[tuple[float, float]]] = {}
    at: dict[tuple[float, float], set[str]] = {}
    in_use = set(used)
    for item in (i for i in items if i.id in in_use):
        geom = getattr(item, "place", None)
        name = getattr(item, "place_name", None)
        named_kind = isinstance(item, (Sighting, Claim, Rings))
        if named_kind and name and isinstance(geom, Point):
            named.setdefault(name, []).append((geom.lon, geom.lat))
            at.setdefault((geom.lon, geom.lat), set()).add(name)
    out = []
    ranked: set[str] = set()
    for k, row in enumerate(rows):
        if not isinstance(row, dict):
            continue
        spellings = _spellings(str(row.get("name")))
        ranked |= spellings
        try:
            point = (float(row["lon"]), float(row["lat"]))
        except (KeyError, TypeError, ValueError):
            continue
        owners = at.get(point)
        if owners is not None and not owners & spellings:
            out.append(f"places[{k}].name")
    out += [f"places: {name} (missing)" for name in named if name not in ranked]
    return out


def _spellings(name: str) -> set[str]:
    """The names a ranked place stands for: "Hajin (Hajīn)" is Hajin and Hajīn.

    Places at one location, or alike on much the same ground, are ranked as one,
    the others' names in parentheses (:func:`geosleuth.fuse.posterior._merge_places`
    and ``_fold_alike``); the whole name counts too. A first name with
    parentheses of its own leads a row as it is: "Santa Cruz (Bolivia) (Warnes)"
    is Santa Cruz (Bolivia) and Warnes.

    Examples
    --------
    >>> names = _spellings("Santa Cruz (Bolivia) (Warnes)")
    >>> "Santa Cruz (Bolivia)" in names and "Warnes" in names
    True
    """
    out = {name}
    if name.endswith(")") and " (" in name:
        for lead, _, rest in (name[:-1].partition(" ("), name[:-1].rpartition(" (")):
            out |= {lead, *rest.split(", ")}
    return out


_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class StoredEstimate:
    """What an ``estimate.json`` holds: enough to recompute the estimate."""

    as_of: dt.date
    target: str
    items: tuple[EvidenceItem, ...]
    grid: Grid
    settings: Settings
    places: tuple[NamedPlace, ...]
    record: dict[str, Any]


def _stored_as_of(record: dict[str, Any], field: Callable[..., Any]) -> dt.date:
    """The stored ``as_of``, at its ``as_of_time`` when the record has one."""
    day: dt.date = field("as_of", "a date written YYYY-MM-DD", dt.date.fromisoformat)
    if record.get("as_of_time") is None:
        return day
    at: dt.time = field(
        "as_of_time",
        "a time of day written HH:MM",
        lambda v: parse_time(v, "as_of_time"),
    )
    return AsOf.of(day, at)


def load_estimate(path: PathLike) -> StoredEstimate:
    """Read ``estimate.json`` (or the folder holding it) back into inputs of ``fuse``.

    ``path`` may also be another file of that folder (``posterior.npz``,
    ``report.html``): the ``estimate.json`` beside it is read.

    Raises
    ------
    InputError
        If the file is missing, not JSON, or lacks the fields to recompute.
    """
    p = Path(os.fspath(path))
    if p.is_dir():
        p = p / "estimate.json"
    elif p.suffix.lower() != ".json":  # posterior.npz, report.html: the folder's
        p = p.with_name("estimate.json")
    try:
        record = read_json(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"Cannot read the estimate {p}: {exc}.", path=str(p)) from None
    if not isinstance(record, dict):
        raise InputError(
            f"The estimate {p} holds a JSON {type(record).__name__}, not the object "
            "'geosleuth locate' writes.",
            path=str(p),
        )

    def field(name: str, expected: str, build: Callable[[Any], _T]) -> _T:
        """``build(record[name])``, or an error naming the field and the file."""
        if name not in record:
            raise InputError(
                f"The estimate {p} lacks the field {name!r} ({expected}), which is "
                "needed to recompute it.",
                path=str(p),
                field=name,
            )
        try:
            return build(record[name])
        except InputError as exc:
            raise InputError(exc.message, path=str(p), field=name) from None
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise InputError(
                f"The field {name!r} of the estimate {p} must be {expected}; it "
                f"cannot be read ({type(exc).__name__}: {exc}).",
                path=str(p),
                field=name,
            ) from None

    return StoredEstimate(
        as_of=_stored_as_of(record, field),
        target=field("target", "the name of whoever is sought", str),
        items=field(
            "evidence",
            "a list of {'item': ...} objects",
            lambda v: tuple(item_from_dict(e["item"]) for e in _a_list(v)),
        ),
        grid=field("grid", "a grid description", Grid.from_dict),
        settings=field("settings", "the settings used", Settings.from_dict),
        places=field(
            "places",
            "a list of {name, lon, lat} objects",
            lambda v: tuple(
                NamedPlace(str(q["name"]), float(q["lon"]), float(q["lat"]))
                for q in _a_list(v)
            ),
        ),
        record=record,
    )


def _a_list(value: Any) -> list[Any]:
    """``value`` if it is a list; a TypeError otherwise (a string is no list)."""
    if not isinstance(value, list):
        raise TypeError(f"a JSON {type(value).__name__}, not a list")
    return value
