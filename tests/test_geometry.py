import datetime as dt
import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geosleuth.errors import InputError
from geosleuth.geometry import (
    Area,
    Line,
    Point,
    distance_km,
    from_geojson,
    haversine_km,
    inside,
)
from geosleuth.grid import Grid

# Random evidence on small grids often leans on the border: the warning that
# says so (fuse/estimate.py) is tested in test_fuse_honesty.py, not here.
pytestmark = pytest.mark.filterwarnings(
    "ignore:.*lies along the border of the study region:"
    "geosleuth.errors.GeosleuthWarning"
)


def test_haversine_known_distances():
    # one degree of longitude on the equator, mean-radius sphere
    assert float(haversine_km(0, 0, 1, 0)) == pytest.approx(111.195, abs=1e-3)
    # Hajin to Abu Kamal, about 28 km (GeoNames coordinates)
    assert float(haversine_km(40.83138, 34.69508, 40.91854, 34.45226)) == pytest.approx(
        28.13, abs=0.05
    )


def test_haversine_gives_nan_for_missing_input():
    out = haversine_km([0.0, np.nan], [0.0, 0.0], [1.0, 1.0], [0.0, 0.0])
    assert np.isnan(out[1]) and not np.isnan(out[0])


def test_planar_distance_to_a_point_matches_the_geodesic_near_the_centre():
    g = Grid.around(40.8, 34.7, radius_km=100.0, cell_km=2.0)
    d = distance_km(Point(40.8, 34.7), g)
    lons, lats = g.cell_lonlat()
    ref = haversine_km(40.8, 34.7, lons, lats)
    np.testing.assert_allclose(d, ref, rtol=5e-3)


def test_distance_to_a_line_equals_brute_force_over_dense_points():
    g = Grid.around(10.0, 45.0, radius_km=20.0, cell_km=1.0)
    line = Line.of([[9.9, 44.9], [10.1, 45.05]])
    d = distance_km(line, g)
    t = np.linspace(0, 1, 4001)
    lx, ly = g.lonlat_to_xy_km(9.9 + 0.2 * t, 44.9 + 0.15 * t)
    cx, cy = g.cell_xy_km()
    brute = np.min(
        np.hypot(cx[:, None] - lx[None, :], cy[:, None] - ly[None, :]), axis=1
    )
    # segments are straight in the grid plane, the dense points follow the lon/lat
    # line: they differ by metres over 20 km
    np.testing.assert_allclose(d, brute, atol=0.05)


def test_inside_respects_holes():
    g = Grid.around(0.0, 0.0, radius_km=30.0, cell_km=1.0)
    outer = [[-0.2, -0.2], [0.2, -0.2], [0.2, 0.2], [-0.2, 0.2]]
    hole = [[-0.05, -0.05], [0.05, -0.05], [0.05, 0.05], [-0.05, 0.05]]
    ring = Area(((np.array(outer), np.array(hole)),))
    full = Area.of(outer)
    assert inside(full, g).sum() > inside(ring, g).sum() > 0
    assert not inside(ring, g)[int(g.lonlat_to_cell(0.0, 0.0))]
    assert distance_km(ring, g)[int(g.lonlat_to_cell(0.0, 0.0))] > 0


def test_cut_off_leaves_far_cells_unmeasured():
    g = Grid.around(0.0, 0.0, radius_km=50.0, cell_km=1.0)
    d = distance_km(Line.of([[0.0, 0.0], [0.01, 0.0]]), g, max_km=5.0)
    assert np.isinf(d).sum() > 0.9 * g.n_cells
    assert np.nanmax(d[np.isfinite(d)]) <= 5.0


@pytest.mark.parametrize(
    ("obj", "match"),
    [
        ({"type": "Circle", "coordinates": [0, 0]}, "GeoJSON Point"),
        ({"type": "Point", "coordinates": [0]}, "is a Point, which needs"),
        ({"type": "LineString", "coordinates": [[0, 0]]}, "at least 2"),
        ({"type": "Polygon", "coordinates": [[[0, 0], [1, 1]]]}, "at least 3"),
        ({"type": "Point", "coordinates": [float("nan"), 1]}, "not a finite"),
        ({"type": "Point", "coordinates": [10, 95]}, "out of range"),
        ("Hajin", "GeoJSON geometry mapping"),
    ],
)
def test_bad_geojson_is_rejected_with_a_reason(obj, match):
    with pytest.raises(InputError, match=match):
        from_geojson(obj)


