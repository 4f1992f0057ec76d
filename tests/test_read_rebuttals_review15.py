"""Rebuttals of reports, hearsay, organisations as speakers, words that take no side.

From a journalist's review of conflict reporting (findings 1, 2, 3 and 12):

- "Police called reports that X is in Raqqa "nonsense"", "... false",
  "described reports ... as propaganda", "laughed off reports" were certain
  claims that X is in Raqqa, the opposite of what the police said; "Police have
  no information that" was a certain claim.
- "There are reports that", "Police are investigating reports that", "Police
  received a tip that" were certain claims, surer than "claims that".
- "the coalition said", "the militia said", "the group said", "state media
  reported", "the Islamic State group said" had no speaker (the article's own
  word, F3), and "Police dismissed reports that" / "rejected claims that" were
  denials by no one.
- "would neither confirm nor deny that", "did not say whether", "it is not
  known whether" were denials in the speaker's name.

Each case is a sentence of the review; a comment says what each gave before.
The controls at the end of each group read as they did before.
"""

from __future__ import annotations

from typing import Any

import pytest

from reading import reader
from reading import rows as _rows

pytestmark = pytest.mark.nlp

RASHID = "Khalid al-Rashid"
_read = reader(RASHID)

DENIED_BY_POLICE = [("claim", "Ar Raqqah", "is_not", "certain", "Police", "F2")]


@pytest.mark.parametrize(
    "text",
    [
        # each was a certain claim that he is in Raqqa ("is"), by no one
        'Police called reports that Khalid al-Rashid is in Raqqa "nonsense".',
        "Police called reports that Khalid al-Rashid is in Raqqa false.",
        "Police described reports that Khalid al-Rashid is in Raqqa as propaganda.",
        "Police laughed off reports that Khalid al-Rashid is in Raqqa.",
        "Police scoffed at reports that Khalid al-Rashid is in Raqqa.",
        # was certain, the police's
        "Reports that Khalid al-Rashid was in Raqqa were propaganda, police said.",
        # was possible, by no one
        "Police brushed aside claims that Khalid al-Rashid is in Raqqa.",
    ],
)
def test_a_report_called_untrue_is_a_denial_by_who_calls_it_so(
    nlp: Any, text: str
) -> None:
    assert _rows(_read(text, nlp)) == DENIED_BY_POLICE


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # was a denial by no one, certain
        ("Police dismissed reports that Khalid al-Rashid is in Raqqa.",
         DENIED_BY_POLICE),
        # was a denial by no one, possible ("claims" hedged the police's word)
        ("Police rejected claims that Khalid al-Rashid is in Raqqa.",
         DENIED_BY_POLICE),
        # was certain by no one: calling a report credible vouches for it
        ("Police described reports that Khalid al-Rashid is in Raqqa as credible.",
         [("claim", "Ar Raqqah", "is", "certain", "Police", "F2")]),
    ],
)  # fmt: skip
def test_who_judges_a_report_speaks(
    nlp: Any, text: str, rows: list[tuple[Any, ...]]
) -> None:
    assert _rows(_read(text, nlp)) == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # each was certain
        ("Police have no information that Khalid al-Rashid is in Raqqa.",
         [("claim", "Ar Raqqah", "is", "doubtful", None, "F3")]),
        ("Police said they had no information that Khalid al-Rashid is in Raqqa.",
         [("claim", "Ar Raqqah", "is", "doubtful", "Police", "F2")]),
    ],
)  # fmt: skip
def test_no_information_is_absence_of_evidence(
    nlp: Any, text: str, rows: list[tuple[Any, ...]]
) -> None:
    assert _rows(_read(text, nlp)) == rows


@pytest.mark.parametrize(
    "text",
    [
        # was a certain death claim, and a claim that he was in Raqqa that day
        "Police called reports that Khalid al-Rashid was killed in Raqqa nonsense.",
        # was set aside as someone else's death
        "Police called reports that Khalid al-Rashid was killed nonsense.",
    ],
)
def test_a_death_in_a_report_called_nonsense_is_no_death_claim(
    nlp: Any, text: str
) -> None:
    reading = _read(text, nlp)
    assert _rows(reading) == []
    assert [x.reason for x in reading.rejected] == ["negated"]
    assert "called ... nonsense" in reading.rejected[0].detail


