"""Distances from a place said of the target: a disc, a ring, or a disc denied.

Search planners and fugitive analysts say where someone is by a distance from a
place, and the words before the place say which kind of region that is:

- a bound, "within 30 km of Culiacán", "less than 30 km from", "under", "no more
  (further, farther) than", "up to", "at most", "in (within) a 30 km radius
  around": the disc of that radius (:data:`WITHIN`); for a region (a country, a
  river, a border) all that lies within the distance of it, the region's own
  extent and the distance around it;
- a distance, "30 km from Culiacán", "is about 20 miles (32 km) away from",
  "30 km outside Culiacán": about that far, the ring from ``N·(1 − s)`` to
  ``N·(1 + s)`` with ``s`` the spread of an offset
  (:data:`~geosleuth.read.regions.OFFSET_SPREAD`: reported distances are
  rounded), an area with a hole (:data:`ABOUT`); a range "20 to 30 km from" is
  the ring from the near end's inner edge to the far end's outer one;
- a lower bound, "more than 30 km from", "over", "at least", "further than",
  "beyond": not within that distance, the disc denied (:data:`BEYOND`; the caller
  turns the claim's polarity, :func:`far_polarity`).

The distance must be the target's: the verb its phrase hangs from (up the
clauses that complete it, "is believed to be hiding 30 km from") has a subject
that refers to the target ("His car was found 30 km from Culiacán" is the car's,
"the SDF were 5 km from Hajin" the force's: a front, read by
:mod:`geosleuth.read.fronts`). A distance and a side ("30 km north of") is an
offset (:func:`~geosleuth.read.regions.offset_of`), read before this, and a
distance after the place ("fled Culiacán 30 km away") is none.

A seeing at a distance ("was last seen 30 km from Culiacán", "spotted within 5
km of") is read by the same words (:func:`distance_words`), the one seen being
the seeing's own (:mod:`geosleuth.read.sightings`): a sighting has no buffer, so
its region is drawn whole (:func:`seen_region`), the disc of a bound or the ring
of a distance; one farther than a distance says where the one seen was not.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from geosleuth.geometry import Area, Geometry, Point
from geosleuth.read._sentence import MentionLike, Sentence, antecedent

if TYPE_CHECKING:
    from geosleuth.read.claims import _Extractor

__all__ = [
    "ABOUT",
    "BEYOND",
    "DISTANCE_CUE",
    "WITHIN",
    "Distance",
    "distance_before",
    "distance_region",
    "distance_words",
    "far_polarity",
    "in_km",
    "seen_region",
]

#: The kinds of distance: a bound (the disc), about that far (a ring), farther
#: than that (the disc denied).
WITHIN, ABOUT, BEYOND = "within", "about", "beyond"

_NUMBER = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|a\s+hundred|one\s+hundred"
)
_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a hundred": 100,
    "one hundred": 100,
}  # fmt: skip
_UNIT = (
    r"nautical\s+miles?|nm|km|kms|kilomet(?:re|er)s?|miles?|mi|"
    r"met(?:re|er)s|met(?:re|er)"
)
_KM_PER_UNIT = {"nautical": 1.852, "nm": 1.852, "mi": 1.609344, "mile": 1.609344}
_APPROX = (
    r"(?:(?:about|some|roughly|around|approximately|approx\.|nearly|almost|just|"
    r"only|barely|an\s+estimated)\s+)?"
)
#: "within", "less than", "no more than", "up to": a bound on the distance.
#: ("not more than" is a floor negated: the clause's negation turns it back.)
_BOUND = (
    r"within|inside(?:\s+of)?|less\s+than|fewer\s+than|under|no\s+more\s+than|"
    r"no\s+(?:further|farther)\s+than|up\s+to|at\s+(?:the\s+)?most"
)
#: "more than", "over", "at least": the distance is a floor.
_FLOOR = (
    r"(?<!no\s)(?:more|further|farther)\s+than|over|at\s+least|beyond|"
    r"in\s+excess\s+of"
)
#: A bound or a floor between a verb and a distance, for the location words of
#: :mod:`geosleuth.read.whereabouts` ("is less than 30 km from", "is at least").
DISTANCE_CUE = rf"(?:(?:{_BOUND}|{_FLOOR})\s+)"
#: The number, a range ("20 to 30"), the unit and a conversion in brackets.
_AMOUNT = (
    rf"(?P<num>{_NUMBER})(?:\s*(?:to|-|–|or)\s*(?P<num2>{_NUMBER}))?[\s-]*"
    rf"(?P<unit>{_UNIT})\b(?:\s*\([^()]{{1,30}}\))?"
)
#: What may stand between the preposition and the place's name.
_THE = r"\s+(?:the\s+(?:town|city|village|island|coast|port)\s+of\s+)?(?:the\s+)?$"
#: The words of each kind of distance, ending where the place's name begins.
_KINDS: tuple[tuple[Literal["within", "about", "beyond"], re.Pattern[str]], ...] = (
    # "within 30 km of", "less than 30 miles from"
    (
        "within",
        re.compile(
            rf"\b(?:{_BOUND})\s+{_APPROX}{_AMOUNT}\s+(?:(?:away\s+)?from|of)"
            rf"(?=\s){_THE}",
            re.IGNORECASE,
        ),
    ),
    # "in a 30 km radius around", "within a radius of 30 miles of"
    (
        "within",
        re.compile(
            rf"\b(?:in|within|inside)\s+(?:a|an|the)\s+{_APPROX}{_AMOUNT}\s+"
            rf"radius\s+(?:around|of|from)(?=\s){_THE}",
            re.IGNORECASE,
        ),
    ),
    (
        "within",
        re.compile(
            rf"\b(?:in|within|inside)\s+(?:a|an|the)\s+radius\s+of\s+{_APPROX}"
            rf"{_AMOUNT}\s+(?:around|of|from)(?=\s){_THE}",
            re.IGNORECASE,
        ),
    ),
    # "more than 30 km away from", "at least 20 miles from"
    (
        "beyond",
        re.compile(
            rf"\b(?:{_FLOOR})\s+{_APPROX}{_AMOUNT}\s+(?:away\s+)?from(?=\s){_THE}",
            re.IGNORECASE,
        ),
    ),
    # "30 km from", "about 20 miles away from", "30 km outside (of)"
    (
        "about",
        re.compile(
            rf"(?<![\w-]){_APPROX}{_AMOUNT}\s+(?:(?:away\s+)?from|"
            rf"outside(?:\s+of)?)(?=\s){_THE}",
            re.IGNORECASE,
        ),
    ),
)
#: How far back from a place's name the words of a distance may begin.
_REACH = 90
#: Subjects of a verb, in the parse's labels.
_SUBJECTS = ("nsubj", "nsubjpass")
#: A subject that stands for some of a group: "many of the ISIS leaders".
_SOME_OF = frozenset({"many", "some", "several", "most", "all", "one", "few"})
#: Ways a ring is drawn around a point: points around the circle.
_RING_POINTS = 72
#: A distance read is at most this far (km); beyond, it is no place's.
_MAX_KM = 5000.0


@dataclass(frozen=True, slots=True)
class Distance:
    """A distance from a place said of the target, in the words before the place.

    Attributes
    ----------
    kind : {"within", "about", "beyond"}
        A bound (the disc), about that far (a ring), farther than that (denied).
    near_km, far_km : float
        The distance in km; a range's two ends ("20 to 30 km"), else equal.
    words : str
        The words read ("less than 30 km from").
    """

    kind: Literal["within", "about", "beyond"]
    near_km: float
    far_km: float
    words: str


def in_km(number: str, unit: str) -> float:
    """``number`` (digits, with thousands commas, or a word) of ``unit``, in km.

    Examples
    --------
    >>> in_km("300", "nautical miles"), in_km("twenty", "miles")
    (555.6, 32.18688)
    >>> in_km("1,500", "metres")
    1.5
    """
    n = number.lower().replace(",", "")
    n = re.sub(r"\s+", " ", n)
    value = float(_WORDS[n]) if n in _WORDS else float(n)
    u = unit.lower().split()[0].rstrip("s")
    if u.startswith("met"):
        return value / 1000.0
    return value * _KM_PER_UNIT.get(u, 1.0)


def _parse(before: str) -> Distance | None:
    """The distance whose words end ``before`` (the text up to a place), or None.

    Examples
    --------
    >>> _parse("Salcedo is hiding within 30 km of ")
    Distance(kind='within', near_km=30.0, far_km=30.0, words='within 30 km of')
    >>> _parse("is about 20 miles (32 km) away from the town of ").kind
    'about'
    >>> _parse("is more than 30 km from ").kind
    'beyond'
    >>> _parse("is 30 km north of ") is None  # an offset, read elsewhere
    True
    """
    found = [(m, kind) for kind, rx in _KINDS if (m := rx.search(before))]
    if not found:
        return None
    # the words that begin first: "less than 30 km from" is no bare "30 km from"
    m, kind = min(found, key=lambda f: f[0].start())
    a = in_km(m.group("num"), m.group("unit"))
    b = in_km(m.group("num2"), m.group("unit")) if m.group("num2") else a
    near, far = min(a, b), max(a, b)
    if not 0.0 < near <= far <= _MAX_KM:
        return None
    words = re.sub(
        r"\s+(?:the\s+(?:town|city|village|island|coast|port)\s+of\s+)?(?:the\s+)?$",
        "",
        m.group(0),
    )
    return Distance(kind, near, far, re.sub(r"\s+", " ", words.strip()))


def distance_before(ex: _Extractor, s: Sentence, m: MentionLike) -> Distance | None:
    """The distance from ``m`` that the words before it give the target, or None.

    None where no distance ends right before the place's name, or where the
    distance is not the target's: the verb that the place's phrase hangs from,
    or a verb it completes ("is believed to be hiding 30 km from"), must have a
    subject that refers to the target (a name, title, nisba, pronoun, the
    group's leaders, or the person a "who" stands for).
    """
    got = _parse(ex.text[max(s.span[0], m.start - _REACH) : m.start])
    if got is None or s.sent is None:
        return None
    tok = next((t for t in s.sent if t.idx <= m.start < t.idx + len(t)), None)
    return got if tok is not None and _said_of_target(s, tok) else None


def distance_words(ex: _Extractor, s: Sentence, m: MentionLike) -> Distance | None:
    """The distance from ``m`` that the words right before it give, or None.

    As :func:`distance_before`, but of whoever the caller has found the words
    to be of: a seeing's place is where the one seen was ("A shepherd saw
    Salcedo 30 km from Culiacán": the shepherd is the subject, Salcedo the one
    seen), and :mod:`geosleuth.read.sightings` has read who that is.
    """
    return _parse(ex.text[max(s.span[0], m.start - _REACH) : m.start])


def _said_of_target(s: Sentence, tok: Any) -> bool:
    """Whether the clause that ``tok`` is in is about the target, by its subject."""
    verb = tok
    for _ in range(12):  # up to the verb of the place's phrase
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    for _ in range(4):  # up the verbs it completes, to one with a subject
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            return _refers(s, subject)
        if verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _refers(s: Sentence, subject: Any) -> bool:
    """Whether ``subject`` (its head word) is a reference to the target."""
    word = antecedent(subject)
    if word.lower_ in _SOME_OF:
        # "many of the ISIS leaders were hiding": the group named after "of"
        of = next((c for c in word.children if c.lower_ == "of"), None)
        word = next((c for c in of.children if c.dep_ == "pobj"), word) if of else word
    return any(r.start <= word.idx < r.end for r in s.refs)


def _geodesic_ring(lon: float, lat: float, km: float) -> Any:
    """The points ``km`` from (lon, lat) all around, on the sphere, (n, 2) lon/lat."""
    import numpy as np

    b = np.linspace(0.0, 2.0 * math.pi, _RING_POINTS, endpoint=False)
    d = km / 6371.0088
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = np.arcsin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * np.cos(b))
    l2 = l1 + np.arctan2(
        np.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * np.sin(p2)
    )
    lons = (np.degrees(l2) + 180.0) % 360.0 - 180.0
    return np.column_stack([lons, np.degrees(p2)])


def _band(
    geom: Geometry, inner_km: float, outer_km: float, *, hole: bool = True
) -> Area | None:
    """All that lies from ``inner_km`` to ``outer_km`` of a line or an area.

    An area's own extent is left out (it is 0 km from itself), unless ``hole``
    is False: then, with ``inner_km`` 0, all within ``outer_km`` of it.

    Drawn as :func:`~geosleuth.read.regions.intersect_regions` draws its buffers:
    on an azimuthal equidistant plane centred on the shape, in metres, simplified
    to 0.5 km and projected back; None if it cannot be drawn.
    """
    try:
        import numpy as np
        import pyproj
        import shapely
        from shapely.geometry import mapping, shape
    except ImportError:  # pragma: no cover - core dependencies
        return None
    lon0, lat0 = geom.representative()
    local = pyproj.CRS.from_proj4(
        f"+proj=aeqd +lat_0={lat0:.6f} +lon_0={lon0:.6f} +units=m +datum=WGS84"
    )
    fwd = pyproj.Transformer.from_crs("EPSG:4326", local, always_xy=True)
    back = pyproj.Transformer.from_crs(local, "EPSG:4326", always_xy=True)
    shp = shapely.transform(
        shape(geom.to_geojson()),
        lambda xy: np.column_stack(fwd.transform(xy[:, 0], xy[:, 1])),
    )
    outer = shp.buffer(outer_km * 1000.0, quad_segs=8)
    if inner_km > 0 or (hole and isinstance(geom, Area)):
        outer = outer.difference(shp.buffer(inner_km * 1000.0, quad_segs=8))
    band = shapely.simplify(outer, 500.0)
    polys = [
        p
        for p in getattr(band, "geoms", [band])
        if p.geom_type == "Polygon" and not p.is_empty
    ]
    if not polys:
        return None
    out = []
    for poly in polys:
        gj = mapping(
            shapely.transform(
                poly, lambda xy: np.column_stack(back.transform(xy[:, 0], xy[:, 1]))
            )
        )
        out.append(tuple(np.asarray(r, dtype=np.float64) for r in gj["coordinates"]))
    return Area(tuple(out))


def distance_region(
    d: Distance, geom: Geometry, name: str, *, spread: float
) -> tuple[Geometry, str, float, str] | None:
    """(geometry, name, buffer_km, note) of the region a distance from a place is.

    A bound is the place buffered by the distance; about that far, the ring (or
    band, around a region) from ``near_km·(1 − spread)`` to ``far_km·(1 +
    spread)``, unbuffered; farther than that, the disc of ``near_km`` (to be
    denied: :func:`far_polarity`). None where a band cannot be drawn.

    Examples
    --------
    >>> d = Distance("about", 30.0, 30.0, "30 km from")
    >>> ring, name, buffer_km, note = distance_region(
    ...     d, Point(0.0, 0.0), "Culiacán", spread=0.3
    ... )
    >>> name, buffer_km, len(ring.polygons[0])  # an exterior and a hole
    ('30 km from Culiacán', 0.0, 2)
    >>> distance_region(Distance("within", 30.0, 30.0, "within 30 km of"),
    ...                 Point(0.0, 0.0), "Culiacán", spread=0.3)[1:3]
    ('within 30 km of Culiacán', 30.0)
    """
    label = f"{d.words} {name}"
    if d.kind == WITHIN:
        note = f"a bound on the distance ({d.words!r}): the place buffered by it"
        return geom, label, d.far_km, note
    if d.kind == BEYOND:
        note = (
            f"{_BEYOND_NOTE} ({d.words!r}): the disc of {d.near_km:,.3g} km, "
            "where the target is not"
        )
        return geom, f"within {d.near_km:,.3g} km of {name}", d.near_km, note
    inner, outer = d.near_km * (1.0 - spread), d.far_km * (1.0 + spread)
    note = (
        f"about that far ({d.words!r}): the ring from {inner:,.3g} to "
        f"{outer:,.3g} km ({spread:.0%} of the distance either way)"
    )
    if isinstance(geom, Point):
        ring = Area(
            (
                (
                    _geodesic_ring(geom.lon, geom.lat, outer),
                    _geodesic_ring(geom.lon, geom.lat, inner),
                ),
            )
        )
        return ring, label, 0.0, note
    band = _band(geom, inner, outer)
    return None if band is None else (band, label, 0.0, note)


def seen_region(
    d: Distance, geom: Geometry, name: str, *, spread: float
) -> tuple[Geometry, str, str] | None:
    """(geometry, name, note) of where one seen at a distance from a place was.

    A sighting has no buffer, so its region is drawn whole: a bound is the disc
    of the distance around a point (a region buffered by it, its own extent
    within), about that far the ring of :func:`distance_region`. None for a
    floor ("more than 30 km from": where the one seen was not) and where a
    shape cannot be drawn.

    Examples
    --------
    >>> disc, name, note = seen_region(
    ...     Distance("within", 5.0, 5.0, "within 5 km of"), Point(0.0, 0.0),
    ...     "Culiacán", spread=0.3)
    >>> name, len(disc.polygons[0])  # no hole
    ('within 5 km of Culiacán', 1)
    >>> seen_region(Distance("beyond", 30.0, 30.0, "more than 30 km from"),
    ...             Point(0.0, 0.0), "Culiacán", spread=0.3) is None
    True
    """
    if d.kind == BEYOND:
        return None
    if d.kind == ABOUT:
        got = distance_region(d, geom, name, spread=spread)
        return None if got is None else (got[0], got[1], got[3])
    note = (
        f"a bound on the distance ({d.words!r}): the disc of {d.far_km:,.3g} km "
        "around the place"
    )
    disc: Geometry | None = (
        Area(((_geodesic_ring(geom.lon, geom.lat, d.far_km),),))
        if isinstance(geom, Point)
        else _band(geom, 0.0, d.far_km, hole=False)
    )
    return None if disc is None else (disc, f"{d.words} {name}", note)


#: The opening of the note of a region that a floor on the distance denies.
_BEYOND_NOTE = "farther than the distance named"


def far_polarity(
    note: str, polarity: Literal["is", "is_not"]
) -> Literal["is", "is_not"]:
    """The polarity of a claim on a region of :func:`distance_region`.

    "More than 30 km from Culiacán" denies the disc of 30 km; "is not more than
    30 km from" turns back to "is".

    Examples
    --------
    >>> far_polarity("farther than the distance named ('over 5 km from')", "is")
    'is_not'
    >>> far_polarity("", "is")
    'is'
    """
    if not note.startswith(_BEYOND_NOTE):
        return polarity
    return "is_not" if polarity == "is" else "is"
