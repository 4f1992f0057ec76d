"""Detection of toponyms: which capitalised spans of a text name places.

:func:`_detect` matches every run of capitalised words against the gazetteer,
longest span first, and :func:`_judge` weighs what speaks for a place name (an
important place, a context cue, a list of places, a qualifier, the NER label)
against what speaks against it (a title before it, an organisation, newspaper or
team after it, a person of that name in the document, a word the gazetteer knows
only as an unrelated other name of a town: "left *Google* in Leeds",
:func:`_other_name_only`). Streets, county lists,
demonyms, and names with a strong cue that the gazetteer does not know exactly
are added by their own patterns. People's names and nicknames, and places named
as agents or organisations ("wanted by Iraq", "a Sinaloa cartel faction"), are
told by :mod:`geosleuth.read._toponym_uses`. How large a candidate is, and what
the names around it say of it (a list of places it stands in, the state, country
or town that qualifies it), is told by
:mod:`geosleuth.read._toponym_qualifiers`. The result, a list of :class:`_Span`
with candidate places, goes to :mod:`geosleuth.read._toponym_resolve`. The
public entry is :func:`geosleuth.read.toponyms.find_toponyms`, whose module
docstring states the rules.
"""

from __future__ import annotations

import functools
import re

import numpy as np

from geosleuth.gazetteer import Gazetteer, norm_key
from geosleuth.gazetteer._names import bare_key
from geosleuth.read._lexicon import (
    _LAW_COURT,
    _MEDIA_TEAM_WORDS,
    _ORG_TAIL_OK,
    _ORG_WORDS,
    _STOP,
    _STREET_NAME_PARTS,
    _TITLES,
    DEMONYMS,
)
from geosleuth.read._target_names import _GIVEN, _fold
from geosleuth.read._toponym_features import (
    _add_beach_towns,
    _add_dateline,
    _add_streets,
    _generic,
)
from geosleuth.read._toponym_patterns import (
    _BELONGING_AFTER,
    _CONNECTORS,
    _CUE_AFTER,
    _CUE_BEFORE,
    _DISEASE_NOUNS,
    _FACILITY,
    _FACILITY_AFTER,
    _FACILITY_IN_AFTER,
    _HONOURS,
    _LIST_GAP,
    _LIST_ITEM,
    _LOCATIVE_BEFORE,
    _METONYM_AFTER,
    _NAME_JOINERS,
    _OWNER_AFTER,
    _PERSON_AFTER,
    _POSSESSIVE,
    _PROVINCE_AFTER,
    _READER_AFTER,
    _SAID_AFTER,
    _SEARCHED_BEFORE,
    _STRONG_AFTER,
    _STRONG_BEFORE,
    _cap_runs,
    _county_lists,
    _locative,
    _sentence_initial,
)
from geosleuth.read._toponym_qualifiers import (
    _after_its_town,
    _between_places,
    _comma_qualifier,
    _list_goes_on,
    _placing_qualifier,
    _qualifier_match,
    _town_in_state,
    is_big,
)
from geosleuth.read._toponym_span import _Span
from geosleuth.read._toponym_uses import (
    _alias_spans,
    _mark_uses,
    _not_a_name,
    _person_keys,
    _short_ok,
)

__all__ = ["_Span", "_detect"]

_MAX_TOKENS = 6


def _province_named(
    text: str,
    gaz: Gazetteer,
    s: int,
    e: int,
    surface: str,
    cands: list[tuple[int, float]],
) -> list[tuple[int, float]]:
    """Only the division when the text says it is one: "Deir ez-Zor province".

    The gazetteer knows many divisions by "<name> province" or "<name>
    governorate" only, so those names are looked up too, and so is the
    division a city's name names (:func:`_namesakes`: "the Kharkiv region" is
    Kharkivska oblast). Without any division among them the candidates stay
    as they are. After "region", a name that is a division itself is left to
    resolution ("the Gedo region"), and one that names no division by its city
    stays as it is ("the Washington region").
    """
    m = _PROVINCE_AFTER.match(text[e : e + 14])
    if m is None:
        return cands
    namesakes = _namesakes(gaz, surface, cands)
    if m.group(1).lower() == "region":
        if any(w >= 1.0 and gaz.kind(p) == "admin" for p, w in cands):
            return cands
        return list(namesakes.items()) or cands
    admins = {p: w for p, w in cands if gaz.kind(p) == "admin"}
    for suffix in (" province", " governorate"):
        for p, w in gaz.match_ids(surface + suffix):
            if gaz.kind(p) == "admin" and w > admins.get(p, 0.0):
                admins[p] = w
    for p, w in namesakes.items():
        admins[p] = max(w, admins.get(p, 0.0))
    return list(admins.items()) if admins else cands


_VOWELS = frozenset("aeiouy")


