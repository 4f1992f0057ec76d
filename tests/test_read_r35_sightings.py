"""Review r32: a seeing denied "since" a seeing told, and a video that "purports".

"Rodrigo Salcedo Ibarra has not been seen since he was spotted in Culiacán in
2016": the "not" denies a later seeing; the clause under it tells where he was
seen then, a sighting of its own day. Not when another is seen then ("since his
brother was spotted"), nor when the clause tells no seeing ("has not been seen
in Culiacán since 2016"). A video that "purports to show" the target is its
maker's word: probable, as "purportedly".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from reading import reader, sightings

pytestmark = pytest.mark.nlp

_salcedo = reader("Rodrigo Salcedo Ibarra")
_doe = reader("Jane Doe")


@pytest.mark.parametrize(
    "text",
    [
        "Rodrigo Salcedo Ibarra has not been seen since he was spotted in Culiacán "
        "in 2016.",
        "Rodrigo Salcedo Ibarra has not been seen since he was last spotted in "
        "Culiacán in 2016.",
    ],
)
def test_the_seeing_since_which_none_is_told_is_a_sighting(text: str, nlp: Any) -> None:
    [seen] = sightings(_salcedo(text, nlp))
    assert (seen.place_name, seen.subject, seen.hedge) == (
        "Culiacán",
        "target",
        "certain",
    )
    assert seen.date.year == 2016


def test_she_seen_leaving_a_bar_since_is_the_last_sighting(nlp: Any) -> None:
    text = (
        "Jane Doe has not been seen since she was seen leaving a bar in Leeds on "
        "Friday."
    )
    [seen] = sightings(_doe(text, nlp))
    assert (seen.place_name, seen.date) == ("Leeds", dt.date(2018, 6, 1))


@pytest.mark.parametrize(
    "text",
    [
        # another seen then
        "Rodrigo Salcedo Ibarra has not been seen since his brother was spotted in "
        "Culiacán in 2016.",
        # no seeing in the clause of time: a denial of later presence
        "Rodrigo Salcedo Ibarra has not been seen in Culiacán since 2016.",
    ],
)
def test_no_seeing_of_the_target_since_gives_no_sighting(text: str, nlp: Any) -> None:
    assert not sightings(_salcedo(text, nlp))


def test_a_seeing_not_denied_keeps_its_own_place(nlp: Any) -> None:
    text = (
        "Rodrigo Salcedo Ibarra was seen in Durango after he was spotted in Culiacán "
        "in 2016."
    )
    assert [s.place_name for s in sightings(_salcedo(text, nlp))] == ["Durango"]


_ag_alher = reader("Hamadou Ag Alher")


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("A video released on Monday purports to show Hamadou Ag Alher addressing "
         "fighters.", "probable"),
        ("A video released on Monday purported to show Hamadou Ag Alher in Kidal.",
         "probable"),
        ("A video released on Monday shows Hamadou Ag Alher addressing fighters.",
         "certain"),
    ],
)  # fmt: skip
def test_a_video_that_purports_to_show_him_is_its_makers_word(
    text: str, hedge: str, nlp: Any
) -> None:
    """review r32: 'purports to show X addressing fighters' had been certain."""
    from geosleuth.evidence import LifeStatus

    [alive] = [i for i in _ag_alher(text, nlp).evidence if isinstance(i, LifeStatus)]
    assert (alive.status, alive.hedge) == ("alive", hedge)
