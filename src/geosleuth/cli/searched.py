"""``geosleuth searched``: record a search that found nothing in a case file."""

from __future__ import annotations

import bisect
import datetime as dt
import json
import math
import unicodedata
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import numpy as np
import typer
from rich.text import Text

from geosleuth._json import loads as read_json
from geosleuth._types import FloatArray
from geosleuth.casefile import Case, far_ahead, free_search_id, judge_swap
from geosleuth.cli import app, clean_text, console, guarded, shown_warnings
from geosleuth.cli._dates import parse_date
from geosleuth.errors import (
    CaseFileError,
    EvidenceWarning,
    GeosleuthWarning,
    InputError,
)
from geosleuth.evidence import (
    AsOf,
    Searched,
    as_of_text,
    parse_time,
    time_text,
)
from geosleuth.fuse import factors
from geosleuth.geometry import Area, Geometry, Line, Point, from_geojson
from geosleuth.gpsfiles import GPS_SUFFIXES, read_gps_file
from geosleuth.locate import append_items, search_item, search_vs_as_of

__all__ = ["searched"]


_RADIUS = "--radius-km (--buffer-km)"


def _quoted(value: object) -> str:
    """Text quoted for a message, with no backslash (review r60, L5).

    In single quotes; text that holds one goes in double quotes, and text that
    holds both in curly ones. Anything else is written as Python writes it.

    Examples
    --------
    >>> print(_quoted("car"), _quoted("Zoë O'Brien"), _quoted("O'B " + '"Jo"'))
    'car' "Zoë O'Brien" “O'B "Jo"”
    >>> print(_quoted(None), _quoted(0.5))
    None 0.5
    """
    if not isinstance(value, str):
        return repr(value)
    if "'" not in value:
        return f"'{value}'"
    return f'"{value}"' if '"' not in value else f"“{value}”"


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
    one track (searched within ``--radius-km`` of it). A collection of one
    Point (a waypoint as GPS tools export it) is that point. Several points, and
    polygons mixed with lines, are refused: one search has one shape and one
    buffer.
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
        elif len(feats) == 1:
            return geom
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

    A UTF-8 byte-order mark (written by some Windows tools) is allowed. A
    polygon that encloses no area (one point thrice) is refused: recorded, it
    could never count.
    """
    geom = _geojson_of(path)
    if isinstance(geom, Area):
        try:
            geom.check_encloses()
        except InputError as exc:
            raise InputError(
                f"The {'file' if _is_gps_file(path) else 'GeoJSON'} {path}: "
                f"{exc.message}",
                path=str(path),
            ) from None
    return geom


def _is_gps_file(path: Path) -> bool:
    """Whether ``path`` is a GPX or KML file: by its name, else by its XML start.

    A team's GPS unit gives back GPX (review 39, L3); a file named otherwise
    whose first character is ``<`` is XML, not GeoJSON, and is read as GPS too.
    """
    if path.suffix.lower() in GPS_SUFFIXES:
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(512)
    except OSError:
        return False
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def _geojson_of(path: Path) -> Geometry:
    """What :func:`_read_geojson` reads, unchecked."""
    if _is_gps_file(path):
        return read_gps_file(path)
    try:
        obj = read_json(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(
            f"Cannot read GeoJSON from {path}: {exc}. --geojson takes a GeoJSON "
            "file, or a GPX or KML file (named .gpx or .kml).",
            path=str(path),
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
                f"--box must be WEST,SOUTH,EAST,NORTH in degrees. Got {_quoted(box)}.",
                field="--box",
            ) from None
        area = Area.checked_box(w, s, e, n, name="--box", got=_quoted(box))
        _no_radius(radius_km, "--box")
        return area, 0.0
    if point is not None:
        try:
            lon, lat = (float(v) for v in point.split(","))
        except ValueError:
            raise InputError(
                f"--point must be LON,LAT in degrees. Got {_quoted(point)}.",
                field="--point",
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
                    f"The searched area of {_quoted(item.id)} lies wholly outside "
                    f"{where}: {why}.",
                    then,
                )
            )
    return out


def _km(km: float) -> str:
    return f"{km:,.0f}" if km >= 10 else f"{km:.1f}"


def _check_not_swapped(item: Searched, case: Case, given: str) -> bool:
    """Refuse a search that is unambiguously written with lon and lat swapped.

    By the rule a case file's places get (:func:`geosleuth.casefile.judge_swap`,
    reviews r53, r55): a search wholly outside the region whose exchange lies
    inside is refused when it lies more than ``SWAP_FAR_KM`` out and its
    exchange within ``SWAP_NEAR_KM`` of the case's other evidence
    (``--point 44.4943,11.3426`` for a case in Bologna, a search in the Gulf of
    Aden, review 39, L4). Nothing is written. Nearer (a real place near the
    diagonal lon = lat, just outside the region), or exchanged but not onto
    other evidence, it is recorded as given, and the case file, read again with
    it, warns of it by the line where it is written (lon and lat swapped?).

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
    if not swap.refused or swap.by is None:
        return True
    w, s, e, n = case.grid.bounds_lonlat()
    exchanged = swap.exchanged
    area = exchanged.area if isinstance(exchanged, Searched) else item.area
    lon, lat = area.representative()
    where = "region" if case.region_given else "evidence (the region drawn around it)"
    raise InputError(
        f"The search {given} lies wholly outside the case's {where} (west "
        f"{w:.2f}, south {s:.2f}, east {e:.2f}, north {n:.2f}), "
        f"{_km(swap.outside_km)} km from it, and with lon and lat exchanged (around "
        f"{lon:.4f},{lat:.4f}) it lies inside, {_km(swap.lands_km)} km from "
        f"{swap.by.kind} {_quoted(swap.by.id)}: lon and lat swapped? Give "
        "longitude first, then latitude. If it is where it should be, give the "
        "case a region that holds it. Nothing was written.",
        field=given.split(" ", 1)[0],
    )


