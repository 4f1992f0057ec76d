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

**Sighting** — "seen", "spotted", "sighted", "photographed" with places:
one :class:`~geosleuth.evidence.Sighting` per place, all in one mixture group.
The subject is the target when the seen one is the target; an *associate* when
the seen one is another person described as close to the target ("Iyad
al-Jamili, one of the men closest to Baghdadi"), with ``closeness`` 0.5 and the
name in ``who``.

**Claim** — the target (or the group's leaders, a level less sure) with a
location word ("hiding", "hides", "hidden", "is in", "based", "located",
"whereabouts", "the place where ... hides") and places: a
:class:`~geosleuth.evidence.Claim` per place, ``polarity="is_not"`` when negated.
"Here", "there", "the town" and "this village" are the last town named in the
previous sentences; "the region" and "the area" the places of the last sentence
that named some (their centroid, with a buffer that covers them). Several
regions in one clause ("Syria near the Iraqi border", "on the Iraq-Syrian
border, along the Euphrates") are *intersected* (lines buffered by
``REGION_BUFFER_KM``); a country named with a town ("the Syrian town of Hajin")
only qualifies the town. A sentence that continues a claim ("More precisely, it
refers to ... Hajin") keeps its speaker.

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
``official``       F2     an organisation, or a speaker with an official or
                          expert role (director, commander, ministry,
                          researcher, consultant, ...)
``named``          F3     a named speaker with no such role
``article``        F3     the article's own statement
``rumour``         F5     "it is claimed", "claims have been made", rumours
``proof_of_life``  F2     a dated recording or appearance of the target
=================  =====  ==================================================

The wording's own certainty is the ``hedge`` (:mod:`geosleuth.read.hedges`), so
"may have been" lowers the probability once, through the hedge, not twice.
Override the table with ``grades=``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from geosleuth.errors import GeosleuthError
from geosleuth.evidence import (
    Claim,
    EvidenceItem,
    Front,
    Grade,
    LifeStatus,
    Provenance,
    Sighting,
)
from geosleuth.geometry import Area, Geometry, Line, Point, haversine_km
from geosleuth.read.attribution import (
    Attribution,
    SpeakerRegistry,
    attribute,
    quote_states,
)
from geosleuth.read.dates import DateMention, find_dates
from geosleuth.read.hedges import hedge_of, is_negated, lower, weakest
from geosleuth.read.target import Target, TargetRef, find_target_refs

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
}
#: Buffer (km) around a river or border named as where the target is.
REGION_BUFFER_KM = 25.0
#: Buffer (km) around a town named as where the target is; "near" doubles it.
TOWN_BUFFER_KM = 10.0
#: Closeness of an associate whose sighting says where the target is.
ASSOCIATE_CLOSENESS = 0.5

_LOCATION_CUE = re.compile(
    r"\b(?:hid(?:e|es|ing|den)?|hiding|holed up|shelter(?:s|ing|ed)?|based|"
    r"located|liv(?:e|es|ing)|stay(?:s|ing|ed)?|resid(?:e|es|ing)|whereabouts|"
    r"took refuge|fled to|moved to|(?:is|was|be|are|were|been)\s+(?:now\s+|still\s+|"
    r"currently\s+)?(?:in|on|at|near|around|inside)|the place where)\b",
    re.IGNORECASE,
)
_SEEN = re.compile(r"\b(?:seen|spotted|sighted|photographed|filmed)\b", re.IGNORECASE)
_ASSOCIATE = re.compile(
    r"\b(?:clos(?:e|ed|er|est) to|aide|deputy|courier|bodyguard|associate|confidant|"
    r"right-hand|lieutenant|driver|brother|son|wife|companion)\b",
    re.IGNORECASE,
)
_ALIVE = re.compile(
    r"\b(?:voice recording|audio(?: recording| message)?|video|recording|message|"
    r"speech|sermon|appear(?:ed|ance)|tape)\b",
    re.IGNORECASE,
)
_DEAD = re.compile(r"\b(?:killed|dead|death|died|slain)\b", re.IGNORECASE)
_DEATH_DENIED = re.compile(
    r"\b(?:no (?:conclusive |hard |firm )?evidence|weaken(?:ed|s)?|denied|denies|"
    r"deny|dismiss(?:ed)?|not (?:dead|killed)|survived|alive)\b",
    re.IGNORECASE,
)
_DISTANCE = re.compile(
    r"(?P<a>\d+(?:\.\d+)?)(?:\s*(?:to|-|–|or)\s*(?P<b>\d+(?:\.\d+)?))?\s*"
    r"(?P<unit>km|kilomet(?:er|re)s?|miles?)\s+(?:away\s+)?from\s+",
    re.IGNORECASE,
)
_FORCE = re.compile(
    r"\b(?P<our>[Oo]ur|[Ww]e)\b(?:\s+(?:forces|fighters|troops|units|men))?"
    r"|\b(?:the\s+)?(?P<adj>[A-Z][\w-]+)\s+(?:army|forces|troops|fighters|units|"
    r"militia)\b|\b(?P<acr>[A-Z]{2,6})\b",
)
_ACRONYM_DEF = re.compile(
    r"(?P<long>(?:[A-Z][a-z]+\s+){1,5}[A-Z][a-z]+)\s*\((?P<short>[A-Z]{2,6})\)"
    r"|(?P<short2>[A-Z]{2,6})\s*\((?P<long2>(?:[A-Z][a-z]+\s+){1,5}[A-Z][a-z]+)\)"
)
_HERE = re.compile(
    r"\b(?:here|there|this (?:town|village|city)|the (?:town|village|city)"
    r"(?: cent(?:re|er))?)\b",
    re.IGNORECASE,
)
_REGION_WORD = re.compile(r"\b(?:the|this) (?:region|area)\b", re.IGNORECASE)
_NEAR = re.compile(
    r"\b(?:near|vicinity|around|outskirts|close to|region|area)\b", re.IGNORECASE
)
_CONTINUATION = re.compile(
    r"^(?:More precisely|Precisely|Specifically|In particular|That is|Namely|"
    r"It refers|This refers|It is|In other words)\b"
)
_CONDITIONAL_LIFE = re.compile(
    r"\b(?:if|whether)\b[^,.;]{0,40}\b(?:alive|dead)\b", re.IGNORECASE
)
_NOT_PLACE_ROLES = ("person", "metonym", "demonym")
_NOT_FORCES = frozenset({"ISIS", "IS", "ISIL", "US", "UN", "ANF", "AFP", "BBC", "CNN"})


class MentionLike(Protocol):
    """What :func:`extract_evidence` needs of a toponym mention."""

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


@dataclass(frozen=True, slots=True)
class _Found:
    """A place this module found itself (a border phrase), shaped like a Mention."""

    text: str
    start: int
    end: int
    name: str | None
    lon: float
    lat: float
    confidence: float
    place: Any
    role: str = "place"


_BORDER = re.compile(
    r"\b(?P<a>[A-Z][a-z]+)(?:\s*[-–/]\s*(?P<b>[A-Z][a-z]+))?\s+border\b"
)


RejectReason = Literal[
    "question", "heading", "no_place", "not_a_place", "conditional", "negated",
    "bearing", "not_target", "invalid", "control", "unresolved",
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Rejected:
    """Something seen in the text and not turned into evidence, with the reason.

    Attributes
    ----------
    reason : str
        A short code: ``question``, ``heading``, ``no_place``, ``not_a_place``,
        ``conditional``, ``negated``, ``bearing``, ``not_target``, ``invalid``,
        ``control``, ``unresolved``.
    detail : str
        What was seen and why it was not used, in words.
    span : tuple of (int, int)
        Where in the text (character offsets, end exclusive).
    quote : str
        The text at ``span``.
    """

    reason: RejectReason
    detail: str
    span: tuple[int, int]
    quote: str

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
        s, e = sent.start_char, sent.end_char
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _bearing_deg(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Initial great-circle bearing (degrees clockwise from north) from 1 to 2."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl = math.radians(lon2 - lon1)
    x = math.sin(dl) * math.cos(p2)
    y = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return (math.degrees(math.atan2(x, y)) + 360.0) % 360.0


def _geometry(m: MentionLike) -> Geometry:
    place = m.place
    geom = getattr(place, "geometry", None)
    if isinstance(geom, (Point, Line, Area)):
        return geom
    return Point(float(m.lon), float(m.lat))


def _kind(m: MentionLike) -> str:
    return str(getattr(m.place, "kind", "town"))


def _is_point(m: MentionLike) -> bool:
    if not _resolved(m):
        return False
    return isinstance(_geometry(m), Point) and _kind(m) not in ("country", "continent")


def _resolved(m: MentionLike) -> bool:
    return m.name is not None and not (math.isnan(m.lon) or math.isnan(m.lat))


def _label(m: MentionLike) -> str:
    return m.name or m.text


def _intersect(regions: Sequence[tuple[Geometry, float]]) -> Area | None:
    """Intersection of buffered regions as an area, or None if empty or unavailable.

    Buffers are geodesic enough for regions of a few hundred km: the shapes are
    projected to an azimuthal equidistant plane centred on them, buffered in
    metres, intersected, simplified to 0.5 km and projected back.
    """
    try:
        import numpy as np
        import pyproj
        import shapely
        from shapely.geometry import mapping, shape
    except ImportError:  # pragma: no cover - core dependencies
        return None
    reps = [g.representative() for g, _ in regions]
    lon0 = sum(r[0] for r in reps) / len(reps)
    lat0 = sum(r[1] for r in reps) / len(reps)
    local = pyproj.CRS.from_proj4(
        f"+proj=aeqd +lat_0={lat0:.6f} +lon_0={lon0:.6f} +units=m +datum=WGS84"
    )
    to_local = pyproj.Transformer.from_crs("EPSG:4326", local, always_xy=True)
    to_lonlat = pyproj.Transformer.from_crs(local, "EPSG:4326", always_xy=True)

    def fwd(xy: Any) -> Any:
        return np.column_stack(to_local.transform(xy[:, 0], xy[:, 1]))

    def back(xy: Any) -> Any:
        return np.column_stack(to_lonlat.transform(xy[:, 0], xy[:, 1]))

    def transform(func: Any, geom: Any) -> Any:
        return shapely.transform(geom, func)

    result: Any = None
    for geom, buffer_km in regions:
        shp = transform(fwd, shape(geom.to_geojson()))
        if buffer_km > 0:
            shp = shp.buffer(buffer_km * 1000.0, quad_segs=8)
        elif not isinstance(geom, Area):
            return None
        result = shp if result is None else result.intersection(shp)
        if result.is_empty:
            return None
    if result is None or result.area < 1e6:
        return None
    result = shapely.simplify(result, 500.0)
    polys = (
        [result]
        if result.geom_type == "Polygon"
        else [g for g in getattr(result, "geoms", []) if g.geom_type == "Polygon"]
    )
    if not polys:
        return None
    out = []
    for poly in polys:
        gj = mapping(transform(back, poly))
        out.append(tuple(tuple(tuple(pt) for pt in ring) for ring in gj["coordinates"]))
    return Area(
        tuple(tuple(np.asarray(r, dtype=np.float64) for r in poly) for poly in out)
    )


@dataclass(slots=True)
class _State:
    """What the walk over sentences carries from one sentence to the next."""

    last_town: MentionLike | None = None
    last_town_sent: int = -99
    last_places: tuple[MentionLike, ...] = ()
    last_places_sent: int = -99
    last_date: dt.date | None = None
    previous: Attribution | None = None
    quote_owner: Attribution | None = None
    last_claim_sent: int = -99
    last_claim_attr: Attribution | None = None


@dataclass(slots=True)
class _Sentence:
    index: int
    span: tuple[int, int]
    text: str
    sent: Any
    places: list[MentionLike]
    refs: list[TargetRef]
    dates: list[DateMention]
    attr: Attribution


class _Extractor:
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
        self.fallback = fallback_date
        self.target = target
        self.grades = {**DEFAULT_READ_GRADES, **grades}
        self.url = url
        self.items: list[EvidenceItem] = []
        self.rejected: list[Rejected] = []
        self.counts: dict[str, int] = {}
        self.excluded: set[int] = set()
        self.fronts: list[tuple[str, MentionLike, float, dict[str, Any]]] = []
        self.force_places: dict[str, list[tuple[int, MentionLike]]] = {}
        self.aliases = self._acronyms()
        self.gazetteer = gazetteer
        self.refs = find_target_refs(text, target, doc=doc) if target else []

    # -- helpers -----------------------------------------------------------------
    def _acronyms(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for m in _ACRONYM_DEF.finditer(self.text):
            long = (m.group("long") or m.group("long2")).strip()
            short = m.group("short") or m.group("short2")
            out[long.lower()] = short
            out[" ".join(sorted(long.lower().split()))] = short
        return out

    def _force_name(self, raw: str) -> str:
        key = re.sub(r"^the\s+", "", raw.strip(), flags=re.IGNORECASE)
        key = (
            re.sub(
                r"\s+(?:fighters|forces|troops|units)$", "", key, flags=re.IGNORECASE
            )
            if key.isupper() is False
            else key
        )
        low = key.lower()
        return (
            self.aliases.get(low)
            or self.aliases.get(" ".join(sorted(low.split())))
            or key
        )

    def _reject(self, reason: RejectReason, detail: str, span: tuple[int, int]) -> None:
        self.rejected.append(
            Rejected(reason, detail, span, self.text[span[0] : span[1]])
        )

    def _next_id(self, abbr: str) -> str:
        self.counts[abbr] = self.counts.get(abbr, 0) + 1
        return f"{self.doc_id}:{abbr}{self.counts[abbr]}"

    def _grade(self, attr: Attribution) -> Grade:
        if attr.speaker is None:
            return self.grades["rumour" if attr.rumour else "article"]
        return self.grades["official" if attr.official else "named"]

    def _provenance(self, s: _Sentence) -> Provenance:
        return Provenance(
            document=self.doc_id,
            quote=s.text,
            span=s.span,
            speaker=s.attr.speaker,
            speaker_role=s.attr.role,
            reporting_chain=s.attr.chain,
            published=self.published,
            url=self.url,
        )

    def _dates(self, s: _Sentence, anchor: int) -> tuple[dt.date, dt.date | None, str]:
        """(date, date_from, note) for an item anchored at ``anchor``."""
        ok = [
            d
            for d in s.dates
            if not any(_overlaps((d.start, d.end), x) for x in s.attr.excluded)
        ]
        if not ok:
            return self.published or self.fallback, None, ""
        best = min(ok, key=lambda d: min(abs(d.start - anchor), abs(d.end - anchor)))
        date, start = best.date, best.date_from
        limit = self.published or self.fallback
        if start > limit:
            return limit, None, f"date {best.text!r} is after publication; ignored"
        date = min(date, limit)
        return date, (start if start < date else None), f"dated from {best.text!r}"

    def _add(self, item: EvidenceItem) -> None:
        self.items.append(item)

    def _build(
        self, cls: Any, s: _Sentence, span: tuple[int, int], **fields: Any
    ) -> EvidenceItem | None:
        try:
            item: EvidenceItem = cls(**fields)
        except GeosleuthError as exc:
            self._reject("invalid", f"{cls.kind} not built: {exc}", span)
            return None
        self._add(item)
        return item

    def _country(self, word: str) -> str:
        try:
            from geosleuth.read.toponyms import DEMONYMS
        except ImportError:  # pragma: no cover - helper module of the same package
            return word
        return DEMONYMS.get(word, word)

    def _borders(
        self, s0: int, st: str, places: list[MentionLike]
    ) -> list[MentionLike]:
        """Replace "the Iraqi border" / "the Iraq-Syrian border" by the border line."""
        for m in _BORDER.finditer(st):
            a = self._country(m.group("a"))
            b = self._country(m.group("b")) if m.group("b") else None
            if b is None:
                others = [
                    _label(x)
                    for x in places
                    if _kind(x) == "country"
                    and not (s0 + m.start() <= x.start < s0 + m.end())
                ]
                b = next((o for o in others if o.lower() != a.lower()), None)
            query = f"{a}-{b} border" if b else f"{a} border"
            place = self._border_place(query, a, b)
            if place is None:
                continue
            span = (s0 + m.start(), s0 + m.end())
            places = [x for x in places if not _overlaps((x.start, x.end), span)]
            places.append(
                _Found(
                    m.group(0),
                    span[0],
                    span[1],
                    place.name,
                    place.lon,
                    place.lat,
                    0.8,
                    place,
                )
            )
        places.sort(key=lambda x: x.start)
        return places

    def _border_place(self, query: str, a: str, b: str | None) -> Any:
        gaz = self.gazetteer
        if gaz is None:
            try:
                from geosleuth.gazetteer import Gazetteer
            except ImportError:  # pragma: no cover
                return None
            gaz = self.gazetteer = Gazetteer.default()
        try:
            cands = gaz.candidates(query, limit=5)
        except GeosleuthError:
            return None
        for place, _ in cands:
            if getattr(place, "kind", None) != "border":
                continue
            names = " ".join([place.name, *place.alternate_names]).lower()
            if a.lower() in names and (b is None or b.lower() in names):
                return place
        return None

    # -- the walk ----------------------------------------------------------------
    def run(self, spans: list[tuple[int, int]]) -> None:
        state = _State()
        registry = SpeakerRegistry()
        quotes = quote_states(self.text, spans)
        usable = self._usable_mentions()
        for i, (span, (q_start, q_end)) in enumerate(zip(spans, quotes, strict=True)):
            s0, e0 = span
            sent = self.doc.char_span(s0, e0, alignment_mode="expand")
            st = self.text[s0:e0]
            attr = attribute(
                sent,
                registry,
                previous=state.previous,
                in_quote=q_start,
                quote_owner=state.quote_owner,
            )
            if (
                attr.speaker is None
                and state.last_claim_attr is not None
                and (state.last_claim_sent == i - 1 and _CONTINUATION.match(st))
            ):
                attr = state.last_claim_attr.carried()
            refs = [r for r in self.refs if s0 <= r.start < e0]
            names = list(attr.excluded)
            places = []
            for j, m in usable:
                if not s0 <= m.start < e0:
                    continue
                if any(_overlaps((m.start, m.end), (r.start, r.end)) for r in refs):
                    self.excluded.add(j)
                    self._reject(
                        "not_a_place",
                        f"{m.text!r} names the target here, not a place",
                        (m.start, m.end),
                    )
                    continue
                if self._in_person_name(m, sent):
                    self.excluded.add(j)
                    self._reject(
                        "not_a_place",
                        f"{m.text!r} is part of a person's name here, not a place",
                        (m.start, m.end),
                    )
                    continue
                if any(_overlaps((m.start, m.end), x) for x in names):
                    if refs:
                        self._reject(
                            "not_target",
                            f"{m.text!r} describes the speaker"
                            f" ({attr.speaker}), not where the target is",
                            (m.start, m.end),
                        )
                    continue
                places.append(m)
            places = self._borders(s0, st, places)
            dates = find_dates(
                st, published=self.published, base=s0, previous=state.last_date
            )
            s = _Sentence(i, span, st, sent, places, refs, dates, attr)
            self._sentence(s, state)
            if dates:
                state.last_date = dates[-1].date_from
            points = [
                m
                for m in places
                if _is_point(m) and getattr(m, "role", "place") == "place"
            ]
            if points:
                state.last_town, state.last_town_sent = points[-1], i
                state.last_places, state.last_places_sent = tuple(points), i
            if attr.speaker is not None:
                state.previous = attr
            if q_end and not q_start:
                state.quote_owner = attr if attr.speaker else None
            elif not q_end:
                state.quote_owner = None
        self._finish_fronts()

    def _usable_mentions(self) -> list[tuple[int, MentionLike]]:
        out = []
        for j, m in enumerate(self.mentions):
            role = getattr(m, "role", "place")
            if role == "person":
                self.excluded.add(j)
                self._reject(
                    "not_a_place",
                    f"{m.text!r} names a person here, not a place",
                    (m.start, m.end),
                )
                continue
            out.append((j, m))
        return out

    def _in_person_name(self, m: MentionLike, sent: Any) -> bool:
        if sent is None:
            return False
        for ent in sent.ents:
            if (
                ent.label_ == "PERSON"
                and ent.start_char <= m.start
                and (m.end <= ent.end_char)
                and (ent.end_char - ent.start_char) > (m.end - m.start)
            ):
                return True
        return False

    def _sentence(self, s: _Sentence, state: _State) -> None:
        st = s.text.rstrip("\"'”’ ")
        about = bool(s.refs) or bool(s.places)
        if st.endswith("?"):
            if about:
                self._reject("question", "a question, not a statement", s.span)
            return
        if (
            s.sent is not None
            and not st.endswith((".", "!", "…"))
            and not any(t.pos_ in ("VERB", "AUX") for t in s.sent)
        ):
            if about:
                self._reject("heading", "a heading (no verb), not a statement", s.span)
            return
        self._fronts(s, state)
        forces = self._forces_in(s)
        for force in forces:
            for m in s.places:
                if _is_point(m) and _resolved(m):
                    self.force_places.setdefault(force, []).append((s.index, m))
        self._life(s)
        if self._sightings(s):
            return
        self._claims(s, state)

    # -- fronts ------------------------------------------------------------------
    def _forces_in(self, s: _Sentence) -> set[str]:
        found: set[str] = set()
        for m in _FORCE.finditer(s.text):
            if m.group("acr") and m.group("acr") not in _NOT_FORCES:
                if m.group("acr") in self.aliases.values():
                    found.add(m.group("acr"))
            elif m.group("adj"):
                found.add(self._force_name(m.group(0)))
        low = s.text.lower()
        for long, short in self.aliases.items():
            if long in low:
                found.add(short)
        return found

    def _fronts(self, s: _Sentence, state: _State) -> None:
        for m in _DISTANCE.finditer(s.text):
            a = float(m.group("a"))
            b = float(m.group("b")) if m.group("b") else a
            km = (a + b) / 2.0
            if m.group("unit").lower().startswith("mile"):
                km *= 1.609344
            after = s.span[0] + m.end()
            place = next(
                (
                    p
                    for p in s.places
                    if 0 <= p.start - after <= 40 and _is_point(p) and _resolved(p)
                ),
                None,
            )
            how = ""
            context = _HERE.match(self.text, after) or re.match(
                r"(?:the\s+)?(?:town|village|city)", self.text[after : after + 20]
            )
            if (
                place is None
                and context
                and state.last_town is not None
                and s.index - state.last_town_sent <= 4
            ):
                place = state.last_town
                how = f"place from context: {self.text[after : after + 16]!r}"
                how += f" → {_label(place)}"
            force = self._force_before(s, m.start())
            fspan = (s.span[0] + m.start(), s.span[0] + m.end())
            if place is None:
                self._reject(
                    "no_place",
                    f"distance of {km:g} km from a place that is not resolved",
                    fspan,
                )
                continue
            if force is None:
                self._reject(
                    "no_place",
                    f"distance of {km:g} km from {_label(place)} without a force named",
                    fspan,
                )
                continue
            self.fronts.append(
                (
                    force,
                    place,
                    km,
                    {"s": s, "how": how, "span": fspan, "anchor": fspan[0]},
                )
            )

    def _force_before(self, s: _Sentence, pos: int) -> str | None:
        best: str | None = None
        for m in _FORCE.finditer(s.text[:pos]):
            if m.group("our"):
                best = s.attr.org or (
                    self._force_name(s.attr.speaker)
                    if s.attr.speaker and s.attr.official
                    else None
                )
            elif m.group("acr"):
                if m.group("acr") not in _NOT_FORCES:
                    best = self._force_name(m.group("acr"))
            else:
                best = self._force_name(m.group(0))
        return best

    def _finish_fronts(self) -> None:
        for force, place, km, info in self.fronts:
            s: _Sentence = info["s"]
            front_places = {id(p) for f, p, _, _ in self.fronts if f == force}
            rear = [
                m
                for _, m in self.force_places.get(force, [])
                if id(m) not in front_places and _label(m) != _label(place)
            ]
            if not rear:
                self._reject(
                    "bearing",
                    f"{force} is {km:g} km from {_label(place)}, "
                    "but no other place tied to the force tells from which "
                    "side it comes; not turned into a front",
                    info["span"],
                )
                continue
            lon = sum(m.lon for m in rear) / len(rear)
            lat = sum(m.lat for m in rear) / len(rear)
            bearing = _bearing_deg(place.lon, place.lat, lon, lat)
            names = ", ".join(dict.fromkeys(_label(m) for m in rear))
            date, date_from, dnote = self._dates(s, info["anchor"])
            note = (
                f"bearing {bearing:.0f}° inferred: towards the places named with "
                f"{force} ({names})"
            )
            note = "; ".join(x for x in (note, info["how"], dnote) if x)
            geom = _geometry(place)
            self._build(
                Front, s, info["span"], id=self._next_id("f"),
                provenance=self._provenance(s), date=date, date_from=date_from,
                grade=self._grade(s.attr), hedge=hedge_of(self._hedge_text(s))[0],
                note=note, force=force,
                place=geom if isinstance(geom, Point) else Point(place.lon, place.lat),
                distance_km=km, bearing_deg=round(bearing, 1),
                place_name=_label(place),
            )  # fmt: skip
        self.items.sort(key=lambda it: (it.provenance.span or (0, 0))[0])

    # -- life status -------------------------------------------------------------
    def _hedge_text(self, s: _Sentence) -> str:
        out = list(s.text)
        for a, b in s.attr.excluded:
            for k in range(max(a, s.span[0]), min(b, s.span[1])):
                out[k - s.span[0]] = " "
        return "".join(out)

    def _life(self, s: _Sentence) -> None:
        person = [r for r in s.refs if r.kind in ("name", "nisba", "title")]
        if not person:
            return
        text = self._hedge_text(s)
        alive = _ALIVE.search(text)
        day = [d for d in s.dates if d.kind == "day"]
        if alive and day:
            d = min(day, key=lambda d: abs(d.start - (s.span[0] + alive.start())))
            limit = self.published or self.fallback
            if d.date > limit:
                self._reject("invalid", "recording dated after publication", s.span)
                return
            hedge, cue = hedge_of(text)
            note = f"proof of life: {alive.group(0)!r} dated {d.text!r}"
            if cue:
                note += f"; hedge from {cue!r}"
            self._build(
                LifeStatus, s, s.span, id=self._next_id("l"),
                provenance=self._provenance(s), date=d.date, date_from=None,
                grade=self.grades["proof_of_life"], hedge=hedge, status="alive",
                note=note,
            )  # fmt: skip
            return
        dead = _DEAD.search(text)
        if dead is None:
            return
        if _CONDITIONAL_LIFE.search(text):
            self._reject(
                "conditional",
                "a condition on the target being alive or dead, not a claim about it",
                s.span,
            )
            return
        denied = _DEATH_DENIED.search(text) or is_negated(text)
        if denied:
            got = denied if isinstance(denied, str) else denied.group(0)
            self._reject(
                "negated",
                f"death mentioned but denied or doubted "
                f"({got!r}): not a death claim, and no proof of life",
                s.span,
            )
            return
        hedge, cue = hedge_of(text)
        if re.search(r"\bor (?:wounded|injured)\b", text):
            hedge = weakest(hedge, "possible")
            cue = cue or "or wounded"
        date, date_from, dnote = self._dates(s, s.span[0] + dead.start())
        note = "; ".join(
            x for x in ("death claim", f"hedge from {cue!r}" if cue else "", dnote) if x
        )
        self._build(
            LifeStatus, s, s.span, id=self._next_id("l"),
            provenance=self._provenance(s), date=date, date_from=date_from,
            grade=self._grade(s.attr), hedge=hedge, status="dead", note=note,
        )  # fmt: skip

    # -- sightings ---------------------------------------------------------------
    def _sightings(self, s: _Sentence) -> bool:
        seen = _SEEN.search(s.text)
        if seen is None:
            return False
        seen_at = s.span[0] + seen.start()
        places = [
            m
            for m in s.places
            if m.start > seen_at
            and _resolved(m)
            and _kind(m) not in ("country", "continent")
        ]
        subject = self._seen_subject(s, seen_at)
        if subject is None:
            return False
        who, subj_kind, desc = subject
        if not places:
            seen_one = who or (
                "associates of the target" if subj_kind == "associate" else "the target"
            )
            self._reject(
                "no_place", f"{seen_one} seen, but at no resolved place", s.span
            )
            return True
        hedge, cue = hedge_of(self._hedge_text(s)[seen.start() :])
        group = f"{subj_kind}:{who}" if who else None
        for m in places:
            near = _NEAR.search(self.text[max(s.span[0], m.start - 30) : m.start])
            sigma = 10.0 if near or _kind(m) == "city" else 5.0
            date, date_from, dnote = self._dates(s, m.start)
            note = "; ".join(
                x
                for x in (
                    f"associate of the target ({desc})"
                    if subj_kind == "associate"
                    else "",
                    f"closeness {ASSOCIATE_CLOSENESS} (default for an associate)"
                    if subj_kind == "associate"
                    else "",
                    f"hedge from {cue!r}" if cue else "",
                    dnote,
                )
                if x
            )
            geom = _geometry(m)
            self._build(
                Sighting, s, s.span, id=self._next_id("s"),
                provenance=self._provenance(s), date=date, date_from=date_from,
                grade=self._grade(s.attr), hedge=hedge, note=note,
                place=geom, place_name=_label(m), sigma_km=sigma, subject=subj_kind,
                who=who, group=group,
                closeness=ASSOCIATE_CLOSENESS if subj_kind == "associate" else 1.0,
            )  # fmt: skip
        return True

    def _seen_subject(
        self, s: _Sentence, seen_at: int
    ) -> tuple[str | None, Literal["target", "associate"], str] | None:
        before = [r for r in s.refs if r.start < seen_at]
        persons = [
            e
            for e in (s.sent.ents if s.sent is not None else [])
            if e.label_ == "PERSON"
            and e.start_char < seen_at
            and not any(
                _overlaps((e.start_char, e.end_char), (r.start, r.end)) for r in s.refs
            )
        ]
        if (
            persons
            and before
            and _ASSOCIATE.search(self.text[persons[0].end_char : seen_at])
        ):
            desc = self.text[persons[0].end_char : seen_at].strip(" ,")
            desc = re.sub(r",?\s*(?:has|have|had|was|were|is|been|\s)+$", "", desc)
            return persons[0].text, "associate", desc
        head = self.text[s.span[0] : before[0].start] if before else ""
        if before and not persons and _ASSOCIATE.search(head):
            return None, "associate", head.strip(" ,")
        if (
            before
            and before[0].kind in ("name", "nisba", "title")
            and (
                not persons
                or persons[0].start_char > before[0].start
                or not head.strip()
            )
        ):
            return None, "target", ""
        return None

    # -- claims ------------------------------------------------------------------
    def _claims(self, s: _Sentence, state: _State) -> None:
        continuing = (
            s.attr.inherited
            and state.last_claim_sent == s.index - 1
            and (_CONTINUATION.match(s.text) is not None)
        )
        if not s.refs and not continuing:
            return
        text = self._hedge_text(s)
        cue = _LOCATION_CUE.search(text)
        if cue is None and not continuing:
            return
        leaders = bool(s.refs) and all(r.kind == "leaders" for r in s.refs)
        places = [
            m
            for m in s.places
            if _resolved(m) and getattr(m, "role", "place") not in _NOT_PLACE_ROLES
        ]
        for m in s.places:
            role = getattr(m, "role", "place")
            if role in _NOT_PLACE_ROLES:
                self._reject(
                    "not_target",
                    f"{m.text!r} is used as a {role} here, not as where the target is",
                    (m.start, m.end),
                )
            elif not _resolved(m):
                self._reject(
                    "unresolved",
                    f"{m.text!r} could not be resolved to a place",
                    (m.start, m.end),
                )
        how = ""
        if not places:
            anchor_text = text
            here = _HERE.search(anchor_text)
            region = _REGION_WORD.search(anchor_text)
            if region and state.last_places and s.index - state.last_places_sent <= 2:
                places = list(state.last_places)
                how = (
                    f"{region.group(0)!r} → the places of an earlier sentence ("
                    + ", ".join(_label(m) for m in places)
                    + ")"
                )
            elif here and state.last_town and s.index - state.last_town_sent <= 4:
                places = [state.last_town]
                how = f"{here.group(0)!r} → {_label(state.last_town)} (from context)"
        if not places:
            self._reject(
                "no_place",
                "a statement on where the target is, with no "
                "place that could be resolved",
                s.span,
            )
            return
        hedge, hcue = hedge_of(text)
        if leaders:
            hedge = lower(hedge)
        negated = self._negation(s, cue.start() if cue else 0)
        polarity: Literal["is", "is_not"] = "is_not" if negated else "is"
        notes = [
            x
            for x in (
                "about the group's leaders, of whom the target is one: one level less "
                "sure"
                if leaders
                else "",
                f"hedge from {hcue!r}" if hcue else "",
                f"negated by {negated!r}" if negated else "",
                how,
                "continues the claim of the previous sentence" if continuing else "",
            )
            if x
        ]
        for geom, name, buffer_km, anchor, extra in self._claim_regions(places, s, how):
            date, date_from, dnote = self._dates(s, anchor)
            self._build(
                Claim, s, s.span, id=self._next_id("c"),
                provenance=self._provenance(s), date=date, date_from=date_from,
                grade=self._grade(s.attr), hedge=hedge,
                note="; ".join([*notes, *([extra] if extra else []),
                                *([dnote] if dnote else [])]),
                place=geom, place_name=name, buffer_km=buffer_km, polarity=polarity,
            )  # fmt: skip
        state.last_claim_sent = s.index
        state.last_claim_attr = s.attr

    def _negation(self, s: _Sentence, at: int) -> str | None:
        """A negation of the clause whose location word is at ``at`` (in sentence)."""
        lexical = re.search(
            r"\bno longer\b|\bnot\b|n't\b|\bnever\b",
            s.text[max(0, at - 20) : at + 12],
            re.IGNORECASE,
        )
        if s.sent is None:
            return lexical.group(0) if lexical else None
        tok = self.doc.char_span(
            s.span[0] + at, s.span[0] + at + 1, alignment_mode="expand"
        )
        if tok is None or len(tok) == 0:
            return lexical.group(0) if lexical else None
        verb = tok[0] if tok[0].pos_ in ("VERB", "AUX") else tok[0].head
        for v in (verb, verb.head):
            for child in v.children:
                if child.dep_ == "neg":
                    return str(child.text)
        if verb.pos_ in ("VERB", "AUX"):
            return None
        return lexical.group(0) if lexical else None

    def _claim_regions(
        self, places: list[MentionLike], s: _Sentence, how: str
    ) -> list[tuple[Geometry, str, float, int, str]]:
        if how and len(places) > 1:
            lon = sum(m.lon for m in places) / len(places)
            lat = sum(m.lat for m in places) / len(places)
            reach = max(float(haversine_km(lon, lat, m.lon, m.lat)) for m in places)
            names = ", ".join(dict.fromkeys(_label(m) for m in places))
            return [
                (
                    Point(lon, lat),
                    f"around {names}",
                    round(reach + TOWN_BUFFER_KM, 1),
                    s.span[0],
                    "the centroid of the places, buffered to cover them",
                )
            ]
        points = [m for m in places if _is_point(m)]
        countries = [m for m in places if _kind(m) in ("country", "continent")]
        regions = [m for m in places if not _is_point(m) and m not in countries]
        out: list[tuple[Geometry, str, float, int, str]] = []
        for m in points:
            near = _NEAR.search(self.text[max(s.span[0], m.start - 30) : m.start])
            buf = TOWN_BUFFER_KM * (2 if near else 1)
            out.append((_geometry(m), _label(m), buf, m.start, ""))
        if points:
            for m in countries:
                self._reject(
                    "not_target",
                    f"{m.text!r} only qualifies a more precise "
                    "place in the same sentence",
                    (m.start, m.end),
                )
            countries = []
        shapes = [*countries, *regions]
        if len(shapes) >= 2:
            parts = [
                (
                    _geometry(m),
                    0.0
                    if isinstance(_geometry(m), Area)
                    and _kind(m) in ("country", "region", "admin")
                    else REGION_BUFFER_KM,
                )
                for m in shapes
            ]
            area = _intersect(parts)
            if area is not None:
                names = " ∩ ".join(_label(m) for m in shapes)
                out.append(
                    (
                        area,
                        names,
                        0.0,
                        shapes[0].start,
                        "intersection of the regions named together (lines "
                        f"buffered {REGION_BUFFER_KM:g} km)",
                    )
                )
                return out
        for m in shapes:
            geom = _geometry(m)
            buf = 0.0 if isinstance(geom, Area) else REGION_BUFFER_KM
            out.append((geom, _label(m), buf, m.start, ""))
        return out


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
        ``rumour``, ``proof_of_life``); missing keys keep their default.
    url : str or None, default None
        Where the document is, for provenance.
    gazetteer : Gazetteer or None, default None
        For border phrases ("the Iraqi border"); by default
        :meth:`geosleuth.gazetteer.Gazetteer.default`.

    Returns
    -------
    Extraction
    """
    ex = _Extractor(
        text, doc, mentions, doc_id=doc_id, published=published,
        fallback_date=fallback_date or published or dt.date.today(),
        target=target, grades=grades or {}, url=url, gazetteer=gazetteer,
    )  # fmt: skip
    spans = sentence_spans(doc)
    ex.run(spans)
    return Extraction(
        items=tuple(ex.items),
        rejected=tuple(sorted(ex.rejected, key=lambda r: r.span[0])),
        sentences=tuple(spans),
        target=target,
        target_refs=tuple(ex.refs),
        excluded_mentions=tuple(sorted(ex.excluded)),
    )
