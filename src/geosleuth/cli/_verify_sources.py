"""``geosleuth verify``'s checks of what a run read and what its pages show.

Four checks, each ``(ok, notes)`` as the others of :mod:`geosleuth.cli.verify`
(``ok`` None: nothing to compare with; notes say where it differs, or, with
``ok`` True, what was not checked):

- ``files the estimate read (SHA-256)``, for an estimate of ``geosleuth
  locate`` (no ``run.json``): each file it read (case file, articles, readings)
  is as it was read, by the SHA-256 ``estimate.json``'s ``inputs`` keeps;
- ``reports the run read (SHA-256)``, for a run of ``geosleuth serve`` (a
  ``run.json`` beside its estimate): each report it read is still kept by its
  case, under its name or elsewhere (``removed/0001-a.txt``), found by the
  SHA-256 ``run.json`` keeps (:mod:`geosleuth.service.runinputs`);
- ``quotes of the evidence``: each item's quote is the text of its span in the
  reading the run took it from (a served run's reading, found by its SHA-256,
  or a reading ``locate`` was given, as it was read),
  the quote of the case file's item (for the case's own items), and the quote
  ``report.html`` shows in its row (review 20, F9 (a));
- ``run.json summary``: what the service's index and case pages show of a run
  (top place and its probability, P(alive), the areas) is the recomputed
  estimate's (review 20, F9 (b)).

A run made before ``run.json`` kept its reports' SHA-256 is said to be "not
recorded", and its quotes are checked against what is there.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from geosleuth._json import loads as read_json
from geosleuth.evidence import EvidenceItem
from geosleuth.report.text import plain, shorten

__all__ = [
    "document_text_check",
    "estimate_input_check",
    "input_check",
    "quote_check",
    "report_quotes",
    "served_run",
    "summary_check",
]

Check = tuple[bool | None, list[str]]

_ROW = re.compile(
    r'<tr id="ev-\d+"[^>]*><td>\d+</td><td><code>(.*?)</code></td>(.*?)</tr>', re.S
)
_QUOTE = re.compile(r"<q>(.*?)</q>", re.S)


def served_run(folder: Path) -> dict[str, Any] | str | None:
    """The ``run.json`` beside an estimate: the record, why it is unreadable, or None.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> served_run(folder) is None
    True
    >>> _ = (folder / "run.json").write_text("[1]")
    >>> served_run(folder)
    'run.json is not a JSON object'
    """
    path = folder / "run.json"
    if not path.is_file():
        return None
    try:
        run = read_json(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return f"run.json cannot be read: {shorten(str(exc), 60)}"
    return run if isinstance(run, dict) else "run.json is not a JSON object"


def report_quotes(folder: Path) -> dict[str, str | None] | None:
    """The quote each item's row of ``report.html`` shows, by item id.

    None when there is no report beside the estimate; an item shown without a
    quote has None.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "report.html").write_text(
    ...     '<tr id="ev-0" class="used"><td>1</td><td><code>a:s1</code></td>'
    ...     "<td>x</td><td><q>Seen in &quot;Hajin&quot;.</q></td></tr>"
    ...     '<tr id="ev-1" class="used"><td>2</td><td><code>car</code></td>'
    ...     "<td></td></tr>")
    >>> report_quotes(folder)
    {'a:s1': 'Seen in "Hajin".', 'car': None}
    """
    try:
        page = (folder / "report.html").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    out: dict[str, str | None] = {}
    for ident, row in _ROW.findall(page):
        found = _QUOTE.search(row)
        out[html.unescape(ident)] = html.unescape(found.group(1)) if found else None
    return out


# ------------------------------------------------------------ reports read
def _doc_id(name: str) -> str:
    """The id a served report's items start with: its name without the suffix."""
    return Path(name).stem


