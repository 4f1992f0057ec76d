"""Whose life or death a sentence tells of, and what the next sentence takes back.

Helpers of :mod:`geosleuth.read.life` that read a claim of life or death beyond
the target's name in its own clause:

- a recording that shows the target by pronoun ("But a video released by the
  group's media arm on 2 March *shows him addressing fighters*": the object
  pronoun of a verb of showing whose subject is the recording, when the rule of
  the person named last, :mod:`geosleuth.read._target_pronouns`, makes "him"
  the target), or by name (a photograph shows the target only so:
  :data:`STILL`): :func:`shown_by_recording`; not one that shows the target dead
  ("shows him dead", "shows his body"), lying still ("shows him lying
  motionless in the street") or another of its own ("shows Ag Alher's wife"):
  :func:`shown_no_life`; and when it was made
  (:func:`made_spans`: "a photograph *taken in 2015*");
- a recording in which someone else speaks ("Jalmaani's wife *said in a video*
  released by her lawyer that ..."): the speaker's word, not a recording of the
  target (:func:`spoken_in`);
- the target as its spouse, partner or lawyer calls it ("*The wife of* Mundi
  Jalmaani said that *her husband* was alive", "*Salcedo's lawyer* said *her
  client* was alive and well"), and as its sibling does ("*Ag Alher's
  sister*, Fatima Ag Alher, said *her brother* was alive":
  :func:`called_by_kin`; not a parent's "son", who may be the target's
  brother), and as the group that the target leads calls it ("The jihadist
  group *led by* Hamadou Ag Alher said that *its commander* had been
  killed": :func:`leader_of_speakers`); and the one that another's spouse
  or counsel calls so ("*The wife of Jalmaani's deputy* said
  her husband ...": :func:`kin_of_another`); "he" or "she" after the target so
  called names it again (:func:`called_pairs`);
- the target's spouse or lawyer in touch with it ("she had spoken to him by
  phone on Sept. 27", "was in touch with her husband":
  :func:`contact_with_target`);
- what a sentence states beside a statement of life, which does not hedge it
  ("..., contradicting a military claim that ...": :func:`other_statements`).

A statement taken back by the sentence after it is
:mod:`geosleuth.read._life_taken_back`'s.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any, Literal

from geosleuth.read._doc_text import doc_text
from geosleuth.read._life_asides import is_beside
from geosleuth.read.attribution import REPORTING_LEMMAS
from geosleuth.read.target import TargetRef

__all__ = [
    "NoLife",
    "SEEMS_GENUINE",
    "STILL",
    "called_by_kin",
    "called_fake",
    "called_pairs",
    "contact_with_target",
    "kin_clause",
    "kin_of_another",
    "leader_of_speakers",
    "made_spans",
    "other_statements",
    "recording_start",
    "shown_alive",
    "shown_by_recording",
    "shown_no_life",
    "shown_span",
    "spoken_in",
]

#: A recording called genuine with a hedge: "the footage *appeared genuine*",
#: "the video *seems to be authentic*": probable, not certain.
SEEMS_GENUINE = re.compile(
    r"\b(?:appear(?:s|ed)?|seem(?:s|ed)?|looks?|looked)\s+(?:to\s+be\s+)?"
    r"(?:genuine|authentic|real)\b",
    re.IGNORECASE,
)


def _overlaps_ref(tok: Any, refs: Sequence[TargetRef]) -> bool:
    """Whether the word ``tok`` is (part of) one of the target's references."""
    return any(r.start < tok.idx + len(tok.text) and tok.idx < r.end for r in refs)


def _negated(tok: Any) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _noun_of(tok: Any) -> Any:
    """The head noun of a compound ("voice recording", "audio message")."""
    while tok.dep_ == "compound" and tok.head.i != tok.i:
        tok = tok.head
    return tok


# -- the target shown by a recording --------------------------------------------

#: A still picture: it shows the target alive only where a verb of showing says
#: so ("A photograph released on 2 June *shows him* with his wife"; not "Police
#: released a photograph of Jane Doe"), and the day it was taken is not told.
STILL = re.compile(r"\b(?:photo(?:graph)?s?|pictures?)\b", re.IGNORECASE)

#: Verbs by which a recording shows someone: "a video ... *shows* him".
_SHOWING = frozenset({"show", "feature", "depict", "capture", "portray", "picture"})
#: Words by which what a recording shows is a death: "shows him dead", "shows
#: him being executed".
_DEATH_WORDS = frozenset(
    {"dead", "killed", "died", "dying", "lifeless", "corpse", "body", "slain",
     "executed", "murdered", "funeral", "burial", "buried", "coffin", "death"}
)  # fmt: skip
#: Verbs (lemmas) of a killing or a burial, by which "shows him being ..." shows
#: a death: "being *shot* by soldiers", "being *beheaded*", "being *hanged*".
_KILLING = frozenset(
    {"shoot", "behead", "decapitate", "hang", "stab", "strangle", "stone", "lynch",
     "kill", "execute", "murder", "slay", "assassinate", "bury", "inter", "cremate",
     "entomb", "mourn"}
)  # fmt: skip
#: Nouns of a burial in what a passive shows: "being lowered into a *grave*",
#: "being laid to *rest*"; the head of its phrase, not a word before another
#: ("taken to a *rest* house").
_GRAVE = frozenset({"grave", "tomb", "rest", "coffin", "shroud"})
#: Verbs of a sentence or a threat, whose "to death" is no death shown: "being
#: *sentenced* to death", "*condemned* to death".
_SENTENCING = frozenset({"sentence", "condemn", "threaten", "doom"})
#: Verbs of a killing only with "alive": "being *burned* alive", "*buried* alive".
_ALIVE_KILLING = frozenset({"burn", "bury"})
_RELATIVE = frozenset({"that", "which"})
#: Words by which one shown lying is still, as the dead are: "lying *motionless*
#: in the street", "lying *limp* on the ground" (review r27, E11).
_STILL_WORDS = frozenset({"motionless", "unmoving", "inert", "limp", "unresponsive"})
#: Verbs (lemmas) of one shown "*not moving*", "*not breathing*".
_MOVING = frozenset({"move", "breathe", "stir"})
#: Postures (lemmas) in which stillness is no proof of life: "*lying* motionless",
#: "*slumped* ..."; not "*standing* motionless beside a truck".
_LYING = frozenset({"lie", "lay", "slump", "sprawl"})


def shown_by_recording(cue: Any, objects: Sequence[TargetRef]) -> TargetRef | None:
    """The reference among ``objects`` that the recording ``cue`` shows alive.

    ``cue`` is the recording's word in the parse ("video"); ``objects`` are the
    object pronouns that refer to the target
    (:func:`~geosleuth.read.target.find_object_pronouns`), or its names ("A
    photograph ... shows *Ag Alher* with his wife"). The reference is the
    object of a verb of showing (:data:`_SHOWING`), or the subject of what
    completes it ("shows *him* addressing fighters", "shows *him* alive",
    "shows *him* being led away by soldiers"),
    whose subject is the recording ("a video ... shows", "a video that shows")
    or which describes it ("a video showing him"). Not negated ("does not show
    him"), and not a death shown ("shows him dead", "shows him being
    executed", "shows him lying motionless": :func:`shown_no_life`; not
    another's: "shows him mourning his brother, who was killed in an
    airstrike"). None if there is none.
    """
    return next((ref for ref, why in _shown(cue, objects) if why is None), None)


