"""Seeings denied, under a condition, or only reported.

Whether a verb of seeing is denied (:func:`_denied`: "has not been seen", "nobody
saw", "was seen by no one", "officials denied that a shepherd saw", "a hiker
falsely claimed he saw") or put under a condition ("if you saw", "whether he was
seen"), climbing the clauses that report it (:func:`_governed`); whether the
subject of a verb is no one (:func:`_nobody`); whether a "but" can put a place
seen in the stead of a denied one (:func:`_correctable`: "was not seen in Mosul
but in Raqqa"); and the report that holds a seeing reported only
(:func:`_hearsay`: "reports that a hiker saw Jane Doe") or only believed
(:func:`_believed`: "Police believe a hiker saw Jane Doe"). Used by
:func:`~geosleuth.read.sightings.add_seen`. Whose event a denial after a
semicolon denies ("; police denied *his arrest*") is
:mod:`geosleuth.read._denied_owners`'s to say.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, Literal

from geosleuth.evidence import Hedge
from geosleuth.read._denials_undone import (
    but_joined,
    confirmed_next,
    counterfactual,
    undone,
)
from geosleuth.read._denied_owners import (
    DENYING_BACK,
    EVENT_NOUNS,
    TAKERS,
    WHERE_NOUNS,
    described_only,
    gender_told,
    the_ones_told,
    told_before,
)
from geosleuth.read._doc_text import doc_text
from geosleuth.read._reports import (
    report_called_untrue,
    unjudged_report,
)
from geosleuth.read._sentence import CORRECTABLE, MentionLike, Sentence, denied_phrase
from geosleuth.read._target_names import Target
from geosleuth.read._target_pronouns import GENDER_OF
from geosleuth.read._told_again import (
    RECORDINGS,
    TIME_LABELS,
    TOLD_BEFORE,
    not_there,
    told_again,
    told_kind,
)
from geosleuth.read.attribution import REPORTING_LEMMAS, belief_hedge
from geosleuth.read.attribution._disputes import retracts
from geosleuth.read.hedges import hedge_of, semicolon_between, weakest
from geosleuth.read.whereabouts._clauses import unreal_deed

__all__ = [
    "_believed",
    "_correctable",
    "_denied",
    "_hearsay",
]


_NOBODY = frozenset({"nobody", "none", "noone"})


#: Conjunctions that make a clause a condition: "if you saw", "whether he was seen".
_CONDITION_MARKS = frozenset({"if", "whether", "unless"})


#: Adverbs that say a report is untrue: "a hiker falsely claimed he saw".
_UNTRUE = frozenset({"falsely", "wrongly"})
#: Verbs of taking someone that such an adverb calls wrongful, not untrue: "was
#: *wrongly arrested* in Durango" (he was arrested there, on wrong grounds).
_WRONGFUL = frozenset(
    {"arrest", "detain", "capture", "apprehend", "seize", "nab", "hold", "jail",
     "imprison", "deport", "extradite", "kidnap", "abduct", "stop"}
)  # fmt: skip


def _denied(
    s: Sentence, at: int
) -> tuple[Literal["negated", "conditional"], str] | None:
    """Whether, and how, the verb of seeing at offset ``at`` is denied.

    ``("negated", cue)`` for a seeing that is negated ("has not been seen", "never
    saw", "nobody has seen", "no one saw") or a report of it that is denied or
    untrue ("denied that a shepherd saw", "rejected reports that", "ruled out",
    "no witness reported seeing", "falsely claimed he saw", "was seen in Mosul,
    officials denied") or corrected ("but later said the man was someone else",
    :func:`_retracted`), or told again and denied in the next sentence
    (:func:`_denied_next`); ``("conditional", cue)`` for a seeing under a condition
    ("if you saw", "whether he was seen", "unless"); None for a seeing that is
    reported. Without a parse, a "not" or "never" just before the verb.
    """
    verb = next(
        (t for t in (s.sent if s.sent is not None else []) if t.idx == at), None
    )
    if verb is None:
        before = s.text[: at - s.span[0]]
        cue = re.search(r"\b(?:not|never|n['’]t)\s+(?:\w+\s+){0,2}$", before)
        if cue is None:
            return _retracted(s)
        return "negated", cue.group(0).split()[0]
    for t in (verb, *[c for c in verb.children if c.dep_ in ("aux", "auxpass")]):
        neg = next((c for c in t.children if c.dep_ == "neg"), None)
        if neg is not None:
            return "negated", str(neg.text)
        if t.lower_ == "never":
            return "negated", str(t.text)
    nobody = _nobody(verb, seeing=True)
    if nobody is not None:
        return "negated", nobody
    unreal = unreal_deed(verb)
    if unreal is not None:
        # "would have been arrested in Culiacán had soldiers not been delayed",
        # "should have been arrested": a deed that did not happen
        return "conditional", unreal
    return (
        _governed(verb, s.target, s.places)
        or _denied_next(verb, s.target, s.places)
        or _retracted(s)
    )


def _denied_next(
    verb: Any, target: Target | None, places: Sequence[MentionLike]
) -> tuple[Literal["negated"], str] | None:
    """The next sentence's denial that tells again the event ``verb`` tells, if any.

    "Salcedo was arrested in Culiacán on Monday, media reported. *Police later
    denied that he had been arrested in Culiacán on Monday.*", "*On Tuesday
    police would deny that he had ever been arrested.*": the main verb of the
    next sentence (or one joined to it) denies, made and not withheld, one
    clause that tells the event again, as a denial after a semicolon does
    (:func:`~geosleuth.read._told_again.told_again`, review r124, G1): a verb
    of the kind told, of a pronoun of the one told of, at no other place, and
    with no detail the event told lacks ("*without a warrant*"). Not one that
    only says the one told of was not there ("Police denied that he was
    there"), which disputes the sentence
    (:func:`~geosleuth.read._follow_ups.denies_the_place`); nor a sentence
    left unparsed.
    """
    kind = told_kind(verb)
    doc = verb.doc
    at = verb.sent.end
    while at < len(doc) and doc[at].is_space:
        at += 1
    if kind is None or _told_kinds(verb) is None or at >= len(doc):
        return None
    # the kinds of this verb alone: "arrested in Culiacán and *spotted in
    # Durango*. Police denied that he had been spotted in Durango." denies no
    # arrest (review r208, 1d)
    told = frozenset({kind}) | _witnessed(verb)
    root = doc[at].sent.root
    if root.dep_ != "ROOT":
        return None  # left unparsed
    for head in (root, *(c for c in root.children if c.dep_ == "conj")):
        denying = _denying(head)
        if (
            denying is None
            or any(
                _withheld(v) or _unmade(v) or any(c.dep_ == "neg" for c in v.children)
                for v in {head, root}
            )
            or _neither_nor(head)
            or undone(head) is not None
            or confirmed_next(head)
        ):
            # "Police would neither confirm nor deny", "did not confirm or
            # deny": the negation of the first verb is of the second too; "...,
            # but later confirmed it", "They later confirmed the arrest." undo
            # it (review r208, 1a, 1b)
            continue
        own = [c for c in head.children if c.dep_ == "ccomp"]
        if (
            len(own) == 1
            and told_kind(own[0]) in told
            and told_again(own[0], verb, target, places, told)
        ):
            return "negated", denying
    return None


def _neither_nor(verb: Any) -> bool:
    """Whether ``verb`` is joined by "nor", or its head has "neither": not done."""
    heads = [verb, verb.head] if verb.dep_ == "conj" else [verb]
    return any(
        c.lower_ in ("neither", "nor") and c.dep_ in ("cc", "preconj")
        for h in heads
        for c in h.children
    )


def _retracted(s: Sentence) -> tuple[Literal["negated"], str] | None:
    """The correction that takes the seeing of ``s`` back, if one does.

    A denial of the statement (:attr:`~geosleuth.read.attribution.Attribution.disputed`,
    in the sentence or the next) that says the one seen was someone else or that
    the sighting was ruled out
    (:func:`~geosleuth.read.attribution._disputes.retracts`): "Police earlier said
    Doe was seen in Aspen, *but later said the man seen there was someone else*",
    "... *The sighting was later ruled out.*" A seeing so corrected is no
    sighting, where one only disputed ("but police denied it") is one less sure.
    """
    if s.attr.disputed is None:
        return None
    a, b = s.attr.disputed
    if s.span[0] <= a and b <= s.span[1]:
        text = s.text[a - s.span[0] : b - s.span[0]]
    elif s.sent is not None:
        text = str(doc_text(s.sent.doc)[a:b])
    else:
        return None
    return ("negated", f"corrected: {text}") if retracts(text) else None


def _hearsay(s: Sentence, at: int) -> str | None:
    """The report that holds the seeing at document offset ``at``, if only reported.

    "There are *reports* that a hiker saw Jane Doe", "Police are investigating
    *reports* that she was seen", "a *tip* that she was spotted": the report
    noun (:func:`~geosleuth.read._reports.report_of`) above the verb of seeing,
    up the clauses that report it, when the text calls the report neither true
    nor untrue (one called untrue is a denial: :func:`_governed`). None if
    none, or unparsed.
    """
    tok = next((t for t in s.sent if t.idx == at), None) if s.sent else None
    if tok is None:
        return None
    return unjudged_report(tok, up=_SEEING_HEADS, steps=6) or _denial_withheld(
        tok, s.target, s.places
    )


#: The links up which a verb of seeing hangs on the verb a report holds: "was
#: *seen* and questioned", "said she was seen".
_SEEING_HEADS = frozenset({"conj", "xcomp", "ccomp"})


def _believed(s: Sentence, at: int) -> tuple[Hedge, str] | None:
    """The hedge of a verb of belief that reports the seeing at ``at``, and its cue.

    "Police *believe* a hiker saw Jane Doe in Leeds", "Police *believe* they have
    found the body of Jane Doe near Leeds", "a hiker *claimed* he saw her": a
    reporting verb (:data:`~geosleuth.read.attribution.REPORTING_LEMMAS`) above
    the verb of seeing, up the complements that report it, whose word hedges
    (:func:`~geosleuth.read.hedges.hedge_of`: "believe", "think", "claimed",
    "doubt"), or a word of firm belief ("Police *are confident* a hiker saw
    her": :func:`~geosleuth.read.attribution.belief_hedge`), the weakest of
    them. Not a verb joined to the seeing ("Police believe she is in York, and a
    hiker saw her in Leeds"), nor one negated or that denies
    (:func:`_governed`). A denial that may have been made ("police *may have
    denied* that he had been captured": :func:`_maybe_made`) is a doubt of the
    seeing, probable (review r124, W2). None if none, or unparsed.
    """
    tok = next((t for t in s.sent if t.idx == at), None) if s.sent else None
    doubts: list[str] = []
    if tok is not None:
        # "police may have denied that he had been captured": a doubt
        _governed(tok, s.target, s.places, doubts=doubts)
    found: tuple[Hedge, str] | None = ("probable", doubts[0]) if doubts else None
    for _ in range(6):
        if tok is None or tok.head.i == tok.i:
            break
        if tok.dep_ == "conj" and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in tok.children
        ):
            tok = tok.head  # "believe she was seen and arrested in Leeds"
            continue
        if tok.dep_ != "ccomp":
            break
        head = tok.head
        firm = belief_hedge(head)  # "Police are confident a hiker saw her"
        # "*Everything indicates that* she was seen", "*Indications are that*":
        # an inference, as for where she is (probable); "*Nothing suggests*"
        inferred = _inferred(head, tok)
        if firm is not None or (
            head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in REPORTING_LEMMAS
        ):
            after = head.nbor() if head.i + 1 < len(head.doc) else head
            words = str(doc_text(head.doc)[head.idx : after.idx + len(after.text)])
            hedge, cue = firm or inferred or hedge_of(words)
            if (
                cue is not None
                and hedge != "certain"
                and (found is None or weakest(hedge, found[0]) != found[0])
            ):
                found = hedge, cue
        elif inferred is not None and (
            found is None or weakest(inferred[0], found[0]) != found[0]
        ):
            found = inferred
        tok = head
    return found


def _inferred(head: Any, clause: Any) -> tuple[Hedge, str] | None:
    """The hedge of an inference that ``head`` draws in its complement ``clause``.

    "*Everything indicates that* she was seen", "*Indications are that* ...",
    "*Little evidence suggests* ...", "*Nothing suggests* ...": the words from
    the subject of ``head`` (a few words, no clause of their own) to the
    complement, when they are one of the inferences of
    :func:`~geosleuth.read.hedges.hedge_of` (probable, or doubtful for one
    denied). None otherwise ("Police say she was seen": the police's word).
    """
    subjects = [c for c in head.children if c.dep_ == "nsubj" and c.i < head.i]
    if len(subjects) != 1 or any(c.dep_ == "neg" for c in head.children):
        return None
    subject = list(subjects[0].subtree)
    if len(subject) > 4 or any(t.pos_ in ("VERB", "AUX") for t in subject):
        return None
    first = next((t for t in clause.subtree if t.dep_ != "mark"), clause)
    words = str(doc_text(head.doc)[subject[0].idx : first.idx])
    hedge, cue = hedge_of(words)
    if cue is None or hedge not in ("probable", "doubtful"):
        return None
    if head.lower_ not in cue.lower().split():
        return None  # the hedge is not the inference's own words
    return hedge, cue


def _correctable(s: Sentence, at: int, cue: str) -> bool:
    """Whether a "but" can put a place seen in the stead of one that ``cue`` denies.

    Only a "not" or "never" of the seeing at offset ``at`` is so corrected ("was
    not seen in Mosul but in Raqqa"); one who saw no one, or a clause above that
    denies the seeing ("denied that she was not seen in Mosul but in Raqqa"), is
    not.
    """
    if cue.lower() not in CORRECTABLE:
        return False
    verb = next(
        (t for t in (s.sent if s.sent is not None else []) if t.idx == at), None
    )
    return verb is None or _governed(verb, s.target, s.places) is None


def _nobody(verb: Any, *, seeing: bool = False) -> str | None:
    """The subject of ``verb`` that is no one, if any; of a seeing, also the seen.

    "nobody", "none", "no witness", "not a single resident", "not one hiker",
    "neither residents nor police" (:func:`~geosleuth.read._sentence.denied_phrase`).
    With ``seeing``, the one seen (the object: "saw neither her nor her husband",
    "saw not her but her sister") and the one who saw in the passive (the agent:
    "was seen by no one", "by neither residents nor police") are looked at too.
    """
    deps = ("nsubj", "nsubjpass", *(("dobj", "obj") if seeing else ()))
    who = [c for c in verb.children if c.dep_ in deps]
    if seeing:
        who += [
            g
            for c in verb.children
            if c.dep_ == "agent"
            for g in c.children
            if g.dep_ == "pobj"
        ]
    for w in who:
        if w.lower_ in _NOBODY:
            return str(w.text)
        # the first word denies it, unless a limit follows ("not only")
        denial = denied_phrase(w)
        if denial is not None:
            return denial
    return None


def _asked(clause: Any, mark: Any) -> bool:
    """Whether ``mark`` asks the question of ``clause`` that a refused word leaves open.

    "Officials declined to confirm *whether* he had been arrested", "would not
    confirm *if*", "could not confirm whether": the complement of a verb that
    vouches, refused (:func:`_refused`) or not done (:func:`_unable`), is what
    was asked, not a condition; the seeing is only raised, as "declined to
    confirm that". So is an "if" clause the parse hangs on it as a condition
    where the verb has no object ("Police *won't confirm if* he had been
    arrested"; not "won't confirm *it* if asked"). Not "unless", nor a
    "whether" of any other verb ("did not say whether").
    """
    head = clause.head
    if mark.lower_ not in ("whether", "if"):
        return False
    if _refused(head) is None and _unable(head) is None:
        return False
    return clause.dep_ == "ccomp" or (
        clause.dep_ == "advcl"
        and not any(c.dep_ in ("dobj", "ccomp") for c in head.children)
    )


def _denying(verb: Any) -> str | None:
    """The words of ``verb`` if it denies what it governs: "dismissed", "ruled out".

    A verb of denying (:data:`~geosleuth.read._denied_owners.DENYING_BACK`):
    "denied that a shepherd saw", "rejected reports that a hiker saw",
    "dismissed claims that".
    """
    if verb.lemma_.lower() in DENYING_BACK:
        return str(verb.text)
    if verb.lemma_.lower() == "rule" and any(
        c.dep_ == "prt" and c.lower_ == "out" for c in verb.children
    ):
        return f"{verb.text} out"
    return None


#: Verbs that refuse their infinitive: "*declined* to confirm".
_REFUSING = frozenset({"refuse", "decline"})
#: Verbs whose infinitive is not done: "*refused to* dismiss", "*declined to*
#: deny", "*failed to*".
_WITHHOLDING = _REFUSING | {"fail"}


def _withheld(verb: Any) -> str | None:
    """The words that withhold ``verb``, if any: "did *not* dismiss", "*refused to*"."""
    neg = next((c for c in verb.children if c.dep_ == "neg"), None)
    if neg is not None:
        return f"{neg.text} {verb.text}"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _WITHHOLDING:
        return f"{verb.head.text} to {verb.text}"
    return None


def _unmade(verb: Any) -> bool:
    """Whether ``verb`` is only foretold or possible: "*will* deny", "*may* deny".

    A modal before it other than "would" ("police *would later deny* that":
    a denial made, told from before it).
    """
    return any(
        c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ not in ("would", "'d")
        for c in verb.children
        if c.i < verb.i
    )


#: Modals of a past deed that may have been done: "police *may have* denied".
_MAYBE = frozenset({"may", "might"})


def _maybe_made(verb: Any) -> str | None:
    """The words by which ``verb`` may have been done: "*may have denied*".

    A modal of possibility (:data:`_MAYBE`) and a perfect "have" before it: a
    deed that may have happened, not one foretold ("may deny") nor undone
    ("should have denied"). None otherwise.
    """
    aux = [c for c in verb.children if c.dep_ == "aux" and c.i < verb.i]
    modal = next((c for c in aux if c.tag_ == "MD" and c.lower_ in _MAYBE), None)
    if modal is None or not any(c.lemma_.lower() == "have" for c in aux):
        return None
    return str(verb.doc[modal.i : verb.i + 1].text)


#: Verbs that vouch for what they govern: "declined to *confirm* that".
_VOUCHING = frozenset({"confirm", "accept", "acknowledge", "verify"})
#: Modals of will that, negated, refuse the verb they are of: "*would* not
#: confirm", "*won't* confirm" (not "could not confirm": not able to).
_WILLING = frozenset({"will", "would", "wo"})


def _refused(verb: Any) -> str | None:
    """The words that refuse ``verb``, a verb that vouches, if any.

    "*declined to* confirm", "*refused to* accept", "*would not* confirm",
    "*won't* confirm": a word withheld, which neither vouches for what it
    governs nor denies it (:func:`_denial_withheld`). Not "could not confirm",
    nor "did not confirm".
    """
    if verb.lemma_.lower() not in _VOUCHING:
        return None
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _REFUSING:
        return f"{verb.head.text} to {verb.text}"
    return _negated_modal(verb, lambda c: c.lemma_.lower() in _WILLING)


def _negated_modal(verb: Any, modal_of: Callable[[Any], bool]) -> str | None:
    """The words "MODAL not VERB" ("won't confirm") where ``verb`` has both.

    ``modal_of`` tells which auxiliaries count: of will (:func:`_refused`) or
    of ability (:func:`_unable`).
    """
    neg = next((c for c in verb.children if c.dep_ == "neg"), None)
    modal = next(
        (c for c in verb.children if c.dep_ == "aux" and modal_of(c) and c.i < verb.i),
        None,
    )
    if neg is None or modal is None:
        return None
    return str(verb.doc[modal.i : verb.i + 1].text)


#: Verbs that vouch, which one may be unable to do: "could not *confirm*".
_CHECKING = frozenset({"confirm", "verify", "corroborate"})
#: Modals of ability that, negated, leave such a verb undone: "*could* not
#: confirm", "*cannot* verify", "*can't* be confirmed".
_ABLE = frozenset({"can", "could", "ca"})


def _unable(verb: Any) -> str | None:
    """The words by which ``verb``, a verb that vouches, could not be done.

    "*could not confirm*", "*cannot verify*", "*could not be confirmed*", "*were
    unable to confirm*": no one vouches for what it governs, and no one denies
    it; the seeing is only raised, as for a word withheld (:func:`_refused`).
    So is one not yet made (:func:`_not_yet_confirmed`: "*has not been
    confirmed*", "*has yet to be confirmed*", "*remains unconfirmed*"). Not
    "did not confirm".
    """
    yet = _not_yet_confirmed(verb)
    if yet is not None:
        return yet
    if verb.lemma_.lower() not in _CHECKING:
        return None
    if verb.dep_ == "xcomp" and verb.head.lower_ == "unable":
        return f"unable to {verb.text}"
    return _negated_modal(verb, lambda c: c.lower_ in _ABLE)


#: Words for a thing not confirmed: "remains *unconfirmed*".
_UNCHECKED = frozenset({"unconfirmed", "unverified", "uncorroborated"})


def _not_yet_confirmed(verb: Any) -> str | None:
    """The words by which ``verb`` says a confirmation is not yet made, if it does.

    "*has not been confirmed*" (a perfect passive, negated), "*has yet to be
    confirmed*", "*remains unconfirmed*": no one has vouched for it yet, as
    "could not be confirmed"; no one denies it. Not "did not confirm", nor
    "was not confirmed", nor "has been denied".
    """
    lemma = verb.lemma_.lower()
    kids = list(verb.children)
    if lemma in _CHECKING and any(c.dep_ == "neg" for c in kids):
        perfect = next(
            (c for c in kids if c.dep_ == "aux" and c.lemma_.lower() == "have"), None
        )
        if perfect is not None and any(c.dep_ == "auxpass" for c in kids):
            return str(verb.doc[perfect.i : verb.i + 1].text)
        return None
    if lemma == "have" and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in kids):
        checked = next(
            (c for c in kids if c.dep_ == "xcomp" and c.lemma_.lower() in _CHECKING),
            None,
        )
        if checked is not None:
            return str(verb.doc[verb.i : checked.i + 1].text)
    if lemma == "remain":
        unchecked = next(
            (c for c in kids if c.dep_ == "acomp" and c.lower_ in _UNCHECKED), None
        )
        if unchecked is not None:
            return f"{verb.text} {unchecked.text}"
    return None


def _denial_withheld(
    tok: Any, target: Target | None = None, places: Sequence[MentionLike] = ()
) -> str | None:
    """The words of a denial withheld above the seeing ``tok``, if one is.

    "Police *refused to dismiss* reports that she was seen in York", "did *not
    rule out* that ...": climbing as :func:`_governed` does, a verb that would
    deny it, negated or refused; the seeing is only raised. So a verb that
    would vouch for it, refused ("*declined to confirm* that he had been
    arrested"). Not "did not deny that", which leaves the speaker's word as it
    is.
    """
    clause = tok
    for _ in range(8):
        if clause.dep_ == "conj" and clause.lemma_.lower() in REPORTING_LEMMAS:
            # "did not rule out that she had been killed, *but said she was
            # seen* in York": the report joined to it is its own
            return None
        asked = next((c for c in clause.children if c.dep_ == "mark"), None)
        if clause.dep_ in ("conj", "ccomp", "xcomp", "csubj") or (
            # "Police won't confirm if he had been arrested": what was asked
            clause.dep_ == "advcl" and asked is not None and _asked(clause, asked)
        ):
            head = clause.head
        elif clause.dep_ == "acl" and clause.head.pos_ in ("NOUN", "PROPN"):
            head = clause.head.head
            if head.pos_ == "ADP":
                head = head.head
        else:
            return None
        if head is clause or head.pos_ not in ("VERB", "AUX"):
            return None
        unable = _unable(head)
        if semicolon_between(clause, head):
            # "She was found dead in York; police did not rule out that ...",
            # which the parse may hang on "rule"; not "...; his arrest could not
            # be confirmed", which is of the seeing
            if _confirms_back(head, clause, target, places, _told_kinds(tok)):
                return unable
            # "...; police denied the arrest *of the suspect*", the text naming no
            # one else: the target's, maybe (review r86, #2)
            return _described_back(head, clause, tok, target, places)
        if _denying(head) is not None:
            # not "did not deny that": the speaker's word, as for a place
            return None if head.lemma_.lower() == "deny" else _withheld(head)
        refused = _refused(head)
        if refused is not None and clause.dep_ != "conj":
            # "The navy declined to confirm that he had been arrested", "would
            # not confirm whether": a word withheld, as "declined to confirm
            # reports that"; not "would not confirm Zambada's whereabouts, *but
            # Salcedo was seen*", a clause joined to the refusal, not under it
            return refused
        if unable is not None and clause.dep_ != "conj":
            # "Police could not confirm that he had been arrested": no one
            # vouches for it, and no one denies it; not "could not confirm his
            # whereabouts, *but he was seen*", joined to it
            return unable
        clause = head
    return None


#: Verbs (lemmas) of confirming, which after a semicolon may be of the seeing.
_CONFIRMING = _CHECKING | {"substantiate"}


def _confirms_back(
    verb: Any,
    before: Any,
    target: Target | None = None,
    places: Sequence[MentionLike] = (),
    told: frozenset[str] | None = None,
) -> bool:
    """Whether ``verb`` confirms the clause ``before`` it, and no clause of its own.

    "; the sighting has not been confirmed", "; police could not confirm it",
    "; officials denied it"; not "; officials would not confirm that he was
    wounded", "; officials denied wrongdoing"; nor, after a seeing of the kinds
    ``told`` (:func:`_told_kinds`), an event of another kind ("was seen ...;
    police denied *his arrest*": :func:`~geosleuth.read._denied_owners.told_before`).
    Of nouns joined, any may be what was told ("; police denied *the arrest and
    the sighting*", review r112, W9); and a denial whose reason says the one
    told of was not there denies the event told whatever its kind ("; police
    denied his arrest, *saying he had never been there*":
    :func:`~geosleuth.read._told_again.not_there`, review r112, W11). A denial
    of a clause of its own denies what was told only where the clause tells it
    again (:func:`~geosleuth.read._told_again.told_again`: "was arrested ...;
    police denied *that he had been captured*", review r112, U5).
    """
    denying = verb.lemma_.lower() in DENYING_BACK
    own = [
        c
        for c in verb.children
        # "; police denied *having arrested him*", "*arresting him*"
        if (c.dep_ == "ccomp" or (c.dep_ == "xcomp" and denying)) and c.i > before.i
    ]
    if own:
        return (
            verb.lemma_.lower() in DENYING_BACK
            and len(own) == 1
            and told_again(own[0], before, target, places, told)
        )
    if verb.lemma_.lower() in _CONFIRMING or _not_yet_confirmed(verb) is not None:
        # "; the arrest has yet to be confirmed", "remains unconfirmed", "police
        # could not confirm it", "could not immediately confirm": what is
        # confirmed (the object, or the subject of "has yet to be", "remains";
        # not "*police*", who confirm) is what was told; not "; the cause of
        # the arrest remains unconfirmed", a detail of it
        deps = ("dobj", "nsubjpass")
        if verb.lemma_.lower() not in _CONFIRMING:
            deps = ("nsubj", "nsubjpass")
        what = [c for c in verb.children if c.dep_ in deps]
        return all(
            any(
                told_before(n, before, _CONFIRMED_BACK, target, places, told)
                for n in (c, *c.conjuncts)
            )
            for c in what
        )
    if verb.lemma_.lower() not in DENYING_BACK:
        return False
    if not_there(verb, before, places):
        told = None  # "; police denied his arrest, saying he had never been there"
    # "; officials denied *it*", "; police dismissed *the report*", "; police
    # denied *the arrest and the sighting*": a denial of what was told before;
    # not "; officials denied wrongdoing"
    nouns = [
        n
        for c in verb.children
        if c.dep_ in ("dobj", "nsubjpass")
        for n in (c, *c.conjuncts)
    ]
    return any(
        told_before(n, before, TOLD_BEFORE, target, places, told)
        # "; police denied his brother's arrest *and the report of a
        # shootout*", "the arrest of his brother *and that of his cousin*": of
        # nouns joined, a report or a pronoun is of the event its words are of
        # (review r116, W4)
        and (
            len(nouns) == 1
            or n.lemma_.lower() in EVENT_NOUNS
            or _the_targets(n, before, target, places)
        )
        for n in nouns
    )


def _the_targets(
    noun: Any, before: Any, target: Target | None, places: Sequence[MentionLike]
) -> bool:
    """Whether the report or pronoun ``noun``, of nouns denied together, is the told.

    Of the one the clause ``before`` tells of: "the claim", "it", "reports *of
    his arrest*" (the event a report is of:
    :func:`~geosleuth.read._denied_owners.the_ones_told`); not "the report *of
    a shootout*", "that *of his cousin*", nor "his arrest and reports *of
    torture*", where the parse hangs the last noun's "of" on the first.
    """
    heads = [noun] + ([noun.head] if noun.dep_ == "conj" else [])
    events = [
        e
        for h in heads
        for c in h.children
        if c.dep_ == "prep" and c.lower_ == "of" and (h is noun or c.i > noun.i)
        for g in c.children
        if g.dep_ == "pobj"
        for e in (g, *g.conjuncts)
    ]
    if not events:
        return the_ones_told(noun, before, target, places)
    return all(
        e.lemma_.lower() in EVENT_NOUNS and the_ones_told(e, before, target, places)
        for e in events
    )


#: What a verb of confirming confirms when it is what was told before: "; *this*
#: has not been confirmed", "; *the report* has yet to be confirmed", "; *his
#: death* remains unconfirmed", "; *the location* of the sighting has not been
#: confirmed" (where it happened is what the clause told: review r64, M3); not
#: "; *the cause* of his death (*his motive*, *the number* of arrests) has yet
#: to be confirmed", a detail of it.
_CONFIRMED_BACK = TOLD_BEFORE | EVENT_NOUNS | WHERE_NOUNS | {
    "these", "those", "information", "news", "statement", "assertion", "footage",
    "video", "image", "photo", "presence",
}  # fmt: skip


def _told_kinds(verb: Any) -> frozenset[str] | None:
    """The kinds of event the verb of seeing ``verb`` and the verbs joined to it tell.

    "was seen in Culiacán": a sighting; "was seen and arrested in Culiacán",
    "was arrested and seen": a sighting and an arrest, either of which a
    denial may be of; not a verb with a subject of its own ("Salcedo was seen
    and *his brother was arrested*"). With them, what the seeing saw ("was seen
    *being arrested*", "*in custody*", "in Culiacán, *where he was arrested*":
    :func:`_witnessed`). None where one is of no known kind
    (:func:`~geosleuth.read._told_again.told_kind`), which any denial may be of.
    """
    alone = not _has_subject(verb)
    verbs = [verb] + [
        c
        for c in verb.conjuncts
        if c.pos_ in ("VERB", "AUX")
        and (not _has_subject(c) or (alone and c.i < verb.i))
    ]
    kinds = [told_kind(v) for v in verbs]
    if any(k is None for k in kinds):
        return None
    return frozenset(k for k in kinds if k is not None) | _witnessed(verb)


#: Words of one held, which a seeing "in" them tells as an arrest too: "was seen
#: *in custody*", "photographed *in handcuffs*", "seen being taken *into
#: custody*", "seen *in jail*", "*in a cell*".
_HELD = frozenset(
    {"custody", "handcuff", "handcuffs", "shackle", "shackles", "jail", "cell"}
)
#: Words of one held by what a preposition other than "in" puts one: "seen
#: *under arrest*", "*behind bars*".
_HELD_BY = {"under": frozenset({"arrest", "guard"}), "behind": frozenset({"bar"})}
#: Things of a force that one in them is held by: "seen *in police hands*",
#: "*in the hands of police*", "bundled *into a police car*".
_HELD_IN = frozenset({"hand", "car", "van", "vehicle", "truck"})
#: Verbs of an arrest, of a seeing's doing, that tell no seeing of their own:
#: "seen *being handcuffed*".
_HANDCUFFING = frozenset({"handcuff", "shackle"})
#: Verbs of taking one along, an arrest when a force does it: "seen being
#: *escorted by police*", "*held by police*", "*frogmarched by soldiers*".
_TAKING = frozenset(
    {"lead", "take", "haul", "drag", "march", "frogmarch", "escort", "whisk",
     "bundle", "carry", "hold", "pick"}
)  # fmt: skip
#: Marks of a clause of the time of a seeing: "filmed *while* being arrested".
_WHILE = frozenset({"while", "as", "when"})


def _witnessed(verb: Any) -> frozenset[str]:
    """The kinds of event the seeing ``verb`` tells besides a sighting: what it saw.

    "was seen *being arrested* in Culiacán", "filmed *being led away by
    soldiers*", "*being handcuffed*", "*being picked up by police*", "seen in
    Culiacán, *picked up by police* for questioning", "filmed *while being
    arrested*", "caught on camera *being arrested*", "seen *in
    custody*", "photographed *in handcuffs*", "seen *under arrest*", "*behind
    bars*", "*in a police cell*": the seeing of an arrest is an arrest too,
    which a denial of the arrest denies (reviews r112, W7, W8; r116, W5);
    "seen in Culiacán, *where he was arrested*": an event the clause tells at
    the place seen, of the one seen (W10). Not "seen walking in Culiacán",
    "seen being led away by gunmen", "seen in Culiacán, where *his brother*
    was arrested", "where he was born". Nothing for a verb of no seeing.
    """
    if told_kind(verb) != "sighting":
        return frozenset()
    kinds = set()
    gender = gender_told(verb)
    doing = [verb] + [c for c in verb.children if c.dep_ == "xcomp"]
    # "seen on Monday *being held by police*", which the parse hangs on the time
    doing += _after_time(verb)
    # "filmed *while being arrested*", "seen *as he was arrested*"
    doing += [
        c
        for c in verb.children
        if c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in _WHILE for m in c.children)
        and _of_the_seen(c, gender)
    ]
    # "seen in Culiacán on Monday, *picked up by police* for questioning": a
    # participle of the one seen, of no clause mark, that a force takes him in
    # (review r124, G2); not "*picked up by his driver*", "*driving a police van*"
    doing += [
        c
        for c in verb.children
        if c.dep_ == "advcl"
        and c.tag_ == "VBN"
        and not any(m.dep_ in ("mark", "nsubj", "nsubjpass") for m in c.children)
        and _led_away(c)
    ]
    for v in doing[1:]:
        kind = told_kind(v)
        if kind is None and _led_away(v):
            kind = "arrest"
        if kind is not None:
            kinds.add(kind)
    for v in doing:
        for prep in v.children:
            if prep.dep_ != "prep":
                continue
            for place in prep.children:
                if place.dep_ != "pobj":
                    continue
                if _held(prep, place):
                    kinds.add("arrest")
                if prep.lower_ == "on" and place.lower_ in RECORDINGS:
                    # "caught on camera *being arrested*"
                    for c in place.children:
                        kind = told_kind(c) if c.dep_ == "acl" else None
                        if c.dep_ == "acl" and (kind is not None or _led_away(c)):
                            kinds.add(kind or "arrest")
                kinds.update(_told_there(place, gender))
    return frozenset(kinds)


def _of_the_seen(clause: Any, gender: str | None) -> bool:
    """Whether ``clause`` has no subject, or a pronoun of the one seen (``gender``)."""
    subject = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subject:
        return True
    said = GENDER_OF.get(subject[0].lower_)
    return len(subject) == 1 and said in ("he", "she") and gender in (None, said)


def _held(prep: Any, place: Any) -> bool:
    """Whether ``prep`` ``place`` puts one held: "*in custody*", "*behind bars*".

    "in custody", "in handcuffs", "in jail", "in a cell" (:data:`_HELD`);
    "under arrest", "behind bars" (:data:`_HELD_BY`); "in police hands",
    "in the hands of police", "into a police car" (:data:`_HELD_IN`, of a
    force: :data:`TAKERS`).
    """
    word, lemma = prep.lower_, place.lemma_.lower()
    if word in ("in", "into") and lemma in _HELD:
        # not "seen in jail *visiting his brother*", "*as a visitor*" (review
        # r124, W3)
        return not _visiting(prep.head)
    if lemma in _HELD_BY.get(word, ()):
        return _held_by(place)
    if word not in ("in", "into") or lemma not in _HELD_IN:
        return False
    whose = [c for c in place.children if c.dep_ in ("compound", "amod")] + [
        g
        for c in place.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return any(g.lemma_.lower() in TAKERS for g in whose)


#: Verbs and nouns of one who comes to a jail, not held in it: "seen in jail
#: *visiting* his brother", "*as a visitor*".
_VISITING = frozenset({"visit", "visitor", "guest"})


def _visiting(verb: Any) -> bool:
    """Whether the one the seeing ``verb`` saw visits: "*visiting* his brother"."""
    return any(
        (
            c.dep_ in ("advcl", "xcomp", "conj", "pcomp")
            and c.lemma_.lower() in _VISITING
        )
        or (
            c.dep_ == "prep"
            and c.lower_ == "as"
            and any(g.lemma_.lower() in _VISITING for g in c.children)
        )
        for c in (*verb.children, *_after_time(verb))
    )


def _after_time(verb: Any) -> list[Any]:
    """Verbs the parse hangs on a time of ``verb``: "seen on Monday *being held*".

    The parse takes "on Monday being held by police" as one phrase; the verb
    is the seen one's doing all the same.
    """
    return [
        g
        for c in verb.children
        if c.dep_ == "prep"
        for g in c.children
        if g.dep_ == "pcomp"
        and g.pos_ in ("VERB", "AUX")
        # "on Monday", which the parse may take for the subject of the verb
        and any(
            o.dep_ in ("pobj", "nsubj", "nsubjpass") and o.ent_type_ in TIME_LABELS
            for o in (*c.children, *g.children)
        )
    ]


def _held_by(place: Any) -> bool:
    """Whether "under" or "behind" ``place`` holds the one seen: "*behind bars*".

    "behind bars", not "behind *the bar of a cantina*"; "under arrest", "under
    guard", "under *police* guard", "under *armed* guard", "under the guard
    *of soldiers*", not "under guard *of his own gunmen*" (review r124, W3).
    """
    kids = list(place.children)
    if place.lemma_.lower() == "bar":
        return place.lower_ == "bars" and not any(
            k.dep_ in ("det", "poss") or (k.dep_ == "prep" and k.lower_ == "of")
            for k in kids
        )
    keepers = [
        g
        for c in kids
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return all(g.lemma_.lower() in TAKERS for g in keepers)


def _led_away(verb: Any) -> bool:
    """Whether ``verb`` takes one by a force, or handcuffs one.

    "led away *by soldiers*", "picked up *by police*", "hauled off *by
    police*", "escorted *by police*", "held *by police*", "*handcuffed*",
    "*rounded up*"; not "led away *by gunmen*", "picked up *by his wife*".
    """
    lemma = verb.lemma_.lower()
    if lemma in _HANDCUFFING:
        return True
    along = {c.lower_ for c in verb.children if c.dep_ in ("advmod", "prt")}
    if lemma == "round" and "up" in along:
        return True
    if not (along & {"away", "off"} or lemma in _TAKING):
        return False
    return any(
        g.dep_ == "pobj" and g.lemma_.lower() in TAKERS
        for c in verb.children
        if c.dep_ == "agent"
        for g in c.children
    )


def _told_there(place: Any, gender: str | None) -> set[str]:
    """The kinds of event a clause of ``place`` tells of the one seen there.

    "seen in Culiacán, *where he was arrested*": a "where" clause whose subject
    is a pronoun of the one seen (of ``gender``, where known), not negated.
    """
    kinds = set()
    for clause in place.children:
        if clause.dep_ != "relcl" or not any(
            c.dep_ == "advmod" and c.lower_ == "where" for c in clause.children
        ):
            continue
        kind = told_kind(clause)
        subject = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if (
            kind is None
            or any(c.dep_ == "neg" for c in clause.children)
            or len(subject) != 1
            or GENDER_OF.get(subject[0].lower_) not in ("he", "she")
            or gender not in (None, GENDER_OF[subject[0].lower_])
        ):
            continue
        kinds.add(kind)
    return kinds


def _has_subject(verb: Any) -> bool:
    """Whether ``verb`` has a subject of its own."""
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _described_back(
    verb: Any,
    before: Any,
    seeing: Any,
    target: Target | None,
    places: Sequence[MentionLike],
) -> str | None:
    """The words by which ``verb`` denies the event told, of a description only.

    "...; police denied *the arrest of the suspect*" where the text names no
    one else (:func:`~geosleuth.read._denied_owners.described_only`): the cue
    that makes the seeing possible. Only a denial of the kind of event the
    verb of ``seeing`` tells (:data:`~geosleuth.read._told_again.TOLD_KINDS`):
    "was arrested ...; denied the arrest", not "was last seen ...; denied the
    arrest of the suspect" (review r93, #1).
    """
    if verb.lemma_.lower() not in DENYING_BACK:
        return None
    told = {told_kind(seeing)} | _witnessed(seeing)
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in EVENT_NOUNS:
            for kind in sorted(k for k in told if k is not None):
                who = described_only(c, before, target, places, kind)
                if who is not None:
                    return f"{verb.text} the {c.text} of {who}, maybe the target"
    return None


def _governed(
    verb: Any,
    target: Target | None = None,
    places: Sequence[MentionLike] = (),
    doubts: list[str] | None = None,
) -> tuple[Literal["negated", "conditional"], str] | None:
    """How the clauses above ``verb`` in the parse deny it, if they do.

    Climbs from the verb of seeing through the clauses that report it (a
    complement, "denied that ... saw", "reported seeing"; or a content clause of a
    noun, "reports that ... saw", to the verb of the noun), and stops at any
    other link ("the hiker who saw", "after a hiker saw"). On the way: an "if",
    "whether" or "unless" that introduces a clause is a condition; a verb that
    denies ("deny", "reject", "dismiss", "refute", "rule out"), a negated verb
    ("did not report seeing"), a subject that is no one ("no witness reported")
    or "falsely" deny it. A denial that may have been made ("*may have
    denied*": :func:`_maybe_made`) denies nothing; its words are added to
    ``doubts``, where given.
    """
    clause = verb
    told = _told_kinds(verb)
    for _ in range(8):
        mark = next(
            (
                c
                for c in clause.children
                if c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS
            ),
            None,
        )
        if mark is not None and not _asked(clause, mark):
            return "conditional", str(mark.text)
        untrue = next((c for c in clause.children if c.lower_ in _UNTRUE), None)
        if untrue is not None and not (
            clause is verb and verb.lemma_.lower() in _WRONGFUL
        ):
            # not "was *wrongly arrested* in Durango": an arrest whose grounds
            # are wrong, which happened where it is said to
            return "negated", str(untrue.text)
        if clause.dep_ == "conj":  # "denied that he was in Mosul or seen in Hajin"
            clause = clause.head
            continue
        untrue = report_called_untrue(clause)  # "rumours that ... were false"
        if untrue is not None:
            return "negated", untrue
        if clause.dep_ in ("ccomp", "xcomp", "csubj"):
            head = clause.head
        elif clause.dep_ == "acl" and clause.head.pos_ in ("NOUN", "PROPN"):
            head = clause.head.head  # "reports that a hiker saw" → the noun's verb
            if head.pos_ == "ADP":  # "doubts about claims that ..."
                head = head.head
        else:
            return None
        if head is clause or head.pos_ not in ("VERB", "AUX"):
            return None
        if semicolon_between(clause, head) and not _confirms_back(
            head, clause, target, places, told
        ):
            # "Soldiers arrested S in Culiacán; no shots were fired": a clause
            # of its own, which the parse may hang the seeing on; not "; the
            # sighting has not been confirmed", which is of the seeing
            return None
        denying = _denying(head)
        if denying is not None:
            # not "refused to dismiss reports that", "did not rule out that": a
            # denial withheld, which leaves the seeing only raised (_hearsay);
            # nor "'They *will deny* that he was captured,' his lawyer said": a
            # denial foretold, not made (review r116, W3)
            if _withheld(head) or _unmade(head):
                maybe = _maybe_made(head) if _withheld(head) is None else None
                if (
                    maybe is not None
                    and doubts is not None
                    and not (undone(head) or counterfactual(head))
                    and not (semicolon_between(clause, head) and but_joined(head))
                ):
                    # not "might have denied it *had they been asked*", "may
                    # have denied it, *but the army confirmed the arrest*"; nor,
                    # of a clause told before, "*, but he was seen in a cell*"
                    # (review r208, 6)
                    doubts.append(maybe)
                return None
            if undone(head) is not None:
                # "police initially denied that he had been arrested, *but
                # later confirmed it*", "*saying the army had detained him*":
                # the denial undone (review r208, 1b, 3, 4)
                return None
            return "negated", denying
        neg = next((c for c in head.children if c.dep_ == "neg"), None)
        if neg is not None and _refused(head) is None and _unable(head) is None:
            # not "would not confirm reports that": a word withheld (_hearsay);
            # nor "could not confirm that", "...; his arrest could not be
            # confirmed": a confirmation not made, which denies nothing
            return "negated", f"{neg.text} {head.text}"
        nobody = _nobody(head)
        if nobody is not None:
            return "negated", nobody
        clause = head
    return None
