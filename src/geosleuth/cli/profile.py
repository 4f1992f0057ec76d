"""``geosleuth profile``: a geographic profile (CGT or DPM) of an event set."""

from __future__ import annotations

import json
import math
import re
import shlex
import warnings
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Annotated, Any, Literal

import numpy as np
import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from geosleuth._types import FloatArray, IntArray
from geosleuth.cli import (
    app,
    console,
    err_console,
    guarded,
    progress_shown,
    shown_warnings,
)
from geosleuth.errors import EvidenceWarning, GeosleuthWarning, InputError
from geosleuth.events import (
    EventTable,
    _far_from_the_others,
    _km_from,
    _unit_vectors,
    read_events_csv,
    swap_question,
    swapped_events,
)
from geosleuth.grid import Grid
from geosleuth.profile import (
    DPMProfiler,
    cgt_scores,
    estimate_cgt_buffer_km,
    hit_score,
    study_area_grid,
)
from geosleuth.profile.dpm import FIXED_SHAPE, LEAST_KM, MOST_KM
from geosleuth.profile.study_area import ACCURATE_KM, stretching_events
from geosleuth.report.fieldfiles import cell_outlines_lonlat, ring_parts
from geosleuth.report.files import case_reference, write_all_atomic

__all__ = ["parse_truth", "profile"]


def parse_truth(text: str) -> tuple[float, float]:
    """Parse ``"LON,LAT"`` (degrees) into a ``(lon, lat)`` pair.

    Raises
    ------
    InputError
        If it is not two numbers within lon -180..180 and lat -90..90.

    Examples
    --------
    >>> parse_truth("-0.1366, 51.5133")
    (-0.1366, 51.5133)
    """
    parts = text.split(",")
    try:
        lon, lat = (float(p) for p in parts)
    except ValueError:
        raise InputError(
            f"--truth must be LON,LAT in degrees (e.g. -0.1366,51.5133). Got {text!r} "
            "instead.",
            field="--truth",
        ) from None
    if not (
        math.isfinite(lon)
        and math.isfinite(lat)
        and -180 <= lon <= 180
        and -90 <= lat <= 90
    ):
        swapped = -90 <= lon <= 90 and -180 <= lat <= 180
        raise InputError(
            f"--truth must be a longitude in -180..180 and a latitude in -90..90. Got "
            f"{text!r} instead{' (lon and lat swapped?)' if swapped else ''}.",
            field="--truth",
        )
    return lon, lat


def _cells_at_least_as_high(scores: FloatArray) -> IntArray:
    """Per cell, how many cells score at least as high (itself included)."""
    s = np.where(np.isnan(scores), -np.inf, scores)
    order = np.sort(s)
    return np.asarray(s.size - np.searchsorted(order, s, side="left"), dtype=np.int64)


def _search_order_pct(scores: FloatArray) -> FloatArray:
    """Per cell, the % of the area scoring at least as high (its hit score)."""
    at_least = _cells_at_least_as_high(scores)
    return np.asarray(100.0 * at_least / at_least.size, dtype=np.float64)


def _cell_geometry(grid: Grid, cell: int) -> dict[str, Any]:
    """A cell's outline as a GeoJSON Polygon, or a MultiPolygon cut at 180°."""
    ring = cell_outlines_lonlat(grid, np.array([cell]), points_per_side=1)[0]
    parts = [
        [[[round(float(a), 7), round(float(b), 7)] for a, b in part]]
        for part in ring_parts(ring)
    ]
    if len(parts) == 1:
        return {"type": "Polygon", "coordinates": parts[0]}
    return {"type": "MultiPolygon", "coordinates": parts}


def _geojson(
    grid: Grid,
    scores: FloatArray,
    at_least: IntArray,
    truths: list[dict[str, Any]],
    *,
    top_cells: int,
) -> dict[str, Any]:
    pct = 100.0 * at_least / at_least.size
    finite = np.where(np.isnan(scores), -np.inf, scores)
    top = np.argsort(-finite, kind="stable")[:top_cells]
    features: list[dict[str, Any]] = [
        {
            "type": "Feature",
            "geometry": _cell_geometry(grid, int(c)),
            "properties": {
                "kind": "cell",
                "rank": rank + 1,
                "cell": int(c),
                "score": float(scores[c]),
                "hit_score_pct": round(float(pct[c]), 4),
                "cells_at_least_as_high": int(at_least[c]),
                "n_cells": int(at_least.size),
            },
        }
        for rank, c in enumerate(top.tolist())
    ]
    features.extend(
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [t["lon"], t["lat"]]},
            "properties": {"kind": "truth", **t},
        }
        for t in truths
    )
    return {"type": "FeatureCollection", "features": features}


def _dot_sizes(weights: FloatArray | None, n: int) -> FloatArray:
    """Marker areas (points²) of the events' dots: by weight, 6 at the median.

    The area grows with the weight (a dot of weight 4 has four times the area
    of one of weight 1), clipped to 2..120 so that no dot vanishes or hides the
    map (review 39, L5).

    Examples
    --------
    >>> _dot_sizes(np.array([1.0, 1.0, 1.0, 4.0, 1000.0]), 5).tolist()
    [6.0, 6.0, 6.0, 24.0, 120.0]
    >>> _dot_sizes(None, 2).tolist()
    [6.0, 6.0]
    """
    if weights is None:
        return np.full(n, 6.0)
    positive = weights[weights > 0]
    median = float(np.median(positive)) if positive.size else 1.0
    with np.errstate(over="ignore"):  # weights up to 1e308: clipped anyway
        ratio = weights / median
    return np.asarray(np.clip(6.0 * np.minimum(ratio, 1e3), 2.0, 120.0))


#: The most elongated the map is drawn: its height over its width in the
#: figure, between 1 / 2.5 and 2.5 (review r60, H1: a study area 10 times taller
#: than wide made an 840 × 8472 px image, one 10 times wider a strip 156 px
#: high). A longer area is drawn stretched across, and the title says so.
_MOST_DRAWN_RATIO = 2.5


