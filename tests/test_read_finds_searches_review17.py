"""Finds and searches that the reader lost or misread, from review 17 (F3, F5, F8).

"Recovery divers found him" is the target's body found, not a proof of life;
"the men were found alive", after the target was named with another man, is
the target found alive; a search whose outcome comes in the next sentence
("They found no sign of Mr Becker.") is a search that found nothing; so is
one that "found neither the sailor nor the liferaft", and one at no place that
could be read is set aside as such, not dropped unsaid. A search that "did not
find him" is no sighting denied, "asked the public to help find a man" is no
finding, and "the park said" or "troopers said" is an official's word.
"""

from __future__ import annotations

from typing import Any

import pytest

from geosleuth.evidence import LifeStatus, Searched
from reading import reader, set_aside, sightings

pytestmark = pytest.mark.nlp

_read = reader("Jane Doe")

_GONE = "Marc-Andre Gagnon, 39, went missing in a cave on Sunday. "


def _life(reading: Any) -> list[tuple[str, bool, str]]:
    """(status, whether it rests on the body, grade) of each life status."""
    return [
        (i.status, i.body, str(i.grade))
        for i in reading.evidence
        if isinstance(i, LifeStatus)
    ]


def _searched(reading: Any) -> list[str | None]:
    return [i.place_name for i in reading.evidence if isinstance(i, Searched)]


def _reasons(reading: Any) -> list[tuple[str, str]]:
    return [(x.reason, x.detail) for x in reading.rejected]


# -- 1. a find by a recovery team is the body found --------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "On Tuesday morning, recovery divers found him near Tulum, civil "
        "protection director Carlos Ruiz said.",
        "He was found by a team of recovery divers near Tulum on Tuesday.",
    ],
)
def test_a_find_by_a_recovery_team_is_the_body_found(sentence: str, nlp: Any) -> None:
    reading = _read(_GONE + sentence, nlp, target="Marc-Andre Gagnon")
    (life,) = _life(reading)
    assert life[:2] == ("dead", True)
    assert "recovery team" in next(
        i.note for i in reading.evidence if isinstance(i, LifeStatus)
    )
    # the body places the target, but proves no life
    assert [(s.subject, s.who) for s in sightings(reading)] == [
        ("associate", "the target's body")
    ]


def test_the_director_who_speaks_of_the_recovery_makes_it_b1(nlp: Any) -> None:
    sentence = (
        "On Tuesday morning, recovery divers found him near Tulum, civil "
        "protection director Carlos Ruiz said."
    )
    reading = _read(_GONE + sentence, nlp, target="Marc-Andre Gagnon")
    assert _life(reading) == [("dead", True, "B1")]


@pytest.mark.parametrize(
    ("sentence", "life"),
    [
        # divers, not a recovery team: the target found there
        ("On Tuesday, divers found him near Tulum.", []),
        # found alive, by whomever
        ("On Tuesday, recovery divers found him alive near Tulum.",
         [("alive", False, "F3")]),
        # a search and recovery team may find one alive
        ("On Tuesday, a search and recovery team found him near Tulum.", []),
    ],
)  # fmt: skip
def test_other_finders_find_the_target_not_a_body(
    sentence: str, life: list[tuple[str, bool, str]], nlp: Any
) -> None:
    reading = _read(_GONE + sentence, nlp, target="Marc-Andre Gagnon")
    assert _life(reading) == life
    assert [s.subject for s in sightings(reading)] == ["target"]


# -- 2. a group that holds the target, found alive ---------------------------------
_PAIR = (
    "Johan Pretorius, 52, and his friend Sipho Ndlovu, 48, both from "
    "Pietermaritzburg, set off from the car park on Thursday morning to climb "
    "to the top of the falls, police spokesperson Captain Nqobile Gwala said. "
    "The pair were last seen by a ranger at the chain ladders at about 11am on "
    "Thursday. Ndlovu's wife reported them missing on Friday evening when they "
    "did not return home. "
)


