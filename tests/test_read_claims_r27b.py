"""Claims of where the target is: three wrong readings of review r27.

- "one of his men was arrested in Culiacán" is a clause about the target's men,
  not where the target is (B17);
- what "a post claiming she was in York" said is denied where the speaker calls
  the post fake or false;
- "Police neither confirmed nor denied reports she was there, *but said she is
  now in York*": York is the police's plain word, not hedged by the first
  clause's "confirmed nor denied" (D25).

Each rule is pinned with sentences on both sides.
"""

from __future__ import annotations

from typing import Any

import pytest

from reading import DOE, claims, reader, rows

pytestmark = pytest.mark.nlp

SALCEDO = "Rodrigo Salcedo Ibarra"
_read = reader(DOE)
_LEADS = "Rodrigo Salcedo leads the cartel. "
_GONE = "Jane Doe is missing. "


def _claims(reading: Any) -> list[tuple[Any, ...]]:
    """(place, polarity, hedge, speaker) of each claim read."""
    return [
        (c.place_name, c.polarity, c.hedge, c.provenance.speaker)
        for c in claims(reading)
    ]


# -- 1. one of the target's men -------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Police said one of his men was arrested in Culiacán, and that he is "
        "believed to be in Durango.",
        "Police said one of his men was arrested in Culiacán, and that Salcedo "
        "is believed to be in Durango.",
        "Police said two of Salcedo's bodyguards were arrested in Culiacán, and "
        "that he is believed to be in Durango.",
    ],
)
def test_a_place_of_one_of_the_targets_men_is_no_claim(nlp: Any, text: str) -> None:
    got = _read(_LEADS + text, nlp, target=SALCEDO)
    assert _claims(got) == [("Durango", "is", "probable", "Police")]
    assert any(r.reason == "not_target" and r.quote == "Culiacán" for r in got.rejected)


def test_one_of_his_men_in_a_left_out_clause_is_someone_else(nlp: Any) -> None:
    text = (
        "Salcedo is believed to be hiding in Culiacán, and one of his men in Durango."
    )
    got = _read(text, nlp, target=SALCEDO)
    assert _claims(got) == [("Culiacán", "is", "probable", None)]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # "one of the suspects" may be the target: read as before
        (
            "Police said one of the suspects was arrested in Culiacán, and that "
            "he is believed to be in Durango.",
            ["Culiacán", "Durango"],
        ),
        # the target with one of his men: where they both are
        (
            "Salcedo is hiding in Tamazula with one of his men, officials said.",
            ["Tamazula"],
        ),
    ],
)
def test_one_of_others_that_may_be_the_target_keeps_the_place(
    nlp: Any, text: str, places: list[str]
) -> None:
    got = _read(_LEADS + text, nlp, target=SALCEDO)
    assert [c.place_name for c in claims(got)] == places


# -- 2. a post claiming where she is, called fake ---------------------------------
@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (
            _GONE + "Police said a post claiming she was in York was fake, and "
            "released CCTV footage showing her in Leeds on Monday.",
            "was fake",
        ),
        ("Police said a post claiming Jane Doe was in York was fake.", "was fake"),
        (
            "Police said a message saying Jane Doe had fled to York turned out "
            "to be false.",
            "turned out to be false",
        ),
        (
            "Police said a fake post claiming Jane Doe was in York had been removed.",
            "fake",
        ),
    ],
)
def test_what_a_post_called_fake_said_is_denied(nlp: Any, text: str, cue: str) -> None:
    got = _read(text, nlp)
    york = [c for c in claims(got) if c.place_name == "York"]
    assert [(c.polarity, c.provenance.speaker) for c in york] == [("is_not", "Police")]
    assert f"negated by {cue!r}" in york[0].note


def test_the_footage_beside_a_fake_post_is_still_a_sighting(nlp: Any) -> None:
    text = (
        _GONE + "Police said a post claiming she was in York was fake, and "
        "released CCTV footage showing her in Leeds on Monday."
    )
    got = _read(text, nlp)
    assert [r[:2] for r in rows(got) if r[0] == "sighting"] == [("sighting", "Leeds")]


@pytest.mark.parametrize(
    "text",
    [
        "Police said a post claiming Jane Doe was in York was genuine.",
        "Police said a post claiming Jane Doe was in York was not fake.",
        _GONE + "Police said a post claiming she was in York was not fake.",
    ],
)
def test_a_post_not_called_fake_is_not_denied(nlp: Any, text: str) -> None:
    got = _read(text, nlp)
    assert [(c.place_name, c.polarity) for c in claims(got)] == [("York", "is")]


# -- 3. "neither confirmed nor denied ..., but said" ------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A hiker saw Jane Doe in Leeds on Monday. Police neither confirmed nor "
            "denied reports she was there, but said she is now in York.",
            [("York", "is", "certain", "Police")],
        ),
        (
            _GONE + "Police did not say whether she was in Leeds, but said she is "
            "in York.",
            [
                ("Leeds", "is", "doubtful", "Police"),
                ("York", "is", "certain", "Police"),
            ],
        ),
        (
            _GONE + "Police could not confirm that she was in Leeds, but said she "
            "is in York.",
            [
                ("Leeds", "is", "doubtful", "Police"),
                ("York", "is", "certain", "Police"),
            ],
        ),
        (
            _GONE + "Police would not confirm or deny that she was in Leeds, but "
            "said she may be in York.",
            [
                ("Leeds", "is", "doubtful", "Police"),
                ("York", "is", "possible", "Police"),
            ],
        ),
    ],
)
def test_no_side_taken_before_but_does_not_hedge_the_later_word(
    nlp: Any, text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert _claims(_read(text, nlp)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb with no tense of its own shares the first one's "may"
        (
            "Jane Doe may have left Leeds but gone to York.",
            [("York", "is", "possible", None)],
        ),
        # a hedge above both verbs reaches both
        (
            "Police believe Jane Doe left Leeds but is still in York.",
            [("York", "is", "probable", "Police")],
        ),
        # one clause that takes no side: doubtful
        (
            "Police neither confirmed nor denied that Jane Doe was in Leeds.",
            [("Leeds", "is", "doubtful", "Police")],
        ),
    ],
)
def test_a_hedge_that_reaches_the_place_is_kept(
    nlp: Any, text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert _claims(_read(text, nlp)) == expected
