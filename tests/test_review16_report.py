"""The report and its provenance after an outside audit for a newsroom (review 16).

- verify said "ok" to a report.html whose figures had been edited, or that was
  copied from another run: it compared only the target and the title;
- an estimate made from what `read` wrote lost read's warning that the article
  had no publication date (its dates guessed), and cited the article only by
  its id, not its title and file;
- the annotated page of `read`, and the names in plan.gpx and plan.kml, kept
  bidi controls that reverse the figures after them;
- the plan's probability of success was 6.6 % in the report and 6.5% in plan's
  files; its map layer had no legend, its bands no definition, its popups the
  code's field names;
- the read page rounded a mention's confidence anew (0.93 for a stored 0.935).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import REPO
from geosleuth.cli import app
from geosleuth.evidence import Grade, Provenance, Sighting
from geosleuth.geometry import Point
from geosleuth.plan import allocate_optimal
from geosleuth.read.annotate import annotate_html
from geosleuth.read.document import Reading
from geosleuth.report.fieldfiles import plan_cells, plan_gpx, plan_kml
from geosleuth.report.text import percent_down

runner = CliRunner()
SEED = REPO / "src" / "geosleuth" / "examples" / "seed-baghdadi-2018.yaml"
HIKER = REPO / "src" / "geosleuth" / "examples" / "missing-hiker.yaml"
UNDATED = (
    "'leeds-report.txt' has no publication date: undated items are dated "
    "2024-03-02 (the latest date in the text) and relative dates are not read. "
    "Give published= (--published) to fix it."
)


def run(*args: object) -> object:
    return runner.invoke(app, [str(a) for a in args], terminal_width=200)


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed")
    result = run("locate", SEED, "--out", out, "-q")
    assert result.exit_code == 0, result.output
    return out


def _copy(src: Path, dst: Path) -> Path:
    dst.mkdir()
    for f in src.iterdir():
        (dst / f.name).write_bytes(f.read_bytes())
    return dst


# ------------------------------------------------------------- verify
def test_verify_knows_the_files_it_wrote(seed_out: Path) -> None:
    rec = json.loads((seed_out / "estimate.json").read_text())
    assert set(rec["outputs"]) == {"report.html", "map.png", "estimate.geojson"}
    assert all(re.fullmatch(r"[0-9a-f]{64}", v) for v in rec["outputs"].values())
    result = run("verify", seed_out)
    assert result.exit_code == 0, result.output
    assert "ok  files written with it" in result.output


def test_verify_refuses_a_report_whose_figures_were_edited(
    seed_out: Path, tmp_path: Path
) -> None:
    out = _copy(seed_out, tmp_path / "edited")
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "<b>80.0 %</b>" in page
    (out / "report.html").write_text(page.replace("<b>80.0 %</b>", "<b>95.0 %</b>"))
    result = run("verify", out)
    assert result.exit_code == 1
    assert "differs  files written with it at report.html (changed since" in (
        result.output
    )


def test_verify_refuses_a_map_from_another_run(seed_out: Path, tmp_path: Path) -> None:
    other = tmp_path / "hiker"
    assert run("locate", HIKER, "--out", other, "-q").exit_code == 0
    out = _copy(seed_out, tmp_path / "mixed")
    (out / "map.png").write_bytes((other / "map.png").read_bytes())
    result = run("verify", out)
    assert result.exit_code == 1
    assert "map.png (changed since the run wrote it)" in result.output


def test_an_estimate_without_checksums_is_not_checked(
    seed_out: Path, tmp_path: Path
) -> None:
    out = _copy(seed_out, tmp_path / "old")
    rec = json.loads((out / "estimate.json").read_text())
    del rec["outputs"]
    (out / "estimate.json").write_text(json.dumps(rec))
    result = run("verify", out)
    assert result.exit_code == 0, result.output
    assert "not checked  files written with it" in result.output


# ------------------------------------------- an estimate from read's output
def _undated_reading(tmp_path: Path) -> Path:
    prov = Provenance(
        document="leeds-report", quote="Jane Doe was seen in Leeds.", span=(0, 27)
    )
    item = Sighting(
        id="leeds-report:s1", provenance=prov, date=dt.date(2024, 3, 2),
        place=Point(-1.5491, 53.8008), sigma_km=5.0, grade=Grade.parse("F3"),
    )  # fmt: skip
    reading = Reading(
        "leeds-report", "Jane Doe seen in Leeds", "Jane Doe was seen in Leeds.",
        None, (), (item,), ((0, 27),), (), ("read as text in utf-8", UNDATED),
        "Jane Doe", "leeds-report.txt",
    )  # fmt: skip
    path = tmp_path / "leeds-report.json"
    path.write_text(json.dumps(reading.to_dict()), encoding="utf-8")
    return path


def test_an_estimate_from_an_undated_reading_says_its_dates_were_guessed(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    result = run("locate", _undated_reading(tmp_path), "--out", out)
    assert result.exit_code == 0, result.output
    rec = json.loads((out / "estimate.json").read_text())
    assert rec["warnings"] == [UNDATED]
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "has no publication date: undated items are dated 2024-03-02" in page


def test_many_undated_readings_are_one_warning(tmp_path: Path) -> None:
    first = json.loads(_undated_reading(tmp_path).read_text())
    paths = []
    for k in range(5):
        # five articles, not one five times
        doc = json.loads(
            json.dumps(first)
            .replace("leeds-report", f"leeds-{k}")
            .replace("in Leeds.", f"in Leeds on day {k}.")
        )
        path = tmp_path / f"leeds-{k}.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        paths.append(path)
    out = tmp_path / "out"
    result = run("locate", *paths, "--out", out)
    assert result.exit_code == 0, result.output
    said = json.loads((out / "estimate.json").read_text())["warnings"]
    assert len(said) == 1
    assert said[0].startswith("5 documents of the read outputs have no publication")
    assert "(leeds-0.txt; leeds-1.txt;" in said[0]


def test_the_report_cites_an_article_by_its_title_and_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("locate", _undated_reading(tmp_path), "--out", out).exit_code == 0
    rec = json.loads((out / "estimate.json").read_text())
    label = "Jane Doe seen in Leeds (leeds-report.txt)"
    assert [e["source"]["document"] for e in rec["evidence"]] == [label]
    assert rec["evidence"][0]["id"] == "leeds-report:s1"  # the id is kept
    page = (out / "report.html").read_text(encoding="utf-8")
    assert f'<span class="doc">{label}</span>' in page
    assert run("verify", out).exit_code == 0


# ----------------------------------------------------------- bidi controls
def test_the_read_page_drops_bidi_controls() -> None:
    text = "Police chief Ahmed O'Reilly\u202e said Jane Doe was seen in Leeds."
    prov = Provenance(
        document="d", quote=text, span=(0, len(text)), speaker="Ahmed O'Reilly\u202e"
    )
    item = Sighting(
        id="d:s1", provenance=prov, date=dt.date(2018, 5, 8),
        place=Point(-1.5491, 53.8008), sigma_km=5.0, grade=Grade.parse("F2"),
    )  # fmt: skip
    reading = Reading(
        "d", "t", text, dt.date(2018, 5, 12), (), (item,), ((0, len(text)),), (),
        (), "Jane Doe", "d.txt",
    )  # fmt: skip
    page = annotate_html(reading)
    assert "\u202e" not in page
    assert "Ahmed O&#x27;Reilly" in page and "grade F2" in page


def test_field_files_drop_bidi_controls() -> None:
    from geosleuth.grid import Grid

    g = Grid.around(10.0, 50.0, radius_km=1.0, cell_km=1.0)
    plan = allocate_optimal([0.7, 0.1, 0.1, 0.1], 1.0, sweep_width_km=0.5, area_km2=1.0)
    pc = plan_cells(g, plan, sweep_width_km=0.5)
    for data in (plan_gpx(pc, title="Doe\u202e plan"), plan_kml(pc, title="Doe\u202e")):
        assert "\u202e" not in data.decode("utf-8")
        ET.fromstring(data)


# ---------------------------------------------------------------- the plan
@pytest.fixture(scope="module")
def hiker_plan(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("hiker")
    result = run(
        "locate", HIKER, "--out", out, "--budget-km", 20, "--sweep-width-km", 0.05
    )
    assert result.exit_code == 0, result.output
    return out, " ".join(result.output.split())


def test_one_probability_of_success_in_every_output(
    hiker_plan: tuple[Path, str], tmp_path: Path
) -> None:
    out, said = hiker_plan
    pos = json.loads((out / "estimate.json").read_text())["plan"][
        "probability_of_success"
    ]
    shown = percent_down(pos, decimals=1)
    assert f"finds the target with probability {shown}" in said
    page = (out / "report.html").read_text(encoding="utf-8")
    assert f"finds the target with probability {shown}." in page
    plan_out = tmp_path / "plan"
    result = run(
        "plan", out, "--budget-km", 20, "--sweep-width-km", 0.05, "--out", plan_out
    )
    assert result.exit_code == 0, result.output
    assert f"= {shown}" in " ".join(result.output.split())
    assert f"success {shown};" in (plan_out / "plan.gpx").read_text()


def test_the_plan_has_a_legend_bands_said_and_readable_popups(
    hiker_plan: tuple[Path, str],
) -> None:
    out, _ = hiker_plan
    page = (out / "report.html").read_text(encoding="utf-8")
    legend = page[page.index('<ul class="legend">') :]
    assert "search plan (darker: more track" in legend[: legend.index("</ul>")]
    assert "band 1 gets the most" in page
    data = page[page.index("gs-data") :]
    assert "effort_km" not in data and "Track per cell, mean" in data
    assert not re.search(r"\d\.\d+e-0\d", page[page.index("id='plan'") :])


def test_a_seed_report_without_a_plan_has_no_plan_legend(seed_out: Path) -> None:
    page = (seed_out / "report.html").read_text(encoding="utf-8")
    assert "search plan (darker" not in page


def test_the_read_page_shows_a_confidence_as_stored() -> None:
    from geosleuth.read.toponyms import Mention

    text = "Jane Doe was seen in Hajin."
    m = Mention(
        text="Hajin", start=21, end=26, name="Hajīn", lon=40.83, lat=34.69,
        geonames_id=None, confidence=0.934999, place=None,
    )  # fmt: skip
    assert m.to_dict()["confidence"] == 0.935
    reading = Reading(
        "d", "t", text, dt.date(2018, 5, 12), (m,), (), ((0, len(text)),), (), (),
        "Jane Doe", "d.txt",
    )  # fmt: skip
    assert "confidence 0.935" in annotate_html(reading)


# ------------------------------------------------ where coordinates come from
def test_the_report_says_where_each_places_coordinates_come_from(
    hiker_plan: tuple[Path, str],
) -> None:
    out, _ = hiker_plan
    rec = json.loads((out / "estimate.json").read_text())
    assert rec["place_sources"]["Pyg Track corridor"] == (
        "hand-drawn box around the Pyg Track (approximate)"
    )
    page = (out / "report.html").read_text(encoding="utf-8")
    table = page[page.index('<table class="evidence">') :]
    assert (
        '<div class="what">coordinates: hand-drawn box around the Pyg Track '
        "(approximate)</div>"
    ) in table
    assert "coordinates: OpenStreetMap (approximate)" in table
    assert "Coordinates of the case file&#x27;s own places: as the case gives" in page


def test_p_true_and_the_alive_shift_are_defined_on_the_page(seed_out: Path) -> None:
    page = (seed_out / "report.html").read_text(encoding="utf-8")
    assert "× tie for a territory'>P(true)" in page
    assert "ΔP(alive): P(alive) with the item minus without it" in page
    assert "ΔP(alive) -0.000" not in page and "ΔP(alive) +0.000" not in page


def test_locate_with_only_a_death_claim_says_so_not_to_edit_a_case(
    tmp_path: Path,
) -> None:
    from geosleuth.evidence import LifeStatus

    prov = Provenance(document="chamonix", quote="He died.", span=(0, 8))
    item = LifeStatus(
        id="chamonix:l1", provenance=prov, date=dt.date(2024, 8, 5), status="dead"
    )
    reading = Reading(
        "chamonix", "t", "He died.", dt.date(2024, 8, 6), (), (item,), ((0, 8),),
        (), (), "Tom Whitfield", "chamonix.txt",
    )  # fmt: skip
    path = tmp_path / "chamonix.json"
    path.write_text(json.dumps(reading.to_dict()), encoding="utf-8")
    result = run("locate", path, "--out", tmp_path / "out")
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert "No item of the inputs says where the target is (1 claim of death)" in said
    assert "to the case" not in said and "Traceback" not in said


# ------------------------------------------------- a second audit (review r18)
def test_verify_reads_only_plain_files_of_the_folder(
    seed_out: Path, tmp_path: Path
) -> None:
    import os

    out = _copy(seed_out, tmp_path / "links")
    outside = tmp_path / "elsewhere.png"
    outside.write_bytes((out / "map.png").read_bytes())
    (out / "map.png").unlink()
    (out / "map.png").symlink_to(outside)  # the very bytes, but through a link
    (out / "estimate.geojson").unlink()
    os.mkfifo(out / "estimate.geojson")  # would block a reader for ever
    result = run("verify", out)
    assert result.exit_code == 1 and "Traceback" not in result.output
    said = " ".join(result.output.split())
    assert "map.png (not a plain file of the folder)" in said


def test_verify_says_what_outputs_leaves_out_or_adds(
    seed_out: Path, tmp_path: Path
) -> None:
    out = _copy(seed_out, tmp_path / "crafted")
    rec = json.loads((out / "estimate.json").read_text())
    del rec["outputs"]["report.html"]
    rec["outputs"]["../../etc/passwd"] = "0" * 64
    (out / "estimate.json").write_text(json.dumps(rec))
    (out / "map.png").unlink()
    result = run("verify", out)
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert "not one of the files shown" in said
    assert "report.html (not recorded in outputs)" in said


def test_verify_checks_the_place_sources_against_the_case(
    tmp_path: Path,
) -> None:
    out = tmp_path / "hiker"
    assert run("locate", HIKER, "--out", out, "-q").exit_code == 0
    rec = json.loads((out / "estimate.json").read_text())
    rec["place_sources"]["Pyg Track corridor"] = "GeoNames"
    (out / "estimate.json").write_text(json.dumps(rec))
    result = run("verify", out)
    assert result.exit_code == 1
    assert "differs  place sources" in result.output


def test_two_articles_of_one_file_name_are_two_sources(tmp_path: Path) -> None:
    paths = []
    for folder, place in (("a", "Leeds"), ("b", "York")):
        (tmp_path / folder).mkdir()
        text = f"Jane Doe was seen in {place} on Monday."
        prov = Provenance(document="report", quote=text, span=(0, len(text)))
        item = Sighting(
            id="report:s1", provenance=prov, date=dt.date(2024, 3, 2),
            place=Point(-1.55 if place == "Leeds" else -1.08, 53.8), sigma_km=5.0,
        )  # fmt: skip
        reading = Reading(
            "report", None, text, dt.date(2024, 3, 4), (), (item,),
            ((0, len(text)),), (), (), "Jane Doe", "report.txt",
        )  # fmt: skip
        path = tmp_path / folder / "report.json"
        path.write_text(json.dumps(reading.to_dict()), encoding="utf-8")
        paths.append(path)
    out = tmp_path / "out"
    assert run("locate", *paths, "--out", out, "-q").exit_code == 0
    rec = json.loads((out / "estimate.json").read_text())
    docs = [e["source"]["document"] for e in rec["evidence"]]
    assert docs == ["report.txt [report]", "report.txt [report-2]"]


def test_the_plan_keeps_its_pos_as_computed(hiker_plan: tuple[Path, str]) -> None:
    from geosleuth.report.files import load_posterior

    out, _ = hiker_plan
    stored = json.loads((out / "estimate.json").read_text())["plan"]
    grid, posterior = load_posterior(out)
    rest = json.loads((out / "estimate.json").read_text())["p_outside"]
    from geosleuth.plan import scale_for_rest_of_world

    plan = allocate_optimal(
        scale_for_rest_of_world(posterior, rest_of_world=rest), 20.0,
        sweep_width_km=0.05, area_km2=grid.cell_area_km2, rest_of_world=rest,
    )  # fmt: skip
    assert stored["probability_of_success"] == pytest.approx(plan.pos, rel=1e-12)
    assert stored["rest_of_world"] == pytest.approx(rest, rel=1e-12)


def test_control_characters_in_a_title_reach_no_page() -> None:
    from geosleuth.report._html_text import esc
    from geosleuth.report.text import plain

    assert plain("Doe\x1b[31m\x07 seen") == "Doe[31m seen"
    assert esc("a\x1bb\x00c\td") == "abc\td"


def test_an_estimate_from_a_reading_whose_year_was_guessed_says_so(
    tmp_path: Path,
) -> None:
    """A reading dated only by a dateline that writes no year has a date, but
    its year is a guess: ``read`` said so when it read it, and an estimate made
    later from its output says it again (review r41, H1)."""
    note = (
        "publication date 2024-03-02 read from the dateline 'LEEDS, March 2 "
        "(Reuters) -', which writes no year: the latest year that puts it not "
        "after today (2024-11-28)"
    )
    doc = json.loads(_undated_reading(tmp_path).read_text())
    doc["published"] = "2024-03-02"
    doc["notes"] = ["read as text in utf-8", note]
    path = tmp_path / "leeds-report.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    out = tmp_path / "out"
    result = run("locate", path, "--out", out)
    assert result.exit_code == 0, result.output
    said = json.loads((out / "estimate.json").read_text())["warnings"]
    assert said == [
        "'leeds-report.txt' is dated only by its dateline 'LEEDS, March 2 "
        "(Reuters) -', which writes no year: the year 2024 was guessed. Give a "
        "publication date (--published, or the service's date for undated "
        "reports) to fix it."
    ]
    # near miss: a dateline with its year guesses nothing, and nothing is said
    doc["notes"] = ["publication date 2024-03-02 read from the dateline 'LEEDS, "
                    "March 2, 2024 -'"]  # fmt: skip
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = run("locate", path, "--out", tmp_path / "out2")
    assert result.exit_code == 0, result.output
    rec = json.loads((tmp_path / "out2" / "estimate.json").read_text())
    assert rec["warnings"] == []
