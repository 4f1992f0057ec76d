"""Review r50: places and sightings read wrong, each with its near-miss.

- An associate's seeing keeps only its own place: not one the parse hangs on
  "days" of a clause of time of the target ("seen in Culiacán days after
  Salcedo fled Durango"), nor where someone's deed after or before it was
  ("days after Salcedo's arrest in Durango").
- A person's name before "'s" and a group of theirs ("Guzmán's inner circle",
  "Zambada's faction") is no place; a town's or a state's is ("Culiacán's
  outskirts", "Sinaloa's capital", "Mexico's army").
- A small town after "fled to" is a place whatever the tagger calls it ("fled
  to Cosalá").
- A death told by one party that another says was faked ("..., police said,
  but his lawyer said the death was faked") is disputed, and set aside as a
  disputed death is.
"""

from __future__ import annotations

from typing import Any

import pytest

from geosleuth.evidence import LifeStatus
from geosleuth.read.toponyms import find_toponyms
from reading import claims, reader, set_aside, sightings

pytestmark = pytest.mark.nlp

_read = reader("Rodrigo Salcedo Ibarra")
_WANTED = "Rodrigo Salcedo Ibarra is wanted. "


def _seen(reading: Any) -> list[tuple[str | None, str]]:
    """(place, subject) of each sighting of a reading."""
    return sorted((s.place_name, s.subject) for s in sightings(reading))


def _claimed(reading: Any) -> list[str | None]:
    """The places of a reading's claims that the target is there."""
    return [c.place_name for c in claims(reading) if c.polarity == "is"]


def _deaths(reading: Any) -> list[tuple[str, str]]:
    """(status, hedge) of each life status of a reading."""
    return [(i.status, i.hedge) for i in reading.evidence if isinstance(i, LifeStatus)]


# -- an associate's seeing and the target's deed beside it ----------------------------
@pytest.mark.parametrize(
    ("text", "seen", "claimed"),
    [
        # the parse hung Culiacán on "days" in the clause of "Salcedo fled":
        # the brother's seeing was lost and Culiacán made the target's claim
        ("Salcedo's brother was seen in Culiacán days after Salcedo fled Durango.",
         [("Culiacán", "associate")], []),
        # Durango, where the target was arrested, was the brother's sighting
        ("Salcedo's brother was seen in Culiacán, days after Salcedo's arrest in "
         "Durango.", [("Culiacán", "associate")], []),
        ("Salcedo was seen in Culiacán a week after his brother's escape from a "
         "prison in Durango.", [("Culiacán", "target")], []),
        # near misses: as they read before
        ("Salcedo's brother was seen in Culiacán, days after Salcedo fled Durango.",
         [("Culiacán", "associate")], []),
        ("Salcedo's brother was seen in Culiacán, days after Salcedo was arrested in "
         "Durango.", [("Culiacán", "associate"), ("Durango", "target")], []),
        ("Salcedo's wife was seen in Culiacán.", [("Culiacán", "associate")], []),
        ("Salcedo was seen in Culiacán.", [("Culiacán", "target")], []),
        ("Salcedo was seen in Culiacán days after he fled Durango.",
         [("Culiacán", "target")], []),
        ("Salcedo was seen in Culiacán after a week in Durango.",
         [("Culiacán", "target"), ("Durango", "target")], []),
    ],
)  # fmt: skip
def test_an_associates_seeing_keeps_its_own_place(
    text: str, seen: list[tuple[str, str]], claimed: list[str], nlp: Any
) -> None:
    r = _read(text, nlp)
    assert _seen(r) == seen
    assert _claimed(r) == claimed


def test_a_deed_of_another_time_is_set_aside_with_its_words(nlp: Any) -> None:
    r = _read(
        "Salcedo's brother was seen in Culiacán, days after Salcedo's arrest in "
        "Durango.",
        nlp,
    )
    assert ("not_target", "Durango") in set_aside(r)
    why = next(x.detail for x in r.rejected if x.quote == "Durango")
    assert "after Salcedo's arrest" in why