def _namesakes(
    gaz: Gazetteer, surface: str, cands: list[tuple[int, float]]
) -> dict[int, float]:
    """The first-level divisions named after a city that ``surface`` names.

    The division of a city candidate (matched at least by an alternate name)
    whose own name, or one of its other names, begins with the name as written,
    less a final vowel: "Kharkiv", Kharkivska oblast; "Odesa", Odeska oblast;
    "Aleppo", Aleppo Governorate. Donetsk in Russia lies in Rostovskaya
    oblast', no namesake. Maps each to the weight of its city's match.
    """
    key = norm_key(surface)
    stem = key[:-1] if key[-1:] in _VOWELS else key
    out: dict[int, float] = {}
    if len(stem) < 4:
        return out
    for p, w in cands:
        if w < 0.9 or gaz.kind(p) not in ("city", "town"):
            continue
        d = gaz.admin_place_id(gaz.country_code(p), gaz.admin1_code(p))
        if d is None or w <= out.get(d, 0.0):
            continue
        place = gaz.place(d)
        if any(
            norm_key(name).startswith(stem)
            for name in (place.name, *place.alternate_names)
        ):
            out[d] = w
    return out


def _detect(text: str, gaz: Gazetteer, ents: list[tuple[int, int, str]]) -> list[_Span]:
    ent_at: dict[int, tuple[int, int, str]] = {}
    for s, e, lab in ents:
        for i in range(s, e):
            ent_at[i] = (s, e, lab)
    spans: list[_Span] = []
    taken = np.zeros(len(text) + 1, dtype=bool)
    aliases = _alias_spans(text)  # "El Güero" of '"El Güero" Salcedo': a name
    for s, e in aliases:
        taken[s:e] = True
    people = {(s, e) for s, e, lab in ents if lab == "PERSON"}
    shaped = _add_streets(text, gaz, spans, taken, people)
    _add_dateline(text, gaz, spans, taken)
    persons = _person_keys(text, gaz, ents)
    _add_county_lists(text, gaz, spans, taken)
    _add_demonyms(text, gaz, spans, taken, multiword=True)
    for run in _cap_runs(text):
        i = 0
        while i < len(run):
            found = None
            for j in range(min(len(run), i + _MAX_TOKENS), i, -1):
                s, e = run[i][0], run[j - 1][1]
                if taken[s:e].any():
                    continue
                if j == i + 1 and _compass_before_name(text, run, i):
                    continue  # "West" of "West Yorkshire": no village in Texas
                surface = text[s:e]
                words = surface.lower().split()
                if len(words) > 1 and words[-1] in _CONNECTORS:
                    continue  # "Bay of": a name does not end on a connector
                poss = _POSSESSIVE.search(surface)
                if poss and gaz.knows(surface[: poss.start()]):
                    e -= len(poss.group())  # "Connecticut’s economy"
                    surface = surface[: poss.start()]
                cands = _english_article_ok(gaz.match_ids(surface), surface)
                if not cands and surface.endswith("."):
                    surface = surface[:-1]
                    e -= 1
                    cands = gaz.match_ids(surface)
                if not cands and surface.lower().startswith("the "):
                    continue
                cands = [(p, w) for p, w in cands if _short_ok(gaz, surface, p)]
                if (
                    cands
                    and surface.endswith(".")
                    and not any(
                        surface in gaz.place(p).alternate_names for p, _ in cands
                    )
                ):
                    surface, e = surface[:-1], e - 1
                if cands and surface[:4].lower() == "the " and not _has_the(gaz, cands):
                    s, surface = s + 4, surface[4:]  # "the United States"
                if cands:
                    found = (s, e, surface, cands, j)
                    break
            if found is None:
                i += 1
                continue
            s, e, surface, cands, j = found
            if _joined_part(text, run, i, j, gaz, cands):
                i = j  # "Praia" or "Luz" of "Praia da Luz", which no row holds
                continue
            if _demonym_used(text, e, surface, cands):
                i = j  # "a Thai border town": read below as the demonym
                continue
            civic = _civic_city(text, gaz, s, e, surface)
            if civic is not None:  # "Dublin City Council" names Dublin
                e, surface, cands = civic
            township = re.match(r" (?:Township|Twp\.)", text[e : e + 10])
            if township and j < len(run) and run[j][0] == e + 1:
                e, j = run[j][1], j + 1  # "Hamilton Township"
                surface = text[s:e]
            cands = _province_named(text, gaz, s, e, surface, cands)
            sp = _Span(s, e, surface, cands, compass=_after_compass(text, s))
            _judge(sp, text, gaz, run, i, j, ent_at)
            # "Mount Rainier" (LOC) may be the mountain; "Estes Park" (GPE) is the town
            # "the Five Points neighborhood" is a part of the document's town
            sp.shaped = ((s, e) in shaped and sp.ner != "GPE") or bool(
                _QUARTER_AFTER.match(text, e)
            )
            if township:
                sp.signals = max(sp.signals, 1.0)
            if bare_key(norm_key(surface)) in persons and not any(
                gaz.kind(p) in ("country", "admin", "continent") for p, _ in cands
            ):
                sp.signals = 0.0
            spans.append(sp)
            if sp.signals > 0:
                taken[s:e] = True
            i = j
    _add_demonyms(text, gaz, spans, taken)
    _add_loose(text, gaz, spans, taken, ents, persons)
    _add_beach_towns(text, gaz, spans, taken)
    _propagate(spans)
    _accept_listed(spans, text, gaz, persons)
    _mark_uses(text, gaz, spans, aliases)
    return sorted((s for s in spans if s.signals > 0), key=lambda s: s.start)


