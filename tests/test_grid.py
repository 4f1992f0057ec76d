import math

import numpy as np
import pyproj
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geosleuth.errors import InputError
from geosleuth.geometry import Area, inside
from geosleuth.grid import Grid, authalic_radius_km, laea_forward, laea_inverse


def test_authalic_radius_matches_published_value():
    # WGS84 authalic radius, 6371.0072 km (Moritz 1980 / NGA)
    assert authalic_radius_km() == pytest.approx(6371.0072, abs=1e-4)


@given(
    lon=st.floats(-179, 179),
    lat=st.floats(-85, 85),
    dlon=st.floats(-5, 5),
    dlat=st.floats(-5, 5),
)
def test_projection_round_trips(lon, lat, dlon, dlat):
    lat2 = min(max(lat + dlat, -89.0), 89.0)
    lon2 = (lon + dlon + 180) % 360 - 180
    x, y = laea_forward(lon2, lat2, lon0=lon, lat0=lat)
    back_lon, back_lat = laea_inverse(x, y, lon0=lon, lat0=lat)
    assert float(back_lat) == pytest.approx(lat2, abs=1e-6)
    assert math.cos(math.radians(float(back_lon) - lon2)) == pytest.approx(
        1.0, abs=1e-12
    )


def test_projection_agrees_with_pyproj_within_a_tenth_of_a_percent():
    geod_proj = pyproj.Transformer.from_crs(
        "EPSG:4326",
        "+proj=laea +lat_0=34.5 +lon_0=41 +ellps=WGS84 +units=km",
        always_xy=True,
    )
    lons = np.array([40.83, 36.0, 46.0, 43.1])
    lats = np.array([34.69, 31.0, 38.0, 36.3])
    ref_x, ref_y = geod_proj.transform(lons, lats)
    x, y = laea_forward(lons, lats, lon0=41.0, lat0=34.5)
    # pyproj scales the ellipsoidal LAEA to be true at the centre; ours uses the
    # authalic sphere directly: both are equal-area, distances agree to < 0.1 %.
    np.testing.assert_allclose(np.hypot(x, y), np.hypot(ref_x, ref_y), rtol=1e-3)
    # and each axis on its own (east is +x, north +y), to 0.1 % of the distance
    tol = 1e-3 * np.hypot(ref_x, ref_y)
    assert (np.abs(x - ref_x) <= tol).all(), (x, ref_x)
    assert (np.abs(y - ref_y) <= tol).all(), (y, ref_y)


@pytest.mark.parametrize(("lon0", "lat0"), [(41.0, 34.5), (-4.0, 53.0), (0.0, 0.0)])
def test_east_is_plus_x_and_north_is_plus_y(lon0, lat0):
    x, y = laea_forward(lon0 + 0.1, lat0, lon0=lon0, lat0=lat0)
    km = 0.1 * math.radians(1.0) * 6371.0 * math.cos(math.radians(lat0))
    assert float(x) == pytest.approx(km, rel=5e-3)  # 0.1° of the parallel, east
    assert abs(float(y)) < 1e-3 * float(x)
    x, y = laea_forward(lon0, lat0 + 0.1, lon0=lon0, lat0=lat0)
    assert float(y) == pytest.approx(0.1 * math.radians(1.0) * 6371.0, rel=5e-3)
    assert abs(float(x)) < 1e-9
    # the grid follows: the cell east of the centre is the next column
    g = Grid.around(lon0, lat0, radius_km=30.0, cell_km=1.0)
    gx, gy = g.lonlat_to_xy_km([lon0 + 0.1, lon0], [lat0, lat0 + 0.1])
    assert gx[0] > 0.9 * km and gy[1] > 10.0
    east = int(g.lonlat_to_cell(lon0 + 0.1, lat0))
    north = int(g.lonlat_to_cell(lon0, lat0 + 0.1))
    centre = int(g.lonlat_to_cell(*g.xy_km_to_lonlat(0.5, 0.5)))
    assert east % g.nx > centre % g.nx and east // g.nx == centre // g.nx
    assert north // g.nx > centre // g.nx and north % g.nx == centre % g.nx
    lons, lats = g.cell_lonlat()
    assert lons[centre + 1] > lons[centre] and lats[centre + g.nx] > lats[centre]


