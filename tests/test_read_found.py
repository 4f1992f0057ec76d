"""The target found, taken or dead at a place, and the target's things found.

Each test pins the items read from real sentences (kind, place, subject, speaker,
grade, hedge, date, note, what was set aside and why), and sentences on the other
side of each rule. The target found or taken somewhere ("Jane Doe was found in
Aspen", "was arrested in Leeds", "turned up in Denver") is a sighting of the
target there; the target found dead, or its body found, is a sighting of the
body and a death; a death at a place reported by someone ("killed in an
airstrike in Raqqa, the army said") is a claim that the target was there. A
finding denied, to come, of someone else, or of something else is none.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geosleuth.evidence import LifeStatus
from reading import (
    BAGHDADI,
    DOE,
    affirms_nothing,
    claims,
    reader,
    row,
    sightings,
)

pytestmark = pytest.mark.nlp

_read = reader(DOE)

_GONE = "Jane Doe, 34, went missing last week. "
_FLED = "Al-Baghdadi fled in May. "


def _why(reading: Any) -> list[tuple[str, str]]:
    """(reason, detail) of what was set aside, but places that are no place here."""
    return [(r.reason, r.detail) for r in reading.rejected if r.reason != "not_a_place"]


def _lives(reading: Any) -> list[tuple[str, str, dt.date]]:
    """(status, grade, date) of each life status read."""
    return [
        (i.status, str(i.grade), i.date)
        for i in reading.evidence
        if isinstance(i, LifeStatus)
    ]


PUB = dt.date(2018, 6, 5)
SUNDAY, MONDAY = dt.date(2018, 6, 3), dt.date(2018, 6, 4)


# -- 1. the target found or taken somewhere ---------------------------------------
@pytest.mark.parametrize(
    ("text", "target", "expected", "event"),
    [
        # each gave nothing
        ("Jane Doe was found in Aspen on Sunday.", DOE,
         ("sighting", "Aspen", "target", None, "F3", "certain", SUNDAY), "found"),
        ("Police found Jane Doe in Aspen.", DOE,
         ("sighting", "Aspen", "target", None, "F3", "certain", PUB), "found"),
        ("Jane Doe was arrested in Leeds on Monday.", DOE,
         ("sighting", "Leeds", "target", None, "F3", "certain", MONDAY), "arrested"),
        ("Police arrested Jane Doe in Leeds on Monday.", DOE,
         ("sighting", "Leeds", "target", None, "F3", "certain", MONDAY), "arrested"),
        ("Jane Doe was detained in Leeds.", DOE,
         ("sighting", "Leeds", "target", None, "F3", "certain", PUB), "detained"),
        ("Al-Baghdadi was captured near Mosul.", BAGHDADI,
         ("sighting", "Mosul", "target", None, "F3", "certain", PUB), "captured"),
        ("Jane Doe was rescued from a cave near Vail.", DOE,
         ("sighting", "Vail", "target", None, "F3", "certain", PUB), "rescued"),
        ("Jane Doe turned up in Denver.", DOE,
         ("sighting", "Denver", "target", None, "F3", "certain", PUB), "turned up"),
        ("Jane Doe was picked up in Denver.", DOE,
         ("sighting", "Denver", "target", None, "F3", "certain", PUB), "picked up"),
        (_GONE + "Police picked her up in Denver.", DOE,
         ("sighting", "Denver", "target", None, "F3", "certain", PUB), "picked up"),
        ("Jane Doe was taken into custody in Leeds.", DOE,
         ("sighting", "Leeds", "target", None, "F3", "certain", PUB),
         "taken into custody"),
        ("Jane Doe was found hiding in a barn near Aspen.", DOE,
         ("sighting", "Aspen", "target", None, "F3", "certain", PUB), "found"),
        # graded by who reports it, as other sightings are
        ("Police found Jane Doe in Aspen on Sunday, a spokesman said.", DOE,
         ("sighting", "Aspen", "target", "Spokesman", "F2", "certain", SUNDAY),
         "found"),
        # the hedge is the verb's
        ("Jane Doe may have been arrested in Leeds.", DOE,
         ("sighting", "Leeds", "target", None, "F3", "possible", PUB), "arrested"),
    ],
)  # fmt: skip
def test_the_target_found_or_taken_somewhere_is_seen_there(
    text: str, target: str, expected: tuple[Any, ...], event: str, nlp: Any
) -> None:
    reading = _read(text, nlp, target)
    (seen,) = sightings(reading)
    assert row(seen) == expected
    assert seen.closeness == 1.0
    assert seen.note.startswith(f"the target {event} there: seen there when {event}")
    assert not _lives(reading)


def test_the_target_captured_with_no_camera_is_taken_not_filmed(nlp: Any) -> None:
    reading = _read("Jane Doe went missing. She was captured in Boston.", nlp)
    (seen,) = sightings(reading)
    assert (seen.place_name, seen.subject) == ("Boston", "target")
    assert seen.note.startswith("the target captured there")
    assert "camera" not in seen.note


def test_only_the_places_of_the_finding_are_where_the_target_was_found(
    nlp: Any,
) -> None:
    reading = _read("Jane Doe was found in Aspen and taken to Denver.", nlp)
    assert [s.place_name for s in sightings(reading)] == ["Aspen"]


@pytest.mark.parametrize(
    ("text", "place", "state"),
    [
        (_GONE + "Rescuers found her alive near Vail.", "Vail", "alive"),
        ("Jane Doe was found safe in a motel in Denver.", "Denver", "safe"),
        ("Jane Doe was found safe and well in Denver on Sunday.", "Denver", "safe"),
    ],
)
def test_the_target_found_alive_is_seen_there_and_alive(
    text: str, place: str, state: str, nlp: Any
) -> None:
    reading = _read(text, nlp)
    (seen,) = sightings(reading)
    assert (seen.place_name, seen.subject) == (place, "target")
    assert seen.note.startswith(f"the target found {state} there")
    (life,) = [i for i in reading.evidence if isinstance(i, LifeStatus)]
    assert (life.status, str(life.grade), life.date) == ("alive", "F3", seen.date)
    assert life.note.startswith(f"proof of life: the target found {state}")


def test_the_target_found_alive_at_no_place_is_alive_and_seen_nowhere(
    nlp: Any,
) -> None:
    reading = _read("Jane Doe was found alive on Sunday.", nlp)
    assert _lives(reading) == [("alive", "F3", SUNDAY)]
    assert not sightings(reading)
    assert ("no_place", "the target found alive, but at no resolved place") in (
        _why(reading)
    )


# -- 2. the target found dead, or its body found ------------------------------------
@pytest.mark.parametrize(
    ("text", "target", "place", "lead", "death"),
    [
        # "found dead" gave the death, without the place
        ("Jane Doe was found dead in Aspen.", DOE, "Aspen",
         "the target found dead there", "death: the target found dead"),
        ("Jane Doe turned up dead in Aspen.", DOE, "Aspen",
         "the target turned up dead there", "death: the target found dead"),
        # each gave nothing
        (_FLED + "Soldiers found him dead near Mosul.", BAGHDADI, "Mosul",
         "the target found dead there", "death: the target found dead"),
        (_GONE + "Her body was found in the river near Bath.", DOE, "Bath",
         "the target's body found there", "death: the target's body found"),
        (_GONE + "Her remains were recovered near Vail.", DOE, "Vail",
         "the target's body recovered there", "death: the target's body recovered"),
        # "his" before a body is parsed as "his" before a car is
        (_FLED + "His body was found near Mosul.", BAGHDADI, "Mosul",
         "the target's body found there", "death: the target's body found"),
        ("The body of Jane Doe was found near Vail.", DOE, "Vail",
         "the target's body found there", "death: the target's body found"),
        ("Police found the body of Jane Doe near Vail.", DOE, "Vail",
         "the target's body found there", "death: the target's body found"),
    ],
)  # fmt: skip
def test_the_target_found_dead_is_a_body_seen_there_and_a_death(
    text: str, target: str, place: str, lead: str, death: str, nlp: Any
) -> None:
    reading = _read(text, nlp, target)
    (seen,) = sightings(reading)
    # the body, not the target alive: a sighting of the target's body, at full
    # strength and no spread, which proves no life (review 16)
    assert (seen.place_name, seen.subject, seen.who, seen.closeness) == (
        place,
        "associate",
        "the target's body",
        1.0,
    )
    assert seen.associate_sigma_km == 0.0
    assert seen.note.startswith(
        f"{lead}: the body was seen there, not the target alive"
    )
    (life,) = [i for i in reading.evidence if isinstance(i, LifeStatus)]
    assert (life.status, life.date) == ("dead", seen.date)
    assert life.note.startswith(death)
    # the death rests on the body, and P(alive) weighs it as the death seen
    assert life.body is True


def test_a_body_found_that_another_party_disputes_is_no_death(nlp: Any) -> None:
    reading = _read(
        _GONE + "Her body was found in Aspen, police said, but her family denied it.",
        nlp,
    )
    (seen,) = sightings(reading)
    # a body found, said by the police: graded B1 (review 16)
    assert row(seen)[:6] == (
        "sighting",
        "Aspen",
        "associate",
        "Police",
        "B1",
        "probable",
    )
    assert not _lives(reading)
    assert [r for r, _ in _why(reading)] == ["negated"]


# -- 3. a death at a place, reported ------------------------------------------------
@pytest.mark.parametrize(
    ("text", "target", "place", "speaker", "grade", "hedge", "date"),
    [
        # each gave the death only
        ("Al-Baghdadi was killed in an airstrike in Raqqa, the army said.", BAGHDADI,
         "Ar Raqqah", "Army", "F2", "certain", PUB),
        ("Jane Doe died in Mosul last year, her family said.", DOE, "Mosul",
         "Her family", "F3", "certain", dt.date(2017, 12, 31)),
        ("A US strike killed al-Baghdadi near Raqqa, officials said.", BAGHDADI,
         "Ar Raqqah", "Officials", "F2", "certain", PUB),
        # not where he fled from
        ("Al-Baghdadi was killed in Raqqa after fleeing Mosul, officials said.",
         BAGHDADI, "Ar Raqqah", "Officials", "F2", "certain", PUB),
        ("Al-Baghdadi may have been killed in Raqqa, the army said.", BAGHDADI,
         "Ar Raqqah", "Army", "F2", "possible", PUB),
    ],
)  # fmt: skip
def test_a_death_at_a_place_is_a_claim_the_target_was_there(
    text: str,
    target: str,
    place: str,
    speaker: str,
    grade: str,
    hedge: str,
    date: dt.date,
    nlp: Any,
) -> None:
    reading = _read(text, nlp, target)
    (life,) = [i for i in reading.evidence if isinstance(i, LifeStatus)]
    assert (life.status, life.note.split(";")[0]) == ("dead", "death claim")
    (claim,) = claims(reading)
    assert not sightings(reading)
    assert (
        claim.place_name,
        claim.polarity,
        claim.provenance.speaker,
        str(claim.grade),
        claim.hedge,
        claim.date,
    ) == (place, "is", speaker, grade, hedge, date)
    assert (life.hedge, life.date) == (claim.hedge, claim.date)
    assert claim.note.startswith("where the target died")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Al-Baghdadi was killed in Raqqa, the army said, but ISIS denied it.",
         "negated"),
        ("Al-Baghdadi was not killed in Raqqa, the army said.", "negated"),
        ("Al-Baghdadi's wife was killed in Raqqa.", "not_target"),
        ("Al-Baghdadi killed dozens in Raqqa.", "not_target"),
        ("If al-Baghdadi died in Raqqa, ISIS would say so.", "conditional"),
    ],
)  # fmt: skip
def test_a_death_denied_conditional_or_of_another_is_no_claim_of_a_place(
    text: str, reason: str, nlp: Any
) -> None:
    reading = _read(text, nlp, BAGHDADI)
    assert affirms_nothing(reading)
    assert reason in [r for r, _ in _why(reading)]


# -- 4. the target's things found at places of their own ---------------------------
def test_each_thing_found_is_a_trace_at_its_own_place(nlp: Any) -> None:
    reading = _read(
        _GONE + "Police found her car in Aspen and her phone in Vail on Sunday.", nlp
    )
    rows = [
        (s.place_name, s.subject, s.date, s.note.split(":")[0])
        for s in sightings(reading)
    ]
    assert rows == [
        ("Aspen", "associate", SUNDAY, "a trace of the target (her car, found)"),
        ("Vail", "associate", SUNDAY, "a trace of the target (her phone, found)"),
    ]


def test_things_found_at_one_place_are_one_trace(nlp: Any) -> None:
    reading = _read(_GONE + "Police found her car and her phone in Aspen.", nlp)
    assert [(s.place_name, s.note.split(":")[0]) for s in sightings(reading)] == [
        ("Aspen", "a trace of the target (her car, found)")
    ]


# -- 5. what is no finding of the target at a place ---------------------------------
@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # denied
        ("Jane Doe has not been found.", "negated"),
        ("Jane Doe was never arrested in Leeds.", "negated"),
        (_GONE + "Police have not found her in Aspen.", "negated"),
        (_GONE + "No one has found her in Aspen.", "negated"),
        # to come, hoped for or under a condition
        (_GONE + "Police hope to find her in Aspen.", "conditional"),
        (_GONE + "If she is found in Aspen, police will know.", "conditional"),
        (_GONE + "Efforts to find her in Aspen continue.", "conditional"),
        (_GONE + "Police have failed to find her in Aspen.", "conditional"),
        ("Jane Doe will be arrested in Leeds.", "conditional"),
        ("Jane Doe could be found in Aspen.", "conditional"),
        (_GONE + "Police will search Aspen until she is found.", "conditional"),
        ("Jane Doe has yet to be found in Aspen.", None),
        # a search
        (_GONE + "Searchers are looking for her near Vail.", None),
        # someone or something else
        (_GONE + "Her brother was arrested in Leeds.", None),
        ("Jane Doe went missing. A body was found in Aspen on Sunday.", None),
        ("Jane Doe went missing. Police found a note in Aspen.", None),
        # a verdict, not a place where she was
        ("Jane Doe was found guilty in Leeds.", None),
        # questions, in a heading too
        ("Was Jane Doe found in Aspen?", "question"),
        ("Jane Doe found in Aspen?\nPolice are searching.", "question"),
    ],
)  # fmt: skip
def test_a_finding_denied_to_come_or_of_another_is_no_sighting(
    text: str, reason: str | None, nlp: Any
) -> None:
    reading = _read(text, nlp)
    assert affirms_nothing(reading)
    assert not _lives(reading)
    assert [r for r, _ in _why(reading)] == ([reason] if reason else [])


def test_what_police_found_about_the_target_is_no_finding(nlp: Any) -> None:
    reading = _read("Police found that Jane Doe owned a house in Leeds.", nlp)
    assert not sightings(reading)
    assert not _lives(reading)


def test_a_body_not_said_to_be_the_target_is_no_death(nlp: Any) -> None:
    reading = _read(
        "Jane Doe went missing in Vail. A body was found in Aspen on Sunday.", nlp
    )
    # where she went missing is her last known point (session 13); the body
    # found in Aspen is no one's she is said to be
    assert [s.place_name for s in sightings(reading)] == ["Vail"]
    assert not _lives(reading)


# -- 6. the rules of a sighting hold ------------------------------------------------
def test_a_finding_disputed_is_one_level_less_sure(nlp: Any) -> None:
    reading = _read(
        "Jane Doe was arrested in Leeds, police said, but her lawyer denied it.", nlp
    )
    (seen,) = sightings(reading)
    assert row(seen)[:6] == ("sighting", "Leeds", "target", "Police", "F2", "probable")
    assert "disputed ('but her lawyer denied it')" in seen.note


def test_a_place_denied_on_its_own_is_not_where_she_was_found(nlp: Any) -> None:
    reading = _read("Jane Doe was found in Aspen, not in Vail.", nlp)
    assert [s.place_name for s in sightings(reading)] == ["Aspen"]
    reading = _read("Jane Doe was not found in Aspen but in Vail.", nlp)
    assert [s.place_name for s in sightings(reading)] == ["Vail"]


def test_a_finding_has_the_speaker_of_its_own_clause(nlp: Any) -> None:
    reading = _read(
        _GONE + "A hiker found her in Aspen, but police say she is in Leeds.", nlp
    )
    ((seen,), (claim,)) = sightings(reading), claims(reading)
    assert (seen.place_name, seen.provenance.speaker) == ("Aspen", None)
    assert (claim.place_name, claim.provenance.speaker) == ("Leeds", "Police")


def test_a_pronoun_of_the_other_gender_is_not_the_one_found(nlp: Any) -> None:
    text = "Jane Doe, a 45-year-old woman, went missing. Police arrested {} in Leeds."
    assert affirms_nothing(_read(text.format("him"), nlp))
    assert [s.place_name for s in sightings(_read(text.format("her"), nlp))] == [
        "Leeds"
    ]
