"""Review r54's leftovers, each with its near-miss.

- "his" or "her" of the other gender than the target's given names ("Rodrigo
  Salcedo Ibarra ... days after *her* arrest in Durango") is not the target's
  own deed; one of its gender, or after a name given to both, still is.
- "was still alive when ..., but he died there": the death of the conjunct, as
  after "survived"; "is alive" now is no life of before.
- "must be in Durango by now" is an inference: probable; "must be extradited"
  is no hedge of a place.
- "a tabloid (newspaper) claimed" speaks, with "a" as with "the".
- "fled to Guzmán for protection": a name the text writes elsewhere as a
  person's ("Joaquín Guzmán") is the protector; a town is where one fled (and,
  since review r62, a hamlet the text gives no such sign of).
- "; the arrest has not been confirmed" ("has yet to be", "remains
  unconfirmed") raises the arrest as "could not be confirmed" does; "; the
  arrest has been denied" denies it.
- "declined to (would not, won't) confirm whether (if)" is a word withheld, as
  "declined to confirm that": possible, and no denial.
"""

from __future__ import annotations

from typing import Any

import pytest

from geosleuth.evidence import LifeStatus
from reading import claims, reader, set_aside, sightings

pytestmark = pytest.mark.nlp

_TARGETS = {
    "S": "Rodrigo Salcedo Ibarra",
    "J": "Jane Doe",
    "Y": "Sydney Hamilton",
}
_read = reader("Rodrigo Salcedo Ibarra")


def _seen(reading: Any) -> list[tuple[str | None, str]]:
    """(place, hedge) of each sighting of a reading."""
    return sorted((s.place_name, s.hedge) for s in sightings(reading))


def _places(reading: Any) -> list[tuple[str | None, str, str]]:
    """(place, polarity, hedge) of each claim of a reading."""
    return sorted((c.place_name, c.polarity, c.hedge) for c in claims(reading))


def _lives(reading: Any) -> list[tuple[str, str, str | None]]:
    """(status, hedge, speaker) of each life status of a reading."""
    return sorted(
        (i.status, i.hedge, i.provenance.speaker)
        for i in reading.evidence
        if isinstance(i, LifeStatus)
    )


# -- a possessive of the other gender than the target's given names ----------------
@pytest.mark.parametrize(
    ("who", "text", "seen", "other"),
    [
        ("S", "Salcedo was seen in Culiacán days after her arrest in Durango.",
         "Culiacán", "Durango"),
        ("J", "Jane Doe was seen in Leeds days after his arrest in York.",
         "Leeds", "York"),
        ("J", "Jane Doe was seen in Leeds two days after his release from prison in "
         "York, police said.", "Leeds", "York"),
    ],
)  # fmt: skip
def test_a_possessive_of_the_other_gender_is_not_the_targets(
    who: str, text: str, seen: str, other: str, nlp: Any
) -> None:
    r = _read(text, nlp, target=_TARGETS[who])
    assert _seen(r) == [(seen, "certain")]
    assert ("not_target", other) in set_aside(r)


@pytest.mark.parametrize(
    ("who", "text", "places"),
    [
        # near misses: of the target's gender, or a name given to both
        ("S", "Salcedo was seen in Culiacán days after his arrest in Durango.",
         ["Culiacán", "Durango"]),
        ("J", "Jane Doe was seen in Leeds days after her arrest in York.",
         ["Leeds", "York"]),
        ("Y", "Sydney Hamilton was seen in Welland hours after her disappearance "
         "in Fort Erie.", ["Fort Erie", "Welland"]),
    ],
)  # fmt: skip
def test_a_possessive_of_the_targets_gender_stays(
    who: str, text: str, places: list[str], nlp: Any
) -> None:
    r = _read(text, nlp, target=_TARGETS[who])
    assert [p for p, _ in _seen(r)] == places
    assert not [x for x in set_aside(r) if x[0] == "not_target"]


# -- a death after a life of before ----------------------------------------------
@pytest.mark.parametrize(
    ("text", "lives"),
    [
        ("Salcedo was probably still alive when the helicopter landed in Culiacán, "
         "but he died there.", [("alive", "probable"), ("dead", "certain")]),
        ("Salcedo was still alive when the helicopter landed in Culiacán, but he "
         "probably died there.", [("alive", "certain"), ("dead", "probable")]),
        # near misses: another's death; a life of now
        ("Salcedo was still alive when the helicopter landed in Culiacán, but his "
         "brother died there.", [("alive", "certain")]),
        ("Salcedo survived an ambush in 2016 but was killed in Culiacán in 2017.",
         [("alive", "certain"), ("dead", "certain")]),
    ],
)  # fmt: skip
def test_a_death_after_a_life_of_before(
    text: str, lives: list[tuple[str, str]], nlp: Any
) -> None:
    assert [(s, h) for s, h, _ in _lives(_read(text, nlp))] == lives


# -- "must be in Durango by now" ---------------------------------------------------
@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Salcedo was seen in Culiacán and must be in Durango by now.",
         [("Durango", "is", "probable")]),
        ("Salcedo was seen in Culiacán and must have gone to Durango.",
         [("Durango", "is", "probable")]),
        # near miss: no "must"
        ("Salcedo was seen in Culiacán and is hiding in Durango.", []),
    ],
)  # fmt: skip
def test_must_be_there_is_an_inference(
    text: str, places: list[tuple[str, str, str]], nlp: Any
) -> None:
    r = _read(text, nlp)
    assert _places(r) == places
    assert ("Culiacán", "certain") in _seen(r)


