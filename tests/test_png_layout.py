"""map.png's layout: title, map, colour bar, summary, warning and credits apart.

Review r50, M3: on a tall, narrow grid (179 × 641 cells) the red warning line
was printed over the colour bar and over the "As of … P(alive) …" summary, and
the colour bar's label ran off the figure's left edge. The texts under the map
were placed at fixed heights and left to matplotlib's wrap, which wraps at the
figure's edge and grows a text over its neighbours.

Each figure is taken as :func:`render_png` saves it (its ``savefig`` spied on),
and the boxes its renderer draws are checked: no two of the parts overlap, and
each lies inside the figure.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox

from geosleuth.evidence import Grade, Provenance, Sighting
from geosleuth.fuse import NamedPlace, fuse
from geosleuth.geometry import Point
from geosleuth.grid import Grid
from geosleuth.report.png import render_png

AS_OF = dt.date(2025, 3, 12)
#: one of the warnings of the review's case, 211 characters
WARNING = (
    "The claim 'r1:c2' is left out: its place (Madrid) lies outside the grid, "
    "294 km from its nearest cell, so it cannot move the map. It only says where "
    "the target is not, outside the study region: nothing is lost."
)
#: a warning with a word longer than any line (a path)
LONG_WORD = "Could not read " + "/very/long/path" * 20 + ".txt; it is skipped."
BAR_LABEL = "smallest area holding the cell (share of probability)"


def _grid(
    ratio: float, *, cells: int = 90, cell_km: float = 4.0, at: tuple = (-8.2, 39.7)
) -> Grid:
    """A grid ``ratio`` times as tall as wide, its longer side ``cells`` cells,
    centred ``at`` (lon, lat): Portugal, as the review's, or the open sea."""
    nx, ny = (cells, max(1, round(cells * ratio)))
    if ratio > 1:
        nx, ny = max(1, round(cells / ratio)), cells
    return Grid(lon0=at[0], lat0=at[1], west_km=-nx * cell_km / 2,
                south_km=-ny * cell_km / 2, cell_km=cell_km, nx=nx, ny=ny)  # fmt: skip


def _figure(est: Any, items: list, monkeypatch: pytest.MonkeyPatch, **kw: Any) -> Any:
    """The figure :func:`render_png` draws and saves."""
    saved: list[Figure] = []
    real = Figure.savefig

    def spy(self: Figure, *args: Any, **kwargs: Any) -> None:
        saved.append(self)
        real(self, *args, **kwargs)

    with monkeypatch.context() as m:
        m.setattr(Figure, "savefig", spy)
        render_png(est, items, io.BytesIO(), **kw)
    (fig,) = saved
    return fig


def _parts(fig: Any) -> dict[str, Bbox]:
    """The boxes, in display units, of the figure's parts as drawn."""
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    (bar,) = (a for a in fig.axes if a.xaxis.get_label().get_text() == BAR_LABEL)
    boxes = [ax.get_window_extent(renderer)]
    boxes += [ax.xaxis.get_tightbbox(renderer), ax.yaxis.get_tightbbox(renderer)]
    boxes += [ax.get_legend().get_window_extent(renderer)]
    parts = {
        "title": ax.title.get_window_extent(renderer),
        "map": Bbox.union([b for b in boxes if b is not None]),
        "colour bar": bar.get_tightbbox(renderer),
    }
    starts = {"As of": "caption", "Warning": "warning", "Borders": "credits"}
    for text in fig.texts:
        for start, name in starts.items():
            if text.get_text().startswith(start):
                parts[name] = text.get_window_extent(renderer)
    return parts


def _assert_apart(fig: Any, *, warned: bool) -> None:
    fig.canvas.draw()  # the layout as saved
    parts = _parts(fig)
    want = {"title", "map", "colour bar", "caption", "credits"}
    assert set(parts) == want | ({"warning"} if warned else set())
    names = sorted(parts)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            assert not parts[a].overlaps(parts[b]), (a, b, parts[a], parts[b])
    width, height = fig.canvas.get_width_height()
    for name, box in parts.items():
        assert box.x0 >= 0 and box.y0 >= 0, (name, box)
        assert box.x1 <= width and box.y1 <= height, (name, box, width, height)


@pytest.mark.parametrize(
    ("ratio", "warnings"),
    [
        (641 / 179, [WARNING, WARNING]),  # the review's map
        (721 / 261, [WARNING] * 2),
        (12.0, [WARNING]),  # very tall
        (1.0, [WARNING] * 5),
        (1 / 12, [WARNING] * 3),  # very wide
        (3.0, [LONG_WORD]),
        (1.0, []),
        (5.0, []),
    ],
)
def test_footer_texts_colour_bar_and_map_do_not_overlap(
    ratio: float, warnings: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    est = fuse([], _grid(ratio), as_of=AS_OF)
    fig = _figure(est, [], monkeypatch, title="Tomás Varga", run_warnings=warnings)
    _assert_apart(fig, warned=bool(warnings))


def test_a_zoomed_map_with_labels_and_a_long_title_keeps_its_parts_apart(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    grid = _grid(641 / 179, cells=150, cell_km=4.0)
    vigo = (-8.72, 42.24)
    seen = Sighting(
        id="s1",
        provenance=Provenance(document="d", published=AS_OF),
        date=AS_OF - dt.timedelta(days=2),
        place=Point(*vigo),
        place_name="Vigo",
        sigma_km=5.0,
        grade=Grade.parse("B2"),
    )
    est = fuse([seen], grid, as_of=AS_OF, places=[NamedPlace("Vigo", *vigo)])
    title = "Tomás Varga, last seen at the docks of Vigo, as of " * 3 + "$5"
    fig = _figure(est, [seen], monkeypatch, title=title, run_warnings=[WARNING] * 4)
    _assert_apart(fig, warned=True)
    assert "\n" in fig.axes[0].get_title(loc="left")  # wrapped, not cut


def test_the_square_demo_like_map_keeps_the_summary_beside_the_colour_bar(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A near-miss: where there is room, the layout is as before, the summary
    to the right of the colour bar, on the colour bar's level."""
    est = fuse([], _grid(1.0), as_of=AS_OF)
    fig = _figure(est, [], monkeypatch, title="t", run_warnings=[WARNING])
    fig.canvas.draw()
    parts = _parts(fig)
    bar, caption = parts["colour bar"], parts["caption"]
    assert caption.x0 > bar.x1
    assert caption.y0 < bar.y1 and caption.y1 > bar.y0  # level with it
    assert fig.get_figwidth() == pytest.approx(9.0)


@settings(max_examples=10, deadline=None)
@given(
    ratio=st.floats(min_value=1 / 15, max_value=15.0),
    n_warnings=st.integers(min_value=0, max_value=6),
    long=st.booleans(),
)
def test_no_overlap_for_any_aspect_ratio_and_warnings(
    ratio: float, n_warnings: int, long: bool
) -> None:
    grid = _grid(ratio, cells=40, cell_km=8.0, at=(-40.0, 45.0))  # no land: fast
    est = fuse([], grid, as_of=AS_OF)
    warnings = [(LONG_WORD if long else WARNING)] * n_warnings
    with pytest.MonkeyPatch.context() as monkeypatch:
        fig = _figure(est, [], monkeypatch, title="Tomás Varga", run_warnings=warnings)
    _assert_apart(fig, warned=bool(warnings))
