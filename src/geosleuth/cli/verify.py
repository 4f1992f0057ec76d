"""``geosleuth verify``: recompute an estimate from its stored evidence and compare."""

from __future__ import annotations

import os
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import numpy as np
import typer
from rich.markup import escape

from geosleuth._json import loads as read_json
from geosleuth.casefile import Case
from geosleuth.cli import app, console, guarded
from geosleuth.errors import GeosleuthError, GeosleuthWarning, InputError
from geosleuth.locate import (
    fuse_known_by,
    known_by_of,
    plan_summary,
    timeline_of,
    warn_prior_only,
)
from geosleuth.report import files
from geosleuth.report.text import plain, shorten

if TYPE_CHECKING:
    from geosleuth.evidence import EvidenceItem
    from geosleuth.report.html import ReportFields

__all__ = ["verify"]


@app.command()
@guarded
def verify(
    estimate: Annotated[
        Path,
        typer.Argument(
            metavar="ESTIMATE",
            help="Output folder of 'geosleuth locate' (or its estimate.json).",
            exists=True,
            readable=True,
        ),
    ],
) -> None:
    """Recompute an estimate from the evidence stored with it and compare.

    Every number in estimate.json comes from the items, settings and grid
    stored in it; this re-runs the fusion and the timeline, rebuilds the whole
    record and compares it with the stored one: the posterior (posterior.npz),
    P(alive), the 50% and 90% areas, the ranked places, the areas the items
    name (a run made before they were recorded: "not checked"), the headline
    (the sentence that leads where an area holds more than the best place; a
    run made before it was kept: "not checked"), each item's
    reliability and contribution, the leave-one-out range and the timeline.
    What comes from the inputs is compared with them and with the report.html
    written with it: the target and title (with the case file, its copy beside
    the estimate or the file it names), the warnings (each one the fusion gives
    again must be there) and the items set aside; and report.html, map.png and
    estimate.geojson must be the files the run wrote (by their SHA-256 in
    estimate.json), not edited since nor copied from another run. The files the
    run read must be as it read them (by their SHA-256 in estimate.json's
    'inputs'; one not found is not checked). The quote of each item must be
    what report.html shows, the case file's item's, and, for a run of
    'geosleuth serve', the text of its span in the reading the run took it
    from; such a run's reports must still be kept (by the SHA-256 its run.json
    records), and its run.json summary, which the service's pages show, must
    be the estimate's. The text kept of each article the run read itself
    ('documents') must hash to what its reading recorded, and hold each of its
    items' quotes at their spans. Exit status 1 if anything differs.
    """
    _check_an_estimate(estimate)
    stored = files.load_estimate(estimate)
    grid, posterior = files.load_posterior(estimate)
    if grid != stored.grid:
        raise InputError(
            f"The posterior.npz beside {estimate} is on another grid than its "
            "estimate.json: the two files come from different runs.",
            path=str(estimate),
        )
    # a hindcast (locate --known-by) is recomputed as one
    known_by = known_by_of(stored.record, path=str(estimate))
    with warnings.catch_warnings(record=True) as caught:
        # what the evidence warrants was said when the estimate was made; here
        # it is compared with what the run wrote down
        warnings.simplefilter("always", GeosleuthWarning)
        est = fuse_known_by(
            stored.items,
            stored.grid,
            as_of=stored.as_of,
            known_by=known_by,
            settings=stored.settings,
            places=stored.places,
        )
        warn_prior_only(est, stored.items, known_by=known_by)
    rec = stored.record
    most = rec.get("timeline_max_points")
    if most is not None and (
        isinstance(most, bool) or not isinstance(most, int) or most < 2
    ):
        raise InputError(
            "The estimate's timeline_max_points must be a whole number at least 2, "
            f"or absent. Got {most!r} instead.",
            path=str(estimate),
            field="timeline_max_points",
        )
    with warnings.catch_warnings(record=True) as more:
        warnings.simplefilter("always", GeosleuthWarning)
        timeline = timeline_of(est, stored.items, max_points=most, known_by=known_by)
    said = [
        str(w.message)
        for w in [*caught, *more]
        if issubclass(w.category, GeosleuthWarning)
    ]
    fresh = files.estimate_record(
        est,
        stored.items,
        target=str(rec.get("target", "")),
        title=str(rec.get("title", "")),
        # as many points as the run allowed itself (older runs: every date)
        timeline=timeline,
        timeline_max_points=most,
        source=rec.get("case"),
    )
    stored_points = rec.get("timeline")
    if isinstance(stored_points, list) and len(stored_points) == len(fresh["timeline"]):
        for old, new in zip(stored_points, fresh["timeline"], strict=True):
            # older runs kept no P(outside) per point: none to compare where the
            # evidence then had no searches
            if (
                isinstance(old, dict)
                and "p_outside" not in old
                and new["p_outside"] is None
            ):
                del new["p_outside"]
    stored_plan = rec.get("plan")
    if isinstance(stored_plan, dict):
        from geosleuth.cli.plan import check_plan_options

        try:
            budget = float(stored_plan["budget_km"])
            sweep = float(stored_plan["sweep_width_km"])
            check_plan_options(budget, sweep, 0.0)
            # a plan the planner now refuses (a sweep wider than a cell) is one
            # this code cannot reproduce: it differs, and verify goes on
            fresh["plan"] = plan_summary(est, budget_km=budget, sweep_width_km=sweep)[1]
        except (KeyError, TypeError, ValueError, InputError):
            fresh["plan"] = {"budget_km": None, "sweep_width_km": None}
    d_post = float(np.max(np.abs(est.posterior - posterior)))
    sections = {
        "P(alive)": "p_alive",
        "searches and rest of world": ("search_miss", "p_outside"),
        "HDR areas": "hdr_km2",
        "ranked places": "places",
        "areas named in the evidence": "named_areas",
        "leave-one-out range": "top_place_leave_one_out",
        "evidence (reliability, contribution, use)": "evidence",
        "timeline": "timeline",
        "search plan": "plan",
    }
    checks: dict[str, tuple[bool | None, list[str]]] = {
        "posterior (max |Δp| ≤ 1e-12)": (d_post <= 1e-12, [])
    }
    for name, key in sections.items():
        if key == "named_areas" and key not in rec:  # older runs kept none
            checks[name] = (None, ["not recorded"])
            continue
        keys = key if isinstance(key, tuple) else (key,)
        diffs = [
            d
            for k in keys
            # older runs kept no record of searches: nothing to compare, unless
            # the evidence has searches, whose figures plan and the report use
            if k in rec or fresh[k] is not None or k not in ("search_miss", "p_outside")
            for d in (
                files.record_differences(rec.get(k), fresh[k], path=k)
                if k in rec
                else [f"{k} (missing)"]
            )
        ]
        if key == "places":
            diffs += files.places_unlike_items(
                rec.get("places"), stored.items, est.used
            )
        checks[name] = (not diffs, diffs)
    checks["headline"] = _headline_check(
        rec.get("headline"), fresh, "headline" in rec, _format_of(rec)
    )
    folder = estimate if estimate.is_dir() else estimate.parent
    shown = _report_beside(folder)
    checks.update(_said_checks(rec, folder, said=said, shown=shown))
    checks.update(_source_checks(stored.items, rec, fresh, folder))
    for name, (ok, diffs) in checks.items():
        if ok is None:  # nothing to compare with
            console.print(
                f"[yellow]not checked[/]  {escape(name)} ({escape(diffs[0])})",
                highlight=False,
                soft_wrap=True,
            )
            continue
        mark = "[green]ok[/]" if ok else "[bold red]differs[/]"
        where = (
            f" at {', '.join(diffs[:3])}" + (" …" if len(diffs) > 3 else "")
            if diffs
            else ""
        )
        if ok and diffs:  # what was not checked, or where a report went
            where = f" ({'; '.join(diffs[:3])}" + ("; …)" if len(diffs) > 3 else ")")
        console.print(
            f"{mark}  {escape(name)}{escape(where)}",
            highlight=False,
            soft_wrap=True,
        )
    console.print(
        f"{len(stored.items)} stored items, max |Δp| = {d_post:.2e}", highlight=False
    )
    if any(ok is False for ok, _ in checks.values()):
        raise typer.Exit(code=1)


