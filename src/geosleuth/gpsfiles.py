"""GPS files: what a search team's unit gives back (GPX, KML), as one geometry.

A team sent out with the plan's GPX or KML comes back with a GPX track (or a
KML one); ``geosleuth searched`` records it as the ground covered. What is read:

=====  ============================================================================
GPX    ``trk`` (each ``trkseg`` a part of one line; a ``trk`` of type
       ``boundary``, as ``geosleuth plan`` writes an area's outline, a polygon),
       ``rte`` (a line, in a file without ``trk`` only), ``wpt`` (a point)
KML    ``LineString`` and ``gx:Track`` (lines), ``Polygon`` (its outer and inner
       rings), ``Point``
=====  ============================================================================

GPX 1.0 and 1.1 alike (the elements are matched by their local names). As with
a GeoJSON FeatureCollection, the file is one search: its polygons make one
area, or its lines one track; polygons and lines together are refused. Points
beside a track or an area (waypoints marked on the way, the plan's area
centres) are not ground covered: they are left out, and said; so is a track
segment of one point (a fix), said as such. A file of one point (a waypoint, or
such a segment) is that point; several points and nothing else are refused.

A GPX route (``rte``) is where a team meant to go, a track (``trk``) where it
went (review r211, M5): beside a track (or a plan's area outlines) routes are
left out, and said, as waypoints are; a file of routes only is read, and warned
of (a planned route, not a recorded track: was it walked?).

The times a file's points carry (GPX ``<time>``, KML ``<when>``, ``TimeStamp``
and ``TimeSpan``) are read too, as the file's span (:class:`TimeSpan`), for
:func:`time_notes` to set against the search's date and time (review r211,
M6); they change nothing that is recorded.

The XML is parsed with the standard library's expat, refusing any document type
declaration (``<!DOCTYPE``), so no entity can be declared, let alone expanded.

:func:`read_search_ground` reads what a search's file may be, GeoJSON, GPX or
KML, with the file's span of times:
``geosleuth searched --geojson`` and the service's uploaded ``gps`` file both
read it there, each naming its own inputs in messages (:class:`FileNames`), and
:func:`single_point_note` says the same of a file of one point.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import warnings
import xml.parsers.expat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from geosleuth._json import loads as read_json
from geosleuth._types import PathLike
from geosleuth.errors import EvidenceWarning, InputError
from geosleuth.geometry import (
    Area,
    Geometry,
    Line,
    Point,
    from_geojson,
)

__all__ = [
    "CLI_NAMES",
    "GPS_SUFFIXES",
    "FileNames",
    "SearchGround",
    "TimeSpan",
    "is_gps_file",
    "read_gps_file",
    "read_search_ground",
    "single_point_note",
    "thin_track",
    "time_notes",
]

#: File name endings read as GPS files (case-insensitive).
GPS_SUFFIXES: tuple[str, ...] = (".gpx", ".kml")
#: The largest GPS file read (bytes): a day's track at one point a second is
#: about 5 MB.
_MAX_BYTES = 64 * 1024 * 1024

_LonLat = tuple[float, float]


@dataclass(frozen=True)
class FileNames:
    """How messages about a search's file name the inputs that go with it.

    The command names its options (:data:`CLI_NAMES`), the service its
    request's fields (review r211, L5: "the lines with --radius-km" in an
    answer of the API, whose field is ``buffer_km``).

    Attributes
    ----------
    option : str
        The input that takes the file: ``"--geojson"``, ``"'gps'"``.
    buffer : str
        A track's buffer: ``"--buffer-km"``, ``"'buffer_km'"``.
    point : str
        How a point searched is given instead: ``"--point LON,LAT and
        --radius-km"``.
    date, time : str
        The search's day and time of day: ``"--date"``, ``"--time"``.
    """

    option: str = "--geojson"
    buffer: str = "--buffer-km"
    point: str = "--point LON,LAT and --radius-km"
    date: str = "--date"
    time: str = "--time"


#: The names of ``geosleuth searched``'s options.
CLI_NAMES = FileNames()


@dataclass(frozen=True)
class TimeSpan:
    """The first and last time a GPS file's points carry.

    ``utc``: every time read gave its zone (GPX's ``Z``, an offset), and the
    span is in UTC; else some gave none, and the span is as written.
    """

    first: dt.datetime
    last: dt.datetime
    utc: bool

    @property
    def zone(self) -> str:
        """``"UTC"``, or ``"(no time zone given)"``."""
        return "UTC" if self.utc else "(no time zone given)"

    def text(self) -> str:
        """``"2025-03-04 19:05 to 19:40 UTC"`` (the day again only if it changes).

        >>> TimeSpan(dt.datetime(2025, 3, 4, 19, 5), dt.datetime(2025, 3, 4, 19, 40),
        ...          True).text()
        '2025-03-04 19:05 to 19:40 UTC'
        """
        last = (
            f"{self.last:%H:%M}"
            if self.last.date() == self.first.date()
            else f"{self.last:%Y-%m-%d %H:%M}"
        )
        if self.last == self.first:
            return f"{self.first:%Y-%m-%d %H:%M} {self.zone}"
        return f"{self.first:%Y-%m-%d %H:%M} to {last} {self.zone}"


def _span(stamps: list[str]) -> TimeSpan | None:
    """The span of ISO 8601 times (GPX, KML), in UTC where each gives its zone.

    A time that does not parse is passed over: the times only check the
    search's date, and never refuse a file.

    >>> _span(["2025-03-04T19:40:00Z", "bad", "2025-03-04T20:05:00+01:00"]).text()
    '2025-03-04 19:05 to 19:40 UTC'
    >>> _span(["2025-03-04"]) is None, _span([]) is None
    (True, True)
    """
    times: list[dt.datetime] = []
    for stamp in stamps:
        text = stamp.strip()
        if "T" not in text and " " not in text:
            continue  # a day alone: no time of day to tell
        try:
            times.append(dt.datetime.fromisoformat(text))
        except ValueError:
            continue
    if not times:
        return None
    utc = all(t.tzinfo is not None for t in times)
    plain = [
        t.astimezone(dt.UTC).replace(tzinfo=None) if t.tzinfo is not None else t
        for t in times
    ]
    return TimeSpan(min(plain), max(plain), utc)


@dataclass(frozen=True)
class SearchGround:
    """A search's file as read: its geometry, times and format.

    ``span`` is the span of its points' times (if any), ``gps`` whether it was
    read as GPX or KML (not GeoJSON).
    """

    geometry: Geometry
    span: TimeSpan | None = None
    gps: bool = False


@dataclass
class _Node:
    """An element as read: its local name, attributes, text, children, line."""

    name: str
    attrs: dict[str, str]
    line: int
    children: list[_Node] = field(default_factory=list)
    text: str = ""
    #: the text as expat gives it, a line at a time, joined at the element's
    #: end: adding each to ``text`` was quadratic (review r41, M2)
    chunks: list[str] = field(default_factory=list, repr=False)

    def child(self, name: str) -> _Node | None:
        return next((c for c in self.children if c.name == name), None)

    def named(self, name: str) -> list[_Node]:
        return [c for c in self.children if c.name == name]

    def walk(self) -> list[_Node]:
        """The node and all below it, in document order.

        With a stack of its own, not Python's: a KML of 1,000 nested folders
        is read, not a RecursionError (review r41, M3).
        """
        out: list[_Node] = []
        todo = [self]
        while todo:
            node = todo.pop()
            out.append(node)
            todo.extend(reversed(node.children))
        return out


def _local(tag: str) -> str:
    """``{namespace}name`` (expat: ``namespace}name``) → ``name``; ``gx:coord`` too."""
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


def _parse_xml(data: bytes, where: str) -> _Node:
    """The element tree of ``data``; a DOCTYPE (and so any entity) refused."""
    parser = xml.parsers.expat.ParserCreate(namespace_separator="}")
    stack: list[_Node] = []
    root: list[_Node] = []

    def refuse(*_: Any) -> None:
        raise InputError(
            f"{where} declares a document type (<!DOCTYPE ...>): GPX and KML have "
            "none, and its entities are not expanded. Remove the declaration, or "
            "export the track again.",
            path=where,
            line=parser.CurrentLineNumber,
        )

    def start(name: str, attrs: dict[str, str]) -> None:
        node = _Node(
            _local(name),
            {_local(k): v for k, v in attrs.items()},
            parser.CurrentLineNumber,
        )
        if stack:
            stack[-1].children.append(node)
        else:
            root.append(node)
        stack.append(node)

    def end(_: str) -> None:
        node = stack.pop()
        node.text, node.chunks = "".join(node.chunks), []

    def text(chars: str) -> None:
        if stack:
            stack[-1].chunks.append(chars)

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError as exc:
        raise InputError(
            f"{where} is not well-formed XML (line {exc.lineno}: "
            f"{xml.parsers.expat.errors.messages.get(exc.code, 'error')}): a GPX "
            "or KML file was expected.",
            path=where,
            line=exc.lineno,
        ) from None
    if not root:  # pragma: no cover - expat refuses a document without one
        raise InputError(f"{where} holds no XML element.", path=where)
    return root[0]


def _degrees(value: str | None, name: str, node: _Node, where: str) -> float:
    """A ``lat``/``lon`` value in degrees, or an error naming the line.

    Python reads ``4_4.49`` as 44.49; GPX and KML have no such digit groups, so
    an underscore is refused as any other character (review r41, L5).
    """
    try:
        number = float(value) if value is not None and "_" not in value else math.nan
    except ValueError:
        number = math.nan
    limit = 90.0 if name == "lat" else 180.0
    if not (math.isfinite(number) and -limit <= number <= limit):
        got = "none" if value is None else repr(value)
        raise InputError(
            f"The <{node.name}> on line {node.line} of {where} has {name} {got}; "
            f"expected degrees within -{limit:g}..{limit:g}.",
            path=where,
            line=node.line,
            field=name,
        )
    return number


def _gpx_point(node: _Node, where: str) -> _LonLat:
    return (
        _degrees(node.attrs.get("lon"), "lon", node, where),
        _degrees(node.attrs.get("lat"), "lat", node, where),
    )


def _signed_area(ring: list[_LonLat]) -> float:
    """Twice the ring's signed area in degrees² (> 0: counter-clockwise)."""
    return sum(
        x0 * y1 - x1 * y0
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True)
    )


