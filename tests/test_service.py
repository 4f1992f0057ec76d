"""The team web service, in-process through httpx.ASGITransport (no sockets)."""

import asyncio
import datetime as dt
import json
import math
import re
import shutil
import sys
import time
from html import unescape as html_unescape

import numpy as np
import pytest

pytest.importorskip("starlette")
httpx = pytest.importorskip("httpx")

from typer.testing import CliRunner  # noqa: E402

from conftest import REPO  # noqa: E402
from geosleuth.casefile import load_case, parse_case  # noqa: E402
from geosleuth.cli import app as cli_app  # noqa: E402
from geosleuth.cli.locate import run_locate  # noqa: E402
from geosleuth.errors import InputError, MissingDependencyError  # noqa: E402
from geosleuth.evidence import Searched  # noqa: E402
from geosleuth.report.files import load_posterior  # noqa: E402
from geosleuth.service import create_app  # noqa: E402
from geosleuth.service.pipeline import check_case_text  # noqa: E402
from geosleuth.service.store import case_slug, document_name  # noqa: E402
from serving import call, error_of  # noqa: E402


def put_case_yaml(app, case_id, content, **kwargs):
    """PUT a new case file, as of the version there now (its ETag as If-Match)."""
    url = f"/api/cases/{case_id}/case.yaml"
    headers = {"If-Match": call(app, "GET", url).headers["etag"]}
    return call(app, "PUT", url, content=content, headers=headers, **kwargs)


HIKER = REPO / "src" / "geosleuth" / "examples" / "missing-hiker.yaml"
HIKER_ID = "missing-walker-on-yr-wyddfa-as-of-the-morning"
# Pen-y-Pass car park, the top place of the hiker case, and the ground around it
BOX = [-4.03, 53.075, -4.015, 53.085]
HOSTILE_KIND = (
    b"target: x\nevidence:\n  - {id: e, kind: '<b>x</b>', date: 2024-01-01}\n"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01" + bytes(range(256))


def box_mass(run_folder):
    grid, p = load_posterior(run_folder)
    lons, lats = grid.cell_lonlat()
    inside = (lons >= BOX[0]) & (lons <= BOX[2]) & (lats >= BOX[1]) & (lats <= BOX[3])
    return float(p[inside].sum())


@pytest.fixture(scope="module")
def hiker(tmp_path_factory):
    """A service with the hiker case created and estimated once."""
    data = tmp_path_factory.mktemp("data")
    app = create_app(data)
    created = call(app, "POST", "/api/cases", content=HIKER.read_bytes())
    assert created.status_code == 201, created.text
    case_id = created.json()["id"]
    est = call(app, "POST", f"/api/cases/{case_id}/estimate")
    assert est.status_code == 201, est.text
    return app, data, case_id, est.json()


@pytest.fixture(scope="module")
def direct(tmp_path_factory):
    """The same case through the library, with no service."""
    out = tmp_path_factory.mktemp("direct")
    run_locate([HIKER], out=out, quiet=True)
    return json.loads((out / "estimate.json").read_text())


# ------------------------------------------------------------------ main flow
def test_health_names_the_version(tmp_path):
    import geosleuth

    r = call(create_app(tmp_path), "GET", "/health")
    assert r.status_code == 200
    assert r.json() == {"status": "ok", "version": geosleuth.__version__}


def test_case_id_is_a_slug_of_the_title_and_stays_unique(tmp_path):
    app = create_app(tmp_path)
    first = call(app, "POST", "/api/cases", content=HIKER.read_bytes())
    assert first.status_code == 201
    assert first.json()["id"] == HIKER_ID
    again = call(app, "POST", "/api/cases", content=HIKER.read_text())
    assert again.status_code == 201
    assert again.json()["id"] == f"{HIKER_ID}-2"
    listed = call(app, "GET", "/api/cases").json()["cases"]
    assert [c["id"] for c in listed] == [HIKER_ID, f"{HIKER_ID}-2"]
    assert all(c["runs"] == [] and c["latest_run"] is None for c in listed)
    stored = tmp_path / "cases" / HIKER_ID / "case.yaml"
    assert stored.read_bytes() == HIKER.read_bytes()


def test_estimate_equals_what_run_locate_gives_for_the_same_case(hiker, direct):
    app, _, case_id, est = hiker
    assert case_id == HIKER_ID
    summary = est["summary"]
    assert est["run"] == "0001"
    assert est["warnings"] == []
    assert summary["places"][0]["name"] == direct["places"][0]["name"]
    assert summary["places"][0]["name"] == "Bwlch y Moch"
    assert summary["places"][0]["probability"] == direct["places"][0]["probability"]
    # 0.188307 (Pen-y-Pass car park) before the walker's timed fixes were
    # followed as a track, at the walk's pace, rather than multiplied; the map
    # is for 09:00 on 2024-10-13 (as_of: 2024-10-13T09:00); 0.198085 before
    # the searches of 07:30 and 08:10 were threaded through the track
    assert summary["places"][0]["probability"] == pytest.approx(0.197919, abs=1e-5)
    # P(alive) decays from the case's first moment (the car, 08:52 on
    # 2024-10-12) with the hiker example's hazard of 84 a year; the car and the
    # witness (11:30) are proofs of life (r 0.9025 and 0.315), and from 11:30
    # it decays on to 09:00 on the as-of day, 2024-10-13
    car = (0.9025 + 0.0975 * 0.9) * math.exp(-84 * (11.5 - 8 - 52 / 60) / 24 / 365.25)
    first = 0.315 + 0.685 * car
    assert summary["p_alive"] == direct["p_alive"]
    after = 1 + (9 - 11.5) / 24  # days from 11:30 on the 12th to 09:00 on the 13th
    assert summary["p_alive"] == pytest.approx(
        first * math.exp(-84 * after / 365.25), abs=1e-6
    )
    assert summary["hdr_km2"] == direct["hdr_km2"]
    assert summary["items"] == {"used": 6, "left_out": 0}
    stored = call(app, "GET", est["links"]["estimate"])
    assert stored.status_code == 200
    record = stored.json()
    assert [(p["name"], p["probability"]) for p in record["places"]] == [
        (p["name"], p["probability"]) for p in direct["places"]
    ]
    assert record["evidence"] == direct["evidence"]


def test_a_stored_run_passes_geosleuth_verify(hiker):
    _, data, case_id, _ = hiker
    run = data / "cases" / case_id / "runs" / "0001"
    assert (run / "case.yaml").read_bytes() == HIKER.read_bytes()
    result = CliRunner().invoke(cli_app, ["verify", str(run)])
    assert result.exit_code == 0, result.output
    assert "differs" not in result.output


def test_report_map_and_case_details_are_served(hiker):
    app, _, case_id, est = hiker
    report = call(app, "GET", f"/cases/{case_id}/report")
    assert report.status_code == 200
    assert report.headers["content-type"].startswith("text/html")
    assert "Missing walker on Yr Wyddfa" in report.text
    assert "connect-src 'none'" in report.headers["content-security-policy"]
    png = call(app, "GET", f"/cases/{case_id}/map.png")
    assert png.headers["content-type"] == "image/png"
    assert png.content.startswith(b"\x89PNG\r\n\x1a\n")
    assert call(app, "GET", est["links"]["report"]).text == report.text
    details = call(app, "GET", f"/api/cases/{case_id}").json()
    assert details["title"] == "Missing walker on Yr Wyddfa, as of the morning after"
    assert details["target"] == "missing walker (synthetic example)"
    assert details["documents"] == []
    assert [r["run"] for r in details["runs"]] == ["0001"]
    assert details["latest_run"]["summary"] == est["summary"]
    case_file = call(app, "GET", f"/api/cases/{case_id}/case.yaml")
    assert case_file.content == HIKER.read_bytes()


def test_index_lists_cases_with_their_latest_estimate(hiker):
    app, _, case_id, _ = hiker
    page = call(app, "GET", "/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert "Missing walker on Yr Wyddfa, as of the morning after" in page.text
    assert f'href="/cases/{case_id}/report"' in page.text
    assert "Bwlch y Moch (0.198)" in page.text
    assert "<script" not in page.text and "http://" not in page.text
    assert "https://" not in page.text


def test_search_recorded_lowers_the_mass_in_the_box_and_matches_the_cli(
    hiker, tmp_path
):
    app, data, _, _ = hiker
    case_id = call(app, "POST", "/api/cases", content=HIKER.read_bytes()).json()["id"]
    r = call(
        app,
        "POST",
        f"/api/cases/{case_id}/searched",
        json={"date": "2024-10-13", "pd": 0.9, "box": BOX},
    )
    assert r.status_code == 201, r.text
    assert r.json()["added"][0]["id"] == "search-2024-10-13-1"
    # the walker example is as of 09:00: an untimed search of that day is
    # counted as made by then, and said
    (note,) = r.json()["notes"]
    assert note.startswith("The case's as_of is 2024-10-13 09:00 and this search")
    case_path = data / "cases" / case_id / "case.yaml"
    case = load_case(case_path)
    assert len(case.items) == 7
    added = case.items[-1]
    assert isinstance(added, Searched) and added.pd == 0.9
    # the same search through `geosleuth searched` writes the same case file
    copy = tmp_path / "case.yaml"
    shutil.copyfile(HIKER, copy)
    box = ",".join(map(str, BOX))
    cli = CliRunner().invoke(
        cli_app,
        ["searched", str(copy), "--date", "2024-10-13", "--pd", "0.9", "--box", box],
    )
    assert cli.exit_code == 0, cli.output
    assert copy.read_text() == case_path.read_text()
    # and the next estimate moves mass out of the searched box
    est = call(app, "POST", f"/api/cases/{case_id}/estimate")
    assert est.status_code == 201
    runs = data / "cases" / case_id / "runs"
    before = box_mass(data / "cases" / HIKER_ID / "runs" / "0001")  # the same case
    after = box_mass(runs / est.json()["run"])
    assert before == pytest.approx(0.0553, abs=1e-3)
    assert after < 0.25 * before
    top = {p["name"]: p["probability"] for p in est.json()["summary"]["places"]}
    assert top["Pen-y-Pass car park"] < 0.75 * 0.141174


def test_estimate_takes_options_and_keeps_every_run(hiker):
    app, data, _, _ = hiker
    case_id = call(app, "POST", "/api/cases", content=HIKER.read_bytes()).json()["id"]
    assert call(app, "POST", f"/api/cases/{case_id}/estimate").status_code == 201
    r = call(
        app,
        "POST",
        f"/api/cases/{case_id}/estimate",
        json={"as_of": "2024-10-12", "budget_km": 20, "sweep_width_km": 0.05},
    )
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["summary"]["as_of"] == "2024-10-12"
    assert body["settings"]["budget_km"] == 20.0
    runs = [x["run"] for x in call(app, "GET", f"/api/cases/{case_id}").json()["runs"]]
    assert runs == ["0001", "0002"] == ["0001", body["run"]]
    # the first run is still there, as it was
    first = json.loads(
        (data / "cases" / case_id / "runs" / "0001" / "estimate.json").read_text()
    )
    assert first["as_of"] == "2024-10-13"
    latest = call(app, "GET", f"/api/cases/{case_id}/estimate").json()
    assert latest["as_of"] == "2024-10-12"


# ------------------------------------------------------------------ errors
def test_bad_yaml_is_422_with_its_line_and_nothing_is_stored(tmp_path):
    app = create_app(tmp_path)
    bad = HIKER.read_text().replace("sigma_km: 0.4", "sigma_km: -0.4")
    body = error_of(call(app, "POST", "/api/cases", content=bad), 422)
    assert body["error"] == "CaseFileError"
    assert body["line"] == 65  # the line of the witness's sigma_km in the example
    assert body["field"] == "evidence[1].sigma_km"
    assert "-0.4" in body["message"]
    syntax = call(app, "POST", "/api/cases", content="target: [open\nevidence: 1\n")
    assert error_of(syntax, 422)["line"] == 2
    assert call(app, "GET", "/api/cases").json() == {"cases": []}
    assert [p.name for p in (tmp_path / "cases").iterdir()] == []


def test_case_file_may_not_name_a_server_file(tmp_path):
    app = create_app(tmp_path)
    text = (
        "target: x\nregion: {west: 0, south: 0, east: 1, north: 1}\nevidence:\n"
        "  - id: e\n    kind: territory\n    date: 2024-01-01\n"
        "    csv: /etc/passwd\n"
    )
    body = error_of(call(app, "POST", "/api/cases", content=text), 422)
    assert body["line"] == 7
    assert body["field"] == "evidence[0].csv"
    assert "root" not in body["message"]


def test_a_merge_key_cannot_bring_in_a_server_file(tmp_path):
    app = create_app(tmp_path / "data")
    secret = tmp_path / "secret.csv"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n")
    text = (
        "target: x\nas_of: 2024-10-13\n"
        "region: {west: -4.2, south: 53.0, east: -3.9, north: 53.2}\n"
        "evidence:\n  - <<: {csv: %s}\n    id: e1\n    kind: event_set\n"
        "    date: 2024-01-01\n"
    )
    answers = []
    for path in (secret, tmp_path / "missing.csv", "/etc/passwd"):
        body = error_of(call(app, "POST", "/api/cases", content=text % path), 422)
        assert "root" not in body["message"] and str(path) not in body["message"]
        assert (body["line"], body["field"]) == (5, "evidence[0].csv")
        answers.append(body)
    # the same answer whether the file exists or not: nothing to probe
    assert answers[0] == answers[1] == answers[2]
    assert call(app, "GET", "/api/cases").json() == {"cases": []}


def test_alias_bomb_is_refused():
    laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n"
        for p, c in zip("abcdefg", "bcdefgh", strict=True)
    )
    with pytest.raises(InputError, match="YAML nodes"):
        check_case_text(laughs + "target: x\nevidence: []\n")


@pytest.mark.parametrize(
    "text",
    [
        "&a [*a]\n",
        "a: &a {b: *a}\ntarget: x\nevidence: []\n",
        "target: x\nevidence: &e [{id: a, kind: territory, note: *e}]\n",
    ],
)
def test_an_alias_inside_itself_is_refused_at_once(text):
    import threading

    got = []

    def check():
        try:
            check_case_text(text)
        except InputError as exc:
            got.append(exc)

    worker = threading.Thread(target=check, daemon=True)  # a loop would hang
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive(), "check_case_text did not return"
    [exc] = got
    assert "YAML nodes" in exc.message and exc.line == 1


def test_multipart_case_upload_from_the_index_form_redirects(tmp_path):
    app = create_app(tmp_path)
    r = call(
        app,
        "POST",
        "/api/cases",
        files={"case": ("hiker.yaml", HIKER.read_bytes(), "text/yaml")},
        data={"from": "index"},
    )
    assert r.status_code == 303
    assert r.headers["location"] == f"/#case-{HIKER_ID}"
    bad = call(
        app,
        "POST",
        "/api/cases",
        files={"case": ("x.yaml", HOSTILE_KIND, "text/yaml")},
        data={"from": "index"},
    )
    assert bad.status_code == 422
    assert "&lt;b&gt;" in bad.text and "<b>x" not in bad.text
    plain = call(
        app, "POST", "/api/cases", files={"case": ("h.yaml", HIKER.read_bytes())}
    )
    assert plain.status_code == 201 and plain.json()["id"] == f"{HIKER_ID}-2"


def test_unknown_case_run_or_route_is_404_json(hiker, tmp_path):
    app, _, case_id, _ = hiker
    for url in (
        "/api/cases/no-such-case",
        "/api/cases/no-such-case/estimate",
        "/cases/no-such-case/report",
        f"/api/cases/{case_id}/runs/9999/estimate.json",
        f"/api/cases/{case_id}/runs/0001/secrets.txt",
        "/no/such/route",
    ):
        error_of(call(app, "GET", url), 404)
    fresh = create_app(tmp_path)
    case = call(fresh, "POST", "/api/cases", content=HIKER.read_bytes()).json()["id"]
    body = error_of(call(fresh, "GET", f"/cases/{case}/report"), 404)
    assert "no estimate yet" in body["message"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/cases/%2e%2e",
        "/api/cases/%2e%2e/case.yaml",
        "/api/cases/..%2F..%2Fetc/case.yaml",
        "/api/cases/%2Fetc/case.yaml",
        f"/api/cases/{HIKER_ID}/runs/..%2F..%2F{HIKER_ID}/case.yaml",
        f"/api/cases/{HIKER_ID}/runs/0001/..%2F..%2Fcase.yaml",
        f"/api/cases/{HIKER_ID}/runs/0001/%2e%2e",
    ],
)
def test_path_traversal_in_ids_and_names_is_refused(hiker, url):
    app = hiker[0]
    r = call(app, "GET", url)
    assert r.status_code == 404, (url, r.text)
    assert "target:" not in r.text


