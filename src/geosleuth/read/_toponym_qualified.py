"""What a name's qualifier and kind words tell resolution: its state or country.

Helper of :mod:`geosleuth.read._toponym_resolve`. The divisions and countries
a qualifier names ("Springfield, Ill.", "Athens, Georgia":
:func:`qualifier_places`), whether they hold a pick (:func:`in_qualifier`),
shared by a name's unqualified mentions (:func:`shared_qualifiers`); whether
the name after "X, " qualifies X or is a list's next item
(:func:`qualifies`); a town picked for "X, State" outside every state the text
names, which gives way (:func:`outside_qualifier`); and the words that make a
name a state ("New York State": :data:`STATE_AFTER`; "the state of Durango":
:data:`STATE_OF_BEFORE`; "Juchitán, Oaxaca": :func:`town_qualified_by`), with
the divisions that name with its kind names (:func:`designated_divisions`).
Moved out of :mod:`geosleuth.read._toponym_resolve` as it grew past the
house's size for one module.
"""

from __future__ import annotations

import re
from collections import defaultdict

from geosleuth.gazetteer import Gazetteer, norm_key
from geosleuth.read._toponym_detect import _Span
from geosleuth.read._toponym_qualifiers import (
    _DESIGNATED,
    _NEXT_ITEM,
    _PART_OF,
    _qualifier_match,
)

__all__ = [
    "STATE_AFTER",
    "STATE_OF_BEFORE",
    "designated_divisions",
    "in_qualifier",
    "outside_qualifier",
    "qualifier_places",
    "qualifies",
    "shared_qualifiers",
    "town_qualified_by",
]


def in_qualifier(s: _Span, pid: int, gaz: Gazetteer) -> bool:
    """Whether ``s``'s qualifier names the division or country ``pid`` lies in.

    "Mount Vernon, Ohio", "Chamonix, France": the text itself places the town.
    """
    country, admin1 = gaz.country_code(pid), gaz.admin1_code(pid)
    return any(
        c == country and (not a or a == admin1) for c, a in qualifier_places(s, gaz)
    )


def qualifier_places(s: _Span, gaz: Gazetteer) -> list[tuple[str, str]]:
    """(country, first-level division or "") of each place ``s``'s qualifier names.

    "Springfield, Ill.": the state; "Athens, Georgia": the state and the
    country. Empty without a qualifier, or one that names no division or
    country.
    """
    if s.qualifier is None:
        return []
    return [
        (gaz.country_code(q), gaz.admin1_code(q) if gaz.kind(q) == "admin" else "")
        for q, w in gaz.match_ids(s.qualifier[0])
        if w >= 0.9 and gaz.kind(q) in ("admin", "country")
    ]


def shared_qualifiers(
    live: list[_Span], qual: list[tuple[str, str] | None]
) -> list[tuple[str, str] | None]:
    """Each span's qualifier, a name's own for its mentions that have none.

    One sense per discourse: "Tripoli, Lebanon. Tripoli has been calm" names
    Tripoli, Lebanon twice, not the larger Tripoli, Libya the second time. A
    name qualified with two places ("Paris, Texas" and "Paris, France") lends
    neither to its bare mentions.
    """
    named: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for s, q in zip(live, qual, strict=True):
        if q is not None:
            named[norm_key(s.text)].add(q)
    out = []
    for s, q in zip(live, qual, strict=True):
        own = named.get(norm_key(s.text), set())
        out.append(q if q is not None or len(own) != 1 else next(iter(own)))
    return out


def qualifies(s: _Span, t: _Span, gaz: Gazetteer) -> bool:
    """Whether ``t``, right after "``s``, ", is ``s``'s qualifier, not a list item.

    "Tijuana, Mexico": the country that holds the town before it is no item of a
    list of cities (Mexico City, of "Mexico" the other name, would be its
    fellow). "Moscow, Kiev, Minsk" is a list: no Moscow lies in Ukraine.
    """
    if s.qualifier is None or not s.qualifier[0].startswith(t.text):
        return False
    return _qualifier_match(gaz, t.text, s.cands) is not None


