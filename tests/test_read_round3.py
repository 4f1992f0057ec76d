"""Movements joined to a seeing, plans, one speaker's two hedges, the target's word.

A movement joined to a seeing with no subject of its own ("was seen in Leeds and
later fled to York") is no seeing at its place: it is a claim of the one who
moves, the target or nobody of interest ("A hiker saw Jane Doe in Aspen, and
later moved to Denver": the hiker). A place in a plan ("planned to go to York")
is where the target meant to be, not where she is. Two reporting verbs of one
speaker are hedged each by its own words ("Police said ..., and they believe
..."). The target may be the speaker ("She told police she was heading to
Denver"): her name, the role "the target", and the grade of her own word (F4).

Each test pins the items read from real sentences, both sides of each rule.
"""

from __future__ import annotations

from typing import Any

import pytest

from geosleuth.evidence import Grade, LifeStatus
from reading import DOE, PUB, reader, set_aside

pytestmark = pytest.mark.nlp

_read = reader(DOE)


def _items(reading: Any) -> list[tuple[Any, ...]]:
    """(kind, place, subject or polarity, speaker, role, grade, hedge) of each item."""
    return [
        (
            i.kind,
            i.place_name,
            i.subject if i.kind == "sighting" else i.polarity,
            i.provenance.speaker,
            i.provenance.speaker_role,
            str(i.grade),
            i.hedge,
        )
        for i in reading.evidence
        if not isinstance(i, LifeStatus)
    ]


def _seen(place: str, speaker: str | None = None, grade: str = "F3") -> tuple[Any, ...]:
    return ("sighting", place, "target", speaker, None, grade, "certain")


def _at(
    place: str,
    speaker: str | None = None,
    hedge: str = "certain",
    *,
    role: str | None = None,
    grade: str = "F3",
) -> tuple[Any, ...]:
    return ("claim", place, "is", speaker, role, grade, hedge)


# -- 1. a movement joined to a seeing is a claim of the one who moves ----------------
@pytest.mark.parametrize(
    ("text", "items"),
    [
        # each gave a sighting at the place moved to
        ("Jane Doe was seen in Leeds and later fled to York.",
         [_seen("Leeds"), _at("York")]),
        ("Jane Doe fled to York and was seen in Leeds.",
         [_seen("Leeds"), _at("York")]),
        ("Jane Doe was spotted in Leeds on Monday and then travelled to York on "
         "Tuesday.",
         [_seen("Leeds"), _at("York")]),
        # the movement's own hedge, not the seeing's
        ("Jane Doe was seen in Leeds and may have fled to York.",
         [_seen("Leeds"), _at("York", hedge="possible")]),
        ("Jane Doe was arrested in Leeds and later moved to York.",
         [_seen("Leeds"), _at("York")]),
        ("Police say Jane Doe was seen in Leeds and later went to York.",
         [_seen("Leeds", "Police", "F2"), _at("York", "Police", grade="F2")]),
        # the hiker moved: nothing of the target's at Denver
        ("A hiker saw Jane Doe in Aspen, and later moved to Denver.",
         [_seen("Aspen")]),
        # leaving for a place is a movement too (it was no location word before,
        # and gave no item at York)
        ("Jane Doe was seen in Leeds and left for York.",
         [_seen("Leeds"), _at("York")]),
    ],
)  # fmt: skip
def test_a_movement_joined_to_a_seeing_is_no_seeing_at_its_place(
    nlp: Any, text: str, items: list[tuple[Any, ...]]
) -> None:
    assert _items(_read(text, nlp)) == items


@pytest.mark.parametrize(
    ("text", "items"),
    [
        # verbs of seeing or finding share the place, as before
        ("Jane Doe was seen and arrested in Leeds.", [_seen("Leeds")]),
        ("Jane Doe was seen in Leeds and photographed in York.",
         [_seen("Leeds"), _seen("York")]),
        # taken to Denver: she is there now, a claim (it gave nothing before)
        ("Jane Doe was found in Aspen and taken to Denver.",
         [_seen("Aspen"), _at("Denver")]),
        # a movement with a subject of its own was its own clause already
        ("Jane Doe was seen in Leeds before she fled to York.",
         [_seen("Leeds"), _at("York")]),
    ],
)  # fmt: skip
def test_seeing_verbs_joined_still_share_their_places(
    nlp: Any, text: str, items: list[tuple[Any, ...]]
) -> None:
    assert _items(_read(text, nlp)) == items