# -- a person's group after "'s" ----------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("He was in Guzmán's inner circle.", "Guzmán"),
        ("He was a lieutenant in Guzmán's faction.", "Guzmán"),
        ("He was a lieutenant in Zambada's cartel.", "Zambada"),
        ("He was active in Zambada's gang.", "Zambada"),
        ("He served in Zambada's organization.", "Zambada"),
        ("He was in Zambada's family.", "Zambada"),
        ("He is a figure in Guzmán's people.", "Guzmán"),
    ],
)
def test_a_persons_group_is_no_place(sentence: str, name: str, nlp: Any) -> None:
    # each made the name a place (Guzmán, Panama, or an unresolved Zambada)
    text = "Rodrigo Salcedo Ibarra was seen in Culiacán, in Sinaloa state. " + sentence
    got = [m.text for m in find_toponyms(text, nlp=nlp) if m.role == "place"]
    assert name not in got
    assert "Culiacán" in got


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("He hid in Culiacán's outskirts.", "Culiacán"),
        ("He lived in Sinaloa's capital.", "Sinaloa"),
        ("He served in Mexico's army.", "Mexico"),
        ("He feared Culiacán's gangs.", "Culiacán"),
        ("He served in Sinaloa's cartel.", "Sinaloa"),
    ],
)
def test_a_places_possessive_stays_a_place(sentence: str, name: str, nlp: Any) -> None:
    text = "Rodrigo Salcedo Ibarra was seen in Culiacán, in Sinaloa state. " + sentence
    got = [m.text for m in find_toponyms(text, nlp=nlp) if m.role == "place"]
    assert name in got


def test_in_a_persons_circle_is_no_claim(nlp: Any) -> None:
    # "He was in Guzmán's inner circle" was a claim that he is in Guzmán, Panama
    assert _claimed(_read(_WANTED + "He was in Guzmán's inner circle.", nlp)) == []
    # near miss: a town's outskirts
    r = _read("Salcedo hid in Culiacán's outskirts.", nlp)
    assert _claimed(r) == ["Culiacán"]


# -- "fled to" a small town ---------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "place"),
    [
        # each gave no place (the tagger calls the town a person)
        ("Salcedo fled to Cosalá.", "Cosalá"),
        ("Salcedo fled to Tamazula.", "Tamazula"),
        (_WANTED + "He fled to Cosalá.", "Cosalá"),
        ("Salcedo escaped to Tamazula on Monday.", "Tamazula"),
        # near misses: as before
        ("Salcedo fled to Culiacán.", "Culiacán"),
        ("Salcedo is hiding in Tamazula.", "Tamazula"),
    ],
)
def test_a_small_town_fled_to_is_a_place(text: str, place: str, nlp: Any) -> None:
    assert _claimed(_read(text, nlp)) == [place]


def test_a_ranch_fled_to_is_no_place(nlp: Any) -> None:
    # near miss: "fled to" a person's ranch names no town of that person's name
    r = _read("Salcedo fled to Guzmán's ranch.", nlp)
    assert _claimed(r) == []


# -- a death another party says was faked ----------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        # the police's death stood, certain
        "Salcedo was killed, police said, but his lawyer said the death was faked.",
        "Salcedo was killed, police said, but his lawyer said his death was staged.",
        "Salcedo was killed on Monday, police said, but his lawyer insisted that the "
        "death was a hoax.",
        # near misses, set aside already
        "Salcedo was killed, police said, but his lawyer denied it.",
        "Police said Salcedo was killed, but his lawyer said the death was faked.",
    ],
)
def test_a_death_said_faked_by_another_is_disputed(text: str, nlp: Any) -> None:
    r = _read(text, nlp)
    assert _deaths(r) == []
    assert ("negated", text) in set_aside(r)


@pytest.mark.parametrize(
    "text",
    [
        # a real death, its manner staged; a death judged, not denied
        "Salcedo was killed, police said, but his lawyer said his death was staged "
        "to look like a suicide.",
        "Salcedo was killed, police said, and his lawyer said the death was a tragedy.",
        "Salcedo was killed, police said, but his lawyer said the killing was "
        "unjustified.",
    ],
)
def test_a_death_not_said_faked_stands(text: str, nlp: Any) -> None:
    assert _deaths(_read(text, nlp)) == [("dead", "certain")]


def test_a_faked_death_disputes_no_sighting(nlp: Any) -> None:
    # no death told before it: "the death was faked" disputes nothing of a seeing
    r = _read(
        "Salcedo was seen in Culiacán, police said, but his lawyer said the death "
        "was faked.",
        nlp,
    )
    assert [(s.place_name, s.hedge) for s in sightings(r)] == [("Culiacán", "certain")]
