"""Which picks of resolution give way: the names that may name no town at all.

Helper of :mod:`geosleuth.read._toponym_resolve`. A name after a compass word
held only as towns under 100,000 ("West Yorkshire", read as Yorkshire:
:func:`compass_town`) lends no support to the document's other names where
none of its candidates lies near theirs (:func:`near_any_other`), and gives way
where its pick lies in another country far from all of them
(:func:`foreign_compass_town`). A name shaped like a feature, street or
airport that picked a town far from all the document's other towns is left
unresolved (:func:`placed`, :func:`_coheres`), and so is "X in Y" (or
"X, west Y") where X picked a town far from the town Y
(:func:`far_from_its_town`), a piece of a longer hyphenated name
(:func:`fragment`), and a town of an English-speaking country matched by its
consonants alone (:func:`misspelt_english`). The names that lend nothing are
:func:`lends_nothing`. Moved out of :mod:`geosleuth.read._toponym_resolve` as
it grew past the house's size for one module.
"""

from __future__ import annotations

import math
import re

import numpy as np

from geosleuth.gazetteer import MATCH_WEIGHT, Gazetteer, Place, norm_key
from geosleuth.geometry import haversine_km
from geosleuth.read._toponym_detect import _COMPASS_WORD, _after_compass, _Span
from geosleuth.read._toponym_qualified import in_qualifier
from geosleuth.read._toponym_qualifiers import _IMPORTANT_POP, _LOCAL

__all__ = [
    "COHERENT_KM",
    "compass_division",
    "compass_town",
    "far_from_its_town",
    "foreign_compass_town",
    "fragment",
    "lends_nothing",
    "misspelt_english",
    "near_any_other",
    "placed",
    "vague_region",
]

#: A town this near another place of the document lies among its places.
COHERENT_KM = 300.0


#: A town named like a feature or a street ("Mount Rainier", "Park Avenue") with
#: fewer people than this lends no support to the document's other places.
_SMALL_TOWN_POP = 10_000


#: A town after a compass word in a country no other name picked, and this far
#: from all their picks, is no town of the story ("West Yorkshire" beside Leeds
#: is no Yorkshire in Virginia).
_FOREIGN_KM = 800.0


def compass_town(s: _Span, gaz: Gazetteer) -> bool:
    """Whether a name after a compass word is held only as towns under 100,000.

    "West Yorkshire", which the gazetteer does not hold whole, is read as
    Yorkshire, and the gazetteer's only Yorkshires are a town of 7,500 in
    Virginia and a village in New York: they lent a story set in Leeds the
    support of the United States (Leeds, Alabama). A compass word names a part
    of the place after it ("South Armagh", "Eastern Deir ez-Zor"), so such a
    name lends no support to the document's other names where none of the
    places they may name lies near it (:func:`near_any_other`), and gives way
    where it lies in another country far from all of them
    (:func:`foreign_compass_town`). "North London" (a city of 100,000 or more)
    and "West Texas" (a division) lend as any name does.
    """
    return s.compass and all(
        gaz.kind(p) in ("city", "town", "village") and int(gaz.pops[p]) < _IMPORTANT_POP
        for p, _ in s.cands
    )


#: After a name, the word for a division: "North West *Province*".
_DIVISION_AFTER = re.compile(r"\s+(?:Province|Region|State|District|Division)\b")
#: The words of a name made of compass words only: "North West", "Northern".
_COMPASS_ONLY = re.compile(
    r"(?:(?:North|South)(?:-?(?:[Ee]ast|[Ww]est))?(?:ern)?|(?:East|West)(?:ern)?"
    r"|Central|Upper|Lower|Far)(?:[\s-]+(?:(?:North|South|East|West)(?:ern)?"
    r"|Central))*"
)


