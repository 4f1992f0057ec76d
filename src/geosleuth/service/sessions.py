"""Browser sessions for a service with a token: a login form and a signed cookie.

A browser cannot send ``Authorization: Bearer <token>`` from a link, so with a
token the pages and reports would be out of reach. ``/login`` takes the token once
from a form and sets a cookie that stands for it for :data:`SESSION_SECONDS`:

    geosleuth_session=<expiry, Unix seconds>.<HMAC-SHA256(token, "session:<expiry>")>

The cookie holds no token (whoever reads it cannot call the API with a header), it
cannot be forged or extended without the token, and it is ``HttpOnly`` and
``SameSite=Strict`` (``Secure`` over https), so another site's page can neither
read it nor make the browser send it; the service also refuses changes that a
browser says come from another site.

The server keeps no sessions: ``POST /logout`` clears the cookie in the browser
that sends it, but a copy of the cookie taken before stays valid until it expires
(at most :data:`SESSION_SECONDS`). Changing the token (and restarting the service)
ends every session at once.
"""

from __future__ import annotations

import hashlib
import hmac
import time

__all__ = ["COOKIE", "SESSION_SECONDS", "cookie_header", "session_cookie", "valid"]

#: Name of the session cookie.
COOKIE = "geosleuth_session"
#: How long a login lasts.
SESSION_SECONDS = 12 * 3600


def _mac(token: bytes, expires: int) -> str:
    return hmac.new(token, f"session:{expires}".encode(), hashlib.sha256).hexdigest()


def session_cookie(token: bytes, *, now: float | None = None) -> str:
    """A cookie value that stands for ``token`` until :data:`SESSION_SECONDS` on.

    Examples
    --------
    >>> value = session_cookie(b"s3cret", now=1_000)
    >>> value.split(".")[0], b"s3cret" in value.encode()
    ('44200', False)
    >>> valid(value, b"s3cret", now=2_000), valid(value, b"other", now=2_000)
    (True, False)
    >>> valid(value, b"s3cret", now=44_201)  # expired
    False
    """
    expires = int(now if now is not None else time.time()) + SESSION_SECONDS
    return f"{expires}.{_mac(token, expires)}"


def valid(value: str, token: bytes, *, now: float | None = None) -> bool:
    """Whether a cookie value was made with ``token`` and has not expired.

    Anything else, however malformed, is False.

    Examples
    --------
    >>> valid("\N{SUPERSCRIPT TWO}.abc", b"s3cret")
    False
    """
    head, _, mac = value.partition(".")
    # isdigit() alone takes '²', which int() refuses
    if not (head.isascii() and head.isdigit()) or len(head) > 12:
        return False
    expires = int(head)
    if expires < (now if now is not None else time.time()):
        return False
    return hmac.compare_digest(mac.encode(), _mac(token, expires).encode())


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
