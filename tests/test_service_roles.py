"""Roles in the service: a viewer reads everything and changes nothing.

In-process through httpx.ASGITransport, with stand-ins for the reader and the
estimate (the gate is the web layer's, not the library's).
"""

import re

import pytest

pytest.importorskip("starlette")
httpx = pytest.importorskip("httpx")

from typer.testing import CliRunner  # noqa: E402

from conftest import REPO  # noqa: E402
from geosleuth.cli import app as cli_app  # noqa: E402
from geosleuth.errors import InputError  # noqa: E402
from geosleuth.service import create_app  # noqa: E402
from geosleuth.service.users import (  # noqa: E402
    ROLES,
    User,
    check_users,
    parse_users,
    read_users,
)
from serving import call, error_of, files_of, login, routes_of  # noqa: E402

HIKER = REPO / "src" / "geosleuth" / "examples" / "missing-hiker.yaml"
ANA = {"Authorization": "Bearer tok-ana"}  # an editor
VIC = {"Authorization": "Bearer tok-vic"}  # a viewer
USERS = {"ana": "tok-ana", "vic": User("tok-vic", role="viewer")}
#: What the viewer is told, whatever change they ask for.
REFUSAL = (
    "vic is a viewer; changing the cases needs the role editor (given to each user "
    "in the service's token file)."
)
#: The routes a viewer may post to: they change nothing.
READ_POSTS = {("POST", "/api/read")}
#: Every route that changes a case today; the loop below must have met each.
CHANGES = {
    ("POST", "/api/cases"),
    ("PUT", "/api/cases/{case_id}/case.yaml"),
    ("POST", "/api/cases/{case_id}/documents"),
    ("DELETE", "/api/cases/{case_id}/documents/{name}"),
    ("POST", "/api/cases/{case_id}/removed/{removed_id}/restore"),
    ("POST", "/api/cases/{case_id}/estimate"),
    ("POST", "/api/cases/{case_id}/searched"),
    ("POST", "/cases/{case_id}/case"),
    ("POST", "/cases/{case_id}/documents"),
    ("POST", "/cases/{case_id}/documents/{name}/remove"),
    ("POST", "/cases/{case_id}/removed/{removed_id}/restore"),
    ("POST", "/cases/{case_id}/estimate"),
    ("POST", "/cases/{case_id}/searched"),
}
SAFE = {"GET", "HEAD", "OPTIONS"}


@pytest.fixture
def worked(tmp_path, quick):
    """A service of an editor and a viewer, with a case that has one of everything:
    a report, a removed report and a run. Returns the app, the data folder and the
    values of every path parameter.
    """
    app = create_app(tmp_path, users=USERS)
    r = call(app, "POST", "/api/cases", content=HIKER.read_bytes(), headers=ANA)
    assert r.status_code == 201, r.text
    case_id = r.json()["id"]
    base = f"/api/cases/{case_id}"
    for name in ("a.txt", "b.txt"):
        r = call(app, "POST", f"{base}/documents", params={"name": name},
                 content=b"text", headers=ANA)  # fmt: skip
        assert r.status_code == 201, r.text
    assert call(app, "DELETE", f"{base}/documents/b.txt", headers=ANA).is_success
    r = call(app, "POST", f"{base}/estimate", headers=ANA)
    assert r.status_code == 201, r.text
    values = {
        "case_id": case_id,
        "name": "a.txt",
        "removed_id": call(app, "GET", base, headers=ANA).json()["removed"][0]["id"],
        "run_id": r.json()["run"],
    }
    return app, tmp_path, values


