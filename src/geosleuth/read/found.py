"""The target found or taken: "Jane Doe was found in Aspen", "arrested in Leeds".

Those who find, arrest, detain, capture, rescue or kidnap the target see the
target where they do it ("was kidnapped in Mandera": she was there then), so
the target found or taken at a place is read as a
:class:`~geosleuth.evidence.Sighting` of the target there
(:func:`~geosleuth.read.sightings.add_seen`), its note naming the event
("found", "arrested", "found alive", "picked up"), dated and graded by who
reports it as any sighting is. The one found or taken is the target: the
passive subject ("Jane Doe was found in Aspen", "was arrested in Leeds", "was
picked up in Denver", "was taken into custody in Leeds", and "Rodrigo Salcedo,
wanted in Texas on murder charges, was arrested in Phoenix", whose subject the
parse may give to "wanted": :func:`_lost_subject`), the object of the
active ("Police found Jane Doe in Aspen", "arrested her", "Rescuers found her
alive near Vail"), or the subject of "turned up" or "showed up" ("Jane Doe
turned up in Denver"), or the one that a relative clause describes ("Jane Doe,
who was arrested in Leeds"; not "Jane Doe's brother, who was arrested"); "her"
and "him" refer to the target by the rules of :mod:`geosleuth.read.target`. The
verbs are those of :data:`FOUND_EVENTS` and :data:`UP_EVENTS`. Only the places
of the verb's own phrase count, not those of another verb joined to it ("was
found in Aspen and taken to Denver": Aspen), nor those of the doer ("arrested
by Leeds police") or of the reason ("arrested over the murder of a man in
Leeds", "on suspicion of a bombing in Leeds"):
:func:`~geosleuth.read._sentence.in_phrase`. A camera that "captured" the
target is a camera's sighting (:mod:`geosleuth.read.sightings`), no capture.

The target's body found ("Her body was found in the river near Bath", "Jane
Doe's remains were recovered near Vail", "Police found the body of Jane Doe")
is a sighting of the target too, its note saying that the body was seen, and a
:class:`~geosleuth.evidence.LifeStatus` ``dead`` resting on the body (``body``,
weighed as the death seen, not as a word of it), also when listed with one of
the target's things ("Police found her car, and her body, in a lake near
Aspen": a trace of the car there too, :mod:`geosleuth.read.traces`); a body not
said to be the target's ("A body was found in Aspen") is nothing of the
target's. The target found dead ("Jane Doe was found dead in Aspen") is a
sighting of the same kind, the death being read by :mod:`geosleuth.read.life`
(or here, where that has no reference to the target to read: "Rescuers found
him dead"). So is the target found by a recovery team, with no state said ("On
Tuesday morning, recovery divers found him about 600 metres from the entrance",
"was found by a team of recovery divers": :func:`_recovered_by`): a recovery
team recovers a body. Found alive, safe or unharmed ("Rescuers found her alive
near Vail") adds a ``LifeStatus`` ``alive``. So does the target found, located or
rescued (in the past passive, in a sentence with no word of a death) with no
state said at no resolved place ("Mason was found at 7:15 a.m. Sunday, about 1
mile north of the campground"): the sighting there would have proved life
(:mod:`geosleuth.fuse.life`), and one found dead is said to be.

A group named again ("the men", "the pair", "they", "both": :func:`_the_group`)
after the target was named with another person ("Johan Pretorius, 52, and his
friend Sipho Ndlovu, 48, ...", then "The pair were last seen ...") holds the
target, by the rule of searches for a group
(:meth:`~geosleuth.read._search_people._People.in_group`): "On Monday morning
the men were found alive in a cave near Mont-aux-Sources" is the target found
alive there. Not "two other climbers", nor a group after someone else was
named.

A body, or someone not named ("a man was found alive in Grains Gill"), found
in one sentence and said to be the target in a later one ("The body was that
of Whitfield", "Police later confirmed the man found was Mr Pattinson") is read
as the target's body or the target found there
(:func:`_identified_later`), wherever it was found, at a resolved place or not.
One that no later sentence says is the target's is set aside as
``not_target``, not dropped unsaid.

Not read: a finding that is denied or under a condition ("has not been found",
"was never arrested", "if she is found"; the rules of a sighting), one that is
not reported as done ("Police hope to find her", "efforts to find her", "has yet
to be found", "could be found", "will be arrested", "until she is found",
"asked the public to help find her"), a finding denied that tells a search's
failure ("searched the plateau overnight but did not find him", "without
finding him": :mod:`geosleuth.read.searches`'), a verdict ("found guilty",
"found to be", "found that"), someone or something else found ("Her brother
was arrested", "Police found a note", "Jane Doe's brother was found dead"), a
search ("Searchers are looking for her"). The rules of a sighting hold for the rest: the
hedge of the verb ("may have been arrested"), a dispute, the speaker of the
clause.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Literal

from geosleuth.evidence import Grade, Hedge, LifeStatus, Sighting
from geosleuth.read._doc_text import doc_text
from geosleuth.read._search_outcomes import _denied_finding
from geosleuth.read._search_people import _GROUP_AGAIN, _is_group, _People
from geosleuth.read._sentence import (
    Sentence,
    antecedent,
    disputed,
    hedge_note,
    hedge_text,
    in_phrase,
    note_of,
)
from geosleuth.read.hedges import hedge_of, withheld_elsewhere
from geosleuth.read.searches import SEARCH_LEMMAS
from geosleuth.read.sightings import SEE_LEMMAS, add_seen, camera_of

if TYPE_CHECKING:
    from geosleuth.read.attribution import Attribution
    from geosleuth.read.claims import _Extractor

__all__ = [
    "BODY_AFTER",
    "BODY_GRADE",
    "BODY_WORDS",
    "FOUND_EVENTS",
    "UP_EVENTS",
    "body_grade",
    "may_be_group_found",
    "read_found",
]

#: The grade of a body found, or the target found dead, as an official states
#: it (the key ``"body"`` of the reader's ``grades`` overrides it): a source
#: usually reliable (B) on an operation of its own, the police or rangers who
#: recovered the body, and information confirmed (1) by the body itself. Not the
#: F of every other machine-read item, whose source the reader cannot judge:
#: a recovery is no hearsay of where a person hides.
BODY_GRADE = Grade("B", 1)
#: Who the sighting of the target's body is of: the target's, as a trace is
#: ("the target's car"), so that it places the target (closeness 1, no spread
#: of its own) but proves no life (:mod:`geosleuth.fuse.life`).
_BODY_WHO = "the target's body"

#: Verbs (lemmas) by which the target is found or taken, and the event they name.
FOUND_EVENTS = {
    "find": "found", "locate": "located", "discover": "discovered",
    "recover": "recovered", "arrest": "arrested", "detain": "detained",
    "capture": "captured", "apprehend": "apprehended", "rescue": "rescued",
    "nab": "nabbed", "kidnap": "kidnapped", "abduct": "abducted",
    "seize": "seized", "snatch": "snatched", "recapture": "recaptured",
}  # fmt: skip
#: Verbs that find or take only with "up": "turned up", "was picked up".
UP_EVENTS = {"turn": "turned up", "show": "showed up", "pick": "picked up"}
#: What a body is called (lemmas): "her body", "the remains of Jane Doe".
BODY_WORDS = frozenset({"body", "remains", "remain", "corpse"})
#: One of :data:`BODY_WORDS` right after a possessive ("his *body*"), for
#: choosing the sentences to parse.
BODY_AFTER = re.compile(r"\s+(?:body|remains|corpse)\b", re.IGNORECASE)
_BODY_TEXT = re.compile(r"\b(?:body|remains|corpse)\b", re.IGNORECASE)
#: States the target may be found in ("found alive", "found hiding"), and those
#: of them that prove life. Any other adjective makes a verdict ("found guilty").
_STATES = frozenset(
    {"alive", "safe", "well", "unharmed", "unhurt", "dead", "injured", "wounded",
     "hurt", "unconscious", "dehydrated", "disoriented", "hypothermic", "asleep"}
)  # fmt: skip
_ALIVE_STATES = frozenset({"alive", "safe", "well", "unharmed", "unhurt"})
#: Verbs (lemmas) of finding the target (not of taking it) that, in the past
#: passive with no state said, find the target alive: a sighting where they are
#: placed, and a proof of life where they are not ("Mason was found at 7:15 a.m.
#: Sunday ... about 1 mile north of the campground"). One found dead is "found
#: dead", or a body.
_FINDINGS = frozenset({"find", "locate", "rescue"})
_DEATH_WORDS = re.compile(r"\b(?:dead|died|death|killed|body|remains)\b", re.I)


def _found_unsaid(s: Sentence, verb: Any) -> bool:
    """Whether ``verb`` reports the target found alive though it does not say so.

    The past passive of :data:`_FINDINGS` ("Mason was found", "were located",
    "had been rescued"), in a sentence with no word of a death ("was found
    floating ... and was pronounced dead"); not "Police found Jane Doe", which
    may say no more than where a body lay, nor "is located at".
    """
    return (
        verb.lemma_.lower() in _FINDINGS
        and any(
            c.dep_ == "auxpass" and c.lower_ in ("was", "were", "been")
            for c in verb.children
        )
        and _DEATH_WORDS.search(s.text) is None
    )


#: Modals that say a finding may come, not that it came ("could be found"), unless
#: with "have" ("may have been arrested": a hedge).
_MODALS = frozenset(
    {"will", "shall", "'ll", "’ll", "wo", "would", "could", "can", "may", "might",
     "should", "must"}
)  # fmt: skip
_FOUND_TEXT = re.compile(
    r"\b(?:found|finds?|locat|discover|recover|arrest|detain|captur|apprehend|"
    r"rescu|nabbed|turn|show|pick|taken|kidnap|abduct|seiz|snatch|recaptur)",
    re.IGNORECASE,
)


#: Words of a finding, for choosing the sentences to parse: "found", "rescued".
_FINDING_TEXT = re.compile(
    r"\b(?:found|located|rescued|recovered|discovered)\b", re.IGNORECASE
)


def may_be_group_found(text: str) -> bool:
    """Whether ``text`` may tell of a group found, which may hold the target.

    A word for a group named again ("the men", "the pair", "they", "both") and
    one of finding: for choosing the sentences to parse
    (:func:`geosleuth.read.document.read_text`), for a sentence that does not
    name the target may still find her with the others (:func:`_found`).

    Examples
    --------
    >>> may_be_group_found("On Monday morning the men were found alive in a cave.")
    True
    >>> may_be_group_found("The men were last seen on Thursday.")
    False
    """
    return (
        _GROUP_AGAIN.search(text) is not None and _FINDING_TEXT.search(text) is not None
    )


def read_found(ex: _Extractor, s: Sentence) -> bool:
    """Add the sightings of the target found or taken in ``s``; True if one is."""
    if s.sent is None:
        return False
    if _identified_later(ex, s):
        return True
    found = _found(ex, s) if _FOUND_TEXT.search(s.text) is not None else None
    if found is None:
        _note_body(ex, s)
        return False
    verb, done, body, state, group = found
    at = int(verb.idx)
    event = f"{done} {state}" if state else done
    unreported = _unreported(verb)
    if unreported is not None:
        ex.reject(
            "conditional",
            f"the target {event}, but not reported as done ({unreported!r})",
            s.span,
        )
        return True
    mistaken = _mistaken(s, verb)
    if mistaken is not None:
        # "Soldiers found him hiding in Gao, but the man was his cousin": the one
        # found was someone else, so nothing of the target's
        ex.reject(
            "invalid", f"the target {event}, but corrected ({mistaken!r})", s.span
        )
        for m in s.places:
            if in_phrase(ex.doc, verb, m):
                ex.taken[m.start] = "aside"  # no claim of "hiding in Gao" either
        return True
    # a body believed found is a death the belief hedges ("Police believe they
    # have found the body of Dragan Vuković": dead, probable; review r27, 1)
    believed = _believed(verb) if not body and state != "dead" else None
    if believed is not None:
        # "Soldiers thought they had found him hiding in Gao": a belief of the
        # finders, read as their claim with its hedge, not a find
        ex.reject(
            "conditional",
            f"the target {event} only in a belief ({believed!r}): no find",
            s.span,
        )
        return False
    # "recovery divers found him": a body recovered, not the target alive
    recovery = _recovered_by(verb) if state is None and not body else None
    body = body or recovery is not None
    if recovery is not None:
        event = f"{done} by a recovery team ({recovery!r})"
    dead = body or state == "dead"
    one = (
        f"the target (one of {_phrase(group)!r})" if group is not None else "the target"
    )
    whose = "the target's body" if body else one
    lead = (
        f"{whose} {event} there: the body was seen there, not the target alive"
        if dead
        else f"{one} {event} there: seen there when {done}",
    )
    before = len(ex.items)
    reported = add_seen(
        ex, s, at, who=None, subject="target", seen_one=whose, lead=lead,
        closeness=1.0, event=event, keep=lambda m: in_phrase(ex.doc, verb, m),
    )  # fmt: skip
    if dead:
        _as_body(ex, before, s.attr.at(at))
    if not reported:
        return True
    if body or (
        state == "dead"
        and not any(r.kind in ("name", "nisba", "title", "pronoun") for r in s.refs)
    ):
        # "Rescuers found him dead": no reference that life.py reads a death of
        _death(ex, s, at, event, whose)
    elif state in _ALIVE_STATES:
        _alive(ex, s, at, event, one=one)
    elif state is None and len(ex.items) == before and _found_unsaid(s, verb):
        # "Mason was found ... about 1 mile north of the campground": no sighting
        # to prove life, so the finding does
        _alive(ex, s, at, event, placed=False, one=one)
    return True


#: Who recovers a body (lemma of a word that modifies the finders' noun):
#: "*recovery* divers found him", "was found by a recovery team".
_RECOVERY = "recovery"


def _recovered_by(verb: Any) -> str | None:
    """The words for the recovery team by which ``verb`` finds, if it does.

    The subject of the active verb or the agent of the passive, or the noun of
    its "of" ("a team of recovery divers"), whose own noun "recovery" modifies:
    "On Tuesday morning, recovery divers found him ...", "He was found by a
    recovery team": a recovery team recovers a body, so the target found by one,
    with no state said, is the target's body found. Not "a search and recovery
    team" (which may find someone alive), nor "found alive by recovery divers".
    """
    finders = [c for c in verb.children if c.dep_ == "nsubj"]
    finders += [
        g
        for c in verb.children
        if c.dep_ == "agent"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    finders += [
        g
        for f in list(finders)
        for p in f.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children
        if g.dep_ == "pobj"
    ]
    for f in finders:
        if any(
            c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() == _RECOVERY
            for c in f.children
        ):
            return _phrase(f)
    return None


def _phrase(tok: Any) -> str:
    """The words of ``tok``'s phrase up to it: "recovery divers", "the men"."""
    return str(doc_text(tok.doc)[tok.left_edge.idx : tok.idx + len(tok.text)])


#: How far (in sentences) a later identification reaches back to a body found.
_IDENTIFY_REACH = 2
#: Who someone found and not named may be called: "*a man* was found alive in
#: Grains Gill", "rescuers found *an elderly woman*".
_SOMEONE = (
    "man", "woman", "boy", "girl", "child", "person", "hiker", "walker",
    "climber", "teenager", "teen", "kayaker", "skier", "swimmer", "camper",
    "tramper", "fisherman", "motorist", "driver", "pensioner", "male", "female",
)  # fmt: skip
_SOMEONE_WORDS = frozenset(_SOMEONE)
#: "the body" (or remains) said to be someone's in a sentence of its own: "The
#: coast guard said the body was that of de Vries", "Police identified the
#: remains as ...".
_THE_BODY = re.compile(r"\b(?:the|this|that)\s+(?:body|remains|corpse)\b", re.I)
#: "the man" (or woman, hiker, ...) said to be someone in a sentence of its own:
#: "Police later confirmed the man found was Mr Pattinson".
_THE_ONE = re.compile(
    rf"\b(?:the|this|that)\s+(?:[a-z-]+\s+)?(?:{'|'.join(_SOMEONE)})\b", re.I
)
_IDENTIFIED_AS = re.compile(
    r"^\s+as\s+(?:(?:that|those)\s+of\s+)?(?:[\w'’.-]+\s+){0,5}$"
)
#: What says who someone found is, between "the man" and the name: "(found)
#: was", "has been named as", "was identified as", "was confirmed to be", with
#: up to five words of description and name ("was Mr"), but no clause.
_ONE_IDENTIFIED = re.compile(
    r"^\s+(?:(?:found|rescued|located|discovered|recovered)\s+)?"
    r"(?:(?:has|had)\s+(?:since\s+|now\s+)?been|is|was)\s+"
    r"(?:(?:later|since|now|formally)\s+)?"
    r"(?:(?:identified|named|confirmed)\s+(?:as|to\s+be)\s+)?(?:the\s+)?"
    r"(?:(?!(?:who|whom|whose|which|that|and|or|with|by|near|of)\b)[\w'’.-]+\s+){0,5}$",
    re.IGNORECASE,
)


def _note_body(ex: _Extractor, s: Sentence) -> None:
    """Remember a body, or someone not named, found in ``s`` and not said whose.

    "Fishermen spotted a body near Kissamos on Monday", "a man was found alive in
    Grains Gill": a later sentence may say whose it is, or who
    (:func:`_identified_later`), wherever it was found. Until one does, it is
    set aside as ``not_target``, so that a finding the reading could not tie to
    the target does not go unsaid; the identification takes that row back.
    """
    body = _BODY_TEXT.search(s.text) is not None
    if not body and not any(w in s.text.lower() for w in _SOMEONE):
        return
    for verb in s.sent:
        event = _event(verb)
        if event is None and body and verb.lemma_.lower() in SEE_LEMMAS:
            event = "seen"
        if event is None:
            continue
        ones = _ones_found(verb)
        if any(w.lemma_.lower() in BODY_WORDS for w in ones):
            what = "a body"
        else:
            someone = next((w for w in ones if _someone(w)), None)
            if someone is None:
                continue
            state = _state(verb)
            if state == "" or _unreported(verb) is not None:
                continue  # "a man was found guilty", "a man could be found"
            what = f"someone not named ({someone.text!r})"
            event = f"{event} {state}" if state else event
        ex.bodies.append((s, int(verb.idx), event))
        if ex.target is not None:
            ex.reject(
                "not_target",
                f"{what} {event}, not said to be the target: {_UNTIED}",
                s.span,
            )
        return


#: The end of the reason a finding not tied to the target is set aside.
_UNTIED = "no sentence soon after says it is"


def _someone(word: Any) -> bool:
    """Whether ``word`` is someone not named: "a man", "an elderly woman"."""
    return word.lemma_.lower() in _SOMEONE_WORDS and any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in word.children
    )


