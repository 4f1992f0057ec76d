"""Document-level resolution of toponyms: the place each detected span names.

:func:`_resolve` scores each span's candidates by match quality and an importance
prior, then re-scores them in three rounds (:func:`_round`) with the context of
the other spans' picks: the same country, the same first-level division, the
distance to the other places, the kind of the places a span is listed with, an
explicit "X, State" qualifier. :class:`_Tally` sums that context once a round, so
resolution stays near-linear in the number of mentions. A name shaped like a
feature, street or airport that picked a town far from all the document's other
towns is left unresolved, and so is "X in Y" where X picked a town far from the
town Y, in each of X's mentions (:mod:`geosleuth.read._toponym_give_way`); what
a qualifier or the words of a state say of a name is read by
:mod:`geosleuth.read._toponym_qualified`.
The public entries are :func:`geosleuth.read.toponyms.find_toponyms` and
:func:`geosleuth.read.toponyms.resolve_toponyms`, whose module docstring states
the rules.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import NDArray

from geosleuth.gazetteer import Gazetteer, Place, norm_key
from geosleuth.geometry import haversine_km
from geosleuth.read._datelines import _dateline_town
from geosleuth.read._toponym_detect import _Span
from geosleuth.read._toponym_give_way import (
    COHERENT_KM,
    compass_division,
    compass_town,
    far_from_its_town,
    foreign_compass_town,
    fragment,
    lends_nothing,
    misspelt_english,
    near_any_other,
    placed,
    vague_region,
)
from geosleuth.read._toponym_patterns import _LIST_GAP
from geosleuth.read._toponym_qualified import (
    STATE_AFTER,
    STATE_OF_BEFORE,
    designated_divisions,
    outside_qualifier,
    qualifier_places,
    qualifies,
    shared_qualifiers,
    town_qualified_by,
)
from geosleuth.read._toponym_qualifiers import (
    _IMPORTANT_POP,
    _LOCAL,
    _divisions_of,
)

__all__ = ["_resolve"]

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
#: An alternate-name reading below an exact important place of that name
#: ("Mexico": the country over Mexico City), unless the document names the
#: alternate's country outright, and no reading of the name's own lies in it
#: ("Odessa" beside "Ukrainian": Odesa).
_W_ALTERNATE = 0.6


def _resolve(
    spans: list[_Span], gaz: Gazetteer, text: str, home: Place | None = None
) -> None:
    live = [s for s in spans if s.cands and s.role != "person"]
    if not live:
        return
    for s in live:
        s.aloof = compass_town(s, gaz) and not near_any_other(s, live, gaz)
    _resolve_live(live, gaz, text, home)
    if _respell_far_alternates(live, gaz):
        _resolve_live(live, gaz, text, home)
    unplaced = set()
    for s in live:
        if s.pick >= 0 and (
            (s.shaped and not placed(s, live, gaz, text, home))
            or foreign_compass_town(s, live, gaz, text, home)
        ):
            # "Mount Rainier" near Tacoma is the mountain, not the town; "West
            # Yorkshire" beside Leeds, England, no town in Virginia
            unplaced.add((norm_key(s.text), s.pick))
            s.pick = -1
    for s in live:
        if s.pick >= 0 and (
            far_from_its_town(s, live, gaz, text)
            or compass_division(s, gaz, text)
            or vague_region(s, gaz)
            or fragment(s, text)
            or misspelt_english(s, gaz)
        ):
            unplaced.add((norm_key(s.text), s.pick))
            s.pick = -1
    for s in live:
        if (norm_key(s.text), s.pick) in unplaced:
            # one sense per discourse: after "the Five Points neighborhood" of
            # Athens, Georgia, "within 2 miles of Five Points" is no town in Ohio
            s.pick = -1


_FAR_KM = 1000.0  # an alternate-name match this far from every other place ...
# ... gives way to a loose spelling within COHERENT_KM of one


def _respell_far_alternates(live: list[_Span], gaz: Gazetteer) -> bool:
    """Turn a far alternate-name match into a loose one near the other places.

    "Mayan" is an alternate name of Mayanhe in China and, written loosely, al-
    Mayadin; beside Deir ez-Zor it is the latter. A span whose candidates all
    match by an alternate or article-stripped name (none by its own name), whose
    pick is a small town more than ``_FAR_KM`` from every other exactly matched
    place and in none of their countries ("Phila." stays Philadelphia beside Los
    Angeles), is matched loosely instead, among the loose candidates within
    ``COHERENT_KM`` of one of those places, when there are any. Returns whether
    any span changed.
    """
    exact = [s for s in live if not s.loose and s.pick >= 0 and s.role == "place"]
    changed = False
    for s in exact:
        if (
            gaz.kind(s.pick) not in _LOCAL
            or int(gaz.pops[s.pick]) >= _IMPORTANT_POP
            or max(w for _, w in s.cands) >= 1.0
        ):
            continue
        key = norm_key(s.text)
        others = [t.pick for t in exact if norm_key(t.text) != key]
        if not others or gaz.country_code(s.pick) in {
            gaz.country_code(p) for p in others
        }:
            continue
        lons, lats = gaz.lons[others], gaz.lats[others]
        if (
            haversine_km(lons, lats, gaz.lons[s.pick], gaz.lats[s.pick]).min()
            <= _FAR_KM
        ):
            continue
        own = {p for p, _ in s.cands}
        near = [
            (p, w)
            for p, w in gaz.match_ids(s.text, loose=True, fuzzy=True)
            if w >= 0.15
            and p not in own
            and gaz.kind(p) in _LOCAL
            and haversine_km(lons, lats, gaz.lons[p], gaz.lats[p]).min() <= COHERENT_KM
        ]
        if near:
            s.cands, s.loose, changed = near, True, True
    return changed


def _resolve_live(
    live: list[_Span], gaz: Gazetteer, text: str, home: Place | None
) -> None:
    base: list[dict[int, float]] = []
    demoted: list[frozenset[int]] = []
    dateline = _dateline_town(text)
    for n, s in enumerate(live):
        wp = 0.3 if s.loose else _W_PRIOR  # a loose match is about place, not size
        state_of = bool(STATE_OF_BEFORE.search(text[max(0, s.start - 40) : s.start]))
        state_named = (
            s.after_town
            or bool(STATE_AFTER.match(text[s.end : s.end + 12]))
            or state_of
            or town_qualified_by(live, n, text, gaz)
        )
        cands = s.cands
        if state_named and not any(
            w >= 1.0 and gaz.kind(p) == "admin" for p, w in cands
        ):
            # "the state of Chihuahua", "Oaxaca state": the state the gazetteer
            # holds as "Chihuahua State" or "Estado de Oaxaca" (review r65), an
            # exact match of the name for the rest of the document's names too:
            # "Huatulco, in the state of Oaxaca" is the Santa María Huatulco
            # near it, no far alternate (review r86, #3)
            cands = s.cands = cands + designated_divisions(gaz, s.text, cands)
        cands = _promote_cities(cands, gaz, state_named=state_named)
        if state_of and any(w >= 1.0 and gaz.kind(p) == "admin" for p, w in cands):
            # "the state of Chihuahua": the state, whatever a dateline or a
            # city of the same name nearby says
            cands = [(p, w) for p, w in cands if gaz.kind(p) in ("admin", "country")]
        if (
            dateline is not None
            and not state_named
            and not _an_area_by_its_side(text, s.start, s.end)
            and not _LAND_AFTER.match(text, s.end)
            and not _in_a_list(live, n, text, gaz)
        ):
            cands = _dateline_city(s, cands, gaz, dateline)
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
                    base[-1][p] -= _W_ALTERNATE
        # ... that a town may regain in a country where the name names nothing
        # else (see _context_scores)
        exact = {gaz.country_code(p) for p, w in cands if w >= 1.0}
        demoted.append(
            frozenset(
                p
                for p, w in cands
                if w < 1.0
                and gaz.kind(p) in ("city", "town")
                and gaz.country_code(p) not in exact
            )
            if primary_area
            else frozenset()
        )
        if len(base[-1]) > 400:
            top = sorted(base[-1].items(), key=lambda t: -t[1])[:400]
            base[-1] = dict(top)
    # explicit qualifiers: "Springfield, Ill." -> admin1 / country of the qualifier
    qual = shared_qualifiers(
        live, [next(iter(qualifier_places(s, gaz)), None) for s in live]
    )
    for n in range(len(live) - 1):  # "Utah, Washington and Wisconsin"
        if _LIST_GAP.match(text[live[n].end : live[n + 1].start]) and not qualifies(
            live[n], live[n + 1], gaz
        ):
            live[n].listed_with.append(n + 1)
            live[n + 1].listed_with.append(n)
    picks = [max(b, key=lambda p: b[p]) for b in base]
    scores: list[dict[int, float]] = []
    for _ in range(3):
        picks, scores = _round(live, base, qual, picks, gaz, home, demoted)
    for s, pick, probs in zip(live, picks, scores, strict=True):
        s.pick, s.probs = pick, probs  # the pick is the best of its own scores
        if outside_qualifier(s, gaz, text):
            s.pick = -1  # a town of that state that the gazetteer lacks


#: Words of a town's people, wealth or crowding before its side, which make
#: it no area of the state: "the crowded (affluent, industrial, poor) north of
#: Durango" is the city's (review r93, #5); not "the rugged (arid, sparsely
#: populated) north", the land's.
_TOWNS_PEOPLE = (
    r"(?:industrial|affluent|wealthy|wealthier|rich|richer|poor|poorer|"
    r"crowded|densely|quiet|residential|upscale|leafy|bustling|busy|"
    r"commercial|historic|old|colonial|working-class|middle-class|posh|"
    r"trendy|built-up|gritty|impoverished|prosperous|urban|suburban)"
)
#: What makes the name after it an area rather than a town, though the name
#: is a dateline's: a side or kind of land ("northern Durango", "rural
#: Durango"), a part of it ("in the mountains of (northern) Durango", "the
#: north of Durango"), or a spread over it ("across Durango", "much of
#: Durango"): review r64, H1; a side of it with words of its land before the
#: side ("the mountainous (rugged, sparsely populated) north of Durango":
#: review r86, #6). Not the parts of a town ("the centre (heart, outskirts) of
#: Durango", "central (downtown) Durango"), nor a place by it ("a village
#: north of Durango", "the road north of Durango"), which are of the
#: dateline's city (review r65, M).
_AREA_BEFORE = re.compile(
    r"(?:\b(?:(?:north|south)(?:-?(?:east|west))?ern|(?:east|west)ern|"
    r"rural|upstate|mountainous|remote|neighbou?ring|nearby|adjacent)"
    r"|\b(?:mountains|hills|highlands|uplands|foothills|sierras?|jungles?|"
    r"forests?|deserts?|countryside|interior|rest|parts?|much|most|all|whole|"
    r"the\s+(?:(?!(?:area|region|zone|territory|road|highway|route|town|village|"
    r"city|hamlet|settlement|ranch|farm|community|municipality|district|border|"
    r"airport|base|prison|camp|house|home|property|site|spot|point|place|"
    r"valley|desert|mountain|hill|river|lake|coast|land|way|one|"
    + _TOWNS_PEOPLE
    + r"|[a-z]+(?<!ou)(?<!les)s)\s)[a-z][\w-]*\s+){0,2}?"
    r"(?:(?:north|south)(?:-?(?:east|west))?|east|west))"
    r"\s+of(?:\s+the)?"
    r"|\b(?:across|throughout))\s+$",
    re.IGNORECASE,
)
#: A side of the name after it with words before the side: "the rugged north
#: of".
_SIDE_WITH_WORDS = re.compile(
    r"\bthe\s+(?:[a-z][\w-]*\s+){1,2}?"
    r"(?:(?:north|south)(?:-?(?:east|west))?|east|west)\s+of(?:\s+the)?\s+$",
    re.IGNORECASE,
)
#: After a dateline's name, what ties it to the town: "city" ("the north of
#: Durango *city*"), or a landmark, street or district of it nearby ("*, near
#: the bus station*", "*, near the university*"): review r93, #5.
_TOWN_TIE_AFTER = re.compile(
    r"\s+city\b|\s*,?\s+near\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:park|station|cathedral|university|market|square|plaza|street|avenue|"
    r"boulevard|neighbou?rhood|district|colonia|church|hospital|stadium|"
    r"airport|mall|centre|center|campus|terminal|zócalo|city\s+hall)\b",
    re.IGNORECASE,
)


def _an_area_by_its_side(text: str, start: int, end: int) -> bool:
    """Whether the words before the dateline's name at ``start`` make it the area.

    :data:`_AREA_BEFORE`, unless "city" follows the name ("the north of
    Durango *city*"), or, for a side with words before it ("the rugged north
    of"), a landmark of the town does (:data:`_TOWN_TIE_AFTER`: "the quiet
    west of Durango, *near the Guadiana park*"): review r93, #5.
    """
    before = text[max(0, start - 60) : start]
    if not _AREA_BEFORE.search(before):
        return False
    tie = _TOWN_TIE_AFTER.match(text, end)
    if tie is None:
        return True
    if tie.group(0).strip().lower() == "city":
        return False
    return not _SIDE_WITH_WORDS.search(before)


#: After a dateline's name, its land that makes the name the area: "the heart
#: of *Durango's Sierra Madre*", "*Durango's rugged mountains*" (review r86,
#: #6); not "Durango's cathedral", "the heart of Durango's old town".
_LAND_AFTER = re.compile(
    r"[’']s\s+(?:[\w-]+\s+){0,2}?(?:mountains|hills|highlands|uplands|"
    r"foothills|sierras?|jungles?|forests?|deserts?|countryside|interior|"
    r"backcountry|hinterland)\b",
    re.IGNORECASE,
)


def _in_a_list(live: list[_Span], n: int, text: str, gaz: Gazetteer) -> bool:
    """Whether ``live[n]`` is an item of a list of places ("Zacatecas and Durango").

    A dateline's name in a list of places is one area among others, not the
    town the report was filed from (review r64, H1).
    """
    return any(
        0 <= a < b < len(live)
        and _LIST_GAP.match(text[live[a].end : live[b].start]) is not None
        and not qualifies(live[a], live[b], gaz)
        for a, b in ((n - 1, n), (n, n + 1))
    )


_MAJOR_CITY_POP = 1_000_000


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
    admins = _divisions_of(gaz, cands, kinds=("admin",), weight=1.0)
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


def _dateline_city(
    s: _Span,
    cands: list[tuple[int, float]],
    gaz: Gazetteer,
    dateline: tuple[str, str],
) -> list[tuple[int, float]]:
    """Match weights with the city of a dateline preferred to its state.

    "DURANGO, Mexico - Witnesses saw Quiroga in Durango": a dateline names the
    city the report was filed from, and the same name alone in its text means
    that city, not the state of that name it lies in (review r63, M4): the city
    (a city or town of the state, matched at least by an alternate name) is
    promoted to an exact match and the state demoted to an alternate reading.
    Not where the name is written with "state" ("in Durango state", left to
    the caller), nor where the dateline's country or state after the town
    ("DURANGO, Colo.") is not the state's.
    """
    town, where = dateline
    if norm_key(s.text) != norm_key(town):
        return cands
    states = {
        (gaz.country_code(p), gaz.admin1_code(p))
        for p, w in cands
        if w >= 1.0 and gaz.kind(p) == "admin"
    }
    if where:
        named = {
            (gaz.country_code(q), gaz.admin1_code(q) if gaz.kind(q) == "admin" else "")
            for q, w in gaz.match_ids(where.rstrip("."))
            if w >= 0.9 and gaz.kind(q) in ("admin", "country")
        }
        states = {(c, a) for c, a in states if (c, a) in named or (c, "") in named}
    cities = {
        p
        for p, w in cands
        if w >= 0.9
        and gaz.kind(p) in ("city", "town")
        and (gaz.country_code(p), gaz.admin1_code(p)) in states
    }
    if not cities:
        return cands
    out = []
    for p, w in cands:
        home = (gaz.country_code(p), gaz.admin1_code(p))
        if p in cities:
            w = 1.0
        elif gaz.kind(p) == "admin" and home in states:
            w = min(w, 0.8)
        out.append((p, w))
    return out


def _round(
    live: list[_Span],
    base: list[dict[int, float]],
    qual: list[tuple[str, str] | None],
    picks: list[int],
    gaz: Gazetteer,
    home: Place | None,
    demoted: list[frozenset[int]],
) -> tuple[list[int], list[dict[int, float]]]:
    """One round of document-level resolution.

    Each span's scores in the context of the others' picks, and its new pick,
    the best of those scores. ``demoted`` holds, per span, the alternate
    readings whose base lost ``_W_ALTERNATE`` and that may regain it.
    """
    tally = _Tally(_context(live, base, picks, gaz, home))
    new, all_scores = [], []
    for k, (s, b) in enumerate(zip(live, base, strict=True)):
        scores = _context_scores(
            s,
            b,
            tally,
            qual[k],
            gaz,
            _list_kinds(s, picks, gaz),
            demoted=demoted[k],
        )
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
    named_country: bool = False  # ... or the country ("Ukraine", "Ukrainian")


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
    with division support 1/2 (not for country or distance); a country's name
    brings none for the divisions of that country that share it ("Mexico", the
    State of México). A metonym ("the Baghdad administration") places the
    story in its country and division, not near its point. A division the
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
        if t.role == "person" or lends_nothing(t, gaz):
            continue  # "Mount Rainier" may be the mountain: no town to lean on
        key = norm_key(t.text)
        out.append(
            _Ctx(
                key,
                gaz.country_code(p),
                gaz.admin1_code(p),
                t.role != "metonym" and gaz.kind(p) in (*_LOCAL, "admin"),
                float(gaz.lons[p]),
                float(gaz.lats[p]),
                1.0,
                1.0,
                gaz.kind(p) == "admin",
                gaz.kind(p) == "country",
            )
        )
        floor = b.get(p, 0.0) - _ALT_MARGIN
        seen = {(gaz.country_code(p), gaz.admin1_code(p))}
        country = gaz.country_code(p) if gaz.kind(p) == "country" else None
        for q, v in b.items():
            if v < floor or q == p or gaz.country_code(q) == country:
                continue  # "Mexico" the country does not place its State of México
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

    __slots__ = (
        "admins",
        "alone",
        "countries",
        "named",
        "named_alone",
        "named_countries",
    )

    def __init__(self) -> None:
        self.countries: dict[str, float] = defaultdict(float)
        self.admins: dict[tuple[str, str], float] = defaultdict(float)
        self.named: dict[tuple[str, str], int] = defaultdict(int)
        self.named_countries: dict[str, int] = defaultdict(int)
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
        self.named_countries: dict[str, int] = defaultdict(int)
        self.shares: dict[str, _Share] = {}
        points: dict[tuple[float, float], set[str]] = {}
        for o in ctx:
            share = self.shares.get(o.key)
            if share is None:
                share = self.shares[o.key] = _Share()
            if o.country and o.country_support:
                self.countries[o.country] += o.country_support
                share.countries[o.country] += o.country_support
            if o.named_country:
                self.named_countries[o.country] += 1
                share.named_countries[o.country] += 1
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
    *,
    demoted: AbstractSet[int] = frozenset(),
) -> dict[int, float]:
    """Each candidate's score: its base plus what the other places say.

    ``tally`` is the context all mentions bring; the span's own name is left out
    of it. ``listed`` holds the (kind, country) of the states or countries the
    span stands in a list with: "Utah, Washington and Wisconsin" are states,
    "Armenia, Georgia and Azerbaijan" countries. ``demoted`` holds the
    alternate readings (cities and towns) whose base lost ``_W_ALTERNATE`` in
    countries where no reading of the name's own lies: one in a country that
    another name of the document names outright (its name or demonym) gets it
    back ("Odessa" beside "Ukrainian"; not Mexico City beside "Mexican", for
    "Mexico" is the country's own name).
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
    if demoted:
        bonus += np.array(
            [
                _W_ALTERNATE
                if int(p) in demoted
                and tally.named_countries.get(c, 0) > own.named_countries.get(c, 0)
                else 0.0
                for p, c in zip(pids, cc, strict=True)
            ]
        )
    if q is not None:
        # "Long Island, N.Y.": a region of the qualifier's country that no
        # division code places lies in it, as its towns do (not Long Island City)
        bonus += np.array(
            [
                2.0
                if c == q[0]
                and (
                    not q[1]
                    or a == q[1]
                    or (not a and gaz.kind(int(p)) in _FEATURE_KINDS)
                )
                else 0.0
                for p, c, a in zip(pids, cc, aa, strict=True)
            ]
        )
    total = score + bonus
    return {int(p): float(t) for p, t in zip(pids, total, strict=True)}
