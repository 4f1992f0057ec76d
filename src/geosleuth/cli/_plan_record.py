"""How ``geosleuth searched --plan`` records a plan carried out: bands of its cells.

A plan's cells are credited on a ladder of PODs (:data:`_PD_LADDER`, each step
at least 90 % of the one above, down to 0.001), the steps merged into the
fewest bands that keep 90 % of its P(found), and each band's cells unioned into
as few polygons as they make (:func:`plan_bands`; review r60, M1 and M2).
Each band is one searched item of the case file. Used by
:mod:`geosleuth.cli.searched`.
"""

from __future__ import annotations

import bisect
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from geosleuth._json import loads as read_json
from geosleuth._types import FloatArray
from geosleuth.cli import quoted
from geosleuth.errors import InputError
from geosleuth.geometry import Area, from_geojson

__all__ = ["PlanRecord", "area_list", "plan_bands", "recorded_text"]


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
class PlanRecord:
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


def area_list(text: str) -> list[str]:
    """``--areas`` as a list of names ("A1, a2" → ["A1", "A2"]), each checked.

    Examples
    --------
    >>> area_list("A1, a2,A10")
    ['A1', 'A2', 'A10']
    """
    names = [part.strip().upper() for part in text.split(",") if part.strip()]
    bad = [n for n in names if not (n[:1] == "A" and n[1:].isdigit())]
    if not names or bad:
        raise InputError(
            "--areas must be the search areas' names as the GPX and KML give them, "
            f"separated by commas (e.g. A1,A2,A5). Got {quoted(text)}.",
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


def plan_bands(path: Path, areas: Sequence[str] | None = None) -> PlanRecord:
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
            raise bad(f"feature {i} has pod {quoted(pod)}, not a number")
        if not 0.0 <= pod <= 1.0:  # also NaN, Infinity
            raise bad(f"feature {i} has pod {quoted(pod)}, outside 0..1")
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
    return PlanRecord(
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
    pd = f"--pd {least_down:.{max(digits, 0)}f}, its cells' least POD"
    try:  # a plan too thin for any team's area writes none into its KML
        has_areas = "<Polygon" in kml.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        has_areas = not kml.exists()  # not beside it: the user's own plan.kml
    way_out = (
        f"To record it anyway as one area, give --geojson "
        f"{kml if kml.exists() else 'plan.kml'} (its search areas) {pd}, "
        "instead of --plan."
        if has_areas
        else f"Its {kml.name} holds no search area either (its track is too short "
        "for one): to record the ground the team covered, give it with --geojson "
        f"(a GPS track with --buffer-km) or --box, and {pd}, instead of --plan."
    )
    return InputError(
        f"The plan {path} gives no cell a POD of {_PD_FLOOR:g} or more (the most "
        f"is {max(pods):.2g}): searched so thinly, no cell's probability moves by "
        f"0.1 %, and it is not recorded cell by cell. {way_out} Nothing was "
        "written.",
        path=str(path),
        field="--plan",
    )


def recorded_text(record: PlanRecord) -> str:
    """What ``searched --plan`` recorded of the plan's P(found), in one sentence.

    Examples
    --------
    >>> r = PlanRecord(bands=[], planned=0.072, recorded=0.0655, weighted=True,
    ...                 n_cells=699, n_below=3)
    >>> print(recorded_text(r))
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
