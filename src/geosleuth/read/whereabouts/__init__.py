"""Whereabouts: statements of where the target is (or is not).

The target (or the group's leaders, a level less sure) with a location word
("hiding", "hides", "hidden", "is in", "based", "located", "whereabouts", "the
place where ... hides") and places: a :class:`~geosleuth.evidence.Claim` per place
(:func:`geosleuth.read.regions.claim_regions`). A movement to a place ("fled to",
"moved to", "has gone to", "went (back) to", "returned to", "was heading to",
"headed for", "left (Leeds) for", "travelled to", "escaped to", "crossed into",
"was smuggled across the border into", "arrived in") is a claim that the target
is there, hedged as any other ("is thought to have travelled to Mosul":
probable), where the one who moves is the target or a group it may be one of
("they", "the family"; not "Welch went to a residence"); so does a meeting in
person ("met his brother in Culiacán on Monday"), though not one denied ("never
met his brother in Culiacán" denies no place); one who "is moving between
Culiacán and Mazatlán" (or "moves", "may be moving", "could be anywhere
between") is in the band between them
(:func:`~geosleuth.read.regions.claim_regions`), and "could be anywhere in
Sinaloa" is in Sinaloa; an intent is none ("planned to travel to York"), nor is
"has never been to York", nor the place of those the target deals with ("is at
odds with *his brother in Culiacán*", "has been in contact with *his men
there*": :mod:`geosleuth.read._with_others`; "*From Culiacán*, he is in contact
with his men in Durango" is his), nor the tie of a "-based" (its movement
places: :mod:`geosleuth.read._based_places`). The place a movement starts from
is where the one who moved was before, not where she is ("fled to Mosul *from
Raqqa*", "left *Denver* for York", "hiding in Mosul after
fleeing *Raqqa*": set aside as ``not_target``). A place in a plan is where the
target meant to be, never where she is, though the sentence has a location word
("She planned to go to York but stayed": York set aside as ``conditional``).
``polarity="is_not"`` when negated ("is not in", "is no longer in", "neither
Jane Doe nor her husband is in", "denied that ... was in", "ruled out that ...
is in", a report of it called untrue: "dismissed reports that", "called reports
that ... nonsense", "reports that ... were false":
:mod:`geosleuth.read._reports`; what a thing called untrue said: "a post
claiming she was in York was fake": :mod:`._said_untrue`). Words that take no
side deny nothing and keep ``is``: "did not say whether", "it is not known
whether", "would neither confirm nor deny that" are doubtful, as absence of
evidence is (:mod:`geosleuth.read.hedges`), and "did not deny that", "would not
rule out that" are hedged as written; nor do they hedge a clause that "but" sets
against them ("neither confirmed nor denied reports she was there, but said she
is now in York": York is the plain word). A report that no one calls true or
untrue is hearsay, at most possible ("There are reports that", "investigating
reports that", "a tip that"); the words of a report called true or untrue
("rejected *claims* that") do not hedge the one who judges it. A place denied on
its own ("hiding in Raqqa, not in Mosul", "in Raqqa, not Mosul", "in Raqqa
rather than Mosul", "instead of Mosul", "in Raqqa but not in Mosul", "hiding not
in Mosul but in Raqqa", "neither in Mosul nor in Raqqa", "nowhere near Hajin",
"hiding far from Mosul": :data:`~geosleuth.read._sentence.CONTRAST`) is
``is_not`` on its own. A place put
in the stead of a denied one is ``is`` though the clause is negated ("is not in
Raqqa but in Mosul": Mosul; :data:`~geosleuth.read._sentence.CORRECTION`). A
negation reaches the places of its own clause only: a place after a later
location word of another clause about the target ("is not in Raqqa, but police
say *she is in* Mosul", "not in Raqqa; *she is in* Mosul", "no longer in Raqqa
and *is now believed to be in* Mosul") takes that clause's negation, if any; a
verb joined with no subject or auxiliary of its own shares the first's ("did not
live in Raqqa or *hide* in Mosul": both denied), and a clause about someone else
("where her husband lives near Mosul") is no clause of the target's. A clause
with a speaker of its own ("..., and police believe she is in York":
:attr:`~geosleuth.read.attribution.Attribution.clauses`) is read on its own: it
is hedged by its own words ("Officials say she is in Raqqa, and analysts argue
she is near Hajin": Raqqa is not hedged by "argue"), and is about the target
only where it refers to it ("Jane Doe left on Monday, and her brother says he
is in York" places no one). A
claim that another party disputes ("..., but the army denied it", or a next
sentence "The army denied it.") is kept one level less sure (see
:mod:`geosleuth.read.claims`, *Disputes*).
"Here", "there", "the town" and "this village" are the last town named in the
previous sentences; "the region" and "the area" the places of the last sentence
that named some. A sentence that continues a claim ("More precisely, it refers to
... Hajin") keeps its speaker.

The module is split by what each part reads: the clause of a location word (its
verb and subject, its negation or denial, and the text of the clause alone:
``_clauses``), who moves and from where to where (the mover, a plan, the place
left, a dated departure, the goal of a movement, a place left behind:
``_movement``), and here the location words and the reading of a sentence's
claims, each place with its hedge, date and polarity or its reason for being set
aside.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Literal

from geosleuth.evidence import Claim
from geosleuth.read._based_places import a_tie
from geosleuth.read._distances import DISTANCE_CUE, far_polarity
from geosleuth.read._item_dates import aside_clauses
from geosleuth.read._reports import told_of
from geosleuth.read._sentence import (
    CONTINUATION,
    CONTRAST,
    CORRECTION,
    HERE,
    REGION_WORD,
    MentionLike,
    Sentence,
    WalkState,
    disputed,
    hedge_text,
    in_phrase,
    label,
    place_kind_of,
    resolved,
    subtree_span,
)
from geosleuth.read._with_others import dealing_after, dealt_with
from geosleuth.read.attribution import Attribution
from geosleuth.read.hedges import hedge_of, lower, set_against_elsewhere, weakest
from geosleuth.read.regions import claim_regions, qualifies_town
from geosleuth.read.whereabouts._clauses import (
    _aside_clause,
    _blanked,
    _clause_cue,
    _clause_text,
    _clause_verb,
    _correctable,
    _earlier_clauses_out,
    _later_clauses_out,
    _of_target,
    _span_text,
    _stating_clause,
    believed_wrongly,
    counterfactual,
    negation,
    report_over,
)
from geosleuth.read.whereabouts._movement import (
    _denied_meeting,
    _denied_origin,
    _departure,
    _departure_denied,
    _earlier,
    _goal,
    _goal_words,
    _intended,
    _moved_on,
    _movement_phrase,
    _of_mover,
    _origin,
    _passed_through,
    _phrase_dates,
    _starts_within,
    _verb_words,
)

if TYPE_CHECKING:
    from geosleuth.read.claims import _Extractor

__all__ = ["negation", "read_whereabouts"]

_LOCATION_CUE = re.compile(
    r"\b(?:hid(?:e|es|ing|den)?|hiding|holed up|shelter(?:s|ing|ed)?|based|"
    r"located|liv(?:e|es|ing)|stay(?:s|ing|ed)?|resid(?:e|es|ing)|whereabouts|"
    r"took refuge|(?:fled|fleeing|moved|moving|gone|went|escap(?:ed|ing)|"
    r"travell?(?:ed|ing)|return(?:ed|ing)|relocat(?:ed|ing)|flew|flown|drove|"
    r"driven|sailed|walked|rode|cycled|hitchhiked)\s+"
    r"(?:back\s+|home\s+)?(?:across\s+the\s+border\s+)?"
    r"(?:from\s+(?:[\w'’.-]+\s+){1,4})?(?:to|into)|"
    r"boarded\s+(?:a|the)\s+(?:[\w'’.-]+\s+){0,2}?(?:flight|plane|bus|train|boat|"
    r"ferry|ship)\s+(?:from\s+(?:[\w'’.-]+\s+){1,4})?(?:to|for|bound\s+for)|"
    r"(?:fled|fleeing|escaped|cross(?:ed|ing)|slipp(?:ed|ing)|sneak(?:ed|ing)|"
    r"snuck|smuggled)\s+(?:back\s+)?(?:across\s+the\s+border\s+|the\s+border\s+|"
    # "crossed the river into Portugal", "crossed the Guadiana river into"
    r"the\s+(?:[\w'’.-]+\s+){0,2}?(?:river|frontier|mountains|sea|strait|channel|"
    r"desert|lake|bridge)\s+)?(?:from\s+(?:[\w'’.-]+\s+){1,4})?into|"
    # "left for York", "left Leeds for York", "left the country for Syria"; not
    # "left money for her family in Leeds"
    r"(?:left|leaving|depart(?:ed|ing)|set\s+(?:off|out)|bound)\s+"
    r"(?:(?:the\s+)?(?:country|city|town|village|area|region|house|home)\s+|"
    r"(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,2}\s+)?for|"
    r"arriv(?:e|ed|ing)\s+(?:in|at)|head(?:ed|ing)\s+(?:to|for)|"
    # where a movement started: "sailed from Key West", "left Denver on Monday"
    r"(?:sailed|flew|drove|walked|rode|set\s+(?:off|out|sail)|departed|left|fled|"
    r"escaped|escaping|extradited|deported)\s+from|(?:left|departed|fled|escaped)(?=\s+(?-i:[A-Z]))|"
    # "left her home in Denver on Monday", the last known point of many reports
    r"left\s+(?:(?:her|his|their|the)\s+)?(?:home|house|apartment|flat|work|"
    r"office|school|hotel|motel|campsite|camp|cabin|hostel|shelter)\s+"
    r"(?:in|at|near)|"
    # "reached Havana on Monday", "made it to Key West"; not "reached out to"
    r"(?<!be\s)(?<!been\s)(?<!was\s)(?<!were\s)(?<!have\s)reached(?!\s+(?:out\b|"
    r"(?:an?|the)\s+(?:\w+\s+)?(?:deal|agreement|settlement|verdict|decision|"
    r"compromise|plea|conclusion|consensus|milestone|record|final|age)\b|"
    r"(?-i:[A-Z])\w*\s+(?:police|officials|authorities|investigators)\b))|"
    r"made\s+it\s+(?:back\s+|safely\s+)?(?:to|into)|"
    r"(?:taken|brought|transferred|transported|flown|airlifted|rushed|extradited|"
    r"deported)\s+(?:(?:her|him|them)\s+|(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])"
    r"[\w'’.-]*){0,2}\s+)?(?:back\s+)?(?:from\s+(?:[\w'’.-]+\s+){1,4})?to|"
    # "admitted to hospital in Paisley"; not "admitted to the murder of"
    r"treated\s+(?:at|in)|admitted\s+(?:at|in|to\s+(?:a\s+|the\s+)?"
    r"(?:[\w'’.-]+\s+){0,3}?(?:hospital|clinic|infirmary|hospice|ward|care))|"
    r"(?:held|jailed|imprisoned|detained|kept)\s+(?:captive\s+|hostage\s+|"
    r"prisoner\s+|somewhere\s+|across\s+the\s+border\s+|by\s+(?:[\w'’.-]+\s+)"
    r"{1,3}?)?(?:at|in|near)|"
    r"remain(?:s|ed|ing)?\s+(?:in\s+hospital\s+)?(?:in|at|near)|"
    r"(?:wounded|injured|hurt)\s+(?:in|at|near)|"
    r"(?:hiking|camping|climbing|trekking|kayaking|fishing|skiing)\s+"
    r"(?:in|near|at|around|on)|"
    r"(?:called|phoned|rang|texted|messaged|emailed)\s+(?:[\w'’.-]+\s+){0,3}?from|"
    # "is moving between Culiacán and Mazatlán", "travels between camps around
    # Tibú": the band between the places, or around the one place (r31)
    r"(?:mov(?:es|ed|ing)|travell?(?:s|ed|ing)|shuttl(?:es|ed|ing)|"
    r"commut(?:es|ed|ing))\s+(?:back\s+and\s+forth\s+)?between|"
    # "met his brother in Culiacán on Monday", "met with officials in": a meeting
    # in person places the one who met there then (r31)
    # "met his brother, Juan, in Culiacán": one named beside (r32)
    r"met\s+(?:with\s+)?(?!(?:his|her|their)\s+(?:death|end|fate|maker)\b)"
    r"(?:[\w'’.-]+,?\s+){0,4}?(?:in|at|near)|"
    # "held a meeting with his lieutenants in Culiacán", "spoke to reporters in
    # Culiacán", "surrendered to authorities in Culiacán": there in person (r32)
    r"held\s+(?:a\s+)?(?:meeting|talks)\s+with\s+(?:[\w'’.-]+,?\s+){0,4}?"
    r"(?:in|at|near)|"
    r"(?:spoke|talked)\s+(?:to|with)\s+(?:the\s+)?(?:reporters|journalists|press|"
    r"media)\s+(?:in|at)|"
    # "surrendered in Culiacán on Monday": there in person, as to authorities
    r"surrendered\s+(?:to\s+(?:[\w'’.-]+\s+){0,3}?)?(?:in|at|near)|"
    r"(?:is|was|be|are|were|been)(?:n['’]t)?\s+"
    r"(?:(?:now|still|currently|not|neither|never|no\s+longer|probably|likely|"
    r"possibly|perhaps|reportedly|apparently|allegedly|definitely|certainly|"
    r"indeed|already|also|almost|most|very|highly|quite|somewhere|anywhere|"
    r"alive|safe|"
    r"and|well)\s+){0,3}(?:in|on|at|near|around|inside|within|"
    # "could be anywhere between Culiacán and Mazatlán": the band (r32)
    r"(?:(?<=somewhere\s)|(?<=anywhere\s))between|"
    # "is about 40 km north of Leeds", "was 3 miles from Aspen" (review 17)
    r"(?:(?:about|some|roughly|around|nearly|almost|approximately)\s+)?"
    rf"(?:{DISTANCE_CUE})?"  # "is less than 30 km from" (r30)
    r"\d[\d.,]*\s*(?:km|kilomet(?:re|er)s?|miles?|nautical\s+miles)\s+"
    r"(?:(?:north|south|east|west)(?:-?(?:east|west))?\s+of|(?:away\s+)?from)|"
    r"(?:north|south|east|west)(?:-?(?:east|west))?\s+of)|the place where|"
    r"took\s+(?:[\w'’.-]+\s+){1,4}?(?:back\s+)?(?:to|into))\b",
    re.IGNORECASE,
)


_NOT_PLACE_ROLES = ("person", "metonym", "demonym")


def _of_those_dealt_with(ex: _Extractor, s: Sentence, word: re.Match[str]) -> bool:
    """Whether ``word`` ("there", "the area") is in the phrase of those dealt with.

    "is in regular contact with his men *there*": where the men are
    (:func:`~geosleuth.read._with_others.dealt_with`), not where the target is.
    """
    at = s.span[0] + word.start()
    span = ex.doc.char_span(at, s.span[0] + word.end(), alignment_mode="expand")
    return span is not None and len(span) > 0 and dealt_with(span.root) is not None


#: Verbs (lemmas) of getting or reading a document: "Reporters in Culiacán
#: *obtained* a document saying ...".
_READING_LEMMAS = frozenset(
    {"obtain", "read", "receive", "see", "review", "cite", "get", "acquire",
     "find", "intercept"}
)  # fmt: skip


def _readers_place(ex: _Extractor, s: Sentence, m: MentionLike) -> bool:
    """Whether ``m`` is where those who got a document that tells of the target are.

    "*Reporters in Culiacán* obtained a document saying Salcedo was in Durango",
    "Officials in Culiacán received a tip that ...": the place is in the phrase
    of the subject of a verb of getting or reading (:data:`_READING_LEMMAS`),
    and the target only in its object, what the document says.
    """
    if s.sent is None:
        return False
    span = ex.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok = span.root
    while tok.dep_ in ("pobj", "prep", "compound", "conj") and tok.head.i != tok.i:
        tok = tok.head
    verb = tok.head
    if tok.dep_ != "nsubj" or verb.lemma_.lower() not in _READING_LEMMAS:
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    told = {t.idx for o in objects for t in o.subtree if t.i > o.i}
    return (
        bool(told)
        and all(
            r.start in told
            for r in s.refs
            if not (span.start_char <= r.start < span.end_char)
        )
        and any(r.start in told for r in s.refs)
    )


def _goal_denied(ex: _Extractor, s: Sentence, anchor: int) -> str | None:
    """The words of a denied going *to* the place at ``anchor``, if it is one.

    "did *not go to* Culiacán and stayed in Mazatlán": a verb with its own
    "not", whose "to" (or "into") the place is the object of.
    """
    if s.sent is None:
        return None
    span = ex.doc.char_span(anchor, anchor + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span[0]
    while tok.dep_ == "compound" and tok.head is not tok:
        tok = tok.head
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("to", "into"):
        return None
    verb = prep.head
    if verb.pos_ != "VERB" or verb.dep_ == "xcomp":
        return None
    neg = next((c for c in verb.children if c.dep_ == "neg"), None)
    return None if neg is None else f"{neg.text} {verb.text} {prep.text}"


def read_whereabouts(ex: _Extractor, s: Sentence, state: WalkState) -> None:
    """Add the claims of ``s`` on where the target is, or reject it with why."""
    continuing = (
        s.attr.inherited
        and state.last_claim_sent == s.index - 1
        and (CONTINUATION.match(s.text) is not None)
    )
    # "The kidnappers took *her* to Mosul": the one carried, an object
    carried = [r for r in ex.object_refs if s.span[0] <= r.start < s.span[1]]
    if not s.refs and not carried and not continuing:
        return
    text = hedge_text(s)
    cues = [
        c
        for c in _LOCATION_CUE.finditer(text)
        # "fled to a Culiacán-based safe house": the movement places, not "based"
        if not a_tie(text, c.start())
        and _of_mover(ex, s, c.start(), carried)
        # "never met his brother in Culiacán": no meeting, and no denial of where
        and not _denied_meeting(ex, s, c.start())
    ]
    cue = cues[0] if cues else None
    if cue is None and not continuing:
        return
    leaders = bool(s.refs) and all(r.kind == "leaders" for r in s.refs)
    places = [
        m
        for m in s.places
        if resolved(m) and getattr(m, "role", "place") not in _NOT_PLACE_ROLES
    ]
    # "Jane Doe left on Monday, and her brother says he is in York": a clause
    # with a speaker of its own is read on its own, and this one does not refer
    # to the target
    foreign = [m for m in s.places if s.refs and not _of_target(s, m.start)]
    # "She planned to go to York but stayed": where she meant to be; "fled to
    # Mosul from Raqqa", "left Denver for York": where she was
    planned = {m.start: _intended(ex, s, m) for m in places}
    left = {m.start: _origin(ex, s, m) for m in places}
    # "Oxford Crown Court heard Munene arrived in the UK": a movement places the
    # mover only at the places of its own phrase
    phrase = _movement_phrase(ex, s, cues)
    # "was held in Mosul before escaping to Erbil": Mosul is behind her
    behind: dict[int, str] = {}
    for m in places:
        earlier = _earlier(ex, s, m)
        if earlier is not None:
            behind[m.start] = earlier  # "once lived in Raqqa", "first held in"
    for c in cues:
        goal = _goal(ex, s, c)
        passed = _passed_through(goal) if goal is not None else None
        if passed and goal is not None:
            behind |= _starts_within(places, {t.idx for t in goal.subtree}, passed)
        later = _moved_on(ex, s, c)
        if later:
            words = _goal_words(goal) if goal is not None else _verb_words(ex, s, c)
            behind |= _starts_within(places, words, later)
    # why each place is not where the target is, the first reason that holds
    aside: dict[int, tuple[Literal["conditional", "not_target"], str]] = {}
    background: list[tuple[int, int]] = []
    apart: dict[tuple[int, int, Any], list[MentionLike]] = {}
    departed: set[int] = set()
    # "Jane Doe, who police believe is in Mosul, was charged on Monday": every
    # location word in one relative clause about the target, the statement
    stated = _stating_clause(ex, s, cues)
    departures: list[tuple[Any, list[tuple[int, int]]]] = []
    for m in places:
        origin = left[m.start]
        if origin is not None and qualifies_town(ex.text, m, places):
            # "left Cusco, Peru, on November 11": Peru says where Cusco is
            why = "only qualifies a more precise place in the same sentence"
            aside[m.start] = ("not_target", why)
        elif planned[m.start]:
            why = f"is in a plan ({planned[m.start]!r}), not where the target is"
            aside[m.start] = ("conditional", why)
        elif origin is not None and (dated := _departure(ex, s, m, *origin)):
            departed.add(m.start)  # "sailed from Key West on Tuesday": there, then
            departures.append((origin[1], dated))
        elif origin is None and (denied := _denied_origin(ex, s, m, cues)):
            # "was not extradited from Mexico": no departure, and no word that
            # he is not there
            why = f"is a place not left ({denied!r}): no word of where the target is"
            aside[m.start] = ("not_target", why)
        elif origin is not None:
            why = f"is a place left ({origin[0]!r}), not where the target is"
            aside[m.start] = ("not_target", why)
            # "Her husband left Denver on Monday, and Jane Doe is in Aspen": the
            # leaving's date is not Aspen's
            departures.append((origin[1], _phrase_dates(ex, s, origin[1])))
        elif _readers_place(ex, s, m):
            why = "is where those who got a report of the target are, not where "
            aside[m.start] = ("not_target", why + "the target is")
        elif m.start in behind:
            why = f"is where the target was before ({behind[m.start]!r}), not where "
            aside[m.start] = ("not_target", why + "the target is")
        elif phrase is not None and not any(m.start <= i < m.end for i in phrase):
            why = f"is outside the phrase of the movement ({cues[0].group(0)!r}) that "
            aside[m.start] = ("not_target", why + "places the target")
        elif stated is not None and not stated[0] <= m.start < stated[1]:
            # "Jane Doe, who police believe is in Mosul, was charged in Baghdad":
            # the clause states where she is; Baghdad is where the court sits
            quote = ex.text[stated[0] : stated[1]]
            quote = quote if len(quote) <= 60 else quote[:57] + "..."
            why = f"is outside the relative clause ({quote!r}) that states where "
            aside[m.start] = ("not_target", why + "the target is")
        elif stated is not None:
            apart.setdefault(stated, []).append(m)  # its own date and hedge
        elif relative := _aside_clause(ex, s, m, cues):
            # "who fled to Mexico in 2016": its date is not the main statement's
            background.append(relative[:2])
            if any(relative[0] <= s.span[0] + c.start() < relative[1] for c in cues):
                # a statement of its own, read apart with its own date
                apart.setdefault(relative, []).append(m)
                continue
            quote = ex.text[relative[0] : relative[1]]
            quote = quote if len(quote) <= 60 else quote[:57] + "..."
            why = f"is in a relative clause ({quote!r}) beside the statement of "
            aside[m.start] = ("not_target", why + "where the target is")
    places = [
        m
        for m in places
        if m not in foreign and m.start not in aside and m.start not in departed
    ]
    for verb, dated in departures:
        # "fled Raqqa in 2016 and is now in Mosul": 2016 is not Mosul's date;
        # "arrived in the UK from Nairobi in 2002" is the UK's too
        if not any(in_phrase(ex.doc, verb, m) for m in places):
            background += dated
    for m in s.places:
        role = getattr(m, "role", "place")
        if m.start in aside and m not in foreign:
            reason, why = aside[m.start]
            ex.reject(reason, f"{m.text!r} {why}", (m.start, m.end))
        elif m in foreign:
            ex.reject(
                "not_target",
                f"{m.text!r} is in a clause with a speaker of its own that does "
                "not refer to the target",
                (m.start, m.end),
            )
        elif role in _NOT_PLACE_ROLES:
            ex.reject(
                "not_target",
                f"{m.text!r} is used as a {role} here, not as where the target is",
                (m.start, m.end),
            )
        elif not resolved(m):
            ex.reject(
                "unresolved",
                f"{m.text!r} could not be resolved to a place",
                (m.start, m.end),
            )
    if (foreign or aside or departed) and not places:
        return
    how = ""
    if not places:
        anchor_text = text
        here = HERE.search(anchor_text)
        region = REGION_WORD.search(anchor_text)
        # "is in regular contact with his men there": where they are
        theirs = [w for w in (here, region) if w and _of_those_dealt_with(ex, s, w)]
        if theirs:
            w = theirs[0]
            why = f"{w.group(0)!r} is where those the target deals with are"
            ex.reject("not_target", why, (s.span[0] + w.start(), s.span[0] + w.end()))
            return
        state.context_asked = state.context_asked or bool(here or region)
        if region and state.last_places and s.index - state.last_places_sent <= 2:
            places = list(state.last_places)
            how = (
                f"{region.group(0)!r} → the places of an earlier sentence ("
                + ", ".join(label(m) for m in places)
                + ")"
            )
        elif here and state.last_town and s.index - state.last_town_sent <= 4:
            places = [state.last_town]
            how = f"{here.group(0)!r} → {label(state.last_town)} (from context)"
    if not places and cues and all(dealing_after(text, c.end()) for c in cues):
        return  # "after having been in contact with the patients": no place at all
    if not places:
        ex.reject(
            "no_place",
            "a statement on where the target is, with no place that could be resolved",
            s.span,
        )
        return
    at = cue.start() if cue else 0
    first_negated = negation(ex, s, at)
    # "Jane Doe, who fled to Mexico in 2016, is now hiding in Texas": two
    # statements, each of its own time, not one in Mexico ∩ Texas
    in_apart = {m.start for group in apart.values() for m in group}
    groups: list[tuple[list[MentionLike], Any, Sequence[tuple[int, int]]]] = [
        ([m for m in places if m.start not in in_apart], None, background),
        # a clause read apart takes no date of the rest of the sentence
        *(
            (group, key[2], [(s.span[0], key[0]), (key[1], s.span[1])])
            for key, group in apart.items()
        ),
    ]
    regions = [
        (region, verb, skip)
        for group, verb, skip in groups
        if group
        for region in claim_regions(ex, group, s, how, far=True)
    ]
    if apart:
        regions.sort(key=lambda r: r[0][3])  # in the order written
    for (geom, name, buffer_km, anchor, extra), verb, skip in regions:
        # "is not in Raqqa, but police say she is in Mosul": Mosul's own clause
        own = _clause_cue(ex, s, cues, anchor - s.span[0])
        wrong = believed_wrongly(ex, s, own) if verb is None else None
        if wrong is not None:
            # "Salcedo was wrongly believed by police to be in Durango"
            ex.reject(
                "negated",
                f"{name!r}: a belief or report the article calls wrong ({wrong!r}), "
                "not where the target is",
                s.span,
            )
            continue
        unreal = counterfactual(ex, s, own) if verb is None else None
        if unreal is not None:
            # "Salcedo would have surrendered to authorities in Culiacán if ..."
            ex.reject(
                "conditional",
                f"{name!r}: a deed that did not happen ({unreal!r}), not where the "
                "target was",
                s.span,
            )
            continue
        # "Officials say she is in Raqqa, and analysts argue she is near Hajin":
        # the hedge of the place's own clause
        htext = (
            _earlier_clauses_out(
                ex,
                s,
                _later_clauses_out(
                    ex,
                    s,
                    # "Ag Alher, whom French forces claimed to have killed in
                    # 2017, is hiding near Kidal": the clause aside does not hedge
                    _blanked(
                        s,
                        _clause_text(s, text, anchor),
                        [*skip, *aside_clauses(s, anchor)],
                    ),
                    anchor,
                ),
                anchor,
            )
            if verb is None
            else _span_text(s, text, subtree_span(verb))  # the relative clause's own
        )
        report = report_over(ex, s, own) if verb is None else None
        if report is not None and report[1]:
            # "Police rejected claims that ...", "reports that ... were
            # credible": the report's own word ("claims") is not how sure the
            # one who judges it is
            noun = report[0]
            htext = _blanked(
                s, htext, [(noun.left_edge.idx, noun.idx + len(noun.text))]
            )
        # "Despite rumours he had fled to Durango, Salcedo is in Culiacán": the
        # rumours hedge only what they say
        hedge, hcue = hedge_of(set_against_elsewhere(htext, s.span[0], anchor))
        # "Police said a post claiming she was in York was being investigated":
        # the police tell of the post; what it claims is no one's word
        attr = s.attr.at(anchor)
        provenance = ex.provenance(s, anchor)
        told = report is not None and not report[1] and told_of(report[0])
        if report is not None and not report[1] and weakest(hedge, "possible") != hedge:
            # "There are reports that", "investigating reports that", "a tip
            # that": hearsay that no one vouches for, as "claims that"
            hedge, hcue = "possible", report[0].text
        if leaders:
            hedge = lower(hedge)
        hedge, dispute = disputed(s, hedge, ex.text)
        lead = (
            "about the group's leaders, of whom the target is one: one level less sure"
            if leaders
            else "",
            f"hedge from {hcue!r}" if hcue else "",
        )
        tail = (
            dispute,
            how,
            "continues the claim of the previous sentence" if continuing else "",
        )
        date, date_from, dnote = ex.dates(s, anchor, verb=verb, skip=skip)
        negated = negation(ex, s, own) if own != at else first_negated
        if not negated:
            # "did not go to Culiacán and stayed in Mazatlán": the going to
            # Culiacán is denied, though the verb after "and" says its own
            negated = _goal_denied(ex, s, anchor)
        more = [extra] if extra else []
        gone = _departure_denied(ex, s, places, _clause_verb(ex, s, own))
        if negated and gone is not None:
            # "was not extradited from Mexico and is still in prison there": a
            # departure denied, no word that he is not there
            negated = None
            more.append(f"a departure denied ({gone!r}), not the place")
        pol: Literal["is", "is_not"] = "is_not" if negated else "is"
        contrast = CONTRAST.search(ex.text[max(s.span[0], anchor - 40) : anchor])
        # "is not in Raqqa but in Mosul": Mosul is where the target is
        stead = (
            CORRECTION.search(ex.text[s.span[0] : anchor])
            if _correctable(ex, s, at)
            else None
        )
        if told and pol == "is":
            # not "Police said a fake post claiming ... had been removed": the
            # police deny it
            attr = Attribution(disputed=attr.disputed)
            provenance = replace(
                provenance, speaker=None, speaker_role=None, reporting_chain=()
            )
        pol = far_polarity(extra, pol)  # "more than 30 km from X": not within
        neg = f"negated by {negated!r}" if negated else ""
        if stead is not None and (negated or first_negated):
            pol, neg = "is", ""  # the negation is not this place's
            more.append(f"in the stead of one denied ({stead.group(0).strip()!r})")
        elif contrast is not None and not negated:
            pol = "is_not"
            more.append(f"denied on its own ({contrast.group(0).strip()!r})")
        ex.build(
            Claim, s, s.span, id=ex.next_id("c"),
            provenance=provenance, date=date, date_from=date_from,
            grade=ex.grade(attr), hedge=hedge,
            note="; ".join(x for x in (*lead, neg, *tail, *more, dnote) if x),
            place=geom, place_name=name, buffer_km=buffer_km, polarity=pol,
            place_kind=place_kind_of(geom, name, places),
        )  # fmt: skip
    state.last_claim_sent = s.index
    state.last_claim_attr = s.attr
