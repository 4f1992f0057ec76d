"""The search plan in the HTML report: its section and its sanitised map features.

A plan's features are drawn only when their geometry is valid GeoJSON with finite
numbers; popups and tables are built escaped here.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from geosleuth.errors import InputError
from geosleuth.report._html_text import esc, fmt

__all__ = [
    "PLAN_GEOMETRIES",
    "PLAN_WEIGHT_KEYS",
    "numbers_ok",
    "plan_geometry_ok",
    "plan_parts",
    "plan_weight",
]

PLAN_GEOMETRIES = frozenset(
    {"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon"}
)
PLAN_WEIGHT_KEYS = ("effort_km", "effort", "weight", "pos", "probability", "pod")


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
    columns = columns[:8]
    weights = [plan_weight(f) for f in feats]
    top = max((w for w in weights if w is not None), default=0.0)
    layer = []
    for f, wt in zip(feats, weights, strict=True):
        geom = f.get("geometry")
        if not isinstance(geom, Mapping) or not plan_geometry_ok(geom):
            continue
        props = f.get("properties") or {}
        popup = "".join(
            f"<tr><th>{esc(k)}</th><td>{esc(fmt(v))}</td></tr>"
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
    if summary:
        parts.append(
            '<dl class="kv">'
            + "".join(
                f"<dt>{esc(k)}</dt><dd>{esc(fmt(v))}</dd>" for k, v in summary.items()
            )
            + "</dl>"
        )
    if feats and columns:
        head = "".join(f"<th>{esc(c)}</th>" for c in columns)
        body = "".join(
            "<tr>"
            + "".join(
                f"<td>{esc(fmt((f.get('properties') or {}).get(c, '')))}</td>"
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
