"""Labels on map.png: the ranked places, the rings' percents and the leading areas.

Each label is placed where it covers no other label and stays within the map
(:func:`clear_of`, :func:`inside_shift`). Moved out of :mod:`geosleuth.report.png`
as it grew past the house's size for one module.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from geosleuth.evidence import Rings
from geosleuth.fuse import Estimate
from geosleuth.grid import Grid
from geosleuth.report._style import HDR_COLOR, area_label_cells
from geosleuth.report.text import area_kind_text, pct, plain, shorten, tex_safe

__all__ = ["clear_of", "inside_shift", "label_areas", "label_places", "label_rings"]


#: The places by its marker a label may take, as (offset in points, alignment):
#: above right (the first choice), below right, above left, below left, then
#: the same a line further out.
_CORNERS = tuple(
    ((dx, dy * step), (ha, va))
    for step in (1, 4)
    for (dx, dy), (ha, va) in (
        ((5, 4), ("left", "baseline")),
        ((5, -4), ("left", "top")),
        ((-5, 4), ("right", "baseline")),
        ((-5, -4), ("right", "top")),
    )
)


def clear_of(ann: Any, placed: Sequence[Any], renderer: Any, inside: Any) -> None:
    """Move the label ``ann`` to a corner of its marker where it covers no label.

    Kept where it is when it covers none of ``placed`` (display boxes), or when
    every corner that stays within ``inside`` (the map's box) covers one.
    """

    # a few pixels apart: the labels' white halos would touch
    def covers(box: Any) -> bool:
        return any(box.padded(3).overlaps(b) for b in placed)

    if not covers(ann.get_window_extent(renderer)):
        return
    start = (ann.xyann, ann.get_horizontalalignment(), ann.get_verticalalignment())
    for offset, (ha, va) in _CORNERS:
        ann.xyann = offset
        ann.set_horizontalalignment(ha)
        ann.set_verticalalignment(va)
        box = ann.get_window_extent(renderer)
        within = box.x0 >= inside.x0 and box.x1 <= inside.x1 and box.y1 <= inside.y1
        if within and not covers(box):
            return
    ann.xyann = start[0]
    ann.set_horizontalalignment(start[1])
    ann.set_verticalalignment(start[2])


def label_places(
    fig: Any,
    ax: Any,
    estimate: Estimate,
    extent: tuple[float, float, float, float],
    n_labels: int,
) -> list[Any]:
    """Mark and label the best places; return their boxes (figure fraction).

    A label reads "rank. name probability"; a long name is shortened, never the
    probability. A label that would run past the right edge of the map goes to
    the left of its marker, one past the top goes below it. A label that would
    cover one placed before it (two places close together) takes the first of
    the other corners of its marker where it covers none (review r31, L6).
    """
    from matplotlib.patheffects import withStroke
    from matplotlib.transforms import Bbox

    grid = estimate.grid
    halo = [withStroke(linewidth=3, foreground="white")]
    renderer = fig.canvas.get_renderer()
    axes_box = ax.get_window_extent(renderer)
    to_fig = fig.transFigure.inverted()
    boxes: list[Any] = []
    placed: list[Any] = []  # the labels so far, in display units
    for rank, pl in enumerate(estimate.places[:n_labels], start=1):
        x, y = grid.lonlat_to_xy_km(pl.lon, pl.lat)
        if not (extent[0] <= x <= extent[1] and extent[2] <= y <= extent[3]):
            continue
        (mark,) = ax.plot(
            [x],
            [y],
            marker="o",
            ms=4.5,
            mfc="white",
            mec="black",
            mew=1.2,
            ls="none",
            zorder=9,
        )
        text = f"{rank}. {shorten(plain(pl.name), 28)} {pct(pl.probability)}"
        ann = ax.annotate(
            tex_safe(text),
            (float(x), float(y)),
            xytext=(5, 4),
            textcoords="offset points",
            fontsize=8.5,
            fontweight="bold" if rank <= 3 else "normal",
            zorder=10,
            path_effects=halo,
        )
        box = ann.get_window_extent(renderer)
        if box.x1 > axes_box.x1:
            ann.set_horizontalalignment("right")
            ann.xyann = (-5, ann.xyann[1])
        if box.y1 > axes_box.y1:
            ann.set_verticalalignment("top")
            ann.xyann = (ann.xyann[0], -4)
        clear_of(ann, placed, renderer, axes_box)
        placed.append(ann.get_window_extent(renderer))
        boxes.extend(
            Bbox(to_fig.transform(b.get_points()))
            for b in (ann.get_window_extent(renderer), mark.get_window_extent(renderer))
        )
    return boxes


#: Where a ring's label may go on its circle: below, above, right, left of the
#: place, as a unit direction and the label's alignment there.
_RING_SIDES: tuple[tuple[tuple[float, float], str, str], ...] = (
    ((0.0, -1.0), "center", "top"),
    ((0.0, 1.0), "center", "bottom"),
    ((1.0, 0.0), "left", "center"),
    ((-1.0, 0.0), "right", "center"),
)
#: The rings' labels: the rings' colour, darker to be read on the land's.
_RING_TEXT = "#1f6f99"


def label_rings(
    fig: Any,
    ax: Any,
    grid: Grid,
    rings: Sequence[Rings],
    avoid: Sequence[Any],
) -> list[Any]:
    """Label each ring's circle with its percent ("50 %"); return the boxes.

    On the circle, below its place, else above, right or left, where the label
    stays on the map and covers no label drawn before (``avoid``, boxes in
    figure fraction; review r211, L1); a circle with no such side goes
    unlabelled.
    """
    from matplotlib.patheffects import withStroke
    from matplotlib.transforms import Bbox

    halo = [withStroke(linewidth=2.5, foreground="white")]
    renderer = fig.canvas.get_renderer()
    axes_box = ax.get_window_extent(renderer)
    to_fig = fig.transFigure.inverted()
    to_display = fig.transFigure
    taken = [Bbox(to_display.transform(b.get_points())) for b in avoid]
    boxes: list[Any] = []
    for item in rings:
        x, y = (float(v) for v in grid.lonlat_to_xy_km(item.place.lon, item.place.lat))
        for percent, km in item.quantiles_km:
            ann = ax.text(
                x,
                y,
                f"{percent:g} %",
                fontsize=6.5,
                color=_RING_TEXT,
                zorder=9,
                path_effects=halo,
            )
            for (dx, dy), ha, va in _RING_SIDES:
                ann.set_position((x + dx * km, y + dy * km))
                ann.set_horizontalalignment(ha)
                ann.set_verticalalignment(va)
                box = ann.get_window_extent(renderer)
                on_map = (
                    box.x0 >= axes_box.x0
                    and box.x1 <= axes_box.x1
                    and box.y0 >= axes_box.y0
                    and box.y1 <= axes_box.y1
                )
                if on_map and not any(box.padded(2).overlaps(b) for b in taken):
                    taken.append(box)
                    boxes.append(Bbox(to_fig.transform(box.get_points())))
                    break
            else:
                ann.remove()
    return boxes


#: Where an area's label may go, as its offset (points) from the area's label
#: cell: on it, then a line above or below, then two or three lines out.
_AREA_OFFSETS: tuple[tuple[float, float], ...] = (
    (0.0, 0.0),
    (0.0, 11.0),
    (0.0, -11.0),
    (0.0, 22.0),
    (0.0, -22.0),
    (0.0, 33.0),
    (0.0, -33.0),
)


def inside_shift(box: Any, inside: Any) -> tuple[float, float]:
    """The shift (display units) that brings ``box`` within ``inside`` (0 if it is).

    A box wider or taller than ``inside`` is aligned on its left or top edge.
    """
    dx = max(0.0, inside.x0 - box.x0) or min(0.0, inside.x1 - box.x1)
    dy = min(0.0, inside.y1 - box.y1) or max(0.0, inside.y0 - box.y0)
    return dx, dy


def label_areas(
    fig: Any,
    ax: Any,
    estimate: Estimate,
    extent: tuple[float, float, float, float],
    placed: Sequence[Any],
) -> list[Any]:
    """Label the areas the headline names with their share; return their boxes.

    As report.html's map does: "name (kind) share" (``Kotor 19.0 %``), in
    italics, centred on the area's label cell
    (:func:`~geosleuth.report._style.area_label_cells`); an area whose cell
    lies off the map is not labelled. A label is kept within the map, and
    moved up or down by a line or more (:data:`_AREA_OFFSETS`) where it would
    cover a ranked place's label or marker (``placed``, figure-fraction boxes)
    or another area's label; where every place covers one, it goes where it
    covers the fewest. The boxes returned are in figure fraction, as
    ``placed``.
    """
    from matplotlib.patheffects import withStroke
    from matplotlib.transforms import Bbox

    grid = estimate.grid
    labelled = area_label_cells(estimate)
    if not labelled:
        return []
    xs, ys = grid.cell_xy_km()
    halo = [withStroke(linewidth=3, foreground="white")]
    renderer = fig.canvas.get_renderer()
    inside = ax.get_window_extent(renderer)
    to_fig = fig.transFigure.inverted()
    taken = [Bbox(fig.transFigure.transform(b.get_points())) for b in placed]
    per_point = fig.dpi / 72.0  # display units (pixels) per point
    out: list[Any] = []
    for area, k in labelled:
        x, y = float(xs[k]), float(ys[k])
        if not (extent[0] <= x <= extent[1] and extent[2] <= y <= extent[3]):
            continue
        text = f"{shorten(plain(area.name), 32)}{area_kind_text(area)} "
        text += pct(area.probability)
        ann = ax.annotate(
            tex_safe(text),
            (x, y),
            xytext=(0.0, 0.0),
            textcoords="offset points",
            ha="center",
            va="center",
            fontsize=8.5,
            fontstyle="italic",
            color=HDR_COLOR,
            zorder=10,
            path_effects=halo,
            annotation_clip=False,
        )
        best: tuple[float, tuple[float, float]] | None = None
        for ox, oy in _AREA_OFFSETS:
            ann.xyann = (ox, oy)
            dx, dy = inside_shift(ann.get_window_extent(renderer), inside)
            offset = (ox + dx / per_point, oy + dy / per_point)
            ann.xyann = offset
            box = ann.get_window_extent(renderer)
            covered = sum(
                (min(box.x1, b.x1) - max(box.x0, b.x0))
                * (min(box.y1, b.y1) - max(box.y0, b.y0))
                for b in taken
                if box.padded(2).overlaps(b)
            )
            if best is None or covered < best[0]:
                best = (covered, offset)
            if covered == 0:
                break
        assert best is not None
        ann.xyann = best[1]
        box = ann.get_window_extent(renderer)
        taken.append(box)
        out.append(Bbox(to_fig.transform(box.get_points())))
    return out