def compass_division(s: _Span, gaz: Gazetteer, text: str) -> bool:
    """Whether compass words before a division's word picked no division.

    "North West Province" is South Africa's North West (which the gazetteer
    holds under no name of compass words alone), not the village of
    Northwest in North Carolina, matched by another of its names: a name
    made of compass words only, before "Province", "Region", "State",
    "District" or "Division", names a division or nothing (review r124). A
    lowercase word is no part of the name: "Central district" of Hong Kong
    is its Central (review r213).
    "Northern Territory" and "the Far North Region", held whole, are
    what they are.

    >>> gaz = Gazetteer.default()
    >>> pid = gaz.match_ids("North West")[0][0]
    >>> span = _Span(8, 18, "North West", [(pid, 0.92)], pick=pid)
    >>> compass_division(span, gaz, "seen in North West Province")
    True
    >>> compass_division(span, gaz, "seen in North West England")
    False
    >>> compass_division(span, gaz, "seen in North West district")
    False
    """
    return (
        gaz.kind(s.pick) not in ("admin", "country", "region")
        and _COMPASS_ONLY.fullmatch(s.text) is not None
        and _DIVISION_AFTER.match(text, s.end) is not None
    )


def vague_region(s: _Span, gaz: Gazetteer) -> bool:
    """Whether ``s`` picked a region too vague to place: "the Far East".

    East Asia to some, Russia's Far East to others ("Khabarovsk in Russia's
    Far East"): the curated row, whose source says "vague", holds the name so
    that no town takes it (Pharr, Texas), and is read as no place (review
    r213).

    >>> gaz = Gazetteer.default()
    >>> pid = gaz.match_ids("the Far East")[0][0]
    >>> vague_region(_Span(0, 12, "the Far East", [(pid, 1.0)], pick=pid), gaz)
    True
    """
    return gaz.kind(s.pick) == "region" and "(vague:" in gaz.place(s.pick).source


def near_any_other(s: _Span, live: list[_Span], gaz: Gazetteer) -> bool:
    """Whether some town ``s`` may name lies near some place another name may name.

    Within ``COHERENT_KM`` of a division or a town of ``_SMALL_TOWN_POP`` of
    its country that another name matches exactly, or in the division of such
    a city of ``_IMPORTANT_POP``: "North Fort Erie" beside Cambridge (one
    Cambridge is in Ontario, 120 km away), "northern Timmins" beside London
    (Ontario). Not
    "West Yorkshire" beside Leeds: no Leeds lies within 300 km of either
    Yorkshire (Virginia, New York), nor a Bradford or Sheffield of 10,000
    (the villages of those names in Pennsylvania and Ohio do not count), nor
    a Paris (Ontario, across the border from Yorkshire, New York). Only
    the names read as places count, not those the NER reads in an
    organisation's name ("Ibarra" of "Rodrigo Salcedo Ibarra").
    """
    key = norm_key(s.text)
    others = {
        p
        for t in live
        if t.role == "place"
        and t.ner != "ORG"
        and norm_key(t.text) != key
        and not t.shaped
        for p, w in t.cands
        if w >= 1.0 and (gaz.kind(p) == "admin" or int(gaz.pops[p]) >= _SMALL_TOWN_POP)
    }
    if not others:
        return True
    divisions = {
        (gaz.country_code(q), gaz.admin1_code(q))
        for q in others
        if gaz.kind(q) == "admin" or int(gaz.pops[q]) >= _IMPORTANT_POP
    }
    for p, _ in s.cands:
        if (gaz.country_code(p), gaz.admin1_code(p)) in divisions:
            return True
        qs = [q for q in others if gaz.country_code(q) == gaz.country_code(p)]
        if not qs:
            continue
        d = haversine_km(gaz.lons[qs], gaz.lats[qs], gaz.lons[p], gaz.lats[p])
        if bool(np.nanmin(d) <= COHERENT_KM):
            return True
    return False


