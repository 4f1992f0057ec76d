"""Case files: YAML an analyst writes, validated against a published JSON Schema.

A case file names the target, the study region, the documents, local places and the
evidence items; :func:`load_case` turns it into a :class:`Case` whose items are the
same :mod:`geosleuth.evidence` objects every other path produces. Errors name the
file, the line and the field: "The 'sigma_km' of sighting 's3' (case.yaml, line 41)
must be a positive number. Got -2 instead."

Places in an item (``place:``, ``area:``) are resolved in this order: an inline
GeoJSON geometry or ``{lon, lat}``; a name from the case's ``places:`` section; a name
from the offline gazetteer (:mod:`geosleuth.gazetteer`), matched exactly (any of its
GeoNames spellings, with or without the article); near misses are offered as
suggestions in the error, never taken silently.

The schema is :data:`CASE_SCHEMA` (also ``geosleuth schema``).

Modules
-------
One a sub-concept, each public name re-exported here:
:mod:`~geosleuth.casefile._case` (:class:`Case`, :func:`load_case`,
:func:`parse_case`), :mod:`~geosleuth.casefile._loader` (the YAML, loaded with the
line of each field; aliases and duplicate keys refused, :data:`MAX_YAML_NODES`),
:mod:`~geosleuth.casefile._text` (what may be stored as text, :func:`clean_text`),
:mod:`~geosleuth.casefile._schema` (the errors of a file that fails the schema),
:mod:`~geosleuth.casefile._dates` (dates, :func:`far_ahead`),
:mod:`~geosleuth.casefile._items` (places and evidence items from the entries),
:mod:`~geosleuth.casefile._region` (the study region, :func:`evidence_bounds`),
:mod:`~geosleuth.casefile._swaps` (places and regions written latitude first
refused beyond :data:`SWAP_FAR_KM`, warned of nearer, :func:`swapped_into`,
:func:`judge_swap`),
:mod:`~geosleuth.casefile._search_checks` (a search about to be recorded,
checked against the case's region and evidence: :func:`check_search`) and
:mod:`~geosleuth.casefile._writing` (items written into a case file,
:func:`dump_item_yaml`, :func:`free_search_id`).
"""

from __future__ import annotations

from geosleuth._case_schema import CASE_SCHEMA
from geosleuth.casefile._case import Case, load_case, parse_case
from geosleuth.casefile._dates import MAX_DAYS_AHEAD, far_ahead
from geosleuth.casefile._loader import MAX_YAML_NODES
from geosleuth.casefile._region import evidence_bounds
from geosleuth.casefile._search_checks import (
    CHECK_COORDINATES,
    SIGN_FAR_KM,
    SearchCheck,
    SearchNames,
    check_search,
    percent_hint,
)
from geosleuth.casefile._swaps import (
    SWAP_FAR_KM,
    SWAP_NEAR_KM,
    Swap,
    judge_swap,
    swapped_into,
)
from geosleuth.casefile._text import clean_text
from geosleuth.casefile._writing import dump_item_yaml, free_search_id

__all__ = [
    "CASE_SCHEMA",
    "CHECK_COORDINATES",
    "MAX_DAYS_AHEAD",
    "far_ahead",
    "MAX_YAML_NODES",
    "SIGN_FAR_KM",
    "SWAP_FAR_KM",
    "SWAP_NEAR_KM",
    "Case",
    "SearchCheck",
    "SearchNames",
    "Swap",
    "check_search",
    "clean_text",
    "dump_item_yaml",
    "evidence_bounds",
    "free_search_id",
    "judge_swap",
    "load_case",
    "percent_hint",
    "parse_case",
    "swapped_into",
]
