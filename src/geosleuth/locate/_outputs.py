"""What a case run writes: the estimate's files and plan, and what it must not replace.

:func:`write_outputs` makes ``estimate.json``, ``estimate.geojson``,
``report.html``, ``map.png`` and ``posterior.npz`` and writes them all or
nothing; :func:`plan_summary` and :func:`plan_layer` give the report's search
plan; :func:`check_no_reading_replaced` refuses an output folder where a file
of the run would replace what ``geosleuth read`` wrote, and
:func:`warn_stale_plan` warns of a plan left beside the estimate replaced.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from geosleuth._json import loads as read_json
from geosleuth.errors import GeosleuthWarning, InputError
from geosleuth.fuse import Estimate
from geosleuth.locate._inputs import Inputs
from geosleuth.locate._timeline import TIMELINE_POINTS
from geosleuth.report import files

__all__ = [
    "check_no_reading_replaced",
    "plan_layer",
    "plan_summary",
    "warn_stale_plan",
    "write_outputs",
]


def _reading_at(path: Path) -> str | None:
    """What ``geosleuth read`` output ``path`` is, or None if it is none.

    An annotated page (``<doc>.html``, known by its title) or a reading
    (``<doc>.json`` or ``evidence.json``, known by its keys), as ``read`` and
    ``locate`` know them when given a folder.
    """
    if not path.is_file():  # a pipe would block; a folder is refused on writing
        return None

    from geosleuth.read.corpus import READ_EVIDENCE_FORMAT
    from geosleuth.read.document import _own_page

    if path.suffix.lower() == ".html":
        page = _own_page(path)
        return page if page is not None and "geosleuth read" in page else None
    if path.suffix.lower() != ".json":
        return None
    try:
        data = read_json(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    if data.get("format") == READ_EVIDENCE_FORMAT:
        return "the evidence of a corpus written by 'geosleuth read'"
    if {"doc_id", "evidence", "mentions"} <= data.keys():
        return (
            f"the reading of document {str(data['doc_id'])[:60]!r} by 'geosleuth read'"
        )
    return None


def check_no_reading_replaced(out: Path) -> None:
    """Refuse an ``out`` where a file of the run would replace a reading.

    ``geosleuth read`` names its files after the documents: ``report.txt``
    gives ``report.html`` and ``report.json``, ``estimate.txt``
    ``estimate.json``, which the estimate's own files would silently replace
    (review 19). Readings under other names are left as they are: they are not
    touched, so a folder is not refused for holding them.

    Raises
    ------
    InputError
        Naming the first such file.
    """
    for name in sorted(files.RUN_OUTPUTS):
        what = _reading_at(out / name)
        if what is not None:
            raise InputError(
                f"The estimate's {name} would replace {what} in {out}. Give "
                "another --out for the estimate.",
                path=str(out / name),
                field="--out",
            )


#: What ``geosleuth plan`` writes (:mod:`geosleuth.report.fieldfiles`).
_PLAN_FILES = ("plan.geojson", "plan.csv", "plan.gpx", "plan.kml")


def warn_stale_plan(out: Path) -> None:
    """Warn of a search plan in ``out`` made from the estimate just replaced.

    ``geosleuth plan`` writes its files beside the estimate it plans on; a new
    estimate in that folder leaves them planning for the old one, and field teams
    load them (review 14: another case's plan sat beside a new estimate).
    """
    stale = [name for name in _PLAN_FILES if (out / name).is_file()]
    if stale:
        warnings.warn(
            f"{out} holds {', '.join(stale)}, planned by 'geosleuth plan' on the "
            "estimate this run has replaced, not on this one. Plan again "
            f"('geosleuth plan {out} ...') or remove them before anyone uses them.",
            GeosleuthWarning,
            stacklevel=3,
        )


def plan_summary(
    est: Estimate, *, budget_km: float, sweep_width_km: float
) -> tuple[Any, dict[str, Any]]:
    """The optimal plan for ``budget_km`` of track on ``est``, and its summary.

    The rest of world is the estimate's P(outside the region), after the searches
    so far. The summary (``budget_km``, ``sweep_width_km``, ``rest_of_world``,
    ``probability_of_success``, ``cells_searched``) is what ``locate`` prints and
    stores in ``estimate.json`` as ``plan``, and what ``geosleuth verify``
    recomputes.
    """
    from geosleuth.plan import allocate_optimal, scale_for_rest_of_world

    sp = allocate_optimal(
        scale_for_rest_of_world(est.posterior, rest_of_world=est.p_outside),
        budget_km,
        sweep_width_km=sweep_width_km,
        area_km2=est.grid.cell_area_km2,
        rest_of_world=est.p_outside,
    )
    summary = {
        "budget_km": budget_km,
        "sweep_width_km": sweep_width_km,
        # as computed: rounded here, a POS of 0.99999 read "100.0%" and one of
        # 0.013496 1.4 % where plan gives 1.3% (review 16, r18)
        "rest_of_world": float(est.p_outside),
        "probability_of_success": float(sp.pos),
        "cells_searched": int((sp.effort_km > 0).sum()),
    }
    return sp, summary


def plan_layer(
    est: Estimate, *, budget_km: float, sweep_width_km: float
) -> dict[str, Any]:
    from geosleuth.report.geojson import effort_bands_geojson

    sp, summary = plan_summary(est, budget_km=budget_km, sweep_width_km=sweep_width_km)
    return effort_bands_geojson(
        sp.effort_km, est.grid, summary=summary, p=sp.p, pod=sp.pod
    )


def write_outputs(
    out: Path,
    est: Estimate,
    data: Inputs,
    points: Any,
    plan: Any = None,
    said: Sequence[str] = (),
    *,
    known_by: dt.date | None = None,
) -> None:
    from geosleuth.report.geojson import estimate_geojson
    from geosleuth.report.html import render_report
    from geosleuth.report.png import render_png

    # everything is made before anything is written, and written all or nothing:
    # a failed run leaves the folder as it was, never old files beside new ones
    html = render_report(
        est,
        data.items,
        title=data.title,
        target=data.target,
        timeline=points,
        plan=plan,
        case_meta={"source": data.shown or data.source},
        set_aside=data.set_aside,
        run_warnings=said,
        place_sources=data.place_sources,
        place_areas=data.place_areas,
        place_kinds=data.place_kinds,
        known_by=known_by,
        documents_kept=bool(data.texts),
    )
    import io

    buf = io.BytesIO()
    render_png(
        est,
        data.items,
        buf,
        title=data.title,
        run_warnings=said,
        set_aside=data.set_aside,
    )
    shown = {
        "report.html": html.encode("utf-8"),
        "map.png": buf.getvalue(),
        "estimate.geojson": files.json_bytes(estimate_geojson(est, data.items)),
    }
    record = files.estimate_record(
        est,
        data.items,
        target=data.target,
        title=data.title,
        timeline=points,
        timeline_max_points=TIMELINE_POINTS,
        known_by=known_by,
        documents=data.texts,
        # from the output folder, not from the directory locate ran in: verify
        # and plan, run from elsewhere, find it (review 19)
        source=(
            data.source
            if data.case_path is None
            else files.case_reference(data.case_path, out)
        ),
        source_absolute=(
            None if data.case_path is None else files.case_fallback(data.case_path, out)
        ),
        plan=None if plan is None else plan.get("summary"),
        set_aside=data.set_aside,
        warnings=said,
        place_sources=data.place_sources,
        # what verify knows the shown files by: a page edited after the run,
        # or copied from another, is not the one these figures made
        outputs={name: files.sha256_hex(data) for name, data in shown.items()},
        inputs=[
            {"path": files.case_reference(path, out), "sha256": digest}
            | ({"absolute": a} if (a := files.case_fallback(path, out)) else {})
            for path, digest in data.digests
        ]
        or None,
    )
    files.write_all_atomic(
        {
            out / "estimate.json": files.json_bytes(record),
            out / "posterior.npz": files.posterior_bytes(est.grid, est.posterior),
            **{out / name: data for name, data in shown.items()},
        }
    )
