"""Coordinates written in a text: "47.6062° N, 122.3321° W" as a place.

Search-and-rescue and maritime reports give positions as numbers, not names: a
phone's last ping, a boat's reported position, the point a body was found.
:func:`find_coordinates` reads them as place mentions (kind ``"point"``), so the
rules that read sightings and claims at named places read them too. It knows
the notations that such reports use:

- degrees with hemispheres, letters or words, before or after the numbers:
  ``47.6062° N, 122.3321° W``, ``N 47.6062 W 122.3321``, ``47.6 degrees north,
  122.3 degrees west``;
- degrees, minutes and seconds, or degrees and decimal minutes (marine and
  aviation): ``47°36′22″N 122°19′55″W``, ``N 47° 36.372' W 122° 19.926'``,
  ``47-36-22N 122-19-55W``, and with abbreviated hemispheres (``36° N. 5° W.``);
- a signed decimal pair, latitude first (``47.6062, -122.3321``, or with "/"),
  where a word before it says these are coordinates ("coordinates", "GPS",
  "lat/long", "waypoint") or a hemisphere letter follows it ("36.2, 5.5 W"); with
  three decimals or more after a word that may also introduce a time ("position",
  "fix", "pinged at": "pinged at 10.45, 11.30 and 12.15" is three times of day);
  and with four decimals or more with no such word. A pair followed by more
  times or a time zone ("14.32, 15.07 GMT"), or after a measure ("at mile 12.5,
  14.5"), is not read, nor a pair of plain numbers otherwise ("rates of 12.5,
  14.25");
- labelled numbers: ``latitude 47.6062, longitude -122.3321``, ``lat: 47.6 lon:
  -122.3``.

A position is only as precise as it is written. :attr:`Mention.spread_km` is the
standard deviation of a point rounded to the coarsest written unit (``r/√12``
of the unit ``r``, the spread of a point uniform in the rounding interval, in km
along a meridian), at least :data:`MIN_SPREAD_KM`: ``47.6, -122.3`` is
good to about 3 km, ``47°36′N 122°20′W`` to about 0.5 km, four decimals to
the 50 m floor. A signed pair is read latitude first, unless it is in square
brackets (GeoJSON's order, longitude first), or it lies more than 2,000 km from
every place the text names while the other order lies within 500 km of one
("pinged at -73.9857, 40.7484 in Manhattan"). A latitude beyond ±90°, a
longitude beyond ±180°, or minutes or seconds of 60 or more are no coordinates,
and are not read.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from geosleuth.gazetteer import Place
from geosleuth.geometry import Point, haversine_km
from geosleuth.read.toponyms import Mention

__all__ = ["MIN_SPREAD_KM", "Position", "find_coordinates", "with_coordinates"]

#: The smallest spread given to written coordinates (km): a position written to
#: the metre is still a phone's or a witness's fix, not a surveyed point.
MIN_SPREAD_KM = 0.05

#: Kilometres per degree of latitude (mean).
_KM_PER_DEGREE = 111.32

_DEG = r"(?:°|º|˚|\s?deg(?:rees?)?\.?)"
_MIN = r"(?:'|′|’|‘|\s?min\.?)"
_SEC = r"(?:\"|″|”|''|′′|’’|\s?sec\.?)"
_HEMI = r"(?:[NSEW]\b|(?i:north|south|east|west)\b)"
#: A hemisphere before the numbers, which may touch them: "N47° 36.372'".
_HEMI_BEFORE = r"(?:[NSEW](?=\s*\d)|(?i:north|south|east|west)\b)"
#: One coordinate with its hemisphere before or after the numbers.
_PART = (
    r"(?:(?P<h1{k}>{before})\s*)?"
    r"(?P<d{k}>\d{{1,3}}(?:\.\d+)?)\s*(?P<dm{k}>{deg}|-(?=\d\d))?\s*"
    r"(?:(?P<m{k}>\d{{1,2}}(?:\.\d+)?)\s*(?:{min}\s*|-(?=\d\d)|(?=[NSEW]\b))"
    r"(?:(?P<s{k}>\d{{1,2}}(?:\.\d+)?)\s*(?:{sec}\s*|(?=[NSEW]\b)))?)?"
    r"(?(h1{k})|(?P<h2{k}>{hemi}))"
)
_HEMI_PAIR = re.compile(
    r"(?<![\w.°])"
    + _PART.format(k="a", hemi=_HEMI, before=_HEMI_BEFORE, deg=_DEG, min=_MIN, sec=_SEC)
    + r"(?:(?<=[NSEW])\.)?\s*(?:,|;|/|\band\b)?\s*"
    + _PART.format(k="b", hemi=_HEMI, before=_HEMI_BEFORE, deg=_DEG, min=_MIN, sec=_SEC)
    + r"(?![\w°])"
)
_SIGN = r"[-−–+]?"
_SIGNED_PAIR = re.compile(
    rf"(?<![\w.,\-−–/])(?P<lat>{_SIGN}\d{{1,2}}\.(?P<lat_dec>\d+))°?\s*[,/]\s*"
    rf"(?P<lon>{_SIGN}\d{{1,3}}\.(?P<lon_dec>\d+))°?"
    r"(?:\s*(?P<hemi>[NSEW])\b)?(?!\w|\.\d|,\d)"
)
_LABELLED = re.compile(
    rf"\blat(?:itude)?\.?\s*[:=]?\s*(?P<lat>{_SIGN}\d{{1,2}}(?:\.(?P<lat_dec>\d+))?)"
    r"°?\s*(?P<hlat>[NS]\b)?\s*(?:,|;|/|\band\b)?\s*(?:and\s+)?"
    rf"\b(?:lon|long|lng|longitude)\.?\s*[:=]?\s*"
    rf"(?P<lon>{_SIGN}\d{{1,3}}(?:\.(?P<lon_dec>\d+))?)°?\s*(?P<hlon>[EW]\b)?",
    re.IGNORECASE,
)
#: Words before a signed pair that say it holds coordinates.
_CUE = re.compile(
    r"\b(?:co-?ordinates?|gps|lat(?:itude)?\s*/\s*long?(?:itude)?|lat/lng|"
    r"waypoint|grid reference)\b",
    re.IGNORECASE,
)
#: Words before a signed pair that may introduce coordinates, or a time ("pinged
#: at 10.45, 11.30 and 12.15"): the pair needs three decimals or more with them.
_WEAK_CUE = re.compile(
    r"\b(?:position|located at|fix|pinged?|ping(?:ed)? at|last seen at)\b",
    re.IGNORECASE,
)
_CUE_REACH = 60
_WEAK_DECIMALS = 3
_SIGNED_DECIMALS = 4
#: After a pair, what makes it times of day: "10.45, 11.30 and 12.15", "14.32,
#: 15.07 GMT".
#: Just before a pair, what makes it a measure: "at mile 12.5, 14.5".
_MEASURE_BEFORE = re.compile(
    r"\b(?:miles?|km|kilometres?|kilometers?|points?|percent|per\s+cent|\$|€|£)"
    r"\s*$",
    re.IGNORECASE,
)
_TIMES_AFTER = re.compile(
    r"^\s*(?:(?:,|and|or)\s*\d{1,2}[.:]\d{2}\b|(?:GMT|UTC|BST|CET|EST|PST|"
    r"a\.?m\b|p\.?m\b|hrs\b|h\b|local\s+time))",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Position:
    """Coordinates read from a text.

    Parameters
    ----------
    start, end : int
        Character offsets of the written coordinates (``end`` exclusive).
    lon, lat : float
        Degrees (WGS84), east and north positive.
    resolution_deg : float
        The coarsest unit written (0.1 for ``47.6``, 1/60 for whole minutes).
    swappable : bool, default False
        A signed pair that would also be valid longitude first: which is which,
        only the places around it can tell (:func:`with_coordinates`).

    Examples
    --------
    >>> p = Position(0, 10, -122.3, 47.6, 0.1)
    >>> round(p.spread_km, 2), p.label
    (3.21, '47.6° N, 122.3° W')
    """

    start: int
    end: int
    lon: float
    lat: float
    resolution_deg: float
    swappable: bool = False

    @property
    def spread_km(self) -> float:
        """Standard deviation of the rounding, km, at least :data:`MIN_SPREAD_KM`."""
        return max(MIN_SPREAD_KM, _KM_PER_DEGREE * self.resolution_deg / math.sqrt(12))

    @property
    def label(self) -> str:
        """The position in decimal degrees, to the digits its resolution carries."""
        digits = min(6, max(0, math.ceil(-math.log10(self.resolution_deg) - 1e-9)))
        ns = "N" if self.lat >= 0 else "S"
        ew = "E" if self.lon >= 0 else "W"
        return f"{abs(self.lat):.{digits}f}° {ns}, {abs(self.lon):.{digits}f}° {ew}"


def find_coordinates(text: str) -> list[Position]:
    """The coordinates written in ``text``, in text order.

    Parameters
    ----------
    text : str
        Plain text.

    Returns
    -------
    list of Position
        One per written position; overlapping readings keep the first found in
        the order hemispheres, labels, signed pairs.

    Examples
    --------
    >>> [p.label for p in find_coordinates(
    ...     "Her phone last pinged at 47.6062, -122.3321 on Friday.")]
    ['47.6062° N, 122.3321° W']
    >>> [p.label for p in find_coordinates("The yacht reported N 36° 12.5' W 5° 30'.")]
    ['36.21° N, 5.50° W']
    >>> find_coordinates("Scores of 12.5, 14.25 were posted.")
    []
    """
    found: list[Position] = []
    for m in _HEMI_PAIR.finditer(text):
        pos = _hemi_position(m)
        if pos is not None:
            found.append(pos)
    for m in _LABELLED.finditer(text):
        pos = _labelled_position(m)
        if pos is not None:
            found.append(pos)
    for m in _SIGNED_PAIR.finditer(text):
        before = text[max(0, m.start() - _CUE_REACH) : m.start()]
        decimals = min(len(m.group("lat_dec")), len(m.group("lon_dec")))
        need = (
            1
            if _CUE.search(before) or m.group("hemi")
            else _WEAK_DECIMALS
            if _WEAK_CUE.search(before)
            else _SIGNED_DECIMALS
        )
        if (
            decimals < need
            or (_TIMES_AFTER.match(text, m.end()) and decimals <= 2)
            or _MEASURE_BEFORE.search(before)
        ):
            continue
        lat, lon = _signed(m.group("lat")), _signed(m.group("lon"))
        hemi = m.group("hemi")
        if hemi is not None:
            # "36.2, 5.5 W": the letter names the side of the coordinate it belongs
            # to; one that a sign contradicts is no reading
            if hemi in "SW" and (lat if hemi == "S" else lon) > 0:
                lat, lon = (-lat, lon) if hemi == "S" else (lat, -lon)
            elif hemi in "NE" and (lat if hemi == "N" else lon) < 0:
                continue
        res = 10.0**-decimals
        if text[max(0, m.start() - 1) : m.start()] == "[" and _valid(lon, lat):
            lat, lon = lon, lat  # "[-73.9857, 40.7484]": GeoJSON's order
            found.append(Position(m.start(), m.end(), lon, lat, res))
        elif _valid(lat, lon):
            swap = hemi is None and _valid(lon, lat)
            found.append(Position(m.start(), m.end(), lon, lat, res, swap))
    out: list[Position] = []
    for pos in found:
        if not any(pos.start < p.end and p.start < pos.end for p in out):
            out.append(pos)
    return sorted(out, key=lambda p: p.start)


def with_coordinates(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with the text's coordinates added as mentions of points.

    A place name found inside written coordinates ("W" or "North" read as a
    name) is dropped; each position becomes a :class:`Mention` of kind
    ``"point"`` whose ``spread_km`` says how precisely it was written.

    Examples
    --------
    >>> with_coordinates("Found at 36.20833, -5.5 near the cove.", [])
    []
    >>> [(m.name, m.spread_km) for m in with_coordinates(
    ...     "GPS position 36.2083, -5.5000.", [])]
    [('36.2083° N, 5.5000° W', 0.05)]
    """
    positions = find_coordinates(text)
    if not positions:
        return list(mentions)
    named = [
        (m.lon, m.lat)
        for m in mentions
        if m.name is not None and math.isfinite(m.lon) and math.isfinite(m.lat)
    ]
    positions = [_nearer_order(p, named) for p in positions]
    kept = [
        m
        for m in mentions
        if not any(m.start < p.end and p.start < m.end for p in positions)
    ]
    return sorted([*kept, *_mentions(text, positions)], key=lambda m: m.start)