def _boundary_polygons(rings: list[list[_LonLat]]) -> list[list[list[_LonLat]]]:
    """The polygons of a plan's boundary track, one ring per segment.

    Counter-clockwise rings are outlines, clockwise ones holes of the outline
    before them, as :func:`geosleuth.report.fieldfiles.plan_gpx` writes them.
    """
    polygons: list[list[list[_LonLat]]] = []
    for ring in rings:
        if _signed_area(ring) < 0 and polygons:
            polygons[-1].append(ring)
        else:
            polygons.append([ring if _signed_area(ring) >= 0 else ring[::-1]])
    return polygons


@dataclass
class _Shapes:
    points: list[_LonLat] = field(default_factory=list)
    lines: list[list[_LonLat]] = field(default_factory=list)
    polygons: list[list[list[_LonLat]]] = field(default_factory=list)
    #: lines of one point (a track segment, a route, a KML line or gx:Track):
    #: a fix, no ground walked; said as such, not as waypoints (review r41, L5)
    single: list[_LonLat] = field(default_factory=list)
    #: GPX routes (``rte``), by name: read as lines in a file without tracks
    routes: list[tuple[str, list[_LonLat]]] = field(default_factory=list)
    #: whether a GPX file has a ``trk`` (a track, or a plan's area outline)
    tracked: bool = False
    #: the times the points read carry, as written
    stamps: list[str] = field(default_factory=list)
    route_stamps: list[str] = field(default_factory=list)

    def add_line(self, line: list[_LonLat]) -> None:
        if len(line) == 1:
            self.single.extend(line)
        elif line:
            self.lines.append(line)