# ----------------------------------------------------------- the gate, on every route
def test_every_change_a_viewer_asks_for_is_403_and_changes_nothing(worked):
    app, data, values = worked
    folder = data / "cases" / values["case_id"]
    before, log_before = files_of(data), (folder / "log.jsonl").read_bytes()
    browser = {**login(app, "tok-vic"), "Accept": "text/html", "Origin": "http://t"}
    met = set()
    for method, template in routes_of(app):
        if method in SAFE or (method, template) in READ_POSTS:
            continue
        url = template.format(**values)
        # a body that the route would take from an editor, where one is simple
        body = {"params": {"name": "c.txt"}, "content": HIKER.read_bytes()}
        r = call(app, method, url, headers=VIC, **body)
        assert error_of(r, 403) == {
            "error": "Forbidden", "message": REFUSAL, "line": None, "field": "role"
        }, (method, url)  # fmt: skip
        # a browser's form gets a page, which leads back to where it came from
        page = call(app, method, url, headers=browser, **body)
        assert page.status_code == 403, (method, url)
        assert page.headers["content-type"].startswith("text/html")
        assert "default-src 'none'" in page.headers["content-security-policy"]
        assert "<strong>Forbidden</strong>: vic is a viewer; changing" in page.text
        back = (
            f'<a href="/cases/{values["case_id"]}">Back to the case</a>'
            if template.startswith("/cases/")
            else '<a href="/">Back to the cases</a>'
        )
        assert back in page.text, (method, url)
        assert files_of(data) == before, (method, url)
        met.add((method, template))
    assert met >= CHANGES, CHANGES - met
    assert (folder / "log.jsonl").read_bytes() == log_before
    # the same requests from the editor reach their routes
    for method, template in sorted(met):
        url = template.format(**values)
        r = call(app, method, url, headers=ANA, params={"name": "c.txt"},
                 content=HIKER.read_bytes())  # fmt: skip
        assert r.status_code not in (401, 403, 405), (method, url, r.text)


def test_a_viewer_may_read_every_page_file_and_log(worked):
    app, data, values = worked
    before = files_of(data)
    seen = 0
    for method, template in routes_of(app):
        if method != "GET":
            continue
        # a run's file is named as a report is; the report a.txt is the case's
        name = "report.html" if "/runs/" in template else values["name"]
        url = template.format(**{**values, "name": name})
        r = call(app, method, url, headers=VIC)
        assert r.status_code == 200, (url, r.text)
        seen += 1
    assert seen >= 13  # health, the index, the API, the pages, files
    case_id = values["case_id"]
    log = call(app, "GET", f"/api/cases/{case_id}/log", headers=VIC).json()["log"]
    assert [e["action"] for e in log] == [
        "created", "uploaded", "uploaded", "removed", "estimated"
    ]  # fmt: skip
    assert call(app, "GET", f"/cases/{case_id}/report", headers=VIC).text == (
        "<p>the report</p>"
    )
    assert files_of(data) == before


def test_a_viewer_may_post_a_report_to_read_it_which_stores_nothing(worked):
    app, data, _ = worked
    before = files_of(data)
    r = call(app, "POST", "/api/read", params={"name": "r.txt"}, content=b"text",
             headers=VIC)  # fmt: skip
    assert r.status_code == 200, r.text
    assert r.json()["doc_id"] == "r"
    assert files_of(data) == before


def test_an_unknown_path_or_method_is_still_refused_to_a_viewer(worked):
    app, data, values = worked
    before = files_of(data)
    # a route added later is refused before it is reached: what is not a read is
    # a change
    for method, url in (
        ("POST", "/api/cases/x/new-thing"),
        ("PATCH", f"/api/cases/{values['case_id']}"),
        ("PUT", "/api/read"),
    ):
        assert error_of(call(app, method, url, headers=VIC), 403)["field"] == "role"
    assert error_of(call(app, "PATCH", "/api/cases/x", headers=ANA), 405)
    assert files_of(data) == before


# ---------------------------------------------------------- login, cookies, pages
def test_a_viewer_logs_in_and_the_role_is_read_at_each_request_not_from_the_cookie(
    tmp_path, quick
):
    app = create_app(tmp_path, users={"ana": "tok-ana", "vic": "tok-vic"})
    jar = login(app, "tok-ana")
    cookie = jar["Cookie"]
    assert "editor" not in cookie and "viewer" not in cookie
    r = call(app, "POST", "/api/cases", content=HIKER.read_bytes(), headers=jar)
    assert r.status_code == 201, r.text
    case_id = r.json()["id"]
    # ana is made a viewer in the file, and the service started again: the same
    # cookie still logs her in, and no longer changes anything
    demoted = create_app(
        tmp_path, users={"ana": User("tok-ana", role="viewer"), "vic": "tok-vic"}
    )
    assert call(demoted, "GET", f"/cases/{case_id}", headers=jar).status_code == 200
    r = call(demoted, "POST", f"/api/cases/{case_id}/estimate", headers=jar)
    assert error_of(r, 403)["message"].startswith("ana is a viewer;")
    # and back: the same cookie changes again
    r = call(app, "POST", f"/api/cases/{case_id}/estimate", headers=jar)
    assert r.status_code == 201, r.text
    # a viewer's login and logout work as anyone's
    viewer = create_app(tmp_path, users={"ana": User("tok-ana", "viewer")})
    vjar = login(viewer, "tok-ana")
    assert call(viewer, "GET", "/api/cases", headers=vjar).status_code == 200
    out = call(viewer, "POST", "/logout", headers=vjar)
    assert (out.status_code, out.headers["location"]) == (303, "/login")


