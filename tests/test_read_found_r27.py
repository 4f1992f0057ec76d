"""Review r27 findings 1 and 9: finds "corrected", beliefs of a body, footage.

- A find or arrest is taken back by a "but" only when it names the one found
  as another person ("but the man was his cousin", "but it was not him", "but
  the man turned out to be someone else"), not by what it says of the one found
  ("but she was not able to walk", "but he was not charged", "but it was not
  clear how long it had been there", "but she was a long way from home").
- "Police believe they have found the body of Dragan Vuković": a death the
  belief hedges, not nothing.
- Footage showing her is taken back by words of the one shown or of the
  footage ("the woman was not her", "turned out to show another woman", "the
  footage was fake"), in its sentence or the next, not by another seen with her
  ("with another woman") nor other fakes ("fake sightings"); footage had
  ("Police said they have CCTV footage"), a still from it, footage that "came to
  light" or "was handed to detectives" is a camera's sighting.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geosleuth.evidence import LifeStatus
from reading import reader, set_aside, sightings

pytestmark = pytest.mark.nlp

_doe = reader("Jane Doe")
_vukovic = reader("Dragan Vuković")
_alher = reader("Hamadou Ag Alher")
_MISSING = "Jane Doe, 34, has been missing since May 2. "
_LEADS = "Hamadou Ag Alher has led the group since 2012. "
_MONDAY = dt.date(2018, 6, 4)


def _lives(reading: Any) -> list[tuple[str, str, bool]]:
    """(status, hedge, body) of each life status read."""
    return [
        (i.status, i.hedge, i.body)
        for i in reading.evidence
        if isinstance(i, LifeStatus)
    ]


def _corrected(reading: Any) -> bool:
    """Whether a find was set aside as corrected."""
    return any("but corrected" in x.detail for x in reading.rejected)


# -- 1. finds and arrests followed by "but ..." ----------------------------------


@pytest.mark.parametrize(
    ("read", "text", "place", "life"),
    [
        (_doe, "Jane Doe was found alive in woods near York on Monday, but she was "
         "not able to walk.", "York", ("alive", "certain", False)),
        (_doe, "Jane Doe was found safe in York on Monday, but she was not able to "
         "say how she got there.", "York", ("alive", "certain", False)),
        (_doe, "Jane Doe was found safe and well in York, but she was a long way "
         "from home.", "York", ("alive", "certain", False)),
        (_doe, "Police found Jane Doe in a field near York on Monday, but she was "
         "not injured.", "York", None),
        (_doe, "On Monday officers found Jane Doe in a flat in York, but she was not "
         "able to explain how she got there.", "York", None),
        (_vukovic, "Police found the body of Dragan Vuković in a river near "
         "Pljevlja, but it was not clear how long it had been there.", "Pljevlja",
         ("dead", "certain", True)),
        (_vukovic, "Police found Vuković's body in a forest near Pljevlja, but it "
         "was not immediately clear how he died.", "Pljevlja",
         ("dead", "certain", True)),
        (_vukovic, "Police arrested Vuković in Pljevlja on Monday, but he was not "
         "charged.", "Pljevlja", None),
        (_vukovic, "Police found Vuković hiding in a barn near Pljevlja, but he was "
         "not armed.", "Pljevlja", None),
        (_alher, "Soldiers found Ag Alher hiding in a cave near Gao, but he was not "
         "alone.", "Gao", None),
        (_vukovic, "Police found Vuković in a flat in Pljevlja on Monday, but it was "
         "a week before he was charged.", "Pljevlja", None),
        (_alher, _LEADS + "Soldiers found him hiding in a house in Gao, but he was a "
         "shadow of his former self, the army said.", "Gao", None),
        (_doe, "Police found Jane Doe in a car near York, but it was her brother's "
         "car.", "York", None),
    ],
)  # fmt: skip
def test_a_find_with_words_of_the_one_found_stands(
    read: Any, text: str, place: str, life: tuple[str, str, bool] | None, nlp: Any
) -> None:
    r = read(text, nlp)
    assert [s.place_name for s in sightings(r)] == [place]
    assert not _corrected(r)
    if life is not None:
        assert _lives(r) == [life]


def test_an_arrest_corrected_by_nothing_keeps_its_day(nlp: Any) -> None:
    text = "Police arrested Vuković in Pljevlja on Monday, but he was not charged."
    (seen,) = sightings(_vukovic(text, nlp))
    assert (seen.place_name, seen.date) == ("Pljevlja", _MONDAY)


@pytest.mark.parametrize(
    ("read", "text"),
    [
        (_alher, _LEADS + "Soldiers thought they had found him hiding in Gao, but the "
         "man was his cousin."),
        (_alher, _LEADS + "Soldiers found him hiding in Gao, but the man was his "
         "cousin."),
        (_alher, _LEADS + "Soldiers said they had found him hiding in Gao, but the "
         "man turned out to be someone else."),
        (_doe, "Police said they had found Jane Doe in York, but the woman was not "
         "her."),
        (_doe, "Police said they had found Jane Doe in York, but it was her sister."),
        (_vukovic, "Police said they had arrested Vuković in Pljevlja, but it was "
         "not him."),
        (_vukovic, "Police said they had arrested Vuković in Pljevlja, but the man "
         "they held turned out to be another man."),
        (_vukovic, "Police said they had arrested Vuković in Pljevlja, but the man "
         "turned out not to be him."),
        (_vukovic, "Police said they had found the body of Dragan Vuković near "
         "Pljevlja, but it was not his."),
    ],
)  # fmt: skip
def test_a_find_of_another_is_none(read: Any, text: str, nlp: Any) -> None:
    r = read(text, nlp)
    assert not sightings(r)
    assert not _lives(r)
    assert _corrected(r)


def test_a_body_believed_found_is_a_probable_death(nlp: Any) -> None:
    text = (
        "Police believe they have found the body of Dragan Vuković in a forest "
        "near Pljevlja."
    )
    r = _vukovic(text, nlp)
    assert _lives(r) == [("dead", "probable", True)]
    (life,) = [i for i in r.evidence if isinstance(i, LifeStatus)]
    assert life.provenance.speaker == "Police"
    assert [s.place_name for s in sightings(r)] == ["Pljevlja"]


def test_a_find_only_believed_is_still_no_find(nlp: Any) -> None:
    text = _LEADS + "Soldiers thought they had found him hiding in Gao."
    r = _alher(text, nlp)
    assert not sightings(r)
    assert any("only in a belief" in x.detail for x in r.rejected)


# -- 9. footage ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Police released CCTV footage showing her at Leeds station with another woman.",
        "Police have shared CCTV footage showing her walking with another woman in "
        "Leeds.",
        "Police released CCTV footage showing her at Leeds station, and urged people "
        "not to share fake sightings online.",
        "Police said they have CCTV footage showing her at Leeds station.",
        "Police issued a still from CCTV footage showing her at Leeds station.",
        "Police are appealing for witnesses after CCTV footage showing her in Leeds "
        "came to light.",
        "CCTV footage showing her at Leeds station was handed to detectives.",
        "Since footage showing her at Leeds station emerged, dozens of people have "
        "called police.",
        "Footage showing her in Leeds appeared online.",
        "Police released CCTV footage showing her at Leeds station. A second clip "
        "showed another woman.",
        "Police released CCTV footage showing her at Leeds station. Her sister said "
        "it was definitely her.",
    ],
)
def test_footage_had_or_with_others_is_a_sighting(sentence: str, nlp: Any) -> None:
    r = _doe(_MISSING + sentence, nlp)
    assert [s.place_name for s in sightings(r)] == ["Leeds"]


def test_footage_handed_over_on_a_day_is_dated_so(nlp: Any) -> None:
    text = (
        "CCTV footage showing her at Leeds station was handed to detectives on Monday."
    )
    (seen,) = sightings(_doe(_MISSING + text, nlp))
    assert (seen.place_name, seen.date) == ("Leeds", _MONDAY)


@pytest.mark.parametrize(
    "sentence",
    [
        "Police released CCTV footage showing her at Leeds station. It later emerged "
        "the footage showed another woman.",
        "Police released CCTV footage showing her at Leeds station. It was later "
        "found to show someone else.",
        "Police released CCTV footage showing her at Leeds station. Police later "
        "said the woman in the footage was not her.",
        "Police released CCTV footage showing her at Leeds station. The footage was "
        "later found to be fake.",
        "Police released CCTV footage showing her at Leeds station, but the footage "
        "turned out to be fake.",
        "Anyone who has CCTV footage showing her at Leeds station should call police.",
        "Police said they may have CCTV footage showing her at Leeds station.",
        "Police do not have CCTV footage showing her at Leeds station.",
        "Police will appeal for witnesses if CCTV footage showing her in Leeds comes "
        "to light.",
        "Police will release details when footage showing her in Leeds comes to light.",
    ],
)
def test_footage_of_another_or_not_had_is_no_sighting(sentence: str, nlp: Any) -> None:
    r = _doe(_MISSING + sentence, nlp)
    assert not sightings(r)
    assert set_aside(r)
