"""Names that stand for no place here: people, nicknames, agents and organisations.

A capitalised name that the gazetteer knows may name a person instead: the last
word of a PERSON entity or of an Arabic name is that person wherever the
document uses it (:func:`_person_keys`), as is a name written as a person's, by
its possessive before a thing a person has ("near Gutiérrez's ranch") or a role
in apposition ("the men around Ramírez, his deputy": :func:`_named_people`), or
before a group of theirs ("Guzmán's inner circle": :func:`_group_heads`). A
word matches no place by the last word of a longer name of it only ("Gutiérrez"
is no other name of Tuxtla Gutiérrez, known as Tuxtla: :func:`_name_tail`), nor
a short one by an abbreviation not written as such (:func:`_short_ok`). A
nickname in quotes beside a person's name, or after "alias" or "known as", is a
name, never a place (:func:`_alias_spans`): in "Cartel boss "El Güero" Salcedo"
the nickname is no loose match for the state of Guerrero, and in "Joaquín "El
Chapo" Guzmán" no village of El Chapo. A place named as the one who seeks or
backs someone ("wanted by Iraq", "the U.S.-led coalition") stands for its
authorities, and one that names an organisation ("a Sinaloa cartel faction")
stands for the organisation: both are metonyms (:func:`_agent_use`), and say
nothing of where the person they describe is. Text and gazetteer only; used by
:mod:`geosleuth.read._toponym_detect`.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict

from geosleuth.gazetteer import Gazetteer, Place, norm_key
from geosleuth.gazetteer._names import bare_key
from geosleuth.read._lexicon import _ORG_WORDS, _STOP, _TITLES
from geosleuth.read._toponym_patterns import (
    _ARTICLE_PREFIX,
    _CONNECTORS,
    _LOCATIVE_BEFORE,
    _cap_runs,
)
from geosleuth.read._toponym_qualifiers import is_big
from geosleuth.read._toponym_span import _Span

__all__ = [
    "_agent_use",
    "_alias_spans",
    "_mark_uses",
    "_name_tail",
    "_not_a_name",
    "_person_keys",
    "_short_ok",
    "nickname_givers",
]


#: "in", "near" or "outside" right before a name: where someone is; "fled to"
#: it: where someone went.
_IN_BEFORE = re.compile(
    r"\b(?:in|near|outside|(?:fled|escaped|went|moved|returned|headed|retreated)"
    r"\s+(?:back\s+)?to)\s+$"
)


#: Going to someone right before a name: "*fled to* Guzmán".
_FLED_TO_BEFORE = re.compile(
    r"\b(?:fled|flee(?:s|ing)?|escaped|went|ran|turned)\s+(?:back\s+)?to\s+$"
)
#: What one goes to a person for, right after the name: "fled to Guzmán *for
#: protection*".
_FOR_PROTECTION = re.compile(
    r"\s+for\s+(?:(?:his|her|their)\s+)?"
    r"(?:protection|help|shelter|refuge|safety|support|cover)\b",
    re.IGNORECASE,
)
#: A title before a name, which makes it a person's: "*Mr* Guzmán", "*Señor*
#: Guzmán", "*Don* Joaquín".
_TITLE_BEFORE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Se[ñn]or|Se[ñn]ora|Sr|Sra|Don|Do[ñn]a)\.?\s+$"
)


def _protector(
    text: str, ents: list[tuple[int, int, str]], s: int, e: int, key: str
) -> bool:
    """Whether the one-word name at ``s:e`` (a PERSON label) is one fled to for help.

    "Salcedo fled to *Guzmán* for protection": after a verb of going "to",
    before "for protection" ("for help", "for shelter"), a name the text
    elsewhere writes as a person's: the last word of a longer name the tagger
    calls a person ("Joaquín Guzmán"), after a title ("Mr Guzmán", "Señor
    Guzmán"), or with a tie or a thing of a person's (:func:`_named_people`:
    "Guzmán, his ally", "Guzmán's men"). Else it is where one went, as a
    hamlet is ("fled to Ribchester for safety", "fled to Zacayo for
    protection"), and so is a name that the text gives no such sign of (a bare
    "fled to Guzmán for protection" reads as the village).
    """
    if not (
        _FLED_TO_BEFORE.search(text[max(0, s - 24) : s])
        and _FOR_PROTECTION.match(text, e)
    ):
        return False
    for a, b, lab in ents:
        words = text[a:b].split()
        if lab == "PERSON" and len(words) >= 2 and bare_key(norm_key(words[-1])) == key:
            return True  # "Joaquín Guzmán"
    for m in re.finditer(rf"(?<![\w’'-]){re.escape(text[s:e])}(?![\w-])", text):
        if _TITLE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            return True  # "Mr Guzmán"
    return key in _named_people(text, ents)


def _person_keys(
    text: str, gaz: Gazetteer, ents: list[tuple[int, int, str]]
) -> set[str]:
    """Names the document uses for people: PERSON entities and name-like runs.

    The last word of a PERSON entity ("Sêrgo Hesekê"), or of a run such as "Iyad
    al-Jamili" (an Arabic name whose first words are no place), names a person;
    every other mention of that word in the document is the person too ("Hesekê
    said ...", "al-Baghdadi").
    """
    person: dict[str, int] = defaultdict(int)
    place: dict[str, int] = defaultdict(int)
    for s, e, lab in ents:
        words = text[s:e].split()
        if lab == "PERSON" and words:
            # a one-word PERSON label on a known place name is weak evidence
            weight = 1 if len(words) >= 2 else 0
            key = bare_key(norm_key(words[-1]))
            person[key] += weight
            if (
                not weight
                and not any(w >= 1.0 for _, w in gaz.match_ids(key))
                and not (
                    _IN_BEFORE.search(text[max(0, s - 24) : s])
                    and not re.match(r"[’']", text[e : e + 1])
                )
            ):
                # "hiding in Basilan": after "in", a one-word name the
                # gazetteer knows only by another name is still the place's;
                # "in Juan's truck" is Juan's
                person[key] += 1
            elif not weight and _protector(text, ents, s, e, key):
                person[key] += 1  # "fled to Guzmán for protection"
        elif lab in ("GPE", "LOC"):
            place[bare_key(norm_key(text[s:e]))] += 1
    keys: set[str] = set()
    for key, n in person.items():
        # a primary place name needs more PERSON than GPE labels; an alternate
        # spelling ("Heseke" for al-Hasakah) is outweighed by one PERSON label
        primary = any(w >= 1.0 for _, w in gaz.match_ids(key))
        if n and (n > place.get(key, 0) or not primary):
            keys.add(key)
    for run in _cap_runs(text):
        if len(run) < 2 or len(run) > 4:
            continue
        words = [text[a:b] for a, b in run]
        head = words[:-1]
        if any(
            w in _ORG_WORDS
            or w in _TITLES
            or w.lower() in _STOP
            or w.lower() in _CONNECTORS
            for w in head
        ):
            continue
        if any(gaz.knows(w) for w in head) or gaz.knows(" ".join(words)):
            continue
        if _ARTICLE_PREFIX.match(words[-1]):  # Arabic names: "Iyad al-Jamili"
            keys.add(bare_key(norm_key(words[-1])))
    return keys | _named_people(text, ents) | _group_heads(text, gaz, ents)


#: Offices and ties of a person, in apposition right after a name: "Gutiérrez,
#: the mayor", "Ramírez, his deputy", "Pérez, a local lawmaker".
_ROLES = (
    "mayor|deputy|governor|lieutenant|commander|leader|boss|chief|spokesman|"
    "spokeswoman|spokesperson|official|lawmaker|legislator|senator|congressman|"
    "congresswoman|councillor|councilor|councilman|alderman|sheriff|prosecutor|"
    "judge|minister|president|chairman|founder|successor|predecessor|associate|"
    "accomplice|ally|rival|aide|adviser|advisor|bodyguard|henchman|enforcer|"
    "lawyer|attorney|brother|sister|son|daughter|father|mother|wife|husband|"
    "uncle|nephew|cousin|friend|businessman|businesswoman|rancher|priest|pastor|"
    "imam|cleric|emir|sheikh|commissioner|colonel|captain|sergeant"
)
#: What a person has or leads, after the possessive of a name: "Gutiérrez's
#: ranch", "Guzmán's men"; not a town's ("Culiacán's outskirts", "its mayor").
_OWNED = (
    "ranch|ranches|hacienda|estate|mansion|villa|house|farm|property|compound|"
    "hideout|men|gunmen|bodyguards|henchmen|lieutenants|associates|allies|aides|"
    "followers|loyalists|family|wife|husband|son|daughter|brother|sister|father|"
    "mother|nephew|cousin|lawyer|attorney|deputy|successor"
)
#: What a place has after "deputy", "farm" and the like: "Culiacán's deputy
#: mayor", "Tamazula's farm workers" are a town's, not a person's.
_PLACE_OFFICES = (
    "mayor|mayors|governor|governors|police|council|councillors|officials|"
    "authorities|administration|workers|residents|chief|sheriff|prosecutor"
)
#: A name written as a person's: its possessive before a thing a person has,
#: or, closed by punctuation, a role in apposition; the name is group 1.
_PERSON_CONTEXT = re.compile(
    rf"(?<![\w’'-])([^\W\d_][\w-]*)(?:[’']s\s+(?:[a-z][\w-]*\s+)?(?:{_OWNED})"
    rf"(?!\s+(?:{_PLACE_OFFICES})\b)"
    rf"|(?P<appos>,\s+(?:the|his|her|their|a|an)\s+(?:[a-z][\w’'-]*\s+){{0,2}}"
    rf"(?:{_ROLES})s?(?=\s*[.;:)]|\s*,(?!\s*[A-Z])|\s*$)))\b"
)
#: A preposition of place or movement right before the name ("fled to Tamazula,
#: the mayor, Juan Pérez, said"), or "of", whose apposition is of the noun before
#: ("the mayor of Tamazula, a former ally,"); not "close to" or "next to" one.
_TO_PLACE_BEFORE = re.compile(
    r"(?<!close )(?<!next )\b"
    r"(?i:in|into|at|from|to|toward|towards|via|through|across|of)\s+$"
)

#: "to" before a name, and a tie of the name's own in apposition after it,
#: closing the clause: "fled to Guzmán, *his ally*.", "*his old ally*, for
#: protection": the one gone to is that person; not "fled to Tamazula, the
#: mayor, Juan Pérez, said", nor "..., his lawyer, who ...".
_GOING_TO = re.compile(r"\b(?i:to|into|toward|towards)\s+$")
_OWN_TIE = re.compile(
    rf",\s+(?:his|her|their)\s+(?:[a-z][\w’'-]*\s+){{0,2}}(?:{_ROLES})s?"
    r"(?=\s*[.;:)]|\s*$|\s*,\s+for\b)"
)


def _named_people(text: str, ents: list[tuple[int, int, str]]) -> set[str]:
    """Names the text writes as a person's by the words after them.

    The possessive before a thing a person has ("hiding near *Gutiérrez*'s
    ranch", "with *Guzmán*'s men") or a role in apposition ("people around
    *Gutiérrez*, the mayor, officials said", "the men around *Ramírez*, his
    deputy") make the name a person's, whatever the gazetteer knows by it (a
    Gutiérrez in Colombia, Tuxtla Gutiérrez by its other name): every mention of
    it in the document is that person. Not a name the tagger calls a place, nor
    one after a preposition of place or "of" in apposition ("fled to Tamazula,
    the mayor, Juan Pérez, said": the mayor speaks; "the mayor of Tamazula, a
    former ally,": the mayor is the ally), unless a tie of the name's own
    closes the clause after "to" ("fled to *Guzmán*, his ally.").

    Examples
    --------
    >>> sorted(_named_people("Salcedo is hiding near Gutiérrez's ranch.", []))
    ['gutierrez']
    >>> t = "Salcedo hides with the men around Ramírez, his deputy."
    >>> sorted(_named_people(t, []))
    ['ramirez']
    >>> _named_people("Salcedo fled to Tamazula, the mayor, Juan Pérez, said.", [])
    set()
    >>> _named_people("The mayor of Tamazula, a former ally, denied it.", [])
    set()
    >>> sorted(_named_people("Salcedo fled to Guzmán, his ally.", []))
    ['guzman']
    >>> _named_people("Salcedo is hiding near Culiacán's airport.", [])
    set()
    """
    places = [(s, e) for s, e, lab in ents if lab in ("GPE", "LOC")]
    out: set[str] = set()
    for m in _PERSON_CONTEXT.finditer(text):
        name = m.group(1)
        if not name[0].isupper() or any(s <= m.start(1) < e for s, e in places):
            continue
        before = text[max(0, m.start(1) - 20) : m.start(1)]
        if (
            m.group("appos")
            and _TO_PLACE_BEFORE.search(before)
            and not (_GOING_TO.search(before) and _OWN_TIE.match(text, m.end(1)))
        ):
            continue
        if _placed_elsewhere(text, name, m.start(1)):
            continue  # "seen in Preston ... said Mark Preston, her brother"
        out.add(bare_key(norm_key(name)))
    return out


#: A group that a person leads or is one of, after the possessive of a name:
#: "Guzmán's inner circle", "Zambada's faction", "one of Guzmán's people".
_GROUPS = (
    "circles?|factions?|cartels?|organi[sz]ations?|networks?|gangs?|family|"
    "families|men|people|associates"
)
_GROUP_OF = re.compile(
    rf"(?<![\w’'-])([^\W\d_][\w-]*)[’']s\s+(?:[a-z][\w-]*\s+)?(?:{_GROUPS})\b"
)


def _group_heads(
    text: str, gaz: Gazetteer, ents: list[tuple[int, int, str]]
) -> set[str]:
    """Names the text writes as a person's by a group of theirs after them.

    "a lieutenant in *Zambada*'s faction", "a member of *Guzmán*'s inner
    circle": the possessive before a group that a person leads or is one of
    makes the name a person's, whatever the tagger calls it (Zambada a GPE) or
    the gazetteer knows by it (a Guzmán in Panama). Not a large place
    ("Culiacán's gangs", "Sinaloa's cartels", "Mexico's people"), a place that
    the tagger calls one at any of its mentions and the gazetteer knows by
    that very name ("Cosalá's people"), nor a name written as a place
    elsewhere ("seen in Cosalá", "travelled to Elota": :func:`_gone_to`).

    Examples
    --------
    >>> from geosleuth.gazetteer import Gazetteer
    >>> gaz = Gazetteer.default()
    >>> t = "He was a member of Guzmán's inner circle and feared Culiacán's gangs."
    >>> sorted(_group_heads(t, gaz, []))
    ['guzman']
    """
    out: set[str] = set()
    for m in _GROUP_OF.finditer(text):
        name = m.group(1)
        if not name[0].isupper() or _placed_elsewhere(text, name, m.start(1)):
            continue
        if _gone_to(text, name):
            continue  # "travelled to Elota. Elota's people fear him."
        cands = gaz.match_ids(name)
        if is_big(gaz, cands, 1.0):
            continue  # "Culiacán's gangs", "Sinaloa's cartels"
        # the tagger's word for any of its mentions: "Welland's people", where
        # it calls "Welland" a place in "travelled to Welland"
        tagged = any(
            s <= n.start() < e and lab in ("GPE", "LOC")
            for n in re.finditer(rf"(?<![\w’'-]){re.escape(name)}(?![\w-])", text)
            for s, e, lab in ents
        )
        if tagged and any(w >= 1.0 for _, w in cands):
            continue  # "Cosalá's people", where the tagger calls Cosalá a place
        out.add(bare_key(norm_key(name)))
    return out


#: A verb of going with the preposition of where to or from, right before a
#: name: "travelled *to* Elota", "*went back to*", "*moved from*", "fled *to*"
#: (:data:`~geosleuth.read._toponym_patterns._LOCATIVE_BEFORE`); not "turned to"
#: or "loyal to", which a person may follow.
_GONE_BEFORE = re.compile(
    r"\b(?:travel+(?:ed|ing|s)?|went|go(?:es|ing)?|gone|moved?|mov(?:es|ing)|"
    r"return(?:ed|ing|s)?|head(?:ed|ing|s)|fl(?:ew|y|ies|ying)|dr(?:o|i)ve|"
    r"driving|arriv(?:e|ed|es|ing)|relocat(?:e|ed|es|ing)|"
    r"fled|flee(?:s|ing)?|escap(?:e|ed|es|ing))\s+(?:back\s+)?(?:to|from|into)\s+$",
    re.IGNORECASE,
)


def _gone_to(text: str, name: str) -> bool:
    """Whether the text has someone go to, into or from ``name`` anywhere.

    "Salcedo travelled *to Elota* last week. Elota's people fear him.": the
    place gone to stays a place, whatever "'s people" after it says.

    Examples
    --------
    >>> _gone_to("He travelled to Elota. Elota's people fear him.", "Elota")
    True
    >>> _gone_to("He turned to Guzmán. Guzmán's men hid him.", "Guzmán")
    False
    """
    return any(
        _GONE_BEFORE.search(text[max(0, m.start() - 30) : m.start()])
        for m in re.finditer(rf"(?<![\w’'-]){re.escape(name)}(?![\w-])", text)
    )


#: A preposition of place right before a name: "seen *in* Preston", "*near*
#: Jackson"; not "around" ("those around Gutiérrez" are people).
_PLACE_PREP_BEFORE = re.compile(r"\b(?i:in|near|outside|into)\s+$")


def _placed_elsewhere(text: str, name: str, at: int) -> bool:
    """Whether ``name`` is written as a place at a mention other than at ``at``.

    "Jane Doe was last seen *in Preston* on Monday. ... said Mark Preston, her
    brother": the brother's surname is no reason to take Preston the town out
    of the document. A mention after a preposition of place, not itself a
    possessive ("near Gutiérrez's ranch" is the person's).

    Examples
    --------
    >>> t = "She was seen in Chester. Chester, the family's lawyer, said so."
    >>> _placed_elsewhere(t, "Chester", t.index("Chester,"))
    True
    >>> t = "He hid near Gutiérrez's ranch. Gutiérrez, his deputy, denied it."
    >>> _placed_elsewhere(t, "Gutiérrez", t.index("Gutiérrez,"))
    False
    """
    for m in re.finditer(rf"(?<![\w’'-]){re.escape(name)}(?![\w-])", text):
        if m.start() == at or re.match(r"[’']s\b", text[m.end() : m.end() + 3]):
            continue
        if _PLACE_PREP_BEFORE.search(text[max(0, m.start() - 20) : m.start()]):
            return True
    return False


def _short_ok(gaz: Gazetteer, surface: str, pid: int) -> bool:
    """Short spans ("La", "Miss") match abbreviations only when written as such.

    A longer one matches no place by the last word of its longer name only
    (:func:`_name_tail`).
    """
    bare = surface.replace(".", "")
    place = gaz.place(pid)
    if bare.isupper() and len(bare) <= 5:  # "UK", "NSW", not "ANF" for Anfo
        return surface in place.alternate_names or surface == place.name
    if len(bare) > 4:
        return not _name_tail(surface, place)  # not "Gutiérrez" for Tuxtla
    # a sentence's full stop is no part of a name of four letters: "hiding in
    # Hama." (not of "No." in "Lot No. 5", which the rows of Ho would take)
    names = (
        (surface, surface[:-1])
        if surface.endswith(".") and len(bare) == 4
        else (surface,)
    )
    return any(
        norm_key(place.name) == norm_key(n) or n in place.alternate_names for n in names
    )


def _name_tail(surface: str, place: Place) -> bool:
    """Whether one word names ``place`` only as the last word of a longer name.

    GeoNames gives Tuxtla (Tuxtla Gutiérrez, named after a governor) the other
    name "Gutierrez", as it gives Ecatepec de Morelos "Morelos": the tail of a
    longer name ("Tuxtla Gutierrez", "Ecatepec Morelos") whose first words are
    themselves a name of the place ("Tuxtla", "Ecatepec"). The place is known by
    those first words; the tail alone is a person's name (the surname of
    "people around Gutiérrez") or another place's, not this one. A name that is
    the place's own ("Juárez" is no tail of "Ciudad Juárez": "Ciudad" names
    nothing) stays.

    Examples
    --------
    >>> from geosleuth.gazetteer import Gazetteer
    >>> gaz = Gazetteer.default()
    >>> tuxtla = gaz.resolve("Tuxtla Gutiérrez")
    >>> _name_tail("Gutiérrez", tuxtla), _name_tail("Tuxtla", tuxtla)
    (True, False)
    """
    if " " in surface or "-" in surface:
        return False
    key = bare_key(norm_key(surface))
    return key != bare_key(norm_key(place.name)) and key in _tails(
        place.name, place.alternate_names
    )


@functools.lru_cache(maxsize=4096)
def _tails(name: str, alternates: tuple[str, ...]) -> frozenset[str]:
    """The last words of a place's names whose first words name it too."""
    names = [n for n in (name, *alternates) if not re.search(r"[-(),/]", n)]
    keys = {bare_key(norm_key(n)) for n in names}
    out = set()
    for k in keys:
        words = k.split()
        if len(words) >= 2 and " ".join(words[:-1]) in keys:
            out.add(words[-1])
    return frozenset(out)


def _not_a_name(text: str, ent: tuple[int, int, str], sp: _Span) -> bool:
    """Whether a PERSON entity reaches past the span only over lower-case words."""
    rest = text[ent[0] : sp.start] + " " + text[sp.end : ent[1]]
    words = re.findall(r"[^\W\d_][\w’'-]*", rest)
    return bool(words) and not any(w[:1].isupper() for w in words)


#: A name in quotation marks: up to four words, the first capitalised ("El
#: Güero", "El Chuy", "Mad Dog"); the name is group 1.
_QUOTED = re.compile(r"[\"“]([A-Z][\w’'.-]*(?: [\w’'.-]+){0,3})[\"”]")
#: Words before a nickname: "known as "El Güero"", "alias "El Chapo"".
_ALIAS_CUE = re.compile(
    r"\b(?:alias|a\.?k\.?a\.?|nicknamed|nickname|dubbed|known\s+as|"
    r"nom\s+de\s+guerre|moniker)\s+$",
    re.IGNORECASE,
)
#: ... after a kind of place, whose name follows: "a district known as "Sadr
#: City"", "the area dubbed "the Triangle"".
_PLACE_KNOWN = re.compile(
    r"\b(?:area|areas|district|region|camp|village|town|city|neighbou?rhood|"
    r"quarter|place|zone|valley|desert|mountains?|hills?|island|forest|slum|"
    r"suburb|settlement|compound|ranch|farm|street|road)\s+(?:\w+\s+)?"
    r"(?:known\s+as|dubbed|nicknamed|called)\s+$",
    re.IGNORECASE,
)
#: ... of which those that name a person's nickname without quotes: "Joaquín
#: Guzmán, alias El Chapo" (and whom: :func:`nickname_givers`).
_BARE_CUE = r"alias|a\.k\.a\.|aka|nicknamed"
_BARE_ALIAS = re.compile(
    rf"\b(?:{_BARE_CUE})\s+"
    r"([A-Z][\w’'.-]*(?: (?:[A-Z][\w’'.-]*|de|del|la|el)){0,2}(?<![.,]))"
)
#: A capitalised word of a person's name right after a closing quotation mark
#: (""El Güero" *Salcedo*"), or right before an opening one ("*Jesús* "El
#: Chuy""); the word is group 1.
_NAME_AFTER = re.compile(r"[\"”] ([A-Z][\w’'-]+)\b(?!['’]s\b)")
_NAME_BEFORE = re.compile(r"\b([A-Z][\w’'-]+) [\"“]$")
#: Months and days, which follow a quoted name without making it a nickname.
_CALENDAR = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december", "monday", "tuesday",
     "wednesday", "thursday", "friday", "saturday", "sunday", "jan", "feb", "mar",
     "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)  # fmt: skip


def _alias_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the nicknames of people in ``text``, and their names beside.

    A name in quotation marks before a word of a person's name ("Cartel boss "El
    Güero" Salcedo", "Jesús "El Chuy" Armenta"), with the words of the name
    around it, or after "alias", "known as", "nicknamed" or "dubbed" ("a
    faction known as "El Güero""), and a name without quotes after "alias",
    "aka" or "nicknamed" ("Joaquín Guzmán, alias El Chapo"): names, no places.
    Not a quoted name that stands alone ("the sign read "Tamazula"") or before
    a date (""Ansongo" Monday"), nor the name of a place ("a district known as
    "Sadr City"").

    Examples
    --------
    >>> t = 'Cartel boss "El Güero" Salcedo was seen in Tamazula.'
    >>> [t[s:e] for s, e in _alias_spans(t)]
    ['El Güero', 'Salcedo']
    >>> _alias_spans('The sign read "Tamazula" in red.')
    []
    """
    out: list[tuple[int, int]] = []
    for m in _QUOTED.finditer(text):
        words = m.group(1).split()
        if any(w.lower() in _STOP for w in words[words[0] in ("The", "El") :]):
            continue  # a quoted phrase, not a name: ""In Mosul" Smith", ""Go now""
        before = text[max(0, m.start() - 30) : m.start()]
        after = _NAME_AFTER.match(text, m.end() - 1)
        beside = _NAME_BEFORE.search(text[max(0, m.start() - 30) : m.start() + 1])
        names = [
            (w.start(1) + off, w.end(1) + off)
            for w, off in ((after, 0), (beside, max(0, m.start() - 30)))
            if w is not None
            and w.group(1).lower() not in _STOP | _CALENDAR
            and w.group(1) not in _TITLES
        ]
        if names and names[0][0] < m.start():
            names = []  # "in Mosul "Islamic State" fighters": no name after it
        cue = _ALIAS_CUE.search(before) and not _PLACE_KNOWN.search(before)
        if names or cue:
            out += [(m.start(1), m.end(1)), *names]
    out += [(m.start(1), m.end(1)) for m in _BARE_ALIAS.finditer(text)]
    return sorted(set(out))


def nickname_givers(text: str, nick: str) -> list[str]:
    """The words of the names that ``text`` gives the nickname ``nick``.

    The word before "alias", "aka", "nicknamed", "known as" or "dubbed" and the
    nickname, in quotes or not ("Salcedo, alias El Güero"), and the words on
    either side of the nickname in quotes ("Rodrigo "El Güero" Salcedo"). Empty
    where the text gives the nickname to no one.

    Examples
    --------
    >>> t = 'Rodrigo "El Güero" Salcedo met Joaquín Guzmán, alias El Chapo.'
    >>> nickname_givers(t, "El Güero"), nickname_givers(t, "El Chapo")
    (['Rodrigo', 'Salcedo'], ['Guzmán'])
    >>> nickname_givers("El Mencho was seen in Jalisco.", "El Mencho")
    []
    """
    nick = re.escape(nick)
    cue = rf"(?:{_BARE_CUE}|known\s+as|dubbed)"
    after = re.finditer(
        r"([\w’'-]+)\s*,?\s+" + cue + r"\s+[\"“'‘]?" + nick + r"\b", text
    )
    around = re.finditer(r"([\w’'-]+)\s+[\"“'‘]" + nick + r"[\"”'’]\s+([\w’'-]+)", text)
    return [m.group(1) for m in after] + [w for m in around for w in m.groups()]


#: A verb of seeking or backing whose agent the name is: "wanted by Iraq",
#: "sought by France and Spain", "wanted in Texas", "backed by Iran"; the words
#: between are other agents of a list ("wanted by Iraq and the U.S.-led").
_AGENT_BEFORE = re.compile(
    r"\b(?:(?:wanted|sought)\s+(?:by|in)|(?:hunted|pursued|indicted|charged|"
    r"sanctioned|designated|blacklisted|backed|funded|armed|supported|sponsored|"
    r"trained)\s+by)\s+"
    r"(?:(?:the\s+|both\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}"
    r"(?:-led\s+\w+)?(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+))*"
    r"(?:the\s+|both\s+)?$"
)
#: The name made an adjective of an agent: "the U.S.-led coalition", "an
#: Iran-backed militia".
_AGENT_AFTER = re.compile(
    r"-(?:led|backed|funded|sponsored|supported|allied|aligned|trained|armed)\b",
    re.IGNORECASE,
)
#: The name of an organisation named after a place: "a Sinaloa cartel faction",
#: "the Gulf Cartel", "the Jalisco New Generation Cartel", "a Chicago street
#: gang"; not its land ("in Sinaloa cartel territory").
_ORGANISATION_AFTER = re.compile(
    r"(?:\s+[A-Z][\w’'-]*){0,2}\s+"
    r"(?:(?i:drug|crime|criminal|trafficking|smuggling|street)\s+)?"
    r"(?i:cartels?|gangs?|mafia|militias?|syndicates?|factions?|triads?|"
    r"crime\s+(?:family|families|ring))\b"
    r"(?!(?:[’']s)?\s+(?i:territory|turf|strongholds?|heartland|country|lands?|"
    r"zones?|areas?|regions?|hideouts?)\b)"
)


def _agent_use(text: str, start: int, end: int) -> str:
    """How the name at ``start:end`` stands for an agent or organisation, or "".

    "wanted by Iraq", "the U.S.-led coalition", "an Iran-backed militia": the
    authorities who seek or back someone; "a Sinaloa cartel faction", "the Gulf
    Cartel": an organisation. None of them is where the person described is.
    Otherwise a name after "in" or "near" is a place ("hiding in Sinaloa
    cartel territory"; but "wanted in Texas").

    Examples
    --------
    >>> t = "Al-Rawi, wanted by Iraq, is in Syria, the U.S.-led coalition said."
    >>> [_agent_use(t, t.index(w), t.index(w) + len(w)) for w in
    ...  ("Iraq", "U.S.", "Syria")]
    ['wanted by', '-led', '']
    >>> t = "Salcedo, the head of a Sinaloa cartel faction, is in Sinaloa."
    >>> _agent_use(t, t.index("Sinaloa"), t.index("Sinaloa") + 7)
    'cartel'
    >>> _agent_use(t, t.rindex("Sinaloa"), t.rindex("Sinaloa") + 7)
    ''
    """
    before = text[max(0, start - 80) : start]
    agent = _AGENT_BEFORE.search(before)
    if agent is not None:
        return " ".join(agent.group(0).split()[:2])
    if _LOCATIVE_BEFORE.search(before):
        return ""
    tail = _AGENT_AFTER.match(text, end)
    if tail is not None:
        return tail.group(0).lower()
    org = _ORGANISATION_AFTER.match(text, end)
    if org is not None:
        return org.group(0).split()[-1].lower()
    return ""


def _mark_uses(
    text: str, gaz: Gazetteer, spans: list[_Span], aliases: list[tuple[int, int]]
) -> None:
    """Make agents' and organisations' names metonyms, and nicknames no places.

    A name a nickname of the document has is that person's wherever it is
    written ("El Güero was seen ..."), unless it names a country or division
    exactly; a place name used as an agent or an organisation
    (:func:`_agent_use`) takes the role ``"metonym"``.
    """
    names = {bare_key(norm_key(text[s:e])) for s, e in aliases}
    for sp in spans:
        if sp.role != "place":
            continue
        if bare_key(norm_key(sp.text)) in names and not any(
            w >= 1.0 and gaz.kind(p) in ("country", "admin", "continent")
            for p, w in sp.cands
        ):
            sp.signals = 0.0
        elif _agent_use(text, sp.start, sp.end):
            sp.role = "metonym"
