"""A seeing's places are those of its own clause; a relative clause names the target.

A sighting (or a trace, or the target found) takes the places of its verb's own
clause: not those of a clause joined to it that has a subject of its own or
reports speech or belief, which is read on its own as a statement of where the
target is (as "Police believe she is hiding in Denver." would be), with its own
speaker and hedge; the seeing keeps none of that clause's speaker or hedge. Verbs
joined with no subject of their own share the places. A relative clause's "who"
is the one it describes: the target found or seen, or someone else. The target's
body listed with one of the target's things is found where the thing is.

Each test pins the items read from real sentences, both sides of each rule.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geosleuth.evidence import LifeStatus
from reading import DOE, PUB, claims, reader, sightings

pytestmark = pytest.mark.nlp

_read = reader(DOE)
MONDAY = PUB - dt.timedelta(days=1)


def _items(reading: Any) -> list[tuple[Any, ...]]:
    """(kind, place, subject or polarity, speaker, hedge) of each sighting, claim."""
    return [
        (
            i.kind,
            i.place_name,
            i.subject if i.kind == "sighting" else i.polarity,
            i.provenance.speaker,
            i.hedge,
        )
        for i in [*sightings(reading), *claims(reading)]
    ]


# -- 1. another clause with a subject or speaker of its own is not the seeing's -------
@pytest.mark.parametrize(
    ("text", "items"),
    [
        # each gave a sighting at the other clause's place too, stated (and
        # hedged) by that clause's speaker
        ("A hiker saw Jane Doe on Monday, and police believe she is hiding in "
         "Denver.", [("claim", "Denver", "is", "Police", "probable")]),
        # York is the sister's claim (tests/test_read_clause_speakers_and.py)
        ("Jane Doe was spotted in Leeds on Monday, and her sister says she has "
         "gone to York.", [("sighting", "Leeds", "target", None, "certain"),
                           ("claim", "York", "is", "Her sister", "certain")]),
        ("Jane Doe was spotted in Leeds on Monday, and police say she is in York.",
         [("sighting", "Leeds", "target", None, "certain"),
          ("claim", "York", "is", "Police", "certain")]),
        ("A hiker saw Jane Doe in Aspen on Monday, and police believe she is "
         "hiding in Denver.",
         [("sighting", "Aspen", "target", None, "certain"),
          ("claim", "Denver", "is", "Police", "probable")]),
        ("Jane Doe may have been seen in Leeds, and police say she is in York.",
         [("sighting", "Leeds", "target", None, "possible"),
          ("claim", "York", "is", "Police", "certain")]),
        ("Jane Doe was seen in Aspen after she fled Denver.",
         [("sighting", "Aspen", "target", None, "certain")]),
        # York is a claim of the seeing's subject, the target
        ("Jane Doe was seen in Leeds, and is believed to have gone to York.",
         [("sighting", "Leeds", "target", None, "certain"),
          ("claim", "York", "is", None, "probable")]),
        ("Jane Doe, who was last seen in Aspen, is believed to be in Denver.",
         [("sighting", "Aspen", "target", None, "certain"),
          ("claim", "Denver", "is", None, "probable")]),
        # the target arrested: the same rule
        ("Jane Doe was arrested in Leeds, and police believe she had been hiding "
         "in York.",
         [("sighting", "Leeds", "target", None, "certain"),
          ("claim", "York", "is", "Police", "probable")]),
    ],
)  # fmt: skip
def test_another_clause_is_no_place_of_the_seeing(
    nlp: Any, text: str, items: list[tuple[Any, ...]]
) -> None:
    assert _items(_read(text, nlp)) == items


@pytest.mark.parametrize(
    ("text", "items"),
    [
        # verbs joined with no subject of their own share the places
        ("Jane Doe was seen and arrested in Leeds.",
         [("sighting", "Leeds", "target", None, "certain")]),
        ("Jane Doe was seen in Leeds and York.",
         [("sighting", "Leeds", "target", None, "certain"),
          ("sighting", "York", "target", None, "certain")]),
        ("Jane Doe was last seen on Monday at a petrol station in Leeds.",
         [("sighting", "Leeds", "target", None, "certain")]),
        ("Jane Doe, who was last seen in Aspen, is 36.",
         [("sighting", "Aspen", "target", None, "certain")]),
        # a clause that says where a place of the seeing is
        ("Jane Doe was seen at a cafe where she often stayed in Leeds.",
         [("sighting", "Leeds", "target", None, "certain")]),
        # what she was doing when a camera saw her
        ("CCTV footage showed Jane Doe walking near Leeds station.",
         [("sighting", "Leeds", "target", None, "certain")]),
        # a speaker whose verb reports the seeing still states it
        ("Jane Doe was seen in Leeds, her sister says.",
         [("sighting", "Leeds", "target", "Her sister", "certain")]),
    ],
)  # fmt: skip
def test_the_seeings_own_clause_keeps_its_places(
    nlp: Any, text: str, items: list[tuple[Any, ...]]
) -> None:
    assert _items(_read(text, nlp)) == items


def test_the_other_clause_takes_no_date_of_the_seeing(nlp: Any) -> None:
    """The claim of the other clause is not dated by the seeing's "on Monday"."""
    reading = _read(
        "A hiker saw Jane Doe in Aspen on Monday, and police believe she is "
        "hiding in Denver.",
        nlp,
    )
    assert [(i.kind, i.date) for i in [*sightings(reading), *claims(reading)]] == [
        ("sighting", MONDAY),
        ("claim", PUB),
    ]


