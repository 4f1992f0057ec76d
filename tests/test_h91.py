"""Review r85, L1, L2, L3, L6 (helper h91).

- L1: a search sent to the service with its ``centre`` written [lat, lon] was
  blamed on the case's region (``field: region``): the search was the case
  file's only item, and the readings of the case's reports did not count as its
  evidence. It is now refused naming ``centre`` (or ``box``), and so is
  ``geosleuth searched --point`` on a case file with no other item;
- L2: ``verify`` said "ok" of a run whose reading was edited in place since;
- L3: an upload's name lost its non-ASCII letters in silence;
- L6: ``read --corpus`` into the same ``--out`` read every document again.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from geosleuth.cli import app as cli_app

# ------------------------------------------------------------------ L1

REGION_CASE = (
    "target: Marko Zelenko\ntitle: L1\nas_of: 2024-03-20\n"
    "region: {west: 13.0, south: 40.0, east: 24.0, north: 47.0}\n"
    "grid: {cell_km: 5}\nevidence: []\n"
)
ZADAR = "Marko Zelenko was seen in Zadar on March 2."


def _reading_of_zadar() -> dict:
    """A stored reading, as an upload keeps it: one sighting in Zadar."""
    item = {
        "id": "a1:s1",
        "kind": "sighting",
        "date": "2024-03-02",
        "grade": "F3",
        "hedge": "certain",
        "provenance": {"document": "a1", "quote": ZADAR, "span": [0, len(ZADAR)]},
        "place": {"type": "Point", "coordinates": [15.22514, 44.11578]},
        "place_name": "Zadar",
        "sigma_km": 5.0,
    }
    return {
        "doc_id": "a1",
        "source": "a1.txt",
        "title": None,
        "published": "2024-03-02",
        "target": "Marko Zelenko",
        "text": ZADAR,
        "sentences": [[0, len(ZADAR)]],
        "mentions": [],
        "evidence": [item],
        "notes": [],
    }


@pytest.fixture
def service(tmp_path):
    pytest.importorskip("starlette")
    pytest.importorskip("httpx")
    from geosleuth.service import create_app

    app = create_app(tmp_path)
    return app, tmp_path


def _new_case(service, *, reports: bool) -> tuple[str, Path]:
    from serving import call

    app, data = service
    r = call(app, "POST", "/api/cases", content=REGION_CASE.encode())
    assert r.status_code == 201, r.text
    case_id = r.json()["id"]
    folder = data / "cases" / case_id
    if reports:
        (folder / "documents").mkdir(exist_ok=True)
        (folder / "readings").mkdir(exist_ok=True)
        (folder / "documents" / "a1.txt").write_text(ZADAR, encoding="utf-8")
        (folder / "readings" / "a1.txt.json").write_text(
            json.dumps(_reading_of_zadar()), encoding="utf-8"
        )
    return case_id, folder


def _search(service, case_id, **area):
    from serving import call

    body = {"date": "2024-03-19", "pd": 0.5, **area}
    return call(service[0], "POST", f"/api/cases/{case_id}/searched", json=body)


def test_a_centre_written_lat_lon_is_blamed_on_the_centre_by_the_reports(service):
    case_id, folder = _new_case(service, reports=True)
    before = (folder / "case.yaml").read_bytes()
    r = _search(service, case_id, centre=[44.1, 15.2], radius_km=5)
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["field"] == "centre"
    assert "looks like [lat, lon]" in body["message"]
    assert "[15.2, 44.1]" in body["message"]  # the centre as it should be
    assert "sighting 'a1:s1'" in body["message"]  # a report's item is the evidence
    assert "'west' and 'east' are longitudes" not in body["message"]  # not L1's
    assert (folder / "case.yaml").read_bytes() == before  # nothing written


def test_a_box_written_south_west_first_is_blamed_on_the_box(service):
    case_id, _ = _new_case(service, reports=True)
    r = _search(service, case_id, box=[44.0, 15.1, 44.2, 15.3])
    assert r.status_code == 422, r.text
    assert r.json()["field"] == "box"
    assert "[15.1, 44, 15.3, 44.2]" in r.json()["message"]


def test_a_centre_written_lat_lon_on_an_empty_case_blames_the_centre(service):
    # no report, no item: the case file read with the search alone blamed its
    # region ("does not hold the case's one item with a place")
    case_id, _ = _new_case(service, reports=False)
    r = _search(service, case_id, centre=[44.1, 15.2], radius_km=5)
    assert r.status_code == 422, r.text
    assert r.json()["field"] == "centre"
    assert "no other item with a place" in r.json()["message"]


@pytest.mark.parametrize("reports", [True, False])
def test_a_centre_written_lon_lat_is_recorded(service, reports):
    case_id, folder = _new_case(service, reports=reports)
    r = _search(service, case_id, centre=[15.2, 44.1], radius_km=5)
    assert r.status_code == 201, r.text
    assert "search-2024-03-19-1" in (folder / "case.yaml").read_text()


def test_a_real_place_outside_the_region_is_not_taken_for_a_swap(service):
    # Paris: outside the region, and exchanged ([48.85, 2.35]) outside it too
    case_id, _ = _new_case(service, reports=True)
    r = _search(service, case_id, centre=[2.35, 48.85], radius_km=5)
    assert r.status_code != 422 or r.json()["field"] not in ("centre", "region"), r.text


def test_searched_point_written_lat_lon_on_a_case_with_no_item_blames_the_point(
    tmp_path,
):
    case = tmp_path / "case.yaml"
    case.write_text(REGION_CASE, encoding="utf-8")
    args = ["searched", str(case), "--date", "2024-03-19", "--pd", "0.5"]
    result = CliRunner().invoke(
        cli_app, [*args, "--point", "44.1,15.2", "--radius-km", "5"]
    )
    assert result.exit_code != 0
    text = " ".join(result.output.split())
    assert "InputError: The search --point 44.1,15.2" in text
    assert "no other item with a place near the region" in text
    assert "'west' and 'east' are longitudes" not in text  # not the region's error
    assert case.read_text(encoding="utf-8") == REGION_CASE
    # the near miss: written lon, lat, it is recorded
    result = CliRunner().invoke(
        cli_app, [*args, "--point", "15.2,44.1", "--radius-km", "5"]
    )
    assert result.exit_code == 0, result.output
    assert "search-2024-03-19-1" in case.read_text(encoding="utf-8")


# ------------------------------------------------------------------ L2

ARTICLE = (
    "Walker still missing near Snowdon\n\nLLANBERIS, 13 October 2024 - Police said "
    "John Smith, 54, was seen in Llanberis on 12 October 2024 by a shopkeeper.\n"
)


@pytest.fixture(scope="module")
def served_run(tmp_path_factory):
    """A data folder with one case, one report (a.txt) and one run of both."""
    pytest.importorskip("starlette")
    pytest.importorskip("httpx")
    from conftest import REPO
    from geosleuth.service import create_app
    from serving import call

    hiker = REPO / "src" / "geosleuth" / "examples" / "missing-hiker.yaml"
    case = (
        hiker.read_text()
        .replace("target: missing walker (synthetic example)", "target: John Smith")
        .replace(
            "west: -4.16, south: 53.03, east: -3.98, north: 53.12",
            "west: -4.3, south: 52.95, east: -3.8, north: 53.2",
        )
    )
    data = tmp_path_factory.mktemp("data")
    app = create_app(data)
    case_id = call(app, "POST", "/api/cases", content=case).json()["id"]
    up = call(
        app, "POST", f"/api/cases/{case_id}/documents?name=a.txt", content=ARTICLE
    )
    assert up.status_code == 201, up.text
    est = call(app, "POST", f"/api/cases/{case_id}/estimate")
    assert est.status_code == 201, est.text
    return data, case_id


@pytest.fixture
def copied_run(served_run, tmp_path):
    data, case_id = served_run
    shutil.copytree(data, tmp_path / "data")
    return tmp_path / "data" / "cases" / case_id


def _verify(run: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli_app, ["verify", str(run)], terminal_width=400)
    return result.exit_code, result.output


def _edit_reading(folder: Path) -> None:
    path = folder / "readings" / "a.txt.json"
    record = json.loads(path.read_text(encoding="utf-8"))
    record["text"] = record["text"].replace("Llanberis", "Capel Curig", 1)
    path.write_text(json.dumps(record), encoding="utf-8")


def _log(folder: Path, entry: dict) -> None:
    with (folder / "log.jsonl").open("a", encoding="utf-8") as f:
        f.write(json.dumps(entry) + "\n")


@pytest.mark.nlp
def test_a_reading_edited_in_place_after_the_run_differs(copied_run):
    _edit_reading(copied_run)
    code, out = _verify(copied_run / "runs" / "0001")
    assert code == 1, out
    assert (
        "differs  reports the run read (SHA-256) at readings/a.txt.json (changed "
        "since the run)"
    ) in out
    assert "not kept now" not in out


@pytest.mark.nlp
def test_a_reading_the_log_says_was_read_again_since_is_not_compared(copied_run):
    _edit_reading(copied_run)  # as a new target's reading would be
    _log(copied_run, {"action": "replaced", "read_again": ["a.txt"]})
    code, out = _verify(copied_run / "runs" / "0001")
    assert code == 0, out
    assert "ok  reports the run read (SHA-256)\n" in out
    assert "the reading readings/a.txt.json it used is not kept now" in out


@pytest.mark.nlp
def test_a_read_again_logged_before_the_run_does_not_excuse_an_edit(copied_run):
    lines = (copied_run / "log.jsonl").read_text(encoding="utf-8").splitlines()
    early = json.dumps({"action": "replaced", "read_again": ["a.txt"]})
    (copied_run / "log.jsonl").write_text(
        "\n".join([lines[0], early, *lines[1:]]) + "\n", encoding="utf-8"
    )
    _edit_reading(copied_run)
    code, out = _verify(copied_run / "runs" / "0001")
    assert code == 1, out
    assert "readings/a.txt.json (changed since the run)" in out


@pytest.mark.nlp
def test_an_unchanged_run_still_verifies(copied_run):
    code, out = _verify(copied_run / "runs" / "0001")
    assert code == 0, out
    assert "differs" not in out


# ------------------------------------------------------------------ L3


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("Zürich-Bericht.txt", "Zurich-Bericht.txt"),
        ("Dubrovnik_vijesti_čet.txt", "Dubrovnik_vijesti_cet.txt"),
        ("Straße.md", "Strasse.md"),
        ("Ørsted Đakovo Łódź.html", "Orsted-Dakovo-Lodz.html"),
        ("Ærø œuvre.txt", "AEro-oeuvre.txt"),
        ("../../Zürich/Genève.txt", "Geneve.txt"),  # no folder part
        # near misses: what was safe stays as it was
        ("report (1).HTML", "report-1.html"),
        (".hidden.md", "hidden.md"),
        ("日本語.txt", "document.txt"),  # another script: nothing to keep
    ],
)
def test_an_upload_name_keeps_its_latin_letters(given, stored):
    from geosleuth.service.store import document_name

    assert document_name(given) == stored
    assert document_name(stored) == stored  # a stored name is its own


def test_a_transliterated_name_is_cut_at_80_characters():
    from geosleuth.service.store import document_name

    assert document_name("é" * 100 + ".txt") == "e" * 80 + ".txt"


def test_a_name_stored_otherwise_is_said():
    from geosleuth.service.store import stored_as_note

    assert stored_as_note("a.txt", "a.txt") is None
    note = stored_as_note("Zürich-Bericht.txt", "Zurich-Bericht.txt")
    assert note is not None
    assert "stored as 'Zurich-Bericht.txt'" in note
    assert "accents dropped" in note
    assert "numbered" in (stored_as_note("a.txt", "a-2.txt") or "")


def test_an_upload_stored_under_another_name_warns(tmp_path, quick):
    pytest.importorskip("starlette")
    pytest.importorskip("httpx")
    from geosleuth.service import create_app
    from serving import call

    app = create_app(tmp_path)
    case_id = call(app, "POST", "/api/cases", content=REGION_CASE.encode()).json()["id"]

    def upload(name):
        r = call(
            app,
            "POST",
            f"/api/cases/{case_id}/documents",
            files={"document": (name, ZADAR.encode())},
        )
        assert r.status_code == 201, r.text
        return r.json()

    got = upload("Zürich-Bericht.txt")
    assert got["name"] == "Zurich-Bericht.txt"
    assert any("stored as 'Zurich-Bericht.txt'" in w for w in got["warnings"])
    got = upload("日本語.txt")
    assert got["name"] == "document.txt"
    assert any("stored as 'document.txt'" in w for w in got["warnings"])
    # the near miss: a name kept as sent is not warned of
    got = upload("plain.txt")
    assert got["name"] == "plain.txt"
    assert not any("stored as" in w for w in got["warnings"])


# ------------------------------------------------------------------ L6

DATED = (
    "Fugitive seen in Split\n\nPublished March 4, 2024\n\nSPLIT, Croatia - Marko "
    "Zelenko was seen in Split on Saturday, March 2, police said on Monday.\n"
)
OTHER = (
    "Zelenko in Zagreb\n\nPublished March 10, 2024\n\nZAGREB - Marko Zelenko was "
    "seen in Zagreb on March 9, a witness said.\n"
)
UNDATED = "Marko Zelenko was seen in Ljubljana, a witness said.\n"


def _corpus(root: Path) -> Path:
    corpus = root / "corpus"
    for sub, name, text in [
        ("a", "split.txt", DATED),
        ("b", "split.txt", OTHER),  # one name in two folders: split, split-2
        ("b", "undated.txt", UNDATED),
    ]:
        (corpus / sub).mkdir(parents=True, exist_ok=True)
        (corpus / sub / name).write_text(text, encoding="utf-8")
    return corpus


def _read(corpus: Path, out: Path, *more: str) -> str:
    result = CliRunner().invoke(
        cli_app,
        ["read", "--corpus", str(corpus), "--out", str(out), "--target",
         "Marko Zelenko", *more],
        terminal_width=400,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture
def read_once(tmp_path, nlp):
    corpus = _corpus(tmp_path)
    out = tmp_path / "out"
    first = _read(corpus, out)
    assert "reused" not in first
    return corpus, out


@pytest.mark.nlp
def test_a_rerun_reuses_every_reading_and_writes_the_same_bytes(read_once, tmp_path):
    corpus, out = read_once
    before = _files(out)
    said = _read(corpus, out)
    assert "3 of 3 readings reused from" in said
    assert "0 read" in said
    assert _files(out) == before
    fresh = tmp_path / "fresh"
    said = _read(corpus, fresh, "--fresh")
    assert "reused" not in said
    assert _files(fresh) == before
    # evidence.json says what each reading depends on; <doc>.json is the reading's
    listed = json.loads((out / "evidence.json").read_text(encoding="utf-8"))
    made = {d["file"]: d["read_with"] for d in listed["documents"]}
    assert made["split-2.json"]["reader"]
    assert "read_on" not in made["split-2.json"]  # dated: not of the day
    assert made["undated.json"]["read_on"] == dt.date.today().isoformat()
    assert "read_with" not in json.loads((out / "split.json").read_text("utf-8"))


@pytest.mark.nlp
def test_a_file_added_or_changed_is_read_and_the_rest_reused(read_once, tmp_path):
    corpus, out = read_once
    # a file before the others in order, of the same name: split-2 becomes
    # split-3, and its reading is taken all the same
    (corpus / "0").mkdir()
    (corpus / "0" / "split.txt").write_text(OTHER.replace("Zagreb", "Osijek"))
    (corpus / "b" / "undated.txt").write_text(UNDATED.replace("witness", "neighbour"))
    said = _read(corpus, out)
    assert "2 of 4 readings reused" in said and "2 read" in said
    fresh = tmp_path / "fresh"
    _read(corpus, fresh, "--fresh")
    assert _files(out) == _files(fresh)


@pytest.mark.nlp
@pytest.mark.parametrize(
    "option",
    [["--target", "Marko Zelenkovic"], ["--published", "2024-03-19"],
     ["--max-chars", "5000"]],
)  # fmt: skip
def test_other_options_read_every_file_again(read_once, option):
    corpus, out = read_once
    said = _read(corpus, out, *option)
    assert "reused" not in said


@pytest.mark.nlp
def test_another_reader_or_an_edited_reading_is_read_again(read_once, monkeypatch):
    from geosleuth.read import _corpus_reuse

    corpus, out = read_once
    path = out / "split.json"
    record = json.loads(path.read_text(encoding="utf-8"))
    record["evidence"][0]["note"] = "edited by hand"
    path.write_text(json.dumps(record, ensure_ascii=False, indent=2))
    said = _read(corpus, out)
    assert "2 of 3 readings reused" in said  # split.json read again
    assert json.loads(path.read_text())["evidence"][0]["note"] != "edited by hand"
    monkeypatch.setattr(_corpus_reuse, "reader_version", lambda: "0.0.0+changed")
    said = _read(corpus, out)
    assert "reused" not in said


@pytest.mark.nlp
def test_a_reading_of_the_day_is_reused_that_day_only(read_once):
    from geosleuth.read._corpus_reuse import StoredReadings, read_key

    corpus, out = read_once

    def found(path, day):
        key = read_key(path, published=None, target="Marko Zelenko", home=None,
                       max_chars=200_000)  # fmt: skip
        assert key is not None
        return StoredReadings(out, today=day).find(path, key)

    tomorrow = dt.date.today() + dt.timedelta(days=1)
    undated, dated = corpus / "b" / "undated.txt", corpus / "a" / "split.txt"
    assert found(undated, dt.date.today()) is not None
    assert found(undated, tomorrow) is None  # its dates were the day's
    assert found(dated, tomorrow) is not None


@pytest.mark.nlp
def test_a_dask_rerun_takes_the_same_readings_as_a_serial_one(read_once):
    pytest.importorskip("dask")
    from geosleuth.read.corpus import corpus_files, read_corpus

    corpus, out = read_once
    files = corpus_files(corpus, exclude=[out])
    with pytest.warns(Warning):  # the undated report, read again
        fresh = read_corpus(files, target="Marko Zelenko")
    again = read_corpus(
        files, target="Marko Zelenko", scheduler="synchronous", reuse=out
    )
    assert again.reused == (True, True, True)
    assert [r.to_dict() for r in again.readings] == [
        r.to_dict() for r in fresh.readings
    ]
    assert again.read_with == fresh.read_with


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_is_not_opened_to_be_hashed(tmp_path):
    from geosleuth.read._corpus_reuse import read_key

    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)  # opened, it would wait for a writer for ever
    assert read_key(pipe, published=None, target=None, home=None, max_chars=9) is None