def input_check(
    run: Mapping[str, Any], folder: Path
) -> tuple[Check, dict[str, tuple[str, dict[str, Any]]], dict[str, str]]:
    """Whether a served run's reports are still kept, by the SHA-256 it recorded.

    Parameters
    ----------
    run : mapping
        The run's ``run.json``.
    folder : Path
        The run's folder (``<case>/runs/NNNN``).

    Returns
    -------
    check : (bool or None, list of str)
        A report under its name with another SHA-256, and no copy of the one
        read kept, differs (edited in place, or replaced and its copy
        deleted); so does a record that is not as the service writes it. A
        report kept elsewhere (``removed/``) is noted.
    readings : dict
        The readings the run took its items from, still kept: by the id of
        their items, ``(path in the case, reading)``.
    unread : dict
        Why the quotes of a report cannot be checked against its reading, by
        the id of its items.
    """
    from geosleuth.service.runinputs import case_folder_of, input_states, well_formed

    names = run.get("documents")
    names = [str(n) for n in names] if isinstance(names, list) else []
    recorded = run.get("inputs")
    readings: dict[str, tuple[str, dict[str, Any]]] = {}
    if recorded is None:
        why = "not recorded: a run made before runs kept their reports' SHA-256"
        return (
            (None, [why]),
            readings,
            dict.fromkeys(map(_doc_id, names), "not recorded, an older run"),
        )
    bad = (
        [f"inputs[{i}]" for i, e in enumerate(recorded) if not well_formed(e)]
        if isinstance(recorded, list)
        else ["inputs"]
    )
    if bad:
        return (
            (False, [f"{', '.join(bad[:3])} (not a report with its SHA-256)"]),
            readings,
            dict.fromkeys(map(_doc_id, names), "its record is not as written"),
        )
    diffs = []
    if [e["document"] for e in recorded] != names:
        diffs.append("documents (not the reports whose SHA-256 inputs keeps)")
    case = case_folder_of(folder)
    if case is None:
        why = "the run is not in its case's runs/ folder: its reports are not beside it"
        unread = dict.fromkeys((_doc_id(e["document"]) for e in recorded), why)
        return (False, diffs) if diffs else (None, [why]), readings, unread
    notes, gone, unread = [], [], {}
    again = _written_again(case, str(run.get("run") or folder.name))
    for entry, state in zip(recorded, input_states(case, recorded), strict=True):
        name, ident = entry["document"], _doc_id(entry["document"])
        if state.kept_as is None and state.state == "changed":
            diffs.append(
                f"{name} (changed since the run read it, and no report of the case "
                "has the SHA-256 it recorded)"
            )
        elif state.kept_as is None:
            gone.append(f"{name}: no report of the case has its SHA-256 now")
        elif state.kept_as != f"documents/{name}":
            notes.append(f"{name} {state.state} since; the one read is {state.kept_as}")
        if entry["reading"] is None:
            unread[ident] = "read when the run was made: no reading of it is kept"
        elif state.reading_at is None and _edited(case, entry, state.state, again):
            # the report is the one read, its reading is there under its name
            # with another SHA-256, and the case never read it again: edited
            # (review r85, L2)
            diffs.append(f"{entry['reading']} (changed since the run)")
            unread[ident] = f"its reading {entry['reading']} changed since the run"
        elif state.reading_at is None:
            unread[ident] = f"the reading {entry['reading']} it used is not kept now"
        else:
            loaded = _reading(case / state.reading_at)
            if loaded is None:
                unread[ident] = f"{state.reading_at} is not a reading"
            else:
                readings[str(loaded.get("doc_id") or ident)] = (
                    state.reading_at,
                    loaded,
                )
    if diffs:
        return (False, diffs), readings, unread
    if gone and len(gone) == len(recorded):
        return (None, gone), readings, unread
    return (True, notes + gone), readings, unread


#: The case log's actions that write a report's reading anew, and where they
#: name the report: a change of target reads every report again, a report put
#: back or uploaded under a name is read under it.
_READ_AGAIN = {"replaced": "read_again", "restored": "document", "uploaded": "document"}


