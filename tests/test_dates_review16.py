"""Dates from the time-handling review (r14: F1, F4, F10) (:mod:`geosleuth.read.dates`).

- F1: "in the past year", "over the past week" are one of the unit, not three;
  "in recent weeks" and "over the past months" are still a few.
- F4: "a fortnight ago", "eighteen months ago", "in the spring", "the year before
  last", "the 1990s" are read; what cannot be read soundly (an ambiguous
  "03/04/2018", "Ramadan 1439") is listed by :func:`unread_dates`, so that an
  item dated from publication can say that the text gave a date.
- F10: "on 2 and 5 May" keeps both days (one period, with a note); "two years
  ago" is a time about then, not one exact day.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geosleuth.read.dates import find_dates, unread_dates

PUB = dt.date(2019, 1, 3)  # the review's publication date, a Thursday


def _read(text: str, published: dt.date | None = PUB) -> list[tuple[str, str, str]]:
    return [
        (d.text, d.date_from.isoformat(), d.date.isoformat())
        for d in find_dates(text, published=published)
    ]


# --- F1: "the past year" is one year -------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("in the past year", "2018-01-03"),
        ("in the last month", "2018-12-03"),
        ("over the past week", "2018-12-27"),
        ("in the past day", "2019-01-02"),
        ("over the past decade", "2009-01-03"),
        ("over the previous fortnight", "2018-12-20"),
        ("within the past year", "2018-01-03"),
        # a plural or "recent" without a number is a few (3), as before
        ("in recent weeks", "2018-12-13"),
        ("over the past months", "2018-10-03"),
        ("in recent years", "2016-01-03"),
    ],
)
def test_a_singular_unit_after_the_past_is_one_of_it(text: str, start: str) -> None:
    assert _read(f"Jane Doe was seen in Leeds {text}.") == [
        (text, start, PUB.isoformat())
    ]


def test_the_past_year_and_the_past_12_months_are_the_same_period() -> None:
    (year,) = find_dates("in the past year", published=PUB)
    (months,) = find_dates("in the past 12 months", published=PUB)
    assert (year.date_from, year.date) == (months.date_from, months.date)


# --- F4: relative dates that were not read ----------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("a fortnight ago", "2018-12-20", "2018-12-20"),
        ("two fortnights ago", "2018-12-06", "2018-12-06"),
        # ± half a month around 3 July 2017
        ("eighteen months ago", "2017-06-18", "2017-07-18"),
        ("twenty-four years ago", "1994-07-03", "1995-07-03"),
        ("thirteen days ago", "2018-12-21", "2018-12-21"),
        ("the year before last", "2017-01-01", "2017-12-31"),
        ("the month before last", "2018-11-01", "2018-11-30"),
        ("the week before last", "2018-12-20", "2018-12-27"),
        ("the 1990s", "1990-01-01", "1999-12-31"),
        ("the early 2000s", "2000-01-01", "2004-12-31"),
        ("the late 1980s", "1985-01-01", "1989-12-31"),
    ],
)
def test_relative_dates_that_were_not_read_are(text: str, start: str, end: str) -> None:
    (got,) = _read(f"Jane Doe was seen in Hull {text}.")
    assert got[1:] == (start, end)
    assert got[0] in (text, text.removeprefix("the "))


def test_the_1990s_after_since_runs_to_publication() -> None:
    (d,) = find_dates("She has lived there since the 1990s.", published=PUB)
    assert (d.text, d.date_from, d.date, d.kind) == (
        "since the 1990s",
        dt.date(1990, 1, 1),
        PUB,
        "since",
    )


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        # the latest season that began on or before publication
        ("in the spring", PUB, "2018-03-01", "2018-05-31"),
        ("over the summer", PUB, "2018-06-01", "2018-08-31"),
        ("during the autumn", PUB, "2018-09-01", "2018-11-30"),
        ("in the winter", PUB, "2018-12-01", PUB.isoformat()),  # it still runs
        ("in the spring", dt.date(2018, 4, 10), "2018-03-01", "2018-04-10"),
        ("last summer", dt.date(2019, 7, 1), "2018-06-01", "2018-08-31"),
        ("last summer", PUB, "2018-06-01", "2018-08-31"),
        ("this spring", dt.date(2019, 6, 1), "2019-03-01", "2019-05-31"),
        # with a year
        ("in the spring of 2017", PUB, "2017-03-01", "2017-05-31"),
        ("in summer 2016", PUB, "2016-06-01", "2016-08-31"),
        ("in the fall of 2014", PUB, "2014-09-01", "2014-11-30"),
        ("in the winter of 2017-18", PUB, "2017-12-01", "2018-02-28"),
        ("in winter 2015/16", PUB, "2015-12-01", "2016-02-29"),
        ("in winter 2017", PUB, "2016-12-01", "2017-02-28"),
    ],
)
def test_a_season_is_its_months(
    text: str, published: dt.date, start: str, end: str
) -> None:
    (d,) = find_dates(f"Jane Doe was seen in Bradford {text}.", published=published)
    assert (d.date_from.isoformat(), d.date.isoformat(), d.kind) == (
        start,
        end,
        "period",
    )
    assert "northern hemisphere" in d.note  # which half of the world it means
    one_winter = text == "in winter 2017"
    assert ("it may mean the winter that begins" in d.note) == one_winter


@pytest.mark.parametrize(
    "text",
    [
        "He was injured in the fall.",  # a tumble
        "She lives in Spring, Texas.",  # a town
        "since the Arab Spring",
        "They met in the summer house.",
        "the spring of water",
    ],
)
def test_words_that_are_no_season(text: str) -> None:
    assert _read(text) == []


# --- F10: two days, and the precision of "ago" ----------------------------------------
@pytest.mark.parametrize(
    ("text", "words", "start", "end"),
    [
        ("seen in Leeds on 2 and 5 May", "2 and 5 May", "2018-05-02", "2018-05-05"),
        ("seen on 2, 3 and 5 May 2017", "2, 3 and 5 May 2017", "2017-05-02",
         "2017-05-05"),
        ("seen on May 2 and 5 in Leeds", "May 2 and 5", "2018-05-02", "2018-05-05"),
        ("seen between 5 and 2 May", "between 5 and 2 May", "2018-05-02",
         "2018-05-05"),
    ],
)  # fmt: skip
def test_two_days_joined_by_and_are_both_kept(
    text: str, words: str, start: str, end: str
) -> None:
    (d,) = find_dates(text, published=dt.date(2018, 5, 20))
    assert (d.text, d.date_from.isoformat(), d.date.isoformat(), d.kind) == (
        words,
        start,
        end,
        "period",
    )
    assert d.note  # says how the days were read


def test_a_count_after_a_day_and_is_not_a_day() -> None:
    # "5 soldiers": the 5 is no day of May
    assert _read("killed on May 2 and 5 soldiers were hurt", dt.date(2018, 5, 20)) == [
        ("May 2", "2018-05-02", "2018-05-02")
    ]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("two years ago", "2016-07-03", "2017-07-03"),
        ("a year ago", "2017-07-03", "2018-07-03"),
        ("18 months ago", "2017-06-18", "2017-07-18"),
        ("a month ago", "2018-11-18", "2018-12-18"),
    ],
)
def test_months_and_years_ago_are_a_time_about_then(
    text: str, start: str, end: str
) -> None:
    (d,) = find_dates(text, published=PUB)
    assert (d.date_from.isoformat(), d.date.isoformat(), d.kind) == (
        start,
        end,
        "period",
    )


def test_days_and_weeks_ago_stay_one_day() -> None:
    assert [(d.date, d.kind) for d in find_dates("three weeks ago", published=PUB)] == [
        (dt.date(2018, 12, 13), "day")
    ]


def test_a_weekday_settles_an_ambiguous_numeric_date() -> None:
    # 3 April 2018 was a Tuesday, 4 March a Sunday
    assert _read("on Tuesday, 03/04/2018", None) == [
        ("Tuesday, 03/04/2018", "2018-04-03", "2018-04-03")
    ]
    assert _read("on Sunday, 03/04/2018", None) == [
        ("Sunday, 03/04/2018", "2018-03-04", "2018-03-04")
    ]


# --- F4: dates written but not read --------------------------------------------------
@pytest.mark.parametrize(
    ("text", "words", "why"),
    [
        ("Police said Jane Doe was seen in Leeds on 03/04/2018.", "03/04/2018",
         "it may be 3 April or 4 March 2018 (day or month first)"),
        ("seen in Leeds during Ramadan 1439.", "Ramadan 1439", "Hijri"),
        ("seen in Leeds in the holy month of Ramadan.",
         "the holy month of Ramadan", "Hijri"),
        ("seen in Leeds on 1 Muharram 1440 AH", "Muharram 1440 AH", "Hijri"),
        ("seen in Leeds at Easter", "Easter", "moves from year to year"),
        ("seen in Leeds during Eid al-Adha", "Eid al-Adha", "moves from year"),
        ("seen in Leeds on 12/08/18", "12/08/18", "two-digit year"),
    ],
)  # fmt: skip
def test_dates_written_but_not_read_are_listed(text: str, words: str, why: str) -> None:
    base = 1000
    (u,) = unread_dates(text, published=dt.date(2018, 6, 20), base=base)
    assert (u.text, text[u.start - base : u.end - base]) == (words, words)
    assert why in u.why
    # and find_dates gives no date for them
    assert not any(
        d.start < u.end and u.start < d.end
        for d in find_dates(text, published=dt.date(2018, 6, 20), base=base)
    )


@pytest.mark.parametrize(
    "text",
    [
        "Tariq Ramadan said he was in Leeds.",  # a name
        "Safar Ali and Rajab Khan were seen in Leeds.",
        "seen on 13/08/2018 and 31.02.2018",  # read; no day (impossible_dates')
        "version 1.2.18 and v03/04/2018",
        "seen in Leeds on 03/04/2018",  # read: 4 March is after publication
    ],
)
def test_words_that_are_no_unread_date(text: str) -> None:
    assert unread_dates(text, published=dt.date(2018, 3, 20)) == []


# --- invariants ---------------------------------------------------------------------
_PARTS = [
    "in the past year", "over the past week", "in recent weeks", "a fortnight ago",
    "eighteen months ago", "in the spring", "last winter", "in the summer of 2016",
    "the year before last", "the 1990s", "since the mid-1990s", "on 2 and 5 May",
    "between 5 and 2 May", "two years ago", "03/04/2018", "Ramadan 1439",
    "during Eid", "12/08/18", "on Tuesday, 03/04/2018", "winter 2017/18",
    "Jane Doe was seen in Leeds", ", police said", " and ", ". ", "on May 2 and 5",
]  # fmt: skip


@given(
    st.lists(st.sampled_from(_PARTS), min_size=1, max_size=8),
    st.dates(dt.date(1950, 1, 1), dt.date(2090, 12, 31)),
    st.integers(min_value=0, max_value=5000),
)
def test_every_span_is_within_the_text_and_in_order(
    parts: list[str], published: dt.date, base: int
) -> None:
    text = " ".join(parts)
    found = find_dates(text, published=published, base=base)
    unread = unread_dates(text, published=published, base=base)
    spans = [(d.start, d.end) for d in found] + [(u.start, u.end) for u in unread]
    for d in [*found, *unread]:
        assert base <= d.start < d.end <= base + len(text)
        assert text[d.start - base : d.end - base] == d.text
    for d in found:
        assert d.date_from <= d.date
        if d.date_from <= published:
            assert d.date <= published
    spans.sort()
    for (_, e1), (s2, _) in itertools.pairwise(spans):
        assert e1 <= s2  # no two overlap, read or not
