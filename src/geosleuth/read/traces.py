"""Traces: the target's things at a place ("Her car was found in Aspen").

A thing of the target's found, used or located somewhere says the target was
there, or near, some time before; it does not say that anyone saw the target.
Such a *trace* is read as a :class:`~geosleuth.evidence.Sighting` of an
associate, the model's way of saying "where this is, the target probably was"
(as :mod:`geosleuth.read.sightings` reads "Doe's car was seen"): ``subject``
``"associate"``, ``who`` the thing (:func:`thing_name`: "the target's car"),
``closeness`` :data:`TRACE_CLOSENESS` (the chance
that where the thing was says where the target was: a car may be abandoned, a
card stolen) and the model's ``associate_sigma_km`` (the target may be miles
from the car or the phone's mast). So a trace weighs less than a sighting of
the target at the same place, and spreads wider; it is not a claim, for no one
says where the target *is*, and it ages as a sighting does.

A trace is one of the target's things (:data:`THINGS`: a car, a phone, a
backpack, a bank card, ...) owned by the target's name ("Jane Doe's phone") or
by "his" or "her" that refers to the target
(:func:`~geosleuth.read.target.find_possessive_pronouns`), as the subject of a
verb that puts it somewhere ("was found", "was used", "was abandoned", "last
pinged near", "last connected to a tower in", "turned up in", "was spotted", a
watch or tracker that "showed his last position at") or the object of a verb of finding
("Police found her car in Aspen", "recovered his backpack"). Someone else's
thing ("a car was found", "her brother's car was found", "Tom Fox's phone") is
no trace. The rules of a sighting hold for the finding (see
:func:`~geosleuth.read.sightings.add_seen`): a denied or conditional one ("her
car was not found in Aspen", "if her phone pinged") is none, a place denied on
its own is left out, the hedge is that of the verb ("may have been found"), a
dispute lowers it, and the date is the one nearest the place.

A trace is at the places of its verb's own phrase
(:func:`~geosleuth.read._sentence.in_phrase`), not at those of another verb in
the sentence ("Her car was found in Leeds and she was arrested in York": a trace
at Leeds, York being the arrest's; "Her phone was left in Leeds when she fled to
Mosul": Leeds). Several of the target's things put at places by one verb
("Police found her car in Aspen and her phone in Vail") are a trace each, at the
places of its own phrase, each note naming its own thing; a place of the verb's
is the first thing's ("her car and her phone were found in Aspen": one trace, of
her car). Each verb puts its own things ("her car was found in Aspen, but her
phone was found in Vail": two traces). A thing listed after the target or her
body is put where they are ("Her body and her car were found in a lake near
Aspen": a trace, and the body found there, :mod:`geosleuth.read.found`).

Not read: a thing seen in the active voice ("Residents saw her car in Vail", as
before), a thing the target left ("She left her car in Aspen"), a thing named
apart from its owner ("the car of Jane Doe", "the car, which was hers"). A place
joined to someone else's thing ("her car in Aspen and a gun in Vail") is still
read as the first thing's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from geosleuth.read._lexicon import THINGS
from geosleuth.read._sentence import Sentence, in_phrase
from geosleuth.read.sightings import add_seen

if TYPE_CHECKING:
    from geosleuth.read.claims import _Extractor

__all__ = ["THINGS", "THING_AFTER", "TRACE_CLOSENESS", "read_traces", "thing_name"]

#: Closeness of a trace: the chance that where the target's thing was says where
#: the target was (the same as an associate's).
TRACE_CLOSENESS = 0.5

_THING_WORDS = (
    r"(?:cars?|vehicles?|trucks?|vans?|suvs?|jeeps?|pickups?|motorcycles?|"
    r"motorbikes?|bikes?|bicycles?|scooters?|boats?|phones?|cellphones?|"
    r"smartphones?|mobiles?|handsets?|backpacks?|rucksacks?|bags?|handbags?|"
    r"purses?|wallets?|suitcases?|luggage|passports?|cards?|laptops?|tents?|"
    r"belongings|jackets?|coats?|keys?|watch(?:es)?|trackers?|beacons?)"
)
_THING_TEXT = re.compile(rf"\b{_THING_WORDS}\b", re.IGNORECASE)
#: One of :data:`THINGS` right after a possessive ("her *car*", "his *bank
#: card*"), for choosing the sentences to parse.
THING_AFTER = re.compile(rf"\s+(?:[\w-]+\s+){{0,2}}?{_THING_WORDS}\b", re.IGNORECASE)
#: Verbs that put a thing somewhere, with the thing as subject: "was found",
#: "was used", "last pinged near", "turned up in".
_PUT_LEMMAS = frozenset(
    {"find", "discover", "locate", "recover", "abandon", "park", "leave", "use",
     "ping", "trace", "track", "detect", "spot", "see", "sight", "turn", "show",
     "connect", "register", "log"}
)  # fmt: skip
#: What a device shows or gives of its wearer: "his GPS watch *showed his last
#: position* at ...".
_POSITION_WORDS = frozenset({"position", "location", "coordinates", "whereabouts"})
#: Verbs of finding, with the thing as object: "Police found her car".
_FIND_LEMMAS = frozenset({"find", "discover", "locate", "recover"})


def read_traces(ex: _Extractor, s: Sentence) -> bool:
    """Add the traces of the target in ``s``; True if it is a trace (used or not)."""
    if s.sent is None or _THING_TEXT.search(s.text) is None:
        return False
    found = False
    for verb, things in _traces(ex, s):
        found = True
        _add_trace(ex, s, verb, things)
    return found


def _add_trace(
    ex: _Extractor, s: Sentence, verb: Any, things: list[tuple[Any, str]]
) -> None:
    """Add the traces of ``things``, put at a place by ``verb``.

    Only the places of the verb's own phrase
    (:func:`~geosleuth.read._sentence.in_phrase`) are the things': in "Her car was
    found in Leeds and she was arrested in York", York is the arrest's.
    """
    # "Police found her car in Aspen and her phone in Vail": each place is that
    # of the thing whose phrase it is in; the verb's own places are the first's
    own = {
        t.i: [m for m in s.places if _thing_of(ex, m, things) == t.i] for t, _ in things
    }
    split = any(own[t.i] for t, _ in things[1:])
    # with no place of its own, a thing joined to the first is left out: "her car
    # and her phone in Aspen" is one trace, and "her phone and her bag in Vail"
    # is the bag's
    chosen = [(t, w) for t, w in things if own[t.i]] if split else things[:1]
    for tok, thing in chosen:
        mine = [
            m for m in (own[tok.i] if split else s.places) if in_phrase(ex.doc, verb, m)
        ]
        add_seen(
            ex, s, int(verb.idx), who=thing_name(tok), subject="associate",
            seen_one=thing,
            lead=(
                f"a trace of the target ({thing}, {verb.text}): where the target's "
                "own thing was, not the target seen",
                f"closeness {TRACE_CLOSENESS} (default for a trace)",
            ),
            closeness=TRACE_CLOSENESS, what="trace", event=str(verb.text),
            keep=mine.__contains__,
        )  # fmt: skip


def thing_name(tok: Any) -> str:
    """Who a trace is of: "the target's" and the thing ("the target's bank card").

    The associate's name of the trace (:attr:`~geosleuth.evidence.Sighting.who`),
    so that the traces of one thing, in any sentence or report, are one mixture
    (the target was near one of the places the car was), as an associate's
    sightings are.
    """
    words = [t.lower_ for t in tok.lefts if t.dep_ == "compound"]
    return "the target's " + " ".join([*words, tok.lemma_.lower()])


def _traces(ex: _Extractor, s: Sentence) -> Iterator[tuple[Any, list[tuple[Any, str]]]]:
    """(verb, the things and their words) of each trace in ``s``, in text order.

    The things of a verb are the first of the target's things that it puts
    somewhere, and those of the target's joined in its phrase ("her car ... and
    her phone"); another verb puts its own ("her car was found in Aspen, but her
    phone was found in Vail").
    """
    owners = [(r.start, r.end) for r in s.refs if r.kind in ("name", "nisba", "title")]
    owners += [
        (r.start, r.end)
        for r in ex.possessive_refs()
        if s.span[0] <= r.start < s.span[1]
    ]
    if not owners:
        return
    done: set[int] = set()
    for tok in s.sent:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in THINGS:
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None or not _owned(owner, owners):
            continue  # "a car", "her brother's car": no thing of the target's
        verb = _putting(tok)
        if verb is None or verb.i in done:
            continue
        done.add(verb.i)
        things = [(tok, _words(tok, owner))]
        for other in s.sent:
            mine = next((c for c in other.children if c.dep_ == "poss"), None)
            if (
                other.i != tok.i
                and other.dep_ == "conj"
                and other.lemma_.lower() in THINGS
                and mine is not None
                and _owned(mine, owners)
                and any(a.i == verb.i for a in other.ancestors)
            ):
                things.append((other, _words(other, mine)))
        yield verb, things


def _owned(owner: Any, owners: list[tuple[int, int]]) -> bool:
    """Whether the possessor ``owner`` is the target.

    A reference to the target ("her", "Jane Doe's"), or "whose" in a relative
    clause about the target: "Jane Doe, *whose* phone last pinged near Leeds".
    """
    if owner.lower_ == "whose":
        verb = next((a for a in owner.ancestors if a.dep_ == "relcl"), None)
        return verb is not None and any(a <= verb.head.idx < b for a, b in owners)
    return any(a <= owner.idx < b for a, b in owners)


def _words(thing: Any, owner: Any) -> str:
    """The words of ``thing`` from its owner: "her car", "Jane Doe's bank card"."""
    if owner.lower_ == "whose":
        return f"the target's {thing.text}"
    return str(thing.doc.text[owner.left_edge.idx : thing.idx + len(thing.text)])


def _thing_of(ex: _Extractor, m: Any, things: list[tuple[Any, str]]) -> int:
    """The token index of the thing of ``things`` whose place ``m`` is.

    Up from the place's word, the first of the things met ("and her phone in
    Vail": the phone), or the first thing when none is ("her car in Aspen",
    "Aspen" being the verb's).
    """
    first: int = things[0][0].i
    mine = {t.i for t, _ in things}
    span = ex.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return first
    tok = span.root
    for _ in range(16):
        if tok.i in mine:
            return int(tok.i)
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return first


def _putting(thing: Any) -> Any:
    """The verb that puts ``thing`` at a place, or None.

    The thing is the subject of one of :data:`_PUT_LEMMAS` ("was found", "last
    pinged"; "turned up", "showed up" with their "up") or the object of a verb
    of finding in the active voice ("Police found her car"); a thing joined to
    another word is where that word is ("Her body and *her car* were found").
    """
    while thing.dep_ == "conj" and thing.head.pos_ in ("NOUN", "PROPN", "PRON"):
        thing = thing.head
    verb = thing.head
    if verb.pos_ != "VERB":
        return None
    lemma = verb.lemma_.lower()
    if thing.dep_ in ("nsubj", "nsubjpass") and lemma in _PUT_LEMMAS:
        if lemma in ("turn", "show") and not any(
            (c.dep_ == "prt" and c.lower_ == "up")
            # "his GPS watch showed his last position at ...": where he was
            or (c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _POSITION_WORDS)
            for c in verb.children
        ):
            return None
        return verb
    if thing.dep_ in ("dobj", "obj") and lemma in _FIND_LEMMAS:
        return verb
    return None
