"""A static map of an estimate as a PNG (matplotlib, Agg backend).

The map is drawn in the grid's own Lambert azimuthal equal-area plane, so the axes
are in km and the cells are true squares; country borders (Natural Earth), rivers,
the posterior (shaded by highest-density region, as in the HTML report), the 50 %
and 90 % outlines, the evidence and the ranked places are projected onto it, with a
graticule in degrees; the areas the headline names are labelled with their share,
as on report.html's map. matplotlib is imported inside :func:`render_png`.
"""

from __future__ import annotations

import math
import os
import warnings
from collections.abc import Callable, Iterable, Sequence
from typing import IO, Any

import numpy as np

from geosleuth.evidence import (
    Claim,
    EvidenceItem,
    Rings,
    Searched,
    Sighting,
    as_of_text,
)
from geosleuth.fuse import Estimate
from geosleuth.geometry import Area, Line, Point
from geosleuth.grid import Grid
from geosleuth.report import basemap, files
from geosleuth.report._png_labels import label_areas, label_places, label_rings
from geosleuth.report._style import (
    HDR_COLOR,
    KIND_COLORS,
    KIND_LABELS,
    RAMP_T_MAX,
    extent_lonlat,
    focus_extent_km,
    hdr_level,
    ramp_rgba,
)
from geosleuth.report.geojson import HDR_LEVELS, hdr_region_km
from geosleuth.report.text import (
    about_a_source,
    km2,
    lat_text,
    lon_text,
    pct,
    plain,
    shorten,
    tex_safe,
)

__all__ = ["render_png"]

_LAND = "#f3f0e8"
_SEA = "#dce8f1"
_MARKERS = {
    "sighting": "o",
    "claim": "D",
    "territory": "s",
    "front": "^",
    "searched": "X",
    "event_set": ".",
    "rings": "P",
}


def _degrees(value: float, *, lat: bool) -> str:
    """A graticule label with its hemisphere: ``4°W``, ``17°S``, ``180°``, ``0°``.

    Examples
    --------
    >>> _degrees(-4.0, lat=False), _degrees(-17.5, lat=True), _degrees(180.0, lat=False)
    ('4°W', '17.5°S', '180°')
    """
    if lat:
        return f"{abs(value):g}°" + ("" if value == 0 else "N" if value > 0 else "S")
    lon = (value + 180.0) % 360.0 - 180.0
    if lon == -180.0:
        lon = 180.0
    return f"{abs(lon):g}°" + ("" if lon in (0.0, 180.0) else "E" if lon > 0 else "W")


def _project_lines(grid: Grid, geom: Any) -> list[np.ndarray]:
    """Projected (x, y) arrays of every line or ring in a shapely geometry."""
    import shapely

    out = []
    parts = shapely.get_parts(geom)
    for part in parts:
        if part.geom_type == "Polygon":
            rings = [part.exterior, *part.interiors]
        elif part.geom_type in ("LineString", "LinearRing"):
            rings = [part]
        else:
            continue
        for ring in rings:
            xy = np.asarray(ring.coords)
            if len(xy) < 2:
                continue
            x, y = grid.lonlat_to_xy_km(xy[:, 0], xy[:, 1])
            out.append(np.column_stack([x, y]))
    return out


def _nice_step(span_deg: float) -> float:
    for step in (0.05, 0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 15.0, 30.0):
        if span_deg / step <= 8:
            return step
    return 45.0