#: The POD a plan's cell is recorded with (review r60, M1): the step of
#: :data:`_PD_LADDER` at or below its planned POD. No step reaches 1: a Koopman
#: search never makes detection certain, so a POD of 1.0 (or 0.9999995 rounded)
#: is recorded at the top step.
_PD_TOP = 0.95
#: Below this POD a cell is left out: its search changes the cell's
#: probability by less than 0.1 %.
_PD_FLOOR = 0.001
#: Each step of the ladder is at least this share of the one above, so a cell
#: is credited at least 90 % of its planned POD, and never more.
_PD_RATIO = 0.9
#: The steps are merged into the fewest bands (each one searched item: every
#: item costs 'locate' a leave-one-out over the day's searches, and 50 bands
#: a plan made it slower than the cells did) that record at least this share
#: of the plan's P(found), sum(p * POD) ...
_PD_KEEP = 0.9
#: ... with no cell credited less than this share of its planned POD.
_PD_LEAST = 0.5


def _ceil_two_digits(x: float) -> float:
    """``x`` rounded up to two significant digits.

    >>> _ceil_two_digits(0.855), _ceil_two_digits(0.099), _ceil_two_digits(0.0027)
    (0.86, 0.099, 0.0027)
    """
    digits = 1 - math.floor(math.log10(x))
    scale = 10.0**digits
    return round(math.ceil(x * scale - 1e-9) / scale, digits)


def _pd_ladder() -> tuple[float, ...]:
    """The PODs a plan's cells are recorded with, from the top step down.

    Two-digit numbers, each the least at or above 90 % of the one before, from
    :data:`_PD_TOP` down to :data:`_PD_FLOOR`.

    >>> ladder = _pd_ladder()
    >>> ladder[:6], ladder[-3:]
    ((0.95, 0.86, 0.78, 0.71, 0.64, 0.58), (0.0012, 0.0011, 0.001))
    >>> min(b / a for a, b in zip(ladder, ladder[1:])) >= _PD_RATIO - 1e-12
    True
    """
    steps = [_PD_TOP]
    while (step := _ceil_two_digits(steps[-1] * _PD_RATIO)) >= _PD_FLOOR:
        steps.append(step)
    if steps[-1] > _PD_FLOOR:
        steps.append(_PD_FLOOR)
    return tuple(steps)


_PD_LADDER = _pd_ladder()
#: The ladder from the bottom step up, for :func:`bisect.bisect_right`.
_PD_RISING = _PD_LADDER[::-1]