def _png(
    grid: Grid,
    pct: FloatArray,
    events: EventTable,
    truths: list[dict[str, Any]],
    title: str,
    *,
    peak: tuple[float, float],
) -> bytes:
    """The profile's map as PNG bytes.

    Axes in km east and north of the study area's centre, in the equal-area
    plane the profile is made in (its lon, lat named on them); a legend tells
    the events (dots by weight), the peak (a cross) and each ``--truth`` (a
    star) apart (review 39, L5). The legend lies below the map, where it hides
    no event, and the labels are kept inside the image (review r60, H1). A
    study area more than 2.5 times longer one way than the other is drawn 2.5
    times as long, not to scale, the title saying by how much.
    """
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.colors import LogNorm
    from matplotlib.transforms import offset_copy

    ratio = grid.ny / max(grid.nx, 1)
    drawn = min(max(ratio, 1.0 / _MOST_DRAWN_RATIO), _MOST_DRAWN_RATIO)
    map_w = 5.6 if drawn <= 1.0 else 7.0 / drawn
    map_h = map_w * drawn
    narrow = map_w < 4.5  # the x label in two lines, the legend in one column
    fig, ax = plt.subplots(
        figsize=(map_w + 1.8, map_h + (2.4 if narrow else 1.6)), layout="constrained"
    )
    extent = (grid.west_km, grid.east_km, grid.south_km, grid.north_km)
    image = ax.imshow(
        np.clip(pct.reshape(grid.ny, grid.nx), 1e-3, 100.0),
        origin="lower",
        extent=extent,
        cmap="magma",
        norm=LogNorm(vmin=max(100.0 / grid.n_cells, 1e-3), vmax=100.0),
        aspect=drawn / ratio,
    )
    fig.colorbar(image, ax=ax, label="hit score: % of the area\nsearched first")
    ex, ey = grid.lonlat_to_xy_km(events.lons, events.lats)
    weighted = "" if events.weights is None else ", area by weight"
    ax.scatter(
        ex,
        ey,
        s=_dot_sizes(events.weights, events.n_events),
        c="#4fc3f7",
        edgecolors="none",
        alpha=0.8,
        label=f"events ({events.n_events}{weighted})",
    )
    ax.scatter(
        [peak[0]],
        [peak[1]],
        marker="X",
        s=110,
        c="white",
        edgecolors="black",
        label="peak (searched first)",
    )
    inside = [t for t in truths if t["cell"] >= 0]
    for k, t in enumerate(inside):
        tx, ty = grid.lonlat_to_xy_km(t["lon"], t["lat"])
        ax.scatter(
            [tx],
            [ty],
            marker="*",
            s=160,
            c="#00e676",
            edgecolors="black",
            label="--truth (known source)" if k == 0 else None,
        )
    # below the map and its x label, outside it: it hides no event (r60, H1)
    below = 32.0 + 12.0 * (2 if narrow else 1)  # points: tick labels, x label
    ax.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, 0.0),
        bbox_transform=offset_copy(ax.transAxes, fig=fig, y=-below, units="points"),
        ncols=1 if narrow else 3,
        fontsize=8,
        framealpha=0.85,
    )
    ax.set_xlim(extent[0], extent[1])
    ax.set_ylim(extent[2], extent[3])
    centre = f"lon {grid.lon0:.4f},{chr(10) if narrow else ' '}lat {grid.lat0:.4f}"
    ax.set_xlabel(f"km east of the centre ({centre}; equal-area plane)")
    ax.set_ylabel("km north of the centre")
    if drawn != ratio:
        scale = drawn / ratio
        how = (
            f"stretched {scale:.2g} times"
            if scale > 1
            else f"shrunk {1 / scale:.2g} times"
        )
        title += f"\nnot to scale:{chr(10) if narrow else ' '}north-south {how}"
    ax.set_title(title, fontsize=10)
    buf = io.BytesIO()
    try:
        fig.savefig(buf, dpi=120, format="png", bbox_inches="tight", pad_inches=0.1)
    finally:
        plt.close(fig)
    return buf.getvalue()


def _empty_rows_note(lines: tuple[int, ...], name: str) -> str:
    """``"2 empty rows of x.csv skipped (lines 302-303)"`` (review r60, L2).

    Examples
    --------
    >>> _empty_rows_note((302, 303), "x.csv")[:51]
    'Note: 2 empty rows of x.csv skipped (lines 302-303)'
    >>> _empty_rows_note((5, 9, 10), "x.csv")[:52]
    'Note: 3 empty rows of x.csv skipped (lines 5, 9, 10)'
    """
    n = len(lines)
    if n > 1 and lines[-1] - lines[0] == n - 1:
        where = f"lines {lines[0]}-{lines[-1]}"
    else:
        where = f"line{'s' if n > 1 else ''} " + ", ".join(map(str, lines[:8]))
        where += f" and {n - 8} more" if n > 8 else ""
    return (
        f"Note: {n} empty row{'s' if n > 1 else ''} of {name} skipped ({where}): "
        "rows of empty fields, as a spreadsheet leaves below a table, are no events."
    )


def _left_out_text(n_weight_zero: int) -> str:
    """``"3 events of weight 0 left out"``, or ``""`` when there are none."""
    if n_weight_zero == 0:
        return ""
    return (
        f"{n_weight_zero} event{'s' if n_weight_zero > 1 else ''} of weight 0 left out"
    )


_OnInvalid = Literal["raise", "warn", "skip"]

#: Column names that hold a weight per event, as a rule (case-insensitive).
#: Words that make a column name weight-like: a count of what happened there,
#: in English, French (cas), Spanish and Portuguese (casos), Italian (casi) and
#: German (Anzahl, Fälle).
_WEIGHT_WORDS = frozenset(
    {
        "weight", "weights", "wt", "count", "counts", "cases", "deaths", "victims",
        "casualties", "incidents", "n", "freq", "frequency", "cas", "casos",
        "casi", "anzahl", "fälle", "faelle",
    }
)  # fmt: skip
#: Words that make it an identifier instead ("case_number", "count_id").
_ID_WORDS = frozenset({"id", "no", "nr", "number", "code", "name", "ref"})
#: "N°", "Nº", "N.", "No.", "Nr.": the row number of a French, Spanish,
#: Italian, Portuguese or German export ("N. caso": the case's number), never
#: a count (review r60, M3).
_NUMBER_SIGN = re.compile(r"\s*n(?:[°º.]|o\.|r\b)", re.IGNORECASE)


def _name_words(name: str) -> list[str]:
    """The words of a column name, lower case: snake_case, camelCase, spaces.

    Examples
    --------
    >>> _name_words("case_count"), _name_words("nDeaths"), _name_words("Weight (kg)")
    (['case', 'count'], ['n', 'deaths'], ['weight', 'kg'])
    >>> _name_words("Fälle"), _name_words("nombre de cas")
    (['fälle'], ['nombre', 'de', 'cas'])
    """
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", name)
    return re.findall(r"[^\W\d_]+|[0-9]+", spaced.lower())


