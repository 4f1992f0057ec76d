"""Review r35's findings left open after r38, each with its near-miss.

- H8: a burial "in effigy", "in a mock funeral" or told "by a hoax website" is no
  death, beside a word of life in a relative clause or not.
- One of the target's own is not the target: "Salcedo's brother, *presumed dead
  since 2017*, was seen" is the brother's death; "His bodyguard, *captured in
  Culiacán*, told police ..." places the bodyguard, and speaks; a video of "Ag
  Alher's deputy" is no proof of Ag Alher's life, whatever "he" a clause beside
  it names; one that experts say "may have been filmed in 2016" neither.
- M1: hearsay a speaker relays ("Rivas said *they say* ...") is a rumour, at
  most possible, as "it is rumoured" and "it is said" are.
- M6: "Salcedo, *believed* killed in 2017, said in a video ...": the phrase's
  belief does not hedge the recording.
- M7: "dismissed reports that Jane Doe is alive *and living in York*": York is
  denied too.
- M8: "was *wrongly* believed by police to be in Durango": no one's claim; "since
  he was reportedly killed, *a claim police later retracted*": no death.
- M9: "*would have* surrendered to authorities in Culiacán (if ...)": a deed that
  did not happen.
- M4: "*While he* is thought by analysts to be in Durango, police say Salcedo
  ...": the "he" is Salcedo, and Durango the analysts' claim.
- LOW: "*While* police say ..., his family says that is false" and "..., *which
  is false*" dispute the statement.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geosleuth.evidence import Claim, LifeStatus
from reading import item_set, reader

pytestmark = pytest.mark.nlp

_salcedo = reader("Rodrigo Salcedo Ibarra")
_doe = reader("Jane Doe")
_ag_alher = reader("Hamadou Ag Alher")
_S = "Rodrigo Salcedo Ibarra"
_H = "Hamadou Ag Alher"
_LEADS = "Rodrigo Salcedo Ibarra leads the cartel. "


def _items(reading: Any) -> set[tuple[Any, ...]]:
    return item_set(reading, year=True, subject=True)


# --- H8: a burial acted out, or told by a hoax -------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"{_S}, who is alive, was reported buried in Culiacán on Monday by a "
            "hoax website.",
            {("LifeStatus", "alive", "certain", "F3", None, 2018)},
        ),
        (f"{_S} was reported buried in Culiacán on Monday by a hoax website.", set()),
        (
            f"A satirical website claimed {_S} had been killed in Culiacán on Monday.",
            set(),
        ),
        (
            f"{_S}, who survived an attack in 2016, was buried in effigy in Culiacán "
            "on Monday.",
            {("LifeStatus", "alive", "certain", "F3", None, 2016)},
        ),
        (f"{_S} was buried in Culiacán in effigy on Monday.", set()),
        (f"{_S}, who lives, was buried in a mock funeral in Culiacán on Monday.",
         set()),
        # near-misses: a burial told by others, or beside a mock one, is a death
        (
            f"{_S} was reported buried in Culiacán on Monday by local media.",
            {("LifeStatus", "dead", "certain", "F3", None, 2018)},
        ),
        (
            f"{_S}, who survived an attack in 2016, was buried in Culiacán on Monday.",
            {("LifeStatus", "alive", "certain", "F3", None, 2016),
             ("LifeStatus", "dead", "certain", "F3", None, 2018)},
        ),
        (
            f"{_S} was buried in Culiacán on Monday, a week after protesters held a "
            "mock funeral for him.",
            {("LifeStatus", "dead", "certain", "F3", None, 2018)},
        ),
    ],
)  # fmt: skip
def test_a_burial_acted_out_or_told_by_a_hoax_is_no_death(
    text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _items(_salcedo(text, nlp)) == expected


# --- one of the target's own is not the target --------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"{_S}'s bodyguard was seen in Culiacán on Monday.",
            {("Sighting", "seen Culiacán (associate)", "certain", "F3", None, 2018)},
        ),
        (
            f"{_S}'s brother, presumed dead since 2017, was seen in Mazatlán on "
            "Monday.",
            {("Sighting", "seen Mazatlán (associate)", "certain", "F3", None, 2018)},
        ),
        (
            f"His deputy, reported dead in 2017, was seen in Mazatlán with {_S} on "
            "Monday.",
            set(),
        ),
        (
            f"His bodyguard, captured in Culiacán on Monday, told police {_S} was "
            "hiding in Durango.",
            {("Claim", "Durango is", "certain", "F3", "His bodyguard", 2018)},
        ),
        (
            f"A bodyguard, captured in Culiacán on Monday, said {_S} was hiding in "
            "Durango.",
            {("Claim", "Durango is", "certain", "F3", "A bodyguard", 2018)},
        ),
        (
            f"Rivas, asked about {_S}, said he is in Culiacán.",
            {("Claim", "Culiacán is", "certain", "F3", "Rivas", 2018)},
        ),
        # near-misses: the target itself
        (
            f"{_S} was seen in Culiacán on Monday.",
            {("Sighting", "seen Culiacán (target)", "certain", "F3", None, 2018)},
        ),
        (
            f"{_S}, presumed dead since 2017, was seen in Mazatlán on Monday.",
            {("LifeStatus", "dead", "probable", "F3", None, 2017),
             ("Sighting", "seen Mazatlán (target)", "certain", "F3", None, 2018)},
        ),
        (
            f"{_S}, captured in Culiacán on Monday, is being held in Mexico City.",
            {("Sighting", "seen Culiacán (target)", "certain", "F3", None, 2018),
             ("Claim", "Mexico City is", "certain", "F3", None, 2018)},
        ),
    ],
)  # fmt: skip
def test_one_of_the_targets_own_is_not_the_target(
    text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _items(_salcedo(text, nlp)) == expected


@pytest.mark.parametrize(
    ("text", "alive"),
    [
        (
            f"A video released on Monday shows {_H}'s deputy addressing fighters, "
            "weeks after the army said he had been killed.",
            False,
        ),
        (
            f"A video released on Monday shows {_H}'s wife addressing fighters, "
            "weeks after the army said he had been killed.",
            False,
        ),
        (
            f"A video released on Monday shows {_H} addressing fighters, a year after "
            "the army said he had been killed, though experts said it may have been "
            "filmed in 2016.",
            False,
        ),
        (
            f"A video released on Monday shows {_H} addressing fighters. Experts said "
            "it was filmed in 2016.",
            False,
        ),
        # near-misses: the target shown, of the year of its release
        (
            f"A video released on Monday shows {_H} addressing fighters, weeks after "
            "the army said he had been killed.",
            True,
        ),
        (
            f"A video released on Monday shows {_H} addressing fighters, a year after "
            "the army said he had been killed, though experts said it may have been "
            "filmed in 2018.",
            True,
        ),
        (
            f"A video released on Monday shows {_H} addressing fighters. Experts said "
            "it was filmed in April.",
            True,
        ),
    ],
)
def test_a_video_of_another_or_of_an_earlier_year_is_no_proof_of_life(
    text: str, alive: bool, nlp: Any
) -> None:
    found = [
        i
        for i in _ag_alher(text, nlp).evidence
        if isinstance(i, LifeStatus) and i.status == "alive"
    ]
    assert [(i.hedge, str(i.grade), i.date) for i in found] == (
        [("certain", "F2", dt.date(2018, 6, 4))] if alive else []
    )


# --- M1: relayed hearsay is a rumour -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "chain"),
    [
        (f"Rivas said they say {_S} is dead.",
         ("LifeStatus", "dead", "possible", "F5", None, 2018), ("Rivas",)),
        (_LEADS + '"They say he is dead," Rivas said.',
         ("LifeStatus", "dead", "possible", "F5", None, 2018), ("Rivas",)),
        (f"Rivas said some say {_S} is in Culiacán.",
         ("Claim", "Culiacán is", "possible", "F5", None, 2018), ("Rivas",)),
        (f"It is said that {_S} is dead.",
         ("LifeStatus", "dead", "possible", "F5", None, 2018), ()),
        # near-misses: Rivas's own word, and the hedge of a rumour
        (f"Rivas said {_S} is dead.",
         ("LifeStatus", "dead", "certain", "F3", "Rivas", 2018), ()),
        (_LEADS + '"He is dead," Rivas said.',
         ("LifeStatus", "dead", "certain", "F3", "Rivas", 2018), ()),
        (f"It is rumoured that {_S} is in Culiacán.",
         ("Claim", "Culiacán is", "possible", "F5", None, 2018), ()),
    ],
)  # fmt: skip
def test_hearsay_relayed_is_at_most_possible(
    text: str, expected: tuple[Any, ...], chain: tuple[str, ...], nlp: Any
) -> None:
    r = _salcedo(text, nlp)
    assert _items(r) == {expected}
    assert r.evidence[0].provenance.reporting_chain == chain


# --- M6: the set-off phrase does not hedge the recording ------------------------------


@pytest.mark.parametrize(
    ("aside", "death"),
    [
        ("believed killed", ("LifeStatus", "dead", "probable", "F3", None, 2017)),
        ("declared dead", ("LifeStatus", "dead", "certain", "F3", None, 2017)),
    ],
)
def test_a_set_off_belief_does_not_hedge_the_recording(
    aside: str, death: tuple[Any, ...], nlp: Any
) -> None:
    text = (
        f"{_S}, {aside} in 2017, said in a video released on Monday that he was alive."
    )
    assert _items(_salcedo(text, nlp)) == {
        ("LifeStatus", "alive", "certain", "F2", _S, 2018),
        death,
    }


# --- M7: a dismissal reaches the place joined to "alive" -----------------------------


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        (
            "Police dismissed reports that Jane Doe is alive and living in York.",
            "is_not",
        ),
        ("Police dismissed reports that Jane Doe is living in York.", "is_not"),
        # near-miss: said, not dismissed
        ("Police said Jane Doe is alive and living in York.", "is"),
    ],
)
def test_a_dismissal_reaches_the_place_joined_to_alive(
    text: str, polarity: str, nlp: Any
) -> None:
    found = [c for c in _doe(text, nlp).evidence if isinstance(c, Claim)]
    assert [(c.place_name, c.polarity, c.provenance.speaker) for c in found] == [
        ("York", polarity, "Police")
    ]


# --- M8: a belief called wrong, a claim taken back ------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{_S} was wrongly believed by police to be in Durango.", set()),
        (f"{_S} was mistakenly thought to be in Durango.", set()),
        (f"Police falsely claimed {_S} was in Durango.", set()),
        (
            f"{_S} has not been seen since he was reportedly killed in 2016, a claim "
            "police later retracted.",
            set(),
        ),
        # near-misses
        (
            f"{_S} was believed by police to be in Durango.",
            {("Claim", "Durango is", "probable", "F2", "Police", 2018)},
        ),
        (
            f"{_S} has not been seen since he was reportedly killed in 2016.",
            {("LifeStatus", "dead", "probable", "F5", None, 2016)},
        ),
    ],
)  # fmt: skip
def test_a_belief_called_wrong_or_a_claim_taken_back_gives_nothing(
    text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _items(_salcedo(text, nlp)) == expected


# --- M9: a deed that did not happen ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"{_S} would have surrendered to authorities in Culiacán if they had "
            "guaranteed his safety.",
            set(),
        ),
        (
            f"{_S} could have surrendered to authorities in Culiacán if they had "
            "guaranteed his safety.",
            set(),
        ),
        # near-misses: a possibility, and the deed done; "would have" with no
        # condition is the lawyer's guess, possible (review r38 H7)
        (f"{_S}'s lawyer said he would have surrendered to authorities in Culiacán.",
         {("Claim", "Culiacán is", "possible", "F3", f"{_S}'s lawyer", 2018)}),
        (f"{_S} could have fled to Durango.",
         {("Claim", "Durango is", "possible", "F3", None, 2018)}),
        (f"{_S} surrendered to authorities in Culiacán on Monday.",
         {("Claim", "Culiacán is", "certain", "F3", None, 2018)}),
    ],
)  # fmt: skip
def test_a_deed_that_did_not_happen_places_no_one(
    text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _items(_salcedo(text, nlp)) == expected


# --- M4: a "he" of a clause of contrast before the target's name ----------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"While he is thought by analysts to be in Durango, police say {_S} is in "
            "Culiacán.",
            {("Claim", "Durango is", "probable", "F2", "Analysts", 2018),
             ("Claim", "Culiacán is", "certain", "F2", "Police", 2018)},
        ),
        (
            f"While analysts think he is in Durango, police say {_S} is in Culiacán.",
            {("Claim", "Durango is", "probable", "F2", "Analysts", 2018),
             ("Claim", "Culiacán is", "certain", "F2", "Police", 2018)},
        ),
        # near-miss: another named
        (
            f"While analysts think Rivas is in Durango, police say {_S} is in "
            "Culiacán.",
            {("Claim", "Culiacán is", "certain", "F2", "Police", 2018)},
        ),
    ],
)  # fmt: skip
def test_a_he_before_the_targets_name_in_a_clause_of_contrast(
    text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _items(_salcedo(text, nlp)) == expected


# --- LOW: a statement called false ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"While police say {_S} is in Culiacán, his family says that is false.",
            ("Claim", "Culiacán is", "probable", "F2", "Police", 2018),
        ),
        (
            f"Rivas said {_S} is in Culiacán, which is false.",
            ("Claim", "Culiacán is", "probable", "F3", "Rivas", 2018),
        ),
        (
            f"His lawyer said they say {_S} is in Culiacán, which is false.",
            ("Claim", "Culiacán is", "doubtful", "F5", None, 2018),
        ),
        # near-misses: not called false
        (
            f"While police say {_S} is in Culiacán, his family insists he is in "
            "Culiacán too.",
            ("Claim", "Culiacán is", "certain", "F2", "Police", 2018),
        ),
        (
            f"Rivas said {_S} is in Culiacán, which is in Sinaloa.",
            ("Claim", "Culiacán is", "certain", "F3", "Rivas", 2018),
        ),
    ],
)  # fmt: skip
def test_a_statement_called_false_is_disputed(
    text: str, expected: tuple[Any, ...], nlp: Any
) -> None:
    assert expected in _items(_salcedo(text, nlp))
