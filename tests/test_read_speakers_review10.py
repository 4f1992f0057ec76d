"""Speakers named in the ways news reports name them, and a target described.

Each test pins the items read from real sentences (kind, place, polarity, hedge,
speaker, role, grade), both sides of each rule:

- an apposition that describes the target ("Joseph Mwangi, *a father of
  three*,") is the target, so "he" after it still refers to him; one that
  describes a relative ("his brother, a father of three,") is the relative's;
- a speaker the parse leaves stranded before "said" ("..., *the county health
  director Dr. Alice Otieno* said", "..., *her lawyer, Tom Briggs,* said");
- "according to" a person with a title ("police spokesman Bruno Shioso",
  "Larimer County Sheriff Justin Smith") or an unnamed authority ("police");
- "ruled out that" and "doubt that" report their subject's word;
- a name in apposition to the subject's noun ("Hale's lawyer, Tom Briggs,")
  has that noun as its role, not its own name.
"""

from __future__ import annotations

from typing import Any

import pytest

from geosleuth.evidence import LifeStatus
from geosleuth.read.attribution import attribute_text
from reading import reader

MWANGI = "Joseph Mwangi"

_read = reader(MWANGI)


def _items(reading: Any) -> list[tuple[Any, ...]]:
    """(kind, place, polarity or subject, hedge, speaker, role, grade) of each."""
    return [
        (
            i.kind,
            i.place_name,
            getattr(i, "polarity", None) or getattr(i, "subject", None),
            i.hedge,
            i.provenance.speaker,
            i.provenance.speaker_role,
            str(i.grade),
        )
        for i in reading.evidence
        if not isinstance(i, LifeStatus)
    ]


# -- 1. an apposition that describes the target ------------------------------------
@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "target", "items"),
    [
        # each gave nothing: "father" (or "mother") was read as a relative of
        # the target's named before the pronoun, whom "he" ("she") then meant
        ("Joseph Mwangi, a father of three, has been missing since January. "
         "Police said he is hiding in Kisumu.", MWANGI,
         [("claim", "Kisumu", "is", "certain", "Police", None, "F2")]),
        ("Joseph Mwangi, 45, a father-of-three, has been missing since January. "
         "Police said he is hiding in Kisumu.", MWANGI,
         [("claim", "Kisumu", "is", "certain", "Police", None, "F2")]),
        ("Jane Doe, the mother of two, has been missing since January. Police "
         "said she is hiding in Kisumu.", "Jane Doe",
         [("claim", "Kisumu", "is", "certain", "Police", None, "F2")]),
        # each gave nothing too: the apposition to the relative who speaks of
        # the target ("she") was read as another relative between
        ("Jane Doe has been missing since January. Her sister, a mother of "
         "three, said she is hiding in Kisumu.", "Jane Doe",
         [("claim", "Kisumu", "is", "certain", "Her sister", "sister", "F3")]),
        ("Joseph Mwangi has been missing since January. His brother, a father "
         "of three, said he is hiding in Kisumu.", MWANGI,
         [("claim", "Kisumu", "is", "certain", "His brother", "brother", "F3")]),
        # already so: a plain apposition, pinned
        ("Joseph Mwangi, a teacher, has been missing since January. Police said "
         "he is hiding in Kisumu.", MWANGI,
         [("claim", "Kisumu", "is", "certain", "Police", None, "F2")]),
    ],
)  # fmt: skip
def test_an_apposition_that_describes_the_target_keeps_his_pronoun(
    nlp: Any, text: str, target: str, items: list[tuple[Any, ...]]
) -> None:
    assert _items(_read(text, nlp, target=target)) == items


@pytest.mark.nlp
def test_a_relative_described_by_an_apposition_is_still_another_person(
    nlp: Any,
) -> None:
    # "He" after "His brother, a father of three," is the brother: no claim
    # that the target is in Kisumu
    text = (
        "Joseph Mwangi was last seen in Leeds. His brother, a father of three, "
        "was arrested on Monday. He is hiding in Kisumu."
    )
    assert [i[1] for i in _items(_read(text, nlp))] == ["Leeds"]


# -- 2. a speaker the parse leaves before "said" -----------------------------------
@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "items"),
    [
        # was no speaker (F3): the parse hung the director on Homa Bay
        ("Joseph Mwangi is thought to be in Homa Bay, the county health director "
         "Dr. Alice Otieno said.",
         [("claim", "Homa Bay", "is", "probable", "Dr. Alice Otieno",
           "county health director", "F2")]),
        # was no speaker: the lawyer as a conjunct of Reno
        ("Joseph Mwangi is in Reno, his lawyer, Tom Briggs, said.",
         [("claim", "Reno", "is", "certain", "Tom Briggs", "his lawyer", "F3")]),
        # already so: the parse gives "said" its subject, pinned
        ("Joseph Mwangi was seen in Siaya on Monday, police spokesman Bruno "
         "Shioso said.",
         [("sighting", "Siaya", "target", "certain", "Bruno Shioso",
           "police spokesman", "F2")]),
        # no one named before the verb: no speaker (and "it was said", hearsay of
        # no one, is possible as "it was claimed" is: r39, M1)
        ("Joseph Mwangi is thought to be in Homa Bay, it was said.",
         [("claim", "Homa Bay", "is", "possible", None, None, "F5")]),
    ],
)  # fmt: skip
def test_a_speaker_named_before_a_verb_with_no_subject_speaks(
    nlp: Any, text: str, items: list[tuple[Any, ...]]
) -> None:
    assert _items(_read(text, nlp)) == items


