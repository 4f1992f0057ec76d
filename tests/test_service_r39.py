"""Review r39 of the service: the date of undated reports, the dates shown, refusals.

H1: an estimate's ``published`` ("publication date of undated reports") is for
the reports that gave no date, neither with the upload nor in their own text; a
report that dated itself (a line under its headline, its page's metadata) keeps
its date, and its relative dates with it. M1: the case's JSON and page show the
date each reading used and where it came from. L6: a refused change is logged
under the user's name.
"""

import json
import logging
import re
from html import unescape

import pytest

pytest.importorskip("starlette")
httpx = pytest.importorskip("httpx")

from geosleuth.service import create_app  # noqa: E402
from geosleuth.service.users import User  # noqa: E402
from serving import call, login  # noqa: E402

CASE = (
    "target: Joaquín Guzmán\ntitle: Heron published probe\nas_of: 2024-03-20\n"
    "evidence: []\nregion: {west: -110, south: 22, east: -104, north: 27}\n"
    "grid: {cell_km: 5}\n"
)
#: Dated by the line under its headline: Wednesday is 2024-02-28.
DATED = (
    "Guzman seen in Mazatlan\nPublished: 2024-03-01\n\n"
    "Joaquín Guzmán was spotted in Mazatlán on Wednesday, witnesses said.\n"
)
#: Dated by its page's metadata: Tuesday is 2024-03-05.
PAGE = (
    "<html><head><title>Guzman seen in Los Mochis</title>"
    '<meta property="article:published_time" content="2024-03-08T10:00:00Z">'
    "</head><body><h1>Guzman seen in Los Mochis</h1>"
    "<p>Joaquín Guzmán was spotted in Los Mochis on Tuesday, police said.</p>"
    "</body></html>"
)
#: No date anywhere: Monday is the Monday before the date it is read with.
UNDATED = "Joaquín Guzmán was spotted in Culiacán on Monday, police said.\n"
#: The reports, and the day the reviewer's texts date their sighting by.
REPORTS = {"dated.txt": DATED, "page.html": PAGE, "undated.txt": UNDATED}


def _case(app):
    r = call(app, "POST", "/api/cases", content=CASE.encode())
    assert r.status_code == 201, r.text
    case_id = r.json()["id"]
    for name, text in REPORTS.items():
        r = call(app, "POST", f"/api/cases/{case_id}/documents",
                 files={"document": (name, text.encode())})  # fmt: skip
        assert r.status_code == 201, r.text
    return case_id


@pytest.fixture(scope="module")
def heron(tmp_path_factory, nlp):
    """The reviewer's case: three reports uploaded with no date, read for real."""
    data = tmp_path_factory.mktemp("data")
    app = create_app(data)
    return app, data, _case(app)


def _sighting_dates(app, case_id):
    record = call(app, "GET", f"/api/cases/{case_id}/estimate").json()
    return {
        e["id"].split(":")[0]: e["date"]
        for e in record["evidence"]
        if e["kind"] == "sighting" and ":" in e["id"]
    }


# ------------------------------------------------------------------ H1
@pytest.mark.nlp
def test_a_date_for_undated_reports_leaves_a_report_s_own_date(heron):
    app, data, case_id = heron
    estimate = f"/api/cases/{case_id}/estimate"
    plain = call(app, "POST", estimate, json={"as_of": "2024-03-20"})
    assert plain.status_code == 201, plain.text
    before = _sighting_dates(app, case_id)
    # each self-dated report's "on Wednesday"/"on Tuesday" from its own date
    assert before["dated"] == "2024-02-28" and before["page"] == "2024-03-05"
    given = call(
        app, "POST", estimate, json={"as_of": "2024-03-20", "published": "2024-03-15"}
    )
    assert given.status_code == 201, given.text
    after = _sighting_dates(app, case_id)
    # the reports that dated themselves keep their dates (were 2024-03-13 and
    # 2024-03-12: re-dated from the estimate's day); the undated one takes it
    assert after["dated"] == "2024-02-28" and after["page"] == "2024-03-05"
    assert after["undated"] == "2024-03-11"  # the Monday before 2024-03-15
    said = " ".join(given.json()["warnings"])
    assert (
        "is used instead" not in said and "gives its own publication date" not in said
    )
    # the run read the dated reports' stored readings, and read the undated again
    run = json.loads(
        (data / "cases" / case_id / "runs" / "0002" / "run.json").read_text()
    )
    readings = {i["document"]: i["reading"] for i in run["inputs"]}
    assert readings == {
        "dated.txt": "readings/dated.txt.json",
        "page.html": "readings/page.html.json",
        "undated.txt": None,
    }


