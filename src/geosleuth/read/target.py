"""The person a report is about: references to the target, and inference.

The target is named by the user (``"Abu Bakr al-Baghdadi"``) or inferred as the
person the text names most often (:func:`infer_target`). Its references in text are
found on a loose key of the surname (:func:`name_key`), so transliterations match:
"al-Baghdadi", "Baghdadi", "al-Bagdadi", "Al-Baghdadi’s" all refer to the target.
More kinds of reference are found:

- the *bare nisba*: "Baghdadi" means "of Baghdad", and reports drop the final
  ``-i``. "Baghdad" is the target only where a person is meant — the subject of
  "is alive", "was killed", "hides", "said" — and the city everywhere else;
- *titles*: where the text writes "ISIS leader al-Baghdadi", "the ISIS leader"
  and "the organization leader" refer to the target (singular, with "the" or the
  group's name), and "the ISIS leaders" / "the leaders of the organization" to
  the group's leaders, of whom the target is one;
- *descriptions*: in a report that names the target as a suspect, "the
  suspect", and "the 45-year-old" where 45 is the target's age as the text
  gives it with the name, or no one else's in a suspect's report that gives
  none (:func:`_described_refs`: "Armed police are searching for Darren
  Whitlock ... The 45-year-old has links to Workington");
- the *given name* alone, once the full name has been given ("Destiny Moore, 16,
  ... Her aunt said Destiny may be staying in Philadelphia"); and written before
  the surname, it is part of the name, never a place ("*Sydney* Hamilton":
  :func:`_with_given_names`);
- *pronouns*: "he" or "she" as the subject of a clause
  (:func:`find_target_refs`), "him" or "her" as the direct object of a verb
  (:func:`find_object_pronouns`), "his" or "her" as the owner of a noun
  (:func:`find_possessive_pronouns`), and "he" or "she" as the speaker
  (:func:`find_speaker_pronouns`), where the person named last before it is the
  target, by the rule of :mod:`geosleuth.read._target_pronouns`, and of the
  target's gender when the text tells it (:func:`target_gender`,
  :mod:`geosleuth.read._target_gender`).

A person who shares the target's surname but has another given name ("Jane
Doe's mother, Mary Doe") is someone else: with a parse, that surname is no
reference to the target, whether the entity recogniser finds the person or the
given name is one known (:func:`~geosleuth.read._target_names._another_given_name`:
it calls "Ana Barrientos Lugo" an organisation); nor is the name of a disease
named after someone ("Parkinson's disease", "Legionnaires' disease").

A name of given names and two surnames ("Rodrigo Barrientos Lugo") is found by
its first surname, the father's, alone or not ("Barrientos", "Rodrigo
Barrientos", "R. Barrientos Lugo"), and by its last word alone, as any name is,
but in a text that calls the target by the first surname alone, the Spanish
way: there "Lugo" alone is someone else (his mother, Ana Lugo) or a place. A
reference takes in the surname after it ("Barrientos Lugo"), the head of the
name in the parse ("Lugo was killed"), and so does a reference to a target of one
surname in a longer form of its name ("Rodrigo Barrientos Lugo" for "Rodrigo
Barrientos": :func:`~geosleuth.read._target_names._surname_extension`); but a
longer form with another second surname than the text gave the target, a name
in apposition to a relative of the target's ("His father, Rodrigo Barrientos
Pérez", "Rodrigo Barrientos Lugo, his cousin") and a name with a suffix the
target lacks ("Rodrigo Barrientos Senior") are someone else
(:func:`~geosleuth.read._target_names._others_by_name`). A surname alone after a
preposition of place ("spotted in Lima", "flew to Toledo") where the text names
a place is the place, not the target "Carlos García Lima" or "Jorge Luis Toledo".

This module applies those rules to a text and its parse, and re-exports the names
of the modules that hold them:

=========================================  ========================================
module                                     what it holds
=========================================  ========================================
:mod:`geosleuth.read._target_names`        :class:`Target`, :class:`TargetRef`,
                                           :func:`name_key`, :func:`same_person`
:mod:`geosleuth.read._target_pronouns`     the rule of the person named last:
                                           :func:`pronoun_refs` and its kin
:mod:`geosleuth.read._target_gender`       :func:`target_gender`, the speakers
                                           and the witnesses
:mod:`geosleuth.read._target_infer`        :func:`infer_target`, the person a
                                           report names most, never a place
=========================================  ========================================
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, Literal

from geosleuth.read._spans import SpanIndex
from geosleuth.read._target_gender import (
    _another_speaks,
    _seen_pronouns,
    target_gender,
)
from geosleuth.read._target_gender import _speakers_of as _speakers_of
from geosleuth.read._target_gender import _witnesses_of as _witnesses_of
from geosleuth.read._target_infer import _DISEASE_AFTER, infer_target
from geosleuth.read._target_names import (
    _ARTICLE,
    _HONORIFICS,
    _WORD,
    _WORD_BEFORE,
    Target,
    TargetRef,
    _another_given_name,
    _extends_surname,
    _others_by_name,
    _surname_extension,
    name_key,
    same_person,
)
from geosleuth.read._target_names import _names_another as _names_another
from geosleuth.read._target_pronouns import (
    GENDER_OF,
    PRONOUN_REACH,
    _is_direct_object,
    _is_owner,
    _is_plain_subject,
    _kin_reports,
    _own_spans,
    object_pronoun_refs,
    possessive_pronoun_refs,
)
from geosleuth.read._target_pronouns import _kin_pairs as _kin_pairs
from geosleuth.read._target_pronouns import pronoun_refs as pronoun_refs

__all__ = [
    "PRONOUN_REACH",
    "Target",
    "TargetRef",
    "find_target_refs",
    "find_object_pronouns",
    "find_possessive_pronouns",
    "find_speaker_pronouns",
    "infer_target",
    "name_key",
    "object_pronoun_refs",
    "possessive_pronoun_refs",
    "same_person",
    "target_gender",
]

_PERSON_PREDICATES = frozenset(
    {
        "alive", "dead", "kill", "killed", "die", "died", "wound", "wounded",
        "injure", "injured", "hide", "hid", "hiding", "hidden", "see", "seen",
        "say", "said", "think", "believe", "capture", "captured", "arrest",
        "arrested", "bear", "born", "live", "sick", "ill", "flee", "fled",
        "proclaim", "appear",
    }
)  # fmt: skip
_TITLE_NOUNS = r"(?:leader|chief|emir|head|caliph|founder|commander|boss)"
#: A preposition of place just before a word: "spotted *in* Lima", "flew *to* Lima".
_PLACE_PREPOSITION = re.compile(r"\b(?i:in|near|at|to|from|outside|around)[ \t]+$")


#: A closing quotation mark: '"Doe has ministered in Atlanta*,"* he wrote'.
_QUOTE_END = re.compile(r"[\"”]")


def _is_person_use(doc: Any, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` is used as a person in the parse."""
    if doc is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok = span.root
    if tok.dep_ not in ("nsubj", "nsubjpass", "poss"):
        return False
    head = tok.head
    words = {head.lemma_.lower(), head.text.lower()}
    words |= {
        c.lemma_.lower()
        for c in head.children
        if c.dep_ in ("acomp", "attr", "xcomp", "oprd")
    }
    if tok.dep_ == "poss":
        words = {head.lemma_.lower()}
        return bool(words & {"death", "killing", "capture", "whereabouts", "arrest"})
    return bool(words & _PERSON_PREDICATES)


