"""How a message writes a value back: a name the user gave, a distance.

One rule for the command line, the case file's checks and the service, so a
name is quoted, and a distance rounded, alike wherever it is said back.
"""

from __future__ import annotations

__all__ = ["km_text", "quoted"]


def quoted(value: object) -> str:
    """Text quoted for a message, with no backslash (review r60, L5).

    In single quotes; text that holds one goes in double quotes, and text that
    holds both in curly ones. Anything else is written as Python writes it.

    Examples
    --------
    >>> print(quoted("car"), quoted("Zoë O'Brien"), quoted("O'B " + '"Jo"'))
    'car' "Zoë O'Brien" “O'B "Jo"”
    >>> print(quoted(None), quoted(0.5))
    None 0.5
    """
    if not isinstance(value, str):
        return repr(value)
    if "'" not in value:
        return f"'{value}'"
    return f'"{value}"' if '"' not in value else f"“{value}”"


def km_text(km: float) -> str:
    """A distance in km for a message: whole km from 10 km, one decimal below.

    >>> km_text(10_012.4), km_text(2.345)
    ('10,012', '2.3')
    """
    return f"{km:,.0f}" if km >= 10 else f"{km:.1f}"
