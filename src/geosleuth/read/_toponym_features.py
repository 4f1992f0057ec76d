"""Places named by their shape, which the gazetteer may not hold.

A street or named feature ("North Main Street", "Zion National Park", "Mount
Rainier", "the Hörnli hut") is one name, a place that stays unresolved where the
gazetteer does not hold it whole (:func:`_add_streets`), unless it is a
person's ("Tiger Woods") with no place's cue before it (:func:`_feature_cue`);
generic feature words alone ("National Park") are no name (:func:`_generic`). A
beach or point named after its town ("Patong Beach", "Colchester Point") is read
as that town, loosely (:func:`_add_beach_towns`), and the town of a dateline
("BIRDSVILLE, Qld —") is a place even where no row holds it
(:func:`_add_dateline`). Each adds :class:`~geosleuth.read._toponym_span._Span`
candidates for :func:`geosleuth.read._toponym_detect._detect`.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

import numpy as np

from geosleuth.gazetteer import Gazetteer, norm_key
from geosleuth.read._lexicon import _LAW_COURT, _STOP, _STREET_NAME_PARTS
from geosleuth.read._toponym_patterns import (
    _AIRPORT,
    _CUE_BEFORE,
    _GENERIC_FEATURE_WORDS,
    _HIGHWAY_AGENCY,
    _POSSESSIVE,
    _SEARCHED_BEFORE,
    _STREET,
    _SURNAME_FEATURE_WORDS,
)
from geosleuth.read._toponym_qualifiers import _prominent
from geosleuth.read._toponym_span import _Span

__all__ = ["_add_beach_towns", "_add_dateline", "_add_streets", "_generic"]


#: A dateline: a name in capitals at the start of a line, a comma, the state or
#: country (group 2) and a dash: "BIRDSVILLE, Qld —".
_DATELINE = re.compile(
    r"^([A-Z][A-Z’'.-]+(?: [A-Z][A-Z’'.-]+){0,3}),\s+"
    r"([A-Z][\w’'.]*(?: [A-Z][\w’'.]*){0,2}),?\s+[—–-]",
    re.MULTILINE,
)


def _add_dateline(
    text: str, gaz: Gazetteer, spans: list[_Span], taken: np.ndarray
) -> None:
    """Name the place of a dateline that the gazetteer does not hold.

    "BIRDSVILLE, Qld — Police have found ...": a name in capitals before the
    state or country that opens a report is a place even where no row holds it
    (a town of a hundred people). It stays unresolved, and so do its other
    mentions that stand alone ("110 kilometres south of Birdsville"; not
    "the Birdsville Hotel"), which are no other place; the state or country
    after it is named. A dateline whose place the gazetteer holds ("GORHAM,
    N.H.") is left to detection.
    """
    m = _DATELINE.search(text, 0, 2_000)
    if m is None or gaz.knows(m.group(1)):
        return
    region = [
        (p, w)
        for p, w in gaz.match_ids(m.group(2).rstrip(","))
        if w >= 0.9 and gaz.kind(p) in ("admin", "country")
    ]
    if not region:
        return
    name = m.group(1).title()
    for a, b in [(m.start(1), m.end(1))] + [
        (o.start(), o.end())
        for o in re.finditer(rf"\b{re.escape(name)}\b(?![’'-]|\s+[A-Z])", text)
    ]:
        if not taken[a:b].any():
            spans.append(_Span(a, b, text[a:b], [], signals=0.9))
            taken[a:b] = True
    a, b = m.start(2), m.start(2) + len(m.group(2).rstrip(","))
    if not taken[a:b].any():
        spans.append(_Span(a, b, text[a:b], region, signals=2.0))
        taken[a:b] = True


#: A beach or a point of land named after its town, which the gazetteer does not
#: hold: "Patong Beach", "Colchester Point" (the town is group 1).
_BEACH = re.compile(
    r"\b((?-i:[A-Z])[\w'’-]+(?:\s(?-i:[A-Z])[\w'’-]+)?)\s+(?:Beach|Point)\b"
)


def _add_beach_towns(
    text: str, gaz: Gazetteer, spans: list[_Span], taken: np.ndarray
) -> None:
    """Read "Patong Beach", which no row holds, as the beach of the town Patong.

    A loose match, kept only within 300 km of a place the document names
    exactly (:func:`~geosleuth.read.toponyms.find_toponyms`): "Patong Beach in
    Phuket" is the beach of Patong there; alone, or beside places far from every
    town of its name ("Kata Beach" beside Bangkok: Kata is in Cote d'Ivoire), it
    stays a place, unresolved. So is a point of land: "Colchester Point" beside
    Burlington, Vermont, is at Colchester there; "Lone Rock Point" is no Lone
    Rock of Wisconsin.
    """
    for m in _BEACH.finditer(text):
        s, e = m.start(), m.end()
        old = next((t for t in spans if t.start == s and t.end == e), None)
        if (old is not None and old.cands) or (old is None and taken[s:e].any()):
            continue  # "Myrtle Beach", "Bondi Beach": held as they are
        cands = [
            (p, w)
            for p, w in gaz.match_ids(m.group(1))
            if w >= 1.0 and gaz.kind(p) in ("city", "town", "village")
        ]
        if cands:
            if old is not None:
                spans.remove(old)
            spans.append(
                _Span(s, e, text[s:e], cands, loose=True, signals=1.0, beach=True)
            )
            taken[s:e] = True


def _generic(words: list[str]) -> bool:
    """Whether ``words`` are generic feature words alone ("National Park")."""
    return all(norm_key(w) in _GENERIC_FEATURE_WORDS for w in words)


def _add_streets(
    text: str,
    gaz: Gazetteer,
    spans: list[_Span],
    taken: np.ndarray,
    people: AbstractSet[tuple[int, int]] = frozenset(),
) -> set[tuple[int, int]]:
    """Name streets and named features, unresolved, unless the gazetteer holds them.

    "North Main Street", "Zion National Park", "Tyndall Gorge", "Mount Rainier",
    "the Hörnli hut": a name of that shape that the gazetteer does not hold whole
    is one name, a place that stays unresolved, so that none of its words
    ("Zion", "Tyndall") nor its generic part ("National Park", a village in New
    Jersey) is read for it. Returns the ``(start, end)`` of the names of that
    shape that the gazetteer does hold ("Mount Rainier", a town in Maryland),
    and of the names of airports ("Logan" of "Logan Airport"): resolution
    (:func:`geosleuth.read._toponym_give_way.placed`) keeps such a town only
    where the document places it there. A name that the NER calls a person
    whole (``people``, the offsets of its PERSON entities), and whose feature
    word is also a surname, is the person's ("Tiger Woods", "Nathan Gill"),
    unless a place's cue comes before it
    ("searched Baxter Woods", "near Arch Rock") or it is listed after a
    feature ("Back Cove and Baxter Woods").
    """
    shaped: set[tuple[int, int]] = set()
    for m in _STREET.finditer(text):
        s, e = m.start(), m.end()
        party = re.match(r"(?:DFL|[RDI])-(?=[A-Z])", m.group())
        if party:
            s += party.end()
        words = text[s:e].split()
        if words[-1] == "Court" and words[-2].rstrip(".’'s") in _LAW_COURT:
            continue  # "Clarke County Superior Court" names a court
        if words[-2:-1] == ["County"] or (
            words[-1] == "Highway" and _HIGHWAY_AGENCY.match(text[e : e + 20])
        ):
            continue  # "Douglas County Road 4", "Florida Highway Patrol"
        owner = next(
            (k for k, w in enumerate(words[:-2]) if re.search(r"[’']s$", w)), None
        )
        if owner is not None:  # "Augusta's Highland Avenue": Augusta is separate
            s += sum(len(w) + 1 for w in words[: owner + 1])
            words = words[owner + 1 :]
        poss = _POSSESSIVE.search(words[-1])
        if poss:  # "Lake Lanier's watershed"
            e -= len(poss.group())
        if gaz.knows(text[s:e]):
            if words[-1] != "Beach":  # a beach town lies at its beach
                shaped.add((s, e))  # "Mount Rainier", "Park Avenue": held as a town
            continue
        if any(
            gaz.knows(" ".join(words[k:])) and not _generic(words[k:])
            for k in range(1, len(words) - 1)
        ):
            continue  # "NY Plum Island": a known place with a word before it
        if not words[-1][:1].isupper() and _prominent(
            gaz, gaz.match_ids(" ".join(w for w in words if w[:1].isupper()))
        ):
            continue  # "the Manchester care home": a home in Manchester
        first = words[0]
        if (first in _STOP or first.lower() in _STOP) and (
            first.lower() not in _STREET_NAME_PARTS
        ):
            if len(words) < 3:
                continue
            s += len(first) + 1
        if taken[s:e].any():
            continue
        if (
            (s, e) in people
            and words[-1] in _SURNAME_FEATURE_WORDS
            and not _feature_cue(text, s, spans)
        ):
            continue  # "Tiger Woods": a person's name
        spans.append(_Span(s, e, text[s:e], [], signals=0.9))
        taken[s:e] = True
    for m in _AIRPORT.finditer(text):
        shaped.add((m.start(1), m.end(1) - 1))  # "Logan" of "Logan Airport"
    return shaped


def _feature_cue(text: str, s: int, spans: list[_Span]) -> bool:
    """Whether a place's cue, or a feature and "and", come right before ``s``."""
    before = text[max(0, s - 40) : s]
    if _CUE_BEFORE.search(before) or _SEARCHED_BEFORE.search(before):
        return True
    return any(re.fullmatch(r",?\s+and\s+", text[t.end : s]) for t in spans[-1:])
