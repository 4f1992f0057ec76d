"""The parts of a sentence that are not its statement of life or death.

Helper of :mod:`geosleuth.read.life`:

- a relative clause of the target's name tells of another time than the clause
  it is in ("Hamadou Ag Alher, *whom French forces claimed to have killed in
  2017*, appeared in a video released on Sunday"): the recording is the main
  clause's, dated, hedged and spoken there, and the death the relative
  clause's (:func:`target_relatives`); the one who died is the noun the
  relative pronoun stands for (:func:`relative_antecedent`: "*whose* death
  French forces announced");
- a clause of time or concession beside a recording ("A video released on
  Monday shows Ag Alher addressing fighters, *weeks after the government said
  he had been killed*", "*despite claims that* ...") tells of another time
  and of another's word (:func:`is_beside`, :func:`clauses_beside`): not of
  what the recording shows, nor of its day;
- a speaker named only in a clause that does not hold the statement ("...,
  speaking to fighters in *what analysts said* appeared to be the Kidal
  region", "Ag Alher, *whom French forces claimed* to have killed, appeared in
  a video", "..., *weeks after the government said* he had been killed") does
  not speak it (:func:`speaks_aside`);
- a contrast ("Officials said Salcedo, *not his bodyguard*, had been killed"):
  its "not" sets another against the one who died, and denies no death
  (:func:`contrasts`); one that sets the target against another ("his
  bodyguard, *not Salcedo*, had been killed") is left as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from geosleuth.read._sentence import Sentence, is_who_clause, subtree_span
from geosleuth.read.attribution import REPORTING_LEMMAS, Attribution
from geosleuth.read.target import TargetRef

__all__ = [
    "clauses_beside",
    "contrasts",
    "is_beside",
    "relative_antecedent",
    "set_aside",
    "speaks_aside",
    "target_relatives",
]

#: Tags of a relative pronoun: "who", "whom", "whose", "which", "that".
_RELATIVE_TAGS = frozenset({"WP", "WP$", "WDT"})
#: Links of a clause that tells of a noun or stands in a phrase: "Ag Alher,
#: *whom French forces claimed* ...", "in *what analysts said* ...".
_ASIDE_LINKS = frozenset({"relcl", "pcomp"})
#: Words that open a clause of time or concession beside a statement: "weeks
#: *after* the army said he had been killed", "*although* the army says he is
#: dead", "*despite* claims that he had died". Not "before": what came before
#: a recording does not stand against it.
_BESIDE_MARKS = frozenset(
    {"after", "since", "although", "though", "despite", "notwithstanding"}
)
#: Prepositions of concession, whose phrase is always beside: "*despite* ...".
_CONCESSIVE = frozenset({"despite", "notwithstanding"})
#: Nouns (lemmas) of a report, by which a phrase of "after" or "since" is one of
#: another's word: "weeks after *reports* of his death", "since *claims* that".
_REPORT_NOUNS = frozenset({"report", "claim", "announcement", "rumour", "rumor"})
#: Links of the one a contrast sets against another: "Salcedo, not *his
#: bodyguard*", "Salcedo, and not *his bodyguard*".
_CONTRASTED = frozenset({"appos", "conj"})


def _overlaps_ref(tok: Any, refs: Sequence[TargetRef]) -> bool:
    return any(r.start < tok.idx + len(tok.text) and tok.idx < r.end for r in refs)


def target_relatives(s: Sentence, person: Sequence[TargetRef]) -> list[tuple[int, int]]:
    """The spans (in the document) of the relative clauses of the target in ``s``.

    A clause of "who", "whom" or "whose" whose noun is one of the target's
    references ``person``: "Hamadou Ag Alher, *whom French forces claimed to
    have killed in 2017*, appeared in a video"; not one of another ("his
    bodyguard, who was killed"). Empty without a parse.
    """
    if s.sent is None:
        return []
    return [
        subtree_span(t)
        for t in s.sent
        if is_who_clause(t) and _overlaps_ref(t.head, person)
    ]


def relative_antecedent(tok: Any) -> Any:
    """The noun the relative pronoun ``tok`` stands for, else ``tok`` itself.

    "Ag Alher, *whom* French forces claimed to have killed", "*who* French
    officials said was killed", "*whose* death French forces announced": up
    the clause the pronoun is in, to the noun of the relative clause.
    """
    if tok.tag_ not in _RELATIVE_TAGS:
        return tok
    up = tok
    for _ in range(4):
        if up.head.i == up.i:
            return tok
        if up.dep_ == "relcl":
            noun = up.head
            if noun.dep_ == "appos" and set_aside(noun):
                # "it was Salcedo, not his bodyguard, *who* had been killed": the
                # clause tells of the one the contrast keeps, not the one set aside
                return noun.head
            return noun
        up = up.head
    return tok


def set_aside(noun: Any) -> bool:
    """Whether ``noun`` is set aside by a "not" before it.

    "Salcedo, *not his bodyguard*", "his bodyguard, *not Salcedo*": an
    apposition after "not", which the contrast sets against its noun.
    """
    if noun.dep_ != "appos":
        return False
    lo = noun.left_edge.i
    return any(
        c.dep_ == "neg" and noun.head.i < c.i < lo + 1
        for c in (*noun.head.children, *noun.children)
    )


def speaks_aside(
    s: Sentence, attr: Attribution, cues: Sequence[Any]
) -> list[tuple[int, int]]:
    """The clauses of ``s`` that name the speaker of ``attr``, away from ``cues``.

    The spans (in the document) of the relative clauses, and the clauses in a
    phrase, that hold the speaker's words (:attr:`Attribution.excluded
    <geosleuth.read.attribution.Attribution.excluded>`) but none of the words
    ``cues`` of the statement (its verb, its recording): "Ag Alher appeared in
    a video released on Sunday, speaking to fighters in *what analysts said*
    appeared to be the Kidal region", "Ag Alher, *whom French forces claimed
    to have killed in 2017*, appeared in a video", and the clauses of time or
    concession beside them (:func:`clauses_beside`: "..., *weeks after the
    government said* he had been killed"). The speaker does not speak
    the statement. Empty when a word of the speaker lies outside them (the
    speaker of the whole sentence), in a clause that tells of a cue itself ("A
    video, *which analysts said was genuine*, ...": they vouch for it), or
    without a parse or a speaker named in ``s``.
    """
    words = [(a, b) for a, b in attr.excluded if s.span[0] <= a and b <= s.span[1]]
    if s.sent is None or not words:
        return []
    own = {c.i for c in cues}
    asides = [
        subtree_span(t)
        for t in s.sent
        if t.dep_ in _ASIDE_LINKS
        and t.head.i not in own
        and not any(w.i in own for w in t.subtree)
    ] + clauses_beside(s, cues)
    held = [(a, b) for a, b in asides if any(a <= x and y <= b for x, y in words)]
    if not all(any(a <= x and y <= b for a, b in held) for x, y in words):
        return []
    return held


def is_beside(tok: Any) -> bool:
    """Whether ``tok`` heads a clause of time or concession beside a statement.

    An adverbial clause marked "after", "since", "although" or "though"
    (:data:`_BESIDE_MARKS`: "weeks *after* the government said he had been
    killed", "weeks *after* reported death"), a phrase of "despite" ("*despite*
    claims that he had died"), or one of "after" or "since" that tells of a
    report ("weeks *after his reported death*", "*since* reports that ..."; not
    "shortly *after his death*", nor "*after the strike*").
    """
    if tok.dep_ in ("advcl", "conj"):
        # the parse may join the clause to the one before it: "addressing
        # fighters, nearly a year *after* the government said ..." (a conjunct
        # with a mark of its own)
        return any(c.dep_ == "mark" and c.lower_ in _BESIDE_MARKS for c in tok.children)
    if tok.dep_ != "prep" or tok.lower_ not in _BESIDE_MARKS:
        return False
    if tok.lower_ in _CONCESSIVE:
        return True
    return any(
        w.lemma_.lower() in REPORTING_LEMMAS or w.lemma_.lower() in _REPORT_NOUNS
        for w in tok.subtree
    )


def clauses_beside(s: Sentence, cues: Sequence[Any]) -> list[tuple[int, int]]:
    """The spans (in the document) of the clauses of ``s`` beside the ``cues``.

    The clauses of time or concession (:func:`is_beside`) that hold none of
    the words ``cues`` (the recording, its verb): "A video released on Monday
    shows Ag Alher addressing fighters, *weeks after the government said he
    had been killed*". Empty without a parse.
    """
    if s.sent is None:
        return []
    own = {c.i for c in cues}
    return [
        _beside_span(t)
        for t in s.sent
        if is_beside(t) and not any(w.i in own for w in t.subtree)
    ]


#: Words of a measure of time before its head: "*a few* weeks", "*two* days".
_MEASURE_LINKS = frozenset({"det", "nummod", "quantmod"})
_MEASURE_WORDS = frozenset({"few", "several", "many", "couple"})


def _beside_span(tok: Any) -> tuple[int, int]:
    """The span (in the document) of the clause beside that ``tok`` heads.

    From its opener, or the measure of time before it ("*weeks* after", "*a
    few weeks* after"), to its end: not a word the parse hangs on the measure
    that is no part of it ("shows Ag Alher *alive* weeks after reported
    death").
    """
    words = list(tok.subtree)
    first = next(
        (c for c in tok.children if c.dep_ == "mark" and c.lower_ in _BESIDE_MARKS),
        tok,
    )
    measure = [
        c
        for c in tok.children
        if c.dep_ in ("npadvmod", "dep", "advmod") and c.i < first.i
    ]
    if measure:
        lo = measure[0]
        while lo.i > 0:
            left = lo.doc[lo.i - 1]
            if left.head.i != measure[0].i or not (
                left.dep_ in _MEASURE_LINKS or left.lower_ in _MEASURE_WORDS
            ):
                break
            lo = left
        first = lo
    return first.idx, words[-1].idx + len(words[-1].text)


def contrasts(s: Sentence, person: Sequence[TargetRef]) -> list[tuple[int, int]]:
    """The spans (in the document) of the contrasts in ``s`` that set another aside.

    A "not" of a noun, with the one it sets aside: "Officials said Salcedo,
    *not his bodyguard*, had been killed" (an apposition after "not"),
    "Salcedo, and *not his bodyguard*", "Salcedo had been killed, *not his
    bodyguard*" (the noun of "not"). Its "not" denies no death: it tells which
    one died. A contrast that sets the target aside ("his bodyguard, *not
    Salcedo*, had been killed") is not among them: that is no death of the
    target. Empty without a parse.
    """
    if s.sent is None:
        return []
    out = []
    for t in s.sent:
        head = t.head
        if t.dep_ != "neg" or head.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        if head.i > t.i:
            other = head  # "and not his bodyguard"
        else:
            other = next(
                (c for c in head.children if c.dep_ in _CONTRASTED and c.i > t.i),
                None,
            )
        if other is None or any(_overlaps_ref(w, person) for w in other.subtree):
            continue
        out.append((int(t.idx), int(other.idx + len(other.text))))
    return out
