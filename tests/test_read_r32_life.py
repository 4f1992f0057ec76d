"""Review r32: a clause of time beside a recording, a headline, a sibling's word.

- "A video released on Monday shows Hamadou Ag Alher addressing about thirty
  fighters in a forest clearing, *weeks after the government said he had been
  killed in an air strike*" had become one death, probable, of Monday, by the
  Government, and the video had been set aside as one that shows him dead
  (2f450f8 looked for death words in the whole subtree of "shows", the time
  clause with its own speaker included). What the recording shows is now its
  verb's own complements, not a clause of time or concession, nor another's
  report: the video is the proof of life (alive, certain, Monday, no
  speaker), and the government's word a death claim of before it, dated
  across the clause (some weeks before Monday), never on the video's day. A
  clause that gives the death no day ("despite claims that he had died") is
  set aside, as beside a sighting. So with "shows *him*", the target named
  before.
- The headline "Video shows Hamadou Ag Alher alive weeks after reported
  death" had been rejected as "death mentioned but denied": a recording that
  shows the target alive is a proof of life (of a day not told: probable, by
  publication), and "weeks after reported death" is the earlier report.
- "Hamadou Ag Alher's sister, Fatima Ag Alher, said her brother was alive"
  gave nothing: the sibling's word of life is read as the lawyer's "his
  client was alive and well" is (F3), not "her brother Moussa", nor another's
  brother where the target's pronouns are of the other gender.
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
_doe = reader("Jane Doe")
_MONDAY = dt.date(2018, 6, 4)
_SUNDAY = dt.date(2018, 6, 3)
_VIDEO = "A video released on Monday shows Hamadou Ag Alher"
_PROOF = ("alive", "certain", _MONDAY, None, None)


def _life(reading: Any) -> list[tuple[str, str, dt.date, dt.date | None, str | None]]:
    return sorted(
        (i.status, i.hedge, i.date, i.date_from, i.provenance.speaker)
        for i in reading.evidence
        if isinstance(i, LifeStatus)
    )


def _details(reading: Any) -> list[str]:
    return [x.detail for x in reading.rejected]


# -- 1, 2: a clause of time beside a recording ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        _VIDEO + " addressing about thirty fighters in a forest clearing, weeks "
        "after the government said he had been killed in an air strike.",
        # the pronoun, the target named before
        "Hamadou Ag Alher leads the group. A video released on Monday shows him "
        "addressing fighters, weeks after the government said he had been killed.",
    ],
)
def test_a_death_weeks_before_the_recording_is_the_governments_earlier_word(
    nlp: Any, text: str
) -> None:
    reading = _alher(text, nlp)
    [proof, death] = _life(reading)
    assert proof == _PROOF
    status, hedge, day, since, speaker = death
    assert (status, hedge, speaker) == ("dead", "certain", "Government")
    # some weeks before Monday, never on the video's day
    assert day < _MONDAY and since is not None and since <= day
    assert not any("shows the target dead" in d for d in _details(reading))


def test_a_hedged_death_in_the_clause_of_time_does_not_hedge_the_video(
    nlp: Any,
) -> None:
    text = (
        _VIDEO + " addressing fighters, weeks after he was reportedly killed in an "
        "air strike."
    )
    [proof, death] = _life(_alher(text, nlp))
    assert proof == _PROOF
    assert death[:2] == ("dead", "probable") and death[2] < _MONDAY


def test_a_death_of_its_own_day_beside_the_recording_keeps_it(nlp: Any) -> None:
    text = (
        _VIDEO + " addressing fighters, although the army insists he was killed in May."
    )
    assert _life(_alher(text, nlp)) == [
        _PROOF,
        ("dead", "certain", dt.date(2018, 5, 31), dt.date(2018, 5, 1), "Army"),
    ]


def test_a_recording_after_a_death_of_no_day_sets_the_death_aside(
    nlp: Any,
) -> None:
    reading = _alher(
        _VIDEO + " addressing fighters despite claims that he had died.", nlp
    )
    # "claims" hedged the video before: the report beside it does not
    assert _life(reading) == [_PROOF]
    assert any("of a day not told" in d for d in _details(reading))


def test_a_recording_after_french_forces_said_they_had_killed_him(
    nlp: Any,
) -> None:
    text = (
        "Hamadou Ag Alher appeared in a video released on Sunday, weeks after "
        "French forces said they had killed him."
    )
    [proof, death] = _life(_alher(text, nlp))
    # the video is not French forces' word
    assert proof == ("alive", "certain", _SUNDAY, None, None)
    assert (death[0], death[4]) == ("dead", "French forces") and death[2] < _SUNDAY


@pytest.mark.parametrize(
    ("text", "why"),
    [
        # what the recording shows is still a death, beside a clause of time
        (_VIDEO + " lying dead in a truck, weeks after the army said he had fled.",
         "shows the target dead ('dead')"),
        (_VIDEO + " lying dead, days after he was captured.",
         "shows the target dead ('dead')"),
        (_VIDEO + " lying motionless on the ground.",
         "shows the target lying still ('motionless')"),
        (_VIDEO + " being executed by soldiers.",
         "shows the target dead ('executed')"),
    ],
)  # fmt: skip
def test_a_recording_that_shows_a_death_is_still_no_proof_of_life(
    nlp: Any, text: str, why: str
) -> None:
    reading = _alher(text, nlp)
    assert not [x for x in _life(reading) if x[0] == "alive"]
    assert any(why in d for d in _details(reading))


def test_the_pronoun_before_the_target_is_named_is_no_one(nlp: Any) -> None:
    text = (
        "A video released on Monday shows him addressing fighters, weeks after the "
        "government said he had been killed. Hamadou Ag Alher leads the group."
    )
    assert _life(_alher(text, nlp)) == []


def test_a_sighting_after_a_death_still_sets_the_death_aside(nlp: Any) -> None:
    text = (
        "A villager said he saw Hamadou Ag Alher in Kidal on Monday, weeks after "
        "the army said he had been killed."
    )
    reading = _alher(text, nlp)
    assert _life(reading) == []
    assert any("clause of time or concession" in d for d in _details(reading))


# -- 3: a headline of a recording that shows the target alive -----------------------


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
        "Video shows Hamadou Ag Alher alive weeks after reported death",
        "Video shows Hamadou Ag Alher alive",
    ],
)
def test_a_headline_video_that_shows_the_target_alive_is_a_proof_of_life(
    nlp: Any, headline: str
) -> None:
    reading = _headed(headline, _BODY, nlp)
    assert _life(reading) == [("alive", "probable", PUB, None, None)]
    assert not any("denied" in d for d in _details(reading))


def test_the_body_dated_recording_stands_for_the_headlines(nlp: Any) -> None:
    body = (
        "GAO - " + _VIDEO + " addressing fighters, weeks after the government "
        "said he had been killed."
    )
    reading = _headed(
        "Video shows Hamadou Ag Alher alive weeks after reported death", body, nlp
    )
    [proof, death] = _life(reading)
    assert proof == _PROOF and death[0] == "dead" and death[2] < _MONDAY


@pytest.mark.parametrize(
    "text",
    [
        "A 2015 video shows Hamadou Ag Alher alive.",
        "A video shows Hamadou Ag Alher alive, but French officials said it was a "
        "fake.",
        "A video shows Hamadou Ag Alher addressing fighters.",  # of no day, not "alive"
    ],
)
def test_an_undated_recording_of_a_past_time_or_fake_is_no_proof_of_life(
    nlp: Any, text: str
) -> None:
    assert _life(_alher(text, nlp)) == []


# -- 4: a sibling's word that the target lives --------------------------------------


def test_the_sister_saying_her_brother_is_alive_is_a_word_of_life(nlp: Any) -> None:
    text = "Hamadou Ag Alher's sister, Fatima Ag Alher, said her brother was alive."
    [alive] = [i for i in _alher(text, nlp).evidence if isinstance(i, LifeStatus)]
    assert (alive.status, alive.hedge, alive.date) == ("alive", "certain", PUB)
    # a relative's word, graded as the lawyer's "his client was alive and well"
    lawyer = _alher(
        "Hamadou Ag Alher leads the group. His lawyer said he was alive and well.",
        nlp,
    )
    [said] = [i for i in lawyer.evidence if isinstance(i, LifeStatus)]
    assert alive.grade == said.grade
    assert "Hamadou Ag Alher's sister" in str(alive.provenance.speaker)
    assert "'brother'" in alive.note


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Fatima Ag Alher said her brother Moussa was alive.", "Hamadou Ag Alher"),
        ("Hamadou Ag Alher's sister said her brother Moussa was alive.",
         "Hamadou Ag Alher"),
        ("Hamadou Ag Alher's sister said her brother, Moussa, was alive.",
         "Hamadou Ag Alher"),
        ("Hamadou Ag Alher's sister said her younger brother was alive.",
         "Hamadou Ag Alher"),
        # her son may be his brother (tests/test_read_life_r21.py)
        ("Hamadou Ag Alher's mother said her son was alive.", "Hamadou Ag Alher"),
        # "she" is Jane Doe: her sister's brother is another
        ("Jane Doe fled in May. She was seen in York on Monday. Jane Doe's sister "
         "said her brother was alive.", "Jane Doe"),
    ],
)  # fmt: skip
def test_another_brother_is_not_the_target(nlp: Any, text: str, target: str) -> None:
    reading = _alher(text, nlp, target=target)
    assert not [i for i in _life(reading) if i[0] == "alive"]


def test_the_sister_of_anothers_deputy_speaks_of_her_own_brother(nlp: Any) -> None:
    text = "The sister of Ag Alher's deputy said her brother was alive and in Gao."
    reading = _alher(text, nlp)
    assert _life(reading) == []
    assert any("calls one of its own" in d for d in _details(reading))