@pytest.mark.parametrize(
    "sentence",
    [
        "On Monday morning the men were found alive in a cave near Bergville by "
        "a team of rescuers on foot, Gwala said.",
        "Rescuers found the pair alive near Bergville on Monday morning.",
    ],
)
def test_the_men_found_alive_after_a_named_pair_is_the_target_alive(
    sentence: str, nlp: Any
) -> None:
    reading = _read(_PAIR + sentence, nlp, target="Johan Pretorius")
    assert [life[0] for life in _life(reading)] == ["alive"]
    (seen,) = sightings(reading)
    assert (seen.place_name, seen.subject) == ("Bergville", "target")
    assert "one of 'the" in seen.note


def test_the_men_found_alive_at_no_place_still_prove_life(nlp: Any) -> None:
    sentence = "On Monday morning the men were found alive, Gwala said."
    reading = _read(_PAIR + sentence, nlp, target="Johan Pretorius")
    assert [life[0] for life in _life(reading)] == ["alive"]


_FROM = ("not_target", "Pietermaritzburg")  # where the pair are from: set aside


@pytest.mark.parametrize(
    ("text", "aside"),
    [
        # the target named alone: "the men" are others
        ("Johan Pretorius, 52, set off from the car park on Thursday morning. "
         "On Monday morning the men were found alive near Bergville.",
         ("no_place", "Johan Pretorius, 52, set off from the car park on Thursday "
          "morning.")),  # the car park: no place that resolves
        # another person named in between: the group is theirs
        (_PAIR + "Peter Smith, a farmer, went missing on Friday too. On Monday "
         "morning the men were found alive near Bergville.", _FROM),
        # found guilty: a verdict, no finding
        (_PAIR + "On Monday the men were found guilty in Bergville.", _FROM),
        # others, not the group named again
        (_PAIR + "On Monday two other climbers were found alive near Bergville.",
         _FROM),
    ],
)  # fmt: skip
def test_a_group_not_tied_to_the_target_found_is_not_the_target(
    text: str, aside: tuple[str, str], nlp: Any
) -> None:
    reading = _read(text, nlp, target="Johan Pretorius")
    assert _life(reading) == []
    # nothing at all is read, and what is set aside is the one row before the
    # group is found (review r22: an empty reading no longer passes)
    assert list(reading.evidence) == []
    assert set_aside(reading) == [aside]
    assert not reading.unused


# -- 3. the outcome in the next sentence -------------------------------------------
_BECKER = (
    "Lukas Becker, 24, was last seen at Waterfall Valley Hut on Thursday "
    "morning by other walkers, Inspector Ruth Hilton said. Police, State "
    "Emergency Service volunteers and Parks and Wildlife rangers searched the "
    "area between Waterfall Valley and Lake Windermere on Sunday and Monday, "
    "while the Westpac Rescue Helicopter flew over the Forth River gorge near "
    "Launceston.\n\n"
)


def test_they_found_no_sign_of_him_in_the_next_sentence(nlp: Any) -> None:
    text = _BECKER + "They found no sign of Mr Becker."
    reading = _read(text, nlp, target="Lukas Becker")
    (item,) = [i for i in reading.evidence if isinstance(i, Searched)]
    assert item.place_name == "Launceston"
    assert "in the next sentence" in item.note
    # the item rests on both sentences, and the second is not left unused
    assert item.provenance.quote.endswith("They found no sign of Mr Becker.")
    assert not reading.unused
    # the places that do not resolve are said, not dropped
    unresolved = {d for r, d in _reasons(reading) if r == "unresolved"}
    assert any("Waterfall Valley" in d for d in unresolved)
    assert any("Forth River" in d for d in unresolved)


def test_a_search_told_in_two_sentences_at_no_resolved_place_is_said(
    nlp: Any,
) -> None:
    text = _BECKER.replace(" near Launceston", "") + "They found no sign of Mr Becker."
    reading = _read(text, nlp, target="Lukas Becker")
    assert not reading.evidence
    (row,) = [d for r, d in _reasons(reading) if d.startswith("a search")]
    assert row == (
        "a search for the target that found nothing ('found no sign of Mr Becker', "
        "in the next sentence), but at no resolved place ('Waterfall Valley', "
        "'Lake Windermere', 'Forth River' could not be resolved)"
    )
    assert not reading.unused


