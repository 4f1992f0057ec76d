"""The study area of ``geosleuth profile`` and its warnings: far, stretching, swapped.

Which rows set a wide study area (:func:`farthest_text`); the few events that
make it many times larger (:func:`stretch`, :class:`Stretched`,
:func:`stretch_text`), in one warning with the reader's "lon and lat swapped?"
where they are the rows that look swapped (:func:`swapped_stretching`,
:func:`swap_stretch_text`), and beside a hit score over such an area
(:func:`stretched_caveat`); a CGT buffer wider than half the area's diagonal
(:func:`warn_of_a_wide_buffer`); and the library's errors and warnings about
the area in a shell user's words, naming the events file (:data:`BOTH_NAMES`,
:func:`about_events`). Used by :mod:`geosleuth.cli.profile`.
"""

from __future__ import annotations

import math
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from geosleuth._types import FloatArray, IntArray
from geosleuth.cli import shown_warnings
from geosleuth.cli._profile_outputs import length_text
from geosleuth.errors import EvidenceWarning, GeosleuthWarning, InputError
from geosleuth.events import (
    EventTable,
    _far_from_the_others,
    _km_from,
    _unit_vectors,
    swap_question,
    swapped_events,
)
from geosleuth.grid import Grid
from geosleuth.profile import estimate_cgt_buffer_km, study_area_grid
from geosleuth.profile.study_area import ACCURATE_KM, stretching_events

__all__ = [
    "BOTH_NAMES",
    "Stretched",
    "about_events",
    "farthest_text",
    "stretch",
    "stretch_text",
    "stretched_caveat",
    "swap_stretch_text",
    "swapped_stretching",
    "warn_of_a_wide_buffer",
]


def farthest_text(grid: Grid, events: EventTable, *, shown: int = 3) -> str:
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
class Stretched:
    """A few events that make the study area many times larger (:func:`stretch`).

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


def stretch(
    events: EventTable,
    grid: Grid,
    *,
    margin: float,
    n_side: int,
    cell_km: float | None,
) -> Stretched | None:
    """The few events that stretch the study area, if some do.

    An event 200-600 km from a city's cases (a traveller, a case geocoded to a
    town of the same name) is neither far enough for the 600 km warning nor
    swapped, but it makes the study area hundreds of times larger and its cells
    coarser: the city falls in a few cells, and a hit score, a share of the
    area, looks excellent for it (review r60, H1). Events are said when at most
    1 % of them (at least one, at most 20) make the area 10 times larger or
    more (:func:`geosleuth.profile.study_area.stretching_events`): their
    lines, and the area and cells with and without them
    (:func:`stretch_text`, or :func:`swap_stretch_text` for rows that look
    swapped), and beside a hit score that it is not comparable
    (:func:`stretched_caveat`).
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
    return Stretched(idx, times, without, float(np.hypot(rx, ry).max()), record)


def _rows_text(events: EventTable, idx: IntArray) -> str:
    """``line 7, line 9 and 3 more``: the rows of events ``idx``, 5 at most."""
    rows = [
        f"line {int(events.lines[k])}" if events.lines[k] > 0 else f"event {int(k)}"
        for k in idx
    ]
    return ", ".join(rows[:5]) + (f" and {len(rows) - 5} more" if len(rows) > 5 else "")


def stretch_text(stretched: Stretched, events: EventTable, grid: Grid) -> str:
    """The warning that a few events stretch the study area (review r60, H1)."""
    idx, without = stretched.idx, stretched.without
    n = events.n_events
    shown = _rows_text(events, idx)
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


def swapped_stretching(
    events: EventTable, stretched: Stretched | None
) -> list[tuple[int, float, float, float]] | None:
    """The rows that look swapped, when they are the very rows that stretch.

    Such a row draws one warning, not three (review r60, leftover 1): the
    reader's ``lon and lat swapped on line 7?``, the stretch and, where the
    others lie within 600 km of their own area's centre, the reach past 600
    km are all that row (:func:`swap_stretch_text`). None when the rows that
    look swapped and those that stretch differ (each then keeps its warning).
    """
    if stretched is None or not events.swapped_lines:
        return None
    found = swapped_events(events.lons, events.lats)
    lines = sorted(int(events.lines[k]) for k, _, _, _ in found)
    if lines != sorted(events.swapped_lines) or lines != stretched.record["lines"]:
        return None
    return found


def swap_stretch_text(
    stretched: Stretched,
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


def stretched_caveat(
    stretched: Stretched | None, events: EventTable, *, swapped: bool
) -> str | None:
    """Why a hit score over a stretched study area is not comparable, or None.

    The warning of the stretch (:func:`stretch_text`, :func:`swap_stretch_text`)
    comes before the table, and the hit score printed in it was read as
    meaningful (review r105, L8: 0.213 % with line 13 swapped, the area
    widened 17,964,204-fold). One clause, after the score in the table and as
    the truth's ``hit_score_caveat`` in profile.json: which rows, how many
    times, and the fix. ``swapped``: the stretching rows are those that look
    swapped (:func:`swapped_stretching`).
    """
    if stretched is None:
        return None
    one = stretched.idx.size == 1
    rows = _rows_text(events, stretched.idx)
    how = (
        f"exchange {'its' if one else 'their'} lon and lat (or remove "
        f"{'it' if one else 'them'})"
        if swapped
        else f"remove {'it' if one else 'them'} if not of the series"
    )
    return (
        f"not comparable: {rows} stretch{'es' if one else ''} the study area "
        f"{stretched.times:,.0f}-fold{' (lon and lat swapped?)' if swapped else ''}; "
        f"{how} and run again"
    )


def _area_text(grid: Grid) -> str:
    """``83.4 km² (385 × 400 cells of 23.3 m)``."""
    area = grid.area_km2
    return (
        f"{f'{area:,.0f}' if area >= 100 else f'{area:.3g}'} km² ({grid.nx} × "
        f"{grid.ny} cells of "
        f"{length_text(grid.cell_km)})"
    )


def warn_of_a_wide_buffer(
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
        f"diagonal ({length_text(half_diagonal)}): inside the buffer CGT "
        "scores rise with distance from the events, so the map ranks the "
        "area's edges first. Check the unit (km); the events' own buffer, "
        f"the default, is {length_text(estimate_cgt_buffer_km(ex, ey))}."
    )
    with shown_warnings():
        warnings.warn(text, EvidenceWarning, stacklevel=1)
    return [text]


# "('cell_km'; --cell-km on the command line)" -> "(--cell-km)": the library
# names both, a user at a shell needs the option only
BOTH_NAMES = re.compile(r"'\w+'; (--[\w-]+)(?: on the command line)?")


def about_events(exc: InputError, events_csv: Path) -> InputError:
    """``exc`` from the study area or the buffer, naming the events file."""
    return InputError(
        BOTH_NAMES.sub(r"\1", exc.message),
        path=str(events_csv),
        field=exc.field,
    )
