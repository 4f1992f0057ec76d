"""A search of "the village": the place that the sentence named before.

"Montenegrin police said they had received a tip that Vuković was staying in *a
village 15 km north of Pljevlja*, but a search of *the village* on Tuesday found
no trace of him": the search names no place of its own, but its object, a
definite noun of a settlement (:data:`PLACE_NOUNS`: "the village", "the town",
"the area"), names again the last place that the sentence named before it, not
read by another rule. It does where that place is in a phrase of the same noun
("*a village* 15 km north of Pljevlja"), or is a town or city that "the town",
"the city" or "the village" can name ("a tip that she was in Leeds, but a
search of the town ..."). The search is then at that place, read as the phrase
before reads it (the point 15 km north of Pljevlja), and the belief that put
the target there is what the search found wrong: it gives no claim, as the
belief behind a raid that found nothing gives none
(:mod:`geosleuth.read.searches`). Used by :mod:`geosleuth.read.searches`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from geosleuth.read._sentence import MentionLike, Sentence, is_point, kind_of, label

if TYPE_CHECKING:
    from geosleuth.read.claims import _Extractor

__all__ = ["PLACE_NOUNS", "searched_again"]

#: Nouns of a settlement or an area that "the ..." may name again.
PLACE_NOUNS = frozenset(
    {"village", "town", "city", "hamlet", "settlement", "area", "locality"}
)
#: Of those, the ones that name a town or city named before by its name alone.
_TOWN_NOUNS = frozenset({"village", "town", "city", "hamlet"})
_DEFINITE = frozenset({"the", "this", "that"})
#: Kinds of place too large for "the village" or "the town".
_LARGE = frozenset({"country", "continent", "admin", "county", "region", "river"})


def _object(anchor: Any) -> Any:
    """What the search ``anchor`` searched: "a search *of the village*"."""
    if anchor.pos_ == "NOUN":
        preps = [c for c in anchor.children if c.dep_ == "prep"]
        return next(
            (
                g
                for p in preps
                if p.lower_ in ("of", "on")
                for g in p.children
                if g.dep_ == "pobj"
            ),
            None,
        )
    return next((c for c in anchor.children if c.dep_ in ("dobj", "obj")), None)


def _in_phrase_of(ex: _Extractor, m: MentionLike, lemma: str) -> bool:
    """Whether the place ``m`` is in a phrase headed by a noun of ``lemma``."""
    span = ex.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    for tok in span.root.ancestors:
        if tok.pos_ in ("VERB", "AUX"):
            return False
        if tok.pos_ == "NOUN" and tok.lemma_.lower() == lemma:
            return True
    return False


def searched_again(
    ex: _Extractor, s: Sentence, anchor: Any
) -> tuple[list[MentionLike], str]:
    """The place that the search ``anchor``'s "the village" names again, if any.

    Returns the place (a list of one) and a note that says which words name it
    again, or ``([], "")``.
    """
    obj = _object(anchor)
    if obj is None or obj.lemma_.lower() not in PLACE_NOUNS:
        return [], ""
    if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in obj.children):
        return [], ""  # "a search of a village": another one
    words = str(ex.doc.text[obj.left_edge.idx : obj.idx + len(obj.text)])
    own = (obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge.text))
    if any(own[0] <= m.start < own[1] for m in s.places):
        return [], ""  # "a search of the village of Bor": it names its place
    before = [
        m
        for m in s.places
        if m.end <= obj.idx
        and getattr(m, "role", "place") == "place"
        and is_point(m)
        and kind_of(m) not in _LARGE
    ]
    if not before or before[-1].start in ex.taken:
        return [], ""
    m = before[-1]
    lemma = obj.lemma_.lower()
    if not (_in_phrase_of(ex, m, lemma) or lemma in _TOWN_NOUNS):
        return [], ""
    return [m], (
        f"{words!r} names again the place named before it in the sentence "
        f"({label(m)!r}): the belief that put the target there is what the search "
        "found wrong, and gives no claim"
    )
