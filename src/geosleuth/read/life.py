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
of ... death", "suspicions that he was dead were weakened", "denied":
:mod:`geosleuth.read._life_denials`), disputed ("..., but ISIS disputed it",
or a next sentence "ISIS denied the report."),
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
stands against ("A taxi driver said he saw Jane Doe in Cartagena on 2 May,
*weeks after the army said she had been killed*", "was seen in Leeds *despite
claims that she had died*", "*since police said she was dead*", "*Although the
army said he had been killed*, a farmer saw him"), where the main clause is a
seeing of the target (by name or pronoun; or says she is alive), is set aside
as ``negated`` (:func:`~geosleuth.read._life_earlier.earlier_claim`): it is not
the speaker's claim (the taxi driver says he saw her alive), and not of the day
of the sighting; it is an earlier claim of someone else, reported to be
refuted. It is not read as the army's death claim: its day is not given ("weeks
after" 2 May is some day in March or April), the article reports it only to set
it against the sighting, and a report of that claim read on its own (the army's
statement) gives the death with its speaker and day, which this would count a
second time with a guessed date. A seeing denied since a death ("Salcedo has
*not been seen since* he was reportedly killed in Culiacán in 2016":
:func:`~geosleuth.read._life_earlier.unseen_since`) denies the later seeing,
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
from geosleuth.read._life_asides import (
    contrasts,
    target_relatives,
)
from geosleuth.read._life_claims import (
    STILL,
)
from geosleuth.read._life_denials import (
    DEATH_DENIED,
    NOT_SUSPICIOUS,
    death_faked,
    deaths,
    hoax_teller,
    others_death_undenied,
    report_untrue,
)
from geosleuth.read._life_earlier import (
    CLAIM_TAKEN_BACK,
    earlier_claim,
    since_words,
    unseen_since,
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
from geosleuth.read._life_victims import target_dies
from geosleuth.read._life_words import (
    _CONDITIONAL_LIFE,
    _SAYS_ALIVE,
    _clause,
    _death_after_surviving,
    _in_contact,
    _said_alive,
    _within,
)
from geosleuth.read._reports import (
    claimed_by,
    claiming_thing,
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

#: Verbs of dying (lemmas) whose places are where the target was: "killed in Raqqa".
_DYING_LEMMAS = frozenset({"kill", "slay", "die"})


#: Conjunctions that make the clause of a death a condition: "if he died in Raqqa".
_IF = frozenset({"if", "whether", "unless"})


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
    since = unseen_since(s, text, person)
    if since is not None:
        # "Salcedo has not been seen since he was reportedly killed in Culiacán
        # in 2016": the "not" denies a later seeing, and the death is the
        # clause's, hedged and dated there
        since, unsaid = since_words(ex, s, since)
        back = CLAIM_TAKEN_BACK.match(ex.text, since[1], s.span[1])
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
    sentence says something else of it
    (:func:`~geosleuth.read._life_earlier.since_words`), so that the death is
    no one's.
    """
    cues = deaths(s, text, person)
    if not cues:
        return
    # "Salcedo, who faked his death in 2010, was killed ...": a fake of another
    # time, left out; "Salcedo faked his own death": no death
    faked, text = death_faked(s, text, person, cues)
    if faked is None:
        cues = deaths(s, text, person) or cues
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
    text = NOT_SUSPICIOUS.sub(lambda m: " " * len(m.group(0)), text)
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
    text, described = others_death_undenied(s, text, s.span[0] + cues[0].start())
    # "Police refused to dismiss reports that she had been killed": no denial
    checked = without_withheld_denials(text)
    denial = DEATH_DENIED.search(checked)
    got = denial.group(0) if denial else (faked or is_negated(checked))
    if got is None:
        # "Police called reports that he was killed nonsense"
        got = report_untrue(s, s.span[0] + cues[0].start())
    if got is None:
        # "was reported buried in Culiacán by a hoax website"
        got = next(
            (
                h
                for h in (hoax_teller(s, text, s.span[0] + m.start()) for m in cues)
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
        for m in deaths(s, text, person)
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
    earlier = earlier_claim(s, s.span[0] + dead.start(), seen)
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
