"""Life and death beyond the target's name, from an OSINT review (r21, D 12, 14, 15).

A video that shows the target as "him" was lost; a death claim taken back in the
next sentence ("On Wednesday it said that statement was wrong") stayed a certain
death; the word of the target's wife or lawyer ("her husband was alive", "her
client was 'alive and well'") and of the group it leads ("its commander had been
killed") was missed; and a wife's statement made in a video was read as a
recording of the target.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geosleuth.evidence import Grade, LifeStatus
from reading import reader, set_aside

pytestmark = pytest.mark.nlp

_read = reader("Hamadou Ag Alher")
_salcedo = reader("Rodrigo Salcedo Ibarra")
_jalmaani = reader("Mundi Jalmaani")

_SEEN = "Hamadou Ag Alher was last seen in Menaka in 2017. "


def _life(reading: Any, status: str) -> list[LifeStatus]:
    return [
        i for i in reading.evidence if isinstance(i, LifeStatus) and i.status == status
    ]


# -- F12: a recording that shows the target as "him" ---------------------------------


def test_a_video_that_shows_him_is_a_proof_of_life(nlp: Any) -> None:
    reading = _read(
        "Rumours that Ag Alher had been killed in a French airstrike near Tessit "
        "in January spread widely on social media. But a video released by the "
        "group's media arm on 2 June shows him addressing fighters, and a French "
        "military source said the footage appeared genuine.",
        nlp,
    )
    [alive] = _life(reading, "alive")
    assert alive.date == dt.date(2018, 6, 2)
    assert alive.hedge == "probable"  # "appeared genuine"
    assert "'him'" in alive.note


def test_a_video_that_shows_him_alive_is_a_proof_of_life(nlp: Any) -> None:
    reading = _read(_SEEN + "A video dated 2 June shows him alive.", nlp)
    [alive] = _life(reading, "alive")
    assert (alive.date, alive.hedge) == (dt.date(2018, 6, 2), "certain")


@pytest.mark.parametrize(
    "sentence",
    [
        "A video dated 2 June shows him dead.",  # a death shown
        "A video released on 2 June shows soldiers searching for him.",
        "A video released on 2 June shows the army hunting him.",
        "A video released on 2 June does not show him.",
    ],
)
def test_a_video_that_does_not_show_him_alive_is_none(nlp: Any, sentence: str) -> None:
    assert not _life(_read(_SEEN + sentence, nlp), "alive")


def test_a_statement_made_in_a_video_by_another_is_no_recording_of_the_target(
    nlp: Any,
) -> None:
    # the wife's video: her word that he was killed, not a proof of his life
    reading = _jalmaani(
        "Jalmaani's wife said in a video released on 2 June that he had been killed.",
        nlp,
    )
    assert not _life(reading, "alive")
    [dead] = _life(reading, "dead")
    assert dead.provenance.speaker == "Jalmaani's wife"
    assert any(
        "recording in which another speaks" in x.detail for x in reading.rejected
    )


def test_the_targets_own_audio_message_stays_a_proof_of_life(nlp: Any) -> None:
    reading = _jalmaani(
        "Mundi Jalmaani said in an audio message released on 2 June that he would "
        "never surrender.",
        nlp,
    )
    [alive] = _life(reading, "alive")
    assert alive.grade == Grade("F", 2)
    assert alive.note.startswith("proof of life")


# -- F14: a death claim taken back in the next sentence ------------------------------

_CLAIMED = (
    "Rodrigo Salcedo Ibarra is wanted. The army said on Monday that Salcedo was "
    "killed in the clash. "
)


@pytest.mark.parametrize(
    "after",
    [
        'On Tuesday it said that statement was wrong: "Salcedo survived the clash '
        'and fled on foot," a ministry spokesman said.',
        "The army later retracted the claim.",
        "The army later admitted it had been wrong.",
        "That report was false, police said on Tuesday.",
    ],
)
def test_a_death_taken_back_in_the_next_sentence_is_no_death(
    nlp: Any, after: str
) -> None:
    reading = _salcedo(_CLAIMED + after, nlp)
    assert not _life(reading, "dead")
    assert any("taken back in the next sentence" in x.detail for x in reading.rejected)


@pytest.mark.parametrize(
    "after",
    [
        "The army did not retract the claim.",
        "The report that his brother had fled was false, police said.",
        "The army later admitted it had been wrong to raid the house.",
        "Police said the report was accurate.",
        "His brother was arrested. That report was false.",  # not the next sentence
    ],
)
def test_a_death_not_taken_back_stays(nlp: Any, after: str) -> None:
    [dead] = _life(_salcedo(_CLAIMED + after, nlp), "dead")
    assert dead.provenance.speaker == "Army"


# -- F15: the target's wife, lawyer and group --------------------------------------


def test_the_wife_saying_her_husband_is_alive_is_a_claim_of_life(nlp: Any) -> None:
    reading = _jalmaani(
        "The wife of Abu Sayyaf sub-leader Mundi Jalmaani said on Monday that her "
        "husband was alive and hiding in the hinterlands of Patikul, contradicting "
        "a military claim that he was killed in a clash in Indanan last month.",
        nlp,
    )
    [alive] = _life(reading, "alive")
    # the military's "claim", in another statement, does not hedge hers
    assert (alive.hedge, alive.grade, alive.date) == (
        "certain",
        Grade("F", 3),
        dt.date(2018, 6, 4),
    )
    assert "'husband'" in alive.note
    assert not _life(reading, "dead")


def test_the_lawyer_saying_her_client_is_alive_and_well_is_a_claim_of_life(
    nlp: Any,
) -> None:
    reading = _salcedo(
        'Salcedo\'s lawyer, Ana Lucía Pérez, said her client was "alive and well" '
        "and would not surrender.",
        nlp,
    )
    [alive] = _life(reading, "alive")
    # "would not surrender" is another statement, and does not hedge this one
    assert (alive.hedge, alive.grade) == ("certain", Grade("F", 3))
    assert alive.provenance.speaker == "Ana Lucía Pérez"


@pytest.mark.parametrize(
    "text",
    [
        "Salcedo's lawyer said his brother was alive.",  # someone else's brother
        "Her husband was alive, Salcedo's lawyer said.",  # the lawyer has no husband
        "Salcedo's mother said her son was alive.",  # her son may be his brother
        "Salcedo's wife said her husband was not alive.",
        "Salcedo's lawyer said her client hoped the man was alive.",
    ],
)
def test_others_said_to_be_alive_are_not_the_target(nlp: Any, text: str) -> None:
    assert not _life(_salcedo(text, nlp), "alive")


def test_the_wife_saying_her_husband_was_killed_is_a_death_claim(nlp: Any) -> None:
    [dead] = _life(_salcedo("Salcedo's wife said her husband was killed.", nlp), "dead")
    assert dead.provenance.speaker == "Salcedo's wife"


def test_the_group_the_target_leads_saying_its_commander_was_killed(
    nlp: Any,
) -> None:
    reading = _read(
        "The jihadist group led by Hamadou Ag Alher said on Monday that its "
        "commander had been killed.",
        nlp,
    )
    [dead] = _life(reading, "dead")
    assert dead.date == dt.date(2018, 6, 4)


@pytest.mark.parametrize(
    "text",
    [
        "The jihadist group led by Hamadou Ag Alher said on Monday that its deputy "
        "commander had been killed.",
        "The army, which fought the group led by Hamadou Ag Alher, said its "
        "commander had been killed.",
        "The group led by Hamadou Ag Alher said its commander in Gao, Abu Talha, "
        "had been killed.",
    ],
)
def test_another_commander_killed_is_not_the_target(nlp: Any, text: str) -> None:
    reading = _read(text, nlp)
    assert not _life(reading, "dead")
    assert ("not_target", text) in set_aside(reading)


def test_the_group_and_the_body_give_one_death_resting_on_the_body(nlp: Any) -> None:
    reading = _read(
        "Hamadou Ag Alher was killed on Monday, and his body was found near Ayorou.",
        nlp,
    )
    [dead] = _life(reading, "dead")
    assert dead.body


def test_the_wife_who_spoke_to_him_makes_a_claim_of_life(nlp: Any) -> None:
    reading = _jalmaani(
        "But Jalmaani's wife, Nurhaida, who surrendered to police in Jolo last "
        "week, said in a video released by her lawyer that she had spoken to him "
        "by phone on 27 May.",
        nlp,
    )
    [alive] = _life(reading, "alive")
    # her word (a relative's, F3), dated by the call; not a recording of him (F2)
    assert (alive.date, alive.grade) == (dt.date(2018, 5, 27), Grade("F", 3))
    assert alive.provenance.speaker == "Jalmaani's wife"
    assert "spoken to him" in alive.note


@pytest.mark.parametrize(
    "text",
    [
        "Jalmaani's wife said she had not heard from him since March.",
        "Police want to speak to Mundi Jalmaani.",
        "Jalmaani's wife said she had spoken to her sister on Monday.",
        "Jalmaani's mother said she had spoken to him on Monday.",
        "Police said they had spoken to Jalmaani's wife on Monday.",
        # anyone's conversation with the target is news, not the word of kin
        "Councillor Lewis said he talked to Mundi Jalmaani on Monday.",
    ],
)
def test_no_contact_with_the_target_is_no_claim_of_life(nlp: Any, text: str) -> None:
    assert not _life(_jalmaani(text, nlp), "alive")
