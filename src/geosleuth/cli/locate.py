"""``geosleuth locate``, ``demo``, ``searched`` and ``schema``."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import warnings
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import numpy as np
import typer
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from geosleuth.casefile import (
    CASE_SCHEMA,
    Case,
    far_ahead,
    free_search_id,
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
from geosleuth.errors import (
    CaseFileError,
    EvidenceWarning,
    GeosleuthError,
    GeosleuthWarning,
    InputError,
)
from geosleuth.evidence import Searched
from geosleuth.fuse import (
    Estimate,
    factors,
    fuse,
)
from geosleuth.geometry import Area, Geometry, Line, Point, from_geojson
from geosleuth.locate import (
    append_items,
    locate_case,
    plan_summary,
    search_item,
    timeline_of,
    warn_prior_only,
)
from geosleuth.report import files
from geosleuth.report.text import about_a_source, km2, pct, plain, shorten

if TYPE_CHECKING:
    from geosleuth.report.html import ReportFields

__all__ = [
    "demo",
    "locate",
    "run_locate",
    "schema",
    "searched",
    "verify",
]


def _parse_date(value: str | None, option: str) -> dt.date | None:
    """``value`` as a date written YYYY-MM-DD, as the help says (not 20240320)."""
    if value is None:
        return None
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            raise ValueError(value)
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(
            f"{option} must be a date written YYYY-MM-DD. Got {value!r} instead.",
            field=option,
        ) from None


def _not_far_ahead(day: dt.date | None, option: str) -> dt.date | None:
    """``day``, refused when :func:`geosleuth.casefile.far_ahead` says it is."""
    ahead = None if day is None else far_ahead(day)
    if ahead is not None:
        raise InputError(
            f"{option} is {ahead}: no report is published so far ahead. Check the "
            "year.",
            field=option,
        )
    return day


def run_locate(
    inputs: Sequence[Path],
    *,
    out: Path,
    quiet: bool = False,
    **options: Any,
) -> tuple[Estimate, str]:
    """:func:`geosleuth.locate.locate_case` with a spinner on stderr (unless quiet).

    ``options`` are those of :func:`~geosleuth.locate.locate_case`.
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
        return locate_case(
            inputs,
            out=out,
            stage=lambda what: progress.update(task, description=what),
            **options,
        )


