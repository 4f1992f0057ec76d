"""``geosleuth locate``, ``demo``, ``searched`` and ``schema``."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import math
import os
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, TypeVar

import numpy as np
import typer
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from geosleuth.casefile import (
    CASE_SCHEMA,
    Case,
    dump_item_yaml,
    evidence_bounds,
    free_search_id,
    load_case,
    parse_case,
)
from geosleuth.cli import (
    app,
    clean_text,
    console,
    err_console,
    guarded,
    shown_warnings,
)
from geosleuth.cli.read import (
    SchedulerOption,
    WorkersOption,
    home_of,
    scheduler_of,
)
from geosleuth.errors import CaseFileError, EvidenceWarning, InputError
from geosleuth.evidence import EvidenceItem, Provenance, Searched
from geosleuth.fuse import (
    Estimate,
    NamedPlace,
    Settings,
    TimelinePoint,
    fuse,
    timeline,
)
from geosleuth.gazetteer import Place
from geosleuth.geometry import Area, Point, from_geojson
from geosleuth.grid import MAX_CELLS, Grid
from geosleuth.report import files

__all__ = [
    "append_items",
    "demo",
    "locate",
    "run_locate",
    "schema",
    "searched",
    "verify",
]

_CASE_SUFFIXES = {".yaml", ".yml"}


def _parse_date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(
            f"{option} must be a date written YYYY-MM-DD. Got {value!r} instead.",
            field=option,
        ) from None


@dataclass(frozen=True, slots=True)
class _Inputs:
    target: str
    title: str
    items: tuple[EvidenceItem, ...]
    grid: Grid
    settings: Settings
    as_of: dt.date | None
    places: tuple[NamedPlace, ...]
    source: str


def _gather(
    paths: Sequence[Path],
    *,
    target: str | None,
    published: dt.date | None,
    cell_km: float | None,
    home: Place | None = None,
    scheduler: str = "serial",
    workers: int | None = None,
) -> _Inputs:
    from geosleuth.read.corpus import CORPUS_SUFFIXES, gather_evidence

    cases = [p for p in paths if p.suffix.lower() in _CASE_SUFFIXES]
    articles = [p for p in paths if p.suffix.lower() in CORPUS_SUFFIXES]
    outputs = [p for p in paths if p.suffix.lower() == ".json"]
    other = [p for p in paths if p not in cases + articles + outputs]
    if other:
        raise InputError(
            f"Cannot tell what {other[0]} is: give case files (.yaml, .yml), "
            "articles (.txt, .md, .html) or what 'geosleuth read' wrote (.json).",
            path=str(other[0]),
        )
    if len(cases) > 1:
        raise InputError(
            "Give at most one case file; merge the evidence into one.",
            path=str(cases[1]),
        )
    case: Case | None = load_case(cases[0]) if cases else None
    items: list[EvidenceItem] = list(case.items) if case else []
    places = list(case.places) if case else []
    tgt = target or (case.target if case else None)
    inputs = [p for p in paths if p in articles or p in outputs]
    for path, doc in gather_evidence(
        inputs, target=tgt, published=published, home=home, scheduler=scheduler,
        workers=workers,
    ):  # fmt: skip
        fresh, repeats = _not_in_case(doc.evidence, case)
        if repeats:
            warnings.warn(
                f"{len(repeats)} item(s) read from {path.name} quote the same "
                "sentence as an item of the case file, which already counts it; "
                f"left out: {', '.join(repeats)}.",
                EvidenceWarning,
                stacklevel=2,
            )
        items.extend(fresh)
        tgt = tgt or doc.target or None  # the first article's inferred name
        known = {p.name for p in places}
        for name, lon, lat in doc.named_points():
            if name not in known:
                places.append(NamedPlace(name, lon, lat))
                known.add(name)
    _check_unique(items)
    if not items:
        raise InputError("No evidence: the inputs yield no evidence items to fuse.")
    if case is not None and cell_km is None:
        grid = case.grid
    elif case is not None and cell_km is not None:
        grid = case.grid.recut(cell_km)
    else:
        limit = {} if cell_km is None else {"max_cells": MAX_CELLS}  # asked for
        grid = Grid.from_bounds(*evidence_bounds(items), cell_km=cell_km, **limit)
    return _Inputs(
        target=tgt or "the target",
        title=case.title if case else (tgt or "geosleuth estimate"),
        items=tuple(items),
        grid=grid,
        settings=case.settings if case else Settings(),
        as_of=case.as_of if case else None,
        places=tuple(places),
        source=str(cases[0]) if cases else ", ".join(map(str, articles + outputs)),
    )


_QUOTE_MARKS = str.maketrans(dict.fromkeys("\"'“”‘’«»"))


def _sentence_key(quote: str) -> str:
    """A quote reduced for comparison: no quote marks, case or spacing."""
    return " ".join(quote.translate(_QUOTE_MARKS).casefold().split()).strip(" .")


def _not_in_case(
    read: Sequence[EvidenceItem], case: Case | None
) -> tuple[list[EvidenceItem], list[str]]:
    """Items read from an article, less those the case file already holds.

    An item repeats a case item when both are of one kind and one quote holds the
    other (at least 20 characters of it): a case written from the article quotes
    its sentences, and counting a sentence twice would double its weight.
    Returns the items to keep and the ids left out.
    """
    if case is None:
        return list(read), []
    keyed = ((i.kind, _sentence_key(i.provenance.quote)) for i in case.items)
    quoted = [(kind, q) for kind, q in keyed if len(q) >= 20]
    keep, repeats = [], []
    for item in read:
        key = _sentence_key(item.provenance.quote)
        if len(key) >= 20 and any(
            kind == item.kind and (q in key or key in q) for kind, q in quoted
        ):
            repeats.append(item.id)
        else:
            keep.append(item)
    return keep, repeats


def _check_unique(items: Sequence[EvidenceItem]) -> None:
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise InputError(
                f"Two evidence items share the id {item.id!r} across the "
                "inputs; rename one.",
                field="id",
            )
        seen.add(item.id)


def _timeline_of(est: Estimate, items: Sequence[EvidenceItem]) -> list[TimelinePoint]:
    """The timeline the report shows: the estimate's six best places, over time."""
    top = [NamedPlace(p.name, p.lon, p.lat) for p in est.places[:6]]
    return timeline(items, est.grid, as_of=est.as_of, places=top, settings=est.settings)


