"""Witnesses and their words: unnamed speakers, "saw her" and denials that follow.

Each test pins the items read from real sentences (kind, place, speaker, role,
grade, hedge, what was set aside and why): an unnamed person who speaks ("a
hiker said", "her brother told police"), a pronoun as the one seen in the active
voice ("residents saw her in Vail"), and a short sentence that denies the one
before it ("Police denied the report.").
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geosleuth.evidence import Claim, LifeStatus, Sighting
from geosleuth.read.attribution import denial_of_previous
from geosleuth.read.target import Target, find_target_refs, object_pronoun_refs
from reading import BAGHDADI, DOE, affirms_nothing, reader
from reading import claims as _claims
from reading import sightings as _sightings

_read = reader(DOE)


def _row(item: Any) -> tuple[Any, ...]:
    """(kind, place, speaker, role, grade, hedge) of an item."""
    p = item.provenance
    return (
        item.kind,
        item.place_name,
        p.speaker,
        p.speaker_role,
        str(item.grade),
        item.hedge,
    )


# -- 1. an unnamed person who speaks ---------------------------------------------------
@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "target", "row"),
    [
        # each had no speaker: the article's own word
        ("A hiker said he saw Jane Doe near Aspen on Friday.", DOE,
         ("sighting", "Aspen", "A hiker", "hiker", "F3", "certain")),
        ("Jane Doe went missing. A shepherd told reporters she is hiding in Aspen.",
         DOE, ("claim", "Aspen", "A shepherd", "shepherd", "F3", "certain")),
        ("Jane Doe went missing. Her brother said she is not in Boulder.", DOE,
         ("claim", "Boulder", "Her brother", "brother", "F3", "certain")),
        ("Al-Baghdadi fled in May. His wife told police he is hiding in Hajin.",
         BAGHDADI, ("claim", "Hajīn", "His wife", "wife", "F3", "certain")),
        ("Jane Doe is hiding in Aspen, a neighbour said.", DOE,
         ("claim", "Aspen", "A neighbour", "neighbour", "F3", "certain")),
        ("A local taxi driver said Jane Doe is hiding in Aspen.", DOE,
         ("claim", "Aspen", "A local taxi driver", "local taxi driver", "F3",
          "certain")),
        # a bare plural is its own role, as "Witnesses" and "Officials" are
        ("Jane Doe is hiding in Aspen, residents said.", DOE,
         ("claim", "Aspen", "Residents", None, "F3", "certain")),
        # an unnamed person whose role names an authority is official
        ("A police driver said Jane Doe is hiding in Aspen.", DOE,
         ("claim", "Aspen", "A police driver", "police driver", "F2", "certain")),
        # already an unnamed authority: pinned
        ("A police officer said Jane Doe is hiding in Aspen.", DOE,
         ("claim", "Aspen", "Police officer", None, "F2", "certain")),
    ],
)  # fmt: skip
def test_an_unnamed_person_who_speaks_is_the_speaker(
    text: str, target: str, row: tuple[Any, ...], nlp: Any
) -> None:
    reading = _read(text, nlp, target)
    (item,) = reading.evidence
    assert _row(item) == row
    if isinstance(item, Claim):
        assert item.polarity == ("is_not" if " not " in text else "is")


@pytest.mark.nlp
def test_her_brother_speaks_as_jane_does_brother_does(nlp: Any) -> None:
    # "Jane Doe's brother" was the speaker; "her brother" was no one
    named = _read("Jane Doe's brother said she is not in Denver.", nlp)
    unnamed = _read("Jane Doe left. Her brother said she is not in Denver.", nlp)
    rows = [_row(r.evidence[0]) for r in (named, unnamed)]
    assert rows == [
        ("claim", "Denver", "Jane Doe's brother", "brother", "F3", "certain"),
        ("claim", "Denver", "Her brother", "brother", "F3", "certain"),
    ]


@pytest.mark.nlp
def test_a_place_in_an_unnamed_speakers_words_describes_the_speaker(nlp: Any) -> None:
    text = "A shepherd from Hajin told reporters that al-Baghdadi is hiding in Mosul."
    reading = _read(text, nlp, BAGHDADI)
    (claim,) = reading.evidence
    assert _row(claim) == (
        "claim", "Mosul", "A shepherd from Hajin", "shepherd", "F3", "certain"
    )  # fmt: skip
    (rejected,) = reading.rejected
    assert (rejected.reason, rejected.quote) == ("not_target", "Hajin")
    # the role is a word of the sentence, not its first word's capital
    text = "Residents of Hajin said al-Baghdadi is hiding in Mosul."
    (claim,) = _read(text, nlp, BAGHDADI).evidence
    assert _row(claim) == (
        "claim", "Mosul", "Residents of Hajin", "residents", "F3", "certain"
    )  # fmt: skip


@pytest.mark.nlp
def test_he_after_an_unnamed_speaker_is_that_speaker(nlp: Any) -> None:
    text = "A hiker said he saw Jane Doe near Aspen. He said Doe was hiding in Vail."
    rows = [_row(i) for i in _read(text, nlp).evidence]
    assert rows == [
        ("sighting", "Aspen", "A hiker", "hiker", "F3", "certain"),
        ("claim", "Vail", "A hiker", "hiker", "F3", "certain"),
    ]


@pytest.mark.nlp
def test_an_unnamed_speakers_words_name_its_organisation(nlp: Any) -> None:
    from geosleuth.read.attribution import SpeakerRegistry, attribute

    (sent,) = nlp("SDF fighters said our forces are 5 km from Hajin.").sents
    attr = attribute(sent, SpeakerRegistry())
    # "our forces" are the SDF's
    assert (attr.speaker, attr.role, attr.org, attr.official) == (
        "SDF fighters",
        None,
        "SDF",
        False,
    )


@pytest.mark.nlp
@pytest.mark.parametrize(
    "text",
    [
        # a thing that "says" is no person
        "The report said Jane Doe is hiding in Aspen.",
        "A statement said Jane Doe is hiding in Aspen.",
        # a subject that is no one
        "No resident said Jane Doe is hiding in Aspen.",
    ],
)
def test_a_thing_or_no_one_is_no_speaker(text: str, nlp: Any) -> None:
    (claim,) = _claims(_read(text, nlp))
    assert _row(claim) == ("claim", "Aspen", None, None, "F3", "certain")


# -- 2. "him" or "her" as the one seen -------------------------------------------------
def test_him_or_her_as_an_object_refers_to_the_target_as_he_or_she_would() -> None:
    t = Target(DOE)
    text = (
        "Jane Doe left. Residents saw her in Vail. Tom Fox left. Police saw him. "
        "Jane Doe's sister said a hiker saw her."
    )
    refs = find_target_refs(text, t)
    fox = (text.index("Tom Fox"), text.index("Tom Fox") + 7)
    got = object_pronoun_refs(text, refs, [fox], lambda s, e: True, target=t)
    # not after another person's name, nor after a relative of its gender
    assert [(r.text, r.start) for r in got] == [("her", text.index("her"))]
    assert object_pronoun_refs(text, refs, [fox], lambda s, e: True, gender="he") == []


@pytest.mark.nlp
def test_only_a_direct_object_is_an_object_pronoun(nlp: Any) -> None:
    from geosleuth.read.document import parse
    from geosleuth.read.target import find_object_pronouns

    t = Target(DOE)
    text = "Jane Doe left. Residents saw her car. Police saw her in Vail."
    doc = parse(text, nlp)
    refs = find_target_refs(text, t, doc=doc)
    got = find_object_pronouns(text, t, refs, doc=doc)
    assert [(r.text, r.start) for r in got] == [("her", text.rindex("her"))]


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "target", "row"),
    [
        # each gave no sighting
        ("Jane Doe went missing on Friday. Residents saw her in Vail on Sunday.",
         DOE, ("sighting", "Vail", None, None, "F3", "certain")),
        ("Jane Doe went missing on Friday. A ranger spotted her near Aspen.", DOE,
         ("sighting", "Aspen", None, None, "F3", "certain")),
        ("Jane Doe went missing on Friday. A hiker may have seen her near Aspen.",
         DOE, ("sighting", "Aspen", None, None, "F3", "possible")),
        ("Al-Baghdadi was wounded in May. Police said a driver had seen him in "
         "Mosul.", BAGHDADI, ("sighting", "Mosul", "Police", None, "F2",
                              "certain")),
        # was the sighting of an associate, "Doe's brother said residents"
        ("Jane Doe's brother said residents saw her in Vail.", DOE,
         ("sighting", "Vail", "Jane Doe's brother", "brother", "F3", "certain")),
        ("Jane Doe's brother said residents saw Jane Doe in Vail.", DOE,
         ("sighting", "Vail", "Jane Doe's brother", "brother", "F3", "certain")),
    ],
)  # fmt: skip
def test_him_or_her_seen_in_the_active_voice_is_the_target_seen(
    text: str, target: str, row: tuple[Any, ...], nlp: Any
) -> None:
    reading = _read(text, nlp, target)
    (seen,) = reading.evidence
    assert isinstance(seen, Sighting)
    assert _row(seen) == row
    assert (seen.subject, seen.closeness) == ("target", 1.0)


@pytest.mark.nlp
def test_the_day_she_was_seen_dates_the_sighting(nlp: Any) -> None:
    text = "Jane Doe went missing on Friday. Residents saw her in Vail on Sunday."
    (seen,) = _read(text, nlp).evidence
    assert seen.date == dt.date(2018, 6, 3)


@pytest.mark.nlp
@pytest.mark.parametrize(
    "text",
    [
        # the target is a woman: "him" is someone else
        "Jane Doe, a 45-year-old woman, went missing. A ranger spotted him near Aspen.",
        # another person was named last
        "Jane Doe went missing. Tom Fox said a hiker saw him in Vail.",
        # a relative of the pronoun's gender was named last
        "Jane Doe's sister said a hiker saw her in Vail.",
        # "her" is the owner of what was seen
        "Jane Doe went missing. Residents saw her car in Vail.",
        # "see" is no seeing, whoever is its object
        "Jane Doe went missing. Officials want to see her in court in Denver.",
        # was a certain sighting in Denver
        "Jane Doe went missing. Residents saw the convoy, and officials want to "
        "see Jane Doe in court in Denver.",
    ],
)
def test_him_or_her_that_is_not_the_target_seen_gives_no_sighting(
    text: str, nlp: Any
) -> None:
    assert affirms_nothing(_read(text, nlp))


@pytest.mark.nlp
def test_no_one_who_saw_her_is_a_denied_sighting(nlp: Any) -> None:
    reading = _read("Jane Doe went missing. No one has seen her in Vail since.", nlp)
    assert reading.evidence == ()
    assert [(r.reason, r.quote) for r in reading.rejected] == [
        ("negated", "No one has seen her in Vail since.")
    ]


# -- 3. a denial in the next sentence ------------------------------------------------
@pytest.mark.parametrize(
    ("text", "denial"),
    [
        ("Police denied the report.", "Police denied the report"),
        ("The army denied the claim.", "The army denied the claim"),
        ("Police denied it on Friday.", "Police denied it on Friday"),
        ("Officials have since dismissed the reports as false.",
         "Officials have since dismissed the reports as false"),
        ("But police rejected this.", "But police rejected this"),
        ("It was denied by police.", "It was denied by police"),
        ("The claim was later rejected by the army.",
         "The claim was later rejected by the army"),
        ("Police denied the hiker's report.", "Police denied the hiker's report"),
        # no denial, a denial of something else, or one that says more
        ("Police did not deny the report.", None),
        ("Police have never denied the report.", None),
        ("No one denied the report.", None),
        ("Police denied that she was in Vail.", None),
        ("Police denied the report, saying she was in Denver.", None),
        ("Police denied the report that she had left.", None),
        ("Police denied shelling the town.", None),
        ("Police said a hiker saw her.", None),
    ],
)  # fmt: skip
def test_a_short_denial_of_the_sentence_before_is_found(
    text: str, denial: str | None
) -> None:
    span = denial_of_previous(text, 100)
    assert (None if span is None else text[span[0] - 100 : span[1] - 100]) == denial


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "target", "row", "denial"),
    [
        # each was as sure as if no one had denied it
        ("A hiker said he saw Jane Doe near Aspen. Police denied the report.", DOE,
         ("sighting", "Aspen", "A hiker", "hiker", "F3", "probable"),
         "Police denied the report"),
        ("Jane Doe is hiding in Aspen. The army denied the claim.", DOE,
         ("claim", "Aspen", None, None, "F3", "probable"),
         "The army denied the claim"),
        ("A hiker may have seen Jane Doe near Aspen. It was denied by police.", DOE,
         ("sighting", "Aspen", None, None, "F3", "doubtful"),
         "It was denied by police"),
        ("Police said a driver had seen al-Baghdadi in Mosul. Officials dismissed "
         "the reports as propaganda.", BAGHDADI,
         ("sighting", "Mosul", "Police", None, "F2", "probable"),
         "Officials dismissed the reports as propaganda"),
    ],
)  # fmt: skip
def test_a_denial_in_the_next_sentence_disputes_the_items_before_it(
    text: str, target: str, row: tuple[Any, ...], denial: str, nlp: Any
) -> None:
    reading = _read(text, nlp, target)
    (item,) = reading.evidence
    assert _row(item) == row
    assert item.note.endswith(
        f"disputed in the next sentence ({denial!r}): one level less sure"
    )
    assert reading.rejected == ()


@pytest.mark.nlp
def test_the_next_sentences_denial_dates_nothing(nlp: Any) -> None:
    text = "A hiker saw Jane Doe near Aspen on Friday. Police denied it on Sunday."
    (seen,) = _read(text, nlp).evidence
    assert isinstance(seen, Sighting)
    assert (seen.hedge, seen.date) == ("probable", dt.date(2018, 6, 1))


@pytest.mark.nlp
def test_a_death_denied_in_the_next_sentence_is_set_aside(nlp: Any) -> None:
    reading = _read(
        "Al-Baghdadi was killed in Hajin. ISIS denied the report.", nlp, BAGHDADI
    )
    assert not [i for i in reading.evidence if isinstance(i, LifeStatus)]
    (rejected,) = reading.rejected
    assert rejected.reason == "negated"
    assert "'ISIS denied the report'" in rejected.detail


@pytest.mark.nlp
@pytest.mark.parametrize(
    "text",
    [
        # no denial, a denial of something else, or one that says more
        "A hiker saw Jane Doe near Aspen. Police did not deny the report.",
        "A hiker saw Jane Doe near Aspen. Police denied the report, saying she "
        "was in Denver.",
        # only the sentence right before the denial
        "A hiker saw Jane Doe near Aspen. The army shelled the town. Police "
        "denied the report.",
        # a denial before the sighting is of something else
        "Police denied the report. A hiker saw Jane Doe near Aspen.",
    ],
)
def test_a_denial_that_is_not_of_the_sentence_before_leaves_it_sure(
    text: str, nlp: Any
) -> None:
    (seen,) = _sightings(_read(text, nlp))
    assert (seen.place_name, seen.hedge, seen.note) == ("Aspen", "certain", "")


@pytest.mark.nlp
def test_a_denial_of_its_own_is_not_lowered_again_by_the_next(nlp: Any) -> None:
    text = "Jane Doe was seen in Aspen, but police denied it. The army denied it."
    (seen,) = _read(text, nlp).evidence
    assert isinstance(seen, Sighting)
    assert seen.hedge == "probable"
    assert seen.note == "disputed ('but police denied it'): one level less sure"


@pytest.mark.nlp
def test_a_denial_of_another_clause_in_the_next_sentence_is_read_as_its_own(
    nlp: Any,
) -> None:
    text = "A hiker saw Jane Doe near Aspen. Police denied that she was in Vail."
    reading = _read(text, nlp)
    (seen,) = _sightings(reading)
    assert (seen.place_name, seen.hedge, seen.note) == ("Aspen", "certain", "")
    (claim,) = _claims(reading)
    assert (claim.place_name, claim.polarity, claim.provenance.speaker) == (
        "Vail",
        "is_not",
        "Police",
    )
