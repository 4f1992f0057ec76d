"""HTTP plumbing of the service: bodies with a size limit, uploads, errors, the gate.

Starlette is imported inside the functions, so this module loads without the
``[web]`` extra.
"""

from __future__ import annotations

import dataclasses
import functools
import hmac
import json
import logging
from collections.abc import Awaitable, Callable, Collection, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geosleuth.errors import (
    CaseNotFoundError,
    GeosleuthError,
    InputError,
    MissingDependencyError,
)
from geosleuth.service.pages import PAGE_CSP, error_page
from geosleuth.service.store import REACH, CaseAccessError
from geosleuth.service.users import EDITOR, User
from geosleuth.service.workers import WorkerStoppedError

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = [
    "DATA_CSP",
    "SECURITY_HEADERS",
    "ROLE_KEY",
    "SAFE_METHODS",
    "USER_KEY",
    "Handler",
    "OriginGate",
    "Refused",
    "TokenGate",
    "decode_text",
    "error_response",
    "failure_response",
    "guard",
    "html_response",
    "json_response",
    "may_change",
    "read_body",
    "read_form",
    "read_json_object",
    "read_upload",
    "request_user",
]

_log = logging.getLogger("geosleuth.service")

#: An endpoint: a request in, a response out.
Handler = Callable[["Request"], Awaitable["Response"]]

#: Headers sent with every response the service makes itself.
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

#: Content-Security-Policy of files that are data, not pages (JSON, YAML, PNG,
#: downloads): a browser that opens one runs nothing and loads nothing.
DATA_CSP = "default-src 'none'; sandbox; frame-ancestors 'none'"