def run_locate(
    inputs: Sequence[Path],
    *,
    out: Path,
    as_of: dt.date | None = None,
    target: str | None = None,
    published: dt.date | None = None,
    cell_km: float | None = None,
    quiet: bool = False,
    budget_km: float | None = None,
    sweep_width_km: float | None = None,
    home: Place | None = None,
    scheduler: str = "serial",
    workers: int | None = None,
    source: str | None = None,
) -> tuple[Estimate, str]:
    """Read the inputs, fuse, write every output to ``out``.

    Returns the estimate and the name of the target. ``home`` is where the
    articles come from (see :func:`geosleuth.read.toponyms.find_toponyms`).

    With ``budget_km`` and ``sweep_width_km`` the report also shows the optimal
    search plan for that effort (see :func:`geosleuth.plan.allocate_optimal`).
    ``scheduler`` and ``workers`` say how articles are read (see
    :func:`geosleuth.read.read_corpus`). ``source`` names the inputs in the
    outputs (``estimate.json``'s ``case``, the report) instead of their paths.
    """
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=err_console,  # progress is not output: stdout stays clean for pipes
        transient=True,
        disable=quiet,
    ) as progress:
        task = progress.add_task("Reading the evidence", total=None)
        data = _gather(
            inputs, target=target, published=published, cell_km=cell_km, home=home,
            scheduler=scheduler, workers=workers,
        )  # fmt: skip
        if source is not None:
            data = replace(data, source=source)
        day = as_of or data.as_of or max(i.known_on for i in data.items)
        progress.update(
            task,
            description=f"Fusing {len(data.items)} items on "
            f"{data.grid.n_cells:,} cells",
        )
        est = fuse(
            data.items,
            data.grid,
            as_of=day,
            settings=data.settings,
            places=data.places or None,
        )
        if not est.used:
            first = min(i.known_on for i in data.items)
            warnings.warn(
                f"No evidence was known by {day.isoformat()} (the first item is known "
                f"on {first.isoformat()}): the map is the prior alone, and its "
                "ranking of places means nothing.",
                EvidenceWarning,
                stacklevel=2,
            )
        progress.update(task, description="Tracing the timeline")
        points = _timeline_of(est, data.items)
        plan = None
        if budget_km is not None and sweep_width_km is not None:
            progress.update(task, description="Planning the search")
            plan = _plan_layer(est, budget_km=budget_km, sweep_width_km=sweep_width_km)
        progress.update(task, description="Writing the report")
        _write_outputs(out, est, data, points, plan)
    return est, data.target


