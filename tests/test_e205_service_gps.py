"""Helper e205 (1): the service's search takes an uploaded GPS file.

``geosleuth searched CASE --geojson FILE --buffer-km W`` reads GeoJSON, GPX and
KML; the service's ``POST /api/cases/{id}/searched`` (and the case page's form)
took only a box or a disc. It now takes the file too, multipart as ``gps``
with ``buffer_km``, read by the same code
(:func:`geosleuth.gpsfiles.read_search_ground`) and checked by the same checks
(:func:`geosleuth.casefile.check_search`), with the same warnings.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")

from typer.testing import CliRunner

from geosleuth.cli import app as cli_app
from geosleuth.service import create_app
from geosleuth.service.users import User
from hikers import RMNP_CASE
from serving import call, error_of, files_of

runner = CliRunner()
TRACK = [(-105.6453, 40.3134), (-105.65, 40.311), (-105.6594, 40.3095)]
HOSTILE = "<img src=x onerror=alert(1)>.gpx"


def _gpx(points: list[tuple[float, float]], *, waypoint: bool = False) -> bytes:
    pts = "".join(f'<trkpt lat="{lat}" lon="{lon}"/>' for lon, lat in points)
    wpt = '<wpt lat="40.312" lon="-105.652"><name>cairn</name></wpt>' * waypoint
    return (
        '<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">'
        f"{wpt}<trk><trkseg>{pts}</trkseg></trk></gpx>"
    ).encode()


@pytest.fixture
def service(tmp_path: Path):
    """(app, data folder, case id) of a service holding the RMNP case."""
    app = create_app(tmp_path / "data", users={
        "ana": "tok-ana", "vic": User("tok-vic", role="viewer")})  # fmt: skip
    r = call(app, "POST", "/api/cases", content=RMNP_CASE.encode(), headers=ANA)
    assert r.status_code == 201, r.text
    return app, tmp_path / "data", r.json()["id"]


ANA = {"Authorization": "Bearer tok-ana"}
VIC = {"Authorization": "Bearer tok-vic"}
FIELDS = {"date": "2024-09-15", "pd": "0.5", "buffer_km": "0.1"}


def _post(app, case_id, name, data, fields=FIELDS, headers=ANA, url=None):
    return call(
        app,
        "POST",
        url or f"/api/cases/{case_id}/searched",
        data=fields,
        files={"gps": (name, data, "application/gpx+xml")},
        headers=headers,
    )


def _case_text(data: Path, case_id: str) -> str:
    return (data / "cases" / case_id / "case.yaml").read_text(encoding="utf-8")


def test_a_gpx_track_is_recorded_as_the_cli_records_it(service, tmp_path) -> None:
    app, data, case_id = service
    before = _case_text(data, case_id)
    r = _post(app, case_id, "walk.gpx", _gpx(TRACK, waypoint=True))
    assert r.status_code == 201, r.text
    got = r.json()
    assert [a["id"] for a in got["added"]] == ["search-2024-09-15-1"]
    assert got["added"][0]["buffer_km"] == 0.1
    # the waypoint beside the track is left out, and said, as the command says it
    (said,) = got["warnings"]
    assert said.startswith("EvidenceWarning: 1 point (waypoint) of walk.gpx is not")
    served = _case_text(data, case_id)[len(before) :]
    # the same file through 'geosleuth searched'
    case = tmp_path / "case.yaml"
    case.write_text(before, encoding="utf-8")
    gpx = tmp_path / "walk.gpx"
    gpx.write_bytes(_gpx(TRACK, waypoint=True))
    result = runner.invoke(cli_app, [
        "searched", str(case), "--date", "2024-09-15", "--pd", "0.5",
        "--geojson", str(gpx), "--buffer-km", "0.1"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "1 point (waypoint) of" in " ".join(result.stderr.split())
    written = case.read_text(encoding="utf-8")[len(before) :]
    assert served == written and "LineString" in served
    log = call(app, "GET", f"/api/cases/{case_id}/log", headers=ANA).json()["log"]
    assert log[-1]["action"] == "searched" and log[-1]["file"] == "walk.gpx"


def test_a_one_point_gpx_is_warned_of(service) -> None:
    app, _, case_id = service
    r = _post(app, case_id, "one.gpx", _gpx(TRACK[2:]))
    assert r.status_code == 201, r.text
    (said,) = r.json()["warnings"]
    assert "one.gpx holds a single point (-105.6594,40.3095)" in said
    assert "recorded as a point searched within 0.1 km of it" in said


def test_a_two_point_gpx_is_not_warned_of(service) -> None:
    # near miss: a track of two fixes is a track
    app, _, case_id = service
    r = _post(app, case_id, "two.gpx", _gpx(TRACK[1:]))
    assert r.status_code == 201, r.text
    assert r.json()["warnings"] == []


def test_a_gpx_with_a_doctype_is_refused_and_nothing_written(service) -> None:
    app, data, case_id = service
    before = files_of(data)
    evil = (
        b'<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY xxe SYSTEM '
        b'"file:///etc/passwd">]><gpx><wpt lat="40.31" lon="-105.65">'
        b"<name>&xxe;</name></wpt></gpx>"
    )
    got = error_of(_post(app, case_id, "evil.gpx", evil), 422)
    assert "evil.gpx declares a document type" in got["message"]
    assert got["field"] == "gps"
    assert "root:" not in got["message"] and "/tmp" not in got["message"]
    assert files_of(data) == before


def test_a_file_that_is_no_gps_file_is_refused_clearly(service) -> None:
    app, data, case_id = service
    before = files_of(data)
    got = error_of(_post(app, case_id, "report.pdf", b"%PDF-1.7 \xe2\x00binary"), 422)
    assert got["field"] == "gps"
    assert got["message"].startswith("report.pdf is not a GPS file: 'gps' takes a GPX")
    assert files_of(data) == before
    # a track with no buffer is refused naming buffer_km
    fields = {"date": "2024-09-15", "pd": "0.5"}
    got = error_of(_post(app, case_id, "walk.gpx", _gpx(TRACK), fields), 422)
    assert got["field"] == "buffer_km"
    # a GPS file and a box at once
    got = error_of(_post(app, case_id, "walk.gpx", _gpx(TRACK), {
        **FIELDS, "west": "-105.67", "south": "40.305", "east": "-105.65",
        "north": "40.315"}), 422)  # fmt: skip
    assert got["field"] == "box"
    assert files_of(data) == before


def test_a_sign_lost_in_a_gpx_is_refused_as_for_a_box(service) -> None:
    app, data, case_id = service
    before = files_of(data)
    flipped = [(-lon, lat) for lon, lat in TRACK]
    got = error_of(_post(app, case_id, "walk.gpx", _gpx(flipped)), 422)
    assert got["field"] == "gps"
    assert "The search 'gps' file walk.gpx" in got["message"]
    assert "sign of its longitude changed" in got["message"]
    assert files_of(data) == before


def test_a_viewer_cannot_post_a_gps_file(service) -> None:
    app, data, case_id = service
    before = files_of(data)
    r = _post(app, case_id, "walk.gpx", _gpx(TRACK), headers=VIC)
    assert error_of(r, 403)["field"] == "role"
    r = _post(app, case_id, "walk.gpx", _gpx(TRACK), headers=VIC,
              url=f"/cases/{case_id}/searched")  # fmt: skip
    assert r.status_code == 403
    assert files_of(data) == before


def test_a_gps_file_over_the_upload_limit_is_413(tmp_path) -> None:
    app = create_app(tmp_path, max_upload_bytes=4000)
    case_id = call(app, "POST", "/api/cases", content=RMNP_CASE.encode()).json()["id"]
    big = _gpx(TRACK * 200)
    r = _post(app, case_id, "big.gpx", big, headers={})
    assert r.status_code == 413, r.text


def test_the_page_form_takes_the_file_and_escapes_its_name(service) -> None:
    app, _, case_id = service
    page = call(app, "GET", f"/cases/{case_id}", headers=ANA).text
    assert 'action="/cases/' in page and 'enctype="multipart/form-data"' in page
    assert 'type="file" name="gps"' in page and 'name="buffer_km"' in page
    url = f"/cases/{case_id}/searched"
    # a one-point file: the page of notes says the warning, its name escaped
    r = _post(app, case_id, HOSTILE, _gpx(TRACK[2:]), url=url)
    assert r.status_code == 200, r.text
    assert "<img src=x" not in r.text
    assert "&lt;img src=x onerror=alert(1)&gt;.gpx holds a single point" in r.text
    # refused: the error page escapes it too
    r = _post(app, case_id, HOSTILE, b"not a track", url=url)
    assert r.status_code == 422 and "<img src=x" not in r.text
    assert "&lt;img src=x onerror=alert(1)&gt;.gpx is not well-formed XML" in r.text
    # and the log on the case page
    page = call(app, "GET", f"/cases/{case_id}", headers=ANA).text
    assert "<img src=x" not in page and "file &lt;img src=x" in page


def test_the_form_without_a_file_still_records_a_box(service) -> None:
    # near miss: the form, multipart now, sends an empty file input with a box
    app, data, case_id = service
    fields = {"date": "2024-09-15", "time": "11:00", "pd": "0.5", "west": "-105.67",
              "south": "40.305", "east": "-105.65", "north": "40.315"}  # fmt: skip
    r = call(app, "POST", f"/cases/{case_id}/searched", data=fields,
             files={"gps": ("", b"", "application/octet-stream")},
             headers=ANA)  # fmt: skip
    assert r.status_code == 303, r.text
    assert "search-2024-09-15-1" in _case_text(data, case_id)
    # and the urlencoded form of before
    r = call(app, "POST", f"/cases/{case_id}/searched", data=fields, headers=ANA)
    assert r.status_code == 303, r.text
    # JSON with a buffer_km but no file: told what buffer_km is for
    r = call(app, "POST", f"/api/cases/{case_id}/searched", headers=ANA,
             json={"date": "2024-09-15", "pd": 0.5, "box": [-105.67, 40.305,
                   -105.65, 40.315], "buffer_km": 0.1})  # fmt: skip
    assert error_of(r, 422)["field"] == "buffer_km"