def _format_of(rec: dict[str, Any]) -> int:
    """estimate.json's ``format_version`` (1 where none: an older file).

    >>> _format_of({"format_version": 2}), _format_of({"format_version": "2"})
    (2, 1)
    """
    version = rec.get("format_version")
    return version if isinstance(version, int) and not isinstance(version, bool) else 1


def _headline_check(
    stored: Any, fresh: dict[str, Any], recorded: bool, version: int = 1
) -> tuple[bool | None, list[str]]:
    """Whether estimate.json's ``headline`` is the one its estimate leads with.

    The sentence of :func:`~geosleuth.report.text.headline_lead`, recomputed
    (``fresh``'s, absent where the best place leads). An estimate written
    before runs kept one (no ``format_version``, or 1) has none: "not
    recorded", never a failure. One of a layout that keeps it
    (``format_version`` 2, :data:`~geosleuth.report.files.ESTIMATE_FORMAT`)
    without one, where the estimate leads with an area, has had it removed:
    it differs (review r211, M8).

    Examples
    --------
    >>> _headline_check("19.0 % lies in X", {"headline": "19.0 % lies in X"}, True)
    (True, [])
    >>> _headline_check("25.0 % lies in X", {"headline": "19.0 % lies in X"}, True)
    (False, ['headline (not the sentence the estimate leads with)'])
    >>> _headline_check(None, {"headline": "19.0 % lies in X"}, False)
    (None, ['not recorded (older version)'])
    >>> _headline_check(None, {"headline": "19.0 % lies in X"}, False, 2)
    (False, ['headline (missing)'])
    >>> _headline_check(None, {}, False), _headline_check(None, {}, False, 2)
    ((True, []), (True, []))
    """
    new = fresh.get("headline")
    if not recorded:
        if new is None:
            return True, []
        if version >= 2:  # the layout keeps it: removed
            return False, ["headline (missing)"]
        return None, ["not recorded (older version)"]
    if stored == new:
        return True, []
    if new is None:
        return False, ["headline (the estimate leads with its best place, no area)"]
    return False, ["headline (not the sentence the estimate leads with)"]


