"""Record a search that found nothing, from a request, as ``geosleuth searched`` does.

The request's JSON is checked field by field (each error names its field) and the
item is appended with :func:`geosleuth.locate.append_items`, the code path of
``geosleuth searched``: the case file is read and appended under a lock on its
folder, the whole new case is validated before it replaces the file, and it is
replaced atomically.

The searched ground may instead be a GPS file a team's unit gave back (GPX or
KML, or GeoJSON), uploaded with the form's fields (:class:`Upload`): it is read
as ``geosleuth searched --geojson FILE --buffer-km W`` reads it
(:func:`geosleuth.gpsfiles.read_search_ground`), and warned of alike.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geosleuth._quoting import km_text
from geosleuth.casefile import (
    Case,
    SearchCheck,
    SearchNames,
    check_search,
    free_search_id,
    percent_hint,
)
from geosleuth.errors import (
    EvidenceWarning,
    GeosleuthError,
    GeosleuthWarning,
    InputError,
)
from geosleuth.report.text import plain, shorten
from geosleuth.service.pipeline import (
    collected_warnings,
    parse_date,
    parse_positive,
    shown,
)

if TYPE_CHECKING:
    from geosleuth.evidence import EvidenceItem, Searched
    from geosleuth.geometry import Geometry
    from geosleuth.gpsfiles import FileNames, TimeSpan

__all__ = ["GPS_FIELD", "SEARCH_FIELDS", "Upload", "record_search", "search_from_form"]

#: Fields of a recorded search ("center" is taken for "centre"; "buffer_km" goes
#: with an uploaded GPS file).
SEARCH_FIELDS = frozenset(
    {
        "date",
        "time",
        "pd",
        "box",
        "centre",
        "center",
        "radius_km",
        "buffer_km",
        "team",
        "note",
    }
)

#: The multipart field of an uploaded GPS file.
GPS_FIELD = "gps"


@functools.cache
def _file_names() -> FileNames:
    """How messages about an uploaded GPS file name the request's fields.

    The service's own, not the command's options (review r211, L5).
    """
    from geosleuth.gpsfiles import FileNames

    return FileNames(
        option=repr(GPS_FIELD),
        buffer="'buffer_km'",
        point="'centre' [lon, lat] and 'radius_km'",
        date="'date'",
        time="'time'",
    )


@dataclass(frozen=True)
class Upload:
    """A GPS file sent with a search: its name as the client gave it, its bytes."""

    name: str | None
    data: bytes

    @property
    def shown(self) -> str:
        r"""The name messages give it: its last part, without controls (80 at most).

        >>> Upload("C:\\maps\\walk\u202e.gpx", b"").shown
        'walk.gpx'
        >>> Upload(None, b"").shown
        'the uploaded file'
        """
        base = re.split(r"[/\\]", self.name or "")[-1]
        base = "".join(c for c in plain(base) if c.isprintable()).strip()
        return shorten(base, 80) if base else "the uploaded file"


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


def _swapped_file(
    item: Searched,
    swap: Any,
    where: str,
    bounds: tuple[float, float, float, float],
    name: str,
) -> InputError:
    """The refusal of a GPS file (``name``) written with lon and lat swapped.

    As ``geosleuth searched --geojson`` words it: where its ground lies
    exchanged, as a point of it.
    """
    from geosleuth.evidence import Searched

    w, s, e, n = bounds
    area = swap.exchanged.area if isinstance(swap.exchanged, Searched) else item.area
    lon, lat = area.representative()
    lands = (
        f"{km_text(swap.lands_km)} km from {swap.by.kind} {swap.by.id!r} of the "
        "case's evidence"
        if swap.refused and swap.by is not None
        else "and the case file has no other item with a place near the region"
    )
    return InputError(
        f"The search's {GPS_FIELD!r} file {name} lies wholly outside the case's "
        f"{where} (west {w:.2f}, south {s:.2f}, east {e:.2f}, north {n:.2f}), "
        f"{km_text(swap.outside_km)} km from it, and with lon and lat exchanged "
        f"(around {lon:.4f},{lat:.4f}) it lies inside, {lands}: lon and lat "
        "swapped? Check the file's coordinates (GPX gives lat and lon by name; "
        "GeoJSON and KML give longitude first). If it is where it should be, give "
        "the case a region that holds it. Nothing was written.",
        field=GPS_FIELD,
    )


def _refuse_swapped(
    item: Searched,
    case: Case,
    readings: Sequence[Path],
    given: str,
    value: Any,
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
    if given == GPS_FIELD:
        raise _swapped_file(item, swap, where, (w, s, e, n), value)
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


def _no_box_with_file(body: dict[str, Any]) -> None:
    """Refuse a ``box``, ``centre`` or ``radius_km`` sent with a GPS file.

    A ``radius_km`` alone is the natural guess for a file's buffer: it is
    named as such (review r211, L5).
    """
    if body.get("radius_km") is not None and all(
        body.get(k) is None for k in ("box", "centre", "center")
    ):
        raise InputError(
            f"With a GPS file ({GPS_FIELD!r}) give 'buffer_km', the distance "
            "searched around its track or point in km, not 'radius_km' (a "
            "disc's, with 'centre').",
            field="radius_km",
        )
    for key in ("box", "centre", "center", "radius_km"):
        if body.get(key) is not None:
            raise InputError(
                f"Give the searched area once: the GPS file {GPS_FIELD!r} or "
                f"{key!r}, not both. A track's buffer is 'buffer_km'.",
                field=key,
            )


def _not_a_gps_file(path: Path, upload: Upload) -> bool:
    """Whether the upload is neither GPX or KML (:func:`is_gps_file`) nor JSON."""
    from geosleuth.gpsfiles import is_gps_file

    if is_gps_file(path, where=upload.shown):
        return False
    return not upload.data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"{", b"["))


def _read_upload(
    upload: Upload, body: dict[str, Any]
) -> tuple[Geometry, float, list[str], TimeSpan | None]:
    """The searched ground of an uploaded GPS file, its buffer and what was said.

    Read as ``geosleuth searched --geojson FILE --buffer-km W`` reads it
    (:func:`geosleuth.gpsfiles.read_search_ground`), under its own name: a
    track or a point needs a positive ``buffer_km``, an area is searched as
    drawn (a ``buffer_km`` with it is refused, not dropped); the waypoints
    or routes left out beside a track, a file of routes only, and a file of
    one point, are warned of. Also the span of the file's times.
    """
    import tempfile

    from geosleuth.evidence import MAX_KM
    from geosleuth.geometry import Area, Point
    from geosleuth.gpsfiles import read_search_ground, single_point_note

    _no_box_with_file(body)
    name = upload.shown
    if not upload.data.strip():
        raise InputError(
            f"The GPS file {name} is empty. Nothing was written.", field=GPS_FIELD
        )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "upload"
        path.write_bytes(upload.data)
        if _not_a_gps_file(path, upload):
            raise InputError(
                f"{name} is not a GPS file: {GPS_FIELD!r} takes a GPX or KML file, "
                "as a GPS unit gives back (or GeoJSON), and this is neither XML nor "
                "JSON. Nothing was written.",
                field=GPS_FIELD,
            )
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", GeosleuthWarning)
            try:
                ground = read_search_ground(path, where=name, names=_file_names())
            except InputError as exc:
                exc.field = GPS_FIELD
                raise
    geom = ground.geometry
    said = [str(w.message) for w in caught if issubclass(w.category, GeosleuthWarning)]
    given = body.get("buffer_km")
    kind = {"point": "a point", "line": "a track", "area": "an area"}[geom.kind]
    if isinstance(geom, Area):
        if given is not None:
            raise InputError(
                f"'buffer_km' has no meaning with {name} ({kind}): an area is "
                "searched as drawn. Leave it out.",
                field="buffer_km",
            )
        return geom, 0.0, said, ground.span
    buffer_km = parse_positive(given, "buffer_km")
    if buffer_km is None or isinstance(given, str):
        raise InputError(
            f"{name} holds {kind}: give 'buffer_km', the distance searched "
            "around it in km (a positive number).",
            field="buffer_km",
        )
    if buffer_km > MAX_KM:
        raise InputError(
            f"'buffer_km' must be at most {MAX_KM:,} km (half the Earth's "
            f"circumference). Got {shown(given, 40)} instead.",
            field="buffer_km",
        )
    if isinstance(geom, Point) and ground.gps:
        said.append(single_point_note(name, geom, buffer_km))
    return geom, buffer_km, said, ground.span


def record_search(
    case_path: Path,
    body: Any,
    *,
    readings: Sequence[Path] = (),
    upload: Upload | None = None,
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

    ``upload`` is a GPS file (GPX, KML or GeoJSON) that gives the area instead
    of ``box`` or ``centre``, with ``buffer_km`` for a track or a point
    (:func:`_read_upload`): read and checked as ``geosleuth searched --geojson
    FILE --buffer-km W`` reads and checks it, and warned of alike (the
    waypoints left out beside a track, a file of one point), under
    ``warnings``. A file that is no GPS file, or that the command refuses, is
    refused, naming the field ``gps``.

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
    from geosleuth.geometry import Area, Point
    from geosleuth.gpsfiles import thin_track, time_notes
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
        hint = (
            percent_hint(float(pd))
            if isinstance(pd, (int, float)) and not isinstance(pd, bool)
            else ""
        )
        raise InputError(
            "'pd', the probability of detection in the area, must be a number "
            f"with 0 < pd ≤ 1. Got {shown(pd, 40)} instead{hint}.",
            field="pd",
        )
    if "centre" in body and "center" in body:
        raise InputError(
            "Give the 'centre' once (as 'centre' or 'center', not both).",
            field="center",
        )
    centre = body.get("centre", body.get("center"))
    area: Geometry
    read_said: list[str] = []  # what reading the GPS file warned of
    span: TimeSpan | None = None  # the times of the GPS file
    if upload is None and body.get("buffer_km") is not None:
        raise InputError(
            f"'buffer_km' is the distance searched around the track of a GPS file "
            f"sent as {GPS_FIELD!r} (multipart); a disc's is 'radius_km'.",
            field="buffer_km",
        )
    if upload is None and (body.get("box") is None) == (centre is None):
        raise InputError(
            "Give the searched area as 'box' [west, south, east, north] or as "
            "'centre' [lon, lat] with 'radius_km' (exactly one of the two).",
            field="box",
        )
    buffer_km = 0.0
    given: str
    written: list[float] = []
    if upload is not None:
        given = GPS_FIELD
        area, buffer_km, read_said, span = _read_upload(upload, body)
    elif centre is None:
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
    radius_key = "buffer_km" if upload is not None else "radius_km"
    names = SearchNames(
        given=(
            f"{GPS_FIELD!r} file {upload.shown}"
            if upload is not None
            else f"{given!r} {_written_as(written)}"
        ),
        field=given,
        radius=repr(radius_key),
        radius_field=radius_key,
        radius_fix=repr(radius_key),
        box="'box'",
        counts="an estimate",
    )

    thinned: list[str] = []  # a long track thinned before it is written

    def build(current: Case) -> list[Searched]:
        case_as_of.append(current.as_of)
        new_id = free_search_id((i.id for i in current.items), day)
        # review r211, L7: a day's 1 s log thinned, well within its buffer
        ground, said = (
            thin_track(area, buffer_km, current.grid.cell_km, upload.shown)
            if upload is not None
            else (area, None)
        )
        thinned[:] = [said] if said else []
        item = search_item(
            new_id,
            day=day,
            area=ground,
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
                    it,
                    current,
                    readings,
                    given,
                    upload.shown if upload is not None else written,
                ),
            )
        )
        return [item]

    with collected_warnings() as found:
        items = append_items(case_path, build)
    notes = list(found)
    # the file's times against 'date' and 'time' (review r211, M6)
    off_day, timed = (
        time_notes(upload.shown, span, day, clock, _file_names())
        if upload is not None
        else ([], [])
    )
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
    notes.extend([*thinned, *timed])
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
    said = [*read_said, *(checked[0].warnings if checked else []), *off_day]
    return {
        "added": added,
        "notes": notes,
        "warnings": [f"{EvidenceWarning.__name__}: {w}" for w in said],
    }


_BOX = ("west", "south", "east", "north")
_DISC = ("lon", "lat", "radius_km")


def search_from_form(
    fields: dict[str, str], *, with_file: bool = False
) -> dict[str, Any]:
    """The JSON body of :func:`record_search` from the case page's form.

    The form has ``date``, ``time``, ``pd``, ``team``, ``note`` and the area as
    ``west``, ``south``, ``east``, ``north`` (a box) or ``lon``, ``lat``,
    ``radius_km`` (a disc), or ``buffer_km``, the buffer of an uploaded GPS
    file's track (:class:`Upload`); empty fields count as not given. Each number
    is parsed here, so its error names its own field; :func:`record_search`
    checks the rest. ``with_file``: a GPS file was sent with the form, so that
    a disc's field sent with it is named as such, not as half a disc
    ("Give the whole disc: lon, lat missing" for a file's ``radius_km``,
    review r211, L5).

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
    for key in ("pd", "buffer_km"):
        if fields.get(key):
            body[key] = number(key)
    for keys, name in ((_BOX, "box"), (_DISC, "centre")):
        given = [k for k in keys if fields.get(k)]
        if not given:
            continue
        if with_file and name == "centre":
            raise InputError(
                (
                    f"With a GPS file ({GPS_FIELD!r}) give 'buffer_km', the "
                    "distance searched around its track or point in km, not "
                    "'radius_km' (a disc's, with 'lon' and 'lat')."
                )
                if given == ["radius_km"]
                else (
                    f"Give the searched area once: the GPS file {GPS_FIELD!r} or "
                    f"a disc ({', '.join(given)} given), not both."
                ),
                field=given[0],
            )
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