def foreign_compass_town(
    s: _Span, live: list[_Span], gaz: Gazetteer, text: str, home: Place | None
) -> bool:
    """Whether a name after a compass word picked a town that names nothing here.

    "West Yorkshire" beside Leeds, England: Yorkshire, Virginia lies near no
    place the other names may name (``_Span.aloof``), in a country none of
    them picked, and ``_FOREIGN_KM`` or more from all their picks (and from
    the document's ``home``); "South Khorasan", a name of its own (the compass word is
    capitalised) that the gazetteer lacks, is no Horasan, Turkey, by another
    of its names. Not "South Armagh" beside London (the same country), nor
    "eastern Hajin", Syria, beside Baghdad (400 km), nor "southern Jenin"
    (Janīn, by another spelling: the lowercase compass word places a part of
    the town).
    """
    if not compass_town(s, gaz) or in_qualifier(s, s.pick, gaz):
        return False
    if dict(s.cands).get(s.pick, 0.0) < 1.0 and _after_compass(
        text, s.start, capitalised=True
    ):
        return True
    if not s.aloof:
        return False
    key = norm_key(s.text)
    others = [
        (gaz.country_code(t.pick), float(gaz.lons[t.pick]), float(gaz.lats[t.pick]))
        for t in live
        if t.pick >= 0
        and t.role != "person"
        and t.ner != "ORG"
        and norm_key(t.text) != key
    ]
    if home is not None:
        others.append((home.country or "", home.lon, home.lat))
    country = gaz.country_code(s.pick)
    lon, lat = float(gaz.lons[s.pick]), float(gaz.lats[s.pick])
    return bool(others) and not any(
        c == country
        or (
            math.isfinite(x)
            and math.isfinite(y)
            and haversine_km(x, y, lon, lat) <= _FOREIGN_KM
        )
        for c, x, y in others
    )


def lends_nothing(s: _Span, gaz: Gazetteer) -> bool:
    """Whether ``s``'s pick lends no support to the other names of its document.

    A town named like a feature or street (:func:`_shaped_town`), or one after a
    compass word near none of the others (:func:`compass_town`,
    ``_Span.aloof``): each may name no town at all.
    """
    return _shaped_town(s, gaz) or s.aloof


def _shaped_town(s: _Span, gaz: Gazetteer) -> bool:
    """Whether a name shaped like a feature or street is held only as small towns.

    "Mount Rainier" (a town of 8,000 in Maryland), "Park Avenue" (a village in
    Hong Kong): every candidate is a town or village of fewer than
    ``_SMALL_TOWN_POP`` people. "Cuyahoga Falls" (49,000) is the town.
    """
    return s.shaped and all(
        gaz.kind(p) in ("city", "town", "village")
        and int(gaz.pops[p]) < _SMALL_TOWN_POP
        for p, _ in s.cands
    )


#: A hyphen and a letter right after a name, or a letter and a hyphen right
#: before it: the name goes on ("Mont-aux*-Sources*").
_HYPHEN_ON = re.compile(r"-[^\W\d_]")


_HYPHEN_BEFORE = re.compile(r"[^\W\d_]-$")


#: Countries whose place names the press writes as the country does, in the
#: Latin alphabet: a name there that matches no place by its letters is one the
#: gazetteer lacks, not another place's name transliterated.
_ENGLISH_NAMED = frozenset({"GB", "IE", "US", "CA", "AU", "NZ"})


def misspelt_english(s: _Span, gaz: Gazetteer) -> bool:
    """Whether ``s`` picked, by its consonants alone, a town of :data:`_ENGLISH_NAMED`.

    Loose matching is for names written from another script ("Bagos" for
    al-Baghuz, "Bukemal" for Abu Kamal). "Seathwaite in Borrowdale", hamlets the
    gazetteer lacks, matched Ossett and Low Bradley in Yorkshire, 100 km from
    the fells (review r17), and "Hanley" matched Hadley (r21): in these
    countries a name that matches no place exactly stays unresolved.
    """
    weight = dict(s.cands).get(s.pick, 0.0)
    if not s.loose or weight >= MATCH_WEIGHT["bare"]:
        return False
    return gaz.place(s.pick).country in _ENGLISH_NAMED


def fragment(s: _Span, text: str) -> bool:
    """Whether ``s`` is a piece of a longer hyphenated name, and no place itself.

    "a cave near Mont-aux-Sources": "Mont-aux" is no town (Montague, Texas,
    matched loosely): a span that holds a hyphen of its own and runs on into
    another hyphen and word is cut out of a name the gazetteer lacks (review
    r17). Not "the Iraq-Syria border" or "Baghdad-based" (no hyphen in the
    span), which name their places.

    Examples
    --------
    >>> from geosleuth.read._toponym_span import _Span
    >>> text = "a cave near Mont-aux-Sources and Saint-Denis."
    >>> fragment(_Span(12, 20, "Mont-aux", []), text)
    True
    >>> fragment(_Span(33, 44, "Saint-Denis", []), text)
    False
    """
    if "-" not in s.text:
        return False
    return bool(
        _HYPHEN_ON.match(text, s.end) or _HYPHEN_BEFORE.search(text, 0, s.start)
    )


