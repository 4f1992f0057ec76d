"""Leftovers of earlier reviews (helper n117).

- ``read --corpus`` into the same ``--out``: a reading taken again (review r85,
  L6) said none of its warnings (a year guessed from a dateline, a text cut at
  ``--max-chars``) while the summary lines still printed. ``evidence.json``
  now keeps each reading's warnings under ``read_with`` (``warned``), and a
  rerun that takes the reading says them again, as a fresh run would; a
  warning that names today's date makes the reading one of the day
  (``read_on``). A record that keeps no warnings is read again.
- ``_corpus_reuse`` hashes a reading's record with the one
  ``sha256_of_text`` that ``read.corpus`` gives.
- locate names the first few ids of a warning with one helper (``ids_text``).
- A search left out as outside the study region "counts for nothing", not
  "nothing is lost": where the team searched in the region, its coordinates
  are wrong (as ``geosleuth searched`` says since review r105, M2).
"""

from __future__ import annotations

import datetime as dt
import json
import warnings
from pathlib import Path

import pytest
from typer.testing import CliRunner

from geosleuth.cli import app as cli_app
from geosleuth.errors import EvidenceWarning
from geosleuth.evidence import Claim, Provenance, Searched, Sighting
from geosleuth.fuse import fuse
from geosleuth.geometry import Area, Point
from geosleuth.grid import Grid

# ------------------------------------------------------------ warnings again

#: Dated by a dateline with no year: "year guessed as ..." is warned of.
DATELINE = (
    "ZAGREB, March 2 - Marko Zelenko was seen in Zagreb on Saturday, police said.\n"
)
#: Dated in full, and long: cut at --max-chars 300, with a warning.
LONG = (
    "Fugitive seen in Split\n\nPublished March 4, 2024\n\nSPLIT, Croatia - "
    + "Marko Zelenko was seen in Split on Saturday, March 2, police said. " * 8
)
#: Dated in full, short: read with no warning at all.
QUIET = (
    "Zelenko in Zagreb\n\nPublished March 10, 2024\n\nZAGREB - Marko Zelenko was "
    "seen in Zagreb on March 9, a witness said.\n"
)


def _corpus(root: Path, files: dict[str, str]) -> Path:
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    return corpus