def _identified_later(ex: _Extractor, s: Sentence) -> bool:
    """Read a body, or someone, found before ``s`` that ``s`` says is the target.

    "Fishermen spotted a body near Kissamos on Monday. The coast guard said the
    body was that of de Vries.": the body seen there (a sighting of the body,
    with the first sentence's provenance and date) and a death, stated by the
    one who identified it, dated by the finding. "Police said a man was found
    alive in Grains Gill. Police later confirmed the man found was Mr
    Pattinson.": the target found there (a sighting) and, found alive, a proof
    of life. Found at no resolved place, the death or the proof of life is read
    all the same, and the place is set aside as any is. The body or the one
    found must have been found at most :data:`_IDENTIFY_REACH` sentences
    before; an earlier sentence not parsed is asked for (``ex.history_at``).
    A name that owns another ("the man was Mr Pattinson's son") identifies no
    one; "identifying the body as Harman's" does. True when read.
    """
    body = _THE_BODY.search(s.text) is not None
    if not body and _THE_ONE.search(s.text) is None:
        return False
    named = [(r.start, r.end) for r in s.refs if r.kind in ("name", "nisba", "title")]
    said = None
    for a, e in named:
        if re.match(r"['’]s\s+[a-z]", ex.text[e : e + 5]):
            continue  # "the man was Mr Pattinson's son": another; not "Harman's."
        before = ex.text[s.span[0] : a]
        ones = list((_THE_BODY if body else _THE_ONE).finditer(before))
        if not ones:
            continue
        one = ones[-1]  # the last "the body" before the name
        gap = before[one.end() :]
        if body and _FOUND_TEXT.search(gap):
            continue  # "The body found near Kissamos was ...": this sentence's own
        if _identifies(gap, before[: one.start()]) or (
            not body and _ONE_IDENTIFIED.match(gap) and not _NOT_IDENTIFIED.search(gap)
        ):
            said = a
            break
    if said is None:
        return False
    found = [
        b
        for b in ex.bodies
        if s.index - _IDENTIFY_REACH <= b[0].index < s.index and _of_body(b) == body
    ]
    if not found:
        ex.history_at = max(ex.history_at, s.span[0])  # parse the sentences before
        return False
    first, at, event = found[-1]
    ex.bodies.remove(found[-1])
    ex.rejected = [
        r
        for r in ex.rejected
        if not (r.span == first.span and r.detail.endswith(_UNTIED))
    ]
    verb = next(t for t in first.sent if t.idx == at)
    quote = s.text.strip()
    quote = quote if len(quote) <= 80 else quote[:77] + "..."
    dead = body or _state(verb) == "dead"
    whose = "the target's body" if body else "the target"
    lead = (
        f"{whose} {event} there, identified as the target's in a later "
        f"sentence ({quote!r}): the body was seen there, not the target alive"
        if dead
        else f"the target {event} there, identified as the target in a later "
        f"sentence ({quote!r}): seen there when found",
    )
    count = len(ex.items)
    add_seen(
        ex, first, at, who=None, subject="target", seen_one=whose,
        lead=lead, closeness=1.0, event=event,
        keep=lambda m: in_phrase(ex.doc, verb, m),
    )  # fmt: skip
    state = _state(verb)
    if dead:
        _as_body(ex, count, s.attr.at(said))
        _death(ex, s, said, event, whose, dated=(first, at))
    elif state in _ALIVE_STATES or (
        state is None and len(ex.items) == count and _found_unsaid(first, verb)
    ):
        _alive(ex, s, said, event, placed=state is not None, dated=(first, at))
    return True


