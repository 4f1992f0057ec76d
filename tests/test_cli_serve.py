"""``geosleuth serve``: options, the token file, and the missing [web] extra."""

import asyncio
import sys
import types

import pytest
from typer.testing import CliRunner

from conftest import REPO
from geosleuth.cli import app

runner = CliRunner()
HIKER = REPO / "src" / "geosleuth" / "examples" / "missing-hiker.yaml"


@pytest.fixture
def web():
    """Skip without the [web] extra (and httpx, which the tests call it with)."""
    pytest.importorskip("starlette")
    return pytest.importorskip("httpx")


@pytest.fixture
def fake_uvicorn(monkeypatch):
    """Stand-in for uvicorn: records what ``serve`` would run, serves nothing.

    The check that the port is free is left out too (tests name ports that may
    be taken on this machine); ``test_a_port_in_use_is_one_red_line`` runs it.
    """
    import geosleuth.cli.serve

    calls = []
    module = types.ModuleType("uvicorn")
    module.run = lambda application, **kw: calls.append((application, kw))
    monkeypatch.setitem(sys.modules, "uvicorn", module)
    monkeypatch.setattr(geosleuth.cli.serve, "_check_free", lambda host, port: None)
    return calls


def get(application, url, base_url="http://127.0.0.1:8000", method="GET", **kwargs):
    import httpx

    async def go():
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url=base_url) as c:
            return await c.request(method, url, **kwargs)

    return asyncio.run(go())


def test_help_names_the_options():
    top = runner.invoke(app, ["--help"])
    assert top.exit_code == 0 and "serve" in top.output
    result = runner.invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for option in (
        "--data-dir",
        "--host",
        "--port",
        "--token-file",
        "--allowed-host",
        "--workers",
        "--time-limit",
    ):
        assert option in result.output
    # the extra's brackets survive rich's markup
    assert "pip install 'geosleuth[web]'" in " ".join(result.output.split())