def placed(
    s: _Span,
    live: list[_Span],
    gaz: Gazetteer,
    text: str = "",
    home: Place | None = None,
) -> bool:
    """Whether the town that a shaped name ``s`` picked may stand.

    A name shaped like a feature, a street or an airport's ("Mount Rainier",
    "Park Avenue", "Logan Airport"), which the NER does not call a town (GPE,
    as "Estes Park"), may name no town at all. Its pick falls where the
    document names other towns and all lie more than ``COHERENT_KM`` from it:
    "Boston's Logan Airport" is not Logan, Pennsylvania, nor "Mount Rainier"
    in a story about Tacoma the town in Maryland. It stands where its
    qualifier names its division or country ("Mount Vernon, Ohio"), another
    name of the document is that division, the document names no other town
    ("Death Valley", alone, is the village there), or it is a city of
    ``_IMPORTANT_POP`` ("Da Nang International Airport"). A town that the name
    matches only as another of its names, and that no qualifier places, never
    stands: "Mont Blanc" is no other name of Saint-Just-Malmont here; unless
    it names an airport by the first words of the town's own name ("Stansted
    airport" is at Stansted Mountfitchet, :func:`_airports_town`). A name
    before a lowercase "airport" that no words tie to another place ("Orly
    airport", not "Heathrow airport in London") stands wherever the other
    towns lie: the document's far city is where the police are.
    """
    pid = s.pick
    if (
        gaz.kind(pid) not in ("city", "town", "village")
        or int(gaz.pops[pid]) >= _IMPORTANT_POP
    ):
        return True  # "Da Nang International Airport" is at Da Nang
    if in_qualifier(s, pid, gaz):
        return True
    if dict(s.cands).get(pid, 0.0) < 1.0 and not _airports_town(s, pid, gaz, text):
        return False  # a feature's name, by a town's other name only
    if _AIRPORT_ALONE.match(text, s.end):
        return True  # "at Orly airport, police in London said": Orly, France
    return _coheres(s, live, gaz, home)


#: After a name, a lowercase "airport" that no words tie to a place after it:
#: "Orly *airport*, police said", not "Heathrow *airport in* London" nor
#: "Heathrow *airport, west* London".
_AIRPORT_ALONE = re.compile(
    r"\s(?:(?:International|Regional|Municipal)\s)?airport\b"
    r"(?!\s+(?:in|near|outside)\s|,\s+(?:in\s+|near\s+)?(?:[A-Z]|"
    + _COMPASS_WORD.pattern
    + r"\s))"
)


#: After an airport's name: "Stansted *airport*", "Logan *International
#: Airport*".
_AIRPORT_AFTER = re.compile(
    r"\s(?:(?:International|Regional|Municipal)\s)?[Aa]irport\b"
)


def _airports_town(s: _Span, pid: int, gaz: Gazetteer, text: str) -> bool:
    """Whether ``s`` names an airport by the first words of the town ``pid``.

    "Stansted airport" (or "Airport"), beside the village of Stansted
    Mountfitchet, which the gazetteer holds by its other name "Stansted": an
    airport is named after the town it serves, often by its name's first
    word. Not "Mont Blanc" (no airport), nor an airport named by a town's other
    name that is no part of its own.

    >>> from geosleuth.read._toponym_span import _Span
    >>> gaz = Gazetteer.default()
    >>> pid = next(
    ...     p for p, _ in gaz.match_ids("Stansted") if gaz.country_code(p) == "GB"
    ... )
    >>> text = "at Stansted airport"
    >>> _airports_town(_Span(3, 11, "Stansted", []), pid, gaz, text)
    True
    >>> _airports_town(_Span(3, 11, "Stansted", []), pid, gaz, "at Stansted")
    False
    """
    return _AIRPORT_AFTER.match(text, s.end) is not None and norm_key(
        gaz.place(pid).name
    ).startswith(norm_key(s.text) + " ")


