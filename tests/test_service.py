"""The team web service, in-process through httpx.ASGITransport (no sockets)."""

import asyncio
import json
import shutil
import sys

import numpy as np
import pytest

pytest.importorskip("starlette")
httpx = pytest.importorskip("httpx")

from typer.testing import CliRunner  # noqa: E402

from conftest import REPO  # noqa: E402
from geosleuth.casefile import load_case  # noqa: E402
from geosleuth.cli import app as cli_app  # noqa: E402
from geosleuth.cli.locate import run_locate  # noqa: E402
from geosleuth.errors import InputError, MissingDependencyError  # noqa: E402
from geosleuth.evidence import Searched  # noqa: E402
from geosleuth.report.files import load_posterior  # noqa: E402
from geosleuth.service import create_app  # noqa: E402
from geosleuth.service.pipeline import check_case_text  # noqa: E402
from geosleuth.service.store import case_slug, document_name  # noqa: E402

HIKER = REPO / "src" / "geosleuth" / "examples" / "missing-hiker.yaml"
HIKER_ID = "missing-walker-on-yr-wyddfa-as-of-the-morning"
# Pen-y-Pass car park, the top place of the hiker case, and the ground around it
BOX = [-4.03, 53.075, -4.015, 53.085]
HOSTILE_KIND = (
    b"target: x\nevidence:\n  - {id: e, kind: '<b>x</b>', date: 2024-01-01}\n"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01" + bytes(range(256))


def call(app, method, url, **kwargs):
    """One request to ``app``, in-process."""

    async def go():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
            return await c.request(method, url, **kwargs)

    return asyncio.run(go())


def error_of(response, status):
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error", "message", "line", "field"}
    assert "Traceback" not in body["message"]
    return body


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
    assert summary["places"][0]["name"] == "Pen-y-Pass car park"
    assert summary["places"][0]["probability"] == direct["places"][0]["probability"]
    assert summary["places"][0]["probability"] == pytest.approx(0.18834, abs=1e-5)
    assert summary["p_alive"] == direct["p_alive"] == pytest.approx(0.9)
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
    assert "Pen-y-Pass car park (0.188)" in page.text
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
    assert r.json()["notes"] == []
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
    assert before == pytest.approx(0.0792, abs=1e-3)
    assert after < 0.25 * before
    top = {p["name"]: p["probability"] for p in est.json()["summary"]["places"]}
    assert top["Pen-y-Pass car park"] < 0.75 * 0.18834


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
    assert body["line"] == 50
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


def test_alias_bomb_is_refused():
    laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n"
        for p, c in zip("abcdefg", "bcdefgh", strict=True)
    )
    with pytest.raises(InputError, match="YAML nodes"):
        check_case_text(laughs + "target: x\nevidence: []\n")


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
    assert "before this search" in r.json()["notes"][0]  # as_of is 2024-10-13
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
    assert est.json()["warnings"] == []
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
    for day in ("2024-10-13", "2024-10-14"):
        r = call(
            app,
            "POST",
            f"/api/cases/{case_id}/documents",
            params={"name": "wales.txt", "published": day},
            content=article.encode(),
        )
        assert r.status_code == 201, r.text
    assert r.json()["name"] == "wales-2.txt"
    est = call(app, "POST", f"/api/cases/{case_id}/estimate")
    assert est.status_code == 201, est.text
    assert est.json()["settings"]["published"] is None
    assert est.json()["warnings"] == []

    def read_dates() -> dict[str, str]:
        record = call(app, "GET", f"/api/cases/{case_id}/estimate").json()
        return {e["id"]: e["date"] for e in record["evidence"] if ":" in e["id"]}

    # "yesterday" is the day before each report's own publication date
    assert read_dates() == {"wales:s1": "2024-10-12", "wales-2:s1": "2024-10-13"}
    # a date given with the estimate reads every report again, with that date
    given = call(
        app, "POST", f"/api/cases/{case_id}/estimate", json={"published": "2024-10-13"}
    )
    assert given.json()["settings"]["published"] == "2024-10-13"
    assert read_dates() == {"wales:s1": "2024-10-12", "wales-2:s1": "2024-10-12"}


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
