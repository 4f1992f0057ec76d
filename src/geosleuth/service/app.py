"""The team web service: cases, documents and estimates over HTTP (Starlette).

:func:`create_app` builds the ASGI application; ``geosleuth serve`` runs it with
uvicorn. Starlette is imported when the application is built, so this module loads
without the ``[web]`` extra.

======  =====================================  =========================================
method  path                                   what
======  =====================================  =========================================
GET     ``/health``                            ``{"status": "ok", "version"}``, no token
                                               needed
GET     ``/login``                             with a token: the login form (HTML)
POST    ``/login``                             the form's ``token`` → 303 to ``/``,
                                               setting the session cookie
POST    ``/logout``                            clears the browser's session cookie →
                                               303 to ``/login``
GET     ``/``                                  HTML list of the cases, with a form
GET     ``/api/cases``                         the cases (metadata, latest run)
POST    ``/api/cases``                         a case file (YAML body, or multipart
                                               ``case``) → 201 ``{"id"}``
GET     ``/api/cases/{id}``                    one case: documents (each with the
                                               date its reading used:
                                               ``reading_published``, ``_from``,
                                               ``_where``), runs (each
                                               with ``documents_now``: what became
                                               of the reports it read)
GET     ``/api/cases/{id}/case.yaml``          its case file as it is now (``ETag``:
                                               its version)
PUT     ``/api/cases/{id}/case.yaml``          a new version of it (YAML body, and
                                               ``If-Match: "<version>"`` or
                                               ``?base=<version>``: 428 without, 412
                                               if it changed since; ``If-Match: *``
                                               for any version) → ``{"kept_as",
                                               "version"}``; the old one is kept
POST    ``/api/cases/{id}/documents``          a report (multipart ``document``, or a
                                               body with ``?name=``) → 201, what was
                                               read
GET     ``/api/cases/{id}/documents/{name}``   a stored report, as a download
DELETE  ``/api/cases/{id}/documents/{name}``   take it out of the case (kept aside
                                               under ``removed/``, logged) →
                                               ``{"kept_as"}``
POST    ``/api/cases/{id}/removed/{rid}/       put a removed report back (``rid`` is
        restore``                              the ``id`` of an entry of the case's
                                               ``removed``), read again if the
                                               target changed since
POST    ``/api/cases/{id}/estimate``           run the pipeline (``as_of``, a day
                                               or ``YYYY-MM-DDTHH:MM``,
                                               ``published``, the date of undated
                                               reports, ``budget_km``,
                                               ``sweep_width_km``, as JSON or query) →
                                               201
GET     ``/api/cases/{id}/estimate``           the latest ``estimate.json``
POST    ``/api/cases/{id}/searched``           record a search that found nothing
                                               (``date``, ``pd``, ``box`` or
                                               ``centre`` with ``radius_km``; optional
                                               ``time`` of day, HH:MM or HH:MM:SS on
                                               the case's one clock, ``team``,
                                               ``note``) → 201 ``{"case",
                                               "added", "notes", "warnings"}``;
                                               checked as ``geosleuth searched``
                                               checks it (a sign lost, a radius
                                               in metres: 422, nothing written);
                                               or multipart: the form's fields
                                               and a GPS file ``gps`` (GPX, KML
                                               or GeoJSON) with ``buffer_km``,
                                               read and warned of as
                                               ``searched --geojson`` reads it
GET     ``/api/cases/{id}/log``                who changed the case, what and when:
                                               ``{"case", "log": [{"at", "user",
                                               "action", ...}]}``
GET     ``/api/cases/{id}/runs/{run}/{file}``  a file of one run (:data:`RUN_FILES`)
GET     ``/cases/{id}``                        the case's page (HTML): its reports,
                                               estimates and log, with forms to
                                               replace the case file, add a report,
                                               run an estimate and record a search;
                                               the forms post to
POST    ``/cases/{id}/case``                   ... (``text``, the edited case file,
                                               and ``base``, the version the page
                                               showed with it),
POST    ``/cases/{id}/documents``              ... (multipart ``document``,
                                               ``published``),
GET     ``/cases/{id}/documents/{name}/remove`` asks whether to remove it; its button
                                               posts to
POST    ``/cases/{id}/documents/{name}/remove`` ... (nothing),
POST    ``/cases/{id}/removed/{rid}/restore``  ... (nothing),
POST    ``/cases/{id}/estimate``               ... (the estimate's options) and
POST    ``/cases/{id}/searched``               ... (multipart: ``date``, ``time``,
                                               ``pd``, ``west`` ... ``north`` or
                                               ``lon``, ``lat``, ``radius_km``, or
                                               a file ``gps`` with ``buffer_km``,
                                               ``team``, ``note``),
                                               each → 303 back to the page (a page
                                               with the API's notes and warnings,
                                               when it has any, and a link back),
                                               or an HTML error page
GET     ``/cases/{id}/report``                 the latest report (HTML)
GET     ``/cases/{id}/map.png``                the latest map
POST    ``/api/read``                          a report in, the reading (JSON) out
                                               (stores nothing: a viewer may)
======  =====================================  =========================================

With users (``users``), each has a role (:mod:`geosleuth.service.users`): a
``viewer`` may send every GET above, log in and out, and ``POST /api/read``; every
other POST, PUT or DELETE, the forms' included, needs an ``editor`` and is refused
with 403 before it reaches its route (:class:`~geosleuth.service._http.TokenGate`).
The pages leave out the forms a viewer cannot use and say "read-only" by the name.

Errors are JSON ``{"error", "message", "line", "field"}``: 422 for input the library
refuses (a :class:`~geosleuth.errors.GeosleuthError`, with its line and field),
400 for a body that is not JSON or multipart (or a malformed ``Host`` or
``Origin``), 401 without the token or a valid session cookie (a browser asking
for a page is sent to ``/login`` instead, see
:class:`~geosleuth.service._http.TokenGate`), 403 for a change a viewer asks for
(``"error": "Forbidden"``, ``"field": "role"``; an error page for a form) or that
a page of another site sends, 404 for an unknown case, run or path, 413
for a body over ``max_upload_bytes``, 421 for a host name not in ``hosts``, 501
when an optional extra is missing, 503 when the data folder cannot be written (a
full disk, a read-only folder: nothing is changed) or when the worker process
reading or estimating died or ran past ``time_limit_s`` (``"error":
"WorkerStopped"``: nothing is kept), 429 (``"error": "TooManyWaiting"``) or 503
(``"error": "Busy"``), with ``Retry-After``, for a request past the bound on those
waiting (below); never a traceback, never a path on the server. A form of the
pages gets each error as an HTML page, with the same status. A client that goes
away before sending its whole request is logged in one line (INFO), and nothing
is done.

A case file whose grid may have more cells than
:data:`~geosleuth.service.pipeline.MAX_CELLS` (``grid.max_cells``) is refused
(422, ``"field": "grid.max_cells"``), when it is sent and when it is estimated.

Readings of reports and estimates run in ``workers`` worker processes
(:mod:`geosleuth.service.workers`), so that different cases' go on at the same
time; changes to one case take turns under its lock. A request waiting for a
worker or for a case's lock waits in the event loop, holding no thread
(:mod:`geosleuth.service.turns`), so reading what is stored (the list of cases,
the pages, downloads) never waits behind it; past ``waiting_per_user`` such
requests of one user, or ``waiting_total`` in all, another is refused at once.
With users, one user's requests hold all the worker processes but one at most
(one of one), so that another user's reading or estimate need not wait for them.

With users, every answer but ``/health``'s is sent with ``Cache-Control:
no-store``: neither a browser (after a logout) nor a proxy keeps a copy.

Served files carry ``X-Content-Type-Options: nosniff`` and a
Content-Security-Policy: the report runs only its own inline script and loads
nothing; data files and uploaded reports are sandboxed, and uploaded reports are
sent as downloads (``Content-Disposition: attachment``), never rendered.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geosleuth import __version__
from geosleuth.errors import CaseNotFoundError, GeosleuthError, InputError
from geosleuth.errors import missing_extra as _missing_extra
from geosleuth.evidence import parse_as_of
from geosleuth.plan import MOST_BUDGET_KM
from geosleuth.report.files import write_atomic
from geosleuth.service import pipeline, searches
from geosleuth.service._http import (
    DATA_CSP,
    SECURITY_HEADERS,
    OriginGate,
    TokenGate,
    decode_text,
    error_response,
    failure_response,
    guard,
    html_response,
    json_response,
    may_change,
    read_body,
    read_form,
    read_json_object,
    read_upload,
    request_user,
)
from geosleuth.service.pages import case_page, index_page, notice_page, remove_page
from geosleuth.service.store import RUN_FILES, CaseStore, stored_as_note
from geosleuth.service.turns import Need, Turns
from geosleuth.service.users import UNNAMED, User, check_users
from geosleuth.service.workers import Workers

if TYPE_CHECKING:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response

    from geosleuth.casefile import Case

__all__ = ["create_app"]

#: What a form's action gives: the case page's anchor to go back to, and the
#: API's answer (its notes and warnings are shown before going back).
Done = tuple[str, Any]

# A report is self-contained: its own inline script and styles, images as data:
# URLs. It may load nothing from elsewhere and send nothing anywhere.
_REPORT_CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data: blob:; font-src data:; connect-src 'none'; form-action 'none'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
_ESTIMATE_KEYS = {"as_of", "published", "budget_km", "sweep_width_km"}
#: The paths whose POST reads and changes nothing, which a viewer may send.
_READ_POSTS = ("/api/read",)


def _host_name(name: str) -> str:
    """``name`` as a bare host name, lower case; else InputError.

    Examples
    --------
    >>> _host_name(" Cases.Example.org "), _host_name("[::1]")
    ('cases.example.org', '::1')
    >>> _host_name("https://cases.example.org")
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: An allowed host must be a host name alone, ...
    """
    from urllib.parse import urlsplit

    bare = name.strip().lower()
    if bare.startswith("[") and bare.endswith("]"):
        bare = bare[1:-1]
    ok = bare.isprintable() and not any(c.isspace() or c in "/@[]?#" for c in bare)
    try:  # a colon only in an IPv6 address, not before a port
        ok = ok and (":" not in bare or urlsplit(f"//[{bare}]").hostname == bare)
    except ValueError:
        ok = False
    if not bare or not ok:
        raise InputError(
            "An allowed host must be a host name alone, without scheme, port or "
            f"path (e.g. cases.example.org). Got {name!r:.60} instead.",
            field="allowed_hosts",
        )
    return bare


def _if_match(header: str | None) -> list[str] | None:
    """The versions an ``If-Match`` header names; None for none or ``*``.

    Examples
    --------
    >>> _if_match('"ab12", W/"cd34"'), _if_match("*"), _if_match(None)
    (['ab12', 'cd34'], None, None)
    """
    if header is None or not header.strip() or header.strip() == "*":
        return None
    tags = [t.strip().removeprefix("W/").strip('"') for t in header.split(",")]
    return [t for t in tags if t] or None


def create_app(
    data_dir: str | Path,
    *,
    token: str | None = None,
    users: Mapping[str, str | User] | None = None,
    max_upload_bytes: int = 2_000_000,
    hosts: Sequence[str] | None = None,
    allowed_hosts: Sequence[str] = (),
    workers: int = 0,
    time_limit_s: float | None = None,
    waiting_per_user: int = 8,
    waiting_total: int = 64,
) -> Starlette:
    """Build the service's ASGI application over the cases in ``data_dir``.

    Parameters
    ----------
    data_dir : str or Path
        Where the cases are kept (created if missing); see
        :mod:`geosleuth.service.store`.
    token : str or None, default None
        When given, every request except ``GET /health`` and ``/login`` needs the
        header ``Authorization: Bearer <token>`` or the session cookie that a
        browser gets by posting the token to ``/login`` (else 401; a browser
        asking for a page is sent to ``/login``). ``POST /logout`` clears the
        browser's cookie; a copy of it stays valid until it expires (12 hours),
        and changing the token ends every session. None: no ``/login``. The
        token's user is called ``team``, an editor; give ``users`` instead for
        several, or for a viewer.
    users : mapping of str to str or User, or None, default None
        Each user's name and token, or name and
        :class:`~geosleuth.service.users.User` (token and role): each token works
        as ``token`` does, and every change (a case created, a document uploaded,
        an estimate run, a search recorded) is logged under the name of the user
        whose token or session made it (``GET /api/cases/{id}/log``). A token
        alone is an editor's; a viewer (``User(token, role="viewer")``) may read
        everything, and each change they ask for is refused with 403. Without
        ``token`` and ``users``, anyone may change the cases, and changes are
        logged with user None.
    max_upload_bytes : int, default 2_000_000
        Largest request body accepted (else 413).
    hosts : sequence of str or None, default None
        The host names the service answers to (the ``Host`` header, port left
        out; else 421), e.g. ``["127.0.0.1", "localhost"]`` for a service on the
        loopback, which a web page could otherwise reach through DNS rebinding.
        None: any.
    allowed_hosts : sequence of str, default ()
        More names the service is reached by, e.g. the public name of an https
        reverse proxy in front of it (``["cases.example.org"]``, no scheme or
        port): added to ``hosts`` (when given), and a browser's ``Origin`` under
        one of them counts as the service's own even when the proxy sends another
        ``Host``.
    workers : int, default 0
        Worker processes for the readings of uploaded reports and the estimates
        (:class:`~geosleuth.service.workers.Workers`): that many run at once, each
        in its own process, started at the application's startup (or first use)
        and stopped at its shutdown (``app.state.workers.close()`` where no
        shutdown is sent). 0: in the server's process, taking turns.
    time_limit_s : float or None, default None
        Longest a reading or an estimate may run in a worker process, in seconds:
        past it the worker is stopped and the request gets 503 (nothing kept).
        None: no limit. Needs ``workers`` ≥ 1.
    waiting_per_user : int, default 8
        Requests one user may have waiting for a worker process or for a case
        that another request is changing (:mod:`geosleuth.service.turns`); one
        more is refused at once with 429 and ``Retry-After``. They wait without
        holding a thread of the server, so reads of what is stored never wait
        behind them. On a service without users, all clients count as one.
    waiting_total : int, default 64
        Requests that may wait so, all users together; one more is 503 with
        ``Retry-After``.

    Notes
    -----
    A request that would change something and that a browser sends for a page of
    another site (``Origin``, ``Sec-Fetch-Site``) is refused with 403, so a web
    page cannot post to the service through a team member's browser.

    Returns
    -------
    starlette.applications.Starlette

    Raises
    ------
    MissingDependencyError
        Without the ``[web]`` extra: ``pip install 'geosleuth[web]'``.
    InputError
        For an empty token, both ``token`` and ``users``, a malformed user, a
        role that is not ``viewer`` or ``editor``, a token given to two users, a
        limit below 1, an allowed host that is not a bare host name, a negative
        number of workers, a time limit that is not a positive number, or a
        bound on waiting requests below 1.
    """
    try:
        from starlette.applications import Starlette
        from starlette.concurrency import run_in_threadpool
        from starlette.middleware import Middleware
        from starlette.responses import FileResponse, RedirectResponse
        from starlette.routing import Route
    except ImportError:
        raise _missing_extra("starlette", "web") from None
    if token is not None and not token.strip():
        raise InputError("The token is empty.", field="token")
    if token is not None and users is not None:
        raise InputError("Give the token or the users, not both.", field="users")
    tokens = (
        check_users(dict(users))
        if users is not None
        else check_users({UNNAMED: token})
        if token is not None
        else None
    )
    if max_upload_bytes < 1:
        raise InputError(
            f"max_upload_bytes must be positive. Got {max_upload_bytes}.",
            field="max_upload_bytes",
        )
    allowed = [_host_name(name) for name in allowed_hosts]
    if hosts is not None:
        hosts = [*hosts, *allowed]
    # each worker loads the gazetteer and spaCy's model as it starts: not counted
    # in a reading's time limit
    pool = Workers(workers, time_limit_s=time_limit_s, warm_up=pipeline.warm_up)
    turns = Turns(workers, per_user=waiting_per_user, total=waiting_total)
    store = CaseStore(data_dir)
    limit = max_upload_bytes
    guarded = guard(store.root)
    # the routes of the pages' forms: an error is an HTML page
    guarded_page = guard(store.root, pages=True)

    def links(case_id: str, run_id: str | None = None) -> dict[str, str]:
        base = f"/api/cases/{case_id}"
        out = {"self": base, "case_file": f"{base}/case.yaml"}
        if run_id is not None:
            run = f"{base}/runs/{run_id}"
            out |= {
                "report": f"{run}/report.html",
                "estimate": f"{run}/estimate.json",
                "geojson": f"{run}/estimate.geojson",
                "map": f"{run}/map.png",
                "posterior": f"{run}/posterior.npz",
            }
        return out

    def describe(case_id: str) -> dict[str, Any]:
        meta = store.meta(case_id)
        latest = meta["latest_run"]
        meta["links"] = links(case_id, latest["run"] if latest else None)
        return meta

    def file_response(path: Path, name: str) -> Response:
        if not path.is_file():  # FileResponse would fail only once it is sent
            raise CaseNotFoundError(
                f"There is no {name} here ({path.parent.name}).", field="name"
            )
        csp = _REPORT_CSP if name == "report.html" else DATA_CSP
        headers = {**SECURITY_HEADERS, "Content-Security-Policy": csp}
        return FileResponse(path, media_type=RUN_FILES[name], headers=headers)

    @guarded
    async def health(request: Request) -> Response:
        return json_response({"status": "ok", "version": __version__})

    @guarded
    async def index(request: Request) -> Response:
        cases = await run_in_threadpool(lambda: [store.meta(i) for i in store.ids()])
        return html_response(
            index_page(
                cases,
                version=__version__,
                user=request_user(request),
                read_only=not may_change(request),
            )
        )

    @guarded
    async def list_cases(request: Request) -> Response:
        cases = await run_in_threadpool(lambda: [describe(i) for i in store.ids()])
        return json_response({"cases": cases})

    async def check(request: Request, text: str) -> Case:
        """``text`` as a case (:func:`pipeline.check_case_text`), in its turn."""
        case: Case = await turns.run(
            pipeline.check_case_text, text, user=request_user(request), need="warnings"
        )
        return case

    async def create_case(request: Request) -> Response:
        multipart = request.headers.get("content-type", "").startswith(
            "multipart/form-data"
        )
        # the index's form says so; until its fields are read, a browser's upload
        from_form = multipart and "text/html" in request.headers.get("accept", "")
        try:
            if multipart:
                _, data, fields = await read_upload(request, "case", limit)
                from_form = fields.get("from") == "index"
            else:
                data = await read_body(request, limit)
            text = decode_text(data, "case")
            case = await check(request, text)
            case_id = await run_in_threadpool(
                functools.partial(store.create, user=request_user(request)), text, case
            )
        except Exception as exc:  # an error page for the index's form
            return failure_response(request, exc, store.root, page=from_form)
        if from_form:
            return RedirectResponse(f"/#case-{case_id}", status_code=303)
        return json_response({"id": case_id, "links": links(case_id)}, 201)

    @guarded
    async def get_case(request: Request) -> Response:
        case_id = request.path_params["case_id"]
        return json_response(await run_in_threadpool(describe, case_id))

    @guarded
    async def case_file(request: Request) -> Response:
        case_id = request.path_params["case_id"]
        response = file_response(store.case_file(case_id), "case.yaml")
        response.headers["ETag"] = f'"{store.case_version(case_id)}"'
        return response

    def reader_for(
        case_id: str, target: str | None, found: list[str]
    ) -> Callable[[Path, dt.date | None], dict[str, Any]]:
        """Reads a stored report again for ``target`` (None: the case's, then).

        It runs under the case lock, as an upload's reading does (the case's lock,
        then the warnings' lock); the warnings go to ``found``.
        """
        from geosleuth.read import read_document

        def reread(path: Path, published: dt.date | None) -> dict[str, Any]:
            who = target if target is not None else store.target(case_id)
            reading, seen = pool.call(
                read_document, path, target=who, published=published
            )  # in its turn: a worker is free (Turns)
            found.extend(seen)
            return dict(reading.to_dict())

        return reread

    async def restore(request: Request, case_id: str) -> dict[str, Any]:
        """Put a removed report back; what was done, and any reading's warnings."""
        store.folder(case_id)
        removed_id = request.path_params["removed_id"]
        found: list[str] = []
        job = functools.partial(
            store.restore_document,
            case_id,
            removed_id,
            user=request_user(request),
            reread=reader_for(case_id, None, found),
        )

        def need() -> Need:  # asked with the case's lock held
            return "worker" if store.restore_reads(case_id, removed_id) else "nothing"

        result: dict[str, Any] = await turns.run(
            job, user=request_user(request), case_id=case_id, need=need
        )
        # a report read again was read as removed/<id>: it is its name now
        warnings = [
            store.public_warning(w).replace(removed_id, result["document"])
            for w in found
        ]
        return {**result, "warnings": warnings}

    @guarded
    async def restore_document(request: Request) -> Response:
        return json_response(await restore(request, request.path_params["case_id"]))

    async def restore_form(request: Request, case_id: str) -> Done:
        return "documents", await restore(request, case_id)

    async def replace_case(
        request: Request, case_id: str, data: bytes, base: str | list[str] | None
    ) -> dict[str, Any]:
        """Check and put in place a new version of a case's file."""
        store.folder(case_id)
        text = decode_text(data, "case")
        case = await check(request, text)
        found: list[str] = []
        reread = reader_for(case_id, case.target, found)
        job = functools.partial(
            store.replace_case_file,
            case_id,
            text,
            case,
            user=request_user(request),
            base=base or None,
            reread=reread,
        )

        def need() -> Need:  # asked with the case's lock held
            return "worker" if store.replace_reads(case_id, case.target) else "nothing"

        result: dict[str, Any] = await turns.run(
            job, user=request_user(request), case_id=case_id, need=need
        )
        return {**result, "warnings": [store.public_warning(w) for w in found]}

    @guarded
    async def put_case_file(request: Request) -> Response:
        case_id = request.path_params["case_id"]
        header = request.headers.get("if-match")
        base = _if_match(header) or request.query_params.get("base") or None
        if base is None and (header or "").strip() != "*":
            # without the version it was made from, an edit would overwrite
            # whatever changed since (a search recorded, another edit) unseen
            store.folder(case_id)  # an unknown case is 404 first
            return error_response(
                428,
                "PreconditionRequired",
                "Say which version of the case file your edit starts from: send "
                "the ETag that GET /api/cases/{id}/case.yaml gave with it as "
                "If-Match (or ?base=VERSION). An edit of a version changed since is "
                "refused (412) rather than overwriting that change; If-Match: * "
                "replaces whatever version is there.",
                field="If-Match",
            )
        data = await read_body(request, limit)
        try:
            result = await replace_case(request, case_id, data, base)
        except InputError as exc:
            if exc.field == "base":
                return error_response(412, "PreconditionFailed", exc.message)
            raise
        return json_response({**result, "links": links(case_id)})

    async def upload(request: Request, case_id: str) -> dict[str, Any]:
        """Store and read the report a request carries; what was read."""
        from geosleuth.read import read_document

        store.folder(case_id)  # an unknown case is 404 before the upload is read
        name, data, fields = await read_upload(request, "document", limit)
        if not name:
            raise InputError(
                "Name the document: a multipart file name, or ?name=report.txt.",
                field="name",
            )
        published = pipeline.parse_date(fields.get("published"), "published")

        def read(path: Path) -> tuple[Any, list[str]]:
            # inside the case lock, as in an estimate: the locks are always taken
            # in one order (case, then a worker, then warnings), so two requests
            # cannot deadlock; the target is read under it too (a new case file
            # may change it)
            target = store.target(case_id)
            return pool.call(read_document, path, target=target, published=published)

        def add(name: str) -> tuple[str, tuple[Any, list[str]]]:
            # the reading is kept with the document, in one step under the lock
            return store.add_document(
                case_id,
                name,
                data,
                read,
                published=published,
                reading=lambda result: result[0].to_dict(),
                user=request_user(request),
            )

        stored, (reading, found) = await turns.run(
            add, name, user=request_user(request), case_id=case_id
        )
        # a name changed is said, never in silence (review r85, L3)
        renamed = stored_as_note(name, stored)
        return {
            "case": case_id,
            "name": stored,
            "reading": pipeline.reading_summary(reading),
            "warnings": [
                *([renamed] if renamed else []),
                *(store.public_warning(w) for w in found),
            ],
        }

    @guarded
    async def add_document(request: Request) -> Response:
        return json_response(await upload(request, request.path_params["case_id"]), 201)

    @guarded
    async def get_document(request: Request) -> Response:
        case_id, name = request.path_params["case_id"], request.path_params["name"]
        known = {d["name"] for d in store.documents(case_id)}
        if name not in known:  # only names the store listed: no path from outside
            raise CaseNotFoundError(
                f"The case {case_id!r} has no document {name[:80]!r}.", field="name"
            )
        # as a download, never rendered: an uploaded page is not trusted markup
        return FileResponse(
            store.folder(case_id) / "documents" / name,
            media_type="application/octet-stream",
            filename=name,
            headers={**SECURITY_HEADERS, "Content-Security-Policy": DATA_CSP},
        )

    async def estimate(
        request: Request, case_id: str, opts: dict[str, Any]
    ) -> dict[str, Any]:
        """Run an estimate with the options given; its record."""
        store.folder(case_id)
        unknown = sorted(set(opts) - _ESTIMATE_KEYS)
        if unknown:
            raise InputError(
                f"Unknown option(s) {', '.join(map(repr, unknown))}; the options are "
                f"{', '.join(sorted(_ESTIMATE_KEYS))}.",
                field=unknown[0],
            )
        job = functools.partial(
            pipeline.run_estimate,
            store,
            case_id,
            as_of=parse_as_of(opts.get("as_of"), "as_of", pipeline.parse_date),
            published=pipeline.parse_date(opts.get("published"), "published"),
            budget_km=pipeline.parse_positive(
                opts.get("budget_km"), "budget_km", most=MOST_BUDGET_KM
            ),
            sweep_width_km=pipeline.parse_positive(
                opts.get("sweep_width_km"), "sweep_width_km"
            ),
            user=request_user(request),
            workers=pool,
        )
        record: dict[str, Any] = await turns.run(
            job, user=request_user(request), case_id=case_id
        )
        return record

    async def remove(request: Request, case_id: str) -> dict[str, Any]:
        """Take the report the request names out of the case; what was done."""
        store.folder(case_id)
        job = functools.partial(
            store.remove_document,
            case_id,
            request.path_params["name"],
            user=request_user(request),
        )
        result: dict[str, Any] = await turns.run(
            job, user=request_user(request), case_id=case_id, need="nothing"
        )
        return result

    @guarded
    async def remove_document(request: Request) -> Response:
        return json_response(await remove(request, request.path_params["case_id"]))

    @guarded
    async def run_estimate(request: Request) -> Response:
        case_id = request.path_params["case_id"]
        store.folder(case_id)
        # the body is read as JSON whatever its content type: options sent as
        # text/plain (or a form) are never dropped in silence
        opts: dict[str, Any] = dict(request.query_params)
        opts |= await read_json_object(request, limit)
        record = await estimate(request, case_id, opts)
        return json_response({**record, "links": links(case_id, record["run"])}, 201)

    @guarded
    async def latest_estimate(request: Request) -> Response:
        folder = store.run_folder(request.path_params["case_id"])
        return file_response(folder / "estimate.json", "estimate.json")

    @guarded
    async def run_file(request: Request) -> Response:
        name = request.path_params["name"]
        folder = store.run_folder(
            request.path_params["case_id"], request.path_params["run_id"]
        )
        if name not in RUN_FILES or not (folder / name).is_file():
            raise CaseNotFoundError(
                f"A run has no file {name[:40]!r}; it has "
                f"{', '.join(sorted(RUN_FILES))}.",
                field="name",
            )
        return file_response(folder / name, name)

    @guarded
    async def latest_report(request: Request) -> Response:
        folder = store.run_folder(request.path_params["case_id"])
        return file_response(folder / "report.html", "report.html")

    @guarded
    async def latest_map(request: Request) -> Response:
        folder = store.run_folder(request.path_params["case_id"])
        return file_response(folder / "map.png", "map.png")

    async def search(
        request: Request,
        case_id: str,
        body: Any,
        upload: searches.Upload | None = None,
    ) -> dict[str, Any]:
        """Record the search that found nothing that ``body`` describes.

        ``upload`` is the GPS file that gives its area, if one was sent: its
        name is logged with the items.
        """
        path = store.case_file(case_id)
        user = request_user(request)
        sent = {} if upload is None else {"file": upload.shown}

        def record() -> dict[str, Any]:
            with store.lock(case_id):  # free: Turns holds the case's turn
                before = path.read_bytes()
                # the readings' items are the case's evidence too (review r85, L1)
                readings = [
                    p
                    for p in store.estimate_inputs(case_id)
                    if p.parent.name == "readings"
                ]
                result = searches.record_search(
                    path, body, readings=readings, upload=upload
                )
                ids = [item["id"] for item in result["added"]]
                try:
                    store.log(case_id, user, "searched", items=ids, **sent)
                except BaseException:  # not logged, not made
                    write_atomic(path, before)
                    raise
            return result

        result: dict[str, Any] = await turns.run(
            record, user=user, case_id=case_id, need="warnings"
        )
        # a warning of the case file names it by its path on the server (r28 F6)
        result["notes"] = [store.public_warning(n) for n in result["notes"]]
        result["warnings"] = [store.public_warning(w) for w in result["warnings"]]
        return {"case": case_id, **result}

    async def search_sent(request: Request, case_id: str) -> dict[str, Any]:
        """Record the search a request sends: JSON, or a form (with a GPS file).

        A multipart body is the case page's form (and a client's like it): its
        fields as :func:`~geosleuth.service.searches.search_from_form` reads
        them, and the GPS file of its ``gps`` field, if one was sent.
        """
        store.case_file(case_id)
        ctype = request.headers.get("content-type", "")
        if not ctype.startswith("multipart/form-data"):
            body = await read_json_object(request, limit)
            return await search(request, case_id, body)
        name, data, fields = await read_upload(
            request, searches.GPS_FIELD, limit, optional=True
        )
        sent = None if name is None and not data else searches.Upload(name, data)
        body = searches.search_from_form(
            {k: v.strip() for k, v in fields.items()}, with_file=sent is not None
        )
        return await search(request, case_id, body, sent)

    @guarded
    async def searched(request: Request) -> Response:
        case_id = request.path_params["case_id"]
        return json_response(await search_sent(request, case_id), 201)

    @guarded
    async def history(request: Request) -> Response:
        case_id = request.path_params["case_id"]
        entries = await run_in_threadpool(store.history, case_id)
        return json_response({"case": case_id, "log": entries})

    @guarded
    async def read(request: Request) -> Response:
        import tempfile

        from geosleuth.read import read_document
        from geosleuth.service.store import document_name

        name, data, fields = await read_upload(request, "document", limit)
        safe = document_name(name or "document.txt")
        published = pipeline.parse_date(fields.get("published"), "published")
        target = fields.get("target") or None

        def work() -> dict[str, Any]:
            # the temporary folder is the server's business: never in what is said
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / safe
                path.write_bytes(data)
                try:
                    reading, found = pool.call(
                        read_document, path, target=target, published=published
                    )
                except GeosleuthError as exc:
                    exc.message = exc.message.replace(f"{tmp}/", "")
                    raise
                found = [w.replace(f"{tmp}/", "") for w in found]
                return {**reading.to_dict(), "warnings": found}

        return json_response(
            await turns.run(work, user=request_user(request), need="worker")
        )

    # ------------------------------------------------ the case page and its forms
    @guarded
    async def case_view(request: Request) -> Response:
        case_id = request.path_params["case_id"]

        def gather() -> tuple[dict[str, Any], list[dict[str, Any]], tuple[str, str]]:
            return store.meta(case_id), store.history(case_id), store.case_text(case_id)

        meta, log, (text, case_version) = await run_in_threadpool(gather)
        page = case_page(
            meta,
            log,
            version=__version__,
            user=request_user(request),
            case_text=text,
            case_version=case_version,
            read_only=not may_change(request),
        )
        return html_response(page)

    def form_post(
        action: Callable[[Request, str], Awaitable[Done]],
    ) -> Callable[[Request], Awaitable[Response]]:
        """A form's post: back to the case page (at ``#anchor``), or an error page.

        Every error is a page (:func:`~geosleuth.service._http.failure_response`),
        with the status the API gives it. What the API would answer with notes or
        warnings ("an estimate leaves this search out", "the report has no
        publication date") is a page that says them, with the way back: a
        redirect would drop them.
        """

        async def handler(request: Request) -> Response:
            case_id = request.path_params["case_id"]
            anchor, result = await action(request, case_id)
            notes = [
                str(n)
                for key in ("notes", "warnings")
                for n in (result.get(key) or [] if isinstance(result, dict) else [])
            ]
            if notes:
                return html_response(notice_page(notes, back=case_id, anchor=anchor))
            return RedirectResponse(f"/cases/{case_id}#{anchor}", status_code=303)

        return guarded_page(handler)

    async def case_form(request: Request, case_id: str) -> Done:
        store.folder(case_id)
        fields = await read_form(request, limit, strip=False)
        if "text" not in fields or not fields.get("base", "").strip():
            raise InputError(
                "Send the edited case file as the form's 'text', with the 'base' "
                "version the page showed.",
                field="text",
            )
        data = fields["text"].encode("utf-8")
        return "log", await replace_case(request, case_id, data, fields["base"].strip())

    @guarded
    async def remove_view(request: Request) -> Response:
        case_id, name = request.path_params["case_id"], request.path_params["name"]
        meta = await run_in_threadpool(store.meta, case_id)
        if name not in {d["name"] for d in meta["documents"]}:
            raise CaseNotFoundError(
                f"The case {case_id!r} has no document {name[:80]!r}.", field="name"
            )
        return html_response(remove_page(meta, name, read_only=not may_change(request)))

    async def remove_form(request: Request, case_id: str) -> Done:
        return "documents", await remove(request, case_id)

    async def upload_form(request: Request, case_id: str) -> Done:
        return "documents", await upload(request, case_id)

    async def estimate_form(request: Request, case_id: str) -> Done:
        store.folder(case_id)
        fields = await read_form(request, limit)
        opts = {k: v for k, v in fields.items() if v}
        # a browser sends the day and the time of day apart: as_of is both
        at = opts.pop("as_of_time", None)
        if at is not None:
            if "as_of" not in opts:
                raise InputError(
                    "A time of day for the estimate needs its day: give 'as of' too.",
                    field="as_of_time",
                )
            opts["as_of"] = f"{opts['as_of']}T{at}"
        return "runs", await estimate(request, case_id, opts)

    async def searched_form(request: Request, case_id: str) -> Done:
        store.folder(case_id)
        if request.headers.get("content-type", "").startswith("multipart/form-data"):
            return "log", await search_sent(request, case_id)
        fields = await read_form(request, limit)
        body = searches.search_from_form(fields)
        return "log", await search(request, case_id, body)

    async def not_found(request: Request, exc: Exception) -> Response:
        from starlette.exceptions import HTTPException

        status = exc.status_code if isinstance(exc, HTTPException) else 500
        names = {404: "NotFound", 405: "MethodNotAllowed"}
        return error_response(
            status, names.get(status, "Error"), f"{request.method} {request.url.path}"
        )

    case = "/api/cases/{case_id}"
    routes = [
        Route("/health", health),
        Route("/", index),
        Route("/api/cases", list_cases, methods=["GET"]),
        Route("/api/cases", guarded(create_case), methods=["POST"]),
        Route(case, get_case),
        Route(f"{case}/case.yaml", case_file, methods=["GET"]),
        Route(f"{case}/case.yaml", put_case_file, methods=["PUT"]),
        Route(f"{case}/documents", add_document, methods=["POST"]),
        Route(f"{case}/documents/{{name}}", get_document, methods=["GET"]),
        Route(f"{case}/documents/{{name}}", remove_document, methods=["DELETE"]),
        Route(
            f"{case}/removed/{{removed_id}}/restore",
            restore_document,
            methods=["POST"],
        ),
        Route(f"{case}/estimate", run_estimate, methods=["POST"]),
        Route(f"{case}/estimate", latest_estimate, methods=["GET"]),
        Route(f"{case}/searched", searched, methods=["POST"]),
        Route(f"{case}/log", history, methods=["GET"]),
        Route(f"{case}/runs/{{run_id}}/{{name}}", run_file),
        Route("/cases/{case_id}", case_view, methods=["GET"]),
        Route("/cases/{case_id}/case", form_post(case_form), methods=["POST"]),
        Route("/cases/{case_id}/documents", form_post(upload_form), methods=["POST"]),
        Route(
            "/cases/{case_id}/documents/{name}/remove",
            form_post(remove_form),
            methods=["POST"],
        ),
        Route("/cases/{case_id}/documents/{name}/remove", remove_view, methods=["GET"]),
        Route(
            "/cases/{case_id}/removed/{removed_id}/restore",
            form_post(restore_form),
            methods=["POST"],
        ),
        Route("/cases/{case_id}/estimate", form_post(estimate_form), methods=["POST"]),
        Route("/cases/{case_id}/searched", form_post(searched_form), methods=["POST"]),
        Route("/cases/{case_id}/report", latest_report),
        Route("/cases/{case_id}/map.png", latest_map),
        Route("/api/read", read, methods=["POST"]),
    ]
    middleware = [Middleware(OriginGate, hosts=hosts, origins=allowed)]
    if tokens:
        # the one check of roles, for every route: a viewer's change is 403
        middleware.append(Middleware(TokenGate, users=tokens, read_posts=_READ_POSTS))

    @contextlib.asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        pool.start()
        try:
            yield
        except BaseException:
            # cancelled: the server was told twice to stop and will not wait, so
            # the calls running stop now and keep nothing
            pool.close(force=True)
            raise
        await run_in_threadpool(pool.close)  # a shutdown: let them finish

    application = Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers={404: not_found, 405: not_found},
        lifespan=lifespan,
    )
    application.state.workers = pool
    application.state.turns = turns
    application.state.store = store
    return application
