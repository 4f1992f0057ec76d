"""Who died: the one a death word of a sentence tells of.

Helper of :mod:`geosleuth.read.life`. The one who dies in "al-Baghdadi was
killed", "a strike killed al-Baghdadi", "al-Baghdadi died" or "al-Baghdadi's
death" is the target; the killer ("al-Baghdadi killed dozens") and one of the
target's own ("al-Baghdadi's wife was killed") are others. The target may be
named as its spouse or counsel calls it ("Salcedo's wife said *her husband* was
killed") or as the group it leads does ("*its commander*":
:mod:`geosleuth.read._life_claims`). A burial tells of a death as a killing
does: "her husband *had been buried* in Jolo" (the one buried, not the one who
buries), but only when the one buried is plainly the target
(:func:`target_buried`): not "her husband *wanted to be buried* in Jolo", nor
"he" after another's death ("Jalmaani's deputy was killed in Indanan last
month, and *he* was buried in Jolo").
"""

from __future__ import annotations

from typing import Any

from geosleuth.read._life_asides import relative_antecedent, set_aside
from geosleuth.read._life_claims import (
    _PEOPLE_OF,
    _WOMEN_OF,
    called_by_kin,
    leader_of_speakers,
)
from geosleuth.read._reports import spoken_of
from geosleuth.read._sentence import Sentence
from geosleuth.read._set_off import set_off_participle
from geosleuth.read.attribution import REPORTING_LEMMAS
from geosleuth.read.target import TargetRef

__all__ = ["target_buried", "target_dies", "victims_of"]


#: Pronouns that may or may not stand for the target ("a strike killed him", "his
#: death"): not among its references, so the parse does not tell who died.
_UNKNOWN_PERSON = frozenset({"him", "his", "her", "hers"})


def target_dies(s: Sentence, at: int, person: list[TargetRef]) -> bool | None:
    """Whether the target is the one who dies in the death cue at offset ``at``.

    The one who dies is the subject of "died" or "is dead", the one found dead
    ("Jane Doe's brother was found dead"), the passive subject of "was killed"
    (or the one that "killed" describes: "al-Baghdadi, killed in a strike"), the
    object of an active "killed" ("a strike killed al-Baghdadi"; the
    subject of "al-Baghdadi killed dozens" is the killer), and the owner of a
    "death" ("al-Baghdadi's death", "the death of al-Baghdadi"), and the one
    "among the dead" ("Salcedo's brother was among the dead"); a relative
    pronoun is the noun it stands for ("al-Baghdadi, *who* was killed", "*whose*
    death French forces announced"). The target dies
    when one of them is a reference to it (so "al-Baghdadi's wife was killed" is
    not the target's death). None when there is no parse, or the parse does not
    say who died.
    """
    cue = next((t for t in (s.sent if s.sent is not None else []) if t.idx == at), None)
    if cue is None:
        return None
    found = _victims(cue)
    if found is None:
        return None
    # "Ag Alher, *whom* French forces claimed to have killed": the noun the
    # relative pronoun stands for
    found = [relative_antecedent(v) for v in found]
    victims = [w for v in found for w in (v, *v.conjuncts) if not w.is_punct]
    victims += [a for v in victims for a in v.children if a.dep_ == "appos"]
    victims = [v for v in victims if not _set_against(v)]
    if victims and all(_time_of_ones_own(v) for v in victims):
        return False  # "Ag Alher's deputy appeared ..., weeks after ... he had been"
    if any(
        r.start < v.idx + len(v.text) and v.idx < r.end for v in victims for r in person
    ):
        return True
    if any(
        leader_of_speakers(v, person) or called_by_kin(_as_called(v), person)
        for v in victims
    ):
        # "The group led by Ag Alher said its commander was killed", "Salcedo's
        # wife said her husband was killed"
        return True
    if any(v.lower_ in _UNKNOWN_PERSON and not _subjects_own(v) for v in victims):
        return None
    return False


