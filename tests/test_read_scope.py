"""A hedge keeps to its clause; 'they' after 'but'; a speaker's own gender.

Three gaps named in the closing note of the last session, each with its
sentence: a hedge in a clause joined after the place reached back to it
("Police say she is in Mosul and believe she is hiding in Vail": Mosul was
'probable'); "they" after "but" had no speaker; and "A hiker said he saw Jane
Doe in Aspen. She told police ..." credited her words to the hiker.
"""

from __future__ import annotations

from typing import Any

import pytest

from reading import DOE, reader

pytestmark = pytest.mark.nlp

_read = reader(DOE)


def _rows(reading: Any) -> list[tuple[Any, ...]]:
    """(kind, place, polarity, hedge, speaker, grade) of each claim or sighting."""
    return [
        (i.kind, i.place_name, getattr(i, "polarity", None), i.hedge,
         i.provenance.speaker, str(i.grade))
        for i in reading.evidence
        if i.kind in ("claim", "sighting")
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # Mosul was 'probable', from the 'believe' of Vail's clause
        ("Police say Jane Doe is in Mosul and believe she is hiding in Vail.",
         [("claim", "Mosul", "is", "certain", "Police", "F2"),
          ("claim", "Vail", "is", "probable", "Police", "F2")]),
        # Mosul was 'possible', from Vail's 'may'
        ("Jane Doe is not in Mosul, but they believe she may be in Vail.",
         [("claim", "Mosul", "is_not", "certain", None, "F3"),
          ("claim", "Vail", "is", "possible", None, "F3")]),
        # a verb joined after the place hedges its own places only
        ("Police believe Jane Doe is in Mosul and may have gone to Raqqa.",
         [("claim", "Mosul", "is", "probable", "Police", "F2"),
          ("claim", "Ar Raqqah", "is", "possible", "Police", "F2")]),
        # nouns joined, and a reporting clause after, still share the hedge
        ("Jane Doe is in Mosul and Raqqa, police believe.",
         [("claim", "Mosul", "is", "probable", "Police", "F2"),
          ("claim", "Ar Raqqah", "is", "probable", "Police", "F2")]),
        ("Jane Doe may be hiding in Mosul and Raqqa.",
         [("claim", "Mosul", "is", "possible", None, "F3"),
          ("claim", "Ar Raqqah", "is", "possible", None, "F3")]),
    ],
)  # fmt: skip
def test_a_hedge_keeps_to_its_clause(
    nlp: Any, text: str, rows: list[tuple[Any, ...]]
) -> None:
    assert _rows(_read(text, nlp)) == rows


def test_they_after_but_is_the_first_speaker(nlp: Any) -> None:
    # Vail had no speaker, so the weaker grade
    reading = _read(
        "Police say Jane Doe is not in Mosul, but they believe she may be in Vail.",
        nlp,
    )
    assert _rows(reading) == [
        ("claim", "Mosul", "is_not", "certain", "Police", "F2"),
        ("claim", "Vail", "is", "possible", "Police", "F2"),
    ]


def test_she_after_but_is_not_the_first_speaker(nlp: Any) -> None:
    reading = _read(
        "Police say Jane Doe is not in Mosul, but she says she is in Vail.", nlp
    )
    assert [r[4] for r in _rows(reading)] == ["Police", "Jane Doe"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the hiker is a he: "She" is the target (was 'A hiker')
        ("A hiker said he saw Jane Doe in Aspen. She told police she was heading "
         "to Denver.", "Jane Doe"),
        # a he after the hiker is still the hiker
        ("A hiker said he saw Jane Doe in Aspen. He told police she was heading "
         "to Denver.", "A hiker"),
        # a woman witness and a she: the witness, as before
        ("A woman said she saw Jane Doe in Aspen. She told police Jane Doe was "
         "heading to Denver.", "A woman"),
    ],
)  # fmt: skip
def test_a_pronoun_speaker_of_the_other_gender_is_not_the_last_speaker(
    nlp: Any, text: str, speaker: str
) -> None:
    rows = _rows(_read(text, nlp))
    assert rows[0][:2] == ("sighting", "Aspen")
    assert rows[1][1] == "Denver" and rows[1][4] == speaker


def test_the_region_of_an_earlier_sentence_keeps_the_whole_sentences_hedge(
    nlp: Any,
) -> None:
    # "the region" has no place word in its sentence: the scope rule above must
    # not cut the clause that holds it (it made this 'certain', from the first
    # clause's 'certainly', for a moment)
    text = (
        "Her brother was seen in Leeds and York last year. This certainly helps, "
        "but there is new evidence that strengthens the possibility that Jane Doe "
        "may be in the region."
    )
    claims = [r for r in _rows(_read(text, nlp)) if r[0] == "claim"]
    assert [(c[3]) for c in claims] == ["possible"]
