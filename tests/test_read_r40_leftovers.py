"""Reading errors left after r39, each with its near-miss.

- "*Rumours* say ...", "*Reports* say", "*Gossip* says": hearsay of no one, at
  most possible, with no speaker called "Rumours".
- "was *wrongly arrested* in Durango": an arrest on wrong grounds places him
  there; "Police *wrongly said* he was arrested there" and "was wrongly
  believed to be in Durango" do not.
- "Police *refused to dismiss* reports that Jane Doe is alive": no dismissal;
  the reports stand, hedged as reports (possible), no one's word: the police
  neither make nor deny them.
- "Police dismissed reports that Jane Doe is alive, *but her mother insists
  she is*": the mother's word of life, its "alive" left out.
- "Ag Alher, *who may be hiding in Algeria*, is believed by officials to be
  near Kidal": the relative clause is the writer's, not the officials'.
- "Salcedo's lawyer *filed a motion claiming* he is alive": the lawyer's claim.
- "A video ... shows Ag Alher's *deputy* addressing fighters, weeks after the
  army said *he* had been killed": the "he" is the deputy's.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from reading import item_set, reader

pytestmark = pytest.mark.nlp

_salcedo = reader("Rodrigo Salcedo Ibarra")
_doe = reader("Jane Doe")
_ag_alher = reader("Hamadou Ag Alher")
_S = "Rodrigo Salcedo Ibarra"
_H = "Hamadou Ag Alher"
_MONDAY = dt.date(2018, 6, 4)


def _items(reading: Any) -> set[tuple[Any, ...]]:
    return item_set(reading)


# --- hearsay as the subject of "say" -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Rumours say {_S} is in Culiacán.",
         {("Claim", "Culiacán is", "possible", "F5", None)}),
        (f"Reports say {_S} is in Culiacán.",
         {("Claim", "Culiacán is", "possible", "F5", None)}),
        (f"Gossip says {_S} is in Culiacán.",
         {("Claim", "Culiacán is", "possible", "F5", None)}),
        (f"Rumours say {_S} is dead.",
         {("LifeStatus", "dead", "possible", "F5", None)}),
        (f"Police say {_S} is in Durango, but rumours say he is in Culiacán.",
         {("Claim", "Durango is", "certain", "F2", "Police"),
          ("Claim", "Culiacán is", "possible", "F5", None)}),
        # near-misses: people, or a report with its author, speak as before
        (f"Witnesses say {_S} is in Culiacán.",
         {("Claim", "Culiacán is", "certain", "F3", "Witnesses")}),
        (f"Police say {_S} is in Culiacán.",
         {("Claim", "Culiacán is", "certain", "F2", "Police")}),
        (f"A police report says {_S} is in Culiacán.",
         {("Claim", "Culiacán is", "certain", "F3", None)}),
    ],
)  # fmt: skip
def test_hearsay_as_a_subject_is_no_speaker(
    text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _items(_salcedo(text, nlp)) == expected


# --- an arrest called wrongful still places -------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{_S} was wrongly arrested in Durango on Monday.",
         {("Sighting", "seen Durango", "certain", "F3", None)}),
        (f"{_S} was falsely arrested in Durango on Monday.",
         {("Sighting", "seen Durango", "certain", "F3", None)}),
        (f"{_S} was wrongly detained by police in Durango on Monday.",
         {("Sighting", "seen Durango", "certain", "F3", None)}),
        (f"Police wrongly arrested {_S} in Durango on Monday.",
         {("Sighting", "seen Durango", "certain", "F3", None)}),
        # near-misses: a statement or a belief called wrong places no one
        (f"Police wrongly said {_S} was arrested in Durango.", set()),
        (f"Police falsely claimed {_S} was arrested in Durango.", set()),
        (f"{_S} was wrongly believed to be in Durango.", set()),
        (f"{_S} was not arrested in Durango on Monday.", set()),
    ],
)  # fmt: skip
def test_a_wrongful_arrest_places_the_target(
    text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    reading = _salcedo(text, nlp)
    assert _items(reading) == expected
    assert all(i.date == _MONDAY for i in reading.evidence)


# --- a refusal to dismiss, and a word of life after a dismissal ----------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police refused to dismiss reports that Jane Doe is alive.",
         {("LifeStatus", "alive", "possible", "F3", None)}),
        ("Police declined to dismiss reports that Jane Doe is alive.",
         {("LifeStatus", "alive", "possible", "F3", None)}),
        ("Police refused to rule out reports that Jane Doe is alive.",
         {("LifeStatus", "alive", "possible", "F3", None)}),
        ("There are reports that Jane Doe is alive.",
         {("LifeStatus", "alive", "possible", "F3", None)}),
        ("Police declined to confirm reports that Jane Doe is in York.",
         {("Claim", "York is", "possible", "F3", None)}),
        # near-misses: a dismissal denies, a confirmation vouches
        ("Police dismissed reports that Jane Doe is alive.", set()),
        ("Police dismissed reports that Jane Doe is in York.",
         {("Claim", "York is_not", "certain", "F2", "Police")}),
        ("Police confirmed reports that Jane Doe is alive.",
         {("LifeStatus", "alive", "certain", "F2", "Police")}),
    ],
)  # fmt: skip
def test_a_refusal_to_dismiss_leaves_the_reports(
    text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _items(_doe(text, nlp)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police dismissed reports that Jane Doe is alive, but her mother insists "
         "she is.", {("LifeStatus", "alive", "certain", "F3", "Her mother")}),
        ("Police dismissed reports that Jane Doe is alive, but her mother says "
         "she is.", {("LifeStatus", "alive", "certain", "F3", "Her mother")}),
        ("Police deny that Jane Doe is alive, but her mother insists she is.",
         {("LifeStatus", "alive", "certain", "F3", "Her mother")}),
        ("Police dismissed reports that Jane Doe is alive, but her mother insists "
         "she is still alive.",
         {("LifeStatus", "alive", "certain", "F3", "Her mother")}),
        # near-misses: the mother denies it too, or agrees with no clause
        ("Police dismissed reports that Jane Doe is alive, but her mother insists "
         "she is not.", set()),
        ("Police dismissed reports that Jane Doe is alive, and her mother agrees.",
         set()),
        ("The army said Jane Doe had been killed, but her brother said she was "
         "alive.",
         {("LifeStatus", "alive", "certain", "F3", "Her brother"),
          ("LifeStatus", "dead", "certain", "F2", "Army")}),
    ],
)  # fmt: skip
def test_a_word_of_life_after_a_dismissal_is_its_speakers(
    text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _items(_doe(text, nlp)) == expected


# --- the relative clause of one believed by officials ---------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{_H}, who may be hiding in Algeria, is believed by officials to be near "
         "Kidal.",
         {("Claim", "Algeria is", "possible", "F3", None),
          ("Claim", "Kidal is", "probable", "F2", "Officials")}),
        (f"{_H}, who may be hiding in Algeria, is thought by analysts to be near "
         "Kidal.",
         {("Claim", "Algeria is", "possible", "F3", None),
          ("Claim", "Kidal is", "probable", "F2", "Analysts")}),
        # near-misses: "officials said" holds the whole sentence; no one named
        (f"{_H}, who may be hiding in Algeria, is near Kidal, officials said.",
         {("Claim", "Algeria is", "possible", "F2", "Officials"),
          ("Claim", "Kidal is", "certain", "F2", "Officials")}),
        (f"{_H}, who may be hiding in Algeria, is believed to be near Kidal.",
         {("Claim", "Algeria is", "possible", "F3", None),
          ("Claim", "Kidal is", "probable", "F3", None)}),
        (f"{_H} is believed by officials to be near Kidal.",
         {("Claim", "Kidal is", "probable", "F2", "Officials")}),
    ],
)  # fmt: skip
def test_the_relative_clause_is_not_the_believers(
    text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    reading = _ag_alher(text, nlp)
    assert _items(reading) == expected
    assert not any("speaker of its own" in r.detail for r in reading.rejected)


# --- a document put out is its author's word ------------------------------------------

_LAWYER = f"{_S}'s lawyer"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{_LAWYER} filed a motion claiming he is alive.",
         {("LifeStatus", "alive", "possible", "F3", _LAWYER)}),
        (f"{_LAWYER} filed a motion claiming he is in Culiacán.",
         {("Claim", "Culiacán is", "possible", "F3", _LAWYER)}),
        (f"{_LAWYER} filed a motion saying he is alive.",
         {("LifeStatus", "alive", "certain", "F3", _LAWYER)}),
        # near-misses: the lawyer's own claim; a thing with no author is hearsay
        (f"{_LAWYER} claimed he is alive.",
         {("LifeStatus", "alive", "possible", "F3", _LAWYER)}),
        (f"A motion claiming {_S} is alive was filed on Monday.",
         {("LifeStatus", "alive", "possible", "F3", None)}),
        (f"A post claiming {_S} is alive circulated on Monday.",
         {("LifeStatus", "alive", "possible", "F3", None)}),
    ],
)  # fmt: skip
def test_a_motion_filed_is_its_authors_claim(
    text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _items(_salcedo(text, nlp)) == expected


def test_a_statement_released_is_its_authors(nlp: Any) -> None:
    reading = _doe("Police released a statement saying Jane Doe had died.", nlp)
    assert _items(reading) == {("LifeStatus", "dead", "certain", "F2", "Police")}


# --- the "he" after another of the target's own shown ---------------------------------

_VIDEO = f"A video released on Monday shows {_H}"
_AFTER = "addressing fighters, weeks after the army said"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{_VIDEO}'s deputy {_AFTER} he had been killed.", set()),
        (f"{_VIDEO}'s bodyguard {_AFTER} he had been killed.", set()),
        (f"{_VIDEO}'s brother {_AFTER} he had been killed.", set()),
        # near-misses: a "he" that cannot be the wife, the target named, or the
        # target shown
        (f"{_VIDEO}'s wife {_AFTER} he had been killed.",
         {("LifeStatus", "dead", "certain", "F2", "Army")}),
        (f"{_VIDEO}'s deputy {_AFTER} Ag Alher had been killed.",
         {("LifeStatus", "dead", "certain", "F2", "Army")}),
        (f"{_VIDEO} {_AFTER} he had been killed.",
         {("LifeStatus", "alive", "certain", "F2", None),
          ("LifeStatus", "dead", "certain", "F2", "Army")}),
    ],
)  # fmt: skip
def test_the_he_after_another_shown_is_the_others(
    text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _items(_ag_alher(text, nlp)) == expected
