"""A month after a capitalised word that introduces it: "*In March*, police said".

The pattern of a month alone took its introducing word in lower case only, so a
sentence that opens with the date read none: "In March, police said Jane Doe was
in Leeds. They now say she is in York" dated the earlier word the day before the
later one, not March (review r26, finding 15).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geosleuth.read.dates import find_dates
from reading import claims

PUB = dt.date(2024, 5, 14)


@pytest.mark.parametrize(
    ("text", "words", "first", "last"),
    [
        ("In March, police said she was in Leeds.", "March",
         dt.date(2024, 3, 1), dt.date(2024, 3, 31)),
        ("Since April she has lived in York.", "Since April",
         dt.date(2024, 4, 1), PUB),
        ("By June she had left.", "June", dt.date(2023, 6, 1), dt.date(2023, 6, 30)),
    ],
)  # fmt: skip
def test_a_month_after_a_capitalised_word_is_read(
    text: str, words: str, first: dt.date, last: dt.date
) -> None:
    [d] = find_dates(text, published=PUB)
    assert (d.text, d.date_from, d.date) == (words, first, last)


def test_the_verb_may_is_still_no_month() -> None:
    assert find_dates("Police may arrive In may.", published=PUB) == []


@pytest.mark.nlp
def test_an_earlier_word_in_march_is_dated_by_march(nlp: Any) -> None:
    from geosleuth.read.document import read_text

    r = read_text(
        "In March, police said Jane Doe was in Leeds. They now say she is in York.",
        target="Jane Doe",
        nlp=nlp,
        published=PUB,
    )
    assert [(c.place_name, c.date_from, c.date) for c in claims(r)] == [
        ("Leeds", dt.date(2024, 3, 1), dt.date(2024, 3, 31)),
        ("York", None, PUB),
    ]