def test_uploaded_names_are_made_safe(hiker):
    app, data, case_id, _ = hiker
    before = (data / "cases" / case_id / "case.yaml").read_bytes()
    r = call(
        app,
        "POST",
        f"/api/cases/{case_id}/documents",
        params={"name": "../../case.yaml"},
        content=b"target: hacked\n",
    )
    assert error_of(r, 422)["field"] == "name"
    assert (data / "cases" / case_id / "case.yaml").read_bytes() == before
    assert document_name("../../../etc/passwd.txt") == "passwd.txt"
    assert document_name(".hidden.md") == "hidden.md"
    assert document_name("C:\\temp\\a b.HTM") == "a-b.htm"
    assert case_slug("<script>alert(1)</script>") == "script-alert-1-script"
    assert case_slug("../../..") == "case"


def test_oversize_bodies_are_413(tmp_path):
    app = create_app(tmp_path, max_upload_bytes=1000)
    big = HIKER.read_bytes()
    assert len(big) > 1000
    assert error_of(call(app, "POST", "/api/cases", content=big), 413)["error"] == (
        "TooLarge"
    )
    multipart = call(app, "POST", "/api/cases", files={"case": ("h.yaml", big)})
    error_of(multipart, 413)

    async def chunks():  # no Content-Length: the limit holds while streaming
        for _ in range(20):
            yield b"#" * 100

    error_of(call(app, "POST", "/api/cases", content=chunks()), 413)
    assert list((tmp_path / "cases").iterdir()) == []


def test_token_is_required_everywhere_but_health(tmp_path):
    app = create_app(tmp_path, token="s3cret-token")
    assert call(app, "GET", "/health").status_code == 200
    for headers in (
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": "s3cret-token"},
    ):
        for method, url in (
            ("GET", "/"),
            ("GET", "/api/cases"),
            ("POST", "/api/cases"),
        ):
            r = call(app, method, url, headers=headers)
            assert r.status_code == 401, (method, url, headers)
            assert r.headers["www-authenticate"] == "Bearer"
    ok = call(
        app, "GET", "/api/cases", headers={"Authorization": "Bearer s3cret-token"}
    )
    assert ok.status_code == 200 and ok.json() == {"cases": []}


def test_a_file_that_is_not_text_is_422_and_not_stored(hiker):
    app, data, case_id, _ = hiker
    r = call(
        app,
        "POST",
        f"/api/cases/{case_id}/documents",
        files={"document": ("photo.txt", PNG, "text/plain")},
    )
    body = error_of(r, 422)
    assert body["error"] == "InputError"
    assert "not a text document" in body["message"]
    assert list((data / "cases" / case_id / "documents").iterdir()) == []
    assert not list((data / "cases" / case_id).glob(".upload-*"))
    missing = call(app, "GET", f"/api/cases/{case_id}/documents/photo.txt")
    error_of(missing, 404)
    traversal = call(app, "GET", f"/api/cases/{case_id}/documents/..%2Fcase.yaml")
    error_of(traversal, 404)
    stateless = call(app, "POST", "/api/read", params={"name": "x.txt"}, content=PNG)
    assert "not a text document" in error_of(stateless, 422)["message"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"date": "2024-10-13", "pd": 1.5, "box": BOX}, "pd"),
        ({"date": "2024-10-13", "pd": "high", "box": BOX}, "pd"),
        ({"date": "2024-10-13", "pd": True, "box": BOX}, "pd"),
        ({"date": "2024-10-13", "pd": 0.5}, "box"),
        ({"date": "13/10/2024", "pd": 0.5, "box": BOX}, "date"),
        ({"date": "2024-10-13", "pd": 0.5, "box": [1, 2, 0, 3]}, "box"),
        ({"date": "2024-10-13", "pd": 0.5, "centre": [-4.02, 53.08]}, "radius_km"),
        ({"date": "2024-10-13", "pd": 0.5, "box": BOX, "team": "a\x00b"}, "team"),
        ({"date": "2024-10-13", "pd": 0.5, "box": BOX, "area": "x"}, "area"),
        ({"date": 20241013, "pd": 0.5, "box": BOX}, "date"),
        ({"date": "2024-10-13", "pd": 0, "box": BOX}, "pd"),
        ({"date": "2024-10-13", "pd": None, "box": BOX}, "pd"),
        ({"date": "2024-10-13", "pd": 0.5, "box": "1,2,3,4"}, "box"),
        ({"date": "2024-10-13", "pd": 0.5, "box": [1, 2, 3]}, "box"),
        ({"date": "2024-10-13", "pd": 0.5, "box": [True, 2, 3, 4]}, "box"),
        ({"date": "2024-10-13", "pd": 0.5, "centre": {"lon": 1, "lat": 2}}, "centre"),
        (
            {"date": "2024-10-13", "pd": 0.5, "centre": [1, 2], "radius_km": "1"},
            "radius_km",
        ),
        (
            {"date": "2024-10-13", "pd": 0.5, "centre": [1, 2], "radius_km": True},
            "radius_km",
        ),
        ({"date": "2024-10-13", "pd": 0.5, "box": BOX, "team": 5}, "team"),
        ({"date": "2024-10-13", "pd": 0.5, "box": BOX, "note": ["x"]}, "note"),
        ({"date": "2024-10-13", "pd": 0.5, "box": BOX, "team": "x" * 2001}, "team"),
    ],
)
def test_bad_searched_input_is_422_and_leaves_the_case_as_it_was(hiker, body, field):
    app, data, case_id, _ = hiker
    before = (data / "cases" / case_id / "case.yaml").read_bytes()
    r = call(app, "POST", f"/api/cases/{case_id}/searched", json=body)
    got = error_of(r, 422)
    assert got["field"] == field, got
    assert (data / "cases" / case_id / "case.yaml").read_bytes() == before


def test_searched_around_a_point_and_bad_json(tmp_path):
    app = create_app(tmp_path)
    case_id = call(app, "POST", "/api/cases", content=HIKER.read_bytes()).json()["id"]
    r = call(
        app,
        "POST",
        f"/api/cases/{case_id}/searched",
        json={"date": "2024-10-14", "pd": 0.5, "centre": [-4.02, 53.08],
              "radius_km": 0.3, "team": "MRT 2"},
    )  # fmt: skip
    assert r.status_code == 201, r.text
    assert r.json()["added"][0]["buffer_km"] == 0.3
    assert "before this search" in r.json()["notes"][0]  # as_of is 2024-10-13 09:00
    item = load_case(tmp_path / "cases" / case_id / "case.yaml").items[-1]
    assert item.provenance.speaker == "MRT 2"
    r = call(app, "POST", f"/api/cases/{case_id}/searched", content=b"{not json")
    assert error_of(r, 400)["error"] == "BadRequest"


