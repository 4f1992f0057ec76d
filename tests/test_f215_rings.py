"""A rings item's mistakes, said (helper f215, after review r211).

The planner's review found a rings item wrong with nothing said: percents
written as fractions (H1), distances in metres (H2), a region that cuts off
much of the rings (M1), two tables multiplied (M3), a place outside the region
(L4), rings finer than a cell (L8); fields of other kinds ignored (L3), a
"give each its time" warning for an item that refuses a time (M2), and circles
with no labels on map.png (L1). Each is tested on both sides.
"""

from __future__ import annotations

import io
import math
import re
import warnings
from typing import Any

import pytest
from matplotlib.figure import Figure

from geosleuth.casefile import parse_case
from geosleuth.errors import CaseFileError, EvidenceWarning, GeosleuthWarning
from geosleuth.evidence import Rings
from geosleuth.fuse import fuse
from geosleuth.fuse._rings_checks import hold_km
from geosleuth.fuse.rings import ring_cell_mass
from geosleuth.report.png import render_png

#: The care home of the review's dementia case, Keswick.
LON, LAT = -3.134, 54.601
TABLE = "{25: 0.3, 50: 0.8, 75: 1.6, 95: 3.2}"
#: ±0.011° of latitude and ±0.019° of longitude: about ±1.2 km around the IPP.
TINY = (LON - 0.019, LAT - 0.011, LON + 0.019, LAT + 0.011)
WIDE = (-3.25, 54.55, -3.05, 54.65)


def _text(
    evidence: str,
    *,
    region: tuple[float, float, float, float] = WIDE,
    cell_km: float = 0.1,
    as_of: str = "2025-03-04",
) -> str:
    w, s, e, n = region
    return (
        "target: t\n"
        f"as_of: {as_of}\n"
        f"region: {{west: {w}, south: {s}, east: {e}, north: {n}}}\n"
        f"grid: {{cell_km: {cell_km}}}\n"
        "places:\n"
        f"  Care home: {{lon: {LON}, lat: {LAT}}}\n"
        "evidence:\n" + evidence
    )


def _rings(rid: str = "rings", table: str = TABLE, place: str = "Care home") -> str:
    return (
        f"  - id: {rid}\n    kind: rings\n    place: {place}\n"
        f"    quantiles_km: {table}\n    date: 2025-03-04\n    grade: A1\n"
    )


def _said(text: str) -> list[str]:
    """What fusing the case warns of."""
    case = parse_case(text, source="case.yaml")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", GeosleuthWarning)
        fuse(
            case.items,
            case.grid,
            as_of=case.as_of,
            settings=case.settings,
            contributions=False,
        )
    return [str(w.message) for w in caught if issubclass(w.category, EvidenceWarning)]


def _about(said: list[str], rid: str = "rings") -> list[str]:
    return [m for m in said if m.startswith(f"The rings {rid!r}")]


# --------------------------------------------------- H1: fractions for percents


def test_percents_written_as_fractions_are_refused_with_the_table_meant():
    text = _text(_rings(table="{0.25: 0.3, 0.5: 0.8, 0.75: 1.6, 0.95: 3.2}"))
    with pytest.raises(CaseFileError) as err:
        parse_case(text, source="case.yaml")
    msg = str(err.value)
    assert "'quantiles_km' of rings 'rings' (case.yaml, line 11)" in msg
    assert "percents, not fractions" in msg
    assert "0.25 % to 0.95 %" in msg
    assert "Did you mean {25: 0.3, 50: 0.8, 75: 1.6, 95: 3.2}?" in msg
    assert err.value.field == "evidence[0].quantiles_km"
    assert err.value.line == 11


def test_a_percent_of_one_beside_larger_ones_is_a_percent():
    case = parse_case(_text(_rings(table="{1: 0.05, 25: 0.3, 50: 0.8}")), source="c")
    (item,) = case.items
    assert isinstance(item, Rings)
    assert item.quantiles_km[0] == (1.0, 0.05)


# ------------------------------------------------------ H2: metres taken as km


def test_a_table_in_metres_moves_nothing_and_is_said_with_the_km_meant():
    said = _about(_said(_text(_rings(table="{25: 300, 50: 800, 75: 1600, 95: 3200}"))))
    (msg,) = said
    assert "moves nothing: the whole study region lies within its first" in msg
    assert "25 % within 300 km of Care home" in msg
    assert "Did you mean {25: 0.3, 50: 0.8, 75: 1.6, 95: 3.2} (km)?" in msg


