"""The target's name: whom a report is about, name keys, and names that match.

:class:`Target` is the person sought, named by the user or inferred from the text
(:func:`~geosleuth.read.target.infer_target`); :class:`TargetRef` is a reference to
it in the text (:func:`~geosleuth.read.target.find_target_refs`). Names are compared
on a loose key of each word (:func:`name_key`), without article, diacritics and
spelling variants, so transliterations match: "al-Baghdadi", "Baghdadi",
"al-Bagdadi", "Al-Baghdadi’s" all have the key of the target's surname.

The family name is the last word, but in a name of given names and two surnames,
as Spanish names are written (paternal, then maternal: "Rodrigo Barrientos Lugo"),
it is the first surname: "Barrientos", "Rodrigo Barrientos", "R. Barrientos Lugo"
and the full name are one person (:attr:`Target.surname_key`). Such a name is told
by its given names (:func:`_two_surnames`), so that a middle name is no surname
("Juan Pablo Montoya", "John Paul Smith").

A person named alike, with a capitalised word that is no word of the target's full
name, is someone else (:func:`_names_another`: "Mary Doe" is not "Jane Doe"), but
for an initial of the target's given name ("R. Barrientos") and for one more
surname after the target's given name and surname ("Rodrigo Barrientos Lugo" is
the target "Rodrigo Barrientos": :func:`_surname_extension`). Named in full,
the target's namesakes are told apart by what the text says of them
(:func:`_others_by_name`): a longer form with another second surname than the
text gave the target, a relative of the target's ("His father, Rodrigo
Barrientos Pérez"), a generational suffix ("Senior"). And
:func:`same_person` tells whether two names given for the target can name one
person ("J. Doe" and "Jane Doe", "bin Laden" and "Osama bin Laden",
"Villamizar Rojas" and "Villamizar").

Part of :mod:`geosleuth.read.target`, which re-exports the public names.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import permutations
from typing import Literal

__all__ = [
    "_ARTICLE",
    "_HONORIFICS",
    "_WORD",
    "_WORD_BEFORE",
    "Target",
    "TargetRef",
    "_another_given_name",
    "_extends_surname",
    "_names_another",
    "_others_by_name",
    "_surname_extension",
    "_two_surnames",
    "given_name_gender",
    "name_key",
    "same_person",
]

_ARTICLE = re.compile(r"^(?:al|el|ad|ed|as|ar|an|at|az|ash|ul)[-\s‐‑]+", re.IGNORECASE)


#: Words before a name that are no given name: "Mrs Doe", "Sheikh al-Baghdadi".
_HONORIFICS = frozenset(
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame",
        "sheikh", "shaikh", "sheik", "caliph", "emir", "amir", "imam", "mullah",
        "president", "general", "gen", "colonel", "col", "major", "captain", "capt",
        "sergeant", "sgt", "officer", "detective", "det", "agent", "judge",
    }
)  # fmt: skip
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][\w\u00c0-\u024f’'‐‑-]*")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_NOT_LETTER = re.compile(r"[^a-z]")
_FINAL_Y = re.compile(r"y$")
_DOUBLED = re.compile(r"(.)\1+")
_SPELLINGS = (
    ("gh", "g"), ("kh", "k"), ("dh", "d"), ("th", "t"), ("q", "k"), ("ou", "u"),
    ("ee", "i"), ("oo", "u"),
)  # fmt: skip


@functools.lru_cache(maxsize=65536)
def name_key(word: str) -> str:
    """A loose comparison key of a name: article, diacritics and spelling removed.

    Cached: the name rules ask for the same words' keys many times per text.

    Examples
    --------
    >>> name_key("al-Baghdadi") == name_key("Bagdadi") == name_key("Al-Baghdady")
    True
    >>> name_key("Baghdad")
    'bagdad'
    """
    w = unicodedata.normalize("NFKD", word)
    w = "".join(c for c in w if not unicodedata.combining(c)).lower()
    w = _POSSESSIVE.sub("", w)
    w = _ARTICLE.sub("", w)
    w = _NOT_LETTER.sub("", w)
    for a, b in _SPELLINGS:
        w = w.replace(a, b)
    w = _FINAL_Y.sub("i", w)
    return _DOUBLED.sub(r"\1", w)


#: Spanish given names, folded (:func:`_fold`): a name that opens with one and ends
#: with two words that are no given names is given names and two surnames
#: ("Rodrigo Barrientos Lugo", "María José Pérez Lugo"). Those of men, of women,
#: and those given to both ("Guadalupe", "Rosario").
_SPANISH_MALE = frozenset(
    {
        "adan", "adolfo", "adrian", "agustin", "alberto", "alejandro", "alfonso",
        "alfredo", "alonso", "alvaro", "amado", "andres", "angel", "anibal", "antonio",
        "armando", "arturo", "augusto", "baltasar", "benito", "bernardo", "camilo",
        "carlos", "cesar", "cristian", "cristobal", "daniel", "dario", "david", "diego",
        "domingo", "edgar", "eduardo", "efrain", "elias", "eliseo", "emiliano",
        "emilio", "enrique", "ernesto", "esteban", "eugenio", "ezequiel", "fabian",
        "fausto", "federico", "felipe", "fermin", "fernando", "fidel", "francisco",
        "gabriel", "genaro", "gerardo", "german", "gilberto", "gonzalo", "gregorio",
        "guillermo", "gustavo", "hector", "heriberto", "hernan", "horacio", "hugo",
        "humberto", "ignacio", "isidro", "ismael", "ivan", "jacinto", "jacobo", "jaime",
        "javier", "jeronimo", "jesus", "joaquin", "jorge", "jose", "juan", "julian",
        "julio", "lazaro", "leandro", "leonardo", "leopoldo", "lorenzo", "luciano",
        "lucio", "luis", "manuel", "marcelo", "marco", "marcos", "mario", "martin",
        "mateo", "mauricio", "maximo", "miguel", "moises", "nestor", "nicolas",
        "norberto", "octavio", "omar", "orlando", "oscar", "osvaldo", "pablo",
        "pascual", "patricio", "pedro", "porfirio", "rafael", "ramiro", "ramon", "raul",
        "reinaldo", "reynaldo", "ricardo", "rigoberto", "roberto", "rodolfo", "rodrigo",
        "rogelio", "ruben", "salvador", "samuel", "santiago", "saul", "sebastian",
        "sergio", "silvio", "teodoro", "tomas", "ulises", "valentin", "vicente",
        "victor", "wilfredo", "xavier",
    }
)  # fmt: skip
_SPANISH_FEMALE = frozenset(
    {
        "adriana", "alejandra", "alicia", "alma", "amparo", "ana", "andrea", "angela",
        "antonia", "araceli", "beatriz", "belen", "blanca", "camila", "carla", "carmen",
        "carolina", "catalina", "cecilia", "claudia", "concepcion", "consuelo",
        "cristina", "daniela", "dolores", "dulce", "elena", "elisa", "elvira",
        "esperanza", "estela", "esther", "eva", "fabiola", "fernanda", "gabriela",
        "gloria", "graciela", "ines", "inmaculada", "irene", "isabel", "jimena",
        "josefina", "juana", "julia", "laura", "leticia", "liliana", "lorena",
        "lourdes", "lucia", "luisa", "luz", "magdalena", "marcela", "margarita",
        "maria", "mariana", "maribel", "marisol", "marta", "martha", "mercedes",
        "milagros", "monica", "natalia", "norma", "olga", "paloma", "patricia", "paula",
        "pilar", "raquel", "rebeca", "rocio", "rosa", "sandra", "silvia", "sofia",
        "soledad", "susana", "teresa", "valentina", "veronica", "victoria", "ximena",
        "yolanda",
    }
)  # fmt: skip
_SPANISH_GIVEN = _SPANISH_MALE | _SPANISH_FEMALE | {"guadalupe", "rosario"}
#: Given names of other languages, folded, that follow a Spanish one as a middle
#: name ("Daniel Patrick Moynihan"), or are given names a text writes before a
#: namesake's surname ("Mary Doe"): of men, of women, and "Jean" and "Lee",
#: given to both.
_OTHER_MALE = frozenset(
    {
        "abdul", "ahmed", "alan", "albert", "alexander", "anthony", "arthur",
        "benjamin", "brian", "bruce", "carl", "charles", "christopher", "dennis",
        "donald", "douglas", "edward", "eric", "frank", "fred", "gary", "george",
        "harold", "harry", "henry", "ibrahim", "jack", "james", "john", "joseph",
        "joshua", "kenneth", "kevin", "larry", "louis", "mark", "matthew", "michael",
        "mohammed", "muhammad", "patrick", "paul", "peter", "philip", "ralph",
        "raymond", "richard", "robert", "ronald", "ryan", "scott", "stephen", "steven",
        "thomas", "timothy", "walter", "william",
    }
)  # fmt: skip
_OTHER_FEMALE = frozenset(
    {
        "alice", "amy", "ann", "anna", "anne", "barbara", "catherine", "deborah",
        "diana", "dorothy", "elizabeth", "ellen", "emily", "emma", "helen", "jane",
        "janet", "jennifer", "jessica", "joan", "karen", "kate", "linda", "lisa",
        "louise", "margaret", "marie", "mary", "michelle", "nancy", "ruth", "sarah",
        "sharon", "susan",
    }
)  # fmt: skip
_OTHER_GIVEN = _OTHER_MALE | _OTHER_FEMALE | {"jean", "lee"}
_GIVEN = _SPANISH_GIVEN | _OTHER_GIVEN
#: Given names of one gender in one language and of the other in another, which
#: tell no gender: "Andrea" (an Italian man's, a Spanish woman's), "Joan" (a
#: Catalan man's, an English woman's), "Jean", "Lee", "Guadalupe", "Rosario".
_EITHER_GIVEN = frozenset({"andrea", "joan", "jean", "lee", "guadalupe", "rosario"})
_MALE_GIVEN = (_SPANISH_MALE | _OTHER_MALE) - _EITHER_GIVEN
_FEMALE_GIVEN = (_SPANISH_FEMALE | _OTHER_FEMALE) - _EITHER_GIVEN


def given_name_gender(name: str) -> Literal["he", "she"] | None:
    """The gender the first given name of ``name`` is of, if it tells one.

    "Rodrigo Salcedo Ibarra": "he"; "Jane Doe": "she"; the first decides where
    there are two ("María José Pérez": "she"; "José María Pérez": "he"). A name
    given to both ("Sydney Hamilton", "Lee Doe", "Andrea Rossi", "Joan Puig":
    :data:`_EITHER_GIVEN`) or one not listed ("Dragan Vuković") tells none.

    Examples
    --------
    >>> [given_name_gender(n) for n in ("Rodrigo Salcedo Ibarra", "Jane Doe")]
    ['he', 'she']
    >>> [given_name_gender(n) for n in ("María José Pérez", "José María Pérez")]
    ['she', 'he']
    >>> [given_name_gender(n) for n in ("Sydney Hamilton", "Andrea Rossi")]
    [None, None]
    """
    words = [_fold(w) for w in _WORD.findall(name)[:-1]]
    first = next(itertools.dropwhile(lambda w: w in _HONORIFICS, words), None)
    if first is None or first not in _GIVEN:
        return None
    return "he" if first in _MALE_GIVEN else "she" if first in _FEMALE_GIVEN else None


#: Capitalised words after a name that are no surname: "Jane Doe *Jr.*", a day.
_NO_SURNAME = frozenset(
    {
        "jr", "sr", "ii", "iii", "iv", "junior", "senior", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "january",
        "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    }
)  # fmt: skip
#: Arabic particles before a name, no given names of their own ("*Abu* Bakr").
_ARABIC_PARTICLES = frozenset({"abu", "ibn", "bin", "bint", "umm", "abd"})


def _fold(word: str) -> str:
    """``word`` lower case, without diacritics, possessive and full stop."""
    w = unicodedata.normalize("NFKD", word)
    w = "".join(c for c in w if not unicodedata.combining(c)).casefold()
    return _POSSESSIVE.sub("", w).rstrip(".")


def _two_surnames(name: str) -> tuple[int, int] | None:
    """Where the two surnames of ``name`` are among its words, if it has two.

    A name of given names and two surnames, as Spanish names are written
    (the father's surname, then the mother's): its first word (after any
    honorific) is a Spanish given name (:data:`_SPANISH_GIVEN`), the given names
    are the known given names and initials that open it, and exactly two
    capitalised words follow them that are no given names, initials, particles
    or suffixes. Returns the
    indices of the paternal and the maternal surname in ``_WORD.findall(name)``;
    None for any other name (one surname, a particle, a name the lists do not
    tell apart): its family name is its last word, as for any name.

    Examples
    --------
    >>> _two_surnames("Rodrigo Barrientos Lugo"), _two_surnames("Juan Pablo Montoya")
    ((1, 2), None)
    >>> _two_surnames("General Andrés Manuel López Obrador")
    (3, 4)
    >>> [_two_surnames(n) for n in ("John Paul Smith", "Juan de la Cruz Reyes")]
    [None, None]
    """
    words = _WORD.findall(name)
    k = 0
    while k < len(words) and _fold(words[k]) in _HONORIFICS:
        k += 1
    if k >= len(words) or _fold(words[k]) not in _SPANISH_GIVEN:
        return None
    # the given names: known ones, or initials ("Rodrigo A. Barrientos Lugo")
    while k < len(words) and (_fold(words[k]) in _GIVEN or len(_fold(words[k])) == 1):
        k += 1
    rest = words[k:]
    if (
        len(rest) != 2
        or any(not w[:1].isupper() for w in words)  # a particle: "de la Cruz"
        or any(_ARTICLE.match(w) or _fold(w) in _NO_SURNAME for w in rest)
    ):
        return None
    return k, k + 1


#: Generational suffixes, folded: "Robert McDonald *Jr.*".
_GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv", "junior", "senior"})


def _words_less_suffix(name: str) -> list[str]:
    """The words of ``name``, less a generational suffix at its end ("Jr.")."""
    words = _WORD.findall(name)
    while len(words) > 1 and _fold(words[-1]) in _GENERATIONS:
        words.pop()
    return words


@dataclass(frozen=True, slots=True)
class Target:
    """The person sought, with the keys that find them in text.

    Parameters
    ----------
    name : str
        The full name as given ("Abu Bakr al-Baghdadi").
    inferred : bool, default False
        Whether the name was inferred from the text rather than given.
    """

    name: str
    inferred: bool = False

    @property
    def surname_key(self) -> str:
        """:func:`name_key` of the family name.

        The last word of the name; in a name of given names and two surnames
        (:func:`_two_surnames`), the first surname, the father's: "Rodrigo
        Barrientos Lugo", "Rodrigo Barrientos" and "Barrientos" have one key, so
        the readings for one are readings for the others.

        Examples
        --------
        >>> [Target(n).surname_key for n in ("Rodrigo Barrientos Lugo", "Barrientos")]
        ['barientos', 'barientos']
        >>> Target("John Paul Smith").surname_key
        'smit'

        A generational suffix is no family name:

        >>> Target("Robert McDonald Jr.").surname_key
        'mcdonald'
        """
        words = _words_less_suffix(self.name)
        two = _two_surnames(self.name)
        if two is not None:
            return name_key(words[two[0]])
        return name_key(words[-1]) if words else ""

    @property
    def second_surname_key(self) -> str | None:
        """:func:`name_key` of the second (maternal) surname, if the name has two.

        The maternal surname alone is still the target, as the last word of a
        name always was, but in a text that calls the target by the first
        surname alone (:func:`~geosleuth.read.target.find_target_refs`).
        """
        two = _two_surnames(self.name)
        return None if two is None else name_key(_WORD.findall(self.name)[two[1]])

    @property
    def family_keys(self) -> frozenset[str]:
        """The keys of the target's surnames: one, or two (paternal and maternal)."""
        second = self.second_surname_key
        return frozenset(k for k in (self.surname_key, second) if k)

    @property
    def given_keys(self) -> frozenset[str]:
        """The keys of the given names: the words before the surname(s).

        Honorifics ("General") and Arabic particles ("Abu") are left out.
        """
        words = _words_less_suffix(self.name)
        two = _two_surnames(self.name)
        end = two[0] if two is not None else len(words) - 1
        return frozenset(
            name_key(w)
            for w in words[:end]
            if _fold(w) not in _HONORIFICS and _fold(w) not in _ARABIC_PARTICLES
        )

    @property
    def nisba_key(self) -> str | None:
        """The surname key without its final ``i`` ("bagdadi" → "bagdad"), if any."""
        key = self.surname_key
        return key[:-1] if len(key) > 4 and key.endswith("i") else None


