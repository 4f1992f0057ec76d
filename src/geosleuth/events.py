"""Event sets: the located events (crimes, sightings, cases) behind a profile.

An event set is read from a CSV file with one event per row: a longitude column, a
latitude column and, optionally, a weight column (e.g. deaths at an address). The
coordinate columns are recognised by name, case-insensitively:

=========  ==============================================================
longitude  ``lon``, ``longitude``, ``lng``, ``long``, ``longitud`` (Spanish),
           ``längengrad``, ``laengengrad``, ``länge`` (German)
latitude   ``lat``, ``latitude``, ``latitud`` (Spanish), ``breitengrad``,
           ``breite`` (German)
=========  ==============================================================

(the first name present wins, in that order; ``latitude`` and ``longitude`` are
also the French, Italian and Portuguese words). A column of another name is read
when named (``lon_column``, ``lat_column``). Values are decimal degrees, WGS84.
Columns named only ``x`` and ``y`` are not taken for degrees: they usually hold
projected coordinates (metres, or a map's own units), which read as degrees would
put the events somewhere else entirely; rename them if they are degrees. Commas,
semicolons and tabs are accepted as delimiters. A row with more fields than the
header (empty ones at its end aside) is a bad row, never cut to fit: an unquoted
decimal comma in a comma-separated file (``10,5`` for 10.5) splits each number in
two, and the columns would be read shifted. A header that names a column the
events are read from twice is refused.

A decimal comma is read where it is unambiguous: in a field of a ``;``- or
tab-separated file (as Excel writes them where the comma is the decimal mark),
and in a quoted field of a comma-separated file (``"10,5"``). Such a number has one
comma and no dot; ``1.234,5`` or ``1,234,567`` is refused, since a thousands
separator could be either mark. In a comma-separated file, a weight such as
``"1,234"`` (a comma, then three digits) is refused too: it may be 1234 written
with a thousands separator. A coordinate or weight that is empty or reads ``NA``,
``N/A``, ``#N/A``, ``NaN``, ``null`` or ``None`` is missing: a row without
coordinates is an event that was never geocoded, and is refused (or skipped, with
``on_invalid``) with a message that says so. A row whose every field is empty
(``;;;;``, as Excel writes below a table) is no event: it is skipped as a blank
line is, and its line is listed in the table's ``empty_rows``.

The file is read as UTF-8 (with or without a byte-order mark; UTF-16 and UTF-32
with one); a line that is not UTF-8 is read as Windows-1252 (cp1252, what Excel
writes as "CSV" in Western Europe), with a warning naming the first such line,
as documents are. An Excel workbook, or UTF-16 without its byte-order mark, is
refused with a word on how to save it as CSV. Excel's ``sep=;`` first line (its
hint of the separator) is skipped, and its separator used. Two more things that
usually mean an entry error are said, and the rows kept:

- an event far from all the others that, with its lon and lat exchanged, lies
  among them: ``lon and lat swapped on line 7?``; one such event stretches the
  study area over a continent, but near the diagonal lon = lat a real far event
  (Cairo, and a case in Alexandria) looks the same, so the row is kept and the
  warning says that it widened the study area (review r41, M1);
- rows that repeat an earlier row exactly, every field the same (a line list's
  row pasted twice): warned of by line and kept, since events at one place
  (several cases at one address) are real, and a row with an id of its own is
  no repeat.
"""

from __future__ import annotations

import contextlib
import csv
import io
import math
import re
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np

from geosleuth._boms import BOMS
from geosleuth._types import BoolArray, FloatArray, IntArray, PathLike
from geosleuth.errors import EvidenceWarning, InputError

__all__ = [
    "EventTable",
    "RejectedRow",
    "read_events_csv",
    "swap_question",
    "swapped_events",
]

_LON_NAMES = (
    "lon", "longitude", "lng", "long", "longitud", "längengrad", "laengengrad",
    "länge", "laenge",
)  # fmt: skip
_LAT_NAMES = ("lat", "latitude", "latitud", "breitengrad", "breite")


@dataclass(frozen=True, slots=True)
class RejectedRow:
    """A CSV row that was skipped, and why.

    Parameters
    ----------
    line : int
        1-based line number in the file.
    reason : str
        What was wrong with it.
    """

    line: int
    reason: str