def _plan_layer(
    est: Estimate, *, budget_km: float, sweep_width_km: float
) -> dict[str, Any]:
    from geosleuth.plan import allocate_optimal
    from geosleuth.report.geojson import effort_bands_geojson

    sp = allocate_optimal(
        est.posterior,
        budget_km,
        sweep_width_km=sweep_width_km,
        area_km2=est.grid.cell_area_km2,
    )
    summary = {
        "budget_km": budget_km,
        "sweep_width_km": sweep_width_km,
        "probability_of_success": round(float(sp.pos), 4),
        "cells_searched": int((sp.effort_km > 0).sum()),
    }
    return effort_bands_geojson(sp.effort_km, est.grid, summary=summary)


def _write_outputs(
    out: Path, est: Estimate, data: _Inputs, points: Any, plan: Any = None
) -> None:
    from geosleuth.report.geojson import estimate_geojson
    from geosleuth.report.html import render_report
    from geosleuth.report.png import render_png

    out.mkdir(parents=True, exist_ok=True)
    record = files.estimate_record(
        est,
        data.items,
        target=data.target,
        title=data.title,
        timeline=points,
        source=data.source,
    )
    files.write_json(out / "estimate.json", record)
    files.save_posterior(out / "posterior.npz", est.grid, est.posterior)
    files.write_json(out / "estimate.geojson", estimate_geojson(est, data.items))
    html = render_report(
        est,
        data.items,
        title=data.title,
        target=data.target,
        timeline=points,
        plan=plan,
        case_meta={"source": data.source},
    )
    files.write_atomic(out / "report.html", html.encode("utf-8"))
    import io

    buf = io.BytesIO()
    render_png(est, data.items, buf, title=data.title)
    files.write_atomic(out / "map.png", buf.getvalue())


def _summary(est: Estimate, *, target: str, out: Path) -> None:
    """Print the ranked places and totals; names from the case are shown as text.

    Names, ids and paths come from the user's files, so none is read as Rich
    markup ("Cell [B]" stays as it is, and "[/]" cannot break the output).
    """
    table = Table(
        title=Text(f"Where is {target}? (as of {est.as_of})"), title_justify="left"
    )
    table.add_column("place")
    table.add_column(f"P(within {est.settings.place_radius_km:g} km)", justify="right")
    table.add_column("in 90% area", justify="center")
    for p in est.places[:10]:
        table.add_row(
            Text(p.name), f"{p.probability:.3f}", "yes" if p.in_hdr90 else "no"
        )
    console.print(table)
    console.print(
        f"P(alive) = {est.p_alive:.3f}   50% area = {est.hdr_km2['50']:,.0f} km²   "
        f"90% area = {est.hdr_km2['90']:,.0f} km²   items used: {len(est.used)}, "
        f"left out: {len(est.excluded)}"
    )
    rng = est.top_place_range()
    if rng is not None:
        console.print(
            Text(
                f"{est.places[0].name}: {est.places[0].probability:.3f}, between "
                f"{rng[0]:.3f} and {rng[1]:.3f} when any one item is left out"
            ),
        )
    top = sorted(est.contributions, key=lambda c: -c.map_shift)[:5]
    if top:
        console.print(
            Text(
                "Items that move the map most: "
                + ", ".join(f"{c.item_id} ({c.map_shift:.2f})" for c in top)
            ),
        )
    console.print(
        Text(
            f"Wrote {out}/estimate.json, estimate.geojson, report.html, map.png, "
            "posterior.npz"
        ),
    )