#: A signed pair far from every place the text names, whose other order lies
#: near one, was written longitude first ("-73.9857, 40.7484 in Manhattan").
_FAR_KM, _NEAR_KM = 2000.0, 500.0


def _nearer_order(p: Position, named: Sequence[tuple[float, float]]) -> Position:
    """``p``, or the same numbers longitude first where the text's places say so."""
    if not p.swappable or not named:
        return p
    lons = np.array([x for x, _ in named])
    lats = np.array([y for _, y in named])
    here = float(np.min(haversine_km(lons, lats, p.lon, p.lat)))
    there = float(np.min(haversine_km(lons, lats, p.lat, p.lon)))
    if here > _FAR_KM and there < _NEAR_KM:
        return Position(p.start, p.end, p.lat, p.lon, p.resolution_deg)
    return p


def _mentions(text: str, positions: Iterable[Position]) -> list[Mention]:
    out = []
    for p in positions:
        place = Place(
            p.label,
            p.lon,
            p.lat,
            Point(p.lon, p.lat),
            "point",
            None,
            None,
            0,
            f"coordinates written in the text, to {p.resolution_deg:.2g}°",
        )
        out.append(
            Mention(
                text[p.start : p.end],
                p.start,
                p.end,
                p.label,
                p.lon,
                p.lat,
                None,
                0.95,
                place,
                spread_km=p.spread_km,
            )
        )
    return out