@dataclass(frozen=True, slots=True)
class TargetRef:
    """A reference to the target (or to its group's leaders) in the text.

    Attributes
    ----------
    start, end : int
        Character offsets in the document text (end exclusive).
    text : str
        The words.
    kind : {"name", "nisba", "title", "leaders", "pronoun"}
        How it refers: the name, the bare nisba used as a person ("Baghdad is
        alive"), a title ("the ISIS leader"), the group's leaders, or "he"/"she"
        after the target's name.
    """

    start: int
    end: int
    text: str
    kind: Literal["name", "nisba", "title", "leaders", "pronoun"]


def _names_another(text: str, span: tuple[int, int], target: Target) -> bool:
    """Whether the person named at ``span`` is not ``target``, though named alike.

    A capitalised word of the name that is no word of the target's full name
    (nor an honorific such as "Mrs" or "Sheikh") makes it another person: "Mary
    Doe" is not "Jane Doe", "Abu Omar al-Baghdadi" is not "Abu Bakr al-Baghdadi".
    A target named by one word only is never told apart this way. Two words are
    no other word: an initial of the target's given name ("R. Barrientos Lugo"
    for "Rodrigo Barrientos Lugo"), and one more surname after the target's
    given name and surname (:func:`_surname_extension`: "Rodrigo Barrientos
    Lugo" for "Rodrigo Barrientos"; not "Ana Barrientos", nor "Jane Doe Jr.").

    Examples
    --------
    >>> text = "Jane Doe's mother, Mary Doe, and Mrs Doe"
    >>> t = Target("Jane Doe")
    >>> [_names_another(text, sp, t) for sp in [(0, 10), (19, 27), (33, 40)]]
    [False, True, False]
    >>> _names_another(text, (19, 27), Target("Doe"))
    False
    >>> text = "Rodrigo Barrientos Lugo, R. Barrientos, Ana Barrientos"
    >>> t = Target("Rodrigo Barrientos")
    >>> [_names_another(text, sp, t) for sp in [(0, 23), (25, 38), (40, 54)]]
    [False, False, True]
    """
    own = {name_key(w) for w in _WORD.findall(target.name)}
    if len(own) < 2:
        return False
    initials = {k[:1] for k in target.given_keys}
    for m in _WORD.finditer(text, span[0], span[1]):
        word = m.group(0)
        if not _ARTICLE.sub("", word)[:1].isupper():
            continue
        key = name_key(word)
        if key in own or word.lower().rstrip(".") in _HONORIFICS:
            continue
        if len(key) == 1 and key in initials:
            continue  # "R. Barrientos": the initial of the given name
        if _extends_surname(text, m.start(), target):
            continue  # "Rodrigo Barrientos Lugo" for "Rodrigo Barrientos"
        return True
    return False


