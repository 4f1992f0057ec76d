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
    "headline_lead",
    "in_region_note",
    "km2",
    "lat_text",
    "lead_areas",
    "lon_text",
    "meaningful_place",
    "pct",
    "pct_fine",
    "percent_down",
    "plain",
    "shorten",
    "tex_safe",
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


#: A ranked place holding less than this is no answer to "where is the target":
#: the headline does not call it the most likely place (review r85, M2).
MEANINGFUL_PLACE = 0.01


def meaningful_place(estimate: Any) -> bool:
    """Whether the best ranked place holds enough to lead the report (1 % or more).

    >>> from types import SimpleNamespace as NS
    >>> meaningful_place(NS(places=[NS(probability=0.779)]))
    True
    >>> meaningful_place(NS(places=[NS(probability=4e-5)])), meaningful_place(
    ...     NS(places=[]))
    (False, False)
    """
    places = list(getattr(estimate, "places", ()))
    return bool(places) and places[0].probability >= MEANINGFUL_PLACE


#: How :data:`MEANINGFUL_PLACE` reads: "1 %".
_MEANINGFUL_TEXT = f"{100 * MEANINGFUL_PLACE:g} %"


def _not_meaningful(p: float) -> str:
    """What follows a best place below 1 %: ", under 1 %: not a likely place"."""
    if p >= MEANINGFUL_PLACE:
        return ""
    return f", under {_MEANINGFUL_TEXT}: not a likely place"


def _shape(area: Any) -> Any:
    """A named area's polygon as a shapely geometry, or None where it has none."""
    import shapely.geometry

    polygon = getattr(area, "area", None)
    if polygon is None or not hasattr(polygon, "to_geojson"):
        return None
    try:
        return shapely.geometry.shape(polygon.to_geojson())
    except (ValueError, TypeError, AttributeError):
        return None


def _hdr50_centre(estimate: Any) -> tuple[float, float] | None:
    """``(lon, lat)`` of the 50 % area's cell nearest its centre of probability.

    The probability-weighted mean of the area's cells, moved to the nearest of
    them (the mean of two blobs lies between them); None without a grid (a
    stand-in).
    """
    grid = getattr(estimate, "grid", None)
    posterior = getattr(estimate, "posterior", None)
    if grid is None or posterior is None or len(posterior) == 0:
        return None
    import numpy as np

    from geosleuth.fuse import hdr_mask

    p = np.asarray(posterior, dtype=np.float64)
    cells = np.flatnonzero(hdr_mask(p, 0.5))
    if cells.size == 0 or not p[cells].sum() > 0:
        return None
    x, y = grid.cell_xy_km()
    w = p[cells] / p[cells].sum()
    mx, my = float(w @ x[cells]), float(w @ y[cells])
    k = cells[int(np.argmin((x[cells] - mx) ** 2 + (y[cells] - my) ** 2))]
    lons, lats = grid.cell_lonlat()
    return float(lons[k]), float(lats[k])


def _hdr50_text(
    estimate: Any, areas: list[Any], name: Callable[[str], str] = plain
) -> str:
    """Where the 50 % area lies, and the smallest named area its centre lies in.

    "the 50 % area, 475 km², is centred near 42.43°N, 18.77°E, a point in
    Kotor (municipality)": the centre's area, however large the 50 % area is
    (review r97: "… 548,000 km², is centred near …, in Box" read as if the
    area lay in an 11,200 km² box); "" without a map (a stand-in).
    """
    centre = _hdr50_centre(estimate)
    size = getattr(estimate, "hdr_km2", {}).get("50")
    if centre is None or size is None:
        return ""
    import shapely

    point = shapely.Point(*centre)
    inside = [a for a in areas if (s := _shape(a)) is not None and s.covers(point)]
    where = ""
    if inside:
        least = min(inside, key=lambda a: a.area_km2)
        where = f", a point in {name(least.name)}{area_kind_text(least)}"
    return (
        f"the 50 % area, {km2(size)}, is centred near "
        f"{lat_text(centre[1])}, {lon_text(centre[0])}{where}"
    )


def _within(small: Any, big: Any) -> bool:
    """Whether the area ``small`` lies (nine tenths of it or more) inside ``big``."""
    a, b = _shape(small), _shape(big)
    if a is None or b is None or not a.area > 0:
        return False
    return bool(a.intersection(b).area >= 0.9 * a.area)


