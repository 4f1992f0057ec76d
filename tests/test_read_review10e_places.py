"""Where the target is not: origins, either-or, past stays, moves to come; and
more wordings of where she is (an outside review's sentences).

Each case is a real sentence; both sides of each rule are pinned, with what it
gave before.
"""

from __future__ import annotations

from typing import Any

import pytest

from reading import reader, set_aside

pytestmark = pytest.mark.nlp

HALE = "Daniel Hale"
_read = reader(HALE)


def _places(reading: Any) -> list[tuple[str, str, str]]:
    """(kind, place, polarity) of each claim or sighting."""
    return [
        (i.kind, i.place_name, getattr(i, "polarity", "seen"))
        for i in reading.evidence
        if i.kind in ("claim", "sighting")
    ]


def _names(reading: Any) -> list[str]:
    return [p for _, p, _ in _places(reading)]


# -- either-or is one of them, not where they meet ------------------------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        # each was 'Montenegro ∩ Serbia' (the border strip), 'Spain ∩ Portugal'
        ("Interpol believes Daniel Hale is hiding in either Montenegro or Serbia.",
         "Montenegro or Serbia"),
        ("Daniel Hale is in Spain or Portugal, police said.", "Spain or Portugal"),
    ],
)  # fmt: skip
def test_either_or_is_the_union(nlp: Any, text: str, name: str) -> None:
    (claim,) = _read(text, nlp).evidence
    assert claim.place_name == name
    assert len(claim.place.polygons) >= 2


def test_regions_named_together_still_meet(nlp: Any) -> None:
    reading = _read("Daniel Hale is hiding in Syria near the Iraqi border.", nlp)
    assert _names(reading) == ["Syria ∩ Iraq–Syria border"]


# -- origins and ties are not where he is ---------------------------------------------
@pytest.mark.parametrize(
    ("text", "place", "origin"),
    [
        # the first claimed Leeds and set Cyprus aside as a qualifier
        ("Daniel Hale, who was born in Leeds, is now believed to live in Cyprus.",
         "Cyprus", "Leeds"),
        ("Daniel Hale, a native of Leeds, is believed to be in Spain.", "Spain",
         "Leeds"),
        ("Daniel Hale, originally from Leeds, is hiding in Spain.", "Spain",
         "Leeds"),
        ("Daniel Hale, a Texas-born trafficker, is believed to live in Sonora.",
         "Sonora", "Texas"),
        ("Daniel Hale, head of a Sinaloa-based gang, is hiding in Durango.",
         "Durango", "Sinaloa"),
        ("Daniel Hale was seen boarding a Kampala-bound bus in Nairobi.", "Nairobi",
         "Kampala"),
    ],
)  # fmt: skip
def test_an_origin_is_set_aside(nlp: Any, text: str, place: str, origin: str) -> None:
    reading = _read(text, nlp)
    assert _names(reading) == [place]
    assert ("not_target", origin) in set_aside(reading)


# -- buildings ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        # 'Hospital' (Co. Limerick) and 'Saint Mary' (Jamaica) were claimed
        "Daniel Hale was flown to St. Mary's Hospital in Grand Junction on Tuesday.",
        "Daniel Hale was taken to St. Mary's Medical Center in Grand Junction.",
    ],
)
def test_a_buildings_words_are_no_place(nlp: Any, text: str) -> None:
    assert _names(_read(text, nlp)) == ["Grand Junction"]


def test_a_hotel_named_after_a_town_is_in_its_own_town(nlp: Any) -> None:
    # 'Kampala' was claimed
    reading = _read("Daniel Hale is hiding at the Hotel Kampala in Nairobi.", nlp)
    assert _names(reading) == ["Nairobi"]


# -- the past, and moves yet to come --------------------------------------------------
@pytest.mark.parametrize(
    ("text", "now", "before"),
    [
        # each claimed the earlier place as current
        ("Daniel Hale used to live in Geneva.", [], "Geneva"),
        ("Daniel Hale was formerly based in Geneva.", [], "Geneva"),
        ("Daniel Hale used to live in Geneva, but now lives in Dubai.", ["Dubai"],
         "Geneva"),
        ("Daniel Hale had been hiding in Culiacan but left.", [], "Culiacan"),
        ("Daniel Hale stayed in Mombasa before travelling to Nairobi.", ["Nairobi"],
         "Mombasa"),
    ],
)  # fmt: skip
def test_where_he_was_before_is_set_aside(
    nlp: Any, text: str, now: list[str], before: str
) -> None:
    reading = _read(text, nlp)
    assert _names(reading) == now
    assert ("not_target", before) in set_aside(reading)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # each gave a 'possible' claim of the present
        ("Daniel Hale could be taken to Mombasa.", "Mombasa"),
        ("Daniel Hale is expected to be transferred to Mombasa if his condition "
         "improves.", "Mombasa"),
        ("Daniel Hale would be arrested if he returned to Britain.", "Britain"),
        ("Daniel Hale could be extradited to Britain if he is caught.", "Britain"),
    ],
)  # fmt: skip
def test_a_move_to_come_is_a_plan(nlp: Any, text: str, place: str) -> None:
    reading = _read(text, nlp)
    assert _places(reading) == []
    assert ("conditional", place) in set_aside(reading)