@dataclass(frozen=True, slots=True)
class EventTable:
    """Events as (lon, lat) in degrees, with optional weights.

    Parameters
    ----------
    lons, lats : ndarray of shape (n_events,)
        Longitudes and latitudes in degrees (WGS84), finite and in range.
    weights : ndarray of shape (n_events,) or None
        Non-negative weight per event, or None for unweighted events.
    lines : ndarray of shape (n_events,)
        The 1-based line of each event in its file (or 0 if not read from a file).
    path : str or None
        The file the events came from.
    rejected : tuple of RejectedRow
        Rows skipped by ``on_invalid="skip"`` or ``"warn"``.
    columns : tuple of str
        The file's column names, as its header gives them (empty if the events
        were not read from a file): a caller can tell which were not used.
    repeats : tuple of (int, int)
        ``(line, earlier_line)`` for each event whose row repeats an earlier
        row of its file exactly, every field the same (kept as events).
    encoding : str or None
        The encoding the file was read in (``"utf-8"``, ``"cp1252"`` ...).
    empty_rows : tuple of int
        The lines of rows whose every field is empty (``;;;;``, Excel's rows
        below a table), skipped as blank lines are.
    swapped_lines : tuple of int
        The lines of events far from the others that, with lon and lat
        exchanged, lie among them (warned of as ``lon and lat swapped on line
        7?``, and kept).

    Raises
    ------
    InputError
        If the arrays differ in length, hold fewer than 2 events, or hold
        coordinates that are not finite or out of range.

    Examples
    --------
    >>> ev = EventTable(np.array([0.0, 1.0]), np.array([50.0, 51.0]))
    >>> ev.n_events
    2
    >>> EventTable(np.array([0.0]), np.array([50.0]))
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: A geographic profile needs at least 2 events. Got 1 ...
    """

    lons: FloatArray
    lats: FloatArray
    weights: FloatArray | None = None
    lines: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    path: str | None = None
    rejected: tuple[RejectedRow, ...] = ()
    columns: tuple[str, ...] = ()
    repeats: tuple[tuple[int, int], ...] = ()
    encoding: str | None = None
    empty_rows: tuple[int, ...] = ()
    swapped_lines: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        lons = np.array(self.lons, dtype=np.float64)
        lats = np.array(self.lats, dtype=np.float64)
        if lons.ndim != 1 or lons.shape != lats.shape:
            raise InputError(
                "An event set needs 1-D 'lons' and 'lats' of equal length. Got shapes "
                f"{lons.shape} and {lats.shape} instead.",
                path=self.path,
                field="lons",
            )
        if lons.size < 2:
            raise InputError(
                "A geographic profile needs at least 2 events. Got "
                f"{lons.size} instead.",
                path=self.path,
                field="lons",
            )
        lines = np.array(self.lines, dtype=np.int64)
        if lines.size == 0:
            lines = np.zeros(lons.size, dtype=np.int64)
        bad = ~(np.isfinite(lons) & np.isfinite(lats))
        bad |= (np.abs(lons) > 180) | (np.abs(lats) > 90)
        if bad.any():
            k = int(np.flatnonzero(bad)[0])
            line = int(lines[k]) if lines.shape == lons.shape and lines[k] > 0 else None
            raise InputError(
                f"Event {k}{f' (line {line})' if line else ''} has (lon, lat) = "
                f"({lons[k]}, {lats[k]}); expected finite degrees within lon "
                "-180..180 and lat -90..90.",
                path=self.path,
                line=line,
                field="lons",
            )
        arrays = [lons, lats, lines]
        if self.weights is not None:
            w = np.array(self.weights, dtype=np.float64)
            if w.shape != lons.shape or not np.all(np.isfinite(w) & (w >= 0)):
                raise InputError(
                    "Event weights must be finite, non-negative and one per event.",
                    path=self.path,
                    field="weights",
                )
            if not (w > 0).any():
                raise InputError(
                    "Event weights must not all be zero.",
                    path=self.path,
                    field="weights",
                )
            arrays.append(w)
            object.__setattr__(self, "weights", w)
        for arr in arrays:
            arr.flags.writeable = False
        object.__setattr__(self, "lons", lons)
        object.__setattr__(self, "lats", lats)
        object.__setattr__(self, "lines", lines)

    @property
    def n_events(self) -> int:
        """Number of events."""
        return int(self.lons.size)


def _pick(header: list[str], names: tuple[str, ...]) -> int | None:
    lowered = [h.strip().lower() for h in header]
    for name in names:
        if name in lowered:
            return lowered.index(name)
    return None


def _check_unique_columns(
    header: list[str], used: Iterable[str], where: str, line: int = 1
) -> None:
    """Refuse a header that names a column the events are read from twice."""
    lowered = [h.strip().lower() for h in header]
    for name in used:
        at = [k + 1 for k, h in enumerate(lowered) if h == name.lower()]
        if len(at) > 1:
            raise InputError(
                f"The events file {where} has {len(at)} columns named {name!r} "
                f"(columns {', '.join(map(str, at))}): which one holds the events "
                "is unclear. Rename or remove all but one.",
                path=where,
                line=line,
                field=name,
            )


#: What a spreadsheet or a statistics package writes for a missing value.
_MISSING = frozenset({"", "na", "n/a", "#n/a", "nan", "null", "none"})
#: A number with a decimal comma: one comma, digits on both sides, no dot.
_DECIMAL_COMMA = re.compile(r"[+-]?[0-9]+,[0-9]+(?:[eE][+-]?[0-9]+)?")
#: A comma then three digits, the form of a thousands separator ("1,234").
_THOUSANDS_LIKE = re.compile(r"[+-]?[1-9][0-9]{0,2},[0-9]{3}")
#: A dot then three digits after a whole number ("1.234"): where the comma is
#: the decimal mark (a ';' file), the dot is a thousands separator.
_THOUSANDS_DOT = re.compile(r"[+-]?[1-9][0-9]{0,2}\.[0-9]{3}")