def _subjects_own(tok: Any) -> bool:
    """Whether the "his" or "her" ``tok`` is plainly the verb's subject's own.

    "Salcedo's *brother* ... said before *his* death that ...": the death
    (owned by ``tok``) is the time of the verb whose subject is one of a
    person's own (a brother, a deputy, :data:`_PEOPLE_OF`), so "his" is that
    one, not the target.
    """
    if tok.dep_ != "poss" or tok.head.dep_ != "pobj" or tok.head.head.dep_ != "prep":
        return False
    verb = tok.head.head.head
    return verb.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "nsubj" and c.tag_ == "NN" and c.lemma_.lower() in _PEOPLE_OF
        for c in verb.children
    )


def _time_of_ones_own(tok: Any) -> bool:
    """Whether "he" or "she" ``tok`` stands for the subject a time clause is of.

    "Ag Alher's *deputy* appeared in a video ..., weeks after the army said *he*
    had been killed": the death is told in a clause of time ("after", "since",
    "when") of a verb whose subject is one of a person's own (a deputy, a
    brother, :data:`_PEOPLE_OF`, owned: "Ag Alher's"), so "he" is that one,
    not the person who owns it (as :func:`_subjects_own` reads "his death").
    Only where that one appears in a recording, a proof of life of its own
    (:func:`_appears_recorded`), and "he" or "she" fits it (not "he" of a wife,
    nor of a family): not "Salcedo's wife appeared in court on Monday, a week
    after he was killed", "Salcedo's lawyer filed an appeal ..., days after he
    was killed", which tell the target's death.
    """
    if tok.lower_ not in ("he", "she"):
        return False
    up = tok.head
    for _ in range(4):
        if up.dep_ == "advcl":
            if not any(
                c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in up.children
            ):
                return False
            return _appears_recorded(up.head, up) and any(
                c.tag_ == "NN"
                and c.lemma_.lower() in _PEOPLE_OF
                and c.lemma_.lower() not in _MANY_OF
                and (c.lemma_.lower() in _WOMEN_OF) == (tok.lower_ == "she")
                and any(g.dep_ == "poss" for g in c.children)
                for c in _subjects_recorded(up.head)
            )
        if up.dep_ not in ("ccomp", "conj") or up.head.i == up.i:
            return False
        up = up.head
    return False


def _subjects_recorded(verb: Any) -> list[Any]:
    """The subjects of ``verb``, and the one a recording subject is of.

    "Ag Alher's *deputy* appeared in a video", "a video of Ag Alher's *deputy*
    surfaced".
    """
    out = []
    for c in verb.children:
        if c.dep_ not in ("nsubj", "nsubjpass"):
            continue
        out.append(c)
        if c.lemma_.lower() in _RECORDINGS:
            out += [
                g
                for p in c.children
                if p.dep_ == "prep" and p.lower_ == "of"
                for g in p.children
                if g.dep_ == "pobj"
            ]
    return out


def _appears_recorded(verb: Any, beside: Any) -> bool:
    """Whether ``verb`` tells its subject appearing in a recording.

    "Ag Alher's deputy *appeared in a video* released on Monday", "*was seen in
    footage*": a verb of appearing, with a recording in its own words (not in
    the clause ``beside`` it).
    """
    if verb.lemma_.lower() not in _APPEARING:
        return False
    aside = {t.i for t in beside.subtree}
    return any(
        t.lemma_.lower() in _RECORDINGS for t in verb.subtree if t.i not in aside
    )


#: Verbs of appearing: "*appeared* in a video".
_APPEARING = frozenset(
    {"appear", "reappear", "resurface", "surface", "feature", "see", "show", "speak"}
)
#: Recordings, where one appearing shows that it lives.
_RECORDINGS = frozenset(
    {"video", "recording", "footage", "photo", "photograph", "picture", "image",
     "audio", "tape", "clip", "broadcast"}
)  # fmt: skip
#: Those of a person's own who are many, never "he" or "she": "his *family*".
_MANY_OF = frozenset({"family", "follower", "supporter", "fighter", "man"})


