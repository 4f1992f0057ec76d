"""A case run: read the inputs, fuse, trace the timeline, plan, write the outputs.

:func:`locate_case` is what ``geosleuth locate`` and the web service run: case files,
articles and ``geosleuth read`` outputs in; ``estimate.json``, ``estimate.geojson``,
``report.html``, ``map.png`` and ``posterior.npz`` out. :func:`append_items` adds
evidence to a case file under a lock (``geosleuth searched``, the service's searches).
Neither prints: progress goes to an optional callback, warnings through
:mod:`warnings`.

Modules
-------
One a sub-concept, each public name re-exported here:
:mod:`~geosleuth.locate._inputs` (what a run reads, gathered into one:
:class:`DocumentTally`), :mod:`~geosleuth.locate._checks` (the warnings about the
evidence and the map: :func:`warn_prior_only`, :func:`one_speaker_groups`,
:data:`YEARS_BEFORE_NEWEST`), :mod:`~geosleuth.locate._timeline` (hindcasts and the
timeline: :func:`fuse_known_by`, :func:`known_by_of`, :func:`timeline_of`,
:data:`TIMELINE_POINTS`), :mod:`~geosleuth.locate._outputs` (the files written, the
search plan: :func:`plan_summary`), :mod:`~geosleuth.locate._run` (the run itself:
:func:`locate_case`) and :mod:`~geosleuth.locate._append` (items added to a case file:
:func:`append_items`, :func:`search_item`, :func:`search_vs_as_of`).
"""

from __future__ import annotations

from geosleuth.locate._append import append_items, search_item, search_vs_as_of
from geosleuth.locate._checks import GROUP_MOVES_THE_MAP as GROUP_MOVES_THE_MAP
from geosleuth.locate._checks import MOVES_THE_MAP as MOVES_THE_MAP
from geosleuth.locate._checks import YEARS_BEFORE_NEWEST as YEARS_BEFORE_NEWEST
from geosleuth.locate._checks import one_speaker_groups as one_speaker_groups
from geosleuth.locate._checks import warn_prior_only
from geosleuth.locate._inputs import DocumentTally
from geosleuth.locate._outputs import plan_summary
from geosleuth.locate._run import locate_case
from geosleuth.locate._timeline import (
    TIMELINE_POINTS,
    fuse_known_by,
    known_by_of,
    timeline_of,
)

__all__ = [
    "TIMELINE_POINTS",
    "DocumentTally",
    "append_items",
    "fuse_known_by",
    "known_by_of",
    "locate_case",
    "plan_summary",
    "search_item",
    "search_vs_as_of",
    "timeline_of",
    "warn_prior_only",
]
