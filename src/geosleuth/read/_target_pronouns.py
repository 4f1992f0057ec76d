"""Pronouns that refer to the target: the rule of the person named last.

"He" or "she" as the subject of a clause refers to the target when the person named
last before it, within :data:`PRONOUN_REACH` characters, is the target ("Police said
Jane Doe was last seen in Estes Park. Rangers believe she is in the park.":
:func:`pronoun_refs`). A pronoun of the same gender names that person again, so
the reach runs on from it: "Her car was found ... found no trace of her. Her body
was found ..." is the target's throughout a report that names her once
(:func:`_within_reach`). A pronoun that is the subject of a reporting verb ("she
said") is the speaker's, and one after another person's name is that person's, or
after a relative of its gender ("al-Baghdadi's wife was arrested. She ..."), but for
the subject of what the target's relative of the target's gender says ("Jane Doe
was spotted in Leeds, and *her sister says she* is in York": the target;
:func:`_kin_reports`), and for a relative's noun that heads an apposition to the
target, or to such a relative, for it describes them ("Joseph Mwangi, *a father of
three*, has been missing. Police said *he* ...": the target; "her sister, *a mother
of three*, says she ..."), and for a relative of the target's who only told of the
target, before a pronoun of a later sentence ("Sydney Hamilton was reported missing
*by her sister*. *Her* car was found ...", "*Her sister said* it was raining. *She*
was seen in Fort Erie": the target; :func:`_only_told`), where that pronoun owns a
thing, or what is said of it is the missing one's ("She may be in Fort Erie, police
said", "She was staying at a hostel": :func:`_of_the_missing`), but not what a
relative does for the search ("She flew to Fort Erie to help with the search" is
the sister: no one's). A "he" or "she" after another person of the target's
circle, neither kin nor named ("*One of his lieutenants* was killed, and *he* was
buried", "*a man* who worked for him"), in that person's sentence, is not the
target's (:func:`_associate_between`), but where what it does fits no such
person ("His deputy was arrested, but he remains at large": the target;
:func:`_may_be_associate`). A relative whose phrase holds
the target's name is named after it ("*The wife of* Jalmaani said *her* husband
...": the wife), and the spouse of the target's spouse is the target, named again
("Jalmaani's wife said *her husband* was alive. The military said *he* was
killed": :func:`_spouse_again`). The speaker of a quote, named right after or before it,
is not whom a "he" or "she" inside it refers to, for a speaker says "I" of
himself ("... according to Colonel Diarran Kone. '*Our intelligence indicates
that he left the Ansongo sector*,' Kone said": the target; :func:`_speaks_quote`).
When the text tells the target's gender, a pronoun of
the other gender is not the target's ("Mrs Doe's car was found. He is in Denver.");
how the text tells it is in :mod:`geosleuth.read._target_gender`. When it does not,
both pronouns may be the target's, but one of a witness's own gender after the
witness ("A man who saw Jane Doe was questioned. *His* car ...") is the witness's.

"Him" or "her" as the direct object of a verb ("Residents saw *her* in Vail") refers
to the target by the same rule (:func:`object_pronoun_refs`); these are kept apart
from the other references, for the sightings in the active voice
(:mod:`geosleuth.read.sightings`) that use them ("her" in "saw her car" is the
car's owner, no object). "His" or "her" as the owner of a noun ("*her* car was
found") refers to the target by the same rule too (:func:`possessive_pronoun_refs`),
for the traces (:mod:`geosleuth.read.traces`).

The rule works on the text and character spans; the role of a pronoun in a parse is
given to it as a predicate (:func:`_is_plain_subject`, :func:`_is_direct_object`,
:func:`_is_owner`). :mod:`geosleuth.read.target` applies it to a parse
(:func:`~geosleuth.read.target.find_target_refs`,
:func:`~geosleuth.read.target.find_object_pronouns`,
:func:`~geosleuth.read.target.find_possessive_pronouns`,
:func:`~geosleuth.read.target.find_speaker_pronouns`) and re-exports the public
names.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Collection, Sequence
from typing import Any, Literal

from geosleuth.read._spans import SpanIndex
from geosleuth.read._target_names import Target, TargetRef, _names_another

__all__ = [
    "GENDER_OF",
    "_PRONOUN",
    "PRONOUN_REACH",
    "_is_direct_object",
    "_is_owner",
    "_is_plain_subject",
    "_kin_pairs",
    "_kin_reports",
    "_own_and_others",
    "_own_spans",
    "_pronouns_in_role",
    "_refers_to_target",
    "object_pronoun_refs",
    "possessive_pronoun_refs",
    "pronoun_refs",
]

_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
#: The object pronouns: "residents saw *her* in Vail".
_OBJECT_PRONOUN = re.compile(r"\b(?:[Hh]im|[Hh]er)\b")
#: The possessive pronouns: "*her* car was found in Aspen".
_POSSESSIVE_PRONOUN = re.compile(r"\b(?:[Hh]is|[Hh]er)\b")


GENDER_OF = dict.fromkeys(("he", "him", "his"), "he") | dict.fromkeys(
    ("she", "her", "hers"), "she"
)


#: How far (characters) a pronoun may be from the name it refers back to.
PRONOUN_REACH = 400
#: Relatives of each gender: "he" or "she" after one refers to them, not the target.
_RELATIVES = {
    "he": re.compile(
        r"\b(?:husband|father|son|stepson|brother|uncle|nephew|boyfriend|fianc[eé]|"
        r"grandfather|grandson|stepfather|father-in-law|brother-in-law)s?\b",
        re.IGNORECASE,
    ),
    "she": re.compile(
        r"\b(?:wife|wives|widow|mother|daughter|stepdaughter|sister|aunt|niece|"
        r"girlfriend|fianc[eé]e|grandmother|granddaughter|stepmother|"
        r"mother-in-law|sister-in-law)s?\b",
        re.IGNORECASE,
    ),
}


#: The end of a sentence and the start of the next: "... called police. He"; not
#: the point of a title or an initial ("Mr. Fox", "U.S. Army").
_SENTENCE_BREAK = re.compile(
    r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\b[A-Z])"
    r"[.!?][\"'”’)]*\s+[\"'“‘(]*[A-Z]"
)


def _is_plain_subject(doc: Any, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` is a subject, but not of a reporting verb.

    The passive subject of one is what is said, not who says it: "*She* is
    thought to have travelled to Mosul".
    """
    from geosleuth.read.attribution import REPORTING_LEMMAS

    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    return tok.dep_ == "nsubjpass" or (
        tok.dep_ == "nsubj" and tok.head.lemma_.lower() not in REPORTING_LEMMAS
    )


