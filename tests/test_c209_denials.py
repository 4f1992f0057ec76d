"""Review r208's regressions of the denials of c203 (helper c209).

A denial in the next sentence reads as one after a semicolon: "neither
confirm nor deny" is none, nor one undone ("but later confirmed it", "They
later confirmed the arrest"), nor one at another place ("in Kidal", which
the tagger takes for a people), nor one of another event of the sentence
told (1); "him" or "her" is the target's only where the target may be of
that gender (2); those who arrest deny only their own part where others did
it, or the denial's reason says so (3); "in custody" now, or another's, or
for a reason, is no arrest denied (4); a denial of the killing too, or with a
reason that he is alive, adds no death (5); and "may have denied", undone, is
no doubt (6). Each with near misses that keep c203's reading.
"""

from __future__ import annotations

from typing import Any

import pytest

from reading import lives, reader, seen

_read = reader("Rodrigo Salcedo Ibarra")

pytestmark = pytest.mark.nlp

_TOLD = "Salcedo was arrested in Culiacán on Monday, media reported"
_SEEN = "Salcedo was seen in Culiacán on Monday, media reported"
_KILLED = "Salcedo was killed in Culiacán on Monday, media reported; "
_CERTAIN = [("Culiacán", "certain")]
_GAO = "Hamadou Ag Alher was arrested in Gao on Monday, local sources said. "


# -- 1: the next sentence's denial, checked as a semicolon's ------------------


@pytest.mark.parametrize(
    "denied",
    [
        "Police would neither confirm nor deny that he had been arrested.",
        "Police did not confirm or deny that he had been arrested.",
        "Police neither confirmed nor denied that he had been arrested.",
        "Police initially denied that he had been arrested, but later confirmed it.",
        "Police at first denied that he had been arrested, but later admitted it.",
        "Police denied that he had been arrested, but his lawyer confirmed it.",
        "Police denied that he had been arrested, a claim his lawyer disputed.",
        "Police initially denied that he had been arrested. They later confirmed "
        "the arrest.",
    ],
)
def test_a_next_denial_not_made_or_undone_leaves_the_event(
    denied: str, nlp: Any
) -> None:
    assert seen(_read(f"{_TOLD}. {denied}", nlp)) == _CERTAIN


@pytest.mark.parametrize(
    "denied",
    [
        "Police denied that he had been arrested.",
        "Police denied that he had been arrested, but declined to comment further.",
        "Police denied that he had been arrested. They did not confirm the arrest.",
    ],
)
def test_a_next_denial_made_and_kept_takes_the_event_back(
    denied: str, nlp: Any
) -> None:
    assert seen(_read(f"{_TOLD}. {denied}", nlp)) == []


def test_a_semicolon_denial_later_confirmed_leaves_the_event(nlp: Any) -> None:
    text = f"{_TOLD}; police initially denied that he had been arrested, but later "
    assert seen(_read(text + "confirmed it.", nlp)) == _CERTAIN


@pytest.mark.parametrize(
    ("denied", "expected"),
    [
        ("The army denied that he had been arrested in Kidal.", [("Gao", "certain")]),
        ("Police denied that he had been arrested in Kidal.", [("Gao", "certain")]),
        ("Police denied that he had been arrested in Gao.", []),
    ],
)
def test_a_next_denial_at_another_place_denies_nothing_here(
    denied: str, expected: list[tuple[str, str]], nlp: Any
) -> None:
    assert seen(_read(_GAO + denied, nlp, target="Hamadou Ag Alher")) == expected


@pytest.mark.parametrize(
    ("denied", "expected"),
    [
        ("that he had been spotted in Durango", [("Culiacán", "certain")]),
        ("that he had been arrested", [("Durango", "certain")]),
    ],
)
def test_a_next_denial_of_one_event_leaves_the_other(
    denied: str, expected: list[tuple[str, str]], nlp: Any
) -> None:
    text = (
        "Salcedo was arrested in Culiacán on Monday and spotted in Durango on "
        f"Tuesday, media reported. Police denied {denied}."
    )
    assert seen(_read(text, nlp)) == expected


