"""Equal-area grids of square cells over a study region.

A :class:`Grid` is a regular raster of square cells in a Lambert azimuthal
equal-area (LAEA) projection centred on the study region. Every cell has the same
area on the WGS84 ellipsoid (``cell_km ** 2`` km²), so a probability per cell is a
probability per unit area, and an area is a count of cells.

The projection maps geodetic latitude to authalic latitude and applies the
spherical LAEA formulas with the authalic radius (Snyder 1987, eqs. 3-11, 3-12,
24-13 to 24-21), which makes it exactly equal-area on the ellipsoid. Straight-line
distances in the projected plane approximate geodesic distances: measured against
WGS84 geodesics (pyproj), the scale error is at most 0.13 % within 250 km of the
centre and 0.22 % within 600 km (worst at the equator, where the authalic sphere
differs most from the ellipsoid; 0.05 % and 0.14 % at 60° N), which is why grids
are meant for regional extents (a country, a province, a city), not the globe.

Cells are numbered row-major from the south-west corner: ``cell = row * nx + col``
with ``row`` growing northward and ``col`` eastward.

A grid may cross the antimeridian (180°): the plane does not care, since the
projection uses only the difference of longitudes. Boxes in degrees follow GeoJSON
(RFC 7946, 5.2): ``(west, south, east, north)`` with longitudes in -180..180, and
``west > east`` for a box that crosses 180° (``(179, -17.5, -179, -16)`` is the 2°
box around Fiji's 180th meridian). :func:`unwrap_bounds` and :func:`unwrap_lon`
turn such boxes and longitudes into continuous numbers for arithmetic and for maps;
:func:`lon_extent` finds the narrowest box around longitude intervals.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from geosleuth._types import ArrayLike, FloatArray, IntArray
from geosleuth.errors import InputError

__all__ = [
    "MAX_CELLS",
    "WGS84_A_KM",
    "WGS84_F",
    "Grid",
    "authalic_radius_km",
    "crosses_antimeridian",
    "laea_forward",
    "laea_inverse",
    "lon_extent",
    "unwrap_bounds",
    "unwrap_lon",
]

#: The most cells a grid asked for with an explicit cell size may have: a few
#: float arrays of this length (the posterior, one factor, distances) fit in the
#: memory of a laptop; more would fail with MemoryError deep in the fusion.
MAX_CELLS = 25_000_000

WGS84_A_KM = 6378.137
WGS84_F = 1.0 / 298.257223563
_E2 = WGS84_F * (2.0 - WGS84_F)
_E = math.sqrt(_E2)


def _q(sin_phi: FloatArray) -> FloatArray:
    """Snyder's q(φ) (eq. 3-12) for the WGS84 ellipsoid."""
    es = _E * sin_phi
    return (1.0 - _E2) * (
        sin_phi / (1.0 - _E2 * sin_phi**2)
        - np.log((1.0 - es) / (1.0 + es)) / (2.0 * _E)
    )


_QP = float(_q(np.array(1.0)))


def authalic_radius_km() -> float:
    """Radius of the sphere with the same area as the WGS84 ellipsoid, in km.

    Examples
    --------
    >>> round(authalic_radius_km(), 4)
    6371.0072
    """
    return WGS84_A_KM * math.sqrt(_QP / 2.0)


_RQ = authalic_radius_km()


def _authalic_lat(lat_deg: FloatArray) -> FloatArray:
    """Geodetic latitude (degrees) to authalic latitude (radians)."""
    ratio = _q(np.sin(np.radians(lat_deg))) / _QP
    return np.arcsin(np.clip(ratio, -1.0, 1.0))


def _geodetic_lat(beta: FloatArray) -> FloatArray:
    """Authalic latitude (radians) to geodetic latitude (degrees), Snyder eq. 3-18."""
    e4, e6 = _E2**2, _E2**3
    phi = (
        beta
        + (_E2 / 3.0 + 31.0 * e4 / 180.0 + 517.0 * e6 / 5040.0) * np.sin(2.0 * beta)
        + (23.0 * e4 / 360.0 + 251.0 * e6 / 3780.0) * np.sin(4.0 * beta)
        + (761.0 * e6 / 45360.0) * np.sin(6.0 * beta)
    )
    return np.degrees(phi)


