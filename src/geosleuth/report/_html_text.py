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

__all__ = ["esc", "finite", "fmt", "km2", "pct", "script_json"]


def esc(value: Any) -> str:
    """Escape any value for HTML text or a quoted attribute."""
    return html.escape("" if value is None else str(value), quote=True)


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


def pct(p: float) -> str:
    if not math.isfinite(p):
        return "–"
    if p <= 0:
        return "0 %"
    if p < 0.001:
        return "< 0.1 %"
    if p > 0.999 and p < 1:
        return "> 99.9 %"
    return f"{100 * p:.1f} %"


def km2(a: float) -> str:
    return f"{a:,.0f} km²" if math.isfinite(a) else "–"


def finite(x: float, nd: int = 6) -> float | None:
    return round(float(x), nd) if math.isfinite(x) else None


def fmt(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.4g}" if math.isfinite(v) else "–"
    return str(v)
