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
"""

from __future__ import annotations

import bisect
import math
import re
import weakref
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Literal

from geosleuth.evidence import Sighting
from geosleuth.geometry import Geometry, Point
from geosleuth.read._departures import departure, set_aside
from geosleuth.read._distances import BEYOND, distance_words, seen_region
from geosleuth.read._doc_text import doc_text
from geosleuth.read._lexicon import THINGS as _LEXICON_THINGS
from geosleuth.read._search_anaphors import found_again
from geosleuth.read._sentence import (
    CONTRAST,
    CORRECTION,
    NEAR,
    MentionLike,
    Sentence,
    antecedent,
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
    overlaps,
    own_clause,
    place_kind_of,
    resolved,
    spread_of,
    subtree_span,
)
from geosleuth.read._sighting_denials import (
    _believed,
    _correctable,
    _denied,
    _hearsay,
)
from geosleuth.read._sighting_media import (
    _camera_phrase,
    _medium,
    footage_of,
    not_filmed,
)
from geosleuth.read._sighting_media import camera_of as camera_of
from geosleuth.read._target_gender import IS_FEMALE, IS_MALE
from geosleuth.read._target_names import given_name_gender
from geosleuth.read._target_pronouns import GENDER_OF
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
from geosleuth.read.whereabouts._movement import _someone_of_the_target

if TYPE_CHECKING:
    from geosleuth.read.claims import _Extractor

__all__ = ["ASSOCIATE_CLOSENESS", "SEE_LEMMAS", "read_sightings", "seen_subject"]

#: Closeness of an associate whose sighting says where the target is.
ASSOCIATE_CLOSENESS = 0.5

#: The target's things (lemmas) whose place is a trace of the target
#: (:mod:`geosleuth.read.traces`): those of the lexicon, and the small craft and
#: the distress beacons of the outdoors ("his kayak", "her PLB").
THINGS = _LEXICON_THINGS | frozenset(
    {"kayak", "canoe", "dinghy", "raft", "paddleboard", "yacht", "sailboat",
     "motorboat", "plb", "epirb", "inreach"}
)  # fmt: skip

_SEEN = re.compile(
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
    later = {s.span[0] + m.start() for m in _SEEN.finditer(s.text)}
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
    for seen in _SEEN.finditer(s.text):
        seen_at = s.span[0] + seen.start()
        if _seen_since(s, seen_at):
            # "has not been seen since he was spotted in Culiacán in 2016": the
            # seeing denied is the later one; the one since is where he was
            continue
        if _sees_a_thing(ex, s, seen_at):
            # "Her car was seen in Aspen, and she was seen in Vail": the car is a
            # trace (geosleuth.read.traces), and a later seeing is read on its own
            continue
        subject = seen_subject(ex, s, seen_at)
        if subject is not None and _is_trace(subject):
            subject, traced = None, True  # "Jane Doe's car was seen"
            continue
        if subject is None:
            # the active voice: "a shepherd saw al-Baghdadi near Hajin", "residents
            # saw her in Vail"
            at = _seen_by_someone(ex, s)
            if at is not None:
                seen_at, subject = at, (None, "target", "")
        break
    if subject is None and not traced:
        # "A woman matching her description was spotted near Grand Lake": only
        # the target's "her" names who was seen, and the seeing is a lookalike's
        first = _SEEN.search(s.text)
        if first is not None and _lookalike(ex, s, possessive=True) is not None:
            seen_at, subject = s.span[0] + first.start(), (None, "target", "")
    if subject is None and not traced:
        # "a man matching his description bought water at a gas station in
        # Leeds": a witness's word that someone like the target did it there
        doing = _lookalike_doing(ex, s)
        if doing is not None:
            seen_at, subject, verbs = int(doing.idx), (None, "target", ""), [doing]
    if subject is None and not traced:
        # "A shopkeeper in Faro said she served Varga": a witness's own meeting
        met = _met_by_witness(ex, s)
        if met is not None:
            seen_at, subject, verbs = int(met.idx), (None, "target", ""), [met]
    if subject is None and not traced:
        # a camera: "CCTV footage showed her in Leeds", "caught on camera in Leeds"
        filmed = _filmed(ex, s)
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
    lookalike = _lookalike(ex, s, possessive=True) if who is None else None
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


def _lookalike(ex: _Extractor, s: Sentence, *, possessive: bool = False) -> str | None:
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


def _lookalike_doing(ex: _Extractor, s: Sentence) -> Any:
    """The verb of what someone like the target did, with no word of seeing.

    "A store clerk told officers *a man matching his description bought* a
    bottle of water at a gas station in Leeds": the one who matched the
    target's description is the subject of the verb, which is neither one of
    seeing nor a copula; its places are where the witness put him. None
    otherwise, or unparsed, or where the description is not the target's
    (:func:`_lookalike`).
    """
    if s.sent is None or _lookalike(ex, s, possessive=True) is None:
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


def _is_trace(subject: tuple[str | None, str, str]) -> bool:
    """Whether the one seen (:func:`seen_subject`) is one of the target's things.

    "Jane Doe's car was seen": a trace (:mod:`geosleuth.read.traces`), not an
    associate.
    """
    who, kind, desc = subject
    return kind == "associate" and who is None and _is_thing(desc)


def _sees_a_thing(ex: _Extractor, s: Sentence, at: int) -> bool:
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


def _of_the_seer(ex: _Extractor, m: MentionLike, verb: Any) -> str | None:
    """The words, if ``m`` says where the one who saw comes from or lives.

    A place in the "by" phrase of the seeing, after "from" or "of" or in a
    relative clause there: "seen in Leeds by a man *from York*", "by a man *who
    lives in York*". Not "seen by a hiker in Aspen", where the seeing was.
    """
    if verb is None:
        return None
    span = ex.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    chain = [span.root, *span.root.ancestors]
    agent = next((t for t in chain if t.dep_ == "agent" and t.head.i == verb.i), None)
    if agent is None:
        return None
    inner = chain[: chain.index(agent)]
    first_prep = next((t for t in inner if t.dep_ == "prep"), None)
    if not any(t.dep_ == "relcl" for t in inner) and (
        first_prep is None or first_prep.lower_ not in ("from", "of")
    ):
        return None  # "by a resident of Aspen near Vail": near Vail, it was
    words = list(agent.subtree)
    return str(doc_text(ex.doc)[words[0].idx : words[-1].idx + len(words[-1].text)])


#: The seer's own words for the seeing, which make the speaker its witness: "a
#: fisherman said *he* saw", '"*I* saw him," a fisherman said'; by number, the
#: singular ones of a singular speaker, the plural ones of a plural one.
_SEER_SINGULAR = frozenset({"he", "she", "i"})
_SEER_PLURAL = frozenset({"they", "we"})
#: Prepositions that place a witness: "a fisherman *in* Vigo", "residents *of*
#: Hajin"; not "a man *from* York", who may have come far to see.
_WITNESS_AT = frozenset({"in", "of"})
#: Spread (km) of a seeing put at the witness's town: as one "near" a place.
WITNESS_SIGMA_KM = 10.0


def _eyewitness(s: Sentence, verb: Any) -> Any:
    """The witness whose own seeing ``verb`` is, a word of the parse, or None.

    A verb in the active voice whose subject is a common noun ("A fisherman in
    Vigo saw Varga") or, under a reporting verb whose subject is one, a pronoun
    of its number ("A fisherman said *he* saw", "Residents said *they* saw",
    '"*I* saw him," a fisherman said'): the witness is that noun. Not a seeing
    told of others ("Varga *was seen*", "said *residents* saw him", "Residents
    said *he* saw"), nor one by an official or an organisation ("Police in
    Madrid said they saw him": its agents may have been anywhere).
    """
    from geosleuth.read.attribution import REPORTING_LEMMAS
    from geosleuth.read.attribution._names import OFFICIAL

    if verb is None or s.sent is None:
        return None
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None  # "Varga was seen": a seeing told, not the witness's own
    seer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if seer is None:
        return None
    witness = seer
    if seer.lower_ in _SEER_SINGULAR | _SEER_PLURAL:
        said = verb.head if verb.dep_ == "ccomp" else None
        if said is None or said.lemma_.lower() not in REPORTING_LEMMAS:
            return None
        witness = next((c for c in said.children if c.dep_ == "nsubj"), None)
        if witness is None or witness.pos_ != "NOUN":
            return None
        plural = witness.tag_ == "NNS"
        if seer.lower_ in _SEER_SINGULAR and plural:
            return None  # "Residents said he saw Varga": he is someone else
        if seer.lower_ == "they" and not plural:
            return None
        if s.attr.at(int(verb.idx)).official:
            return None
    elif witness.pos_ != "NOUN":
        return None
    if any(OFFICIAL.fullmatch(w) for w in (witness.text, witness.lemma_)):
        return None  # "Police in Madrid said they saw him", "officials in Vigo"
    return witness


def _witness_town(
    ex: _Extractor, s: Sentence, verb: Any
) -> tuple[MentionLike, str] | None:
    """(town, words) of the eyewitness of ``verb``, where the seeing names no place.

    "A fisherman in Vigo said he saw Varga at the harbour", "Residents of Hajin
    said they saw him", '"I saw him," a shopkeeper in Faro said', "A Vigo
    fisherman saw Varga": the one who saw (:func:`_eyewitness`) is placed at a
    town, after "in" or "of" or before the noun; the seeing is at or near it.
    Not a witness "from" a town, who may have come far to see
    (:func:`_of_the_seer`). The town is a resolved city, town or village of the
    witness's own phrase, the only place there: not a country or a region.
    """
    if verb is None or verb.lemma_.lower() not in SEE_LEMMAS | _EYEWITNESS_LEMMAS:
        return None
    witness = _eyewitness(s, verb)
    if witness is None:
        return None
    for mod in witness.children:
        if not (
            (mod.dep_ == "prep" and mod.lower_ in _WITNESS_AT)
            or (mod.dep_ == "compound" and mod.pos_ == "PROPN")
        ):
            continue
        a, b = subtree_span(mod)
        towns = [
            m
            for j, m in enumerate(ex.mentions)
            if a <= m.start and m.end <= b and is_point(m) and j not in ex.excluded
        ]
        if len(towns) == 1 and kind_of(towns[0]) in _TOWN_KINDS:
            words = list(witness.subtree)
            return towns[0], ex.text[words[0].idx : words[-1].idx + len(words[-1].text)]
    return None


#: Verbs besides those of seeing by which a witness tells of seeing the target
#: themself: "a fisherman said he *met* Varga", "she *served* him", "a waiter
#: *recognised* him" (:func:`_met_by_witness`).
_EYEWITNESS_LEMMAS = frozenset({"meet", "serve", "recognise", "recognize"})


def _met_by_witness(ex: _Extractor, s: Sentence) -> Any:
    """The verb by which a witness met, served or recognised the target, or None.

    "A shopkeeper in Faro said she served Varga", "A fisherman said he met him
    in Porto", '"I recognised him," a waiter said': one of
    :data:`_EYEWITNESS_LEMMAS` whose object is the target, as for a verb of
    seeing (:func:`_seen_by_someone`), and whose subject is the witness's own
    (:func:`_eyewitness`), in the past ("met", "had met"). Not the words of an
    official ("The minister said he met Varga"), a meeting told of others
    ("Varga was met by", "said residents met him"), one only planned or made
    possible ("hours for citizens *to meet* him", "she will meet him"), nor the
    target's own doing ("Varga met his lawyer").
    """
    if s.sent is None:
        return None
    named = [r for r in s.refs if r.kind in ("name", "nisba", "title")]
    named += [r for r in ex.object_refs if s.span[0] <= r.start < s.span[1]]
    for tok in s.sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in _EYEWITNESS_LEMMAS:
            continue
        if tok.tag_ not in ("VBD", "VBN") or any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
        ):
            continue  # "set aside hours for citizens to meet him": no meeting told
        objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
        # "met with Varga"
        objs += [
            g
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "with" and tok.lemma_ == "meet"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        if any(any(r.start <= o.idx < r.end for r in named) for o in objs) and (
            _eyewitness(s, tok) is not None
        ):
            return tok
    return None


#: Kinds of place that may be a witness's town (not a region's centre, a river).
_TOWN_KINDS = frozenset({"city", "town", "village"})


def _place_named(ex: _Extractor, s: Sentence, verb: Any) -> bool:
    """Whether the seeing ``verb`` names a place of its own, resolved or not.

    Any place name in its phrase after it ("saw him in Portugal", "in Xyzville",
    "at Heathrow"): then the seeing was there, or somewhere unknown, not at the
    witness's town.
    """
    start, end = int(verb.idx), subtree_span(verb)[1]
    if any(start < m.start < end for m in ex.mentions):
        return True
    # "at the Miramar Hotel": a name after a preposition of place, not a date's
    return any(
        t.i > verb.i
        and t.pos_ == "PROPN"
        and t.ent_type_ not in _NOT_PLACE_ENTS
        and any(
            up.dep_ == "pobj" and up.head.lower_ in _AT_PLACE
            for up in (t, *t.ancestors)
            if up.i > verb.i
        )
        for t in verb.subtree
    )


#: Prepositions of where ("saw him *at* the Miramar Hotel"), and entities that
#: are no place after them ("on *March* 8", "*with* Pedro Ruiz").
_AT_PLACE = frozenset({"in", "at", "near", "outside", "inside", "around", "behind"})
_NOT_PLACE_ENTS = frozenset({"DATE", "TIME", "PERSON", "NORP", "CARDINAL", "ORDINAL"})


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
            or any(w in words for w in _words_of(ex, m))
            or _left_in_a_time(ex, m, words)
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
        seer = _of_the_seer(ex, m, verb)
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
        going = _DESTINATION.search(ex.text[max(seen_at, m.start - 60) : m.start])
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
        deed = _deed_of_another_time(ex, m, verb, seen=subject)
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
    places = [m for m in mine if _free(ex.taken.get(m.start), what)]
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
        _witness_town(ex, s, verb)
        if not places and what == "sighting" and not _place_named(ex, s, verb)
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


#: Words before a place that make it where someone was going: "headed for
#: Denver", "on his way to Havana", "driving north toward Denver", "bound for".
_DESTINATION = re.compile(
    r"\b(?:head(?:ed|ing|s)?\s+(?:(?:north|south|east|west)\w*\s+)?(?:to|for|"
    r"toward|towards|into)|bound\s+for|en\s+route\s+(?:to|for)|on\s+(?:his|her|"
    r"their|its|the)\s+way\s+(?:to|back\s+to)|toward|towards|in\s+the\s+"
    r"direction\s+of)\s+(?:the\s+(?:city|town|village)\s+of\s+)?$",
    re.IGNORECASE,
)


def _free(by: str | None, what: str) -> bool:
    """Whether a place read by ``by`` (None: by nothing) is free for a ``what``.

    A trace and a sighting of the target are two items at one place ("Police
    found her car and her body in a lake"); two of either, or one and a claim,
    are one.
    """
    return by is None or (by == "trace") != (what == "trace")


def _word_of(ex: _Extractor, m: MentionLike) -> int:
    """The token index of the head word of the place ``m`` (-1 if none)."""
    span = ex.doc.char_span(m.start, m.end, alignment_mode="expand")
    return -1 if span is None or len(span) == 0 else int(span.root.i)


def _words_of(ex: _Extractor, m: MentionLike) -> list[int]:
    """The head word of the place ``m``, and of written coordinates the first.

    The parse may hang the longitude of "from 45.3302, -111.4057, a spokesman
    said" on "said": the latitude is in the clause of the verb it follows.
    """
    first = (
        []
        if math.isnan(spread_of(m))
        else [ex.doc.char_span(m.start, m.end, alignment_mode="expand")]
    )
    return [
        _word_of(ex, m),
        *(int(sp[0].i) for sp in first if sp is not None and len(sp)),
    ]


#: Nouns of a span of time that a clause of time may open with: "*days* after".
_TIME_NOUNS = frozenset(
    {"minute", "hour", "day", "week", "month", "year", "moment", "night"}
)


def _left_in_a_time(ex: _Extractor, m: MentionLike, words: frozenset[int]) -> bool:
    """Whether the parse took the place ``m`` from a preposition of ``words``.

    "Salcedo's brother was seen in Culiacán days after Salcedo fled Durango":
    with no comma, the parse hangs "Culiacán" on "days" as a compound, in the
    clause of time of another subject, and leaves the "in" of the seeing with
    no object (or with "days" for its object). The place right after a
    preposition of the clause, a compound of a noun of time that the
    preposition has no other object than, is the clause's.
    """
    span = ex.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0 or span.start == 0:
        return False
    prep = ex.doc[span.start - 1]
    head = span.root
    return (
        prep.i in words
        and prep.dep_ == "prep"
        and head.dep_ == "compound"
        and head.head.lemma_.lower() in _TIME_NOUNS
        # "in Culiacán days after": "days" the object of "in", or "in" none
        and all(c.i == head.head.i for c in prep.children if c.dep_ == "pobj")
    )


#: Prepositions of a time before or after the seeing: "*after* his arrest".
_TIME_PREPS = frozenset({"after", "before", "since", "following", "until", "till"})


def _deed_of_another_time(
    ex: _Extractor,
    m: MentionLike,
    verb: Any,
    *,
    seen: Literal["target", "associate"] = "associate",
) -> str | None:
    """The words of a person's deed at another time that the place ``m`` is of.

    "Salcedo's brother was seen in Culiacán, days after *Salcedo's arrest* in
    Durango", "a week after *his brother's escape* from a prison in Durango":
    a preposition of time whose object is someone's deed (a noun with a
    possessor) holds the place; it is where the deed was, not the seeing. Not
    "seen in Salcedo's house in Culiacán" (no time), nor "seen in Culiacán after
    a week in Durango" (no one's deed), nor, where the one ``seen`` is the
    target, the target's own deed ("Salcedo was seen in Culiacán days after
    *his* arrest in Durango": :func:`_the_targets`), which was the target's
    there.
    """
    if verb is None:
        return None
    span = ex.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    while tok.i != tok.head.i and tok.head.i != verb.i:
        head = tok.head
        if (
            tok.dep_ == "pobj"
            and head.dep_ == "prep"
            and head.lower_ in _TIME_PREPS
            and any(c.dep_ == "poss" for c in tok.children)
        ):
            owner = next(c for c in tok.children if c.dep_ == "poss")
            if seen == "target" and _the_targets(ex, owner):
                return None  # "days after his arrest in Durango": his own
            return str(ex.doc[head.i : tok.i + 1].text)
        tok = head
    return None


def _the_targets(ex: _Extractor, owner: Any) -> bool:
    """Whether the possessor ``owner`` (a token) is the target.

    Its name ("Salcedo's arrest") or a "his" or "her" that refers to it
    (:meth:`~geosleuth.read.claims._Extractor.possessive_refs`); not another
    ("Zambada's arrest", "the army's raid"), nor one of the target's people
    ("his brother's arrest": the possessor is "brother"), nor a "his" or "her"
    that another person of its gender, written before it, may own ("Salcedo's
    *wife* was detained last week. Salcedo was seen ... after *her* arrest":
    :func:`_another_of_gender`), nor one of the other gender than the target's
    given names ("Rodrigo Salcedo Ibarra ... after *her* arrest", "Jane Doe ...
    after *his* arrest": :func:`~geosleuth.read._target_names.given_name_gender`),
    which someone the text leaves unnamed may own. A name given to both
    ("Sydney") or not listed tells nothing: the pronoun is the target's, as the
    text alone gives it.
    """
    at = int(owner.idx)
    refs = [r for r in ex.refs if r.kind != "leaders"]
    if any(r.start <= at < r.end for r in refs):
        return True
    if not any(r.start <= at < r.end for r in ex.possessive_refs()):
        return False
    named = given_name_gender(ex.target.name) if ex.target is not None else None
    if named is not None and GENDER_OF.get(owner.lower_, named) != named:
        return False  # "Jane Doe was seen in Leeds days after *his* arrest"
    return not _another_of_gender(ex, owner, refs)


def _another_of_gender(ex: _Extractor, owner: Any, refs: list[Any]) -> bool:
    """Whether a noun of the gender of the pronoun ``owner`` names another before it.

    "Salcedo's *wife* was detained", "*a man* was killed": someone else whom
    "her" or "his" may stand for. Not a noun of the target itself ("Jane Doe, *a
    45-year-old woman*", "the *woman* Jane Doe": :func:`target_gender`'s), nor
    one that ``refs`` hold. The nouns are found once a document
    (:func:`_gendered_nouns`).
    """
    nouns = _gendered_nouns(ex.doc).get(GENDER_OF.get(owner.lower_, ""), [])
    return any(
        not any(r.start <= head < r.end for r in refs)
        for _, head in nouns[: bisect.bisect_left(nouns, (owner.i,))]
    )


#: Each document's gendered nouns, with the parse they were found in, while
#: the document lives.
_NOUNS: weakref.WeakKeyDictionary[
    Any, tuple[bytes, dict[str, list[tuple[int, int]]]]
] = weakref.WeakKeyDictionary()


def _gendered_nouns(doc: Any) -> dict[str, list[tuple[int, int]]]:
    """The nouns of a gender ("wife", "a man") in ``doc``, by the pronoun's gender.

    Each as (its index, the start of its head), in order; not a noun in
    apposition or a predicate ("Jane Doe, *a 45-year-old woman*"), which names
    whom it follows. Once a document: :func:`_another_of_gender` asks for those
    before each pronoun; found again where the document was parsed again since
    (the reading parses more of its sentences where a history asks for them).
    """
    parse = _parse_of(doc)
    kept = _NOUNS.get(doc)
    if kept is not None and kept[0] == parse:
        return kept[1]
    found = {
        gender: [
            (t.i, int(t.head.idx))
            for t in doc
            if t.pos_ == "NOUN"
            and noun.fullmatch(t.lower_)
            and t.dep_ not in ("appos", "attr")
        ]
        for gender, noun in (("he", IS_MALE), ("she", IS_FEMALE))
    }
    _NOUNS[doc] = (parse, found)
    return found


def _parse_of(doc: Any) -> bytes:
    """The parts of speech and dependencies of ``doc``, which its nouns are found by."""
    from spacy.attrs import DEP, HEAD, POS

    return bytes(doc.to_array([POS, DEP, HEAD]).tobytes())


def _blank(text: str, offset: int, spans: list[tuple[int, int]]) -> str:
    """``text`` (starting at document ``offset``) with ``spans`` blanked out."""
    out = list(text)
    for a, b in spans:
        for k in range(max(a, offset), min(b, offset + len(text))):
            out[k - offset] = " "
    return "".join(out)


#: The subject of a verb: "Jane Doe *who* was seen".
_SUBJ = ("nsubj", "nsubjpass")


#: Verbs by which a camera sees: "footage showed her", "a camera captured him",
#: "caught on camera", "cameras picked him up".
_CAMERA_LEMMAS = frozenset(
    {"show", "capture", "record", "catch", "film", "photograph", "spot", "see",
     "place", "picture", "pick", "track"}
)  # fmt: skip
_CAMERA_TEXT = re.compile(
    r"\b(?:cameras?|cctv|webcams?|dashcams?|bodycams?|footage|surveillance)\b",
    re.IGNORECASE,
)


def _filmed(
    ex: _Extractor, s: Sentence
) -> (
    tuple[int, tuple[str | None, Literal["target", "associate"], str], Any, Any] | None
):
    """Where a camera saw the target in ``s``: the verb's offset, who was seen, how.

    In the active voice, a camera as the subject and the target as the object
    ("CCTV footage showed her at the station", "A security camera captured Jane
    Doe") or as the subject of what the camera shows her doing ("CCTV footage
    showed Jane Doe walking near Leeds station"), the camera also the noun the
    verb describes ("Police released CCTV footage *showing* her at Leeds
    station", "footage *that shows* her walking in Leeds"); in the passive, the
    target seen on or by a camera ("She was caught on camera in Leeds",
    "recorded by a doorbell camera"); or camera footage of her as the object
    of a verb that has or puts it out ("Police have CCTV footage of Jane Doe at
    Leeds station": that verb's offset). The third value is the verb of what she
    was shown doing, whose phrase holds the places seen (not "walking with a man
    who was later arrested in Leeds"), or None; the fourth, the verb that has
    the footage that a verb of showing describes ("Police said they *have*
    CCTV footage showing her"), whose clause holds the seeing, or None. None
    without a parse.
    """
    if s.sent is None or _CAMERA_TEXT.search(s.text) is None:
        return None
    named = [r for r in s.refs if r.kind in ("name", "nisba", "title")]
    named += [r for r in ex.object_refs if s.span[0] <= r.start < s.span[1]]
    for tok in s.sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "VERB" or lemma not in _CAMERA_LEMMAS:
            continue
        if lemma == "pick" and not any(
            c.dep_ == "prt" and c.lower_ == "up" for c in tok.children
        ):
            continue  # "cameras picked her up", not "picked a camera"
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
            if camera_of(s, tok.idx) is None:
                continue
            subject = seen_subject(ex, s, tok.idx)
            if subject is not None:
                return int(tok.idx), subject, None, None
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        described = tok.dep_ in ("acl", "relcl") and (
            subj is None or subj.lower_ in ("that", "which")
        )
        if described:
            subj = tok.head  # "footage showing her", "footage that shows her"
        if subj is None or _camera_phrase(subj) is None:
            continue
        for obj in tok.children:
            # "showed her at the station"; "showed Jane Doe walking near Leeds
            # station", where the parse makes her the subject of what she was
            # doing (not "showed her boarding a train": "her" is read as the
            # train's owner)
            doing = obj.dep_ in ("ccomp", "xcomp", "oprd") and obj.tag_ == "VBG"
            seen = (
                [obj]
                if obj.dep_ in ("dobj", "obj")
                else [g for g in obj.children if g.dep_ == "nsubj"]
                if doing
                else []
            )
            if any(r.start <= w.idx < r.end for w in seen for r in named):
                if not_filmed(ex, s, tok, subj if described else None):
                    return None  # "There is no CCTV footage showing her"
                # "Police said they have CCTV footage showing her": the clause of
                # the verb that has the footage, which "said" reports
                holder = (
                    subj.head
                    if described
                    and subj.dep_ in ("dobj", "obj", "nsubjpass")
                    and subj.head.pos_ in ("VERB", "AUX")
                    else None
                )
                return (
                    int(tok.idx),
                    (None, "target", ""),
                    obj if doing else None,
                    holder,
                )
    for tok in s.sent:
        # "Police have CCTV footage of Jane Doe at Leeds station": footage of her
        # that those who have it (or put it out) say where it shows her
        if tok.dep_ not in ("dobj", "obj") or not any(
            r.start <= w.idx < r.end for w in footage_of(tok) for r in named
        ):
            continue
        if not_filmed(ex, s, tok, tok):
            return None  # "Police hope to find CCTV footage of Jane Doe"
        return int(tok.head.idx), (None, "target", ""), None, None
    return None


def _seen_by_someone(ex: _Extractor, s: Sentence) -> int | None:
    """Where a verb of seeing in the active voice has the target as its object.

    "A shepherd saw al-Baghdadi", "Tom Fox said he saw Jane Doe", "hikers reported
    seeing Doe": the object's head word is the target's name, title or nisba (not
    "al-Baghdadi's car"); or "him" or "her" that refers to the target
    (:func:`~geosleuth.read.target.find_object_pronouns`: "Residents saw her in
    Vail", "a driver had seen him in Mosul"). The verb is one that
    :data:`_SEEN` reads: "see" itself ("want to see him in court") is not. Returns
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
            or not _SEEN.fullmatch(tok.text)
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
