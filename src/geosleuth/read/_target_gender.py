"""The target's gender as the text tells it, and the speakers and witnesses.

The gender (:func:`target_gender`) rules out the pronouns of the other gender
(:mod:`geosleuth.read._target_pronouns`: "Mrs Doe's car was found. He is in
Denver."). It comes from a title before the target's name ("Mr", "Mrs", "Ms",
"Miss", "Sir", "Lady") or a gendered noun next to it ("Jane Doe, a 45-year-old
woman", "the 45-year-old woman Jane Doe", "his wife, Jane Doe"), if all those agree;
failing those, from the first "he", "him", "his", "she", "her" or "hers" in the text
that would refer to the target by the rule of the person named last and is no
speaker's: not the subject of a reporting verb that stands for another speaker ("A
hiker said he saw Jane Doe near Aspen. *He* said she was hiding in Vail": "she"
tells), nor one after a speaker named or described after the target ("Jane Doe was
seen, a hiker said. *His* account ..."), nor one after a witness who saw the
target, unless the witness is of the other gender ("A hiker who saw Jane Doe said
*he* was sure": the hiker's, maybe); but "him" or "her" as the one a witness saw is
the target's, and tells ("A hiker who saw *her* said he was sure. His car ...": she,
and the car is not hers). With no such cue, or titles and nouns that disagree, the
gender is unknown and both pronouns may be the target's.

The speakers (:func:`_speakers_of`) and the witnesses (:func:`_witnesses_of`,
:func:`_seen_pronouns`) are read from a parse; whom a speaker's "he" or "she" stands
for (:func:`_another_speaks`) serves
:func:`~geosleuth.read.target.find_speaker_pronouns` too.

Part of :mod:`geosleuth.read.target`, which re-exports :func:`target_gender`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Literal

from geosleuth.read._lexicon import PERSON_NOUNS
from geosleuth.read._spans import SpanIndex
from geosleuth.read._target_names import Target, TargetRef
from geosleuth.read._target_pronouns import (
    GENDER_OF,
    _own_and_others,
    _refers_to_target,
)

__all__ = [
    "IS_FEMALE",
    "IS_MALE",
    "_another_speaks",
    "_seen_pronouns",
    "_speakers_of",
    "_speaks_or_falls_ill",
    "_witnesses_of",
    "target_gender",
]

#: Singular nouns for a person beyond :data:`PERSON_NOUNS`: "spokesman", "official".
_PERSON_SUFFIX = re.compile(r"(?:man|woman|person|official|officer)$")


#: Every pronoun of a gender, for telling the target's: "his son", "her car".
_ANY_PRONOUN = re.compile(r"\b(?:he|him|his|she|her|hers)\b", re.IGNORECASE)


#: Titles before a name that tell its gender: "Mr Doe", "Mrs Jane Doe".
_GENDER_TITLE = re.compile(
    r"\b(?:(?P<he>Mr|Sir|Lord)|(?P<she>Mrs|Ms|Miss|Madam|Lady|Dame))\.?\s+"
    r"(?:[A-Z][\w’'‐‑-]*\s+){0,3}$"
)
_MALE = (
    r"man|boy|gentleman|husband|father|son|brother|uncle|nephew|grandfather|"
    r"grandson|widower|(?:business|chair|congress|police|spokes)man"
)
_FEMALE = (
    r"woman|girl|lady|wife|widow|mother|daughter|sister|aunt|niece|"
    r"grandmother|granddaughter|(?:business|chair|congress|police|spokes)woman"
)
#: A gendered noun right before a name: "the 45-year-old woman Jane Doe", "his
#: wife, Jane Doe".
_NOUN_BEFORE = re.compile(
    rf"\b(?i:(?P<he>{_MALE})|(?P<she>{_FEMALE})),?\s+(?:[A-Z][\w’'‐‑-]*\s+){{0,3}}$"
)
#: A gendered noun in apposition right after a name: "Jane Doe, a 45-year-old
#: woman", "al-Baghdadi, the father of five".
_NOUN_AFTER = re.compile(
    rf"^,\s+(?i:an?|the)\s+(?:[\w-]+\s+){{0,3}}?"
    rf"(?i:(?P<he>{_MALE})|(?P<she>{_FEMALE}))\b"
)


#: Verbs of a witness who saw the target: "a hiker who *saw* Jane Doe".
_WITNESS_LEMMAS = frozenset(
    {"see", "spot", "sight", "notice", "recognise", "recognize"}
)
IS_MALE = re.compile(rf"(?i:{_MALE})")
IS_FEMALE = re.compile(rf"(?i:{_FEMALE})")


def target_gender(
    text: str,
    refs: list[TargetRef],
    persons: list[tuple[int, int]],
    *,
    target: Target | None = None,
    speakers: Sequence[tuple[int, int]] = (),
    witnesses: Sequence[tuple[int, int, str | None]] = (),
    seen: Sequence[tuple[int, int]] = (),
) -> Literal["he", "she"] | None:
    """The target's gender as the text tells it, or None when it does not.

    Parameters
    ----------
    text : str
        The document text.
    refs : list of TargetRef
        The target's references (names, nisbas, titles).
    persons : list of (int, int)
        Character spans of the people the text names, as for
        :func:`~geosleuth.read._target_pronouns.pronoun_refs`.
    target : Target or None, default None
        The target, as for :func:`~geosleuth.read._target_pronouns.pronoun_refs`.
    speakers : sequence of (int, int), default ()
        Character spans of the subjects of reporting verbs other than the
        target ("*he* said", "*a hiker* told police"). A pronoun among them is
        the speaker's, and so is one after a speaker named or described after
        the target ("Jane Doe was seen, *a hiker* said. *His* dog ..."), or
        after a speaker "he" or "she" of its own gender ("*He* said *his* car
        ..."): none of them tells the target's gender.
    witnesses : sequence of (int, int, str or None), default ()
        The people who saw the target (:func:`_witnesses_of`): from the
        witness's first word to the end of the one seen, and the witness's
        gender when a noun tells it ("a man"). A pronoun after a witness, before
        the target is named again, may be the witness's ("A hiker who saw Jane
        Doe said *he* was sure"), as it may be a speaker's, unless the witness
        is of the other gender: it tells nothing of the target's.
    seen : sequence of (int, int), default ()
        Character spans of "him" and "her" as the one that someone saw ("A hiker
        who saw *her*", "a hiker said he saw *her*": :func:`_seen_pronouns`).
        Such a pronoun that would refer to the target is the target's, whoever
        speaks or saw before it, and tells its gender.

    Returns
    -------
    {"he", "she"} or None
        From the titles ("Mr", "Mrs", "Ms") and gendered nouns ("a 45-year-old
        woman") next to the target's names, when they agree; with none, from the
        first pronoun of the text that would refer to the target and is no
        speaker's. None when nothing tells, or the titles and nouns disagree.

    Examples
    --------
    >>> from geosleuth.read.target import find_target_refs
    >>> t = Target("Jane Doe")
    >>> text = "Mrs Doe left. He is in Denver."
    >>> target_gender(text, find_target_refs(text, t), [])
    'she'
    >>> text = "Jane Doe left her car. He is in Denver."
    >>> target_gender(text, find_target_refs(text, t), [])
    'she'
    >>> text = "Jane Doe left. Tom Fox said she is in Denver."
    >>> target_gender(text, find_target_refs(text, t), [(15, 22)]) is None
    True

    A speaker's own pronoun tells nothing of the target ("He" at 37 is the
    subject of "said"):

    >>> text = "A hiker said he saw Jane Doe in Aspen. He said she is in Vail."
    >>> refs = find_target_refs(text, t)
    >>> target_gender(text, refs, [])
    'he'
    >>> target_gender(text, refs, [], speakers=[(2, 7), (39, 41)])
    'she'

    Nor does a witness's ("he" at 32 may be the hiker's):

    >>> text = "A hiker who saw Jane Doe said he was sure."
    >>> refs = find_target_refs(text, t)
    >>> target_gender(text, refs, [])
    'he'
    >>> target_gender(text, refs, [], witnesses=[(0, 24, None)]) is None
    True

    But the one a witness saw is the target ("her" at 33 is the one seen):

    >>> text = "Jane Doe left. A hiker who saw her said he was sure."
    >>> refs = find_target_refs(text, t)
    >>> target_gender(text, refs, [], speakers=[(17, 22)], witnesses=[(15, 34, None)])
    >>> target_gender(
    ...     text, refs, [], speakers=[(17, 22)], witnesses=[(15, 34, None)],
    ...     seen=[(31, 34)],
    ... )
    'she'
    """
    names = [r for r in refs if r.kind in ("name", "nisba")]
    said: set[str] = set()
    for r in names:
        for m in (
            _GENDER_TITLE.search(text, max(0, r.start - 60), r.start),
            _NOUN_BEFORE.search(text, max(0, r.start - 60), r.start),
            _NOUN_AFTER.search(text[r.end : r.end + 80]),
        ):
            if m is not None:
                said.add("he" if m.group("he") else "she")
    if len(said) == 1:
        return "he" if "he" in said else "she"
    if said:
        return None  # a "Mr Doe" and a "Mrs Doe": the titles disagree
    own, others = _own_and_others(text, refs, persons, target)
    for m in _ANY_PRONOUN.finditer(text):
        gender = GENDER_OF[m.group(0).lower()]
        if m.span() in seen and _refers_to_target(text, m.start(), gender, own, others):
            return "he" if gender == "he" else "she"  # "a hiker who saw her"
        if (
            _refers_to_target(text, m.start(), gender, own, others)
            and not _is_speakers(text, m.start(), gender, own, speakers)
            and not _is_witness(m.start(), gender, own, witnesses)
        ):
            return "he" if gender == "he" else "she"
    return None


def _is_witness(
    at: int,
    gender: str,
    own: list[tuple[int, int]],
    witnesses: Sequence[tuple[int, int, str | None]],
) -> bool:
    """Whether the pronoun of ``gender`` at ``at`` may be a witness's.

    A witness who saw the target, after which the target is not named again
    before the pronoun ("A hiker who saw Jane Doe said *he* ..."; "Jane Doe was
    seen by a hiker. *He* ..."), and who is not of the other gender ("A man who
    saw Jane Doe said *she* ...": she is not the man).
    """
    last_own = max((oe for _, oe in own if oe <= at), default=0)
    return any(
        last_own <= e <= at and (told is None or told == gender)
        for _, e, told in witnesses
    )


def _seen_pronouns(doc: Any) -> list[tuple[int, int]]:
    """Character spans of "him" and "her" as the object of a verb of seeing.

    "A hiker who saw *her*", "a hiker said he spotted *him*": the one seen, in
    the active voice (:data:`_WITNESS_LEMMAS`); not the owner in "saw *her* car".
    """
    return [
        (tok.idx, tok.idx + len(tok.text))
        for tok in doc
        if tok.lower_ in ("him", "her")
        and tok.dep_ in ("dobj", "obj")
        and tok.head.pos_ == "VERB"
        and tok.head.lemma_.lower() in _WITNESS_LEMMAS
    ]


def _is_speakers(
    text: str,
    at: int,
    gender: str,
    own: list[tuple[int, int]],
    speakers: Sequence[tuple[int, int]],
) -> bool:
    """Whether the pronoun of ``gender`` at ``at`` may be a speaker's, not the target's.

    It is a speaker "he" or "she" that stands for another speaker (see
    :func:`_another_speaks`), or follows, after the target's last name, a
    speaker named or described who is not the target, or such a speaker "he" or
    "she" of its own gender.
    """
    last_own = max((oe for _, oe in own if oe <= at), default=0)
    for s, e in speakers:
        if s <= at < e:  # "He said": the pronoun is a speaker
            return _another_speaks(text, s, own, speakers)
        if not (last_own <= s and e <= at) or any(a < e and s < b for a, b in own):
            continue
        word = text[s:e].lower()
        if word not in GENDER_OF:
            return True  # "Jane Doe was seen, a hiker said. His dog ..."
        if GENDER_OF[word] == gender and _another_speaks(text, s, own, speakers):
            return True  # "He said his car ..."
    return False


#: Between a name and its verb: an age, and where the person lives ("Mary
#: Smith*, 54,* died", "Margaret Hill*, 81, of Hanley,* who died"), an
#: apposition or a relative clause ("Peter Ouma*, the county health director,*
#: said", "Dr Amina Yusuf*, who treated cholera patients in Garissa,* said").
_NAME_ASIDE = (
    r"(?:,\s*\d{1,3}(?:,\s*of\s[^,.;:!?\"“”]{1,40})?,)?"
    r"(?:,[^,.;:!?\"“”]{1,100},)?\s+"
)
#: A reporting verb after a name: "Mutahi Kagwe *said*", '"...," Health Minister
#: Susan Nakhumicha *told* reporters'.
_SPEAKS_AFTER = re.compile(
    rf"{_NAME_ASIDE}(?:[a-z]+ly\s+)?(?:(?:has|had|have)\s+)?"
    r"(?:said|says|told|tells|added|adds|announced|stated|explained|warned|"
    r"confirmed|noted|wrote|urged|cautioned|insisted|declared|stressed|"
    r"emphasi[sz]ed|revealed|estimated|acknowledged|admitted)\b"
)
#: A reporting verb before a name, and the speaker's titles between: "..., *said
#: Peter Ouma*", "*according to county health director* Peter Ouma".
_SPEAKS_BEFORE = re.compile(
    r"\b(?:said|says|added|explained|warned|noted|according\s+to)\s+"
    r"(?:(?:the|a|an|(?:Dr|Mr|Mrs|Ms|Prof|Gen|Col|Sen|Rep|Gov)\.|[A-Z][\w’'‐‑-]*|"
    r"county|health|regional|district|deputy|chief|"
    r"senior|public|medical|provincial|state|national|local|officer|minister|"
    r"director|official|spokes(?:man|woman|person)|secretary|doctor|head|"
    r"commissioner|epidemiologist)\s+){0,6}$"
)
#: What befalls a case after its name: "Mary Smith, 54, *died* of cholera",
#: "Margaret Hill, 81, of Hanley, *who died* on Sunday".
_FALLS_ILL_AFTER = re.compile(
    rf"{_NAME_ASIDE}(?:who\s+)?(?:(?:has|had|have|was|is|were)\s+(?:been\s+)?)?"
    r"(?:also\s+|later\s+)?(?:died|succumbed|fell\s+ill|became\s+ill|"
    r"tested\s+positive|admitted|hospitali[sz]ed|infected|killed)\b"
)
#: A case's noun before its name: "*Among the dead was* Hassan Noor", "*the
#: victim,* Mary Smith".
_FALLS_ILL_BEFORE = re.compile(
    r"\b(?i:among\s+(?:the\s+)?(?:dead|victims|deceased|sick|infected|patients)\s+"
    r"(?:was|were|is|are)|victims?,?|patients?,?)\s+"
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?$"
)


def _speaks_or_falls_ill(text: str, start: int, end: int) -> bool:
    """Whether the person named at ``start:end`` is named as a speaker or a case.

    A speaker: the subject of a reporting verb after the name (:data:`_SPEAKS_AFTER`:
    "Mutahi Kagwe said", "Dr Amina Yusuf, who treated cholera patients, said",
    '"...," Health Minister Susan Nakhumicha told reporters'), or named after
    one, with titles between (:data:`_SPEAKS_BEFORE`: "said Peter Ouma",
    "according to county health director Peter Ouma"). A case: the subject of
    "died", "fell ill", "tested positive" (:data:`_FALLS_ILL_AFTER`: "Mary
    Smith, 54, died of cholera"), or named after "among the dead was" or
    "the victim" (:data:`_FALLS_ILL_BEFORE`). Read on the words, without a
    parse: what :func:`~geosleuth.read.target.infer_target` has.

    Examples
    --------
    >>> text = "Cholera has killed 45 people, said Dr Peter Ouma. Ouma is in Siaya."
    >>> [_speaks_or_falls_ill(text, *span) for span in [(38, 48), (50, 54)]]
    [True, False]
    """
    before = text[max(0, start - 120) : start]
    return bool(
        _SPEAKS_AFTER.match(text, end)
        or _FALLS_ILL_AFTER.match(text, end)
        or _SPEAKS_BEFORE.search(before)
        or _FALLS_ILL_BEFORE.search(before)
    )


def _another_speaks(
    text: str,
    at: int,
    own: list[tuple[int, int]],
    speakers: Sequence[tuple[int, int]],
) -> bool:
    """Whether the speaker "he"/"she" at ``at`` stands for a speaker not the target.

    As in :mod:`geosleuth.read.attribution`, it stands for the last speaker
    named or described before it ("A hiker said ... *He* said"); with none, or
    the target, it may be the target ("Jane Doe left. *She* said ...").
    """
    named = [
        (s, e) for s, e in speakers if e <= at and text[s:e].lower() not in GENDER_OF
    ]
    if not named:
        return False
    s, e = named[-1]
    if any(a < e and s < b for a, b in own):
        return False
    # "A hiker said *he* saw Jane Doe. *She* told police ...": the hiker is a he
    theirs = _speaker_gender(text, s, e)
    word = re.match(r"[A-Za-z]+", text[at:])
    mine = GENDER_OF.get(word.group(0).lower()) if word else None
    return theirs is None or mine is None or theirs == mine


#: A speaker's own pronoun right after its reporting verb: "A hiker said *he* saw".
_OWN_PRONOUN = re.compile(
    r"\s+(?:said|says|told\s+\w+|added|explained|claimed|reported|stated)"
    r"\s+(?:that\s+)?(he|she)\b",
    re.IGNORECASE,
)
#: Words of a speaker's phrase that give its gender.
_GENDERED = {
    "man": "he", "boy": "he", "father": "he", "husband": "he", "brother": "he",
    "son": "he", "mr": "he", "woman": "she", "girl": "she", "mother": "she",
    "wife": "she", "sister": "she", "daughter": "she", "mrs": "she", "ms": "she",
}  # fmt: skip


def _speaker_gender(text: str, start: int, end: int) -> str | None:
    """The pronoun ("he", "she") of the speaker at ``start:end``, if the text tells.

    A gendered word of its phrase ("a woman said", "her brother said") or its
    own pronoun after its reporting verb ("A hiker said *he* saw ..."); None
    where neither tells.
    """
    for word in re.findall(r"[A-Za-z]+", text[start:end]):
        if word.lower() in _GENDERED:
            return _GENDERED[word.lower()]
    own = _OWN_PRONOUN.match(text, end)
    return own.group(1).lower() if own else None


def _speakers_of(doc: Any) -> list[tuple[int, int]]:
    """Character spans of the people of ``doc`` who speak.

    A speaker is the subject of a reporting verb in the active voice ("*he*
    said", "*a hiker* told police", "*Jane Doe* added"): "he" or "she", a person
    the tagger names, or a singular noun for a person ("hiker", "witness",
    "spokesman").
    """
    from geosleuth.read.attribution import REPORTING_LEMMAS

    out = []
    for tok in doc:
        if tok.dep_ != "nsubj" or tok.head.lemma_.lower() not in REPORTING_LEMMAS:
            continue
        if any(c.dep_ == "auxpass" for c in tok.head.children):
            continue  # "she is believed to be": no speaker
        lemma = tok.lemma_.lower()
        if (
            tok.lower_ in ("he", "she")
            or tok.ent_type_ == "PERSON"
            or (
                tok.tag_ in ("NN", "NNP")
                and (lemma in PERSON_NOUNS or _PERSON_SUFFIX.search(lemma) is not None)
            )
        ):
            out.append((tok.idx, tok.idx + len(tok.text)))
    return out


def _witnesses_of(
    doc: Any, refs: Sequence[TargetRef]
) -> list[tuple[int, int, str | None]]:
    """The people of ``doc`` who saw the target, and their gender when told.

    The one person who sees the target ("*A hiker* saw Jane Doe", "*a hiker* who
    saw Jane Doe", "Jane Doe was seen by *a hiker*", "*Tom Fox*, who spotted
    her"): a singular noun for a person (a hiker, a man, an official) or a
    person's name, the subject of a verb of seeing (or the noun its relative
    clause describes, or the passive's agent) whose object is the target's
    name, nisba or title, or "him" or "her". Plural witnesses ("residents") are
    no "he" or "she".

    Returns
    -------
    list of (int, int, str or None)
        From the witness's first word to the end of the one seen (of the
        witness, for an agent), with "he" or "she" when the witness's noun tells
        it ("a man", "a woman"), else None.
    """
    own = SpanIndex(
        (r.start, r.end) for r in refs if r.kind in ("name", "nisba", "title")
    )

    def is_target(tok: Any) -> bool:
        return tok.lower_ in ("him", "her") or own.covers(tok.idx)

    out: list[tuple[int, int, str | None]] = []
    for tok in doc:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in _WITNESS_LEMMAS:
            continue
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
            seen = [c for c in tok.children if c.dep_ == "nsubjpass"]
            who = [
                g
                for c in tok.children
                if c.dep_ == "agent"
                for g in c.children
                if g.dep_ == "pobj"
            ]
        else:
            seen = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
            who = [c for c in tok.children if c.dep_ == "nsubj"]
            if tok.dep_ == "relcl" and [w.lower_ for w in who] in (["who"], ["that"]):
                who = [tok.head]  # "a hiker who saw Jane Doe"
        if not any(is_target(t) for t in seen):
            continue
        for w in who:
            lemma = w.lemma_.lower()
            if own.covers(w.idx) or not (
                w.ent_type_ == "PERSON"
                or (
                    w.tag_ in ("NN", "NNP")
                    and (lemma in PERSON_NOUNS or _PERSON_SUFFIX.search(lemma))
                )
            ):
                continue
            told = (
                "he"
                if IS_MALE.fullmatch(w.lower_)
                else "she"
                if IS_FEMALE.fullmatch(w.lower_)
                else None
            )
            ends = [w.idx + len(w.text)] + [t.idx + len(t.text) for t in seen]
            out.append((w.left_edge.idx, max(ends), told))
    return out
