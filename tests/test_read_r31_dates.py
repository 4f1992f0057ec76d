"""Review r31: dates of a phrase about the target, and of an undated wire copy.

- M1: "Rojas, *wanted for the kidnapping of two engineers last year*, is hiding
  near Tibú, the army said on Wednesday" was dated last year, from the phrase
  that describes him; a participle phrase about a person ("wanted for ...",
  "convicted in 2015 of murder") is a relative clause without its "who was", and
  its date is not the statement's, as a relative clause's is not. A statement
  in the phrase keeps its date ("seen in Tibú last year"), and so does one that
  says last year ("was hiding near Tibú last year").
- L1: an undated wire copy that opens "CUCUTA, Colombia, Oct. 19 (Reuters) -"
  was dated the day it was read; the dateline's day, in the latest year that
  puts it not after today, is its publication date, with a note, unless a date
  is given or its front matter gives one.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from geosleuth.errors import EvidenceWarning
from reading import claims, sightings

VILLAMIZAR = "Héctor Villamizar Rojas"
SALCEDO = "Rodrigo Salcedo Ibarra"
THURSDAY = dt.date(2026, 10, 8)
WEDNESDAY = dt.date(2026, 10, 7)
LAST_YEAR = (dt.date(2025, 12, 31), dt.date(2025, 1, 1))


def _read(text: str, nlp: Any, target: str = VILLAMIZAR) -> Any:
    from geosleuth.read.document import read_text

    return read_text(text, target=target, nlp=nlp, published=THURSDAY)


def _dates(reading: Any) -> list[tuple[str, str, dt.date, dt.date | None]]:
    """(kind, place, date, date_from) of each claim and sighting."""
    return [
        (i.kind, i.place_name, i.date, i.date_from)
        for i in (*sightings(reading), *claims(reading))
    ]


# -- M1: a participle phrase describing the target ---------------------------------


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "target", "day"),
    [
        (f"{VILLAMIZAR}, wanted for the kidnapping of two engineers last year, is "
         "hiding near Tibú, the army said on Wednesday.", VILLAMIZAR, WEDNESDAY),
        (f"{SALCEDO}, wanted in the United States since 2015, is hiding in "
         "Culiacán, officials said.", SALCEDO, THURSDAY),
        (f"{SALCEDO}, convicted in 2015 of murder, is hiding in Culiacán, "
         "officials said.", SALCEDO, THURSDAY),
        (f"{SALCEDO}, born in 1974, is hiding in Culiacán, officials said.",
         SALCEDO, THURSDAY),
    ],
)  # fmt: skip
def test_a_date_in_a_phrase_describing_the_target_is_not_the_statements(
    text: str, target: str, day: dt.date, nlp: Any
) -> None:
    # before: dated from 'last year' (2025), 'since 2015', '2015', '1974'
    ((kind, _, date, since),) = _dates(_read(text, nlp, target))
    assert (kind, date, since) == ("claim", day, None)


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "dated"),
    [
        # the same without the phrase
        (f"{VILLAMIZAR} is hiding near Tibú, the army said on Wednesday.",
         [("claim", "Tibú", WEDNESDAY, None)]),
        # the statement says last year
        (f"{VILLAMIZAR} was hiding near Tibú last year, the army said.",
         [("claim", "Tibú", *LAST_YEAR)]),
        # a relative clause with its "who was", as before
        (f"{VILLAMIZAR}, who was seen in Tibú last year, is believed to be in "
         "Cúcuta, the army said on Wednesday.",
         [("sighting", "Tibú", *LAST_YEAR), ("claim", "Cúcuta", WEDNESDAY, None)]),
        # the sighting in the phrase keeps the phrase's date
        (f"{VILLAMIZAR}, seen in Tibú last year, is believed to be in Cúcuta, the "
         "army said.",
         [("sighting", "Tibú", *LAST_YEAR), ("claim", "Cúcuta", THURSDAY, None)]),
        # a phrase that is the statement's own: the army said it on Wednesday
        ("The army said on Wednesday that Héctor Villamizar Rojas, wanted for a "
         "2019 bombing, was hiding near Tibú.",
         [("claim", "Tibú", WEDNESDAY, None)]),
        # an age, then the clause's own verb: its date is the statement's
        (f"{SALCEDO}, 45, fled to Culiacán last year, the army said.",
         [("claim", "Culiacán", *LAST_YEAR)]),
    ],
)  # fmt: skip
def test_a_date_of_the_statement_or_in_it_is_kept(
    text: str, dated: list[tuple[Any, ...]], nlp: Any
) -> None:
    target = SALCEDO if SALCEDO in text else VILLAMIZAR
    assert _dates(_read(text, nlp, target)) == dated


# -- L1: an undated wire copy's dateline ---------------------------------------------

_BODY = (
    "An undercover police officer saw fugitive rebel commander Hector Villamizar "
    "in Cucuta on Friday, Colombian police said on Sunday.\n"
)


def _yearless(day: dt.date) -> str:
    """``day`` as the agencies write it: "Oct. 19"."""
    return f"{day:%b}. {day.day}"


def _a_past_day() -> dt.date:
    """A day six weeks ago, whose year the latest-year rule gets right."""
    return dt.date.today() - dt.timedelta(days=42)


def _read_undated(text: str, nlp: Any) -> Any:
    from geosleuth.read.document import read_text

    return read_text(text, target="Hector Villamizar", nlp=nlp)


@pytest.mark.nlp
def test_an_undated_wire_copy_is_published_on_its_datelines_day(nlp: Any) -> None:
    day = _a_past_day()
    line = f"CUCUTA, Colombia, {_yearless(day)} (Reuters) -"
    with warnings.catch_warnings(record=True) as said:
        # before: "has no publication date", and dated the day it was read
        warnings.simplefilter("always", EvidenceWarning)
        r = _read_undated(f"{line} {_BODY}", nlp)
    # the one warning: the year is a guess (review r41, H1)
    assert [str(w.message).split(": year guessed as ")[-1][:4] for w in said] == [
        str(day.year)
    ]
    assert r.published == day
    assert any(
        f"publication date {day.isoformat()} read from the dateline {line!r}, which "
        "writes no year" in note
        for note in r.notes
    )
    # "on Friday" counts back from it
    (seen,) = sightings(r)
    assert 0 <= (day - seen.date).days < 7 and seen.date.weekday() == 4


@pytest.mark.nlp
def test_a_datelines_day_after_today_is_last_years(nlp: Any) -> None:
    day = dt.date.today() + dt.timedelta(days=10)
    if (day.month, day.day) == (2, 29):
        day += dt.timedelta(days=1)
    r = _read_undated(f"CUCUTA, Colombia, {_yearless(day)} (Reuters) - {_BODY}", nlp)
    assert r.published == day.replace(year=day.year - 1)


@pytest.mark.nlp
@pytest.mark.parametrize(
    "line", ["CUCUTA, Colombia (Reuters) -", "CUCUTA, Colombia -", "Police said -"]
)
def test_a_dateline_with_no_day_leaves_the_copy_undated(line: str, nlp: Any) -> None:
    with pytest.warns(EvidenceWarning, match="has no publication date"):
        r = _read_undated(f"{line} {_BODY}", nlp)
    assert r.published is None
    assert not any("dateline" in note for note in r.notes)


@pytest.mark.nlp
def test_a_date_given_or_in_front_matter_wins_over_the_dateline(
    tmp_path: Path, nlp: Any
) -> None:
    from geosleuth.read.document import read_document, read_text

    text = f"CUCUTA, Colombia, {_yearless(_a_past_day())} (Reuters) - {_BODY}"
    given = read_text(text, target="Hector Villamizar", nlp=nlp, published=THURSDAY)
    assert given.published == THURSDAY
    p = tmp_path / "wire.txt"
    p.write_text(f"---\ntitle: Wire\ndate: 2026-01-05\n---\n{text}", encoding="utf-8")
    front = read_document(p, target="Hector Villamizar", nlp=nlp)
    assert front.published == dt.date(2026, 1, 5)
    assert not any("which writes no year" in note for note in front.notes)


def test_the_cli_reads_an_undated_wire_copys_dateline(tmp_path: Path) -> None:
    pytest.importorskip("spacy", reason="needs the [nlp] extra (spaCy)")
    import json

    from geosleuth.cli import app
    from geosleuth.errors import MissingDependencyError
    from geosleuth.read.toponyms import load_nlp

    try:
        load_nlp()
    except MissingDependencyError as exc:
        pytest.skip(str(exc))
    day = _a_past_day()
    p = tmp_path / "04-wire-cucuta.txt"
    p.write_text(
        f"CUCUTA, Colombia, {_yearless(day)} (Reuters) - {_BODY}", encoding="utf-8"
    )
    out = tmp_path / "o"
    result = CliRunner().invoke(
        app, ["read", str(p), "--out", str(out), "--target", "Hector Villamizar"]
    )
    assert result.exit_code == 0, result.output
    assert "no publication date" not in result.output
    record = json.loads((out / "04-wire-cucuta.json").read_text(encoding="utf-8"))
    assert record["published"] == day.isoformat()
