"""Review r32 (life): what a recording shows, old or fake recordings, corrections.

- H1. "A video released on Monday shows Hamadou Ag Alher standing over *the
  body of his deputy*" had no proof of life: 2f450f8 took any "body",
  "corpse", "funeral", "coffin" or "still" below "shows" for the target's
  death. A noun of the dead is the one shown only as where it lies ("lying
  *in a coffin*"); lying still is no proof of life only with nothing after it
  that shows life ("lying still in a hospital bed, *talking* to a nurse"),
  and "..., but officials say he survived" is the officials' word of life.
- H2. "An old video", "A fake video", "A doctored video" shows no life, in the
  body or the headline; a headline "Video shows X alive" over a body that
  dates the video to 2015 is withdrawn; a quoted headline is possible.
- H3, H4. A correction that names who died instead ("it was his bodyguard, not
  Salcedo, who had died", "his bodyguard had been killed, not him", "he had
  survived", "the dead man was his bodyguard") takes the death back, and is
  no second death; "it was Salcedo, not his bodyguard, who had been killed" is
  the target's death (M7).
- H4. "Salcedo, *reported dead in 2017*, ..." is a reported death of 2017, no
  one's word (not the target's own); "..., declared dead in 2017, is alive"
  dates the word of life by its own statement; a recording of "a man
  resembling" the target, or of soldiers over its body, or one that "purports
  to show" it dead, is no proof of life; "A post claiming Jane Doe was dead"
  is hearsay (possible).
- M5, M6. A fronted "Weeks after the government said he had been killed, a
  video ... shows ..." and "nearly a year after" keep the government's death;
  "whom French forces claimed to have killed" is French forces' word.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geosleuth.evidence import LifeStatus
from geosleuth.read.document import read_text
from reading import PUB, reader

pytestmark = pytest.mark.nlp

_alher = reader("Hamadou Ag Alher")
_salcedo = reader("Rodrigo Salcedo Ibarra")
_doe = reader("Jane Doe")
_MONDAY = dt.date(2018, 6, 4)
_VIDEO = "A video released on Monday shows Hamadou Ag Alher"
_PROOF = ("alive", "certain", _MONDAY, None, None)
_KILLED = "Officials said Rodrigo Salcedo Ibarra was killed in a raid on Monday. "


def _life(reading: Any) -> list[tuple[str, str, dt.date, dt.date | None, str | None]]:
    return sorted(
        (i.status, i.hedge, i.date, i.date_from, i.provenance.speaker)
        for i in reading.evidence
        if isinstance(i, LifeStatus)
    )


def _statuses(reading: Any) -> list[str]:
    return [s for s, *_ in _life(reading)]


# -- H1: what the one shown does is no death --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        _VIDEO + " standing over the body of his deputy.",
        "Hamadou Ag Alher leads the group. A video released on Monday shows him "
        "standing over the body of his deputy.",
        _VIDEO + " carrying the body of a wounded fighter.",
        _VIDEO + " weeping over the body of his son.",
        _VIDEO + " mourning at the funeral of his brother.",
        _VIDEO + " speaking at his brother's funeral.",
        _VIDEO + " beside a coffin.",
        _VIDEO + " alive, his body covered in bandages.",
        _VIDEO + " lying still in a hospital bed, talking to a nurse.",
        _VIDEO + " lying still in a hospital bed, his chest rising and falling.",
        _VIDEO + " lying motionless, before he gets up and addresses fighters.",
        _VIDEO + " lying still on a mat as a doctor treats his wounds, then "
        "speaking to the camera.",
    ],
)
def test_a_body_or_funeral_beside_the_one_shown_keeps_the_proof_of_life(
    nlp: Any, text: str
) -> None:
    assert _life(_alher(text, nlp)) == [_PROOF]


@pytest.mark.parametrize(
    "text",
    [
        _VIDEO + " lying motionless on the ground.",
        _VIDEO + " lying motionless, his eyes closed.",
        _VIDEO + " lying motionless on the ground as soldiers stand over him.",
        _VIDEO + " lying in a coffin.",
        _VIDEO + " lying lifeless in the street.",
        "A video released on Monday shows Hamadou Ag Alher's body.",
        "A video released on Monday shows the body of Hamadou Ag Alher.",
        "A video released on Monday shows Hamadou Ag Alher's funeral.",
    ],
)
def test_the_one_shown_dead_or_still_is_still_no_proof_of_life(
    nlp: Any, text: str
) -> None:
    assert "alive" not in _statuses(_alher(text, nlp))


def test_lying_motionless_but_officials_say_he_survived_is_their_word(
    nlp: Any,
) -> None:
    text = _VIDEO + " lying motionless, but officials say he survived."
    [(status, hedge, _, _, speaker)] = _life(_alher(text, nlp))
    assert (status, hedge, speaker) == ("alive", "certain", "Officials")


def test_shown_dead_is_still_a_probable_death(nlp: Any) -> None:
    reading = _alher(_VIDEO + " lying dead in a truck.", nlp)
    assert _life(reading) == [("dead", "probable", _MONDAY, None, None)]


# -- H2: old or fake recordings -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "An old video shows Hamadou Ag Alher alive.",
        "A fake video shows Hamadou Ag Alher alive, officials say.",
        "A doctored video shows Hamadou Ag Alher alive.",
        "An old video released on Monday shows Hamadou Ag Alher addressing fighters.",
    ],
)
def test_an_old_or_fake_recording_is_no_proof_of_life(nlp: Any, text: str) -> None:
    assert _life(_alher(text, nlp)) == []


@pytest.mark.parametrize(
    "text",
    [
        "A video posted online shows Hamadou Ag Alher alive.",
        "A video shows Hamadou Ag Alher alive.",
    ],
)
def test_a_recording_not_called_old_shows_life(nlp: Any, text: str) -> None:
    assert _life(_alher(text, nlp)) == [("alive", "probable", PUB, None, None)]


def _headed(headline: str, body: str, nlp: Any) -> Any:
    return read_text(
        f"{headline}\n\n{body}",
        target="Hamadou Ag Alher",
        nlp=nlp,
        published=PUB,
        title=headline,
    )


_BODY = "GAO - Residents said on Sunday that the group was active near Gao."


@pytest.mark.parametrize(
    "headline",
    [
        "Old video shows Hamadou Ag Alher alive",
        "Fake video shows Hamadou Ag Alher alive, officials say",
    ],
)
def test_an_old_or_fake_headline_recording_is_no_proof_of_life(
    nlp: Any, headline: str
) -> None:
    assert _life(_headed(headline, _BODY, nlp)) == []


def test_the_body_dating_the_video_to_a_past_year_withdraws_the_headline(
    nlp: Any,
) -> None:
    body = "A 2015 video circulating on Monday shows Hamadou Ag Alher addressing "
    reading = _headed("Video shows Hamadou Ag Alher alive", body + "fighters.", nlp)
    assert _life(reading) == []


def test_the_body_dating_the_video_to_its_day_keeps_one_proof(nlp: Any) -> None:
    body = "A video circulating on Monday shows Hamadou Ag Alher addressing fighters."
    reading = _headed("Video shows Hamadou Ag Alher alive", body, nlp)
    assert _life(reading) == [_PROOF]


def test_a_headline_in_scare_quotes_is_possible(nlp: Any) -> None:
    reading = _alher("Video 'shows Hamadou Ag Alher alive'", nlp)
    assert _life(reading) == [("alive", "possible", PUB, None, None)]


# -- H3, H4, M7: corrections and clefts ---------------------------------------------


@pytest.mark.parametrize(
    "after",
    [
        "Officials later said it was his bodyguard, not Salcedo, who had died.",
        "Later they said his bodyguard had been killed, not him.",
        "Officials later said he had survived, and his bodyguard had died.",
        "Officials later said the dead man was his bodyguard.",
    ],
)
def test_a_correction_naming_who_died_instead_takes_the_death_back(
    nlp: Any, after: str
) -> None:
    assert _life(_salcedo(_KILLED + after, nlp)) == []


@pytest.mark.parametrize(
    "after",
    [
        "His bodyguard was also killed.",
        "Officials later said his bodyguard had been killed too.",
        "Officials later said his bodyguard had been killed, not his driver.",
        "Officials later said his bodyguard, not his driver, had died.",
        "He had survived an assassination attempt in 2016.",
        "His family later said it was his bodyguard, not Salcedo, who had died.",
    ],
)
def test_a_follow_up_that_corrects_no_death_of_the_target_keeps_it(
    nlp: Any, after: str
) -> None:
    assert _life(_salcedo(_KILLED + after, nlp)) == [
        ("dead", "certain", _MONDAY, None, "Officials")
    ]


def test_the_cleft_naming_the_target_is_its_death(nlp: Any) -> None:
    text = (
        "Officials said it was Rodrigo Salcedo Ibarra, not his bodyguard, who had "
        "been killed."
    )
    assert _life(_salcedo(text, nlp)) == [("dead", "certain", PUB, None, "Officials")]


def test_the_cleft_setting_the_target_aside_is_no_death(nlp: Any) -> None:
    text = (
        "Officials said it was his bodyguard, not Rodrigo Salcedo Ibarra, who had "
        "been killed."
    )
    assert _life(_salcedo(text, nlp)) == []


# -- H4: a death reported in a phrase aside; what a recording shows of another -----


def test_a_death_reported_in_a_phrase_aside_is_no_ones_and_hedged(nlp: Any) -> None:
    text = (
        "Rodrigo Salcedo Ibarra, reported dead in 2017, was seen in Mazatlán on Monday."
    )
    [(status, hedge, date, date_from, speaker)] = _life(_salcedo(text, nlp))
    assert (status, hedge, speaker) == ("dead", "probable", None)
    assert date_from is not None and date_from.year == date.year == 2017


def test_alive_beside_a_phrase_of_an_earlier_death_is_of_its_own_day(
    nlp: Any,
) -> None:
    text = (
        "Rodrigo Salcedo Ibarra, declared dead in 2017, is alive and hiding in "
        "Durango, officials said on Monday."
    )
    life = _life(_salcedo(text, nlp))
    assert ("alive", "certain", _MONDAY, None, "Officials") in life
    assert next(d for s, _, d, _, _ in life if s == "dead").year == 2017


def test_a_relative_clause_death_is_still_read(nlp: Any) -> None:
    text = (
        "Rodrigo Salcedo Ibarra, who was reported dead in 2017, was seen in "
        "Mazatlán on Monday."
    )
    assert _statuses(_salcedo(text, nlp)) == ["dead"]


@pytest.mark.parametrize(
    "text",
    [
        "A video released on Monday shows a man resembling Hamadou Ag Alher lying "
        "dead in a truck.",
        "A video released on Monday purports to show Hamadou Ag Alher lying dead in "
        "a truck.",
        "A video released on Monday shows soldiers standing over Hamadou Ag Alher's "
        "body.",
        "A video released on Monday shows soldiers standing over the lifeless "
        "Hamadou Ag Alher.",
    ],
)
def test_a_recording_of_one_like_or_the_body_is_no_proof_of_life(
    nlp: Any, text: str
) -> None:
    life = _life(_alher(text, nlp))
    assert all(s == "dead" and h != "certain" for s, h, *_ in life)


def test_soldiers_leading_the_target_away_is_a_proof_of_life(nlp: Any) -> None:
    text = "A video released on Monday shows soldiers leading Hamadou Ag Alher away."
    assert _life(_alher(text, nlp)) == [_PROOF]


def test_a_post_claiming_a_death_is_hearsay(nlp: Any) -> None:
    reading = _doe("A post claiming Jane Doe was dead was shared widely.", nlp)
    assert _life(reading) == [("dead", "possible", PUB, None, None)]


def test_police_saying_she_is_dead_stays_certain(nlp: Any) -> None:
    reading = _doe("Police said Jane Doe was dead.", nlp)
    assert _life(reading) == [("dead", "certain", PUB, None, "Police")]


# -- M5, M6: a fronted clause of time; the relative clause's own speaker ------------


@pytest.mark.parametrize(
    "text",
    [
        "Weeks after the government said he had been killed, a video released on "
        "Monday shows Hamadou Ag Alher addressing fighters.",
        _VIDEO + " addressing fighters, nearly a year after the government said he "
        "had been killed.",
    ],
)
def test_the_governments_earlier_death_beside_the_recording(
    nlp: Any, text: str
) -> None:
    [proof, death] = _life(_alher(text, nlp))
    assert proof == _PROOF
    assert death[0] == "dead" and death[4] == "Government" and death[2] < _MONDAY


def test_the_relative_clause_death_is_its_own_speakers(nlp: Any) -> None:
    text = (
        "Hamadou Ag Alher, whom French forces claimed to have killed in 2017, is "
        "hiding near Kidal, officials said."
    )
    [(status, hedge, date, _, speaker)] = _life(_alher(text, nlp))
    assert (status, hedge, date.year, speaker) == (
        "dead",
        "possible",
        2017,
        "French forces",
    )
