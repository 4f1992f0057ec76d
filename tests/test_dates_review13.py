"""Dates from review 13 (:mod:`geosleuth.read.dates`).

- 1: a weekday before a written date names that date (AP style: "on Thursday,
  5 July 2018"), not the last such weekday before publication; a weekday that
  does not fall on the date is noted and the written date kept.
- 2: numeric dates ("13.08.2018", "08/13/2018") are read, day or month first by a
  documented rule; times, decimals, scores and versions are not dates.
- 3: "between Aug. 10 and Aug. 13" is one period; "a week ago" and "at the
  weekend" are read from the publication date.
"""

from __future__ import annotations

import datetime as dt
import warnings

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geosleuth.read.dates import find_dates, impossible_dates

PUB = dt.date(2018, 9, 4)  # a Tuesday

#: Days whose numeric form is unambiguous (day over 12), 1900..2099.
unambiguous_days = st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)).filter(
    lambda d: d.day > 12
)
days = st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31))


def _read(text: str, published: dt.date | None = PUB) -> list[tuple[str, str, str]]:
    return [
        (d.text, d.date_from.isoformat(), d.date.isoformat())
        for d in find_dates(text, published=published)
    ]


# --- 1: a weekday with a date --------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words", "day"),
    [
        (
            "Jonas Becker was seen in Queenstown, New Zealand, on Thursday, "
            "5 July 2018.",
            "Thursday, 5 July 2018",
            dt.date(2018, 7, 5),
        ),
        ("seen on Friday, July 6", "Friday, July 6", dt.date(2018, 7, 6)),
        ("seen on Monday, Aug. 13", "Monday, Aug. 13", dt.date(2018, 8, 13)),
        ("on Thursday, July 5, 2018,", "Thursday, July 5, 2018", dt.date(2018, 7, 5)),
        ("on Friday the 6th of July", "Friday the 6th of July", dt.date(2018, 7, 6)),
        ("on Monday, 13.08.2018", "Monday, 13.08.2018", dt.date(2018, 8, 13)),
    ],
)
def test_a_weekday_before_a_date_names_that_date(
    text: str, words: str, day: dt.date
) -> None:
    (d,) = find_dates(text, published=PUB)
    assert (d.text, d.date_from, d.date, d.kind, d.note) == (words, day, day, "day", "")


def test_a_weekday_that_is_not_the_date_keeps_the_date_with_a_note() -> None:
    (d,) = find_dates("on Monday, Aug. 14", published=PUB)  # a Tuesday in 2018
    assert (d.date_from, d.date) == (dt.date(2018, 8, 14),) * 2
    assert "14 August 2018 was a Tuesday, not a Monday" in d.note
    assert "written date is used" in d.note


def test_a_weekday_alone_is_still_the_latest_such_day() -> None:
    (d,) = find_dates("seen on Thursday in Queenstown", published=PUB)
    assert d.date == dt.date(2018, 8, 30) and d.note == ""


@given(days)
def test_a_written_date_with_its_weekday_round_trips(day: dt.date) -> None:
    for form in ("%A, %d %B %Y", "%A, %B %d, %Y", "%A %d %B %Y"):
        text = f"seen on {day.strftime(form)} in Leeds"
        (d,) = find_dates(text, published=PUB)
        assert (d.date_from, d.date, d.kind, d.note) == (day, day, "day", "")
        assert d.text == day.strftime(form)


@given(days, st.integers(min_value=1, max_value=6))
def test_a_wrong_weekday_never_moves_the_date(day: dt.date, off: int) -> None:
    wrong = (day + dt.timedelta(days=off)).strftime("%A")
    (d,) = find_dates(f"on {wrong}, {day:%d %B %Y}", published=PUB)
    assert (d.date_from, d.date) == (day, day)
    assert f"not a {wrong}" in d.note


# --- 2: numeric dates ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("on 13.08.2018", dt.date(2018, 8, 13)),  # day over 12: day first
        ("on 08/13/2018", dt.date(2018, 8, 13)),  # day over 12: month first
        ("on 13-08-2018", dt.date(2018, 8, 13)),
        ("on 5/5/2018", dt.date(2018, 5, 5)),  # both readings are one day
        ("on 12.08.2018", dt.date(2018, 8, 12)),  # ambiguous dots: day first
        # ambiguous slashes: 8 December 2018 is after publication
        ("on 12/08/2018", dt.date(2018, 8, 12)),
        ("on 08/12/2018", dt.date(2018, 8, 12)),
        ("(13.08.2018)", dt.date(2018, 8, 13)),
        ("on 13.08.2018.", dt.date(2018, 8, 13)),
    ],
)
def test_numeric_dates_are_read(text: str, day: dt.date) -> None:
    (d,) = find_dates(text, published=PUB)
    assert (d.date_from, d.date, d.kind, d.relative) == (day, day, "day", False)


