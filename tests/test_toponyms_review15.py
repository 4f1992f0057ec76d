"""A country named as journalists name it places the town (review r11, #9).

Before: "Tripoli, Lebanon" was Tripoli, Lebanon, but "Tripoli in Lebanon",
"Tripoli, in northern Lebanon", "Tripoli (Lebanon)" and "the northern Lebanese
city of Tripoli" were Tripoli, Libya (2,100 km off), the most populous Tripoli,
and the first three also made a second claim, on Lebanon. A large town's name
ignored "in Y", a direction before Y ("in northern Lebanon") hid Y from every
name, and neither a country in parentheses nor a demonym before "city of X"
qualified a name at all. A qualifier at the end of a sentence ran on into the
next ("Lebanon. The") and named nothing, and a second, bare "Tripoli" went back
to Libya. Smaller towns ("the Syrian town of Hajin") were placed by the
country's mention already, and are read as before.
"""

from __future__ import annotations

from typing import Any

import pytest

from geosleuth.evidence import Claim
from geosleuth.gazetteer import Gazetteer
from geosleuth.read.toponyms import Mention, find_toponyms, resolve_toponyms
from reading import claims, reader

RASHID = "Khalid al-Rashid"
TRIPOLI_LB = (34.43, 35.84)  # (lat, lon) of Tripoli, Lebanon
TRIPOLI_LY = (32.89, 13.19)  # ... of Tripoli, Libya
HAJIN = (34.70, 40.83)  # ... of Hajin, Syria
RAS_AL_AIN_SY = (36.85, 40.07)  # ... of Ra's al-'Ayn, Syria


def _mention(text: str, name: str, gaz: Gazetteer, nlp: Any) -> Mention:
    ms = [m for m in find_toponyms(text, gazetteer=gaz, nlp=nlp) if m.text == name]
    assert len(ms) == 1, ms
    return ms[0]


def _at(m: Mention) -> tuple[str | None, float, float]:
    """(country, lat, lon) of a mention's place."""
    return (m.place.country if m.place else None, m.lat, m.lon)


def _claims(text: str, nlp: Any) -> list[Claim]:
    return claims(reader(RASHID)(text, nlp))


# "X, Y" already worked; the other forms are how wire copy writes it
IN_LEBANON = [
    "Police said Khalid al-Rashid is hiding in Tripoli, Lebanon.",
    "Police said Khalid al-Rashid is hiding in Tripoli in Lebanon.",
    "Police said Khalid al-Rashid is hiding in Tripoli, in northern Lebanon.",
    "Police said Khalid al-Rashid is hiding in the northern Lebanese city of Tripoli.",
    "Police said Khalid al-Rashid is hiding in Tripoli (Lebanon).",
    "Police said Khalid al-Rashid is hiding in Tripoli, northern Lebanon.",
    "Police said Khalid al-Rashid is hiding in Tripoli in the north of Lebanon.",
]


@pytest.mark.parametrize("text", IN_LEBANON)
def test_tripoli_qualified_by_lebanon_is_tripoli_lebanon(
    text: str, gaz: Gazetteer, ner: Any
) -> None:
    country, lat, lon = _at(_mention(text, "Tripoli", gaz, ner))
    assert country == "LB"
    assert (lat, lon) == (
        pytest.approx(TRIPOLI_LB[0], abs=0.05),
        pytest.approx(TRIPOLI_LB[1], abs=0.05),
    )


@pytest.mark.nlp
@pytest.mark.parametrize("text", IN_LEBANON)
def test_the_claim_is_at_tripoli_lebanon_and_not_also_on_lebanon(
    text: str, nlp: Any
) -> None:
    cs = _claims(text, nlp)
    assert [c.place_name for c in cs] == ["Tripoli"]
    lat, lon = cs[0].place.lat, cs[0].place.lon  # type: ignore[union-attr]
    assert (lat, lon) == (
        pytest.approx(TRIPOLI_LB[0], abs=0.05),
        pytest.approx(TRIPOLI_LB[1], abs=0.05),
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Khalid al-Rashid is hiding in Tripoli in Lebanon.", "Tripoli"),
        ("Khalid al-Rashid is hiding in Tripoli, in northern Lebanon.", "Tripoli"),
        ("Khalid al-Rashid is hiding in the Lebanese port city of Tripoli.", "Tripoli"),
        ("Khalid al-Rashid is hiding in Tripoli (Lebanon).", "Tripoli"),
    ],
)
def test_given_spans_are_qualified_the_same_way(
    text: str, name: str, gaz: Gazetteer
) -> None:
    start = text.index(name)
    (m,) = resolve_toponyms(text, [(start, start + len(name))], gazetteer=gaz)
    assert _at(m)[0] == "LB"


@pytest.mark.parametrize(
    "text",
    [
        "Police said he is hiding in Tripoli, Lebanon. Tripoli has been calm.",
        "Police said he is hiding in Tripoli in Lebanon. Tripoli has been calm.",
        "He is hiding in the Lebanese city of Tripoli. Tripoli has been calm.",
        "Tripoli has been calm. He is hiding in Tripoli (Lebanon).",
    ],
)
def test_every_mention_of_the_name_is_the_qualified_place(
    text: str, gaz: Gazetteer, ner: Any
) -> None:
    """The qualifier ran on into the next sentence ("Lebanon. Tripoli") and
    named nothing, and a bare mention went back to the larger Tripoli."""
    ms = [m for m in find_toponyms(text, gazetteer=gaz, nlp=ner) if m.text == "Tripoli"]
    assert [_at(m)[0] for m in ms] == ["LB", "LB"]