def _source_checks(
    items: Sequence[EvidenceItem],
    rec: dict[str, Any],
    fresh: dict[str, Any],
    folder: Path,
) -> dict[str, tuple[bool | None, list[str]]]:
    """The checks of what a run read and what its pages show (review 20, F8, F9).

    An estimate of ``geosleuth locate`` has the files it read checked by the
    SHA-256 its ``inputs`` keep; a run of ``geosleuth serve`` (a ``run.json``
    beside it) has its reports checked by theirs, which ``run.json`` keeps, and
    its ``run.json`` summary against ``fresh``;
    every run has the quotes of its items checked against the readings the
    run read, the case file and report.html
    (:mod:`geosleuth.cli._verify_sources`).
    """
    from geosleuth.cli._verify_sources import (
        document_text_check,
        estimate_input_check,
        input_check,
        quote_check,
        report_quotes,
        served_run,
        summary_check,
    )

    checks: dict[str, tuple[bool | None, list[str]]] = {}
    run = served_run(folder)
    readings: dict[str, tuple[str, dict[str, Any]]] = {}
    unread: dict[str, str] = {}
    if run is None:
        check, readings = estimate_input_check(rec, folder)
        checks["files the estimate read (SHA-256)"] = check
    else:
        if isinstance(run, str):
            checks["reports the run read (SHA-256)"] = (False, [run])
        else:
            check, readings, unread = input_check(run, folder)
            checks["reports the run read (SHA-256)"] = check
    found = _run_case(rec, folder)
    case_quotes = (
        {i.id: i.provenance.quote or "" for i in found[1].items}
        if isinstance(found, tuple)
        else None
    )
    checks["quotes of the evidence"] = quote_check(
        items,
        readings=readings,
        unread=unread,
        case_quotes=case_quotes,
        shown=report_quotes(folder),
    )
    checks["texts of the articles read (SHA-256, quotes at their spans)"] = (
        document_text_check(rec, items)
    )
    if run is not None:
        # the items set aside are the record's (checked against report.html
        # above): the summary counts those read for another person as left out
        aside = {**fresh, "set_aside": rec.get("set_aside")}
        checks["run.json summary"] = summary_check(run, aside, folder)
    return checks


def _report_beside(folder: Path) -> ReportFields | None:
    """What the report.html beside an estimate says of its run (None: none)."""
    from geosleuth.report.html import read_report_fields

    try:
        page = (folder / "report.html").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    fields = read_report_fields(page)
    return None if fields.title is None else fields