def _coheres(
    s: _Span,
    live: list[_Span],
    gaz: Gazetteer,
    home: Place | None = None,
) -> bool:
    """Whether the town ``s`` picked lies among the document's other places.

    In a division that another name names, or within ``COHERENT_KM`` of another
    town (or of the document's ``home``); or the document names no other town.
    The names that lend nothing (:func:`lends_nothing`) are not counted.
    """
    pid = s.pick
    where = (gaz.country_code(pid), gaz.admin1_code(pid))
    key = norm_key(s.text)
    others = [
        t.pick
        for t in live
        if t.pick >= 0
        and t.role == "place"
        and norm_key(t.text) != key
        and not lends_nothing(t, gaz)
    ]
    if any(
        gaz.kind(p) == "admin" and (gaz.country_code(p), gaz.admin1_code(p)) == where
        for p in others
    ):
        return True
    points = [
        (float(gaz.lons[p]), float(gaz.lats[p]))
        for p in others
        if gaz.kind(p) in _LOCAL
    ]
    if home is not None:
        points.append((home.lon, home.lat))
    points = [(x, y) for x, y in points if math.isfinite(x) and math.isfinite(y)]
    if not points:
        return True  # no other town: "Death Valley", alone, is the village
    lons, lats = np.array(points).T
    d = haversine_km(lons, lats, gaz.lons[pid], gaz.lats[pid])
    return bool(np.min(d) <= COHERENT_KM)


#: "X in Y", "X, west Y": what may come between a name and the town that holds
#: it (a comma alone would join a list: "Leeds, London and Paris").
_IN_TOWN = re.compile(
    r"\s+in\s+(?:the\s+)?(?:town\s+of\s+|city\s+of\s+)?"
    r"|,\s+" + _COMPASS_WORD.pattern + r"\s+"
)


#: After a name, a list's next item: "Hajin, eastern Aleppo *and* Raqqa"; not
#: after a comma ("Lewisham, south-east London, and Paris" may be an aside).
_LIST_GOES_ON = re.compile(r"\s+(?:and|or)\s+(?:the\s+)?[A-Z]")


def far_from_its_town(s: _Span, live: list[_Span], gaz: Gazetteer, text: str) -> bool:
    """Whether "X in Y" names, by X, a town far from the town Y that holds it.

    "North Beach in Burlington" (Vermont) is a beach of Burlington, not North
    Beach, Maryland, 600 km away, nor "Heathrow, west London" Heathrow,
    Florida (the gazetteer holds no Heathrow in England): a small town picked
    for X more than ``COHERENT_KM`` from the town picked for Y, the next
    name, gives way (X stays a place, unresolved). After a comma, only to a Y
    of ``_IMPORTANT_POP`` that ends no list ("Hajin, eastern Aleppo and Raqqa"
    names three places): "Otley, west Yorkshire" is Otley, England, whatever
    small town Yorkshire is taken for. A country or division Y qualifies X as
    "X, Y" does (:func:`in_qualifier`).
    """
    pid = s.pick
    if gaz.kind(pid) not in _LOCAL or int(gaz.pops[pid]) >= _IMPORTANT_POP:
        return False
    m = _IN_TOWN.match(text, s.end)
    if m is None:
        return False
    town = next((t for t in live if t.start == m.end()), None)
    if town is None or town.pick < 0 or gaz.kind(town.pick) not in _LOCAL:
        return False
    if m.group().startswith(",") and (
        int(gaz.pops[town.pick]) < _IMPORTANT_POP or _LIST_GOES_ON.match(text, town.end)
    ):
        # "Otley, west Yorkshire": no town in Virginia holds Otley; "Hajin,
        # eastern Aleppo and Raqqa": a list, not a town and its part of a city
        return False
    d = haversine_km(
        gaz.lons[town.pick], gaz.lats[town.pick], gaz.lons[pid], gaz.lats[pid]
    )
    return bool(d > COHERENT_KM)
