"""Review r65's leftover reading findings (helper rd83), each with its near-miss.

- 1: "; the site of his burial (the location of his body, his grave, the place
  and date of the funeral) has not been confirmed", "; it is not known where he
  was buried": the death stands, and so does its place (review r86, #5); "; his
  death has not been confirmed" still makes the death possible, "; the army
  denied his death" still takes it back.
- 2: "; the army denied the death of the gunman" (another, by a description or
  another name) is no denial of the target's death; "the death", "his death",
  "the death of Salcedo" are, by the rule for seeings and arrests.
- 3: "San Miguel, in the hills of Durango" is the San Miguel of Durango, not a
  larger one abroad; "Santiago, in the hills of Durango", where no Santiago lies
  in or beside Durango, is a town the gazetteer lacks (Durango alone, as
  "Santiago, Durango"), not Santiago de los Caballeros; "Cosalá, in the hills of
  Durango" stays the Cosalá beside it.
- 4: "the State of Qatar" reads as Qatar, as the bare name does (a seeing in a
  country is no place of a sighting, either way).
- 5: "would have died since" is at most a possible death, as "may have died
  since"; so is "should have died since" (it was certain).
- 6: "the state of Chihuahua", "Oaxaca state": the state, which the gazetteer
  holds as "Chihuahua State" and "Oaxaca State"; the bare names stay the cities.
"""

from __future__ import annotations

from typing import Any

import pytest

from geosleuth.evidence import LifeStatus
from geosleuth.geometry import Area
from reading import claims, reader, set_aside, sightings

pytestmark = pytest.mark.nlp

SALCEDO = "Rodrigo Salcedo Ibarra"
AG_ALHER = "Hamadou Ag Alher"
_read = reader(SALCEDO)


def _lives(r: Any) -> list[tuple[str, str]]:
    return sorted((i.status, i.hedge) for i in r.evidence if isinstance(i, LifeStatus))


def _claimed(r: Any) -> list[tuple[str | None, str]]:
    return sorted((c.place_name, c.hedge) for c in claims(r))


def _negated(r: Any) -> bool:
    return any(reason == "negated" for reason, _ in set_aside(r))


def _places(r: Any) -> list[tuple[str | None, bool]]:
    """(place, is an area) of each claim and sighting, sorted."""
    return sorted(
        (i.place_name, isinstance(i.place, Area)) for i in [*claims(r), *sightings(r)]
    )


# -- 1: where the body lies, in doubt --------------------------------------------
@pytest.mark.parametrize(
    ("doubt", "place"),
    [
        # where the body lies is no doubt of where he died (review r86, #5)
        ("the site of his burial has not been confirmed", "certain"),
        ("the location of his body has not been confirmed", "certain"),
        ("the location of his grave has not been confirmed", "certain"),
        ("the place and date of the funeral have not been confirmed", "certain"),
        ("the location of his body is not known", "certain"),
        ("it is not known where he was buried", "certain"),
        # a detail that is no place: the place stays as told
        ("the date of the funeral has not been confirmed", "certain"),
    ],
)
def test_burial_in_doubt_leaves_the_death(doubt: str, place: str, nlp: Any) -> None:
    r = _read(f"Salcedo was killed in Culiacán; {doubt}.", nlp)
    assert _lives(r) == [("dead", "certain")]
    assert _claimed(r) == [("Culiacán", place)]


@pytest.mark.parametrize(
    ("doubt", "lives", "place"),
    [
        # near-misses: the death itself in doubt, or denied
        ("his death has not been confirmed", [("dead", "possible")], "possible"),
        ("the army denied his death", [], None),
    ],
)  # fmt: skip
def test_death_itself_in_doubt_stays(
    doubt: str, lives: list[Any], place: str | None, nlp: Any
) -> None:
    r = _read(f"Salcedo was killed in Culiacán; {doubt}.", nlp)
    assert _lives(r) == lives
    assert _claimed(r) == ([("Culiacán", place)] if place else [])


# -- 2: a denial of another's death -----------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Salcedo was killed in Culiacán; the army denied the death of the gunman.",
        "Salcedo was killed in Culiacán; the army denied the gunman's death.",
        "Salcedo was killed in Culiacán; the army denied the death of his driver.",
        "Salcedo was killed in Culiacán, but the army denied the death of the gunman.",
        "Salcedo was killed in Culiacán; the death of the gunman was denied.",
    ],
)
def test_denied_death_of_another_leaves_the_death(text: str, nlp: Any) -> None:
    r = _read(text, nlp)
    assert _lives(r) == [("dead", "certain")]
    assert not _negated(r)


