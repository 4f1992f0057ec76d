"""Review r32: whereabouts lost to the rules of r30 and r31, each with its near-miss.

- "in contact with his men in Durango": only the place in the phrase of those
  dealt with is theirs; a place elsewhere ("*From Culiacán*, ...", "with his
  family *from Culiacán*", "via a satellite phone *from Durango*", "in Culiacán,
  *where he is also hiding*") still places the target (H4).
- "Salcedo's deputy, Juan Pérez, was seen *with him* in Culiacán": the target
  was seen there; "... was seen in Culiacán" is the deputy alone (H5).
- "may be moving between", "could be anywhere between", "moves between" (a verb
  tagged a noun): the band between the towns; "met his brother, Juan, in
  Culiacán": a meeting there (M11, LOW).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from reading import claims, reader, sightings

pytestmark = pytest.mark.nlp

_salcedo = reader("Rodrigo Salcedo Ibarra")
_NAME = "Rodrigo Salcedo Ibarra"
_RAID = "Police raided a house in Culiacán on Monday. "


def _claims(reading: Any) -> list[tuple[str, str, str, str | None]]:
    return [
        (c.place_name, c.polarity, c.hedge, c.provenance.speaker)
        for c in claims(reading)
    ]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (f"From Culiacán, {_NAME} is in contact with his men in Durango, officials "
         "said.", "Culiacán"),
        (f"{_NAME} is in contact with his men from a safe house in Culiacán, "
         "officials said.", "Culiacán"),
        (f"{_NAME} has been in contact with his family from Culiacán, officials "
         "said.", "Culiacán"),
        (f"{_NAME} is in contact with his brother in Culiacán, where he is also "
         "hiding, officials said.", "Culiacán"),
        (f"{_NAME} is in contact with his brother in Culiacán, where both are "
         "hiding, officials said.", "Culiacán"),
        (f"{_NAME} is in contact with his men in Culiacán via a satellite phone "
         "from Durango, officials said.", "Durango"),
        (f"{_NAME} is in contact with his men via a satellite phone from Durango, "
         "officials said.", "Durango"),
    ],
)  # fmt: skip
def test_his_own_place_beside_a_dealing_places_him(
    text: str, place: str, nlp: Any
) -> None:
    assert _claims(_salcedo(text, nlp)) == [(place, "is", "certain", "Officials")]


@pytest.mark.parametrize(
    "text",
    [
        f"{_NAME} is at odds with his brother and two cousins in Culiacán.",
        f"{_NAME} is in contact with his brother and two cousins in Culiacán.",
        f"{_NAME} is not in contact with his brother in Culiacán, officials said.",
        # near-miss: the brother lives there, and "both" were born there
        f"{_NAME} is in contact with his brother in Culiacán, where he lives.",
        f"{_NAME} is in contact with his brother in Culiacán, where both were born.",
        f"{_RAID}{_NAME} is in regular contact with his men there.",
    ],
)
def test_the_place_of_those_dealt_with_still_is_not_his(text: str, nlp: Any) -> None:
    r = _salcedo(text, nlp)
    assert not claims(r) and not sightings(r)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (f"{_NAME}'s deputy, Juan Pérez, was seen with him in Culiacán in May.",
         "target"),
        (f"{_NAME}'s deputy, Juan Pérez, was seen with Salcedo in Culiacán in May.",
         "target"),
        # near-misses: the deputy alone, or with someone of his own
        (f"{_NAME}'s deputy, Juan Pérez, was seen in Culiacán in May.", "associate"),
        (f"{_NAME}'s deputy, Juan Pérez, was seen with his wife in Culiacán in May.",
         "associate"),
    ],
)  # fmt: skip
def test_seen_with_him_is_the_target_seen(text: str, subject: str, nlp: Any) -> None:
    r = _salcedo(text, nlp)
    got = [(x.place_name, x.subject, x.date) for x in sightings(r)]
    assert got == [("Culiacán", subject, dt.date(2018, 5, 31))]
    assert not claims(r)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (f"{_NAME} may be moving between Culiacán and Mazatlán, officials said.",
         [("between Culiacán and Mazatlán", "is", "possible", "Officials")]),
        (f"{_NAME} might be travelling between Culiacán and Mazatlán, officials "
         "said.", [("between Culiacán and Mazatlán", "is", "possible", "Officials")]),
        (f"{_NAME} could be anywhere between Culiacán and Mazatlán, officials said.",
         [("between Culiacán and Mazatlán", "is", "possible", "Officials")]),
        (f"{_NAME} moves between Culiacán and Mazatlán, officials said.",
         [("between Culiacán and Mazatlán", "is", "certain", "Officials")]),
        # near-misses: a movement to come, a plan, and his brother's movement
        (f"{_NAME} will be moving between Culiacán and Mazatlán next month, "
         "officials said.", []),
        (f"{_NAME} may move to Culiacán, officials said.", []),
        (f"{_NAME} plans to move between Culiacán and Mazatlán, officials said.", []),
        (f"{_NAME}'s brother moves between Culiacán and Mazatlán, officials said.",
         []),
    ],
)  # fmt: skip
def test_a_band_he_may_be_moving_in(text: str, want: Any, nlp: Any) -> None:
    assert _claims(_salcedo(text, nlp)) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (f"{_NAME} met his brother, Juan, in Culiacán on Monday.",
         [("Culiacán", "is", "certain", dt.date(2018, 6, 4))]),
        (f"{_NAME} met his lawyer, Ana Ruiz, in Culiacán on Monday.",
         [("Culiacán", "is", "certain", dt.date(2018, 6, 4))]),
        # near-miss: a meeting denied places no one
        (f"{_NAME} never met his brother, Juan, in Culiacán.", []),
    ],
)  # fmt: skip
def test_a_meeting_with_one_named_beside(text: str, want: Any, nlp: Any) -> None:
    got = claims(_salcedo(text, nlp))
    assert [(c.place_name, c.polarity, c.hedge, c.date) for c in got] == want