#: "alive" said of the one a recording shows: "shows Ag Alher *alive*", "shows
#: him *still alive*".
_SHOWN_ALIVE = re.compile(r"[ \t]+(?:still[ \t]+)?alive\b", re.IGNORECASE)


def shown_alive(cue: Any, objects: Sequence[TargetRef]) -> TargetRef | None:
    """The reference among ``objects`` that the recording ``cue`` shows *alive*.

    "Video shows Hamadou Ag Alher *alive* weeks after reported death", "a video
    showing him still alive": shown as :func:`shown_by_recording` reads it, with
    "alive" right after it, in words, not by a parse that may hang "alive" on
    another word. None if there is none.
    """
    text = doc_text(cue.doc)
    return next(
        (
            ref
            for ref, why in _shown(cue, objects)
            if why is None and _SHOWN_ALIVE.match(text, ref.end)
        ),
        None,
    )


#: What a recording shows that is no life of the target: its death, the target
#: lying still, or another of its own.
NoLife = Literal["dead", "still", "another", "like"]


def shown_no_life(cue: Any, objects: Sequence[TargetRef]) -> tuple[Any, NoLife] | None:
    """What the recording ``cue`` shows of one of ``objects`` that is no life.

    The word of a death shown ("shows Ag Alher *dead*", "lying *lifeless* in a
    truck", "shows him being *executed*", "shows Ag Alher's *body*", "the
    *corpse* of Ag Alher", "lying in a *coffin*"), with "dead"; of the one
    shown lying still ("lying *motionless* on the ground", "lying *still* on a
    stretcher": :func:`_lying_still`), with "still" (one unconscious lies so
    too); of another of the target's own shown in its stead ("shows Ag
    Alher's *wife* addressing fighters", "shows Ag Alher's *brother* dead":
    :data:`_PEOPLE_OF`), with "another". The reference is shown as
    :func:`shown_by_recording` reads it, or owns what is shown ("shows *Ag
    Alher's* body", "shows the body *of Ag Alher*"). None if the recording
    shows none so ("shows Ag Alher speaking to fighters", "being carried on a
    stretcher, bleeding but conscious", "lying on a mat, talking to aides",
    "shows Ag Alher's wife beside him").
    """
    return next((why for _, why in _shown(cue, objects) if why is not None), None)


def _shown(
    cue: Any, objects: Sequence[TargetRef]
) -> Iterator[tuple[TargetRef, tuple[Any, NoLife] | None]]:
    """Each of ``objects`` that the recording ``cue`` shows, with what is no life.

    The second of each pair is None where the reference is shown alive, or
    :func:`shown_no_life`'s word and what it shows.
    """
    video = _noun_of(cue)
    for ref in objects:
        tok = next((t for t in cue.sent if t.idx == ref.start), None)
        if tok is None:
            continue
        tok = _noun_of(tok)  # "shows Ag Alher": the name's last word
        owned = _owner_of(tok)
        shown = tok if owned is None else owned  # "shows Ag Alher's body"
        if shown.dep_ in ("dobj", "obj") and shown.head.lemma_.lower() in _SHOWING:
            verb = shown.head
        elif (
            shown.dep_ in ("nsubj", "nsubjpass")
            and shown.head.dep_ in ("ccomp", "xcomp", "oprd", "acomp")
            and shown.head.head.lemma_.lower() in _SHOWING
        ):  # "shows him addressing fighters", "shows him being led away",
            # "shows him alive"
            verb = shown.head.head
        else:
            # "shows soldiers standing over Ag Alher's body", "shows a man
            # resembling Ag Alher": the target within what another does or is
            aside = _within_another(tok, owned, video)
            if aside is not None:
                yield ref, aside
            continue
        if verb.lemma_.lower() not in _SHOWING or _negated(verb):
            continue
        if not _by_recording(verb, video):
            continue
        if owned is None:
            yield ref, _no_life(tok, verb)
        elif owned.lower_ in _REMAINS and owned.dep_ in ("dobj", "obj"):
            yield ref, (owned, "dead")  # "shows Ag Alher's body"
        elif owned.lemma_.lower() in _PEOPLE_OF and not _shown_besides(
            verb, ref, objects, owned
        ):  # "shows Ag Alher's wife addressing fighters", not "... beside him"
            yield ref, (owned, "another")


#: Verbs (lemmas) by which the one shown is only like the target: "a man
#: *resembling* Ag Alher".
_RESEMBLING = frozenset({"resemble"})
#: Words of the target's own state, of a noun it stands beside: "the *lifeless*
#: Ag Alher".
_LIFELESS = frozenset({"lifeless", "dead", "slain"})


def _within_another(tok: Any, owned: Any, video: Any) -> tuple[Any, NoLife] | None:
    """What a recording shows of the target ``tok`` within another's part, if no life.

    The one shown is another, and the target is named in what it does or is:
    its remains ("shows soldiers standing over *Ag Alher's body*", with "dead"),
    the target lifeless ("standing over *the lifeless* Ag Alher", "dead"), or
    one only like it ("shows *a man resembling* Ag Alher", with "like"). The
    verb of showing is the recording's (:func:`_by_recording`). None when the
    target is in another's part otherwise ("shows fighters cheering Ag Alher"),
    or no recording shows so.
    """
    start = tok if owned is None else owned
    verb = next(
        (
            up
            for up in start.ancestors
            if up.lemma_.lower() in _SHOWING and _by_recording(up, video)
        ),
        None,
    )
    if verb is None or _negated(verb):
        return None
    if owned is not None and owned.lower_ in _REMAINS:
        return owned, "dead"  # "standing over Ag Alher's body"
    if tok.dep_ in ("appos", "compound") and tok.head.lower_ in _LIFELESS:
        return tok.head, "dead"  # "standing over the lifeless Ag Alher"
    if any(c.dep_ == "amod" and c.lower_ in _LIFELESS for c in tok.children):
        return tok, "dead"
    if tok.dep_ in ("dobj", "obj") and tok.head.lemma_.lower() in _RESEMBLING:
        return tok.head, "like"  # "a man resembling Ag Alher"
    return None


def _shown_besides(
    verb: Any, ref: TargetRef, objects: Sequence[TargetRef], owned: Any = None
) -> bool:
    """Whether the verb of showing ``verb`` shows the target besides ``ref``.

    "shows Ag Alher's wife standing *beside him*", "... with *Ag Alher*": another
    of the references, or an object "him" or "her" the rule of the person named
    last may not have tied to the target. Not one in a clause beside the
    showing ("shows Ag Alher's deputy addressing fighters, *weeks after the army
    said he had been killed*"), which is no part of what is shown, nor one
    joined to it whose subject is a pronoun of the one shown in its stead,
    ``owned`` ("shows Ag Alher's deputy addressing fighters, *and he appears
    healthy*": the deputy; not "shows Ag Alher's wife ..., and he is beside
    her").
    """
    beside = {
        t.i
        for c in verb.children
        if c.dep_ in _BESIDE_SHOWN or _said_of_shown(c, owned)
        for t in c.subtree
    }
    words = [t for t in verb.subtree if t.i not in beside]
    starts = {t.idx for t in words}
    return any(
        any(r.start <= i < r.end for i in starts)
        and not (r.start < ref.end and ref.start < r.end)
        for r in objects
    ) or any(
        t.lower_ in ("him", "her") and t.dep_ in ("dobj", "obj", "pobj", "dative")
        for t in words
    )


