"""Review r41 of the service: a report whose dateline writes no year (H1).

A report dated only by "CULIACAN, Mexico, March 1 (Reuters) -" takes, read with
no date, the latest year that puts that day not after the day it is read: a
guess. Its upload says so, the case lists it (``reading_year_guessed``), a run
without a date says so, and an estimate's ``published`` ("publication date of
undated reports") reaches it: it is read again, its dateline's day and month in
the year that date gives. A dateline that writes its year is the report's own
date and stays.
"""

import datetime as dt
import json

import pytest

pytest.importorskip("starlette")
httpx = pytest.importorskip("httpx")

from geosleuth.service import create_app  # noqa: E402
from serving import call  # noqa: E402

CASE = (
    "target: Joaquín Guzmán\ntitle: Heron dates probe\nas_of: 2024-03-20\n"
    "evidence: []\nregion: {west: -110, south: 22, east: -104, north: 27}\n"
    "grid: {cell_km: 5}\n"
)
#: The reviewer's report: its Wednesday is 2024-02-28 once its year is 2024.
YEARLESS = (
    "CULIACAN, Mexico, March 1 (Reuters) - Joaquín Guzmán was spotted in Mazatlán "
    "on Wednesday, witnesses said.\n"
)
#: The near miss: the dateline writes its year, the report's own date.
WITH_YEAR = (
    "CULIACAN, Mexico, March 1, 2024 (Reuters) - Joaquín Guzmán was spotted in "
    "Los Mochis on Wednesday, witnesses said.\n"
)


def _guess() -> int:
    """The year a 1 March dateline read today takes: the latest not after today."""
    today = dt.date.today()
    return today.year if (today.month, today.day) >= (3, 1) else today.year - 1


@pytest.fixture(scope="module")
def heron(tmp_path_factory, nlp):
    data = tmp_path_factory.mktemp("data")
    app = create_app(data)
    r = call(app, "POST", "/api/cases", content=CASE.encode())
    assert r.status_code == 201, r.text
    case_id = r.json()["id"]
    uploads = {}
    for name, text in {"yearless.txt": YEARLESS, "withyear.txt": WITH_YEAR}.items():
        r = call(app, "POST", f"/api/cases/{case_id}/documents",
                 files={"document": (name, text.encode())})  # fmt: skip
        assert r.status_code == 201, r.text
        uploads[name] = r.json()
    return app, data, case_id, uploads


def _sightings(app, case_id):
    record = call(app, "GET", f"/api/cases/{case_id}/estimate").json()
    return {
        e["id"].split(":")[0]: (e["date"], e["used"])
        for e in record["evidence"]
        if e["kind"] == "sighting" and ":" in e["id"]
    }


@pytest.mark.nlp
def test_the_upload_says_the_year_was_guessed(heron):
    app, _, case_id, uploads = heron
    said = " ".join(uploads["yearless.txt"]["warnings"])
    assert f"year guessed as {_guess()} from the dateline" in said
    assert "March 1 (Reuters)" in said and "publication date" in said
    # the near miss: a dateline with its year guesses nothing
    assert not any("guessed" in w for w in uploads["withyear.txt"]["warnings"])
    docs = {
        d["name"]: d for d in call(app, "GET", f"/api/cases/{case_id}").json()
        ["documents"]
    }  # fmt: skip
    assert "March 1 (Reuters)" in docs["yearless.txt"]["reading_year_guessed"]
    assert docs["withyear.txt"]["reading_year_guessed"] is None
    assert docs["withyear.txt"]["reading_published"] == "2024-03-01"


@pytest.mark.nlp
def test_a_run_without_a_date_warns_of_the_guessed_year(heron):
    app, _, case_id, _ = heron
    r = call(app, "POST", f"/api/cases/{case_id}/estimate",
             json={"as_of": "2024-03-20"})  # fmt: skip
    assert r.status_code == 201, r.text
    said = [w for w in r.json()["warnings"] if "guessed" in w]
    assert len(said) == 1, r.json()["warnings"]
    assert said[0].startswith(
        "EvidenceWarning: 'yearless.txt' is dated only by its dateline 'CULIACAN, "
        "Mexico, March 1"
    )
    assert f"the year {_guess()} was guessed" in said[0]
    assert "Give a publication date" in said[0]


@pytest.mark.nlp
def test_the_estimate_s_date_reaches_a_report_whose_year_was_guessed(heron):
    app, data, case_id, _ = heron
    r = call(app, "POST", f"/api/cases/{case_id}/estimate",
             json={"as_of": "2024-03-20", "published": "2024-03-02"})  # fmt: skip
    assert r.status_code == 201, r.text
    assert not any("guessed" in w for w in r.json()["warnings"])
    seen = _sightings(app, case_id)
    # read again with the date given: 1 March 2024, its Wednesday 28 February,
    # used (was dated from the guessed year, after as_of, and dropped)
    assert seen["yearless"] == ("2024-02-28", True)
    # the near miss keeps its own date and its reading
    assert seen["withyear"] == ("2024-02-28", True)
    runs = sorted((data / "cases" / case_id / "runs").iterdir())
    run = json.loads((runs[-1] / "run.json").read_text())
    readings = {i["document"]: i["reading"] for i in run["inputs"]}
    assert readings == {
        "withyear.txt": "readings/withyear.txt.json",
        "yearless.txt": None,
    }
