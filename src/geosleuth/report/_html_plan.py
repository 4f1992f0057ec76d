"""The search plan in the HTML report: its section and its sanitised map features.

A plan's features are drawn only when their geometry is valid GeoJSON with finite
numbers; popups and tables are built escaped here.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from geosleuth.errors import InputError
from geosleuth.report._html_text import esc, fmt, pct
from geosleuth.report.text import pct_fine, percent_down, track_text

__all__ = [
    "PLAN_GEOMETRIES",
    "PLAN_WEIGHT_KEYS",
    "numbers_ok",
    "plan_geometry_ok",
    "plan_parts",
    "plan_sentence",
    "plan_weight",
]

PLAN_GEOMETRIES = frozenset(
    {"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon"}
)
PLAN_WEIGHT_KEYS = ("effort_km", "effort", "weight", "pos", "probability", "pod")
#: The plan table's most columns: a band's seven of track and size, and its
#: P(here), POD and P(found here).
_MOST_COLUMNS = 10
#: Columns of probabilities, each written as a percentage: P(here) and P(found
#: here) as a cell's share of the map (:func:`~geosleuth.report.text.pct_fine`,
#: small bands told apart), POD as the field files write it (:func:`pct`, of
#: the POD rounded down).
_PERCENT_COLUMNS = {"p_here": pct_fine, "p_found": pct_fine, "pod": pct}


def plan_parts(plan: Mapping[str, Any]) -> tuple[str, list[dict[str, Any]]]:
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
    columns = columns[:_MOST_COLUMNS]
    units = _track_units(feats)
    weights = [plan_weight(f) for f in feats]
    top = max((w for w in weights if w is not None), default=0.0)
    layer = []
    for f, wt in zip(feats, weights, strict=True):
        geom = f.get("geometry")
        if not isinstance(geom, Mapping) or not plan_geometry_ok(geom):
            continue
        props = f.get("properties") or {}
        popup = "".join(
            f"<tr><th>{esc(_COLUMN_NAMES.get(str(k), k))}</th>"
            f"<td>{esc(_value_text(str(k), v, units.get(str(k))))}</td></tr>"
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
    parts = [f"<h2 id='plan'>{esc(title)}</h2>"]
    said = plan_sentence(summary)
    if said:
        parts.append(f"<p>{esc(said)}</p>")
    rest = {k: v for k, v in summary.items() if not said or k not in _SUMMARY_KEYS}
    if rest:
        parts.append(
            '<dl class="kv">'
            + "".join(
                f"<dt>{esc(_COLUMN_NAMES.get(str(k), k))}</dt><dd>{esc(fmt(v))}</dd>"
                for k, v in rest.items()
            )
            + "</dl>"
        )
    if feats and columns:
        head = "".join(f"<th>{esc(_COLUMN_NAMES.get(c, c))}</th>" for c in columns)
        body = "".join(
            "<tr>"
            + "".join(
                f"<td>{esc(_value_text(c, _props(f).get(c, ''), units.get(c)))}</td>"
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
        if "band" in columns:
            parts.append(f"<p>{_BANDS}</p>")
        parts.append(
            f'<table class="plan"><thead><tr>{head}</tr></thead><tbody>'
            f"{body}</tbody></table>{more}"
        )
    return "".join(parts), layer


#: What a band of the plan's table is
#: (:func:`~geosleuth.report.geojson.effort_bands_geojson`).
_BANDS = (
    "On the map the plan is drawn in blue, darker where more track is to be "
    "searched. Bands: the cells searched, ranked by the track each gets and "
    "split into groups of about equal count; band 1 gets the most. P(here): "
    "the probability that the target is in the band; POD: the probability "
    "that the band's track finds the target if it is there; P(found here): "
    "their product, the band's share of the plan's probability of success. "
    "(In the GPX and KML files of 'geosleuth plan', areas are labelled by "
    "their POD instead.)"
)


def _props(f: Mapping[str, Any]) -> Mapping[str, Any]:
    props = f.get("properties") or {}
    return props if isinstance(props, Mapping) else {}


def _is_track(key: str, value: Any) -> bool:
    """Whether ``value`` is a track length, in km (its key ends in ``_km``)."""
    return (
        key.endswith("_km")
        and isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(value)
        and value >= 0
    )


#: Columns of track that share one unit: a band's track per cell, its mean,
#: least and most, read side by side (review r105, L1).
_SAME_UNIT = (("effort_km", "min_effort_km", "max_effort_km"),)


def _track_units(feats: list[Mapping[str, Any]]) -> dict[str, str]:
    """The one unit of each group of track columns: "m", or "km" for long tracks.

    Each column of track lengths (a key ending in ``_km``) takes one unit, and
    the columns of :data:`_SAME_UNIT` one between them: "m" where every track
    of the group is under 1 km or one is short (under :data:`_SHORT_KM`), else
    "km". A column that mixed "0.04 km" and "8.4 m" read as two scales (review
    r60, L8), and a row of "65.0 m | 55.6 m | 0.07 km" too (review r105, L1).
    Keys of no track have no unit.

    Examples
    --------
    >>> feats = [{"properties": {"effort_km": 0.04}},
    ...          {"properties": {"effort_km": 0.0084}}]
    >>> _track_units(feats), _track_units(feats[:1])
    ({'effort_km': 'm'}, {'effort_km': 'm'})
    >>> _track_units([{"properties": {"effort_km": 0.065, "max_effort_km": 1.2,
    ...     "total_effort_km": 13.19, "cells": 3}}])
    {'effort_km': 'km', 'max_effort_km': 'km', 'total_effort_km': 'km'}
    >>> _track_units([{"properties": {"effort_km": 12.5, "min_effort_km": 0.004}}])
    {'effort_km': 'm', 'min_effort_km': 'm'}
    """
    tracks: dict[str, list[float]] = {}
    for f in feats:
        for key, value in _props(f).items():
            if _is_track(str(key), value):
                tracks.setdefault(str(key), []).append(float(value))
    group_of = {key: group for group in _SAME_UNIT for key in group}
    units: dict[str, str] = {}
    for key in tracks:
        values = [v for k in group_of.get(key, (key,)) for v in tracks.get(k, [])]
        short = any(0 < v < _SHORT_KM for v in values)
        units[key] = "m" if short or max(values) < _M_BELOW_KM else "km"
    return units


#: Below this a track is written in metres (as
#: :func:`geosleuth.report.text.track_text` does) ...
_SHORT_KM = 0.01
#: ... and a column of tracks all below this is written in metres.
_M_BELOW_KM = 1.0


def _value_text(key: str, value: Any, unit: str | None = None) -> str:
    """A plan feature's value for its table or popup: track in km, or m if short.

    ``unit`` ("km" or "m") writes a track in that unit, as the rest of its
    column (:func:`_track_units`).

    Examples
    --------
    >>> _value_text("effort_km", 6.02e-05), _value_text("cells", 111)
    ('0.1 m', '111')
    >>> _value_text("effort_km", 0.04, "m"), _value_text("effort_km", 12.5, "km")
    ('40.0 m', '12.50 km')
    >>> _value_text("p_here", 0.000412), _value_text("pod", 0.6321)
    ('0.041 %', '63.2 %')
    """
    percent = _PERCENT_COLUMNS.get(key)
    if (
        percent is not None
        and isinstance(value, (int, float))
        and not isinstance(value, bool)
    ):
        return percent(float(value))
    if not _is_track(key, value):
        return fmt(value)
    if unit == "m":
        return f"{float(value) * 1000.0:,.1f} m"
    if unit == "km":
        return f"{float(value):,.2f} km"
    return track_text(float(value))


#: The keys of :func:`geosleuth.locate.plan_summary`, said in one sentence.
_SUMMARY_KEYS = (
    "budget_km",
    "sweep_width_km",
    "rest_of_world",
    "probability_of_success",
    "cells_searched",
)
#: Column and key names of the plan's features as the table shows them.
_COLUMN_NAMES = {
    "band": "Band",
    "effort_km": "Track per cell, mean",
    "min_effort_km": "Track per cell, least",
    "max_effort_km": "Track per cell, most",
    "total_effort_km": "Track in the band",
    "cells": "Cells",
    "area_km2": "Area (km²)",
    "p_here": "P(here)",
    "pod": "POD",
    "p_found": "P(found here)",
    "budget_km": "Track to search (km)",
    "sweep_width_km": "Sweep width (km)",
    "rest_of_world": "P(outside the region)",
    "probability_of_success": "Probability of success",
    "cells_searched": "Cells searched",
}


def plan_sentence(summary: Mapping[str, Any]) -> str:
    """The summary of :func:`geosleuth.locate.plan_summary` in words, or "".

    Examples
    --------
    >>> plan_sentence({"budget_km": 20, "sweep_width_km": 0.05, "rest_of_world":
    ...     0.7051, "probability_of_success": 0.0192, "cells_searched": 444})
    '20 km of track at a sweep width of 0.05 km, spread over 444 cells, finds the target with probability 1.9 %. The target is outside the region with probability 70.5 %, where no search here can find it.'
    >>> plan_sentence({"budget_km": 20})
    ''
    """  # noqa: E501
    vals = [summary.get(k) for k in _SUMMARY_KEYS]
    if not all(
        isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
        for v in vals
    ):
        return ""
    budget, sweep, rest, pos, cells = (float(v) for v in vals)  # type: ignore[arg-type]
    text = (
        f"{budget:g} km of track at a sweep width of {sweep:g} km, spread over "
        # rounded down, as plan, its GPX and KML give it: a POS never overstated
        f"{cells:,.0f} cell{'' if cells == 1 else 's'}, finds the target with "
        "probability "
        f"{percent_down(pos, decimals=1)}."
    )
    if rest > 0:
        text += (
            f" The target is outside the region with probability {pct(rest)}, "
            "where no search here can find it."
        )
    return text


def plan_weight(f: Mapping[str, Any]) -> float | None:
    props = f.get("properties") or {}
    for key in PLAN_WEIGHT_KEYS:
        v = props.get(key) if isinstance(props, Mapping) else None
        if isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v):
            return max(float(v), 0.0)
    return None


def numbers_ok(c: Any, depth: int) -> bool:
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
    return isinstance(c, list) and all(numbers_ok(v, depth - 1) for v in c)


def plan_geometry_ok(geom: Any) -> bool:
    if not isinstance(geom, Mapping) or geom.get("type") not in PLAN_GEOMETRIES:
        return False
    depth = {
        "Point": 0,
        "MultiPoint": 1,
        "LineString": 1,
        "MultiLineString": 2,
        "Polygon": 2,
        "MultiPolygon": 3,
    }[geom["type"]]
    return numbers_ok(geom.get("coordinates"), depth)
