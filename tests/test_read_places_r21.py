"""Places of review r21 (findings 7, 10, 11): names that are no place of the target.

Each test reads real sentences of the review's fugitive reports (or close
variants) and sentences on the other side of each rule. A place named as the
one who seeks or backs the target ("wanted by Iraq and the U.S.-led coalition")
or as the name of an organisation ("a Sinaloa cartel faction") is a metonym, no
claim that the target is there; a country beyond a border that the target is
near ("Labbezanga, near the border with Niger") is not where the target is; a
nickname in quotes ("Cartel boss "El Güero" Salcedo") is a name, no place. And
names the tagger calls persons are places after a side of a place ("40 km east
of Cosalá") or the land around one ("the mountains around Tamazula"), whose
"in neighbouring Durango state" says which Tamazula.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geosleuth.read.toponyms import find_toponyms
from reading import claims, reader, set_aside, sightings

pytestmark = pytest.mark.nlp

RAWI = "Abu Yasir al-Rawi"
SALCEDO = "Rodrigo Salcedo Ibarra"
AG_ALHER = "Hamadou Ag Alher"

_read = reader(SALCEDO)


def _places(reading: Any) -> list[tuple[str | None, str]]:
    """(place, polarity) of each claim of a reading."""
    return [(c.place_name, c.polarity) for c in claims(reading)]


def _aside(reading: Any, name: str) -> list[str]:
    """The reasons ``name`` was set aside for."""
    return [x.detail for x in reading.rejected if x.quote == name]


def _read_on(text: str, nlp: Any, day: dt.date) -> Any:
    from geosleuth.read.document import read_text

    return read_text(text, target=SALCEDO, nlp=nlp, published=day)


# -- F11: an agent or an organisation is no place of the target ----------------------
def test_wanted_by_countries_are_no_claims(nlp: Any) -> None:
    # gave claims IS Iraq and IS United States besides the wedge (review r21 F11)
    r = _read(
        "Abu Yasir al-Rawi, a senior Islamic State commander wanted by Iraq and "
        "the U.S.-led coalition, is believed to be hiding in the desert south of "
        "Deir al-Zour, two Iraqi intelligence officials said on Wednesday.",
        nlp,
        target=RAWI,
    )
    assert _places(r) == [("south of Deir ez-Zor", "is")]
    assert claims(r)[0].hedge == "probable"
    assert "used as a metonym" in _aside(r, "Iraq")[0]
    assert "used as a metonym" in _aside(r, "U.S.")[0]


@pytest.mark.parametrize(
    ("text", "place", "agent"),
    [
        # each gave a claim at the agent's place too
        ("Rodrigo Salcedo, wanted in Texas on murder charges, is believed to be in "
         "Mexico, officials said.", "Mexico", "Texas"),
        ("Rodrigo Salcedo, a U.S.-backed informant, is hiding in Guatemala, "
         "officials said.", "Guatemala", "U.S."),
        ("Rodrigo Salcedo, wanted by the United States and Mexico, is believed to "
         "be in Guatemala, officials said.", "Guatemala", "United States"),
        ("Rodrigo Salcedo, the fugitive head of a Sinaloa cartel faction, is hiding "
         "near Tamazula, a senior official said.", "Tamazula", "Sinaloa"),
    ],
)  # fmt: skip
def test_an_agent_or_organisation_is_a_metonym(
    nlp: Any, text: str, place: str, agent: str
) -> None:
    r = _read(text, nlp)
    assert [p for p, _ in _places(r)] == [place]
    assert any("used as a metonym" in why for why in _aside(r, agent))


def test_the_cartel_s_state_named_as_a_place_is_a_claim(nlp: Any) -> None:
    # the first "Sinaloa" names the faction; the second is where he is
    r = _read(
        "Rodrigo Salcedo, the head of a Sinaloa cartel faction, is hiding in "
        "Sinaloa, officials said.",
        nlp,
    )
    assert _places(r) == [("Sinaloa", "is")]
    assert any("used as a metonym" in why for why in _aside(r, "Sinaloa"))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # near-misses (read so before, too): the cartel's land, another's cartel
        ("Rodrigo Salcedo is hiding in Sinaloa cartel territory, officials said.",
         "Sinaloa"),
        ("Rodrigo Salcedo, who was betrayed by a Mexican cartel, is hiding in "
         "Durango, officials said.", "Durango"),
        ("Rodrigo Salcedo is hiding in an area held by the Gulf Cartel near "
         "Reynosa, officials said.", "Reynosa"),
    ],
)  # fmt: skip
def test_a_place_beside_a_cartel_stays_a_place(nlp: Any, text: str, place: str) -> None:
    assert [p for p, _ in _places(_read(text, nlp))] == [place]


# -- F11: the far side of a border -----------------------------------------------------
_LABBEZANGA = (
    "Mohamed Ould Sidi, an associate of Ag Alher who was arrested by Malian forces "
    "in Gao last week, told interrogators that Ag Alher had stayed in Labbezanga, "
    "near the border with Niger, in February, according to a security official "
    "who asked not to be named."
)


def test_near_the_border_with_niger_is_not_in_niger(nlp: Any) -> None:
    # gave claim IS Niger (the whole country), certain (review r21 F11)
    r = _read(_LABBEZANGA, nlp, target=AG_ALHER)
    assert not claims(r)
    assert "lies beyond a border" in _aside(r, "Niger")[0]
    assert ("unresolved", "Labbezanga") in set_aside(r)


@pytest.mark.parametrize(
    ("text", "expected", "beyond"),
    [
        # "in Niger" stays; Mali was no mention at all ("border with" no cue)
        ("Ag Alher is hiding in Niger, near the border with Mali, officials said.",
         [("Niger", "is")], "Mali"),
        # gave claim IS Niger
        ("Ag Alher is hiding near the Niger border, officials said.", [], "Niger"),
    ],
)  # fmt: skip
def test_a_country_beyond_a_border_is_set_aside(
    nlp: Any, text: str, expected: list[tuple[str, str]], beyond: str
) -> None:
    r = _read(text, nlp, target=AG_ALHER)
    assert _places(r) == expected
    assert "lies beyond a border" in _aside(r, beyond)[0]


def test_a_border_the_gazetteer_holds_is_its_line(nlp: Any) -> None:
    # "the border with Iraq" is the line the gazetteer holds (was IS Syria alone)
    r = _read(
        "Al-Rawi is hiding in Syria near the border with Iraq, officials said.",
        nlp,
        target=RAWI,
    )
    assert _places(r) == [("Syria ∩ Iraq–Syria border", "is")]


# -- F7: a nickname in quotes is a name ------------------------------------------------
_F3_LEDE = (
    "CULIACAN, Mexico, Feb. 8, 2023 - Federal prosecutors believe that Rodrigo "
    'Salcedo Ibarra, the fugitive head of a Sinaloa cartel faction known as "El '
    'Güero", is hiding in the mountains around Tamazula, in neighbouring '
    "Durango state, a senior official said on Wednesday."
)


def test_a_quoted_nickname_is_no_place(nlp: Any) -> None:
    # gave a claim at El Lucero for "El Güero" (Guerrero in the whole report),
    # and IS Sinaloa for the cartel, but none at Tamazula (review r21 F7, F10, F11)
    r = _read_on(
        'Cartel boss "El Güero" Salcedo may be hiding in Sinaloa mountains, '
        "prosecutors say\n\n" + _F3_LEDE,
        nlp,
        dt.date(2023, 2, 8),
    )
    assert [(c.place_name, c.hedge) for c in claims(r)] == [
        ("Sinaloa", "possible"),
        ("Tamazula de Victoria", "probable"),
    ]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ('Cartel boss "El Güero" Salcedo was seen in Culiacán.', ["Culiacán"]),
        # a village of Mexico by its very name
        ('Rodrigo Salcedo, known as "El Chapo", was seen in Culiacán.', ["Culiacán"]),
        ("Joaquín Guzmán, alias El Chapo, was seen in Culiacán.", ["Culiacán"]),
        # the nickname is the person's all through the document
        ('Joaquín "El Chapo" Guzmán fled. El Chapo was seen in Culiacán.',
         ["Culiacán"]),
    ],
)  # fmt: skip
def test_a_nickname_is_no_mention(nlp: Any, text: str, names: list[str]) -> None:
    assert [m.text for m in find_toponyms(text, nlp=nlp)] == names


def test_a_place_named_like_a_nickname_stays_a_place(nlp: Any) -> None:
    # near-miss (read so before, too): the village of El Chapo by its name
    r = _read("Rodrigo Salcedo is hiding in El Chapo, officials said.", nlp)
    assert _places(r) == [("El Chapo", "is")]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ('Jesús "El Chuy" Armenta was arrested.', ["Jesús", "El Chuy", "Armenta"]),
        # near-misses: a quoted name alone, before a date, or after a place
        ('Fighters in Mosul "Islamic State" said.', []),
        ('The sign read "Tamazula" in red.', []),
        ('He was in "Mosul" Monday.', []),
        ('"In Mosul" Smith said.', []),
        ('A district known as "Sadr City" was raided.', []),
    ],
)  # fmt: skip
def test_nicknames_and_names_beside_them(text: str, names: list[str]) -> None:
    from geosleuth.read._toponym_uses import _alias_spans

    assert [text[s:e] for s, e in _alias_spans(text)] == names


# -- F10: names the tagger calls persons, after a place's side or land ---------------
def test_the_mountains_around_tamazula_in_durango(nlp: Any) -> None:
    # Tamazula was no mention, and the claim was lost (review r21 F10)
    r = _read_on(_F3_LEDE, nlp, dt.date(2023, 2, 8))
    (c,) = claims(r)
    assert (c.place_name, c.polarity, c.hedge) == (
        "Tamazula de Victoria",
        "is",
        "probable",
    )
    assert c.provenance.speaker == "Senior official"
    assert c.place.representative()[1] == pytest.approx(24.97, abs=0.05)  # Durango


def test_a_ranch_east_of_cosala(nlp: Any) -> None:
    # gave no_place: "Cosalá" was taken for a person (review r21 F10)
    r = _read_on(
        "Two ranchers told Reuters they saw Salcedo at a ranch about 40 km east of "
        "Cosalá on Jan. 29, escorted by a dozen armed men.",
        nlp,
        dt.date(2023, 2, 8),
    )
    (s,) = sightings(r)
    assert (s.place_name, s.date) == ("40 km east of Cosalá", dt.date(2023, 1, 29))


def test_gathered_around_a_person_is_no_place(nlp: Any) -> None:
    # near-miss (read so before, too): "around" a person names no land
    text = "Reporters crowded around Guzmán outside the court in Leeds."
    assert [m.text for m in find_toponyms(text, nlp=nlp)] == ["Leeds"]
