"""The service's HTML pages: the list of cases, and an error page for form posts.

Self-contained (no external CSS, scripts, fonts or images), and every string that
comes from a case (title, target, document names) is HTML-escaped: case files are
written by anyone on the team and are not trusted as markup. For a viewer
(``read_only``) the pages leave out the forms that change the cases and say
"read-only" by the user's name; the service refuses those changes whatever the
page shows.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from geosleuth.report.text import km2, plain

__all__ = [
    "PAGE_CSP",
    "case_page",
    "error_page",
    "index_page",
    "login_page",
    "notice_page",
    "remove_page",
]

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
h2{font-size:1.1rem;margin:1.6rem 0 .3rem}
form label{display:inline-block;margin:.2rem .8rem .2rem 0}
form input[type=text],form input[type=date],form input[type=number]{width:8.5rem}
form input.wide{width:20rem}
code{background:#f3f5f8;padding:0 .2rem}
form.who{float:right;border:0;background:none;padding:0;color:#5b6575}
.changed{color:#a04000}
"""


def _e(value: Any) -> str:
    """Escaped, without the controls that reorder text (as the report's ``esc``).

    A name ending in U+202E would otherwise show the figure after it reversed
    ("Car park\u202e (0.915)" reads "(519.0)").

    Examples
    --------
    >>> _e("<b>Car park\u202e</b>")
    '&lt;b&gt;Car park&lt;/b&gt;'
    """
    return html.escape("" if value is None else plain(value), quote=True)


def _text(value: str) -> str:
    """Text to edit in a ``<textarea>``: escaped, every character kept.

    Unlike :func:`_e`, nothing is removed: what the form sends back must be the
    text as it was, right-to-left marks (U+200F, U+061C) in an Arabic place name
    included, or saving a case file unchanged would change its evidence. Inside
    a textarea a bidi control reorders only its own line of the text, never the
    page around it.

    Examples
    --------
    >>> _text("Dayr az-Zawr\u200f </textarea><b>")
    'Dayr az-Zawr\u200f &lt;/textarea&gt;&lt;b&gt;'
    """
    return html.escape(value, quote=True)


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_STYLE}</style></head>"
        f"<body>{body}</body></html>\n"
    )


def _who(user: str | None, read_only: bool = False) -> str:
    """The user who asks, with a button to log out ("" without one).

    Examples
    --------
    >>> import re
    >>> re.sub("<[^>]+>", "", _who("ana", read_only=True))
    'ana (read-only) · Log out'
    """
    if not user:
        return ""
    note = ' <span class="muted">(read-only)</span>' if read_only else ""
    return (
        f'<form class="who" method="post" action="/logout">{_e(user)}{note} · '
        '<button type="submit">Log out</button></form>'
    )


def _where(summary: dict[str, Any]) -> str:
    """What a run's row leads with: its headline, else its top place (escaped).

    The headline, ``summary["headline"]``
    (:func:`~geosleuth.service.pipeline.estimate_summary`), is there where the
    ranked places mislead, as the summary and report.html say it
    (:func:`geosleuth.report.text.headline_lead`); without one the best place
    leads, with its probability; "-" without either.

    Examples
    --------
    >>> _where({"places": [{"name": "Hajin", "probability": 0.779}]})
    'Hajin (0.779)'
    >>> _where({"headline": "84.6 % lies in <b>", "places": [{"name": "Split"}]})
    '84.6 % lies in &lt;b&gt;'
    >>> _where({})
    '-'
    """
    lead = summary.get("headline")
    if isinstance(lead, str) and lead:
        return _e(lead)
    places = summary.get("places") or []
    if not places:
        return "-"
    return (
        f"{_e(places[0].get('name'))} ({float(places[0].get('probability') or 0):.3f})"
    )