# -- 2: "him" and "her" that may be the target --------------------------------


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        (
            "Salcedo was arrested in Culiacán on Monday with his wife, media "
            "reported; police denied having detained her.",
            "Rodrigo Salcedo Ibarra",
            [("Culiacán", "certain")],
        ),
        (
            f"{_TOLD}; police denied having arrested her.",
            "Rodrigo Salcedo Ibarra",
            [("Culiacán", "certain")],
        ),
        (
            "Jane Doe was arrested in Leeds on Monday with her husband, media "
            "reported; police denied that they had detained him.",
            "Jane Doe",
            [("Leeds", "certain")],
        ),
        (
            "Jane Doe was seen in London on Monday with a man, media reported; "
            "police denied that anyone had seen him.",
            "Jane Doe",
            [("London", "certain")],
        ),
        (
            "Sydney Hamilton was arrested in Fort Erie on Monday with her husband, "
            "media reported; police denied having arrested him.",
            "Sydney Hamilton",
            [("Fort Erie", "certain")],
        ),
        # near misses: a pronoun that may be the target's
        (
            "Jane Doe was arrested in Leeds on Monday, media reported; police "
            "denied having arrested her.",
            "Jane Doe",
            [],
        ),
        (
            "Sydney Hamilton was arrested in Fort Erie on Monday, media reported; "
            "police denied having arrested her.",
            "Sydney Hamilton",
            [],
        ),
        (
            "Salcedo was arrested in Culiacán on Monday with his wife, media "
            "reported; police denied having detained him.",
            "Rodrigo Salcedo Ibarra",
            [],
        ),
    ],
)
def test_a_pronoun_of_another_denies_nothing_of_the_target(
    text: str, target: str, expected: list[tuple[str, str]], nlp: Any
) -> None:
    assert seen(_read(text, nlp, target=target)) == expected


# -- 3: who made the arrest ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Salcedo was arrested by soldiers in Culiacán on Monday, media reported; "
        "police denied that they had detained him.",
        "Salcedo was arrested by the army in Culiacán on Monday, media reported; "
        "police denied arresting him.",
        "Salcedo was arrested by soldiers in Culiacán on Monday, media reported. "
        "Police denied that they had detained him.",
        f"{_TOLD}; police denied having arrested him, saying the army had "
        "detained him.",
        f"{_TOLD}; police denied having arrested him, saying he had been detained "
        "by the army.",
        f"{_TOLD}; police denied arresting him, saying soldiers had.",
        f"{_TOLD}; police denied that they had arrested him, and said soldiers had.",
        f"{_TOLD}; police denied that they had arrested him; the army said it had.",
        f"{_TOLD}; police denied that they had arrested him before Monday.",
        f"{_SEEN}; police denied that officers had seen him.",
        f"{_SEEN}; police denied that any officer had seen him.",
    ],
)
def test_a_denial_of_their_own_part_leaves_anothers_arrest(text: str, nlp: Any) -> None:
    assert seen(_read(text, nlp)) == _CERTAIN


@pytest.mark.parametrize(
    "text",
    [
        "Salcedo was arrested by police in Culiacán on Monday, media reported; "
        "police denied that they had detained him.",
        f"{_TOLD}; police denied that officers had arrested him.",
        f"{_TOLD}; police denied that they had arrested him on Monday.",
        f"{_TOLD}; police denied having arrested him, saying the army had not "
        "detained him.",
        "Salcedo was arrested by soldiers in Culiacán on Monday, media reported; "
        "police denied that anyone had arrested him.",
        "Salcedo was seen by police in Culiacán on Monday, media reported; police "
        "denied that officers had seen him.",
        f"{_SEEN}; police denied that anyone had seen him.",
    ],
)
def test_a_denial_of_the_whole_deed_still_takes_it_back(text: str, nlp: Any) -> None:
    assert seen(_read(text, nlp)) == []