def _valid(lat: float, lon: float) -> bool:
    return abs(lat) <= 90.0 and abs(lon) <= 180.0


def _signed(number: str) -> float:
    return float(number.replace("−", "-").replace("–", "-"))


def _decimals(number: str) -> int:
    return len(number.partition(".")[2])


def _part(m: re.Match[str], k: str) -> tuple[float, float, str] | None:
    """(degrees, resolution, hemisphere letter) of one coordinate, or None."""
    hemi = (m.group(f"h1{k}") or m.group(f"h2{k}") or "")[:1].upper()
    d, mins, secs = m.group(f"d{k}"), m.group(f"m{k}"), m.group(f"s{k}")
    if not hemi or (mins is None and m.group(f"dm{k}") is None and "." not in d):
        # "Route 9 North": a number and a word, no degree sign, minutes or decimals
        return None
    value, res = float(d), 10.0 ** -_decimals(d)
    if mins is not None:
        if "." in d or float(mins) >= 60:
            return None
        value += float(mins) / 60.0
        res = 10.0 ** -_decimals(mins) / 60.0
        if secs is not None:
            if "." in mins or float(secs) >= 60:
                return None
            value += float(secs) / 3600.0
            res = 10.0 ** -_decimals(secs) / 3600.0
    return value, res, hemi


def _hemi_position(m: re.Match[str]) -> Position | None:
    a, b = _part(m, "a"), _part(m, "b")
    if a is None or b is None:
        return None
    if a[2] in "EW" and b[2] in "NS":
        a, b = b, a
    if a[2] not in "NS" or b[2] not in "EW":
        return None
    lat = a[0] * (-1.0 if a[2] == "S" else 1.0)
    lon = b[0] * (-1.0 if b[2] == "W" else 1.0)
    if not _valid(lat, lon):
        return None
    return Position(m.start(), m.end(), lon, lat, max(a[1], b[1]))


def _labelled_position(m: re.Match[str]) -> Position | None:
    lat, lon = _signed(m.group("lat")), _signed(m.group("lon"))
    if (m.group("hlat") or "").upper() == "S":
        lat = -abs(lat)
    if (m.group("hlon") or "").upper() == "W":
        lon = -abs(lon)
    if not _valid(lat, lon):
        return None
    res = 10.0 ** -min(_decimals(m.group("lat")), _decimals(m.group("lon")))
    end = m.end()
    while end > m.start() and m.string[end - 1].isspace():
        end -= 1
    return Position(m.start(), end, lon, lat, res)