def _case_row(case: dict[str, Any]) -> str:
    cid = quote(str(case.get("id", "")), safe="")
    run = case.get("latest_run") or {}
    summary = run.get("summary") or {}
    if run:
        top = _where(summary)
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
        f'<tr id="case-{_e(case.get("id"))}"><td><strong>'
        f'<a href="/cases/{cid}">{_e(case.get("title"))}</a></strong><br>'
        f'<span class="muted">{_e(case.get("id"))}</span></td>'
        f"<td>{_e(case.get('target'))}</td>"
        f'<td class="num">{len(case.get("documents") or [])}</td>'
        f"<td>{when}</td><td>{top}</td><td>{links}</td></tr>"
    )


def index_page(
    cases: Sequence[dict[str, Any]],
    *,
    version: str,
    user: str | None = None,
    read_only: bool = False,
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
    read_only : bool, default False
        The user is a viewer: no form to add a case, and "read-only" by the name.

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
    who = _who(user, read_only)
    new_case = (
        ""
        if read_only
        else '<form method="post" action="/api/cases" enctype="multipart/form-data">'
        "<strong>New case</strong> from a case file (YAML, as "
        "<code>geosleuth locate</code> takes; see <code>geosleuth schema</code>): "
        '<input type="file" name="case" accept=".yaml,.yml,text/yaml" required> '
        '<input type="hidden" name="from" value="index">'
        '<button type="submit">Create</button></form>'
    )
    body = (
        f"{who}<h1>geosleuth cases</h1>"
        '<p class="sub">Where is this person most likely to be, how sure are we, and '
        "where should we look next?</p>"
        "<table><thead><tr><th>case</th><th>target</th><th>documents</th>"
        "<th>last estimate</th><th>where</th><th>links</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>{new_case}"
        f'<p class="muted">geosleuth {_e(version)} · JSON API under '
        "<code>/api</code></p>"
    )
    return _page("geosleuth cases", body)


def error_page(
    error: str, message: str, line: int | None = None, *, back: str | None = None
) -> str:
    """A short page that says what was wrong with a form post (escaped).

    ``back`` is the case whose page the form was on (its id), else the list of
    cases.

    Examples
    --------
    >>> "&lt;b&gt;" in error_page("CaseFileError", "bad <b>", line=3)
    True
    >>> 'href="/cases/a%2Fb"' in error_page("InputError", "x", back="a/b")
    True
    """
    where = f" (line {int(line)})" if line is not None else ""
    link = (
        f'<a href="/cases/{quote(back, safe="")}">Back to the case</a>'
        if back
        else '<a href="/">Back to the cases</a>'
    )
    body = (
        "<h1>That did not work</h1>"
        f'<div class="err"><strong>{_e(error)}</strong>{where}: {_e(message)}</div>'
        f"<p>{link}</p>"
    )
    return _page("geosleuth: error", body)


def notice_page(notes: Sequence[str], *, back: str, anchor: str = "") -> str:
    """A form post that worked, with what the API noted or warned of (escaped).

    ``back`` is the case whose page the form was on (its id), ``anchor`` the
    part of its page to go back to.

    Examples
    --------
    >>> page = notice_page(["The case's as_of is <b>before</b> it."], back="a/b",
    ...                    anchor="log")
    >>> "&lt;b&gt;before&lt;/b&gt;" in page, 'href="/cases/a%2Fb#log"' in page
    (True, True)
    """
    items = "".join(f"<li>{_e(n)}</li>" for n in notes)
    link = f'<a href="/cases/{quote(back, safe="")}#{quote(anchor, safe="")}">'
    body = (
        "<h1>Done, with notes</h1>"
        f'<div class="err"><ul>{items}</ul></div>'
        f"<p>{link}Back to the case</a></p>"
    )
    return _page("geosleuth: done, with notes", body)


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


def _detail(entry: dict[str, Any]) -> str:
    """What a log entry touched, as text: ``document a.txt``, ``run 0002`` ..."""
    skip = {"at", "user", "action"}
    parts = []
    for key, value in entry.items():
        if key in skip or value in (None, "", []):
            continue
        shown = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        parts.append(f"{key} {shown}")
    return "; ".join(parts)


def _published(doc: dict[str, Any]) -> str:
    """A report's publication date as its reading used it, and where it is from.

    The date given with the upload, or the report's own (where the report gives
    it, as its reading's notes say), or "-" with "none found" for an undated
    report, the one kind an estimate's "publication date of undated reports"
    applies to; a listing without the reading's date shows the upload's.

    Examples
    --------
    >>> _published({"reading_published": "2024-03-08",
    ...             "reading_published_from": "report",
    ...             "reading_published_where": "the page's <meta>"})
    '2024-03-08 <span class="muted">from the page&#x27;s &lt;meta&gt;</span>'
    >>> _published({"published": "2024-03-09", "reading_published": "2024-03-09",
    ...             "reading_published_from": "upload"})
    '2024-03-09 <span class="muted">given at upload</span>'
    >>> _published({"published": None, "reading_published": None})
    '- <span class="muted">none found</span>'
    """
    if "reading_published" not in doc:
        return _e(doc.get("published") or "-")
    day = doc.get("reading_published")
    if not day:
        return '- <span class="muted">none found</span>'
    came = doc.get("reading_published_from")
    where = doc.get("reading_published_where")
    said = (
        "given at upload"
        if came == "upload"
        else f"from {where}"
        if where
        else "the report's own"
    )
    return f'{_e(day)} <span class="muted">{_e(said)}</span>'


def _doc_row(cid: str, doc: dict[str, Any], read_only: bool = False) -> str:
    name = quote(str(doc.get("name", "")), safe="")
    remove = (
        ""
        if read_only
        else f'<a href="/cases/{cid}/documents/{name}/remove">remove…</a>'
    )
    return (
        f'<tr><td><a href="/api/cases/{cid}/documents/{name}">{_e(doc.get("name"))}'
        f"</a></td><td>{_published(doc)}</td>"
        f"<td>{_e(doc.get('uploaded'))}</td>"
        f"<td>{_e(doc.get('uploaded_by') or '-')}</td>"
        f'<td class="num">{_e(doc.get("bytes"))}</td>'
        f"<td>{remove}</td></tr>"
    )


def _area(value: Any) -> str:
    """An area of the summary in km², to three significant figures as the report.

    Examples
    --------
    >>> _area(0.0132), _area(5.5), _area(None)
    ('0.0132 km²', '5.5 km²', '-')
    """
    try:
        return km2(float(value))
    except (TypeError, ValueError):
        return "-"


#: What the case page says of a report a run read, by its ``documents_now`` state.
_SINCE = {
    "read again": "read again since this run",
    "changed": "changed since this run",
    "removed": "removed since this run",
}


def _run_document(cid: str, entry: Any) -> str:
    """A report a run read, and what became of it (``documents_now``).

    A report still stored as the run read it links to it; one changed or
    removed since says so, and where the case keeps the one the run read.

    Examples
    --------
    >>> _run_document("c", {"document": "a.txt", "state": "unchanged"})
    '<a href="/api/cases/c/documents/a.txt">a.txt</a>'
    >>> import re
    >>> re.sub("<[^>]+>", "", _run_document("c", {"document": "a.txt",
    ...        "state": "changed", "kept_as": "removed/0001-a.txt"}))
    'a.txt (changed since this run; the one it read is kept as removed/0001-a.txt)'
    >>> re.sub("<[^>]+>", "", _run_document("c", {"document": "a.txt",
    ...        "state": "changed", "kept_as": None}))
    'a.txt (changed since this run; the one it read is no longer kept)'
    """
    entry = entry if isinstance(entry, dict) else {}
    name, state = str(entry.get("document", "")), entry.get("state")
    kept = entry.get("kept_as")
    if state in ("unchanged", "read again", "not recorded"):
        link = quote(name, safe="")
        shown = f'<a href="/api/cases/{cid}/documents/{link}">{_e(name)}</a>'
    else:
        shown = _e(name)
    if state not in _SINCE:
        return shown
    note = _SINCE[str(state)]
    if state != "read again":
        note += (
            f"; the one it read is kept as {_e(kept)}"
            if kept
            else "; the one it read is no longer kept"
        )
    return f'{shown} <span class="changed">({note})</span>'


def _run_documents(cid: str, run: dict[str, Any]) -> str:
    """The reports a run read, each with what became of it; "-" for none."""
    now = run.get("documents_now")
    if not isinstance(now, list):
        names = run.get("documents")
        now = [
            {"document": n, "state": "not recorded"}
            for n in (names if isinstance(names, list) else [])
        ]
    if not now:
        return "-"
    shown = "<br>".join(_run_document(cid, e) for e in now)
    if all(isinstance(e, dict) and e.get("state") == "not recorded" for e in now):
        shown += '<br><span class="muted">(not bound by checksum: an older run)</span>'
    return shown


def _run_row(cid: str, run: dict[str, Any]) -> str:
    summary = run.get("summary") or {}
    top = _where(summary)
    rid = quote(str(run.get("run", "")), safe="")
    base = f"/api/cases/{cid}/runs/{rid}"
    hdr = summary.get("hdr_km2") or {}
    areas = f"{_area(hdr.get('50'))} / {_area(hdr.get('90'))}" if hdr else "-"
    return (
        f"<tr><td>{_e(run.get('run'))}</td><td>{_e(run.get('created'))}</td>"
        f"<td>{_e(run.get('by') or '-')}</td><td>{_e(summary.get('as_of'))}</td>"
        f"<td>{top}</td><td>{areas}</td><td>{_run_documents(cid, run)}</td>"
        f'<td><a href="{base}/report.html">report</a> · '
        f'<a href="{base}/map.png">map</a> · '
        f'<a href="{base}/estimate.json">estimate.json</a></td></tr>'
    )


def case_page(
    case: dict[str, Any],
    log: Sequence[dict[str, Any]],
    *,
    version: str,
    user: str | None = None,
    case_text: str = "",
    case_version: str = "",
    read_only: bool = False,
) -> str:
    """One case: its reports, its runs, its log, and forms to change it.

    Each run lists the reports it read, and says of one that the case no
    longer holds as the run read it ("changed since this run", "removed since
    this run", by the SHA-256 its ``run.json`` keeps) where the case keeps the
    one it read (``removed/0001-a.txt``): its ``documents_now``
    (:meth:`~geosleuth.service.store.CaseStore.documents_now`).

    The forms post to ``/cases/{id}/documents``, ``/cases/{id}/estimate`` and
    ``/cases/{id}/searched``, which answer with a redirect back here (or an
    error page), so a team member needs nothing but a browser.

    Parameters
    ----------
    case : dict
        :meth:`geosleuth.service.store.CaseStore.meta` of the case.
    log : sequence of dict
        :meth:`geosleuth.service.store.CaseStore.history` of the case.
    version : str
        geosleuth's version, shown in the footer.
    user : str or None, default None
        The user who asks, named at the top.
    case_text, case_version : str
        The case file and its version, from one read
        (:meth:`~geosleuth.service.store.CaseStore.case_text`): the page shows the
        text to edit and sends the version back with the edit.
    read_only : bool, default False
        The user is a viewer: the case file is shown as text, with no form to
        change anything, and "read-only" by the name.

    Examples
    --------
    >>> page = case_page({"id": "x", "title": "<i>t</i>", "target": "a",
    ...                   "documents": [{"name": "r.txt", "uploaded_by": "<b>"}],
    ...                   "runs": []},
    ...                  [{"at": "2024", "user": "ana", "action": "created",
    ...                    "title": "<i>t</i>"}], version="1.0.0")
    >>> "<i>" in page, "&lt;i&gt;t&lt;/i&gt;" in page, "&lt;b&gt;" in page
    (False, True, True)
    """
    cid = quote(str(case.get("id", "")), safe="")
    docs = case.get("documents") or []
    doc_rows = "".join(_doc_row(cid, d, read_only) for d in docs) or (
        '<tr><td colspan="6" class="muted">No reports yet.</td></tr>'
    )
    removed = "".join(
        f"<tr><td>{_e(r.get('name'))}</td><td>{_published(r)}</td>"
        f"<td>{_e(r.get('uploaded_by') or '-')}</td><td>"
        + (
            ""
            if read_only
            else f'<form method="post" class="who" action="/cases/{cid}/removed/'
            f'{quote(str(r.get("id", "")), safe="")}/restore">'
            '<button type="submit">restore</button></form>'
        )
        + "</td></tr>"
        for r in case.get("removed") or []
    )
    removed_html = (
        "<details><summary>Removed reports</summary><table><thead><tr><th>name</th>"
        "<th>published</th><th>uploaded by</th><th></th></tr></thead>"
        f"<tbody>{removed}</tbody></table></details>"
        if removed
        else ""
    )
    runs = list(reversed(case.get("runs") or []))
    run_rows = "".join(_run_row(cid, r) for r in runs) or (
        '<tr><td colspan="8" class="muted">No estimate yet.</td></tr>'
    )
    log_rows = (
        "".join(
            f"<tr><td>{_e(e.get('at'))}</td><td>{_e(e.get('user') or '-')}</td>"
            f"<td>{_e(e.get('action'))}</td><td>{_e(_detail(e))}</td></tr>"
            for e in reversed(log)
        )
        or '<tr><td colspan="4" class="muted">Nothing logged.</td></tr>'
    )
    who = _who(user, read_only)
    action = f"/cases/{cid}"
    estimate_form = (
        f'<form method="post" action="{action}/estimate">'
        "<strong>Run an estimate</strong> (every field may be left empty)<br>"
        '<label>as of <input type="date" name="as_of"></label>'
        '<label>at (time of day, optional) <input type="time" name="as_of_time">'
        "</label>"
        '<label>publication date of undated reports <input type="date" '
        'name="published"></label><br>'
        '<label>search budget, km <input type="number" name="budget_km" '
        'step="any" min="0"></label>'
        '<label>sweep width, km <input type="number" name="sweep_width_km" '
        'step="any" min="0"></label> '
        '<button type="submit">Estimate</button></form>'
    )
    case_file = (
        f'<form method="post" action="{action}/case">'
        f"Version <code>{_e(case_version)}</code> "
        f'(<a href="/api/cases/{cid}/case.yaml">case.yaml</a>; its format: '
        "<code>geosleuth schema</code>). Edit it here and save:<br>"
        '<textarea name="text" rows="18" cols="100" spellcheck="false" '
        f'style="width:100%;font-family:monospace">\n{_text(case_text)}</textarea>'
        f'<input type="hidden" name="base" value="{_e(case_version)}">'
        '<button type="submit">Save the case file</button> <span class="muted">'
        "The old version is kept; if someone changed the file since this page was "
        "loaded, nothing is saved.</span></form>"
    )
    upload_form = (
        f'<form method="post" action="{action}/documents" '
        'enctype="multipart/form-data"><strong>Add a report</strong> (.txt, .md or '
        '.html; it is read once, now)<br><input type="file" name="document" '
        'accept=".txt,.md,.markdown,.html,.htm" required> '
        '<label>published <input type="date" name="published"></label> '
        '<button type="submit">Upload</button></form>'
    )
    searched_form = (
        '<h2 id="searched">Record a search that found nothing</h2>'
        f'<form method="post" action="{action}/searched" '
        'enctype="multipart/form-data">'
        '<label>date <input type="date" name="date" required></label>'
        '<label>time <input type="time" name="time"></label>'
        '<label>probability of detection <input type="number" name="pd" '
        'step="any" min="0" max="1" required></label>'
        '<label>team <input type="text" name="team"></label><br>'
        "Area, as a box: "
        '<label>west <input type="number" name="west" step="any"></label>'
        '<label>south <input type="number" name="south" step="any"></label>'
        '<label>east <input type="number" name="east" step="any"></label>'
        '<label>north <input type="number" name="north" step="any"></label><br>'
        "or a disc: "
        '<label>lon <input type="number" name="lon" step="any"></label>'
        '<label>lat <input type="number" name="lat" step="any"></label>'
        '<label>radius, km <input type="number" name="radius_km" step="any" '
        'min="0"></label><br>'
        "or the GPS file the team's unit gave back: "
        '<label>GPX, KML or GeoJSON <input type="file" name="gps" '
        'accept=".gpx,.kml,.geojson,.json"></label>'
        '<label>buffer around its track, km <input type="number" '
        'name="buffer_km" step="any" min="0"></label><br>'
        '<label>note <input class="wide" type="text" name="note"></label> '
        '<button type="submit">Record</button></form>'
    )
    if read_only:  # what a viewer may not post is not offered
        estimate_form = upload_form = searched_form = ""
        case_file = (
            f"Version <code>{_e(case_version)}</code> "
            f'(<a href="/api/cases/{cid}/case.yaml">case.yaml</a>):'
            f"<pre>{_e(case_text)}</pre>"
        )
    body = (
        f'{who}<p><a href="/">All cases</a></p>'
        f"<h1>{_e(case.get('title'))}</h1>"
        f'<p class="sub">Target: {_e(case.get("target"))} · created '
        f"{_e(case.get('created'))}"
        + (f" by {_e(case.get('created_by'))}" if case.get("created_by") else "")
        + f' · <a href="/api/cases/{cid}/case.yaml">case.yaml</a></p>'
        '<h2 id="runs">Estimates</h2>'
        "<table><thead><tr><th>run</th><th>made</th><th>by</th><th>as of</th>"
        "<th>where</th><th>50 / 90 % area</th><th>reports read</th>"
        "<th>files</th></tr></thead>"
        f"<tbody>{run_rows}</tbody></table>{estimate_form}"
        f'<h2 id="case-file">Case file</h2>{case_file}'
        '<h2 id="documents">Reports</h2>'
        "<table><thead><tr><th>name</th><th>published</th><th>uploaded</th>"
        '<th>by</th><th class="num">bytes</th><th></th></tr></thead>'
        f"<tbody>{doc_rows}</tbody></table>{removed_html}{upload_form}"
        f"{searched_form}"
        '<h2 id="log">Log</h2>'
        "<table><thead><tr><th>when</th><th>who</th><th>what</th><th>detail</th>"
        f"</tr></thead><tbody>{log_rows}</tbody></table>"
        f'<p class="muted">geosleuth {_e(version)} · '
        f'<a href="/api/cases/{cid}">this case as JSON</a></p>'
    )
    return _page(f"geosleuth: {case.get('title') or case.get('id')}", body)


def remove_page(case: dict[str, Any], name: str, *, read_only: bool = False) -> str:
    """Asks whether to take document ``name`` out of ``case`` (escaped).

    The page's button posts to the same address; nothing happens on a GET. For a
    viewer (``read_only``) the page says that removing needs an editor, and has
    no button.

    Examples
    --------
    >>> page = remove_page({"id": "x", "title": "<t>"}, "a<b>.txt")
    >>> "a&lt;b&gt;.txt" in page, "/documents/a%3Cb%3E.txt/remove" in page
    (True, True)
    """
    cid = quote(str(case.get("id", "")), safe="")
    doc = quote(name, safe="")
    if read_only:
        body = (
            f"<h1>Remove {_e(name)}?</h1>"
            '<p class="sub">You may read this case (read-only); removing a report '
            "needs the role editor.</p>"
            f'<p><a href="/cases/{cid}#documents">Back to the case</a></p>'
        )
        return _page(f"geosleuth: remove {name}", body)
    body = (
        f"<h1>Remove {_e(name)}?</h1>"
        f'<p class="sub">From {_e(case.get("title"))}. Later estimates leave it and '
        "what was read from it out; the file is kept aside on the server, and the "
        "case's log says who removed it.</p>"
        f'<form method="post" action="/cases/{cid}/documents/{doc}/remove">'
        '<button type="submit">Remove it</button> '
        f'<a href="/cases/{cid}#documents">Keep it</a></form>'
    )
    return _page(f"geosleuth: remove {name}", body)