def test_the_pages_offer_a_viewer_no_form_and_say_read_only(worked):
    app, _, values = worked
    case_id = values["case_id"]
    editor, viewer = login(app, "tok-ana"), login(app, "tok-vic")

    def posts(page):
        """The forms' actions, but the log-out button's."""
        found = re.findall(r'<form[^>]*method="post"[^>]*action="([^"]+)"', page)
        return [a for a in found if a != "/logout"]

    index = call(app, "GET", "/", headers=viewer).text
    assert "vic" in index and "(read-only)" in index
    assert posts(index) == [] and "New case" not in index
    assert posts(call(app, "GET", "/", headers=editor).text) == ["/api/cases"]
    assert "(read-only)" not in call(app, "GET", "/", headers=editor).text

    page = call(app, "GET", f"/cases/{case_id}", headers=viewer).text
    assert "(read-only)" in page and posts(page) == []
    assert "<textarea" not in page and "remove…" not in page
    # what the forms would show is still there to read
    assert "a.txt" in page and "Removed reports" in page and "0001" in page
    assert "target: missing walker (synthetic example)" in page
    full = posts(call(app, "GET", f"/cases/{case_id}", headers=editor).text)
    assert {a.removeprefix(f"/cases/{case_id}") for a in full} == {
        "/estimate", "/case", "/documents", "/searched",
        f"/removed/{values['removed_id']}/restore",
    }  # fmt: skip
    ask = call(app, "GET", f"/cases/{case_id}/documents/a.txt/remove", headers=viewer)
    assert ask.status_code == 200 and posts(ask.text) == []
    assert "needs the role editor" in ask.text
    ask = call(app, "GET", f"/cases/{case_id}/documents/a.txt/remove", headers=editor)
    assert posts(ask.text) == [f"/cases/{case_id}/documents/a.txt/remove"]


def test_without_users_or_with_one_token_everyone_may_change(tmp_path, quick):
    for app, headers in (
        (create_app(tmp_path / "open"), {}),
        (create_app(tmp_path / "team", token="tok-team"), {"Authorization":
                                                           "Bearer tok-team"}),
    ):  # fmt: skip
        r = call(app, "POST", "/api/cases", content=HIKER.read_bytes(), headers=headers)
        assert r.status_code == 201, r.text
        page = call(app, "GET", "/", headers=headers).text
        assert "(read-only)" not in page and 'action="/api/cases"' in page


# ------------------------------------------------------------- the users, checked
def test_a_token_file_gives_each_user_a_role_editor_when_left_out():
    users = parse_users(
        "# name token role\n"
        "ana  tok-ana-0123456789\n"
        "ben  tok-ben-0123456789  editor\n"
        "vic\ttok-vic-0123456789\tviewer  \n"
    )
    assert {n: u.role for n, u in users.items()} == {
        "ana": "editor", "ben": "editor", "vic": "viewer"
    }  # fmt: skip
    assert users["vic"].token == "tok-vic-0123456789"
    assert [u.may_change for u in users.values()] == [True, True, False]
    assert "tok-" not in repr(users)  # a user printed shows no token
    assert parse_users("tok-team-0123456789\n") == {
        "team": User("tok-team-0123456789", role="editor")
    }
    assert ROLES == ("viewer", "editor")