#: Marks of a clause of time: "weeks *after* the army said he had been killed".
_TIME_MARKS = frozenset({"after", "since", "when", "before", "until"})


#: Words that set one against the one who died: "his bodyguard *rather than*
#: Salcedo had died", "*instead of* Salcedo".
_INSTEAD = frozenset({("rather", "than"), ("instead", "of")})


def _set_against(tok: Any) -> bool:
    """Whether ``tok`` is set against the one who died, not among the dead.

    "his bodyguard *rather than Salcedo* had died", "*instead of* Salcedo"
    (the parse may make both subjects); not "Salcedo rather than his bodyguard".
    """
    first = tok.left_edge.i
    before = tuple(t.lower_ for t in tok.doc[max(0, first - 2) : first])
    # "it was his bodyguard, *not Salcedo*, who had been killed"
    return before in _INSTEAD or set_aside(tok)


#: Verbs by which a burial is only wished for: "her husband *wanted* to be buried
#: in Jolo".
_WISHING = frozenset(
    {"want", "wish", "ask", "hope", "plan", "expect", "request", "prefer", "like",
     "intend", "desire", "choose", "insist"}
)  # fmt: skip


def target_buried(
    s: Sentence, at: int, person: list[TargetRef], *, deaths: list[int]
) -> bool:
    """Whether the burial at offset ``at`` tells of the target's death.

    The one buried must plainly be the target (:func:`target_dies`: "Jalmaani's
    widow said her husband had been buried in Jolo"), not one whose burial is
    only wished for ("her husband *wanted to be buried* in Jolo"), nor a
    pronoun after another's death in the sentence ("Jalmaani's *deputy* was
    killed in Indanan last month, and *he* was buried in Jolo": ``deaths`` are
    the offsets of the sentence's other death words, and one before the
    burial that is not the target's makes the burial of a pronoun not the
    target's either). The target named ("Two soldiers died in the raid, and
    *Jalmaani* was buried in Jolo") or so called ("her husband") is buried
    whoever died before.
    """
    cue = next((t for t in (s.sent if s.sent is not None else []) if t.idx == at), None)
    if cue is not None and cue.dep_ == "xcomp" and cue.head.lemma_.lower() in _WISHING:
        return False  # "wanted to be buried in Jolo": no death
    if not target_dies(s, at, person):
        return False
    if target_dies(s, at, [r for r in person if r.kind != "pronoun"]):
        # "Two soldiers died in the raid, and Jalmaani was buried in Jolo": the
        # one buried named, whoever died before
        return True
    return not any(d < at and target_dies(s, d, person) is False for d in deaths)


def _as_called(tok: Any) -> Any:
    """The subject before "he" or "she" (``tok``) in its sentence, else ``tok``.

    "Jalmaani's wife said *her husband* was alive; the military insists *he*
    was killed": "he" is the husband, the subject named last before it that is
    not a speaker's ("the military insists").
    """
    if tok.lower_ not in ("he", "she"):
        return tok
    before = [
        t
        for t in tok.sent
        if t.i < tok.i
        and t.dep_ in ("nsubj", "nsubjpass")
        and t.head.lemma_.lower() not in REPORTING_LEMMAS
    ]
    return before[-1] if before else tok


def victims_of(cue: Any) -> list[Any] | None:
    """The words for who died in the death cue ``cue``; None when the parse is mute.

    "before soldiers killed *his deputy*", "until *his phone* went dead",
    "until the army showed her *his* body" (the owner of a body).
    """
    return _victims(cue)


def _passive(verb: Any) -> bool:
    """Whether ``verb`` is passive and has no subject of its own ("was found")."""
    kids = [c.dep_ for c in verb.children]
    return "auxpass" in kids and not any(d.startswith("nsubj") for d in kids)