@pytest.mark.parametrize(
    ("west", "south", "east", "north"),
    [
        (0.0, 0.0, 1.0, 1.0),  # at the equator
        (40.0, 34.0, 41.0, 35.0),  # Syria
        (-0.2, 51.4, 0.1, 51.6),  # London
        (20.0, 60.0, 23.0, 61.0),  # Finland
    ],
)
def test_rasterised_box_area_matches_the_geodesic_area_to_one_percent(
    west, south, east, north
):
    geod = pyproj.Geod(ellps="WGS84")
    box = Area.box(west, south, east, north)
    ring = box.polygons[0][0]
    true_km2 = abs(geod.polygon_area_perimeter(ring[:, 0], ring[:, 1])[0]) / 1e6
    cell = math.sqrt(true_km2) / 150  # about 150 x 150 cells across the box
    grid = Grid.from_bounds(
        west - 0.1, south - 0.1, east + 0.1, north + 0.1, cell_km=cell
    )
    area = inside(box, grid).sum() * grid.cell_area_km2
    assert area == pytest.approx(true_km2, rel=0.01)


def test_cells_are_equal_area_and_numbered_from_the_south_west():
    g = Grid.around(10.0, 50.0, radius_km=3.0, cell_km=1.0)
    assert g.shape == (6, 6)
    assert g.cell_area_km2 == 1.0
    assert g.area_km2 == 36.0
    x, y = g.cell_xy_km()
    assert (x[0], y[0]) == (-2.5, -2.5)  # south-west corner cell
    assert (x[1], y[1]) == (-1.5, -2.5)  # then eastward
    assert (x[6], y[6]) == (-2.5, -1.5)  # next row north
    assert g.xy_km_to_cell([-2.5, 2.9, 3.1, np.nan], [-2.5, 2.9, 0, 0]).tolist() == [
        0,
        35,
        -1,
        -1,
    ]


def test_from_bounds_covers_the_box_and_respects_max_cells():
    g = Grid.from_bounds(36.0, 32.5, 45.0, 37.5, max_cells=50_000)
    assert g.n_cells <= 50_000 * 1.05
    w, s, e, n = g.bounds_lonlat()
    assert w <= 36.0 and s <= 32.5 and e >= 45.0 and n >= 37.5


def test_grid_round_trips_through_its_dict():
    g = Grid.from_bounds(36.0, 32.5, 45.0, 37.5, cell_km=4.0)
    assert Grid.from_dict(g.to_dict()) == g


@pytest.mark.parametrize(
    ("bounds", "match"),
    [
        ((10, 5, 10, 6), "west < east"),
        ((10, 6, 11, 5), "south < north"),
        ((float("nan"), 5, 11, 6), "finite"),
        ((-200, 5, 11, 6), "within lon"),
    ],
)
def test_bad_bounds_are_rejected(bounds, match):
    with pytest.raises(InputError, match=match):
        Grid.from_bounds(*bounds)


def test_bad_grid_fields_are_rejected():
    with pytest.raises(InputError, match="cell_km"):
        Grid(0.0, 0.0, 0.0, 0.0, -1.0, 3, 3)
    with pytest.raises(InputError, match="'nx'"):
        Grid(0.0, 0.0, 0.0, 0.0, 1.0, 0, 3)
    with pytest.raises(InputError, match="needs lon0"):
        Grid.from_dict({"lon0": 1})


@settings(max_examples=25)
@given(st.floats(-60, 60), st.floats(-170, 170))
def test_every_cell_centre_maps_back_to_its_own_cell(lat, lon):
    g = Grid.around(lon, lat, radius_km=20.0, cell_km=2.0)
    lons, lats = g.cell_lonlat()
    assert (g.lonlat_to_cell(lons, lats) == np.arange(g.n_cells)).all()


