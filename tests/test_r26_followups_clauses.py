"""Follow-ups, take-backs and clauses of others attacked (review r26, U-1 to U-4).

Each test pins the items read from the review's probe sentences and from
sentences on the other side of each rule:

- "that report" or "the claim" is the nearest report before it: a newspaper's
  report between the police's word and "police now say that report was
  mistaken" is the one taken back, and the police's word stands; a word put
  back ("then reinstated it") is not taken back; another force ("Serbian
  police") that calls the word wrong disputes it, and does not take it back;
- a report taken back in its own sentence by another ("Local media reported
  he had fled to Bosnia, but police later retracted the claim") is disputed;
  by its own speaker ("..., but later retracted the claim") it is set aside;
- a later word that adds ("she may *also* have been in York") replaces
  nothing; an earlier word with a time of its own ("*Earlier this year*,
  police said ...") is dated by it;
- "neither confirmed nor denied she was there" is no denial, and "denied she
  was still there" or "... there now" denies the present, not Monday's
  sighting;
- "and his brother in Durango" after a sighting or a capture of the target is
  no sighting of the target in Durango; "and his phone in Durango" is still
  a trace of the target; "his brother is believed to be hiding *with him* in
  Tamazula" is a claim of the target.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geosleuth.dependence import superseded_claims
from reading import DOE, PUB, claims, reader, set_aside, sightings

pytestmark = pytest.mark.nlp

_read = reader(DOE)
_MONDAY = PUB - dt.timedelta(days=1)  # PUB is a Tuesday
_VUKOVIC = "Dragan Vuković"
_SALCEDO = "Rodrigo Salcedo Ibarra"
_PLJEVLJA = "Police said Vuković was in Pljevlja."


def _claims(reading: Any) -> list[tuple[Any, ...]]:
    """(place, polarity, hedge, speaker) of each claim."""
    return [
        (c.place_name, c.polarity, c.hedge, c.provenance.speaker)
        for c in claims(reading)
    ]


# -- U-1: the word taken back is the nearest report's ----------------------------


@pytest.mark.parametrize(
    "after",
    [
        "A newspaper reported he had been injured; police now say that report "
        "was mistaken.",
        "They later retracted the claim, then reinstated it.",
    ],
)
def test_a_nearer_report_or_one_put_back_leaves_the_word(
    nlp: object, after: str
) -> None:
    reading = _read(f"{_PLJEVLJA} {after}", nlp, target=_VUKOVIC)
    assert _claims(reading) == [("Pljevlja", "is", "certain", "Police")]
    assert not [r for r in set_aside(reading) if r[0] == "negated"]


def test_another_force_calling_it_wrong_disputes_it(nlp: object) -> None:
    reading = _read(
        f"{_PLJEVLJA} Serbian police said that statement was wrong.",
        nlp,
        target=_VUKOVIC,
    )
    assert _claims(reading) == [("Pljevlja", "is", "probable", "Police")]


@pytest.mark.parametrize(
    "after",
    [
        "They later retracted the claim.",
        "The police later retracted the claim.",
        "That statement was wrong, police said.",
    ],
)
def test_its_own_speaker_still_takes_it_back(nlp: object, after: str) -> None:
    reading = _read(f"{_PLJEVLJA} {after}", nlp, target=_VUKOVIC)
    assert _claims(reading) == []
    assert ("negated", "Pljevlja") in set_aside(reading)


def test_another_report_retracted_in_its_sentence_is_disputed(nlp: object) -> None:
    reading = _read(
        f"{_PLJEVLJA} Local media reported he had fled to Bosnia, but police "
        "later retracted the claim.",
        nlp,
        target=_VUKOVIC,
    )
    assert _claims(reading) == [
        ("Pljevlja", "is", "certain", "Police"),
        ("Bosnia and Herzegovina", "is", "probable", "Local media"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police said Vuković was in Pljevlja, but later retracted the claim.", []),
        (
            "Police said Vuković was in Pljevlja, but later retracted the claim "
            "that he was armed.",
            [("Pljevlja", "is", "certain", "Police")],
        ),
        (
            "Police said Vuković was in Pljevlja, but his lawyer said that "
            "report was false.",
            [("Pljevlja", "is", "certain", "Police")],
        ),
    ],
)
def test_own_word_taken_back_in_its_sentence(
    nlp: object, text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert _claims(_read(text, nlp, target=_VUKOVIC)) == expected


# -- U-2: a later word that adds, and the time of the earlier word --------------


def test_a_later_word_that_adds_replaces_nothing(nlp: object) -> None:
    reading = _read(
        "Police had earlier said Jane Doe was in Leeds. They now say she may "
        "also have been in York.",
        nlp,
    )
    assert [(c.place_name, c.date) for c in claims(reading)] == [
        ("Leeds", PUB),
        ("York", PUB),
    ]
    assert superseded_claims(reading.evidence) == {}


def test_a_later_word_that_does_not_add_replaces_the_earlier(nlp: object) -> None:
    reading = _read(
        "Police had earlier said Jane Doe was in Leeds. They now say she is in York.",
        nlp,
    )
    leeds, york = claims(reading)
    assert (leeds.date, york.date) == (_MONDAY, PUB)
    assert superseded_claims(reading.evidence)[leeds.id].place_name == "York"


def test_an_earlier_word_with_its_own_time_is_dated_by_it(nlp: object) -> None:
    reading = _read(
        "Earlier this year, police said Jane Doe was in Leeds. They now say she "
        "is in York.",
        nlp,
    )
    leeds, york = claims(reading)
    assert (leeds.date_from, leeds.date) == (dt.date(2018, 1, 1), _MONDAY)
    assert "dated from 'this year'" in leeds.note
    assert york.date == PUB
    assert superseded_claims(reading.evidence)[leeds.id].place_name == "York"


# -- U-3: 'denied she was there' --------------------------------------------------


@pytest.mark.parametrize(
    "after",
    [
        "Police neither confirmed nor denied she was there.",
        "Police could neither confirm nor deny she was there.",
        "Police denied she was still there.",
        "Police denied she was there now.",
        "Police denied that she was still in Leeds.",
    ],
)
def test_no_denial_of_the_sighting_leaves_it(nlp: object, after: str) -> None:
    reading = _read(f"A hiker saw Jane Doe in Leeds on Monday. {after}", nlp)
    (seen,) = sightings(reading)
    assert (seen.place_name, seen.hedge, seen.date) == ("Leeds", "certain", _MONDAY)


@pytest.mark.parametrize(
    "after",
    ["Police denied she was there.", "Police denied that she was ever in Leeds."],
)
def test_a_plain_denial_still_disputes_the_sighting(nlp: object, after: str) -> None:
    reading = _read(f"A hiker saw Jane Doe in Leeds on Monday. {after}", nlp)
    (seen,) = sightings(reading)
    assert (seen.place_name, seen.hedge) == ("Leeds", "probable")


# -- U-4: clauses whose verb is left out -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Salcedo was seen in Culiacán, and his brother in Durango.",
        "Marines captured Salcedo in Culiacán on Monday, and his brother in Durango.",
    ],
)
def test_a_left_out_seeing_of_another_is_no_sighting(nlp: object, text: str) -> None:
    reading = _read(text, nlp, target=_SALCEDO)
    assert [s.place_name for s in sightings(reading)] == ["Culiacán"]
    assert ("not_target", "Durango") in set_aside(reading)


@pytest.mark.parametrize(
    "text",
    [
        "Salcedo's car was found in Culiacán on Monday, and his phone in Durango.",
        "Salcedo was seen in Culiacán and later in Durango.",
    ],
)
def test_a_left_out_verb_of_the_target_or_its_things_is_kept(
    nlp: object, text: str
) -> None:
    reading = _read(text, nlp, target=_SALCEDO)
    assert [s.place_name for s in sightings(reading)] == ["Culiacán", "Durango"]


def test_another_hiding_with_the_target_keeps_the_place(nlp: object) -> None:
    reading = _read(
        "Salcedo escaped on Monday, and his brother is believed to be hiding with "
        "him in Tamazula.",
        nlp,
        target=_SALCEDO,
    )
    assert [(c.place_name, c.hedge) for c in claims(reading)] == [
        ("Tamazula", "probable")
    ]
    near_miss = _read(
        "Salcedo escaped on Monday, and his brother is believed to be hiding in "
        "Tamazula.",
        nlp,
        target=_SALCEDO,
    )
    assert claims(near_miss) == []
