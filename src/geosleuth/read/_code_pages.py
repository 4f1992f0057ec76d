"""Which legacy code page a text's bytes were written in, when Windows-1252 misreads.

Windows-1252 decodes the bytes of every single-byte code page, and a detector's
mess ratio does not tell Polish read in it ("zosta³ w £odzi") from French. So
:func:`~geosleuth.read.text.load_text`'s Windows-1252 reading of a text that is
not UTF-8 and names no encoding is weighed word by word (:func:`_odd_word`,
:func:`_weak`) against the Central European, Turkish, Baltic, Cyrillic, Greek,
Hebrew and Arabic code pages, and one wins only on strong evidence: a word it
mends, none it spoils (:func:`other_code_page`; reviews r56, H1, and r61). Pure
functions over strings and bytes.
"""

from __future__ import annotations

import codecs
import itertools
import re
import unicodedata
from typing import NamedTuple

__all__ = ["other_code_page"]


def _decoded(data: bytes, encoding: str) -> str | None:
    """The bytes decoded strictly in ``encoding``; None if they are not so."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


#: The code pages tried, in this order, when the Windows-1252 reading of a text
#: shows signs of another (:func:`other_code_page`): Central European
#: (Windows-1250, ISO-8859-2), Turkish, Baltic, Cyrillic, Greek (Windows-1253,
#: ISO-8859-7), Hebrew and Arabic. Each reads Windows-1252's quotes and dashes
#: as the same signs; DOS and Mac code pages (cp437, cp850, Mac Roman), which read
#: them as letters, are not among them.
_OTHER_CODE_PAGES = (
    "cp1250",
    "iso8859-2",
    "cp1254",
    "cp1257",
    "cp1251",
    "cp1253",
    "iso8859-7",
    "cp1255",
    "cp1256",
)
#: Characters of a text that its readings are weighed on, at most.
_WEIGH_CHARS = 200_000
#: The letters beyond ASCII of each language written in these code pages' Latin
#: letters, lower and upper case: a word whose letters fit none of them is a
#: misreading ("Øidiè", Czech "Řidič" in Windows-1252).
_ALPHABETS = tuple(
    frozenset(letters + letters.upper())
    for letters in (
        "àâæçéèêëîïôœùûüÿ",  # French
        "äöüß",  # German
        "áéíñóúü",  # Spanish
        "áâãàçéêíóôõúü",  # Portuguese
        "àèéìíîòóù",  # Italian
        "áéëïóöüèàêôû",  # Dutch
        "æøåéó",  # Danish, Norwegian
        "åäöéšž",  # Swedish, Finnish
        "áíóúýæøð",  # Faroese
        "àçèéíïòóúü",  # Catalan
        "äöõüšž",  # Estonian
        "ąćęłńóśźż",  # Polish
        "áčďéěíňóřšťúůýž",  # Czech
        "áäčďéíĺľňóôŕšťúýž",  # Slovak
        "áéíóöőúüű",  # Hungarian
        "čćđšž",  # Slovene, Croatian, Bosnian
        "ăâîșțşţ",  # Romanian
        "çë",  # Albanian
        "çğıöşüâîûİ",  # Turkish (the dotted capital İ has no one-letter lower case)
        "ąčęėįšųūž",  # Lithuanian
        "āčēģīķļņšūž",  # Latvian
    )
)
#: Icelandic letters: a reading that needs them (Windows-1252 "Þanlýurfa") loses
#: a tie to one that does not (Windows-1254 "Şanlıurfa"): Ð ð Ý ý Þ þ are the
#: bytes of Turkish Ğ ğ İ ı Ş ş, and Turkish names are far commoner in news.
_ICELANDIC = frozenset("áéíóúýðþæöÁÉÍÓÚÝÐÞÆÖ")
#: Letters to Unicode but signs to a reader: "Timiºoara" (ş in Windows-1250).
_SIGN_LETTERS = frozenset("ƒªµº")
#: Signs that may stand between two letters of a word: apostrophes, quotes and
#: dashes (a space left out), hyphens, the Catalan middle dot, the soft hyphen.
_IN_WORD = frozenset("’'‘“”„·\u00ad‐‑–—")
#: Signs that Windows-1252 reads where other code pages have a letter that may
#: open a word: "£ódŸ" (Łódź in Windows-1250), "¦wiadkowie" (Świadkowie in
#: ISO-8859-2), "¨stfold" (Østfold in Windows-1257). Not "¿" or "¡", which open
#: Spanish questions and cries.
_OPENING_SIGNS = frozenset("£¥¦¨©ª¬®¯³¹µ¶º¼¾")
#: Letters with a grave accent that no language of :data:`_ALPHABETS` writes
#: before the end of a word (Italian writes them last: "così", "più"), but
#: Windows-1252 reads Czech ě and ů so ("Budìjovice", "prùzkum").
_FINAL_GRAVES = frozenset("ìÌùÙ")
_VOWELS = {
    "CYRILLIC": frozenset("аеёиоуыэюяіїєАЕЁИОУЫЭЮЯІЇЄ"),
    "GREEK": frozenset("αεηιουωάέήίόύώϊϋΐΰΑΕΗΙΟΥΩΆΈΉΊΌΎΏΪΫ"),
}
#: The letters a Greek word ends in: a vowel, ς, ν, and in a few words ρ, ξ, ψ.
_GREEK_ENDS = _VOWELS["GREEK"] | frozenset("ςνρξψ")
#: Hebrew final letters: only ever last in a word.
_HEBREW_FINALS = frozenset("ךםןףץ")
#: Words: runs of characters that are neither space, ASCII digit nor ASCII sign.
_WORD = re.compile(r"[^\s!-@\[-`{-~]+")


def _letter(ch: str) -> bool:
    return ch.isalpha() and ch not in _SIGN_LETTERS


def _mark(ch: str) -> bool:
    """Whether a character is a combining mark (a Hebrew point, an accent)."""
    return unicodedata.category(ch).startswith("M")


def _script(ch: str) -> str:
    """The script of a letter, as its Unicode name starts: "LATIN", "GREEK" ..."""
    return unicodedata.name(ch, "?").partition(" ")[0]


def _fits(letters: set[str]) -> bool:
    return any(letters <= alphabet for alphabet in _ALPHABETS)


#: Portuguese writes õ only before e ("ações", "põe"); Hungarian ő, which
#: Windows-1252 reads as õ, stands anywhere ("rendõrség" for rendőrség).
_NOT_PORTUGUESE_O = re.compile("[õÕ][^eE\\W]")
_ALPHABETS_BUT_PORTUGUESE = tuple(a for a in _ALPHABETS if "ã" not in a)


def _odd_word(word: str) -> bool:
    """Whether a word (of :data:`_WORD`) reads as text in the wrong code page.

    Odd: a sign between two letters ("Bia³ystok") or opening a word of small
    letters ("£ódŸ"); letters (or Hebrew or Arabic points) of two scripts
    ("Mafiaֲ"); a combining mark first; a capital
    beyond ASCII after a small letter ("ŁódŸ"), or second of a word with small
    letters ("РЬфсб", Greek "Πάτρα" in Windows-1251); a Latin word of three
    letters or more, none of them ASCII ("Ìîñêâà", Russian "Москва" in
    Windows-1252), whose letters beyond ASCII fit no one language's alphabet
    ("Øidiè"), or with ì or ù before its end; a Cyrillic or Greek word of three
    letters or more, not in capitals, without a vowel; a small Greek word that
    ends in a letter no Greek word ends in; a Hebrew final letter before the end.

    Examples
    --------
    >>> [_odd_word(w) for w in ("Bia³ystok", "Białystok", "Ìîñêâà", "Москва")]
    [True, False, True, False]
    >>> [_odd_word(w) for w in ("Øidiè", "Tromsø", "Budìjovice", "così")]
    [True, False, True, False]
    """
    if word.isascii():
        return False
    for i in range(1, len(word) - 1):
        ch = word[i]
        if (
            not ch.isascii()
            and not _letter(ch)
            and ch not in _IN_WORD
            and not _mark(ch)
            and _letter(word[i - 1])
            and _letter(word[i + 1])
        ):
            return True
    first = word[0]
    if (
        len(word) > 2
        and first in _OPENING_SIGNS
        and word[1].islower()
        and _letter(word[2])
    ):
        return True
    letters = [ch for ch in word if _letter(ch)]
    if not letters:
        return False
    scripts = {
        _script(ch)
        for ch in word
        if _letter(ch) or (_mark(ch) and _script(ch) in ("HEBREW", "ARABIC"))
    }
    if len(scripts) > 1 or _mark(first):
        return True
    script = scripts.pop()
    if any(
        a.islower() and b.isupper() and not b.isascii()
        for a, b in itertools.pairwise(letters)
    ) or (
        len(letters) > 2
        and letters[0].isupper()
        and letters[1].isupper()
        and not letters[1].isascii()
        and any(ch.islower() for ch in letters[2:])
    ):
        return True
    if script == "LATIN":
        beyond = {ch for ch in letters if not ch.isascii()}
        return bool(beyond) and (
            (len(letters) > 2 and not any(ch.isascii() for ch in letters))
            or not (_fits(beyond) or beyond <= _ICELANDIC)
            or (
                _NOT_PORTUGUESE_O.search(word) is not None
                and not any(beyond <= a for a in _ALPHABETS_BUT_PORTUGUESE)
            )
            or any(ch in _FINAL_GRAVES for ch in letters[:-1])
        )
    if script in _VOWELS:
        return (
            len(letters) > 2
            and not word.isupper()
            and not _VOWELS[script] & set(letters)
        ) or (
            script == "GREEK"
            and len(letters) > 1
            and letters[-1].islower()
            and letters[-1] not in _GREEK_ENDS
        )
    return script == "HEBREW" and any(ch in _HEBREW_FINALS for ch in letters[:-1])


#: Words of the bytes themselves: runs of bytes that are neither ASCII space,
#: digit nor sign, so that each code page's reading of a word is weighed
#: against Windows-1252's reading of the same bytes.
_BYTE_WORD = re.compile(rb"[^\s!-@\[-`{-~]+")
#: C1 control characters: ISO-8859-2 and -7 read Windows-1252's quotes, dashes
#: and "Š" so, and no text is written with them (review r61, H3).
_C1 = re.compile("[\x80-\x9f]")
#: Turkish letters beyond ASCII, and those that only Turkish writes.
_TURKISH = frozenset("çğıöşüâîûÇĞİÖŞÜÂÎÛ")
_ONLY_TURKISH = frozenset("ğış")


def _latin(text: str) -> set[str]:
    """The Latin letters beyond ASCII of a text."""
    return {
        ch for ch in text if _letter(ch) and not ch.isascii() and _script(ch) == "LATIN"
    }


def _odd(reading: str) -> bool:
    """Whether any word of a reading of one byte word is odd (:func:`_odd_word`)."""
    return any(_odd_word(word) for word in _WORD.findall(reading))


#: ì and ù read as í and ú: a word that is odd only for them inside it.
_GRAVES_AS_ACUTES = str.maketrans("ìÌùÙ", "íÍúÚ")


def _weak(word: str) -> bool:
    """Whether an odd Windows-1252 reading of a byte word is weak evidence.

    Weak: it reads as words once a sign that opens it or stands before a
    capital is taken as a sign ("£millions", "¼lb", "µmol", "mean±SD", but
    also Polish "£odzi"), or once ì and ù may stand inside a word (Scottish
    Gaelic "Dùn", Vietnamese "Bình", but also Czech "Budìjovice"): both are
    written in Windows-1252 too. A sign between two small letters ("Bia³ystok",
    "Timiºoara") is not weak.

    Examples
    --------
    >>> [_weak(w) for w in ("£millions", "mean±SD", "Dùn", "Bia³ystok", "Øidiè")]
    [True, True, True, False, False]
    """
    signs = {
        i
        for i, ch in enumerate(word)
        if not ch.isascii() and not _letter(ch) and ch not in _IN_WORD and not _mark(ch)
    }
    if any(
        0 < i < len(word) - 1 and word[i - 1].islower() and word[i + 1].islower()
        for i in signs
    ):
        return False
    spaced = "".join(" " if i in signs else ch for i, ch in enumerate(word))
    return not any(
        _odd_word(part.translate(_GRAVES_AS_ACUTES)) for part in _WORD.findall(spaced)
    )


class _Western(NamedTuple):
    """Windows-1252's reading of a byte word (:func:`_western`)."""

    text: str
    odd: bool
    weak: bool


