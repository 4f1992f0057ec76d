"""A body recovered, and police ranks, from a SAR coordinator's review (r16, #9).

"Police divers recovered Lavoie's body ..., Lt. Christopher Hancock said" left
P(alive) at 88 %: the death was graded F3 ("Lt." was no official role), and the
body's sighting counted as a proof of life on the day of the death, as a sighting
of the target does.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geosleuth.evidence import Grade, LifeStatus
from geosleuth.fuse.life import p_alive
from geosleuth.read.attribution._names import OFFICIAL
from reading import PUB, reader, sightings

pytestmark = pytest.mark.nlp

_read = reader("Ethan Lavoie")
_RECOVERED = (
    "Ethan Lavoie, 24, launched his kayak on Saturday. Police divers recovered "
    "Lavoie's body on Monday afternoon near Colchester, Lt. Christopher Hancock "
    "said."
)


def _deaths(reading: Any) -> list[LifeStatus]:
    return [
        i for i in reading.evidence if isinstance(i, LifeStatus) and i.status == "dead"
    ]


def test_a_body_recovered_by_police_is_graded_as_a_recovery(nlp: Any) -> None:
    reading = _read(_RECOVERED, nlp)
    [death] = _deaths(reading)
    assert death.provenance.speaker == "Christopher Hancock"
    assert death.grade == Grade("B", 1)


def test_the_body_places_the_target_but_proves_no_life(nlp: Any) -> None:
    reading = _read(_RECOVERED, nlp)
    [body] = sightings(reading)
    assert (body.subject, body.who, body.closeness, body.associate_sigma_km) == (
        "associate",
        "the target's body",
        1.0,
        0.0,
    )
    assert p_alive(reading.evidence, as_of=PUB) < 0.5


def test_a_relative_saying_the_body_was_found_keeps_the_relatives_grade(
    nlp: Any,
) -> None:
    reading = _read(
        "Ethan Lavoie, 24, launched his kayak on Saturday. His body was found near "
        "Colchester on Monday, his brother said.",
        nlp,
    )
    [death] = _deaths(reading)
    assert death.grade == Grade("F", 3)


def test_found_dead_by_police_is_a_body_found(nlp: Any) -> None:
    reading = _read(
        "Ethan Lavoie, 24, went hiking on Saturday. He was found dead near Aspen on "
        "Monday, police said.",
        nlp,
    )
    [death] = _deaths(reading)
    assert death.grade == Grade("B", 1)
    assert [(s.subject, s.who) for s in sightings(reading)] == [
        ("associate", "the target's body")
    ]
    assert p_alive(reading.evidence, as_of=dt.date(2018, 6, 5)) < 0.5


def test_a_death_claim_is_still_graded_by_its_speaker(nlp: Any) -> None:
    reading = _read("Ethan Lavoie was killed near Aspen on Monday, police said.", nlp)
    [death] = _deaths(reading)
    assert death.grade == Grade("F", 2)


@pytest.mark.parametrize(
    "rank", ["Lt.", "Capt.", "Lieutenant", "Sergeant", "Captain", "Inspector"]
)
def test_a_police_rank_is_an_official_role(nlp: Any, rank: str) -> None:
    reading = _read(
        f"Ethan Lavoie was seen near Colchester on Monday, {rank} Mark Ober said.",
        nlp,
    )
    [seen] = sightings(reading)
    assert seen.provenance.speaker == "Mark Ober"
    assert seen.grade == Grade("F", 2)


@pytest.mark.parametrize(
    "role", ["Lt.", "Sgt.", "Insp.", "Capt.", "Det.", "Det. Supt.", "Sergeant"]
)
def test_police_ranks_abbreviated_read_as_official(role: str) -> None:
    assert OFFICIAL.search(role) is not None


@pytest.mark.parametrize("role", ["her brother", "a hiker", "det", "Detroit"])
def test_words_like_ranks_are_not_official(role: str) -> None:
    assert OFFICIAL.search(role) is None
