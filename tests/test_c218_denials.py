"""Review r217's regressions of the denials of c209 (helper c218).

A clause that undoes a denial must grant the denied event itself, not
another's or another event ("but confirmed that his brother had been", "that
he had been questioned", "saying he had been released from prison in 2015")
(1); the next sentence's denial of one of two events told takes back that
event's place, keeping the other's (2); "police denied that officers had seen
him" takes back a seeing by police, or a witness's called mistaken (3); the
target's own apposition is no other man (4); a reason that tells the death
keeps it (5); custody now denied after a present perfect arrest takes it back
(6); a denial retracted is undone (7). Each with near misses that keep c209's
reading.
"""

from __future__ import annotations

from typing import Any

import pytest

from reading import lives, reader, seen

_read = reader("Rodrigo Salcedo Ibarra")
_rossi = reader("Andrea Rossi")

pytestmark = pytest.mark.nlp

_NEXT = "Salcedo was arrested in Culiacán on Monday, media reported. "
_TOLD = "Salcedo was arrested in Culiacán on Monday, media reported; "
_BOTH = "Salcedo was arrested and killed in Culiacán on Monday, media reported; "
_CERTAIN = [("Culiacán", "certain")]


# -- 1: what undoes a denial -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        _NEXT + "Police denied that he had been arrested, but confirmed that his "
        "brother had been.",
        _NEXT + "Police denied that he had been arrested, but confirmed that he had "
        "been questioned.",
        _NEXT + "Police denied that he had been arrested, but confirmed that a raid "
        "had taken place.",
        _NEXT + "Police denied that he had been arrested, but confirmed they were "
        "looking for him.",
        _NEXT + "Police denied that he had been arrested, but confirmed his wife had "
        "been detained.",
        _NEXT + "Police denied that he had been arrested, but confirmed an operation "
        "in the city.",
        _NEXT + "The army denied that he had been arrested, but later confirmed that "
        "soldiers had killed a gunman.",
        _NEXT + "Police denied that he had been arrested, saying he had been released "
        "from prison in 2015.",
        _TOLD + "police denied it, but confirmed that his brother had been arrested.",
        _TOLD + "police denied arresting him, saying the army had detained his "
        "brother.",
        _TOLD + "police denied that they had detained him, but admitted questioning "
        "him.",
    ],
)
def test_a_confirmation_of_something_else_undoes_no_denial(text: str, nlp: Any) -> None:
    assert seen(_read(text, nlp)) == []


@pytest.mark.parametrize(
    "text",
    [
        _NEXT + "Police denied that he had been arrested, but later confirmed it.",
        _NEXT + "Police denied that he had been arrested, but later confirmed the "
        "arrest.",
        _NEXT + "Police denied that he had been arrested, but later confirmed that "
        "he had been arrested.",
        _NEXT + "Police denied that he had been arrested, saying he had been released "
        "on bail on Tuesday.",
        _TOLD + "police denied arresting him, saying the army had detained him.",
        _TOLD + "police denied that he had been arrested, but a day later admitted it.",
    ],
)
def test_a_confirmation_of_the_event_still_undoes_it(text: str, nlp: Any) -> None:
    assert seen(_read(text, nlp)) == _CERTAIN


def test_a_confirmation_of_a_woman_held_undoes_a_denial_of_her(nlp: Any) -> None:
    text = (
        "Doe was arrested in Leeds on Monday, the BBC reported. Police denied that "
        "she had been arrested, but later confirmed they had arrested a woman of 34."
    )
    assert seen(_read(text, nlp, target="Jane Doe")) == [("Leeds", "certain")]


# -- 2: one of two events denied next --------------------------------------------------


@pytest.mark.parametrize(
    "denied",
    [
        "Police denied that he had been arrested.",
        "Police denied that he had been arrested in Durango.",
        "Police later denied that he had been detained.",
    ],
)
def test_the_denied_arrest_goes_and_the_sighting_stays(denied: str, nlp: Any) -> None:
    text = "Salcedo was seen in Culiacán and arrested in Durango, media reported. "
    text += denied
    assert seen(_read(text, nlp)) == [("Culiacán", "certain")]


def test_a_denial_of_the_joined_sighting_keeps_the_arrest(nlp: Any) -> None:
    text = (
        "Salcedo was arrested in Culiacán and spotted in Durango, media reported. "
        "Police denied that he had been spotted in Durango."
    )
    assert seen(_read(text, nlp)) == [("Culiacán", "certain")]


