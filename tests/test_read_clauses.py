"""Clauses of their own: a speaker's pronoun, and a negation that stops at its clause.

Each test pins the items read from real sentences (kind, place, polarity, hedge,
speaker). A speaker's "he" ("A hiker said he saw Jane Doe near Aspen. *He* said
she was hiding in Vail.") or "his" after a speaker described after the target
tells nothing of the target's gender, so "she" is still the target; a title, a
gendered noun, or "her" after the target's name still tell it. A "not" or "no
longer" denies the places of its own clause only ("not in Raqqa, but police say
she is in Mosul"); "neither ... nor", "denied that ... or" and a verb joined with
no subject or auxiliary of its own ("did not live in Raqqa or hide in Mosul")
deny both places, and "not in Raqqa but in Mosul" puts Mosul in Raqqa's stead.
"""

from __future__ import annotations

from typing import Any

import pytest

from geosleuth.evidence import LifeStatus
from geosleuth.read.target import Target, find_target_refs, target_gender
from reading import DOE, reader

RAQQA = "Ar Raqqah"  # the gazetteer's name of Raqqa

_read = reader(DOE)


def _items(reading: Any) -> list[tuple[Any, ...]]:
    """(kind, place, polarity or None, hedge, speaker) of each item with a place."""
    return [
        (
            i.kind,
            i.place_name,
            getattr(i, "polarity", None),
            i.hedge,
            i.provenance.speaker,
        )
        for i in reading.evidence
        if not isinstance(i, LifeStatus)
    ]


# -- 1. a speaker's pronoun tells nothing of the target's gender ---------------------
@pytest.mark.parametrize(
    ("text", "items"),
    [
        # "He" is the hiker's, the subject of "said": "she" is the target
        ("A hiker said he saw Jane Doe near Aspen. He said she was hiding in Vail.",
         [("sighting", "Aspen", None, "certain", "A hiker"),
          ("claim", "Vail", "is", "certain", "A hiker")]),
        ("Jane Doe was last seen in Aspen, a hiker told police. "
         "He said she is hiding in Vail.",
         [("sighting", "Aspen", None, "certain", "A hiker"),
          ("claim", "Vail", "is", "certain", "A hiker")]),
        # "His" follows a speaker described after the target: the hiker's
        ("Jane Doe was last seen in Aspen, a hiker told police. "
         "His account says she is hiding in Vail.",
         [("sighting", "Aspen", None, "certain", "A hiker"),
          ("claim", "Vail", "is", "certain", None)]),
    ],
)  # fmt: skip
def test_a_speakers_pronoun_does_not_tell_the_targets_gender(
    nlp: Any, text: str, items: list[tuple[Any, ...]]
) -> None:
    assert _items(_read(text, nlp)) == items


@pytest.mark.parametrize(
    "text",
    [
        # a title, a gendered noun, "her" after the name: she, so "He" is not her
        "Mrs Doe was last seen in Aspen. He is hiding in Vail.",
        "Jane Doe, a 45-year-old woman, was last seen in Aspen. He is hiding in Vail.",
        "Jane Doe left her car in Aspen. He is hiding in Vail.",
        # "Mr": he, so "she" is not him, though the speaker is a hiker
        "Mr Doe was last seen in Aspen, a hiker said. He said she is hiding in Vail.",
        # no other speaker before "She": she may be the target, so "he" is not
        "Jane Doe was last seen in Aspen. She said he is hiding in Vail.",
        # a named speaker's "he" is the speaker's, as before
        "Jane Doe was last seen in Aspen. Tom Fox said he is hiding in Vail.",
    ],
)
def test_a_gender_told_otherwise_still_keeps_the_other_pronoun_out(
    nlp: Any, text: str
) -> None:
    assert [i for i in _items(_read(text, nlp)) if i[1] == "Vail"] == []


