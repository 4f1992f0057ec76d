r"""Load a document's main text from ``.txt``, ``.md`` or ``.html`` in any encoding.

What :func:`load_text` does, in order:

1. **Read** at most ``max_bytes`` bytes (default 10 MiB) of the file. A larger file is
   cut there, with an :class:`~geosleuth.errors.EvidenceWarning`: the bound is what
   keeps a 50 MB file from hanging the reader.
2. **Decode**: a byte-order mark wins (UTF-8, UTF-16, UTF-32); then, for HTML, a
   charset declared in a ``<meta>`` tag, read as the WHATWG Encoding Standard reads
   it (a Latin-1 or ASCII label means Windows-1252; a UTF-16 label in a page of
   8-bit bytes means UTF-8), unless the bytes are valid UTF-8 with non-ASCII
   characters (a mislabelled page: valid multi-byte UTF-8 is very unlikely by
   chance); then strict UTF-8; then UTF-8 with a few stray bytes (at most one
   for every ten good multi-byte characters, or eight), each read as
   Windows-1252 with an :class:`~geosleuth.errors.EvidenceWarning` that names
   them: a Windows quote pasted into UTF-8 text must not turn every accented
   name into mojibake; then Windows-1252 when it decodes the bytes (a few of
   the five bytes it leaves undefined, 0x81, 0x8D, 0x8F, 0x90 and 0x9D, taken
   as stray and dropped, as ISO-8859-1 reads them: control characters) and
   reads as plausibly as the best guess of ``charset-normalizer``; then that
   guess. Windows-1252 is by far the most common legacy encoding of English
   news, and an English text with a few curly quotes, dashes or accented letters
   is otherwise read as Baltic, Central European, DOS, Mac or even Chinese
   (Big5) text; one stray byte in a Latin-1 text once made it Baltic (cp775,
   "München" read as "M³nchen"; review r51, M1). But a Windows-1252 reading
   whose words show another code page's letters ("Bia³ystok", "Øidiè",
   "Ìîñêâà") gives way to the cleanest of the Central European, Turkish,
   Baltic, Cyrillic, Greek, Hebrew and Arabic code pages when that reads more
   cleanly (:func:`~geosleuth.read._code_pages.other_code_page`; review r56, H1).
   An encoding guessed so (neither a byte-order mark, nor UTF-8, nor a page's
   ``<meta>`` charset) is warned of, naming the file and the encoding, with an
   :class:`~geosleuth.errors.EvidenceWarning`, and :attr:`TextSource.guessed`
   says so. NUL bytes without a
   UTF-16/32 reading, too many control characters, or no plausible encoding
   raise :class:`~geosleuth.errors.InputError`: the file is binary.
3. **Extract**: HTML goes through ``trafilatura`` (main text only: navigation,
   footers, scripts and styles never reach the text); the title and publication
   date come from the page's metadata. If trafilatura finds no main text the visible
   text of the page (scripts, styles and templates removed) is used. Both parse
   with libxml2, which drops what lies deeper than 256 nested elements: such a
   page's visible text is read with the standard library's parser instead (no
   depth limit; menus and footers are then read too), with an
   :class:`~geosleuth.errors.EvidenceWarning`. Markdown loses its markup
   (headings, emphasis, links, images, code fences). A plain-text file's first
   line is taken as its title when it is short and does not end a sentence.
4. **Normalise**: Unicode NFC, line endings to ``\\n``, non-breaking and other
   spaces to a plain space, zero-width and control characters removed, runs of
   spaces collapsed, hard-wrapped lines of a paragraph joined, and paragraphs
   separated by exactly one blank line.
5. **Cap** the text at ``max_chars`` characters (default 200 000, a long report;
   parsing cost grows with it), cut at the last paragraph or sentence end before
   the cap, with an :class:`~geosleuth.errors.EvidenceWarning`.

Offsets reported by the rest of :mod:`geosleuth.read` index the normalised text
this module returns.
"""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import errno
import math
import os
import re
import stat
import sys
import unicodedata
import warnings
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Literal

from geosleuth._boms import BOMS
from geosleuth.errors import (
    EvidenceWarning,
    InputError,
    MissingDependencyError,
    missing_extra,
)
from geosleuth.read._code_pages import other_code_page
from geosleuth.read._text_dates import date_line, first_line_title, timeline_days

__all__ = [
    "GUESSED",
    "MAX_BYTES",
    "MAX_CHARS",
    "TextFormat",
    "TextSource",
    "decode_bytes",
    "load_text",
    "normalize_text",
    "text_from_bytes",
    "timeline_days",
]