# -- 3. according to -----------------------------------------------------------------
@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "items"),
    [
        # was no speaker: the words after "according to" must have begun with
        # a capital
        ("Joseph Mwangi was seen in Siaya on Monday, according to police "
         "spokesman Bruno Shioso.",
         [("sighting", "Siaya", "target", "certain", "Bruno Shioso",
           "police spokesman", "F2")]),
        # was 'Larimer County Sheriff Justin Smith.' with no role, graded F3
        ("Joseph Mwangi was seen in Siaya on Monday, according to Larimer County "
         "Sheriff Justin Smith.",
         [("sighting", "Siaya", "target", "certain", "Justin Smith",
           "Larimer County Sheriff", "F2")]),
        # was no speaker
        ("Joseph Mwangi was seen in Siaya on Monday, according to police.",
         [("sighting", "Siaya", "target", "certain", "Police", None, "F2")]),
        ("Joseph Mwangi was seen in Siaya on Monday, according to a witness.",
         [("sighting", "Siaya", "target", "certain", "A witness", "witness",
           "F3")]),
        # a document is no speaker
        ("Joseph Mwangi was seen in Siaya on Monday, according to the report.",
         [("sighting", "Siaya", "target", "certain", None, None, "F3")]),
        ("Joseph Mwangi was seen in Siaya on Monday, according to court "
         "documents.",
         [("sighting", "Siaya", "target", "certain", None, None, "F3")]),
    ],
)  # fmt: skip
def test_according_to_names_the_speaker_and_role(
    nlp: Any, text: str, items: list[tuple[Any, ...]]
) -> None:
    assert _items(_read(text, nlp)) == items


def test_according_to_without_a_parse_splits_title_and_name() -> None:
    # was 'Larimer County Sheriff Justin Smith.', its full stop kept
    text = "Doe was seen in Siaya, according to Larimer County Sheriff Justin Smith."
    attr = attribute_text(text, 0)
    assert (attr.speaker, attr.role, attr.official) == (
        "Justin Smith",
        "Larimer County Sheriff",
        True,
    )
    (span,) = attr.excluded
    assert text[span[0] : span[1]] == "Larimer County Sheriff Justin Smith"
    # an organisation's name is left whole, as before
    attr = attribute_text("According to the Defense Ministry, it fell.", 0)
    assert (attr.speaker, attr.role) == ("Defense Ministry", None)
    assert attribute_text("It fell, according to the U.S.", 0).speaker == "U.S."


# -- 4. "ruled out that", "doubt that" -----------------------------------------------
@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "items"),
    [
        # each was no speaker (F3); polarity and hedge as before
        ("Police have ruled out that Joseph Mwangi is in Mombasa.",
         [("claim", "Mombasa", "is_not", "certain", "Police", None, "F2")]),
        ("Police doubt that Joseph Mwangi is in Mombasa.",
         [("claim", "Mombasa", "is", "doubtful", "Police", None, "F2")]),
        # already so, pinned
        ("Police said that Joseph Mwangi is not in Mombasa.",
         [("claim", "Mombasa", "is_not", "certain", "Police", None, "F2")]),
    ],
)  # fmt: skip
def test_ruling_out_and_doubting_report_the_subjects_word(
    nlp: Any, text: str, items: list[tuple[Any, ...]]
) -> None:
    assert _items(_read(text, nlp)) == items


# -- 5. a name in apposition to the subject's noun ----------------------------------
@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "items"),
    [
        # was the role 'Tom Briggs', his own name
        ("Hale's lawyer, Tom Briggs, denied that Hale was in Reno.",
         [("claim", "Reno", "is_not", "certain", "Tom Briggs", "Hale's lawyer",
           "F3")]),
        # already so: the noun in apposition to the name, pinned
        ("Tom Briggs, Hale's lawyer, denied that Hale was in Reno.",
         [("claim", "Reno", "is_not", "certain", "Tom Briggs", "Hale's lawyer",
           "F3")]),
    ],
)  # fmt: skip
def test_the_noun_a_name_is_in_apposition_to_is_its_role(
    nlp: Any, text: str, items: list[tuple[Any, ...]]
) -> None:
    assert _items(_read(text, nlp, target="Hale")) == items
