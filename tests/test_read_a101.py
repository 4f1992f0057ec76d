"""Review r93, #7 (helper a101): a denial takes back only an event of its own kind.

"Salcedo was seen in Culiacán; police denied *his arrest* (in Sinaloa)": a
denied arrest is no denied sighting, and the sighting stays as it was; nor
does a denied death (or a report of one) take back an arrest, nor a denied
arrest a going missing or a kidnapping. A denial of the kind told still takes
it back ("was arrested ...; police denied his arrest", "was seen ...; police
denied the sighting"), and so does one of a kind joined to the seeing ("was
seen and arrested ...; police denied his arrest", "was arrested and seen"), or
after a finding, which may be any ("was found in Culiacán; police denied his
arrest").
"""

from __future__ import annotations

from typing import Any

import pytest

from reading import lives, negated, reader, seen

SALCEDO = "Rodrigo Salcedo Ibarra"
DOE = "Jane Doe"
HAMILTON = "Sydney Hamilton"
_read = reader(SALCEDO)

pytestmark = pytest.mark.nlp


@pytest.mark.parametrize(
    ("text", "target", "place"),
    [
        ("Salcedo was seen in Culiacán, Milenio reported; police denied his arrest "
         "in Sinaloa.", SALCEDO, "Culiacán"),
        ("Salcedo was seen in Culiacán last week, Milenio reported; police denied "
         "his arrest in Mexico.", SALCEDO, "Culiacán"),
        ("Salcedo was seen in Culiacán, Milenio reported; police denied his "
         "arrest.", SALCEDO, "Culiacán"),
        ("Salcedo was seen in Culiacán; police denied reports of his arrest.",
         SALCEDO, "Culiacán"),
        ("Salcedo was seen in Culiacán on Monday; police denied the arrest.",
         SALCEDO, "Culiacán"),
        ("Salcedo was seen in Culiacán on Monday; police denied the arrest of the "
         "suspect.", SALCEDO, "Culiacán"),
        ("Salcedo was seen in Culiacán on Monday; police denied the arrest of the "
         "man.", SALCEDO, "Culiacán"),
        ("Salcedo was arrested in Culiacán, Milenio reported; police denied the "
         "death of the suspect.", SALCEDO, "Culiacán"),
        ("Salcedo was arrested in Culiacán; police denied the report of his "
         "death.", SALCEDO, "Culiacán"),
        ("Jane Doe was last seen in Leeds on Friday; police denied the arrest of "
         "the suspect.", DOE, "Leeds"),
        ("Jane Doe was last seen in Leeds on Friday; police denied her arrest.",
         DOE, "Leeds"),
        ("Jane Doe went missing in Leeds on Friday; police denied her arrest.",
         DOE, "Leeds"),
        ("Sydney Hamilton was last seen in Vancouver on Friday; RCMP denied the "
         "arrest of the suspect.", HAMILTON, "Vancouver"),
        ("Sydney Hamilton disappeared in Vancouver in 2016; RCMP denied the "
         "detention of the suspect.", HAMILTON, "Vancouver"),
        ("Sydney Hamilton disappeared in Vancouver in 2016; RCMP denied her "
         "detention.", HAMILTON, "Vancouver"),
        ("Salcedo was kidnapped in Culiacán on Monday; police denied the arrest of "
         "the suspect.", SALCEDO, "Culiacán"),
        ("Salcedo was abducted in Culiacán; police denied his capture.", SALCEDO,
         "Culiacán"),
    ],
)  # fmt: skip
def test_a_denial_of_another_kind_leaves_the_seeing(
    text: str, target: str, place: str, nlp: Any
) -> None:
    r = _read(text, nlp, target=target)
    assert seen(r) == [(place, "certain")]
    assert not _seeing_denied(r)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Salcedo was arrested in Culiacán; police denied his arrest.", SALCEDO),
        ("Salcedo was arrested in Culiacán, Milenio reported; police denied his "
         "arrest in Sinaloa.", SALCEDO),
        ("Salcedo was arrested in Culiacán on Monday; police later denied the "
         "arrest, saying the man held was his brother.", SALCEDO),
        ("Salcedo was arrested in Culiacán; police denied reports of his arrest.",
         SALCEDO),
        ("Salcedo was detained in Culiacán; police denied his arrest.", SALCEDO),
        ("Salcedo was captured in Culiacán; the navy denied his capture.", SALCEDO),
        ("Salcedo was seen in Culiacán, Milenio reported; police denied the "
         "sighting.", SALCEDO),
        ("Salcedo was seen in Culiacán; police denied it.", SALCEDO),
        ("Jane Doe was caught on camera in Leeds; police denied the sighting.",
         DOE),
        ("Salcedo was seen and arrested in Culiacán; police denied his arrest.",
         SALCEDO),
        ("Salcedo was arrested and seen in Culiacán; police denied his arrest.",
         SALCEDO),
        ("Salcedo was found in Culiacán; police denied his arrest.", SALCEDO),
    ],
)  # fmt: skip
def test_a_denial_of_the_kind_told_still_takes_it_back(
    text: str, target: str, nlp: Any
) -> None:
    r = _read(text, nlp, target=target)
    assert seen(r) == [] and negated(r)


def test_a_denied_death_is_still_taken_back(nlp: Any) -> None:
    r = _read("Salcedo was killed in Culiacán; his family denied his death.", nlp)
    assert lives(r) == [] and negated(r)


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("Salcedo was arrested in Culiacán on Monday; police denied the arrest of "
         "the suspect.", "possible"),
        ("Salcedo was spotted in Culiacán; police denied the sighting of the "
         "suspect.", "possible"),
        ("Salcedo was seen in Culiacán; the location of the sighting has not been "
         "confirmed.", "possible"),
        ("Salcedo was seen in Culiacán; the location of his arrest has not been "
         "confirmed.", "certain"),
        ("Salcedo was seen in Culiacán; his arrest could not be confirmed.",
         "certain"),
    ],
)  # fmt: skip
def test_a_doubt_of_the_kind_told_hedges_it(text: str, hedge: str, nlp: Any) -> None:
    assert seen(_read(text, nlp)) == [("Culiacán", hedge)]


def _seeing_denied(r: Any) -> bool:
    return any(x.detail.startswith("a sighting that is denied") for x in r.rejected)


def test_a_documents_words_are_found_again_after_a_new_parse(nlp: Any) -> None:
    from spacy.attrs import DEP

    from geosleuth.read._denied_owners import _doc_words

    doc = nlp("A gunman shot Salcedo in Culiacán.")
    words = _doc_words(doc)
    assert _doc_words(doc) is words
    deps = doc.to_array([DEP])
    deps[:] = 0  # the reading parses a document again where it parses more of it
    doc.from_array([DEP], deps)
    assert _doc_words(doc) is not words
