"""Life and death: backtracks naming the real victim, burials, recordings (r27).

A review (r27, findings 6, 7, 8, 10, 14 and 16) found that the narrowings of
r26 overshot: a backtrack that names who really died ("saying his bodyguard had
been killed, not Salcedo", "his son was among the dead but Salcedo was not")
and a body "not his after all" kept the death certain; "the remains were not
those of Salcedo" did too, and "Salcedo's brother was among the dead" was a
second death of the target; "Two soldiers died in the raid, and Jalmaani was
buried in Jolo" was no death; a video of him "being sentenced to death", "shot
at", "taken to a rest house" or "hung upside down" was no proof of life, while
"being put into a body bag", "mourned by his fighters" or "burned alive" was
one; a contact "before soldiers killed his deputy", "two days before the army
said he was killed" or "until his phone went dead" was no proof of life; "A
2018 photograph" released in 2018 showed "a past time", while "A photograph
from 2015" and one "at least ten years old" did not; "found dead ..., but
police said it was not a suspicious death" was no death; and "The wife of the
group's deputy leader, Mundi Jalmaani, said he was alive" had the target as its
speaker (finding 15, for the life; the place of the same sentence takes its
speaker from the attribution, which these rules do not change).
"""

from __future__ import annotations

from typing import Any

import pytest

from geosleuth.evidence import LifeStatus
from reading import reader

pytestmark = pytest.mark.nlp

_salcedo = reader("Rodrigo Salcedo Ibarra")
_alher = reader("Hamadou Ag Alher")
_jalmaani = reader("Mundi Jalmaani")
_doe = reader("Jane Doe")

_KILLED = "The army said on Monday that Salcedo was killed in the clash. "
_VIDEO = (
    "Hamadou Ag Alher was last seen in Menaka in 2017. "
    "A video released on 2 June shows him "
)
_SEEN = "Hamadou Ag Alher was last seen in Menaka in 2017. "
_WIFE = "Jalmaani's wife said she had "


def _life(reading: Any, status: str) -> list[LifeStatus]:
    return [
        i for i in reading.evidence if isinstance(i, LifeStatus) and i.status == status
    ]


def _reasons(reading: Any) -> list[str]:
    return [x.reason for x in reading.rejected]


# -- finding 6 and 16: a backtrack or a body that names who really died ----------


@pytest.mark.parametrize(
    "after",
    [
        "Officials later backtracked, saying his bodyguard had been killed, not "
        "Salcedo.",
        "Officials later backtracked, saying his son was among the dead but Salcedo "
        "was not.",
        "Officials later backtracked, saying his brother had been killed and Salcedo "
        "had escaped.",
        "Officials later backtracked, saying his men had carried him away alive.",
        "Officials later backtracked, saying Salcedo's brother was among the dead.",
        "DNA tests later showed the body was not his after all.",
        "DNA tests showed the body was not his at all, officials said on Tuesday.",
        "Officials now say the body was not his either.",
        "DNA tests later showed the body was not his but his deputy's.",
        "DNA tests later showed the remains were not those of Salcedo.",
        "The army, which had said he was fatally shot in the clash, later backtracked.",
    ],
)
def test_a_correction_naming_who_really_died_takes_the_death_back(
    nlp: Any, after: str
) -> None:
    reading = _salcedo(_KILLED + after, nlp)
    assert not _life(reading, "dead")
    assert "negated" in _reasons(reading)


@pytest.mark.parametrize(
    "after",
    [
        # r26: a correction of another's death, not of the target's
        "Officials later backtracked, saying his brother was not among the dead.",
        "Officials later backtracked, saying his brother was also among the dead.",
        "Officials later backtracked, saying his bodyguard had not been killed.",
        "DNA tests later showed the body was not his brother's.",
        "DNA tests later showed the body was not his late brother's.",
        "DNA tests later showed the remains were not those of his brother.",
        "DNA tests later showed the remains were not those of Salcedo's brother.",
        "DNA tests later showed the remains were not those of Garcia.",
        "The governor, who had said Salcedo was in custody, later backtracked.",
    ],
)
def test_a_correction_of_another_keeps_the_death(nlp: Any, after: str) -> None:
    [dead] = _life(_salcedo(_KILLED + after, nlp), "dead")
    assert (dead.hedge, dead.provenance.speaker) == ("certain", "Army")


