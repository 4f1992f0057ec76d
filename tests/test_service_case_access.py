"""Cases per user: a token reaches only the cases its line names (``cases=``).

To such a user the other cases are not there: not listed, and every route answers
as it does for a case that does not exist. In-process, with the stand-ins of
``quick`` for the reader and the estimate.
"""

import re

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")

from geosleuth.errors import InputError
from geosleuth.service import create_app
from geosleuth.service.store import REACH
from geosleuth.service.users import ALL_CASES, User, parse_users
from serving import call, error_of, files_of, login, routes_of

A = "4f0c1d9e-s3cret-1"
B = "77a2b8d1-s3cret-2"
ANA = {"Authorization": "Bearer tok-ana"}  # every case
DAN = {"Authorization": "Bearer tok-dan"}  # an editor of falcon-* and owl
VIC = {"Authorization": "Bearer tok-vic"}  # a viewer of owl
USERS = {
    "ana": "tok-ana",
    "dan": User("tok-dan", cases=("falcon-*", "owl")),
    "vic": User("tok-vic", role="viewer", cases=("owl",)),
}


def case_text(title):
    return (
        f"target: someone\ntitle: {title}\nevidence:\n  - {{id: s, kind: sighting, "
        "date: 2024-01-01, place: {lon: 0, lat: 0}, sigma_km: 5}\n"
    )


@pytest.fixture
def service(tmp_path, quick):
    """Three cases made by ana (who reaches all): falcon-port, owl, hawk."""
    app = create_app(tmp_path, users=USERS)
    ids = []
    for title in ("Falcon port", "Owl", "Hawk"):
        r = call(app, "POST", "/api/cases", content=case_text(title), headers=ANA)
        assert r.status_code == 201, r.text
        ids.append(r.json()["id"])
        base = f"/api/cases/{ids[-1]}"
        r = call(app, "POST", f"{base}/documents", params={"name": "a.txt"},
                 content=b"text", headers=ANA)  # fmt: skip
        assert r.status_code == 201, r.text
        assert call(app, "POST", f"{base}/estimate", headers=ANA).status_code == 201
    assert ids == ["falcon-port", "owl", "hawk"]
    return app, tmp_path


# ------------------------------------------------------------------- the token file
@pytest.mark.parametrize(
    ("line", "role", "cases"),
    [
        (f"dan {A} cases=falcon-*,owl", "editor", ("falcon-*", "owl")),
        (f"dan {A} viewer cases=owl", "viewer", ("owl",)),
        (f"dan {A} viewer", "viewer", ALL_CASES),
        (f"dan {A} cases=*", "editor", ("*",)),
    ],
)
def test_a_token_file_line_may_name_the_cases_last(line, role, cases):
    (user,) = parse_users(line + "\n").values()
    assert (user.role, user.cases) == (role, cases)
    assert user.reaches_all == ("*" in cases)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (f"dan {A} cases=", "The cases of 'dan' (line 2 of the token file) must be"),
        (f"dan {A} cases=a,,b", "must be case ids or patterns"),
        (f"dan {A} cases=Falcon", "must be case ids or patterns"),
        (f"dan {A} cases=../etc", "must be case ids or patterns"),
        (f"dan {A} cases=" + "a" * 65, "must be case ids or patterns"),
        (f"dan {A} cases=owl viewer", "either with 'cases=...' last"),
        (f"dan cases=owl {A}", "either with 'cases=...' last"),
        (f"dan {A} editor cases=owl extra", "either with 'cases=...' last"),
    ],
)
def test_bad_cases_on_a_line_name_the_line(line, message):
    with pytest.raises(InputError, match=re.escape(message)) as caught:
        parse_users(f"ana {B}\n{line}\n")
    assert caught.value.line == 2


def test_a_user_given_in_code_checks_the_cases_too():
    with pytest.raises(InputError, match="must be case ids or patterns"):
        User("tok", cases=())
    with pytest.raises(InputError, match="must be case ids or patterns"):
        User("tok", cases="owl")  # a string, not a tuple of them


# ---------------------------------------------------------------------- the service
def test_each_user_lists_the_cases_they_reach(service):
    app, _ = service
    listed = {
        who: [
            c["id"] for c in call(app, "GET", "/api/cases", headers=h).json()["cases"]
        ]
        for who, h in (("ana", ANA), ("dan", DAN), ("vic", VIC))
    }
    assert listed == {
        "ana": ["falcon-port", "hawk", "owl"],
        "dan": ["falcon-port", "owl"],
        "vic": ["owl"],
    }
    page = call(app, "GET", "/", headers={**DAN, "Accept": "text/html"}).text
    assert "Falcon port" in page and "Owl" in page and "Hawk" not in page


