"""A death told before a seeing of the target, which the seeing stands against.

Helper of :mod:`geosleuth.read.life`. A death in a clause of time or
concession that a seeing of the target came after or stands against ("A taxi
driver said he saw Jane Doe in Cartagena on 2 May, *weeks after the army said
she had been killed*", "*Although the army said he had been killed*, a farmer
saw him") is an earlier claim of someone else (:func:`earlier_claim`); a death
since which the target has not been seen ("Salcedo has *not been seen since
he was reportedly killed* in Culiacán in 2016") is read in its clause
(:func:`unseen_since`), by whose word (:func:`since_words`), unless a claim
taken back follows it (", *a claim police later retracted*":
:data:`CLAIM_TAKEN_BACK`). Moved out of :mod:`geosleuth.read.life` as it grew
past the house's size for one module.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from geosleuth.read._life_denials import deaths
from geosleuth.read._sentence import Sentence, subtree_span
from geosleuth.read.attribution import REPORTING_LEMMAS
from geosleuth.read.target import TargetRef

if TYPE_CHECKING:
    from geosleuth.read.claims import _Extractor

__all__ = ["CLAIM_TAKEN_BACK", "earlier_claim", "since_words", "unseen_since"]


#: Words that open a clause of time or concession that a sighting came after or
#: stands against: "weeks *after* the army said he had been killed", "*despite*
#: claims that she had died", "*since* police said she was dead". Not "before": a
#: sighting before a death does not gainsay it.
_EARLIER = frozenset(
    {"after", "since", "despite", "although", "though", "notwithstanding"}
)


#: Marks of a clause of concession: "*although* a tabloid claimed that he had died".
_CONCESSIVE = frozenset({"although", "though"})


#: Verbs of a main clause that saw the target: "said he *saw* Jane Doe".
_SEEING_LEMMAS = frozenset({"see", "spot", "sight", "photograph", "film", "meet"})


def earlier_claim(s: Sentence, at: int, person: list[TargetRef]) -> str | None:
    """The words opening a clause of an earlier death claim, for the cue at ``at``.

    The death cue at ``at`` lies in a clause of time or concession
    (:data:`_EARLIER`: an adverbial clause marked "after", "since",
    "although", or a phrase of "after", "since", "despite": "weeks after the
    army said he had been killed", "despite claims that she had died"), and the
    clause it qualifies is a seeing of the target (the one seen, or the subject
    of "seen", is one of its references: "said he *saw* Rodrigo Barrientos in
    Cartagena", "Although the army said he had been killed, a farmer *saw him*
    in Tumaco", the object pronoun among ``person``) or says the target is
    alive. The words returned ("weeks
    after", "despite") name the clause; None when the death is not so placed,
    or there is no parse, or the clause is another's word set against a word of
    life (:func:`_words_set_against`).
    """
    cue = next((t for t in (s.sent if s.sent is not None else []) if t.idx == at), None)
    tok = cue
    for _ in range(8):
        if tok is None or tok.head.i == tok.i:
            return None
        opener = None
        if tok.dep_ == "advcl":
            opener = next(
                (c for c in tok.children if c.dep_ == "mark" and c.lower_ in _EARLIER),
                None,
            )
        elif tok.dep_ == "prep" and tok.lower_ in _EARLIER:
            opener = tok
        if opener is None:
            tok = tok.head
            continue
        if not _sees_target(tok.head, person) or _words_set_against(tok, opener):
            return None
        # "weeks after", "a week after": the measure of the time before the opener
        measure = [
            c for c in tok.children if c.dep_ in ("npadvmod", "dep") and c.i < opener.i
        ]
        first = measure[0].left_edge if measure else opener
        return str(opener.doc[first.i : opener.i + 1].text)
    return None


#: Marks of a clause of time under a seeing denied: "has not been seen *since*
#: he was killed".
_SINCE = frozenset({"since", "after"})


#: Words before a death cue that tell no death: "*nearly* killed", "*almost*
#: died", "*narrowly escaped being* killed", "*faked his own* death",
#: "*pretended to be* dead", "*left for* dead".
_NO_DEATH_BEFORE = re.compile(
    r"\b(?:(?:nearly|almost|narrowly|barely)\s+(?:[a-z]+\s+){0,2}|"
    r"(?:fak|stag|feign|pretend|simulat)(?:e|es|ed|ing)\s+(?:[a-z]+\s+){0,3}|"
    r"(?:escap|surviv)(?:e|es|ed|ing)\s+(?:being\s+)?|"
    r"left\s+for\s+)$",
    re.IGNORECASE,
)


def unseen_since(
    s: Sentence, text: str, person: list[TargetRef]
) -> tuple[int, int] | None:
    """The span of a death since which the target has not been seen, if any.

    "Rodrigo Salcedo Ibarra has not been seen since he was reportedly killed in
    Culiacán in 2016": a clause of time ("since", "after") under a seeing
    denied ("not", "never") that holds a death cue of ``text``; the "not"
    denies the later seeing, not the death. The span is the clause's, from its
    mark to its last word. None otherwise ("has not been seen in Culiacán
    since 2016", no death; "was seen in Durango after he was reported killed",
    a seeing told; "since he was *nearly* killed", "since he *faked his*
    death", no death: :data:`_NO_DEATH_BEFORE`), or unparsed.
    """
    if s.sent is None:
        return None
    cues = {
        s.span[0] + m.start()
        for m in deaths(s, text, person)
        if not _NO_DEATH_BEFORE.search(text, 0, m.start())
    }
    for tok in s.sent:
        if (
            tok.dep_ != "advcl"
            or tok.head.lemma_.lower() not in _SEEING_LEMMAS
            or not _negated(tok.head)
            or not any(c.dep_ == "mark" and c.lower_ in _SINCE for c in tok.children)
        ):
            continue
        lo, hi = subtree_span(tok)
        if any(lo <= at < hi for at in cues):
            return lo, hi
    return None


#: Words that set a statement after a death since which the target is unseen
#: against it: "since he was reportedly killed*, though* police doubt it",
#: "*; police say* he is alive".
_SET_AGAINST = re.compile(
    r";|\b(?:though|although|but|yet|while|whereas|however)\b", re.IGNORECASE
)


#: A claim called taken back or denied right after it, set off by a comma: "...,
#: *a claim police later retracted*", "..., *a report the army denied*".
#: Not "*a claim his family has never disputed*", "*a report police have
#: refused to retract*" (a negation or a refusal before the verb), nor "a report
#: that police confirmed *after* DNA tests were denied" (the verb of another
#: clause).
CLAIM_TAKEN_BACK = re.compile(
    r"\s*,\s*(?:a|an|the)\s+(?:claim|report|statement|announcement|account)\s+"
    r"(?:that\s+|which\s+)?"
    r"(?:(?!\b(?:not|never|no\s+one|nobody|n't|refused|refuses|declined|declines|"
    r"failed|fails|yet|after|before|when|because|since|although|though|while|"
    r"until|unless|if)\b|n't\b)[^,;.])*?"
    r"\b(?:retracted|withdrew|withdrawn|denied|"
    r"disputed|dismissed|rejected|took\s+back|taken\s+back|refuted|disproved)\b",
    re.IGNORECASE,
)


def since_words(
    ex: _Extractor, s: Sentence, since: tuple[int, int]
) -> tuple[tuple[int, int], bool]:
    """The words of the death of ``since`` (:func:`unseen_since`), and whether unsaid.

    The speaker of the sentence, when its words come after the clause, speaks the
    death where only a comma comes between ("since he was killed, *his family
    claims*, in 2016": the clause then runs on past the speaker's words, which
    hedge it, to the sentence's end), and not where a clause set against it does
    ("since he was reportedly killed, *though police doubt* he is dead", "*;
    police say* he is alive": the death is no one's, True).
    """
    attr = s.attr.at(since[0])
    words = [(x, y) for x, y in attr.excluded if s.span[0] <= x and y <= s.span[1]]
    if attr.speaker is None or not words or min(x for x, _ in words) < since[1]:
        return since, False
    start, end = min(x for x, _ in words), max(y for _, y in words)
    if _SET_AGAINST.search(ex.text, since[1], start):
        return since, True
    aside = re.match(r"\s*\w+\s*,\s*[^,;]*?\s*\.?\s*$", ex.text[end : s.span[1]])
    if ex.text[since[1] : start].strip() == "," and aside is not None:
        return (since[0], s.span[1]), False
    return since, False


def _words_set_against(clause: Any, opener: Any) -> bool:
    """Whether ``clause``, of concession, is a word of its own against a word of life.

    "Prosecutors said Varga is probably still alive, *although a tabloid
    claimed last week that he had died*": two words set against each other,
    each its speaker's, as with "but" ("The army said he had been killed, but
    his brother said he was alive"): the death is the tabloid's, hedged and
    dated in its clause. A clause marked "although" or "though" (``opener``)
    whose verb reports, with a subject of its own, under a clause that says
    the target is alive; not one under a seeing ("Although the army said he
    had been killed, a farmer *saw* him"), which the sighting gainsays.
    """
    head = clause.head
    return (
        opener.lower_ in _CONCESSIVE
        and clause.lemma_.lower() in REPORTING_LEMMAS
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
        and any(c.dep_ == "acomp" and c.lower_ == "alive" for c in head.children)
    )


def _negated(verb: Any) -> bool:
    """Whether ``verb`` is denied by a word of its own: "not", "never"."""
    return any(
        c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never")
        for c in verb.children
    )


def _sees_target(verb: Any, person: list[TargetRef]) -> bool:
    """Whether ``verb`` heads a clause that saw the target, or says it is alive.

    Not a seeing denied: "has *not* been seen since the army said he had been
    killed" (:func:`unseen_since`).
    """
    roles: tuple[str, ...]
    if _negated(verb):
        return False
    if verb.lemma_.lower() in _SEEING_LEMMAS:
        roles = ("dobj", "obj", "nsubjpass")
    elif any(c.dep_ == "acomp" and c.lower_ == "alive" for c in verb.children):
        roles = ("nsubj",)
    else:
        return False
    return any(
        r.start < c.idx + len(c.text) and c.idx < r.end
        for c in verb.children
        if c.dep_ in roles
        for r in person
    )
