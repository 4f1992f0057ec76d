"""``geosleuth serve``: the team web service (the ``[web]`` extra).

With ``--token-file``, each user has a role: a ``viewer`` may read the cases, an
``editor`` (the default) may also change them (:mod:`geosleuth.service.users`).
"""

from __future__ import annotations

import ipaddress
import math
import os
import socket
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.text import Text

from geosleuth.cli import app, console, err_console, guarded
from geosleuth.errors import InputError, missing_extra

if TYPE_CHECKING:
    from geosleuth.service.store import CaseStore

__all__ = ["serve"]


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _startup_notes(store: CaseStore, token_file: Path | None, host: str) -> list[str]:
    """What to tell whoever starts the service; tidies and closes the data folder.

    The cases folder is made its owner's alone (0700), what a crash left there is
    removed (:meth:`~geosleuth.service.store.CaseStore.tidy`), and a token file
    others may read, or no token file at all, is warned of.
    """
    from geosleuth.service.users import token_file_warning

    notes = []
    if token_file is None:
        who = (
            "every account on this machine"
            if _is_loopback(host)
            else "anyone who can reach it"
        )
        notes.append(
            f"Serving on {host} without --token-file: {who} can read and change "
            "every case, and the log cannot say who. Give each user a token: "
            "--token-file FILE, one 'NAME TOKEN [ROLE]' a line."
        )
    else:
        notes.append(token_file_warning(token_file) or "")
    notes.append(store.make_private() or "")
    removed = store.tidy()
    if removed:
        shown = ", ".join(removed[:5]) + (
            f" and {len(removed) - 5} more" if len(removed) > 5 else ""
        )
        notes.append(f"Removed what an interrupted request left: {shown}.")
    return [note for note in notes if note]


