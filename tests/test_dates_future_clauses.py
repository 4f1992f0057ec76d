"""A day in a clause to come dates nothing of the past clause beside it.

"Police said they had received a tip that Vuković was staying in a village near
Pljevlja, but a search of the village will not begin until Friday" dated the tip's
claim to the Friday before publication (review r23, F1-i): the coming Friday,
read back, is the search's, not the tip's.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from reading import PUB, claims, reader, sightings

pytestmark = pytest.mark.nlp

_read = reader("Dragan Vuković")


def test_the_day_of_a_search_to_come_does_not_date_the_tip(nlp: Any) -> None:
    r = _read(
        "Police said they had received a tip that Vuković was staying in a village "
        "near Pljevlja, but a search of the village will not begin until Friday.",
        nlp,
    )
    assert [(c.place_name, c.date) for c in claims(r)] == [("Pljevlja", PUB)]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # near misses: the clause to come holds no day, or the sighting its own
        ("Vuković was seen in Pljevlja on Friday, and officers will arrive there "
         "soon.", dt.date(2018, 6, 1)),
        ("Vuković was seen in Pljevlja, and officers will arrive there on Friday.",
         PUB),
    ],
)  # fmt: skip
def test_a_sighting_keeps_its_own_day(text: str, day: dt.date, nlp: Any) -> None:
    assert [(s.place_name, s.date) for s in sightings(_read(text, nlp))] == [
        ("Pljevlja", day)
    ]
