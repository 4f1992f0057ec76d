"""Where a claim puts the target: towns buffered, regions intersected, borders found.

A town named as where the target is becomes a point buffered by
:data:`TOWN_BUFFER_KM` (doubled after "near", "around", "outskirts", ...). Several
regions named in one clause ("Syria near the Iraqi border", "on the Iraq-Syrian
border, along the Euphrates") are *intersected*, lines buffered by
:data:`REGION_BUFFER_KM`; a country named with a town ("the Syrian town of Hajin")
only qualifies the town. "The Iraqi border", "the Iraq-Syrian border" and "the
border with Syria" are looked up in the gazetteer as border lines; where it holds
none, the country beyond a border that someone is near ("Labbezanga, near the border
with Niger") is no place of theirs. "The region" or "the area" of an earlier
sentence is the centroid of its places, with a buffer that covers them.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from geosleuth.errors import GeosleuthError
from geosleuth.geometry import Area, Geometry, Line, Point, haversine_km
from geosleuth.read._distances import (
    BEYOND,
    WITHIN,
    distance_before,
    distance_region,
    far_polarity,
    in_km,
)
from geosleuth.read._sentence import (
    CONTRAST,
    NEAR,
    MentionLike,
    Sentence,
    geometry_of,
    is_point,
    kind_of,
    label,
    overlaps,
    spread_of,
)
from geosleuth.read.toponyms import Mention

if TYPE_CHECKING:
    from geosleuth.read.claims import _Extractor

__all__ = [
    "REGION_BUFFER_KM",
    "TOWN_BUFFER_KM",
    "border_place",
    "claim_regions",
    "country_of",
    "OFFSET_SPREAD",
    "intersect_regions",
    "offset_of",
    "qualifies_town",
    "with_borders",
]

#: Buffer (km) around a river or border named as where the target is.
REGION_BUFFER_KM = 25.0
#: Buffer (km) around a town named as where the target is; "near" doubles it.
TOWN_BUFFER_KM = 10.0

_BORDER = re.compile(
    r"\b(?P<a>[A-Z][a-z]+)(?:\s*[-–/]\s*(?P<b>[A-Z][a-z]+))?\s+border\b"
)


def intersect_regions(regions: Sequence[tuple[Geometry, float]]) -> Area | None:
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


def country_of(word: str) -> str:
    """The country a demonym names ("Iraqi" → "Iraq"); other words unchanged."""
    try:
        from geosleuth.read.toponyms import DEMONYMS
    except ImportError:  # pragma: no cover - helper module of the same package
        return word
    return DEMONYMS.get(word, word)


#: "near the border with Niger", "along its border with Syria": the country
#: beyond a border named as where someone is (group "a"); what comes before
#: the border is a place preposition ("on", "near", "along", "close to").
_BORDER_WITH = re.compile(
    r"\b(?:near|along|on|at|by|close\s+to|towards?)\s+(?:the|its|their|his|her)\s+"
    r"(?:[a-z]+\s+)?(?P<line>border\s+with\s+(?:the\s+)?"
    r"(?P<a>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*))"
)
#: A place preposition and "the" before "the Niger border": near it, not in it.
_NEAR_THE = re.compile(
    r"\b(?:near|along|on|at|by|close\s+to|towards?)\s+the\s+(?:[a-z]+\s+)?$"
)


def with_borders(
    ex: _Extractor, s0: int, st: str, places: list[MentionLike]
) -> list[MentionLike]:
    """Replace "the Iraqi border" / "the Iraq-Syrian border" by the border line.

    "the border with Syria" is that border too, with the other country of the
    sentence on its other side. Where the gazetteer holds no line of the border,
    a country (or any place) named as the far side of a border that someone is
    near ("Labbezanga, near the border with Niger", "near the Niger border") is
    not where they are: it is left out, with a reason where the sentence is
    about the target.
    """
    found = [
        (m, country_of(m.group("a")), m.group("b")) for m in _BORDER.finditer(st)
    ] + [(m, m.group("a"), None) for m in _BORDER_WITH.finditer(st)]
    for m, a, b_word in found:
        with_ = m.re is _BORDER_WITH
        lo, hi = m.span("line") if with_ else m.span()
        span = (s0 + lo, s0 + hi)
        b = country_of(b_word) if b_word else None
        if b is None:
            others = [
                label(x)
                for x in places
                if kind_of(x) == "country" and not (span[0] <= x.start < span[1])
            ]
            b = next((o for o in others if o.lower() != a.lower()), None)
        query = f"{a}-{b} border" if b else f"{a} border"
        place = border_place(ex, query, a, b)
        if place is None:
            if b_word is None and (with_ or _NEAR_THE.search(st[: m.start()])):
                places = _beyond_border(ex, s0, st, places, m)
            continue
        places = [x for x in places if not overlaps((x.start, x.end), span)]
        places.append(
            Mention(
                ex.text[span[0] : span[1]],
                span[0],
                span[1],
                place.name,
                place.lon,
                place.lat,
                place.geonames_id,
                0.8,
                place,
            )
        )
    places.sort(key=lambda x: x.start)
    return places


def _beyond_border(
    ex: _Extractor, s0: int, st: str, places: list[MentionLike], m: re.Match[str]
) -> list[MentionLike]:
    """``places`` without the place beyond a border of no known line, noted."""
    side = (s0 + m.start("a"), s0 + m.end("a"))
    beyond = [
        x
        for x in places
        if overlaps((x.start, x.end), side) and getattr(x, "role", "place") == "place"
    ]
    about = any(s0 <= r.start < s0 + len(st) for r in ex.refs)
    for x in beyond if about else ():
        ex.reject(
            "not_target",
            f"{x.text!r} lies beyond a border named as where someone is "
            f"({m.group(0).strip()!r}), not where the target is (the gazetteer "
            "has no line of that border)",
            (x.start, x.end),
        )
    return [x for x in places if x not in beyond]


def border_place(ex: _Extractor, query: str, a: str, b: str | None) -> Any:
    """The border line of the gazetteer that ``query`` names, or None."""
    gaz = ex.gazetteer
    if gaz is None:
        try:
            from geosleuth.gazetteer import Gazetteer
        except ImportError:  # pragma: no cover
            return None
        gaz = ex.gazetteer = Gazetteer.default()
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


#: "or" between two regions: one of them, not where they meet.
_OR = re.compile(r"\bor\b", re.IGNORECASE)
#: All that lies between two places of "in Denver or Boulder", "in Denver, or in
#: Boulder", "either in Denver or at Boulder".
_OR_BETWEEN = re.compile(r"\s*,?\s*or\s+(?:(?:in|at|near|to)\s+)?$", re.IGNORECASE)


#: Just before the first of the places something moves between: "moving
#: between Culiacán and Mazatlán", "between the towns of".
_BETWEEN = re.compile(
    r"\bbetween\s+(?:the\s+(?:towns?|cit(?:y|ies)|villages?|states?|provinces?|"
    r"regions?)\s+of\s+)?$",
    re.IGNORECASE,
)
#: What stands between two of the places of a "between": "Culiacán *and*
#: Mazatlán", "Culiacán*,* Mazatlán and Durango".
_AND_BETWEEN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)$", re.IGNORECASE)


def _between(text: str, places: Sequence[MentionLike], floor: int) -> bool:
    """Whether ``places`` are those of a "between" ("between Culiacán and Mazatlán").

    The first is just after "between"; each next one just after "and" or a comma.
    """
    return (
        len(places) >= 2
        and _BETWEEN.search(text[max(floor, places[0].start - 40) : places[0].start])
        is not None
        and all(
            _AND_BETWEEN.fullmatch(text[a.end : b.start]) is not None
            for a, b in itertools.pairwise(places)
        )
    )


def _points_around(lon: float, lat: float, km: float, bearings: Any) -> Any:
    """The points ``km`` from (lon, lat) at ``bearings`` (radians), (n, 2) lon/lat.

    On a local flat map (111.32 km a degree of latitude), which is close enough
    for the tens of km of a town's disc or side; latitudes are kept on the globe.
    """
    import numpy as np

    b = np.asarray(bearings, dtype=np.float64)
    dlat = km * np.cos(b) / 111.32
    dlon = km * np.sin(b) / (111.32 * max(math.cos(math.radians(lat)), 1e-6))
    return np.column_stack([lon + dlon, np.clip(lat + dlat, -90.0, 90.0)])


def _disc_ring(lon: float, lat: float, km: float, n: int = 48) -> Any:
    """A ring of ``n`` points ``km`` around (lon, lat), as a lon/lat array."""
    import numpy as np

    ring = _points_around(lon, lat, km, np.linspace(0.0, 2.0 * math.pi, n, False))
    ring[:, 0] = (ring[:, 0] + 180.0) % 360.0 - 180.0
    return ring


#: A side of a place, just before it: "west of", "north-east of", "south of the
#: town of".
_DIRECTION = re.compile(
    # not "in the west of Mosul", its western part
    r"(?<!the\s)\b(north|south|east|west|north-?east|north-?west|south-?east|"
    r"south-?west)"
    r"(?:ern)?\s+of\s+(?:the\s+(?:town|city|village)\s+of\s+)?$",
    re.IGNORECASE,
)
_BEARINGS = {
    "north": 0.0, "northeast": 45.0, "east": 90.0, "southeast": 135.0,
    "south": 180.0, "southwest": 225.0, "west": 270.0, "northwest": 315.0,
}  # fmt: skip
#: The wedge "west of X" stands for: half its opening (degrees) and its reach (km).
_SIDE_HALF_ANGLE = 45.0
_SIDE_KM = 5 * TOWN_BUFFER_KM


#: A distance and a side just before a place: "300 nautical miles west of",
#: "30 km north of", "about 20 miles south-east of the town of".
_OFFSET = re.compile(
    r"\b(?P<num>\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?)[\s-]*"
    r"(?P<unit>nautical\s+miles?|nm|km|kilometres?|kilometers?|miles?|mi)\s+"
    r"(?:to\s+the\s+)?(?P<side>north|south|east|west|north-?east|north-?west|"
    r"south-?east|south-?west)(?:ern)?\s+of\s+"
    r"(?:the\s+(?:town|city|village|island|coast)\s+of\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
#: The spread of a place given by a distance and a side, as a share of the
#: distance: reported distances are rounded and a side is 45° wide either way.
OFFSET_SPREAD = 0.3


def offset_of(
    text: str, lon: float, lat: float, start: int, floor: int
) -> tuple[float, float, float, str] | None:
    """The point a distance and a side before a place name stand for, if any.

    "last seen 300 nautical miles west of the Azores" is not at the Azores: the
    point 556 km west of them. ``start`` is where the name begins in ``text``,
    ``floor`` where its sentence does. Returns ``(lon, lat, km, words)``: the
    point (on the sphere, along the side's bearing), the distance in km and the
    words ("300 nautical miles west of"); None without such words.
    """
    m = _OFFSET.search(text[max(floor, start - 60) : start])
    if m is None:
        return None
    km = in_km(m.group("num"), m.group("unit"))
    if not 0.0 < km <= 5000.0:
        return None
    side = m.group("side").lower().replace("-", "")
    b, d = math.radians(_BEARINGS[side]), km / 6371.0088
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(
        math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b)
    )
    l2 = l1 + math.atan2(
        math.sin(b) * math.sin(d) * math.cos(p1),
        math.cos(d) - math.sin(p1) * math.sin(p2),
    )
    out_lon = (math.degrees(l2) + 180.0) % 360.0 - 180.0
    words = re.sub(r"\s+the$", "", m.group(0).strip())
    return out_lon, math.degrees(p2), km, words


def _side_of(lon: float, lat: float, bearing_deg: float) -> Area:
    """The wedge on one side of a place: apex at it, 90° wide, ``_SIDE_KM`` long.

    "West of Kisumu" says the side, not how far: the wedge reaches five town
    buffers out (50 km), and the claim's soft edge widens it further.
    """
    bearings = [
        math.radians(bearing_deg - _SIDE_HALF_ANGLE + k * _SIDE_HALF_ANGLE / 6)
        for k in range(13)
    ]
    arc = _points_around(lon, lat, _SIDE_KM, bearings).tolist()
    return Area.of([[lon, lat], *arc, [lon, lat]])


def _holds_a_point(country: MentionLike, points: list[MentionLike]) -> bool:
    """Whether a town of ``points`` lies in ``country`` (by its country code).

    Where a code is unknown, the country is taken to hold the town, as before.
    """
    own = getattr(getattr(country, "place", None), "country", None)
    if not own:
        return True
    codes = [getattr(getattr(p, "place", None), "country", None) for p in points]
    return any(code is None or code == own for code in codes)


#: What stands between a town and the division or country that holds it: a
#: comma ("Leadville, Colo."), or a comma and "in", with a side or "neighbouring"
#: ("Tamazula, in neighbouring Durango state", "Tamazula, in northern Durango"),
#: or a part of its land or a side "of" it ("Tamazula, in the mountains of
#: Durango state", "Tamazula, in the north of Durango": review r63, M4).
_COMMA_ONLY = re.compile(
    r"\s*,\s*(?:in\s+(?:the\s+)?(?:(?:neighbou?ring|nearby|(?:north|south)?"
    r"(?:-?(?:east|west))?(?:ern)?|north|south|central)\s+)?"
    r"|in\s+the\s+(?:mountains|hills|highlands|uplands|foothills|sierras?|"
    r"jungles?|forests?|deserts?|countryside|interior|heart|cent(?:re|er)|"
    r"(?:far\s+)?(?:north|south)(?:-?(?:east|west))?|(?:far\s+)?(?:east|west))"
    r"\s+of\s+(?:the\s+)?(?:neighbou?ring\s+)?)?",
    re.IGNORECASE,
)


#: A distance and a side set off by a comma after a place, up to the place it
#: is measured from: "Burneside*, about 3 km north of *Kendal".
_LOCATOR_GAP = re.compile(
    r"\s*,\s*(?:(?:just|about|some|roughly|around|approximately|nearly|almost)"
    r"\s+)?(?:\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?)[\s-]*"
    r"(?:nautical\s+miles?|nm|km|kilometres?|kilometers?|miles?|mi)\s+"
    r"(?:to\s+the\s+)?(?:north|south|east|west|north-?east|north-?west|"
    r"south-?east|south-?west)(?:ern)?\s+of\s+"
    r"(?:the\s+(?:town|city|village)\s+of\s+)?",
    re.IGNORECASE,
)


#: How far a town may lie from the centre of the county named after it.
_COUNTY_KM = 100.0


def qualifies_town(text: str, m: MentionLike, places: list[MentionLike]) -> bool:
    """Whether the division or country ``m`` only names where the town before it is.

    "Leadville, Colo.", "North Port, Fla.", "Paris, France": a town, a comma, and
    the state or country that holds it (by the places' country and first-level
    division codes). Such a qualifier says where the town is, not where the target
    is: denying the town ("was not in Leadville, Colo.") does not deny the state,
    and a sighting in the town is not a second sighting in the state.

    So does a town measured from after a comma, a distance and a side
    (:func:`_locates_by_distance`): in "found in a barn near Burneside, about 3
    km north of Kendal" the words after the comma say where Burneside is, one
    place phrase and one place, not a second one 3 km north of Kendal.

    Examples
    --------
    >>> text = "found near Burneside, about 3 km north of Kendal"
    >>> town = Mention("Burneside", 11, 20, "Burneside", -2.76, 54.35, None, 1.0, None)
    >>> base = Mention("Kendal", 42, 48, "Kendal", -2.75, 54.33, None, 1.0, None)
    >>> qualifies_town(text, base, [town, base])
    True
    >>> qualifies_town(text, town, [town, base])  # the place it locates stays
    False
    """
    if _locates_by_distance(text, m, places):
        return True
    own = getattr(m, "place", None)
    kind = kind_of(m)
    if own is None or kind not in ("admin", "country", "county") or not own.country:
        return False
    for p in places:
        town = getattr(p, "place", None)
        if (
            town is not None
            and is_point(p)
            and p.end <= m.start
            and _COMMA_ONLY.fullmatch(text, p.end, m.start)
            and town.country == own.country
            and (kind == "country" or (own.admin1 and town.admin1 == own.admin1))
            # "Pilton, Somerset": a county (no code of its own here) by its
            # centre, near the town (review 17: two last known points)
            and (
                kind != "county"
                or float(haversine_km(own.lon, own.lat, town.lon, town.lat))
                <= _COUNTY_KM
            )
        ):
            return True
    return False


def _locates_by_distance(text: str, m: MentionLike, places: list[MentionLike]) -> bool:
    """Whether the point ``m`` only measures where a place before it is.

    A point of ``places`` (resolved), a comma, a distance and a side, then ``m``:
    "Burneside, about 3 km north of Kendal", "the Tyssevassbu cabin, about 8 km
    east of Tyssedal" (where the cabin resolves). The place named is the more
    precise reading (its own coordinates, where the distance is rounded and the
    side is one of eight); where it does not resolve, it is not among
    ``places`` and the distance from ``m`` is read instead.
    """
    if not is_point(m):
        return False
    return any(
        p is not m
        and is_point(p)
        and p.end <= m.start
        and _LOCATOR_GAP.fullmatch(text, p.end, m.start) is not None
        for p in places
    )


def _buffer_of(geom: Geometry) -> float:
    """The buffer of a region a claim names: none for an area, else a line's."""
    return 0.0 if isinstance(geom, Area) else REGION_BUFFER_KM


def claim_regions(
    ex: _Extractor,
    places: list[MentionLike],
    s: Sentence,
    how: str,
    *,
    far: bool = False,
) -> list[tuple[Geometry, str, float, int, str]]:
    """(geometry, name, buffer_km, anchor, note) of each region a claim names.

    A distance from a place said of the target ("within 30 km of", "30 km from")
    is the disc or the ring it draws (:mod:`geosleuth.read._distances`); one
    that the target is farther than ("more than 30 km from") only where the
    caller turns the claim's polarity by its note (``far``,
    :func:`~geosleuth.read._distances.far_polarity`), else it is read as before.
    """
    if how and len(places) > 1:
        # "the region" of several places: the band through them (in the order
        # named), not a disc around their centroid, which would cover far more
        # ground than the places do and would read as a place of its own.
        names = ", ".join(dict.fromkeys(label(m) for m in places))
        return [
            (
                Line.of([[m.lon, m.lat] for m in places]),
                f"the region of {names}",
                float(TOWN_BUFFER_KM),
                s.span[0],
                "the band through the places, buffered",
            )
        ]
    points = [m for m in places if is_point(m)]
    countries = [m for m in places if kind_of(m) in ("country", "continent")]
    regions = [m for m in places if not is_point(m) and m not in countries]
    out: list[tuple[Geometry, str, float, int, str]] = []
    if len(points) == len(places) and _between(ex.text, points, s.span[0]):
        # "is moving between Culiacán and Mazatlán": the band through them (in
        # the order named), not each town as where the target is
        names = " and ".join(dict.fromkeys(label(m) for m in points))
        return [
            (
                Line.of([[m.lon, m.lat] for m in points]),
                f"between {names}",
                float(TOWN_BUFFER_KM),
                points[0].start,
                "between the places named: the band through them, buffered",
            )
        ]
    if len(points) >= 2 and all(
        _OR_BETWEEN.match(ex.text[a.end : b.start])
        for a, b in itertools.pairwise(points)
    ):
        # "hiding in Denver or Boulder": in one of them, the union of their
        # discs; two claims would each deny the other town
        near = NEAR.search(
            ex.text[max(s.span[0], points[0].start - 30) : points[0].start]
        )
        km = TOWN_BUFFER_KM * (2 if near else 1)
        bound = distance_before(ex, s, points[0])
        if bound is not None and bound.kind == WITHIN:
            km = bound.far_km  # "within 30 km of Denver or Boulder"
        out.append(
            (
                Area(tuple((_disc_ring(m.lon, m.lat, km),) for m in points)),
                " or ".join(label(m) for m in points),
                0.0,
                points[0].start,
                f"one of the places named ('or'): the union of discs of {km:g} km",
            )
        )
        points = []
    for m in points:
        off = offset_of(ex.text, m.lon, m.lat, m.start, s.span[0])
        if off is not None:
            # "30 km north of Denver": that point, as unsure as the distance
            spread = OFFSET_SPREAD * off[2]
            buffer = max(TOWN_BUFFER_KM, spread)
            why = (
                f"{OFFSET_SPREAD:.0%} of that distance"
                if spread >= TOWN_BUFFER_KM
                else f"a town's; {OFFSET_SPREAD:.0%} of that distance is less"
            )
            out.append(
                (
                    Point(off[0], off[1]),
                    f"{off[3]} {label(m)}",
                    buffer,
                    m.start,
                    f"the point {off[2]:,.0f} km from the place along the side "
                    f"named, buffered by {buffer:.3g} km ({why})",
                )
            )
            continue
        dist = _distanced(ex, s, m, far)
        if dist is not None:
            out.append((*dist[:3], m.start, dist[3]))
            continue
        before = ex.text[max(s.span[0], m.start - 40) : m.start]
        side = _DIRECTION.search(before)
        if side is not None:
            # "somewhere west of Kisumu": the quarter of the land on that side
            word = side.group(1).lower().replace("-", "")
            out.append(
                (
                    _side_of(m.lon, m.lat, _BEARINGS[word]),
                    f"{side.group(1).lower()} of {label(m)}",
                    TOWN_BUFFER_KM,
                    m.start,
                    f"the quarter {side.group(1).lower()} of the place (a wedge of "
                    f"{2 * _SIDE_HALF_ANGLE:g}° out to {_SIDE_KM:g} km), buffered",
                )
            )
            continue
        near = NEAR.search(before[-30:])
        buf = TOWN_BUFFER_KM * (2 if near else 1)
        if not near and not math.isnan(spread_of(m)):
            buf = spread_of(m)  # "is at 47.6062, -122.3321": as written
        out.append((geometry_of(m), label(m), buf, m.start, ""))
    if points:
        # "the Syrian town of Hajin": a country that holds a town named with it
        # only qualifies it; "fled to Dubai ..., now in Oman" is no qualifier
        held = [m for m in countries if _holds_a_point(m, points)]
        # "was not in Leadville, Colo.": the state only says where the town is
        held += [m for m in regions if qualifies_town(ex.text, m, points)]
        for m in held:
            ex.reject(
                "not_target",
                f"{m.text!r} only qualifies a more precise place in the same sentence",
                (m.start, m.end),
            )
        countries = [m for m in countries if m not in held]
        regions = [m for m in regions if m not in held]
    shapes = [*countries, *regions]
    # "in Georgia ..., not in Alabama": a region denied on its own is no part of
    # the others' intersection; it stands alone, and is read as denied
    denied = [
        m
        for m in shapes[1:]
        if CONTRAST.search(ex.text[max(s.span[0], m.start - 40) : m.start])
    ]
    shapes = [m for m in shapes if m not in denied]
    alone = [
        (geometry_of(m), label(m), _buffer_of(geometry_of(m)), m.start, "")
        for m in denied
    ]
    between = not points and _between(ex.text, shapes, s.span[0])
    either = len(shapes) >= 2 and any(
        _OR.search(ex.text[a.end : b.start]) for a, b in itertools.pairwise(shapes)
    )
    if (either or between) and all(isinstance(geometry_of(m), Area) for m in shapes):
        # "hiding in either Montenegro or Serbia": one of them, the union; so
        # "moving between Sinaloa and Durango", not where they meet
        polys = tuple(p for m in shapes for p in geometry_of(m).polygons)  # type: ignore[union-attr]
        out.append(
            (
                Area(polys),
                f"between {' and '.join(label(m) for m in shapes)}"
                if between
                else " or ".join(label(m) for m in shapes),
                0.0,
                shapes[0].start,
                "between the regions named: their union"
                if between
                else "one of the regions named ('or'): their union",
            )
        )
        return out + alone
    dists = {m.start: _distanced(ex, s, m, far) for m in shapes}
    # "in Syria, 30 km from the Euphrates": the band of the distance is one of
    # the regions intersected; a distance denied ("more than") is no part
    denies = any(d and far_polarity(d[3], "is") == "is_not" for d in dists.values())
    if len(shapes) >= 2 and not either and not denies:
        parts = [
            (d[0], d[2])
            if (d := dists[m.start]) is not None
            else (
                geometry_of(m),
                0.0
                if isinstance(geometry_of(m), Area)
                and kind_of(m) in ("country", "region", "admin")
                else REGION_BUFFER_KM,
            )
            for m in shapes
        ]
        area = intersect_regions(parts)
        if area is not None:
            names = " ∩ ".join(
                d[1] if (d := dists[m.start]) is not None else label(m) for m in shapes
            )
            out.append(
                (
                    area,
                    names,
                    0.0,
                    shapes[0].start,
                    "intersection of the regions named together (lines "
                    f"buffered {REGION_BUFFER_KM:g} km"
                    + "".join(f"; {d[3]}" for d in dists.values() if d)
                    + ")",
                )
            )
            return out + alone
    for m in shapes:
        if (dist := dists[m.start]) is not None:
            out.append((*dist[:3], m.start, dist[3]))
            continue
        geom = geometry_of(m)
        buf = 0.0 if isinstance(geom, Area) else REGION_BUFFER_KM
        out.append((geom, label(m), buf, m.start, ""))
    return out + alone


def _distanced(
    ex: _Extractor, s: Sentence, m: MentionLike, far: bool
) -> tuple[Geometry, str, float, str] | None:
    """(geometry, name, buffer_km, note) of a distance from ``m``, if any.

    "within 30 km of Culiacán": the disc; "30 km from": the ring, spread as an
    offset is (:data:`OFFSET_SPREAD`); "more than 30 km from": the disc, to be
    denied, only where the caller reads it so (``far``).
    """
    dist = distance_before(ex, s, m)
    if dist is None or (dist.kind == BEYOND and not far):
        return None
    return distance_region(dist, geometry_of(m), label(m), spread=OFFSET_SPREAD)