#: The word after a surname, with only spaces or tabs between: "Barrientos *Lugo*".
_NEXT_WORD = re.compile(r"[ \t]+(" + _WORD.pattern + ")")
#: The word before a position, with only spaces or tabs between (an initial's
#: full stop kept apart): "*R.* Barrientos".
_WORD_BEFORE = re.compile(r"(?<![\w’'‐‑-])([^\W\d_][\w’'‐‑-]*)(\.?)[ \t]+$")
_CAPITAL_AFTER = re.compile(r"[ \t]+[A-Z\u00c0-\u00de]")


def _surname_extension(text: str, start: int, end: int, target: Target) -> int | None:
    """The end of one more surname after the target's surname at ``start:end``.

    ``start:end`` is a word of the target's (first) surname, without a
    possessive. The word after it, with only spaces between, is one more surname
    of the same name:

    - for a target of two surnames, when it is the second ("Barrientos *Lugo*"
      for "Rodrigo Barrientos Lugo");
    - for a target of one, when the surname follows the target's given name, or
      its initial, or an honorific (any given name, for a target of one word)
      and is followed by one capitalised word, and only one, that is no
      honorific, suffix, day or month and bears no article: a longer form of
      the name ("Rodrigo Barrientos *Lugo*" for "Rodrigo Barrientos"); not
      "Rodrigo Barrientos's brother", "Jane Doe Jr." or "Abu Bakr al-Baghdadi"
      for "Abu Bakr".

    Returns the end of that word (without its possessive), or None.

    Examples
    --------
    >>> text = "Rodrigo Barrientos Lugo and Ana Barrientos Lugo"
    >>> [_surname_extension(text, 8, 18, Target(n)) for n in ("Rodrigo Barrientos",
    ...  "Ana Barrientos", "Rodrigo Barrientos Lugo", "Rodrigo Barrientos Pérez")]
    [23, None, 23, None]
    """
    nxt = _NEXT_WORD.match(text, end)
    if nxt is None:
        return None
    word = _POSSESSIVE.sub("", nxt.group(1))
    stop = nxt.start(1) + len(word)
    key = name_key(word)
    second = target.second_surname_key
    if second is not None:
        return stop if key == second else None
    if (
        len(key) < 2
        or not word[:1].isupper()
        or (len(word) > 1 and word.isupper())  # "AP", "CCTV"
        or _ARTICLE.match(word)
        or _fold(word) in _HONORIFICS | _NO_SURNAME
        or _CAPITAL_AFTER.match(text, nxt.end(1))  # two more words
    ):
        return None
    before = _WORD_BEFORE.search(text, max(0, start - 60), start)
    if before is None:
        return None
    given = _fold(before.group(1))
    if given in _HONORIFICS:
        return stop
    if given in _ARABIC_PARTICLES:
        return None  # "Abu Bakr Baghdadi" for "Abu Bakr": no given name before
    own = target.given_keys
    if not own and len(_WORD.findall(target.name)) == 1:
        return stop if given in _GIVEN or len(given) == 1 else None
    gkey = name_key(before.group(1))
    if gkey in own or (len(gkey) == 1 and any(k[:1] == gkey for k in own)):
        return stop
    return None