def test_a_denial_of_neither_event_keeps_both(nlp: Any) -> None:
    text = (
        "Salcedo was seen in Culiacán and arrested in Durango, media reported. "
        "Police denied that he had been tortured."
    )
    assert sorted(seen(_read(text, nlp))) == [
        ("Culiacán", "certain"),
        ("Durango", "certain"),
    ]


# -- 3: a seeing by police -------------------------------------------------------------


@pytest.mark.parametrize(
    "told",
    [
        "A police officer said he saw Salcedo in Culiacán on Monday. ",
        "An off-duty officer told reporters he saw Salcedo in Culiacán on Monday. ",
        "Officers saw Salcedo in Culiacán on Monday, media reported. ",
        "A patrol spotted Salcedo in Culiacán on Monday, a witness said. ",
    ],
)
def test_police_deny_a_seeing_by_police(told: str, nlp: Any) -> None:
    text = told + "Police denied that officers had seen him."
    assert seen(_read(text, nlp)) == []


def test_police_deny_a_witness_called_mistaken(nlp: Any) -> None:
    text = (
        "A witness said he saw Salcedo in Culiacán on Monday. Police denied that "
        "officers had seen him, and said the witness was mistaken."
    )
    assert seen(_read(text, nlp)) == []


@pytest.mark.parametrize(
    "told",
    [
        "A witness said he saw Salcedo in Culiacán on Monday. ",
        "Salcedo was seen in Culiacán on Monday, a shopkeeper said. ",
    ],
)
def test_police_deny_only_their_own_seeing(told: str, nlp: Any) -> None:
    text = told + "Police denied that officers had seen him."
    assert seen(_read(text, nlp)) == _CERTAIN


# -- 4: the target's apposition --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Andrea Rossi, an Italian businessman, was arrested in Milan on Monday, Ansa "
        "reported; police denied having arrested him.",
        "Andrea Rossi, a businessman, was arrested in Milan on Monday, Ansa "
        "reported; police denied having arrested him.",
        "Andrea Rossi, an Italian businessman, was arrested in Milan on Monday, Ansa "
        "reported. Police denied that he had been detained.",
    ],
)
def test_the_targets_apposition_is_the_target(text: str, nlp: Any) -> None:
    assert seen(_rossi(text, nlp)) == []


def test_another_man_of_the_sentence_still_blocks_him(nlp: Any) -> None:
    text = (
        "Andrea Rossi was arrested in Milan on Monday with a businessman, Ansa "
        "reported; police denied having arrested him."
    )
    assert seen(_rossi(text, nlp)) == [("Milan", "certain")]


# -- 5: a reason that tells the death --------------------------------------------------


@pytest.mark.parametrize(
    "denied",
    [
        "police denied arresting him, saying he had been shot by his own bodyguards.",
        "police denied arresting and killing him, saying he had died in a car crash.",
    ],
)
def test_a_reason_that_tells_the_death_keeps_it(denied: str, nlp: Any) -> None:
    assert ("dead", "certain") in lives(_read(_BOTH + denied, nlp))


def test_a_denial_of_the_killing_with_no_death_reason_drops_it(nlp: Any) -> None:
    got = lives(_read(_BOTH + "police denied arresting and killing him.", nlp))
    assert ("dead", "certain") not in got


# -- 6: custody now, after a present perfect -------------------------------------------


def test_custody_today_denied_after_has_been_arrested(nlp: Any) -> None:
    text = (
        "Salcedo has been arrested in Culiacán, media reported on Monday; police "
        "denied he is in custody today."
    )
    assert seen(_read(text, nlp)) == []


@pytest.mark.parametrize(
    "denied",
    ["police denied he is in custody today.", "police denied he is still in custody."],
)
def test_custody_now_after_a_past_arrest_denies_no_arrest(
    denied: str, nlp: Any
) -> None:
    assert ("Culiacán", "certain") in seen(_read(_TOLD + denied, nlp))


# -- 7: a denial retracted -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        _NEXT + "Police denied that he had been arrested, but later retracted the "
        "denial.",
        _TOLD + "police denied that he had been arrested, but later withdrew the "
        "denial.",
    ],
)
def test_a_denial_retracted_is_undone(text: str, nlp: Any) -> None:
    assert seen(_read(text, nlp)) == _CERTAIN


def test_a_denial_repeated_stays(nlp: Any) -> None:
    text = _NEXT + "Police denied that he had been arrested, and later repeated it."
    assert seen(_read(text, nlp)) == []