def test_serve_runs_the_app_on_the_given_address(web, fake_uvicorn, tmp_path):
    data = tmp_path / "cases-here"
    result = runner.invoke(app, ["serve", "--data-dir", str(data), "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert "http://127.0.0.1:8123/" in result.output
    [(application, kwargs)] = fake_uvicorn
    assert kwargs["host"] == "127.0.0.1" and kwargs["port"] == 8123
    assert (data / "cases").is_dir()
    assert get(application, "/api/cases").json() == {"cases": []}
    assert get(application, "/", base_url="http://localhost:8123").status_code == 200
    # on the loopback, a name that is not the loopback's is refused (DNS rebinding)
    rebound = get(application, "/api/cases", base_url="http://evil.example:8123")
    assert rebound.status_code == 421
    assert rebound.json()["error"] == "WrongHost"


def test_workers_are_two_processes_unless_told(web, fake_uvicorn, tmp_path):
    for extra, expected, limit in (
        ([], 2, 1800),
        (["--workers", "0"], 0, 1800),
        (["--workers", "3", "--time-limit", "0"], 3, None),
        (["--time-limit", "90.5"], 2, 90.5),
    ):
        result = runner.invoke(app, ["serve", "--data-dir", str(tmp_path), *extra])
        assert result.exit_code == 0, result.output
        application = fake_uvicorn.pop()[0]
        assert application.state.workers.processes == expected
        assert application.state.workers.time_limit_s == limit
        application.state.workers.close()  # none was started: nothing to wait for
    bad = runner.invoke(app, ["serve", "--data-dir", str(tmp_path), "--workers", "-1"])
    assert bad.exit_code == 2
    assert "--workers" in bad.output and "Traceback" not in bad.output
    # no limit is 0, not infinity; NaN is no number (Click's check, a usage error)
    for limit, code, said in (
        ("inf", 1, "--time-limit must be a number of seconds"),
        ("nan", 2, "Invalid value for '--time-limit'"),
    ):
        bad = runner.invoke(
            app, ["serve", "--data-dir", str(tmp_path), "--time-limit", limit]
        )
        assert bad.exit_code == code, bad.output
        assert said in " ".join(bad.output.replace("│", " ").split())
        assert not fake_uvicorn


def test_token_file_turns_on_the_token(web, fake_uvicorn, tmp_path):
    token = tmp_path / "token"
    token.write_text("  abc123XYZ-0123456789\n")
    result = runner.invoke(
        app,
        ["serve", "--data-dir", str(tmp_path / "d"), "--token-file", str(token),
         "--host", "0.0.0.0"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "without --token-file" not in result.output
    [(application, _)] = fake_uvicorn
    assert get(application, "/api/cases").status_code == 401
    ok = get(
        application,
        "/api/cases",
        headers={"Authorization": "Bearer abc123XYZ-0123456789"},
    )
    assert ok.status_code == 200
    assert get(application, "/health").status_code == 200


def test_open_address_without_a_token_is_warned(web, fake_uvicorn, tmp_path):
    result = runner.invoke(
        app, ["serve", "--data-dir", str(tmp_path), "--host", "0.0.0.0"]
    )
    assert result.exit_code == 0
    assert "without --token-file" in result.output


A = "4f0c1d9e-s3cret-1"  # tokens long enough
B = "77a2b8d1-s3cret-2"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "There is no token in the token file. ({file})"),
        ("\n  \n# ana abc\n", "There is no token in the token file. ({file})"),
        (
            f"ana {A} viewer def\n",
            "Line 1 of the token file must be 'NAME TOKEN', 'NAME TOKEN ROLE', "
            "either with 'cases=...' last, or a token alone; it has 4 words. "
            "({file}:1)",
        ),
        (
            f"ana {A}\nana {B}\n",
            "The user 'ana' is given twice (line 2 of the token file); each user has "
            "one token. ({file}:2)",
        ),
        (
            f"{A}\n\n{B}\n",
            "Line 1 of the token file has one word among several users: write each "
            "as 'NAME TOKEN' (a lone word could be a name whose token was left out, "
            "and would work as a token). ({file}:1)",
        ),
        (
            f"ana {A}\nben\n",
            "Line 2 of the token file has one word among several users: write each "
            "as 'NAME TOKEN' (a lone word could be a name whose token was left out, "
            "and would work as a token). ({file}:2)",
        ),
        (
            f"ana {A}\nben abc\n",
            "The token on line 2 of the token file has 3 characters; give at least "
            '16, e.g. from python -c "import secrets; print(secrets.token_urlsafe(24))'
            '". ({file}:2)',
        ),
        (
            f"ana {A}\nben {A}\n",
            "The user 'ben' (line 2 of the token file) has the token of 'ana'; each "
            "user needs a token of their own. ({file}:2)",
        ),
        (
            f"ana.b {A}\n",
            "A user's name must be 1-40 ASCII letters, digits, '_' or '-'. Got "
            "'ana.b' (line 1 of the token file). ({file}:1)",
        ),
        (
            f"ana {A}é\n",
            "The token of 'ana' (line 1 of the token file) must be one word of "
            "printable ASCII characters (it is sent in an HTTP header). ({file}:1)",
        ),
    ],
)
def test_bad_token_file_is_one_red_line(fake_uvicorn, tmp_path, text, message):
    token = tmp_path / "token"
    token.write_text(text)
    result = runner.invoke(
        app, ["serve", "--data-dir", str(tmp_path), "--token-file", str(token)]
    )
    assert result.exit_code == 1
    # one line, the whole message; the file is named once, after it
    assert result.output == f"InputError: {message.format(file=token)}\n"
    assert fake_uvicorn == []


def test_token_file_of_users_logs_each_change_under_its_user(
    web, fake_uvicorn, tmp_path
):
    token = tmp_path / "token"
    token.write_text(
        "# the field team\nana  tok-ana-0123456789\n\nben\ttok-ben-0123456789\n"
    )
    result = runner.invoke(
        app, ["serve", "--data-dir", str(tmp_path / "d"), "--token-file", str(token)]
    )
    assert result.exit_code == 0, result.output
    assert "to 2 user(s): ana, ben" in result.output
    [(application, _)] = fake_uvicorn
    for user in ("ana", "ben"):
        headers = {"Authorization": f"Bearer tok-{user}-0123456789"}
        r = get(
            application, "/api/cases", method="POST", headers=headers,
            content=HIKER.read_bytes(),
        )  # fmt: skip
        assert r.status_code == 201, r.text
        log = get(application, f"/api/cases/{r.json()['id']}/log", headers=headers)
        meta = get(application, f"/api/cases/{r.json()['id']}", headers=headers)
        assert meta.json()["created_by"] == user
        [entry] = log.json()["log"]
        assert (entry["user"], entry["action"]) == (user, "created")
    wrong = {"Authorization": "Bearer tok-ana-012345678"}
    assert get(application, "/api/cases", headers=wrong).status_code == 401


def test_missing_web_extra_names_it(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "uvicorn", None)
    result = runner.invoke(app, ["serve", "--data-dir", str(tmp_path)])
    assert result.exit_code == 1
    assert "MissingDependencyError" in result.output
    assert "pip install 'geosleuth[web]'" in result.output


def test_open_address_answers_to_any_host(web, fake_uvicorn, tmp_path):
    token = tmp_path / "token"
    token.write_text("abc123XYZ-0123456789\n")
    result = runner.invoke(
        app,
        ["serve", "--data-dir", str(tmp_path / "d"), "--token-file", str(token),
         "--host", "0.0.0.0", "--max-upload-mb", "0.5"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    [(application, _)] = fake_uvicorn
    r = get(
        application,
        "/api/cases",
        base_url="http://cases.example.org",
        headers={"Authorization": "Bearer abc123XYZ-0123456789"},
    )
    assert r.status_code == 200
    import httpx

    async def post(size):
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url="http://h") as c:
            return await c.post(
                "/api/cases",
                content=b"#" * size,
                headers={"Authorization": "Bearer abc123XYZ-0123456789"},
            )

    assert asyncio.run(post(500_001)).status_code == 413
    assert asyncio.run(post(500_000)).json()["error"] == "CaseFileError"


def test_unusable_data_folder_is_one_red_line(fake_uvicorn, tmp_path, web):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = runner.invoke(app, ["serve", "--data-dir", str(blocker / "data")])
    assert result.exit_code == 1
    assert result.output.startswith("InputError: The data folder")
    assert fake_uvicorn == []


def test_allowed_hosts_let_a_reverse_proxy_in(web, fake_uvicorn, tmp_path):
    result = runner.invoke(
        app,
        ["serve", "--data-dir", str(tmp_path),
         "--allowed-host", "cases.example.org", "--allowed-host", "team.example"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    [(application, _)] = fake_uvicorn
    for name in ("cases.example.org", "team.example", "localhost"):
        assert get(application, "/api/cases", base_url=f"https://{name}").is_success
    assert get(application, "/", base_url="http://evil.example").status_code == 421
    # a proxy that sends the loopback's Host: a page under its name may post
    post = {"method": "POST", "content": b"x"}
    r = get(
        application, "/api/cases", headers={"Origin": "https://team.example"}, **post
    )
    assert r.json()["error"] == "CaseFileError"
    r = get(
        application, "/api/cases", headers={"Origin": "https://evil.example"}, **post
    )
    assert r.status_code == 403


def test_an_allowed_host_with_a_scheme_is_one_red_line(web, fake_uvicorn, tmp_path):
    result = runner.invoke(
        app,
        ["serve", "--data-dir", str(tmp_path), "--allowed-host", "https://x.org"],
    )
    assert result.exit_code == 1
    assert result.output.startswith("InputError: An allowed host must be")
    assert fake_uvicorn == []


def test_a_port_in_use_is_one_red_line(web, monkeypatch, tmp_path):
    import socket

    served = []
    module = types.ModuleType("uvicorn")
    module.run = lambda application, **kw: served.append(kw)
    monkeypatch.setitem(sys.modules, "uvicorn", module)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        argv = ["serve", "--data-dir", str(tmp_path), "--port", str(port)]
        result = runner.invoke(app, argv)
    assert result.exit_code == 1, result.output
    assert result.output == f"OSError: Address already in use: 127.0.0.1:{port}\n"
    assert served == []
    # once the port is free again, it serves
    assert runner.invoke(app, argv).exit_code == 0
    assert [kw["port"] for kw in served] == [port]
