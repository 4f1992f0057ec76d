"""Who was seen: the target, an associate, a lookalike, or one of the target's things.

Helper of :mod:`geosleuth.read.sightings`. The one seen is the subject of a
verb of seeing (:func:`seen_subject`): the target by name, title, nisba or
pronoun; an associate, named beside a word of closeness ("Iyad al-Jamili, one
of the men closest to Baghdadi") or the target's own ("Baghdadi's driver"); or,
in the active voice, the target as the object ("a shepherd saw al-Baghdadi":
:func:`seen_by_someone`). One of the target's things ("*Her car* was seen":
:data:`THINGS`, :func:`sees_a_thing`, :func:`is_trace`) is a trace, not an
associate; one who only looked like the target ("a man *resembling* Arellano",
"a woman *matching her description*": :func:`lookalike_words`,
:func:`lookalike_doing`) makes the seeing at most possible. Moved out of
:mod:`geosleuth.read.sightings` as it grew past the house's size for one
module.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Literal

from geosleuth.read._lexicon import THINGS as _LEXICON_THINGS
from geosleuth.read._sentence import Sentence, antecedent, overlaps, subtree_span
from geosleuth.read.whereabouts._movement import _someone_of_the_target

if TYPE_CHECKING:
    from geosleuth.read.claims import _Extractor

__all__ = [
    "SEEN",
    "SEE_LEMMAS",
    "THINGS",
    "is_trace",
    "lookalike_doing",
    "lookalike_words",
    "seen_by_someone",
    "seen_subject",
    "sees_a_thing",
]


#: The target's things (lemmas) whose place is a trace of the target
#: (:mod:`geosleuth.read.traces`): those of the lexicon, and the small craft and
#: the distress beacons of the outdoors ("his kayak", "her PLB").
THINGS = _LEXICON_THINGS | frozenset(
    {"kayak", "canoe", "dinghy", "raft", "paddleboard", "yacht", "sailboat",
     "motorboat", "plb", "epirb", "inreach"}
)  # fmt: skip


SEEN = re.compile(
    r"\b(?:seen|spotted|sighted|photographed|filmed|saw|sees|seeing)\b", re.IGNORECASE
)


#: Verbs of seeing whose object, in the active voice, is the one seen.
SEE_LEMMAS = frozenset({"see", "spot", "sight", "photograph", "film"})


#: Who, said before the target's name, is someone close to the target: "an
#: *aide* to Baghdadi", "a *cousin* of Rodrigo Barrientos", "his *daughter*".
_ASSOCIATE = re.compile(
    r"\b(?:clos(?:e|ed|er|est) to|aide|deputy|courier|bodyguard|associate|confidant|"
    r"right-hand|lieutenant|driver|companion|friend|girlfriend|boyfriend|partner|"
    r"fianc[eé]e?|relative|(?:great-)?(?:grand)?(?:step-?|half-)?"
    r"(?:father|mother|son|daughter|brother|sister|parent|child|children)(?:-in-law)?|"
    r"husband|wife|widow(?:er)?|cousin|uncle|aunt|nephew|niece)s?\b",
    re.IGNORECASE,
)


#: What the target owns, right after the name: "'s driver", "’s closest aide".
_POSSESSED = re.compile(
    r"['’]s?\s+(?P<who>(?:[\w-]+\s+){1,3}?)(?=(?:has|have|had|was|"
    r"were|is|are|been|may|might|could|last|first|also|reportedly|allegedly|"
    r"recently|\s)*$)",
    re.IGNORECASE,
)


#: Auxiliaries (and adverbs) that end the description of who was seen ("..., has
#: been", "... was last").
_TRAILING_AUX = (
    r",?\s*(?:has|have|had|was|were|is|been|may|might|could|last|first|also|"
    r"reportedly|allegedly|recently|\s)+$"
)


#: Words before a reference to the target by which the one seen only looked like
#: it: "a man *resembling* Arellano", "*who looked like* him", "*a lookalike of*",
#: "*matching the description of*" (and "*matching* her description", with
#: "description" after the reference: :data:`_DESCRIPTION_AFTER`).
_LOOKALIKE_BEFORE = re.compile(
    r"\b(?:resembl(?:es|ed|ing|e)|look(?:s|ed|ing)?\s+like|(?:a|the)\s+"
    r"(?:lookalike|look-alike|double)\s+of|(?:match|fitt?)(?:es|ed|ing|s)?\s+"
    r"(?:the\s+)?description\s+of|(?:who|that)\s+(?:may|might|could)\s+"
    r"(?:have\s+been|be)|(?P<own>(?:match|fitt?)(?:es|ed|ing|s)?))"
    # "resembled Emily *Carter*", "the description of bank robbery suspect *Troy*"
    r"\s+(?:the\s+)?(?:(?-i:[a-z])[\w-]*\s+){0,3}?(?-i:[A-Z][\w.'’-]*\s+){0,3}$",
    re.IGNORECASE,
)


_DESCRIPTION_AFTER = re.compile(r"^(?:['’]s?)?\s+description\b", re.IGNORECASE)


def lookalike_words(
    ex: _Extractor, s: Sentence, *, possessive: bool = False
) -> str | None:
    """The words by which the one seen only looked like the target, or None.

    "A man resembling Arellano was seen in Los Mochis", "a man who looked like
    him", "a woman matching her description", "a man fitting the description
    of Arellano": the witness saw someone like the target, so the seeing is at
    most ``possible``. "Arellano, who resembles his father, was seen" is the
    target seen: the father is no reference to the target. With
    ``possessive``, the target's "his" and "her" count too ("matching her
    description"), looked for only in a sentence with "description".
    """
    refs = [r for r in s.refs if r.kind in ("name", "nisba", "title", "pronoun")]
    if possessive and "description" in s.text.lower():
        refs += [r for r in ex.possessive_refs() if s.span[0] <= r.start < s.span[1]]
    for r in refs:
        before = ex.text[max(s.span[0], r.start - 70) : r.start]
        m = _LOOKALIKE_BEFORE.search(before)
        if m is None:
            continue
        after = ex.text[r.end : min(s.span[1], r.end + 20)]
        owner = after[:1] in ("'", "’") or r.text.lower() in ("his", "her")
        described = _DESCRIPTION_AFTER.match(after) is not None
        if m.group("own") is not None and not described:
            continue  # "matching Arellano" alone is no wording of ours
        if owner and not described:
            continue  # "resembling Arellano's brother": the brother
        cue = ex.text[r.start - len(before) + m.start() : r.start].strip()
        return cue + " ... description" if described else cue
    return None


#: Verbs (lemmas) by which the one described only looked like the target: "a
#: man *matching* his description", "*fitting* her description".
_LOOKALIKE_LEMMAS = frozenset({"match", "fit", "resemble"})


def lookalike_doing(ex: _Extractor, s: Sentence) -> Any:
    """The verb of what someone like the target did, with no word of seeing.

    "A store clerk told officers *a man matching his description bought* a
    bottle of water at a gas station in Leeds": the one who matched the
    target's description is the subject of the verb, which is neither one of
    seeing nor a copula; its places are where the witness put him. None
    otherwise, or unparsed, or where the description is not the target's
    (:func:`lookalike_words`).
    """
    if s.sent is None or lookalike_words(ex, s, possessive=True) is None:
        return None
    for tok in s.sent:
        verb = tok.head
        if (
            tok.dep_ in ("nsubj", "nsubjpass")
            and verb.pos_ == "VERB"
            and verb.lemma_.lower() not in SEE_LEMMAS
            and any(
                c.dep_ in ("acl", "relcl") and c.lemma_.lower() in _LOOKALIKE_LEMMAS
                for c in tok.children
            )
        ):
            return verb
    return None


def is_trace(subject: tuple[str | None, str, str]) -> bool:
    """Whether the one seen (:func:`seen_subject`) is one of the target's things.

    "Jane Doe's car was seen": a trace (:mod:`geosleuth.read.traces`), not an
    associate.
    """
    who, kind, desc = subject
    return kind == "associate" and who is None and _is_thing(desc)


def sees_a_thing(ex: _Extractor, s: Sentence, at: int) -> bool:
    """Whether the verb of seeing at offset ``at`` sees one of the target's things.

    Its subject is one of :data:`THINGS` owned by the target's name or by "his"
    or "her" that is the target's ("*Her car* was seen in Aspen"): a trace
    (:mod:`geosleuth.read.traces`). False without a parse.
    """
    verb = next(
        (t for t in (s.sent if s.sent is not None else []) if t.idx == at), None
    )
    if verb is None:
        return False
    owners = [(r.start, r.end) for r in s.refs if r.kind in ("name", "nisba", "title")]
    owners += [
        (r.start, r.end)
        for r in ex.possessive_refs()
        if s.span[0] <= r.start < s.span[1]
    ]
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and c.lemma_.lower() in THINGS
        and any(
            g.dep_ == "poss" and any(a <= g.idx < b for a, b in owners)
            for g in c.children
        )
        for c in verb.children
    )


def _is_thing(desc: str) -> bool:
    """Whether what was seen is one of the target's things ("Doe's car")."""
    words = desc.lower().split()
    return bool(words) and (words[-1] in THINGS or words[-1].rstrip("s") in THINGS)


