"""Places set against each other, people denied as the one seen, and screens.

Each test pins the items read from real sentences (kind, place, polarity, hedge,
what was set aside and why), as a review found them wrong (a wrong item is worse
than a missed one), and sentences on the other side of each rule that must still
give their item: "saw neither her nor her husband" is no sighting; "seen in Raqqa,
not Mosul", "rather than Mosul", "instead of Mosul" deny Mosul on its own; in "not
in Raqqa but in Mosul" Raqqa is denied and Mosul is not; and "saw her on TV in
Denver" is no sighting in Denver.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from conftest import mentions_at
from geosleuth.evidence import Claim, LifeStatus, Sighting
from geosleuth.read._sentence import CONTRAST, CORRECTION
from geosleuth.read.target import Target
from reading import BAGHDADI, DOE, PUB, reader

RAQQA = "Ar Raqqah"  # the gazetteer's name of Raqqa

_read = reader(DOE)


def _items(reading: Any) -> list[tuple[Any, ...]]:
    """(kind, place, polarity or None, hedge) of each item with a place."""
    return [
        (i.kind, i.place_name, getattr(i, "polarity", None), i.hedge)
        for i in reading.evidence
        if not isinstance(i, LifeStatus)
    ]


def _set_aside(reading: Any) -> list[tuple[str, str]]:
    """(reason, quote) of what was set aside."""
    return [(r.reason, r.quote) for r in reading.rejected]


# -- the regular expressions alone ---------------------------------------------------
@pytest.mark.parametrize(
    ("before", "denied"),
    [
        ("seen in Raqqa, not ", True),
        ("seen in Raqqa, not in ", True),
        ("seen in Aspen but not ", True),
        ("seen in Aspen, and never ", True),
        ("seen in Raqqa rather than ", True),
        ("seen in Raqqa rather than in ", True),
        ("hiding in Raqqa instead of ", True),
        ("hiding in Raqqa instead of staying in ", True),
        ("seen not in ", True),
        ("seen not in the town of ", True),
        ("neither in Raqqa nor in ", True),
        # not a denial of the place that follows
        ("hiding in Raqqa, not far from ", False),
        ("seen in Raqqa, not long after leaving ", False),
        ("she is not hiding in ", False),  # the clause's negation, not the place's
        ("seen not in Mosul but in ", False),
        ("rather than stay, she went to ", False),
    ],
)
def test_contrast_denies_only_the_place_right_after_it(
    before: str, denied: bool
) -> None:
    assert (CONTRAST.search(before) is not None) is denied


@pytest.mark.parametrize(
    ("before", "stead"),
    [
        ("She is not in Raqqa but in ", True),
        ("She is not in Raqqa, but in ", True),
        ("She is not hiding in Raqqa but rather in ", True),
        ("She is not in Raqqa but is in ", True),
        ("She is no longer in Raqqa but in the town of ", True),
        ("She was never seen in Raqqa, but in ", True),
        # a "but" that starts a clause of its own, or follows no negation
        ("She is not in Raqqa, but police say she is in ", False),
        ("She is hiding in Raqqa but in ", False),
        ("She is not in Raqqa but not in ", False),
    ],
)
def test_correction_needs_a_negation_and_but_right_before_the_place(
    before: str, stead: bool
) -> None:
    assert (CORRECTION.search(before) is not None) is stead


# -- 1. neither her nor her husband: no one seen ------------------------------------
@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # each was a certain sighting in Vail
        ("Jane Doe left. Residents saw neither her nor her husband in Vail.",
         "neither her"),
        ("Residents saw neither Jane Doe nor her husband in Vail.",
         "neither Jane Doe"),
        ("Jane Doe was seen by no one in Vail.", "no one"),
        ("Jane Doe was seen in Vail by neither residents nor police.",
         "neither residents"),
        ("Residents saw not Jane Doe but her sister in Vail.", "not Jane Doe"),
        # already read as denied: pinned
        ("Neither Jane Doe nor her husband was seen in Vail.", "Neither Jane Doe"),
    ],
)  # fmt: skip
def test_a_seeing_of_neither_her_nor_another_is_no_sighting(
    text: str, cue: str, nlp: Any
) -> None:
    reading = _read(text, nlp)
    assert reading.evidence == ()
    (rejected,) = reading.rejected
    assert rejected.reason == "negated"
    assert f"denied ({cue!r})" in rejected.detail


@pytest.mark.nlp
@pytest.mark.parametrize(
    "text",
    [
        "Jane Doe left. Residents saw her in Vail.",
        "Jane Doe left. Residents saw her and her husband in Vail.",
        "Residents saw not only Jane Doe but also her sister in Vail.",
        "Residents saw Jane Doe in Vail.",
    ],
)
def test_a_seeing_of_her_with_others_is_still_a_sighting(text: str, nlp: Any) -> None:
    reading = _read(text, nlp)
    assert _items(reading) == [("sighting", "Vail", None, "certain")]
    assert reading.rejected == ()


@pytest.mark.nlp
def test_neither_her_nor_another_in_a_place_is_where_she_is_not(nlp: Any) -> None:
    reading = _read("Neither Jane Doe nor her husband is in Vail.", nlp)
    assert _items(reading) == [("claim", "Vail", "is_not", "certain")]
    assert "negated by 'Neither Jane Doe'" in reading.evidence[0].note
    reading = _read("Not only Jane Doe but also her husband is in Vail.", nlp)
    assert _items(reading) == [("claim", "Vail", "is", "certain")]


# -- 2. ", not Mosul", "rather than Mosul", "instead of Mosul" ----------------------
@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "seen", "denied", "cue"),
    [
        # each was a sighting in the denied place too
        ("Jane Doe left. Residents saw her in Vail, not Aspen.", "Vail", "Aspen",
         ", not"),
        ("Jane Doe left. She was seen in Raqqa, not Mosul.", RAQQA, "Mosul",
         ", not"),
        ("Jane Doe was seen in Raqqa rather than Mosul.", RAQQA, "Mosul",
         "rather than"),
        ("Jane Doe was seen in Raqqa instead of Mosul.", RAQQA, "Mosul",
         "instead of"),
        ("Jane Doe was seen in Aspen but not Denver.", "Aspen", "Denver",
         "but not"),
        # already denied: pinned
        ("Jane Doe was seen in Raqqa, not in Mosul.", RAQQA, "Mosul", ", not in"),
    ],
)  # fmt: skip
def test_a_place_set_against_the_one_seen_is_no_place_seen(
    text: str, seen: str, denied: str, cue: str, nlp: Any
) -> None:
    reading = _read(text, nlp)
    assert _items(reading) == [("sighting", seen, None, "certain")]
    (rejected,) = reading.rejected
    assert (rejected.reason, rejected.quote) == ("negated", denied)
    assert f"denied on its own ({cue!r})" in rejected.detail


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Jane Doe is hiding in Raqqa, not Mosul.", ", not"),
        ("Jane Doe is hiding in Raqqa rather than Mosul.", "rather than"),
        ("Jane Doe is hiding in Raqqa instead of Mosul.", "instead of"),
        ("Jane Doe is hiding in Raqqa instead of staying in Mosul.",
         "instead of staying in"),
        # already denied: pinned
        ("Jane Doe is hiding in Raqqa, not in Mosul.", ", not in"),
    ],
)  # fmt: skip
def test_a_place_set_against_the_one_claimed_is_where_she_is_not(
    text: str, cue: str, nlp: Any
) -> None:
    reading = _read(text, nlp)
    assert _items(reading) == [
        ("claim", RAQQA, "is", "certain"),
        ("claim", "Mosul", "is_not", "certain"),
    ]
    assert f"denied on its own ({cue!r})" in reading.evidence[1].note
    assert "denied" not in reading.evidence[0].note


@pytest.mark.nlp
def test_not_far_from_a_place_denies_nothing(nlp: Any) -> None:
    reading = _read("Jane Doe is hiding in Raqqa, not far from Mosul.", nlp)
    assert _items(reading) == [
        ("claim", RAQQA, "is", "certain"),
        ("claim", "Mosul", "is", "certain"),
    ]


# -- 3. not in Raqqa but in Mosul ----------------------------------------------------
@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "negated", "stead"),
    [
        # the place after "but" was is_not
        ("Police said Jane Doe is not in Raqqa but in Mosul.", RAQQA, "Mosul"),
        ("Jane Doe is not hiding in Mosul but in Raqqa.", "Mosul", RAQQA),
        ("Jane Doe is not in Raqqa but is in Mosul.", RAQQA, "Mosul"),
        ("Jane Doe is no longer in Raqqa but in Mosul.", RAQQA, "Mosul"),
        # the place after "not" was "is"
        ("Jane Doe is hiding not in Mosul but in Raqqa.", "Mosul", RAQQA),
    ],
)
def test_not_in_one_place_but_in_another_is_in_the_other(
    text: str, negated: str, stead: str, nlp: Any
) -> None:
    reading = _read(text, nlp)
    assert _items(reading) == [
        ("claim", negated, "is_not", "certain"),
        ("claim", stead, "is", "certain"),
    ]
    note = reading.evidence[1].note
    assert ("negated by" not in note) and ("denied on its own" not in note)
    if "is not" in text or "no longer" in text:
        assert "in the stead of one denied" in note


@pytest.mark.nlp
@pytest.mark.parametrize(
    "text",
    [
        # each gave a sighting in Mosul
        "Jane Doe left. She was seen not in Mosul but in Raqqa.",
        "Jane Doe was seen not in Mosul but in Raqqa.",
        # was set aside whole: Raqqa is where she was seen
        "Jane Doe was not seen in Mosul but in Raqqa.",
        "Jane Doe was never seen in Mosul, but in Raqqa.",
    ],
)
def test_seen_not_in_one_place_but_in_another_is_seen_in_the_other(
    text: str, nlp: Any
) -> None:
    reading = _read(text, nlp)
    assert _items(reading) == [("sighting", RAQQA, None, "certain")]
    assert _set_aside(reading) == [("negated", "Mosul")]


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "reason", "cue"),
    [
        # "nobody" denies the seeing: no "not" for "but" to correct
        ("Nobody saw Jane Doe in Mosul but in Raqqa.", "negated", "Nobody"),
        ("Nobody saw Jane Doe, not in Mosul but in Raqqa.", "negated", "Nobody"),
        # a clause above denies the seeing, whatever "but" puts in the stead
        ("Police denied that Jane Doe was seen not in Mosul but in Raqqa.",
         "negated", "denied"),
        ("Police denied that Jane Doe was not seen in Mosul but in Raqqa.",
         "negated", "not"),
        # a seeing under a condition is no report of one
        ("If anyone saw Jane Doe not in Mosul but in Raqqa, they should call "
         "police.", "conditional", "If"),
    ],
)  # fmt: skip
def test_a_seeing_denied_whole_is_not_corrected_by_but(
    text: str, reason: str, cue: str, nlp: Any
) -> None:
    reading = _read(text, nlp)
    assert reading.evidence == ()
    (rejected,) = reading.rejected
    assert rejected.reason == reason
    assert f"({cue!r})" in rejected.detail


@pytest.mark.nlp
@pytest.mark.parametrize(
    "text",
    [
        # a verb that denies the whole clause: neither place is where she is
        "Police denied that Jane Doe is hiding not in Mosul but in Raqqa.",
        "Police denied that Jane Doe is not in Mosul but in Raqqa.",
        "Police denied that Jane Doe is in Mosul but in Raqqa.",
    ],
)
def test_a_claim_denied_whole_is_not_corrected_by_but(text: str, nlp: Any) -> None:
    reading = _read(text, nlp)
    assert _items(reading) == [
        ("claim", "Mosul", "is_not", "certain"),
        ("claim", RAQQA, "is_not", "certain"),
    ]


# -- 4. on TV, in a video ------------------------------------------------------------
@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "target", "medium", "place"),
    [
        # each was a certain sighting in the place
        ("Jane Doe left. Residents saw her on TV in Denver.", DOE, "on TV",
         "Denver"),
        ("Abu Bakr al-Baghdadi fled in May. He was seen on television in Mosul.",
         BAGHDADI, "on television", "Mosul"),
        ("Jane Doe was seen on the news in Denver.", DOE, "on the news", "Denver"),
        ("Jane Doe was seen in a video filmed in Denver.", DOE, "in a video",
         "Denver"),
        ("Jane Doe was seen in Mosul in TV footage.", DOE, "in TV footage",
         "Mosul"),
        ("Residents saw Jane Doe on social media in Denver.", DOE,
         "on social media", "Denver"),
        ("Jane Doe is in a new video filmed in Denver.", DOE, "video filmed",
         "Denver"),
    ],
)  # fmt: skip
def test_a_seeing_on_a_screen_is_no_sighting_in_the_place(
    text: str, target: str, medium: str, place: str, nlp: Any
) -> None:
    reading = _read(text, nlp, target)
    assert reading.evidence == ()
    (rejected,) = reading.rejected
    assert rejected.reason == "no_place"
    assert rejected.quote == text.split(". ")[-1]
    assert f"through a screen or a recording ({medium!r})" in rejected.detail
    assert f"{place!r} is where it was shown or made" in rejected.detail


@pytest.mark.nlp
def test_a_dated_video_is_proof_of_life_but_no_sighting(nlp: Any) -> None:
    reading = _read("Jane Doe was seen in a video filmed in Denver on May 3.", nlp)
    (life,) = reading.evidence
    assert isinstance(life, LifeStatus)
    assert (life.status, life.date) == ("alive", dt.date(2018, 5, 3))
    assert [r.reason for r in reading.rejected] == ["no_place"]


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the medium is another verb's, or the verb itself says she was there
        ("Jane Doe was seen in Mosul on Friday, days after appearing in a video.",
         "Mosul"),
        ("Jane Doe was filmed in Denver.", "Denver"),
        ("Jane Doe was photographed in Denver.", "Denver"),
        ("Jane Doe was seen in Denver on Friday.", "Denver"),
        # the news that report a seeing are no screen it was seen on
        ("In news reports, Jane Doe was seen in Mosul.", "Mosul"),
        ("Jane Doe was seen in Mosul, local media reported.", "Mosul"),
    ],
)  # fmt: skip
def test_a_seeing_in_person_is_still_a_sighting(
    text: str, place: str, nlp: Any
) -> None:
    reading = _read(text, nlp)
    assert _items(reading) == [("sighting", place, None, "certain")]


def _unparsed(text: str, nlp: Any) -> Any:
    """What is read from ``text`` with every sentence left unparsed (words only)."""
    from geosleuth.read.claims import extract_evidence, sentence_spans
    from geosleuth.read.document import parse

    coords = {
        "Denver": (-104.99, 39.74),
        "Vail": (-106.37, 39.64),
        "Mosul": (43.118, 36.335),
        "Raqqa": (39.009, 35.953),
    }
    doc = parse(text, nlp)
    return extract_evidence(
        text, doc, mentions_at(text, coords), doc_id="t", published=PUB,
        target=Target(DOE), parsed=[False] * len(sentence_spans(doc)),
    )  # fmt: skip


@pytest.mark.nlp
def test_a_screen_is_read_in_a_sentence_left_unparsed(nlp: Any) -> None:
    for text, sightings in [
        ("Jane Doe was seen on TV in Denver.", []),
        ("Jane Doe was seen in Denver, a TV station said.", ["Denver"]),
        ("Jane Doe was seen in Vail.", ["Vail"]),
    ]:
        ex = _unparsed(text, nlp)
        assert [i.place_name for i in ex.items if isinstance(i, Sighting)] == (
            sightings
        )
        if not sightings:
            assert [r.reason for r in ex.rejected] == ["no_place"]


@pytest.mark.nlp
def test_not_but_is_read_in_a_sentence_left_unparsed(nlp: Any) -> None:
    for text, polarities in [
        ("Police said Jane Doe is not in Raqqa but in Mosul.",
         [("Raqqa", "is_not"), ("Mosul", "is")]),
        ("Police denied that Jane Doe is hiding not in Mosul but in Raqqa.",
         [("Mosul", "is_not"), ("Raqqa", "is_not")]),
        ("Jane Doe is hiding in Raqqa rather than Mosul.",
         [("Raqqa", "is"), ("Mosul", "is_not")]),
    ]:  # fmt: skip
        ex = _unparsed(text, nlp)
        assert [(c.place_name, c.polarity) for c in ex.items] == polarities


# -- the plain cases still read as before --------------------------------------------
@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("Jane Doe left. Residents saw her in Vail.",
         ("sighting", "Vail", None, "certain")),
        ("Jane Doe was seen in Raqqa.", ("sighting", RAQQA, None, "certain")),
        ("Jane Doe is in Mosul.", ("claim", "Mosul", "is", "certain")),
        ("Jane Doe is not in Mosul.", ("claim", "Mosul", "is_not", "certain")),
        ("Jane Doe may be hiding in Mosul.", ("claim", "Mosul", "is", "possible")),
    ],
)  # fmt: skip
def test_plain_sentences_read_as_before(
    text: str, item: tuple[Any, ...], nlp: Any
) -> None:
    reading = _read(text, nlp)
    assert _items(reading) == [item]
    assert reading.rejected == ()
    (it,) = reading.evidence
    assert isinstance(it, Sighting if item[0] == "sighting" else Claim)
    if item[2] == "is_not":
        assert "negated by 'not'" in it.note
