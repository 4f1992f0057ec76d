"""``geosleuth searched``: record a search that found nothing in a case file."""

from __future__ import annotations

import datetime as dt
import json
import math
import unicodedata
import warnings
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.text import Text

from geosleuth._json import loads as read_json
from geosleuth._quoting import km_text
from geosleuth.casefile import (
    CHECK_COORDINATES,
    Case,
    SearchCheck,
    SearchNames,
    check_search,
    far_ahead,
    free_search_id,
    judge_swap,
    percent_hint,
)
from geosleuth.cli import app, clean_text, console, guarded, quoted, shown_warnings
from geosleuth.cli._dates import parse_date
from geosleuth.cli._plan_record import (
    PlanRecord,
    area_list,
    plan_bands,
    recorded_text,
)
from geosleuth.errors import (
    CaseFileError,
    EvidenceWarning,
    InputError,
)
from geosleuth.evidence import (
    AsOf,
    Searched,
    as_of_text,
    parse_time,
    time_text,
)
from geosleuth.geometry import (
    Area,
    Geometry,
    Point,
)
from geosleuth.gpsfiles import (
    TimeSpan,
    read_search_ground,
    single_point_note,
    thin_track,
    time_notes,
)
from geosleuth.locate import append_items, search_item, search_vs_as_of

__all__ = ["searched"]


_RADIUS = "--radius-km (--buffer-km)"

#: How the command's options are named in the checks of a search; ``given`` and
#: ``field`` are the option that gave the area (:func:`searched`).
_NAMES = SearchNames(
    given="",
    field="",
    radius=_RADIUS,
    radius_field="--radius-km",
    radius_fix="--radius-km",
    box="--box",
    counts="'geosleuth locate'",
)
#: The same for a --geojson file's point or track, whose buffer is --buffer-km
#: (review r211, L5: "give --radius-km 0.05" for a track's buffer in metres).
_FILE_NAMES = replace(
    _NAMES, radius="--buffer-km", radius_field="--buffer-km", radius_fix="--buffer-km"
)


