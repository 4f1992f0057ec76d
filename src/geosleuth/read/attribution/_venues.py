"""Where the speakers spoke: not where the target is.

The "in"/"at" phrases of a verb of speaking (:data:`_SPEAKING_LEMMAS`: "told
reporters *in Baghdad*", "*Speaking in Baghdad*, ...") and of "according to"
(:func:`venue_spans`); not those of a verb whose subject is the target, nor of
one in the passive whose subject is what was said (:func:`_said_of_a_thing`:
"Cases have been confirmed in Kisumu"); and the station of the police or officials
who appeal ("Gardaí *in Castlebar* have renewed their appeal"). Used by
:mod:`geosleuth.read.attribution`.
"""

from __future__ import annotations

from typing import Any

from geosleuth.read.attribution._names import OFFICIAL, _span_text_kept

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
#: Verbs of an appeal, whose official subject's "in X" or "from X" is the
#: station that appeals: "Gardaí *in Castlebar* have renewed their appeal for
#: information on the whereabouts of ...", "Officers *from Leeds* urged ...".
_APPEAL_LEMMAS = frozenset(
    {"appeal", "renew", "ask", "urge", "issue", "release", "request", "repeat",
     "plead", "reiterate"}
)  # fmt: skip
#: The prepositions of where an appealing body is based.
_STATION_PREPS = frozenset({"in", "at", "from"})
#: Bodies that appeal, besides officials (:data:`~._names.OFFICIAL`).
_FORCES = frozenset(
    {"gardaí", "gardai", "garda", "detectives", "investigators", "troopers",
     "deputies", "authorities", "constabulary", "gendarmes", "coastguard"}
)  # fmt: skip


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
    is named speaking there; :func:`_said_of_a_thing`). The "in", "at" or
    "from" phrase of the police or officials who appeal
    (:data:`_APPEAL_LEMMAS`) is where they are based: "Gardaí *in Castlebar*
    have renewed their appeal for information on the whereabouts of ...".
    """
    out: list[tuple[int, int]] = []

    def phrases(tok: Any, preps: frozenset[str] = _VENUE_PREPS) -> None:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                start, end, _ = _span_text_kept(_before_content(c))
                out.append((start, end))

    for tok in sent:
        if tok.lower_ == "according":
            for to in (c for c in tok.children if c.lower_ == "to"):
                for obj in (c for c in to.children if c.dep_ == "pobj"):
                    if not is_target(obj):
                        phrases(obj)
            continue
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in _APPEAL_LEMMAS:
            for c in tok.children:
                if c.dep_ == "nsubj" and _a_force(c) and not is_target(c):
                    phrases(c, _STATION_PREPS)  # "Gardaí in Castlebar have renewed"
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


def _before_content(prep: Any) -> list[Any]:
    """The words of the phrase of ``prep`` before a clause of what was said.

    "said in a statement released Monday *that Salcedo had been arrested in
    Culiacán*": the parse may hang the clause of what was said, with its "that",
    from the statement; it is not where the words were spoken.
    """
    words = list(prep.subtree)
    for t in words:
        if t.dep_ == "mark" and t.lower_ == "that" and t.head.pos_ in ("VERB", "AUX"):
            cut = min(t.i, t.head.left_edge.i)
            return [w for w in words if w.i < cut] or words[:1]
    return words


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


def _a_force(tok: Any) -> bool:
    """Whether ``tok`` names the police or officials: "Gardaí", "Officers"."""
    return tok.lower_ in _FORCES or OFFICIAL.fullmatch(tok.text) is not None