def _recorded_pd(pod: float) -> float | None:
    """The step a cell of planned POD ``pod`` is recorded with; None below the floor.

    >>> _recorded_pd(0.332862), _recorded_pd(1.0), _recorded_pd(0.05)
    (0.33, 0.95, 0.049)
    >>> _recorded_pd(0.0035), _recorded_pd(0.00099) is None
    (0.0034, True)
    """
    k = bisect.bisect_right(_PD_RISING, pod * (1.0 + 1e-9))
    return _PD_RISING[k - 1] if k else None


#: How far a band's merged outline may move off its cells' (degrees; 1e-7° is
#: about 1 cm, the precision of ``plan.geojson``).
_OUTLINE_DEG = 1e-7


def _union_of_cells(polys: Sequence[tuple[FloatArray, ...]]) -> list[Any]:
    """The union of a band's cells, as few polygons as they make (review r60, M2).

    The cells of a plan share their edges' vertices exactly (each cell's
    outline is drawn from the grid's corners), so the union covers what the
    cells cover; the points along its straight runs of cell sides are dropped
    where the outline moves by less than :data:`_OUTLINE_DEG` (about 1 cm).
    Exterior rings come out counter-clockwise and holes clockwise (RFC 7946).

    Returns
    -------
    list of tuple of ndarray
        Per polygon, its exterior ring and its holes, closed.

    Examples
    --------
    >>> a = Area.box(0.0, 0.0, 1.0, 1.0).polygons[0]
    >>> b = Area.box(1.0, 0.0, 2.0, 1.0).polygons[0]
    >>> [len(p) for p in _union_of_cells([a, b])]  # one polygon, no hole
    [1]
    """
    import shapely

    shapes = [
        shapely.make_valid(shapely.Polygon(rings[0], rings[1:])) for rings in polys
    ]
    # the points along a straight run of cell sides go: they bend the outline
    # by well under _OUTLINE_DEG, and each costs 'locate' a segment per cell
    union = shapely.simplify(shapely.union_all(shapes), _OUTLINE_DEG)
    union = shapely.orient_polygons(union, exterior_cw=False)
    out = []
    for part in getattr(union, "geoms", [union]):
        if part.geom_type != "Polygon" or part.is_empty or part.area <= 0.0:
            continue  # a point or line where cells only touch
        out.append(
            tuple(
                np.asarray(ring.coords, dtype=np.float64)
                for ring in (part.exterior, *part.interiors)
            )
        )
    return out


def _merged_steps(
    steps: Sequence[float], weights: Sequence[float], target: float
) -> list[tuple[int, int]]:
    """The fewest runs of ladder steps, as bands, that credit at least ``target``.

    A band of the steps ``steps[i:j]`` (highest first) is recorded with its
    lowest, ``steps[j - 1]``: it credits ``steps[j - 1] * sum(weights[i:j])``
    (``weights``: the cells' p at each step), and it may not reach below
    :data:`_PD_LEAST` of its highest step. By dynamic programming over the
    number of bands (at most 79 steps); with no ``target`` reachable, every step
    is a band.

    Returns
    -------
    list of (int, int)
        The bands' ``(i, j)``, highest first.

    Examples
    --------
    >>> _merged_steps([0.3, 0.27, 0.25, 0.01], [1.0, 1.0, 1.0, 1.0], 0.7)
    [(0, 3), (3, 4)]
    >>> _merged_steps([0.3, 0.27, 0.25, 0.01], [1.0, 1.0, 1.0, 1.0], 0.8)
    [(0, 1), (1, 3), (3, 4)]
    """
    m = len(steps)
    pre = np.concatenate([[0.0], np.cumsum(weights)])
    # best[j]: the most credited by k bands over steps[:j]; back[k][j]: its i
    best = np.full(m + 1, -np.inf)
    best[0] = 0.0
    back: list[list[int]] = []
    for _ in range(m):
        nxt = np.full(m + 1, -np.inf)
        arg = [0] * (m + 1)
        for j in range(1, m + 1):
            for i in range(j):
                if best[i] == -np.inf or steps[j - 1] < _PD_LEAST * steps[i]:
                    continue
                value = best[i] + steps[j - 1] * (pre[j] - pre[i])
                if value > nxt[j]:
                    nxt[j], arg[j] = value, i
        best = nxt
        back.append(arg)
        if best[m] >= target * (1.0 - 1e-12):
            break
    runs = []
    j = m
    for arg in reversed(back):
        runs.append((arg[j], j))
        j = arg[j]
    return runs[::-1]