def _times_of(points: list[_Node]) -> list[str]:
    return [t.text for p in points if (t := p.child("time")) is not None]


def _gpx(root: _Node, where: str) -> _Shapes:
    found = _Shapes()
    found.points.extend(_gpx_point(w, where) for w in root.named("wpt"))
    for trk in root.named("trk"):
        found.tracked = True
        kind = trk.child("type")
        segments = [
            [_gpx_point(p, where) for p in seg.named("trkpt")]
            for seg in trk.named("trkseg")
        ]
        if kind is not None and kind.text.strip().lower() == "boundary":
            found.polygons.extend(_boundary_polygons([s for s in segments if s]))
            continue
        for seg in segments:
            found.add_line(seg)
        found.stamps.extend(
            _times_of([p for seg in trk.named("trkseg") for p in seg.named("trkpt")])
        )
    for rte in root.named("rte"):
        name = rte.child("name")
        found.routes.append(
            (
                " ".join(name.text.split()) if name is not None else "",
                [_gpx_point(p, where) for p in rte.named("rtept")],
            )
        )
        found.route_stamps.extend(_times_of(rte.named("rtept")))
    return found


def _named_routes(routes: list[tuple[str, list[_LonLat]]]) -> str:
    """``"route 'planned'"``, ``"2 routes ('a', 'b')"``, ``"1 route"``.

    >>> _named_routes([("planned", [])]), _named_routes([("a", []), ("", [])])
    ("route 'planned'", "2 routes ('a', one unnamed)")
    """
    names = [repr(n[:60]) for n, _ in routes if n]
    unnamed = len(routes) - len(names)
    if unnamed:
        names.append("one unnamed" if unnamed == 1 else f"{unnamed} unnamed")
    if len(routes) == 1:
        return f"route {names[0]}" if routes[0][0] else "1 route"
    return f"{len(routes)} routes ({', '.join(names)})"


