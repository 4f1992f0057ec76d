"""A search about to be recorded, checked against the case's region and evidence.

``geosleuth searched`` and the service's ``POST /api/cases/{id}/searched`` both
record a search that found nothing; both check it here, before anything is
written (review r105, M2-M4, for the command; the service's own route had none
of these checks, helper m115):

- a search wholly outside the region that lies inside it with the sign of its
  longitudes, its latitudes or both changed, more than :data:`SIGN_FAR_KM` out
  and farther than the region is across, is refused (a GPX track whose
  longitudes lost their minus sign: 10,000 km out, left out of every map);
- a radius (a point's or a track's buffer) longer than the region is across is
  refused, naming the metres meant (500 for 0.5 km);
- any other search wholly outside the region is warned to count for nothing;
- a search dated before the case's first item is warned of, naming both
  dates: an estimate counts it all the same.

A search written with lon and lat exchanged is judged by each caller
(:func:`geosleuth.casefile.judge_swap`, with its own message), before the sign
is: :func:`check_search` takes that judgement as ``swapped``. Each message names
the input as its caller's user gave it (:class:`SearchNames`): ``--radius-km``
on the command line, ``'radius_km'`` in the service's JSON.
"""

from __future__ import annotations

import datetime as dt
import math
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import numpy as np

from geosleuth._quoting import km_text, quoted
from geosleuth.errors import GeosleuthWarning, InputError
from geosleuth.evidence import Searched, time_text
from geosleuth.fuse import factors
from geosleuth.geometry import Geometry, from_geojson, to_geojson

if TYPE_CHECKING:
    from geosleuth.casefile._case import Case

__all__ = [
    "CHECK_COORDINATES",
    "SIGN_FAR_KM",
    "SearchCheck",
    "SearchNames",
    "check_search",
]

#: The way out named with a search wholly outside the case's region.
CHECK_COORDINATES = "check its coordinates (longitude first, then latitude)."

#: How far (km) at least a search must lie outside the region, its sign-flipped
#: self inside, to be refused as written with a sign lost (and farther than the
#: region is across): a real search just outside a region that straddles the
#: equator or the meridian of Greenwich lies inside it mirrored too.
SIGN_FAR_KM = 100.0

#: The signs a position can lose: what is named, and the factors on (lon, lat).
_SIGNS: tuple[tuple[str, float, float], ...] = (
    ("longitude", -1.0, 1.0),
    ("latitude", 1.0, -1.0),
    ("longitude and latitude", -1.0, -1.0),
)


@dataclass(frozen=True, slots=True)
class SearchNames:
    """How the caller's user gave the search, as its messages and errors name it.

    Parameters
    ----------
    given : str
        The area as given, after "The search": ``"--point 105.66,40.31"``, or
        ``"'centre' [105.66, 40.31]"``.
    field : str
        The error's field for the area: ``"--point"``, ``"centre"``.
    radius : str
        The radius as a message names it: ``"--radius-km (--buffer-km)"``.
    radius_field : str
        The error's field for the radius: ``"--radius-km"``, ``"radius_km"``.
    radius_fix : str
        How a radius is given, in "give --radius-km 0.5": ``"--radius-km"``.
    box : str
        How a box is given, in "give --box with the region's bounds".
    counts : str
        What counts a recorded search: ``"'geosleuth locate'"``, ``"an
        estimate"``.
    """

    given: str
    field: str
    radius: str
    radius_field: str
    radius_fix: str
    box: str
    counts: str


