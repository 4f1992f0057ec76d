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
("they", "the family"; not "Welch went to a residence"); an intent is none
("planned to travel to York"), nor is "has never been to York". The place a
movement starts from is where the one who moved was before, not where she is
("fled to Mosul *from Raqqa*", "left *Denver* for York", "hiding in Mosul after
fleeing *Raqqa*": set aside as ``not_target``). A place in a plan is where the
target meant to be, never where she is, though the sentence has a location word
("She planned to go to York but stayed": York set aside as ``conditional``).
``polarity="is_not"`` when negated ("is not in", "is no longer in", "neither
Jane Doe nor her husband is in", "denied that ... was in", "ruled out that ... is
in"); a place denied on its own ("hiding in Raqqa, not in Mosul", "in Raqqa, not
Mosul", "in Raqqa rather than Mosul", "instead of Mosul", "in Raqqa but not in
Mosul", "hiding not in Mosul but in Raqqa", "neither in Mosul nor in Raqqa",
"nowhere near Hajin", "hiding far from Mosul":
:data:`~geosleuth.read._sentence.CONTRAST`) is ``is_not`` on its own. A place put
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
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

from geosleuth.evidence import Claim, Sighting
from geosleuth.read._sentence import (
    CARRYING_LEMMAS,
    CONTINUATION,
    CONTRAST,
    CORRECTION,
    HERE,
    MOVING_LEMMAS,
    REGION_WORD,
    MentionLike,
    Sentence,
    WalkState,
    antecedent,
    denied_phrase,
    disputed,
    geometry_of,
    hedge_note,
    hedge_text,
    in_phrase,
    is_who_clause,
    label,
    note_of,
    report_called_untrue,
    resolved,
    subtree_span,
)
from geosleuth.read.hedges import hedge_of, lower
from geosleuth.read.regions import claim_regions, qualifies_town

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
    r"escaped)\s+from|(?:left|departed|fled|escaped)(?=\s+(?-i:[A-Z]))|"
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
    r"(?:is|was|be|are|were|been)(?:n['’]t)?\s+"
    r"(?:(?:now|still|currently|not|neither|never|no\s+longer|probably|likely|"
    r"possibly|perhaps|reportedly|apparently|allegedly|definitely|certainly|"
    r"indeed|already|also|almost|most|very|highly|quite|somewhere|alive|safe|"
    r"and|well)\s+){0,3}(?:in|on|at|near|around|inside|"
    r"(?:north|south|east|west)(?:-?(?:east|west))?\s+of)|the place where|"
    r"took\s+(?:[\w'’.-]+\s+){1,4}?(?:back\s+)?(?:to|into))\b",
    re.IGNORECASE,
)
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
    r"rang|texted|messaged|emailed)\b",
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
#: Verbs of thinking or talking whose "-ing" is a thought, not a deed: "talked
#: about *moving* to Costa Rica", "considered *moving* to York" (not "is thought
#: to be in York", an infinitive).
_MUSING_LEMMAS = frozenset(
    {"talk", "speak", "think", "consider", "discuss", "contemplate", "mention",
     "dream", "joke", "fantasize", "fantasise", "muse", "write"}
)  # fmt: skip
#: Verbs that deny the clause they govern: "denied that he was in Mosul".
_DENY_LEMMAS = frozenset({"deny", "dismiss", "refute", "reject"})
_DENY_TEXT = re.compile(
    r"\b(?:den(?:y|ies|ied)|rul(?:e|es|ed) out)\b(?:\s+that)?[^,;:.]*$", re.IGNORECASE
)
_NOT_PLACE_ROLES = ("person", "metonym", "demonym")


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
        c for c in _LOCATION_CUE.finditer(text) if _of_mover(ex, s, c.start(), carried)
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
        elif origin is not None:
            why = f"is a place left ({origin[0]!r}), not where the target is"
            aside[m.start] = ("not_target", why)
            # "Her husband left Denver on Monday, and Jane Doe is in Aspen": the
            # leaving's date is not Aspen's
            departures.append((origin[1], _phrase_dates(ex, s, origin[1])))
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
        for region in claim_regions(ex, group, s, how)
    ]
    if apart:
        regions.sort(key=lambda r: r[0][3])  # in the order written
    for (geom, name, buffer_km, anchor, extra), verb, skip in regions:
        # "Officials say she is in Raqqa, and analysts argue she is near Hajin":
        # the hedge of the place's own clause
        hedge, hcue = hedge_of(
            _later_clauses_out(
                ex, s, _blanked(s, _clause_text(s, text, anchor), skip), anchor
            )
            if verb is None
            else _span_text(s, text, subtree_span(verb))  # the relative clause's own
        )
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
        # "is not in Raqqa, but police say she is in Mosul": Mosul's own clause
        own = _clause_cue(ex, s, cues, anchor - s.span[0])
        negated = negation(ex, s, own) if own != at else first_negated
        pol: Literal["is", "is_not"] = "is_not" if negated else "is"
        more = [extra] if extra else []
        contrast = CONTRAST.search(ex.text[max(s.span[0], anchor - 40) : anchor])
        # "is not in Raqqa but in Mosul": Mosul is where the target is
        stead = (
            CORRECTION.search(ex.text[s.span[0] : anchor])
            if _correctable(ex, s, at)
            else None
        )
        neg = f"negated by {negated!r}" if negated else ""
        if stead is not None and (negated or first_negated):
            pol, neg = "is", ""  # the negation is not this place's
            more.append(f"in the stead of one denied ({stead.group(0).strip()!r})")
        elif contrast is not None and not negated:
            pol = "is_not"
            more.append(f"denied on its own ({contrast.group(0).strip()!r})")
        ex.build(
            Claim, s, s.span, id=ex.next_id("c"),
            provenance=ex.provenance(s, anchor), date=date, date_from=date_from,
            grade=ex.grade(s.attr.at(anchor)), hedge=hedge,
            note="; ".join(x for x in (*lead, neg, *tail, *more, dnote) if x),
            place=geom, place_name=name, buffer_km=buffer_km, polarity=pol,
        )  # fmt: skip
    state.last_claim_sent = s.index
    state.last_claim_attr = s.attr


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
    if _MOVEMENT.match(s.text, at) is None:
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
    if modal is not None:
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
            return None  # "planned to leave Mosul": she is there
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
                return str(ex.doc.text[first.idx : last.idx + len(last.text)])
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
                return str(ex.doc.text[first.idx : last.idx + len(last.text)])
        tok = head
    return None


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
    if not own or not _moved_herself(s, verb):
        return []
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
        subject="target",
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
            return (f"{head.text} {tok.text}", head) if _went(head) else None
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
            if verb.lemma_.lower() in _FROM_LEMMAS and _went(verb):
                words = (
                    f"{verb.text} ... from"
                    if head.i - verb.i > 3 or head.i < verb.i
                    else ex.doc.text[verb.idx : head.idx + len(head.text)]
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
        subjects = {
            t.i
            for child in verb.children
            if child.dep_ in ("nsubj", "nsubjpass")
            for t in child.subtree
        }
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


def _stating_clause(
    ex: _Extractor, s: Sentence, cues: Sequence[re.Match[str]]
) -> tuple[int, int, Any] | None:
    """The relative clause about a person that holds every location word, if any.

    "Jane Doe, *who police believe is hiding in Mosul*, was sentenced in
    Baghdad on Monday": the clause is the statement of where she is. Its span
    (document offsets) and verb; None for a sentence not parsed, or where a
    location word lies outside every such clause.
    """
    if s.sent is None or not cues:
        return None
    found = None
    for c in cues:
        span = ex.doc.char_span(
            s.span[0] + c.start(), s.span[0] + c.end(), alignment_mode="expand"
        )
        if span is None or len(span) == 0:
            return None
        clause = next(
            (a for a in (span[0], *span[0].ancestors) if is_who_clause(a)), None
        )
        if clause is None or (found is not None and clause.i != found[2].i):
            return None
        found = (*subtree_span(clause), clause)
    return found


def _aside_clause(
    ex: _Extractor, s: Sentence, m: MentionLike, cues: Sequence[re.Match[str]]
) -> tuple[int, int, Any] | None:
    """The relative clause that holds the place, if the statement lies outside it.

    Returns the clause's span (document offsets) and its verb.

    "Kaci Hickox, a nurse *who treated Ebola patients in Sierra Leone*, is in
    Newark" and "Jane Doe, *who fled to Mexico in 2016*, is now hiding in Texas":
    the clause tells of another time or deed; the statement of where the target
    is, a location word outside it, places her in Newark or Texas, not also in
    Sierra Leone, nor in the sliver where Mexico and Texas meet. The caller
    sets a place in a clause with no location word of its own aside ("treated
    Ebola patients in"), and reads one in a clause with its own ("who fled to
    Mexico in 2016") as a statement apart, dated within the clause. A relative
    clause that holds every location word is the statement ("Jane Doe, who is
    hiding in Mosul, was charged"). Only a clause about a person ("who",
    "whom", "whose") is one: "the region he called Euphrates Province" names
    the place. None for a sentence not parsed.
    """
    if s.sent is None or not cues:
        return None
    span = ex.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    for clause in span.root.ancestors:
        if not is_who_clause(clause):
            continue  # "the region he called Euphrates Province": the place's name
        lo, hi = subtree_span(clause)
        if any(not lo <= s.span[0] + c.start() < hi for c in cues):
            return lo, hi, clause
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


def _clause_of(s: Sentence, at: int) -> tuple[int, int]:
    """The span of the clause at document offset ``at``.

    The clause of :attr:`~geosleuth.read.attribution.Attribution.clauses` there
    (one with a speaker of its own), or the sentence if none.
    """
    return next((c for c, _ in s.attr.clauses if c[0] <= at < c[1]), s.span)


def _of_target(s: Sentence, at: int) -> bool:
    """Whether the clause at document offset ``at`` refers to the target."""
    a, b = _clause_of(s, at)
    return any(a <= r.start < b for r in s.refs)


def _later_clauses_out(ex: _Extractor, s: Sentence, text: str, at: int) -> str:
    """``text`` (of ``s``) with the verb clauses joined after the place blanked.

    A hedge in a clause joined by "and" or "but" after the place's own does
    not reach back to it: in "Police say Jane Doe is in Mosul and believe she
    is hiding in Vail" Mosul is the police's plain word, and in "Jane Doe is not
    in Mosul, but they believe she may be in Vail" the "may" is Vail's. A verb
    clause joined to one of the place's governing words, after the place, is
    blanked with its conjunction; nouns joined ("Mosul and Raqqa") and a
    reporting clause after ("..., police believe") are not. Unparsed, as given.
    """
    if s.sent is None or not any(m.start == at for m in s.places):
        return text  # "the region" of an earlier sentence: no place word here
    span = ex.doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return text
    place = span[0]
    above = {t.i for t in place.ancestors}
    out = list(text)
    for tok in s.sent:
        if not (
            tok.dep_ == "conj"
            and tok.pos_ in ("VERB", "AUX")
            and tok.head.i in above
            and tok.i > place.i
        ):
            continue
        words = list(tok.subtree)
        ccs = [c for c in tok.head.children if c.dep_ == "cc" and place.i < c.i < tok.i]
        first = min([*(t.idx for t in words), *(c.idx for c in ccs)])
        last = max(t.idx + len(t.text) for t in words)
        for k in range(max(0, first - s.span[0]), min(len(out), last - s.span[0])):
            out[k] = " "
    return "".join(out)


def _span_text(s: Sentence, text: str, span: tuple[int, int]) -> str:
    """``text`` (of the sentence ``s``) but the document ``span``, blanked."""
    a, b = max(0, span[0] - s.span[0]), min(len(text), span[1] - s.span[0])
    return " " * a + text[a:b] + " " * (len(text) - b)


def _blanked(s: Sentence, text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` (of the sentence ``s``) with the document ``spans`` blanked."""
    out = list(text)
    for a, b in spans:
        for k in range(max(0, a - s.span[0]), min(len(out), b - s.span[0])):
            out[k] = " "
    return "".join(out)


def _clause_text(s: Sentence, text: str, at: int) -> str:
    """``text`` (of the sentence ``s``) but the clause at offset ``at``, blanked."""
    return _span_text(s, text, _clause_of(s, at))


def negation(ex: _Extractor, s: Sentence, at: int) -> str | None:
    """A negation of the clause whose location word is at ``at`` (in sentence).

    "not", "n't", "never", "no longer" in the clause, a subject that is no one
    ("neither Jane Doe nor her husband is in"), or a verb that denies it: "denied
    that ... was in", "deny ... is in", "ruled out that ... is in".
    """
    lexical = re.search(
        r"\bno longer\b|\bnot\b|n't\b|\bnever\b",
        s.text[max(0, at - 20) : at + 12],
        re.IGNORECASE,
    )
    denied = _DENY_TEXT.search(s.text[:at])
    fallback = lexical.group(0) if lexical else (denied.group(0) if denied else None)
    verb = _clause_verb(ex, s, at)
    if verb is None:
        return fallback
    for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        denial = denied_phrase(subj)  # "Neither Jane Doe nor her husband is in"
        if denial is not None:
            return denial
    for v in (verb,) if _own_clause(verb) else (verb, verb.head):
        for child in v.children:
            if child.dep_ == "neg":
                return str(child.text)
            if child.lower_ == "longer" and any(
                g.dep_ == "neg" for g in child.children
            ):
                return "no longer"
    denier = _denier(verb)
    if denier is not None:
        return denier
    if verb.pos_ in ("VERB", "AUX"):
        return None
    return fallback


def _clause_cue(
    ex: _Extractor, s: Sentence, cues: list[re.Match[str]], anchor: int
) -> int:
    """Where (in sentence) the location word of the place at ``anchor`` is.

    The last location word before the place, where it begins a clause of its
    own about the target: a verb other than the first one's, whose subject is
    the target ("police say *she is in* Mosul", "*she is in* Mosul") or shared
    with a clause about the target ("and *is now believed to be in* Mosul").
    Otherwise, or unparsed, the sentence's first location word.
    """
    first = cues[0].start() if cues else 0
    before = [c.start() for c in cues if c.start() < anchor]
    if len(before) < 2 or s.sent is None:
        return first
    verb, first_verb = _clause_verb(ex, s, before[-1]), _clause_verb(ex, s, first)
    if verb is None or first_verb is None or verb.i == first_verb.i:
        return first
    subj = _subject(verb)
    refs = [(r.start, r.end) for r in s.refs]
    if subj is None or not any(
        a < subj.idx + len(subj.text) and subj.idx < b for a, b in refs
    ):
        return first
    return before[-1]


def _subject(verb: Any) -> Any:
    """The subject of ``verb``, up its "to be" verbs and the clause it is joined to."""
    for _ in range(6):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
        if verb.dep_ == "pcomp" and verb.head.head.pos_ in ("VERB", "AUX"):
            verb = verb.head.head  # "stayed in Mombasa before *travelling* to"
            continue
        if verb.dep_ not in ("xcomp", "conj", "advcl") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _own_clause(verb: Any) -> bool:
    """Whether ``verb``, joined to another clause, has its own verb or subject.

    "is not in Raqqa and *is* in Mosul", "and *is now believed* to be": the
    first clause's "not" does not reach it; "did not live in Raqqa or *hide* in
    Mosul" shares it.
    """
    return verb.dep_ == "conj" and (
        verb.pos_ == "AUX"
        or any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children
        )
    )


def _clause_verb(ex: _Extractor, s: Sentence, at: int) -> Any:
    """The verb of the clause whose location word is at ``at``; None unparsed."""
    if s.sent is None:
        return None
    tok = ex.doc.char_span(s.span[0] + at, s.span[0] + at + 1, alignment_mode="expand")
    if tok is None or len(tok) == 0:
        return None
    return tok[0] if tok[0].pos_ in ("VERB", "AUX") else tok[0].head


def _correctable(ex: _Extractor, s: Sentence, at: int) -> bool:
    """Whether a "but" can put a place in the stead of one denied before it.

    A "not" of the clause is so corrected ("is not in Raqqa but in Mosul"); a verb
    that denies the whole clause ("denied that she is hiding not in Mosul but in
    Raqqa") is not.
    """
    verb = _clause_verb(ex, s, at)
    if verb is None:
        return _DENY_TEXT.search(s.text[:at]) is None
    return _denier(verb) is None


def _denier(verb: Any) -> str | None:
    """The verb that denies the clause of ``verb`` ("denied", "ruled out"), if any.

    Also a report of it called untrue: "denied reports that she was in Denver",
    "reports that she was in Denver were false"
    (:func:`~geosleuth.read._sentence.report_called_untrue`).
    """
    clause = verb
    for _ in range(4):  # "denied that he was believed to be hiding in": up xcomps
        untrue = report_called_untrue(clause)
        if untrue is not None:
            return untrue
        if clause.dep_ == "ccomp":
            head = clause.head
            lemma = head.lemma_.lower()
            if lemma in _DENY_LEMMAS:
                return str(head.text)
            if lemma == "rule" and any(
                c.dep_ == "prt" and c.lower_ == "out" for c in head.children
            ):
                return f"{head.text} out"
            return None
        if clause.dep_ != "xcomp" or clause.head is clause:
            return None
        clause = clause.head
    return None
