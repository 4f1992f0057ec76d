"""No spread, buffer or distance beyond the largest distance on Earth (MAX_KM).

A search "within 1e9 km" once passed every check and then kept the map's drawing
busy for minutes; a case file, the CLI and the service all refuse it now.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import REPO
from geosleuth.casefile import parse_case
from geosleuth.cli import app
from geosleuth.errors import InputError
from geosleuth.evidence import MAX_KM, Claim, Provenance, Searched, Sighting
from geosleuth.geometry import Point

HIKER = REPO / "src" / "geosleuth" / "examples" / "missing-hiker.yaml"
DAY = dt.date(2024, 10, 13)
PROV = Provenance(document="d")


def test_max_km_is_half_the_equator():
    assert abs(MAX_KM - 40_075.0 / 2) < 0.1


@given(st.floats(min_value=MAX_KM, max_value=1e300, exclude_min=True))
def test_a_search_radius_past_it_is_refused(radius):
    with pytest.raises(InputError, match=r"at most 20,037\.5") as caught:
        Searched(id="s", provenance=PROV, date=DAY, area=Point(0, 0), pd=0.5,
                 buffer_km=radius)  # fmt: skip
    assert caught.value.field == "buffer_km"


@given(st.floats(min_value=1e-6, max_value=MAX_KM))
def test_anything_up_to_it_is_taken(km):
    s = Sighting(id="s", provenance=PROV, date=DAY, place=Point(0, 0), sigma_km=km)
    c = Claim(id="c", provenance=PROV, date=DAY, place=Point(0, 0), buffer_km=km)
    assert (s.sigma_km, c.buffer_km) == (km, km)


def test_a_case_file_with_a_spread_past_it_names_the_field():
    text = (
        "target: x\nevidence:\n  - {id: far, kind: sighting, date: 2024-01-01,\n"
        "     place: {lon: 0, lat: 0}, sigma_km: 30000}\n"
    )
    with pytest.raises(InputError, match=r"'sigma_km' of sighting 'far'.*at most"):
        parse_case(text)


def test_the_cli_refuses_a_search_radius_past_it_and_keeps_the_case(tmp_path: Path):
    case = tmp_path / "hiker.yaml"
    shutil.copy(HIKER, case)
    before = case.read_bytes()
    result = CliRunner().invoke(
        app,
        ["searched", str(case), "--pd", "0.5", "--date", "2024-10-13",
         "--point=-4.05,53.07", "--radius-km", "1e9"],
    )  # fmt: skip
    assert result.exit_code == 1
    assert "at most 20,037.5 (half the Earth's circumference)" in " ".join(
        result.output.split()
    )
    assert "Traceback" not in result.output
    assert case.read_bytes() == before


def test_the_service_refuses_a_search_radius_past_it(tmp_path: Path):
    pytest.importorskip("starlette")
    pytest.importorskip("httpx")
    from geosleuth.service import create_app
    from serving import call, error_of

    app = create_app(tmp_path)
    case_id = call(app, "POST", "/api/cases", content=HIKER.read_bytes()).json()["id"]
    case_file = tmp_path / "cases" / case_id / "case.yaml"
    before = case_file.read_bytes()
    body = error_of(
        call(
            app,
            "POST",
            f"/api/cases/{case_id}/searched",
            json={
                "date": "2024-10-13",
                "pd": 0.5,
                "centre": [-4.05, 53.07],
                "radius_km": 1e9,
            },
        ),
        422,
    )
    # the request's own field (review r10, F2: it named the item's buffer_km)
    assert body["field"] == "radius_km" and "at most 20,037.5" in body["message"]
    assert case_file.read_bytes() == before
