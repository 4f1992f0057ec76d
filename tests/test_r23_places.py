"""Places of review r23, rule 3 (P-b, P-d and the medium findings).

Each test reads the review's probe sentences of fugitive reports (or close
variants) and sentences on the other side of each rule. The target arrested
"wanted in Texas, was arrested in Phoenix" is seen in Phoenix, though the parse
makes "wanted" the sentence's verb; a surname is no place after "around" or
"east of" when the text writes it as a person's ("Gutiérrez, the mayor",
"Gutiérrez's ranch"), nor a town's other name when it is only the last word of
that town's longer name (Tuxtla Gutiérrez); and a place is read after "fled
Culiacán for", after "the town of" in quotation marks, and before "side of the
border".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geosleuth.read.toponyms import find_toponyms
from reading import affirms_nothing, claims, reader, sightings

pytestmark = pytest.mark.nlp

SALCEDO = "Rodrigo Salcedo Ibarra"
AG_ALHER = "Hamadou Ag Alher"
MONDAY = dt.date(2018, 6, 4)  # the Monday before PUB

_read = reader(SALCEDO)


def _seen(reading: Any) -> list[tuple[str | None, dt.date | None]]:
    """(place, date) of each sighting of a reading."""
    return [(s.place_name, s.date) for s in sightings(reading)]


def _claimed(reading: Any) -> list[str | None]:
    """The places of a reading's claims that the target is there."""
    return [c.place_name for c in claims(reading) if c.polarity == "is"]


# -- P-b: "X, wanted in Texas, was arrested in Phoenix" -------------------------------
@pytest.mark.parametrize(
    ("text", "place"),
    [
        # each gave nothing, and set nothing aside (review r23 P-b, P2, P2c, P2d)
        ("Rodrigo Salcedo, wanted in Texas on murder charges, was arrested in "
         "Phoenix on Monday.", "Phoenix"),
        ("Rodrigo Salcedo, wanted in Texas on murder charges, was arrested in El "
         "Paso, Texas, on Monday.", "El Paso"),
        ("Rodrigo Salcedo, wanted on murder charges, was arrested in Phoenix on "
         "Monday.", "Phoenix"),
        ("Rodrigo Salcedo, 45, wanted in Texas on murder charges, was arrested in "
         "Phoenix on Monday.", "Phoenix"),
        ("Rodrigo Salcedo, wanted in Texas on murder charges, was captured in "
         "Phoenix on Monday.", "Phoenix"),
    ],
)  # fmt: skip
def test_arrested_after_a_wanted_apposition_is_seen_there(
    text: str, place: str, nlp: Any
) -> None:
    r = _read(text, nlp)
    assert _seen(r) == [(place, MONDAY)]
    assert "arrested" in sightings(r)[0].note or "captured" in sightings(r)[0].note
    assert not claims(r)  # "wanted in Texas" is no claim that he is in Texas


def test_only_the_target_of_the_apposition_is_arrested(nlp: Any) -> None:
    # the brother's arrest in the same sentence is not the target's
    r = _read(
        "Rodrigo Salcedo, wanted in Texas on murder charges, was arrested in "
        "Phoenix on Monday, and his brother was arrested in Tucson.",
        nlp,
    )
    assert _seen(r) == [("Phoenix", MONDAY)]
    # near misses: another person arrested, with or without the apposition
    for text in (
        "His brother, wanted in Texas on murder charges, was arrested in Phoenix "
        "on Monday.",
        "Salcedo's brother, wanted in Texas on murder charges, was arrested in "
        "Phoenix on Monday.",
        "Rodrigo Salcedo was wanted in Texas on murder charges, and his brother "
        "was arrested in Phoenix on Monday.",
        "Wanted in Texas on murder charges, his brother was arrested in Phoenix on "
        "Monday.",
    ):
        assert affirms_nothing(_read(text, nlp)), text


def test_wanted_then_arrested_keeps_the_rules_of_a_finding(nlp: Any) -> None:
    # a hedge stays a hedge, a denial or an arrest to come is no sighting
    r = _read(
        "Rodrigo Salcedo, wanted in Texas on murder charges, may have been "
        "arrested in Phoenix on Monday, police said.",
        nlp,
    )
    assert _seen(r) == [("Phoenix", MONDAY)]
    assert sightings(r)[0].hedge == "possible"
    for text in (
        "Rodrigo Salcedo, wanted in Texas on murder charges, was not arrested in "
        "Phoenix on Monday.",
        "Rodrigo Salcedo, wanted in Texas on murder charges, will be arrested in "
        "Phoenix.",
    ):
        assert affirms_nothing(_read(text, nlp)), text
    # "was wanted ... and is believed to be in Phoenix": a claim, as before
    r = _read(
        "Rodrigo Salcedo was wanted in Texas on murder charges and is believed to "
        "be in Phoenix.",
        nlp,
    )
    assert not sightings(r)
    assert _claimed(r) == ["Phoenix"]
    assert claims(r)[0].hedge == "probable"


# -- P-d: a surname after "around", "east of", "near" ---------------------------------
@pytest.mark.parametrize(
    "text",
    [
        # gave Tuxtla IS, "40 km east of Tuxtla" IS, Ramírez IS (review r23 P-d)
        "Salcedo was hiding with people around Gutiérrez, the mayor, officials said.",
        "Salcedo was hiding with people close to Gutiérrez, the mayor, officials said.",
        "Salcedo is hiding 40 km east of Gutiérrez's ranch",
        "Salcedo is hiding near Gutiérrez's ranch",
        "Salcedo is hiding in the mountains with the men around Ramírez, his deputy",
        "Salcedo is hiding 40 km east of Gutiérrez's ranch, officials said. Those "
        "around Gutiérrez deny it.",
    ],
)
def test_a_name_written_as_a_persons_is_no_place(text: str, nlp: Any) -> None:
    r = _read(text, nlp)
    assert affirms_nothing(r)
    assert any(x.reason == "no_place" for x in r.rejected)