def _extends_surname(text: str, at: int, target: Target) -> bool:
    """Whether the word at ``at`` is one more surname (:func:`_surname_extension`)."""
    before = _WORD_BEFORE.search(text, max(0, at - 60), at)
    if before is None or before.group(2):
        return False
    surname = before.group(1)
    if _POSSESSIVE.search(surname) or name_key(surname) != target.surname_key:
        return False
    stop = _surname_extension(text, before.start(1), before.end(1), target)
    return stop is not None and stop > at


#: A relative, or another person close to one, that a name may stand in
#: apposition to: "his *father*, Rodrigo Barrientos Pérez", "Rodrigo Barrientos
#: Lugo, his *cousin*", "her *half-brother* Rodrigo".
_KIN_NOUN = (
    r"(?:(?:great-)?(?:grand)?(?:step-?|half-)?"
    r"(?:father|mother|son|daughter|brother|sister|parent|child|children)"
    r"(?:-in-law)?|husband|wife|widow(?:er)?|cousin|uncle|aunt|nephew|niece|twin|"
    r"boyfriend|girlfriend|fianc[eé]e?|partner|namesake|lawyer|attorney|friend|"
    r"neighbou?r)s?"
)
#: Whose relative: "his", "her", or a name's possessive ("Barrientos's").
_KIN_OWNER = r"(?P<owner>\b(?:[Hh]is|[Hh]er)|\b[A-Z][\w’'‐‑-]*?(?:['’]s|(?<=s)['’]))"
_KIN_WORDS = (
    r"(?:(?:late|elder|older|younger|eldest|youngest|estranged|own|"
    r"\d{1,3}-year-old)\s+)*"
)
#: A relative's noun just before a name: "his father, *Rodrigo ...*", "her
#: brother *Rodrigo ...*", "Barrientos's son *Rodrigo ...*".
_KIN_BEFORE = re.compile(rf"{_KIN_OWNER}\s+{_KIN_WORDS}{_KIN_NOUN}\s*,?\s+$")
#: A relative's noun in apposition after a name: "..., his cousin,", "..., 70, her
#: father.", or a denial of kinship: "..., no relation,".
_KIN_AFTER = re.compile(
    rf"(?:,\s*\d{{1,3}})?,\s+(?:{_KIN_OWNER}\s+{_KIN_WORDS}{_KIN_NOUN}|"
    r"(?:no|not\s+a)\s+relation)(?=\s*[,;.)—–])"
)
#: A generational suffix after a name: "Rodrigo Barrientos *Jr.*", "*, Senior*".
_SUFFIX_AFTER = re.compile(
    r",?[ \t]+(?:Jr\.?|Sr\.?|Junior|Senior|II|III|IV)(?![\w’']|[ \t]+[A-Z])"
)


