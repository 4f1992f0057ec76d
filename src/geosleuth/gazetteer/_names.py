"""Name keys: normalisation, article stripping and consonant skeletons.

Three keys are computed for every name, from strict to loose:

``norm_key``
    ASCII-folded (unidecode), lower case, punctuation to spaces, ``st``/``st.`` to
    ``saint``, ``mt`` to ``mount``, ``ft`` to ``fort``: "St. Louis" and "Saint
    Louis" share a key, as do "Deir ez-Zor" and "Deir ez Zor".
``bare_key``
    ``norm_key`` without leading Arabic articles (al-, el-, ad-, as-, ar-, ash-,
    az-, ...) and with the tribal prefixes Abu/Abou/Albu written ``bu``:
    "Al-Mayadin" → "mayadin", "Albu Kamal" → "bu kamal".
``skeleton``
    The consonant skeleton of ``bare_key`` with the letters that transliterations
    of Arabic, Kurdish, Persian and Turkish disagree on merged: q/k/g/c/gh/kh → k,
    z/s/dh/dz/ts/th/sh → s, dj → j, vowels (and y, w, h) dropped, doubled letters
    single. "Bukemal" and "Abu Kamal" both give ``bkml``; "Bagos" and "Baghuz"
    both give ``bks``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["COMPASS_WORDS", "bare_key", "is_latin", "norm_key", "skeleton"]

#: Compass words, lower case: "West" and "Central" name a division somewhere and a
#: direction everywhere.
COMPASS_WORDS: tuple[str, ...] = (
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
)

_ARTICLES = frozenset(
    {
        "al",
        "el",
        "ad",
        "ed",
        "as",
        "es",
        "ar",
        "er",
        "ash",
        "esh",
        "az",
        "ez",
        "at",
        "et",
        "an",
        "en",
        "ul",
        "il",
        "ud",
        "us",
        "ut",
        "ath",
        "adh",
        "al-",
    }
)
_PREFIXES = {"albu": "bu", "abu": "bu", "abou": "bu", "abo": "bu", "bou": "bu"}
_TOKEN_MAP = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_APOSTROPHES = "'’‘`´ʻʼʿʾ′"
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_DIGRAPHS = (
    ("kh", "k"),
    ("gh", "k"),
    ("ch", "k"),
    ("sh", "s"),
    ("dh", "s"),
    ("th", "s"),
    ("dz", "s"),
    ("ts", "s"),
    ("tz", "s"),
    ("dj", "j"),
    ("ph", "f"),
    ("ck", "k"),
    ("x", "ks"),
)
_LETTER_MAP = str.maketrans({"q": "k", "c": "k", "g": "k", "z": "s"})
_VOWELS = re.compile(r"[aeiouyhw]")
_DOUBLES = re.compile(r"(.)\1+")


def _unidecode(text: str) -> str:
    """ASCII transliteration: unidecode when installed, NFKD folding otherwise."""
    try:  # unidecode is much better than NFKD for non-Latin scripts
        from unidecode import unidecode
    except ImportError:  # pragma: no cover - unidecode is a dependency
        decomposed = unicodedata.normalize("NFKD", text)
        return "".join(c for c in decomposed if not unicodedata.combining(c))
    return str(unidecode(text))


@lru_cache(maxsize=65536)
def norm_key(name: str) -> str:
    """Normalised lookup key of a place name.

    Examples
    --------
    >>> norm_key("St. Louis")
    'saint louis'
    >>> norm_key("Deir ez-Zor")
    'deir ez zor'
    >>> norm_key("‘Afrīn")
    'afrin'
    >>> norm_key("")
    ''
    """
    text = name
    for a in _APOSTROPHES:
        text = text.replace(a, "")
    text = _unidecode(text).lower().replace("&", " and ")
    text = text.replace("'", "").replace("`", "")
    tokens = _NON_ALNUM.sub(" ", text).split()
    return " ".join(_TOKEN_MAP.get(t, t) for t in tokens)


def bare_key(key: str) -> str:
    """``norm_key`` output without leading articles; Abu/Albu written ``bu``.

    Examples
    --------
    >>> bare_key("al mayadin")
    'mayadin'
    >>> bare_key("albu kamal")
    'bu kamal'
    >>> bare_key("al")  # a lone article stays
    'al'
    """
    tokens = key.split()
    out: list[str] = []
    for i, tok in enumerate(tokens):
        if tok in _ARTICLES and i < len(tokens) - 1 and (i == 0 or len(tokens) > 2):
            continue
        out.append(_PREFIXES.get(tok, tok))
    return " ".join(out) if out else key


@lru_cache(maxsize=65536)
def skeleton(key: str) -> str:
    """Consonant skeleton of a ``norm_key`` (articles stripped, letters merged).

    Examples
    --------
    >>> skeleton(norm_key("Bukemal")), skeleton(norm_key("Abu Kamal"))
    ('bkml', 'bkml')
    >>> skeleton(norm_key("Bagos")), skeleton(norm_key("al-Baghuz"))
    ('bks', 'bks')
    >>> skeleton("")
    ''
    """
    text = bare_key(key).replace(" ", "")
    for a, b in _DIGRAPHS:
        text = text.replace(a, b)
    text = _VOWELS.sub("", text.translate(_LETTER_MAP))
    return _DOUBLES.sub(r"\1", text)


def is_latin(name: str) -> bool:
    """Whether a name is written in Latin script (with or without diacritics).

    Examples
    --------
    >>> is_latin("Ḩadīthah"), is_latin("الموصل")
    (True, False)
    """
    return all(
        ord(c) < 0x250 or 0x1E00 <= ord(c) <= 0x1EFF or c in _APOSTROPHES for c in name
    )
