"""The service's HTML pages: the list of cases, and an error page for form posts.

Self-contained (no external CSS, scripts, fonts or images), and every string that
comes from a case (title, target, document names) is HTML-escaped: case files are
written by anyone on the team and are not trusted as markup.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

__all__ = ["PAGE_CSP", "error_page", "index_page", "login_page"]

#: Content-Security-Policy sent with these pages: nothing from elsewhere, no script.
PAGE_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)

_STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;
padding:0 1rem;color:#1d2430}
h1{font-size:1.4rem;margin-bottom:.2rem}
.sub{color:#5b6575;margin-top:0}
table{border-collapse:collapse;width:100%;margin:1rem 0}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #dde2ea;
vertical-align:top}
th{font-weight:600;background:#f3f5f8}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.muted{color:#7a8494}
form{border:1px solid #dde2ea;padding:1rem;border-radius:6px;background:#fafbfc}
.err{border-left:4px solid #c0392b;padding:.5rem 1rem;background:#fdf0ee}
code{background:#f3f5f8;padding:0 .2rem}
form.who{float:right;border:0;background:none;padding:0;color:#5b6575}
"""


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_STYLE}</style></head>"
        f"<body>{body}</body></html>\n"
    )


def _case_row(case: dict[str, Any]) -> str:
    cid = quote(str(case.get("id", "")), safe="")
    run = case.get("latest_run") or {}
    summary = run.get("summary") or {}
    places = summary.get("places") or []
    if run:
        top = (
            f"{_e(places[0].get('name'))} "
            f"({float(places[0].get('probability') or 0):.3f})"
            if places
            else "-"
        )
        links = (
            f'<a href="/cases/{cid}/report">report</a> · '
            f'<a href="/cases/{cid}/map.png">map</a> · '
            f'<a href="/api/cases/{cid}/estimate">estimate.json</a> · '
        )
        by = f" by {_e(run.get('by'))}" if run.get("by") else ""
        when = (
            f"{_e(run.get('created'))}{by}<br>"
            f'<span class="muted">as of {_e(summary.get("as_of"))}</span>'
        )
    else:
        top, links, when = "-", "", '<span class="muted">not yet</span>'
    links += (
        f'<a href="/api/cases/{cid}">details</a> · '
        f'<a href="/api/cases/{cid}/case.yaml">case.yaml</a> · '
        f'<a href="/api/cases/{cid}/log">log</a>'
    )
    return (
        f'<tr id="case-{_e(case.get("id"))}"><td><strong>{_e(case.get("title"))}'
        f'</strong><br><span class="muted">{_e(case.get("id"))}</span></td>'
        f"<td>{_e(case.get('target'))}</td>"
        f'<td class="num">{len(case.get("documents") or [])}</td>'
        f"<td>{when}</td><td>{top}</td><td>{links}</td></tr>"
    )


def index_page(
    cases: Sequence[dict[str, Any]], *, version: str, user: str | None = None
) -> str:
    """The front page: the cases, their latest estimates, and a form to add one.

    Parameters
    ----------
    cases : sequence of dict
        :meth:`geosleuth.service.store.CaseStore.meta` of each case.
    version : str
        geosleuth's version, shown in the footer.
    user : str or None, default None
        The user who asks (on a service with tokens): named at the top, with a
        button to log out.

    Examples
    --------
    >>> page = index_page([{"id": "x", "title": "<script>alert(1)</script>",
    ...                     "target": "a & b"}], version="1.0.0")
    >>> "<script>" in page, "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    (False, True)
    """
    rows = "".join(_case_row(c) for c in cases) or (
        '<tr><td colspan="6" class="muted">No cases yet.</td></tr>'
    )
    who = (
        f'<form class="who" method="post" action="/logout">{_e(user)} · '
        '<button type="submit">Log out</button></form>'
        if user
        else ""
    )
    body = (
        f"{who}<h1>geosleuth cases</h1>"
        '<p class="sub">Where is this person most likely to be, how sure are we, and '
        "where should we look next?</p>"
        "<table><thead><tr><th>case</th><th>target</th><th>documents</th>"
        "<th>last estimate</th><th>top place</th><th>links</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
        '<form method="post" action="/api/cases" enctype="multipart/form-data">'
        "<strong>New case</strong> from a case file (YAML, as "
        "<code>geosleuth locate</code> takes; see <code>geosleuth schema</code>): "
        '<input type="file" name="case" accept=".yaml,.yml,text/yaml" required> '
        '<input type="hidden" name="from" value="index">'
        '<button type="submit">Create</button></form>'
        f'<p class="muted">geosleuth {_e(version)} · JSON API under '
        "<code>/api</code></p>"
    )
    return _page("geosleuth cases", body)


def error_page(error: str, message: str, line: int | None = None) -> str:
    """A short page that says what was wrong with a form post (escaped).

    Examples
    --------
    >>> "&lt;b&gt;" in error_page("CaseFileError", "bad <b>", line=3)
    True
    """
    where = f" (line {int(line)})" if line is not None else ""
    body = (
        "<h1>That did not work</h1>"
        f'<div class="err"><strong>{_e(error)}</strong>{where}: {_e(message)}</div>'
        '<p><a href="/">Back to the cases</a></p>'
    )
    return _page("geosleuth: error", body)


def login_page(message: str | None = None) -> str:
    """The form that takes the service's token and starts a browser session.

    Examples
    --------
    >>> 'type="password"' in login_page()
    True
    >>> "&lt;x&gt;" in login_page("<x>")
    True
    """
    note = f'<div class="err">{_e(message)}</div>' if message else ""
    body = (
        '<h1>geosleuth</h1><p class="sub">This service needs its token.</p>'
        f"{note}"
        '<form method="post" action="/login">'
        '<label>Token <input type="password" name="token" autocomplete="off" '
        'required autofocus></label> <button type="submit">Log in</button></form>'
        '<p class="muted">Programs send it as <code>Authorization: Bearer '
        "&lt;token&gt;</code> instead.</p>"
    )
    return _page("geosleuth: log in", body)