def test_bad_estimate_options_are_422(hiker):
    app, _, case_id, _ = hiker
    url = f"/api/cases/{case_id}/estimate"
    assert error_of(call(app, "POST", url, json={"as_of": "yesterday"}), 422)[
        "field"
    ] == ("as_of")
    half = call(app, "POST", url, params={"budget_km": "10"})
    assert error_of(half, 422)["field"] == "budget_km"
    assert error_of(call(app, "POST", url, json={"cell_km": 1}), 422)["field"] == (
        "cell_km"
    )
    assert error_of(call(app, "POST", url, json={"budget_km": -3}), 422)["field"] == (
        "budget_km"
    )
    for key, value in (
        ("as_of", 20241013),
        ("published", []),
        ("published", "2024-02-30"),
        ("budget_km", True),
        ("budget_km", "lots"),
        ("sweep_width_km", {}),
        ("sweep_width_km", "nan"),
        ("sweep_width_km", "inf"),
        ("budget_km", 0),
    ):
        body = error_of(call(app, "POST", url, json={key: value}), 422)
        assert body["field"] == key, (key, value)
        # the value is named as the client wrote it, in JSON; a day that the
        # calendar lacks is said to be one
        said = (
            f"{value} is not a day of the calendar"
            if value == "2024-02-30"
            else f"Got {json.dumps(value)}"
        )
        assert said in body["message"], (key, body)


def test_hostile_title_is_escaped_on_the_index(tmp_path):
    app = create_app(tmp_path)
    text = (
        HIKER.read_text()
        .replace(
            "title: Missing walker on Yr Wyddfa, as of the morning after",
            'title: "<script>alert(1)</script>"',
        )
        .replace(
            "target: missing walker (synthetic example)",
            'target: "<img src=x onerror=alert(2)>"',
        )
    )
    r = call(app, "POST", "/api/cases", content=text)
    assert r.status_code == 201, r.text
    assert r.json()["id"] == "script-alert-1-script"
    page = call(app, "GET", "/").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "<script>" not in page and "<img" not in page


def test_without_starlette_create_app_names_the_extra(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "starlette.applications", None)
    with pytest.raises(MissingDependencyError, match=r"geosleuth\[web\]"):
        create_app(tmp_path)


def test_bad_app_settings_are_refused(tmp_path):
    with pytest.raises(InputError, match="token"):
        create_app(tmp_path, token="  ")
    with pytest.raises(InputError, match="max_upload_bytes"):
        create_app(tmp_path, max_upload_bytes=0)


# ------------------------------------------------------------------ reading (spaCy)
ARTICLE = (
    "Walker still missing in Eryri\n\n"
    "Police said on Sunday that John Evans was seen in Llanberis on 12 October. "
    "A friend said John Evans may be hiding in Beddgelert.\n"
)


@pytest.mark.nlp
def test_document_upload_is_read_stored_and_used_by_the_next_estimate(tmp_path, nlp):
    app = create_app(tmp_path)
    case = HIKER.read_text().replace(
        "target: missing walker (synthetic example)", "target: John Evans"
    )
    case_id = call(app, "POST", "/api/cases", content=case).json()["id"]
    r = call(
        app,
        "POST",
        f"/api/cases/{case_id}/documents",
        files={"document": ("../../north wales.txt", ARTICLE.encode())},
        data={"published": "2024-10-13"},
    )
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["name"] == "north-wales.txt"
    reading = body["reading"]
    assert reading["target"] == "John Evans"
    assert "Llanberis" in reading["places"]
    assert reading["counts"]["sightings"] >= 1
    assert all(i.startswith("north-wales:") for i in reading["evidence_ids"])
    stored = tmp_path / "cases" / case_id / "documents" / "north-wales.txt"
    assert stored.read_bytes() == ARTICLE.encode()
    listed = call(app, "GET", f"/api/cases/{case_id}").json()["documents"]
    assert [(d["name"], d["published"]) for d in listed] == [
        ("north-wales.txt", "2024-10-13")
    ]
    download = call(app, "GET", f"/api/cases/{case_id}/documents/north-wales.txt")
    assert download.content == ARTICLE.encode()
    assert download.headers["content-type"] == "application/octet-stream"
    assert "attachment" in download.headers["content-disposition"]
    # what was read is kept, and the estimate uses it (not a second reading)
    kept = tmp_path / "cases" / case_id / "readings" / "north-wales.txt.json"
    assert json.loads(kept.read_text())["published"] == "2024-10-13"
    est = call(app, "POST", f"/api/cases/{case_id}/estimate")
    assert est.status_code == 201, est.text
    assert est.json()["documents"] == ["north-wales.txt"]
    assert est.json()["settings"]["published"] is None
    # the article's untimed sighting of 12 October, a day of the hiker's
    # timed fixes: it multiplies with their track, and is warned of
    (untimed,) = est.json()["warnings"]
    assert "has no time of day, while 3 fix(es) of that day" in untimed
    record = call(app, "GET", f"/api/cases/{case_id}/estimate").json()
    ids = {e["id"] for e in record["evidence"]}
    assert set(reading["evidence_ids"]) <= ids
    read_items = [e for e in record["evidence"] if e["id"] in reading["evidence_ids"]]
    assert {e["date"] for e in read_items} <= {"2024-10-12", "2024-10-13"}


@pytest.mark.nlp
def test_each_document_keeps_the_date_it_was_uploaded_with(tmp_path, nlp):
    app = create_app(tmp_path)
    case = HIKER.read_text().replace(
        "target: missing walker (synthetic example)", "target: John Evans"
    )
    case_id = call(app, "POST", "/api/cases", content=case).json()["id"]
    article = "Police said that John Evans was seen in Llanberis yesterday.\n"
    # two reports (two texts: one text is one article, counted once)
    for day, text in (
        ("2024-10-13", article),
        ("2024-10-14", article + "Teams searched the pass.\n"),
    ):
        r = call(
            app,
            "POST",
            f"/api/cases/{case_id}/documents",
            params={"name": "wales.txt", "published": day},
            content=text.encode(),
        )
        assert r.status_code == 201, r.text
    assert r.json()["name"] == "wales-2.txt"
    est = call(app, "POST", f"/api/cases/{case_id}/estimate")
    assert est.status_code == 201, est.text
    assert est.json()["settings"]["published"] is None
    # the article's untimed sighting of 12 October, a day of the hiker's
    # timed fixes: it multiplies with their track, and is warned of
    (untimed,) = est.json()["warnings"]
    assert "has no time of day, while 3 fix(es) of that day" in untimed

    def read_dates() -> dict[str, str]:
        record = call(app, "GET", f"/api/cases/{case_id}/estimate").json()
        return {e["id"]: e["date"] for e in record["evidence"] if ":" in e["id"]}

    # "yesterday" is the day before each report's own publication date
    assert read_dates() == {"wales:s1": "2024-10-12", "wales-2:s1": "2024-10-13"}
    # a date given with the estimate is for reports uploaded without one: these
    # were uploaded with theirs and keep them
    given = call(
        app, "POST", f"/api/cases/{case_id}/estimate", json={"published": "2024-10-15"}
    )
    assert given.json()["settings"]["published"] == "2024-10-15"
    assert given.json()["warnings"] == [untimed]  # the same warning, no other
    assert read_dates() == {"wales:s1": "2024-10-12", "wales-2:s1": "2024-10-13"}
    # the first report again, under another name and date: counted once, said
    r = call(app, "POST", f"/api/cases/{case_id}/documents",
             params={"name": "copy.txt", "published": "2024-10-20"},
             content=article.encode())  # fmt: skip
    assert r.status_code == 201, r.text
    again = call(app, "POST", f"/api/cases/{case_id}/estimate")
    assert again.status_code == 201, again.text
    said = " ".join(again.json()["warnings"])
    assert "has the same text as" in said and "one article given twice" in said
    assert "copy" in said and "wales" in said
    dates = read_dates()
    assert dates.pop("wales-2:s1") == "2024-10-13"
    assert len(dates) == 1 and set(dates) <= {"wales:s1", "copy:s1"}


@pytest.mark.nlp
def test_read_endpoint_returns_the_reading(nlp, tmp_path):
    app = create_app(tmp_path)
    r = call(
        app,
        "POST",
        "/api/read",
        params={"name": "wales.md", "target": "John Evans", "published": "2024-10-13"},
        content=ARTICLE.encode(),
    )
    assert r.status_code == 200, r.text
    reading = r.json()
    assert reading["doc_id"] == "wales"
    assert reading["target"] == "John Evans"
    assert any(m["name"] == "Llanberis" for m in reading["mentions"])
    assert {e["kind"] for e in reading["evidence"]} >= {"sighting"}
    assert reading["warnings"] == []


def test_posterior_of_a_run_sums_to_one(hiker):
    _, data, case_id, _ = hiker
    _, p = load_posterior(data / "cases" / case_id / "runs" / "0001")
    assert float(np.sum(p)) == pytest.approx(1.0, abs=1e-12)


def test_concurrent_requests_on_one_case_all_land(tmp_path):
    app = create_app(tmp_path)
    case_id = call(app, "POST", "/api/cases", content=HIKER.read_bytes()).json()["id"]
    url = f"/api/cases/{case_id}"

    async def go():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
            searches = [
                c.post(f"{url}/searched", json={"date": "2024-10-13", "pd": 0.3,
                                                "box": BOX, "team": f"team {k}"})
                for k in range(4)
            ]  # fmt: skip
            return await asyncio.gather(c.post(f"{url}/estimate"), *searches)

    estimate, *searches = asyncio.run(go())
    assert estimate.status_code == 201, estimate.text
    assert [s.status_code for s in searches] == [201] * 4
    ids = {s.json()["added"][0]["id"] for s in searches}
    assert ids == {f"search-2024-10-13-{k}" for k in range(1, 5)}
    case = load_case(tmp_path / "cases" / case_id / "case.yaml")
    assert len(case.items) == 6 + 4
    assert {i.provenance.speaker for i in case.items[6:]} == {
        f"team {k}" for k in range(4)
    }
    assert [r["run"] for r in call(app, "GET", url).json()["runs"]] == ["0001"]


# ------------------------------------------------------------------ hardening
# Fast stand-ins for the library's reader and pipeline, so the web layer's own
# behaviour (names, locks, partial writes, escaping) is tested without spaCy and
# without a full estimate.
class FakeReading:
    def __init__(self, path, target, published):
        self.doc_id = path.stem
        self.title = None
        self.target = target
        self.published = published
        self.text = path.read_bytes().decode("utf-8")  # refuses what is not text
        self.evidence, self.mentions, self.rejected, self.unused = [], [], [], []
        self.notes = [f"read {path.name}"]

    def to_dict(self):
        return {
            "doc_id": self.doc_id,
            "target": self.target,  # as a real reading records it
            "text": self.text,
            "published": self.published.isoformat() if self.published else None,
        }


@pytest.fixture
def fake_reader(monkeypatch):
    """``read_document`` that keeps the text; a warning when asked for one."""
    import warnings

    import geosleuth.read
    from geosleuth.errors import EvidenceWarning

    calls = []

    def read_document(path, *, target=None, published=None):
        calls.append((path.name, target, published))
        reading = FakeReading(path, target, published)
        if "WARN" in reading.text:
            warnings.warn(f"odd text in {path}", EvidenceWarning, stacklevel=2)
        return reading

    monkeypatch.setattr(geosleuth.read, "read_document", read_document)
    return calls