@pytest.mark.parametrize(
    "text",
    [
        # near-misses: the denial names the target
        "Salcedo was killed in Culiacán; the army denied the death.",
        "Salcedo was killed in Culiacán; the army denied his death.",
        "Salcedo was killed in Culiacán; the army denied the death of Salcedo.",
        "Salcedo was killed in Culiacán; the army denied the death of Ibarra.",
        "Salcedo was killed in Culiacán; his death was denied by the army.",
        "The army denied the death of Salcedo in Culiacán.",
    ],
)
def test_denied_death_of_the_target_stays_denied(text: str, nlp: Any) -> None:
    r = _read(text, nlp)
    assert _lives(r) == []
    assert _negated(r)


# -- 3: a town in (or beside) the hills of a state --------------------------------
@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Salcedo was seen in San Miguel, in the hills of Durango.",
         [("San Miguel de Cruces", False)]),
        ("Salcedo was seen in San Miguel, in the mountains of Durango state.",
         [("San Miguel de Cruces", False)]),
        ("Salcedo was seen in Santiago, in the hills of Durango.",
         [("Durango", True)]),
        # near-misses: a town beside the state; one in it; the bare names
        ("Salcedo was seen in Cosalá, in the hills of Durango.",
         [("Cosalá", False), ("Durango", True)]),
        ("Salcedo was seen in Tamazula, in the hills of Durango.",
         [("Tamazula de Victoria", False)]),
        ("Salcedo was seen in Santiago, in the mountains of Chile.",
         [("Santiago", False)]),
        ("Salcedo was seen in Santiago.", [("Santiago de los Caballeros", False)]),
    ],
)  # fmt: skip
def test_town_in_the_hills_of_a_state(text: str, places: list[Any], nlp: Any) -> None:
    assert _places(_read(text, nlp)) == places


# -- 4: the State of Qatar ----------------------------------------------------------
@pytest.mark.parametrize("where", ["the State of Qatar", "Qatar"])
def test_state_of_qatar_is_qatar(where: str, nlp: Any) -> None:
    r = _read(f"Ag Alher is hiding in {where}, officials said.", nlp, AG_ALHER)
    assert _places(r) == [("Qatar", True)]
    seen = _read(f"Ag Alher was seen in {where}.", nlp, AG_ALHER)
    assert sightings(seen) == []
    assert [reason for reason, _ in set_aside(seen)] == ["no_place"]


# -- 5: a death that would (should) have come since ---------------------------------
@pytest.mark.parametrize(
    ("text", "lives"),
    [
        ("Salcedo would have died since.", [("dead", "possible")]),
        ("Salcedo would have died in Culiacán since no doctor was there.",
         [("dead", "possible")]),
        ("Salcedo should have died since.", [("dead", "possible")]),
        ("Salcedo was alive in 2015 but would have died since.",
         [("alive", "certain")]),
        # near-misses: as before
        ("Salcedo may have died since.", [("dead", "possible")]),
        ("Salcedo has died since.", [("dead", "certain")]),
    ],
)  # fmt: skip
def test_would_have_died_since_is_at_most_possible(
    text: str, lives: list[Any], nlp: Any
) -> None:
    assert _lives(_read(text, nlp)) == lives


# -- 6: a state the gazetteer holds under its designated name ------------------------
@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Salcedo was seen in the State of Chihuahua.", [("Chihuahua State", True)]),
        ("Salcedo was seen in Chihuahua state.", [("Chihuahua State", True)]),
        ("Salcedo was seen in the state of Oaxaca.", [("Oaxaca State", True)]),
        ("Salcedo is hiding in the southern Mexican state of Oaxaca, police said.",
         [("Oaxaca State", True)]),
        # near-misses: the bare names are the cities; a state of its own name
        ("Salcedo was seen in Chihuahua.", [("Chihuahua", False)]),
        ("Salcedo was seen in Oaxaca.", [("Oaxaca", False)]),
        ("Salcedo was seen in the state of Durango.", [("Durango", True)]),
    ],
)  # fmt: skip
def test_state_of_a_designated_division(text: str, places: list[Any], nlp: Any) -> None:
    assert _places(_read(text, nlp)) == places
