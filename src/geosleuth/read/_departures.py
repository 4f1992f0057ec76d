"""Departures: where the target set out from, the last known point.

A missing-person report most often says where the outing began: "Graham
Pattinson, 66, set off from the National Trust car park at Wasdale Head on
Saturday morning", "Ethan Lavoie, 24, launched his kayak from North Beach in
Burlington at about 5 p.m. on Saturday", "Travis Lindqvist, 47, was dropped off
at the Spanish Creek trailhead, south of Bozeman", "entered the water at the
Cenote Dos Ojos", "Sorensen took off from Merrill Field". The target was there
then: it is read as a sighting of the target at the place left from, the same
item as "went missing near Vail" gives (:func:`~geosleuth.read.sightings.
read_sightings`), dated by the sentence's date, its note naming the departure.

The verbs of setting out (:func:`departure`): "set off" or "set out" from,
"headed out", "paddled out", "rowed out", "walked out" from, "took off" from,
"launched" (a boat, or none) from or at, "entered the water" (the sea, a cave) at
or from, "was dropped off" at, "started" or "began" a walk, a hike, a climb at or
from, and "left" or "departed" a place ("left the Stonington fish pier", "left
Leeds on foot", "departed from the harbour"). The one who set out must be the
target: the verb's subject in the parse (a name, title, nisba or pronoun that
refers to the target, or the person a "who" stands for), or, where the parse
gives none, the one :func:`~geosleuth.read.sightings.seen_subject` finds ("her
brother left Leeds" is none). The place is in the verb's own phrase
(:func:`~geosleuth.read._sentence.in_phrase`, or where that place is: "Ganavan
Sands, *north of Oban*"), and not where the target meant to go ("set off from
Aspen on Monday to hike to Vail" is Aspen only), nor where someone with the
target came from ("with a dive buddy from Tulum"), nor another clause's ("set off
from Aspen and headed to Vail": Vail is the movement's claim).

What is no departure: a plan or a condition ("planned to set off from Oban",
"was due to leave Leeds", "will set off from"; "if he left Leeds" and a denial,
"did not set off", "never left", are set aside as any sighting is), another who
leaves, a flight from somewhere ("fled Raqqa in 2016": a movement, read by
:mod:`geosleuth.read.whereabouts`), a departure with a goal that resolves ("left
Leeds for York", "set off from Leeds to York": the goal is a claim of
:mod:`geosleuth.read.whereabouts`, which reads the start as the last known point
where the departure is dated), and leaving what is no place ("left the company",
"left the party", "took off from work"). A bare "left" or "departed" must have a
date of its own phrase or say that the target went out ("on foot", "aboard"): an
undated "left Leeds" may say where the target once lived, and is set aside as a
place left, as before. The other verbs set out on an outing, and an undated one
is the last known point still, dated as any undated item is, as "went missing"
is.

A place of the sentence that the target was only due at or meant to reach ("took
off from Merrill Field ... and was due in McGrath", "set off ... intending to
climb England's highest mountain", "planned to hunt in the Spanish Peaks") is set
aside as ``conditional`` (:func:`plans`). A departure from a place that does not
resolve ("the Camp Richardson marina") gives a ``no_place`` row that quotes it.

Examples
--------
>>> "trailhead" in _START_NOUNS, "company" in _START_NOUNS  # "left the company"
(True, False)
>>> from types import SimpleNamespace as T
>>> [_where_link(T(dep_="prep", lower_=w)) for w in ("from", "with", "to")]
[True, False, False]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from geosleuth.read._sentence import (
    MentionLike,
    Sentence,
    antecedent,
    in_phrase,
    kind_of,
    resolved,
)
from geosleuth.read.regions import qualifies_town
from geosleuth.read.whereabouts._clauses import _subject
from geosleuth.read.whereabouts._movement import (
    _INTENT_LEMMAS,
    _intended,
    _phrase_dates,
    _to_come,
)

if TYPE_CHECKING:
    from geosleuth.read.claims import _Extractor

__all__ = ["Departure", "departure", "plans", "set_aside"]


@dataclass(frozen=True, slots=True)
class Departure:
    """The target setting out: the verb, its words, where from.

    Attributes
    ----------
    at : int
        Document offset of the verb.
    words : str
        The words of the departure, as written ("set off from", "launched his
        kayak from", "was dropped off at", "left").
    verb : spacy.tokens.Token
        The verb.
    origin : str
        The words of the place left ("the Camp Richardson marina").
    clause : spacy.tokens.Token
        The verb whose clause holds the departure: the verb, or the verb that
        reports it where the parse hangs the departure on the target's name
        as its subject ("HM Coastguard *said* Fiona MacLeod, 45, from Glasgow,
        set off from ...": "set" describes "MacLeod", the subject of "said").
    """

    at: int
    words: str
    verb: Any
    origin: str
    clause: Any

    @property
    def note(self) -> str:
        """The lead of the item's note, naming the departure."""
        return f"where the target left from ({self.words!r}): the last known point"

    def event(self, doc: Any, places: list[MentionLike]) -> str:
        """What the target did, for a row where no town or point left resolves.

        "left from 'the Camp Richardson marina'" where none of ``places`` that
        the departure :meth:`holds` is a town or point that resolves, else
        "seen" (as :func:`~geosleuth.read.sightings.add_seen` words it).
        """
        if any(
            resolved(m)
            and kind_of(m) not in ("country", "continent")
            and self.holds(doc, m)
            for m in places
        ):
            return "seen"
        return f"left from {self.origin!r}"

    def holds(self, doc: Any, m: MentionLike) -> bool:
        """Whether the place ``m`` is where the departure left from.

        In the verb's phrase (:func:`~geosleuth.read._sentence.in_phrase`), and
        by a link that says where: not its goal ("towards York"), nor with whom
        ("with a buddy from Tulum"), nor a clause within ("to hike to Aspen").
        """
        path = _path(doc, self.verb, m)
        if not path or not _where_link(path[-1]):
            return False
        # "set off from Ganavan Sands, *north of Oban*": where the place left
        # is (which in_phrase reads as a home, "Jane Doe, *of Leeds*")
        return in_phrase(doc, self.verb, m) or (
            len(path) > 2
            and path[1].lower_ == "of"
            and path[2].lower_ in _COMPASS
            and not any(t.pos_ in ("VERB", "AUX") for t in path[:-1])
        )


#: Verbs of setting out (lemmas) and how each says where from: "set off from",
#: "headed out from", "took off from", "launched (a boat) from", "entered the
#: water at", "dropped off at", "started a hike at", "left Leeds".
_LEMMAS = frozenset(
    {"set", "head", "paddle", "row", "walk", "hike", "ski", "swim", "sail", "take",
     "launch", "enter", "drop", "start", "begin", "leave", "depart"}
)  # fmt: skip
#: Verbs that go "out from" a place: "headed out from", "paddled out from".
_OUT_LEMMAS = frozenset(
    {"head", "paddle", "row", "walk", "hike", "ski", "swim", "sail"}
)
#: What one launches to set out: "launched his kayak from".
_CRAFT = frozenset(
    {"boat", "kayak", "canoe", "dinghy", "raft", "paddleboard", "board", "yacht",
     "sailboat", "motorboat", "skiff", "vessel", "craft", "jet", "jetski", "ski",
     "ship", "plane", "aircraft", "glider", "balloon"}
)  # fmt: skip
#: What one enters to set out: "entered the water at", "entered the cave at".
_WATERS = frozenset(
    {"water", "sea", "ocean", "lake", "river", "cave", "cenote", "surf", "loch",
     "bay", "pool", "sink", "sump"}
)  # fmt: skip
#: Outings one starts or begins: "began a hike from", "started the climb at".
_OUTINGS = frozenset(
    {"walk", "hike", "climb", "trek", "dive", "swim", "run", "ascent", "descent",
     "journey", "trip", "paddle", "ride", "tramp", "scramble", "expedition",
     "crossing", "voyage", "route"}
)  # fmt: skip
#: Places an outing starts from, named by a common noun: "the National Trust car
#: *park*", "the Stonington fish *pier*", "the Spanish Creek *trailhead*".
_START_NOUNS = frozenset(
    {"park", "lot", "trailhead", "trail", "pier", "marina", "harbour", "harbor",
     "port", "beach", "sands", "dock", "jetty", "slipway", "slip", "ramp", "quay",
     "wharf", "landing", "airfield", "airport", "airstrip", "strip", "field",
     "base", "camp", "campsite", "campground", "hut", "lodge", "cabin", "refuge",
     "hostel", "hotel", "motel", "home", "house", "flat", "apartment", "farm",
     "village", "town", "shore", "bay", "cove", "lake", "station", "centre",
     "center", "inn", "pub", "cenote", "cave", "entrance", "summit"}
)  # fmt: skip
#: Prepositions by which a place of the verb's phrase says where it left from
#: (or where that is: "from North Beach *in* Burlington").
_WHERE_PREPS = frozenset(
    {"from", "at", "near", "in", "on", "off", "outside", "beside", "behind",
     "inside", "around", "by"}
)  # fmt: skip
#: Words of a side: "the Spanish Creek trailhead, *south* of Bozeman".
_COMPASS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast",
     "southwest", "north-east", "north-west", "south-east", "south-west"}
)  # fmt: skip
#: Prepositions of a goal: "set off from Leeds *for* York".
_GOAL_PREPS = frozenset({"to", "for", "into", "toward", "towards", "onto"})
#: Words of a going out: "left Leeds *on foot*", "left the pier *aboard* his boat".
_OUT_MARKS = re.compile(r"\b(?:on\s+foot|aboard)\b", re.IGNORECASE)
#: A first sieve over the text: a word of setting out.
_DEPARTING = re.compile(
    r"\b(?:set(?:s|ting)?|head(?:s|ed|ing)|paddl\w+|row(?:s|ed|ing)|walk\w*|"
    r"hik\w+|ski(?:s|ed|ing)|sw[ai]m\w*|sail\w*|t(?:ake[sn]?|ook|aking)|"
    r"launch\w*|enter\w*|drop(?:s|ped|ping)|start\w*|beg[aiu]n\w*|left|"
    r"leav(?:e|es|ing)|depart\w*)\b",
    re.IGNORECASE,
)