def _run_case(rec: dict[str, Any], folder: Path) -> tuple[Path, Case] | str | None:
    """The case file a run came from: ``(path, case)``, why not found, or None.

    None when the run had no case file (articles and readings only). The
    path the record names is taken from the estimate's folder (how runs write
    it, and a service run's ``case.yaml``), then a copy beside the estimate,
    then from where verify runs (older runs wrote it from where they ran):
    :func:`geosleuth.report.files.case_candidates`.
    """
    from geosleuth.casefile import load_case

    name = rec.get("case")
    if not isinstance(name, str) or Path(name).suffix.lower() not in (".yaml", ".yml"):
        return None
    for path in files.case_candidates(name, folder, absolute=rec.get("case_absolute")):
        if path.is_file():
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", GeosleuthWarning)
                    return path, load_case(path)
            except GeosleuthError as exc:
                return f"case file {path} cannot be read: {exc.message}"
    return (
        f"case file {name} not found, neither from the estimate's folder nor from here"
    )


#: What verify takes, in the words of 'geosleuth plan' (review r25 M4).
_GIVE = (
    "give its output folder, its estimate.json or its posterior.npz (or another of "
    "the files it writes: {})."
)


def _check_an_estimate(given: Path) -> None:
    """Refuse, in words, what is no output of 'geosleuth locate'.

    :func:`geosleuth.report.files.load_estimate` reads the estimate.json in a
    folder, or beside any file; a folder without one (what 'geosleuth profile'
    writes) or a file that is no output ("verify README.md") was told of as an
    ``[Errno 2]`` about an estimate.json the user never named.

    Raises
    ------
    InputError
        ``given`` is no output of 'geosleuth locate', or has no estimate.json
        with it.
    """
    give = _GIVE.format(", ".join(sorted(files.RUN_OUTPUTS - {"estimate.json"})))
    if given.is_dir():
        if not (given / "estimate.json").is_file():
            raise InputError(
                f"{given} is not an output folder of 'geosleuth locate' (it holds no "
                f"estimate.json): {give}",
                path=str(given),
            )
        return
    is_json = given.suffix.lower() == ".json"
    if (is_json and not _looks_like_estimate(given)) or (
        not is_json and given.name not in {*files.RUN_OUTPUTS, "posterior.npz"}
    ):
        raise InputError(
            f"{given} is not an output of 'geosleuth locate': {give}", path=str(given)
        )
    if not is_json and not given.with_name("estimate.json").is_file():
        raise InputError(
            f"There is no estimate.json beside {given}: {give}", path=str(given)
        )


