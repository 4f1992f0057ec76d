"""A date across a clause of time bounds the event on the other side.

"Seen in Lima on 2 May, days before he was killed": 2 May is the sighting's
date, and the death came after it (:mod:`geosleuth.read._time_clauses`). Before,
the death was dated 2 May, the day he was seen alive.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geosleuth.evidence import LifeStatus
from geosleuth.read._time_clauses import TimeClause, across, measure_days
from reading import PUB, claims, reader, sightings

_read = reader("Rodrigo Barrientos")
MAY2 = dt.date(2018, 5, 2)


# -- the rule, pure --------------------------------------------------------------
@pytest.mark.parametrize(
    ("words", "days"),
    [
        ("days", 3), ("two days", 2), ("2 days", 2), ("a day", 1), ("a week", 7),
        ("weeks", 21), ("a few weeks", 21), ("several months", 93), ("a year", 366),
        ("hours", 1), ("shortly", 1), ("just", 1), ("", None), ("long", None),
    ],
)  # fmt: skip
def test_a_measure_of_time_in_days(words: str, days: int | None) -> None:
    assert measure_days(words) == days


_DAY = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 1, 1))


@given(
    said=_DAY,
    length=st.integers(0, 60),
    ahead=st.integers(0, 400),
    days=st.none() | st.integers(1, 400),
    opener=st.sampled_from(["before", "after"]),
    anchor_inside=st.booleans(),
)
def test_the_bound_holds_the_said_date_and_never_passes_publication(
    said: dt.date,
    length: int,
    ahead: int,
    days: int | None,
    opener: Any,
    anchor_inside: bool,
) -> None:
    start = said - dt.timedelta(days=length)
    limit = said + dt.timedelta(days=ahead)
    clause = TimeClause(100, 200, opener, days, "x")
    anchor, written = (150, (20, 30)) if anchor_inside else (20, (150, 160))
    date, date_from, how = across([clause], anchor, written, said, start, limit)  # type: ignore[misc]
    later = (opener == "before") == anchor_inside
    assert how == ("after it ('x')" if later else "before it ('x')")
    assert date <= limit
    if later:  # after what was said: from its start on
        assert date_from == start and start <= date
        if days is not None:
            assert date <= said + dt.timedelta(days=days)
    else:  # before what was said: up to its end
        assert date == said
        assert date_from is None if days is None else date_from <= start
    # a date in the same clause as the event is its own
    assert across([clause], anchor, (anchor, anchor + 1), said, start, limit) is None


# -- read from sentences ----------------------------------------------------------
def _death(reading: Any) -> LifeStatus:
    (death,) = [i for i in reading.evidence if isinstance(i, LifeStatus)]
    return death


@pytest.mark.nlp
def test_a_death_days_after_a_dated_sighting_is_dated_after_it(nlp: Any) -> None:
    reading = _read(
        "Barrientos was seen in Lima on 2 May, days before he was killed in Cusco.",
        nlp,
    )
    (seen,) = sightings(reading)
    assert (seen.place_name, seen.date, seen.date_from) == ("Lima", MAY2, None)
    death = _death(reading)
    assert death.status == "dead"
    # after 2 May, within days ("days" counts as three)
    assert (death.date_from, death.date) == (MAY2, dt.date(2018, 5, 5))
    assert "after it ('days before')" in death.note
    (where,) = [c for c in claims(reading) if c.place_name == "Cusco"]
    assert (where.date_from, where.date) == (MAY2, dt.date(2018, 5, 5))


@pytest.mark.nlp
def test_a_week_before_his_death(nlp: Any) -> None:
    reading = _read(
        "Barrientos was seen in Lima on 2 May, a week before his death.", nlp
    )
    death = _death(reading)
    assert (death.date_from, death.date) == (MAY2, dt.date(2018, 5, 9))


@pytest.mark.nlp
def test_without_a_measure_the_event_after_runs_to_publication(nlp: Any) -> None:
    reading = _read(
        "Barrientos was seen in Lima on 2 May, before he was killed in Cusco.", nlp
    )
    death = _death(reading)
    assert (death.date_from, death.date) == (MAY2, PUB)


@pytest.mark.nlp
def test_a_date_in_the_clause_bounds_the_main_event_from_above(nlp: Any) -> None:
    reading = _read(
        "Barrientos was seen in Lima two days before he was arrested in Cusco on "
        "9 May.",
        nlp,
    )
    (seen,) = [s for s in sightings(reading) if s.place_name == "Lima"]
    assert (seen.date_from, seen.date) == (dt.date(2018, 5, 7), dt.date(2018, 5, 9))


@pytest.mark.nlp
def test_a_date_of_its_own_clause_is_kept(nlp: Any) -> None:
    reading = _read(
        "Barrientos was seen in Lima on 2 May, days before he was killed in Cusco "
        "on 6 May.",
        nlp,
    )
    assert _death(reading).date == dt.date(2018, 5, 6)
    (seen,) = [s for s in sightings(reading) if s.place_name == "Lima"]
    assert seen.date == MAY2