def _is_weight_like(name: str) -> bool:
    """Whether a column's name says it counts something (a weight of the event).

    A word of it is one of :data:`_WEIGHT_WORDS` (``case_count``, ``n_cases``,
    ``deaths``, ``Weights``, ``nb_cas``, ``Fälle``) and none is one of
    :data:`_ID_WORDS` (``case_number``, ``count_id``: identifiers, not counts),
    nor does it start with a number sign (``N°``, ``Nº``, ``N. caso``,
    ``No.``, ``Nr``: a row number).

    Examples
    --------
    >>> [_is_weight_like(c) for c in ("case_count", "n_cases", "n", "death count")]
    [True, True, True, True]
    >>> [_is_weight_like(c) for c in ("Cas", "nombre de cas", "Anzahl", "casos")]
    [True, True, True, True]
    >>> [_is_weight_like(c) for c in ("case_id", "case_number", "notes", "lon")]
    [False, False, False, False]
    >>> [_is_weight_like(c) for c in ("N°", "Nº", "N. caso", "No.", "Nr", "N° cas")]
    [False, False, False, False, False, False]
    """
    if _NUMBER_SIGN.match(name):
        return False
    words = set(_name_words(name))
    return bool(words & _WEIGHT_WORDS) and not words & _ID_WORDS


def _unused_weight_columns(events: EventTable, weight_column: str | None) -> list[str]:
    """The columns named like weights (``cases``, ``case_count`` ...) left unused."""
    if weight_column is not None:
        return []
    return [c for c in events.columns if _is_weight_like(c)]


def _unused_weight_note(columns: list[str]) -> str:
    """A note that ``columns`` are not read, and how to read one as weights."""
    if len(columns) == 1:
        return (
            f"Note: column {columns[0]!r} is not used, so the events are "
            "unweighted (each counts once); give --weight-column "
            f"{shlex.quote(columns[0])} to weight them by it."
        )
    named = ", ".join(map(repr, columns[:-1])) + f" and {columns[-1]!r}"
    return (
        f"Note: columns {named} are not used, so the events are unweighted (each "
        "counts once); give --weight-column with one of them to weight the events "
        "by it."
    )


def _read_events(
    path: Path,
    weight_column: str | None,
    on_invalid: _OnInvalid,
    lonlat_columns: tuple[str | None, str | None] = (None, None),
) -> EventTable:
    """Read the events; a bad value's error says how to leave such rows out."""
    try:
        return read_events_csv(
            path,
            weight_column=weight_column,
            on_invalid="raise" if on_invalid == "raise" else "skip",
            lon_column=lonlat_columns[0],
            lat_column=lonlat_columns[1],
        )
    except InputError as exc:
        # the header, the file as a whole, or a row of too many fields (whose
        # own advice is about decimal commas, which leaving rows out won't mend)
        if exc.line is None or exc.line < 2 or exc.field is None:
            raise
        raise InputError(
            f"{exc.message} Correct or remove the row, or give --on-invalid warn to "
            "leave out every such row (each one listed, and counted in profile.json).",
            path=exc.path,
            line=exc.line,
            field=exc.field,
        ) from None


def _events_of_positive_weight(
    path: Path,
    weight_column: str | None,
    on_invalid: _OnInvalid = "raise",
    lonlat_columns: tuple[str | None, str | None] = (None, None),
) -> tuple[EventTable, int]:
    """Read the events and leave out those of weight 0; also return how many.

    An event of weight 0 (an address surveyed but with no cases) carries no
    evidence of the source, so it must not set the study area, the CGT buffer or
    the DPM's priors: it is dropped here, before anything uses the events. With
    ``on_invalid`` "warn" or "skip", a bad row (an ungeocoded case, a value that
    is not a number) is left out and listed in the table's ``rejected``.

    Raises
    ------
    InputError
        If the file cannot be read as events, or fewer than 2 events of positive
        weight remain; the error names the file and the weight column.
    """
    try:
        events = _read_events(path, weight_column, on_invalid, lonlat_columns)
    except InputError as exc:
        # The event table's own check that not every weight is 0 (the reader
        # has already refused negative and non-finite weights by line).
        if weight_column is None or exc.field != "weights" or exc.line is not None:
            raise
        raise InputError(
            f"Event weights must not all be zero: every event of {path} has weight "
            f"0 in column {weight_column!r}, and an event of weight 0 carries no "
            "evidence of the source; a geographic profile needs at least 2 events "
            "of positive weight.",
            path=str(path),
            field=weight_column,
        ) from None
    if events.weights is None:
        return events, 0
    keep = events.weights > 0
    n_zero = int(np.count_nonzero(~keep))
    if n_zero == 0:
        return events, 0
    n_kept = events.n_events - n_zero
    if n_kept < 2:
        raise InputError(
            f"The events file {path} holds {n_kept} event(s) of positive weight in "
            f"column {weight_column!r} ({_left_out_text(n_zero)}); a geographic "
            "profile needs at least 2.",
            path=str(path),
            field=weight_column,
        )
    kept = replace(
        events,
        lons=events.lons[keep],
        lats=events.lats[keep],
        weights=events.weights[keep],
        lines=events.lines[keep],
    )
    return kept, n_zero


def _farthest_text(grid: Grid, events: EventTable, *, shown: int = 3) -> str:
    """`` The farthest: line 7 (2,506 km) ...``: which rows set a wide study area.

    A row whose lon and lat are swapped, or a case geocoded to a town of the
    same name abroad, makes the area continental; the warning of its reach
    names the rows to check (review 39, M4): those far from all the others
    (:func:`geosleuth.events._far_from_the_others`), else the one farthest
    from the study area's centre.
    """
    found = _far_from_the_others(events.lons, events.lats)
    if found is None:
        x, y = grid.lonlat_to_xy_km(events.lons, events.lats)
        km = np.hypot(x, y)
        order = np.argsort(-km, kind="stable")[:1]
        whence, more = "from the centre", 0
    else:
        far, km, _ = found
        order = np.flatnonzero(far)
        order = order[np.argsort(-km[order], kind="stable")]
        whence, more = "from the other events", max(order.size - shown, 0)
        order = order[:shown]
    rows = ", ".join(
        f"line {int(events.lines[k])}" if events.lines[k] > 0 else f"event {int(k)}"
        for k in order
    )
    return (
        f" The farthest {whence}: {rows}{f' and {more} more' if more else ''} "
        f"({km[order[0]]:,.0f} km); check "
        f"{'its' if order.size + more == 1 else 'their'} coordinates."
    )


