"""The events ``geosleuth profile`` reads: bad rows, weights, and what was left out.

:func:`events_of_positive_weight` reads the events CSV, its error for a bad
value saying how to leave such rows out (``--on-invalid``), and drops the
events of weight 0; :func:`check_dpm_weights` refuses, by line, a weight the
DPM cannot take. A column named like a count but not read as weights is said
(:func:`unused_weight_columns`, :func:`unused_weight_note`), and so are the
empty rows skipped (:func:`empty_rows_note`) and the events of weight 0 left
out (:func:`left_out_text`). Used by :mod:`geosleuth.cli.profile`.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import replace
from pathlib import Path
from typing import Literal

import numpy as np

from geosleuth.errors import InputError
from geosleuth.events import EventTable, read_events_csv
from geosleuth.profile import DPMProfiler

__all__ = [
    "OnInvalid",
    "check_dpm_weights",
    "empty_rows_note",
    "events_of_positive_weight",
    "left_out_text",
    "unused_weight_columns",
    "unused_weight_note",
]


def empty_rows_note(lines: tuple[int, ...], name: str) -> str:
    """``"2 empty rows of x.csv skipped (lines 302-303)"`` (review r60, L2).

    Examples
    --------
    >>> empty_rows_note((302, 303), "x.csv")[:51]
    'Note: 2 empty rows of x.csv skipped (lines 302-303)'
    >>> empty_rows_note((5, 9, 10), "x.csv")[:52]
    'Note: 3 empty rows of x.csv skipped (lines 5, 9, 10)'
    """
    n = len(lines)
    if n > 1 and lines[-1] - lines[0] == n - 1:
        where = f"lines {lines[0]}-{lines[-1]}"
    else:
        where = f"line{'s' if n > 1 else ''} " + ", ".join(map(str, lines[:8]))
        where += f" and {n - 8} more" if n > 8 else ""
    return (
        f"Note: {n} empty row{'s' if n > 1 else ''} of {name} skipped ({where}): "
        "rows of empty fields, as a spreadsheet leaves below a table, are no events."
    )


def left_out_text(n_weight_zero: int) -> str:
    """``"3 events of weight 0 left out"``, or ``""`` when there are none."""
    if n_weight_zero == 0:
        return ""
    return (
        f"{n_weight_zero} event{'s' if n_weight_zero > 1 else ''} of weight 0 left out"
    )


OnInvalid = Literal["raise", "warn", "skip"]

#: Column names that hold a weight per event, as a rule (case-insensitive).
#: Words that make a column name weight-like: a count of what happened there,
#: in English, French (cas), Spanish and Portuguese (casos), Italian (casi) and
#: German (Anzahl, Fälle).
_WEIGHT_WORDS = frozenset(
    {
        "weight", "weights", "wt", "count", "counts", "cases", "deaths", "victims",
        "casualties", "incidents", "n", "freq", "frequency", "cas", "casos",
        "casi", "anzahl", "fälle", "faelle",
    }
)  # fmt: skip
#: Words that make it an identifier instead ("case_number", "count_id").
_ID_WORDS = frozenset({"id", "no", "nr", "number", "code", "name", "ref"})
#: "N°", "Nº", "N.", "No.", "Nr.": the row number of a French, Spanish,
#: Italian, Portuguese or German export ("N. caso": the case's number), never
#: a count (review r60, M3).
_NUMBER_SIGN = re.compile(r"\s*n(?:[°º.]|o\.|r\b)", re.IGNORECASE)


def _name_words(name: str) -> list[str]:
    """The words of a column name, lower case: snake_case, camelCase, spaces.

    Examples
    --------
    >>> _name_words("case_count"), _name_words("nDeaths"), _name_words("Weight (kg)")
    (['case', 'count'], ['n', 'deaths'], ['weight', 'kg'])
    >>> _name_words("Fälle"), _name_words("nombre de cas")
    (['fälle'], ['nombre', 'de', 'cas'])
    """
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", name)
    return re.findall(r"[^\W\d_]+|[0-9]+", spaced.lower())


def _is_weight_like(name: str) -> bool:
    """Whether a column's name says it counts something (a weight of the event).

    A word of it is one of :data:`_WEIGHT_WORDS` (``case_count``, ``n_cases``,
    ``deaths``, ``Weights``, ``nb_cas``, ``Fälle``) and none is one of
    :data:`_ID_WORDS` (``case_number``, ``count_id``: identifiers, not counts),
    nor does it start with a number sign (``N°``, ``Nº``, ``N. caso``,
    ``No.``, ``Nr``: a row number).

    Examples
    --------
    >>> [_is_weight_like(c) for c in ("case_count", "n_cases", "n", "death count")]
    [True, True, True, True]
    >>> [_is_weight_like(c) for c in ("Cas", "nombre de cas", "Anzahl", "casos")]
    [True, True, True, True]
    >>> [_is_weight_like(c) for c in ("case_id", "case_number", "notes", "lon")]
    [False, False, False, False]
    >>> [_is_weight_like(c) for c in ("N°", "Nº", "N. caso", "No.", "Nr", "N° cas")]
    [False, False, False, False, False, False]
    """
    if _NUMBER_SIGN.match(name):
        return False
    words = set(_name_words(name))
    return bool(words & _WEIGHT_WORDS) and not words & _ID_WORDS


def unused_weight_columns(events: EventTable, weight_column: str | None) -> list[str]:
    """The columns named like weights (``cases``, ``case_count`` ...) left unused."""
    if weight_column is not None:
        return []
    return [c for c in events.columns if _is_weight_like(c)]


def unused_weight_note(columns: list[str]) -> str:
    """A note that ``columns`` are not read, and how to read one as weights."""
    if len(columns) == 1:
        return (
            f"Note: column {columns[0]!r} is not used, so the events are "
            "unweighted (each counts once); give --weight-column "
            f"{shlex.quote(columns[0])} to weight them by it."
        )
    named = ", ".join(map(repr, columns[:-1])) + f" and {columns[-1]!r}"
    return (
        f"Note: columns {named} are not used, so the events are unweighted (each "
        "counts once); give --weight-column with one of them to weight the events "
        "by it."
    )


def _read_events(
    path: Path,
    weight_column: str | None,
    on_invalid: OnInvalid,
    lonlat_columns: tuple[str | None, str | None] = (None, None),
) -> EventTable:
    """Read the events; a bad value's error says how to leave such rows out."""
    try:
        return read_events_csv(
            path,
            weight_column=weight_column,
            on_invalid="raise" if on_invalid == "raise" else "skip",
            lon_column=lonlat_columns[0],
            lat_column=lonlat_columns[1],
        )
    except InputError as exc:
        # the header, the file as a whole, or a row of too many fields (whose
        # own advice is about decimal commas, which leaving rows out won't mend)
        if exc.line is None or exc.line < 2 or exc.field is None:
            raise
        raise InputError(
            f"{exc.message} Correct or remove the row, or give --on-invalid warn to "
            "leave out every such row (each one listed, and counted in profile.json).",
            path=exc.path,
            line=exc.line,
            field=exc.field,
        ) from None