@dataclass(frozen=True, slots=True)
class _PlanRecord:
    """A plan carried out, as ``searched --plan`` records it.

    ``bands`` are ``(pd, area, n_cells)``, highest pd first. ``planned`` is
    the plan's POS over the cells carried out, sum(p * pod), and ``recorded``
    the same sum with the pd recorded; without a ``p`` in every cell (a plan
    from another tool), both are sums of the POD alone (``weighted`` False).
    """

    bands: list[tuple[float, Area, int]]
    planned: float
    recorded: float
    weighted: bool
    n_cells: int
    n_below: int


def _percent(x: float) -> str:
    """A share as a percentage to three significant digits.

    >>> _percent(0.0720497), _percent(0.0018), _percent(0.9), _percent(0.0)
    ('7.20 %', '0.180 %', '90.0 %', '0 %')
    """
    if not x > 0:
        return "0 %"
    percent = 100.0 * x
    return f"{percent:.{max(0, 2 - math.floor(math.log10(percent)))}f} %"


def _area_list(text: str) -> list[str]:
    """``--areas`` as a list of names ("A1, a2" → ["A1", "A2"]), each checked.

    Examples
    --------
    >>> _area_list("A1, a2,A10")
    ['A1', 'A2', 'A10']
    """
    names = [part.strip().upper() for part in text.split(",") if part.strip()]
    bad = [n for n in names if not (n[:1] == "A" and n[1:].isdigit())]
    if not names or bad:
        raise InputError(
            "--areas must be the search areas' names as the GPX and KML give them, "
            f"separated by commas (e.g. A1,A2,A5). Got {_quoted(text)}.",
            field="--areas",
        )
    return names


def _names_text(names: set[str]) -> str:
    """Area names in their order (A2 before A10), the first 20."""

    def key(name: str) -> tuple[int, str]:
        digits = name[1:]
        return (int(digits) if digits.isdigit() else 10**9, name)

    ordered = sorted(names, key=key)
    more = f" and {len(ordered) - 20} more" if len(ordered) > 20 else ""
    return ", ".join(ordered[:20]) + more


