"""Review r30: recordings of the target named, and corrections among its own.

- A recording that shows the target by name was a proof of life whatever it
  showed: "A video released on Monday shows Hamadou Ag Alher *lying
  motionless* on the ground", "... *lying lifeless* in a truck", "... *dead*",
  "... being *executed*", "the *body* of Hamadou Ag Alher", "Ag Alher's
  *wife* addressing fighters" were alive and certain; the rules that read "shows
  *him* ..." were never asked for a name. Now a recording that shows the target
  dead, lying still ("lying *still* on a stretcher" too) or another of its own
  in its stead is no proof of life, and one that shows it dead in a word of
  death ("shows him lying *dead*") is a death, probable. Not "speaking to
  fighters", "in a hospital bed", "lying on a mat, talking to aides", "being
  carried on a stretcher, bleeding but conscious", "still lying in a hospital
  bed".
- A correction that sets another of the target's own against another ("Officials
  later backtracked, saying his bodyguard had been killed, *not his driver*",
  "... his driver *had survived*") is of which of them died, not of the
  target's death, which stands; one that names the target ("..., not
  Salcedo") still takes it back, and so now does "Officials later *corrected
  themselves*". "his bodyguard *rather than Salcedo* had died" is no death of
  the target.
"""

from __future__ import annotations

from typing import Any

import pytest

from geosleuth.evidence import LifeStatus
from reading import reader

pytestmark = pytest.mark.nlp

_alher = reader("Hamadou Ag Alher")
_salcedo = reader("Rodrigo Salcedo Ibarra")
_VIDEO = "A video released on Monday shows Hamadou Ag Alher "
_KILLED = "Officials said Rodrigo Salcedo Ibarra was killed in a raid on Monday. "


def _life(reading: Any) -> list[tuple[str, str]]:
    return [(i.status, i.hedge) for i in reading.evidence if isinstance(i, LifeStatus)]


def _reasons(reading: Any) -> list[str]:
    return [x.reason for x in reading.rejected]


# -- 1 and 3: a recording that shows the named target with no life ----------------


@pytest.mark.parametrize(
    ("text", "life"),
    [
        (_VIDEO + "lying motionless on the ground.", []),
        (_VIDEO + "lying limp on the ground.", []),
        (_VIDEO + "lying still on a stretcher.", []),
        (_VIDEO + "lying lifeless in a truck.", []),
        (_VIDEO + "being executed.", []),
        (_VIDEO + "lying dead in a truck.", [("dead", "probable")]),
        (_VIDEO + "dead.", [("dead", "probable")]),
        ("A video released on Monday shows the body of Hamadou Ag Alher.", []),
        ("A video released on Monday shows the corpse of Hamadou Ag Alher.", []),
        ("A video released on Monday shows Hamadou Ag Alher's body.", []),
        ("A video released on Monday shows Hamadou Ag Alher's funeral.", []),
        ("A photograph released on Monday shows Hamadou Ag Alher lying in a "
         "coffin.", []),
        ("ISIS released a video on Monday which it said showed Hamadou Ag Alher's "
         "body.", []),
        ("Footage released on Monday shows Hamadou Ag Alher's body.", []),
        ("A photograph of Hamadou Ag Alher lying in a coffin was released on "
         "Monday.", []),
    ],
)  # fmt: skip
def test_a_recording_of_the_named_target_dead_or_still_is_no_proof_of_life(
    nlp: Any, text: str, life: list[tuple[str, str]]
) -> None:
    assert _life(_alher(text, nlp)) == life


@pytest.mark.parametrize(
    "shown",
    [
        "lying motionless on the ground.",
        "lying lifeless in a truck.",
        "lying dead in a truck.",
    ],
)
def test_a_recording_of_him_dead_or_still_is_no_proof_of_life(
    nlp: Any, shown: str
) -> None:
    text = "Hamadou Ag Alher leads the group. A video released on Monday shows him "
    reading = _alher(text + shown, nlp)
    assert ("alive", "certain") not in _life(reading)
    assert "invalid" in _reasons(reading)


