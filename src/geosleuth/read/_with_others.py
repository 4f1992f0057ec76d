"""Dealings with others: a place of the people one deals with, not one's own.

"Salcedo is *at odds with* his brother and two cousins in Culiacán", "has
been *in contact with* his brother in Culiacán", "is *in touch with*
associates in Guatemala" (review r30, finding 1): the words "is at", "been
in", "is in" are no location word here, but the start of a dealing with
others (:func:`dealing_after`), and the place is where those others are
(:func:`dealt_with`), wherever the target is. Company is not such a dealing:
"is hiding *with* his brother in Culiacán" places them all there
(:func:`geosleuth.read._claim_clauses._companion`), and "is in Culiacán, in
contact with his brother" is a location word of its own before the dealing.

Examples
--------
>>> t = "Salcedo is at odds with his brother in Culiacán."
>>> dealing_after(t, t.index(" odds"))
True
>>> t = "Salcedo is at a ranch near Culiacán."
>>> dealing_after(t, t.index(" a ranch"))
False
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["dealing_after", "dealt_with"]

#: Nouns of a dealing with others after "in", "at", "on": "at *odds* with", "in
#: *contact* with", "in *touch* with", "on good *terms* with".
_DEALING_NOUNS = frozenset(
    {"odds", "contact", "touch", "talks", "league", "cahoots", "communication",
     "conflict", "loggerheads", "terms", "negotiations", "dispute"}
)  # fmt: skip
#: Verbs of a dealing with others at a distance: "*communicating* with his
#: brother in Culiacán" (not "met with", "hiding with": face to face).
_DEALING_VERBS = frozenset({"communicate", "correspond", "feud", "quarrel"})
#: The dealing after a location word's "in", "at", "on": "is at *odds with*",
#: "been in *close contact with*", "on *good terms with*".
_DEALING = re.compile(
    r"\s+(?:(?:a|an|the|close|regular|constant|frequent|direct|daily|open|"
    r"secret|good|bad|friendly|speaking)\s+){0,2}(?:"
    + "|".join(sorted(_DEALING_NOUNS))
    + r")\s+with\b",
    re.IGNORECASE,
)


def dealing_after(text: str, end: int) -> bool:
    """Whether the location word ending at ``end`` of ``text`` starts a dealing.

    "is at* odds with", "been in* contact with", "is on* good terms with": the
    "at", "in" or "on" is of a dealing with others (:data:`_DEALING`), not of
    where one is.
    """
    return _DEALING.match(text, end) is not None


def dealt_with(tok: Any) -> Any:
    """The people dealt with whose phrase holds the token ``tok``, if any.

    Up the parse from ``tok`` (a place's root) through the objects of "with"
    of a dealing (:data:`_DEALING_NOUNS`, :data:`_DEALING_VERBS`): "in contact
    with *his brother* and two cousins in Culiacán". None where the "with" is
    one of company ("hiding with his brother in Culiacán") or there is none.
    """
    for head in tok.ancestors:
        if head.dep_ != "pobj" or head.head.lower_ != "with":
            continue
        dealing = head.head.head
        if (dealing.pos_ in ("NOUN", "PROPN") and dealing.lower_ in _DEALING_NOUNS) or (
            dealing.pos_ == "VERB" and dealing.lemma_.lower() in _DEALING_VERBS
        ):
            return head
        return None  # the nearest "with" is one of company: "hiding with"
    return None
