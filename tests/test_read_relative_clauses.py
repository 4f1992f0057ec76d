"""Relative clauses beside the statement; a given name that opens a sentence.

Before: "Kaci Hickox, a nurse who treated Ebola patients in Sierra Leone, is in
Newark" was also a claim that she is in Sierra Leone, and "Kaci Hickox, who
fled to Mexico in 2016, is now hiding in Texas" one claim on Mexico ∩ Texas (a
sliver of border), dated 2016. And "Destiny was seen in Camden", after "Destiny
Wallace" had been named, gave nothing: the tagger took the sentence's first word
for the common noun.
"""

from __future__ import annotations

from typing import Any

import pytest

from reading import claims, reader, set_aside, sightings
from reading import rows as _rows

pytestmark = pytest.mark.nlp

HICKOX = "Kaci Hickox"
_read = reader(HICKOX)


def _claims(reading: Any) -> list[tuple[str, str, str, str]]:
    return [
        (c.place_name, c.polarity, c.hedge, c.date.isoformat()) for c in claims(reading)
    ]


@pytest.mark.parametrize(
    ("text", "rows", "aside"),
    [
        # a deed in another place, no location word of its own: set aside
        ("Kaci Hickox, a nurse who treated Ebola patients in Sierra Leone, is in "
         "Newark, officials said.",
         [("Newark", "is", "certain", "2018-06-05")], "Sierra Leone"),
        ("Police, who found her car in Denver, believe Kaci Hickox is in Utah.",
         [("Utah", "is", "probable", "2018-06-05")], "Denver"),
        # a movement of its own: a claim apart, with the clause's own date and
        # hedge; the main statement keeps its own
        ("Kaci Hickox, who fled to Mexico in 2017, is now hiding in Texas.",
         [("Mexico", "is", "certain", "2017-12-31"),
          ("Texas", "is", "certain", "2018-06-05")], None),
        ("Kaci Hickox, who is thought to have fled to Mexico in 2017, is now in "
         "Texas.",
         [("Mexico", "is", "probable", "2017-12-31"),
          ("Texas", "is", "certain", "2018-06-05")], None),
        ("Kaci Hickox, who lives in Denver, is believed to be hiding in Utah.",
         [("Denver", "is", "certain", "2018-06-05"),
          ("Utah", "is", "probable", "2018-06-05")], None),
        # a clause about a relative (review 12: a certain claim at Denver)
        ("Kaci Hickox, whose brother lives in Denver, is hiding in Mexico.",
         [("Mexico", "is", "certain", "2018-06-05")], "Denver"),
        ("Kaci Hickox, whose family is in Leeds, is believed to be hiding in "
         "York.", [("York", "is", "probable", "2018-06-05")], "Leeds"),
    ],
)  # fmt: skip
def test_a_relative_clause_is_no_part_of_the_statement(
    nlp: Any, text: str, rows: list[tuple[str, str, str, str]], aside: str | None
) -> None:
    r = _read(text, nlp)
    assert _claims(r) == rows
    if aside is not None:
        assert ("not_target", aside) in set_aside(r)


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # the clause holds the only location word: it is the statement
        # dated as published: Monday is when she was charged (review 12)
        ("Kaci Hickox, who is hiding in Mosul, was charged on Monday.",
         [("Mosul", "is", "certain", "2018-06-05")]),
        # the place outside it is not where she is (review 12: a probable claim
        # at Baghdad, where the court sits)
        ("Kaci Hickox, who police believe is hiding in Mosul, was sentenced in "
         "Baghdad on Monday.", [("Mosul", "is", "probable", "2018-06-05")]),
        # a clause that names a place is no clause about the target
        ("Officials say Kaci Hickox hides in the region they call Euphrates "
         "Province.", [("Euphrates Province", "is", "certain", "2018-06-05")]),
    ],
)  # fmt: skip
def test_a_clause_that_is_the_statement_is_read(
    nlp: Any, text: str, rows: list[tuple[str, str, str, str]]
) -> None:
    assert _claims(_read(text, nlp)) == rows


