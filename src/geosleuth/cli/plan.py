"""``geosleuth plan``: allocate a search budget on an estimate and write field files."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import math
import warnings
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from geosleuth._json import loads as read_json
from geosleuth.casefile import load_case
from geosleuth.cli import app, clean_text, console, guarded, shown_warnings
from geosleuth.errors import GeosleuthError, GeosleuthWarning, InputError
from geosleuth.evidence import AsOf, as_of_text, later_that_day, time_text
from geosleuth.grid import Grid
from geosleuth.plan import (
    MOST_BUDGET_KM,
    SearchPlan,
    allocate_optimal,
    scale_for_rest_of_world,
)
from geosleuth.report.fieldfiles import (
    PlanAreas,
    PlanCells,
    plan_areas,
    plan_cells,
    write_plan_files,
)
from geosleuth.report.files import (
    case_candidates,
    case_reference,
    load_posterior,
    posterior_path,
)
from geosleuth.report.text import pct, pct_fine, percent_down, track_text

__all__ = ["plan", "run_plan"]


_DEFAULT_TITLE = "Search plan"
#: A P(outside the region) from which no plan inside it is worth making.
_ALL_OUTSIDE = 1.0 - 1e-9


def _estimate_record(
    estimate: Path, *, title: bool, outside: bool
) -> dict[str, object] | None:
    """The estimate.json beside ``estimate`` (None: none, or unreadable).

    The plan is computed from the posterior; the estimate.json names it and
    gives the chance that the target is outside the region
    (:func:`_estimate_outside`). One that cannot be read (not JSON, not an
    object) gives a :class:`~geosleuth.errors.GeosleuthWarning` and None: the
    default title (where ``title``: none was given) and a rest of world of 0
    (where ``outside``: --rest-of-world was not given), each said.
    """
    if estimate.is_dir():
        path = estimate / "estimate.json"
    elif estimate.suffix.lower() == ".json":
        path = estimate
    else:
        path = estimate.with_name("estimate.json")
    if not path.is_file():
        return None
    try:
        record = read_json(path.read_text(encoding="utf-8"))
    except OSError as exc:
        why = f"it cannot be read ({exc.strerror or exc})"
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        why = f"it is not valid JSON ({exc})"
    else:
        if isinstance(record, dict):
            return record
        why = f"it holds a JSON {type(record).__name__}, not an object"
    if title and outside:
        message = (
            f"The plan is titled {_DEFAULT_TITLE!r} and takes a rest of world of 0: "
            f"the estimate file {path} gives no title and no P(outside the region), "
            f"as {why}. Give --title and --rest-of-world to set them."
        )
    elif title:
        message = (
            f"The plan is titled {_DEFAULT_TITLE!r}: the estimate file {path} gives "
            f"no title, as {why}. Give --title to name the plan."
        )
    else:
        message = (
            f"The plan takes a rest of world of 0: the estimate file {path} gives no "
            f"P(outside the region), as {why}. Give --rest-of-world to set it."
        )
    warnings.warn(message, GeosleuthWarning, stacklevel=2)
    return None


def _estimate_title(record: dict[str, object] | None) -> str | None:
    """The ``title`` (or ``target``) of an estimate record."""
    if record is None:
        return None
    title = record.get("title") or record.get("target")
    return str(title) if title else None


def _estimate_outside(record: dict[str, object] | None) -> float | None:
    """The estimate's ``p_outside``, if it holds a usable one.

    What ``settings.rest_of_world`` and the searches so far leave for the
    target being outside the region; older estimates have none.
    """
    value = None if record is None else record.get("p_outside")
    if (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and 0.0 <= value <= 1.0
    ):
        return float(value)
    return None


def _stored_day(record: dict[str, object]) -> dt.date:
    """An estimate record's ``as_of``, at its ``as_of_time`` where it has one.

    Raises ``ValueError`` for a day or time not written as ``estimate.json``
    writes them.
    """
    at = record.get("as_of_time")
    return AsOf.of(
        dt.date.fromisoformat(str(record.get("as_of"))),
        None if at is None else dt.time.fromisoformat(str(at)),
    )


def _items_not_in(record: dict[str, object] | None, folder: Path) -> str | None:
    """Why the estimate is out of date: items its case file has and it lacks.

    The case file the estimate in ``folder`` names (``case``, found as
    :func:`~geosleuth.report.files.case_candidates` says) may have been given searches
    (``geosleuth searched``) or other items dated on or before the estimate's
    ``as_of`` since it was made: a plan on it would send teams back where they
    have searched. None when the case file is gone, unreadable, or holds nothing
    new.
    """
    if record is None:
        return None
    case, as_of, evidence = (
        record.get("case"),
        record.get("as_of"),
        record.get("evidence"),
    )
    if not (isinstance(case, str) and isinstance(as_of, str)):
        return None
    if not isinstance(evidence, list):
        return None
    known = {e.get("id") for e in evidence if isinstance(e, dict)}
    also = record.get("case_absolute")
    found = next(
        (p for p in case_candidates(case, folder, absolute=also) if p.is_file()), None
    )
    if found is None:
        return None
    try:
        day = _stored_day(record)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            items = load_case(found).items
    except (GeosleuthError, ValueError, OSError):
        return None
    new = [
        i.id
        for i in items
        if i.id not in known and i.date <= day and not later_that_day(i, day)
    ]
    if not new:
        return None
    shown = ", ".join(new[:3]) + (f" and {len(new) - 3} more" if len(new) > 3 else "")
    return (
        f"The case file {found} has {len(new)} item(s) dated on or before the "
        f"estimate's as_of ({as_of_text(day)}) that the estimate does not hold "
        f"({shown}): it "
        "was made before they were added, so this plan does not know of them (a "
        "search recorded since would be planned again). Run 'geosleuth locate' "
        "again, then plan."
    )


def _prior_alone(
    record: dict[str, object] | None, estimate: Path, *, named: str | None = None
) -> str | None:
    """Why the plan is of the prior alone: no item used says where (review r50, M2).

    From the estimate's ``evidence`` (each item ``used`` or not): when none used
    is more than a word of life or death, the map planned on is the prior
    (``geosleuth locate`` said so when it made it), and a plan on it sends the
    teams by the prior, not by the evidence. None when the estimate holds no
    such list (an older or hand-made file), or an item used says where.

    The estimate is named by ``named`` (its file's name, for the GPX's and KML's
    text, which go to field units: review r53, L3), or by its path as given. The
    warnings are pointed to only when an item was left out.
    """
    evidence = None if record is None else record.get("evidence")
    if not isinstance(evidence, list) or not evidence:
        return None
    entries = [e for e in evidence if isinstance(e, dict)]
    used = [e for e in entries if e.get("used") is True]
    if any(e.get("kind") != "life_status" for e in used):
        return None
    n = len(entries)
    of_n = "its one item" if n == 1 else f"its {n} items"
    if not used:
        why = f"none of {of_n} (each was left out, or not known by its as_of)"
    elif n == 1:
        why = (
            "its one item, and that only says whether the target is alive (life "
            "or death), not where it is"
        )
    elif len(used) == 1:
        why = (
            f"1 of {of_n}, and that one only says whether the target is alive "
            "(life or death), not where it is"
        )
    else:
        why = (
            f"{len(used)} of {of_n}, and those only say whether the target is "
            "alive (life or death), not where it is"
        )
    left_out = len(used) < n
    then = (
        "See the estimate's warnings for why each item was left out, mend the "
        "case, and run 'geosleuth locate' again."
        if left_out
        else "Add to the case what says where the target is (a sighting, a claim, "
        "a search), and run 'geosleuth locate' again."
    )
    return (
        f"The estimate {named or estimate} used {why}: its map is the prior alone, "
        f"and this plan sends the teams by the prior, not by the evidence. {then}"
    )


def _estimate_name(estimate: Path) -> str:
    """The estimate's file, named without its folders: ``estimate.json``'s folder.

    >>> _estimate_name(Path("/home/analyst/runs/est"))
    'est/estimate.json'
    >>> _estimate_name(Path("/home/analyst/runs/est/posterior.npz"))
    'est/estimate.json'
    """
    folder = estimate if estimate.suffix == "" or estimate.is_dir() else estimate.parent
    return f"{folder.name}/estimate.json" if folder.name else "estimate.json"


def _made_on(
    record: dict[str, object] | None, estimate: Path, out: Path
) -> dict[str, object] | None:
    """What the plan is made on, for plan.geojson's ``estimate``.

    The estimate's ``title``, ``target`` and ``case``, and its ``as_of`` (and
    ``as_of_time``): ``geosleuth searched --plan`` refuses a plan of another
    case's, and warns of a search dated before the map (review r50, L1). The
    ``case`` is written from the plan's folder, as ``estimate.json`` writes it
    from its own (an absolute path only on another drive), when the case file
    is found; as the estimate wrote it otherwise (review r53, M2).
    """
    if record is None:
        return None
    keys = ("title", "target", "case", "as_of", "as_of_time")
    made_on = {k: record.get(k) for k in keys if isinstance(record.get(k), str)}
    case = made_on.get("case")
    if isinstance(case, str):
        folder = estimate if estimate.is_dir() else estimate.parent
        also = record.get("case_absolute")
        found = next(
            (p for p in case_candidates(case, folder, absolute=also) if p.is_file()),
            None,
        )
        if found is not None:
            made_on["case"] = case_reference(found, out)
    return made_on


def _outside_or_zero(record: dict[str, object] | None, estimate: Path) -> float:
    """The rest of world a plan takes from its estimate: its ``p_outside``, or 0.

    A ``p_outside`` that is there but no probability (Infinity, text) is refused:
    the file was edited or damaged. One that is missing from an estimate with
    searches (an older geosleuth's, or edited) gives 0 with a warning; without
    searches, 0 is what it would hold.
    """
    value = _estimate_outside(record)
    if value is not None or record is None:
        return value or 0.0
    if "p_outside" in record:
        raise InputError(
            f"The estimate beside {estimate} holds a p_outside of "
            f"{record['p_outside']!r}, not a probability from 0 to 1: the file was "
            "edited or damaged. Check it with 'geosleuth verify', or give "
            "--rest-of-world.",
            field="p_outside",
        )
    evidence = record.get("evidence")
    searched = isinstance(evidence, list) and any(
        isinstance(e, dict) and e.get("kind") == "searched" for e in evidence
    )
    if searched:
        warnings.warn(
            f"The plan takes a rest of world of 0: the estimate beside {estimate} "
            "has searches but no P(outside the region) (p_outside), as an older "
            "geosleuth wrote it or it was edited. Run 'geosleuth locate' again, or "
            "give --rest-of-world.",
            GeosleuthWarning,
            stacklevel=2,
        )
    return 0.0


def check_plan_options(
    budget_km: float, sweep_width_km: float, rest_of_world: float
) -> None:
    """Refuse option values the planner cannot use, naming the option."""
    for flag, value in (
        ("--budget-km", budget_km),
        ("--sweep-width-km", sweep_width_km),
    ):
        if not (value > 0 and math.isfinite(value)):  # also NaN
            raise InputError(
                f"{flag} must be a positive, finite number of km. Got {value:g} "
                "instead.",
                field=flag,
            )
    if budget_km > MOST_BUDGET_KM:
        raise InputError(
            f"--budget-km must be at most {MOST_BUDGET_KM:.0e} km (25,000 times "
            f"round the Earth). Got {budget_km:g} instead.",
            field="--budget-km",
        )
    if not rest_of_world >= 0.0:  # also NaN
        raise InputError(
            "--rest-of-world must be a probability, at least 0 and below 1. Got "
            f"{rest_of_world:g} instead.",
            field="--rest-of-world",
        )
    if not rest_of_world < 1.0:
        raise InputError(
            f"--rest-of-world must be below 1. Got {rest_of_world:g} instead: "
            "nothing would be left to search.",
            field="--rest-of-world",
        )


def run_plan(
    estimate: Path,
    *,
    budget_km: float,
    sweep_width_km: float,
    rest_of_world: float = 0.0,
) -> tuple[Grid, SearchPlan, PlanCells]:
    """Load the posterior of ``estimate`` and compute the optimal plan on it."""
    grid, p = load_posterior(estimate)
    rest_of_world += 0.0  # -0.0 (as given) is 0: never "-0.0%" in the outputs
    q = scale_for_rest_of_world(p, rest_of_world=rest_of_world)
    result = allocate_optimal(
        q,
        budget_km,
        sweep_width_km=sweep_width_km,
        area_km2=grid.cell_area_km2,
        rest_of_world=rest_of_world,
    )
    return grid, result, plan_cells(grid, result, sweep_width_km=sweep_width_km)


def _render(
    pc: PlanCells,
    areas: PlanAreas,
    *,
    title: str,
    top: int,
    day: dt.date | None = None,
) -> None:
    result = pc.plan
    table = Table(title=Text(f"{title}: where to search"), title_justify="left")
    for name in ("#", "cell", "lon", "lat", "P(here)", "track", "coverage", "POD"):
        table.add_column(name, justify="left" if name == "cell" else "right")
    for k in range(min(top, pc.n)):
        rec = pc.record(k)
        table.add_row(
            str(rec["rank"]),
            str(rec["cell"]),
            f"{rec['lon']:.5f}",
            f"{rec['lat']:.5f}",
            pct_fine(rec["p"]),
            track_text(rec["effort_km"]),
            f"{rec['coverage']:.2f}",
            percent_down(rec["pod"]),
        )
    console.print(table)
    if pc.n > top:
        more = pc.n - top
        console.print(
            f"... and {more:,} more cell{'' if more == 1 else 's'}.", highlight=False
        )
    if result.rest_of_world > 0:
        console.print(
            f"P(here) counts the rest of world ({pct(result.rest_of_world)}): it is "
            "the estimate's map, given the target is in the region, times "
            f"{1 - result.rest_of_world:.3f}.",
            highlight=False,
        )
    s = pc.summary()
    find = s["mean_effort_to_find_km"]
    console.print(
        f"Budget {result.budget_km:,.1f} km of track, sweep width "
        f"{pc.sweep_width_km:g} km, cells of {pc.grid.cell_area_km2:g} km²: "
        f"{pc.n:,} cell{'' if pc.n == 1 else 's'} searched.",
        highlight=False,
    )
    console.print(
        "POS (probability the plan finds the target) = "
        f"{percent_down(result.pos, decimals=1)}   "
        f"expected effort = {result.expected_effort_km:,.1f} km   "
        f"mean effort to find, if found = "
        + (f"{find:,.1f} km" if find is not None else "n/a"),
        highlight=False,
    )
    console.print(
        f"Rest of world: {pct(result.rest_of_world)} now, "
        f"{pct(pc.rest_of_world_if_unsuccessful)} if the whole plan finds nothing.",
        highlight=False,
    )
    console.print(
        f"GPS files (GPX, KML): {areas.text()} Every cell is in the GeoJSON and CSV.",
        highlight=False,
    )
    if day is not None:
        # review r31, M4: a plan carried out a day later found half its POS;
        # review r105, L4: of a map with a time of day, hours later too
        at = day.at if isinstance(day, AsOf) else None
        later, run = (
            (
                f"Searched later than {time_text(at)} that day, or on a later day",
                f"'geosleuth locate --as-of {day.isoformat()}THH:MM' (or --as-of DAY)",
            )
            if at is not None
            else ("Searched on a later day", "'geosleuth locate --as-of DAY'")
        )
        console.print(
            f"The plan is for the map as of {as_of_text(day)}. {later}, the target "
            "may have "
            "moved and the map has spread: for the plan of the time of the "
            f"search, run {run} and plan on its estimate.",
            highlight=False,
        )


@app.command()
@guarded
def plan(
    estimate: Annotated[
        Path,
        typer.Argument(
            metavar="ESTIMATE",
            help="The output folder of 'geosleuth locate', its estimate.json or its "
            "posterior.npz (or another file it wrote there: estimate.geojson, "
            "report.html, map.png); the plan is made on the posterior.npz of that "
            "folder.",
            exists=True,
            readable=True,
        ),
    ],
    budget_km: Annotated[
        float,
        typer.Option(
            "--budget-km", help="Total track length the teams can search, km (> 0)."
        ),
    ],
    sweep_width_km: Annotated[
        float,
        typer.Option(
            "--sweep-width-km",
            help="Effective sweep width of the searchers, km (> 0; 0.05 for 50 m); "
            "it depends on terrain, searchers and target (tens of metres on foot in "
            "woodland). At most the side of the estimate's cells.",
        ),
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            help="Folder for plan.geojson, plan.csv, plan.gpx and plan.kml.",
            file_okay=False,
        ),
    ],
    rest_of_world: Annotated[
        float | None,
        typer.Option(
            "--rest-of-world",
            help="Probability that the target is outside the mapped area (never "
            "searched), in [0, 1). Default: the estimate's P(outside the region) "
            "(its settings.rest_of_world, raised by the searches that found "
            "nothing), or 0 for an estimate without one.",
        ),
    ] = None,
    top: Annotated[int, typer.Option(help="Rows in the table.", min=1)] = 10,
    title: Annotated[
        str | None,
        typer.Option(help="Name of the plan in the files (default: the estimate's)."),
    ] = None,
) -> None:
    """Plan where to search: split a track budget over cells to maximise POS.

    The split maximises the probability of finding the target under Koopman's
    detection function (the Lagrangian optimum).

    Prints the top cells with their track length and probability of detection, the
    probability of success (POS) and the expected effort, and writes plan.geojson,
    plan.csv, plan.gpx and plan.kml to OUT.

    The GeoJSON and CSV (for GIS) hold every cell. The GPX and KML (for GPS units
    and field teams) merge adjacent cells of the same POD band (tenths) into
    search areas, each a waypoint at its centre with the track to spend in it and
    its boundary (to search inside, not to follow); at most 200 areas, and the
    summary says what is left out. The sweep width must not exceed the cells'
    side (recut the estimate with 'geosleuth locate --cell-km').

    An estimate whose map is the prior alone (it used no item that says where
    the target is) is warned of, here and in the files.
    """
    if rest_of_world is not None:
        check_plan_options(budget_km, sweep_width_km, rest_of_world)
    else:
        check_plan_options(budget_km, sweep_width_km, 0.0)
    posterior_path(estimate)  # any other file is refused before it is read
    if title is not None:
        title = clean_text(title, "--title")
    with shown_warnings():
        record = (
            _estimate_record(
                estimate, title=title is None, outside=rest_of_world is None
            )
            if title is None or rest_of_world is None
            else None
        )
        name = title or _estimate_title(record) or _DEFAULT_TITLE
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # said above when it was asked for
            kept = record or _estimate_record(estimate, title=False, outside=False)
            stale = _items_not_in(
                kept, estimate if estimate.is_dir() else estimate.parent
            )
        day: dt.date | None = None
        if isinstance(kept, dict) and isinstance(kept.get("as_of"), str):
            with contextlib.suppress(ValueError):
                day = _stored_day(kept)
        if stale:
            warnings.warn(stale, GeosleuthWarning, stacklevel=1)
        prior = _prior_alone(kept, estimate)
        if prior:
            warnings.warn(prior, GeosleuthWarning, stacklevel=1)
    if rest_of_world is None:
        with shown_warnings():
            rest_of_world = _outside_or_zero(record, estimate)
        if rest_of_world >= _ALL_OUTSIDE:
            raise InputError(
                f"The estimate puts the target outside the region with probability "
                f"{rest_of_world:.7f}: the searches so far leave nothing in it to "
                "plan for. Give --rest-of-world to plan anyway.",
                field="--rest-of-world",
            )
    _, _, pc = run_plan(
        estimate,
        budget_km=budget_km,
        sweep_width_km=sweep_width_km,
        rest_of_world=rest_of_world,
    )
    areas = plan_areas(pc)
    if not areas.areas and areas.small_areas:
        # review r105, L3: GPS files of no area, said before they are written
        shorter = (
            f", shorter than one sweep width ({sweep_width_km:g} km),"
            if budget_km < sweep_width_km
            else ""
        )
        with shown_warnings():
            warnings.warn(
                f"A budget of {budget_km:g} km ({budget_km * 1000.0:g} m) of track"
                f"{shorter} gives no "
                "area a team can be sent to: each gets less track than "
                f"{areas.min_track}, so the GPX and KML hold none, and the plan "
                f"finds the target with probability {pct(pc.plan.pos)}. Check "
                "--budget-km: it is the km of track the teams can walk or fly.",
                GeosleuthWarning,
                stacklevel=1,
            )
    made_on = _made_on(kept, estimate, out)
    # the files name the estimate without its folders: they go to field units
    told = _prior_alone(kept, estimate, named=_estimate_name(estimate))
    if made_on is not None and told:
        made_on = {**made_on, "prior_alone": True, "warning": told}
    paths = write_plan_files(
        out, pc, title=name, areas=areas, estimate=made_on, warning=told
    )
    _render(pc, areas, title=name, top=top, day=day)
    console.print(Text(f"Wrote {', '.join(str(p) for p in paths.values())}"))