def _plan_bands(path: Path, areas: Sequence[str] | None = None) -> _PlanRecord:
    """Cells of a ``plan.geojson`` in bands of POD, as few as record it well.

    Each cell's POD is first rounded down to a step of :data:`_PD_LADDER`
    (two-digit numbers within 10 % of each other, from 0.95 down to 0.001): no
    step reaches 1, as a Koopman search never makes detection certain, so a
    POD written as 1.0 goes in the 0.95 band. A cell below 0.001 is left out
    (its search moves its probability by less than 0.1 %); a plan with none
    above is refused, saying how to record it as one area. The steps are then
    merged into the fewest bands that record at least :data:`_PD_KEEP` (90 %)
    of the plan's P(found), sum(p * POD), or all the steps give
    (:func:`_merged_steps`): each band is recorded with its cells' least step,
    so no cell is credited more than its POD, nor less than half of it. Each
    band's cells are merged into as few polygons as they make
    (:func:`_union_of_cells`). Polygon and MultiPolygon cells are read, so a
    plan drawn in another tool can be recorded too (without a ``p`` in every
    cell, its cells weigh alike). With ``areas`` (the GPX and KML names, ``A1``
    ...), only the cells of those areas (their ``area`` property): the part of
    the plan that was carried out.
    """

    def bad(what: str) -> InputError:
        return InputError(
            f"{path} is not a plan like those 'geosleuth plan' writes (a GeoJSON "
            f"FeatureCollection of cells with a 'pod' between 0 and 1): {what}.",
            path=str(path),
        )

    try:
        obj = read_json(path.read_text(encoding="utf-8-sig"))  # a BOM is allowed
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise bad(f"not JSON ({exc})") from None
    feats = obj.get("features") if isinstance(obj, dict) else None
    if not isinstance(feats, list):
        raise bad("no 'features' list")
    cells: list[tuple[float, float | None, Any]] = []  # pod, p, polygons
    wanted = set(areas or ())
    named = {
        str(f["properties"].get("area"))
        for f in feats
        if isinstance(f, dict) and isinstance(f.get("properties"), dict)
    } - {"None", ""}
    if wanted and not named:
        raise InputError(
            f"The plan {path} names no search areas (no 'area' of its cells: "
            "an older geosleuth wrote it, or another tool). Plan again with "
            "'geosleuth plan', or record the plan in full without --areas.",
            path=str(path),
            field="--areas",
        )
    unknown = sorted(wanted - named)
    if unknown:
        raise InputError(
            f"The plan {path} has no search area {', '.join(unknown)}; its areas "
            f"are {_names_text(named)}.",
            path=str(path),
            field="--areas",
        )
    for i, f in enumerate(feats):
        props = f.get("properties") if isinstance(f, dict) else None
        pod = props.get("pod") if isinstance(props, dict) else None
        if pod is None:
            continue  # not a cell (e.g. a marker)
        if wanted and str(props.get("area")) not in wanted:  # type: ignore[union-attr]
            continue  # an area not searched
        if isinstance(pod, bool) or not isinstance(pod, (int, float)):
            raise bad(f"feature {i} has pod {_quoted(pod)}, not a number")
        if not 0.0 <= pod <= 1.0:  # also NaN, Infinity
            raise bad(f"feature {i} has pod {_quoted(pod)}, outside 0..1")
        geom = f.get("geometry")
        if not isinstance(geom, dict):
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
        p = props.get("p")  # type: ignore[union-attr]
        if isinstance(p, bool) or not isinstance(p, (int, float)):
            p = None
        cells.append((float(pod), p, area.polygons))
    pods = [pod for pod, _, _ in cells]
    if not any(_recorded_pd(pod) for pod in pods):
        raise _too_thin(path, pods)
    # weighed by the cells' p (sum(p * pod) is the plan's P(found)); a plan of
    # another tool without p: each cell alike
    weighted = all(p is not None for _, p, _ in cells)
    weight = {
        k: (max(p, 0.0) if p is not None and math.isfinite(p) else 0.0)
        if weighted
        else 1.0
        for k, (_, p, _) in enumerate(cells)
    }
    per_step: dict[float, list[int]] = {}
    for k, pod in enumerate(pods):
        step = _recorded_pd(pod)
        if step is not None:
            per_step.setdefault(step, []).append(k)
    steps = sorted(per_step, reverse=True)
    step_weights = [sum(weight[k] for k in per_step[x]) for x in steps]
    planned = sum(weight[k] * pod for k, pod in enumerate(pods))
    finest = sum(x * w for x, w in zip(steps, step_weights, strict=True))
    out = []
    recorded = 0.0
    for i, j in _merged_steps(steps, step_weights, min(_PD_KEEP * planned, finest)):
        members = [k for x in steps[i:j] for k in per_step[x]]
        polys = [poly for k in members for poly in cells[k][2]]
        out.append((steps[j - 1], Area(tuple(_union_of_cells(polys))), len(members)))
        recorded += steps[j - 1] * sum(step_weights[i:j])
    return _PlanRecord(
        bands=out,
        planned=planned,
        recorded=recorded,
        weighted=weighted,
        n_cells=len(pods),
        n_below=sum(_recorded_pd(x) is None for x in pods),
    )


def _too_thin(path: Path, pods: Sequence[float]) -> InputError:
    """The refusal of a plan whose cells all have a POD below the floor."""
    if not pods or max(pods) <= 0.0:
        return InputError(
            f"The plan {path} has no Polygon or MultiPolygon cell with a POD above "
            "0: it searched nothing.",
            path=str(path),
        )
    kml = path.with_suffix(".kml")
    least = min(x for x in pods if x > 0)
    digits = 1 - math.floor(math.log10(least))
    least_down = math.floor(least * 10.0**digits) / 10.0**digits
    return InputError(
        f"The plan {path} gives no cell a POD of {_PD_FLOOR:g} or more (the most "
        f"is {max(pods):.2g}): searched so thinly, no cell's probability moves by "
        "0.1 %, and it is not recorded cell by cell. To record it anyway as one "
        f"area, give --geojson {kml if kml.exists() else 'plan.kml'} (its search "
        f"areas) --pd {least_down:.{max(digits, 0)}f}, its cells' least POD, "
        "instead of --plan. Nothing was written.",
        path=str(path),
        field="--plan",
    )


#: Beyond this many items, ``searched`` says what it added in one line.
_ADDED_SHOWN = 3


