"""Review r116, W1-W9 (helper o119): where denials by kind (a101, l114, j111) erred.

A denied clause that adds a detail the event told lacks ("that he had been
detained *without a warrant*", "*by the army*", "*in 2015*", "he *would* be
captured *again*") denies that detail, not the event (W1, W2); a denial
foretold ("They *will* deny ...") is none (W3); of nouns denied together, a
report or a pronoun is of the event its words are of ("and the report *of a
shootout*", "and that *of his cousin*"; W4); a seeing of one handcuffed,
picked up by police, under arrest, behind bars, in a police cell, or filmed
while being arrested is a seeing of an arrest (W5); "captured *on camera*" is
a seeing (W6); a reason that puts the one told of elsewhere "but" or "never
set foot there" denies presence (W7). For deaths, a denial of another event
joined to a denial of the death ("reports of his arrest *and of his death*",
"*and that he had been killed*") takes the death back (W8), and never leaves a
denied death as a probable one (W9). Each with near misses.
"""

from __future__ import annotations

from typing import Any

import pytest

from reading import claims, lives, negated, reader, seen

SALCEDO = "Rodrigo Salcedo Ibarra"
VUKOVIC = "Dragan Vuković"
AG_ALHER = "Hamadou Ag Alher"
DOE = "Jane Doe"
_read = reader(SALCEDO)

pytestmark = pytest.mark.nlp


@pytest.mark.parametrize(
    "text",
    [
        # W1: a detail of manner, agent, reason, company, place
        "Salcedo was arrested in Culiacán; police denied that he had been detained "
        "without a warrant.",
        "Salcedo was arrested in Culiacán; police denied that he had been arrested "
        "by the army.",
        "Salcedo was arrested in Culiacán; police denied that he had been arrested "
        "illegally.",
        "Salcedo was arrested in Culiacán; police denied that he had been arrested "
        "for political reasons.",
        "Salcedo was arrested in Culiacán; police denied that he had been detained "
        "for more than 48 hours.",
        "Salcedo was arrested in Culiacán; police denied he was arrested at gunpoint.",
        "Salcedo was arrested in Culiacán; police denied he had been arrested at "
        "his home.",
        # W2: another time, or a modal
        "Salcedo was arrested in Culiacán on Monday; police denied that he had "
        "been captured in 2015.",
        "Salcedo was arrested in Culiacán on Monday; police denied that he had "
        "been captured before.",
        "Salcedo was arrested in Culiacán; police denied that he would be captured "
        "again.",
        "Salcedo was arrested in Culiacán; police denied that he could have been "
        "detained by mistake.",
        # W3: a denial foretold
        "Salcedo was arrested in Culiacán; 'They will deny that he was captured,' "
        "his lawyer said.",
        # W4: nouns denied together, of another's event
        "Salcedo was seen in Culiacán; police denied the arrest of his brother and "
        "that of his cousin.",
        "Salcedo was seen in Culiacán; police denied his brother's arrest and the "
        "report of a shootout.",
        "Salcedo was seen in Culiacán; police denied his arrest and reports of "
        "torture.",
        "Salcedo was arrested in Culiacán; police denied the death of his brother "
        "and the report of a shootout.",
        # W7 near misses: a reason that puts him where he was seen
        "Salcedo was seen in Culiacán; police denied his arrest, saying he was not "
        "in Mazatlán but in Culiacán.",
        "Salcedo was seen in Culiacán; police denied his arrest, saying he had "
        "never set foot in Mazatlán.",
        # W5 near misses: taken along by no force
        "Salcedo was seen being picked up by his wife in Culiacán; police denied "
        "his arrest.",
        "Salcedo was seen in the hands of his lawyers in Culiacán; police denied "
        "his arrest.",
        "Salcedo was seen while walking in Culiacán; police denied his arrest.",
        # W6 near miss: captured, not on camera
        "Salcedo was captured in Culiacán; police denied the sighting.",
    ],
)
def test_a_denial_of_a_detail_or_of_another_leaves_the_event(
    text: str, nlp: Any
) -> None:
    assert seen(_read(text, nlp)) == [("Culiacán", "certain")]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # W1, W2 near misses: the event told again, nothing added
        ("Salcedo was arrested in Culiacán; police denied that he had been "
         "captured in Culiacán.", SALCEDO),
        ("Salcedo was arrested in Culiacán by the army; the navy denied that he "
         "had been captured by the army.", SALCEDO),
        ("Salcedo was arrested in Culiacán; police denied that he had been "
         "detained there.", SALCEDO),
        ("Salcedo was arrested in Culiacán; police would later deny that he had "
         "been captured.", SALCEDO),
        # W4 near misses: a report of the target's event
        ("Salcedo was seen in Culiacán; police denied his brother's arrest and "
         "the sighting.", SALCEDO),
        ("Salcedo was seen in Culiacán; police denied the sighting and the claim.",
         SALCEDO),
        # W5: a seeing of an arrest
        ("Salcedo was seen being handcuffed in Culiacán; police denied his "
         "arrest.", SALCEDO),
        ("Salcedo was seen being picked up by police in Culiacán; police denied "
         "his arrest.", SALCEDO),
        ("Salcedo was seen under arrest in Culiacán; police denied his arrest.",
         SALCEDO),
        ("Salcedo was seen behind bars in Culiacán; police denied his arrest.",
         SALCEDO),
        ("Salcedo was seen in a police cell in Culiacán; police denied his "
         "arrest.", SALCEDO),
        ("Salcedo was seen in the hands of police in Culiacán; police denied his "
         "arrest.", SALCEDO),
        ("Salcedo was filmed while being arrested in Culiacán; police denied his "
         "arrest.", SALCEDO),
        ("Salcedo was caught on camera being arrested in Culiacán; police denied "
         "his arrest.", SALCEDO),
        ("Salcedo was seen being hauled off by police in Culiacán; police denied "
         "his arrest.", SALCEDO),
        ("Dragan Vuković was seen being handcuffed in Budva; police denied his "
         "arrest.", VUKOVIC),
        # W6: captured on camera is a seeing
        ("Salcedo was captured on camera in Culiacán; police denied the "
         "sighting.", SALCEDO),
        ("Salcedo was captured on video in Culiacán; police dismissed the "
         "sighting.", SALCEDO),
        # W7: a reason that denies presence
        ("Salcedo was seen in Culiacán; police denied his arrest, saying he was "
         "not in Culiacán but in Mazatlán.", SALCEDO),
        ("Salcedo was seen in Culiacán; police denied his arrest, saying he had "
         "never set foot there.", SALCEDO),
    ],
)  # fmt: skip
def test_a_denial_of_the_event_told_takes_it_back(
    text: str, target: str, nlp: Any
) -> None:
    r = _read(text, nlp, target=target)
    assert seen(r) == [] and negated(r)


