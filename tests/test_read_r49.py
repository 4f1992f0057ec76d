"""Review r49: a hedge or a denial read of its own verb, each with its near-miss.

- A confirmation withheld leaves what it is of only raised, not denied: "would
  not (won't) confirm reports that he was arrested", "won't confirm that he is
  dead" (a refusal, as "declined to confirm that"); so "declined to confirm
  *whether* he had been arrested", a question left open, not a condition. Not
  "denied that", nor an "if" that is one ("could not confirm", not able to,
  is possible too since r51).
- A clause after the death that says it could not be confirmed ("...; his
  death could not be confirmed") leaves the death possible, as a next
  sentence saying so does; a death denied stays denied.
- A modal of a verb joined after the statement by "and" ("was arrested in
  Culiacán and may face charges in Texas") hedges that verb only; the
  statement's own modal ("may have been arrested ... and extradited"), or one
  joined by "or", still hedges it.
"""

from __future__ import annotations

from typing import Any

import pytest

from geosleuth.evidence import LifeStatus
from reading import reader

pytestmark = pytest.mark.nlp

_read = reader("Rodrigo Salcedo Ibarra")


def _items(text: str, nlp: Any) -> set[tuple[str, str, str]]:
    """(kind, place or status, hedge) of each item read from ``text``."""
    return {
        (
            i.kind,
            i.status if isinstance(i, LifeStatus) else i.place_name,
            i.hedge,
        )
        for i in _read(text, nlp).evidence
    }


_SEEN = {("sighting", "Culiacán", "possible")}
_ARRESTED = {("sighting", "Culiacán", "certain")}
_DEAD_THERE = {("life_status", "dead", "certain"), ("claim", "Culiacán", "certain")}
_DEAD_MAYBE = {("life_status", "dead", "possible"), ("claim", "Culiacán", "possible")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials declined to confirm whether Salcedo had been arrested in "
         "Culiacán.", _SEEN),
        ("Officials wouldn't confirm reports that Salcedo was arrested in "
         "Culiacán.", _SEEN),
        ("Officials would not confirm that Salcedo had been arrested in "
         "Culiacán.", _SEEN),
        # near misses: as before
        ("Officials declined to confirm Salcedo had been arrested in Culiacán.",
         _SEEN),
        ("Officials declined to confirm that Salcedo had been arrested in "
         "Culiacán.", _SEEN),
        ("Salcedo may have been arrested in Culiacán.", _SEEN),
        ("Salcedo was arrested in Culiacán.", _ARRESTED),
        ("Police denied that Salcedo had been arrested in Culiacán.", set()),
        # r51: a confirmation not made denies nothing, as for a death
        ("Officials could not confirm that Salcedo had been arrested in "
         "Culiacán.", _SEEN),
        ("If Salcedo was arrested in Culiacán, he will be extradited.", set()),
    ],
)  # fmt: skip
def test_a_confirmation_withheld_leaves_the_arrest_possible(
    text: str, expected: set[tuple[str, str, str]], nlp: Any
) -> None:
    assert _items(text, nlp) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials won't confirm that Salcedo is dead.",
         {("life_status", "dead", "possible")}),
        ("Officials won't confirm that Salcedo is alive.",
         {("life_status", "alive", "possible")}),
        # near misses: as before
        ("Officials declined to confirm that Salcedo is dead.",
         {("life_status", "dead", "possible")}),
        ("Officials say Salcedo is not dead.", set()),
    ],
)  # fmt: skip
def test_a_confirmation_refused_leaves_the_life_possible(
    text: str, expected: set[tuple[str, str, str]], nlp: Any
) -> None:
    assert _items(text, nlp) == expected


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("Officials would not confirm that Salcedo is in Culiacán.", "possible"),
        ("Officials will not confirm reports that Salcedo is hiding in Culiacán.",
         "possible"),
        # near misses: as before
        ("Officials could not confirm that Salcedo is in Culiacán.", "doubtful"),
        ("Officials would not say whether Salcedo was in Culiacán.", "doubtful"),
        ("Salcedo could be hiding in Culiacán.", "possible"),
    ],
)  # fmt: skip
def test_a_confirmation_refused_is_declined_not_doubted(
    text: str, hedge: str, nlp: Any
) -> None:
    assert _items(text, nlp) == {("claim", "Culiacán", hedge)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Salcedo was killed in a shootout in Culiacán on Monday; his death could "
         "not be confirmed.", _DEAD_MAYBE),
        ("Salcedo was killed in a shootout in Culiacán on Monday, but his death "
         "could not be confirmed.", _DEAD_MAYBE),
        ("Salcedo was killed in a shootout in Culiacán on Monday; officials could "
         "not confirm his death.", _DEAD_MAYBE),
        # near misses: as before
        ("Salcedo was killed in Culiacán on Monday. His death could not be "
         "confirmed.", _DEAD_MAYBE),
        ("Salcedo was killed in Culiacán.", _DEAD_THERE),
        ("Salcedo was killed in a shootout in Culiacán on Monday; his death was "
         "confirmed by police.", _DEAD_THERE),
        ("Salcedo was not killed in Culiacán on Monday; his death could not be "
         "confirmed.", set()),
    ],
)  # fmt: skip
def test_a_death_doubted_in_its_sentence_stays_possible(
    text: str, expected: set[tuple[str, str, str]], nlp: Any
) -> None:
    assert _items(text, nlp) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Salcedo was arrested in Culiacán on Monday and may face charges in "
         "Texas.", _ARRESTED),
        ("Police said Salcedo was arrested in Culiacán and may face charges in "
         "Texas.", _ARRESTED),
        ("Salcedo was killed in Culiacán on Monday and may have been betrayed.",
         _DEAD_THERE),
        # near misses: as before
        ("Salcedo was arrested in Culiacán on Monday and could be extradited to "
         "the United States.", _ARRESTED),
        ("Salcedo may have been arrested in Culiacán and extradited.", _SEEN),
        ("Salcedo was killed in Culiacán or may have been wounded.", _DEAD_MAYBE),
    ],
)  # fmt: skip
def test_a_modal_joined_after_hedges_its_own_verb(
    text: str, expected: set[tuple[str, str, str]], nlp: Any
) -> None:
    assert _items(text, nlp) == expected