def test_a_first_ring_wider_than_the_region_in_km_too_suggests_no_metres():
    (msg,) = _about(_said(_text(_rings(table="{50: 15000, 95: 20000}"))))
    assert "moves nothing" in msg
    assert "Did you mean" not in msg
    assert "Check the table's distances (km), or widen the region" in msg


def test_a_table_in_km_that_holds_the_region_is_not_said_to_move_nothing():
    # the region's farthest corner is about 8.5 km from the care home: a first
    # ring of 8 km leaves cells outside it, and the item moves the map
    said = _said(_text(_rings(table="{25: 8, 50: 20}")))
    assert not [m for m in said if "moves nothing" in m]
    assert not _about(_said(_text(_rings())))


# ------------------------------------------------ M1: the region cuts the rings


def test_a_region_that_cuts_the_rings_says_the_share_outside_exactly():
    text = _text(_rings(), region=TINY, cell_km=0.05)
    (msg,) = _about(_said(text))
    case = parse_case(text, source="case.yaml")
    x, y = case.grid.lonlat_to_xy_km(LON, LAT)
    mass = ring_cell_mass(
        case.grid,
        float(x),
        float(y),
        percents=[25, 50, 75, 95],
        radii_km=[0.3, 0.8, 1.6, 3.2],
    )
    share = 1.0 - float(mass.sum())
    assert 0.3 < share < 0.4
    assert f"{100 * share:.0f} % of the rings' mass lies outside the study" in msg
    assert "its 75 and 95 % distances reach past the region's edge" in msg
    assert "reach 3.2 km from its place in every direction" in msg
    # the region it suggests holds 95 % and more: said of no longer
    w, s, e, n = (
        float(v)
        for v in re.search(
            r"\{west: (\S+), south: (\S+), east: (\S+), north: (\S+)\}", msg
        ).groups()  # type: ignore[union-attr]
    )
    assert not _about(_said(_text(_rings(), region=(w, s, e, n), cell_km=0.05)))


def test_a_region_that_holds_the_95_percent_ring_is_not_warned_of():
    # 3.2 km each way is 0.0293° of latitude and 0.0507° of longitude here
    region = (LON - 0.052, LAT - 0.030, LON + 0.052, LAT + 0.030)
    assert not _about(_said(_text(_rings(), region=region, cell_km=0.05)))


def test_hold_km_is_the_distance_of_the_share():
    case = parse_case(_text(_rings()), source="c")
    (item,) = case.items
    assert isinstance(item, Rings)
    assert hold_km(item) == pytest.approx(3.2, abs=1e-9)
    assert hold_km(item, 0.5) == pytest.approx(0.8, abs=1e-9)


# -------------------------------------------- L4: the place outside the region


def test_a_place_outside_the_region_is_said_with_how_far():
    # the region starts 0.02° (1.3 km) east of the care home
    region = (LON + 0.02, 54.55, -3.0, 54.65)
    (msg,) = _about(_said(_text(_rings(), region=region)))
    assert re.search(r"its place \(Care home\) lies 1\.[23] km outside the study", msg)
    assert "of the rings' mass lies outside the study region" in msg


def test_a_place_inside_the_region_is_not_said_to_lie_outside():
    said = _said(_text(_rings(), region=(LON - 0.01, 54.55, -3.0, 54.65)))
    assert not [m for m in said if "outside the study region;" in m]


# ------------------------------------------------------ L8: rings below a cell


def test_rings_finer_than_a_cell_are_noted_with_the_cell():
    table = "{25: 0.005, 50: 0.01, 75: 0.08, 95: 0.2}"
    (msg,) = _about(_said(_text(_rings(table=table), cell_km=0.05)))
    assert "its 25 and 50 % distances (0.005 and 0.01 km) are shorter than" in msg
    assert "(cell_km 0.05): the map cannot show those rings" in msg


def test_a_first_ring_as_wide_as_a_cell_is_not_noted():
    table = "{25: 0.05, 50: 0.1, 75: 0.2, 95: 0.4}"
    assert not _about(_said(_text(_rings(table=table), cell_km=0.05)))


# ---------------------------------------------------- M3: two rings multiplied


def test_two_rings_items_are_said_to_multiply():
    wider = "{25: 0.5, 50: 1.2, 75: 2.4, 95: 5.0}"
    said = _said(_text(_rings() + _rings("rings2", wider)))
    (msg,) = [m for m in said if "multiply" in m]
    assert msg.startswith("The rings items 'rings' and 'rings2' multiply")
    assert "count the same statistics twice" in msg
    assert "one rings item on the better of them" in msg