# -- 2. a relative clause's "who" is the one it describes -----------------------------
@pytest.mark.parametrize(
    ("text", "place", "event"),
    [
        # each gave nothing, or a claim that she is in Aspen
        ("Jane Doe, who was arrested in Leeds on Monday, is due in court.",
         "Leeds", "arrested"),
        ("Doe, who was found in Aspen, is in hospital.", "Aspen", "found"),
        ("Jane Doe, whom police arrested in Leeds on Monday, is due in court.",
         "Leeds", "arrested"),
    ],
)  # fmt: skip
def test_the_target_found_in_a_relative_clause_is_a_sighting(
    nlp: Any, text: str, place: str, event: str
) -> None:
    reading = _read(text, nlp)
    assert _items(reading) == [("sighting", place, "target", None, "certain")]
    assert f"the target {event} there" in sightings(reading)[0].note
    assert claims(reading) == []


@pytest.mark.parametrize(
    "text",
    [
        "Jane Doe's brother, who was arrested in Leeds on Monday, is due in court.",
        # was a sighting of the target at Aspen
        "Jane Doe's brother, who was last seen in Aspen, is 36.",
        "Jane Doe's car, which was seen in Aspen, is missing.",
    ],
)
def test_a_relative_clause_about_someone_else_is_no_sighting(
    nlp: Any, text: str
) -> None:
    assert _items(_read(text, nlp)) == []


# -- 3. the body listed with one of the target's things -------------------------------
@pytest.mark.parametrize(
    "text",
    [
        # each lost the body (a trace only), or the car (a body only)
        "Jane Doe went missing. Police found her car, and her body, in a lake "
        "near Aspen.",
        "Jane Doe went missing. Police found her car and her body in a lake near "
        "Aspen.",
        "Jane Doe went missing. Her body and her car were found in a lake near Aspen.",
    ],
)
def test_the_body_found_with_her_car_is_a_trace_a_sighting_and_a_death(
    nlp: Any, text: str
) -> None:
    reading = _read(text, nlp)
    assert [(s.place_name, s.subject, s.who) for s in sightings(reading)] == [
        ("Aspen", "associate", "the target's car"),
        ("Aspen", "associate", "the target's body"),  # no proof of life (review 16)
    ]
    assert "body" in sightings(reading)[1].note
    deaths = [i.status for i in reading.evidence if isinstance(i, LifeStatus)]
    assert deaths == ["dead"]


@pytest.mark.parametrize(
    "text",
    [
        "Jane Doe went missing. Police found her car, and a body, in a lake near "
        "Aspen.",
        "Jane Doe went missing. Police found her car in a lake near Aspen.",
    ],
)
def test_her_car_with_no_body_of_hers_is_a_trace_only(nlp: Any, text: str) -> None:
    reading = _read(text, nlp)
    assert [(s.place_name, s.subject, s.who) for s in sightings(reading)] == [
        ("Aspen", "associate", "the target's car")
    ]
    assert not [i for i in reading.evidence if isinstance(i, LifeStatus)]