def body_grade(ex: _Extractor, attr: Attribution) -> Grade:
    """The grade of a body found (or the target found dead), stated by ``attr``.

    :data:`BODY_GRADE` (or the reader's ``grades["body"]``) where an official
    states it ("Police divers recovered Lavoie's body, Lt. Christopher Hancock
    said"); the speaker's grade otherwise: a relative's or the article's word
    that a body was found is graded as their other words are.
    """
    if attr.official and not attr.target and attr.speaker is not None:
        return ex.grades.get("body", BODY_GRADE)
    return ex.grade(attr)


def _as_body(ex: _Extractor, before: int, attr: Attribution) -> None:
    """Make the sightings added since ``before`` sightings of the target's body.

    The body places the target as a sighting of it would (closeness 1, no
    associate's spread), but a sighting of the target is a proof of life on its
    day (:mod:`geosleuth.fuse.life`), and a body is none: it is the target's, as
    a trace's thing is. Graded by :func:`body_grade`, as stated by ``attr``.
    """
    grade = body_grade(ex, attr)
    for k in range(before, len(ex.items)):
        item = ex.items[k]
        if not isinstance(item, Sighting) or item.subject != "target":
            continue
        ex.items[k] = replace(
            item, subject="associate", who=_BODY_WHO, closeness=1.0,
            associate_sigma_km=0.0, grade=grade,
        )  # fmt: skip


