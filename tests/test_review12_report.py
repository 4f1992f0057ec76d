"""What a user reads after ``locate``: the fixes of the twelfth review.

Tied cells share one HDR level; P(outside the region) and the run's warnings reach
every output; bidi controls cannot reorder figures; one formatter for
probabilities, areas and coordinates; the plan in words; the PNG's labels stay on
the map.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from geosleuth.cli import app
from geosleuth.errors import GeosleuthWarning
from geosleuth.evidence import Grade, Provenance, Sighting
from geosleuth.fuse import (
    NamedPlace,
    Settings,
    TimelinePoint,
    fuse,
    hdr_mask,
    hdr_masks,
)
from geosleuth.fuse.posterior import _hdr_levels
from geosleuth.geometry import Point
from geosleuth.grid import Grid
from geosleuth.report._html_evidence import source_html
from geosleuth.report._html_plan import plan_parts, plan_sentence
from geosleuth.report._html_text import esc
from geosleuth.report._html_timeline import timeline_svg
from geosleuth.report._png_labels import label_places
from geosleuth.report._style import hdr_level
from geosleuth.report.html import render_report
from geosleuth.report.png import _caption, _degrees, _warning_line
from geosleuth.report.text import km2, lat_text, lon_text, pct, plain, shorten

runner = CliRunner()

CASE = """\
target: Jane Doe
title: {title}
as_of: 2024-10-13
grid: {{cell_km: {cell_km}}}
region: {{west: {west}, south: {south}, east: {east}, north: {north}}}
settings: {{place_radius_km: {radius}, rest_of_world: {row}}}
places:
  {place_q}: {{lon: {lon}, lat: {lat}, source: x}}
evidence:
  - id: s1
    kind: sighting
    date: 2024-10-12
    place: {place_q}
    sigma_km: {sigma}
    grade: B2
    quote: seen there
