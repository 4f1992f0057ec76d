"""Review r38's regressions in the reading rules of r39 and r40, each with its
near-miss (the rule's own case, which must keep its reading).

- H1: a hoax ("a hoax site", "satirical articles") beside a death does not
  unsay it; only a hoax that tells the death does.
- H2: "..., a claim his family has *never* disputed" takes nothing back.
- H3: "Reports *from the army* say", "*Military* reports say" name their author;
  not hearsay of no one ("Rumours *in Culiacán* say" still is).
- H4: the speaker's own relative clause is not the hearsay he relays.
- H5: "it is said" hedges only the words it opens, and not a statement "by
  police".
- H6: "Police released a statement *from her family*", "an *anonymous* tip": not
  the police's own word.
- H7: "would have fled" with no condition is a guess (possible), not a deed
  that did not happen.
- M3: a death told "weeks after" a recording that shows another stays dated
  before the recording.
"""

from __future__ import annotations

from typing import Any

import pytest

from geosleuth.evidence import Claim, LifeStatus
from reading import item_set, reader

pytestmark = pytest.mark.nlp

_salcedo = reader("Rodrigo Salcedo Ibarra")
_doe = reader("Jane Doe")
_ag_alher = reader("Hamadou Ag Alher")
_jalmaani = reader("Mundi Jalmaani")
_S = "Rodrigo Salcedo Ibarra"
_H = "Hamadou Ag Alher"
_READERS = {"S": _salcedo, "D": _doe, "H": _ag_alher, "M": _jalmaani}


def _items(reading: Any) -> set[tuple[Any, ...]]:
    return item_set(reading)


def _read(who: str, text: str, nlp: Any) -> set[tuple[Any, ...]]:
    return _items(_READERS[who](text, nlp))


def _dead(hedge: str, grade: str, speaker: str | None) -> tuple[Any, ...]:
    return ("LifeStatus", "dead", hedge, grade, speaker)


def _claim(place: str, hedge: str, grade: str, speaker: str | None) -> tuple[Any, ...]:
    return ("Claim", f"{place} is", hedge, grade, speaker)


_POLICE_DEATH = {
    _dead("certain", "F2", "Police"),
    _claim("Culiacán", "certain", "F2", "Police"),
}


