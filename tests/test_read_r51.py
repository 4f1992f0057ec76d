"""Review r50: hedging, polarity and life words, each with its near-miss.

- M1: a negation reaches only its own clause, also where the target is "his
  client" in its lawyer's words: "Varga's lawyer said his client is not in
  Portugal and is living in Madrid" (Madrid is). Not "... and not in Spain",
  nor "his brother", who is someone else.
- L2: a word of hearsay the statement is set against ("..., contrary to earlier
  rumours", "despite the rumours") does not hedge it; "according to rumours",
  "rumours say" still do.
- L3: "is probably still alive" is a word of life, probable; a death claimed in
  a clause of concession with a speaker of its own ("..., although a tabloid
  claimed last week that he had died") is read beside it, as "but" gives two
  speakers' words. Not one set against a seeing ("A farmer saw him ...,
  although ..."), nor one of "despite claims that".
- Leftovers of r49: a confirmation not made ("could not confirm that", "won't
  confirm if", "...; his arrest could not be confirmed") denies nothing and
  sets no condition: the arrest or death is possible; one of another thing
  ("...; police could not confirm that he was in Durango") leaves the death.
  Not "denied that", "is not dead", nor a real condition.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geosleuth.evidence import LifeStatus
from reading import reader

pytestmark = pytest.mark.nlp

_varga = reader("Tomás Varga")
_salcedo = reader("Rodrigo Salcedo Ibarra")
_S = "Rodrigo Salcedo Ibarra"


def _items(reading: Any) -> set[tuple[str, str, str, str | None]]:
    """(kind, place or status, polarity, hedge) of each item of ``reading``."""
    return {
        (
            i.kind,
            i.status if isinstance(i, LifeStatus) else i.place_name,
            getattr(i, "polarity", None) or "",
            i.hedge,
        )
        for i in reading.evidence
    }


# --- M1: "his client is not in Portugal and is living in Madrid" ---------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Varga's lawyer said his client is not in Portugal and is living in "
         "Madrid.",
         {("claim", "Portugal", "is_not", "certain"),
          ("claim", "Madrid", "is", "certain")}),
        ("Tomás Varga's wife said her husband is not in Portugal and is living "
         "in Madrid.",
         {("claim", "Portugal", "is_not", "certain"),
          ("claim", "Madrid", "is", "certain")}),
        # near misses: as before
        ("Varga's lawyer said Tomás Varga is not in Portugal and is living in "
         "Madrid.",
         {("claim", "Portugal", "is_not", "certain"),
          ("claim", "Madrid", "is", "certain")}),
        ("Tomás Varga is not in Portugal.",
         {("claim", "Portugal", "is_not", "certain")}),
        ("Tomás Varga is not in Portugal and not in Spain.",
         {("claim", "Portugal", "is_not", "certain"),
          ("claim", "Spain", "is_not", "certain")}),
        ("Varga's lawyer said his client is not in Portugal and not in Spain.",
         {("claim", "Portugal", "is_not", "certain"),
          ("claim", "Spain", "is_not", "certain")}),
        ("Tomás Varga's lawyer said his brother is not in Portugal and is living "
         "in Madrid.", set()),
    ],
)  # fmt: skip
def test_a_negation_of_the_client_reaches_only_its_clause(
    text: str, expected: set[tuple[str, str, str, str]], nlp: Any
) -> None:
    assert _items(_varga(text, nlp)) == expected


# --- L2: "contrary to earlier rumours" -----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sources close to the investigation told this paper that Varga is not "
         "in Seville, contrary to earlier rumours.", ("is_not", "certain")),
        ("Sources close to the investigation told this paper that Tomás Varga "
         "is in Seville, contrary to earlier rumours.", ("is", "certain")),
        ("Despite the rumours, Tomás Varga is in Seville, police said.",
         ("is", "certain")),
        # near misses: the statement rests on the rumours
        ("According to rumours, Tomás Varga is in Seville.", ("is", "possible")),
        ("Rumours say Tomás Varga is in Seville.", ("is", "possible")),
        ("Tomás Varga is in Seville, according to earlier rumours.",
         ("is", "possible")),
        ("Sources told this paper that Tomás Varga is not in Seville, as "
         "rumoured.", ("is_not", "possible")),
    ],
)  # fmt: skip
def test_rumours_set_against_do_not_hedge(
    text: str, expected: tuple[str, str], nlp: Any
) -> None:
    ((kind, _, polarity, hedge),) = _items(_varga(text, nlp))
    assert (kind, polarity, hedge) == ("claim", *expected)


# --- L3: "probably still alive, although a tabloid claimed ..." -----------------

_TABLOID = (
    "Spanish police believe that Tomás Varga is hiding in Vigo. Portuguese "
    "prosecutors said Varga is probably still alive, although a tabloid claimed "
    "last week that he had died in a car crash near Ourense."
)


def test_a_death_claimed_in_a_concession_beside_a_word_of_life(nlp: Any) -> None:
    r = _varga(_TABLOID, nlp)
    life = sorted(
        (i.status, i.hedge, i.provenance.speaker, i.date_from)
        for i in r.evidence
        if isinstance(i, LifeStatus)
    )
    # the tabloid speaks (a publication, r60): its word is its own, possible,
    # dated in its own clause ("last week")
    assert life == [
        ("alive", "probable", "Portuguese prosecutors", None),
        ("dead", "possible", "Tabloid", dt.date(2018, 5, 29)),
    ]
    assert ("claim", "Ourense", "is", "possible") in _items(r)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prosecutors said Tomás Varga is probably still alive.",
         {("life_status", "alive", "", "probable")}),
        ("Prosecutors said Tomás Varga is most likely alive.",
         {("life_status", "alive", "", "probable")}),
        ("Prosecutors said Tomás Varga is alive, although the army said in March "
         "that he had been killed.",
         {("life_status", "alive", "", "certain"),
          ("life_status", "dead", "", "certain")}),
        # near misses: as before
        ("Prosecutors said Tomás Varga is still alive.",
         {("life_status", "alive", "", "certain")}),
        ("Prosecutors said Tomás Varga is probably not alive.", set()),
        ("A farmer saw Tomás Varga in Vigo on Monday, although a tabloid claimed "
         "last week that he had died.", {("sighting", "Vigo", "", "certain")}),
        # r57: the claims hedge only what they say, not the word set against them
        ("Prosecutors said Tomás Varga is alive despite claims that he had died.",
         {("life_status", "alive", "", "certain")}),
    ],
)  # fmt: skip
def test_a_word_of_life_and_a_death_set_against_it(
    text: str, expected: set[tuple[str, str, str, str]], nlp: Any
) -> None:
    assert _items(_varga(text, nlp)) == expected


# --- r49's leftovers: a confirmation not made -----------------------------------

_SEEN = {("sighting", "Durango", "", "possible")}
_DEAD = {("life_status", "dead", "", "possible")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Police won't confirm if {_S} had been arrested in Durango.", _SEEN),
        (f"Police could not confirm that {_S} had been arrested in Durango.",
         _SEEN),
        (f"{_S} was arrested in Durango; his arrest could not be confirmed.",
         _SEEN),
        (f"Officials could not confirm that {_S} is dead.", _DEAD),
        (f"Officials won't confirm if {_S} is dead.", _DEAD),
        (f"Officials could not confirm whether {_S} is dead.", _DEAD),
        # near misses: as before
        (f"Police declined to confirm whether {_S} had been arrested in Durango.",
         _SEEN),
        (f"Officials won't confirm that {_S} is dead.", _DEAD),
        (f"{_S} was arrested in Durango.",
         {("sighting", "Durango", "", "certain")}),
        (f"Police denied that {_S} had been arrested in Durango.", set()),
        (f"Police did not confirm that {_S} had been arrested in Durango.", set()),
        (f"Police would arrest {_S} if he came to Durango.", set()),
        (f"Officials denied that {_S} is dead.", set()),
        (f"Officials said {_S} is not dead.", set()),
        (f"If {_S} is dead, the cartel will split.", set()),
    ],
)  # fmt: skip
def test_a_confirmation_not_made_leaves_it_possible(
    text: str, expected: set[tuple[str, str, str, str]], nlp: Any
) -> None:
    assert _items(_salcedo(text, nlp)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{_S} was killed in Culiacán; police could not confirm that he was in "
         "Durango.",
         {("life_status", "dead", "", "certain"),
          ("claim", "Culiacán", "is", "certain"),
          ("claim", "Durango", "is", "doubtful")}),
        # near misses: as before
        (f"{_S} was killed in Culiacán.",
         {("life_status", "dead", "", "certain"),
          ("claim", "Culiacán", "is", "certain")}),
        (f"{_S} was killed in Culiacán; officials denied it.", set()),
        (f"{_S} was killed in Culiacán; his death could not be confirmed.",
         {("life_status", "dead", "", "possible"),
          ("claim", "Culiacán", "is", "possible")}),
    ],
)  # fmt: skip
def test_a_doubt_of_another_thing_leaves_the_death(
    text: str, expected: set[tuple[str, str, str, str]], nlp: Any
) -> None:
    assert _items(_salcedo(text, nlp)) == expected