@dataclass(frozen=True, slots=True)
class SearchCheck:
    """What :func:`check_search` found that does not refuse the search.

    Attributes
    ----------
    outside : tuple of (str, str)
        Per search wholly outside the case's region: where it lies (a
        sentence), and what an estimate will do with it (:func:`_outside_region`).
    told : bool
        Whether the search was judged written with lon and lat exchanged and
        recorded so: the case file, read with it, warns of it by its line.
    before : str or None
        The warning of a search dated before the case's first item.
    """

    outside: tuple[tuple[str, str], ...] = ()
    told: bool = False
    before: str | None = None

    @property
    def warnings(self) -> list[str]:
        """What to warn of once the search is recorded, in order.

        A search dated before the case's first item, then each search wholly
        outside the region, unless the case file warns of it as swapped.
        """
        said = [self.before] if self.before is not None else []
        if not self.told:
            said.extend(
                f"{where} {then} It is recorded as given; {CHECK_COORDINATES}"
                for where, then in self.outside
            )
        return said


def check_search(
    items: Sequence[Searched],
    case: Case,
    *,
    names: SearchNames,
    swapped: Callable[[Searched], bool],
    planned: bool = False,
) -> SearchCheck:
    """Check the searches about to be recorded in ``case``; refuse or tell.

    ``items`` are one search, or a plan's bands (``planned``), all of one date
    and time. A search given as drawn (not ``planned``) is refused when its
    radius is longer than the region is across, or when, wholly outside the
    region, it lies inside with a sign changed (:data:`SIGN_FAR_KM`). Before the
    sign, ``swapped(items[0])`` judges it written with lon and lat exchanged: it
    raises to refuse it, and returns whether it is recorded so, with the case
    file's warning (False: its exchange does not lie inside either). A plan's
    cells are the plan's own, on the case's map: only told of.

    Returns
    -------
    SearchCheck
        What to warn of once the searches are recorded.

    Raises
    ------
    InputError
        Naming ``names.radius_field`` or ``names.field``; nothing is to be
        written.
    """
    first = items[0]
    if not planned and first.buffer_km > 0:
        _check_radius_fits(first.buffer_km, case, names)
    outside = _outside_region(items, case, counts=names.counts)
    told = False
    if outside and not planned:
        told = swapped(first)
        if not told:
            _check_sign_kept(first, case, names)
    return SearchCheck(
        outside=tuple(outside),
        told=told,
        before=_before_first_item(case, first.date, first.time, counts=names.counts),
    )


def _outside_region(
    items: Sequence[Searched], case: Case, *, counts: str = "'geosleuth locate'"
) -> list[tuple[str, str]]:
    """Each search that lies wholly outside the case's study region, and so what.

    The region is the case's ``region:`` or, without one, the region drawn
    around its evidence (``case.grid``, drawn as
    :func:`geosleuth.locate.locate_case` draws it). The test and the distance
    are those of :func:`geosleuth.fuse.factors`, so they match what
    ``geosleuth locate`` says when it leaves the item out. ``counts`` names
    what counts a recorded search.

    Returns
    -------
    list of (str, str)
        Per such search: where it lies (a sentence), and what ``counts`` will
        do with it.
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
                # review r105, M2: not "harmless": a search the team truly made
                # in the region, its coordinates mistyped, is lost from the map
                then = (
                    f"It will count for nothing: {counts} leaves it out, "
                    "and the map and P(outside the region) are as if it had not "
                    "been made. If the team searched in the region, its "
                    "coordinates are wrong."
                )
            else:
                where = f"the region drawn around the case's evidence ({bounds})"
                # a search says only where the target is not: it does not stretch
                # a drawn region (geosleuth.casefile.evidence_bounds)
                then = (
                    f"With no 'region' in the case, {counts} leaves it "
                    "out: a search does not stretch the region drawn around the "
                    "evidence. Check its coordinates, or give the case a 'region' "
                    "that holds it."
                )
            out.append(
                (
                    f"The searched area of {quoted(item.id)} lies wholly outside "
                    f"{where}: {why}.",
                    then,
                )
            )
    return out


def _negated(geom: Geometry, lon_by: float, lat_by: float) -> Geometry | None:
    """``geom`` with each lon times ``lon_by`` and lat times ``lat_by``."""

    def flip(coords: Any) -> Any:
        if coords and all(isinstance(v, (int, float)) for v in coords):
            return [coords[0] * lon_by, coords[1] * lat_by, *coords[2:]]
        return [flip(c) for c in coords]

    obj = to_geojson(geom)
    try:
        return from_geojson({**obj, "coordinates": flip(obj["coordinates"])})
    except InputError:
        return None


def _span(values: Any) -> str:
    """``+105.6594``, or ``+105.6433 to +105.6681``: signed."""
    lo, hi = float(np.min(values)), float(np.max(values))
    return f"{lo:+.4f}" if lo == hi else f"{lo:+.4f} to {hi:+.4f}"


def _extent_km(case: Case) -> tuple[float, float]:
    """The width and height of the case's grid (its region, in whole cells), km."""
    return case.grid.nx * case.grid.cell_km, case.grid.ny * case.grid.cell_km