@pytest.mark.parametrize(
    "outcome",
    ["They found nothing.", "But they did not find him on Monday."],
)
def test_other_outcomes_in_the_next_sentence(outcome: str, nlp: Any) -> None:
    reading = _read(_BECKER + outcome, nlp, target="Lukas Becker")
    assert _searched(reading) == ["Launceston"]


def test_a_next_sentence_that_gives_no_outcome(nlp: Any) -> None:
    reading = _read(
        _BECKER + "They found his pack near the hut.", nlp, target="Lukas Becker"
    )
    assert _searched(reading) == []


def test_a_next_sentence_that_found_no_sign_of_another(nlp: Any) -> None:
    reading = _read(
        _BECKER + "They found no sign of Tom Fox.", nlp, target="Lukas Becker"
    )
    assert _searched(reading) == []
    assert any(r == "not_target" and "'Tom Fox'" in d for r, d in _reasons(reading))


def test_a_next_sentence_with_a_place_of_its_own_is_its_own_search(nlp: Any) -> None:
    reading = _read(
        _BECKER + "They found no sign of him in Devonport.", nlp, target="Lukas Becker"
    )
    assert _searched(reading) == ["Devonport"]
    # the first search's outcome is not said: not a search for someone else, with
    # "him in Devonport" taken for the one sought (review r22, 14)
    assert [(r, d) for r, d in _reasons(reading) if r != "no_place"] == [
        (
            "conditional",
            "a search of 'Waterfall Valley', 'Lake Windermere' whose outcome the "
            "sentence does not give: not one that found nothing",
        )
    ]


# -- 4. searches that found nothing, with a place or none --------------------------
_SAILOR = (
    "Martin Pryce, 61, went missing on Tuesday after he sailed out of port "
    "aboard his yacht. "
)


def test_found_neither_the_sailor_nor_the_liferaft(nlp: Any) -> None:
    text = (
        _SAILOR + "A Falcon 50 aircraft and a navy helicopter searched the sea off "
        "Brest on Wednesday and Thursday but found neither the sailor nor the "
        "liferaft."
    )
    reading = _read(text, nlp, target="Martin Pryce")
    (item,) = [i for i in reading.evidence if isinstance(i, Searched)]
    assert item.place_name == "Brest"
    assert "found neither the sailor nor the liferaft" in item.note


def test_found_neither_of_two_things_is_a_search_for_things(nlp: Any) -> None:
    text = (
        _SAILOR + "Divers searched the harbour at Brest on Wednesday but found "
        "neither the boat nor the liferaft."
    )
    reading = _read(text, nlp, target="Martin Pryce")
    assert _searched(reading) == []
    assert any(r == "not_target" and "the boat" in d for r, d in _reasons(reading))


@pytest.mark.parametrize(
    ("text", "target", "cue"),
    [
        ("Graham Pattinson, 66, failed to return from Scafell Pike on Saturday. "
         "Searchers combed Great Gable's southern slopes on Sunday morning "
         "without success.", "Graham Pattinson", "without success"),
        ("Thomas Whitfield, 29, failed to return from the Aiguille Verte on "
         "Saturday. A helicopter flew over the Couturier Couloir and the glacier "
         "on Sunday but spotted nothing.", "Thomas Whitfield", "spotted nothing"),
        ("Peter Kowalski, 63, was last seen on January 10. A police aircraft and "
         "the SES searched a 20-kilometre radius around the vehicle on Monday and "
         "Tuesday but found no trace of Kowalski.", "Peter Kowalski",
         "found no trace of Kowalski"),
    ],
)  # fmt: skip
def test_a_search_at_no_place_that_could_be_read_is_set_aside(
    text: str, target: str, cue: str, nlp: Any
) -> None:
    reading = _read(text, nlp, target=target)
    assert not reading.evidence
    assert (
        "no_place",
        f"a search for the target that found nothing ({cue!r}), but at no place "
        "of its own that could be read",
    ) in _reasons(reading)