#: A compass word, of any case: "West", "south-east", "Northern".
_COMPASS_WORD = re.compile(
    r"(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?|central)",
    re.IGNORECASE,
)
#: A compass word and a space, right before a name: "West *Yorkshire*",
#: "south-east *London*".
_COMPASS_BEFORE = re.compile(r"(?<![\w’'-])" + _COMPASS_WORD.pattern + r" $", re.I)


def _compass_before_name(text: str, run: list[tuple[int, int]], i: int) -> bool:
    """Whether token ``i`` of ``run`` is a compass word with a name after it.

    "West" of "West Yorkshire", "Northern" of "Northern British Columbia": a
    compass word before a name that the gazetteer does not hold whole names a
    part of the place after it, never a place of its own (a village called
    West in Texas, Central in Louisiana). The name after it is read for itself
    (:func:`_after_compass`).

    Examples
    --------
    >>> text = "Leeds, West Yorkshire; West; North-West Frontier"
    >>> run = [(7, 11), (12, 21)]
    >>> _compass_before_name(text, run, 0), _compass_before_name(text, run, 1)
    (True, False)
    >>> _compass_before_name(text, [(23, 27)], 0)  # no name after it
    False
    """
    if i + 1 >= len(run):
        return False
    (s, e), (s2, _) = run[i], run[i + 1]
    return (
        _COMPASS_WORD.fullmatch(text, s, e) is not None
        and text[e:s2] == " "
        and text[s2 : s2 + 1].isupper()
    )


def _after_compass(text: str, s: int, *, capitalised: bool = False) -> bool:
    """Whether a compass word (of any case, or ``capitalised``) is right before ``s``.

    "West *Yorkshire*", "South *Armagh*", "west *Yorkshire*": the name is read
    as before, but where it matches only small towns, near none of the places
    the document's other names may name, their country lends those names no
    support (:func:`geosleuth.read._toponym_give_way.compass_town`).

    >>> _after_compass("Leeds, West Yorkshire", 12), _after_compass("Leeds", 0)
    (True, False)
    >>> _after_compass("in the southwest Yorkshire", 17)  # one word
    True
    >>> _after_compass("Midwest Yorkshire", 8)  # not a compass word
    False
    >>> _after_compass("west Yorkshire", 5, capitalised=True)
    False
    """
    m = _COMPASS_BEFORE.search(text, max(0, s - 16), s)
    return m is not None and (not capitalised or m.group()[:1].isupper())


#: After a demonym, a word that makes it the name of a division: "the Somali
#: region".
_DIVISION_WORD = re.compile(
    r"\s+(?:region|province|state|oblast|governorate|zone|district)\b",
    re.IGNORECASE,
)


_WORD_AFTER = re.compile(r"[ \t]+\w")


def _demonym_used(
    text: str, e: int, surface: str, cands: list[tuple[int, float]]
) -> bool:
    """Whether a demonym that a place shares is used as the demonym.

    "a Thai border town", "hiding in Somali territory", "the Somali
    President": a demonym before another word is an adjective, not Ethiopia's
    Somali Region; and one that the gazetteer holds only as another name of a
    place ("Thai", for Alor Setar) is always the demonym. "in Somali, Ethiopia"
    and "the Somali region" name the region.
    """
    if surface not in DEMONYMS:
        return False
    if all(w < 1.0 for _, w in cands):
        return True
    return bool(_WORD_AFTER.match(text, e)) and not _DIVISION_WORD.match(text, e)


def _joined_part(
    text: str,
    run: list[tuple[int, int]],
    i: int,
    j: int,
    gaz: Gazetteer,
    cands: list[tuple[int, float]],
) -> bool:
    """Whether tokens ``i:j`` of ``run`` are part of a longer joined name.

    "Praia da Luz": a name whose words a lower-case joiner binds into one is
    matched whole or not at all, so neither "Praia" (Cape Verde), "da" nor
    "Luz" (Brazil) is read for it. A country or state after the joiner is
    itself named: "the Tour de France".
    """

    def joiner(k: int) -> bool:
        return 0 <= k < len(run) and text[run[k][0] : run[k][1]] in _NAME_JOINERS

    if joiner(i) or joiner(j):
        return True
    return joiner(i - 1) and not any(
        w >= 1.0 and gaz.kind(p) in ("country", "admin") for p, w in cands
    )


def _accept_listed(
    spans: list[_Span], text: str, gaz: Gazetteer, persons: set[str]
) -> None:
    """Accept a name listed next to an accepted place of the same country.

    "Homa Bay, Rongo, Siaya" and "Tacloban and Babatngon": spaCy calls the small
    town a person or an organisation, but it is a place of that very name in the
    country of the place it is listed with. Repeats along the list.
    """
    order = sorted(spans, key=lambda s: s.start)
    changed = True
    while changed:
        changed = False
        for k, sp in enumerate(order):
            if sp.signals > 0 or sp.inner or not sp.cands or sp.role == "person":
                continue
            if bare_key(norm_key(sp.text)) in persons:
                continue
            own = {gaz.country_code(p) for p, w in sp.cands if w >= 1.0}
            if not own:
                continue
            for o in order[max(0, k - 1) : k] + order[k + 1 : k + 2]:
                if o.signals <= 0:
                    continue
                a, b = (o, sp) if o.start < sp.start else (sp, o)
                if not _LIST_GAP.match(text[a.end : b.start]):
                    continue
                if own & {gaz.country_code(p) for p, w in o.cands if w >= 0.9}:
                    sp.signals = 0.8
                    changed = True
                    break


