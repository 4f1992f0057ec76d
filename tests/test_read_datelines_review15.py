"""Wire datelines without a year, from the review of a journalist's reading (r11, #7).

Before: only a dateline with its year ("BEIRUT, Jan. 9, 2024 (Reuters) -") dated a
reprint's statements; the agencies' own form, "BEIRUT, Jan 9 (Reuters) -", was
ignored, so a copy published days later dated "on Sunday" a week late, and two
copies of one wire story fell a week apart and both counted (#5). Now a day
without its year takes it from the publication date: the latest such day no
more than a day after it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from geosleuth.dependence import repeats
from geosleuth.read._datelines import _dateline_date
from geosleuth.read.document import _rough_sentences

KHALID = "Khalid al-Rashid"
MONDAY = dt.date(2024, 1, 15)  # the review's publication date
SEEN = "A shepherd saw Khalid al-Rashid in Raqqa on Sunday."


@pytest.mark.parametrize(
    ("text", "published", "day", "line"),
    [
        ("BEIRUT, Jan 9 (Reuters) - ", MONDAY, "2024-01-09",
         "BEIRUT, Jan 9 (Reuters) -"),
        ("BEIRUT, Jan. 9 (Reuters) - ", MONDAY, "2024-01-09",
         "BEIRUT, Jan. 9 (Reuters) -"),
        ("LONDON, March 3 (AP) — ", dt.date(2024, 3, 5), "2024-03-03",
         "LONDON, March 3 (AP) —"),
        ("PARIS, 9 Jan (AFP) - ", MONDAY, "2024-01-09", "PARIS, 9 Jan (AFP) -"),
        # no place: the day and the agency
        ("Jan. 9 (Reuters) - ", MONDAY, "2024-01-09", "Jan. 9 (Reuters) -"),
        # across New Year
        ("BEIRUT, Dec. 30 (Reuters) - ", dt.date(2024, 1, 2), "2023-12-30",
         "BEIRUT, Dec. 30 (Reuters) -"),
        # a day after publication (a time zone) is the same year's; two days
        # after, the year before's (no reprint: a year before its publication)
        ("BEIRUT, Jan 16 (Reuters) - ", MONDAY, "2024-01-16",
         "BEIRUT, Jan 16 (Reuters) -"),
        ("BEIRUT, Jan 17 (Reuters) - ", MONDAY, "2023-01-17",
         "BEIRUT, Jan 17 (Reuters) -"),
    ],
)  # fmt: skip
def test_a_dateline_without_its_year_takes_the_publication_year(
    text: str, published: dt.date, day: str, line: str
) -> None:
    got = _dateline_date(text + SEEN, published=published)
    assert got == (dt.date.fromisoformat(day), line)
    assert _dateline_date(text + SEEN) is None  # no publication date, no year


def test_a_dateline_of_a_day_and_an_agency_is_a_sentence_of_its_own() -> None:
    text = "Jan. 9 (Reuters) - " + SEEN
    assert [text[s:e] for s, e in _rough_sentences(text)] == [
        "Jan. 9 (Reuters) -",
        SEEN,
    ]


@pytest.mark.nlp
def test_a_reprint_dates_on_sunday_from_its_dateline(nlp: Any) -> None:
    from geosleuth.read.document import read_text

    # (dateline, publication date, the sighting's day): within a week after the
    # dateline, a reprint ("on Sunday" before 9 January is the 7th); on its day,
    # or more than a week after it, the publication date counts
    table = [
        ("BEIRUT, Jan 9 (Reuters) - ", MONDAY, dt.date(2024, 1, 7)),  # before: 14th
        ("BEIRUT, Jan. 9 (Reuters) - ", MONDAY, dt.date(2024, 1, 7)),
        ("Jan. 9 (Reuters) - ", MONDAY, dt.date(2024, 1, 7)),
        ("BEIRUT, Jan 9 (Reuters) - ", dt.date(2024, 1, 9), dt.date(2024, 1, 7)),
        ("BEIRUT, Jan 9 (Reuters) - ", dt.date(2024, 1, 25), dt.date(2024, 1, 21)),
    ]
    for dateline, published, seen_on in table:
        r = read_text(dateline + SEEN, target=KHALID, nlp=nlp, published=published)
        [item] = r.evidence
        assert (item.kind, item.date, item.provenance.quote) == (
            "sighting",
            seen_on,
            SEEN,
        ), dateline
        assert r.published == published  # the document keeps its own date
        reprint = (published - dt.date(2024, 1, 9)).days in range(1, 8)
        assert reprint == any(
            n.startswith(f"statements dated from the dateline {dateline.strip()!r}")
            for n in r.notes
        ), dateline


@pytest.mark.nlp
def test_a_killing_in_a_wire_copy_is_dated_as_in_the_wire(nlp: Any) -> None:
    from geosleuth.read.document import read_text

    text = "BEIRUT, Jan 9 (Reuters) - " + (
        "Khalid al-Rashid was killed in Raqqa on Sunday, the army said."
    )
    r = read_text(text, target=KHALID, nlp=nlp, published=MONDAY)
    assert [(i.kind, i.date, i.provenance.speaker) for i in r.evidence] == [
        ("life_status", dt.date(2024, 1, 7), "Army"),
        ("claim", dt.date(2024, 1, 7), "Army"),
    ]


WIRE = """\
RAQQA, Syria, March 8 (Reuters) - Khalid al-Rashid, the commander of a militant \
faction, was killed in an airstrike near Raqqa on Monday, the coalition said in a \
statement.

"We can confirm that Khalid al-Rashid died in the strike," said Colonel James \
Porter, a coalition spokesman.

A cousin of al-Rashid, reached by telephone, denied that he was dead and said he \
is in Idlib.
"""


@pytest.mark.nlp
def test_a_wire_story_reprinted_days_later_counts_once(
    tmp_path: Path, nlp: Any
) -> None:
    from geosleuth.read.document import read_document

    wire = tmp_path / "wire.txt"
    wire.write_text("---\ntitle: Commander killed\ndate: 2023-03-08\n---\n" + WIRE)
    copy = tmp_path / "reprint.txt"
    copy.write_text(
        "---\ntitle: Faction leader dead\ndate: 2023-03-14\n---\n" + WIRE
        + "\nThe Daily Star asked the coalition for comment.\n"
    )  # fmt: skip
    first = read_document(wire, nlp=nlp, target=KHALID)
    again = read_document(copy, nlp=nlp, target=KHALID)
    assert again.published == dt.date(2023, 3, 14)
    # "on Monday" is 6 March in both; before, the copy's was 13 March, a week
    # after the wire's, and its items counted a second time
    dated = [(i.kind, i.date, i.provenance.quote) for i in first.evidence]
    assert dated[0][:2] == ("life_status", dt.date(2023, 3, 6))
    assert [(i.kind, i.date, i.provenance.quote) for i in again.evidence] == dated
    # each item of one copy repeats the other's (which one counts is a tie on the
    # dateline's day, broken by id): the statement counts once
    pairs = repeats([*first.evidence, *again.evidence])
    assert {frozenset((k, v.id)) for k, v in pairs.items()} == {
        frozenset((a.id, b.id))
        for a, b in zip(first.evidence, again.evidence, strict=True)
    }