#: The subject of a verb: "Jane Doe *who* was seen".
_SUBJ = ("nsubj", "nsubjpass")


def seen_by_someone(ex: _Extractor, s: Sentence) -> int | None:
    """Where a verb of seeing in the active voice has the target as its object.

    "A shepherd saw al-Baghdadi", "Tom Fox said he saw Jane Doe", "hikers reported
    seeing Doe": the object's head word is the target's name, title or nisba (not
    "al-Baghdadi's car"); or "him" or "her" that refers to the target
    (:func:`~geosleuth.read.target.find_object_pronouns`: "Residents saw her in
    Vail", "a driver had seen him in Mosul"). The verb is one that
    :data:`SEEN` reads: "see" itself ("want to see him in court") is not. Returns
    the verb's offset in the document, or None.
    """
    if s.sent is None:
        return None
    named = [r for r in s.refs if r.kind in ("name", "nisba", "title")]
    named += [r for r in ex.object_refs if s.span[0] <= r.start < s.span[1]]
    for tok in s.sent:
        if (
            tok.pos_ != "VERB"
            or tok.lemma_.lower() not in SEE_LEMMAS
            or not SEEN.fullmatch(tok.text)
        ):
            continue
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
            continue  # "was seen": the passive is seen_subject's
        for obj in tok.children:
            if obj.dep_ in ("dobj", "obj") and any(
                r.start <= obj.idx < r.end for r in named
            ):
                return int(tok.idx)
    return None