def _routes(found: _Shapes, where: str) -> None:
    """Leave a GPX file's routes out beside its tracks, or read them, warned of.

    A route is where a team meant to go, a track where it went (review r211,
    M5): beside a track, or a plan's area outlines, the routes are left out,
    and said; a file of routes only is read as the ground covered, with a
    warning that they are a plan.
    """
    if not found.routes:
        return
    named = _named_routes(found.routes)
    if found.tracked:
        warnings.warn(
            f"The {named} of {where} {'is' if len(found.routes) == 1 else 'are'} "
            "not read: a route (GPX rte) is where a team meant to go, a track "
            "(trk) where it went, and the track is the ground covered.",
            EvidenceWarning,
            stacklevel=3,
        )
        return
    for _, line in found.routes:
        found.add_line(line)
    found.stamps.extend(found.route_stamps)
    warnings.warn(
        f"{where} holds a planned route ({named}, GPX rte), not a recorded track "
        "(trk): was it walked? It is read as the ground covered; if the team's "
        "unit recorded a track, give that instead.",
        EvidenceWarning,
        stacklevel=3,
    )


_SPACE = re.compile(r"\s+")


def _kml_coordinates(node: _Node | None, where: str) -> list[_LonLat]:
    """The ``lon,lat[,alt]`` tuples of a ``<coordinates>``."""
    if node is None:
        return []
    out: list[_LonLat] = []
    for chunk in _SPACE.split(node.text.strip()):
        if not chunk:
            continue
        values = chunk.split(",")
        if len(values) < 2:
            raise InputError(
                f"The <coordinates> on line {node.line} of {where} hold {chunk!r}; "
                "expected lon,lat (or lon,lat,altitude) tuples separated by spaces.",
                path=where,
                line=node.line,
                field="coordinates",
            )
        out.append(
            (
                _degrees(values[0], "lon", node, where),
                _degrees(values[1], "lat", node, where),
            )
        )
    return out


def _ring_of(boundary: _Node | None, where: str) -> list[_LonLat]:
    ring = None if boundary is None else boundary.child("LinearRing")
    return _kml_coordinates(None if ring is None else ring.child("coordinates"), where)