def departure(ex: _Extractor, s: Sentence) -> Departure | None:
    """The target's setting out from a place in ``s``, or None.

    The first verb of setting out (see the module notes) whose doer is the
    target, with a place it left from (one named, resolved or not, or a common
    noun of one: "the car park"), that is neither a plan nor a movement to a
    place that resolves. None unparsed.
    """
    if s.sent is None or _DEPARTING.search(s.text) is None:
        return None
    for tok in s.sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in _LEMMAS:
            continue
        how = _setting_out(ex, s, tok)
        if how is None:
            continue
        words, origin = how
        if _planned(tok) or _goes_to_a_place(ex, s, tok):
            continue
        if not _by_target(ex, s, tok):
            continue
        words, origin = words.strip(" ,;:"), origin.strip(" ,;:")
        return Departure(int(tok.idx), words, tok, origin, _clause(tok))
    return None


def _clause(verb: Any) -> Any:
    """The verb whose clause holds ``verb`` (see :attr:`Departure.clause`)."""
    from geosleuth.read.attribution import REPORTING_LEMMAS

    name = verb.head
    if (
        verb.dep_ == "acl"
        and name.dep_ in ("nsubj", "npadvmod", "dobj")
        and name.head.lemma_.lower() in REPORTING_LEMMAS
    ):
        return name.head
    return verb


