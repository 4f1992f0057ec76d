"""A case run: read the inputs, fuse, trace the timeline, plan, write the outputs.

:func:`locate_case`, what ``geosleuth locate`` and the web service run: the
inputs gathered (:mod:`~geosleuth.locate._inputs`), checked
(:mod:`~geosleuth.locate._checks`), fused and traced over time
(:mod:`~geosleuth.locate._timeline`), and written
(:mod:`~geosleuth.locate._outputs`); every warning of the run is recorded,
raised again as it came, and written into the outputs.
"""

from __future__ import annotations

import datetime as dt
import os
import warnings
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from geosleuth.errors import EvidenceWarning, GeosleuthWarning
from geosleuth.fuse import Estimate, TimelinePoint
from geosleuth.gazetteer import Place
from geosleuth.locate._checks import (
    check_dates,
    warn_old_documents,
    warn_one_speaker,
    warn_prior_only,
    warn_wide_region,
)
from geosleuth.locate._inputs import DocumentTally, Inputs, gather
from geosleuth.locate._outputs import (
    check_no_reading_replaced,
    plan_layer,
    warn_stale_plan,
    write_outputs,
)
from geosleuth.locate._timeline import fuse_known_by, timeline_of

__all__ = ["locate_case"]


def _threads(scheduler: str, workers: int | None) -> int:
    """Threads for the contributions: 1 unless the run asked for parallel work."""
    if scheduler in ("serial", "synchronous"):
        return 1
    return workers or os.cpu_count() or 1


def locate_case(
    inputs: Sequence[Path],
    *,
    out: Path,
    as_of: dt.date | None = None,
    known_by: dt.date | None = None,
    target: str | None = None,
    published: dt.date | None = None,
    cell_km: float | None = None,
    budget_km: float | None = None,
    sweep_width_km: float | None = None,
    home: Place | None = None,
    scheduler: str = "serial",
    workers: int | None = None,
    source: str | None = None,
    stage: Callable[[str], None] | None = None,
    documents: Callable[[DocumentTally], None] | None = None,
) -> tuple[Estimate, str]:
    """Read the inputs, fuse, write every output to ``out``.

    Parameters
    ----------
    inputs : sequence of Path
        At most one case file (.yaml), articles (.txt, .md, .html) and what
        ``geosleuth read`` wrote (``<doc>.json``, ``evidence.json``).
    out : Path
        Folder for the outputs (created if missing).
    as_of : datetime.date or None, default None
        The day of the estimate; by default the case's, else the last item's.
    known_by : datetime.date or None, default None
        Use the items published by this day (default: ``as_of``'s). A later
        day makes the estimate a hindcast
        (:func:`~geosleuth.locate.fuse_known_by`): every item dated by
        ``as_of`` and published by ``known_by``, as a point of the timeline of
        a run as of ``known_by`` is when that timeline is a hindcast; the
        run's own timeline is then one too. Without a case
        region, the study region is drawn around the evidence as of
        ``known_by``, as that run draws it.
    target, published, home : optional
        For the articles (see :func:`geosleuth.read.read_document`). With a case
        file, ``target`` must name its target, though it may be written otherwise
        ("J. Doe" or "Doe, Jane" for "Jane Doe", "bin Laden" for "Osama bin
        Laden").
    cell_km : float or None, default None
        Grid cell size; by default the case file's. The study region is the
        case's ``region:``; without one it is drawn around every item (the
        case's and the articles') on the day of the estimate
        (:func:`~geosleuth.casefile.evidence_bounds`).
    budget_km, sweep_width_km : float or None, default None
        Both given: the report also shows the optimal search plan for that
        effort (:func:`geosleuth.plan.allocate_optimal`).
    scheduler, workers : optional
        How articles are read (:func:`geosleuth.read.read_corpus`) and the
        timeline's points estimated (:func:`~geosleuth.locate.timeline_of`).
        Any scheduler but "serial" and "synchronous" also shares the
        contributions (one posterior without each item) among ``workers``
        threads of this process, by default one a core (:func:`fuse`).
    source : str or None, default None
        Names the inputs in the outputs (``estimate.json``'s ``case``, the
        report) instead of their paths. Without it, ``estimate.json`` names
        the case file by its path from ``out``
        (:func:`geosleuth.report.files.case_reference`), articles by their
        paths as given, and report.html shows the file names only: a report
        meant to be shared does not tell where the analyst keeps the case.
    stage : callable (str) -> None, optional
        Told what is being done ("Fusing 14 items on 65,536 cells"), for progress.
    documents : callable (DocumentTally) -> None, optional
        Told, once the outputs are written, how many documents (articles and
        readings) the run had and what became of their items; not called when
        there are none (a case file alone).

    Returns
    -------
    (Estimate, str)
        The estimate and the name of the target.

    Warns
    -----
    EvidenceWarning
        When no item is known by ``as_of``, and for items left out on the way;
        for each document published and each item dated after today, and when
        the day of the estimate, taken from the newest item, is after today.
    GeosleuthWarning
        When a case's region is
        :data:`~geosleuth.locate._checks._WIDE_REGION_RATIO` times or more the
        area the evidence spans
        (:func:`~geosleuth.locate._checks.warn_wide_region`).

        Every warning of the run (each text once) is also written into the
        outputs: ``estimate.json``'s ``warnings``, a box at the top of
        report.html and a line under map.png. They are raised again, as they
        came, before anything is written.

    Raises
    ------
    InputError
        If ``target`` names another person than the case file does, or an item
        is dated more than :data:`~geosleuth.casefile.MAX_DAYS_AHEAD` days after
        today (and for any input the readers refuse); a
        :class:`~geosleuth.errors.CaseFileError` for a case with no evidence
        yet and nothing else given (a case file may hold none, to record its
        first search in; an estimate needs one item at least). Also if a file
        of the run would replace one that ``geosleuth read`` wrote in ``out``
        (a ``report.html`` that is the annotated page of a ``report.txt``):
        before anything is read or written.
    """
    check_no_reading_replaced(out)
    tell = stage or (lambda _: None)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            est, data, points, plan = _run(
                inputs, as_of=as_of, known_by=known_by, target=target,
                published=published, cell_km=cell_km, budget_km=budget_km,
                sweep_width_km=sweep_width_km, home=home, scheduler=scheduler,
                workers=workers, source=source, tell=tell,
            )  # fmt: skip
        except Exception as exc:
            error: Exception | None = exc
        else:
            error = None
    said = _raise_again(caught)
    if error is not None:
        # what was warned of before the failure often says why ("... read for
        # 'Tom Fox', not for ...: left out", then "No evidence"): shown first
        raise error
    tell("Writing the report")
    write_outputs(out, est, data, points, plan, said, known_by=known_by)
    warn_stale_plan(out)
    if documents is not None and (tally := DocumentTally.of(est, data)).documents:
        documents(tally)
    return est, data.target


