"""Whose life or death a sentence tells of, and what the next sentence takes back.

Helpers of :mod:`geosleuth.read.life` that read a claim of life or death beyond
the target's name in its own clause:

- a recording that shows the target by pronoun ("But a video released by the
  group's media arm on 2 March *shows him addressing fighters*": the object
  pronoun of a verb of showing whose subject is the recording, when the rule of
  the person named last, :mod:`geosleuth.read._target_pronouns`, makes "him"
  the target): :func:`shown_by_recording`; not one that shows the target dead
  ("shows him dead", "shows his body");
- a recording in which someone else speaks ("Jalmaani's wife *said in a video*
  released by her lawyer that ..."): the speaker's word, not a recording of the
  target (:func:`spoken_in`);
- the target as its spouse, partner or lawyer calls it ("*The wife of* Mundi
  Jalmaani said that *her husband* was alive", "*Salcedo's lawyer* said *her
  client* was alive and well": :func:`called_by_kin`; not a parent's "son",
  who may be the target's brother), and as the group that the target leads
  calls it ("The jihadist group *led by* Hamadou Ag Alher said that *its
  commander* had been killed": :func:`leader_of_speakers`);
- the target's spouse or lawyer in touch with it ("she had spoken to him by
  phone on Sept. 27": :func:`contact_with_target`);
- what a sentence states beside a statement of life, which does not hedge it
  ("..., contradicting a military claim that ...": :func:`other_statements`);
- a statement taken back by the sentence after it ("The defence ministry had
  said on Monday that Salcedo was killed in the clash. *On Wednesday it said that
  statement was wrong*": :func:`taken_back_next`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from geosleuth.read.attribution import REPORTING_LEMMAS
from geosleuth.read.target import TargetRef

__all__ = [
    "SEEMS_GENUINE",
    "called_by_kin",
    "contact_with_target",
    "leader_of_speakers",
    "other_statements",
    "shown_by_recording",
    "spoken_in",
    "taken_back_next",
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

#: Verbs by which a recording shows someone: "a video ... *shows* him".
_SHOWING = frozenset({"show", "feature", "depict", "capture", "portray", "picture"})
#: Words by which what a recording shows is a death: "shows him dead", "shows
#: him being executed".
_DEATH_WORDS = frozenset(
    {"dead", "killed", "died", "dying", "lifeless", "corpse", "body", "slain",
     "executed", "murdered", "funeral", "burial", "buried", "coffin"}
)  # fmt: skip
_RELATIVE = frozenset({"that", "which"})


def shown_by_recording(cue: Any, objects: Sequence[TargetRef]) -> TargetRef | None:
    """The object pronoun among ``objects`` that the recording ``cue`` shows alive.

    ``cue`` is the recording's word in the parse ("video"); ``objects`` are the
    object pronouns that refer to the target
    (:func:`~geosleuth.read.target.find_object_pronouns`). The pronoun is the
    object of a verb of showing (:data:`_SHOWING`), or the subject of what
    completes it ("shows *him* addressing fighters", "shows *him* alive"),
    whose subject is the recording ("a video ... shows", "a video that shows")
    or which describes it ("a video showing him"). Not negated ("does not show
    him"), and not a death shown ("shows him dead", "shows him being
    executed"). None if there is none.
    """
    video = _noun_of(cue)
    for ref in objects:
        tok = next((t for t in cue.sent if t.idx == ref.start), None)
        if tok is None:
            continue
        if tok.dep_ in ("dobj", "obj"):
            verb = tok.head
        elif tok.dep_ == "nsubj" and tok.head.dep_ in ("ccomp", "xcomp", "oprd"):
            verb = tok.head.head
        else:
            continue
        if verb.lemma_.lower() not in _SHOWING or _negated(verb):
            continue
        shown = [t for t in verb.subtree if t.i > tok.i]
        if any(t.lower_ in _DEATH_WORDS for t in shown):
            continue  # "shows him dead": no proof of life
        if _by_recording(verb, video):
            return ref
    return None


def _by_recording(verb: Any, video: Any) -> bool:
    """Whether the recording ``video`` shows by ``verb`` (its subject, or described)."""
    if verb.dep_ in ("acl", "relcl") and verb.head.i == video.i:
        # "a video showing him", "a video that shows him"
        return verb.dep_ == "acl" or any(
            c.dep_ == "nsubj" and c.lower_ in _RELATIVE for c in verb.children
        )
    return any(c.dep_ == "nsubj" and c.i == video.i for c in verb.children)


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
#: "husband", the lawyer's "client". Not a parent's "son" nor a sibling's
#: "brother": a mother's son may be the target's brother.
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
    "lawyer": _CLIENT,
    "attorney": _CLIENT,
    "counsel": _CLIENT,
    "solicitor": _CLIENT,
    "barrister": _CLIENT,
    "advocate": _CLIENT,
}
_POSSESSIVES = frozenset({"his", "her", "their", "our", "my"})


def _reporting_subject(tok: Any) -> Any | None:
    """The subject of the reporting verb whose clause holds ``tok``, or None."""
    for verb in tok.ancestors:
        if verb.pos_ == "VERB" and verb.lemma_.lower() in REPORTING_LEMMAS:
            return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return None


def _owned_by_target(noun: Any, refs: Sequence[TargetRef]) -> bool:
    """Whether ``noun`` is the target's: "Salcedo's lawyer", "the wife of Jalmaani"."""
    for c in noun.children:
        if c.dep_ == "poss" and _overlaps_ref(c, refs):
            return True
        if (
            c.dep_ == "prep"
            and c.lower_ in ("of", "for")
            and any(g.dep_ == "pobj" and _overlaps_ref(g, refs) for g in c.children)
        ):
            return True
    return False


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
    """
    if not any(c.dep_ == "poss" and c.lower_ in _POSSESSIVES for c in who.children):
        return None
    speaker = _reporting_subject(who)
    if speaker is None:
        return None
    for noun in (speaker, *(c for c in speaker.children if c.dep_ == "appos")):
        called = _CALLED.get(noun.lemma_.lower(), frozenset())
        if who.lemma_.lower() in called and _owned_by_target(noun, refs):
            return str(noun.lemma_.lower())
    return None


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
    target. Not anyone's word ("Lewis said he talked to Roy"): a conversation
    in the news is no claim about a missing person's life. ``negated`` is True
    for "had not heard from him". None if the sentence says no such thing.
    """
    for verb in sent:
        preps = _CONTACT.get(verb.lemma_.lower())
        if preps is None or verb.pos_ != "VERB" or not _kin_speaker(verb, refs):
            continue
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            for one in (g for g in prep.children if g.dep_ == "pobj"):
                if (
                    _overlaps_ref(one, refs)
                    or _spoke_to_other(verb, one)
                    or called_by_kin(one, refs) is not None
                ):
                    words = f"{verb.text} {prep.text} {_phrase_of(one)}"
                    return verb, words, _negated(verb)
    return None


def _phrase_of(tok: Any) -> str:
    return str(tok.doc.text[tok.left_edge.idx : tok.idx + len(tok.text)])


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
    speaker = _reporting_subject(tok)
    if speaker is None:
        return False
    return any(
        noun.lemma_.lower() in _CALLED and _owned_by_target(noun, refs)
        for noun in (speaker, *(c for c in speaker.children if c.dep_ == "appos"))
    )


#: What a group calls its leader: "its commander", "their leader".
_LEADERS = frozenset(
    {"commander", "leader", "chief", "head", "emir", "founder", "boss", "chieftain"}
)  # fmt: skip
#: Verbs by which the target leads a group: "the group *led* by Ag Alher".
_LEADING = frozenset({"lead", "head", "command", "found", "run"})


def leader_of_speakers(who: Any, refs: Sequence[TargetRef]) -> bool:
    """Whether ``who`` ("its commander") is the target, as the group it leads says.

    ``who`` is a leader's noun (:data:`_LEADERS`) owned by "its" or "their", with
    no other words ("its deputy commander", "its commander in Gao, Abu Talha"
    are others), in the clause of a reporting verb whose subject is a group
    that the target leads: "The jihadist group *led by Hamadou Ag Alher* said
    that its commander had been killed", "Ag Alher's group said ...".
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
    if group is None:
        return False
    if any(c.dep_ == "poss" and _overlaps_ref(c, refs) for c in group.children):
        return True
    return any(
        _overlaps_ref(pobj, refs)
        for acl in group.children
        if acl.dep_ in ("acl", "relcl") and acl.lemma_.lower() in _LEADING
        for agent in acl.children
        if agent.dep_ == "agent"
        for pobj in agent.children
        if pobj.dep_ == "pobj"
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


# -- a statement taken back in the next sentence ---------------------------------

#: A noun by which a sentence refers back to the statement before it, after a
#: word that makes it the one just made: "*that statement*", "*the report*", "*its
#: claim*", "the ministry's *earlier statement*".
_STATEMENT = (
    r"(?:that|the|this|these|those|its|their|[\w-]+['’]s)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|report|claim|announcement|account|assertion|information|news|"
    r"communiqu[eé])s?"
)
#: What calls it untrue: "was wrong", "was premature", "was not true".
_UNTRUE_PREDICATE = (
    r"(?:was|were|is|are|had\s+been|has\s+been|turned\s+out\s+to\s+be|"
    r"proved|proven\s+to\s+be)\s+(?:\w+ly\s+|later\s+|since\s+)?"
    r"(?:wrong|false|untrue|incorrect|inaccurate|mistaken|erroneous|premature|"
    r"unfounded|baseless|groundless|in\s+error|not\s+(?:true|correct|accurate))"
)
#: Verbs that take it back: "retracted the claim", "withdrew its statement".
_TAKING_BACK = (
    r"(?:retract(?:ed|s)?|withdr(?:ew|aws)|rescind(?:ed|s)?|correct(?:ed|s)|"
    r"den(?:ied|ies)|took\s+back)"
)
#: A negation just before the verb: "did not retract", "has never withdrawn".
_NOT_BEFORE = re.compile(r"(?:\bnot|n['’]t|\bnever|\brefused\s+to)\s+(?:\w+\s+)?$")
_TAKEN_BACK = re.compile(
    # "that statement was wrong" (not "was wrong about the time", "wrong to say")
    rf"\b{_STATEMENT}\s+{_UNTRUE_PREDICATE}\b(?!\s+(?:about|on|to|in)\b)"
    # "later retracted the claim" (not "denied the report that she fled")
    rf"|\b{_TAKING_BACK}\s+{_STATEMENT}\b(?!\s+(?:that|of|about)\b)"
    # "admitted it had been wrong" (not "wrong to raid the house")
    r"|\b(?:admitted|acknowledged|conceded)\s+(?:that\s+)?(?:it|they|he|she|we)\s+"
    r"(?:had\s+been|was|were|has\s+been)\s+(?:wrong|mistaken|in\s+error)\b"
    r"(?!\s+(?:about|on|to|in)\b)",
    re.IGNORECASE,
)
#: The end of the next sentence: end punctuation before a space or the text's end.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*(?=\s|$)")


def taken_back_next(text: str, end: int) -> str | None:
    """The words of the sentence after offset ``end`` that take back the one before.

    "The defence ministry had said on Monday that Salcedo was killed in the
    clash. *On Wednesday it said that statement was wrong*: ...": a statement
    referred back to ("that statement", "the report", "its claim", not "the
    report that she fled") is called untrue ("was wrong", "was premature", "was
    not true", "turned out to be false") or taken back ("retracted the claim",
    "withdrew its statement", "took back the report"), or its speaker owns an
    error ("admitted it had been wrong"); not after a negation ("did not retract
    the claim"). The next sentence is read in words, for it is often not parsed
    (:mod:`geosleuth.read.document` parses only the sentences that may give
    evidence). None when it says none of these.

    Examples
    --------
    >>> t = "The army said Doe was killed. It later retracted the claim."
    >>> taken_back_next(t, 29)
    'retracted the claim'
    >>> taken_back_next("Doe was killed. It did not retract the claim.", 15)
    >>> taken_back_next("He was killed. The report that she fled was false.", 14)
    """
    start = len(text) - len(text[end:].lstrip())
    stop = _SENTENCE_END.search(text, start)
    sentence = text[start : stop.end() if stop else len(text)]
    for m in _TAKEN_BACK.finditer(sentence):
        if _NOT_BEFORE.search(sentence[: m.start()]) is None:
            return m.group(0)
    return None