@pytest.fixture
def fake_locate(monkeypatch):
    """``locate_case`` that writes a small estimate from what it is given."""
    import warnings

    import geosleuth.locate
    from geosleuth.errors import EvidenceWarning

    calls = []
    busy = []  # estimates running now

    def run_locate(inputs, *, out, **kwargs):
        # a run being made is not yet a run: nothing may list or serve it
        assert not (out / "run.json").exists()
        calls.append(([p.name for p in inputs], kwargs, len(busy)))
        busy.append(out)
        time.sleep(0.05)
        busy.remove(out)
        warnings.warn(f"nothing known in {out}", EvidenceWarning, stacklevel=2)
        case = kwargs.get("source") or str(inputs[0])  # as locate_case does
        places = [{"name": "<img src=x onerror=alert(3)>", "probability": 0.5}]
        record = {
            "case": case,
            "title": "t",
            "target": "x",
            "as_of": "<i>as-of</i>",
            "p_alive": 0.5,
            "hdr_km2": {"50": 1.0, "90": 2.0},
            "places": places,
            "evidence": [{"used": True}, {"used": False}, {"used": False}],
        }
        (out / "estimate.json").write_text(json.dumps(record))
        (out / "report.html").write_text(f"<dl><dd>{case}</dd></dl>")
        return None, "x"

    monkeypatch.setattr(geosleuth.locate, "locate_case", run_locate)
    run_locate.calls, run_locate.busy = calls, busy
    return run_locate


@pytest.fixture
def small_case(tmp_path):
    app = create_app(tmp_path)
    r = call(app, "POST", "/api/cases", content=HIKER.read_bytes())
    assert r.status_code == 201, r.text
    return app, tmp_path / "cases" / r.json()["id"], r.json()["id"]


def test_a_run_names_its_case_file_relative_and_shows_no_server_path(hiker):
    app, data, _, est = hiker
    record = call(app, "GET", est["links"]["estimate"]).json()
    assert record["case"] == "case.yaml"
    for name in ("report", "geojson"):
        text = call(app, "GET", est["links"][name]).text
        assert str(data) not in text and "/runs/0001" not in text
    assert (
        "<dt>source</dt><dd>case.yaml</dd>"
        in call(app, "GET", est["links"]["report"]).text
    )


def test_data_files_and_downloads_are_sandboxed(hiker):
    app, _, case_id, est = hiker
    for url in (
        est["links"]["estimate"],
        est["links"]["map"],
        f"/api/cases/{case_id}/case.yaml",
    ):
        r = call(app, "GET", url)
        assert r.headers["content-security-policy"].startswith(
            "default-src 'none'; sandbox"
        )
        assert r.headers["x-content-type-options"] == "nosniff"
    report = call(app, "GET", est["links"]["report"]).headers["content-security-policy"]
    assert report.startswith("default-src 'none'; script-src 'unsafe-inline'")
    assert "connect-src 'none'" in report and "img-src data: blob:" in report


def test_hostile_nesting_and_numbers_are_refused_not_500(small_case):
    app, folder, case_id = small_case
    before = (folder / "case.yaml").read_bytes()
    url = f"/api/cases/{case_id}"
    deep = call(app, "POST", f"{url}/searched", content=b"[" * 100_000)
    assert "nests too deeply" in error_of(deep, 400)["message"]
    deep = call(app, "POST", f"{url}/estimate", content=b"[" * 100_000)
    assert error_of(deep, 400)["error"] == "BadRequest"
    huge = "9" * 400
    for body, field in (
        (f'{{"date":"2024-10-13","pd":0.5,"box":[{huge},1,2,3]}}', "box"),
        (f'{{"date":"2024-10-13","pd":0.5,"centre":[1,{huge}]}}', "centre"),
        (
            f'{{"date":"2024-10-13","pd":0.5,"centre":[1,2],"radius_km":{huge}}}',
            "radius_km",
        ),
    ):
        r = call(app, "POST", f"{url}/searched", content=body.encode())
        assert error_of(r, 422)["field"] == field
    r = call(app, "POST", f"{url}/estimate", content=f'{{"budget_km":{huge}}}'.encode())
    assert error_of(r, 422)["field"] == "budget_km"
    yaml_bomb = call(app, "POST", "/api/cases", content=b"[" * 50_000)
    body = error_of(yaml_bomb, 422)
    assert body["error"] == "CaseFileError" and "nests too deeply" in body["message"]
    assert (folder / "case.yaml").read_bytes() == before
    assert [p.name for p in (folder / "runs").iterdir()] == []


def test_estimate_options_are_read_whatever_the_content_type(small_case):
    app, folder, case_id = small_case
    url = f"/api/cases/{case_id}/estimate"
    for ctype in ("text/plain", "application/x-www-form-urlencoded", ""):
        r = call(
            app, "POST", url, content=b'{"cell_km": 1}', headers={"content-type": ctype}
        )
        assert error_of(r, 422)["field"] == "cell_km", ctype
    r = call(
        app,
        "POST",
        url,
        content=b"as_of=2024-10-13",
        headers={"content-type": "text/plain"},
    )
    assert error_of(r, 400)["error"] == "BadRequest"
    assert list((folder / "runs").iterdir()) == []


def test_centre_given_twice_is_refused(small_case):
    app, folder, case_id = small_case
    before = (folder / "case.yaml").read_bytes()
    body = {
        "date": "2024-10-13",
        "pd": 0.5,
        "centre": [1, 2],
        "center": [3, 4],
        "radius_km": 1,
    }
    r = call(app, "POST", f"/api/cases/{case_id}/searched", json=body)
    assert error_of(r, 422)["field"] == "center"
    assert (folder / "case.yaml").read_bytes() == before


def test_a_folder_without_a_case_file_is_no_case(tmp_path):
    app = create_app(tmp_path)
    (tmp_path / "cases" / "ghost" / "runs").mkdir(parents=True)
    for method, url in (
        ("GET", "/api/cases/ghost"),
        ("GET", "/api/cases/ghost/case.yaml"),
        ("POST", "/api/cases/ghost/estimate"),
    ):
        assert error_of(call(app, method, url), 404)["field"] == "id", url
    r = call(app, "POST", "/api/cases/ghost/searched", json={"date": "2024-10-13"})
    assert error_of(r, 404)["error"] == "NotFound"
    assert call(app, "GET", "/api/cases").json() == {"cases": []}


def test_uploads_keep_document_reading_and_date_together(small_case, fake_reader):
    app, folder, case_id = small_case
    url = f"/api/cases/{case_id}/documents"
    first = call(
        app,
        "POST",
        url,
        files={"document": ("..\\..\\Notes.TXT", b"one")},
        data={"published": "2024-10-13"},
    )
    assert first.status_code == 201, first.text
    assert first.json()["name"] == "Notes.txt"
    assert first.json()["reading"]["published"] == "2024-10-13"
    again = call(app, "POST", url, params={"name": "notes.txt"}, content=b"two")
    # names differ in case only: numbered too (one file on a case-blind disk)
    third = call(app, "POST", url, params={"name": "NOTES.txt"}, content=b"three")
    assert [again.json()["name"], third.json()["name"]] == [
        "notes-2.txt",
        "NOTES-3.txt",
    ]
    assert fake_reader[0] == (
        "Notes.txt",
        "missing walker (synthetic example)",
        dt.date(2024, 10, 13),
    )
    docs = call(app, "GET", f"/api/cases/{case_id}").json()["documents"]
    assert [(d["name"], d["bytes"], d["published"]) for d in docs] == [
        ("NOTES-3.txt", 5, None),
        ("Notes.txt", 3, "2024-10-13"),
        ("notes-2.txt", 3, None),
    ]
    for name, text in (("Notes.txt", "one"), ("NOTES-3.txt", "three")):
        kept = json.loads((folder / "readings" / f"{name}.json").read_text())
        assert kept["text"] == text
        got = call(app, "GET", f"{url}/{name}")
        assert got.content == text.encode()
        assert got.headers["content-disposition"] == f'attachment; filename="{name}"'
        assert got.headers["content-type"] == "application/octet-stream"
    assert not list(folder.glob(".upload-*"))


def test_a_date_given_to_an_estimate_is_only_for_undated_uploads(
    small_case, fake_reader, fake_locate
):
    app, _, case_id = small_case
    url = f"/api/cases/{case_id}/documents"
    dated = {"name": "dated.txt", "published": "2024-10-13"}
    assert call(app, "POST", url, params=dated, content=b"one").status_code == 201
    undated = {"name": "undated.txt"}
    assert call(app, "POST", url, params=undated, content=b"two").status_code == 201
    estimate = f"/api/cases/{case_id}/estimate"
    assert call(app, "POST", estimate).status_code == 201
    given = call(app, "POST", estimate, json={"published": "2024-10-20"})
    assert given.status_code == 201, given.text
    assert given.json()["settings"]["published"] == "2024-10-20"
    (before, plain, _), (after, kwargs, _) = fake_locate.calls
    # without a date: both uploads' readings; with one: the undated upload is read
    # again with it, the dated one keeps the reading of its own date
    assert before == ["case.yaml", "dated.txt.json", "undated.txt.json"]
    assert plain["published"] is None
    assert after == ["case.yaml", "dated.txt.json", "undated.txt"]
    assert kwargs["published"] == dt.date(2024, 10, 20)


def test_a_warning_from_reading_shows_no_server_path(small_case, fake_reader):
    app, _, case_id = small_case
    r = call(
        app,
        "POST",
        f"/api/cases/{case_id}/documents",
        params={"name": "w.md"},
        content=b"WARN",
    )
    assert r.status_code == 201, r.text
    [warning] = r.json()["warnings"]
    # the report by its name, not the folder it was read in
    assert warning == "EvidenceWarning: odd text in w.md"


@pytest.mark.parametrize("fail_on", ["w.txt.json", ".documents.json"])
def test_a_full_disk_during_an_upload_keeps_nothing(
    small_case, fake_reader, monkeypatch, fail_on
):
    import errno

    import geosleuth.service.store as store_module

    app, folder, case_id = small_case
    real = store_module.write_json

    def write_json(path, obj):
        if path.name == fail_on:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, obj)

    monkeypatch.setattr(store_module, "write_json", write_json)
    r = call(
        app,
        "POST",
        f"/api/cases/{case_id}/documents",
        params={"name": "w.txt"},
        content=b"text",
    )
    body = error_of(r, 503)
    assert body["error"] == "StorageError"
    assert "No space left on device" in body["message"]
    assert str(folder) not in body["message"]
    assert list((folder / "documents").iterdir()) == []
    assert not (folder / "readings" / "w.txt.json").exists()
    assert not list(folder.glob(".upload-*"))
    monkeypatch.setattr(store_module, "write_json", real)
    again = call(
        app, "POST", f"/api/cases/{case_id}/documents", params={"name": "w.txt"},
        content=b"text",
    )  # fmt: skip
    assert again.json()["name"] == "w.txt"