def _has_the(gaz: Gazetteer, cands: list[tuple[int, float]]) -> bool:
    """Whether a candidate's own name begins with "The" ("The Hague", "The Bronx").

    Country names do not count: "the Netherlands" names "Netherlands".
    """
    for p, _ in cands:
        if gaz.place(p).name[:4].lower() == "the " and gaz.kind(p) != "country":
            return True
    return False


#: Capitalised English words that are also Arabic articles: "An Albany man" and "US
#: Secretary" are no "an-" or "us-" names.
_ENGLISH_ARTICLE = frozenset({"an", "as", "at", "us", "es", "en", "et", "il"})


def _english_article_ok(
    cands: list[tuple[int, float]], surface: str
) -> list[tuple[int, float]]:
    """Drop matches made by stripping an English first word taken for an article."""
    first, _, rest = surface.partition(" ")
    if not rest or first.lower() not in _ENGLISH_ARTICLE:
        return cands
    return [(p, w) for p, w in cands if w > 0.8]


_CIVIC_AFTER = re.compile(
    r"^ (?:Council|Councilman|Councilwoman|Councilmember|Manager|Hall|Schools?|"
    r"Public|Commission|Commissioner|Court|Marshal|Office|Elections?|Attorney|"
    r"Clerk|Police|Board|Government|Administrator|Engineer|Area|Limits)\b"
)


def _civic_city(
    text: str, gaz: Gazetteer, s: int, e: int, surface: str
) -> tuple[int, str, list[tuple[int, float]]] | None:
    """Name X in "X City Council" when X alone is the larger place (not Kansas City)."""
    if not surface.endswith(" City") or not _CIVIC_AFTER.match(text[e : e + 16]):
        return None
    head = surface[: -len(" City")]
    settled = ("city", "town", "village")

    def pop(cands: list[tuple[int, float]]) -> int:
        return max(
            (int(gaz.pops[p]) for p, w in cands if w >= 1.0 and gaz.kind(p) in settled),
            default=-1,
        )

    head_cands = gaz.match_ids(head)
    if pop(head_cands) < 0 or pop(head_cands) < pop(gaz.match_ids(surface)):
        return None
    return s + len(head), head, head_cands


#: A place named right after: "..., in Nairobi", "at Leeds".
_PLACE_AFTER = re.compile(r"^,?\s+(?:in|at|near|outside)\s+(?:the\s+)?[A-Z]")
#: A lower-case word after a name that makes it a part of a town: "the Five
#: Points *neighborhood*".
_QUARTER_AFTER = re.compile(r"\s+(?:neighborhood|neighbourhood)\b")
#: Lower-case words after a longer name that make it the name of a team or a
#: brand worn or carried: "a Georgia Bulldogs *cap*".
_WORN_AFTER = re.compile(
    r"\s+(?:cap|caps|hat|beanie|shirt|t-shirt|jersey|hoodie|sweatshirt|jacket|"
    r"sweater|coat|backpack|bag)\b"
)


def _product_after(
    run: list[tuple[int, int]], j: int, ent_at: dict[int, tuple[int, int, str]]
) -> bool:
    """Whether the next word of the span's run begins a product's name.

    "Toyota LandCruiser": the NER calls "LandCruiser" a product, so "Toyota" is
    its maker's name, not the city in Japan.
    """
    if j >= len(run):
        return False
    ent = ent_at.get(run[j][0])
    return ent is not None and ent[0] == run[j][0] and ent[2] == "PRODUCT"


