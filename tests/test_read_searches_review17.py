"""Searches of review 17: "without finding him", and a group with the target.

"Searched ... since Monday, without finding him" is a search that found
nothing, not the target found. "The pair" is a group that holds the target
where she was named with another person ("Jane Doe, 52, and her friend Tom
Fox"), though that person is named again ("Fox's wife reported them missing"),
a speaker is named ("Captain Nqobile Gwala said"), or the group was named last
by words of its own ("The pair were last seen") more than a pronoun's reach
after her name.
"""

from __future__ import annotations

from typing import Any

import pytest

from geosleuth.evidence import Searched
from reading import reader

pytestmark = pytest.mark.nlp

_read = reader("Johan Pretorius")


def _searched(reading: Any) -> list[str | None]:
    return [i.place_name for i in reading.evidence if isinstance(i, Searched)]


def test_without_finding_him_is_a_search_that_found_nothing(nlp: Any) -> None:
    reading = _read(
        "Travis Lindqvist, 47, went hunting near Bozeman, Mont. Searchers have "
        "searched the trail to Big Sky since Monday, without finding him.",
        nlp,
        target="Travis Lindqvist",
    )
    assert _searched(reading) == ["Big Sky"]
    assert not any("target found" in x.detail for x in reading.rejected)


_PAIR = (
    "Johan Pretorius, 52, and his friend Sipho Ndlovu, 48, both from "
    "Pietermaritzburg, set off from the car park on Thursday morning to climb "
    "to the top of the falls via the chain ladders, police spokesperson "
    "Captain Nqobile Gwala said. The pair were last seen by a ranger at the "
    "chain ladders at about 11am on Thursday. Ndlovu's wife reported them "
    "missing on Friday evening when they did not return home. A tent matching "
    "the description of theirs was spotted from a helicopter on Saturday, but "
    "no one was seen near it, Gwala said. Search teams searched the summit "
    "plateau and the area around Bergville on Saturday and Sunday but found "
    "no sign of the pair."
)


def test_the_pair_named_with_the_target_is_hers_through_speakers(nlp: Any) -> None:
    reading = _read(_PAIR, nlp)
    assert _searched(reading) == ["Bergville"]


def test_the_pair_after_another_person_named_is_not_hers(nlp: Any) -> None:
    reading = _read(
        _PAIR.replace(
            "Ndlovu's wife reported",
            "Peter Smith, a farmer, went missing on Friday too. His wife reported",
        ),
        nlp,
    )
    assert _searched(reading) == []
    assert any(x.reason == "not_target" for x in reading.rejected)