#: A few events, at most this share of them (and at least one, at most
#: :data:`_STRETCH_MOST`), that make the study area this many times larger are
#: warned of (review r60, H1).
_STRETCH_SHARE, _STRETCH_MOST, _STRETCH_FACTOR = 0.01, 20, 10.0


@dataclass(frozen=True, slots=True)
class _Stretched:
    """A few events that make the study area many times larger (:func:`_stretch`).

    ``idx``: their indices in the events; ``times``: how many times larger the
    area is with them; ``without``: the study area without them, and
    ``rest_reach_km`` the farthest of the other events from its centre;
    ``record``: profile.json's ``study_area.stretched_by``.
    """

    idx: IntArray
    times: float
    without: Grid
    rest_reach_km: float
    record: dict[str, Any]


def _stretch(
    events: EventTable,
    grid: Grid,
    *,
    margin: float,
    n_side: int,
    cell_km: float | None,
) -> _Stretched | None:
    """The few events that stretch the study area, if some do.

    An event 200-600 km from a city's cases (a traveller, a case geocoded to a
    town of the same name) is neither far enough for the 600 km warning nor
    swapped, but it makes the study area hundreds of times larger and its cells
    coarser: the city falls in a few cells, and a hit score, a share of the
    area, looks excellent for it (review r60, H1). Events are said when at most
    1 % of them (at least one, at most 20) make the area 10 times larger or
    more (:func:`geosleuth.profile.study_area.stretching_events`): their
    lines, and the area and cells with and without them
    (:func:`_stretch_text`, or :func:`_swap_stretch_text` for rows that look
    swapped).
    """
    n = events.n_events
    most = min(max(1, int(n * _STRETCH_SHARE)), _STRETCH_MOST)
    ex, ey = grid.lonlat_to_xy_km(events.lons, events.lats)
    found = stretching_events(ex, ey, most=most, factor=_STRETCH_FACTOR)
    if found is None:
        return None
    idx = np.sort(found[0])
    rest = np.ones(n, dtype=bool)
    rest[idx] = False
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GeosleuthWarning)
        try:
            without = study_area_grid(
                events.lons[rest],
                events.lats[rest],
                margin=margin,
                n_side=n_side,
                cell_km=cell_km,
            )
        except InputError:
            return None
    times = grid.area_km2 / without.area_km2
    if times < _STRETCH_FACTOR:
        return None
    lines = [int(events.lines[k]) for k in idx]
    rx, ry = without.lonlat_to_xy_km(events.lons[rest], events.lats[rest])
    record = {
        "lines": lines,
        "times_larger": times,
        "area_km2_without": without.area_km2,
        "cell_km_without": without.cell_km,
        "nx_ny_without": [without.nx, without.ny],
        # of them, those that look swapped (review r60, leftover 1)
        "swapped_lines": [line for line in lines if line in events.swapped_lines],
    }
    return _Stretched(idx, times, without, float(np.hypot(rx, ry).max()), record)


def _stretch_text(stretched: _Stretched, events: EventTable, grid: Grid) -> str:
    """The warning that a few events stretch the study area (review r60, H1)."""
    idx, without = stretched.idx, stretched.without
    n = events.n_events
    rows = [
        f"line {int(events.lines[k])}" if events.lines[k] > 0 else f"event {int(k)}"
        for k in idx
    ]
    shown = ", ".join(rows[:5]) + (
        f" and {len(rows) - 5} more" if len(rows) > 5 else ""
    )
    centre = _unit_vectors(np.array([without.lon0]), np.array([without.lat0]))[0]
    km = _km_from(_unit_vectors(events.lons[idx], events.lats[idx]), centre)
    one = idx.size == 1
    at = (
        f" at ({events.lons[idx[0]]:g}, {events.lats[idx[0]]:g}), "
        f"{km[0]:,.0f} km from the others' centre,"
        if one
        else f" ({km.min():,.0f} to {km.max():,.0f} km from the others' centre)"
    )
    return (
        f"The event{'' if one else 's'} on {shown}{at} "
        f"stretch{'es' if one else ''} the study area {stretched.times:,.0f}-fold: "
        f"{_area_text(grid)} with {'it' if one else 'them'}, "
        f"{_area_text(without)} without; the other {n - idx.size} events then "
        "fall in few cells, and a hit score, a share of the area, looks better "
        f"than it is. Check {'the row' if one else 'these rows'} (a case "
        "geocoded to a town of the same name? a traveller?); if "
        f"{'it does' if one else 'they do'} not belong to the series, remove "
        f"{'it' if one else 'them'} from the file."
    )


def _swapped_stretching(
    events: EventTable, stretched: _Stretched | None
) -> list[tuple[int, float, float, float]] | None:
    """The rows that look swapped, when they are the very rows that stretch.

    Such a row draws one warning, not three (review r60, leftover 1): the
    reader's ``lon and lat swapped on line 7?``, the stretch and, where the
    others lie within 600 km of their own area's centre, the reach past 600
    km are all that row (:func:`_swap_stretch_text`). None when the rows that
    look swapped and those that stretch differ (each then keeps its warning).
    """
    if stretched is None or not events.swapped_lines:
        return None
    found = swapped_events(events.lons, events.lats)
    lines = sorted(int(events.lines[k]) for k, _, _, _ in found)
    if lines != sorted(events.swapped_lines) or lines != stretched.record["lines"]:
        return None
    return found


def _swap_stretch_text(
    stretched: _Stretched,
    swapped: list[tuple[int, float, float, float]],
    events: EventTable,
    grid: Grid,
    *,
    far_km: float | None,
) -> str:
    """One warning of rows that look swapped and stretch the study area.

    The swap as the reader says it, then how much the rows widen the study
    area (its area and cells with and without them) and, given ``far_km`` (the
    events' reach from its centre, past 600 km only because of them), that the
    grid's distances are off there.
    """
    one = len(swapped) == 1
    it, its = ("it", "its") if one else ("them", "their")
    far = (
        f"; with {it} the events reach {far_km:,.0f} km from the study area's "
        f"centre, and beyond {ACCURATE_KM:g} km the grid's distances are off by "
        "more than 0.2 % (2-3 % at 3,000 km)"
        if far_km is not None
        else ""
    )
    question = swap_question(
        swapped,
        events.lons.tolist(),
        events.lats.tolist(),
        events.lines.tolist(),
        events.path or "the events",
    )
    return (
        f"{question} The row{' is' if one else 's are'} kept, as a far event may "
        f"be real, and the study area is widened {stretched.times:,.0f}-fold to "
        f"take {it} in: {_area_text(grid)} with {it}, "
        f"{_area_text(stretched.without)} without; the other "
        f"{events.n_events - stretched.idx.size} events then fall in few cells, "
        f"and a hit score, a share of the area, looks better than it is{far}. If "
        f"swapped, exchange {its} lon and lat; if {'it does' if one else 'they do'} "
        f"not belong to the series, remove {it} from the file."
    )