def _after_reporting(ex: _Extractor, s: Sentence, start: int, end: int) -> int:
    """Where the text after the last reporting verb in ``start:end`` begins."""
    from geosleuth.read.attribution import REPORTING_LEMMAS

    ends = [
        t.idx + len(t.text)
        for t in (s.sent if s.sent is not None else [])
        if start <= t.idx < end
        and t.pos_ in ("VERB", "AUX")
        and t.lemma_.lower() in REPORTING_LEMMAS
    ]
    if s.attr.verb:
        said = list(re.finditer(rf"\b{re.escape(s.attr.verb)}\b", ex.text[start:end]))
        ends += [start + m.end() for m in said[-1:]]
    return max(ends, default=start)


def seen_subject(
    ex: _Extractor, s: Sentence, seen_at: int
) -> tuple[str | None, Literal["target", "associate"], str] | None:
    """(who, subject kind, description) of the one seen at ``seen_at``, or None.

    A reference to the target in the speaker's words ("*Jane Doe's* brother said
    residents saw her") says who speaks, not who was seen. In a relative clause
    ("Jane Doe, *who* was last seen in Aspen"), the one seen is the noun that the
    clause describes: none if that is not the target's name, title, nisba or
    pronoun ("Jane Doe's brother, who was last seen in Aspen").
    """
    verb = next(
        (t for t in (s.sent if s.sent is not None else []) if t.idx == seen_at), None
    )
    subjects = [
        c for c in (verb.children if verb is not None else []) if c.dep_ in _SUBJ
    ]
    described = [antecedent(c) for c in subjects if antecedent(c).i != c.i]
    if described and not any(
        r.start <= described[0].idx < r.end
        for r in s.refs
        if r.kind in ("name", "nisba", "title", "pronoun")
    ):
        return None
    before = [
        r
        for r in s.refs
        if r.start < seen_at
        and not any(overlaps((r.start, r.end), span) for span in s.attr.excluded)
    ]
    persons = [
        e
        for e in (ex.persons_in(s.sent) if s.sent is not None else [])
        if e.start_char < seen_at
        and not any(
            overlaps((e.start_char, e.end_char), (r.start, r.end)) for r in s.refs
        )
        # the speaker ("Police officer John Smith said Doe was seen") is not seen
        and not any(
            overlaps((e.start_char, e.end_char), span) for span in s.attr.excluded
        )
    ]
    if persons and before and _ASSOCIATE.search(ex.text[persons[0].end_char : seen_at]):
        desc = ex.text[persons[0].end_char : seen_at].strip(" ,")
        desc = re.sub(_TRAILING_AUX, "", desc)
        return persons[0].text, "associate", desc
    head = ex.text[s.span[0] : before[0].start] if before else ""
    if before:  # "Her brother said Doe was seen": the brother is the speaker
        head = head[_after_reporting(ex, s, s.span[0], before[0].start) - s.span[0] :]
    if before:
        # "Baghdadi's driver was spotted": the one seen is the target's associate;
        # "Doe's car was seen": what was seen is the target's, not the target
        own = _POSSESSED.match(ex.text[before[0].end : seen_at])
        if own is not None:
            desc = (ex.text[before[0].start : before[0].end] + own.group(0)).strip()
            return None, "associate", re.sub(_TRAILING_AUX, "", desc)
        from geosleuth.read._with_others import seen_with

        owned = next((c for c in subjects if _someone_of_the_target(s, c)), None)
        together = [*s.refs, *(r for r in ex.object_refs if r.start >= seen_at)]
        if owned is not None and not seen_with(verb, together):
            # "Salcedo's deputy, Juan Pérez, was seen": the deputy, named beside;
            # "... was seen with him": the target, seen with his deputy
            who = next(
                (
                    ex.text[slice(*subtree_span(c))]
                    for c in owned.children
                    if c.dep_ == "appos" and c.ent_type_ == "PERSON"
                ),
                None,
            )
            desc = ex.text[owned.left_edge.idx : owned.idx + len(owned.text)]
            return who, "associate", desc
    if before and not persons and _ASSOCIATE.search(head):
        # "The son of Rodrigo Barrientos": the description ends with the name
        desc = head + ex.text[before[0].start : before[0].end]
        return None, "associate", desc.strip(" ,")
    named = [r for r in before if r.kind in ("name", "nisba", "title", "pronoun")]
    if named and (
        not persons or persons[0].start_char > named[0].start or not head.strip()
    ):
        return None, "target", ""
    if any(r.start <= c.idx < r.end for c in subjects for r in named):
        # the parse says the target is the one seen, whoever was named before:
        # "After he escaped from the al-Hol camp, al-Baghdadi was seen in Hajin"
        return None, "target", ""
    return None
