"""locate, verify, plan, profile and case files after the 13th outside review.

- one article given once as a reading and once again (as text, or another
  reading) was counted twice: the text's SHA-256 was matched only among the
  documents read now (#1);
- a CSV row with more fields than the header (decimal commas) and a header
  naming a column twice were read without a word (#2);
- an event set with both ``csv:`` and ``events:`` dropped the inline events, and
  a ``weight_column`` without ``csv:`` was ignored (#3);
- plan and profile left half a set of files behind a failure (#4);
- verify said "ok" for an estimate.json whose target, title, warnings or
  set-aside items were changed (#5);
- the warning for ``--home`` without articles spoke of dates (#7);
- the help of ``--cell-km`` gave a wrong default (#8);
- a case file that is a YAML list was named by a class of the loader (#9);
- plan took any file for a locate output folder (#11);
- the schema took ``evidence: []``, which every command refused (#14).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import warnings
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from conftest import REPO
from geosleuth.casefile import CASE_SCHEMA, load_case, parse_case
from geosleuth.cli import app
from geosleuth.errors import CaseFileError, EvidenceWarning, InputError
from geosleuth.events import read_events_csv
from geosleuth.evidence import LifeStatus, Provenance, Sighting
from geosleuth.geometry import Point
from geosleuth.read.corpus import evidence_record, gather_evidence
from geosleuth.read.document import Reading
from geosleuth.report.files import load_posterior

runner = CliRunner()
HIKER = REPO / "src" / "geosleuth" / "examples" / "missing-hiker.yaml"
SEED = REPO / "src" / "geosleuth" / "examples" / "seed-baghdadi-2018.yaml"
REGION = "region: {west: -0.9, south: 53.7, east: -0.7, north: 53.9}\n"


def run(*args: object) -> Any:
    return runner.invoke(app, [str(a) for a in args], terminal_width=200)


def flat(text: str) -> str:
    return " ".join(text.split())


# ------------------------------------------------------- #1: one text, counted once
TEXT = "Abu Bakr al-Baghdadi was seen in Hajin on Monday, a villager said."


def _reading(doc_id: str, source: str, day: dt.date) -> Reading:
    prov = Provenance(document=doc_id, quote="He was seen in Hajin.", span=(0, 21))
    items = (
        Sighting(
            id=f"{doc_id}:sighting-1", provenance=prov, date=day,
            place=Point(40.83, 34.69), place_name="Hajin", sigma_km=5.0,
        ),
        LifeStatus(
            id=f"{doc_id}:life-1", provenance=prov, date=day, status="alive"
        ),
    )  # fmt: skip
    return Reading(doc_id, None, TEXT, day, (), items, (), (), (),
                   "Abu Bakr al-Baghdadi", source)  # fmt: skip


def _outputs(tmp_path: Path, copy_id: str, copy_source: str) -> tuple[Path, Path]:
    """An evidence.json that records the text's hash, and a <doc>.json of the same
    text read with another publication date (so other items)."""
    first = _reading("report", "report.txt", dt.date(2018, 5, 12))
    again = _reading(copy_id, copy_source, dt.date(2018, 5, 20))
    ev = tmp_path / "read" / "evidence.json"
    ev.parent.mkdir()
    ev.write_text(json.dumps(evidence_record([first], text_sha256=True)), "utf-8")
    copy = tmp_path / "again" / f"{copy_id}.json"
    copy.parent.mkdir()
    copy.write_text(json.dumps(again.to_dict()), "utf-8")
    return ev, copy


@pytest.mark.parametrize(
    ("copy_id", "copy_source"), [("copy", "copy.txt"), ("report", "report.txt")]
)
def test_one_text_in_a_reading_and_a_doc_json_is_counted_once(
    tmp_path: Path, copy_id: str, copy_source: str
) -> None:
    ev, copy = _outputs(tmp_path, copy_id, copy_source)
    assert (
        hashlib.sha256(TEXT.encode()).hexdigest()
        == json.loads(ev.read_text())["documents"][0]["text_sha256"]
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs = gather_evidence([ev, copy])
    assert [d.doc_id for _, d in docs] == ["report"]
    assert [i.date for i in docs[0][1].evidence] == [dt.date(2018, 5, 12)] * 2
    said = [str(w.message) for w in caught if w.category is EvidenceWarning]
    assert len(said) == 1, said
    assert "has the same text as" in said[0] and "one article given twice" in said[0]
    assert str(ev) in said[0] and str(copy) in said[0]  # both files named
    assert "read with other options" in said[0]
    assert "both are counted" not in said[0]


def test_locate_counts_a_reading_and_its_copy_once(tmp_path: Path) -> None:
    ev, copy = _outputs(tmp_path, "copy", "copy.txt")
    out = tmp_path / "out"
    result = run("locate", ev, copy, "--out", out, "-q")
    assert result.exit_code == 0, result.output
    assert "one article given twice" in flat(result.output)
    record = json.loads((out / "estimate.json").read_text())
    assert [e["id"] for e in record["evidence"]] == [
        "report:sighting-1",
        "report:life-1",
    ]
    assert any("one article given twice" in w for w in record["warnings"])


def test_the_seed_article_read_and_copied_is_counted_once(
    nlp: object, shared_dir: Path, tmp_path: Path
) -> None:
    # the review's own run: a reading with --published, the same text copied
    article = shared_dir / "corpus" / "seed-2018-baghdadi-hajin.txt"
    copy = tmp_path / "copy.txt"
    shutil.copyfile(article, copy)
    target = "Abu Bakr al-Baghdadi"
    result = run("read", article, "--out", tmp_path / "seedread",
                 "--published", "2018-05-12", "--target", target)  # fmt: skip
    assert result.exit_code == 0, result.output
    alone, both = tmp_path / "alone", tmp_path / "both"
    ev = tmp_path / "seedread" / "evidence.json"
    assert run("locate", ev, "--out", alone, "-q").exit_code == 0
    result = run("locate", ev, copy, "--target", target, "--out", both, "-q")
    assert result.exit_code == 0, result.output
    said = flat(result.output)
    assert f"{str(copy)!r} has the same text as the document" in said
    assert f"of {str(ev)!r}" in said and "one article given twice" in said
    one, two = (json.loads((d / "estimate.json").read_text()) for d in (alone, both))
    assert [e["id"] for e in two["evidence"]] == [e["id"] for e in one["evidence"]]
    assert two["places"] == one["places"]
    assert two["p_alive"] == one["p_alive"] and two["hdr_km2"] == one["hdr_km2"]


# ---------------------------------------------------- #2: rows wider than the header
def test_a_row_with_more_fields_than_the_header_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "deccomma.csv"
    p.write_text("lon,lat\n10,5,20,5\n10,6,20,6\n10,7,20,9\n")
    with pytest.raises(InputError, match="has 4 fields but the header has 2") as e:
        read_events_csv(p)
    assert (e.value.path, e.value.line) == (str(p), 2)
    assert "decimal commas?" in e.value.message and "';'" in e.value.message
    # skipped, each is said; none is read cut to fit
    with pytest.raises(InputError, match="holds 0 valid event"):
        read_events_csv(p, on_invalid="skip")
    extra = tmp_path / "extra.csv"
    extra.write_text("lon,lat\n1,2,3\n1.01,2.02\n1.02,2.03\n")
    with pytest.raises(InputError, match=r"Line 2 of .* has 3 fields"):
        read_events_csv(extra)
    table = read_events_csv(extra, on_invalid="skip")
    assert table.lons.tolist() == [1.01, 1.02]
    assert [r.line for r in table.rejected] == [2]


def test_empty_fields_after_the_last_column_are_no_extra_fields(tmp_path: Path) -> None:
    p = tmp_path / "trailing.csv"
    p.write_text("lon,lat\n1,2,\n1.01,2.02,,\n")
    assert read_events_csv(p).lons.tolist() == [1.0, 1.01]
    semi = tmp_path / "semi.csv"  # a delimiter of its own: no decimal-comma hint
    semi.write_text("lon;lat\n1;2;3\n1.01;2.02\n")
    with pytest.raises(InputError, match="has 3 fields but the header has 2:"):
        read_events_csv(semi)


def test_a_header_naming_an_events_column_twice_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "duphdr.csv"
    p.write_text("lon,lat,LON\n1,2,3\n1.01,2.02,3\n")
    with pytest.raises(InputError, match="2 columns named 'lon' \\(columns 1, 3\\)"):
        read_events_csv(p)
    w = tmp_path / "dupw.csv"
    w.write_text("lon,lat,w,w\n1,2,1,2\n1.01,2.02,1,2\n")
    with pytest.raises(InputError, match="columns named 'w'") as e:
        read_events_csv(w, weight_column="w")
    assert (e.value.line, e.value.field) == (1, "w")
    # a column that is not read may repeat
    ok = tmp_path / "ok.csv"
    ok.write_text("id,lon,lat,id\n1,1,2,x\n2,1.01,2.02,y\n")
    assert read_events_csv(ok).n_events == 2


def test_profile_and_a_case_file_refuse_decimal_commas(tmp_path: Path) -> None:
    p = tmp_path / "deccomma.csv"
    p.write_text("lon,lat\n10,5,20,5\n10,6,20,6\n10,7,20,9\n")
    result = run("profile", p, "--method", "cgt", "--out", tmp_path / "o")
    assert result.exit_code == 1
    assert "Line 2 of" in flat(result.output) and "has 4 fields" in result.output
    assert not (tmp_path / "o" / "profile.json").exists()
    case = tmp_path / "case.yaml"
    case.write_text(
        "target: x\n" + REGION + "evidence:\n  - id: ev\n    kind: event_set\n"
        "    date: 2024-05-05\n    csv: deccomma.csv\n"
    )
    with pytest.raises(CaseFileError, match="has 4 fields but the header has 2"):
        load_case(case)


# ------------------------------------------------ #3: an event set's events, one way
def _event_case(tmp_path: Path, extra: str) -> Path:
    (tmp_path / "ev.csv").write_text("lon,lat,w\n-0.8,53.8,1\n-0.82,53.81,2\n")
    case = tmp_path / "case.yaml"
    case.write_text(
        "target: x\n" + REGION + "evidence:\n  - id: ev\n    kind: event_set\n"
        "    date: 2024-05-05\n" + extra
    )
    return case


def test_an_event_set_with_both_csv_and_events_is_refused(tmp_path: Path) -> None:
    case = _event_case(tmp_path, "    csv: ev.csv\n    events: [{lon: 1, lat: 2}]\n")
    with pytest.raises(CaseFileError, match=r"both inline .* and from a file") as e:
        load_case(case)
    assert (e.value.line, e.value.field) == (8, "evidence[0].events")
    assert "event_set 'ev'" in e.value.message
    result = run("locate", case, "--out", tmp_path / "o", "-q")
    assert result.exit_code == 1 and "give them one way, not both" in result.output
    # the published schema says so too
    item = {"id": "ev", "kind": "event_set", "date": "2024-05-05", "csv": "ev.csv"}
    doc = {"target": "x", "evidence": [{**item, "events": [{"lon": 1, "lat": 2}]}]}
    assert not jsonschema.Draft202012Validator(CASE_SCHEMA).is_valid(doc)


def test_a_weight_column_without_csv_is_refused(tmp_path: Path) -> None:
    case = _event_case(
        tmp_path,
        "    weight_column: w\n    events: [{lon: -0.8, lat: 53.8}, "
        "{lon: -0.81, lat: 53.8}]\n",
    )
    with pytest.raises(CaseFileError, match="'weight_column' of event_set 'ev'") as e:
        load_case(case)
    assert (e.value.line, e.value.field) == (7, "evidence[0].weight_column")
    assert "remove 'weight_column'" in e.value.message
    # with its csv it is read
    case = _event_case(tmp_path, "    csv: ev.csv\n    weight_column: w\n")
    item = load_case(case).items[0]
    assert item.weights is not None and item.weights.tolist() == [1.0, 2.0]


# --------------------------------------------------- #4: plan and profile, all or none
@pytest.fixture(scope="module")
def hiker_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("hiker")
    result = run("locate", HIKER, "--out", out, "-q")
    assert result.exit_code == 0, result.output
    return out


def test_a_plan_that_fails_on_its_last_file_writes_none(
    hiker_out: Path, tmp_path: Path
) -> None:
    out = tmp_path / "plmid"
    (out / "plan.kml").mkdir(parents=True)
    result = run("plan", hiker_out, "--budget-km", 30, "--sweep-width-km", 0.05,
                 "--out", out)  # fmt: skip
    assert result.exit_code == 1
    assert "plan.kml" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["plan.kml"]
    # so 'searched --plan' has no plan to take for one carried out
    case = tmp_path / "hk.yaml"
    shutil.copyfile(HIKER, case)
    result = run("searched", case, "--date", "2024-10-13", "--plan",
                 out / "plan.geojson")  # fmt: skip
    assert result.exit_code == 2
    assert case.read_bytes() == HIKER.read_bytes()


def test_a_failed_plan_leaves_an_older_plan_as_it_was(
    hiker_out: Path, tmp_path: Path
) -> None:
    out = tmp_path / "plan"
    args = ("plan", hiker_out, "--sweep-width-km", 0.05, "--out", out)
    assert run(*args, "--budget-km", 30).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (out / "plan.kml").unlink()
    (out / "plan.kml").mkdir()
    assert run(*args, "--budget-km", 20).exit_code == 1
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert after == {k: v for k, v in before.items() if k != "plan.kml"}


def test_a_profile_that_fails_on_its_png_writes_nothing(tmp_path: Path) -> None:
    events = tmp_path / "ev.csv"
    events.write_text("lon,lat\n1,2\n1.01,2.02\n1.02,2.0\n")
    out = tmp_path / "prmid"
    (out / "profile.png").mkdir(parents=True)
    result = run("profile", events, "--method", "cgt", "--out", out)
    assert result.exit_code == 1 and "profile.png" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["profile.png"]
    (out / "profile.png").rmdir()
    assert run("profile", events, "--method", "cgt", "--out", out).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "profile.geojson",
        "profile.json",
        "profile.png",
    ]
    assert (out / "profile.png").read_bytes().startswith(b"\x89PNG")


# ------------------------------------------------ #5: verify what came from the inputs
@pytest.fixture(scope="module")
def seed_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed")
    result = run("locate", SEED, "--out", out, "-q")
    assert result.exit_code == 0, result.output
    assert "ok  target and title" in run("verify", out).output
    return out


def _tampered(src: Path, dest: Path, change: Any) -> Path:
    shutil.copytree(src, dest)
    record = json.loads((dest / "estimate.json").read_text())
    change(record)
    (dest / "estimate.json").write_text(json.dumps(record))
    return dest


@pytest.mark.parametrize(
    ("name", "change", "section"),
    [
        ("target", lambda r: r.update(target="Someone Else"), "target and title"),
        ("title", lambda r: r.update(title="X"), "target and title"),
        ("warnings", lambda r: r.update(warnings=["all fine"]), "warnings"),
        ("set_aside", lambda r: r.update(set_aside=[{"id": "x"}]), "items set aside"),
    ],
)
def test_verify_finds_a_changed_target_title_warning_or_set_aside_item(
    seed_run: Path, tmp_path: Path, name: str, change: Any, section: str
) -> None:
    out = _tampered(seed_run, tmp_path / name, change)
    result = run("verify", out)
    assert result.exit_code == 1, result.output
    assert f"differs  {section}" in result.output
    assert "differs  posterior" not in result.output


def test_verify_compares_the_target_with_the_case_file_alone(
    seed_run: Path, tmp_path: Path
) -> None:
    # estimate.json without its report.html: the case file it names still says
    out = _tampered(seed_run, tmp_path / "t", lambda r: r.update(target="Someone"))
    (out / "report.html").unlink()
    result = run("verify", out)
    assert result.exit_code == 1
    assert "target (seed-baghdadi-2018.yaml names 'Abu Bakr al-Baghdadi')" in (
        flat(result.output)
    )


def test_verify_says_what_it_could_not_check(seed_run: Path, tmp_path: Path) -> None:
    # a copy with neither its case file nor its report: nothing to compare with
    out = _tampered(seed_run, tmp_path / "alone", lambda r: r.update(case="gone.yaml"))
    (out / "report.html").unlink()
    result = run("verify", out)
    assert result.exit_code == 0, result.output
    assert "not checked target and title (case file gone.yaml not found" in (
        flat(result.output)
    )


def test_verify_finds_a_warning_of_the_fusion_left_out(tmp_path: Path) -> None:
    case = tmp_path / "h95.yaml"
    text = HIKER.read_text().replace("settings:\n", "settings:\n  rest_of_world: 0.1\n")
    assert "rest_of_world: 0.1" in text
    case.write_text(text)
    result = run("searched", case, "--date", "2024-10-13", "--pd", 0.95,
                 "--box=-4.16,53.03,-3.98,53.12")  # fmt: skip
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    assert run("locate", case, "--out", out, "-q").exit_code == 0
    assert run("verify", out).exit_code == 0
    record = json.loads((out / "estimate.json").read_text())
    kept = [w for w in record["warnings"] if "The searches so far" not in w]
    assert len(kept) == len(record["warnings"]) - 1
    bad = _tampered(out, tmp_path / "bad", lambda r: r.update(warnings=kept))
    (bad / "report.html").unlink()  # the fusion alone says it is missing
    result = run("verify", bad)
    assert result.exit_code == 1
    assert "differs warnings at warnings: 'The searches so far" in flat(result.output)


# ------------------------------------------------------------ #7, #8, #9: messages
def test_home_without_articles_is_explained_by_place_names(tmp_path: Path) -> None:
    result = run("locate", HIKER, "--out", tmp_path, "-q", "--home", "Leeds")
    assert result.exit_code == 0, result.output
    text = flat(result.output)
    assert "--home applies to articles read now, and none is given: ignored" in text
    assert "place names" in text and "dates" not in text
    result = run("locate", HIKER, "--out", tmp_path, "-q", "--published", "2024-10-13")
    text = flat(result.output)
    assert "--published applies" in text and "carry their own dates" in text
    assert "place names" not in text


def test_the_cell_size_help_gives_the_rule_of_the_default() -> None:
    text = flat(run("locate", "--help").output.replace("│", " "))
    assert "about 250,000 cells" not in text
    assert "1, 2, 2.5 or 5 x 10^k km" in text and "at most max_cells" in text


@pytest.mark.parametrize(
    ("text", "kind"),
    [("- a\n- b\n", "a list"), ("just words\n", "a string"), ("42\n", "a number")],
)
def test_a_case_file_that_is_no_mapping_says_what_it_is(text: str, kind: str) -> None:
    with pytest.raises(CaseFileError, match=f"Got {kind} instead") as e:
        parse_case(text, source="list.yaml")
    assert "_List" not in e.value.message and e.value.line == 1


# ----------------------------------------------------------- #11: what plan takes
def test_plan_takes_only_the_files_of_a_locate_run(
    hiker_out: Path, tmp_path: Path
) -> None:
    fake = tmp_path / "fake.json"
    fake.write_text("{}")
    result = run("plan", fake, "--budget-km", 30, "--sweep-width-km", 0.05,
                 "--out", tmp_path / "p1")  # fmt: skip
    assert result.exit_code == 1
    assert "fake.json is not an output of 'geosleuth locate'" in flat(result.output)
    assert "posterior.npz beside" not in result.output
    assert not (tmp_path / "p1").exists()
    with pytest.raises(InputError, match="is not an output of 'geosleuth locate'"):
        load_posterior(hiker_out / "notes.txt")
    # a file locate wrote stands for its folder
    for name in ("report.html", "estimate.geojson", "map.png", "estimate.json"):
        grid, _ = load_posterior(hiker_out / name)
        assert grid == load_posterior(hiker_out)[0]
    # its estimate.json alone: the posterior it stands for is missing
    alone = tmp_path / "alone"
    alone.mkdir()
    shutil.copyfile(hiker_out / "estimate.json", alone / "estimate.json")
    with pytest.raises(InputError, match=r"No posterior at .* beside estimate\.json"):
        load_posterior(alone / "estimate.json")


# --------------------------------------------------- #14: a case with no evidence yet
EMPTY = (
    "target: Jane Doe\ntitle: A fresh case\n" + REGION + "evidence: []  # none yet\n"
    "settings:\n  rest_of_world: 0.1\n"
)


def test_the_schema_and_the_loader_agree_on_a_case_with_no_evidence() -> None:
    valid = jsonschema.Draft202012Validator(CASE_SCHEMA).is_valid
    with_region = {
        "target": "x",
        "region": {"west": 0, "south": 0, "east": 1, "north": 1},
        "evidence": [],
    }
    assert valid(with_region)
    assert parse_case(json.dumps(with_region)).items == ()
    without = {"target": "x", "evidence": []}
    assert not valid(without)
    with pytest.raises(CaseFileError, match="no evidence items and no 'region'") as e:
        parse_case("target: x\nevidence: []\n", source="c.yaml")
    assert (e.value.line, e.value.field) == (2, "evidence")


def test_searched_records_the_first_search_of_a_new_case(tmp_path: Path) -> None:
    case = tmp_path / "new.yaml"
    case.write_text(EMPTY)
    result = run("locate", case, "--out", tmp_path / "o", "-q")
    assert result.exit_code == 1
    assert "has no evidence items yet" in flat(result.output)
    assert "(new.yaml:4)" in flat(result.output).replace(str(case), "new.yaml")
    result = run("searched", case, "--date", "2024-05-07", "--pd", 0.5,
                 "--point=-0.8,53.8", "--radius-km", 1)  # fmt: skip
    assert result.exit_code == 0, result.output
    text = case.read_text()
    assert "evidence:  # none yet\n  - id: search-2024-05-07-1\n" in text
    assert text.endswith("settings:\n  rest_of_world: 0.1\n")
    assert [i.id for i in load_case(case).items] == ["search-2024-05-07-1"]
    result = run("searched", case, "--date", "2024-05-08", "--pd", 0.5,
                 "--point=-0.8,53.8", "--radius-km", 1)  # fmt: skip
    assert result.exit_code == 0, result.output
    assert len(load_case(case).items) == 2
    result = run("locate", case, "--out", tmp_path / "o", "-q")
    assert result.exit_code == 0, result.output
    assert run("verify", tmp_path / "o").exit_code == 0
