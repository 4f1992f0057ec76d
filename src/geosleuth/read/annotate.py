"""An annotated HTML view of a :class:`~geosleuth.read.document.Reading`.

Each sentence is shown with its place mentions highlighted (the resolved name and
coordinates on hover), followed by the evidence taken from it (kind, place,
speaker, hedge, grade, date, note) and what was seen there but not used, with the
reason. The page is self-contained (inline CSS, no script, no external request)
and every piece of text that comes from the document goes through
:func:`html.escape`, so an article holding ``<script>`` or ``"><img onerror=...>``
shows it as text.
"""

from __future__ import annotations

import html
import math
from typing import Any

from geosleuth.read.document import Reading
from geosleuth.report.text import plain

__all__ = ["annotate_html"]

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:2em auto;max-width:60em;color:#222}
h1{font-size:1.4em}.meta{color:#555;font-size:.9em}
.s{margin:.6em 0;padding:.4em .6em;border-left:3px solid #ddd}
.s.ev{border-left-color:#c33}.t{white-space:pre-wrap}
mark{background:#ffe08a;border-radius:2px;padding:0 1px}
mark.x{background:#ddd;text-decoration:line-through}
ul{margin:.2em 0 .2em 1.2em;padding:0;font-size:.9em}
li.item{color:#822}li.rej{color:#777}li.unused{color:#a60}
code{font-size:.9em}table{border-collapse:collapse;font-size:.9em}
td,th{border:1px solid #ddd;padding:2px 6px;text-align:left}
"""


def _e(value: Any) -> str:
    # bidi controls dropped, as in the report: an override after a speaker's
    # name would show the item's grade and date reversed
    return html.escape(plain(value), quote=True)


def _coords(m: Any) -> str:
    if math.isnan(m.lat) or math.isnan(m.lon):
        return "unresolved"
    return f"{m.lat:.4f}, {m.lon:.4f}"


def _mark(text: str, start: int, end: int, mentions: list[Any]) -> str:
    out: list[str] = []
    pos = start
    for m in sorted(mentions, key=lambda m: m.start):
        if m.start < pos or m.end > end:
            continue
        out.append(_e(text[pos : m.start]))
        tip = f"{m.name or '?'} ({_coords(m)}), confidence {round(m.confidence, 4):.4g}"
        role = getattr(m, "role", "place")
        if role != "place":
            tip += f", used as {role}"
        out.append(f'<mark title="{_e(tip)}">{_e(text[m.start : m.end])}</mark>')
        pos = m.end
    out.append(_e(text[pos:end]))
    return "".join(out)


def _item_line(item: Any) -> str:
    d = item.to_dict()
    what = item.kind
    if item.kind == "claim" and d.get("polarity") == "is_not":
        what += " (is not)"
    if item.kind == "sighting":
        what += f" of {d.get('who') or d.get('subject')}"
    if item.kind == "life_status":
        what += f": {d.get('status')}"
    if item.kind == "front":
        what += (
            f": {d.get('force')} {d.get('distance_km'):g} km from, bearing "
            f"{d.get('bearing_deg'):g}°"
        )
    parts = [f"<b>{_e(what)}</b>"]
    if d.get("place_name"):
        parts.append(f"place <b>{_e(d['place_name'])}</b>")
    p = item.provenance
    if p.speaker:
        who = p.speaker + (f" ({p.speaker_role})" if p.speaker_role else "")
        parts.append(f"speaker {_e(who)}")
    if p.reporting_chain:
        parts.append(f"via {_e(', '.join(p.reporting_chain))}")
    parts.append(f"hedge {_e(item.hedge)}")
    parts.append(f"grade {_e(item.grade or '—')}")
    date = item.date.isoformat()
    if item.date_from is not None:
        date = f"{item.date_from.isoformat()}..{date}"
    parts.append(f"date {_e(date)}")
    line = " · ".join(parts)
    if item.note:
        line += f"<br><small>{_e(item.note)}</small>"
    return f'<li class="item"><code>{_e(item.id)}</code> {line}</li>'


def annotate_html(reading: Reading) -> str:
    """Render ``reading`` as a self-contained, escaped HTML page.

    Parameters
    ----------
    reading : Reading
        The document read.

    Returns
    -------
    str
        A complete HTML document.

    Examples
    --------
    >>> import datetime as dt
    >>> r = Reading("d", "<b>t</b>", "x <script>", dt.date(2018, 5, 15), (), (),
    ...             ((0, 10),), (), (), None, "d.txt")
    >>> page = annotate_html(r)
    >>> "<script>" in page, "&lt;script&gt;" in page
    (False, True)
    """
    text = reading.text
    rows: list[str] = []
    for start, end in reading.sentences:
        items = [
            it
            for it in reading.evidence
            if it.provenance.span is not None and start <= it.provenance.span[0] < end
        ]
        rejected = [r for r in reading.rejected if start <= r.span[0] < end]
        unused = [r for r in reading.unused if start <= r.span[0] < end]
        mentions = [m for m in reading.mentions if start <= m.start < end]
        cls = "s ev" if items else "s"
        body = _mark(text, start, end, mentions)
        lines = [_item_line(it) for it in items]
        lines += [
            f'<li class="rej">not used ({_e(r.reason)}): {_e(r.detail)}</li>'
            for r in rejected
        ]
        lines += [
            f'<li class="unused">nothing read: {_e(r.detail)}</li>' for r in unused
        ]
        listing = f"<ul>{''.join(lines)}</ul>" if lines else ""
        rows.append(
            f'<div class="{cls}" id="s{start}"><div class="t">{body}</div>'
            f"{listing}</div>"
        )
    kinds: dict[str, int] = {}
    for it in reading.evidence:
        kinds[it.kind] = kinds.get(it.kind, 0) + 1
    summary = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) or "no items"
    notes = "".join(f"<li>{_e(n)}</li>" for n in reading.notes)
    title = reading.title or reading.source
    meta = (
        f"source {_e(reading.source)} · published "
        f"{_e(reading.published.isoformat() if reading.published else 'unknown')}"
        f" · target {_e(reading.target or 'none')} · {len(reading.mentions)} place "
        f"mentions · {_e(summary)}"
    )
    if reading.unused:
        n = len(reading.unused)
        meta += (
            f' · <a href="#s{reading.unused[0].span[0]}">{n} sentence'
            f"{'' if n == 1 else 's'} about the target gave nothing</a>, marked "
            "“nothing read”: check what the reader missed"
        )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">"
        f"<title>{_e(title)} — geosleuth read</title><style>{_CSS}</style></head>"
        f'<body><h1>{_e(title)}</h1><p class="meta">{meta}</p>'
        f'<ul class="meta">{notes}</ul>{"".join(rows)}</body></html>\n'
    )
