"""Life and death claims that a review (r23, rule 2) found read wrong.

"That statement was wrong" in the next sentence took back the death whoever said
it and whatever it corrected; "the group, *once* led by X, said its commander had
been killed" gave X's death; a video that shows the target "in 2015", or one
called a fake, was a proof of life on its release; and the wife's word that her
husband was alive took the speaker of the next clause ("; the military insists
he was killed"), whose death was lost.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geosleuth.evidence import Grade, LifeStatus
from reading import reader, set_aside

pytestmark = pytest.mark.nlp

_salcedo = reader("Rodrigo Salcedo Ibarra")
_alher = reader("Hamadou Ag Alher")
_jalmaani = reader("Mundi Jalmaani")


def _life(reading: Any, status: str) -> list[LifeStatus]:
    return [
        i for i in reading.evidence if isinstance(i, LifeStatus) and i.status == status
    ]


# -- L-a: a take-back is the claimant's own, and of the death ------------------------

_KILLED = "The army said on Monday that Salcedo was killed in the clash. "


@pytest.mark.parametrize(
    "text",
    [
        # another detail corrected
        "The army said on Monday that Salcedo was killed in a clash near Tamazula. "
        "On Tuesday it said that statement was wrong: the clash had taken place "
        "near Cosalá.",
        # the family's word, and the army keeps it
        _KILLED + "Salcedo's family said that statement was wrong, but the army "
        "stood by it.",
        _KILLED + "Salcedo's family said that statement was wrong.",
        _KILLED + "Salcedo's lawyer said the statement was wrong.",
        "Salcedo was killed in the clash, the army said on Monday. That statement "
        "was wrong, his lawyer insisted.",
        # "that statement" is the wounded one
        _KILLED + "It had earlier said he was wounded; that statement was wrong, "
        "officials said.",
        # the army's own, but the ministry keeps it
        _KILLED + "The army later said that statement was wrong, but the ministry "
        "maintained it.",
    ],
)
def test_a_death_not_taken_back_by_its_claimant_stays(nlp: Any, text: str) -> None:
    reading = _salcedo(text, nlp)
    [dead] = _life(reading, "dead")
    assert (dead.provenance.speaker, dead.hedge) == ("Army", "certain")
    assert not any("taken back" in x.detail for x in reading.rejected)


@pytest.mark.parametrize(
    "after",
    [
        "The army said that statement was wrong.",
        "They later said that statement was wrong.",
        "On Tuesday the defence ministry said that statement was wrong.",
        "That statement was wrong, the army said on Tuesday.",
        "Officials later said the announcement had been premature.",
        "Hours later, it withdrew the statement.",
    ],
)
def test_a_death_taken_back_by_its_claimant_is_none(nlp: Any, after: str) -> None:
    reading = _salcedo(_KILLED + after, nlp)
    assert not _life(reading, "dead")
    assert any("taken back in the next sentence" in x.detail for x in reading.rejected)


# -- L-b: the group the target once led ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The group, once led by Hamadou Ag Alher, said on Monday that its commander "
        "had been killed.",
        "The group, formerly led by Hamadou Ag Alher, said on Monday that its "
        "commander had been killed.",
        "Ag Alher's former group said its commander had been killed.",
        "The group founded by Hamadou Ag Alher said its commander had been killed.",
        # a predecessor
        "The group led by Hamadou Ag Alher said that its commander had been killed "
        "in 2016, before Ag Alher took over.",
        "The group led by Hamadou Ag Alher said its commander had been killed, and "
        "Ag Alher vowed revenge.",
    ],
)
def test_the_commander_of_a_group_the_target_led_once_is_another(
    nlp: Any, text: str
) -> None:
    reading = _alher(text, nlp)
    assert not _life(reading, "dead")
    assert ("not_target", text) in set_aside(reading)


def test_the_group_the_target_leads_now_still_tells_its_death(nlp: Any) -> None:
    reading = _alher(
        "Ag Alher's group said in a statement that its commander had been killed.",
        nlp,
    )
    [dead] = _life(reading, "dead")
    assert dead.provenance.speaker == "Ag Alher's group"


# -- L-c: a recording of a past time, or called fake ---------------------------------

_SEEN = "Hamadou Ag Alher was last seen in Menaka in 2017. "


@pytest.mark.parametrize(
    ("sentence", "why"),
    [
        ("A video released on 2 June shows him in 2015 addressing fighters.", "2015"),
        ("A video released on 2 June shows him addressing fighters in 2015.", "2015"),
        (
            "A video released on 2 June shows Ag Alher in 2015 addressing fighters.",
            "2015",
        ),
        (
            "A video released on 2 June purportedly shows him, but French officials "
            "said it was a fake.",
            "it was a fake",
        ),
        (
            "A video released on 2 June shows him addressing fighters, but French "
            "officials said it was a fake.",
            "it was a fake",
        ),
        (
            "A video released on 2 June shows him addressing fighters. French "
            "officials said the video was fake.",
            "the video was fake",
        ),
    ],
)
def test_a_recording_of_a_past_time_or_called_fake_is_no_proof_of_life(
    nlp: Any, sentence: str, why: str
) -> None:
    reading = _alher(_SEEN + sentence, nlp)
    assert not _life(reading, "alive")
    assert any(repr(why) in x.detail for x in reading.rejected)


def test_a_recording_that_shows_a_day_is_dated_by_it(nlp: Any) -> None:
    reading = _alher(
        _SEEN + "A video released on 5 June shows him on 2 June addressing fighters.",
        nlp,
    )
    [alive] = _life(reading, "alive")
    assert (alive.date, alive.hedge) == (dt.date(2018, 6, 2), "certain")


@pytest.mark.parametrize(
    "after",
    [
        "French officials said it was not a fake.",
        "Experts were checking whether it was a fake.",
    ],
)
def test_a_recording_not_called_fake_stays_a_proof_of_life(
    nlp: Any, after: str
) -> None:
    reading = _alher(
        _SEEN + "A video released on 2 June shows him addressing fighters. " + after,
        nlp,
    )
    [alive] = _life(reading, "alive")
    assert alive.date == dt.date(2018, 6, 2)


# -- L-e: the wife's word and the military's in one sentence -------------------------


@pytest.mark.parametrize("who", ["he", "Jalmaani"])
def test_the_wifes_life_and_the_militarys_death_are_each_their_own(
    nlp: Any, who: str
) -> None:
    reading = _jalmaani(
        f"Jalmaani's wife said her husband was alive; the military insists {who} "
        "was killed in Indanan.",
        nlp,
    )
    [alive] = _life(reading, "alive")
    assert (alive.provenance.speaker, alive.grade) == ("Jalmaani's wife", Grade("F", 3))
    [dead] = _life(reading, "dead")
    assert (dead.provenance.speaker, dead.grade) == ("Military", Grade("F", 2))


def test_the_lawyers_word_keeps_the_lawyer_as_speaker(nlp: Any) -> None:
    reading = _jalmaani(
        "Jalmaani's lawyer, who also represents his brother Abdul, said his client "
        "was alive.",
        nlp,
    )
    [alive] = _life(reading, "alive")
    assert alive.provenance.speaker == "Jalmaani's lawyer"