class Refused(Exception):
    """A request refused before the library sees it: status, error name, message.

    ``headers`` go with the answer (e.g. ``Retry-After``).
    """

    def __init__(
        self,
        status: int,
        error: str,
        message: str,
        *,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.error, self.message = status, error, message
        self.headers = dict(headers or {})


def json_response(data: Any, status: int = 200) -> Response:
    """``data`` as a JSON response, with :data:`SECURITY_HEADERS`."""
    from starlette.responses import JSONResponse

    return JSONResponse(data, status_code=status, headers=SECURITY_HEADERS)


def error_response(
    status: int, error: str, message: str, *, line: int | None = None, field: Any = None
) -> Response:
    """The JSON error body: ``{"error", "message", "line", "field"}``."""
    return json_response(
        {"error": error, "message": message, "line": line, "field": field}, status
    )


def html_response(text: str, status: int = 200) -> Response:
    """One of the service's own pages, with its Content-Security-Policy."""
    from starlette.responses import HTMLResponse

    headers = {**SECURITY_HEADERS, "Content-Security-Policy": PAGE_CSP}
    return HTMLResponse(text, status_code=status, headers=headers)


#: Where :class:`TokenGate` leaves the name of the user a request comes from, in
#: the ASGI scope (absent on a service without tokens).
USER_KEY = "geosleuth.user"


#: Where :class:`TokenGate` leaves the role of that user (``viewer``, ``editor``).
ROLE_KEY = "geosleuth.role"

#: The methods that change nothing: any other is a change, which needs an editor.
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def _log_path(path: Any) -> str:
    r"""A request's path for the log: on one line, as the access log writes it.

    Examples
    --------
    >>> _log_path("/api/cases/a b\n/x"), _log_path(None)
    ('/api/cases/a%20b%0A/x', '-')
    """
    from urllib.parse import quote

    return quote(path, safe="/!$&'()*+,;=:@-._~%") if isinstance(path, str) else "-"


def request_user(request: Request) -> str | None:
    """The user a request comes from (:data:`USER_KEY`), or None without tokens."""
    user = request.scope.get(USER_KEY)
    return user if isinstance(user, str) else None


def may_change(request: Request) -> bool:
    """Whether the user a request comes from may change the cases.

    False for a viewer (:data:`ROLE_KEY`); True for an editor, and on a service
    without tokens, where anyone who reaches it may. For what a page shows: the
    refusal itself is :class:`TokenGate`'s.
    """
    role: object = request.scope.get(ROLE_KEY, EDITOR)
    return role == EDITOR


def _no_store(send: Send) -> Send:
    """``send``, with ``Cache-Control: no-store`` on the response it starts.

    Neither a browser (its back button, after a logout) nor a proxy between
    (which may keep what a cookie fetched) keeps a copy of what a user was sent.
    """

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = [
                (k, v)
                for k, v in message.get("headers", ())
                if bytes(k).lower() != b"cache-control"
            ]
            headers.append((b"cache-control", b"no-store"))
            message = {**message, "headers": headers}
        await send(message)

    return sending


class TokenGate:
    """ASGI middleware: a user's token for every request, an editor's for a change.

    Every request but ``/health`` needs a token, and every change the role
    ``editor``.

    ``users`` maps each user's name to their token and role
    (:class:`geosleuth.service.users.User`). Programs send ``Authorization: Bearer
    <token>``. A browser logs in once: ``GET /login`` is a form, and ``POST
    /login`` with a user's ``token`` sets the signed session cookie
    ``geosleuth_session`` (:mod:`geosleuth.service.sessions`), which stands for
    that user for 12 hours. ``POST /logout`` clears that cookie in the browser;
    the server keeps no sessions, so a copy of the cookie stays valid until it
    expires, and changing a user's token is what ends their sessions. A browser
    asking for a page with neither token nor cookie is sent to ``/login``;
    anything else gets 401. The request goes on with the user's name in the scope
    (:data:`USER_KEY`, see :func:`request_user`), so that what it changes is
    logged under that name, and their role (:data:`ROLE_KEY`). Tokens are
    compared in constant time (:func:`hmac.compare_digest`, with every user's
    token) and are never logged. Websocket connections (the service has none)
    need one too.

    The role is checked here, once for every route, before the request reaches
    one: a viewer's request with a method other than :data:`SAFE_METHODS` is
    refused with 403 (JSON ``{"error": "Forbidden", "field": "role"}``, or an
    error page for a browser's form), whatever its path, so a route added later
    is covered too. The only exceptions are ``/login`` and ``/logout`` and the
    paths in ``read_posts``, whose POST reads and changes nothing (``/api/read``).
    The role is the one ``users`` gives now, never one a cookie carries: a
    session names only its user. So are the cases the user may reach: for the
    length of the request they are :data:`geosleuth.service.store.REACH`, and the
    store shows no other case.
    """

    def __init__(
        self,
        app: ASGIApp,
        users: Mapping[str, User],
        read_posts: Collection[str] = (),
    ) -> None:
        self.app = app
        self.tokens = {name: user.token.encode("utf-8") for name, user in users.items()}
        self.users = dict(users)
        self.read_posts = frozenset(read_posts)

    def _user_of_token(self, given: bytes) -> str | None:
        found = None
        for name, token in self.tokens.items():  # all of them: no early exit
            if hmac.compare_digest(given, token):
                found = name
        return found

    def _user(self, headers: dict[bytes, bytes]) -> str | None:
        from http.cookies import CookieError, SimpleCookie

        from geosleuth.service.sessions import COOKIE, user_of

        scheme, _, given = headers.get(b"authorization", b"").partition(b" ")
        if scheme.lower() == b"bearer":
            user = self._user_of_token(given.strip())
            if user is not None:
                return user
        jar: SimpleCookie = SimpleCookie()
        try:
            jar.load(headers.get(b"cookie", b"").decode("latin-1"))
        except CookieError:
            return None
        morsel = jar.get(COOKIE)
        return None if morsel is None else user_of(morsel.value, self.tokens)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path")
        if scope["type"] not in ("http", "websocket") or path == "/health":
            await self.app(scope, receive, send)
            return
        if scope["type"] == "http":  # nothing behind the gate is kept in a cache
            send = _no_store(send)
        headers = {bytes(k): bytes(v) for k, v in scope.get("headers", ())}
        if scope["type"] == "http" and path in ("/login", "/logout"):
            response = await self._session(scope, receive, headers)
            await response(scope, receive, send)
            return
        user = self._user(headers)
        if user is not None:
            role = self.users[user].role
            if role != EDITOR and self._changes(scope):
                await self._refuse_change(scope, headers, user, role)(
                    scope, receive, send
                )
                return
            # the cases this user may reach, for the store, for this request only
            patterns = self.users[user].cases
            reach = REACH.set(None if "*" in patterns else patterns)
            try:
                await self.app({**scope, USER_KEY: user, ROLE_KEY: role}, receive, send)
            finally:
                REACH.reset(reach)
            return
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
            return
        from starlette.responses import RedirectResponse

        if scope.get("method") == "GET" and b"text/html" in headers.get(b"accept", b""):
            await RedirectResponse("/login", 303)(scope, receive, send)
            return
        response = error_response(
            401,
            "Unauthorized",
            "This service needs the header 'Authorization: Bearer <token>' (or, "
            "in a browser, a login at /login).",
        )
        response.headers["WWW-Authenticate"] = "Bearer"
        await response(scope, receive, send)

    def _changes(self, scope: Scope) -> bool:
        """Whether a request may change something: not a safe method's.

        A POST to one of ``read_posts`` changes nothing. A websocket (the service
        has none) counts as a change: it could send anything.
        """
        if scope["type"] != "http":
            return True
        method = scope.get("method", "GET")
        return method not in SAFE_METHODS and (
            method != "POST" or scope.get("path") not in self.read_posts
        )

    @staticmethod
    def _refuse_change(
        scope: Scope, headers: dict[bytes, bytes], user: str, role: str
    ) -> Callable[[Scope, Receive, Send], Awaitable[None]]:
        """403 for a change a viewer asked for: an error page for a browser's form.

        The refusal is logged with the user's name and what they asked for (the
        access log's line has neither; review r39, L6), never their token.
        """
        message = (
            f"{user} is a {role}; changing the cases needs the role {EDITOR} (given "
            "to each user in the service's token file)."
        )
        _log.warning(
            "%s %s refused (403): %s is a %s, not an %s",
            scope.get("method") or scope["type"],
            _log_path(scope.get("path")),
            user,
            role,
            EDITOR,
        )
        if scope["type"] == "websocket":

            async def close(scope: Scope, receive: Receive, send: Send) -> None:
                await send({"type": "websocket.close", "code": 1008})

            return close
        if b"text/html" in headers.get(b"accept", b""):
            # a form on a case's page leads back to it, the index's to the cases
            parts = str(scope.get("path", "")).split("/")  # the path is decoded
            back = parts[2] if parts[1:2] == ["cases"] and parts[2:3] else None
            return html_response(error_page("Forbidden", message, back=back), 403)
        return error_response(403, "Forbidden", message, field="role")

    async def _session(
        self, scope: Scope, receive: Receive, headers: dict[bytes, bytes]
    ) -> Response:
        """``GET /login`` (the form), ``POST /login`` (the token), ``POST /logout``."""
        from urllib.parse import parse_qs

        from starlette.requests import ClientDisconnect, Request
        from starlette.responses import RedirectResponse, Response

        from geosleuth.service.pages import login_page
        from geosleuth.service.sessions import cookie_header, session_cookie

        secure = scope.get("scheme") == "https"
        method = scope.get("method")
        if scope.get("path") == "/logout":
            if method != "POST":
                return error_response(405, "MethodNotAllowed", "POST /logout")
            out = RedirectResponse("/login", 303)
            out.headers["Set-Cookie"] = cookie_header("", secure=secure, max_age=0)
            return out
        if method == "GET":
            return html_response(login_page())
        if method != "POST":
            return error_response(405, "MethodNotAllowed", f"{method} /login")
        body = b""
        try:
            async for chunk in Request(scope, receive).stream():
                body += chunk
                if len(body) > 4096:
                    return html_response(
                        login_page("That is too long for a token."), 413
                    )
        except ClientDisconnect:
            _log.info("POST /login: the client went away; nothing was done")
            return Response(status_code=400)
        given = parse_qs(body.decode("utf-8", "replace")).get("token", [""])[0]
        user = self._user_of_token(given.strip().encode("utf-8"))
        if user is None:
            return html_response(login_page("That is not the token of any user."), 401)
        out = RedirectResponse("/", 303)
        out.headers["Set-Cookie"] = cookie_header(
            session_cookie(self.tokens[user], user), secure=secure
        )
        return out


class OriginGate:
    """ASGI middleware: refuse requests a browser sends for another site.

    A web page elsewhere can make the browser of someone on the team post to the
    service (a form, or ``fetch`` with ``mode: 'no-cors'``); the browser says so
    in ``Origin`` (or ``Sec-Fetch-Site: cross-site``), and such a request that
    would change something is refused with 403. An ``Origin`` is the service's own
    when it names the ``Host`` the request was sent to, or one of ``origins``
    (the names a reverse proxy serves it under, when the proxy sends another
    ``Host``). With ``hosts``, a request whose ``Host`` is not one of them is
    refused with 421, so a name of the attacker's that resolves to this machine
    (DNS rebinding) reaches nothing. A ``Host`` or ``Origin`` that cannot be read
    as one is 400. Clients that are not browsers send neither header and pass.
    """

    _SAFE = frozenset({"GET", "HEAD", "OPTIONS"})

    def __init__(
        self,
        app: ASGIApp,
        hosts: Sequence[str] | None = None,
        origins: Sequence[str] = (),
    ) -> None:
        self.app = app
        self.hosts = None if hosts is None else {h.lower() for h in hosts}
        self.origins = {h.lower() for h in origins}

    def _refusal(
        self, scope: Scope, headers: dict[str, str]
    ) -> tuple[int, str, str] | None:
        """Why the request is refused (status, error, message), or None.

        Raises ValueError for a ``Host`` or ``Origin`` that is not a URL's.
        """
        from urllib.parse import urlsplit

        host = headers.get("host", "")
        if self.hosts is not None:
            name = urlsplit(f"//{host}").hostname or ""
            if name not in self.hosts:
                return (
                    421,
                    "WrongHost",
                    f"This service answers to {', '.join(sorted(self.hosts))}.",
                )
        method = scope.get("method", "GET")
        if method in self._SAFE and scope["type"] == "http":
            return None
        origin = headers.get("origin")
        cross = headers.get("sec-fetch-site") == "cross-site"
        if origin is not None and not cross:
            parts = urlsplit(origin)
            cross = (
                parts.netloc.lower() != host.lower()
                and (parts.hostname or "") not in self.origins
            )
        if cross:
            return (
                403,
                "CrossOrigin",
                "A page of another site may not change the cases.",
            )
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            headers = {
                bytes(k).decode("latin-1"): bytes(v).decode("latin-1")
                for k, v in scope.get("headers", ())
            }
            try:
                refused = self._refusal(scope, headers)
            except ValueError:  # e.g. 'Host: [::1', which urlsplit cannot split
                refused = (
                    400,
                    "BadRequest",
                    "The request's Host or Origin header is not a valid host name.",
                )
            if refused is not None:
                if scope["type"] == "websocket":
                    await send({"type": "websocket.close", "code": 1008})
                    return
                await error_response(*refused)(scope, receive, send)
                return
        await self.app(scope, receive, send)


@dataclasses.dataclass(frozen=True, slots=True)
class _Failure:
    """What a client is told of an error (as JSON, or on an error page)."""

    status: int
    error: str  # the JSON's "error"
    message: str
    line: int | None = None
    field: Any = None
    headers: Mapping[str, str] = dataclasses.field(default_factory=dict)
    title: str | None = None  # what an error page calls it (default: error)


def _hidden(text: str, root: Path) -> str:
    """``text`` with the data folder ``root`` taken out of every path in it.

    Examples
    --------
    >>> _hidden("Bad /srv/data/cases/x/case.yaml (in /srv/data)", Path("/srv/data"))
    'Bad cases/x/case.yaml (in <data>)'
    """
    return text.replace(f"{root}/", "").replace(str(root), "<data>")


def _failure(request: Request, exc: Exception, root: Path) -> _Failure:
    """What ``exc``, raised by a route, tells the client; logs the server's faults."""
    from starlette.exceptions import HTTPException

    name = type(exc).__name__
    if isinstance(exc, Refused):
        return _Failure(exc.status, exc.error, exc.message, headers=exc.headers)
    if isinstance(exc, GeosleuthError):
        status, error = 422, name
        if isinstance(exc, CaseNotFoundError):
            status, error = 404, "NotFound"
        elif isinstance(exc, CaseAccessError):
            status, error = 403, "Forbidden"
            _log.warning(
                "%s %s refused (403): %s may not reach the case it would make",
                request.method,
                _log_path(request.url.path),
                request_user(request),
            )
        elif isinstance(exc, MissingDependencyError):
            status = 501
        elif isinstance(exc, WorkerStoppedError):
            status, error = 503, "WorkerStopped"
            _log.error("%s %s: %s", request.method, request.url.path, exc)
        line = exc.line if status == 422 else None
        return _Failure(
            status, error, _hidden(exc.message, root), line, exc.field, title=name
        )
    if isinstance(exc, HTTPException):  # e.g. a malformed multipart body
        return _Failure(exc.status_code, "BadRequest", str(exc.detail))
    _log.exception("%s %s failed", request.method, request.url.path)
    if isinstance(exc, OSError):
        return _Failure(
            503,
            "StorageError",
            "The server could not write its data folder "
            f"({exc.strerror or name}); nothing was changed. "
            "Try again later, or tell whoever runs it.",
        )
    return _Failure(500, "InternalError", "The server failed; see its log.")


def failure_response(
    request: Request, exc: Exception, root: Path, *, page: bool = False
) -> Response:
    """The answer to a route that raised ``exc``: JSON, or with ``page`` HTML.

    A :class:`GeosleuthError` is 422 (404 for an unknown case, 403 for a new case
    the user's token would not reach, 501 for a missing extra, 503 when the worker
    process running it died or ran past its limit), a :class:`Refused` its own
    status, a bad multipart body 400, an :class:`OSError` (a full disk, a
    read-only data folder) 503 and anything else 500; the last three are logged,
    and no answer shows a path of the data folder (``root``) or a traceback. An
    error page (``page``, for a browser's form) has the same status and leads
    back to the case the form was on (to the cases for a 404 or a form of the
    index). A client that went away before sending its whole request
    (``ClientDisconnect``) is logged in one line, not as a failure: nothing was
    done, and nobody reads the answer.
    """
    from starlette.requests import ClientDisconnect
    from starlette.responses import Response as _Response

    if isinstance(exc, ClientDisconnect):
        _log.info(
            "%s %s: the client went away before sending the whole request; "
            "nothing was done",
            request.method,
            request.url.path,
        )
        return _Response(status_code=400)
    fail = _failure(request, exc, root)
    if page:
        case_id = request.path_params.get("case_id")
        back = case_id if isinstance(case_id, str) and fail.status != 404 else None
        title = fail.title or fail.error
        out = html_response(
            error_page(title, fail.message, fail.line, back=back), fail.status
        )
    else:
        out = error_response(
            fail.status, fail.error, fail.message, line=fail.line, field=fail.field
        )
    out.headers.update(fail.headers)
    return out


def guard(root: Path, *, pages: bool = False) -> Callable[[Handler], Handler]:
    """Turn what a handler raises into an error answer (:func:`failure_response`).

    JSON, or with ``pages`` (the routes of the pages' forms) an HTML error page.
    """

    def deco(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def wrapper(request: Request) -> Response:
            try:
                return await handler(request)
            except Exception as exc:
                return failure_response(request, exc, root, page=pages)

        return wrapper

    return deco


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it passes ``limit`` bytes."""
    too_big = Refused(
        413, "TooLarge", f"The body is larger than the limit of {limit:,} bytes."
    )
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > limit:
        raise too_big
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_big
        chunks.append(chunk)
    return b"".join(chunks)


async def read_upload(
    request: Request, field: str, limit: int, *, optional: bool = False
) -> tuple[str | None, bytes, dict[str, str]]:
    """A file sent as multipart field ``field`` or as the whole body.

    Returns the file name (multipart's, else ``?name=``), the bytes and the other
    form fields (or the query parameters). With ``optional``, a multipart body
    may leave the file out, or send the empty one a browser sends for a file
    input left empty: ``(None, b"", fields)``; one that cannot be read is
    refused (400), as :func:`read_form` refuses it.
    """
    from starlette.datastructures import UploadFile
    from starlette.requests import Request as _Request

    body = await read_body(request, limit)
    ctype = request.headers.get("content-type", "")
    params = dict(request.query_params)
    if not ctype.startswith("multipart/form-data"):
        return params.get("name"), body, params

    async def replay() -> Message:
        return {"type": "http.request", "body": body, "more_body": False}

    form = await _Request(request.scope, replay).form(
        max_files=1, max_fields=20, max_part_size=limit
    )
    try:
        upload = form.get(field)
        fields = {k: v for k, v in form.items() if isinstance(v, str)}
        if optional and body.strip() and not form:  # as read_form refuses it
            raise Refused(400, "BadRequest", "The form could not be read.")
        if optional and (
            upload is None
            or upload == ""
            or (
                isinstance(upload, UploadFile)
                and not upload.filename
                and not upload.size
            )
        ):
            return None, b"", {**params, **fields}
        if not isinstance(upload, UploadFile):
            raise InputError(
                f"Send the file in the multipart field {field!r}.", field=field
            )
        data = await upload.read()
        return upload.filename, data, {**params, **fields}
    finally:
        await form.close()


async def read_form(
    request: Request, limit: int, *, strip: bool = True
) -> dict[str, str]:
    """A form's text fields (urlencoded or multipart), within ``limit`` bytes.

    A field given twice keeps its first value; values lose their surrounding
    blanks unless ``strip`` is False. A multipart body that cannot be read, or
    that holds a file, is refused (400): the forms that post here send none.
    """
    from urllib.parse import parse_qsl

    body = await read_body(request, limit)
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise Refused(400, "BadRequest", "The form is not UTF-8.") from None
        out: dict[str, str] = {}
        for key, value in parse_qsl(text, keep_blank_values=True):
            out.setdefault(key, value.strip() if strip else value)
        return out

    async def replay() -> Message:
        return {"type": "http.request", "body": body, "more_body": False}

    from starlette.requests import Request as _Request

    form = await _Request(request.scope, replay).form(
        max_files=0, max_fields=40, max_part_size=limit
    )
    try:
        if body.strip() and not form:
            raise Refused(400, "BadRequest", "The form could not be read.")
        return {
            k: (v.strip() if strip else v)
            for k, v in form.items()
            if isinstance(v, str)
        }
    finally:
        await form.close()


def decode_text(data: bytes, what: str) -> str:
    """UTF-8 bytes (a BOM allowed) as text with LF line ends; else InputError."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"The {what} is not UTF-8 text (byte {exc.start}).", field=what
        ) from None
    return text.replace("\r\n", "\n")


async def read_json_object(request: Request, limit: int) -> dict[str, Any]:
    """The body as a JSON object (``{}`` if empty); else 400 through Refused."""
    body = await read_body(request, limit)
    if not body.strip():
        return {}
    try:
        obj = json.loads(body)
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError too
        why = (
            f"{exc}"
            if isinstance(exc, (json.JSONDecodeError, UnicodeDecodeError))
            # Python's limit on the digits of a whole number: no hint of sys
            else "it holds a number too long to read (over 4,300 digits)"
        )
        raise Refused(400, "BadRequest", f"The body is not JSON: {why}.") from None
    except RecursionError:
        raise Refused(400, "BadRequest", "The body nests too deeply.") from None
    if not isinstance(obj, dict):
        raise Refused(400, "BadRequest", "The body must be a JSON object.")
    return obj