def test_another_among_the_dead_is_not_the_target(nlp: Any) -> None:
    reading = _salcedo("Salcedo's brother was among the dead, officials said.", nlp)
    assert not _life(reading, "dead")
    assert "not_target" in _reasons(reading)
    [dead] = _life(_salcedo("Officials said Salcedo was among the dead.", nlp), "dead")
    assert dead.provenance.speaker == "Officials"


# -- finding 7: the target's named burial after another's death ------------------


@pytest.mark.parametrize(
    "text",
    [
        "A day after a soldier was killed in a clash nearby, relatives said "
        "Jalmaani was buried in Jolo.",
        "Two soldiers died in the raid, and Jalmaani was buried in Jolo the next "
        "day, the military said.",
    ],
)
def test_the_target_buried_by_name_is_dead_after_another_death(
    nlp: Any, text: str
) -> None:
    [dead] = _life(_jalmaani(text, nlp), "dead")
    assert dead.hedge == "certain"


@pytest.mark.parametrize(
    "text",
    [
        "Jalmaani's deputy was killed in Indanan last month, and he was buried in "
        "Jolo.",
        "Two soldiers died in the raid, and Jalmaani's deputy was buried in Jolo the "
        "next day, the military said.",
    ],
)
def test_another_buried_after_a_death_is_not_the_target(nlp: Any, text: str) -> None:
    assert not _life(_jalmaani(text, nlp), "dead")


# -- finding 8: recordings ------------------------------------------------------


@pytest.mark.parametrize(
    "shown",
    [
        "being sentenced to death by a court in Bamako.",
        "being condemned to death by a court.",
        "being threatened with death by his captors.",
        "being interviewed about the death of his brother.",
        "talking about the death of his brother.",
        "being shot at by soldiers.",
        "being taken to a rest house in Kidal.",
        "being hung upside down and beaten by his captors.",
        "being tortured by his captors.",
        "being put into a bag by his captors.",
        "being burned with cigarettes.",
    ],
)
def test_a_video_of_him_alive_in_danger_is_proof_of_life(nlp: Any, shown: str) -> None:
    [alive] = _life(_alher(_VIDEO + shown, nlp), "alive")
    assert (alive.date.isoformat(), alive.hedge) == ("2018-06-02", "certain")


@pytest.mark.parametrize(
    "shown",
    [
        "being put into a body bag.",
        "being mourned by his fighters.",
        "being burned alive.",
        "being buried alive.",
        "being beaten to death.",
        "being put to death.",
        "being hanged by militants.",
    ],
)
def test_a_video_of_his_body_or_killing_is_no_proof_of_life(
    nlp: Any, shown: str
) -> None:
    assert not _life(_alher(_VIDEO + shown, nlp), "alive")


# -- finding 10: a contact before another's death, or a reported one --------------


@pytest.mark.parametrize(
    ("said", "day"),
    [
        (
            "spoken to her husband on Sunday, before soldiers killed his deputy.",
            "06-03",
        ),
        (
            "spoken to her husband by phone on Sunday, two days before the army said "
            "he was killed.",
            "06-03",
        ),
        (
            "been in touch with her husband every week until his phone went dead in "
            "March.",
            "03-31",
        ),
    ],
)
def test_a_contact_before_another_death_is_proof_of_life(
    nlp: Any, said: str, day: str
) -> None:
    [alive] = _life(_jalmaani(_WIFE + said, nlp), "alive")
    assert (alive.date.isoformat(), alive.provenance.speaker) == (
        f"2018-{day}",
        "Jalmaani's wife",
    )


