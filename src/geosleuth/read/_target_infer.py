"""The person a report is about, when no one is named: inferred, never a place.

:func:`infer_target` takes the person the text names most often: the PERSON
entity whose surname key (:attr:`~geosleuth.read._target_names.Target.surname_key`)
the most capitalised words of the text share, so "Salcedo" seven times counts for
"Rodrigo Salcedo Ibarra" (of two surnames, the father's first), not the lawyer
"Ana Lucía Pérez" named once. A name the tagger cut off after a particle of names
("Hamadou *Ag*", "Osama *bin*") is taken whole, with the word after it ("Hamadou
Ag Alher"). A report that says whom the police seek ("Armed police are searching
for Darren Whitlock") is about that person, however often it names the victim.

The tagger calls a place or a disease a PERSON now and then, and an outbreak
report that seems to name a person is read for that person, with its case counts
switched off (:mod:`geosleuth.read.cases`). So a name is no candidate where the
text shows it to be a place or a disease:

- the tagger or the place mentions call it a place more often than a person
  (:func:`infer_target`);
- every use of it is a place's (:func:`_place_like`): in a place slot ("in the
  Sparkbrook and *Small Heath* areas", "a nursery in *Small Heath*", "who is from
  *Kortrijk*", "the mountains around *Tamazula*"), before a division's word or
  with a count of cases after it in an outbreak report ("*Glen View* 74",
  "*Chegutu* itself has reported only two cases"); a name that only stands in
  place slots is a place where the gazetteer holds it or a word after it says so;
- every use of it is a disease's or a germ's (:data:`_DISEASE_AFTER`:
  "*Legionnaires'* disease", "*Legionnaires'* outbreak"; "tested positive for
  *Vibrio* cholerae");
- it lists a count of cases, names a division or a disease
  (:func:`_no_persons`), or, in an outbreak report, is named only as a
  speaker or a case (:func:`_only_speaks_or_falls_ill`);
- it ends with a word of a street's name ("Garnett Ridge *Drive*").

A name written in full with a given name the name lists know ("Rodrigo Salcedo
Ibarra", "Mayor Ryan Bingham") is a person's, whatever the tagger made of its
surname alone ("Salcedo", a town of the gazetteer, is a GPE to it seven times);
the tagger calls such a name an organisation now and then, and it is a candidate
still where the text names it again (not a brand named once: "Jack Daniel's"
whiskey).

Part of :mod:`geosleuth.read.target`, which re-exports :func:`infer_target`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from geosleuth.read._spans import SpanIndex
from geosleuth.read._target_gender import _speaks_or_falls_ill
from geosleuth.read._target_names import (
    _GIVEN,
    _HONORIFICS,
    _WORD,
    Target,
    _fold,
    _two_surnames,
    name_key,
)

__all__ = ["_DISEASE_AFTER", "infer_target"]


#: After a name, what only a place does: "Katwa *has recorded 512 cases*",
#: "Chegutu *itself has reported only two cases*", "Beni *339* and Butembo 133"
#: (a count listed after the name).
_COUNTS_AFTER = re.compile(
    r"\s+(?:itself\s+)?(?:(?:has|have|had)\s+)?(?:now\s+|also\s+)?(?:reported|"
    r"confirmed|recorded|registered|logged)\s+(?:(?:at\s+least|more\s+than|over|"
    r"nearly|about|only|just)\s+)?(?:\d[\d,]*|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:cases?|deaths?|infections?|patients)\b|"
    r"\s+\d[\d,]*\s*(?:,|;|\band\b|\.)",
    re.IGNORECASE,
)


def _counts_cases(text: str, name: str, *, any_length: bool = False) -> bool:
    """Whether ``name`` reports or lists a count of cases in ``text``.

    The tagger calls a town of an outbreak report a PERSON now and then ("Katwa
    has recorded 512 cases, Beni 339 and Butembo 133", "Mandima 71"); a person
    does neither. A name of one word only, unless ``any_length``.

    Examples
    --------
    >>> _counts_cases("Katwa has recorded 512 cases, Beni 339.", "Katwa")
    True
    >>> _counts_cases("Smith has recorded 12 songs.", "Smith")
    False
    >>> text = "Budiriro has recorded 168 cases, Glen View 74 and Mbare 23."
    >>> _counts_cases(text, "Glen View"), _counts_cases(text, "Glen View",
    ...                                                 any_length=True)
    (False, True)
    """
    if not any_length and len(_WORD.findall(name)) != 1:
        return False
    return any(
        _COUNTS_AFTER.match(text, m.end())
        for m in re.finditer(rf"\b{re.escape(name)}\b", text)
    )


#: After a name, a division's word: its own ("Niassa *province*"), or a list's
#: ("Khanh Hoa, Tien Giang and Ca Mau *provinces*"; not "John Smith, Harris
#: County Sheriff").
_DIVISION_AFTER = re.compile(
    r"\s+(?i:provinces?|county|counties|districts?|regions?|governorates?|"
    r"oblasts?|prefectures?)\b"
    r"|(?:\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
    r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3})+"
    r"\s+(?i:provinces|counties|districts|regions|governorates|oblasts|"
    r"prefectures)\b"
)
#: After a name, what makes it a disease's: "Legionnaires' *disease*",
#: "Parkinson's *disease*", and with a possessive, "Legionnaires' *outbreak*"
#: (not "Smith outbreak", nor "Smith's case").
_DISEASE_AFTER = re.compile(
    r"(?:['’]s?)?\s+(?i:disease|syndrome|virus|fever|bacteri(?:a|um)|palsy|"
    r"encephalitis|sarcoma)\b"
    r"|['’]s?\s+(?i:outbreaks?|infections?)\b"
)
#: Before a name, what makes it a germ's: "tested positive for *Vibrio*
#: cholerae".
_GERM_BEFORE = re.compile(r"\bpositive\s+for\s+$", re.IGNORECASE)
#: After a name, a word for a part of a town or a division, its own or a list's:
#: "the Sparkbrook and Small Heath *areas*", "the Glen View *suburb*".
_PLACE_NOUN_AFTER = re.compile(
    r"(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
    r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3})*"
    r"\s+(?i:areas?|suburbs?|neighbou?rhoods?|districts?|townships?|"
    r"municipalit(?:y|ies)|provinces?|county|counties|regions?|governorates?|"
    r"oblasts?|prefectures?)\b"
)
#: Before a name, a place slot: a preposition of place ("in", "near", "around",
#: "between"), or "from" after a verb of origin ("who is *from* Kortrijk"), with
#: the names of a list between ("in the Sparkbrook and", "between Badiraguato
#: and"). Not "to" or "at" ("said to Smith", "shot at Smith"), nor "from" alone
#: ("a letter from Smith").
_PLACE_SLOT_BEFORE = re.compile(
    r"(?:\b(?i:in|near|around|outside|across|throughout|between)\s+(?:the\s+)?"
    r"|\b(?i:is|are|was|were|comes?|came|hails?|originally)\s+from\s+)"
    r"(?:[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*"
    r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+))*$"
)
#: Before a name, a search for that person: "police are *searching for*", "a
#: *manhunt for*", "officers are *seeking*".
_SOUGHT_BEFORE = re.compile(
    r"\b(?i:search(?:ing|ed|es)?|hunt(?:ing|ed|s)?|manhunt|look(?:ing|ed)?)\s+"
    r"(?i:for)\s+(?:(?i:the\s+)?(?:missing|wanted|fugitive|suspect)\s+)?"
    r"(?:\d{1,3}-year-old\s+)?$"
    r"|\b(?i:seek(?:ing|s)?|tracking)\s+$"
)
#: After a name, that it is sought: "Darren Whitlock, 45, *is wanted*", "*remains
#: at large*".
_SOUGHT_AFTER = re.compile(
    r"(?:,[^,.;:!?\"“”]{1,60},)?\s+(?:is|was|remains|remained)\s+"
    r"(?:(?:still|also|now)\s+)?"
    r"(?:wanted|being\s+sought|sought|on\s+the\s+run|at\s+large)\b"
)
#: Particles of names that the tagger leaves at an entity's end, cutting it off
#: ("Hamadou *Ag*" of "Hamadou Ag Alher"), folded.
_PARTICLES = frozenset(
    {"ag", "ould", "ben", "bin", "ibn", "bint", "abu", "umm", "al", "el", "van",
     "von", "de", "del", "della", "da", "das", "do", "dos", "du", "di", "la", "le"}
)  # fmt: skip
#: The next word of a name: "Hamadou Ag* Alher*".
_NEXT_NAME_WORD = re.compile(r"[ \t]+([A-Z\u00c0-\u00de][\w\u00c0-\u024f'’‐‑-]*)")
#: Words that end the name of an organisation, a building or a prize, not a
#: person's: "Carlos Slim *Foundation*".
_NOT_PERSON_END = frozenset(
    {"foundation", "university", "college", "school", "hospital", "institute",
     "center", "centre", "church", "company", "group", "party", "council",
     "department", "agency", "airport", "bridge", "park", "street", "road",
     "avenue", "hall", "stadium", "museum", "library", "association", "society",
     "fund", "trust", "bank", "club", "academy", "clinic", "memorial", "house",
     "building", "tower", "square", "station", "field", "arena", "award", "prize",
     "act", "law", "brothers", "inc", "corp", "ltd", "llc", "co", "cartel",
     "drive", "lane", "court", "way", "circle", "trail", "place", "terrace"}
)  # fmt: skip
#: Words that end a street's name and no person's: "Garnett Ridge *Drive*".
_STREET_END = frozenset(
    {"drive", "road", "avenue", "ave", "boulevard", "blvd", "parkway", "pkwy",
     "highway", "hwy", "street"}
)  # fmt: skip


def _whole_name(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of a name at ``start:end``, with the word after a final particle.

    Examples
    --------
    >>> text = "commander Hamadou Ag Alher fled"
    >>> s, e = _whole_name(text, 10, 20)
    >>> text[s:e]
    'Hamadou Ag Alher'
    """
    while True:
        words = _WORD.findall(text[start:end])
        if not words or _fold(words[-1]) not in _PARTICLES:
            return start, end
        nxt = _NEXT_NAME_WORD.match(text, end)
        if nxt is None:
            return start, end
        end = nxt.end()


def _by_the_lists(name: str) -> bool:
    """Whether ``name`` is a person's by the name lists: a known given name first.

    Two words or more, the first (after any honorific) a given name the lists
    know, the rest capitalised and no organisation's last word: "Rodrigo Salcedo
    Ibarra", "Mayor Ryan Bingham"; not "Carlos Slim Foundation" nor "Salcedo".

    Examples
    --------
    >>> [_by_the_lists(n) for n in ("Rodrigo Salcedo Ibarra", "Ryan Bingham",
    ...                             "Salcedo", "Carlos Slim Foundation")]
    [True, True, False, False]
    """
    words = _WORD.findall(name)
    while words and _fold(words[0]) in _HONORIFICS:
        words = words[1:]
    return (
        len(words) >= 2
        and _fold(words[0]) in _GIVEN
        and all(w[:1].isupper() for w in words)
        and _fold(words[-1]) not in _NOT_PERSON_END
    ) or (_two_surnames(name) is not None and _fold(words[-1]) not in _NOT_PERSON_END)


def _capitalised(text: str) -> dict[str, list[tuple[int, int]]]:
    """The spans of the capitalised words of ``text``, by name key, in order.

    Found once per text: looked up for each name instead of a scan of the whole
    text each time, which made a long text's reading quadratic (review r51).

    Examples
    --------
    >>> _capitalised("Salcedo met salcedo and SALCEDO in Culiacán.")["salcedo"]
    [(0, 7), (24, 31)]
    """
    out: dict[str, list[tuple[int, int]]] = {}
    for m in _WORD.finditer(text):
        if m.group(0)[:1].isupper():
            out.setdefault(name_key(m.group(0)), []).append(m.span())
    return out


def _same_surname(name: str, key: str) -> bool:
    """Whether ``name`` has the surname key ``key``, as its surname or last word."""
    return key in (_surname(name), _last_key(name))


def _surname(name: str) -> str:
    """The surname key of a person's ``name`` (the father's of two surnames)."""
    return Target(name).surname_key


def _last_key(name: str) -> str:
    """The key of the last word of ``name`` (a place's, or a person's by default)."""
    words = _WORD.findall(name)
    return name_key(words[-1]) if words else ""


def _uses(text: str, name: str) -> list[re.Match[str]]:
    """Every place ``name`` is written in ``text``, as a whole word or words.

    The matches of ``re.finditer``, but tried only where ``str.find`` finds
    ``name``: a regular expression that opens with a look-behind is tried at
    every character, which for each name of a long text was slow.

    Examples
    --------
    >>> [m.span() for m in _uses("Hill, Hills and O'Hill met Hill-Wood at Hill.",
    ...                          "Hill")]
    [(0, 4), (40, 44)]
    """
    pattern = re.compile(rf"(?<![\w'’-]){re.escape(name)}(?![\w-])")
    if not name:
        return list(pattern.finditer(text))
    out = []
    at = text.find(name)
    while at >= 0:
        m = pattern.match(text, at)
        if m is not None:
            out.append(m)
        at = text.find(name, at + 1 if m is None else m.end())
    return out


def _place_like(text: str, name: str, *, outbreak: bool, gazetteer: Any) -> bool:
    """Whether every use of ``name`` in ``text`` is a place's.

    A use is a place's in a place slot (:data:`_PLACE_SLOT_BEFORE`: "a nursery
    in Small Heath", "who is from Kortrijk") or before a word for a part of a
    town or a division (:data:`_PLACE_NOUN_AFTER`: "the Sparkbrook and Small
    Heath areas"), and in an outbreak report before a count (:func:`_counts_cases`:
    "Glen View 74", "Chegutu itself has reported only two cases"). A possessive
    is a person's as much as a town's ("Smith's", "Kortrijk's"): no place's.
    Where no word after any use says so, the name is a place only if the
    ``gazetteer`` holds it: "in Hamilton" alone does not make "Hamilton" a
    town, but "Hamilton" written only so is one.

    Examples
    --------
    >>> text = "Cases are in the Sparkbrook and Small Heath areas."
    >>> _place_like(text, "Small Heath", outbreak=True, gazetteer=None)
    True
    >>> text = "Smith was seen in Leeds. Interest in Smith grew."
    >>> _place_like(text, "Smith", outbreak=False, gazetteer=None)
    False
    """
    uses = _uses(text, name)
    if not uses:
        return False
    said = False  # a word after a use says it is a place
    for m in uses:
        if re.match(r"['’]", text[m.end() : m.end() + 1]):
            return False  # "Smith's": a person's as much as a town's
        if _PLACE_NOUN_AFTER.match(text, m.end()) or (
            outbreak and _COUNTS_AFTER.match(text, m.end())
        ):
            said = True
        elif not _PLACE_SLOT_BEFORE.search(text, max(0, m.start() - 120), m.start()):
            return False
    if said:
        return True
    if gazetteer is None:
        gazetteer = _default_gazetteer()
    return bool(gazetteer.knows(name))


def _default_gazetteer() -> Any:
    """The default gazetteer, imported and loaded only where a name needs it."""
    from geosleuth.gazetteer import Gazetteer

    return Gazetteer.default()


def _disease_like(text: str, name: str) -> bool:
    """Whether every use of ``name`` is a disease's or a germ's.

    "Legionnaires' disease", "Legionnaires' outbreak" (:data:`_DISEASE_AFTER`),
    "tested positive for Vibrio cholerae" (:data:`_GERM_BEFORE`).

    Examples
    --------
    >>> _disease_like("A Legionnaires' outbreak; Legionnaires' disease.",
    ...               "Legionnaires")
    True
    >>> _disease_like("Dr Shah said Shah's team found it.", "Shah")
    False
    """
    uses = _uses(text, name)
    return bool(uses) and all(
        _DISEASE_AFTER.match(text, m.end())
        or _GERM_BEFORE.search(text, max(0, m.start() - 20), m.start())
        for m in uses
    )


def _no_persons(text: str, doc: Any, mentions: Sequence[Any]) -> set[str]:
    """The PERSON entities of ``doc`` that the text shows to be no person.

    - a town of a list of counts with a place in it ("Siaya (12) and *Homa
      Bay* (7)", "*Timis* (204), Iasi (188)": :func:`_count_lists`);
    - a name followed by a division's word ("*Niassa* province is the worst
      affected", "*Khanh Hoa*, *Tien Giang* and Ca Mau provinces");
    - a disease or a germ named after someone, wherever the name is written
      ("Legionnaires' disease": :func:`_disease_like`).
    """
    # imported here: geosleuth.read.cases imports this module (via _sentence)
    from geosleuth.read.cases import _count_lists

    places = [
        (m.start, m.end)
        for m in mentions
        if m.role in ("place", "metonym") and m.name is not None
    ]
    listed = [
        run
        for run in _count_lists(text)
        if any(a < t and s < b for a, b in run for s, t in places)
    ]
    out: set[str] = set()
    in_lists = SpanIndex(span for run in listed for span in run)
    disease: dict[str, bool] = {}  # by name: each name's uses are looked up once
    for e in doc.ents:
        if e.label_ != "PERSON":
            continue
        s, t = e.start_char, e.end_char
        if in_lists.holds(s, t):
            out.add(e.text)  # a town of a list of counts
        elif _DIVISION_AFTER.match(text, t):
            out.add(e.text)  # "Niassa province"
        else:
            if e.text not in disease:
                disease[e.text] = _disease_like(text, e.text)
            if disease[e.text]:
                out.add(e.text)  # "Legionnaires' disease"
    return out


def _reads_as_outbreak(text: str) -> bool:
    """Whether ``text`` reads as an outbreak report: a disease and case counts.

    It names a disease or an outbreak, as :func:`~geosleuth.read.cases.find_cases`
    asks of a report it reads, and gives a count of cases or of people ill or
    dead ("45 cholera cases", "killed 14 people") or a list of counts ("Garissa
    (145), Wajir (62)").
    """
    # imported here: geosleuth.read.cases imports this module (via _sentence)
    from geosleuth.read.cases import _COUNT, _DISEASE, _SHARE, _count_lists

    return _DISEASE.search(text) is not None and (
        _COUNT.search(text) is not None
        or _SHARE.search(text) is not None
        or bool(_count_lists(text))
    )


def _only_speaks_or_falls_ill(
    text: str, words: Sequence[tuple[int, int]], persons: Sequence[tuple[int, int]]
) -> bool:
    """Whether every mention of a name's surname key is a speaker or a case.

    Each capitalised word of that key (``words``, their spans by
    :func:`_capitalised`: the words :func:`infer_target` counts), with the
    PERSON entity it is in (of ``persons``, their spans), is named as a speaker
    or as one who fell ill or died
    (:func:`~geosleuth.read._target_gender._speaks_or_falls_ill`).
    """
    for at, after in words:
        start, end = next(((a, b) for a, b in persons if a <= at < b), (at, after))
        if not _speaks_or_falls_ill(text, start, end):
            return False
    return bool(words)


def _sought(text: str, names: Sequence[str]) -> bool:
    """Whether the text says one of ``names`` is sought.

    "Armed police are searching for Darren Whitlock", "a manhunt for ...",
    "Darren Whitlock, 45, is wanted", "... remains at large"
    (:data:`_SOUGHT_BEFORE`, :data:`_SOUGHT_AFTER`).

    Examples
    --------
    >>> _sought("Police are searching for Darren Whitlock.", ["Darren Whitlock"])
    True
    >>> _sought("Karen Ellis was searching for work.", ["Karen Ellis"])
    False
    >>> _sought("They searched for Hill's killer.", ["Hill"])
    False
    """
    return any(
        _SOUGHT_BEFORE.search(text, max(0, m.start() - 60), m.start())
        or _SOUGHT_AFTER.match(text, m.end())
        for name in names
        for m in _uses(text, name)
        # "searching for Hill's killer": someone else is sought
        if not re.match(r"['’]", text[m.end() : m.end() + 1])
    )


def _candidates(text: str, doc: Any, counts: dict[str, int]) -> list[tuple[str, bool]]:
    """The names of persons in ``doc``, and whether the name lists know each.

    PERSON entities, with the word after a final particle ("Hamadou Ag Alher",
    :func:`_whole_name`), and entities of other labels (but places') that the
    name lists call a person's (:func:`_by_the_lists`: "Rodrigo Salcedo Ibarra",
    an ORG to the tagger) and whose surname the text writes again (not "Jack
    Daniel's" whiskey). Not a count ("Homa Bay 7"). ``counts`` are the
    numbers of capitalised words of the text by name key.
    """
    out = []
    for e in doc.ents:
        if e.label_ in ("GPE", "LOC", "FAC"):
            continue
        s, t = _whole_name(text, e.start_char, e.end_char)
        name = text[s:t]
        known = _by_the_lists(name)
        if e.label_ != "PERSON" and (
            # "Jack Daniel's" whiskey, named once: a brand
            re.search(r"['’]s?$", name) or counts.get(_surname(name), 0) < 2
        ):
            known = False
        if (
            (e.label_ == "PERSON" or known)
            and _surname(name)
            # "Homa Bay 7" of "Siaya 12 and Homa Bay 7": a count, no one's name
            and not any(ch.isdigit() for ch in name)
        ):
            out.append((name, known))
    return out


def infer_target(
    text: str, *, doc: Any = None, mentions: Sequence[Any] = (), gazetteer: Any = None
) -> Target | None:
    """The person named most often in ``text``, or None when no person is named.

    The count of a person is the number of words in the whole text that share
    its surname key (:attr:`~geosleuth.read._target_names.Target.surname_key`),
    so "al-Baghdadi", "Baghdadi" and "al-Bagdadi" add up even where the tagger
    calls some of them organisations, and "Salcedo" counts for "Rodrigo Salcedo
    Ibarra". A person the text says is sought ("police are searching for Darren
    Whitlock", :func:`_sought`) comes before those it names more often (the
    victim, a lawyer, a witness).

    The tagger calls a place a PERSON now and then ("Hajin", "Sioux Falls"), so
    a name used as a place more often than as a person's is no candidate:

    - by the tagger: more entities GPE, LOC or FAC than PERSON share its key;
    - or by the ``mentions`` too: the mentions of places (role "place" or
      "metonym", resolved to a place whose name has that word, or a street or
      park the gazetteer does not hold) count as places, and the PERSON
      entities that none of them overlaps as persons; unless the name is
      written in full with a given name, outside any such mention ("Mayor Ryan
      Bingham": the village of Bingham in the gazetteer is not that person);
    - or by what follows it, even written in full: a town of a list of
      counts with a place in it ("Kisumu (45), Siaya (12) and Homa Bay (7)"),
      a name before a division's word ("Niassa province"), a disease
      ("Legionnaires' disease") (:func:`_no_persons`);
    - or by how the text uses it, every time: in a place slot or before a
      division's word, in the ``gazetteer`` or said to be a place ("in the
      Sparkbrook and Small Heath areas", "who is from Kortrijk",
      :func:`_place_like`), or a disease's or a germ's ("Legionnaires'
      outbreak", "positive for Vibrio cholerae", :func:`_disease_like`).

    A name written in full with a given name the name lists know is a person's
    whatever the tagger and the mentions made of its surname
    (:func:`_by_the_lists`: "Rodrigo Salcedo Ibarra", though "Salcedo" is a GPE
    to the tagger).

    In a text that reads as an outbreak report (it names a disease or an
    outbreak and gives case counts: :func:`_reads_as_outbreak`), a person
    named only as a speaker ("Health Minister Mutahi Kagwe said 45 cholera
    cases ...", "..., according to county health director Peter Ouma", '"...,"
    Health Minister Susan Nakhumicha told reporters') or only as a case ("Mary
    Smith, 54, died of cholera", "Among the dead was Hassan Noor") is no one
    sought: the report's speakers and its victims are no candidates, so that
    it is read for its case counts (:mod:`geosleuth.read.cases`). A person
    named otherwise too ("Jane Doe, a nurse ..., has been missing since
    Monday") is a candidate, as in any text.

    Parameters
    ----------
    text : str
        The text.
    doc : spacy.tokens.Doc or None, default None
        ``text`` with its entities; without one, no person is found.
    mentions : sequence of Mention, default ()
        The place names found in ``text``
        (:func:`~geosleuth.read.toponyms.find_toponyms`).
    gazetteer : Gazetteer or None, default None
        Where a name used only in place slots is looked up; None for
        :meth:`~geosleuth.gazetteer.Gazetteer.default`, loaded only if needed.

    Returns
    -------
    Target or None
        With ``inferred=True``.

    Examples
    --------
    >>> infer_target("No names here.") is None
    True
    """
    if doc is None:
        return None
    words = _capitalised(text)
    counts = {key: len(spans) for key, spans in words.items()}
    found = _candidates(text, doc, counts)
    if not found:
        return None
    places = {  # mentions of places, by span: their key
        (m.start, m.end): _last_key(m.text)
        for m in mentions
        if m.role in ("place", "metonym")
        and (
            m.name is None or _last_key(m.text) in map(name_key, _WORD.findall(m.name))
        )
    }
    tagged = Counter(
        (e.label_ == "PERSON", _last_key(e.text))
        for e in doc.ents
        if e.label_ in ("PERSON", "GPE", "LOC", "FAC")
    )
    as_place = Counter(places.values())
    as_person: Counter[str] = Counter()
    in_full: set[str] = set()  # keys of names written in full, as a person's
    where = SpanIndex(places)
    for e in doc.ents:
        span, key = (e.start_char, e.end_char), _last_key(e.text)
        if e.label_ in ("GPE", "LOC", "FAC") and span not in places:
            as_place[key] += 1
        elif e.label_ == "PERSON" and not where.overlaps(*span):
            as_person[key] += 1
        if (
            e.label_ == "PERSON"
            and len(_WORD.findall(e.text)) > 1
            and not where.holds(*span)
        ):
            in_full.add(key)
    if gazetteer is None and any(by_lists for _, by_lists in found):
        gazetteer = _default_gazetteer()
    # "Rodrigo Salcedo Ibarra"; not "Alice Springs", a town of the gazetteer
    known = {
        _surname(p) for p, by_lists in found if by_lists and not gazetteer.knows(p)
    }
    best: tuple[bool, int, int, str] | None = None
    towns = _no_persons(text, doc, mentions)
    persons = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    outbreak = _reads_as_outbreak(text)
    judged: dict[str, bool] = {}  # by name: whether it is a candidate
    # by surname key: whether one of its names is sought. Each name once, and
    # each key once: a text naming one person 200 times took minutes (r28 F10)
    sought: dict[str, bool] = {}
    for p, _ in found:
        if p not in judged:
            judged[p] = _is_candidate(
                text, p, known, towns, outbreak, gazetteer,
                place_words=(tagged, as_place, as_person, in_full),
                words=words, persons=persons,
            )  # fmt: skip
        if not judged[p]:
            continue
        key = _surname(p)
        if key not in sought:
            names = list(dict.fromkeys(q for q, _ in found if _same_surname(q, key)))
            sought[key] = _sought(text, names)
        # a name of two surnames by the lists may be one of a middle name and a
        # surname ("Julia Fessenden Slater"): its last word counts too
        count = max(counts.get(key, 0), counts.get(_last_key(p), 0))
        score = (sought[key], count, len(_WORD.findall(p)), p)
        if best is None or score > best:
            best = score
    if best is None or best[1] == 0:
        return None
    name = re.sub(r"(?:['’]s|['’])$", "", best[3]).strip()
    longest = max(
        (p for p, _ in found if _same_surname(p, _surname(name))), key=len, default=name
    )
    return Target(re.sub(r"(?:['’]s|['’])$", "", longest).strip(), inferred=True)


def _is_candidate(
    text: str,
    name: str,
    known: set[str],
    towns: set[str],
    outbreak: bool,
    gazetteer: Any,
    *,
    place_words: tuple[Counter[tuple[bool, str]], Counter[str], Counter[str], set[str]],
    words: dict[str, list[tuple[int, int]]],
    persons: Sequence[tuple[int, int]],
) -> bool:
    """Whether ``name`` may be the person a text is about (:func:`infer_target`).

    ``known`` are the surname keys of names the name lists call a person's,
    ``towns`` the names :func:`_no_persons` found to be no person, and
    ``place_words`` what the tagger and the mentions make of each last word:
    the count of entities by (is a PERSON, key), of uses as a place and as a
    person, and the keys of names written in full; ``words`` the spans of the
    capitalised words by name key (:func:`_capitalised`), ``persons`` those of
    the PERSON entities.
    """
    tagged, as_place, as_person, in_full = place_words
    key, last = _surname(name), _last_key(name)
    if name in towns or _fold(_WORD.findall(name)[-1]) in _STREET_END:
        return False  # "Homa Bay (7)", "Legionnaires' disease", "Clark Drive"
    if outbreak and _only_speaks_or_falls_ill(text, words.get(key, []), persons):
        return False  # "Health Minister Mutahi Kagwe said 45 cholera cases ..."
    if key in known:
        return True  # "Rodrigo Salcedo Ibarra", though "Salcedo" is a GPE
    if tagged[False, last] > tagged[True, last] or (
        as_place[last] > as_person[last] and last not in in_full
    ):
        return False  # a place the tagger took for a person
    if last not in in_full and _counts_cases(text, name):
        return False  # "Katwa has recorded 512 cases, Beni 339": a town
    return not (
        _place_like(text, name, outbreak=outbreak, gazetteer=gazetteer)
        or _disease_like(text, name)
    )  # "in the Sparkbrook and Small Heath areas", "Legionnaires' outbreak"
