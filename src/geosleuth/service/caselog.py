"""A case's log (``log.jsonl``), read back: one reader for the store and verify.

The store appends a line to it for every change (:meth:`CaseStore.log
<geosleuth.service.store.CaseStore.log>`); the case page and ``GET
/api/cases/{id}/log`` show it (:meth:`CaseStore.history
<geosleuth.service.store.CaseStore.history>`), and ``geosleuth verify`` reads
which reports were read again after a run
(:mod:`geosleuth.cli._verify_sources`). Both read it here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from geosleuth._json import loads

__all__ = ["LOG_NAME", "read_log"]

#: The log's file name in a case's folder.
LOG_NAME = "log.jsonl"


def read_log(path: Path, *, errors: str = "replace") -> list[dict[str, Any]]:
    r"""The entries of the log at ``path``, oldest first (``[]`` if there is none).

    A line that cannot be read (cut short by a crash, not a JSON object, nested
    too deeply) is given as ``{"action": "unreadable", "line": n}`` rather than
    dropped.
    ``errors`` is how bytes that are not UTF-8 are decoded (``"strict"``: a
    UnicodeDecodeError); any OSError but a missing file is raised.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / LOG_NAME
    >>> read_log(path)
    []
    >>> _ = path.write_text('{"action": "created"}\n{"action": "est')
    >>> read_log(path)
    [{'action': 'created'}, {'action': 'unreadable', 'line': 2}]
    """
    try:
        lines = path.read_text(encoding="utf-8", errors=errors).splitlines()
    except FileNotFoundError:
        return []
    out: list[dict[str, Any]] = []
    for number, line in enumerate(lines, 1):
        try:
            entry = loads(line)
        except ValueError:  # a JSONDecodeError, a line nested too deep too
            entry = None
        if not isinstance(entry, dict):
            entry = {"action": "unreadable", "line": number}
        out.append(entry)
    return out
