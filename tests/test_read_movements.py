"""Movements: where the target went is a claim; where she left is not where she is.

"Left for York", "returned to York", "went back to Leeds", "crossed into Syria",
"was smuggled across the border into Turkey" and "arrived in Denver" place the
one who moves, as "fled to" does; so do "taken to hospital in Paisley", "is
being treated at", "is being held in", for the one carried or kept. The place
a movement starts from ("fled to Mosul *from Raqqa*", "left *Denver* for York",
"after fleeing *Raqqa*") is where she was, so it is set aside (``not_target``),
unless the leaving is denied or
only meant ("did not leave Mosul", "no plans to leave Mosul"). "Far from Mosul"
denies Mosul; "not far from Mosul" does not.

A person in the name of a building is no place: "the Royal Alexandra Hospital in
Paisley" is in Paisley, not in a town called Alexandra.

Each case is a real sentence; both sides of each rule are pinned.
"""

from __future__ import annotations

from typing import Any

import pytest

from reading import DOE, reader, set_aside

pytestmark = pytest.mark.nlp

_read = reader(DOE)
RAQQA = "Ar Raqqah"


def _places(reading: Any) -> list[tuple[str, str, str]]:
    """(kind, place, polarity) of each claim or sighting."""
    return [
        (i.kind, i.place_name, getattr(i, "polarity", "seen"))
        for i in reading.evidence
        if i.kind in ("claim", "sighting")
    ]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # each of these gave no item before
        ("Jane Doe left for York on Monday, her sister said.", ["York"]),
        ("Jane Doe has left for Denver, police said.", ["Denver"]),
        ("Jane Doe returned to York last week, police said.", ["York"]),
        ("Jane Doe went back to Leeds, police said.", ["Leeds"]),
        ("Jane Doe has gone back to Leeds, police said.", ["Leeds"]),
        ("Jane Doe is believed to have crossed into Syria, officials said.",
         ["Syria"]),
        ("Jane Doe was smuggled across the border into Turkey, officials said.",
         ["Turkey"]),
        ("Jane Doe arrived in Denver on Monday, police said.", ["Denver"]),
        ("Jane Doe left the country for Syria, officials said.", ["Syria"]),
        # carried or kept somewhere: she is there
        ("Jane Doe was taken to hospital in Paisley, police said.", ["Paisley"]),
        ("Jane Doe is being held in Leeds, police said.", ["Leeds"]),
        ("Jane Doe is being treated at St Mary's Hospital in London.", ["London"]),
        # not "Alexandra" (a town in New Zealand) as well, as before
        ("Jane Doe was taken to the Royal Alexandra Hospital in Paisley, police "
         "said.", ["Paisley"]),
        # reached (gave nothing before), but not "will reach" nor "reached out"
        ("Jane Doe reached Havana on Monday, her family said.", ["Havana"]),
        ("Jane Doe made it to Havana on Monday.", ["Havana"]),
        ("Jane Doe has reached safety in Havana.", ["Havana"]),
        ("Jane Doe will reach Havana on Friday.", []),
        ("Jane Doe reached out to friends in Havana.", []),
    ],
)  # fmt: skip
def test_a_movement_places_the_target_where_she_went(
    nlp: Any, text: str, places: list[str]
) -> None:
    assert _places(_read(text, nlp)) == [("claim", p, "is") for p in places]


@pytest.mark.parametrize(
    "text",
    [
        # another one moves: nothing of the target's
        "Her brother left for York on Monday, Jane Doe's sister said.",
        "Jane Doe's husband returned to Leeds last week, police said.",
        "Her brother was taken to hospital in Paisley, Jane Doe's sister said.",
    ],
)
def test_another_persons_movement_places_no_one(nlp: Any, text: str) -> None:
    assert _places(_read(text, nlp)) == []


@pytest.mark.parametrize(
    ("text", "went", "left"),
    [
        # the place left was claimed as where she is before
        ("Jane Doe fled to Mosul from Raqqa, police said.", "Mosul", "Raqqa"),
        ("Jane Doe fled Raqqa and went to Mosul, police said.", "Mosul", "Raqqa"),
        ("Jane Doe is hiding in Mosul after fleeing Raqqa, officials said.",
         "Mosul", "Raqqa"),
        ("Jane Doe is believed to have fled Raqqa and gone to Mosul.",
         "Mosul", "Raqqa"),
        ("Jane Doe left Denver for York, police said.", "York", "Denver"),
        ("Jane Doe escaped from a prison in Leeds to York.", "York", "Leeds"),
        ("Jane Doe crossed from Iraq into Syria, officials said.", "Syria", "Iraq"),
        # not "Iraq ∩ Syria", the border, as before
        ("Jane Doe crossed the border from Iraq into Syria, officials said.",
         "Syria", "Iraq"),
    ],
)  # fmt: skip
def test_the_place_a_movement_starts_from_is_set_aside(
    nlp: Any, text: str, went: str, left: str
) -> None:
    reading = _read(text, nlp)
    assert _places(reading) == [("claim", went, "is")]
    assert ("not_target", left) in set_aside(reading)
    why = next(x.detail for x in reading.rejected if x.quote == left)
    assert "place left" in why