@app.command()
@guarded
def locate(
    inputs: Annotated[
        list[Path],
        typer.Argument(
            help="A case file (.yaml), articles (.txt, .md, .html) and/or what "
            "'geosleuth read' wrote (<doc>.json, evidence.json: read already).",
            exists=True,
            dir_okay=False,
            readable=True,
        ),
    ],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Output folder.", file_okay=False)
    ] = Path("geosleuth-out"),
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="Estimate as of this date (YYYY-MM-DD); only evidence known "
            "by then is used. Default: the case's as_of, else the newest evidence.",
        ),
    ] = None,
    target: Annotated[
        str | None, typer.Option(help="Who is sought (articles).")
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(help="Publication date of the articles, when they do not say."),
    ] = None,
    cell_km: Annotated[
        float | None,
        typer.Option(
            help="Cell size in km (default: the case's, else about 250,000 cells)."
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No table.")] = False,
    budget_km: Annotated[
        float | None,
        typer.Option(help="Show the optimal search plan for this much track (km)."),
    ] = None,
    sweep_width_km: Annotated[
        float | None,
        typer.Option(help="Effective sweep width of the searchers (km), for the plan."),
    ] = None,
    home: Annotated[
        str | None,
        typer.Option(
            help="Where the articles come from, e.g. 'Athens, Texas' for a local "
            "paper: context for every place name they give (as in 'read --home')."
        ),
    ] = None,
    workers: WorkersOption = None,
    scheduler: SchedulerOption = None,
) -> None:
    """Fuse the evidence into a probability map and write the report.

    Writes estimate.json, estimate.geojson, report.html, map.png and posterior.npz to
    OUT and prints the ranked places, P(alive) and the 50 % / 90 % areas.
    """
    if cell_km is not None and not (cell_km > 0 and math.isfinite(cell_km)):
        raise InputError(
            f"--cell-km must be a positive number. Got {cell_km}.", field="--cell-km"
        )
    if (budget_km is None) != (sweep_width_km is None):
        raise InputError(
            "Give both --budget-km and --sweep-width-km to plan the search, or "
            "neither.",
            field="--budget-km",
        )
    how, n_workers = scheduler_of(workers, scheduler)
    with shown_warnings():
        est, who = run_locate(
            inputs,
            scheduler=how,
            workers=n_workers,
            budget_km=budget_km,
            sweep_width_km=sweep_width_km,
            out=out,
            as_of=_parse_date(as_of, "--as-of"),
            target=target,
            published=_parse_date(published, "--published"),
            cell_km=cell_km,
            quiet=quiet,
            home=home_of(home) if home else None,
        )
    if not quiet:
        _summary(est, target=who, out=out)


def bundled_example(name: str = "seed-baghdadi-2018.yaml") -> Path:
    """Path of a bundled example case file, by its file name.

    Raises
    ------
    InputError
        If ``name`` is not one of the bundled examples (listed in the message);
        a path ("../x.yaml") is never followed out of the examples folder.

    Examples
    --------
    >>> bundled_example("missing-hiker.yaml").name
    'missing-hiker.yaml'
    >>> bundled_example("hiker.yaml")
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: There is no bundled example 'hiker.yaml'; ...
    """
    folder = Path(str(resources.files("geosleuth") / "examples"))
    known = sorted(p.name for p in folder.glob("*.yaml"))
    if name not in known:
        raise InputError(
            f"There is no bundled example {name!r}; the examples are "
            f"{', '.join(known)}. Run 'geosleuth locate FILE' for a case of your own.",
            field="--example",
        )
    return folder / name


@app.command()
@guarded
def demo(
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Output folder.", file_okay=False)
    ] = Path("geosleuth-demo"),
    example: Annotated[
        str,
        typer.Option(
            help="Bundled example: seed-baghdadi-2018.yaml or missing-hiker.yaml."
        ),
    ] = "seed-baghdadi-2018.yaml",
) -> None:
    """Run locate on a bundled example (default: the 2018 al-Baghdadi seed case)."""
    path = bundled_example(example)
    console.print(Text(f"Example case: {path}"))
    with shown_warnings():
        est, who = run_locate([path], out=out)
    _summary(est, target=who, out=out)
    console.print(Text(f"Open {out / 'report.html'} in a browser."))


@app.command()
@guarded
def schema() -> None:
    """Print the JSON Schema of case files."""
    typer.echo(json.dumps(CASE_SCHEMA, indent=2))


