"""How every output writes a number or a name: one formatter for each.

The terminal summary, report.html and map.png print a probability with
:func:`pct` (a search's POD and POS with :func:`percent_down`, which never
rounds up to certainty; a cell's share of a map with :func:`pct_fine`), all
with a space before the sign ("77.9 %"), a track length with
:func:`track_text`, an area with :func:`km2` and a coordinate with
:func:`lat_text` and :func:`lon_text`, so one
figure reads the same everywhere and each can be recomputed from
``estimate.json``. Text from documents and case files goes
through :func:`plain` where it is not HTML (the PNG, the terminal): it cannot
then reorder the figures printed after it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

__all__ = [
    "BIDI_CONTROLS",
    "about_a_source",
    "area_kind_text",
    "area_lead",
    "areas_shown",
    "has_rtl",
    "in_region_note",
    "km2",
    "lat_text",
    "lon_text",
    "pct",
    "pct_fine",
    "percent_down",
    "plain",
    "shorten",
    "track_text",
]

#: The invisible characters that change the direction of the text after them:
#: LRE, RLE, PDF, LRO, RLO (U+202A–202E), LRI, RLI, FSI, PDI (U+2066–2069) and
#: the marks LRM, RLM, ALM (U+200E, U+200F, U+061C).
BIDI_CONTROLS = (
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
)
#: ... and the C0 controls but tab, newline and return, and DEL: an ESC or BEL in
#: a title would act on a terminal that prints the page or the line (review 16)
_BIDI_RE = re.compile(f"[{BIDI_CONTROLS}\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: First strong right-to-left letter (Hebrew, Arabic, Syriac, Thaana, N'Ko, ...).
_RTL_RE = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def pct(p: float) -> str:
    """A probability as a percentage, never 0 % or 100 % unless it is exactly so.

    Examples
    --------
    >>> pct(0.7791), pct(0.9996), pct(4.9e-7), pct(0.0), pct(1.0)
    ('77.9 %', '> 99.9 %', '< 0.1 %', '0 %', '100 %')
    >>> pct(float("nan"))
    '–'
    """
    if not math.isfinite(p):
        return "–"
    if p <= 0:
        return "0 %"
    if p >= 1:
        return "100 %"
    if p < 0.001:
        return "< 0.1 %"
    if p > 0.999:
        return "> 99.9 %"
    return f"{100 * p:.1f} %"


#: Below this, :func:`pct_fine` says "< 0.0001 %".
_FINEST = 1e-6


def pct_fine(p: float) -> str:
    """A small probability (a cell's) as a percentage, to two significant figures.

    As :func:`pct` from 0.1 % up; below it, where :func:`pct` says "< 0.1 %", the
    figure to two significant figures, down to 0.0001 %: the cells of a fine map
    each hold that little, and a plan's table tells them apart.

    Examples
    --------
    >>> pct_fine(0.0009234), pct_fine(0.0000312), pct_fine(0.152), pct_fine(0.0)
    ('0.092 %', '0.0031 %', '15.2 %', '0 %')
    >>> pct_fine(3e-9), pct_fine(float("nan"))
    ('< 0.0001 %', '–')
    """
    if not (math.isfinite(p) and 0 < p < 0.001):
        return pct(p)
    if p < _FINEST:
        return f"< {100 * _FINEST:.4f} %"
    percent = 100 * p
    decimals = 1 - math.floor(math.log10(percent))
    return f"{percent:.{decimals}f} %"


def km2(area_km2: float) -> str:
    """An area in km² to three significant figures (thousands separated).

    Examples
    --------
    >>> km2(0.51), km2(0.9725), km2(304.2), km2(244768.0), km2(0.0)
    ('0.51 km²', '0.973 km²', '304 km²', '245,000 km²', '0 km²')
    >>> km2(float("nan"))
    '–'
    """
    if not math.isfinite(area_km2):
        return "–"
    if area_km2 <= 0:
        return "0 km²"
    # as estimate.json stores it (nine significant figures), so that a value
    # half-way between two roundings reads the same from both
    area_km2 = float(f"{area_km2:.9g}")
    digits = 2 - math.floor(math.log10(area_km2))
    value = round(area_km2, digits)
    if value >= 10 ** (3 - digits):  # 999.6 rounds up to 1000: one digit fewer
        digits -= 1
        value = round(area_km2, digits)
    if digits <= 0:
        return f"{value:,.0f} km²"
    return f"{value:.{digits}f}".rstrip("0").rstrip(".") + " km²"


def lat_text(lat: float, nd: int = 2) -> str:
    """A latitude with its hemisphere: ``17.00°S``, ``53.08°N``, ``0.00°``.

    Examples
    --------
    >>> lat_text(-17.0), lat_text(53.083), lat_text(0.0)
    ('17.00°S', '53.08°N', '0.00°')
    """
    text = f"{abs(lat):.{nd}f}"
    if float(text) == 0:
        return f"{text}°"
    return f"{text}°{'N' if lat > 0 else 'S'}"


def lon_text(lon: float, nd: int = 2) -> str:
    """A longitude with its hemisphere, taken to (−180, 180]: ``4.07°W``, ``180.00°``.

    Examples
    --------
    >>> lon_text(-4.07), lon_text(40.83), lon_text(-180.0), lon_text(181.0)
    ('4.07°W', '40.83°E', '180.00°', '179.00°W')
    """
    lon = (lon + 180.0) % 360.0 - 180.0
    if lon == -180.0:
        lon = 180.0
    text = f"{abs(lon):.{nd}f}"
    if float(text) in (0.0, 180.0):
        return f"{text}°"
    return f"{text}°{'E' if lon > 0 else 'W'}"


def plain(text: object) -> str:
    r"""Untrusted text for the terminal or the PNG, its bidi and C0 controls removed.

    An unterminated RIGHT-TO-LEFT OVERRIDE in a place name would otherwise
    reverse the figures printed after it ("55%" read as "%55").

    Examples
    --------
    >>> plain("Trento\u202e") + " 54.9 %"
    'Trento 54.9 %'
    """
    return _BIDI_RE.sub("", "" if text is None else str(text))


def has_rtl(text: str) -> bool:
    """Whether ``text`` holds a right-to-left letter (Arabic, Hebrew, ...)."""
    return _RTL_RE.search(text) is not None


def shorten(text: str, most: int = 28) -> str:
    """``text`` cut to at most ``most`` characters, with an ellipsis.

    Examples
    --------
    >>> shorten("Trento, Piazza del Duomo, the cathedral square", 20)
    'Trento, Piazza del…'
    >>> shorten("Hajin")
    'Hajin'
    """
    if len(text) <= most:
        return text
    return text[: most - 1].rstrip(" ,;:-") + "…"


def in_region_note(p_outside: float) -> str:
    """What the figures are given, when the target may be outside the region.

    Examples
    --------
    >>> in_region_note(0.3)
    'P(outside the region) 30.0 %: the places, areas and map are given the target is in the region.'
    >>> in_region_note(0.0)
    ''
    """  # noqa: E501
    if not p_outside > 0:
        return ""
    return (
        f"P(outside the region) {pct(p_outside)}: the places, areas and map are "
        "given the target is in the region."
    )


def percent_down(p: float, *, decimals: int = 0) -> str:
    """A probability as a percentage, rounded *down* for display.

    A POD or POS is never certain below 1, so it must not read as 100 %; a
    positive one too small to show reads as below the last digit.

    Examples
    --------
    >>> percent_down(0.99982), percent_down(0.99982, decimals=1), percent_down(1.0)
    ('99 %', '99.9 %', '100 %')
    >>> percent_down(0.0004), percent_down(0.0), percent_down(0.456, decimals=1)
    ('< 1 %', '0 %', '45.6 %')
    """
    scale = 10.0**decimals
    # the float product can land just below a whole number (0.29 * 100)
    shown = math.floor(p * 100.0 * scale + 1e-9) / scale
    if p < 1.0 and shown >= 100.0:
        shown = math.floor((100.0 - 1.0 / scale) * scale) / scale
    if p > 0.0 and shown <= 0.0:
        return f"< {1.0 / scale:.{decimals}f} %"
    return f"{shown:.{decimals}f} %"


def track_text(km: float) -> str:
    """A track length for display: km to 0.01 km, metres below that.

    Examples
    --------
    >>> track_text(1.234), track_text(0.0017), track_text(0.0)
    ('1.23 km', '1.7 m', '0 m')
    """
    if km >= 0.01:
        return f"{km:,.2f} km"
    return f"{km * 1000.0:.1f} m" if km > 0 else "0 m"


#: Kinds of evidence that say where a source is (an outbreak's cases) or where it
#: was looked for, not where a living person is.
_SOURCE_KINDS = frozenset({"event_set", "searched"})


def about_a_source(estimate: Any) -> bool:
    """Whether ``estimate`` rests on event sets alone (and searches): a source.

    An outbreak's source (a cooling tower, a well) or a base found from its
    events is no person: P(alive) means nothing there, and the outputs leave it
    out (``estimate.json`` keeps it, for ``verify``).

    >>> from types import SimpleNamespace as NS
    >>> about_a_source(NS(contributions=[NS(kind="event_set")]))
    True
    >>> about_a_source(NS(contributions=[NS(kind="event_set"), NS(kind="claim")]))
    False
    >>> about_a_source(NS(contributions=[]))
    False
    """
    kinds = {c.kind for c in estimate.contributions}
    return bool(kinds) and "event_set" in kinds and kinds <= _SOURCE_KINDS


#: An area named in the evidence is shown when it holds at least this much ...
AREA_SHOWN_FROM = 0.01
#: ... or is one of this many best (:func:`areas_shown`).
AREAS_SHOWN_TOP = 5


def area_kind_text(area: Any) -> str:
    """`` (state)``: what an area named in the evidence is, to follow its name.

    Its kind (:attr:`~geosleuth.fuse.AreaProbability.kind`): ``state``,
    ``province``, ``region``, ``country`` or ``continent``; empty where the
    items that name it keep none (older estimates) and for ``drawn``, a
    polygon drawn in the case file, which the analyst's own name says enough
    of ("ISIS pocket north of the Euphrates (May 2018) (drawn)" read oddly;
    estimate.json and the GeoJSON keep the kind).

    >>> from types import SimpleNamespace as NS
    >>> "Durango" + area_kind_text(NS(name="Durango", kind="state"))
    'Durango (state)'
    >>> area_kind_text(NS(name="the area of c3", kind=None))
    ''
    >>> area_kind_text(NS(name="Sierra pocket", kind="drawn"))
    ''
    """
    kind = getattr(area, "kind", None)
    return f" ({kind})" if kind and kind != "drawn" else ""


def areas_shown(estimate: Any) -> list[Any]:
    """The areas named in the evidence that the summary and report.html show.

    Those holding at least 1 % (:data:`AREA_SHOWN_FROM`), and the 5 best
    (:data:`AREAS_SHOWN_TOP`) whatever they hold; best first.
    ``estimate.json`` keeps them all.

    >>> from types import SimpleNamespace as NS
    >>> rows = [NS(probability=p) for p in (0.5, 0.2, 0.02, 0.011, 0.01, 0.004, 0.003)]
    >>> [a.probability for a in areas_shown(NS(named_areas=rows))]
    [0.5, 0.2, 0.02, 0.011, 0.01]
    >>> len(areas_shown(NS(named_areas=[NS(probability=0.001)] * 7)))
    5
    """
    rows = list(getattr(estimate, "named_areas", ()))
    return [
        a
        for k, a in enumerate(rows)
        if k < AREAS_SHOWN_TOP or a.probability >= AREA_SHOWN_FROM
    ]


def area_lead(
    estimate: Any,
    *,
    name: Callable[[str], str] = plain,
    figure: Callable[[str], str] = str,
) -> str | None:
    r"""The sentence that says an area holds more than the best ranked place.

    Ranked places are discs around points; an area an item names (a state, a
    province) may hold far more of the map, and the best place would then
    mislead (review r63, M4). None when no area holds more than the best place
    (nor, without ranked places, any of the map). ``name`` writes a name
    (default :func:`plain`) and ``figure`` a percentage (default as it is):
    report.html's isolate the one and escape the other.

    >>> from types import SimpleNamespace as NS
    >>> est = NS(named_areas=[NS(name="Durango", probability=0.48, items=("a", "b"),
    ...                          kind="state")],
    ...          places=[NS(name="Culiacán", probability=0.069)])
    >>> print(area_lead(est).replace("; ", ";\n"))
    48.0 % lies in Durango (state), an area named by 2 items;
    the best place is Culiacán, 6.9 %
    >>> area_lead(NS(named_areas=est.named_areas,
    ...              places=[NS(name="X", probability=0.5)]))  # the place holds more
    """
    areas = list(getattr(estimate, "named_areas", ()))
    if not areas:
        return None
    top = areas[0]
    places = list(estimate.places)
    best = places[0].probability if places else 0.0
    if not top.probability > best:
        return None
    n = len(top.items)
    named = f"named by {n} item{'' if n == 1 else 's'}"
    lead = (
        f"{figure(pct(top.probability))} lies in {name(top.name)}"
        f"{area_kind_text(top)}, an area {named}"
    )
    if not places:
        return f"{lead}; no place is ranked"
    return f"{lead}; the best place is {name(places[0].name)}, {figure(pct(best))}"