def test_a_sighting_in_a_report_called_nonsense_is_set_aside(nlp: Any) -> None:
    # was a certain sighting
    text = "Police called reports that a hiker saw Khalid al-Rashid in Raqqa nonsense."
    reading = _read(text, nlp)
    assert _rows(reading) == []
    assert [x.reason for x in reading.rejected] == ["negated"]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("Police said reports that Khalid al-Rashid was in Raqqa were false.",
         DENIED_BY_POLICE),
        ("Police said there was no indication that Khalid al-Rashid is in Raqqa.",
         [("claim", "Ar Raqqah", "is", "doubtful", "Police", "F2")]),
        ("Police said Khalid al-Rashid is in Raqqa.",
         [("claim", "Ar Raqqah", "is", "certain", "Police", "F2")]),
        ("Police said reports that Khalid al-Rashid was in Raqqa were credible.",
         [("claim", "Ar Raqqah", "is", "certain", "Police", "F2")]),
        ("Police denied that Khalid al-Rashid is in Raqqa.", DENIED_BY_POLICE),
    ],
)  # fmt: skip
def test_control_rebuttals_and_plain_words_read_as_before(
    nlp: Any, text: str, rows: list[tuple[Any, ...]]
) -> None:
    assert _rows(_read(text, nlp)) == rows


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # each was certain
        ("Police are investigating reports that Khalid al-Rashid is in Raqqa.",
         "reports"),
        ("There are reports that Khalid al-Rashid is in Raqqa.", "reports"),
        ("Police received a tip that Khalid al-Rashid is in Raqqa.", "tip"),
        ("Police are investigating reports that Khalid al-Rashid fled to Raqqa.",
         "reports"),
    ],
)  # fmt: skip
def test_a_report_no_one_vouches_for_is_hearsay(nlp: Any, text: str, cue: str) -> None:
    reading = _read(text, nlp)
    assert _rows(reading) == [("claim", "Ar Raqqah", "is", "possible", None, "F3")]
    assert f"hedge from {cue!r}" in reading.evidence[0].note


def test_a_reported_sighting_is_hearsay(nlp: Any) -> None:
    # was a certain sighting
    text = "There are reports that a shepherd saw Khalid al-Rashid in Raqqa."
    assert _rows(_read(text, nlp)) == [
        ("sighting", "Ar Raqqah", None, "possible", None, "F3")
    ]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("Police are checking claims that Khalid al-Rashid is in Raqqa.",
         [("claim", "Ar Raqqah", "is", "possible", None, "F3")]),
        ("Police are looking into rumours that Khalid al-Rashid is in Raqqa.",
         [("claim", "Ar Raqqah", "is", "possible", None, "F5")]),
        ("Police confirmed reports that Khalid al-Rashid is in Raqqa.",
         [("claim", "Ar Raqqah", "is", "certain", "Police", "F2")]),
        ("A shepherd saw Khalid al-Rashid in Raqqa.",
         [("sighting", "Ar Raqqah", None, "certain", None, "F3")]),
    ],
)  # fmt: skip
def test_control_claims_rumours_and_confirmed_reports_read_as_before(
    nlp: Any, text: str, rows: list[tuple[Any, ...]]
) -> None:
    assert _rows(_read(text, nlp)) == rows


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # each had no speaker, F3
        ("Khalid al-Rashid is hiding in Raqqa, the coalition said.", "Coalition"),
        ("Khalid al-Rashid is hiding in Raqqa, the militia said.", "Militia"),
        ("Khalid al-Rashid is hiding in Raqqa, the group said.", "Group"),
        ("Khalid al-Rashid is hiding in Raqqa, state media said.", "State media"),
        ("Khalid al-Rashid is hiding in Raqqa, the Islamic State group said.",
         "Islamic State group"),
        ("The coalition said Khalid al-Rashid is hiding in Raqqa.", "Coalition"),
        ("State media reported that Khalid al-Rashid is hiding in Raqqa.",
         "State media"),
        ("Khalid al-Rashid is hiding in Raqqa, according to the coalition.",
         "Coalition"),
    ],
)  # fmt: skip
def test_an_organisation_named_by_a_common_noun_speaks(
    nlp: Any, text: str, speaker: str
) -> None:
    assert _rows(_read(text, nlp)) == [
        ("claim", "Ar Raqqah", "is", "certain", speaker, "F2")
    ]


def test_a_death_the_coalition_announced_is_the_coalition_s(nlp: Any) -> None:
    # both had no speaker, F3: the death claim read as the paper's own
    text = (
        "Khalid al-Rashid, the commander of a militant faction, was killed in an "
        "airstrike near Raqqa on Tuesday, the coalition said in a statement."
    )
    assert _rows(_read(text, nlp)) == [
        ("life_status", "dead", None, "certain", "Coalition", "F2"),
        ("claim", "Ar Raqqah", "is", "certain", "Coalition", "F2"),
    ]