# --- regions too large for one equal-area plane ---------------------------------
@pytest.mark.parametrize(
    "bounds",
    [
        (-180, -90, 180, 90),  # the whole world: the antipode has no image
        (-180, 30, 180, 40),  # a band round the globe
        (-100, -10, 100, 10),  # more than a hemisphere across
    ],
)
def test_a_region_larger_than_a_hemisphere_is_refused(bounds):
    with pytest.raises(InputError, match="smaller than a hemisphere") as err:
        Grid.from_bounds(*bounds)
    assert err.value.field == "bounds"


@pytest.mark.parametrize(
    "bounds", [(-90, -10, 90, 10), (-180, 80, 180, 90), (-45, -45, 45, 45)]
)
def test_a_region_up_to_a_hemisphere_gets_a_finite_grid(bounds):
    g = Grid.from_bounds(*bounds)
    assert g.n_cells <= 250_000
    lons, lats = g.cell_lonlat()
    assert np.isfinite(lons).all() and np.isfinite(lats).all()
    t = np.linspace(0.0, 1.0, 33)
    west, south, east, north = bounds
    edge_lons = np.concatenate([west + (east - west) * t, np.full_like(t, east)])
    edge_lats = np.concatenate([np.full_like(t, south), south + (north - south) * t])
    assert (g.lonlat_to_cell(edge_lons, edge_lats) >= 0).all()


# --- max_cells holds whether the cell size is given or chosen ----------------------
def test_a_given_cell_size_that_exceeds_max_cells_is_refused_with_the_count():
    big = Grid.from_bounds(40.0, 34.0, 42.0, 36.0, cell_km=0.5, max_cells=10**6)
    with pytest.raises(InputError, match="cell_km") as err:
        Grid.from_bounds(40.0, 34.0, 42.0, 36.0, cell_km=0.5, max_cells=100_000)
    # the count in the message is the grid the cell size would have made
    assert f"into {big.n_cells:,} cells" in err.value.message
    assert "--cell-km" in err.value.message
    assert "limit of 100,000" in err.value.message
    assert err.value.field == "cell_km"


def test_a_tiny_cell_size_is_refused_before_any_allocation():
    # 0.01 km over the seed case's region: about 4e8 cells, 3 GiB per float array
    with pytest.raises(InputError, match=r"at least 0\.5 km"):
        Grid.from_bounds(40.0, 34.0, 42.0, 36.0, cell_km=0.01)
    with pytest.raises(InputError, match="more than 1e308"):
        Grid.from_bounds(40.0, 34.0, 42.0, 36.0, cell_km=1e-320)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"cell_km": float("nan")}, "'cell_km' must be a positive number"),
        ({"cell_km": float("inf")}, "'cell_km' must be a positive number"),
        ({"cell_km": True}, "'cell_km' must be a positive number"),
        ({"cell_km": 0}, "'cell_km' must be a positive number"),
        ({"max_cells": 0}, "'max_cells' must be a positive integer"),
        ({"max_cells": 2.5}, "'max_cells' must be a positive integer"),
    ],
)
def test_bad_cell_size_or_limit_is_rejected(kwargs, match):
    with pytest.raises(InputError, match=match):
        Grid.from_bounds(40.0, 34.0, 42.0, 36.0, **kwargs)


def test_the_chosen_cell_size_keeps_a_thin_box_within_max_cells():
    # sqrt(area / max_cells) alone would give 10 x 1 cells here
    g = Grid.from_bounds(0.0, 0.0, 10.0, 0.0001, max_cells=5)
    assert g.n_cells <= 5


@settings(max_examples=60)
@given(
    st.floats(-180, 180),
    st.floats(-90, 90),
    st.floats(-180, 180),
    st.floats(-90, 90),
    st.one_of(st.none(), st.floats(1e-320, 1e4)),
    st.integers(1, 10**6),
)
def test_from_bounds_gives_a_grid_within_max_cells_or_an_input_error(
    a, b, c, d, cell_km, max_cells
):
    west, east, south, north = min(a, c), max(a, c), min(b, d), max(b, d)
    try:
        g = Grid.from_bounds(
            west, south, east, north, cell_km=cell_km, max_cells=max_cells
        )
    except InputError:
        return
    assert 1 <= g.n_cells <= max_cells
    assert all(math.isfinite(v) for v in (g.west_km, g.south_km, g.cell_km))
