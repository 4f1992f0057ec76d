"""A landmark is one name, and no town far away (review r16, #1, #4 and #7).

Before: in missing-person reports, a local landmark was cut to its first word
and that word resolved to a town of the same name far away: "the Lakes of the
Clouds Hut" in a New Hampshire story was Lakes, Alaska; "Arch Rock" was Arch,
Switzerland; "Baxter Woods" in Portland, Maine, Baxter, Tennessee; "Styhead
Tarn" the French département of Tarn; "the Firth of Lorn" Firth, Nebraska, and
Lorn, New South Wales; "the South Kaibab and Tonto trails" Shonto, Arizona.
"North Beach in Burlington" was North Beach, Maryland; "the Five Points
neighborhood" of Athens, Georgia, a village in Ohio; "Mont Blanc" a village
that has it as another name. A team or product named after a place was the
place ("a Georgia Bulldogs cap", "his white Toyota LandCruiser"), "Chamonix"
was placed in the dateline and unresolved three paragraphs on, and a town the
gazetteer lacks was not found even in the dateline ("BIRDSVILLE, Qld").
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
    ("text", "name"),
    [
        (
            "His phone last pinged near the Lakes of the Clouds Hut on Mount "
            "Washington, New Hampshire.",
            "Lakes of the Clouds Hut",
        ),
        ("A hiker reported seeing her near Arch Rock in Tennessee.", "Arch Rock"),
        (
            "Police searched Baxter Woods in Portland, Maine, on Saturday.",
            "Baxter Woods",
        ),
        ("His body was found in Styhead Tarn near Keswick, Cumbria.", "Styhead Tarn"),
        (
            "A hiker saw him near Tuckerman Junction in New Hampshire.",
            "Tuckerman Junction",
        ),
        (
            "Witnesses saw a kayaker near Lone Rock Point, north of Burlington, Vt.",
            "Lone Rock Point",
        ),
        (
            "OBAN, Scotland — Lifeboats searched the Firth of Lorn overnight.",
            "Firth of Lorn",
        ),
        (
            "STONINGTON, Maine — The cutter searched from Isle au Haut to the east.",
            "Isle au Haut",
        ),
        ("He rented a boat at Camp Richardson in California.", "Camp Richardson"),
        (
            "He was last seen in the Tararua Range near Wellington, New Zealand.",
            "Tararua Range",
        ),
    ],
)
def test_a_landmark_is_one_name_and_stays_unresolved(
    text: str, name: str, gaz: Gazetteer, ner: Any
) -> None:
    found = _mentions(text, gaz, ner)
    assert name in found, found
    assert all(m.name is None for m in found[name])
    first = name.split()[0]
    assert first not in found  # no "Lakes" (Alaska), "Arch" (Switzerland), ...


def test_a_name_before_a_plural_feature_noun_is_the_feature(
    gaz: Gazetteer, ner: Any
) -> None:
    text = (
        "Rangers searched the South Kaibab and Tonto trails near Grand Canyon Village."
    )
    found = _mentions(text, gaz, ner)
    assert [m.name for m in found["Tonto"]] == [None]  # not Shonto, 90 km away


def test_a_point_named_for_a_nearby_town_is_at_that_town(
    gaz: Gazetteer, ner: Any
) -> None:
    text = "BURLINGTON, Vt. — Divers searched the water off Colchester Point."
    (m,) = _mentions(text, gaz, ner)["Colchester Point"]
    assert m.place is not None
    assert (m.place.country, m.place.admin1) == ("US", "VT")


def test_x_in_a_town_is_no_namesake_far_from_that_town(
    gaz: Gazetteer, ner: Any
) -> None:
    text = "He launched his kayak from North Beach in Burlington, Vt., on Saturday."
    found = _mentions(text, gaz, ner)
    assert [m.name for m in found["North Beach"]] == [None]  # not Maryland
    assert found["Burlington"][0].place is not None


def test_a_neighborhood_is_no_namesake_elsewhere_in_any_mention(
    gaz: Gazetteer, ner: Any
) -> None:
    text = (
        "ATHENS, Ga. — He walked away from his home in the Five Points "
        "neighborhood. Residents within 2 miles of Five Points should check "
        "their sheds."
    )
    found = _mentions(text, gaz, ner)
    assert [m.name for m in found["Five Points"]] == [None, None]  # not Ohio


def test_a_feature_matched_by_a_towns_other_name_is_no_town(
    gaz: Gazetteer, ner: Any
) -> None:
    text = "CHAMONIX, France — He failed to return from the Mont Blanc massif."
    found = _mentions(text, gaz, ner)
    assert [m.name for m in found["Mont Blanc"]] == [None]  # not Saint-Just-Malmont


def test_a_name_placed_by_its_dateline_is_placed_in_every_mention(
    gaz: Gazetteer, ner: Any
) -> None:
    text = (
        "CHAMONIX, France — A British climber is missing. His phone last "
        "connected to a mast in Chamonix on Saturday. He lives in Sheffield."
    )
    found = _mentions(text, gaz, ner)
    names = [m.name for m in found["CHAMONIX"] + found["Chamonix"]]
    assert names == ["Chamonix-Mont-Blanc", "Chamonix-Mont-Blanc"]


def test_a_dateline_town_the_gazetteer_lacks_is_a_place_unresolved(
    gaz: Gazetteer, ner: Any
) -> None:
    text = (
        "BIRDSVILLE, Qld — Police found the car about 110 kilometres south of "
        "Birdsville, near the Birdsville Hotel."
    )
    found = _mentions(text, gaz, ner)
    assert [m.name for m in found["BIRDSVILLE"] + found["Birdsville"]] == [None, None]
    assert [m.name for m in found["Qld"]] == ["Queensland"]


@pytest.mark.nlp
def test_a_team_on_a_cap_is_no_place(gaz: Gazetteer, nlp: Any) -> None:
    text = (
        "ATHENS, Ga. — He was last seen wearing a Georgia Bulldogs cap. He grew "
        "up in Georgia."
    )
    georgia = [
        m for m in find_toponyms(text, gazetteer=gaz, nlp=nlp) if m.text == "Georgia"
    ]
    # only "in Georgia": the team's name is not lifted by the state's mention
    assert [m.start for m in georgia] == [text.rindex("Georgia")]


@pytest.mark.nlp
def test_a_maker_before_its_product_is_no_place(gaz: Gazetteer, nlp: Any) -> None:
    text = "His white Toyota LandCruiser was found near Marree in South Australia."
    found = _mentions(text, gaz, nlp)
    assert "Toyota" not in found  # not Toyota, Japan
    assert [m.name for m in found["South Australia"]] == ["South Australia"]
