"""Helper g216: review r211's M5, M6, M4, M8 and L5 (GPS files, the report, verify).

- M5: a GPX route (``rte``, where a team meant to go) beside a track (``trk``,
  where it went) is left out, and said; a file of routes only is read and
  warned of.
- M6: a GPS file's own times are set against ``--date`` / ``'date'``: another
  day is warned of, naming the file's span; the same day without a time gets a
  note that the time could be given (the file's end, in UTC).
- L5: messages name the options of the command and the fields of the service.
- M4: a point that only a left-out item names is still ranked (a candidate):
  the report's "no item uses" table says so.
- M8: an estimate.json whose layout keeps ``headline`` (``format_version`` 2)
  and has it removed differs; one of an older layout is "not checked".
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from geosleuth.cli import app as cli_app
from geosleuth.errors import EvidenceWarning, InputError
from geosleuth.gpsfiles import read_search_ground
from geosleuth.service.searches import search_from_form
from hikers import RMNP_CASE

runner = CliRunner()

TRACK = ((-105.6453, 40.3134), (-105.65, 40.311))
ROUTE = (
    '<rte><name>planned</name><rtept lat="40.33" lon="-105.62"/>'
    '<rtept lat="40.335" lon="-105.61"/></rte>'
)


def _gpx(*, track: bool = True, route: bool = False, times: tuple = ()) -> str:
    stamps = [f"<time>{t}</time>" for t in times] or ["", ""]
    pts = "".join(
        f'<trkpt lat="{lat}" lon="{lon}">{t}</trkpt>'
        for (lon, lat), t in zip(TRACK, stamps, strict=True)
    )
    trk = f"<trk><name>A</name><trkseg>{pts}</trkseg></trk>" if track else ""
    return (
        '<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">'
        f"{trk}{ROUTE if route else ''}</gpx>"
    )


def _searched(tmp: Path, gpx: str, *args: str) -> tuple[int, str, str]:
    """Run 'searched' with a GPX file; its exit code, what it said, what it wrote."""
    case = tmp / "case.yaml"
    if not case.exists():
        case.write_text(RMNP_CASE, encoding="utf-8")
    before = case.read_text(encoding="utf-8")
    path = tmp / "walk.gpx"
    path.write_text(gpx, encoding="utf-8")
    result = runner.invoke(
        cli_app,
        ["searched", str(case), "--geojson", str(path), *args],
        terminal_width=400,
    )
    said = " ".join((result.output + result.stderr).split())
    return result.exit_code, said, case.read_text(encoding="utf-8")[len(before) :]


BASE = ("--date", "2024-09-15", "--pd", "0.5", "--buffer-km", "0.1")


# -- M5: routes beside tracks ---------------------------------------------------------


def test_a_route_beside_a_track_is_left_out_and_said(tmp_path) -> None:
    code, said, written = _searched(tmp_path, _gpx(route=True), *BASE)
    assert code == 0, said
    assert "The route 'planned' of " in said and "walk.gpx is not read" in said
    assert "where a team meant to go" in said
    assert "-105.62" not in written and "-105.65" in written  # the track only


def test_a_track_alone_is_read_with_no_word_of_routes(tmp_path) -> None:
    # near miss: no route, nothing said of routes
    code, said, written = _searched(tmp_path, _gpx(), *BASE)
    assert code == 0, said
    assert "route" not in said and "Warning" not in said
    assert "-105.65" in written


def test_a_file_of_routes_only_is_read_and_warned_of(tmp_path) -> None:
    path = tmp_path / "plan.gpx"
    path.write_text(_gpx(track=False, route=True), encoding="utf-8")
    with pytest.warns(EvidenceWarning, match="a planned route") as caught:
        ground = read_search_ground(path)
    assert "was it walked?" in str(caught[0].message)
    assert ground.geometry.kind == "line"
    assert ground.geometry.to_geojson()["coordinates"][0] == [-105.62, 40.33]


def test_a_route_beside_a_plans_areas_is_left_out(tmp_path) -> None:
    # a trk of type boundary (a plan's outline) is a track too: the route goes
    ring = (
        '<trkpt lat="40.30" lon="-105.66"/><trkpt lat="40.30" lon="-105.64"/>'
        '<trkpt lat="40.32" lon="-105.64"/><trkpt lat="40.30" lon="-105.66"/>'
    )
    gpx = _gpx(track=False, route=True).replace(
        "<rte>", f"<trk><type>boundary</type><trkseg>{ring}</trkseg></trk><rte>"
    )
    path = tmp_path / "area.gpx"
    path.write_text(gpx, encoding="utf-8")
    with pytest.warns(EvidenceWarning, match="route 'planned' of .* is not read"):
        ground = read_search_ground(path)
    assert ground.geometry.kind == "area"


# -- M6: the file's times against the search's date and time --------------------------

STAMPS = ("2024-09-15T19:05:00Z", "2024-09-15T19:40:00Z")


def test_a_track_stamped_another_day_is_warned_of(tmp_path) -> None:
    args = ("--date", "2024-09-16", "--pd", "0.5", "--buffer-km", "0.1")
    code, said, written = _searched(tmp_path, _gpx(times=STAMPS), *args)
    assert code == 0, said
    assert (
        "walk.gpx run 2024-09-15 19:05 to 19:40 UTC, not on --date "
        "2024-09-16: the search is recorded on 2024-09-16 as given; check --date"
    ) in said
    assert "date: '2024-09-16'" in written  # recorded as given


def test_a_track_of_the_day_without_a_time_says_the_time_could_be_given(
    tmp_path,
) -> None:
    code, said, written = _searched(tmp_path, _gpx(times=STAMPS), *BASE)
    assert code == 0, said
    assert "could be given as --time 19:40, its end" in said
    assert "the file is in UTC" in said and "not on --date" not in said
    assert "time:" not in written  # nothing recorded is changed


def test_a_track_of_the_day_with_its_time_is_not_remarked(tmp_path) -> None:
    # near miss: the day and a time given, nothing to say
    code, said, written = _searched(
        tmp_path, _gpx(times=STAMPS), *BASE, "--time", "19:40"
    )
    assert code == 0, said
    assert "The times in" not in said
    assert "time: '19:40'" in written or 'time: "19:40"' in written


def test_a_kml_tracks_when_is_read(tmp_path) -> None:
    path = tmp_path / "walk.kml"
    path.write_text(
        '<kml xmlns="http://www.opengis.net/kml/2.2" '
        'xmlns:gx="http://www.google.com/kml/ext/2.2"><Placemark><gx:Track>'
        "<when>2024-09-15T19:05:00+02:00</when><when>2024-09-15T19:40:00+02:00</when>"
        "<gx:coord>-105.6453 40.3134 0</gx:coord><gx:coord>-105.65 40.311 0</gx:coord>"
        "</gx:Track></Placemark></kml>",
        encoding="utf-8",
    )
    span = read_search_ground(path).span
    assert span is not None and span.text() == "2024-09-15 17:05 to 17:40 UTC"


def test_a_file_without_times_has_no_span(tmp_path) -> None:
    path = tmp_path / "walk.gpx"
    path.write_text(_gpx(), encoding="utf-8")
    assert read_search_ground(path).span is None


# -- L5: the options and fields named -------------------------------------------------

MIXED = {
    "type": "FeatureCollection",
    "features": [
        {"type": "Feature", "properties": {}, "geometry": {"type": "LineString",
            "coordinates": [[-105.6453, 40.3134], [-105.65, 40.311]]}},
        {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon",
            "coordinates": [[[-105.66, 40.30], [-105.64, 40.30], [-105.64, 40.32],
                             [-105.66, 40.30]]]}},
    ],
}  # fmt: skip


def test_mixed_geojson_names_the_buffer_option(tmp_path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(RMNP_CASE, encoding="utf-8")
    path = tmp_path / "mixed.geojson"
    path.write_text(json.dumps(MIXED), encoding="utf-8")
    result = runner.invoke(
        cli_app, ["searched", str(case), "--geojson", str(path), *BASE],
        terminal_width=400,
    )  # fmt: skip
    said = " ".join((result.output + result.stderr).split())
    assert result.exit_code != 0
    assert "(the lines with --buffer-km)" in said and "--radius-km" not in said


def test_a_buffer_in_metres_is_named_as_the_buffer(tmp_path) -> None:
    args = ("--date", "2024-09-15", "--pd", "0.5", "--buffer-km", "50")
    code, said, written = _searched(tmp_path, _gpx(), *args)
    assert code != 0 and not written
    assert "If you meant 50 m, give --buffer-km 0.05." in said


def test_a_points_radius_in_metres_is_named_as_the_radius(tmp_path) -> None:
    # near miss: --point's distance is --radius-km, as before
    case = tmp_path / "case.yaml"
    case.write_text(RMNP_CASE, encoding="utf-8")
    result = runner.invoke(
        cli_app,
        ["searched", str(case), "--date", "2024-09-15", "--pd", "0.5",
         "--point", "-105.65,40.31", "--radius-km", "50"],
        terminal_width=400,
    )  # fmt: skip
    said = " ".join((result.output + result.stderr).split())
    assert result.exit_code != 0
    assert "If you meant 50 m, give --radius-km 0.05." in said


def test_pd_as_a_percent_gets_the_fraction(tmp_path) -> None:
    args = ("--date", "2024-09-15", "--pd", "60", "--buffer-km", "0.1")
    code, said, _ = _searched(tmp_path, _gpx(), *args)
    assert code != 0 and "did you mean 0.6?" in said


def test_pd_far_above_a_percent_gets_no_guess(tmp_path) -> None:
    # near miss: 250 is no percent
    args = ("--date", "2024-09-15", "--pd", "250", "--buffer-km", "0.1")
    code, said, _ = _searched(tmp_path, _gpx(), *args)
    assert code != 0 and "did you mean" not in said and "Got 250" in said


def test_the_form_names_buffer_km_for_a_files_radius() -> None:
    fields = {"date": "2024-09-15", "pd": "0.5", "radius_km": "0.1"}
    with pytest.raises(InputError, match=r"give 'buffer_km'.*not 'radius_km'") as got:
        search_from_form(fields, with_file=True)
    assert got.value.field == "radius_km"
    # near miss: without a file, a radius alone is half a disc, as before
    with pytest.raises(InputError, match="Give the whole disc: lon, lat missing"):
        search_from_form(fields)


def test_the_form_refuses_a_disc_beside_a_file() -> None:
    fields = {"date": "2024-09-15", "pd": "0.5", "lon": "-105.6", "lat": "40.3"}
    with pytest.raises(InputError, match="the GPS file 'gps' or a disc"):
        search_from_form({**fields, "buffer_km": "0.1"}, with_file=True)


# -- the service (its fields named, its warnings and notes) ----------------------------


@pytest.fixture
def service(tmp_path: Path):
    pytest.importorskip("starlette")
    pytest.importorskip("httpx")
    from geosleuth.service import create_app
    from serving import call

    app = create_app(tmp_path / "data", users={"ana": "tok-ana"})
    r = call(app, "POST", "/api/cases", content=RMNP_CASE.encode(), headers=ANA)
    assert r.status_code == 201, r.text
    return app, r.json()["id"]


ANA = {"Authorization": "Bearer tok-ana"}


def _post(app, case_id, name, data, fields):
    from serving import call

    return call(
        app,
        "POST",
        f"/api/cases/{case_id}/searched",
        data=fields,
        files={"gps": (name, data, "application/octet-stream")},
        headers=ANA,
    )


def test_the_service_leaves_a_route_out_and_warns_of_another_day(service) -> None:
    app, case_id = service
    fields = {"date": "2024-09-16", "pd": "0.5", "buffer_km": "0.1"}
    r = _post(app, case_id, "walk.gpx", _gpx(route=True, times=STAMPS).encode(), fields)
    assert r.status_code == 201, r.text
    said = " ".join(r.json()["warnings"])
    assert "The route 'planned' of walk.gpx is not read" in said
    assert "not on 'date' 2024-09-16" in said and "check 'date'" in said


def test_the_service_notes_the_time_of_a_track_of_the_day(service) -> None:
    app, case_id = service
    fields = {"date": "2024-09-15", "pd": "0.5", "buffer_km": "0.1"}
    r = _post(app, case_id, "walk.gpx", _gpx(times=STAMPS).encode(), fields)
    assert r.status_code == 201, r.text
    assert r.json()["warnings"] == []
    assert any("given as 'time' 19:40" in n for n in r.json()["notes"])


def test_the_service_names_its_field_for_mixed_geojson(service) -> None:
    app, case_id = service
    fields = {"date": "2024-09-15", "pd": "0.5", "buffer_km": "0.1"}
    r = _post(app, case_id, "mixed.geojson", json.dumps(MIXED).encode(), fields)
    assert r.status_code == 422, r.text
    message = r.json()["message"]
    assert "(the lines with 'buffer_km')" in message and "--" not in message


def test_the_service_hints_a_percent_pd(service) -> None:
    from serving import call

    app, case_id = service
    body = {"date": "2024-09-15", "pd": 60, "box": [-105.7, 40.3, -105.6, 40.35]}
    r = call(app, "POST", f"/api/cases/{case_id}/searched", json=body, headers=ANA)
    assert r.status_code == 422 and "did you mean 0.6?" in r.text
    body["pd"] = 0.6  # near miss
    r = call(app, "POST", f"/api/cases/{case_id}/searched", json=body, headers=ANA)
    assert r.status_code == 201, r.text


def test_the_service_names_buffer_km_for_a_files_radius_km(service) -> None:
    app, case_id = service
    fields = {"date": "2024-09-15", "pd": "0.5", "radius_km": "0.1"}
    r = _post(app, case_id, "walk.gpx", _gpx().encode(), fields)
    assert r.status_code == 422 and "give 'buffer_km'" in r.text
    assert "whole disc" not in r.text


# -- M4: a point only a left-out item names is still ranked: the table says so ---------


def test_a_point_named_only_by_a_left_out_item_is_said_to_be_ranked(
    tmp_path, monkeypatch
) -> None:
    from test_e205_report import PLACES, _locate, _unused_rows

    out, _, _ = _locate(tmp_path, PLACES, monkeypatch)
    rec = json.loads((out / "estimate.json").read_text(encoding="utf-8"))
    ranked = [p["name"] for p in rec["places"]]
    assert "Zagreb" in ranked  # the left-out s2 names it: a candidate all the same
    rows = {name: why for name, _, why in _unused_rows(
        (out / "report.html").read_text(encoding="utf-8"))}  # fmt: skip
    rank = ranked.index("Zagreb") + 1
    assert rows["Zagreb"] == (
        f"named only by items left out: s2; ranked all the same (row {rank}), a "
        "candidate place"
    )
    # near misses: a point no item names is not ranked, and says nothing of it;
    # a polygon named only by a left-out claim is not ranked either
    assert "Mostar <b>" not in ranked
    assert rows["Mostar &lt;b&gt;"] == "not used by any item"
    assert rows["Later bay"] == "named only by items left out: c3"
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "take no part in the estimate and are not drawn" not in page


# -- M8: a headline removed from an estimate.json that keeps one -----------------------


def test_a_headline_removed_from_this_versions_estimate_differs(
    tmp_path, monkeypatch
) -> None:
    from test_d103 import CASE
    from test_e205_report import _locate, _verify

    out, _, _ = _locate(tmp_path, CASE, monkeypatch)
    path = out / "estimate.json"
    rec = json.loads(path.read_text(encoding="utf-8"))
    assert rec["format_version"] == 2 and rec["headline"]
    removed = {k: v for k, v in rec.items() if k != "headline"}
    path.write_text(json.dumps(removed), encoding="utf-8")
    code, said = _verify(out)
    assert code == 1, said
    assert "differs headline at headline (missing)" in said
    # near miss: an estimate.json of before the layout kept a headline (no
    # format_version) still verifies, the headline not checked
    del removed["format_version"]
    path.write_text(json.dumps(removed), encoding="utf-8")
    code, said = _verify(out)
    assert code == 0, said
    assert "not checked headline (not recorded (older version))" in said


# -- L7: a long track thinned before it is written ------------------------------------


def _long_gpx(n: int) -> str:
    """A track of ``n`` points along a gentle curve near the RMNP trailhead."""
    import math

    pts = "".join(
        f'<trkpt lat="{40.3134 + 0.01 * math.sin(i / n * 3):.7f}" '
        f'lon="{-105.6453 + 0.03 * i / n:.7f}"/>'
        for i in range(n)
    )
    return (
        '<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">'
        f"<trk><trkseg>{pts}</trkseg></trk></gpx>"
    )


def test_a_long_track_is_thinned_before_it_is_written(tmp_path) -> None:
    import shapely

    from geosleuth.casefile import load_case
    from geosleuth.geometry import coverage
    from geosleuth.gpsfiles import _plane_km

    gpx = _long_gpx(5000)
    code, said, written = _searched(tmp_path, gpx, *BASE)
    assert code == 0, said
    assert "The track of " in said and "5,000 points, is written as" in said
    assert "within 5 m of it" in said  # 5 % of 0.1 km
    case = load_case(tmp_path / "case.yaml")
    kept = case.items[-1].area
    n_kept = sum(len(p) for p in kept.parts)
    assert 2 < n_kept < 200 and f"written as {n_kept:,} of them" in said
    assert written.count("\n      - [") == n_kept
    # every recorded point lies within the tolerance of the line written, and
    # the ground it covers is the same to well under 1 %
    full = read_search_ground(tmp_path / "walk.gpx").geometry
    lon0, lat0 = full.parts[0][0]
    line = shapely.LineString(_plane_km(kept.parts[0], lon0, lat0))
    far = shapely.distance(shapely.points(_plane_km(full.parts[0], lon0, lat0)), line)
    assert float(far.max()) <= 0.005 * 1.001
    a = coverage(full, case.grid, buffer_km=0.1)
    b = coverage(kept, case.grid, buffer_km=0.1)
    assert abs(a.sum() - b.sum()) / a.sum() < 0.005


def test_a_track_of_a_thousand_points_is_written_whole(tmp_path) -> None:
    # near miss: at THIN_ABOVE points and fewer, written as given, nothing said
    code, said, written = _searched(tmp_path, _long_gpx(1000), *BASE)
    assert code == 0, said
    assert "is written as" not in said
    assert written.count("\n      - [") == 1000


def test_the_service_thins_a_long_track_and_says_so(service) -> None:
    app, case_id = service
    fields = {"date": "2024-09-15", "pd": "0.5", "buffer_km": "0.1"}
    r = _post(app, case_id, "day.gpx", _long_gpx(5000).encode(), fields)
    assert r.status_code == 201, r.text
    (note,) = [n for n in r.json()["notes"] if "is written as" in n]
    assert note.startswith("The track of day.gpx, 5,000 points, is written as")
