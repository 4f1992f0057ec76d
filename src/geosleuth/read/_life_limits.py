"""What bounds a word of life: a time past, a death that ends it, who speaks.

Helper of :mod:`geosleuth.read.life`. A recording that shows the target young
("A photograph released on 2 June shows him *as a child*") or made in a year
before its release ("A *2015* photograph released on 2 June", "A photograph
*from 2015*") shows a past time: no proof of life on the release
(:data:`AS_YOUNG`, :func:`of_year`).
Being in touch with the target *before* its death ("she was in touch with her
husband before he was killed": :func:`ended_by_death`), or a belief that it
lived held only *until* a death or a body was shown ("she had believed her
husband was alive until the army showed her his body":
:func:`belief_given_up`), is no word that it lives now. Where the attribution
gives the target's own name as the speaker of its spouse's word ("The wife of
the group's deputy leader, *Mundi Jalmaani*, said ..."), the spouse speaks
(:func:`target_speaks`).
"""

from __future__ import annotations

import re
from typing import Any

from geosleuth.read._doc_text import doc_text
from geosleuth.read._life_victims import victims_of
from geosleuth.read.attribution import REPORTING_LEMMAS
from geosleuth.read.target import TargetRef

__all__ = ["AS_YOUNG", "belief_given_up", "ended_by_death", "of_year", "target_speaks"]

#: A recording that shows the target young: "shows him *as a child*", "*as a
#: young man*", "*in his youth*": a past time, no proof of life on its release.
AS_YOUNG = re.compile(
    r"\b(?:as\s+an?\s+(?:(?:young|younger)\s+(?:man|woman|boy|girl|fighter|student|"
    r"soldier|recruit)|child|boy|girl|teenager|teen|youth|youngster|student|"
    r"schoolboy|schoolgirl|baby|toddler|infant|cadet)|in\s+(?:his|her)\s+(?:youth|"
    r"younger\s+days|childhood|teens))\b",
    re.IGNORECASE,
)
#: A year before the recording's noun, as a modifier of it: "A *2015* photograph".
_YEAR = re.compile(r"(?:19|20)\d\d")