#: Those of the target's own who are women: "she" may stand for them.
_WOMEN_OF = frozenset({"wife", "widow", "daughter", "sister", "mother", "spokeswoman"})


def _said_of_shown(clause: Any, owned: Any) -> bool:
    """Whether the joined ``clause`` is said of ``owned``, by a pronoun subject.

    "..., and *he* appears healthy" of "Ag Alher's deputy": the pronoun
    agrees with the one shown, the nearest who may be meant.
    """
    if owned is None or clause.dep_ != "conj":
        return False
    pronoun = "she" if owned.lemma_.lower() in _WOMEN_OF else "he"
    return any(g.dep_ == "nsubj" and g.lower_ == pronoun for g in clause.children)


#: Clauses beside a showing, no part of what it shows: "..., *weeks after the
#: army said he had been killed*".
_BESIDE_SHOWN = frozenset({"advcl", "parataxis"})


def _no_life(tok: Any, verb: Any) -> tuple[Any, NoLife] | None:
    """What the verb of showing ``verb`` shows of ``tok`` that is no life, or None.

    A death ("shows him dead", "shows him being shot", "lying in a pool of
    blood"), or one lying still ("lying motionless"), in what the verb shows
    (:func:`_shown_words`), not in a report beside it ("shows him addressing
    fighters, *weeks after the government said he had been killed*").
    """
    shown = _shown_words(tok, verb)
    passive = tok.dep_ == "nsubjpass"
    dead = next(
        (
            t
            for t in shown
            if (
                t.lower_ in _DEATH_WORDS
                and not _of_another(t, tok, verb)
                and not (passive and t.lower_ == "death")  # read by _killed_or_buried
                and _of_the_shown(t)
            )
            or (_pool_of_blood(t) and not _of_another(t.head.head, tok, verb))
        ),
        None,
    )
    if dead is not None:
        return dead, "dead"  # "shows him dead": no proof of life
    if passive and _killed_or_buried(tok.head):
        return tok.head, "dead"  # "shows him being shot", "lowered into a grave"
    still = _lying_still(tok, shown, verb)
    if still is not None and not _life_after(still, tok, shown, verb):
        return still, "still"  # "shows him lying motionless in the street"
    return None


#: Prepositions by which the one shown is in its coffin or its grave: "lying *in*
#: a coffin", "shows him *in* a body bag"; not "*beside* a coffin", "standing
#: *over* the body of his deputy", "*at* the funeral of his brother".
_INSIDE = frozenset({"in", "inside", "into", "within"})
#: The nouns of :data:`_DEATH_WORDS`: things of the dead, not said of one.
_DEATH_NOUNS = frozenset({"corpse", "body", "funeral", "burial", "coffin"})


def _of_the_shown(word: Any) -> bool:
    """Whether the death word ``word`` tells of the one shown, not of a thing beside.

    An adjective or a verb is said of the one shown ("shows him *dead*", "lying
    *lifeless*", "being *executed*"; another's is :func:`_of_another`'s: "the
    *lifeless* body of a soldier"), as is its death ("shortly after his
    *death*"). A noun of the dead ("body", "corpse", "coffin", "funeral") is
    the one shown only as where it lies ("lying *in a coffin*", "shows him *in*
    a coffin"), not as what another act of its is about: "standing over *the body*
    of his deputy", "carrying *the body* of a wounded fighter", "mourning at *the
    funeral* of his brother", "beside *a coffin*", "alive, *his body* covered in
    bandages". The one shown as the body itself ("shows Ag Alher's *body*") is
    :func:`_shown`'s.
    """
    if word.lower_ not in _DEATH_NOUNS:
        # "dead", "lifeless" (which the tagger may take for a noun), "death"
        # ("shortly after his death", "bleeding to death"; another's is
        # :func:`_of_another`'s)
        return True
    prep = word.head if word.dep_ == "pobj" else None
    if prep is None:
        return False
    return prep.lower_ in _INSIDE and not any(
        c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN") for c in word.children
    )


#: Body parts whose motion shows that the one shown lives: "*his chest* rising
#: and falling", "*his hand* twitching".
_BODY_PARTS = frozenset(
    {"chest", "eyes", "eye", "hand", "hands", "arm", "arms", "leg", "legs", "head",
     "lips", "mouth", "fingers", "finger", "foot", "feet", "body", "eyelids"}
)  # fmt: skip
#: Verbs (lemmas) of seeming or of a state, which show no life: "lying still,
#: *appearing* to be unconscious", "*wearing* a uniform", "*bleeding* from the
#: head".
_SEEMING = frozenset(
    {"appear", "seem", "look", "wear", "have", "rest", "remain", "stay", "bleed",
     "face"}
)  # fmt: skip


