"""Where the speakers spoke: not where the target is.

The "in"/"at" phrases of a verb of speaking (:data:`_SPEAKING_LEMMAS`: "told
reporters *in Baghdad*", "*Speaking in Baghdad*, ...") and of "according to"
(:func:`venue_spans`); not those of a verb whose subject is the target, nor of
one in the passive whose subject is what was said (:func:`_said_of_a_thing`:
"Cases have been confirmed in Kisumu"). Used by :mod:`geosleuth.read.attribution`.
"""

from __future__ import annotations

from typing import Any

from geosleuth.read.attribution._names import _span_text_kept

__all__: list[str] = []

#: Verbs of speaking, whose "in X" is where the words were spoken: "told
#: reporters in Baghdad", "said in Baghdad", "Speaking in Baghdad, ...". Not
#: verbs of belief or report ("believe", "reported seeing her in Leeds"), whose
#: "in X" the parser may take from the statement.
_SPEAKING_LEMMAS = frozenset(
    {"say", "tell", "speak", "talk", "announce", "add", "explain", "address",
     "brief", "declare", "confirm", "insist", "note", "stress", "state"}
)  # fmt: skip
#: The prepositions of where the words were spoken.
_VENUE_PREPS = frozenset({"in", "at"})


def venue_spans(sent: Any, is_target: Any) -> list[tuple[int, int]]:
    """Where the sentence's speakers spoke: not where the target is.

    "Abu Ali is in Raqqa, the minister told reporters *in Baghdad*": Baghdad is
    where the minister spoke, and so in "said in Baghdad on Monday", "told a
    news conference in Baghdad", "told Reuters in Baghdad", "*Speaking in
    Baghdad*, the minister said" and "according to the gendarmerie *in
    Chamonix*". The span of each "in"/"at" phrase of a verb of speaking
    (:data:`_SPEAKING_LEMMAS`), of its object or of whom it is told to, and of
    the object of "according to". A verb whose subject is the target
    (``is_target(token)``) is left out: where she told reporters she is safe
    is where she was; so is one in the passive whose subject is what was said
    ("Cases have been confirmed *in Kisumu*": where the cases are, and no one
    is named speaking there; :func:`_said_of_a_thing`).
    """
    out: list[tuple[int, int]] = []

    def phrases(tok: Any) -> None:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in _VENUE_PREPS:
                start, end, _ = _span_text_kept(c.subtree)
                out.append((start, end))

    for tok in sent:
        if tok.lower_ == "according":
            for to in (c for c in tok.children if c.lower_ == "to"):
                for obj in (c for c in to.children if c.dep_ == "pobj"):
                    if not is_target(obj):
                        phrases(obj)
            continue
        speaking = tok.lemma_.lower() in _SPEAKING_LEMMAS
        if tok.pos_ not in ("VERB", "AUX") or not speaking:
            continue
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if tok.dep_ == "advcl" and not subjects:
            subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
        if any(is_target(c) for c in subjects):
            continue
        if _said_of_a_thing(tok):
            continue  # "Cases have been confirmed in Kisumu": where the cases are
        phrases(tok)
        for c in tok.children:
            if c.dep_ in ("dobj", "dative") and not is_target(c):
                phrases(c)
            elif c.dep_ == "prep" and c.lower_ == "to":
                for obj in (g for g in c.children if g.dep_ == "pobj"):
                    phrases(obj)
    return out


#: Verbs of speaking whose passive subject is the one spoken to: "He was told in
#: Baghdad".
_TOLD_LEMMAS = frozenset({"tell", "brief", "address"})


def _said_of_a_thing(tok: Any) -> bool:
    """Whether ``tok``, a verb of speaking, is passive with a thing as subject.

    "Cases have been confirmed in Kisumu", "An outbreak was declared in
    Kisumu": what was said is the subject, and "in Kisumu" where it is, not
    where anyone spoke (no one is named speaking). Not "It was announced in
    Baghdad that ..." (a pronoun) nor "He was told in Baghdad" (the one told).
    """
    if tok.lemma_.lower() in _TOLD_LEMMAS:
        return False
    subjects = [c for c in tok.children if c.dep_ == "nsubjpass"]
    return bool(subjects) and all(c.pos_ in ("NOUN", "PROPN") for c in subjects)