def outside_qualifier(s: _Span, gaz: Gazetteer, text: str) -> bool:
    """Whether the town picked for "X, State" lies in no state the text names.

    "ASHFORD, Wash.": the gazetteer's only Ashford is in Wisconsin, and the
    qualifier says the town is in Washington; the name is a town the gazetteer
    lacks, left unresolved (the state is still read on its own), not a town
    2,700 km away. A qualifier that names several divisions or countries
    ("Athens, Georgia": the state and the country) keeps a town in any of them,
    and a "qualifier" that a list goes on after ("Moscow, Kiev, Minsk and
    Riga", "Crockett, Palestine and Houston") is the next item of the list.
    """
    if s.qualifier is None or s.pick < 0:
        return False
    q = re.match(r",\s*" + re.escape(s.qualifier[0]) + r"\.?", text[s.end :])
    if (
        q is None
        and any(
            re.match(r",\s*" + re.escape(bare) + r"\b", text[s.end :])
            for bare in _bare_names(s.qualifier[0])
        )
        and _a_city_outside(s, gaz)
    ):
        # "Acapulco, Oaxaca": a state the text names by its city's name
        # ("Oaxaca State"), which holds no town of the name: the town, not
        # the state, is what the text means (review r93, #6)
        return False
    # only a qualifier that is also a town's name may be a list's next item
    # ("Kiev, Minsk and Riga"); "Wash." is a state whatever follows it
    # ("Ashford, Wash., Eatonville, Wash.", "ASHFORD, Wash., June 3")
    town = any(
        w >= 0.9 and gaz.kind(p) in ("city", "town", "village")
        for p, w in gaz.match_ids(s.qualifier[0])
    )
    nxt = _NEXT_ITEM.match(text[s.end + q.end() :]) if q is not None and town else None
    names = {nxt.group(1).rstrip("."), nxt.group(1).split(".")[0]} if nxt else set()
    if nxt is not None and not any(
        w >= 0.9 and gaz.kind(p) == "country"
        for name in names
        for p, w in gaz.match_ids(name)
    ):
        return False  # "Kiev, Minsk and Riga"; not "Stroud, Ontario, Canada"
    if gaz.kind(s.pick) not in ("city", "town", "village"):
        return False
    return bool(qualifier_places(s, gaz)) and not in_qualifier(s, s.pick, gaz)


#: What makes "New York" the state: "New York State", "New York Governor", or
#: standing as the division of the town before it ("Buffalo, New York").
STATE_AFTER = re.compile(
    r"^\s?(?:state\b|governor\b|gov\.|legislature\b|assembly\b|senator\b)",
    re.IGNORECASE,
)


#: What makes the name after it a division: "the state of Durango", "the
#: southern Mexican state of Oaxaca", "the province of Kandahar" (review r64,
#: H1).
STATE_OF_BEFORE = re.compile(
    r"\b(?:state|province|department|prefecture)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _bare_names(qualifier: str) -> list[str]:
    """The state's name in a qualifier of its kind: "Oaxaca" of "Oaxaca State"."""
    out = []
    for form in _DESIGNATED:
        head, _, tail = form.partition("{}")
        if qualifier.startswith(head) and qualifier.endswith(tail):
            bare = qualifier[len(head) : len(qualifier) - len(tail)]
            out += [bare] if bare else []
    return out


def town_qualified_by(live: list[_Span], n: int, text: str, gaz: Gazetteer) -> bool:
    """Whether the town before ``live[n]`` has it, by its kind's name, as its state.

    "Juchitán, Oaxaca": the town's qualifier is "Oaxaca State"
    (:func:`geosleuth.read._toponym_qualifiers._designated`), and "Oaxaca" is
    that state, not the city of its name, as "Salina Cruz, Oaxaca" is
    (review r86, #3).
    """
    if n == 0:
        return False
    town = live[n - 1]
    return (
        town.qualifier is not None
        and town.qualifier[0] in {form.format(live[n].text) for form in _DESIGNATED}
        and _QUALIFIER_GAP.fullmatch(text, town.end, live[n].start) is not None
        # not "Acapulco, Oaxaca": a city the state does not hold (review r93, #6)
        and not _a_city_outside(town, gaz)
    )


def _a_city_outside(town: _Span, gaz: Gazetteer) -> bool:
    """Whether ``town`` is a city that its qualifier's state does not hold.

    "Acapulco, Oaxaca": a city of 100,000 people or more, which the writer
    means whatever state follows it, and the name after it is its own place
    (review r93, #6); not "Tehuantepec, Oaxaca", whose only match is a
    village far away (Tulapam, Veracruz), a town the gazetteer lacks.
    """
    return (
        town.qualifier is not None
        and _qualifier_match(gaz, town.qualifier[0], town.cands) is None
        and any(w >= 0.9 and gaz.kind(p) == "city" for p, w in town.cands)
    )


#: Between a town and the state after it that qualifies it: "Juchitán,
#: Oaxaca", "Juchitán, in Oaxaca", "Juchitán, in the hills of Oaxaca".
_QUALIFIER_GAP = re.compile(
    r"\s*,\s*(?:in\s+(?:the\s+)?(?:" + _PART_OF + r")?)?", re.IGNORECASE
)


def designated_divisions(
    gaz: Gazetteer, name: str, cands: list[tuple[int, float]]
) -> list[tuple[int, float]]:
    """The first-level divisions that ``name`` with its kind names, as exact matches.

    "the state of Chihuahua": the gazetteer's "Chihuahua State", which the bare
    name does not match (a town of that name stands for it). Those already in
    ``cands`` are left out.
    """
    have = {p for p, _ in cands}
    out: dict[int, float] = {}
    for form in _DESIGNATED:
        for p, w in gaz.match_ids(form.format(name)):
            if w >= 0.9 and gaz.kind(p) == "admin" and p not in have:
                out[p] = 1.0
    return list(out.items())