@pytest.mark.parametrize(
    "sentence",
    [
        # no outcome given
        "Searchers combed the southern slopes on Sunday morning.",
        # under way
        "Searchers are combing the southern slopes without success.",
        # for someone else
        "Searchers combed the slopes for Tom Fox on Sunday but found nothing.",
    ],
)
def test_no_row_for_a_search_at_no_place_that_found_nothing_said(
    sentence: str, nlp: Any
) -> None:
    text = "Graham Pattinson, 66, failed to return on Saturday. " + sentence
    reading = _read(text, nlp, target="Graham Pattinson")
    assert not [d for r, d in _reasons(reading) if "a search for the target" in d]


# -- 5. reasons that said the opposite of the text (F8) ----------------------------
def test_did_not_find_him_is_a_search_not_a_sighting_denied(nlp: Any) -> None:
    text = (
        "Ruaridh Mackintosh, 33, set off from the car park at about 8am on Monday. "
        "The rescue team and the coastguard helicopter searched the plateau near "
        "Aviemore overnight but did not find him."
    )
    reading = _read(text, nlp, target="Ruaridh Mackintosh")
    assert _searched(reading) == ["Aviemore"]
    assert not [d for r, d in _reasons(reading) if "sighting that is denied" in d]


def test_did_not_find_him_at_no_resolved_place_is_said_a_search(nlp: Any) -> None:
    text = (
        "Ruaridh Mackintosh, 33, set off from the car park at about 8am on Monday. "
        "Cairngorm Mountain Rescue Team and the coastguard helicopter from "
        "Inverness searched the plateau and the Loch Avon basin overnight but did "
        "not find him."
    )
    reading = _read(text, nlp, target="Ruaridh Mackintosh")
    reasons = _reasons(reading)
    assert ("unresolved", "'Loch Avon' could not be resolved to a place") in reasons
    assert (
        "no_place",
        "a search for the target that found nothing ('did not find him'), but at "
        "no resolved place ('Loch Avon' could not be resolved)",
    ) in reasons
    assert not [d for _, d in reasons if "sighting that is denied" in d]


@pytest.mark.parametrize(
    "text",
    [
        "Athens-Clarke County police on Friday asked the public to help find "
        "Harold Jenkins, an 81-year-old man who went missing near Athens on "
        "Thursday afternoon.",
        "Harold Jenkins, 81, walked away from his home on Thursday. Police on "
        "Friday asked the public to help find him in Athens.",
    ],
)
def test_help_find_is_no_finding(text: str, nlp: Any) -> None:
    reading = _read(text, nlp, target="Harold Jenkins")
    assert not sightings(reading)
    assert (
        "conditional",
        "the target found, but not reported as done ('to help find')",
    ) in _reasons(reading)
    assert not [d for _, d in _reasons(reading) if "no resolved place" in d]


def test_a_dog_that_helped_find_her_found_her(nlp: Any) -> None:
    reading = _read(
        "Jane Doe went missing on Saturday. A search dog helped find her near "
        "Aspen on Monday.",
        nlp,
    )
    assert [s.place_name for s in sightings(reading)] == ["Aspen"]


# -- 6. an official body as the speaker of a body found ----------------------------
@pytest.mark.parametrize(
    ("speaker", "name"),
    [
        ("the park said", "Park"),
        ("park officials said", "Park officials"),
        ("Alaska State Troopers said", "Alaska State Troopers"),
        ("troopers said", "Troopers"),
        ("the coastguard said", "Coastguard"),
        ("the 210th Rescue Squadron said", "Rescue Squadron"),
        ("the maritime prefecture said", "Maritime prefecture"),
    ],
)
def test_an_official_body_says_the_body_was_found(
    speaker: str, name: str, nlp: Any
) -> None:
    text = (
        "Jane Doe went missing on Sunday. Her body was found on Tuesday morning "
        f"near Flagstaff, {speaker}."
    )
    reading = _read(text, nlp)
    (life,) = [i for i in reading.evidence if isinstance(i, LifeStatus)]
    assert (life.provenance.speaker, str(life.grade), life.body) == (name, "B1", True)


def test_a_park_visitor_is_no_official(nlp: Any) -> None:
    text = (
        "Jane Doe went missing on Sunday. Her body was found on Tuesday morning "
        "near Flagstaff, a park visitor said."
    )
    reading = _read(text, nlp)
    (life,) = [i for i in reading.evidence if isinstance(i, LifeStatus)]
    assert str(life.grade) != "B1"
