"""Text patterns of toponym detection: words, capitalised runs, cues and lists.

Plain text only, no gazetteer: how a text splits into words and runs of
capitalised words (:func:`_tokens`, :func:`_cap_runs`); the context cues before
and after a name ("in X", "X province", "X is alive", "the Baghdad
administration"); streets, natural features, parks, huts and airports ("North
Main Street", "Lake Lanier", "Zion National Park", "the Hörnli hut", "Logan
Airport"); the words that join one name ("Praia *da* Luz") and those that make a
name a disease's ("Ebola *virus*"); what joins the items of a list of places; and
lists of counties ("Swift and Wilkin counties").
:mod:`geosleuth.read._toponym_detect` matches the runs against the gazetteer and
weighs the cues.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

__all__ = [
    "_AIRPORT",
    "_AND_AFTER",
    "_AND_BEFORE",
    "_ARTICLE_PREFIX",
    "_BELONGING_AFTER",
    "_CONNECTORS",
    "_CUE_AFTER",
    "_CUE_BEFORE",
    "_DISEASE_NOUNS",
    "_GENERIC_FEATURE_WORDS",
    "_HIGHWAY_AGENCY",
    "_LIST_AFTER",
    "_LIST_BEFORE",
    "_LIST_GAP",
    "_LIST_ITEM",
    "_LOCATIVE_BEFORE",
    "_METONYM_AFTER",
    "_NAME_JOINERS",
    "_OWNER_AFTER",
    "_PERSON_AFTER",
    "_POSSESSIVE",
    "_PROVINCE_AFTER",
    "_READER_AFTER",
    "_SAID_AFTER",
    "_SEARCHED_BEFORE",
    "_STREET",
    "_SURNAME_FEATURE_WORDS",
    "_STRONG_AFTER",
    "_STRONG_BEFORE",
    "_cap_runs",
    "_county_lists",
    "_locative",
    "_sentence_initial",
]

_ELISION = re.compile(r"^[dl][’']")  # "d'Ivoire", "l'Aquila"
#: A place left for another, which follows "for": "fled Culiacán for".
_LEFT_FOR = (
    r"(?:fled|flee|flees|fleeing|left|leaves|leaving|departed)\s+(?:the\s+)?"
    r"(?:[A-Z][\w’'.-]*\s+){1,3}for"
)
#: A place preposition right before a name, which makes it a place whatever the
#: tagger calls it: "in Glen Allen", "near Lombard"; a side of a place ("40 km
#: east of Cosalá", "north-west of"), its outskirts, and the land around it ("the
#: mountains around Tamazula", "in and around Leeds"; not "rallied around"), a
#: kind of place ('the town of "Tamazula"'), where one fled or left a place
#: for ("fled Culiacán for Tamazula"), and where one fled to ("fled to Cosalá").
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|near|outside|(?:north|south|east|west)(?:-?(?:east|west))?\s+of|"
    r"(?:fled|flee|flees|fleeing|escaped|escaping)\s+(?:back\s+)?to|"
    r"outskirts\s+of|in\s+and\s+around|(?:area|areas|mountains|hills|villages|"
    r"towns|countryside|forests?|jungles?|desert|fields|farms|ranches|region|"
    r"sierra|waters)\s+around|(?:town|city|village|hamlet|municipality)\s+of|"
    rf"{_LEFT_FOR})\s[\"“]?$"
)
#: A verb or noun of searching right before a name: "Police searched Penrith",
#: "a search of Harrogate", "a raid on Hajin", whose object is the place searched
#: (as after "in"), whatever label the tagger gives a small town it does not
#: know ("Penrith" as a person); not before a possessive ("searched Johnson's
#: car": :data:`_OWNER_AFTER`).
_SEARCHED_BEFORE = re.compile(
    r"\b(?:searched|scoured|combed|raided|swept|searches\s+of|search\s+of|"
    r"raids?\s+on)\s$",
    re.IGNORECASE,
)
#: A possessive right after a name: "Johnson's car", "the Smiths' house".
_OWNER_AFTER = re.compile(r"^[’']s?(?:\s|$)")
#: After a name's possessive, a thing a person owns or lives in: "in Juan's
#: truck", "hiding in Santiago's ranch", "in Sarah's car". Its owner is someone,
#: not a place; "Culiacán's main square", "Sinaloa's home state" are a place's.
_BELONGING_AFTER = re.compile(
    r"^(?:[’']s?)?\s+(?:[a-z]+\s+)?(?:house|home(?!\s+(?:state|town|city|country|"
    r"province|region|village|district|territory|turf|ground|base)\b)|ranch|farm|"
    r"car|truck|van|pickup|SUV|apartment|flat|bar|restaurant|shop|office|bedroom|"
    r"garage|villa|mansion|hideout|boat|yacht|cabin)\b"
)
_CUE_BEFORE = re.compile(
    r"(?:\b(?:in|near|at|from|to|into|outside|around|across|toward|towards|"
    r"between|via|through|of|within|throughout|along|above|below|beyond|off|"
    r"visited|visit|leave|left|"
    r"reached|entered|hit|struck)\s+(?:the\s+)?(?:(?:northern|southern|eastern|"
    r"western|central|rural|downtown|suburban|nearby|neighbouring|neighboring)\s+)?"
    r"|\b(?:town|city|village|county|province|state|region|capital|area|suburb|"
    r"district|governorate|island|hamlet|municipality)\s+of\s+"
    r"|\b(?:countries|nations|states|provinces|regions|cities|towns|villages|"
    r"areas|places|islands)\s+(?:like|such\s+as|including)\s+"
    r"|\b(?:town|city|village|place|area)\s+(?:called|named)\s+"
    r"|\b(?:border|frontier)s?\s+with\s+(?:the\s+)?"
    rf"|(?-i:{_LEFT_FOR})\s+)[\"“]?$",
    re.IGNORECASE,
)
#: ... which make the name a place whatever the gazetteer has it as: "the town of
#: Tamazula", 'the town of "Tamazula"', "near Pljevlja".
_STRONG_BEFORE = re.compile(
    r"\b(?:town|city|village|county|province|state|region|capital|suburb|district|"
    r"governorate|hamlet|municipality|vicinity)\s+of\s+[\"“]?$|\bnear\s+$",
    re.IGNORECASE,
)
#: The side of a border that a country's name says: "on the Niger side of the
#: border" (:func:`_locative`).
_SIDE_AFTER = re.compile(
    r"^(?:\s+(?:or|and)\s+the\s+[A-Z][\w’'.-]*)?\s+side\s+of\s+the\s+"
    r"(?:border|frontier|boundary)\b",
    re.IGNORECASE,
)
#: ... where someone is on it, after a preposition of place: "*on the* Niger
#: side", "*on either the* Mali or the Niger side"; not the side that soldiers
#: "patrolled".
_SIDE_BEFORE = re.compile(
    r"\b(?:on|in|into|onto|to|from|across|at)\s+(?:either\s+|the\s+other\s+)?"
    r"(?:the\s+)?$|\bor\s+the\s+$",
    re.IGNORECASE,
)
_CUE_AFTER = re.compile(
    r"^\s*(?:,\s*(?:[A-Z][a-z]*\.?\s?)+|\s(?:county|province|governorate|city|"
    r"cities|town|towns|village|villages|district|region|area|countryside|"
    r"residents?|border|police|man|woman|men|women|teen|boy|girl|couple|family|"
    r"natives?|officials|mayor|aldermen|council|schools|neighborhood|"
    r"neighbourhood|suburbs?|metro|townships?|camps?|hospital|airport|"
    r"prefecture|side\s+of\s+the\s+(?:border|frontier|boundary))\b|-based\b)",
    re.IGNORECASE,
)
_STRONG_AFTER = re.compile(
    r"^\s+(?:and\s+\w+\s+)?(?:city|cities|town|towns|village|villages|province|"
    r"governorate|district)\b",
    re.IGNORECASE,
)
#: "Deir ez-Zor province", "Kharkiv oblast", "the Kharkiv region": the division,
#: not its city (the word is group 1).
_PROVINCE_AFTER = re.compile(
    r"^\s(province|governorate|oblast|region)\b", re.IGNORECASE
)
#: Words that end the name of a building or an institution with a site.
_FACILITY = (
    r"(?:Hospital|Infirmary|Clinic|Hospice|Station|Airport|Prison|Jail|Gaol|Hotel|"
    r"School|College|University|Church|Cathedral|Chapel|Mosque|Stadium|Barracks|"
    r"Center|Centre|Home)"
)
#: A building named after the span: "Alexandra *Hospital*", "Mary*'s Hospital*",
#: "Victoria *Station*".
#: Lower-case words that may come between a name and its building: "Victoria *bus*
#: station", "Leeds *police* station".
_FACILITY_KIND = r"(?:bus|train|railway|police|fire|coach|metro|subway|tube|ferry)"
_FACILITY_AFTER = re.compile(
    rf"^(?:[’']s)?\s+(?:[A-Z][\w’'-]*\s+){{0,2}}"
    rf"(?:{_FACILITY}|{_FACILITY_KIND}\s+(?i:{_FACILITY}))\b"
)
#: ... with the place it is in named after it: "Victoria Station *in London*".
_FACILITY_IN_AFTER = re.compile(
    rf"^(?:[’']s)?\s+(?:[A-Z][\w’'-]*\s+){{0,2}}"
    rf"(?:{_FACILITY}|{_FACILITY_KIND}\s+(?i:{_FACILITY}))\b,?\s+"
    r"(?:in|at|near|outside)\s+(?:the\s+)?[A-Z]"
)
#: Words before a person's name in the name of a building: "*Royal* Alexandra
#: Hospital", "*St* Mary's Hospital", "*Queen* Elizabeth Hospital".
_HONOURS = frozenset(
    {"Royal", "St", "Saint", "Queen", "King", "Prince", "Princess", "Lady", "Sir",
     "Duke", "Duchess", "Holy", "Our"}
)  # fmt: skip
_PERSON_AFTER = re.compile(
    r"^\s+(?:is|was|may\s+be|might\s+be|could\s+be|remains|has\s+been)\s+"
    r"(?:still\s+|indeed\s+|really\s+)?(?:alive|dead|killed|wounded|injured|"
    r"hiding|hidden|captured|arrested|born|married|sick|ill)\b",
    re.IGNORECASE,
)
_METONYM_AFTER = re.compile(
    r"^\s+(?:administration|government|regime|authorities|officials|leadership|"
    r"cabinet|ministry|said|says|announced|claims|claimed|denied|denies)\b",
    re.IGNORECASE,
)
_SAID_AFTER = re.compile(r"^\s+(?:said|says|told|added|explained|noted)\b")
#: Words after a name of one who reads, cites or gets a document: "Rivas *read
#: a report* saying ...", "*received a letter*", "*cited a police report*". A
#: place does not read; one that stands for its authorities is no place either.
_READER_AFTER = re.compile(
    r"^\s+(?:read|reads|cited|cites|received|receives|saw|sees|quoted|quotes|"
    r"obtained|reviewed)\s+(?:an?|the|his|her|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:reports?|letters?|statements?|messages?|notes?|documents?|memos?|tips?|"
    r"e-?mails?|posts?|articles?|cables?|dispatch(?:es)?)\b",
    re.IGNORECASE,
)
_STREET_WORDS = (
    "Street|St\\.|Road|Rd\\.|Drive|Dr\\.|Avenue|Ave\\.|Boulevard|Blvd\\.|Lane|"
    "Highway|Parkway|Pike|Way|Court|Trail|Circle|Place|Square|Bridge"
)
#: Title-case words that end the name of a natural feature or a park: "Red River
#: Valley", "Lake Park".
_FEATURE_WORDS = (
    "River|Lake|Creek|Valley|Mountains?|Bay|Island|Forest|Park|Canyon|Wilderness"
)
#: ... and those that end it only where no capitalised word follows: "Tyndall
#: Gorge", "Badwater Basin", "the Boundary Waters", "Clingmans Dome", "Kata
#: Beach", "the Shelter Stone", "the Pyramid Stage", "the Kidz Field", but not
#: the "Charleston Gold Dome Lions Club".
_FEATURE_WORDS_LAST = (
    "Gorge|Basin|Waters|Hut|Dome|Peak|Glacier|Monument|Preserve|Refuge|Falls|Beach|"
    "Rock|Woods|Point|Tarn|Ravine|Gill|Cove|Junction|Notch|Ridge|Range|Bluffs|"
    "Stone|Stage|Field|Track|Lakes"
)
#: ... of which those that are also surnames: "Tiger *Woods*", "Nathan *Gill*",
#: "Emma *Stone*".
_SURNAME_FEATURE_WORDS = frozenset(
    {"Rock", "Woods", "Point", "Gill", "Cove", "Ridge", "Range", "Notch", "Stone",
     "Field"}
)  # fmt: skip
#: Lower-case words that may join the words of a feature's name before its last
#: word: "Lakes *of the* Clouds Hut", "Isle *au* Haut".
_FEATURE_JOINER = r"(?:of\s(?:the\s)?|au\s|aux\s)"
#: Title-case words that begin the name of a sea inlet, an island or a group of
#: lakes when "of" or "au" and a name follow: "Firth of Lorn", "Isle au Haut",
#: "Sound of Mull", "Lakes of the Clouds".
_FEATURE_OF_HEADS = r"(?:Firth|Sound|Isle|Isles|Lakes|Loch|Straits?|Vale)"
#: Words that rank a park or forest between its own name and its word: "Zion
#: *National* Park", "Custer *State* Park".
_FEATURE_RANK = r"(?:National|State|Provincial|Marine)"
#: Title-case words that begin the name of a mountain, range, lake or river: "Mount
#: Rainier", "the Sierra Nevada", "Lake Lanier", "Loch Avon", "the River Kent".
_FEATURE_HEADS = r"(?:Lake|Mount|Mt\.|Sierra|Mont|Monte|Camp|Loch|Lough|River)"
#: Lower-case nouns that, after "the" and a name, make the name that of a hut or
#: a home: "the Hörnli hut", "the Oakwood Village care home".
_FEATURE_NOUNS = r"(?:hut|care\s+home|nursing\s+home|retirement\s+home)"
#: Lower-case plural nouns after the last of a list of names, which make each
#: a feature's: "the South Kaibab and *Tonto trails*".
_FEATURE_PLURALS = r"(?:trails|tracks|paths|huts|glaciers|creeks|peaks|ridges)"
#: The words of the patterns above, lower case: a known place made of these
#: alone ("National Park", a village in New Jersey) is no place inside a longer
#: name ("Zion National Park").
_GENERIC_FEATURE_WORDS = frozenset(
    {"river", "lake", "creek", "valley", "mountain", "mountains", "bay", "island",
     "forest", "park", "canyon", "wilderness", "gorge", "basin", "waters", "hut",
     "dome", "peak", "glacier", "monument", "preserve", "refuge", "falls", "beach",
     "national", "state", "provincial", "marine", "mount", "mt", "sierra",
     "rock", "woods", "point", "tarn", "ravine", "gill", "cove", "junction",
     "notch", "ridge", "range", "bluffs", "firth", "sound", "isle", "isles",
     "lakes", "loch", "strait", "straits", "vale", "mont",
     "monte", "camp", "lough", "stone", "stage", "field", "track"}
)  # fmt: skip
_STREET = re.compile(
    r"\b(?:[NSEW]\.\s)?(?:[A-Z][\w’'-]*\s){1,3}(?:" + _STREET_WORDS + r")(?=\W|$)"
    r"|\b(?:St\.?\s)?(?:[A-Z][\w’'-]*\s){1,2}(?:"
    + _FEATURE_RANK
    + r"\s)?(?:"
    + _FEATURE_WORDS
    + r")\b(?!\s+(?:High|School|"
    r"Elementary|Middle|Road|Street|Drive|Avenue|Lane|Township|Club|Company|Church|"
    r"County|Hospital|Service|Patrol|Department|District|Association|Commission))"
    r"|\b(?:[A-Z][\w’'-]*\s"
    + _FEATURE_JOINER
    + r"?){1,2}(?:"
    + _FEATURE_RANK
    + r"\s)?(?:"
    + _FEATURE_WORDS_LAST
    + r")\b(?!\s+[A-Z])"
    r"|\b" + _FEATURE_OF_HEADS + r"\s" + _FEATURE_JOINER + r"[A-Z][\w’'-]*"
    r"|\b" + _FEATURE_HEADS + r"\s[A-Z][\w’'-]*"
    r"|(?<=\b[Tt]he\s)(?:[A-Z][\w’'-]*\s){1,3}" + _FEATURE_NOUNS + r"\b"
    r"|(?<=\band\s)[A-Z][\w’'-]*(?=\s" + _FEATURE_PLURALS + r"\b)"
)
#: Lower-case nouns after a name that make it the name of a disease: "Ebola
#: virus", "Ebola outbreak".
_DISEASE_NOUNS = re.compile(
    r"[\s-]+(?:virus|viruses|fever|outbreak|outbreaks|epidemic|disease|vaccine|"
    r"vaccines|infection|infections)\b"
)
#: An airport named after a town or a person: "*Logan* Airport", "*Vancouver*
#: International Airport", "*Heathrow* airport" (the name is group 1).
_AIRPORT = re.compile(
    r"\b((?:[A-Z][\w’'-]*(?<![’']s)\s){1,2}?)"
    r"(?:(?:International|Regional|Municipal)\s)?"
    r"[Aa]irport\b"
)
#: Words after "Highway" that make it an agency ("Florida Highway Patrol").
_HIGHWAY_AGENCY = re.compile(
    r"^\s+(?:Patrol|Safety|Traffic|Department|Administration|Division|Commission|"
    r"Authority|Police)\b"
)
_POSSESSIVE = re.compile(r"[’']s?$")
_WORD = re.compile(
    r"(?:DFL|[RDI])-(?=[A-Z]\.)|[A-Z]\.\s?[A-Z][a-z]{1,3}\.(?=\s*[,;:)\s]|$)|"
    r"(?:[A-Z]\.){2,}|[A-Z][a-z]{0,4}\.(?=\s*[,;)\s]|$)|"
    r"[\w\u00C0-\u024F\u1E00-\u1EFF][\w\u00C0-\u024F\u1E00-\u1EFF’']*"
    r"(?:-[\w\u00C0-\u024F\u1E00-\u1EFF’']+)*"
)
_CONNECTORS = frozenset(
    {
        "of",
        "de",
        "del",
        "la",
        "le",
        "du",
        "da",
        "do",
        "dos",
        "das",
        "al",
        "el",
        "ez",
        "az",
        "ad",
        "as",
        "ar",
        "ash",
        "bin",
        "ibn",
        "the",
        "and",
        "upon",
        "on",
        "y",
        "van",
        "von",
        "der",
        "den",
        "es",  # Dar es Salaam
        "los",
        "las",
        "di",
        "des",
        "am",  # Frankfurt am Main
        "an",  # Frankfurt an der Oder
        "im",  # Weil im Schönbuch
        "ob",  # Rothenburg ob der Tauber
    }
)
#: Lower-case words that join the words of one Romance or Germanic name: "Praia
#: *da* Luz", "Costa *del* Sol". A part of such a name is no place of its own.
_NAME_JOINERS = frozenset(
    {"da", "de", "do", "dos", "das", "del", "di", "du", "des", "la", "le", "los",
     "las", "y", "van", "von", "der", "den"}
)  # fmt: skip
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|as|ar|ash|az|ez|an|at)-", re.IGNORECASE)


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘(":
        i -= 1
    return i < 0 or text[i] in ".!?\n:;"


#: Lower-case tails that make a place name an adjective: "Australia-wide",
#: "UK-based", "Texas-born". The name is a token of its own.
_COMPOUND_TAILS = frozenset(
    [
        "wide",
        "based",
        "born",
        "bound",
        "made",
        "led",
        "backed",
        "owned",
        "run",
        "area",
        "style",
        "era",
        "raised",
    ]
)


def _tokens(text: str) -> Iterable[tuple[int, int]]:
    """Word offsets; "Fargo-Moorhead" and "R-Elbow" are split at the hyphen.

    A hyphen between two capitalised parts joins two names (a party and a home
    town, two twin cities), unless the first part is an Arabic article ("Al-Bab").
    The runs built from these tokens still try the joined form first.
    """
    for m in _WORD.finditer(text):
        tok = m.group()
        if "-" not in tok:
            yield m.start(), m.end()
            continue
        start = m.start()
        parts = tok.split("-")
        pos = start
        seg_start = start
        for k, part in enumerate(parts[:-1]):
            pos += len(part)
            nxt = parts[k + 1]
            head = text[seg_start:pos]
            if (
                head[:1].isupper()
                and nxt[:1].isupper()
                and head.lower() not in _CONNECTORS
                and head.lower() not in ("abu", "bin", "ibn", "bou", "abou")
            ) or (
                head[:1].isupper() and k == len(parts) - 2 and nxt in _COMPOUND_TAILS
            ):
                yield seg_start, pos
                seg_start = pos + 1
            pos += 1
        yield seg_start, m.end()


def _cap_runs(text: str) -> list[list[tuple[int, int]]]:
    """Runs of capitalised words (with inner connectors), as token offset lists."""
    runs: list[list[tuple[int, int]]] = []
    cur: list[tuple[int, int]] = []
    pending: list[tuple[int, int]] = []
    last_end = -1
    for ms, me in _tokens(text):
        tok = text[ms:me]
        gap = text[last_end:ms] if last_end >= 0 else ""
        joined = last_end >= 0 and gap in (" ", "-", " - ") and "\n" not in gap
        stripped = _ELISION.sub("", _ARTICLE_PREFIX.sub("", tok))
        is_cap = stripped[:1].isupper()
        if is_cap and (joined or not cur):
            if pending and joined:
                cur.extend(pending)
            elif pending or (cur and not joined):
                runs.append(cur)
                cur = []
            pending = []
            cur.append((ms, me))
        elif is_cap:
            runs.append(cur)
            cur, pending = [(ms, me)], []
        elif cur and joined and tok.lower() in _CONNECTORS and len(pending) < 2:
            pending.append((ms, me))
        else:
            if cur:
                runs.append(cur)
            cur, pending = [], []
        last_end = me
    if cur:
        runs.append(cur)
    return [r for r in runs if r]


_LIST_BEFORE = re.compile(r"([A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)?),\s(?:and\s|or\s)?$")
_LIST_AFTER = re.compile(r"^,?\s(?:and\s|or\s)?([A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)?)")


#: What joins the items of a list of places: ", ", ", and ", " and ", " or ".
_LIST_SEP = r"(?:,\s(?:and\s|or\s)?|\s(?:and|or|&)\s)"
_AND_BEFORE = re.compile(r"([A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)?)" + _LIST_SEP + "$")
_AND_AFTER = re.compile(
    "^" + _LIST_SEP + r"([A-Z][\w’'.-]*(?: (?:[A-Z]|d[’']|de |es )[\w’'.-]*){0,2})"
)
_LIST_GAP = re.compile("^" + _LIST_SEP + "$")


_LIST_ITEM = r"[A-Z][\w’'.]*(?:\s[A-Z][\w’'.]*)?"
_COUNTY_LIST = re.compile(
    r"\b((?:"
    + _LIST_ITEM
    + r"(?:\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+))+"
    + _LIST_ITEM
    + r")\s+(counties|parishes)\b"
)
_COUNTY_WORD = re.compile(r"\s(?:counties|parishes)\b")
#: A county list is looked for in at most this many characters before its
#: "counties" (a hundred names); a longer list loses its first names.
_COUNTY_LIST_CHARS = 1_000


def _county_lists(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_COUNTY_LIST`` in ``text``, in near-linear time.

    Scanning the whole text tries the list pattern from every capitalised word
    of a long run of names to its end, quadratic in the run's length. A list
    ends at a lowercase "counties" and cannot hold one, so each is looked for
    only between the previous "counties" and its own, and at most
    ``_COUNTY_LIST_CHARS`` back.
    """
    floor = 0
    for word in _COUNTY_WORD.finditer(text):
        lo = max(floor, word.start() - _COUNTY_LIST_CHARS)
        m = _COUNTY_LIST.search(text, lo, word.end())
        if m is not None:
            yield m
        floor = word.end()


def _locative(before: str, after: str) -> bool:
    """Whether the words around a name make it a place whatever the tagger says.

    A place preposition before it (:data:`_LOCATIVE_BEFORE`: "in Glen Allen",
    "40 km east of Cosalá", "fled Culiacán for Tamazula"), or the side of a
    border after it ("on the Niger side of the border").

    Examples
    --------
    >>> _locative("hiding on the ", " side of the border, officials said")
    True
    >>> _locative("Salcedo fled Culiacán for ", ", in neighbouring Durango")
    True
    >>> _locative("Salcedo met ", " on Monday")
    False
    >>> _locative("Soldiers patrolled the ", " side of the border")
    False
    >>> _locative("could be on either the ", " or the Niger side of the border")
    True
    """
    return bool(
        _LOCATIVE_BEFORE.search(before)
        or (_SIDE_AFTER.match(after) and _SIDE_BEFORE.search(before))
    )
