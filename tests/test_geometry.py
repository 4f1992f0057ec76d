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
        ({"type": "Point", "coordinates": [0]}, "Point needs"),
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
