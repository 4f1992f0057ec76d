"""Drawn study regions and far items, from the review of an analyst's corpus (14).

A denial or a search that found nothing does not stretch a drawn region (it would
make every other report count for more); items far from the region's centre,
where the equal-area plane distorts distances, are warned of; a denial outside
the region is left out without advice to widen the region for it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from geosleuth.casefile import evidence_bounds
from geosleuth.cli import app
from geosleuth.evidence import Claim, Provenance, Searched, Sighting
from geosleuth.geometry import Area, Point

runner = CliRunner()
DOCS = "documents:\n  wire: {title: Wire, published: 2026-10-01}\n"
DAY = dt.date(2026, 10, 1)
PROV = Provenance(document="d")


def _claim(cid: str, lon: float, lat: float, polarity: str = "is") -> Claim:
    return Claim(
        id=cid, provenance=PROV, date=DAY, place=Point(lon, lat), polarity=polarity
    )  # type: ignore[arg-type]


BOGOTA = _claim("c1", -74.08, 4.61)
NOT_MADRID = _claim("c2", -3.70, 40.42, "is_not")


def test_a_denial_does_not_stretch_the_drawn_region() -> None:
    alone = evidence_bounds([BOGOTA], as_of=DAY)
    assert evidence_bounds([BOGOTA, NOT_MADRID], as_of=DAY) == alone
    searched = Searched(
        id="n1", provenance=PROV, date=DAY, pd=0.5,
        area=Area.box(-3.8, 40.3, -3.6, 40.5),
    )  # fmt: skip
    assert evidence_bounds([BOGOTA, searched], as_of=DAY) == alone
    # with nothing else, the denial is all there is to draw the region around
    west, south, east, north = evidence_bounds([NOT_MADRID], as_of=DAY)
    assert west < -3.70 < east and south < 40.42 < north
    # a sighting far away still stretches it: it says where the target was
    seen = Sighting(
        id="s1", provenance=PROV, date=DAY, place=Point(-3.70, 40.42), sigma_km=5.0
    )
    assert evidence_bounds([BOGOTA, seen], as_of=DAY)[2] > -3.70


def _case(tmp_path: Path, items: str) -> Path:
    case = tmp_path / "case.yaml"
    case.write_text(
        "target: Jane Doe\nas_of: 2026-10-01\n" + DOCS + "evidence:\n" + items,
        encoding="utf-8",
    )
    return case


_ITEM = """\
  - id: {id}
    kind: claim
    document: wire
    date: 2026-10-01
    place: {{lon: {lon}, lat: {lat}}}
    polarity: {polarity}
    quote: {quote}
