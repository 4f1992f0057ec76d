"""Which places after a verb of seeing are where the one seen was.

Helper of :mod:`geosleuth.read.sightings`. The places of the seeing's own
clause, by the words of the parse (:func:`words_of`), and one the parse hangs
on a noun of time ("seen in Culiacán days after ...": :func:`left_in_a_time`);
not where the one seen was going ("headed for Denver": :data:`DESTINATION`),
nor where a person's deed of another time was ("days after *Salcedo's arrest*
in Durango": :func:`deed_of_another_time`), unless the deed is the target's
own ("after *his* arrest", the "his" the target's and no other's of its
gender). A place another rule read gives no second item (:func:`free`). Moved
out of :mod:`geosleuth.read.sightings` as it grew past the house's size for one
module.
"""

from __future__ import annotations

import bisect
import math
import re
import weakref
from typing import TYPE_CHECKING, Any, Literal

from geosleuth.read._sentence import MentionLike, spread_of
from geosleuth.read._target_gender import IS_FEMALE, IS_MALE
from geosleuth.read._target_names import given_name_gender
from geosleuth.read._target_pronouns import GENDER_OF

if TYPE_CHECKING:
    from geosleuth.read.claims import _Extractor

__all__ = [
    "DESTINATION",
    "deed_of_another_time",
    "free",
    "left_in_a_time",
    "words_of",
]


#: Words before a place that make it where someone was going: "headed for
#: Denver", "on his way to Havana", "driving north toward Denver", "bound for".
DESTINATION = re.compile(
    r"\b(?:head(?:ed|ing|s)?\s+(?:(?:north|south|east|west)\w*\s+)?(?:to|for|"
    r"toward|towards|into)|bound\s+for|en\s+route\s+(?:to|for)|on\s+(?:his|her|"
    r"their|its|the)\s+way\s+(?:to|back\s+to)|toward|towards|in\s+the\s+"
    r"direction\s+of)\s+(?:the\s+(?:city|town|village)\s+of\s+)?$",
    re.IGNORECASE,
)


def free(by: str | None, what: str) -> bool:
    """Whether a place read by ``by`` (None: by nothing) is free for a ``what``.

    A trace and a sighting of the target are two items at one place ("Police
    found her car and her body in a lake"); two of either, or one and a claim,
    are one.
    """
    return by is None or (by == "trace") != (what == "trace")


def _word_of(ex: _Extractor, m: MentionLike) -> int:
    """The token index of the head word of the place ``m`` (-1 if none)."""
    span = ex.doc.char_span(m.start, m.end, alignment_mode="expand")
    return -1 if span is None or len(span) == 0 else int(span.root.i)


def words_of(ex: _Extractor, m: MentionLike) -> list[int]:
    """The head word of the place ``m``, and of written coordinates the first.

    The parse may hang the longitude of "from 45.3302, -111.4057, a spokesman
    said" on "said": the latitude is in the clause of the verb it follows.
    """
    first = (
        []
        if math.isnan(spread_of(m))
        else [ex.doc.char_span(m.start, m.end, alignment_mode="expand")]
    )
    return [
        _word_of(ex, m),
        *(int(sp[0].i) for sp in first if sp is not None and len(sp)),
    ]


#: Nouns of a span of time that a clause of time may open with: "*days* after".
_TIME_NOUNS = frozenset(
    {"minute", "hour", "day", "week", "month", "year", "moment", "night"}
)


def left_in_a_time(ex: _Extractor, m: MentionLike, words: frozenset[int]) -> bool:
    """Whether the parse took the place ``m`` from a preposition of ``words``.

    "Salcedo's brother was seen in Culiacán days after Salcedo fled Durango":
    with no comma, the parse hangs "Culiacán" on "days" as a compound, in the
    clause of time of another subject, and leaves the "in" of the seeing with
    no object (or with "days" for its object). The place right after a
    preposition of the clause, a compound of a noun of time that the
    preposition has no other object than, is the clause's.
    """
    span = ex.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0 or span.start == 0:
        return False
    prep = ex.doc[span.start - 1]
    head = span.root
    return (
        prep.i in words
        and prep.dep_ == "prep"
        and head.dep_ == "compound"
        and head.head.lemma_.lower() in _TIME_NOUNS
        # "in Culiacán days after": "days" the object of "in", or "in" none
        and all(c.i == head.head.i for c in prep.children if c.dep_ == "pobj")
    )


#: Prepositions of a time before or after the seeing: "*after* his arrest".
_TIME_PREPS = frozenset({"after", "before", "since", "following", "until", "till"})