def _draw_graticule(
    ax: Any,
    grid: Grid,
    bounds: basemap.BoundsLonLat,
    ext: tuple[float, float, float, float],
) -> None:
    west, south, east, north = bounds
    step = _nice_step(max(east - west, north - south))

    def inside(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        return np.asarray((x >= ext[0]) & (x <= ext[1]) & (y >= ext[2]) & (y <= ext[3]))

    def draw(lons: np.ndarray, lats: np.ndarray, label: str, along_x: bool) -> None:
        x, y = grid.lonlat_to_xy_km(lons, lats)
        ax.plot(x, y, color="#9aa5b1", lw=0.5, alpha=0.6, zorder=2)
        ok = inside(x, y)
        if ok.any():
            # label meridians at their southernmost visible point, parallels at
            # their westernmost
            i = np.flatnonzero(ok)[np.argmin(x[ok] if along_x else y[ok])]
            ax.annotate(
                label,
                (x[i], y[i]),
                xytext=(2, 2),
                textcoords="offset points",
                fontsize=7,
                color="#5b6570",
                zorder=2,
            )

    t = np.linspace(0.0, 1.0, 200)
    for lon in np.arange(math.ceil(west / step) * step, east + 1e-9, step):
        # a continuous longitude past 180 (across the antimeridian) is labelled
        # as the meridian it is: 180.5 is -179.5
        name = _degrees(float(lon), lat=False)
        draw(np.full_like(t, lon), south + (north - south) * t, name, False)
    for lat in np.arange(math.ceil(south / step) * step, north + 1e-9, step):
        name = _degrees(float(lat), lat=True)
        draw(west + (east - west) * t, np.full_like(t, lat), name, True)


def _draw_basemap(
    ax: Any, grid: Grid, bounds: basemap.BoundsLonLat, *, lw: float = 0.8
) -> list[str]:
    import shapely

    credits = [basemap.NATURAL_EARTH_ATTRIBUTION]
    for country in basemap.countries(bounds):
        land = shapely.clip_by_rect(country.geometry, *bounds)
        land = shapely.segmentize(land, 0.25)
        for poly in shapely.get_parts(land):
            if poly.geom_type != "Polygon":
                continue
            (xy, *_) = _project_lines(grid, poly.exterior)
            ax.fill(xy[:, 0], xy[:, 1], color=_LAND, lw=0, zorder=1)
        border = shapely.clip_by_rect(country.geometry.boundary, *bounds)
        border = shapely.segmentize(border, 0.25)
        for xy in _project_lines(grid, border):
            ax.plot(xy[:, 0], xy[:, 1], color="#4a545e", lw=lw, zorder=4)
    river_set = basemap.rivers(bounds)
    if river_set is not None:
        credits.append(river_set.attribution)
        for feat in river_set.geojson["features"]:
            geom = shapely.geometry.shape(feat["geometry"])
            for xy in _project_lines(grid, geom):
                ax.plot(
                    xy[:, 0], xy[:, 1], color="#2b7bb9", lw=1.0, alpha=0.8, zorder=3
                )
    return credits


def _draw_evidence(
    ax: Any, grid: Grid, items: list[EvidenceItem], used: set[str]
) -> set[str]:
    """Draw the used items; return the kinds drawn.

    Points and their circles are drawn as one artist a kind (a large case has
    thousands), in the same style as one each.
    """
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import Circle

    kinds = set()
    points: dict[str, list[tuple[float, float]]] = {}
    circles: list[Circle] = []
    for item in items:
        if item.id not in used:
            continue
        colour = KIND_COLORS.get(item.kind, "#333333")
        geom = getattr(item, "place", None) or getattr(item, "area", None)
        if isinstance(geom, Point):
            x, y = grid.lonlat_to_xy_km(geom.lon, geom.lat)
            radius = None
            if isinstance(item, (Claim, Searched)) and item.buffer_km > 0:
                radius = item.buffer_km
            elif isinstance(item, Sighting):
                radius = item.sigma_km
            elif isinstance(item, Rings):  # its distances; the last as the rest
                *inner, radius = (km for _, km in item.quantiles_km)
                circles.extend(
                    Circle((float(x), float(y)), km, fill=False, ec=colour, lw=0.8)
                    for km in inner
                )
            if radius:
                circles.append(
                    Circle(
                        (float(x), float(y)),
                        radius,
                        fill=False,
                        ec=colour,
                        lw=0.8,
                        ls="--",
                    )
                )
            points.setdefault(item.kind, []).append((float(x), float(y)))
        elif isinstance(geom, Line):
            for part in geom.parts:
                x, y = grid.lonlat_to_xy_km(part[:, 0], part[:, 1])
                ax.plot(x, y, color=colour, lw=1.5, zorder=6)
        elif isinstance(geom, Area):
            for poly in geom.polygons:
                for part in poly:  # the exterior and its holes ("30 km from")
                    ring = np.vstack([part, part[:1]])
                    x, y = grid.lonlat_to_xy_km(ring[:, 0], ring[:, 1])
                    ax.plot(x, y, color=colour, lw=1.2, ls=(0, (4, 2)), zorder=6)
        elif item.kind == "event_set":
            x, y = grid.lonlat_to_xy_km(item.lons, item.lats)  # type: ignore[union-attr]
            ax.plot(x, y, marker=".", ms=3, color=colour, ls="none", zorder=6)
        else:
            continue
        kinds.add(item.kind)
    if circles:
        ax.add_collection(PatchCollection(circles, match_original=True, zorder=6))
    for kind, xy in points.items():
        arr = np.asarray(xy)
        ax.plot(
            arr[:, 0],
            arr[:, 1],
            marker=_MARKERS.get(kind, "o"),
            ms=7,
            mfc=KIND_COLORS.get(kind, "#333333"),
            mec="white",
            mew=1.0,
            ls="none",
            zorder=7,
        )
    return kinds


def _area(extent: tuple[float, float, float, float]) -> float:
    return (extent[1] - extent[0]) * (extent[3] - extent[2])


def _draw_hdr(ax: Any, estimate: Estimate, *, lw: float) -> None:
    import shapely

    styles = {"50": "-", "90": "--"}
    for key, level in HDR_LEVELS:
        region = hdr_region_km(estimate.posterior, estimate.grid, level)
        for part in shapely.get_parts(region):
            for ring in [part.exterior, *part.interiors]:
                xy = np.asarray(ring.coords)
                ax.plot(
                    xy[:, 0],
                    xy[:, 1],
                    color=HDR_COLOR,
                    lw=lw,
                    ls=styles[key],
                    zorder=8,
                )


def _overview_box(
    fig: Any, ax: Any, grid: Grid, avoid: list[Any]
) -> tuple[float, float, float, float]:
    """Where the overview goes (figure fraction): a free corner of the map.

    The upper right, else the upper left, else the lower right: the first whose
    box overlaps none of ``avoid`` (the labelled places' markers and labels, as
    figure-fraction boxes), else the one overlapping the fewest.
    """
    full = (grid.west_km, grid.east_km, grid.south_km, grid.north_km)
    box = ax.get_position()
    side = 0.3 * min(box.width * fig.get_figwidth(), box.height * fig.get_figheight())
    ratio = (full[3] - full[2]) / (full[1] - full[0])
    iw, ih = (side, side * ratio) if ratio <= 1 else (side / ratio, side)
    iw, ih = iw / fig.get_figwidth(), ih / fig.get_figheight()
    corners = [
        (box.x1 - iw - 0.008, box.y1 - ih - 0.03),
        (box.x0 + 0.008, box.y1 - ih - 0.03),
        (box.x1 - iw - 0.008, box.y0 + 0.01),
    ]

    def hits(corner: tuple[float, float]) -> int:
        x0, y0 = corner
        pad = 0.01  # its title above it, and a margin
        return sum(
            1
            for b in avoid
            if b.x1 > x0 - pad
            and b.x0 < x0 + iw + pad
            and b.y1 > y0 - pad
            and b.y0 < y0 + ih + 0.03
        )

    x0, y0 = min(corners, key=hits)  # the first of the least hit
    return (x0, y0, iw, ih)


def _draw_overview(
    fig: Any,
    ax: Any,
    estimate: Estimate,
    rgba: np.ndarray,
    focus: tuple[float, float, float, float],
    avoid: list[Any] | None = None,
) -> None:
    """A small map of the whole grid in a corner of the main map free of labels."""
    from matplotlib.patches import Rectangle

    grid = estimate.grid
    full = (grid.west_km, grid.east_km, grid.south_km, grid.north_km)
    inset = fig.add_axes(_overview_box(fig, ax, grid, avoid or []))
    inset.set_facecolor(_SEA)
    _draw_basemap(inset, grid, basemap.pad_bounds(grid.bounds_lonlat(), 0.05), lw=0.5)
    inset.imshow(rgba, origin="lower", extent=full, interpolation="nearest", zorder=5)
    inset.add_patch(
        Rectangle(
            (focus[0], focus[2]),
            focus[1] - focus[0],
            focus[3] - focus[2],
            fill=False,
            ec="black",
            lw=1.0,
            zorder=9,
        )
    )
    inset.set_xlim(full[0], full[1])
    inset.set_ylim(full[2], full[3])
    inset.set_aspect("equal")
    inset.set_xticks([])
    inset.set_yticks([])
    inset.set_title("whole grid", fontsize=7, pad=2)


def _caption(estimate: Estimate, n_items: int, n_other_person: int = 0) -> str:
    """The figures under the map, as the terminal and report.html write them.

    ``n_items`` are the items the estimate was made from, ``n_other_person``
    those of readings made for another person, left out before it: they count
    among the items, as in the terminal's "left out: 1 (1 read for another
    person)" and report.html's.

    Examples
    --------
    >>> import datetime as dt
    >>> from geosleuth.fuse import fuse
    >>> g = Grid.around(0.0, 0.0, radius_km=1.0, cell_km=0.05)
    >>> print(_caption(fuse([], g, as_of=dt.date(2024, 1, 1)), 0))
    As of 2024-01-01  ·  P(alive) 90.0 %  ·  50% area 2 km²  ·  90% area 3.6 km²  ·  0 of 0 items used
    >>> _caption(fuse([], g, as_of=dt.date(2024, 1, 1)), 0, 2).split("  ·  ")[-1]
    '0 of 2 items used (2 read for another person, left out)'
    """  # noqa: E501
    hdr = estimate.hdr_km2
    life = "" if about_a_source(estimate) else f"P(alive) {pct(estimate.p_alive)}  ·  "
    text = (
        f"As of {as_of_text(estimate.as_of)}  ·  {life}"
        f"50% area {km2(hdr.get('50', math.nan))}  ·  90% area "
        f"{km2(hdr.get('90', math.nan))}  ·  {len(estimate.used)} of "
        f"{n_items + n_other_person} items used"
    )
    if n_other_person:
        text += f" ({n_other_person} read for another person, left out)"
    if estimate.p_outside > 0:
        text += (
            f"  ·  P(outside the region) {pct(estimate.p_outside)}: places, areas "
            "and map given the target is in the region"
        )
    return text


def _warning_line(run_warnings: Sequence[str]) -> str:
    """The run's warnings in one line: the first, shortened, and how many more.

    Examples
    --------
    >>> _warning_line(["No item is used.", "Edge."])
    'Warning: No item is used. (and 1 more; see report.html)'
    >>> _warning_line([])
    ''
    """
    if not run_warnings:
        return ""
    more = len(run_warnings) - 1
    return f"Warning: {shorten(plain(run_warnings[0]), 220)} " + (
        f"(and {more} more; see report.html)" if more else "(see report.html)"
    )


#: The footer's fonts (points) and the colour bar's label.
_TITLE_PT, _CAPTION_PT, _WARNING_PT, _CREDITS_PT, _BAR_PT = 13.0, 8.0, 7.5, 6.5, 7.0
_BAR_LABEL = "smallest area holding the cell (share of probability)"
#: The narrowest figure (inches): a tall, narrow grid's map is centred in it, so
#: the footer under it keeps room for its text.
_MIN_WIDTH_IN = 6.0


def _wrap(
    text: str, fits: Callable[[str], bool], seps: Sequence[str] = ("  ·  ", " ")
) -> list[str]:
    """``text`` broken into lines that each ``fits``.

    Broken at the first of ``seps`` (the summary's "  ·  ", between its
    figures), a part too long for a line at the next (spaces), a word too long
    for a line on its own (a path, a URL) where it must. The separator at a
    break is left out.

    Examples
    --------
    >>> _wrap("one two  ·  three four  ·  five", lambda s: len(s) <= 12)
    ['one two', 'three four', 'five']
    >>> _wrap("abcdefghij k", lambda s: len(s) <= 4)
    ['abcd', 'efgh', 'ij k']
    """
    sep, *finer = seps
    lines: list[str] = []
    line: str | None = None
    for piece in text.split(sep):
        if line is not None and fits(line + sep + piece):
            line += sep + piece
            continue
        if line is not None:
            lines.append(line)
        if fits(piece) or not piece:
            line = piece
            continue
        if finer:
            *done, line = _wrap(piece, fits, finer)
            lines.extend(done)
            continue
        while len(piece) > 1 and not fits(piece):
            cut = len(piece) - 1
            while cut > 1 and not fits(piece[:cut]):
                cut -= 1
            lines.append(piece[:cut])
            piece = piece[cut:]
        line = piece
    lines.append(line or "")
    return lines


def _fitter(renderer: Any, points: float, width_in: float, dpi: float) -> Any:
    """Whether a line of text at ``points`` is at most ``width_in`` wide."""
    from matplotlib.font_manager import FontProperties

    prop = FontProperties(size=points)
    limit = width_in * dpi

    def fits(line: str) -> bool:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r".*[Gg]lyph .* missing")
            w, _, _ = renderer.get_text_width_height_descent(line, prop, ismath=False)
        return bool(w <= limit)

    return fits


