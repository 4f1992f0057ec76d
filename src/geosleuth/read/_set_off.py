"""A participle phrase set off after its subject that the parse took for its verb.

"Rodrigo Salcedo Ibarra, *declared dead in 2017*, is alive and hiding in
Durango": the phrase describes the target, as "who was declared dead in 2017"
would, and the sentence's own verb is "is". The parse may read it as "Rodrigo
Salcedo Ibarra declared dead in 2017, is alive ...": the participle a verb with
the name for its subject, and the verb after the phrase joined to it, with no
subject of its own (:func:`set_off_participle`). Its date is not the
sentence's (:mod:`geosleuth.read._item_dates`), nor is the name the speaker of a
reporting participle ("*reported* dead in 2017": :mod:`geosleuth.read.attribution`).
Used by both.
"""

from __future__ import annotations

from typing import Any

__all__ = ["set_off_participle"]

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def set_off_participle(tok: Any) -> tuple[Any, Any] | None:
    """The subject and the verb after it, if ``tok`` is a phrase set off as above.

    ``tok`` is a participle ("declared", "reported": tagged VBN, or VBD where
    the parse took it for a verb) right after a comma that closes its subject
    ("Rodrigo Salcedo Ibarra,"), with no auxiliary of its own; the verb joined
    to it ("conj") has no subject of its own, and only a comma comes between the
    phrase and that verb ("..., *is* alive"). The subject is the name alone
    before the comma, and the participle is joined to no other by "and": not
    "Salcedo, 45, fled to Tibú, crossed the border and is hiding" (a list of
    his deeds), nor "Salcedo declared him dead" (no comma). Returns (subject,
    verb), or None.
    """
    doc = tok.doc
    if (
        tok.tag_ not in ("VBN", "VBD")
        or tok.i < 2
        or doc[tok.i - 1].text != ","
        or any(c.dep_ in ("aux", "auxpass", "cc") for c in tok.children)
    ):
        return None
    subject = next(
        (
            c
            for c in tok.children
            if c.dep_ in _SUBJECTS
            and max(w.i for w in c.subtree if not w.is_punct) == c.i
        ),
        None,
    )
    joined = [c for c in tok.children if c.dep_ == "conj"]
    if subject is None or subject.i != tok.i - 2 or len(joined) != 1:
        return None
    verb = joined[0]
    if verb.pos_ not in ("VERB", "AUX") or any(
        c.dep_ in (*_SUBJECTS, "expl") for c in verb.children
    ):
        return None
    words = [
        w
        for c in tok.children
        if tok.i < c.i < verb.i and c.dep_ != "punct"
        for w in c.subtree
    ]
    last = max((w.i for w in words), default=tok.i)
    between = doc[last + 1 : verb.left_edge.i]
    if [t.text for t in between] != [","]:
        return None
    return subject, verb
