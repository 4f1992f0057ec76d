"""Review r40's findings on the attribution and recall rules of 0a8deb4 (H4, H3,
M7, M6, M5, L8), each with its near-miss (a reading that must stay as it was).

- H4/M6: a name before "'s" is its owner, no place: "seen in *Juan's* truck",
  "hiding in *Santiago's* ranch"; the "hiding in Basilan" rule takes no given
  name and no other name of a small town ("arrested in Luis" is no Lewes).
- H3: a departure denied ("was not extradited from Mexico", "never left
  Culiacán") says nothing of where he is not.
- M7: "Reports from Monday / social media / anonymous sources say" are hearsay
  of no one, never a speaker "Monday".
- M6: those who got a document ("Reporters in Culiacán obtained a document
  saying ...") are where they are, not the target; "S's second-in-command
  said" is not S.
- M5: "fled to Basilan", "is in Basilan" are read.
- L8: "was recaptured in Culiacán" is an arrest.
"""

from __future__ import annotations

from typing import Any

import pytest

from reading import item_set, reader

pytestmark = pytest.mark.nlp

_S = "Rodrigo Salcedo Ibarra"
_D = "Jane Doe"
_M = "Mundi Jalmaani"
_READERS = {"S": reader(_S), "D": reader(_D), "M": reader(_M)}


def _read(who: str, text: str, nlp: Any) -> set[tuple[Any, ...]]:
    return item_set(_READERS[who](text, nlp))


def _is(place: str, hedge: str, grade: str, speaker: str | None) -> tuple[Any, ...]:
    return ("Claim", f"{place} is", hedge, grade, speaker)


def _seen(place: str, grade: str = "F3", speaker: str | None = None) -> tuple[Any, ...]:
    return ("Sighting", f"seen {place}", "certain", grade, speaker)


# --- H4, M6: an owner's name is no place ---------------------------------------


@pytest.mark.parametrize(
    ("who", "text", "expected"),
    [
        ("S", f"{_S} was seen in Juan's truck on Monday.", set()),
        ("S", f"{_S} was seen in Juan Pérez's truck on Monday.", set()),
        ("S", f"{_S} was seen in Juan's truck in Culiacán on Monday.",
         {_seen("Culiacán")}),
        ("S", f"{_S} was arrested in Luis's home on Monday.", set()),
        ("S", f"{_S} was arrested in Juan on Monday.", set()),
        ("S", f"{_S} was hiding in Santiago's ranch.", set()),
        ("S", f"{_S} was captured in Carmen's apartment.", set()),
        ("S", f"{_S} was seen in Guadalupe's bar.", set()),
        ("S", f"{_S} was hiding in Victoria's house.", set()),
        ("S", f"{_S} was based in Lopez's ranch.", set()),
        ("S", f"{_S} was seen in Rivas's car in Culiacán.", {_seen("Culiacán")}),
        ("D", f"{_D} was seen in Sarah's car in York.", {_seen("York")}),
        ("D", f"{_D} was seen in Chelsea's car.", set()),
        # near-misses: a place's own possessive, and the place itself
        ("S", f"{_S} was seen in Culiacán's main square.", {_seen("Culiacán")}),
        ("D", f"{_D} was seen in York's city centre.", {_seen("York")}),
        ("S", f"{_S} was hiding in Santiago.",
         {_is("Santiago", "certain", "F3", None)}),
        ("M", f"{_M} is hiding in Basilan.",
         {_is("City of Isabela", "certain", "F3", None)}),
        ("M", f"{_M} was seen in Basilan on Monday.", {_seen("City of Isabela")}),
        ("M", f"{_M} was arrested in Basilan.", {_seen("City of Isabela")}),
    ],
)  # fmt: skip
def test_an_owners_name_is_no_place(
    who: str, text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _read(who, text, nlp) == expected


# --- H3: a departure denied ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"{_S} has not been extradited from Mexico.",
        f"{_S} was never extradited from Mexico, officials said.",
        f"{_S} cannot be extradited from Mexico, his lawyer said.",
        f"{_S} was not extradited from Mexico, officials said.",
        f"{_S} will not be extradited from Mexico.",
        f"{_S} could not be deported from Mexico.",
        f"{_S} never left Culiacán.",
        f"{_S} has not fled Mexico.",
    ],
)
def test_a_departure_denied_says_nothing_of_where_he_is_not(
    text: str, nlp: Any
) -> None:
    got = _read("S", text, nlp)
    assert not [i for i in got if i[1].endswith(" is_not")]
    assert got == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{_S} was extradited from Mexico on Monday.", {_seen("Mexico")}),
        (f"{_S} was deported from Mexico on Monday.", {_seen("Mexico")}),
        (f"{_S} was extradited from Culiacán to Texas on Monday.",
         {_seen("Culiacán"), _is("Texas", "certain", "F3", None)}),
    ],
)  # fmt: skip
def test_a_departure_done_is_still_read(
    text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _read("S", text, nlp) == expected


def test_a_leaving_denied_beside_where_she_is_keeps_the_place(nlp: Any) -> None:
    got = _read("D", f"{_D} did not leave Mosul and is hiding there, police said.", nlp)
    assert {what for _, what, *_ in got} == {"Mosul is"}


# --- M7: reports from no one ---------------------------------------------------


@pytest.mark.parametrize(
    "subject",
    [
        "Reports from Monday say",
        "Reports from Sunday say",
        "Reports from last week say",
        "Reports from social media say",
        "Reports from anonymous sources say",
        "Reports from unverified sources say",
        "Anonymous sources say",
        "Unverified sources say",
        "Posts on social media say",
    ],
)
def test_reports_of_no_one_are_hearsay(subject: str, nlp: Any) -> None:
    got = _read("S", f"{subject} {_S} is in Durango.", nlp)
    assert got == {_is("Durango", "possible", "F5", None)}


@pytest.mark.parametrize(
    ("subject", "grade", "speaker"),
    [
        ("Reports from the Defence Ministry say", "F2", "Defence Ministry"),
        ("Reports by the army say", "F2", "Army"),
        ("Reports from Reuters say", "F2", "Reuters"),
        ("Reports from witnesses say", "F3", "Witnesses"),
        ("Reports from police sources say", "F3", "Police sources"),
        ("Reports obtained by Reuters say", "F3", None),
    ],
)
def test_reports_of_someone_keep_their_author(
    subject: str, grade: str, speaker: str | None, nlp: Any
) -> None:
    got = _read("S", f"{subject} {_S} is in Durango.", nlp)
    assert got == {_is("Durango", "certain", grade, speaker)}


# --- M6: readers, and the target's own people ----------------------------------


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        (f"Reporters in Culiacán obtained a document saying {_S} was in Durango.",
         "certain"),
        (f"Journalists in Culiacán obtained documents showing {_S} was in "
         "Durango.", "certain"),
        (f"Officials in Culiacán received a tip that {_S} was in Durango.",
         "possible"),
        (f"Police in Culiacán read a report saying {_S} was in Durango.",
         "possible"),
    ],
)  # fmt: skip
def test_where_a_document_was_read_is_not_the_targets(
    text: str, hedge: str, nlp: Any
) -> None:
    assert _read("S", text, nlp) == {_is("Durango", hedge, "F3", None)}