def _setting_out(ex: _Extractor, s: Sentence, verb: Any) -> tuple[str, str] | None:
    """(words, origin) of ``verb`` if it sets out from a place; else None."""
    lemma = verb.lemma_.lower()
    kids = list(verb.children)
    parts = {c.lower_ for c in kids if c.dep_ in ("prt", "advmod")}
    objects = [c for c in kids if c.dep_ in ("dobj", "obj")]
    obj = objects[0] if objects else None
    preps = [c for c in kids if c.dep_ == "prep"]
    # where from: "from" for a going out, "at" too for a start at a place
    if (
        (lemma == "set" and parts & {"off", "out"})  # not "set sail", "set a record"
        or (lemma in _OUT_LEMMAS and "out" in parts)
        or (lemma == "take" and "off" in parts)
    ):
        allowed: tuple[str, ...] = ("from",)
    elif lemma == "launch" and (obj is None or obj.lemma_.lower() in _CRAFT):
        allowed = ("from", "at", "off")
    elif lemma == "enter" and obj is not None and obj.lemma_.lower() in _WATERS:
        allowed = ("at", "from", "off")
    elif lemma == "drop" and "off" in parts and _passive(verb):
        allowed = ("at", "near", "outside")
    elif lemma in ("start", "begin") and obj is not None:
        if obj.lemma_.lower() not in _OUTINGS:
            return None
        allowed = ("at", "from")
        preps += [c for c in obj.children if c.dep_ == "prep"]
    elif lemma in ("leave", "depart"):
        if not _phrase_dates(ex, s, verb) and not _OUT_MARKS.search(_phrase_text(verb)):
            return None  # "left Leeds": perhaps where she once lived
        if obj is not None and _names_a_start(ex, s, obj, bare=False):
            first, end = _first_word(verb), obj.right_edge
            return (
                ex.text[first.idx : end.idx + len(end.text)],
                ex.text[obj.left_edge.idx : end.idx + len(end.text)],
            )
        allowed = ("from",)
    else:
        return None
    for p in preps:
        if p.lower_ not in allowed:
            continue
        pobj = next((c for c in p.children if c.dep_ == "pobj"), None)
        if pobj is None or not _names_a_start(ex, s, pobj, bare=True):
            continue
        first = _first_word(verb)
        end = pobj.right_edge
        return (
            ex.text[first.idx : p.idx + len(p.text)],
            ex.text[pobj.left_edge.idx : end.idx + len(end.text)],
        )
    return None


