"""Denials of one of two events a sentence told, by the next sentence.

Helper of :mod:`geosleuth.read.sightings` (review r217). "Salcedo was seen in
Culiacán and *arrested in Durango*, media reported. Police denied that he had
been arrested.": the next sentence denies the arrest, a verb joined to the
seeing, and takes back the places of that verb alone (Durango); the seeing
and its place (Culiacán) stay (:func:`denied_joined`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from geosleuth.read._sentence import MentionLike, Sentence
from geosleuth.read._sighting_denials import _denied_next
from geosleuth.read._told_again import told_kind

__all__ = ["denied_joined"]


def denied_joined(
    s: Sentence, at: int, places: Sequence[MentionLike]
) -> list[tuple[MentionLike, str]]:
    """The places of ``places`` whose event the next sentence denies, with its cue.

    Those of a verb joined to the seeing at offset ``at``, of another kind
    ("seen in Culiacán and *arrested in Durango*"), whose event the next
    sentence tells again and denies (as
    :func:`~geosleuth.read._sighting_denials._denied_next` reads a denial of
    the seeing itself). None for a verb of the seeing's own kind, whose denial
    is the seeing's.
    """
    if s.sent is None:
        return []
    verb = next((t for t in s.sent if t.idx == at), None)
    if verb is None:
        return []
    kind = told_kind(verb)
    out: list[tuple[MentionLike, str]] = []
    for joined in verb.conjuncts:
        own = told_kind(joined)
        if joined.i < verb.i or own is None or own == kind:
            continue
        denied = _denied_next(joined, s.target, s.places)
        if denied is None:
            continue
        first, last = joined.left_edge.idx, joined.right_edge.idx
        out += [
            (m, denied[1])
            for m in places
            if first <= m.start <= last
            and _under(joined, m.start)
            and all(m is not n for n, _ in out)
        ]
    return out


def _under(verb: Any, start: int) -> bool:
    """Whether the word at offset ``start`` hangs under ``verb``."""
    tok = next((t for t in verb.subtree if t.idx == start), None)
    return tok is not None
