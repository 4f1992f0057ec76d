"""Traces of review 16 (a search-and-rescue coordinator's reports).

A precise fix of the target's device (a phone that "sent a final location", a
signal "from her beacon", a GPS watch whose subject the parse loses), the small
craft and beacons of the outdoors (a kayak, a PLB), a thing spotted in the active
voice ("A paddleboarder spotted her boat circling ..."), "the boat" after "her
boat", and a vehicle named by its make ("Her white Toyota Corolla") are traces
at their places, with the written precision of coordinates; someone else's
thing is none.
"""

from __future__ import annotations

from typing import Any

import pytest

from reading import DOE, reader, sightings

pytestmark = pytest.mark.nlp

_read = reader(DOE)
_MISSING = "Jane Doe, 40, went hiking on Saturday. "


def _traces(reading: Any) -> list[tuple[str | None, str | None]]:
    return [
        (s.who, s.place_name) for s in sightings(reading) if s.subject == "associate"
    ]


@pytest.mark.parametrize(
    ("sentence", "who", "place"),
    [
        # review 16, 11-smokies: the wording was not read at all
        ("Her phone sent a final location at 35.6292, -83.4516 on Sunday.",
         "the target's phone", "35.6292° N, 83.4516° W"),
        # 13-tararua: the thing a signal comes from
        ("A signal from her beacon was detected at 8.40am on Monday at "
         "coordinates 40°51.2'S 175°19.6'E.", "the target's beacon",
         "40.853° S, 175.327° E"),
        # 06-chamonix: "watch" taken for a verb, "showed" left with no subject
        ("Her GPS watch, synced later by her family's account, showed her last "
         "position at 45°56′05″N 6°58′12″E.", "the target's gps watch",
         "45.9347° N, 6.9700° E"),
        ("His GPS watch, synced later by his family's account, showed his last "
         "position at 45°56′05″N 6°58′12″E.", "the target's watch",
         "45.9347° N, 6.9700° E"),
    ],
)  # fmt: skip
def test_a_device_fix_is_a_trace_at_the_point(
    sentence: str, who: str, place: str, nlp: Any
) -> None:
    reading = _read(_MISSING + sentence, nlp)
    assert _traces(reading) == [(who, place)]
    (trace,) = [s for s in sightings(reading) if s.subject == "associate"]
    assert trace.sigma_km < 1.0  # the coordinates' precision, not a town's


@pytest.mark.parametrize(
    ("sentence", "who", "place"),
    [
        # 17-champlain: a kayak is the target's thing, like a boat
        ("Her overturned kayak was found on Sunday near Keswick.",
         "the target's kayak", "Keswick"),
        ("Her canoe was found on Sunday near Keswick.", "the target's canoe",
         "Keswick"),
        ("Her PLB was activated near Keswick on Sunday.", "the target's plb",
         "Keswick"),
        # 03-tahoe: a thing spotted in the active voice, at the places of what it
        # was doing
        ("A paddleboarder spotted her boat circling with its engine running "
         "about 2 miles east of Tahoma at around 4 p.m. Sunday.",
         "the target's boat", "2 miles east of Tahoma"),
        # 08-outback: a vehicle named by its make
        ("Her white Toyota Corolla was found on Sunday near Keswick.",
         "the target's car", "Keswick"),
    ],
)  # fmt: skip
def test_the_outdoor_things_of_the_target_are_traces(
    sentence: str, who: str, place: str, nlp: Any
) -> None:
    assert _traces(_read(_MISSING + sentence, nlp)) == [(who, place)]


def test_the_boat_after_her_boat_is_hers(nlp: Any) -> None:
    # 03-tahoe: "launched his 19-foot boat ... A paddleboarder spotted the boat"
    reading = _read(
        "Jane Doe, 58, launched her 19-foot boat from the marina on Sunday. A "
        "paddleboarder spotted the boat circling about 2 miles east of Tahoma, "
        "Jane Doe's husband said.",
        nlp,
    )
    assert _traces(reading) == [("the target's boat", "2 miles east of Tahoma")]
    (trace,) = sightings(reading)[-1:]
    assert "the boat (her 19-foot boat)" in trace.note


def test_a_trace_at_no_resolved_place_is_set_aside_with_why(nlp: Any) -> None:
    # 08-outback: "Mungerannie" is no place the gazetteer holds
    reading = _read(
        _MISSING + "Her white Toyota Corolla was found by a station hand on "
        "Sunday, bogged in sand about 2 km off the track near Mungerannie.",
        nlp,
    )
    assert not _traces(reading)
    assert any(
        x.reason == "no_place" and "Her white Toyota Corolla found" in x.detail
        for x in reading.rejected
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "A kayak was found on Sunday near Keswick.",
        "Tom Fox's kayak was found on Sunday near Keswick.",
        "A paddleboarder spotted a boat circling near Keswick on Sunday.",
        # "the boat" after "a boat" is no boat of hers
        "A boat was seen on the lake. A paddleboarder spotted the boat circling "
        "near Keswick, Jane Doe's husband said.",
        # a phone that sent something else, at no position of hers
        "Her phone sent a message to her brother in Keswick on Sunday.",
    ],
)
def test_no_trace_of_the_target_is_read_from_these(sentence: str, nlp: Any) -> None:
    assert not _traces(_read(_MISSING + sentence, nlp))


def test_a_thing_seen_doing_nothing_is_still_no_trace(nlp: Any) -> None:
    # as before (test_read_traces.py): only a thing seen doing something, as a
    # boat "circling" or "drifting", is read in the active voice
    assert not _traces(_read(_MISSING + "Residents saw her car in Keswick.", nlp))
    reading = _read(_MISSING + "Residents saw her car parked in Keswick.", nlp)
    assert _traces(reading) == [("the target's car", "Keswick")]
