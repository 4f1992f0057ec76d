"""How a message quotes a value the user gave (review r60, L5).

One rule for the command line, the case file's checks and the service, so a
name is quoted alike wherever it is said back.
"""

from __future__ import annotations

__all__ = ["quoted"]


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