def test_a_full_disk_while_creating_a_case_keeps_nothing(tmp_path, monkeypatch):
    import errno

    import geosleuth.service.store as store_module

    def full(path, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    app = create_app(tmp_path)
    monkeypatch.setattr(store_module, "write_atomic", full)
    body = error_of(call(app, "POST", "/api/cases", content=HIKER.read_bytes()), 503)
    assert body["error"] == "StorageError" and str(tmp_path) not in body["message"]
    assert list((tmp_path / "cases").iterdir()) == []


def test_an_unusable_data_folder_is_an_input_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(InputError, match="cannot be used"):
        create_app(blocker / "data")


def test_runs_are_numbered_in_order_and_a_failed_one_leaves_nothing(
    small_case, fake_locate, monkeypatch
):
    import errno

    import geosleuth.service.store as store_module

    app, folder, case_id = small_case
    url = f"/api/cases/{case_id}/estimate"
    for _ in range(2):
        assert call(app, "POST", url).status_code == 201
    (folder / "runs" / "0009").mkdir()  # a run being made elsewhere: skipped
    real = store_module.write_json

    def write_json(path, obj):
        if path.name == "run.json":
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, obj)

    monkeypatch.setattr(store_module, "write_json", write_json)
    error_of(call(app, "POST", url), 503)
    assert not (folder / "runs" / "0010").exists()
    monkeypatch.setattr(store_module, "write_json", real)
    options = {"as_of": "2024-10-12", "budget_km": 20, "sweep_width_km": "0.05"}
    r = call(app, "POST", url, json=options)
    assert r.status_code == 201 and r.json()["run"] == "0010"
    assert r.json()["settings"] == {
        "as_of": "2024-10-12",
        "published": None,
        "budget_km": 20.0,
        "sweep_width_km": 0.05,
    }
    _, kwargs, _ = fake_locate.calls[-1]
    assert kwargs["as_of"] == dt.date(2024, 10, 12) and kwargs["published"] is None
    assert kwargs["source"] == "case.yaml"  # not the server's path to the copy
    assert (kwargs["budget_km"], kwargs["sweep_width_km"]) == (20.0, 0.05)
    assert r.json()["warnings"] == ["EvidenceWarning: nothing known in run 0010"]
    assert r.json()["summary"]["items"] == {"used": 1, "left_out": 2}
    assert r.json()["summary"]["hdr_km2"] == {"50": 1.0, "90": 2.0}
    runs = call(app, "GET", f"/api/cases/{case_id}").json()["runs"]
    assert [x["run"] for x in runs] == ["0001", "0002", "0010"]
    latest = call(app, "GET", url).json()
    assert latest["case"] == "case.yaml"
    assert call(app, "GET", f"/cases/{case_id}/report").text == (
        "<dl><dd>case.yaml</dd></dl>"
    )
    missing = call(app, "GET", f"/cases/{case_id}/map.png")  # this run made none
    assert error_of(missing, 404)["message"] == "There is no map.png here (0010)."


def test_index_escapes_the_top_place_and_the_date_of_a_run(small_case, fake_locate):
    app, _, case_id = small_case
    assert call(app, "POST", f"/api/cases/{case_id}/estimate").status_code == 201
    page = call(app, "GET", "/").text
    assert "&lt;img src=x onerror=alert(3)&gt; (0.500)" in page
    assert "as of &lt;i&gt;as-of&lt;/i&gt;" in page
    assert "<img" not in page and "<i>" not in page


def test_the_token_is_checked_whole_on_every_path_and_never_logged(
    tmp_path, monkeypatch, caplog
):
    import geosleuth.service.store as store_module

    token = "s3cret-token"
    app = create_app(tmp_path, token=token)
    for auth in (
        "Bearer s3cret",
        "Bearer ",
        "Bearer s3cret-token-and-more",
        f"Basic {token}",
        token,
    ):
        r = call(app, "GET", "/api/cases", headers={"Authorization": auth})
        assert error_of(r, 401)["error"] == "Unauthorized", auth
    for url in ("/health-check", "/health/../api/cases", "/api/cases/x/case.yaml"):
        assert call(app, "GET", url).status_code == 401, url
    assert (
        call(app, "GET", "/", headers={"Authorization": "bearer " + token}).status_code
        == 200
    )

    sent = []

    async def websocket():
        scope = {"type": "websocket", "path": "/ws", "headers": []}

        async def receive():
            return {"type": "websocket.connect"}

        async def send(message):
            sent.append(message)

        await app(scope, receive, send)

    asyncio.run(websocket())
    assert sent == [{"type": "websocket.close", "code": 1008}]

    def broken(case_id):
        raise RuntimeError("boom")

    monkeypatch.setattr(store_module.CaseStore, "meta", lambda self, i: broken(i))
    call(app, "POST", "/api/cases", content=HIKER.read_bytes(),
         headers={"Authorization": f"Bearer {token}"})  # fmt: skip
    with caplog.at_level("DEBUG"):
        r = call(app, "GET", "/api/cases", headers={"Authorization": f"Bearer {token}"})
    assert error_of(r, 500)["message"] == "The server failed; see its log."
    assert "boom" in caplog.text and token not in caplog.text


def test_estimates_and_uploads_on_one_case_take_turns(
    small_case, fake_locate, fake_reader, monkeypatch
):
    import geosleuth.read

    app, _, case_id = small_case
    url = f"/api/cases/{case_id}"
    seen = []  # estimates running while a report was read
    read = geosleuth.read.read_document

    def read_document(path, **kwargs):
        seen.append(len(fake_locate.busy))
        return read(path, **kwargs)

    monkeypatch.setattr(geosleuth.read, "read_document", read_document)

    async def go():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
            estimates = [c.post(f"{url}/estimate") for _ in range(3)]
            uploads = [
                c.post(f"{url}/documents", params={"name": "r.txt"}, content=b"r")
                for _ in range(3)
            ]
            return await asyncio.gather(*estimates, *uploads)

    responses = asyncio.run(go())
    assert [r.status_code for r in responses] == [201] * 6
    assert sorted(r.json()["run"] for r in responses[:3]) == ["0001", "0002", "0003"]
    assert sorted(r.json()["name"] for r in responses[3:]) == [
        "r-2.txt",
        "r-3.txt",
        "r.txt",
    ]
    assert [busy for *_, busy in fake_locate.calls] == [0, 0, 0]
    assert seen == [0, 0, 0]
    # each run read every document it lists from the reading kept with it
    runs = sorted((r.json() for r in responses[:3]), key=lambda r: r["run"])
    for run, (names, _, _) in zip(runs, fake_locate.calls, strict=True):
        assert names == ["case.yaml", *(f"{d}.json" for d in run["documents"])]


def test_a_page_of_another_site_cannot_change_the_cases(tmp_path):
    app = create_app(tmp_path)
    for headers in (
        {"Origin": "http://evil.example"},
        {"Origin": "null"},
        {"Sec-Fetch-Site": "cross-site"},
    ):
        r = call(app, "POST", "/api/cases", content=HIKER.read_bytes(), headers=headers)
        assert error_of(r, 403)["error"] == "CrossOrigin", headers
    assert list((tmp_path / "cases").iterdir()) == []
    # reading is not refused, and the index's own form (same origin) works
    assert (
        call(app, "GET", "/", headers={"Origin": "http://evil.example"}).status_code
        == 200
    )
    same = call(
        app,
        "POST",
        "/api/cases",
        files={"case": ("h.yaml", HIKER.read_bytes())},
        data={"from": "index"},
        headers={"Origin": "http://t", "Sec-Fetch-Site": "same-origin"},
    )
    assert same.status_code == 303
    hosts = create_app(tmp_path, hosts=["localhost"])
    assert error_of(call(hosts, "GET", "/api/cases"), 421)["error"] == "WrongHost"


def test_only_the_runs_own_files_are_served(hiker):
    app, data, case_id, _ = hiker
    runs = data / "cases" / case_id / "runs"
    copy = runs / "backup"  # a run folder copied by hand: not a run
    shutil.copytree(runs / "0001", copy)
    try:
        base = f"/api/cases/{case_id}/runs"
        for url in (
            f"{base}/0001/run.json",
            f"{base}/backup/estimate.json",
        ):
            assert error_of(call(app, "GET", url), 404)["field"] in ("name", "run"), url
        listed = call(app, "GET", f"/api/cases/{case_id}").json()["runs"]
        assert [r["run"] for r in listed] == ["0001"]
    finally:
        shutil.rmtree(copy)


def test_a_body_that_is_not_a_json_object_is_400(small_case):
    app, folder, case_id = small_case
    for what in ("estimate", "searched"):
        for body in (b"[1]", b'"x"', b"\xff\xfe{}", b"{'a': 1}"):
            r = call(app, "POST", f"/api/cases/{case_id}/{what}", content=body)
            assert error_of(r, 400)["error"] == "BadRequest", (what, body)
    assert list((folder / "runs").iterdir()) == []


def test_a_case_file_that_is_not_utf8_is_refused(tmp_path):
    app = create_app(tmp_path)
    latin1 = HIKER.read_text().replace("Yr Wyddfa", "Yr Wyddf\u00e2").encode("latin-1")
    body = error_of(call(app, "POST", "/api/cases", content=latin1), 422)
    assert body["field"] == "case" and "not UTF-8" in body["message"]
    bom = b"\xef\xbb\xbf" + HIKER.read_bytes().replace(b"\n", b"\r\n")
    r = call(app, "POST", "/api/cases", content=bom)
    assert r.status_code == 201, r.text
    stored = tmp_path / "cases" / r.json()["id"] / "case.yaml"
    assert stored.read_bytes() == HIKER.read_bytes()


def test_errors_name_files_inside_the_data_folder_only(small_case):
    app, folder, case_id = small_case
    (folder / "case.yaml").write_bytes(b"target: caf\xe9\n")  # edited on the server
    r = call(
        app,
        "POST",
        f"/api/cases/{case_id}/searched",
        json={"date": "2024-10-13", "pd": 0.5, "box": BOX},
    )
    body = error_of(r, 422)
    assert f"The case file cases/{case_id}/case.yaml is not UTF-8" in body["message"]
    assert str(folder.parent.parent) not in body["message"]


def test_searched_takes_center_and_keeps_the_note(small_case):
    app, folder, case_id = small_case
    r = call(
        app,
        "POST",
        f"/api/cases/{case_id}/searched",
        json={"date": "2024-10-13", "pd": 1, "center": [-4.02, 53.08],
              "radius_km": 0.5, "note": "Dogs <b>and</b> drone, 3 h."},
    )  # fmt: skip
    assert r.status_code == 201, r.text
    [added] = r.json()["added"]
    assert added["note"] == "Dogs <b>and</b> drone, 3 h."
    assert (added["pd"], added["buffer_km"]) == (1.0, 0.5)
    item = load_case(folder / "case.yaml").items[-1]
    assert item.note == "Dogs <b>and</b> drone, 3 h."
    assert (item.area.lon, item.area.lat) == (-4.02, 53.08)


def test_only_finished_cases_with_proper_ids_are_listed(small_case):
    app, folder, case_id = small_case
    cases = folder.parent
    for name in (".new-0123abcd", "Upper", "-dash"):  # half-made or hand-made
        (cases / name).mkdir()
        shutil.copyfile(folder / "case.yaml", cases / name / "case.yaml")
    assert [c["id"] for c in call(app, "GET", "/api/cases").json()["cases"]] == [
        case_id
    ]
    assert "Upper" not in call(app, "GET", "/").text
    error_of(call(app, "GET", "/api/cases/.new-0123abcd"), 404)


def test_read_endpoint_passes_target_and_date_to_the_reader(tmp_path, fake_reader):
    app = create_app(tmp_path)
    r = call(
        app,
        "POST",
        "/api/read",
        files={"document": ("../a b.md", b"WARN text")},
        data={"target": "John Evans", "published": "2024-10-13"},
    )
    assert r.status_code == 200, r.text
    assert fake_reader == [("a-b.md", "John Evans", dt.date(2024, 10, 13))]
    body = r.json()
    assert body["text"] == "WARN text" and body["published"] == "2024-10-13"
    [warning] = body["warnings"]
    assert warning == "EvidenceWarning: odd text in a-b.md"
    assert list(tmp_path.joinpath("cases").iterdir()) == []


def test_uploads_with_the_wrong_shape_are_refused(small_case, fake_reader):
    app, folder, case_id = small_case
    bare = {"content-type": "multipart/form-data"}  # no boundary
    r = call(app, "POST", "/api/cases", content=b"x", headers=bare)
    assert error_of(r, 400)["message"] == "Missing boundary in multipart."
    url = f"/api/cases/{case_id}/documents"
    r = call(app, "POST", url, files={"report": ("a.txt", b"text")})
    assert error_of(r, 422)["field"] == "document"
    r = call(app, "POST", url, content=b"text")  # no name
    assert error_of(r, 422)["field"] == "name"
    r = call(app, "POST", url, params={"name": "a.pdf"}, content=b"%PDF")
    assert error_of(r, 422)["field"] == "name"
    r = call(app, "POST", url, params={"name": "a.txt", "published": "13/10/2024"},
             content=b"text")  # fmt: skip
    assert error_of(r, 422)["field"] == "published"
    assert fake_reader == []
    assert list((folder / "documents").iterdir()) == []


