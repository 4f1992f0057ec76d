"""Place-name resolution after the thirteenth outside review.

A country after a town qualifies it ("Tijuana, Mexico"); a country the text
names places a town ("Langtang village in Nepal", "Odessa" beside "Ukrainian");
"the Kharkiv region" is the oblast; a demonym used as an adjective is no place
("a Thai border town"), nor a generic word of a feature's name ("Kata Beach");
"Frankfurt an der Oder" is one name. Each case runs with rules only and, where
spaCy is installed, with its NER too.
"""

from __future__ import annotations

from typing import Any

import pytest

from geosleuth.gazetteer import Gazetteer
from geosleuth.read.toponyms import Mention, find_toponyms


def _read(text: str, gaz: Gazetteer, nlp: Any) -> dict[str, Mention]:
    return {m.text: m for m in find_toponyms(text, gazetteer=gaz, nlp=nlp)}


def _where(m: Mention) -> tuple[str | None, str | None, str | None]:
    """(name, country, kind) of a mention's place."""
    if m.place is None:
        return m.name, None, None
    return m.name, m.place.country, m.place.kind


# -- A. "Town, Mexico": the country qualifies the town --------------------------


@pytest.mark.parametrize(
    ("text", "town", "admin1"),
    [
        ("Jane Doe is hiding in Tijuana, Mexico, police said.", "Tijuana", "02"),
        ("She was last seen in Cancun, Mexico.", "Cancun", "23"),
        ("She was last seen in Ensenada, Mexico.", "Ensenada", "02"),
        ("She was last seen in Puerto Vallarta, Mexico.", "Puerto Vallarta", "14"),
        ("She was last seen in La Paz, Mexico.", "La Paz", "03"),
    ],
)
def test_a_country_after_a_town_is_the_country_that_holds_it(
    text: str, town: str, admin1: str, gaz: Gazetteer, ner: Any
) -> None:
    ms = _read(text, gaz, ner)
    assert _where(ms["Mexico"]) == ("Mexico", "MX", "country")
    place = ms[town].place
    assert place is not None
    assert (place.country, place.admin1) == ("MX", admin1)
    assert place.kind in ("city", "town")


def test_a_town_in_the_state_of_mexico_keeps_a_mexican_reading(
    gaz: Gazetteer, ner: Any
) -> None:
    ms = _read("She was last seen in Toluca, Mexico.", gaz, ner)
    assert _where(ms["Toluca"])[:2] == ("Toluca", "MX")
    assert ms["Mexico"].place is not None
    assert ms["Mexico"].place.kind in ("country", "admin")
    assert ms["Mexico"].place.country == "MX"


def test_mexico_alone_is_still_the_country(gaz: Gazetteer) -> None:
    ms = _read("Jane Doe fled to Mexico.", gaz, False)
    assert _where(ms["Mexico"]) == ("Mexico", "MX", "country")


def test_a_list_of_cities_is_still_a_list(gaz: Gazetteer) -> None:
    """No Moscow lies in Ukraine: "Kiev" is the next city, not Moscow's qualifier."""
    ms = _read("They went to Moscow, Kiev, Minsk and Riga.", gaz, False)
    assert [ms[n].place.country for n in ("Moscow", "Kiev", "Minsk", "Riga")] == [
        "RU",
        "UA",
        "BY",
        "LV",
    ]


@pytest.mark.parametrize(
    ("text", "town", "where"),
    [
        ("He was seen in Springfield, Ill., on Monday.", "Springfield", "IL"),
        ("He was seen in Athens, Georgia, on Monday.", "Athens", "GA"),
        ("He was seen in Paris, Texas, on Monday.", "Paris", "TX"),
        ("Jordan, Minn., is a small town.", "Jordan", "MN"),
    ],
)
def test_a_us_state_after_a_town_still_places_it(
    text: str, town: str, where: str, gaz: Gazetteer, ner: Any
) -> None:
    place = _read(text, gaz, ner)[town].place
    assert place is not None
    assert (place.country, place.admin1) == ("US", where)


def test_a_town_its_qualifier_places_far_from_the_country_point_stays(
    gaz: Gazetteer,
) -> None:
    ms = _read("She was seen in Chamonix, France, on Friday.", gaz, False)
    assert _where(ms["Chamonix"])[:2] == ("Chamonix-Mont-Blanc", "FR")


# -- B. A country the text names places a town -----------------------------------