TextFormat = Literal["text", "markdown", "html"]

#: Bytes read from one file at most (10 MiB); the rest is cut with a warning.
MAX_BYTES = 10 * 1024 * 1024
#: Characters of extracted text kept at most; the rest is cut with a warning.
MAX_CHARS = 200_000

_SUFFIXES: dict[str, TextFormat] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}

#: What a reading's note on its encoding adds when the encoding was guessed
#: (:attr:`TextSource.guessed`): "read as text in cp1252" and this.
GUESSED = " (guessed: not UTF-8, and no encoding named)"
#: Bytes of a document that the encoding guess looks at.
_GUESS_BYTES = 2_000_000
#: How much messier than the best guess the Windows-1252 reading may be and still
#: be preferred (``charset_normalizer`` mess ratio). English news in Windows-1252
#: reads at 0.004 or less; Arabic, Cyrillic, Greek, Hebrew or CJK bytes read as
#: Windows-1252 at 1 or more.
_CP1252_SLACK = 0.1
#: Charset labels the WHATWG Encoding Standard decodes as another encoding, by
#: Python codec name: Latin-1 and ASCII labels mean Windows-1252, and a UTF-16 or
#: UTF-32 label found in a page of 8-bit bytes means UTF-8.
_WHATWG_LABELS = {
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "utf-16": "utf-8",
    "utf-16-le": "utf-8",
    "utf-16-be": "utf-8",
    "utf-32": "utf-8",
    "utf-32-le": "utf-8",
    "utf-32-be": "utf-8",
}
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""",
    re.IGNORECASE,
)
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_SENTENCE_END = re.compile(r"[.!?…:;\"'”’)\]]$")


@dataclass(frozen=True, slots=True)
class TextSource:
    """A document's extracted, normalised text and what is known about it.

    Attributes
    ----------
    name : str
        The file name (or the name given for bytes), used in messages.
    text : str
        The main text, normalised; offsets elsewhere index this string.
    title : str or None
        The title, from HTML metadata, a Markdown heading or a plain-text first line.
    published : datetime.date or None
        The publication date found in HTML metadata.
    encoding : str
        The encoding the bytes were read with (Python codec name).
    format : {"text", "markdown", "html"}
        How the bytes were interpreted.
    truncated : bool
        Whether the file or its text was cut at ``max_bytes`` / ``max_chars``.
    guessed : bool
        Whether the encoding was guessed from the bytes: no byte-order mark, not
        UTF-8, and no ``<meta>`` charset (warned of when it is read).
    """

    name: str
    text: str
    title: str | None
    published: dt.date | None
    encoding: str
    format: TextFormat
    truncated: bool = False
    guessed: bool = False


def _warn(message: str) -> None:
    """Warn with the stack level of the first caller outside :mod:`geosleuth`."""
    level = 2
    frame = sys._getframe(1)
    while frame is not None and frame.f_globals.get("__name__", "").startswith(
        "geosleuth."
    ):
        frame = frame.f_back  # type: ignore[assignment]
        level += 1
    warnings.warn(message, EvidenceWarning, stacklevel=level)


def _binary(name: str, why: str) -> InputError:
    return InputError(
        f"{name!r} is not a text document: {why}. geosleuth reads .txt, .md and "
        ".html files in any text encoding.",
        path=name,
    )


def _strict(data: bytes, encoding: str, *, truncated: bool) -> str | None:
    """Decode strictly; when the bytes were cut, forgive a partial last character."""
    for cut in range(4 if truncated else 1):
        chunk = data[: len(data) - cut] if cut else data
        try:
            return chunk.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def _declared_charset(data: bytes) -> str | None:
    """The Python codec name of a page's ``<meta>`` charset, or None."""
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    name = match.group(1).decode("ascii", "ignore").strip().lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _decode_declared(
    data: bytes, declared: str, *, truncated: bool
) -> tuple[str, str] | None:
    """Decode a page by its declared charset, as a browser does; None if it fails.

    Valid UTF-8 with non-ASCII characters is UTF-8 whatever the label says; a
    label is read as the WHATWG Encoding Standard reads it (``iso-8859-1`` as
    Windows-1252, ``utf-16`` in an 8-bit page as UTF-8), falling back on the
    label's own codec when the bytes are not valid in the standard's.
    """
    if declared != "utf-8":
        utf8 = _strict(data, "utf-8", truncated=truncated)
        if utf8 is not None and not utf8.isascii():
            return utf8, "utf-8"
    for enc in dict.fromkeys((_WHATWG_LABELS.get(declared, declared), declared)):
        text = _strict(data, enc, truncated=truncated)
        if text is not None:
            return text, enc
    return None