def _summary(
    est: Estimate, *, target: str, out: Path, plan: dict[str, Any] | None = None
) -> None:
    """Print the ranked places and totals; names from the case are shown as text.

    Names, ids and paths come from the user's files, so none is read as Rich
    markup ("Cell [B]" stays as it is, and "[/]" cannot break the output).
    """
    table = Table(
        title=Text(f"Where is {plain(target)}? (as of {est.as_of})"),
        title_justify="left",
    )
    table.add_column("place")
    table.add_column(f"P(within {est.settings.place_radius_km:g} km)", justify="right")
    table.add_column("in 90% area", justify="center")
    for p in est.places[:10]:
        table.add_row(
            Text(plain(p.name)), pct(p.probability), "yes" if p.in_hdr90 else "no"
        )
    console.print(table)
    source = about_a_source(est)
    life = "" if source else f"P(alive) = {pct(est.p_alive)}   "
    console.print(
        f"{life}50% area = {km2(est.hdr_km2['50'])}   "
        f"90% area = {km2(est.hdr_km2['90'])}   items used: {len(est.used)}, "
        f"left out: {len(est.excluded)}"
    )
    if source:
        console.print(
            "The evidence is event sets (a source's, not a person's): no P(alive). "
            "The map ranks where the source may be; its areas depend on the study "
            "region as much as on the events.",
            soft_wrap=True,
        )
    if est.search_miss is not None:
        console.print(
            f"Searches: all would have missed with probability {pct(est.search_miss)}"
            f" were the target in the region; P(outside the region) = "
            f"{pct(est.p_outside)} (rest_of_world {est.settings.rest_of_world:g} "
            "before them). The figures above are given the target is in the region."
        )
    elif est.p_outside > 0:
        console.print(
            f"P(outside the region) = {pct(est.p_outside)} (rest_of_world "
            f"{est.settings.rest_of_world:g}). The figures above are given the "
            "target is in the region."
        )
    rng = est.top_place_range()
    if rng is not None:
        console.print(
            Text(
                f"{plain(est.places[0].name)}: {pct(est.places[0].probability)}, "
                f"between {pct(rng[0])} and {pct(rng[1])} when any one item is "
                "left out"
            ),
        )
    # items that move nothing (life status) are no answer to "which move it"
    top = sorted(
        (c for c in est.contributions if c.map_shift > 0), key=lambda c: -c.map_shift
    )[:5]
    if top:
        console.print(
            Text(
                "Items that move the map most: "
                + ", ".join(f"{plain(c.item_id)} ({c.map_shift:.2f})" for c in top)
            ),
        )
    if plan is not None:
        console.print(
            f"Search plan: {plan['budget_km']:g} km of track at a sweep width of "
            f"{plan['sweep_width_km']:g} km over {plan['cells_searched']} cells finds "
            f"the target with probability {pct(plan['probability_of_success'])} "
            f"(P(outside the region) {pct(plan['rest_of_world'])}); shown in "
            "report.html. "
            "'geosleuth plan' writes it for field teams (GeoJSON, CSV, GPX, KML)."
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
            help="Cell size in km. Default: the case's grid.cell_km; else the "
            "smallest of 1, 2, 2.5 or 5 x 10^k km that keeps the grid to at most "
            "max_cells (250,000 unless the case's grid says otherwise), so often "
            "far fewer cells."
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
    if budget_km is not None and sweep_width_km is not None:
        from geosleuth.cli.plan import check_plan_options

        check_plan_options(budget_km, sweep_width_km, 0.0)
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
            published=_not_far_ahead(
                _parse_date(published, "--published"), "--published"
            ),
            cell_km=cell_km,
            quiet=quiet,
            home=home_of(home) if home else None,
        )
    if not quiet:
        plan = None
        if budget_km is not None and sweep_width_km is not None:
            # the plan as stored in estimate.json, which verify recomputes (the
            # record only: its items need not be rebuilt to print it)
            record = json.loads((out / "estimate.json").read_text(encoding="utf-8"))
            plan = record.get("plan")
        _summary(est, target=who, out=out, plan=plan)


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


_RADIUS = "--radius-km (--buffer-km)"


def _check_pd(pd: float) -> float:
    """``pd`` if it is a probability of detection above 0 and at most 1.

    A search that could detect nothing (``pd = 0``) found nothing by
    construction: it would be recorded, and tell nothing.
    """
    if not 0.0 < pd <= 1.0:  # also NaN
        why = (
            ": a search that cannot detect anything tells nothing when it finds nothing"
            if pd == 0
            else ""
        )
        raise InputError(
            "--pd must be above 0 and at most 1 (the search's 'pd', its probability "
            f"of detection). Got {pd:g} instead{why}.",
            field="--pd",
        )
    return pd


def _check_radius(radius_km: float | None, what: str) -> float:
    """``radius_km`` if it is a positive, finite number of km; ``what`` needs it."""
    if radius_km is None or not (radius_km > 0 and math.isfinite(radius_km)):
        got = "none" if radius_km is None else f"{radius_km:g}"
        raise InputError(
            f"{what} needs a positive {_RADIUS}, the distance searched around it "
            f"in km. Got {got}.",
            field="--radius-km",
        )
    return float(radius_km)


def _no_radius(radius_km: float | None, what: str) -> None:
    """Refuse a ``--radius-km`` given with an area searched as drawn."""
    if radius_km is not None:
        raise InputError(
            f"{_RADIUS} has no meaning with {what}: an area is searched as drawn. "
            "Leave it out, or give a point or line it applies to (--point, or "
            "--geojson with a Point or LineString).",
            field="--radius-km",
        )