def _area_text(grid: Grid) -> str:
    """``83.4 km² (385 × 400 cells of 23.3 m)``."""
    area = grid.area_km2
    return (
        f"{f'{area:,.0f}' if area >= 100 else f'{area:.3g}'} km² ({grid.nx} × "
        f"{grid.ny} cells of "
        f"{_length_text(grid.cell_km)})"
    )


def _check_dpm_weights(events: EventTable, weight_column: str) -> None:
    """Refuse, by line, a weight outside :attr:`DPMProfiler.weight_range`."""
    if events.weights is None:
        return
    low, high = DPMProfiler.weight_range
    bad = np.flatnonzero((events.weights < low) | (events.weights > high))
    if bad.size:
        k = int(bad[0])
        line = int(events.lines[k])
        raise InputError(
            f"The {weight_column!r} of the event on line {line} of {events.path} "
            f"must lie between {low:g} and {high:g} for --method dpm, which reads "
            f"a weight as a number of events at one place. Got {events.weights[k]:g} "
            "instead (--method cgt uses only the ratios of the weights).",
            path=events.path,
            line=line,
            field=weight_column,
        )


def _truth_record(
    grid: Grid, scores: FloatArray, lon: float, lat: float
) -> dict[str, Any]:
    """A known source's cell and hit score, with the counts behind the score.

    ``cells_at_least_as_high`` of ``n_cells`` give the hit score exactly. A
    source outside the study area whose (lat, lon) lies inside gets
    ``"swapped_inside": True``: its lon and lat, or the events', may be swapped.
    """
    cell = int(grid.lonlat_to_cell(lon, lat))
    record: dict[str, Any] = {"lon": lon, "lat": lat, "cell": cell}
    if cell >= 0:
        hs = 100.0 * hit_score(scores, cell)
        ref = scores[cell]
        count = None if np.isnan(ref) else int(np.count_nonzero(scores >= ref))
        record |= {"hit_score_pct": hs, "cells_at_least_as_high": count}
    else:
        swapped = -90.0 <= lon <= 90.0 and int(grid.lonlat_to_cell(lat, lon)) >= 0
        record |= {"hit_score_pct": None, "swapped_inside": swapped}
    record["n_cells"] = int(grid.n_cells)
    return record


def _length_text(km: float) -> str:
    """A length to three significant figures: in km from 1 km, in m below.

    Examples
    --------
    >>> _length_text(10.0), _length_text(11.0904), _length_text(1234.5)
    ('10 km', '11.1 km', '1,230 km')
    >>> _length_text(0.135), _length_text(0.99996), _length_text(0.0005)
    ('135 m', '1 km', '0.5 m')
    """
    metres = float(f"{km * 1000.0:.3g}")
    if metres < 1000.0:
        return f"{metres:,g} m"
    return f"{float(f'{km:.3g}'):,g} km"


def _truth_text(truth: dict[str, Any]) -> str:
    """``hit score 0.008 % (11 of 144,000 cells)``, or why there is none."""
    if truth["hit_score_pct"] is None:
        if truth.get("swapped_inside"):
            return (
                "outside the study area (lon and lat swapped? "
                f"{truth['lat']},{truth['lon']} lies inside: check --truth and the "
                "events' lon and lat columns)"
            )
        return "outside the study area"
    count = truth["cells_at_least_as_high"]
    of = "" if count is None else f" ({count:,} of {truth['n_cells']:,} cells)"
    return f"hit score {truth['hit_score_pct']:.3f} %{of}"


def _convergence_hint(
    rhat_max: float, *, sigma_km: float | None, sigma_shape: float
) -> str:
    """What to do when the DPM's chains disagree, given the prior on sigma asked for.

    A prior on sigma from what is known settles most such runs; it is
    suggested only where the user has not given one (review 19: it was
    suggested with sigma fixed by --sigma-km).

    Examples
    --------
    >>> fixed = _convergence_hint(1.5, sigma_km=5.0, sigma_shape=float("inf"))
    >>> "(--sigma-km) settles it" in fixed, "with sigma fixed at --sigma-km" in fixed
    (False, True)
    """
    head = (
        f"The chains disagree (R-hat {rhat_max:.2f} > 1.1): the map is not "
        "converged; run longer (--burnin, --samples). If it stays high, the events "
        "fit several source layouts about equally well"
    )
    if sigma_km is None:
        return f"{head}; a prior on sigma from what is known (--sigma-km) settles it."
    if math.isfinite(sigma_shape):
        return (
            f"{head}; a tighter prior on sigma around --sigma-km (a larger "
            "--sigma-shape, or --sigma-shape inf to fix it there) may settle it."
        )
    return (
        f"{head}, even with sigma fixed at --sigma-km: more chains (--chains) and "
        "sweeps (--samples) show them all, and the map's peak is then one of "
        "several places to look."
    )


#: Options of one method only, by the method they apply to.
_METHOD_OPTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "dpm": (
        ("seed", "--seed"),
        ("chains", "--chains"),
        ("samples", "--samples"),
        ("burnin", "--burnin"),
        ("sigma_km", "--sigma-km"),
        ("sigma_shape", "--sigma-shape"),
        ("tau_km", "--tau-km"),
    ),
    "cgt": (("buffer_km", "--buffer-km"),),
}


def _warn_of_a_wide_buffer(
    buffer_km: float, grid: Grid, ex: FloatArray, ey: FloatArray
) -> list[str]:
    """Warn of a CGT buffer wider than half the study area's diagonal.

    Inside the buffer CGT's score rises with distance from the events, so a
    buffer that holds the whole area ranks its edges first: a map inside out
    (r28 F11; 30 m typed as ``--buffer-km 30``). The message names the
    events' own buffer (``ex``, ``ey``: the events in the grid's plane), the
    default, measured only then. Returns the warning's text, or nothing.
    """
    half_diagonal = 0.5 * math.hypot(grid.nx * grid.cell_km, grid.ny * grid.cell_km)
    if buffer_km <= half_diagonal:
        return []
    text = (
        f"--buffer-km {buffer_km:g} is wider than half the study area's "
        f"diagonal ({_length_text(half_diagonal)}): inside the buffer CGT "
        "scores rise with distance from the events, so the map ranks the "
        "area's edges first. Check the unit (km); the events' own buffer, "
        f"the default, is {_length_text(estimate_cgt_buffer_km(ex, ey))}."
    )
    with shown_warnings():
        warnings.warn(text, EvidenceWarning, stacklevel=1)
    return [text]


