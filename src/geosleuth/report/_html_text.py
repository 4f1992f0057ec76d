r"""Text helpers of the HTML report: escaping, script-safe JSON and number formats.

Everything that comes from documents or case files goes through :func:`esc` where it
goes into HTML, and the data handed to the map script through :func:`script_json`,
which writes ``<``, ``>`` and ``&`` as ``\u003c``-style escapes so that no string can
close the ``<script>`` element.
"""

from __future__ import annotations

import html
import json
import math
from typing import Any

from geosleuth.report.text import km2, pct, plain

__all__ = ["bdi", "esc", "finite", "fmt", "km2", "pct", "script_json"]


def esc(value: Any) -> str:
    """Escape any value for HTML text or a quoted attribute, without bidi controls.

    The controls that reorder text (U+202A–202E, U+2066–2069, the marks) are
    dropped (:func:`geosleuth.report.text.plain`): an unterminated override in a
    name would otherwise reverse the figures after it.

    Examples
    --------
    >>> esc('<b>Trento\u202e</b>')
    '&lt;b&gt;Trento&lt;/b&gt;'
    """
    return html.escape(plain(value), quote=True)


def bdi(value: Any) -> str:
    """Untrusted inline text, escaped and isolated from the text around it.

    A right-to-left name (Arabic, Hebrew) in ``<bdi>`` cannot carry the
    figures after it into its own direction.

    Examples
    --------
    >>> bdi("Hajin & co")
    '<bdi>Hajin &amp; co</bdi>'
    """
    return f"<bdi>{esc(value)}</bdi>"


def script_json(data: Any) -> str:
    """JSON that is safe inside a ``<script>`` element."""
    text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def finite(x: float, nd: int = 6) -> float | None:
    return round(float(x), nd) if math.isfinite(x) else None


def fmt(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.4g}" if math.isfinite(v) else "–"
    return str(v)
