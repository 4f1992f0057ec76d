"""Days counted from another day: "the next day", "two days later" (r21 F27).

"Hamilton ... failed to appear in court in Hamilton on May 2. Her car was found the
next day in a parking lot in Fort Erie" dated the car to the publication day, 14
May, eleven days late. A count of days now counts from the date written nearest
before it in its sentence, when that is one day, or else from the last day of a
sentence at most two before; with no day to count from it is no date.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geosleuth.read.dates import find_dates
from reading import sightings

PUB = dt.date(2024, 5, 14)
MAY2 = (dt.date(2024, 5, 2), "May 2")


def may(day: int) -> dt.date:
    """A day of May 2024 (0 and below count back into April)."""
    return dt.date(2024, 5, 1) + dt.timedelta(days=day - 1)


def _days(text: str, previous_day: tuple[dt.date, str] | None = MAY2) -> list[Any]:
    return [
        (d.text, d.date_from, d.date, d.note)
        for d in find_dates(text, published=PUB, previous_day=previous_day)
    ]


@pytest.mark.parametrize(
    ("text", "words", "day"),
    [
        ("Her car was found the next day.", "the next day", may(3)),
        ("The following morning she was seen.", "The following morning", may(3)),
        ("Two days later she was seen.", "Two days later", may(4)),
        ("She was seen a week later.", "a week later", may(9)),
        ("She had been seen the previous evening.", "the previous evening", may(1)),
        ("She had been seen the night before.", "the night before", may(1)),
        ("The day before, police searched.", "The day before", may(1)),
        ("She had phoned three days earlier.", "three days earlier", may(-1)),
    ],
)  # fmt: skip
def test_a_count_of_days_counts_from_the_day_before_it(
    text: str, words: str, day: dt.date
) -> None:
    [(got, start, end, note)] = _days(text)
    assert (got, start, end) == (words, day, day)
    assert note.endswith("'May 2'")


def test_a_day_written_in_the_sentence_is_nearer_than_the_day_before_it() -> None:
    got = _days("She left on 5 May and was seen two days later in Leeds.")
    assert [(w, d) for w, _, d, _ in got] == [
        ("5 May", dt.date(2024, 5, 5)),
        ("two days later", dt.date(2024, 5, 7)),
    ]
    assert got[1][3] == "2 days after '5 May'"


@pytest.mark.parametrize(
    ("text", "previous_day"),
    [
        ("She was seen the next day.", None),  # no day to count from
        ("She was seen in May and the next day in Leeds.", MAY2),  # a month is no day
        ("She was seen the day before the vote.", MAY2),  # a clause of time
        ("Two days before she vanished, she sold her car.", MAY2),
        ("Three weeks later she was seen.", MAY2),  # after publication
    ],
)
def test_no_day_to_count_from_gives_no_date(
    text: str, previous_day: tuple[dt.date, str] | None
) -> None:
    found = [words for words, *_ in _days(text, previous_day)]
    assert not [w for w in found if w.lower() not in ("may",)], found


@given(
    ref=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
    n=st.integers(min_value=1, max_value=99),
    later=st.booleans(),
)
def test_n_days_later_or_earlier_is_n_days_from_the_day_counted_from(
    ref: dt.date, n: int, later: bool
) -> None:
    text = f"She was seen {n} days {'later' if later else 'earlier'}."
    day = ref + dt.timedelta(days=n if later else -n)
    got = find_dates(text, published=dt.date(2100, 1, 1), previous_day=(ref, "then"))
    assert [(d.date_from, d.date, d.relative) for d in got] == [(day, day, True)]


@pytest.mark.nlp
def test_the_car_found_the_next_day_is_dated_the_day_after(nlp: Any) -> None:
    from geosleuth.read.document import read_text

    text = (
        "Sydney Hamilton, 45, failed to appear in court in Hamilton on May 2. Her "
        "car was found the next day in a parking lot in Fort Erie, near the Peace "
        "Bridge."
    )
    reading = read_text(text, target="Sydney Hamilton", nlp=nlp, published=PUB)
    [car] = sightings(reading)
    assert (str(car.place_name), car.date) == ("Fort Erie", dt.date(2024, 5, 3))
    assert "the day after 'May 2'" in car.note


@pytest.mark.nlp
def test_a_count_three_sentences_after_its_day_is_no_date(nlp: Any) -> None:
    from geosleuth.read.document import read_text

    text = (
        "Sydney Hamilton, 45, failed to appear in court on May 2. Police were "
        "called. A warrant was issued. Officers waited. Her car was found the "
        "next day in Fort Erie."
    )
    reading = read_text(text, target="Sydney Hamilton", nlp=nlp, published=PUB)
    [car] = sightings(reading)
    assert car.date == PUB


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # a count after a count counts from it (r23 D-b)
        (
            "Three days later she was seen, and the following day in Buffalo.",
            [("Three days later", may(5)), ("the following day", may(6))],
        ),
        # a day of saying is passed over: what was said came before (r23 D-a)
        (
            "Police said on May 10 that a witness saw her the next day.",
            [("May 10", may(10)), ("the next day", may(3))],
        ),
        (
            "Police told reporters on May 10 that her car was found the next day.",
            [("May 10", may(10)), ("the next day", may(3))],
        ),
        # "the following Tuesday": the first Tuesday after the day (r23 D-c)
        ("The following Tuesday, she was seen.", [("The following Tuesday", may(7))]),
        ("The next Thursday she was seen.", [("The next Thursday", may(9))]),
    ],
)
def test_counts_after_counts_sayings_and_weekdays(
    text: str, days: list[tuple[str, dt.date]]
) -> None:
    assert [(w, d) for w, _, d, _ in _days(text)] == days


def test_a_following_weekday_with_no_day_to_count_from_is_the_bare_weekday() -> None:
    # no day before it: "Tuesday" is read as any Tuesday is, from publication
    got = _days("The following Tuesday, she was seen.", previous_day=None)
    assert [(w, d) for w, _, d, _ in got] == [("Tuesday", may(14))]
