"""Sightings the police took back, and the station of the police who appeal.

Each test pins the items read from real sentences: a sighting corrected in its
own sentence ("Police earlier said Jane Doe was seen in Aspen, but later said the
man seen there was someone else") or in the next ("The sighting was later ruled
out.") is set aside as negated, naming the correction, and the video that ruled
it out is no proof of life; one only disputed or beside an unrelated "ruled out"
("ruled out foul play") is still read. "Gardaí in Castlebar have renewed their
appeal" says where the police are, not where the target is.
"""

from __future__ import annotations

import pytest

from geosleuth.evidence import LifeStatus
from reading import DOE, affirms_nothing, reader, row, rows, sightings

pytestmark = pytest.mark.nlp

_read = reader(DOE)


def _negated(reading: object) -> list[str]:
    """The details of the sightings set aside as negated."""
    return [x.detail for x in reading.rejected if x.reason == "negated"]  # type: ignore[attr-defined]


# -- 1. a correction in the same sentence ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "correction"),
    [
        (
            "Police earlier said Jane Doe was seen in Aspen on Monday, but later "
            "said the man seen there was someone else.",
            "but later said the man seen there was someone else",
        ),
        (
            "The sheriff's office had earlier said Jane Doe was seen buying supplies "
            "at a gas station in Aspen on Monday, but on Tuesday it said the woman "
            "at the gas station had been identified as someone else.",
            "but on Tuesday it said the woman at the gas station had been "
            "identified as someone else",
        ),
    ],
)
def test_sighting_corrected_in_its_sentence_is_set_aside(
    nlp: object, text: str, correction: str
) -> None:
    reading = _read(text, nlp)
    assert affirms_nothing(reading)
    (detail,) = _negated(reading)
    assert f"corrected: {correction}" in detail


def test_sighting_ruled_out_by_video_gives_no_proof_of_life(nlp: object) -> None:
    reading = _read(
        "Police had initially said Jane Doe was seen at the bus terminal in Aspen "
        "on Saturday, but on Monday they said that sighting had been ruled out "
        "after investigators reviewed video from the terminal.",
        nlp,
    )
    assert affirms_nothing(reading)
    assert not [i for i in reading.evidence if isinstance(i, LifeStatus)]
    (detail,) = _negated(reading)
    assert "that sighting had been ruled out" in detail


# -- 2. a correction in the next sentence ----------------------------------------------


@pytest.mark.parametrize(
    "after",
    [
        "The sighting was later ruled out.",
        "Police later said the woman seen in Aspen was not Jane Doe.",
        "Police later said the woman seen in Aspen was not Doe.",
    ],
)
def test_sighting_corrected_in_the_next_sentence_is_set_aside(
    nlp: object, after: str
) -> None:
    reading = _read(f"Police said Jane Doe was seen in Aspen on Saturday. {after}", nlp)
    assert affirms_nothing(reading)
    (detail,) = _negated(reading)
    assert f"corrected: {after.rstrip('.')}" in detail


# -- 3. what is no correction of the sighting --------------------------------------


def test_ruling_out_something_else_keeps_the_sighting(nlp: object) -> None:
    reading = _read(
        "Police said Jane Doe was seen in Aspen on Saturday, but they have ruled "
        "out foul play.",
        nlp,
    )
    assert [row(s)[:5] for s in sightings(reading)] == [
        ("sighting", "Aspen", "target", "Police", "F2")
    ]


def test_a_man_seen_elsewhere_not_injured_keeps_the_sighting(nlp: object) -> None:
    reading = _read(
        "Police said Jane Doe was seen in Aspen on Saturday. The man seen with "
        "her was not injured.",
        nlp,
    )
    assert [row(s)[:3] for s in sightings(reading)] == [("sighting", "Aspen", "target")]


# -- 4. where the police who appeal are based -------------------------------------


def test_station_of_an_appeal_is_no_claim(nlp: object) -> None:
    reading = _read(
        "Gardaí in Castlebar have renewed their appeal for information on the "
        "whereabouts of Patrick Joyce, 79, who has been missing from his home "
        "since Monday afternoon.",
        nlp,
        target="Patrick Joyce",
    )
    assert not [r for r in rows(reading) if r[1] == "Castlebar"]
    assert ("not_target", "Castlebar") in [
        (x.reason, x.quote) for x in reading.rejected
    ]


def test_officers_from_a_town_who_appeal_are_based_there(nlp: object) -> None:
    reading = _read(
        "Officers from Leeds have renewed their appeal for help in finding Jane "
        "Doe, who has been missing since Monday.",
        nlp,
    )
    assert not [r for r in rows(reading) if r[1] == "Leeds"]
    assert ("not_target", "Leeds") in [(x.reason, x.quote) for x in reading.rejected]