def test_the_us_led_coalition_speaks_and_is_no_place(nlp: Any) -> None:
    # was a claim in Raqqa and one in the United States, both by no one
    text = "Khalid al-Rashid is hiding in Raqqa, the US-led coalition said."
    assert _rows(_read(text, nlp)) == [
        ("claim", "Ar Raqqah", "is", "certain", "US-led coalition", "F2")
    ]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("Khalid al-Rashid is hiding in Raqqa, the army said.",
         [("claim", "Ar Raqqah", "is", "certain", "Army", "F2")]),
        ("Khalid al-Rashid is hiding in Raqqa, officials said.",
         [("claim", "Ar Raqqah", "is", "certain", "Officials", "F2")]),
        ("Khalid al-Rashid is hiding in Raqqa, the SDF said.",
         [("claim", "Ar Raqqah", "is", "certain", "SDF", "F2")]),
        # a group of people is no organisation
        ("Khalid al-Rashid is hiding in Raqqa, a group of hikers said.",
         [("claim", "Ar Raqqah", "is", "certain", None, "F3")]),
    ],
)  # fmt: skip
def test_control_speakers_read_as_before(
    nlp: Any, text: str, rows: list[tuple[Any, ...]]
) -> None:
    assert _rows(_read(text, nlp)) == rows


@pytest.mark.parametrize(
    ("text", "rows", "cue"),
    [
        # each was a denial ("is_not"), possible, in the police's name or none
        ("Police would neither confirm nor deny that Khalid al-Rashid is in Raqqa.",
         [("claim", "Ar Raqqah", "is", "doubtful", "Police", "F2")],
         "confirm nor deny"),
        ("Police would not confirm or deny that Khalid al-Rashid is in Raqqa.",
         [("claim", "Ar Raqqah", "is", "doubtful", "Police", "F2")],
         "confirm or deny"),
        ("Police did not say whether Khalid al-Rashid is in Raqqa.",
         [("claim", "Ar Raqqah", "is", "doubtful", "Police", "F2")],
         "not say whether"),
        ("It is not known whether Khalid al-Rashid is in Raqqa.",
         [("claim", "Ar Raqqah", "is", "doubtful", None, "F3")],
         "not known whether"),
        ("Police said it was not clear whether Khalid al-Rashid is in Raqqa.",
         [("claim", "Ar Raqqah", "is", "doubtful", "Police", "F2")],
         "not clear whether"),
        # was "is", possible: the same doubt as "not clear whether"
        ("Police said it was unclear if Khalid al-Rashid was still in Raqqa.",
         [("claim", "Ar Raqqah", "is", "doubtful", "Police", "F2")],
         "unclear if"),
    ],
)  # fmt: skip
def test_words_that_take_no_side_are_no_denial(
    nlp: Any, text: str, rows: list[tuple[Any, ...]], cue: str
) -> None:
    reading = _read(text, nlp)
    assert _rows(reading) == rows
    assert reading.evidence[0].note == f"hedge from {cue!r}"


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # the first two were denials, "negated by 'not'"
        ("Police did not deny that Khalid al-Rashid is in Raqqa.",
         [("claim", "Ar Raqqah", "is", "certain", "Police", "F2")]),
        ("Police would not rule out that Khalid al-Rashid is in Raqqa.",
         [("claim", "Ar Raqqah", "is", "possible", "Police", "F2")]),
        # was a denial, "negated by 'dismiss'": the report stays hearsay
        ("Police did not dismiss reports that Khalid al-Rashid is in Raqqa.",
         [("claim", "Ar Raqqah", "is", "possible", None, "F3")]),
    ],
)  # fmt: skip
def test_a_denial_negated_denies_nothing(
    nlp: Any, text: str, rows: list[tuple[Any, ...]]
) -> None:
    assert _rows(_read(text, nlp)) == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("Police are checking whether Khalid al-Rashid is in Raqqa.",
         [("claim", "Ar Raqqah", "is", "possible", None, "F3")]),
        ("Police ruled out that Khalid al-Rashid is in Raqqa.", DENIED_BY_POLICE),
        ("It is not true that Khalid al-Rashid is in Raqqa.",
         [("claim", "Ar Raqqah", "is_not", "certain", None, "F3")]),
        ("Khalid al-Rashid is not in Raqqa, police said.", DENIED_BY_POLICE),
    ],
)  # fmt: skip
def test_control_checks_and_denials_read_as_before(
    nlp: Any, text: str, rows: list[tuple[Any, ...]]
) -> None:
    assert _rows(_read(text, nlp)) == rows


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # review r11, #8: "— Ahmed Saleh", whom the report only interviewed
        ("According to a report by Human Rights Watch, which interviewed Ahmed "
         "Saleh, Khalid al-Rashid is hiding in Raqqa.", "Human Rights Watch"),
        ("According to a statement from the Interior Ministry, Khalid al-Rashid is "
         "hiding in Raqqa.", "Interior Ministry"),
        # unchanged: a person named with a title, an organisation
        ("According to police spokesman Bruno Shioso, Khalid al-Rashid is hiding "
         "in Raqqa.", "Bruno Shioso"),
        ("According to Human Rights Watch, Khalid al-Rashid is hiding in Raqqa.",
         "Human Rights Watch"),
    ],
)  # fmt: skip
def test_according_to_a_report_by_someone_is_that_someones(
    nlp: Any, text: str, speaker: str
) -> None:
    (row,) = _rows(_read(text, nlp))
    assert row[:2] == ("claim", "Ar Raqqah") and row[4] == speaker
