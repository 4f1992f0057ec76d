"""GPS files: what a search team's unit gives back (GPX, KML), as one geometry.

A team sent out with the plan's GPX or KML comes back with a GPX track (or a
KML one); ``geosleuth searched`` records it as the ground covered. What is read:

=====  ============================================================================
GPX    ``trk`` (each ``trkseg`` a part of one line; a ``trk`` of type
       ``boundary``, as ``geosleuth plan`` writes an area's outline, a polygon),
       ``rte`` (a line), ``wpt`` (a point)
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

The XML is parsed with the standard library's expat, refusing any document type
declaration (``<!DOCTYPE``), so no entity can be declared, let alone expanded.

:func:`read_search_file` reads what a search's file may be, GeoJSON, GPX or KML:
``geosleuth searched --geojson`` and the service's uploaded ``gps`` file both
read it there, and :func:`single_point_note` says the same of a file of one
point.
"""

from __future__ import annotations

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
from geosleuth.geometry import Area, Geometry, Line, Point, from_geojson

__all__ = [
    "GPS_SUFFIXES",
    "is_gps_file",
    "read_gps_file",
    "read_search_file",
    "single_point_note",
]

#: File name endings read as GPS files (case-insensitive).
GPS_SUFFIXES: tuple[str, ...] = (".gpx", ".kml")
#: The largest GPS file read (bytes): a day's track at one point a second is
#: about 5 MB.
_MAX_BYTES = 64 * 1024 * 1024

_LonLat = tuple[float, float]


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

    def add_line(self, line: list[_LonLat]) -> None:
        if len(line) == 1:
            self.single.extend(line)
        elif line:
            self.lines.append(line)


def _gpx(root: _Node, where: str) -> _Shapes:
    found = _Shapes()
    found.points.extend(_gpx_point(w, where) for w in root.named("wpt"))
    for trk in root.named("trk"):
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
    for rte in root.named("rte"):
        found.add_line([_gpx_point(p, where) for p in rte.named("rtept")])
    return found


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


def _geometry(found: _Shapes, where: str) -> Geometry:
    """One search's geometry from what the file holds (see the module notes)."""
    what = f"the {{}} in {where}"
    if found.polygons and found.lines:
        raise InputError(
            f"{where} holds both areas (polygons) and tracks (lines): record them "
            "as two searches, one file each (the tracks with --buffer-km).",
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
            "shape. Record a point with --point LON,LAT and --radius-km, or give "
            "the track the team walked.",
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

    Returns
    -------
    Point, Line or Area
        A track (and routes) as a :class:`~geosleuth.geometry.Line`, one part per
        segment; polygons as an :class:`~geosleuth.geometry.Area`; a lone
        waypoint as a :class:`~geosleuth.geometry.Point`.

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
    return _geometry(found, where)


def _union_of_features(obj: dict[str, Any], path: str) -> Geometry:
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
                "searched track (its lines). Record a point apart, with --point "
                "LON,LAT and --radius-km.",
                path=path,
                field=f"features[{i}]",
            )
    if polygons and parts:
        raise InputError(
            f"The FeatureCollection in {path} holds both polygons and lines: record "
            "them as two searches, one file each (the lines with --radius-km).",
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


def read_search_file(
    path: PathLike, *, where: str | None = None, option: str = "--geojson"
) -> Geometry:
    """The ground a search covered, from a GeoJSON, GPX or KML file.

    What ``geosleuth searched --geojson`` reads, and the service's uploaded
    ``gps`` file: a GPX or KML file (:func:`is_gps_file`) as
    :func:`read_gps_file` reads it; else GeoJSON, a geometry, a Feature or a
    FeatureCollection (its polygons as one area, or its lines as one track;
    a UTF-8 byte-order mark, as some Windows tools write, is allowed). A
    polygon that encloses no area (one point thrice) is refused: recorded, it
    could never count.

    Parameters
    ----------
    path : str or os.PathLike
        The file.
    where : str or None, default None
        How messages name it (an upload's name); None: ``path``.
    option : str, default "--geojson"
        How messages name the input that takes the file.

    Raises
    ------
    InputError
        If it cannot be read, or holds no shape that one search can be.
    """
    where = str(path) if where is None else where
    gps = is_gps_file(path, where=where)
    if gps:
        geom = read_gps_file(path, where=where)
    else:
        try:
            obj = read_json(Path(path).read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(
                f"Cannot read GeoJSON from {where}: {exc}. {option} takes a GeoJSON "
                "file, or a GPX or KML file (named .gpx or .kml).",
                path=where,
            ) from None
        if isinstance(obj, dict) and obj.get("type") == "FeatureCollection":
            geom = _union_of_features(obj, where)
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
    return geom


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
