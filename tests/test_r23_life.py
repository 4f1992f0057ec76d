"""Life and death read from a spouse's, a lawyer's or a recording's word (r23, rule 2).

A review (r23, L-d to L-f) found: the wife of the target's *deputy* saying "her
husband was alive and in Patikul" gave the target a claim at Patikul; "she
believed her husband was still alive", "she was in touch with her husband" and a
widow's "her husband had been buried in Jolo" gave nothing; a death that DNA
showed was another's, or that officials "could not confirm", stayed certain; a
recording that shows the target "being led away", "mourning his brother, who was
killed", or a photograph that "shows him with his wife" gave no proof of life;
and a photograph "taken in 2015" was a proof of life on its release.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geosleuth.evidence import LifeStatus
from reading import claims, reader, set_aside

pytestmark = pytest.mark.nlp

_salcedo = reader("Rodrigo Salcedo Ibarra")
_alher = reader("Hamadou Ag Alher")
_jalmaani = reader("Mundi Jalmaani")


def _life(reading: Any, status: str) -> list[LifeStatus]:
    return [
        i for i in reading.evidence if isinstance(i, LifeStatus) and i.status == status
    ]


def _said(item: Any) -> tuple[Any, ...]:
    return (item.provenance.speaker, str(item.grade), item.hedge)


# -- L-d: another's spouse or counsel --------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "The wife of Jalmaani's deputy said her husband was alive and in Patikul.",
            "Patikul",
        ),
        (
            "The lawyer for Jalmaani's co-accused, Abdul Sali, said his client was "
            "alive and in Jolo.",
            "Jolo",
        ),
        ("The wife of Jalmaani's deputy said her husband was in Patikul.", "Patikul"),
        ("Jalmaani's deputy's wife said her husband was hiding in Patikul.", "Patikul"),
    ],
)
def test_what_anothers_spouse_or_lawyer_says_of_him_is_not_the_targets(
    nlp: Any, text: str, place: str
) -> None:
    reading = _jalmaani(text, nlp)
    assert not reading.evidence
    assert ("not_target", place) in set_aside(reading)


def test_anothers_wife_saying_her_husband_lives_is_set_aside(nlp: Any) -> None:
    text = "The wife of Jalmaani's deputy said her husband was alive and in Patikul."
    reading = _jalmaani(text, nlp)
    assert any(
        reason == "not_target" and "said to live, but of another" in detail
        for reason, detail in ((x.reason, x.detail) for x in reading.rejected)
    )


def test_the_targets_own_wife_still_places_and_keeps_him_alive(nlp: Any) -> None:
    reading = _jalmaani(
        "Jalmaani's wife said her husband was alive and hiding in Patikul.", nlp
    )
    [alive] = _life(reading, "alive")
    [claim] = claims(reading)
    assert _said(alive) == ("Jalmaani's wife", "F3", "certain")
    assert (claim.place_name, claim.provenance.speaker) == (
        "Patikul",
        "Jalmaani's wife",
    )


# -- L-e: the husband named again as "he" ----------------------------------------


def test_the_husband_the_wife_calls_the_target_pairs_with_a_later_he(
    nlp: Any,
) -> None:
    from geosleuth.read._life_claims import called_pairs
    from geosleuth.read.document import parse
    from geosleuth.read.target import Target, find_target_refs

    text = (
        "Jalmaani's wife said her husband was alive. The military said he was "
        "killed in Indanan last month."
    )
    doc = parse(text, nlp)
    refs = find_target_refs(text, Target("Mundi Jalmaani"), doc=doc)
    assert called_pairs(doc, refs) == {(text.index("husband"), text.index(" he ") + 1)}
    other = "The wife of Jalmaani's deputy said her husband was alive. He was killed."
    doc = parse(other, nlp)
    assert not called_pairs(
        doc, find_target_refs(other, Target("Mundi Jalmaani"), doc=doc)
    )


# -- L-f: a belief, a contact, a widow's burial ----------------------------------


def test_the_wife_who_believes_her_husband_alive_says_so_probably(nlp: Any) -> None:
    reading = _jalmaani(
        "Jalmaani's wife said she believed her husband was still alive.", nlp
    )
    [alive] = _life(reading, "alive")
    assert _said(alive) == ("Jalmaani's wife", "F3", "probable")


@pytest.mark.parametrize(
    "text",
    [
        "Jalmaani's wife said she was in touch with her husband every week.",
        "Jalmaani's lawyer said he had contact with his client on Monday.",
    ],
)
def test_a_spouse_or_lawyer_in_touch_with_the_target_says_it_lives(
    nlp: Any, text: str
) -> None:
    reading = _jalmaani(text, nlp)
    [alive] = _life(reading, "alive")
    assert alive.provenance.speaker.startswith("Jalmaani's")
    assert "in touch with the target" in alive.note


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Jalmaani's wife said she had no contact with her husband.", "negated"),
        (
            "Jalmaani's lawyer said she has not been in contact with him since March.",
            "negated",
        ),
        ("Jalmaani's wife said she would be in touch with her husband.", "conditional"),
    ],
)
def test_no_contact_or_one_to_come_is_no_life(nlp: Any, text: str, reason: str) -> None:
    reading = _jalmaani(text, nlp)
    assert not _life(reading, "alive")
    assert (reason, text) in set_aside(reading)


def test_in_touch_with_someone_else_is_no_life(nlp: Any) -> None:
    reading = _jalmaani("Jalmaani's lawyer said he was in touch with police.", nlp)
    assert not _life(reading, "alive")


def test_a_widow_who_says_her_husband_was_buried_tells_his_death(nlp: Any) -> None:
    reading = _jalmaani(
        "Jalmaani's widow said on Monday that her husband had been buried in Jolo.",
        nlp,
    )
    [dead] = _life(reading, "dead")
    assert _said(dead) == ("Jalmaani's widow", "F3", "certain")
    assert dead.date == dt.date(2018, 6, 4)


@pytest.mark.parametrize(
    "text",
    [
        # another husband, another burial
        "Jalmaani's wife, Nurhaida, said her first husband, who was killed in 2010, "
        "was buried in Jolo.",
        "Jalmaani buried his brother in Jolo on Monday.",
        "Jalmaani denied that he buried the weapons.",
        "Jalmaani was buried under rubble in Jolo but survived.",
        # alive only in her memory
        "Jalmaani's widow said her husband was alive in her memory.",
    ],
)
def test_no_death_and_no_life_in_anothers_burial_or_a_memory(
    nlp: Any, text: str
) -> None:
    reading = _jalmaani(text, nlp)
    assert not _life(reading, "dead")
    if "memory" in text:
        assert not _life(reading, "alive")


# -- L-f: a death the body or its claimant doubts --------------------------------

_KILLED = "The army said on Monday that Salcedo was killed in the clash. "


@pytest.mark.parametrize(
    "after",
    [
        "DNA tests later showed the body was not his.",
        "An autopsy found that the body was not his.",
        "Officials later backtracked.",
    ],
)
def test_a_death_the_body_belies_or_the_claimant_drops_is_none(
    nlp: Any, after: str
) -> None:
    reading = _salcedo(_KILLED + after, nlp)
    assert not _life(reading, "dead")
    assert any("taken back" in x.detail for x in reading.rejected)


@pytest.mark.parametrize(
    "after",
    [
        "Officials later backtracked, saying they could not confirm his death.",
        "His death could not be independently confirmed.",
    ],
)
def test_a_death_its_claimant_cannot_confirm_is_possible(nlp: Any, after: str) -> None:
    reading = _salcedo(_KILLED + after, nlp)
    [dead] = _life(reading, "dead")
    assert _said(dead) == ("Army", "F2", "possible")


@pytest.mark.parametrize(
    "after",
    [
        "Salcedo's family said the body was not his.",
        "Salcedo's lawyer said the army could not confirm his death.",
        "The army later backtracked on plans to release the body.",
        "It could not confirm whether his deputy was killed.",
    ],
)
def test_a_death_doubted_by_a_party_or_of_another_stays(nlp: Any, after: str) -> None:
    reading = _salcedo(_KILLED + after, nlp)
    dead = _life(reading, "dead")
    assert [_said(d) for d in dead] == [("Army", "F2", "certain")]


# -- L-f: recordings and photographs ---------------------------------------------

_SEEN = "Hamadou Ag Alher was last seen in Menaka in 2017. "


@pytest.mark.parametrize(
    ("sentence", "hedge"),
    [
        (
            "A video released on 2 June shows him mourning his brother, who was "
            "killed in an airstrike.",
            "certain",
        ),
        (
            "A video released on 2 June shows him standing beside his dead brother.",
            "certain",
        ),
        ("A photograph released on 2 June shows him with his wife.", "probable"),
        ("A photograph released on 2 June shows Ag Alher with his wife.", "probable"),
    ],
)
def test_a_recording_that_shows_him_alive_beside_anothers_death_is_proof(
    nlp: Any, sentence: str, hedge: str
) -> None:
    reading = _alher(_SEEN + sentence, nlp)
    [alive] = _life(reading, "alive")
    assert (alive.date, alive.hedge) == (dt.date(2018, 6, 2), hedge)
    assert not _life(reading, "dead")


def test_a_recording_made_on_a_day_is_dated_by_it(nlp: Any) -> None:
    reading = _alher(
        _SEEN + "A video, filmed on 28 May and released on 2 June, shows him "
        "addressing fighters.",
        nlp,
    )
    [alive] = _life(reading, "alive")
    assert (alive.date, alive.hedge) == (dt.date(2018, 5, 28), "certain")


@pytest.mark.parametrize(
    "sentence",
    [
        "A video released on 2 June shows him lying dead next to his brother.",
        "A video released on 2 June shows him being executed.",
        "A photograph released on 2 June shows him dead.",
        "The army released a photograph of Ag Alher on 2 June.",
        "A photograph released on 2 June does not show him.",
        "A photograph taken in 2015 and released on 2 June shows him with his wife.",
        "A video recorded in 2015 and released on 2 June shows him addressing "
        "fighters.",
    ],
)
def test_no_proof_of_life_in_a_death_shown_a_photo_unshown_or_an_old_one(
    nlp: Any, sentence: str
) -> None:
    reading = _alher(_SEEN + sentence, nlp)
    assert not _life(reading, "alive")


def test_the_passive_subject_of_what_a_recording_shows_is_shown(nlp: Any) -> None:
    # "shows him being led away by soldiers": the pronoun is the passive subject
    # of the participle; the reader gets it once the pronoun rule counts it as
    # an object (geosleuth.read._target_pronouns._is_direct_object)
    from geosleuth.read._life_claims import shown_by_recording
    from geosleuth.read.target import TargetRef

    text = "A video released on 2 June shows him being led away by soldiers."
    doc = nlp(text)
    him = TargetRef(text.index("him"), text.index("him") + 3, "him", "pronoun")
    assert shown_by_recording(doc[1], [him]) == him
    text = "A video released on 2 June shows him being executed by soldiers."
    doc = nlp(text)
    him = TargetRef(text.index("him"), text.index("him") + 3, "him", "pronoun")
    assert shown_by_recording(doc[1], [him]) is None


def test_a_recording_that_shows_him_being_led_away_is_a_proof_of_life(
    nlp: Any,
) -> None:
    # gave nothing: the pronoun rule did not count the passive subject of the
    # participle as what the video shows (review r23, L-f, V1)
    sentence = "A video released on 2 June shows him being led away by soldiers."
    [alive] = _life(_alher(_SEEN + sentence, nlp), "alive")
    assert (alive.date, alive.hedge) == (dt.date(2018, 6, 2), "certain")