def _western(word: bytes) -> _Western:
    """Windows-1252's reading of a byte word, and whether it is odd, and weakly so.

    By :func:`_odd_word` and :func:`_weak`; read once a word, for every code page
    it is weighed against (:func:`_weighed`).

    Examples
    --------
    >>> _western("Bia³ystok".encode("cp1252"))
    _Western(text='Bia³ystok', odd=True, weak=False)
    """
    read = word.decode("cp1252", errors="ignore")
    odd_parts = [w for w in _WORD.findall(read) if _odd_word(w)]
    return _Western(
        read, bool(odd_parts), bool(odd_parts) and all(map(_weak, odd_parts))
    )


def _weighed(
    words: dict[bytes, _Western], encoding: str
) -> tuple[int, int, int, set[str]]:
    """How a code page reads the words that Windows-1252 reads oddly.

    Returns the number of words it mends (odd in Windows-1252, not in
    ``encoding``) that are strong evidence (not :func:`_weak`), the number it
    mends in all, the number it spoils (not odd in Windows-1252, odd in
    ``encoding``), and the Latin letters beyond ASCII of the words it reads
    otherwise.
    """
    strong = mended = spoiled = 0
    letters: set[str] = set()
    for word, (western, odd, weak) in words.items():
        text = word.decode(encoding)
        if text == western:
            continue
        letters |= _latin(text)
        if _odd(text):
            spoiled += not odd
        elif odd:
            mended += 1
            strong += not weak
    return strong, mended, spoiled, letters