@pytest.mark.parametrize(
    "text",
    [
        "He is hiding in Tripoli, Lebanon. The army is searching for him.",
        "He is hiding in Tripoli, in northern Lebanon. The army is searching.",
    ],
)
def test_a_qualifier_at_the_end_of_a_sentence_still_qualifies_the_town(
    text: str, gaz: Gazetteer, ner: Any
) -> None:
    assert _at(_mention(text, "Tripoli", gaz, ner))[0] == "LB"


def test_a_region_that_no_division_code_places_lies_in_its_state(
    gaz: Gazetteer,
) -> None:
    """Long Island has no division code: "N.Y." gave it nothing, and Long Island
    City (Queens, by another name "Long Island") won."""
    text = "He works at the Brookhaven laboratory on Long Island, N.Y."
    m = _mention(text, "Long Island", gaz, False)
    assert (m.name, m.place.kind if m.place else None) == ("Long Island", "region")


# -- controls: what already resolved right stays so --------------------------------


@pytest.mark.parametrize(
    ("text", "name", "country", "where"),
    [
        ("Libyan forces entered Tripoli.", "Tripoli", "LY", TRIPOLI_LY),
        (
            "Khalid al-Rashid is hiding in Tripoli in Libya.",
            "Tripoli",
            "LY",
            TRIPOLI_LY,
        ),
        ("He is hiding in the Libyan capital of Tripoli.", "Tripoli", "LY", TRIPOLI_LY),
        ("He is hiding in the Syrian town of Hajin.", "Hajin", "SY", HAJIN),
        ("He is hiding in Hajin, in eastern Syria.", "Hajin", "SY", HAJIN),
        # Syria named in the document already placed the small town
        (
            "He is hiding in Ras al-Ain, in northeastern Syria.",
            "Ras al-Ain",
            "SY",
            RAS_AL_AIN_SY,
        ),
        ("He is hiding in Ras al-Ain, Syria.", "Ras al-Ain", "SY", RAS_AL_AIN_SY),
    ],
)
def test_controls_keep_their_place(
    text: str,
    name: str,
    country: str,
    where: tuple[float, float],
    gaz: Gazetteer,
    ner: Any,
) -> None:
    got, lat, lon = _at(_mention(text, name, gaz, ner))
    assert got == country
    assert (lat, lon) == (
        pytest.approx(where[0], abs=0.05),
        pytest.approx(where[1], abs=0.05),
    )


@pytest.mark.nlp
def test_tripoli_in_a_libyan_story_is_still_the_libyan_capital(nlp: Any) -> None:
    cs = _claims("Libyan forces entered Tripoli. Khalid al-Rashid is in Tripoli.", nlp)
    assert [c.place_name for c in cs] == ["Tripoli"]
    lat, lon = cs[0].place.lat, cs[0].place.lon  # type: ignore[union-attr]
    assert (lat, lon) == (
        pytest.approx(TRIPOLI_LY[0], abs=0.05),
        pytest.approx(TRIPOLI_LY[1], abs=0.05),
    )


def test_a_demonym_places_a_small_town_as_context(gaz: Gazetteer) -> None:
    """The demonym is a mention of Syria, which outweighs a village's size.

    Rules only: spaCy calls "Ras al-Ain" after "border town of" a person, and
    the name is then not read at all. Alone, "Ras al-Ain" is the Moroccan
    village Ras El Aïn: GeoNames gives it 3,946 people and Ra's al-'Ayn none
    (0, unknown), and a bare name is the most populous place of that name.
    """
    text = "Khalid al-Rashid is hiding in the Syrian border town of Ras al-Ain."
    country, lat, lon = _at(_mention(text, "Ras al-Ain", gaz, False))
    assert country == "SY"
    assert (lat, lon) == (
        pytest.approx(RAS_AL_AIN_SY[0], abs=0.05),
        pytest.approx(RAS_AL_AIN_SY[1], abs=0.05),
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a country or state is not "qualified" by another: "in Y" names a place
        ("The envoy of Syria in Lebanon said so.", "Syria"),
        ("Officials from Texas in Washington met on Monday.", "Texas"),
    ],
)
def test_a_country_or_state_before_in_y_is_itself(
    text: str, name: str, gaz: Gazetteer
) -> None:
    m = _mention(text, name, gaz, False)
    assert m.place is not None
    assert m.place.kind in ("country", "admin")


@pytest.mark.parametrize("with_spacy", [False, True])
def test_a_short_name_at_a_sentences_end_is_found(
    with_spacy: bool, request: Any
) -> None:
    """review r11, #13: "hiding in Hama." found nothing; "in Hama, police said" did."""
    nlp = request.getfixturevalue("nlp") if with_spacy else False
    for text in ("Police said he is hiding in Hama.", "He is in Hama. He fled."):
        found = [(m.text, m.name) for m in find_toponyms(text, nlp=nlp)]
        assert found == [("Hama", "Ḩamāh")], (text, found)
