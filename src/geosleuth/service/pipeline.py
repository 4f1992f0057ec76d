"""What a request asks of the library: check a case, read a report, estimate, search.

Each function here is plain, blocking Python that calls the library
(:func:`geosleuth.casefile.parse_case`, :func:`geosleuth.read.read_document`,
:func:`geosleuth.locate.locate_case`; searches are in
:mod:`geosleuth.service.searches`) and raises
:class:`~geosleuth.errors.GeosleuthError` for bad input; the web layer
(:mod:`geosleuth.service.app`) runs them in worker threads and turns the errors into
JSON. Warnings the library gives (:class:`~geosleuth.errors.GeosleuthWarning`) are
collected and returned with the result, never printed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import math
import os
import re
import threading
import warnings
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geosleuth.casefile import MAX_YAML_NODES, Case, parse_case
from geosleuth.errors import (
    CaseFileError,
    GeosleuthWarning,
    InputError,
    MissingDependencyError,
)
from geosleuth.evidence import as_of_text
from geosleuth.report.files import n_other_person, write_atomic
from geosleuth.service.runinputs import input_record
from geosleuth.service.store import CaseStore

if TYPE_CHECKING:
    from geosleuth.service.workers import Workers

__all__ = [
    "MAX_CELLS",
    "MAX_YAML_NODES",
    "check_case_text",
    "collected_warnings",
    "estimate_summary",
    "parse_date",
    "shown",
    "parse_positive",
    "reading_summary",
    "run_estimate",
    "warm_up",
]

# warnings.catch_warnings changes process-wide state: the library calls that
# collect warnings take turns (they are CPU-bound and hold the GIL most of the
# time, so little is lost). Where a case lock is also held, it is taken first.
_WARNINGS_LOCK = threading.RLock()
# an estimate runs with the case's folder as the working folder (_write_estimate):
# one at a time in a process
_WORKING_FOLDER_LOCK = threading.Lock()

#: The most cells an estimate of the service may have: a case file whose
#: ``grid.max_cells`` allows more is refused. A worker needs about 150 MB a
#: million cells (review 20, F5: 1.2 GB for 7.9 million), and two of them share
#: the machine with the team's other work.
MAX_CELLS = 4_000_000


@contextlib.contextmanager
def collected_warnings() -> Iterator[list[str]]:
    """Collect geosleuth's warnings raised inside the block, as ``Type: message``.

    Examples
    --------
    >>> from geosleuth.errors import EvidenceWarning
    >>> with collected_warnings() as found:
    ...     warnings.warn("item x left out", EvidenceWarning, stacklevel=1)
    >>> found
    ['EvidenceWarning: item x left out']
    """
    found: list[str] = []
    with _WARNINGS_LOCK, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", GeosleuthWarning)
        try:
            yield found
        finally:
            found.extend(
                f"{w.category.__name__}: {w.message}"
                for w in caught
                if issubclass(w.category, GeosleuthWarning)
            )


def shown(value: Any, limit: int) -> str:
    """``value`` as the client wrote it in JSON, cut to ``limit`` characters.

    A request's values come from JSON or form fields, so an error names them in
    JSON's words (``true``, ``null``, ``"x"``), not Python's (``True``, ``None``).

    Examples
    --------
    >>> shown(True, 40), shown(None, 40), shown("13/10", 40), shown([1, 2], 40)
    ('true', 'null', '"13/10"', '[1, 2]')
    >>> shown("x" * 50, 8)
    '"xxxxxxx'
    """
    return json.dumps(value, ensure_ascii=False, default=str)[:limit]


def parse_date(value: Any, field: str) -> dt.date | None:
    """``value`` (``YYYY-MM-DD`` or None) as a date.

    Raises
    ------
    InputError
        Naming ``field``, for anything else.

    Examples
    --------
    >>> parse_date("2024-10-13", "as_of")
    datetime.date(2024, 10, 13)
    >>> parse_date("13/10/2024", "as_of")
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: 'as_of' must be a date written YYYY-MM-DD. Got ...
    >>> parse_date("2024-02-30", "as_of")
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: 'as_of' is written YYYY-MM-DD, but 2024-02-30 is ...
    """
    if value is None or value == "":
        return None
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise InputError(
                f"{field!r} is written YYYY-MM-DD, but {value} is not a day of the "
                "calendar (check the month and the day).",
                field=field,
            ) from None
    raise InputError(
        f"{field!r} must be a date written YYYY-MM-DD. Got {shown(value, 40)} instead.",
        field=field,
    )


def parse_positive(value: Any, field: str, *, most: float = math.inf) -> float | None:
    """``value`` as a positive finite number (a numeric string too), or None.

    A number above ``most`` is refused too (a budget of 1e12 km).

    Raises
    ------
    InputError
        Naming ``field``, for anything else.

    Examples
    --------
    >>> parse_positive("12.5", "budget_km"), parse_positive(None, "budget_km")
    (12.5, None)
    >>> parse_positive(10**400, "budget_km")
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: 'budget_km' must be a positive number. Got 1000...
    >>> parse_positive(-1, "budget_km")
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: 'budget_km' must be a positive number. Got -1 ...
    """
    if value is None or value == "":
        return None
    number: float | None = None
    if isinstance(value, (int, float, str)) and not isinstance(value, bool):
        with contextlib.suppress(ValueError, OverflowError):  # e.g. 10**400
            number = float(value)
    if number is None or not (math.isfinite(number) and number > 0):
        raise InputError(
            f"{field!r} must be a positive number. Got {shown(value, 40)} instead.",
            field=field,
        )
    if number > most:
        raise InputError(
            f"{field!r} must be at most {most:g}. Got {number:g} instead.",
            field=field,
        )
    return number


# ------------------------------------------------------------------- case files
def check_case_text(
    text: str, *, source: str = "case.yaml", max_cells: int = MAX_CELLS
) -> Case:
    r"""Validate case-file text sent to the service; return the parsed case.

    The text is parsed with :func:`geosleuth.casefile.parse_case` with
    ``read_files=False``, so an event set's ``csv:`` (a path on the server, even
    one brought in by a YAML merge key) is refused before any file is looked at:
    give the events inline under ``events:``. A document whose aliases add more
    than :data:`MAX_YAML_NODES` nodes to it as loaded is refused too, as
    ``parse_case`` refuses it for every case file (the CLI's as well); a large
    document written out plainly is not.

    A grid that may have more than ``max_cells`` cells (``grid.max_cells``; no
    grid ever has more cells than it allows, whatever its ``cell_km`` or region)
    is refused too, rather than cut down: a run's copy of the case file must be
    the one its estimate came from, so that ``geosleuth verify`` recomputes it.

    Raises
    ------
    CaseFileError
        With ``line`` and ``field``, for any of those or any invalid case.

    Examples
    --------
    >>> check_case_text("target: x\nevidence:\n  - {id: e, kind: territory, "
    ...                 "date: 2024-01-01, csv: /etc/passwd}\n")
    Traceback (most recent call last):
    ...
    geosleuth.errors.CaseFileError: The 'csv' of territory 'e' (case.yaml, line 3) ...
    """
    with collected_warnings():
        case = parse_case(text, source=source, read_files=False)
    if case.grid_max_cells > max_cells:
        line = _line_of_key(text, "max_cells")
        where = f"{source}, line {line}" if line else source
        raise CaseFileError(
            f"The grid's 'max_cells' ({where}) is {case.grid_max_cells:,}, more "
            f"than the {max_cells:,} cells this service computes an estimate on (a "
            "worker needs about 150 MB a million). Give a 'max_cells' of at most "
            f"{max_cells:,}, with a 'cell_km' that keeps within it (or none: the "
            "smallest that does is taken); 'geosleuth locate' computes finer grids "
            "on a machine of your own.",
            path=source,
            line=line,
            field="grid.max_cells",
        )
    return case


def _line_of_key(text: str, key: str) -> int | None:
    r"""The line (from 1) where ``key:`` is first written, outside comments.

    Examples
    --------
    >>> _line_of_key("# max_cells: 1\ngrid: {cell_km: 1, max_cells: 9}\n", "max_cells")
    2
    """
    pattern = re.compile(rf"(?:^|[\s{{,]){re.escape(key)}\s*:")
    for number, line in enumerate(text.splitlines(), 1):
        if pattern.search(line.split("#", 1)[0]):
            return number
    return None


def warm_up() -> None:
    """Load what readings use: the gazetteer, and spaCy's model where installed.

    Each worker process calls it as it starts (``warm_up`` of
    :class:`~geosleuth.service.workers.Workers`), so the first reading a worker
    makes is timed as the others are, not with the seconds these take to load
    (review 20, F11: a ``--time-limit`` shorter than the load failed every
    reading).
    """
    from geosleuth.gazetteer import Gazetteer
    from geosleuth.read.toponyms import load_nlp

    Gazetteer.default()
    with contextlib.suppress(MissingDependencyError):  # read by rules alone
        load_nlp()


# ------------------------------------------------------------------- documents
def reading_summary(reading: Any) -> dict[str, Any]:
    """The counts of a :class:`~geosleuth.read.Reading` and its evidence ids."""
    kinds = Counter(item.kind for item in reading.evidence)
    places = sorted({m.name for m in reading.mentions if getattr(m, "name", None)})
    return {
        "doc_id": reading.doc_id,
        "title": reading.title,
        "target": reading.target,
        "published": reading.published.isoformat() if reading.published else None,
        "counts": {
            "places": len(places),
            "mentions": len(reading.mentions),
            "evidence": len(reading.evidence),
            "claims": kinds.get("claim", 0),
            "sightings": kinds.get("sighting", 0),
            "by_kind": dict(sorted(kinds.items())),
            "rejected": len(reading.rejected),
            "unused": len(reading.unused),
        },
        "places": places,
        "evidence_ids": [item.id for item in reading.evidence],
        "notes": list(reading.notes),
    }


# ------------------------------------------------------------------- estimates
def estimate_summary(record: Mapping[str, Any], *, top: int = 5) -> dict[str, Any]:
    """The headline numbers of an ``estimate.json`` record.

    The items left out are those the fusion left out and those of readings made
    for another person, set aside before it (``set_aside``, their reasons
    beginning :data:`~geosleuth.report.files.OTHER_PERSON`), as the terminal,
    report.html and map.png count them ("left out: 1 (1 read for another
    person)"); these are also given apart, as ``read_for_another_person``, where
    there are any. The other items set aside, repeats of the case file's, are
    read but not counted: no item of the estimate's.

    ``headline``, only where the record has one (the ranked places mislead: a
    named area holds more than the best place, or the best place holds under
    1 %), is the sentence the summary and report.html lead with
    (:func:`geosleuth.report.text.headline_lead`, written by the run): the
    index and case pages show it instead of the top place. A run whose best
    place leads keeps the summary it had.

    Examples
    --------
    >>> estimate_summary({"evidence": [{"used": True}, {"used": False}],
    ...                   "set_aside": [{"reason": "read for another person: x"},
    ...                                 {"reason": "read from a.txt, it quotes"}]}
    ...                  )["items"]
    {'used': 1, 'left_out': 2, 'read_for_another_person': 1}
    """
    evidence = record.get("evidence") or []
    others = n_other_person(
        e.get("reason") for e in record.get("set_aside") or () if isinstance(e, dict)
    )
    items = {
        "used": sum(1 for e in evidence if e.get("used")),
        "left_out": sum(1 for e in evidence if not e.get("used")) + others,
    }
    if others:  # a run without any keeps the summary it had
        items["read_for_another_person"] = others
    return {
        "title": record.get("title"),
        "target": record.get("target"),
        # the day, and the time of day where the estimate is for one
        "as_of": " ".join(
            str(v) for v in (record.get("as_of"), record.get("as_of_time")) if v
        )
        or None,
        "p_alive": record.get("p_alive"),
        "hdr_km2": record.get("hdr_km2"),
        **(
            {"headline": lead}
            if isinstance(lead := record.get("headline"), str)
            else {}
        ),
        "places": [
            {
                k: p.get(k)
                for k in ("name", "probability", "in_hdr90", "lat", "lon", "radius_km")
            }
            for p in (record.get("places") or [])[:top]
        ],
        "items": items,
    }


def _write_estimate(folder: Path, inputs: list[Path], **options: Any) -> None:
    """Write a case's outputs with :func:`geosleuth.locate.locate_case`.

    ``inputs`` (and ``out``) are paths in the case's ``folder``, and it is the
    working folder meanwhile: what the outputs say of them (a report read for
    someone else, the same text twice) names them so, ``readings/a.txt.json``,
    never by a path on the server (review 20, F7).

    It may run in a worker process: the outputs are in the folder, and nothing
    is sent back. A worker makes one call at a time; in the server's own
    process (``Workers(0)``) these take turns, and the service names every
    other file by its absolute path.
    """
    from geosleuth.locate import locate_case

    with _WORKING_FOLDER_LOCK:
        try:
            before: str | None = os.getcwd()
        except OSError:  # the working folder was removed: none to go back to
            before = None
        os.chdir(folder)
        try:
            locate_case(inputs, **options)
        finally:
            if before is not None:
                os.chdir(before)


def _checked_case(case_path: Path) -> Case:
    """The case file as it is on disk, checked as one sent would be.

    A case file edited on disk into one that cannot be read is refused here,
    naming it (``cases/<id>/case.yaml``), not the run's copy of it that the run
    would make and then remove (review 20, F12); and so is one the service would
    not have taken (a grid too fine, an event set read from a file).
    """
    try:
        text = case_path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CaseFileError(
            f"The case file {case_path} is not UTF-8 text (byte {exc.start}).",
            path=str(case_path),
        ) from None
    return check_case_text(text, source=str(case_path))


def _check_some_evidence(store: CaseStore, case_id: str, case: Case) -> None:
    """Refuse, in the service's words, an estimate of a case with nothing to fuse.

    The library's refusal names the run's copy of the case file and the command
    line; a team member on the case page needs the page's ways to add evidence.
    """
    if store.documents(case_id):
        return
    if not case.items:
        raise InputError(
            "The case file has no evidence items yet: an estimate needs at least "
            "one (a map from nothing would rank nothing). Add items under "
            "'evidence' in the case file, record a search that found nothing (the "
            f"form on the case page, or POST /api/cases/{case_id}/searched), or "
            "upload a report.",
            field="evidence",
        )


def run_estimate(
    store: CaseStore,
    case_id: str,
    *,
    as_of: dt.date | None = None,
    published: dt.date | None = None,
    budget_km: float | None = None,
    sweep_width_km: float | None = None,
    user: str | None = None,
    workers: Workers | None = None,
) -> dict[str, Any]:
    """Run the whole pipeline on a case and keep the outputs as a new run.

    The run is recorded as ``user``'s (``run.json``'s ``by`` and the case's log).

    The case file and every stored document go through
    :func:`geosleuth.locate.locate_case`; the outputs, with a copy of the case
    file they came from, are kept in ``runs/<run-id>/`` (earlier runs stay).
    Returns the run's record: settings, warnings and :func:`estimate_summary`.

    The run records its case file as ``case.yaml`` (beside it in the run's folder),
    not as a path on the server: ``estimate.json``'s ``case`` and the report say
    so, and ``geosleuth verify`` on the folder passes.

    The pipeline runs in one of ``workers``' processes (None: in this thread),
    writing straight into the run's folder, with the case lock held here.

    Each document's evidence is what was read from it when it was uploaded (with
    the publication date it came with, else the one it gives itself), kept in
    ``readings/``. ``published`` is for the undated documents, those whose
    reading found no date (none was given with the upload, and the text gives
    none: ``reading_published`` of
    :meth:`~geosleuth.service.store.CaseStore.documents`) or only a dateline's
    day whose year it guessed (``reading_year_guessed``: "CULIACAN, Mexico,
    March 1 (Reuters) -" read with no date, review r41, H1): those are read
    again with it, the dateline's day and month kept in the year that date
    gives, and the others keep their reading and its date. Without
    ``published``, the run warns of each guessed year.

    ``run.json`` names the documents (``documents``) and binds them by SHA-256
    (``inputs``: each document's and the reading's it used,
    :func:`geosleuth.service.runinputs.input_record`), so that the run is known
    by what it read even after a report under that name is replaced; the case
    page shows it, and ``geosleuth verify`` checks it.

    Raises
    ------
    InputError
        If only one of ``budget_km`` and ``sweep_width_km`` is given, or the
        pipeline refuses the inputs.
    """
    from geosleuth.service.workers import Workers

    if (budget_km is None) != (sweep_width_km is None):
        raise InputError(
            "Give both 'budget_km' and 'sweep_width_km' to plan the search, or "
            "neither.",
            field="budget_km",
        )
    case_path = store.case_file(case_id)
    _check_some_evidence(store, case_id, _checked_case(case_path))
    folder = case_path.parent

    def produce(out: Path) -> dict[str, Any]:
        docs = store.document_paths(case_id)
        inputs = store.estimate_inputs(case_id)
        # undated: a report that gave no date, neither with the upload nor in
        # its text (its page's metadata, a line under the headline ...), as its
        # reading found (review r39, H1: not the upload's date alone)
        listed = store.documents(case_id)
        guessed = {d["name"] for d in listed if d.get("reading_year_guessed")}
        # and one whose year is a guess from the day it was read (review r41,
        # H1): its dateline takes the year of the date given, as it is read again
        undated = {d["name"] for d in listed if not d["reading_published"]}
        undated |= guessed
        if published:  # read again, with that date, what gave none
            inputs = [
                doc if doc.name in undated else kept
                for doc, kept in zip(docs, inputs, strict=True)
            ]
        # what the run reads, bound by SHA-256: a name alone may later hold
        # another report (review 20, F8); the case lock keeps them as they are
        read = input_record(folder, docs, inputs)
        # the copy is its user's alone, as every file the store writes
        write_atomic(out / "case.yaml", case_path.read_bytes())
        run = out.relative_to(folder)
        _, found = (workers or Workers(0)).call(
            _write_estimate,
            folder,
            [run / "case.yaml", *(p.relative_to(folder) for p in inputs)],
            out=run,
            as_of=as_of,
            # only for what is read now: no warning that readings keep theirs
            published=published if undated else None,
            budget_km=budget_km,
            sweep_width_km=sweep_width_km,
            # the copy beside the outputs, not a path on the server
            source="case.yaml",
        )
        record = json.loads((out / "estimate.json").read_text(encoding="utf-8"))
        # a guessed year not mended by a date given is said by the estimate, as
        # of any reading whose year was guessed (review r41, H1)
        return {
            "settings": {
                "as_of": as_of_text(as_of) if as_of else None,
                "published": published.isoformat() if published else None,
                "budget_km": budget_km,
                "sweep_width_km": sweep_width_km,
            },
            "documents": [p.name for p in docs],
            "inputs": read,
            "warnings": [store.public_warning(w) for w in found],
            "summary": estimate_summary(record),
        }

    return store.add_run(case_id, produce, user=user)