def _name_start(text: str, at: int) -> int:
    """The start of the name whose surname begins at ``at``.

    The capitalised words and initials just before it, with only spaces
    between ("*Rodrigo* Barrientos", "*R.* Barrientos"); not past a sentence's
    end ("... on 3 May. Barrientos").
    """
    start = at
    for _ in range(4):
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if before is None or not before.group(1)[:1].isupper():
            break
        if before.group(2) and len(before.group(1)) > 1:
            break  # "May. Barrientos": the end of a sentence
        start = before.start(1)
    return start


def _other_by_kin(
    text: str,
    ref: TargetRef,
    kept: list[TargetRef],
    persons: Sequence[tuple[int, int]],
    target: Target,
) -> str | None:
    """Why the name at ``ref`` is a relative of the target's, or None.

    The name stands in apposition to a relative's noun (:data:`_KIN_BEFORE`,
    :data:`_KIN_AFTER`: "His father, Rodrigo Barrientos Pérez", "Rodrigo
    Barrientos Lugo, his cousin", "her brother Rodrigo"), and the relative is the
    target's: its owner is one of the target's references (``kept``, those read
    before: "Barrientos's father") or a "his" or "her" that refers to the target
    by the rule of the person named last
    (:func:`~geosleuth.read._target_pronouns._refers_to_target`, the name itself
    left out). "Ana Lugo said her son, Rodrigo Barrientos, ..." names the target
    (her son): "her" is Ana Lugo's. A denial ("..., no relation,") is another
    person whoever is named before.
    """
    # imported here: the pronoun rule imports this module
    from geosleuth.read._target_pronouns import _own_and_others, _refers_to_target

    start = _name_start(text, ref.start)
    before = _KIN_BEFORE.search(text, max(0, start - 80), start)
    after = _KIN_AFTER.match(text, ref.end)
    found = before or after
    if found is None:
        return None
    owner = found.group("owner")
    if owner is None:
        return found.group(0).strip(" ,")  # "no relation"
    at = found.start("owner")
    if owner.lower() in ("his", "her"):
        others = [p for p in persons if not (p[0] < ref.end and start < p[1])]
        own, others = _own_and_others(text, kept, others, target)
        gender = "he" if owner.lower() == "his" else "she"
        if not _refers_to_target(text, at, gender, own, others):
            return None  # "Ana Lugo said her son, Rodrigo Barrientos": Ana's son
    elif not any(r.start <= at < r.end for r in kept):
        return None  # "Ana Lugo's son, Rodrigo Barrientos": another's relative
    return found.group(0).strip(" ,")


