"""Review r124's gaps in denials by kind (helper c203).

An event told again word for word and denied in the next sentence is taken
back, as after a semicolon (G1); a denial of an arrest that only takes the
death as given ("before he was killed", "since he was already dead", "saying
he was killed in a shootout") keeps the death (G3); a denial that "may have"
been made is a doubt, probable (W2); "would deny" is a denial in every form,
each as its plain past would read (G4); "seen ..., picked up by police for
questioning" is a seen arrest (G2); and the clause denials of review r116, U1
("denied that they had detained him", "denied having arrested him", "denied
arresting him", "denied that he was in custody"). Each with near misses.
"""

from __future__ import annotations

from typing import Any

import pytest

from reading import lives, negated, reader, seen

_read = reader("Rodrigo Salcedo Ibarra")

pytestmark = pytest.mark.nlp

_TOLD = "Salcedo was arrested in Culiacán on Monday, media reported"
_CERTAIN = [("Culiacán", "certain")]
_KILLED = "Salcedo was killed in Culiacán on Monday, media reported; "


# -- G1: told again and denied in the next sentence ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"{_TOLD}. Police later denied that he had been arrested in Culiacán on "
        "Monday.",
        f"{_TOLD}. Police denied that he had been arrested.",
        f"{_TOLD}. On Tuesday police would deny that he had ever been arrested.",
        "Salcedo was seen in Culiacán on Monday, media reported. Police later "
        "denied that he had been seen in Culiacán on Monday.",
    ],
)
def test_an_event_told_again_and_denied_next_is_taken_back(text: str, nlp: Any) -> None:
    r = _read(text, nlp)
    assert seen(r) == [] and negated(r)


@pytest.mark.parametrize(
    "text",
    [
        # a detail the event told lacks: that detail is denied
        f"{_TOLD}. Police later denied that he had been arrested in Culiacán on "
        "Monday without a warrant.",
        f"{_TOLD}. Police later denied that he had been arrested by the army.",
        # another place, another one, another kind
        f"{_TOLD}. Police later denied that he had been arrested in Durango.",
        f"{_TOLD}. Police later denied that his brother had been arrested.",
        f"{_TOLD}. Police later denied that he had been tortured.",
        "Salcedo was seen in Culiacán on Monday, media reported. Police later "
        "denied that he had been arrested in Culiacán on Monday.",
        # no denial made
        f"{_TOLD}. Police did not deny that he had been arrested.",
        f"{_TOLD}. Police may deny that he had been arrested.",
    ],
)
def test_a_next_denial_of_another_thing_leaves_the_event(text: str, nlp: Any) -> None:
    assert seen(_read(text, nlp)) == _CERTAIN


def test_a_next_denial_that_he_was_there_still_only_disputes(nlp: Any) -> None:
    # denies_the_place's: one level less sure, and a claim he was not there
    r = _read(f"{_TOLD}. Police later denied that he was there.", nlp)
    assert seen(r) == [("Culiacán", "probable")]


# -- G3: a death taken as given by a denial of the arrest ---------------------


@pytest.mark.parametrize(
    "denied",
    [
        "police denied that he had been arrested before he was killed.",
        "police denied that he had been arrested when he was killed.",
        "police denied that he had been arrested, since he was already dead.",
        "police denied that he had been tortured after he died.",
        "police denied that officers had arrested him before he died.",
        "police denied that he had been arrested, saying he was killed in a shootout.",
        "police denied that he had been arrested, and said he died in a shootout.",
        "police denied that he had been arrested.",
        "police denied arresting him.",
    ],
)
def test_a_denied_arrest_keeps_the_death_it_grants(denied: str, nlp: Any) -> None:
    assert lives(_read(_KILLED + denied, nlp)) == [("dead", "certain")]


@pytest.mark.parametrize(
    "denied",
    [
        "police denied reports of his arrest and of his death.",
        "police denied that he had been killed.",
        "police denied that he had been arrested and killed.",
        "police denied that he had been killed after he was arrested.",
        "police denied that he had been arrested, or that he had died.",
        "police denied that he was dead.",
        "police denied killing him.",
    ],
)
def test_a_denial_of_the_death_too_takes_it_back(denied: str, nlp: Any) -> None:
    r = _read(_KILLED + denied, nlp)
    assert lives(r) == [] and negated(r)


# -- W2: a denial that may have been made -------------------------------------


