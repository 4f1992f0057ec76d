"""Traces: the target's things at a place ("Her car was found in Aspen").

A thing of the target's found, used or located somewhere says the target was
there, or near, some time before; it does not say that anyone saw the target.
Such a *trace* is read as a :class:`~geosleuth.evidence.Sighting` of an
associate, the model's way of saying "where this is, the target probably was"
(as :mod:`geosleuth.read.sightings` reads "Doe's car was seen"): ``subject``
``"associate"``, no ``who``, ``closeness`` :data:`TRACE_CLOSENESS` (the chance
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
pinged near", "turned up in", "was spotted") or the object of a verb of finding
("Police found her car in Aspen", "recovered his backpack"). Someone else's
thing ("a car was found", "her brother's car was found", "Tom Fox's phone") is
no trace. The rules of a sighting hold for the finding (see
:func:`~geosleuth.read.sightings.add_seen`): a denied or conditional one ("her
car was not found in Aspen", "if her phone pinged") is none, a place denied on
its own is left out, the hedge is that of the verb ("may have been found"), a
dispute lowers it, and the date is the one nearest the place.

Not read: a thing seen in the active voice ("Residents saw her car in Vail", as
before), a thing the target left ("She left her car in Aspen"), a thing named
apart from its owner ("the car of Jane Doe", "the car, which was hers").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from geosleuth.read._sentence import Sentence
from geosleuth.read.sightings import add_seen

if TYPE_CHECKING:
    from geosleuth.read.claims import _Extractor

__all__ = ["THINGS", "THING_AFTER", "TRACE_CLOSENESS", "read_traces"]

#: Closeness of a trace: the chance that where the target's thing was says where
#: the target was (the same as an associate's).
TRACE_CLOSENESS = 0.5

#: The target's things whose place is a trace of the target (head nouns, lemmas).
THINGS = frozenset(
    {"car", "vehicle", "truck", "van", "suv", "jeep", "pickup", "motorcycle",
     "motorbike", "bike", "bicycle", "scooter", "boat", "phone", "cellphone",
     "smartphone", "mobile", "handset", "backpack", "rucksack", "bag", "handbag",
     "purse", "wallet", "suitcase", "luggage", "passport", "card", "laptop",
     "tent", "belongings", "jacket", "coat", "keys", "key"}
)  # fmt: skip
_THING_WORDS = (
    r"(?:cars?|vehicles?|trucks?|vans?|suvs?|jeeps?|pickups?|motorcycles?|"
    r"motorbikes?|bikes?|bicycles?|scooters?|boats?|phones?|cellphones?|"
    r"smartphones?|mobiles?|handsets?|backpacks?|rucksacks?|bags?|handbags?|"
    r"purses?|wallets?|suitcases?|luggage|passports?|cards?|laptops?|tents?|"
    r"belongings|jackets?|coats?|keys?)"
)
_THING_TEXT = re.compile(rf"\b{_THING_WORDS}\b", re.IGNORECASE)
#: One of :data:`THINGS` right after a possessive ("her *car*", "his *bank
#: card*"), for choosing the sentences to parse.
THING_AFTER = re.compile(rf"\s+(?:[\w-]+\s+){{0,2}}?{_THING_WORDS}\b", re.IGNORECASE)
#: Verbs that put a thing somewhere, with the thing as subject: "was found",
#: "was used", "last pinged near", "turned up in".
_PUT_LEMMAS = frozenset(
    {"find", "discover", "locate", "recover", "abandon", "park", "leave", "use",
     "ping", "trace", "track", "detect", "spot", "see", "sight", "turn", "show"}
)  # fmt: skip
#: Verbs of finding, with the thing as object: "Police found her car".
_FIND_LEMMAS = frozenset({"find", "discover", "locate", "recover"})


def read_traces(ex: _Extractor, s: Sentence) -> bool:
    """Add the traces of the target in ``s``; True if it is a trace (used or not)."""
    if s.sent is None or _THING_TEXT.search(s.text) is None:
        return False
    found = _trace(ex, s)
    if found is None:
        return False
    at, thing, verb = found
    add_seen(
        ex, s, at, who=None, subject="associate", seen_one=thing,
        lead=(
            f"a trace of the target ({thing}, {verb}): where the target's own "
            "thing was, not the target seen",
            f"closeness {TRACE_CLOSENESS} (default for a trace)",
        ),
        closeness=TRACE_CLOSENESS, what="trace", event=verb,
    )  # fmt: skip
    return True


def _trace(ex: _Extractor, s: Sentence) -> tuple[int, str, str] | None:
    """(offset of the verb, the thing's words, the verb) of a trace in ``s``."""
    owners = [(r.start, r.end) for r in s.refs if r.kind in ("name", "nisba", "title")]
    owners += [
        (r.start, r.end)
        for r in ex.possessive_refs()
        if s.span[0] <= r.start < s.span[1]
    ]
    if not owners:
        return None
    for tok in s.sent:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in THINGS:
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None or not any(a <= owner.idx < b for a, b in owners):
            continue  # "a car", "her brother's car": no thing of the target's
        verb = _putting(tok)
        if verb is None:
            continue
        doc = tok.doc
        words = doc.text[owner.left_edge.idx : tok.idx + len(tok.text)]
        return int(verb.idx), str(words), str(verb.text)
    return None


def _putting(thing: Any) -> Any:
    """The verb that puts ``thing`` at a place, or None.

    The thing is the subject of one of :data:`_PUT_LEMMAS` ("was found", "last
    pinged"; "turned up", "showed up" with their "up") or the object of a verb
    of finding in the active voice ("Police found her car").
    """
    verb = thing.head
    if verb.pos_ != "VERB":
        return None
    lemma = verb.lemma_.lower()
    if thing.dep_ in ("nsubj", "nsubjpass") and lemma in _PUT_LEMMAS:
        if lemma in ("turn", "show") and not any(
            c.dep_ == "prt" and c.lower_ == "up" for c in verb.children
        ):
            return None
        return verb
    if thing.dep_ in ("dobj", "obj") and lemma in _FIND_LEMMAS:
        return verb
    return None