def test_a_move_that_may_have_happened_is_still_a_claim(nlp: Any) -> None:
    reading = _read("Daniel Hale may have fled to Britain.", nlp)
    assert _places(reading) == [("claim", "United Kingdom", "is")]


# -- more wordings of where he is (each gave nothing) ---------------------------------
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Daniel Hale is being held captive in Kidal.", "Kidal"),
        ("Daniel Hale is held hostage near Gao.", "Gao"),
        ("Daniel Hale was moved across the border into Niger.", "Niger"),
        ("Daniel Hale is being held somewhere in northern Mali.", "Mali"),
        ("Daniel Hale is being held in the desert north of Timbuktu.",
         "north of Timbuktu"),
        ("The kidnappers had taken Daniel Hale to Mogadishu.", "Mogadishu"),
        ("Daniel Hale remains in hospital in Nairobi.", "Nairobi"),
        ("Daniel Hale flew to Nairobi on Monday.", "Nairobi"),
        ("Daniel Hale took a bus to Kisumu.", "Kisumu"),
        ("Daniel Hale boarded a flight from Dubai to Nairobi.", "Nairobi"),
        ("Daniel Hale was wounded in an attack near Garissa.", "Garissa"),
        ("Daniel Hale is hiking near Kakamega.", "Kakamega"),
        ("Daniel Hale called his mother from Eldoret on Friday.", "Eldoret"),
    ],
)  # fmt: skip
def test_more_wordings_of_where_he_is(nlp: Any, text: str, place: str) -> None:
    assert _places(_read(text, nlp)) == [("claim", place, "is")]


@pytest.mark.parametrize(
    "text",
    [
        # someone else moves or is kept: nothing of his
        "His brother took a bus to Kisumu, Daniel Hale's wife said.",
        "His kidnappers are being held in Kidal, Daniel Hale's wife said.",
        "Daniel Hale's mother called the police from Eldoret.",
    ],
)
def test_someone_elses_move_places_no_one(nlp: Any, text: str) -> None:
    assert _places(_read(text, nlp)) == []


def test_a_chain_of_goals_ends_at_the_last(nlp: Any) -> None:
    # Kidal, passed through, was claimed as current
    reading = _read(
        "Daniel Hale was moved from Gao to Kidal and then to Timbuktu.", nlp
    )
    assert _places(reading) == [("claim", "Timbuktu", "is")]
    assert {("not_target", "Gao"), ("not_target", "Kidal")} <= set(set_aside(reading))


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        # 'no sign' without 'that' was a certain claim
        ("Daniel Hale is missing. Police see no sign he is in Utah.", "doubtful"),
        # no sign of something else says nothing of where he is
        ("Daniel Hale showed no signs of illness when he travelled to Utah.",
         "certain"),
    ],
)  # fmt: skip
def test_no_sign_he_is_there_is_doubtful(nlp: Any, text: str, hedge: str) -> None:
    (claim,) = _read(text, nlp).evidence
    assert (claim.place_name, claim.hedge) == ("Utah", hedge)


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # the target speaks: her relative clause was set aside as a description
        # of the speaker, and gave nothing
        ("Daniel Hale, who is hiding in Dubai, told the BBC he was innocent.",
         [("Dubai", None, "F3")]),
        ("Daniel Hale, who lives in Dubai, said he was innocent.",
         [("Dubai", None, "F3")]),
        # Oman was set aside as 'qualifying' Dubai, which is not in it
        ("Daniel Hale, who fled to Dubai in 2019, told the BBC he is now in Oman.",
         [("Dubai", None, "F3"), ("Oman", "Daniel Hale", "F4")]),
    ],
)  # fmt: skip
def test_the_speaking_targets_relative_clause_is_the_articles(
    nlp: Any, text: str, rows: list[tuple[Any, ...]]
) -> None:
    got = [
        (i.place_name, i.provenance.speaker, str(i.grade))
        for i in _read(text, nlp).evidence
        if i.kind == "claim"
    ]
    assert got == rows


@pytest.mark.parametrize(
    "text",
    [
        # another speaker's description, and an apposition, stay set aside
        "Tom Fox, who lives in Dubai, said Daniel Hale is in Paris.",
        "Daniel Hale, a former banker in Geneva, told the BBC he was innocent.",
    ],
)
def test_a_speakers_description_is_still_no_place_of_the_target(
    nlp: Any, text: str
) -> None:
    names = _names(_read(text, nlp))
    assert "Dubai" not in names and "Geneva" not in names


def test_a_country_still_qualifies_a_town_in_it(nlp: Any) -> None:
    reading = _read("Daniel Hale is hiding in Hajin, Syria.", nlp)
    assert _names(reading) == ["Hajīn"]
    assert ("not_target", "Syria") in set_aside(reading)