def _of_body(noted: tuple[Sentence, int, str]) -> bool:
    """Whether a finding noted by :func:`_note_body` is of a body."""
    s, at, _ = noted
    verb = next(t for t in s.sent if t.idx == at)
    return any(w.lemma_.lower() in BODY_WORDS for w in _ones_found(verb))


def _found(
    ex: _Extractor, s: Sentence
) -> tuple[Any, str, bool, str | None, Any] | None:
    """(verb, event, whether a body, state, group) of the target found in ``s``.

    ``group`` is the word for a group named before with the target, found with
    her ("the men were found alive": :func:`_the_group`,
    :meth:`~geosleuth.read._search_people._People.in_group`), else None.
    """
    named = [(r.start, r.end) for r in s.refs if r.kind != "leaders"]
    named += [
        (r.start, r.end) for r in ex.object_refs if s.span[0] <= r.start < s.span[1]
    ]
    owners = [(r.start, r.end) for r in s.refs if r.kind in ("name", "nisba", "title")]
    if _BODY_TEXT.search(s.text):  # "her body": the owner is a possessive pronoun
        owners += [
            (r.start, r.end)
            for r in ex.possessive_refs()
            if s.span[0] <= r.start < s.span[1]
        ]
    groups = _GROUP_AGAIN.search(s.text) is not None
    if not named and not owners and not groups:
        return None
    people_: list[_People] = []  # made once, if a group is found
    for verb in s.sent:
        event = _event(verb)
        if event is None or camera_of(s, verb.idx) is not None:
            continue  # "A camera captured Jane Doe": a camera's sighting
        if _searched_for(s, verb):
            continue  # "searched ... but did not find him": the search's failure
        state = _state(verb)
        if state == "":
            continue  # "found guilty", "found to be": a verdict
        for one in _ones_found(verb):
            if any(a <= w.idx < b for w in (one, *one.conjuncts) for a, b in named):
                return verb, event, False, state, None
            # "Police found her car and her body": the body joined to a thing;
            # "A body found near Kissamos was identified as Jane Doe"
            if any(
                w.lemma_.lower() in BODY_WORDS
                and (_owned(w, owners, named) or _identified(ex, s, w, named))
                for w in (one, *one.conjuncts)
            ):
                return verb, event, True, state, None
            if groups and _the_group(one):
                people_ = people_ or [_People(ex)]
                if people_[0].in_group(int(one.idx)):
                    return verb, event, False, state, one
    return None