def find_target_refs(
    text: str,
    target: Target,
    *,
    doc: Any = None,
    places: Sequence[tuple[int, int]] = (),
) -> list[TargetRef]:
    """Find the references to ``target`` in ``text``.

    Parameters
    ----------
    text : str
        The document text.
    target : Target
        Whom to find.
    doc : spacy.tokens.Doc or None, default None
        The parse of ``text``; without it the bare nisba is never taken for the
        person, and no pronoun is.
    places : sequence of (int, int), default ()
        Character spans read as places: a PERSON entity there ("Boulder") is no
        person that a pronoun could refer to.

    Returns
    -------
    list of TargetRef
        In order of appearance.

    Examples
    --------
    >>> t = Target("Abu Bakr al-Baghdadi")
    >>> text = "ISIS leader al-Baghdadi hid. The ISIS leaders fled; the leader stayed."
    >>> [(r.text, r.kind) for r in find_target_refs(text, t)]
    [('al-Baghdadi', 'name'), ('The ISIS leaders', 'leaders'), ('the leader', 'title')]
    """
    refs = _find_refs(text, target, lambda s, e: _is_person_use(doc, s, e))
    # "spotted in Lima" for Carlos García Lima: the town, not the target
    where = SpanIndex(places)
    refs = [
        r
        for r in refs
        if not (
            r.kind == "name"
            and len(_WORD.findall(r.text)) == 1
            and _PLACE_PREPOSITION.search(text, max(0, r.start - 12), r.start)
            and where.overlaps(r.start, r.end)
        )
    ]
    if doc is None:
        return _with_given_names(
            text, _others_by_name(text, refs, target), target, where
        )
    persons = people(doc, places)
    namesakes = [p for p in persons if _names_another(text, p, target)]
    # "Ana Barrientos Lugo", which the tagger may call no person at all
    for r in refs:
        if r.kind == "name":
            given = _another_given_name(text, r.start, target)
            if given is not None:
                namesakes.append((given, r.end))
    refs = [
        r
        for r in refs
        if r.kind != "name" or not any(s < r.end and r.start < e for s, e in namesakes)
    ]
    # "His father, Rodrigo Barrientos Pérez", "Rodrigo Barrientos Senior"
    refs = _others_by_name(text, refs, target, persons)
    refs = sorted(
        refs + _given_name_refs(doc, text, target, refs, persons),
        key=lambda r: r.start,
    )
    gender, witnesses = _gender_and_witnesses(text, target, refs, doc, persons)
    kin = _kin_reports(doc, text, refs, persons, target, gender)
    pronouns = pronoun_refs(
        text, refs, persons, lambda s, e: _is_plain_subject(doc, s, e),
        target=target, gender=gender, witnesses=witnesses, kin=kin,
    )  # fmt: skip
    refs = _with_given_names(text, refs, target, where)
    return sorted(refs + pronouns, key=lambda r: r.start)


