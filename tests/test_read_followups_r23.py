"""Follow-ups attacked (review r23, rule 1, findings F1-a to F1-e).

Each test pins the items read from the review's probe sentences and from
sentences on the other side of each rule:

- the later word of a speaker who now says otherwise ("...; they now say ...")
  places the target only in a clause about the target: "her brother is in
  York" and "they will search York" give no claim, and replace nothing;
- two words of two speakers on either side of a semicolon are each their own
  speaker's ("Police earlier said ...; her family now says ...");
- a next sentence disputes a sighting only where it denies plainly that the
  target was at its place: not "denied that she had left Leeds", "... been
  abducted in Leeds", "... was in Leeds voluntarily", "... in Leeds on
  Sunday" after a Monday sighting; and a denial of the manner of being there
  is no claim that she was not there;
- "calling reports that she had fled to France rumours" denies France, and does
  not hedge the speaker's own word;
- a denial of the second of two places of the sentence before does not dispute
  the first.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geosleuth.dependence import superseded_claims
from reading import DOE, PUB, claims, reader, set_aside, sightings

pytestmark = pytest.mark.nlp

_read = reader(DOE)
_DAY_BEFORE = PUB - dt.timedelta(days=1)
_MONDAY = PUB - dt.timedelta(days=1)  # PUB is a Tuesday
_VUKOVIC = "Dragan Vuković"


def _claims(reading: Any) -> list[tuple[Any, ...]]:
    """(place, polarity, hedge, speaker, date) of each claim."""
    return [
        (c.place_name, c.polarity, c.hedge, c.provenance.speaker, c.date)
        for c in claims(reading)
    ]


# -- F1-a: a later word about someone or something else -----------------------------


@pytest.mark.parametrize(
    "later",
    [
        "they now say her brother is in York.",
        "they now say they will search York.",
        "her family now says her brother is in York.",
    ],
)
def test_later_word_about_another_is_no_claim_and_replaces_nothing(
    nlp: object, later: str
) -> None:
    reading = _read(f"Police earlier said Jane Doe was in Leeds; {later}", nlp)
    assert [c[:4] for c in _claims(reading)] == [("Leeds", "is", "certain", "Police")]
    assert superseded_claims(reading.evidence) == {}
    assert any(
        reason == "not_target" and quote == "York"
        for reason, quote in set_aside(reading)
    )


def test_later_word_of_the_accomplice_is_not_the_targets(nlp: object) -> None:
    reading = _read(
        "Police earlier said Vuković was in Pljevlja; they now say his accomplice "
        "is in Bosnia and that Vuković's whereabouts are unknown.",
        nlp,
        target=_VUKOVIC,
    )
    assert [c[:2] for c in _claims(reading)] == [("Pljevlja", "is")]


def test_plain_said_then_another_ones_place_is_no_claim(nlp: object) -> None:
    reading = _read(
        "Police said Jane Doe was in Leeds; they say her brother is in York.", nlp
    )
    assert [c[:2] for c in _claims(reading)] == [("Leeds", "is")]


@pytest.mark.parametrize("she", ["she", "Jane Doe", "Doe"])
def test_later_word_about_the_target_still_replaces_the_earlier(
    nlp: object, she: str
) -> None:
    reading = _read(
        f"Police earlier said Jane Doe was in Leeds; they now say {she} is in York.",
        nlp,
    )
    assert _claims(reading) == [
        ("Leeds", "is", "certain", "Police", _DAY_BEFORE),
        ("York", "is", "certain", "Police", PUB),
    ]
    leeds, york = claims(reading)
    assert superseded_claims(reading.evidence)[leeds.id].id == york.id


# -- F1-b: each clause keeps its own speaker ----------------------------------------


@pytest.mark.parametrize(
    ("text", "target", "later"),
    [
        (
            "Police earlier said Jane Doe was in Leeds; her family now says she is "
            "in York.",
            DOE,
            ("York", "Her family"),
        ),
        (
            "Police earlier said Vuković was in Pljevlja; prosecutors now say he is "
            "in Bosnia.",
            _VUKOVIC,
            ("Bosnia and Herzegovina", "Prosecutors"),
        ),
        (
            "Police said Vuković was in Pljevlja; prosecutors say he is in Bosnia.",
            _VUKOVIC,
            ("Bosnia and Herzegovina", "Prosecutors"),
        ),
    ],
)
def test_earlier_word_keeps_its_own_speaker(
    nlp: object, text: str, target: str, later: tuple[str, str]
) -> None:
    reading = _read(text, nlp, target=target)
    first, second = claims(reading)
    assert first.provenance.speaker == "Police"
    assert (second.place_name, second.provenance.speaker) == later
    assert superseded_claims(reading.evidence) == {}


# -- F1-c: a denial of something else at the same place ----------------------------


@pytest.mark.parametrize(
    "after",
    [
        "Police denied that she had left Leeds.",
        "Police denied that she had been abducted in Leeds.",
        "Her family denied that she was in Leeds voluntarily.",
        "Police denied that she was in Leeds on Sunday.",
    ],
)
def test_denial_of_another_thing_at_the_place_disputes_nothing(
    nlp: object, after: str
) -> None:
    reading = _read(f"A hiker saw Jane Doe in Leeds on Monday. {after}", nlp)
    (seen,) = sightings(reading)
    assert (seen.place_name, seen.hedge) == ("Leeds", "certain")
    assert "disputed" not in seen.note


def test_denial_of_how_she_was_there_is_no_claim_she_was_not(nlp: object) -> None:
    reading = _read(
        "A hiker saw Jane Doe in Leeds on Monday. Her family denied that she was "
        "in Leeds voluntarily.",
        nlp,
    )
    assert _claims(reading) == []
    assert ("not_target", "Leeds") in set_aside(reading)


def test_denial_of_another_day_is_a_claim_of_that_day(nlp: object) -> None:
    reading = _read(
        "A hiker saw Jane Doe in Leeds on Monday. Police denied that she was in "
        "Leeds on Sunday.",
        nlp,
    )
    assert _claims(reading) == [
        ("Leeds", "is_not", "certain", "Police", PUB - dt.timedelta(days=2))
    ]


@pytest.mark.parametrize(
    "after",
    [
        "Police denied that she was in Leeds.",
        "Police denied that she was in Leeds on Monday.",  # the same day
    ],
)
def test_plain_denial_of_the_place_still_disputes_it(nlp: object, after: str) -> None:
    reading = _read(f"A hiker saw Jane Doe in Leeds on Monday. {after}", nlp)
    (seen,) = sightings(reading)
    assert (seen.place_name, seen.hedge) == ("Leeds", "probable")
    assert "disputed in the next sentence" in seen.note
    assert [c[:3] for c in _claims(reading)] == [("Leeds", "is_not", "certain")]


# -- F1-d: reports the speaker calls rumours ----------------------------------------


@pytest.mark.parametrize("word", ["rumours", "baseless rumours", "speculation"])
def test_reports_called_rumours_are_denied_and_hedge_nothing_else(
    nlp: object, word: str
) -> None:
    reading = _read(
        "Police said Jane Doe was in Leeds, calling reports that she had fled to "
        f"France {word}.",
        nlp,
    )
    leeds, france = _claims(reading)
    assert leeds[:4] == ("Leeds", "is", "certain", "Police")
    assert france[:2] == ("France", "is_not")


def test_rumours_of_the_place_still_hedge_it(nlp: object) -> None:
    reading = _read("There were rumours that Jane Doe had fled to France.", nlp)
    assert [c[:3] for c in _claims(reading)] == [("France", "is", "possible")]


# -- F1-e: a denial of the second of two places -------------------------------------


def test_denial_of_the_second_place_does_not_dispute_the_first(nlp: object) -> None:
    reading = _read(
        "A hiker saw Jane Doe in Leeds on Monday, and a taxi driver said he drove "
        "her to York on Tuesday. Police denied that she was in York.",
        nlp,
    )
    (seen,) = sightings(reading)
    assert (seen.place_name, seen.hedge, seen.date) == ("Leeds", "certain", _MONDAY)
    assert "disputed" not in seen.note
    assert ("York", "is_not", "certain", "Police", PUB) in _claims(reading)