def test_one_rings_item_beside_a_sighting_is_not_said_to_multiply():
    sighting = (
        "  - {id: lkp, kind: sighting, place: Care home, date: 2025-03-04, "
        "sigma_km: 0.05}\n"
    )
    assert not [m for m in _said(_text(_rings() + sighting)) if "multiply" in m]


# ------------------------------------- M2: no time asked of an item that has none


def test_an_untimed_rings_item_of_the_day_is_not_asked_for_its_time():
    sighting = (
        "  - {id: lkp, kind: sighting, place: Care home, date: 2025-03-04, "
        "time: '14:10', sigma_km: 0.05}\n"
    )
    said = _said(_text(_rings() + sighting, as_of="2025-03-04T18:00"))
    assert not [m for m in said if "have no time of day" in m]


def test_an_untimed_sighting_of_the_day_is_still_asked_for_its_time():
    sighting = (
        "  - {id: lkp, kind: sighting, place: Care home, date: 2025-03-04, "
        "sigma_km: 0.05}\n"
    )
    said = _said(_text(_rings() + sighting, as_of="2025-03-04T18:00"))
    (msg,) = [m for m in said if "have no time of day" in m]
    assert msg.startswith("1 item(s) dated 2025-03-04 have no time of day ('lkp')")


# ------------------------------------------------ L3: other kinds' fields refused


@pytest.mark.parametrize(("key", "value"), [("sigma_km", 0.5), ("buffer_km", 0.2)])
def test_a_spread_on_a_rings_item_is_refused_naming_the_field(key, value):
    text = _text(_rings() + f"    {key}: {value}\n")
    with pytest.raises(CaseFileError) as err:
        parse_case(text, source="case.yaml")
    assert str(err.value).startswith(
        f"The rings 'rings' (case.yaml, line 14) has a {key!r}, which a rings "
        "item does not use"
    )
    assert err.value.field == f"evidence[0].{key}"
    assert err.value.line == 14


def test_the_fields_every_item_takes_are_taken_by_a_rings_item():
    text = _text(_rings() + "    hedge: probable\n    note: ISRID table 12\n")
    (item,) = parse_case(text, source="case.yaml").items
    assert isinstance(item, Rings) and item.hedge == "probable"


# ------------------------------------------------------ L1: the circles labelled


def _figure(text: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    case = parse_case(text, source="case.yaml")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GeosleuthWarning)
        est = fuse(case.items, case.grid, as_of=case.as_of, contributions=False)
    saved: list[Figure] = []
    real = Figure.savefig

    def spy(self: Figure, *args: Any, **kwargs: Any) -> None:
        saved.append(self)
        real(self, *args, **kwargs)

    monkeypatch.setattr(Figure, "savefig", spy)
    render_png(est, case.items, io.BytesIO(), title="t")
    (fig,) = saved
    return fig


def test_each_ring_is_labelled_with_its_percent_clear_of_the_others(monkeypatch):
    fig = _figure(_text(_rings()), monkeypatch)
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()
    labels = {t.get_text(): t for t in ax.texts if t.get_text().endswith(" %")}
    rings = {k: v for k, v in labels.items() if re.fullmatch(r"\d+ %", k)}
    assert set(rings) == {"25 %", "50 %", "75 %", "95 %"}
    for label in rings.values():  # clear of each other and of the place's label
        box = label.get_window_extent(renderer)
        for other in ax.texts:
            if other is not label:
                assert not box.overlaps(other.get_window_extent(renderer))
    # the 50 % label sits on its circle, 0.8 km below the place
    x, y = rings["50 %"].get_position()
    (cx, cy) = (float(v) for v in parse_case(_text(_rings()), source="c")
                .grid.lonlat_to_xy_km(LON, LAT))  # fmt: skip
    assert math.hypot(x - cx, y - cy) == pytest.approx(0.8)
    (handle,) = [
        h for h in ax.get_legend().legend_handles if h.get_label() == "Distance rings"
    ]
    assert handle.get_marker() == "o" and handle.get_markerfacecolor() == "none"


def test_a_map_without_rings_has_no_ring_labels(monkeypatch):
    sighting = (
        "  - {id: lkp, kind: sighting, place: Care home, date: 2025-03-04, "
        "sigma_km: 0.5}\n"
    )
    fig = _figure(_text(sighting), monkeypatch)
    assert not [t for t in fig.axes[0].texts if re.fullmatch(r"\d+ %", t.get_text())]