# -- 4: "in custody" -----------------------------------------------------------


@pytest.mark.parametrize(
    "custody",
    [
        "police denied that he is in custody.",
        "police deny that he is in custody.",
        "police denied that he was in custody today.",
        "US officials denied that he was in US custody.",
        "police denied that he was in military custody.",
        "police denied that he was in the custody of the army.",
        "police denied that he was in custody for the murder.",
        "police denied that he was in custody, saying he was released on bail.",
        "police denied that he was in custody, saying he had been released.",
    ],
)
def test_custody_now_or_anothers_denies_no_arrest(custody: str, nlp: Any) -> None:
    got = seen(_read(f"{_TOLD}; {custody}", nlp))
    assert ("Culiacán", "certain") in got


@pytest.mark.parametrize(
    "custody",
    [
        "police denied that he was in custody.",
        "police denied that he was in police custody.",
        "police denied that he had ever been in custody.",
        "police denied that he was in custody, saying he had not been released.",
    ],
)
def test_custody_denied_then_takes_the_arrest_back(custody: str, nlp: Any) -> None:
    assert seen(_read(f"{_TOLD}; {custody}", nlp)) == []


# -- 5: deaths -----------------------------------------------------------------


@pytest.mark.parametrize(
    "denied",
    [
        "police denied arresting and killing him.",
        "police denied arresting and executing him.",
        "police denied having arrested and killed him.",
        "police denied that he had been arrested, saying he had escaped.",
        "police denied that he had been arrested, saying he had fled to Durango.",
        "police denied that he had been arrested, saying he was still at large.",
        "police denied that he had been arrested, saying he was in hiding.",
        "police denied that he had been kidnapped, saying he had gone abroad.",
        "police denied that he had been arrested, saying the man killed was his "
        "cousin.",
    ],
)
def test_a_denial_that_he_lives_adds_no_death(denied: str, nlp: Any) -> None:
    assert ("dead", "certain") not in lives(_read(_KILLED + denied, nlp))


def test_he_is_alive_next_adds_no_death(nlp: Any) -> None:
    text = _KILLED + "police denied that he had been arrested. He is alive, they said."
    assert lives(_read(text, nlp)) == [("alive", "certain")]


@pytest.mark.parametrize(
    "denied",
    [
        "police denied that he had been arrested, saying he had been killed by rivals.",
        "police denied that he had been arrested, saying he had been shot dead by "
        "soldiers.",
        "police denied arresting him.",
    ],
)
def test_a_denial_that_grants_the_death_keeps_it(denied: str, nlp: Any) -> None:
    assert lives(_read(_KILLED + denied, nlp)) == [("dead", "certain")]


# -- 6: "may have denied", undone ------------------------------------------------


@pytest.mark.parametrize(
    "denied",
    [
        "police might have denied that he had been arrested had they been asked.",
        "police may have denied that he had been arrested, but later confirmed it.",
        "police may have denied it, but the army confirmed the arrest.",
        "police may have denied that he had been arrested, but he was seen in a "
        "cell on Tuesday.",
    ],
)
def test_a_maybe_denial_undone_is_no_doubt(denied: str, nlp: Any) -> None:
    assert seen(_read(f"{_TOLD}; {denied}", nlp)) == _CERTAIN


def test_a_maybe_denial_of_its_own_seeing_stays_a_doubt(nlp: Any) -> None:
    text = (
        "Police may have denied that Salcedo was seen in Culiacán, but a witness "
        "saw him there on Monday."
    )
    assert seen(_read(text, nlp)) == [("Culiacán", "probable")]
    text = f"{_TOLD}; police may have denied that he had been arrested."
    assert seen(_read(text, nlp)) == [("Culiacán", "probable")]