def laea_forward(
    lons: ArrayLike, lats: ArrayLike, *, lon0: float, lat0: float
) -> tuple[FloatArray, FloatArray]:
    """Project (lon, lat) in degrees to LAEA (x, y) in km around (lon0, lat0).

    Parameters
    ----------
    lons, lats : array_like
        Longitudes and latitudes in degrees (WGS84); broadcast together.
    lon0, lat0 : float
        Centre of the projection in degrees.

    Returns
    -------
    x_km, y_km : ndarray of float64
        Easting and northing in km. NaN input gives NaN output.

    Examples
    --------
    >>> x, y = laea_forward(0.0, 0.0, lon0=0.0, lat0=0.0)
    >>> float(x), float(y)
    (0.0, 0.0)
    >>> x, y = laea_forward(float("nan"), 10.0, lon0=0.0, lat0=0.0)
    >>> bool(np.isnan(x))
    True
    """
    lam = np.radians(np.asarray(lons, dtype=np.float64) - lon0)
    beta = _authalic_lat(np.asarray(lats, dtype=np.float64))
    beta1 = float(_authalic_lat(np.array(lat0)))
    sb1, cb1 = math.sin(beta1), math.cos(beta1)
    sb, cb, cl = np.sin(beta), np.cos(beta), np.cos(lam)
    denom = 1.0 + sb1 * sb + cb1 * cb * cl
    with np.errstate(divide="ignore", invalid="ignore"):
        k = np.sqrt(2.0 / denom)
    x = _RQ * k * cb * np.sin(lam)
    y = _RQ * k * (cb1 * sb - sb1 * cb * cl)
    return np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)


def laea_inverse(
    x_km: ArrayLike, y_km: ArrayLike, *, lon0: float, lat0: float
) -> tuple[FloatArray, FloatArray]:
    """Inverse of :func:`laea_forward`: LAEA (x, y) in km to (lon, lat) in degrees.

    Examples
    --------
    >>> lon, lat = laea_inverse(*laea_forward(40.83, 34.69, lon0=40, lat0=35),
    ...                         lon0=40, lat0=35)
    >>> round(float(lon), 8), round(float(lat), 6)
    (40.83, 34.69)
    """
    x = np.asarray(x_km, dtype=np.float64)
    y = np.asarray(y_km, dtype=np.float64)
    beta1 = float(_authalic_lat(np.array(lat0)))
    sb1, cb1 = math.sin(beta1), math.cos(beta1)
    rho = np.hypot(x, y)
    c = 2.0 * np.arcsin(np.clip(rho / (2.0 * _RQ), -1.0, 1.0))
    sc, cc = np.sin(c), np.cos(c)
    with np.errstate(divide="ignore", invalid="ignore"):
        beta = np.where(
            rho > 0, np.arcsin(np.clip(cc * sb1 + y * sc * cb1 / rho, -1.0, 1.0)), beta1
        )
    lam = np.arctan2(x * sc, rho * cb1 * cc - y * sb1 * sc)
    lon = (np.degrees(lam) + lon0 + 180.0) % 360.0 - 180.0
    return np.asarray(lon, dtype=np.float64), np.asarray(_geodetic_lat(beta))


# ------------------------------------------------------------------ longitudes
def unwrap_lon(lons: ArrayLike, around: ArrayLike) -> FloatArray:
    """Longitudes shifted by whole turns to lie within 180° of ``around``.

    ``around`` broadcasts against ``lons`` (one centre, or one per row).

    For maps and arithmetic across the antimeridian: near ``around = 180`` the
    longitude -179.5 becomes 180.5. Longitudes already within 180° of ``around``
    come back exactly as they are.

    Examples
    --------
    >>> unwrap_lon([-179.5, 179.0, 10.0], 180.0).tolist()
    [180.5, 179.0, 10.0]
    """
    lon = np.asarray(lons, dtype=np.float64)
    around = np.asarray(around, dtype=np.float64)
    turned = around + (lon - around + 180.0) % 360.0 - 180.0
    return np.asarray(np.where(np.abs(lon - around) <= 180.0, lon, turned))


def crosses_antimeridian(bounds: tuple[float, float, float, float]) -> bool:
    """Whether a ``(west, south, east, north)`` box crosses 180° (``west > east``)."""
    return float(bounds[0]) > float(bounds[2])


def unwrap_bounds(
    bounds: tuple[float, float, float, float],
) -> tuple[float, float, float, float]:
    """A box with ``east`` moved past 180° when it crosses it, so ``west < east``.

    Examples
    --------
    >>> unwrap_bounds((179.0, -17.5, -179.0, -16.0))
    (179.0, -17.5, 181.0, -16.0)
    >>> unwrap_bounds((40.0, 34.0, 41.0, 35.0))
    (40.0, 34.0, 41.0, 35.0)
    """
    west, south, east, north = (float(v) for v in bounds)
    if west > east:
        east += 360.0
    return (west, south, east, north)


