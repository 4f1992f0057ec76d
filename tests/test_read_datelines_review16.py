"""Publication dates from datelines and metadata (reviews r16 #8 and r14 F10).

- r16 #8: a dateline with its date in brackets, "PORTLAND, Maine (Sept. 30,
  2024) -" (local TV and wire copy), was not read: the document counted as
  undated and "Friday night" was dated on the day it was read.
- r14 F10: a dateline after the front matter's date was ignored without a word;
  now a note names both. An HTML meta date "10/01/2019" was taken as 10 January
  without a word; like the same value in front matter, it is not used, and a
  warning says why.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path
from typing import Any

import pytest

from geosleuth.errors import EvidenceWarning
from geosleuth.read._datelines import _dateline_date
from geosleuth.read.document import _rough_sentences

PORTLAND = (
    "PORTLAND, Maine (Sept. 30, 2024) - Portland police are asking for the "
    "public's help in finding a 15-year-old girl who has been missing since "
    "Friday.\n\nEmily Dufresne was seen in Kittery on Friday night, police said.\n"
)


@pytest.mark.parametrize(
    ("text", "day", "line"),
    [
        (PORTLAND, "2024-09-30", "PORTLAND, Maine (Sept. 30, 2024) -"),
        ("ATLANTA (May 3, 2023) -- Police said so.", "2023-05-03",
         "ATLANTA (May 3, 2023) --"),
        ("LONDON (3 June 2018) - Police said so.", "2018-06-03",
         "LONDON (3 June 2018) -"),
        ("BOSTON (Jan. 9, 2024) (WCVB) - Police said so.", "2024-01-09",
         "BOSTON (Jan. 9, 2024) (WCVB) -"),
    ],
)  # fmt: skip
def test_a_dateline_with_its_date_in_brackets_is_read(
    text: str, day: str, line: str
) -> None:
    assert _dateline_date(text) == (dt.date.fromisoformat(day), line)
    assert next(text[s:e] for s, e in _rough_sentences(text)) == line


def test_a_dateline_in_brackets_without_its_year_takes_the_publication_year() -> None:
    text = "PORTLAND, Maine (Sept. 30) - Police said so."
    assert _dateline_date(text) is None
    assert _dateline_date(text, published=dt.date(2024, 10, 2)) == (
        dt.date(2024, 9, 30),
        "PORTLAND, Maine (Sept. 30) -",
    )


def test_words_in_brackets_that_are_no_day_are_no_dated_dateline() -> None:
    assert _dateline_date("PORTLAND, Maine (AP) - Police said so.") is None
    assert _dateline_date("PORTLAND, Maine (Sept. 31, 2024) - Police said.") is None


@pytest.mark.nlp
def test_friday_night_is_dated_from_a_dateline_in_brackets(nlp: Any) -> None:
    from geosleuth.read.document import read_text

    with warnings.catch_warnings():
        warnings.simplefilter("error", EvidenceWarning)  # no "no publication date"
        r = read_text(PORTLAND, target="Emily Dufresne", nlp=nlp)
    assert r.published == dt.date(2024, 9, 30)
    assert any(
        "read from the dateline 'PORTLAND, Maine (Sept. 30" in n for n in r.notes
    )
    # Friday before Monday 30 September 2024
    assert [(i.kind, i.date) for i in r.evidence] == [
        ("sighting", dt.date(2024, 9, 27))
    ]


@pytest.mark.nlp
def test_a_dateline_after_the_front_matter_date_is_noted(
    tmp_path: Path, nlp: Any
) -> None:
    from geosleuth.read.document import read_document

    p = tmp_path / "f01.md"
    p.write_text(
        "---\ntitle: Jane Doe\ndate: 2019-01-10\n---\nLONDON, 12 January 2019 - "
        "Jane Doe was seen in Leeds on Monday, police said.\n"
    )
    r = read_document(p, nlp=nlp, target="Jane Doe")
    assert r.published == dt.date(2019, 1, 10)
    assert (
        "the dateline 'LONDON, 12 January 2019 -' gives 2019-01-12, after the "
        "publication date 2019-01-10 the document gives; the publication date is "
        "used"
    ) in r.notes
    assert [i.date for i in r.evidence] == [dt.date(2019, 1, 7)]
    # a dateline on the publication date says nothing
    p.write_text(p.read_text().replace("12 January", "10 January"))
    r = read_document(p, nlp=nlp, target="Jane Doe")
    assert not any("the dateline" in n for n in r.notes)


@pytest.mark.nlp
def test_an_ambiguous_metadata_date_is_not_used(tmp_path: Path, nlp: Any) -> None:
    pytest.importorskip("trafilatura")
    from geosleuth.read.document import read_document

    page = (
        '<html><head><title>Jane Doe</title><meta name="date" content="{}">'
        "</head><body><p>Jane Doe was seen in Leeds yesterday, police said.</p>"
        "</body></html>"
    )
    p = tmp_path / "f06.html"
    p.write_text(page.format("10/01/2019"), encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        r = read_document(p, nlp=nlp, target="Jane Doe")
    said = [str(w.message) for w in caught if w.category is EvidenceWarning]
    assert r.published is None
    assert any(
        "date = '10/01/2019', which may be 2019-01-10 or 2019-10-01 (day or month "
        "first); it is not used" in w
        for w in said
    )
    assert not any("from the page's metadata" in n for n in r.notes)
    # a day over 12 names the day: used, without a word
    p.write_text(page.format("13/01/2019"), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error", EvidenceWarning)
        r = read_document(p, nlp=nlp, target="Jane Doe")
    assert r.published == dt.date(2019, 1, 13)
