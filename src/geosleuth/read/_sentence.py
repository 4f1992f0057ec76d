"""What the walk over sentences shares: the sentence, the state, the places in it.

:func:`geosleuth.read.claims.extract_evidence` walks a document sentence by
sentence; each step (:mod:`~geosleuth.read.fronts`, :mod:`~geosleuth.read.life`,
:mod:`~geosleuth.read.sightings`, :mod:`~geosleuth.read.whereabouts`) reads one
:class:`Sentence` and the :class:`WalkState` carried from the previous ones. The
helpers here look at a place mention (resolved? a point? of what kind?) the same
way for all of them.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from geosleuth.evidence import Hedge
from geosleuth.gazetteer import Place, area_kind
from geosleuth.geometry import Area, Geometry, Line, Point
from geosleuth.read._doc_text import doc_text
from geosleuth.read._reports import (
    SAYING_LEMMAS,
    issues_saying,
    report_called_untrue,
)
from geosleuth.read._target_names import Target
from geosleuth.read.attribution import REPORTING_LEMMAS, Attribution
from geosleuth.read.dates import DateMention
from geosleuth.read.hedges import lower
from geosleuth.read.target import TargetRef

__all__ = [
    "CARRYING_LEMMAS",
    "CONTINUATION",
    "CONTRAST",
    "CORRECTABLE",
    "CORRECTION",
    "HERE",
    "MOVING_LEMMAS",
    "NEAR",
    "REGION_WORD",
    "MentionLike",
    "Sentence",
    "Spanned",
    "WalkState",
    "antecedent",
    "denied_phrase",
    "disputed",
    "geometry_of",
    "hedge_note",
    "hedge_text",
    "in_phrase",
    "is_point",
    "is_who_clause",
    "kind_of",
    "label",
    "less",
    "note_of",
    "own_clause",
    "overlaps",
    "place_kind_of",
    "report_called_untrue",
    "resolved",
    "shared_subject",
    "spread_of",
    "strip_span",
]


def strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    """``(s, e)`` narrowed past the whitespace at either end (empty if all space)."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


HERE = re.compile(
    r"\b(?:here|there|this (?:town|village|city)|the (?:town|village|city)"
    r"(?: cent(?:re|er))?)\b",
    re.IGNORECASE,
)
_PREP = r"(?:in|at|near|inside|around)\s+"
#: A place denied on its own, just before it: set against the one claimed or seen
#: ("hiding in Raqqa, not in Mosul", "seen in Raqqa, not Mosul", "seen in Aspen,
#: but not in Denver", "seen in Aspen but never in Denver"), put aside for another
#: ("seen in Raqqa rather than Mosul", "hiding in Raqqa instead of (staying in)
#: Mosul", "seen not in Mosul but in Raqqa"), one of a pair denied ("neither in
#: Mosul nor in Raqqa"), or "nowhere near Hajin", "far (away) from Mosul".
CONTRAST = re.compile(
    rf"(?:(?:[,;]\s*(?:but\s+|and\s+)?|\b(?:but|and)\s+)(?:not|never)\s+(?:{_PREP})?"
    rf"|\bnot\s+{_PREP}"
    rf"|\b(?:rather\s+than|instead\s+of)\s+(?:[a-z]+ing\s+)?(?:{_PREP})?"
    rf"|\b(?:neither|nor)\s+(?:{_PREP})?|\bnowhere\s+near\s+"
    r"|(?<!not\s)\b(?:far\s+(?:away\s+)?|well\s+away\s+|a\s+long\s+way\s+)"
    r"from\s+)"
    r"(?:the\s+(?:[\w-]+\s+){0,2}of\s+)?$",
    re.IGNORECASE,
)
#: A place put in the stead of one denied before it: "not in Raqqa but in Mosul",
#: "is not hiding in Raqqa, but rather in Mosul", "not in Raqqa but is in Mosul".
#: The place after "but" is where the target is (or was seen); the one after
#: "not" is denied (by :data:`CONTRAST`, or by the negation of the clause); "but
#: police say she is in Mosul" is no such place.
CORRECTION = re.compile(
    r"\b(?:not|never|no\s+longer)\s+[^.;:!?]{1,60}?,?\s+but\s+(?:rather\s+)?"
    rf"(?:(?:is|was|are|were)\s+)?(?:{_PREP})?(?:the\s+(?:[\w-]+\s+){{0,2}}of\s+)?$",
    re.IGNORECASE,
)
#: Negations that a "but" after them can correct: "not in Raqqa but in Mosul".
CORRECTABLE = frozenset({"not", "n't", "n’t", "never", "no longer"})
#: First words that deny the phrase they begin: "neither her nor her husband",
#: "not a single resident", "no witness".
_DENYING_FIRST = frozenset({"no", "not", "neither"})
#: Words after those that make a limit, not a denial: "not only", "no fewer than".
_NOT_A_DENIAL = frozenset({"only", "just", "fewer", "less", "more", "least"})
NEAR = re.compile(
    r"\b(?:near|vicinity|around|outskirts|close to|region|area)\b", re.IGNORECASE
)
REGION_WORD = re.compile(r"\b(?:the|this) (?:region|area)\b", re.IGNORECASE)
CONTINUATION = re.compile(
    r"^(?:More precisely|Precisely|Specifically|In particular|That is|Namely|"
    r"It refers|This refers|It is|In other words)\b"
)