def _kml(root: _Node, where: str) -> _Shapes:
    found = _Shapes()
    for node in root.walk():
        if node.name in ("when", "begin", "end"):  # gx:Track, TimeStamp, TimeSpan
            found.stamps.append(node.text)
        if node.name == "Point":
            found.points.extend(_kml_coordinates(node.child("coordinates"), where))
        elif node.name == "LineString":
            found.add_line(_kml_coordinates(node.child("coordinates"), where))
        elif node.name == "Track":  # gx:Track, as GPS apps export a track
            coords = [c for c in node.named("coord") if c.text.strip()]
            track = []
            for c in coords:
                values = c.text.split()
                track.append(
                    (
                        _degrees(values[0], "lon", c, where),
                        _degrees(
                            values[1] if len(values) > 1 else None, "lat", c, where
                        ),
                    )
                )
            found.add_line(track)
        elif node.name == "Polygon":
            outer = _ring_of(node.child("outerBoundaryIs"), where)
            holes = [_ring_of(b, where) for b in node.named("innerBoundaryIs")]
            found.polygons.append([outer, *[h for h in holes if h]])
    return found


def _geometry(found: _Shapes, where: str, names: FileNames) -> Geometry:
    """One search's geometry from what the file holds (see the module notes)."""
    what = f"the {{}} in {where}"
    if found.polygons and found.lines:
        raise InputError(
            f"{where} holds both areas (polygons) and tracks (lines): record them "
            f"as two searches, one file each (the tracks with {names.buffer}).",
            path=where,
        )
    shapes = found.polygons or found.lines
    n, n_single = len(found.points), len(found.single)
    said = " and ".join(
        text
        for count, text in (
            (n, f"{n} point{'s' if n > 1 else ''} (waypoint{'s' if n > 1 else ''})"),
            (n_single, f"{n_single} track segment{'s' if n_single > 1 else ''} "
                       "of one point"),
        )
        if count
    )  # fmt: skip
    if shapes and said:
        warnings.warn(
            f"{said} of {where} {'are' if n + n_single > 1 else 'is'} not read: "
            f"marks beside the {'areas' if found.polygons else 'track'}, not "
            "ground covered.",
            EvidenceWarning,
            stacklevel=3,
        )
    if not shapes and n + n_single == 1:  # a lone fix, as a lone waypoint
        return from_geojson(
            {"type": "Point", "coordinates": list((found.points + found.single)[0])},
            what=what.format("point"),
        )
    if found.polygons:
        return from_geojson(
            {"type": "MultiPolygon", "coordinates": found.polygons},
            what=what.format("areas"),
        )
    if found.lines:
        return from_geojson(
            {"type": "MultiLineString", "coordinates": found.lines},
            what=what.format("track"),
        )
    if said:
        raise InputError(
            f"{where} holds {said} and no track or area: one search has one "
            f"shape. Record a point with {names.point}, or give the track the "
            "team walked.",
            path=where,
        )
    raise InputError(
        f"{where} holds no track, route, waypoint or area (GPX trk, rte, wpt; KML "
        "LineString, gx:Track, Polygon, Point).",
        path=where,
    )


def read_gps_file(
    path: PathLike,
    *,
    kind: Literal["gpx", "kml"] | None = None,
    where: str | None = None,
    names: FileNames = CLI_NAMES,
) -> Geometry:
    """The searched ground in a GPX or KML file, as one geometry.

    Parameters
    ----------
    path : str or os.PathLike
        The file.
    kind : {"gpx", "kml"} or None, default None
        Its format; None: by its root element (``<gpx>`` or ``<kml>``).
    where : str or None, default None
        How messages name the file (an upload's name, not the temporary file
        it was saved as); None: ``path``.
    names : FileNames, default CLI_NAMES
        How messages name the inputs that go with the file.

    Returns
    -------
    Point, Line or Area
        A track (or, in a file without one, its routes) as a
        :class:`~geosleuth.geometry.Line`, one part per segment; polygons as an
        :class:`~geosleuth.geometry.Area`; a lone waypoint as a
        :class:`~geosleuth.geometry.Point`. :func:`read_search_ground` gives
        the span of its times with it.

    Raises
    ------
    InputError
        If the file cannot be read, is not well-formed XML, declares a document
        type, is neither GPX nor KML, has a coordinate out of range (the line
        named), or holds no shape, several points only, or lines and polygons
        together.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "walk.gpx"
    >>> _ = p.write_text('<gpx xmlns="http://www.topografix.com/GPX/1/1"><trk>'
    ...                  '<trkseg><trkpt lat="44.49" lon="11.34"/>'
    ...                  '<trkpt lat="44.50" lon="11.35"/></trkseg></trk></gpx>')
    >>> read_gps_file(p).to_geojson()
    {'type': 'LineString', 'coordinates': [[11.34, 44.49], [11.35, 44.5]]}
    >>> _ = p.write_text('<!DOCTYPE gpx [<!ENTITY a "b">]><gpx/>')
    >>> read_gps_file(p)
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: ...walk.gpx declares a document type (<!DOCTYPE...
    """
    return _read_gps(path, kind=kind, where=where, names=names).geometry


