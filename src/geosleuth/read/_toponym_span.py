"""A candidate toponym: a span of text, the places it may name, and its weights.

:class:`_Span` is what detection (:mod:`geosleuth.read._toponym_detect`, with
:mod:`geosleuth.read._toponym_features`) makes of a name: its offsets and
words, its candidate places with their match weights, its role (a place or a
demonym), the signals for a place name, its qualifier and the names it is listed
with. Resolution (:mod:`geosleuth.read._toponym_resolve`) picks its place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from geosleuth.read.toponyms import MentionRole

__all__ = ["_Span"]


@dataclass(slots=True)
class _Span:
    start: int
    end: int
    text: str
    cands: list[tuple[int, float]]
    loose: bool = False
    role: MentionRole = "place"
    signals: float = 0.0
    ner: str = ""
    qualifier: tuple[str, str] | None = None
    pick: int = -1
    probs: dict[int, float] = field(default_factory=dict)
    inner: bool = False
    listed_with: list[int] = field(default_factory=list)  # live-span indices
    after_town: bool = False  # "Buffalo, New York": the division of the town before
    shaped: bool = False  # named like a feature, street or airport ("Mount Rainier")
    beach: bool = False  # "Patong Beach" read as its town: unresolved where far
    brand: bool = False  # of a team's or product's name: "Georgia Bulldogs cap"
    owned: bool = False  # an owner's name: "Santiago's ranch"
    compass: bool = False  # after a compass word: "West Yorkshire", "South Armagh"
    aloof: bool = False  # such a town, near none of the others: lends no support
