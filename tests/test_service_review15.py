"""The service's pages and messages, from review r10 (a team lead's day).

- The case list and case page strip the controls that reorder text, as the
  report does: "Car park\u202e (0.915)" read "(519.0)" there.
- A run's 50 % / 90 % areas are given to three significant figures, as the
  report gives them ("0 / 0 km²" was shown for 0.0132 / 0.0868 km²).
- A date written YYYY-MM-DD that is no day of the calendar is said to be so,
  not to be written wrongly.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from geosleuth.casefile import parse_case
from geosleuth.errors import CaseFileError, InputError
from geosleuth.service.pages import _run_row, index_page
from geosleuth.service.pipeline import parse_date


@pytest.fixture
def hiker_case(tmp_path: Path) -> tuple[Any, str, Path]:
    """A service with the hiker example as a case: (app, case id, data folder)."""
    pytest.importorskip("httpx")
    pytest.importorskip("starlette")
    from conftest import REPO
    from geosleuth.service import create_app
    from serving import call

    app = create_app(tmp_path)
    hiker = REPO / "src" / "geosleuth" / "examples" / "missing-hiker.yaml"
    case_id = call(app, "POST", "/api/cases", content=hiker.read_bytes()).json()["id"]
    return app, case_id, tmp_path


def _run(place: str, hdr: dict[str, float]) -> dict[str, object]:
    return {
        "run": "0001",
        "created": "2024-10-13T08:00:00Z",
        "by": "ana",
        "summary": {
            "as_of": "2024-10-13",
            "places": [{"name": place, "probability": 0.915}],
            "hdr_km2": hdr,
        },
    }


def test_a_run_row_has_no_bidi_controls_and_areas_to_three_figures() -> None:
    row = _run_row("c", _run("Car park\u202e", {"50": 0.0132, "90": 0.0868}))
    assert "\u202e" not in row
    assert "Car park (0.915)" in row
    assert "0.0132 km² / 0.0868 km²" in row
    row = _run_row("c", _run("Hajin", {"50": 304.2, "90": 5.5}))
    assert "304 km² / 5.5 km²" in row


def test_the_case_list_strips_bidi_controls_from_titles_and_targets() -> None:
    page = index_page(
        [{"id": "c", "title": "Falcon\u202e", "target": "Jane \u202eeoD"}],
        version="1.0",
        user="ana",
    )  # fmt: skip
    assert "\u202e" not in page
    assert "Jane eoD" in page


@pytest.mark.parametrize("value", ["2024-02-30", "2024-13-01", "2023-02-29"])
def test_an_impossible_day_is_said_to_be_one(value: str) -> None:
    with pytest.raises(InputError, match=f"{value} is not a day of the calendar"):
        parse_date(value, "as_of")
    text = (
        "target: x\nevidence:\n"
        f"  - {{id: e, kind: sighting, date: {value}, place: {{lon: 1, lat: 2}}}}\n"
    )
    with pytest.raises(CaseFileError, match=f"{value} is not a day of the calendar"):
        parse_case(text, source="h.yaml")
    # a date not written YYYY-MM-DD is still told the format
    with pytest.raises(InputError, match="must be a date written YYYY-MM-DD"):
        parse_date("13/10/2024", "as_of")


# -- a search's errors name the request's own fields ------------------------------
@pytest.mark.parametrize(
    ("body", "field", "said"),
    [
        ({"centre": [-4.05, 53.08], "radius_km": 1e9}, "radius_km", "at most 20,037.5"),
        ({"centre": [-4.05, 200], "radius_km": 1}, "centre", "out of range"),
        ({"box": [-4.05, 53.07, -4.0, 95]}, "box", "out of range"),
        ({"box": [-4.05, 53.07, -4.0, 53.08], "date": "2099-01-01"}, "date",
         "more than a year after today"),
    ],
)  # fmt: skip
def test_a_bad_search_names_the_field_the_request_gave(
    hiker_case: tuple[Any, str, Path], body: dict[str, object], field: str, said: str
) -> None:
    from serving import call, error_of

    app, case_id, data = hiker_case
    case_file = data / "cases" / case_id / "case.yaml"
    before = case_file.read_bytes()
    sent = {"date": "2024-10-13", "pd": 0.5, **body}
    error = error_of(
        call(app, "POST", f"/api/cases/{case_id}/searched", json=sent), 422
    )
    assert error["field"] == field, error
    assert said in error["message"]
    assert error["line"] is None  # no line of the server's copy of the case file
    assert "evidence[" not in error["message"] and "buffer_km" not in error["message"]
    assert case_file.read_bytes() == before


def test_a_form_shows_the_notes_the_api_gives_before_going_back(
    hiker_case: tuple[Any, str, Path],
) -> None:
    """A search recorded on the page after the case's as_of (review r10, F6)."""
    from serving import call

    app, case_id, _ = hiker_case
    form = {"date": "2024-10-14", "pd": "0.5", "west": "-4.03", "south": "53.075",
            "east": "-4.015", "north": "53.085"}  # fmt: skip
    r = call(app, "POST", f"/cases/{case_id}/searched", data=form)
    assert r.status_code == 200
    assert "The case&#x27;s as_of is 2024-10-13 09:00, before this search" in r.text
    assert f'href="/cases/{case_id}#log"' in r.text
    # on the day of as_of, before its 09:00, there is nothing to say: back to
    # the page at once
    form |= {"date": "2024-10-13", "time": "08:30"}
    r = call(app, "POST", f"/cases/{case_id}/searched", data=form)
    assert (r.status_code, r.headers["location"]) == (303, f"/cases/{case_id}#log")


def test_a_number_too_long_to_read_is_said_so_without_a_python_hint(
    hiker_case: tuple[Any, str, Path],
) -> None:
    from serving import call, error_of

    app, case_id, _ = hiker_case
    body = b'{"budget_km": 1' + b"0" * 5000 + b"}"
    error = error_of(
        call(app, "POST", f"/api/cases/{case_id}/estimate", content=body), 400
    )
    assert error["message"] == (
        "The body is not JSON: it holds a number too long to read (over 4,300 digits)."
    )
