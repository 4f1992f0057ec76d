"""The target's name taken for the speaker of one who is only tied to it.

"The wife of the group's leader, *Mundi Jalmaani*, said her husband was alive
and hiding in Patikul": the attribution
(:mod:`geosleuth.read.attribution`) may give the target's name as the speaker,
for it is the last name of the subject's words; but the one who speaks is the
wife, and the name is of her husband's role. The rule of life gives the life to
the wife (:func:`geosleuth.read._life_limits.target_speaks`); every other item
of the clause (the claim at Patikul) is hers too (review r27, finding 15).

The speaker is then the subject of the reporting verb, in words, when the
target's name is inside it but is neither its head nor in apposition to it:
"The wife of the group's leader, Mundi Jalmaani" (the name of the leader).
Not "The group's leader, Mundi Jalmaani, said" (the target speaks).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from geosleuth.read._doc_text import doc_text
from geosleuth.read._life_limits import target_speaks
from geosleuth.read.attribution import REPORTING_LEMMAS
from geosleuth.read.target import TargetRef

__all__ = ["tied_speaker"]


def tied_speaker(
    speaker: str | None, sent: Any, refs: Sequence[TargetRef]
) -> str | None:
    """The subject that speaks where ``speaker`` is only the target's name.

    ``sent`` is the parsed sentence (a spaCy span, or None) and ``refs`` the
    target's references. None where ``speaker`` is not only the target's name
    (:func:`~geosleuth.read._life_limits.target_speaks`), or no reporting
    verb's subject holds the name in a phrase of its own ("of the group's
    leader, Mundi Jalmaani").

    Examples
    --------
    >>> from geosleuth.read.toponyms import load_nlp
    >>> t = "The wife of the group's leader, Mundi Jalmaani, said he was in Jolo."
    >>> ref = TargetRef(start=32, end=46, text="Mundi Jalmaani", kind="name")
    >>> sent = load_nlp()(t)[:]
    >>> tied_speaker("Mundi Jalmaani", sent, [ref])
    "The wife of the group's leader, Mundi Jalmaani"
    >>> t = "The group's leader, Mundi Jalmaani, said he was in Jolo."
    >>> ref = TargetRef(start=20, end=34, text="Mundi Jalmaani", kind="name")
    >>> tied_speaker("Mundi Jalmaani", load_nlp()(t)[:], [ref]) is None
    True
    """
    names = [r for r in refs if r.kind == "name"]
    if sent is None or not target_speaks(speaker, names):
        return None
    for verb in sent:
        if verb.lemma_.lower() not in REPORTING_LEMMAS or verb.pos_ != "VERB":
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ not in ("NOUN", "PROPN"):
            continue
        for tok in subj.subtree:
            if any(r.start <= tok.idx < r.end for r in names) and _inside(tok, subj):
                first, last = subj.left_edge, subj.right_edge
                while last.is_punct and last.i > subj.i:
                    last = last.nbor(-1)
                return str(doc_text(sent.doc)[first.idx : last.idx + len(last.text)])
    return None


def _inside(tok: Any, subj: Any) -> bool:
    """Whether ``tok`` is in a phrase of ``subj`` (its "of" or owner), not it.

    "The wife *of* the group's leader, Mundi Jalmaani": up from the name to the
    subject through a preposition. Not the subject itself, nor a name in
    apposition to it or part of it ("The group's leader, Mundi Jalmaani").
    """
    while tok.i != subj.i:
        if tok.dep_ in ("prep", "poss"):
            return True
        tok = tok.head
    return False