def events_of_positive_weight(
    path: Path,
    weight_column: str | None,
    on_invalid: OnInvalid = "raise",
    lonlat_columns: tuple[str | None, str | None] = (None, None),
) -> tuple[EventTable, int]:
    """Read the events and leave out those of weight 0; also return how many.

    An event of weight 0 (an address surveyed but with no cases) carries no
    evidence of the source, so it must not set the study area, the CGT buffer or
    the DPM's priors: it is dropped here, before anything uses the events. With
    ``on_invalid`` "warn" or "skip", a bad row (an ungeocoded case, a value that
    is not a number) is left out and listed in the table's ``rejected``.

    Raises
    ------
    InputError
        If the file cannot be read as events, or fewer than 2 events of positive
        weight remain; the error names the file and the weight column.
    """
    try:
        events = _read_events(path, weight_column, on_invalid, lonlat_columns)
    except InputError as exc:
        # The event table's own check that not every weight is 0 (the reader
        # has already refused negative and non-finite weights by line).
        if weight_column is None or exc.field != "weights" or exc.line is not None:
            raise
        raise InputError(
            f"Event weights must not all be zero: every event of {path} has weight "
            f"0 in column {weight_column!r}, and an event of weight 0 carries no "
            "evidence of the source; a geographic profile needs at least 2 events "
            "of positive weight.",
            path=str(path),
            field=weight_column,
        ) from None
    if events.weights is None:
        return events, 0
    keep = events.weights > 0
    n_zero = int(np.count_nonzero(~keep))
    if n_zero == 0:
        return events, 0
    n_kept = events.n_events - n_zero
    if n_kept < 2:
        raise InputError(
            f"The events file {path} holds {n_kept} event(s) of positive weight in "
            f"column {weight_column!r} ({left_out_text(n_zero)}); a geographic "
            "profile needs at least 2.",
            path=str(path),
            field=weight_column,
        )
    kept = replace(
        events,
        lons=events.lons[keep],
        lats=events.lats[keep],
        weights=events.weights[keep],
        lines=events.lines[keep],
    )
    return kept, n_zero


def check_dpm_weights(events: EventTable, weight_column: str) -> None:
    """Refuse, by line, a weight outside :attr:`DPMProfiler.weight_range`."""
    if events.weights is None:
        return
    low, high = DPMProfiler.weight_range
    bad = np.flatnonzero((events.weights < low) | (events.weights > high))
    if bad.size:
        k = int(bad[0])
        line = int(events.lines[k])
        raise InputError(
            f"The {weight_column!r} of the event on line {line} of {events.path} "
            f"must lie between {low:g} and {high:g} for --method dpm, which reads "
            f"a weight as a number of events at one place. Got {events.weights[k]:g} "
            "instead (--method cgt uses only the ratios of the weights).",
            path=events.path,
            line=line,
            field=weight_column,
        )