def test_a_town_in_the_country_named_after_it_is_no_foreign_namesake(
    gaz: Gazetteer, ner: Any
) -> None:
    """The gazetteer's Langtangs are in Nigeria and China: none is in Nepal."""
    text = "Hiroshi Tanaka was found in a cave near Langtang village in Nepal."
    ms = _read(text, gaz, ner)
    assert ms["Langtang"].name is None
    assert _where(ms["Nepal"]) == ("Nepal", "NP", "country")


def test_a_town_in_a_named_state_resolves_there(gaz: Gazetteer) -> None:
    ms = _read("He is from Dover in Delaware.", gaz, False)
    place = ms["Dover"].place
    assert place is not None
    assert (place.country, place.admin1) == ("US", "DE")


@pytest.mark.parametrize(
    "text",
    [
        "Ivan Petrenko was seen in Odessa on Sunday, officials in Kyiv said.",
        "Ivan Petrenko is being held in Odessa, Ukrainian officials said.",
    ],
)
def test_odessa_beside_ukraine_is_odesa(text: str, gaz: Gazetteer, ner: Any) -> None:
    assert _where(_read(text, gaz, ner)["Odessa"]) == ("Odesa", "UA", "city")


def test_odessa_alone_or_in_texas_is_still_the_texan_city(gaz: Gazetteer) -> None:
    for text in ("He was seen in Odessa.", "John Smith of Odessa, Texas, died."):
        place = _read(text, gaz, False)["Odessa"].place
        assert place is not None
        assert (place.country, place.admin1) == ("US", "TX"), text


def test_a_place_after_in_is_no_metonym(gaz: Gazetteer) -> None:
    """In "officials in Kyiv said" Kyiv is where they are; "the Baghdad
    government said" is still the government."""
    ms = _read("Officials in Baghdad said the attack killed 10.", gaz, False)
    assert ms["Baghdad"].role == "place"
    ms = _read("The Baghdad government said the attack killed 10.", gaz, False)
    assert ms["Baghdad"].role == "metonym"


# -- C. "the Kharkiv region": the oblast ----------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "division"),
    [
        ("Shelling continued in the Donetsk region.", "Donetsk", "Donetska oblast"),
        ("Shelling continued in the Kharkiv region.", "Kharkiv", "Kharkivska oblast"),
        ("He is somewhere in the Kharkiv region.", "Kharkiv", "Kharkivska oblast"),
        ("Shelling continued in the Kherson region.", "Kherson", "Khersonska oblast"),
        ("Shelling hit the Odesa region.", "Odesa", "Odeska oblast"),
        ("Troops entered Kharkiv oblast.", "Kharkiv", "Kharkivska oblast"),
    ],
)
def test_a_city_before_region_names_its_namesake_division(
    text: str, name: str, division: str, gaz: Gazetteer, ner: Any
) -> None:
    assert _where(_read(text, gaz, ner)[name]) == (division, "UA", "admin")


def test_a_city_before_province_still_names_its_division(gaz: Gazetteer) -> None:
    ms = _read("Heavy fighting in Aleppo province.", gaz, False)
    assert _where(ms["Aleppo"]) == ("Aleppo Governorate", "SY", "admin")


def test_a_division_named_before_region_is_left_to_resolution(
    gaz: Gazetteer, ner: Any
) -> None:
    ms = _read("Fighting continued in the Gedo region.", gaz, ner)
    assert _where(ms["Gedo"]) == ("Gedo", "SO", "admin")


def test_a_city_with_no_namesake_division_stays_the_city(gaz: Gazetteer) -> None:
    """Washington lies in the District of Columbia: no namesake division."""
    ms = _read("The Washington region saw heavy snow.", gaz, False)
    assert ms["Washington"].place is not None
    assert ms["Washington"].place.kind == "city"
    # without "region" the city is the city
    ms = _read("Shelling continued in Kharkiv.", gaz, False)
    assert _where(ms["Kharkiv"]) == ("Kharkiv", "UA", "city")


# -- D. Demonyms and generic words ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        ("Ivan Petrenko is believed to be in a Thai border town.", "Thai", "TH"),
        ("He is hiding in Somali territory.", "Somali", "SO"),
        ("The Somali President spoke.", "Somali", "SO"),
    ],
)
def test_a_demonym_before_a_word_is_the_demonym(
    text: str, word: str, country: str, gaz: Gazetteer, ner: Any
) -> None:
    m = _read(text, gaz, ner)[word]
    assert m.role == "demonym"
    assert m.place is not None
    assert (m.place.kind, m.place.country) == ("country", country)