@pytest.mark.parametrize(
    ("text", "left", "when", "hedge", "went"),
    [
        # a dated departure is where she was then: the last known point (these
        # were set aside before, and the first two gave nothing at all)
        ("Jane Doe sailed from Key West on Monday, the Coast Guard said.",
         "Key West", "2018-06-04", "certain", None),
        ("Jane Doe is believed to have left Denver on Monday.",
         "Denver", "2018-06-04", "probable", None),
        ("Jane Doe moved from Leeds to York in May, police said.",
         "Leeds", "2018-05-31", "certain", "York"),
        ("Jane Doe was extradited from Spain to Britain last year.",
         "Spain", "2017-12-31", "certain", "United Kingdom"),
        ("Jane Doe set sail from Key West on Monday bound for Havana.",
         "Key West", "2018-06-04", "certain", "Havana"),
        # the commonest wording of a missing-person report (review 12: nothing)
        ("Jane Doe left her home in Denver on Monday.",
         "Denver", "2018-06-04", "certain", None),
        # the purpose of setting off is where she meant to go (review 12: a
        # certain claim at Aspen)
        ("Jane Doe set off from Denver on Monday to hike to Aspen.",
         "Denver", "2018-06-04", "certain", None),
    ],
)  # fmt: skip
def test_a_dated_departure_is_where_she_was_then(
    nlp: Any, text: str, left: str, when: str, hedge: str, went: str | None
) -> None:
    reading = _read(text, nlp)
    seen = [i for i in reading.evidence if i.kind == "sighting"]
    assert [(i.place_name, i.date.isoformat(), i.hedge) for i in seen] == [
        (left, when, hedge)
    ]
    assert "where the target left from" in seen[0].note
    went_to = [i.place_name for i in reading.evidence if i.kind == "claim"]
    assert went_to == ([went] if went else [])


@pytest.mark.parametrize(
    "text",
    [
        # a leaving denied, or only meant: she is there
        "Jane Doe is missing. She has no plans to leave Mosul, where she lives.",
        "Jane Doe refused to leave Mosul, where she is hiding.",
        "Jane Doe did not leave Mosul and is hiding there, police said.",
    ],
)
def test_a_leaving_not_done_leaves_the_place_to_the_target(nlp: Any, text: str) -> None:
    reading = _read(text, nlp)
    assert [p for _, p, _ in _places(reading)] == ["Mosul"]
    assert not [x for x in reading.rejected if x.quote == "Mosul"]


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # someone else left (review 12: a certain sighting of Jane Doe at
        # Denver, and Aspen dated by the husband's Monday)
        ("Her husband left Denver on Monday, and Jane Doe is still in Aspen.",
         [("Aspen", "2018-06-05")]),
        # a denied departure is none
        ("Police denied that Jane Doe left Denver on Monday.", []),
        # contact, deals and goals are no arrival
        ("Jane Doe could not be reached for comment at her home in Denver on "
         "Monday.", []),
        ("Jane Doe reached a deal with prosecutors in Denver on Monday.", []),
        ("Jane Doe hopes she will have reached Denver by Monday.", []),
        ("Jane Doe reached Denver police by phone on Monday.", []),
    ],
)  # fmt: skip
def test_what_is_no_departure_nor_arrival(
    nlp: Any, text: str, claims: list[tuple[str, str]]
) -> None:
    reading = _read(text, nlp)
    assert not [i for i in reading.evidence if i.kind == "sighting"]
    assert [
        (i.place_name, i.date.isoformat())
        for i in reading.evidence
        if i.kind == "claim" and i.polarity == "is"
    ] == claims


def test_never_reached_denies_the_place(nlp: Any) -> None:
    text = "Jane Doe never reached Havana, officials said."
    assert _places(_read(text, nlp)) == [("claim", "Havana", "is_not")]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Jane Doe is hiding in a house far from Mosul, police said.",
         [("claim", "Mosul", "is_not")]),
        ("Jane Doe is hiding far away from Mosul, near Raqqa, police said.",
         [("claim", "Mosul", "is_not"), ("claim", RAQQA, "is")]),
        # "not far from" is near: both places stand
        ("Jane Doe is hiding in Raqqa, not far from Mosul.",
         [("claim", RAQQA, "is"), ("claim", "Mosul", "is")]),
    ],
)  # fmt: skip
def test_far_from_a_place_denies_it(
    nlp: Any, text: str, places: list[tuple[str, str, str]]
) -> None:
    assert _places(_read(text, nlp)) == places


