"""A search of "the village": the place that the text named before.

"Montenegrin police said they had received a tip that Vuković was staying in *a
village 15 km north of Pljevlja*, but a search of *the village* on Tuesday found
no trace of him": the search names no place of its own, but its object, a
definite noun of a settlement (:data:`PLACE_NOUNS`: "the village", "the town",
"the area"), names again the last place that the sentence named before it, not
read by another rule (or read as a sighting or a trace there: "Residents said
Jane Doe was seen in Harewood; a search of *the town* found no sign of her" is a
search of Harewood, and the sighting stays). It does where that place is in a
phrase of the same noun ("*a village* 15 km north of Pljevlja"), or is a town or
city that "the town", "the city" or "the village" can name ("a tip that she was
in Leeds, but a search of the town ..."). The surroundings of that place ("a
search of *the surrounding forest*", "of the nearby woods") are that place too,
whatever their noun. The search is then at that place, read as the phrase
before reads it (the point 15 km north of Pljevlja), and the belief that put
the target there is what the search found wrong: it gives no claim, as the
belief behind a raid that found nothing gives none
(:mod:`geosleuth.read.searches`).

Where the search's sentence names no place before it, the place may be the
last one of the sentence right before, where an item of the target rests on it
("Police said they had received a tip that Vuković was staying in a village
near Pljevlja. *A search of the village on Tuesday* found no trace of him."):
the search rests on both sentences, and the claim read there
(:attr:`Again.beliefs`) is withdrawn, set aside with why, as in one sentence it
is never read. A sighting or a trace there stays: what was seen is not what a
later search found wrong. Used by :mod:`geosleuth.read.searches`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from geosleuth.evidence import Claim, Sighting
from geosleuth.read._doc_text import doc_text
from geosleuth.read._sentence import MentionLike, Sentence, is_point, kind_of, label

if TYPE_CHECKING:
    from geosleuth.read.claims import _Extractor

__all__ = [
    "PLACE_NOUNS",
    "Again",
    "found_again",
    "object_at",
    "searched_again",
    "withdraw",
]

#: Nouns of a settlement or an area that "the ..." may name again.
PLACE_NOUNS = frozenset(
    {"village", "town", "city", "hamlet", "settlement", "area", "locality"}
)
#: Of those, the ones that name a town or city named before by its name alone.
_TOWN_NOUNS = frozenset({"village", "town", "city", "hamlet"})
_DEFINITE = frozenset({"the", "this", "that"})
#: Kinds of place too large for "the village" or "the town".
_LARGE = frozenset({"country", "continent", "admin", "county", "region", "river"})
#: Words that make any noun the surroundings of the place named before: "the
#: *surrounding* forest", "the *nearby* woods".
_AROUND = frozenset({"surrounding", "nearby"})
#: What another rule read at a place that a search there may share: the target
#: seen there before, or a thing of hers found there.
_SHARED = frozenset({"sighting", "trace"})


@dataclass(frozen=True, slots=True)
class Again:
    """The place that a search's "the village" names again.

    Attributes
    ----------
    place : MentionLike
        The place named before.
    note : str
        Which words name it again, for the search's note.
    before : tuple of (int, int) or None, default None
        The span of the sentence before the search's, where the place is named
        there; None where it is named in the search's own sentence.
    beliefs : tuple of EvidenceItem, default ()
        The claims of that sentence that put the target at the place: what the
        search found wrong, to withdraw.
    """

    place: MentionLike
    note: str
    before: tuple[int, int] | None = None
    beliefs: tuple[Any, ...] = ()


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


def _may_name(m: MentionLike) -> bool:
    """Whether the place ``m`` is one that "the village" or "the area" may name."""
    return (
        getattr(m, "role", "place") == "place"
        and is_point(m)
        and kind_of(m) not in _LARGE
    )


def _nearest_of(ex: _Extractor, named: list[MentionLike], lemma: str) -> MentionLike:
    """The place of ``named`` that "the village" names again: the last one.

    But the last one in a phrase of the same noun, where one is: "a tip that
    Vuković was staying in *a village near Pljevlja*, and another that he was in
    Žabljak. A search of the village ...": Pljevlja, for Žabljak is no village
    of the text's.
    """
    phrased = [m for m in named if _may_name(m) and _in_phrase_of(ex, m, lemma)]
    return phrased[-1] if phrased else named[-1]


def searched_again(ex: _Extractor, s: Sentence, anchor: Any) -> Again | None:
    """The place that the search ``anchor``'s "the village" names again, if any.

    In the sentence ``s`` before the search's object, or, where ``s`` names no
    place before it, in the sentence right before (:func:`_named_before`).
    None where the object names no place again.
    """
    obj = _object(anchor)
    if obj is None:
        return None
    lemma = obj.lemma_.lower()
    around = next(
        (c for c in obj.children if c.dep_ == "amod" and c.lower_ in _AROUND), None
    )
    if lemma not in PLACE_NOUNS and around is None:
        return None
    if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in obj.children):
        return None  # "a search of a village": another one
    words = repr(str(doc_text(ex.doc)[obj.left_edge.idx : obj.idx + len(obj.text)]))
    own = (obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge.text))
    if any(own[0] <= m.start < own[1] for m in s.places):
        return None  # "a search of the village of Bor": it names its place
    before = [m for m in s.places if m.end <= obj.idx and _may_name(m)]
    if not before:
        if any(m.end <= obj.idx for m in s.places):
            return None  # "In Montenegro, a search of the village ..."
        return _named_before(ex, s, lemma, around is not None, words)
    m = _nearest_of(ex, before, lemma)
    if ex.taken.get(m.start, "sighting") not in _SHARED:
        return None  # read by a rule whose place the search does not share
    if around is None and not (_in_phrase_of(ex, m, lemma) or lemma in _TOWN_NOUNS):
        return None
    return Again(
        m,
        _note(words, around is not None, f"the place named before it in the "
              f"sentence ({label(m)!r})", belief=m.start not in ex.taken),
    )  # fmt: skip


def _named_before(
    ex: _Extractor, s: Sentence, lemma: str, around: bool, words: str
) -> Again | None:
    """The place of the sentence right before ``s`` that "the village" names again.

    The last place that sentence named, where an item of the target read there
    rests on it (a claim that the target is there, a sighting, a trace): "...
    a tip that Vuković was staying in a village near Pljevlja. A search of the
    village ...". The claims there are the beliefs that the search found wrong.
    """
    mine = [
        i
        for i in ex.items
        if i.provenance.span is not None
        and i.provenance.span[1] <= s.span[0]
        and not ex.text[i.provenance.span[1] : s.span[0]].strip()
    ]
    span = mine[-1].provenance.span if mine else None
    if span is None:
        return None
    named = [
        m
        for j, m in enumerate(ex.mentions)
        if j not in ex.excluded and span[0] <= m.start < span[1]
    ]
    if not named or not _may_name(m := _nearest_of(ex, named, lemma)):
        return None
    if not (around or _in_phrase_of(ex, m, lemma) or lemma in _TOWN_NOUNS):
        return None
    at = [
        i
        for i in mine
        if i.provenance.span == span
        and label(m) in (getattr(i, "place_name", "") or "")
    ]
    beliefs = tuple(i for i in at if isinstance(i, Claim) and i.polarity == "is")
    if not beliefs and not any(isinstance(i, Sighting) for i in at):
        return None  # no item of the target rests on it
    return Again(
        m,
        _note(words, around, f"the place named last in the sentence before "
              f"({label(m)!r})", belief=bool(beliefs)),
        before=span,
        beliefs=beliefs,
    )  # fmt: skip


def _note(words: str, around: bool, where: str, *, belief: bool) -> str:
    """The note of a search whose ``words`` name again the place ``where``.

    Examples
    --------
    >>> _note("'the village'", False, "Bor", belief=False)
    "'the village' names again Bor"
    >>> _note("'the nearby woods'", True, "Bor", belief=True)[:43]
    "'the nearby woods' lies around Bor: the bel"
    """
    return (f"{words} " + ("lies around " if around else "names again ") + where) + (
        ": the belief that put the target there is what the search found wrong, "
        "and gives no claim"
        if belief
        else ""
    )


def found_again(ex: _Extractor, s: Sentence, verb: Any) -> list[MentionLike]:
    """The place named before where a search of "the village" found someone.

    "Police said they had received a tip that Vuković was staying in a village
    near Pljevlja, but *a search of the village found him* hiding in a barn":
    the finding ``verb``'s subject is a search whose object names a place
    again (:func:`searched_again`); the finding is there. Empty where it is
    not. For the findings of :mod:`geosleuth.read.sightings`, whose own places
    come after the verb.
    """
    from geosleuth.read.searches import _SEARCH_NOUNS  # it imports this module

    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lemma_.lower() not in _SEARCH_NOUNS:
        return []
    again = searched_again(ex, s, subject)
    return [] if again is None else [again.place]


def object_at(anchor: Any) -> int:
    """Where the search ``anchor``'s object starts ("a search of *the village*").

    The offset that stands in the search's sentence for a place it names again
    from the sentence before (for its date and speaker); the anchor's own where
    it has no object.
    """
    kids = [c for c in anchor.children if c.dep_ in ("prep", "dobj", "obj")]
    return int(kids[0].idx) if kids else int(anchor.idx)


#: Words of the search's sentence by which the target was at the searched place,
#: only gone: "residents said he *had left only hours before*".
_WAS_THERE = re.compile(
    r"\b(?:had|has)\s+(?:(?:already|just|only|recently)\s+)?(?:left|fled|gone|"
    r"escaped|moved\s+on|slipped\s+away|been\s+(?:\w+ing\s+)?there)\b",
    re.IGNORECASE,
)
#: How far (days) the date of a search may be from that of a belief it refutes.
SAME_TIME_DAYS = 45


def _refutes(search: Any, belief: Any, sentence: str) -> bool:
    """Whether the search item ``search`` found the ``belief`` wrong.

    Not where the search is of another time than the belief, more than
    :data:`SAME_TIME_DAYS` days apart ("A search of the village *in 2015*", of
    a tip of now; a search on Tuesday of "hidden ... there *last year*"), nor
    where its ``sentence`` says the target was there, only gone ("found no
    trace of him, but residents said *he had left only hours before*").

    Examples
    --------
    >>> import datetime as dt
    >>> from types import SimpleNamespace as N
    >>> now, then = N(date=dt.date(2018, 6, 5)), N(date=dt.date(2015, 12, 31))
    >>> _refutes(now, now, "A search found no trace of him.")
    True
    >>> _refutes(then, now, "A search in 2015 found no trace of him.")
    False
    >>> _refutes(now, now, "A search found no trace, but he had left hours before.")
    False
    """
    a, b = getattr(search, "date", None), getattr(belief, "date", None)
    if a is not None and b is not None and abs((a - b).days) > SAME_TIME_DAYS:
        return False
    return _WAS_THERE.search(sentence) is None


def withdraw(ex: _Extractor, again: Again, search: Any, s: Sentence) -> None:
    """Withdraw the claims of the sentence before that the search found wrong.

    "Police said they had received a tip that Vuković was staying in a village
    near Pljevlja. A search of the village on Tuesday found no trace of him.":
    the tip's claim at Pljevlja is what the search (the item ``search``, read
    from the sentence ``s``) found wrong, as in one sentence ("..., but a
    search of the village ...") where it is never read. Each is set aside
    (``negated``) with why, at its sentence; but not one the search does not
    refute (:func:`_refutes`).
    """
    if again.before is None:
        return
    for item in again.beliefs:
        if item not in ex.items or not _refutes(search, item, s.text):
            continue
        ex.items.remove(item)
        ex.reject(
            "negated",
            f"claim {item.place_name!r} ({item.id}) withdrawn: the search of the "
            f"place that the next sentence reports ({search.id}) found no trace "
            "of the target there; the belief that led to the search gives no claim",
            again.before,
        )
