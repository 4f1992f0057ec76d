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