def _second_surname_of(text: str, ref: TargetRef, target: Target) -> str | None:
    """The key of the surname after the target's surname, in ``ref`` or just after.

    In ``ref`` for a longer form ("Barrientos *Lugo*", :func:`_surname_extension`),
    just after it otherwise ("Barrientos *Pérez* was seen", which is no longer
    form without the given name before it).
    """
    words = _WORD.findall(ref.text)
    if len(words) == 2 and name_key(words[0]) == target.surname_key:
        return name_key(words[1])
    nxt = _NEXT_WORD.match(text, ref.end)
    if nxt is None or not nxt.group(1)[:1].isupper():
        return None
    return name_key(_POSSESSIVE.sub("", nxt.group(1)))


def _others_by_name(
    text: str,
    refs: Sequence[TargetRef],
    target: Target,
    persons: Sequence[tuple[int, int]] = (),
) -> list[TargetRef]:
    """``refs`` without the names that, though the target's, are someone else's.

    A name of the target's surname ("Rodrigo Barrientos", or a longer form,
    "Rodrigo Barrientos Pérez": :func:`_surname_extension`) is another person:

    - with a generational suffix the target's name lacks ("Rodrigo Barrientos
      Senior", "Jr.", "II");
    - in apposition to a relative of the target's ("His father, Rodrigo
      Barrientos Pérez", "Rodrigo Barrientos Lugo, his cousin":
      :func:`_other_by_kin`);
    - for a target of one surname, with another second surname than the one the
      text gave the target first ("Rodrigo Barrientos Lugo, 41, ... Rodrigo
      Barrientos Pérez"), or the second surname of a relative set aside
      ("His father, Rodrigo Barrientos Pérez, ... Barrientos Pérez said"). A
      target given with two surnames is told apart so already
      (:func:`_surname_extension`).

    ``persons`` are the spans of the people of the text, for the rule of the
    person named last.

    Examples
    --------
    >>> text = ("Rodrigo Barrientos was seen. His father, Rodrigo Barrientos Pérez, "
    ...         "and Rodrigo Barrientos Jr. were not.")
    >>> t = Target("Rodrigo Barrientos")
    >>> from geosleuth.read.target import find_target_refs
    >>> [r.text for r in find_target_refs(text, t)]
    ['Barrientos']
    """
    suffix = _SUFFIX_AFTER.search(target.name) is not None
    second = target.second_surname_key
    own_second = second
    seconds_of_others: set[str] = set()
    kept: list[TargetRef] = []
    for r in refs:
        if r.kind != "name":
            kept.append(r)
            continue
        ext = _second_surname_of(text, r, target) if second is None else None
        if (not suffix and _SUFFIX_AFTER.match(text, r.end)) or _other_by_kin(
            text, r, kept, persons, target
        ):
            if ext is not None and ext != own_second:
                seconds_of_others.add(ext)
            continue
        if ext is not None and len(_WORD.findall(r.text)) == 2:
            if own_second is None and ext not in seconds_of_others:
                own_second = ext  # the target's second surname, as the text gives it
            elif ext != own_second:
                seconds_of_others.add(ext)
                continue
        elif ext is not None and ext != own_second and ext in seconds_of_others:
            continue  # "Barrientos Pérez" after "His father, Rodrigo Barrientos Pérez"
        kept.append(r)
    return kept


def _another_given_name(text: str, start: int, target: Target) -> int | None:
    """The start of another person's given name just before ``start``, if any.

    A name of the target's surname after a known given name (:data:`_GIVEN`)
    that is not the target's ("*Ana* Barrientos", "*Mary* Doe") is another
    person's, whatever the entity recogniser made of it (it makes "Barrientos
    Lugo" an organisation). A target of one word is never told apart.

    Examples
    --------
    >>> text = "Ana Barrientos and Rodrigo Barrientos"
    >>> t = Target("Rodrigo Barrientos Lugo")
    >>> _another_given_name(text, 4, t), _another_given_name(text, 27, t)
    (0, None)
    """
    if len({name_key(w) for w in _WORD.findall(target.name)}) < 2:
        return None
    before = _WORD_BEFORE.search(text, max(0, start - 60), start)
    if before is None or before.group(2) or not before.group(1)[:1].isupper():
        return None
    given = before.group(1)
    if _fold(given) not in _GIVEN or name_key(given) in target.given_keys:
        return None
    return before.start(1)


def same_person(one: str, other: str) -> bool:
    """Whether two names given for the target can name one person.

    Either rule says so:

    - as the readers find the target in text: one surname key, and no given name
      in one that the other lacks, so "al-Baghdadi" and "Abu Bakr al-Baghdadi"
      are one person and "Mary Doe" and "Jane Doe" are two; names written alike
      but for case and spacing are one;
    - one is a sub-name of the other (:func:`_is_sub_name`): "bin Laden" of
      "Osama bin Laden", "J. Doe", "Doe, Jane", "Mrs Doe" and "Jane M. Doe Jr."
      of "Jane Doe", "Kim Jong-un" of "Kim Jong Un". Not "Hamza bin Laden",
      whose "Hamza" the other lacks, nor "Kim Jong Il";
    - one is two surnames alone, as a Spanish name is cut ("Villamizar Rojas"),
      and the other's family name is its first surname, with no other second
      surname (:func:`_within_two_surnames`): "Villamizar" and "Héctor
      Villamizar" are "Villamizar Rojas"; "Villamizar Pérez" is not, and
      "Héctor Villamizar" is still not "Marta Villamizar".

    A name written with no capital in ``other`` ("missing walker (synthetic
    example)") is a description, not a name: it is compared whole.

    Examples
    --------
    >>> same_person("J. Doe", "Jane Doe"), same_person("Mary Doe", "Jane Doe")
    (True, False)
    >>> same_person("Villamizar Rojas", "Villamizar")
    True
    """

    def plain(name: str) -> str:
        return " ".join(name.casefold().split())

    a, b = Target(one), Target(other)
    if plain(one) == plain(other) or (
        bool(a.surname_key)
        and a.surname_key == b.surname_key
        and not _names_another(one, (0, len(one)), b)
        and not _names_another(other, (0, len(other)), a)
    ):
        return True
    if not any(c.isupper() for c in other):
        return False
    if _within_two_surnames(one, other) or _within_two_surnames(other, one):
        return True
    x, y = _name_words(one), _name_words(other)
    return _is_sub_name(x, y) or _is_sub_name(y, x)


