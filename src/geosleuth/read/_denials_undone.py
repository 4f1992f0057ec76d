"""Denials that what comes with them undoes.

Helper of :mod:`geosleuth.read._sighting_denials` (review r208). A denial of
an event told before it takes the event back, unless the words that come with
it undo it (:func:`undone`): a confirmation made after all ("police
initially denied that he had been arrested, *but later confirmed it*", "*but
his lawyer confirmed it*", "*but admitted questioning him*"), a denial
disputed ("*, a claim his lawyer disputed*"), or a reason that grants the one
told of was held, by others or after all ("denied having arrested him,
*saying the army had detained him*", "*saying soldiers had*", "*; the army
said it had*", "denied that he was in custody, *saying he had been released
on bail*", "*and said he had turned himself in*"); or, for a denial in a
sentence of its own, a next sentence that confirms the event ("*They later
confirmed the arrest.*": :func:`confirmed_next`). A denial that may have been
made is no doubt under a condition contrary to fact ("might have denied it
*had they been asked*": :func:`counterfactual`) nor against a "but" ("may have
denied it, *but he was seen in a cell*": :func:`but_joined`).
"""

from __future__ import annotations

import re
from typing import Any

from geosleuth.read._denied_owners import FORCE_BODIES, FORCE_MEMBERS
from geosleuth.read._told_again import GIVING_REASON, told_kind

__all__ = ["but_joined", "confirmed_next", "counterfactual", "undone"]


#: Verbs that grant what a denial denied: "but later *confirmed* it", "but
#: *admitted* questioning him".
_ADMITTING = frozenset(
    {"confirm", "admit", "acknowledge", "concede", "verify", "corroborate"}
)
#: Verbs of saying that give a reason beside a denial: "*saying* the army had
#: detained him", "and *said* he had turned himself in".
_SAYING = GIVING_REASON | {"state", "tell"}
#: Verbs of what befalls one held, which grant that he was held: "saying he had
#: been *released* on bail", "he had been *questioned*", "*handed over*".
_HELD_AFTER = frozenset(
    {"release", "free", "bail", "question", "interrogate", "hold", "transfer",
     "extradite", "charge", "jail", "imprison", "surrender", "hand"}
)  # fmt: skip
#: Those who take one in, whose deed a reason may say it was: "saying *the
#: army* had detained him".
_TAKERS = FORCE_BODIES | FORCE_MEMBERS | {"troop", "force", "authority", "guard"}
#: Nouns of a denial or claim, and verbs that dispute it: "*a claim* his lawyer
#: *disputed*".
_CLAIMS = frozenset({"claim", "statement", "assertion", "denial", "account", "version"})
_DISPUTING = frozenset(
    {"dispute", "deny", "reject", "contest", "contradict", "challenge", "refute"}
)


def undone(denial: Any) -> str | None:
    """The words that undo the ``denial``, a verb of denying, in its sentence.

    A verb of admitting joined to it, after it and not negated ("*but later
    confirmed it*", "*but his lawyer confirmed it*", "*but admitted
    questioning him*"); a reason whose clause grants the one told of was held
    (:func:`_grants`: "*saying the army had detained him*", "*saying he had
    been released*"); or the claim it makes, disputed ("*, a claim his lawyer
    disputed*"). A verb of saying the parse sets over the denial counts as
    joined ("police denied that they had arrested him*; the army said it
    had*"). None where nothing undoes it ("denied that he had been arrested,
    *saying he had never been there*").
    """
    for verb in _joined(denial):
        if any(c.dep_ == "neg" for c in verb.children):
            continue
        lemma = verb.lemma_.lower()
        if lemma in _ADMITTING:
            return str(verb.text)
        if lemma in _SAYING and any(
            c.dep_ == "ccomp" and c is not denial and _grants(c, verb)
            for c in verb.children
        ):
            return str(verb.text)
    for noun in denial.children:
        if noun.dep_ in ("dobj", "appos", "npadvmod") and noun.lemma_ in _CLAIMS:
            disputed = next(
                (
                    c
                    for c in noun.children
                    if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in _DISPUTING
                ),
                None,
            )
            if disputed is not None:
                return f"{noun.text} {disputed.text}"
    return None


def _joined(denial: Any) -> list[Any]:
    """The verbs joined to ``denial`` after it, and one of saying set over it."""
    verbs = [
        c
        for c in denial.children
        if c.dep_ in ("conj", "advcl", "parataxis")
        and c.i > denial.i
        and c.pos_ in ("VERB", "AUX")
    ]
    head = denial.head
    if (
        denial.dep_ in ("ccomp", "conj", "parataxis")
        and head.i > denial.i
        and head.pos_ in ("VERB", "AUX")
    ):
        verbs.append(head)
    return verbs