@settings(max_examples=30)
@given(
    st.lists(
        st.tuples(st.floats(-170, 170), st.floats(-80, 80)), min_size=3, max_size=8
    )
)
def test_geojson_round_trip(coords):
    for geom in (Line.of(coords), Area.of(coords), Point(*coords[0])):
        again = from_geojson(geom.to_geojson())
        assert again.to_geojson() == geom.to_geojson()


def test_geometry_arrays_are_read_only():
    line = Line.of([[0, 0], [1, 1]])
    with pytest.raises(ValueError, match="read-only"):
        line.parts[0][0, 0] = 5.0


# --- bad coordinates: always one InputError, never a bare ValueError or TypeError ---
def test_an_elevation_after_lon_and_lat_is_dropped() -> None:
    """RFC 7946 allows a third element; GPS tracks exported to GeoJSON have it."""
    track = [[-4.07, 53.07, 900.5], [-4.06, 53.075, 950.1], [-4.05, 53.08, 1000]]
    assert Line.of(track).parts[0].tolist() == [
        [-4.07, 53.07], [-4.06, 53.075], [-4.05, 53.08]
    ]  # fmt: skip
    ring = [[-4.07, 53.07, 0], [-4.06, 53.07, 0], [-4.06, 53.08, 0]]
    assert Area.of(ring).polygons[0][0][:, :2].shape[1] == 2
    assert Line.of(np.array(track)).parts[0].shape == (3, 2)


@pytest.mark.parametrize(
    ("coords", "match"),
    [
        ([[1, 2], [3]], r"Point 2 of the line must be a \[lon, lat\] pair"),
        # lon, lat, an elevation and a measure are read (review 19); a fifth is not
        ([[1, 2], [3, 4, 5, 6, 7]], "Point 2 of the line"),
        ([[1, 2], ["abc", 4]], r"Got \['abc', 4\]"),
        ([[1, 2], ["3", 4]], "pair of numbers"),  # numeric strings are not numbers
        ([[1, 2], [True, 4]], "pair of numbers"),
        ([[1, 2], None], "Got None"),
        ([[1, 2], {"lon": 3, "lat": 4}], "pair of numbers"),
        ([[1, 2], [1j, 4]], "pair of numbers"),
        (
            [[1, 2], [3, float("nan")]],
            "Point 2 of the line has a coordinate that is not",
        ),
        ([[1, 2], [float("inf"), 4]], "not a finite number"),
        ([[1, 2], [10**400, 4]], "too large"),
        ([[1, 2], [200, 4]], "Point 2 of the line has a coordinate out of range"),
        ("abc", "must be a list of"),
        (None, "must be a list of"),
        (5, "must be a list of"),
        ([], "at least 2"),
        (np.array([["a", "b"], ["c", "d"]]), "pair of numbers"),
        (np.zeros((3, 5)), r"shape \(3, 5\)"),
    ],
)
def test_line_of_rejects_bad_coordinates_with_the_point_named(coords, match):
    with pytest.raises(InputError, match=match):
        Line.of(coords)


@pytest.mark.parametrize(
    "ring", [[[0, 0], [1, 1], [1]], [[0, 0], [1, 1], ["x", 0]], [[0, 0], [1, 1]]]
)
def test_area_of_rejects_bad_rings(ring):
    with pytest.raises(InputError, match="polygon ring"):
        Area.of(ring)


@pytest.mark.parametrize(
    ("build", "match"),
    [
        (lambda: Line(5), "tuple of one or more parts"),
        (lambda: Line(()), "tuple of one or more parts"),
        (lambda: Line(([[0, 0], [1]],)), "Point 2 of the line"),
        (lambda: Area(5), "tuple of one or more polygons"),
        (lambda: Area((5,)), "tuple of rings"),
        (lambda: Area(((),)), "tuple of rings"),
        (lambda: Area((([[0, 0], [1, 1], [2]],),)), "Point 3 of the polygon ring"),
        (lambda: Point("1", 2), "'lon' must be a number"),
        (lambda: Point(1, True), "'lat' must be a number"),
        (lambda: Point(10**400, 0), "too large"),
    ],
)
def test_constructors_validate_what_they_are_given(build, match):
    with pytest.raises(InputError, match=match):
        build()


def test_point_stores_floats():
    p = Point(np.float32(1.5), 2)
    assert (p.lon, p.lat) == (1.5, 2.0)
    assert type(p.lon) is float and type(p.lat) is float