def _check_method_options(ctx: typer.Context, method: str) -> None:
    """Refuse an option given for the other method: it would be ignored."""
    for other, options in _METHOD_OPTIONS.items():
        if other == method:
            continue
        for name, flag in options:
            # by name: typer may carry its own copy of click's enum
            source = getattr(ctx.get_parameter_source(name), "name", None)
            if source in ("COMMANDLINE", "ENVIRONMENT"):
                raise InputError(
                    f"{flag} applies to --method {other} only; --method {method} "
                    f"would ignore it. Leave it out, or give --method {other}.",
                    field=flag,
                )


# "('cell_km'; --cell-km on the command line)" -> "(--cell-km)": the library
# names both, a user at a shell needs the option only
_BOTH_NAMES = re.compile(r"'\w+'; (--[\w-]+)(?: on the command line)?")


def _about_events(exc: InputError, events_csv: Path) -> InputError:
    """``exc`` from the study area or the buffer, naming the events file."""
    return InputError(
        _BOTH_NAMES.sub(r"\1", exc.message),
        path=str(events_csv),
        field=exc.field,
    )


@app.command("profile")
@guarded
def profile(
    ctx: typer.Context,
    events_csv: Annotated[
        Path,
        typer.Argument(
            metavar="EVENTS_CSV",
            exists=True,
            dir_okay=False,
            readable=True,
            help="CSV of events: lon/lat columns (or longitude/latitude, lng, "
            "latitud/longitud, Breitengrad/Längengrad ...; others by "
            "--lon-column/--lat-column), degrees.",
        ),
    ],
    out: Annotated[
        Path,
        typer.Option("--out", help="Directory for profile.json/.geojson/.png."),
    ],
    method: Annotated[
        Literal["cgt", "dpm"],
        typer.Option("--method", help="cgt (Rossmo) or dpm (Bayesian, Verity 2014)."),
    ] = "dpm",
    truth: Annotated[
        list[str] | None,
        typer.Option(
            "--truth",
            help="A known source as LON,LAT (repeatable): its hit score is reported.",
        ),
    ] = None,
    weight_column: Annotated[
        str | None,
        typer.Option(
            "--weight-column",
            help="Column of event weights, as counts (e.g. deaths at an address). "
            "Rows of weight 0 are left out (they carry no evidence of the source, "
            "so they set neither the study area nor the buffer nor the priors). "
            "CGT scales each event by w and uses only the ratios of the weights; "
            "the DPM reads weight w as w events at one place and takes weights "
            "from 1e-9 to 1e9.",
        ),
    ] = None,
    lon_column: Annotated[
        str | None,
        typer.Option(
            "--lon-column",
            help="Column of the longitudes, for a header that names it otherwise "
            "than lon, longitude, lng, long, longitud, Längengrad or Länge "
            "(case-insensitive).",
        ),
    ] = None,
    lat_column: Annotated[
        str | None,
        typer.Option(
            "--lat-column",
            help="Column of the latitudes, for a header that names it otherwise "
            "than lat, latitude, latitud, Breitengrad or Breite (case-insensitive).",
        ),
    ] = None,
    n_side: Annotated[
        int,
        typer.Option("--n-side", min=2, help="Cells along the study area's long side."),
    ] = 400,
    cell_km: Annotated[
        float | None,
        typer.Option("--cell-km", help="Cell side in km (overrides --n-side)."),
    ] = None,
    margin: Annotated[
        float,
        typer.Option(
            "--margin",
            min=0.0,
            max=9.99,
            help="Margin on each side, as a fraction of the events' box (0 to 9.99).",
        ),
    ] = 0.10,
    seed: Annotated[int, typer.Option("--seed", min=0, help="Random seed (dpm).")] = 0,
    chains: Annotated[
        int, typer.Option("--chains", min=2, help="MCMC chains (dpm).")
    ] = 4,
    samples: Annotated[
        int, typer.Option("--samples", min=10, help="Kept sweeps per chain (dpm).")
    ] = 250,
    burnin: Annotated[
        int, typer.Option("--burnin", min=0, help="Burn-in sweeps per chain (dpm).")
    ] = 150,
    sigma_km: Annotated[
        float | None,
        typer.Option(
            "--sigma-km",
            help="Prior mean of the dispersal sigma, km (dpm; default: a quarter of "
            "the events' extent). Set it from what is known of how far events fall "
            "from a source.",
        ),
    ] = None,
    sigma_shape: Annotated[
        float,
        typer.Option(
            "--sigma-shape",
            help="Shape of the inverse-gamma prior on sigma² (dpm, > 1): larger holds "
            "sigma closer to --sigma-km; 'inf' (or 1e12 and more) fixes it there.",
        ),
    ] = 2.0,
    tau_km: Annotated[
        float | None,
        typer.Option(
            "--tau-km",
            help="Spread of the prior on source locations, km (dpm; default: the "
            "largest distance from the box centre to an event).",
        ),
    ] = None,
    buffer_km: Annotated[
        float | None,
        typer.Option("--buffer-km", help="CGT buffer (default: half the mean NN)."),
    ] = None,
    top_cells: Annotated[
        int, typer.Option("--top-cells", min=1, help="Cells written to the GeoJSON.")
    ] = 500,
    on_invalid: Annotated[
        _OnInvalid,
        typer.Option(
            "--on-invalid",
            help="A row that cannot be an event (no coordinates, as an ungeocoded "
            "case; a value that is not a number or out of range): stop with an "
            "error (raise), or "
            "leave it out with a warning naming its line and why (warn) or without "
            "(skip); profile.json lists and counts the rows left out.",
        ),
    ] = "raise",
) -> None:
    """Profile an event set to find the source (base) behind the events.

    The study area is the events' bounding box plus a margin (10 % of its width on
    the west and east, of its height on the south and north), cut into square
    equal-area cells, --n-side along its longer side (or of --cell-km, which must
    leave 2 cells or more; rounding up to whole cells is said when it grows the area
    by more than 1 %). It must be smaller than a hemisphere, and events more than
    600 km from its centre are warned of, naming the farthest rows; a set whose
    events all lie within 1 m of each other is one place, and refused (two events at
    one address are two events). An event far from the others that lies among them
    with lon and lat exchanged is warned of ("lon and lat swapped on line 7?") and
    kept, widening the study area (a real far event near the diagonal lon = lat
    looks the same: exchange its lon and lat, or remove it, if it is swapped); a
    few events that make the study area 10 times larger or more are warned of by
    line, with the area and cells with and without them, in the one warning of
    the swap where they are the rows that look swapped; rows
    that repeat an earlier row exactly, every field the same, are warned of by line
    and kept (counted in profile.json). A file that is not UTF-8 is read as
    Windows-1252 (cp1252), as Excel writes it, with a warning; Excel's "sep=;" first
    line is understood. With --weight-column, rows of weight 0 are left out before
    anything else (the terminal and profile.json say how many); without it, a column
    named like a count (a word of its name is weight(s), count(s), cases, deaths, n
    ...: case_count, n_cases) is said to be unused. A decimal comma is read in a
    ';'- or tab-separated file and in a quoted field ("10,5"). Options of the other
    method (--buffer-km for CGT; --seed, --chains, --samples, --burnin, --sigma-km,
    --sigma-shape, --tau-km for DPM) are refused.
    """
    _check_method_options(ctx, method)
    truths_ll = [parse_truth(t) for t in (truth or [])]
    if out.exists() and not out.is_dir():
        raise InputError(
            f"--out {out} is a file; give a folder for the profile's files.",
            field="--out",
        )
    for flag, value in (
        ("--sigma-km", sigma_km),
        ("--tau-km", tau_km),
        ("--buffer-km", buffer_km),
        ("--cell-km", cell_km),
    ):
        if value is not None and not (math.isfinite(value) and value > 0):
            raise InputError(
                f"{flag} must be a positive number of km. Got {value!r} instead.",
                field=flag,
            )
        if (
            flag in ("--sigma-km", "--tau-km", "--buffer-km")
            and value is not None
            and not LEAST_KM <= value <= MOST_KM
        ):  # the sampler's squares would under- or overflow
            raise InputError(
                f"{flag} must lie between {LEAST_KM:g} km (a millimetre) and "
                f"{MOST_KM:,.0f} km. Got {value!r} instead.",
                field=flag,
            )
    if not sigma_shape > 1:  # also rejects NaN; inf fixes sigma
        raise InputError(
            f"--sigma-shape must be a number > 1 (or inf to fix sigma). Got "
            f"{sigma_shape!r} instead.",
            field="--sigma-shape",
        )
    # what reading said (read as cp1252, rows repeated: review 39) is shown once
    # the events make a study area: an error alone is one line
    with warnings.catch_warnings(record=True) as read_notes:
        warnings.simplefilter("always", GeosleuthWarning)
        events, n_weight_zero = _events_of_positive_weight(
            events_csv, weight_column, on_invalid, (lon_column, lat_column)
        )
    if on_invalid == "warn" and events.rejected:
        with shown_warnings():
            for row in events.rejected:
                warnings.warn(
                    f"Left out (--on-invalid warn): {row.reason}",
                    EvidenceWarning,
                    stacklevel=1,
                )
    unused_weights = _unused_weight_columns(events, weight_column)
    if method == "dpm" and weight_column is not None:
        _check_dpm_weights(events, weight_column)
    with shown_warnings():
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", GeosleuthWarning)
            try:
                grid = study_area_grid(
                    events.lons,
                    events.lats,
                    margin=margin,
                    n_side=n_side,
                    cell_km=cell_km,
                )
            except InputError as exc:
                raise _about_events(exc, events_csv) from None
        stretched = _stretch(
            events, grid, margin=margin, n_side=n_side, cell_km=cell_km
        )
        # a swapped row that stretches the area is one warning (review r60)
        swapped = _swapped_stretching(events, stretched)
        far_km: float | None = None
        warned: list[str] = []  # for profile.json, as shown
        for note in read_notes:
            if swapped and "lon and lat swapped on line" in str(note.message):
                continue
            warnings.warn(note.message, note.category, stacklevel=1)
            warned.append(str(note.message))
        for said in caught:  # in the user's words, naming the file
            words = _BOTH_NAMES.sub(r"\1", str(said.message))
            if "from the study area's centre" in words:
                if (
                    swapped
                    and stretched is not None
                    and stretched.rest_reach_km <= ACCURATE_KM
                ):
                    ex, ey = grid.lonlat_to_xy_km(events.lons, events.lats)
                    far_km = float(np.hypot(ex, ey).max())
                    continue
                words += _farthest_text(grid, events)
            warnings.warn(
                f"{words} ({events_csv})",
                said.category,
                stacklevel=1,
            )
            warned.append(f"{words} ({events_csv})")
        if stretched is not None:
            text = (
                _swap_stretch_text(stretched, swapped, events, grid, far_km=far_km)
                if swapped
                else f"{_stretch_text(stretched, events, grid)} ({events_csv})"
            )
            warnings.warn(text, EvidenceWarning, stacklevel=1)
            warned.append(text)
    ex, ey = grid.lonlat_to_xy_km(events.lons, events.lats)
    cx, cy = grid.cell_xy_km()
    parameters: dict[str, Any] = {}
    dpm_info: dict[str, Any] | None = None
    if method == "cgt":
        try:
            buffer = (
                buffer_km if buffer_km is not None else estimate_cgt_buffer_km(ex, ey)
            )
        except InputError as exc:
            raise _about_events(exc, events_csv) from None
        if buffer_km is not None:
            warned.extend(_warn_of_a_wide_buffer(buffer_km, grid, ex, ey))
        scores = cgt_scores(ex, ey, cx, cy, buffer_km=buffer, weights=events.weights)
        parameters = {
            "buffer_km": buffer,
            "buffer_rule": "given" if buffer_km is not None else "half mean NN",
            "f": 1.2,
            "g": 1.2,
        }
    else:
        model = DPMProfiler(
            n_chains=chains,
            n_burnin=burnin,
            n_samples=samples,
            sigma_mean_km=sigma_km,
            sigma_squared_shape=sigma_shape,
            tau_km=tau_km,
            rng=seed,
        )
        with Progress(
            TextColumn("DPM sampler"),
            BarColumn(),
            TextColumn("{task.completed}/{task.total} sweeps"),
            TimeRemainingColumn(),
            console=err_console,
            transient=True,
            disable=not progress_shown(),
        ) as bar:
            task = bar.add_task("dpm", total=burnin + samples)

            def tick(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            model.fit(
                ex,
                ey,
                cell_x_km=cx,
                cell_y_km=cy,
                weights=events.weights,
                progress=tick,
            )
        scores = model.map_
        parameters = {
            "n_chains": chains,
            "n_burnin": burnin,
            "n_samples": samples,
            "seed": seed,
            "sigma_mean_km": model.sigma_mean_km_,
            "sigma_mean_rule": "given" if sigma_km is not None else "extent / 4",
            "sigma_squared_shape": (
                model.sigma_squared_shape
                if model.sigma_squared_shape < FIXED_SHAPE
                else f"{model.sigma_squared_shape:g} (sigma fixed)"
            ),
            "tau_km": model.tau_km_,
            "tau_rule": "given" if tau_km is not None else "farthest event",
            "alpha_shape": model.alpha_shape,
            "alpha_rate": model.alpha_rate,
        }
        pmf = model.n_sources_pmf_
        dpm_info = {
            "n_sources_pmf": {str(k): float(p) for k, p in enumerate(pmf) if p > 0},
            "n_sources_mode": int(np.argmax(pmf)),
            "n_sources_mean": model.n_sources_mean_,
            "sigma_km": model.sigma_km_,
            "alpha": model.alpha_,
            "rhat": model.rhat_,
            "rhat_max": max(model.rhat_.values()),
            "chain_map_tv": model.chain_map_tv_,
        }
    at_least = _cells_at_least_as_high(scores)
    pct = 100.0 * at_least / at_least.size
    truths = [_truth_record(grid, scores, lon, lat) for lon, lat in truths_ll]
    peak = int(np.nanargmax(scores))
    peak_x, peak_y = cx[peak], cy[peak]
    peak_lon, peak_lat = grid.xy_km_to_lonlat(peak_x, peak_y)

    out.mkdir(parents=True, exist_ok=True)
    record: dict[str, Any] = {
        "method": method,
        "events": {
            # from the output folder, as estimate.json names its inputs: a
            # project copied whole names its own copy (review r41, L6)
            "path": case_reference(events_csv, out),
            "n_events": events.n_events,
            "weight_column": weight_column,
            "weighted": events.weights is not None,
            "unused_weight_like_columns": unused_weights,
            "n_weight_zero_left_out": n_weight_zero,
            "on_invalid": on_invalid,
            "n_invalid_rows_left_out": len(events.rejected),
            "invalid_rows_left_out": [
                {"line": row.line, "reason": row.reason} for row in events.rejected
            ],
            "encoding": events.encoding,
            "n_repeated_rows": len(events.repeats),
            "repeated_rows": [
                {"line": line, "repeats_line": first} for line, first in events.repeats
            ],
            "lon_column": lon_column,
            "lat_column": lat_column,
            "n_empty_rows_skipped": len(events.empty_rows),
            "empty_rows_skipped": list(events.empty_rows),
        },
        "parameters": parameters,
        "study_area": {
            "rule": "events' bounding box in the LAEA plane plus a margin on each side",
            "margin": margin,
            "n_side": n_side if cell_km is None else None,
            "area_km2": grid.area_km2,
            # a few events that make it 10 times larger or more (review r60, H1)
            "stretched_by": None if stretched is None else stretched.record,
        },
        "grid": grid.to_dict(),
        "peak": {"lon": float(peak_lon), "lat": float(peak_lat), "cell": peak},
        "truths": truths,
        "dpm": dpm_info,
        "warnings": warned,
        "map": {
            "values": "hit_score_pct: % of the study area scoring at least as high, "
            "rounded to 0.001; exactly 100 * cells_at_least_as_high / n_cells",
            "order": "row-major from the south-west corner",
            "n_cells": int(at_least.size),
            "hit_score_pct": [round(float(v), 3) for v in pct],
            "cells_at_least_as_high": at_least.tolist(),
        },
    }
    geo = _geojson(grid, scores, at_least, truths, top_cells=top_cells)
    title = f"geosleuth profile ({method}): {events.n_events} events"
    # made first, then written all or nothing (as 'locate' does): a failure
    # leaves no new profile.json beside an old profile.png, nor half a set
    write_all_atomic(
        {
            out / "profile.json": json.dumps(record, indent=1).encode("utf-8"),
            out / "profile.geojson": json.dumps(geo).encode("utf-8"),
            out / "profile.png": _png(
                grid, pct, events, truths, title, peak=(peak_x, peak_y)
            ),
        }
    )

    table = Table(title=f"Geographic profile ({method.upper()})")
    table.add_column("", style="bold")
    table.add_column("value")
    left_out = (
        f" ({len(events.rejected)} invalid row{'s' if len(events.rejected) > 1 else ''}"
        " left out)"
        if events.rejected
        else ""
    )
    weighted = "" if events.weights is None else f", weighted by {weight_column}"
    table.add_row(
        "events", Text(f"{events.n_events} from {events_csv.name}{weighted}{left_out}")
    )
    table.add_row(
        "study area",
        f"{grid.area_km2:.4g} km², {grid.nx} × {grid.ny} cells of "
        f"{_length_text(grid.cell_km)}",
    )
    table.add_row("peak (lon, lat)", f"{float(peak_lon):.6f}, {float(peak_lat):.6f}")
    if method == "cgt":
        table.add_row("buffer", _length_text(parameters["buffer_km"]))
    if dpm_info is not None:
        table.add_row(
            "sources",
            f"mode {dpm_info['n_sources_mode']}, mean {dpm_info['n_sources_mean']:.2f}",
        )
        table.add_row("sigma", _length_text(dpm_info["sigma_km"]))
        table.add_row(
            "R-hat (max)",
            f"{dpm_info['rhat_max']:.3f}, chain map TV {dpm_info['chain_map_tv']:.3f}",
        )
    for t in truths:
        table.add_row(f"truth {t['lon']:.6f}, {t['lat']:.6f}", _truth_text(t))
    if unused_weights:
        console.print(Text(_unused_weight_note(unused_weights)))
    if events.empty_rows:
        console.print(Text(_empty_rows_note(events.empty_rows, events_csv.name)))
    if events.rejected and on_invalid == "skip":
        console.print(
            Text(
                f"{left_out.strip(' ()').capitalize()} of {events_csv.name} "
                "(--on-invalid skip); profile.json lists them with the reasons."
            )
        )
    if n_weight_zero:
        console.print(
            Text(
                f"{_left_out_text(n_weight_zero)} (column {weight_column!r}): an "
                "event of weight 0 carries no evidence of the source."
            )
        )
    console.print(table)
    if dpm_info is not None and dpm_info["rhat_max"] > 1.1:
        console.print(
            Text(
                _convergence_hint(
                    dpm_info["rhat_max"], sigma_km=sigma_km, sigma_shape=sigma_shape
                ),
                style="yellow",
            )
        )
    console.print(Text(f"Wrote {out / 'profile.json'}, .geojson and .png"))