def of_year(cue: Any, released: int | None = None) -> str | None:
    """The year that the words about the recording ``cue`` date it to, or None.

    "A *2015* photograph released on 2 June": a number of a year modifying the
    noun, before it; "A photograph *from 2015*, released on 2 June": the year
    of "from" after it. Not "A video released in 2018" (the release), nor a
    year that is not before the year ``released`` of the release ("A *2018*
    photograph released on 2 June" 2018 is of the year it was released).

    Examples
    --------
    >>> from geosleuth.read.toponyms import load_nlp
    >>> doc = load_nlp()("A 2018 photograph released on 2 June shows him.")
    >>> of_year(doc[2]), of_year(doc[2], released=2018)
    ('2018', None)
    """
    years = [
        c
        for c in cue.children
        if c.dep_ in ("nummod", "compound", "amod") and c.i < cue.i
    ]
    years += [
        g
        for c in cue.children
        if c.dep_ == "prep" and c.lower_ == "from" and c.i > cue.i
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return next(
        (
            str(y.text)
            for y in years
            if _YEAR.fullmatch(y.text) and (released is None or int(y.text) < released)
        ),
        None,
    )


def target_speaks(speaker: str | None, person: list[TargetRef]) -> bool:
    """Whether ``speaker`` is only the target's name ("Mundi Jalmaani").

    Not "Jalmaani's wife", nor "Lawyer for Jalmaani": every word capitalised,
    no possessive or comma, and the last word that of a name of the target in
    ``person``.

    Examples
    --------
    >>> ref = TargetRef(start=0, end=8, text="Jalmaani", kind="name")
    >>> target_speaks("Mundi Jalmaani", [ref])
    True
    >>> target_speaks("Jalmaani's wife", [ref]), target_speaks(None, [ref])
    (False, False)
    """
    if speaker is None or not all(w[:1].isupper() for w in speaker.split()):
        return False  # "Jalmaani's wife", "Lawyer for Jalmaani"
    if re.search(r"['’,]", speaker):
        return False
    last = speaker.split()[-1].lower()
    return any(r.kind == "name" and r.text.split()[-1].lower() == last for r in person)


#: Conjunctions of a clause that ends what the main clause tells: "*until* the
#: army showed her his body", "*before* he was killed".
_ENDING = frozenset({"until", "till", "before"})
#: Words of a death in such a clause: "before he was *killed*", "until the army
#: showed her his *body*".
_ENDING_DEATH = frozenset(
    {"kill", "die", "slay", "execute", "murder", "bury", "dead", "death", "body",
     "corpse", "remains", "funeral", "burial", "grave"}
)  # fmt: skip
#: Verbs of a belief, which a clause of "until" ends: "she *had believed* ...".
_BELIEVING = frozenset({"believe", "think", "assume", "suppose", "hope", "insist"})


def ended_by_death(verb: Any) -> str | None:
    """The clause of "until" or "before" under ``verb`` that tells of a death.

    "she was in touch with her husband *before he was killed*": the clause's
    words (:data:`_ENDING_DEATH`); None when there is none ("in touch with
    her husband until 2016"), or when its death is another's (:func:`_ends`:
    "before soldiers killed his deputy", "until his phone went dead") or only
    reported by another ("on Sunday, two days before the army said he was
    killed": the contact of Sunday is the speaker's word, the death the army's).
    """
    for c in verb.children:
        if c.dep_ not in ("advcl", "prep") or not any(
            m.lower_ in _ENDING for m in (c, *c.children) if m.dep_ in ("mark", "prep")
        ):
            continue
        if any(_ends(t, c) for t in c.subtree):
            first, last = c.left_edge, c.right_edge
            return str(doc_text(c.doc)[first.idx : last.idx + len(last.text)])
    return None


#: Nouns by which a spouse or counsel calls the target: "until *her husband* was
#: killed".
_KIN = frozenset(
    {"husband", "wife", "partner", "client", "boyfriend", "girlfriend", "fiance",
     "fiancé", "fiancee", "fiancée"}
)  # fmt: skip


def _ends(word: Any, clause: Any) -> bool:
    """Whether ``word`` of the "until" or "before" ``clause`` is a death that ends it.

    A death word (:data:`_ENDING_DEATH`) whose victim is not told, or is a
    pronoun ("before *he* was killed", "until the army showed her *his* body")
    or the one a spouse calls so ("her husband"); not one whose victims are all
    other nouns ("before soldiers killed *his deputy*", "until *his phone*
    died"), nor one said by another under a reporting verb of the clause
    ("before *the army said* he was killed").
    """
    if word.lemma_.lower() not in _ENDING_DEATH:
        return False
    up = word
    while up.i != clause.i and up.head.i != up.i:
        up = up.head  # up to the clause's head, not beyond
        if up.lemma_.lower() in REPORTING_LEMMAS and any(
            c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in up.children
        ):
            return False  # "two days before the army said he was killed"
    victims = victims_of(word)
    return not victims or any(
        v.pos_ != "NOUN" or v.lemma_.lower() in _KIN
        for one in victims
        for v in (one, *one.conjuncts)  # "killed his deputy and him"
    )


def belief_given_up(verb: Any) -> str | None:
    """The clause that ends the belief that the target lives, at ``verb`` ("was").

    "she had believed her husband *was* alive until the army showed her his
    body": the belief above the statement (:data:`_BELIEVING`) lasted until a
    death or a body was shown (:func:`ended_by_death`). None when no such
    clause is told ("she believed her husband was still alive").
    """
    for up in (verb, *list(verb.ancestors)[:3]):
        if up.lemma_.lower() in _BELIEVING:
            return ended_by_death(up)
    return None