def _check_free(host: str, port: int) -> None:
    """Bind ``host:port`` for a moment, as uvicorn will; OSError if it cannot.

    So that a port already in use is one red line (``OSError: Address already in
    use: 127.0.0.1:8000``), not uvicorn's log and exit status 3.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn
            probe.bind((host, port))
    except OSError as exc:
        where = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        raise OSError(exc.errno, exc.strerror or str(exc), where) from None


def _time_limit(
    seconds: float, *, workers: int = 1, given: bool = False
) -> float | None:
    """``--time-limit`` as Workers takes it: None for 0 (no limit).

    A limit given (``given``) with ``--workers 0`` is refused: requests then run
    in the server's own process, where nothing can stop one, so it would never
    apply (review 19). The default limit goes with the default workers, and is
    dropped without a word when ``--workers 0`` is asked for.
    """
    if not math.isfinite(seconds):
        raise InputError(
            "--time-limit must be a number of seconds (0 for no limit). Got "
            f"{seconds!r} instead.",
            field="--time-limit",
        )
    if workers == 0 and given and seconds > 0:
        raise InputError(
            f"--time-limit {seconds:g} needs --workers of 1 or more: with "
            "--workers 0 readings and estimates run in the server's own process, "
            "where nothing can stop them, so no limit applies. Give --workers 1 "
            "or more, or leave --time-limit out.",
            field="--time-limit",
        )
    return seconds if seconds > 0 else None


@app.command()
@guarded
def serve(
    ctx: typer.Context,
    data_dir: Annotated[
        Path,
        typer.Option(
            "--data-dir",
            help="Folder where the cases are kept (created if missing).",
            file_okay=False,
        ),
    ],
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[
        int, typer.Option(help="Port to listen on.", min=1, max=65535)
    ] = 8000,
    token_file: Annotated[
        Path | None,
        typer.Option(
            help="File of users, one 'NAME TOKEN [ROLE]' a line, ROLE 'viewer' "
            "(may read the cases) or 'editor' (may also change them; the default), "
            "and optionally 'cases=ID,...' last (case ids, or patterns such as "
            "falcon-*: the user reaches only those cases; every case without it), "
            "or a token alone (the user 'team', an editor); every request but "
            "/health must then send 'Authorization: Bearer <token>', or come from "
            "a browser that logged in at /login; a viewer's changes are refused "
            "(403), and each change is logged under its user's name. Roles are "
            "read at the start: restart after editing the file.",
            exists=True,
            dir_okay=False,
            readable=True,
        ),
    ] = None,
    max_upload_mb: Annotated[
        float, typer.Option(help="Largest request body accepted, in MB.", min=0.001)
    ] = 2.0,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allowed-host",
            metavar="NAME",
            help="Another host name the service is reached by, e.g. the public "
            "name of an https reverse proxy in front of it (no scheme or port); "
            "browsers' pages under it may change the cases. Repeatable.",
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            help="Worker processes that read uploaded reports and run estimates: "
            "that many at once, so that one case's long estimate does not hold up "
            "another's. 0: in the server's own process, one at a time.",
            min=0,
        ),
    ] = 2,
    time_limit: Annotated[
        float,
        typer.Option(
            help="Longest a reading or an estimate may run in a worker, in "
            "seconds: past it the worker is stopped and the request fails (503), "
            "keeping nothing. 0: no limit. Needs --workers of 1 or more (a "
            "limit given with --workers 0 is refused: it would never apply).",
            min=0,
        ),
    ] = 1800,
    waiting_per_user: Annotated[
        int,
        typer.Option(
            help="Requests (readings, estimates, changes to a case) one user may "
            "have waiting for a worker or for a case another request is changing; "
            "one more is refused at once (429, Retry-After). They hold no thread: "
            "reads of the cases never wait behind them. Without --token-file, all "
            "clients count as one user.",
            min=1,
        ),
    ] = 8,
    waiting_total: Annotated[
        int,
        typer.Option(
            help="Requests that may wait so, all users together; one more is "
            "refused at once (503, Retry-After).",
            min=1,
        ),
    ] = 64,
) -> None:
    r"""Serve the cases in DATA_DIR to the team: the JSON API under /api, and pages.

    Each case is a case file plus uploaded reports; estimates are kept per run.
    On a loopback address it answers only to loopback host names and those given
    with --allowed-host, and no page of another site can change the cases through
    a browser. With --token-file, users with the role viewer may read everything
    but change nothing.
    Needs the web extra: pip install 'geosleuth\[web]'.
    """
    # by name: typer may carry its own copy of click's enum
    given = getattr(ctx.get_parameter_source("time_limit"), "name", None)
    limit_s = _time_limit(
        time_limit, workers=workers, given=given in ("COMMANDLINE", "ENVIRONMENT")
    )
    try:
        import uvicorn
    except ImportError:
        raise missing_extra("uvicorn", "web") from None
    from geosleuth.service import create_app
    from geosleuth.service.connections import (
        connection_limit,
        open_files_limit,
        uvicorn_options,
    )
    from geosleuth.service.users import read_users

    users = read_users(token_file) if token_file is not None else None
    # on the loopback, answer only to loopback names: a web page cannot reach
    # the service through a name of its own that resolves here (DNS rebinding)
    hosts = ["127.0.0.1", "localhost", "::1", host] if _is_loopback(host) else None
    application = create_app(
        data_dir,
        users=users,
        max_upload_bytes=int(max_upload_mb * 1_000_000),
        hosts=hosts,
        allowed_hosts=allowed_host or (),
        workers=workers,
        time_limit_s=limit_s,
        waiting_per_user=waiting_per_user,
        waiting_total=waiting_total,
    )
    _check_free(host, port)
    for note in _startup_notes(application.state.store, token_file, host):
        err_console.print(Text(note, style="yellow"))
    names = [
        n
        + (f" ({u.role})" if not u.may_change else "")
        + (f" [cases {','.join(u.cases)}]" if not u.reaches_all else "")
        for n, u in (users or {}).items()
    ]
    who = f" to {len(names)} user(s): {', '.join(names)}" if names else ""
    open_files = open_files_limit()
    limit = connection_limit(open_files)
    console.print(
        Text(
            f"Serving the cases in {data_dir} on http://{host}:{port}/{who}; at "
            f"most {limit} connections at once"
            + (f" (of {open_files} open files)" if open_files else "")
        ),
    )
    # what the service writes (cases, reports, estimates, its worker processes'
    # files) is its user's alone
    umask = os.umask(0o077)
    try:
        uvicorn.run(
            application,
            host=host,
            port=port,
            log_level="info",
            **uvicorn_options(limit),
        )
    finally:
        os.umask(umask)
