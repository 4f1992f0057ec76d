"""Dealings with others: a place of the people one deals with, not one's own.

"Salcedo is *at odds with* his brother and two cousins in Culiacán", "has
been *in contact with* his brother in Culiacán", "is *in touch with*
associates in Guatemala" (review r30, finding 1): the words "is at", "been
in", "is in" are no location word here, but the start of a dealing with
others (:func:`dealing_after`), and the place is where those others are
(:func:`dealt_with`), wherever the target is. Only that place is theirs: a
place elsewhere in the sentence is still the target's, as the location word
makes it (review r32, H4): "*From Culiacán*, Salcedo is in contact with his men
in Durango", "has been in contact with his family *from Culiacán*", "in contact
with his men via a satellite phone *from Durango*"; and so is theirs where a
clause on it says the target is there too ("with his brother in Culiacán,
*where he is also hiding*": :func:`shared_place`). Company is not such a
dealing: "is hiding *with* his brother in Culiacán" places them all there
(:func:`geosleuth.read._claim_clauses._companion`), and "is in Culiacán, in
contact with his brother" is a location word of its own before the dealing.
Nor is being seen with the target: "Salcedo's deputy, Juan Pérez, was seen
*with him* in Culiacán" is a sighting of the target (:func:`seen_with`).

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
from collections.abc import Sequence
from typing import Any

__all__ = ["dealing_after", "dealt_with", "seen_with", "shared_place"]

#: Nouns of a dealing with others after "in", "at", "on": "at *odds* with", "in
#: *contact* with", "in *touch* with", "on good *terms* with".
_DEALING_NOUNS = frozenset(
    {"odds", "contact", "touch", "talks", "league", "cahoots", "communication",
     "conflict", "loggerheads", "terms", "negotiations", "dispute"}
)  # fmt: skip
#: Subjects of a clause on a place that take the target in with the others:
#: "in Culiacán, where *both* are hiding".
_ALL_OF_THEM = frozenset({"both", "they", "all", "we"})


#: Verbs of staying somewhere, in a clause on the place of those dealt with.
_STAYING = frozenset({"hide", "live", "stay", "reside", "shelter", "remain", "be"})
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


def _refers(tok: Any, refs: Sequence[Any]) -> bool:
    return any(r.start <= tok.idx < r.end for r in refs)


def shared_place(tok: Any, refs: Sequence[Any]) -> bool:
    """Whether a clause on the place ``tok`` puts the target there too.

    "in contact with his brother in Culiacán, *where he is also hiding*",
    "..., *where both are hiding*": a relative clause of the place, with a verb
    of staying (:data:`_STAYING`), whose subject is a reference to the target
    (``refs``), all of them ("both", "they"), or "he" or "she" who does it
    "also" (one besides those dealt with). Not "where he lives", the brother.
    """
    for clause in tok.children:
        if clause.dep_ != "relcl" or clause.lemma_.lower() not in _STAYING:
            continue
        # "where he is *also* hiding": he too, not the brother
        also = any(c.lower_ in ("also", "too") for c in clause.children)
        for subj in clause.children:
            if subj.dep_ in ("nsubj", "nsubjpass") and (
                subj.lower_ in _ALL_OF_THEM
                or _refers(subj, refs)
                or (also and subj.lower_ in ("he", "she"))
            ):
                return True
    return False


def seen_with(verb: Any, refs: Sequence[Any]) -> bool:
    """Whether the one seen at ``verb`` was seen with the target.

    "Salcedo's deputy, Juan Pérez, was seen *with him* in Culiacán": the object
    of the verb's "with" (or "alongside") is a reference to the target
    (``refs``), so the target was seen there too. "Him" or "her" counts as one
    where no resolver took it: it is not the one seen (a pronoun object is not
    its own clause's subject), and the caller asks only of one seen who is the
    target's (his deputy), whose owner is the other one named.
    """
    for prep in verb.children if verb is not None else ():
        if prep.dep_ != "prep" or prep.lower_ not in ("with", "alongside"):
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and any(
                _refers(o, refs) or o.lower_ in ("him", "her")
                for o in (obj, *obj.conjuncts)
            ):
                return True
    return False