def _grants(clause: Any, said: Any) -> bool:
    """Whether the reason ``clause`` (of the verb of saying ``said``) grants a holding.

    "he had been *released* on bail", "he had *turned himself in*", "he had
    been *questioned*": what befalls one held (:data:`_HELD_AFTER`); "*the
    army* had detained him", "he had been detained *by the army*": an arrest
    by a force; "*soldiers* had", "(the army said) *it* had": an arrest told
    by its doer alone, a force. Not negated ("he had *not* been released").
    """
    kids = list(clause.children)
    if any(c.dep_ == "neg" for c in kids):
        return False
    lemma = clause.lemma_.lower()
    if lemma in _HELD_AFTER or (
        lemma == "turn" and any(c.dep_ == "prt" and c.lower_ == "in" for c in kids)
    ):
        return True
    doers = [c for c in kids if c.dep_ == "nsubj"] + [
        g for c in kids if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
    ]
    if told_kind(clause) == "arrest":
        return any(_a_taker(d) for d in doers)
    if lemma in ("have", "do") and not any(
        c.dep_ in ("dobj", "ccomp", "xcomp", "acomp", "attr") for c in kids
    ):
        # "saying soldiers had", "the army said it had": the deed told, by them
        return any(
            _a_taker(d)
            or (
                d.lower_ in ("it", "they")
                and any(c.dep_ == "nsubj" and _a_taker(c) for c in said.children)
            )
            for d in doers
        )
    return False


def _a_taker(tok: Any) -> bool:
    """Whether ``tok`` is a force that takes one in: "the army", "soldiers"."""
    return tok.lemma_.lower() in _TAKERS or tok.lower_ in _TAKERS


def confirmed_next(denial: Any) -> bool:
    """Whether the sentence after the ``denial``'s grants what it denied.

    "Police initially denied that he had been arrested. *They later confirmed
    the arrest.*": its main verb, one of admitting (:data:`_ADMITTING`), not
    negated, of an object ("it", "the arrest"); in a sentence left unparsed,
    the words of such a one (:data:`_CONFIRMED_WORDS`). Not "They did not
    confirm it", nor "They confirmed that his brother was held".
    """
    doc = denial.doc
    unparsed = next(
        (t for t in denial.sent if t.i > denial.i and not t.dep_ and not t.is_space),
        None,
    )
    if unparsed is not None:
        # left unparsed, which a sentence naming no one and no place is, and
        # run into the one before: the words
        text = str(doc[unparsed.i : denial.sent.end].text)
        return _CONFIRMED_WORDS.match(text) is not None
    at = denial.sent.end
    while at < len(doc) and doc[at].is_space:
        at += 1
    if at >= len(doc):
        return False
    root = doc[at].sent.root
    kids = list(root.children)
    return (
        root.lemma_.lower() in _ADMITTING
        and not any(c.dep_ == "neg" for c in kids)
        and any(c.dep_ == "dobj" for c in kids)
    )


#: A sentence, left unparsed, that confirms what was told: "*They later
#: confirmed the arrest.*", "*Police have since admitted it.*"
_CONFIRMED_WORDS = re.compile(
    r"(?i)\s*(?:they|police|officials|authorities|the\s+\w+)\s+"
    r"(?:(?:later|subsequently|eventually|then|since|have|has|had)\s+)*"
    r"(?:confirmed|admitted|acknowledged|conceded)\s+"
    r"(?:it|this|that|the\s+arrest|his\s+arrest|her\s+arrest)\s*(?:\.|$)"
)


#: Auxiliaries that open a condition contrary to fact: "*had* they been asked",
#: "*were* they asked", "*should* anyone ask".
_INVERTED = frozenset({"had", "were", "should"})


def counterfactual(verb: Any) -> str | None:
    """The words of a condition contrary to fact on ``verb``, if it has one.

    "might have denied it *had they been asked*": a clause that opens with an
    auxiliary before its subject; or one of "if" ("*if they had been asked*").
    None otherwise.
    """
    for c in verb.children:
        if c.dep_ != "advcl":
            continue
        first = c.left_edge
        subject = next((s for s in c.children if s.dep_.startswith("nsubj")), None)
        if (
            first.lower_ in _INVERTED
            and first.dep_ in ("aux", "auxpass")
            and subject is not None
            and first.i < subject.i
        ):
            return str(verb.doc[first.i : c.i + 1].text)
        if any(m.dep_ == "mark" and m.lower_ == "if" for m in c.children):
            return str(verb.doc[first.i : c.i + 1].text)
    return None


def but_joined(verb: Any) -> str | None:
    """The words of a clause a "but" joins to ``verb``: "*, but he was seen*"."""
    for c in verb.children:
        if c.dep_ == "conj" and c.i > verb.i:
            cc = next(
                (k for k in verb.children if k.dep_ == "cc" and verb.i < k.i < c.i),
                None,
            )
            if cc is not None and cc.lower_ in ("but", "yet"):
                return f"{cc.text} {c.text}"
    return None