def _wrapped(text: str, renderer: Any, points: float, width_in: float) -> str:
    """``text`` as drawn (see :func:`tex_safe`), wrapped to ``width_in`` inches."""
    fits = _fitter(renderer, points, width_in, renderer.dpi)
    return "\n".join(tex_safe(line) for line in _wrap(plain(text), fits))


def _width_in(renderer: Any, text: str, points: float = _BAR_PT) -> float:
    """How wide one line of ``text`` is drawn at ``points``, in inches."""
    from matplotlib.font_manager import FontProperties

    w, _, _ = renderer.get_text_width_height_descent(
        text, FontProperties(size=points), ismath=False
    )
    return float(w) / float(renderer.dpi)


def _height_in(fig: Any, renderer: Any, text: str, points: float) -> float:
    """How tall ``text`` (lines and all) is drawn at ``points``, in inches."""
    probe = fig.text(0.0, 0.0, text, fontsize=points)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*[Gg]lyph .* missing")
        height = probe.get_window_extent(renderer).height / fig.dpi
    probe.remove()
    return float(height)


def render_png(
    estimate: Estimate,
    items: Iterable[EvidenceItem],
    path_or_buffer: str | os.PathLike[str] | IO[bytes],
    *,
    title: str,
    n_labels: int = 8,
    dpi: int = 120,
    run_warnings: Sequence[str] = (),
    set_aside: Sequence[tuple[EvidenceItem, str]] = (),
) -> None:
    r"""Draw a static map of an estimate and save it as PNG.

    Parameters
    ----------
    estimate : Estimate
        The result of :func:`geosleuth.fuse.fuse`.
    items : iterable of evidence items
        The items the estimate was made from; those it used are drawn.
    path_or_buffer : path or binary file object
        Where to write the PNG.
    title : str
        Title above the map (any text; ``$`` is shown literally).
    n_labels : int, default 8
        How many of the ranked places to label.
    dpi : int, default 120
        Resolution; the figure is about 9 inches wide (6 at least, for a tall
        grid), its height follows the grid's aspect ratio and the text under
        the map.
    run_warnings : sequence of str, optional
        What the run warned of: the first, shortened, and how many more are
        printed under the map.
    set_aside : sequence of (item, reason), optional
        The items the run set aside before the estimate, as
        :func:`~geosleuth.report.html.render_report` takes them: those read for
        another person (:data:`~geosleuth.report.files.OTHER_PERSON`) count as
        left out in the "N of M items used" under the map.

    Examples
    --------
    >>> import datetime as dt, io
    >>> from geosleuth.fuse import fuse
    >>> g = Grid.around(40.8, 34.7, radius_km=60.0, cell_km=4.0)
    >>> est = fuse([], g, as_of=dt.date(2018, 5, 15))
    >>> buf = io.BytesIO()
    >>> render_png(est, [], buf, title="Nothing known")
    >>> buf.getvalue()[:8] == b"\x89PNG\r\n\x1a\n"
    True
    """
    fig = _figure(
        estimate,
        list(items),
        title=title,
        n_labels=n_labels,
        dpi=dpi,
        run_warnings=run_warnings,
        set_aside=set_aside,
    )
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*[Gg]lyph .* missing")
        fig.savefig(path_or_buffer, format="png", dpi=dpi)