def _union_of_features(obj: dict[str, Any], path: Path) -> Geometry:
    """The searched area of a GeoJSON FeatureCollection: its features' union.

    The polygons of every feature make one area, or the lines of every feature
    one track (searched within ``--radius-km`` of it). Points, and polygons
    mixed with lines, are refused: one search has one shape and one buffer.
    """
    feats = obj.get("features")
    if not isinstance(feats, list) or not feats:
        raise InputError(
            f"The FeatureCollection in {path} has no features: a list of polygon or "
            "line features was expected.",
            path=str(path),
            field="features",
        )
    polygons: list[Any] = []
    parts: list[Any] = []
    for i, feat in enumerate(feats):
        geom = from_geojson(
            feat.get("geometry") if isinstance(feat, dict) else feat,
            what=f"geometry of feature {i} in {path}",
        )
        if isinstance(geom, Area):
            polygons.extend(geom.polygons)
        elif isinstance(geom, Line):
            parts.extend(geom.parts)
        else:
            raise InputError(
                f"Feature {i} of the FeatureCollection in {path} is a Point: a "
                "collection is read as one searched area (its polygons) or one "
                "searched track (its lines). Record a point apart, with --point "
                "LON,LAT and --radius-km.",
                path=str(path),
                field=f"features[{i}]",
            )
    if polygons and parts:
        raise InputError(
            f"The FeatureCollection in {path} holds both polygons and lines: record "
            "them as two searches, one file each (the lines with --radius-km).",
            path=str(path),
            field="features",
        )
    return Area(tuple(polygons)) if polygons else Line(tuple(parts))


def _read_geojson(path: Path) -> Geometry:
    """The geometry of a GeoJSON file: a geometry, a Feature or a FeatureCollection.

    A UTF-8 byte-order mark (written by some Windows tools) is allowed.
    """
    try:
        obj = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(
            f"Cannot read GeoJSON from {path}: {exc}.", path=str(path)
        ) from None
    if isinstance(obj, dict) and obj.get("type") == "FeatureCollection":
        return _union_of_features(obj, path)
    if isinstance(obj, dict) and obj.get("type") == "Feature":
        obj = obj.get("geometry")
    return from_geojson(obj, what=f"geometry in {path}")


def _area_from_options(
    box: str | None, point: str | None, radius_km: float | None, geojson: Path | None
) -> tuple[Geometry, float]:
    """The searched geometry and its buffer (km) from the command's options.

    ``radius_km`` is the buffer of a point or line (``--point``, or a Point or
    LineString in ``--geojson``); an area (``--box``, a polygon) is searched as
    drawn, and a ``radius_km`` given with it is refused rather than dropped.
    """
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
        area = Area.checked_box(w, s, e, n, name="--box", got=repr(box))
        _no_radius(radius_km, "--box")
        return area, 0.0
    if point is not None:
        try:
            lon, lat = (float(v) for v in point.split(","))
        except ValueError:
            raise InputError(
                f"--point must be LON,LAT in degrees. Got {point!r}.", field="--point"
            ) from None
        return Point(lon, lat), _check_radius(radius_km, "--point")
    if geojson is None:  # pragma: no cover - guarded by the count above
        raise InputError("No area given.", field="area")
    geom = _read_geojson(geojson)
    kind = {"point": "a Point", "line": "a LineString", "area": "a polygon"}[geom.kind]
    what = f"--geojson {geojson} ({kind})"
    if isinstance(geom, Area):
        _no_radius(radius_km, what)
        return geom, 0.0
    return geom, _check_radius(radius_km, what)


_CHECK = "check its coordinates (longitude first, then latitude)."