def _subjects(verb: Any, deps: tuple[str, ...]) -> list[Any]:
    """The subjects of ``verb`` (links ``deps``), as the parse gives them.

    But the one a thing's participle speaks of, where the parse took the thing
    for the subject ("Posts claiming *Jane Doe* was dead were shared widely":
    :func:`~geosleuth.read._reports.spoken_of`).
    """
    found = [c for c in verb.children if c.dep_ in deps]
    said = spoken_of(verb) if found else None
    return [said] if said is not None else found


def _victims(cue: Any, depth: int = 0) -> list[Any] | None:
    """The words for who died in the death cue ``cue``; None when the parse is mute."""
    lemma = cue.lemma_.lower()
    kids = list(cue.children)
    subjects = _subjects(cue, ("nsubj", "nsubjpass"))

    def head_subjects() -> list[Any] | None:
        # "has been slain", "is dead": the subject of the verb "be"
        return _subjects(cue.head, ("nsubj", "nsubjpass")) or None

    if lemma == "death" or cue.pos_ == "NOUN":
        owners = [c for c in kids if c.dep_ == "poss"]
        owners += [
            o
            for p in kids
            if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children
            if o.dep_ == "pobj"
        ]
        return owners or None
    if lemma in ("kill", "slay", "bury"):
        objects = [c for c in kids if c.dep_ in ("dobj", "obj")]
        if objects:
            return objects
        passive = _subjects(cue, ("nsubjpass",))
        if passive:
            return passive
        if subjects and not any(c.dep_ == "auxpass" for c in kids):
            return []  # "he killed": the killer, and no one killed is named
        if cue.dep_ in ("acl", "amod"):
            return [cue.head]
        if cue.dep_ in ("acomp", "xcomp", "oprd"):
            return head_subjects()
    elif lemma in ("die", "dead"):
        if subjects:
            return subjects
        if cue.dep_ == "amod":
            return [cue.head]  # "the dead leader"
        if cue.dep_ == "pobj" and cue.head.lower_ == "among":
            # "Salcedo's brother was among the dead": the one among them
            up = cue.head.head
            found = [c for c in up.children if c.dep_ in ("nsubj", "nsubjpass")]
            return found or None
        if cue.dep_ in ("acomp", "attr"):
            return head_subjects()
        set_off = set_off_participle(cue.head) if cue.dep_ == "oprd" else None
        if set_off is not None:
            # "Rivas, *reported dead* in 2017, said ...": the phrase set off
            # after the name, which the parse took for its verb, describes him
            return [set_off[0]]
        if cue.dep_ == "oprd" and cue.head.dep_ == "acl":
            # "Salcedo's brother, *presumed dead* since 2017, was seen": the one
            # the phrase describes
            return [cue.head.head]
        if cue.dep_ == "oprd":
            # "Jane Doe's brother was found dead": the one found, not the finder
            found = [
                c for c in cue.head.children if c.dep_ in ("nsubjpass", "dobj", "obj")
            ]
            if not found and cue.head.dep_ == "conj" and _passive(cue.head):
                # "Jane Doe's sister, reported missing in 2016, *was found dead*":
                # the parse made the set-off participle the verb, and the one
                # found is its subject
                found = _subjects(cue.head.head, ("nsubj", "nsubjpass"))
            # a pronoun that is not the target's reference says no more than
            # before: "where he was pronounced dead" is read as it always was
            return found if found and any(c.tag_ != "PRP" for c in found) else None
    if depth > 0 and subjects:
        # the first conjunct's subject is the one who dies: "Jane Doe was
        # wounded and later died", "survived a strike but was killed"
        return subjects
    if cue.dep_ == "conj" and depth < 3:  # "was wounded and later died"
        return _victims(cue.head, depth + 1)
    return None