def _kin_reports(
    doc: Any,
    text: str,
    refs: Sequence[TargetRef],
    persons: list[tuple[int, int]],
    target: Target,
    gender: Literal["he", "she"] | None,
) -> set[tuple[int, int]]:
    """The target's relatives who speak of the target, and the pronoun they use.

    A relative of the target's gender, of the target's ("*her* sister", "Jane
    Doe's mother"), as the subject of a reporting verb whose clause has "he" or
    "she" of that gender as its subject: "her sister says *she* is in York",
    "his father told police *he* had gone to Denver". A speaker is rarely the
    one of whom its own clause speaks, where the article is about another
    person of that gender; so the pronoun is the target's, though the relative
    is named between (:func:`_refers_to_target`). Only where the text tells the
    target's gender: "Jane Doe's sister says she ..." of a target of unknown
    gender may be the sister.

    Returns
    -------
    set of (int, int)
        (start of the relative's word, start of the pronoun), in characters.
    """
    from geosleuth.read.attribution import REPORTING_LEMMAS

    if gender is None:
        return set()
    own, others = _own_and_others(text, list(refs), persons, target)
    out: set[tuple[int, int]] = set()
    for tok in doc:
        verb = tok.head
        if (
            tok.dep_ != "nsubj"
            or verb.lemma_.lower() not in REPORTING_LEMMAS
            or _RELATIVES[gender].fullmatch(tok.text) is None
        ):
            continue
        # "her sister", "Jane Doe's sister", "the sister of Jane Doe"
        owners = [c for c in tok.children if c.dep_ == "poss"] + [
            g
            for p in tok.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for g in p.children
            if g.dep_ == "pobj"
        ]
        if not any(
            any(a <= o.idx < b for a, b in own)
            or (
                GENDER_OF.get(o.lower_) == gender
                and _refers_to_target(text, o.idx, gender, own, others)
            )
            for o in owners
        ):
            continue  # "a sister", "Tom Fox's sister": not the target's
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            out.update(
                (tok.idx, c.idx)
                for c in clause.children
                if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == gender
            )
    return out


def _kin_pairs(text: str, sentences: Sequence[tuple[int, int]]) -> set[tuple[int, int]]:
    """Each relative with each "he" or "she" of its gender after it in its sentence.

    The pairs that :func:`_kin_reports` may find, for a reader that has no parse
    yet and must tell which sentences need one ("Her sister says *she* is in
    York").
    """
    out: set[tuple[int, int]] = set()
    for a, b in sentences:
        for gender, relatives in _RELATIVES.items():
            for rel in relatives.finditer(text, a, b):
                out.update(
                    (rel.start(), m.start())
                    for m in _PRONOUN.finditer(text, rel.end(), b)
                    if GENDER_OF[m.group(0).lower()] == gender
                )
    return out


def pronoun_refs(
    text: str,
    refs: list[TargetRef],
    persons: list[tuple[int, int]],
    is_subject: Callable[[int, int], bool],
    *,
    target: Target | None = None,
    gender: Literal["he", "she"] | None = None,
    witnesses: Sequence[tuple[int, int, str | None]] = (),
    kin: Collection[tuple[int, int]] = (),
) -> list[TargetRef]:
    """The "he"/"she" of ``text`` that refer to the target.

    Parameters
    ----------
    text : str
        The document text.
    refs : list of TargetRef
        The target's other references (names, nisbas, titles).
    persons : list of (int, int)
        Character spans of the people the text names (PERSON entities); those
        that overlap a reference to the target are the target.
    is_subject : callable (start, end) -> bool
        Whether the pronoun at ``start:end`` is a subject that may be the target
        (not the subject of a reporting verb).
    target : Target or None, default None
        The target: a person in ``persons`` who shares a reference's words but
        :func:`_names_another` is another person.
    gender : {"he", "she"} or None, default None
        The target's gender, if known
        (:func:`~geosleuth.read._target_gender.target_gender`): a pronoun of the
        other gender is not the target's.
    witnesses : sequence of (int, int, str or None), default ()
        The people who saw the target, as for
        :func:`~geosleuth.read._target_gender.target_gender`. When the
        target's gender is not known, a pronoun of a witness's own gender after
        the witness in its sentence, before the target is named again ("A man
        who saw Jane Doe said *his* car ..."), is the witness's.
    kin : collection of (int, int), default ()
        (start of a relative's word, start of a pronoun): the relative speaks
        of the target by that pronoun ("her sister says *she* is in York",
        :func:`_kin_reports`), so is not whom it refers to.

    Returns
    -------
    list of TargetRef
        Of kind ``"pronoun"``: those whose last person named before them, within
        :data:`PRONOUN_REACH` characters, is the target, with no relative of the
        pronoun's gender ("his son", "her mother") named in between but one in
        ``kin``, and of the target's gender when it is known.

    Examples
    --------
    >>> from geosleuth.read.target import find_target_refs
    >>> t = Target("Jane Doe")
    >>> text = "Jane Doe left. She is in Denver. Tom Fox said he is in Aspen."
    >>> refs = find_target_refs(text, t)
    >>> found = pronoun_refs(text, refs, [(33, 40)], lambda s, e: True)
    >>> [(r.text, r.start) for r in found]
    [('She', 15)]
    >>> pronoun_refs(text, refs, [(33, 40)], lambda s, e: True, gender="he")
    []

    A relative of the pronoun's gender between is whom it refers to, unless the
    relative speaks of the target by it:

    >>> text = "Jane Doe left. Her sister says she is in York."
    >>> refs = find_target_refs(text, t)
    >>> pronoun_refs(text, refs, [], lambda s, e: True)
    []
    >>> kin = [(text.index("sister"), text.index("she"))]
    >>> [r.start for r in pronoun_refs(text, refs, [], lambda s, e: True, kin=kin)]
    [31]
    """
    return _pronouns_in_role(
        text, refs, persons, _PRONOUN, is_subject, target=target, gender=gender,
        witnesses=witnesses, kin=kin,
    )  # fmt: skip


def object_pronoun_refs(
    text: str,
    refs: list[TargetRef],
    persons: list[tuple[int, int]],
    is_object: Callable[[int, int], bool],
    *,
    target: Target | None = None,
    gender: Literal["he", "she"] | None = None,
    witnesses: Sequence[tuple[int, int, str | None]] = (),
) -> list[TargetRef]:
    """The "him"/"her" of ``text`` that are objects and refer to the target.

    The same rule as :func:`pronoun_refs`, for the object of a verb: "Residents
    saw *her* in Vail", "a driver had seen *him* in Mosul".

    Parameters
    ----------
    text, refs, persons, target, gender, witnesses
        As for :func:`pronoun_refs`.
    is_object : callable (start, end) -> bool
        Whether the pronoun at ``start:end`` is the object of a verb ("her" in
        "saw her car" is no object, but the car's owner).

    Returns
    -------
    list of TargetRef
        Of kind ``"pronoun"``, in order of appearance.

    Examples
    --------
    >>> from geosleuth.read.target import find_target_refs
    >>> t = Target("Jane Doe")
    >>> text = "Jane Doe left. Residents saw her. Tom Fox left. Police saw him."
    >>> refs = find_target_refs(text, t)
    >>> found = object_pronoun_refs(text, refs, [(34, 41)], lambda s, e: True)
    >>> [(r.text, r.start) for r in found]
    [('her', 29)]
    >>> def is_object(s: int, e: int) -> bool:
    ...     return True
    >>> [r.text for r in object_pronoun_refs(text, refs, [], is_object)]
    ['her', 'him']
    >>> [r.text for r in object_pronoun_refs(text, refs, [], is_object, gender="she")]
    ['her']
    """
    return _pronouns_in_role(
        text, refs, persons, _OBJECT_PRONOUN, is_object, target=target,
        gender=gender, witnesses=witnesses,
    )  # fmt: skip


