"""Review r112, W7-W11 (helper l114): a denial of a kind the seeing also told.

A101 made a denial take back only an event of its own kind. The seeing of an
arrest is of both kinds ("was seen *being arrested* in Culiacán", "*in
custody*", "*in handcuffs*"; W7, W8), as is one whose place tells of an
arrest of the one seen ("seen in Culiacán, *where he was arrested*"; W10); a
denial of joined events covers each one's kind ("denied *the arrest and the
sighting*"; W9); and a denial whose reason says the one told of was not there
denies the event told, whatever its kind ("denied his arrest, *saying he had
never been there*"; W11). Also (U5): a denial of a clause that tells the event
told again ("was arrested ...; police denied *that he had been captured*").
Each with near misses that keep a101's reading.
"""

from __future__ import annotations

from typing import Any

import pytest

from reading import negated, reader, seen

SALCEDO = "Rodrigo Salcedo Ibarra"
DOE = "Jane Doe"
_read = reader(SALCEDO)

pytestmark = pytest.mark.nlp


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # W7: a witnessed arrest
        ("Salcedo was seen being arrested in Culiacán; police denied his arrest.",
         SALCEDO),
        ("Salcedo was seen being detained in Culiacán; police denied the arrest.",
         SALCEDO),
        ("Salcedo was filmed being arrested in Culiacán; police denied his arrest.",
         SALCEDO),
        ("Salcedo was photographed being detained in Culiacán; police denied his "
         "detention.", SALCEDO),
        ("Salcedo was filmed being led away by soldiers in Culiacán; the army "
         "denied his capture.", SALCEDO),
        ("Salcedo was seen being taken into custody in Culiacán; police denied his "
         "arrest.", SALCEDO),
        ("Salcedo was seen in custody in Culiacán; police denied his arrest.",
         SALCEDO),
        ("Salcedo was photographed in handcuffs in Culiacán; police denied his "
         "arrest.", SALCEDO),
        ("Jane Doe was seen being arrested in Manchester; police denied her "
         "arrest.", DOE),
        # W9: joined events
        ("Salcedo was seen in Culiacán; police denied the arrest and the "
         "sighting.", SALCEDO),
        ("Salcedo was seen in Culiacán; police denied his arrest and any "
         "sighting.", SALCEDO),
        ("Salcedo was seen in Culiacán; police denied the sighting and his "
         "arrest.", SALCEDO),
        # W10: an arrest at the place seen
        ("Salcedo was seen in Culiacán, where he was arrested; police denied his "
         "arrest.", SALCEDO),
        ("Jane Doe was seen in Manchester, where she was arrested; police denied "
         "the arrest.", DOE),
        # W11: a reason that denies presence
        ("Salcedo was seen in Culiacán; police denied his arrest, saying he had "
         "never been there.", SALCEDO),
        ("Salcedo was seen in Culiacán; police denied his arrest, saying he has "
         "not been in the country.", SALCEDO),
        ("Salcedo was seen in Culiacán; police denied his arrest and said he had "
         "never been there.", SALCEDO),
        ("Jane Doe was seen in Manchester; police denied her arrest, saying she "
         "had never been there.", DOE),
        # U5: a clause that tells the event again
        ("Salcedo was arrested in Culiacán; police denied that he had been "
         "captured.", SALCEDO),
        ("Salcedo was detained in Culiacán; police denied that he had been "
         "arrested.", SALCEDO),
        ("Salcedo was arrested in Culiacán; police denied the arrest took place.",
         SALCEDO),
        ("Salcedo was arrested in Culiacán; police denied that he had been "
         "captured in Sinaloa.", SALCEDO),
        ("Salcedo was seen in Culiacán; police denied that he had been seen "
         "there.", SALCEDO),
        ("Salcedo was seen in Culiacán; police denied that he had ever been "
         "there.", SALCEDO),
    ],
)  # fmt: skip
def test_a_denial_of_a_kind_the_seeing_told_takes_it_back(
    text: str, target: str, nlp: Any
) -> None:
    r = _read(text, nlp, target=target)
    assert seen(r) == [] and negated(r)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Salcedo was seen walking in Culiacán; police denied his arrest.", SALCEDO),
        ("Salcedo was seen being questioned in Culiacán; police denied his "
         "arrest.", SALCEDO),
        ("Salcedo was seen being led away by his wife in Culiacán; police denied "
         "his arrest.", SALCEDO),
        ("Salcedo was seen being kidnapped in Culiacán; police denied his arrest.",
         SALCEDO),
        ("Salcedo was seen in custody in Culiacán; police denied his death.",
         SALCEDO),
        ("Salcedo was seen in Culiacán; police denied the arrest and the "
         "shooting.", SALCEDO),
        ("Salcedo was seen in Culiacán; police denied the arrest and the sighting "
         "of his brother.", SALCEDO),
        ("Salcedo was seen in Culiacán, where his brother was arrested; police "
         "denied his arrest.", SALCEDO),
        ("Salcedo was seen in Culiacán, where he was born; police denied his "
         "arrest.", SALCEDO),
        ("Jane Doe was seen in Manchester, where he was arrested; police denied "
         "the arrest.", DOE),
        ("Salcedo was seen in Culiacán; police denied his arrest, saying he was "
         "still at large.", SALCEDO),
        ("Salcedo was seen in Culiacán; police denied his arrest, saying he was "
         "not in custody.", SALCEDO),
        ("Salcedo was seen in Culiacán; police denied his arrest, saying his "
         "brother had never been there.", SALCEDO),
        ("Salcedo was seen in Culiacán; police denied the arrest of his brother, "
         "saying he had never been there.", SALCEDO),
        ("Salcedo was seen in Culiacán; police denied his arrest, saying he was "
         "not in Durango.", SALCEDO),
        ("Jane Doe was seen in Manchester; police denied her arrest, saying he "
         "had never been there.", DOE),
        ("Salcedo was seen in Culiacán; police denied that he had been "
         "arrested.", SALCEDO),
        ("Salcedo was arrested in Culiacán; police denied that he had been "
         "captured in Durango.", SALCEDO),
        ("Salcedo was arrested in Culiacán; police denied that his brother had "
         "been captured.", SALCEDO),
        ("Salcedo was arrested in Culiacán; police denied that he had been "
         "tortured.", SALCEDO),
        ("Salcedo was seen in Culiacán; police denied the shooting took place.",
         SALCEDO),
        ("Salcedo was seen in Culiacán; police denied that he was in custody.",
         SALCEDO),
        ("Jane Doe was arrested in Manchester; police denied that he had been "
         "detained.", DOE),
    ],
)  # fmt: skip
def test_a_denial_of_no_kind_the_seeing_told_leaves_it(
    text: str, target: str, nlp: Any
) -> None:
    r = _read(text, nlp, target=target)
    place = "Manchester" if target == DOE else "Culiacán"
    assert seen(r) == [(place, "certain")]


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        # W8: a doubt of a witnessed arrest
        ("Salcedo was seen being arrested in Culiacán; his arrest could not be "
         "confirmed.", "possible"),
        ("Salcedo was seen being arrested in Culiacán; the arrest has not been "
         "confirmed.", "possible"),
        ("Salcedo was seen being arrested in Culiacán; his detention could not be "
         "verified.", "possible"),
        ("Salcedo was filmed being arrested in Culiacán; his arrest could not be "
         "confirmed.", "possible"),
        ("Salcedo was seen in custody in Culiacán; his arrest could not be "
         "confirmed.", "possible"),
        ("Salcedo was seen in Culiacán; his arrest and the sighting could not be "
         "confirmed.", "possible"),
        ("Salcedo was seen being arrested in Culiacán; police denied the arrest "
         "of the suspect.", "possible"),
        # near misses
        ("Salcedo was seen walking in Culiacán; his arrest could not be "
         "confirmed.", "certain"),
        ("Salcedo was seen in Culiacán; his arrest and his death could not be "
         "confirmed.", "certain"),
        ("Salcedo was seen being arrested in Culiacán; his death could not be "
         "confirmed.", "certain"),
    ],
)  # fmt: skip
def test_a_doubt_of_a_kind_the_seeing_told_hedges_it(
    text: str, hedge: str, nlp: Any
) -> None:
    assert seen(_read(text, nlp)) == [("Culiacán", hedge)]