@pytest.mark.parametrize(
    "said",
    [
        "spoken to her husband on Sunday, before he was killed.",
        "spoken to her husband on Sunday, before soldiers killed him.",
        "spoken to her husband on Sunday, before the army killed his deputy and him.",
        "been in touch with her husband until his body was found in March.",
        "been in touch with her husband until she was told he had been killed.",
    ],
)
def test_a_contact_before_the_target_death_is_no_proof_of_life(
    nlp: Any, said: str
) -> None:
    reading = _jalmaani(_WIFE + said, nlp)
    assert not _life(reading, "alive")
    assert "invalid" in _reasons(reading)


# -- finding 14: the year of a photograph -----------------------------------------


def test_a_photograph_of_the_year_of_its_release_is_proof_of_life(nlp: Any) -> None:
    text = _SEEN + "A 2018 photograph released on 2 June shows him with his wife."
    [alive] = _life(_alher(text, nlp), "alive")
    assert (alive.date.isoformat(), alive.hedge) == ("2018-06-02", "probable")


@pytest.mark.parametrize(
    "text",
    [
        "A 2017 photograph released on 2 June shows him with his wife.",
        "A photograph from 2015, released on 2 June, shows him with his wife.",
        "A photograph released on 2 June shows him with his wife. The army said it "
        "was at least ten years old.",
        "A video released on 2 June shows him with his wife. The army said it was a "
        "year old.",
    ],
)
def test_a_recording_of_an_earlier_year_is_no_proof_of_life(
    nlp: Any, text: str
) -> None:
    assert not _life(_alher(_SEEN + text, nlp), "alive")


@pytest.mark.parametrize(
    "text",
    [
        "A photograph from his family, released on 2 June, shows him with his wife.",
        "A video from 2018, released on 2 June, shows him with his wife.",
        "A video released on 2 June shows him with his wife. The army said it was "
        "two days old.",
    ],
)
def test_a_recording_of_no_earlier_year_is_proof_of_life(nlp: Any, text: str) -> None:
    [alive] = _life(_alher(_SEEN + text, nlp), "alive")
    assert alive.date.isoformat() == "2018-06-02"


# -- finding 16: a death called not suspicious is a death -------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Jane Doe was found dead in a flat in York, but police said it was not a "
        "suspicious death.",
        "Jane Doe was found dead in a flat in York on Monday, and police said there "
        "were no suspicious circumstances.",
    ],
)
def test_a_body_found_in_no_suspicious_death_is_a_death(nlp: Any, text: str) -> None:
    [dead] = _life(_doe(text, nlp), "dead")
    assert dead.body


@pytest.mark.parametrize(
    "text",
    [
        "Police said Jane Doe was not found dead but alive in York.",
        "Police said Jane Doe was not dead and was not a suspicious person.",
    ],
)
def test_a_death_denied_beside_suspicion_is_still_denied(nlp: Any, text: str) -> None:
    assert not _life(_doe(text, nlp), "dead")


# -- finding 15: the target's name in the phrase of the one who speaks -------------


def test_a_wife_named_by_her_husbands_role_speaks_of_him_as_he(nlp: Any) -> None:
    text = (
        "The wife of the group's deputy leader, Mundi Jalmaani, said he was alive "
        "and hiding in Patikul."
    )
    [alive] = _life(_jalmaani(text, nlp), "alive")
    assert alive.provenance.speaker == (
        "The wife of the group's deputy leader, Mundi Jalmaani"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Mundi Jalmaani said he was alive and hiding in Patikul.",
        "Mundi Jalmaani, the group's leader, said in a statement that he was alive.",
    ],
)
def test_the_target_saying_he_is_alive_is_still_the_speaker(
    nlp: Any, text: str
) -> None:
    [alive] = _life(_jalmaani(text, nlp), "alive")
    assert alive.provenance.speaker == "Mundi Jalmaani"