@pytest.mark.parametrize(
    "text",
    [
        "Kaci Hickox, who police say is probably in Mexico, was last seen in Texas "
        "on Monday.",
        "Kaci Hickox, who is believed to be in Mexico, was seen in Texas on Monday.",
    ],
)
def test_a_clause_beside_a_sighting_is_read_on_its_own(nlp: Any, text: str) -> None:
    # session 12 left it out: the sighting in Texas alone, and Mexico dropped
    # without a word (the clause's only reference to her is the name outside it)
    r = _read(text, nlp)
    assert [(x.place_name, x.date.isoformat()) for x in sightings(r)] == [
        ("Texas", "2018-06-04")
    ]
    assert _claims(r) == [("Mexico", "is", "probable", "2018-06-05")]
    (claim,) = claims(r)
    assert claim.provenance.speaker == ("Police" if "police" in text else None)


def test_a_witness_who_saw_her_speaks_and_the_seeing_is_read(nlp: Any) -> None:
    # before: the target, named in the clause, was taken for the speaker, and
    # Leeds "describes the speaker (Kaci Hickox)": no sighting
    r = _read(
        "A hiker who saw Kaci Hickox in Leeds on Monday said she looked well.", nlp
    )
    assert [(x.place_name, x.date.isoformat()) for x in sightings(r)] == [
        ("Leeds", "2018-06-04")
    ]
    r = _read("A neighbour who knows Kaci Hickox said she is hiding in Leeds.", nlp)
    (c,) = claims(r)
    assert (c.place_name, c.provenance.speaker) == ("Leeds", "A neighbour")
    # the one described was seen, not the target: still the speaker's place
    r = _read("The woman, seen with Kaci Hickox in Leeds, said she was afraid.", nlp)
    assert sightings(r) == [] and claims(r) == []
    assert ("not_target", "Leeds") in set_aside(r)


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # the tagger took the opening "Destiny" for a common noun: nothing read
        ("Destiny Wallace, 15, has been missing since Monday. Destiny was seen "
         "in Camden on Tuesday, police said.",
         [("sighting", "Camden", None, "certain", "Police", "F2")]),
        ("Destiny Wallace, 15, has been missing since Monday. Destiny told her "
         "aunt she was in Camden.",
         [("claim", "Camden", "is", "certain", "Destiny Wallace", "F4")]),
        # the other side: the word with no verb after it is no subject
        ("Destiny Wallace, 15, is missing. Destiny and fate led to Camden.", []),
    ],
)  # fmt: skip
def test_the_given_name_opening_a_sentence_is_the_target(
    nlp: Any, text: str, rows: list[tuple[Any, ...]]
) -> None:
    assert _rows(_read(text, nlp, "Destiny Wallace")) == rows


@pytest.mark.parametrize(
    "text",
    [
        # a given name that is a word may be that word (review 12: a death and a
        # claim at Hebden Bridge; proof of life and a claim at Moab)
        "Hope Carter, 19, was last seen on Friday. Hope died in Hebden Bridge on "
        "Tuesday, when the river rose.",
        "Hope Carter, 19, was last seen on Friday. Hope is still alive in Hebden "
        "Bridge, where volunteers continue to search.",
        "Hope Carter, 19, was last seen on Friday. Hope was in short supply in "
        "Hebden Bridge on Tuesday.",
    ],
)
def test_a_given_name_that_is_a_word_needs_a_persons_verb(nlp: Any, text: str) -> None:
    reading = _read(text, nlp, "Hope Carter")
    assert [i.kind for i in reading.evidence] == []
    seen = "Hope Carter, 19, was last seen on Friday. Hope was seen in Leeds."
    assert [i.place_name for i in _read(seen, nlp, "Hope Carter").evidence] == ["Leeds"]
