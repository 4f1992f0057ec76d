"""Fronts: "<force> (are/were) N km (away) from <place>", and their bearing.

"N to M kilometers from the town centre" gives a
:class:`~geosleuth.evidence.Front` with ``distance_km`` (the middle of a range;
miles converted). The force is the organisation named before the distance ("SDF
fighters"; acronyms defined in the text as "Syrian Democratic Forces (SDF)" are
merged), or, for "our forces"/"we", the speaker's organisation.

A text rarely says from which side a force comes, so the **bearing** is inferred:
from the front's place towards the centroid of the other places named in the same
sentences as the force (its rear: "carried out by the SDF in rural Deir ez-Zor").
With no such place the front is rejected (reason ``bearing``), never guessed. The
note of each front names the places its bearing was taken from. Fronts are
therefore built after the whole text has been read (:func:`finish_fronts`).
A distance with no force before it is set aside then (reason ``no_place``),
unless a claim or sighting read it as the target's ("Salcedo is hiding 30 km
from Culiacán", "was last seen 30 km from Culiacán":
:mod:`geosleuth.read._distances`), which says all there is to say of it.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from geosleuth.evidence import Front
from geosleuth.geometry import Point
from geosleuth.read._distances import distance_words
from geosleuth.read._sentence import (
    HERE,
    MentionLike,
    Sentence,
    WalkState,
    geometry_of,
    hedge_text,
    is_point,
    label,
    resolved,
)
from geosleuth.read.hedges import hedge_of

if TYPE_CHECKING:
    from geosleuth.read.claims import _Extractor

__all__ = [
    "acronyms",
    "bearing_deg",
    "find_fronts",
    "finish_fronts",
    "force_before",
    "force_name",
    "forces_in",
]

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
_NOT_FORCES = frozenset({"ISIS", "IS", "ISIL", "US", "UN", "ANF", "AFP", "BBC", "CNN"})


def bearing_deg(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Initial great-circle bearing (degrees clockwise from north) from 1 to 2."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl = math.radians(lon2 - lon1)
    x = math.sin(dl) * math.cos(p2)
    y = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return (math.degrees(math.atan2(x, y)) + 360.0) % 360.0


def acronyms(text: str) -> dict[str, str]:
    """Acronyms defined in ``text``: long form (and its sorted words) → acronym."""
    out: dict[str, str] = {}
    for m in _ACRONYM_DEF.finditer(text):
        long = (m.group("long") or m.group("long2")).strip()
        short = m.group("short") or m.group("short2")
        out[long.lower()] = short
        out[" ".join(sorted(long.lower().split()))] = short
    return out


def force_name(aliases: dict[str, str], raw: str) -> str:
    """The name of a force: "the SDF fighters" → "SDF", long forms → acronyms."""
    key = re.sub(r"^the\s+", "", raw.strip(), flags=re.IGNORECASE)
    key = (
        re.sub(r"\s+(?:fighters|forces|troops|units)$", "", key, flags=re.IGNORECASE)
        if key.isupper() is False
        else key
    )
    low = key.lower()
    return aliases.get(low) or aliases.get(" ".join(sorted(low.split()))) or key


def forces_in(ex: _Extractor, s: Sentence) -> set[str]:
    """The forces named in a sentence."""
    found: set[str] = set()
    for m in _FORCE.finditer(s.text):
        if m.group("acr") and m.group("acr") not in _NOT_FORCES:
            if m.group("acr") in ex.aliases.values():
                found.add(m.group("acr"))
        elif m.group("adj"):
            found.add(force_name(ex.aliases, m.group(0)))
    low = s.text.lower()
    for long, short in ex.aliases.items():
        if long in low:
            found.add(short)
    return found


def find_fronts(ex: _Extractor, s: Sentence, state: WalkState) -> None:
    """Note each distance from a place in ``s``; fronts are built at the end."""
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
                if 0 <= p.start - after <= 40 and is_point(p) and resolved(p)
            ),
            None,
        )
        how = ""
        context = HERE.match(ex.text, after) or re.match(
            r"(?:the\s+)?(?:town|village|city)", ex.text[after : after + 20]
        )
        if place is None and context:
            state.context_asked = True
        if (
            place is None
            and context
            and state.last_town is not None
            and s.index - state.last_town_sent <= 4
        ):
            place = state.last_town
            how = f"place from context: {ex.text[after : after + 16]!r}"
            how += f" → {label(place)}"
        force = force_before(ex, s, m.start())
        fspan = (s.span[0] + m.start(), s.span[0] + m.end())
        if place is None:
            ex.reject(
                "no_place",
                f"distance of {km:g} km from a place that is not resolved",
                fspan,
            )
            continue
        if force is None:
            # set aside at the end, unless a claim or sighting read the distance
            # ("Salcedo is hiding 30 km from Culiacán": the target's, no force's)
            ex.fronts.append(("", place, km, {"s": s, "span": fspan}))
            continue
        ex.fronts.append(
            (
                force,
                place,
                km,
                {"s": s, "how": how, "span": fspan, "anchor": fspan[0]},
            )
        )


def force_before(ex: _Extractor, s: Sentence, pos: int) -> str | None:
    """The last force named in ``s`` before ``pos`` (in sentence), if any."""
    best: str | None = None
    for m in _FORCE.finditer(s.text[:pos]):
        if m.group("our"):
            best = s.attr.org or (
                force_name(ex.aliases, s.attr.speaker)
                if s.attr.speaker and s.attr.official
                else None
            )
        elif m.group("acr"):
            if m.group("acr") not in _NOT_FORCES:
                best = force_name(ex.aliases, m.group("acr"))
        else:
            best = force_name(ex.aliases, m.group(0))
    return best


def finish_fronts(
    ex: _Extractor,
) -> None:
    """Build the fronts noted, with bearings, and put the items in text order.

    A force reported at a distance from the same place twice in one document is
    one front, not two pieces of evidence: the later statement (the most recent
    in the telling) is kept, the earlier set aside as a duplicate.
    """
    for force, place, km, info in ex.fronts:
        if not force and not _read_as_place(ex, info["s"], place):
            ex.reject(
                "no_place",
                f"distance of {km:g} km from {label(place)} without a force named",
                info["span"],
            )
    fronts = [f for f in ex.fronts if f[0]]
    last: dict[tuple[str, str], int] = {}
    for k, (force, place, _, _) in enumerate(fronts):
        last[force, label(place)] = k
    for k, (force, place, km, info) in enumerate(fronts):
        keep = last[force, label(place)]
        if keep != k:
            later_km = fronts[keep][2]
            ex.reject(
                "duplicate",
                f"{force} {km:g} km from {label(place)}: the same front is stated "
                f"again later ({later_km:g} km); one front is kept",
                info["span"],
            )
            continue
        s: Sentence = info["s"]
        front_places = {id(p) for f, p, _, _ in fronts if f == force}
        rear = [
            m
            for _, m in ex.force_places.get(force, [])
            if id(m) not in front_places and label(m) != label(place)
        ]
        if not rear:
            ex.reject(
                "bearing",
                f"{force} is {km:g} km from {label(place)}, "
                "but no other place tied to the force tells from which "
                "side it comes; not turned into a front",
                info["span"],
            )
            continue
        lon = sum(m.lon for m in rear) / len(rear)
        lat = sum(m.lat for m in rear) / len(rear)
        bearing = bearing_deg(place.lon, place.lat, lon, lat)
        names = ", ".join(dict.fromkeys(label(m) for m in rear))
        date, date_from, dnote = ex.dates(s, info["anchor"])
        note = (
            f"bearing {bearing:.0f}° inferred: towards the places named with "
            f"{force} ({names})"
        )
        note = "; ".join(x for x in (note, info["how"], dnote) if x)
        geom = geometry_of(place)
        ex.build(
            Front, s, info["span"], id=ex.next_id("f"),
            provenance=ex.provenance(s), date=date, date_from=date_from,
            grade=ex.grade(s.attr), hedge=hedge_of(hedge_text(s))[0],
            note=note, force=force,
            place=geom if isinstance(geom, Point) else Point(place.lon, place.lat),
            distance_km=km, bearing_deg=round(bearing, 1),
            place_name=label(place),
        )  # fmt: skip
    ex.items.sort(key=lambda it: (it.provenance.span or (0, 0))[0])


def _read_as_place(ex: _Extractor, s: Sentence, place: MentionLike) -> bool:
    """Whether a claim or sighting of ``s`` read the distance from ``place``.

    "Salcedo is hiding 30 km from Culiacán", "was last seen 30 km from
    Culiacán": the place of the item is the distance's region, named by its
    words (:func:`~geosleuth.read._distances.distance_region`; "within 30 km
    of" for a floor, whose disc is denied), alone or intersected with another.
    """
    d = distance_words(ex, s, place)
    if d is None:
        return False
    name = label(place)
    named = {f"{d.words} {name}", f"within {d.near_km:,.3g} km of {name}"}
    return any(
        it.kind in ("claim", "sighting")
        and it.provenance.span == s.span
        and named & set(str(getattr(it, "place_name", "")).split(" ∩ "))
        for it in ex.items
    )