def deed_of_another_time(
    ex: _Extractor,
    m: MentionLike,
    verb: Any,
    *,
    seen: Literal["target", "associate"] = "associate",
) -> str | None:
    """The words of a person's deed at another time that the place ``m`` is of.

    "Salcedo's brother was seen in Culiacán, days after *Salcedo's arrest* in
    Durango", "a week after *his brother's escape* from a prison in Durango":
    a preposition of time whose object is someone's deed (a noun with a
    possessor) holds the place; it is where the deed was, not the seeing. Not
    "seen in Salcedo's house in Culiacán" (no time), nor "seen in Culiacán after
    a week in Durango" (no one's deed), nor, where the one ``seen`` is the
    target, the target's own deed ("Salcedo was seen in Culiacán days after
    *his* arrest in Durango": :func:`_the_targets`), which was the target's
    there.
    """
    if verb is None:
        return None
    span = ex.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    while tok.i != tok.head.i and tok.head.i != verb.i:
        head = tok.head
        if (
            tok.dep_ == "pobj"
            and head.dep_ == "prep"
            and head.lower_ in _TIME_PREPS
            and any(c.dep_ == "poss" for c in tok.children)
        ):
            owner = next(c for c in tok.children if c.dep_ == "poss")
            if seen == "target" and _the_targets(ex, owner):
                return None  # "days after his arrest in Durango": his own
            return str(ex.doc[head.i : tok.i + 1].text)
        tok = head
    return None


def _the_targets(ex: _Extractor, owner: Any) -> bool:
    """Whether the possessor ``owner`` (a token) is the target.

    Its name ("Salcedo's arrest") or a "his" or "her" that refers to it
    (:meth:`~geosleuth.read.claims._Extractor.possessive_refs`); not another
    ("Zambada's arrest", "the army's raid"), nor one of the target's people
    ("his brother's arrest": the possessor is "brother"), nor a "his" or "her"
    that another person of its gender, written before it, may own ("Salcedo's
    *wife* was detained last week. Salcedo was seen ... after *her* arrest":
    :func:`_another_of_gender`), nor one of the other gender than the target's
    given names ("Rodrigo Salcedo Ibarra ... after *her* arrest", "Jane Doe ...
    after *his* arrest": :func:`~geosleuth.read._target_names.given_name_gender`),
    which someone the text leaves unnamed may own. A name given to both
    ("Sydney") or not listed tells nothing: the pronoun is the target's, as the
    text alone gives it.
    """
    at = int(owner.idx)
    refs = [r for r in ex.refs if r.kind != "leaders"]
    if any(r.start <= at < r.end for r in refs):
        return True
    if not any(r.start <= at < r.end for r in ex.possessive_refs()):
        return False
    named = given_name_gender(ex.target.name) if ex.target is not None else None
    if named is not None and GENDER_OF.get(owner.lower_, named) != named:
        return False  # "Jane Doe was seen in Leeds days after *his* arrest"
    return not _another_of_gender(ex, owner, refs)


def _another_of_gender(ex: _Extractor, owner: Any, refs: list[Any]) -> bool:
    """Whether a noun of the gender of the pronoun ``owner`` names another before it.

    "Salcedo's *wife* was detained", "*a man* was killed": someone else whom
    "her" or "his" may stand for. Not a noun of the target itself ("Jane Doe, *a
    45-year-old woman*", "the *woman* Jane Doe": :func:`target_gender`'s), nor
    one that ``refs`` hold. The nouns are found once a document
    (:func:`_gendered_nouns`).
    """
    nouns = _gendered_nouns(ex.doc).get(GENDER_OF.get(owner.lower_, ""), [])
    return any(
        not any(r.start <= head < r.end for r in refs)
        for _, head in nouns[: bisect.bisect_left(nouns, (owner.i,))]
    )


#: Each document's gendered nouns, with the parse they were found in, while
#: the document lives.
_NOUNS: weakref.WeakKeyDictionary[
    Any, tuple[bytes, dict[str, list[tuple[int, int]]]]
] = weakref.WeakKeyDictionary()


def _gendered_nouns(doc: Any) -> dict[str, list[tuple[int, int]]]:
    """The nouns of a gender ("wife", "a man") in ``doc``, by the pronoun's gender.

    Each as (its index, the start of its head), in order; not a noun in
    apposition or a predicate ("Jane Doe, *a 45-year-old woman*"), which names
    whom it follows. Once a document: :func:`_another_of_gender` asks for those
    before each pronoun; found again where the document was parsed again since
    (the reading parses more of its sentences where a history asks for them).
    """
    parse = _parse_of(doc)
    kept = _NOUNS.get(doc)
    if kept is not None and kept[0] == parse:
        return kept[1]
    found = {
        gender: [
            (t.i, int(t.head.idx))
            for t in doc
            if t.pos_ == "NOUN"
            and noun.fullmatch(t.lower_)
            and t.dep_ not in ("appos", "attr")
        ]
        for gender, noun in (("he", IS_MALE), ("she", IS_FEMALE))
    }
    _NOUNS[doc] = (parse, found)
    return found


def _parse_of(doc: Any) -> bytes:
    """The parts of speech and dependencies of ``doc``, which its nouns are found by."""
    from spacy.attrs import DEP, HEAD, POS

    return bytes(doc.to_array([POS, DEP, HEAD]).tobytes())