def _with_given_names(
    text: str, refs: list[TargetRef], target: Target, places: SpanIndex
) -> list[TargetRef]:
    """``refs``, each name taking in the target's given names written before it.

    Every word of the target's full name is the name: "*Sydney* Hamilton" for
    the target Sydney Hamilton is no town of Nova Scotia, as "Hamilton" is no
    town of Ontario there. Only where a given name just before a reference by
    name is read as a place (in ``places``), which is all it changes.

    Examples
    --------
    >>> text = "Police believe Sydney Hamilton crossed the border."
    >>> refs = find_target_refs(text, Target("Sydney Hamilton"), places=[(15, 21)])
    >>> [r.text for r in refs]
    ['Sydney Hamilton']
    """
    given = target.given_keys
    if not given:
        return refs
    out = []
    for r in refs:
        start = r.start
        if r.kind == "name":
            while (w := _WORD_BEFORE.search(text, max(0, start - 40), start)) and (
                name_key(w.group(1)) in given and not w.group(2)
            ):
                start = w.start(1)
        if start < r.start and places.overlaps(start, r.start):
            r = TargetRef(start, r.end, text[start : r.end], "name")
        out.append(r)
    return out


def _given_name_refs(
    doc: Any,
    text: str,
    target: Target,
    refs: Sequence[TargetRef],
    persons: Sequence[tuple[int, int]],
) -> list[TargetRef]:
    """The target's given name used alone, once the full name has been given.

    Reports of missing children and of people known to the writer use the given
    name ("Destiny Moore, 16, ... Her aunt said Destiny may be staying in
    Philadelphia"). A word is such a reference when it is the first word of a
    target of at least two words (not an honorific, an article or a particle such
    as "Abu"), comes after the full name, stands alone as a PERSON entity (or a
    proper noun in none), and no other person of the text bears that given name
    with another surname ("Destiny Moore" and "Destiny Hall": neither). A given
    name that is also a town ("Mason", "Austin") may be tagged as an entity of
    another kind; alone in it, it is the name where it is used as a person
    (:func:`_acts_as_person`, or before a parse :func:`_opens_a_clause`: "Mason
    was found at 7:15 a.m. Sunday", "Mason told deputies"), and stays a place
    elsewhere ("drove to Mason").
    """
    words = _WORD.findall(target.name)
    if len(words) < 2 or not refs:
        return []
    given = words[0]
    key = name_key(given)
    if (
        len(key) < 3
        or given.lower().rstrip(".") in _HONORIFICS
        or key in ("abu", "ibn", "bin", "umm", "abd")
        or not given[:1].isupper()
    ):
        return []
    surname = target.surname_key
    # the full name: the given name just before a reference by name
    full = [
        r.start
        for r in refs
        if r.kind == "name"
        and (
            len(_WORD.findall(r.text)) >= 2
            or re.search(
                rf"\b{re.escape(given)}\s+$", text[max(0, r.start - 40) : r.start]
            )
        )
    ]
    if not full:
        return []
    first_full = min(full)
    for s, e in persons:
        words = list(_WORD.finditer(text, s, e))
        if (
            len(words) >= 2
            and name_key(words[0].group(0)) == key
            and name_key(words[-1].group(0)) not in target.family_keys
            # "Rodrigo Barrientos Lugo" for "Rodrigo Barrientos": the target,
            # unless it was read as someone else ("His father, Rodrigo
            # Barrientos Pérez")
            and not (
                _extends_surname(text, words[-1].start(), target)
                and any(r.start < e and s < r.end for r in refs if r.kind == "name")
            )
        ):
            return []  # another person of that given name
    for m in re.finditer(rf"\b{re.escape(given)}\s+((?-i:[A-Z])[\w'’-]+)", text):
        if name_key(m.group(1)) != surname:
            return []  # "Destiny Clarke", whatever the tagger made of it
    taken = SpanIndex((r.start, r.end) for r in refs)
    out = []
    for tok in doc:
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if (
            tok.idx <= first_full
            or name_key(tok.text) != key
            or tok.text[:1] != given[:1]
            or taken.covers(tok.idx)
            or (nxt is not None and nxt.text[:1].isupper() and nxt.pos_ == "PROPN")
        ):
            continue  # not the given name alone ("Destiny Moore", "Destiny Hall")
        # the entity the word is in, from the word itself (looking it up among
        # doc.ents for each word made a long text's reading quadratic)
        in_ent = tok.ent_iob_ in ("B", "I")
        one_word = tok.ent_iob_ == "B" and (nxt is None or nxt.ent_iob_ != "I")
        alone = (
            one_word
            and (
                tok.ent_type_ == "PERSON"
                or _acts_as_person(tok)
                or _opens_a_clause(text, tok, nxt)
            )
            if in_ent
            else tok.pos_ == "PROPN"
        )
        if alone or (not in_ent and _opens_a_clause(text, tok, nxt)):
            out.append(TargetRef(tok.idx, tok.idx + len(tok.text), tok.text, "name"))
    return out


