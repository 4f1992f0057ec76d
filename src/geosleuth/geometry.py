"""Places as geometry: points, lines and areas in WGS84, and distances to grid cells.

Three shapes cover what reports describe:

- :class:`Point` — a town, a last-known point;
- :class:`Line` — a river, a border, a road (one or more polylines);
- :class:`Area` — a province, a controlled pocket, a searched box (one or more
  polygons, each an exterior ring and optional holes).

Any of them with ``buffer_km`` gives the region "within that distance of it": "along
the Euphrates" is a :class:`Line` with a buffer, "near Hajin" a :class:`Point` with one.
Coordinates are ``(lon, lat)`` in degrees, as in GeoJSON; arrays are read-only.

The module is pure numpy: :func:`distance_km` measures, for every cell centre of a
:class:`~geosleuth.grid.Grid`, the planar distance (km, in the grid's equal-area
plane) to a geometry, zero inside an area. It works edge by edge, vectorised over
cells, so its cost is ``O(n_cells × n_vertices)``; simplify large shapes first.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeAlias

import numpy as np

from geosleuth._types import FloatArray
from geosleuth.errors import InputError
from geosleuth.grid import Grid, unwrap_lon

__all__ = [
    "Area",
    "Geometry",
    "Line",
    "Point",
    "coverage",
    "covers_any",
    "cut_at_antimeridian",
    "distance_km",
    "from_geojson",
    "haversine_km",
    "inside",
    "swap_lonlat",
    "to_geojson",
]

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lon1: Any, lat1: Any, lon2: Any, lat2: Any) -> FloatArray:
    """Great-circle distance in km on the mean-radius sphere (6371.0088 km).

    Broadcasts its arguments; NaN input gives NaN.

    Examples
    --------
    >>> round(float(haversine_km(0, 0, 1, 0)), 3)
    111.195
    >>> bool(np.isnan(haversine_km(0, float("nan"), 1, 0)))
    True
    """
    lo1, la1, lo2, la2 = (
        np.radians(np.asarray(v, dtype=np.float64)) for v in (lon1, lat1, lon2, lat2)
    )
    a = (
        np.sin((la2 - la1) / 2) ** 2
        + np.cos(la1) * np.cos(la2) * np.sin((lo2 - lo1) / 2) ** 2
    )
    return np.asarray(2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1))))


def _is_number(value: Any) -> bool:
    """Whether ``value`` is a real number (``bool`` and numeric strings are not)."""
    return isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))


def _is_list(value: Any) -> bool:
    """Whether ``value`` is a list-like of items (not a string or a mapping)."""
    return isinstance(value, (Sequence, np.ndarray)) and not isinstance(
        value, (str, bytes)
    )


_MAX_POSITION_LEN = 4
"""Most values in a GeoJSON position read: lon, lat, an elevation and a measure."""


def _is_position(value: Any) -> bool:
    """Whether ``value`` is a GeoJSON position: ``[lon, lat]``, then up to 2 more.

    The values after lon and lat (an elevation, then a time or measure) are
    numbers too, and are dropped by the readers.

    Examples
    --------
    >>> _is_position([-4.05, 53.07]), _is_position([-4.05, 53.07, 900, 0])
    (True, True)
    >>> _is_position([-4.05]), _is_position([-4.05, "53.07"])
    (False, False)
    """
    return (
        _is_list(value)
        and 2 <= len(value) <= _MAX_POSITION_LEN
        and all(_is_number(v) for v in value)
    )


def _coords(value: Any, what: str, *, min_len: int) -> FloatArray:
    """Validate ``[[lon, lat], ...]`` and return it as a read-only float64 array.

    A point may carry an elevation after its lon and lat (``[lon, lat, z]``, as
    RFC 7946 allows and GPS tracks have), and one more value (a time or a
    measure, ``[lon, lat, z, m]``): they are dropped. Ragged, non-numeric,
    non-finite and out-of-range input raises :class:`InputError` naming the
    first bad point; nothing else escapes.

    Examples
    --------
    >>> _coords([[-4.07, 53.07, 900.5], [-4.06, 53.08]], "line", min_len=2).tolist()
    [[-4.07, 53.07], [-4.06, 53.08]]
    """
    if isinstance(value, np.ndarray) and value.dtype.kind in "iuf":
        arr = np.array(value, dtype=np.float64)
        if arr.ndim == 2 and 2 < arr.shape[1] <= _MAX_POSITION_LEN:
            arr = np.ascontiguousarray(arr[:, :2])
        if arr.ndim != 2 or arr.shape[1] != 2:
            raise InputError(
                f"The {what} must be a list of [lon, lat] pairs. Got an array of "
                f"shape {arr.shape} instead.",
                field=what,
            )
    else:
        if not _is_list(value):
            raise InputError(
                f"The {what} must be a list of [lon, lat] pairs. Got {_short(value)} "
                "instead.",
                field=what,
            )
        for i, pt in enumerate(value):
            if not _is_position(pt):
                raise InputError(
                    f"Point {i + 1} of the {what} must be a [lon, lat] pair of "
                    f"numbers (an elevation may follow). Got {_short(pt)} instead.",
                    field=what,
                )
        try:
            arr = np.array([pt[:2] for pt in value], dtype=np.float64).reshape(-1, 2)
        except OverflowError:
            raise InputError(
                f"The {what} has a coordinate too large to be a number of degrees. "
                f"Got {_short(value)} instead.",
                field=what,
            ) from None
    if arr.shape[0] < min_len:
        raise InputError(
            f"The {what} must be a list of at least {min_len} [lon, lat] pairs. Got "
            f"{arr.shape[0]} instead.",
            field=what,
        )
    _check_lonlat(arr[:, 0], arr[:, 1], what)
    arr.setflags(write=False)
    return arr


def _check_lonlat(lons: FloatArray, lats: FloatArray, what: str) -> None:
    def who(bad: np.ndarray) -> str:
        if len(lons) == 1:
            return f"The {what}"
        return f"Point {int(np.argmax(bad)) + 1} of the {what}"

    finite = np.isfinite(lons) & np.isfinite(lats)
    if not np.all(finite):
        raise InputError(
            f"{who(~finite)} has a coordinate that is not a finite number (NaN or "
            "infinite). Give every lon and lat as a number.",
            field=what,
        )
    out = (np.abs(lons) > 180) | (np.abs(lats) > 90)
    if np.any(out):
        raise InputError(
            f"{who(out)} has a coordinate out of range: longitudes must lie in "
            "-180..180 and latitudes in -90..90 (order is [lon, lat]).",
            field=what,
        )


@dataclass(frozen=True, slots=True)
class Point:
    """A point, ``(lon, lat)`` in degrees.

    Examples
    --------
    >>> Point(40.83, 34.69).to_geojson()
    {'type': 'Point', 'coordinates': [40.83, 34.69]}
    >>> Point(float("nan"), 1.0)
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: The point has a coordinate that is not a finite ...
    """

    lon: float
    lat: float

    def __post_init__(self) -> None:
        for name in ("lon", "lat"):
            value = getattr(self, name)
            if not _is_number(value):
                raise InputError(
                    f"The point's {name!r} must be a number of degrees. Got "
                    f"{_short(value)} instead.",
                    field=name,
                )
            try:
                object.__setattr__(self, name, float(value))
            except OverflowError:
                raise InputError(
                    f"The point's {name!r} is too large to be a number of degrees. "
                    f"Got {_short(value)} instead.",
                    field=name,
                ) from None
        _check_lonlat(
            np.array([self.lon], dtype=np.float64),
            np.array([self.lat], dtype=np.float64),
            "point",
        )

    kind: Literal["point"] = field(default="point", init=False, repr=False)

    def to_geojson(self) -> dict[str, Any]:
        """GeoJSON geometry."""
        return {"type": "Point", "coordinates": [self.lon, self.lat]}

    def representative(self) -> tuple[float, float]:
        """A ``(lon, lat)`` that stands for the shape on a map."""
        return (self.lon, self.lat)


@dataclass(frozen=True, slots=True)
class Line:
    """One or more polylines; each part an array of shape ``(n, 2)``, n ≥ 2.

    Examples
    --------
    >>> river = Line.of([[40.14, 35.34], [40.45, 35.02], [40.83, 34.70]])
    >>> river.to_geojson()["type"], river.representative()
    ('LineString', (40.45, 35.02))
    >>> Line.of([[40.0, 35.0]])
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: The line must be a list of at least 2 [lon, lat] ...
    """

    parts: tuple[FloatArray, ...]
    kind: Literal["line"] = field(default="line", init=False, repr=False)

    def __post_init__(self) -> None:
        if not _is_list(self.parts) or len(self.parts) == 0:
            raise InputError(
                "A line needs a tuple of one or more parts, each a list of [lon, "
                f"lat] pairs. Got {_short(self.parts)} instead.",
                field="line",
            )
        fixed = tuple(_coords(p, "line", min_len=2) for p in self.parts)
        object.__setattr__(self, "parts", fixed)

    @classmethod
    def of(cls, coords: Sequence[Sequence[float]]) -> Line:
        """A single polyline from ``[[lon, lat], ...]``.

        Raises
        ------
        InputError
            If ``coords`` is not a list of at least 2 ``[lon, lat]`` number pairs
            (ragged, non-numeric, NaN, infinite or out of range).
        """
        return cls((_coords(coords, "line", min_len=2),))

    def to_geojson(self) -> dict[str, Any]:
        """GeoJSON geometry (LineString or MultiLineString)."""
        if len(self.parts) == 1:
            return {"type": "LineString", "coordinates": self.parts[0].tolist()}
        return {
            "type": "MultiLineString",
            "coordinates": [p.tolist() for p in self.parts],
        }

    def representative(self) -> tuple[float, float]:
        """The middle vertex of the longest part."""
        part = max(self.parts, key=len)
        lon, lat = part[len(part) // 2]
        return (float(lon), float(lat))


def _flat(ring: FloatArray) -> bool:
    """Whether a ring encloses no area: one point, or points on one line.

    Its shoelace area is at most a billionth of the square of its extent (a
    sliver a billionth as wide as long is a line written with rounded numbers).

    Examples
    --------
    >>> _flat(np.array([[1.0, 2.0], [1.0, 2.0], [1.0, 2.0]]))
    True
    >>> _flat(np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]]))
    True
    >>> _flat(np.array([[0.0, 0.0], [1e-5, 0.0], [1e-5, 1e-5]]))  # a metre
    False
    """
    x = ring[:, 0] - ring[0, 0]
    y = ring[:, 1] - ring[0, 1]
    twice = abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))))
    extent = max(float(np.ptp(x)), float(np.ptp(y)))
    return extent == 0.0 or twice <= 2e-9 * extent * extent


#: How far (km) an edge of a typed box (:meth:`Area.checked_box`) may stray
#: from the parallel or meridian it stands for: the grid joins a polygon's
#: positions by straight lines in its equal-area plane, where a parallel is
#: curved (:func:`_box_ring`).
_BOX_TOLERANCE_KM = 0.001
#: The longest piece (km) of a typed box's edge: a meridian away from the
#: grid's centre is curved in its plane too, if less (28 m over 220 km, 250 km
#: from the centre).
_BOX_PIECE_KM = 10.0


def _box_pieces(length_km: float, lat: float | None) -> int:
    """Into how many pieces a box's edge of ``length_km`` is cut.

    ``lat`` is the latitude of a parallel (None: a meridian). A parallel at
    latitude φ bends from the great circle through its ends by about
    ``L² tan|φ| / 8R`` over a piece of length L (R the Earth's radius), and
    the grid's plane draws a great circle nearly straight: a piece at most
    ``sqrt(8 R tol / tan|φ|)`` long strays at most ``tol``
    (:data:`_BOX_TOLERANCE_KM`); no piece is longer than :data:`_BOX_PIECE_KM`.

    >>> _box_pieces(1.7, 40.3), _box_pieces(170.0, 40.0), _box_pieces(50.0, None)
    (1, 22, 5)
    """
    step = _BOX_PIECE_KM
    if lat is not None:
        bend = math.tan(math.radians(min(abs(lat), 89.0)))
        if bend > 0:
            step = min(
                step, math.sqrt(8.0 * EARTH_RADIUS_KM * _BOX_TOLERANCE_KM / bend)
            )
    return max(1, math.ceil(length_km / step))


def _box_ring(west: float, south: float, east: float, north: float) -> FloatArray:
    """The closed ring of a box (``west < east``), each edge cut as it needs.

    The grid joins positions by straight lines in its equal-area plane, where
    a parallel bends (0.05 m over 1.7 km at 40°N, 485 m over 170 km): each
    edge is cut into the fewest pieces that keep it within 1 m of its parallel
    or meridian (:func:`_box_pieces`), so a box of a few km is its four
    corners, written so into a case file (review r105, L6: :meth:`Area.box`
    cuts each edge in 32, and a 2 km box was 130 positions, each corner twice).

    >>> _box_ring(-105.67, 40.305, -105.65, 40.315).tolist()
    [[-105.67, 40.305], [-105.65, 40.305], [-105.65, 40.315], [-105.67, 40.315], \
[-105.67, 40.305]]
    """
    corners = [(west, south), (east, south), (east, north), (west, north)]
    ring: list[tuple[float, float]] = []
    for k, (lon0, lat0) in enumerate(corners):
        lon1, lat1 = corners[(k + 1) % 4]
        if lat0 == lat1:  # a parallel
            km = EARTH_RADIUS_KM * math.radians(abs(lon1 - lon0))
            pieces = _box_pieces(km * math.cos(math.radians(lat0)), lat0)
        else:  # a meridian
            km = EARTH_RADIUS_KM * math.radians(abs(lat1 - lat0))
            pieces = _box_pieces(km, None)
        ring.extend(
            (lon0 + (lon1 - lon0) * j / pieces, lat0 + (lat1 - lat0) * j / pieces)
            for j in range(pieces)
        )
    ring.append(corners[0])
    return np.array(ring, dtype=np.float64)


@dataclass(frozen=True, slots=True)
class Area:
    """One or more polygons; each polygon a tuple of rings (exterior first, holes).

    Rings are arrays of shape ``(n, 2)`` with n ≥ 3; closing the ring is optional.

    Examples
    --------
    >>> pocket = Area.of([[40.7, 34.6], [40.9, 34.6], [40.9, 34.8]])
    >>> gj = pocket.to_geojson()
    >>> gj["type"], gj["coordinates"][0][0] == gj["coordinates"][0][-1]  # closed
    ('Polygon', True)
    """

    polygons: tuple[tuple[FloatArray, ...], ...]
    kind: Literal["area"] = field(default="area", init=False, repr=False)

    def __post_init__(self) -> None:
        if not _is_list(self.polygons) or len(self.polygons) == 0:
            raise InputError(
                "An area needs a tuple of one or more polygons, each a tuple of "
                f"rings. Got {_short(self.polygons)} instead.",
                field="area",
            )
        fixed = []
        for poly in self.polygons:
            if not _is_list(poly) or len(poly) == 0:
                raise InputError(
                    "Each polygon of an area must be a tuple of rings, the exterior "
                    f"ring first. Got {_short(poly)} instead.",
                    field="area",
                )
            fixed.append(tuple(_coords(r, "polygon ring", min_len=3) for r in poly))
        object.__setattr__(self, "polygons", tuple(fixed))

    def check_encloses(self) -> Area:
        """``self``, or an error if some polygon encloses no area.

        For areas a user gives (a case file's place, a searched GeoJSON): three
        copies of one point, or points on a line, cover nothing, and such a
        search was left out as "outside the grid" (r28 F1). Shapes of the
        gazetteer are not checked: a sliver of a coast does no harm.

        Examples
        --------
        >>> Area.of([[1.0, 2.0], [1.0, 2.0], [1.0, 2.0]]).check_encloses()
        Traceback (most recent call last):
        ...
        geosleuth.errors.InputError: The exterior ring of a polygon must enclose ...
        """
        for poly in self.polygons:
            if _flat(poly[0]):
                raise InputError(
                    "The exterior ring of a polygon must enclose an area; its "
                    "points are all one point or lie on one line. Got "
                    f"{_short(poly[0].tolist())} instead. Give a point "
                    "(lon, lat) with a radius for a place that has no extent.",
                    field="area",
                )
        return self

    @classmethod
    def of(cls, ring: Sequence[Sequence[float]]) -> Area:
        """A single polygon without holes from ``[[lon, lat], ...]``.

        Raises
        ------
        InputError
            If ``ring`` is not a list of at least 3 ``[lon, lat]`` number pairs
            (ragged, non-numeric, NaN, infinite or out of range).
        """
        return cls(((_coords(ring, "polygon ring", min_len=3),),))

    @classmethod
    def box(cls, west: float, south: float, east: float, north: float) -> Area:
        """A lon/lat rectangle, densified so it stays a rectangle in lon/lat.

        ``west > east`` is a box across the antimeridian, as in GeoJSON.

        Examples
        --------
        >>> ring = Area.box(179.0, -17.0, -179.0, -16.0).polygons[0][0]
        >>> ring[:33:8, 0].tolist()  # the south edge, west to east
        [179.0, 179.5, 180.0, -179.5, -179.0]
        """
        if west > east:
            east += 360.0
        t = np.linspace(0.0, 1.0, 33)
        ring = np.concatenate(
            [
                np.column_stack([west + (east - west) * t, np.full_like(t, south)]),
                np.column_stack([np.full_like(t, east), south + (north - south) * t]),
                np.column_stack([east - (east - west) * t, np.full_like(t, north)]),
                np.column_stack([np.full_like(t, west), north - (north - south) * t]),
            ]
        )
        ring[:, 0] = np.where(ring[:, 0] > 180.0, ring[:, 0] - 360.0, ring[:, 0])
        return cls(((ring,),))

    @classmethod
    def checked_box(
        cls,
        west: float,
        south: float,
        east: float,
        north: float,
        *,
        name: str,
        got: str,
        field: str | None = None,
    ) -> Area:
        """:meth:`box` of a box a user typed, refused with a message if it is wrong.

        ``name`` is what the user called it (``"--box"``) and ``got`` what they
        typed, both quoted in the message; ``field`` (default ``name``) names it in
        the error. A box across the antimeridian (``west >
        east``) must be less than 180° wide: a wider one is nearly always a west
        and an east swapped. It is :meth:`box`'s ring, which puts a position on
        180°; any other box is its corners, each edge cut only where the grid's
        plane needs it (:func:`_box_ring`), so that a case file holds what was
        typed.

        Examples
        --------
        >>> Area.checked_box(-4.05, 53.06, -4.07, 53.07, name="--box", got="...")
        Traceback (most recent call last):
        ...
        geosleuth.errors.InputError: --box has west > east, which is a box across ...
        """
        if not all(math.isfinite(v) for v in (west, south, east, north)):
            raise InputError(
                f"{name} must be four numbers, WEST,SOUTH,EAST,NORTH in degrees; "
                f"'nan' and 'inf' are none. Got {got}.",
                field=field or name,
            )
        if not (west != east and south < north):
            raise InputError(
                f"{name} must have west < east (or west > east for a box across the "
                f"antimeridian, 180°) and south < north. Got {got}.",
                field=field or name,
            )
        if west > east and east + 360.0 - west >= 180.0:
            raise InputError(
                f"{name} has west > east, which is a box across the antimeridian "
                f"(180°), here {east + 360.0 - west:g}° wide: more than half the "
                f"globe. Did you swap west and east? Got {got}.",
                field=field or name,
            )
        if west > east:
            return cls.box(west, south, east, north)
        return cls(((_box_ring(west, south, east, north),),))

    def to_geojson(self) -> dict[str, Any]:
        """GeoJSON geometry (Polygon or MultiPolygon), rings closed."""
        polys = [[_closed(r).tolist() for r in poly] for poly in self.polygons]
        if len(polys) == 1:
            return {"type": "Polygon", "coordinates": polys[0]}
        return {"type": "MultiPolygon", "coordinates": polys}

    def representative(self) -> tuple[float, float]:
        """The vertex mean of the largest exterior ring (not always inside).

        Longitudes are averaged around the first vertex, so a ring across the
        antimeridian stands at its middle, not on the far side of the globe.
        """
        ext = max((poly[0] for poly in self.polygons), key=len)
        lon = float(unwrap_lon(ext[:, 0], ext[0, 0]).mean())
        lon = lon - 360.0 if lon > 180.0 else (lon + 360.0 if lon < -180.0 else lon)
        return (lon, float(ext[:, 1].mean()))


Geometry: TypeAlias = Point | Line | Area


def _closed(ring: FloatArray) -> FloatArray:
    if np.array_equal(ring[0], ring[-1]):
        return ring
    return np.vstack([ring, ring[:1]])


#: Parts of a shape cut at 180° narrower than this (degrees of longitude, about
#: 11 cm at the equator) are dropped: below GPS precision, and zero-width once
#: written with 6 decimals.
_SLIVER_DEG = 1e-6


def cut_at_antimeridian(shape: Any) -> Any:
    """A shapely geometry in continuous longitudes, cut into parts within ±180°.

    GeoJSON (RFC 7946, 3.1.9) and most GIS tools want a shape that crosses the
    antimeridian cut in two, each part with longitudes in -180..180. ``shape``
    may have longitudes past ±180 (unprojected around a centre near 180°, as
    :func:`~geosleuth.grid.unwrap_lon` gives); each 360° band of it is clipped
    and moved back by whole turns. A shape already within ±180° comes back as
    it is. Polygon parts come back with counter-clockwise exterior rings (RFC
    7946, 3.1.6; KML), and parts narrower than 1e-6° of longitude (slivers left
    by a shape that barely crosses 180°) are dropped.

    Examples
    --------
    >>> import shapely
    >>> cut = cut_at_antimeridian(shapely.box(179.0, -17.0, 181.0, -16.0))
    >>> cut.geom_type, [tuple(round(v, 6) for v in g.bounds) for g in cut.geoms]
    ('MultiPolygon', [(179.0, -17.0, 180.0, -16.0), (-180.0, -17.0, -179.0, -16.0)])
    >>> [bool(g.exterior.is_ccw) for g in cut.geoms]
    [True, True]

    A shape 1 cm past 180° keeps no sliver on the other side:

    >>> cut_at_antimeridian(shapely.box(179.0, 0.0, 180.0000001, 1.0)).bounds
    (179.0, 0.0, 180.0, 1.0)
    """
    import shapely
    import shapely.affinity

    if shape.is_empty:
        return shape
    west, _, east, _ = shape.bounds
    if west >= -180.0 and east <= 180.0:
        return shape
    parts = []
    for turn in range(
        math.floor((west + 180.0) / 360.0), math.ceil((east - 180.0) / 360.0) + 1
    ):
        shift = 360.0 * turn
        piece = shapely.clip_by_rect(shape, -180.0 + shift, -90.0, 180.0 + shift, 90.0)
        if not piece.is_empty:
            parts.append(shapely.affinity.translate(piece, xoff=-shift))
    flat: list[Any] = []
    for part in parts:
        flat.extend(getattr(part, "geoms", [part]))
    dim = int(shapely.get_dimensions(shape))
    flat = [g for g in flat if not g.is_empty and shapely.get_dimensions(g) == dim]
    if dim == 2:
        # clip_by_rect does not keep the orientation: RFC 7946 and KML want
        # exterior rings counter-clockwise (holes clockwise)
        flat = [shapely.orient_polygons(g, exterior_cw=False) for g in flat]
        # a shape that ends within a few cm of 180° leaves a sliver on the
        # other side, which rounds to a zero-width ring in any file
        wide = [g for g in flat if g.bounds[2] - g.bounds[0] >= _SLIVER_DEG]
        if wide:
            flat = wide
    kind = {0: shapely.MultiPoint, 1: shapely.MultiLineString, 2: shapely.MultiPolygon}
    return kind[dim](flat)


def from_geojson(obj: Any, *, what: str = "geometry") -> Geometry:
    """Build a geometry from a GeoJSON geometry mapping.

    Supports Point, LineString, MultiLineString, Polygon and MultiPolygon, and a
    MultiPoint of one point (read as that Point). A position may carry an
    elevation after its lon and lat, and one more value (``[lon, lat, z, m]``,
    as GPS units export them): they are dropped, for every type alike.

    Raises
    ------
    InputError
        If the mapping is not one of those, or its coordinates are invalid.

    Examples
    --------
    >>> from_geojson({"type": "Point", "coordinates": [1, 2]})
    Point(lon=1.0, lat=2.0)
    >>> from_geojson({"type": "Point", "coordinates": [-4.05, 53.07, 900]})
    Point(lon=-4.05, lat=53.07)
    >>> from_geojson({"type": "Circle"})
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: The geometry must be a GeoJSON Point, LineString, ...
    """
    if not isinstance(obj, dict) or "type" not in obj:
        raise InputError(
            f"The {what} must be a GeoJSON geometry mapping with 'type' and "
            f"'coordinates'. Got {obj!r} instead.",
            field=what,
        )
    kind = obj.get("type")
    coords: Any = obj.get("coordinates")
    if kind == "MultiPoint":
        if not _is_list(coords) or len(coords) != 1:
            got = f"{len(coords)} points" if _is_list(coords) else _short(coords)
            raise InputError(
                f"The {what} is a MultiPoint, read here as one point: it needs "
                f"coordinates [[lon, lat]]. Got {got} instead. Give a Point, or a "
                "LineString or a polygon for a track or an area.",
                field=what,
            )
        coords = coords[0]
    if kind in ("Point", "MultiPoint"):
        if not _is_position(coords):
            raise InputError(
                f"The {what} is a {kind}, which needs coordinates [lon, lat] (an "
                f"elevation may follow). Got {_short(coords)} instead.",
                field=what,
            )
        return Point(coords[0], coords[1])
    if kind == "LineString":
        return Line((_coords(coords, what, min_len=2),))
    if kind == "MultiLineString":
        _check_nested(coords, what, kind, "a list of lines")
        return Line(tuple(_coords(c, what, min_len=2) for c in coords))
    if kind in ("Polygon", "MultiPolygon"):
        polys = [coords] if kind == "Polygon" else coords
        if kind == "MultiPolygon":
            _check_nested(coords, what, kind, "a list of polygons")
        for poly in polys:
            _check_nested(poly, what, kind, "rings (a list of rings per polygon)")
        try:
            rings = tuple(
                tuple(
                    _coords(
                        r,
                        f"ring {j + 1}" + (f" of polygon {k + 1}" if k else ""),
                        min_len=3,
                    )
                    for j, r in enumerate(poly)
                )
                for k, poly in enumerate(polys)
            )
        except InputError as exc:
            raise InputError(
                f"The {what} is a {kind}, which needs rings of [lon, lat] number "
                "pairs; "
                f"{exc.message[0].lower()}{exc.message[1:]}",
                field=what,
            ) from None
        return Area(rings)
    raise InputError(
        f"The {what} must be a GeoJSON Point, LineString, MultiLineString, Polygon or "
        f"MultiPolygon. Got type {kind!r} instead.",
        field=what,
    )


def _check_nested(value: Any, what: str, kind: str, expected: str) -> None:
    if not _is_list(value) or len(value) == 0:
        raise InputError(
            f"The {what} is a {kind}, which needs coordinates as {expected} of "
            f"[lon, lat] number pairs. Got {_short(value)} instead.",
            field=what,
        )


def _short(obj: Any, limit: int = 80) -> str:
    text = repr(obj)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def to_geojson(geom: Geometry) -> dict[str, Any]:
    """GeoJSON mapping of a geometry (same as ``geom.to_geojson()``).

    Examples
    --------
    >>> to_geojson(Point(1.0, 2.0))
    {'type': 'Point', 'coordinates': [1.0, 2.0]}
    """
    return geom.to_geojson()


def swap_lonlat(geom: Geometry) -> Geometry | None:
    """``geom`` with each position's lon and lat exchanged; None if that is none.

    For a check of input written latitude first: a shape that lies far outside
    a study region but inside it swapped was most likely written ``[lat, lon]``.
    None when the exchanged shape is no geometry (a longitude beyond ±90 is no
    latitude), or no area (a ring that would enclose none).

    Examples
    --------
    >>> swap_lonlat(Point(44.4943, 11.3426))
    Point(lon=11.3426, lat=44.4943)
    >>> swap_lonlat(Point(120.0, 10.0)) is None  # 120 is no latitude
    True
    >>> swap_lonlat(Line.of([[53.07, -4.05], [53.08, -4.02]])).representative()
    (-4.02, 53.08)
    """

    def swap(coords: Any) -> Any:
        if coords and all(isinstance(v, (int, float)) for v in coords):
            return [coords[1], coords[0], *coords[2:]]
        return [swap(c) for c in coords]

    obj = to_geojson(geom)
    try:
        return from_geojson({**obj, "coordinates": swap(obj["coordinates"])})
    except InputError:
        return None


def _segments(
    geom: Line | Area, grid: Grid
) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
    """Projected segments (x1, y1, x2, y2) of a line or of every ring of an area."""
    xs1, ys1, xs2, ys2 = [], [], [], []
    rings: list[FloatArray]
    if isinstance(geom, Line):
        rings = list(geom.parts)
    else:
        rings = [_closed(r) for poly in geom.polygons for r in poly]
    for ring in rings:
        x, y = grid.lonlat_to_xy_km(ring[:, 0], ring[:, 1])
        xs1.append(x[:-1])
        ys1.append(y[:-1])
        xs2.append(x[1:])
        ys2.append(y[1:])
    return (
        np.concatenate(xs1),
        np.concatenate(ys1),
        np.concatenate(xs2),
        np.concatenate(ys2),
    )


def _dist_to_segments(
    px: FloatArray,
    py: FloatArray,
    seg: tuple[FloatArray, ...],
) -> FloatArray:
    x1, y1, x2, y2 = seg
    best = np.full(px.shape, np.inf)
    for a, b, c, d in zip(x1, y1, x2, y2, strict=True):
        dx, dy = c - a, d - b
        len2 = dx * dx + dy * dy
        if len2 == 0.0:
            dist2 = (px - a) ** 2 + (py - b) ** 2
        else:
            t = np.clip(((px - a) * dx + (py - b) * dy) / len2, 0.0, 1.0)
            dist2 = (px - a - t * dx) ** 2 + (py - b - t * dy) ** 2
        np.minimum(best, dist2, out=best)
    return np.asarray(np.sqrt(best))


def _inside_area(px: FloatArray, py: FloatArray, geom: Area, grid: Grid) -> np.ndarray:
    """Even-odd point-in-polygon over all rings (holes toggle back out)."""
    result = np.zeros(px.shape, dtype=bool)
    for poly in geom.polygons:
        inside_poly = np.zeros(px.shape, dtype=bool)
        for ring in poly:
            r = _closed(ring)
            x, y = grid.lonlat_to_xy_km(r[:, 0], r[:, 1])
            for a, b, c, d in zip(x[:-1], y[:-1], x[1:], y[1:], strict=True):
                if b == d:
                    continue
                crosses = (b > py) != (d > py)
                with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
                    xint = a + (py - b) * (c - a) / (d - b)
                inside_poly ^= crosses & (px < xint)
        result |= inside_poly
    return result


def inside(geom: Geometry, grid: Grid) -> np.ndarray:
    """Boolean mask of the cells whose centre lies inside an area.

    Points and lines have no inside: the mask is all False.

    Examples
    --------
    >>> g = Grid.around(0.0, 0.0, radius_km=50.0, cell_km=1.0)
    >>> m = inside(Area.box(-0.1, -0.1, 0.1, 0.1), g)
    >>> int(m.sum())  # about 22.3 km x 22.1 km
    484
    """
    px, py = grid.cell_xy_km()
    if not isinstance(geom, Area):
        return np.zeros(px.shape, dtype=bool)
    return _inside_area(px, py, geom, grid)


def _plane_shape(geom: Geometry, grid: Grid, buffer_km: float) -> Any:
    """The geometry in the grid's plane as a shapely shape, grown by ``buffer_km``."""
    import shapely

    if isinstance(geom, Point):
        x, y = grid.lonlat_to_xy_km(geom.lon, geom.lat)
        shape = shapely.Point(float(x), float(y))
    elif isinstance(geom, Line):
        parts = []
        for part in geom.parts:
            x, y = grid.lonlat_to_xy_km(part[:, 0], part[:, 1])
            parts.append(np.column_stack([x, y]))
        shape = shapely.MultiLineString(parts)
        if buffer_km > 0:
            # a GPS track of tens of thousands of points buffers in minutes;
            # moved by at most TRACK_TOLERANCE of the buffer and of a cell
            # (Douglas-Peucker keeps the track within it), its buffer changes a
            # cell's share by about that much, and buffers in seconds
            tol = TRACK_TOLERANCE * min(buffer_km, grid.cell_km)
            shape = shapely.simplify(shape, tol, preserve_topology=False)
    else:
        polys = []
        for poly in geom.polygons:
            rings = []
            for ring in poly:
                x, y = grid.lonlat_to_xy_km(ring[:, 0], ring[:, 1])
                rings.append(np.column_stack([x, y]))
            polys.append(shapely.Polygon(rings[0], rings[1:]))
        # the parts' union: parts that overlap or share an edge ("search
        # sectors") make the multipolygon invalid, and make_valid would cut
        # their overlaps out as holes
        shape = shapely.union_all([shapely.make_valid(p) for p in polys])
    if buffer_km > 0:
        shape = shape.buffer(buffer_km, quad_segs=32)
    return shape


#: How far a buffered track may be simplified before it is buffered, as a share
#: of the smaller of the buffer and the cell side (see :func:`coverage`).
TRACK_TOLERANCE = 0.02


def _signed_km(geom: Geometry, grid: Grid, buffer_km: float) -> FloatArray:
    """Each cell centre's distance to ``geom`` (inside an area: minus its depth).

    Cells farther than ``buffer_km`` and half a cell's diagonal get ``inf``.
    """
    px, py = grid.cell_xy_km()
    half_diag = grid.cell_km / math.sqrt(2.0)
    d = distance_km(geom, grid, max_km=buffer_km + half_diag)
    if not isinstance(geom, Area):
        return d
    centre_in = d == 0.0  # how far inside: the distance to the boundary
    depth = np.zeros(px.shape)
    if centre_in.any():
        seg = _segments(geom, grid)
        depth[centre_in] = _dist_to_segments(px[centre_in], py[centre_in], seg)
    return np.asarray(np.where(centre_in, -depth, d))


def covers_any(geom: Geometry, grid: Grid, *, buffer_km: float = 0.0) -> bool:
    """Whether ``coverage(geom, grid, buffer_km=...)`` is above 0 in some cell.

    The same answer as ``coverage(...).any()``, without drawing the buffer when
    some cell is wholly covered (the common case: checking that a search's
    area reaches the grid then costs a distance, not a polygon).

    Examples
    --------
    >>> g = Grid.around(0.0, 0.0, radius_km=2.0, cell_km=1.0)
    >>> covers_any(Point(0.0, 0.0), g, buffer_km=0.5)
    True
    >>> covers_any(Point(1.0, 1.0), g, buffer_km=0.5)
    False
    """
    half_diag = grid.cell_km / math.sqrt(2.0)
    signed = _signed_km(geom, grid, buffer_km)
    if bool(np.any(signed <= buffer_km - half_diag)):
        return True
    return bool(coverage(geom, grid, buffer_km=buffer_km).any())


def coverage(geom: Geometry, grid: Grid, *, buffer_km: float = 0.0) -> FloatArray:
    """Share of each cell's area within ``buffer_km`` of a geometry (an area filled).

    Cells wholly inside count 1 and cells wholly outside 0; for a cell the
    region's edge crosses, the area of the cell's square clipped to the region
    (in the grid's equal-area plane; a buffer is drawn with 128 sides to the
    circle). A search of a box smaller than a cell, or one that misses every cell
    centre, still covers what it covers. A buffered line (a walked or flown
    track) is first simplified (Douglas-Peucker) to within
    :data:`TRACK_TOLERANCE` (2 %) of the smaller of the buffer and the cell
    side: a 50,000-point GPS track then buffers in seconds, not minutes, and a
    cell's share moves by well under 1 %.

    Parameters
    ----------
    geom : Point, Line or Area
        The geometry.
    grid : Grid
        The cells.
    buffer_km : float, default 0
        Distance around the geometry that counts as covered (a point or line needs
        a positive one to cover anything).

    Returns
    -------
    ndarray of shape (n_cells,)
        Values in [0, 1].

    Examples
    --------
    >>> g = Grid.around(0.0, 0.0, radius_km=2.0, cell_km=1.0)
    >>> c = coverage(Point(0.0, 0.0), g, buffer_km=0.5)
    >>> round(float(c.sum()) * g.cell_area_km2, 3)  # pi * 0.5**2
    0.785
    """
    import shapely

    px, py = grid.cell_xy_km()
    half_diag = grid.cell_km / math.sqrt(2.0)
    signed = _signed_km(geom, grid, buffer_km)
    out = np.where(signed <= buffer_km - half_diag, 1.0, 0.0)
    edge = np.flatnonzero(
        np.isfinite(signed) & (np.abs(signed - buffer_km) < half_diag)
    )
    if edge.size == 0:
        return out
    h = grid.cell_km / 2.0
    cells = shapely.box(px[edge] - h, py[edge] - h, px[edge] + h, py[edge] + h)
    region = _plane_shape(geom, grid, buffer_km)
    share = shapely.area(shapely.intersection(cells, region)) / (grid.cell_km**2)
    out[edge] = np.clip(share, 0.0, 1.0)
    return out


def distance_km(geom: Geometry, grid: Grid, *, max_km: float = math.inf) -> FloatArray:
    """Distance (km, in the grid's plane) from every cell centre to a geometry.

    Parameters
    ----------
    geom : Point, Line or Area
        The geometry; an area counts as filled (distance 0 inside).
    grid : Grid
        The cells.
    max_km : float, default inf
        Cells whose distance certainly exceeds ``max_km`` (outside the geometry's
        bounding box grown by ``max_km``) are not measured and get ``inf``. Use it to
        skip work where a kernel has vanished.

    Returns
    -------
    ndarray of shape (n_cells,)

    Examples
    --------
    >>> g = Grid.around(0.0, 0.0, radius_km=5.0, cell_km=1.0)
    >>> d = distance_km(Point(0.0, 0.0), g)
    >>> round(float(d.min()), 4)  # the nearest cell centres are half a cell away
    0.7071
    >>> bool(np.isinf(distance_km(Point(0.0, 0.0), g, max_km=1.0)).any())
    True
    """
    px, py = grid.cell_xy_km()
    out = np.full(px.shape, np.inf)
    if isinstance(geom, Point):
        gx, gy = grid.lonlat_to_xy_km(geom.lon, geom.lat)
        out = np.hypot(px - gx, py - gy)
        if math.isfinite(max_km):
            out[out > max_km] = np.inf
        return np.asarray(out, dtype=np.float64)
    seg = _segments(geom, grid)
    xmin = min(seg[0].min(), seg[2].min()) - max_km
    xmax = max(seg[0].max(), seg[2].max()) + max_km
    ymin = min(seg[1].min(), seg[3].min()) - max_km
    ymax = max(seg[1].max(), seg[3].max()) + max_km
    near = (px >= xmin) & (px <= xmax) & (py >= ymin) & (py <= ymax)
    if not near.any():
        return out
    sx, sy = px[near], py[near]
    d = _dist_to_segments(sx, sy, seg)
    if isinstance(geom, Area):
        d[_inside_area(sx, sy, geom, grid)] = 0.0
    if math.isfinite(max_km):
        d[d > max_km] = np.inf
    out[near] = d
    return out