def test_a_place_beside_a_person_stays_a_place(nlp: Any) -> None:
    # the possessive of a person's thing and a role before the place
    r = _read("Salcedo is hiding at Guzmán's ranch near Tamazula, officials said.", nlp)
    assert _claimed(r) == ["Tamazula"]
    # near misses: a town's own possessive, an apposition that is no role, one
    # of the noun before "of"
    r = _read("Salcedo is hiding near Culiacán's airport, officials said.", nlp)
    # the airport itself since helper d204 (airportsdata)
    assert _claimed(r) == ["Federal de Bachigualato International Airport"]
    r = _read("Salcedo was seen in Cosalá, his home town, on Monday.", nlp)
    assert _seen(r) == [("Cosalá", MONDAY)]
    r = _read(
        "Salcedo is hiding in Tamazula, officials said. The mayor of Tamazula, a "
        "former ally, denied it.",
        nlp,
    )
    assert _claimed(r) == ["Tamazula"]


def test_the_last_word_of_a_towns_longer_name_is_not_that_town(nlp: Any) -> None:
    # GeoNames has "Gutierrez" as another name of Tuxtla (Tuxtla Gutiérrez)
    ms = find_toponyms(
        "Salcedo was hiding with people around Gutiérrez, officials said.", nlp=nlp
    )
    gutierrez = [m for m in ms if m.text == "Gutiérrez"]
    assert all(m.name != "Tuxtla" for m in gutierrez)
    # the town by its full name, and a word that is a town's own name
    ms = find_toponyms("Officials in Tuxtla Gutiérrez said he fled.", nlp=nlp)
    assert [(m.text, m.name) for m in ms] == [("Tuxtla Gutiérrez", "Tuxtla")]
    ms = find_toponyms("Police in Ciudad Juárez said he fled to Juárez.", nlp=nlp)
    assert [(m.text, m.name) for m in ms] == [
        ("Ciudad Juárez", "Ciudad Juárez"),
        ("Juárez", "Ciudad Juárez"),
    ]


# -- medium: "fled X for Y", 'the town of "Y"', "the Y side of the border" ----------
def test_a_place_fled_for_is_read(nlp: Any) -> None:
    # gave Durango only: Tamazula was lost (review r23 P-a, third probe)
    r = _read("Salcedo fled Culiacán for Tamazula, in neighbouring Durango state.", nlp)
    assert "Tamazula de Victoria" in _claimed(r)
    r = _read("Salcedo fled Culiacán for Tamazula.", nlp)
    assert _claimed(r) == ["Tamazula"]
    assert any(x.quote == "Culiacán" and "place left" in x.detail for x in r.rejected)
    # near miss: "for" that names no place
    assert affirms_nothing(_read("Salcedo fled Culiacán for fear of arrest.", nlp))


@pytest.mark.parametrize(
    "text",
    [
        # each gave a second claim, on the whole state (review r23 P-a, fourth probe)
        "Salcedo fled Culiacán for Tamazula, in neighbouring Durango state.",
        "Salcedo is hiding in Tamazula, in Durango state, officials said.",
        "Salcedo is hiding in Tamazula, in northern Durango, officials said.",
        "Salcedo is hiding in Tamazula, Durango, officials said.",
    ],
)
def test_the_state_of_a_town_after_in_only_qualifies_it(text: str, nlp: Any) -> None:
    r = _read(text, nlp)
    assert _claimed(r) == ["Tamazula de Victoria"]
    assert any(
        x.quote == "Durango" and "only qualifies" in x.detail for x in r.rejected
    )


def test_a_state_after_in_that_holds_another_town_is_no_qualifier(nlp: Any) -> None:
    # near miss: Culiacán is in Sinaloa, not Durango; both stay places
    r = _read("Salcedo is hiding in Culiacán, in neighbouring Durango state.", nlp)
    assert "Durango" in _claimed(r)


@pytest.mark.parametrize(
    "text",
    [
        # set aside with "no resolved place" (review r23, rule 3, medium)
        'Salcedo was last seen in the town of "Tamazula", residents said.',
        "Salcedo was last seen in the town of Tamazula, residents said.",
    ],
)
def test_a_town_named_after_the_town_of_is_read(text: str, nlp: Any) -> None:
    r = _read(text, nlp)
    assert [(s.place_name, s.provenance.speaker) for s in sightings(r)] == [
        ("Tamazula", "Residents")
    ]


def test_the_side_of_a_border_is_that_country(nlp: Any) -> None:
    # gave no place (review r23, rule 3, medium)
    for target in (AG_ALHER, SALCEDO):
        who = "Ag Alher" if target == AG_ALHER else "Salcedo"
        r = _read(
            f"{who} is hiding on the Niger side of the border, officials said.",
            nlp,
            target=target,
        )
        assert _claimed(r) == ["Niger"]
        assert claims(r)[0].provenance.speaker == "Officials"


def test_fled_to_what_is_based_somewhere_is_there(nlp: Any) -> None:
    # gave nothing: "-based" made Guatemala an origin (review r23, rule 3, medium)
    r = _read("Salcedo fled to a Guatemala-based cartel cell, officials said.", nlp)
    assert _claimed(r) == ["Guatemala"]
    # near miss: a tie with no movement stays an origin
    r = _read("Salcedo joined a Guatemala-based cartel cell, officials said.", nlp)
    assert not _claimed(r)
    assert any(x.quote == "Guatemala" and "'-based'" in x.detail for x in r.rejected)
