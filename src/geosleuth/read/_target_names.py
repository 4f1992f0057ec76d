"""The target's name: whom a report is about, name keys, and names that match.

:class:`Target` is the person sought, named by the user or inferred from the text
(:func:`~geosleuth.read.target.infer_target`); :class:`TargetRef` is a reference to
it in the text (:func:`~geosleuth.read.target.find_target_refs`). Names are compared
on a loose key of each word (:func:`name_key`), without article, diacritics and
spelling variants, so transliterations match: "al-Baghdadi", "Baghdadi",
"al-Bagdadi", "Al-Baghdadi’s" all have the key of the target's surname.

A person named alike, with a capitalised word that is no word of the target's full
name, is someone else (:func:`_names_another`: "Mary Doe" is not "Jane Doe"), and
:func:`same_person` tells whether two names given for the target can name one
person ("J. Doe" and "Jane Doe", "bin Laden" and "Osama bin Laden").

Part of :mod:`geosleuth.read.target`, which re-exports the public names.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import permutations
from typing import Literal

__all__ = [
    "_ARTICLE",
    "_HONORIFICS",
    "_WORD",
    "Target",
    "TargetRef",
    "_names_another",
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


def name_key(word: str) -> str:
    """A loose comparison key of a name: article, diacritics and spelling removed.

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
        """:func:`name_key` of the last word of the name."""
        words = _WORD.findall(self.name)
        return name_key(words[-1]) if words else ""

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
    A target named by one word only is never told apart this way.

    Examples
    --------
    >>> text = "Jane Doe's mother, Mary Doe, and Mrs Doe"
    >>> t = Target("Jane Doe")
    >>> [_names_another(text, sp, t) for sp in [(0, 10), (19, 27), (33, 40)]]
    [False, True, False]
    >>> _names_another(text, (19, 27), Target("Doe"))
    False
    """
    own = {name_key(w) for w in _WORD.findall(target.name)}
    if len(own) < 2:
        return False
    for word in _WORD.findall(text[span[0] : span[1]]):
        if not _ARTICLE.sub("", word)[:1].isupper():
            continue
        if name_key(word) not in own and word.lower().rstrip(".") not in _HONORIFICS:
            return True
    return False


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
      whose "Hamza" the other lacks, nor "Kim Jong Il".

    A name written with no capital in ``other`` ("missing walker (synthetic
    example)") is a description, not a name: it is compared whole.

    Examples
    --------
    >>> same_person("J. Doe", "Jane Doe"), same_person("Mary Doe", "Jane Doe")
    (True, False)
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
    x, y = _name_words(one), _name_words(other)
    return _is_sub_name(x, y) or _is_sub_name(y, x)


_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sheikh"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii"})
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
    >>> _name_words("Doe, J.").words
    ('j', 'doe')
    """
    folded = unicodedata.normalize("NFKD", name.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    parts = [_LETTERS.findall(part) for part in folded.split(",")]
    suffix = next((w for p in parts for w in p if w in _SUFFIXES), None)
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
    could be many people. Two suffixes must agree ("Jr." is not "Sr.").

    Examples
    --------
    >>> full = _name_words("Jane Doe")
    >>> [_is_sub_name(_name_words(n), full) for n in ("J. Doe", "Ms Doe", "Jane")]
    [True, True, False]
    >>> _is_sub_name(_name_words("Kim Jong Il"), _name_words("Kim Jong Un"))
    False
    """
    if not short.words or len(short.words) > len(full.words):
        return False
    if short.suffix and full.suffix and short.suffix != full.suffix:
        return False
    if len(short.words) == 1:
        return short.words[0] == full.words[-1]

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