class Spanned(Protocol):
    """Words of the text at ``start:end``: a place mention, a date."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


class MentionLike(Protocol):
    """What :func:`~geosleuth.read.claims.extract_evidence` needs of a mention."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def name(self) -> str | None: ...
    @property
    def lon(self) -> float: ...
    @property
    def lat(self) -> float: ...
    @property
    def confidence(self) -> float: ...
    @property
    def place(self) -> Any: ...


@dataclass(slots=True)
class WalkState:
    """What the walk over sentences carries from one sentence to the next."""

    last_town: MentionLike | None = None
    last_town_sent: int = -99
    last_places: tuple[MentionLike, ...] = ()
    last_places_sent: int = -99
    last_date: dt.date | None = None
    #: The day of the last dated sentence, if its last date was one day, with
    #: its words and the sentence's index: a later sentence that gives only a
    #: time ("at 6.40pm") is of that day (:func:`geosleuth.read.dates.time_of_day`).
    last_day: tuple[dt.date, str] | None = None
    last_day_sent: int = -99
    previous: Attribution | None = None
    quote_owner: Attribution | None = None
    last_claim_sent: int = -99
    last_claim_attr: Attribution | None = None
    #: A step of this sentence looked for the place that "here", "the town" or
    #: "the region" refers to (the last town or places named before).
    context_asked: bool = False


@dataclass(slots=True)
class Sentence:
    """One sentence of the walk, with its places, target refs, dates, speaker."""

    index: int
    span: tuple[int, int]
    text: str
    sent: Any
    places: list[MentionLike]
    refs: list[TargetRef]
    dates: list[DateMention]
    attr: Attribution
    #: (day, its words, the time's words) for a sentence with no date but a
    #: time of day ("at 6.40pm", "later that evening") right after a sentence
    #: dated to one day: its items are of that day, not of publication.
    earlier_day: tuple[dt.date, str, str] | None = None
    #: The person the document is read for, whose other names and descriptions
    #: a denial may use ("; police denied the arrest *of the fugitive*").
    target: Target | None = None


