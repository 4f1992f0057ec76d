"""Review r38, MEDIUM: a relative's own death given to the target, with near-misses.

- "Salcedo's brother ... said before *his* death that ...": the death in the
  time phrase of a verb whose subject is one of the target's own (a brother, a
  deputy) is that one's, not the target's.
- "Jane Doe's sister, reported missing in 2016, was found dead": the parse
  makes the set-off participle the verb; the one found dead is its subject,
  the sister, not Jane Doe.
- "Ag Alher's *deputy* appeared in a video": one of the target's own appears,
  no proof of life of the target.
"""

from __future__ import annotations

from typing import Any

import pytest

from reading import claims, reader

pytestmark = pytest.mark.nlp

_ag_alher = reader("Hamadou Ag Alher")
_doe = reader("Jane Doe")
_salcedo = reader("Rodrigo Salcedo Ibarra")


def _deaths(reading: Any) -> list[str]:
    return [i.hedge for i in reading.evidence if getattr(i, "status", None) == "dead"]


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Rodrigo Salcedo Ibarra's brother, who was killed in 2017, said before his "
         "death that Salcedo was hiding in Durango.", False),
        ("Rodrigo Salcedo Ibarra's brother said before his death that Salcedo was "
         "hiding in Durango.", False),
        # near-misses: "his" is not the speaker's own, or the target is named
        ("Police said before his death that Rodrigo Salcedo Ibarra was hiding in "
         "Durango.", True),
        ("Rodrigo Salcedo Ibarra was hiding in Durango before his death, his brother "
         "said.", True),
        ("Rodrigo Salcedo Ibarra, who was killed in 2017, was hiding in Durango "
         "before his death, his brother said.", True),
    ],
)  # fmt: skip
def test_a_relatives_own_death_before_he_spoke(text: str, dead: bool, nlp: Any) -> None:
    r = _salcedo(text, nlp)
    assert bool(_deaths(r)) is dead
    assert [c.place_name for c in claims(r)] == ["Durango"]


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Jane Doe's sister, reported missing in 2016, was found dead in York on "
         "Monday.", False),
        ("Jane Doe's sister was reported missing in 2016 and was found dead in York "
         "on Monday.", False),
        # near-miss: the target herself found dead
        ("Jane Doe, reported missing in 2016, was found dead in York on Monday.",
         True),
    ],
)  # fmt: skip
def test_a_relative_found_dead_after_a_set_off_phrase(
    text: str, dead: bool, nlp: Any
) -> None:
    assert bool(_deaths(_doe(text, nlp))) is dead


def _alive(reading: Any) -> list[str]:
    return [i.hedge for i in reading.evidence if getattr(i, "status", None) == "alive"]


@pytest.mark.parametrize(
    ("text", "alive"),
    [
        ("Hamadou Ag Alher's deputy appeared in a video released on Monday.", []),
        ("Hamadou Ag Alher's deputy appeared in a video released on Monday, weeks "
         "after the army said he had been killed.", []),
        # near-misses: the target appears himself
        ("Hamadou Ag Alher appeared in a video released on Monday.", ["certain"]),
        ("Hamadou Ag Alher appeared with his deputy in a video released on Monday.",
         ["certain"]),
        ("His deputy said Hamadou Ag Alher appeared in a video released on Monday.",
         ["certain"]),
    ],
)  # fmt: skip
def test_another_of_the_targets_own_appears_in_a_video(
    text: str, alive: list[str], nlp: Any
) -> None:
    assert _alive(_ag_alher(text, nlp)) == alive
