"""A landmark is no town of its first or last word (review r17, #1).

Before: "the Shelter Stone, at the head of Loch Avon" in a Cairngorms story was
Stone, Staffordshire, and Loch, Victoria (Australia); "Loch Morlich" was
Balloch; "the Pyramid Stage" of a Glastonbury story was Paramus, New Jersey, and
"the Kidz Field" Ridgefield; "the River Kent" of Kendal was the county of Kent,
400 km away; "the Park area" a village in Indiana. A feature word ("Stone",
"Stage", "Field", "Track", "Lakes") ends a landmark's name, and "Loch", "Lough"
and "River" begin one: the name stays whole and unresolved. A lone feature word
after "the" is no village of that name.
"""

from __future__ import annotations

from typing import Any

import pytest

from geosleuth.gazetteer import Gazetteer
from geosleuth.read.toponyms import Mention, find_toponyms


def _mentions(text: str, gaz: Gazetteer, nlp: Any) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = {}
    for m in find_toponyms(text, gazetteer=gaz, nlp=nlp):
        out.setdefault(m.text, []).append(m)
    return out


@pytest.mark.parametrize(
    ("text", "names", "parts"),
    [
        (
            "AVIEMORE, Scotland — He was found at the Shelter Stone, at the head "
            "of Loch Avon, and was flown to Raigmore Hospital in Inverness.",
            ["Shelter Stone", "Loch Avon"],
            ["Stone", "Loch"],  # Staffordshire; Victoria, Australia
        ),
        (
            "AVIEMORE, Scotland — A man had been found near Loch Morlich.",
            ["Loch Morlich"],
            ["Loch", "Morlich"],  # not Balloch
        ),
        (
            "PILTON, Somerset — The girl was last seen near the Pyramid Stage. "
            "She was found at the welfare tent near the Kidz Field.",
            ["Pyramid Stage", "Kidz Field"],
            ["Pyramid", "Kidz"],  # not Paramus nor Ridgefield, New Jersey
        ),
        (
            "KENDAL, Cumbria — CCTV footage showed her walking along Aynam Road "
            "beside the River Kent at 6.40pm, police said.",
            ["River Kent"],
            ["Kent"],  # not the county of Kent, 400 km away
        ),
        (
            "He set out on the Overland Track from Cradle Mountain, Tasmania.",
            ["Overland Track"],
            ["Overland"],  # not Overland, Missouri
        ),
    ],
)
def test_a_landmark_keeps_its_feature_word_and_stays_unresolved(
    text: str, names: list[str], parts: list[str], gaz: Gazetteer, ner: Any
) -> None:
    found = _mentions(text, gaz, ner)
    for name in names:
        assert name in found, found
        assert all(m.name is None for m in found[name]), found[name]
    assert not set(parts) & set(found), found


def test_a_lone_feature_word_after_the_is_no_village(gaz: Gazetteer, ner: Any) -> None:
    text = (
        "PILTON, Somerset — A steward saw a girl walking towards the Park area "
        "at about 9.15pm."
    )
    found = _mentions(text, gaz, ner)
    assert "Park" not in found  # not Rockville, Indiana
    assert found["Somerset"][0].place is not None


@pytest.mark.parametrize(
    "text",
    [
        "Emma Stone said she had visited the town.",
        "Sally Field starred in the film.",
    ],
)
@pytest.mark.nlp
def test_a_person_named_like_a_feature_is_no_place(
    text: str, gaz: Gazetteer, nlp: Any
) -> None:
    found = _mentions(text, gaz, nlp)
    assert not {"Emma Stone", "Sally Field"} & set(found), found


def test_a_town_named_stone_stands(gaz: Gazetteer, ner: Any) -> None:
    text = "He was last seen in Stone, Staffordshire, on Friday."
    (m,) = _mentions(text, gaz, ner)["Stone"]
    assert m.place is not None
    assert m.place.country == "GB"