def _outside_region(items: Sequence[Searched], case: Case) -> list[tuple[str, str]]:
    """Each search that lies wholly outside the case's study region, and so what.

    The region is the case's ``region:`` or, without one, the region drawn
    around its evidence (``case.grid``, drawn as
    :func:`geosleuth.locate.locate_case` draws it). The test and the distance
    are those of :func:`geosleuth.fuse.factors`, so they match what
    ``geosleuth locate`` says when it leaves the item out.

    Returns
    -------
    list of (str, str)
        Per such search: where it lies (a sentence), and what ``geosleuth
        locate`` will do with it.
    """
    w, s, e, n = case.grid.bounds_lonlat()
    bounds = f"west {w:.2f}, south {s:.2f}, east {e:.2f}, north {n:.2f}"
    out = []
    for item in items:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", GeosleuthWarning)
            _, skipped = factors(
                [item], case.grid, as_of=item.date, settings=case.settings
            )
        for _, why in skipped:
            if case.region_given:
                # the grid's bounds: the region rounded out to whole cells
                where = f"the grid over the case's region ({bounds})"
                then = "'geosleuth locate' will leave it out."
            else:
                where = f"the region drawn around the case's evidence ({bounds})"
                # a search says only where the target is not: it does not stretch
                # a drawn region (geosleuth.casefile.evidence_bounds)
                then = (
                    "With no 'region' in the case, 'geosleuth locate' leaves it "
                    "out: a search does not stretch the region drawn around the "
                    "evidence. Check its coordinates, or give the case a 'region' "
                    "that holds it."
                )
            out.append(
                (
                    f"The searched area of {item.id!r} lies wholly outside {where}: "
                    f"{why}.",
                    then,
                )
            )
    return out


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
        obj = json.loads(path.read_text(encoding="utf-8-sig"))  # a BOM is allowed
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
        typer.Option(help="Probability of detection in the area: above 0, at most 1."),
    ] = None,
    box: Annotated[
        str | None,
        typer.Option(help="WEST,SOUTH,EAST,NORTH in degrees: an area searched."),
    ] = None,
    point: Annotated[
        str | None,
        typer.Option(
            help="LON,LAT in degrees: a point searched around (with --radius-km)."
        ),
    ] = None,
    radius_km: Annotated[
        float | None,
        typer.Option(
            "--radius-km",
            "--buffer-km",
            help="Distance searched around a --point, or around the point or line "
            "(a walked or flown track) in --geojson, km: the item's buffer_km. Not "
            "for areas (--box, a polygon), which are searched as drawn.",
        ),
    ] = None,
    geojson: Annotated[
        Path | None,
        typer.Option(
            help="GeoJSON file of what was searched: a geometry, a Feature, or a "
            "FeatureCollection (the union of its polygons, or of its lines). A point "
            "or line needs --radius-km.",
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

    Give the area (--box, --point with --radius-km, or --geojson; a point or line
    in it with --radius-km) with its --pd, or the --plan that was carried out. A
    search that lies wholly outside the case's region (or, without one, its
    evidence) is recorded with a warning: check its coordinates.
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
        _no_radius(radius_km, "--plan")
        bands = [(b_pd, b_area, 0.0, n) for b_pd, b_area, n in _plan_bands(plan)]
    else:
        if pd is None:
            raise InputError(
                "Give --pd, the probability of detection in the area (or --plan).",
                field="--pd",
            )
        pd = _check_pd(pd)
        area, buffer_km = _area_from_options(box, point, radius_km, geojson)
        bands = [(pd, area, buffer_km, 0)]
    speaker = clean_text(team, "--team") or "search team"
    note = clean_text(note, "--note")
    if item_id is not None:
        item_id = clean_text(item_id, "--id")

    case_as_of: list[dt.date | None] = []  # the case's as_of, as build() read it
    far: list[tuple[str, str]] = []  # searches wholly outside the case's region

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
            detail = (
                f"{n_cells} cells of {plan.name} with a planned POD of at least "
                f"{band_pd:.2f}."
                if n_cells and plan is not None
                else ""
            )
            items.append(
                search_item(
                    new_id,
                    day=day,
                    area=band_area,
                    pd=band_pd,
                    buffer_km=buffer,
                    speaker=speaker,
                    note=note,
                    detail=detail,
                )
            )
        far.extend(_outside_region(items, current))
        return items

    try:
        items = append_items(case, build)
    except CaseFileError as exc:
        if not far:
            raise
        # the case with the search no longer holds (a region drawn around the
        # evidence, stretched to hold the search, with too many cells): say why
        raise CaseFileError(
            f"{exc.message} {far[0][0]} Nothing was written; {_CHECK}",
            path=exc.path,
            line=exc.line,
            field=exc.field,
        ) from None
    as_of = case_as_of[0]
    for it in items:
        console.print(Text(f"Added {it.id} (pd = {it.pd:g}) to {case}."))
    with shown_warnings():
        for where, then in far:
            warnings.warn(
                f"{where} {then} It is recorded as given; {_CHECK}",
                EvidenceWarning,
                stacklevel=2,
            )
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
    the leave-one-out range and the timeline. What comes from the inputs is
    compared with them and with the report.html written with it: the target and
    title (with the case file, its copy beside the estimate or the file it
    names), the warnings (each one the fusion gives again must be there) and
    the items set aside. Exit status 1 if anything differs.
    """
    stored = files.load_estimate(estimate)
    grid, posterior = files.load_posterior(estimate)
    if grid != stored.grid:
        raise InputError(
            f"The posterior.npz beside {estimate} is on another grid than its "
            "estimate.json: the two files come from different runs.",
            path=str(estimate),
        )
    with warnings.catch_warnings(record=True) as caught:
        # what the evidence warrants was said when the estimate was made; here
        # it is compared with what the run wrote down
        warnings.simplefilter("always", GeosleuthWarning)
        est = fuse(
            stored.items,
            stored.grid,
            as_of=stored.as_of,
            settings=stored.settings,
            places=stored.places,
        )
        warn_prior_only(est, stored.items)
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
        timeline = timeline_of(est, stored.items, max_points=most)
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
        "leave-one-out range": "top_place_leave_one_out",
        "evidence (reliability, contribution, use)": "evidence",
        "timeline": "timeline",
        "search plan": "plan",
    }
    checks: dict[str, tuple[bool | None, list[str]]] = {
        "posterior (max |Δp| ≤ 1e-12)": (d_post <= 1e-12, [])
    }
    for name, key in sections.items():
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
    folder = estimate if estimate.is_dir() else estimate.parent
    shown = _report_beside(folder)
    checks.update(_said_checks(rec, folder, said=said, shown=shown))
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
        console.print(
            f"{mark}  {escape(name)}{'' if ok else escape(where)}",
            highlight=False,
            soft_wrap=True,
        )
    console.print(
        f"{len(stored.items)} stored items, max |Δp| = {d_post:.2e}", highlight=False
    )
    if any(ok is False for ok, _ in checks.values()):
        raise typer.Exit(code=1)


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
    case's copy beside the estimate (a service run's ``case.yaml``) comes
    first, then the path the record names (from where verify runs).
    """
    from geosleuth.casefile import load_case

    name = rec.get("case")
    if not isinstance(name, str) or Path(name).suffix.lower() not in (".yaml", ".yml"):
        return None
    for path in dict.fromkeys((folder / Path(name).name, Path(name))):
        if path.is_file():
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", GeosleuthWarning)
                    return path, load_case(path)
            except GeosleuthError as exc:
                return f"the case file {path} cannot be read: {exc.message}"
    return f"the case file {name} is not found beside the estimate nor from here"


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
    compared = False
    found = _run_case(rec, folder)
    if isinstance(found, tuple):
        path, case = found
        compared = True
        if not (isinstance(target, str) and same_person(target, case.target)):
            names.append(f"target ({path.name} names {case.target!r})")
        if title != case.title:
            names.append(f"title ({path.name} gives {case.title!r})")
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
        "target and title": (not names, names) if compared else (None, [str(found)])
    }
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
    return checks
