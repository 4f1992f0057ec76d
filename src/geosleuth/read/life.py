"""Life status: proof of life from dated recordings, and claims of death.

The target with a recording, video, audio, message, speech or appearance and a
date: :class:`~geosleuth.evidence.LifeStatus` ``alive`` dated that day (the date
nearest the recording, leaving out one that dates the report of it: "On 1 May
ISIS said a recording ... was made on 28 September"). A speaker's word that
the target lives ("is alive and well", "is still alive") is ``alive`` too,
graded by the speaker, not as a recording. Where the sentence sets clauses with
speakers of their own against each other ("The army said Jane Doe had been
killed, but her brother said she was alive"), each statement is read in its
own clause, with its speaker: the brother's ``alive``, and the army's
``dead``, which his word does not deny. The one said to live, or to have died,
may be the target as its spouse or counsel calls it ("The wife of Mundi
Jalmaani said that *her husband* was alive", "Salcedo's lawyer said *her
client* was 'alive and well'"), as its sibling does ("Hamadou Ag Alher's
sister, Fatima Ag Alher, said *her brother* was alive"; not "her brother
Moussa") or as the group it leads does ("The group led
by Ag Alher said that *its commander* had been killed"); what the sentence
states beside ("..., contradicting a military claim that he was killed", "...
and would not surrender") does not hedge it, but the speaker's own word of
belief does ("Jalmaani's wife said *she believed* her husband was still alive":
probable); "alive in her memory" is no life. What another's spouse or counsel
says of its own ("*The wife of Jalmaani's deputy* said her husband was alive and
in Patikul") is set aside as ``not_target``, with its places
(:mod:`geosleuth.read._life_others`). Someone in touch with the target ("she
had spoken to him by phone on Sept. 27", "she was in touch with her husband
every week") says it was alive that day, by the speaker's word; not "before
he was killed", nor a belief held "until the army showed her his body". A
recording
shows the target by name or as "him" or "her" ("a video ... shows him
addressing fighters", not "shows him dead"; "shows him mourning his brother,
who was killed" shows him alive); a photograph only where a verb shows the
target ("A photograph released on 2 June *shows him* with his wife"), and,
of a day it does not tell, as probable. One in which someone else speaks ("his
wife said in a video that ...") is that speaker's word, read as any statement
(:mod:`geosleuth.read._life_claims`); one made at a time that is no day ("a
photograph *taken in 2015* and released on 2 June", "A *2015* photograph", one
that shows him "*as a child*": :mod:`geosleuth.read._life_limits`) is no proof of
life on its release; nor is one that shows a death ("shows him *being shot* by
soldiers", "*being lowered into a grave*", "lying in a *pool of blood*"), lying
still ("shows Ag Alher *lying motionless*") or another of the target's own
("shows Ag Alher's *wife*"), by name as by pronoun; one that shows the target
dead in a word of death ("shows Ag Alher *lying dead* in a truck", "shows
*him* lying dead") gives a death, probable. A relative clause of the target
tells of another time than its recording ("Hamadou Ag Alher, *whom French
forces claimed to have killed in 2017*, appeared in a video released on
Sunday"): its dates, hedges and speaker are not the recording's, and its death
is read besides, as two sentences would give it
(:mod:`geosleuth.read._life_asides`); nor does a speaker named only in a clause
aside ("in *what analysts said* appeared to be the Kidal region") speak the
recording. A clause of time or concession beside a recording ("A video
released on Monday shows Ag Alher addressing fighters, *weeks after the
government said he had been killed*") is no part of what it shows, and its
speaker does not speak it (:mod:`geosleuth.read._life_asides`): the video is
the proof of life, and the government's word a death claim of before it,
dated across the clause ("weeks after" Monday: some weeks before), never on
the recording's day; one the clause gives no day ("*despite claims that* he
had died") is set aside, as beside a sighting. A recording of a day the
sentence does not tell that shows the target *alive* in words ("Video shows
Hamadou Ag Alher alive weeks after reported death", a headline) is a proof of
life known by publication, probable. The
target with killed, dead, death, died or buried ("Jalmaani's widow
said her husband had been buried in Jolo"; "buried" only of the target, and
not "buried under rubble"): ``dead``, unless negated ("no conclusive evidence
of ... death", "suspicions that he was dead were weakened", "denied"), disputed
("..., but ISIS disputed it", or a next sentence "ISIS denied the report."),
taken back in the next sentence ("On Wednesday it said that statement was
wrong", "The army later retracted the claim", "Officials later backtracked",
"DNA tests later showed the body was not his") or conditional ("if Baghdadi is
alive"); one its claimant no longer vouches for ("Officials later backtracked,
saying they could not confirm his death", or in a clause of its own after it:
"...; his death could not be confirmed") is at most possible
(:mod:`geosleuth.read._life_taken_back`). An unattributed death claim is a
rumour. A death is the target's only when the target is the one who died
("al-Baghdadi was killed", "a strike killed al-Baghdadi", "al-Baghdadi died"),
not the killer ("al-Baghdadi killed dozens") or one of the target's own
("al-Baghdadi's wife was killed", "Jane Doe's brother was found dead"): those
are set aside as ``not_target`` (:mod:`geosleuth.read._life_victims`). A
contrast that tells which one died ("Officials said Salcedo, *not his
bodyguard*, had been killed") denies no death; one that sets the target aside
("his bodyguard, *not Salcedo*") is no death of the target.

A death in a clause of time or concession that the main clause came after or
stands against ("A taxi driver said he saw Jane Doe in Cartagena on 2 May, *weeks
after the army said she had been killed*", "was seen in Leeds *despite claims
that she had died*", "*since police said she was dead*", "*Although the army
said he had been killed*, a farmer saw him"), where the main clause is a seeing
of the target (by name or pronoun; or says she is alive), is set aside as
``negated``
(:func:`_earlier_claim`): it is not the speaker's claim (the taxi driver says he
saw her alive), and not of the day of the sighting; it is an earlier claim of
someone else, reported to be refuted. It is not read as the army's death claim:
its day is not given ("weeks after" 2 May is some day in March or April), the
article reports it only to set it against the sighting, and a report of that
claim read on its own (the army's statement) gives the death with its speaker
and day, which this would count a second time with a guessed date. A seeing
denied since a death ("Salcedo has *not been seen since* he was reportedly
killed in Culiacán in 2016": :func:`_unseen_since`) denies the later seeing,
not the death, which is read in its clause, hedged and dated there.

Where the target died ("Jane Doe was killed in an airstrike in Raqqa, the army
said", "died in Mosul last year, her family said") is where the target was that
day: besides the death, each place of the phrase of "killed", "slain" or "died"
(not of another verb: "after fleeing Mosul") is a
:class:`~geosleuth.evidence.Claim` that the target was there, with the death's
hedge and date and the speaker of its clause. It is a claim, not a sighting: the
speaker reports the death, and need not have seen it. It is the only item of its
place: the sentence's statements of where the target is
(:mod:`geosleuth.read.whereabouts`) read the other places ("Jane Doe, who was
hiding in Mosul, was killed in Raqqa": a claim at Raqqa, where she died, and one
at Mosul). A body found, or the
target found dead, is a sighting of the target's body
(:mod:`geosleuth.read.found`); the death of the target found dead ("Jane Doe was
found dead in her home, police said") is graded as a body found is
(:func:`~geosleuth.read.found.body_grade`) and rests on the body
(:attr:`~geosleuth.evidence.LifeStatus.body`): an official's word on it is no
claim of a death that no one has seen. A sentence that tells both of the death
and of the target's body found ("... said that its commander had been killed,
and Niger's government said his body had been found near Ayorou") gives the one
death, that of the body.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from geosleuth.evidence import Claim, Hedge, LifeStatus
from geosleuth.read._denied_owners import (
    DENYING_BACK,
    EVENT_KINDS,
    EVENT_NOUNS,
    described_only,
    told_before,
)
from geosleuth.read._life_asides import (
    contrasts,
    target_relatives,
)
from geosleuth.read._life_claims import (
    STILL,
)
from geosleuth.read._life_others import set_aside_others_kin
from geosleuth.read._life_recordings import (
    _ALIVE,
    _death_beside,
    _death_in_time,
    _no_day_earlier,
    _pronouns_before,
    _pronouns_of_other,
    _recording,
    _relative_of,
    _shown_dead,
    _shown_dead_pronoun,
    _shown_on,
    _shown_still,
    _undated_alive,
)
from geosleuth.read._life_taken_back import (
    detail_doubted,
    doubted_here,
    doubted_next,
    place_doubted,
    taken_back_next,
)
from geosleuth.read._life_victims import target_buried, target_dies
from geosleuth.read._life_words import (
    _CONDITIONAL_LIFE,
    _SAYS_ALIVE,
    _clause,
    _death_after_surviving,
    _death_cues,
    _in_contact,
    _said_alive,
    _within,
)
from geosleuth.read._reports import (
    claimed_by,
    claiming_thing,
    report_called_untrue,
    told_of,
    unjudged_report,
    vouched_for,
)
from geosleuth.read._sentence import (
    Sentence,
    hedge_note,
    hedge_text,
    in_phrase,
    is_who_clause,
    note_of,
    place_kind_of,
    resolved,
    subtree_span,
)
from geosleuth.read.attribution import (
    REPORTING_LEMMAS,
    RUMOUR,
    Attribution,
    SpeakerRegistry,
    attribute,
)
from geosleuth.read.dates import find_dates
from geosleuth.read.found import (
    _FOUND_TEXT,
    FOUND_EVENTS,
    _found,
    _unreported,
    body_grade,
)
from geosleuth.read.hedges import (
    before_semicolon,
    hedge_of,
    is_negated,
    unconfirmed,
    weakest,
    withheld_elsewhere,
    without_withheld_denials,
)
from geosleuth.read.regions import claim_regions
from geosleuth.read.target import TargetRef

if TYPE_CHECKING:
    from geosleuth.read.claims import _Extractor

__all__ = ["read_life"]

#: Words that deny or take back a death: "no conclusive evidence of his death",
#: "denied", and a report corrected ("retracted its claim that he was killed",
#: "admitted it had been wrong to say", "reports of his death were premature").
_DEATH_DENIED = re.compile(
    r"\b(?:no (?:conclusive |hard |firm )?evidence|weaken(?:ed|s)?|denied|denies|"
    r"deny|dismiss(?:ed)?|not (?:dead|killed)|survived|alive|"
    r"retract(?:ed|s|ion)?|withdr(?:ew|awn)|rescind(?:ed|s)?|premature(?:ly)?|"
    r"wrong(?:ly)? to (?:say|report|announce|claim)|wrongly|in error|"
    r"mistaken(?:ly)?|erroneous(?:ly)?|falsely)\b",
    re.IGNORECASE,
)
#: A death faked, which is none: "S *faked his own death*", "his brother said *his
#: death was staged*", "*the death of* Salcedo *was staged*", "*pretended to be
#: dead*".
_DEATH_FAKED = re.compile(
    r"\b(?:(?:fak|stag)(?:e|ed|es|ing)\s+(?:his|her|their)\s+(?:own\s+)?death|"
    r"feign(?:s|ed|ing)?\s+(?:(?:his|her|their)\s+(?:own\s+)?)?death|"
    r"death(?:\s+(?:of|in|at|near)\s+(?:[\w’'-]+\s+){1,5}?)?\s*(?:was|were|is|"
    r"had\s+been|has\s+been)\s+(?:faked|staged|feigned)|"
    r"pretend(?:s|ed|ing)?\s+to\s+(?:be|have\s+been)\s+dead|"
    r"play(?:s|ed|ing)?\s+dead)\b",
    re.IGNORECASE,
)
#: What a staging of a real death made it look like: "his death was staged *to
#: look like a suicide*", "*as an accident*": the death is real, only its manner
#: staged.
_STAGED_AS = re.compile(
    r"\s+(?:(?:to\s+(?:look|appear|seem)|so\s+as\s+to\s+look)\s+(?:like|as\s+if)|as)"
    r"\b",
    re.IGNORECASE,
)
#: A death called no crime, which is a death all the same: "police said *it was
#: not a suspicious death*", "*is not being treated as suspicious*", "there were
#: *no suspicious circumstances*".
_NOT_SUSPICIOUS = re.compile(
    r"\b(?:not|no)\s+(?:(?:being\s+)?(?:treated|regarded)\s+as\s+|"
    r"(?:believed|thought|considered)\s+to\s+be\s+)?(?:an?\s+)?"
    r"(?:suspicious|unexplained)(?:\s+(?:death|circumstances))?\b",
    re.IGNORECASE,
)
#: Verbs of dying (lemmas) whose places are where the target was: "killed in Raqqa".
_DYING_LEMMAS = frozenset({"kill", "slay", "die"})


#: Conjunctions that make the clause of a death a condition: "if he died in Raqqa".
_IF = frozenset({"if", "whether", "unless"})


#: A death only acted out: "buried *in effigy*", "buried in a *mock funeral*", "a
#: *symbolic burial*".
_ACTED_OUT = re.compile(
    r"\b(?:in\s+effigy|(?:mock|symbolic|fake|pretend)\s+(?:funeral|burial|"
    r"execution|grave)s?)\b",
    re.IGNORECASE,
)
#: A death told by a hoax: "was reported buried ... *by a hoax website*", "*a
#: satirical site* claimed he had died".
_HOAX = re.compile(
    r"\b(?:hoax|spoof|satirical|parody)\s+(?:news\s+)?(?:websites?|sites?|"
    r"accounts?|pages?|outlets?|articles?|stor(?:y|ies))\b",
    re.IGNORECASE,
)
#: Links to the clauses of a death word that tell of something else than how
#: it came about (:func:`_acted_out`).
_OTHER_CLAUSES = frozenset(
    {"ccomp", "conj", "advcl", "relcl", "acl", "parataxis", "cc", "punct"}
)


def _own_words(t: Any) -> list[Any]:
    """``t`` and the words of its own phrase: not those of a clause beside it."""
    out = [t]
    for c in t.children:
        if c.dep_ not in _OTHER_CLAUSES:
            out += _own_words(c)
    return out


def _acted_out(s: Sentence, at: int) -> bool:
    """Whether the death word at document offset ``at`` tells a death acted out.

    "Salcedo was buried *in effigy* in Culiacán", "was buried in a *mock
    funeral*": no death. The words are those of the death word's own phrase, not
    of a clause beside it ("was buried in Culiacán, where a mock funeral was
    held in 2016"); without a parse, those up to the next stop.
    """
    tok = next((t for t in s.sent if t.idx == at), None) if s.sent else None
    if tok is None:
        rest = s.text[at - s.span[0] :]
        return _ACTED_OUT.match(re.split(r"[,;.]", rest, maxsplit=1)[0]) is not None

    phrase = " ".join(t.text for t in sorted(_own_words(tok), key=lambda t: t.i))
    return _ACTED_OUT.search(phrase) is not None


#: Links by which a verb names the one that tells it: "*a hoax website*
#: claimed", "reported buried *by* a hoax website".
_TELLER_LINKS = frozenset({"nsubj", "agent"})


def _hoax_teller(s: Sentence, text: str, at: int) -> str | None:
    """The hoax (:data:`_HOAX`) that tells the death word at document offset ``at``.

    "Salcedo was reported buried in Culiacán *by a hoax website*", "*A
    satirical website* claimed he had been killed", "A hoax website published
    a story saying ...": the subject, the agent or the "according to" of the
    death word, or of a verb of report or belief that it completes (up
    ``ccomp`` and ``xcomp`` links, and from a thing put out that says it to
    the verb that puts it out). Not a hoax beside
    the death ("was killed, police said, *after a parody account* had falsely
    reported his death", "long the butt of *satirical articles*"), which is
    another's telling. Without a parse, any hoax of ``text``. None if none.
    """
    tok = next((t for t in s.sent if t.idx == at), None) if s.sent else None
    if tok is None:
        hoax = _HOAX.search(text)
        return hoax.group(0) if hoax else None

    for _ in range(4):
        tellers = [c for c in tok.children if c.dep_ in _TELLER_LINKS]
        tellers += [
            g
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "according"
            for t in c.children
            for g in (t, *t.children)
            if g.dep_ == "pobj"
        ]
        for teller in tellers:
            phrase = " ".join(
                t.text for t in sorted(_own_words(teller), key=lambda t: t.i)
            )
            hoax = _HOAX.search(phrase)
            if hoax is not None:
                return hoax.group(0)
        if tok.dep_ == "acl" and tok.head.dep_ == "dobj":
            # "A hoax website published *a story saying* he was killed", "shared
            # *a hoax story claiming*": the thing that says it, and who put it out
            thing = tok.head
            phrase = " ".join(
                t.text for t in sorted(_own_words(thing), key=lambda t: t.i)
            )
            hoax = _HOAX.search(phrase)
            if hoax is not None:
                return hoax.group(0)
            tok = thing.head
            continue
        if tok.dep_ not in ("ccomp", "xcomp") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _deaths(s: Sentence, text: str, person: list[TargetRef]) -> list[re.Match[str]]:
    """The death cues of ``text`` (of ``s``), a burial only of the target's.

    "Jalmaani's widow said her husband had been buried in Jolo" tells his
    death; "Jalmaani buried his brother", "buried the weapons", "he was
    buried" of a "he" the parse does not tie to the target, "her husband wanted
    to be buried in Jolo", and "Jalmaani's deputy was killed ..., and he was
    buried in Jolo" tell none
    (:func:`~geosleuth.read._life_victims.target_buried`).
    """
    # "buried in effigy": no death
    cues = [m for m in _death_cues(text) if not _acted_out(s, s.span[0] + m.start())]
    deaths = [s.span[0] + m.start() for m in cues if m.group(0).lower() != "buried"]
    return [
        m
        for m in cues
        if m.group(0).lower() != "buried"
        or target_buried(s, s.span[0] + m.start(), person, deaths=deaths)
    ]


def _report_untrue(s: Sentence, at: int) -> str | None:
    """The words that call untrue a report of the death at document offset ``at``.

    "Police called reports that Jane Doe *was killed* nonsense", "reports that
    she *was dead* were propaganda"
    (:func:`~geosleuth.read._reports.report_called_untrue`); None if none, or
    unparsed.
    """
    tok = next((t for t in s.sent if t.idx == at), None) if s.sent else None
    for _ in range(4):
        if tok is None:
            return None
        untrue = report_called_untrue(tok)
        if untrue is not None:
            return untrue
        if tok.dep_ not in ("xcomp", "conj", "acomp") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def read_life(ex: _Extractor, s: Sentence) -> None:
    """Add the proof of life or death claim of ``s``, or reject it with why."""
    person = [r for r in s.refs if r.kind in ("name", "nisba", "title", "pronoun")]
    text = hedge_text(s)
    alive = None
    if person or s.sent is not None:
        alive = _ALIVE.search(text) or STILL.search(text)  # "a video", "a photo"
    day = [d for d in s.dates if d.kind == "day"]
    # "Salcedo, believed killed in 2017, said in a video released on Monday that
    # he was alive": the phrase's belief does not hedge the recording
    set_off = _death_aside(ex, s, person) if alive and day else None
    shown = text if set_off is None else _within(s, text, s.span, leave_out=set_off)
    if alive and day and _recording(ex, s, shown, alive, day, person):
        beside = _death_beside(s, text, alive, person)
        if beside is not None:
            # "Hamadou Ag Alher, whom French forces claimed to have killed in
            # 2017, appeared in a video released on Sunday": the death of the
            # relative clause, besides the recording of the main one
            _read_death(ex, s, beside[0], person, skip=beside[1])
            return
        earlier = _death_in_time(s, text, s.span[0] + alive.start())
        if earlier is not None and earlier[1]:
            # "A video released on Monday shows Ag Alher addressing fighters,
            # weeks after the government said he had been killed": the
            # government's word, from before the recording
            fronted = _pronouns_before(ex, s, earlier[2], person)
            _read_death(ex, s, earlier[0], person + fronted, before=_shown_on(ex, s))
        elif earlier is not None:
            _no_day_earlier(ex, s)  # "..., despite claims that he had died"
        elif person:
            _death_set_off(ex, s, text, person)
        return
    if alive and day:
        # "A video released on Monday shows Ag Alher's deputy addressing
        # fighters, weeks after the army said he had been killed": the recording
        # shows another in the target's stead, and the "he" after it is his
        other = _pronouns_of_other(ex, s, alive, s.span, person)
        person = [r for r in person if r not in other]
        earlier = _death_in_time(s, text, s.span[0] + alive.start())
        if earlier is not None and earlier[1] and person:
            # "A video released on Monday shows Ag Alher's wife addressing
            # fighters, weeks after the army said he had been killed": no proof
            # of life, but the army's word is still from before the recording
            fronted = _pronouns_before(ex, s, earlier[2], person)
            fronted = [r for r in fronted if r not in other]
            a, b = earlier[2]
            on_days = [d.date for d in day if not a <= d.start < b]
            _read_death(
                ex, s, earlier[0], person + fronted, before=max(on_days, default=None)
            )
            return
    if alive and not s.dates and _undated_alive(ex, s, text, alive, person):
        if _death_in_time(s, text, s.span[0] + alive.start()) is not None:
            _no_day_earlier(ex, s)  # "Video shows Ag Alher alive weeks after
            # reported death"
        return
    if not person and alive is not None:
        # "A video released on Monday shows *him* lying dead in a truck"
        person = _shown_dead_pronoun(ex, s, alive)
    if not person:
        return
    # "The wife of Jalmaani's deputy said her husband was alive and in Patikul"
    set_aside_others_kin(ex, s)
    aside = _death_aside(ex, s, person)
    skip: list[tuple[int, int]] = []
    if aside is not None:
        # "Salcedo, reported dead in 2017, was seen in Mazatlán on Monday": the
        # phrase's death, hedged and dated there, no one's word; the rest is read
        # without it
        _death_set_off(ex, s, text, person)
        text = _within(s, text, s.span, leave_out=aside)
        skip = [aside]
    # "A video released on Monday shows Ag Alher lying motionless, but officials
    # say he survived": "he" is the one shown
    still = alive is not None and _shown_still(ex, s, alive, person)
    alive_in = _said_alive(ex, s, text, person, shown_still=still, skip=skip)
    if alive_in is None and s.sent is not None:
        _in_contact(ex, s, text, person)
    if alive_in is not None:
        if alive_in == s.span:
            after = _death_after_surviving(s, text)
            relative = _alive_in_relative(s, text) if after is None else None
            if after is None and relative is None:
                return
            if after is not None:
                # "survived a strike in 2016 but was killed in 2019": the death is
                # read in its own conjunct, where "survived" neither denies nor
                # dates it
                text = _within(s, text, (after, s.span[1]))
            elif relative is not None:
                # "Salcedo, who survived an attempt in 2016, was buried in
                # Culiacán on Monday": the death of the main clause, beside the
                # life of the relative one
                text = _within(s, text, s.span, leave_out=relative)
            alive_in = None
        # "The army said Jane Doe had been killed, but her brother said she was
        # alive": the brother's word is his clause's; the death, in another clause,
        # is the army's, and his "alive" does not deny it
        text = _within(s, text, s.span, leave_out=alive_in)
    # "..., though his family insists he is alive": the rest, without the
    # clause of life, may still be unseen since a death
    since = _unseen_since(s, text, person)
    if since is not None:
        # "Salcedo has not been seen since he was reportedly killed in Culiacán
        # in 2016": the "not" denies a later seeing, and the death is the
        # clause's, hedged and dated there
        since, unsaid = _since_words(ex, s, since)
        back = _CLAIM_TAKEN_BACK.match(ex.text, since[1], s.span[1])
        if back is not None:
            # "since he was reportedly killed in 2016, a claim police later
            # retracted": the death is taken back
            ex.reject(
                "negated",
                f"a death taken back in the same sentence ({back.group(0).strip()!r}): "
                "not a death claim",
                s.span,
            )
            return
        outside = [(s.span[0], since[0]), (since[1], s.span[1])]
        _read_death(ex, s, _within(s, text, since), person, skip=outside, unsaid=unsaid)
        return
    _read_death(ex, s, text, person, alive_in=alive_in)


def _read_death(
    ex: _Extractor,
    s: Sentence,
    text: str,
    person: list[TargetRef],
    *,
    alive_in: tuple[int, int] | None = None,
    skip: Sequence[tuple[int, int]] = (),
    before: dt.date | None = None,
    in_aside: bool = False,
    unsaid: bool = False,
) -> None:
    """Add the death claim of ``text`` (of ``s``), or reject it with why.

    ``alive_in`` is the clause of ``s`` that says the target lives, if any;
    dates within the spans ``skip`` (the clauses of another time) are not the
    death's; ``before`` is the day of a recording the death came before
    ("weeks after the government said he had been killed"), on which it is
    not dated; ``in_aside`` tells that ``text`` is a phrase of report or belief set
    off after the target's name (:func:`_death_aside`), no one's word and at
    most probable where it is hearsay; ``unsaid`` that the speaker of the
    sentence says something else of it (:func:`_since_words`), so that the
    death is no one's.
    """
    cues = _deaths(s, text, person)
    if not cues:
        return
    # "Salcedo, who faked his death in 2010, was killed ...": a fake of another
    # time, left out; "Salcedo faked his own death": no death
    faked, text = _death_faked(s, text, person, cues)
    if faked is None:
        cues = _deaths(s, text, person) or cues
    own = _relative_of(s, [s.span[0] + m.start() for m in cues], person)
    speaker = None
    if own is not None and not skip:
        # "Ouellette, who was buried with full military honors, earned seven
        # commendations since joining the Marines in 2005": the death is the
        # relative clause's, hedged and dated there
        text = _within(s, text, own)
        skip = [(s.span[0], own[0]), (own[1], s.span[1])]
        # "Ag Alher, whom French forces claimed to have killed in 2017, is
        # hiding near Kidal, officials said": the clause's own speaker
        speaker = _clause_speaker(s, own)
    if alive_in is not None:
        text = _within(s, text, _clause(s, s.span[0] + cues[0].start()))
    # "Officials could not confirm that Salcedo is dead", "won't confirm if he
    # died": no denial and no condition, the death only raised; "...; police
    # could not confirm that he was in Durango": of another thing
    text, unsure = unconfirmed(s.sent, text, s.span[0], s.span[0] + cues[0].start())
    if _CONDITIONAL_LIFE.search(text):
        ex.reject(
            "conditional",
            "a condition on the target being alive or dead, not a claim about it",
            s.span,
        )
        return
    # "..., but police said it was not a suspicious death": a death all the same
    text = _NOT_SUSPICIOUS.sub(lambda m: " " * len(m.group(0)), text)
    for aside in contrasts(s, person):
        # "Officials said Salcedo, not his bodyguard, had been killed": which one
        # died, not a death denied
        text = _within(s, text, s.span, leave_out=aside)
    # "Salcedo was killed in Culiacán on Monday; his death could not be
    # confirmed": no denial, but the death is at most possible, as for one
    # doubted in the next sentence
    # "...; the cause of his death could not be confirmed": the cause in doubt,
    # not the death
    detail = detail_doubted(text, cues[0].end())
    # "...; the place of his death has not been confirmed": the death stands,
    # where it happened is only possible (review r64, M3)
    place_doubt = None
    if detail is not None:
        place_doubt = place_doubted(text, detail)
        text = text[: detail[0]] + " " * (detail[1] - detail[0])
    doubted = doubted_here(text, cues[0].end())
    if doubted is not None:
        text = text[: doubted[0]] + " " * (doubted[1] - doubted[0])
    # "...; the army denied the death of the gunman": another's death; "...
    # of the drug lord", the text naming no one else: maybe the target's
    text, described = _others_death_undenied(s, text, s.span[0] + cues[0].start())
    # "Police refused to dismiss reports that she had been killed": no denial
    checked = without_withheld_denials(text)
    denial = _DEATH_DENIED.search(checked)
    got = denial.group(0) if denial else (faked or is_negated(checked))
    if got is None:
        # "Police called reports that he was killed nonsense"
        got = _report_untrue(s, s.span[0] + cues[0].start())
    if got is None:
        # "was reported buried in Culiacán by a hoax website"
        got = next(
            (
                h
                for h in (_hoax_teller(s, text, s.span[0] + m.start()) for m in cues)
                if h
            ),
            None,
        )
    if got is None and s.attr.disputed is not None:
        # "..., but ISIS denied it": a death disputed is set aside, as one denied
        got = ex.text[s.attr.disputed[0] : s.attr.disputed[1]]
    if got is not None:
        ex.reject(
            "negated",
            f"death mentioned but denied or doubted "
            f"({got!r}): not a death claim, and no proof of life",
            s.span,
        )
        return
    verdicts = [
        (m, target_dies(s, s.span[0] + m.start(), person))
        for m in _deaths(s, text, person)
    ]
    dies = next((m for m, v in verdicts if v), None)
    dead = dies or next((m for m, v in verdicts if v is None), None)
    if dead is None:
        ex.reject(
            "not_target",
            f"a death ({verdicts[0][0].group(0)!r}), but not the target's: the "
            "target is not the one who died",
            s.span,
        )
        return
    attr = s.attr.at(s.span[0] + dead.start())
    told = _told_of_post(s, s.span[0] + dead.start())
    if in_aside or told:
        # "Salcedo, reported dead in 2017, ...": no one's; "Police said a post
        # claiming she was dead was being investigated": the post's hearsay
        attr = Attribution(disputed=attr.disputed)
    elif unsaid:
        # "since he was reportedly killed, though police doubt it": a rumour
        # of no one's, not the police's word
        rumour = RUMOUR.search(text) is not None
        attr = Attribution(disputed=attr.disputed, rumour=rumour)
    elif speaker is not None:
        attr = speaker
    claimant = attr.speaker
    back = taken_back_next(ex.text, s.span[1], claimant=claimant, refs=ex.refs)
    # "Officials later backtracked, saying they could not confirm his death."
    doubt = doubted_next(ex.text, s.span[1], claimant=claimant)
    if doubt is None and doubted is not None:
        doubt = doubted[2]
    if back is not None and doubt is None:
        # "The defence ministry had said on Monday that Salcedo was killed in the
        # clash. On Wednesday it said that statement was wrong: ..."
        ex.reject(
            "negated",
            f"a death claim taken back in the next sentence ({back!r}): not a "
            "death claim",
            s.span,
        )
        return
    # the one seen may be "him" or "her" ("Although the army said he had been
    # killed, a farmer saw *him* in Tumaco"): the object pronouns count too
    seen = person + [r for r in ex.object_refs if s.span[0] <= r.start < s.span[1]]
    earlier = _earlier_claim(s, s.span[0] + dead.start(), seen)
    if earlier is not None:
        ex.reject(
            "negated",
            f"a death reported in a clause of time or concession ({earlier!r}) "
            "that the sighting of the target came after or stands against: an "
            "earlier claim of someone else, which the sentence sets against its "
            "sighting; not a death claim of the speaker, nor one of the day of the "
            "sighting",
            s.span,
        )
        return
    found = _body_found(ex, s, s.span[0] + dead.start())
    if found is not None:
        ex.reject(
            "duplicate",
            f"a death told with the target's body {found} in the same sentence: "
            "read once, as the body found (geosleuth.read.found)",
            s.span,
        )
        return
    at = s.span[0] + dead.start()
    # "..., police said, declining to confirm reports that he had been
    # betrayed": a word withheld of another thing does not hedge the death,
    # nor a clause after a semicolon ("...; he may have been betrayed")
    own_text = before_semicolon(_own_hedge_text(s, text, person, at), dead.start())
    hedge, cue = hedge_of(withheld_elsewhere(s.sent, own_text, s.span[0], at))
    heard = _ASIDE_HEARSAY.search(text) if in_aside else None
    if heard is not None:
        hedge, cue = weakest(hedge, "probable"), cue or heard.group(0)
    post = _said_by_post(s, s.span[0] + dead.start())
    if post is not None:
        # "A post claiming Jane Doe was dead was shared widely": hearsay
        hedge, cue = weakest(hedge, "possible"), cue or post
    if doubt is not None:
        hedge, cue = weakest(hedge, "possible"), cue or doubt
    if unsure is not None:
        hedge, cue = weakest(hedge, "possible"), cue or unsure
    if described is not None and weakest(hedge, "possible") != hedge:
        # "...; the army denied the death of the drug lord", the text naming
        # no one else: a denial of the target's death, maybe (review r86, #2)
        hedge, cue = "possible", described
    report = _death_reported(s, s.span[0] + dead.start()) if post is None else None
    if report is not None:
        # "There are reports that she is dead", "Police refused to dismiss
        # reports that she died": hearsay that no one vouches for, as for life
        hedge, cue = weakest(hedge, "possible"), cue or report
    shown = _shown_dead(ex, s, text, s.span[0] + dead.start())
    if shown == "like":
        # "A video released on Monday shows a man resembling Ag Alher lying dead"
        hedge, cue = weakest(hedge, "possible"), cue or "one like the target shown"
    elif shown:
        # "A video released on Monday shows Ag Alher lying dead in a truck"
        hedge, cue = weakest(hedge, "probable"), cue or "shown dead in a recording"
    if re.search(r"\bor (?:wounded|injured)\b", text):
        hedge = weakest(hedge, "possible")
        cue = cue or "or wounded"
    # the date of the death verb's own phrase: "Jane Doe, who fled to Mosul in
    # 2016, was killed in Raqqa last month" died last month
    at = s.span[0] + dead.start()
    verb = (
        next((t for t in s.sent if t.idx == at), None) if s.sent is not None else None
    )
    if verb is not None and _expected_death(verb):
        # "Salcedo should have died since": a death expected, not told (review
        # r65, as "would have died since")
        hedge, cue = weakest(hedge, "possible"), cue or "should have"
    date, date_from, dnote = ex.dates(s, at, verb, skip)
    began = _dead_since(ex, s, s.span[0] + dead.end(), date, date_from)
    if began is not None:
        # "presumed dead since 2017": the death came in 2017 at the latest, not
        # at any time up to publication
        date, date_from = began
        dnote = note_of(dnote, "the death no later than the time it runs since")
    if before is not None and date >= before:
        # the word of the death came before the recording it is set against
        date = before - dt.timedelta(days=1)
        date_from = None if date_from is None else min(date_from, date)
        dnote = note_of(dnote, "before the recording")
    note = note_of("death claim", hedge_note(cue), dnote)
    grade = ex.grade(attr)
    body = _found_dead(verb)
    if body:
        # "Jane Doe was found dead in her home, police said": a body found, not a
        # claim of a death elsewhere
        grade = body_grade(ex, s.attr.at(at))
        note = note_of(
            "death: the target found dead, a body found",
            hedge_note(cue),
            dnote,
        )
    provenance = ex.provenance(s, at)
    if in_aside or speaker is not None or told or unsaid:
        provenance = replace(
            provenance,
            speaker=attr.speaker,
            speaker_role=attr.role,
            reporting_chain=attr.chain,
        )
    built = ex.build(
        LifeStatus, s, s.span, id=ex.next_id("l"),
        provenance=provenance, date=date, date_from=date_from,
        grade=grade, hedge=hedge, status="dead", note=note, body=body,
    )  # fmt: skip
    if built is not None and dies is not None:
        if place_doubt is not None:
            hedge, cue = weakest(hedge, "possible"), cue or place_doubt.group(0)
        where = [x for x in (f"hedge from {cue!r}" if cue else "", dnote) if x]
        _where_died(ex, s, s.span[0] + dies.start(), hedge, date, date_from, where)


def _expected_death(verb: Any) -> bool:
    """Whether the death verb ``verb`` is one that "should have" happened."""
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return "should" in aux and "have" in aux


def _others_death_undenied(s: Sentence, text: str, at: int) -> tuple[str, str | None]:
    """``text`` (of ``s``) with each denial of another's death or arrest blanked.

    "Salcedo was killed in Culiacán; the army denied *the death of the
    gunman*": a denial of an event (death, arrest, ...) by its noun takes the
    target's death back only where the noun is the target's own, as for a
    seeing (:func:`~geosleuth.read._denied_owners.the_ones_told`: "the
    death", "his death", "the death of Salcedo", "his wife denied the death of
    her husband"), review r65, and of a death: not "police denied *his
    arrest*", nor "*reports of his arrest*" (:func:`_of_another_kind`), review
    r93, #7. With it, the words of a denial so blanked whose
    event is of a description that can only be the target ("the army denied
    the death *of the drug lord*", the text naming no one else:
    :func:`~geosleuth.read._denied_owners.described_only`), which leaves the
    death at most possible (review r86, #2); else None. ``at`` is the document
    offset of the death cue; offsets of ``text`` are those of ``s``.
    """
    cue = next((t for t in s.sent if t.idx == at), None) if s.sent else None
    if cue is None:
        return text, None
    described = None
    for verb in s.sent:
        if verb.lemma_.lower() not in DENYING_BACK:
            continue
        events = [
            c
            for c in verb.children
            if c.dep_ in ("dobj", "nsubjpass")
            and c.lemma_.lower() in EVENT_NOUNS
            # not "denied the death of Salcedo in Culiacán", the death told
            and not c.left_edge.i <= cue.i <= c.right_edge.i
        ]
        # "denied his arrest and his death": of a death too
        told = [
            e
            for e in events
            if any(
                told_before(c, cue, EVENT_NOUNS, s.target, s.places, _DEATH)
                for c in (e, *e.conjuncts)
            )
        ]
        if (events and len(told) < len(events)) or any(
            _of_another_kind(c, cue) for c in verb.children
        ):
            k = verb.idx - s.span[0]
            text = text[:k] + " " * len(verb.text) + text[k + len(verb.text) :]
            who = [described_only(e, cue, s.target, s.places, "death") for e in events]
            if events and all(who):
                described = (
                    f"{verb.text} the {events[0].text} of {who[0]}, maybe the target"
                )
    return text, described


#: The kind of event a death is (:data:`~geosleuth.read._denied_owners.EVENT_KINDS`).
_DEATH = frozenset({"death"})
#: Nouns of a report of an event: "police denied *reports* of his arrest".
_REPORT_NOUNS = frozenset({"report", "claim", "account", "story", "allegation"})


def _of_another_kind(noun: Any, cue: Any) -> bool:
    """Whether ``noun``, denied, is a report only of events not a death.

    "Salcedo was killed in Culiacán; police denied *reports of his arrest*":
    what is denied is an arrest (:data:`~geosleuth.read._denied_owners.EVENT_KINDS`),
    which takes no death back; not "*reports of his death*", "*reports of his
    arrest and death*", nor a report of no event ("*reports* that he fled"),
    nor one whose words hold the death told ``cue``.
    """
    if noun.dep_ not in ("dobj", "nsubjpass") or noun.lemma_.lower() not in (
        _REPORT_NOUNS
    ):
        return False
    if noun.left_edge.i <= cue.i <= noun.right_edge.i:
        return False
    events = [
        e
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children
        if g.dep_ == "pobj"
        for e in (g, *g.conjuncts)
    ]
    kinds = [EVENT_KINDS.get(e.lemma_.lower()) for e in events]
    return bool(kinds) and all(k is not None and k not in _DEATH for k in kinds)


#: A phrase of the target's death reported or believed, set off by commas after
#: its name: "Salcedo*, reported dead in 2017,* was seen in Mazatlán", "*,
#: declared dead in 2017,*", "*, believed killed in 2017,*".
_DEATH_ASIDE = re.compile(
    r"\s*,\s*(?:(?:wrongly|falsely|mistakenly|widely|once|previously|long|"
    r"officially)\s+)?(?P<verb>reported(?:ly)?|declared|believed|presumed|thought|"
    r"feared|rumou?red|said|claimed|pronounced|confirmed)\s+(?:to\s+(?:be|have\s+"
    r"been)\s+)?(?:dead|killed|slain)\b[^,;:.!?]*(?=,)",
    re.IGNORECASE,
)
#: Its words of hearsay or belief: at most probable.
_ASIDE_HEARSAY = re.compile(
    r"\b(?:reported(?:ly)?|believed|presumed|thought|feared|rumou?red|said|"
    r"claimed)\b",
    re.IGNORECASE,
)


def _death_set_off(
    ex: _Extractor, s: Sentence, text: str, person: list[TargetRef]
) -> None:
    """Add the death of a phrase set off after the target's name, if any.

    "Rodrigo Salcedo Ibarra, *reported dead in 2017*, said in a video released
    on Monday that he was in Culiacán": beside the recording, the phrase's
    death, hedged and dated there, no one's word (:func:`_death_aside`).
    """
    aside = _death_aside(ex, s, person)
    if aside is not None:
        outside = [(s.span[0], aside[0]), (aside[1], s.span[1])]
        _read_death(ex, s, _within(s, text, aside), person, skip=outside, in_aside=True)


def _death_aside(
    ex: _Extractor, s: Sentence, person: list[TargetRef]
) -> tuple[int, int] | None:
    """The span of a phrase of the target's death set off after its name, if any.

    "Rodrigo Salcedo Ibarra*, reported dead in 2017,* was seen in Mazatlán on
    Monday" (:data:`_DEATH_ASIDE`): the writer's word of an earlier report, of
    its own time (2017), not the sentence's statement (nor the target's word,
    which the parse may make of "reported"); the span runs from the participle
    to the comma that closes it. None when no name of the target is so followed.
    """
    for r in person:
        if r.kind == "pronoun" or not s.span[0] <= r.end < s.span[1]:
            continue
        m = _DEATH_ASIDE.match(ex.text, r.end, s.span[1])
        if m is not None:
            return r.end + m.start("verb") - m.start(), m.end()
    return None


def _clause_speaker(s: Sentence, clause: tuple[int, int]) -> Attribution | None:
    """Who speaks in the relative clause ``clause`` of the target, if it says.

    "Hamadou Ag Alher, *whom French forces claimed to have killed in 2017*, is
    hiding near Kidal, officials said": French forces, by the clause's own
    reporting verb (:func:`~geosleuth.read.attribution.attribute` of the
    clause alone), not the officials who speak the sentence. None when the
    clause has no speaker of its own ("who was killed in 2017").
    """
    if s.sent is None:
        return None
    for t in s.sent:
        if t.dep_ != "relcl" or not t.left_edge.idx <= clause[0] <= t.idx:
            continue
        doc = t.doc
        got = attribute(doc[t.left_edge.i : t.right_edge.i + 1], SpeakerRegistry())
        return got if got.speaker is not None else None
    return None


def _said_by_post(s: Sentence, at: int) -> str | None:
    """The thing that says the death at offset ``at`` by a participle, if hearsay.

    "A *post claiming* Jane Doe was dead was shared widely", "*reports saying*
    she had died" (:func:`~geosleuth.read._reports.claimed_by`): what the thing
    claims, not the article's word. None otherwise ("Police released a
    statement saying she had died": its author's word).
    """
    cue = next((t for t in s.sent if t.idx == at), None) if s.sent else None
    return None if cue is None else claimed_by(cue)


def _alive_in_relative(s: Sentence, text: str) -> tuple[int, int] | None:
    """The relative clause about a person that says the target lives, if so.

    "Salcedo, *who survived an assassination attempt in 2016*, was buried in
    Culiacán on Monday": its span (in the document), when the clause holds the
    word of life (:data:`_SAYS_ALIVE`) and the main clause lies outside it.
    """
    said = _SAYS_ALIVE.search(text)
    if said is None or s.sent is None:
        return None
    at = s.span[0] + said.start()
    tok = next((t for t in s.sent if t.idx == at), None)
    for clause in [] if tok is None else [tok, *tok.ancestors]:
        if is_who_clause(clause):
            lo, hi = subtree_span(clause)
            return (lo, hi) if s.span[0] < lo or hi < s.span[1] else None
    return None


def _dead_since(
    ex: _Extractor,
    s: Sentence,
    end: int,
    date: dt.date,
    date_from: dt.date | None,
) -> tuple[dt.date, dt.date | None] | None:
    """The time a death dated by "since" came in: that of what follows "since".

    "Salcedo, presumed dead since 2017, ...": the date read runs from 2017 to
    publication (:mod:`geosleuth.read.dates`, ``since``); one dead since 2017
    died in 2017 or before. The "since" follows the death word (which ends at
    document offset ``end``) at once: not "missing since 2016 and presumed
    dead", who died after 2016. Returns (last day, first day) of "2017", or
    None where no such "since" dated the death.
    """
    for m in s.dates:
        if (
            m.kind != "since"
            or m.date_from != date_from
            or min(m.date, date) != date
            or m.start < end
            or ex.text[end : m.start].strip()
        ):
            continue
        words = re.sub(r"^\s*since\s+", "", m.text, flags=re.IGNORECASE)
        # a year alone is a date only after a word such as "in"
        then = find_dates(words, published=ex.published) or find_dates(
            f"in {words}", published=ex.published
        )
        if len(then) != 1 or then[0].kind == "since" or then[0].date > date:
            return None
        first = then[0].date_from
        return then[0].date, (first if first < then[0].date else None)
    return None


def _told_of_post(s: Sentence, at: int) -> bool:
    """Whether the death at ``at`` is a thing's claim that a speaker only tells of.

    "Police said *a post claiming* Jane Doe was dead was being investigated"
    (:func:`~geosleuth.read._reports.told_of`).
    """
    cue = next((t for t in s.sent if t.idx == at), None) if s.sent else None
    thing = None if cue is None else claiming_thing(cue)
    # not "Police said a post claiming she was dead was credible": their word
    return thing is not None and told_of(thing) and not vouched_for(cue)


def _body_found(ex: _Extractor, s: Sentence, at: int) -> str | None:
    """The verb of the target's body found in ``s``, apart from the death at ``at``.

    "The group led by Ag Alher said that its commander had been killed, and
    Niger's government said his body had been found near Ayorou": the death
    rests on the body, which :mod:`geosleuth.read.found` reads (graded as a
    body found, :func:`~geosleuth.read.found.body_grade`), and a sentence gives
    one death, so the word of it is not read besides. None when ``s`` tells of
    no body of the target found, or of one to be found ("police hope to find
    his body").
    """
    if s.sent is None or _FOUND_TEXT.search(s.text) is None:
        return None
    found = _found(ex, s)
    if found is None or not found[2] or found[0].idx == at:
        return None
    return None if _unreported(found[0]) is not None else str(found[0].text)


def _found_dead(cue: Any) -> bool:
    """Whether the death cue ``cue`` is "dead" of the target found so.

    "Jane Doe was found dead", "Rescuers found him dead", "turned up dead": the
    body was found,
    and the death is graded as one (:func:`~geosleuth.read.found.body_grade`).
    """
    if cue is None or cue.lower_ != "dead":
        return False
    if cue.dep_ not in ("oprd", "acomp", "xcomp", "ccomp"):
        return False
    head = cue.head.lemma_.lower()
    if head in ("turn", "show"):  # "turned up dead": found so
        return any(c.dep_ == "prt" and c.lower_ == "up" for c in cue.head.children)
    return head in FOUND_EVENTS and FOUND_EVENTS[head] in _FOUND_DEAD


#: The events of :data:`~geosleuth.read.found.FOUND_EVENTS` by which one is
#: found dead: "found", "discovered", "recovered", "located".
_FOUND_DEAD = frozenset({"found", "discovered", "recovered", "located"})


def _where_died(
    ex: _Extractor,
    s: Sentence,
    at: int,
    hedge: Hedge,
    date: dt.date,
    date_from: dt.date | None,
    notes: list[str],
) -> None:
    """Add a claim that the target was where it died, by the verb at ``at``.

    The places of the phrase of "killed", "slain" or "died" ("killed in an
    airstrike in Raqqa", "died in Mosul last year"; not "after fleeing Mosul",
    nor "A US strike"), each a :class:`~geosleuth.evidence.Claim` that the target
    was there on the day of the death: a report, not a sighting, with the death's
    hedge and date and the speaker of the place's clause. A death under a
    condition ("If he died in Raqqa") is no claim.
    """
    verb = next((t for t in s.sent if t.idx == at), None) if s.sent else None
    if verb is None or verb.lemma_.lower() not in _DYING_LEMMAS:
        return
    places = [
        m
        for m in s.places
        if m.start > at
        and resolved(m)
        and getattr(m, "role", "place") == "place"
        and in_phrase(ex.doc, verb, m)
    ]
    if not places:
        return
    mark = next(
        (c for c in verb.children if c.dep_ == "mark" and c.lower_ in _IF), None
    )
    if mark is not None:
        ex.reject(
            "conditional",
            f"where the target died, under a condition ({mark.text!r}): not a "
            "claim that the target was there",
            s.span,
        )
        return
    # one mention, one item: "Jane Doe, who was hiding in Mosul, was killed in
    # Raqqa" gives no claim at Raqqa of whereabouts besides this one
    ex.taken.update((m.start, "claim") for m in places)
    lead = f"where the target died ({verb.text!r}): reported there then, not seen"
    for geom, name, buffer_km, anchor, extra in claim_regions(ex, places, s, ""):
        ex.build(
            Claim, s, s.span, id=ex.next_id("c"),
            provenance=ex.provenance(s, anchor), date=date, date_from=date_from,
            grade=ex.grade(s.attr.at(anchor)), hedge=hedge,
            note="; ".join(x for x in (lead, *notes, extra) if x),
            place=geom, place_name=name, buffer_km=buffer_km, polarity="is",
            place_kind=place_kind_of(geom, name, places),
        )  # fmt: skip


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


def _earlier_claim(s: Sentence, at: int, person: list[TargetRef]) -> str | None:
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


def _unseen_since(
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
        for m in _deaths(s, text, person)
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
_CLAIM_TAKEN_BACK = re.compile(
    r"\s*,\s*(?:a|an|the)\s+(?:claim|report|statement|announcement|account)\s+"
    r"(?:that\s+|which\s+)?"
    r"(?:(?!\b(?:not|never|no\s+one|nobody|n't|refused|refuses|declined|declines|"
    r"failed|fails|yet|after|before|when|because|since|although|though|while|"
    r"until|unless|if)\b|n't\b)[^,;.])*?"
    r"\b(?:retracted|withdrew|withdrawn|denied|"
    r"disputed|dismissed|rejected|took\s+back|taken\s+back|refuted|disproved)\b",
    re.IGNORECASE,
)


#: Between a death and a fake after it, a "but" that makes the fake that death,
#: with no denial or report of the fake: "declared dead, *but* the death was
#: faked"; not "but denied rumours he had faked his death".
_BUT_FAKED = re.compile(
    r"\bbut\b(?!.*\b(?:not|never|n't|den(?:y|ied|ies)|rumou?rs?|claims?|reports?|"
    r"dismiss\w*|reject\w*)\b)[^;.]*$",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
#: After a fake, words that make it one of another time than the death told
#: before: "had played dead *in an earlier attack*", "had faked his death
#: *once before*", "had *once* staged".
_FAKE_BEFORE = re.compile(
    r"\b(?:earlier|before|once|previously|formerly|in\s+the\s+past)\b", re.IGNORECASE
)
#: Before a "but", a death told by someone: "was killed on Monday, *police
#: said*, but his lawyer said the death was faked": one word against another,
#: which does not make the death none.
_TOLD_BY = re.compile(
    r",\s+(?:[\w’'.-]+\s+){0,4}?(?:said|says|say|reported|reports|told|stated|"
    r"announced|confirmed)\b[^;.]*\bbut\b",
    re.IGNORECASE,
)


def _death_faked(
    s: Sentence, text: str, person: list[TargetRef], cues: list[re.Match[str]]
) -> tuple[str | None, str]:
    """The words of a faked death that is all the death of ``text``, and ``text``.

    "Salcedo *faked his own death* in 2010, police said", "his brother said *his
    death was staged*": the only death told is faked, so there is none. Where
    the sentence tells a death besides ("Salcedo, who faked his death in 2010,
    *was killed* in Culiacán on Monday", "... *died*, his family said, denying
    rumours he had faked his death"), the fake is of another time, or denied,
    and the death stands: ``text`` is returned with the fake blanked, so that
    it neither denies nor dates the death. Nor is a death staged "to look like a
    suicide" (or "as an accident") faked: the death is real, its manner staged.
    ``cues`` are the death words of ``text`` (:func:`_deaths`).
    """
    fakes = [
        m for m in _DEATH_FAKED.finditer(text) if not _STAGED_AS.match(text, m.end())
    ]
    if not fakes:
        return None, text
    if all(any(f.start() <= c.start() < f.end() for f in fakes) for c in cues):
        return fakes[0].group(0), text
    told = [c for c in cues if not any(f.start() <= c.start() < f.end() for f in fakes)]
    last = max((c.end() for c in told), default=0)
    for f in fakes:
        undone = _BUT_FAKED.search(text[last : f.start()])
        fake = text[last : f.start()][undone.start() :] if undone is not None else ""
        after = re.split(r"[;.]", text[f.start() :])[0]
        if (
            f.start() >= last
            and undone is not None
            and not _YEAR.search(after)
            and not _FAKE_BEFORE.search(fake + after)
            and not _TOLD_BY.search(text[last : f.start()])
        ):
            # "was declared dead in 2010, but the death was faked", "reported
            # killed ... but had faked his death": the death told before is
            # the fake
            return f.group(0), text
    for f in fakes:
        text = text[: f.start()] + " " * (f.end() - f.start()) + text[f.end() :]
    return None, text


def _own_hedge_text(s: Sentence, text: str, person: list[TargetRef], at: int) -> str:
    """``text`` less the target's relative clauses that do not hold the death at ``at``.

    "Salcedo, *who would have surrendered in Culiacán*, was killed there on
    Monday", "*who may have been hiding in Durango*": the clause aside
    describes the target, and does not hedge the death beside it
    (:func:`~geosleuth.read._life_asides.target_relatives`).
    """
    for aside in target_relatives(s, person):
        if not aside[0] <= at < aside[1]:
            text = _within(s, text, s.span, leave_out=aside)
    return text


def _death_reported(s: Sentence, at: int) -> str | None:
    """The report noun whose content holds the death word at ``at``, if unjudged.

    "There are *reports* that Jane Doe is dead", "Police refused to dismiss
    *reports* that she had been killed": the report
    (:func:`~geosleuth.read._reports.unjudged_report`) up the heads the death
    word hangs on ("is *dead*", "was *killed*"), that the text calls neither true
    ("confirmed reports that", whose confirmer speaks) nor untrue.
    """
    tok = next((t for t in s.sent if t.idx == at), None) if s.sent else None
    if tok is None:
        return None
    return unjudged_report(tok, up=_DEATH_WORD_HEADS, steps=4)


#: The links up which a death word hangs on the verb a report holds: "is
#: *dead*", "was *found* dead", "is *believed* dead".
_DEATH_WORD_HEADS = frozenset({"xcomp", "conj", "acomp", "oprd"})


def _since_words(
    ex: _Extractor, s: Sentence, since: tuple[int, int]
) -> tuple[tuple[int, int], bool]:
    """The words of the death of ``since`` (:func:`_unseen_since`), and whether unsaid.

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
    killed" (:func:`_unseen_since`).
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