def test_a_report_with_a_date_of_its_own_is_not_read_again(
    tmp_path, fake_reading_with_own_date, fake_estimate
):
    app = create_app(tmp_path)
    case_id = _case(app)
    url = f"/api/cases/{case_id}/estimate"
    assert call(app, "POST", url, json={"published": "2024-03-15"}).status_code == 201
    (names, kwargs), *_ = fake_estimate
    # the two that date themselves keep their readings; the undated one alone is
    # read again, with the date given
    assert names == ["case.yaml", "dated.txt.json", "page.html.json", "undated.txt"]
    assert str(kwargs["published"]) == "2024-03-15"


def test_a_date_given_when_every_report_is_dated_reads_none_again(
    tmp_path, fake_reading_with_own_date, fake_estimate
):
    app = create_app(tmp_path)
    case_id = _case(app)
    call(app, "DELETE", f"/api/cases/{case_id}/documents/undated.txt")
    url = f"/api/cases/{case_id}/estimate"
    r = call(app, "POST", url, json={"published": "2024-03-15"})
    assert r.status_code == 201, r.text
    assert r.json()["settings"]["published"] == "2024-03-15"
    (names, kwargs), *_ = fake_estimate
    assert names == ["case.yaml", "dated.txt.json", "page.html.json"]
    assert kwargs["published"] is None  # none is read now


# ------------------------------------------------------------------ M1
@pytest.mark.nlp
def test_the_case_shows_the_date_each_reading_used_and_where_from(tmp_path, nlp):
    app = create_app(tmp_path)
    case_id = _case(app)
    r = call(app, "POST", f"/api/cases/{case_id}/documents",
             files={"document": ("given.txt", UNDATED.encode() + b"Again.\n")},
             data={"published": "2024-03-10"})  # fmt: skip
    assert r.status_code == 201, r.text
    docs = {
        d["name"]: d
        for d in call(app, "GET", f"/api/cases/{case_id}").json()["documents"]
    }
    shown = {
        name: (
            d["published"],
            d["reading_published"],
            d["reading_published_from"],
            d["reading_published_where"],
        )
        for name, d in docs.items()
    }
    assert shown == {
        # 'published' stays the date given with the upload
        "dated.txt": (None, "2024-03-01", "report", "the line under the headline"),
        "page.html": (None, "2024-03-08", "report", "the page's metadata"),
        "given.txt": ("2024-03-10", "2024-03-10", "upload", None),
        "undated.txt": (None, None, None, None),
    }
    page = call(app, "GET", f"/cases/{case_id}").text
    rows = {
        name: unescape(re.sub(r"<[^>]+>", " ", row))
        for name, row in re.findall(
            r'documents/([\w.-]+)">[^<]*</a></td>(.*?)</tr>', page
        )
    }
    assert "2024-03-01  from the line under the headline" in rows["dated.txt"]
    assert "2024-03-08  from the page's metadata" in rows["page.html"]
    assert "2024-03-10  given at upload" in rows["given.txt"]
    assert "-  none found" in rows["undated.txt"]
    # a removed report's row shows its kept reading's date as well
    call(app, "DELETE", f"/api/cases/{case_id}/documents/page.html")
    (removed,) = call(app, "GET", f"/api/cases/{case_id}").json()["removed"]
    assert (removed["published"], removed["reading_published"]) == (None, "2024-03-08")
    assert removed["reading_published_from"] == "report"
    page = call(app, "GET", f"/cases/{case_id}").text
    assert '2024-03-08 <span class="muted">from the page&#x27;s metadata' in page


def test_a_date_read_is_shown_escaped(tmp_path, fake_reading_with_own_date):
    app = create_app(tmp_path)
    case_id = _case(app)
    reading = tmp_path / "cases" / case_id / "readings" / "page.html.json"
    stored = json.loads(reading.read_text())
    stored["notes"] = ["publication date 2024-03-08 from the <b onclick=x>page</b>"]
    reading.write_text(json.dumps(stored))
    (doc,) = (
        d
        for d in call(app, "GET", f"/api/cases/{case_id}").json()["documents"]
        if d["name"] == "page.html"
    )
    assert doc["reading_published_where"] == "the <b onclick=x>page</b>"
    page = call(app, "GET", f"/cases/{case_id}").text
    assert "<b onclick" not in page
    assert "from the &lt;b onclick=x&gt;page&lt;/b&gt;" in page