def possessive_pronoun_refs(
    text: str,
    refs: list[TargetRef],
    persons: list[tuple[int, int]],
    is_owner: Callable[[int, int], bool],
    *,
    target: Target | None = None,
    gender: Literal["he", "she"] | None = None,
    witnesses: Sequence[tuple[int, int, str | None]] = (),
) -> list[TargetRef]:
    """The "his"/"her" of ``text`` that own something and refer to the target.

    The same rule as :func:`pronoun_refs`, for the owner of a thing: "Jane Doe
    went missing. *Her* car was found in Aspen."

    Parameters
    ----------
    text, refs, persons, target, gender, witnesses
        As for :func:`pronoun_refs`.
    is_owner : callable (start, end) -> bool
        Whether the pronoun at ``start:end`` owns what follows it ("her" in
        "saw her in Vail" owns nothing).

    Returns
    -------
    list of TargetRef
        Of kind ``"pronoun"``, in order of appearance.

    Examples
    --------
    >>> from geosleuth.read.target import find_target_refs
    >>> t = Target("Jane Doe")
    >>> text = "Jane Doe left. Her car was found. Tom Fox left. His car was found."
    >>> refs = find_target_refs(text, t)
    >>> found = possessive_pronoun_refs(text, refs, [(34, 41)], lambda s, e: True)
    >>> [(r.text, r.start) for r in found]
    [('Her', 15)]
    >>> possessive_pronoun_refs(text, refs, [], lambda s, e: True, gender="he")[0].text
    'His'
    """
    return _pronouns_in_role(
        text, refs, persons, _POSSESSIVE_PRONOUN, is_owner, target=target,
        gender=gender, witnesses=witnesses,
    )  # fmt: skip


def _pronouns_in_role(
    text: str,
    refs: list[TargetRef],
    persons: list[tuple[int, int]],
    pattern: re.Pattern[str],
    in_role: Callable[[int, int], bool],
    *,
    target: Target | None,
    gender: Literal["he", "she"] | None,
    witnesses: Sequence[tuple[int, int, str | None]],
    kin: Collection[tuple[int, int]] = (),
) -> list[TargetRef]:
    """The matches of ``pattern`` in their role (``in_role``) that are the target's.

    What :func:`pronoun_refs`, :func:`object_pronoun_refs` and
    :func:`possessive_pronoun_refs` share: a pronoun of the other ``gender`` left out,
    and one of a witness's gender after the witness when ``gender`` is unknown;
    ``kin`` as for :func:`pronoun_refs`.
    """
    own, others = _own_and_others(text, refs, persons, target)
    ends = sorted(e for _, e in own)
    out = []
    for m in pattern.finditer(text):
        s, e = m.span()
        pronoun = GENDER_OF[m.group(0).lower()]
        if gender is not None and pronoun != gender:
            continue  # of the other gender: not the target's
        if gender is None and _witness_of_gender(text, s, pronoun, own, witnesses):
            continue  # "A man who saw Jane Doe said his car ...": the man's
        refers = _refers_to_target(text, s, pronoun, own, others, kin, ends=ends)
        if refers and in_role(s, e):
            out.append(TargetRef(s, e, m.group(0), "pronoun"))
    return out