def test_with_no_gender_told_either_pronoun_is_the_targets(nlp: Any) -> None:
    text = "Jane Doe was last seen in Aspen. He is hiding in Vail."
    assert _items(_read(text, nlp)) == [
        ("sighting", "Aspen", None, "certain", None),
        ("claim", "Vail", "is", "certain", None),
    ]


@pytest.mark.parametrize(
    ("speakers", "gender"),
    [
        ((), "he"),  # the first "he" after the name, the speaker's, is taken
        (((2, 7), (39, 41)), "she"),  # "hiker" and "He" speak: "she" tells
        (((39, 41),), "he"),  # "He" speaks, but no one else did before: it may be her
    ],
)
def test_target_gender_skips_the_pronoun_of_another_speaker(
    speakers: tuple[tuple[int, int], ...], gender: str
) -> None:
    text = "A hiker said he saw Jane Doe in Aspen. He said she is in Vail."
    t = Target(DOE)
    refs = find_target_refs(text, t)
    assert target_gender(text, refs, [], target=t, speakers=speakers) == gender


# -- 2. a negation reaches its own clause only ---------------------------------------
@pytest.mark.parametrize(
    ("text", "items"),
    [
        # the Raqqa clause is the article's own (was Police's too: one speaker
        # per clause, tests/test_read_clause_speakers.py)
        ("Jane Doe is not in Raqqa, but police say she is in Mosul.",
         [("claim", RAQQA, "is_not", "certain", None),
          ("claim", "Mosul", "is", "certain", "Police")]),
        ("Jane Doe left. She is not in Raqqa; she is in Mosul.",
         [("claim", RAQQA, "is_not", "certain", None),
          ("claim", "Mosul", "is", "certain", None)]),
        # changed expectation (session 10): Raqqa was 'probable', from the
        # 'believed' of the clause joined after it
        ("Jane Doe left. She is no longer in Raqqa and is now believed to be in "
         "Mosul.",
         [("claim", RAQQA, "is_not", "certain", None),
          ("claim", "Mosul", "is", "probable", None)]),
        ("Jane Doe is not in Raqqa and is in Mosul.",
         [("claim", RAQQA, "is_not", "certain", None),
          ("claim", "Mosul", "is", "certain", None)]),
    ],
)  # fmt: skip
def test_a_negation_reaches_only_its_own_clause(
    nlp: Any, text: str, items: list[tuple[Any, ...]]
) -> None:
    reading = _read(text, nlp)
    assert _items(reading) == items
    assert "negated by" not in reading.evidence[1].note


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("Jane Doe left. She is neither in Raqqa nor in Mosul.",
         [("claim", RAQQA, "is_not", "certain", None),
          ("claim", "Mosul", "is_not", "certain", None)]),
        # one claim on the union of the two towns (557340b): not in either
        ("Jane Doe left. Police denied that she is in Raqqa or Mosul.",
         [("claim", f"{RAQQA} or Mosul", "is_not", "certain", "Police")]),
        # a verb joined with no subject or auxiliary of its own shares the "not"
        ("Jane Doe did not live in Raqqa or hide in Mosul.",
         [("claim", RAQQA, "is_not", "certain", None),
          ("claim", "Mosul", "is_not", "certain", None)]),
        # a clause about another person is no clause of the target's
        ("Jane Doe is not hiding in Raqqa, where her husband lives near Mosul.",
         [("claim", RAQQA, "is_not", "certain", None),
          ("claim", "Mosul", "is_not", "certain", None)]),
        # Mosul in the stead of Raqqa, as before
        ("Jane Doe left. She is not in Raqqa but in Mosul.",
         [("claim", RAQQA, "is_not", "certain", None),
          ("claim", "Mosul", "is", "certain", None)]),
    ],
)  # fmt: skip
def test_a_negation_of_one_clause_still_reaches_all_its_places(
    nlp: Any, text: str, items: list[tuple[Any, ...]]
) -> None:
    assert _items(_read(text, nlp)) == items