def test_a_browser_logs_in_once_and_reads_the_pages_with_its_cookie(tmp_path):
    from geosleuth.service.sessions import session_cookie

    token = "s3cret-token-é"
    app = create_app(tmp_path, token=token)
    # a browser asking for a page is sent to the form; a program gets 401
    r = call(app, "GET", "/", headers={"Accept": "text/html"})
    assert (r.status_code, r.headers["location"]) == (303, "/login")
    error_of(call(app, "GET", "/api/cases"), 401)
    form = call(app, "GET", "/login")
    assert form.status_code == 200 and 'type="password"' in form.text
    assert form.headers["content-security-policy"].startswith("default-src 'none'")
    # a wrong token: 401 and no cookie
    bad = call(app, "POST", "/login", data={"token": "s3cret-token"})
    assert bad.status_code == 401 and "set-cookie" not in bad.headers
    assert "That is not the token of any user." in bad.text
    ok = call(app, "POST", "/login", data={"token": token})
    assert (ok.status_code, ok.headers["location"]) == (303, "/")
    cookie = ok.headers["set-cookie"]
    for flag in ("HttpOnly", "SameSite=Strict", "Max-Age=43200", "Path=/"):
        assert flag in cookie
    assert "Secure" not in cookie  # plain http here
    assert "s3cret" not in cookie
    jar = {"Cookie": cookie.split(";")[0]}
    assert call(app, "GET", "/", headers=jar).status_code == 200
    assert call(app, "GET", "/api/cases", headers=jar).json() == {"cases": []}
    # a cookie pushed past its expiry, an expired one, another token's, one moved
    # to another user: nothing
    expires, user, mac = cookie.split(";")[0].split("=", 1)[1].split(".")
    assert user == "team"
    for value in (
        f"{int(expires) + 10**6}.{user}.{mac}",
        session_cookie(token.encode(), "team", now=0),
        session_cookie(b"other-token", "team"),
        f"{expires}.admin.{mac}",
        f"{expires}.{mac}",
        "garbage",
    ):
        r = call(
            app, "GET", "/api/cases", headers={"Cookie": f"geosleuth_session={value}"}
        )
        error_of(r, 401)
    # another site cannot log a browser in (or out)
    r = call(
        app, "POST", "/login", data={"token": token},
        headers={"Origin": "https://evil.example"},
    )  # fmt: skip
    assert r.status_code == 403 and "set-cookie" not in r.headers
    out = call(app, "POST", "/logout", headers=jar)
    assert (out.status_code, out.headers["location"]) == (303, "/login")
    assert "geosleuth_session=;" in out.headers["set-cookie"]
    assert "Max-Age=0" in out.headers["set-cookie"]
    # without a token there is nothing to log in to
    assert call(create_app(tmp_path / "open"), "GET", "/login").status_code == 404


def test_malformed_cookies_hosts_and_origins_are_refused_not_500(tmp_path):
    app = create_app(tmp_path, token="s3cret", hosts=["127.0.0.1", "localhost"])
    # '²' (octal 262, byte B2) passes str.isdigit() but not int()
    for cookie in (b'geosleuth_session="\\262.abc"', b"geosleuth_session=\xb2.abc"):
        r = call(
            app, "GET", "/api/cases", headers={"Cookie": cookie, "Host": "localhost"}
        )
        error_of(r, 401)
    auth = {"Authorization": "Bearer s3cret"}
    for headers in ({"Host": "[::1"}, {"Host": "localhost", "Origin": "http://[::1"}):
        r = call(app, "POST", "/api/cases", content=b"x", headers={**auth, **headers})
        assert error_of(r, 400)["error"] == "BadRequest", headers
    # no host list: only the Origin is read
    r = call(
        create_app(tmp_path / "open"), "POST", "/api/cases",
        content=b"x", headers={"Origin": "http://[::1"},
    )  # fmt: skip
    assert error_of(r, 400)["error"] == "BadRequest"


def test_allowed_hosts_let_a_reverse_proxy_in(tmp_path):
    loopback = ["127.0.0.1", "localhost", "::1"]
    app = create_app(tmp_path, hosts=loopback, allowed_hosts=["Cases.Example.org"])

    def post(host, origin):
        headers = {"Host": host, "Origin": origin}
        return call(app, "POST", "/api/cases", content=b"x", headers=headers)

    public = "https://cases.example.org"
    # a proxy that passes the Host on, and one that rewrites it to the loopback's
    assert post("cases.example.org", public).json()["error"] == "CaseFileError"
    assert post("127.0.0.1:8000", public).json()["error"] == "CaseFileError"
    # the loopback's names still answer; other names and other sites do not
    assert post("localhost:8000", "http://localhost:8000").status_code == 422
    assert error_of(post("evil.example", "https://evil.example"), 421)
    assert error_of(post("127.0.0.1:8000", "https://evil.example"), 403)
    assert error_of(post("127.0.0.1:8000", "http://localhost:3000"), 403)
    # without a host list (an open address) the name still counts as the origin's
    open_app = create_app(tmp_path / "open", allowed_hosts=["cases.example.org"])
    r = call(
        open_app, "POST", "/api/cases", content=b"x",
        headers={"Host": "10.0.0.5:8000", "Origin": public},
    )  # fmt: skip
    assert r.json()["error"] == "CaseFileError"
    for bad in ("https://cases.example.org", "cases.example.org:443", "", "a b"):
        with pytest.raises(InputError, match="allowed host"):
            create_app(tmp_path, allowed_hosts=[bad])


def test_each_change_is_logged_under_the_user_who_made_it(
    tmp_path, fake_reader, fake_locate
):
    from geosleuth.service.sessions import session_cookie

    app = create_app(tmp_path, users={"ana": "tok-ana", "ben": "tok-ben"})
    ana = {"Authorization": "Bearer tok-ana"}
    ben = {"Authorization": "Bearer tok-ben"}
    r = call(app, "POST", "/api/cases", content=HIKER.read_bytes(), headers=ana)
    case_id = r.json()["id"]
    base = f"/api/cases/{case_id}"
    r = call(app, "POST", f"{base}/documents", params={"name": "a.txt"},
             content=b"text", headers=ben)  # fmt: skip
    assert r.status_code == 201, r.text
    # a refused upload, estimate or search changes nothing, so it is not logged
    error_of(call(app, "POST", f"{base}/documents", params={"name": "a.pdf"},
                  content=b"%PDF", headers=ben), 422)  # fmt: skip
    error_of(call(app, "POST", f"{base}/estimate", json={"x": 1}, headers=ana), 422)
    error_of(call(app, "POST", f"{base}/searched", json={"pd": 2}, headers=ben), 422)
    assert call(app, "POST", f"{base}/estimate", headers=ana).status_code == 201
    search = {"date": "2024-10-13", "pd": 0.5, "box": BOX}
    r = call(app, "POST", f"{base}/searched", json=search, headers=ben)
    assert r.status_code == 201, r.text
    [added] = r.json()["added"]

    log = call(app, "GET", f"{base}/log", headers=ben).json()
    assert log["case"] == case_id
    rows = [(e["user"], e["action"]) for e in log["log"]]
    assert rows == [
        ("ana", "created"),
        ("ben", "uploaded"),
        ("ana", "estimated"),
        ("ben", "searched"),
    ]
    created, uploaded, estimated, searched = log["log"]
    assert created["title"] == "Missing walker on Yr Wyddfa, as of the morning after"
    assert (uploaded["document"], uploaded["published"]) == ("a.txt", None)
    assert estimated["run"] == "0001" and searched["items"] == [added["id"]]
    assert all(dt.datetime.fromisoformat(e["at"]).tzinfo for e in log["log"])
    # and each thing says who made it
    meta = call(app, "GET", base, headers=ana).json()
    assert meta["created_by"] == "ana"
    assert [d["uploaded_by"] for d in meta["documents"]] == ["ben"]
    assert meta["latest_run"]["by"] == "ana"
    # a browser's session stands for its user, and the index names them
    login = call(app, "POST", "/login", data={"token": "tok-ben"})
    jar = {"Cookie": login.headers["set-cookie"].split(";")[0]}
    page = call(app, "GET", "/", headers=jar).text
    assert "ben · <button" in page and f"{base}/log" in page
    assert "by ana" in page  # who ran the latest estimate
    call(app, "POST", f"{base}/estimate", headers=jar)
    assert call(app, "GET", f"{base}/log", headers=jar).json()["log"][-1]["user"] == (
        "ben"
    )
    # ana's token does not sign ben's cookie; without ben, ben's session is over
    forged = session_cookie(b"tok-ana", "ben")
    error_of(call(app, "GET", "/api/cases",
                  headers={"Cookie": f"geosleuth_session={forged}"}), 401)  # fmt: skip
    without_ben = create_app(tmp_path, users={"ana": "tok-ana"})
    error_of(call(without_ben, "GET", "/api/cases", headers=jar), 401)
    error_of(call(without_ben, "GET", "/api/cases", headers=ben), 401)


def test_a_log_line_cut_short_is_shown_not_dropped(small_case, fake_locate):
    app, folder, case_id = small_case
    with (folder / "log.jsonl").open("a", encoding="utf-8") as f:
        f.write('{"at": "2024-10-13T10:00:00+00:00", "user": "ana", "act')
    assert call(app, "POST", f"/api/cases/{case_id}/estimate").status_code == 201
    log = call(app, "GET", f"/api/cases/{case_id}/log").json()["log"]
    # no tokens: the user is not known; the cut line does not swallow the next
    assert [(e.get("user"), e["action"]) for e in log] == [
        (None, "created"),
        (None, "unreadable"),
        (None, "estimated"),
    ]
    assert log[1]["line"] == 2 and log[2]["run"] == "0001"


def test_the_users_given_are_checked(tmp_path):
    for users, message in (
        ({}, "There is no token in the users given"),
        ({"ana": "x", "ben": "x"}, "has the token of 'ana'"),
        ({"a b": "x"}, "name must be"),
        ({"ana": "two words"}, "must be one word"),
    ):
        with pytest.raises(InputError, match=message):
            create_app(tmp_path, users=users)
    with pytest.raises(InputError, match="not both"):
        create_app(tmp_path, token="x", users={"ana": "y"})


@pytest.mark.parametrize("action", ["uploaded", "estimated", "searched"])
def test_a_change_whose_log_line_cannot_be_written_is_not_made(
    small_case, fake_reader, fake_locate, monkeypatch, action
):
    import errno

    from geosleuth.service.store import CaseStore

    app, folder, case_id = small_case
    real = CaseStore._append_log
    case_before = (folder / "case.yaml").read_bytes()

    def append_log(where, user, what, detail):
        if what == action:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(where, user, what, detail)

    monkeypatch.setattr(CaseStore, "_append_log", staticmethod(append_log))
    base = f"/api/cases/{case_id}"
    requests = {
        "uploaded": ("documents", {"params": {"name": "a.txt"}, "content": b"x"}),
        "estimated": ("estimate", {}),
        "searched": ("searched", {"json": {"date": "2024-10-13", "pd": 0.5,
                                           "box": BOX}}),
    }  # fmt: skip
    endpoint, kwargs = requests[action]
    error_of(call(app, "POST", f"{base}/{endpoint}", **kwargs), 503)
    meta = call(app, "GET", base).json()
    assert meta["documents"] == [] and meta["runs"] == []
    assert list(folder.glob("readings/*")) == []
    assert (folder / "case.yaml").read_bytes() == case_before
    assert [e["action"] for e in call(app, "GET", f"{base}/log").json()["log"]] == [
        "created"
    ]


