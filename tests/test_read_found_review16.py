"""Finds and deaths lost in full reports, from a SAR coordinator's review (r16).

"Her body was found ..." and "She was found alive ..." read alone but were lost in
the articles, where the name was more than the pronoun's reach back, though every
sentence between spoke of her ("her description", "no trace of her"); a body,
or "a man", found in one sentence and named in the next gave nothing at an
unresolved place, or nothing at all; a child's given name that is also a town
("Mason") was read as the town; and "near Burneside, about 3 km north of
Kendal" was two sightings.
"""

from __future__ import annotations

from typing import Any

import pytest

from geosleuth.evidence import LifeStatus
from reading import reader, sightings

pytestmark = pytest.mark.nlp

_read = reader("Sarah Whitaker")

#: Between the name and "Her body" more than the pronoun's reach (400
#: characters), each sentence about her by "her".
_SMOKIES = (
    "Sarah Whitaker, 52, was reported missing on May 28 after she failed to "
    "return from a day hike to Mount Le Conte. Her car was found at the "
    "trailhead on U.S. 441 that evening.\n\n"
    "A group of hikers reported seeing a woman matching her description on the "
    "trail at around 11 a.m. on May 28, officials said.\n\n"
    "More than 70 searchers from the National Park Service, the Tennessee "
    "Emergency Management Agency and volunteer rescue squads searched the "
    "trails and the drainage between May 29 and May 31 but found no trace of "
    "her.\n\n"
    "Her body was found on Thursday afternoon in steep terrain near "
    "Gatlinburg, by a search dog team."
)


def _life(reading: Any) -> list[str]:
    return [i.status for i in reading.evidence if isinstance(i, LifeStatus)]


def _reasons(reading: Any) -> list[tuple[str, str]]:
    """(reason, detail) of what a reading set aside."""
    return [(x.reason, x.detail) for x in reading.rejected]


def test_her_body_found_past_the_reach_of_the_name_is_the_targets(nlp: Any) -> None:
    assert _SMOKIES.index("Her body") - _SMOKIES.index("Her car") > 400
    reading = _read(_SMOKIES, nlp)
    assert _life(reading) == ["dead"]
    body = [s for s in sightings(reading) if s.place_name == "Gatlinburg"]
    assert [(s.subject, s.who) for s in body] == [("associate", "the target's body")]


def test_found_alive_after_a_long_search_paragraph_proves_life(nlp: Any) -> None:
    text = (
        "Lotte van Dijk, 26, from Utrecht, set off from the Skjeggedal car park on "
        "Saturday morning to walk to Trolltunga, the rock ledge above Lake "
        "Ringedalsvatnet, the police said. Her rental car was found at the car "
        "park on Saturday evening when she failed to return to her hotel in Odda. "
        "Volunteers from the Norwegian Red Cross and the Norwegian People's Aid "
        "searched the trail and the plateau around Trolltunga on Sunday but found "
        "no trace of her. A rescue helicopter from Bergen searched the slopes "
        "above Ringedalsvatnet in fog. She was found alive on Monday morning near "
        "the Tyssevassbu cabin, about 8 km east of Trolltunga, by a Red Cross team."
    )
    reading = _read(text, nlp, target="Lotte van Dijk")
    assert _life(reading) == ["alive"]
    assert any(
        r.reason == "no_place" and r.quote.startswith("She was found alive")
        for r in reading.rejected
    )


def test_a_body_identified_later_is_a_death_wherever_it_was_found(nlp: Any) -> None:
    text = (
        "Thomas Whitfield, 29, left the Couvercle refuge on Saturday. On Monday "
        "evening the PGHM said the body of a climber had been recovered from the "
        "Talefre glacier, about 500 metres below the Whymper Couloir. The body was "
        "that of Whitfield, the gendarmerie said later."
    )
    reading = _read(text, nlp, target="Thomas Whitfield")
    assert _life(reading) == ["dead"]
    reasons = _reasons(reading)
    assert ("no_place", "the target's body recovered, but at no resolved place") in (
        reasons
    )
    # the body identified: no longer set aside as someone else's
    assert not [r for r in reasons if r[0] == "not_target"], reasons


def test_a_man_found_alive_and_named_later_is_the_target_found(nlp: Any) -> None:
    text = (
        "Graham Pattinson, 66, set off from Wasdale Head on Saturday. Police said "
        "on Sunday evening that a man was found alive near Keswick. Police later "
        "confirmed the man found was Mr Pattinson."
    )
    reading = _read(text, nlp, target="Graham Pattinson")
    assert [(s.place_name, s.subject) for s in sightings(reading)] == [
        ("Keswick", "target")
    ]
    assert _life(reading) == ["alive"]


def test_a_man_found_and_never_named_is_set_aside_not_dropped(nlp: Any) -> None:
    text = (
        "Graham Pattinson, 66, set off from Wasdale Head on Saturday. Police said "
        "a man was found alive near Keswick on Sunday, a day after Pattinson was "
        "reported missing."
    )
    reading = _read(text, nlp, target="Graham Pattinson")
    assert not sightings(reading)
    assert _life(reading) == []
    assert any(
        r == "not_target" and "not said to be the target" in d
        for r, d in _reasons(reading)
    )


def test_a_given_name_that_is_a_town_is_the_child_found(nlp: Any) -> None:
    text = (
        "Mason Tillery was last seen at about 6:30 p.m. Saturday near the park's "
        "campground on the shore of Kentucky Lake, Sheriff Josh Frey said. Mason "
        "was found at about 7:15 a.m. Sunday by a volunteer on horseback, about 1 "
        "mile north of the campground, Frey said."
    )
    reading = _read(text, nlp, target="Mason Tillery")
    assert not [s for s in sightings(reading) if s.place_name == "Mason"]
    assert ("not_a_place", "'Mason' names the target here, not a place") in (
        _reasons(reading)
    )
    # found, not said dead, at no resolved place: the finding proves life
    assert _life(reading) == ["alive"]


def test_a_place_located_by_a_distance_after_it_is_one_sighting(nlp: Any) -> None:
    text = (
        "Margaret Holme, 84, went missing on Monday. Police said Mrs Holme had been "
        "found alive in a barn near Burneside, about 3 km north of Kendal, by a "
        "farmer."
    )
    reading = _read(text, nlp, target="Margaret Holme")
    assert [s.place_name for s in sightings(reading)] == ["Burneside"]
    assert (
        "not_target",
        "'Kendal' only qualifies a more precise place in the same sentence",
    ) in _reasons(reading)
    assert _life(reading) == ["alive"]


def test_a_distance_from_a_place_with_no_place_before_it_is_read(nlp: Any) -> None:
    reading = _read(
        "Margaret Holme went missing on Monday. Police said she had been found "
        "alive about 3 km north of Kendal.",
        nlp,
        target="Margaret Holme",
    )
    assert [s.place_name for s in sightings(reading)] == ["3 km north of Kendal"]