# --- H1: a hoax beside a death --------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "text", "expected"),
    [
        ("S", f"Police confirmed that {_S} was killed in Culiacán on Monday, weeks "
              "after a hoax site reported his death.",
         _POLICE_DEATH),
        ("S", f"{_S} died in Culiacán on Monday, the newspaper reported, though a "
              "spoof account had announced his death earlier.",
         {_dead("certain", "F2", "Newspaper"),
          _claim("Culiacán", "certain", "F2", "Newspaper")}),
        ("S", f"{_S}, long the butt of satirical articles, was killed in Culiacán on "
              "Monday, police said.",
         _POLICE_DEATH),
        ("S", f"{_S} was killed in Culiacán on Monday, police said, ending years of "
              "hoax stories about his fate.",
         _POLICE_DEATH),
        ("S", f"{_S} died in Culiacán on Monday, his family said, denying rumours "
              "spread by hoax websites that he had been poisoned.",
         {_dead("certain", "F3", "His family"),
          _claim("Culiacán", "certain", "F3", "His family")}),
        ("H", f"{_H} was killed near Kidal on Monday, the army said, rejecting reports "
              "on hoax websites that he had escaped.",
         {_dead("certain", "F2", "Army"), _claim("Kidal", "certain", "F2", "Army")}),
        # the rule's own: the hoax tells the death
        ("S", f"{_S} was reported buried in Culiacán on Monday by a hoax website.",
         set()),
        ("S", f"A satirical website claimed {_S} had been killed in Culiacán on "
              "Monday.",
         set()),
        ("S", f"{_S} was killed in Culiacán on Monday, according to a hoax website.",
         set()),
        ("S", f"A hoax website published a story saying {_S} was killed in Culiacán "
              "on Monday.", set()),
    ],
)  # fmt: skip
def test_a_hoax_beside_a_death_does_not_unsay_it(
    who: str, text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _read(who, text, nlp) == expected


# --- H2: a claim never taken back -----------------------------------------------------

_UNSEEN = f"{_S} has not been seen since he was killed in Culiacán in 2016, "


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        ("a claim his family has never disputed.",
         {_dead("certain", "F3", None), _claim("Culiacán", "certain", "F3", None)}),
        ("a claim police have never retracted.",
         {_dead("certain", "F3", None), _claim("Culiacán", "certain", "F3", None)}),
        ("a report that has never been denied.",
         {_dead("certain", "F3", None), _claim("Culiacán", "certain", "F3", None)}),
        ("a report police have refused to retract.",
         {_dead("certain", "F3", None), _claim("Culiacán", "certain", "F3", None)}),
        # the rule's own: taken back
        ("a claim police later retracted.", set()),
        ("a claim his family has disputed.", set()),
    ],
)  # fmt: skip
def test_a_claim_never_taken_back_stands(
    tail: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _read("S", _UNSEEN + tail, nlp) == expected


# --- H3: reports whose author is named ------------------------------------------------


@pytest.mark.parametrize(
    ("who", "text", "expected"),
    [
        # the army's word, never a speaker called "Reports" (review r38 L1, rd43)
        ("S", f"Reports from the army say {_S} was killed in Culiacán.",
         {_dead("certain", "F2", "Army"),
          _claim("Culiacán", "certain", "F2", "Army")}),
        ("S", f"Reports by the army say {_S} was killed in Culiacán on Monday.",
         {_dead("certain", "F2", "Army"),
          _claim("Culiacán", "certain", "F2", "Army")}),
        ("S", f"Military reports say {_S} was killed in Culiacán on Monday.",
         {_dead("certain", "F5", None), _claim("Culiacán", "certain", "F5", None)}),
        # Basilan, which the tagger calls a person, is read after "killed in"
        # (review r38 L9, rd43); the gazetteer knows it by Isabela City
        ("M", "Military reports say Mundi Jalmaani was killed in Basilan on Monday.",
         {_dead("certain", "F5", None),
          _claim("City of Isabela", "certain", "F5", None)}),
        ("S", f"Official reports say {_S} is in Durango.",
         {_claim("Durango", "certain", "F5", None)}),
        ("S", f"Reports in Mexican media say {_S} was arrested in Culiacán on Monday.",
         {("Sighting", "seen Culiacán", "certain", "F3", "Reports")}),
        # hearsay of no one, a place where it goes round included
        ("S", f"Rumours say {_S} is in Durango.",
         {_claim("Durango", "possible", "F5", None)}),
        ("S", f"Unconfirmed reports say {_S} is in Durango.",
         {_claim("Durango", "possible", "F5", None)}),
        ("S", f"Rumours in Culiacán say {_S} is in Durango.",
         {_claim("Durango", "possible", "F5", None)}),
    ],
)  # fmt: skip
def test_reports_whose_author_is_named_are_no_hearsay(
    who: str, text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _read(who, text, nlp) == expected


# --- H4: the speaker's own relative clause --------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Rivas, who says he saw {_S} in Durango, said they say he is in Culiacán.",
         {("Sighting", "seen Durango", "certain", "F3", "Rivas"),
          _claim("Culiacán", "possible", "F5", None)}),
        (f"Rivas, who saw {_S} in Durango on Monday, said they say he is in "
         "Culiacán.",
         {("Sighting", "seen Durango", "certain", "F3", "Rivas"),
          _claim("Culiacán", "possible", "F5", None)}),
        # the rule's own: the hearsay relayed
        (f"Rivas said they say {_S} is in Culiacán.",
         {_claim("Culiacán", "possible", "F5", None)}),
    ],
)  # fmt: skip
def test_the_speakers_own_relative_clause_is_no_hearsay(
    text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _read("S", text, nlp) == expected


# --- H5: "it is said" -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{_S} was killed in Culiacán on Monday; it is said he had been betrayed "
         "by his bodyguard.",
         {_dead("certain", "F5", None), _claim("Culiacán", "certain", "F5", None)}),
        (f"It is said by police that {_S} is in Culiacán.",
         {_claim("Culiacán", "certain", "F5", None)}),
        # the rule's own: what it opens is hearsay
        (f"It is said that {_S} is in Culiacán.",
         {_claim("Culiacán", "possible", "F5", None)}),
        (f"In Culiacán, it is said that {_S} is dead.",
         {_dead("possible", "F5", None)}),
        (f"Rivas said it is said that {_S} is in Culiacán.",
         {_claim("Culiacán", "possible", "F3", "Rivas")}),
    ],
)  # fmt: skip
def test_it_is_said_hedges_only_what_it_opens(
    text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _read("S", text, nlp) == expected


# --- H6: a thing put out that is another's word ---------------------------------------


@pytest.mark.parametrize(
    ("who", "text", "expected"),
    [
        ("D", "Police released a statement from her family saying Jane Doe is alive.",
         {("LifeStatus", "alive", "certain", "F3", None)}),
        ("D", "Police released a letter from her kidnappers saying Jane Doe is alive.",
         {("LifeStatus", "alive", "certain", "F3", None)}),
        ("S", f"Police released a statement written by his lawyer saying {_S} was in "
              "Durango.",
         {_claim("Durango", "certain", "F3", None)}),
        ("S", f"Police published an anonymous tip saying {_S} was in Culiacán.",
         {_claim("Culiacán", "possible", "F3", None)}),
        ("S", f"Police released an unverified report saying {_S} was in Culiacán.",
         {_claim("Culiacán", "possible", "F3", None)}),
        # the rule's own: the subject's own document
        ("S", f"Police released a statement saying {_S} was in Durango.",
         {_claim("Durango", "certain", "F2", "Police")}),
        ("S", f"Police filed a report saying {_S} was in Durango.",
         {_claim("Durango", "certain", "F2", "Police")}),
    ],
)  # fmt: skip
def test_a_thing_put_out_of_anothers_word_is_not_the_issuers(
    who: str, text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _read(who, text, nlp) == expected


# --- H7: "would have" with no condition -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Police believe {_S} would have travelled to Durango by now.",
         {_claim("Durango", "possible", "F2", "Police")}),
        (f"Police said {_S} would have fled to Durango.",
         {_claim("Durango", "possible", "F2", "Police")}),
        (f"{_S} would have arrived in Culiacán on Monday, according to police.",
         {_claim("Culiacán", "possible", "F2", "Police")}),
        # the rule's own: a condition that did not hold
        (f"{_S} would have surrendered to authorities in Culiacán if they had "
         "guaranteed his safety.", set()),
        (f"{_S} would have surrendered to authorities in Culiacán had they "
         "guaranteed his safety.", set()),
        (f"{_S} would have surrendered to authorities in Culiacán, but police "
         "opened fire.", set()),
        (f"{_S} could have surrendered to authorities in Culiacán if they had "
         "guaranteed his safety.", set()),
    ],
)  # fmt: skip
def test_would_have_with_no_condition_is_a_guess(
    text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _read("S", text, nlp) == expected


# --- M3: a death before a recording of another ----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"A video released on Monday shows {_H}'s wife addressing fighters, weeks "
         "after the army said he had been killed.",
         {("dead", "2018-06-03")}),
        (f"A video released on Monday shows {_H}'s deputy addressing fighters, a "
         f"month after the army said {_H} had been killed near Gao.",
         {("dead", "2018-06-03"), ("Gao is", "2018-06-03")}),
        # the target shown: alive on Monday, the death before it
        (f"A video released on Monday shows {_H} addressing fighters, weeks after "
         "the army said he had been killed.",
         {("alive", "2018-06-04"), ("dead", "2018-06-03")}),
    ],
)  # fmt: skip
def test_a_death_before_a_recording_of_another_keeps_its_bound(
    text: str, expected: set[tuple[str, str]], nlp: Any
) -> None:
    reading = _ag_alher(text, nlp)
    got = {
        (
            i.status if isinstance(i, LifeStatus) else f"{i.place_name} {i.polarity}",
            i.date.isoformat(),
        )
        for i in reading.evidence
        if isinstance(i, LifeStatus | Claim)
    }
    assert got == expected