def test_an_ambiguous_slash_date_is_not_guessed() -> None:
    # both 10 November and 11 October 2018 are after publication
    assert find_dates("on 10/11/2018", published=PUB) == []
    assert find_dates("on 10-11-2018", published=PUB) == []
    # without a publication date, 12 August and 8 December are both possible
    assert find_dates("on 12/08/2018") == []
    # both readings before publication
    assert find_dates("on 03/04/2018", published=PUB) == []


@pytest.mark.parametrize(
    "text",
    [
        "at 10.45 on the day",
        "at 47.6062, -122.3321",
        "won 3-1 at home",
        "a 2-1.2018 slip",
        "version 2.10.2018",
        "update v1.12.2018",
        "release 3.4.2018",
        "case no. 3/12/2018",
        "ticket #3/12/2018",
        "on 12/08/18",
        "1.12.08.2018",
        "192.168.1.20",
        "12/08/2018/1",
        "2.5.2018.7",
        "on 13.14.2018",
        "on 12.08-2018",
    ],
)
def test_numbers_that_are_not_dates_stay_unread(text: str) -> None:
    assert find_dates(text, published=PUB) == []


@given(unambiguous_days, st.sampled_from(["%d.%m.%Y", "%m/%d/%Y", "%d/%m/%Y"]))
def test_an_unambiguous_numeric_date_round_trips(day: dt.date, form: str) -> None:
    text = f"seen on {day.strftime(form)} in Leeds"
    (d,) = find_dates(text, published=None)
    assert (d.text, d.date_from, d.date) == (day.strftime(form), day, day)


@given(
    st.integers(min_value=0, max_value=99),
    st.integers(min_value=0, max_value=99),
    st.sampled_from([".", ":", ","]),
)
def test_times_and_decimals_are_never_dates(a: int, b: int, sep: str) -> None:
    assert find_dates(f"at {a}{sep}{b:02d} and {a}.{b:04d}", published=PUB) == []


def test_a_numeric_date_that_is_no_day_is_found_as_impossible() -> None:
    assert find_dates("on 31.02.2018 and 02/30/2018", published=PUB) == []
    assert [(d.text, d.why) for d in impossible_dates("on 31.02.2018, 02/30/2018")] == [
        ("31.02.2018", "February 2018 has no day 31"),
        ("02/30/2018", "February 2018 has no day 30"),
    ]
    assert impossible_dates("on 12/08/2018, 13.08.2018, version 31.2.2018") == []


# --- 3: ranges, "a week ago", the weekend --------------------------------------------
@pytest.mark.parametrize(
    ("text", "words", "start", "end"),
    [
        ("between Aug. 10 and Aug. 13", None, "2018-08-10", "2018-08-13"),
        ("from Aug. 10 to Aug. 13", None, "2018-08-10", "2018-08-13"),
        ("between 10 and 13 August", None, "2018-08-10", "2018-08-13"),
        ("on Aug. 10-13", "Aug. 10-13", "2018-08-10", "2018-08-13"),
        ("on 10-13 August 2017", "10-13 August 2017", "2017-08-10", "2017-08-13"),
        ("on Aug. 30-Sept. 2", "Aug. 30-Sept. 2", "2018-08-30", "2018-09-02"),
        ("between 2014 and 2016", None, "2014-01-01", "2016-12-31"),
        ("from March to June 2016", None, "2016-03-01", "2016-06-30"),
        ("between Dec. 28 and Jan. 3", None, "2017-12-28", "2018-01-03"),
        ("between 5 July 2018 and 13.08.2018", None, "2018-07-05", "2018-08-13"),
    ],
)
def test_a_written_range_is_one_period(
    text: str, words: str | None, start: str, end: str
) -> None:
    (d,) = find_dates(text, published=PUB)
    assert (d.text, d.kind) == (words or text, "period")
    assert (d.date_from.isoformat(), d.date.isoformat()) == (start, end)


def test_a_range_that_runs_past_publication_ends_at_publication() -> None:
    (d,) = find_dates("between Aug. 10 and Aug. 13", published=dt.date(2018, 8, 11))
    assert (d.date_from, d.date) == (dt.date(2018, 8, 10), dt.date(2018, 8, 11))
    (d,) = find_dates("between Dec. 28 and Jan. 3", published=dt.date(2019, 1, 1))
    assert (d.date_from, d.date) == (dt.date(2018, 12, 28), dt.date(2019, 1, 1))


