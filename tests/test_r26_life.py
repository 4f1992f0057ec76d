"""Life and death: recordings of a death, burials, take-backs, contact, belief (r26).

A review (r26, rule 1 and rows 1, 3, 4, 7, 10, 17) found: a video that "shows
him being shot by soldiers", "being beheaded" or "being lowered into a grave"
was a certain proof of life; so was a photograph that "shows him lying in a
pool of blood", "shortly after his death", "as a child", "A 2015 photograph",
or one the next sentence says "was taken years ago"; a death was erased by a
body that was "not his brother's", by officials "saying his brother was not
among the dead", or by a governor backtracking on his own word; "in touch with
her husband before he was killed" and "had believed her husband was alive until
the army showed her his body" were proofs of life on the publication day; "her
husband wanted to be buried in Jolo" was a death, and so was "he was buried"
after another man's death; and "The wife of the group's deputy leader, Mundi
Jalmaani" was taken for another's wife.
"""

from __future__ import annotations

from typing import Any

import pytest

from geosleuth.evidence import LifeStatus
from reading import claims, reader

pytestmark = pytest.mark.nlp

_salcedo = reader("Rodrigo Salcedo Ibarra")
_alher = reader("Hamadou Ag Alher")
_jalmaani = reader("Mundi Jalmaani")

_SEEN = "Hamadou Ag Alher was last seen in Menaka in 2017. "
_VIDEO = _SEEN + "A video released on 2 June shows him "
_PHOTO = _SEEN + "A photograph released on 2 June shows him "
_KILLED = "The army said on Monday that Salcedo was killed in the clash. "


def _life(reading: Any, status: str) -> list[LifeStatus]:
    return [
        i for i in reading.evidence if isinstance(i, LifeStatus) and i.status == status
    ]


def _why(reading: Any) -> list[tuple[str, str]]:
    return [(x.reason, x.detail) for x in reading.rejected]


# -- L-1: a recording of a killing or a burial -----------------------------------


@pytest.mark.parametrize(
    "shown",
    [
        "being shot by soldiers.",
        "being beheaded.",
        "being hanged.",
        "being stabbed to death.",
        "being lowered into a grave.",
        "being laid to rest.",
    ],
)
def test_a_video_of_a_killing_or_burial_is_no_proof_of_life(
    nlp: Any, shown: str
) -> None:
    assert not _life(_alher(_VIDEO + shown, nlp), "alive")


@pytest.mark.parametrize(
    "shown",
    ["being led away by soldiers.", "addressing fighters.", "standing at a grave."],
)
def test_a_video_of_him_taken_or_speaking_is_still_proof_of_life(
    nlp: Any, shown: str
) -> None:
    [alive] = _life(_alher(_VIDEO + shown, nlp), "alive")
    assert (alive.date.isoformat(), alive.hedge) == ("2018-06-02", "certain")


# -- L-6: a photograph of a death, of his youth, or of another year ---------------


@pytest.mark.parametrize(
    "text",
    [
        _PHOTO + "lying in a pool of blood.",
        _PHOTO + "shortly after his death.",
        _PHOTO + "as a young man.",
        _PHOTO + "as a child.",
        _SEEN + "A 2015 photograph released on 2 June shows him with his wife.",
        _PHOTO + "with his wife. The army said it was taken years ago.",
    ],
)
def test_a_photograph_of_a_death_or_of_the_past_is_no_proof_of_life(
    nlp: Any, text: str
) -> None:
    assert not _life(_alher(text, nlp), "alive")


@pytest.mark.parametrize(
    "text",
    [
        _PHOTO + "with his wife.",
        _PHOTO + "mourning his brother's death.",
        _PHOTO + "with his wife. The army said it was genuine.",
    ],
)
def test_a_photograph_of_him_now_is_still_a_probable_proof_of_life(
    nlp: Any, text: str
) -> None:
    [alive] = _life(_alher(text, nlp), "alive")
    assert alive.hedge == "probable"


def test_a_photograph_of_his_youth_is_set_aside_with_why(nlp: Any) -> None:
    reading = _alher(_PHOTO + "as a child.", nlp)
    assert any(
        reason == "invalid" and "'as a child'" in detail
        for reason, detail in _why(reading)
    )


# -- L-3: a death taken back only by its own claimant, of its own body ------------


@pytest.mark.parametrize(
    "after",
    [
        "DNA tests later showed the body was not his brother's.",
        "DNA tests later showed the body was not his son's.",
        "Officials later backtracked, saying his brother was not among the dead.",
        "The governor, who had said Salcedo was in custody, later backtracked.",
    ],
)
def test_anothers_body_or_backtrack_does_not_erase_the_death(
    nlp: Any, after: str
) -> None:
    [dead] = _life(_salcedo(_KILLED + after, nlp), "dead")
    assert (dead.provenance.speaker, dead.hedge) == ("Army", "certain")