def _names_a_start(ex: _Extractor, s: Sentence, tok: Any, *, bare: bool) -> bool:
    """Whether the noun ``tok`` names a place one sets out from.

    A place named ("Leeds", "North Beach"), one of :data:`_START_NOUNS` ("the
    car park", "the fish pier"), or (``bare``, after "from" or "at") a proper
    noun that names no person ("Merrill Field"); not "the company", "the
    party", "work".
    """
    a, b = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
    if any(a <= m.start < b and m.start <= tok.idx < m.end for m in s.places):
        return True
    if tok.lemma_.lower() in _START_NOUNS or tok.lower_ in _START_NOUNS:
        return True
    if not bare or tok.pos_ != "PROPN":
        return False
    return not any(
        e.start_char <= tok.idx < e.end_char for e in ex.persons_in(s.sent)
    ) and not any(r.start <= tok.idx < r.end for r in s.refs)


def _passive(verb: Any) -> bool:
    """Whether ``verb`` is in the passive ("was dropped off", "dropped off by")."""
    return verb.tag_ == "VBN" and (
        any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in verb.children)
        or verb.dep_ == "acl"
    )


def _first_word(verb: Any) -> Any:
    """The first word of ``verb``'s own words: its passive auxiliary, or itself."""
    aux = [c for c in verb.children if c.dep_ == "auxpass" and c.i < verb.i]
    return aux[0] if aux else verb


def _phrase_text(verb: Any) -> str:
    """The text of ``verb``'s subtree, less its subject."""
    words = [
        t
        for t in verb.subtree
        if not any(a.dep_ in ("nsubj", "nsubjpass") for a in (t, *t.ancestors))
        or t.i >= verb.i
    ]
    return " ".join(t.text for t in words)


def _planned(verb: Any) -> bool:
    """Whether the setting out of ``verb`` is only meant or yet to come.

    "planned to set off from", "was due to leave", "hoped to launch", "will set
    off", "is set to leave", "if he left" (:func:`~geosleuth.read.whereabouts.
    _movement._to_come`).
    """
    if _to_come(verb) is not None:
        return True
    tok = verb
    for _ in range(4):
        if tok.dep_ not in ("xcomp", "ccomp", "advcl") or tok.head.i == tok.i:
            return False
        up = tok.head
        if tok.dep_ == "xcomp" and (
            up.lemma_.lower() in _INTENT_LEMMAS | _DUE or up.lower_ in _INTENT_LEMMAS
        ):
            return True
        if tok.dep_ != "xcomp":
            return False
        tok = up
    return False


#: Words of what is due or expected: "was *due* in McGrath", "was *expected*
#: back", "*scheduled* to land in".
_DUE = frozenset({"due", "expect", "schedule", "suppose", "bind", "bound"})


def _goes_to_a_place(ex: _Extractor, s: Sentence, verb: Any) -> bool:
    """Whether ``verb`` goes to a place that resolves: "left Leeds *for York*".

    Such a movement is read by :mod:`geosleuth.read.whereabouts` (its goal a
    claim, its start where the target was on its date).
    """
    for c in verb.children:
        if c.dep_ != "prep" or c.lower_ not in _GOAL_PREPS:
            continue
        a, b = c.idx, c.right_edge.idx + len(c.right_edge.text)
        if any(a <= m.start < b and resolved(m) for m in s.places):
            return True
    return False