def _written_again(case: Path, run_id: str) -> set[str]:
    r"""The reports whose readings the case's log says were written after the run.

    From the run's ``estimated`` line on (all of the log if it has none): the
    reports read again for a new target, put back, or uploaded under their
    name. A log that cannot be read says none.

    Examples
    --------
    >>> import json, tempfile
    >>> case = Path(tempfile.mkdtemp())
    >>> lines = [{"action": "replaced", "read_again": ["a.txt"]},
    ...          {"action": "estimated", "run": "0001"},
    ...          {"action": "replaced", "read_again": ["b.txt"]},
    ...          {"action": "restored", "document": "c.txt"}]
    >>> _ = (case / "log.jsonl").write_text("\n".join(map(json.dumps, lines)))
    >>> sorted(_written_again(case, "0001"))
    ['b.txt', 'c.txt']
    """
    from geosleuth.service.caselog import LOG_NAME, read_log

    try:
        entries = read_log(case / LOG_NAME, errors="strict")
    except (OSError, UnicodeDecodeError):
        return set()
    start = next(
        (
            k
            for k, e in enumerate(entries)
            if e.get("action") == "estimated" and e.get("run") == run_id
        ),
        0,
    )
    out: set[str] = set()
    for entry in entries[start:]:
        key = _READ_AGAIN.get(str(entry.get("action")))
        named = entry.get(key) if key else None
        if isinstance(named, str):
            out.add(named)
        elif isinstance(named, list):
            out.update(n for n in named if isinstance(n, str))
    return out


def _edited(case: Path, entry: Mapping[str, Any], state: str, again: set[str]) -> bool:
    """Whether the reading a run used was edited in place since.

    The report under its name is the one the run read (``unchanged`` or ``read
    again``), a reading is kept under the name the run recorded, not with the
    SHA-256 it recorded (:func:`input_states` found none), and the case's log
    says the report was not read again since (:func:`_written_again`).
    """
    return (
        state in ("unchanged", "read again")
        and entry["document"] not in again
        and (case / entry["reading"]).is_file()
    )


def estimate_input_check(
    record: Mapping[str, Any], folder: Path
) -> tuple[Check, dict[str, tuple[str, dict[str, Any]]]]:
    """Whether the files ``geosleuth locate`` read are as it read them.

    Each of ``estimate.json``'s ``inputs`` (``{path, sha256}``, the path from
    the estimate's folder or absolute) is looked for as the case file is
    (:func:`geosleuth.report.files.case_candidates`). One found with another
    SHA-256 differs: it was edited or replaced since the estimate read it. One
    not found is not checked, and said. An estimate made before ``inputs``
    were kept is "not recorded".

    Returns
    -------
    check : (bool or None, list of str)
    readings : dict
        What ``geosleuth read`` wrote among the inputs, as read: by the id of
        their items, ``(path, reading)``, for :func:`quote_check`.

    Examples
    --------
    >>> import tempfile
    >>> from geosleuth.report.files import sha256_of_file
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "case.yaml").write_text("target: X")
    >>> digest = sha256_of_file(folder / "case.yaml")
    >>> estimate_input_check({"inputs": [{"path": "case.yaml", "sha256": digest}]},
    ...                      folder)[0]
    (True, [])
    >>> _ = (folder / "case.yaml").write_text("target: Y")
    >>> estimate_input_check({"inputs": [{"path": "case.yaml", "sha256": digest}]},
    ...                      folder)[0]
    (False, ['case.yaml (changed since the estimate read it)'])
    >>> estimate_input_check({}, folder)[0][0] is None
    True
    """
    from geosleuth.report.files import case_candidates, is_sha256, sha256_of_file

    readings: dict[str, tuple[str, dict[str, Any]]] = {}
    recorded = record.get("inputs")
    if recorded is None:
        why = "not recorded: an estimate made before estimates kept their inputs"
        return (None, [why]), readings
    if not isinstance(recorded, list) or not all(
        isinstance(e, dict)
        and isinstance(e.get("path"), str)
        and (e.get("sha256") is None or is_sha256(e.get("sha256")))
        for e in recorded
    ):
        return (False, ["inputs (not files, each with its SHA-256)"]), readings
    diffs: list[str] = []
    notes: list[str] = []
    for entry in recorded:
        named, digest = entry["path"], entry["sha256"]
        also = entry.get("absolute")
        found = next(
            (p for p in case_candidates(named, folder, absolute=also) if p.is_file()),
            None,
        )
        if digest is None:
            notes.append(f"{named}: no plain file when read, not checked")
        elif found is None:
            notes.append(f"{named}: not found, not checked")
        elif sha256_of_file(found) != digest:
            diffs.append(f"{named} (changed since the estimate read it)")
        elif found.suffix.lower() == ".json":
            loaded = _reading(found)
            if loaded is not None:
                readings[str(loaded.get("doc_id") or found.stem)] = (named, loaded)
    if diffs:
        return (False, diffs), readings
    if recorded and len(notes) == len(recorded):
        return (None, notes), readings
    return (True, notes), readings


