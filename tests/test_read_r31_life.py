"""Review r31: a relative clause of the target, a speaker aside, a contrast.

- A relative clause of the target tells of another time than its recording:
  "Hamadou Ag Alher, *whom French forces claimed to have killed in 2017*,
  appeared in a video released on Sunday" was one proof of life, hedged by
  "claimed" and spoken by French forces. Now it reads as the two sentences
  "French forces claimed to have killed Hamadou Ag Alher in 2017. He appeared
  in a video released on Sunday." do: French forces' death, possible, of 2017,
  and the video's proof of life, certain, of Sunday, with no speaker. A plain
  death in the clause ("whom French forces killed in 2017") is the article's
  word beside the video: both items. The one who died is the noun the
  relative pronoun stands for ("Rodrigo Salcedo Ibarra, *who* was killed in a
  raid on Monday, led the cartel" had been no death of the target), and a
  death told only in a relative clause is dated, hedged and negated there
  (not by "since joining the Marines *in 2005*" of the main clause).
- A speaker named only in a clause aside ("..., speaking to fighters in *what
  analysts said* appeared to be the Kidal region") does not speak the proof of
  life: the video does.
- "Officials said Salcedo, *not his bodyguard*, had been killed": the "not"
  tells which one died, and denies no death; "his bodyguard, *not Salcedo*"
  is still no death of the target.
- "A video released on Monday shows *him* lying dead in a truck", "him" the
  target, is a death, probable, as "shows Hamadou Ag Alher lying dead" is.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geosleuth.evidence import LifeStatus
from reading import reader

pytestmark = pytest.mark.nlp

_alher = reader("Hamadou Ag Alher")
_salcedo = reader("Rodrigo Salcedo Ibarra")
_SUNDAY = dt.date(2018, 6, 3)
_MONDAY = dt.date(2018, 6, 4)
_IN_2017 = dt.date(2017, 12, 31)
_VIDEO = "appeared in a video released on Sunday."


def _life(reading: Any) -> list[tuple[str, str, dt.date, str | None]]:
    return sorted(
        (i.status, i.hedge, i.date, i.provenance.speaker)
        for i in reading.evidence
        if isinstance(i, LifeStatus)
    )


def _reasons(reading: Any) -> list[str]:
    return [x.reason for x in reading.rejected]


# -- 1: a relative clause of the target beside its recording -----------------------


@pytest.mark.parametrize(
    ("text", "death"),
    [
        ("Hamadou Ag Alher, whom French forces claimed to have killed in 2017, "
         + _VIDEO, ("dead", "possible", _IN_2017, "French forces")),
        ("French forces claimed to have killed Hamadou Ag Alher in 2017. He "
         + _VIDEO, ("dead", "possible", _IN_2017, "French forces")),
        ("Hamadou Ag Alher, who French officials said was killed in 2017, "
         + _VIDEO, ("dead", "certain", _IN_2017, "French officials")),
        ("Hamadou Ag Alher, whose death French forces announced in 2017, "
         + _VIDEO, ("dead", "certain", _IN_2017, "French forces")),
        ("Hamadou Ag Alher, whom French forces killed in 2017, " + _VIDEO,
         ("dead", "certain", _IN_2017, None)),
        ("Hamadou Ag Alher, who was reportedly killed in 2017, " + _VIDEO,
         ("dead", "probable", _IN_2017, None)),
        ("Hamadou Ag Alher, who French officials said was killed on 12 May, "
         + _VIDEO, ("dead", "certain", dt.date(2018, 5, 12), "French officials")),
    ],
)  # fmt: skip
def test_a_death_in_a_relative_clause_is_read_beside_the_recording(
    nlp: Any, text: str, death: tuple[str, str, dt.date, str | None]
) -> None:
    alive = ("alive", "certain", _SUNDAY, None)
    assert _life(_alher(text, nlp)) == sorted([death, alive])


@pytest.mark.parametrize(
    "text",
    [
        "Hamadou Ag Alher " + _VIDEO,
        "Hamadou Ag Alher, who leads the group, " + _VIDEO,
        "Hamadou Ag Alher, who analysts say leads the group, " + _VIDEO,
        "A video released on Sunday shows Hamadou Ag Alher, who was wounded in "
        "2017, addressing fighters.",
    ],
)
def test_a_relative_clause_with_no_death_leaves_the_proof_of_life(
    nlp: Any, text: str
) -> None:
    assert _life(_alher(text, nlp)) == [("alive", "certain", _SUNDAY, None)]


def test_a_recording_in_the_relative_clause_leaves_the_main_clauses_death(
    nlp: Any,
) -> None:
    text = (
        "Hamadou Ag Alher, who appeared in a video released on Sunday, was killed "
        "on Monday, French officials said."
    )
    assert _life(_alher(text, nlp)) == [
        ("alive", "certain", _SUNDAY, "French officials"),
        ("dead", "certain", _MONDAY, "French officials"),
    ]


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Rodrigo Salcedo Ibarra, who was killed in a raid on Monday, led the "
         "cartel.", True),
        ("Rodrigo Salcedo Ibarra, whom soldiers killed in a raid on Monday, led "
         "the cartel.", True),
        ("Rodrigo Salcedo Ibarra's bodyguard, who was killed in a raid on Monday, "
         "led the cartel.", False),
    ],
)  # fmt: skip
def test_the_one_a_relative_pronoun_stands_for_dies(
    nlp: Any, text: str, dead: bool
) -> None:
    assert bool(_life(_salcedo(text, nlp))) is dead


@pytest.mark.parametrize(
    "text",
    [
        "Rodrigo Salcedo Ibarra, who was buried with full military honors, earned "
        "seven commendations since joining the Marines in 2005.",
        "Rodrigo Salcedo Ibarra, who was killed in a raid, was not the cartel's "
        "leader in 2005.",
    ],
)
def test_a_death_in_a_relative_clause_is_dated_and_negated_there(
    nlp: Any, text: str
) -> None:
    # the main clause's year is not the death's, nor its "not" a denial of it
    assert _life(_salcedo(text, nlp)) == [
        ("dead", "certain", dt.date(2018, 6, 5), None)
    ]


# -- 2: a speaker aside does not speak the proof of life ---------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Hamadou Ag Alher appeared in a video released on Sunday, speaking to "
         "fighters in what analysts said appeared to be the Kidal region.", None),
        ("Hamadou Ag Alher appeared in a video released on Sunday, analysts "
         "said.", "Analysts"),
        ("Analysts said Hamadou Ag Alher " + _VIDEO, "Analysts"),
        ("Hamadou Ag Alher, analysts said, " + _VIDEO, "Analysts"),
        ("A video, which analysts said was genuine, released on Sunday shows "
         "Hamadou Ag Alher addressing fighters.", "Analysts"),
    ],
)  # fmt: skip
def test_a_speaker_aside_does_not_speak_the_proof_of_life(
    nlp: Any, text: str, speaker: str | None
) -> None:
    assert _life(_alher(text, nlp)) == [("alive", "certain", _SUNDAY, speaker)]


# -- 3: a contrast tells which one died -------------------------------------------


@pytest.mark.parametrize(
    ("text", "life"),
    [
        ("Officials said Rodrigo Salcedo Ibarra, not his bodyguard, had been "
         "killed.", [("dead", "certain", dt.date(2018, 6, 5), "Officials")]),
        ("Officials said Rodrigo Salcedo Ibarra, and not his bodyguard, had been "
         "killed.", [("dead", "certain", dt.date(2018, 6, 5), "Officials")]),
        ("Officials said Rodrigo Salcedo Ibarra had been killed, not his "
         "bodyguard.", [("dead", "certain", dt.date(2018, 6, 5), "Officials")]),
        ("Officials said his bodyguard, not Rodrigo Salcedo Ibarra, had been "
         "killed.", []),
        ("Officials said his bodyguard had been killed, not Rodrigo Salcedo "
         "Ibarra.", []),
        ("Officials said Rodrigo Salcedo Ibarra, not his bodyguard, was not "
         "killed.", []),
    ],
)  # fmt: skip
def test_a_contrast_tells_which_one_died(
    nlp: Any, text: str, life: list[tuple[str, str, dt.date, str | None]]
) -> None:
    assert _life(_salcedo(text, nlp)) == life


# -- 4: a recording that shows "him" dead -----------------------------------------


@pytest.mark.parametrize(
    ("shown", "life"),
    [
        ("lying dead in a truck.", [("dead", "probable", _MONDAY, None)]),
        ("dead.", [("dead", "probable", _MONDAY, None)]),
        ("lying motionless on the ground.", []),
        ("addressing fighters.", [("alive", "certain", _MONDAY, None)]),
    ],
)
def test_a_recording_of_him_dead_is_a_death(
    nlp: Any, shown: str, life: list[tuple[str, str, dt.date, str | None]]
) -> None:
    text = "Hamadou Ag Alher leads the group. A video released on Monday shows him "
    assert _life(_alher(text + shown, nlp)) == life


def test_a_recording_of_another_him_dead_is_no_death(nlp: Any) -> None:
    text = (
        "Hamadou Ag Alher leads the group. His brother was arrested. A video "
        "released on Monday shows him lying dead in a truck."
    )
    assert _life(_alher(text, nlp)) == []