def _missing(cell: str) -> bool:
    """Whether a cell holds no value (empty, ``NA``, ``NaN``, ``null`` ...)."""
    return cell.strip().lower() in _MISSING


class _AmbiguousNumber(ValueError):
    """A number written with a thousands separator, or with both marks."""


#: A number as a spreadsheet writes it: ASCII digits, one dot, an exponent.
_PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def _number(text: str) -> float:
    """Parse a decimal number; raise ValueError for anything else (incl. NaN).

    A comma in ``text`` is a decimal comma (the caller's fields are split so that
    a comma inside one is unambiguous): it must be the only comma, with digits on
    both sides and no dot, else :class:`_AmbiguousNumber`.
    """
    cell = text.strip()
    if "," in cell:
        if not _DECIMAL_COMMA.fullmatch(cell):
            if "." in cell or cell.count(",") > 1:
                raise _AmbiguousNumber(cell)
            raise ValueError(cell)
        cell = cell.replace(",", ".")
    if not _PLAIN_NUMBER.fullmatch(cell):
        # float() also takes "-0.1_36", Arabic-Indic and full-width digits,
        # which a spreadsheet would not read as numbers (r28 L8)
        raise ValueError(text)
    value = float(cell)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def _shown(cell: str) -> str:
    """A missing value as a message gives it: ``empty`` or ``'NA'``."""
    return "empty" if not cell.strip() else repr(cell.strip())


def _check_present(
    cells: dict[int, str],
    names: dict[int, str],
    i_lon: int,
    i_lat: int,
    i_w: int | None,
    where: str,
    line_no: int,
) -> None:
    """Refuse a row whose coordinates or weight are missing, saying which."""
    lon, lat = cells[i_lon], cells[i_lat]
    if _missing(lon) and _missing(lat):
        both = (
            f"its {names[i_lon]!r} and {names[i_lat]!r} are {_shown(lon)}"
            if _shown(lon) == _shown(lat)
            else f"its {names[i_lon]!r} is {_shown(lon)} and its {names[i_lat]!r} "
            f"{_shown(lat)}"
        )
        raise InputError(
            f"The event on line {line_no} of {where} has no coordinates (an "
            f"ungeocoded case?): {both}.",
            path=where,
            line=line_no,
            field=names[i_lon],
        )
    for idx, other in ((i_lon, i_lat), (i_lat, i_lon)):
        if _missing(cells[idx]):
            raise InputError(
                f"The event on line {line_no} of {where} has no {names[idx]!r} (it "
                f"is {_shown(cells[idx])}; its {names[other]!r} is "
                f"{cells[other].strip()!r}): an event needs both coordinates.",
                path=where,
                line=line_no,
                field=names[idx],
            )
    if i_w is not None and _missing(cells[i_w]):
        raise InputError(
            f"The {names[i_w]!r} of the event on line {line_no} of {where} is "
            f"missing (it is {_shown(cells[i_w])}): with weights read, every event "
            "needs one (0 for an event that carries no evidence).",
            path=where,
            line=line_no,
            field=names[i_w],
        )


def _csv_rows(reader: Any, where: str) -> Iterator[list[str]]:
    """The rows of a ``csv.reader``; what it cannot read, an error naming the line.

    A field longer than the csv module's limit (131,072 characters) or a NUL
    byte stops the reader with a ``csv.Error`` of its own words only.
    """
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            line = max(int(reader.line_num), 1)
            raise InputError(
                f"Line {line} of the events file {where} cannot be read as CSV "
                f"({exc}).",
                path=where,
                line=line,
            ) from None
        yield row


#: The first bytes of files that are no text: an Excel workbook (.xlsx, a ZIP
#: archive; .xls, an OLE2 compound file), and the hint for each.
_NOT_TEXT: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a ZIP archive (an Excel workbook, .xlsx, is one)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Excel workbook (.xls)"),
)


def _not_text(data: bytes, where: str) -> None:
    r"""Refuse a workbook or UTF-16 text without a byte-order mark, saying which.

    Read as CSV, either gives a header of NULs and binary (review r41, L3). A
    first line (up to 4,096 bytes) of which a quarter or more are NUL bytes is
    UTF-16 (or UTF-32) without its mark; a NUL inside one value of a text file
    is a bad row, named by its line, as before.

    Examples
    --------
    >>> _not_text("lon,lat\n".encode("utf-16-le"), "e.csv")
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: The events file e.csv looks like UTF-16 text ...
    >>> _not_text(b"lon,lat\n1,\x002\n", "e.csv")  # a NUL in a value: a row's
    """
    for magic, what in _NOT_TEXT:
        if data.startswith(magic):
            raise InputError(
                f"The events file {where} looks like {what}, not CSV text. Open it "
                "in Excel and save it as 'CSV UTF-8 (comma delimited)'.",
                path=where,
            )
    head = data[:4096].split(b"\n", 1)[0]
    if head and head.count(0) * 4 >= len(head):
        raise InputError(
            f"The events file {where} looks like UTF-16 text without a byte-order "
            "mark (every other byte of its first line is a NUL), which cannot be "
            "told from other text for sure. Save it as 'CSV UTF-8' (in Excel, or "
            "any editor).",
            path=where,
            line=1,
        )