#: Verbs (lemmas) of which a given name tagged as a place or an organisation
#: is the person when it is their subject: "Mason was found", "Mason said".
_PERSON_SUBJECT_LEMMAS = frozenset(
    {"find", "locate", "rescue", "see", "spot", "sight", "say", "tell", "vanish",
     "disappear", "wander", "walk", "leave", "flee", "hide", "die", "kill",
     "arrest", "reunite", "miss"}
)  # fmt: skip


def _acts_as_person(tok: Any) -> bool:
    """Whether the given name ``tok`` is the subject of what a person does.

    "*Mason* was found at 7:15 a.m. Sunday", "*Mason* told deputies", "*Mason*
    was last seen": the subject (or passive subject) of a verb of
    :data:`_PERSON_SUBJECT_LEMMAS`, or of "is alive" or "is missing"; not
    "Mason was hit by the storm", nor a name after a preposition ("drove to
    Mason").
    """
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    head = tok.head
    if head.lemma_.lower() in _PERSON_SUBJECT_LEMMAS:
        return True
    return any(
        c.dep_ in ("acomp", "attr") and c.lower_ in ("alive", "missing", "safe")
        for c in head.children
    )


#: Verbs after a sentence's first word that only a person does: "Destiny told
#: police", "Destiny vanished". Not "died" or "is alive" ("Hope died in Hebden
#: Bridge", "Faith is alive and well in Moab": a given name that is also a word
#: may be that word).
_PERSON_VERBS = frozenset(
    {"told", "tells", "said", "says", "texted", "called", "phoned", "vanished",
     "disappeared", "went", "walked", "ran", "fled", "left", "wrote", "posted",
     "messaged", "spoke", "drove", "hitchhiked", "boarded", "emailed"}
)  # fmt: skip
#: After "was"/"is"/"has been": "Destiny was seen", "Destiny was last seen",
#: "Mason was found".
_SEEN_AFTER = frozenset(
    {"seen", "spotted", "last", "reported", "sighted", "found", "located", "rescued"}
)
_SENTENCE_OPENS = re.compile(r"(?:^|[.!?][\"”’')]?\s+|\n\s*)$")


def _opens_a_clause(text: str, tok: Any, nxt: Any) -> bool:
    """Whether ``tok`` opens a sentence as a person doing something.

    At a sentence's start the tagger takes a given name that is also a word
    ("Destiny was seen in Camden") for a common noun, and the entity
    recogniser for no person. Followed by a verb only a person does ("told",
    "vanished"; :data:`_PERSON_VERBS`) or by "was seen", "was last seen" or
    "was found", it is the name; "Hope died", "Hope was in short supply" and
    "Faith is alive and well" are not read as the target.
    """
    if nxt is None or not nxt.text[:1].islower():
        return False
    if not _SENTENCE_OPENS.search(text, 0, tok.idx):
        return False
    if nxt.lower_ in _PERSON_VERBS:
        return True
    if nxt.lower_ not in ("was", "is", "has", "had"):
        return False
    after = re.match(r"\s*(?:been\s+)?([a-z]+)", text[nxt.idx + len(nxt.text) :])
    return after is not None and after.group(1) in _SEEN_AFTER


