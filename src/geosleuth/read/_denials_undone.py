"""Denials that what comes with them undoes.

Helper of :mod:`geosleuth.read._sighting_denials` (review r208). A denial of
an event told before it takes the event back, unless the words that come with
it undo it (:func:`undone`): a confirmation made after all ("police
initially denied that he had been arrested, *but later confirmed it*", "*but
his lawyer confirmed it*", "*but admitted arresting him*"; of the event
denied, not another's or another event: review r217), a denial
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

from geosleuth.read._denied_owners import LONG_AGO, TAKERS
from geosleuth.read._told_again import GIVING_REASON, _in_custody, told_kind

__all__ = ["but_joined", "confirmed_next", "counterfactual", "undone"]


#: Verbs that grant what a denial denied: "but later *confirmed* it", "but
#: *admitted* arresting him".
_ADMITTING = frozenset(
    {"confirm", "admit", "acknowledge", "concede", "verify", "corroborate"}
)
#: Verbs of saying that give a reason beside a denial: "*saying* the army had
#: detained him", "and *said* he had turned himself in".
_SAYING = GIVING_REASON | {"state", "tell"}
#: Verbs of what befalls one held, which grant that he was held: "saying he had
#: been *released* on bail", "*handed over*"; not "he had been *questioned*",
#: which one not held may be (review r217).
_HELD_AFTER = frozenset(
    {"release", "free", "bail", "hold", "transfer", "extradite", "charge", "jail",
     "imprison", "surrender", "hand"}
)  # fmt: skip
#: Nouns of a denial or claim, and verbs that dispute it: "*a claim* his lawyer
#: *disputed*".
_CLAIMS = frozenset({"claim", "statement", "assertion", "denial", "account", "version"})
_DISPUTING = frozenset(
    {"dispute", "deny", "reject", "contest", "contradict", "challenge", "refute"}
)


def undone(denial: Any) -> str | None:
    """The words that undo the ``denial``, a verb of denying, in its sentence.

    A verb of admitting joined to it, after it and not negated, of the event
    denied (:func:`_of_the_denied`: "*but later confirmed it*", "*but his
    lawyer confirmed the arrest*", "*but admitted arresting him*"), or one of
    taking the denial back ("*but later retracted the denial*"); a reason whose
    clause grants the one told of was held (:func:`_grants`: "*saying the army
    had detained him*", "*saying he had been released*"); or the claim it
    makes, disputed ("*, a claim his lawyer disputed*"). A verb of saying the
    parse sets over the denial counts as joined ("police denied that they had
    arrested him*; the army said it had*"). None where nothing undoes it
    ("denied that he had been arrested, *saying he had never been there*",
    "*but confirmed that his brother had been*", "*but confirmed that he had
    been questioned*": review r217).
    """
    for verb in _joined(denial):
        if any(c.dep_ == "neg" for c in verb.children):
            continue
        lemma = verb.lemma_.lower()
        if lemma in _ADMITTING and _of_the_denied(verb, denial):
            return str(verb.text)
        if lemma in _RETRACTING and any(
            c.dep_ == "dobj" and (c.lemma_.lower() in _CLAIMS or c.lower_ == "it")
            for c in verb.children
        ):
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


#: Verbs that take a denial back: "but later *retracted* the denial".
_RETRACTING = frozenset({"retract", "withdraw", "reverse", "rescind", "recant"})
#: Nouns of the event denied, or of the report of it, that a confirmation may
#: be of: "but later confirmed *the arrest*", "*the reports*".
_EVENT_OBJECTS = frozenset(
    {"arrest", "detention", "capture", "sighting", "report", "claim", "account",
     "story", "news"}
)  # fmt: skip
#: Pronouns that stand for what was denied: "but later confirmed *it*".
_THE_DENIED = frozenset({"it", "this", "that", "so"})


def _of_the_denied(verb: Any, denial: Any) -> bool:
    """Whether the verb of admitting ``verb`` grants what ``denial`` denied.

    Of no object ("*but later confirmed*"), of "it" or the event's noun ("*the
    arrest*", "*his arrest*", "*the reports*"), or of a clause of the kind
    denied that befalls the one denied of ("*that he had been arrested*",
    "*arresting him*", "*they had arrested a woman of 34*"). Not another's
    event ("*that his brother had been*", "*his wife had been detained*"),
    another event ("*that he had been questioned*", "*that a raid had taken
    place*", "*an operation in the city*", "*they were looking for him*"),
    review r217.
    """
    kids = [
        c
        for c in verb.children
        if c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > verb.i
    ]
    if not kids:
        return True
    kinds, gender = _denied_of(denial)
    for c in kids:
        if c.dep_ == "dobj":
            if c.lower_ in _THE_DENIED:
                return True
            if c.lemma_.lower() in _EVENT_OBJECTS and _own_noun(c, gender):
                return True
            continue
        if any(k.dep_ == "neg" for k in c.children):
            continue
        kind = told_kind(c) or _in_custody(c)
        if kind is None or (kinds and kind not in kinds):
            continue
        if _befalls_the_one(c, gender):
            return True
    return False


def _denied_of(denial: Any) -> tuple[frozenset[str], str | None]:
    """The kinds of event ``denial`` denies, and the gender of the one denied of.

    "denied *that he had been arrested*": an arrest, of "he"; "denied it": of
    no kind known (any), of no gender known.
    """
    kinds: set[str] = set()
    gender = None
    for c in denial.children:
        if c.dep_ not in ("ccomp", "xcomp") or c.i < denial.i:
            continue
        for v in (c, *c.conjuncts):
            kind = told_kind(v) or _in_custody(v)
            if kind is not None:
                kinds.add(kind)
        for t in c.subtree:
            if t.lower_ in _GENDERED and gender is None:
                gender = _GENDERED[t.lower_]
    return frozenset(kinds), gender


#: Pronouns of the one denied of, by gender.
_GENDERED = {"he": "he", "him": "he", "his": "he", "she": "she", "her": "she"}


def _own_noun(noun: Any, gender: str | None) -> bool:
    """Whether the event's noun ``noun`` is of the one denied of.

    "*the* arrest", "*his* arrest", "the arrest *of him*"; not "*his
    brother's* arrest", "the arrest *of his brother*".
    """
    for k in noun.children:
        if k.dep_ == "poss" and not _a_pronoun_of(k, gender):
            return False
        if (
            k.dep_ == "prep"
            and k.lower_ == "of"
            and any(
                g.dep_ == "pobj" and not _a_pronoun_of(g, gender) for g in k.children
            )
        ):
            return False
    return True


def _a_pronoun_of(tok: Any, gender: str | None) -> bool:
    """Whether ``tok`` is "he", "him", "his", "she", "her" of ``gender`` (any)."""
    own = _GENDERED.get(tok.lower_)
    return own is not None and gender in (None, own)


def _befalls_the_one(clause: Any, gender: str | None) -> bool:
    """Whether the event ``clause`` tells befalls the one a denial was of.

    Its subject, passive or of being ("*he* had been arrested", "*he* was in
    custody"), or else its object ("they had arrested *him*", "*a woman* of
    34"): a pronoun of that gender, or a bare noun of one ("a woman", "the
    man"), not "*his wife*", "*two of his bodyguards*", "*a gunman*".
    """
    kids = list(clause.children)
    subject = [c for c in kids if c.dep_ == "nsubjpass"] or [
        c for c in kids if c.dep_ == "nsubj" and clause.lemma_.lower() == "be"
    ]
    ones = subject or [c for c in kids if c.dep_ == "dobj"]
    if len(ones) != 1:
        return False
    one = ones[0]
    if _a_pronoun_of(one, gender):
        return True
    lemma = one.lemma_.lower()
    return (
        one.pos_ == "NOUN"
        and lemma in _ANY_ONE
        and (None in (_ANY_ONE[lemma], gender) or _ANY_ONE[lemma] == gender)
        and not any(k.dep_ in ("poss", "nummod") for k in one.children)
    )


#: Nouns of one, with their gender, that may be the one denied of: "they had
#: arrested *a woman* of 34".
_ANY_ONE: dict[str, str | None] = {
    "man": "he", "woman": "she", "person": None, "suspect": None,
}  # fmt: skip


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

    "he had been *released* on bail", "he had *turned himself in*": what
    befalls one held (:data:`_HELD_AFTER`), of him or her and at no other time
    or place (not "*his brother* had been released", "released from prison
    *in 2015*"); "*the army* had detained him", "he had been detained *by the
    army*": an arrest of him or her by a force (not "the army had detained
    *his brother*"); "*soldiers* had", "(the army said) *it* had": an arrest
    told by its doer alone, a force. Not negated ("he had *not* been
    released"). Review r217.
    """
    kids = list(clause.children)
    if any(c.dep_ == "neg" for c in kids):
        return False
    lemma = clause.lemma_.lower()
    subjects = [c for c in kids if c.dep_ in ("nsubj", "nsubjpass")]
    if lemma in _HELD_AFTER or (
        lemma == "turn" and any(c.dep_ == "prt" and c.lower_ == "in" for c in kids)
    ):
        return (
            len(subjects) == 1
            and _a_pronoun_of(subjects[0], None)
            and not _another_time_or_place(clause)
        )
    doers = [c for c in kids if c.dep_ == "nsubj"] + [
        g for c in kids if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
    ]
    if told_kind(clause) == "arrest":
        return any(_a_taker(d) for d in doers) and _befalls_the_one(clause, None)
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


#: Words of a date that is not the day of an event just told: "released from
#: prison *in 2015*", "*years ago*".


def _another_time_or_place(clause: Any) -> bool:
    """Whether ``clause`` names a time or place of its own: "*in 2015*"."""
    return any(
        (t.ent_type_ == "DATE" and LONG_AGO.search(t.text) is not None)
        or t.ent_type_ in ("GPE", "LOC", "FAC")
        for t in clause.subtree
    )


def _a_taker(tok: Any) -> bool:
    """Whether ``tok`` is a force that takes one in: "the army", "soldiers"."""
    return tok.lemma_.lower() in TAKERS or tok.lower_ in TAKERS


def confirmed_next(denial: Any) -> bool:
    """Whether the sentence after the ``denial``'s grants what it denied.

    "Police initially denied that he had been arrested. *They later confirmed
    the arrest.*": its main verb, one of admitting (:data:`_ADMITTING`), not
    negated, of an object ("it", "the arrest"); in a sentence left unparsed,
    the words of such a one (:data:`_CONFIRMED_WORDS`). Not "They did not
    confirm it", nor "They confirmed that his brother was held", "They
    confirmed an operation" (:func:`_of_the_denied`).
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
        and any(c.dep_ in ("dobj", "ccomp") for c in kids)
        and _of_the_denied(root, denial)
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
