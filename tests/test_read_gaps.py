"""Reading gaps closed: denied seeings, organisations that speak, the target's
gender, and statements that another party disputes.

Each test pins the items read from real sentences (kind, place, speaker, grade,
hedge, what was set aside and why), as the audit of made-up articles found them
wrong, or a part of the rule that no other test breaks.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geosleuth.evidence import LifeStatus, Sighting
from geosleuth.read.attribution import dispute_span
from geosleuth.read.target import (
    Target,
    find_target_refs,
    pronoun_refs,
    target_gender,
)
from reading import BAGHDADI, PUB, affirms_nothing, reader
from reading import claims as _claims
from reading import sightings as _sightings

_read = reader(BAGHDADI)


# -- 1. a seeing that is denied gives no sighting ------------------------------------
@pytest.mark.nlp
@pytest.mark.parametrize(
    "text",
    [
        # each was a certain sighting in Mosul
        "Neither residents nor police saw al-Baghdadi in Mosul.",
        "Not a single resident has seen al-Baghdadi in Mosul.",
        "Not one resident saw al-Baghdadi in Mosul.",
        # already read as denied: pinned
        "Residents never saw al-Baghdadi in Mosul.",
        "No one has seen al-Baghdadi in Mosul since 2014.",
        "Witnesses denied seeing al-Baghdadi in Mosul.",
    ],
)
def test_a_seeing_that_no_one_did_is_no_sighting(text: str, nlp: Any) -> None:
    reading = _read(text, nlp)
    assert reading.evidence == ()
    assert [r.reason for r in reading.rejected] == ["negated"]


@pytest.mark.nlp
@pytest.mark.parametrize(
    "text",
    [
        # "see" is not read as a seeing ("want to see him in court"), denied or not
        "A shepherd did not see al-Baghdadi in Mosul.",
        "Iraqi officials want to see al-Baghdadi in court in Mosul.",
        # "him" is no reference to the target: nothing is read
        "Al-Baghdadi was wounded in May. No one has seen him in Mosul since.",
    ],
)
def test_a_seeing_that_is_not_read_gives_nothing_in_its_place(
    text: str, nlp: Any
) -> None:
    assert affirms_nothing(_read(text, nlp))


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "seen", "denied"),
    [
        # each was a certain sighting in every place named
        ("Al-Baghdadi has been seen neither in Mosul nor in Raqqa.", [],
         ["Mosul", "Raqqa"]),
        ("Al-Baghdadi was seen nowhere near Mosul.", [], ["Mosul"]),
        ("Al-Baghdadi was seen in Raqqa but never in Mosul.", ["Ar Raqqah"],
         ["Mosul"]),
    ],
)  # fmt: skip
def test_a_place_denied_on_its_own_is_no_place_seen(
    text: str, seen: list[str], denied: list[str], nlp: Any
) -> None:
    reading = _read(text, nlp)
    assert [s.place_name for s in _sightings(reading)] == seen
    assert {s.hedge for s in _sightings(reading)} <= {"certain"}
    # each denied place is set aside on its own, and no "no place" is added
    assert [(r.reason, r.quote) for r in reading.rejected] == [
        ("negated", q) for q in denied
    ]


@pytest.mark.nlp
def test_a_limit_on_who_saw_is_no_denial(nlp: Any) -> None:
    (seen,) = _read(
        "Not only residents but police saw al-Baghdadi in Mosul.", nlp
    ).evidence
    assert isinstance(seen, Sighting)
    assert (seen.place_name, seen.subject, seen.hedge) == ("Mosul", "target", "certain")


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        # "neither ... nor" was a claim that the target is in both
        ("Al-Baghdadi is hiding neither in Mosul nor in Raqqa.",
         {"Mosul": "is_not", "Ar Raqqah": "is_not"}),
        # "but not in" with no comma was a claim that the target is in both
        ("Al-Baghdadi is hiding in Raqqa but not in Mosul.",
         {"Ar Raqqah": "is", "Mosul": "is_not"}),
    ],
)  # fmt: skip
def test_a_place_denied_on_its_own_is_is_not(
    text: str, polarity: dict[str, str], nlp: Any
) -> None:
    claims = _claims(_read(text, nlp))
    assert {c.place_name: c.polarity for c in claims} == polarity
    assert {c.hedge for c in claims} == {"certain"}


# -- 2. organisations that speak -----------------------------------------------------
@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # each was graded F3, as a person's word
        ("Human Rights Watch said al-Baghdadi is hiding in Hajin.",
         "Human Rights Watch"),
        ("Al-Baghdadi is hiding in Hajin, Human Rights Watch said.",
         "Human Rights Watch"),
        ("Reuters reported that al-Baghdadi is hiding in Hajin.", "Reuters"),
        ("Al-Baghdadi is hiding in Hajin, Reuters reported.", "Reuters"),
        ("The Pentagon said al-Baghdadi is hiding in Hajin.", "Pentagon"),
        ("According to Human Rights Watch, al-Baghdadi is hiding in Hajin.",
         "Human Rights Watch"),
        # was 'Syrian Observatory'
        ("The Syrian Observatory for Human Rights said al-Baghdadi is hiding in "
         "Hajin.", "Syrian Observatory for Human Rights"),
        # already organisations: pinned
        ("Amnesty International said al-Baghdadi is hiding in Hajin.",
         "Amnesty International"),
        ("The International Crisis Group said al-Baghdadi is hiding in Hajin.",
         "International Crisis Group"),
    ],
)  # fmt: skip
def test_an_organisation_that_speaks_is_graded_as_one(
    text: str, speaker: str, nlp: Any
) -> None:
    (claim,) = _claims(_read(text, nlp))
    assert (claim.place_name, claim.polarity) == ("Hajīn", "is")
    assert claim.provenance.speaker == speaker
    assert str(claim.grade) == "F2"


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a one-word surname the tagger may call an organisation
        ("Al-Hashimi said al-Baghdadi is hiding in Hajin.", "Al-Hashimi"),
        # a person whose surname is a word of organisations
        ("Tom Watch said al-Baghdadi is hiding in Hajin.", "Tom Watch"),
    ],
)
def test_a_person_named_like_an_organisation_is_a_person(
    text: str, speaker: str, nlp: Any
) -> None:
    (claim,) = _claims(_read(text, nlp))
    assert claim.provenance.speaker == speaker
    assert str(claim.grade) == "F3"


# -- 3. the target's gender ------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "target", "gender"),
    [
        ("Mrs Doe left. He is in Denver.", "Jane Doe", "she"),
        ("Mr Jane Doe left.", "Jane Doe", "he"),
        ("Police seek Jane Doe, a 45-year-old woman from Boulder.", "Jane Doe",
         "she"),
        ("The 45-year-old woman Jane Doe left.", "Jane Doe", "she"),
        ("His wife, Jane Doe, left.", "Jane Doe", "she"),
        ("Al-Baghdadi, the father of five, fled.", BAGHDADI, "he"),
        # the first pronoun that refers to the target
        ("Al-Baghdadi met his son in Raqqa. She is in Hajin.", BAGHDADI, "he"),
        ("Jane Doe left her car. He is in Denver.", "Jane Doe", "she"),
        # a pronoun after a relative of its gender is the relative's
        ("Al-Baghdadi's wife was arrested. She is held. He is in Hajin.", BAGHDADI,
         "he"),
        # nothing tells, or the titles disagree
        ("Jane Doe left.", "Jane Doe", None),
        ("Mrs Doe and Mr Doe left. She is in Denver.", "Jane Doe", None),
        # a lower-case word before the name is no name of the target
        ("The man who met Jane Doe left.", "Jane Doe", None),
    ],
)  # fmt: skip
def test_the_targets_gender_is_read_from_titles_nouns_and_pronouns(
    text: str, target: str, gender: str | None
) -> None:
    t = Target(target)
    assert target_gender(text, find_target_refs(text, t), [], target=t) == gender


def test_a_pronoun_of_the_other_gender_is_not_the_target() -> None:
    t = Target("Jane Doe")
    text = "Jane Doe left. She is in Denver. He is in Aspen."
    refs = find_target_refs(text, t)
    both = pronoun_refs(text, refs, [], lambda s, e: True, target=t)
    assert [r.text for r in both] == ["She", "He"]  # gender unknown: as before
    she = pronoun_refs(text, refs, [], lambda s, e: True, target=t, gender="she")
    assert [r.text for r in she] == ["She"]


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "target"),
    [
        # each made the target seen in, or hiding in, a place
        ("Jane Doe, a 45-year-old woman, went missing on Friday. He was seen in "
         "Aspen.", "Jane Doe"),
        ("Mrs Doe went missing on Friday. He is hiding in Aspen.", "Jane Doe"),
        ("Jane Doe went missing on Friday. She left her car in Denver. He is hiding "
         "in Aspen.", "Jane Doe"),
        ("Al-Baghdadi was wounded in May, and his aides fled. She was seen in "
         "Hajin.", BAGHDADI),
    ],
)  # fmt: skip
def test_a_pronoun_of_the_other_gender_says_nothing_of_the_target(
    text: str, target: str, nlp: Any
) -> None:
    reading = _read(text, nlp, target)
    assert _sightings(reading) == []
    assert _claims(reading) == []


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "target", "place"),
    [
        # the gender unknown: "he" after the target is the target, as before
        ("Jane Doe went missing on Friday. He is hiding in Aspen.", "Jane Doe",
         "Aspen"),
        ("Mr Doe went missing on Friday. He is hiding in Aspen.", "Jane Doe",
         "Aspen"),
        ("Al-Baghdadi was wounded in May, and his aides fled. He is hiding in "
         "Hajin.", BAGHDADI, "Hajīn"),
    ],
)  # fmt: skip
def test_a_pronoun_of_the_targets_gender_is_the_target(
    text: str, target: str, place: str, nlp: Any
) -> None:
    (claim,) = _claims(_read(text, nlp, target))
    assert (claim.place_name, claim.polarity, claim.hedge) == (place, "is", "certain")
    assert claim.provenance.quote.startswith("He is hiding")


# -- 4. a statement that another party disputes ------------------------------------
@pytest.mark.parametrize(
    ("text", "denial"),
    [
        ("Doe was seen in Aspen, but police denied it.", "but police denied it"),
        ("Doe was seen in Aspen, but police denied it on Friday.",
         "but police denied it on Friday"),
        ("Doe was seen in Aspen, though the army has since rejected the report.",
         "though the army has since rejected the report"),
        ("Doe was seen in Aspen, but this was later denied by police.",
         "but this was later denied by police"),
        ("Doe was seen in Aspen, a claim the army denied.", "a claim the army denied"),
        ("Doe was seen in Aspen, a report denied by the army.",
         "a report denied by the army"),
        ("Doe was seen in Aspen, which police disputed.", "which police disputed"),
        # no denial, or one of something else, or no link back to the statement
        ("Doe was seen in Aspen, but police did not deny it.", None),
        ("Doe was seen in Aspen, but police didn't deny it.", None),
        ("Doe was seen in Aspen, and the army denied it had shelled the town.", None),
        ("Doe was seen in Aspen, officials denied.", None),
        ("Police, who denied earlier rumours, said Doe was seen in Aspen.", None),
    ],
)  # fmt: skip
def test_a_denial_by_another_party_is_found(text: str, denial: str | None) -> None:
    span = dispute_span(text, 100)
    assert (None if span is None else text[span[0] - 100 : span[1] - 100]) == denial


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "speaker", "grade", "hedge"),
    [
        # each was on the word of the party that denies it, or as sure as if no
        # one disputed it
        ("Al-Baghdadi was seen in Mosul, but police denied it.", None, "F3",
         "probable"),
        ("Al-Baghdadi was seen in Mosul, a claim the army denied.", None, "F3",
         "probable"),
        ("Al-Baghdadi was seen in Mosul, which police denied.", None, "F3",
         "probable"),
        ("Witnesses said al-Baghdadi was seen in Mosul, but the army denied it.",
         "Witnesses", "F3", "probable"),
        ("Al-Baghdadi may have been seen in Mosul, but police denied it.", None,
         "F3", "doubtful"),
    ],
)  # fmt: skip
def test_a_disputed_sighting_is_one_level_less_sure(
    text: str, speaker: str | None, grade: str, hedge: str, nlp: Any
) -> None:
    reading = _read(text, nlp)
    (seen,) = reading.evidence
    assert isinstance(seen, Sighting)
    assert (seen.place_name, seen.subject, seen.hedge) == ("Mosul", "target", hedge)
    assert (seen.provenance.speaker, str(seen.grade)) == (speaker, grade)
    assert "disputed (" in seen.note
    assert reading.rejected == ()


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "speaker", "grade"),
    [
        # was a certain claim on the army's word; "a claim" made the second possible
        ("Al-Baghdadi is hiding in Hajin, but the army denied it.", None, "F3"),
        ("Hisham al-Hashimi said al-Baghdadi is hiding in Hajin, a claim the army "
         "denied.", "Hisham al-Hashimi", "F3"),
    ],
)  # fmt: skip
def test_a_disputed_claim_is_one_level_less_sure(
    text: str, speaker: str | None, grade: str, nlp: Any
) -> None:
    (claim,) = _claims(_read(text, nlp))
    assert (claim.place_name, claim.polarity) == ("Hajīn", "is")
    assert claim.hedge == "probable"
    assert (claim.provenance.speaker, str(claim.grade)) == (speaker, grade)
    assert claim.note.startswith("disputed (")


@pytest.mark.nlp
def test_the_denial_names_no_place_or_date_of_the_sighting(nlp: Any) -> None:
    text = (
        "Al-Baghdadi was seen in Mosul on Friday, but Raqqa police denied it on Sunday."
    )
    reading = _read(text, nlp)
    (seen,) = reading.evidence
    assert isinstance(seen, Sighting)
    assert (seen.place_name, seen.hedge) == ("Mosul", "probable")
    assert seen.date == dt.date(2018, 6, 1)  # Friday, not Sunday
    (rejected,) = reading.rejected
    assert (rejected.reason, rejected.quote) == ("not_target", "Raqqa")
    # the denial's date alone: the sighting is dated by publication
    text = "Al-Baghdadi was seen in Mosul, but police denied it on Sunday."
    (seen,) = _read(text, nlp).evidence
    assert isinstance(seen, Sighting)
    assert seen.date == PUB
    assert (
        seen.note == "disputed ('but police denied it on Sunday'): one level less sure"
    )


@pytest.mark.nlp
def test_a_denial_that_does_not_dispute_the_sighting_leaves_it_sure(
    nlp: Any,
) -> None:
    text = "Al-Baghdadi was seen in Mosul, but police did not deny it."
    (seen,) = _read(text, nlp).evidence
    assert isinstance(seen, Sighting)
    assert (seen.place_name, seen.hedge, seen.note) == ("Mosul", "certain", "")


@pytest.mark.nlp
@pytest.mark.parametrize(
    "text",
    [
        "Al-Baghdadi was killed in Hajin, but ISIS denied it.",
        # was a certain death
        "Al-Baghdadi was killed in Hajin, but ISIS disputed it.",
    ],
)
def test_a_disputed_death_is_set_aside(text: str, nlp: Any) -> None:
    reading = _read(text, nlp)
    assert not [i for i in reading.evidence if isinstance(i, LifeStatus)]
    assert [r.reason for r in reading.rejected] == ["negated"]