@pytest.mark.parametrize(
    ("text", "items"),
    [
        # carried on from where she was seen or found: a claim there, not a seeing
        ("Jane Doe was found in Aspen and taken to Denver.",
         [("sighting", "Aspen", "seen"), ("claim", "Denver", "is")]),
        ("Jane Doe was arrested in Leeds and taken to a police station in York.",
         [("sighting", "Leeds", "seen"), ("claim", "York", "is")]),
        # taking a photo is no movement: the seeing keeps its place
        ("A hiker saw Jane Doe and took a photo in Aspen.",
         [("sighting", "Aspen", "seen")]),
    ],
)  # fmt: skip
def test_carried_on_from_a_seeing(
    nlp: Any, text: str, items: list[tuple[str, str, str]]
) -> None:
    assert _places(_read(text, nlp)) == items


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        ("Jane Doe was taken to the Royal Alexandra Hospital in Paisley.",
         "Paisley", "Alexandra"),
        ("She was treated at St Mary's Hospital in London.", "London", "St Mary"),
        ("He arrived at Victoria Station in London on Monday.", "London",
         "Victoria"),
    ],
)  # fmt: skip
def test_a_name_in_a_buildings_name_is_no_place(
    nlp: Any, text: str, kept: str, dropped: str
) -> None:
    from geosleuth.read.toponyms import find_toponyms

    names = [m.text for m in find_toponyms(text, nlp=nlp)]
    assert kept in names
    assert dropped not in names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a place that begins a building's name is the place it is in
        ("Officers from the Alexandria Police Department searched the area.",
         "Alexandria"),
        ("She was treated at Leeds General Infirmary.", "Leeds"),
    ],
)  # fmt: skip
def test_a_place_that_begins_a_buildings_name_stays(
    nlp: Any, text: str, name: str
) -> None:
    from geosleuth.read.toponyms import find_toponyms

    assert name in [m.text for m in find_toponyms(text, nlp=nlp)]


# -- second review: the phrase of a movement is where it went ------------------------
@pytest.mark.parametrize(
    ("text", "went", "aside"),
    [
        # the other place was claimed as where she is before
        ("Jane Doe returned to Bristol after a week in Cardiff.", "Bristol",
         "Cardiff"),
        ("Jane Doe arrived in Paris after two days in Lyon.", "Paris", "Lyon"),
        ("Jane Doe was held in Mosul before escaping to Erbil.", "Erbil", "Mosul"),
    ],
)  # fmt: skip
def test_only_where_the_movement_went_is_claimed(
    nlp: Any, text: str, went: str, aside: str
) -> None:
    reading = _read(text, nlp)
    assert _places(reading) == [("claim", went, "is")]
    assert ("not_target", aside) in set_aside(reading)


@pytest.mark.parametrize(
    "text",
    [
        # 'left ... for' and 'admitted to' that are no movement (claims before)
        "Jane Doe left money for her family in Leeds.",
        "Jane Doe left a voicemail for her mother in Cardiff.",
        "Jane Doe admitted to the 2015 murder of a man in Leeds.",
        "Jane Doe admitted to owning a flat in Leeds.",
    ],
)
def test_leaving_something_or_admitting_a_crime_places_no_one(
    nlp: Any, text: str
) -> None:
    assert _places(_read(text, nlp)) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Jane Doe was admitted to hospital in Paisley.", "Paisley"),
        # 'York' was set aside as a place left under one parse of this sentence
        ("Jane Doe left Leeds for York, police said.", "York"),
        # the one carried, named by a pronoun
        ("Jane Doe is missing. The kidnappers took her to Mosul, officials said.",
         "Mosul"),
    ],
)  # fmt: skip
def test_carried_or_gone_in_more_wordings(nlp: Any, text: str, place: str) -> None:
    assert _places(_read(text, nlp)) == [("claim", place, "is")]


def test_left_for_is_a_destination_with_any_name(nlp: Any) -> None:
    reading = _read("Maria Lopez left Leeds for York.", nlp, target="Maria Lopez")
    assert _places(reading) == [("claim", "York", "is")]
    assert ("not_target", "Leeds") in set_aside(reading)


def test_a_name_before_a_bus_station_is_no_place(nlp: Any) -> None:
    from geosleuth.read.toponyms import find_toponyms

    text = "Jane Doe was seen at Victoria bus station in Nairobi."
    names = [m.text for m in find_toponyms(text, nlp=nlp)]
    assert names == ["Nairobi"]  # not Victoria, Australia, as before
    # "a Kabul hospital": the town names where the hospital is
    text = "She was treated at a Kabul hospital in Afghanistan."
    assert "Kabul" in [m.text for m in find_toponyms(text, nlp=nlp)]