def _read_gps(
    path: PathLike,
    *,
    kind: Literal["gpx", "kml"] | None,
    where: str | None,
    names: FileNames,
) -> SearchGround:
    """:func:`read_gps_file`, with the span of the times of what it read."""
    where = str(path) if where is None else where
    try:
        size = Path(path).stat().st_size
        if size > _MAX_BYTES:
            raise InputError(
                f"{where} is {size / 1e6:,.0f} MB; GPS files of up to "
                f"{_MAX_BYTES / 1e6:,.0f} MB are read. Split the track.",
                path=where,
            )
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(
            f"Cannot read {where} ({exc.strerror or exc}).", path=where
        ) from None
    root = _parse_xml(data, where)
    found_kind = root.name.lower()
    if found_kind not in ("gpx", "kml") or (kind is not None and kind != found_kind):
        expected = "a GPX or KML file" if kind is None else f"a {kind.upper()} file"
        raise InputError(
            f"{where} is not {expected}: its root element is <{root.name}>, not "
            f"{'<gpx> or <kml>' if kind is None else f'<{kind}>'}.",
            path=where,
            line=root.line,
        )
    found = _gpx(root, where) if found_kind == "gpx" else _kml(root, where)
    _routes(found, where)
    return SearchGround(_geometry(found, where, names), _span(found.stamps))


def _union_of_features(obj: dict[str, Any], path: str, names: FileNames) -> Geometry:
    """The searched area of a GeoJSON FeatureCollection: its features' union.

    The polygons of every feature make one area, or the lines of every feature
    one track (searched within ``--buffer-km`` of it). A collection of one
    Point (a waypoint as GPS tools export it) is that point. Several points, and
    polygons mixed with lines, are refused: one search has one shape and one
    buffer.
    """
    feats = obj.get("features")
    if not isinstance(feats, list) or not feats:
        raise InputError(
            f"The FeatureCollection in {path} has no features: a list of polygon or "
            "line features was expected.",
            path=path,
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
                f"searched track (its lines). Record a point apart, with "
                f"{names.point}.",
                path=path,
                field=f"features[{i}]",
            )
    if polygons and parts:
        raise InputError(
            f"The FeatureCollection in {path} holds both polygons and lines: record "
            f"them as two searches, one file each (the lines with {names.buffer}).",
            path=path,
            field="features",
        )
    return Area(tuple(polygons)) if polygons else Line(tuple(parts))