"""


def _item(iid: str, lon: float, lat: float, polarity: str = "is") -> str:
    return _ITEM.format(
        id=iid, lon=lon, lat=lat, polarity=polarity, quote=f"Statement {iid}."
    )


def test_items_far_from_the_centre_are_warned_of(tmp_path: Path) -> None:
    # Bogotá and Buenos Aires: a region drawn around both is some 4,600 km across
    case = _case(tmp_path, _item("c1", -74.08, 4.61) + _item("c2", -58.38, -34.6))
    res = runner.invoke(app, ["locate", str(case), "--out", str(tmp_path / "o")])
    assert res.exit_code == 0, res.output
    said = " ".join(res.output.split())
    assert "item(s) lie more than 600 km from the centre of the study region" in said
    assert "distances are off by up to" in said
    # a region of one country's width is not
    near = _case(tmp_path, _item("c1", -74.08, 4.61) + _item("c2", -75.56, 6.25))
    res = runner.invoke(app, ["locate", str(near), "--out", str(tmp_path / "p")])
    assert res.exit_code == 0, res.output
    assert "600 km" not in res.output


def test_a_denial_outside_the_region_is_no_loss(tmp_path: Path) -> None:
    region = "region: {west: -80, south: 0, east: -70, north: 10}\n"
    case = tmp_path / "case.yaml"
    case.write_text(
        "target: Jane Doe\nas_of: 2026-10-01\n"
        + DOCS
        + region
        + "grid: {cell_km: 10}\nevidence:\n"
        + _item("c1", -74.08, 4.61)
        + _item("c2", -3.70, 40.42, "is_not"),
        encoding="utf-8",
    )
    res = runner.invoke(app, ["locate", str(case), "--out", str(tmp_path / "o")])
    assert res.exit_code == 0, res.output
    said = " ".join(res.output.split())
    assert "'c2' is left out" in said
    assert "only says where the target is not" in said
    assert "widen the study region" not in said
    stored = json.loads((tmp_path / "o" / "estimate.json").read_text("utf-8"))
    assert any("c2" in json.dumps(w) for w in stored["warnings"])


@pytest.mark.parametrize("polarity", ["is"])
def test_a_claim_outside_the_region_still_gets_the_advice(
    tmp_path: Path, polarity: str
) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(
        "target: Jane Doe\nas_of: 2026-10-01\n"
        + DOCS
        + "region: {west: -80, south: 0, east: -70, north: 10}\n"
        "grid: {cell_km: 10}\nevidence:\n"
        + _item("c1", -74.08, 4.61)
        + _item("c2", -3.70, 40.42, polarity),
        encoding="utf-8",
    )
    res = runner.invoke(app, ["locate", str(case), "--out", str(tmp_path / "o")])
    assert res.exit_code == 0, res.output
    assert "widen the study region" in " ".join(res.output.split())


def test_a_plan_left_beside_a_new_estimate_is_warned_of(tmp_path: Path) -> None:
    from conftest import REPO

    hiker = REPO / "src" / "geosleuth" / "examples" / "missing-hiker.yaml"
    out = tmp_path / "od"
    assert runner.invoke(app, ["locate", str(hiker), "--out", str(out)]).exit_code == 0
    res = runner.invoke(
        app,
        ["plan", str(out), "--budget-km", "20", "--sweep-width-km", "0.05",
         "--out", str(out)],
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["locate", str(hiker), "--out", str(out)])
    assert res.exit_code == 0, res.output
    said = " ".join(res.output.split())
    assert "plan.geojson, plan.csv, plan.gpx, plan.kml" in said
    assert "on the estimate this run has replaced, not on this one" in said


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [
        ("date", "30/06/2026", "must be a date written YYYY-MM-DD. Got '30/06/2026'"),
        ("grade", "G7", "must be a grade, a letter A-F"),
    ],
)
def test_a_malformed_date_or_grade_is_said_in_words(
    tmp_path: Path, field: str, value: str, said: str
) -> None:
    item = _item("c1", -74.08, 4.61)
    if field == "date":
        item = item.replace("date: 2026-10-01", f"date: {value}")
    else:
        item += f"    grade: {value}\n"
    res = runner.invoke(
        app, ["locate", str(_case(tmp_path, item)), "--out", str(tmp_path / "o")]
    )
    assert res.exit_code == 1
    text = " ".join(res.output.split())
    assert said in text
    assert "\\d" not in text and "^[" not in text  # no pattern shown to the user


def test_an_outbreak_source_has_no_p_alive(tmp_path: Path) -> None:
    (tmp_path / "cases.csv").write_text(
        "lon,lat,cases\n-1.70,37.67,3\n-1.69,37.68,1\n-1.71,37.66,2\n-1.72,37.69,1\n",
        encoding="utf-8",
    )
    case = tmp_path / "case.yaml"
    case.write_text(
        "target: source of an outbreak\nas_of: 2024-07-25\nevidence:\n"
        "  - id: cases\n    kind: event_set\n    date: 2024-07-20\n"
        "    csv: cases.csv\n    weight_column: cases\n    method: cgt\n",
        encoding="utf-8",
    )
    out = tmp_path / "o"
    res = runner.invoke(app, ["locate", str(case), "--out", str(out)])
    assert res.exit_code == 0, res.output
    said = " ".join(res.output.split())
    assert "P(alive) =" not in said
    assert "no P(alive)" in said
    assert "P(alive)" not in (out / "report.html").read_text("utf-8")
    # estimate.json keeps it, and verify still checks it
    stored = json.loads((out / "estimate.json").read_text("utf-8"))
    assert 0.0 < stored["p_alive"] <= 1.0
    assert runner.invoke(app, ["verify", str(out)]).exit_code == 0
    # with a sighting of a person beside it, P(alive) is shown again
    case.write_text(
        case.read_text("utf-8")
        + "  - id: s1\n    kind: sighting\n    date: 2024-07-21\n"
        "    place: {lon: -1.70, lat: 37.67}\n    sigma_km: 1\n",
        encoding="utf-8",
    )
    res = runner.invoke(app, ["locate", str(case), "--out", str(tmp_path / "p")])
    assert res.exit_code == 0, res.output
    assert "P(alive) =" in res.output


def test_the_drawn_region_holds_only_what_is_known_on_as_of() -> None:
    # review 14: as of 1 Feb only the denial was known; a sighting of 1 March
    # drew the box around Bogotá and the denial was left out as "no loss"
    late = Sighting(
        id="s1", provenance=Provenance(document="d", published=dt.date(2024, 3, 2)),
        date=dt.date(2024, 3, 1), place=Point(-74.08, 4.61), sigma_km=5.0,
    )  # fmt: skip
    denial = Claim(
        id="c2", provenance=Provenance(document="d", published=dt.date(2024, 1, 2)),
        date=dt.date(2024, 1, 1), place=Point(-3.70, 40.42), polarity="is_not",
    )  # fmt: skip
    west, _, east, _ = evidence_bounds([denial, late], as_of=dt.date(2024, 2, 1))
    assert west < -3.70 < east  # the denial alone: all there is on that day
    west, _, east, _ = evidence_bounds([denial, late], as_of=dt.date(2024, 3, 5))
    assert west < -74.08 < east and east < -3.70  # the sighting, not the denial


def test_warnings_before_a_failure_are_shown(tmp_path: Path) -> None:
    # review 14: a reading left out for another target, then "No evidence": the
    # warning that says why was never shown
    from geosleuth.read.corpus import evidence_record
    from geosleuth.read.document import Reading

    seen = Sighting(
        id="a:s1", provenance=Provenance(document="a", quote="Seen in Leeds."),
        date=DAY, place=Point(-1.55, 53.8), sigma_km=5.0,
    )  # fmt: skip
    reading = Reading(
        doc_id="a", title=None, text="Seen in Leeds.", published=DAY, mentions=(),
        evidence=(seen,), sentences=(), rejected=(), notes=(), target="Tom Fox",
        source="a.txt",
    )  # fmt: skip
    whole = tmp_path / "evidence.json"
    whole.write_text(json.dumps(evidence_record([reading])), encoding="utf-8")
    res = runner.invoke(
        app,
        ["locate", str(whole), "--target", "Jane Doe", "--out", str(tmp_path / "o")],
    )
    assert res.exit_code == 1
    said = " ".join(res.output.split())
    assert "was read for 'Tom Fox', not for 'Jane Doe'" in said
    assert said.index("Tom Fox") < said.index("No evidence")
