"""Which of many character spans overlap, hold or cover a span, by bisection.

The reading asks, for each word or entity of a text, whether it falls in one of
the target's references, the places or the persons: a scan of the whole list each
time, which on a long text with a reference in every sentence (a live blog) made
the reading quadratic. :class:`SpanIndex` answers the same questions in
``O(log n)``: the spans sorted by start, with the running maximum of their ends.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable

__all__ = ["SpanIndex"]


class SpanIndex:
    """Spans ``(start, end)`` (end exclusive), for overlap and containment queries.

    Examples
    --------
    >>> ix = SpanIndex([(10, 20), (0, 5), (30, 31)])
    >>> ix.overlaps(4, 12), ix.overlaps(5, 10), ix.overlaps(20, 30)
    (True, False, False)
    >>> ix.holds(11, 19), ix.holds(11, 21), ix.covers(30), ix.covers(31)
    (True, False, True, False)
    >>> SpanIndex([]).overlaps(0, 100)
    False
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        pairs = sorted(spans)
        self._starts = [a for a, _ in pairs]
        self._max_end = list(itertools.accumulate((b for _, b in pairs), max))

    def _max_end_before(self, i: int) -> int | None:
        """The largest end among the first ``i`` spans by start (None if none)."""
        return self._max_end[i - 1] if i > 0 else None

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span ``(s, e)`` has ``s < end and start < e``."""
        top = self._max_end_before(bisect.bisect_left(self._starts, end))
        return top is not None and top > start

    def holds(self, start: int, end: int) -> bool:
        """Whether a span ``(s, e)`` has ``s <= start and end <= e``."""
        top = self._max_end_before(bisect.bisect_right(self._starts, start))
        return top is not None and top >= end

    def covers(self, at: int) -> bool:
        """Whether a span ``(s, e)`` has ``s <= at < e``."""
        return self.holds(at, at + 1)
