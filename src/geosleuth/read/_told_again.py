"""A denied clause that tells again the event told before it, and the kinds of event.

Helper of :mod:`geosleuth.read._sighting_denials`. Whether a clause denied after
a semicolon tells again the event that the clause before it told
(:func:`told_again`: "was arrested in Culiacán; police denied *that he had been
captured*"), not a detail of it that the event told lacks ("*without a
warrant*", "*by the army*", "*in 2015*") nor nothing at all ("*at all*", "*in
the first place*", "*as reported*"); whether a denial gives as its reason that
the one told of was not there (:func:`not_there`: "denied his arrest, *saying
he had never been there*"); and the kind of event a verb of seeing tells
(:func:`told_kind`: a sighting, an arrest, a kidnapping, a disappearance).
Moved out of :mod:`geosleuth.read._sighting_denials` as it grew past the
house's size for one module.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from geosleuth.read._denied_owners import (
    event_elsewhere,
    gender_told,
    told_before,
    told_span,
)
from geosleuth.read._sentence import MentionLike
from geosleuth.read._target_gender import IS_FEMALE, IS_MALE
from geosleuth.read._target_names import Target, given_name_gender, name_key
from geosleuth.read._target_pronouns import GENDER_OF

__all__ = [
    "GIVING_REASON",
    "RECORDINGS",
    "TIME_LABELS",
    "TOLD_BEFORE",
    "TOLD_KINDS",
    "not_there",
    "told_again",
    "told_kind",
]


#: Verbs of an event that happened: "denied the arrest *took place*".
_HAPPENING = frozenset({"happen", "occur"})


def told_again(
    clause: Any,
    before: Any,
    target: Target | None,
    places: Sequence[MentionLike],
    told: frozenset[str] | None,
) -> bool:
    """Whether the denied ``clause`` tells again the event the clause ``before`` told.

    "was arrested in Culiacán; police denied *that he had been captured*", "*the
    arrest took place*": a verb of the kind told (``told``), of a pronoun of the
    one told of; or the event told by its noun, that it took place, happened;
    or, of any kind, that the one told of was there ("that he had ever been
    there": :func:`_was_there`). Not one of another kind ("was seen ...;
    police denied that he had been arrested"), of another ("that his brother
    had been captured"), at another place ("that he had been captured in
    Durango"), nor negated.
    """
    if any(c.dep_ == "neg" for c in clause.children):
        return False
    if _was_there(clause, before, places):
        return True  # "; police denied that he had ever been there"
    if told is None:
        return False
    subject = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subject) > 1:
        return False
    # "that *he* had been arrested"; "that they had detained *him*", "having
    # arrested *him*" (review r116, U1)
    who = _the_one_taken(clause, subject[0] if subject else None, before)
    if who is None:
        return False
    lemma = clause.lemma_.lower()
    if _adds_detail(clause, before):
        # "; police denied that he had been detained *without a warrant*", "*by
        # the army*", "*in 2015*", "that he *would* be captured *again*": a
        # denial of that detail, not of the event told (review r116, W1, W2)
        return False
    if lemma in _HAPPENING or (
        lemma == "take"
        and any(c.dep_ == "dobj" and c.lower_ == "place" for c in clause.children)
    ):
        return told_before(who, before, TOLD_BEFORE, target, places, told)
    if (told_kind(clause) or _in_custody(clause, before)) not in told:
        return False
    if not _may_be_told(who, before, target):
        return False
    return not event_elsewhere(clause, told_span(clause, before), places)


def _may_be_told(pronoun: Any, before: Any, target: Target | None) -> bool:
    """Whether ``pronoun`` ("he", "him", "she", "her") may be the one told of.

    Of the gender of the subject of the clause ``before``, where a pronoun
    tells it, and of the target's given name ("Jane Doe" is no "him",
    "Rodrigo Salcedo" no "her"); where neither tells, not of a gender another
    person of the clause is of ("Sydney Hamilton was arrested *with her
    husband*; police denied having detained *him*": the husband, maybe), save
    the target's own apposition ("Andrea Rossi, *an Italian businessman*",
    review r217). Review r208, 2.
    """
    gender = GENDER_OF.get(pronoun.lower_)
    if gender not in ("he", "she") or gender_told(before) not in (None, gender):
        return False
    if target is not None and given_name_gender(target.name) is not None:
        return given_name_gender(target.name) == gender
    keys = target.family_keys | target.given_keys if target is not None else set()
    told = told_span(pronoun, before)
    nouns = IS_MALE if gender == "he" else IS_FEMALE
    return not any(
        t.pos_ == "NOUN"
        and nouns.fullmatch(t.lemma_.lower())
        # "Andrea Rossi, *an Italian businessman*": the one told of himself
        and not (t.dep_ == "appos" and name_key(t.head.text) in keys)
        for t in told
    ) and not any(
        e.label_ == "PERSON"
        and told.start <= e.start < told.end
        and not any(name_key(t.text) in keys for t in e)
        and given_name_gender(e.text) == gender
        for e in pronoun.doc.ents
    )


#: Those whose arrest is the arrest denied, not a detail of it: "denied that
#: he had been detained *by police*".
_ARRESTERS = frozenset({"police", "authority", "authorities", "policeman", "officer"})
#: Those who do a deed told, whoever did it: "that *anyone* had seen him".
_ANYONE = frozenset({"anyone", "anybody", "someone", "somebody"})
#: Those who may do the deed told, as the subject of a clause whose object is
#: the one told of: "denied that *officers* had arrested him", "that *anyone*
#: had seen him"; or as the one who denies, of "they" or of no subject: "*police*
#: denied that they had detained him", "*police* denied having arrested him".
_DOERS = _ANYONE | _ARRESTERS


def _the_one_taken(clause: Any, subject: Any, before: Any) -> Any:
    """The word of ``clause`` that is the one the event befalls.

    The subject ``subject`` ("that *he* had been arrested"); but where the
    object is "him" or "her" and the one who does the deed is one who may
    (:data:`_DOERS`), the object: "that officers had arrested *him*", "*police*
    denied that they had detained *him*", "*police* denied having arrested
    *him*", "arresting *him*" (the one who denies, of "they", "we" or of no
    subject; review r116, U1). None for such an object and another who does
    it ("that the army had detained him", "*the army* denied having arrested
    him": a detail, as "by the army"); nor, for one who is not anyone, a deed
    the clause ``before`` tells done by others, or by no one it names for a
    seeing (:func:`_done_by_others`: "was arrested *by soldiers*; police
    denied having arrested him", "was seen in Culiacán; police denied that
    *officers* had seen him", review r208, 3).
    """
    objects = [
        c
        for c in clause.children
        if c.dep_ == "dobj" and GENDER_OF.get(c.lower_) in ("he", "she")
    ]
    if len(objects) != 1 or (
        subject is not None and GENDER_OF.get(subject.lower_) in ("he", "she")
    ):
        return subject
    doer = subject
    if doer is None or doer.lower_ in ("they", "we"):
        doer = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    if doer is None or not (doer.lower_ in _DOERS or doer.lemma_.lower() in _DOERS):
        return None
    if doer.lower_ not in _ANYONE and _done_by_others(clause, before):
        return None
    return objects[0]


def _done_by_others(clause: Any, before: Any) -> bool:
    """Whether the clause ``before`` tells its deed done by others than ``clause``'s.

    "was arrested *by soldiers*", "*by the army*" (an agent that is no
    police: :data:`_ARRESTERS`) of a verb of the kind ``clause`` tells; for a
    seeing, also one by no police it names ("was seen in Culiacán", "*a
    witness* said he saw him": the one who saw may be anyone), unless the
    denial says that one was wrong ("*and said the witness was mistaken*").
    Not a seeing by police ("*A police officer* said he saw", "*Officers*
    saw", "*A patrol* spotted", "a witness said *police officers* had seen
    him"), review r217.
    """
    kind = told_kind(clause)
    span = told_span(clause, before)
    agents = [
        g
        for t in span
        if t.dep_ == "agent" and told_kind(t.head) == kind
        for g in t.children
        if g.dep_ == "pobj"
    ]
    if kind == "sighting":
        seers = agents or _seers(span)
        return not any(_a_policeman(g) for g in seers) and not _seer_wrong(clause.head)
    return any(
        g.lemma_.lower() not in _ARRESTERS and g.lower_ not in _ARRESTERS
        for g in agents
    )


#: Police who may see one, those who arrest (:data:`_ARRESTERS`) and more: "*a
#: patrol* spotted him".
_POLICE_SEERS = _ARRESTERS | {
    "patrol",
    "cop",
    "policewoman",
    "constable",
    "trooper",
    "deputy",
    "detective",
}
#: Words that call one who saw wrong: "said the witness was *mistaken*".
_WRONG = frozenset({"mistaken", "wrong", "lying", "confused"})


def _seers(span: Any) -> list[Any]:
    """Those who saw, by a verb of seeing of ``span``: "*Officers* saw him".

    The subject of the verb; for "he" or "she", the one who says so ("*A
    police officer* said he saw him", "*An off-duty officer* told reporters
    he saw him").
    """
    seers = []
    for t in span:
        if told_kind(t) != "sighting":
            continue
        for g in t.children:
            if g.dep_ != "nsubj":
                continue
            if g.lower_ in ("he", "she", "they") and t.dep_ == "ccomp":
                seers += [c for c in t.head.children if c.dep_ == "nsubj"]
            else:
                seers.append(g)
    return seers


def _a_policeman(tok: Any) -> bool:
    """Whether ``tok`` is of the police: "officers", "a patrol", "a police officer"."""
    return tok.lemma_.lower() in _POLICE_SEERS or tok.lower_ in _POLICE_SEERS


def _seer_wrong(denial: Any) -> bool:
    """Whether ``denial`` comes with a word that the one who saw was wrong.

    "Police denied that officers had seen him, *and said the witness was
    mistaken*": a verb of saying joined to it whose clause, not negated, calls
    one wrong (:data:`_WRONG`).
    """
    return any(
        c.dep_ in ("conj", "advcl")
        and c.i > denial.i
        and c.lemma_.lower() in GIVING_REASON
        and any(
            t.lower_ in _WRONG and not any(k.dep_ == "neg" for k in t.head.children)
            for t in c.subtree
        )
        for c in denial.children
    )


#: Nouns of one held, "in" which one was arrested: "denied that he was *in
#: custody*".
_CUSTODY = frozenset({"custody", "detention"})


def _in_custody(clause: Any, before: Any = None) -> str | None:
    """The kind "arrest" if ``clause`` puts one in custody: "he was *in custody*".

    A "be" with "in custody" or "in detention" of its own, and no word of now
    ("*still* in custody", "*now*": held today, whenever arrested). None
    otherwise. Where the arrest ``before`` is told as one that holds now ("he
    *has been* arrested"), custody now ("that he *is* in custody *today*")
    is that arrest too, though not "*still*" (review r217, x07).
    """
    kids = list(clause.children)
    if clause.lemma_.lower() != "be":
        return None
    now = [
        c for c in kids if c.dep_ in ("advmod", "npadvmod") and c.lower_ in _NOW_WORDS
    ]
    if (clause.tag_ in ("VBZ", "VBP") or now) and not (
        _perfect_now(before) and not any(c.lower_ == "still" for c in now)
    ):
        # "denied that he *is* in custody", "*still*", "*today*": held now,
        # whenever arrested (review r208, 4)
        return None
    return "arrest" if any(_custody_phrase(c) for c in kids) else None


def _perfect_now(before: Any) -> bool:
    """Whether the clause ``before`` tells an arrest in the present perfect.

    "Salcedo *has been arrested* in Culiacán, media reported".
    """
    return before is not None and any(
        told_kind(v) == "arrest"
        and any(
            c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") and c.lemma_ == "have"
            for c in v.children
        )
        for v in before.subtree
    )


#: Words of now, of one held: "*still* in custody", "in custody *today*".
_NOW_WORDS = frozenset({"still", "now", "currently", "presently", "today"})


def _custody_phrase(c: Any) -> bool:
    """Whether ``c`` is "in custody", "in detention"."""
    return (
        c.dep_ == "prep"
        and c.lower_ == "in"
        and any(o.dep_ == "pobj" and o.lemma_.lower() in _CUSTODY for o in c.children)
    )


def _bare_custody(c: Any) -> bool:
    """Whether the custody phrase ``c`` says no more than the arrest: "in custody".

    "in custody", "in *police* custody", "in *their* custody"; not "in *US*
    (*military*, *army*, *federal*) custody", "in the custody *of the army*",
    "in custody *for the murder*": another's custody, or a reason, a detail
    (review r208, 4).
    """
    return all(
        k.dep_ == "det"
        or (k.dep_ == "poss" and k.lower_ in ("his", "her", "their"))
        or (k.dep_ == "compound" and k.lemma_.lower() in _ARRESTERS)
        for o in c.children
        if o.dep_ == "pobj"
        for k in o.children
    ) and all(o.dep_ == "pobj" for o in c.children)


#: Adverbs that add nothing to an event told again: "denied that he had *ever*
#: been seen *there*".
_NO_DETAIL = frozenset({"there", "here", "ever", "actually", "really", "even", "also"})
#: Labels of names after "in" that tell a time, not a place: "*in January*".
TIME_LABELS = frozenset({"DATE", "TIME"})


def _adds_detail(clause: Any, before: Any) -> bool:
    """Whether the denied ``clause`` says more of the event than the clause ``before``.

    A modal ("he *would* be captured", "*could* have been detained"), an
    adverb of time or manner ("*again*", "*before*", "*illegally*"), an agent
    ("*by the army*"), a phrase of manner, reason, time, duration or company
    ("*without a warrant*", "*for* political reasons", "*in 2015*", "*for* more
    than 48 hours", "*alongside* his wife", "*at gunpoint*", "*at his home*"),
    or a clause of its own; not a place by its name or a noun of a place ("*in
    Culiacán*", "*in the country*": :func:`told_again` asks whether it is
    the place told), "*since*" a time (up to now), nor words the clause before
    has ("*by the army*" after "was arrested *by the army*").
    """
    said = {t.lower_ for t in told_span(clause, before)}
    for c in clause.children:
        if c.dep_ in ("nsubj", "nsubjpass", "auxpass", "mark", "punct", "neg"):
            continue
        if c.dep_ == "aux" and c.tag_ != "MD":
            continue
        if c.dep_ == "dobj" and GENDER_OF.get(c.lower_) in ("he", "she"):
            continue  # "that they had detained *him*": the one told of
        if clause.lemma_.lower() == "be" and _custody_phrase(c) and _bare_custody(c):
            continue  # "that he was *in custody*": the arrest itself
        if c.dep_ == "dobj" and c.lower_ == "place" and clause.lemma_ == "take":
            continue  # "the arrest took place"
        if c.dep_ == "advmod" and c.lower_ in _NO_DETAIL:
            continue
        if _nothing_added(c, clause, before):
            continue
        if c.dep_ == "prep" and c.lower_ in _BEFORE_AFTER:
            return True  # "arrested him *before Monday*" after "on Monday"
        if c.dep_ in ("prep", "agent"):
            words = [t for t in c.subtree if not t.is_punct and t.pos_ not in _FUNCTION]
            if all(t.lower_ in said for t in words):
                continue
            if c.lower_ == "since" or (
                c.dep_ == "prep"
                and c.lower_ in ("in", "at", "near", "to")
                and any(
                    o.dep_ == "pobj"
                    and (
                        (o.pos_ == "PROPN" and o.ent_type_ not in TIME_LABELS)
                        or o.lemma_.lower() in _PLACE_NOUNS
                    )
                    for o in c.children
                )
            ):
                continue
        return True
    return False


#: Verbs of a report, which "as" makes no detail: "arrested, *as reported*".
_AS_TOLD = frozenset({"report", "say", "claim", "allege", "state"})
#: Times that agree with, or are vaguer than, a day told before: "arrested
#: *that day*", "*this week*", "*yesterday*" after "on Monday".
_SAME_TIMES = frozenset({"day", "week", "month", "year"})
_NEAR_DAYS = frozenset({"yesterday", "today", "recently", "tonight"})
#: Words of a day told: "*on Monday*", "*yesterday*", "*last night*".
_DAYS_TOLD = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
     "sunday", "yesterday", "today", "tonight", "night"}
)  # fmt: skip


def _nothing_added(c: Any, clause: Any, before: Any) -> bool:
    """Whether the child ``c`` of the denied ``clause`` adds nothing to the event.

    "*at all*", "*in the first place*", "*as reported*", an arrest "*by
    police*" or "*by the authorities*", a verb of the same kind joined to it
    ("arrested *or detained*"), or a time that agrees with, or is vaguer than,
    a day the clause ``before`` tells ("*that day*", "*this week*",
    "*yesterday*" after "on Monday"), review r124, W1. Not "*by the army*",
    "*in 2015*", "*last year*", "arrested *and tortured*".
    """
    word = c.lower_
    kids = list(c.children)
    if c.dep_ == "advmod" and word == "all":
        return any(k.lower_ == "at" for k in kids)  # "at all"
    if c.dep_ in ("prep", "advmod") and word == "at":
        return any(k.lower_ == "all" for k in kids)
    if c.dep_ == "prep" and word == "in":
        # "in the first place"
        return any(
            o.dep_ == "pobj"
            and o.lower_ == "place"
            and any(a.lower_ == "first" for a in o.children)
            for o in kids
        )
    if c.dep_ == "agent":
        objects = [o for o in kids if o.dep_ == "pobj"]
        return bool(objects) and all(
            o.lemma_.lower() in _ARRESTERS or o.lower_ in _ARRESTERS for o in objects
        )
    if c.dep_ == "advcl":
        # "arrested, as reported"
        return (
            c.lemma_.lower() in _AS_TOLD
            and any(k.dep_ == "mark" and k.lower_ == "as" for k in kids)
            and not any(k.dep_ in ("nsubj", "nsubjpass", "dobj", "ccomp") for k in kids)
        )
    if c.dep_ == "cc":
        return any(
            v.dep_ == "conj" and v.i > c.i and _same_kind(v, clause)
            for v in clause.children
        )
    if c.dep_ == "conj":
        return _same_kind(c, clause) and not any(
            k.dep_ not in ("cc", "punct") for k in kids
        )
    if c.dep_ in ("npadvmod", "advmod") and c.ent_type_ in TIME_LABELS:
        near = word in _NEAR_DAYS and not kids
        same = word in _SAME_TIMES and all(
            k.dep_ == "det" and k.lower_ in ("that", "this", "the") for k in kids
        )
        if not (near or same):
            return False
        told = told_span(clause, before)
        return any(t.lower_ in _DAYS_TOLD and t.ent_type_ in TIME_LABELS for t in told)
    return False


def _same_kind(verb: Any, clause: Any) -> bool:
    """Whether ``verb`` tells the same kind of event as ``clause``: "or *detained*"."""
    kind = told_kind(verb)
    return kind is not None and kind == told_kind(clause)


#: Prepositions of a time other than the one told: "arrested him *before*
#: Monday" after "on Monday" (review r208, 3).
_BEFORE_AFTER = frozenset({"before", "after", "until", "till", "prior"})
#: Parts of speech that add no detail of their own: "*in the* city".
_FUNCTION = frozenset({"ADP", "DET", "PRON", "CCONJ", "PART"})


#: Verbs that give a denial's reason: "denied his arrest, *saying* he had never
#: been there".
GIVING_REASON = frozenset({"say", "add", "insist", "explain", "stress", "maintain"})
#: Nouns of a place one may not have been in: "had not been *in the country*".
_PLACE_NOUNS = frozenset(
    {"country", "city", "town", "state", "region", "area", "village", "province"}
)


def not_there(verb: Any, before: Any, places: Sequence[MentionLike] = ()) -> bool:
    """Whether the denial ``verb`` gives as its reason that the one told was not there.

    "; police denied his arrest, *saying he had never been there*", "*saying he
    was not in Culiacán*", "*adding that he has not been in the country*": a
    verb of saying joined to the denial whose clause, negated, puts the one
    told of there (:func:`_was_there`). Not "saying he was still at large",
    "saying he was not in custody", "saying his brother had never been there",
    "saying he was not in Durango" after "was seen in Culiacán".
    """
    return any(
        clause.dep_ == "ccomp"
        and any(c.dep_ == "neg" for c in clause.children)
        and _was_there(clause, before, places)
        for said in verb.children
        if said.dep_ in ("advcl", "conj") and said.lemma_.lower() in GIVING_REASON
        for clause in said.children
    )


def _was_there(clause: Any, before: Any, places: Sequence[MentionLike]) -> bool:
    """Whether ``clause`` puts the one the clause ``before`` tells of where it told.

    "he had (never) been *there*", "he was (not) *in Culiacán*", "he has (not)
    been *in the country*", "he had (never) *set foot there*": a "be" of a
    pronoun of the one told of (of its gender, where known), at "there" or in
    a place (a name, or "the country", "the city"), not one the clause
    ``before`` does not name or hold
    (:func:`~geosleuth.read._denied_owners.event_elsewhere`: "in Durango" after
    "in Culiacán"). The place is the clause's own, not one a "but" sets in its
    stead ("he was not in Culiacán *but in Mazatlán*", review r116, W7). Not
    "he was in custody", "his brother was there".
    """
    kids = list(clause.children)
    if clause.lemma_.lower() != "be" and not (
        clause.lemma_.lower() == "set"
        and any(c.dep_ == "dobj" and c.lower_ == "foot" for c in kids)
    ):
        return False
    subject = [c for c in kids if c.dep_ == "nsubj"]
    if len(subject) != 1:
        return False
    gender = GENDER_OF.get(subject[0].lower_)
    if gender not in ("he", "she") or gender_told(before) not in (None, gender):
        return False
    there = any(c.dep_ == "advmod" and c.lower_ == "there" for c in kids)
    named = [
        o
        for c in kids
        if c.dep_ == "prep" and c.lower_ in ("in", "at", "to")
        for o in c.children
        if o.dep_ == "pobj"
        and (
            (o.pos_ == "PROPN" and o.ent_type_ not in TIME_LABELS)
            or o.lemma_.lower() in _PLACE_NOUNS
        )
    ]
    if not named:
        return there
    told = told_span(clause, before)
    return any(not event_elsewhere(o, told, places) for o in named)


#: What such a verb denies when it denies what was told before it: "; officials
#: denied *it*", "; police rejected *the claim*", "; *the arrest* has been
#: denied" (the seeing told, by its noun).
TOLD_BEFORE = frozenset(
    {"it", "this", "that", "report", "claim", "account", "story", "allegation",
     "arrest", "capture", "detention", "sighting"}
)  # fmt: skip


#: The kind of event a verb of seeing tells, by its lemma, which a denial of an
#: event by its noun must share to deny it
#: (:data:`~geosleuth.read._denied_owners.EVENT_KINDS`): "was seen ...; police
#: denied *his arrest*" denies no sighting (review r93, #7). A kidnapping or a
#: going missing is of no kind a noun denies; a finding ("was found", "turned
#: up") may be any, and is of none.
TOLD_KINDS = {
    **dict.fromkeys(
        ("arrest", "detain", "capture", "apprehend", "nab", "catch", "seize",
         "recapture"),
        "arrest",
    ),
    **dict.fromkeys(
        ("see", "spot", "sight", "photograph", "film", "meet", "serve",
         "recognise", "recognize"),
        "sighting",
    ),
    **dict.fromkeys(("kidnap", "abduct", "snatch"), "kidnapping"),
    **dict.fromkeys(("disappear", "vanish"), "disappearance"),
}  # fmt: skip
#: What a seeing is "captured on": "captured *on camera*", "*on CCTV*".
RECORDINGS = frozenset(
    {"camera", "cameras", "film", "video", "cctv", "tape", "videotape", "footage"}
)
#: Verbs that go missing with "missing": "*went* missing", "was *reported* missing".
_MISSING_VERBS = frozenset({"go", "report"})


def told_kind(verb: Any) -> str | None:
    """The kind of event the verb of seeing ``verb`` tells (:data:`TOLD_KINDS`).

    "seen": a sighting; "arrested": an arrest; "went missing", "was reported
    missing": a disappearance. None for a finding, or any other verb.
    """
    lemma = verb.lemma_.lower()
    if lemma in _MISSING_VERBS and any(c.lower_ == "missing" for c in verb.children):
        return "disappearance"
    if lemma == "catch" and any(c.lower_ == "on" for c in verb.children):
        return "sighting"  # "caught on camera"
    if lemma == "capture" and any(
        c.lower_ == "on" and any(g.lower_ in RECORDINGS for g in c.children)
        for c in verb.children
    ):
        return "sighting"  # "captured on camera" (review r116, W6)
    return TOLD_KINDS.get(lemma)
