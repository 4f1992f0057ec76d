"""Who a search was for: the target's references and the other people of a text.

The rule of the person named last (:mod:`geosleuth.read._target_pronouns`) as
:mod:`geosleuth.read.searches` applies it to the one a search sought or did not
find: "for her", "found no trace of him", "for the pair", or no one named
(:func:`_whose`). :mod:`geosleuth.read.found` asks it too, whether a group found
("the men were found alive") holds the target (:meth:`_People.in_group`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Literal

from geosleuth.read._doc_text import doc_text
from geosleuth.read._sentence import overlaps, resolved
from geosleuth.read._target_pronouns import (
    GENDER_OF,
    PRONOUN_REACH,
    _own_and_others,
    _refers_to_target,
)
from geosleuth.read.target import _people_and_gender, _speakers_of

if TYPE_CHECKING:
    from geosleuth.read._search_outcomes import _Failure
    from geosleuth.read.claims import _Extractor

#: Nouns for the one sought that may be the target, named by description ("for
#: the missing hiker"): the rule of the person named last decides.
_SOUGHT_NOUNS = frozenset(
    {"fugitive", "suspect", "woman", "man", "girl", "boy", "child", "teenager",
     "teen", "hiker", "climber", "walker", "swimmer", "runner", "victim",
     "person", "pilot", "sailor", "student", "tourist", "leader", "gunman",
     "kidnapper", "escapee", "mother", "father", "pensioner", "skier"}
)  # fmt: skip
#: Words for a group that the target may be one of: "for the pair", "no trace
#: of them", "the two", "the hikers" (a plural of :data:`_SOUGHT_NOUNS`).
_GROUP_WORDS = frozenset(
    {"pair", "two", "three", "couple", "duo", "trio", "group", "both", "them",
     "they", "family", "friends", "party"}
)  # fmt: skip
#: What a group named with the target looks like right after her name ("Jane
#: Doe *and her friend* Tom Fox", "Jane Doe, 34, *and* Tom Fox") or right
#: before it ("Tom Fox *and* Jane Doe").
_WITH_AFTER = re.compile(
    r"(?:,\s*\d{1,3},?)?\s+(?:and|&)\s+(?:(?:her|his|their|a|an|the)\s+)?\w",
    re.IGNORECASE,
)
_WITH_BEFORE = re.compile(
    r"(?:,\s*\d{1,3},?)?\s+(?:and|&)\s+(?:[A-Z][\w’'-]*\.?\s+){0,2}$"
)


class _People:
    """The target's references and the other people of a document.

    For the rule of the person named last
    (:mod:`geosleuth.read._target_pronouns`).
    """

    def __init__(self, ex: _Extractor) -> None:
        self.text = ex.text
        refs = [r for r in (*ex.refs, *ex.object_refs) if r.kind != "leaders"]
        self.spans = [(r.start, r.end) for r in refs]
        names = [r for r in ex.refs if r.kind in ("name", "nisba", "title")]
        places = [(m.start, m.end) for m in ex.mentions if resolved(m)]
        persons: list[tuple[int, int]] = []
        gender = None
        if ex.target is not None:
            persons, gender, _ = _people_and_gender(
                ex.text, ex.target, names, ex.doc, places
            )
        # a speaker ("Sheriff John Smith said a search ...") is no one sought
        speakers = _speakers_of(ex.doc)
        persons = [p for p in persons if not any(overlaps(p, x) for x in speakers)]
        # "the Blackcomb Glacier", "Ammonoosuc Ravine Trail", "the Cog Railway
        # base station": a place to the toponyms (resolved or not), or a name
        # with "the", is no person
        where = [(m.start, m.end) for m in ex.mentions]
        persons = [
            p
            for p in persons
            if not any(overlaps(p, x) for x in where)
            and _THE.match(ex.text, p[0]) is None
            and _THE_BEFORE.search(ex.text, max(0, p[0] - 4), p[0]) is None
        ]
        own, self.others = _own_and_others(ex.text, names, persons, ex.target)
        self.named = own
        # "She was last seen in Vail. A search ...": the target's pronouns are
        # the target named too, and so are her "his" and "her" ("her car")
        self.own = sorted(
            own
            + [(r.start, r.end) for r in refs if r.kind == "pronoun"]
            + [(r.start, r.end) for r in ex.possessive_refs()]
        )
        self.sought = _sought_ones(ex.doc, self.spans + self.own, self.others)
        #: The target's gender, as the text tells it ("Mrs Doe"; "she" after
        #: her name), if it does.
        self.genders = (
            {gender}
            if gender is not None
            else {GENDER_OF[r.text.lower()] for r in refs if r.kind == "pronoun"}
        )

    def is_target(self, tok: Any) -> bool:
        """Whether the word ``tok`` refers to the target."""
        if any(a <= tok.idx < b for a, b in self.spans):
            return True
        gender = GENDER_OF.get(tok.lower_)
        if gender is None or (self.genders and gender not in self.genders):
            return False
        return self.refers(int(tok.idx), gender)

    def refers(self, at: int, gender: str) -> bool:
        """Whether "he" or "she" (``gender``) at ``at`` would be the target.

        By the rule of the person named last, or in a text about one missing
        person (:meth:`one_sought`).
        """
        if _refers_to_target(self.text, at, gender, self.own, self.others):
            return True
        return self.one_sought(at)

    def one_sought(self, at: int) -> bool:
        """Whether the text before ``at`` tells of one missing person, the target.

        The target was named before ``at``, someone before it went missing or
        was sought ("A Vancouver skier who went missing", "Jane Doe was reported
        missing", "was last seen", "police are looking for Jane Doe"), and no
        one else was (:func:`_sought_ones`): a search there that names no one,
        or "him" or "her" of the target's gender, is for the target, whoever
        spoke or saw in between ("..., Sgt. Glenda Pierce said. Search crews
        combed ... but found no sign of him"). Not after "Police are also
        looking for Tom Fox." nor "Jane Doe's brother went missing".
        """
        if not any(b <= at for _, b in self.own):
            return False
        kinds = [kind for start, kind in self.sought if start < at]
        return bool(kinds) and "other" not in kinds

    def in_group(self, at: int) -> bool:
        """Whether a group ("the pair", "them") at ``at`` holds the target.

        The target named last before ``at`` (within
        :data:`~geosleuth.read.target.PRONOUN_REACH` characters) was named with
        another person ("Jane Doe and her friend Tom Fox went missing", "Tom
        Fox and Jane Doe"), and no one else was named between them and ``at``
        (the one named with her, named again, is no one else: "Fox's wife
        reported them missing"; nor is a speaker: "Tom Cole said"). The reach
        runs on from each word that names the group again (:func:`_group_reach`).
        """
        last = max(
            ((a, b) for a, b in self.named if b <= at), key=lambda x: x[1], default=None
        )
        if last is None or at - _group_reach(self.text, last[1], at) > PRONOUN_REACH:
            return False
        a, b = last
        end = None
        mates: set[str] = set()
        if _WITH_AFTER.match(self.text, b) is not None:
            # the one named with her: the person named right after, if any
            partner = [p for p in self.others if b < p[0] <= b + 40 and p[1] <= at]
            end = min((p[1] for p in partner), default=b)
            mates = {self.text[p[0] : p[1]].split()[-1] for p in partner[:1]}
        else:
            partner = [
                p
                for p in self.others
                if p[1] <= a and _WITH_BEFORE.fullmatch(self.text, p[1], a) is not None
            ]
            end = b if partner else None
            mates = {self.text[p[0] : p[1]].split()[-1] for p in partner[-1:]}
        if end is None:
            return False
        # "Jane Doe and her friend Tom Fox ... Fox's wife reported them missing":
        # the one named with her, named again, is of the group still
        # nor is a speaker ("..., police spokesperson Nqobile Gwala said")
        return not any(
            end < pe <= at
            and self.text[ps:pe].split()[-1] not in mates
            and _SAID_AFTER.match(self.text, pe) is None
            for ps, pe in self.others
        )


#: Words that name a group again ("The pair were last seen", "reported *them*
#: missing"): the reach of the group runs on from each.
_GROUP_AGAIN = re.compile(
    r"\b(?:(?:the|both)\s+(?:pair|two|three|couple|duo|trio|men|women|friends|"
    r"hikers|climbers|walkers|brothers|sisters)|they|them|both)\b",
    re.IGNORECASE,
)


#: What follows a speaker's name: "Gwala said", "Botha told reporters".
_SAID_AFTER = re.compile(r",?\s+(?:said|says|told|added|explained)\b")


def _group_reach(text: str, end: int, at: int) -> int:
    """Where the group named up to ``end`` was last named again before ``at``.

    Each word for the group (:data:`_GROUP_AGAIN`) within
    :data:`~geosleuth.read.target.PRONOUN_REACH` characters of the one before
    it names it again.
    """
    last = end
    for m in _GROUP_AGAIN.finditer(text, end, at):
        if m.start() - last > PRONOUN_REACH:
            break
        last = m.end()
    return last


def _sought_kind(
    people_: _People, tok: Any
) -> Literal["target", "other", "group", "open", "none"]:
    """Who ``tok``, the one sought or not found, is.

    ``"target"`` (also a group that the target was named in: "Jane Doe and her
    friend Tom Fox ..." then "the pair", "them"); ``"other"`` (someone named, a
    relative or someone's, a thing); ``"group"`` (a group not tied to the
    target); ``"open"`` (a description that may be the target: "the missing
    hiker"); ``"none"`` (anything, anyone).
    """
    words = [tok, *(c for c in tok.children if c.dep_ in ("appos", "compound", "flat"))]
    if any(people_.is_target(w) for w in words):
        return "target"
    lower = tok.lower_
    if lower in ("anything", "anyone", "anybody", "something", "someone", "nothing"):
        return "none"
    if _is_group(tok):
        return "target" if people_.in_group(int(tok.idx)) else "group"
    if tok.pos_ in ("PRON", "PROPN") or tok.ent_type_ == "PERSON":
        return "other"
    if any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of")
        for c in tok.children
    ):
        return "other"  # "her brother", "the son of Jane Doe"
    if tok.lemma_.lower() in _SOUGHT_NOUNS or any(
        c.lower_ == "missing" for c in tok.children
    ):
        return "open"
    return "other"  # "weapons", "drugs"


def _is_group(tok: Any) -> bool:
    """Whether ``tok`` names a group of people: "the pair", "them", "the hikers"."""
    lemma = tok.lemma_.lower()
    if tok.lower_ in _GROUP_WORDS or lemma in _GROUP_WORDS - {"they"}:
        return not any(c.dep_ == "poss" for c in tok.children)  # "her family"
    return tok.tag_ == "NNS" and lemma in _SOUGHT_NOUNS


#: A name with "the" before it is a thing's ("the Blackcomb Glacier"), not a
#: person's, whatever the tagger calls it.
_THE = re.compile(r"the\s", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\bthe\s$", re.IGNORECASE)
#: Words by which someone is missing: "went missing", "reported overdue".
_MISSING = frozenset({"missing", "overdue"})
#: Verbs (lemmas) of going missing: "disappeared", "vanished".
_VANISH_LEMMAS = frozenset({"disappear", "vanish"})
#: Verbs and nouns (lemmas) of seeking someone: "looking for", "a search for",
#: "hunting for", "police are seeking Tom Fox".
_SEEK_LEMMAS = frozenset({"look", "search", "hunt", "seek", "manhunt"})
#: Words of the same, for a sentence that was not parsed.
_SOUGHT_TEXT = re.compile(
    r"\b(?:missing|overdue|disappeared|vanished|last\s+seen|(?:looking|"
    r"search(?:ing)?|hunt(?:ing)?)\s+for|sought|seeking)\b",
    re.IGNORECASE,
)


def _sought_ones(
    doc: Any, own: list[tuple[int, int]], others: list[tuple[int, int]]
) -> list[tuple[int, Literal["target", "open", "other"]]]:
    """(offset, kind) of each one that ``doc`` says went missing or is sought.

    ``"target"`` where the one is the target (``own``: her name, "she", "him"),
    ``"other"`` where it is someone else named (one of ``others``, a person to
    the tagger), someone's relative or friend ("Jane Doe's brother went
    missing", "her friend"), or "another"; ``"open"`` for a description that
    may be hers ("a Vancouver skier who went missing"). From the parse: the
    subject of "went missing", "was reported overdue", "disappeared", "was last
    seen", the object of "reported him missing", of "looking for", "a search
    for", "seeking", a noun "missing" describes. In a sentence that was not
    parsed, each person of ``others`` in it is ``"other"`` where the sentence
    has words of it (:data:`_SOUGHT_TEXT`).
    """
    found: list[tuple[int, Literal["target", "open", "other"]]] = []
    for tok in doc:
        # "Jane Doe and her friend Tom Fox went missing": each of them
        for one in (o for w in _sought_by(tok) for o in (w, *w.conjuncts)):
            if any(a <= one.idx < b for a, b in own):
                found.append((int(one.idx), "target"))
            elif (
                one.ent_type_ == "PERSON"
                or any(a <= one.idx < b for a, b in others)
                or any(c.dep_ == "poss" for c in one.children)
                or any(c.lower_ == "another" for c in one.children)
            ):
                found.append((int(one.idx), "other"))
            elif one.pos_ in ("NOUN", "PROPN", "PRON"):
                found.append((int(one.idx), "open"))  # "a skier", "she"
    text = doc.text
    for a, b in others:
        at = doc.char_span(a, b, alignment_mode="expand")
        if at is None or at.root.dep_:
            continue  # parsed: read above
        start = max(text.rfind(".", 0, a), text.rfind("\n", 0, a)) + 1
        end = min(
            x for x in (text.find(".", b), text.find("\n", b), len(text)) if x >= 0
        )
        if _SOUGHT_TEXT.search(text, start, end) is not None:
            found.append((a, "other"))
    return sorted(found)


def _sought_by(tok: Any) -> list[Any]:
    """The words for whom ``tok`` says went missing or is sought (see above)."""
    lemma, head = tok.lemma_.lower(), tok.head
    if tok.lower_ in _MISSING:
        if tok.dep_ in ("amod", "acl"):
            # "a missing hiker", "A Worcester man missing for two nights"
            return [head]
        if tok.dep_ in ("acomp", "xcomp", "oprd", "ccomp", "advmod", "dep"):
            # "went missing", "was reported overdue"; "His roommate reported
            # *him* missing": the object, not who reported
            own = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            objs = [c for c in head.children if c.dep_ in ("dobj", "obj")]
            subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
            return own or objs or subjects
        return []
    if tok.pos_ == "VERB" and lemma in _VANISH_LEMMAS:
        return [c for c in tok.children if c.dep_ == "nsubj"]
    if tok.pos_ == "VERB" and lemma == "see":
        if any(c.lower_ == "last" for c in tok.children):
            return [c for c in tok.children if c.dep_ == "nsubjpass"]
        return []
    if lemma in _SEEK_LEMMAS and tok.pos_ in ("VERB", "NOUN"):
        out = [
            g
            for p in tok.children
            if p.dep_ == "prep" and p.lower_ == "for"
            for g in p.children
            if g.dep_ == "pobj"
        ]
        if tok.pos_ == "VERB" and lemma in ("seek", "hunt"):
            out += [c for c in tok.children if c.dep_ in ("dobj", "obj")]
        return out
    return []


#: Times that a "for" phrase gives: "searched for three days".
_TIME_NOUNS = frozenset(
    {"hour", "day", "week", "month", "year", "night", "minute", "time", "while"}
)


def _whose(
    people_: _People, anchor: Any, failure: _Failure | None
) -> tuple[Literal["target", "other", "group", "unknown"], str]:
    """Whether the search of ``anchor`` is for the target, and the words if not.

    ``"target"`` where the one sought or not found is the target, where the
    search names no one and the person named last before it is the target, or
    where its phrase says the target was thought to be there ("a house in
    Leeds where Jane Doe was thought to be hiding");
    ``"other"`` (with the words for whom) where it names someone or something
    else; ``"group"`` (with the words) where it names a group that the target
    was not named in; ``"unknown"`` where it names no one and the person named
    last is not the target.
    """
    sought = [*_for_phrases(anchor), *(failure.sought if failure else ())]
    kinds = [(_sought_kind(people_, g), g) for g in sought]
    if any(k == "target" for k, _ in kinds):
        return "target", ""
    other = next((g for k, g in kinds if k == "other"), None)
    if other is not None:
        return "other", _phrase(other)
    group = next((g for k, g in kinds if k == "group"), None)
    if group is not None:
        return "group", _phrase(group)
    if all(people_.refers(anchor.idx, g) for g in ("he", "she")):
        return "target", ""
    if any(_where_target(people_, tok) for tok in anchor.subtree):
        return "target", ""
    return "unknown", ""


def _where_target(people_: _People, tok: Any) -> bool:
    """Whether ``tok`` is the target as the subject of a "where" clause.

    "raided a house in Barranquilla *where Jane Doe was thought to be hiding*":
    the search was for her, whatever word the parse hangs the clause on.
    """
    head = tok.head
    return bool(
        tok.dep_ in ("nsubj", "nsubjpass")
        and head.dep_ == "relcl"
        and any(c.lower_ == "where" for c in head.children)
        and people_.is_target(tok)
    )


def _phrase(tok: Any) -> str:
    """The words of ``tok``'s phrase: "her brother", "weapons"."""
    a, b = tok.left_edge, tok.right_edge
    return str(doc_text(tok.doc)[a.idx : b.idx + len(b.text)])


def _for_phrases(anchor: Any) -> list[Any]:
    """The ones sought by the search of ``anchor``: "for Jane Doe", "for her".

    A "for" in the search's phrase (no other verb between), with no time ("for
    three days"). The parse may hang it on the place ("combed the slopes above
    Chamonix *for Jane Doe*").
    """
    out = []
    for prep in anchor.subtree:
        if prep.dep_ != "prep" or prep.lower_ != "for":
            continue
        tok, clear = prep.head, True
        while tok.i != anchor.i:
            if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
                clear = False
                break
            tok = tok.head
        if not clear:
            continue
        out += [
            g
            for g in prep.children
            if g.dep_ == "pobj"
            and g.lemma_.lower() not in _TIME_NOUNS
            and g.ent_type_ not in ("DATE", "TIME")
        ]
    return out
