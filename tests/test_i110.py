"""Helper i110: review r105's M1 and L1.

M1: in a dispatch log (one document) where only the witness's item names a
speaker, the car's permit scan and the phone's sector, with no speaker, were
counted as the witness's word: "3 items of one speaker, 'a family of hikers'
(named on some of them)", with advice (``source_correlation: 1``) that tripled
the 50 % area. The one-speaker warning now groups only items whose speaker is
the same named speaker; one speaker's three map-moving items are still warned of.

L1: the report's plan table wrote a band's track per cell as "65.0 m | 55.6 m |
0.07 km": the mean, least and most now share one unit, metres where all are
under 1 km.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from geosleuth.cli import app
from geosleuth.report._html_plan import plan_parts

runner = CliRunner()

#: The review's synthetic case (/tmp/rev105/sar/case.orig.yaml): a hiker
#: overdue from Bear Lake, three timed items in the park's dispatch log.
_CASE = """\
target: missing hiker (synthetic RMNP)
title: Hiker overdue from Bear Lake, RMNP
as_of: 2024-09-15T07:00
region: {west: -105.75, south: 40.24, east: -105.58, north: 40.36}
grid: {cell_km: 0.1}
settings:
  diffusion_km2_per_day: 4.0
  hazard_per_year: 84
  place_radius_km: 1.0
  rest_of_world: 0.1
documents:
  nps-log: {title: NPS dispatch log (synthetic), published: 2024-09-15}
places:
  Bear Lake trailhead: {lon: -105.6453, lat: 40.3134}
  Dream Lake: {lon: -105.6594, lat: 40.3095}
  Lake Haiyaha: {lon: -105.6633, lat: 40.3046}
evidence:
  - {id: car, kind: sighting, document: nps-log, date: 2024-09-14, time: "08:15",
     place: Bear Lake trailhead, sigma_km: 0.2, grade: A1%(car)s,
     quote: "His car was found at Bear Lake trailhead."}
  - {id: witness-dream, kind: sighting, document: nps-log, date: 2024-09-14,
     time: "10:30", place: Dream Lake, sigma_km: 0.3, grade: C3, hedge: probable,
     speaker: a family of hikers,
     quote: A family saw a man matching the description at Dream Lake.}
  - {id: phone, kind: claim, document: nps-log, date: 2024-09-14, time: "13:40",
     place: Lake Haiyaha, buffer_km: 1.5, sigma_km: 0.7, grade: B2%(phone)s,
     quote: "His phone last connected through a sector covering Lake Haiyaha."}
"""
_SPEAKER = ", speaker: a family of hikers"


def _warned(tmp: Path, *, car: str = "", phone: str = "") -> list[str]:
    case = tmp / "case.yaml"
    case.write_text(_CASE % {"car": car, "phone": phone}, encoding="utf-8")
    out = tmp / "out"
    result = runner.invoke(
        app, ["locate", str(case), "--out", str(out)], terminal_width=400
    )
    assert result.exit_code == 0, result.output
    rec = json.loads((out / "estimate.json").read_text(encoding="utf-8"))
    return [w for w in rec["warnings"] if "independent reports" in w]


def test_a_dispatch_logs_items_with_no_speaker_are_not_the_witness(
    tmp_path: Path,
) -> None:
    # the car and the phone name no speaker: not the hikers' word, no warning
    assert _warned(tmp_path) == []


@pytest.mark.parametrize(
    ("car", "phone", "said"),
    [
        # one speaker gives all three items that move the map: still warned of
        (_SPEAKER, _SPEAKER, "3 items of one speaker, 'a family of hikers', in one "),
        # two of them, the phone unnamed: the two are warned of
        (", speaker: A family  of Hikers", "", "2 items of one speaker, 'A family "),
    ],
)
def test_one_named_speakers_map_moving_items_are_still_warned_of(
    tmp_path: Path, car: str, phone: str, said: str
) -> None:
    (warning,) = _warned(tmp_path, car=car, phone=phone)
    assert warning.startswith(said), warning
    assert "named on some of them" not in warning
    assert "'settings: {source_correlation: 1}'" in warning


def _plan(*bands: tuple[float, float, float, float]) -> dict[str, Any]:
    ring = [[0.0, 0.0], [0.1, 0.0], [0.1, 0.1], [0.0, 0.0]]
    keys = ("effort_km", "min_effort_km", "max_effort_km", "total_effort_km")
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Polygon", "coordinates": [ring]},
                "properties": {"band": k + 1, **dict(zip(keys, band, strict=True))},
            }
            for k, band in enumerate(bands)
        ],
    }


def _rows(html: str) -> list[list[str]]:
    table = html.split('class="plan"')[1]
    rows = re.findall(r"<tr>(.*?)</tr>", table)
    return [re.findall(r"<td>(.*?)</td>", row)[1:] for row in rows if "<td>" in row]


def test_a_bands_track_per_cell_has_one_unit_in_table_and_popup() -> None:
    # the review's band 1: 65.0 m | 55.6 m | 0.07 km | 13.19 km
    plan = _plan((0.065, 0.0556, 0.0743, 13.19), (0.0463, 0.0373, 0.0555, 9.40))
    html, layer = plan_parts(plan)
    assert _rows(html) == [
        ["65.0 m", "55.6 m", "74.3 m", "13.19 km"],
        ["46.3 m", "37.3 m", "55.5 m", "9.40 km"],
    ]
    popup = layer[0]["popup"]
    assert "74.3 m" in popup and "0.07 km" not in popup


def test_track_per_cell_of_a_km_or_more_stays_in_km() -> None:
    # near miss: a band's most of 2 km keeps the three in km, as before
    html, _ = plan_parts(_plan((1.5, 1.2, 2.0, 300.0), (0.5, 0.3, 1.2, 100.0)))
    assert _rows(html) == [
        ["1.50 km", "1.20 km", "2.00 km", "300.00 km"],
        ["0.50 km", "0.30 km", "1.20 km", "100.00 km"],
    ]