def _wrap_west(lon: float) -> float:
    return lon + 360.0 if lon < -180.0 else (lon - 360.0 if lon >= 180.0 else lon)


def _wrap_east(lon: float) -> float:
    return lon - 360.0 if lon > 180.0 else (lon + 360.0 if lon <= -180.0 else lon)


def lon_extent(west: ArrayLike, east: ArrayLike) -> tuple[float, float]:
    """The narrowest span of longitude that holds every interval ``[west, east]``.

    Intervals are in degrees with ``west <= east`` (``east`` may pass 180° for an
    interval across it). The span is ``(min west, max east)`` when that lies
    within -180..180 and is narrowest, as it is for any set that does not
    straddle 180°; otherwise the span across the antimeridian, returned with
    ``west > east`` (GeoJSON's convention). A set of intervals that covers every
    longitude gives ``(-180, 180)``.

    Examples
    --------
    >>> lon_extent([10.0, 12.0], [11.0, 15.0])
    (10.0, 15.0)
    >>> lon_extent([179.0, -179.5], [179.8, -178.0])  # Fiji, both sides of 180°
    (179.0, -178.0)
    >>> lon_extent([-170.0], [200.0])
    (-180.0, 180.0)
    """
    w = np.atleast_1d(np.asarray(west, dtype=np.float64))
    e = np.atleast_1d(np.asarray(east, dtype=np.float64))
    direct = (float(w.min()), float(e.max()))
    width = e - w
    if float(width.max()) >= 360.0 or w.size == 0:
        return (-180.0, 180.0)
    start = (w + 180.0) % 360.0 - 180.0
    order = np.argsort(start, kind="stable")
    start, stop = start[order], start[order] + width[order]
    # merge in order of start, then find the widest gap on the circle
    merged: list[list[float]] = []
    for a, b in zip(start.tolist(), stop.tolist(), strict=True):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    while len(merged) > 1 and merged[-1][1] >= merged[0][0] + 360.0:
        _, stop0 = merged.pop(0)  # the last interval wraps round onto the first
        merged[-1][1] = max(merged[-1][1], stop0 + 360.0)
    first = merged[0][0]
    if len(merged) == 1 and merged[0][1] - merged[0][0] >= 360.0:
        return (-180.0, 180.0)
    gaps = [merged[i + 1][0] - merged[i][1] for i in range(len(merged) - 1)]
    gaps.append(first + 360.0 - merged[-1][1])
    k = int(np.argmax(gaps))
    arc_west = merged[(k + 1) % len(merged)][0]
    arc_width = 360.0 - gaps[k]
    plain = direct[0] >= -180.0 and direct[1] <= 180.0
    if plain and arc_width >= direct[1] - direct[0] - 1e-9:
        return direct
    return (_wrap_west(arc_west), _wrap_east(arc_west + arc_width))


