"""Review r124 of fb79396 (helper u125): what o119's denials by kind took too far.

A denied clause that adds nothing to the event told ("at all", "in the first
place", "as reported", "by police", "or detained", a time that agrees with or
is vaguer than the day told) denies the event, as before o119 (W1); a seeing
is of an arrest only where the custody words are the seen one's state:
"behind bars", not "behind the bar of a cantina"; "in jail", not as a visitor;
"under (police) guard", not "under guard of his own gunmen" (W3); a seeing of
one "being held by police" or "getting into a police car" is an arrest where
the parse hangs it on the time ("on Monday being held"); and "death threats"
are no death denied (W4). Each with near misses.
"""

from __future__ import annotations

from typing import Any

import pytest

from reading import lives, negated, reader, seen

_read = reader("Rodrigo Salcedo Ibarra")

pytestmark = pytest.mark.nlp

_TOLD = "Salcedo was arrested in Culiacán on Monday, media reported; "


@pytest.mark.parametrize(
    "denied",
    [
        "police denied that he had been arrested at all.",
        "police denied that he had been arrested in Culiacán at all.",
        "police denied that he had been arrested in the first place.",
        "police denied that he had been detained by police.",
        "police denied that he had been arrested, as reported.",
        "police denied that he had been arrested yesterday.",
        "police denied that he had been arrested that day.",
        "police denied that he had been arrested in Culiacán this week.",
        "police denied that he had been arrested or detained.",
    ],
)
def test_a_denial_adding_nothing_takes_the_arrest_back(denied: str, nlp: Any) -> None:
    r = _read(_TOLD + denied, nlp)
    assert seen(r) == [] and negated(r)


@pytest.mark.parametrize(
    "denied",
    [
        "the army denied that he had been arrested by the army.",
        "police denied that he had been detained by the army.",
        "police denied that he had been arrested in 2015.",
        "police denied that he had been arrested last year.",
        "police denied that he had been arrested and tortured.",
        "police denied that he had been detained without a warrant.",
    ],
)
def test_a_denial_of_a_detail_still_leaves_the_arrest(denied: str, nlp: Any) -> None:
    assert seen(_read(_TOLD + denied, nlp)) == [("Culiacán", "certain")]


_DENIED = "; police denied that he had been arrested."


@pytest.mark.parametrize(
    "seeing",
    [
        "Salcedo was seen behind the bar of a cantina in Culiacán on Monday",
        "Salcedo was seen in jail in Culiacán on Monday visiting his brother",
        "Salcedo was seen in jail in Culiacán on Monday as a visitor",
        "Salcedo was seen in Culiacán on Monday under guard of his own gunmen",
    ],
)
def test_custody_words_not_of_the_seen_one_are_no_arrest(seeing: str, nlp: Any) -> None:
    assert seen(_read(seeing + _DENIED, nlp)) == [("Culiacán", "certain")]


@pytest.mark.parametrize(
    "seeing",
    [
        "Salcedo was seen behind bars in Culiacán on Monday",
        "Salcedo was seen in jail in Culiacán on Monday",
        "Salcedo was seen in Culiacán on Monday under police guard",
        "Salcedo was seen in Culiacán on Monday under armed guard",
        "Salcedo was seen in Culiacán on Monday under the guard of soldiers",
        "Salcedo was seen in Culiacán on Monday being held by police",
        "Salcedo was seen in Culiacán on Monday being picked up by police for "
        "questioning",
        "Salcedo was seen in Culiacán on Monday getting into a police car",
        "Salcedo was seen being held by police in Culiacán on Monday",
        "Salcedo was seen getting into a police car in Culiacán on Monday",
    ],
)
def test_a_seeing_of_one_held_is_an_arrest_denied(seeing: str, nlp: Any) -> None:
    r = _read(seeing + _DENIED, nlp)
    assert seen(r) == [] and negated(r)


def test_death_threats_denied_are_no_death_denied(nlp: Any) -> None:
    r = _read(
        "Salcedo was killed in Culiacán on Monday, media reported; police denied "
        "reports of his arrest and of death threats against his family.",
        nlp,
    )
    assert lives(r) == [("dead", "certain")]


def test_his_death_denied_with_his_arrest_is_still_taken_back(nlp: Any) -> None:
    r = _read(
        "Salcedo was killed in Culiacán on Monday, media reported; police denied "
        "reports of his arrest and of his death.",
        nlp,
    )
    assert lives(r) == [] and negated(r)
