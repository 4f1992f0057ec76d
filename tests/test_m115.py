"""The service's searches get the checks of ``geosleuth searched`` (helper m115).

Review r105 (M2-M4) gave ``geosleuth searched`` checks against the case's region
and evidence; the service's ``POST /api/cases/{id}/searched`` had none of them,
so a team using the service could record a sign-flipped search, or a radius in
metres given as km, silently. Both now check a search with one implementation
(:func:`geosleuth.casefile.check_search`):

- a search wholly outside the region that a lost minus sign would put inside is
  refused (422, naming the field), nothing written; any search wholly outside
  is warned to count for nothing;
- a ``radius_km`` longer than the region is across is refused, naming the
  metres meant;
- a search dated before the case's first item is recorded, with a warning
  naming both dates.
"""

from __future__ import annotations

from html import unescape
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")

from typer.testing import CliRunner

from geosleuth.casefile import SearchNames, check_search, load_case, parse_case
from geosleuth.cli import app as cli_app
from geosleuth.errors import InputError
from geosleuth.geometry import Point
from geosleuth.locate import search_item
from geosleuth.service import create_app
from hikers import LONDON_CASE, RMNP_CASE
from serving import call, error_of, files_of

CASE = RMNP_CASE  # the case of review r105 (Rocky Mountain NP)


LONDON = LONDON_CASE

BOX = [-105.67, 40.305, -105.65, 40.315]


@pytest.fixture
def service(tmp_path: Path):
    """A service holding the review's case: (app, its data folder, the case's id)."""
    app = create_app(tmp_path)
    r = call(app, "POST", "/api/cases", content=CASE.encode())
    assert r.status_code == 201, r.text
    return app, tmp_path, r.json()["id"]


def _search(app, case_id: str, **body):
    return call(app, "POST", f"/api/cases/{case_id}/searched", json=body)


def _flat(text: str) -> str:
    return " ".join(text.split())


# ------------------------------------------------------------- M2: a sign lost


@pytest.mark.parametrize(
    ("body", "field", "said"),
    [
        (
            {"centre": [105.66, 40.31], "radius_km": 0.5},
            "centre",
            "with the sign of its longitude changed it lies inside",
        ),
        (
            {"center": [-105.66, -40.31], "radius_km": 0.5},
            "center",
            "with the sign of its latitude changed it lies inside",
        ),
        (
            {"centre": [105.66, -40.31], "radius_km": 0.5},
            "centre",
            "with the signs of its longitude and latitude changed",
        ),
        (
            {"box": [105.65, 40.305, 105.67, 40.315]},
            "box",
            "The minus sign of the longitude lost?",
        ),
    ],
)
def test_a_search_with_a_sign_lost_is_refused_and_the_store_unchanged(
    service, body, field, said
) -> None:
    app, data, case_id = service
    before = files_of(data)
    r = _search(app, case_id, date="2024-09-15", pd=0.5, **body)
    got = error_of(r, 422)
    assert got["field"] == field
    assert said in got["message"] and "Nothing was written" in got["message"]
    assert f"The search {field!r} [" in got["message"]
    assert files_of(data) == before
    log = call(app, "GET", f"/api/cases/{case_id}/log").json()["log"]
    assert [e["action"] for e in log if e["action"] == "searched"] == []


def test_a_search_far_out_that_no_sign_explains_is_recorded_counting_for_nothing(
    service,
) -> None:
    # near miss: elsewhere in the world, and elsewhere mirrored too
    app, data, case_id = service
    r = _search(
        app, case_id, date="2024-09-15", pd=0.5, centre=[10.0, 50.0], radius_km=0.5
    )
    assert r.status_code == 201, r.text
    (warned,) = r.json()["warnings"]
    assert warned.startswith("EvidenceWarning: The searched area of ")
    assert "It will count for nothing: an estimate leaves it out" in warned
    assert "sign" not in warned
    assert "search-2024-09-15-1" in (data / "cases" / case_id / "case.yaml").read_text()


def test_a_search_just_outside_a_region_across_greenwich_is_only_warned_of(
    tmp_path: Path,
) -> None:
    # near miss: mirrored it lies inside, but so does a real search just west of
    # a region across the meridian
    app = create_app(tmp_path)
    case_id = call(app, "POST", "/api/cases", content=LONDON.encode()).json()["id"]
    r = _search(
        app, case_id, date="2024-09-15", pd=0.5, centre=[-0.45, 51.5], radius_km=0.5
    )
    assert r.status_code == 201, r.text
    assert "count for nothing" in " ".join(r.json()["warnings"])


def test_a_search_written_latitude_first_keeps_its_own_refusal(
    tmp_path: Path,
) -> None:
    # the swap is judged before the sign, with the service's own message
    app = create_app(tmp_path)
    case_id = call(app, "POST", "/api/cases", content=LONDON.encode()).json()["id"]
    before = files_of(tmp_path)
    r = _search(
        app, case_id, date="2024-09-15", pd=0.5, centre=[51.5, 0.1], radius_km=0.5
    )
    got = error_of(r, 422)
    assert got["field"] == "centre"
    assert "looks like [lat, lon]" in got["message"]
    assert "sign" not in got["message"]
    assert files_of(tmp_path) == before


# ------------------------------------------------------------- a good search


def test_a_good_search_is_recorded_with_no_warning(service) -> None:
    app, data, case_id = service
    r = _search(app, case_id, date="2024-09-15", time="11:00", pd=0.5, box=BOX)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["warnings"] == []
    assert [a["id"] for a in body["added"]] == ["search-2024-09-15-1"]
    case = load_case(data / "cases" / case_id / "case.yaml")
    assert case.items[-1].id == "search-2024-09-15-1"
    log = call(app, "GET", f"/api/cases/{case_id}/log").json()["log"]
    assert [e["action"] for e in log].count("searched") == 1