def _bare_surnames(name: str) -> tuple[str, str] | None:
    """The keys of a name written as two surnames and no given name, else None.

    "Villamizar Rojas", as a Spanish name is cut to its surnames (the father's,
    then the mother's): exactly two capitalised words, neither a known given
    name (:data:`_GIVEN`), initial, honorific, particle, article or suffix.
    Joined words ("Kim Jong-un", "O'Brien") are not told apart so: None.

    Examples
    --------
    >>> _bare_surnames("Villamizar Rojas")
    ('vilamizar', 'rojas')
    >>> [_bare_surnames(n) for n in ("Hector Villamizar", "Villamizar", "al-Bagdadi")]
    [None, None, None]
    """
    words = _WORD.findall(name)
    if len(words) != 2 or any(
        not w[:1].isupper()
        or not w.isalpha()
        or len(w) < 2
        or _ARTICLE.match(w)
        or _fold(w) in _GIVEN | _HONORIFICS | _NO_SURNAME | _ARABIC_PARTICLES
        for w in words
    ):
        return None
    return name_key(words[0]), name_key(words[1])


def _within_two_surnames(bare: str, other: str) -> bool:
    """Whether ``other`` names the person whose two surnames ``bare`` gives.

    ``bare`` is two surnames and no given name (:func:`_bare_surnames`), so no
    given name of ``other`` conflicts with it; ``other`` then names that person
    when its family name is ``bare``'s first surname (the family name, as in
    :attr:`Target.surname_key`) and any second surname it gives is ``bare``'s
    second: "Villamizar", "Hector Villamizar", "H. Villamizar" and "Héctor
    Villamizar Rojas" are "Villamizar Rojas"; "Villamizar Pérez" and "Héctor
    Villamizar Pérez" are not. Given names before the
    surname must open with a Spanish given name or an initial ("Marta
    Villamizar" could be the person, as "Villamizar" alone could; "Jane Tom" is
    not "Tom Fox", whose "Tom" the lists do not know as a given name).

    Examples
    --------
    >>> [_within_two_surnames("Villamizar Rojas", n)
    ...  for n in ("Villamizar", "Hector Villamizar", "Villamizar Pérez")]
    [True, True, False]
    """
    mine = _bare_surnames(bare)
    if mine is None:
        return False
    theirs = _bare_surnames(other)
    if theirs is not None:
        return theirs == mine
    words = _words_less_suffix(other)
    while words and _fold(words[0]) in _HONORIFICS:
        words = words[1:]
    if not words:
        return False
    two = _two_surnames(" ".join(words))
    if two is not None:
        keys = (name_key(words[two[0]]), name_key(words[two[1]]))
        return keys == mine
    if name_key(words[-1]) != mine[0]:
        return False
    given = [_fold(w) for w in words[:-1]]
    return not given or (
        (given[0] in _SPANISH_GIVEN or len(given[0]) == 1)
        and all(g in _GIVEN or len(g) == 1 for g in given)
    )


_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sheikh"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "junior", "senior"})
#: Suffixes written out, as their short forms: "Junior" is "Jr.".
_SUFFIX_FORMS = {"junior": "jr", "senior": "sr"}
_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class _NameWords:
    """A person's name as words: given names first, family name last."""

    words: tuple[str, ...]
    suffix: str | None  # "jr", "sr", "ii" or "iii"


