"""What a thing said, called untrue: "a post *claiming* she was in York was fake".

A post, a message, a video or a report may say where the target is by a
participle ("a post *claiming* she was in York", "a message *saying* he had
fled to Durango"), not by a content clause of a report noun ("reports *that*
she was in York": :mod:`geosleuth.read._reports`). Where the text calls that
thing untrue ("Police said a post claiming she was in York *was fake*", "...
*turned out to be false*", "Police *dismissed* a post claiming ...", review
r27), the speaker denies what it said: the claim is ``is_not``, as "a rumour
that she was in York was untrue" is. Called true, or not judged at all, it is
left to the other rules. Used by :func:`geosleuth.read.whereabouts._clauses._denier`.
"""

from __future__ import annotations

from typing import Any

from geosleuth.read._doc_text import doc_text
from geosleuth.read._reports import REBUTTING_LEMMAS, UNTRUE_WORDS

__all__ = ["said_untrue"]

#: Participles by which a thing says what its clause states: "a post *claiming*
#: she was in York", "a message *saying* he was in Durango".
_SAYING_LEMMAS = frozenset(
    {"claim", "say", "suggest", "allege", "state", "purport", "assert", "report"}
)
#: Words that call the thing true: "a post claiming she was in York *was
#: genuine*".
_TRUE_WORDS = frozenset(
    {"genuine", "true", "real", "authentic", "accurate", "correct", "credible"}
)
#: How many "to be" verbs up from the thing's verb the word of untruth may be:
#: "*turned* out *to be* fake".
_UP_TO = 3


def _negated(verb: Any) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _predicate(verb: Any, start: int) -> str | None:
    """The words from offset ``start`` to the word of untruth of ``verb``, if any.

    The verb's complement ("*was fake*", "was *a hoax*"), up its "to be" verbs
    ("*turned out to be false*"); not negated ("was not fake").
    """
    for _ in range(_UP_TO):
        if _negated(verb):
            return None
        if any(
            c.dep_ in ("acomp", "attr", "oprd") and c.lemma_.lower() in _TRUE_WORDS
            for c in verb.children
        ):
            return None  # "was genuine, police said, not fake" (review r29, 10)
        for c in verb.children:
            if c.dep_ in ("acomp", "attr", "oprd") and (
                c.lower_ in UNTRUE_WORDS or c.lemma_.lower() in UNTRUE_WORDS
            ):
                return str(doc_text(verb.doc)[start : c.idx + len(c.text)])
        verb = next(
            (
                c
                for c in verb.children
                if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")
            ),
            None,
        )
        if verb is None:
            return None
    return None


def _thing(saying: Any) -> tuple[Any, str | None] | None:
    """The thing whose participle of saying is ``saying``, and its untruth if told.

    "a post *claiming* she was in York": the noun that the participle describes;
    or, where the parse makes the noun its subject and the predicate ("was
    fake") a clause of its own ("a post claiming she was in York was fake"), the
    subject with no verb of being before the participle ("she was claiming"
    is the subject's own word) and that clause's words. None if neither.
    """
    if saying.dep_ == "acl":
        return saying.head, None
    subj = next((c for c in saying.children if c.dep_ == "nsubj"), None)
    if (
        subj is None
        or subj.pos_ != "NOUN"
        or any(c.dep_ in ("aux", "auxpass") for c in saying.children)
    ):
        return None
    told = (
        _predicate(c, c.idx)
        for c in saying.children
        if c.dep_ in ("ccomp", "conj")
        and c.i > subj.i
        and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
    )
    return subj, next((t for t in told if t is not None), None)


def said_untrue(clause: Any) -> str | None:
    """The words that call untrue the thing that said ``clause``, if they do.

    ``clause`` is a verb of a parse, the content clause of a participle of
    saying (:data:`_SAYING_LEMMAS`) that describes a noun ("a post *claiming*
    she *was* in York"). The noun is called untrue by its predicate ("was
    fake", "turned out to be false") or rebutted as an object ("dismissed a
    post claiming"), not negated. Returns the words, or None.

    Examples
    --------
    >>> from geosleuth.read.toponyms import load_nlp
    >>> doc = load_nlp()("Police said a post claiming Jane Doe was in York was fake.")
    >>> said_untrue(doc[7])
    'was fake'
    >>> doc = load_nlp()("Police said a post claiming Jane Doe was in York was true.")
    >>> said_untrue(doc[7]) is None
    True
    """
    saying = clause.head
    if (
        clause.dep_ != "ccomp"
        or saying.i == clause.i
        or saying.tag_ != "VBG"
        or saying.lemma_.lower() not in _SAYING_LEMMAS
        or _negated(saying)
    ):
        return None
    found = _thing(saying)
    if found is None:
        return None
    noun, told = found
    if told is not None:
        return told  # "a post claiming she was in York was fake"
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    fake = next(
        (c for c in noun.children if c.dep_ == "amod" and c.lower_ in UNTRUE_WORDS),
        None,
    )
    if fake is not None:
        return str(fake.text)  # "a fake post claiming"
    head = noun.head
    if (
        noun.dep_ == "dobj"
        and head.pos_ == "VERB"
        and head.lemma_.lower() in REBUTTING_LEMMAS
        and not _negated(head)
    ):
        return str(head.text)  # "dismissed a post claiming"
    if noun.dep_ not in ("nsubj", "nsubjpass") or head.i == noun.i:
        return None
    return _predicate(head, head.idx)
