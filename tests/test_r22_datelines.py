"""A dateline's day: a reprint up to a week later, never a day to come (r22, 15, 16).

A story published up to seven days after its dateline is a reprint, its
statements dated from the dateline; eight days after, the dateline is another
story's date and the publication date counts. A dateline's day after today is
a typo, not the day a story was filed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geosleuth.read._datelines import _dateline_date

KHALID = "Khalid al-Rashid"
WIRE = "BEIRUT, Jan 9 (Reuters) - "
SEEN = "A shepherd saw Khalid al-Rashid in Raqqa on Sunday."


def test_a_dateline_after_today_is_no_date() -> None:
    assert _dateline_date("Headline\nBAGHDAD, 3 June 2099 - Sources said so.") is None
    assert _dateline_date("Headline\nBAGHDAD, 3 June 2018 - Sources said so.") == (
        dt.date(2018, 6, 3),
        "BAGHDAD, 3 June 2018 -",
    )


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("days_later", "seen_on", "reprint"),
    [
        (7, dt.date(2024, 1, 7), True),  # the Sunday before 9 January
        (8, dt.date(2024, 1, 14), False),  # the Sunday before 17 January
        (9, dt.date(2024, 1, 14), False),
    ],
)
def test_a_reprint_is_at_most_a_week_after_its_dateline(
    days_later: int, seen_on: dt.date, reprint: bool, nlp: Any
) -> None:
    from geosleuth.read.document import read_text

    published = dt.date(2024, 1, 9) + dt.timedelta(days=days_later)
    r = read_text(WIRE + SEEN, target=KHALID, nlp=nlp, published=published)
    [item] = r.evidence
    assert (item.kind, item.date, item.provenance.quote) == ("sighting", seen_on, SEEN)
    assert r.published == published
    noted = [n for n in r.notes if n.startswith("statements dated from the dateline")]
    assert noted == (
        [
            "statements dated from the dateline 'BEIRUT, Jan 9 (Reuters) -' "
            "(2024-01-09), before the publication date given: a story filed then "
            "and published later (a reprint)"
        ]
        if reprint
        else []
    )