def lead_areas(estimate: Any) -> list[Any]:
    """The named areas :func:`area_lead` names, best first ([] where none leads).

    The best area where it holds more than the best ranked place (or, without
    ranked places, any of the map), then up to two more of those shown
    (:func:`areas_shown`) that also hold more, by what they hold, larger or
    smaller (review r97: a larger Durango holding 39.7 % was left out beside a
    box inside it). report.html labels them on its map.

    >>> from types import SimpleNamespace as NS
    >>> rows = [NS(name=n, probability=p) for n, p in
    ...         (("A", 0.6), ("B", 0.2), ("C", 0.1), ("D", 0.08))]
    >>> [a.name for a in lead_areas(NS(named_areas=rows,
    ...                                places=[NS(probability=0.05)]))]
    ['A', 'B', 'C']
    >>> lead_areas(NS(named_areas=rows, places=[NS(probability=0.7)]))
    []
    """
    areas = list(getattr(estimate, "named_areas", ()))
    places = list(getattr(estimate, "places", ()))
    best = places[0].probability if places else 0.0
    if not areas or not areas[0].probability > best:
        return []
    others = [a for a in areas_shown(estimate)[1:] if a.probability > best][:2]
    return [areas[0], *others]


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
    (nor, without ranked places, any of the map). The next two named areas
    that also hold more than the best place follow, best first (said to lie
    within the first where they do), then the best place (said to be no likely place
    under 1 %, :data:`MEANINGFUL_PLACE`), then where the 50 % area lies (its
    centre, and the smallest named area holding it): the report leads
    with it (review r85, M2). ``name`` writes a name (default :func:`plain`)
    and ``figure`` a percentage (default as it is): report.html's isolate the
    one and escape the other.

    >>> from types import SimpleNamespace as NS
    >>> est = NS(named_areas=[NS(name="Durango", probability=0.48, items=("a", "b"),
    ...                          kind="state", area_km2=123_000.0)],
    ...          places=[NS(name="Culiacán", probability=0.069)])
    >>> print(area_lead(est).replace("; ", ";\n"))
    48.0 % lies in Durango (state), an area named by 2 items;
    the best place is Culiacán, 6.9 %
    >>> est.places[0].probability = 0.0004
    >>> area_lead(est)[-48:]
    'Culiacán, < 0.1 %, under 1 %: not a likely place'
    >>> area_lead(NS(named_areas=est.named_areas,
    ...              places=[NS(name="X", probability=0.5)]))  # the place holds more
    """
    shown = lead_areas(estimate)
    if not shown:
        return None
    top, others = shown[0], shown[1:]
    places = list(estimate.places)
    best = places[0].probability if places else 0.0
    n = len(top.items)
    named = f"named by {n} item{'' if n == 1 else 's'}"
    lead = (
        f"{figure(pct(top.probability))} lies in {name(top.name)}"
        f"{area_kind_text(top)}, an area {named}"
    )
    for a in others:
        joint = "of which" if _within(a, top) else "and"
        lead += (
            f", {joint} {figure(pct(a.probability))} in {name(a.name)}"
            f"{area_kind_text(a)}, {km2(a.area_km2)}"
        )
    if not places:
        lead += "; no place is ranked"
    else:
        lead += (
            f"; the best place is {name(places[0].name)}, {figure(pct(best))}"
            f"{_not_meaningful(best)}"
        )
    where = _hdr50_text(estimate, list(estimate.named_areas), name)
    return f"{lead}; {where}" if where else lead


def place_lead(
    estimate: Any,
    *,
    name: Callable[[str], str] = plain,
    figure: Callable[[str], str] = str,
) -> str | None:
    """The headline when the best ranked place holds under 1 % and no area more.

    Such a place is no answer (review r85, M2): the sentence says so, and
    where the 50 % area lies. None when the best place holds 1 % or more, or
    an area named in the evidence holds more (:func:`area_lead` leads then).
    ``name`` and ``figure`` as for :func:`area_lead`.

    >>> from types import SimpleNamespace as NS
    >>> place_lead(NS(places=[NS(name="Split", probability=4e-5, radius_km=15)],
    ...               named_areas=[]))
    'No ranked place is likely: the best, Split, holds < 0.1 % within 15 km, under 1 %'
    >>> place_lead(NS(places=[NS(name="Hajin", probability=0.78, radius_km=15)]))
    """
    places = list(getattr(estimate, "places", ()))
    if not places or meaningful_place(estimate) or area_lead(estimate) is not None:
        return None
    top = places[0]
    lead = (
        f"No ranked place is likely: the best, {name(top.name)}, holds "
        f"{figure(pct(top.probability))} within {top.radius_km:g} km, under "
        f"{_MEANINGFUL_TEXT}"
    )
    where = _hdr50_text(estimate, list(getattr(estimate, "named_areas", ())), name)
    return f"{lead}; {where}" if where else lead


def headline_lead(estimate: Any) -> str | None:
    """What the summary says before the ranked places, where they mislead.

    :func:`area_lead` where a named area holds more than the best place, else
    :func:`place_lead` where the best place holds under 1 %; None where the
    best place leads (the demo's Hajin, 77.9 %).
    """
    return area_lead(estimate) or place_lead(estimate)


def tex_safe(text: str) -> str:
    r"""Untrusted text as drawn: ``$`` literal (no mathtext), no bidi controls.

    Examples
    --------
    >>> tex_safe("evil\u202e $5")
    'evil \\$5'
    """
    return plain(text).replace("$", r"\$")
