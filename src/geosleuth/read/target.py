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
- the *given name* alone, once the full name has been given ("Destiny Moore, 16,
  ... Her aunt said Destiny may be staying in Philadelphia");
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
=========================================  ========================================
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any, Literal

from geosleuth.read._spans import SpanIndex
from geosleuth.read._target_gender import (
    _another_speaks,
    _seen_pronouns,
    _speaks_or_falls_ill,
    target_gender,
)
from geosleuth.read._target_gender import _speakers_of as _speakers_of
from geosleuth.read._target_gender import _witnesses_of as _witnesses_of
from geosleuth.read._target_names import (
    _ARTICLE,
    _HONORIFICS,
    _WORD,
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
    _GENDER_OF,
    _PRONOUN,
    PRONOUN_REACH,
    _is_direct_object,
    _is_owner,
    _is_plain_subject,
    _kin_reports,
    _own_and_others,
    _pronouns_in_role,
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
        return _others_by_name(text, refs, target)
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
    witnesses = _witnesses_of(doc, refs)
    gender = target_gender(
        text, refs, persons, target=target, speakers=_speakers_of(doc),
        witnesses=witnesses, seen=_seen_pronouns(doc),
    )  # fmt: skip
    kin = _kin_reports(doc, text, refs, persons, target, gender)
    pronouns = pronoun_refs(
        text, refs, persons, lambda s, e: _is_plain_subject(doc, s, e),
        target=target, gender=gender, witnesses=witnesses, kin=kin,
    )  # fmt: skip
    return sorted(refs + pronouns, key=lambda r: r.start)


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
    text : str
        The document text.
    target : Target
        Whom to find.
    refs : sequence of TargetRef
        The target's references (:func:`find_target_refs`).
    doc : spacy.tokens.Doc
        The parse of ``text``: a pronoun is an object where it is the direct
        object of a verb in the parse.
    places : sequence of (int, int), default ()
        As for :func:`find_target_refs`.

    Returns
    -------
    list of TargetRef
        Of kind ``"pronoun"``, by :func:`object_pronoun_refs`, with the target's
        gender as :func:`find_target_refs` reads it.
    """
    persons, gender, witnesses = _people_and_gender(text, target, refs, doc, places)
    return object_pronoun_refs(
        text, list(refs), persons, lambda s, e: _is_direct_object(doc, s, e),
        target=target, gender=gender, witnesses=witnesses,
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
    text : str
        The document text.
    target : Target
        Whom to find.
    refs : sequence of TargetRef
        The target's references (:func:`find_target_refs`).
    doc : spacy.tokens.Doc
        The parse of ``text``.
    places : sequence of (int, int), default ()
        As for :func:`find_target_refs`.

    Returns
    -------
    list of TargetRef
        Of kind ``"pronoun"``, with the target's gender as
        :func:`find_target_refs` reads it; empty where no "he" or "she" speaks.
    """
    speakers = _speakers_of(doc)
    spoken = {(a, b) for a, b in speakers if text[a:b].lower() in ("he", "she")}
    if not spoken:
        return []
    persons, gender, witnesses = _people_and_gender(text, target, refs, doc, places)
    own, _ = _own_and_others(text, list(refs), persons, target)
    found = _pronouns_in_role(
        text, list(refs), persons, _PRONOUN,
        lambda a, b: (a, b) in spoken and not _another_speaks(text, a, own, speakers),
        target=target, gender=gender, witnesses=witnesses,
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
                    and _GENDER_OF[p.text.lower()] != _GENDER_OF[r.text.lower()]
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
    persons, gender, witnesses = _people_and_gender(text, target, refs, doc, places)
    return possessive_pronoun_refs(
        text, list(refs), persons, lambda s, e: _is_owner(doc, s, e),
        target=target, gender=gender, witnesses=witnesses,
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

    The witnesses are those who saw the target (:func:`_witnesses_of`).
    """
    persons = people(doc, places)
    witnesses = _witnesses_of(doc, refs)
    gender = target_gender(
        text, list(refs), persons, target=target, speakers=_speakers_of(doc),
        witnesses=witnesses, seen=_seen_pronouns(doc),
    )  # fmt: skip
    return persons, gender, witnesses


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
    refs.sort(key=lambda r: r.start)
    return refs


#: After a one-word name, what only a place does: "Katwa *has recorded 512
#: cases*", "Beni *339* and Butembo 133" (a count listed after the name).
_COUNTS_AFTER = re.compile(
    r"\s+(?:(?:has|have|had)\s+)?(?:now\s+)?(?:reported|confirmed|recorded|"
    r"registered|logged)\s+(?:(?:at\s+least|more\s+than|over|nearly|about)\s+)?"
    r"\d[\d,]*\s+(?:[\w-]+\s+){0,2}?(?:cases|deaths|infections|patients)\b|"
    r"\s+\d[\d,]*\s*(?:,|;|\band\b|\.)",
    re.IGNORECASE,
)


def _counts_cases(text: str, name: str) -> bool:
    """Whether the one-word ``name`` reports or lists a count of cases in ``text``.

    The tagger calls a town of an outbreak report a PERSON now and then ("Katwa
    has recorded 512 cases, Beni 339 and Butembo 133", "Mandima 71"); a person
    does neither.

    Examples
    --------
    >>> _counts_cases("Katwa has recorded 512 cases, Beni 339.", "Katwa")
    True
    >>> _counts_cases("Smith has recorded 12 songs.", "Smith")
    False
    """
    if len(_WORD.findall(name)) != 1:
        return False
    return any(
        _COUNTS_AFTER.match(text, m.end())
        for m in re.finditer(rf"\b{re.escape(name)}\b", text)
    )


#: After a name, a division's word: its own ("Niassa *province*"), or a list's
#: ("Khanh Hoa, Tien Giang and Ca Mau *provinces*"; not "John Smith, Harris
#: County Sheriff").
_DIVISION_AFTER = re.compile(
    r"\s+(?i:provinces?|county|counties|districts?|regions?|governorates?|"
    r"oblasts?|prefectures?)\b"
    r"|(?:\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
    r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3})+"
    r"\s+(?i:provinces|counties|districts|regions|governorates|oblasts|"
    r"prefectures)\b"
)
#: After a name, what makes it a disease's: "Legionnaires' *disease*",
#: "Parkinson's *disease*".
_DISEASE_AFTER = re.compile(
    r"(?:['’]s?)?\s+(?i:disease|syndrome|virus|fever|bacteri(?:a|um)|palsy|"
    r"encephalitis|sarcoma)\b"
)


def _no_persons(text: str, doc: Any, mentions: Sequence[Any]) -> set[str]:
    """The PERSON entities of ``doc`` that the text shows to be no person.

    - a town of a list of counts with a place in it ("Siaya (12) and *Homa
      Bay* (7)", "*Timis* (204), Iasi (188)": :func:`_count_lists`);
    - a name followed by a division's word ("*Niassa* province is the worst
      affected", "*Khanh Hoa*, *Tien Giang* and Ca Mau provinces");
    - a disease named after someone, wherever the name is written
      ("Legionnaires' disease").
    """
    # imported here: geosleuth.read.cases imports this module (via _sentence)
    from geosleuth.read.cases import _count_lists

    places = [
        (m.start, m.end)
        for m in mentions
        if m.role in ("place", "metonym") and m.name is not None
    ]
    listed = [
        run
        for run in _count_lists(text)
        if any(a < t and s < b for a, b in run for s, t in places)
    ]
    out: set[str] = set()
    in_lists = SpanIndex(span for run in listed for span in run)
    disease: dict[str, bool] = {}  # by name: each name's uses are looked up once
    for e in doc.ents:
        if e.label_ != "PERSON":
            continue
        s, t = e.start_char, e.end_char
        if in_lists.holds(s, t):
            out.add(e.text)  # a town of a list of counts
        elif _DIVISION_AFTER.match(text, t):
            out.add(e.text)  # "Niassa province"
        else:
            if e.text not in disease:
                uses = list(re.finditer(rf"(?<!\w){re.escape(e.text)}(?!\w)", text))
                disease[e.text] = bool(uses) and all(
                    _DISEASE_AFTER.match(text, m.end()) for m in uses
                )
            if disease[e.text]:
                out.add(e.text)  # "Legionnaires' disease"
    return out


def _reads_as_outbreak(text: str) -> bool:
    """Whether ``text`` reads as an outbreak report: a disease and case counts.

    It names a disease or an outbreak, as :func:`~geosleuth.read.cases.find_cases`
    asks of a report it reads, and gives a count of cases or of people ill or
    dead ("45 cholera cases", "killed 14 people") or a list of counts ("Garissa
    (145), Wajir (62)").
    """
    # imported here: geosleuth.read.cases imports this module (via _sentence)
    from geosleuth.read.cases import _COUNT, _DISEASE, _SHARE, _count_lists

    return _DISEASE.search(text) is not None and (
        _COUNT.search(text) is not None
        or _SHARE.search(text) is not None
        or bool(_count_lists(text))
    )


def _only_speaks_or_falls_ill(text: str, doc: Any, key: str) -> bool:
    """Whether every mention of the name of surname ``key`` is a speaker or a case.

    Each capitalised word of that key (the words :func:`infer_target` counts),
    with the PERSON entity it is in, is named as a speaker or as one who fell
    ill or died (:func:`~geosleuth.read._target_gender._speaks_or_falls_ill`).
    """
    ents = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    found = False
    for m in _WORD.finditer(text):
        if not m.group(0)[:1].isupper() or name_key(m.group(0)) != key:
            continue
        found = True
        start, end = next(((a, b) for a, b in ents if a <= m.start() < b), m.span())
        if not _speaks_or_falls_ill(text, start, end):
            return False
    return found


def infer_target(
    text: str, *, doc: Any = None, mentions: Sequence[Any] = ()
) -> Target | None:
    """The person named most often in ``text``, or None when no person is named.

    The count of a PERSON entity is the number of words in the whole text that
    share its surname key, so "al-Baghdadi", "Baghdadi" and "al-Bagdadi" add up even
    where the tagger calls some of them organisations.

    The tagger calls a place a PERSON now and then ("Hajin", "Sioux Falls"), so
    a name used as a place more often than as a person's is no candidate:

    - by the tagger: more entities GPE, LOC or FAC than PERSON share its key;
    - or by the ``mentions`` too: the mentions of places (role "place" or
      "metonym", resolved to a place whose name has that word, or a street or
      park the gazetteer does not hold) count as places, and the PERSON
      entities that none of them overlaps as persons; unless the name is
      written in full with a given name, outside any such mention ("Mayor Ryan
      Bingham": the village of Bingham in the gazetteer is not that person);
    - or by what follows it, even written in full: a town of a list of
      counts with a place in it ("Kisumu (45), Siaya (12) and Homa Bay (7)"),
      a name before a division's word ("Niassa province"), a disease
      ("Legionnaires' disease") (:func:`_no_persons`).

    In a text that reads as an outbreak report (it names a disease or an
    outbreak and gives case counts: :func:`_reads_as_outbreak`), a person
    named only as a speaker ("Health Minister Mutahi Kagwe said 45 cholera
    cases ...", "..., according to county health director Peter Ouma", '"...,"
    Health Minister Susan Nakhumicha told reporters') or only as a case ("Mary
    Smith, 54, died of cholera", "Among the dead was Hassan Noor") is no one
    sought: the report's speakers and its victims are no candidates, so that
    it is read for its case counts (:mod:`geosleuth.read.cases`). A person
    named otherwise too ("Jane Doe, a nurse ..., has been missing since
    Monday") is a candidate, as in any text.

    Parameters
    ----------
    text : str
        The text.
    doc : spacy.tokens.Doc or None, default None
        ``text`` with its entities; without one, no person is found.
    mentions : sequence of Mention, default ()
        The place names found in ``text``
        (:func:`~geosleuth.read.toponyms.find_toponyms`).

    Returns
    -------
    Target or None
        With ``inferred=True``.

    Examples
    --------
    >>> infer_target("No names here.") is None
    True
    """
    if doc is None:
        return None

    def key_of(name: str) -> str:
        words = _WORD.findall(name)
        return name_key(words[-1]) if words else ""

    persons = [
        e.text
        for e in doc.ents
        if e.label_ == "PERSON"
        and key_of(e.text)
        # "Homa Bay 7" of "Siaya 12 and Homa Bay 7": a count, no one's name
        and not any(ch.isdigit() for ch in e.text)
    ]
    if not persons:
        return None
    counts = Counter(name_key(w) for w in _WORD.findall(text) if w[:1].isupper())
    places = {  # mentions of places, by span: their key
        (m.start, m.end): key_of(m.text)
        for m in mentions
        if m.role in ("place", "metonym")
        and (m.name is None or key_of(m.text) in map(name_key, _WORD.findall(m.name)))
    }
    tagged = Counter(
        (e.label_ == "PERSON", key_of(e.text))
        for e in doc.ents
        if e.label_ in ("PERSON", "GPE", "LOC", "FAC")
    )
    as_place = Counter(places.values())
    as_person: Counter[str] = Counter()
    in_full: set[str] = set()  # keys of names written in full, as a person's
    where = SpanIndex(places)
    for e in doc.ents:
        span, key = (e.start_char, e.end_char), key_of(e.text)
        if e.label_ in ("GPE", "LOC", "FAC") and span not in places:
            as_place[key] += 1
        elif e.label_ == "PERSON" and not where.overlaps(*span):
            as_person[key] += 1
        if (
            e.label_ == "PERSON"
            and len(_WORD.findall(e.text)) > 1
            and not where.holds(*span)
        ):
            in_full.add(key)
    best: tuple[int, int, str] | None = None
    towns = _no_persons(text, doc, mentions)
    outbreak = _reads_as_outbreak(text)
    for p in persons:
        key = key_of(p)
        if p in towns:
            continue  # "Homa Bay (7)", "Niassa province", "Legionnaires' disease"
        if outbreak and _only_speaks_or_falls_ill(text, doc, key):
            continue  # "Health Minister Mutahi Kagwe said 45 cholera cases ..."
        if tagged[False, key] > tagged[True, key] or (
            as_place[key] > as_person[key] and key not in in_full
        ):
            continue  # a place the tagger took for a person
        if key not in in_full and _counts_cases(text, p):
            continue  # "Katwa has recorded 512 cases, Beni 339": a town
        score = (counts.get(key, 0), len(_WORD.findall(p)), p)
        if best is None or score > best:
            best = score
    if best is None or best[0] == 0:
        return None
    name = re.sub(r"(?:['’]s|['’])$", "", best[2]).strip()
    longest = max(
        (p for p in persons if key_of(p) == key_of(name)), key=len, default=name
    )
    return Target(re.sub(r"(?:['’]s|['’])$", "", longest).strip(), inferred=True)
