"""Review r217: a timeline entry's own dates, and lists of a line to an entry (b219).

b212's month entries dropped a day or month the entry names in another month
("May 2018" / "seen in Durango on June 1": all of May), a day entry read
"on 3 June" under "2 June 2018" as 2017, and a second clause took the first
clause's date ("on 29 April and was seen in Sonora on 2 May"; "two days
later"). Now a day or a month an entry names with no year is the one nearest
the entry's, never after the report's day, and a day counted from it counts
from it. A headed list of one line to an entry ("1 February 2017: Arrested
in Culiacán.") ends at its blank line: the article's "Monday" after it is
its own.

Each fix has near-misses that keep the reading of the code before.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from reading import reader

_salcedo = reader("Rodrigo Salcedo Ibarra")
_LEAD = "Salcedo was seen in Mazatlán on Sunday, police said.\n\nKey dates\n"
_TAIL = "\n\nSalcedo was seen in Tijuana on Monday, a witness said."
_LIST = (
    "Salcedo was spotted in Mazatlán on Sunday, police said.\n\n{heading}"
    "1 February 2017: Arrested in Culiacán.\n{gap}20 May 2018: Escapes from "
    "prison in Durango.\n{after}He was seen in Tijuana on Monday, a witness said."
)


def _periods(r: Any) -> list[tuple[str | None, dt.date | None, dt.date]]:
    return [(i.place_name, i.date_from, i.date) for i in r.evidence]


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "now"),
    [
        # s18, t01, t07: a day of the month after the month's entry
        (_LEAD + "May 2018\nHe was seen in Durango on June 1.\nJune 2018\nHe was "
         "seen in Sonora." + _TAIL,
         ("Durango", None, dt.date(2018, 6, 1))),
        (_LEAD + "April 2018\nHe was seen in Durango on 30 April.\nMay 2018\nHe was "
         "seen in Sonora on 1 June." + _TAIL,
         ("Sonora", None, dt.date(2018, 6, 1))),
        (_LEAD + "May 2018\nHe was seen in Durango on Monday, June 4.\nApril 2018\n"
         "He was seen in Sonora." + _TAIL,
         ("Durango", None, dt.date(2018, 6, 4))),
        # t03: a month the entry names
        (_LEAD + "March 2018\nHe was seen in Durango in April.\nMay 2018\nHe was "
         "seen in Sonora." + _TAIL,
         ("Durango", dt.date(2018, 4, 1), dt.date(2018, 4, 30))),
        # t06: December's entry's January is of the next year
        (_LEAD + "December 2017\nHe was seen in Durango on 2 January.\nMay 2018\n"
         "He was seen in Sonora." + _TAIL,
         ("Durango", None, dt.date(2018, 1, 2))),
        # and February's December of the year before
        (_LEAD + "February 2018\nHe was seen in Durango on 20 December.\nMay 2018\n"
         "He was seen in Sonora." + _TAIL,
         ("Durango", None, dt.date(2017, 12, 20))),
        # t08: a day's entry's later day is of its year
        (_LEAD + "1 May 2018\nHe escaped from prison in Durango.\n2 June 2018\nHe was "
         "seen in Sonora on 3 June." + _TAIL,
         ("Sonora", None, dt.date(2018, 6, 3))),
        # t02, t09: the second clause's own date, and a day counted from one
        (_LEAD + "April 2018\nHe escaped from Durango on 29 April and was seen in "
         "Sonora on 2 May.\nMay 2018\nHe was seen in Chihuahua." + _TAIL,
         ("Sonora", None, dt.date(2018, 5, 2))),
        (_LEAD + "May 2018\nHe escaped from Durango on May 20 and was seen in "
         "Culiacán two days later.\nJune 2018\nHe was seen in Sonora." + _TAIL,
         ("Culiacán", None, dt.date(2018, 5, 22))),
        # r210's p05: a month written after a day's entry, before the report's
        ("Salcedo was seen in Culiacán on Sunday, police said.\n\nKey dates:\n\n"
         "12 March 2015\n\nHe escaped from prison in Durango.\n\n1 February 2017"
         "\n\nHe was arrested in Culiacán.\n\nHe was seen in Mazatlán in May 2018.",
         ("Mazatlán", dt.date(2018, 5, 1), dt.date(2018, 5, 31))),
        # f02, f04, f12: a headed list of a line to an entry ends at its blank
        # line (was the Monday before the last entry's day)
        (_LIST.format(heading="Key dates\n", gap="", after="\n"),
         ("Tijuana", None, dt.date(2018, 6, 4))),
        ("Salcedo, the fugitive cartel boss, was spotted in Mazatlán on Sunday, "
         "police said.\n\nTIMELINE\nFeb. 1, 2017 - Arrested in Culiacán.\nMay 20, "
         "2018 - Escapes from Durango prison.\nJune 3, 2018 - Spotted in Mazatlán."
         "\n\nOn Monday, a resident said she saw him in Tijuana.",
         ("Tijuana", None, dt.date(2018, 6, 4))),
        ("Salcedo was spotted in Mazatlán on Sunday, police said.\n\nChronology:\n"
         "- 1 February 2017: arrested in Culiacán\n- 20 May 2018: escapes from "
         "prison in Durango\n\nHe was seen in Tijuana on Monday, a witness said. He "
         "was arrested in Ensenada on Tuesday, police said later.",
         ("Ensenada", None, dt.date(2018, 6, 5))),
    ],
)  # fmt: skip
def test_an_entry_keeps_its_own_dates(
    text: str, now: tuple[str, dt.date | None, dt.date], nlp: Any
) -> None:
    assert now in _periods(_salcedo(text, nlp))


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a month's entry still reads no day of the week
        (_LEAD + "May 2018\nHe was seen in Durango on Tuesday.\nJune 2018\nHe was "
         "seen in Sonora." + _TAIL,
         ("Durango", dt.date(2018, 5, 1), dt.date(2018, 5, 31))),
        # a year written is kept
        (_LEAD + "March 2018\nHe was seen in Durango in April 2017.\nMay 2018\nHe "
         "was seen in Sonora." + _TAIL,
         ("Durango", dt.date(2017, 4, 1), dt.date(2017, 4, 30))),
        # a day's entry: an earlier day, a weekday from the entry's day, and
        # never a day after the report's
        (_LEAD + "1 May 2018\nHe escaped from prison in Durango.\n2 June 2018\nHe had "
         "been seen in Sonora on 30 May." + _TAIL,
         ("Sonora", None, dt.date(2018, 5, 30))),
        (_LEAD + "1 May 2018\nHe escaped from prison in Durango.\n2 June 2018\nHe was "
         "seen in Sonora on Friday." + _TAIL,
         ("Sonora", None, dt.date(2018, 6, 1))),
        (_LEAD + "1 May 2018\nHe escaped from prison in Durango.\n2 June 2018\nHe was "
         "seen in Sonora on 20 June." + _TAIL,
         ("Sonora", None, dt.date(2017, 6, 20))),
        # the text's own yearless day after the report's is of the year before
        ("Salcedo was seen in Sonora on 20 June, police said.",
         ("Sonora", None, dt.date(2017, 6, 20))),
        # a list with no heading, one whose last entry runs on to the next
        # line, one with blank lines between its entries: as before
        (_LIST.format(heading="", gap="", after="\n"),
         ("Tijuana", None, dt.date(2018, 5, 14))),
        (_LIST.format(heading="Key dates\n", gap="", after=""),
         ("Tijuana", None, dt.date(2018, 5, 14))),
        (_LIST.format(heading="Key dates\n\n", gap="\n", after="\n"),
         ("Tijuana", None, dt.date(2018, 5, 14))),
    ],
)  # fmt: skip
def test_near_misses_keep_their_reading(
    text: str, kept: tuple[str, dt.date | None, dt.date], nlp: Any
) -> None:
    assert kept in _periods(_salcedo(text, nlp))