def _decode(data: bytes, where: str) -> tuple[str, str]:
    r"""The text of an events file, and its encoding; a warning if not UTF-8.

    As documents are read (:func:`geosleuth.read.text.decode_bytes`): by a
    byte-order mark, else UTF-8, else Windows-1252, which Excel writes as "CSV"
    in Western Europe (review 39, M3). The coordinates are ASCII either way;
    the warning is about the text columns. Without a mark, each line is read
    on its own (review r41, L2): a UTF-8 file with a line pasted in from a
    Windows-1252 one keeps its UTF-8 lines (encoding ``"utf-8+cp1252"``), and
    the warning names the first line that is not UTF-8. A workbook, or UTF-16
    without its mark, is refused, saying so (:func:`_not_text`).

    Examples
    --------
    >>> _decode("lon;lat;Città".encode("utf-8-sig"), "e.csv")
    ('lon;lat;Città', 'utf-8')
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as said:
    ...     warnings.simplefilter("always")
    ...     _decode("lon;lat;Città".encode("cp1252"), "e.csv")
    ('lon;lat;Città', 'cp1252')
    >>> "read as Windows-1252" in str(said[0].message)
    True
    >>> with warnings.catch_warnings(record=True) as said:
    ...     warnings.simplefilter("always")
    ...     _decode("lon;Città\n".encode() + "1;Forlì".encode("cp1252"), "e.csv")
    ('lon;Città\n1;Forlì', 'utf-8+cp1252')
    >>> "is line 2: '1;Forlì'" in str(said[0].message)
    True
    """
    for bom, enc in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(enc), enc
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"The events file {where} starts with a {enc.upper()} "
                    f"byte-order mark but is not valid {enc.upper()} (at byte "
                    f"{exc.start + len(bom)}). Re-save it as UTF-8 ('CSV UTF-8' in "
                    "Excel).",
                    path=where,
                ) from None
    _not_text(data, where)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    parts: list[str] = []
    first: tuple[int, str] | None = None  # the first line that is not UTF-8
    utf8_text = False  # a line of UTF-8 beyond ASCII
    offset = 0
    for k, raw in enumerate(data.splitlines(keepends=True)):
        try:
            part = raw.decode("utf-8")
            utf8_text = utf8_text or not part.isascii()
        except UnicodeDecodeError:
            try:
                part = raw.decode("cp1252")
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"The events file {where} is neither UTF-8 nor Windows-1252 "
                    f"text (byte {raw[exc.start]:#04x} at {offset + exc.start}, "
                    f"line {k + 1}). Re-save it as UTF-8 ('CSV UTF-8' in Excel).",
                    path=where,
                    line=k + 1,
                ) from None
            if first is None:
                first = (k + 1, part.strip())
        parts.append(part)
        offset += len(raw)
    text = "".join(parts)
    assert first is not None  # the whole failed as UTF-8: some line did
    at = f" (the first such line is line {first[0]}: {first[1][:60]!r})"
    if utf8_text:
        warnings.warn(
            f"The events file {where} mixes encodings: its lines are UTF-8 but "
            f"some, as Excel writes 'CSV' in Western Europe, are Windows-1252 "
            f"(cp1252), and are read as such{at}. Check their accented letters; "
            "to have the file read as written, save it as 'CSV UTF-8'.",
            EvidenceWarning,
            stacklevel=3,
        )
        return text, "utf-8+cp1252"
    warnings.warn(
        f"The events file {where} is not UTF-8: read as Windows-1252 (cp1252), as "
        f"Excel writes 'CSV' in Western Europe{at}. Check its accented letters; "
        "to have it read as written, save it as 'CSV UTF-8'.",
        EvidenceWarning,
        stacklevel=3,
    )
    return text, "cp1252"


#: Excel's first line naming the separator: ``sep=;`` (filled out with
#: separators when Excel wrote the file back).
_SEP_LINE = re.compile(r'"?sep=([,;\t|])"?[,;\t| ]*', re.IGNORECASE)

#: The mean radius of the Earth (km), for the distances of the swap check.
_EARTH_KM = 6371.0088


def _unit_vectors(lons: FloatArray, lats: FloatArray) -> FloatArray:
    lam, phi = np.radians(lons), np.radians(lats)
    return np.column_stack(
        (np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi))
    )


def _km_from(xyz: FloatArray, centre: FloatArray) -> FloatArray:
    """Great-circle distance (km) of unit vectors ``xyz`` from ``centre``."""
    chord = np.linalg.norm(xyz - centre, axis=1)
    return np.asarray(
        2.0 * _EARTH_KM * np.arcsin(np.clip(chord / 2.0, 0.0, 1.0)), dtype=np.float64
    )


def _centre_of(xyz: FloatArray) -> FloatArray | None:
    mean = xyz.mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return None if norm < 1e-9 else np.asarray(mean / norm, dtype=np.float64)


