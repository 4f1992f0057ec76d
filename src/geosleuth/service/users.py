"""The service's users: who may call it, what they may do, and under which name.

A token file (``geosleuth serve --token-file FILE``) holds one user a line, with
an optional role and an optional list of the cases they may reach::

    # name   token          role     cases
    ana      4f0c1d...e9
    ben      77a2b8...01    editor
    cleo     9b31e0...7c    viewer
    dan      e5a90c...44    editor   cases=falcon-*,owl

=========  ==================================================================
role       may
=========  ==================================================================
``viewer`` read everything: the cases, their pages, reports, estimates and logs
``editor`` also change the cases: create one, upload or remove a report, put one
           back, replace the case file, run an estimate, record a search (the
           role of a line that names none, so older files keep their rights)
=========  ==================================================================

A user with ``cases=`` (comma-separated case ids, or shell-style patterns of them
such as ``falcon-*``) reaches only those cases: the others are, to them, not there
(not listed, 404), and a case they create must get an id they reach (else 403).
Without it, a user reaches every case. Case ids are made from case titles
(:func:`geosleuth.service.store.case_slug`): a case titled "Falcon: the port" is
``falcon-the-port``.

The service refuses a viewer's changes with 403 (see
:class:`geosleuth.service._http.TokenGate`). It reads the roles when it starts:
a browser's session names its user, never the role, so a user moved to
``viewer`` in the file is one from the next start, with no new login.

A file of one line with one word is a token without a name; its user is called
``team``, an editor (the one-token files of earlier versions are read so). Blank
lines and lines starting with ``#`` are skipped. A name is 1-40 ASCII letters,
digits, ``_`` or ``-``; a token is one word of printable ASCII, at least
:data:`MIN_TOKEN_CHARS` characters (make one with ``python -c "import secrets;
print(secrets.token_urlsafe(24))"``); a role is one of :data:`ROLES`, in lower
case; a pattern is 1-64 lower-case ASCII letters, digits, ``-``, ``*`` or
``?``. Names and tokens must each be unique, and a file with several users names
each one (a word alone among named lines is more likely a name whose token was
forgotten than a token). Every change the service makes is kept in its case's log
under the user who asked for it (:meth:`geosleuth.service.store.CaseStore.log`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from geosleuth.errors import InputError

__all__ = [
    "DEFAULT_ROLE",
    "EDITOR",
    "MIN_TOKEN_CHARS",
    "ROLES",
    "ALL_CASES",
    "UNNAMED",
    "VIEWER",
    "Role",
    "User",
    "check_users",
    "parse_users",
    "read_users",
    "token_file_warning",
]

#: What a user may do: read the cases (``viewer``), or change them too (``editor``).
Role = Literal["viewer", "editor"]
#: The role that may only read.
VIEWER: Role = "viewer"
#: The role that may change the cases.
EDITOR: Role = "editor"
#: The roles, from the least allowed.
ROLES: tuple[Role, ...] = (VIEWER, EDITOR)
#: The role of a user whose line names none, and of a token given alone.
DEFAULT_ROLE: Role = EDITOR
#: The user of a token given without a name.
UNNAMED = "team"
#: The shortest token a token file may hold: a short token can be guessed.
MIN_TOKEN_CHARS = 16

_NAME = re.compile(r"[A-Za-z0-9_-]{1,40}")
#: A pattern of case ids (the ids are lower-case letters, digits and '-').
_PATTERN = re.compile(r"[a-z0-9*?-]{1,64}")
#: The cases of a user whose line names none: every case.
ALL_CASES: tuple[str, ...] = ("*",)
_CASES_PREFIX = "cases="


def _role_error(role: object, who: str, line: int | None = None) -> InputError:
    """The error for a role that is not one of :data:`ROLES` (``who``: its user)."""
    return InputError(
        f"The role of {who} must be {' or '.join(map(repr, ROLES))} "
        f"({DEFAULT_ROLE!r} when left out). Got {role!r:.60} instead.",
        line=line,
        field="users",
    )


@dataclass(frozen=True, slots=True)
class User:
    """A user's token and role (the name is the key it is kept under).

    The token is left out of the ``repr``, so that a user printed or logged
    does not show it.

    Parameters
    ----------
    token : str
        What the user sends (``Authorization: Bearer <token>``) or types at
        ``/login``.
    role : {"viewer", "editor"}, default "editor"
        What the user may do (:data:`ROLES`).
    cases : tuple of str, default ("*",)
        The ids of the cases the user may reach, or shell-style patterns of them
        (``"falcon-*"``); :data:`ALL_CASES` for every case.

    Raises
    ------
    InputError
        For a token that is not text, a role that is not one of :data:`ROLES`, or
        no case pattern, or one that is not 1-64 of ``a-z 0-9 - * ?``.

    Examples
    --------
    >>> User("4f0c1d9e-s3cret-1", role="viewer")
    User(role='viewer')
    >>> User("4f0c1d9e-s3cret-1").may_change
    True
    >>> User("4f0c1d9e-s3cret-1", cases=("falcon-*",))
    User(role='editor', cases=('falcon-*',))
    >>> User("4f0c1d9e-s3cret-1", role="admin")
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: The role of a user must be 'viewer' or 'editor' ...
    """

    token: str = field(repr=False)
    role: Role = DEFAULT_ROLE
    cases: tuple[str, ...] = ALL_CASES

    def __post_init__(self) -> None:
        if not isinstance(self.token, str):
            raise InputError("A user's token must be text.", field="users")
        if self.role not in ROLES:
            raise _role_error(self.role, "a user")
        _check_cases(self.cases, "a user")

    def __repr__(self) -> str:
        more = "" if self.reaches_all else f", cases={self.cases!r}"
        return f"User(role={self.role!r}{more})"

    @property
    def reaches_all(self) -> bool:
        """Whether the user may reach every case (no ``cases=``, or ``*``)."""
        return "*" in self.cases

    @property
    def may_change(self) -> bool:
        """Whether the user may change the cases (an editor), not only read them."""
        return self.role == EDITOR


def _check_cases(cases: object, who: str, line: int | None = None) -> tuple[str, ...]:
    """``cases`` checked: a non-empty tuple of patterns of case ids."""
    where = f" (line {line} of the token file)" if line else ""
    if (
        not isinstance(cases, tuple)
        or not cases
        or not all(isinstance(p, str) and _PATTERN.fullmatch(p) for p in cases)
    ):
        raise InputError(
            f"The cases of {who}{where} must be case ids or patterns of them, each "
            "1-64 of a-z, 0-9, '-', '*' or '?', separated by commas (e.g. "
            f"'cases=falcon-*,owl'). Got {cases!r:.80} instead.",
            line=line,
            field="users",
        )
    return cases


def _collect(
    entries: Iterable[tuple[str, str, str, tuple[str, ...], int | None]],
    where: str,
    *,
    ascii_only: bool,
) -> dict[str, User]:
    """Name → user from (name, token, role, cases, line); InputError naming the line.

    ``where`` names what the entries come from ("the token file"). A token file's
    tokens must be ASCII (``ascii_only``), as they are sent in an HTTP header; a
    program may give others, which a browser can still send through ``/login``.
    """
    users: dict[str, User] = {}
    seen: dict[str, str] = {}  # token -> the user who has it

    for name, token, role, cases, line in entries:
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
        if role not in ROLES:
            raise _role_error(role, f"{name!r}{loc}", line)
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
        _check_cases(cases, repr(name), line)
        users[name] = User(token, role, cases)
        seen[token] = name
    if not users:
        raise InputError(f"There is no token in {where}.", field="users")
    return users


def parse_users(text: str) -> dict[str, User]:
    r"""The users in a token file's text: each name, token, role and cases.

    A line is ``NAME TOKEN [ROLE] [cases=PATTERN,...]`` or, in a file of one user,
    a token alone (the user :data:`UNNAMED`); the role is :data:`DEFAULT_ROLE` and
    the cases :data:`ALL_CASES` when left out.

    Returns
    -------
    dict of str to User
        Name → :class:`User`, in the file's order.

    Raises
    ------
    InputError
        Naming the line, for a malformed line, a role that is not one of
        :data:`ROLES`, a name or token given twice, or a file with no token.

    Examples
    --------
    >>> users = parse_users(
    ...     "# the team\nana 4f0c1d9e-s3cret-1\nben\t77a2b8d1-s3cret-2  viewer\n"
    ... )
    >>> users
    {'ana': User(role='editor'), 'ben': User(role='viewer')}
    >>> users["ben"].token
    '77a2b8d1-s3cret-2'
    >>> parse_users("  abc123XYZ-0123456789\n")
    {'team': User(role='editor')}
    >>> parse_users("dan e5a90c44-s3cret-3 cases=falcon-*,owl\n")
    {'dan': User(role='editor', cases=('falcon-*', 'owl'))}
    >>> parse_users("ana 4f0c1d9e-s3cret-1\nben\n")
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: Line 2 of the token file has one word among several ...
    >>> parse_users("ana 4f0c1d9e-s3cret-1 Viewer\n")
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: The role of 'ana' (line 1 of the token file) ...
    """
    entries = []
    for number, raw in enumerate(text.splitlines(), 1):
        words = raw.split()
        if not words or words[0].startswith("#"):
            continue
        cases = ALL_CASES
        if len(words) > 2 and words[-1].startswith(_CASES_PREFIX):
            listed = words.pop()[len(_CASES_PREFIX) :]
            cases = tuple(listed.split(","))
            who = repr(words[0]) if len(words) > 1 else "the user"
            _check_cases(cases, who, number)
        if len(words) > 3 or any(w.startswith(_CASES_PREFIX) for w in words):
            raise InputError(
                f"Line {number} of the token file must be 'NAME TOKEN', 'NAME TOKEN "
                "ROLE', either with 'cases=...' last, or a token alone; it has "
                f"{len(words)} words.",
                line=number,
                field="users",
            )
        name = words[0] if len(words) > 1 else None
        token = words[1] if len(words) > 1 else words[0]
        role = words[2] if len(words) > 2 else DEFAULT_ROLE
        entries.append((name, token, role, cases, number))
    lone = [n for name, _, _, _, n in entries if name is None]
    if lone and len(entries) > 1:
        raise InputError(
            f"Line {lone[0]} of the token file has one word among several users: "
            "write each as 'NAME TOKEN' (a lone word could be a name whose token "
            "was left out, and would work as a token).",
            line=lone[0],
            field="users",
        )
    for _, token, _, _, number in entries:
        if token in ROLES:  # 'ana viewer 4f0c...' or 'ana viewer'
            raise InputError(
                f"The token on line {number} of the token file is the role "
                f"{token!r}: write 'NAME TOKEN ROLE', the role last.",
                line=number,
                field="users",
            )
        if len(token) < MIN_TOKEN_CHARS:
            raise InputError(
                f"The token on line {number} of the token file has {len(token)} "
                f"characters; give at least {MIN_TOKEN_CHARS}, e.g. from python -c "
                '"import secrets; print(secrets.token_urlsafe(24))".',
                line=number,
                field="users",
            )
    named = [
        (name or UNNAMED, token, role, cases, n)
        for name, token, role, cases, n in entries
    ]
    return _collect(named, "the token file", ascii_only=True)


def check_users(users: Mapping[str, str | User]) -> dict[str, User]:
    """``users`` (name → token, or name → :class:`User`) checked as a file is.

    A token alone is an editor's (:data:`DEFAULT_ROLE`); give a :class:`User` for
    another role. Surrounding blanks of a token are dropped. The file's shortest
    token (:data:`MIN_TOKEN_CHARS`) is not asked of a program's tokens.

    Raises
    ------
    InputError
        For no user, a malformed name or token, or a token given twice.

    Examples
    --------
    >>> check_users({"ana": " s3cret ", "ben": User("other", role="viewer")})
    {'ana': User(role='editor'), 'ben': User(role='viewer')}
    >>> check_users({"ana": "x", "ben": User("x")})
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: The user 'ben' has the token of 'ana'; each ...
    """
    if not isinstance(users, Mapping):
        raise InputError(
            "The users must be a mapping of name to token (or to a User).",
            field="users",
        )
    entries = []
    for name, given in users.items():
        user = User(given) if isinstance(given, str) else given
        if not isinstance(name, str) or not isinstance(user, User):
            raise InputError(
                "Each user needs a name, as text, and a token, as text or in a "
                f"User. Got {name!r:.60}.",
                field="users",
            )
        entries.append((name, user.token.strip(), user.role, user.cases, None))
    return _collect(entries, "the users given", ascii_only=False)


def read_users(path: Path) -> dict[str, User]:
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


def token_file_warning(path: Path) -> str | None:
    r"""What to say when other accounts may read or change the token file; else None.

    Anyone who reads it has every user's token, and anyone who may write it may
    add their own: as ``ssh`` does of a private key, a file with any of the
    group's or others' permission bits is warned of, with the ``chmod`` that
    closes it. None on a platform without such modes (Windows).

    Examples
    --------
    >>> import os, tempfile
    >>> path = Path(tempfile.mkdtemp()) / "tokens"
    >>> _ = path.write_text("ana 4f0c1d9e-s3cret-1\n")
    >>> path.chmod(0o644)
    >>> token_file_warning(path).endswith(f"chmod 600 {path}")
    True
    >>> path.chmod(0o600)
    >>> token_file_warning(path) is None
    True
    """
    import os
    import shlex
    import stat

    if os.name != "posix":
        return None
    mode = stat.S_IMODE(path.stat().st_mode)
    if not mode & 0o077:
        return None
    how = " and ".join(
        word for word, bits in (("read", 0o044), ("changed", 0o022)) if mode & bits
    )
    return (
        f"The token file {path} can be {how or 'opened'} by other accounts on this "
        "machine "
        f"(mode {mode:04o}), and with a token anyone can act as its user. Make "
        f"it yours alone: chmod 600 {shlex.quote(str(path))}"
    )
