"""Words of a death or of life: a death's cues, a word of life, a contact.

Helper of :mod:`geosleuth.read.life`: the cues of a death in a sentence
(:func:`_death_cues`), the clause and span tests they share (:func:`_clause`,
:func:`_within`), a word that the target is alive (:func:`_said_alive`: "his
lawyer said he was alive and well"), a contact with the target
(:func:`_in_contact`) and a death after surviving (:func:`_death_after_surviving`).
Moved out of :mod:`geosleuth.read.life` as it grew past the house's size for one
module; the rules are as they were.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from geosleuth.evidence import LifeStatus
from geosleuth.read._life_claims import (
    called_by_kin,
    contact_with_target,
    kin_clause,
    leader_of_speakers,
    other_statements,
)
from geosleuth.read._life_limits import (
    belief_given_up,
    ended_by_death,
    target_speaks,
)
from geosleuth.read._reports import (
    claimed_by,
    report_called_untrue,
    spoken_of,
    unjudged_report,
)
from geosleuth.read._sentence import (
    Sentence,
    antecedent,
    hedge_note,
    note_of,
)
from geosleuth.read.attribution import Attribution
from geosleuth.read.found import _unreported
from geosleuth.read.hedges import (
    hedge_of,
    is_negated,
    weakest,
    withheld_elsewhere,
    without_withheld_denials,
)

if TYPE_CHECKING:
    from geosleuth.read.claims import _Extractor
    from geosleuth.read.target import TargetRef

__all__: list[str] = []

#: "dead" in a phrase of another sense ("dead tired", "dead drunk", "a dead
#: end", "dead set against") is no death; nor is one buried alive, or under
#: rubble ("buried" tells of a death only of the target:
#: :func:`~geosleuth.read._life_denials.deaths`).
_DEAD = re.compile(
    r"\b(?:killed|dead(?!\s+(?:tired|drunk|set|serious|wrong|end|ends|ahead|"
    r"heat|last|centre|center|certain|broke|ringer|of night|of winter)\b)|"
    r"death|died|slain|buried(?!\s+(?:alive|under|beneath|in\s+(?:the\s+)?"
    r"(?:rubble|debris|snow|mud|sand|avalanche))\b))\b",
    re.IGNORECASE,
)


#: A statement that the target lives: "is alive", "is still alive", "is alive and
#: well", 'was "alive and well"', "remains alive", "is safe and well", "survived
#: (the strike)" (not "is survived by", an obituary's words, nor "alive in her
#: memory"); with a word of how sure between ("is *probably* still alive", "is
#: *most likely* alive"), which hedges it (:func:`hedge_of`).
_SAYS_ALIVE = re.compile(
    r"\b(?:(?:is|are|was|were|be|been|remains?|remained)\s+"
    r"(?:(?:most\s+|very\s+|almost\s+)?(?:probably|likely|possibly|certainly|"
    r"definitely|apparently|presumably|reportedly|allegedly|surely|still)\s+)?"
    r"[\"“']?(?:still\s+|very\s+much\s+)?(?:alive(?!(?:\s+and\s+well)?\s+in\s+(?:(?:her|"
    r"his|their|our|my|the|people['’]s)\s+)?(?:memor(?:y|ies)|hearts?|minds?|"
    r"thoughts|prayers|spirit|dreams)\b)(?:\s+and\s+well)?|safe\s+and\s+well)|"
    r"(?<!\bis )(?<!\bwas )survived(?!\s+by\b))\b",
    re.IGNORECASE,
)


#: Words before "is alive" by which no one says so: a denial ("no proof that",
#: "nobody believes"), a hope or a fear ("hopes", "prays", "fears"), a doubt.
_NOT_SAID_ALIVE = re.compile(
    r"\b(?:no|nobody|no\s+one|none|nothing|without|hopes?|hoped|hoping|"
    r"wish(?:es|ed|ing)?|pray(?:s|ed|ing)?|fears?|feared|unclear|unknown|"
    r"uncertain|doubts?|doubted|doubtful|questions?|whether)\b",
    re.IGNORECASE,
)


#: A capitalised word after a death word: "Death Valley", "the Dead Sea".
_NAME_AFTER = re.compile(r"[ \t]+(?:[A-Z][\w'’-]*)")


#: A sentence, not a death: "sentenced to death", "the death penalty", "faces
#: death row".
_SENTENCE_BEFORE = re.compile(
    r"\b(?:sentenced|condemned|sentencing|sentence|convicted)\s+(?:\w+\s+)?to\s+$",
    re.IGNORECASE,
)


_PENALTY_AFTER = re.compile(
    r"[ \t]+(?:penalty|sentence|row|warrant|threats?)\b", re.IGNORECASE
)


def _death_cues(text: str) -> list[re.Match[str]]:
    """The death words of ``text`` that are not part of a proper name.

    "last seen in Death Valley" and "near the Dead Sea" name places, not deaths:
    a capitalised "Death" or "Dead" followed by a capitalised word is a name.
    Nor is a sentence a death: "sentenced to death", "the death penalty",
    "death threats".
    """
    return [
        m
        for m in _DEAD.finditer(text)
        if not (m.group(0)[0].isupper() and _NAME_AFTER.match(text, m.end()))
        and not _SENTENCE_BEFORE.search(text, 0, m.start())
        and not _PENALTY_AFTER.match(text, m.end())
    ]


_CONDITIONAL_LIFE = re.compile(
    r"\b(?:if|whether)\b[^,.;]{0,40}\b(?:alive|dead)\b", re.IGNORECASE
)


def _said_alive(
    ex: _Extractor,
    s: Sentence,
    text: str,
    person: list[TargetRef],
    *,
    shown_still: bool = False,
    skip: Sequence[tuple[int, int]] = (),
    elided: Any = None,
) -> tuple[int, int] | None:
    """Add the claim of ``s`` that the target lives, if it makes one.

    "Jane Doe is alive and well in Nairobi, his wife said", "is still alive":
    a :class:`~geosleuth.evidence.LifeStatus` ``alive``, graded by who says it
    (a relative's word is not a dated recording) and hedged by its wording,
    dated as any statement is. The one said to live must be the target (the
    subject is one of its references); a statement denied ("is not alive"), or
    a condition ("if he is alive"), is none. Where the sentence also says where
    the target is, that claim is read too (:mod:`geosleuth.read.whereabouts`).

    In a sentence of clauses with speakers of their own
    (:attr:`~geosleuth.read.attribution.Attribution.clauses`: "The army said
    Jane Doe had been killed, but her brother said she was alive"), the
    statement is its clause's: its speaker, grade, hedge, denial and condition
    are read there, not in the other clauses. A clause that denies the life,
    or a report of it called untrue, leaves the clause after it to say so on
    its own ("Police dismissed reports that Jane Doe is alive, but her mother
    insists she is": :func:`_said_after`), its "she is" with "alive" left out
    (``elided``, the verb). Returns the span (in the document) of the clause
    read, the whole sentence's when it has no such clauses, or None when it
    says nothing of the target being alive.
    """
    if elided is not None:
        # "..., but her mother insists she *is*": "alive", said before, left out
        start = elided.idx - s.span[0]
        word, end = "alive", start + len(elided.text)
    else:
        said = _SAYS_ALIVE.search(text)
        if said is None or s.sent is None:
            return None
        word, start, end = said.group(0), said.start(), said.end()
    whole = text
    at = s.span[0] + start
    clause = _clause(s, at)
    text = _within(s, text, clause)
    # "Police did not rule out that she is alive": no denial, only raised
    if _CONDITIONAL_LIFE.search(text) or is_negated(
        without_withheld_denials(text[:end])
    ):
        # "Police deny that Jane Doe is alive, but her mother insists she is":
        # the clause after the denial is read on its own
        return _said_after(ex, s, whole, person, clause, shown_still, skip)
    unsaid = _NOT_SAID_ALIVE.search(text[:start])
    if unsaid is not None:
        # "There is no proof that she is alive", "Her mother hopes she is still
        # alive": no one says so
        ex.reject(
            "conditional",
            f"the target alive, but not said to be ({unsaid.group(0)!r})",
            s.span,
        )
        return clause
    verb = next((t for t in s.sent if t.idx == at), None)
    if verb is None:
        return None
    given_up = belief_given_up(verb)
    if given_up is not None:
        # "she had believed her husband was alive until the army showed her his body"
        ex.reject(
            "negated",
            f"the target alive, but a belief held only until ({given_up!r}): no "
            "claim of life",
            s.span,
        )
        return clause
    untrue = report_called_untrue(verb)
    if untrue is not None:
        # "Police dismissed reports that Jane Doe is alive": the report is
        # rebutted, and no one says so
        ex.reject(
            "negated",
            f"the target alive, but in a report called untrue ({untrue!r}): no "
            "claim of life, nor of death",
            s.span,
        )
        # "..., but her mother insists she is": her word, in her own clause
        later = _said_after(ex, s, whole, person, clause, shown_still, skip)
        return clause if later is None else (clause[0], later[1])
    head = verb
    subjects: list[Any] = []
    for _ in range(4):  # "is believed to *be* alive": up to "believed"
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects or head.dep_ not in ("xcomp", "conj") or head.head.i == head.i:
            break
        head = head.head
    # "A post claiming Salcedo is alive circulated": the parse may take "A post"
    # for the subject and "Salcedo" for the object of "claiming"
    spoken = spoken_of(head)
    if spoken is not None:
        subjects = [spoken]
    who = antecedent(subjects[0]) if subjects else None  # "Jane Doe, who is alive"
    named = [r for r in person if who is not None and r.start <= who.idx < r.end]
    # "The wife of Mundi Jalmaani said that *her husband* was alive", "Salcedo's
    # lawyer said *her client* was alive and well": the target, as they call it
    kin = None
    if who is not None and not named:
        # the target's pronouns anywhere tell its gender: "Jane Doe's sister said
        # her brother was alive" is not of Jane Doe where "she" is
        pronouns = [r for r in ex.refs if r.kind == "pronoun"]
        kin = called_by_kin(who, [*person, *pronouns])
        if kin is None and leader_of_speakers(who, person):
            kin = "group"  # "Ag Alher's group said its leader was alive"
    if not named and kin is None:
        return None
    if (
        word.lower() == "survived"
        and named
        and all(r.kind == "pronoun" for r in named)
        and not shown_still
    ):
        # "although he survived": whom "he" is, the rule of the person named
        # last guesses; that the target lives is said of the target by name
        # (or of the one a recording of the sentence shows lying still: "shows
        # Ag Alher lying motionless, but officials say *he* survived")
        return None
    after = _death_after_surviving(s, text)
    if after is not None:
        # "survived in 2016 but was reportedly killed in 2019": the death's
        # hedge is not the survival's
        text = _within(s, text, (clause[0], after))
    for beside in other_statements(verb):
        # "..., contradicting a military claim that he was killed", "... and
        # would not surrender": other statements, whose words do not hedge this
        text = _within(s, text, s.span, leave_out=beside)
    # "Police said she is alive but declined to confirm reports that she is in
    # York": a word withheld of another thing does not hedge the life
    hedge, cue = hedge_of(withheld_elsewhere(s.sent, text, s.span[0], at))
    post = claimed_by(verb)
    if post is not None:
        # "A post claiming Salcedo is alive circulated on Monday": hearsay, as a
        # post's word of where the target is
        hedge, cue = weakest(hedge, "possible"), cue or post
    heard = _reported(verb) if post is None else None
    if heard is not None:
        # "There are reports that Jane Doe is alive", "Police refused to dismiss
        # reports that ...": hearsay that no one vouches for, as "claims that"
        hedge, cue = weakest(hedge, "possible"), cue or heard
    # "Salcedo, declared dead in 2017, is alive": the phrase aside (``skip``)
    # does not date the word of life
    date, date_from, dnote = ex.dates(s, at, verb, skip)
    note = note_of(
        f"said to be alive ({word!r}), by the speaker's word",
        f"the target as its {kin} calls it ({who.text!r})" if kin and who else "",
        hedge_note(cue),
        dnote,
    )
    attr, provenance = s.attr.at(at), ex.provenance(s, at)
    own = kin_clause(who) if kin not in (None, "group") else None
    named_speaker = target_speaks(attr.speaker, person)
    if own is None and named_speaker and who is not None:
        # "The wife of the group's deputy leader, Mundi Jalmaani, said *he* was
        # alive": the wife says so, not the target named in her phrase (unless
        # the one who says so is the target: "Mundi Jalmaani, the group's leader,
        # said he was alive")
        own = kin_clause(who)
        if own is not None and target_speaks(own[0].split(",")[0], person):
            own = None
    if own is not None and (named_speaker or not _speaks(attr.speaker, own[0])):
        # "The wife of the group's deputy leader, Mundi Jalmaani, said ...": the
        # wife speaks, not the target named in apposition to her husband's role
        # "Jalmaani's wife said her husband was alive; the military insists he
        # was killed": the wife's word, in her clause, though the sentence's
        # speaker is the military's
        attr = Attribution(speaker=own[0])
        provenance = replace(
            provenance, speaker=own[0], speaker_role=None, reporting_chain=()
        )
        clause = own[1]
    ex.build(
        LifeStatus, s, s.span, id=ex.next_id("l"),
        provenance=provenance, date=date, date_from=date_from,
        grade=ex.grade(attr), hedge=hedge, status="alive", note=note,
    )  # fmt: skip
    return clause


def _said_after(
    ex: _Extractor,
    s: Sentence,
    text: str,
    person: list[TargetRef],
    clause: tuple[int, int],
    shown_still: bool,
    skip: Sequence[tuple[int, int]],
) -> tuple[int, int] | None:
    """Read the life said in the clause of ``s`` after ``clause``, if any.

    "Police dismissed reports that Jane Doe is alive, *but her mother insists
    she is*", "Police deny that she is alive, *but her mother says she is
    still alive*": a clause with a speaker of its own
    (:attr:`~geosleuth.read.attribution.Attribution.clauses`) after the one
    that denies the life, which says it again, in words ("alive") or by a
    bare "she is" at the clause's end, which leaves out the "alive" said
    before (:func:`_bare_be`). Returns the span read, as :func:`_said_alive`
    does, or None when no later clause says so.
    """
    later = next((c for c, _ in s.attr.clauses if c[0] >= clause[1]), None)
    if later is None:
        return None
    within = _within(s, text, later)
    if _SAYS_ALIVE.search(within) is not None:
        return _said_alive(ex, s, within, person, shown_still=shown_still, skip=skip)
    be = _bare_be(s, later)
    if be is None:
        return None
    return _said_alive(
        ex, s, within, person, shown_still=shown_still, skip=skip, elided=be
    )


def _bare_be(s: Sentence, span: tuple[int, int]) -> Any:
    """The verb "is" or "was" that ends the clause ``span`` of ``s`` bare, if any.

    "..., but her mother insists *she is*.": a "be" with a subject and nothing
    said of it (no complement, no negation), right before the clause's end; the
    verb of a clause reported. None for "she is not", "she is in York".
    """
    for tok in s.sent or ():
        if not span[0] <= tok.idx < span[1] or tok.lemma_.lower() != "be":
            continue
        deps = {c.dep_ for c in tok.children}
        after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if (
            tok.dep_ == "ccomp"
            and "nsubj" in deps
            and not deps & _SAID_OF_SUBJECT
            and (after is None or after.is_punct or after.idx >= span[1])
        ):
            return tok
    return None


#: Links by which a "be" says something of its subject ("is alive", "is in
#: York", "is not"): a "be" with none of them is bare.
_SAID_OF_SUBJECT = frozenset(
    {"acomp", "attr", "prep", "xcomp", "oprd", "neg", "dobj", "ccomp", "advcl",
     "npadvmod", "acl"}
)  # fmt: skip


def _reported(verb: Any) -> str | None:
    """The report noun whose content holds the life word ``verb``, if unjudged.

    "There are *reports* that Jane Doe is alive", "Police are investigating
    *reports* that she is alive", "Police refused to dismiss *reports* that
    ...": the report (:func:`~geosleuth.read._reports.report_of`), up the
    verbs that "alive" hangs on, that the text calls neither true ("confirmed
    reports that", whose confirmer speaks) nor untrue (read before: no claim).
    """
    return unjudged_report(verb, up=_LIFE_WORD_HEADS, steps=4)


#: The links up which a life word hangs on the verb a report holds: "is
#: *alive* and living", "appears to be alive".
_LIFE_WORD_HEADS = frozenset({"xcomp", "conj", "acomp"})


def _speaks(speaker: str | None, words: str) -> bool:
    """Whether the attributed ``speaker`` is who ``words`` name ("Jalmaani's wife")."""
    if speaker is None:
        return False
    said = set(re.findall(r"\w+", words.lower()))
    return bool(said & set(re.findall(r"\w+", speaker.lower())))


def _in_contact(
    ex: _Extractor, s: Sentence, text: str, person: list[TargetRef]
) -> None:
    """Add the claim of ``s`` that someone was in touch with the target, if any.

    "Jalmaani's wife ... said ... that she had spoken to him by phone on Sept.
    27" (:func:`~geosleuth.read._life_claims.contact_with_target`): the target
    was alive that day, by the speaker's word (a
    :class:`~geosleuth.evidence.LifeStatus` ``alive`` graded by the speaker, as
    "is alive" is), dated by the verb's own phrase. Not heard from ("had not
    heard from him since March") is set aside: no claim of life, nor of death.
    """
    got = contact_with_target(s.sent, person)
    if got is None:
        return
    verb, words, negated = got
    at = int(verb.idx)
    to_come = _unreported(verb)
    if to_come is not None:
        # "Police want to speak to Jane Doe", "would like to talk to her"
        ex.reject(
            "conditional",
            f"a contact with the target to come ({to_come!r}), not one reported",
            s.span,
        )
        return
    if negated:
        ex.reject(
            "negated",
            f"no contact with the target ({words!r}): not a claim of life, nor of "
            "death",
            s.span,
        )
        return
    death = ended_by_death(verb)
    if death is not None:
        # "she was in touch with her husband before he was killed": alive at some
        # time before the death, which the sentence tells
        ex.reject(
            "invalid",
            f"in touch with the target ({words!r}) before its death ({death!r}): "
            "no proof of life of a day",
            s.span,
        )
        return
    hedge, cue = hedge_of(_within(s, text, _clause(s, at)))
    date, date_from, dnote = ex.dates(s, at, verb)
    note = note_of(
        f"in touch with the target ({words!r}): alive then, by the speaker's word",
        hedge_note(cue),
        dnote,
    )
    ex.build(
        LifeStatus, s, s.span, id=ex.next_id("l"),
        provenance=ex.provenance(s, at), date=date, date_from=date_from,
        grade=ex.grade(s.attr.at(at)), hedge=hedge, status="alive", note=note,
    )  # fmt: skip


def _death_after_surviving(s: Sentence, text: str) -> int | None:
    """Where a death conjoined after "survived" begins in ``s``, or None.

    "Jane Doe survived an ambush in 2016 but was killed in Raqqa in 2019" tells
    of two events, one after the other: the death (a verb conjoined to
    "survived", with its subject, after it) is a claim of its own. So is one
    conjoined to a life of a time before ("Salcedo *was* probably still alive
    when the helicopter landed in Culiacán, *but he died there*": a past "was"
    or "were"; not "is alive"). Returns the document offset of the death's
    conjunct; None when neither is said, or no death verb is its conjunct
    ("survived the strike that killed his deputy": that death is another's), or
    it tells of a death that did not happen ("but he *nearly* died", "*would
    have* died without treatment": :func:`_death_averted`).
    """
    said = _SAYS_ALIVE.search(text)
    if said is None or s.sent is None:
        return None
    at = s.span[0] + said.start()
    verb = next((t for t in s.sent if t.idx == at), None)
    if verb is None:
        return None
    if said.group(0).lower() != "survived" and verb.lower_ not in ("was", "were"):
        return None  # "is alive": now, which no death after it follows
    for m in _death_cues(text[said.end() :]):
        cue_at = s.span[0] + said.end() + m.start()
        cue = next((t for t in s.sent if t.idx == cue_at), None)
        if (
            cue is not None
            and cue.dep_ == "conj"
            and cue.head.i == verb.i
            and not _death_averted(cue)
        ):
            return int(min(t.idx for t in cue.subtree))
    return None


#: Adverbs by which a death did not happen: "he *nearly* died", "*almost*
#: drowned", "had *narrowly* escaped being killed".
_NEARLY = frozenset({"nearly", "almost", "narrowly", "practically", "virtually"})
#: Modals by which it would have happened, and did not: "he *would* have died
#: without treatment", "*should* have died".
_UNREAL_MODALS = frozenset({"would", "should"})
#: Modals that tell of a death that may have happened, or that would have, as
#: what follows says: "he *could* have died" (would have), "he *may* have died
#: since" (may have): review r64, M2.
_OPEN_MODALS = frozenset({"could", "might", "may"})
#: Words of a condition that did not hold: "could have died *without*
#: treatment", "*if* the army had not come", "*unless* ...", "*otherwise*".
_UNLESS_WORDS = frozenset({"without", "if", "unless", "otherwise"})
#: Words of the time since a life was told: "may have died *since*", "*by
#: now*", "*in the meantime*", "*already*".
_SINCE_WORDS = frozenset({"since", "already", "meantime", "meanwhile", "now"})


def _death_averted(cue: Any) -> bool:
    """Whether the death verb ``cue`` tells of a death that did not happen.

    "but he *nearly* died", "had *almost* been killed", "*very nearly* died":
    near, not done; "but he *would have* died without treatment": what would
    have been; "he *could have* died (in Culiacán)", "*might have* died without
    help": a counterfactual by its condition, or by "could" without one. Not
    "but he died there", nor "but he *probably* died there" (a hedge of a death
    told), nor "he *may/might have* died (since)", "he *could have* died since"
    (a death that may have happened since: review r64, M2).
    """
    kids = list(cue.children)
    if any(c.dep_ == "advmod" and c.lower_ in _NEARLY for c in kids):
        return True
    if not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in kids):
        return False
    modals = {c.lower_ for c in kids if c.dep_ == "aux"}
    if modals & _UNREAL_MODALS:
        return True
    if not modals & _OPEN_MODALS:
        return False
    after = [t for t in cue.subtree if t.i > cue.i]
    if any(t.lower_ in _UNLESS_WORDS or _inverted_condition(t) for t in after):
        return True  # "could/might have died without treatment (had they ...)"
    return "could" in modals and not any(t.lower_ in _SINCE_WORDS for t in after)


def _inverted_condition(tok: Any) -> bool:
    """Whether ``tok`` opens a condition that did not hold, without "if".

    "might have died *had* the army come later", "*were* it not for his
    seatbelt", "*but for* his seatbelt" (review r65, M): the verb before its
    subject, or "but for".
    """
    low = tok.lower_
    if low == "but":
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        return nxt is not None and nxt.lower_ == "for"
    if low not in ("had", "were"):
        return False
    verb = tok.head if tok.dep_ in ("aux", "auxpass") else tok
    subjects = [t for t in verb.subtree if t.dep_ in ("nsubj", "nsubjpass", "expl")]
    # its subject right after it ("had *the army* come", the parse may hang
    # "come" on "had"), none before it ("he had the flu")
    return any(tok.i < t.i <= tok.i + 3 for t in subjects) and not any(
        t.i < tok.i and t.head is verb for t in subjects
    )


def _clause(s: Sentence, at: int) -> tuple[int, int]:
    """The span (in the document) of the clause of ``s`` at offset ``at``.

    A clause with a speaker of its own (:attr:`Attribution.clauses
    <geosleuth.read.attribution.Attribution.clauses>`); the whole sentence's
    span when it has none.
    """
    return next((c for c, _ in s.attr.clauses if c[0] <= at < c[1]), s.span)


def _within(
    s: Sentence,
    text: str,
    span: tuple[int, int],
    *,
    leave_out: tuple[int, int] | None = None,
) -> str:
    """``text`` (of ``s``) blanked outside the document ``span``, and in ``leave_out``.

    Offsets stay those of the sentence, so that a match in the result is at the
    same place as in ``text``.
    """
    out = list(text)
    for k in range(len(out)):
        at = s.span[0] + k
        if not span[0] <= at < span[1] or (
            leave_out is not None and leave_out[0] <= at < leave_out[1]
        ):
            out[k] = " "
    return "".join(out)