def _reading(path: Path) -> dict[str, Any] | None:
    """A stored reading (``Reading.to_dict()``) with its text, or None."""
    try:
        loaded = read_json(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not (
        isinstance(loaded, dict)
        and isinstance(loaded.get("text"), str)
        and isinstance(loaded.get("evidence"), list)
    ):
        return None
    return loaded


# ------------------------------------------------------------ quotes
def quote_check(
    items: Sequence[EvidenceItem],
    *,
    readings: Mapping[str, tuple[str, dict[str, Any]]],
    unread: Mapping[str, str],
    case_quotes: Mapping[str, str] | None,
    shown: Mapping[str, str | None] | None,
) -> Check:
    """Whether each item's quote is what its sources say.

    Parameters
    ----------
    items : sequence of EvidenceItem
        The estimate's items (those it is recomputed from).
    readings : mapping
        The readings the run read, by the id their items start with
        (:func:`input_check`): an item read from one must be one of its items,
        at the same span, and its quote the text of that span.
    unread : mapping
        Why an item read from a report cannot be checked against it, by id.
    case_quotes : mapping or None
        The quotes of the case file's items, by id; None without a case file.
    shown : mapping or None
        What ``report.html`` shows (:func:`report_quotes`); None without it.

    Returns
    -------
    (bool or None, list of str)
        False and where they differ; None when there was nothing to compare
        with; else True, and the reports whose quotes were not checked
        against them.
    """
    diffs: list[str] = []
    skipped: dict[str, str] = {}
    compared = False
    for item in items:
        quote = item.provenance.quote or ""
        if shown is not None:
            compared = True
            if item.id not in shown:
                diffs.append(f"{item.id} (not in report.html)")
            elif (shown[item.id] or "") != plain(quote):
                diffs.append(f"{item.id} (not the quote report.html shows)")
        ident = item.id.split(":", 1)[0] if ":" in item.id else None
        if case_quotes is not None and item.id in case_quotes:
            compared = True
            if case_quotes[item.id] != quote:
                diffs.append(f"{item.id} (not the quote of the case file's item)")
        elif ident is not None and ident in readings:
            compared = True
            diffs += _against_reading(item, *readings[ident])
        elif ident is not None and ident in unread:
            skipped.setdefault(ident, unread[ident])
    notes = [f"{i} not compared with its report: {why}" for i, why in skipped.items()]
    if shown is None:
        notes.append("not compared with report.html, which is not beside it")
    if diffs:
        return False, diffs
    if not compared:
        return None, notes or ["no report.html, case file or reading to compare with"]
    return True, notes


def document_text_check(
    record: Mapping[str, Any], items: Sequence[EvidenceItem]
) -> Check:
    """Whether the texts an estimate keeps of the articles it read are those read.

    ``estimate.json``'s ``documents`` (an article ``geosleuth locate`` read
    itself: ``{doc_id, text_sha256, text, ...}``, review r63, L1) must each
    hash to the SHA-256 the reading recorded, and each item read from one must
    quote the text of its span there. A text not kept (by an older geosleuth,
    which read the file again and found it changed) is said, not failed; the
    hash is :func:`geosleuth.read.corpus.sha256_of_text`. An estimate made
    before texts were kept
    is "not recorded", and one whose articles were all read by ``geosleuth
    read`` keeps none (its readings are checked with its inputs).

    Examples
    --------
    >>> import datetime as dt
    >>> from geosleuth.evidence import Claim, Provenance
    >>> from geosleuth.geometry import Point
    >>> from geosleuth.read.corpus import sha256_of_text
    >>> text = "Seen in Hajin."
    >>> doc = {"doc_id": "a", "text": text, "text_sha256": sha256_of_text(text)}
    >>> item = Claim(id="a:c1", date=dt.date(2018, 5, 1), place=Point(40.8, 34.7),
    ...              provenance=Provenance(document="a", quote="Hajin", span=(8, 13)))
    >>> document_text_check({"documents": [doc]}, [item])
    (True, [])
    >>> document_text_check({"documents": [{**doc, "text": "Seen in Mosul."}]}, [item])
    (False, ['a (not the text read: its SHA-256 differs)'])
    >>> document_text_check({}, [item])[0] is None
    True
    """
    docs = record.get("documents")
    if docs is None:
        return None, ["not recorded: an estimate made before estimates kept them"]
    if not isinstance(docs, list) or not all(
        isinstance(d, dict)
        and isinstance(d.get("doc_id"), str)
        and (d.get("text") is None or isinstance(d.get("text"), str))
        for d in docs
    ):
        return False, ["documents (not a list of {doc_id, text, text_sha256})"]
    if not docs:
        return None, ["no article read by the run itself"]
    from geosleuth.read.corpus import sha256_of_text

    diffs: list[str] = []
    notes: list[str] = []
    by_doc: dict[str, list[EvidenceItem]] = {}
    for item in items:
        if ":" in item.id:
            by_doc.setdefault(item.id.split(":", 1)[0], []).append(item)
    for d in docs:
        doc_id, text = d["doc_id"], d.get("text")
        if text is None:
            notes.append(f"{doc_id} (its text was not kept: the file changed)")
            continue
        if sha256_of_text(text) != d.get("text_sha256"):
            diffs.append(f"{doc_id} (not the text read: its SHA-256 differs)")
            continue
        for item in by_doc.get(doc_id, []):
            span = item.provenance.span
            if span is not None and text[span[0] : span[1]] != item.provenance.quote:
                diffs.append(f"{item.id} (not the text of its span in {doc_id})")
    return (False, diffs) if diffs else (True, notes)


def _against_reading(
    item: EvidenceItem, where: str, reading: dict[str, Any]
) -> list[str]:
    """Where an item differs from the same item of the reading it was read in."""
    prov = item.provenance
    same: dict[str, Any] | None = next(
        (
            e
            for e in reading["evidence"]
            if isinstance(e, dict) and e.get("id") == item.id
        ),
        None,
    )
    if same is None:
        return [f"{item.id} (not an item of the reading {where})"]
    kept: dict[str, Any] = same.get("provenance") or {}
    if not isinstance(kept, dict):
        kept = {}
    span = list(prov.span) if prov.span is not None else None
    if span != kept.get("span"):
        return [f"{item.id} (not the span of its item in {where})"]
    if span is None:
        ok = prov.quote == kept.get("quote")
    else:
        ok = reading["text"][span[0] : span[1]] == prov.quote
    return [] if ok else [f"{item.id} (not the text of its span in {where})"]


# ------------------------------------------------------------ run.json
def summary_check(
    run: Mapping[str, Any] | str, fresh: Mapping[str, Any], folder: Path
) -> Check:
    """Whether ``run.json`` says of the run what its recomputed estimate says.

    ``summary`` (what the index and case pages show: the top places and
    their probabilities, P(alive), the 50 % / 90 % areas, the items used) must
    be :func:`geosleuth.service.pipeline.estimate_summary` of ``fresh``, the
    record rebuilt from the stored evidence; and ``run`` the run's folder. A
    summary with no ``headline`` (a run made before summaries kept one) is
    compared without it.
    """
    from geosleuth.report.files import record_differences
    from geosleuth.service.pipeline import estimate_summary

    if isinstance(run, str):
        return False, [run]
    expected = estimate_summary(fresh)
    stored = run.get("summary")
    if isinstance(stored, dict) and "headline" not in stored:
        expected.pop("headline", None)  # older runs kept none
    diffs = record_differences(stored, expected, path="summary")
    if run.get("run") != folder.name and re.fullmatch(r"[0-9]{4,9}", folder.name):
        diffs.append(f"run (says {shorten(repr(run.get('run')), 20)}, not its folder)")
    return not diffs, diffs