# -- 2. a plan places no one ---------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "items"),
    [
        # gave a certain claim at York ("stayed" read as where she is)
        ("Jane Doe is missing. She planned to go to York but stayed.", []),
        ("Jane Doe is missing. She planned to go to York but stayed in Leeds.",
         [_at("Leeds")]),
        ("Jane Doe is missing. She stayed in Leeds, having planned to go to York.",
         [_at("Leeds")]),
        ("Jane Doe is missing. She wanted to stay in York.", []),
        ("Jane Doe is missing. She hoped to be living in York by June.", []),
        # a plan alone: nothing, as before
        ("Jane Doe is missing. She planned to go to York.", []),
    ],
)  # fmt: skip
def test_a_place_in_a_plan_is_not_where_the_target_is(
    nlp: Any, text: str, items: list[tuple[Any, ...]]
) -> None:
    assert _items(_read(text, nlp)) == items


def test_a_plan_is_set_aside_with_its_words(nlp: Any) -> None:
    got = _read("Jane Doe is missing. She planned to go to York but stayed.", nlp)
    assert ("conditional", "York") in set_aside(got)
    detail = next(x.detail for x in got.rejected if x.quote == "York")
    assert "'planned to go'" in detail


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("Jane Doe is missing. She stayed in York.", [_at("York")]),
        ("Jane Doe is missing. She decided to stay in York.", [_at("York")]),
        ("Jane Doe is missing. She is believed to be hiding in Mosul.",
         [_at("Mosul", hedge="probable")]),
        ("Jane Doe is missing. She is expected to stay in York.",
         [_at("York", hedge="probable")]),
        # a place she means to leave is where she is
        ("Jane Doe is missing. She has no plans to leave Mosul, where she lives.",
         [_at("Mosul")]),
    ],
)  # fmt: skip
def test_a_stay_or_a_belief_is_no_plan(
    nlp: Any, text: str, items: list[tuple[Any, ...]]
) -> None:
    assert _items(_read(text, nlp)) == items


# -- 3. one speaker, two reporting verbs: a hedge each --------------------------------
@pytest.mark.parametrize(
    ("text", "items"),
    [
        # Mosul was 'probable', hedged by "believe"
        ("Jane Doe is missing. Police said she was in Mosul, and they believe she is "
         "hiding in Vail.",
         [_at("Mosul", "Police", grade="F2"),
          _at("Vail", "Police", "probable", grade="F2")]),
        # Vail was 'probable', hedged by "believe"
        ("Jane Doe is missing. Police believe she was in Mosul, and they say she "
         "is in Vail.",
         [_at("Mosul", "Police", "probable", grade="F2"),
          _at("Vail", "Police", grade="F2")]),
        # Vail was a claim of the target's: the clause is of her brother
        ("Police said Jane Doe was in Mosul, and they believe her brother is "
         "hiding in Vail.",
         [_at("Mosul", "Police", grade="F2")]),
        # a seeing in the first, as before
        ("Police said Jane Doe was seen in Mosul, and they believe she is hiding "
         "in Vail.",
         [_seen("Mosul", "Police", "F2"),
          _at("Vail", "Police", "probable", grade="F2")]),
    ],
)  # fmt: skip
def test_each_reporting_verb_of_one_speaker_hedges_its_own_clause(
    nlp: Any, text: str, items: list[tuple[Any, ...]]
) -> None:
    assert _items(_read(text, nlp)) == items


