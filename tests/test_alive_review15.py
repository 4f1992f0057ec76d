"""P(alive) and sightings, from a journalist's review (r11, #6).

A sighting of the target is a proof of life on its day, as a recording is: the
target was seen alive. Before, a sighting only moved the day the hazard starts
from, and the report never said how P(alive) was made.
"""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geosleuth.evidence import Claim, LifeStatus, Provenance, Sighting
from geosleuth.fuse.life import alive_note, p_alive
from geosleuth.fuse.settings import Settings
from geosleuth.geometry import Point

PROV = Provenance(document="d")
RAQQA = Point(39.0, 35.95)


def _seen(day: dt.date, subject: str = "target", **kw: object) -> Sighting:
    return Sighting(id=f"s{day}{subject}", provenance=PROV, date=day, place=RAQQA,
                    subject=subject, **kw)  # type: ignore[arg-type]  # fmt: skip


def _claim(day: dt.date) -> Claim:
    return Claim(id=f"c{day}", provenance=PROV, date=day, place=RAQQA)


def test_a_sighting_of_the_target_is_a_proof_of_life_on_its_day() -> None:
    first, seen, now = dt.date(2020, 1, 1), dt.date(2022, 1, 1), dt.date(2023, 1, 1)
    claim_only = p_alive([_claim(first)], as_of=now)
    with_sighting = p_alive([_claim(first), _seen(seen)], as_of=now)
    # 0.9 decays two years, the sighting (r 0.99 at most) lifts it, one more year
    h = Settings().hazard_per_year
    before = 0.9 * math.exp(-h * (seen - first).days / 365.25)
    r = min(_seen(seen).p_true(), 0.99)
    expected = (r + (1 - r) * before) * math.exp(-h * (now - seen).days / 365.25)
    assert with_sighting == pytest.approx(expected, rel=1e-12)
    assert with_sighting > claim_only


def test_an_associates_sighting_is_no_proof_of_life() -> None:
    first, seen, now = dt.date(2020, 1, 1), dt.date(2022, 1, 1), dt.date(2023, 1, 1)
    items = [_claim(first), _seen(seen, subject="associate", who="Aide")]
    assert p_alive(items, as_of=now) == pytest.approx(
        p_alive([_claim(first)], as_of=now)
    )


def test_a_sighting_in_a_year_proves_life_at_its_start() -> None:
    year = _seen(dt.date(2014, 12, 31), date_from=dt.date(2014, 1, 1))
    jan = _seen(dt.date(2014, 1, 1))
    now = dt.date(2016, 1, 1)
    claim = _claim(dt.date(2013, 1, 1))
    assert p_alive([claim, year], as_of=now) == pytest.approx(
        p_alive([claim, jan], as_of=now), rel=1e-12
    )


@given(st.integers(0, 3000), st.integers(0, 3000))
def test_a_sighting_never_lowers_p_alive_when_the_case_is_open(
    after_open: int, before_now: int
) -> None:
    opened = dt.date(2010, 1, 1)
    seen = opened + dt.timedelta(days=after_open)
    now = seen + dt.timedelta(days=before_now)
    death = LifeStatus(id="d", provenance=PROV, date=opened, status="dead")
    base = [_claim(opened), death]
    assert p_alive([*base, _seen(seen)], as_of=now) >= p_alive(base, as_of=now) - 1e-15


def test_the_note_says_how_p_alive_was_made() -> None:
    items = [
        _seen(dt.date(2014, 7, 4)),
        LifeStatus(id="v", provenance=PROV, date=dt.date(2017, 9, 28), status="alive"),
        LifeStatus(id="k", provenance=PROV, date=dt.date(2017, 6, 1), status="dead"),
    ]
    note = alive_note(items, as_of=dt.date(2018, 5, 15))
    assert note.startswith(
        # a prior, before the first day's items (review 16: the timeline's point
        # of that day, after them, read as another figure for the same day)
        "P(alive) starts at a prior of 90 % on the case's first day (2014-07-04, "
        "its earliest item about the target, before that day's items count), "
        "falls by a hazard of 0.1 a year since"
    )
    assert "moved by 2 proofs of life" in note and "1 claim of death" in note
    assert alive_note([], as_of=dt.date(2018, 5, 15)) == ""