def _check_pd(pd: float) -> float:
    """``pd`` if it is a probability of detection above 0 and at most 1.

    A search that could detect nothing (``pd = 0``) found nothing by
    construction: it would be recorded, and tell nothing. A percent (``60``)
    is refused with the fraction it may mean (review r211, L5).
    """
    if not 0.0 < pd <= 1.0:  # also NaN
        why = (
            ": a search that cannot detect anything tells nothing when it finds nothing"
            if pd == 0
            else percent_hint(pd)
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


def _box_area(w: float, s: float, e: float, n: float, *, got: str) -> Area:
    """The area of ``--box W,S,E,N``, refused with a message naming --box if wrong.

    A longitude out of -180..180 or a latitude out of -90..90 is named, with
    the order, before :meth:`~geosleuth.geometry.Area.checked_box` is asked
    (review r105, L5: a box written lat-first was blamed on "point 1 of the
    polygon ring", which the user never gave).
    """
    for name, value, most, kind in (
        ("west", w, 180.0, "longitude"),
        ("south", s, 90.0, "latitude"),
        ("east", e, 180.0, "longitude"),
        ("north", n, 90.0, "latitude"),
    ):
        if math.isfinite(value) and abs(value) > most:
            swapped = (
                ": lon and lat swapped? The order is WEST,SOUTH,EAST,NORTH, "
                "longitudes first"
                if kind == "latitude" and abs(value) <= 180.0
                else ""
            )
            raise InputError(
                f"--box: {name} {value:g} is not a {kind} (-{most:g}..{most:g})"
                f"{swapped}. Got {got}.",
                field="--box",
            )
    return Area.checked_box(w, s, e, n, name="--box", got=got)


def _area_from_options(
    box: str | None, point: str | None, radius_km: float | None, geojson: Path | None
) -> tuple[Geometry, float, TimeSpan | None]:
    """The searched geometry, its buffer (km) and its file's times, from the options.

    ``radius_km`` is the buffer of a point or line (``--point``, or a Point or
    LineString in ``--geojson``); an area (``--box``, a polygon) is searched as
    drawn, and a ``radius_km`` given with it is refused rather than dropped.
    The span of times is a GPS file's (:func:`read_search_ground`), else None.
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
                f"--box must be WEST,SOUTH,EAST,NORTH in degrees. Got {quoted(box)}.",
                field="--box",
            ) from None
        area = _box_area(w, s, e, n, got=quoted(box))
        _no_radius(radius_km, "--box")
        return area, 0.0, None
    if point is not None:
        try:
            lon, lat = (float(v) for v in point.split(","))
        except ValueError:
            raise InputError(
                f"--point must be LON,LAT in degrees. Got {quoted(point)}.",
                field="--point",
            ) from None
        return Point(lon, lat), _check_radius(radius_km, "--point"), None
    if geojson is None:  # pragma: no cover - guarded by the count above
        raise InputError("No area given.", field="area")
    ground = read_search_ground(geojson)
    geom = ground.geometry
    kind = {"point": "a Point", "line": "a LineString", "area": "a polygon"}[geom.kind]
    what = f"--geojson {geojson} ({kind})"
    if isinstance(geom, Area):
        _no_radius(radius_km, what)
        return geom, 0.0, ground.span
    buffer_km = _check_radius(radius_km, what)
    if isinstance(geom, Point) and ground.gps:
        # review r105, L7: a track of one fix is most often a recording that
        # broke off, and a point searched is far less than a track walked
        warnings.warn(
            single_point_note(str(geojson), geom, buffer_km),
            EvidenceWarning,
            stacklevel=3,
        )
    return geom, buffer_km, ground.span


def _check_not_swapped(item: Searched, case: Case, given: str) -> bool:
    """Refuse a search that is unambiguously written with lon and lat swapped.

    By the rule a case file's places get (:func:`geosleuth.casefile.judge_swap`,
    reviews r53, r55): a search wholly outside the region whose exchange lies
    inside is refused when it lies more than ``SWAP_FAR_KM`` out and its
    exchange within ``SWAP_NEAR_KM`` of the case's other evidence
    (``--point 44.4943,11.3426`` for a case in Bologna, a search in the Gulf of
    Aden, review 39, L4), and so is one so far out when the case file has no
    other item with a place near its region, which the case file read with it
    would blame instead (review r85, L1). Nothing is written. Nearer (a real
    place near the diagonal lon = lat, just outside the region), or exchanged
    but not onto other evidence, it is recorded as given, and the case file,
    read again with it, warns of it by the line where it is written (lon and
    lat swapped?).

    Returns
    -------
    bool
        Whether it is recorded so, with that warning; False when its exchange
        does not lie inside either.
    """
    swap = judge_swap(
        item, case.grid, case.items, as_of=item.date, settings=case.settings
    )
    if swap is None:
        return False
    # the case file's only item near its region: read with it, the file would
    # blame its region, not the search (review r85, L1)
    alone = case.region_given and swap.blames_region
    if not alone and (not swap.refused or swap.by is None):
        return True
    w, s, e, n = case.grid.bounds_lonlat()
    exchanged = swap.exchanged
    area = exchanged.area if isinstance(exchanged, Searched) else item.area
    lon, lat = area.representative()
    where = "region" if case.region_given else "evidence (the region drawn around it)"
    lands = (
        f"{km_text(swap.lands_km)} km from {swap.by.kind} {quoted(swap.by.id)}"
        if swap.refused and swap.by is not None
        else "and the case file has no other item with a place near the region"
    )
    raise InputError(
        f"The search {given} lies wholly outside the case's {where} (west "
        f"{w:.2f}, south {s:.2f}, east {e:.2f}, north {n:.2f}), "
        f"{km_text(swap.outside_km)} km from it, and with lon and lat exchanged "
        f"(around {lon:.4f},{lat:.4f}) it lies inside, {lands}: lon and lat "
        "swapped? Give longitude first, then latitude. If it is where it should "
        "be, give the case a region that holds it. Nothing was written.",
        field=given.split(" ", 1)[0],
    )


#: Beyond this many items, ``searched`` says what it added in one line.
_ADDED_SHOWN = 3


def _plan_made_on(path: Path) -> dict[str, Any]:
    """What ``plan.geojson`` says it was made on (its ``estimate``; {} if none).

    'geosleuth plan' writes the estimate's case title, target and ``as_of``
    there; an older plan, or one drawn in another tool, has none.
    """
    try:
        obj = read_json(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return {}  # plan_bands says why
    made_on = obj.get("estimate") if isinstance(obj, dict) else None
    return made_on if isinstance(made_on, dict) else {}


def _same_name(a: object, b: str) -> bool:
    """Whether two names of a case are one, case, accents and punctuation aside.

    Punctuation and spacing are folded: "missing walker (synthetic example)" is
    "missing walker - synthetic example", "al-Baghdadi" is "al Baghdadi" (review
    r53, M2).

    >>> _same_name("Tomás  Varga", "tomas varga"), _same_name(None, "x")
    (True, False)
    >>> _same_name("walker (synthetic example)", "Walker, synthetic-example")
    True
    """
    if not isinstance(a, str):
        return False

    def key(text: str) -> str:
        plain = unicodedata.normalize("NFKD", text)
        plain = "".join(c for c in plain if not unicodedata.combining(c))
        words = "".join(c if c.isalnum() else " " for c in plain.casefold())
        return " ".join(words.split())

    return key(a) == key(b)


def _plan_of_this_file(made_on: dict[str, Any], plan: Path, case_file: Path) -> bool:
    """Whether the case file the plan's estimate names is ``case_file``.

    ``plan.geojson``'s ``estimate.case`` is written from the plan's folder
    (:func:`geosleuth.report.files.case_reference`; an absolute path only on
    another drive, or from an older plan); a plan of 722a9ed copied it from
    the estimate, written from the estimate's folder, which a plan beside the
    estimate (``est/``, ``plan/``) reads alike. Both are tried, and only they:
    never the current folder, from which another case's plan named alike would
    pass (review r55, L2).
    """
    recorded = made_on.get("case")
    if not isinstance(recorded, str) or not recorded:
        return False
    try:
        target = case_file.resolve()
        folders = [plan.resolve().parent]
        estimate = made_on.get("estimate")
        if isinstance(estimate, str) and estimate:
            folders.append((plan.resolve().parent / estimate).resolve().parent)
        named = Path(recorded)
        seen = [(folder / named).resolve() for folder in folders]
    except (OSError, RuntimeError, ValueError):
        return False
    return target in seen


def _check_plan_case(
    made_on: dict[str, Any], case: Case, plan: Path, case_file: Path
) -> None:
    """Refuse a plan made for another case (review r50, L1).

    The plan's estimate names its case file, and its case's target and title. A
    plan made on this case's estimate names this file (:func:`_plan_of_this_file`:
    its title and target may both have been edited since, review r53, M2), or
    has this case's target, or its title (punctuation aside). None of these:
    the plan is another case's, and its cells would be recorded as searched
    here. The case's text and sha are not compared: searches recorded since the
    plan change them.
    """
    target, title = made_on.get("target"), made_on.get("title")
    if target is None and title is None:
        return  # an older plan, or another tool's: nothing to tell it by
    if _plan_of_this_file(made_on, plan, case_file):
        return
    if _same_name(target, case.target) or _same_name(title, case.title):
        return
    raise InputError(
        f"The plan {plan} was made for another case: its estimate is of "
        f"{quoted(target)} ({quoted(title)}), and this case is of "
        f"{quoted(case.target)} ({quoted(case.title)}), and its estimate names "
        f"the case file {quoted(made_on.get('case'))}, not this one. Record it in "
        "the case it was made for, or plan on this case's estimate. Nothing was "
        "written.",
        field="--plan",
    )


def _before_plan(
    made_on: dict[str, Any], day: dt.date, clock: dt.time | None, plan: Path
) -> str | None:
    """A warning when the search is dated before the map its plan was made on.

    A search carried out from a plan comes after it, and so after the moment of
    its map (the estimate's ``as_of``). On the same day without both times,
    nothing can be told.
    """
    try:
        as_of = dt.date.fromisoformat(str(made_on.get("as_of")))
        at = made_on.get("as_of_time")
        at_time = dt.time.fromisoformat(at) if isinstance(at, str) else None
    except ValueError:
        return None
    before = day < as_of or (
        day == as_of and clock is not None and at_time is not None and clock < at_time
    )
    if not before:
        return None
    when = day.isoformat() + (f" {time_text(clock)}" if clock else "")
    return (
        f"The search is dated {when}, before the map the plan {plan} was made on "
        f"(as of {as_of_text(AsOf.of(as_of, at_time))}): a search carried out from "
        "a plan cannot precede it. It is recorded as given; check --date and "
        "--time."
    )


@app.command()
@guarded
def searched(
    case: Annotated[
        Path,
        typer.Argument(
            metavar="CASE",
            help="The case file to add the search to.",
            exists=True,
            dir_okay=False,
            readable=True,
            writable=True,
        ),
    ],
    date: Annotated[str, typer.Option(help="Day of the search, YYYY-MM-DD.")],
    time: Annotated[
        str | None,
        typer.Option(
            help="Time of day of the search, HH:MM or HH:MM:SS (24-hour clock; one "
            "clock for the whole case, as the case's other times). Written as the "
            "item's 'time'.",
        ),
    ] = None,
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
            "FeatureCollection (the union of its polygons, or of its lines). Or a "
            "GPX or KML file, as a GPS unit gives back (.gpx, .kml): its tracks as "
            "one line (its routes only where it has no track, warned of: a route "
            "is a plan), its polygons (the plan's area outlines) as one area, a "
            "lone waypoint as a point; waypoints and routes beside a track are "
            "left out, and said; its times are set against --date (another day "
            "warned of). A point or line needs --buffer-km.",
            exists=True,
            dir_okay=False,
            readable=True,
        ),
    ] = None,
    plan: Annotated[
        Path | None,
        typer.Option(
            help="plan.geojson from 'geosleuth plan', carried out (in full, or the "
            "--areas named): its cells in the fewest bands of POD that record "
            "at least 90 % of its P(found), each cell with its band's least POD "
            "(never more than its own, nor less than half; cells below 0.001 "
            "left out), each band one item, its cells merged into polygons; "
            "what is recorded of the plan's P(found) is said. A plan made for "
            "another case (its estimate names another case file, and its target "
            "and title both differ from CASE's) is refused; a --date before the "
            "plan's map (its as_of) is warned of.",
            exists=True,
            dir_okay=False,
            readable=True,
        ),
    ] = None,
    areas: Annotated[
        str | None,
        typer.Option(
            help="With --plan: the search areas carried out, as the GPX and KML "
            "name them (e.g. A1,A2,A5); the plan's other cells were not searched.",
        ),
    ] = None,
    item_id: Annotated[str | None, typer.Option("--id", help="Evidence id.")] = None,
    team: Annotated[str, typer.Option(help="Who searched.")] = "search team",
    note: Annotated[str, typer.Option(help="Free text.")] = "",
) -> None:
    """Record a search that found nothing as evidence in CASE.

    Give the area (--box, --point with --radius-km, or --geojson; a point or line
    in it with --radius-km) with its --pd, or the --plan that was carried out
    (with --areas, the part of it that was), and --time, the time of day it was
    made, if known. A search that lies wholly outside the case's region (or,
    without one, its evidence) is recorded with a warning: check its coordinates.
    One that would lie inside with lon and lat exchanged is judged as a case
    file's place is: refused, and nothing written, when it lies over 1,000 km out
    and, exchanged, within 100 km of other evidence (lon and lat swapped?);
    else recorded, with the warning the case file gives. One that would lie
    inside with the sign of its longitudes or latitudes changed, over 100 km
    out and farther than the region is across, is refused (a minus sign
    lost?), and so is a --radius-km longer than the region is across (give
    --box for a search of all of it). A search dated before the case's first
    item is warned of: 'geosleuth locate' counts it all the same.
    """
    day = parse_date(date, "--date")
    if day is None:  # pragma: no cover - Typer requires --date
        raise InputError("--date is required.", field="--date")
    ahead = far_ahead(day)
    if ahead is not None:  # the case file would refuse it, at a line not written
        raise InputError(
            f"--date is {ahead}: a search is recorded once made, and evidence "
            "cannot be dated so far ahead. Check the year.",
            field="--date",
        )
    clock = parse_time(time, "--time") if time is not None else None
    bands: list[tuple[float, Any, float, int]]
    made_on: dict[str, Any] = {}  # what the --plan was made on
    early = None  # the search dated before its plan's map
    record: PlanRecord | None = None  # the --plan as recorded
    span: TimeSpan | None = None  # the times of a --geojson GPS file
    given = "--plan"  # the option that gave the area, as errors name it
    done: list[str] = []  # the plan's areas carried out (--areas)
    if areas is not None and plan is None:
        raise InputError(
            "--areas names search areas of a plan: give the plan with --plan.",
            field="--areas",
        )
    if plan is not None:
        if pd is not None or any(x is not None for x in (box, point, geojson)):
            raise InputError(
                "With --plan, give no --pd, --box, --point or --geojson: the plan "
                "says where and how well each cell was searched.",
                field="--plan",
            )
        _no_radius(radius_km, "--plan")
        done = area_list(areas) if areas is not None else []
        record = plan_bands(plan, done)
        bands = [(b_pd, b_area, 0.0, n) for b_pd, b_area, n in record.bands]
        made_on = _plan_made_on(plan)
        early = _before_plan(made_on, day, clock, plan)
    else:
        if pd is None:
            raise InputError(
                "Give --pd, the probability of detection in the area (or --plan).",
                field="--pd",
            )
        pd = _check_pd(pd)
        with shown_warnings():  # a GPS file's waypoints or routes left out
            area, buffer_km, span = _area_from_options(box, point, radius_km, geojson)
        bands = [(pd, area, buffer_km, 0)]
        given = (
            f"--box {box}"
            if box is not None
            else f"--point {point}"
            if point is not None
            else f"--geojson {geojson}"
        )
    speaker = clean_text(team, "--team") or "search team"
    note = clean_text(note, "--note")
    if item_id is not None:
        item_id = clean_text(item_id, "--id")

    case_as_of: list[dt.date | None] = []  # the case's as_of, as build() read it
    checked: list[SearchCheck] = []  # what build() found that refused nothing
    thinned: list[str] = []  # a long track thinned before it is written

    def build(current: Case) -> list[Searched]:
        case_as_of.append(current.as_of)
        thinned.clear()
        if plan is not None:
            _check_plan_case(made_on, current, plan, case)
        existing = {i.id for i in current.items}
        base = item_id or free_search_id(existing, day)
        items: list[Searched] = []
        for j, (band_pd, band_area, buffer, n_cells) in enumerate(bands, start=1):
            new_id = base if len(bands) == 1 else f"{base}-band{j}"
            if new_id in existing:
                raise InputError(
                    f"The case already has an item {quoted(new_id)}; pick another "
                    "--id.",
                    field="--id",
                )
            detail = (
                f"{n_cells} cells of {plan.name}"
                + (f" (areas {', '.join(done)})" if done else "")
                + f" with a planned POD of at least {band_pd:g}."
                if n_cells and plan is not None
                else ""
            )
            # review r211, L7: a day's 1 s log thinned, well within its buffer
            band_area, said = thin_track(
                band_area, buffer, current.grid.cell_km, str(geojson)
            )
            if said:
                thinned.append(said)
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
                    time=clock,
                )
            )
        # review r105, M2-M4: the checks the service's searches get too
        checked.append(
            check_search(
                items,
                current,
                names=replace(
                    _NAMES if geojson is None else _FILE_NAMES,
                    given=given,
                    field=given.split(" ", 1)[0],
                ),
                swapped=lambda item: _check_not_swapped(item, current, given),
                planned=plan is not None,
            )
        )
        return items

    # what reading the case says (a date a century back) as one line each
    with shown_warnings():
        try:
            items = append_items(case, build)
        except CaseFileError as exc:
            if not checked or not checked[0].outside:
                raise
            # the case with the search no longer holds (a region drawn around the
            # evidence, stretched to hold the search, with too many cells): say why
            raise CaseFileError(
                f"{exc.message} {checked[0].outside[0][0]} Nothing was written; "
                f"{CHECK_COORDINATES}",
                path=exc.path,
                line=exc.line,
                field=exc.field,
            ) from None
    as_of = case_as_of[0]
    if len(items) > _ADDED_SHOWN:
        console.print(
            Text(
                f"Added {items[0].id} … {items[-1].id} ({len(items)} bands, pd "
                f"{items[0].pd:g} down to {items[-1].pd:g}) to {case}."
            )
        )
    else:
        for it in items:
            console.print(Text(f"Added {it.id} (pd = {it.pd:g}) to {case}."))
    if record is not None:
        console.print(Text(recorded_text(record)))
    for said in thinned:
        console.print(Text(said))
    console.print(
        "Estimates made before do not hold it: run 'geosleuth locate' again before "
        "'geosleuth plan'.",
        highlight=False,
    )
    # a GPS file's times against --date and --time (review r211, M6)
    off_day, timed = time_notes(str(geojson), span, day, clock)
    with shown_warnings():
        if early:
            warnings.warn(early, EvidenceWarning, stacklevel=2)
        for said in off_day:
            warnings.warn(said, EvidenceWarning, stacklevel=2)
        # the search before the case's first item, then each search wholly
        # outside the region (one the case file judged swapped? was warned of
        # as it was read)
        for said in checked[0].warnings:
            warnings.warn(said, EvidenceWarning, stacklevel=2)
    stands = search_vs_as_of(items, as_of)
    if as_of is not None and stands == "after":
        when = day.isoformat() + (f" {time_text(clock)}" if clock else "")
        console.print(
            f"[yellow]The case's as_of is {as_of_text(as_of)}, before this search "
            f"({when}): 'geosleuth locate' leaves it out until you give "
            "--as-of or move as_of in the case file.[/]",
            highlight=False,
        )
    elif as_of is not None and stands == "untimed":
        console.print(
            f"[yellow]The case's as_of is {as_of_text(as_of)} and this search has "
            "no time: 'geosleuth locate' counts it as made by then. Give --time if "
            "it was later.[/]",
            highlight=False,
        )
    for said in timed:
        console.print(Text(said, style="yellow"))
