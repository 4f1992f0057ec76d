"""Movements of the target: who moves, from where, to where, and when.

A location word of a movement ("fled to", "was taken to": :data:`_MOVEMENT`)
places the one who moves (:func:`_of_mover`: the target, a group she may be one
of, or one carried), at the places of the movement's own phrase
(:func:`_movement_phrase`, :func:`_goal`, :func:`_goal_words`). What is not where
she is: a place in a plan or a movement yet to come (:func:`_intended`,
:func:`_to_come`; the place of a past plan to set out, "was expected to set off
from Oban", :func:`_past_plan_to_leave`), the place a movement starts from
(:func:`_origin`; one with a date of its own is where she was then,
:func:`_departure`), a place of an earlier time (:func:`_earlier`) or one left
behind by a later movement (:func:`_moved_on`, :func:`_passed_through`). Used by
:mod:`geosleuth.read.whereabouts`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from geosleuth.evidence import Sighting
from geosleuth.read._doc_text import doc_text
from geosleuth.read._sentence import (
    CARRYING_LEMMAS,
    MOVING_LEMMAS,
    MentionLike,
    Sentence,
    antecedent,
    disputed,
    geometry_of,
    hedge_note,
    hedge_text,
    in_phrase,
    label,
    note_of,
    place_kind_of,
)
from geosleuth.read.hedges import hedge_of
from geosleuth.read.whereabouts._clauses import (
    _DENY_TEXT,
    _clause_text,
    _clause_verb,
    _later_clauses_out,
    _subject,
    _subject_tokens,
    negation,
)

if TYPE_CHECKING:
    from geosleuth.read.claims import _Extractor

__all__: list[str] = []

#: Location words of a movement: the one who moves is the one placed.
_MOVEMENT = re.compile(
    r"(?:fled|fleeing|moved|moving|gone|went|escaped|travell?(?:ed|ing)|"
    r"head(?:ed|ing)|return(?:ed|ing)|relocat(?:ed|ing)|cross(?:ed|ing)|"
    r"slipp(?:ed|ing)|sneak(?:ed|ing)|snuck|smuggled|left|leaving|"
    r"depart(?:ed|ing)|set|bound|arriv(?:ed|ing)|reached|made|taken|brought|"
    r"transferred|"
    r"transported|flown|airlifted|rushed|extradited|deported|treated|admitted|"
    r"held|jailed|imprisoned|detained|took|flew|flown|drove|driven|sailed|walked|"
    r"rode|cycled|hitchhiked|boarded|kept|remain(?:s|ed|ing)?|wounded|injured|"
    r"hurt|hiking|camping|climbing|trekking|kayaking|fishing|skiing|called|phoned|"
    r"rang|texted|messaged|emailed|met|mov(?:es|ing)|travels|shuttl(?:es|ed|ing)|"
    r"commut(?:es|ed|ing))\b",
    re.IGNORECASE,
)
#: What one takes to travel: "took *a bus* to Kampala" moves whoever took it.
_VEHICLES = frozenset(
    {"bus", "train", "flight", "plane", "boat", "ferry", "taxi", "car", "coach",
     "ship", "cab", "helicopter", "route", "road"}
)  # fmt: skip
#: Movers of whom the target may be one: "*they* moved to Cambridge".
_GROUPS = frozenset({"they", "we", "family", "couple"})
#: Words of an intent (lemmas, and forms the tagger may not reduce: "hoped"):
#: the places of what they govern are where the target meant to be ("planned to
#: go to York", "her plan to stay in York", "hoped to be living in York").
_INTENT_LEMMAS = frozenset(
    {"plan", "intend", "hope", "hoped", "hopes", "hoping", "want", "wish", "aim",
     "try", "attempt", "seek", "mean", "prepare", "plot", "vow", "promise",
     "threaten", "dream", "intention", "bid", "effort"}
)  # fmt: skip
#: Verbs of asking, whose clause in the subjunctive is what is asked for: "asked
#: that he *be moved* to Durango", "demanded that she *return* to York".
_ASKING_LEMMAS = frozenset(
    {"ask", "request", "demand", "urge", "petition", "order", "recommend",
     "propose", "insist", "require"}
)  # fmt: skip


def _asked_for(verb: Any) -> bool:
    """Whether ``verb`` heads a clause in the subjunctive that a verb of asking takes.

    "asking *that* Salcedo *be moved* to Durango", "demanded that she *return*":
    the clause has "that", and its verb or its auxiliary is the bare form, with
    no modal and no subject agreement (:data:`_ASKING_LEMMAS`).
    """
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in _ASKING_LEMMAS:
        return False
    kids = list(verb.children)
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in kids):
        return False
    auxes = [c for c in kids if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ == "MD" for c in auxes):
        return False
    first = auxes[0] if auxes else verb
    return bool(first.tag_ == "VB")


#: Verbs of thinking or talking whose "-ing" is a thought, not a deed: "talked
#: about *moving* to Costa Rica", "considered *moving* to York" (not "is thought
#: to be in York", an infinitive).
_MUSING_LEMMAS = frozenset(
    {"talk", "speak", "think", "consider", "discuss", "contemplate", "mention",
     "dream", "joke", "fantasize", "fantasise", "muse", "write"}
)  # fmt: skip


def _of_mover(
    ex: _Extractor, s: Sentence, at: int, carried: Sequence[Any] = ()
) -> bool:
    """Whether the location word at ``at`` (in sentence) places the target.

    A movement ("fled to", "has gone to", "was heading to", "travelled to")
    places the ones who move, so its verb's subject must be the target ("she
    has gone to York", "Jane Doe, who fled to Mosul", "is believed to have
    gone to York") or a group of which the target may be one ("*they* moved to
    Cambridge", "*the family* moved to Arlington"); not another ("Welch went to
    a residence", "the team proposed moving to Fremont"). Other location words,
    and a sentence not parsed, place the target as its references in the
    sentence tell.
    """
    verb = _clause_verb(ex, s, at)
    if verb is not None and _someone_of_the_target(s, _subject(verb)):
        return False  # "Jane Doe's brother lives in Kisumu": the brother does
    if verb is not None and _something_else(s, _subject(verb)):
        return False  # "County Road 35, which is north of Alexandria"
    if _MOVEMENT.match(s.text, at) is None and _MEETING.match(s.text, at) is None:
        return True
    if verb is None:
        return True
    if verb.lemma_.lower() in CARRYING_LEMMAS:
        # "The kidnappers took Jane Doe to Beledweyne": the one carried moves
        objects = [
            c
            for c in verb.children
            if c.dep_ in ("dobj", "obj") and c.lemma_.lower() not in _VEHICLES
        ]  # "took a bus to": the one who took it moves
        if objects:
            return any(r.start <= objects[0].idx < r.end for r in (*s.refs, *carried))
    subject = _subject(verb)
    if subject is None:
        return False
    subject = antecedent(subject)
    return (
        subject.lower_ in _GROUPS
        or any(r.start <= subject.idx < r.end for r in s.refs)
        or _identified_as(subject, s.refs)
    )


#: A meeting in person: "met his brother in", "met with officials at", "held
#: a meeting with his lieutenants in", "spoke to reporters in", "surrendered to
#: authorities in", "surrendered in": the one who meets is there.
_MEETING = re.compile(
    r"met\b|held\s+(?:a\s+)?(?:meeting|talks)\b|(?:spoke|talked)\s+(?:to|with)\b|"
    r"surrendered\b",
    re.IGNORECASE,
)
#: Words of a meeting at a distance: "spoke to reporters in Culiacán *by
#: phone*", "*via video link* from Durango".
_AT_A_DISTANCE = re.compile(
    r"\b(?:by|via|over\s+the)\s+(?:(?:tele)?phone|video(?:[\s-]?link)?|"
    r"videoconference|satellite\s+(?:phone|link)|radio|skype|zoom|internet)\b",
    re.IGNORECASE,
)
#: Words before a meeting that was only meant to be: "was *to have* held a
#: meeting". Not "is believed to have met": a belief of what was.
_MEANT_TO_BE = re.compile(r"\b(?:was|were)\s+to\s+have\s+$", re.IGNORECASE)


def _denied_meeting(ex: _Extractor, s: Sentence, at: int) -> bool:
    """Whether the location word at ``at`` (in sentence) is a meeting placing no one.

    "never met his brother in Culiacán", "did not meet with officials in",
    "denied that he surrendered to authorities in": no meeting took place there,
    which says nothing of where the target was, so it is no denial of the place
    either. Nor does one at a distance ("spoke to reporters in Culiacán *by
    phone*": :data:`_AT_A_DISTANCE`) or one only meant to be ("was *to have*
    held a meeting in": :data:`_MEANT_TO_BE`) place the target.
    """
    if _MEETING.match(s.text, at) is None:
        return False
    if _MEANT_TO_BE.search(s.text, 0, at) is not None:
        return True
    if _AT_A_DISTANCE.search(_clause_text(s, s.text, at)) is not None:
        return True
    return negation(ex, s, at) is not None


def _identified_as(subject: Any, refs: Sequence[Any]) -> bool:
    """Whether ``subject`` is said to be the target by name.

    "The woman, identified as Fatima Bello, returned to Kano": the woman is the
    target. "The man, identified as Fatima Bello's husband" is someone of hers.
    """
    named = [r for r in refs if r.kind == "name"]
    for c in subject.children:
        if c.dep_ not in ("acl", "relcl") or c.lemma_.lower() not in _NAMING:
            continue
        if any(r.start <= t.idx < r.end for t in c.subtree for r in named):
            return not any(t.dep_ == "poss" for t in c.subtree)
    return False


#: Verbs that say who someone is: "identified as", "named".
_NAMING = frozenset({"identify", "name"})


#: Nouns for where one is: "Jane Doe's *whereabouts* are", "her *hideout* is in".
_WHERE_NOUNS = frozenset(
    {"whereabouts", "location", "hideout", "hideaway", "place", "base", "home",
     "residence", "lair", "position"}
)  # fmt: skip


#: Modals of a movement that may come: "could be taken to", "would go to".
_MAY_COME = frozenset(
    {"will", "shall", "'ll", "’ll", "wo", "would", "could", "might", "may", "can",
     "should", "must"}
)  # fmt: skip
#: Words that set a movement in the future: "is *expected* to be transferred".
_SCHEDULE = frozenset({"expect", "due", "set", "schedule", "likely"})
#: Words that make a movement a condition: "if he returned to Britain".
_CONDITIONS = frozenset({"if", "unless", "once", "whenever", "should"})


def _to_come(verb: Any) -> str | None:
    """The words by which the movement of ``verb`` is yet to come, if any.

    "will be returned to", "could be taken to", "would flee to" (a modal with no
    "have": "may have fled to" is done), "is expected to be transferred to",
    "if he returned to Britain": the place is where the target may go, not
    where she is.
    """
    aux = [c for c in verb.children if c.dep_ == "aux"]
    if any(c.lower_ == "have" for c in aux):
        return None
    modal = next((c for c in aux if c.lower_ in _MAY_COME), None)
    if modal is not None and not _maybe_between(verb, aux, modal):
        return f"{modal.text} ... {verb.text}"
    mark = next(
        (c for c in verb.children if c.dep_ == "mark" and c.lower_ in _CONDITIONS),
        None,
    )
    if mark is not None:
        return f"{mark.text} ... {verb.text}"
    up = verb.head
    if verb.dep_ == "xcomp" and (
        up.lemma_.lower() in _SCHEDULE or up.lower_ in _SCHEDULE
    ):
        return f"{up.text} to ... {verb.text}"
    return None


def _maybe_between(verb: Any, aux: Sequence[Any], modal: Any) -> bool:
    """Whether ``verb`` is a going to and fro that may be under way now.

    "may be moving between Culiacán and Mazatlán", "could be travelling
    between": a modal of what may be (not "will"), the progressive "be", and
    "between": no movement to come, but where the target may be, in the band
    between the places (review r32). "may move to Culiacán" is still to come.
    """
    return (
        modal.lower_ in ("may", "might", "could")
        and verb.tag_ == "VBG"
        and any(c.lower_ == "be" for c in aux)
        and any(c.dep_ == "prep" and c.lower_ == "between" for c in verb.children)
    )


def _someone_of_the_target(s: Sentence, subject: Any) -> bool:
    """Whether ``subject`` is someone (or something) of the target's, not it.

    "*Jane Doe's brother* lives in Kisumu", "*her husband* is hiding in Mosul",
    "Jane Doe, *whose brother* lives in Denver": the subject's head is no
    reference to the target, but its possessor is.
    """
    if subject is None or {subject.lemma_.lower(), subject.lower_} & _WHERE_NOUNS:
        return False  # "Jane Doe's whereabouts are ...": hers
    subject = antecedent(subject)

    def of_target(tok: Any) -> bool:
        if tok.lower_ == "whose":  # of the one the relative clause is about
            verb = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
            return verb is not None and of_target(verb.head)
        return any(r.start <= tok.idx < r.end for r in s.refs)

    return not of_target(subject) and any(
        c.dep_ == "poss" and of_target(c) for c in subject.children
    )


def _something_else(s: Sentence, subject: Any) -> bool:
    """Whether ``subject`` is a relative pronoun for someone or something else.

    "County Road 35, *which* is north of Alexandria": the road is there; "Jane
    Doe, *who* is hiding in Mosul" is the target.
    """
    if subject is None or subject.tag_ not in ("WDT", "WP"):
        return False
    noun = antecedent(subject)
    return noun is not subject and not any(r.start <= noun.idx < r.end for r in s.refs)


def _intended(ex: _Extractor, s: Sentence, m: MentionLike) -> str | None:
    """The words of an intent whose phrase holds the place ``m``, if any.

    The place is in the phrase of a verb that a word of intent governs
    (:data:`_INTENT_LEMMAS`): "planned *to go to York*", "planned on *moving to
    York*", "her plan *to stay in York*", "hoped *to be living in York*". A plan
    says where the target meant to go, not that she went: none of it places
    her, as none of a finding to come does (:mod:`geosleuth.read.found`). A
    place she meant to leave is no such place ("planned to leave *Mosul*",
    "to flee *from* Mosul"), nor one of a verb in a tense joined to the plan
    ("planned to go to York but *stayed in Leeds*"), nor one of an intent that
    is no word of one ("is believed to be hiding in Mosul", "decided to stay in
    York"). Talk or thought of a move is one ("talked about *moving to Costa
    Rica*", "considered moving to York": :data:`_MUSING_LEMMAS`). A movement
    yet to come is one ("will be returned to Meigs County").
    None for a sentence not parsed.
    """
    if s.sent is None:
        return None
    span = ex.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    first_verb = True
    for _ in range(16):
        head = tok.head
        if head.i == tok.i:
            return None
        if tok.dep_ in ("dobj", "obj") or (tok.dep_ == "prep" and tok.lower_ == "from"):
            # "plans to leave Mosul": she is there; "had planned to set off
            # from Oban on Monday": she meant to be there then
            return _past_plan_to_leave(head)
        if tok.dep_ == "conj" and tok.tag_ in ("VBD", "VBZ", "VBP"):
            return None  # "planned to go to York but *stayed* in Leeds": done
        if first_verb and head.pos_ in ("VERB", "AUX"):
            first_verb = False
            if head.lemma_.lower() in _FROM_LEMMAS:
                coming = _to_come(head)
                if coming is not None:
                    return coming
        musing = (
            head.pos_ == "VERB"
            and head.tag_ == "VBG"
            # "is thought to be living in York": a belief in the present
            and not any(c.dep_ in ("aux", "auxpass") for c in head.children)
        )
        if musing and head.dep_ in ("pcomp", "xcomp"):
            # "talked about moving to Costa Rica", "considered moving to York":
            # a thought of going, not a going
            gov = head.head.head if head.dep_ == "pcomp" else head.head
            if gov.lemma_.lower() in _MUSING_LEMMAS:
                first, last = sorted((gov, head), key=lambda t: t.i)
                return str(doc_text(ex.doc)[first.idx : last.idx + len(last.text)])
        if _asked_for(head):
            # "filed a motion asking that Salcedo be moved to Durango": a request
            gov = head.head
            return str(doc_text(ex.doc)[gov.idx : head.idx + len(head.text)])
        if head.pos_ in ("VERB", "AUX") and (
            any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
            or head.dep_ == "pcomp"
        ):
            # the infinitive, or "-ing" after "on", "of": what governs it
            gov = head.head.head if head.dep_ == "pcomp" else head.head
            if (
                gov.lemma_.lower() in _INTENT_LEMMAS
                or gov.lower_ in _INTENT_LEMMAS
                # "set off from Denver on Monday *to hike to Aspen*": a purpose
                or (head.dep_ == "advcl" and gov.lemma_.lower() in _SETTING_OFF)
            ):
                first, last = sorted((gov, head), key=lambda t: t.i)
                return str(doc_text(ex.doc)[first.idx : last.idx + len(last.text)])
        tok = head
    return None


#: Words of what was due or expected (lemmas): "was *expected* to set off from".
_DUE_LEMMAS = frozenset({"expect", "due", "schedule", "suppose"})


def _past_plan_to_leave(verb: Any) -> str | None:
    """The words of a past plan to set out by ``verb``, if any.

    "had planned to try to set off from Oban on Monday", "was expected to set
    off from Oban": the place left is where the target meant or was due to be
    then, and a plan may not have been kept, so it places no one. A present
    plan to leave says she is there ("plans to leave Mosul"), as a try does
    ("tried to leave Mosul"), and a plan denied is none ("has no plans to
    leave Mosul", "did not plan to leave"). ``verb`` is an infinitive under
    the plan by "to" (through "try to"): one of :data:`_PLAN_WORDS`, told
    in the past by the first word of the chain that is no infinitive.

    Examples
    --------
    >>> from types import SimpleNamespace as T
    >>> _past_plan_to_leave(T(dep_="ROOT", lemma_="leave"))  # "she left Mosul"
    """
    if verb.lemma_.lower() not in _FROM_LEMMAS:
        return None
    plan, tok = None, verb
    for _ in range(5):
        if tok.dep_ != "xcomp" or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
        ):
            break
        tok = tok.head
        if plan is None and {tok.lemma_.lower(), tok.lower_} & _PLAN_WORDS:
            plan = tok
    if plan is None or not _in_the_past(tok) or _denied_plan(plan):
        return None
    return str(doc_text(plan.doc)[plan.idx : verb.idx + len(verb.text)])


#: Words of a plan or a due time (lemmas, and forms the tagger may not reduce),
#: less those of an effort, which is made where one is ("tried to leave Mosul").
_PLAN_WORDS = (_INTENT_LEMMAS | _DUE_LEMMAS) - {
    "try", "attempt", "seek", "bid", "effort"
}  # fmt: skip


def _in_the_past(gov: Any) -> bool:
    """Whether the word of a plan ``gov`` is told in the past.

    "planned", "had planned", "was expected", "was due" (its copula); not
    "plans", "is expected", "is due".
    """
    if gov.tag_ == "VBD":
        return True
    helpers = [c for c in gov.children if c.dep_ in ("aux", "auxpass")]
    if gov.pos_ == "ADJ" and gov.dep_ == "acomp":
        helpers.append(gov.head)  # "was due": the copula above
    return any(h.tag_ == "VBD" for h in helpers)


def _denied_plan(gov: Any) -> bool:
    """Whether the plan ``gov`` is denied: "did *not* plan", "*no* plans"."""
    around = [*gov.children, *(gov.head.children if gov.dep_ == "acomp" else ())]
    return any(
        c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in around
    )


#: Verbs (lemmas) of setting off, whose infinitive is a purpose: "left Denver *to
#: hike to Aspen*" says where she meant to go.
_SETTING_OFF = frozenset({"set", "leave", "depart", "head", "start"})

#: Verbs (lemmas) whose object is a place left: "fled *Raqqa*", "left *Denver*".
_LEAVING_LEMMAS = frozenset(
    {"flee", "leave", "escape", "quit", "abandon", "depart", "evacuate", "exit"}
)
#: Verbs (lemmas) whose "from" is where the one moved was: "fled to Mosul *from*
#: Raqqa", "was extradited *from* Spain".
_FROM_LEMMAS = MOVING_LEMMAS | CARRYING_LEMMAS | _LEAVING_LEMMAS | {"set"}
#: Links up from a place through the noun phrase that holds it: "a prison in
#: *Leeds*", "*Raqqa* city", "Raqqa and *Mosul*".
_NOUN_PHRASE_DEPS = frozenset(
    {"compound", "appos", "conj", "pobj", "amod", "nmod", "npadvmod", "poss"}
)


def _departure(
    ex: _Extractor, s: Sentence, m: MentionLike, words: str, verb: Any
) -> list[tuple[int, int]]:
    """Read the place a dated movement started from as where the target was then.

    "Jane Doe sailed from Key West on Tuesday": she was at Key West on Tuesday,
    the last known point a search starts from. Only a movement with a date of
    its own phrase ("on Tuesday", "in 2016") gives one: an undated "fled
    Raqqa" says where she was at some time before, not when, and is set aside
    as before. The item is a sighting of the target (she was there, by the
    speaker's word), hedged by the words of the movement's clause, dated by
    its date; its note names the movement. Returns the spans of the dates of
    the movement's phrase, empty where nothing was built.
    """
    own = _phrase_dates(ex, s, verb)
    if not own or not _moved_herself(s, verb) or _to_come(verb) is not None:
        return []  # "will set off from Oban on Monday": not yet (review 17)
    if negation(ex, s, verb.idx - s.span[0]) or _DENY_TEXT.search(
        ex.text[s.span[0] : verb.idx]
    ):
        return []  # "Police denied that Jane Doe left Denver on Monday"
    date, date_from, dnote = ex.dates(s, m.start, verb=verb)
    text = hedge_text(s)
    hedge, cue = hedge_of(
        _later_clauses_out(ex, s, _clause_text(s, text, m.start), m.start)
    )
    hedge, dispute = disputed(s, hedge, ex.text)
    note = note_of(
        f"where the target left from ({words!r}): there on the movement's date",
        hedge_note(cue),
        dispute,
        dnote,
    )
    ex.build(
        Sighting, s, s.span, id=ex.next_id("s"),
        provenance=ex.provenance(s, m.start), date=date, date_from=date_from,
        grade=ex.grade(s.attr.at(m.start)), hedge=hedge, note=note,
        place=geometry_of(m), place_name=label(m), sigma_km=_DEPARTURE_SIGMA_KM,
        subject="target", place_kind=place_kind_of(geometry_of(m), label(m), [m]),
    )  # fmt: skip
    return own


def _phrase_dates(ex: _Extractor, s: Sentence, verb: Any) -> list[tuple[int, int]]:
    """The spans of the dates of ``verb``'s own phrase."""
    return [(d.start, d.end) for d in s.dates if in_phrase(ex.doc, verb, d)]


def _moved_herself(s: Sentence, verb: Any) -> bool:
    """Whether the one who left by ``verb`` is the target (or one carried).

    "Her husband left Denver on Monday, and Jane Doe is still in Aspen": the
    husband left, not she. The subject of the verb (or, for "was extradited
    from Spain", the one carried) must refer to the target.
    """
    subject = _subject(verb)
    if subject is None:
        return False
    subject = antecedent(subject)
    return any(r.start <= subject.idx < r.end for r in s.refs) or _identified_as(
        subject, s.refs
    )


#: Spread of a departure point (km): a town's, as for a sighting there.
_DEPARTURE_SIGMA_KM = 5.0


#: Links of the noun phrase of the one who moves, whose "from" is her origin.
_WHO_DEPS = frozenset({"nsubj", "nsubjpass", "appos"})


def _origin(ex: _Extractor, s: Sentence, m: MentionLike) -> tuple[str, Any] | None:
    """The words and the verb of a movement that the place ``m`` is the start of.

    Only a movement told as done (:func:`_went`); see :func:`_origin_of`.
    """
    found = _origin_of(ex, s, m)
    return found if found is not None and _went(found[1]) else None


def _denied_origin(
    ex: _Extractor, s: Sentence, m: MentionLike, cues: list[re.Match[str]]
) -> str | None:
    """The words of a denied movement that the place ``m`` would be the start of.

    "was *not extradited from* Mexico", "*never left* Culiacán", "*cannot be
    extradited from* Mexico": no departure, and no word that the target is not
    there either (if anything, he stays). Only where each location word of the
    sentence is that of the movement: "did not leave Mosul and *is hiding*
    there" says where she is. None for any other place.
    """
    found = _origin_of(ex, s, m)
    if found is None or not any(c.dep_ == "neg" for c in found[1].children):
        return None
    at = found[1].idx - s.span[0]
    if not all(c.start() <= at < c.end() for c in cues):
        return None
    return found[0]


def _departure_denied(
    ex: _Extractor, s: Sentence, places: Sequence[MentionLike], verb: Any
) -> str | None:
    """The words of a denied movement, by ``verb``, from one of ``places``.

    "was *not extradited from* Mexico and is still in prison there", "has
    *not left* Mexico and is hiding in Sinaloa": the "not" denies the going,
    not that he is there (if anything, he stays), so it makes no place
    ``is_not``. None where ``verb`` is not negated, or is no departure from
    any of ``places``.
    """
    if verb is None or not any(c.dep_ == "neg" for c in verb.children):
        return None
    for m in places:
        found = _origin_of(ex, s, m)
        if found is not None and found[1].i == verb.i:
            return found[0]
    return None


def _origin_of(ex: _Extractor, s: Sentence, m: MentionLike) -> tuple[str, Any] | None:
    """The words and the verb of a movement, done or not, that ``m`` starts from.

    The place is the object of a verb of leaving ("fled *Raqqa*", "left
    *Denver* for York", "after fleeing *Raqqa*": :data:`_LEAVING_LEMMAS`) or in
    the phrase after "from" of a verb of movement ("fled to Mosul *from Raqqa*",
    "moved *from Leeds* to York", "escaped from a prison *in Leeds*":
    :data:`~geosleuth.read._sentence.MOVING_LEMMAS`). It is where the one who
    moved was before, not where she is. None for a sentence not parsed.
    """
    if s.sent is None:
        return None
    span = ex.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    for _ in range(8):
        head = tok.head
        if head.i == tok.i:
            return None
        lemma = head.lemma_.lower()
        if tok.dep_ in ("dobj", "obj") and lemma in _LEAVING_LEMMAS:
            return f"{head.text} {tok.text}", head
        if tok.dep_ == "pobj" and head.lower_ == "from":
            # "crossed the border from Iraq": up the noun phrase to its verb
            verb = head.head
            for _ in range(4):
                if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                    break
                if verb.dep_ in _WHO_DEPS:
                    # "Jane Doe, *from Sheffield*, escaped ...", "a teacher from
                    # Sheffield": where the one who moved comes from
                    return None
                verb = verb.head
            if verb.lemma_.lower() in _FROM_LEMMAS:
                words = (
                    f"{verb.text} ... from"
                    if head.i - verb.i > 3 or head.i < verb.i
                    else doc_text(ex.doc)[verb.idx : head.idx + len(head.text)]
                )
                return words, verb
            return None
        if tok.dep_ == "prep" and tok.lower_ in ("to", "into", "for", "towards"):
            return None  # "left Leeds *for* York": where she went
        if tok.dep_ == "prep" and head.pos_ in ("NOUN", "PROPN"):
            tok = head  # "a prison *in* Leeds": up to "prison"
            continue
        if tok.dep_ not in _NOUN_PHRASE_DEPS or head.pos_ in ("VERB", "AUX"):
            return None
        tok = head
    return None


def _movement_phrase(
    ex: _Extractor, s: Sentence, cues: list[re.Match[str]]
) -> frozenset[int] | None:
    """Where (document offsets of words) the movements of ``s`` place the mover.

    Where every location word of the sentence is a movement ("arrived in",
    "was taken to", "is being held in": :data:`_MOVEMENT`), the phrases of
    their verbs, less their subjects: "Oxford Crown Court heard *Munene arrived
    in the UK from Nairobi*" (not Oxford, where the court sits), "Jane Doe, of
    *Leeds*, was taken to hospital in York" (her home is not where she was
    taken). None where some location word is not a movement ("is hiding in"),
    or for a sentence not parsed: all the sentence's places are then the
    target's.
    """
    if s.sent is None or not cues:
        return None
    words: set[int] = set()
    for c in cues:
        if _MOVEMENT.match(s.text, c.start()) is None:
            return None
        verb = _clause_verb(ex, s, c.start())
        if verb is None:
            return None
        goal = _goal(ex, s, c)
        if goal is not None:
            # "returned to Bristol after a week in Cardiff": the phrase of "to"
            words |= _goal_words(goal)
            continue
        subjects = _subject_tokens(verb)
        words |= {t.idx for t in verb.subtree if t.i not in subjects}
    return frozenset(words)


#: Words that lead to where a movement goes: "to", "into", "for", "in" ("arrived
#: in", "held in"), "at".
_GOAL_WORDS = frozenset({"to", "into", "for", "in", "at", "towards", "toward"})


def _goal(ex: _Extractor, s: Sentence, cue: re.Match[str]) -> Any:
    """The word of the movement's cue that leads to where it goes, if parsed.

    The last of :data:`_GOAL_WORDS` in the cue ("returned *to*", "left Leeds
    *for*", "was held *in*", "took her *to*", "admitted *to* hospital"): its
    phrase is where the mover went, not "after a week in Cardiff".
    """
    a, b = s.span[0] + cue.start(), s.span[0] + cue.end()
    span = ex.doc.char_span(a, b, alignment_mode="expand")
    if span is None:
        return None
    goals = [
        t for t in span if t.lower_ in _GOAL_WORDS and t.dep_ in ("prep", "dative")
    ]
    return goals[-1] if goals else None


#: Words that put a verb's deed in the past of the statement: "*once* lived in
#: Raqqa", "*previously* operated in Raqqa".
_EARLIER_WORDS = frozenset({"formerly", "previously", "once", "earlier"})
#: Words of a deed that came after a first one: "first held in Kherson and *then*
#: taken to Simferopol".
_LATER_WORDS = frozenset({"then", "later", "afterwards", "subsequently"})


def _earlier(ex: _Extractor, s: Sentence, m: MentionLike) -> str | None:
    """The word by which the verb of the place ``m`` tells of an earlier time.

    "Abu Ali *once* lived in Raqqa but now lives in Mosul", "*previously*
    operated in Raqqa", "was *first* held in Kherson and *then* taken to
    Simferopol": where the target was before, not where she is. None unparsed
    or when the verb says no such thing.
    """
    if s.sent is None:
        return None
    span = ex.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = next((t for t in span.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or not in_phrase(ex.doc, verb, m):
        return None
    words = {str(c.lower_) for c in verb.children if c.dep_ == "advmod"}
    said = next((w for w in sorted(words) if w in _EARLIER_WORDS), None)
    if said is not None:
        return said
    if "first" in words and any(
        c.dep_ == "conj"
        and c.i > verb.i
        and any(g.dep_ == "advmod" and g.lower_ in _LATER_WORDS for g in c.children)
        for c in verb.children
    ):
        return "first ... then"
    return None


def _starts_within(
    places: Sequence[MentionLike], words: set[int], why: str
) -> dict[int, str]:
    """``{start: why}`` for each of ``places`` that holds a word of ``words``."""
    return {m.start: why for m in places if any(m.start <= i < m.end for i in words)}


def _verb_words(ex: _Extractor, s: Sentence, cue: re.Match[str]) -> set[int]:
    """Offsets of the words of the cue's verb phrase, less its subject."""
    verb = _clause_verb(ex, s, cue.start())
    if verb is None:
        return set()
    # less the subject, and the later movement ("before travelling to Nairobi")
    # or clause ("but now lives in Dubai")
    left_out = {
        t.i
        for child in verb.children
        if child.dep_ in ("nsubj", "nsubjpass", "conj", "cc")
        or child.lower_ in ("before", "until", "till")
        for t in child.subtree
    }
    return {t.idx for t in verb.subtree if t.i not in left_out}


def _goal_words(goal: Any) -> set[int]:
    """Document offsets of the words of where a movement went, from its goal word.

    The goal's phrase ("to hospital"), and a place phrase of the same verb right
    after it ("taken to hospital *in Paisley*", "to a cell *at* Leeds"); not one
    of time or of before ("after a week in Cardiff", "before ...").
    """
    words = {t.idx for t in goal.subtree}
    verb = goal.head
    for sibling in verb.children:
        if sibling.i > goal.i and (
            (
                sibling.dep_ == "prep"
                and sibling.lower_ in ("in", "at", "near", "outside", "inside")
            )
            # "held in the desert *north of Timbuktu*"
            or sibling.lower_ in _SIDES
            # "moved from Gao to Kidal and then *to Tessalit*"
            or _later_goal(goal, sibling)
        ):
            words |= {t.idx for t in sibling.subtree}
    return words


def _later_goal(goal: Any, tok: Any) -> bool:
    """Whether ``tok`` is a goal of the same verb after ``goal``: "and then *to*"."""
    return (
        tok.i > goal.i
        and tok.head.i == goal.head.i
        and tok.lower_ in ("to", "into")
        and tok.dep_ in ("prep", "conj")
    )


def _passed_through(goal: Any) -> str | None:
    """Words of a later goal of the movement of ``goal``, if it has one.

    "moved from Gao to Kidal *and then to* Tessalit": Kidal was on the way.
    """
    later = [t for t in goal.head.children if _later_goal(goal, t)]
    return f"then {later[-1].text} ..." if later else None


_SIDES = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast",
     "southwest", "north-east", "north-west", "south-east", "south-west"}
)  # fmt: skip


def _moved_on(ex: _Extractor, s: Sentence, cue: re.Match[str]) -> str | None:
    """Words of a later movement that leaves the place of ``cue`` behind, if any.

    "was held in Mosul *before escaping* to Erbil", "lived in Leeds *until
    moving* to York": the first place is where the target was before. None
    unparsed, or when no such movement follows.
    """
    verb = _clause_verb(ex, s, cue.start())
    if verb is None:
        return None
    for child in verb.children:
        # "used to live in Geneva": the past ("was formerly based in": _earlier)
        if child.lower_ == "used" and child.dep_ in ("aux", "auxpass"):
            return "used to"
        # "had been hiding in Culiacan but left": she left it
        if (
            child.dep_ == "conj"
            and child.i > verb.i
            and (
                child.lemma_.lower() in _LEAVING_LEMMAS
                or child.lower_ in ("left", "fled", "escaped")  # lemma unsure
            )
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
        ):
            return f"... {child.text}"
    head = verb.head if verb.dep_ == "xcomp" else None
    if head is not None and head.lower_ == "used":
        return "used to"  # "used to live in": 'live' under 'used'
    for child in verb.children:
        if child.lower_ not in ("before", "until", "till") or child.dep_ not in (
            "prep",
            "mark",
        ):
            continue
        for moved in (child, *child.children):
            if moved.pos_ == "VERB" and (
                moved.lemma_.lower()
                in MOVING_LEMMAS | CARRYING_LEMMAS | _LEAVING_LEMMAS
            ):
                return f"{child.text} {moved.text}"
    return None


def _went(verb: Any) -> bool:
    """Whether the movement of ``verb`` is told as done.

    Not denied ("did *not* leave Mosul") nor a bare infinitive ("no plans *to
    leave* Mosul", "refused to leave Mosul": she is there); "is believed *to
    have fled* Raqqa" and "after *fleeing* Raqqa" are done.
    """
    children = {c.lower_ for c in verb.children if c.dep_ in ("aux", "neg")}
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    return "to" not in children or "have" in children