def is_gps_file(path: PathLike, *, where: str | None = None) -> bool:
    """Whether ``path`` is a GPX or KML file: by its name, else by its XML start.

    A team's GPS unit gives back GPX (review 39, L3); a file named otherwise
    whose first character is ``<`` is XML, not GeoJSON, and is read as GPS too.
    ``where`` is the name it goes by (an upload's), if not ``path``'s own.
    """
    name = Path(path if where is None else where)
    if name.suffix.lower() in GPS_SUFFIXES:
        return True
    try:
        with Path(path).open("rb") as handle:
            head = handle.read(512)
    except OSError:
        return False
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def read_search_ground(
    path: PathLike, *, where: str | None = None, names: FileNames = CLI_NAMES
) -> SearchGround:
    """The ground a search covered, from a GeoJSON, GPX or KML file, and its times.

    What ``geosleuth searched --geojson`` reads, and the service's uploaded
    ``gps`` file: a GPX or KML file (:func:`is_gps_file`) as
    :func:`read_gps_file` reads it; else GeoJSON, a geometry, a Feature or a
    FeatureCollection (its polygons as one area, or its lines as one track;
    a UTF-8 byte-order mark, as some Windows tools write, is allowed). A
    polygon that encloses no area (one point thrice) is refused: recorded, it
    could never count.

    The span is that of the times the points read carry (GPX ``<time>``; KML
    ``<when>``, ``TimeStamp``, ``TimeSpan``); None for GeoJSON, and for a file
    whose points carry none. :func:`time_notes` sets it against the search's
    date and time. ``gps`` says whether the file was read as GPX or KML.

    Parameters
    ----------
    path : str or os.PathLike
        The file.
    where : str or None, default None
        How messages name it (an upload's name); None: ``path``.
    names : FileNames, default CLI_NAMES
        How messages name the inputs that go with the file (the command's
        options, or the service's fields).

    Raises
    ------
    InputError
        If it cannot be read, or holds no shape that one search can be.
    """
    where = str(path) if where is None else where
    gps = is_gps_file(path, where=where)
    span: TimeSpan | None = None
    if gps:
        read = _read_gps(path, kind=None, where=where, names=names)
        geom, span = read.geometry, read.span
    else:
        try:
            obj = read_json(Path(path).read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(
                f"Cannot read GeoJSON from {where}: {exc}. {names.option} takes a "
                "GeoJSON file, or a GPX or KML file (named .gpx or .kml).",
                path=where,
            ) from None
        if isinstance(obj, dict) and obj.get("type") == "FeatureCollection":
            geom = _union_of_features(obj, where, names)
        else:
            if isinstance(obj, dict) and obj.get("type") == "Feature":
                obj = obj.get("geometry")
            geom = from_geojson(obj, what=f"geometry in {where}")
    if isinstance(geom, Area):
        try:
            geom.check_encloses()
        except InputError as exc:
            raise InputError(
                f"The {'file' if gps else 'GeoJSON'} {where}: {exc.message}",
                path=where,
            ) from None
    return SearchGround(geom, span, gps)


def time_notes(
    where: str,
    span: TimeSpan | None,
    day: dt.date,
    clock: dt.time | None,
    names: FileNames = CLI_NAMES,
) -> tuple[list[str], list[str]]:
    """What a GPS file's times say of the search's date and time: warnings, notes.

    A file whose times all fall on another day than ``day`` (the search's
    date) is warned of, naming its span (review r211, M6: a track stamped
    2025-03-04 recorded on 03-05 with no comment). One whose times end on
    ``day`` while the search has no time of day (``clock`` None) gets a note:
    its time could be given, the file's end in the case's clock. The file's
    times are in UTC (GPX's always are), and the case's clock is its own: no
    time zone is guessed, and nothing recorded is changed.

    Examples
    --------
    >>> span = TimeSpan(dt.datetime(2025, 3, 4, 19, 5), dt.datetime(2025, 3, 4, 19, 40),
    ...                 True)
    >>> warned, _ = time_notes("t.gpx", span, dt.date(2025, 3, 5), None)
    >>> warned[0][:72]
    'The times in t.gpx run 2025-03-04 19:05 to 19:40 UTC, not on --date 2025'
    >>> _, noted = time_notes("t.gpx", span, dt.date(2025, 3, 4), None)
    >>> "--time 19:40" in noted[0]
    True
    >>> time_notes("t.gpx", span, dt.date(2025, 3, 4), dt.time(19, 40))
    ([], [])
    """
    if span is None:
        return [], []
    first, last = span.first.date(), span.last.date()
    if not first <= day <= last:
        near = (
            " (In the case's clock, some hours off UTC, they may fall on that day.)"
            if span.utc and min(abs((day - first).days), abs((day - last).days)) == 1
            else ""
        )
        return [
            f"The times in {where} run {span.text()}, not on {names.date} "
            f"{day.isoformat()}: the search is recorded on {day.isoformat()} as "
            f"given; check {names.date}.{near}"
        ], []
    if clock is not None or last != day:
        return [], []
    return [], [
        f"The times in {where} run {span.text()}: the search's time could be given "
        f"as {names.time} {span.last:%H:%M}, its end, written in the case's clock "
        f"({'the file is in UTC' if span.utc else 'the file gives no time zone'}; "
        "the case's time zone is not known here). It is recorded without one."
    ]


def single_point_note(where: str, point: Point, buffer_km: float) -> str:
    """The warning of a GPS file of one point, recorded as a point searched.

    A track of one fix is most often a recording that broke off, and a point
    searched is far less than a track walked (review r105, L7).

    >>> single_point_note("a.gpx", Point(11.34, 44.49), 0.1)[:38]
    'a.gpx holds a single point (11.34,44.4'
    """
    return (
        f"{where} holds a single point ({point.lon},{point.lat}): a waypoint, or "
        "a track of one fix, as a recording that broke off leaves. It is recorded "
        f"as a point searched within {buffer_km:g} km of it. If the team walked a "
        "track, check the file holds it."
    )


#: A track of more points than this is thinned before it is written to the
#: case file (:func:`thin_track`); a hand-drawn one of a few points is written
#: as given.
THIN_ABOVE = 1000
#: How far a thinned track may lie from the track recorded, as a share of the
#: smaller of its buffer and a cell: 2.5 m for a 50 m buffer, under a GPS
#: fix's own error (about 5 m), where the jitter of a 1 s log lies.
THIN_TOLERANCE = 0.05


def _plane_km(part: Any, lon0: float, lat0: float) -> Any:
    """``part``'s [lon, lat] in km on a plane around (lon0, lat0) (equirectangular).

    Good to a few per cent over the tens of km a team walks: enough to measure
    a thinning tolerance by, never a figure of the map.
    """
    import numpy as np

    dlon = (part[:, 0] - lon0 + 180.0) % 360.0 - 180.0
    x = dlon * math.cos(math.radians(lat0)) * 111.32
    y = (part[:, 1] - lat0) * 110.574
    return np.column_stack([x, y])


def thin_track(
    geom: Geometry, buffer_km: float, cell_km: float, where: str
) -> tuple[Geometry, str | None]:
    """A long GPS track thinned before it is written, and what was said of it.

    A 1 s log of a day is 40,000 points: written whole it took 13.5 s to record
    and 2 MB of case file (review r211, L7). A :class:`Line` of more than
    :data:`THIN_ABOVE` points is thinned (Douglas-Peucker, keeping points of
    the track as recorded) to within :data:`THIN_TOLERANCE` (5 %) of the
    smaller of its buffer and a cell: well under the buffer, and for a buffer
    of 50 m under a GPS fix's own error. (The buffering simplifies it again,
    to within :data:`~geosleuth.geometry.TRACK_TOLERANCE`, 2 %.) Anything
    else is returned as given, with None.

    Examples
    --------
    >>> import numpy as np
    >>> lon = np.linspace(11.0, 11.1, 2001)
    >>> walk = Line((np.column_stack([lon, 44.0 + 1e-7 * np.sin(lon * 900)]),))
    >>> thin, said = thin_track(walk, 0.05, 0.1, "walk.gpx")
    >>> len(thin.parts[0]) < 100, said[:43]
    (True, 'The track of walk.gpx, 2,001 points, is wri')
    >>> thin_track(Line.of([[11.0, 44.0], [11.1, 44.0]]), 0.05, 0.1, "x")[1] is None
    True
    """
    import shapely

    if not isinstance(geom, Line) or not buffer_km > 0:
        return geom, None
    n = sum(len(part) for part in geom.parts)
    if n <= THIN_ABOVE:
        return geom, None
    tol = THIN_TOLERANCE * min(buffer_km, cell_km)
    lon0, lat0 = (float(v) for v in geom.parts[0][0])
    parts = []
    for part in geom.parts:
        plane = _plane_km(part, lon0, lat0)
        kept = shapely.get_coordinates(
            shapely.simplify(shapely.LineString(plane), tol, preserve_topology=False)
        )
        index = {(float(x), float(y)): i for i, (x, y) in enumerate(plane)}
        rows = sorted({index[(float(x), float(y))] for x, y in kept})
        # a loop thinned to its two ends (start and end at one point) stays whole
        thin = part[rows] if len({tuple(part[i]) for i in rows}) >= 2 else part
        parts.append(thin)
    m = sum(len(part) for part in parts)
    return Line(tuple(parts)), (
        f"The track of {where}, {n:,} points, is written as {m:,} of them, "
        f"within {tol * 1000.0:.2g} m of it (5 % of the smaller of its buffer, "
        f"{buffer_km:g} km, and a cell, {cell_km:g} km)."
    )