"""


def _case(tmp_path: Path, name: str = "case.yaml", **kw: object) -> Path:
    values: dict[str, object] = {
        "title": "One sighting",
        "cell_km": 1,
        "west": 10.9,
        "south": 45.9,
        "east": 11.35,
        "north": 46.25,
        "radius": 5,
        "row": 0.0,
        "place": "Trento",
        "lon": 11.12,
        "lat": 46.07,
        "sigma": 3,
    }
    values.update(kw)
    values["place_q"] = json.dumps(values["place"])  # YAML reads its \u escapes
    path = tmp_path / name
    path.write_text(CASE.format(**values), encoding="utf-8")
    return path


def _locate(*args: object) -> str:
    """The terminal output of ``locate``, its lines joined (Rich wraps them)."""
    result = runner.invoke(app, ["locate", *map(str, args)])
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


def _sighting(lon: float, lat: float, **kw: object) -> Sighting:
    return Sighting(
        id="s1",
        provenance=Provenance(document="d", quote="seen", span=(497, 658)),
        date=dt.date(2024, 10, 12),
        place=Point(lon, lat),
        sigma_km=3.0,
        grade=Grade.parse("B2"),
        **kw,  # type: ignore[arg-type]
    )


# ------------------------------------------------------------------ 1 + 4: ties
def test_a_flat_map_is_one_tie_block_wholly_in_every_region() -> None:
    p = np.full(100, 0.01)
    assert hdr_mask(p, 0.5).all() and hdr_mask(p, 0.9).all()
    assert np.all(hdr_level(p) == 0.0)


def test_a_plateau_is_wholly_in_or_out_never_cut_by_cell_order() -> None:
    # a peak of 0.5 over 5 cells and a floor of equal cells (with float noise)
    rng = np.random.default_rng(0)
    p = np.full(1000, 1.0) * (1 + 1e-13 * rng.standard_normal(1000))
    p[:5] = 100.0
    p /= p.sum()
    floor = np.arange(1000) >= 5
    for q in (0.5, 0.6, 0.9):
        m = hdr_mask(p, q)
        assert m[floor].all() or not m[floor].any(), q
    assert not hdr_mask(p, 0.3)[floor].any()  # the peak holds a third: enough
    assert hdr_mask(p, 0.6)[floor].all()  # needs some of the floor: all of it
    levels = hdr_level(p)
    assert np.ptp(levels[floor]) == 0.0  # shaded flat


def test_shading_outlines_and_masks_use_one_ordering() -> None:
    rng = np.random.default_rng(3)
    p = rng.choice([1.0, 2.0, 5.0], size=2000) * (1 + 1e-14 * rng.random(2000))
    p /= p.sum()
    masks = hdr_masks(p, (0.5, 0.9, 0.99))
    levels = _hdr_levels(p)
    for q, m in zip((0.5, 0.9, 0.99), masks, strict=True):
        assert np.array_equal(hdr_level(p) < q, m)
        assert np.array_equal(levels < q, m)
        # whole tie blocks: every cell of one value is in or out together
        groups = np.round(p / p.min()).astype(int)
        for g in np.unique(groups):
            assert m[groups == g].all() or not m[groups == g].any()


def test_prior_only_map_ranks_no_place_into_a_partial_region(tmp_path: Path) -> None:
    g = Grid.around(11.12, 46.07, radius_km=9.5, cell_km=1.0)
    est = fuse([], g, as_of=dt.date(2024, 1, 1))
    # a flat map: the region needs half the cells, and may take any of them, so
    # the outline is the whole grid (no half-grid band cut by cell order)
    assert est.hdr_km2["50"] == math.ceil(g.nx * g.ny / 2) * g.cell_area_km2
    assert est.in_hdr(11.12, 46.07, 0.5) and est.in_hdr(11.12, 45.99, 0.5)
    assert hdr_mask(est.posterior, 0.5).all()
    page = render_report(est, [], title="t", target="t", tiles=False)
    assert "ends on a plateau of cells of equal probability" in page
    assert f"takes all {km2(g.area_km2)} of them" in page


# ------------------------------------------------------ 2 + 3: P(outside)
def test_p_outside_without_searches_is_shown_everywhere(tmp_path: Path) -> None:
    out = tmp_path / "out"
    text = _locate(_case(tmp_path, row=0.3), "--out", out)
    assert "P(outside the region) = 30.0 %" in text
    assert "given the target is in the region" in text
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "<span>P(outside the region)</span><b>30.0 %</b>" in page
    assert "within 5 km if the target is in the region." in page
    assert "given the target is in the region (P(outside the region) 30.0 %)" in page
    rec = json.loads((out / "estimate.json").read_text())
    assert rec["p_outside"] == pytest.approx(0.3)


def test_png_caption_gives_p_outside_and_says_what_is_conditional() -> None:
    g = Grid.around(11.12, 46.07, radius_km=9.5, cell_km=1.0)
    est = fuse(
        [_sighting(11.12, 46.07)],
        g,
        as_of=dt.date(2024, 10, 13),
        settings=Settings(rest_of_world=0.3),
    )
    cap = _caption(est, 1)
    assert "P(outside the region) 30.0 %" in cap
    assert "given the target is in the region" in cap
    assert "P(outside" not in _caption(fuse([], g, as_of=dt.date(2024, 1, 1)), 0)


def test_the_searches_figure_is_named_for_what_it_is() -> None:
    g = Grid.around(11.12, 46.07, radius_km=9.5, cell_km=1.0)
    est = fuse([], g, as_of=dt.date(2024, 1, 1))
    page = render_report(est, [], title="t", target="x", tiles=False)
    assert "Searches all missed" not in page


# ------------------------------------------------------------- 5: warnings
def test_warnings_reach_estimate_json_report_and_png(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        ["locate", str(_case(tmp_path)), "--as-of", "2024-10-01", "--out", str(out)],
    )
    assert result.exit_code == 0, result.output
    rec = json.loads((out / "estimate.json").read_text())
    assert any("prior alone" in w for w in rec["warnings"])
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "Warnings of this run" in page and "prior alone" in page
    assert page.index("prior alone") < page.index("Most likely named place")
    assert "prior alone" in _warning_line(rec["warnings"])


def test_a_run_without_warnings_records_an_empty_list(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _locate(_case(tmp_path), "--out", out)
    assert json.loads((out / "estimate.json").read_text())["warnings"] == []
    assert "Warnings of this run" not in (out / "report.html").read_text()


def test_warnings_are_escaped_in_the_report() -> None:
    g = Grid.around(11.12, 46.07, radius_km=9.5, cell_km=1.0)
    est = fuse([], g, as_of=dt.date(2024, 1, 1))
    page = render_report(
        est, [], title="t", target="x", tiles=False, run_warnings=["<script>x"]
    )
    assert "<script>x" not in page and "&lt;script&gt;x" in page


# ------------------------------------------------------------------ 6: bidi
def test_bidi_controls_are_dropped_and_names_isolated(tmp_path: Path) -> None:
    assert esc("Trento\u202e") == "Trento"
    assert plain("a\u2066b\u200fc\u202ad") == "abcd"
    out = tmp_path / "out"
    text = _locate(_case(tmp_path, place="Trento\u202e"), "--out", out)
    assert "\u202e" not in text
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "\u202e" not in page
    assert "Most likely named place: <b><bdi>Trento</bdi></b>" in page


# ----------------------------------------------------------- 7: PNG labels
def test_a_label_at_the_east_edge_goes_left_and_keeps_its_figure() -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    g = Grid.around(11.0, 46.0, radius_km=30.0, cell_km=1.0)
    with pytest.warns(GeosleuthWarning, match="edge cuts the evidence"):
        est = fuse(
            [_sighting(11.36, 46.0)],
            g,
            as_of=dt.date(2024, 10, 13),
            places=[
                NamedPlace(
                    "Trento, Piazza del Duomo, the very long square name", 11.36, 46.0
                )
            ],
        )
    fig = Figure(figsize=(6, 6))
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.1, 0.1, 0.8, 0.8))
    extent = (g.west_km, g.east_km, g.south_km, g.north_km)
    ax.set_xlim(extent[0], extent[1])
    ax.set_ylim(extent[2], extent[3])
    boxes = label_places(fig, ax, est, extent, 8)
    (ann,) = ax.texts
    assert ann.get_horizontalalignment() == "right"
    assert ann.get_text().endswith(pct(est.places[0].probability))
    assert "…" in ann.get_text()
    renderer = fig.canvas.get_renderer()
    assert ann.get_window_extent(renderer).x1 <= ax.get_window_extent(renderer).x1
    assert len(boxes) == 2


def test_long_names_are_shortened() -> None:
    assert shorten("x" * 40, 10) == "x" * 9 + "…"


# --------------------------------------------------------------- 8 + 9: numbers
@pytest.mark.parametrize(
    ("area", "text"),
    [
        (0.51, "0.51 km²"),
        (0.97, "0.97 km²"),
        (0.2, "0.2 km²"),
        (304.0, "304 km²"),
        (976.0, "976 km²"),
        (999.7, "1,000 km²"),
        (244768.0, "245,000 km²"),
    ],
)
def test_areas_have_three_significant_figures(area: float, text: str) -> None:
    assert km2(area) == text


@pytest.mark.parametrize(
    ("p", "text"),
    [
        (0.9996, "> 99.9 %"),
        (0.999999, "> 99.9 %"),
        (4.9e-7, "< 0.1 %"),
        (0.0009, "< 0.1 %"),
        (0.779, "77.9 %"),
        (0.0, "0 %"),
        (1.0, "100 %"),
    ],
)
def test_probabilities_are_never_rounded_to_certainty(p: float, text: str) -> None:
    assert pct(p) == text


def test_terminal_areas_and_probabilities_use_the_one_formatter(
    tmp_path: Path,
) -> None:
    case = _case(
        tmp_path,
        cell_km=0.05,
        west=11.115,
        south=46.0655,
        east=11.125,
        north=46.0745,
        radius=0.1,
        sigma=0.2,
    )
    out = tmp_path / "out"
    text = _locate(case, "--out", out)
    rec = json.loads((out / "estimate.json").read_text())
    assert f"50% area = {km2(rec['hdr_km2']['50'])}" in text
    assert f"90% area = {km2(rec['hdr_km2']['90'])}" in text
    assert rec["hdr_km2"]["50"] < 1 and " 1 km²" not in text
    assert f"P(alive) = {pct(rec['p_alive'])}" in text
    assert not re.search(r"\b[01]\.000\b", text)


# ------------------------------------------------------------ 10: the plan
def test_the_plan_summary_is_in_words_with_percentages() -> None:
    summary = {
        "budget_km": 20,
        "sweep_width_km": 0.05,
        "rest_of_world": 0.7051,
        "probability_of_success": 0.0192,
        "cells_searched": 444,
    }
    said = plan_sentence(summary)
    # the POS rounded down, as plan and its field files give it (review 16)
    assert "20 km of track" in said and "1.9 %" in said and "70.5 %" in said
    html, _ = plan_parts({"summary": summary})
    assert "probability_of_success" not in html and "0.0192" not in html


# -------------------------------------------------------- 11: hemispheres
def test_western_and_southern_coordinates_name_their_hemisphere() -> None:
    assert lon_text(-4.07) == "4.07°W" and lat_text(-17.0) == "17.00°S"
    assert lon_text(-180.0) == "180.00°"
    assert _degrees(-4.0, lat=False) == "4°W" and _degrees(-17.0, lat=True) == "17°S"


# --------------------------------------------------------------- 12: poles
def test_the_report_says_the_web_map_stops_at_85_degrees() -> None:
    g = Grid.around(0.0, 86.5, radius_km=150.0, cell_km=10.0)
    est = fuse([], g, as_of=dt.date(2024, 1, 1))
    page = render_report(est, [], title="t", target="x", tiles=False)
    assert "beyond ±85°" in page and "map.png" in page
    low = Grid.around(0.0, 46.0, radius_km=50.0, cell_km=10.0)
    page = render_report(
        fuse([], low, as_of=dt.date(2024, 1, 1)), [], title="t", target="x",
        tiles=False,
    )  # fmt: skip
    assert "beyond ±85°" not in page


# ---------------------------------------------------------------- 13: span
def test_the_provenance_shows_the_sentence_span() -> None:
    assert "characters 497–658" in source_html(_sighting(0.0, 0.0), link=True)


# ------------------------------------------------------------ 14: timeline
def test_the_timeline_title_follows_its_mode() -> None:
    g = Grid.around(0.0, 0.0, radius_km=20.0, cell_km=2.0)
    est = fuse([], g, as_of=dt.date(2024, 1, 2))

    def point(mode: str) -> TimelinePoint:
        return TimelinePoint(
            as_of=dt.date(2024, 1, 2),
            probabilities={},
            p_alive=0.9,
            new_items=(),
            mode=mode,  # type: ignore[arg-type]
        )

    assert "as evidence arrived" not in timeline_svg(est, [point("event")])
    assert "as evidence arrived" in timeline_svg(est, [point("known")])


# ------------------------------------------------------- 15: the case path
def test_the_report_names_the_case_file_not_its_folder(tmp_path: Path) -> None:
    folder = tmp_path / "informant-k"
    folder.mkdir()
    out = tmp_path / "out"
    _locate(_case(folder), "--out", out)
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "<dd>case.yaml</dd>" in page and str(folder) not in page
    rec = json.loads((out / "estimate.json").read_text())
    # from the output folder (review 19), so verify finds it from anywhere
    assert rec["case"] == "../informant-k/case.yaml"
    result = runner.invoke(app, ["verify", str(out)])
    assert result.exit_code == 0, result.output