# ------------------------------------------------------------- M3: metres


def test_a_radius_longer_than_the_region_is_refused_naming_the_metres(
    service,
) -> None:
    app, data, case_id = service
    before = files_of(data)
    r = _search(
        app, case_id, date="2024-09-15", pd=0.5, centre=[-105.66, 40.31],
        radius_km=500,
    )  # fmt: skip
    got = error_of(r, 422)
    assert got["field"] == "radius_km"
    said = got["message"]
    assert said.startswith("The 'radius_km' of 500 km is wider than the case's whole")
    assert "region, 14.5 km x 13.5 km" in said
    assert "give 'box' with the region's bounds" in said
    assert "If you meant 500 m, give 'radius_km' 0.5." in said
    assert "--" not in said  # the service's fields, not the command's options
    assert files_of(data) == before


@pytest.mark.parametrize("radius", [0.5, 15])
def test_a_radius_within_the_region_is_recorded(service, radius: float) -> None:
    # near miss: 15 km is more than the region's side, less than its diagonal
    app, _, case_id = service
    r = _search(
        app, case_id, date="2024-09-15", pd=0.5, centre=[-105.66, 40.31],
        radius_km=radius,
    )  # fmt: skip
    assert r.status_code == 201, r.text
    assert r.json()["added"][0]["buffer_km"] == radius
    assert r.json()["warnings"] == []


# ------------------------------------------------------------- M4: too early


@pytest.mark.parametrize(
    ("date", "time", "warned"),
    [
        ("2024-09-13", "11:00", True),
        ("2024-09-14", "07:00", True),  # the same day, before the car
        ("2024-09-14", "09:00", False),
        ("2024-09-14", None, False),  # the same day, no time: nothing to tell
    ],
)
def test_a_search_before_the_first_item_is_recorded_with_a_warning(
    service, date: str, time: str | None, warned: bool
) -> None:
    app, _, case_id = service
    timed = {"time": time} if time else {}
    r = _search(app, case_id, date=date, pd=0.9, box=BOX, **timed)
    assert r.status_code == 201, r.text
    assert r.json()["added"][0]["date"] == date  # recorded either way
    said = _flat(" ".join(r.json()["warnings"]))
    assert ("before the case's first item" in said) is warned
    if warned:
        assert f"dated {date} {time}" in said
        assert "sighting 'car' (2024-09-14 08:15)" in said
        assert "An estimate counts it all the same" in said


def test_the_case_page_shows_a_search_warning_and_a_refusal(service) -> None:
    # the page's form posts to the same code: a warning is a page that says it,
    # a refusal an error page naming the field, nothing written
    app, data, case_id = service
    form = {"date": "2024-09-13", "time": "11:00", "pd": "0.9", "west": "-105.67",
            "south": "40.305", "east": "-105.65", "north": "40.315"}  # fmt: skip
    r = call(app, "POST", f"/cases/{case_id}/searched", data=form)
    assert r.status_code == 200, r.text
    assert "before the case's first item" in unescape(r.text)
    before = files_of(data)
    form = {"date": "2024-09-15", "pd": "0.5", "lon": "-105.66", "lat": "40.31",
            "radius_km": "500"}  # fmt: skip
    r = call(app, "POST", f"/cases/{case_id}/searched", data=form)
    assert r.status_code == 422
    assert "radius_km" in r.text and "If you meant 500 m" in r.text
    assert files_of(data) == before


# ------------------------------------------------------------- one implementation


def test_the_command_and_the_service_refuse_a_sign_lost_alike(
    service, tmp_path: Path
) -> None:
    app, _, case_id = service
    r = _search(
        app, case_id, date="2024-09-15", pd=0.5, centre=[105.66, 40.31],
        radius_km=0.5,
    )  # fmt: skip
    served = error_of(r, 422)["message"]
    path = tmp_path / "cli.yaml"
    path.write_text(CASE, encoding="utf-8")
    got = CliRunner().invoke(
        cli_app,
        ["searched", str(path), "--date", "2024-09-15", "--pd", "0.5",
         "--point=105.66,40.31", "--radius-km", "0.5"],
    )  # fmt: skip
    assert got.exit_code == 1
    said = _flat(got.stderr)
    # the same sentence after the area's name, each naming its own input
    assert "The search --point 105.66,40.31 lies wholly" in said
    assert "The search 'centre' [105.66, 40.31] lies wholly" in served
    tail = served.split(" lies wholly ", 1)[1]
    assert tail[:200] in said


def test_check_search_names_what_the_caller_gave() -> None:
    case = parse_case(CASE, source="case.yaml")
    item = search_item(
        "s", day=case.items[0].date, area=Point(-105.66, 40.31), pd=0.5,
        buffer_km=500.0, speaker="t",
    )  # fmt: skip
    names = SearchNames(
        given="X", field="where", radius="R", radius_field="rf", radius_fix="FIX",
        box="B", counts="an estimate",
    )  # fmt: skip
    with pytest.raises(InputError, match=r"give FIX 0\.5") as exc:
        check_search([item], case, names=names, swapped=lambda _: False)
    assert exc.value.field == "rf"
    # planned: a plan's cells are not checked for a radius
    checked = check_search(
        [item], case, names=names, swapped=lambda _: False, planned=True
    )
    assert checked.warnings == [] and not checked.outside