def test_where_a_speaker_is_stays_no_place_of_the_targets(nlp: Any) -> None:
    got = _read("S", f"Police in Culiacán said {_S} was in Durango.", nlp)
    assert got == {_is("Durango", "certain", "F2", "Police")}


@pytest.mark.parametrize(
    ("owned", "speaker"),
    [
        ("second-in-command", f"{_S}'s second-in-command"),
        ("number two", f"{_S}'s number two"),
        ("deputy", f"{_S}'s deputy"),
        ("henchman", f"{_S}'s henchman"),
    ],
)
def test_one_of_the_targets_people_is_not_the_target(
    owned: str, speaker: str, nlp: Any
) -> None:
    got = _read("S", f"{_S}'s {owned} said {_S} was in Durango.", nlp)
    assert got == {_is("Durango", "certain", "F3", speaker)}


def test_the_target_himself_still_speaks(nlp: Any) -> None:
    got = _read("S", f"{_S} said he was in Durango.", nlp)
    assert got == {_is("Durango", "certain", "F4", _S)}


# --- M5, L8: recall ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{_M} fled to Basilan on Monday.",
         {_is("City of Isabela", "certain", "F3", None)}),
        (f"{_M} is in Basilan, the military said.",
         {_is("City of Isabela", "certain", "F2", "Military")}),
    ],
)  # fmt: skip
def test_basilan_after_fled_to_or_is_in(
    text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _read("M", text, nlp) == expected


@pytest.mark.parametrize(
    "text",
    [
        f"{_S} was arrested in Juan's house.",
        f"{_S} fled to Juan's ranch.",
        f"{_S} is in Luis's house.",
    ],
)
def test_a_given_name_after_fled_to_or_is_in_is_no_place(text: str, nlp: Any) -> None:
    assert _read("S", text, nlp) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{_S} was recaptured in Culiacán on Monday.", {_seen("Culiacán")}),
        (f"{_S}, who escaped from prison in 2015, was recaptured in Culiacán on "
         "Monday.", {_seen("Culiacán")}),
        # near-miss: another's recapture
        (f"{_S}'s bodyguard was recaptured in Culiacán on Monday.", set()),
    ],
)  # fmt: skip
def test_a_recapture_is_an_arrest(
    text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _read("S", text, nlp) == expected


def test_an_undated_extradition_in_a_dated_statement_stays_set_aside(
    nlp: Any,
) -> None:
    # the navy's Monday bounds the extradition, it does not date it: as "fled
    # Raqqa", a place he was at some time before, set aside (r43's reading)
    text = f"The navy said on Monday that {_S} had been extradited from Culiacán."
    assert _read("S", text, nlp) == set()