#: Words before a group's noun that name it again: "*the* men", "*both* men".
_DEFINITE = frozenset({"the", "both", "these", "all"})


def _the_group(tok: Any) -> bool:
    """Whether ``tok`` names a group already named: "the men", "they", "both".

    A group word (:func:`~geosleuth.read._search_people._is_group`) that is a
    pronoun or has "the" or "both"; not others ("two other climbers", "another
    pair", "a group of hikers"), who may be anyone.
    """
    if not _is_group(tok):
        return False
    if tok.pos_ == "PRON" or tok.lower_ == "both":
        return True
    kids = [c.lower_ for c in tok.children]
    return any(k in _DEFINITE for k in kids) and not any(
        k in ("other", "another") for k in kids
    )


def _searched_for(s: Sentence, verb: Any) -> bool:
    """Whether ``verb`` is a finding denied that tells a search's failure.

    "searched ... since Monday, without finding him", "searched the plateau and
    the Loch Avon basin overnight but did not find him": the search found
    nothing (:mod:`geosleuth.read.searches`), and no sighting is denied.
    """
    if _denied_finding(verb) is None:
        return False
    return verb.head.lower_ == "without" or any(
        t.pos_ == "VERB"
        and (
            t.lemma_.lower() in SEARCH_LEMMAS
            or (
                t.lemma_.lower() == "fly"
                and any(c.lower_ == "over" for c in t.children)
            )
        )
        for t in s.sent
    )


def _event(verb: Any) -> str | None:
    """The event that ``verb`` names, if it finds or takes: "found", "picked up"."""
    if verb.pos_ != "VERB":
        return None
    lemma = verb.lemma_.lower()
    kids = list(verb.children)
    if lemma in FOUND_EVENTS:
        return FOUND_EVENTS[lemma]
    if lemma in UP_EVENTS and any(c.dep_ == "prt" and c.lower_ == "up" for c in kids):
        return UP_EVENTS[lemma]
    if lemma == "take" and any(
        c.dep_ == "prep"
        and c.lower_ == "into"
        and any(g.lower_ == "custody" for g in c.children)
        for c in kids
    ):
        return "taken into custody"
    return None