def people(doc: Any, places: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Character spans of the PERSON entities of ``doc`` that are not ``places``."""
    where = SpanIndex(places)
    return [
        (e.start_char, e.end_char)
        for e in doc.ents
        if e.label_ == "PERSON" and not where.overlaps(e.start_char, e.end_char)
    ]


def find_object_pronouns(
    text: str,
    target: Target,
    refs: Sequence[TargetRef],
    *,
    doc: Any,
    places: Sequence[tuple[int, int]] = (),
) -> list[TargetRef]:
    """The "him"/"her" of ``text`` that are direct objects and refer to the target.

    Parameters
    ----------
    text, target, places
        As for :func:`find_target_refs`.
    refs : sequence of TargetRef
        The target's references (:func:`find_target_refs`).
    doc : spacy.tokens.Doc
        The parse of ``text``: a pronoun is an object where it is the direct
        object of a verb in the parse.

    Returns
    -------
    list of TargetRef
        Of kind ``"pronoun"``, by :func:`object_pronoun_refs`, with the target's
        gender as :func:`find_target_refs` reads it.
    """
    return _in_role(
        object_pronoun_refs, text, target, refs, doc, places,
        lambda s, e: _is_direct_object(doc, s, e),
    )  # fmt: skip


def _in_role(
    rule: Callable[..., list[TargetRef]],
    text: str,
    target: Target,
    refs: Sequence[TargetRef],
    doc: Any,
    places: Sequence[tuple[int, int]],
    in_role: Callable[[int, int], bool],
) -> list[TargetRef]:
    """The target's pronouns in a role (``in_role``), by the pronoun ``rule``.

    What :func:`find_object_pronouns`, :func:`find_speaker_pronouns` and
    :func:`find_possessive_pronouns` share: the ``rule``
    (:func:`object_pronoun_refs`, :func:`pronoun_refs` or
    :func:`possessive_pronoun_refs`) with the people of the parse, the target's
    gender and the witnesses (:func:`_people_and_gender`).
    """
    persons, gender, witnesses = _people_and_gender(text, target, refs, doc, places)
    return rule(
        text, list(refs), persons, in_role, target=target, gender=gender,
        witnesses=witnesses,
    )  # fmt: skip


def find_speaker_pronouns(
    text: str,
    target: Target,
    refs: Sequence[TargetRef],
    *,
    doc: Any,
    places: Sequence[tuple[int, int]] = (),
) -> list[TargetRef]:
    """The "he"/"she" of ``text`` that speak and refer to the target.

    As :func:`find_object_pronouns`, for the subject of a reporting verb in the
    active voice ("Jane Doe is missing. *She* told police she was heading to
    Denver"), which :func:`find_target_refs` leaves out: the speaker is no one
    the statement is about. One that stands for another speaker named before it
    ("A hiker said he saw Jane Doe. *He* said ...": :func:`_another_speaks`) is
    that speaker, not the target, and so is one whose words call the target by
    name or by the other gender's pronoun ('"Bishop Paulk has ministered in
    Atlanta," *he* wrote', "Jane Doe was seen by a hiker. *He* said she is
    hiding in Vail").

    Parameters
    ----------
    text, target, refs, places
        As for :func:`find_object_pronouns`.
    doc : spacy.tokens.Doc
        The parse of ``text``.

    Returns
    -------
    list of TargetRef
        Of kind ``"pronoun"``, by :func:`pronoun_refs`, with the target's gender
        as :func:`find_target_refs` reads it; empty where no "he" or "she" speaks.
    """
    speakers = _speakers_of(doc)
    spoken = {(a, b) for a, b in speakers if text[a:b].lower() in ("he", "she")}
    if not spoken:
        return []
    own = _own_spans(refs)
    found = _in_role(
        pronoun_refs, text, target, refs, doc, places,
        lambda a, b: (a, b) in spoken and not _another_speaks(text, a, own, speakers),
    )  # fmt: skip

    def speaks_of_target(r: TargetRef) -> bool:
        # "Jane Doe was seen by a hiker. *He* said she is hiding in Vail", '"Bishop
        # Paulk has ministered in Atlanta," *he* wrote': what the speaker says
        # calls the target by name, or by the other gender's pronoun
        words = doc.char_span(r.start, r.end, alignment_mode="expand")
        if words is None or len(words) != 1:
            return False
        said = words[0].head
        a = said.left_edge.idx
        b = said.right_edge.idx + len(said.right_edge.text)
        return any(
            a <= p.start < b
            and p.start != r.start
            # before the speaker, only within a quotation: "Jane Doe left home;
            # she told police ..." may be parsed as what she told
            and (p.start > r.start or _QUOTE_END.search(text, p.end, r.start))
            and (
                p.kind in ("name", "nisba", "title")
                or (
                    p.kind == "pronoun"
                    and GENDER_OF[p.text.lower()] != GENDER_OF[r.text.lower()]
                )
            )
            for p in refs
        )

    return [r for r in found if not speaks_of_target(r)]


def find_possessive_pronouns(
    text: str,
    target: Target,
    refs: Sequence[TargetRef],
    *,
    doc: Any,
    places: Sequence[tuple[int, int]] = (),
) -> list[TargetRef]:
    """The "his"/"her" of ``text`` that own a noun and refer to the target.

    As :func:`find_object_pronouns`, for a pronoun that the parse makes the owner
    of a noun ("*her* car", "*his* backpack"), by
    :func:`possessive_pronoun_refs`.
    """
    return _in_role(
        possessive_pronoun_refs, text, target, refs, doc, places,
        lambda s, e: _is_owner(doc, s, e),
    )  # fmt: skip


def _people_and_gender(
    text: str,
    target: Target,
    refs: Sequence[TargetRef],
    doc: Any,
    places: Sequence[tuple[int, int]],
) -> tuple[
    list[tuple[int, int]],
    Literal["he", "she"] | None,
    list[tuple[int, int, str | None]],
]:
    """The people of the parse, the target's gender as the text gives it, witnesses.

    The people are those not in ``places`` (:func:`people`); the gender and the
    witnesses as :func:`_gender_and_witnesses` has them.
    """
    persons = people(doc, places)
    return persons, *_gender_and_witnesses(text, target, refs, doc, persons)


def _gender_and_witnesses(
    text: str,
    target: Target,
    refs: Sequence[TargetRef],
    doc: Any,
    persons: list[tuple[int, int]],
) -> tuple[Literal["he", "she"] | None, list[tuple[int, int, str | None]]]:
    """The target's gender as the text gives it (:func:`target_gender`), witnesses.

    The witnesses are those who saw the target (:func:`_witnesses_of`).
    """
    witnesses = _witnesses_of(doc, refs)
    gender = target_gender(
        text, list(refs), persons, target=target, speakers=_speakers_of(doc),
        witnesses=witnesses, seen=_seen_pronouns(doc),
    )  # fmt: skip
    return gender, witnesses


def _find_refs(
    text: str, target: Target, person_use: Callable[[int, int], bool]
) -> list[TargetRef]:
    """:func:`find_target_refs`; ``person_use(s, e)`` judges a bare nisba.

    A bare nisba at ``s:e`` ("Baghdad is alive") is taken for the person where
    ``person_use(s, e)`` is true.
    """
    refs: list[TargetRef] = []
    key, nisba = target.surname_key, target.nisba_key
    if not key:
        return refs
    # the surnames: the family name, and a second (maternal) one alone, as the
    # last word of the name always was, but in a text that calls the target by
    # the first surname alone (Spanish usage), in which "Lugo" alone is someone
    # else (his mother, Ana Lugo) or a place
    keys = target.family_keys
    second = target.second_surname_key
    paternal_alone = False
    groups: set[str] = set()
    taken = 0  # the end of the last reference: a surname after it is part of it
    for m in _WORD.finditer(text):
        word = m.group(0)
        if m.start() < taken or not _ARTICLE.sub("", word)[:1].isupper():
            continue
        k = name_key(word)
        s, e = m.span()
        e -= len(re.search(r"(?:['’]s|['’])?$", word).group(0))  # type: ignore[union-attr]
        if k in keys and _DISEASE_AFTER.match(text, e):
            continue  # "Parkinson's disease": a disease, not the person
        if k in keys:
            if k == key:
                # "Barrientos Lugo": one reference, up to the name's last word
                longer = _surname_extension(text, s, e, target)
                paternal_alone = paternal_alone or longer is None
                e = longer or e
                taken = e
            refs.append(TargetRef(s, e, text[s:e], "name"))
            title = re.search(
                rf"\b([A-Z][\w-]*)\s+{_TITLE_NOUNS}\s+(?:[A-Z]\w+\s+){{0,3}}$",
                text[max(0, s - 60) : s],
            )
            if title is not None:
                groups.add(title.group(1))
        elif nisba is not None and k == nisba and person_use(s, e):
            refs.append(TargetRef(s, e, text[s:e], "nisba"))
    org = r"(?:organi[sz]ation|group|" + "|".join(re.escape(g) for g in groups) + ")"
    if groups:
        titles = re.compile(
            rf"\b[Tt]he\s+(?:{org}(?:['’]s)?\s+)?{_TITLE_NOUNS}\b(?!s|\s+(?:al-)?[A-Z])"
            rf"|\b[Tt]he\s+(?:{org}\s+)?{_TITLE_NOUNS}s\b(?:\s+of\s+the\s+{org})?"
            rf"|\b(?:[Tt]he|[Mm]any|[Ss]ome|[Mm]ost)\s+(?:of\s+the\s+)?{_TITLE_NOUNS}s"
            rf"\s+of\s+the\s+{org}\b"
            rf"|\b(?:[Tt]he\s+)?(?:{'|'.join(re.escape(g) for g in groups)})\s+"
            rf"{_TITLE_NOUNS}s?\b(?!\s+(?:al-)?[A-Z])"
        )
        for m in titles.finditer(text):
            s, e = m.span()
            if any(r.start < e and s < r.end for r in refs):
                continue
            plural = re.search(rf"{_TITLE_NOUNS}s\b", m.group(0)) is not None
            refs.append(TargetRef(s, e, m.group(0), "leaders" if plural else "title"))
    if paternal_alone and second is not None and second != key:
        refs = [r for r in refs if r.kind != "name" or name_key(r.text) != second]
    refs += _described_refs(text, refs)
    refs.sort(key=lambda r: r.start)
    return refs


#: "The suspect", "the alleged suspect"; not "the suspects", "the suspect's".
_THE_SUSPECT = re.compile(
    r"\b[Tt]he\s+(?:(?:alleged|male|female|armed|wanted)\s+)?suspect\b(?![s’'-])"
)
#: "The 45-year-old", "the 45-year-old man".
_THE_AGED = re.compile(
    r"\b[Tt]he\s+(?P<age>\d{1,3})-year-old(?:\s+(?:man|woman|suspect))?(?![\w-])"
)
#: Near the target's name, that the target is suspected or wanted: "*fugitive*
#: Darren Whitlock", "Whitlock, 45, *is wanted*", "*suspected of* the murder".
_SUSPICION = re.compile(
    r"\b(?:suspect(?:ed)?\s+(?:of|in)|(?:is|was|are|were|been|being)\s+"
    r"(?:(?!not\b|never\b)\w+\s+)?(?:wanted|accused|charged|suspected|sought)|"
    r"fugitive|escapee|escaped\s+(?:from\s+)?(?:custody|prison|jail|a\s+prison)|"
    r"manhunt|on\s+the\s+run|at\s+large)\b",
    re.IGNORECASE,
)
#: Just before the target's name, a search for that person: "Armed police are
#: *searching for* Darren Whitlock".
_SEARCH_FOR = re.compile(
    r"\b(?:search(?:ing|ed|es)?|hunt(?:ing|ed)?|manhunt|look(?:ing|ed)?)\s+for\s+$",
    re.IGNORECASE,
)
#: Words that make the person sought a missing one, or a victim, not a suspect.
_MISSING = re.compile(
    r"\b(?:missing|disappear\w*|vanish\w*|abduct\w*|kidnap\w*|lost|runaway)\b",
    re.IGNORECASE,
)
#: Another suspect: plural ones, one arrested, one named ("the suspect, John
#: Smith", "suspect John Smith").
_OTHER_SUSPECT = re.compile(
    r"\bsuspects\b"
    r"|\b(?:arrested|detained|charged)\s+(?:a|one|another|a\s+second)\s+suspect\b"
    r"|\b(?:a|another|second)\s+suspect\s+(?:was|has\s+been|is)\s+(?:arrested|"
    r"detained|in\s+custody|charged)"
    r"|\bsuspect\s*,?\s+(?P<name>(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+){0,2})",
    re.IGNORECASE,
)
#: An age with a name: "Karen Ellis*, 41,*".
_AGE_AFTER = re.compile(r"\s*,\s*(\d{1,3})\s*,")
#: A name with an age after it, anyone's: "Karen Ellis, 41,".
_NAMED_AGE = re.compile(r"(?-i:[A-Z])[\w’'-]+\s*,\s*(\d{1,3})\s*,")
#: An age before a name, or someone of that age introduced: "*45-year-old*
#: Darren Whitlock", "*a 45-year-old* man was arrested".
_AGE_BEFORE = re.compile(r"(\d{1,3})-year-old\s+(?:[a-z]+\s+){0,2}$")
_AN_AGED = re.compile(r"\b[Aa]n?\s+(\d{1,3})-year-old\b")
#: The start of the sentence that holds a point, and its end.
_SENTENCE_END = re.compile(r"[.!?][\"”’')]*(?:\s+|$)")


def _described_refs(text: str, refs: Sequence[TargetRef]) -> list[TargetRef]:
    """Where "the suspect" and "the N-year-old" describe the target.

    In a report whose target is named as a suspect (:func:`_a_suspect`), "the
    suspect" refers to the target, as "he" does ("Armed police are searching
    for Darren Whitlock ... The suspect is believed to have left Penrith"),
    unless the text speaks of other suspects (plural ones, one arrested, one
    named: :data:`_OTHER_SUSPECT`). "The N-year-old" refers to the target
    where N is the target's age as the text gives it with the name ("Darren
    Whitlock, 45,", "45-year-old Darren Whitlock"), or, in a suspect's report
    that gives no age of the target's, where no one else is given that age
    ("Karen Ellis, 41," is not "the 45-year-old", nor is "a 45-year-old man"
    who was arrested). Both are references of kind "title".

    Examples
    --------
    >>> text = ("Police are searching for Darren Whitlock after a stabbing. "
    ...         "The suspect left Penrith. The victim, Karen Ellis, 41, is stable. "
    ...         "The 45-year-old has links to Workington.")
    >>> refs = _find_refs(text, Target("Darren Whitlock"), lambda s, e: False)
    >>> [(r.text, r.kind) for r in refs]
    [('Whitlock', 'name'), ('The suspect', 'title'), ('The 45-year-old', 'title')]
    """
    names = [r for r in refs if r.kind == "name"]
    if not names:
        return []
    first = names[0].start
    own: set[str] = set()  # the target's ages, as the text gives them
    for r in names:
        after = _AGE_AFTER.match(text, r.end)
        before = _AGE_BEFORE.search(text, max(0, r.start - 60), _name_start(text, r))
        own |= {m.group(1) for m in (after, before) if m is not None}
    others = {
        m.group(1)
        for m in (*_NAMED_AGE.finditer(text), *_AN_AGED.finditer(text))
        if not any(r.start <= m.start(1) <= r.end + 4 for r in names)
        and not any(0 <= r.start - m.end() <= 40 for r in names)
    } - own
    suspect = _a_suspect(text, names)
    out = []
    if suspect and not _other_suspects(text, names):
        out += [
            TargetRef(m.start(), m.end(), m.group(0), "title")
            for m in _THE_SUSPECT.finditer(text)
            if m.start() > first
        ]
    for m in _THE_AGED.finditer(text):
        age = m.group("age")
        if m.start() > first and (age in own if own else suspect and age not in others):
            out.append(TargetRef(m.start(), m.end(), m.group(0), "title"))
    taken = SpanIndex((r.start, r.end) for r in refs)
    return [r for r in out if not taken.overlaps(r.start, r.end)]


def _name_start(text: str, ref: TargetRef) -> int:
    """Where the name of ``ref`` begins, given names included ("Darren Whitlock")."""
    start = ref.start
    while True:
        w = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if w is None or not w.group(1)[:1].isupper():
            return start
        start = w.start(1)


def _a_suspect(text: str, names: Sequence[TargetRef]) -> bool:
    """Whether the text names the target as a suspect, not a missing person.

    A word of suspicion near the target's name, in its sentence
    (:data:`_SUSPICION`: "fugitive Darren Whitlock", "Whitlock, who escaped"),
    or a search for the target ("police are searching for Darren Whitlock");
    and no word of the text makes the person sought a missing one or a victim
    ("missing", "abducted": :data:`_MISSING`).
    """
    if _MISSING.search(text):
        return False
    for r in names:
        lo = max(0, r.start - 60)
        ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, r.start)]
        lo = max([lo, *ends])
        hi = min(len(text), r.end + 80)
        end = _SENTENCE_END.search(text, r.end, hi)
        hi = end.start() if end is not None else hi
        if _SUSPICION.search(text, lo, hi) or _SEARCH_FOR.search(
            text, max(0, r.start - 80), _name_start(text, r)
        ):
            return True
    return False


def _other_suspects(text: str, names: Sequence[TargetRef]) -> bool:
    """Whether the text speaks of a suspect who may not be the target.

    Plural suspects, a suspect arrested, or a suspect named who is not the
    target ("the suspect, John Smith"): :data:`_OTHER_SUSPECT`.
    """
    for m in _OTHER_SUSPECT.finditer(text):
        if m.group("name") is None:
            return True
        if not any(r.start < m.end("name") and m.start("name") < r.end for r in names):
            return True
    return False