def _raise_again(caught: Sequence[warnings.WarningMessage]) -> list[str]:
    """Raise the recorded warnings again, each once; return geosleuth's texts.

    Each goes on to the caller's own filters (shown, ignored or an error), as
    if it had not been recorded; the texts of the :class:`GeosleuthWarning` ones are
    what the outputs say the run warned of.
    """
    seen: set[tuple[type[Warning], str]] = set()
    said = []
    for w in caught:
        key = (w.category, str(w.message))
        if key in seen:
            continue
        seen.add(key)
        if issubclass(w.category, GeosleuthWarning):
            said.append(str(w.message))
        warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    return said


def _run(
    inputs: Sequence[Path],
    *,
    as_of: dt.date | None,
    known_by: dt.date | None,
    target: str | None,
    published: dt.date | None,
    cell_km: float | None,
    budget_km: float | None,
    sweep_width_km: float | None,
    home: Place | None,
    scheduler: str,
    workers: int | None,
    source: str | None,
    tell: Callable[[str], None],
) -> tuple[Estimate, Inputs, list[TimelinePoint], dict[str, Any] | None]:
    """:func:`locate_case` up to the outputs: the estimate, inputs, timeline, plan."""
    tell("Reading the evidence")
    data = gather(
        inputs, target=target, published=published, cell_km=cell_km, home=home,
        scheduler=scheduler, workers=workers, as_of=known_by or as_of,
    )  # fmt: skip
    if source is not None:
        # the caller names the inputs, and binds them (the service's run.json):
        # no path of this machine goes into the outputs
        data = replace(data, source=source, shown=source, case_path=None, digests=())
    today = dt.date.today()
    check_dates(data.items, today=today)
    warn_old_documents(data.items)
    newest = max(data.items, key=lambda i: i.known_on)
    day = as_of or data.as_of or newest.known_on
    if as_of is None and data.as_of is None and day > today:
        warnings.warn(
            f"The estimate is as of {day.isoformat()}, after today "
            f"({today.isoformat()}): the day the newest item, {newest.id!r}, is "
            "known. Give the case an as_of (or --as-of) to estimate as of "
            "another day.",
            EvidenceWarning,
            stacklevel=3,
        )
    tell(f"Fusing {len(data.items)} items on {data.grid.n_cells:,} cells")
    est = fuse_known_by(
        data.items, data.grid, as_of=day, known_by=known_by,
        settings=data.settings, places=data.places or None,
        workers=_threads(scheduler, workers),
    )  # fmt: skip
    warn_prior_only(est, data.items, stacklevel=4, known_by=known_by)
    warn_one_speaker(est, data.items)
    if data.region_given:
        warn_wide_region(data.items, data.grid, settings=data.settings, as_of=day)
    tell("Tracing the timeline")
    points = timeline_of(
        est, data.items, scheduler=scheduler, workers=workers, known_by=known_by
    )
    plan = None
    if (
        budget_km is not None
        and sweep_width_km is not None
        and est.p_outside >= 1.0 - 1e-9
    ):
        warnings.warn(
            f"No search plan: the target is outside the region with probability "
            f"{est.p_outside:.7f}, so nothing in it is left to plan for.",
            GeosleuthWarning,
            stacklevel=3,
        )
    elif budget_km is not None and sweep_width_km is not None:
        tell("Planning the search")
        plan = plan_layer(est, budget_km=budget_km, sweep_width_km=sweep_width_km)
    return est, data, points, plan