@pytest.mark.parametrize(
    "shown",
    [
        "wife addressing fighters.",
        "brother dead.",
    ],
)
def test_a_recording_of_another_of_the_targets_own_is_no_proof_of_life(
    nlp: Any, shown: str
) -> None:
    reading = _alher(
        "A video released on Monday shows Hamadou Ag Alher's " + shown, nlp
    )
    assert _life(reading) == []
    assert "not_target" in _reasons(reading)


@pytest.mark.parametrize(
    "text",
    [
        _VIDEO + "speaking to fighters.",
        _VIDEO + "in a hospital bed.",
        _VIDEO + "lying on a mat, talking to aides.",
        _VIDEO + "being carried on a stretcher, bleeding but conscious.",
        _VIDEO + "still lying in a hospital bed.",
        _VIDEO + "lying in bed, still talking to aides.",
        _VIDEO + "standing motionless beside a truck.",
        _VIDEO + "mourning his brother, who was killed in an airstrike.",
        _VIDEO + "with his wife.",
        _VIDEO + "and his deputy addressing fighters.",
        "A video released on Monday shows Hamadou Ag Alher's wife standing beside him.",
        "Hamadou Ag Alher appeared in a video released on Monday.",
    ],
)
def test_a_recording_of_the_named_target_alive_is_a_proof_of_life(
    nlp: Any, text: str
) -> None:
    assert _life(_alher(text, nlp)) == [("alive", "certain")]


# -- 2: a correction among the target's own keeps its death -----------------------


@pytest.mark.parametrize(
    "after",
    [
        "On Tuesday they said his bodyguard had been killed, not his driver.",
        "Later they said it was his driver who died, not his bodyguard.",
        "On Tuesday they said his bodyguard, not his driver, had been killed.",
        "Officials later backtracked, saying his bodyguard had been killed, not his "
        "driver.",
        "Officials later backtracked, saying it was the driver and not the bodyguard "
        "who was killed.",
        "Officials later backtracked, saying it was his driver who died, not his "
        "bodyguard.",
        "Officials later backtracked, saying the dead man was his bodyguard, not his "
        "driver.",
        "Officials later backtracked, saying his bodyguard rather than his driver "
        "had died.",
        "Officials later backtracked, saying his driver had survived and his "
        "bodyguard had died.",
        "Officials later backtracked, saying his bodyguard had survived.",
        "Officials later corrected themselves: the bodyguard had died, not the driver.",
    ],
)
def test_a_correction_among_the_targets_own_keeps_its_death(
    nlp: Any, after: str
) -> None:
    life = [
        (i.status, i.hedge, i.provenance.speaker)
        for i in _salcedo(_KILLED + after, nlp).evidence
        if isinstance(i, LifeStatus)
    ]
    assert life == [("dead", "certain", "Officials")]


@pytest.mark.parametrize(
    "after",
    [
        "Officials later backtracked, saying his bodyguard had been killed, not "
        "Salcedo.",
        "Officials later backtracked, saying his bodyguard, not Salcedo, had been "
        "killed.",
        "Officials later backtracked, saying it was his bodyguard and not Salcedo "
        "who was killed.",
        "Officials later backtracked, saying his bodyguard had been killed.",
        "Officials later backtracked, saying his bodyguard and his driver had been "
        "killed.",
        "Officials later backtracked, saying his men had carried him away alive.",
        "Officials later corrected themselves: the bodyguard had died, not Salcedo.",
        "Officials later corrected themselves.",
        "Officials later backtracked, saying his bodyguard rather than Salcedo had "
        "died.",
    ],
)
def test_a_correction_that_names_the_target_takes_its_death_back(
    nlp: Any, after: str
) -> None:
    reading = _salcedo(_KILLED + after, nlp)
    assert _life(reading) == []
    assert "negated" in _reasons(reading)


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Officials said his bodyguard rather than Salcedo had died.", False),
        ("Officials said his bodyguard instead of Salcedo had been killed.", False),
        ("Officials said Salcedo rather than his bodyguard had died.", True),
        ("Officials said Salcedo and his bodyguard had been killed.", True),
    ],
)
def test_one_set_against_the_dead_is_not_among_them(
    nlp: Any, text: str, dead: bool
) -> None:
    assert bool(_life(_salcedo(text, nlp))) is dead
