"""Sentences about the target that gave nothing: read, and said to be unused.

A sentence that names the target (by name, title or a pronoun the reader ties
to the target) and gave no item and no reason for setting something aside is
listed as ``unused``, so that what the reader did not understand is seen, not
dropped unsaid: "The men were found alive on Tuesday" or "Recovery divers found
him" would otherwise leave no trace on the read page. An analyst reads the list
to check what the reader missed; nothing in it counts as evidence.

Not listed: a sentence with an item or a reason already (its reading is said;
a headline with no verb is set aside as a ``heading``), and one that refers to
the target only as a member of its group's leaders. A reason of a word only
(:attr:`~geosleuth.read.claims.Rejected.incidental`: a name read as a place, the
place where the words were spoken) is no reason for the sentence: "Rodrigo
Salcedo Ibarra is 45", with "Ibarra" set aside as the target's name, is listed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from geosleuth.read.claims import Rejected

if TYPE_CHECKING:
    from geosleuth.evidence import EvidenceItem
    from geosleuth.read._target_names import TargetRef

__all__ = ["unused_sentences"]

#: How the target is referred to, for a sentence to be about the target.
_ABOUT = frozenset({"name", "nisba", "title", "pronoun"})


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def unused_sentences(
    text: str,
    sentences: Sequence[tuple[int, int]],
    refs: Sequence[TargetRef],
    items: Sequence[EvidenceItem],
    rejected: Sequence[Rejected],
) -> list[Rejected]:
    """One ``unused`` row for each sentence about the target that gave nothing.

    ``sentences`` are the sentence spans of ``text``; ``refs`` the references to
    the target; a sentence gave something when an item's span, or a reason's,
    shares a character with it.

    Examples
    --------
    >>> from geosleuth.read._target_names import TargetRef
    >>> text = "Jane Doe went missing. She is 34. Rain fell."
    >>> spans = [(0, 22), (23, 33), (34, 44)]
    >>> refs = [TargetRef(0, 8, "Jane Doe", "name"), TargetRef(23, 26, "She",
    ...         "pronoun")]
    >>> seen = Rejected("no_place", "went missing, at no place", (0, 22),
    ...                 "Jane Doe went missing.")
    >>> [(r.reason, r.quote) for r in unused_sentences(text, spans, refs, [],
    ...                                               [seen])]
    [('unused', 'She is 34.')]
    """
    # a reason of a word only ("Ibarra" of the target's name read as a place,
    # "told reporters in Bogotá") says nothing of what the sentence tells of
    # the target (r31)
    said = [r.span for r in rejected if not r.incidental]
    said += [i.provenance.span for i in items if i.provenance.span is not None]
    rows: list[Rejected] = []
    for span in sentences:
        named = [r for r in refs if r.kind in _ABOUT and span[0] <= r.start < span[1]]
        if not named or any(_overlaps(span, s) for s in said):
            continue
        quote = text[span[0] : span[1]]
        if not quote.strip():
            continue
        words = ", ".join(repr(r.text) for r in named)
        rows.append(
            Rejected(
                "unused",
                f"a sentence about the target ({words}) that gave nothing: no "
                "place, sighting, search, find, trace or life status of the "
                "target was read in it",
                span,
                quote,
            )
        )
    return rows
