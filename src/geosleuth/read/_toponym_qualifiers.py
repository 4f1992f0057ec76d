"""Qualifiers and lists of toponyms: what the names around a candidate say of it.

Whether a candidate place is a large or prominent one (:func:`is_big`,
:func:`_prominent`: a country, a division, a continent, or a city of
:data:`_IMPORTANT_POP`); whether a name stands in a list of prominent places
("Mali, Niger, and Senegal": :func:`_between_places`) or starts one ("in
Washington, Pennsylvania and California": :func:`_list_goes_on`,
:data:`_NEXT_ITEM`); and the state, country or town that qualifies it: "Sioux
Falls, S.D." (:func:`_qualifier_match`), "Jordan, Minn." (:func:`_town_in_state`),
"Langtang village in Nepal" (:func:`_in_division`), "Tripoli (Lebanon)" and "the
Lebanese city of Tripoli" (:func:`_placing_qualifier`), "Pandi, Bulacan"
(:func:`_after_its_town`), each by the first-level divisions of the matches
(:func:`_divisions_of`). Gazetteer and text only; used by
:mod:`geosleuth.read._toponym_detect` to weigh a name and by
:mod:`geosleuth.read._toponym_resolve` to pick its place.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Iterable

import numpy as np

from geosleuth.gazetteer import Gazetteer
from geosleuth.geometry import Area, Geometry, Point, haversine_km
from geosleuth.read._lexicon import DEMONYMS
from geosleuth.read._toponym_patterns import (
    _AND_AFTER,
    _AND_BEFORE,
    _LIST_AFTER,
    _LIST_BEFORE,
    _POSSESSIVE,
)

__all__ = [
    "_DESIGNATED",
    "_IMPORTANT_POP",
    "_LOCAL",
    "_NEXT_ITEM",
    "_PART_OF",
    "_after_its_town",
    "_between_places",
    "is_big",
    "_comma_qualifier",
    "_designated",
    "_divisions_of",
    "_in_division",
    "_list_goes_on",
    "_placing_qualifier",
    "_prominent",
    "_qualifier_match",
    "_town_in_state",
]

_IMPORTANT_POP = 100_000
_LOCAL = ("city", "town", "village", "county")


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
    """Whether the span follows "<town>, " and lies with that town: same division.

    A country's name is the country even where one of its own divisions shares
    it: "La Paz, Mexico" is a town of Mexico, not of the State of México.
    """
    m = _PAIR_BEFORE.search(before)
    if m is None:
        return False
    own = {
        gaz.country_code(p) for p, w in cands if w >= 1.0 and gaz.kind(p) == "country"
    }
    if any(
        w >= 1.0 and gaz.kind(p) == "admin" and gaz.country_code(p) in own
        for p, w in cands
    ):
        return False
    towns = _divisions_of(gaz, gaz.match_ids(m.group(1)), kinds=_LOCAL, weight=1.0)
    return any(
        w >= 1.0 and (gaz.country_code(p), gaz.admin1_code(p)) in towns
        for p, w in cands
        if gaz.admin1_code(p)
    )


def is_big(gaz: Gazetteer, cands: list[tuple[int, float]], min_weight: float) -> bool:
    """Whether a candidate matched at least this well is a large place or area.

    A country, division, continent, region, river or border, or a place of
    ``_IMPORTANT_POP`` people.
    """
    return any(
        gaz.kind(p) in ("country", "admin", "continent", "region", "river", "border")
        or int(gaz.pops[p]) >= _IMPORTANT_POP
        for p, w in cands
        if w >= min_weight
    )


#: "X, Y": up to three capitalised words after the comma (group 1), Y.
_COMMA_AFTER = re.compile(r"^,\s*((?:[A-Z][\w.]*\.?\s?){1,3})")


def _comma_qualifier(gaz: Gazetteer, after: str) -> tuple[str, int] | None:
    """The name after "X, " that may qualify X, and where it ends in ``after``.

    Up to three capitalised words ("Sioux Falls, S.D.", "Tripoli, Lebanon").
    Where they run on past a full stop into the next sentence ("Tripoli,
    Lebanon. Tripoli has been calm", "Paris, Texas. The"), and the whole run
    names no country or division, the longest of its first words that end on a
    full stop and do name one. None when no capitalised word follows the comma.
    """
    q = _COMMA_AFTER.match(after)
    if q is None:
        return None
    text = q.group(1).strip().rstrip(",").strip()
    name = _division_named(gaz, text)
    if name and len(name) < len(text.rstrip(".")):
        return name, q.start(1) + len(name)
    if not name and not _an_item(gaz, after[q.end() :]):
        # "Juchitán, Oaxaca", "Juchitán, Oaxaca state": the state the
        # gazetteer holds as "Oaxaca State" (review r86, #3); not "Acapulco,
        # Oaxaca and Veracruz", a list (review r93, #6)
        return _designated(gaz, text) or text, q.end()
    return text, q.end()


def _an_item(gaz: Gazetteer, rest: str) -> bool:
    """Whether "X, Y" goes on, in ``rest``, as a list: ", and Z", "and Z".

    Not with a country ("Juchitán, Oaxaca, Mexico"), which places the two.
    """
    m = _NEXT_ITEM.match(rest)
    return m is not None and not any(
        w >= 0.9 and gaz.kind(p) == "country"
        for p, w in gaz.match_ids(m.group(1).rstrip("."))
    )


#: How a state's name is written with its kind where the gazetteer holds it
#: so ("Chihuahua State", "Oaxaca State" of admin1.csv; GeoNames' "Estado de
#: Chihuahua").
_DESIGNATED = ("{} State", "State of {}", "Estado de {}")


def _designated(gaz: Gazetteer, run: str) -> str:
    """The first-level division a run names with its kind only, by that name, or "".

    "Oaxaca" names the city, and the gazetteer holds the state as "Oaxaca
    State": the name of a state written after a town, or with "state", is
    that state (review r86, #3), which holds the city of its name too. "" where
    the run, a possessive and a full stop left off, names a country or
    division itself, or none with its kind.
    """
    name = _POSSESSIVE.sub("", run.rstrip("."))
    if not name or any(
        w >= 0.9 and gaz.kind(p) in ("country", "admin") for p, w in gaz.match_ids(name)
    ):
        return ""
    for form in _DESIGNATED:
        full = form.format(name)
        if any(w >= 0.9 and gaz.kind(p) == "admin" for p, w in gaz.match_ids(full)):
            return full
    return ""


#: A part of the country or division after "in": "Tripoli, in northern Lebanon".
_DIRECTION = (
    r"(?:(?:north|south)(?:-?(?:east|west))?ern|(?:east|west)ern|central|"
    r"(?:north|south)(?:-?(?:east|west))?|east|west)\s+"
)
#: A part of a country or division by its land: "Tamazula, in the *mountains
#: of* Durango state", "in the *foothills of* ...", "in the *interior of* ...".
_PART_OF = (
    r"(?:mountains|hills|highlands|uplands|foothills|sierras?|jungles?|forests?|"
    r"deserts?|countryside|interior|heart|cent(?:re|er)|far\s+(?:north|south|east|"
    r"west))\s+of\s+(?:the\s+)?"
)
#: A run of capitalised words: the name of a country or division.
_NAME = r"([A-Z][\w’'.-]*(?:\s[A-Z][\w’'.-]*)*)"
#: "X in Y", "X village in Y", "X, in northern Y", "X in the north of Y", "X,
#: northern Y", "X, in neighbouring Y state", "X, in the mountains of Y state",
#: "X, in the state of Y":
#: a place and where it lies (Y, the
#: whole run of capitalised words after "in" or the direction, is group 1).
_IN_AFTER = re.compile(
    r"^(?:(?:\s+(?:village|town|city|hamlet|settlement|district|area))?,?\s+in\s+"
    r"(?:the\s+)?(?:"
    + _DIRECTION
    + r"|(?:north|south|east|west)\s+of\s+|(?:state|province)\s+of\s+|"
    + _PART_OF
    + r")?"
    r"(?:(?:neighbou?ring|nearby|adjacent|adjoining)\s+)?"
    r"|,\s+" + _DIRECTION + r")" + _NAME
)
#: "X (Y)": the country or division in parentheses right after the name.
_PARENS_AFTER = re.compile(r"^\s?\(" + _NAME + r"\)")
#: "the northern Lebanese city of X", "the Syrian border town of X": the words
#: between the article and the kind of place (group 1, no article, "of" or
#: "and" among them: not "the Iraqi forces took the city of X") hold a demonym.
_KIND_OF_BEFORE = re.compile(
    r"\b(?:the|a|an)\s+((?:(?!(?:the|a|an|of|and|or|to|in)\s)[\w’'-]+\s+){1,4}?)"
    r"(?:city|town|village|port|hamlet|settlement|suburb|enclave|outpost|capital)"
    r"\s+of\s+$",
    re.IGNORECASE,
)


def _in_division(gaz: Gazetteer, after: str) -> str:
    """The country or first-level division that "in Y" after a name places it in.

    "a cave near Langtang village in Nepal", "Dover in Delaware", "Hajin, in
    eastern Syria", "Tripoli in the north of Lebanon", "Hajin, eastern Syria",
    "Tamazula, in neighbouring Durango state":
    Y qualifies the name as "Langtang, Nepal" would. Y is the whole run of
    capitalised words after "in" or the direction ("in North-Western Sydney"
    names no Zambian province), as :func:`_division_named` reads it; "" when
    it names no country or division.
    """
    m = _IN_AFTER.match(after)
    if m is None:
        return ""
    return _division_named(gaz, m.group(1)) or _designated(gaz, m.group(1))


def _division_named(gaz: Gazetteer, run: str) -> str:
    """The country or division that a run of capitalised words names, or "".

    The whole run, a possessive and a full stop left off, matched at least by
    an alternate name of a country or division; where it runs on past a full
    stop into the next sentence ("Lebanon. Tripoli"), the longest of its first
    words that end on a full stop and name one.
    """
    cuts = [m.start() for m in re.finditer(r"\.(?= )", run)]
    for end in (len(run), *reversed(cuts)):
        name = _POSSESSIVE.sub("", run[:end].rstrip("."))
        if any(
            w >= 0.9 and gaz.kind(p) in ("country", "admin")
            for p, w in gaz.match_ids(name)
        ):
            return name
    return ""


def _demonym_countries(before: str) -> list[str]:
    """The countries the demonyms of "the northern Lebanese city of " name.

    ``before`` is the text right before a name. Nearest the kind of place
    first: "the Iraqi Kurdish city of Erbil" gives Kurdistan, then Iraq. Empty
    without such words, or without a demonym among them.
    """
    m = _KIND_OF_BEFORE.search(before)
    if m is None:
        return []
    words = m.group(1).split()
    out: list[str] = []
    for end in range(len(words), 0, -1):
        for size in (2, 1):  # "Sri Lankan" before "Lankan"
            if end - size < 0:
                continue
            country = DEMONYMS.get(" ".join(words[end - size : end]))
            if country is not None and country not in out:
                out.append(country)
    return out


def _placing_qualifier(
    gaz: Gazetteer, before: str, after: str, cands: list[tuple[int, float]]
) -> str:
    """The country or division that names around a toponym place it in.

    "X in Y" and "X, in northern Y" (:func:`_in_division`) qualify X as "X, Y"
    does, and place a small town even where the gazetteer holds none of its
    name in Y ("Langtang village in Nepal": unresolved, as "Langtang, Nepal").
    After the name of a large place (:func:`is_big`: a city of
    ``_IMPORTANT_POP``), whose importance outweighs what the document's other
    names say, "in Y", "X (Y)" and a demonym before "city of X" ("the northern
    Lebanese city of Tripoli") qualify X too, where a place of its name (no
    division) lies in Y and X names no country or division itself: Tripoli,
    Lebanon, not the larger Tripoli, Libya; "Texas in Washington" is the
    state. A smaller town needs no more than the country's mention itself,
    which places it as any other name of the document does ("the Syrian town
    of Hajin"). A part of Y's land ("X, in the hills of Y") qualifies X only
    where a place of its name lies in Y. ``before`` and ``after`` are the
    texts around the name; "" when nothing qualifies it.
    """
    name = _in_division(gaz, after)
    part = _IN_AFTER.match(after)
    if (
        name
        and part is not None
        and re.search(_PART_OF, after[: part.start(1)], re.IGNORECASE)
    ):
        # "San Miguel, in the hills of Durango": the town of that name in Y,
        # however large the San Miguels abroad (review r65); "Cosalá, in the
        # hills of Durango": none, and the land the town lies by is in Y's
        # country, beside Y (review r64, L1)
        if _qualifier_match(gaz, name, cands) is not None:
            return name
        return _division_beside(gaz, name, cands)
    if not is_big(gaz, cands, 0.9):
        return name
    parens = _PARENS_AFTER.match(after)
    names = [
        name,
        _division_named(gaz, parens.group(1)) if parens is not None else "",
        *_demonym_countries(before),
    ]
    if any(w >= 1.0 and gaz.kind(p) in ("country", "admin") for p, w in cands):
        return ""
    return next(
        (n for n in names if n and _qualifier_match(gaz, n, cands) is not None), ""
    )


#: How near the land of a division a town lies beside it: "Cosalá (Elota,
#: Mazatlán), in the hills of Durango" (Sinaloa, 40-80 km from Durango's
#: towns), "Tamazula, in the desert of Sonora" (120 km).
_BESIDE_KM = 150.0


def _division_beside(gaz: Gazetteer, name: str, cands: list[tuple[int, float]]) -> str:
    """The division of the town of ``cands`` that lies beside the division ``name``.

    "Cosalá, in the hills of Durango": no Cosalá lies in Durango, but one lies
    in Sinaloa, beside it (within :data:`_BESIDE_KM` of its land: review r64,
    L1); "Santiago, in the hills of Durango" is no Santiago of Chile, nor of
    Nuevo León, 300 km off (review r65). The town of that very name nearest to
    the land names the division (its country where it has none); ``name``
    itself where there is none: the town is one the gazetteer lacks, as in
    "Santiago, Durango".
    """
    lands = [
        gaz.place(p).geometry
        for p, w in gaz.match_ids(name)
        if w >= 0.9 and gaz.kind(p) in ("admin", "country")
    ]
    near = [
        (
            min(
                _km_from(land, float(gaz.lons[p]), float(gaz.lats[p])) for land in lands
            ),
            p,
        )
        for p, w in cands
        if w >= 1.0 and gaz.kind(p) not in ("admin", "country")
    ]
    km, town = min(near, default=(math.inf, -1))
    if km > _BESIDE_KM:
        return name
    division = gaz.admin_place_id(gaz.country_code(town), gaz.admin1_code(town))
    if division is None:
        division = gaz.country_place_id(gaz.country_code(town))
    return name if division is None else gaz.place(division).name


def _km_from(land: Geometry, lon: float, lat: float) -> float:
    """Kilometres from (``lon``, ``lat``) to ``land``: 0 inside an area.

    On a plane about the point, near enough within a few hundred kilometres.
    """
    if isinstance(land, Point):
        return float(haversine_km(lon, lat, land.lon, land.lat))
    if not isinstance(land, Area):
        return math.inf
    kx, ky = 111.32 * math.cos(math.radians(lat)), 110.57
    best = math.inf
    for polygon in land.polygons:
        ring = np.asarray(polygon[0], dtype=np.float64)
        ring = np.vstack([ring, ring[:1]])  # closed
        x, y = (ring[:, 0] - lon) * kx, (ring[:, 1] - lat) * ky
        ax, ay, dx, dy = x[:-1], y[:-1], np.diff(x), np.diff(y)
        crosses = (ay > 0) != (ay + dy > 0)
        at_x = ax - ay * dx / np.where(dy == 0, 1e-12, dy)
        if int(np.count_nonzero(crosses & (at_x > 0))) % 2 == 1:
            return 0.0
        t = np.clip(-(ax * dx + ay * dy) / np.maximum(dx * dx + dy * dy, 1e-12), 0, 1)
        best = min(best, float(np.min(np.hypot(ax + t * dx, ay + t * dy))))
    return best


def _divisions_of(
    gaz: Gazetteer,
    matches: Iterable[tuple[int, float]],
    *,
    kinds: Collection[str],
    weight: float,
) -> set[tuple[str, str]]:
    """(country, first-level division) of the ``matches`` of those ``kinds``.

    Only matches of at least ``weight`` count: the divisions a name places a
    town or a state in ("Springfield, Ill.": Illinois's).
    """
    return {
        (gaz.country_code(p), gaz.admin1_code(p))
        for p, w in matches
        if w >= weight and gaz.kind(p) in kinds
    }


def _town_in_state(
    gaz: Gazetteer, qualifier: str, cands: list[tuple[int, float]]
) -> bool:
    """Whether a country's name qualified by a state names a town in that state.

    "Jordan, Minn.", "Peru, Indiana", "Lebanon, Tenn.": the qualifier is a
    first-level division and no country ("Georgia" is both), and the name is
    that of a town in it.
    """
    matches = gaz.match_ids(qualifier)
    if any(w >= 0.9 and gaz.kind(p) == "country" for p, w in matches):
        return False
    states = _divisions_of(gaz, matches, kinds=("admin",), weight=0.9)
    return any(
        w >= 1.0
        and gaz.kind(p) in ("city", "town", "village")
        and (gaz.country_code(p), gaz.admin1_code(p)) in states
        for p, w in cands
    )


#: After "X, Y": another item, so that Y is the next of a list, not X's state.
_NEXT_ITEM = re.compile(
    r"^\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or|&)\s+)"
    r"([A-Z][\w’'.-]*(?:\s[A-Z][\w’'.-]*)?)"
)


def _list_goes_on(gaz: Gazetteer, rest: str, cands: list[tuple[int, float]]) -> bool:
    """Whether "X, Y" is the start of a list of states or countries.

    ``rest`` is the text after "X, Y" and ``cands`` are X's candidates. "in
    Washington, Pennsylvania and California": X is a state too and the list
    goes on with another, so Pennsylvania is an item of it, not Washington's
    state. "Springfield, Ill., and Chicago" goes on with a city, and "Paris,
    Texas, and Oklahoma" starts with no state: Texas stays the qualifier.
    """
    if not any(w >= 0.9 and gaz.kind(p) in ("admin", "country") for p, w in cands):
        return False
    m = _NEXT_ITEM.match(rest)
    return m is not None and any(
        w >= 0.9 and gaz.kind(p) in ("admin", "country")
        for p, w in gaz.match_ids(m.group(1).rstrip("."))
    )


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
