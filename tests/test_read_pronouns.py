"""Whom "he" and "she" refer to, and who shares the target's surname.

Each test pins a reading found wrong by an audit of made-up articles (a pronoun
after the target's wife, a relative with the target's surname), or a part of the
pronoun rule that no other test breaks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import pytest

from geosleuth.evidence import LifeStatus, Sighting
from geosleuth.read.target import (
    Target,
    TargetRef,
    _names_another,
    find_target_refs,
    pronoun_refs,
)

PUB = dt.date(2018, 6, 5)


def _pronouns(
    text: str, target: str, persons: Sequence[tuple[int, int]] = ()
) -> list[tuple[str, int]]:
    t = Target(target)
    refs = find_target_refs(text, t)
    got = pronoun_refs(text, refs, list(persons), lambda s, e: True, target=t)
    return [(r.text, r.start) for r in got]


def _span(text: str, words: str) -> tuple[int, int]:
    return text.index(words), text.index(words) + len(words)


# -- pure Python --------------------------------------------------------------------
def test_they_is_no_reference_to_the_target() -> None:
    text = "Jane Doe left with friends. They are in Denver. She is in Aspen."
    assert _pronouns(text, "Jane Doe") == [("She", text.index("She"))]


def test_a_relative_of_the_pronouns_gender_stands_between() -> None:
    text = "Abu Bakr al-Baghdadi's wife was arrested in Turkey. She is held in Ankara."
    assert _pronouns(text, "Abu Bakr al-Baghdadi") == []
    text = "Al-Baghdadi met his son in Raqqa. He is in Hajin."
    assert _pronouns(text, "Abu Bakr al-Baghdadi") == []
    # a relative of the other gender leaves the pronoun to the target
    text = "Jane Doe's husband was questioned. She is in Aspen."
    assert _pronouns(text, "Jane Doe") == [("She", text.index("She"))]
    text = "Al-Baghdadi's wives were arrested. He is in Hajin."
    assert _pronouns(text, "Abu Bakr al-Baghdadi") == [("He", text.index("He"))]


def test_the_groups_leaders_are_no_antecedent() -> None:
    # only the target's own name, nisba or title is: the leaders (of whom the target
    # is one) after Tom Fox do not make "He" the target's
    text = "Jane Doe left. Tom Fox and the leaders fled. He is in Aspen."
    refs = [
        TargetRef(0, 8, "Jane Doe", "name"),
        TargetRef(text.index("the leaders"), text.index(" fled"), "the leaders",
                  "leaders"),
    ]  # fmt: skip
    fox = _span(text, "Tom Fox")
    assert pronoun_refs(text, refs, [fox], lambda s, e: True) == []
    assert len(pronoun_refs(text, refs[:1], [], lambda s, e: True)) == 1


@pytest.mark.parametrize(
    ("text", "name", "target", "another"),
    [
        ("Her mother, Mary Doe, said so.", "Mary Doe", "Jane Doe", True),
        ("Jane Doe's car was found.", "Jane Doe's", "Jane Doe", False),
        ("Mrs Doe said so.", "Mrs Doe", "Jane Doe", False),
        ("Sheikh al-Baghdadi spoke.", "Sheikh al-Baghdadi", "Abu Bakr al-Baghdadi",
         False),
        ("Abu Omar al-Baghdadi died in 2010.", "Abu Omar al-Baghdadi",
         "Abu Bakr al-Baghdadi", True),
        # a target named by one word cannot be told from a namesake
        ("Mary Doe said so.", "Mary Doe", "Doe", False),
    ],
)  # fmt: skip
def test_a_namesake_with_another_given_name_is_another_person(
    text: str, name: str, target: str, another: bool
) -> None:
    assert _names_another(text, _span(text, name), Target(target)) is another


def test_a_pronoun_after_a_namesake_is_not_the_targets() -> None:
    text = "Jane Doe went missing. Mary Doe is in Denver. She is not in Boulder."
    mary = _span(text, "Mary Doe")
    assert _pronouns(text, "Jane Doe", [mary]) == []
    # without the target's full name, Mary Doe may be the target
    refs = find_target_refs(text, Target("Jane Doe"))
    assert len(pronoun_refs(text, refs, [mary], lambda s, e: True)) == 1


# -- through the whole reader ---------------------------------------------------------
def _read(text: str, target: str, nlp: Any) -> Any:
    from geosleuth.read.document import read_text

    return read_text(text, target=target, nlp=nlp, published=PUB)


@pytest.mark.nlp
def test_a_namesake_says_nothing_of_the_target(nlp: Any) -> None:
    # before: the target was in Denver, and the predecessor's death the target's
    text = "Jane Doe went missing. Mary Doe is in Denver. She is not in Boulder."
    assert _read(text, "Jane Doe", nlp).evidence == ()
    text = "Abu Omar al-Baghdadi was killed in 2010 near Tikrit."
    assert _read(text, "Abu Bakr al-Baghdadi", nlp).evidence == ()
    # the target named in full is still the target, honorific or not
    reading = _read("Mrs Doe was seen in Denver on Friday.", "Jane Doe", nlp)
    assert [type(i) for i in reading.evidence] == [Sighting]


@pytest.mark.nlp
def test_she_after_the_targets_wife_is_the_wife(nlp: Any) -> None:
    text = "Abu Bakr al-Baghdadi's wife was arrested in Turkey. She is held in Ankara."
    assert _read(text, "Abu Bakr al-Baghdadi", nlp).evidence == ()


@pytest.mark.nlp
def test_a_pronoun_is_seen_and_dies_as_the_target(nlp: Any) -> None:
    text = "Jane Doe went missing on Friday. She was seen in Aspen on Saturday."
    (seen,) = _read(text, "Jane Doe", nlp).evidence
    assert isinstance(seen, Sighting)
    assert (seen.place_name, seen.subject) == ("Aspen", "target")
    text = "Abu Bakr al-Baghdadi was wounded. He died in Hajin last week."
    items = _read(text, "Abu Bakr al-Baghdadi", nlp).evidence
    (life,) = [i for i in items if isinstance(i, LifeStatus)]
    assert life.status == "dead"
    assert life.provenance.quote == "He died in Hajin last week."


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Police officer John Smith said Jane Doe was seen in Aspen.", "John Smith"),
        ("Tom Fox said Jane Doe was seen in Aspen.", "Tom Fox"),
        # an unnamed relative who speaks is no associate seen, but the speaker
        ("Her brother said Jane Doe was seen in Aspen.", "Her brother"),
    ],
)
def test_the_speaker_is_not_the_one_seen(
    text: str, speaker: str | None, nlp: Any
) -> None:
    # before: the speaker named first stood for the one seen (no sighting), and
    # "her brother" made it the sighting of an associate
    (seen,) = _read(text, "Jane Doe", nlp).evidence
    assert isinstance(seen, Sighting)
    assert (seen.place_name, seen.subject) == ("Aspen", "target")
    assert seen.provenance.speaker == speaker
    # one seen with the target is still an associate
    (seen,) = _read("Jane Doe's brother was seen in Aspen.", "Jane Doe", nlp).evidence
    assert isinstance(seen, Sighting) and seen.subject == "associate"


@pytest.mark.nlp
def test_a_pronoun_that_kills_is_not_killed(nlp: Any) -> None:
    # before: "He killed" made the target dead
    text = "Officials doubt al-Baghdadi's claims. He killed dozens in Mosul."
    reading = _read(text, "Abu Bakr al-Baghdadi", nlp)
    assert not [i for i in reading.evidence if isinstance(i, LifeStatus)]
    assert "not_target" in [r.reason for r in reading.rejected]
    text = "Abu Bakr al-Baghdadi was wounded. He was killed near Hajin."
    items = _read(text, "Abu Bakr al-Baghdadi", nlp).evidence
    assert [i.status for i in items if isinstance(i, LifeStatus)] == ["dead"]
