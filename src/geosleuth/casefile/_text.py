"""What a case file may hold as text: no control characters, no lone surrogates.

:func:`clean_text` checks a text option (``--team``, ``--note``) before it goes into
a case file; :func:`_check_text` checks every string and key of a loaded case file.
"""

from __future__ import annotations

import re
from typing import Any

from geosleuth.casefile._loader import _line_of, _Map, _path_str
from geosleuth.errors import CaseFileError, InputError

__all__ = ["clean_text"]


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")


def clean_text(value: str, flag: str) -> str:
    r"""``value`` of a text option, stripped; refused if it can't be stored as text.

    A shell passes bytes that are not UTF-8 as lone surrogates, and control
    characters cannot go into YAML, XML or a report; either would be written into
    a case file or field file that then no longer loads.

    Raises
    ------
    InputError
        Naming ``flag``, if ``value`` holds such a character.

    Examples
    --------
    >>> clean_text("  MRT Team 3 ", "--team")
    'MRT Team 3'
    >>> clean_text("bad\udcffbyte", "--note")
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: --note holds a character that is not text ...
    """
    bad = _CONTROL.search(value)
    if bad is not None:
        raise InputError(
            f"{flag} holds a character that is not text (U+{ord(bad.group()):04X} at "
            f"position {bad.start() + 1}: a control character, or bytes that are not "
            "UTF-8). Give plain UTF-8 text.",
            field=flag,
        )
    return value.strip()


def _check_text(doc: _Map, source: str) -> None:
    r"""Refuse a string (a value or a key) that holds a character that is not text.

    A double-quoted YAML string may write any code point as an escape: a lone
    surrogate (``"\ud800"``) cannot be written as UTF-8, so the case's
    estimate.json, report or service record could never be written; a control
    character (``"\x07"``) breaks the XML of field files. The characters are
    those :func:`clean_text` refuses in options; tab and line breaks are text.
    """
    found: list[tuple[int, str, str, int]] = []
    seen: set[int] = set()
    stack: list[tuple[Any, list[Any]]] = [(doc, [])]
    while stack:
        node, path = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        strings: list[tuple[str, list[Any], int | None]] = []
        if isinstance(node, dict):
            lines = getattr(node, "key_lines", {})
            for key, value in node.items():
                strings.append((str(key), [*path, key], lines.get(str(key))))
                if isinstance(value, str):
                    strings.append((value, [*path, key], None))
                elif isinstance(value, (dict, list)):
                    stack.append((value, [*path, key]))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                if isinstance(value, str):
                    strings.append((value, [*path, i], None))
                elif isinstance(value, (dict, list)):
                    stack.append((value, [*path, i]))
        for text, at, line in strings:
            bad = _CONTROL.search(text)
            if bad is not None:
                line = line or _line_of(doc, at) or 0
                found.append((line, _path_str(at), bad.group(), bad.start()))
    if not found:
        return
    line, where, char, pos = min(found)
    what = (
        "a lone surrogate, which UTF-8 text cannot hold"
        if "\ud800" <= char <= "\udfff"
        else "a control character"
    )
    raise CaseFileError(
        f"The field {where} ({source}, line {line}) holds a character that is not "
        f"text: U+{ord(char):04X} at position {pos + 1}, {what} (written as an "
        "escape in a double-quoted string). Remove it, or write the character "
        "meant as plain UTF-8 text.",
        path=source,
        line=line,
        field=where,
    )
