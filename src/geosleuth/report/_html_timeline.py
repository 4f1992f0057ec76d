"""The timeline of the HTML report: an inline SVG chart and its data table.

The chart draws the probabilities of the top places, and P(alive), as steps (each
estimate holds until the next evidence arrives), with the arrivals of evidence
marked; it needs no JavaScript.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from geosleuth.evidence import as_of_text, calendar_day
from geosleuth.fuse import Estimate, TimelinePoint
from geosleuth.report._html_text import esc, pct
from geosleuth.report.text import about_a_source

__all__ = ["TIMELINE_COLORS", "timeline_names", "timeline_svg"]

TIMELINE_COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")


def timeline_names(
    estimate: Estimate,
    points: Sequence[TimelinePoint],
    k: int = 6,
) -> list[str]:
    seen = {n for p in points for n in p.probabilities}
    names = [pl.name for pl in estimate.places if pl.name in seen]
    last = points[-1].probabilities
    names += sorted((n for n in seen if n not in names), key=lambda n: -last.get(n, 0))
    return names[:k]


def timeline_svg(
    estimate: Estimate,
    points: Sequence[TimelinePoint],
    *,
    known_by: dt.date | None = None,
) -> str:
    """An inline SVG chart of the top places' probabilities and P(alive) over time.

    ``known_by`` is the estimate's, when later than its day (a hindcast): the
    points of a hindcast are with the knowledge of that day, else of the
    estimate's.
    """
    pts = sorted(points, key=lambda p: p.as_of)
    names = timeline_names(estimate, pts)
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

    known_on = max(known_by or estimate.as_of, estimate.as_of)
    title = (
        "Probability of the top places as of each event, as known on "
        f"{esc(calendar_day(known_on).isoformat())}"
        if getattr(pts[-1], "mode", "known") == "event"
        else "Probability of the top places as evidence arrived"
    )
    out = [
        f'<svg class="timeline" viewBox="0 0 {w} {h}" role="img" '
        'aria-labelledby="tl-title" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="tl-title">{title}</title>'
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
                f'y2="{top + ih}"><title>{esc(as_of_text(p.as_of))}: new '
                f"{esc(', '.join(p.new_items))}</title></line>"
            )
    ticks: list[tuple[float, str]] = []
    for p in pts:  # label dates at least 90 px apart, always the last one
        xi = x(p.as_of)
        if ticks and xi - ticks[-1][0] < 90:
            if p is not pts[-1]:
                continue
            ticks.pop()
        ticks.append((xi, as_of_text(p.as_of)))
    out.extend(
        f'<text class="xtick" x="{xi:.1f}" y="{top + ih + 18}">{esc(label)}</text>'
        for xi, label in ticks
    )
    series: list[tuple[str, str, list[float], bool]] = [
        (
            name,
            TIMELINE_COLORS[j % len(TIMELINE_COLORS)],
            [float(p.probabilities.get(name, math.nan)) for p in pts],
            False,
        )
        for j, name in enumerate(names)
    ]
    if not about_a_source(estimate):  # a source has no P(alive)
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
                f'fill="{colour}"><title>{esc(name)}: {esc(pct(v))} as of '
                f"{esc(as_of_text(p.as_of))}{esc(new)}</title></circle>"
            )
    out.append("</svg>")
    legend = "".join(
        f'<li><span class="swatch{" dashed" if dashed else ""}" '
        f'style="border-color:{colour}"></span>{esc(name)}</li>'
        for name, colour, _, dashed in series
    )
    head = "".join(f"<th>{esc(n)}</th>" for n, *_ in series)
    body = "".join(
        f"<tr><td class='nowrap'>{esc(as_of_text(p.as_of))}</td>"
        + "".join(f'<td class="num">{esc(pct(v[k]))}</td>' for _, _, v, _ in series)
        + f"<td>{esc(', '.join(p.new_items))}</td></tr>"
        for k, p in enumerate(pts)
    )
    table = (
        f'<details><summary>Timeline data</summary><table class="tl"><thead><tr>'
        f"<th>As of</th>{head}<th>New evidence</th></tr></thead><tbody>{body}"
        "</tbody></table></details>"
    )
    # review r14, F7: a run as of a point's date without a case region draws
    # its own grid around what was known then; the points share this one
    grid_note = (
        '<p class="note">Every point is computed on this report\'s grid. When the '
        "case gives no region, that grid is drawn around all the evidence as of "
        f"{esc(as_of_text(estimate.as_of))}, so a point can differ from a run as of "
        "its date (<code>locate --as-of</code>), which draws its own grid around "
        "what was known then.</p>"
    )
    return (
        "".join(out) + f'<ul class="legend tl-legend">{legend}</ul>' + grid_note + table
    )
