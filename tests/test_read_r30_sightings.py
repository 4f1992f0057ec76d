"""Review r30: footage had, a body believed found, a post that claims.

- Camera footage of the target that someone has or puts out ("Police have CCTV
  footage of Jane Doe at Leeds station") is a camera's sighting there, stated
  by the one who has it; "believe they have" hedges it. Footage looked for or
  hoped for is none.
- A verb of belief that reports a seeing hedges it ("Police believe they have
  found the body of Jane Doe near Leeds": probable). The body's sighting stays
  the target's body's (``associate``, ``who`` "the target's body"), as for
  "Police have found the body", for a target's sighting would prove life.
- A thing that says a place by a participle of claiming ("a post claiming Jane
  Doe was in York") is hearsay, as "A post on social media claimed" is; the one
  who dismisses it denies it and speaks.
"""

from __future__ import annotations

from typing import Any

import pytest

from reading import claims, reader, sightings

pytestmark = pytest.mark.nlp

_doe = reader("Jane Doe")


def _seen(reading: Any) -> list[tuple[Any, ...]]:
    return [
        (s.place_name, s.subject, s.hedge, s.provenance.speaker)
        for s in sightings(reading)
    ]


def _said(reading: Any) -> list[tuple[Any, ...]]:
    return [
        (c.place_name, c.polarity, c.hedge, c.provenance.speaker)
        for c in claims(reading)
    ]


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("Police have CCTV footage of Jane Doe at Leeds station.", "certain"),
        (
            "Police believe they have CCTV footage of Jane Doe at Leeds station.",
            "probable",
        ),
        ("Police recovered CCTV footage of Jane Doe at Leeds station.", "certain"),
    ],
)
def test_footage_of_the_target_that_police_have_is_their_sighting(
    text: str, hedge: str, nlp: Any
) -> None:
    r = _doe(text, nlp)
    assert _seen(r) == [("Leeds", "target", hedge, "Police")]
    assert "seen by a camera" in sightings(r)[0].note


@pytest.mark.parametrize(
    "text",
    [
        "Police released CCTV footage showing Jane Doe at Leeds station on Monday.",
        "Police said they have CCTV footage showing Jane Doe at Leeds station.",
    ],
)
def test_footage_showing_the_target_keeps_its_sighting(text: str, nlp: Any) -> None:
    r = _doe(text, nlp)
    assert _seen(r) == [("Leeds", "target", "certain", "Police")]


@pytest.mark.parametrize(
    "text",
    [
        "Police are looking for CCTV footage of Jane Doe at Leeds station.",
        "Police hope to find CCTV footage of Jane Doe at Leeds station.",
        "Police have no CCTV footage of Jane Doe at Leeds station.",
        "Police may have CCTV footage of Jane Doe at Leeds station.",
        "Anyone who has CCTV footage of Jane Doe at Leeds station should call police.",
        "Police have TV footage of Jane Doe at Leeds station.",
        "Police have CCTV footage of Jane Doe's car at Leeds station.",
    ],
)
def test_footage_not_had_or_of_another_is_no_sighting(text: str, nlp: Any) -> None:
    assert sightings(_doe(text, nlp)) == []


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("Police believe they have found the body of Jane Doe near Leeds.", "probable"),
        ("Police said they have found the body of Jane Doe near Leeds.", "certain"),
    ],
)
def test_a_body_believed_found_is_hedged_as_its_death(
    text: str, hedge: str, nlp: Any
) -> None:
    r = _doe(text, nlp)
    (body,) = sightings(r)
    assert (body.place_name, body.hedge, body.provenance.speaker) == (
        "Leeds",
        hedge,
        "Police",
    )
    # the target's body, not the target alive: no proof of life
    assert (body.subject, body.who) == ("associate", "the target's body")
    (death,) = [i for i in r.evidence if i.kind == "life_status"]
    assert death.hedge == hedge


def test_a_body_found_is_the_same_kind_of_sighting(nlp: Any) -> None:
    r = _doe("Police have found the body of Jane Doe near Leeds.", nlp)
    assert [(s.subject, s.who, s.hedge) for s in sightings(r)] == [
        ("associate", "the target's body", "certain")
    ]


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("Police believe a hiker saw Jane Doe in Leeds.", "probable"),
        ("A hiker claimed he saw Jane Doe in Leeds.", "possible"),
        ("Police said Jane Doe was seen in Leeds.", "certain"),
    ],
)
def test_a_verb_of_belief_above_a_seeing_hedges_it(
    text: str, hedge: str, nlp: Any
) -> None:
    assert [s.hedge for s in sightings(_doe(text, nlp))] == [hedge]


def test_a_seeing_joined_to_a_belief_is_not_hedged_by_it(nlp: Any) -> None:
    r = _doe("Police believe Jane Doe is in York, and a hiker saw her in Leeds.", nlp)
    assert [(s.place_name, s.hedge) for s in sightings(r)] == [("Leeds", "certain")]


@pytest.mark.parametrize(
    "text",
    [
        "Police are investigating a post claiming Jane Doe was in York.",
        "A post on social media claimed Jane Doe was in York.",
        "Police are investigating a report claiming Jane Doe was in York.",
    ],
)
def test_a_post_that_claims_is_hearsay(text: str, nlp: Any) -> None:
    assert _said(_doe(text, nlp)) == [("York", "is", "possible", None)]


def test_a_statement_that_says_is_its_authors_word(nlp: Any) -> None:
    r = _doe("Police released a statement saying Jane Doe was in York.", nlp)
    assert [(c.place_name, c.hedge) for c in claims(r)] == [("York", "certain")]


@pytest.mark.parametrize(
    "text",
    [
        "Police dismissed a post claiming Jane Doe was in York.",
        "Police said a post claiming Jane Doe was in York was fake.",
        "Police dismissed claims that Jane Doe was in York.",
        "Police dismissed a post saying Jane Doe was in York.",
    ],
)
def test_who_dismisses_a_post_denies_what_it_says(text: str, nlp: Any) -> None:
    assert _said(_doe(text, nlp)) == [("York", "is_not", "certain", "Police")]
