"""The service's users: who may call it, and under which name their changes are kept.

A token file (``geosleuth serve --token-file FILE``) holds one user a line::

    # name   token
    ana      4f0c1d...e9
    ben      77a2b8...01

A file of one line with one word is a token without a name; its user is called
``team`` (the one-token files of earlier versions are read so). Blank lines and
lines starting with ``#`` are skipped. A name is 1-40 ASCII letters, digits,
``_`` or ``-``; a token is one word of printable ASCII, at least
:data:`MIN_TOKEN_CHARS` characters (make one with ``python -c "import secrets;
print(secrets.token_urlsafe(24))"``). Names and tokens must each be unique, and a
file with several users names each one (a word alone among named lines is more
likely a name whose token was forgotten than a token). Every change the service
makes is kept in its case's log under the user who asked for it
(:meth:`geosleuth.service.store.CaseStore.log`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from geosleuth.errors import InputError

__all__ = ["MIN_TOKEN_CHARS", "UNNAMED", "check_users", "parse_users", "read_users"]

#: The user of a token given without a name.
UNNAMED = "team"
#: The shortest token a token file may hold: a short token can be guessed.
MIN_TOKEN_CHARS = 16

_NAME = re.compile(r"[A-Za-z0-9_-]{1,40}")


def _collect(
    entries: Iterable[tuple[str, str, int | None]], where: str, *, ascii_only: bool
) -> dict[str, str]:
    """Name → token from (name, token, line) entries; InputError naming the line.

    ``where`` names what the entries come from ("the token file"). A token file's
    tokens must be ASCII (``ascii_only``), as they are sent in an HTTP header; a
    program may give others, which a browser can still send through ``/login``.
    """
    users: dict[str, str] = {}
    seen: dict[str, str] = {}  # token -> the user who has it

    for name, token, line in entries:
        loc = f" (line {line} of {where})" if line else ""
        if not _NAME.fullmatch(name):
            raise InputError(
                "A user's name must be 1-40 ASCII letters, digits, '_' or '-'. "
                f"Got {name[:60]!r}{loc}.",
                line=line,
                field="users",
            )
        if (
            not token
            or (ascii_only and not token.isascii())
            or not token.isprintable()
            or any(c.isspace() for c in token)
        ):
            raise InputError(
                f"The token of {name!r}{loc} must be one word of printable "
                + (
                    "ASCII characters (it is sent in an HTTP header)."
                    if ascii_only
                    else "characters."
                ),
                line=line,
                field="users",
            )
        if name in users:
            again = (
                "name each token ('NAME TOKEN')"
                if name == UNNAMED
                else "each user has one token"
            )
            raise InputError(
                f"The user {name!r} is given twice{loc}; {again}.",
                line=line,
                field="users",
            )
        if token in seen:
            raise InputError(
                f"The user {name!r}{loc} has the token of {seen[token]!r}; each "
                "user needs a token of their own.",
                line=line,
                field="users",
            )
        users[name], seen[token] = token, name
    if not users:
        raise InputError(f"There is no token in {where}.", field="users")
    return users


def parse_users(text: str) -> dict[str, str]:
    r"""The users in a token file's text: each name and its token.

    Returns
    -------
    dict of str to str
        Name → token, in the file's order.

    Raises
    ------
    InputError
        Naming the line, for a malformed line, a name or token given twice, or a
        file with no token.

    Examples
    --------
    >>> parse_users("# the team\nana 4f0c1d9e-s3cret-1\nben\t77a2b8d1-s3cret-2\n")
    {'ana': '4f0c1d9e-s3cret-1', 'ben': '77a2b8d1-s3cret-2'}
    >>> parse_users("  abc123XYZ-0123456789\n")
    {'team': 'abc123XYZ-0123456789'}
    >>> parse_users("ana 4f0c1d9e-s3cret-1\nben\n")
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: Line 2 of the token file has one word among several ...
    """
    entries = []
    for number, raw in enumerate(text.splitlines(), 1):
        words = raw.split()
        if not words or words[0].startswith("#"):
            continue
        if len(words) > 2:
            raise InputError(
                f"Line {number} of the token file must be 'NAME TOKEN' or a token "
                f"alone; it has {len(words)} words.",
                line=number,
                field="users",
            )
        entries.append((words[0] if len(words) == 2 else None, words[-1], number))
    lone = [n for name, _, n in entries if name is None]
    if lone and len(entries) > 1:
        raise InputError(
            f"Line {lone[0]} of the token file has one word among several users: "
            "write each as 'NAME TOKEN' (a lone word could be a name whose token "
            "was left out, and would work as a token).",
            line=lone[0],
            field="users",
        )
    for _, token, number in entries:
        if len(token) < MIN_TOKEN_CHARS:
            raise InputError(
                f"The token on line {number} of the token file has {len(token)} "
                f"characters; give at least {MIN_TOKEN_CHARS}, e.g. from python -c "
                '"import secrets; print(secrets.token_urlsafe(24))".',
                line=number,
                field="users",
            )
    named = [(name or UNNAMED, token, n) for name, token, n in entries]
    return _collect(named, "the token file", ascii_only=True)


def check_users(users: dict[str, str]) -> dict[str, str]:
    """``users`` (name → token) checked as :func:`parse_users` checks a file.

    Surrounding blanks of a token are dropped. The file's shortest token
    (:data:`MIN_TOKEN_CHARS`) is not asked of a program's tokens.

    Raises
    ------
    InputError
        For no user, a malformed name or token, or a token given twice.

    Examples
    --------
    >>> check_users({"ana": " s3cret "})
    {'ana': 's3cret'}
    >>> check_users({"ana": "x", "ben": "x"})
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: The user 'ben' has the token of 'ana'; each ...
    """
    if not isinstance(users, dict):
        raise InputError("The users must be a mapping of name to token.", field="users")
    entries = []
    for name, token in users.items():
        if not isinstance(name, str) or not isinstance(token, str):
            raise InputError(
                f"Each user needs a name and a token, as text. Got {name!r:.60}.",
                field="users",
            )
        entries.append((name, token.strip(), None))
    return _collect(entries, "the users given", ascii_only=False)


def read_users(path: Path) -> dict[str, str]:
    """The users in the token file ``path`` (see :func:`parse_users`).

    Raises
    ------
    InputError
        If the file is not UTF-8 text, or as :func:`parse_users`; the error
        names the file (its ``path``), the message names the line.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError("The token file is not UTF-8 text.", path=str(path)) from None
    try:
        return parse_users(text)
    except InputError as exc:
        exc.path = str(path)  # shown after the message: 'InputError: ... (FILE:3)'
        raise
