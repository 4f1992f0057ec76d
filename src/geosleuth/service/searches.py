"""Record a search that found nothing, from a request, as ``geosleuth searched`` does.

The request's JSON is checked field by field (each error names its field) and the
item is appended with :func:`geosleuth.locate.append_items`, the code path of
``geosleuth searched``: the case file is read and appended under a lock on its
folder, the whole new case is validated before it replaces the file, and it is
replaced atomically.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geosleuth._quoting import km_text
from geosleuth.casefile import (
    Case,
    SearchCheck,
    SearchNames,
    check_search,
    free_search_id,
)
from geosleuth.errors import (
    EvidenceWarning,
    GeosleuthError,
    GeosleuthWarning,
    InputError,
)
from geosleuth.service.pipeline import (
    collected_warnings,
    parse_date,
    parse_positive,
    shown,
)

if TYPE_CHECKING:
    from geosleuth.evidence import EvidenceItem, Searched

__all__ = ["SEARCH_FIELDS", "record_search", "search_from_form"]

#: Fields of a recorded search ("center" is taken for "centre").
SEARCH_FIELDS = frozenset(
    {"date", "time", "pd", "box", "centre", "center", "radius_km", "team", "note"}
)


def _numbers(value: Any, n: int, field: str, what: str) -> list[float]:
    ok = isinstance(value, list) and len(value) == n
    nums: list[float] = []
    if ok:
        for v in value:
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                ok = False
                break
            try:
                number = float(v)  # an int past float's range: OverflowError
            except OverflowError:
                ok = False
                break
            if not math.isfinite(number):
                ok = False
                break
            nums.append(number)
    if not ok:
        raise InputError(
            f"{field!r} must be {what}. Got {shown(value, 60)} instead.",
            field=field,
        )
    return nums


def _on_earth(
    value: Any, lons: tuple[float, ...], lats: tuple[float, ...], field: str
) -> None:
    """Refuse a ``box`` or ``centre`` with a longitude or latitude out of range."""
    if all(-180.0 <= x <= 180.0 for x in lons) and all(
        -90.0 <= y <= 90.0 for y in lats
    ):
        return
    raise InputError(
        f"{field!r} has a coordinate out of range: longitudes run from -180 to 180 "
        f"and latitudes from -90 to 90, longitude first. Got {shown(value, 60)} "
        "instead.",
        field=field,
    )


def _reading_items(readings: Sequence[Path]) -> list[EvidenceItem]:
    """The items of the case's readings that load (a broken one is not a search's)."""
    from geosleuth.read.corpus import load_read_output

    out: list[EvidenceItem] = []
    for path in readings:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", GeosleuthWarning)
                documents = load_read_output(path)
        except (GeosleuthError, OSError):
            continue
        for doc in documents:
            out.extend(doc.evidence)
    return out


def _written_as(value: list[float]) -> str:
    return "[" + ", ".join(f"{v:g}" for v in value) + "]"


def _refuse_swapped(
    item: Searched,
    case: Case,
    readings: Sequence[Path],
    given: str,
    value: list[float],
) -> bool:
    """Refuse a search whose ``centre`` or ``box`` is written latitude first.

    As ``geosleuth searched`` judges its ``--point`` and ``--box``
    (:func:`geosleuth.casefile.judge_swap`), with the items of the case's
    ``readings`` counted as its evidence: a search wholly outside the
    region, more than ``SWAP_FAR_KM`` from it, whose exchange lies inside it
    within ``SWAP_NEAR_KM`` of an item, or which is the case file's only item
    with a place near the region (the case file would blame its region), is
    refused, naming the request's field (review r85, L1).

    Returns
    -------
    bool
        Whether its exchange lies inside, and it is recorded so: the case
        file, read with it, warns of it (lon and lat swapped?).
    """
    from geosleuth.casefile import judge_swap

    judged = functools.partial(
        judge_swap, item, case.grid, case.items, as_of=item.date, settings=case.settings
    )
    if judged() is None:  # the common case: the readings need not be loaded
        return False
    swap = judged(beside=_reading_items(readings))
    if swap is None:
        return False
    if not (swap.refused or (case.region_given and swap.blames_region)):
        return True
    w, s, e, n = case.grid.bounds_lonlat()
    where = "region" if case.region_given else "evidence (the region drawn around it)"
    if given == "box":
        looks, form = "[south, west, north, east]", "[west, south, east, north]"
        fixed = [value[1], value[0], value[3], value[2]]
    else:
        looks, form = "[lat, lon]", "[lon, lat]"
        fixed = [value[1], value[0]]
    km = km_text(swap.outside_km)
    if swap.refused and swap.by is not None:
        lands = (
            f"{km_text(swap.lands_km)} km from {swap.by.kind} {swap.by.id!r} of the "
            "case's evidence"
        )
    else:
        lands = "and the case file has no other item with a place near the region"
    raise InputError(
        f"The search's {given!r} {_written_as(value)} lies wholly outside the "
        f"case's {where} (west {w:.2f}, south {s:.2f}, east {e:.2f}, north "
        f"{n:.2f}), {km} km from it; read as {looks} it lies inside, {lands}: "
        f"the {given} looks like {looks}. Give it as {form}, longitude first: "
        f"{_written_as(fixed)}. If it is where it should be, give the case a "
        "region that holds it. Nothing was written.",
        field=given,
    )


def record_search(
    case_path: Path, body: Any, *, readings: Sequence[Path] = ()
) -> dict[str, Any]:
    """Record a search that found nothing in a case file, as ``geosleuth searched``.

    ``body`` is the request's JSON: ``date`` (YYYY-MM-DD), ``pd`` (0-1), the area as
    ``box`` ``[west, south, east, north]`` or ``centre`` ``[lon, lat]`` with
    ``radius_km``, and optional ``time`` (of day, HH:MM or HH:MM:SS, the case's one
    clock), ``team`` and ``note``. The item is appended with
    :func:`geosleuth.locate.append_items`, which validates the whole case
    before it replaces the file. Returns ``added``, the items (id, date, pd ...),
    ``notes`` (e.g. that the case's ``as_of`` is before the search, and what the
    case file, read with it, warns of), and ``warnings`` (``Type: message``): a
    search dated before the case's first item, or wholly outside its region.

    The search is checked as ``geosleuth searched`` checks it
    (:func:`geosleuth.casefile.check_search`): one wholly outside the region
    that lies inside with lon and lat exchanged, or with the sign of its
    longitudes or latitudes changed (a minus sign lost), and a ``radius_km``
    longer than the region is across (metres given for km), are refused,
    naming the field, and nothing is written.

    ``readings`` are the readings of the case's reports (``readings/*.json``):
    their items count as the case's evidence when the search is judged written
    latitude first (review r85, L1), as the case file's own do.

    Raises
    ------
    InputError
        Naming the field, for a missing or bad value, or a search refused by
        the checks above.
    """
    from geosleuth.casefile import clean_text, far_ahead
    from geosleuth.evidence import (
        MAX_KM,
        as_of_text,
        parse_time,
        time_text,
    )
    from geosleuth.geometry import Area, Geometry, Point
    from geosleuth.locate import append_items, search_item, search_vs_as_of

    if not isinstance(body, dict):
        raise InputError("Send a JSON object.", field="body")
    unknown = sorted(set(body) - SEARCH_FIELDS)
    if unknown:
        raise InputError(
            f"Unknown field(s) {', '.join(map(repr, unknown))}; the fields are "
            f"{', '.join(sorted(SEARCH_FIELDS - {'center'}))}.",
            field=unknown[0],
        )
    day = parse_date(body.get("date"), "date")
    if day is None:
        raise InputError("Give the 'date' of the search (YYYY-MM-DD).", field="date")
    ahead = far_ahead(day)
    if ahead is not None:
        raise InputError(
            f"'date' is {ahead}: a search is recorded once made. Check the year.",
            field="date",
        )
    clock = parse_time(body["time"], "time") if body.get("time") is not None else None
    pd = body.get("pd")
    if isinstance(pd, bool) or not isinstance(pd, (int, float)) or not 0 < pd <= 1:
        raise InputError(
            "'pd', the probability of detection in the area, must be a number "
            f"with 0 < pd ≤ 1. Got {shown(pd, 40)} instead.",
            field="pd",
        )
    if "centre" in body and "center" in body:
        raise InputError(
            "Give the 'centre' once (as 'centre' or 'center', not both).",
            field="center",
        )
    centre = body.get("centre", body.get("center"))
    area: Geometry
    if (body.get("box") is None) == (centre is None):
        raise InputError(
            "Give the searched area as 'box' [west, south, east, north] or as "
            "'centre' [lon, lat] with 'radius_km' (exactly one of the two).",
            field="box",
        )
    buffer_km = 0.0
    given: str
    written: list[float]
    if centre is None:
        given = "box"
        written = w, s, e, n = _numbers(
            body["box"], 4, "box", "[west, south, east, north]"
        )
        _on_earth(body["box"], (w, e), (s, n), "box")
        area = Area.checked_box(
            w, s, e, n, name="'box'", got=str(body["box"]), field="box"
        )
    else:
        given = "center" if "center" in body else "centre"
        written = lon, lat = _numbers(centre, 2, "centre", "[lon, lat]")
        _on_earth(centre, (lon,), (lat,), "centre")
        radius = parse_positive(body.get("radius_km"), "radius_km")
        if radius is None or isinstance(body.get("radius_km"), str):
            raise InputError(
                "'centre' needs a positive number 'radius_km'.", field="radius_km"
            )
        if radius > MAX_KM:
            raise InputError(
                f"'radius_km' must be at most {MAX_KM:,} km (half the Earth's "
                f"circumference). Got {shown(body.get('radius_km'), 40)} instead.",
                field="radius_km",
            )
        area, buffer_km = Point(lon, lat), radius
    team = body.get("team", "search team")
    note = body.get("note", "")
    for key, value in (("team", team), ("note", note)):
        if not isinstance(value, str) or len(value) > 2000:
            raise InputError(
                f"{key!r} must be text (at most 2000 characters).", field=key
            )
    speaker = clean_text(team, "team") or "search team"
    text = clean_text(note, "note")

    case_as_of: list[dt.date | None] = []
    checked: list[SearchCheck] = []  # what the checks found that refused nothing
    names = SearchNames(
        given=f"{given!r} {_written_as(written)}",
        field=given,
        radius="'radius_km'",
        radius_field="radius_km",
        radius_fix="'radius_km'",
        box="'box'",
        counts="an estimate",
    )

    def build(current: Case) -> list[Searched]:
        case_as_of.append(current.as_of)
        new_id = free_search_id((i.id for i in current.items), day)
        item = search_item(
            new_id,
            day=day,
            area=area,
            pd=pd,
            buffer_km=buffer_km,
            speaker=speaker,
            note=text,
            time=clock,
        )
        # as 'geosleuth searched' checks it (review r105, M2-M4; helper m115): a
        # sign lost or a radius in metres refused, nothing written
        checked.append(
            check_search(
                [item],
                current,
                names=names,
                swapped=lambda it: _refuse_swapped(
                    it, current, readings, given, written
                ),
            )
        )
        return [item]

    with collected_warnings() as found:
        items = append_items(case_path, build)
    notes = list(found)
    as_of = case_as_of[0] if case_as_of else None
    stands = search_vs_as_of(items, as_of)
    if as_of is not None and stands == "after":
        when = day.isoformat() + (f" {time_text(clock)}" if clock else "")
        notes.append(
            f"The case's as_of is {as_of_text(as_of)}, before this search "
            f"({when}): an estimate leaves it out unless it is asked "
            "for with a later 'as_of'."
        )
    elif as_of is not None and stands == "untimed":
        notes.append(
            f"The case's as_of is {as_of_text(as_of)} and this search has no time: "
            "an estimate counts it as made by then. Give its 'time' if it was later."
        )
    added = [
        {
            "id": it.id,
            "date": it.date.isoformat(),
            **({"time": time_text(it.time)} if it.time is not None else {}),
            "pd": it.pd,
            "buffer_km": it.buffer_km,
            "team": speaker,
            "note": it.note,
        }
        for it in items
    ]
    said = checked[0].warnings if checked else []
    return {
        "added": added,
        "notes": notes,
        "warnings": [f"{EvidenceWarning.__name__}: {w}" for w in said],
    }


_BOX = ("west", "south", "east", "north")
_DISC = ("lon", "lat", "radius_km")


def search_from_form(fields: dict[str, str]) -> dict[str, Any]:
    """The JSON body of :func:`record_search` from the case page's form.

    The form has ``date``, ``time``, ``pd``, ``team``, ``note`` and the area as
    ``west``, ``south``, ``east``, ``north`` (a box) or ``lon``, ``lat``,
    ``radius_km`` (a disc); empty fields count as not given. Each number is parsed
    here, so its error names its own field; :func:`record_search` checks the rest.

    Raises
    ------
    InputError
        Naming the field, for a number that is not one, or an area given half.

    Examples
    --------
    >>> search_from_form({"date": "2024-10-13", "pd": "0.6", "west": "-4.03",
    ...                   "south": "53.07", "east": "-4.01", "north": "53.09",
    ...                   "lon": "", "team": ""})
    {'date': '2024-10-13', 'pd': 0.6, 'box': [-4.03, 53.07, -4.01, 53.09]}
    >>> search_from_form({"pd": "0.6", "lon": "-4.0", "lat": "x", "radius_km": "1"})
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: 'lat' must be a number. Got 'x' instead.
    """

    def number(key: str) -> float:
        text = fields.get(key, "")
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            raise InputError(
                f"{key!r} must be a number. Got {text[:40]!r} instead.", field=key
            )
        return value

    body: dict[str, Any] = {
        k: fields[k] for k in ("date", "time", "team", "note") if fields.get(k)
    }
    if fields.get("pd"):
        body["pd"] = number("pd")
    for keys, name in ((_BOX, "box"), (_DISC, "centre")):
        given = [k for k in keys if fields.get(k)]
        if not given:
            continue
        if len(given) < len(keys):
            missing = [k for k in keys if k not in given]
            raise InputError(
                f"Give the whole {'box' if name == 'box' else 'disc'}: "
                f"{', '.join(missing)} missing.",
                field=missing[0],
            )
        values = [number(k) for k in keys]
        if name == "box":
            body["box"] = values
        else:
            body["centre"], body["radius_km"] = values[:2], values[2]
    return body