def _turkish(words: dict[bytes, _Western], text: str) -> bool:
    """Whether a Windows-1254 text is Turkish that Windows-1252 reads as Icelandic.

    Windows-1252 reads Turkish ğ, ı, ş as ð, ý, þ ("Þanlýurfa" for "Şanlıurfa").
    Turkish: the text's letters beyond ASCII are all Turkish ones, and a word
    that Windows-1252 reads otherwise (``words``, with their Windows-1252
    readings) has ğ, ı or ş ("Şingvellir" alone has not; "Reykjavík" is no
    Turkish word).

    Examples
    --------
    >>> data = "seen in Şanlıurfa".encode("cp1254")
    >>> words = {w: _western(w) for w in _BYTE_WORD.findall(data)}
    >>> _turkish(words, data.decode("cp1254"))
    True
    >>> data = "seen in Þingvellir".encode("cp1252")
    >>> words = {w: _western(w) for w in _BYTE_WORD.findall(data)}
    >>> _turkish(words, data.decode("cp1254"))
    False
    """
    readings = ((word.decode("cp1254"), read.text) for word, read in words.items())
    return _latin(text) <= _TURKISH and any(
        _ONLY_TURKISH & set(turkish) and turkish != western
        for turkish, western in readings
    )


def other_code_page(data: bytes, guess: str | None) -> tuple[str, str] | None:
    """The text and code page of bytes that read more cleanly than in Windows-1252.

    Windows-1252 decodes the bytes of every Latin code page, and its mess ratio
    does not tell Polish read in it ("zosta³ w £odzi") from French. So each
    word of the bytes is read in Windows-1252 and in each of
    :data:`_OTHER_CODE_PAGES` that decodes the bytes (:func:`_odd_word`). A code
    page may win only if it mends a word that Windows-1252 reads oddly, as
    strong evidence (not :func:`_weak`: "Bia³ystok", "Øidiè", "Ìîñêâà"), spoils
    none, reads no C1 control character, and writes the words it reads
    otherwise in one alphabet (review r61). Of those, the one that mends the
    most strong words wins, then the most words, then the detector's
    ``guess``, then the earlier in the list. Failing that, Windows-1254 wins a
    Turkish text that Windows-1252 reads as Icelandic (:func:`_turkish`). None
    if none wins: the Windows-1252 reading stands.

    Examples
    --------
    >>> data = "Widziano go w Łodzi i Białymstoku.".encode("cp1250")
    >>> other_code_page(data, None)
    ('Widziano go w Łodzi i Białymstoku.', 'cp1250')
    >>> data = "Seen in Zürich and Besançon.".encode("cp1252")
    >>> other_code_page(data, "cp1250") is None
    True

    One odd word that is only a sign before letters is no evidence:

    >>> data = "The council wasted £millions.".encode("cp1252")
    >>> other_code_page(data, "cp1250") is None
    True
    """
    head = data[:_WEIGH_CHARS]
    words = {
        word: _western(word)
        for word in set(_BYTE_WORD.findall(head))
        if not word.isascii()
    }
    if not words:
        return None
    best: tuple[int, int, bool] | None = None
    picked = None
    for enc in _OTHER_CODE_PAGES:
        text = _decoded(head, enc)
        if text is None or _C1.search(text):
            continue
        strong, mended, spoiled, letters = _weighed(words, enc)
        if not strong or spoiled or (letters and not _fits(letters)):
            continue
        score = (strong, mended, enc == guess)
        if best is None or score > best:
            best, picked = score, enc
    if picked is None:
        text = _decoded(head, "cp1254")
        if (
            text is not None
            and not any(w.odd for w in words.values())
            and _turkish(words, text)
        ):
            picked = "cp1254"
    text = None if picked is None else _decoded(data, picked)
    return (
        None if text is None or picked is None else (text, codecs.lookup(picked).name)
    )
