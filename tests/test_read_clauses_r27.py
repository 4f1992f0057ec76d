"""Companions, "-based", take-backs, "also", second tips, denials, speakers (r27).

A review (r27, findings 5, 11, 12, 13, 15, 17, 18) found:

- "Salcedo is hiding *with his brother and two bodyguards* in Tamazula" gave
  Tamazula to the bodyguards, as the subject of a left-out verb; the people
  after "with" are the target's companions (r26's "hiding in Culiacán *and his
  men in Tamazula*" stays the men's);
- "returned to a Sinaloa-based *faction*", "went to a Phoenix-based *lawyer*"
  put the target in Sinaloa or Phoenix; only a place to be in ("a
  Guatemala-based cartel *cell*", "a Mexico-based *safe house*") does;
- "They later retracted the claim and have *not* restored it" put it back;
- "They now say she is in York *and may also have visited Hull*" kept Leeds
  beside York; only an "also" on the new word's own place keeps the old one;
- "a tip that Vuković was near Pljevlja, and *another that his brother* was in
  Žabljak" gave the target a claim at Žabljak;
- "Police *would not confirm or deny* she was there" disputed Monday's
  sighting, and "Police denied she was there *at the time*" did not;
- "The wife of the group's leader, Mundi Jalmaani, said her husband was ...
  hiding in Patikul" gave the Patikul claim to Mundi Jalmaani, not the wife.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geosleuth.dependence import superseded_claims
from reading import DOE, PUB, claims, reader, sightings

pytestmark = pytest.mark.nlp

_salcedo = reader("Rodrigo Salcedo Ibarra")
_vukovic = reader("Dragan Vuković")
_jalmaani = reader("Mundi Jalmaani")
_doe = reader(DOE)
_MONDAY = PUB - dt.timedelta(days=1)  # PUB is a Tuesday
_PLJEVLJA = "Police said Vuković was in Pljevlja. "
_LEEDS = "Police had earlier said Jane Doe was in Leeds. "
_HIKER = "A hiker saw Jane Doe in Leeds on Monday. "


def _places(reading: Any) -> list[str]:
    """The places of the claims and sightings that the target is there."""
    return sorted(
        [c.place_name for c in claims(reading) if c.polarity == "is"]
        + [s.place_name for s in sightings(reading)]
    )


# -- finding 5: companions after "with" ------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Salcedo is hiding with his brother and two bodyguards in Tamazula, "
            "officials said.",
            "Tamazula",
        ),
        (
            "Salcedo is hiding in the mountains with his deputy and his men in "
            "Tamazula, officials said.",
            "Tamazula",
        ),
        ("Salcedo was seen with his wife and his bodyguard in Culiacán on Monday.",
         "Culiacán"),
        ("Salcedo was arrested with his wife and two aides in Culiacán on Monday.",
         "Culiacán"),
    ],
)  # fmt: skip
def test_companions_after_with_are_where_the_target_is(
    nlp: Any, text: str, place: str
) -> None:
    # gave nothing: the place was "in a clause about 'two bodyguards'"
    assert _places(_salcedo(text, nlp)) == [place]


def test_a_dated_seeing_with_companions_keeps_its_day(nlp: Any) -> None:
    r = _salcedo(
        "Salcedo was arrested with his wife and two aides in Culiacán on Monday.", nlp
    )
    assert [s.date for s in sightings(r)] == [_MONDAY]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Salcedo is hiding in Culiacán and his men in Tamazula, officials said.",
         ["Culiacán"]),
        ("Salcedo was seen in Culiacán, and his brother in Durango.", ["Culiacán"]),
        ("Marines captured Salcedo in Culiacán on Monday, and his deputy in "
         "Durango on Tuesday.", ["Culiacán"]),
        # near misses: one with a place of its own, or a verb with its own place
        ("Salcedo is hiding with his brother in Culiacán and his men in Tamazula, "
         "officials said.", ["Culiacán"]),
        ("Salcedo is hiding in Culiacán, along with his brother and two bodyguards "
         "in Tamazula, officials said.", ["Culiacán"]),
        ("Salcedo was seen with his wife in Culiacán, and his bodyguard in Durango.",
         ["Culiacán"]),
    ],
)  # fmt: skip
def test_others_in_a_left_out_clause_stay_others(
    nlp: Any, text: str, kept: list[str]
) -> None:
    assert _places(_salcedo(text, nlp)) == kept


# -- finding 11: "-based" after a movement ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Salcedo returned to a Sinaloa-based faction of the cartel after his "
        "release, officials said.",
        "Salcedo went to a Phoenix-based lawyer for advice before he fled, "
        "officials said.",
        "Salcedo moved to a Texas-based cartel in 2010, according to prosecutors.",
        "Salcedo escaped to a Guatemala-based network of smugglers, who helped him "
        "reach Honduras.",
    ],
)
def test_a_group_or_person_based_somewhere_is_no_place(nlp: Any, text: str) -> None:
    r = _salcedo(text, nlp)
    assert _places(r) == []
    assert any("'-based'" in x.detail for x in r.rejected)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Salcedo fled to a Guatemala-based cartel cell in 2017, officials said.",
         "Guatemala"),
        ("Salcedo fled to a Mexico-based safe house run by his brother, officials "
         "said.", "Mexico"),
        ("Salcedo fled to a Honduras-based hideout, officials said.", "Honduras"),
    ],
)  # fmt: skip
def test_a_place_based_somewhere_is_where_he_went(
    nlp: Any, text: str, place: str
) -> None:
    assert _places(_salcedo(text, nlp)) == [place]


# -- finding 12: a putting back denied -------------------------------------------


@pytest.mark.parametrize(
    "after",
    [
        "They later retracted the claim and have not restored it.",
        "They later retracted the claim and haven't reinstated it since.",
        "They later retracted the claim and said they would not reissue it.",
    ],
)
def test_a_take_back_not_put_back_is_taken_back(nlp: Any, after: str) -> None:
    r = _vukovic(_PLJEVLJA + after, nlp)
    assert _places(r) == []
    assert any(x.reason == "negated" and x.quote == "Pljevlja" for x in r.rejected)


@pytest.mark.parametrize(
    "after",
    [
        "They later retracted the claim but have since restored it.",
        "They later retracted the claim, then reaffirmed it on Tuesday.",
    ],
)
def test_a_take_back_put_back_stands(nlp: Any, after: str) -> None:
    assert _places(_vukovic(_PLJEVLJA + after, nlp)) == ["Pljevlja"]


# -- finding 13: an "also" on another clause -------------------------------------


@pytest.mark.parametrize(
    "after",
    [
        "They now say she is in York and may also have visited Hull.",
        "They now say she is in York, not Leeds, and also say she was not alone.",
        "They now say she is in York and is also too ill to travel.",
    ],
)
def test_an_also_of_another_clause_lets_the_new_word_replace(
    nlp: Any, after: str
) -> None:
    r = _doe(_LEEDS + after, nlp)
    leeds = next(c for c in claims(r) if c.place_name == "Leeds" and c.polarity == "is")
    assert superseded_claims(r.evidence)[leeds.id].place_name == "York"


@pytest.mark.parametrize(
    "after",
    [
        "They now say she may also have been in York.",
        "They now say she was also seen in York.",
        "They now say she is in York as well.",
        "They now also say she is in York.",
    ],
)
def test_an_also_of_the_new_place_replaces_nothing(nlp: Any, after: str) -> None:
    assert superseded_claims(_doe(_LEEDS + after, nlp).evidence) == {}


# -- finding 17: a second tip about another --------------------------------------


def test_a_second_tip_about_his_brother_is_not_the_target(nlp: Any) -> None:
    r = _vukovic(
        "Police received a tip that Vuković was near Pljevlja, and another that "
        "his brother was in Žabljak.",
        nlp,
    )
    assert _places(r) == ["Pljevlja"]
    assert any(x.quote == "Žabljak" and x.reason == "not_target" for x in r.rejected)


def test_a_second_tip_about_him_is_the_target(nlp: Any) -> None:
    r = _vukovic(
        "Police received a tip that Vuković was near Pljevlja, and another that "
        "he was in Žabljak.",
        nlp,
    )
    assert _places(r) == ["Pljevlja", "Žabljak"]
    assert {c.hedge for c in claims(r)} == {"possible"}


# -- finding 18: denials ---------------------------------------------------------


@pytest.mark.parametrize(
    "after",
    [
        "Police would not confirm or deny she was there.",
        "Police cannot confirm or deny that she was there.",
        "Police neither confirmed nor denied she was there.",
    ],
)
def test_no_side_taken_disputes_nothing(nlp: Any, after: str) -> None:
    (seen,) = sightings(_doe(_HIKER + after, nlp))
    assert (seen.place_name, seen.hedge, seen.date) == ("Leeds", "certain", _MONDAY)


@pytest.mark.parametrize(
    "after",
    [
        "Police denied she was there at the time.",
        "Police denied she was there then.",
        "Police denied she was there.",
        "Police did not confirm it, and denied she was there.",
    ],
)
def test_a_denial_of_then_disputes_the_sighting(nlp: Any, after: str) -> None:
    (seen,) = sightings(_doe(_HIKER + after, nlp))
    assert (seen.place_name, seen.hedge) == ("Leeds", "probable")


def test_a_denial_of_another_time_disputes_nothing(nlp: Any) -> None:
    r = _doe(_HIKER + "Police denied she was there at the time of the fire.", nlp)
    assert [s.hedge for s in sightings(r)] == ["certain"]


# -- finding 15: the target's name in the speaker's words -------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The wife of the group's leader, Mundi Jalmaani, said her husband was "
            "alive and hiding in Patikul.",
            "The wife of the group's leader, Mundi Jalmaani",
        ),
        (
            "The wife of the group's deputy leader, Mundi Jalmaani, said he was "
            "alive and hiding in Patikul.",
            "The wife of the group's deputy leader, Mundi Jalmaani",
        ),
    ],
)
def test_the_wife_speaks_for_the_place_too(nlp: Any, text: str, speaker: str) -> None:
    r = _jalmaani(text, nlp)
    assert {(i.kind, i.provenance.speaker) for i in r.evidence} == {
        ("life_status", speaker),
        ("claim", speaker),
    }


def test_the_target_named_as_the_subject_still_speaks(nlp: Any) -> None:
    r = _jalmaani(
        "The group's leader, Mundi Jalmaani, said in a video that he was hiding in "
        "Patikul.",
        nlp,
    )
    assert [c.provenance.speaker for c in claims(r)] == ["Mundi Jalmaani"]
