"""What the service tests share: one request to an app in-process, a JSON error.

Import it after ``pytest.importorskip("httpx")``: it needs the [web] extra.
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx


def call(app: Any, method: str, url: str, base_url: str = "http://t", **kwargs: Any):
    """One request to ``app``, in-process (httpx.ASGITransport, no sockets)."""

    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=base_url) as c:
            return await c.request(method, url, **kwargs)

    return asyncio.run(go())


def error_of(response: httpx.Response, status: int) -> dict[str, Any]:
    """The body of a JSON error of ``status``: error, message, line, field."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error", "message", "line", "field"}
    assert "Traceback" not in body["message"]
    return body


def pause(seconds: float) -> tuple[float, float]:
    """Sleep; when it began and ended (a worker process's call, for overlap tests)."""
    import time

    began = time.time()
    time.sleep(seconds)
    return began, time.time()


def die(*args: Any, **kwargs: Any) -> None:
    """End the worker process at once, as the kernel's out-of-memory killer would."""
    import os

    os._exit(9)


def files_of(folder):
    """Every file under ``folder``, with its bytes: what a refusal must not touch."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def login(app, token):
    r = call(app, "POST", "/login", data={"token": token})
    assert r.status_code == 303, r.text
    return {"Cookie": r.headers["set-cookie"].split(";")[0]}


def routes_of(app):
    """(method, path template) of every route the application has."""
    return sorted(
        (method, route.path)
        for route in app.routes
        for method in getattr(route, "methods", None) or ()
    )