@dataclass(frozen=True, slots=True)
class Grid:
    """A regular raster of square, equal-area cells in an LAEA projection.

    Parameters
    ----------
    lon0, lat0 : float
        Centre of the projection, degrees.
    west_km, south_km : float
        Projected coordinates (km) of the grid's south-west corner.
    cell_km : float
        Side of a square cell in km; every cell covers ``cell_km**2`` km².
    nx, ny : int
        Number of columns (west to east) and rows (south to north).

    Examples
    --------
    >>> g = Grid.from_bounds(40.0, 34.0, 41.0, 35.0, cell_km=5.0)
    >>> g.cell_area_km2
    25.0
    >>> g.n_cells == g.nx * g.ny
    True
    """

    lon0: float
    lat0: float
    west_km: float
    south_km: float
    cell_km: float
    nx: int
    ny: int

    def __post_init__(self) -> None:
        for name in ("lon0", "lat0", "west_km", "south_km", "cell_km"):
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or not math.isfinite(value):
                raise InputError(
                    f"The grid's {name!r} must be a finite number. Got {value!r} "
                    "instead.",
                    field=name,
                )
        if self.cell_km <= 0:
            raise InputError(
                f"The grid's 'cell_km' must be positive. Got {self.cell_km!r} instead.",
                field="cell_km",
            )
        if not (-90.0 <= self.lat0 <= 90.0) or not (-180.0 <= self.lon0 <= 180.0):
            raise InputError(
                f"The grid's centre must be a valid (lon, lat). Got ({self.lon0}, "
                f"{self.lat0}) instead.",
                field="lon0",
            )
        for name in ("nx", "ny"):
            value = getattr(self, name)
            if not isinstance(value, (int, np.integer)) or value < 1:
                raise InputError(
                    f"The grid's {name!r} must be a positive integer. Got {value!r} "
                    "instead.",
                    field=name,
                )

    # ------------------------------------------------------------------ builders
    @classmethod
    def from_bounds(
        cls,
        west: float,
        south: float,
        east: float,
        north: float,
        *,
        cell_km: float | None = None,
        max_cells: int = 250_000,
    ) -> Grid:
        """Build the grid covering a lon/lat bounding box.

        Parameters
        ----------
        west, south, east, north : float
            The box in degrees (WGS84), longitudes in -180..180, ``south <
            north``; ``west < east``, or ``west > east`` for a box across the
            antimeridian (180°), as in GeoJSON.
        cell_km : float or None, default None
            Cell side in km. ``None`` picks the smallest round size that keeps the
            grid within ``max_cells`` cells.
        max_cells : int, default 250_000
            Upper bound on the number of cells. With ``cell_km=None`` the cell size
            is chosen to stay within it; a given ``cell_km`` that would exceed it is
            refused.

        Returns
        -------
        Grid
            Centred on the box; its extent covers the whole box (the box's edges
            are densified before projecting, since parallels curve in LAEA).

        Raises
        ------
        InputError
            If the box is empty, inverted, not finite or out of range; if it is not
            smaller than a hemisphere (some point of it lies more than 90° from its
            centre, where the equal-area plane is too distorted, and the antipode
            cannot be mapped at all); if ``cell_km`` is not a positive number, or
            would make more than ``max_cells`` cells.

        Examples
        --------
        >>> g = Grid.from_bounds(-0.15, 51.505, -0.125, 51.52, cell_km=0.01)
        >>> (g.nx, g.ny)
        (174, 167)
        >>> Grid.from_bounds(10, 5, 10, 6)
        Traceback (most recent call last):
        ...
        geosleuth.errors.InputError: The bounding box must have west < east (or ...
        >>> fiji = Grid.from_bounds(179.0, -17.5, -179.0, -16.0, cell_km=5.0)
        >>> [round(v, 2) for v in fiji.bounds_lonlat()]  # across 180°: west > east
        [178.99, -17.52, -178.99, -15.98]
        >>> Grid.from_bounds(-180, -90, 180, 90)
        Traceback (most recent call last):
        ...
        geosleuth.errors.InputError: The bounding box must be smaller than a ...
        >>> Grid.from_bounds(40, 34, 42, 36, cell_km=0.01)
        Traceback (most recent call last):
        ...
        geosleuth.errors.InputError: A cell size ('cell_km', --cell-km) of 0.01 km ...
        """
        vals = [west, south, east, north]
        if not all(isinstance(v, (int, float)) and math.isfinite(v) for v in vals):
            raise InputError(
                f"The bounding box must be four finite numbers. Got {vals!r} instead.",
                field="bounds",
            )
        if not (west != east and south < north):
            raise InputError(
                "The bounding box must have west < east (or west > east for a box "
                "across the antimeridian, 180°) and south < north. Got "
                f"west={west}, south={south}, east={east}, north={north} instead.",
                field="bounds",
            )
        if not (min(west, east) >= -180 and max(west, east) <= 180):
            raise InputError(
                f"The bounding box must lie within lon -180..180 and lat -90..90 (a "
                "box across the antimeridian has west > east, as in GeoJSON). "
                f"Got {vals!r} instead.",
                field="bounds",
            )
        if not (south >= -90 and north <= 90):
            raise InputError(
                f"The bounding box must lie within lon -180..180 and lat -90..90. "
                f"Got {vals!r} instead.",
                field="bounds",
            )
        given_east = east
        if west > east:  # across the antimeridian: work with a continuous east
            east = east + 360.0
            if east - west >= 180.0:
                # near a pole a ring of 350° of longitude fits in a hemisphere,
                # but it is nearly always a west and an east swapped
                raise InputError(
                    "A bounding box with west > east crosses the antimeridian "
                    f"(180°) and must be less than 180° wide; this one is "
                    f"{east - west:g}° wide. Did you swap west and east? Got "
                    f"west={west}, south={south}, east={given_east}, north={north}.",
                    field="bounds",
                )
        if isinstance(max_cells, bool) or not (
            isinstance(max_cells, (int, np.integer)) and max_cells >= 1
        ):
            raise InputError(
                f"'max_cells' must be a positive integer. Got {max_cells!r} instead.",
                field="max_cells",
            )
        if cell_km is not None and not (
            isinstance(cell_km, (int, float))
            and not isinstance(cell_km, bool)
            and math.isfinite(cell_km)
            and cell_km > 0
        ):
            raise InputError(
                f"'cell_km' must be a positive number. Got {cell_km!r} instead.",
                field="cell_km",
            )
        lon0 = (west + east) / 2.0
        if lon0 >= 180.0:
            lon0 -= 360.0
        lat0 = (south + north) / 2.0
        _check_hemisphere(
            west, south, east, north, lon0=lon0, lat0=lat0, given_east=given_east
        )
        t = np.linspace(0.0, 1.0, 65)
        ring_lon = np.concatenate(
            [
                west + (east - west) * t,
                np.full_like(t, east),
                east - (east - west) * t,
                np.full_like(t, west),
            ]
        )
        ring_lat = np.concatenate(
            [
                np.full_like(t, south),
                south + (north - south) * t,
                np.full_like(t, north),
                north - (north - south) * t,
            ]
        )
        x, y = laea_forward(ring_lon, ring_lat, lon0=lon0, lat0=lat0)
        x_min, x_max, y_min, y_max = x.min(), x.max(), y.min(), y.max()
        width, height = x_max - x_min, y_max - y_min
        smallest = _smallest_nice_cell_km(width, height, max_cells)
        if cell_km is None:
            cell_km = smallest  # may be wider than the area for a tiny max_cells
        else:
            _check_not_wider(cell_km, width, height)
        n_cells = _n_cells(width, height, cell_km)
        if n_cells > max_cells:
            count = (
                f"{n_cells:,.0f}"
                if n_cells < 1e15
                else (f"{n_cells:.3g}" if math.isfinite(n_cells) else "more than 1e308")
            )
            raise InputError(
                f"A cell size ('cell_km', --cell-km) of {cell_km:g} km would cut "
                f"this region ({width:,.1f} km x {height:,.1f} km) into {count} "
                f"cells, more than the limit of {max_cells:,} ('max_cells'). Use a "
                f"cell size of at least {smallest:g} km, or raise 'max_cells'.",
                field="cell_km",
            )
        nx = max(1, math.ceil(width / cell_km))
        ny = max(1, math.ceil(height / cell_km))
        cx, cy = (x_min + x_max) / 2.0, (y_min + y_max) / 2.0
        return cls(
            lon0=float(lon0),
            lat0=float(lat0),
            west_km=float(cx - nx * cell_km / 2.0),
            south_km=float(cy - ny * cell_km / 2.0),
            cell_km=float(cell_km),
            nx=int(nx),
            ny=int(ny),
        )

    @classmethod
    def around(
        cls, lon: float, lat: float, *, radius_km: float, cell_km: float
    ) -> Grid:
        """Build a square grid of half-side ``radius_km`` centred on a point.

        Examples
        --------
        >>> g = Grid.around(0.0, 0.0, radius_km=10.0, cell_km=1.0)
        >>> (g.nx, g.ny, g.west_km)
        (20, 20, -10.0)
        """
        n = max(1, math.ceil(2.0 * radius_km / cell_km))
        return cls(
            lon0=float(lon),
            lat0=float(lat),
            west_km=-n * cell_km / 2.0,
            south_km=-n * cell_km / 2.0,
            cell_km=float(cell_km),
            nx=n,
            ny=n,
        )

    def recut(self, cell_km: float, *, max_cells: int = MAX_CELLS) -> Grid:
        """The same study area in cells of ``cell_km``: same projection and corner.

        The area is rounded up to whole cells, so the grid's own cell size gives
        the grid back exactly (rebuilding it from :meth:`bounds_lonlat` would not:
        the lon/lat bounds of a projected box hold a larger box).

        Raises
        ------
        InputError
            If ``cell_km`` is not positive, or would make more than ``max_cells``.

        Examples
        --------
        >>> g = Grid.around(40.0, 35.0, radius_km=10.0, cell_km=1.0)
        >>> g.recut(1.0) == g
        True
        >>> (h := g.recut(3.0)).nx, h.west_km
        (7, -10.0)
        """
        if not (isinstance(cell_km, (int, float)) and cell_km > 0):
            raise InputError(
                f"'cell_km' must be a positive number. Got {cell_km!r} instead.",
                field="cell_km",
            )
        _check_not_wider(cell_km, self.nx * self.cell_km, self.ny * self.cell_km)
        nx = max(1, math.ceil(self.nx * self.cell_km / cell_km - 1e-9))
        ny = max(1, math.ceil(self.ny * self.cell_km / cell_km - 1e-9))
        if nx * ny > max_cells:
            raise InputError(
                f"Cells of {cell_km:g} km ('cell_km', --cell-km) cut this study area "
                f"into {nx} × {ny} = {nx * ny:,} cells; at most {max_cells:,} fit in "
                "memory. Use larger cells.",
                field="cell_km",
            )
        return Grid(
            lon0=self.lon0,
            lat0=self.lat0,
            west_km=self.west_km,
            south_km=self.south_km,
            cell_km=float(cell_km),
            nx=nx,
            ny=ny,
        )

    # ---------------------------------------------------------------- properties
    @property
    def shape(self) -> tuple[int, int]:
        """``(ny, nx)``: rows (south to north) and columns (west to east)."""
        return (self.ny, self.nx)

    @property
    def n_cells(self) -> int:
        """Number of cells."""
        return self.nx * self.ny

    @property
    def cell_area_km2(self) -> float:
        """Area of each cell in km² (all cells are equal)."""
        return self.cell_km * self.cell_km

    @property
    def area_km2(self) -> float:
        """Total area of the grid in km²."""
        return self.cell_area_km2 * self.n_cells

    @property
    def x_km(self) -> FloatArray:
        """Projected x of the column centres, shape ``(nx,)``."""
        return (
            self.west_km + (np.arange(self.nx, dtype=np.float64) + 0.5) * self.cell_km
        )

    @property
    def y_km(self) -> FloatArray:
        """Projected y of the row centres, shape ``(ny,)``."""
        return (
            self.south_km + (np.arange(self.ny, dtype=np.float64) + 0.5) * self.cell_km
        )

    @property
    def east_km(self) -> float:
        """Projected x of the east edge."""
        return self.west_km + self.nx * self.cell_km

    @property
    def north_km(self) -> float:
        """Projected y of the north edge."""
        return self.south_km + self.ny * self.cell_km

    # ------------------------------------------------------------------- methods
    def cell_xy_km(self) -> tuple[FloatArray, FloatArray]:
        """Projected centres of all cells, each of shape ``(n_cells,)``."""
        xx, yy = np.meshgrid(self.x_km, self.y_km)
        return xx.ravel(), yy.ravel()

    def cell_lonlat(self) -> tuple[FloatArray, FloatArray]:
        """Longitudes and latitudes (degrees) of all cell centres."""
        x, y = self.cell_xy_km()
        return self.xy_km_to_lonlat(x, y)

    def lonlat_to_xy_km(
        self, lons: ArrayLike, lats: ArrayLike
    ) -> tuple[FloatArray, FloatArray]:
        """Project (lon, lat) in degrees to this grid's plane (km)."""
        return laea_forward(lons, lats, lon0=self.lon0, lat0=self.lat0)

    def xy_km_to_lonlat(
        self, x_km: ArrayLike, y_km: ArrayLike
    ) -> tuple[FloatArray, FloatArray]:
        """Unproject plane coordinates (km) to (lon, lat) in degrees."""
        return laea_inverse(x_km, y_km, lon0=self.lon0, lat0=self.lat0)

    def xy_km_to_cell(self, x_km: ArrayLike, y_km: ArrayLike) -> IntArray:
        """Cell index of each plane point; ``-1`` outside the grid or for NaN."""
        x = np.asarray(x_km, dtype=np.float64)
        y = np.asarray(y_km, dtype=np.float64)
        with np.errstate(invalid="ignore"):
            col = np.floor((x - self.west_km) / self.cell_km)
            row = np.floor((y - self.south_km) / self.cell_km)
            ok = (col >= 0) & (col < self.nx) & (row >= 0) & (row < self.ny)
        idx = np.where(ok, np.nan_to_num(row) * self.nx + np.nan_to_num(col), -1)
        return np.asarray(idx, dtype=np.int64)

    def lonlat_to_cell(self, lons: ArrayLike, lats: ArrayLike) -> IntArray:
        """Cell index of each (lon, lat); ``-1`` outside the grid or for NaN.

        Examples
        --------
        >>> g = Grid.around(10.0, 50.0, radius_km=5.0, cell_km=1.0)
        >>> int(g.lonlat_to_cell(10.0, 50.0)) == g.n_cells // 2 + g.nx // 2
        True
        >>> int(g.lonlat_to_cell(12.0, 50.0))
        -1
        """
        return self.xy_km_to_cell(*self.lonlat_to_xy_km(lons, lats))

    def bounds_lonlat(self) -> tuple[float, float, float, float]:
        """``(west, south, east, north)`` in degrees enclosing the whole grid.

        Longitudes are in -180..180; a grid across the antimeridian has ``west >
        east`` (GeoJSON's convention; :func:`unwrap_bounds` makes it continuous).
        A grid that holds a pole reaches it (north 90, or south -90) and every
        longitude, -180..180: its outline winds around the pole, and the
        outline's extremes alone would miss both (review r60, L4).

        Examples
        --------
        >>> pole = Grid(lon0=0.0, lat0=89.9, west_km=-30.0, south_km=-30.0,
        ...             cell_km=1.0, nx=60, ny=60)
        >>> [round(v, 4) for v in pole.bounds_lonlat()]
        [-180.0, 89.5439, 180.0, 90.0]
        """
        t = np.linspace(0.0, 1.0, 65)
        w, s, e, n = self.west_km, self.south_km, self.east_km, self.north_km
        x = np.concatenate(
            [w + (e - w) * t, np.full_like(t, e), e - (e - w) * t, np.full_like(t, w)]
        )
        y = np.concatenate(
            [np.full_like(t, s), s + (n - s) * t, np.full_like(t, n), n - (n - s) * t]
        )
        bounds = list(self.box_lonlat(x, y))
        for k, pole_lat in ((3, 90.0), (1, -90.0)):
            px, py = self.lonlat_to_xy_km(0.0, pole_lat)
            if w <= float(px) <= e and s <= float(py) <= n:
                bounds[0], bounds[2], bounds[k] = -180.0, 180.0, pole_lat
        return (bounds[0], bounds[1], bounds[2], bounds[3])

    def box_lonlat(
        self, x_km: ArrayLike, y_km: ArrayLike
    ) -> tuple[float, float, float, float]:
        """``(west, south, east, north)`` in degrees around points of the plane.

        Longitudes are in -180..180, with ``west > east`` when the points lie on
        both sides of the antimeridian (GeoJSON's convention). Densify the edges of
        a shape first: they curve in lon/lat.
        """
        lon, lat = self.xy_km_to_lonlat(x_km, y_km)
        south, north = float(np.min(lat)), float(np.max(lat))
        if float(np.ptp(lon)) < 180.0:  # no wrap: the plain extremes
            return (float(np.min(lon)), south, float(np.max(lon)), north)
        rel = unwrap_lon(lon, self.lon0) - self.lon0
        west, east = self.lon0 + float(rel.min()), self.lon0 + float(rel.max())
        if west >= -180.0 and east <= 180.0:
            return (west, south, east, north)
        return (_wrap_west(west), south, _wrap_east(east), north)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready description from which :meth:`from_dict` rebuilds the grid.

        ``bounds_lonlat`` is :meth:`bounds_lonlat` to six decimals, outward (the
        box to give ``geosleuth searched --box`` to search the whole grid); it
        is derived, and :meth:`from_dict` does not read it.

        Examples
        --------
        >>> g = Grid.from_bounds(-4.16, 53.03, -3.98, 53.12, cell_km=0.1)
        >>> g.to_dict()["bounds_lonlat"]
        [-4.160402, 53.029623, -3.979598, 53.120377]
        """
        w, s, e, n = self.bounds_lonlat()
        return {
            "projection": "LAEA (WGS84, authalic sphere)",
            "lon0": self.lon0,
            "lat0": self.lat0,
            "west_km": self.west_km,
            "south_km": self.south_km,
            "cell_km": self.cell_km,
            "nx": self.nx,
            "ny": self.ny,
            "cell_area_km2": self.cell_area_km2,
            "cell_order": "row-major from the south-west corner",
            "bounds_lonlat": [
                math.floor(w * 1e6) / 1e6,
                math.floor(s * 1e6) / 1e6,
                math.ceil(e * 1e6) / 1e6,
                math.ceil(n * 1e6) / 1e6,
            ],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Grid:
        """Rebuild a grid written by :meth:`to_dict`.

        Raises
        ------
        InputError
            If a field is missing.
        """
        try:
            return cls(
                lon0=float(data["lon0"]),
                lat0=float(data["lat0"]),
                west_km=float(data["west_km"]),
                south_km=float(data["south_km"]),
                cell_km=float(data["cell_km"]),
                nx=int(data["nx"]),
                ny=int(data["ny"]),
            )
        except InputError as exc:  # numbers, but not a grid's (a cell of -1 km)
            raise InputError(exc.message, field="grid") from None
        except (KeyError, TypeError, ValueError, OverflowError) as exc:
            why = f"no {exc}" if isinstance(exc, KeyError) else str(exc)
            raise InputError(
                f"A grid description needs lon0, lat0, west_km, south_km, cell_km, nx "
                f"and ny as numbers ({type(exc).__name__}: {why}).",
                field="grid",
            ) from None


def _check_hemisphere(
    west: float,
    south: float,
    east: float,
    north: float,
    *,
    lon0: float,
    lat0: float,
    given_east: float | None = None,
) -> None:
    """Refuse a box with a point more than 90° (authalic sphere) from its centre.

    ``east`` is continuous (past 180 across the antimeridian); ``given_east`` is
    the east the caller gave, quoted in the message.
    """
    t = np.linspace(0.0, 1.0, 65)
    lons, lats = np.meshgrid(west + (east - west) * t, south + (north - south) * t)
    beta = _authalic_lat(lats)
    beta1 = float(_authalic_lat(np.array(lat0)))
    cos_c = math.sin(beta1) * np.sin(beta) + math.cos(beta1) * np.cos(beta) * np.cos(
        np.radians(lons - lon0)
    )
    if float(cos_c.min()) < -1e-9:
        far = int(np.argmin(cos_c))
        shown_east = east if given_east is None else given_east
        raise InputError(
            "The bounding box must be smaller than a hemisphere: the grid's "
            f"equal-area plane is centred on ({lon0:g}, {lat0:g}) and cannot "
            "reasonably show places more than 90 degrees from it, such as "
            f"({_wrap_west(float(lons.flat[far])):g}, {float(lats.flat[far]):g}). "
            f"Got west={west}, south={south}, east={shown_east}, north={north} "
            "instead; give a smaller region (or split the search).",
            field="bounds",
        )


def _n_cells(width_km: float, height_km: float, cell_km: float) -> float:
    """Cells of side ``cell_km`` needed to cover ``width_km`` x ``height_km``.

    ``inf`` when there are too many to count in floating point.
    """
    cols, rows = float(width_km) / cell_km, float(height_km) / cell_km
    if not (cols < 1e150 and rows < 1e150):  # also inf and NaN
        return math.inf
    return float(max(1, math.ceil(cols)) * max(1, math.ceil(rows)))


def _smallest_nice_cell_km(width_km: float, height_km: float, max_cells: int) -> float:
    """The smallest round cell size (1, 2, 2.5, 5 x 10^k km) within ``max_cells``."""
    # below a micrometre the box is a point for any purpose; keep 10**k > 0
    cell = _round_up_nice(max(math.sqrt(width_km * height_km / max_cells), 1e-9))
    while _n_cells(width_km, height_km, cell) > max_cells:
        cell = _round_up_nice(cell * (1.0 + 1e-9))
    return cell


def _round_up_nice(value: float) -> float:
    """Round up to 1, 2, 2.5 or 5 times a power of ten."""
    if value <= 0:
        return 1.0
    exp = math.floor(math.log10(value))
    base = 10.0**exp
    for m in (1.0, 2.0, 2.5, 5.0, 10.0):
        if m * base >= value * (1 - 1e-12):
            return float(f"{m * base:.12g}")
    return 10.0 * base


def _check_not_wider(cell_km: float, width_km: float, height_km: float) -> None:
    """Refuse a cell larger than the study area (one cell would hold it all).

    A grid is centred on its area, so such a cell would reach far past it: a
    cell of 1e9 km put the grid's corners at infinity and ran out of memory.
    """
    widest = max(width_km, height_km)
    if cell_km > widest:
        raise InputError(
            f"A cell size ('cell_km', --cell-km) of {cell_km:g} km is larger than "
            f"the study area ({width_km:,.1f} km x {height_km:,.1f} km): at most "
            f"{widest:,.1f} km.",
            field="cell_km",
        )
