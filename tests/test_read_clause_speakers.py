"""One speaker per clause, and a witness's pronoun that tells no gender.

Each test pins the items read from real sentences (kind, place, polarity,
speaker, grade). Two clauses set against each other by "but" with speakers of
their own are each credited to their own ("Jane Doe is not in Raqqa, but police
say she is in Mosul": Raqqa is the article's, Mosul the police's; "Police say
..., but her brother says ..."); a sentence with one speaker, a place put in the
stead of one denied, and another party's denial ("..., but police denied it")
are read as before. A pronoun after a witness who saw the target ("A hiker who
saw Jane Doe said *he* was sure") may be the witness's, so it does not tell the
target's gender, unless the witness is of the other gender ("a man").
"""

from __future__ import annotations

from typing import Any

import pytest

from geosleuth.evidence import LifeStatus
from geosleuth.read.target import Target, find_target_refs, target_gender
from reading import DOE, reader

RAQQA = "Ar Raqqah"  # the gazetteer's name of Raqqa

_read = reader(DOE)


def _items(reading: Any) -> list[tuple[Any, ...]]:
    """(kind, place, polarity or subject, speaker, grade) of each item."""
    return [
        (
            i.kind,
            i.place_name,
            getattr(i, "polarity", None) or getattr(i, "subject", None),
            i.provenance.speaker,
            str(i.grade),
        )
        for i in reading.evidence
        if not isinstance(i, LifeStatus)
    ]


# -- 1. one speaker per clause -------------------------------------------------------
@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "items"),
    [
        # each clause was the one speaker's
        ("Jane Doe is not in Raqqa, but police say she is in Mosul.",
         [("claim", RAQQA, "is_not", None, "F3"),
          ("claim", "Mosul", "is", "Police", "F2")]),
        ("Jane Doe left. Police say she is in Mosul, but her brother says she is "
         "in Vail.",
         [("claim", "Mosul", "is", "Police", "F2"),
          ("claim", "Vail", "is", "Her brother", "F3")]),
        ("Jane Doe left. Witnesses said she is in Aspen, but police say she is in "
         "Mosul.",
         [("claim", "Aspen", "is", "Witnesses", "F3"),
          ("claim", "Mosul", "is", "Police", "F2")]),
        # was a sighting in Mosul too, and all of it the police's
        ("Jane Doe left. A hiker saw Jane Doe in Aspen, but police say she is in "
         "Mosul.",
         [("sighting", "Aspen", "target", None, "F3"),
          ("claim", "Mosul", "is", "Police", "F2")]),
        # was a trace in Vail too
        ("Jane Doe left. Her car was found in Aspen, but police say she is in "
         "Vail.",
         [("sighting", "Aspen", "associate", None, "F3"),
          ("claim", "Vail", "is", "Police", "F2")]),
    ],
)  # fmt: skip
def test_each_clause_set_against_another_has_its_own_speaker(
    nlp: Any, text: str, items: list[tuple[Any, ...]]
) -> None:
    assert _items(_read(text, nlp)) == items


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "items"),
    [
        # one speaker for the whole sentence
        ("Jane Doe is hiding in Aspen, a neighbour said.",
         [("claim", "Aspen", "is", "A neighbour", "F3")]),
        ("Jane Doe left. Police say she is in Mosul and not in Vail.",
         [("claim", "Mosul", "is", "Police", "F2"),
          ("claim", "Vail", "is_not", "Police", "F2")]),
        # a place in the stead of one denied, in one clause
        ("Jane Doe left. Police say she is not in Raqqa but in Mosul.",
         [("claim", RAQQA, "is_not", "Police", "F2"),
          ("claim", "Mosul", "is", "Police", "F2")]),
        # the same speaker in both clauses
        ("Jane Doe left. Police say she is in Mosul, but they say she may move.",
         [("claim", "Mosul", "is", "Police", "F2")]),
        # "but" with no clause of its own
        ("Jane Doe left. Police say she is in Mosul but hiding.",
         [("claim", "Mosul", "is", "Police", "F2")]),
    ],
)  # fmt: skip
def test_a_sentence_with_one_speaker_keeps_it_for_every_place(
    nlp: Any, text: str, items: list[tuple[Any, ...]]
) -> None:
    assert _items(_read(text, nlp)) == items


