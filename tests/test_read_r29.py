"""Review r29: what the fixes after r27 read wrong, each with its near-miss.

- After "reported missing by her sister", the relative's own acts while the
  search goes on ("when she got the call from police", "to be near the
  search", "to identify the clothing") are no one's; a possibility or belief of
  where "she" is ("may have travelled", "is believed to be") is the target's,
  even beside a word of grief.
- Footage is taken back by a next sentence that names the one shown as kin at
  its clause's end ("the footage showed her sister."), not by one that shows a
  companion besides ("showed her friend, who was with her, ...") or speaks of
  the man with her ("The man with her was actually her cousin").
- "without delay", "did not hesitate to", "not long afterwards" do not negate
  a putting back ("... but without delay reaffirmed it"): the word stands.
- A cleft that names who acted ("but it was his wife who identified it")
  corrects no find.
"""

from __future__ import annotations

from typing import Any

import pytest

from reading import claims, reader, sightings

pytestmark = pytest.mark.nlp

_hamilton = reader("Sydney Hamilton")
_doe = reader("Jane Doe")
_salcedo = reader("Rodrigo Salcedo Ibarra")
_vukovic = reader("Dragan Vuković")
_REPORTED = "Sydney Hamilton was reported missing on May 2 by her sister. "
_LEEDS = "Police released CCTV footage showing Jane Doe at Leeds station on Monday. "
_KILLED = "Officials said Rodrigo Salcedo Ibarra was killed in a raid on Monday. "


def _places(reading: Any) -> list[tuple[str, str]]:
    return [(c.place_name, c.hedge) for c in claims(reading) if c.polarity == "is"]


@pytest.mark.parametrize(
    "after",
    [
        "She was in Toronto when she got the call from police.",
        "She had flown to Fort Erie from Vancouver to be near the search.",
        "Police said she was in Fort Erie to identify the clothing.",
        "She flew to Fort Erie on Friday to help with the search.",
    ],
)
def test_a_relatives_acts_during_the_search_are_no_ones(after: str, nlp: Any) -> None:
    r = _hamilton(_REPORTED + after, nlp)
    assert not _places(r) and not sightings(r)


@pytest.mark.parametrize(
    ("after", "hedge"),
    [
        ("She was worried about money and may have travelled to Fort Erie.",
         "possible"),
        ("She was heartbroken after losing her job and is believed to be in Fort "
         "Erie.", "probable"),
        ("She may be in Fort Erie, police said.", "possible"),
        ("She was staying at a hostel in Fort Erie.", "certain"),
    ],
)  # fmt: skip
def test_where_the_missing_one_may_be_is_hers(after: str, hedge: str, nlp: Any) -> None:
    r = _hamilton(_REPORTED + after, nlp)
    assert _places(r) == [("Fort Erie", hedge)]


@pytest.mark.parametrize(
    "after",
    [
        "The footage showed her friend, who was with her, buying tickets.",
        "The man with her was actually her cousin.",
        "The footage also showed her sister.",
    ],
)
def test_a_companion_shown_besides_leaves_the_sighting(after: str, nlp: Any) -> None:
    r = _doe(_LEEDS + after, nlp)
    assert [s.place_name for s in sightings(r)] == ["Leeds"]


@pytest.mark.parametrize(
    "after",
    [
        "It later emerged the footage showed her sister.",
        "It later emerged the woman was in fact her older sister.",
    ],
)
def test_footage_of_her_kin_takes_the_sighting_back(after: str, nlp: Any) -> None:
    assert not sightings(_doe(_LEEDS + after, nlp))


def _dead(reading: Any) -> bool:
    return any(getattr(i, "status", None) == "dead" for i in reading.evidence)


@pytest.mark.parametrize(
    ("after", "stands"),
    [
        ("They later retracted the claim but without delay reaffirmed it.", True),
        ("They later retracted the claim but did not hesitate to reaffirm it the "
         "next day.", True),
        ("They later retracted the claim but not long afterwards reaffirmed it.", True),
        ("They later retracted the claim and declined to reaffirm it.", False),
        ("They later retracted the claim and have not reaffirmed it.", False),
    ],
)  # fmt: skip
def test_a_putting_back_is_negated_only_by_a_negation(
    after: str, stands: bool, nlp: Any
) -> None:
    assert _dead(_salcedo(_KILLED + after, nlp)) is stands


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Police found the body of Dragan Vuković in a river near Pljevlja, but it "
         "was his wife who identified it.", True),
        ("Police arrested Dragan Vuković in Pljevlja on Monday, but it was his "
         "brother who tipped them off.", True),
        ("Police thought they had found Dragan Vuković in Pljevlja, but it was his "
         "brother.", False),
    ],
)  # fmt: skip
def test_a_cleft_that_names_who_acted_corrects_no_find(
    text: str, found: bool, nlp: Any
) -> None:
    r = _vukovic(text, nlp)
    assert bool([s for s in sightings(r) if s.place_name == "Pljevlja"]) is found


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("A post claiming Jane Doe was in York was genuine, police said, not fake.",
         "is"),
        ("Police said a post claiming Jane Doe was in York was fake.", "is_not"),
        ("Police said a post claiming Jane Doe was in York was not fake.", "is"),
    ],
)  # fmt: skip
def test_a_post_called_genuine_is_not_denied(
    text: str, polarity: str, nlp: Any
) -> None:
    r = _doe(text, nlp)
    assert [(c.place_name, c.polarity) for c in claims(r)] == [("York", polarity)]
