"""The JSON Schema of case files (:data:`CASE_SCHEMA`).

It is published as ``docs/case.schema.json`` and printed by ``geosleuth schema``;
kept apart from :mod:`geosleuth.casefile`, which validates case files against it and
turns them into evidence.
"""

from __future__ import annotations

from typing import Any

from geosleuth.evidence import KINDS

__all__ = ["CASE_SCHEMA"]

_DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_AS_OF = {
    "type": "string",
    "pattern": r"^\d{4}-\d{2}-\d{2}([T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?)?$",
    "description": "The day the estimate is for (its end), or a time of day on it: "
    "2024-10-13 or 2024-10-13T07:00 (the case's one clock).",
}
_TIME = {
    "type": "string",
    "pattern": r"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$",
}
_GRADE = {"type": "string", "pattern": "^[A-Fa-f][1-6]$"}
_LONLAT = {
    "type": "object",
    "required": ["lon", "lat"],
    "properties": {"lon": {"type": "number"}, "lat": {"type": "number"}},
    "additionalProperties": False,
}
_PLACE_REF = {
    "description": "A place name (case places, then gazetteer), {lon, lat}, or a "
    "GeoJSON geometry.",
    "anyOf": [
        {"type": "string", "minLength": 1},
        _LONLAT,
        {"type": "object", "required": ["type", "coordinates"]},
    ],
}
_COMMON = {
    "id": {"type": "string", "minLength": 1},
    "kind": {"enum": sorted(KINDS)},
    "document": {"type": "string", "description": "Key into 'documents'."},
    "quote": {"type": "string"},
    "span": {
        "type": "array",
        "items": {"type": "integer", "minimum": 0},
        "minItems": 2,
        "maxItems": 2,
    },
    "speaker": {"type": "string"},
    "speaker_role": {"type": "string"},
    "reporting_chain": {"type": "array", "items": {"type": "string"}},
    "date": _DATE,
    "date_from": _DATE,
    "time": {
        **_TIME,
        "description": "Time of day of 'date' (HH:MM, one clock for the whole case), "
        "for an item of one day (not a territory, front, event_set or rings): the "
        "target's timed sightings and claims are followed as a track in time "
        "order, a timed item is aged from its time, P(alive) takes items in time "
        "order, and only searches of one time of day are combined.",
    },
    "grade": _GRADE,
    "hedge": {"enum": ["certain", "probable", "possible", "doubtful"]},
    "note": {"type": "string"},
    "ongoing": {
        "type": "boolean",
        "description": "True throughout date_from..date and still at its end "
        "('has lived there since 2014'): aged from date, not the period's middle.",
    },
}

_PROBABILITY: dict[str, Any] = {"type": "number", "minimum": 0, "maximum": 1}


def _grade_part(keys: str) -> dict[str, Any]:
    """The schema of one part of ``settings.grades``: a probability per key."""
    return {
        "type": "object",
        "properties": dict.fromkeys(keys, _PROBABILITY),
        "additionalProperties": False,
    }