@pytest.mark.nlp
def test_another_partys_denial_is_no_clause_of_its_own(nlp: Any) -> None:
    reading = _read("Jane Doe was seen in Aspen, but police denied it.", nlp)
    assert _items(reading) == [("sighting", "Aspen", "target", None, "F3")]
    assert reading.evidence[0].hedge == "probable"


@pytest.mark.nlp
def test_a_clauses_speaker_is_kept_out_of_the_statement(nlp: Any) -> None:
    from geosleuth.read.attribution import SpeakerRegistry, attribute

    text = "Jane Doe is not in Raqqa, but police say she is in Mosul."
    (sent,) = nlp(text).sents
    attr = attribute(sent, SpeakerRegistry())
    cut = text.index("but")
    assert [(span, a.speaker, a.official) for span, a in attr.clauses] == [
        ((0, cut), None, False),
        ((cut, len(text)), "Police", True),
    ]
    assert (attr.at(text.index("Raqqa")).speaker, attr.at(text.index("Mosul"))) == (
        None,
        attr.clauses[1][1],
    )
    police = text.index("police")
    assert (police, police + len("police")) in attr.excluded
    # a sentence of one clause has none
    (sent,) = nlp("Police say Jane Doe is in Mosul.").sents
    one = attribute(sent, SpeakerRegistry())
    assert one.clauses == ()
    assert one.at(20) is one


# -- 2. a witness's pronoun tells no gender ------------------------------------------
@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "items"),
    [
        # "he" set her gender to male, so "She" was no one
        ("A hiker who saw Jane Doe said he was sure it was her. She is hiding in "
         "Vail.", [("claim", "Vail", "is", None, "F3")]),
        ("Jane Doe was seen by a hiker in Aspen. He said she is hiding in Vail.",
         [("sighting", "Aspen", "target", None, "F3"),
          ("claim", "Vail", "is", None, "F3")]),
        # a man is no "she": "she" tells her gender
        ("A man who saw Jane Doe said she looked tired. She is hiding in Vail.",
         [("claim", "Vail", "is", None, "F3")]),
    ],
)  # fmt: skip
def test_a_witness_pronoun_does_not_set_the_targets_gender(
    nlp: Any, text: str, items: list[tuple[Any, ...]]
) -> None:
    assert _items(_read(text, nlp)) == items


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "gender"),
    [
        ("A hiker who saw Jane Doe said he was sure.", None),
        ("Jane Doe was seen by a hiker in Aspen. He said she was tired.", None),
        # the witness's gender is told: the other pronoun is hers
        ("A man who saw Jane Doe said she looked tired.", "she"),
        ("A woman who saw Jane Doe said he looked tired.", "he"),
        # no witness: the first pronoun tells, as before
        ("Jane Doe left. He is in Vail.", "he"),
        ("Jane Doe went missing. A ranger spotted her near Aspen.", "she"),
        # the target named again after the witness: its pronoun tells
        ("A hiker saw Jane Doe in Aspen. Jane Doe left her car there.", "she"),
    ],
)
def test_target_gender_from_a_parse_skips_a_witness_pronoun(
    nlp: Any, text: str, gender: str | None
) -> None:
    from geosleuth.read.document import parse
    from geosleuth.read.target import _speakers_of, _witnesses_of

    doc = parse(text, nlp)
    t = Target(DOE)
    refs = find_target_refs(text, t)
    got = target_gender(
        text,
        refs,
        [],
        target=t,
        speakers=_speakers_of(doc),
        witnesses=_witnesses_of(doc, refs),
    )
    assert got == gender


def test_target_gender_skips_a_witness_of_the_same_or_unknown_gender() -> None:
    text = "A hiker who saw Jane Doe said he was sure. He is in Vail."
    t = Target(DOE)
    refs = find_target_refs(text, t)
    witness = (0, text.index(" said"))
    assert target_gender(text, refs, [], target=t) == "he"
    assert target_gender(text, refs, [], target=t, witnesses=[(*witness, None)]) is None
    assert target_gender(text, refs, [], target=t, witnesses=[(*witness, "he")]) is None
    # a woman witness is no "he": he tells the target's gender
    assert target_gender(text, refs, [], target=t, witnesses=[(*witness, "she")]) == (
        "he"
    )
    # a witness before the target's last name tells nothing of later pronouns
    text = "A hiker saw Jane Doe. Jane Doe left. He is in Vail."
    refs = find_target_refs(text, t)
    assert target_gender(text, refs, [], target=t, witnesses=[(0, 20, None)]) == "he"