def _life_after(still: Any, shown: Any, words: Sequence[Any], verb: Any) -> bool:
    """Whether ``words`` show ``shown`` alive after the stillness word ``still``.

    "lying still in a hospital bed, *talking* to a nurse", "lying motionless,
    before he *gets up* and *addresses* fighters", "..., then *speaking* to the
    camera", "..., his chest *rising* and falling": a verb in an active form
    after it whose subject is the one shown (none of its own, "he", or a body
    part of "his": :data:`_BODY_PARTS`), not negated, not of seeming
    (:data:`_SEEMING`), nor said of another ("as a doctor *treats* his wounds",
    "as soldiers *stand* over him", "his eyes *closed*").
    """
    for w in words:
        if (
            w.i <= still.i
            or w.pos_ != "VERB"
            or w.tag_ not in ("VBG", "VBZ", "VBP", "VBD")
            or _negated(w)
            or w.lemma_.lower() in _LYING | _SEEMING | _KILLING | {"die"}
            or _of_another(w, shown, verb)
        ):
            continue
        up = w
        while up.dep_ == "conj" and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in up.children
        ):
            up = up.head  # "gets up and *addresses* fighters": "he" of "gets"
        subjects = [c for c in up.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects or any(
            c.i == shown.i
            or c.lower_ in ("he", "she")
            or (
                c.lower_ in _BODY_PARTS
                and any(p.lower_ in ("his", "her") for p in c.children)
            )
            for c in subjects
        ):
            return True
    return False


def _shown_words(tok: Any, verb: Any) -> list[Any]:
    """The words after ``tok`` of what the verb of showing ``verb`` shows.

    The words below the verb ("shows him *lying dead in a truck*", "shows him
    *being executed*"), less a clause beside them: one of time or concession
    (:func:`~geosleuth.read._life_asides.is_beside`: "weeks *after the
    government said he had been killed*", "weeks *after reported death*",
    "*although* the army says he is dead"), or a report by another than
    ``tok`` ("..., *the army said he had been killed*"; not "shows him
    *saying* he was wounded"). Such a clause tells of another time, or of
    another's word, not of what the recording shows.
    """
    aside: set[int] = set()
    for t in verb.subtree:
        if t.i == verb.i or t.i in aside:
            continue
        reports = (
            t.pos_ in ("VERB", "AUX")
            and t.lemma_.lower() in REPORTING_LEMMAS
            and not any(
                c.dep_ in ("nsubj", "nsubjpass") and c.i == tok.i for c in t.children
            )
        )
        if reports or is_beside(t):
            aside.update(w.i for w in t.subtree)
    return [t for t in verb.subtree if t.i > tok.i and t.i not in aside]


#: A body or a burial shown, whose owner is the one dead: "shows Ag Alher's
#: *body*", "the *corpse* of Ag Alher", "his *funeral*".
_REMAINS = frozenset(
    {"body", "corpse", "remains", "funeral", "burial", "coffin", "grave", "corpses",
     "bodies"}
)  # fmt: skip
#: Those of the target's own (lemmas) whom a recording may show in its stead:
#: "shows Ag Alher's *wife*", "Ag Alher's *brother*", "his *bodyguards*".
_PEOPLE_OF = frozenset(
    {"wife", "husband", "widow", "son", "daughter", "brother", "sister", "mother",
     "father", "child", "cousin", "nephew", "uncle", "relative", "family",
     "deputy", "bodyguard", "aide", "driver", "lieutenant", "guard", "associate",
     "spokesman", "spokeswoman", "man", "fighter", "follower", "supporter",
     "lawyer", "attorney"}
)  # fmt: skip


def _owner_of(tok: Any) -> Any:
    """The noun that ``tok`` owns: "*Ag Alher's* body", "the corpse *of Ag Alher*"."""
    if tok.dep_ == "poss":
        return tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i != tok.i:
        return tok.head.head
    return None


def _killed_or_buried(participle: Any) -> bool:
    """Whether the passive ``participle`` of "shows him being ..." is a death.

    "shows him being *shot* by soldiers", "being *beheaded*", "being *hanged*"
    (:data:`_KILLING`; not "being *shot at*", nor "being *hung* upside down"),
    "being beaten *to death*" (not "being *sentenced* to death", "interviewed
    about the death of his brother"), "being *burned alive*", "being *mourned*
    by his fighters", "being lowered into a *grave*", "being laid to *rest*"
    (:data:`_GRAVE`; not "taken to a *rest* house"); not "being *led away* by
    soldiers", nor "being *tortured*" (alive then).
    """
    lemma = participle.lemma_.lower()
    kids = list(participle.children)
    if lemma in _KILLING:
        if lemma == "shoot" and any(c.lower_ == "at" for c in kids):
            return False  # "being shot at": fired on
        # "being hanged", not "being hung upside down"
        return bool(lemma != "hang" or participle.lower_ == "hanged")
    if lemma in _ALIVE_KILLING and any(c.lower_ == "alive" for c in kids):
        return True  # "being burned alive"
    if any(
        c.lower_ == "to" and any(g.lower_ == "death" for g in c.children) for c in kids
    ):
        return lemma not in _SENTENCING  # "beaten to death", not "sentenced to"
    return any(
        t.pos_ == "NOUN"
        and t.dep_ != "compound"
        and (t.lower_ in _GRAVE or (t.lower_ == "bag" and _of_body(t)))
        for t in participle.subtree
    )


def _lying_still(shown: Any, words: Sequence[Any], verb: Any) -> Any:
    """The word by which ``words`` show ``shown`` lying still, or None.

    "shows him lying *motionless* in the street", "lying *limp* on the ground",
    "lying on the ground with his eyes closed and *not moving*"
    (:data:`_STILL_WORDS`, :data:`_MOVING` negated), "lying *still* on a
    stretcher" ("still" right after the posture): the one shown lies
    (:data:`_LYING`), and the stillness is not another's ("lying next to a
    motionless man"); no proof of life. Not "standing motionless beside a
    truck", "lying in a hospital bed", "lying on a sofa, talking", "not moving
    his legs", "*still* lying in hospital", "lying in bed, *still* talking".
    """
    pose = shown.head if shown.dep_ in ("nsubj", "nsubjpass") else None
    if pose is None or pose.i == verb.i:
        pose = next((t for t in words if t.pos_ in ("VERB", "AUX")), None)
    if pose is None or pose.lemma_.lower() not in _LYING:
        return None
    for t in words:
        still = (
            t.lower_ in _STILL_WORDS
            or (
                t.lemma_.lower() in _MOVING
                and _negated(t)
                and not any(c.dep_ in ("dobj", "obj") for c in t.children)
            )
            or (t.lower_ == "still" and t.head.i == pose.i and t.i == pose.i + 1)
        )
        if still and not _of_another(t, shown, verb):
            return t
    return None


def _of_body(bag: Any) -> bool:
    """Whether ``bag`` is a body bag: "being put into a *body bag*"."""
    return any(c.dep_ == "compound" and c.lower_ == "body" for c in bag.children)


def _pool_of_blood(word: Any) -> bool:
    """Whether ``word`` is the blood of "lying in a pool of *blood*"."""
    of = word.head
    return bool(
        word.lower_ == "blood"
        and of.lower_ == "of"
        and of.head.lemma_.lower() in ("pool", "puddle")
    )


def _of_another(word: Any, shown: Any, verb: Any) -> bool:
    """Whether ``word`` tells of another than ``shown``, below the verb of showing.

    "shows him mourning *his brother, who was killed* in an airstrike": the
    death word is in what is said of the brother, a noun between it and the
    verb; "shows him dead", "shows him being executed" tell of him. A death
    owned by a noun is another's: "shows him mourning *his brother's death*"
    (not "shortly after *his* death").
    """
    if word.lower_ == "death" and any(
        (c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN"))
        or (
            c.dep_ == "prep"
            and c.lower_ == "of"
            and any(g.pos_ in ("NOUN", "PROPN") for g in c.children)
        )
        for c in word.children
    ):
        return True  # "his brother's death", "the death of his brother"
    for up in word.ancestors:
        if up.i == verb.i:
            return False
        if up.pos_ in ("NOUN", "PROPN", "PRON") and up.i != shown.i:
            return True
    return False


def _by_recording(verb: Any, video: Any) -> bool:
    """Whether the recording ``video`` shows by ``verb`` (its subject, or described).

    "a video ... shows him", "a video showing him", "a video that shows him",
    "a video which ISIS said shows him", "ISIS released a video on Monday
    showing him" (the parse may hang "showing" on the verb of releasing).
    """
    if verb.dep_ in ("acl", "relcl") and verb.head.i == video.i:
        # "a video showing him", "a video that shows him"
        return verb.dep_ == "acl" or _relative_subject(verb)
    up = verb.head
    if verb.dep_ == "ccomp" and up.dep_ == "relcl" and up.head.i == video.i:
        return _relative_subject(verb)  # "a video which ISIS said shows him"
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":
        # "released a video on Monday showing him"
        return any(c.dep_ in ("dobj", "obj") and c.i == video.i for c in up.children)
    if verb.dep_ in ("xcomp", "advcl") and any(c.lower_ == "to" for c in verb.children):
        # "a video ... *purports to show* him", "appears to show": the parse may
        # hang "to show" on the recording's own participle ("released")
        if up.lemma_.lower() in _PURPORTING:
            return any(c.dep_ == "nsubj" and c.i == video.i for c in up.children)
        return bool(up.dep_ == "acl" and up.head.i == video.i and verb.dep_ == "advcl")
    return any(c.dep_ == "nsubj" and c.i == video.i for c in verb.children)


#: Verbs (lemmas) by which a recording is said to show: "*purports* to show",
#: "*appears* to show", "*seems* to show", "*claims* to show".
_PURPORTING = frozenset({"purport", "appear", "seem", "claim"})


def _relative_subject(verb: Any) -> bool:
    """Whether ``verb``'s subject is a relative pronoun: "*that* shows him"."""
    return any(c.dep_ == "nsubj" and c.lower_ in _RELATIVE for c in verb.children)


def shown_span(cue: Any) -> tuple[int, int] | None:
    """The document span of what the recording ``cue`` shows, or None.

    "A video released on 2 June shows *him in 2015 addressing fighters*": the
    words after the verb of showing (:data:`_SHOWING`) whose subject is the
    recording, or which describes it ("a video showing him"), without the
    recording's own words ("released on 2 June"). None when no verb shows.
    """
    video = _noun_of(cue)
    for verb in (video.head, *(c for c in video.children)):
        if verb.lemma_.lower() in _SHOWING and _by_recording(verb, video):
            own = {t.i for t in video.subtree} if verb.head.i != video.i else set()
            shown = [t for t in verb.subtree if t.i > verb.i and t.i not in own]
            if shown:
                return shown[0].idx, shown[-1].idx + len(shown[-1].text)
    return None


#: Verbs by which a recording is made: "a photograph *taken* in 2015", "a video
#: *filmed* on 28 May".
_MAKING = frozenset({"take", "record", "film", "shoot", "make", "capture", "date"})


def made_spans(cue: Any) -> list[tuple[int, int]]:
    """The document spans of the phrases that tell when the recording ``cue`` was made.

    "A photograph *taken in 2015* and released on 2 June", "A video, *filmed
    on 28 May* and released ...": the phrase of a verb of making
    (:data:`_MAKING`) that describes the recording, without what is joined to
    it ("and released on 2 June", the release).
    """
    video = _noun_of(cue)
    out = []
    for verb in video.children:
        if verb.dep_ not in ("acl", "relcl") or verb.lemma_.lower() not in _MAKING:
            continue
        joined = {
            t.i for c in verb.children if c.dep_ in ("conj", "cc") for t in c.subtree
        }
        own = [t for t in verb.subtree if t.i not in joined]
        out.append((own[0].idx, own[-1].idx + len(own[-1].text)))
    return out


#: A recording called fake, or old: "French officials said *it was a fake*",
#: "analysts said *it may have been recorded years ago*", "*dismissed the video
#: as a fabrication*", "The army said *it was at least ten years old*".
_RECORDING = (
    r"(?:it|they|the\s+(?:[\w-]+\s+)?(?:videos?|footage|recordings?|tapes?|audio|"
    r"messages?|clips?|photos?|photographs?|pictures?|images?))"
)
_FAKE_WORDS = (
    r"(?:an?\s+)?(?:fake[ds]?|faked|forgery|forged|fabricated|fabrication|doctored|"
    r"manipulated|staged|hoax|montage|deepfake|not\s+(?:genuine|authentic|real|new|"
    r"recent)|old|outdated|(?:recorded|taken|made|filmed|shot)\s+(?:[\w-]+\s+)?"
    r"(?:years?|months?|decades?|long)\s+(?:ago|earlier|before)|"
    # "it was at least ten years old"
    r"(?:at\s+least\s+|more\s+than\s+|over\s+|about\s+|some\s+|several\s+)?"
    r"(?:a|an|\d+|[a-z]+)\s+(?:years?|decades?)\s+old)"
)
_CALLED_FAKE = re.compile(
    rf"\b{_RECORDING}\s+(?:was|is|were|are|had\s+been|has\s+been|"
    r"(?:may|might|could|must)\s+have\s+been|(?:appeared|appears|seemed|seems)\s+"
    rf"to\s+(?:be|have\s+been)|to\s+be)\s+{_FAKE_WORDS}\b"
    rf"|\b(?:dismissed|described|denounced|rejected)\s+{_RECORDING}\s+as\s+"
    rf"{_FAKE_WORDS}\b"
    rf"|\bcalled\s+{_RECORDING}\s+{_FAKE_WORDS}\b"
    # "old footage", "archive video", "an undated recording", "a fake video"
    r"|\b(?:old|archive|archival|file|undated|fake|faked|doctored|forged|"
    r"fabricated|manipulated|staged|bogus)\s+(?:[\w-]+\s+)?(?:videos?|footage|"
    r"recordings?|tapes?|clips?|photos?|photographs?|pictures?|images?)\b",
    re.IGNORECASE,
)
_WHETHER = re.compile(r"\b(?:whether|if|not|never|n['’]t)\s+$", re.IGNORECASE)
_NEXT_END = re.compile(r"[.!?…][\"'”’)]*(?=\s|$)")


def recording_start(cue: Any) -> int:
    """The document offset where the phrase of the recording ``cue`` opens.

    "*An old* video", "*A fake* video": the words before the recording's noun
    that may call it old or fake (:func:`called_fake` reads from there).
    """
    return int(_noun_of(cue).left_edge.idx)


#: A recording said to be made in a year: "experts said *it may have been filmed
#: in 2016*" (old when the year is before the recording's own:
#: :func:`called_fake`).
_MADE_IN = re.compile(
    rf"\b{_RECORDING}\s+(?:was|is|were|are|had\s+been|has\s+been|"
    r"(?:may|might|could|must)\s+have\s+been|(?:appeared|appears|seemed|seems)\s+"
    r"to\s+have\s+been)\s+(?:recorded|taken|made|filmed|shot)\s+in\s+"
    r"(?:late\s+|early\s+|mid-?)?(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def called_fake(text: str, at: int, end: int, *, year: int | None = None) -> str | None:
    """The words that call the recording at offset ``at`` fake or old, or None.

    Read from the recording to the end of the next sentence after ``end`` (the
    end of its own): "A video released on 2 June purportedly shows him, *but
    French officials said it was a fake*", "... *French officials said the video
    was fake*." (next sentence), "*old footage*", "it *may have been recorded
    years ago*", or, of a recording of the year ``year``, "it *may have been
    filmed in 2016*" (a year before it): no proof of life. Not "whether it was
    a fake", nor "it was not a fake".

    Examples
    --------
    >>> t = "A video shows him. Officials said it was a fake. He hid."
    >>> called_fake(t, 2, 18)
    'it was a fake'
    >>> called_fake("A video shows him. Officials said it was genuine.", 2, 18)
    >>> called_fake("A video shows him. Experts asked whether it was fake.", 2, 18)
    """
    start = len(text) - len(text[end:].lstrip())
    stop = _NEXT_END.search(text, start)
    upto = stop.end() if stop is not None else len(text)
    found = [*_CALLED_FAKE.finditer(text, at, upto)]
    if year is not None:
        found += [m for m in _MADE_IN.finditer(text, at, upto) if int(m["year"]) < year]
    for m in sorted(found, key=lambda m: m.start()):
        if _WHETHER.search(text, max(at, m.start() - 20), m.start()) is None:
            return m.group(0)
    return None


# -- a recording of someone else speaking ---------------------------------------

_MEDIUM_PREPS = frozenset({"in", "via", "through", "on"})


def spoken_in(cue: Any, refs: Sequence[TargetRef], *, by_target: bool) -> str | None:
    """The words of a statement made in the recording ``cue`` by another, or None.

    "Jalmaani's wife said *in a video* released by her lawyer that she had
    spoken to him": the recording is the wife's, the medium of her statement
    (the object of "in", "via", "through" or "on" after a reporting verb), not
    a recording of the target. The target's own ("Jane Doe said in an audio
    message", the subject one of ``refs``, or ``by_target``: the sentence's
    attribution says the target speaks) is a recording of the target. Returns
    the words (e.g. ``"said in a video"``).
    """
    video = _noun_of(cue)
    prep = video.head
    if video.dep_ != "pobj" or prep.lower_ not in _MEDIUM_PREPS:
        return None
    verb = prep.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in REPORTING_LEMMAS:
        return None
    # the subject's own word ("Jalmaani" of "Mundi Jalmaani"), not its owner's
    # ("Jalmaani's wife" is the wife)
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if by_target or any(_overlaps_ref(c, refs) for c in subjects):
        return None
    return f"{verb.text} {prep.text} ... {video.text}"


# -- the target as its own people call it ---------------------------------------

_CLIENT = frozenset({"client"})
#: What a spouse, partner or counsel of the target calls the target: the wife's
#: "husband", the lawyer's "client". Not a parent's "son": a mother's son may be
#: the target's brother (a sibling's is :data:`_SIBLING_CALLED`).
_CALLED = {
    "wife": frozenset({"husband"}),
    "husband": frozenset({"wife"}),
    "partner": frozenset({"partner"}),
    "girlfriend": frozenset({"boyfriend", "partner"}),
    "boyfriend": frozenset({"girlfriend", "partner"}),
    "fiancee": frozenset({"fiance", "fiancé"}),
    "fiancée": frozenset({"fiance", "fiancé"}),
    "fiance": frozenset({"fiancee", "fiancée"}),
    "fiancé": frozenset({"fiancee", "fiancée"}),
    "widow": frozenset({"husband"}),
    "widower": frozenset({"wife"}),
    "lawyer": _CLIENT,
    "attorney": _CLIENT,
    "counsel": _CLIENT,
    "solicitor": _CLIENT,
    "barrister": _CLIENT,
    "advocate": _CLIENT,
}
_SIBLINGS = frozenset({"brother", "sister"})
#: What a sibling of the target, so called by the target's name, calls the
#: target: "*Ag Alher's sister*, Fatima Ag Alher, said *her brother* was
#: alive" (review r31). A sibling's word of a brother may be of another
#: brother: the one called is the target only when no name in apposition sets
#: it apart ("her brother, *Moussa*,"; "her *younger* brother", as any other
#: word, is another) and the target's pronouns are not of the other gender
#: (:func:`called_by_kin`). A sibling is no spouse or counsel in touch with
#: the target (:func:`contact_with_target`).
_SIBLING_CALLED = {"sister": _SIBLINGS, "brother": _SIBLINGS}
#: The gender of a sibling's word, and of the target's pronouns.
_MALE = frozenset({"brother", "he", "him", "his", "himself"})
_FEMALE = frozenset({"sister", "she", "her", "hers", "herself"})
_POSSESSIVES = frozenset({"his", "her", "their", "our", "my"})


def _reporting_subject(tok: Any) -> Any | None:
    """The subject of the reporting verb whose clause holds ``tok``, or None."""
    verb = _reporting_verb(tok)
    return None if verb is None else _subject_of(verb)


def _reporting_verb(tok: Any) -> Any | None:
    """The reporting verb whose clause holds ``tok``, or None."""
    for verb in tok.ancestors:
        if verb.pos_ == "VERB" and verb.lemma_.lower() in REPORTING_LEMMAS:
            return verb
    return None


def _subject_of(verb: Any) -> Any | None:
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


#: The speaker's own pronoun as the subject of what it says it thinks: "she" of
#: "Jalmaani's wife said *she* believed ...".
_OWN_PRONOUNS = frozenset({"she", "he", "i", "we"})


def _kin_reporter(tok: Any) -> tuple[Any, Any] | None:
    """(reporting verb, its subject) of the clause of ``tok``, past a pronoun.

    "Jalmaani's wife said *she believed* her husband was still alive": the one
    who believes is the one who says so, the wife; the verb is her "said", and
    "believed" (a word of her own) hedges what she says. None when no
    reporting verb has ``tok`` in its clause, or it has no subject.
    """
    verb = _reporting_verb(tok)
    subject = None if verb is None else _subject_of(verb)
    for _ in range(2):
        if verb is None or subject is None or subject.lower_ not in _OWN_PRONOUNS:
            break
        outer = _reporting_verb(verb)
        said = None if outer is None else _subject_of(outer)
        if said is None:
            break
        verb, subject = outer, said
    return None if verb is None or subject is None else (verb, subject)


def _owned_by_target(noun: Any, refs: Sequence[TargetRef]) -> bool:
    """Whether ``noun`` is the target's: "Salcedo's lawyer", "the wife of Jalmaani".

    The owner may be named in apposition to a role: "The wife of *the group's
    deputy leader, Mundi Jalmaani*".
    """
    for c in noun.children:
        if c.dep_ == "poss" and _named(c, refs):
            return True
        if (
            c.dep_ == "prep"
            and c.lower_ in ("of", "for")
            and any(g.dep_ == "pobj" and _named(g, refs) for g in c.children)
        ):
            return True
    return False


def _named(tok: Any, refs: Sequence[TargetRef]) -> bool:
    """Whether ``tok`` or a name in apposition to it is a reference to the target."""
    return any(
        _overlaps_ref(t, refs)
        for t in (tok, *(c for c in tok.children if c.dep_ == "appos"))
    )


def called_by_kin(who: Any, refs: Sequence[TargetRef]) -> str | None:
    """The speaker's relation to the target, when ``who`` is the target so called.

    ``who`` is the subject of a statement ("*her husband* was alive", "*her
    client* was alive and well"), a noun of relation (:data:`_CALLED`) with a
    possessive pronoun, in the clause of a reporting verb whose subject is the
    target's spouse, partner or counsel of the matching relation: "The wife of Mundi
    Jalmaani said that her husband ...", "Salcedo's lawyer, Ana Lucía Pérez,
    said her client ...", "Ana Pérez, Salcedo's lawyer, said her client ...".
    Returns the speaker's relation ("wife", "lawyer"); None otherwise ("Her
    husband was alive, police said": the police's husband is no one's; "Jane
    Doe's lawyer said his brother was alive": the brother is someone else).
    A relative's word of blood kin ("Ag Alher's sister said *her brother* was
    alive") is the target's only where no name in apposition makes it another
    ("her brother, Moussa,") and no pronoun of the target among ``refs`` is of
    the other gender ("Jane Doe ... *She* was seen": her sister's brother is
    another).
    """
    got = _kin_calling(who)
    if got is None or not _owned_by_target(got, refs):
        return None
    called = who.lemma_.lower()
    if called in _MALE | _FEMALE:
        if any(c.dep_ == "appos" and not _named(c, refs) for c in who.children):
            return None  # "her brother, Moussa,": one of her kin, by its own name
        other = _FEMALE if called in _MALE else _MALE
        if any(r.kind == "pronoun" and r.text.lower() in other for r in refs):
            return None
    return str(got.lemma_.lower())


#: Words that make the one called another than the speaker's spouse or counsel
#: now: "her *first* husband", "his *former* client", "her *ex-*husband".
_OTHER_WORDS = frozenset({"amod", "compound", "nummod", "nmod"})


def _kin_calling(who: Any) -> Any | None:
    """The spouse's or counsel's noun that calls ``who`` so, of whomever it is.

    ``who`` is a noun of relation with a possessive pronoun and no other words
    ("*her husband*", "*his client*"; not "her *first* husband") in the clause
    of a reporting verb whose subject, or an apposition to it, is a spouse,
    partner or counsel of the matching relation ("The wife of Jalmaani's
    deputy said ..."); None otherwise.
    """
    if not any(c.dep_ == "poss" and c.lower_ in _POSSESSIVES for c in who.children):
        return None
    if any(c.dep_ in _OTHER_WORDS for c in who.children):
        return None  # "her *first* husband, who was killed in 2010": another
    got = _kin_reporter(who)
    if got is None:
        return None
    speaker = got[1]
    for noun in (speaker, *(c for c in speaker.children if c.dep_ == "appos")):
        relation = noun.lemma_.lower()
        called = _CALLED.get(relation) or _SIBLING_CALLED.get(relation, frozenset())
        if who.lemma_.lower() in called:
            return noun
    return None


def kin_of_another(who: Any, refs: Sequence[TargetRef]) -> str | None:
    """The speaker, in words, when ``who`` is another's, as its own calls it.

    "*The wife of Jalmaani's deputy* said her husband was alive and in
    Patikul", "*The lawyer for Jalmaani's co-accused*, Abdul Sali, said his
    client was alive": the husband is the deputy, the client the co-accused.
    The speaker (:func:`_kin_calling`) belongs to someone the sentence names
    ("of Jalmaani's deputy", "a soldier's wife"), who is not the target
    (:func:`called_by_kin` is the target's own). None otherwise, and where
    the speaker's owner is not told ("A lawyer said his client ...").
    """
    noun = _kin_calling(who)
    if noun is None or _owned_by_target(noun, refs) or not _owned(noun):
        return None
    first, last = noun.left_edge, noun.right_edge
    while last.is_punct and last.i > noun.i:
        last = last.nbor(-1)
    return str(doc_text(noun.doc)[first.idx : last.idx + len(last.text)])


def _owned(noun: Any) -> bool:
    """Whether ``noun`` has an owner: "a soldier's wife", "the lawyer for Sali"."""
    return any(
        (c.dep_ == "poss" and c.lower_ not in _POSSESSIVES)
        or (
            c.dep_ == "prep"
            and c.lower_ in ("of", "for")
            and any(g.dep_ == "pobj" for g in c.children)
        )
        for c in noun.children
    )


def called_pairs(doc: Any, refs: Sequence[TargetRef]) -> set[tuple[int, int]]:
    """(start of the noun, start of a later "he" or "she") for the target so called.

    Each noun by which the target's spouse or counsel calls the target
    (:func:`called_by_kin`: "Jalmaani's wife said *her husband* was alive"),
    paired with each subject pronoun after it. Such a noun names the target
    again, not another person: "... *The military said he was killed* in
    Indanan last month" is the target's death. The pairs are of the form that
    :func:`~geosleuth.read._target_pronouns.pronoun_refs` takes as ``kin``
    (a relative that is not whom the pronoun refers to).
    """
    nouns = {n for called in _CALLED.values() for n in called}
    pronouns = [t for t in doc if t.lower_ in ("he", "she")]
    return {
        (tok.idx, p.idx)
        for tok in doc
        if tok.lemma_.lower() in nouns and called_by_kin(tok, refs) is not None
        for p in pronouns
        if p.i > tok.i
    }


def kin_clause(who: Any) -> tuple[str, tuple[int, int]] | None:
    """(speaker, span) of the statement in which a spouse or counsel calls ``who``.

    ``who`` is the target as its spouse or counsel calls it (:func:`called_by_kin`);
    the speaker is the subject of the reporting verb of its clause, in words
    ("Jalmaani's wife"), and the span (in the document) that verb's words:
    "*Jalmaani's wife said her husband was alive*; the military insists he was
    killed", where the parse may make the wife's "said" a clause of the
    military's "insists". None if no reporting verb has ``who`` in its clause.
    """
    got = _kin_reporter(who)
    if got is None:
        return None
    verb, subject = got
    # "Salcedo's lawyer, Ana Pérez": the lawyer, by either name
    first, last = subject.left_edge, subject.right_edge
    while last.is_punct and last.i > subject.i:
        last = last.nbor(-1)
    speaker = doc_text(subject.doc)[first.idx : last.idx + len(last.text)]
    tokens = list(verb.subtree)
    end = tokens[-1]
    while end.is_punct and end.i > verb.i:
        end = end.nbor(-1)
    return speaker, (tokens[0].idx, end.idx + len(end.text))


#: Verbs of being in touch with someone, and their prepositions: "spoke *to* him",
#: "talked *with* his client", "heard *from* her".
_CONTACT = {
    "speak": frozenset({"to", "with"}),
    "talk": frozenset({"to", "with"}),
    "hear": frozenset({"from"}),
}


def contact_with_target(
    sent: Any, refs: Sequence[TargetRef]
) -> tuple[Any, str, bool] | None:
    """(verb, words, negated) of the target's spouse or counsel in touch with it.

    "Jalmaani's wife ... said ... that *she had spoken to him* by phone on Sept.
    27": in the clause of what the target's spouse, partner or counsel says
    (:func:`_kin_speaker`), the one spoken to, heard from or talked with
    (:data:`_CONTACT`) is the target: by name ("spoke to Jalmaani"), as the
    speaker calls it ("talked with his client": :func:`called_by_kin`), or as
    "him" or "her" when the one who spoke is a pronoun of the other gender
    ("she ... him"), "I" or "we": the only other person of that frame is the
    target. Being in touch is said with a noun too: "she was *in touch with*
    her husband every week", "had *contact with* him" (:data:`_CONTACT_NOUNS`),
    where the verb is the one that governs the noun. Not anyone's word ("Lewis
    said he talked to Roy"): a conversation in the news is no claim about a
    missing person's life. ``negated`` is True for "had not heard from him",
    "had no contact with him", "lost touch with him". None if the sentence
    says no such thing.
    """
    for word in sent:
        noun = word.lemma_.lower() in _CONTACT_NOUNS and word.pos_ == "NOUN"
        verb = _governing_verb(word) if noun else word
        preps = _CONTACT_WITH if noun else _CONTACT.get(word.lemma_.lower())
        if (
            preps is None
            or verb is None
            or (not noun and verb.pos_ != "VERB")
            or not _kin_speaker(verb, refs)
        ):
            continue
        for prep in word.children:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            for one in (g for g in prep.children if g.dep_ == "pobj"):
                if (
                    _overlaps_ref(one, refs)
                    or _spoke_to_other(verb, one)
                    or called_by_kin(one, refs) is not None
                ):
                    # "in touch with her husband", "spoken to him"
                    lead = (
                        f"{word.head.text} "
                        if noun and word.head.dep_ == "prep"
                        else ""
                    )
                    words = f"{lead}{word.text} {prep.text} {_phrase_of(one)}"
                    return verb, words, _negated(verb) or _no_contact(word, verb)
    return None


#: Nouns of being in touch, with "with": "was in *touch* with her husband", "had
#: *contact* with him".
_CONTACT_NOUNS = frozenset({"touch", "contact"})
_CONTACT_WITH = frozenset({"with"})
#: Verbs by which one is no longer in touch: "*lost* contact with him".
_LOSING = frozenset({"lose", "cut", "break"})


def _governing_verb(noun: Any) -> Any | None:
    """The verb that governs ``noun`` ("was" of "was in touch with"), or None."""
    return next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)


def _no_contact(word: Any, verb: Any) -> bool:
    """Whether the noun of contact ``word`` says there is none.

    "had *no* contact with him", "*lost* touch with him", "*out of* touch with
    him"; False for a verb of contact ("spoke to him").
    """
    if word.i == verb.i:
        return False
    return (
        any(c.dep_ == "det" and c.lower_ == "no" for c in word.children)
        or verb.lemma_.lower() in _LOSING
        or (word.head.lower_ == "of" and word.head.head.lower_ == "out")
    )


def _phrase_of(tok: Any) -> str:
    return str(doc_text(tok.doc)[tok.left_edge.idx : tok.idx + len(tok.text)])


_GENDERS = {"he": "he", "him": "he", "she": "she", "her": "she"}


def _spoke_to_other(verb: Any, one: Any) -> bool:
    """Whether "him" or "her" (``one``) after ``verb`` is another than who spoke.

    The subject of ``verb`` is "I", "we" or a pronoun of the other gender ("she
    had spoken to him").
    """
    gender = _GENDERS.get(one.lower_)
    if gender is None or one.tag_ != "PRP":
        return False
    subjects = [c.lower_ for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) != 1:
        return False
    return subjects[0] in ("i", "we") or _GENDERS.get(subjects[0], gender) != gender


def _kin_speaker(tok: Any, refs: Sequence[TargetRef]) -> bool:
    """Whether ``tok`` is in what the target's spouse, partner or counsel says.

    The subject of the reporting verb of its clause (or an apposition to it) is
    one of :data:`_CALLED`, owned by the target: "Jalmaani's wife, Nurhaida,
    said ...", "The wife of Mundi Jalmaani said ...".
    """
    got = _kin_reporter(tok)
    if got is None:
        return False
    speaker = got[1]
    return any(
        noun.lemma_.lower() in _CALLED and _owned_by_target(noun, refs)
        for noun in (speaker, *(c for c in speaker.children if c.dep_ == "appos"))
    )


#: What a group calls its leader: "its commander", "their leader".
_LEADERS = frozenset(
    {"commander", "leader", "chief", "head", "emir", "founder", "boss", "chieftain"}
)  # fmt: skip
#: Verbs by which the target leads a group: "the group *led* by Ag Alher" (not
#: "founded by": the founder may lead it no more).
_LEADING = frozenset({"lead", "head", "command", "run"})
#: Words that make the leading past: "the group, *once* led by Ag Alher", "Ag
#: Alher's *former* group".
_PAST_LEAD = frozenset(
    {"once", "formerly", "previously", "originally", "earlier", "then", "former",
     "onetime", "erstwhile", "old"}
)  # fmt: skip


def leader_of_speakers(who: Any, refs: Sequence[TargetRef]) -> bool:
    """Whether ``who`` ("its commander") is the target, as the group it leads says.

    ``who`` is a leader's noun (:data:`_LEADERS`) owned by "its" or "their", with
    no other words ("its deputy commander", "its commander in Gao, Abu Talha"
    are others), in the clause of a reporting verb whose subject is a group
    that the target leads: "The jihadist group *led by Hamadou Ag Alher* said
    that its commander had been killed", "Ag Alher's group said ...". Not one
    it led once ("The group, *once* led by Ag Alher, said ...", "Ag Alher's
    *former* group": :data:`_PAST_LEAD`), nor when the sentence names the
    target again outside the group, another than its commander ("... its
    commander had been killed in 2016, *before Ag Alher took over*").
    """
    if who.lemma_.lower() not in _LEADERS:
        return False
    kids = [c for c in who.children if not c.is_punct]
    if (
        len(kids) != 1
        or kids[0].dep_ != "poss"
        or kids[0].lower_ not in ("its", "their")
    ):
        return False
    group = _reporting_subject(who)
    if group is None or _past(group):
        return False
    inside = {t.i for t in group.subtree}
    named = [r for r in refs if r.kind != "pronoun"]
    if any(t.i not in inside and _overlaps_ref(t, named) for t in who.sent):
        return False  # "..., before Ag Alher took over": he is another
    if any(c.dep_ == "poss" and _overlaps_ref(c, refs) for c in group.children):
        return True
    return any(
        _overlaps_ref(pobj, refs)
        for acl in group.children
        if acl.dep_ in ("acl", "relcl")
        and acl.lemma_.lower() in _LEADING
        and not _past(acl)
        for agent in acl.children
        if agent.dep_ == "agent"
        for pobj in agent.children
        if pobj.dep_ == "pobj"
    )


def _past(tok: Any) -> bool:
    """Whether ``tok`` (a group, or the verb of leading it) is of the past."""
    return any(
        c.dep_ in ("advmod", "amod") and c.lower_ in _PAST_LEAD for c in tok.children
    )


# -- what a sentence says beside a statement ------------------------------------


def other_statements(verb: Any) -> list[tuple[int, int]]:
    """Spans of what the sentence of ``verb`` states after and beside its clause.

    "her client was alive and well *and would not surrender*": a verb conjoined
    after ``verb``; "her husband was alive and hiding in Patikul, *contradicting
    a military claim that he was killed*": a participle clause (an adverbial in
    "-ing" with no conjunction or subject of its own). Each is a statement of
    its own, whose words ("would", "claim") do not hedge the clause of
    ``verb``. Spans are in the document.
    """
    out = []
    for tok in verb.sent:
        if tok.i <= verb.i:
            continue
        conjoined = tok.dep_ == "conj" and tok.head.i == verb.i and tok.pos_ in (
            "VERB", "AUX"
        )  # fmt: skip
        participle = (
            tok.dep_ == "advcl"
            and tok.tag_ == "VBG"
            and not any(c.dep_ in ("mark", "nsubj") for c in tok.children)
        )
        if conjoined or participle:
            first, last = tok.left_edge, tok.right_edge
            out.append((first.idx, last.idx + len(last.text)))
    return out
