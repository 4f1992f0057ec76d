"""Searches of review 16 (a search-and-rescue coordinator's reports).

In a report about one missing person, a search that found nothing is hers: "him"
or "her" after it of the target's gender, or no one named, whoever spoke or saw
in between, and however far back she was named ("..., Sgt. Glenda Pierce said.
Search crews combed ... but found no sign of him"). A name the tagger gives a
place or a thing ("the Blackcomb Glacier", "the Cog Railway base station", the
cutter "Tahoma") is no person in between, and a trail searched is no part of a
person's name. A search after another person went missing or was sought stays
set aside (see also ``test_read_searches.py``).
"""

from __future__ import annotations

from typing import Any

import pytest

from geosleuth.evidence import Searched
from reading import reader

pytestmark = pytest.mark.nlp

_read = reader("Daniel Reyes")


def _searched(reading: Any) -> list[str | None]:
    return [i.place_name for i in reading.evidence if isinstance(i, Searched)]


def _asides(reading: Any, word: str) -> list[tuple[str, str]]:
    return [(x.reason, x.detail) for x in reading.rejected if word in x.quote]


# 02-washington-hiker-found: "the Cog Railway base station" and "the upper
# Ammonoosuc Ravine Trail" were persons named between "Reyes" and "him"
_FOUND = (
    "GORHAM, N.H. - A Worcester man missing for two nights on Mount Washington "
    "was found alive on Monday, the New Hampshire Fish and Game Department said.\n\n"
    "Daniel Reyes, 34, was found alive in the Ammonoosuc Ravine by a team from "
    "Androscoggin Valley Search and Rescue, Lt. Mark Ober said. Reyes was carried "
    "to the Cog Railway base station and taken to Littleton Regional Hospital. His "
    "condition was not released.\n\nSearchers had combed the upper Ammonoosuc "
    "Ravine Trail and the woods near Gorham on Sunday but found no trace of him in "
    "the whiteout."
)


def test_him_after_a_thing_the_tagger_calls_a_person_is_the_target(nlp: Any) -> None:
    reading = _read(_FOUND, nlp)
    assert "Gorham" in _searched(reading)
    assert not [a for a in _asides(reading, "Searchers") if a[0] == "not_target"]


def test_a_trail_searched_is_no_part_of_a_persons_name(nlp: Any) -> None:
    # 01-washington-hiker: the tagger's PERSON "the Ammonoosuc Ravine Trail"
    reading = _read(
        "Daniel Reyes, of Worcester, was last seen at the Pinkham Notch Visitor "
        "Center on Saturday. Teams from Androscoggin Valley Search and Rescue "
        "searched the Ammonoosuc Ravine Trail and the area around the hut on "
        "Sunday but found no sign of Reyes.",
        nlp,
    )
    assert not [
        d for r, d in _asides(reading, "Ammonoosuc") if "part of a person's name" in d
    ]
    assert (
        "unresolved",
        "'Ammonoosuc Ravine Trail' could not be resolved to a place",
    ) in (_asides(reading, "Ammonoosuc"))


# 09-whistler-skier: a speaker named between, and the target named more than the
# pronouns' reach before
_WHISTLER = (
    "WHISTLER, B.C. - Whistler Search and Rescue has suspended its search for a "
    "Vancouver skier who went missing in the backcountry north of Whistler "
    "Blackcomb on the weekend, the RCMP said Tuesday.\n\nDaniel Reyes, 27, was "
    "last seen at about 1 p.m. on Saturday at the top of the Blackcomb Glacier, "
    "where friends said he left the resort boundary alone to ski into the "
    "Spearhead Range. He did not return to the group's cabin in Whistler that "
    "night.\n\nThe weather on the mountain was poor all weekend, with low cloud, "
    "strong winds and heavy snow above the treeline, RCMP Sgt. Glenda Pierce "
    "said.\n\nSearch crews combed the woods near Squamish on Sunday and Monday "
    "with avalanche dogs but found no sign of him."
)


def test_him_after_a_speaker_in_a_report_of_one_missing_person(nlp: Any) -> None:
    reading = _read(_WHISTLER, nlp)
    assert _searched(reading) == ["Squamish"]
    # "the Blackcomb Glacier" is no part of a person's name either
    assert not [
        d for _, d in _asides(reading, "Blackcomb Glacier") if "person's name" in d
    ]


def test_an_unnamed_search_in_a_report_of_one_missing_person(nlp: Any) -> None:
    # 10-maine-fisherman: the cutter "Tahoma", a person to the tagger, between
    reading = _read(
        "Daniel Reyes, 41, left Stonington before dawn on Tuesday.\n\nReyes was "
        "last seen by another lobsterman hauling traps near Vinalhaven at about "
        "10 a.m. Tuesday.\n\nCrews aboard the cutter Tahoma, a response boat from "
        "Southwest Harbor and an aircraft from Cape Cod searched more than 900 "
        "square nautical miles around Vinalhaven over 48 hours but found nothing.",
        nlp,
    )
    assert "Vinalhaven" in _searched(reading)


@pytest.mark.parametrize(
    "before",
    [
        # another person went missing, or is sought: the search may be theirs
        "Tom Fox, 30, was also reported missing on Sunday. ",
        "Police are also looking for Tom Fox. ",
        "Daniel Reyes's brother went missing on Sunday. ",
    ],
)
def test_a_search_after_another_one_sought_stays_set_aside(
    before: str, nlp: Any
) -> None:
    reading = _read(
        "Daniel Reyes, 34, went missing on Saturday. "
        + before
        + "The weather was poor all weekend, Sgt. Glenda Pierce said. Search crews "
        "combed the woods near Squamish on Sunday but found nothing.",
        nlp,
    )
    assert not _searched(reading)
    assert [r for r, _ in _asides(reading, "Search crews")] == ["not_target"]