def _map_size(
    extent: tuple[float, float, float, float], most: float
) -> tuple[float, float, tuple[float, float, float, float]]:
    """The map's width and height (inches) and the extent (km) it shows.

    ``most`` inches wide, or 9 tall, whichever comes first at the extent's
    aspect ratio; an extent that would make it under 3.5 inches tall or 2 wide
    is grown about its centre to be that tall or wide.

    Examples
    --------
    >>> _map_size((0.0, 100.0, 0.0, 100.0), 7.95)[:2]
    (7.95, 7.95)
    >>> aw, ah, (x0, x1, y0, y1) = _map_size((0.0, 1000.0, 0.0, 10.0), 7.95)
    >>> aw, ah, round(y0, 1), round(y1, 1)  # a strip, shown 3.5 inches tall
    (7.95, 3.5, -215.1, 225.1)
    """
    x0, x1, y0, y1 = extent
    ratio = (y1 - y0) / (x1 - x0)
    aw = most
    ah = aw * ratio
    if ah > 9.0:
        ah = 9.0
        aw = ah / ratio
    if ah < 3.5:
        grow = (3.5 / aw * (x1 - x0) - (y1 - y0)) / 2.0
        y0, y1, ah = y0 - grow, y1 + grow, 3.5
    if aw < 2.0:
        grow = (2.0 / ah * (y1 - y0) - (x1 - x0)) / 2.0
        x0, x1, aw = x0 - grow, x1 + grow, 2.0
    return aw, ah, (x0, x1, y0, y1)


