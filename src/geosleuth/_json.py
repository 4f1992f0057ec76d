"""JSON read from files, with every way it can fail as a ``json.JSONDecodeError``.

:func:`json.loads` raises a plain ``ValueError`` for an integer of more than
4,300 digits and a ``RecursionError`` for arrays nested thousands deep; the
callers that read an ``estimate.json``, a reading or a GeoJSON file catch
``json.JSONDecodeError`` (or ``ValueError``) to say in one line that the file is
not valid JSON. :func:`loads` raises :class:`UnreadableJSON`, a
``JSONDecodeError``, for those two as well.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["UnreadableJSON", "loads"]


class UnreadableJSON(json.JSONDecodeError):
    """JSON that parses in principle but not here: a huge number, deep nesting.

    Examples
    --------
    >>> str(UnreadableJSON("it nests too deeply to read", "[[[["))
    'it nests too deeply to read'
    """

    def __init__(self, msg: str, doc: str) -> None:
        super().__init__(msg, doc, 0)
        self.args = (msg,)

    def __str__(self) -> str:
        return self.msg


def loads(text: str) -> Any:
    """:func:`json.loads`, raising only ``json.JSONDecodeError`` on bad text.

    Examples
    --------
    >>> loads('{"n": 1}')
    {'n': 1}
    >>> loads('{"n": ' + "1" * 5000 + "}")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    geosleuth._json.UnreadableJSON: it holds a number too long to read (over 4,300 ...
    >>> loads("[" * 100_000 + "]" * 100_000)
    Traceback (most recent call last):
    ...
    geosleuth._json.UnreadableJSON: it nests too deeply to read
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except RecursionError:
        raise UnreadableJSON("it nests too deeply to read", text) from None
    except ValueError as exc:  # int() past sys.get_int_max_str_digits()
        raise UnreadableJSON(
            "it holds a number too long to read (over 4,300 digits)"
            if "digits" in str(exc)
            else f"it cannot be read ({exc})",
            text,
        ) from None
