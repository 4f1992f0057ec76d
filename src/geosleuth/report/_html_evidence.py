"""The evidence in the HTML report: its table rows, map layer and popups.

:class:`Rows` computes once what the report says about each item (used or left
out and why, P(true), map shift); :func:`evidence_table` and
:func:`evidence_layer` draw from it, with every text escaped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from geosleuth.evidence import (
    Claim,
    EvidenceItem,
    Front,
    LifeStatus,
    Rings,
    Searched,
    Sighting,
    Territory,
    time_text,
)
from geosleuth.fuse import Estimate
from geosleuth.fuse.track import TRACK
from geosleuth.geometry import Point
from geosleuth.report._html_text import esc, pct
from geosleuth.report._style import KIND_COLORS, KIND_LABELS
from geosleuth.report.geojson import evidence_geometry
from geosleuth.report.text import about_a_source

__all__ = [
    "Rows",
    "date_text",
    "evidence_layer",
    "evidence_table",
    "popup",
    "radius_m",
    "ring_radii_km",
    "source_html",
    "what",
]


def date_text(item: EvidenceItem) -> str:
    if item.date_from is not None and item.date_from != item.date:
        return f"{item.date_from.isoformat()} – {item.date.isoformat()}"
    if item.time is not None:
        return f"{item.date.isoformat()} {time_text(item.time)}"
    return item.date.isoformat()


def what(item: EvidenceItem) -> str:
    """A short plain-text statement of what the item says (unescaped)."""
    name = getattr(item, "place_name", None) or ""
    if isinstance(item, Sighting):
        who = (
            "the target"
            if item.subject == "target"
            else (f"associate {item.who}" if item.who else "an associate")
        )
        if item.who and item.who.startswith("the target's "):
            who = item.who  # a trace: "the target's car seen at Aspen"
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
        if item.status == "alive":
            return "proof of life"
        return "death: the target's body found" if item.body else "claim of death"
    if isinstance(item, Rings):
        table = ", ".join(f"{p:g} % within {km:g} km" for p, km in item.quantiles_km)
        return f"found from {name or 'a place'}: {table}"
    return f"{item.lons.size} events ({item.method})"


def ring_radii_km(item: EvidenceItem) -> list[float]:
    """The quantile distances of a :class:`Rings` item, km (none for others)."""
    return [km for _, km in item.quantiles_km] if isinstance(item, Rings) else []


def radius_m(item: EvidenceItem) -> float | None:
    if isinstance(item, (Claim, Searched)) and isinstance(
        getattr(item, "place", None) or getattr(item, "area", None), Point
    ):
        r = item.buffer_km
        return r * 1000.0 if r > 0 else None
    if isinstance(item, Sighting) and isinstance(item.place, Point):
        return item.sigma_km * 1000.0
    return None


class Rows:
    """What the report says about each item, computed once."""

    def __init__(
        self,
        estimate: Estimate,
        items: Sequence[EvidenceItem],
        place_sources: Mapping[str, str] | None = None,
    ) -> None:
        self.place_sources = dict(place_sources or {})
        self.used = set(estimate.used)
        self.reasons = dict(estimate.excluded)
        self.contrib = {c.item_id: c for c in estimate.contributions}
        self.grades = estimate.settings.grades
        self.life = not about_a_source(estimate)  # a source has no P(alive)
        self.found = dict(estimate.search_found)  # each search's POS on its day

    def status(self, item: EvidenceItem) -> tuple[str, str]:
        if item.id in self.used:
            return "used", "used"
        if item.id in self.reasons:
            return "excluded", f"left out: {self.reasons[item.id]}"
        return "excluded", "not given to this estimate"

    def p_true(self, item: EvidenceItem) -> float:
        return float(item.p_true(self.grades))

    def coordinates(self, item: EvidenceItem) -> str:
        """Where the item's place's coordinates come from, as the case says; ""."""
        name = getattr(item, "place_name", None)
        source = self.place_sources.get(name) if name else None
        return f"coordinates: {source}" if source else ""

    def shift(self, item: EvidenceItem) -> str:
        c = self.contrib.get(item.id)
        if c is None:
            return "–"
        text = f"{c.map_shift:.3f}"
        if c.whole is not None:
            what = "track" if c.whole == TRACK else f"group {c.whole}"
            text += f" (the whole {what}'s, left out at once)"
        if c.p_alive_shift and self.life:
            # a shift too small to show is 0.000, not "-0.000"
            shift = round(c.p_alive_shift, 3)
            text += f"; ΔP(alive) {shift:+.3f}" if shift else "; ΔP(alive) 0.000"
        if c.weight < 1.0:
            text += f"; weight {c.weight:.2f} (shares its source)"
        if item.id in self.found:
            text += (
                f"; would have found a target in the region with probability "
                f"{pct(self.found[item.id])} on the map of its day"
            )
        return text


def source_html(item: EvidenceItem, *, link: bool) -> str:
    prov = item.provenance
    parts = [f'<span class="doc">{esc(prov.document)}</span>']
    if prov.span is not None:
        parts.append(f"<span>characters {prov.span[0]}–{prov.span[1]}</span>")
    if prov.speaker or prov.speaker_role:
        who = esc(prov.speaker or "")
        if prov.speaker_role:
            who += (
                f" ({esc(prov.speaker_role)})"
                if prov.speaker
                else esc(prov.speaker_role)
            )
        parts.append(f"<span>— {who}</span>")
    if prov.reporting_chain:
        parts.append(f"<span>via {esc(' → '.join(prov.reporting_chain))}</span>")
    if prov.published:
        parts.append(f"<span>published {esc(prov.published.isoformat())}</span>")
    url = (prov.url or "").strip()
    if url:
        if link and url.lower().startswith(("https://", "http://")):
            parts.append(
                f'<a class="url" href="{esc(url)}" rel="noreferrer noopener" '
                f'target="_blank">{esc(url)}</a>'
            )
        else:
            parts.append(f'<span class="url">{esc(url)}</span>')
    return "<br>".join(parts)


def popup(item: EvidenceItem, rows: Rows, anchor: str) -> str:
    prov = item.provenance
    name = getattr(item, "place_name", None)
    head = f"<b>{esc(item.id)}</b> · {esc(KIND_LABELS.get(item.kind, item.kind))}"
    if name:
        head += f" — {esc(name)}"
    out = [
        f'<div class="gs-pop"><div class="gs-pop-h">{head}</div>',
        f"<div>{esc(what(item))}</div>",
    ]
    if rows.coordinates(item):
        out.append(f"<div>{esc(rows.coordinates(item))}</div>")
    if prov.quote:
        out.append(f"<blockquote>{esc(prov.quote)}</blockquote>")
    out.append(f'<div class="gs-pop-src">{source_html(item, link=False)}</div>')
    grade = str(item.grade) if item.grade else "ungraded"
    out.append(
        f'<div class="gs-pop-meta">dated {esc(date_text(item))} · grade {esc(grade)} · '
        f"hedge {esc(item.hedge)} · P(true) {rows.p_true(item):.2f} · "
        f"map shift {esc(rows.shift(item))}</div>"
    )
    status, why = rows.status(item)
    if status != "used":
        out.append(f'<div class="gs-pop-x">{esc(why)}</div>')
    out.append(f'<a href="#{anchor}">Row in the evidence table</a></div>')
    return "".join(out)


def evidence_layer(items: Sequence[EvidenceItem], rows: Rows) -> list[dict[str, Any]]:
    out = []
    for i, item in enumerate(items):
        geom = evidence_geometry(item)
        if geom is None:
            continue
        status, _ = rows.status(item)
        rad = radius_m(item)
        out.append(
            {
                "geometry": geom,
                "kind": item.kind,
                "color": KIND_COLORS.get(item.kind, "#333333"),
                "used": status == "used",
                "radius_m": rad,
                # a ring model's quantile distances, drawn as circles
                **(
                    {"radii_m": [km * 1000.0 for km in ring_radii_km(item)]}
                    if isinstance(item, Rings)
                    else {}
                ),
                "popup": popup(item, rows, f"ev-{i}"),
            }
        )
    return out


#: The words of the Admiralty scale, by reliability letter and credibility digit.
_RELIABILITY_WORDS = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "cannot be judged",
}
_CREDIBILITY_WORDS = {
    1: "confirmed",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "cannot be judged",
}


def evidence_key(items: Sequence[EvidenceItem], rows: Rows) -> str:
    """A key to the evidence table's columns and short forms, as its items use them.

    The grade and hedge probabilities are those of the grade table the estimate
    used (``settings.grades``), so that each P(true) in the table can be made
    again by hand; the short forms of the rows ("σ", "within", "tie",
    "ΔP(alive)") are explained only when some row shows them.

    Examples
    --------
    >>> class _Rows:  # what the key reads of the table's rows
    ...     from geosleuth.evidence import DEFAULT_GRADES as grades
    ...     life = False
    >>> key = evidence_key([], _Rows())  # type: ignore[arg-type]
    >>> "B usually reliable 0.85" in key, "possible 0.5" in key
    (True, True)
    """
    g = rows.grades
    letters = ", ".join(
        f"{k} {_RELIABILITY_WORDS.get(k, '')} {p:g}".replace("  ", " ")
        for k, p in g.reliability_p
    )
    digits = ", ".join(
        f"{k} {_CREDIBILITY_WORDS.get(k, '')} {p:g}".replace("  ", " ")
        for k, p in g.credibility_p
    )
    hedges = ", ".join(f"{h} {p:g}" for h, p in g.hedge_p)
    parts = [
        "<i>Grade</i>: the source's reliability (a letter) and the credibility of "
        f"what it says (a digit), on the Admiralty scale, read as probabilities: "
        f"{esc(letters)}; {esc(digits)}.",
        "<i>Hedge</i>: how sure the report's own words are (“may” is possible, "
        f"“believed to” probable): {esc(hedges)}.",
    ]
    kinds = {type(i) for i in items}
    also = [
        words
        for kind, words in (
            (Sighting, "× closeness for the sighting of an associate"),
            (Territory, "× tie for a territory"),
        )
        if kind in kinds
    ]
    parts.append(
        "<i>P(true)</i> = reliability × credibility × hedge"
        + (f" ({'; '.join(also)})" if also else "")
        + "."
    )
    if Sighting in kinds:
        parts.append(
            "<i>σ</i>: the spread of a sighting around its place (how far off it "
            "may be)."
        )
    if Claim in kinds:
        parts.append(
            "<i>within N km</i>: a claim's region is its place widened by N km "
            "(0: the place's own shape), with a soft edge."
        )
    if Rings in kinds:
        parts.append(
            "<i>N % within D km</i>: of such subjects (the case's statistics), "
            "N % were found within D km of the place; each ring between two "
            "distances holds its share spread over its area, the rest beyond "
            "the last falls off (drawn as circles on the map)."
        )
    if Territory in kinds:
        parts.append(
            "<i>tie</i>: how strongly the target is tied to the group that "
            "holds the area (a factor of P(true); 1: surely with it)."
        )
    if rows.life:
        parts.append(
            "<i>ΔP(alive)</i>: P(alive) with the item minus without it (the "
            "earliest item also starts the clock of the hazard, so leaving it "
            "out can raise P(alive) even for a proof of life)."
        )
    return '<p class="key">' + " ".join(parts) + "</p>"


def evidence_table(items: Sequence[EvidenceItem], rows: Rows) -> str:
    head = (
        "<tr><th>#</th><th>Id</th><th>Kind</th><th>Place</th><th>Date</th>"
        "<th>Grade</th><th>Hedge</th><th title='Probability that the item is true: "
        "grade × hedge, × closeness for the sighting of an associate, and × tie "
        "for a territory'>P(true)</th><th title='Total-variation distance between "
        "the map with and without the item (0: no effect, 1: disjoint)"
        + (
            ". ΔP(alive): P(alive) with the item minus without it; the earliest "
            "item also starts the clock of the hazard, so leaving it out can raise "
            "P(alive) even for a proof of life"
            if rows.life
            else ""
        )
        + "'>Map shift</th>"
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
        note = f'<div class="note">Note: {esc(item.note)}</div>' if item.note else ""
        colour = KIND_COLORS.get(item.kind, "#333333")
        body.append(
            f'<tr id="ev-{i}" class="{status}">'
            f"<td>{i + 1}</td><td><code>{esc(item.id)}</code></td>"
            f'<td><span class="dot" style="background:{colour}"></span>'
            f"{esc(KIND_LABELS.get(item.kind, item.kind))}</td>"
            f"<td>{esc(getattr(item, 'place_name', None) or '')}"
            f'<div class="what">{esc(what(item))}</div>'
            + (
                f'<div class="what">{esc(rows.coordinates(item))}</div>'
                if rows.coordinates(item)
                else ""
            )
            + "</td>"
            f'<td class="nowrap">{esc(date_text(item))}</td>'
            f"<td>{esc(item.grade or '–')}</td><td>{esc(item.hedge)}</td>"
            f'<td class="num">{rows.p_true(item):.2f}</td>'
            f'<td class="num">{esc(rows.shift(item))}{bar}</td>'
            f"<td>{esc(why)}</td>"
            f"<td>{f'<q>{esc(quote)}</q>' if quote else ''}{note}</td>"
            f'<td class="src">{source_html(item, link=True)}</td></tr>'
        )
    return (
        f'<table class="evidence"><thead>{head}</thead><tbody>{"".join(body)}'
        "</tbody></table>"
    )