def test_two_dates_that_are_no_range_stay_two() -> None:
    # "and" without "between" lists days; a score is no range of days
    assert _read("on Aug. 10 and Aug. 13") == [
        ("Aug. 10", "2018-08-10", "2018-08-10"),
        ("Aug. 13", "2018-08-13", "2018-08-13"),
    ]
    assert _read("between Aug. 13 and Aug. 10")[0][0] == "Aug. 13"
    assert [t for t, _, _ in _read("the 3-1 win on 5 May")] == ["5 May"]
    # "from" alone still reads "since"
    (d,) = find_dates("from Aug. 10 on", published=PUB)
    assert (d.kind, d.date_from, d.date) == ("since", dt.date(2018, 8, 10), PUB)


@given(days, days)
def test_a_range_of_written_dates_round_trips(a: dt.date, b: dt.date) -> None:
    first, last = min(a, b), max(a, b)
    text = f"seen between {first:%d %B %Y} and {last:%d %B %Y} in Leeds"
    (d,) = find_dates(text, published=dt.date(2100, 1, 1))
    assert (d.date_from, d.date, d.kind, d.relative) == (first, last, "period", False)
    assert text[d.start : d.end] == d.text


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("a week ago", dt.date(2018, 8, 28), dt.date(2018, 8, 28)),
        ("an hour later, a day ago", dt.date(2018, 9, 3), dt.date(2018, 9, 3)),
        ("a couple of weeks ago", dt.date(2018, 8, 21), dt.date(2018, 8, 21)),
        ("at the weekend", dt.date(2018, 9, 1), dt.date(2018, 9, 2)),
        ("over the weekend", dt.date(2018, 9, 1), dt.date(2018, 9, 2)),
        ("last weekend", dt.date(2018, 9, 1), dt.date(2018, 9, 2)),
        ("this past weekend", dt.date(2018, 9, 1), dt.date(2018, 9, 2)),
    ],
)
def test_a_week_ago_and_the_weekend(text: str, start: dt.date, end: dt.date) -> None:
    (d,) = find_dates(text, published=PUB)
    assert (d.date_from, d.date, d.relative) == (start, end, True)


def test_the_weekend_of_a_written_date_is_not_the_last_weekend() -> None:
    assert find_dates("on the weekend of the 18th and 19th", published=PUB) == []
    (d,) = find_dates("he buried 14 on the weekend of 17 September", published=PUB)
    assert (d.text, d.date) == ("17 September", dt.date(2017, 9, 17))


def test_a_comma_before_and_still_ends_a_range() -> None:
    text = "All died between Monday November 1, and Friday November 5, in hospital"
    (d,) = find_dates(text, published=dt.date(2010, 1, 1))
    assert (d.date_from, d.date, d.kind) == (
        dt.date(2009, 11, 1),
        dt.date(2009, 11, 5),
        "period",
    )
    # both weekdays are wrong for 2009, and both notes are kept
    assert d.note.count("the written date is used") == 2


def test_the_weekend_said_on_a_weekend() -> None:
    sunday = dt.date(2018, 9, 2)
    (d,) = find_dates("at the weekend", published=sunday)
    assert (d.date_from, d.date) == (dt.date(2018, 9, 1), sunday)
    # like "last Sunday" said on a Sunday: the one a week before
    (d,) = find_dates("last weekend", published=sunday)
    assert (d.date_from, d.date) == (dt.date(2018, 8, 25), dt.date(2018, 8, 26))
    assert find_dates("at the weekend") == []


@given(st.dates(dt.date(1900, 1, 8), dt.date(2099, 12, 31)))
def test_the_weekend_is_a_saturday_and_sunday_by_publication(pub: dt.date) -> None:
    (d,) = find_dates("over the weekend", published=pub)
    assert d.date_from.weekday() == 5
    assert 0 <= (pub - d.date_from).days <= 6
    assert d.date == min(pub, d.date_from + dt.timedelta(days=1))


@given(
    st.dates(),
    st.sampled_from(
        [
            "between Aug. 13 and Aug. 10",
            "between October and August",
            "between Dec. 28 and Jan. 3",
            "from Aug. 30 to Sept. 2",
            "between Monday and Thursday",
            "between Thursday and Monday",
            "last weekend",
            "at the weekend",
            "a week ago",
            "on Monday, Aug. 14",
            "between 10 and 13 August",
            "on 12/08/2018",
        ]
    ),
)
def test_new_forms_never_fail_at_the_ends_of_the_calendar(
    pub: dt.date, text: str
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for d in find_dates(text, published=pub):
            assert d.date_from <= d.date
            assert text[d.start : d.end] == d.text
