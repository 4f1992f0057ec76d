"""Evidence added to a case file: a search that found nothing, appended under a lock.

:func:`append_items` adds items to a case file's evidence list, keeping the
rest of its text (``geosleuth searched``, the service's searches);
:func:`search_item` makes the analyst's own item of a search, and
:func:`search_vs_as_of` says how recorded searches stand to the case's
``as_of``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from geosleuth.casefile import Case, dump_item_yaml, parse_case
from geosleuth.dependence import OWN_DOCUMENT
from geosleuth.errors import CaseFileError
from geosleuth.evidence import (
    EvidenceItem,
    Provenance,
    Searched,
    later_that_day,
    time_of,
)
from geosleuth.geometry import Geometry
from geosleuth.report import files

__all__ = [
    "append_items",
    "search_item",
    "search_vs_as_of",
]


_Item = TypeVar("_Item", bound=EvidenceItem)


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path``'s folder (POSIX; elsewhere, no lock).

    The folder, not the file: the file is replaced by a rename, so a lock on it
    would be on the old file. Two ``searched`` runs on one case then take turns
    instead of each writing back the text it read, losing the other's item.
    The lock is :func:`geosleuth.report.files.folder_exclusively`'s, which the
    atomic writes in that folder know of (they hold a shared one otherwise).
    """
    with files.folder_exclusively(path.resolve().parent):
        yield


def append_items(
    case_path: Path, build: Callable[[Case], Sequence[_Item]]
) -> list[_Item]:
    """Append items to a case file's evidence list, keeping the rest of the text.

    ``build`` gets the case as it is on disk (read under a lock on its folder, so
    concurrent appends queue) and returns the items to add, e.g. with ids not yet
    taken. The new text is validated by parsing the whole case before anything is
    written, and the file is replaced atomically: on any error the file is left as
    it was. Line endings (CRLF or LF) stay as the file has them. A case with no
    evidence yet (``evidence: []``) gets its list there, one item per ``- `` line.
    """
    import yaml

    with _locked(case_path):
        raw = case_path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CaseFileError(
                f"The case file {case_path} is not UTF-8 text (byte {exc.start}).",
                path=str(case_path),
            ) from None
        crlf = "\r\n" in text
        text = text.replace("\r\n", "\n")
        items = list(build(parse_case(text, source=str(case_path))))
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        seq, key = None, None
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if k.value == "evidence" and isinstance(v, yaml.SequenceNode):
                    seq, key = v, k
        if seq is None or key is None or (seq.flow_style and seq.value):
            raise CaseFileError(
                f"The case file {case_path} has no block list under 'evidence' to "
                "append to (write it with one item per '- ' line).",
                path=str(case_path),
            )
        if seq.value:
            indent = seq.value[0].start_mark.column - 2
        else:  # 'evidence: []', a case with none yet: the list starts here
            indent = key.start_mark.column + 2
        block = "".join(
            " " * indent + line + "\n" if line else "\n"
            for item in items
            for line in dump_item_yaml(item).rstrip("\n").split("\n")
        )
        if not seq.value:
            start, end = seq.start_mark.index, seq.end_mark.index
            eol = text.find("\n", end)
            eol = len(text) if eol < 0 else eol
            # 'evidence: []  # none yet' -> 'evidence:  # none yet', then the items
            new_text = (
                text[:start].rstrip(" \t") + text[end:eol] + "\n" + block
                + text[eol + 1 :]
            )  # fmt: skip
        else:
            lines = text.splitlines(keepends=True)
            end_line = seq.end_mark.line
            if seq.end_mark.column > 0:
                end_line += 1
            if lines and not lines[-1].endswith("\n"):
                lines[-1] += "\n"
            new_text = "".join(lines[:end_line]) + block + "".join(lines[end_line:])
        parse_case(new_text, source=str(case_path))
        if crlf:
            new_text = new_text.replace("\n", "\r\n")
        files.write_atomic(case_path, new_text.encode("utf-8"))
    return items


def search_vs_as_of(
    searches: Sequence[EvidenceItem], as_of: dt.date | None
) -> str | None:
    """How recorded ``searches`` stand to the case's ``as_of``, for a note.

    ``"after"`` when one is dated after it, or timed after its time of day on
    its day (an estimate leaves it out); ``"untimed"`` when the as-of has a
    time and a search of that day has none (an estimate counts it as made by
    then); None otherwise. The CLI and the service word the note each their way.

    Examples
    --------
    >>> from geosleuth.evidence import AsOf, Provenance, Searched
    >>> from geosleuth.geometry import Point
    >>> s = Searched(id="s", provenance=Provenance(document="log"),
    ...              date=dt.date(2024, 10, 13), area=Point(0.0, 0.0), buffer_km=1.0,
    ...              pd=0.5)
    >>> nine = AsOf(2024, 10, 13, dt.time(9, 0))
    >>> search_vs_as_of([s], nine), search_vs_as_of([s], dt.date(2024, 10, 13))
    ('untimed', None)
    >>> from dataclasses import replace
    >>> search_vs_as_of([replace(s, time=dt.time(10, 0))], nine)
    'after'
    """
    if as_of is None:
        return None
    if any(i.date > as_of or later_that_day(i, as_of) for i in searches):
        return "after"
    if time_of(as_of) is not None and any(
        i.time is None and i.date == as_of for i in searches
    ):
        return "untimed"
    return None


def search_item(
    item_id: str,
    *,
    day: dt.date,
    area: Geometry,
    pd: float,
    buffer_km: float,
    speaker: str,
    note: str = "",
    detail: str = "",
    time: dt.time | None = None,
) -> Searched:
    """A search that found nothing, as the analyst's own case-file item.

    ``note`` defaults to "Searched by <speaker>; nothing found."; ``detail`` is
    added after it (a plan's cells and their planned POD). ``time`` is the time
    of day of the search, if known (the case's one clock).

    Examples
    --------
    >>> from geosleuth.geometry import Point
    >>> it = search_item("s1", day=dt.date(2024, 10, 13), area=Point(-4.0, 53.1),
    ...                  pd=0.6, buffer_km=0.5, speaker="MRT 3")
    >>> it.note, it.provenance.document, it.provenance.speaker_role
    ('Searched by MRT 3; nothing found.', 'case file', 'searcher')
    """
    text = note or f"Searched by {speaker}; nothing found."
    return Searched(
        id=item_id,
        provenance=Provenance(
            document=OWN_DOCUMENT, speaker=speaker, speaker_role="searcher"
        ),
        date=day,
        time=time,
        area=area,
        pd=float(pd),
        buffer_km=buffer_km,
        note=f"{text} {detail}" if detail else text,
    )
