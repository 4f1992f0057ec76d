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
backpack, a bank card, a kayak, a PLB, ...; or a vehicle named by its make, "his
white Toyota LandCruiser") owned by the target's name ("Jane Doe's phone") or
by "his" or "her" that refers to the target
(:func:`~geosleuth.read.target.find_possessive_pronouns`), or named with "the"
after the target's own ("launched his boat ... spotted *the boat*"), as the
subject of a verb that puts it somewhere ("was found", "was used", "was
abandoned", "last pinged near", "last connected to a tower in", "turned up in",
"was spotted", "was activated near", a watch, phone or tracker that "showed his
last position at" or "sent a final location at", even where the parse loses
the subject), the thing that a signal came from ("a signal from his beacon was
detected at ..."), or the object of a verb of finding, seeing or activating
("Police found her car in Aspen", "recovered his backpack", "A paddleboarder
spotted his boat circling ... 2 miles east of Tahoma": seen doing something,
and also at the places of what it was doing). Someone else's
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

A thing is also the target's where no "his" or "her" says so
(:mod:`geosleuth.read._trace_links`): her craft named again ("the Miss
Abigail", "*the aircraft's* last position", "*the yacht's* emergency beacon")
and its wreckage, a thing believed or looking to be hers ("a pack believed to
be his": the trace no surer than the words), a record that "put him near" a
place. Where a position given first was corrected in the same sentence ("said
the beacon had been activated near the Ile de Sein, but it later corrected the
position to 47°48'N 4°52'W"), the trace is at the corrected one and the first
is set aside as corrected; where a trace has no resolved place, each name of its
phrase that is no known place gets a row ("about 20 miles northwest of
Skwentna").

Not read: a thing seen in the active voice doing nothing ("Residents saw her
car in Vail", as before), a thing the target left ("She left her car in
Aspen"), a thing named apart from its owner ("the car of Jane Doe", "the car,
which was hers"). A place
joined to someone else's thing ("her car in Aspen and a gun in Vail") is still
read as the first thing's.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from geosleuth.read._doc_text import doc_text
from geosleuth.read._sentence import (
    Sentence,
    in_phrase,
    note_of,
    resolved,
    spread_of,
)
from geosleuth.read._trace_links import (
    CRAFT_WORDS,
    LINKED_THINGS,
    WRECKAGE,
    Link,
    craft_link,
    hedged_link,
    is_record,
    names_craft,
    owner_is_target,
    record_verb,
)
from geosleuth.read.hedges import weakest
from geosleuth.read.sightings import SEE_LEMMAS, THINGS, add_seen

if TYPE_CHECKING:
    from geosleuth.read.claims import _Extractor

__all__ = [
    "THINGS",
    "THING_AFTER",
    "TRACE_CLOSENESS",
    "read_traces",
    "thing_name",
    "trace_cues",
    "trace_starts",
]

#: Closeness of a trace: the chance that where the target's thing was says where
#: the target was (the same as an associate's).
TRACE_CLOSENESS = 0.5

#: Makes of vehicles: a thing that one of these names, or a model of one,
#: is a vehicle ("his white *Toyota* LandCruiser was found").
_MAKES = frozenset(
    {"toyota", "ford", "holden", "nissan", "honda", "subaru", "chevrolet", "chevy",
     "mazda", "hyundai", "kia", "volkswagen", "vw", "bmw", "mercedes", "audi",
     "volvo", "dodge", "mitsubishi", "suzuki", "peugeot", "renault", "fiat",
     "skoda", "tesla", "gmc", "isuzu", "lexus", "jaguar", "chrysler", "buick",
     "cadillac", "citroen", "citroën", "vauxhall", "opel"}
)  # fmt: skip
_THING_WORDS = (
    r"(?:cars?|vehicles?|trucks?|vans?|suvs?|jeeps?|pickups?|motorcycles?|"
    r"motorbikes?|bikes?|bicycles?|scooters?|boats?|phones?|cellphones?|"
    r"smartphones?|mobiles?|handsets?|backpacks?|rucksacks?|bags?|handbags?|"
    r"purses?|wallets?|suitcases?|luggage|passports?|cards?|laptops?|tents?|"
    r"belongings|jackets?|coats?|keys?|watch(?:es)?|trackers?|beacons?|kayaks?|"
    r"canoes?|dingh(?:y|ies)|rafts?|paddleboards?|yachts?|sailboats?|motorboats?|"
    r"plbs?|epirbs?|inreach(?:es)?|packs?|daypacks?|liferafts?|sloops?|ketch|"
    r"schooners?|catamarans?|trawlers?|vessels?|skiffs?|planes?|aircraft|"
    r"airplanes?|helicopters?|gliders?|cessnas?|pipers?|beechcraft|mooneys?|"
    + "|".join(sorted(_MAKES))
    + ")"
)
#: Words of a thing tied to the target otherwise than by "his" or "her"
#: (:mod:`geosleuth.read._trace_links`): wreckage, a record.
_LINKED_WORDS = (
    r"(?:wreck(?:age)?|uploads?|posts?|photos?|photographs?|pictures?|selfies?|"
    r"data|records?|check-ins?|activity)"
)
_THING_TEXT = re.compile(rf"\b(?:{_THING_WORDS}|{_LINKED_WORDS})\b", re.IGNORECASE)
#: One of :data:`THINGS` right after a possessive ("her *car*", "his *bank
#: card*"), for choosing the sentences to parse; and "description", by which
#: a witness saw someone like the target ("a man matching *his description*":
#: :mod:`geosleuth.read.sightings`).
THING_AFTER = re.compile(
    rf"\s+(?:(?:[\w-]+\s+){{0,2}}?{_THING_WORDS}|description)\b", re.IGNORECASE
)
#: Words that tie a thing to the target with a hedge, or a record that put the
#: target somewhere (:mod:`geosleuth.read._trace_links`): sentences to parse.
_TIED = re.compile(
    r"\b(?:(?:believed|thought|understood|presumed|suspected|assumed|said)\s+to\s+"
    r"(?:be|have\s+been)\s+(?:his|hers|theirs|from)|(?:matching|fitting|"
    r"resembling)\s+the\s+description\s+of\s+(?:his|hers|theirs)|(?:similar\s+to|"
    r"like)\s+(?:his|hers|theirs)|(?:put|puts|placed|places|located)\s+(?:him|her|"
    r"them)\s+(?:near|in|at|on|close\s+to))\b",
    re.IGNORECASE,
)
#: A thing owned by a possessive: "his 36-foot lobster *boat*", "her *car*".
_OWNED_THING = re.compile(
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w-]*['’]s|the\s+[\w-]+['’]s)\s+"
    r"(?:[\w-]+\s+){0,3}?"
    rf"(?P<w>(?i:{_THING_WORDS}))"
    r"(?P<name>\s*,?\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})?",
)


def trace_cues(text: str) -> re.Pattern[str]:
    """What, in a sentence of ``text``, may be a trace that needs the parse.

    For choosing the sentences to parse (:mod:`geosleuth.read.document`): the
    words of a thing tied to the target with a hedge or a record that put her
    somewhere (:data:`_TIED`); and, where ``text`` names someone's thing ("his
    36-foot lobster boat, the Miss Abigail"), that thing named again with "the"
    ("the boat"), a craft of its kind ("the yacht's emergency beacon"), its
    name ("the Miss Abigail") and wreckage.

    Examples
    --------
    >>> cues = trace_cues("He left aboard his sloop Kestrel. A boat passed.")
    >>> bool(cues.search("The Kestrel was found.")), bool(cues.search("A boat."))
    (True, False)
    >>> bool(trace_cues("No one.").search("a pack believed to be his was found"))
    True
    """
    words: set[str] = set()
    names: set[str] = set()
    for m in _OWNED_THING.finditer(text):
        word = m.group("w").lower()
        words.add(word)
        for kind in CRAFT_WORDS.values():
            if word.rstrip("s") in kind or word in kind:
                words.update(kind)
                words.update(("wreck", "wreckage"))
        if m.group("name") and any(word in k for k in CRAFT_WORDS.values()):
            names.add(re.sub(r"^[\s,]*(?:the\s+)?", "", m.group("name")))
    parts = [_TIED.pattern]
    if words:
        alts = "|".join(sorted(map(re.escape, words)))
        parts.append(rf"\bthe\s+(?:[\w-]+\s+){{0,2}}?(?:{alts})\b")
        parts.append(r"\bwreck(?:age)?\b" if "wreckage" in words else "")
    parts += [rf"(?-i:\b{re.escape(n)}\b)" for n in sorted(names)]
    return re.compile("|".join(p for p in parts if p), re.IGNORECASE)


def trace_starts(text: str, sentences: list[tuple[int, int]]) -> list[int]:
    """The starts of the ``sentences`` of ``text`` that :func:`trace_cues` finds.

    Examples
    --------
    >>> trace_starts("Rain fell. A pack believed to be his was found.", [(0, 10),
    ...                                                                  (11, 47)])
    [11]
    """
    cues = trace_cues(text)
    return [a for a, b in sentences if cues.search(text, a, b) is not None]


#: Verbs that put a thing somewhere, with the thing as subject: "was found",
#: "was used", "last pinged near", "turned up in", "was activated near".
_PUT_LEMMAS = frozenset(
    {"find", "discover", "locate", "recover", "abandon", "park", "leave", "use",
     "ping", "trace", "track", "detect", "spot", "see", "sight", "turn", "show",
     "connect", "register", "log", "activate", "send", "transmit", "give",
     "record", "relay"}
)  # fmt: skip
#: Verbs of :data:`_PUT_LEMMAS` that put their subject somewhere only with what
#: it gives of its owner as object: "his GPS watch *showed his last position*
#: at ...", "her phone *sent a final location* at ...".
_GIVING_LEMMAS = frozenset({"show", "send", "transmit", "give", "record", "relay"})
#: What a device shows or gives of its wearer (lemmas): "showed his last
#: *position*", "sent a final *location*", "gave *coordinates*".
_POSITION_WORDS = frozenset(
    {"position", "location", "coordinates", "coordinate", "whereabouts", "fix",
     "signal", "ping", "point"}
)  # fmt: skip
#: What comes *from* a thing and is put somewhere as the thing would be: "a
#: *signal* from his beacon was detected at ...", "the last *ping* from her phone".
_SIGNAL_NOUNS = frozenset(
    {"signal", "ping", "transmission", "alert", "location", "position", "fix",
     "coordinate", "coordinates", "data"}
)  # fmt: skip
#: Verbs with the thing as object: of finding ("Police found her car"), of
#: seeing ("A paddleboarder spotted his boat circling"), and "activated his
#: beacon".
_OBJECT_LEMMAS = frozenset(
    {"find", "discover", "locate", "recover", "activate", *SEE_LEMMAS}
)  # fmt: skip
#: How far back (characters) a thing named with "the" may be the target's thing
#: named before: "Kevin Marsh launched *his boat* ... A paddleboarder spotted
#: *the boat*".
_ANAPHORA_REACH = 400


def read_traces(ex: _Extractor, s: Sentence) -> bool:
    """Add the traces of the target in ``s``; True if it is a trace (used or not)."""
    if s.sent is None:
        return False
    owned = _owned_by(ex)
    if _THING_TEXT.search(s.text) is None and not any(
        names_craft(ex, t, owned) for t in s.sent if t.pos_ == "PROPN"
    ):
        return False  # "found the Miss Abigail running": the target's boat
    found = False
    for verb, things in _traces(ex, s, owned):
        found = True
        _add_trace(ex, s, verb, things)
    return found


def _add_trace(
    ex: _Extractor, s: Sentence, verb: Any, things: list[tuple[Any, Link]]
) -> None:
    """Add the traces of ``things``, put at a place by ``verb``.

    Only the places of the verb's own phrase
    (:func:`~geosleuth.read._sentence.in_phrase`) are the things': in "Her car was
    found in Leeds and she was arrested in York", York is the arrest's. A
    position corrected later in the sentence is the trace's, not the first
    (:func:`_corrected`); a thing only believed to be the target's is no surer
    than the words ("a pack believed to be his": probable). With no resolved
    place, each name of its phrase that is no known place gets a row
    (:func:`_unplaced`).
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
    for tok, link in chosen:
        verbs = [verb, *_doing(verb), *_doing(tok)]
        if tok.head.i != verb.i and tok.head.head.i == verb.i:
            verbs += [tok.head, *_doing(tok.head)]  # "spotted the boat circling"
        mine = [
            m
            for m in (own[tok.i] if split else s.places)
            if any(in_phrase(ex.doc, v, m) for v in verbs)
        ]
        at, lead = verb, ""
        fix = _corrected(verb)
        if fix is not None:
            # "said the beacon had been activated near the Ile de Sein, but it
            # later corrected the position to 47°48'N 4°52'W": the second
            _set_aside(ex, s, verbs, mine, link.words, verb, fix)
            at, verbs = fix, [fix]
            mine = [m for m in s.places if in_phrase(ex.doc, fix, m)]
            lead = f"the position as corrected ({_words_of(fix)!r}), not the first"
        if any(not math.isnan(spread_of(m)) for m in mine):
            # "sent its last tracking point from 45.3302, -111.4057, on a ridge
            # above the South Fork": the written fix is where the thing was; the
            # names only describe it
            mine = [m for m in mine if not math.isnan(spread_of(m))]
        items, rows = len(ex.items), len(ex.rejected)
        add_seen(
            ex, s, int(at.idx), who=link.who or thing_name(tok),
            subject="associate", seen_one=link.words,
            lead=(
                f"a trace of the target ({link.words}, {verb.text}): where the "
                "target's own thing was, not the target seen",
                f"closeness {TRACE_CLOSENESS} (default for a trace)",
                lead,
            ),
            closeness=TRACE_CLOSENESS, what="trace", event=str(verb.text),
            keep=mine.__contains__,
        )  # fmt: skip
        if link.cue is not None:
            _hedge_items(ex, items, link)
        if any(r.reason == "no_place" for r in ex.rejected[rows:]):
            for name, span in _unplaced(ex, s, verbs):
                ex.reject(
                    "unresolved",
                    f"{name!r}, in the phrase of the trace ({link.words}, "
                    f"{verb.text}), was not read as a known place: the trace has "
                    "no place",
                    span,
                )


def _hedge_items(ex: _Extractor, start: int, link: Link) -> None:
    """Lower the hedge of the items from ``start`` to that of whose the thing is.

    "a pack believed to be his was found near Aspen": the trace is no surer than
    "believed" (the items were just built, so nothing else holds them).
    """
    for k in range(start, len(ex.items)):
        item = ex.items[k]
        hedge = weakest(item.hedge, link.hedge)
        ex.items[k] = replace(
            item,
            hedge=hedge,
            note=note_of(item.note or "", f"whose it is hedged ({link.cue!r})"),
        )


def _owned_by(ex: _Extractor) -> Callable[[Any], bool]:
    """Whether a possessive word (a token) is the target's, in ``ex``.

    A reference to the target (:func:`_owned`), or a "his", "her" or "their"
    that :func:`~geosleuth.read._trace_links.owner_is_target` gives to her.
    """
    owners = [(r.start, r.end) for r in ex.refs if r.kind in ("name", "nisba", "title")]
    owners += [(r.start, r.end) for r in ex.possessive_refs()]
    return lambda owner: _owned(owner, owners) or owner_is_target(ex, owner)


def thing_name(tok: Any) -> str:
    """Who a trace is of: "the target's" and the thing ("the target's bank card").

    The associate's name of the trace (:attr:`~geosleuth.evidence.Sighting.who`),
    so that the traces of one thing, in any sentence or report, are one mixture
    (the target was near one of the places the car was), as an associate's
    sightings are.
    """
    device = _named_device(tok)
    if device is not None:
        return f"the target's {device.lemma_.lower()}"  # "his Garmin inReach"
    if tok.lemma_.lower() not in THINGS | LINKED_THINGS:
        return "the target's car"  # "his white Toyota LandCruiser"
    words = [t.lower_ for t in tok.lefts if t.dep_ == "compound"]
    return "the target's " + " ".join([*words, tok.lemma_.lower()])


def _traces(
    ex: _Extractor, s: Sentence, owned: Callable[[Any], bool]
) -> Iterator[tuple[Any, list[tuple[Any, Link]]]]:
    """(verb, the things and how each is the target's) of each trace in ``s``.

    In text order. The things of a verb are the first of the target's things
    that it puts somewhere, and those of the target's joined in its phrase ("her
    car ... and her phone"); another verb puts its own ("her car was found in
    Aspen, but her phone was found in Vail"). A thing is the target's by its
    owner (:func:`_owned_by`), as the target's named before (:func:`_named_before`)
    or otherwise (:mod:`geosleuth.read._trace_links`).
    """
    done: set[int] = set()
    for tok in s.sent:
        if not (
            tok.pos_ in ("NOUN", "PROPN")
            or (tok.pos_ == "VERB" and tok.dep_ in ("nsubj", "nsubjpass"))
        ):
            continue  # a subject is a noun, whatever the tagger says ("watch")
        if not (
            _is_thing(tok)
            or (tok.pos_ == "PROPN" and names_craft(ex, tok, owned) is not None)
        ):
            continue
        link = _link(ex, tok, owned)
        if link is None:
            continue
        if is_record(tok):
            verb = record_verb(ex, tok, owned)  # "His upload put him near ..."
        else:
            verb = link.verb if link.verb is not None else _putting(tok)
        if verb is None or verb.i in done:
            continue
        done.add(verb.i)
        things = [(tok, link)]
        for other in s.sent:
            mine = next((c for c in other.children if c.dep_ == "poss"), None)
            if (
                other.i != tok.i
                and other.dep_ == "conj"
                and _is_thing(other)
                and mine is not None
                and owned(mine)
                and any(a.i == verb.i for a in other.ancestors)
            ):
                things.append((other, Link(_words(other, mine))))
        yield verb, things
    yield from _unparsed_subject(s.sent, owned, done)


def _link(ex: _Extractor, tok: Any, owned: Callable[[Any], bool]) -> Link | None:
    """How the thing ``tok`` is the target's, or None for no thing of hers.

    "her car", "Jane Doe's phone" (its owner); "the boat" after "his boat"
    (:func:`_named_before`); "the yacht's emergency beacon", "the Miss Abigail",
    "wreckage", "a pack believed to be his"
    (:mod:`geosleuth.read._trace_links`). Not "a car", "her brother's car".
    """
    owner = _owner(tok)
    if owner is not None:
        if owned(owner):
            return Link(_words(tok, owner))
        return craft_link(ex, tok, owned)  # "the yacht's emergency beacon"
    named = craft_link(ex, tok, owned) if tok.pos_ == "PROPN" else None
    if named is not None:
        return named  # "the Miss Abigail", "the Kestrel": the target's vessel
    if is_record(tok):
        # "Phone records placed her in Leeds": whose, the object says
        # (:func:`~geosleuth.read._trace_links.record_verb`)
        return Link(str(ex.text[tok.left_edge.idx : tok.idx + len(tok.text)]))
    words = _named_before(ex, tok, owned)
    if words is not None:
        return Link(words)
    return craft_link(ex, tok, owned) or hedged_link(ex, tok, owned)


def _is_thing(tok: Any) -> bool:
    """Whether ``tok`` names one of :data:`THINGS`, or a vehicle by its make.

    "his *car*", "his white Toyota *LandCruiser*", "her *Honda*"; or a thing
    that the target's may be otherwise (:data:`~geosleuth.read._trace_links.
    LINKED_THINGS`: "a *pack* believed to be his", "*wreckage*").
    """
    lemma = tok.lemma_.lower()
    if lemma in THINGS or lemma in LINKED_THINGS or _named_device(tok) is not None:
        return True
    return tok.pos_ == "PROPN" and (
        tok.lower_ in _MAKES
        or any(c.dep_ == "compound" and c.lower_ in _MAKES for c in tok.children)
    )


def _named_device(tok: Any) -> Any:
    """The thing that ``tok``, a make, names in apposition: "his Garmin *inReach*".

    The parse may take the make for the head and the device for its apposition
    ("His [Garmin] inReach sent its last tracking point"); None where ``tok`` is
    no proper noun or has no such thing.
    """
    if tok.pos_ != "PROPN" or tok.lemma_.lower() in THINGS:
        return None
    return next(
        (
            c
            for c in tok.children
            if c.dep_ in ("appos", "compound") and c.lower_ in THINGS and c.i > tok.i
        ),
        None,
    )


def _owner(thing: Any) -> Any:
    """The possessor of ``thing``: "*her* car", "*Her* GPS watch" (on "GPS").

    The parse may hang the possessive on a word before the thing, whatever it
    calls that word ("GPS" a compound, or the subject of "watch" taken for a
    verb).
    """
    for tok in (thing, *thing.lefts):
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is not None:
            return owner
    return None


def _named_before(
    ex: _Extractor, thing: Any, owned: Callable[[Any], bool]
) -> str | None:
    """The words of ``thing``, said with "the", if it is the target's named before.

    "Kevin Marsh launched *his boat* ... A paddleboarder spotted *the boat*": the
    last noun of the same word before it, within :data:`_ANAPHORA_REACH`
    characters, is owned by the target (her name or her "his" or "her": ``owned``;
    or her craft: "*the yacht's* emergency beacon ... *the beacon*"); the words
    are "the boat (his boat)". None otherwise ("a boat"; "the boat" after "a
    boat" or "Tom Fox's boat").
    """
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in thing.children):
        return None
    lemma = thing.lemma_.lower()
    start = thing.sent.start
    earlier = next(
        (
            t
            for t in reversed(ex.doc[max(0, start - 120) : start])
            if t.lemma_.lower() == lemma and t.pos_ in ("NOUN", "PROPN")
        ),
        None,
    )
    if earlier is None or thing.idx - earlier.idx > _ANAPHORA_REACH:
        return None
    owner = next((c for c in earlier.children if c.dep_ == "poss"), None)
    if owner is None or not (owned(owner) or names_craft(ex, owner, owned) is not None):
        return None
    mine = thing.left_edge.idx
    return f"{ex.text[mine : thing.idx + len(thing.text)]} ({_words(earlier, owner)})"


def _unparsed_subject(
    sent: Any, owned: Callable[[Any], bool], done: set[int]
) -> Iterator[tuple[Any, list[tuple[Any, Link]]]]:
    """(verb, thing) where the parse lost the thing that gives its owner's position.

    "His GPS watch, synced later by his family's account, showed his last
    position at ...": the parse may take "watch" for a verb and leave "showed"
    with no subject. A verb of :data:`_GIVING_LEMMAS` with a position as object
    (:data:`_POSITION_WORDS`) and no subject gives the first of the target's
    things before it, by the words "his", "her" or the target's name within two
    words before the thing.
    """
    for verb in sent:
        if (
            verb.pos_ != "VERB"
            or verb.i in done
            or verb.lemma_.lower() not in _GIVING_LEMMAS
            or not _gives_position(verb)
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        ):
            continue
        for tok in sent[: verb.i - sent.start]:
            if tok.lower_ not in THINGS and tok.lemma_.lower() not in THINGS:
                continue
            owner = next(
                (
                    p
                    for p in reversed(sent[max(0, tok.i - sent.start - 3) :
                                           tok.i - sent.start])
                    if p.pos_ in ("PRON", "PROPN") and owned(p)
                ),
                None,
            )  # fmt: skip
            if owner is not None:
                done.add(verb.i)
                yield verb, [(tok, Link(_words(tok, owner)))]
                break


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
    return str(doc_text(thing.doc)[owner.left_edge.idx : thing.idx + len(thing.text)])


def _thing_of(ex: _Extractor, m: Any, things: list[tuple[Any, Link]]) -> int:
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
    pinged"; "turned up", "showed up" with their "up"; "showed his last
    position", "sent a final location": :data:`_GIVING_LEMMAS` with a position
    as object) or the object of a verb of finding, seeing or activating in the
    active voice ("Police found her car", "A paddleboarder spotted his boat",
    "activated his beacon"), or the subject of what it was found or seen doing
    ("spotted [the boat circling] near Tahoma", "found [the Miss Abigail
    running] ..."); a thing joined to another word is where that word is ("Her
    body and *her car* were found"), one that a signal comes from is where the
    signal is ("a signal from *his beacon* was detected at ..."), and one whose
    position is shown is where that position is ("Radar data showed *the
    aircraft's* last position at ...").
    """
    while thing.dep_ == "conj" and thing.head.pos_ in ("NOUN", "PROPN", "PRON"):
        thing = thing.head
    if thing.dep_ == "poss":
        return _position_shown(thing.head)
    prep = thing.head
    if (
        thing.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.lower_ == "from"
        and prep.head.lemma_.lower() in _SIGNAL_NOUNS
    ):
        thing = prep.head  # "a signal from his beacon was detected at ..."
    verb = thing.head
    subject = thing.dep_ in ("nsubj", "nsubjpass")
    if not (verb.pos_ == "VERB" and verb.lemma_.lower() in _PUT_LEMMAS):
        # "Her phone last connected to a cell tower in Barrie ..., according
        # to police": the parse may hang the finite verb on the thing
        clause = _put_clause(thing)
        verb, subject = (verb, subject) if clause is None else (clause, True)
    if verb.pos_ != "VERB":
        return None
    lemma = verb.lemma_.lower()
    if subject and lemma in _PUT_LEMMAS:
        if lemma == "turn" or lemma in _GIVING_LEMMAS:
            up = lemma in ("turn", "show") and any(
                c.dep_ == "prt" and c.lower_ == "up" for c in verb.children
            )
            # "his GPS watch showed his last position at ...": where he was
            if not up and not _gives_position(verb):
                return None
        return verb
    if thing.dep_ in ("dobj", "obj") and lemma in _OBJECT_LEMMAS:
        if (
            lemma in SEE_LEMMAS
            and not (_doing(verb) or _doing(thing))
            and thing.lemma_.lower() not in WRECKAGE
        ):
            # "Residents saw her car in Aspen": as before, no trace; "spotted
            # his boat circling ...", "saw her car parked ...": a trace; and
            # "spotted wreckage on a slope", which lies where it was seen
            return None
        return verb
    if (
        thing.dep_ == "nsubj"
        and verb.tag_ == "VBG"
        and verb.dep_ in ("ccomp", "xcomp", "dobj", "advcl")
        and verb.head.lemma_.lower() in _OBJECT_LEMMAS
    ):
        return verb.head  # "spotted [the boat circling] near Tahoma"
    return None


def _position_shown(position: Any) -> Any:
    """The verb that shows or puts ``position``, a thing's, somewhere, or None.

    "Radar data *showed* the aircraft's last position at 11:02 a.m. about 20
    miles northwest of Skwentna", "the beacon's position *was recorded* at
    ...": a position (:data:`_POSITION_WORDS`) as the object of one of
    :data:`_GIVING_LEMMAS`, or as the subject of one of :data:`_PUT_LEMMAS`.
    """
    verb = position.head
    if position.lemma_.lower() not in _POSITION_WORDS or verb.pos_ != "VERB":
        return None
    lemma = verb.lemma_.lower()
    if position.dep_ in ("dobj", "obj") and lemma in _GIVING_LEMMAS | {"put", "place"}:
        return verb
    if position.dep_ in ("nsubj", "nsubjpass") and lemma in _PUT_LEMMAS:
        return verb
    return None


def _put_clause(thing: Any) -> Any:
    """The verb that the parse hangs on ``thing`` as a clause, if it puts it.

    "Her phone *last connected* to a cell tower in Barrie on Friday, according
    to police": taken for a clause of "phone" ("the phone connected to ..."),
    whether the phone is then a subject or the root of the sentence, it puts
    the thing there all the same. Only a subject's clause in the past (no
    "-ing": "her car, *blocking* the road") of :data:`_PUT_LEMMAS` counts,
    giving its subject's position where it is of :data:`_GIVING_LEMMAS`; the
    returned verb then reads as the thing's own (the thing its subject).
    """
    if thing.dep_ not in ("nsubj", "nsubjpass", "ROOT"):
        return None
    for c in thing.children:
        if (
            c.dep_ == "acl"
            and c.pos_ == "VERB"
            and c.tag_ in ("VBD", "VBN")
            and c.lemma_.lower() in _PUT_LEMMAS
            and (c.lemma_.lower() not in _GIVING_LEMMAS or _gives_position(c))
        ):
            return c
    return None


#: Verbs (lemmas) that correct a position given before: "it later *corrected*
#: the position to 47°48'N 4°52'W".
_CORRECTING = frozenset({"correct", "revise", "amend", "update", "change"})


def _corrected(verb: Any) -> Any:
    """The verb that corrects the position that ``verb`` gave, or None.

    "The maritime prefecture initially said the beacon had been activated near
    the Ile de Sein, but it later *corrected* the position to 47°48'N 4°52'W":
    after ``verb`` in its sentence, one of :data:`_CORRECTING` with "to" and a
    position (or "it") as its object, or none.
    """
    for tok in verb.sent:
        if (
            tok.i > verb.i
            and tok.pos_ == "VERB"
            and tok.lemma_.lower() in _CORRECTING
            and any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)
            and all(
                c.lemma_.lower() in _POSITION_WORDS or c.lower_ in ("it", "them")
                for c in tok.children
                if c.dep_ in ("dobj", "obj")
            )
        ):
            return tok
    return None


def _words_of(verb: Any) -> str:
    """The words of ``verb`` up to its "to": "corrected the position to"."""
    to = next(c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to")
    return str(doc_text(verb.doc)[verb.idx : to.idx + len(to.text)])


def _set_aside(
    ex: _Extractor,
    s: Sentence,
    verbs: list[Any],
    places: list[Any],
    thing: str,
    verb: Any,
    fix: Any,
) -> None:
    """Set aside the places of the first position of a thing, later corrected.

    Each place of ``verbs``' phrase (``places``, and the names that are no
    known place: :func:`_unplaced`) gets a row: where the thing was first said
    to be, and the position corrected (by ``fix``), so not where it was.
    """
    why = (
        f"is where {thing} was first said to be {verb.text}, but the position "
        f"was later corrected ({_words_of(fix)!r}): not where it was"
    )
    for m in places:
        ex.taken[m.start] = "trace"
        ex.reject("negated", f"{m.text!r} {why}", (m.start, m.end))
    for name, span in _unplaced(ex, s, verbs):
        ex.reject("negated", f"{name!r} {why}", span)


#: Prepositions of the place where a thing was ("near X", "off X", "the summit
#: of X"), for the names no place was read at (:func:`_unplaced`); not where it
#: was going ("heading toward X") nor from where it was seen ("from a helicopter").
_AT_PREPS = frozenset(
    {"in", "at", "near", "of", "off", "on", "beside", "by", "over", "above",
     "below", "around", "outside", "inside", "along", "across", "under", "atop"}
)  # fmt: skip
#: Entity types of proper nouns that name no place: "on *Saturday*".
_NOT_PLACES = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY", "NORP"}
)


def _unplaced(
    ex: _Extractor, s: Sentence, verbs: list[Any]
) -> list[tuple[str, tuple[int, int]]]:
    """The names in the phrase of ``verbs`` that no place was read at, and their spans.

    "Radar data showed the aircraft's last position ... about 20 miles
    northwest of *Skwentna*", "spotted ... off *Guilvinec*": a place mentioned
    but not resolved ("near *Lake Windermere*") that has no row yet, or a
    proper noun (with the proper nouns before it) as the object of a
    preposition of place (:data:`_AT_PREPS`) that is no mention, no date and
    none of the target's names; in the phrase of one of ``verbs``
    (:func:`~geosleuth.read._sentence.in_phrase`).
    """
    said = {r.span for r in ex.rejected}
    out = [
        (m.text, (m.start, m.end))
        for m in ex.mentions
        if s.span[0] <= m.start < s.span[1]
        and not resolved(m)
        and (m.start, m.end) not in said
        and any(in_phrase(ex.doc, v, m) for v in verbs)
    ]
    taken = [(m.start, m.end) for m in ex.mentions]
    taken += [(r.start, r.end) for r in ex.refs]
    for tok in s.sent:
        if (
            tok.pos_ != "PROPN"
            or tok.dep_ != "pobj"
            or tok.head.lower_ not in _AT_PREPS
            or tok.ent_type_ in _NOT_PLACES
        ):
            continue
        first = min(
            (
                c
                for c in tok.lefts
                if c.dep_ in ("compound", "flat") and c.i >= tok.i - 4
            ),
            key=lambda c: c.i,
            default=tok,
        )
        span = (int(first.idx), int(tok.idx + len(tok.text)))
        if any(a < span[1] and span[0] < b for a, b in taken):
            continue
        place = _Named(*span)
        if any(in_phrase(ex.doc, v, place) for v in verbs):
            out.append((ex.text[span[0] : span[1]], span))
    return sorted(out, key=lambda x: x[1])


class _Named:
    """A name's span, for :func:`~geosleuth.read._sentence.in_phrase`."""

    __slots__ = ("end", "start")

    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end


def _gives_position(verb: Any) -> bool:
    """Whether ``verb`` has a position as object ("showed his last *position*")."""
    return any(
        c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _POSITION_WORDS
        for c in verb.children
    )


def _doing(word: Any) -> list[Any]:
    """The verbs of what the thing put by (or named by) ``word`` was doing there.

    "spotted his boat *circling* ... about 2 miles east of Tahoma", "was found
    *drifting* near Aspen", "circling with its engine *running* about 2 miles
    east of Tahoma": a participle of ``word`` with no subject of its own, or
    one after "with", and those of each, whose places are the thing's.
    """
    out = []
    for c in word.children:
        if c.tag_ not in ("VBG", "VBN"):
            with_ = c.dep_ == "prep" and c.lower_ == "with"
            out += [
                v
                for g in (c.children if with_ else ())
                if g.dep_ == "pcomp" and g.tag_ in ("VBG", "VBN")
                for v in (g, *_doing(g))
            ]
        elif c.dep_ in ("advcl", "xcomp", "ccomp", "acl", "oprd") and not any(
            g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children
        ):
            out += [c, *_doing(c)]
    return out
