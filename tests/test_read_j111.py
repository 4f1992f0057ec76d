"""Helper j111: a denial takes a death back only where it denies a death.

"Salcedo was killed in Culiacán; police denied *his arrest*" (or "*reports of
his arrest*") denies no death, which stays as told; "...; his family denied
*his death*", "...; police denied *reports of his death*" still take it back,
as a denial of an event of the death's kind does for a sighting (review r93,
#7, helper a101). And the gendered nouns that a "his" or "her" may stand for
are found again where the document was parsed again since.
"""

from __future__ import annotations

from typing import Any

import pytest

from reading import lives, negated, reader

SALCEDO = "Rodrigo Salcedo Ibarra"
DOE = "Jane Doe"
_read = reader(SALCEDO)

pytestmark = pytest.mark.nlp


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Salcedo was killed in Culiacán; police denied his arrest.", SALCEDO),
        ("Salcedo was killed in Culiacán; police denied the arrest.", SALCEDO),
        ("Salcedo was shot dead in Culiacán on Monday; police denied his "
         "detention.", SALCEDO),
        ("Salcedo was killed in Culiacán; police denied his capture.", SALCEDO),
        ("Salcedo was killed in Culiacán; police denied reports of his arrest.",
         SALCEDO),
        ("Salcedo was killed in Culiacán; police denied the claim of his capture.",
         SALCEDO),
        ("Jane Doe died in Leeds; police denied her arrest.", DOE),
    ],
)  # fmt: skip
def test_a_denial_of_another_kind_leaves_the_death(
    text: str, target: str, nlp: Any
) -> None:
    r = _read(text, nlp, target=target)
    assert lives(r) == [("dead", "certain")]
    assert not negated(r)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Salcedo was killed in Culiacán; his family denied his death.", SALCEDO),
        ("Salcedo was killed in Culiacán; police denied reports of his death.",
         SALCEDO),
        ("Salcedo was killed in Culiacán; police denied his death.", SALCEDO),
        ("Salcedo was killed in Culiacán; police denied the death.", SALCEDO),
        ("Salcedo was killed in Culiacán; police denied his killing.", SALCEDO),
        ("Salcedo was killed in Culiacán; police denied it.", SALCEDO),
        ("Salcedo was killed in Culiacán; police denied his arrest and his death.",
         SALCEDO),
        ("Salcedo was killed in Culiacán; police denied reports of his arrest and "
         "death.", SALCEDO),
        ("Jane Doe died in Leeds; police denied her death.", DOE),
    ],
)  # fmt: skip
def test_a_denial_of_a_death_still_takes_it_back(
    text: str, target: str, nlp: Any
) -> None:
    r = _read(text, nlp, target=target)
    assert lives(r) == [] and negated(r)


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("Salcedo was killed in Culiacán; police denied the death of the gunman.",
         "certain"),
        ("Salcedo was killed in Culiacán; police denied the arrest of the "
         "suspect.", "certain"),
        ("Salcedo was killed in Culiacán; the army denied the death of the drug "
         "lord.", "possible"),
    ],
)  # fmt: skip
def test_a_denial_of_anothers_event_is_as_it_was(
    text: str, hedge: str, nlp: Any
) -> None:
    assert lives(_read(text, nlp)) == [("dead", hedge)]


def test_gendered_nouns_are_found_again_after_a_new_parse(nlp: Any) -> None:
    from spacy.attrs import POS

    from geosleuth.read._sighting_places import _gendered_nouns

    doc = nlp("Salcedo's wife was detained in Culiacán.")
    wife = next(t for t in doc if t.lower_ == "wife")
    assert [i for i, _ in _gendered_nouns(doc)["she"]] == [wife.i]
    pos = doc.to_array([POS])
    pos[:] = doc.vocab.strings["PROPN"]  # the reading parses a document again
    doc.from_array([POS], pos)
    assert _gendered_nouns(doc)["she"] == []