def test_must_be_extradited_is_no_hedge(nlp: Any) -> None:
    r = _read(
        "Salcedo was arrested in Culiacán and must be extradited to the United States.",
        nlp,
    )
    assert _seen(r) == [("Culiacán", "certain")]


# -- a publication speaks ----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "lives"),
    [
        ("Salcedo is probably still alive, although a tabloid claimed that he had "
         "died.", [("alive", "probable", None), ("dead", "possible", "Tabloid")]),
        ("Salcedo is probably still alive, although a newspaper reported that he "
         "had died.", [("alive", "probable", None), ("dead", "certain", "Newspaper")]),
        # near miss: a person's word, as before
        ("Salcedo is probably still alive, although a neighbour claimed that he had "
         "died.", [("alive", "probable", None), ("dead", "possible", "A neighbour")]),
    ],
)  # fmt: skip
def test_a_publication_speaks(
    text: str, lives: list[tuple[str, str, str | None]], nlp: Any
) -> None:
    assert _lives(_read(text, nlp)) == lives


@pytest.mark.parametrize(
    "who",
    ["A group of hikers", "A paper found in his pocket"],
)
def test_no_one_in_particular_speaks_as_before(who: str, nlp: Any) -> None:
    r = _read(f"{who} said Salcedo was in Culiacán.", nlp)
    assert [c.provenance.speaker for c in claims(r)] == [None]


# -- fled to a person for protection -----------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        # review r62 M2 (helper rd66): a person by a sign elsewhere in the text,
        # not by the village's size ("fled to Ribchester for safety" is a place)
        "Joaquín Guzmán runs the cartel. Salcedo fled to Guzmán for protection.",
        "Salcedo went to Guzmán for help. Joaquín Guzmán is his old boss.",
    ],
)
def test_fled_to_a_protector_is_no_place(text: str, nlp: Any) -> None:
    r = _read(text, nlp)
    assert not _places(r) and not sightings(r)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Salcedo fled to Culiacán for protection.", "Culiacán"),
        ("Salcedo fled to Cosalá for protection.", "Cosalá"),
        ("Salcedo fled to Guzmán.", "Guzmán"),
    ],
)
def test_fled_to_a_town_for_protection_stays(text: str, place: str, nlp: Any) -> None:
    assert _places(_read(text, nlp)) == [(place, "is", "certain")]


# -- a confirmation not yet made ---------------------------------------------------
@pytest.mark.parametrize(
    "doubt",
    [
        "the arrest has not been confirmed",
        "the arrest has yet to be confirmed",
        "the arrest remains unconfirmed",
        # near miss: as before
        "the arrest could not be confirmed",
    ],
)
def test_an_arrest_not_yet_confirmed_is_possible(doubt: str, nlp: Any) -> None:
    r = _read(f"Salcedo was arrested in Culiacán on Monday; {doubt}.", nlp)
    assert _seen(r) == [("Culiacán", "possible")]


def test_an_arrest_denied_is_denied(nlp: Any) -> None:
    r = _read(
        "Salcedo was arrested in Culiacán on Monday; the arrest has been denied.", nlp
    )
    assert not sightings(r)
    assert [x for x in set_aside(r) if x[0] == "negated"]


def test_an_arrest_confirmed_stays_certain(nlp: Any) -> None:
    r = _read(
        "Salcedo was arrested in Culiacán on Monday; the arrest has been confirmed.",
        nlp,
    )
    assert _seen(r) == [("Culiacán", "certain")]


def test_a_death_not_yet_confirmed_is_possible(nlp: Any) -> None:
    r = _read(
        "Salcedo was killed in Culiacán on Monday; his death has not been confirmed.",
        nlp,
    )
    assert [(s, h) for s, h, _ in _lives(r)] == [("dead", "possible")]


# -- a refusal to confirm whether --------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Police declined to confirm whether Salcedo was in Culiacán.",
        "Police would not confirm whether Salcedo was in Culiacán.",
        "Police won't confirm if Salcedo was in Culiacán.",
        # near miss: as before
        "Police declined to confirm that Salcedo was in Culiacán.",
    ],
)
def test_a_refusal_to_confirm_whether_is_possible(text: str, nlp: Any) -> None:
    assert _places(_read(text, nlp)) == [("Culiacán", "is", "possible")]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Police denied that Salcedo was in Culiacán.",
         [("Culiacán", "is_not", "certain")]),
        ("Police did not say whether Salcedo was in Culiacán.",
         [("Culiacán", "is", "doubtful")]),
        ("Police could not confirm whether Salcedo was in Culiacán.",
         [("Culiacán", "is", "doubtful")]),
    ],
)  # fmt: skip
def test_a_denial_or_an_open_question_stays(
    text: str, places: list[tuple[str, str, str]], nlp: Any
) -> None:
    assert _places(_read(text, nlp)) == places


def test_a_refused_sighting_whether_stays_possible(nlp: Any) -> None:
    r = _read("Police declined to confirm whether Salcedo was seen in Culiacán.", nlp)
    assert _seen(r) == [("Culiacán", "possible")]
