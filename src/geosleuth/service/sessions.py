"""Browser sessions for a service with a token: a login form and a signed cookie.

A browser cannot send ``Authorization: Bearer <token>`` from a link, so with a
token the pages and reports would be out of reach. ``/login`` takes a user's token
once from a form and sets a cookie that stands for that user for
:data:`SESSION_SECONDS`::

    geosleuth_session=<expiry>.<user>.<HMAC-SHA256(token, "session:<user>:<expiry>")>

with the expiry in Unix seconds and ``token`` the user's own (see
:mod:`geosleuth.service.users`). The cookie holds no token (whoever reads it cannot
call the API with a header), it cannot be forged, extended or moved to another
user without that user's token, and it is ``HttpOnly`` and ``SameSite=Strict``
(``Secure`` over https), so another site's page can neither read it nor make the
browser send it; the service also refuses changes that a browser says come from
another site.

The server keeps no sessions: ``POST /logout`` clears the cookie in the browser
that sends it, but a copy of the cookie taken before stays valid until it expires
(at most :data:`SESSION_SECONDS`). Changing a user's token (and restarting the
service) ends that user's sessions; removing the user ends them too.

The cookie names the user, not their role: the service looks the role up in its
users at each request, so a user made a viewer in the token file (and the service
restarted) can no longer change the cases with a cookie taken before.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Mapping

__all__ = ["COOKIE", "SESSION_SECONDS", "cookie_header", "session_cookie", "user_of"]

#: Name of the session cookie.
COOKIE = "geosleuth_session"
#: How long a login lasts.
SESSION_SECONDS = 12 * 3600


def _mac(token: bytes, user: str, expires: int) -> str:
    message = f"session:{user}:{expires}".encode()
    return hmac.new(token, message, hashlib.sha256).hexdigest()


def session_cookie(token: bytes, user: str, *, now: float | None = None) -> str:
    """A cookie value that stands for ``user`` until :data:`SESSION_SECONDS` on.

    ``token`` is the user's token; ``user`` is a name as
    :func:`geosleuth.service.users.parse_users` allows (no dots).

    Examples
    --------
    >>> users = {"ana": b"s3cret", "ben": b"other"}
    >>> value = session_cookie(b"s3cret", "ana", now=1_000)
    >>> value.split(".")[:2], b"s3cret" in value.encode()
    (['44200', 'ana'], False)
    >>> user_of(value, users, now=2_000)
    'ana'
    >>> user_of(value.replace(".ana.", ".ben."), users, now=2_000) is None
    True
    >>> user_of(value, users, now=44_201) is None  # expired
    True
    """
    expires = int(now if now is not None else time.time()) + SESSION_SECONDS
    return f"{expires}.{user}.{_mac(token, user, expires)}"


def user_of(
    value: str, tokens: Mapping[str, bytes], *, now: float | None = None
) -> str | None:
    """The user a cookie value stands for, or None.

    ``tokens`` maps each user to their token. None unless the value was made
    with that user's token and has not expired; anything malformed is None.

    Examples
    --------
    >>> user_of("\N{SUPERSCRIPT TWO}.ana.abc", {"ana": b"s3cret"}) is None
    True
    """
    head, _, rest = value.partition(".")
    user, _, mac = rest.rpartition(".")
    # isdigit() alone takes '²', which int() refuses
    if not (head.isascii() and head.isdigit()) or len(head) > 12:
        return None
    token = tokens.get(user)
    if token is None:
        return None
    expires = int(head)
    if expires < (now if now is not None else time.time()):
        return None
    if not hmac.compare_digest(mac.encode(), _mac(token, user, expires).encode()):
        return None
    return user


def cookie_header(value: str, *, secure: bool, max_age: int = SESSION_SECONDS) -> str:
    """The ``Set-Cookie`` header of a session (``max_age=0`` ends it).

    Examples
    --------
    >>> cookie_header("", secure=False, max_age=0)  # the value that ends a session
    'geosleuth_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict'
    """
    flags = "; Secure" if secure else ""
    return (
        f"{COOKIE}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Strict{flags}"
    )