def test_a_demonym_held_only_as_another_name_is_the_demonym(gaz: Gazetteer) -> None:
    """The gazetteer holds "Thai" as another name of Alor Setar: never that city."""
    m = _read("He speaks Thai.", gaz, False).get("Thai")
    assert m is None or (m.role == "demonym" and m.name == "Thailand")


def test_the_somali_region_is_still_the_region(gaz: Gazetteer, ner: Any) -> None:
    ms = _read("He was hiding in the Somali region of Ethiopia.", gaz, ner)
    assert _where(ms["Somali"]) == ("Somali", "ET", "admin")


def test_a_generic_word_of_a_feature_name_is_no_place(gaz: Gazetteer, ner: Any) -> None:
    ms = _read("Her mobile phone was found on Friday on Kata Beach.", gaz, ner)
    assert "Beach" not in ms
    assert "Kata Beach" in ms
    assert ms["Kata Beach"].name is None
    ms = _read("She stayed at the Kata Beach Resort in Phuket.", gaz, ner)
    assert "Beach" not in ms
    assert ms["Phuket"].place is not None
    assert ms["Phuket"].place.country == "TH"


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        ("A body washed up at Myrtle Beach, S.C.", "Myrtle Beach", "SC"),
        ("He lives in West Palm Beach, Fla.", "West Palm Beach", "FL"),
    ],
)
def test_a_beach_town_is_still_the_town(
    text: str, name: str, admin1: str, gaz: Gazetteer, ner: Any
) -> None:
    place = _read(text, gaz, ner)[name].place
    assert place is not None
    assert (place.country, place.admin1) == ("US", admin1)


def test_far_alternate_lake_names_stay_unresolved(gaz: Gazetteer) -> None:
    """Far towns' other names are no towns in a story about Colorado.

    "Bear Lake" is another name of Columbus, Pennsylvania, and "Grand Lake" one
    of Alliance, Nebraska.
    """
    text = (
        "Hikers were missing near Bear Lake in Rocky Mountain National Park, "
        "near Estes Park, Colorado."
    )
    ms = _read(text, gaz, False)
    assert ms["Bear Lake"].name is None
    assert _where(ms["Estes Park"])[:2] == ("Estes Park", "US")
    text = "The fire near Grand Lake spread toward Granby and Estes Park in Colorado."
    ms = _read(text, gaz, False)
    assert ms["Grand Lake"].name is None
    assert ms["Granby"].place is not None
    assert ms["Granby"].place.admin1 == "CO"


# -- E. Names joined by German words ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("He was seen in Frankfurt an der Oder.", "Frankfurt (Oder)"),
        ("He flew to Frankfurt am Main on Monday.", "Frankfurt am Main"),
        ("He lives in Rothenburg ob der Tauber.", "Rothenburg ob der Tauber"),
    ],
)
def test_a_name_joined_by_am_or_an_der_is_one_name(
    text: str, name: str, gaz: Gazetteer, ner: Any
) -> None:
    ms = list(_read(text, gaz, ner).values())
    assert [_where(m)[:2] for m in ms] == [(name, "DE")]


def test_an_english_an_between_names_joins_nothing(gaz: Gazetteer) -> None:
    ms = _read("Mosul an Iraqi city was retaken.", gaz, False)
    assert _where(ms["Mosul"])[:2] == ("Mosul", "IQ")
    assert ms["Iraqi"].role == "demonym"


def test_a_beach_named_after_its_town_is_the_town_where_the_text_is() -> None:
    from geosleuth.read.toponyms import find_toponyms

    # the gazetteer holds no "Patong Beach": Patong, beside Phuket
    text = "Jane Doe was last seen on Patong Beach in Phuket on Sunday."
    names = [(m.text, m.name) for m in find_toponyms(text, nlp=False)]
    assert names == [("Patong Beach", "Patong"), ("Phuket", "Phuket")]
    # alone, or far from every town of that name, it stays unresolved
    for text in (
        "Jane Doe was last seen on Patong Beach on Sunday.",
        "Jane Doe flew to Bangkok and was seen on Kata Beach.",
    ):
        beach = [m for m in find_toponyms(text, nlp=False) if "Beach" in m.text]
        assert [m.name for m in beach] == [None], text
