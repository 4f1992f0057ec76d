"""A place taken back: the speaker's own word that its report was wrong.

A speaker may say where the target is and then say it was wrong: "Police earlier
said Vuković was in Pljevlja; *they now say that report was mistaken*",
"Prosecutors said Salcedo had fled to Guatemala. *That statement was wrong, the
army said on Tuesday*" (review r23, F1-g). The words that take a statement back
are those of the life rule's (:func:`geosleuth.read._life_taken_back.taken_back_next`:
"that statement was wrong", "retracted the claim", "admitted it had been
wrong"; not after a negation, not when the sentence keeps it, nor when it
corrects another detail), and so is who may take it back. What it does here:

- taken back by the one who said it (a speaker's later word in the same
  sentence, :attr:`geosleuth.read.claims._Extractor.turn`; or, in the next
  sentence, the same speaker by name or pronoun, or no speaker: "It later
  retracted the claim.", "That report was false."): the claims and sightings
  at the places of that word are set aside (``negated``), as the life rule
  sets a death aside. The speaker's word now is that it was wrong;
- called wrong by another who speaks for the state ("..., the army said"): the
  items are kept one level less sure, as a denial in the next sentence keeps
  them (:mod:`geosleuth.read.claims`, *Disputes*), for the one who made the
  statement has not taken it back.

The words refer to the nearest report before them: a word taken back is the
claim's only where no other report comes between ("Police said Vuković was in
Pljevlja. *A newspaper reported he had been injured*; police now say that
report was mistaken": the newspaper's report is the one; review r26, U-1,
:func:`_nearer_report`), and one put back ("They later retracted the claim,
*then reinstated it*") is not taken back. Its own speaker is the claimant
with no word of its own that makes it another ("*Serbian* police said that
statement was wrong" of the police's word is another's: disputed).

Another's word that does not count (the target's family or lawyer: "Salcedo's
family said that statement was wrong") leaves the items as they are. A denial
("Police denied the report") is read as one (:mod:`geosleuth.read._follow_ups`),
and a correction that tells what was wrong ("..., saying she was in Denver",
"...: the clash had taken place near Cosalá") takes nothing back here: what it
tells is read on its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from geosleuth.read._claim_clauses import Aside
from geosleuth.read._life_taken_back import (
    _EXPLAINED,
    _NOT_KEPT,
    _OWN_PRONOUNS,
    _taker,
    taken_back_next,
)
from geosleuth.read._sentence import MentionLike, label, strip_span
from geosleuth.read.attribution import REPORTING_LEMMAS

if TYPE_CHECKING:
    from geosleuth.read.attribution import Attribution
    from geosleuth.read.claims import _Extractor

__all__ = ["taken_back"]

#: The kinds of item that a place taken back gives none of.
_KINDS = frozenset({"claim", "sighting"})
#: A denial, read by the rules of a denial in the next sentence
#: (:func:`geosleuth.read._follow_ups.next_doubt`).
_DENIED = re.compile(r"den(?:ied|ies)\b", re.IGNORECASE)
_END = re.compile(r"[\s.!?…\"'”’)]+$")
#: A word taken back put back: "retracted the claim, *then reinstated it*".
_PUT_BACK = re.compile(
    r"\b(?:reinstat|restor|reaffirm|re-?confirm|re-?issu|re-?instat)\w*\b",
    re.IGNORECASE,
)
#: What joins the words to the report before them: "..., *but* later retracted".
_JOINER = re.compile(r"[\s,;:—–]*(?:(?:but|and|then|yet)\b\s*)?")
#: Nouns of a report told in words of its own: "*reports* that he was injured".
_REPORT_NOUNS = frozenset(
    {"report", "claim", "statement", "rumour", "rumor", "account", "story", "tip"}
)
#: Words before a speaker's head that do not make it another: "*the* police".
_NO_QUALIFIER = frozenset({"the", "a", "an", "its", "their", "later", "then", "now"})


def _by_claimant(words: str, sentence: str, claimant: str | None) -> bool:
    """Whether the one who says ``words`` in ``sentence`` is ``claimant`` itself.

    No one ("That report was false."), a pronoun ("It later retracted the
    claim."), or the claimant by the head word of its name ("the army" of
    "Army"); not another who speaks for the state ("..., the army said" of the
    prosecutors' word).

    Examples
    --------
    >>> _by_claimant("retracted the claim", "It later retracted the claim.", "Army")
    True
    >>> s = "That statement was wrong, the army said on Tuesday."
    >>> _by_claimant("That statement was wrong", s, "Prosecutors")
    False
    >>> _by_claimant("That statement was wrong", s, "Army")
    True
    >>> s = "Serbian police said that statement was wrong."
    >>> _by_claimant("that statement was wrong", s, "Police")
    False
    """
    at = sentence.find(words)
    who = _taker(sentence[:at], sentence[at + len(words) :]).lower().split()
    if not who:
        return True
    head = who[-1].removesuffix("'s").removesuffix("’s")
    if head in _OWN_PRONOUNS:
        return True
    if claimant is None or head not in claimant.lower().split():
        return False
    # "Serbian police said that statement was wrong" of the police's word:
    # another force, whose word is a dispute (review r26, U-1)
    own = set(claimant.lower().split()) | _NO_QUALIFIER
    return all(w in own for w in who[:-1])


def _set_aside(
    places: Sequence[MentionLike], within: tuple[int, int], why: str
) -> dict[str, Aside]:
    """The places of ``places`` within ``within``, by label, each set aside so."""
    return {
        label(m): Aside(m, "negated", f"{m.text!r} {why}", _KINDS)
        for m in places
        if within[0] <= m.start < within[1]
    }


def _nearer_report(ex: _Extractor, lo: int, at: int) -> bool:
    """Whether a report of its own comes between offsets ``lo`` and ``at``.

    "A newspaper *reported he had been injured*; police now say that report
    was mistaken": a reporting verb, or a noun of report ("*reports that he
    was injured*"), whose clause lies wholly before the words at ``at``; it,
    not the statement before it, is the one taken back.
    """
    span = ex.doc.char_span(lo, at, alignment_mode="contract")
    if span is None:
        return False
    for tok in span:
        verb = tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in REPORTING_LEMMAS
        noun = tok.pos_ == "NOUN" and tok.lemma_.lower() in _REPORT_NOUNS
        if not (verb or noun):
            continue
        deps = ("ccomp",) if verb else ("acl", "ccomp", "relcl")
        for c in tok.children:
            if c.dep_ in deps and c.i > tok.i:
                last = max(c.subtree, key=lambda t: t.i)
                if last.idx + len(last.text) <= at:
                    return True
    return False


def _in_sentence(
    ex: _Extractor,
    spans: Sequence[tuple[int, int]],
    i: int,
    attr: Attribution,
    places: Sequence[MentionLike],
) -> tuple[dict[str, Aside], tuple[int, int] | None] | None:
    """A report of sentence ``i`` taken back in its own words after it, if any.

    "Local media reported he had fled to Bosnia, *but police later retracted
    the claim*": the report's places are disputed (another who speaks for the
    state calls them wrong), or set aside where its own speaker takes them
    back ("..., but later retracted the claim"). The report is a reporting
    verb whose clause holds a place and ends before the words.
    """
    s0, e0 = spans[i]
    sent = ex.doc.char_span(s0, e0, alignment_mode="contract")
    if sent is None:
        return None
    for tok in sent:
        if (
            tok.pos_ not in ("VERB", "AUX")
            or tok.lemma_.lower() not in REPORTING_LEMMAS
        ):
            continue
        for c in (c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i):
            # "reported he had fled to Bosnia, but later retracted the claim":
            # the parse may join the retraction to what was reported
            joined = {t.i for k in c.children if k.dep_ == "conj" for t in k.subtree}
            mine = [
                t
                for t in c.subtree
                if t.i not in joined and not (t.is_punct or t.dep_ == "cc")
            ]
            lo = min(t.idx for t in mine)
            last = max(mine, key=lambda t: t.i)
            hi = last.idx + len(last.text)
            if not any(lo <= m.start < hi for m in places):
                continue
            a = _JOINER.match(ex.text, hi, e0)
            a_end = a.end() if a is not None else hi
            words = taken_back_next(ex.text[:e0], a_end, refs=ex.refs)
            at = ex.text.find(words, hi) if words is not None else -1
            if words is None or not hi <= at < e0 or _DENIED.match(words):
                continue
            if _EXPLAINED.match(ex.text, at + len(words), e0):
                continue
            if _nearer_report(ex, hi, at) or _put_back(ex, at + len(words), spans, i):
                continue
            subj = next((t for t in tok.children if t.dep_ == "nsubj"), None)
            who = attr.speaker
            if subj is not None and subj.pos_ != "PRON":
                who = ex.text[subj.left_edge.idx : subj.idx + len(subj.text)]
            if _by_claimant(words, ex.text[a_end:e0], who):
                why = (
                    f"is taken back in its own sentence by its own speaker ({words!r})"
                )
                return _set_aside(places, (lo, hi), why), None
            b = hi + len(ex.text[hi:e0]) - len(ex.text[hi:e0].lstrip(" ,;:—–"))
            end = _END.search(ex.text, b, e0)
            return {}, (b, end.start() if end is not None else e0)
    return None


def _put_back(
    ex: _Extractor, at: int, spans: Sequence[tuple[int, int]], j: int
) -> bool:
    """Whether the word taken back at ``at`` (sentence ``j``) is put back.

    "They later retracted the claim, *then reinstated it*", or in the next
    sentence ("On Friday they reinstated it."). Not one denied: "and have
    *not* restored it", "*declined to* reaffirm it" (the life rules'
    :data:`~geosleuth.read._life_taken_back._NOT_KEPT`, so both read a take-back
    alike).
    """
    end = spans[j + 1][1] if j + 1 < len(spans) else spans[j][1]
    return any(
        _NOT_KEPT.search(ex.text[max(at, m.start() - 40) : m.start()]) is None
        for m in _PUT_BACK.finditer(ex.text, at, end)
    )


def taken_back(
    ex: _Extractor,
    spans: Sequence[tuple[int, int]],
    i: int,
    attr: Attribution,
    places: Sequence[MentionLike],
) -> tuple[dict[str, Aside], Attribution]:
    """The places of sentence ``i`` taken back, and its attribution ``attr``.

    Returns the places of ``places`` that their own speaker takes back, by
    label (no claim or sighting is built there: each is set aside as
    ``negated``, :func:`geosleuth.read._claim_clauses.blocked`), and ``attr``,
    disputed by the next sentence where another who speaks for the state calls
    them wrong (the items one level less sure), unless it is disputed already.
    Only a sentence that refers to the target is looked at.
    """
    aside, doubt = _taken_back(ex, spans, i, attr, places)
    if doubt is None or attr.disputed is not None:
        return aside, attr
    return aside, replace(attr, disputed=doubt)


def _taken_back(
    ex: _Extractor,
    spans: Sequence[tuple[int, int]],
    i: int,
    attr: Attribution,
    places: Sequence[MentionLike],
) -> tuple[dict[str, Aside], tuple[int, int] | None]:
    """:func:`taken_back`, with the span of another's doubt, if any."""
    s0, e0 = spans[i]
    if not places or not any(s0 <= r.start < e0 for r in ex.refs):
        return {}, None
    turn = ex.turn
    if turn is not None and s0 <= turn.new_at < e0 and s0 <= turn.old[0] < e0:
        # "Police earlier said ...; they now say that report was mistaken"
        verb = ex.doc.char_span(turn.new_at, turn.new_at + 1, alignment_mode="expand")
        end = verb[0].idx + len(verb[0].text) if verb is not None else turn.new_at
        words = taken_back_next(ex.text[:e0], end, refs=ex.refs)
        at = ex.text.find(words, end) if words is not None else -1
        if (
            words is not None
            and not _nearer_report(ex, turn.old[1], at)
            and not _put_back(ex, at + len(words), spans, i)
        ):
            why = (
                f"is in the speaker's earlier word ({turn.old_words!r}), which "
                f"it now takes back ({words!r})"
            )
            return _set_aside(places, turn.old, why), None
    got = _in_sentence(ex, spans, i, attr, places)
    if got is not None:
        return got
    if i + 1 >= len(spans):
        return {}, None
    s1, e1 = spans[i + 1]
    words = taken_back_next(ex.text, e0, claimant=attr.speaker, refs=ex.refs)
    at = ex.text.find(words, e0) if words is not None else -1
    if words is None or not s1 <= at < e1 or _DENIED.match(words):
        return {}, None
    if _EXPLAINED.match(ex.text, at + len(words), e1):
        return {}, None  # "..., saying she was in Denver": read on its own
    if _nearer_report(ex, s1, at) or _put_back(ex, at + len(words), spans, i + 1):
        return {}, None  # "A newspaper reported ...; police now say that report"
    sentence = ex.text[s1:e1]
    if _by_claimant(words, sentence, attr.speaker):
        why = f"is taken back in the next sentence by its own speaker ({words!r})"
        return _set_aside(places, (s0, e0), why), None
    a, b = strip_span(ex.text, s1, e1)
    end = _END.search(ex.text, a, b)
    return {}, (a, end.start() if end is not None else b)
