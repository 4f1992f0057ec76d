"""A report's frame: its date line, an accented dateline, its headline (r21 F1–F3).

- A plain text whose second line holds only a date ("21 August 2019") was read
  as undated, with the date glued to the headline, so "on Aug. 3" and "two
  weeks ago" were lost or dated at the latest date in the text.
- "CULIACÁN, Mexico, Feb. 8, 2023 -" was no dateline (only A–Z capitals), so
  the report stayed undated and Culiacán became a claim of where the target is.
- A headline with a verb ("Mali army says ... may be hiding near Ansongo") was
  read as a statement besides the lede that says it again: counted twice.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from geosleuth.evidence import Claim
from geosleuth.read._datelines import _dateline_date
from geosleuth.read.text import text_from_bytes

_F2 = """\
Commander al-Rawi believed to have moved to Syrian desert, officials say
21 August 2019

BAGHDAD, Aug 21 (Reuters) - Abu Yasir al-Rawi is believed to be hiding in the \
desert south of Deir al-Zour, two Iraqi intelligence officials said on Wednesday.

An audio recording released by the group on Aug. 3 shows al-Rawi is alive.
"""


def test_a_date_line_under_the_headline_is_the_publication_date() -> None:
    src = text_from_bytes(_F2.encode(), name="f2.txt")
    assert src.published == dt.date(2019, 8, 21)
    assert src.title == (
        "Commander al-Rawi believed to have moved to Syrian desert, officials say"
    )
    # a line with more than a date, or a date with no year, is no date line
    for second in ("on 21 August 2019 in Raqqa", "21 August", "Wednesday"):
        text = _F2.replace("21 August 2019\n", second + "\n", 1)
        assert text_from_bytes(text.encode(), name="f2.txt").published is None


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("CULIACÁN, Mexico, Feb. 8, 2023 -", dt.date(2023, 2, 8)),
        ("SÃO PAULO, 3 June 2018 -", dt.date(2018, 6, 3)),
        ("ZÜRICH, Switzerland, March 2, 2024 -", dt.date(2024, 3, 2)),
    ],
)
def test_a_dateline_with_an_accented_capital_is_read(line: str, day: dt.date) -> None:
    assert _dateline_date(f"Headline\n{line} Prosecutors said so.") == (day, line)


@pytest.mark.nlp
def test_the_date_line_dates_what_the_report_says(tmp_path: Path, nlp: Any) -> None:
    from geosleuth.read.document import read_document

    path = tmp_path / "f2.txt"
    path.write_text(_F2)
    reading = read_document(path, target="Abu Yasir al-Rawi", nlp=nlp)
    assert reading.published == dt.date(2019, 8, 21)
    assert "publication date 2019-08-21 from the line under the headline" in (
        reading.notes
    )
    alive = [i for i in reading.evidence if i.kind == "life_status"]
    assert [i.date for i in alive] == [dt.date(2019, 8, 3)]


_F3 = """\
Cartel boss Salcedo may be hiding in the mountains, prosecutors say

CULIACÁN, Mexico, Feb. 8, 2023 - Federal prosecutors believe that Rodrigo \
Salcedo Ibarra is hiding near Tamazula, a senior official said on Wednesday.
"""


@pytest.mark.nlp
def test_an_accented_dateline_town_is_no_claim(tmp_path: Path, nlp: Any) -> None:
    from geosleuth.read.document import read_document

    path = tmp_path / "f3.txt"
    path.write_text(_F3)
    reading = read_document(path, target="Rodrigo Salcedo Ibarra", nlp=nlp)
    assert reading.published == dt.date(2023, 2, 8)
    places = [i.place_name for i in reading.evidence if isinstance(i, Claim)]
    assert "Culiacán" not in places


_F1 = """\
Mali army says jihadist commander Ag Alher may be hiding near Ansongo
14 March 2019

BAMAKO, March 14, 2019 - The Malian army believes that Hamadou Ag Alher may be \
hiding near Ansongo, a military spokesman said on Thursday. Colonel Diarran Kone \
said the commander was seen in Menaka in 2017.
"""


@pytest.mark.nlp
def test_a_headline_the_body_says_again_counts_once(tmp_path: Path, nlp: Any) -> None:
    from geosleuth.read.document import read_document

    path = tmp_path / "f1.txt"
    path.write_text(_F1)
    reading = read_document(path, target="Hamadou Ag Alher", nlp=nlp)
    ansongo = [
        i
        for i in reading.evidence
        if isinstance(i, Claim) and i.place_name == "Ansongo"
    ]
    assert len(ansongo) == 1
    (kept,) = ansongo
    assert kept.provenance.span is not None and kept.provenance.span[0] > 60
    (dup,) = [r for r in reading.rejected if r.reason == "duplicate"]
    assert dup.span[0] == 0
    assert dup.detail.startswith("the headline says again what the body says")


@pytest.mark.nlp
def test_a_headline_the_body_does_not_repeat_is_kept(tmp_path: Path, nlp: Any) -> None:
    from geosleuth.read.document import read_document

    path = tmp_path / "f1.txt"
    path.write_text(_F1.replace("hiding near Ansongo, a", "hiding in the desert, a"))
    reading = read_document(path, target="Hamadou Ag Alher", nlp=nlp)
    ansongo = [
        i
        for i in reading.evidence
        if isinstance(i, Claim) and i.place_name == "Ansongo"
    ]
    assert len(ansongo) == 1
    assert ansongo[0].provenance.span == (0, 69)