def test_a_browser_alone_can_work_a_case_through_its_page(
    tmp_path, fake_reader, fake_locate
):
    app = create_app(tmp_path, users={"ana": "tok-ana"})
    login = call(app, "POST", "/login", data={"token": "tok-ana"})
    jar = {"Cookie": login.headers["set-cookie"].split(";")[0]}
    created = call(app, "POST", "/api/cases", headers=jar,
                   files={"case": ("h.yaml", HIKER.read_bytes())},
                   data={"from": "index"})  # fmt: skip
    assert created.status_code == 303
    case_id = HIKER_ID
    page = call(app, "GET", f"/cases/{case_id}", headers=jar)
    assert page.status_code == 200, page.text
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert "No reports yet." in page.text and "No estimate yet." in page.text
    assert f'<a href="/cases/{case_id}">' in call(app, "GET", "/", headers=jar).text
    for form in ("documents", "estimate", "searched"):
        assert f'action="/cases/{case_id}/{form}"' in page.text

    # a report, an estimate and a search, each back to the page at its part
    r = call(app, "POST", f"/cases/{case_id}/documents", headers=jar,
             files={"document": ("<b>x.txt", b"text")},
             data={"published": "2024-10-12"})  # fmt: skip
    # stored under a safe name, which the page says (review r85, L3), with the
    # way back (a report stored as sent goes straight back: tests/test_h91.py)
    assert r.status_code == 200 and "stored as" in r.text and "b-x.txt" in r.text
    assert f'href="/cases/{case_id}#documents"' in r.text
    r = call(app, "POST", f"/cases/{case_id}/estimate", headers=jar,
             data={"as_of": "2024-10-13", "published": "", "budget_km": "",
                   "sweep_width_km": ""})  # fmt: skip
    # the run's warning (the fake's) is shown on a page that leads back to the runs;
    # a redirect would drop it (review r10, F6)
    assert r.status_code == 200 and "Done, with notes" in r.text
    assert "EvidenceWarning: nothing known in run 0001" in r.text
    assert f'href="/cases/{case_id}#runs"' in r.text
    _, kwargs, _ = fake_locate.calls[-1]
    assert kwargs["as_of"] == dt.date(2024, 10, 13) and kwargs["budget_km"] is None
    form = {"date": "2024-10-13", "time": "08:30", "pd": "0.5", "team": "MRT <3>",
            "lon": "", "lat": "", "radius_km": ""}  # fmt: skip
    form |= dict(zip(("west", "south", "east", "north"), map(str, BOX), strict=True))
    r = call(app, "POST", f"/cases/{case_id}/searched", headers=jar, data=form)
    assert (r.status_code, r.headers["location"]) == (303, f"/cases/{case_id}#log")
    case = load_case(tmp_path / "cases" / case_id / "case.yaml")
    search = [i for i in case.items if isinstance(i, Searched)][-1]
    assert (search.pd, search.provenance.speaker) == (0.5, "MRT <3>")
    assert search.date == dt.date(2024, 10, 13)

    page = call(app, "GET", f"/cases/{case_id}", headers=jar).text
    assert "&lt;b&gt;" not in page  # the name was made safe on upload
    assert "b-x.txt" in page and "2024-10-12" in page
    assert f"/api/cases/{case_id}/runs/0001/report.html" in page
    # the log, newest first, with who did what
    log = page[page.index('id="log"') :]
    assert log.index("searched") < log.index("estimated") < log.index("uploaded")
    assert log.count("<td>ana</td>") == 4
    assert f"items {search.id}" in log
    assert "<img src=x" not in page  # the run's top place is escaped


@pytest.mark.parametrize(
    ("form", "data", "field_text"),
    [
        ("estimate", {"as_of": "13/10/2024"}, "'as_of' must be a date"),
        ("estimate", {"budget_km": "5"}, "Give both 'budget_km' and"),
        ("searched", {"date": "2024-10-13", "pd": "0.5", "west": "-4"},
         "Give the whole box: south, east, north missing."),
        ("searched", {"date": "2024-10-13", "pd": "lots", "lon": "-4",
                      "lat": "53", "radius_km": "1"},
         "'pd' must be a number. Got 'lots' instead."),
        ("searched", {"date": "2024-10-13", "pd": "0.5"}, "Give the searched area"),
        ("documents", {}, "Send the file in the multipart field 'document'."),
    ],
)  # fmt: skip
def test_a_bad_form_gives_an_error_page_that_leads_back_to_the_case(
    small_case, fake_locate, form, data, field_text
):
    app, folder, case_id = small_case
    before = (folder / "case.yaml").read_bytes()
    kwargs = {"files": {"x": ("x", b"")}} if form == "documents" else {}
    r = call(app, "POST", f"/cases/{case_id}/{form}", data=data, **kwargs)
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("text/html")
    assert html_unescape(field_text) in html_unescape(r.text)
    assert f'<a href="/cases/{case_id}">Back to the case</a>' in r.text
    assert (folder / "case.yaml").read_bytes() == before
    assert fake_locate.calls == []
    assert call(app, "GET", f"/api/cases/{case_id}").json()["documents"] == []


def test_the_case_page_of_no_case_is_404_and_forms_from_elsewhere_are_403(
    small_case,
):
    app, _, case_id = small_case
    assert call(app, "GET", "/cases/nope").status_code == 404
    r = call(app, "POST", "/cases/nope/estimate", data={})
    assert r.status_code == 404 and "Back to the cases" in r.text
    r = call(app, "POST", f"/cases/{case_id}/estimate", data={},
             headers={"Origin": "https://evil.example"})  # fmt: skip
    assert error_of(r, 403)["error"] == "CrossOrigin"


def test_a_new_version_of_the_case_file_replaces_it_and_keeps_the_old(
    small_case, fake_locate
):
    app, folder, case_id = small_case
    url = f"/api/cases/{case_id}/case.yaml"
    first = call(app, "GET", url)
    version = first.headers["etag"].strip('"')
    assert len(version) == 16
    assert call(app, "GET", f"/api/cases/{case_id}").json()["case_version"] == version
    edited = first.content.replace(
        b"Missing walker on Yr Wyddfa", b"Missing walker <b>found</b>?"
    )
    assert edited != first.content
    r = call(app, "PUT", url, content=edited, headers={"If-Match": f'"{version}"'})
    assert r.status_code == 200, r.text
    assert r.json()["kept_as"] == "versions/0001.yaml"
    assert call(app, "GET", url).content == edited
    assert (folder / "versions" / "0001.yaml").read_bytes() == first.content
    meta = call(app, "GET", f"/api/cases/{case_id}").json()
    assert meta["title"].startswith("Missing walker <b>found</b>?")
    assert meta["case_version"] == r.json()["version"] != version
    log = call(app, "GET", f"/api/cases/{case_id}/log").json()["log"]
    assert (log[-1]["action"], log[-1]["kept_as"]) == ("replaced", "versions/0001.yaml")
    # the page escapes the new title
    page = call(app, "GET", f"/cases/{case_id}").text
    assert "<b>found</b>" not in page and "&lt;b&gt;found&lt;/b&gt;" in page

    # an edit of the old version is refused (412), and changes nothing
    stale = call(app, "PUT", url, content=first.content,
                 headers={"If-Match": f'"{version}"'})  # fmt: skip
    assert error_of(stale, 412)["error"] == "PreconditionFailed"
    assert "changed since you took it" in stale.json()["message"]
    assert call(app, "GET", url).content == edited
    # an invalid case file is 422 with its line, and changes nothing
    bad = put_case_yaml(app, case_id, HOSTILE_KIND)
    assert error_of(bad, 422)["line"] is not None
    bad = put_case_yaml(app, case_id, b"target: x\nevidence:\n  - {id: e, kind: "
                        b"territory, date: 2024-01-01, csv: /etc/x}\n")  # fmt: skip
    assert error_of(bad, 422)["error"] == "CaseFileError"
    assert call(app, "GET", url).content == edited
    assert sorted(p.name for p in (folder / "versions").iterdir()) == ["0001.yaml"]
    # without If-Match (or ?base=) it is refused, 428; "*" matches any version
    bare = call(app, "PUT", url, content=first.content)
    assert error_of(bare, 428)["error"] == "PreconditionRequired"
    assert call(app, "GET", url).content == edited
    r = call(app, "PUT", url, content=first.content, headers={"If-Match": "*"})
    assert r.status_code == 200, r.text
    assert call(app, "GET", url).content == first.content
    r = call(app, "PUT", url, content=edited,
             headers={"If-Match": f'"0000", W/"{r.json()["version"]}"'})  # fmt: skip
    assert r.status_code == 200, r.text


def test_the_page_edits_the_case_file_it_shows_and_never_a_newer_one(
    small_case, fake_locate
):
    import html

    app, folder, case_id = small_case
    page = call(app, "GET", f"/cases/{case_id}").text
    base = re.search(r'name="base" value="([0-9a-f]{16})"', page).group(1)
    shown = re.search(r'<textarea name="text"[^>]*>\n(.*?)</textarea>', page, re.S)
    text = html.unescape(shown.group(1))
    assert text.encode() == (folder / "case.yaml").read_bytes()
    assert base == call(app, "GET", f"/api/cases/{case_id}/case.yaml").headers[
        "etag"].strip('"')  # fmt: skip
    # someone records a search meanwhile; the edit made from the page is refused
    search = {"date": "2024-10-13", "pd": 0.5, "box": BOX}
    assert (
        call(app, "POST", f"/api/cases/{case_id}/searched", json=search).status_code
        == 201
    )
    after_search = (folder / "case.yaml").read_bytes()
    edit = text.replace("Missing walker", "Found walker").replace("\n", "\r\n")
    r = call(app, "POST", f"/cases/{case_id}/case", data={"text": edit, "base": base})
    assert r.status_code == 422 and "changed since you took it" in r.text
    assert (folder / "case.yaml").read_bytes() == after_search
    # from the page as it is now, the edit is saved (line ends as LF)
    page = call(app, "GET", f"/cases/{case_id}").text
    base = re.search(r'name="base" value="([0-9a-f]{16})"', page).group(1)
    edit = after_search.decode().replace("Missing walker", "Found walker")
    r = call(app, "POST", f"/cases/{case_id}/case",
             data={"text": edit.replace("\n", "\r\n"), "base": base})  # fmt: skip
    assert (r.status_code, r.headers["location"]) == (303, f"/cases/{case_id}#log")
    assert (folder / "case.yaml").read_bytes() == edit.encode()
    # a form without its base is refused: it could overwrite anything
    r = call(app, "POST", f"/cases/{case_id}/case", data={"text": edit})
    assert r.status_code == 422 and "the &#x27;base&#x27; version" in r.text


def test_a_put_without_the_version_it_starts_from_keeps_the_searches_since(
    small_case,
):
    # review 13, #6: searches recorded through the API, then a PUT of the file
    # as it was before them, with no If-Match: it must not drop them unseen
    app, folder, case_id = small_case
    url = f"/api/cases/{case_id}/case.yaml"
    before = call(app, "GET", url)
    for day in ("2024-10-13", "2024-10-14"):
        search = {"date": day, "pd": 0.5, "box": BOX}
        r = call(app, "POST", f"/api/cases/{case_id}/searched", json=search)
        assert r.status_code == 201, r.text
    with_searches = (folder / "case.yaml").read_bytes()
    assert with_searches.count(b"kind: searched") == 2 + before.content.count(
        b"kind: searched"
    )
    bare = call(app, "PUT", url, content=before.content)
    body = error_of(bare, 428)
    assert body["error"] == "PreconditionRequired" and body["field"] == "If-Match"
    assert "If-Match" in body["message"] and "?base=" in body["message"]
    assert (folder / "case.yaml").read_bytes() == with_searches
    assert not (folder / "versions").exists() or not any(
        (folder / "versions").iterdir()
    )
    # the version it was made from, as If-Match or ?base=: stale, so 412
    stale = call(app, "PUT", url, content=before.content,
                 headers={"If-Match": before.headers["etag"]})  # fmt: skip
    assert error_of(stale, 412)["error"] == "PreconditionFailed"
    version = before.headers["etag"].strip('"')
    stale = call(app, "PUT", url, content=before.content, params={"base": version})
    assert error_of(stale, 412)["error"] == "PreconditionFailed"
    assert (folder / "case.yaml").read_bytes() == with_searches
    # the version now, by ?base=: the edit is made
    now = call(app, "GET", url).headers["etag"].strip('"')
    edited = with_searches.replace(b"Missing walker", b"Found walker")
    r = call(app, "PUT", url, content=edited, params={"base": now})
    assert r.status_code == 200, r.text
    assert (folder / "case.yaml").read_bytes() == edited
    # an unknown case is 404, not 428
    assert (
        call(app, "PUT", "/api/cases/no-such/case.yaml", content=b"x").status_code
        == 404
    )