def _read(corpus: Path, out: Path) -> tuple[str, list[str]]:
    """What ``read`` says on stdout (one line), and its warnings, each a line."""
    result = CliRunner().invoke(
        cli_app,
        ["read", "--corpus", str(corpus), "--out", str(out), "--target",
         "Marko Zelenko", "--max-chars", "300"],
        terminal_width=400,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    said = [line for line in result.stderr.splitlines() if line.strip()]
    return " ".join(result.stdout.split()), said


@pytest.mark.nlp
def test_a_rerun_says_the_warnings_of_the_readings_it_takes(tmp_path, nlp):
    corpus = _corpus(tmp_path, {"dateline.txt": DATELINE, "long.txt": LONG})
    out = tmp_path / "out"
    first, warned = _read(corpus, out)
    assert "reused" not in first
    assert any("year guessed as" in w for w in warned)
    assert any("only the first" in w for w in warned)  # cut at --max-chars
    again, warned_again = _read(corpus, out)
    assert "2 of 2 readings reused" in again
    assert warned_again == warned
    listed = json.loads((out / "evidence.json").read_text(encoding="utf-8"))
    kept = {d["file"]: d["read_with"]["warned"] for d in listed["documents"]}
    assert [w["category"] for w in kept["long.json"]] == ["EvidenceWarning"]
    assert "only the first" in kept["long.json"][0]["message"]


@pytest.mark.nlp
def test_a_rerun_of_readings_that_warned_of_nothing_says_nothing(tmp_path, nlp):
    corpus = _corpus(tmp_path, {"quiet.txt": QUIET})
    out = tmp_path / "out"
    assert _read(corpus, out)[1] == []
    again, warned = _read(corpus, out)
    assert "1 of 1 readings reused" in again
    assert warned == []
    listed = json.loads((out / "evidence.json").read_text(encoding="utf-8"))
    assert listed["documents"][0]["read_with"]["warned"] == []


@pytest.mark.nlp
@pytest.mark.parametrize(
    "warned",
    [None, [{"category": "UserWarning", "message": "x"}], [["EvidenceWarning"]]],
)
def test_a_record_that_keeps_no_warnings_as_written_is_read_again(
    tmp_path, nlp, warned
):
    corpus = _corpus(tmp_path, {"dateline.txt": DATELINE, "quiet.txt": QUIET})
    out = tmp_path / "out"
    _, said = _read(corpus, out)
    path = out / "evidence.json"
    listed = json.loads(path.read_text(encoding="utf-8"))
    for doc in listed["documents"]:
        if doc["file"] == "dateline.json":  # as an older record, or edited
            if warned is None:
                del doc["read_with"]["warned"]
            else:
                doc["read_with"]["warned"] = warned
    path.write_text(json.dumps(listed, ensure_ascii=False, indent=2))
    again, said_again = _read(corpus, out)
    assert "1 of 2 readings reused" in again  # quiet.txt only
    assert said_again == said


@pytest.mark.nlp
def test_a_reading_that_warns_of_today_is_reused_that_day_only(tmp_path, nlp):
    from geosleuth.read._corpus_reuse import StoredReadings, read_key

    today = dt.date.today()
    ahead = today + dt.timedelta(days=20)  # after today: warned, naming today
    front = f"---\ndate: {ahead.isoformat()}\n---\n\n" + QUIET.split("\n\n", 2)[2]
    corpus = _corpus(tmp_path, {"ahead.md": front, "quiet.txt": QUIET})
    out = tmp_path / "out"
    _, said = _read(corpus, out)
    assert any(today.isoformat() in w for w in said)
    listed = json.loads((out / "evidence.json").read_text(encoding="utf-8"))
    made = {d["file"]: d["read_with"] for d in listed["documents"]}
    assert made["ahead.json"]["read_on"] == today.isoformat()
    assert "read_on" not in made["quiet.json"]  # no word of today: any day

    def found(name: str, day: dt.date) -> object:
        key = read_key(corpus / name, published=None, target="Marko Zelenko",
                       home=None, max_chars=300)  # fmt: skip
        assert key is not None
        return StoredReadings(out, today=day).find(corpus / name, key)

    tomorrow = today + dt.timedelta(days=1)
    assert found("ahead.md", today) is not None
    assert found("ahead.md", tomorrow) is None
    assert found("quiet.txt", tomorrow) is not None


def test_a_readings_record_is_hashed_as_a_text_is():
    from geosleuth.read import _corpus_reuse, corpus

    assert corpus.sha256_of_text is _corpus_reuse.sha256_of_text
    record = {"b": "Hajín", "a": [1, 2]}
    text = json.dumps(record, ensure_ascii=False, sort_keys=True)
    assert _corpus_reuse._digest(record) == corpus.sha256_of_text(text)


# ------------------------------------------------------------------ locate


def test_the_ids_a_locate_warning_names_are_the_first_five_and_a_count():
    from geosleuth.locate._checks import check_dates, ids_text

    assert ids_text([]) == ""
    assert ids_text(list("abcde")) == "a, b, c, d, e"
    assert ids_text(list("abcdefg")) == "a, b, c, d, e and 2 more"
    today = dt.date(2024, 3, 1)
    prov = Provenance(document="d", published=dt.date(2024, 3, 5))
    items = [
        Sighting(id=f"s{k}", provenance=prov, date=today, place=Point(16.0, 45.0))
        for k in range(7)
    ]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        check_dates(items, today=today)
    said = " ".join(str(w.message) for w in caught)
    assert "its items (s0, s1, s2, s3, s4 and 2 more) count as known" in said


DAY = dt.date(2024, 3, 10)
PROV = Provenance(document="log")
#: A grid of 20 x 20 km cells around Zagreb.
GRID = Grid(lon0=16.0, lat0=45.8, west_km=-100, south_km=-100, cell_km=20,
            nx=10, ny=10)  # fmt: skip
#: A square 0.1 degrees across about (lon, lat) 45.8, 16.0: Zagreb's lat first.
SWAPPED = Area.of([[45.75, 15.95], [45.85, 15.95], [45.85, 16.05], [45.75, 16.05]])


def _left_out(item) -> str:
    seen = Sighting(id="s1", provenance=PROV, date=DAY, place=Point(16.0, 45.8))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fuse([seen, item], GRID, as_of=DAY, contributions=False)
    said = [
        str(w.message)
        for w in caught
        if issubclass(w.category, EvidenceWarning) and item.id in str(w.message)
    ]
    assert len(said) == 1, said
    return said[0]


def test_a_search_outside_the_region_counts_for_nothing_not_nothing_lost():
    search = Searched(id="t1", provenance=PROV, date=DAY, area=SWAPPED, pd=0.6)
    said = _left_out(search)
    assert "'t1' is left out" in said
    assert "nothing is lost" not in said
    assert "counts for nothing" in said
    assert "If the team searched in the region, its coordinates are wrong" in said


@pytest.mark.parametrize(
    ("polarity", "advice"),
    [("is_not", "outside the study region: nothing is lost."),
     ("is", "widen the study region ('region') to hold it.")],
)  # fmt: skip
def test_a_claim_outside_the_region_keeps_its_advice(polarity, advice):
    claim = Claim(id="c9", provenance=PROV, date=DAY, place=Point(-3.70, 40.42),
                  polarity=polarity)  # fmt: skip
    said = _left_out(claim)
    assert said.endswith(advice)
    assert "counts for nothing" not in said