def _ones_found(verb: Any) -> list[Any]:
    """The words for the one that ``verb`` finds or takes.

    A relative pronoun stands for the noun its clause describes: "Jane Doe, *who*
    was arrested in Leeds", "Doe, *whom* police found in Aspen". A passive verb
    whose subject the parse gave to a participle before it ("Jane Doe, wanted for
    fraud, was arrested") takes that subject.
    """
    kids = list(verb.children)
    if (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and not any(c.dep_ in ("nsubjpass", "auxpass") for c in kids)
    ):
        # "A body *found* near Kissamos": the body; not "said in a statement
        # that Salcedo had been arrested", a clause the parse hung from the noun
        return [verb.head]
    if verb.tag_ == "VBN" and not any(
        c.dep_ in ("dobj", "obj", "aux", "auxpass") for c in kids
    ):
        # "the remains found near Kissamos were those of ...": the parse may
        # make the participle's noun its subject
        return [c for c in kids if c.dep_ == "nsubj"]
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in kids):
        ones = [antecedent(c) for c in kids if c.dep_ == "nsubjpass"]
        if not ones:
            # "Jane Doe, wanted for fraud, was arrested": the parse may give the
            # subject to the participle before the verb
            ones = [
                g
                for c in kids
                if c.dep_ == "advcl" and c.i < verb.i
                for g in c.children
                if g.dep_ in ("nsubj", "nsubjpass") and g.i < c.i
            ]
        return ones or _lost_subject(verb)
    if verb.lemma_.lower() in ("turn", "show"):
        # "Jane Doe turned up", "Doe, who turned up in Denver"
        return [antecedent(c) for c in kids if c.dep_ == "nsubj"]
    out = [antecedent(c) for c in kids if c.dep_ in ("dobj", "obj")]
    # "Police found her car, and her body, in a lake": the parse may join a
    # second object to the verb
    out += [c for c in kids if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
    # "Rescuers found her alive", "found him hiding": the parse makes "her" the
    # subject of the state
    out += [
        g
        for c in kids
        if c.dep_ in ("ccomp", "xcomp", "oprd") and (c.pos_ == "ADJ" or c.tag_ == "VBG")
        for g in c.children
        if g.dep_ == "nsubj"
    ]
    return out


#: The dependencies of a verb's auxiliaries: "*was* arrested", "*may have* been".
_AUXES = ("aux", "auxpass")


def _lost_subject(verb: Any) -> list[Any]:
    """The subject the parse gave away from the passive ``verb``, if in apposition.

    "Rodrigo Salcedo, *wanted in Texas on murder charges*, was arrested in Phoenix":
    the parse may make "wanted" the sentence's verb, with "Salcedo" its subject,
    and "was arrested" a verb joined to it with no subject of its own. The name is
    then the one arrested when the participle's phrase stands between two commas
    right after it: the name's phrase, a comma, the participle (no "was" of its
    own), its phrase, a comma, then the passive verb with no "and" before it. Not
    "Salcedo was wanted in Texas, and his brother was arrested" (a subject of its
    own), nor "Wanted in Texas, his brother was arrested", nor "Salcedo, wanted in
    Texas, and his brother were arrested".
    """
    head = verb.head
    if verb.dep_ != "conj" or head.tag_ not in ("VBD", "VBN") or head.i >= verb.i:
        return []
    doc = verb.doc
    first = min([verb.i] + [c.i for c in verb.children if c.dep_ in _AUXES])
    if doc[first - 1].text != "," or any(
        c.dep_ in _AUXES or (c.dep_ in ("cc", "nsubj") and head.i < c.i < verb.i)
        for c in head.children
    ):
        return []
    return [
        c
        for c in head.children
        if c.dep_ == "nsubj"
        and c.i < head.i
        and doc[head.i - 1].text == ","
        and all(doc[k].is_punct or k <= c.right_edge.i for k in range(c.i, head.i))
    ]


#: What says whose a body is, right before the name: "was identified as (that
#: of)", "was confirmed to be", "were those of", with up to five words of
#: description and name ("identified as missing hiker Jane Doe": the reference
#: may be "Doe" alone), but no clause ("as the man who killed Jane Doe").
_IDENTIFIED = re.compile(
    r"\b(?:(?:identified|confirmed)\s+(?:as|to\s+be)(?:\s+(?:that|those)\s+of)?|"
    r"(?:is|was|were|are)\s+(?:that|those)\s+of)\s+(?:the\s+)?"
    r"(?:(?!(?:who|whom|whose|which|that|and|or|with|by|near|of)\b)[\w'’.-]+\s+){0,5}$",
    re.IGNORECASE,
)
_NOT_IDENTIFIED = re.compile(r"\b(?:not|never|yet|no\s+longer)\b", re.IGNORECASE)


def _identified(
    ex: _Extractor, s: Sentence, body: Any, named: list[tuple[int, int]]
) -> bool:
    """Whether ``s`` says that ``body`` is the target's.

    "A body found near Kissamos was identified as (that of) Jane Doe", "the
    remains were those of missing hiker Jane Doe". Not "has not been identified
    as Jane Doe", nor "a body was found near where Jane Doe lived".
    """
    for a, _ in named:
        if a <= body.idx or a >= s.span[1]:
            continue
        if _identifies(ex.text[body.idx + len(body.text) : a]):
            return True
    return False


def _identifies(gap: str, before: str = "") -> bool:
    """Whether ``gap``, between a body and a name, says the body is that one's.

    "was identified as (that of)", "were those of", or, after a verb of
    identifying in ``before`` ("Police identified the body"), "as"; not when
    denied or to come ("has not been identified as", "yet to be").
    """
    said = _IDENTIFIED.search(gap) or (
        re.search(r"\bidentif\w*\s+$", before, re.IGNORECASE)
        and _IDENTIFIED_AS.match(gap)
    )
    return bool(said) and not _NOT_IDENTIFIED.search(gap)


def _owned(
    body: Any, owners: list[tuple[int, int]], named: list[tuple[int, int]]
) -> bool:
    """Whether ``body`` is the target's: "her body", "the body of Jane Doe"."""
    for c in body.children:
        if c.dep_ == "poss" and any(a <= c.idx < b for a, b in owners):
            return True
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj" and any(a <= g.idx < b for a, b in owners + named):
                    return True
    return False


def _state(verb: Any) -> str | None:
    """The state the one found is in ("alive", "dead", "hiding"), if said.

    None when no state is said; ``""`` for a verdict, not a place where the one
    found was: an adjective not in :data:`_STATES` ("found guilty") or a clause
    ("found to be living", "found that").
    """
    for c in verb.children:
        if c.dep_ not in ("oprd", "acomp", "ccomp", "xcomp"):
            continue
        if c.pos_ == "ADJ":
            return str(c.lower_) if c.lower_ in _STATES else ""
        if (
            c.pos_ == "VERB"
            and c.tag_ == "VBG"
            and not any(g.dep_ in ("aux", "mark") for g in c.children)
        ):
            return None  # "found hiding in a barn": where she hid is where found
        return ""
    # "found alive Wednesday in a ravine": the parse may hang the state on the day
    after = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    if after is not None and after.lower_ in _STATES and after.pos_ == "ADJ":
        return str(after.lower_)
    return None


#: Verbs of belief above a finding, which make it the finders' belief: "Soldiers
#: *thought* they had found him hiding in Gao".
_BELIEF_LEMMAS = frozenset({"think", "believe", "assume", "suppose", "imagine"})


def _believed(verb: Any) -> str | None:
    """The verb of belief whose clause holds the finding ``verb``, if any.

    "Soldiers *thought* they had found him hiding in Gao", "Police *believed*
    they had arrested him". Not a report ("Police said they found him").
    """
    tok = verb
    for _ in range(3):
        if tok.dep_ not in ("ccomp", "xcomp") or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.lemma_.lower() in _BELIEF_LEMMAS and not any(
            c.dep_ == "neg" for c in tok.children
        ):
            return str(tok.text)
    return None


#: Who a correction says the one found was: "the *man* was his cousin".
_ONE_FOUND = (
    r"(?:the|that|this)\s+(?:man|woman|person|one|suspect|body|corpse|boy|girl|"
    r"detainee|prisoner)(?:\s+[\w’'-]+){0,3}?"
)
#: The one found named as another by kin or role: "his *cousin*", "her *sister*".
_KIN = (
    r"(?:brother|sister|cousin|son|daughter|father|mother|twin|uncle|aunt|nephew|"
    r"niece|wife|husband|bodyguard|driver|deputy|relative|lookalike|double)"
)
#: Kinds of people that one found "turned out to be" instead of the target: "but
#: the man turned out to be a local *farmer*" (review r27, 1). Not kinds that
#: say what the target was like ("a tough *negotiator*").
_NOBODY = (
    r"(?:farmer|shepherd|herder|herdsman|stranger|relative|civilian|tourist|"
    r"villager|resident|passer-?by|migrant|refugee|trader|fisherman|"
    r"hunter|hiker|labou?rer|student|neighbou?r|vagrant|beggar|lookalike|"
    r"impostor|imposter|decoy)"
)
#: A "but" that says the one found was someone else: "but the man was his
#: cousin", "but it was not him", "but the man turned out to be someone else",
#: "but the woman was not her", "but the man turned out to be a local farmer".
#: Not "but he was not charged", "but it was not clear how ...", "but she was a
#: long way from home", "but he turned out to be a tough negotiator" (review
#: r27, 1): a bare "not" or "a" says something of the one found, not who it was.
_MISTAKEN = re.compile(
    rf"\bbut\s+(?:{_ONE_FOUND}|he|she|it|they)\s+"
    r"(?:was|were|is|(?:turned\s+out|proved)\s+(?:not\s+)?to\s+be)\s+"
    r"(?:in\s+fact\s+|actually\s+|later\s+identified\s+as\s+)?"
    r"(?:(?:(?<=not\sto\sbe\s)|not\s+)(?:him|her|his|hers|them)(?=\s*(?:[.,;:]|$|but\b))|"
    r"(?:another|a\s+different)\s+(?:man|woman|person|boy|girl|one|body)\b|"
    r"(?:someone|somebody)\s+else\b|"
    rf"(?<=(?:out|ved)\sto\sbe\s)an?\s+(?:[a-z]+\s+){{0,2}}{_NOBODY}\b(?![’'-])|"
    # not a cleft that names who acted: "but it was his wife *who* identified
    # it" (review r29, 6)
    rf"(?:his|her|their)\s+(?:[a-z]+\s+)?{_KIN}s?\b(?![’'])(?!\s+(?:who|that)\b))",
    re.IGNORECASE,
)


def _mistaken(s: Sentence, verb: Any) -> str | None:
    """The words after the finding ``verb`` that say the one found was another.

    The one found named as another person (:data:`_MISTAKEN`): "Soldiers found
    him hiding in Gao, *but the man was his cousin*", "..., *but it was not
    him*". Not words said of the one found: "but he was not charged", "but it
    was not clear how long it had been there", "but she was a long way from home".

    Examples
    --------
    >>> t = "Soldiers found him hiding in Gao, but the man was his cousin."
    >>> _MISTAKEN.search(t).group(0)
    'but the man was his cousin'
    >>> _MISTAKEN.search("Police found him in Gao, but it was not him.").group(0)
    'but it was not him'
    >>> _MISTAKEN.search("Police found him in Gao, but he was not armed.") is None
    True
    >>> t = "Police found her in York, but she was a long way from home."
    >>> _MISTAKEN.search(t) is None
    True
    >>> _MISTAKEN.search("Police found him, but it was his brother's car.") is None
    True
    >>> t = "Soldiers found him in Gao, but the man turned out to be a local farmer."
    >>> _MISTAKEN.search(t).group(0)
    'but the man turned out to be a local farmer'
    >>> t = "Soldiers found him in Gao, but he turned out to be a tough negotiator."
    >>> _MISTAKEN.search(t) is None
    True
    """
    end = verb.idx + len(verb.text) - s.span[0]
    found = _MISTAKEN.search(s.text, end)
    return None if found is None else found.group(0).strip()


def _unreported(verb: Any) -> str | None:
    """What makes the finding one to come, not one reported as done, if anything.

    An infinitive ("hope to find her", "efforts to find her", "has yet to be
    found"), a modal without "have" ("could be found", "will be arrested"), a
    clause in the present under a conjunction ("until she is found", "when he is
    arrested"), or a help to come ("asked the public *to help find* an
    81-year-old man"; not "a dog helped find him").
    """
    kids = list(verb.children)
    if (
        verb.dep_ == "xcomp"
        and verb.head.lemma_.lower() == "help"
        and not any(c.dep_ == "aux" for c in kids)
    ):
        helped = _unreported(verb.head)
        if helped is not None:
            return f"{helped} {verb.text}"
    aux = [c for c in kids if c.dep_ in ("aux", "auxpass")]
    end = verb.idx + len(verb.text)
    to = next((c for c in aux if c.lower_ == "to"), None)
    if to is not None:
        return str(doc_text(verb.doc)[to.idx : end])
    modal = next((c for c in aux if c.lower_ in _MODALS), None)
    if (
        modal is not None
        and not any(c.lemma_.lower() == "have" for c in aux)
        # "could not find her", "cannot be found": a finding denied, not to come
        and not (
            modal.lower_ in ("could", "can", "ca")
            and any(c.dep_ == "neg" for c in kids)
        )
    ):
        return str(doc_text(verb.doc)[modal.idx : end])
    mark = next((c for c in kids if c.dep_ == "mark"), None)
    if mark is not None and any(t.tag_ in ("VBZ", "VBP") for t in (verb, *aux)):
        return f"{mark.text} ... {verb.text}"
    return None


def _alive(
    ex: _Extractor,
    s: Sentence,
    at: int,
    event: str,
    *,
    placed: bool = True,
    dated: tuple[Sentence, int] | None = None,
    one: str = "the target",
) -> None:
    """Add the proof of life of the target found alive, at offset ``at``.

    ``placed`` is False for the target found with no state said ("Mason was
    found") at no resolved place: the sighting that would have proved life
    there is not read, so the finding proves it here. ``dated`` as for
    :func:`_life`; ``one`` names the one found ("the target (one of 'the
    men')").
    """
    # "found alive ..., and did not rule out that she had been held captive":
    # a word withheld of another thing does not hedge the finding
    hedge, cue = hedge_of(withheld_elsewhere(s.sent, hedge_text(s), s.span[0], at))
    hedge, dispute = disputed(s, hedge, ex.text)
    lead = f"proof of life: {one} {event}"
    if not placed:
        lead += (
            " (not said dead: found alive, as a sighting would say, at no "
            "resolved place)"
        )
    _life(ex, s, at, "alive", lead, hedge, cue, dispute, dated=dated)


def _death(
    ex: _Extractor,
    s: Sentence,
    at: int,
    event: str,
    whose: str,
    dated: tuple[Sentence, int] | None = None,
) -> None:
    """Add the death of the target found dead or whose body was found, at ``at``.

    As :mod:`geosleuth.read.life` reads a death: one that another party disputes
    is set aside, and one already read from the sentence is not read twice.
    """
    if any(
        isinstance(i, LifeStatus) and i.status == "dead" and i.provenance.span == s.span
        for i in ex.items
    ):
        return
    if s.attr.disputed is not None:
        a, b = s.attr.disputed
        ex.reject(
            "negated",
            f"{whose} {event}, but disputed ({ex.text[a:b]!r}): not a death claim",
            s.span,
        )
        return
    hedge, cue = hedge_of(hedge_text(s))
    _life(
        ex, s, at, "dead", f"death: {whose} {event}", hedge, cue, dated=dated,
        grade=body_grade(ex, s.attr.at(at)), body=True,
    )  # fmt: skip


def _life(
    ex: _Extractor,
    s: Sentence,
    at: int,
    status: Literal["alive", "dead"],
    lead: str,
    hedge: Hedge,
    cue: str | None,
    dispute: str = "",
    dated: tuple[Sentence, int] | None = None,
    grade: Grade | None = None,
    body: bool = False,
) -> None:
    """Add a life status of the target stated at ``at``; ``lead`` opens the note.

    ``dated``, if given, is the sentence and offset whose date it takes (a body
    found one sentence, identified in another); ``grade``, if given, replaces
    that of the speaker (:func:`body_grade`); ``body``: a death that rests on
    the target's body found (:attr:`~geosleuth.evidence.LifeStatus.body`).
    """
    date, date_from, dnote = ex.dates(*(dated or (s, at)))
    note = note_of(lead, hedge_note(cue), dispute, dnote)
    ex.build(
        LifeStatus, s, s.span, id=ex.next_id("l"),
        provenance=ex.provenance(s, at), date=date, date_from=date_from,
        grade=grade or ex.grade(s.attr.at(at)), hedge=hedge, status=status,
        note=note, body=body,
    )  # fmt: skip