#: JSON Schema (draft 2020-12) of a case file.
CASE_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://geosleuth.invalid/schema/case.json",
    "title": "geosleuth case file",
    "description": "Dates are text, YYYY-MM-DD, as YAML 1.2 and geosleuth's own "
    "loader read an unquoted 2018-05-15. A YAML 1.1 loader (PyYAML's safe_load) "
    "makes such a value a date object, which this schema refuses as no string: "
    "validate what that loader gives with its dates written back as text, or "
    "quote the dates.",
    "type": "object",
    "required": ["target", "evidence"],
    "additionalProperties": False,
    # a case with no evidence yet (searches to be recorded) needs its region:
    # there is nothing else to draw one around
    "if": {
        "properties": {"evidence": {"maxItems": 0}},
        "required": ["evidence"],
    },
    "then": {"required": ["region"]},
    "properties": {
        "target": {"type": "string", "minLength": 1},
        "title": {"type": "string"},
        "description": {"type": "string"},
        "as_of": _AS_OF,
        "region": {
            "type": "object",
            "description": "The study region in degrees (WGS84). west > east is a "
            "box across the antimeridian (180°), as in GeoJSON.",
            "required": ["west", "south", "east", "north"],
            "properties": {
                k: {"type": "number"} for k in ("west", "south", "east", "north")
            },
            "additionalProperties": False,
        },
        "grid": {
            "type": "object",
            "properties": {
                "cell_km": {"type": "number", "exclusiveMinimum": 0},
                "max_cells": {"type": "integer", "minimum": 1},
            },
            "additionalProperties": False,
        },
        "settings": {
            "type": "object",
            "properties": {
                "diffusion_km2_per_day": {"type": "number", "minimum": 0},
                "hazard_per_year": {"type": "number", "minimum": 0},
                "prior_alive": {"type": "number", "minimum": 0, "maximum": 1},
                "place_radius_km": {"type": "number", "exclusiveMinimum": 0},
                "search_memory_days": {"type": ["number", "null"]},
                "max_reliability": {
                    "type": "number",
                    "exclusiveMinimum": 0,
                    "exclusiveMaximum": 1,
                },
                "source_correlation": {
                    "description": "Correlation assumed between the claims and "
                    "sightings of one document (0: independent, 1: a document "
                    "counts as one item).",
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1,
                },
                "rest_of_world": {
                    "description": "Probability that the target is outside the "
                    "region, before any search; unsuccessful searches raise it.",
                    "type": "number",
                    "minimum": 0,
                    "exclusiveMaximum": 1,
                },
                "grades": {
                    "description": "How grades and hedges weigh an item: "
                    "P(true) = reliability[letter] × credibility[digit] × "
                    "hedge[hedge]. Entries given replace the defaults (the "
                    "Admiralty scale read as probabilities); the rest keep them.",
                    "type": "object",
                    "properties": {
                        "reliability": _grade_part("ABCDEF"),
                        "credibility": _grade_part("123456"),
                        "hedge": {
                            "type": "object",
                            "properties": dict.fromkeys(
                                ("certain", "probable", "possible", "doubtful"),
                                _PROBABILITY,
                            ),
                            "additionalProperties": False,
                        },
                    },
                    "additionalProperties": False,
                },
            },
            "additionalProperties": False,
        },
        "documents": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "properties": {
                    "title": {"type": "string"},
                    "published": _DATE,
                    "url": {"type": "string"},
                    "publisher": {"type": "string"},
                    "path": {"type": "string"},
                },
                "additionalProperties": False,
            },
        },
        "places": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "properties": {
                    "lon": {"type": "number"},
                    "lat": {"type": "number"},
                    "line": {"type": "array"},
                    "polygon": {"type": "array"},
                    "geometry": {"type": "object"},
                    "source": {"type": "string"},
                    "rank": {
                        "type": "boolean",
                        "description": "List this place "
                        "among the ranked places (default: only places named "
                        "by sightings and claims are ranked).",
                    },
                },
                "additionalProperties": False,
            },
        },
        "evidence": {
            "description": "The evidence items. May be empty in a case with a "
            "'region', e.g. to record its first search ('geosleuth searched'); an "
            "estimate needs at least one item.",
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "kind", "date"],
                # an event set's events come inline or from a CSV file, not both;
                # weights come only from the file's column
                "dependentRequired": {"weight_column": ["csv"]},
                "not": {"required": ["csv", "events"]},
                "properties": {
                    **_COMMON,
                    "place": _PLACE_REF,
                    "area": _PLACE_REF,
                    "sigma_km": {"type": "number"},
                    "buffer_km": {"type": "number"},
                    "subject": {"enum": ["target", "associate"]},
                    "who": {"type": "string"},
                    "closeness": {"type": "number"},
                    "associate_sigma_km": {"type": "number"},
                    "group": {"type": "string"},
                    "weight": {"type": "number"},
                    "polarity": {"enum": ["is", "is_not"]},
                    "group_name": {"type": "string"},
                    "tie": {"type": "number"},
                    "force": {"type": "string"},
                    "distance_km": {"type": "number"},
                    "bearing_deg": {"type": "number"},
                    "width_km": {"type": "number"},
                    "pd": {"type": "number"},
                    "status": {"enum": ["alive", "dead"]},
                    "body": {
                        "type": "boolean",
                        "description": "A death (status 'dead') that rests on "
                        "the target's body found, weighed as a proof of life is, "
                        "not as a claim.",
                    },
                    "events": {
                        "description": "An event set's events, inline (without "
                        "weights); or give 'csv', not both.",
                        "type": "array",
                        "items": _LONLAT,
                    },
                    "csv": {
                        "type": "string",
                        "description": "Events from a CSV file "
                        "(lon, lat, optional weight), relative to the case file; "
                        "or give 'events', not both.",
                    },
                    "weight_column": {
                        "description": "The column of the 'csv' file that holds "
                        "the events' weights (needs 'csv').",
                        "type": "string",
                    },
                    "method": {"enum": ["kde", "cgt"]},
                    "quantiles_km": {
                        "description": "A rings item's table: for each percent "
                        "(strictly between 0 and 100), the distance (km) from "
                        "its place within which that share of such subjects was "
                        "found, e.g. {25: 0.6, 50: 1.2, 75: 2.1, 95: 4.8}. At "
                        "least two; the distances grow with the percent. The "
                        "statistics are the case's to give (lost-person tables, "
                        "journey-to-crime distances).",
                        "type": "object",
                        "additionalProperties": {"type": "number"},
                    },
                },
                "additionalProperties": False,
            },
        },
    },
}
