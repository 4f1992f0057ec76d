"""Whose a thing is where no "his" or "her" before it says so: traces' owners.

:mod:`geosleuth.read.traces` reads the target's things owned by "his", "her" or
the target's name ("Her car was found in Aspen"). A report also ties a thing to
the target in other ways, read here:

- a "his" or "her" that the rule of the person named last
  (:mod:`geosleuth.read._target_pronouns`) gives to a "person" the tagger made
  of a place or of a thing's name: "... to run a loop over Cairn Gorm and *Ben
  Macdui*, police said. ... *His* last Strava upload" (:func:`owner_is_target`);
  a "his" in the clause of the target as subject ("Martin Pryce ... left
  *Camaret*-sur-Mer ... aboard *his* 10-metre sloop"); "their" and "theirs" of
  a group the target was named in ("Johan Pretorius, 52, and his friend Sipho
  Ndlovu ... a tent matching the description of *theirs*");
- the target's craft (:data:`CRAFT_WORDS`: a boat, a yacht, a plane), named as
  the target's once ("left ... aboard *his 36-foot lobster boat, the Miss
  Abigail*", "took off ... in *his Piper PA-18 Super Cub*") and named again by
  its name ("Another fisherman found *the Miss Abigail* running") or by a word
  of its kind with "the" ("Radar data showed *the aircraft's* last position"),
  and the things of that craft ("*the yacht's* emergency beacon");
- the wreckage of that craft ("a Civil Air Patrol crew spotted *wreckage* ...
  roughly 6 miles southeast of Rainy Pass Lodge");
- a thing said to be the target's with a hedge: "a pack *believed to be his*",
  "an empty liferaft, *believed to be from the Kestrel*", "a tent *matching the
  description of theirs*". The trace is then no surer than the words: the hedge
  of "believed" (probable), and at most possible for a thing that only looks
  like the target's;
- a record of the target's that put the target somewhere: "His last Strava
  upload ... *put him near* the summit of Ben Macdui", "Phone records placed
  her in Leeds" (:func:`record_verb`).

Not read: another's craft ("the cutter Tahoma", "a fishing boat"), a word of a
craft's kind when another craft was named since the target's ("... by a French
navy patrol boat. *The boat* ..."), wreckage when the target has no craft, a
thing "believed to be" someone else's.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from geosleuth.evidence import Hedge
from geosleuth.read._doc_text import doc_text
from geosleuth.read._lexicon import PERSON_NOUNS
from geosleuth.read._search_people import _People
from geosleuth.read._target_pronouns import (
    GENDER_OF,
    _refers_to_target,
    _witness_of_gender,
)
from geosleuth.read.hedges import hedge_of, weakest
from geosleuth.read.target import _people_and_gender

if TYPE_CHECKING:
    from geosleuth.read.claims import _Extractor

__all__ = [
    "CRAFT_WORDS",
    "LINKED_THINGS",
    "WRECKAGE",
    "Link",
    "craft_link",
    "hedged_link",
    "names_craft",
    "is_record",
    "owner_is_target",
    "record_verb",
]

#: Words (lemmas) for each kind of craft the target may travel in and leave a
#: trace of: "his *sloop* Kestrel", "his *Piper* PA-18 Super Cub" (a maker's
#: name before the model), "*the aircraft's* last position".
CRAFT_WORDS: dict[str, frozenset[str]] = {
    "vessel": frozenset(
        {"boat", "yacht", "sloop", "ketch", "yawl", "schooner", "catamaran",
         "trimaran", "trawler", "vessel", "dinghy", "kayak", "canoe", "motorboat",
         "sailboat", "skiff", "lobsterboat"}
    ),
    "aircraft": frozenset(
        {"plane", "aircraft", "airplane", "aeroplane", "helicopter", "glider",
         "microlight", "floatplane", "seaplane", "cessna", "piper", "beechcraft",
         "mooney", "maule"}
    ),
}  # fmt: skip
#: What is left of a craft after it was lost: "spotted *wreckage* ...".
WRECKAGE = frozenset({"wreckage", "wreck"})
#: Records of the target's devices or apps that may put the target somewhere:
#: "His last Strava *upload* ... put him near", "Phone *records* placed her".
_RECORDS = frozenset(
    {"upload", "post", "photo", "photograph", "picture", "selfie", "activity",
     "data", "record", "check-in"}
)  # fmt: skip
#: Verbs (lemmas) by which a record puts the one in it somewhere: "put him
#: near", "placed her in", "showed him at" (the last for one of the target's own).
_PLACING = frozenset({"put", "place", "locate", "show"})
#: The target's things beyond :data:`~geosleuth.read.sightings.THINGS` that a
#: trace may be of: a pack, a liferaft, a craft, its wreckage, a record.
LINKED_THINGS = frozenset(
    {"pack", "daypack", "liferaft", *CRAFT_WORDS["vessel"], *CRAFT_WORDS["aircraft"],
     *WRECKAGE, *_RECORDS}
)  # fmt: skip
#: Verbs (lemmas) that hedge whose a thing is: "a pack *believed* to be his".
_BELIEF = frozenset(
    {"believe", "think", "understand", "presume", "suspect", "assume", "say"}
)
#: Words by which a thing only looks like the target's: "*matching* the
#: description of theirs", "*similar* to his".
_LOOKALIKE = frozenset({"matching", "fitting", "resembling", "similar", "like"})
#: Prepositions whose object, a name the tagger took for a person, is a place or
#: a thing, not someone a later "his" could stand for: "by *Brown Tongue*",
#: "over Cairn Gorm and *Ben Macdui*", "aboard *Kestrel*".
_PLACE_PREPS = frozenset(
    {"in", "at", "near", "by", "over", "off", "via", "aboard", "across", "toward",
     "towards", "into", "onto", "above", "below", "beside", "past", "through",
     "around", "on", "of", "along", "outside", "inside", "up", "down"}
)  # fmt: skip
#: How far back (characters) a craft named with "the" may be the target's.
_CRAFT_REACH = 1500


class Link(NamedTuple):
    """A thing tied to the target, and how sure the tie is.

    ``words`` name the thing for the note ("the aircraft's (his Piper PA-18
    Super Cub)"); ``hedge`` and ``cue`` say how sure the text is that it is the
    target's ("believed to be his": probable); ``verb``, when not None, is the
    verb that puts it somewhere where the parse lost the tie ("a pack believed
    to be his *was found*"); ``who``, when not None, names the thing for the
    trace's associate ("the target's vessel" for "the Miss Abigail").
    """

    words: str
    hedge: Hedge = "certain"
    cue: str | None = None
    verb: Any = None
    who: str | None = None


_PEOPLE: weakref.WeakKeyDictionary[Any, _People] = weakref.WeakKeyDictionary()
_CRAFTS: weakref.WeakKeyDictionary[Any, list[tuple[Any, str, str | None]]] = (
    weakref.WeakKeyDictionary()
)


def _people(ex: _Extractor) -> _People:
    """The target's references and the other people of ``ex`` (once a document)."""
    people = _PEOPLE.get(ex)
    if people is None:
        people = _PEOPLE[ex] = _People(ex)
    return people


def owner_is_target(ex: _Extractor, owner: Any) -> bool:
    """Whether the pronoun ``owner`` ("his", "her", "theirs", "him") is the target's.

    A possessive, or the object of a record's verb (:func:`record_verb`). For one
    that the reader's rule left out (:mod:`geosleuth.read.target` gives the
    others): "his" or "her" in a clause whose subject is the target ("Martin
    Pryce ... left Camaret-sur-Mer aboard *his* sloop"), or that the rule of the
    person named last gives to the target once a "person" of the tagger's that
    stands as a place or names a thing is no one (:func:`_pronouns`); "their" or
    "theirs" of a group the target was named in.
    """
    lower = owner.lower_
    if lower in ("their", "theirs"):
        return _people(ex).in_group(int(owner.idx))
    gender = GENDER_OF.get(lower)
    if gender is None:
        return False  # "her brother's car": the brother's
    people = _people(ex)
    if people.genders and gender not in people.genders:
        return False
    return _subject_is_target(people, owner) or int(owner.idx) in _pronouns(ex)


#: The pronouns that may stand for the target as owner or object.
_PRONOUN = re.compile(r"\b(?:[Hh]is|[Hh]ers?|[Hh]im)\b")
_PRONOUNS: weakref.WeakKeyDictionary[Any, set[int]] = weakref.WeakKeyDictionary()


def _pronouns(ex: _Extractor) -> set[int]:
    """Starts of the target's "his", "her", "hers" and "him" in ``ex``.

    By the rule of the person named last, as a search's "him" is
    (:class:`~geosleuth.read._search_people._People`: the target's pronouns
    name her again, a speaker is no one), with the tagger's "persons" that are
    no one (:func:`_no_one`) left out, and not after a witness of the pronoun's
    gender in the witness's sentence ("A man who saw Jane Doe said *his* car
    ..."); once a document.
    """
    found = _PRONOUNS.get(ex)
    if found is None:
        found = set()
        if ex.target is not None:
            names = [r for r in ex.refs if r.kind in ("name", "nisba", "title")]
            _, _, witnesses = _people_and_gender(
                ex.text, ex.target, names, ex.doc, ex._places
            )
            people = _people(ex)
            others = [p for p in people.others if not _no_one(ex, p)]
            ends = sorted(e for _, e in people.own)
            for m in _PRONOUN.finditer(ex.text):
                gender = GENDER_OF[m.group(0).lower()]
                if not _witness_of_gender(
                    ex.text, m.start(), gender, people.named, witnesses
                ) and _refers_to_target(
                    ex.text, m.start(), gender, people.own, others, ends=ends
                ):
                    found.add(m.start())
        _PRONOUNS[ex] = found
    return found


def _subject_is_target(people: _People, owner: Any) -> bool:
    """Whether the subject of the clause of ``owner`` refers to the target.

    "Jacob Eaton, 41, left the Stonington fish pier aboard *his* boat": "his"
    is the subject's, whoever else the clause names.
    """
    verb = next((a for a in owner.ancestors if a.pos_ in ("VERB", "AUX")), None)
    while verb is not None:
        subject = next(
            (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None
        )
        if subject is not None and subject.i != owner.i:
            return any(a <= subject.idx < b for a, b in (*people.named, *people.own))
        verb = verb.head if verb.dep_ == "conj" and verb.head.i != verb.i else None
    return False


def _no_one(ex: _Extractor, span: tuple[int, int]) -> bool:
    """Whether a PERSON entity at ``span`` stands as a place or a thing's name.

    The object of a preposition of place ("by *Brown Tongue*", "over Cairn Gorm
    and *Ben Macdui*"), or a word before a common noun that is no person
    ("*Strava* upload", "*Radar* data"): no one a later "his" could stand for.
    """
    words = ex.doc.char_span(span[0], span[1], alignment_mode="expand")
    if words is None or len(words) == 0 or not words.root.dep_:
        return False
    tok = words.root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "pobj":
        return tok.head.dep_ == "prep" and tok.head.lower_ in _PLACE_PREPS
    return (
        tok.dep_ == "compound"
        and tok.head.pos_ == "NOUN"
        and tok.head.lemma_.lower() not in PERSON_NOUNS
        and not tok.head.lower_.endswith(("man", "woman", "person", "er", "ist"))
    )


def _craft_kind(tok: Any) -> str | None:
    """The kind of craft (a key of :data:`CRAFT_WORDS`) the noun ``tok`` names.

    By its word or a word before it: "his *sloop* Kestrel", "his *Piper* PA-18
    Super Cub", "the *aircraft*"; None for no craft.
    """
    words = [tok, *(c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod"))]
    for kind, lemmas in CRAFT_WORDS.items():
        if any(w.lemma_.lower() in lemmas or w.lower_ in lemmas for w in words):
            return kind
    return None


def _craft_name(tok: Any) -> str | None:
    """The name of the craft ``tok`` heads: "sloop *Kestrel*", "boat, *the Miss X*".

    The proper nouns of its own words that are no craft's word ("Piper PA-18
    *Super Cub*"), or those of a proper noun in apposition; None without.
    """
    appos = next(
        (c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None
    )
    head = appos if appos is not None else tok
    words = [
        w
        for w in (*head.lefts, head)
        if w.pos_ == "PROPN"
        and w.dep_ in ("compound", "flat", head.dep_)
        and not any(w.lower_ in kind for kind in CRAFT_WORDS.values())
    ]
    return " ".join(w.text for w in words) or None


def _crafts(
    ex: _Extractor, owned: Callable[[Any], bool]
) -> list[tuple[Any, str, str | None]]:
    """The target's craft of ``ex``: (noun, kind, name), in text order.

    A craft noun (:func:`_craft_kind`) whose possessor ``owned`` says is the
    target ("aboard *his* 36-foot lobster boat", "in *his* Piper PA-18 Super
    Cub"); once a document.
    """
    found = _CRAFTS.get(ex)
    if found is None:
        found = []
        for tok in ex.doc:
            if tok.pos_ not in ("NOUN", "PROPN") or not tok.dep_:
                continue
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            kind = _craft_kind(tok)
            if owner is not None and kind is not None and owned(owner):
                found.append((tok, kind, _craft_name(tok)))
        _CRAFTS[ex] = found
    return found


def _phrase(tok: Any) -> str:
    """The words of the noun ``tok`` from its first modifier: "the aircraft's"."""
    doc = tok.doc
    first = min((c.i for c in tok.lefts if c.dep_ != "poss"), default=tok.i)
    end = tok.idx + len(tok.text)
    if tok.i + 1 < len(doc) and doc[tok.i + 1].dep_ == "case":
        end = doc[tok.i + 1].idx + len(doc[tok.i + 1].text)  # "the aircraft's"
    return str(doc_text(doc)[doc[first].idx : end])


def _craft_words(craft: Any) -> str:
    """The words that named the target's craft: "his Piper PA-18 Super Cub"."""
    doc = craft.doc
    appos = next((c for c in craft.children if c.dep_ == "appos"), None)
    last = appos.right_edge if appos is not None else craft
    start = min(c.left_edge.idx for c in (craft, *craft.lefts))
    return str(doc_text(doc)[start : last.idx + len(last.text)])


def names_craft(ex: _Extractor, tok: Any, owned: Callable[[Any], bool]) -> str | None:
    """The words of the target's craft that ``tok`` names again, or None.

    By its name ("the *Miss Abigail*", "the *Kestrel*") or, with "the", by a
    word of its kind, where the last craft of that kind named before ``tok``
    (within :data:`_CRAFT_REACH` characters) is the target's ("*the aircraft's*
    last position" after "his Piper PA-18 Super Cub"; not after "a fishing
    boat" named since).
    """
    craft = _craft_named(ex, tok, owned)
    return None if craft is None else _craft_words(craft[0])


def _craft_named(
    ex: _Extractor, tok: Any, owned: Callable[[Any], bool]
) -> tuple[Any, str, str | None] | None:
    """The target's craft (noun, kind, name) that ``tok`` names again (see above)."""
    if (
        not tok.dep_
        or tok.dep_ == "compound"
        or any(c.dep_ == "poss" for c in tok.children)
    ):
        return None
    crafts = [c for c in _crafts(ex, owned) if c[0].i < tok.i]
    if not crafts:
        return None
    if tok.pos_ == "PROPN":
        name = " ".join(
            w.text
            for w in (*tok.lefts, tok)
            if w.pos_ == "PROPN" and w.dep_ in ("compound", "flat", tok.dep_)
        )
        return next(
            (
                c
                for c in reversed(crafts)
                if c[2] and (c[2] == name or c[2].endswith(" " + name))
            ),
            None,
        )
    kind = _craft_kind(tok)
    if kind is None or not any(c.lower_ == "the" for c in tok.children):
        return None
    mine = {c[0].i: c for c in crafts}
    for earlier in reversed(tok.doc[max(0, tok.i - 400) : tok.i]):
        if tok.idx - earlier.idx > _CRAFT_REACH:
            return None
        if earlier.pos_ not in ("NOUN", "PROPN") or earlier.dep_ == "compound":
            continue
        if _craft_kind(earlier) == kind:
            # the last craft of that kind named: the target's, or a name of it
            return mine.get(earlier.i) or _craft_named(ex, earlier, owned)
    return None


def craft_link(ex: _Extractor, tok: Any, owned: Callable[[Any], bool]) -> Link | None:
    """How the noun ``tok`` is the target's by the target's craft, or None.

    The craft named again ("the Miss Abigail", "the aircraft's"), a thing of it
    ("*the yacht's emergency beacon*": the target's beacon) or its wreckage
    ("spotted *wreckage*", "the wreckage of the plane"), with the words of the
    thing and of the craft for the note.
    """
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is not None:
        craft = names_craft(ex, owner, owned)  # "the yacht's emergency beacon"
        return None if craft is None else Link(f"{_phrase(tok)} ({craft})")
    if tok.lemma_.lower() in WRECKAGE:
        of = [
            g
            for p in tok.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for g in p.children
            if g.dep_ == "pobj"
        ]
        if of:
            craft = names_craft(ex, of[0], owned)  # "the wreckage of the plane"
        else:
            crafts = [c for c, _, _ in _crafts(ex, owned) if c.i < tok.i]
            craft = _craft_words(crafts[-1]) if crafts else None
        return None if craft is None else Link(f"{tok.text} (of {craft})")
    named = _craft_named(ex, tok, owned)
    if named is None:
        return None
    craft, kind, _ = named
    # "the Miss Abigail": the target's vessel; "the boat": the target's boat
    who = f"the target's {kind}" if tok.pos_ == "PROPN" else None
    return Link(f"{_phrase(tok)} ({_craft_words(craft)})", who=who)


def hedged_link(ex: _Extractor, tok: Any, owned: Callable[[Any], bool]) -> Link | None:
    """The target's thing ``tok`` by the words after it, and their hedge, or None.

    "a pack *believed to be his* was found", "an empty liferaft, *believed to be
    from the Kestrel*, was later spotted", "A tent *matching the description of
    theirs* was spotted": the owner is the target (``owned``, or a craft of the
    target's: :func:`names_craft`); the hedge is that of the words (at most
    possible for a look-alike); the verb is the first that puts the thing after
    them ("was found"), which the parse may hang elsewhere.
    """
    doc = tok.doc
    i = tok.i + 1
    while i < len(doc) and doc[i].is_punct:
        i += 1
    if i >= len(doc):
        return None
    cue_start = doc[i]
    lookalike = cue_start.lower_ in _LOOKALIKE
    if cue_start.lemma_.lower() in _BELIEF and cue_start.tag_ in ("VBN", "VBD"):
        j = i + 1
        if [t.lower_ for t in doc[j : j + 2]] == ["to", "be"]:
            j += 2
        elif [t.lower_ for t in doc[j : j + 3]] == ["to", "have", "been"]:
            j += 3
        else:
            return None
    elif lookalike:
        j = i + 1
        rest = [t.lower_ for t in doc[j : j + 3]]
        if rest == ["the", "description", "of"]:
            j += 3
        elif rest[:1] == ["to"]:
            j += 1
    else:
        return None
    if j >= len(doc):
        return None
    owner = doc[j]
    end = j
    if owner.lower_ == "from":
        # "believed to be from the Kestrel", "from his boat"
        source = next((c for c in owner.children if c.dep_ == "pobj"), None)
        if source is None:
            return None
        mine = next((c for c in source.children if c.dep_ == "poss"), None)
        if not (
            names_craft(ex, source, owned) is not None
            or (mine is not None and owned(mine))
        ):
            return None
        end = source.i
    elif owner.lower_ not in ("his", "hers", "her", "theirs", "their") or not owned(
        owner
    ):
        return None
    cue = str(doc_text(doc)[cue_start.idx : doc[end].idx + len(doc[end].text)])
    hedge, _ = hedge_of(cue)
    if lookalike:
        hedge = weakest(hedge, "possible")
    verb = next(
        (
            t
            for t in doc[end + 1 : tok.sent.end]
            if t.pos_ == "VERB" and t.tag_ == "VBN" and t.i - end < 6
        ),
        None,
    )
    return Link(f"{_phrase(tok)}, {cue}", hedge, cue, verb)


def is_record(tok: Any) -> bool:
    """Whether ``tok`` names a record (:data:`_RECORDS`): "upload", "data"."""
    return tok.lemma_.lower() in _RECORDS


def record_verb(ex: _Extractor, tok: Any, owned: Callable[[Any], bool]) -> Any:
    """The verb by which the record ``tok`` put the target somewhere, or None.

    "His last Strava upload, at 12.47pm, *put* him near ...", "Phone records
    *placed* her in Leeds": ``tok`` (of :data:`_RECORDS`) is the subject of
    one of :data:`_PLACING` whose object is the target ("him", her name);
    "showed" only for a record of the target's own ("His upload showed him").
    """
    if tok.lemma_.lower() not in _RECORDS or tok.dep_ != "nsubj":
        return None
    verb = tok.head
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in _PLACING:
        return None
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if lemma == "show" and (owner is None or not owned(owner)):
        return None
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None or not (_people(ex).is_target(obj) or owner_is_target(ex, obj)):
        return None
    return verb
