"""Recordings of the target: what a video or photograph shows of its life.

Helper of :mod:`geosleuth.read.life`: a recording that shows the target by name
or as "him" or "her" (:func:`_recording`), undated and in a headline
(:func:`_undated_alive`, :func:`_withdraw_headline`), what it shows that is no
life (:func:`_shown_no_life`, :func:`_shown_dead`, :func:`_shown_still`), and a
death told beside it ("weeks after the government said he had been killed":
:func:`_death_beside`, :func:`_death_in_time`, :func:`_no_day_earlier`). Moved
out of :mod:`geosleuth.read.life` as it grew past the house's size for one
module; the rules are as they were.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from geosleuth.evidence import LifeStatus
from geosleuth.read._doc_text import doc_text
from geosleuth.read._life_asides import (
    clauses_beside,
    speaks_aside,
    target_relatives,
)
from geosleuth.read._life_claims import (
    _PEOPLE_OF as _PEOPLE,  # of the target's own: "Ag Alher's *deputy*"
)
from geosleuth.read._life_claims import (
    SEEMS_GENUINE,
    STILL,
    called_fake,
    made_spans,
    recording_start,
    shown_alive,
    shown_by_recording,
    shown_no_life,
    shown_span,
    spoken_in,
)
from geosleuth.read._life_limits import (
    AS_YOUNG,
    of_year,
)
from geosleuth.read._life_words import _death_cues, _within
from geosleuth.read._sentence import (
    Sentence,
    hedge_note,
    note_of,
)
from geosleuth.read._time_clauses import time_clauses
from geosleuth.read.hedges import hedge_of, weakest
from geosleuth.read.target import TargetRef

if TYPE_CHECKING:
    from geosleuth.read.claims import _Extractor
    from geosleuth.read.dates import DateMention

__all__: list[str] = []


def _cue_and_objects(
    ex: _Extractor, s: Sentence, alive: re.Match[str]
) -> tuple[Any, list[TargetRef]]:
    """The recording word's token (None: unparsed) and the target as object.

    The objects are the sentence's references to the target as an object
    ("shows *him*").
    """
    at = s.span[0] + alive.start()
    cue = next((t for t in s.sent if t.idx == at), None) if s.sent else None
    objects = [r for r in ex.object_refs if s.span[0] <= r.start < s.span[1]]
    return cue, objects


_ALIVE = re.compile(
    r"\b(?:voice recording|audio(?: recording| message)?|video|recording|message|"
    r"speech|sermon|appear(?:ed|ance)|tape)\b",
    re.IGNORECASE,
)


_SAID = re.compile(
    r"\b(?:said|says|announced|stated|claimed|reported|confirmed|added|told|"
    r"revealed)\b",
    re.IGNORECASE,
)


def _spoken_beside(s: Sentence, at: int, cues: list[Any]) -> list[tuple[int, int]]:
    """The clauses beside the recording that hold all the words of its speaker.

    The speaker of the clause at document offset ``at`` (that of the
    recording), when every word that names it lies in a clause of time or
    concession beside the recording (:func:`clauses_beside`); empty otherwise.
    """
    words = [
        (x, y) for x, y in s.attr.at(at).excluded if s.span[0] <= x and y <= s.span[1]
    ]
    beside = clauses_beside(s, cues)
    held = [(a, b) for a, b in beside if any(a <= x and y <= b for x, y in words)]
    if not words or not all(any(a <= x and y <= b for a, b in held) for x, y in words):
        return []
    return held


def _recording(
    ex: _Extractor,
    s: Sentence,
    text: str,
    alive: re.Match[str],
    day: list[DateMention],
    person: list[TargetRef],
) -> bool:
    """Add the proof of life of a dated recording of the target in ``s``, if any.

    The target named in the sentence ("A video released on 2 March shows Ag
    Alher addressing fighters"), or shown by an object pronoun that refers to
    it ("... shows *him* addressing fighters":
    :func:`~geosleuth.read._life_claims.shown_by_recording`). A photograph
    shows the target only so ("A photograph released on 2 June shows him with
    his wife"; not "Police released a photograph of Jane Doe on Monday"), and,
    taken on a day it does not tell, is probable. A recording in
    which someone else speaks ("Jalmaani's wife said *in a video* ... that")
    is that speaker's word, not a recording of the target: it is set aside,
    and the rest of the sentence is read as any statement
    (:func:`~geosleuth.read._life_claims.spoken_in`). A recording called
    genuine with a hedge ("the footage appeared genuine") is probable. Returns
    whether the recording was read (or set aside as dated after publication).
    """
    at = s.span[0] + alive.start()
    cue = next((t for t in s.sent if t.idx == at), None) if s.sent else None
    shown = None
    still = STILL.fullmatch(alive.group(0)) is not None
    if not person or still:
        # a photograph shows the target only by a verb: "A photograph ... shows him"
        objects = [r for r in ex.object_refs if s.span[0] <= r.start < s.span[1]]
        shown = shown_by_recording(cue, objects + person) if cue is not None else None
        if shown is None:
            if cue is not None:
                _shown_no_life(ex, s, cue, objects + person)
            return False
    elif cue is not None:
        other = _appears_other(cue, person)
        if other is not None:
            ex.reject(
                "not_target",
                f"another of the target's own appears in the recording "
                f"({other!r}): no proof of life of the target",
                s.span,
            )
            return False
        objects = [r for r in ex.object_refs if s.span[0] <= r.start < s.span[1]]
        if _shown_no_life(ex, s, cue, objects + person):
            # "A video released on Monday shows Ag Alher lying motionless"
            return False
        medium = spoken_in(cue, person, by_target=s.attr.at(at).target)
        if medium is not None:
            ex.reject(
                "not_target",
                f"a recording in which another speaks ({medium!r}): the "
                "speaker's word, not a recording of the target",
                s.span,
            )
            return False
    # "Hamadou Ag Alher, whom French forces claimed to have killed in 2017,
    # appeared in a video released on Sunday": the relative clause of the
    # target is of another time, and the speaker named only there, or in
    # another clause aside ("in what analysts said appeared to be ..."), does
    # not speak of the recording
    words = [
        t
        for t in (s.sent if s.sent is not None else [])
        if _ALIVE.fullmatch(t.text) or STILL.fullmatch(t.text)
    ]
    # "..., weeks after the government said he had been killed": a clause of
    # time or concession beside the recording tells of another time too
    asides = [r for r in target_relatives(s, person) if not r[0] <= at < r[1]]
    if cue is not None:
        asides += clauses_beside(s, [cue, *words])
    day = [d for d in day if not any(a <= d.start < b for a, b in asides)]
    if not day:
        return False  # "Ag Alher, who was killed on 12 May, appeared in a video"
    by_other = speaks_aside(s, s.attr, [cue, *words]) if cue is not None else []
    if not by_other and cue is not None:
        # "..., weeks after the government said he had been killed, though
        # officials said the video may be old": the clause of the recording is
        # given the government's word, which lies in the clause of time alone
        by_other = _spoken_beside(s, at, [cue, *words])
    for aside in asides + by_other:
        text = _within(s, text, s.span, leave_out=aside)
    # "On 1 May 2018 ISIS said a recording ... was made on 28 September 2017":
    # a date before a reporting verb that precedes the recording dates the
    # statement, not the recording
    own = [d for d in day if d.start > at or _SAID.search(ex.text[d.end : at]) is None]
    d = min(own or day, key=lambda d: abs(d.start - at))
    then = _shown_then(s, cue, d.date.year, asides)
    if isinstance(then, str):
        # "A video released on 2 June shows him in 2015 addressing fighters"
        ex.reject(
            "invalid",
            f"a recording that shows a past time ({then!r}): no proof of life on "
            "its release",
            s.span,
        )
        _withdraw_headline(ex, s, then)
        return True
    seekers = _released_by_seekers(cue) if then is None and cue is not None else None
    if seekers is not None:
        # "Police released a video of Jane Doe on Monday": footage that those who
        # look for her put out, made when it does not say (often the last sighting)
        ex.reject(
            "invalid",
            f"a recording released by those who look for the target ({seekers!r}): "
            "made at a time it does not tell, no proof of life on its release",
            s.span,
        )
        return True
    d = then or d
    # "An old video released on Monday shows ...", "... it was a fake"
    fake = called_fake(
        ex.text,
        min(at, recording_start(cue)) if cue is not None else at,
        s.span[1],
        year=d.date.year,
    )
    if fake is not None:
        # "... purportedly shows him, but French officials said it was a fake"
        ex.reject(
            "negated",
            f"a recording called fake or old ({fake!r}): no proof of life",
            s.span,
        )
        _withdraw_headline(ex, s, fake)
        return True
    limit = ex.published or ex.fallback
    if d.date > limit:
        ex.reject("invalid", "recording dated after publication", s.span)
        return True
    hedge, cue_words = hedge_of(text)
    genuine = SEEMS_GENUINE.search(text)
    if genuine is not None and weakest(hedge, "probable") != hedge:
        # "a French military source said the footage appeared genuine"
        hedge, cue_words = "probable", genuine.group(0)
    if still and then is None and weakest(hedge, "probable") != hedge:
        # "A photograph released on 2 June shows him with his wife": taken when?
        hedge, cue_words = "probable", "a picture, of a day not told"
    note = f"proof of life: {alive.group(0)!r} dated {d.text!r}"
    if shown is not None:
        note += f"; the target shown as {shown.text!r}"
    if cue_words:
        note += f"; hedge from {cue_words!r}"
    # '"They say I am dead," Salcedo said in a video released on Monday': the
    # speaker of the recording's own clause
    provenance = ex.provenance(s, at)
    if by_other:
        provenance = replace(
            provenance, speaker=None, speaker_role=None, reporting_chain=()
        )
    ex.build(
        LifeStatus, s, s.span, id=ex.next_id("l"),
        provenance=provenance, date=d.date, date_from=None,
        grade=ex.grades["proof_of_life"], hedge=hedge, status="alive",
        note=note,
    )  # fmt: skip
    return True


def _appears_other(cue: Any, person: list[TargetRef]) -> str | None:
    """The one of the target's own who "appeared" in a recording, else None.

    "Ag Alher's *deputy* appeared in a video released on Monday", "a video of
    Ag Alher's *deputy* surfaced": the subject of "appeared", or the one the
    recording is of, is one of the target's own (:data:`_PEOPLE`), not a
    reference to the target; not "Ag Alher appeared in a video".
    """
    if cue.lemma_.lower() in ("video", "recording", "footage", "tape", "audio"):
        # "A video *of* Ag Alher's deputy surfaced": the one it is of
        subjects = [
            g
            for c in cue.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj" and any(p.dep_ == "poss" for p in g.children)
        ]
    elif cue.lemma_.lower() == "appear":
        subjects = [c for c in cue.children if c.dep_ == "nsubj"]
    else:
        return None
    for subject in subjects:
        if subject.lemma_.lower() not in _PEOPLE:
            continue
        if not any(
            r.start < subject.idx + len(subject.text) and subject.idx < r.end
            for r in person
        ):
            return str(subject.text)
    return None


def _undated_alive(
    ex: _Extractor,
    s: Sentence,
    text: str,
    alive: re.Match[str],
    person: list[TargetRef],
) -> bool:
    """Add the proof of life of a recording of ``s`` that shows the target alive.

    "Video shows Hamadou Ag Alher alive weeks after reported death" (a
    headline), "a video showing him still alive": a recording of a day the
    sentence does not tell, that shows the target *alive* in words
    (:func:`~geosleuth.read._life_claims.shown_alive`), is a proof of life
    known by publication, probable, as a photograph of a day not told is; a
    clause of time or concession beside it ("weeks after reported death") is
    the earlier report, and neither hedges nor denies it. Not one called fake
    or old, nor one of a past time ("A *2015* video shows him alive":
    :func:`_shown_then`). Returns whether it was read (or set aside).
    """
    at = s.span[0] + alive.start()
    cue, objects = _cue_and_objects(ex, s, alive)
    if cue is None:
        return False
    ref = shown_alive(cue, objects + person)
    if ref is None:
        return False
    published = ex.published or ex.fallback
    then = _shown_then(s, cue, published.year)
    old = (
        then
        if isinstance(then, str)
        else called_fake(
            ex.text, min(at, recording_start(cue)), s.span[1], year=published.year
        )
    )
    if old is not None:
        # "A 2015 video shows him alive", "..., but officials said it was a fake"
        ex.reject(
            "negated" if then is None else "invalid",
            f"a recording called fake or old, or of a past time ({old!r}): no "
            "proof of life",
            s.span,
        )
        return True
    for aside in clauses_beside(s, [cue]):
        text = _within(s, text, s.span, leave_out=aside)
    hedge, cue_words = hedge_of(text)
    if weakest(hedge, "probable") != hedge:
        hedge, cue_words = "probable", "a recording, of a day not told"
    quoted = _QUOTED_SHOWING.search(ex.text, cue.idx, ref.start)
    if quoted is not None:
        # a headline's scare quotes: "Video 'shows Ag Alher alive'"
        hedge, cue_words = weakest(hedge, "possible"), "in quotation marks"
    provenance = ex.provenance(s)
    if speaks_aside(s, s.attr, [cue]):
        provenance = replace(
            provenance, speaker=None, speaker_role=None, reporting_chain=()
        )
    note = note_of(
        f"proof of life: {alive.group(0)!r} shows the target alive",
        hedge_note(cue_words),
        "dated by publication",
    )
    ex.build(
        LifeStatus, s, s.span, id=ex.next_id("l"),
        provenance=provenance, date=published, date_from=None,
        grade=ex.grades["proof_of_life"], hedge=hedge, status="alive", note=note,
    )  # fmt: skip
    return True


#: A verb of showing that opens a quotation: "Video *'shows* Ag Alher alive'".
_QUOTED_SHOWING = re.compile(r"['‘\"“]\s*show(?:s|ed|ing)?\b", re.IGNORECASE)


def _withdraw_headline(ex: _Extractor, s: Sentence, why: str) -> None:
    """Set aside the headline's undated proof of life, the recording ``s`` told old.

    "Video shows Ag Alher alive" heads a report whose body says "*A 2015 video*
    circulating on Monday shows Ag Alher addressing fighters" (or calls it a
    fake): the headline's recording, of a day it does not tell
    (:func:`_undated_alive`), is the body's, and no proof of life either. The
    headline is the document's first line, with no sentence's end; a proof of
    life read there and dated by publication is withdrawn.
    """
    opening = len(ex.text) - len(ex.text.lstrip())
    for item in list(ex.items):
        span = item.provenance.span
        if (
            not isinstance(item, LifeStatus)
            or item.status != "alive"
            or span is None
            or span[0] != opening
            or span[1] > s.span[0]
            or "dated by publication" not in (item.note or "")
            or "\n" not in ex.text[span[1] : s.span[0]]
            or ex.text[span[0] : span[1]].rstrip()[-1:] in ".!?"
        ):
            continue
        ex.items.remove(item)
        ex.reject(
            "negated",
            f"a headline's recording of a day not told, which the body calls old "
            f"or fake ({why!r}): no proof of life",
            span,
        )


def _death_beside(
    s: Sentence, text: str, alive: re.Match[str], person: list[TargetRef]
) -> tuple[str, list[tuple[int, int]]] | None:
    """The text of a death in ``s`` beside its recording ``alive``, and what to skip.

    A relative clause of the target tells of another time than the clause it
    is in (:func:`~geosleuth.read._life_asides.target_relatives`): "Hamadou Ag
    Alher, *whom French forces claimed to have killed in 2017*, appeared in a
    video released on Sunday" tells of the death in the relative clause, and
    "Ag Alher, *who appeared in a video released on Sunday*, was killed on
    Monday" of the death in the main one. Returns ``text`` blanked outside the
    clause of the death, and the spans of the sentence outside it (whose dates
    are not the death's); None when the sentence has no such clause, or no
    death in it.
    """
    at = s.span[0] + alive.start()
    relatives = target_relatives(s, person)
    holding = next((r for r in relatives if r[0] <= at < r[1]), None)
    if holding is not None:
        beside = _within(s, text, s.span, leave_out=holding)
        skip = [holding]
    else:
        clause = next((r for r in relatives if _death_cues(_within(s, text, r))), None)
        if clause is None:
            return None
        beside = _within(s, text, clause)
        skip = [(s.span[0], clause[0]), (clause[1], s.span[1])]
    return (beside, skip) if _death_cues(beside) else None


def _pronouns_before(
    ex: _Extractor, s: Sentence, clause: tuple[int, int], person: list[TargetRef]
) -> list[TargetRef]:
    """The pronouns of a clause of time put before the recording of the target.

    "*Weeks after the government said he had been killed*, a video released on
    Monday shows Hamadou Ag Alher addressing fighters": "he" comes before the
    name it stands for, the one the recording shows; as "he" after the name
    is in "..., weeks after the government said he had been killed". Empty
    when the clause names the target itself, or follows a name of it.
    """
    if any(r.start < clause[1] for r in person if r.kind != "pronoun"):
        return []
    return [
        TargetRef(t.idx, t.idx + len(t.text), t.text, "pronoun")
        for t in (s.sent if s.sent is not None else [])
        if clause[0] <= t.idx < clause[1] and t.lower_ in ("he", "she", "him", "her")
    ]


#: Those of the target's own shown in its stead who are only men, or only
#: women: a "he" may stand for the one, a "she" for the other.
_MEN_OF = frozenset(
    {"husband", "son", "brother", "father", "nephew", "uncle", "spokesman", "man"}
)
_WOMEN_OF = frozenset({"wife", "widow", "daughter", "sister", "mother", "spokeswoman"})


def _pronouns_of_other(
    ex: _Extractor,
    s: Sentence,
    alive: re.Match[str],
    clause: tuple[int, int],
    person: list[TargetRef],
) -> list[TargetRef]:
    """The pronouns in ``clause`` that stand for another shown, not the target.

    "A video released on Monday shows Ag Alher's *deputy* addressing fighters,
    weeks after the army said *he* had been killed": the recording shows
    another of the target's own in its stead (:func:`shown_no_life`, with
    "another"), a person named after the target and nearer to a "he" after
    it, which is most likely his. Not one of the other sex ("shows Ag Alher's
    *wife* ..., weeks after the army said *he* had been killed": Ag Alher),
    nor a group ("Ag Alher's *fighters*").
    """
    cue, objects = _cue_and_objects(ex, s, alive)
    no_life = shown_no_life(cue, objects + person) if cue is not None else None
    if no_life is None or no_life[1] != "another":
        return []
    owned = no_life[0]
    # the parse may make the person a word of the noun after it ("Ag Alher's
    # *deputy* addressing fighters": "deputy fighters"), an adjective too
    words = [c for c in owned.lefts if c.dep_ in ("compound", "amod")]
    other = next(
        (
            t
            for t in (*words, owned)
            if t.lower_ in _PEOPLE  # one person: "deputy", not "fighters"
        ),
        None,
    )
    if other is None:
        return []
    lemma = other.lemma_.lower()
    return [
        r
        for r in person
        if r.kind == "pronoun"
        and clause[0] <= r.start < clause[1]
        and r.start > other.idx
        and not (lemma in _WOMEN_OF and r.text.lower() in ("he", "him", "his"))
        and not (lemma in _MEN_OF and r.text.lower() in ("she", "her", "hers"))
    ]


def _death_in_time(
    s: Sentence, text: str, at: int
) -> tuple[str, bool, tuple[int, int]] | None:
    """The text of a death in a clause of time beside the recording at ``at``.

    "A video released on Monday shows Ag Alher addressing fighters, *weeks
    after the government said he had been killed*"
    (:func:`~geosleuth.read._life_asides.clauses_beside`): the government's
    word of a death, earlier than the recording, read in its clause (its
    speaker, its hedge) and dated across the clause from the recording's day
    (some weeks before Monday: :mod:`geosleuth.read._time_clauses`). Returns
    ``text`` blanked outside the clause, with whether the clause can date the
    death (a date of its own, or a measure of time: "*weeks* after"; not
    "despite claims that he had died") and the clause's span; None when no
    such clause tells of a death.
    """
    cue = next((t for t in s.sent if t.idx == at), None) if s.sent else None
    if cue is None:
        return None
    measured = [c for c in time_clauses(s.sent) if c.days is not None]
    for a, b in clauses_beside(s, [cue]):
        beside = _within(s, text, (a, b))
        if _death_cues(beside):
            dated = any(a <= d.start < b for d in s.dates) or any(
                c.holds(a) or a <= c.start < b for c in measured
            )
            return beside, dated, (a, b)
    return None


def _no_day_earlier(ex: _Extractor, s: Sentence) -> None:
    """Set aside a death beside a recording, in a clause that gives it no day.

    "Video shows Ag Alher alive *weeks after reported death*" (a recording of
    no day), "A video released on Monday shows Ag Alher addressing fighters,
    *despite claims that he had died*": an earlier report, which the sentence
    sets against the recording, of a day it does not tell; as beside a
    sighting (:func:`~geosleuth.read._life_earlier.earlier_claim`), not read as
    a death claim with a guessed day, nor as a denial of the recording.
    """
    ex.reject(
        "invalid",
        "a death reported in a clause of time or concession beside a recording, "
        "of a day not told: an earlier report that the sentence sets against the "
        "recording; not a death claim, nor a denial of the recording",
        s.span,
    )


def _shown_on(ex: _Extractor, s: Sentence) -> dt.date | None:
    """The day of the proof of life just read from the recording of ``s``, if any."""
    return next(
        (
            i.date
            for i in reversed(ex.items)
            if isinstance(i, LifeStatus)
            and i.status == "alive"
            and i.provenance.span == s.span
        ),
        None,
    )


def _relative_of(
    s: Sentence, at: list[int], person: list[TargetRef]
) -> tuple[int, int] | None:
    """The relative clause of the target that holds each offset of ``at``, if one.

    "Ouellette, *who was buried with full military honors*, earned seven
    commendations since joining the Marines in 2005"
    (:func:`~geosleuth.read._life_asides.target_relatives`): the span (in the
    document) of the clause; None when no one clause holds them all.
    """
    return next(
        (r for r in target_relatives(s, person) if all(r[0] <= x < r[1] for x in at)),
        None,
    )


def _shown_dead_pronoun(
    ex: _Extractor, s: Sentence, alive: re.Match[str]
) -> list[TargetRef]:
    """The object pronoun of the target that the recording ``alive`` shows dead.

    "A video released on Monday shows *him* lying dead in a truck", where "him"
    is the target (:mod:`geosleuth.read._target_pronouns`): the reference by
    which the death is the target's, as "shows Ag Alher lying dead" is
    (:func:`_shown_dead`). Empty when the recording shows no pronoun of the
    target dead.
    """
    cue, objects = _cue_and_objects(ex, s, alive)
    no_life = shown_no_life(cue, objects) if cue is not None and objects else None
    if no_life is None or no_life[1] != "dead":
        return []
    return objects


def _shown_still(
    ex: _Extractor, s: Sentence, alive: re.Match[str], person: list[TargetRef]
) -> bool:
    """Whether the recording ``alive`` of ``s`` shows the target lying still.

    "A video released on Monday shows Ag Alher *lying motionless*"
    (:func:`~geosleuth.read._life_claims.shown_no_life`).
    """
    cue, objects = _cue_and_objects(ex, s, alive)
    if cue is None:
        return False
    no_life = shown_no_life(cue, objects + person)
    return no_life is not None and no_life[1] == "still"


def _shown_no_life(
    ex: _Extractor, s: Sentence, cue: Any, refs: list[TargetRef]
) -> bool:
    """Set aside a recording in ``s`` that shows no life of the target.

    "A video released on Monday shows Ag Alher *lying motionless* on the
    ground", "shows him *dead*", "shows Ag Alher's *body*", "shows Ag Alher's
    *wife* addressing fighters"
    (:func:`~geosleuth.read._life_claims.shown_no_life`): no proof of life.
    Returns whether it was set aside.
    """
    no_life = shown_no_life(cue, refs)
    if no_life is None:
        return False
    word, what = no_life
    if what == "another":
        ex.reject(
            "not_target",
            f"a recording that shows another of the target's own ({word.text!r}): "
            "no proof of life",
            s.span,
        )
        return True
    if what == "like":
        ex.reject(
            "not_target",
            f"a recording that shows one only like the target ({word.text!r}): no "
            "proof of life",
            s.span,
        )
        return True
    how = "dead" if what == "dead" else "lying still"
    ex.reject(
        "invalid",
        f"a recording that shows the target {how} ({word.text!r}): no proof of life",
        s.span,
    )
    return True


def _shown_dead(ex: _Extractor, s: Sentence, text: str, at: int) -> str | None:
    """How a recording shows the death word at document offset ``at``, if it does.

    "A video released on Monday shows Ag Alher *dead*", "shows Ag Alher lying
    *dead* in a truck" (:func:`~geosleuth.read._life_claims.shown_no_life`):
    ``"dead"``, a sign of the death, which the recording may not show truly
    (the one shown may be another, the recording staged), not the death seen;
    "shows a man *resembling* Ag Alher lying dead": ``"like"``, one only like
    the target. None when no recording shows it.
    """
    alive = _ALIVE.search(text) or STILL.search(text)
    if alive is None or s.sent is None:
        return None
    cue, objects = _cue_and_objects(ex, s, alive)
    if cue is None:
        return None
    person = [r for r in s.refs if r.kind in ("name", "nisba", "title", "pronoun")]
    no_life = shown_no_life(cue, objects + person)
    if no_life is not None and no_life[1] == "like":
        return "like"
    if no_life is not None and no_life[1] == "dead" and no_life[0].idx == at:
        return "dead"
    return None


#: Those who look for a person and put out footage of it to find it: "*Police*
#: released a video of Jane Doe", "a photo released by *her family*".
_SEEKERS = frozenset(
    {"police", "officers", "detectives", "investigators", "authorities", "sheriff",
     "fbi", "prosecutors", "family", "relatives", "searchers", "rescuers",
     "coastguard", "army", "military", "troops", "soldiers", "constabulary"}
)  # fmt: skip


_RELEASING = frozenset({"release", "publish", "issue", "share", "post", "distribute"})


def _released_by_seekers(cue: Any) -> str | None:
    """Who released the recording ``cue``, when they are ones who seek the target.

    "*Police* released a video of Jane Doe on Monday", "a video released by *the
    army*": the words of the releaser. None when another released it ("ISIS
    released a video of al-Baghdadi", "A video released on 2 June") or no
    verb of releasing holds the recording.
    """
    who = []
    if cue.dep_ in ("dobj", "obj") and cue.head.lemma_.lower() in _RELEASING:
        who += [c for c in cue.head.children if c.dep_ == "nsubj"]
    for verb in cue.children:  # "a video released by her family"
        if verb.dep_ == "acl" and verb.lemma_.lower() in _RELEASING:
            who += [g for c in verb.children if c.dep_ == "agent" for g in c.children]
    for w in who:
        if w.lower_ in _SEEKERS or any(t.lower_ in _SEEKERS for t in w.subtree):
            doc = w.doc
            first, last = doc[w.left_edge.i], doc[w.right_edge.i]
            return str(doc_text(doc)[first.idx : last.idx + len(last.text)])
    return None


def _shown_then(
    s: Sentence,
    cue: Any,
    released: int | None = None,
    asides: Sequence[tuple[int, int]] = (),
) -> DateMention | str | None:
    """The time the recording ``cue`` shows the target at, when the sentence says.

    "A video released on 5 June shows him on 2 June addressing fighters": the
    day shown (:func:`~geosleuth.read._life_claims.shown_span`), or the day it
    was made ("A video, *filmed on 28 May* and released on 2 June, shows him":
    :func:`~geosleuth.read._life_claims.made_spans`), which dates the proof of
    life; "... shows him in 2015 addressing fighters", "A photograph *taken in
    2015* and released on 2 June shows him": a time that is no day, returned
    in words (no proof of life on the release), as is a year before
    ``released``, the year of the release ("A *2015* photograph released on 2
    June"; not "A *2018* photograph" released in 2018). A date in the spans
    ``asides`` (a relative clause of the target: "shows Ag Alher, *who was
    wounded in 2017*, addressing fighters") is not of the recording. None when
    it tells no time.
    """
    spans = [] if cue is None else [*made_spans(cue), shown_span(cue)]
    shown = [
        d
        for d in s.dates
        for a, b in filter(None, spans)
        if a <= d.start < b and not any(x <= d.start < y for x, y in asides)
    ]
    span = None if cue is None else shown_span(cue)
    young = None if span is None else AS_YOUNG.search(doc_text(cue.doc), *span)
    if young is not None:
        return young.group(0)  # "shows him as a child": a past time
    year = None if cue is None else of_year(cue, released)
    if year is not None:
        return year  # "A 2015 photograph released on 2 June"
    if not shown:
        return None
    return next((d for d in shown if d.kind == "day"), None) or shown[0].text
