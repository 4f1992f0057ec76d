"""Death reports taken back, and survival, from a journalist's review (r11, #11).

"The army admitted it had been wrong to say X was killed", "Reports of X's death
were premature", "retracted its claim that X had been killed" each lowered
P(alive) as a death claim; "X survived the strike" gave nothing.
"""

from __future__ import annotations

from typing import Any

import pytest

from geosleuth.evidence import LifeStatus
from reading import reader, set_aside

pytestmark = pytest.mark.nlp

_read = reader("Khalid al-Rashid")


def _life(reading: Any) -> list[tuple[str, str | None]]:
    return [
        (i.status, i.provenance.speaker)
        for i in reading.evidence
        if isinstance(i, LifeStatus)
    ]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The army admitted it had been wrong to say Khalid al-Rashid was killed.",
         "wrong to say"),
        ("Reports of Khalid al-Rashid's death were premature, his spokesman said.",
         "premature"),
        ("The army later retracted its claim that Khalid al-Rashid had been killed.",
         "retracted"),
        ("The ministry withdrew its statement that Khalid al-Rashid was dead.",
         "withdrew"),
        ("Khalid al-Rashid was mistakenly reported killed last year.", "mistakenly"),
    ],
)  # fmt: skip
def test_a_death_report_taken_back_is_no_death_claim(
    nlp: Any, text: str, cue: str
) -> None:
    reading = _read(text, nlp)
    assert _life(reading) == []
    reasons = set_aside(reading)
    assert any(r == "negated" for r, _ in reasons), reasons
    assert any(cue in x.detail for x in reading.rejected)


def test_surviving_is_said_to_be_alive(nlp: Any) -> None:
    reading = _read("Khalid al-Rashid survived the strike, officials said.", nlp)
    assert _life(reading) == [("alive", "Officials")]


@pytest.mark.parametrize(
    "text",
    [
        "Khalid al-Rashid was killed in Raqqa on Tuesday, the army said.",
        "The army said it was right to say Khalid al-Rashid was killed.",
    ],
)
def test_a_death_claim_stands(nlp: Any, text: str) -> None:
    assert [s for s, _ in _life(_read(text, nlp))] == ["dead"]


@pytest.mark.parametrize(
    "text",
    [
        # an obituary's words: the one survived by others is dead
        "Khalid al-Rashid is survived by his mother and two sons.",
        # whom "he" is, the rule of the person named last only guesses
        "Khalid al-Rashid met a trader who fell ill, although he survived.",
    ],
)
def test_survived_by_and_a_pronoun_that_survived_say_nothing_of_life(
    nlp: Any, text: str
) -> None:
    assert [s for s, _ in _life(_read(text, nlp))] == []
