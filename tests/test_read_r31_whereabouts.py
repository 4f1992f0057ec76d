"""Review r31: whereabouts the reader missed, each with its near-miss.

- "could be anywhere in Sinaloa or Durango" is where the target may be, as
  "could be in" is; "could be anywhere" names no place.
- The "not" of "has not been seen since he escaped from a prison in Culiacán in
  2016" denies the seeing, not the escape: he was in Culiacán in 2016.
- "is moving between Culiacán and Mazatlán" is the band between the towns;
  "moving between camps around Tibú" is around Tibú.
- A sentence about the target that gave nothing is listed as unused though a
  word of it was set aside as no place of the target's ("Ibarra" of the name,
  "told reporters in Bogotá").
- A meeting in person places the one who met there then ("met his brother in
  Culiacán on Monday"); a plan to meet, or a meeting denied, places no one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from reading import affirms_nothing, claims, reader, sightings

pytestmark = pytest.mark.nlp

_salcedo = reader("Rodrigo Salcedo Ibarra")
_villamizar = reader("Héctor Villamizar Rojas")


def _claims(reading: Any) -> list[tuple[str, str, str]]:
    return [(c.place_name, c.polarity, c.hedge) for c in claims(reading)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Rodrigo Salcedo Ibarra could be anywhere in Sinaloa or Durango, "
         "officials said.", [("Sinaloa or Durango", "is", "possible")]),
        ("Rodrigo Salcedo Ibarra is not anywhere in Sinaloa.",
         [("Sinaloa", "is_not", "certain")]),
        # near-miss: no "anywhere", read as before
        ("Rodrigo Salcedo Ibarra could be in Sinaloa or Durango, officials said.",
         [("Sinaloa or Durango", "is", "possible")]),
        # near-miss: anywhere at no place
        ("Rodrigo Salcedo Ibarra could be anywhere, officials said.", []),
    ],
)  # fmt: skip
def test_anywhere_in_a_region_is_in_it(text: str, want: Any, nlp: Any) -> None:
    r = _salcedo(text, nlp)
    assert _claims(r) == want
    if want and want[0][1] == "is":
        assert claims(r)[0].provenance.speaker == "Officials"


def test_not_seen_since_an_escape_keeps_where_he_escaped_from(nlp: Any) -> None:
    r = _salcedo(
        "Rodrigo Salcedo Ibarra has not been seen since he escaped from a prison "
        "in Culiacán in 2016.",
        nlp,
    )
    alone = _salcedo(
        "Rodrigo Salcedo Ibarra escaped from a prison in Culiacán in 2016.", nlp
    )
    got = [(s.place_name, s.date_from, s.date) for s in sightings(r)]
    assert got == [("Culiacán", dt.date(2016, 1, 1), dt.date(2016, 12, 31))]
    assert got == [(s.place_name, s.date_from, s.date) for s in sightings(alone)]
    assert not claims(r)
    assert ("negated", r.text) in [(x.reason, x.quote) for x in r.rejected]


@pytest.mark.parametrize(
    "text",
    [
        # a denial of later presence, not a sighting
        "Rodrigo Salcedo Ibarra has not been seen in Culiacán since 2016.",
        # the escape itself denied
        "Rodrigo Salcedo Ibarra did not escape from a prison in Culiacán in 2016.",
    ],
)
def test_a_denied_seeing_or_escape_places_no_one(text: str, nlp: Any) -> None:
    assert affirms_nothing(_salcedo(text, nlp))


def test_not_seen_since_a_flight_keeps_where_he_went(nlp: Any) -> None:
    r = _salcedo(
        "Rodrigo Salcedo Ibarra has not been seen since he fled to Durango in 2016.",
        nlp,
    )
    got = [(c.place_name, c.polarity, c.date) for c in claims(r)]
    assert got == [("Durango", "is", dt.date(2016, 12, 31))]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Rodrigo Salcedo Ibarra is thought to be moving between Culiacán and "
         "Mazatlán.", ("between Culiacán and Mazatlán", "probable", "Line")),
        ("Rodrigo Salcedo Ibarra travels between Culiacán and Mazatlán, officials "
         "said.", ("between Culiacán and Mazatlán", "certain", "Line")),
        ("Rodrigo Salcedo Ibarra is moving between Sinaloa and Durango.",
         ("between Sinaloa and Durango", "certain", "Area")),
    ],
)  # fmt: skip
def test_moving_between_places_is_the_band_between(
    text: str, want: Any, nlp: Any
) -> None:
    (c,) = claims(_salcedo(text, nlp))
    assert (c.place_name, c.hedge, type(c.place).__name__) == want
    assert c.polarity == "is"


def test_in_two_towns_is_still_each_town(nlp: Any) -> None:
    # near-miss: no "between", each town as before
    r = _salcedo("Rodrigo Salcedo Ibarra is in Culiacán and Mazatlán.", nlp)
    assert [c.place_name for c in claims(r)] == ["Culiacán", "Mazatlán"]


_RESTREPO = (
    "General Jorge Restrepo, commander of the army's Second Division, told "
    "reporters in Bogotá that Villamizar {}."
)


def test_moving_between_camps_around_a_town_is_around_it(nlp: Any) -> None:
    r = _villamizar(_RESTREPO.format('"is moving between camps around Tibú"'), nlp)
    (c,) = claims(r)
    assert (c.place_name, c.polarity, c.provenance.speaker) == (
        "Tibú",
        "is",
        "Jorge Restrepo",
    )
    assert c.buffer_km == 20.0  # "around" doubles a town's disc
    assert not r.unused


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (_RESTREPO.format('"is a dangerous man"'), "Héctor Villamizar Rojas"),
        ("Rodrigo Salcedo Ibarra is 45.", "Rodrigo Salcedo Ibarra"),
        ("Rodrigo Salcedo Ibarra is due to meet his brother in Culiacán.",
         "Rodrigo Salcedo Ibarra"),
    ],
)  # fmt: skip
def test_a_word_set_aside_leaves_the_sentence_unused(
    text: str, target: str, nlp: Any
) -> None:
    r = _salcedo(text, nlp, target=target)
    assert not r.evidence
    assert [u.quote for u in r.unused] == [text]


@pytest.mark.parametrize(
    "text",
    [
        # a reason of the sentence's own reading still keeps it off the list
        "Rodrigo Salcedo Ibarra left Culiacán.",
        "Rodrigo Salcedo Ibarra has not been seen in Culiacán since 2016.",
    ],
)
def test_a_reason_of_the_reading_keeps_the_sentence_off_unused(
    text: str, nlp: Any
) -> None:
    r = _salcedo(text, nlp)
    assert not r.unused and r.rejected


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Rodrigo Salcedo Ibarra met his brother in Culiacán on Monday.",
         ("Culiacán", "certain", dt.date(2018, 6, 4))),
        ("Rodrigo Salcedo Ibarra met his wife in Culiacán in 1990.",
         ("Culiacán", "certain", dt.date(1990, 12, 31))),
        ("Rodrigo Salcedo Ibarra met with officials in Culiacán.",
         ("Culiacán", "certain", dt.date(2018, 6, 5))),
        ("Police said Rodrigo Salcedo Ibarra is believed to have met his brother "
         "in Culiacán on Monday.", ("Culiacán", "probable", dt.date(2018, 6, 4))),
    ],
)  # fmt: skip
def test_a_meeting_places_the_one_who_met(text: str, want: Any, nlp: Any) -> None:
    (c,) = claims(_salcedo(text, nlp))
    assert (c.place_name, c.hedge, c.date) == want
    assert c.polarity == "is"


@pytest.mark.parametrize(
    "text",
    [
        "Rodrigo Salcedo Ibarra is due to meet his brother in Culiacán.",
        "Rodrigo Salcedo Ibarra planned to meet his brother in Culiacán.",
        "Rodrigo Salcedo Ibarra will meet his brother in Culiacán.",
        "Rodrigo Salcedo Ibarra never met his brother in Culiacán.",
        "Rodrigo Salcedo Ibarra did not meet his brother in Culiacán.",
        "Rodrigo Salcedo Ibarra's lawyer met prosecutors in Culiacán on Monday.",
        "Rodrigo Salcedo Ibarra met his brother, who lives in Culiacán, on Monday.",
    ],
)
def test_a_plan_or_denial_of_a_meeting_places_no_one(text: str, nlp: Any) -> None:
    r = _salcedo(text, nlp)
    assert not claims(r) and not sightings(r)
