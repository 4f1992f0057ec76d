"""Sightings of review 16 (a search-and-rescue coordinator's reports).

A witness's word that someone matching the target's description did something
at a place is a possible sighting there, or, at no resolved place, a rejected
row that says so.
"""

from __future__ import annotations

from typing import Any

import pytest

from reading import reader, sightings

pytestmark = pytest.mark.nlp

_read = reader("Harold Jenkins")
_MISSING = "Harold Jenkins, 79, went missing on Thursday. "


def test_a_lookalike_doing_something_at_a_place_is_a_possible_sighting(
    nlp: Any,
) -> None:
    # 05-dementia-athens: no word of seeing, a store clerk's word
    reading = _read(
        _MISSING + "A store clerk told officers a man matching his description "
        "bought a bottle of water at a gas station in Leeds at about 5:45 p.m. "
        "Thursday.",
        nlp,
    )
    (seen,) = sightings(reading)
    assert (seen.place_name, seen.subject, seen.hedge) == (
        "Leeds",
        "target",
        "possible",
    )
    assert seen.provenance.speaker == "A store clerk"


def test_a_lookalike_at_no_resolved_place_is_set_aside_with_why(nlp: Any) -> None:
    reading = _read(
        _MISSING + "A store clerk told officers a man matching his description "
        "bought a bottle of water at a gas station on Prince Avenue at about 5:45 "
        "p.m. Thursday.",
        nlp,
    )
    assert not sightings(reading)
    assert [x.reason for x in reading.rejected if "store clerk" in x.quote] == [
        "no_place"
    ]


@pytest.mark.parametrize(
    "doing",
    [
        "a man matching his description was arrested in Leeds",
        # a seeing is the sightings' own rule, not this one's
        "a man matching his description was seen in Leeds",
    ],
)
def test_one_sighting_per_lookalike(doing: str, nlp: Any) -> None:
    reading = _read(_MISSING + f"Police said {doing} on Friday.", nlp)
    assert [s.place_name for s in sightings(reading)] == ["Leeds"]


def test_a_lookalike_of_someone_else_is_no_sighting(nlp: Any) -> None:
    reading = _read(
        _MISSING + "A store clerk told officers a man matching Tom Fox's "
        "description bought a bottle of water at a gas station in Leeds.",
        nlp,
    )
    assert not sightings(reading)