# ------------------------------------------------------------------ L6
def test_a_refused_change_is_logged_with_the_user_and_never_the_token(tmp_path, caplog):
    users = {"ana": "tok-ana-secret", "vic": User("tok-vic-secret", role="viewer")}
    app = create_app(tmp_path, users=users)
    ana = {"Authorization": "Bearer tok-ana-secret"}
    r = call(app, "POST", "/api/cases", content=CASE.encode(), headers=ana)
    case_id = r.json()["id"]
    vic = {"Authorization": "Bearer tok-vic-secret"}
    with caplog.at_level(logging.INFO, logger="geosleuth.service"):
        r = call(app, "POST", f"/api/cases/{case_id}/estimate", headers=vic)
        assert r.status_code == 403
        cookie = login(app, "tok-vic-secret")
        r = call(app, "DELETE", f"/api/cases/{case_id}/documents/a%0Ab.txt",
                 headers=cookie)  # fmt: skip
        assert r.status_code == 403
        # an editor's change is no refusal
        r = call(app, "POST", f"/api/cases/{case_id}/searched", headers=ana,
                 json={"date": "2024-03-18", "pd": 0.5,
                       "centre": [-107.39, 24.8], "radius_km": 2})  # fmt: skip
        assert r.status_code == 201, r.text
    refused = [r.getMessage() for r in caplog.records if "refused" in r.getMessage()]
    assert refused == [
        f"POST /api/cases/{case_id}/estimate refused (403): vic is a viewer, not an "
        "editor",
        f"DELETE /api/cases/{case_id}/documents/a%0Ab.txt refused (403): vic is a "
        "viewer, not an editor",
    ]
    assert all(
        r.levelno == logging.WARNING
        for r in caplog.records
        if "refused" in r.getMessage()
    )
    assert "tok-" not in caplog.text


def test_a_case_out_of_reach_refused_is_logged_with_the_user(tmp_path, caplog):
    users = {"dan": User("tok-dan-secret", cases=("falcon-*",))}
    app = create_app(tmp_path, users=users)
    dan = {"Authorization": "Bearer tok-dan-secret"}
    with caplog.at_level(logging.INFO, logger="geosleuth.service"):
        r = call(app, "POST", "/api/cases", content=CASE.encode(), headers=dan)
        assert r.status_code == 403
    assert [r.getMessage() for r in caplog.records] == [
        "POST /api/cases refused (403): dan may not reach the case it would make"
    ]
    assert "tok-" not in caplog.text


# ------------------------------------------------------------------ stand-ins
@pytest.fixture
def fake_reading_with_own_date(monkeypatch):
    """``read_document`` as the real one dates: given, else the report's own."""
    import datetime as dt

    import geosleuth.read

    class Reading:
        def __init__(self, path, target, published):
            text = path.read_text(encoding="utf-8")
            own = re.search(r"(?:Published: |content=\")(\d{4}-\d{2}-\d{2})", text)
            self.doc_id, self.title, self.target = path.stem, None, target
            self.published = published or (
                dt.date.fromisoformat(own.group(1)) if own else None
            )
            where = (
                "the line under the headline"
                if "Published" in text
                else ("the page's metadata")
            )
            self.notes = (
                [f"publication date {self.published} from {where}"]
                if own and not published
                else []
            )
            self.evidence, self.mentions, self.rejected, self.unused = [], [], [], []

        def to_dict(self):
            return {
                "doc_id": self.doc_id,
                "target": self.target,
                "published": self.published.isoformat() if self.published else None,
                "notes": self.notes,
            }

    monkeypatch.setattr(
        geosleuth.read,
        "read_document",
        lambda path, *, target=None, published=None: Reading(path, target, published),
    )


@pytest.fixture
def fake_estimate(monkeypatch):
    """``locate_case`` that notes what it is given and writes a small estimate."""
    import geosleuth.locate

    calls = []

    def locate_case(inputs, *, out, **kwargs):
        calls.append(([p.name for p in inputs], kwargs))
        record = {"case": "case.yaml", "places": [], "evidence": []}
        (out / "estimate.json").write_text(json.dumps(record))
        return None, "x"

    monkeypatch.setattr(geosleuth.locate, "locate_case", locate_case)
    return calls
