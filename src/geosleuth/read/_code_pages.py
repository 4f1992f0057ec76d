"""Which legacy code page a text's bytes were written in, when Windows-1252 misreads.

Windows-1252 decodes the bytes of every single-byte code page, and a detector's
mess ratio does not tell Polish read in it ("zosta³ w £odzi") from French. So
:func:`~geosleuth.read.text.load_text`'s Windows-1252 reading of a text that is
not UTF-8 and names no encoding is weighed word by word (:func:`_odd_word`,
:func:`_oddity`) against the Central European, Turkish, Baltic, Cyrillic, Greek,
Hebrew and Arabic code pages, and the cleanest reading wins
(:func:`other_code_page`; review r56, H1). Pure functions over strings and bytes.
"""

from __future__ import annotations

import codecs
import itertools
import re
import unicodedata

__all__ = ["other_code_page"]

#: The bytes Windows-1252 leaves undefined, read as C1 controls: not weighed.
_UNDEFINED = re.compile("[\x81\x8d\x8f\x90\x9d]")


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
_SIGN_LETTERS = frozenset("ªµº")
#: Signs that may stand between two letters of a word: apostrophes, quotes and
#: dashes (a space left out), hyphens, the Catalan middle dot, the soft hyphen.
_IN_WORD = frozenset("’'‘“”„·\u00ad‐‑–—")
#: Signs that Windows-1252 reads where other code pages have a letter that may
#: open a word: "£ódŸ" (Łódź in Windows-1250), "¦wiadkowie" (Świadkowie in
#: ISO-8859-2), "¨stfold" (Østfold in Windows-1257). Not "¿" or "¡", which open
#: Spanish questions and cries.
_OPENING_SIGNS = frozenset("£¥¦¨©ª¬®¯³¹µº¼¾")
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


def _oddity(text: str) -> tuple[int, bool, bool]:
    """How oddly a text reads: fewer is cleaner, compared in this order.

    The number of odd words (:func:`_odd_word`); whether the text's Latin
    letters beyond ASCII fit no one alphabet (Hungarian "Gyõr ... rendõrség" in
    Windows-1252: õ is Estonian or Portuguese, á í ú are neither); whether they
    fit only Icelandic (:data:`_ICELANDIC`).

    Examples
    --------
    >>> _oddity("seen in £ódŸ and Bia³ystok")
    (2, True, False)
    >>> _oddity("seen in Łódź and Białystok")
    (0, False, False)
    >>> _oddity("seen in Þanlýurfa"), _oddity("seen in Şanlıurfa")
    ((0, False, True), (0, False, False))
    """
    odd = 0
    latin: set[str] = set()
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        odd += _odd_word(word)
        latin.update(
            ch
            for ch in word
            if _letter(ch) and not ch.isascii() and _script(ch) == "LATIN"
        )
    incoherent = bool(latin) and not (_fits(latin) or latin <= _ICELANDIC)
    return odd, incoherent, bool(latin) and not incoherent and not _fits(latin)


def other_code_page(
    data: bytes, western: str, guess: str | None
) -> tuple[str, str] | None:
    """The text and code page of bytes that read more cleanly than in Windows-1252.

    Windows-1252 decodes the bytes of every Latin code page, and its mess ratio
    does not tell Polish read in it ("zosta³ w £odzi") from French. So its
    reading ``western`` is weighed (:func:`_oddity`) against each of
    :data:`_OTHER_CODE_PAGES` that decodes the bytes, and the cleanest wins;
    Windows-1252 wins any tie, then the detector's ``guess``, then the earlier
    in the list. None if none reads more cleanly.

    Examples
    --------
    >>> data = "Widziano go w Łodzi i Białymstoku.".encode("cp1250")
    >>> other_code_page(data, data.decode("cp1252"), None)
    ('Widziano go w Łodzi i Białymstoku.', 'cp1250')
    >>> data = "Seen in Zürich and Besançon.".encode("cp1252")
    >>> other_code_page(data, data.decode("cp1252"), "cp1250") is None
    True
    """
    sample = _UNDEFINED.sub("", western[:_WEIGH_CHARS])
    best = _oddity(sample)
    if best == (0, False, False):
        return None
    picked = None
    head = data[:_WEIGH_CHARS]
    for enc in _OTHER_CODE_PAGES:
        text = _decoded(head, enc)
        if text is None:
            continue
        score = _oddity(text)
        if score < best or (score == best and picked is not None and enc == guess):
            best, picked = score, enc
    text = None if picked is None else _decoded(data, picked)
    return (
        None if text is None or picked is None else (text, codecs.lookup(picked).name)
    )