@pytest.mark.parametrize(
    ("obj", "match"),
    [
        ({"type": "LineString", "coordinates": [[1, 2], [3]]}, "Point 2 of the"),
        ({"type": "LineString", "coordinates": [[1, 2], [3, "abc"]]}, "pair of num"),
        ({"type": "MultiLineString", "coordinates": 5}, "a list of lines"),
        ({"type": "MultiLineString", "coordinates": [[[0, 0], [1]]]}, "Point 2"),
        ({"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [2]]]}, "point 3 of"),
        ({"type": "Polygon", "coordinates": [5]}, "ring 1 must be a list"),
        ({"type": "Polygon", "coordinates": "abc"}, "rings"),
        ({"type": "MultiPolygon", "coordinates": [[]]}, "rings"),
        ({"type": "Point", "coordinates": ["1", 2]}, "is a Point, which needs"),
        ({"type": "Point", "coordinates": [10**400, 2]}, "too large"),
    ],
)
def test_bad_geojson_coordinates_give_one_input_error(obj, match):
    with pytest.raises(InputError, match=match):
        from_geojson(obj, what="places.River")


_scalars = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.text(max_size=3),
    st.booleans(),
    st.none(),
    st.complex_numbers(max_magnitude=10),
)
_nested = st.recursive(
    _scalars, lambda inner: st.lists(inner, max_size=4), max_leaves=16
)
_pairs = st.lists(
    st.one_of(
        st.tuples(st.floats(-180, 180), st.floats(-90, 90)).map(list),
        st.lists(_scalars, max_size=3),
        _nested,
    ),
    max_size=6,
)


@settings(max_examples=150)
@given(st.one_of(_pairs, _nested))
def test_any_coordinates_give_a_geometry_or_an_input_error(coords):
    for build in (Line.of, Area.of):
        try:
            geom = build(coords)
        except InputError:
            continue
        arrays = geom.parts if isinstance(geom, Line) else geom.polygons[0]
        for arr in arrays:
            assert arr.dtype == np.float64 and arr.ndim == 2 and arr.shape[1] == 2
            assert np.isfinite(arr).all() and not arr.flags.writeable


_lonlat_lists = st.lists(
    st.tuples(st.floats(-180, 180), st.floats(-90, 90)).map(list),
    min_size=2,
    max_size=6,
)
# well-formed coordinates of each type: lists of pairs nested 0, 1 or 2 deep
_WELL_FORMED = {
    "LineString": _lonlat_lists,
    "MultiLineString": st.lists(_lonlat_lists, min_size=1, max_size=2),
    "Polygon": st.lists(_lonlat_lists, min_size=1, max_size=2),
    "MultiPolygon": st.lists(
        st.lists(_lonlat_lists, min_size=1, max_size=2), min_size=1, max_size=2
    ),
}


@settings(max_examples=100)
@given(
    st.sampled_from(["LineString", "MultiLineString", "Polygon", "MultiPolygon"]),
    st.data(),
)
def test_any_geojson_coordinates_give_a_geometry_or_an_input_error(kind, data):
    coords = data.draw(
        st.one_of(_pairs, _nested, st.lists(_pairs, max_size=3), _WELL_FORMED[kind])
    )
    try:
        geom = from_geojson({"type": kind, "coordinates": coords})
    except InputError:
        return
    assert isinstance(geom, Line if "Line" in kind else Area)
    # what was parsed writes out as GeoJSON that parses back to the same geometry
    out = geom.to_geojson()
    assert out["type"] in (kind, kind.removeprefix("Multi"), f"Multi{kind}")
    again = from_geojson(json.loads(json.dumps(out)))
    assert type(again) is type(geom)
    assert again.to_geojson() == out


@settings(max_examples=60, deadline=None)
@given(
    cell=st.sampled_from([0.25, 1.0, 4.0]),
    x0=st.floats(-6.0, 2.0),
    y0=st.floats(-6.0, 2.0),
    w=st.floats(0.05, 4.0),
    h=st.floats(0.05, 4.0),
)
def test_coverage_of_a_box_sums_to_its_area(cell, x0, y0, w, h):
    from geosleuth.geometry import coverage

    g = Grid.around(10.0, 45.0, radius_km=12.0, cell_km=cell)
    # a box given in the grid's plane, so its area is w * h km² exactly
    ring_x = np.array([x0, x0 + w, x0 + w, x0, x0])
    ring_y = np.array([y0, y0, y0 + h, y0 + h, y0])
    lons, lats = g.xy_km_to_lonlat(ring_x, ring_y)
    area = Area.of(list(zip(lons.tolist(), lats.tolist(), strict=True)))
    c = coverage(area, g)
    assert ((c >= 0) & (c <= 1)).all()
    got = float(c.sum()) * g.cell_area_km2
    assert got == pytest.approx(w * h, rel=1e-6)  # edge cells clipped exactly


def test_a_search_smaller_than_a_cell_still_counts():
    from geosleuth.evidence import Provenance, Searched
    from geosleuth.fuse import fuse

    g = Grid.around(10.0, 45.0, radius_km=4.0, cell_km=2.0)
    # 1.8 km x 1.8 km inside one 2 km cell, clear of every cell centre
    xs = np.array([-1.9, -0.1, -0.1, -1.9, -1.9])
    ys = np.array([0.1, 0.1, 1.9, 1.9, 0.1])
    lons, lats = g.xy_km_to_lonlat(xs, ys)
    box = Area.of(list(zip(lons.tolist(), lats.tolist(), strict=True)))
    day = dt.date(2024, 1, 1)
    s = Searched(
        id="s", provenance=Provenance(document="d"), date=day, area=box, pd=1.0
    )
    est = fuse([s], g, as_of=day)
    assert est.used == ("s",)
    cell = int(g.lonlat_to_cell(*g.xy_km_to_lonlat(-1.0, 1.0)))
    # the cell keeps 1 - 0.81 of its prior share, the others renormalise
    prior = 1.0 / g.n_cells
    kept = prior * (1 - 0.81)
    assert est.posterior[cell] == pytest.approx(kept / (1 - prior * 0.81), rel=0.05)


@settings(max_examples=60, deadline=None)
@given(
    cell=st.sampled_from([0.25, 1.0]),
    x=st.floats(-8.0, 8.0),
    y=st.floats(-8.0, 8.0),
    dx=st.floats(-3.0, 3.0),
    buffer=st.floats(0.0, 2.0),
)
def test_covers_any_is_coverage_above_zero_somewhere(cell, x, y, dx, buffer):
    from geosleuth.geometry import coverage, covers_any

    g = Grid.around(10.0, 45.0, radius_km=5.0, cell_km=cell)
    lons, lats = g.xy_km_to_lonlat(np.array([x, x + dx]), np.array([y, y + 0.5]))
    for geom in (
        Point(float(lons[0]), float(lats[0])),
        Line.of(list(zip(lons.tolist(), lats.tolist(), strict=True))),
    ):
        want = bool(coverage(geom, g, buffer_km=buffer).any())
        assert covers_any(geom, g, buffer_km=buffer) is want


def test_a_long_jittery_track_is_covered_as_its_buffer_is():
    """A 3,000-point GPS track: simplified before the buffer, each cell's share
    stays within 1 % of the share of the track's own buffer (r24 L4)."""
    import shapely

    from geosleuth.geometry import coverage

    g = Grid.around(10.0, 45.0, radius_km=3.0, cell_km=0.1)
    rng = np.random.default_rng(0)
    n = 3_000
    turn = np.cumsum(rng.normal(0.0, 0.05, n))
    x = np.cumsum(np.cos(turn)) * 6e-4 - 1.0  # 0.6 m steps, 1.8 km of walking
    y = np.cumsum(np.sin(turn)) * 6e-4 + rng.normal(0.0, 3e-4, n)  # 0.3 m noise
    lons, lats = g.xy_km_to_lonlat(x, y)
    track = Line.of(list(zip(lons.tolist(), lats.tolist(), strict=True)))
    got = coverage(track, g, buffer_km=0.05)
    # the same share from the unsimplified track's buffer, cell by cell
    px, py = g.cell_xy_km()
    h = g.cell_km / 2
    exact_shape = shapely.LineString(np.column_stack([x, y])).buffer(0.05, quad_segs=32)
    cells = shapely.box(px - h, py - h, px + h, py + h)
    want = shapely.area(shapely.intersection(cells, exact_shape)) / g.cell_km**2
    assert np.abs(got - want).max() < 0.01
    # the jitter (0.3 m) widens the raw track's buffer a little: 0.3 % here
    assert float(got.sum()) == pytest.approx(float(want.sum()), rel=5e-3)