def _check_sign_kept(item: Searched, case: Case, names: SearchNames) -> None:
    """Refuse a search that lies inside the region with a sign put back.

    A GPX track whose longitudes lost their minus sign (+105.6 for -105.6)
    lies in another hemisphere, 10,000 km out: recorded, 'geosleuth locate'
    left it out, and Team 2's whole track was missing from the map (review
    r105, M2). As a lon/lat swap is: a search wholly outside the region that,
    with its longitudes, its latitudes, or both negated, lies inside is
    refused, and nothing written, when it lies more than :data:`SIGN_FAR_KM`
    out and farther than the region is across (nearer, a real search just
    outside a region that straddles the equator or the meridian of Greenwich
    may lie inside mirrored too: it is recorded with the warning of a search
    outside).
    """
    from geosleuth.fuse.reach import item_lonlat, km_from_grid

    lonlat = item_lonlat(item)
    if lonlat is None:  # pragma: no cover - a search has an area
        return
    lons, lats = lonlat
    out_km = km_from_grid(lons, lats, case.grid)
    if not out_km > max(SIGN_FAR_KM, math.hypot(*_extent_km(case))):
        return
    w, s, e, n = case.grid.bounds_lonlat()
    for what, lon_by, lat_by in _SIGNS:
        flipped = _negated(item.area, lon_by, lat_by)
        if flipped is None or _outside_region([replace(item, area=flipped)], case):
            continue
        where = (
            "region" if case.region_given else "evidence (the region drawn around it)"
        )
        said = []
        if lon_by < 0:
            said.append(
                f"its longitudes are {_span(lons)}, the region's {w:+.2f} to {e:+.2f}"
            )
        if lat_by < 0:
            said.append(
                f"its latitudes are {_span(lats)}, the region's {s:+.2f} to {n:+.2f}"
            )
        plural = "signs" if lon_by < 0 and lat_by < 0 else "sign"
        raise InputError(
            f"The search {names.given} lies wholly outside the case's {where} (west "
            f"{w:.2f}, south {s:.2f}, east {e:.2f}, north {n:.2f}), {km_text(out_km)} "
            f"km from it, and with the {plural} of its {what} changed it lies "
            f"inside: {'; '.join(said)}. The minus {plural} of the {what} lost? "
            "(Longitudes west of Greenwich and latitudes south of the equator are "
            "negative.) Give each position with its sign. If it is where it "
            "should be, give the case a region that holds it. Nothing was "
            "written.",
            field=names.field,
        )