def _name_words(name: str) -> _NameWords:
    """``name`` casefolded, without diacritics, titles and suffix, in words.

    Words are runs of letters ("Kim Jong-un": kim, jong, un). "Doe, Jane" is
    "Jane Doe" (but "Doe, Jr." is "Doe Jr.").

    Examples
    --------
    >>> _name_words("Mrs. Jane Doé-Smith, Jr.")
    _NameWords(words=('jane', 'doe', 'smith'), suffix='jr')
    >>> _name_words("Rodrigo Barrientos Senior")
    _NameWords(words=('rodrigo', 'barrientos'), suffix='sr')
    >>> _name_words("Doe, J.").words
    ('j', 'doe')
    """
    folded = unicodedata.normalize("NFKD", name.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    parts = [_LETTERS.findall(part) for part in folded.split(",")]
    suffix = next((w for p in parts for w in p if w in _SUFFIXES), None)
    suffix = _SUFFIX_FORMS.get(suffix or "", suffix)
    parts = [[w for w in p if w not in _TITLES | _SUFFIXES] for p in parts]
    parts = [p for p in parts if p]
    if len(parts) == 2:  # "Doe, Jane": family name first
        parts.reverse()
    return _NameWords(tuple(w for p in parts for w in p), suffix)


def _is_sub_name(short: _NameWords, full: _NameWords) -> bool:
    """Whether ``short`` names the person ``full`` names, with fewer words or as many.

    Each word of ``short`` must match a word of ``full``, no two the same one: a
    word matches itself, and an initial ("j") a word it begins. One word alone
    must be ``full``'s family name, its last: "Doe" is Jane Doe, "Jane" or "Bakr"
    could be many people; so could initials alone ("J.J."). Two suffixes must
    agree ("Jr." is not "Sr.").

    Examples
    --------
    >>> full = _name_words("Jane Doe")
    >>> [_is_sub_name(_name_words(n), full) for n in ("J. Doe", "Ms Doe", "Jane")]
    [True, True, False]
    >>> _is_sub_name(_name_words("Kim Jong Il"), _name_words("Kim Jong Un"))
    False

    Initials alone ("J.J.") name too many people to stand for a full name:

    >>> _is_sub_name(_name_words("J.J."), _name_words("Jason January"))
    False
    >>> _is_sub_name(_name_words("Jason January"), _name_words("J.J."))
    False
    """
    if not short.words or len(short.words) > len(full.words):
        return False
    if short.suffix and full.suffix and short.suffix != full.suffix:
        return False
    if len(short.words) == 1:
        return short.words[0] == full.words[-1]
    if all(len(w) == 1 for w in short.words) != all(len(w) == 1 for w in full.words):
        return False  # "J.J." is Jason January, Janet Johnson ...: no one

    def match(a: str, b: str) -> bool:
        return (
            a == b
            or (len(a) == 1 and b.startswith(a))
            or (len(b) == 1 and a.startswith(b))
        )

    # a name has a handful of words: trying each assignment is quick and plain
    return any(
        all(map(match, short.words, chosen))
        for chosen in permutations(full.words, len(short.words))
    )


@dataclass(frozen=True, slots=True)
class _Person:
    """What :class:`PersonIndex` compares of a name, computed once."""

    plain: str
    words: tuple[str, ...]
    word_set: frozenset[str]
    initials: frozenset[str]
    singles: frozenset[str]  # the words that are initials
    family: str  # Target.surname_key
    bare: tuple[str, str] | None  # two surnames and no given name

    @classmethod
    def of(cls, name: str) -> _Person:
        words = _name_words(name).words
        return cls(
            plain=" ".join(name.casefold().split()),
            words=words,
            word_set=frozenset(words),
            initials=frozenset(w[0] for w in words),
            singles=frozenset(w for w in words if len(w) == 1),
            family=Target(name).surname_key,
            bare=_bare_surnames(name),
        )

    def could_share_surnames(self, other: _Person) -> bool:
        """Whether the two names could share a family name, either way.

        What :func:`same_person`'s first rule needs (one surname key:
        "Villamizar" and "Héctor Villamizar Rojas"), and
        :func:`_within_two_surnames`.
        """
        if self.family and self.family == other.family:
            return True
        return any(
            b.bare is not None and (a.family == b.bare[0] or a.bare == b.bare)
            for a, b in ((self, other), (other, self))
        )

    def could_be_within(self, full: _Person) -> bool:
        """Whether each word of this name could match a word of ``full``.

        What :func:`_is_sub_name` needs, without its search over assignments: a
        word matches itself, an initial a word it begins, a word an initial that
        begins it.
        """
        if not self.words or len(self.words) > len(full.words):
            return False
        if len(self.words) == 1:
            return self.words[0] == full.words[-1]
        return all(
            w in full.word_set
            or (len(w) == 1 and w in full.initials)
            or w[0] in full.singles
            for w in self.words
        )


class PersonIndex:
    """Names grouped by person (:func:`same_person`), each compared with few others.

    :meth:`group_of` gives a name the first group (in the order the groups were
    made) whose first name is the same person, as comparing it with every
    group would, but compares it only with the groups that could be: those
    whose first name shares an initial with it, and of those the ones with its
    plain form, or whose words it could match word by word, or they its
    (:meth:`_Person.could_be_within`). That is what a sub-name needs, and what
    two names of one surname key need but for a second surname added to each
    ("Rodrigo Barrientos Lugo", "Rodrigo Barrientos Pérez"), which this index
    keeps apart; and names of one family name ("Villamizar", "Héctor Villamizar
    Rojas"), or a name of two surnames alone ("Villamizar Rojas") and the names
    whose family name is its first (:func:`_within_two_surnames`), found by that
    key. A corpus of thousands of people is then near linear, not
    quadratic (3,500 documents each read for another person: 195 s before).

    Examples
    --------
    >>> index = PersonIndex()
    >>> [index.group_of(n) for n in ("Jane Doe", "J. Doe", "John Smith", "Doe")]
    [0, 0, 1, 0]
    """

    def __init__(self) -> None:
        self.heads: list[str] = []
        self._people: list[_Person] = []
        self._by_key: dict[tuple[str, str], list[int]] = {}
        self._known: dict[str, int] = {}

    def group_of(self, name: str) -> int:
        """The index of the group of ``name``, a new one if no group is its person."""
        if name in self._known:
            return self._known[name]
        me = _Person.of(name)
        keys = [("p", me.plain), *(("i", letter) for letter in sorted(me.initials))]
        # a family name finds the names of two surnames that open with it
        keys += [("f", k) for k in sorted({me.family, *(me.bare or ())[:1]}) if k]
        candidates = sorted({i for k in keys for i in self._by_key.get(k, ())})

        def could(i: int) -> bool:
            # one name's words within the other's, word by word: what a sub-name
            # needs, and a name of one surname key too, bar a second surname
            # added to each ("Barrientos Lugo", "Barrientos Pérez")
            other = self._people[i]
            return (
                other.plain == me.plain
                or me.could_be_within(other)
                or other.could_be_within(me)
                or me.could_share_surnames(other)
            )

        found = next(
            (i for i in candidates if could(i) and same_person(self.heads[i], name)),
            None,
        )
        if found is None:
            found = len(self.heads)
            self.heads.append(name)
            self._people.append(me)
            for k in keys:
                self._by_key.setdefault(k, []).append(found)
        self._known[name] = found
        return found