def _by_target(ex: _Extractor, s: Sentence, verb: Any) -> bool:
    """Whether the one who set out by ``verb`` is the target.

    The verb's subject in the parse (up the clauses it is joined to, and a
    "who" to the noun it stands for), or the noun that a participle describes
    ("Fiona MacLeod, 45, from Glasgow, *set off* from ...", as the parse may
    read it), must be a reference to the target. Without one, as
    :func:`~geosleuth.read.sightings.seen_subject` finds.
    """
    from geosleuth.read.sightings import seen_subject

    doer = _subject(verb)
    if doer is None and verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD"):
        doer = verb.head
    named = [r for r in s.refs if r.kind in ("name", "nisba", "title", "pronoun")]
    if doer is not None:
        doer = antecedent(doer)
        return any(r.start <= doer.idx < r.end for r in named)
    got = seen_subject(ex, s, int(verb.idx))
    return got is not None and got[1] == "target" and got[0] is None


def _path(doc: Any, verb: Any, m: MentionLike) -> list[Any]:
    """The words from the place ``m`` up to ``verb``'s child (empty if not under)."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return []
    path = [span.root]
    for _ in range(16):
        head = path[-1].head
        if head.i == verb.i:
            return path
        if head.i == path[-1].i:
            return []
        path.append(head)
    return []


def _where_link(top: Any) -> bool:
    """Whether a child of the verb says where it left from (see :meth:`holds`)."""
    if top.dep_ == "prep":
        return top.lower_ in _WHERE_PREPS
    # "left *the Stonington fish pier*", "launched *his kayak* from", "dropped
    # off at the trailhead, *south* of Bozeman"
    return top.dep_ in ("dobj", "obj", "advmod", "npadvmod")


def set_aside(ex: _Extractor, s: Sentence, left: Departure) -> None:
    """Reject the places of :func:`plans`, each with its reason, as read."""
    for m, reason, why in plans(ex, s, left):
        ex.taken[m.start] = "aside"
        ex.reject(reason, f"{m.text!r} {why}", (m.start, m.end))


def plans(
    ex: _Extractor, s: Sentence, left: Departure
) -> list[tuple[MentionLike, Literal["conditional", "not_target"], str]]:
    """The places of ``s`` that are not where the target left from, and why.

    Where the target was only due or meant to go: "took off from Merrill Field
    ... and *was due in McGrath*", "set off from Aspen *to hike to Vail*",
    "*intending to climb* England's highest mountain", "a friend, who said he
    *planned to hunt in the Spanish Peaks*" (``conditional``); and the country
    after the town left ("left Cusco, *Peru*, on November 11": ``not_target``).
    (place, reason, why), for the places no rule has read.
    """
    out: list[tuple[MentionLike, Literal["conditional", "not_target"], str]] = []
    taken = [m for m in s.places if ex.taken.get(m.start) == "sighting"]
    for m in s.places:
        if m.start in ex.taken or getattr(m, "role", "place") != "place":
            continue  # read, or no place ("the *Spanish* Peaks": a demonym)
        if left.holds(ex.doc, m):
            if resolved(m) and qualifies_town(ex.text, m, [*taken, m]):
                why = "only qualifies a more precise place in the same sentence"
                out.append((m, "not_target", why))
            continue
        words = _intended(ex, s, m) or _due(ex, m, left.verb)
        if words:
            why = f"is where the target was due or meant to go ({words!r}), not "
            out.append((m, "conditional", why + "where the target is"))
    return out


def _due(ex: _Extractor, m: MentionLike, verb: Any) -> str | None:
    """The words by which the place ``m`` is where the one who left was due.

    Up from the place to the departure's ``verb``: a word of :data:`_DUE`
    ("was *due* in McGrath", "was *expected* back in Leeds", "*bound* for
    York"), or a purpose or intent ("*intending to climb* ...", "to paddle
    across ... to Duart Point").
    """
    span = ex.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    for _ in range(16):
        head = tok.head
        if head.i in (tok.i, verb.i):
            return None  # the departure's own phrase, or no verb above
        lemma = head.lemma_.lower()
        if lemma in _DUE or head.lower_ in _DUE or lemma in _INTENT_LEMMAS:
            return str(head.text)
        if head.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in head.children
        ):
            gov = head.head
            if head.dep_ in ("advcl", "xcomp") and gov.i == verb.i:
                # "set off from Oban *to paddle* across the Firth of Lorn": a purpose
                return f"{verb.text} ... to {head.text}"
        tok = head
    return None