def _check_radius_fits(buffer_km: float, case: Case, names: SearchNames) -> None:
    """Refuse a search radius wider than the case's whole region.

    A disc (or a track's buffer) whose radius is longer than the region is
    across covers all of the region from any point in it: the search says only
    that the target is not in the region, and P(outside the region) rises. The
    usual cause is metres typed for km (``--radius-km 500`` for 500 m on a
    region of 14.5 × 13.4 km, review r105, M3), which the message names, as
    'geosleuth plan' names it for a sweep width wider than a cell.
    """
    width, height = _extent_km(case)
    across = math.hypot(width, height)
    if not buffer_km > across:
        return
    metres = (
        f" If you meant {buffer_km:g} m, give {names.radius_fix} "
        f"{buffer_km / 1000.0:g}."
        if buffer_km >= 5.0 and buffer_km / 1000.0 <= across
        else ""
    )
    whole = (
        f"give {names.box} with the region's bounds"
        if case.region_given
        else f"give the case a 'region' and {names.box} with its bounds"
    )
    where = "region" if case.region_given else "region drawn around its evidence"
    raise InputError(
        f"The {names.radius} of {_km_and_m(buffer_km)} is wider than the case's "
        f"whole {where}, {width:,.1f} km x {height:,.1f} km ({across:,.1f} km "
        "corner to corner): a search that wide covers all of it from any point "
        "in it, and says only that the target is not in the region. To record a "
        f"search of the whole region, {whole}.{metres} Nothing was written.",
        field=names.radius_field,
    )


def percent_hint(pd: float) -> str:
    """What a ``pd`` above 1 may mean: a percent, ``": did you mean 0.6? ..."``.

    A probability of detection given as a percent (``pd 60``) is refused, with
    the fraction named (review r211, L5); "" for anything else.

    >>> percent_hint(60.0)
    ': did you mean 0.6? pd is a fraction of 1, not a percent'
    >>> percent_hint(0.0), percent_hint(250.0), percent_hint(float("nan"))
    ('', '', '')
    """
    if not 1.0 < pd <= 100.0:  # also NaN
        return ""
    return f": did you mean {pd / 100.0:g}? pd is a fraction of 1, not a percent"


def _km_and_m(km: float) -> str:
    """``"500 km"``, or ``"0.5 km (500 m)"`` below 10 km."""
    return f"{km:g} km" if km >= 10 else f"{km:g} km ({km * 1000.0:g} m)"


def _before_first_item(
    case: Case,
    day: dt.date,
    clock: dt.time | None,
    *,
    counts: str = "'geosleuth locate'",
) -> str | None:
    """A warning for a search dated before the case's first item (review r105, M4).

    The first item that is not a search (a period's at its start, an untimed
    item's at the start of its day) is when the case begins: the car at the
    trailhead, the last sighting. A search before it is a typo, or of an area
    searched before the target went missing; either way ``counts`` (what
    counts a recorded search: 'geosleuth locate', an estimate) counts it (a
    timed one threaded through the track from its moment, one of a day moved
    on by the walk since), as if the target had been in the region then:
    P(outside the region) rises (10.63 % to 10.71 % in the review's case). On
    the day of the first item, without both times, nothing can be told.
    """
    firsts = [
        (it.date_from or it.date, None if it.date_from else it.time, it)
        for it in case.items
        if not isinstance(it, Searched)
    ]
    if not firsts:
        return None
    first_day, first_time, first = min(
        firsts, key=lambda f: (f[0], f[1] or dt.time.min)
    )
    before = day < first_day or (
        day == first_day
        and clock is not None
        and first_time is not None
        and clock < first_time
    )
    if not before:
        return None
    when = day.isoformat() + (f" {time_text(clock)}" if clock else "")
    then = first_day.isoformat() + (f" {time_text(first_time)}" if first_time else "")
    return (
        f"The search is dated {when}, before the case's first item, {first.kind} "
        f"{quoted(first.id)} ({then}): was the target missing then? "
        f"{counts[:1].upper()}{counts[1:]} counts it all the same, as if the "
        "target had been in the region then: a search that found nothing there "
        "lowers the map in and around its area (less, the longer before the first "
        "item) and raises P(outside the region). It is recorded as given. If its "
        "date is wrong, mend it in the case file; if the area was searched before "
        "the target went missing, remove the item: it says nothing of where the "
        "target is."
    )