def less(span: tuple[int, int], cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of ``span`` outside the spans ``cuts`` (end exclusive).

    Examples
    --------
    >>> less((0, 10), [(6, 8), (2, 4)])
    [(0, 2), (4, 6), (8, 10)]
    >>> less((0, 10), [(0, 10)])
    []
    """
    out = []
    start, end = span
    for a, b in sorted(cuts):
        if a > start:
            out.append((start, min(a, end)))
        start = max(start, b)
    if start < end:
        out.append((start, end))
    return [(a, b) for a, b in out if a < b]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two spans (end exclusive) share a character."""
    return a[0] < b[1] and b[0] < a[1]


def geometry_of(m: MentionLike) -> Geometry:
    """The mention's geometry: the place's line or area, else its point."""
    place = m.place
    geom = getattr(place, "geometry", None)
    if isinstance(geom, (Point, Line, Area)):
        return geom
    return Point(float(m.lon), float(m.lat))


def place_kind_of(
    geom: Geometry, name: str, places: Iterable[MentionLike]
) -> str | None:
    """The ``place_kind`` of an item at ``geom`` called ``name``, of ``places``.

    What the gazetteer's area is (:func:`~geosleuth.gazetteer.area_kind`: "in
    the state of Durango" names a state), as the case file gives it, where the
    item names one of the mentions ``places`` as it is: its very area, by its
    name. None for a point, for a shape the reading drew from the places (a
    ring around one, the union or intersection of several: "Durango or
    Sinaloa" is no state), and for a place named as a bound ("within 30 km of
    Durango", the state buffered, is no state either). An airport the text
    names ("Heathrow airport") is an ``"airport"``, though a point.
    """
    for m in places:
        if geom is geometry_of(m) and name == label(m) and isinstance(m.place, Place):
            if m.place.kind == "airport":
                return "airport"  # "Heathrow airport": a point, but what it is
            return area_kind(m.place)
    return None


def kind_of(m: MentionLike) -> str:
    """The kind of place (``town``, ``country``, ``border``, ...)."""
    return str(getattr(m.place, "kind", "town"))


def is_point(m: MentionLike) -> bool:
    """Whether the mention is a resolved point place, not a country or continent."""
    if not resolved(m):
        return False
    return isinstance(geometry_of(m), Point) and kind_of(m) not in (
        "country",
        "continent",
    )


def subtree_span(tok: Any) -> tuple[int, int]:
    """The document span (start, end) of ``tok``'s subtree in the parse."""
    words = list(tok.subtree)
    return words[0].idx, words[-1].idx + len(words[-1].text)


def is_who_clause(tok: Any) -> bool:
    """Whether ``tok`` heads a relative clause about a person ("who", "whom", "whose").

    "the region he called Euphrates Province" is a relative clause too, but one
    that names a place.
    """
    return bool(tok.dep_ == "relcl") and any(
        t.lower_ in ("who", "whom", "whose") for t in tok.subtree
    )


def note_of(*parts: str) -> str:
    """An item's note: the parts that say something, joined by "; ".

    Examples
    --------
    >>> note_of("death claim", hedge_note("may"), "", "dated from '2016'")
    "death claim; hedge from 'may'; dated from '2016'"
    """
    return "; ".join(x for x in parts if x)


def hedge_note(cue: str | None) -> str:
    """The note of a hedge's cue ("hedge from 'may'"), empty without one."""
    return f"hedge from {cue!r}" if cue else ""


def spread_of(m: MentionLike) -> float:
    """How precisely written coordinates place the mention (km); NaN for a name.

    See :mod:`geosleuth.read.coordinates`.
    """
    return float(getattr(m, "spread_km", math.nan))


def resolved(m: MentionLike) -> bool:
    """Whether the mention was resolved to a place with coordinates."""
    return m.name is not None and not (math.isnan(m.lon) or math.isnan(m.lat))


def label(m: MentionLike) -> str:
    """The place's name, or the text of the mention."""
    return m.name or m.text


def hedge_text(s: Sentence) -> str:
    """The sentence with the attribution's own spans blanked out.

    The speaker's name and role, and another party's denial of the statement
    ("but police denied it": :attr:`Attribution.disputed`), say nothing of how sure
    the statement is.
    """
    out = list(s.text)
    spans = [*s.attr.excluded, *([s.attr.disputed] if s.attr.disputed else [])]
    for a, b in spans:
        for k in range(max(a, s.span[0]), min(b, s.span[1])):
            out[k - s.span[0]] = " "
    return "".join(out)


def disputed(s: Sentence, hedge: Hedge, text: str) -> tuple[Hedge, str]:
    """``hedge`` one level less sure if another party disputes ``s``; the note.

    ``text`` is the document's. The note quotes the denial ("disputed ('but police
    denied it'): ...", or "disputed in the next sentence ('Police denied the
    report'): ..." for a denial in the sentence after ``s``); it is empty, and
    ``hedge`` unchanged, for a statement that nobody disputes.
    """
    if s.attr.disputed is None:
        return hedge, ""
    a, b = s.attr.disputed
    where = " in the next sentence" if a >= s.span[1] else ""
    return lower(hedge), f"disputed{where} ({text[a:b]!r}): one level less sure"


def denied_phrase(tok: Any) -> str | None:
    """The words that deny the phrase of ``tok`` (a parsed token), if they do.

    A phrase that begins with "neither", "not" or "no" ("neither her nor her
    husband", "not a single resident", "no witness") names no one, unless a limit
    follows ("not only", "no fewer than"). Returns the text from that word to
    ``tok``, or None.
    """
    first = tok.left_edge
    after = first.nbor() if first.i + 1 < len(first.doc) else first
    if (
        first.i < tok.i
        and first.lower_ in _DENYING_FIRST
        and after.lower_ not in _NOT_A_DENIAL
    ):
        return str(doc_text(tok.doc)[first.idx : tok.idx + len(tok.text)])
    return None


#: Prepositions whose phrase is no place where something was done: "arrested
#: *over* the murder of a man in Leeds". Not "for", whose phrase may hold where
#: it was ("arrested for drunk driving in Leeds", "found for sale in Leeds").
_NOT_WHERE_PREPS = frozenset(
    {"over", "about", "against", "despite", "because", "as", "of"}
)
#: Nouns whose phrase gives the reason for a deed, not its place: "arrested *on
#: suspicion* of a bombing in Leeds", "*in connection* with the murder in Leeds".
_REASON_NOUNS = frozenset(
    {"suspicion", "charge", "connection", "relation", "accusation", "allegation",
     "count", "warrant", "link", "regard", "respect"}
)  # fmt: skip


#: Prepositions after a person that say where the person comes from, not where a
#: deed was done: "Barnett, 36, of Palestine", "a hiker from Denver".
_ORIGIN_PREPS = frozenset({"of", "from"})


def in_phrase(doc: Any, verb: Any, m: Spanned) -> bool:
    """Whether the place ``m`` is in the phrase of ``verb`` (a token of ``doc``).

    Up from the place's word to ``verb`` in the parse, no other verb comes
    between, but a complement of ``verb`` ("found hiding in a barn near Aspen",
    "found alive but injured in Aspen"): in "was found in Aspen and taken to
    Denver", Denver is of "taken", and in "was killed in Raqqa after fleeing
    Mosul", Mosul is of "fleeing". A place that names the doer ("arrested by
    *Leeds* police", "captured by *Kurdish* fighters"; not "arrested by police
    in Leeds") or is in the reason for the deed ("arrested over the murder of a
    man in Leeds", "on suspicion of a bombing in Leeds") is not where it was
    done, nor is one that says where the one it was done to comes from ("Jane
    Doe, 34, *of Denver*, was found in Aspen", "the hiker *from Denver*").
    The same holds of a date ("killed in Raqqa *last month*"; not "who fled to
    Mosul *in 2016*").
    """
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    if (
        not math.isnan(float(getattr(m, "spread_km", math.nan)))
        and span[0].i != span.root.i
    ):
        # written coordinates: the parse may hang the longitude elsewhere ("from
        # 45.3302, -111.4057, a spokesman said"); the latitude's place counts
        return _in_phrase_from(span, span[0], verb) or _in_phrase_from(
            span, span.root, verb
        )
    return _in_phrase_from(span, span.root, verb)


def _in_phrase_from(span: Any, tok: Any, verb: Any) -> bool:
    """:func:`in_phrase`, going up from ``tok``, a word of the place's ``span``."""
    via_prep = False  # a preposition between the place and ``tok``
    for _ in range(16):
        if tok.i == verb.i:
            return True
        head = tok.head
        if head.i == tok.i:
            return False
        if (
            tok.dep_ == "prep"
            and tok.lower_ in _ORIGIN_PREPS
            and span.root.head.i == tok.i  # the place itself: not "body of Doe"
            and head.dep_ in ("nsubj", "nsubjpass", "dobj", "obj", "appos")
        ):
            return False  # "Barnett, 36, *of Palestine*, was arrested": a home
        if head.pos_ in ("VERB", "AUX") and _not_where(tok, via_prep=via_prep):
            return False
        if (
            head.i != verb.i
            and head.pos_ in ("VERB", "AUX")
            and not _complement_of(head, verb)
        ):
            return False
        via_prep = via_prep or tok.dep_ == "prep"
        tok = head
    return False


#: Links by which a clause hangs from a word of another: "and *police believe*
#: ...", "after *she fled* ...", "a cafe *where she stayed*", "*says* she ...".
_CLAUSE_DEPS = frozenset(
    {"conj", "ccomp", "advcl", "parataxis", "relcl", "acl", "csubj", "pcomp",
     "xcomp"}
)  # fmt: skip
#: Links by which a clause is a part of a sentence that states something else
#: ("Jane Doe, *who was seen in Aspen*, is 36", "*after she was seen*", "..., and
#: *a hiker saw her*"), not a statement that a verb above it reports ("Police say
#: *she was seen*").
_PART_DEPS = frozenset(
    {"relcl", "acl", "advcl", "conj", "pcomp", "appos", "csubj", "csubjpass"}
)
#: Links of a verb's subject.
_SUBJECTS = ("nsubj", "nsubjpass")
#: Verbs (lemmas) of a movement: a place in their phrase is where the one who
#: moves went ("fled *to York*", "moved *to Denver*"), not where a verb joined to
#: them saw or found anyone.
MOVING_LEMMAS = frozenset(
    {"flee", "move", "go", "travel", "head", "escape", "relocate", "return",
     "leave", "run", "drive", "fly", "sail", "walk", "cross", "arrive", "depart",
     "slip", "sneak", "smuggle"}
)  # fmt: skip
#: Verbs (lemmas) of carrying someone: the one carried moves ("was found in Aspen
#: and *taken to* Denver", "was *extradited from* Spain").
CARRYING_LEMMAS = frozenset(
    {"take", "bring", "transfer", "transport", "airlift", "rush", "extradite",
     "deport"}
)  # fmt: skip
#: Verbs (lemmas) of holding someone taken: where the one held is now ("*is
#: being held in* Maricopa County jail").
HOLDING_LEMMAS = frozenset({"hold", "detain", "jail", "imprison", "keep"})
#: Relative pronouns: the subject of "a man *who* lives in Leeds" is the noun's.
_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
#: Tags of a verb in a tense, not a participle or an infinitive.
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _own_subject(verb: Any) -> bool:
    """Whether ``verb`` has a subject of its own (not a relative pronoun)."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")
        and c.tag_ not in _RELATIVE_TAGS
        for c in verb.children
    )


def _other_clause(tok: Any) -> bool:
    """Whether ``tok`` heads a clause of its own under the word it hangs from.

    A verb in a tense with a subject of its own ("and *police believe* ...",
    "after *she fled* ..."), or one that reports speech or belief ("and *is
    believed* to ..."); not what the one seen was doing ("showed Jane Doe
    *walking* near Leeds station"), nor a clause that says where a place of the
    sentence is ("seen at a cafe *where she often stayed* in Leeds").
    """
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_ not in _CLAUSE_DEPS:
        return False
    if tok.lemma_.lower() in REPORTING_LEMMAS:
        return True
    if tok.dep_ == "relcl" and any(c.lower_ == "where" for c in tok.children):
        return False
    finite = any(
        t.tag_ in _FINITE_TAGS
        for t in (tok, *[c for c in tok.children if c.dep_ in ("aux", "auxpass")])
    )
    return finite and _own_subject(tok)


def _moving(tok: Any) -> bool:
    """Whether ``tok`` is a verb of :data:`MOVING_LEMMAS` joined to another verb.

    "Jane Doe was seen in Leeds and later *fled* to York": the movement is a
    statement of its own, with the subject it shares. So is the one seen carried
    somewhere ("was found in Aspen and *taken to* Denver": :data:`CARRYING_LEMMAS`
    in the passive, with "to" or "into"; "was arrested in Phoenix and *deported
    to* Mexico", which the parse may tag as a past tense), and so is the one
    taken held somewhere ("was arrested in Phoenix and *is being held in*
    Maricopa County jail": :data:`HOLDING_LEMMAS` in the passive); "took a photo
    in Aspen" is no movement.
    """
    if not (
        tok.pos_ == "VERB" and tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX")
    ):
        return False
    lemma = tok.lemma_.lower()
    preps = {c.lower_ for c in tok.children if c.dep_ == "prep"}
    if lemma in HOLDING_LEMMAS:
        return bool(preps & {"in", "at"}) and any(
            c.dep_ == "auxpass" for c in tok.children
        )
    return lemma in MOVING_LEMMAS or (
        lemma in CARRYING_LEMMAS
        and (
            tok.tag_ == "VBN"
            or (lemma in ("deport", "extradite") and tok.tag_ == "VBD")
        )
        and bool(preps & {"to", "into"})
    )


def antecedent(tok: Any) -> Any:
    """The noun that the relative pronoun ``tok`` stands for, else ``tok`` itself.

    "Jane Doe, *who* was arrested in Leeds": "Doe"; the parse's word for it.
    """
    clause = tok.head
    if tok.tag_ in _RELATIVE_TAGS and clause.dep_ == "relcl":
        return clause.head
    return tok


def own_clause(
    verb: Any, span: tuple[int, int]
) -> tuple[frozenset[int], list[tuple[int, int]]]:
    """The words of the clause of ``verb`` and the other clauses of the sentence.

    The clause of ``verb`` (a token of a parse) is its phrase, with the verbs joined
    to it that have no subject of their own ("Jane Doe was seen *and arrested* in
    Leeds") and the verbs it completes ("is believed to have been seen"), less the
    clauses within it that have a subject of their own or report speech or belief
    ("A hiker saw Jane Doe, and *police believe she is hiding in Denver*", "was seen
    in Aspen after *she fled Denver*", "was spotted in Leeds, and *is believed to
    have gone to York*") and the movements joined to it, which say where the one
    who moved went, not where anyone was seen ("was seen in Leeds and *later fled
    to York*": :data:`MOVING_LEMMAS`), but with what the one seen was doing
    ("showed Jane Doe *walking near Leeds station*"). A clause that is a part of
    a sentence stating something else ("Jane Doe, *who was last seen in Aspen*,
    is 36") leaves the rest of the sentence to the other statement; one that a
    verb above it reports ("Police say *she was seen in Leeds*") does not.

    Parameters
    ----------
    verb : spacy.tokens.Token
        The verb of the clause.
    span : tuple of (int, int)
        Character offsets (in the document) of the sentence.

    Returns
    -------
    words : frozenset of int
        The token indices of the clause's own words.
    others : list of (int, int)
        Character spans (in the document, within ``span``) of the other clauses
        of the sentence, in text order.
    """
    top = verb
    chain = {verb.i}
    while (
        top.head.i != top.i
        and top.head.pos_ in ("VERB", "AUX")
        and (
            top.dep_ in ("xcomp", "oprd")
            or (
                top.dep_ == "conj"
                and not _own_subject(top)
                and not _moving(top)
                and top.head.lemma_.lower() not in MOVING_LEMMAS
            )
        )
    ):
        top = top.head
        chain.add(top.i)
    # the verbs that report the clause ("Her sister says ..."), up to the
    # statement the clause is a part of
    root = top
    while (
        root.dep_ not in _PART_DEPS or _said_in_a_document(root)
    ) and root.head.i != root.i:
        root = root.head
        chain.add(root.i)
    mine = {t.i for t in top.subtree}
    words = {top.i}
    heads = []
    stack = [root]
    while stack:
        for child in stack.pop().children:
            if _says_it(child):
                continue  # "was seen in Gao, residents said, but ...": its report
            if child.i not in chain and (
                _other_clause(child) or _moving(child) or _since_leaving(child)
            ):
                heads.append(child)
                continue
            if child.i in mine:
                words.add(child.i)
            stack.append(child)
    doc = verb.doc
    others = [
        (doc[h.left_edge.i].idx, doc[h.right_edge.i].idx + len(doc[h.right_edge.i]))
        for h in heads
    ]
    if root.dep_ in _PART_DEPS:
        first, last = doc[root.left_edge.i], doc[root.right_edge.i]
        others += [(span[0], first.idx), (last.idx + len(last), span[1])]
    others = [(max(a, span[0]), min(b, span[1])) for a, b in others]
    return frozenset(words), sorted((a, b) for a, b in others if a < b)


def _said_in_a_document(tok: Any) -> bool:
    """Whether ``tok`` is what a speaker said, hung by the parse from a document.

    "Police said in a statement released Monday *that Salcedo had been arrested
    in Culiacán*": the parse may make the clause, with its "that", describe the
    statement; it is what the police said, not a part of another statement.
    So is the participle by which a document says it, put out by a speaker
    ("Police released a statement *saying* Salcedo had been arrested in
    Culiacán": :func:`~geosleuth.read._reports.issues_saying`).
    """
    noun = tok.head
    if tok.tag_ == "VBG" and tok.dep_ in ("acl", "advcl"):
        issuer = noun.head if tok.dep_ == "acl" else noun
        return (
            tok.lemma_.lower() in SAYING_LEMMAS
            and (tok.dep_ == "advcl" or noun.dep_ == "dobj")
            and issues_saying(issuer)
        )
    return (
        tok.dep_ == "acl"
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)
        and noun.dep_ == "pobj"
        and noun.head.dep_ == "prep"
        and noun.head.head.lemma_.lower() in REPORTING_LEMMAS
    )


def _since_leaving(tok: Any) -> bool:
    """Whether ``tok`` is a "since" of a leaving told by a gerund.

    "has not been seen *since escaping from a prison in Culiacán* in 2016": the
    leaving is a statement of its own, of where the one who left was then, as
    "since he escaped from" is (a clause with its own subject); not a place of
    the seeing.
    """
    return bool(tok.dep_ == "prep" and tok.lower_ == "since") and any(
        c.dep_ == "pcomp"
        and c.tag_ == "VBG"
        and c.lemma_.lower() in {"escape", "flee", "leave", "depart"}
        for c in tok.children
    )


def _says_it(tok: Any) -> bool:
    """Whether ``tok`` is a report set beside the clause it reports.

    "He was seen in Gao, *residents said*, but the army denied it": a verb of
    saying in parataxis with no clause of its own under it is the speaker of
    the clause, not another statement (not "police denied").
    """
    return (
        tok.dep_ == "parataxis"
        and tok.lemma_.lower() in REPORTING_LEMMAS - {"deny", "doubt"}
        and not any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in tok.children)
    )


def shared_subject(doc: Any, span: tuple[int, int]) -> Any:
    """The subject that the clause at ``span`` shares with the verb it is joined to.

    Its verb is joined to another and has no subject of its own: in "Jane Doe was
    seen in Leeds, and *is believed to have gone to York*" the clause is of
    "Doe" (a relative pronoun stands for its noun: :func:`antecedent`); "and
    *police believe* she is in York" has a subject of its own, and shares none.

    Parameters
    ----------
    doc : spacy.tokens.Doc
        The parse.
    span : tuple of (int, int)
        Character offsets (in the document) of the clause, as
        :func:`own_clause` gives the other clauses of a sentence.

    Returns
    -------
    spacy.tokens.Token or None
        The word of the subject shared; None if the clause has its own, or none
        is found.
    """
    words = doc.char_span(span[0], span[1], alignment_mode="contract")
    if words is None or len(words) == 0:
        return None
    verb = words.root
    if _since_leaving(verb):
        # "has not been seen since escaping from ...": the one not seen escaped
        subject = next((c for c in verb.head.children if c.dep_ in _SUBJECTS), None)
        return None if subject is None else antecedent(subject)
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ != "conj" or _own_subject(verb):
        return None
    for _ in range(6):  # up the verbs it is joined to, or completes
        verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            return antecedent(subject)
        if verb.dep_ not in ("conj", "xcomp") or verb.head.i == verb.i:
            return None
    return None


def _complement_of(head: Any, verb: Any) -> bool:
    """Whether ``head`` completes ``verb``: "found *hiding*", "alive but *injured*".

    Also a state the verb's object or subject is found in ("found *abandoned*"),
    and one the parse gives the object as its subject ("found him *hiding* in
    Gao", "found her *alive*": the object a subject of a clause under the verb).
    """
    if head.dep_ in ("xcomp", "oprd", "acomp") and head.head.i == verb.i:
        return True
    if (
        head.dep_ == "ccomp"
        and head.head.i == verb.i
        and (head.tag_ == "VBG" or head.pos_ == "ADJ")
        and any(c.dep_ == "nsubj" for c in head.children)
        and not any(c.dep_ in ("aux", "auxpass") for c in head.children)
    ):
        return True
    first = head.head
    return (
        head.dep_ == "conj"
        and first.dep_ in ("xcomp", "oprd", "acomp")
        and first.head.i == verb.i
    )


def _not_where(tok: Any, *, via_prep: bool) -> bool:
    """Whether the phrase that ``tok`` heads under a verb says no place of the deed.

    An agent, where the place is a word of the doer's own ("by *Leeds* police")
    rather than of a preposition within it ("by police *in* Leeds"), and a
    preposition of :data:`_NOT_WHERE_PREPS` or one of a reason
    (:data:`_REASON_NOUNS`: "on suspicion of").
    """
    if tok.dep_ == "agent":
        return not via_prep
    if tok.dep_ != "prep":
        return False
    if tok.lower_ in _NOT_WHERE_PREPS:
        return True
    return any(
        g.dep_ == "pobj" and g.lemma_.lower() in _REASON_NOUNS for g in tok.children
    )