def _looks_like_estimate(path: Path) -> bool:
    """Whether ``path`` holds a JSON object with an estimate's fields.

    A file that is no JSON, or cannot be read, is taken: reading it says why.
    """
    try:
        record = read_json(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return True
    return not isinstance(record, dict) or {"evidence", "grid", "as_of"} <= set(record)


def _said_checks(
    rec: dict[str, Any],
    folder: Path,
    *,
    said: Sequence[str],
    shown: ReportFields | None,
) -> dict[str, tuple[bool | None, list[str]]]:
    """The checks of what a run took from its inputs, and what it said.

    ``said`` are the warnings the fusion and the timeline give again; ``shown``
    what the report.html of the run says. Each check is ``(ok, where it
    differs)``, or ``(None, [why not checked])``.
    """
    from geosleuth.read.target import same_person

    target, title = rec.get("target"), rec.get("title")
    names: list[str] = []
    sources: tuple[bool | None, list[str]] = (None, ["no case file"])
    compared = False
    found = _run_case(rec, folder)
    if isinstance(found, tuple):
        path, case = found
        compared = True
        if not (isinstance(target, str) and same_person(target, case.target)):
            names.append(f"target ({path.name} names {case.target!r})")
        if title != case.title:
            names.append(f"title ({path.name} gives {case.title!r})")
        sources = _place_source_check(rec, case.place_sources, path.name)
    elif found is None:  # articles and readings: the title is the target's
        compared = True
        if title not in (target, "geosleuth estimate"):
            names.append(f"title (a run without a case file is titled {target!r})")
    if shown is not None:
        compared = True
        for key, value, there in (
            ("target", target, shown.target),
            ("title", title, shown.title),
        ):
            if not isinstance(value, str) or plain(value) != there:
                names.append(f"{key} (report.html shows {there!r})")
    checks: dict[str, tuple[bool | None, list[str]]] = {
        "target and title": (
            (not names, names)
            # a case file named but not found: what report.html shows, if it
            # agrees, is half the check, not an 'ok' (review 19)
            if compared and (names or not isinstance(found, str))
            else (None, [str(found)])
        )
    }
    if isinstance(found, tuple):
        checks["place sources"] = sources
    elif isinstance(found, str):
        checks["place sources"] = (None, [found])
    elif found is None:  # articles and readings: a case's places have no source
        checks["place sources"] = _place_source_check(rec, {}, "the inputs")
    stored = rec.get("warnings", [])
    if not (isinstance(stored, list) and all(isinstance(w, str) for w in stored)):
        checks["warnings"] = (False, ["warnings"])
    else:
        lost = [
            f"warnings: {shorten(w, 60)!r} (missing)" for w in said if w not in stored
        ]
        if shown is not None and shown.warnings != [plain(w) for w in stored]:
            lost.append("warnings (not those report.html shows)")
        checks["warnings"] = (not lost, lost)
    aside = files.set_aside_differences(rec.get("set_aside"))
    if not aside and shown is not None and isinstance(rec.get("set_aside"), list):
        ids = [plain(e["id"]) for e in rec["set_aside"]]
        if ids != shown.set_aside:
            aside.append("set_aside (not the items report.html shows)")
    checks["items set aside"] = (not aside, aside)
    checks["files written with it"] = _output_check(rec.get("outputs"), folder)
    return checks


def _output_check(outputs: Any, folder: Path) -> tuple[bool | None, list[str]]:
    """Whether the files a run wrote beside its estimate.json are still those.

    ``outputs`` is the record's ``{file name: SHA-256}`` of report.html,
    map.png and estimate.geojson (:data:`_SHOWN`), all three. A file changed
    since the run (a figure edited, a report copied from another run), gone,
    or no longer a plain file of the folder (a link, a pipe, a folder) differs;
    so does an ``outputs`` that leaves one out, or names another file; one
    that is gone is not checked. Only the three files of the folder itself are
    read, and never through a link.
    """
    if outputs is None:
        return None, ["the run recorded no checksums of its files (older version)"]
    if not isinstance(outputs, dict):
        return False, ["outputs (not a mapping of the shown files to SHA-256)"]
    diffs = [
        f"outputs (names {shorten(repr(k), 40)}, not one of the files shown)"
        for k in outputs
        if k not in _SHOWN
    ][:3]
    diffs += [
        f"{name} (not recorded in outputs)" for name in _SHOWN if name not in outputs
    ]
    absent: list[str] = []
    for name in _SHOWN:
        digest = outputs.get(name)
        if name not in outputs:
            continue
        if not files.is_sha256(digest):
            diffs.append(f"{name} (its recorded checksum is no SHA-256)")
            continue
        if not os.path.lexists(folder / name):
            absent.append(name)
            continue
        got = _sha256_of_plain_file(folder / name)
        if got is None:
            diffs.append(f"{name} (not a plain file of the folder)")
        elif got != digest:
            diffs.append(f"{name} (changed since the run wrote it)")
    if absent and not diffs:  # nothing wrong in what is there: not all checked
        return None, [f"{', '.join(absent)} not beside it"]
    return not diffs, diffs


def _place_source_check(
    rec: dict[str, Any], given: dict[str, str], where: str
) -> tuple[bool | None, list[str]]:
    """Whether the record's ``place_sources`` are those the case file gives.

    An estimate of before them keeps none: nothing to compare, if the case
    gives none either.
    """
    if "place_sources" not in rec:
        return (True, []) if not given else (None, ["not recorded (older version)"])
    if rec["place_sources"] != given:
        return False, [f"place_sources (not those {where} gives)"]
    return True, []


#: The files a run shows, whose checksums estimate.json keeps.
_SHOWN = ("report.html", "map.png", "estimate.geojson")


def _sha256_of_plain_file(path: Path) -> str | None:
    """The SHA-256 of a regular file (not through a link); None if it is none."""
    import hashlib
    import stat

    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        digest = hashlib.sha256()
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()
    except OSError:
        return None