def decode_bytes(
    data: bytes,
    *,
    name: str = "<bytes>",
    format: TextFormat = "text",
    truncated: bool = False,
) -> tuple[str, str]:
    r"""Decode a document's bytes, detecting the encoding.

    Parameters
    ----------
    data : bytes
        The raw document.
    name : str, default "<bytes>"
        Name used in error messages.
    format : {"text", "markdown", "html"}, default "text"
        For ``"html"``, a ``<meta charset>`` declaration is honoured.
    truncated : bool, default False
        The bytes were cut at an arbitrary point: a partial last character is
        dropped rather than taken as a sign of a wrong encoding.

    Returns
    -------
    text : str
    encoding : str
        The Python codec name used.

    Raises
    ------
    InputError
        If the bytes are empty, binary (NUL bytes, control characters) or in no
        encoding that can be determined.

    Examples
    --------
    >>> decode_bytes("Hajin, Dayr az-Zawr".encode("utf-16"))
    ('Hajin, Dayr az-Zawr', 'utf-16-le')
    >>> decode_bytes(b"\x00\x01\x02\x03" * 8, name="x.txt")
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: 'x.txt' is not a text document: it holds NUL ...
    """
    text, encoding, _ = _decode(data, name=name, format=format, truncated=truncated)
    return text, encoding


def _decode(
    data: bytes, *, name: str, format: TextFormat, truncated: bool
) -> tuple[str, str, bool]:
    """:func:`decode_bytes`, and whether the encoding was guessed from the bytes."""
    if not data.strip():
        raise InputError(f"{name!r} is empty: there is no text to read.", path=name)
    text: str | None = None
    encoding = ""
    for bom, enc in BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom) :], enc, truncated=truncated)
            if text is None:
                raise InputError(
                    f"{name!r} starts with a {enc.upper()} byte-order mark but is not "
                    f"valid {enc.upper()}. Re-save it as UTF-8.",
                    path=name,
                )
            encoding = enc
            break
    if text is None and format == "html" and b"\x00" not in data:
        declared = _declared_charset(data)
        found = (
            None
            if declared is None
            else _decode_declared(data, declared, truncated=truncated)
        )
        if found is not None:
            text, encoding = found
    if text is None and b"\x00" not in data:
        text = _strict(data, "utf-8", truncated=truncated) or _mostly_utf8(
            data, name, truncated=truncated
        )
        encoding = "utf-8" if text is not None else ""
    said = None  # the warning of an encoding guessed, once the text is text
    if text is None:
        text, encoding, said = _guess(data, name)
    _check_textual(text, name)
    if said is not None:
        _warn(said)
    return text, encoding, said is not None


#: Stray bytes a UTF-8 text may hold and still be read as UTF-8: at most this
#: many, or one for every ten good multi-byte characters if that is more.
_STRAY_BYTES = 8
#: The bytes of a character cut at the end of a truncated read, as escaped.
_CUT_CHARACTER = re.compile("[\udc80-\udcff]{1,3}\\Z")