def test_a_case_with_no_evidence_yet_takes_its_first_search(small_case):
    # review 13, #14: the schema takes 'evidence: []' (with a region), and so
    # must the service: the first search is recorded, an estimate refused clearly
    app, _, _ = small_case
    text = (
        "target: Jane Doe\ntitle: A fresh case\n"
        "region: {west: -4.1, south: 53.05, east: -3.99, north: 53.11}\n"
        "evidence: []\n"
    )
    r = call(app, "POST", "/api/cases", content=text.encode())
    assert r.status_code == 201, r.text
    case_id = r.json()["id"]
    r = call(app, "POST", f"/api/cases/{case_id}/estimate")
    body = error_of(r, 422)
    assert "has no evidence items yet" in body["message"]
    # the page's and the API's ways to add a search, and no path on the server
    # (review r10, F7: it named cases/<id>/runs/0001/case.yaml, a run removed)
    assert f"POST /api/cases/{case_id}/searched" in body["message"]
    assert (
        "runs/" not in body["message"] and "geosleuth searched" not in body["message"]
    )
    assert body["field"] == "evidence"
    assert call(app, "GET", f"/api/cases/{case_id}").json()["runs"] == []
    search = {"date": "2024-10-13", "pd": 0.5, "box": BOX}
    r = call(app, "POST", f"/api/cases/{case_id}/searched", json=search)
    assert r.status_code == 201, r.text
    stored = call(app, "GET", f"/api/cases/{case_id}/case.yaml").content.decode()
    assert "evidence: []" not in stored
    assert [i.kind for i in parse_case(stored).items] == ["searched"]


def test_a_new_target_reads_the_stored_reports_again(
    small_case, fake_reader, fake_locate
):
    app, folder, case_id = small_case
    day = {"name": "a.txt", "published": "2024-10-12"}
    r = call(app, "POST", f"/api/cases/{case_id}/documents", params=day, content=b"t")
    assert r.status_code == 201
    url = f"/api/cases/{case_id}/case.yaml"
    old = call(app, "GET", url).content
    assert b"target: missing walker (synthetic example)" in old
    new = old.replace(
        b"target: missing walker (synthetic example)", b"target: John Evans"
    )
    r = put_case_yaml(app, case_id, new)
    assert r.status_code == 200, r.text
    assert r.json()["read_again"] == ["a.txt"]
    # read again for the new target, with the date it was uploaded with
    assert fake_reader[-1] == ("a.txt", "John Evans", dt.date(2024, 10, 12))
    assert (folder / "readings" / "a.txt.json").is_file()
    log = call(app, "GET", f"/api/cases/{case_id}/log").json()["log"]
    assert log[-1]["read_again"] == ["a.txt"]
    assert call(app, "GET", f"/api/cases/{case_id}").json()["target"] == "John Evans"
    # the same target again: nothing is read
    n = len(fake_reader)
    r = put_case_yaml(app, case_id, new.replace(b"Missing walker", b"Walker"))
    assert (
        r.status_code == 200 and r.json()["read_again"] == [] and len(fake_reader) == n
    )


def test_a_broken_form_is_400_and_changes_nothing(small_case, fake_locate):
    app, _, case_id = small_case
    r = call(app, "POST", f"/cases/{case_id}/estimate", content=b"--x\r\nbroken",
             headers={"Content-Type": "multipart/form-data; boundary=x"})  # fmt: skip
    assert r.status_code == 400
    assert fake_locate.calls == []
    log = call(app, "GET", f"/api/cases/{case_id}/log").json()["log"]
    assert [e["action"] for e in log] == ["created"]


def test_a_full_disk_while_replacing_the_case_file_keeps_the_old(
    small_case, monkeypatch
):
    import errno

    from geosleuth.service.store import CaseStore

    app, folder, case_id = small_case
    before = (folder / "case.yaml").read_bytes()
    meta = (folder / "meta.json").read_bytes()

    def append_log(where, user, what, detail):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(CaseStore, "_append_log", staticmethod(append_log))
    edited = before.replace(b"Missing walker", b"Found walker")
    r = put_case_yaml(app, case_id, edited)
    assert error_of(r, 503)["error"] == "StorageError"
    assert (folder / "case.yaml").read_bytes() == before
    assert (folder / "meta.json").read_bytes() == meta
    assert list((folder / "versions").iterdir()) == []


def test_a_removed_report_is_kept_aside_logged_and_left_out_of_estimates(
    small_case, fake_reader, fake_locate
):
    app, folder, case_id = small_case
    docs = f"/api/cases/{case_id}/documents"
    for name in ("a.txt", "b.txt"):
        r = call(
            app, "POST", docs, params={"name": name}, content=b"text " + name.encode()
        )
        assert r.status_code == 201, r.text
    # the page links to a question, and a GET changes nothing
    page = call(app, "GET", f"/cases/{case_id}").text
    assert f'href="/cases/{case_id}/documents/a.txt/remove"' in page
    ask = call(app, "GET", f"/cases/{case_id}/documents/a.txt/remove")
    assert ask.status_code == 200 and "Remove a.txt?" in ask.text
    assert (folder / "documents" / "a.txt").is_file()
    # the form's post, then the API's delete
    r = call(app, "POST", f"/cases/{case_id}/documents/a.txt/remove")
    assert (r.status_code, r.headers["location"]) == (
        303, f"/cases/{case_id}#documents"
    )  # fmt: skip
    r = call(app, "DELETE", f"{docs}/b.txt")
    assert r.status_code == 200 and r.json()["kept_as"] == "removed/0002-b.txt"
    assert [d["name"] for d in call(app, "GET", f"/api/cases/{case_id}").json()[
        "documents"]] == []  # fmt: skip
    kept = sorted(p.name for p in (folder / "removed").iterdir())
    assert kept == [
        "0001-a.txt", "0001-a.txt.details.json", "0001-a.txt.json",
        "0002-b.txt", "0002-b.txt.details.json", "0002-b.txt.json",
    ]  # fmt: skip
    assert (folder / "removed" / "0001-a.txt").read_bytes() == b"text a.txt"
    log = call(app, "GET", f"/api/cases/{case_id}/log").json()["log"]
    assert [(e["action"], e.get("document")) for e in log[-2:]] == [
        ("removed", "a.txt"), ("removed", "b.txt")
    ]  # fmt: skip
    call(app, "POST", f"/api/cases/{case_id}/estimate")
    inputs, _, _ = fake_locate.calls[-1]
    assert inputs == ["case.yaml"]  # neither report, nor what was read from it
    # a name the case does not list is 404, and a path never gets through
    for name in ("a.txt", "..%2Fcase.yaml", "nope.txt"):
        error_of(call(app, "DELETE", f"{docs}/{name}"), 404)
        r = call(app, "POST", f"/cases/{case_id}/documents/{name}/remove")
        assert r.status_code == 404
        assert (
            call(app, "GET", f"/cases/{case_id}/documents/{name}/remove").status_code
            == 404
        )
    assert (folder / "case.yaml").is_file()
    # a name may be used again
    r = call(app, "POST", docs, params={"name": "a.txt"}, content=b"again")
    assert r.json()["name"] == "a.txt"


def test_a_removed_report_comes_back_with_its_reading_or_read_again(
    small_case, fake_reader, fake_locate
):
    app, folder, case_id = small_case
    docs = f"/api/cases/{case_id}/documents"
    for name, day in (("a.txt", "2024-10-11"), ("b.txt", None)):
        params = {"name": name} | ({"published": day} if day else {})
        assert call(app, "POST", docs, params=params, content=b"t").status_code == 201
    reading_a = (folder / "readings" / "a.txt.json").read_bytes()
    call(app, "DELETE", f"{docs}/a.txt")
    call(app, "DELETE", f"{docs}/b.txt")
    meta = call(app, "GET", f"/api/cases/{case_id}").json()
    assert [(r["id"], r["published"]) for r in meta["removed"]] == [
        ("0001-a.txt", "2024-10-11"), ("0002-b.txt", None)
    ]  # fmt: skip
    page = call(app, "GET", f"/cases/{case_id}").text
    assert f'action="/cases/{case_id}/removed/0001-a.txt/restore"' in page
    # a.txt from the page's button: back with its reading, not read again
    n = len(fake_reader)
    r = call(app, "POST", f"/cases/{case_id}/removed/0001-a.txt/restore")
    assert (r.status_code, r.headers["location"]) == (
        303, f"/cases/{case_id}#documents"
    )  # fmt: skip
    assert len(fake_reader) == n
    assert (folder / "readings" / "a.txt.json").read_bytes() == reading_a
    restored = call(app, "GET", f"/api/cases/{case_id}").json()
    assert [(d["name"], d["published"]) for d in restored["documents"]] == [
        ("a.txt", "2024-10-11")
    ]
    # a new b.txt takes the name; the old one comes back as b-2.txt, and after a
    # new target it is read again for it
    assert call(app, "POST", docs, params={"name": "b.txt"}, content=b"new").json()[
        "name"] == "b.txt"  # fmt: skip
    url = f"/api/cases/{case_id}/case.yaml"
    new = call(app, "GET", url).content.replace(
        b"target: missing walker (synthetic example)", b"target: John Evans"
    )
    assert put_case_yaml(app, case_id, new).status_code == 200
    r = call(app, "POST", f"/api/cases/{case_id}/removed/0002-b.txt/restore")
    assert r.status_code == 200, r.text
    assert r.json()["document"] == "b-2.txt"
    assert fake_reader[-1] == ("0002-b.txt", "John Evans", None)
    assert (folder / "readings" / "b-2.txt.json").is_file()
    assert call(app, "GET", f"/api/cases/{case_id}").json()["removed"] == []
    assert sorted(p.name for p in (folder / "removed").iterdir()) == []
    log = call(app, "GET", f"/api/cases/{case_id}/log").json()["log"]
    back = [e.get("document") for e in log if e["action"] == "restored"]
    assert back == ["a.txt", "b-2.txt"]
    # what is not a removed report of the case is 404
    for rid in ("0001-a.txt", "nope", "..%2Fcase.yaml", "0009-x.txt"):
        error_of(call(app, "POST", f"/api/cases/{case_id}/removed/{rid}/restore"), 404)


def test_a_search_note_names_the_case_file_not_its_server_path(small_case):
    # a search dated a century ago is warned of with the case file's path
    # (r28 F6), which the service never shows its clients
    app, folder, case_id = small_case
    r = call(
        app,
        "POST",
        f"/api/cases/{case_id}/searched",
        json={"date": "1900-10-13", "pd": 0.5, "centre": [-4.05, 53.07],
              "radius_km": 1},
    )  # fmt: skip
    assert r.status_code == 201, r.text
    notes = " ".join(r.json()["notes"])
    assert "more than 100 years before today" in notes
    assert str(folder) not in notes and str(folder.parent.parent) not in notes
    assert "case.yaml" in notes