@pytest.mark.parametrize(
    "after",
    [
        "DNA tests later showed the body was not his.",
        "Officials later backtracked.",
        "The army later backtracked.",
    ],
)
def test_his_own_body_or_the_claimants_backtrack_still_erases_it(
    nlp: Any, after: str
) -> None:
    reading = _salcedo(_KILLED + after, nlp)
    assert not _life(reading, "dead")
    assert any(reason == "negated" for reason, _ in _why(reading))


# -- L-4: contact before a death, a belief given up ------------------------------


def test_in_touch_before_he_was_killed_is_no_life_but_keeps_the_death(
    nlp: Any,
) -> None:
    reading = _jalmaani(
        "Jalmaani's wife said she was in touch with her husband before he was killed.",
        nlp,
    )
    assert not _life(reading, "alive")
    [dead] = _life(reading, "dead")
    assert dead.provenance.speaker == "Jalmaani's wife"
    assert any(
        reason == "invalid" and "before its death" in detail
        for reason, detail in _why(reading)
    )


def test_in_touch_until_a_year_is_still_alive_then(nlp: Any) -> None:
    reading = _jalmaani(
        "Jalmaani's wife said she had been in touch with her husband until 2016.", nlp
    )
    [alive] = _life(reading, "alive")
    assert alive.date.isoformat() == "2016-12-31"


def test_a_belief_held_until_his_body_was_shown_is_no_life(nlp: Any) -> None:
    reading = _jalmaani(
        "Jalmaani's wife said she had believed her husband was alive until the "
        "army showed her his body.",
        nlp,
    )
    assert not _life(reading, "alive")
    assert any(reason == "negated" for reason, _ in _why(reading))


def test_a_belief_held_still_is_a_probable_life(nlp: Any) -> None:
    reading = _jalmaani(
        "Jalmaani's wife said she believed her husband was still alive.", nlp
    )
    [alive] = _life(reading, "alive")
    assert alive.hedge == "probable"


# -- L-5 and row 3: burials ------------------------------------------------------


def test_a_wish_to_be_buried_is_no_death(nlp: Any) -> None:
    reading = _jalmaani(
        "Jalmaani's wife said her husband wanted to be buried in Jolo.", nlp
    )
    assert not _life(reading, "dead")


@pytest.mark.parametrize(
    ("text", "reader_"),
    [
        (
            "Mundi Jalmaani leads the group. Jalmaani's deputy was killed in Indanan "
            "last month, and he was buried in Jolo.",
            _jalmaani,
        ),
        (
            "Jalmaani's wife said her husband was alive. Jalmaani's deputy was killed "
            "in Indanan last month, and he was buried in Jolo.",
            _jalmaani,
        ),
        (
            "Rodrigo Salcedo leads the cartel. One of his lieutenants was killed on "
            "Monday, and he was buried in Cosalá.",
            _salcedo,
        ),
        (
            "Rodrigo Salcedo leads the cartel. A man who worked for him was killed in "
            "Culiacán on Monday, and he was buried on Tuesday.",
            _salcedo,
        ),
    ],
)
def test_he_buried_after_anothers_death_is_not_the_targets_death(
    nlp: Any, text: str, reader_: Any
) -> None:
    reading = reader_(text, nlp)
    assert not _life(reading, "dead")
    # "his deputy ... he": set aside as not the target's; after "one of his
    # lieutenants" or "a man who worked for him" the pronoun rule no longer
    # takes "he" for the target at all (_target_pronouns._associate_between)
    if "deputy" in text:
        assert any(
            reason == "not_target" and "not the target's" in detail
            for reason, detail in _why(reading)
        )


def test_the_widows_word_that_he_was_buried_is_still_his_death(nlp: Any) -> None:
    reading = _jalmaani(
        "Jalmaani's widow said on Monday that her husband had been buried in Jolo.",
        nlp,
    )
    [dead] = _life(reading, "dead")
    assert dead.provenance.speaker == "Jalmaani's widow"


# -- L-7: the target named in apposition to his role ------------------------------


def test_the_wife_of_the_deputy_leader_named_as_the_target_is_his_wife(
    nlp: Any,
) -> None:
    reading = _jalmaani(
        "The wife of the group's deputy leader, Mundi Jalmaani, said her husband "
        "was alive and hiding in Patikul.",
        nlp,
    )
    [alive] = _life(reading, "alive")
    assert alive.provenance.speaker == (
        "The wife of the group's deputy leader, Mundi Jalmaani"
    )
    assert [c.place_name for c in claims(reading)] == ["Patikul"]


def test_the_wife_of_the_targets_deputy_is_still_anothers(nlp: Any) -> None:
    reading = _jalmaani(
        "The wife of Jalmaani's deputy said her husband was alive and in Patikul.",
        nlp,
    )
    assert not reading.evidence