def _figure(
    estimate: Estimate,
    items: list[EvidenceItem],
    *,
    title: str,
    n_labels: int,
    dpi: int,
    run_warnings: Sequence[str],
    set_aside: Sequence[tuple[EvidenceItem, str]],
) -> Any:
    """The map's figure, as :func:`render_png` saves it.

    Its parts are named by ``gid`` for the tests of its layout: the axes
    ``"map"``, the colour bar's ``"colour bar"``, the texts ``"caption"``,
    ``"warning"`` and ``"credits"``.

    The footer is laid out in inches from the bottom up, each text wrapped to
    the width it is given and measured, so the figure is as tall as its text
    needs: credits, the warning, the colour bar with the summary beside it (or
    under it, where the figure is too narrow), then the map (review r50, M3).
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.colors import ListedColormap, Normalize
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle

    grid = estimate.grid
    full = (grid.west_km, grid.east_km, grid.south_km, grid.north_km)
    focus = focus_extent_km(estimate.posterior, grid)
    zoomed = _area(focus) < 0.6 * _area(full)
    extent = focus if zoomed else full

    # The map's size in inches: it keeps the extent's aspect ratio, and is 3.5
    # inches tall and 2 wide at least, for its legend: a very wide or very tall
    # extent is shown with the land around it, as tall or as wide as that.
    left, right = 0.8, 0.25
    aw, ah, extent = _map_size(extent, 9.0 - left - right)
    bounds = basemap.pad_bounds(extent_lonlat(grid, extent), 0.05)
    fw = max(left + aw + right, _MIN_WIDTH_IN)
    ax_left = left + (fw - left - right - aw) / 2.0  # centred, if narrower
    width = fw - left - right  # the footer's
    fig: Any = Figure(figsize=(fw, 1.0), dpi=dpi)
    FigureCanvasAgg(fig)
    renderer = fig.canvas.get_renderer()  # for measuring the texts
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0), gid="map")  # placed below
    ax.set_facecolor(_SEA)
    credits = _draw_basemap(ax, grid, bounds)

    # The texts, wrapped to their widths and measured.
    # the colour bar as wide as its label at least, which is centred under it
    bar_w = min(width, max(min(3.2, 0.45 * aw), _width_in(renderer, _BAR_LABEL)))
    beside = width - bar_w - 0.35 >= 3.0  # the summary beside the colour bar
    if not beside:
        bar_w = min(3.2, width)
    cap_w = width - bar_w - 0.35 if beside else width
    others = files.n_other_person(why for _, why in set_aside)
    summary = _caption(estimate, len(items), others)
    caption = _wrapped(summary, renderer, _CAPTION_PT, cap_w)
    credit = _wrapped(
        "; ".join(credits) + f". Lambert azimuthal equal-area, centre "
        f"{lat_text(grid.lat0)} {lon_text(grid.lon0)}; cells {grid.cell_km:g} km.",
        renderer,
        _CREDITS_PT,
        width,
    )
    warned = _warning_line(run_warnings)
    warning = _wrapped(warned, renderer, _WARNING_PT, width) if warned else ""
    heading = _wrapped(title, renderer, _TITLE_PT, fw - ax_left - right)
    cap_h = _height_in(fig, renderer, caption, _CAPTION_PT)
    # under the bar: its ticks (3.5 pt), their pad (3.5 pt), labels, the label's
    # pad (4 pt) and the label
    under = (
        11.0 / 72.0
        + _height_in(fig, renderer, "99.9%", _BAR_PT)
        + _height_in(fig, renderer, _BAR_LABEL, _BAR_PT)
    )
    bar_h = 0.12

    # Bottom up, in inches.
    y = 0.12
    credits_y = y
    y += _height_in(fig, renderer, credit, _CREDITS_PT) + 0.12
    warning_y = y
    if warning:
        y += _height_in(fig, renderer, warning, _WARNING_PT) + 0.15
    if beside:
        row = max(bar_h + under, cap_h)
        bar_y = y + row - bar_h
        caption_top = y + row
        y += row
    else:
        caption_top = y + cap_h
        bar_y = caption_top + 0.15 + under
        y = bar_y + bar_h
    bottom = y + 0.65  # the map's tick labels and x label above the footer
    top = max(0.55, _height_in(fig, renderer, heading, _TITLE_PT) + 0.35)
    fh = bottom + ah + top
    fig.set_size_inches(fw, fh)
    ax.set_position((ax_left / fw, bottom / fh, aw / fw, ah / fh))

    _draw_graticule(ax, grid, bounds, extent)
    rgba = ramp_rgba(hdr_level(estimate.posterior)).reshape(grid.ny, grid.nx, 4)
    ax.imshow(rgba, origin="lower", extent=full, interpolation="nearest", zorder=5)
    if (
        extent[0] < full[0]
        or extent[1] > full[1]
        or extent[2] < full[2]
        or (extent[3] > full[3])
    ):  # the map shows land beyond the grid: where the grid ends
        ax.add_patch(
            Rectangle(
                (full[0], full[2]),
                full[1] - full[0],
                full[3] - full[2],
                fill=False,
                ec="#333333",
                lw=0.8,
                ls=":",
                zorder=8,
            )
        )
    _draw_hdr(ax, estimate, lw=1.6)

    kinds = _draw_evidence(ax, grid, items, set(estimate.used))
    ax.set_xlim(extent[0], extent[1])
    ax.set_ylim(extent[2], extent[3])
    ax.set_aspect("equal")
    placed = label_places(fig, ax, estimate, extent, n_labels)
    placed += label_areas(fig, ax, estimate, extent, placed)
    rings = [i for i in items if isinstance(i, Rings) and i.id in estimate.used]
    placed += label_rings(fig, ax, grid, rings, placed)
    if zoomed:
        _draw_overview(fig, ax, estimate, rgba, focus, placed)
    ax.set_xlabel(f"km east of {lon_text(grid.lon0)}", fontsize=8)
    ax.set_ylabel(f"km north of {lat_text(grid.lat0)}", fontsize=8)
    ax.tick_params(labelsize=8)
    ax.set_title(heading, fontsize=_TITLE_PT, loc="left")

    handles = [
        Line2D([], [], color=HDR_COLOR, lw=1.6, label="50% area"),
        Line2D([], [], color=HDR_COLOR, lw=1.6, ls="--", label="90% area"),
        Line2D(
            [],
            [],
            marker="o",
            ms=5,
            mfc="white",
            mec="black",
            ls="none",
            label="ranked place",
        ),
    ]
    handles += [
        Line2D(
            [],
            [],
            marker=_MARKERS.get(k, "o"),
            ms=6,
            mfc=KIND_COLORS[k],
            mec="white",
            ls="none",
            label=KIND_LABELS[k],
        )
        if k != "rings"
        # the rings as they show, a circle (their place's marker lies under
        # the ranked place's; review r211, L1)
        else Line2D(
            [],
            [],
            marker="o",
            ms=9,
            mfc="none",
            mec=KIND_COLORS[k],
            mew=1.0,
            ls="none",
            label=KIND_LABELS[k],
        )
        for k in KIND_COLORS
        if k in kinds
    ]
    ax.legend(handles=handles, loc="lower left", fontsize=7.5, framealpha=0.85)

    cax = fig.add_axes(
        (left / fw, bar_y / fh, bar_w / fw, bar_h / fh), gid="colour bar"
    )
    t = np.linspace(0.0, RAMP_T_MAX, 256)
    colours = ramp_rgba(1.0 - 10.0 ** (-t))
    colours[:, 3] = np.maximum(colours[:, 3], 0.15)
    from matplotlib.cm import ScalarMappable

    bar = fig.colorbar(
        ScalarMappable(norm=Normalize(0.0, RAMP_T_MAX), cmap=ListedColormap(colours)),
        cax=cax,
        orientation="horizontal",
    )
    bar.set_ticks([math.log10(2.0), 1.0, 2.0, 3.0])
    bar.set_ticklabels(["50%", "90%", "99%", "99.9%"])
    bar.ax.tick_params(labelsize=_BAR_PT)
    bar.set_label(_BAR_LABEL, fontsize=_BAR_PT)

    fig.text(
        (left + bar_w + 0.35 if beside else left) / fw,
        caption_top / fh,
        caption,
        fontsize=_CAPTION_PT,
        ha="left",
        va="top",
        gid="caption",
    )
    fig.text(
        left / fw,
        credits_y / fh,
        credit,
        fontsize=_CREDITS_PT,
        color="#5b6570",
        va="bottom",
        gid="credits",
    )
    if warning:
        fig.text(
            left / fw,
            warning_y / fh,
            warning,
            fontsize=_WARNING_PT,
            color="#a50f15",
            va="bottom",
            gid="warning",
        )
    return fig