def test_a_case_out_of_reach_answers_as_a_missing_one_on_every_route(service):
    app, data = service
    before = files_of(data)
    values = {"name": "a.txt", "removed_id": "0001", "run_id": "0001"}
    met = 0
    for method, template in routes_of(app):
        if "{case_id}" not in template:
            continue
        hidden = template.format(case_id="hawk", **values)
        missing = template.format(case_id="no-such-case", **values)
        for headers in (DAN, {**DAN, "Accept": "text/html", "Origin": "http://t"}):
            body = {"content": case_text("Hawk"), "headers": headers}
            a = call(app, method, hidden, **body)
            b = call(app, method, missing, **body)
            assert a.status_code == b.status_code == 404, (method, hidden, a.text)
            assert a.headers["content-type"] == b.headers["content-type"]
            assert a.text.replace("hawk", "X") == b.text.replace("no-such-case", "X")
        met += 1
    assert met >= 20
    assert files_of(data) == before
    # and ana, who reaches every case, still reaches it
    assert call(app, "GET", "/api/cases/hawk", headers=ANA).status_code == 200


def test_a_case_in_reach_works_as_for_anyone(service):
    app, _ = service
    for url in ("/api/cases/owl", "/cases/owl", "/cases/owl/report",
                "/api/cases/owl/log", "/api/cases/owl/case.yaml"):  # fmt: skip
        assert call(app, "GET", url, headers=VIC).status_code == 200, url
    r = call(app, "POST", "/api/cases/falcon-port/estimate", headers=DAN)
    assert r.status_code == 201, r.text
    log = call(app, "GET", "/api/cases/falcon-port/log", headers=DAN).json()["log"]
    assert log[-1]["user"] == "dan"


def test_a_new_case_must_get_an_id_its_maker_reaches(service):
    app, data = service
    r = call(app, "POST", "/api/cases", content=case_text("Falcon two"), headers=DAN)
    assert r.status_code == 201 and r.json()["id"] == "falcon-two"
    before = files_of(data)
    body = error_of(
        call(app, "POST", "/api/cases", content=case_text("Eagle"), headers=DAN), 403
    )
    assert body["error"] == "Forbidden" and body["field"] == "title"
    assert body["message"].startswith(
        "This case would be called 'eagle', which your token does not reach "
        "(your cases: falcon-*, owl)."
    )
    assert files_of(data) == before  # nothing made, not even half
    # "Owl" is taken: the next id, owl-2, is out of dan's reach ('owl' exactly)
    r = call(app, "POST", "/api/cases", content=case_text("Owl"), headers=DAN)
    assert error_of(r, 403)["message"].startswith("This case would be called 'owl-2'")
    # from the index page's form, an error page
    jar = login(app, "tok-dan")
    page = call(app, "POST", "/api/cases", headers={**jar, "Origin": "http://t"},
                files={"case": ("c.yaml", case_text("Eagle").encode())},
                data={"from": "index"})  # fmt: skip
    assert page.status_code == 403
    assert page.headers["content-type"].startswith("text/html")
    assert "which your token does not reach" in page.text
    assert files_of(data) == before


def test_the_reach_of_one_request_never_outlives_it(service):
    app, _ = service
    assert REACH.get() is None
    call(app, "GET", "/api/cases", headers=VIC)
    assert REACH.get() is None
    assert len(call(app, "GET", "/api/cases", headers=ANA).json()["cases"]) == 3


def test_serve_shows_whose_cases_are_limited(tmp_path, monkeypatch):
    import sys
    import types

    from typer.testing import CliRunner

    import geosleuth.cli.serve
    from geosleuth.cli import app as cli_app

    module = types.ModuleType("uvicorn")
    module.run = lambda application, **kw: None
    monkeypatch.setitem(sys.modules, "uvicorn", module)
    monkeypatch.setattr(geosleuth.cli.serve, "_check_free", lambda host, port: None)
    tokens = tmp_path / "tokens"
    tokens.write_text(f"ana {A}\ndan {B} viewer cases=falcon-*,owl\n")
    result = CliRunner().invoke(
        cli_app, ["serve", "--data-dir", str(tmp_path / "d"), "--token-file",
                  str(tokens), "--workers", "0"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "2 user(s): ana, dan (viewer) [cases falcon-*,owl]" in " ".join(
        result.output.split()
    )


def test_making_a_case_tells_nothing_of_cases_out_of_reach(tmp_path, quick):
    app = create_app(
        tmp_path, users={"ana": "tok-ana", "o2": User("tok-o2", cases=("owl-*",))}
    )
    o2 = {"Authorization": "Bearer tok-o2"}
    before = call(app, "POST", "/api/cases", content=case_text("Owl"), headers=o2)
    assert call(app, "POST", "/api/cases", content=case_text("Owl"), headers=ANA)
    after = call(app, "POST", "/api/cases", content=case_text("Owl"), headers=o2)
    # 'owl' is out of o2's reach, whether or not it exists: the same refusal
    assert error_of(before, 403) == error_of(after, 403)
    assert "would be called 'owl'" in after.json()["message"]
    r = call(app, "POST", "/api/cases", content=case_text("Owl nest"), headers=o2)
    assert r.status_code == 201 and r.json()["id"] == "owl-nest"