A = "4f0c1d9e-s3cret-1"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            f"ana {A} admin\n",
            1,
            "The role of 'ana' (line 1 of the token file) must be 'viewer' or "
            "'editor' ('editor' when left out). Got 'admin' instead.",
        ),
        (
            f"# team\nana {A}\nben 77a2b8d1-s3cret-2 Viewer\n",
            3,
            "The role of 'ben' (line 3 of the token file) must be 'viewer' or "
            "'editor' ('editor' when left out). Got 'Viewer' instead.",
        ),
        (
            f"ana viewer {A}\n",
            1,
            "The token on line 1 of the token file is the role 'viewer': write "
            "'NAME TOKEN ROLE', the role last.",
        ),
        (
            f"{A} viewer\n",
            1,
            "The token on line 1 of the token file is the role 'viewer': write "
            "'NAME TOKEN ROLE', the role last.",
        ),
        (
            f"ana {A} viewer # read only\n",
            1,
            "Line 1 of the token file must be 'NAME TOKEN', 'NAME TOKEN ROLE', "
            "either with 'cases=...' last, or a token alone; it has 6 words.",
        ),
    ],
)
def test_a_bad_role_in_a_token_file_names_the_file_line_and_roles(
    tmp_path, text, line, message
):
    path = tmp_path / "tokens"
    path.write_text(text)
    with pytest.raises(InputError) as info:
        read_users(path)
    assert (info.value.message, info.value.line) == (message, line)
    assert info.value.path == str(path)
    # the command says it in one red line, the file and line after it
    result = CliRunner().invoke(
        cli_app, ["serve", "--data-dir", str(tmp_path / "d"), "--token-file", str(path)]
    )
    assert result.exit_code == 1
    assert result.output == f"InputError: {message} ({path}:{line})\n"


def test_the_users_given_by_a_program_are_checked_with_their_roles(tmp_path):
    assert check_users({"ana": " tok ", "vic": User("tok-v", "viewer")}) == {
        "ana": User("tok", "editor"),
        "vic": User("tok-v", "viewer"),
    }
    with pytest.raises(InputError, match=r"must be 'viewer' or 'editor'.*'admin'"):
        User("tok", role="admin")
    with pytest.raises(InputError, match="mapping of name to token"):
        check_users([("ana", "tok")])
    for users, match in (
        ({"ana": ("tok", "viewer")}, "a token, as text or in a User"),
        ({"ana": User("tok"), "vic": User(" tok", "viewer")}, "has the token of"),
        ({"a b": User("tok", "viewer")}, "name must be"),
        ({"vic": User("two words", "viewer")}, "must be one word"),
    ):
        with pytest.raises(InputError, match=match):
            create_app(tmp_path, users=users)


# -------------------------------------------------------------------- the command
def test_serve_gives_the_roles_of_its_token_file(tmp_path, monkeypatch, quick):
    import sys
    import types

    import geosleuth.cli.serve

    served = []
    module = types.ModuleType("uvicorn")
    module.run = lambda application, **kw: served.append(application)
    monkeypatch.setitem(sys.modules, "uvicorn", module)
    monkeypatch.setattr(geosleuth.cli.serve, "_check_free", lambda host, port: None)
    path = tmp_path / "tokens"
    path.write_text("ana tok-ana-0123456789\nvic tok-vic-0123456789 viewer\n")
    result = CliRunner().invoke(
        cli_app, ["serve", "--data-dir", str(tmp_path / "d"), "--token-file", str(path)]
    )
    assert result.exit_code == 0, result.output
    assert "to 2 user(s): ana, vic (viewer)" in result.output
    [app] = served
    vic = {"Authorization": "Bearer tok-vic-0123456789"}
    ana = {"Authorization": "Bearer tok-ana-0123456789"}
    local = {"base_url": "http://127.0.0.1:8000", "content": HIKER.read_bytes()}
    r = call(app, "POST", "/api/cases", headers=vic, **local)
    assert error_of(r, 403)["message"].startswith("vic is a viewer;")
    assert list((tmp_path / "d" / "cases").iterdir()) == []
    r = call(app, "POST", "/api/cases", headers=ana, **local)
    assert r.status_code == 201, r.text
    r = call(app, "GET", f"/api/cases/{r.json()['id']}", headers=vic, **local)
    assert r.json()["created_by"] == "ana"


def test_serve_help_names_the_roles():
    result = CliRunner().invoke(cli_app, ["serve", "--help"])
    assert result.exit_code == 0
    text = " ".join(result.output.replace("│", " ").split())
    for words in ("'NAME TOKEN [ROLE]'", "'viewer'", "'editor'", "refused (403)"):
        assert words in text, words