@pytest.mark.parametrize(
    "denied",
    [
        "police may have denied that he had been captured.",
        "police might have denied that he had been captured.",
    ],
)
def test_a_denial_that_may_have_been_made_is_a_doubt(denied: str, nlp: Any) -> None:
    assert seen(_read(f"{_TOLD}; {denied}", nlp)) == [("Culiacán", "probable")]


@pytest.mark.parametrize(
    ("denied", "expected"),
    [
        ("police may deny that he had been captured.", _CERTAIN),
        ("police should have denied that he was captured.", _CERTAIN),
        ("police may have denied that his brother had been captured.", _CERTAIN),
        ("police have denied that he was captured.", []),
    ],
)
def test_other_modal_denials_read_as_before(
    denied: str, expected: list[tuple[str, str]], nlp: Any
) -> None:
    assert seen(_read(f"{_TOLD}; {denied}", nlp)) == expected


# -- G4: "would deny" is a denial, read as the plain past in each form --------


@pytest.mark.parametrize(
    ("would", "denied"),
    [
        (", but police would deny it.", ", but police denied it."),
        ("; police would deny it.", "; police denied it."),
        (
            "; police would later deny that he had been captured.",
            "; police later denied that he had been captured.",
        ),
        (
            ". On Tuesday police would deny that he had ever been arrested.",
            ". On Tuesday police denied that he had ever been arrested.",
        ),
    ],
)
def test_would_deny_reads_as_denied(would: str, denied: str, nlp: Any) -> None:
    assert seen(_read(_TOLD + would, nlp)) == seen(_read(_TOLD + denied, nlp))


def test_but_would_deny_disputes_as_but_denied(nlp: Any) -> None:
    # another party's ", but ... denied it" is a dispute: one level less sure
    assert seen(_read(_TOLD + ", but police would deny it.", nlp)) == [
        ("Culiacán", "probable")
    ]


# -- G2: seen picked up by police ---------------------------------------------

_DENIED = "; police denied that he had been arrested."


@pytest.mark.parametrize(
    "seeing",
    [
        "Salcedo was seen in Culiacán on Monday, picked up by police for questioning",
        "Salcedo was seen in Culiacán on Monday, escorted by soldiers",
        "Salcedo was seen in Culiacán on Monday being held by police",
        "Salcedo was seen in Culiacán on Monday getting into a police car",
    ],
)
def test_a_seen_arrest_is_taken_back_by_the_denial(seeing: str, nlp: Any) -> None:
    r = _read(seeing + _DENIED, nlp)
    assert seen(r) == [] and negated(r)


@pytest.mark.parametrize(
    "seeing",
    [
        "Salcedo was seen in Culiacán on Monday, picked up by his driver",
        "Salcedo was seen in Culiacán on Monday, picked up by his driver for lunch",
        "Salcedo was seen in Culiacán on Monday, escorted by his bodyguards",
        "Salcedo was seen in Culiacán on Monday, driving a police van",
        "Salcedo was seen in Culiacán on Monday driving a police van",
    ],
)
def test_a_seeing_of_no_arrest_stays(seeing: str, nlp: Any) -> None:
    assert seen(_read(seeing + _DENIED, nlp)) == _CERTAIN


# -- r116 U1: clause denials of the arrest by its doers -----------------------


@pytest.mark.parametrize(
    "denied",
    [
        "police denied that they had detained him.",
        "police denied having arrested him.",
        "police denied arresting him.",
        "police denied that he was in custody.",
    ],
)
def test_a_denial_by_those_who_arrest_takes_it_back(denied: str, nlp: Any) -> None:
    r = _read(f"{_TOLD}; {denied}", nlp)
    assert seen(r) == [] and negated(r)


@pytest.mark.parametrize(
    "denied",
    [
        "police denied that they had detained his brother.",
        "police denied having arrested his brother.",
        "police denied arresting his brother.",
        "police denied that his brother was in custody.",
        "police denied that he was still in custody.",
        "the army denied having arrested him.",
        "police denied that the army had detained him.",
        "police denied having tortured him.",
        "police denied that they had detained him without a warrant.",
        "police denied that anyone had seen him there.",
    ],
)
def test_a_denial_of_another_arrest_leaves_it(denied: str, nlp: Any) -> None:
    assert seen(_read(f"{_TOLD}; {denied}", nlp)) == _CERTAIN


def test_a_denial_that_anyone_saw_him_takes_the_sighting_back(nlp: Any) -> None:
    r = _read(
        "Salcedo was seen in Culiacán on Monday, media reported; police denied "
        "that anyone had seen him there.",
        nlp,
    )
    assert seen(r) == [] and negated(r)