def _recorded_text(record: _PlanRecord) -> str:
    """What ``searched --plan`` recorded of the plan's P(found), in one sentence.

    Examples
    --------
    >>> r = _PlanRecord(bands=[], planned=0.072, recorded=0.0655, weighted=True,
    ...                 n_cells=699, n_below=3)
    >>> print(_recorded_text(r))
    Recorded P(found) 6.55 % of the planned 7.20 % (sum of p × POD over its 699 cells, each recorded with the least POD of its band, rounded down: never more than its own, nor less than half; 3 cells with a POD below 0.001 left out).
    """  # noqa: E501
    below = (
        f"; {record.n_below} cell{'' if record.n_below == 1 else 's'} with a POD "
        f"below {_PD_FLOOR:g} left out"
        if record.n_below
        else ""
    )
    cells = f"{record.n_cells} cell{'' if record.n_cells == 1 else 's'}"
    how = (
        "each recorded with the least POD of its band, rounded down: never more "
        f"than its own, nor less than half{below}"
    )
    if record.weighted:
        return (
            f"Recorded P(found) {_percent(record.recorded)} of the planned "
            f"{_percent(record.planned)} (sum of p × POD over its {cells}, {how})."
        )
    share = record.recorded / record.planned if record.planned > 0 else 0.0
    return (
        f"Recorded {_percent(share)} of the POD the plan gives its {cells} (its "
        f"cells have no 'p', so its P(found) cannot be told; {how})."
    )


def _plan_made_on(path: Path) -> dict[str, Any]:
    """What ``plan.geojson`` says it was made on (its ``estimate``; {} if none).

    'geosleuth plan' writes the estimate's case title, target and ``as_of``
    there; an older plan, or one drawn in another tool, has none.
    """
    try:
        obj = read_json(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return {}  # _plan_bands says why
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
        f"{_quoted(target)} ({_quoted(title)}), and this case is of "
        f"{_quoted(case.target)} ({_quoted(case.title)}), and its estimate names "
        f"the case file {_quoted(made_on.get('case'))}, not this one. Record it in "
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
            "GPX or KML file, as a GPS unit gives back (.gpx, .kml): its tracks and "
            "routes as one line, its polygons (the plan's area outlines) as one "
            "area, a lone waypoint as a point; waypoints beside a track are left "
            "out, and said. A point or line needs --radius-km.",
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
    else recorded, with the warning the case file gives.
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
    record: _PlanRecord | None = None  # the --plan as recorded
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
        done = _area_list(areas) if areas is not None else []
        record = _plan_bands(plan, done)
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
        with shown_warnings():  # a GPS file's waypoints left out
            area, buffer_km = _area_from_options(box, point, radius_km, geojson)
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
    far: list[tuple[str, str]] = []  # searches wholly outside the case's region
    told: list[str] = []  # of these, the ones the case file warns of (swapped?)

    def build(current: Case) -> list[Searched]:
        case_as_of.append(current.as_of)
        if plan is not None:
            _check_plan_case(made_on, current, plan, case)
        existing = {i.id for i in current.items}
        base = item_id or free_search_id(existing, day)
        items: list[Searched] = []
        for j, (band_pd, band_area, buffer, n_cells) in enumerate(bands, start=1):
            new_id = base if len(bands) == 1 else f"{base}-band{j}"
            if new_id in existing:
                raise InputError(
                    f"The case already has an item {_quoted(new_id)}; pick another "
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
        outside = _outside_region(items, current)
        if outside and plan is None and _check_not_swapped(items[0], current, given):
            told.append(items[0].id)  # the case file read with it warns of it
        far.extend(outside)
        return items

    # what reading the case says (a date a century back) as one line each
    with shown_warnings():
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
        console.print(Text(_recorded_text(record)))
    console.print(
        "Estimates made before do not hold it: run 'geosleuth locate' again before "
        "'geosleuth plan'.",
        highlight=False,
    )
    with shown_warnings():
        if early:
            warnings.warn(early, EvidenceWarning, stacklevel=2)
        # a search the case file judged swapped? was warned of as it was read
        for where, then in [] if told else far:
            warnings.warn(
                f"{where} {then} It is recorded as given; {_CHECK}",
                EvidenceWarning,
                stacklevel=2,
            )
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
