"""Review r210: timeline boxes of more shapes, only under a heading (helper b212).

b202's boxes of more shapes (date lines over their entries, month heads,
numeric heads) read ordinary news worse: a list of headlines, captions,
court dates or results, or a report's own date line and a caption, made a
box that dated the article's later text; the box swallowed the text after
it; "Ovidio, 28, is wanted" ended it; a month's entry dropped its explicit
dates. Now such a box needs a heading line ("Key dates:", "Timeline"), ends
at the first line after an entry's text that heads no entry, ends on an
apposition only after the target's name or "he"/"she", and keeps an entry's
own dates ("On 4 March 2017", "on 12 May" of a "May 2018" entry).

Each case of the review's that read worse is a near-miss here: it keeps the
reading of the code before b202.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from reading import reader

_salcedo = reader("Rodrigo Salcedo Ibarra")
_LEAD = "Salcedo was seen in Culiacán on Sunday, police said.\n\n"
_MONTHS = (
    _LEAD + "Key dates:\n\nMarch 2015\n\nHe escaped from prison in Durango.\n\n"
    "February 2017\n\nHe was arrested in Culiacán.\n\n"
)
_DAYS = (
    "Salcedo was seen in Mazatlán on Sunday, police said.\n\nKey dates:\n\n"
    "12 March 2015\n\nHe escaped from prison in Durango.\n\n1 February 2017\n\n"
    "He was arrested in Culiacán on Tuesday.\n\n{tail}\n\nHe was taken to "
    "Mazatlán on Wednesday."
)


def _periods(r: Any) -> list[tuple[str | None, dt.date | None, dt.date]]:
    return [(i.place_name, i.date_from, i.date) for i in r.evidence]


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a05, a09, a11: dated lists with no box's heading (related coverage,
        # captions, court dates); the article's own Monday after them
        (_LEAD + "Related coverage:\n12 March 2015\nDrug lord escapes from prison "
         "in Durango.\n1 February 2017\nCartel boss held in Culiacán.\n\nSalcedo "
         "was seen in Mazatlán on Monday, a witness said.",
         ("Mazatlán", None, dt.date(2018, 6, 4))),
        (_LEAD + "12 March 2015\nSalcedo is escorted by soldiers in Durango.\n"
         "1 February 2017\nSalcedo appears in court in Culiacán.\n\nHe was "
         "arrested in Tijuana on Monday, officials said.",
         ("Tijuana", None, dt.date(2018, 6, 4))),
        (_LEAD + "Court dates:\n12 March 2018\nHearing in Culiacán.\n4 April 2018\n"
         "Trial opens in Mexico City.\n\nSalcedo was moved to Mazatlán on "
         "Monday, officials said.",
         ("Mazatlán", None, dt.date(2018, 6, 4))),
        # b01, b05: results and numeric lines
        (_LEAD + "Results\n01/02/2018\nCuliacán 2-1 Mazatlán.\n13/02/2018\nDurango "
         "0-0 Tijuana.\n\nSalcedo was seen at the stadium in Mazatlán on Monday, "
         "a fan said.",
         ("Mazatlán", None, dt.date(2018, 6, 4))),
        (_LEAD + "05/04/2018: Salcedo was seen in Mazatlán on Monday.\n05/13/2018: "
         "Salcedo was seen in Durango on Monday.\n\nSalcedo was seen in Tijuana "
         "on Monday, a witness said.",
         ("Tijuana", None, dt.date(2018, 6, 4))),
        # c01, m02: month words as heads with no heading
        (_LEAD + "May 2017: Theresa May visits Mexico City.\nMarch 2018: Students "
         "march in Culiacán.\n\nSalcedo was seen in Mazatlán on Monday, a "
         "witness said.",
         ("Mazatlán", None, dt.date(2018, 6, 4))),
        (_LEAD + "March 2018\nMarch in Culiacán.\nApril 2018\nRally in Mazatlán.\n\n"
         "He was seen in Durango on Monday, a witness said.",
         ("Durango", None, dt.date(2018, 6, 4))),
        # l01: the report's own date line and a caption's month
        ("4 June 2018\nSalcedo was seen in Culiacán on Sunday, police said.\n\nHe "
         "was arrested in Mazatlán on Monday, officials said.\n\nFebruary 2017\n"
         "An earlier photo shows Salcedo in Durango.\n\nHe was seen in Tijuana on "
         "Saturday, a witness said.",
         ("Tijuana", None, dt.date(2018, 6, 2))),
        # e02: a box of date lines at the start, with no heading
        ("1 February 2017\nSalcedo was arrested in Culiacán on Tuesday.\n12 March "
         "2015\nHe escaped from prison in Durango.\n\nSalcedo was seen in Mazatlán "
         "on Sunday, police said.",
         ("Mazatlán", None, dt.date(2018, 6, 3))),
        # d11, d12, g10: a headed box of date lines ends at the first line
        # that heads no entry, blank line before it or not
        (_LEAD + "Key dates:\n12 March 2015\nHe escaped from prison in Durango.\n"
         "1 February 2017\nHe was arrested in Culiacán on Tuesday.\nHe was seen "
         "in Mazatlán on Monday, a witness said.",
         ("Mazatlán", None, dt.date(2018, 6, 4))),
        (_LEAD + "Key dates:\n12 March 2015\nHe escaped from prison in Durango.\n"
         "1 February 2017\nHe was arrested in Culiacán on Tuesday.\n\nHe was seen "
         "in Mazatlán on Monday, a witness said.",
         ("Mazatlán", None, dt.date(2018, 6, 4))),
        (_LEAD + "Key dates:\n12 March 2015\nHe escaped from prison in Durango.\n"
         "1 February 2017\nHe was arrested in Culiacán on Tuesday.\nCuliacán, the "
         "state capital, is 200 km north.\nHe was seen in Mazatlán on Monday.",
         ("Mazatlán", None, dt.date(2018, 6, 4))),
        # c13, m07, m08: after a month box
        (_MONTHS + "He was seen in Mazatlán on Monday, a witness said.",
         ("Mazatlán", None, dt.date(2018, 6, 4))),
        (_MONTHS + "He was seen in Mazatlán yesterday, a witness said.",
         ("Mazatlán", None, dt.date(2018, 6, 4))),
        (_MONTHS + "On 4 June 2018 he was seen in Mazatlán, a witness said.",
         ("Mazatlán", None, dt.date(2018, 6, 4))),
        # p02, p04: an explicit date in or after a month's entry is its own
        (_MONTHS.replace("Culiacán.\n\n", "Culiacán. On 4 March 2017 he was seen "
                         "in Mazatlán.\n\n") + "He is believed to be in Sinaloa.",
         ("Mazatlán", None, dt.date(2017, 3, 4))),
        (_MONTHS + "He was seen in Mazatlán in May 2018.",
         ("Mazatlán", dt.date(2018, 5, 1), dt.date(2018, 5, 31))),
        # c12: "on 12 May" under "May 2018", and the month of the report's day
        # reads "on Saturday" from that day
        (_LEAD + "Key dates:\n\nJune 2018\n\nHe was seen in Durango on Saturday.\n\n"
         "May 2018\n\nHe was seen in Tijuana on 12 May.\n\nHe was seen in Mazatlán "
         "on Monday, a witness said.",
         ("Tijuana", None, dt.date(2018, 5, 12))),
        (_LEAD + "Key dates:\n\nJune 2018\n\nHe was seen in Durango on Saturday.\n\n"
         "May 2018\n\nHe was seen in Tijuana on 12 May.\n\nHe was seen in Mazatlán "
         "on Monday, a witness said.",
         ("Durango", None, dt.date(2018, 6, 2))),
        # j03, j09: an apposition after another's name or a place's does not
        # end a box of days: the entry's Wednesday
        (_DAYS.format(tail="Mexico, however, is in shock."),
         ("Mazatlán", None, dt.date(2017, 2, 1))),
        (_DAYS.format(tail="Ovidio, 28, is wanted in the United States."),
         ("Mazatlán", None, dt.date(2017, 2, 1))),
    ],
)  # fmt: skip
def test_what_is_no_box_entry_keeps_its_reading(
    text: str, kept: tuple[str, dt.date | None, dt.date], nlp: Any
) -> None:
    assert kept in _periods(_salcedo(text, nlp))


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "now"),
    [
        # c02, m04: a day of the month's entry, no year written (was 2018)
        (_LEAD + "Key dates:\n\nMarch 2015\n\nHe escaped from prison in Durango.\n\n"
         "February 2017\n\nHe was arrested in Culiacán on 12 February.\n\n"
         "He is believed to be hiding in Sinaloa, police said on Monday.",
         ("Culiacán", None, dt.date(2017, 2, 12))),
        (_LEAD + "Key dates:\n\nFebruary 2017\n\nHe was seen in Culiacán on Tuesday, "
         "7 February.\n\nMarch 2017\n\nHe was seen in Mazatlán on Friday 3 March "
         "2017.\n\nHe is believed to be hiding in Sinaloa.",
         ("Culiacán", None, dt.date(2017, 2, 7))),
        # h08: an entry whose numbers no order reads is of both days it may
        # be (was the Tuesday before the entry before's), and the box ends
        (_LEAD + "Key dates:\n\n12 March 2015\n\nHe escaped from prison in Durango."
         "\n\n1 June 2018\n\nHe was seen in Mazatlán on Thursday.\n\n01/02/2017\n\n"
         "He was arrested in Culiacán on Tuesday.\n\nHe is believed to be hiding "
         "in Sinaloa, police said on Monday.",
         ("Culiacán", dt.date(2017, 1, 2), dt.date(2017, 2, 1))),
        (_LEAD + "Key dates:\n\n12 March 2015\n\nHe escaped from prison in Durango."
         "\n\n1 June 2018\n\nHe was seen in Mazatlán on Thursday.\n\n01/02/2017\n\n"
         "He was arrested in Culiacán on Tuesday.\n\nHe is believed to be hiding "
         "in Sinaloa, police said on Monday.",
         ("Sinaloa", None, dt.date(2018, 6, 4))),
        # i15: "Salcedo, 45, remains at large" ends the box
        (_DAYS.format(tail="Salcedo, 45, remains at large."),
         ("Mazatlán", None, dt.date(2018, 5, 30))),
    ],
)  # fmt: skip
def test_a_headed_box_dates_its_entries(
    text: str, now: tuple[str, dt.date | None, dt.date], nlp: Any
) -> None:
    assert now in _periods(_salcedo(text, nlp))


@pytest.mark.parametrize(
    "text",
    [
        # a heading with the article's text under it, not entries
        "Timeline of a manhunt\n\nSalcedo was seen in Culiacán.\n\nMarch 2015\n\n"
        "He escaped.\n\nFebruary 2017\n\nHe was arrested.\n",
        # a heading over dates with no text of their own
        "Key dates:\n\nMarch 2015\nFebruary 2017\nMay 2018\n",
    ],
)
def test_a_heading_alone_makes_no_box(text: str) -> None:
    from geosleuth.read._text_dates import timeline_periods

    assert timeline_periods(text) == []
