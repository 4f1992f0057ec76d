"""Sentences to evidence items: claims, sightings, fronts and life status.

:func:`extract_evidence` walks the sentences of a parsed document and turns what
they say about the target into items of :mod:`geosleuth.evidence`, each with its
provenance (document, quoted sentence and its span, speaker, role, reporting
chain, publication date). What it sees and does not use goes to the ``rejected``
list with the reason: nothing is dropped silently.

Rules, in the order they are tried on each sentence:

**Skipped sentences.** A question ("Hiding in Hajin?") and a heading (no verb)
state nothing. A conditional about life ("if Baghdad is alive") is no life status.

**Front** — "<force> (are/were) N km (away) from <place>", "N to M kilometers from
the town centre": :class:`~geosleuth.evidence.Front` with ``distance_km`` (the
middle of a range; miles converted). The force is the organisation named before
the distance ("SDF fighters"; acronyms defined in the text as "Syrian Democratic
Forces (SDF)" are merged), or, for "our forces"/"we", the speaker's organisation.
A text rarely says from which side a force comes, so the **bearing** is inferred:
from the front's place towards the centroid of the other places named in the
same sentences as the force (its rear: "carried out by the SDF in rural Deir
ez-Zor"). With no such place the front is rejected (reason ``bearing``), never
guessed. The note of each front names the places its bearing was taken from.

**Life status** — the target with a recording, video, audio, message, speech or
appearance and a date: :class:`~geosleuth.evidence.LifeStatus` ``alive`` dated
that day. The target with killed, dead, death or died: ``dead``, unless negated
("no conclusive evidence of ... death", "suspicions that he was dead were
weakened", "denied") or conditional; an unattributed death claim is a rumour.
Where the target died ("killed in an airstrike in Raqqa, the army said") is also
a :class:`~geosleuth.evidence.Claim` that the target was there that day.

**Sighting** — "seen", "spotted", "sighted", "photographed" with places:
one :class:`~geosleuth.evidence.Sighting` per place, all in one mixture group.
The subject is the target when the seen one is the target (in the active voice
too: "a shepherd saw al-Baghdadi", "residents saw her in Vail", where "her" refers
to the target as "she" would); an *associate* when
the seen one is another person described as close to the target ("Iyad
al-Jamili, one of the men closest to Baghdadi"), with ``closeness`` 0.5 and the
name in ``who``. A seeing that is denied ("has not been seen", "nobody saw", "not
a single resident saw", "neither residents nor police saw", "saw neither her nor
her husband", "denied seeing") is no sighting, and a place denied on its own
("seen in Aspen but never in Denver", "seen in Raqqa, not Mosul", "rather than
Mosul", "instead of Mosul", "seen not in Mosul but in Raqqa", "neither in Mosul
nor in Raqqa", "nowhere near Hajin") is no place seen: both are rejected as
``negated``. A seeing on a screen or in a recording ("saw her on TV in Denver",
"seen in a video") is no sighting in the place (``no_place``); a camera that
places the target ("CCTV footage showed her in Leeds", "caught on camera in
Leeds") is one. A thing of the target's found or used somewhere ("Her car was
found in Aspen", "Jane Doe's phone last pinged near Vail") is a *trace*: a
sighting of an associate with closeness 0.5 (:mod:`geosleuth.read.traces`). The
target found or taken somewhere ("Jane Doe was found in Aspen", "Police arrested
her in Leeds", "turned up in Denver"), or the target's body found there ("Her
body was found near Bath"), is a sighting of the target there, for those who
found or took the target saw it (:mod:`geosleuth.read.found`). The traces, the
target found and the sightings each read the places of their own verb's phrase
(or clause), all in one sentence ("Police arrested Jane Doe in Leeds, and her car
was found in York": a sighting at Leeds and a trace at York), and one mention of
a place gives at most one item: a place that one rule read (or where the target
died) is not read again by another. A trace or a finding at no place of its own
phrase leaves the sentence's other places to read ("Her car was found on Monday,
and police believe she is hiding in Denver": a claim at Denver).

**Claim** — the target (or the group's leaders, a level less sure) with a
location word ("hiding", "hides", "hidden", "is in", "based", "located",
"whereabouts", "the place where ... hides"; a movement of the target's: "fled
to", "has gone to", "was heading to", "travelled to") and places: a
:class:`~geosleuth.evidence.Claim` per place, ``polarity="is_not"`` when negated
("not", "no longer", "denied that", "ruled out that"; "in Raqqa, not in Mosul",
"in Raqqa, not Mosul", "rather than Mosul" and "instead of Mosul" negate Mosul
only, "neither in Mosul nor in Raqqa" both; in "not in Raqqa but in Mosul" Mosul
is where the target is).
"Here", "there", "the town" and "this village" are the last town named in the
previous sentences; "the region" and "the area" the places of the last sentence
that named some (their centroid, with a buffer that covers them). Several
regions in one clause ("Syria near the Iraqi border", "on the Iraq-Syrian
border, along the Euphrates") are *intersected* (lines buffered by
``REGION_BUFFER_KM``); a country named with a town ("the Syrian town of Hajin")
only qualifies the town. A sentence that continues a claim ("More precisely, it
refers to ... Hajin") keeps its speaker.

**Speakers.** An item's speaker is its sentence's
(:mod:`geosleuth.read.attribution`), or, in a sentence of two clauses set
against each other by "but" with speakers of their own, its clause's: in "Jane
Doe is not in Raqqa, but police say she is in Mosul" Raqqa is the article's own
statement and Mosul the police's. So with "and" where the second clause has a
reporting verb of its own ("Her sister says Jane Doe was seen in Leeds, and
police believe she is in York": York is the police's); one that has none
continues the first speaker's report ("Police say she was seen in Leeds and is
believed to have gone to York": both the police's).

Places named in the speaker's name or role ("a consultant for the Baghdad
administration"), places used as institutions (the toponym role ``metonym``),
demonyms, and the target's own name read as a place ("if Baghdad is alive") are
never places of the target.

**Dates.** Each item takes the date mentioned nearest to it in its sentence
(:mod:`geosleuth.read.dates`), else the publication date; "since then" starts at
the previous date in the text. Dates never pass publication.

**Grades.** A machine cannot judge a source's reliability, so every item gets
reliability ``F`` ("cannot be judged"); the credibility digit records only who
stated it, from :data:`DEFAULT_READ_GRADES`:

=================  =====  ==================================================
source             grade  when
=================  =====  ==================================================
``official``       F2     an organisation ("Human Rights Watch", "Reuters",
                          "the Pentagon": :mod:`geosleuth.read.attribution`),
                          the press among them, whether named ("the Daily
                          Mail") or not ("the paper", "a tabloid")
                          or a speaker with an official or expert role
                          (director, commander, ministry, researcher,
                          consultant, ...) or whose name is one ("Police",
                          "Officials", "a police officer")
``named``          F3     a named speaker with no such role, or an
                          unnamed person who is no authority: a relative
                          ("her brother", "Jane Doe's brother"), a witness
                          or local ("a hiker", "residents", "a shepherd"),
                          a source ("a source"), as "Witnesses" and
                          "Sources" are
``article``        F3     the article's own statement
``rumour``         F5     "it is claimed", "claims have been made", rumours
``proof_of_life``  F2     a dated recording or appearance of the target
``target``         F4     the target's own word ("She told police she was
                          heading to Denver", "Jane Doe said"): the speaker
                          is the target, its role begins "the target"
=================  =====  ==================================================

An unnamed speaker gets the grade of the kind of source the words name, on the
scale above: a relative or an eyewitness is a source with no official role (F3),
the same as a named one, for the text says no more of them than of "Witnesses"
or "Jane Doe's brother", which this table graded so before. Whether a relative
shields the target, or a witness saw well, is for the analyst, who can override
the grade. The target's own word on where she is or is going is doubtful
(F4) where a witness's is possibly true: the one sought may mislead on purpose,
and a plan told may change; a recording that proves life is another thing
(``proof_of_life``).

A publication gets no grade of its own: the credibility digit says what kind
of speaker says it, not how well it is informed, and "a tabloid" is press as
"Reuters" is; telling a tabloid's reliability from a wire service's is left to
the analyst (the reliability stays ``F``), as for a witness.

The wording's own certainty is the ``hedge`` (:mod:`geosleuth.read.hedges`), so
"may have been" lowers the probability once, through the hedge, not twice.
Others' hearsay that a speaker relays ("Rivas said *they say* Salcedo is dead")
is a rumour, graded so and at most possible, as "it is rumoured" is.
Override the table with ``grades=``.

**Disputes.** A sighting or claim that another party denies in the same sentence
("..., but police denied it", "..., a claim the army denied", "..., which
officials disputed": :func:`geosleuth.read.attribution.dispute_span`) is kept one
level less sure: its hedge is lowered once (as for the group's leaders) and its
note quotes the denial. The grade stays that of who stated it, for the denier is
not the speaker, and places and dates named in the denial are not the item's.
Setting the item aside would drop a report that its denier may have reasons to
deny; reading it as ``is_not`` would put the denial in the speaker's mouth. A
disputed death is set aside, as any denied death is (:mod:`geosleuth.read.life`).
A denial with no link back to the statement ("Al-Baghdadi was seen in Mosul,
officials denied.") is the speaker's own: the seeing is denied (``negated``).
A short sentence right after that denies it ("Al-Baghdadi was seen in Mosul.
Police denied the report.", "The army denied the claim.":
:func:`geosleuth.read.attribution.denial_of_previous`) disputes the items of that
one sentence in the same way, its note saying "disputed in the next sentence";
so does a short sentence that says it could not be confirmed ("The account could
not be independently verified."), and one that denies that the target was at a
place it names ("Bosnian media had reported that Vuković was seen in Foca. Police
... denied that he was in Foča ...", read on its own too, as a claim that he is
not there: :mod:`geosleuth.read._follow_ups`). A sentence further back is never
disputed so, nor one that its own words dispute already.

**Follow-ups.** A speaker's earlier word beside the word it says now ("The army
earlier said Ag Alher was hiding near Ansongo; it now says he is in the Ayorou
area") is dated the day before the later word, so that the later claim replaces
it (:func:`geosleuth.dependence.superseded_claims`), and "it" or "they" of the
later word is the earlier word's speaker (:mod:`geosleuth.read._follow_ups`); so
across two sentences ("Police had earlier said ... They now say ..."). A word
its own speaker takes back ("...; they now say that report was mistaken", "It
later retracted the claim.") gives no item; one that another who speaks for the
state calls wrong in the next sentence is disputed (:mod:`._retractions`).

**Clauses of others.** A place in a clause whose subject is plainly someone
else ("Salcedo is hiding in Cosalá, though *police searched* Durango state",
"..., and *his brother* in Durango") is no claim of the target's
(:mod:`._claim_clauses`).

This module walks the sentences and keeps what the steps share (item ids, grades,
provenance, dates, what was rejected); each rule lives in a module of its own:

==================================  ===============================================
module                              rule
==================================  ===============================================
:mod:`geosleuth.read.fronts`        fronts, their forces and inferred bearings
:mod:`geosleuth.read.life`          proof of life and claims of death
:mod:`geosleuth.read.sightings`     sightings of the target or an associate
:mod:`geosleuth.read.traces`        traces: the target's things found or used
:mod:`geosleuth.read.found`         the target (or its body) found or taken
:mod:`geosleuth.read.whereabouts`   claims of where the target is (or is not)
:mod:`geosleuth.read.regions`       the places of a claim: buffers, intersections
                                    of regions, border lines
==================================  ===============================================
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from geosleuth.errors import GeosleuthError
from geosleuth.evidence import EvidenceItem, Grade, Hedge, Provenance
from geosleuth.read._based_places import gone_to_place
from geosleuth.read._claim_clauses import Aside, blocked, left_out, of_other_subjects
from geosleuth.read._follow_ups import (
    Turn,
    answer_speaker,
    next_doubt,
    of_others,
    own_speakers,
    refer_back,
    said_across,
    said_again,
)
from geosleuth.read._item_dates import item_dates
from geosleuth.read._retractions import taken_back
from geosleuth.read._sentence import (
    CONTINUATION,
    MentionLike,
    Sentence,
    WalkState,
    is_point,
    is_who_clause,
    less,
    note_of,
    overlaps,
    resolved,
    shared_subject,
    strip_span,
    subtree_span,
)
from geosleuth.read._spans import SpanIndex
from geosleuth.read._speaker_names import tied_speaker
from geosleuth.read._text_dates import EntryDays
from geosleuth.read._toponym_patterns import _BELONGING_AFTER
from geosleuth.read.attribution import (
    Attribution,
    SpeakerRegistry,
    attribute,
    attribute_text,
    quote_states,
    venue_spans,
)
from geosleuth.read.cases import find_cases, finish_cases
from geosleuth.read.dates import find_dates, time_of_day
from geosleuth.read.found import read_found
from geosleuth.read.fronts import acronyms, find_fronts, finish_fronts, forces_in
from geosleuth.read.hedges import lower, weakest
from geosleuth.read.life import read_life
from geosleuth.read.regions import REGION_BUFFER_KM, with_borders
from geosleuth.read.regions import TOWN_BUFFER_KM as TOWN_BUFFER_KM
from geosleuth.read.searches import read_searches
from geosleuth.read.sightings import ASSOCIATE_CLOSENESS as ASSOCIATE_CLOSENESS
from geosleuth.read.sightings import SEE_LEMMAS, read_sightings
from geosleuth.read.target import (
    Target,
    TargetRef,
    find_object_pronouns,
    find_possessive_pronouns,
    find_speaker_pronouns,
    find_target_refs,
    name_key,
)
from geosleuth.read.traces import read_traces
from geosleuth.read.whereabouts import read_whereabouts

__all__ = [
    "DEFAULT_READ_GRADES",
    "REGION_BUFFER_KM",
    "Extraction",
    "Rejected",
    "extract_evidence",
    "sentence_spans",
]

#: Grades of machine-read items by kind of source (see the module notes).
DEFAULT_READ_GRADES: Mapping[str, Grade] = {
    "official": Grade("F", 2),
    "named": Grade("F", 3),
    "article": Grade("F", 3),
    "rumour": Grade("F", 5),
    "proof_of_life": Grade("F", 2),
    "target": Grade("F", 4),
}


_PUNCT = ".,;:!?\"“”‘’'()[]"


def _names_in(key: str, texts: list[str]) -> bool:
    """Whether a word of ``texts`` has the name key ``key``."""
    return any(
        name_key(w.strip(_PUNCT)) == key
        for st in texts
        for w in st.split()
        if w.strip(_PUNCT)
    )


def _is_target_name(target: Target | None) -> Callable[[str], bool] | None:
    """Whether a word is a name of ``target``: a surname's or a given name's key.

    "*Salcedo*, 45, is believed to be hiding" ends a box of key dates; "Ovidio,
    28, is wanted" does not (review r210, #3).
    """
    if target is None:
        return None
    keys = target.family_keys | target.given_keys
    return lambda word: name_key(word) in keys


#: Words just before a place that make it an origin: "born in", "a native of",
#: "originally from", "hails from".
_ORIGIN_BEFORE = re.compile(
    r"\b(?:(?:born|raised|grew\s+up|brought\s+up)(?:\s+and\s+(?:raised|bred))?"
    r"\s+(?:in|at|near)|native\s+of|originally\s+(?:from|of)|hails?\s+from|"
    r"comes?\s+from)\s+(?:the\s+(?:town|city|village)\s+of\s+)?$",
    re.IGNORECASE,
)
#: A place made an adjective: "Texas-born", "Sinaloa-based", "Kampala-bound", "a
#: Sinaloa native" (review r23, P-c).
_ORIGIN_AFTER = re.compile(
    r"-(?:born|bred|raised|based|bound|registered|flagged|made|native)\b"
    r"|\s+natives?\b",
    re.IGNORECASE,
)

#: A "the" that opens a PERSON entity: "*the* Blackcomb Glacier" names no person.
_THE = re.compile(r"the\s", re.IGNORECASE)
#: A "the" right before a PERSON entity: "*the* Cog Railway base station".
_THE_BEFORE = re.compile(r"\bthe\s$", re.IGNORECASE)


def _no_persons(text: str, doc: Any) -> list[tuple[int, int]]:
    """Spans of the PERSON entities of ``doc`` that name no person.

    One that opens with "the" or follows it ("the Blackcomb Glacier", "the Cog
    Railway base station"), or with no capital letter ("grey hair"): a name of a
    thing, or words the tagger took for a name. A later "he" or "she" does not
    refer to it.

    Examples
    --------
    >>> from types import SimpleNamespace as Ent
    >>> text = "He had grey hair near the Blackcomb Glacier, Tom Fox said."
    >>> ents = [Ent(start_char=7, end_char=16, label_="PERSON", text="grey hair"),
    ...         Ent(start_char=26, end_char=43, label_="PERSON",
    ...             text="Blackcomb Glacier"),
    ...         Ent(start_char=45, end_char=52, label_="PERSON", text="Tom Fox")]
    >>> _no_persons(text, Ent(ents=ents))  # not Tom Fox
    [(7, 16), (26, 43)]
    """
    return [
        (e.start_char, e.end_char)
        for e in doc.ents
        if e.label_ == "PERSON"
        and (
            _THE.match(text, e.start_char) is not None
            or _THE_BEFORE.search(text, max(0, e.start_char - 4), e.start_char)
            is not None
            or e.text.lower() == e.text
        )
    ]


#: How many sentences back a day reaches: to a sentence that gives only a time,
#: or a day counted from it ("the next day").
_DAY_REACH = 2


RejectReason = Literal[
    "question", "heading", "no_place", "not_a_place", "conditional", "negated",
    "bearing", "not_target", "invalid", "control", "unresolved", "duplicate",
    "unused",
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Rejected:
    """Something seen in the text and not turned into evidence, with the reason.

    Attributes
    ----------
    reason : str
        A short code: ``question``, ``heading``, ``no_place``, ``not_a_place``,
        ``conditional``, ``negated``, ``bearing``, ``not_target``, ``invalid``,
        ``control``, ``unresolved``, ``duplicate``, ``unused`` (a sentence about
        the target that gave nothing, :mod:`geosleuth.read._unused`).
    detail : str
        What was seen and why it was not used, in words.
    span : tuple of (int, int)
        Where in the text (character offsets, end exclusive).
    quote : str
        The text at ``span``.
    incidental : bool, default False
        Whether the reason is of a word only, and says nothing of what the
        sentence tells of the target: a name read as a place ("Ibarra" of the
        target's name), the place where the words were spoken ("told reporters
        in Bogotá"). Such a row does not keep its sentence off the ``unused``
        list (:mod:`geosleuth.read._unused`); it is not shown.
    """

    reason: RejectReason
    detail: str
    span: tuple[int, int]
    quote: str
    incidental: bool = field(default=False, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping."""
        return {
            "reason": self.reason,
            "detail": self.detail,
            "span": list(self.span),
            "quote": self.quote,
        }


@dataclass(frozen=True, slots=True)
class Extraction:
    """What :func:`extract_evidence` found.

    Attributes
    ----------
    items : tuple of EvidenceItem
        The evidence, in text order.
    rejected : tuple of Rejected
        What was seen and not used, with reasons.
    sentences : tuple of (int, int)
        Sentence spans in the text.
    target : Target or None
        The person the items are about.
    target_refs : tuple of TargetRef
        Where the text refers to the target.
    excluded_mentions : tuple of int
        Indices (into the mentions given) of names that are not places here:
        the target's name or a speaker's name read as a place.
    """

    items: tuple[EvidenceItem, ...]
    rejected: tuple[Rejected, ...]
    sentences: tuple[tuple[int, int], ...]
    target: Target | None
    target_refs: tuple[TargetRef, ...]
    excluded_mentions: tuple[int, ...]


def sentence_spans(doc: Any) -> list[tuple[int, int]]:
    """Sentence spans of a parsed doc, stripped of surrounding whitespace."""
    text: str = doc.text
    out: list[tuple[int, int]] = []
    for sent in doc.sents:
        s, e = strip_span(text, sent.start_char, sent.end_char)
        if e > s:
            out.append((s, e))
    return out


def _same_statement(item: EvidenceItem) -> str:
    """What makes two items one statement: all but their ids.

    Items read by two rules ("based in Raqqa, was killed in Raqqa") differ in
    their notes and stay two.
    """
    d = item.to_dict()
    d.pop("id", None)
    return repr(sorted(d.items(), key=lambda kv: kv[0]))


def _in_who_clause(doc: Any, m: MentionLike) -> bool:
    """Whether the place ``m`` is in a relative clause about a person ("who ...")."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    return any(is_who_clause(a) for a in span.root.ancestors)


class _Extractor:
    """The walk over a document's sentences, and what its steps share."""

    def __init__(
        self,
        text: str,
        doc: Any,
        mentions: Sequence[MentionLike],
        *,
        doc_id: str,
        published: dt.date | None,
        fallback_date: dt.date,
        target: Target | None,
        grades: Mapping[str, Grade],
        url: str | None,
        gazetteer: Any = None,
    ) -> None:
        self.text = text
        self.doc = doc
        self.mentions = list(mentions)
        self.doc_id = doc_id
        self.published = published
        #: The document's own date, and the days of its timeline's entries:
        #: ``published`` is an entry's own while its sentences are read, also
        #: in a series of posts with no date of its own (review r95, #1);
        #: ``fallback`` and ``entry_from`` a month's entry's last and first
        #: days, its relative dates not read (``published`` None; review
        #: r116, U6), and ``entry_note`` says so in an undated item's note;
        #: ``entry_limit`` the latest day an item's own date may tell (a
        #: month's entry's "On 4 March 2017" is not after publication, review
        #: r210, #5; nor a day's entry's "on 3 June", review r217).
        self._document_day = published
        self._days = EntryDays(text, published, fallback_date, _is_target_name(target))
        self.fallback = fallback_date
        self.entry_from: dt.date | None = None
        self.entry_note = ""
        self.entry_limit = fallback_date
        self.target = target
        self.grades = {**DEFAULT_READ_GRADES, **grades}
        self.url = url
        self.items: list[EvidenceItem] = []
        # each item by what it states (_same_statement), to find a repeat at once
        self._stated: dict[str, EvidenceItem] = {}
        self.rejected: list[Rejected] = []
        self.counts: dict[str, int] = {}
        self.excluded: set[int] = set()
        self.fronts: list[tuple[str, MentionLike, float, dict[str, Any]]] = []
        #: Case counts of a document read for no person: (sentence, town, count,
        #: offset), for :func:`geosleuth.read.cases.finish_cases`.
        self.cases: list[tuple[Sentence, MentionLike, int, int]] = []
        #: Bodies found at a place, not said whose: (sentence, verb offset,
        #: event), for an identification in a later sentence
        #: (:func:`geosleuth.read.found.read_found`).
        self.bodies: list[tuple[Sentence, int, str]] = []
        self.force_places: dict[str, list[tuple[int, MentionLike]]] = {}
        self.aliases = acronyms(text)
        self.gazetteer = gazetteer
        # a place, resolved or not ("Brown Tongue", "Dos Ojos"), and what the
        # tagger calls a person but names none ("the Blackcomb Glacier", "grey
        # hair"), is no one a pronoun could refer to
        places = [(m.start, m.end) for m in mentions]
        nobody = sorted(places + _no_persons(text, doc))
        self.refs = (
            find_target_refs(text, target, doc=doc, places=nobody) if target else []
        )
        #: "him" and "her" as objects that refer to the target ("saw her")
        self.object_refs = (
            find_object_pronouns(text, target, self.refs, doc=doc, places=nobody)
            if target
            else []
        )
        self._places = nobody
        self._possessive_refs: list[TargetRef] | None = None
        self._person_ends: list[int] | None = None
        #: (first token, end token, start char, end char) of each PERSON entity
        #: that is not a place the toponyms resolved ("searched Penrith", which
        #: the tagger calls a person, then took a later "she" for Penrith)
        where = SpanIndex(places)
        self.persons = [
            (e.start, e.end, e.start_char, e.end_char)
            for e in doc.ents
            if e.label_ == "PERSON" and not where.overlaps(e.start_char, e.end_char)
        ]
        #: Start of the last parsed sentence that depends on unparsed earlier ones.
        self.history_at = -1
        #: This sentence's earlier word of a speaker who now says another
        #: (:func:`~geosleuth.read._follow_ups.said_again`), if any.
        self.turn: Turn | None = None
        #: The clauses of this sentence's sightings, traces and findings, in a
        #: sentence with other clauses ("..., and police believe she is in
        #: Denver": :func:`~geosleuth.read._sentence.own_clause`; "..., but
        #: police say": :attr:`Attribution.clauses`).
        self.seen_clauses: list[tuple[int, int]] = []
        #: Starts of the places of this sentence that an item was read at (or
        #: set aside for), and what read them ("sighting", "trace", "claim"): a
        #: place mentioned once gives one item, by one rule, but a trace and the
        #: target there are two ("Police found her car and her body in a lake").
        self.taken: dict[int, str] = {}
        #: Places of this sentence where no item of some kinds is built, by
        #: label: in a clause about someone else ("though police searched
        #: Durango": :mod:`._claim_clauses`), or taken back (:mod:`._retractions`).
        self.others: dict[str, Aside] = {}

    # -- what the steps share ----------------------------------------------------
    def persons_in(self, span: Any) -> list[Any]:
        """The PERSON entities inside ``span`` (a spaCy span), in text order.

        ``span.ents`` walks every entity of the document on each call, which on
        a long text of many sentences made the reading quadratic; this looks them
        up by bisection.
        """
        if self._person_ends is None:
            self._person_ends = [p[1] for p in self.persons]
        lo = bisect.bisect_right(self._person_ends, span.start)
        return [
            self.doc[a:b]
            for a, b, _, _ in itertools.takewhile(
                lambda p: p[1] <= span.end, self.persons[lo:]
            )
            if a >= span.start
        ]

    def possessive_refs(self) -> list[TargetRef]:
        """The possessives "his" and "her" that refer to the target ("her car").

        Found on first use (:func:`~geosleuth.read.target.find_possessive_pronouns`):
        only a sentence that names one of the target's things asks.
        """
        if self._possessive_refs is None:
            self._possessive_refs = []
            if self.target is not None:
                self._possessive_refs = find_possessive_pronouns(
                    self.text, self.target, self.refs, doc=self.doc, places=self._places
                )
        return self._possessive_refs

    def reject(
        self,
        reason: RejectReason,
        detail: str,
        span: tuple[int, int],
        *,
        incidental: bool = False,
    ) -> None:
        """Note what was seen at ``span`` and not used, and why.

        ``incidental``: the reason is of a word only (:attr:`Rejected.incidental`).
        """
        quote = self.text[span[0] : span[1]]
        self.rejected.append(Rejected(reason, detail, span, quote, incidental))

    def next_id(self, abbr: str) -> str:
        """The next item id of a kind: ``"<doc_id>:<abbr><n>"``."""
        self.counts[abbr] = self.counts.get(abbr, 0) + 1
        return f"{self.doc_id}:{abbr}{self.counts[abbr]}"

    def grade(self, attr: Attribution) -> Grade:
        """The grade of an item by who stated it (see :data:`DEFAULT_READ_GRADES`)."""
        if attr.speaker is None:
            return self.grades["rumour" if attr.rumour else "article"]
        if attr.target:
            return self.grades["target"]
        return self.grades["official" if attr.official else "named"]

    def provenance(self, s: Sentence, at: int | None = None) -> Provenance:
        """Where an item read from ``s`` (at document offset ``at``) comes from.

        With ``at``, the speaker is that of the clause there
        (:meth:`~geosleuth.read.attribution.Attribution.at`).
        """
        attr = s.attr if at is None else s.attr.at(at)
        # "The wife of the group's leader, Mundi Jalmaani, said": the wife
        tied = tied_speaker(attr.speaker, s.sent, self.refs)
        return Provenance(
            document=self.doc_id,
            quote=s.text,
            span=s.span,
            speaker=tied or attr.speaker,
            speaker_role=None if tied else attr.role,
            reporting_chain=() if tied else attr.chain,
            published=self._document_day,  # the document's, not its entry's
            url=self.url,
        )

    def dates(
        self,
        s: Sentence,
        anchor: int,
        verb: Any = None,
        skip: Sequence[tuple[int, int]] = (),
    ) -> tuple[dt.date, dt.date | None, str]:
        """(date, date_from, note) for an item anchored at ``anchor``.

        The date nearest the anchor; with ``verb`` (a token of the parse), the
        nearest of those in its own phrase if any is (:mod:`._item_dates`): "Jane
        Doe, who fled to Mosul in 2016, was killed in Raqqa last month" dates the
        death by "last month". Dates within the spans ``skip`` (clauses of
        another time) are not the item's. A speaker's earlier word ("The army
        earlier said ...; it now says") is of before the later one
        (:func:`~geosleuth.read._follow_ups.turn_dates`).
        """
        return item_dates(self, s, anchor, verb, skip)

    def _add(self, item: EvidenceItem) -> None:
        self.items.append(item)
        self._stated.setdefault(_same_statement(item), item)

    def build(
        self, cls: Any, s: Sentence, span: tuple[int, int], **fields: Any
    ) -> EvidenceItem | None:
        """Build and add an item of ``cls``; if invalid, reject it at ``span``.

        A sighting or claim dated by "since X" or "for the past N years" holds
        throughout, up to the period's end (``ongoing``, see
        :class:`~geosleuth.evidence.Sighting`): "has been living in Durham
        since 2014" is as true at publication as it was in 2014, and is aged
        from its end, not its middle.
        """
        if (
            cls.kind in ("sighting", "claim")
            and fields.get("date_from") is not None
            and _holds_through(s, fields["date_from"], fields["date"])
        ):
            note = str(fields.get("note") or "")
            fields = {
                **fields,
                "ongoing": True,
                "note": note_of(note, "holds throughout, to its end (aged from it)"),
            }
        fields = _relayed(s, fields)
        if blocked(self, cls.kind, fields):
            return None  # "..., though police searched Durango"
        try:
            item: EvidenceItem = cls(**fields)
        except GeosleuthError as exc:
            self.reject("invalid", f"{cls.kind} not built: {exc}", span)
            return None
        # "seen in Leeds, Leeds and Leeds": one statement, one item
        twin = self._stated.get(_same_statement(item))
        if twin is not None:
            where = getattr(item, "place_name", None) or getattr(item, "status", "")
            self.reject(
                "duplicate",
                f"{cls.kind} {where!r} repeats {twin.id!r} of the same sentence",
                span,
            )
            return twin
        self._add(item)
        return item

    # -- the walk ----------------------------------------------------------------
    def run(self, spans: list[tuple[int, int]], parsed: Sequence[bool]) -> None:
        state = WalkState()
        # the target speaks by name or as "she" ("She told police she was
        # heading to Denver"), not as the group's leaders
        speaking = [
            *(r for r in self.refs if r.kind != "leaders"),
            *(
                find_speaker_pronouns(
                    self.text, self.target, self.refs, doc=self.doc, places=self._places
                )
                if self.target is not None
                else ()
            ),
        ]
        registry = SpeakerRegistry(
            target=self.target.name if self.target is not None else None,
            target_at=tuple((r.start, r.end) for r in speaking),
        )
        quotes = quote_states(self.text, spans)
        usable = self._usable_mentions()
        unparsed_context = False  # the last places named were in unparsed text
        unparsed_text: list[str] = []  # the sentences not parsed so far
        for i, (span, (q_start, q_end)) in enumerate(zip(spans, quotes, strict=True)):
            s0, e0 = span
            entry = self._days.at(s0)
            self.published, self.fallback, self.entry_from, self.entry_note = entry[:4]
            self.entry_limit = entry[4]
            tokens = self.doc.char_span(s0, e0, alignment_mode="expand")
            sent = tokens if parsed[i] else None
            st = self.text[s0:e0]
            # "The army earlier said ...; it now says ...": its earlier word
            self.turn = said_again(sent) or said_across(self, spans, i, parsed)
            if sent is None:
                unparsed_text.append(st)
                attr = attribute_text(
                    st, s0, in_quote=q_start, quote_owner=state.quote_owner
                )
            else:
                consulted: set[str] = set()
                # "Prosecutors earlier said ...; they now say": "they" are the
                # prosecutors, not the speaker of the sentence before
                theirs = self.turn is not None and self.turn.own_subject
                attr = attribute(
                    sent,
                    registry,
                    previous=None if theirs else state.previous,
                    in_quote=q_start,
                    quote_owner=state.quote_owner,
                    consulted=consulted,
                )
                # "Police earlier said ...; her family now says ...": each its own
                attr = own_speakers(sent, attr, lambda p: attribute(p, registry))
                # "It now says" after "The ministry initially said"; "Police, who
                # earlier said ...": the speaker of the earlier word
                attr = answer_speaker(self, spans, i, parsed, attr, state.previous)
                if any(
                    not c.startswith("name:") or _names_in(c[5:], unparsed_text)
                    for c in consulted
                ):
                    self.history_at = s0
            if (
                attr.speaker is None
                and state.last_claim_attr is not None
                and (state.last_claim_sent == i - 1 and CONTINUATION.match(st))
            ):
                attr = state.last_claim_attr.carried()
            refs = [r for r in self.refs if s0 <= r.start < e0]
            names = list(attr.excluded)
            venues = venue_spans(sent, registry.is_target) if sent is not None else []
            places = []
            described: list[tuple[int, int]] = []  # the target's relative clauses
            for j, m in usable:
                if not s0 <= m.start < e0:
                    continue
                if any(overlaps((m.start, m.end), (r.start, r.end)) for r in refs):
                    self.excluded.add(j)
                    self.reject(
                        "not_a_place",
                        f"{m.text!r} names the target here, not a place",
                        (m.start, m.end),
                        incidental=True,
                    )
                    continue
                if self._in_person_name(m, tokens):
                    self.excluded.add(j)
                    self.reject(
                        "not_a_place",
                        f"{m.text!r} is part of a person's name here, not a place",
                        (m.start, m.end),
                        incidental=True,
                    )
                    continue
                venue = next((v for v in venues if v[0] <= m.start < v[1]), None)
                if venue is not None:
                    # "Abu Ali is in Raqqa, the minister told reporters in Baghdad"
                    if refs:
                        said = self.text[venue[0] : venue[1]]
                        self.reject(
                            "not_target",
                            f"{m.text!r} is where the words were spoken ({said!r}), "
                            "not where the target is",
                            (m.start, m.end),
                            incidental=True,
                        )
                    continue
                if attr.disputed and overlaps((m.start, m.end), attr.disputed):
                    if refs:
                        self.reject(
                            "not_target",
                            f"{m.text!r} is in another party's denial of the "
                            "statement, not where the target is",
                            (m.start, m.end),
                        )
                    continue
                if any(overlaps((m.start, m.end), x) for x in names):
                    own = self._described_target(m, sent, refs) if attr.target else None
                    if own is not None:
                        # "Daniel Hale, who is hiding in Dubai, told the BBC ...":
                        # the article's word on where the target is, not hers
                        described.append(own)
                        places.append(m)
                        continue
                    seeing = self._seeing_clause(m, sent, refs)
                    if seeing is not None:
                        # "A hiker who saw Jane Doe in Leeds on Monday said ...":
                        # where and when the target was seen, in the article's
                        # words, not where the hiker comes from
                        described.append(seeing)
                        places.append(m)
                        continue
                    if refs:
                        self.reject(
                            "not_target",
                            f"{m.text!r} describes the speaker"
                            f" ({attr.speaker}), not where the target is",
                            (m.start, m.end),
                        )
                    continue
                origin = _ORIGIN_BEFORE.search(
                    self.text[max(s0, m.start - 40) : m.start]
                )
                origin = origin or _ORIGIN_AFTER.match(self.text, m.end)
                if origin is not None and gone_to_place(self.text, s0, m.start, m.end):
                    origin = None  # "fled to a Guatemala-based cell": he went there
                if origin is not None:
                    # "born in Leeds", "a native of Tikrit", "a Texas-born
                    # trafficker", "a Sinaloa-based gang", "a Kampala-bound bus",
                    # "a Sinaloa native"
                    if refs:
                        self.reject(
                            "not_target",
                            f"{m.text!r} says where someone or something comes from "
                            f"or is tied to ({origin.group(0).strip()!r}), not where "
                            "the target is",
                            (m.start, m.end),
                        )
                    continue
                places.append(m)
            if described:
                # the clause is the article's own, and no longer a description
                # of the speaker to blank out
                own_spans = tuple(dict.fromkeys(described))
                attr = replace(
                    attr,
                    clauses=(*attr.clauses, *((c, Attribution()) for c in own_spans)),
                    excluded=tuple(
                        x
                        for x in attr.excluded
                        if not any(overlaps(x, c) for c in own_spans)
                    ),
                )
            places = with_borders(self, s0, st, places)
            # "...; they now say that report was mistaken", "That statement was
            # wrong, the army said."
            self.others, attr = taken_back(self, spans, i, attr, places)
            doubt = None
            if attr.disputed is None:
                # "A hiker saw Doe in Aspen. Police denied the report.", "The
                # account could not be verified.", "Police denied she was in Aspen."
                doubt = next_doubt(self, spans, i, parsed, places)
                attr = replace(attr, disputed=doubt.span if doubt else None)
            near = state.last_day and i - state.last_day_sent <= _DAY_REACH
            dates = find_dates(
                st,
                published=self.published,
                base=s0,
                previous=state.last_date,
                previous_day=(day := state.last_day if near else None),
            )
            # "May 2018" / "He was seen on June 1": near its entry's (review r217)
            dates = self._days.dates(st, dates, base=s0, previous_day=day)
            s = Sentence(
                i, span, st, sent, places, refs, dates, attr, target=self.target
            )
            clock = time_of_day(st) if not dates else None
            if clock and near and state.last_day:
                s.earlier_day = (*state.last_day, clock)
            state.context_asked = False
            self._sentence(s, state)
            self.others = {}
            refer_back(self, span, doubt)  # "Police denied that he was in Foča"
            if state.context_asked and unparsed_context:
                self.history_at = max(self.history_at, s0)
            if dates:
                state.last_date = dates[-1].date_from
                last = dates[-1]
                one_day = last.kind == "day" and last.date_from == last.date
                state.last_day = (last.date, last.text) if one_day else None
                state.last_day_sent = i
            points = [
                m
                for m in places
                if is_point(m) and getattr(m, "role", "place") == "place"
            ]
            if points:
                state.last_town, state.last_town_sent = points[-1], i
                state.last_places, state.last_places_sent = tuple(points), i
                unparsed_context = sent is None
            if attr.speaker is not None:
                state.previous = attr
            if q_end and not q_start:
                state.quote_owner = attr if attr.speaker else None
            elif not q_end:
                state.quote_owner = None
        self.published, self.fallback = self._document_day, self._days.fallback
        self.entry_from, self.entry_note = None, ""
        self.entry_limit = self.fallback
        finish_cases(self)
        finish_fronts(self)

    def _usable_mentions(self) -> list[tuple[int, MentionLike]]:
        out = []
        for j, m in enumerate(self.mentions):
            role = getattr(m, "role", "place")
            if role == "person" or self._target_owner(m):
                self.excluded.add(j)
                self.reject(
                    "not_a_place",
                    f"{m.text!r} names a person here, not a place",
                    (m.start, m.end),
                )
                continue
            out.append((j, m))
        return out

    def _target_owner(self, m: MentionLike) -> bool:
        """Whether ``m`` is a word of the target's own name, owning what follows.

        "S is hiding in *Ibarra's* house": the target's surname, the owner of a
        house (:data:`_BELONGING_AFTER`), is no place (Ibarra, Ecuador) however
        the name reads elsewhere; not "Greer's city limits".
        """
        if self.target is None or " " in m.text:
            return False
        if any(overlaps((m.start, m.end), (r.start, r.end)) for r in self.refs):
            return False  # the target's own mention, rejected as such
        keys = self.target.family_keys | self.target.given_keys
        return (
            name_key(m.text) in keys
            and self.text[m.end : m.end + 1] in ("'", "’")
            and _BELONGING_AFTER.match(self.text[m.end : m.end + 40]) is not None
        )

    def _described_target(
        self, m: MentionLike, sent: Any, refs: list[TargetRef]
    ) -> tuple[int, int] | None:
        """The span of the target's name and the relative clause that holds ``m``.

        Where the target speaks ("Daniel Hale, *who is hiding in Dubai*, told
        the BBC ..."), a relative clause about her is the article's statement,
        not a description of the speaker to set aside. None where ``m`` is in
        no such clause, or unparsed.
        """
        if sent is None:
            return None
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        for tok in span.root.ancestors:
            if tok.dep_ != "relcl":
                continue
            owner = tok.head
            ref = next((r for r in refs if r.start <= owner.idx < r.end), None)
            if ref is None:
                return None
            last = max(t.idx + len(t.text) for t in tok.subtree)
            return (ref.start, last)
        return None

    def _seeing_clause(
        self, m: MentionLike, sent: Any, refs: list[TargetRef]
    ) -> tuple[int, int] | None:
        """The span of the relative clause of seeing the target that holds ``m``.

        In "A hiker *who saw Jane Doe in Leeds* said she looked well" the clause
        is in the speaker's words but tells of the target: Leeds is where she
        was seen. Not "The woman, *seen with Jane Doe in Leeds*, said" (the
        woman was seen) nor "who lives in Leeds and saw Jane Doe". None where
        there is no such clause, or unparsed.
        """
        if sent is None:
            return None
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        tok = next((t for t in span.root.ancestors if t.dep_ in ("relcl", "acl")), None)
        if tok is None or tok.lemma_ not in SEE_LEMMAS:
            return None
        if not any(
            c.dep_ == "dobj" and any(r.start <= c.idx < r.end for r in refs)
            for c in tok.children
        ):
            return None  # "seen with Jane Doe": the one described was seen
        return subtree_span(tok)

    def _in_person_name(self, m: MentionLike, sent: Any) -> bool:
        """Whether the place ``m`` is a part of a longer PERSON entity of ``sent``.

        A "the" that the tagger puts in the entity is no part of a name: "*the*
        Blackcomb Glacier", a PERSON to it, is the glacier.
        """
        if sent is None:
            return False
        return any(
            t0 >= sent.start
            and t1 <= sent.end
            and c0 <= m.start
            and m.end <= c1
            and (c1 - c0) - (4 if _THE.match(self.text, c0) else 0) > (m.end - m.start)
            for t0, t1, c0, c1 in self.persons
        )

    def _sentence(self, s: Sentence, state: WalkState) -> None:
        st = s.text.rstrip("\"'”’ ")
        about = bool(s.refs) or bool(s.places)
        if st.endswith("?"):
            if about:
                self.reject("question", "a question, not a statement", s.span)
            return
        if (
            s.sent is not None
            and not st.endswith((".", "!", "…"))
            and not any(t.pos_ in ("VERB", "AUX") for t in s.sent)
        ):
            if about:
                self.reject("heading", "a heading (no verb), not a statement", s.span)
            return
        find_fronts(self, s, state)
        find_cases(self, s)
        forces = forces_in(self, s)
        for force in forces:
            for m in s.places:
                if is_point(m) and resolved(m):
                    self.force_places.setdefault(force, []).append((s.index, m))
        self.taken = {}
        read_life(self, s)
        self.seen_clauses = []
        # each rule reads the places of its own verb's phrase or clause, and those
        # that another rule took are not read again: "Police arrested Jane Doe in
        # Leeds, and her car was found in York" is a sighting and a trace
        self.others = left_out(self, s)  # "seen in Culiacán, and his brother in"
        hit = False
        for rule in (read_traces, read_found, read_sightings):
            before = len(self.items)  # items are only ever appended
            got = rule(self, s)
            if (
                got
                and rule in (read_traces, read_found)
                and not any(hasattr(i, "place") for i in self.items[before:])
            ):
                # found at no place of its phrase: the sentence may still say
                # where ("were found Monday after a tip that the two were
                # hiding under a bridge in Hurricane"; "Her car was found on
                # Monday, and police believe she is hiding in Denver")
                continue
            hit = got or hit
        # a search that found nothing ("Police searched the woods near Aspen but
        # found no trace of her"), at the places that no rule above read
        read_searches(self, s)
        untaken = [m for m in s.places if m.start not in self.taken]
        untaken = of_others(self, s, untaken)  # "...; they now say her brother is"
        # "..., though police searched Durango": no claim of the target there
        self.others = {**of_other_subjects(self, s, untaken), **self.others}
        if hit:
            if self.seen_clauses:
                # "A hiker saw her in Aspen, but police say she is in Mosul", "A
                # hiker saw her on Monday, and police believe she is hiding in
                # Denver": the other clauses state where the target is, each on
                # its own, with no word (hedge, date) of the seeing's
                def outside(at: int) -> bool:
                    return not any(a <= at < b for a, b in self.seen_clauses)

                rest = [m for m in untaken if outside(m.start)]
                if rest:
                    refs = [r for r in s.refs if outside(r.start)]
                    if not refs and s.sent is not None:
                        # "Jane Doe was seen in Leeds, and is believed to have
                        # gone to York": the other clause is of the seeing's
                        # subject, the target
                        subjects = [
                            shared_subject(self.doc, c)
                            for c in less(s.span, self.seen_clauses)
                            if any(c[0] <= m.start < c[1] for m in rest)
                        ]
                        at = [t.idx for t in subjects if t is not None]
                        refs = [
                            r for r in s.refs if any(r.start <= i < r.end for i in at)
                        ]
                    if not refs and s.sent is not None:
                        # "Jane Doe, who police say is probably in Mexico, was
                        # seen in Texas": the clause is about her, named before it
                        owned = [
                            self._described_target(m, s.sent, list(s.refs))
                            for m in rest
                        ]
                        refs = [
                            r
                            for r in s.refs
                            if any(o and o[0] <= r.start < o[1] for o in owned)
                        ]
                    seen = (*s.attr.excluded, *self.seen_clauses)
                    attr = replace(s.attr, excluded=seen)
                    read_whereabouts(
                        self, replace(s, places=rest, refs=refs, attr=attr), state
                    )
            # "Jane Doe, who police say is probably in Mexico, was last seen in
            # Texas": a relative clause about the target in the seeing's clause
            # states where she is, on its own
            described = [
                m
                for m in untaken
                if (
                    not self.seen_clauses
                    or any(a <= m.start < b for a, b in self.seen_clauses)
                )
                and _in_who_clause(self.doc, m)
            ]
            if described and s.sent is not None:
                read_whereabouts(self, replace(s, places=described), state)
            return
        if s.places and not untaken:
            return  # "killed in Raqqa": where the target died is read already
        read_whereabouts(self, replace(s, places=untaken), state)


def extract_evidence(
    text: str,
    doc: Any,
    mentions: Sequence[MentionLike],
    *,
    doc_id: str,
    published: dt.date | None = None,
    target: Target | None = None,
    fallback_date: dt.date | None = None,
    grades: Mapping[str, Grade] | None = None,
    url: str | None = None,
    gazetteer: Any = None,
    sentences: Sequence[tuple[int, int]] | None = None,
    parsed: Sequence[bool] | None = None,
) -> Extraction:
    """Turn a parsed document's sentences into evidence items with provenance.

    Parameters
    ----------
    text : str
        The document text (``doc.text``).
    doc : spacy.tokens.Doc
        Its parse (sentences, dependencies, entities).
    mentions : sequence of Mention
        The place names found in ``text`` (:func:`geosleuth.read.find_toponyms`),
        or anything with the same attributes.
    doc_id : str
        Identifier of the document; item ids are ``"<doc_id>:<kind><n>"``.
    published : datetime.date or None, default None
        Publication date: relative dates count from it, and no item is dated
        after it.
    target : Target or None, default None
        Whom the evidence is about; without it only fronts are extracted.
    fallback_date : datetime.date or None, default None
        The date of undated items when ``published`` is None (default: today).
    grades : mapping of str to Grade, default :data:`DEFAULT_READ_GRADES`
        Grades by kind of source (keys ``official``, ``named``, ``article``,
        ``rumour``, ``proof_of_life``, ``target``); missing keys keep their
        default.
    url : str or None, default None
        Where the document is, for provenance.
    gazetteer : Gazetteer or None, default None
        For border phrases ("the Iraqi border"); by default
        :meth:`geosleuth.gazetteer.Gazetteer.default`.
    sentences : sequence of (int, int) or None, default None
        The sentence spans, in text order; by default those of ``doc``
        (:func:`sentence_spans`).
    parsed : sequence of bool or None, default None
        For each sentence, whether ``doc`` holds its parse (tags, dependencies,
        lemmas); by default all. An unparsed sentence has its entities only, and
        only what its words alone say is read from it.

    Returns
    -------
    Extraction
    """
    return _extract(
        text, doc, mentions, doc_id=doc_id, published=published, target=target,
        fallback_date=fallback_date, grades=grades, url=url, gazetteer=gazetteer,
        sentences=sentences, parsed=parsed,
    )[0]  # fmt: skip


def _extract(
    text: str,
    doc: Any,
    mentions: Sequence[MentionLike],
    *,
    doc_id: str,
    published: dt.date | None,
    target: Target | None,
    fallback_date: dt.date | None,
    grades: Mapping[str, Grade] | None,
    url: str | None,
    gazetteer: Any,
    sentences: Sequence[tuple[int, int]] | None,
    parsed: Sequence[bool] | None,
) -> tuple[Extraction, int]:
    """:func:`extract_evidence`, and where it needs more of the parse.

    The second value is the start of the last parsed sentence whose reading
    depends on earlier sentences left unparsed (-1 if none).
    """
    ex = _Extractor(
        text, doc, mentions, doc_id=doc_id, published=published,
        fallback_date=fallback_date or published or dt.date.today(),
        target=target, grades=grades or {}, url=url, gazetteer=gazetteer,
    )  # fmt: skip
    spans = list(sentences) if sentences is not None else sentence_spans(doc)
    done = list(parsed) if parsed is not None else [True] * len(spans)
    if len(done) != len(spans):
        raise ValueError(
            f"'parsed' must have one flag per sentence ({len(spans)}). "
            f"Got {len(done)} instead."
        )
    ex.run(spans, done)
    extraction = Extraction(
        items=tuple(ex.items),
        rejected=tuple(sorted(ex.rejected, key=lambda r: r.span[0])),
        sentences=tuple(spans),
        target=target,
        target_refs=tuple(ex.refs),
        excluded_mentions=tuple(sorted(ex.excluded)),
    )
    return extraction, ex.history_at


def _relayed(s: Sentence, fields: dict[str, Any]) -> dict[str, Any]:
    """``fields`` of an item of ``s``, at most possible where others' hearsay.

    "Rivas said *they say* Salcedo is dead", '"*They say* he is in Culiacán,"
    Rivas said' (:attr:`Attribution.hearsay
    <geosleuth.read.attribution.Attribution.hearsay>`): a rumour that Rivas
    relays, as sure as "it is rumoured" or a post's claim, not a certain
    statement; not the speaker's own clause beside it ("..., but I saw him in
    Durango"), which is his. Disputed ('"They say he is in Culiacán. He is
    not," Rivas said'), it is one level less sure still.
    """
    words = s.attr.hearsay
    prov = fields.get("provenance")
    hedge = fields.get("hedge", "certain")
    cap: Hedge = "possible" if s.attr.disputed is None else lower("possible")
    if (
        words is None
        or not isinstance(prov, Provenance)
        or prov.speaker is not None
        or prov.reporting_chain != s.attr.chain
        or weakest(hedge, cap) == hedge
    ):
        return fields
    note = note_of(str(fields.get("note") or ""), f"hedge from {words!r}: hearsay")
    return {**fields, "hedge": cap, "note": note}


def _holds_through(s: Sentence, start: dt.date, end: dt.date) -> bool:
    """Whether the period ``start``..``end`` of ``s`` is one that holds throughout.

    "since 2014", "for the past three years": a state that lasts to the
    period's end; not "in the past three years" (once, at some time within it).
    """
    return any(
        d.date_from == start
        and d.date == end
        and (d.kind == "since" or d.text.lower().startswith("for "))
        for d in s.dates
    )