def test_one_speakers_two_reporting_verbs_are_two_clauses(nlp: Any) -> None:
    from geosleuth.read.attribution import SpeakerRegistry, attribute

    text = "Police said she was in Mosul, and they believe she is hiding in Vail."
    (sent,) = nlp(text).sents
    attr = attribute(sent, SpeakerRegistry())
    cut = text.index("and")
    assert [(span, a.speaker, a.verb) for span, a in attr.clauses] == [
        ((0, cut), "Police", "said"),
        ((cut, len(text)), "Police", "believe"),
    ]
    # a clause that reports nothing continues the first report, as before
    (sent,) = nlp(
        "Police say Jane Doe is in Mosul, and her car was found in Vail."
    ).sents
    assert attribute(sent, SpeakerRegistry()).clauses == ()


# -- 4. the target as a speaker -------------------------------------------------------
_HER = {"role": "the target", "grade": "F4"}


@pytest.mark.parametrize(
    ("text", "items"),
    [
        # no speaker: the claim was the article's own (F3)
        ("Jane Doe is missing. She told police she was heading to Denver.",
         [_at("Denver", DOE, **_HER)]),
        ("Jane Doe is missing. Police said she was in Mosul, and she says she is "
         "in Vail.",
         [_at("Mosul", "Police", grade="F2"), _at("Vail", DOE, **_HER)]),
        # named: the speaker was 'Jane Doe', a named speaker (F3)
        ("Jane Doe said she was heading to Denver.", [_at("Denver", DOE, **_HER)]),
    ],
)  # fmt: skip
def test_the_target_speaks_of_her_own_whereabouts(
    nlp: Any, text: str, items: list[tuple[Any, ...]]
) -> None:
    assert _items(_read(text, nlp)) == items


@pytest.mark.parametrize(
    ("text", "items"),
    [
        # "he" is not "she": the hiker
        ("Jane Doe was seen by a hiker in Aspen. He said she is hiding in Vail.",
         [_seen("Aspen"), _at("Vail")]),
        # a speaker who names the target is someone else
        ('Jane Doe is missing. "Jane Doe is in Denver," she said.', [_at("Denver")]),
        ("Jane Doe is missing. She said Jane Doe is in Denver.", [_at("Denver")]),
        # "he" and "she" after another speaker stand for that speaker
        ("A hiker said he saw Jane Doe in Aspen. He said she was heading to Denver.",
         [("sighting", "Aspen", "target", "A hiker", "hiker", "F3", "certain"),
          _at("Denver", "A hiker", role="hiker")]),
        ("Her sister said Jane Doe was seen in Leeds. She said she is in York.",
         [("sighting", "Leeds", "target", "Her sister", "sister", "F3", "certain"),
          _at("York", "Her sister", role="sister")]),
    ],
)  # fmt: skip
def test_another_speaker_is_not_the_target(
    nlp: Any, text: str, items: list[tuple[Any, ...]]
) -> None:
    assert _items(_read(text, nlp)) == items


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # the roles were "nurse from Leeds" and "Police officer" (F3, F2)
        ("Jane Doe, a nurse from Leeds, said she was heading to Denver.",
         ["the target, nurse from Leeds"]),
        # her "She" keeps the role of her name
        ("Police officer Jane Doe said she was in Mosul on Monday. She said she is "
         "now in Vail.",
         ["the target, Police officer", "the target, Police officer"]),
    ],
)  # fmt: skip
def test_the_targets_own_role_follows_the_target(
    nlp: Any, text: str, roles: list[str]
) -> None:
    got = _read(text, nlp).evidence
    assert [i.provenance.speaker_role for i in got] == roles
    assert {(i.provenance.speaker, str(i.grade)) for i in got} == {(DOE, "F4")}


def test_the_targets_grade_can_be_overridden(nlp: Any) -> None:
    from geosleuth.read.document import read_text

    got = read_text(
        "Jane Doe is missing. She told police she was heading to Denver.",
        target=DOE, nlp=nlp, published=PUB, grades={"target": Grade("F", 3)},
    )  # fmt: skip
    assert [str(i.grade) for i in got.evidence] == ["F3"]