def _area_from_options(
    box: str | None, point: str | None, radius_km: float | None, geojson: Path | None
) -> tuple[Any, float]:
    given = [x is not None for x in (box, point, geojson)]
    if sum(given) != 1:
        raise InputError(
            "Give exactly one of --box, --point (with --radius-km) or "
            "--geojson for the searched area.",
            field="area",
        )
    if box is not None:
        try:
            w, s, e, n = (float(v) for v in box.split(","))
        except ValueError:
            raise InputError(
                f"--box must be WEST,SOUTH,EAST,NORTH in degrees. Got {box!r}.",
                field="--box",
            ) from None
        if not (w < e and s < n):
            raise InputError(
                f"--box must have west < east and south < north. Got {box!r}.",
                field="--box",
            )
        return Area.box(w, s, e, n), 0.0
    if point is not None:
        try:
            lon, lat = (float(v) for v in point.split(","))
        except ValueError:
            raise InputError(
                f"--point must be LON,LAT in degrees. Got {point!r}.", field="--point"
            ) from None
        if radius_km is None or not radius_km > 0:
            raise InputError(
                "--point needs a positive --radius-km.", field="--radius-km"
            )
        return Point(lon, lat), float(radius_km)
    if geojson is None:  # pragma: no cover - guarded by the count above
        raise InputError("No area given.", field="area")
    try:
        obj = json.loads(geojson.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(
            f"Cannot read GeoJSON from {geojson}: {exc}.", path=str(geojson)
        ) from None
    if isinstance(obj, dict) and obj.get("type") == "Feature":
        obj = obj.get("geometry")
    return from_geojson(obj, what=f"geometry in {geojson}"), 0.0


_Item = TypeVar("_Item", bound=EvidenceItem)


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path``'s folder (POSIX; elsewhere, no lock).

    The folder, not the file: the file is replaced by a rename, so a lock on it
    would be on the old file. Two ``searched`` runs on one case then take turns
    instead of each writing back the text it read, losing the other's item.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    fd = os.open(path.resolve().parent, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def append_items(
    case_path: Path, build: Callable[[Case], Sequence[_Item]]
) -> list[_Item]:
    """Append items to a case file's evidence list, keeping the rest of the text.

    ``build`` gets the case as it is on disk (read under a lock on its folder, so
    concurrent appends queue) and returns the items to add, e.g. with ids not yet
    taken. The new text is validated by parsing the whole case before anything is
    written, and the file is replaced atomically: on any error the file is left as
    it was. Line endings (CRLF or LF) stay as the file has them.
    """
    import yaml

    with _locked(case_path):
        raw = case_path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CaseFileError(
                f"The case file {case_path} is not UTF-8 text (byte {exc.start}).",
                path=str(case_path),
            ) from None
        crlf = "\r\n" in text
        text = text.replace("\r\n", "\n")
        items = list(build(parse_case(text, source=str(case_path))))
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        seq = None
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if k.value == "evidence" and isinstance(v, yaml.SequenceNode):
                    seq = v
        if seq is None or seq.flow_style or not seq.value:
            raise CaseFileError(
                f"The case file {case_path} has no block list under 'evidence' to "
                "append to (write it with one item per '- ' line).",
                path=str(case_path),
            )
        indent = seq.value[0].start_mark.column - 2
        block = "".join(
            " " * indent + line + "\n" if line else "\n"
            for item in items
            for line in dump_item_yaml(item).rstrip("\n").split("\n")
        )
        lines = text.splitlines(keepends=True)
        end_line = seq.end_mark.line
        if seq.end_mark.column > 0:
            end_line += 1
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
        new_text = "".join(lines[:end_line]) + block + "".join(lines[end_line:])
        parse_case(new_text, source=str(case_path))
        if crlf:
            new_text = new_text.replace("\n", "\r\n")
        files.write_atomic(case_path, new_text.encode("utf-8"))
    return items


_PD_STEP = 0.05