def _is_owner(doc: Any, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` owns a noun in the parse ("her car")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) == 1 and span[0].dep_ == "poss"


def _is_direct_object(doc: Any, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` is the direct object of a verb.

    The subject of an adjective or a participle that completes a verb is its
    object too, as the parse has it: "her" in "Rescuers found *her* alive",
    "Police found *him* hiding", and so is the passive subject of a completing
    participle: "A video shows *him* being led away by soldiers".
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    if tok.dep_ in ("dobj", "obj"):
        return True
    head = tok.head
    completes = head.dep_ in ("ccomp", "xcomp", "oprd") and head.head.pos_ == "VERB"
    return completes and (
        (tok.dep_ == "nsubj" and (head.pos_ == "ADJ" or head.tag_ == "VBG"))
        or (tok.dep_ == "nsubjpass" and head.tag_ == "VBN")
    )


def _own_spans(refs: Sequence[TargetRef]) -> list[tuple[int, int]]:
    """Spans of the target's names, nisbas and titles among ``refs``."""
    return [(r.start, r.end) for r in refs if r.kind in ("name", "nisba", "title")]


def _own_and_others(
    text: str,
    refs: list[TargetRef],
    persons: list[tuple[int, int]],
    target: Target | None,
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans of the target's names, nisbas and titles; spans of other people."""
    own = _own_spans(refs)
    mine = SpanIndex(own)
    others = [
        p
        for p in persons
        if not mine.overlaps(*p)
        or (target is not None and _names_another(text, p, target))
    ]
    return own, others


def _last_end(
    own: Sequence[tuple[int, int]], at: int, ends: Sequence[int] | None = None
) -> int | None:
    """The last end of the spans ``own`` at or before ``at``; None if none.

    By bisection in ``ends``, the ends of ``own`` sorted, where given.

    Examples
    --------
    >>> own = [(10, 14), (0, 4), (30, 38)]
    >>> [_last_end(own, 20), _last_end(own, 20, [4, 14, 38]), _last_end(own, 3)]
    [14, 14, None]
    """
    if ends is None:
        return max((e for _, e in own if e <= at), default=None)
    i = bisect.bisect_right(ends, at)
    return ends[i - 1] if i else None


def _refers_to_target(
    text: str,
    at: int,
    gender: str,
    own: list[tuple[int, int]],
    others: list[tuple[int, int]],
    kin: Collection[tuple[int, int]] = (),
    *,
    ends: Sequence[int] | None = None,
) -> bool:
    """Whether the pronoun of ``gender`` at ``at`` would refer to the target.

    The person named last before it, within :data:`PRONOUN_REACH` characters
    (of the name, or of a pronoun of its gender within reach in turn:
    :func:`_within_reach`), is the target, with no relative of the pronoun's
    gender named in between, but one that speaks of the target by it (``kin``:
    :func:`_kin_reports`). ``ends``, the ends of ``own`` sorted, spare a
    caller that asks of each pronoun of a long text a scan of ``own`` each
    time (:func:`_last_end`).
    """
    # "Jalmaani's wife said her husband was alive. ... he": the target
    last_own = _last_end(own, at, ends)
    spouse = (
        []
        if last_own is None
        else _spouse_again(text, at, gender, own, others, last_own=last_own)
    )
    own = [*own, *spouse]
    if spouse and last_own is not None:
        last_own = max([last_own, *(e for _, e in spouse if e <= at)])
    if last_own is None or not _within_reach(text, last_own, at, gender):
        return False
    if any(
        last_own <= pe <= at and not _speaks_quote(text, (ps, pe), at)
        for ps, pe in others
    ):
        return False  # another person was named in between
    if _associate_between(text, last_own, at, gender, own):
        return False  # "One of his lieutenants was killed, and he was buried"
    # "al-Baghdadi's wife was arrested. She ...": the wife; "her sister says
    # she is in York": the target; "Joseph Mwangi, a father of three, ...":
    # the target himself; "her sister, a mother of three, says she ...": the
    # sister who speaks of the target; "reported missing by her sister. Her
    # car ...": the target, of whom the sister only told
    relatives = list(_RELATIVES[gender].finditer(text, last_own, at))
    # "The wife of Jalmaani said her husband ...": the wife, whose phrase holds
    # the target's name, is named last
    first = next(a for a, e in own if e == last_own)
    named = _RELATIVE_OF[gender].search(text, max(0, first - 24), first)
    if named is not None and (named.start(), at) not in kin:
        return False
    described = own + [m.span() for m in relatives if (m.start(), at) in kin]
    return all(
        (m.start(), at) in kin
        or _heads_apposition(text, m.start(), described)
        or _only_told(text, m.span(), at, own, others)
        for m in relatives
    )


#: A speaker named right after a quote: '," *Kone* said', '," said *Col. Kone*'.
_SPEAKER_AFTER = re.compile(
    r"[,.!?]?[\"”]\s*(?:(?P<a>(?:[A-Z][\w'’.-]*\s+){1,4}?)(?:said|says|told|added)"
    r"|(?:said|says|told|added)\s+(?P<b>(?:[A-Z][\w'’.-]*\s*){1,4}))"
)
#: A speaker named right before a quote: '*Kone* said: "', and the speaker of
#: the quote before that goes on: '," *Martin* said. "We believe she is ...'.
_SPEAKER_BEFORE = re.compile(
    r"(?P<a>(?:[A-Z][\w'’.-]*\s+){1,4}?)(?:said|says|told\s+\w+|added)[,:.]?\s*"
    r"[\"“]$"
)


def _quote_around(text: str, at: int) -> tuple[int, int] | None:
    """The span of the quotation, within its paragraph, that holds ``at``.

    From the opening mark to just past the closing one; None outside a quote.

    Examples
    --------
    >>> text = 'Kone said. "He left," Kone said.'
    >>> _quote_around(text, text.index("He")), _quote_around(text, 0)
    ((11, 21), None)
    """
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    curly = text.rfind("“", start, at)
    if curly >= 0 and text.rfind("”", curly, at) < 0:
        close = text.find("”", at, end)
        return (curly, close + 1) if close >= 0 else None
    marks = [i for i in range(start, at) if text[i] == '"']
    if len(marks) % 2 == 0:
        return None
    close = text.find('"', at, end)
    return (marks[-1], close + 1) if close >= 0 else None


def _speaks_quote(text: str, person: tuple[int, int], at: int) -> bool:
    """Whether ``person`` is the speaker of the quote that holds the pronoun at ``at``.

    A speaker speaks of himself as "I": the "he" of his own quote is another,
    the one the text is about ("... according to Colonel Diarran Kone. '*Our
    intelligence indicates that he left the Ansongo sector*,' Kone said": not
    Kone). The speaker is named right after the quote or right before it, by
    the person's last word.

    Examples
    --------
    >>> text = 'Ask Col. Kone. "He left," Kone said.'
    >>> _speaks_quote(text, (9, 13), text.index("He"))
    True
    >>> text = 'Ask Col. Kone. "He left," Fox said.'
    >>> _speaks_quote(text, (9, 13), text.index("He"))
    False
    """
    quote = _quote_around(text, at)
    if quote is None or person[1] > quote[0]:
        return False
    name = text[person[0] : person[1]].split()
    after = _SPEAKER_AFTER.match(text, quote[1] - 2) or _SPEAKER_AFTER.match(
        text, quote[1] - 1
    )
    before = _SPEAKER_BEFORE.search(text, max(0, quote[0] - 60), quote[0] + 1)
    said = [
        w.strip(".")
        for m in (after, before)
        if m is not None
        for w in (m.group("a") or m.groupdict().get("b") or "").split()
    ]
    return bool(name) and name[-1].strip(".") in said


#: Every pronoun of each gender, in any role: "she", "her", "hers".
_OF_GENDER = {
    "he": re.compile(r"\b(?:[Hh]e|[Hh]im|[Hh]is)\b"),
    "she": re.compile(r"\b(?:[Ss]he|[Hh]ers?)\b"),
}


def _within_reach(text: str, last_own: int, at: int, gender: str) -> bool:
    """Whether the pronoun at ``at`` is within reach of the name ending at ``last_own``.

    Within :data:`PRONOUN_REACH` characters of the name, or of a pronoun of its
    gender that is itself within reach, and so on: a pronoun names the person
    again as the name does. "Sarah Whitaker ... Her car was found ... a woman
    matching her description ... found no trace of her. *Her* body was found":
    each "her" is the target's, and so is the last, though the name is further
    back than the reach. Whether another person was named in between is for the
    caller to ask (:func:`_refers_to_target`): after one, no pronoun is the
    target's, and none carries the reach.

    Examples
    --------
    >>> text = "Jane Doe left. " + "x " * 190 + "Her car ... " + "y " * 150 + "Her"
    >>> _within_reach(text, 8, len(text) - 3, "she")
    True
    >>> _within_reach(text, 8, len(text) - 3, "he")
    False
    """
    reach = last_own
    for m in _OF_GENDER[gender].finditer(text, last_own, at):
        if m.start() - reach > PRONOUN_REACH:
            break
        reach = m.end()
    return at - reach <= PRONOUN_REACH


#: What lies between a name and the head of an apposition that describes it:
#: ", a ", ", 45, the ", ", a 45-year-old ", but no owner ("a friend of *her*
#: brother", "a friend of Tom's brother").
_APPOSITION_GAP = re.compile(
    r",\s+(?:\d{1,3},\s+)?(?i:an?|the)\s+"
    r"(?:(?!(?i:of|his|her|their|its|whose|who)\b)[\w-]+\s+){0,3}"
)


def _heads_apposition(text: str, at: int, own: Sequence[tuple[int, int]]) -> bool:
    """Whether the relative's word at ``at`` heads an apposition to one of ``own``.

    "Joseph Mwangi, *a father* of three", "Jane Doe, 45, *the mother* of two":
    the relative is the one named (the target, or a relative who speaks of it),
    not another person; "her brother, a father of three," describes the
    brother, who is not one of ``own`` unless he speaks of the target.

    Examples
    --------
    >>> text = "Joseph Mwangi, a father of three, is missing."
    >>> _heads_apposition(text, text.index("father"), [(0, 13)])
    True
    >>> text = "Joseph Mwangi, a friend of her brother, is missing."
    >>> _heads_apposition(text, text.index("brother"), [(0, 13)])
    False
    """
    return any(
        e <= at and _APPOSITION_GAP.fullmatch(text, e, at) is not None for _, e in own
    )


def _witness_of_gender(
    text: str,
    at: int,
    gender: str,
    own: list[tuple[int, int]],
    witnesses: Sequence[tuple[int, int, str | None]],
) -> bool:
    """Whether the pronoun of ``gender`` at ``at`` follows a witness told of it.

    A witness whose noun tells its gender ("a man", "a woman") and the pronoun's,
    in the witness's own sentence, after which the target is not named again
    before the pronoun ("A man who saw Jane Doe said *his* car ..."). In a later
    sentence the pronoun may be the target's again ("A man who spotted Smith
    called police. *He* was arrested hours later").
    """
    last_own = max((oe for _, oe in own if oe <= at), default=0)
    return any(
        last_own <= e <= at
        and told == gender
        and _SENTENCE_BREAK.search(text, e, at + 1) is None
        for _, e, told in witnesses
    )


#: A spouse's word of each gender: "her *husband*", "Jalmaani's *wife*".
_SPOUSES = {
    "he": re.compile(r"\b(?:husband|boyfriend|fianc[eé])\b", re.IGNORECASE),
    "she": re.compile(r"\b(?:wife|widow|girlfriend|fianc[eé]e)\b", re.IGNORECASE),
}
_OTHER_GENDER = {"he": "she", "she": "he"}
#: A relative of each gender whose phrase holds the name after it: "the *wife
#: of* Jalmaani".
_RELATIVE_OF = {
    gender: re.compile(f"(?:{pattern.pattern})\\s+of\\s+$", re.IGNORECASE)
    for gender, pattern in _RELATIVES.items()
}
#: The owner right before a noun: "*her* husband", "*Jalmaani's* wife".
_OWNER_BEFORE = re.compile(r"(?:\b(?P<pronoun>[Hh]is|[Hh]er)|(?P<name>['’]s?))\s+$")
#: The owner right after a noun: "the wife *of* Jalmaani".
_OF_AFTER = re.compile(r"\s+of\s+")
#: A reporting verb right after a relative, or after a pronoun: "her sister
#: *said*", "her sister, a nurse, *told* police"; "She *said*".
_TELLS = re.compile(
    r"(?:\s*,[^,.;:]{1,60},)?\s+(?:said|says|told|tells|added|adds|explained|"
    r"recalled|wrote|writes|posted|stated|insisted|confirmed|reported|claimed|"
    r"described|believes|believed|thinks|thought|fears|feared)\b"
)
#: Words before a relative's owner by which the relative only tells of someone:
#: "reported missing *by* her sister", "*according to* his father".
_TOLD_BY = re.compile(r"\b(?:by|according\s+to)\s+$", re.IGNORECASE)
_WORD = re.compile(r"[\w’'-]+")
#: A passive right after a subject pronoun, what the target undergoes rather
#: than does: "She *was last seen* in Leeds", "He *was later arrested*", "She
#: *is believed* to be", "He *may have been taken*"; not an adjective of the
#: same shape, what one feels or is ("She *was heartbroken*", "She *is based*
#: in Toronto").
_PASSIVE_AFTER = re.compile(
    r"(?:\s+(?:later|last|since|then|also|still|first|reportedly|\w+ly|"
    r"may|might|could|must|would|will|have|has|had|not|never))*"
    r"\s+(?:was|were|is|are|been|be|being)"
    r"(?:\s+(?:later|last|since|then|also|still|first|reportedly|\w+ly|not|"
    r"never|being))*"
    r"\s+(?!(?:based|heartbroken|devastated|worried|concerned|overwhelmed|shocked|"
    r"saddened|determined|convinced|frightened|terrified|married|related)\b)"
    r"(?:\w+ed|\w+en|seen|found|held|caught|thought|known|shot|kept|sent|"
    r"brought|hit|hurt|left|met|heard|told|put|taken|swept|spotted)\b"
)
#: A possibility said of a subject pronoun, right after it, which is the missing
#: one's, not a relative's: "She *may be* in Fort Erie", "He *may have crossed*
#: into Bosnia".
_MAY_BE = re.compile(
    r"(?:\s+(?:\w+ly|still|now|then|also))*\s+(?:may|might|could)"
    r"(?:\s+(?:well|still|now|\w+ly))?\s+(?:be|have)\b",
    re.IGNORECASE,
)
#: What a subject pronoun is said of that is the missing one's, right after it:
#: where she was or stayed ("She *was in* Fort Erie on the day she vanished",
#: "She *was staying* at a hostel", "She *had been living* with friends", "She
#: *was wearing* a black jacket"), her age ("She *is 19* and lives ..."), and
#: what she had done before ("She *had travelled* to Fort Erie to visit
#: friends").
_OF_THE_MISSING = re.compile(
    r"(?:\s+(?:\w+ly|still|now|then|also|often|last|not|never))*\s+(?:"
    r"(?:is|was|has\s+been|had\s+been)(?:\s+(?:\w+ly|still|now|also|last))*"
    r"\s+(?:in|at|near|staying|living|wearing|sleeping|hiding|working)\b"
    r"|is\s+\d{1,3}\b"
    r"|had(?:\s+(?:\w+ly|not|never))?\s+(?:been|gone|left|run|flown|driven|"
    r"\w+ed)\b)",
    re.IGNORECASE,
)
#: Those who speak of a missing person in reports, not as kin: police, officials.
_OTHERS_WHO_SPEAK = (
    r"(?:police|officers?|officials?|investigators?|detectives?|authorities|"
    r"prosecutors?|army|military|sources?)"
)
#: A speaker of the pronoun's clause who is no relative, before it ("*Police
#: believe* she is in Fort Erie", "*Police said* he may be in Pljevlja") or
#: after it ("She may be in Fort Erie, *police said*", "according to police").
_SPEAKER_BEFORE_PRONOUN = re.compile(
    r"\b(?i:" + _OTHERS_WHO_SPEAK + r")\s+(?:[\w-]+\s+){0,3}?"
    r"(?i:said|say|says|believe|believes|believed|think|thinks|thought|"
    r"suspect|suspects|suspected|fear|fears|feared|added|told\s+\w+)"
    r"(?:\s+(?:on|last)\s+\w+)?(?:\s+(?i:that))?\s+$"
)
_SPEAKER_AFTER_PRONOUN = re.compile(
    r"[^.;!?]*(?:,\s*(?i:" + _OTHERS_WHO_SPEAK + r")\s+(?i:said|say|says|added|"
    r"believe|believes|think|thinks)\b|\b(?i:according\s+to\s+(?:the\s+)?"
    + _OTHERS_WHO_SPEAK
    + r"))"
)
#: What a relative of the missing does for the search, in the pronoun's own
#: clause: "She flew to Fort Erie on Friday *to help with the search*", "She has
#: since travelled to Fort Erie *to hand out flyers*", "... *to join the
#: search*", "*as she handed out flyers*", "She *is appealing for* help".
_RELATIVES_ACT = re.compile(
    r"\b(?:help(?:s|ed|ing)?\s+(?:(?:with|in)\s+)?(?:the\s+)?(?:to\s+)?"
    r"(?:search|hunt|look|find)"
    r"|join(?:s|ed|ing)?\s+(?:in\s+)?the\s+(?:search|hunt)"
    r"|(?:search|look|hunt)(?:s|es|ed|ing)?\s+for\s+(?:her|him)\b"
    r"|hand(?:s|ed|ing)?\s+out\s+(?:\w+\s+)?(?:flyers|fliers|leaflets|posters)"
    r"|(?:put(?:s|ting)?\s+up|distribut\w+)\s+(?:\w+\s+)?(?:flyers|fliers|"
    r"leaflets|posters)"
    r"|appeal(?:s|ed|ing)?\s+(?:for|to)\b"
    # what a relative does while the search goes on (review r29, 1): "when she
    # got the call from police", "to be near the search", "to identify the
    # clothing", "to brief the family", "waiting for news"
    r"|(?:got|gets|get|received|took)\s+the\s+(?:call|news)"
    r"|when\s+(?:police|officers|detectives)\s+(?:called|rang|phoned)"
    r"|to\s+be\s+near\s+the\s+search"
    r"|take\s+part\s+in\s+the\s+search"
    r"|to\s+identify\b"
    r"|brief(?:s|ed|ing)?\s+the\s+family"
    r"|(?:speak|talk)(?:s|ing)?\s+to\s+(?:police|officers|detectives)"
    r"|(?:meeting|met)\s+(?:with\s+)?(?:police|officers|detectives)"
    r"|helping\s+(?:police|officers|detectives)"
    r"|waiting\s+for\s+news)",
    re.IGNORECASE,
)
#: A possibility or belief of where the pronoun is, in its sentence: "She
#: was worried about money and *may have travelled* to Fort Erie", "... and *is
#: believed to be* in Fort Erie" (review r29, 2): no relative's whereabouts are
#: guessed at.
_GUESSED = re.compile(
    r"\b(?:may|might|could)\s+(?:well\s+)?(?:have\s+)?(?:be|been|gone|go|"
    r"travell?ed|fled|left|headed|moved|driven|flown|crossed)\b"
    r"|\b(?:is|was|are|were)\s+(?:\w+ly\s+)?(?:believed|thought|feared|said|"
    r"understood)\s+to\s+(?:be|have)\b",
    re.IGNORECASE,
)
#: What a relative feels, said of a pronoun: "Her sister said *she was
#: heartbroken*", "*She was devastated* and has travelled to ...".
_RELATIVE_FEELS = re.compile(
    r"\b(?P<pronoun>[Ss]he|[Hh]e)\s+(?:[\w-]+\s+){0,2}?(?:heartbroken|devastated|"
    r"distraught|frantic|worried|beside\s+(?:her|him)self)\b"
)
#: Where the pronoun's own clause ends: a stop, or a comma or subordinator
#: before another subject ("She was last seen in Leeds*, and police* have
#: appealed", "... *where volunteers* joined the search").
_CLAUSE_END = re.compile(
    r"[.;!?](?=\s|$)|,\s+(?:and\s+|but\s+)?(?!(?:she|he|and|but|to)\b)"
    r"|\b(?:where|while|when|after|as|whom?|which)\s+(?!(?:she|he)\b)",
    re.IGNORECASE,
)
#: What lies between a noun and a name in apposition to it: "wife*, *Fatima".
_APPOSED = re.compile(r"\s*,\s*")


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence that holds ``at`` starts (within 400 characters)."""
    start = max(0, at - PRONOUN_REACH)
    for m in _SENTENCE_BREAK.finditer(text, start, at):
        start = m.end() - 1
    return start


def _owned_by_target(
    text: str,
    span: tuple[int, int],
    own: Sequence[tuple[int, int]],
    others: list[tuple[int, int]],
) -> bool:
    """Whether the noun at ``span`` is the target's: "*her* sister", "Doe's wife".

    Its owner is one of the target's references (``own``), right before it with
    "'s" or after it with "of" ("the wife of Jalmaani", not "the wife of
    Jalmaani's deputy"), or a "his" or "her" right before it that refers to the
    target (:func:`_refers_to_target`).

    Examples
    --------
    >>> text = "The wife of Jalmaani's deputy and Jalmaani's wife"
    >>> _owned_by_target(text, (4, 8), [(12, 20), (34, 42)], [])
    False
    >>> _owned_by_target(text, (45, 49), [(12, 20), (34, 42)], [])
    True
    """
    before = _OWNER_BEFORE.search(text, max(0, span[0] - 16), span[0])
    if before is not None and before.group("pronoun"):
        owner = before.start("pronoun")
        gender = GENDER_OF[before.group("pronoun").lower()]
        return _refers_to_target(text, owner, gender, list(own), others)
    if before is not None and any(e == before.start() for _, e in own):
        return True
    of = _OF_AFTER.match(text, span[1])
    return of is not None and any(
        s == of.end() and not text.startswith(("'", "’"), e) for s, e in own
    )


def _spouse_again(
    text: str,
    at: int,
    gender: str,
    own: list[tuple[int, int]],
    others: list[tuple[int, int]],
    *,
    last_own: int | None = None,
) -> list[tuple[int, int]]:
    """Spans of the target named again as a spouse's spouse, before ``at``.

    "Jalmaani's wife said *her husband* was alive": the husband of the target's
    wife is the target, and names him again for a later "he" ("The military
    said *he* was killed"). A spouse's word of ``gender`` owned by "his" or
    "her" of the other gender, whose nearest spouse's word of that gender
    before it in its sentence is the target's ("Jalmaani's wife", "the wife of
    Jalmaani", "his wife"), with no other person nor relative of that gender
    named between. "The wife of Jalmaani's deputy said her husband ..." names
    the deputy. ``last_own``, the last end of ``own`` before ``at``, where the
    caller has found it.

    Examples
    --------
    >>> text = "Jalmaani's wife said her husband was alive. He left."
    >>> _spouse_again(text, text.index("He"), "he", [(0, 8)], [])
    [(25, 32)]
    >>> text = "The wife of Jalmaani's deputy said her husband was alive. He left."
    >>> _spouse_again(text, text.index("He"), "he", [(12, 20)], [])
    []
    """
    if last_own is None:
        last_own = _last_end(own, at)
    if last_own is None:
        return []
    other = _OTHER_GENDER[gender]
    out = []
    for m in _SPOUSES[gender].finditer(text, last_own, at):
        owner = _OWNER_BEFORE.search(text, max(0, m.start() - 8), m.start())
        if owner is None or not owner.group("pronoun"):
            continue
        if GENDER_OF[owner.group("pronoun").lower()] != other:
            continue
        start = _sentence_start(text, m.start())
        spouses = list(_SPOUSES[other].finditer(text, start, owner.start()))
        if not spouses:
            continue
        spouse = spouses[-1]
        between = (spouse.end(), owner.start())
        if any(
            between[0] <= a < between[1]
            and not _APPOSED.fullmatch(text, spouse.end(), a)  # ", Fatima Sali,"
            for a, _ in others
        ) or any(_RELATIVES[other].finditer(text, *between)):
            continue  # "Jalmaani's wife and her mother said her husband"
        if _owned_by_target(text, spouse.span(), own, others):
            out.append(m.span())
    return out


def _only_told(
    text: str,
    relative: tuple[int, int],
    at: int,
    own: list[tuple[int, int]],
    others: list[tuple[int, int]],
) -> bool:
    """Whether the target's relative at ``relative`` only told of the target.

    A relative of the target's ("*her* sister", "Doe's mother") who reported the
    target missing or spoke of it ("Sydney Hamilton was reported missing on May
    2 *by her sister*", "*Her sister said* it was raining", "*according to* his
    father") is no one a pronoun of a later sentence refers to, the target
    being whom the report is about: "Her car was found the next day", "She was
    seen in Fort Erie". Only a pronoun that owns a thing, or one of which what is
    said is the missing one's (:func:`_of_the_missing`), though: one that acts
    for the search, or acts at all, is the relative as well as the target ("She
    flew to Fort Erie to help with the search", "She lives in York"), and so
    refers to no one here. A pronoun in the relative's own sentence is left to
    the other rules ("her sister says she is in York": :func:`_kin_reports`),
    and so is one that speaks in turn ("... by her sister. *She said* ..."),
    and a relative who did something ("al-Baghdadi's wife was arrested. She
    ...") is whom it refers to.

    Examples
    --------
    >>> text = "Jane Doe left, her sister said. Her car was found."
    >>> _only_told(text, (19, 25), text.index("Her"), [(0, 8)], [])
    True
    >>> text = "Jane Doe left. Her sister said it rained. She said she was cold."
    >>> _only_told(text, (19, 25), text.index("She"), [(0, 8)], [])
    False
    >>> text = "Jane Doe left. Her sister was arrested. She is in York."
    >>> _only_told(text, (19, 25), text.index("She"), [(0, 8)], [])
    False
    >>> text = "Jane Doe left, her sister said. She was seen in York."
    >>> _only_told(text, (19, 25), text.index("She"), [(0, 8)], [])
    True
    >>> text = "Jane Doe left, her sister said. She lives in York."
    >>> _only_told(text, (19, 25), text.index("She"), [(0, 8)], [])
    False
    """
    if _SENTENCE_BREAK.search(text, relative[1], at + 1) is None:
        return False  # in the relative's own sentence
    word = _WORD.match(text, at)
    acts = word is not None and word.group(0).lower() in ("he", "she")
    if (
        acts
        and word is not None
        and not _of_the_missing(text, relative, at, word.end())
    ):
        return False  # "She flew to Fort Erie to help with the search"
    gender = GENDER_OF.get(word.group(0).lower() if word else "", "he")
    for m in _OF_GENDER[gender].finditer(text, relative[1], word.end() if word else at):
        if _TELLS.match(text, m.end()):
            return False  # "She said ...": the one who told goes on
    owner = _OWNER_BEFORE.search(text, max(0, relative[0] - 16), relative[0])
    if owner is None or not _owned_by_target(text, relative, own, others):
        return False  # "a sister", "Tom Fox's sister"
    told = _TOLD_BY.search(text, max(0, owner.start() - 16), owner.start())
    return told is not None or _TELLS.match(text, relative[1]) is not None


def _sentence_end(text: str, at: int) -> int:
    """Where the sentence that holds ``at`` ends: its stop, or the text's end."""
    m = _SENTENCE_BREAK.search(text, at)
    return m.start() + 1 if m is not None else len(text)


def _of_the_missing(text: str, relative: tuple[int, int], at: int, end: int) -> bool:
    """Whether the "she" or "he" at ``at:end`` after a relative who told is the target.

    It is where what is said of it is the missing one's: a passive, what she
    undergoes ("She *was last seen* in Fort Erie", :data:`_PASSIVE_AFTER`); a
    possibility ("She *may be* in Fort Erie", :data:`_MAY_BE`); any act within
    the clause of a speaker who is no relative ("*Police believe* she is in
    Fort Erie", "She often visits friends in Fort Erie*, police said*"); and,
    but after a pronoun of its gender that feels for her, in the relative's
    sentence or the pronoun's ("Her sister said *she was heartbroken*. She
    lives in York", "*She was devastated* and has travelled ..."), where she
    was or stayed, her age or what she had done before
    (:data:`_OF_THE_MISSING`). But not where the pronoun's clause tells what a
    relative does for the search ("She flew to Fort Erie on Friday *to help
    with the search*", "She was driven to Fort Erie by police *to help with
    the search*", :data:`_RELATIVES_ACT`). An act of its own, else, is the
    relative's as well as the missing one's ("She is based in Toronto and
    travelled to Fort Erie on Friday"): no one's.

    Examples
    --------
    >>> text = "Jane Doe was reported missing by her sister. She may be in York."
    >>> _of_the_missing(text, (36, 42), text.index("She"), text.index("She") + 3)
    True
    >>> text = "Jane Doe was reported missing by her sister. Police think she is there."
    >>> _of_the_missing(text, (36, 42), text.index("she"), text.index("she") + 3)
    True
    >>> text = "Jane Doe was reported missing by her sister. She flew to York."
    >>> _of_the_missing(text, (36, 42), text.index("She"), text.index("She") + 3)
    False
    >>> text = "Jane Doe was reported missing by her sister. She may go to help search."
    >>> _of_the_missing(text, (36, 42), text.index("She"), text.index("She") + 3)
    False
    """
    stop = _sentence_end(text, end)
    clause = _CLAUSE_END.search(text, end, stop)
    if _RELATIVES_ACT.search(text, end, clause.start() if clause else stop):
        return False  # "She flew to Fort Erie on Friday to help with the search"
    start = _sentence_start(text, at)
    if (
        _PASSIVE_AFTER.match(text, end)
        or _MAY_BE.match(text, end)
        or _SPEAKER_BEFORE_PRONOUN.search(text, start, at)
        or _SPEAKER_AFTER_PRONOUN.match(text, end, stop)
    ):
        return True  # "She was last seen", "She may be", "Police believe she"
    if _GUESSED.search(text, end, stop):
        return True  # "She was worried about money and may have travelled to ..."
    gender = text[at:end].lower()
    spans = ((relative[1], _sentence_end(text, relative[1])), (start, stop))
    if any(
        m.group("pronoun").lower() == gender
        for span in spans
        for m in _RELATIVE_FEELS.finditer(text, *span)
    ):
        return False  # "Her sister said she was heartbroken. She lives in York"
    return _OF_THE_MISSING.match(text, end) is not None


#: Nouns of a person close to the target, neither kin nor named, in the
#: singular, and of the gender they tell, if any: "his *bodyguard*".
_ASSOCIATES = (
    r"deputy|aide|bodyguard|lieutenant|commander|driver|guard|associate|"
    r"accomplice|follower|fighter|henchman|friend|companion|colleague|partner|"
    r"neighbou?r|employee|assistant|courier|member|militant|man|woman|boy|girl|"
    r"henchmen|men|women"
)
_ASSOCIATE_GENDER = dict.fromkeys(("man", "henchman", "boy", "men", "henchmen"), "he")
_ASSOCIATE_GENDER |= dict.fromkeys(("woman", "girl", "women"), "she")
#: Another person of the target's circle, who a "he" or "she" after may be: "*his
#: deputy*", "*Jalmaani's deputy*", "*one of his bodyguards*", "*one of the
#: men*", "*a man* who worked for him"; of the nouns without an owner, only a
#: man's or a woman's ("and *an assistant* professor" describes).
_ASSOCIATE = re.compile(
    r"(?:(?<![\w'’])(?i:his|her)\s+|['’]s?\s+|"
    r"\b(?i:one\s+of\s+(?:his|her|their|the|\w+['’]s?)\s+)|"
    r"\b(?i:an?|another)\s+(?=(?:[\w-]+\s+)?(?i:man|woman|boy|girl)\b))"
    r"(?:[\w-]+\s+)?(?P<noun>(?i:" + _ASSOCIATES + r"))(?P<plural>e?s)?\b"
)
#: The end of what comes before a clause's subject: a sentence's start, "said",
#: "that", "and": "The military said *one of his bodyguards* was killed".
_CLAUSE_START = re.compile(
    r"(?:^|[.!?;:\"“]|\b(?i:that|said|says|and|but|when|after|while|because))\s*$"
)


def _associate_between(
    text: str, last_own: int, at: int, gender: str, own: Sequence[tuple[int, int]]
) -> bool:
    """Whether another person of the target's circle is named before the "he" at ``at``.

    A subject pronoun ("he", "she") after another person who is no relative
    and not named ("*One of his lieutenants* was killed on Monday, and *he* was
    buried in Cosalá", "*A man who worked for him* was killed ..., and *he* was
    buried", "The military said *one of his bodyguards* was killed in Indanan,
    and that *he* died instantly"), between the target's name (ending at
    ``last_own``) and it, may be that person: it is not the target's. A
    person owned by a name must be owned by the target's ("Jalmaani's
    deputy", not "the cartel's deputy leader"); one in apposition to the
    target describes the target ("Salcedo, a former police commander, ...",
    :func:`_heads_apposition`), and one who speaks ("His lawyer said he ...")
    speaks of the target, as a relative does. A plural is another person only
    after "one of" ("his men were killed, and he fled": the target). And the
    pronoun must be one the associate may be (:func:`_may_be_associate`): "One
    of his lieutenants was arrested last week. *He* is believed to be hiding in
    Tamazula" is the target.

    Examples
    --------
    >>> text = "Salcedo leads it. One of his lieutenants died, and he was buried."
    >>> _associate_between(text, 7, text.index("he was"), "he", [(0, 7)])
    True
    >>> text = "Salcedo leads it. One of his lieutenants was killed, and he fled."
    >>> _associate_between(text, 7, text.index("he fled"), "he", [(0, 7)])
    False
    >>> text = "Salcedo leads it. His men were killed, and he fled."
    >>> _associate_between(text, 7, text.index("he fled"), "he", [(0, 7)])
    False
    >>> text = "Salcedo leads it. His deputy said he fled."
    >>> _associate_between(text, 7, text.index("he fled"), "he", [(0, 7)])
    False
    >>> text = "Salcedo was a teacher and an assistant professor, and he fled."
    >>> _associate_between(text, 7, text.index("he fled"), "he", [(0, 7)])
    False
    """
    word = _WORD.match(text, at)
    if word is None or word.group(0).lower() not in ("he", "she"):
        return False
    for m in _ASSOCIATE.finditer(text, last_own, at):
        noun = m.group("noun").lower()
        if _ASSOCIATE_GENDER.get(noun, gender) != gender:
            continue
        plural = m.group("plural") is not None or noun.endswith("men")
        if plural != m.group(0).lower().startswith("one"):
            continue  # "his men", "one of his deputy": not one other person
        start = m.start()
        if m.group(0)[0] in "'’":
            owner = next((a for a, e in own if e == start), None)
            if owner is None:
                continue  # "the cartel's deputy leader": not the target's
            start = owner
        if not _CLAUSE_START.search(text, max(0, start - 12), start):
            continue  # "Salcedo fired his driver", "became a member": no subject
        if _TELLS.match(text, m.end()) or _heads_apposition(text, m.start(), own):
            continue
        if _may_be_associate(text, m.end(), at, word.end()):
            return True
    return False


#: A contrast between the associate's clause and the pronoun's, which makes
#: the pronoun another: "His deputy was arrested in Culiacán on Monday, *but*
#: he remains at large".
_CONTRAST = re.compile(r"\b(?:but|yet|although|though|whereas|however)\b", re.I)
#: What is said of one still free, which an associate killed or arrested before
#: it does not fit: "and that he *is believed to be* in Durango", "he was
#: wounded but *escaped* to Patikul", "he *remains at large*".
_FREE = re.compile(
    r"\b(?:(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:believed|thought|said|reported|"
    r"understood|suspected)\s+to|remains?\s+(?:at\s+large|free|on\s+the\s+run)|"
    r"at\s+large|on\s+the\s+run|escaped|fled|got\s+away|(?:is|was)\s+(?:still\s+)?"
    r"hiding|alive)\b",
    re.IGNORECASE,
)
#: A death or burial, what a dead associate's "he" goes on with: "and he *was
#: buried* in Jolo", "and that he *died* instantly", "He *was 32*".
_DEATH = re.compile(
    r"\b(?:buried|burial|died|dead|killed|slain|body|cremated|laid\s+to\s+rest|"
    r"(?:is|was)\s+\d{1,3}\b)",
    re.IGNORECASE,
)
#: Custody, what an arrested associate's "he" goes on with: "and he *is
#: believed to have been taken* to Mexico City", "He *is being held* in ...".
_HELD = re.compile(
    r"\b(?:taken|held|detained|jailed|charged|extradited|transferred|questioned|"
    r"interrogated|remanded|sentenced|in\s+custody)\b",
    re.IGNORECASE,
)
#: The associate's own death or arrest: "One of his lieutenants *was killed* on
#: Monday", "One of his lieutenants *was arrested* last week".
_KILLED = re.compile(r"\b(?:killed|died|dead|slain|shot)\b", re.IGNORECASE)
_ARRESTED = re.compile(
    r"\b(?:arrested|captured|detained|caught|held|jailed|extradited|surrendered)\b",
    re.IGNORECASE,
)


def _may_be_associate(text: str, after: int, at: int, end: int) -> bool:
    """Whether the "he" or "she" at ``at:end`` may be the associate before ``after``.

    Only in the associate's own sentence, and there not after a contrast ("His
    deputy was arrested in Culiacán on Monday, *but* he remains at large in
    Durango": another), nor where what the pronoun's sentence says is of one
    still free but no death nor custody ("Police said one of his men was
    arrested in Culiacán, and that he *is believed to be* in Durango"). In
    the next sentence, only a death or burial right after the associate's
    death ("His deputy was killed last month. He was buried in Jolo"), or
    custody after the associate's arrest ("His deputy was arrested on Monday.
    He is being held in Mexico City"); any other ("One of his lieutenants was
    arrested last week. He is believed to be hiding in Tamazula") is the
    target's again.

    Examples
    --------
    >>> text = "His deputy was killed, and he was buried in Jolo."
    >>> _may_be_associate(text, 10, text.index("he was"), text.index("he was") + 2)
    True
    >>> text = "His deputy was arrested, but he remains at large."
    >>> _may_be_associate(text, 10, text.index("he rem"), text.index("he rem") + 2)
    False
    >>> text = "His deputy was arrested. He is believed to be hiding in Tamazula."
    >>> _may_be_associate(text, 10, text.index("He"), text.index("He") + 2)
    False
    """
    stop = _sentence_end(text, end)
    said = text[end:stop]
    if _SENTENCE_BREAK.search(text, after, at + 1) is not None:
        own = text[after : _sentence_end(text, after)]
        later = _SENTENCE_BREAK.search(text, _sentence_end(text, after), at + 1)
        fits = (_KILLED.search(own) and _DEATH.search(said)) or (
            _ARRESTED.search(own) and _HELD.search(said)
        )
        return later is None and bool(fits)
    if _CONTRAST.search(text, after, at):
        return False  # "His deputy was arrested, but he remains at large"
    if _DEATH.search(said) or _HELD.search(said):
        return True  # "..., and he was buried in Jolo"
    return _FREE.search(said) is None
