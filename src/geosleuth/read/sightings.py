"""Sightings: "seen", "spotted", "sighted", "photographed" with places.

One :class:`~geosleuth.evidence.Sighting` per place, all in one mixture group. The
subject is the target when the seen one is the target; an *associate* when the
seen one is another person described as close to the target ("Iyad al-Jamili, one
of the men closest to Baghdadi"), with ``closeness`` :data:`ASSOCIATE_CLOSENESS`
and the name in ``who``; the target's own associate ("Baghdadi's driver was
spotted") is an unnamed associate. In the active voice the one seen is the
object: the target's name, title or nisba ("a shepherd saw al-Baghdadi near
Hajin"), or "him" or "her" where the pronoun refers to the target by the rules of
:mod:`geosleuth.read.target` ("Residents saw her in Vail", "Police said a driver
had seen him in Mosul"; not after another person's name, a relative of its
gender, or when the target is of the other gender). A reference to the target in
the speaker's words ("Jane Doe's brother said residents saw her") is no one seen.
The hedge is that of the seeing ("may have been seen"), not of the description
of who was seen, and of a verb of belief that reports it ("Police *believe* a
hiker saw her", "a hiker *claimed* he saw her":
:func:`~geosleuth.read._sighting_denials._believed`), not of one joined to it
("Police believe she is in York, and a hiker saw her in Leeds").

A seeing that is denied ("has not been seen", "nobody saw", "not a single
resident saw", "neither residents nor police saw", "saw neither her nor her
husband", "was seen by no one", "officials denied that a shepherd saw", "rejected
reports that", "a hiker falsely claimed he saw") is no sighting (reason
``negated``), nor is one under a condition ("if you saw", "whether he was seen":
``conditional``); a place denied on its own ("seen in Aspen, not in Denver",
"seen in Raqqa, not Mosul", "in Raqqa rather than Mosul", "instead of Mosul", "in
Aspen but never in Denver", "seen not in Mosul but in Raqqa", "neither in Mosul
nor in Raqqa", "nowhere near Hajin": :data:`~geosleuth.read._sentence.CONTRAST`)
is left out of it (``negated``). A place put in the stead of a denied one is seen
even when the seeing is negated ("was not seen in Mosul but in Raqqa": Raqqa;
:data:`~geosleuth.read._sentence.CORRECTION`). "See" itself is not read, denied or
not ("want to see him in court" is no sighting).

A seeing through a screen or a recording ("saw her on TV in Denver", "seen on
television", "on the news", "in a video", "in footage", "in a photo", "a video
filmed in Denver") is no sighting: it shows the target, not where the target is.
The place named with it is where the broadcast was watched, or where (and, rarely
said, when) the recording was made, so it is set aside (``no_place``) with the
medium in its detail; a dated recording is read as proof of life
(:mod:`geosleuth.read.life`), and an analyst who knows where a video was filmed
can add the sighting by hand.

A camera that places the target is a seeing like any other, its camera named in
the note ("seen by a camera ('CCTV footage')"): a camera, CCTV or footage as the
subject of a verb of seeing or showing with the target as its object ("CCTV
footage showed her at the station", "A security camera captured Jane Doe",
"Doorbell footage shows him in Leeds", "Cameras picked her up") or as the one
doing what it shows, at the places of that doing ("CCTV footage showed Jane Doe
walking near Leeds station"; not "walking with a man who was later arrested in
Leeds"), the target
seen on or by one ("caught on camera", "recorded by a doorbell camera", "seen in
CCTV footage"), or "filmed" and "photographed"; so is camera footage of the
target that someone has or puts out ("Police have CCTV footage of Jane Doe at
Leeds station", "recovered CCTV footage of her"; not "are looking for", "hope
to find", "Anyone who has": :func:`~geosleuth.read._sighting_media.footage_put_out`),
whose holder states it (:mod:`geosleuth.read.attribution`), as the one that
puts out footage showing her does ("Police released CCTV footage showing
her"). It is graded by who states it,
as a witness's sighting is: the credibility digit records the source of the
report, not the eye that saw. A recording to watch ("TV footage", "a propaganda
video"), a screen ("seen on TV", "in footage", "watched a video of her") is
still no sighting, and the rules above (denial: "no camera captured her";
hedge: "footage may show him") hold.

A seeing that another party disputes ("..., but police denied it", "..., a claim
the army denied", or a next sentence "Police denied the report.") is kept one
level less sure, with the denial in its note (see :mod:`geosleuth.read.claims`,
*Disputes*). Only the places of the seeing's own clause are seen
(:func:`~geosleuth.read._sentence.own_clause`): not those of a clause with a
subject of its own or one of speech or belief ("A hiker saw Jane Doe on Monday,
and police believe she is hiding in Denver", "was spotted in Leeds, and her
sister says she has gone to York", "seen in Aspen after she fled Denver"), nor
those of a clause with a speaker of its own
(:attr:`~geosleuth.read.attribution.Attribution.clauses`: "A hiker saw her in
Aspen, but police say she is in Mosul"); verbs joined with no subject of their
own share the places ("was seen and arrested in Leeds"), but for a movement,
which is read as a claim of the one who moves ("was seen in Leeds and later fled
to York": York the target's claim; "A hiker saw her in Aspen, and later moved to
Denver": the hiker's, nothing of the target's). The other clauses are
read as statements of where the target is, each as it would be on its own; their
words give the seeing no hedge, and their speaker does not state it. In a
relative clause the one seen is the one it describes ("Jane Doe, who was last
seen in Aspen"; not "Jane Doe's brother, who was last seen in Aspen"). Where a
person's deed after or before the seeing was is not seen ("Salcedo's brother was
seen in Culiacán, days after *Salcedo's arrest in Durango*"), and a place that
the parse hangs on "days" of a clause of time ("seen in Culiacán days after
Salcedo fled Durango") is the seeing's all the same.

A witness placed at a town ("A fisherman *in Vigo* said he saw Varga at the
harbour", "Residents *of Raqqa* said they saw him", '"I saw him," a shopkeeper in
Faro said', "A fisherman in Vigo saw Varga") whose own seeing names no place
("at the harbour", "near his house", or none) saw the target at or near that
town: a sighting there, σ :data:`WITNESS_SIGMA_KM`, one level less sure, its
note naming the witness (review r50, M4). So does a witness's own meeting,
serving or recognising of the target ("a shopkeeper in Vigo said she *served*
Varga", "he *met* Varga in Porto": Porto). A seeing with a place of its own is
there ("A fisherman in Vigo said he saw Varga in Porto": Porto); not a seeing
told of others ("A spokesman in Madrid said Varga was seen"), one by an official
or an organisation ("Police in Madrid said they saw him"), by a witness "from"
a town, or in a region.

A seeing at a distance from a place is read by its words
(:mod:`geosleuth.read._distances`), as a claim is: "was last seen 30 km from
Culiacán" is a sighting on the ring about that far (an area with a hole, its
edges as soft as the place's own σ), "spotted within 5 km of" on the disc of
it, drawn whole (a sighting has no buffer); "seen more than 30 km from" says
where the one seen was not, and is set aside (``no_place``). A distance with a
side ("seen about 20 miles north of") stays the point along it
(:func:`~geosleuth.read.regions.offset_of`), and a thing's distance ("His car was
found 30 km from") is its trace's.

Where the target went missing ("went missing near Vail on Saturday") or set out
from ("set off from Ganavan Sands, north of Oban, on Monday", "launched his kayak
from North Beach in Burlington", "was dropped off at the Spanish Creek
trailhead": :mod:`geosleuth.read._departures`) is the last known point: a
sighting of the target there, by the same rules, its note naming the words; a
departure from a place that does not resolve is a ``no_place`` row that quotes
it, and where the target was only due ("and was due in McGrath") is set aside as
``conditional``.

Who was seen is found by :mod:`geosleuth.read._seen_subjects`; who saw, a
witness or a camera, by :mod:`geosleuth.read._sighting_witnesses`; which places
after the verb are the seeing's, by :mod:`geosleuth.read._sighting_places`; a
seeing denied or doubted, by :mod:`geosleuth.read._sighting_denials`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Literal

from geosleuth.evidence import Sighting
from geosleuth.geometry import Geometry, Point
from geosleuth.read._denials_joined import denied_joined
from geosleuth.read._departures import departure, set_aside
from geosleuth.read._distances import BEYOND, distance_words, seen_region
from geosleuth.read._search_anaphors import found_again
from geosleuth.read._seen_subjects import (
    SEE_LEMMAS,
    SEEN,
    is_trace,
    lookalike_doing,
    lookalike_words,
    seen_by_someone,
    seen_subject,
    sees_a_thing,
)
from geosleuth.read._seen_subjects import THINGS as THINGS
from geosleuth.read._sentence import (
    CONTRAST,
    CORRECTION,
    NEAR,
    MentionLike,
    Sentence,
    disputed,
    geometry_of,
    hedge_note,
    hedge_text,
    in_phrase,
    is_point,
    kind_of,
    label,
    less,
    note_of,
    own_clause,
    place_kind_of,
    resolved,
    spread_of,
)
from geosleuth.read._sighting_denials import (
    _believed,
    _correctable,
    _denied,
    _hearsay,
)
from geosleuth.read._sighting_media import _medium
from geosleuth.read._sighting_media import camera_of as camera_of
from geosleuth.read._sighting_places import (
    DESTINATION,
    deed_of_another_time,
    free,
    left_in_a_time,
    words_of,
)
from geosleuth.read._sighting_witnesses import (
    WITNESS_SIGMA_KM,
    met_by_witness,
    of_the_seer,
    place_named,
    seen_on_camera,
    witness_town,
)
from geosleuth.read.attribution import Attribution
from geosleuth.read.hedges import (
    _joined_modals,
    before_semicolon,
    hedge_of,
    lower,
    said_to_open,
    weakest,
    withheld_elsewhere,
)
from geosleuth.read.regions import OFFSET_SPREAD, offset_of, qualifies_town
from geosleuth.read.whereabouts._clauses import there_all_the_same

if TYPE_CHECKING:
    from geosleuth.read.claims import _Extractor

__all__ = ["ASSOCIATE_CLOSENESS", "SEE_LEMMAS", "read_sightings", "seen_subject"]

#: Closeness of an associate whose sighting says where the target is.
ASSOCIATE_CLOSENESS = 0.5


#: The auxiliaries and adverbs right before "seen": "may have been", "was reportedly".
_AUX_BEFORE = re.compile(
    r"(?:\b(?:may|might|could|would|must|will|have|has|had|be|been|being|is|was|are|"
    r"were|not|never|reportedly|allegedly|apparently|probably|possibly|likely|"
    r"believed|thought|said|reported|rumou?red|to|also|last|first|recently)\s+)+$",
    re.IGNORECASE,
)


#: Marks of a clause of time under a seeing denied: "has not been seen *since*
#: he was spotted in Culiacán".
_SINCE_MARKS = frozenset({"since", "after", "when"})


def _seen_since(s: Sentence, at: int) -> bool:
    """Whether the seeing at ``at`` is denied and a seeing since it is told.

    "Rodrigo Salcedo Ibarra has not been seen since he was spotted in Culiacán
    in 2016": the "not" denies a later seeing; the clause of time under it
    tells a seeing of its own, which is read in its stead, when its subject is
    "he", "she" or a name. Not "has not been seen in Culiacán since 2016" (no
    seeing in the clause), "since his brother was spotted" (another seen), nor
    a seeing that is not denied.
    """
    if _denied(s, at) is None or s.sent is None:
        return False
    verb = next((t for t in s.sent if t.idx == at), None)
    if verb is None:
        return False
    later = {s.span[0] + m.start() for m in SEEN.finditer(s.text)}
    return any(
        c.dep_ == "advcl"
        and c.idx in later
        and any(g.dep_ == "mark" and g.lower_ in _SINCE_MARKS for g in c.children)
        # the one seen then is the one not seen since: "he", "she" or a name,
        # not "since his brother was spotted"
        and any(
            g.dep_ in ("nsubj", "nsubjpass")
            and (g.lower_ in ("he", "she") or g.pos_ == "PROPN")
            for g in c.children
        )
        for c in verb.children
    )


def read_sightings(ex: _Extractor, s: Sentence) -> bool:
    """Add the sightings of ``s``; True if it is a sighting (used or not)."""
    subject = None
    traced = False
    verbs: list[Any] = []
    holder = None  # the verb that has the footage that is seen through
    for seen in SEEN.finditer(s.text):
        seen_at = s.span[0] + seen.start()
        if _seen_since(s, seen_at):
            # "has not been seen since he was spotted in Culiacán in 2016": the
            # seeing denied is the later one; the one since is where he was
            continue
        if sees_a_thing(ex, s, seen_at):
            # "Her car was seen in Aspen, and she was seen in Vail": the car is a
            # trace (geosleuth.read.traces), and a later seeing is read on its own
            continue
        subject = seen_subject(ex, s, seen_at)
        if subject is not None and is_trace(subject):
            subject, traced = None, True  # "Jane Doe's car was seen"
            continue
        if subject is None:
            # the active voice: "a shepherd saw al-Baghdadi near Hajin", "residents
            # saw her in Vail"
            at = seen_by_someone(ex, s)
            if at is not None:
                seen_at, subject = at, (None, "target", "")
        break
    if subject is None and not traced:
        # "A woman matching her description was spotted near Grand Lake": only
        # the target's "her" names who was seen, and the seeing is a lookalike's
        first = SEEN.search(s.text)
        if first is not None and lookalike_words(ex, s, possessive=True) is not None:
            seen_at, subject = s.span[0] + first.start(), (None, "target", "")
    if subject is None and not traced:
        # "a man matching his description bought water at a gas station in
        # Leeds": a witness's word that someone like the target did it there
        doing = lookalike_doing(ex, s)
        if doing is not None:
            seen_at, subject, verbs = int(doing.idx), (None, "target", ""), [doing]
    if subject is None and not traced:
        # "A shopkeeper in Faro said she served Varga": a witness's own meeting
        met = met_by_witness(ex, s)
        if met is not None:
            seen_at, subject, verbs = int(met.idx), (None, "target", ""), [met]
    if subject is None and not traced:
        # a camera: "CCTV footage showed her in Leeds", "caught on camera in Leeds"
        filmed = seen_on_camera(ex, s)
        if filmed is not None:
            seen_at, subject, doing, holder = filmed
            if doing is not None:
                # "showed Jane Doe walking near Leeds station": the places of what
                # she was shown doing, not of a man "who was later arrested in Leeds"
                verbs = [t for t in s.sent if t.idx == seen_at] + [doing]
    gone = None
    if subject is None and not traced:
        # "Jane Doe went missing in Chamonix on Saturday": where she was last
        gone = _went_missing(ex, s)
        if gone is not None:
            # only the places of going missing: not "and turned up in York"
            seen_at, subject, verbs = gone[0], (None, "target", ""), gone[2]
    left = None
    if subject is None and not traced:
        # "Jacob Eaton left the Stonington fish pier before dawn on Tuesday":
        # where she set out from, the last known point (review 17)
        left = departure(ex, s)
        if left is not None:
            seen_at, subject, verbs = left.at, (None, "target", ""), [left.verb]
    if subject is None:
        return False
    who, subj_kind, desc = subject
    lookalike = lookalike_words(ex, s, possessive=True) if who is None else None
    if lookalike is not None and desc.lower().endswith("description"):
        # "A man matching Arellano's description was spotted": not an associate
        # of the target, but someone who looked like the target
        subj_kind, desc = "target", ""
    camera = camera_of(s, seen_at)
    seen_one = who or (
        "associates of the target" if subj_kind == "associate" else "the target"
    )
    lead = (
        f"associate of the target ({desc})" if subj_kind == "associate" else "",
        f"closeness {ASSOCIATE_CLOSENESS} (default for an associate)"
        if subj_kind == "associate"
        else "",
        f"seen by a camera ({camera!r})" if camera else "",
        f"where the target went missing ({gone[1]!r}): the last known point"
        if gone
        else "",
        left.note if left else "",
    )

    def own(m: MentionLike) -> bool:
        if left is not None:
            return left.holds(ex.doc, m)  # not "set off from Aspen to hike to Vail"
        return any(in_phrase(ex.doc, v, m) for v in verbs)

    add_seen(
        ex, s, seen_at, who=who, subject=subj_kind, seen_one=seen_one,
        lead=tuple(x for x in lead if x),
        closeness=ASSOCIATE_CLOSENESS if subj_kind == "associate" else 1.0,
        # "the target left from 'the Camp Richardson marina', but at no
        # resolved place": the departure's own words where none resolves
        event=left.event(ex.doc, s.places) if left else "seen",
        keep=own if verbs else None,
        lookalike=lookalike if subj_kind == "target" else None,
        clause=left.clause if left else holder,
    )  # fmt: skip
    if left is not None:
        # "took off from Merrill Field ... and was due in McGrath": a plan
        set_aside(ex, s, left)
    return True


#: Between a town and a place that says where it is: "Tal Afar*, west of *Mosul",
#: "Kata* near *Patong". A distance ("60 km west of") makes an offset instead
#: (:func:`~geosleuth.read.regions.offset_of`).
_LOCATING_GAP = re.compile(
    r"\s*,?\s*(?:(?:just|about|some|roughly|around|not\s+far)\s+)?"
    r"(?:(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?\s+of|near|"
    r"outside(?:\s+of)?|close\s+to)\s+(?:the\s+(?:city|town)\s+of\s+)?",
    re.IGNORECASE,
)


def _located_by(
    text: str, m: MentionLike, places: list[MentionLike]
) -> MentionLike | None:
    """The town of ``places`` that ``m``, named right after it, only locates.

    "seen in Tal Afar, west of Mosul", "seen in Kata, near Patong": the second
    place says where the first is, not another place where the target was seen.
    Only after a town or point ("seen in Texas near Houston" keeps Houston).
    """
    for p in places:
        if (
            p is not m
            and is_point(p)
            and p.end <= m.start
            and _LOCATING_GAP.fullmatch(text, p.end, m.start)
        ):
            return p
    return None


#: Going missing, a last sighting in other words: "went missing in Chamonix",
#: "disappeared from her home in Leeds", "vanished near Patong", "was reported
#: missing in Cusco".
_GONE = re.compile(
    r"\b(?:(?:went|go(?:es)?|gone|going)\s+missing|disappear(?:ed|s)?|"
    r"vanish(?:ed|es)?|(?:was|were|been)\s+reported\s+missing)\b",
    re.IGNORECASE,
)


def _went_missing(ex: _Extractor, s: Sentence) -> tuple[int, str, list[Any]] | None:
    """(offset, words, verbs) of the target going missing in ``s``.

    The verb's subject must be the target (:func:`seen_subject`): "Jane Doe
    vanished near Patong", "Jane Doe, who disappeared in Phuket"; not "her car
    disappeared" nor "the money vanished"; and a place must be in its phrase,
    or in that of what she was doing ("disappeared while hiking near Aspen"):
    not "disappeared after she left a bar in Leeds". The verbs are the going
    missing and the doing. None unparsed.
    """
    if s.sent is None or not any(resolved(m) for m in s.places):
        return None  # "went missing on Saturday": nothing to read
    for m in _GONE.finditer(s.text):
        words = m.group(0).split()
        # the verb: "went" of "went missing", "reported" of "was reported missing"
        reported = words[-1].lower() == "missing" and len(words) > 2
        verb = words[-2] if reported else words[0]
        at = s.span[0] + m.start() + m.group(0).find(verb)
        tok = next((t for t in s.sent if t.idx == at), None)
        if tok is None or tok.pos_ not in ("VERB", "AUX"):
            continue
        # "disappeared while hiking near Aspen": what she was doing, there
        doing = [
            c
            for c in tok.children
            if c.dep_ == "advcl"
            and c.tag_ == "VBG"
            and any(g.dep_ == "mark" and g.lower_ in _WHILE for g in c.children)
        ]
        verbs = [tok, *doing]
        if not any(
            resolved(p) and any(in_phrase(ex.doc, v, p) for v in verbs)
            for p in s.places
        ):
            continue
        got = seen_subject(ex, s, at)
        if got is not None and got[1] == "target" and got[0] is None:
            return at, m.group(0), verbs
    return None


_WHILE = frozenset({"while", "when", "whilst"})


def _described(s: Sentence, at: int) -> bool:
    """Whether the word at ``at`` is in a relative clause, which describes."""
    tok = next((t for t in s.sent if t.idx == at), None) if s.sent else None
    return tok is not None and any(a.dep_ == "relcl" for a in (tok, *tok.ancestors))


def add_seen(
    ex: _Extractor,
    s: Sentence,
    seen_at: int,
    *,
    who: str | None,
    subject: Literal["target", "associate"],
    seen_one: str,
    lead: tuple[str, ...],
    closeness: float,
    what: str = "sighting",
    event: str = "seen",
    keep: Callable[[MentionLike], bool] | None = None,
    lookalike: str | None = None,
    clause: Any = None,
) -> bool:
    """Add one sighting per place seen at offset ``seen_at``, or reject with why.

    The rules of the module notes: a denied or conditional seeing, a screen or a
    recording, a place denied on its own, the hedge of the seeing, a dispute.
    ``seen_one`` names the one seen in the reasons, ``lead`` opens each item's
    note, ``closeness`` is the items'; ``what`` and ``event`` name the item and
    the verb in the reasons ("trace", "found": :mod:`geosleuth.read.traces`).
    ``keep``, if given, says which of the places after the verb are its own (by
    default all those of its clause). ``lookalike``, if given, is the wording
    by which the one seen only looked like the target ("a man resembling
    Arellano"): the seeing is then at most ``possible``. ``clause``, if given,
    is the verb whose clause holds the seeing, where the parse hangs the verb
    on a name (:attr:`~geosleuth.read._departures.Departure.clause`). Returns
    whether the seeing is reported: False for one denied, under a condition or
    through a screen, True otherwise, with or without a place.
    """
    # "A hiker saw her in Aspen, but police say she is in Mosul", "A hiker saw
    # her on Monday, and police believe she is hiding in Denver": the places of
    # the seeing's own clause (the others are read as statements of their own)
    a, b = next((c for c, _ in s.attr.clauses if c[0] <= seen_at < c[1]), s.span)
    verb = next(
        (t for t in (s.sent if s.sent is not None else []) if t.idx == seen_at), None
    )
    top = clause if clause is not None else verb
    words, others = own_clause(top, s.span) if top is not None else (None, [])
    if words is not None and verb is not None:
        # "seen in Culiacán and may be in Durango now": a verb joined with a
        # modal of its own is a statement of its own, not a place of the seeing
        joined = _joined_modals(s.sent, seen_at)
        words = frozenset(
            w for w in words if not any(x <= ex.doc[w].idx < y for x, y in joined)
        )
        others = sorted([*others, *joined])
    if s.attr.clauses or others:
        ex.seen_clauses.extend(less((a, b), others))
    mine = [
        m
        for m in s.places
        if m.start > seen_at
        and m.start < b
        and resolved(m)
        and kind_of(m) not in ("country", "continent")
        and (
            words is None
            or any(w in words for w in words_of(ex, m))
            or left_in_a_time(ex, m, words)
        )
        and (keep is None or keep(m))
    ]
    if not mine and verb is not None:
        # "a tip that he was in a village near Pljevlja, but a search of the
        # village found him hiding in a barn": the place named before
        mine = found_again(ex, s, verb)
    # "seen in Leeds by a man from York", "by a man who lives in York": the
    # place says who saw, not where the seeing was
    for m in list(mine):
        seer = of_the_seer(ex, m, verb)
        if seer is not None:
            mine.remove(m)
            ex.reject(
                "not_target",
                f"{m.text!r} describes the one who saw ({seer!r}), not where the "
                f"one {event} was",
                (m.start, m.end),
            )
    # "seen boarding a bus in Albuquerque headed for Denver": where the one seen
    # was going is not where they were seen
    for m in list(mine):
        going = DESTINATION.search(ex.text[max(seen_at, m.start - 60) : m.start])
        if going is not None:
            mine.remove(m)
            ex.reject(
                "not_target",
                f"{m.text!r} is where the one {event} was going "
                f"({going.group(0).strip()!r}), not where they were {event}",
                (m.start, m.end),
            )
    # "seen in Culiacán, days after Salcedo's arrest in Durango": where a
    # person's deed after or before the seeing was, not where anyone was seen
    for m in list(mine):
        deed = deed_of_another_time(ex, m, verb, seen=subject)
        if deed is not None:
            mine.remove(m)
            ex.reject(
                "not_target",
                f"{m.text!r} is where another deed was ({deed!r}), not where the "
                f"one {event} was",
                (m.start, m.end),
            )
    # "seen in Leadville, Colo.": the state only says where the town is
    for m in [m for m in mine if qualifies_town(ex.text, m, mine)]:
        mine.remove(m)
        ex.reject(
            "not_target",
            f"{m.text!r} only qualifies a more precise place in the same sentence",
            (m.start, m.end),
        )
    # "seen in Tal Afar, west of Mosul": Mosul only says where Tal Afar is
    for m in list(mine):
        town = _located_by(ex.text, m, mine)
        if town is not None:
            mine.remove(m)
            ex.reject(
                "not_target",
                f"{m.text!r} only says where {town.text!r} is, in the same phrase",
                (m.start, m.end),
            )
    # a place that another rule read ("Jane Doe was seen and arrested in Leeds":
    # the arrest's) gives no second item; a trace's place is the target's too
    # ("Police found her car and her body in a lake near Aspen")
    places = [m for m in mine if free(ex.taken.get(m.start), what)]
    ex.taken.update((m.start, what) for m in places)
    denied = _denied(s, seen_at)
    # "was not seen in Mosul but in Raqqa": the place after "but" is seen
    corrected = [
        m
        for m in places
        if denied is not None
        and _correctable(s, seen_at, denied[1])
        and CORRECTION.search(ex.text[s.span[0] : m.start])
    ]
    if denied is not None and not corrected:
        reason, denial = denied
        nothing = "no one was seen" if what == "sighting" else f"nothing was {event}"
        ex.reject(
            reason,
            f"a {what} that is denied ({denial!r}): {nothing}"
            if reason == "negated"
            else f"a {what} under a condition ({denial!r}): not a report that "
            + ("anyone was seen" if what == "sighting" else f"anything was {event}"),
            s.span,
        )
        return False
    medium = _medium(s, seen_at)
    if medium is not None:
        named = ", ".join(repr(label(m)) for m in places)
        ex.reject(
            "no_place",
            f"{seen_one} {event} through a screen or a recording ({medium!r}): it "
            "shows who was seen, not where"
            + (f"; {named} is where it was shown or made" if named else ""),
            s.span,
        )
        return False
    # "seen in Aspen, not in Denver", "seen neither in Mosul nor in Raqqa": a place
    # denied on its own is not where anyone was seen
    there = (
        "no one was seen there" if what == "sighting" else f"nothing was {event} there"
    )
    denied_places = False
    for m, why in denied_joined(s, seen_at, places) if denied is None else []:
        # "seen in Culiacán and arrested in Durango. Police denied that he had
        # been arrested.": the arrest's place is taken back (review r217)
        places.remove(m)
        denied_places = True
        ex.reject(
            "negated",
            f"{m.text!r} is where an event denied was ({why!r})",
            (m.start, m.end),
        )
    for m in list(places):
        contrast = CONTRAST.search(ex.text[max(s.span[0], m.start - 40) : m.start])
        if denied is not None and m not in corrected:
            places.remove(m)
            denied_places = True
            ex.reject(
                "negated",
                f"{m.text!r} is where the {'seeing' if what == 'sighting' else what} "
                f"is denied ({denied[1]!r}): {there}",
                (m.start, m.end),
            )
        elif contrast is not None:
            places.remove(m)
            denied_places = True
            ex.reject(
                "negated",
                f"{m.text!r} is denied on its own ({contrast.group(0).strip()!r}): "
                + there,
                (m.start, m.end),
            )
        elif (far := distance_words(ex, s, m)) is not None and far.kind == BEYOND:
            # "seen more than 30 km from Culiacán": where the one seen was not
            places.remove(m)
            denied_places = True
            ex.reject(
                "no_place",
                f"the one {event} was farther than the distance named from "
                f"{label(m)!r} ({far.words!r}): where they were not, not where "
                f"they were {event}",
                (m.start, m.end),
            )
    if not places and denied_places:
        return True  # every place seen is denied: each is set aside above
    if not places and len(mine) > len(places):
        return True  # its places are another rule's items
    # "A fisherman in Vigo said he saw Varga at the harbour": a seeing of no
    # place of its own, the witness's, is at or near the witness's town
    witness = (
        witness_town(ex, s, verb)
        if not places and what == "sighting" and not place_named(ex, s, verb)
        else None
    )
    if witness is not None:
        town = witness[0]
        places = [town]
        ex.taken[town.start] = what
        # the town no longer only describes the speaker: the seeing is there
        ex.rejected = [
            r
            for r in ex.rejected
            if not (r.reason == "not_target" and r.span == (town.start, town.end))
        ]
    if not places:
        ex.reject("no_place", f"{seen_one} {event}, but at no resolved place", s.span)
        return True
    # the hedge of the seeing: what follows "seen", and the auxiliaries just
    # before it ("may have been seen"), not the description of who was seen
    # ("who is considered one of the men closest to ...")
    htext = _blank(hedge_text(s), s.span[0], others)
    said = s.attr.at(seen_at)
    if said.excluded and all(
        any(c <= x and y <= d for c, d in others) for x, y in said.excluded
    ):
        # "Jane Doe was spotted in Leeds, and her sister says she has gone to
        # York": the speaker of another clause does not state the seeing
        s = replace(s, attr=Attribution(disputed=said.disputed))
    at = seen_at - s.span[0]
    aux = _AUX_BEFORE.search(htext[:at])
    # "was arrested in Culiacán; he would have fled to Durango if ...": the
    # clause after the semicolon does not hedge the seeing, nor a word withheld
    # of another thing ("but refused to dismiss reports that he had been
    # tipped off")
    clause_words = withheld_elsewhere(
        s.sent, before_semicolon(htext, at), s.span[0], seen_at
    )
    if there_all_the_same(verb):
        aux = None  # "would have been arrested ... when he was seen there"
    hedge, cue = hedge_of(clause_words[aux.start() if aux else at :])
    if lookalike is not None and weakest(hedge, "possible") != hedge:
        # "A man resembling Arellano was seen": someone like the target was
        hedge, cue = "possible", lookalike
    # "Police said it is rumoured he was seen": its words, which the speaker's
    # span may have blanked; not of a clause that describes the one seen ("It
    # is said that Salcedo, who was arrested in Culiacán, will be extradited")
    hearsay = _hearsay(s, seen_at) or (
        None if _described(s, seen_at) else said_to_open(s.text[:at])
    )
    if hearsay is not None and weakest(hedge, "possible") != hedge:
        # "There are reports that a hiker saw her", "a tip that she was seen":
        # hearsay that no one vouches for, as "claims that"
        hedge, cue = "possible", hearsay
    believed = _believed(s, int(top.idx) if top is not None else seen_at)
    if believed is not None and weakest(hedge, believed[0]) != hedge:
        # "Police believe a hiker saw her", "Police believe they have found the
        # body of Jane Doe": the speaker only believes it
        hedge, cue = believed
    hedge, dispute = disputed(s, hedge, ex.text)
    group = f"{subject}:{who}" if who else None
    if witness is not None:
        # a place inferred from who saw, not named for the seeing
        hedge = lower(hedge)
        lead = (
            *lead,
            f"where the witness is ({witness[1]!r}): the seeing names no place of "
            f"its own, so it is put near the witness's town, σ {WITNESS_SIGMA_KM:g} "
            "km, one level less sure",
        )
    for m in places:
        near = NEAR.search(ex.text[max(s.span[0], m.start - 30) : m.start])
        sigma = 10.0 if near or kind_of(m) == "city" else 5.0
        if not near and not math.isnan(spread_of(m)):
            sigma = spread_of(m)  # "pinged at 47.6062, -122.3321": as written
        # the seeing's own words date it and say who states it, not the town's
        anchor = m.start
        if witness is not None:
            sigma, anchor = WITNESS_SIGMA_KM, seen_at
        date, date_from, dnote = (
            ex.dates(s, anchor, verb=verb)
            if witness is not None
            else ex.dates(s, anchor)
        )
        geom: Geometry = geometry_of(m)
        name, where = label(m), ""
        off = offset_of(ex.text, m.lon, m.lat, m.start, s.span[0])
        dist = distance_words(ex, s, m) if off is None else None
        # "seen 30 km from Culiacán": the ring about that far; "spotted within 5
        # km of": the disc of 5 km (a sighting has no buffer: drawn whole)
        region = (
            None
            if dist is None
            else seen_region(dist, geom, label(m), spread=OFFSET_SPREAD)
        )
        if region is not None:
            geom, name, where = region
            where += f", σ {sigma:.3g} km at its edges (the place's own)"
        elif off is not None:
            # "seen 300 nautical miles west of the Azores": not at the Azores
            geom, name = Point(off[0], off[1]), f"{off[3]} {label(m)}"
            spread = OFFSET_SPREAD * off[2]
            # the σ used, said as it is (review 17: "σ 30 % of that distance"
            # stood beside a σ of 5 km, the place's own, for 2 km from Kendal)
            why = (
                f"{OFFSET_SPREAD:.0%} of that distance"
                if spread >= sigma
                else f"the place's own; {OFFSET_SPREAD:.0%} of that distance is less"
            )
            sigma = max(sigma, spread)
            where = (
                f"the point {off[2]:,.0f} km from {label(m)} along the side "
                f"named, σ {sigma:.3g} km ({why})"
            )
        note = note_of(*lead, where, hedge_note(cue), dispute, dnote)
        ex.build(
            Sighting, s, s.span, id=ex.next_id("s"),
            provenance=ex.provenance(s, anchor), date=date, date_from=date_from,
            grade=ex.grade(s.attr.at(anchor)), hedge=hedge, note=note,
            place=geom, place_name=name, sigma_km=sigma, subject=subject,
            place_kind=place_kind_of(geom, name, [m]),
            who=who, group=group, closeness=closeness,
        )  # fmt: skip
    return True


def _blank(text: str, offset: int, spans: list[tuple[int, int]]) -> str:
    """``text`` (starting at document ``offset``) with ``spans`` blanked out."""
    out = list(text)
    for a, b in spans:
        for k in range(max(a, offset), min(b, offset + len(text))):
            out[k - offset] = " "
    return "".join(out)