def _plan_bands(path: Path) -> list[tuple[float, Area, int]]:
    """Cells of a ``plan.geojson`` grouped by POD rounded down to 0.05.

    Returns ``(pd, area, n_cells)`` per band with pd > 0. Rounding down never
    overstates what a search could have detected, and no band reaches 1: a
    Koopman search never makes detection certain, so a POD written as 1.0 (or
    0.9999995 rounded) goes in the 0.95 band. Polygon and MultiPolygon cells are
    read, so a plan drawn in another tool can be recorded too.
    """

    def bad(what: str) -> InputError:
        return InputError(
            f"{path} is not a plan like those 'geosleuth plan' writes (a GeoJSON "
            f"FeatureCollection of cells with a 'pod' between 0 and 1): {what}.",
            path=str(path),
        )

    try:
        obj = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise bad(f"not JSON ({exc})") from None
    feats = obj.get("features") if isinstance(obj, dict) else None
    if not isinstance(feats, list):
        raise bad("no 'features' list")
    bands: dict[float, list[Any]] = {}
    for i, f in enumerate(feats):
        props = f.get("properties") if isinstance(f, dict) else None
        pod = props.get("pod") if isinstance(props, dict) else None
        if pod is None:
            continue  # not a cell (e.g. a marker)
        if isinstance(pod, bool) or not isinstance(pod, (int, float)):
            raise bad(f"feature {i} has pod {pod!r}, not a number")
        if not 0.0 <= pod <= 1.0:  # also NaN, Infinity
            raise bad(f"feature {i} has pod {pod!r}, outside 0..1")
        pd = min(math.floor(pod / _PD_STEP + 1e-9) * _PD_STEP, 1.0 - _PD_STEP)
        geom = f.get("geometry")
        if pd <= 0 or not isinstance(geom, dict):
            continue
        if geom.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        try:
            area = from_geojson(geom, what=f"feature {i} of {path}")
        except InputError as exc:
            raise InputError(
                exc.message, path=str(path), field=f"features[{i}]"
            ) from None
        assert isinstance(area, Area)
        bands.setdefault(round(pd, 2), []).extend(area.polygons)
    out = [
        (pd, Area(tuple(polys)), len(polys))
        for pd, polys in sorted(bands.items(), reverse=True)
    ]
    if not out:
        raise InputError(
            f"The plan {path} has no Polygon or MultiPolygon cell with a POD of "
            f"{_PD_STEP} or more.",
            path=str(path),
        )
    return out


@app.command()
@guarded
def searched(
    case: Annotated[
        Path,
        typer.Argument(
            help="The case file to add the search to.",
            exists=True,
            dir_okay=False,
            readable=True,
            writable=True,
        ),
    ],
    date: Annotated[str, typer.Option(help="Day of the search, YYYY-MM-DD.")],
    pd: Annotated[
        float | None,
        typer.Option(help="Probability of detection in the area (0-1)."),
    ] = None,
    box: Annotated[str | None, typer.Option(help="WEST,SOUTH,EAST,NORTH")] = None,
    point: Annotated[
        str | None, typer.Option(help="LON,LAT (with --radius-km)")
    ] = None,
    radius_km: Annotated[
        float | None, typer.Option(help="Radius around --point.")
    ] = None,
    geojson: Annotated[
        Path | None,
        typer.Option(
            help="GeoJSON geometry or Feature of the searched area.",
            exists=True,
            dir_okay=False,
            readable=True,
        ),
    ] = None,
    plan: Annotated[
        Path | None,
        typer.Option(
            help="plan.geojson from 'geosleuth plan', carried out in full: each cell "
            "searched with its planned POD (grouped in bands rounded down to 0.05).",
            exists=True,
            dir_okay=False,
            readable=True,
        ),
    ] = None,
    item_id: Annotated[str | None, typer.Option("--id", help="Evidence id.")] = None,
    team: Annotated[str, typer.Option(help="Who searched.")] = "search team",
    note: Annotated[str, typer.Option(help="Free text.")] = "",
) -> None:
    """Record a search that found nothing as evidence in CASE.

    Give the area (--box, --point with --radius-km, or --geojson) with its --pd, or
    the --plan that was carried out.
    """
    day = _parse_date(date, "--date")
    if day is None:  # pragma: no cover - Typer requires --date
        raise InputError("--date is required.", field="--date")
    bands: list[tuple[float, Any, float, int]]
    if plan is not None:
        if pd is not None or any(x is not None for x in (box, point, geojson)):
            raise InputError(
                "With --plan, give no --pd, --box, --point or --geojson: the plan "
                "says where and how well each cell was searched.",
                field="--plan",
            )
        bands = [(b_pd, b_area, 0.0, n) for b_pd, b_area, n in _plan_bands(plan)]
    else:
        if pd is None:
            raise InputError(
                "Give --pd, the probability of detection in the area (or --plan).",
                field="--pd",
            )
        area, buffer_km = _area_from_options(box, point, radius_km, geojson)
        bands = [(pd, area, buffer_km, 0)]
    speaker = clean_text(team, "--team") or "search team"
    note = clean_text(note, "--note")
    if item_id is not None:
        item_id = clean_text(item_id, "--id")

    case_as_of: list[dt.date | None] = []  # the case's as_of, as build() read it

    def build(current: Case) -> list[Searched]:
        case_as_of.append(current.as_of)
        existing = {i.id for i in current.items}
        base = item_id or free_search_id(existing, day)
        items: list[Searched] = []
        for j, (band_pd, band_area, buffer, n_cells) in enumerate(bands, start=1):
            new_id = base if len(bands) == 1 else f"{base}-band{j}"
            if new_id in existing:
                raise InputError(
                    f"The case already has an item {new_id!r}; pick another --id.",
                    field="--id",
                )
            text = note or f"Searched by {speaker}; nothing found."
            if n_cells and plan is not None:
                text += (
                    f" {n_cells} cells of {plan.name} with a planned POD of at least "
                    f"{band_pd:.2f}."
                )
            items.append(
                Searched(
                    id=new_id,
                    provenance=Provenance(
                        document="case file", speaker=speaker, speaker_role="searcher"
                    ),
                    date=day,
                    area=band_area,
                    pd=band_pd,
                    buffer_km=buffer,
                    note=text,
                )
            )
        return items

    items = append_items(case, build)
    as_of = case_as_of[0]
    for it in items:
        console.print(Text(f"Added {it.id} (pd = {it.pd:g}) to {case}."))
    if as_of is not None and day > as_of:
        console.print(
            f"[yellow]The case's as_of is {as_of.isoformat()}, before this search "
            f"({day.isoformat()}): 'geosleuth locate' leaves it out until you give "
            "--as-of or move as_of in the case file.[/]",
            highlight=False,
        )