def _far_from_the_others(
    lons: FloatArray, lats: FloatArray
) -> tuple[BoolArray, FloatArray, FloatArray] | None:
    """Which events lie far from the others, and how far (km) from their centre.

    The others' centre is found twice (the mean direction of all events, then
    of the nearer half), so a few far events do not move it; their reach is the
    distance from it of the farthest of the nearest ``n - n // 4`` events (the
    75th percentile taken low: interpolated, a quarter of far events pulled it
    out to them, review r41, L1). An event is far when it lies more
    than ten times that reach, and more than 50 km, from the centre. Up to a
    quarter of the events may be far; with more (or fewer than 4 events), which
    are "the others" is unclear, and None is returned.

    Returns
    -------
    far : ndarray of bool, shape (n_events,)
    km : ndarray of shape (n_events,)
        Each event's distance from the others' centre.
    centre : ndarray of shape (3,)
        The centre, as a unit vector.
    """
    n = lons.size
    if n < 4:
        return None
    xyz = _unit_vectors(lons, lats)
    centre = _centre_of(xyz)
    if centre is None:
        return None
    d = _km_from(xyz, centre)
    centre = _centre_of(xyz[d <= np.median(d)])
    if centre is None:
        return None
    d = _km_from(xyz, centre)
    reach = float(np.sort(d)[n - n // 4 - 1])
    far = d > max(10.0 * reach, 50.0)
    if not far.any() or far.sum() > n // 4:
        return None
    return far, d, centre


def swapped_events(
    lons: FloatArray, lats: FloatArray
) -> list[tuple[int, float, float, float]]:
    """Events far from the others that, with lon and lat exchanged, lie among them.

    Far as :func:`_far_from_the_others` says; among them when, exchanged, the
    event lies no farther from the others' centre than twice the farthest of
    them (review 39, M4). A file swapped throughout has no such event (it is
    refused row by row where a latitude goes out of range, and ``--truth``
    says so).

    Such an event may also be real: near the diagonal lon = lat (Cairo and a
    case in Alexandria, whose mirror lies 15 km from Cairo) a far event and a
    swapped one cannot be told apart, so the reader warns of it and keeps it
    (review r41, M1).

    Returns
    -------
    list of (int, float, float, float)
        Per such event: its index, its distance from the centre as given and
        exchanged, and the farthest of the other events' (km).

    Examples
    --------
    >>> lons = np.array([11.34, 11.35, 11.33, 11.342, 11.345, 11.341])
    >>> lats = np.array([44.49, 44.50, 44.48, 44.491, 44.495, 44.492])
    >>> swapped_events(lats, lons)  # swapped throughout: none far from the others
    []
    >>> lons[3], lats[3] = lats[3], lons[3]  # one row swapped
    >>> [(k, round(d)) for k, d, _, _ in swapped_events(lons, lats)]
    [(3, 4855)]
    >>> lons[3], lats[3] = 2.35, 48.85  # far, but no swap: Paris
    >>> swapped_events(lons, lats)
    []
    """
    found = _far_from_the_others(lons, lats)
    if found is None:
        return []
    far, d, centre = found
    spread = float(d[~far].max())
    within = 2.0 * spread + 0.1
    can = far & (np.abs(lons) <= 90.0)
    exchanged = _km_from(_unit_vectors(lats, lons), centre)
    return [
        (int(k), float(d[k]), float(exchanged[k]), spread)
        for k in np.flatnonzero(can & (exchanged <= within))
    ]


def swap_question(
    swapped: list[tuple[int, float, float, float]],
    lons: list[float],
    lats: list[float],
    lines: list[int],
    where: str,
) -> str:
    """``The event on line 9 of f.csv has ...: lon and lat swapped on line 9?``.

    The first event of :func:`swapped_events` at length, the others by line:
    what the reader's warning and ``geosleuth profile``'s (which adds how much
    the rows widened the study area) both begin with.
    """
    k, km, km_exchanged, spread = swapped[0]
    others = [lines[j] for j, _, _, _ in swapped[1:]]
    also = (
        f" (so, it seems, on line{'s' if len(others) > 1 else ''} "
        f"{', '.join(map(str, others))})"
        if others
        else ""
    )
    return (
        f"The event on line {lines[k]} of {where} has (lon, lat) = ({lons[k]}, "
        f"{lats[k]}), {km:,.0f} km from the centre of the other events (which "
        f"lie within {spread:,.1f} km of it); with lon and lat exchanged, "
        f"({lats[k]}, {lons[k]}), it lies among them ({km_exchanged:,.1f} km from "
        f"it): lon and lat swapped on line {lines[k]}?{also}"
    )


def _swapped_text(
    swapped: list[tuple[int, float, float, float]],
    lons: list[float],
    lats: list[float],
    lines: list[int],
    where: str,
) -> str:
    """The warning of events that look swapped: the first at length, the others."""
    others = swapped[1:]
    kept = "them" if others else "it"
    return (
        f"{swap_question(swapped, lons, lats, lines, where)} The row"
        f"{'s are' if others else ' is'} kept, as a far event may be real, and "
        f"the study area is widened to take {kept} in; if swapped, exchange "
        f"{'their' if others else 'its'} lon and lat, or remove "
        f"{kept} to have the area of the others."
    )


def _row_key(row: list[str]) -> tuple[str, ...]:
    """A row's fields as compared for a repeat: stripped, empty ones at the end cut."""
    key = [cell.strip() for cell in row]
    while key and not key[-1]:
        key.pop()
    return tuple(key)


def _repeats_text(repeats: list[tuple[int, int]], where: str) -> str:
    """The warning that rows repeat earlier rows exactly (review 39, M5)."""
    shown = ", ".join(f"{line} (as line {first})" for line, first in repeats[:8])
    more = f" and {len(repeats) - 8} more" if len(repeats) > 8 else ""
    n = len(repeats)
    return (
        f"{n} row{'s' if n > 1 else ''} of {where} repeat{'' if n > 1 else 's'} an "
        f"earlier row exactly, every field the same: line{'s' if n > 1 else ''} "
        f"{shown}{more}. Each is counted as an event of its own; if "
        f"{'they are' if n > 1 else 'it is'} entered twice by mistake, remove "
        f"{'them' if n > 1 else 'it'}."
    )


def read_events_csv(
    path: PathLike,
    *,
    weight_column: str | None = None,
    on_invalid: Literal["raise", "warn", "skip"] = "raise",
    lon_column: str | None = None,
    lat_column: str | None = None,
) -> EventTable:
    r"""Read an event set from a CSV file.

    Parameters
    ----------
    path : str or os.PathLike
        The CSV file: a header row, then one event per row (see the module notes
        for the accepted column names).
    weight_column : str or None, default None
        Name of a column of non-negative event weights (case-insensitive).
    on_invalid : {"raise", "warn", "skip"}, default "raise"
        What to do with a bad row (a coordinate or weight that is missing, not a
        number, ambiguous as to its thousands separator or out of range, or more
        fields than the header): raise, or skip it (listing it in ``rejected``
        with its line and reason), with or without an
        :class:`~geosleuth.errors.EvidenceWarning`. An event far from all the
        others that lies among them with lon and lat exchanged is no bad row:
        it is kept, with a warning.
    lon_column, lat_column : str or None, default None
        Name of the longitude (latitude) column (case-insensitive), for a
        header of other names than the module notes list; None finds it by
        those names.

    Returns
    -------
    EventTable
        The events, with the file's line number of each, the rows that repeat
        an earlier row (``repeats``), the rows of empty fields skipped
        (``empty_rows``) and the encoding read.

    Warns
    -----
    EvidenceWarning
        If lines are read as Windows-1252 (they are not UTF-8), rows repeat an
        earlier row exactly (their lines named; they are kept), or an event far
        from the others lies among them with lon and lat exchanged (its line
        named; it is kept).

    Raises
    ------
    InputError
        If the file is empty or not CSV, lacks a coordinate or the weight column
        (or a column named by ``lon_column`` or ``lat_column``),
        names one of them twice, has a bad row (with ``on_invalid="raise"``, the
        first in the file: a coordinate or weight that is missing, not a number,
        written with a thousands separator or out of range, or more fields than
        the header), is an Excel workbook or UTF-16 without a byte-order mark,
        or holds fewer than 2 valid events. The error's ``path``, ``line`` and
        ``field`` say where.
    ValueError
        If ``on_invalid`` is not one of the listed values.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "events.csv"
    >>> _ = p.write_text("id,Longitude,Latitude\n1,0.5,51.5\n2,0.6,51.4\n")
    >>> read_events_csv(p).lons.tolist()
    [0.5, 0.6]
    >>> _ = p.write_text("lon,lat\n0.5,51.5\n0.6,north\n")
    >>> read_events_csv(p)
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: The 'lat' of ... line 3 of ... Got 'north' instead.
    >>> _ = p.write_text("lon,lat\n10,5,20,5\n10,6,20,6\n")
    >>> read_events_csv(p)
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: Line 2 of ... has 4 fields but the header has 2 ...

    Decimal commas where the fields are split otherwise (``;``, tab, or quotes):

    >>> _ = p.write_text("lon;lat\n10,5;20,5\n10,6;20,6\n")
    >>> read_events_csv(p).lons.tolist()
    [10.5, 10.6]
    >>> _ = p.write_text('lon,lat\n"10,5","20,5"\n,\n"10,6","20,6"\n1.5,\n')
    >>> ev = read_events_csv(p, on_invalid="skip")
    >>> ev.lats.tolist(), [r.line for r in ev.rejected], ev.empty_rows
    ([20.5, 20.6], [5], (3,))

    A row of empty fields (line 3) is no event; line 5 lacks its latitude.
    Columns of other names are named:

    >>> _ = p.write_text("Ost;Nord\n10,5;50,5\n10,6;50,6\n")
    >>> read_events_csv(p, lon_column="ost", lat_column="Nord").lats.tolist()
    [50.5, 50.6]
    """
    if on_invalid not in ("raise", "warn", "skip"):
        raise ValueError(
            f"'on_invalid' must be one of 'raise', 'warn', 'skip'. Got {on_invalid!r}."
        )
    where = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(
            f"Cannot read the events file {where} ({exc}).", path=where
        ) from None
    text, encoding = _decode(data, where)
    if not text.strip():
        raise InputError(
            f"The events file {where} is empty; expected a header row with lon and "
            "lat columns, then one event per row.",
            path=where,
            line=1,
        )
    first_line = text.split("\n", 1)[0].rstrip("\r")
    sep = _SEP_LINE.fullmatch(first_line)
    header_line = 2 if sep else 1
    dialect: type[csv.Dialect] | csv.Dialect = csv.excel
    if sep is None:
        with contextlib.suppress(csv.Error):
            dialect = csv.Sniffer().sniff(first_line, delimiters=",;\t")
    # rows end at CR/LF only, as the csv module intends: str.splitlines would also
    # break at U+2028, U+0085 or a form feed inside a name (text pasted from a web
    # page), misreading the row and shifting every later line number
    reader = (
        csv.reader(io.StringIO(text, newline=""), dialect)
        if sep is None
        else csv.reader(io.StringIO(text, newline=""), dialect, delimiter=sep[1])
    )
    rows = _csv_rows(reader, where)
    if sep is not None:
        next(rows)  # Excel's "sep=;": its separator is used (review 39, L2)
    header = next(rows, None)
    if header is None:
        raise InputError(
            f"The events file {where} has no header row after its {first_line!r} "
            "line; expected a header row with lon and lat columns, then one event "
            "per row.",
            path=where,
            line=header_line,
        )
    columns = [h.strip() for h in header]
    for option, given in (("lon_column", lon_column), ("lat_column", lat_column)):
        if given is not None and _pick(header, (given.strip().lower(),)) is None:
            raise InputError(
                f"The events file {where} has no column {given!r} (the "
                f"{option}, --{option.replace('_', '-')} on the command line); got "
                f"columns {columns}.",
                path=where,
                line=header_line,
                field=given,
            )
    i_lon = _pick(
        header, _LON_NAMES if lon_column is None else (lon_column.strip().lower(),)
    )
    i_lat = _pick(
        header, _LAT_NAMES if lat_column is None else (lat_column.strip().lower(),)
    )
    missing = [
        kind
        for kind, idx, names in (
            ("longitude", i_lon, _LON_NAMES),
            ("latitude", i_lat, _LAT_NAMES),
        )
        if idx is None
    ]
    if missing or i_lon is None or i_lat is None:
        planar = (
            " (x/y are read as projected coordinates, not degrees: rename them "
            "lon/lat if they are degrees)"
            if _pick(header, ("x",)) is not None and _pick(header, ("y",)) is not None
            else ""
        )
        raise InputError(
            f"The events file {where} has no {' or '.join(missing)} column. Expected "
            f"one named {'/'.join(_LON_NAMES)} and one named {'/'.join(_LAT_NAMES)}; "
            f"got columns {columns}{planar}. Name the columns to read with "
            "lon_column and lat_column (--lon-column, --lat-column on the command "
            "line).",
            path=where,
            line=header_line,
            field=missing[0] if missing else None,
        )
    if i_lon == i_lat:
        raise InputError(
            f"The events file {where}'s longitude and latitude would both be read "
            f"from column {header[i_lon].strip()!r}; name two columns.",
            path=where,
            line=header_line,
            field=header[i_lon].strip(),
        )
    i_w: int | None = None
    if weight_column is not None:
        i_w = _pick(header, (weight_column.strip().lower(),))
        if i_w is None:
            raise InputError(
                f"The events file {where} has no weight column {weight_column!r}; "
                f"got columns {[h.strip() for h in header]}.",
                path=where,
                line=header_line,
                field=weight_column,
            )
    names = {i_lon: header[i_lon].strip(), i_lat: header[i_lat].strip()}
    if i_w is not None:
        names[i_w] = header[i_w].strip()
    _check_unique_columns(header, names.values(), where, header_line)
    delimiter = sep[1] if sep is not None else getattr(dialect, "delimiter", ",")
    lons: list[float] = []
    lats: list[float] = []
    weights: list[float] = []
    lines: list[int] = []
    rejected: list[RejectedRow] = []
    keys: list[tuple[str, ...]] = []
    empty_rows: list[int] = []
    for row in rows:
        line_no = reader.line_num  # the record's last line (quoted fields may wrap)
        if not any(cell.strip() for cell in row):
            # a blank line; or a row of empty fields (';;;;', Excel's rows below
            # a table): no event, nor an ungeocoded one (review r60, L2), so
            # skipped, its line kept to be said; a row with any field but no
            # coordinates is still refused
            if len(row) > 1:
                empty_rows.append(line_no)
            continue
        try:
            if any(cell.strip() for cell in row[len(header) :]):
                hint = (
                    " (decimal commas? Write 10.5 rather than 10,5, quote such "
                    "numbers, or separate the fields with ';')"
                    if delimiter == ","
                    else ""
                )
                raise InputError(
                    f"Line {line_no} of {where} has {len(row)} fields but the "
                    f"header has {len(header)}{hint}: which field is which is "
                    "unclear.",
                    path=where,
                    line=line_no,
                    field=None,
                )
            cells = {idx: row[idx] if idx < len(row) else "" for idx in names}
            _check_present(cells, names, i_lon, i_lat, i_w, where, line_no)
            values = {}
            for idx, name in names.items():
                cell = cells[idx].strip()
                # a weight of "1,234" (any file: a tab file says nothing of
                # the locale) or "1.234" in a ';' file may be a thousand times
                # what it reads as (review 14)
                comma = delimiter != ";" and _THOUSANDS_LIKE.fullmatch(cell) is not None
                dot = delimiter == ";" and _THOUSANDS_DOT.fullmatch(cell) is not None
                if idx == i_w and (comma or dot):
                    whole = cell.replace("," if comma else ".", "")
                    if comma:
                        decimal = cell.replace(",", ".")
                        how = (
                            f"{whole} (with a thousands separator) or {decimal} "
                            f"(with a decimal comma). Write {whole} or {decimal}."
                        )
                    else:
                        how = (
                            f"{whole} (with a thousands dot, a ';' file's decimal "
                            f"mark being the comma) or {cell} (with a decimal dot). "
                            f"Write {whole}, or {cell.replace('.', ',')} for the "
                            "decimal."
                        )
                    raise InputError(
                        f"The {name!r} of the event on line {line_no} of {where} is "
                        f"{cell!r}, which may be {how}",
                        path=where,
                        line=line_no,
                        field=name,
                    )
                try:
                    values[idx] = _number(cell)
                except _AmbiguousNumber:
                    raise InputError(
                        f"The {name!r} of the event on line {line_no} of {where} must "
                        f"be a number with one decimal mark. Got {cell!r} instead: "
                        "with a dot and a comma, or two commas, one of them is a "
                        "thousands separator, and which one is unclear (1.234,5 and "
                        "1,234.5 are both written). Write the number without "
                        "thousands separators, as 1234.5 (or 1234,5 where the "
                        "comma is the decimal mark).",
                        path=where,
                        line=line_no,
                        field=name,
                    ) from None
                except ValueError:
                    raise InputError(
                        f"The {name!r} of the event on line {line_no} of {where} must "
                        f"be a number. Got {cell!r} instead.",
                        path=where,
                        line=line_no,
                        field=name,
                    ) from None
            lon, lat = values[i_lon], values[i_lat]
            if not -180.0 <= lon <= 180.0:
                raise InputError(
                    f"The {names[i_lon]!r} of the event on line {line_no} of {where} "
                    f"must be a longitude in -180..180. Got {lon} instead.",
                    path=where,
                    line=line_no,
                    field=names[i_lon],
                )
            if not -90.0 <= lat <= 90.0:
                swap = " (lon and lat swapped?)" if -90.0 <= lon <= 90.0 else ""
                raise InputError(
                    f"The {names[i_lat]!r} of the event on line {line_no} of {where} "
                    f"must be a latitude in -90..90. Got {lat} instead{swap}.",
                    path=where,
                    line=line_no,
                    field=names[i_lat],
                )
            if i_w is not None and values[i_w] < 0:
                raise InputError(
                    f"The {names[i_w]!r} of the event on line {line_no} of {where} "
                    f"must be a non-negative weight. Got {values[i_w]} instead.",
                    path=where,
                    line=line_no,
                    field=names[i_w],
                )
        except InputError as exc:
            if on_invalid == "raise":
                raise
            rejected.append(RejectedRow(line_no, exc.message))
            continue
        lons.append(lon)
        lats.append(lat)
        lines.append(line_no)
        keys.append(_row_key(row))
        if i_w is not None:
            weights.append(values[i_w])
    # a row that looks swapped is said, never refused: near the diagonal lon =
    # lat a real far event looks the same (review r41, M1)
    swapped = swapped_events(np.asarray(lons), np.asarray(lats))
    if swapped:
        warnings.warn(
            _swapped_text(swapped, lons, lats, lines, where),
            EvidenceWarning,
            stacklevel=2,
        )
    first_of: dict[tuple[str, ...], int] = {}
    repeats = [
        (line, first_of.setdefault(key, line))
        for line, key in zip(lines, keys, strict=True)
    ]
    repeats = [(line, first) for line, first in repeats if first != line]
    if repeats:
        warnings.warn(_repeats_text(repeats, where), EvidenceWarning, stacklevel=2)
    if rejected and on_invalid == "warn":
        warnings.warn(
            f"Skipped {len(rejected)} invalid row(s) of {where}; the first: "
            f"{rejected[0].reason}",
            EvidenceWarning,
            stacklevel=2,
        )
    if len(lons) < 2:
        left_out = (
            f" ({len(rejected)} invalid row(s) left out; the first: "
            f"{rejected[0].reason})"
            if rejected
            else ""
        )
        raise InputError(
            f"The events file {where} holds {len(lons)} valid event(s){left_out}; a "
            "geographic profile needs at least 2.",
            path=where,
        )
    return EventTable(
        np.asarray(lons),
        np.asarray(lats),
        np.asarray(weights) if i_w is not None else None,
        lines=np.asarray(lines, dtype=np.int64),
        path=where,
        rejected=tuple(rejected),
        columns=tuple(columns),
        repeats=tuple(repeats),
        encoding=encoding,
        empty_rows=tuple(empty_rows),
        swapped_lines=tuple(lines[k] for k, _, _, _ in swapped),
    )