def _mostly_utf8(data: bytes, name: str, *, truncated: bool) -> str | None:
    r"""UTF-8 text with a few stray bytes, each read as Windows-1252; else None.

    Scraped news often has one Windows-1252 byte (a ``\x92`` right quote)
    pasted into UTF-8 text; read as a whole in a legacy code page, every
    accented name of the text turns to mojibake ("PĂŠrez") and stops
    resolving. With at least one good multi-byte character and few stray bytes
    (:data:`_STRAY_BYTES`), the text is UTF-8 and each stray byte its
    Windows-1252 character, with an :class:`~geosleuth.errors.EvidenceWarning`
    naming the file and where the first ones are.

    Examples
    --------
    >>> import warnings
    >>> data = "Pérez in Medellín".encode() + b" \x92 said"
    >>> with warnings.catch_warnings(record=True):
    ...     _mostly_utf8(data, "x", truncated=False)
    'Pérez in Medellín ’ said'
    >>> _mostly_utf8(b"caf\xe9 cr\xe8me", "x", truncated=False) is None  # Latin-1
    True
    """
    text = data.decode("utf-8", errors="surrogateescape")
    if truncated:  # a character cut at the end is no stray byte, as in _strict
        text = _CUT_CHARACTER.sub("", text)
    stray = [i for i, ch in enumerate(text) if "\udc80" <= ch <= "\udcff"]
    good = sum(1 for ch in text if ord(ch) > 127) - len(stray)
    if not stray or good < 1 or len(stray) > max(_STRAY_BYTES, good // 10):
        return None if stray else text
    where = ", ".join(str(i) for i in stray[:5]) + (" ..." if len(stray) > 5 else "")
    warnings.warn(
        f"{name!r} is UTF-8 but for {len(stray)} stray byte(s) (at character "
        f"{where}), read as Windows-1252: check the text there.",
        EvidenceWarning,
        stacklevel=3,
    )
    return "".join(
        bytes([ord(ch) - 0xDC00]).decode("cp1252", errors="replace")
        if "\udc80" <= ch <= "\udcff"
        else ch
        for ch in text
    )


def _guess(data: bytes, name: str) -> tuple[str, str, str | None]:
    """The text and encoding of bytes that are not UTF-8 and name no encoding.

    Windows-1252 (:func:`_windows_1252`) unless the bytes read far better in
    another encoding (``charset_normalizer``'s best guess); with the warning to
    give, either way (the encoding is a guess, and a wrong one garbles every
    accented name), but for UTF-16 or UTF-32 without a mark, known by its NUL
    bytes (None).
    """
    try:
        import charset_normalizer  # a core dependency
    except ImportError:  # pragma: no cover - only in a broken install
        raise MissingDependencyError(
            "The package 'charset-normalizer' is missing; reinstall geosleuth."
        ) from None
    best = charset_normalizer.from_bytes(data[:_GUESS_BYTES]).best()
    if b"\x00" in data:
        if best is None or not best.encoding.startswith(("utf_16", "utf_32")):
            raise _binary(name, "it holds NUL bytes and reads as no UTF-16/32 text")
    else:
        western = _windows_1252(data, None if best is None else best.chaos)
        other = None
        if western is not None:
            guess = None if best is None else codecs.lookup(best.encoding).name
            other = other_code_page(data, guess)
        if other is not None:
            text, encoding = other
            return (
                text,
                encoding,
                f"{name!r} is not UTF-8 and names no encoding: read as {encoding}, "
                "a guess from its bytes, whose words read in Windows-1252 as those "
                'of another code page do ("Bia³ystok" for "Białystok"). Check its '
                "text; re-save it as UTF-8 to have it read as written.",
            )
        if western is not None:
            text, undefined = western
            dropped = ""
            if undefined:
                where = ", ".join(
                    f"{data[i]:#04x} at byte {i}" for i in undefined[:5]
                ) + (" ..." if len(undefined) > 5 else "")
                dropped = (
                    f"; {len(undefined)} byte(s) that Windows-1252 leaves undefined "
                    f"({where}) are taken as stray and dropped"
                )
            said = (
                f"{name!r} is not UTF-8 and names no encoding: read as Windows-1252 "
                f"(cp1252), a guess: the most common legacy encoding of Western "
                f"text{dropped}. Check its accented letters; re-save it as UTF-8 to "
                "have it read as written."
            )
            return text, "cp1252", said
    if best is None:
        raise InputError(
            f"The encoding of {name!r} could not be determined: it reads as none of "
            "the known text encodings. Re-save it as UTF-8.",
            path=name,
        )
    enc = best.encoding
    strict = _strict(data, enc, truncated=len(data) > _GUESS_BYTES)
    text = data.decode(enc, errors="replace") if strict is None else strict
    encoding = codecs.lookup(enc).name
    if encoding.startswith(("utf-16", "utf-32")):
        return text, encoding, None
    return (
        text,
        encoding,
        f"{name!r} is not UTF-8 and names no encoding: read as {encoding}, a "
        "guess from its bytes, which read less plausibly in Windows-1252. "
        "Check its text; re-save it as UTF-8 to have it read as written.",
    )


#: The bytes Windows-1252 leaves undefined; ISO-8859-1 reads them as C1 controls.
_UNDEFINED_1252 = frozenset(b"\x81\x8d\x8f\x90\x9d")
_CONTROL_C1 = re.compile("[\x81\x8d\x8f\x90\x9d]")
#: At most this share of the bytes beyond ASCII may be undefined in Windows-1252
#: for a text to be read in it, the undefined ones as stray: one in a Latin-1
#: article, not the umlauts of a DOS text (``\x81`` is "ü" in cp437 and cp850).
_UNDEFINED_SHARE = 0.25
#: Bytes beyond ASCII that Windows-1252 reads cleanly, at least, around any it
#: leaves undefined: one such byte alone in a text is the only accented letter of
#: a DOS or Mac text (``\x81`` "ü" in cp437, ``\x8f`` "è" in Mac Roman), not a
#: stray byte in a Windows-1252 one (review r56, M1).
_CLEAN_AROUND_STRAY = 4


def _windows_1252(
    data: bytes, best_chaos: float | None
) -> tuple[str, list[int]] | None:
    r"""The Windows-1252 reading of the bytes, if clean and as plausible as the guess.

    Clean: of the five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F,
    0x90, 0x9D), at most a few (:data:`_UNDEFINED_SHARE` of the bytes beyond
    ASCII, among at least :data:`_CLEAN_AROUND_STRAY` clean ones), each read
    as ISO-8859-1 reads it, a C1 control character (dropped when the text is
    normalised). Plausible: the ``charset_normalizer`` mess
    ratio of the text, stray bytes left out, is at most ``_CP1252_SLACK``
    above the best guess's (or than 0 when there is no guess), which rules out
    whole texts in Arabic, Cyrillic, Greek, Hebrew and CJK read as Latin letters
    (not a lone such name in an English text, nor Central European code pages:
    :func:`~geosleuth.read._code_pages.other_code_page` weighs those). Returns
    the text and the offsets of the undefined bytes; None if not so.

    Examples
    --------
    >>> _windows_1252(b"Caf\xe9 owner Jos\xe9 M\xfcller in M\xfcnchen, \x81 here", 0.0)
    ('Café owner José Müller in München, \x81 here', [35])
    >>> _windows_1252(b"M\xfcnchen, \x81 here", 0.0) is None  # too few clean ones
    True
    >>> _windows_1252("Grüße aus München, über Düsseldorf".encode("cp850"), 0.0)
    """
    from charset_normalizer.md import mess_ratio

    undefined = [i for i, b in enumerate(data) if b in _UNDEFINED_1252]
    if undefined:
        beyond_ascii = sum(1 for b in data if b > 0x7F)
        if (
            beyond_ascii - len(undefined) < _CLEAN_AROUND_STRAY
            or len(undefined) > _UNDEFINED_SHARE * beyond_ascii
        ):
            return None
        text = data.decode("cp1252", errors="surrogateescape")
        text = re.sub("[\udc80-\udcff]", lambda m: chr(ord(m[0]) - 0xDC00), text)
        plain = _CONTROL_C1.sub("", text)
    else:
        decoded = _strict(data, "cp1252", truncated=False)
        if decoded is None:
            return None
        text = plain = decoded
    # no early stop: the ratio of a head of the text can exceed the whole's
    mess = mess_ratio(plain[:_GUESS_BYTES], maximum_threshold=math.inf)
    return (text, undefined) if mess <= (best_chaos or 0.0) + _CP1252_SLACK else None


def _check_textual(text: str, name: str) -> None:
    if "\x00" in text:
        raise _binary(name, "it holds NUL characters")
    sample = text[:100_000]
    controls = len(_CONTROL.findall(sample))
    if controls > max(8, len(sample) // 100):
        raise _binary(
            name,
            f"{controls} of its first {len(sample)} characters are control characters",
        )


def _join_wrapped(block: str) -> str:
    """Join the hard-wrapped lines of one paragraph; keep list items and headings."""
    lines = block.split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        prev = out[-1]
        if (
            prev
            and line
            and not _SENTENCE_END.search(prev)
            and (line[0].islower() or line[0].isdigit() or prev[-1] in ",-")
        ):
            out[-1] = f"{prev} {line}"
        else:
            out.append(line)
    return "\n".join(out)


def normalize_text(text: str) -> str:
    r"""Normalise whitespace and invisible characters; paragraphs end in a blank line.

    Examples
    --------
    >>> normalize_text("  Hajin\u00a0town \r\n\r\n\r\nis  near\nthe border. ")
    'Hajin town\n\nis near the border.'
    >>> normalize_text("\u200b \n ")
    ''
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\f", "\n\n")
    text = text.replace("\x85", "\n").replace("\v", "\n")
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)
    blocks = re.split(r"\n[ ]*\n\s*", text)
    paras = []
    for block in blocks:
        lines = [ln.strip() for ln in block.split("\n")]
        joined = _join_wrapped("\n".join(ln for ln in lines if ln))
        if joined:
            paras.append(joined)
    return "\n\n".join(paras)


_MD_FENCE = re.compile(r"^(```|~~~).*?$", re.MULTILINE)
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_REF = re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$", re.MULTILINE)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*(.*?)\s*#*\s*$", re.MULTILINE)
_MD_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$", re.MULTILINE)
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?", re.MULTILINE)
_MD_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.MULTILINE)
_MD_EMPH = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")
_MD_HTML = re.compile(r"<[^>\n]{1,200}>")


def _markdown_to_text(md: str) -> tuple[str, str | None]:
    heading = _MD_HEADING.search(md)
    title = heading.group(1).strip() if heading else None
    text = _MD_FENCE.sub("", md)
    text = _MD_IMAGE.sub(r"\1", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_REF.sub("", text)
    text = _MD_HEADING.sub(lambda m: f"\n{m.group(1)}\n", text)
    text = _MD_SETEXT.sub("", text)
    text = _MD_QUOTE.sub("", text)
    text = _MD_BULLET.sub("", text)
    for _ in range(2):
        text = _MD_EMPH.sub(r"\2", text)
    text = _MD_HTML.sub("", text)
    return text, title or None


def _parse_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


#: Elements whose content is never text of the page.
_HIDDEN_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "head")
#: Elements that end a paragraph of the visible text.
_BLOCK_TAGS = frozenset(
    {
        *("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre"),
        *("td", "th", "tr", "div", "br", "hr", "ul", "ol", "dl", "dt", "dd"),
        *("table", "section", "article", "header", "footer", "main", "nav"),
        *("aside", "figure", "figcaption", "form", "address", "body"),
    }
)
#: Elements that may stand in a page's head; any other opens its body.
_HEAD_TAGS = frozenset(
    {"title", "meta", "link", "base", "style", "script", "noscript", "template"}
)


def _blocks(text: str) -> str:
    """Paragraphs of ``text`` (separated by blank lines), each on one line."""
    chunks = (" ".join(chunk.split()) for chunk in re.split(r"\n\s*\n", text))
    return "\n\n".join(chunk for chunk in chunks if chunk)


def _visible_text(html: str) -> str:
    """Visible text of a page with scripts, styles and templates removed."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    for bad in root.xpath("|".join(f"//{tag}" for tag in _HIDDEN_TAGS)):
        bad.drop_tree()
    blocks = root.xpath(
        "//p|//h1|//h2|//h3|//h4|//h5|//h6|//li|//blockquote|//pre|//td|//div"
    )
    if not blocks:
        return str(root.text_content())
    parts: list[str] = []
    for el in blocks:
        if el.tag == "div" and el.xpath(".//p|.//div|.//li|.//h1|.//h2|.//h3"):
            continue
        chunk = " ".join(str(el.text_content()).split())
        if chunk:
            parts.append(chunk)
    return "\n\n".join(parts)


def _too_deep(html: str) -> str | None:
    """Why libxml2 cannot read the whole page (nested too deep), or None if it can.

    trafilatura and :func:`_visible_text` parse with lxml, whose libxml2 stops
    at 256 nested elements: what lies deeper is dropped without an error.
    """
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser(encoding="utf-8")
    # no tree at all (an empty page): the other readers say what they can
    with contextlib.suppress(ValueError, lxml.etree.ParserError):
        lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    for error in parser.error_log:
        if error.type_name == "ERR_RESOURCE_LIMIT" or "Excessive depth" in str(
            error.message
        ):
            found = re.search(r"depth in document: (\d+)", error.message)
            return (
                f"it is nested more than {found.group(1)} elements deep"
                if found
                else f"{error.message.strip().rstrip('.')}"
            )
    return None


class _VisibleText(HTMLParser):
    """The visible text of a page, by the standard library's parser.

    Its tokenizer keeps no tree, so no depth of nesting is too deep for it.
    Scripts, styles, templates and the head are left out, as by
    :func:`_visible_text`; block elements end paragraphs.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.hidden = dict.fromkeys(_HIDDEN_TAGS, 0)
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.hidden["head"] and tag not in _HEAD_TAGS:
            self.hidden["head"] = 0  # a body element closes the head
        self.in_title = tag == "title" and not self.title
        if tag in self.hidden:
            self.hidden[tag] += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:  # <br/>, <hr/>: nothing is opened
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        self.in_title = False
        if tag in self.hidden:
            self.hidden[tag] = max(0, self.hidden[tag] - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        if not any(self.hidden.values()):
            self.parts.append(data)


def _parsed_text(html: str) -> tuple[str, str | None]:
    """Visible text and title of a page by :class:`_VisibleText`, however deep."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    title = " ".join("".join(parser.title).split())
    return _blocks(text.replace("\r\n", "\n").replace("\r", "\n")), title or None


def _html_to_text(
    html: str, name: str = "<bytes>"
) -> tuple[str, str | None, dt.date | None]:
    try:
        import trafilatura
    except ImportError:
        raise missing_extra("trafilatura", "nlp") from None
    doc = None
    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            favor_recall=True,
        )
    except Exception:
        doc = None
    body = getattr(doc, "text", None) if doc is not None else None
    title = getattr(doc, "title", None) if doc is not None else None
    published = _parse_date(getattr(doc, "date", None)) if doc is not None else None
    if (why := _too_deep(html)) is not None:
        # what trafilatura read stops at the depth limit: read all that is seen
        body, own_title = _parsed_text(html)
        title = title or own_title
        _warn(
            f"{name!r} cannot be read whole by the page extractor: {why}. Its "
            "visible text is read instead, menus and footers included (scripts "
            "and styles are left out)."
        )
    elif body:
        # trafilatura ends each block with one newline; make blocks paragraphs.
        body = body.replace("\n", "\n\n")
    else:
        body = _visible_text(html)
        if not body.strip():  # lxml read no text: try the tokenizer
            body = _parsed_text(html)[0]
    return (
        body,
        (title.strip() if isinstance(title, str) and title.strip() else None),
        (published),
    )


def _cap(text: str, max_chars: int, name: str) -> tuple[str, bool]:
    if len(text) <= max_chars:
        return text, False
    head = text[:max_chars]
    cut = head.rfind("\n\n")
    if cut < max_chars // 2:
        cut = max(head.rfind(". "), head.rfind("? "), head.rfind("! "))
        cut = cut + 1 if cut >= max_chars // 2 else max_chars
    _warn(
        f"{name!r} has {len(text)} characters of text; only the first {cut} are "
        f"read (the limit is {max_chars}: max_chars, or read's --max-chars). Split "
        "the document or raise the limit to read the rest."
    )
    return head[:cut].rstrip(), True


def text_from_bytes(
    data: bytes,
    *,
    name: str = "<bytes>",
    format: TextFormat = "text",
    max_chars: int = MAX_CHARS,
    truncated: bool = False,
) -> TextSource:
    """Extract and normalise the main text of a document given as bytes.

    Parameters
    ----------
    data : bytes
        The raw document.
    name : str, default "<bytes>"
        Name used in messages and as :attr:`TextSource.name`.
    format : {"text", "markdown", "html"}, default "text"
        How to interpret the bytes.
    max_chars : int, default 200_000
        Characters of text kept at most (see the module notes).
    truncated : bool, default False
        The bytes are the head of a longer file.

    Returns
    -------
    TextSource

    Raises
    ------
    InputError
        Empty, binary or undecodable input, or a document with no text.

    Examples
    --------
    >>> src = text_from_bytes(b"<p>Seen in Hajin.</p><script>x()</script>",
    ...                       format="html")
    >>> src.text
    'Seen in Hajin.'
    >>> text_from_bytes(b"   ")
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: '<bytes>' is empty: there is no text to read.
    """
    if format not in ("text", "markdown", "html"):
        raise ValueError(
            f"format must be one of ['html', 'markdown', 'text']. Got {format!r}."
        )
    raw, encoding, guessed = _decode(
        data, name=name, format=format, truncated=truncated
    )
    title: str | None = None
    published: dt.date | None = None
    if format == "html":
        body, title, published = _html_to_text(raw, name)
    elif format == "markdown":
        body, title = _markdown_to_text(raw)
    else:
        body = raw
        dated = date_line(raw)
        if dated is not None:
            # its own paragraph, kept out of the headline (the title)
            published, breaks = dated
            for at in reversed(breaks):
                body = body[:at] + "\n\n" + body[at + 1 :]
    text = normalize_text(body)
    if not text:
        raise InputError(
            f"{name!r} has no text to read"
            + (
                " once the page's markup, scripts and styles are removed"
                if format == "html"
                else ""
            )
            + ".",
            path=name,
        )
    text, cut = _cap(text, max_chars, name)
    if title is None and format == "text":
        title = first_line_title(text)
    if title is not None:
        title = normalize_text(title).replace("\n", " ") or None
    return TextSource(
        name=name,
        text=text,
        title=title,
        published=published,
        encoding=encoding,
        format=format,
        truncated=truncated or cut,
        guessed=guessed,
    )


_FILE_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _check_file(path: Path) -> os.stat_result:
    """The status of ``path``, a regular file to read; else an InputError naming it.

    A broken symbolic link (to a file that is not there: an unmounted disk, a
    moved folder), a link that loops, a directory, a named pipe or a device is
    no document. Checked before the file is opened: opening a named pipe waits
    for a writer.

    Raises
    ------
    InputError
        What ``path`` is, and why it cannot be read.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> link = pathlib.Path(tempfile.mkdtemp()) / "b.txt"
    >>> link.symlink_to(link.parent / "gone.txt")
    >>> _check_file(link)
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: '...b.txt' cannot be read: it is a symbolic link to ...
    """
    name = str(path)
    try:
        status = path.stat()
    except OSError as exc:
        why = exc.strerror or str(exc)
        if exc.errno == errno.ELOOP:
            why = f"it is a symbolic link that loops ({why})"
        elif isinstance(exc, FileNotFoundError) and path.is_symlink():
            try:
                to = f" to {os.readlink(path)!r}"
            except OSError:
                to = ""
            why = f"it is a symbolic link{to}, which does not exist"
        raise InputError(f"{name!r} cannot be read: {why}.", path=name) from None
    if stat.S_ISDIR(status.st_mode):
        raise InputError(f"{name!r} is a directory, not a document.", path=name)
    if not stat.S_ISREG(status.st_mode):
        kind = next(
            (k for test, k in _FILE_KINDS if test(status.st_mode)), "a special file"
        )
        raise InputError(
            f"{name!r} is {kind}, not a regular file: it cannot be read as a document.",
            path=name,
        )
    return status


def load_text(
    path: str | os.PathLike[str],
    *,
    format: TextFormat | None = None,
    max_bytes: int = MAX_BYTES,
    max_chars: int = MAX_CHARS,
) -> TextSource:
    r"""Read a ``.txt``, ``.md`` or ``.html`` file and extract its main text.

    Parameters
    ----------
    path : str or os.PathLike
        The file.
    format : {"text", "markdown", "html"} or None, default None
        How to read it; by default from the suffix (``.txt``, ``.md``,
        ``.html``/``.htm``), and for other suffixes ``html`` if the file starts like
        a web page, else ``text``.
    max_bytes : int, default 10 MiB
        Bytes read at most; a larger file is cut there with an
        :class:`~geosleuth.errors.EvidenceWarning`.
    max_chars : int, default 200_000
        Characters of extracted text kept at most, cut with a warning.

    Returns
    -------
    TextSource

    Raises
    ------
    InputError
        A file that cannot be read (a broken symbolic link or one that loops, a
        named pipe or device, a directory), is empty or binary, is in no encoding
        that can be determined, or holds no text. The message names the file.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.md"
    >>> _ = p.write_text("# Hiding?\n\nHe was **seen** in [Hajin](http://x).")
    >>> src = load_text(p)
    >>> src.title, src.text
    ('Hiding?', 'Hiding?\n\nHe was seen in Hajin.')
    """
    p = Path(path)
    name = p.name or str(p)
    if max_bytes < 1 or max_chars < 1:
        raise InputError(
            "max_bytes and max_chars must be positive. Got "
            f"{max_bytes!r} and {max_chars!r} instead.",
            field="max_bytes",
        )
    size = _check_file(p).st_size
    try:
        with p.open("rb") as fh:
            data = fh.read(max_bytes)
    except IsADirectoryError:
        raise InputError(
            f"{str(p)!r} is a directory, not a document.", path=str(p)
        ) from None
    except OSError as exc:
        raise InputError(
            f"{str(p)!r} cannot be read: {exc.strerror or exc}.", path=str(p)
        ) from None
    truncated = size > max_bytes
    if truncated:
        _warn(
            f"{name!r} is {size / 1_048_576:.1f} MiB; only its first "
            f"{max_bytes / 1_048_576:.1f} MiB are read (max_bytes={max_bytes})."
        )
    if format is None:
        format = _SUFFIXES.get(p.suffix.lower())
        if format is None:
            head = data[:1024].lstrip().lower()
            format = (
                "html" if head.startswith((b"<!doctype html", b"<html")) else ("text")
            )
    try:
        return text_from_bytes(
            data, name=name, format=format, max_chars=max_chars, truncated=truncated
        )
    except InputError as exc:
        if exc.path == name:  # the error should point at the file as given
            exc.path = str(p)
        raise