def test_a_seeing_captured_on_cctv_is_no_arrest(nlp: Any) -> None:
    r = _read(
        "Salcedo was captured on CCTV in Culiacán; police denied his arrest.", nlp
    )
    assert seen(r) == [("Culiacán", "certain")]


def test_a_place_put_in_the_stead_is_kept_as_claims(nlp: Any) -> None:
    r = _read(
        "Salcedo was seen in Culiacán; police denied his arrest, saying he was not "
        "in Culiacán but in Mazatlán.",
        nlp,
    )
    got = sorted((c.place_name, str(c.polarity)) for c in claims(r))
    assert got == [("Culiacán", "is_not"), ("Mazatlán", "is")]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # W8: a denial of the death joined to one of another event
        ("Salcedo was killed in Culiacán; police denied reports of his arrest and "
         "of his death.", SALCEDO),
        ("Salcedo was shot dead in Culiacán on Monday; police denied reports of "
         "his arrest, as well as of his death.", SALCEDO),
        ("Salcedo died in Culiacán; police denied reports of his arrest, as well "
         "as of his death.", SALCEDO),
        ("Salcedo was killed in Culiacán; police denied reports of his arrest and "
         "that he had been killed.", SALCEDO),
        ("Salcedo was killed in Culiacán; police denied the report of his arrest, "
         "which said he had been killed.", SALCEDO),
        ("Salcedo was killed in Culiacán; police denied reports of his arrest, and "
         "reports of his death.", SALCEDO),
        ("Salcedo was killed in Culiacán; police denied reports of his arrest but "
         "also of his death.", SALCEDO),
        ("Hamadou Ag Alher was killed in an airstrike near Gao; police denied "
         "reports of his arrest and of his death.", AG_ALHER),
        ("Jane Doe died in Leeds; police denied reports of her arrest and that she "
         "had been killed.", DOE),
        # W9: the denied death the only one told
        ("Rodrigo Salcedo Ibarra was seen in Culiacán. Police denied reports of "
         "his arrest and that he had been killed.", SALCEDO),
        ("Salcedo was executed in Culiacán; police denied reports of his arrest "
         "and that he had been killed.", SALCEDO),
        ("Salcedo was executed in Culiacán; police denied reports of his arrest, "
         "as well as of his death.", SALCEDO),
        ("Dragan Vuković was murdered in Budva; police denied reports of his "
         "arrest and that he had been killed.", VUKOVIC),
    ],
)  # fmt: skip
def test_a_denied_death_joined_to_another_event_is_no_death(
    text: str, target: str, nlp: Any
) -> None:
    r = _read(text, nlp, target=target)
    assert lives(r) == [] and negated(r)


@pytest.mark.parametrize(
    "text",
    [
        "Salcedo was killed in Culiacán; police denied reports of his arrest and of "
        "his brother's death.",
        "Salcedo was killed in Culiacán; police denied reports of his arrest and "
        "that his brother had been killed.",
        "Salcedo was killed in Culiacán; police denied his arrest, saying he had "
        "been killed in a shootout.",
        "Salcedo was killed in Culiacán; police denied his arrest and said he had "
        "been killed in a shootout.",
        "Salcedo was killed in Culiacán; police denied the arrest of the gunman who "
        "killed him.",
        "Salcedo was killed in Culiacán; police denied reports of his arrest, as "
        "well as of his brother's death.",
    ],
)
def test_a_denial_of_another_event_still_leaves_the_death(text: str, nlp: Any) -> None:
    r = _read(text, nlp)
    assert lives(r) == [("dead", "certain")]
    assert not negated(r)


def test_a_death_reported_and_confirmed_is_no_denial(nlp: Any) -> None:
    r = _read(
        "Rodrigo Salcedo Ibarra was seen in Culiacán. Police confirmed reports of "
        "his arrest and that he had been killed.",
        nlp,
    )
    assert lives(r) == [("dead", "probable")]