@app.command()
@guarded
def verify(
    estimate: Annotated[
        Path,
        typer.Argument(
            help="Output folder of 'geosleuth locate' (or its estimate.json).",
            exists=True,
            readable=True,
        ),
    ],
) -> None:
    """Recompute an estimate from the evidence stored with it and compare.

    Every number in estimate.json comes from the items, settings and grid stored in
    it; this re-runs the fusion and the timeline, rebuilds the whole record and
    compares it with the stored one: the posterior (posterior.npz), P(alive), the
    50 % / 90 % areas, the ranked places, each item's reliability and contribution,
    the leave-one-out range and the timeline. Exit status 1 if anything differs.
    """
    stored = files.load_estimate(estimate)
    grid, posterior = files.load_posterior(estimate)
    if grid != stored.grid:
        raise InputError(
            f"The posterior.npz beside {estimate} is on another grid than its "
            "estimate.json: the two files come from different runs.",
            path=str(estimate),
        )
    est = fuse(
        stored.items,
        stored.grid,
        as_of=stored.as_of,
        settings=stored.settings,
        places=stored.places,
    )
    rec = stored.record
    fresh = files.estimate_record(
        est,
        stored.items,
        target=str(rec.get("target", "")),
        title=str(rec.get("title", "")),
        timeline=_timeline_of(est, stored.items),
        source=rec.get("case"),
    )
    d_post = float(np.max(np.abs(est.posterior - posterior)))
    sections = {
        "P(alive)": "p_alive",
        "HDR areas": "hdr_km2",
        "ranked places": "places",
        "leave-one-out range": "top_place_leave_one_out",
        "evidence (reliability, contribution, use)": "evidence",
        "timeline": "timeline",
    }
    checks: dict[str, tuple[bool, list[str]]] = {
        "posterior (max |Δp| ≤ 1e-12)": (d_post <= 1e-12, [])
    }
    for name, key in sections.items():
        diffs = files.record_differences(rec.get(key), fresh[key], path=key)
        checks[name] = (not diffs, diffs)
    for name, (ok, diffs) in checks.items():
        mark = "[green]ok[/]" if ok else "[bold red]differs[/]"
        where = f" at {', '.join(diffs[:3])}" + (" …" if len(diffs) > 3 else "")
        console.print(
            f"{mark}  {escape(name)}{'' if ok else escape(where)}",
            highlight=False,
            soft_wrap=True,
        )
    console.print(
        f"{len(stored.items)} stored items, max |Δp| = {d_post:.2e}", highlight=False
    )
    if not all(ok for ok, _ in checks.values()):
        raise typer.Exit(code=1)