#: A preposition of place right before a name: "moved *to* Bombay".
_PREP_BEFORE = re.compile(
    r"\b(?:in|near|at|from|to|into|outside|around|across|toward|towards|between|"
    r"via|through|within|throughout|along|beyond|off|of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _other_name_only(sp: _Span, label: str, before: str, gaz: Gazetteer) -> bool:
    """Whether the word ``sp`` names a town only by an unrelated other name.

    One word that the gazetteer knows only as an alternate name of a town or
    city, and no exact one, that shares no word or first letters with the
    town's own name (:func:`_unrelated`), that the tagger calls no place, and
    that no preposition puts as a place (or that the tagger calls an
    organisation): "Jane Doe left *Google* in Leeds" (a name Topeka took for a
    month), "worked at *Google*". A short form of the town's name is its name
    ("Chamonix", "Phila.", "Raqqa police"), an old name is read where the
    tagger or a preposition makes it a place ("left *Bombay* on Monday": GPE;
    "moved to Bombay"), and a country's or a state's other name always is
    ("*U.S.* Census data").
    """
    if label in ("GPE", "LOC", "FAC") or " " in sp.text or "-" in sp.text:
        return False
    if not sp.cands or any(w >= 1.0 for _, w in sp.cands):
        return False
    if label != "ORG" and _PREP_BEFORE.search(before) is not None:
        return False
    return all(
        gaz.kind(p) in ("city", "town", "village")
        and _unrelated(sp.text, gaz.place(p).name)
        for p, _ in sp.cands
    )


def _unrelated(word: str, name: str) -> bool:
    """Whether ``word`` shares no word, nor its first three letters, with ``name``.

    Examples
    --------
    >>> [_unrelated(w, n) for w, n in [("Google", "Topeka"), ("Phila.", "Philadelphia"),
    ...  ("Raqqa", "Ar Raqqah"), ("Chamonix", "Chamonix-Mont-Blanc")]]
    [True, False, False, False]
    """
    key = bare_key(norm_key(word))
    own = [bare_key(w) for w in norm_key(name).split()]
    return not any(key in w or w in key or w[:3] == key[:3] for w in own if w)


#: People a town known only by another of its names needs to count as the place
#: after "hiding in": Isabela City (Basilan) does, Lewes ("Luis") does not.
_STANDING_POP = 50_000
#: Words before a name that put someone there: "is *hiding in* Basilan",
#: "was *killed in* Basilan", "*in a clash with soldiers in* Basilan", "*is in*
#: Basilan", "*fled to* Basilan".
_HIDING_IN = re.compile(
    r"\b(?:hiding|hidden|holed\s+up|killed|captured|arrested|seen|spotted|"
    r"sighted|based|operating)\s+in\s+$|\bclash(?:es)?\s+with\s+(?:[\w-]+\s+)"
    r"{1,3}in\s+$|\b(?:is|are|was|were|remains|remained|stayed)\s+(?:still\s+)?in\s+$|"
    r"\b(?:fled|escaped|went|moved|returned|headed|retreated)\s+(?:back\s+)?to\s+$",
    re.IGNORECASE,
)
#: After "X's" and a thing one owns, a word that makes it a part of the place:
#: "Culiacán's bar *district*", "Sinaloa's ranch *lands*".
_AREA_AFTER = re.compile(
    r"^(?:[’']s?)?\s+(?:[a-z]+\s+){1,2}(?:district|zone|country|lands?|belt|strip|"
    r"quarter|row|towns?|area|region|scene|sector)\b"
)

#: After "X's", a thing only a person owns, right after: "Tyler's apartment",
#: "Austin's car", "Houston's house" (not "Culiacán's bar", "Texas's ranch",
#: "Culiacán's house of representatives"); or a thing one owns in another
#: place: "Houston's bar *in Mazatlán*", "Dallas's office *in Culiacán*".
_PERSONAL_AFTER = re.compile(
    r"^[’']s?\s+(?:(?:apartment|flat|car|truck|van|pickup|SUV|bedroom|garage|"
    r"hideout|house(?!\s+of\b)|home|villa|mansion)\b|"
    r"(?:[a-z]+\s+)?(?:ranch|farm|bar|restaurant|shop|office)"
    r"\s+(?:in|near|outside)\s+(?-i:[A-Z]))"
)


def _standing(gaz: Gazetteer, sp: _Span) -> bool:
    """Whether ``sp`` names, by its own name, a division or a town of standing."""
    return any(
        w >= 1.0
        and (
            gaz.kind(p) in ("admin", "county", "region")
            or int(gaz.pops[p]) >= _STANDING_POP
        )
        for p, w in sp.cands
    )


#: Holidays and feasts, which "for" names as a time, not a place to go: "left
#: Leeds for Christmas", "went home for Easter" (not "Christmas Island").
_OCCASION = re.compile(
    r"Christmas|Easter|Thanksgiving|Halloween|Hanukk?ah|Passover|Ramadan|Eid|"
    r"Diwali|Lent|Advent|Pentecost|Whitsun|Hogmanay|Carnival|Mardi\s+Gras|"
    r"New\s+Year|Labou?r\s+Day|Memorial\s+Day|Independence\s+Day|Boxing\s+Day|"
    r"(?:Mother|Father|Valentine)['’]?s\s+Day|Christmas\s+Eve|Easter\s+Sunday"
)


def _judge(
    sp: _Span,
    text: str,
    gaz: Gazetteer,
    run: list[tuple[int, int]],
    i: int,
    j: int,
    ent_at: dict[int, tuple[int, int, str]],
) -> None:
    """Set ``sp.signals`` (> 0 keeps the span) and ``sp.role``."""
    before = text[max(0, sp.start - 40) : sp.start]
    after = text[sp.end : sp.end + 40]
    kinds = {gaz.kind(p) for p, _ in sp.cands}
    big = is_big(gaz, sp.cands, 0.9)
    ent = ent_at.get(sp.start) or ent_at.get(sp.end - 1)
    label = ent[2] if ent else ""
    if (
        big
        and label not in ("GPE", "LOC")
        and sp.text.isalpha()
        and sp.text[1:].islower()
        and _sentence_initial(text, sp.start)
        and re.match(r"\s+(?!(?:and|or)\b)[a-z]", after)
    ):
        # "Solo sailor ...": a word that opens a sentence before a lower-case
        # one is no city's other name (Solo for Surakarta), only its own name
        big = is_big(gaz, sp.cands, 1.0)
    if label == "PERSON" and ent is not None and _not_a_name(text, ent, sp):
        ent, label = None, ""  # "Sri Lanka - approximately": no name of a person
    sp.ner = label
    q = _comma_qualifier(gaz, after)
    q_text = q[0] if q is not None else ""
    if q is not None and _list_goes_on(gaz, after[q[1] :], sp.cands):
        q_text = ""  # "in Washington, Pennsylvania and California": three states
    if any(w >= 1.0 and gaz.kind(p) == "country" for p, w in sp.cands) and not (
        q_text and _town_in_state(gaz, q_text, sp.cands)
    ):
        q_text = ""  # "Mexico, China, Japan": a list, not "Paris, Texas"
    if not q_text:  # "Langtang village in Nepal", "the Lebanese city of Tripoli"
        wide = text[max(0, sp.start - 60) : sp.start]
        q_text = _placing_qualifier(gaz, wide, after, sp.cands)
    q_admin = _qualifier_match(gaz, q_text, sp.cands) if q_text else None
    score = 0.0
    if label in ("GPE", "LOC", "FAC"):
        score += 1.5
    if big:
        score += 1.0
    # "searched Penrith", "a raid on Hajin": the place searched; not "searched
    # Johnson's car"
    searched = _SEARCHED_BEFORE.search(before) is not None and not _OWNER_AFTER.match(
        after
    )
    if _CUE_BEFORE.search(before) or searched:
        score += 0.8
    if _CUE_AFTER.match(after):
        score += 0.6
    twin_before = re.search(r"([A-Z][\w’']+)-$", before)
    twin_after = re.match(r"^-([A-Z][\w’']+)", after)
    if any(t is not None and gaz.knows(t.group(1)) for t in (twin_before, twin_after)):
        score += 0.8  # "Fargo-Moorhead": two places joined by a hyphen
    if kinds & {"county"}:
        score += 1.0
    if _between_places(gaz, before, after, sp.cands):
        score += 1.0  # "Mali, Niger, and Senegal": an item of a list of places
    sp.after_town = _after_its_town(gaz, before, sp.cands)
    if sp.after_town:
        score += 0.8  # "Pandi, Bulacan": the division or area of the town before
    # negative signals
    prev_tok = text[run[i - 1][0] : run[i - 1][1]] if i > 0 else ""
    next_tok = text[run[j][0] : run[j][1]] if j < len(run) else ""
    if text[sp.end : sp.end + 2] == ". ":
        next_tok = ""  # "in Glen Allen. The ...": the next word is another sentence
    if prev_tok.rstrip(".") in _TITLES or before.rstrip().rstrip(".").split(" ")[
        -1:
    ] in ([t] for t in _TITLES):
        score -= 3.0
    exact_place = any(
        (w >= 1.0 and gaz.kind(p) in ("country", "admin", "county", "city", "town"))
        # "U.S." in "U.S. Department", "S.C." in "S.C. Highway Patrol"
        or (w >= 0.9 and gaz.kind(p) in ("country", "admin"))
        for p, w in sp.cands
    )
    next_word = re.sub(r"(?:[’']s?)?\.?$", "", next_tok)
    org_tail = ""
    if label == "ORG" and ent is not None:
        org_tail = re.sub(r"(?:[’']s?)?\.?$", "", text[ent[0] : ent[1]].split()[-1])
    media = next_word in _MEDIA_TEAM_WORDS or org_tail in _MEDIA_TEAM_WORDS
    org_named = False
    if next_word and next_word in _ORG_WORDS:
        # "the Alexandria Police Department", "Henderson County Jail" name the
        # place; newspapers and teams ("Washington Post", "Detroit Lions") do not
        org_named = exact_place and not media
        score -= 0.0 if org_named else 2.5
        if org_named and not (big or label in ("GPE", "LOC")):
            score += 0.8
    if media:
        score -= 2.5
    if j < len(run) and (
        _product_after(run, j, ent_at) or _WORN_AFTER.match(text, run[-1][1])
    ):
        # "a Georgia Bulldogs cap", "his white Toyota LandCruiser": a team's or
        # a product's name, not the place, here or by one sense per discourse
        sp.brand = True
        score = min(score - 2.5, -1.0)
    if after.startswith("$") or label == "MONEY":
        score -= 3.0  # "US$460"
    # "in Glen Allen", "near Lombard", "searched Penrith": a place preposition or
    # a verb of searching right before an exact name outweighs a PERSON or ORG
    # label on it, as does a side of a border ("the Niger side of the border")
    locative = bool(_locative(before, after) or searched) and any(
        w >= 1.0 for _, w in sp.cands
    )
    # "is hiding in Basilan", "killed in a clash ... in Basilan on Monday": after
    # a verb of hiding or of a deed somewhere, a name the tagger calls a person
    # and the gazetteer knows by another name is the place all the same; not
    # "seen in Juan's truck" (an owner), "arrested in Luis" (a given name) nor
    # the other name of a small town (Lewes's "Luis")
    hidden_in = (
        not locative
        and label == "PERSON"
        and ent is not None
        and (ent[0], ent[1]) == (sp.start, sp.end)
        and not _OWNER_AFTER.match(after)
        and not _POSSESSIVE.search(sp.text)
        and _HIDING_IN.search(before) is not None
        and _fold(sp.text) not in _GIVEN
        and any(
            w >= 0.9
            and (
                gaz.kind(p) not in ("town", "village")
                or int(gaz.pops[p]) >= _STANDING_POP
            )
            for p, w in sp.cands
        )
    )
    locative = locative or hidden_in
    if _other_name_only(sp, label, before, gaz):
        score -= 1.5  # "left Google in Leeds": Topeka's stunt name, the company
    if label == "PERSON" and ent is not None and not locative:
        score -= 2.0 if not big else 1.0
        if ent[0] < sp.start or ent[1] > sp.end:
            score -= 1.0
    if (
        label == "ORG"
        and ent is not None
        and (ent[1] - ent[0]) > (sp.end - sp.start)
        and text[sp.start : ent[1]].split()[-1] not in _ORG_TAIL_OK
        and not (org_named or (exact_place and big) or locative)
    ):
        score -= 1.0
    if (
        (i > 0 or j < len(run))
        and j - i == 1
        and not big
        and label not in ("GPE", "LOC")
        and all(w < 1.0 for _, w in sp.cands)
    ):  # "County Road", "Fire Station": one word of a longer name, by alternate
        score -= 2.0
    if (i > 0 or j < len(run)) and _generic(sp.text.split()):
        score = -1.0  # "Beach" of "Kata Beach Resort": no place of its own
    if _generic(sp.text.split()) and not big and before.endswith("the "):
        score = -1.0  # "the Park area": a feature, no village named "Park"
    if q_admin is not None:
        score += 1.5  # "Sioux Falls, S.D.": a place in the state that follows
    if (
        next_tok
        and next_tok not in _ORG_TAIL_OK
        and i == 0
        and j == len(run) - 1
        and label == "PERSON"
    ):
        score -= 1.0
    if sp.text.lower() in _STOP and not big:
        score -= 2.0
    if next_tok == "Court" and sp.text in _LAW_COURT:
        score -= 3.0  # "Superior Court"
    if (
        i > 0
        and j - i == 1
        and not big
        and label not in ("GPE", "LOC")
        and prev_tok[:1].isupper()
        and text[run[i - 1][1] : sp.start] == " "
        and prev_tok.lower() not in _STREET_NAME_PARTS | _CONNECTORS
        and not _CUE_AFTER.match(after)
    ):  # "Durant Center", "Garnett Ridge", "Burial Mound": the end of a longer name
        score -= 2.0
        sp.inner = True
    if _sentence_initial(text, sp.start) and sp.text.lower() in _STOP:
        score -= 2.0
    if (
        label not in ("GPE", "LOC", "FAC")
        and not big
        and score < 0.8 + 1e-9
        and sp.text.lower() in _STOP
    ):
        score -= 1.0
    if _PERSON_AFTER.match(after):
        sp.role = "person"
        score = max(score, 0.5)
    elif _METONYM_AFTER.match(after) and not _LOCATIVE_BEFORE.search(before):
        # "the Baghdad administration"; not "officials in Kyiv said": a place
        sp.role = "metonym"
        if not big and label not in ("GPE", "LOC") and _SAID_AFTER.match(after):
            sp.role = "person"  # "Hopkins said": a small town does not speak
    elif _READER_AFTER.match(after) and not _LOCATIVE_BEFORE.search(before):
        # "Rivas read a report saying ...": the reader, no place
        big_place = big or label in ("GPE", "LOC")
        sp.role = "metonym" if big_place else "person"
    if sp.start > 0 and text[sp.start - 1] in "@#/":
        score = -1.0
    saint = sp.text.split()[0].rstrip(".") in _HONOURS and after[:1] in "'’"
    if (
        _FACILITY_AFTER.match(after)
        and sp.text.split()[-1] not in _ORG_TAIL_OK
        and (
            prev_tok.rstrip(".") in _HONOURS or saint or _FACILITY_IN_AFTER.match(after)
        )
    ):
        # "the Royal Alexandra Hospital", "St Mary's Hospital", "Victoria Station
        # in London": a name in the name of a building, not the place it is in;
        # not "St. Cloud Hospital" nor "Dawson County Jail in Lexington"
        score = -1.0
    if re.fullmatch(_FACILITY, sp.text) and (
        re.search(r"[’']s\s$", before) or prev_tok[:1].isupper()
    ):
        score = -1.0  # "St. Mary's *Hospital*": the building's word, no town
    if re.fullmatch(_FACILITY + r"|Hotel", prev_tok) and _PLACE_AFTER.match(after):
        score = -1.0  # "the Hotel *Kampala* in Nairobi": the hotel's name
    if _OCCASION.fullmatch(sp.text) and re.search(r"\bfor\s+(?:the\s+)?$", before):
        score = -1.0  # "left Leeds for Christmas": a holiday, no Christmas, Florida
    if q_text:
        sp.qualifier = (q_text, "")
    if hidden_in and not sp.brand and not sp.inner:
        score = max(score, 0.8)  # "seen in Basilan on Monday": no longer name
    owner = _OWNER_AFTER.match(after) or _POSSESSIVE.search(sp.text)
    if (
        owner
        and _BELONGING_AFTER.match(after)
        and not _AREA_AFTER.match(after)
        and not any(gaz.kind(p) == "country" for p, w in sp.cands if w >= 1.0)
        and (
            label == "PERSON"
            or _fold(sp.text) in _GIVEN
            or _PERSONAL_AFTER.match(after)
            or not _standing(gaz, sp)
        )
    ):
        # "hiding in Santiago's ranch", "Tyler's apartment": its owner's name,
        # no place, nor another place by a loose match of it; not "Culiacán's
        # bar district", "Texas's ranch country" nor a city's "office"
        score = -1.0
        sp.owned = True
    sp.signals = score if score >= 0.8 else 0.0


def _add_county_lists(
    text: str, gaz: Gazetteer, spans: list[_Span], taken: np.ndarray
) -> None:
    """Name each county of a list: "Swift and Wilkin counties"."""
    for m in _county_lists(text):
        suffix = " County" if m.group(2) == "counties" else " Parish"
        for item in re.finditer(_LIST_ITEM, m.group(1)):
            s, e = m.start(1) + item.start(), m.start(1) + item.end()
            if item.group() in ("And",) or taken[s:e].any():
                continue
            cands = [
                (p, w)
                for p, w in gaz.match_ids(item.group() + suffix)
                if gaz.kind(p) == "county"
            ]
            if cands:
                spans.append(_Span(s, e, item.group(), cands, signals=2.0))
                taken[s:e] = True


def _add_demonyms(
    text: str,
    gaz: Gazetteer,
    spans: list[_Span],
    taken: np.ndarray,
    *,
    multiword: bool = False,
) -> None:
    pattern = _demonym_pattern(multiword)
    for m in pattern.finditer(text):
        if taken[m.start() : m.end()].any():
            continue
        if _after_compass(text, m.start(), capitalised=True):
            continue  # "Northern Irish", "Central American": no people of the whole
        target = DEMONYMS[m.group()]
        cands = [
            (p, w)
            for p, w in gaz.match_ids(target)
            if gaz.kind(p) in ("country", "continent", "region", "admin")
        ]
        if not cands:
            continue
        best = max(cands, key=lambda t: gaz.prior[t[0]])
        sp = _Span(m.start(), m.end(), m.group(), [best], role="demonym", signals=1.0)
        spans.append(sp)
        taken[m.start() : m.end()] = True


@functools.cache
def _demonym_pattern(multiword: bool) -> re.Pattern[str]:
    words = [d for d in DEMONYMS if (" " in d) == multiword]
    return re.compile(r"\b(" + "|".join(sorted(words, key=len, reverse=True)) + r")\b")


def _add_loose(
    text: str,
    gaz: Gazetteer,
    spans: list[_Span],
    taken: np.ndarray,
    ents: list[tuple[int, int, str]],
    persons: set[str],
) -> None:
    """Capitalised words with a strong cue (or a GPE label) unknown to the gazetteer."""
    seen: set[tuple[int, int]] = set()
    cand_spans: list[tuple[int, int]] = []
    for run in _cap_runs(text):
        for s, e in run:
            before = text[max(0, s - 40) : s]
            after = text[e : e + 30]
            strong = bool(_STRONG_BEFORE.search(before) or _STRONG_AFTER.match(after))
            if strong and not taken[s:e].any():
                cand_spans.append((s, e))
    for s, e, lab in ents:
        words = text[s:e].split()
        if (
            lab in ("GPE", "LOC")
            and not taken[s:e].any()
            and len(words) <= 3
            and not any(w in _ORG_WORDS or w.lower() in _STOP for w in words)
            and all(w[:1].isupper() for w in words)
        ):
            cand_spans.append((s, e))
    diseases = _disease_names(text)
    owned = [(t.start, t.end) for t in spans if t.owned]
    for s, e in cand_spans:
        if (s, e) in seen or text[s:e].lower() in _STOP:
            continue
        if any(s < oe and os < e for os, oe in owned):
            continue  # "Austin's car": an owner's name, not a village by a loose match
        if norm_key(text[s:e]) in diseases:
            continue  # "Ebola" of the "Ebola virus" is not Enola, Pennsylvania
        seen.add((s, e))
        surface = text[s:e]
        if surface.startswith(("the ", "The ")):
            s += 4
            surface = surface[4:]
        if (
            len(surface) < 4
            or surface.isupper()
            or bare_key(norm_key(surface)) in persons
        ):
            continue
        cands = [
            (p, w)
            for p, w in gaz.match_ids(surface, loose=True, fuzzy=True)
            if w >= 0.15
        ]
        if not cands:
            continue
        old = next((t for t in spans if t.start == s and t.end == e), None)
        if old is not None:
            spans.remove(old)
        spans.append(_Span(s, e, surface, cands, loose=True, signals=1.0))
        taken[s:e] = True


def _disease_names(text: str) -> set[str]:
    """Keys of the words ``text`` uses as names of diseases: "Ebola virus"."""
    return {
        norm_key(m.group())
        for m in re.finditer(r"\b[A-Z][\w’'-]*", text)
        if _DISEASE_NOUNS.match(text, m.end())
    }


def _propagate(spans: list[_Span]) -> None:
    """One sense per discourse: a name accepted once is accepted everywhere.

    Accepted as a place, that is: "Spanish" accepted as a demonym (Spain)
    accepts no place of that name (a village in Ontario), here or elsewhere in
    the document, and no span is lifted beside an accepted one at its offsets.
    """
    placed = [s for s in spans if s.signals > 0 and s.cands and s.role != "demonym"]
    accepted = {norm_key(s.text) for s in placed}
    held = {(s.start, s.end) for s in spans if s.signals > 0}
    for s in spans:
        if (
            s.signals <= 0
            and s.cands
            and not s.inner
            and not s.brand
            and norm_key(s.text) in accepted
            and (s.start, s.end) not in held
        ):
            s.signals = 0.8
