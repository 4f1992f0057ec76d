"""Place names misread: features cut to a word, towns named like countries, ...

From an outside review of search-and-rescue and fugitive articles:

- a named feature or park the gazetteer does not hold was read through one of
  its words or its generic part: "Zion National Park" gave Jerusalem (Zion) and
  a village in New Jersey ("National Park"), "Tyndall Gorge" a Tyndall, "the
  Sierra Nevada" the state of Nevada, "the Hörnli hut" Kloten near Zurich;
- a town named like a country, with its state, was the country: "Jordan,
  Minn." gave the country Jordan (and Minnesota);
- "Praia da Luz" gave Praia (Cape Verde), "Da" and "Luz"; "Solo sailor"
  Surakarta; "Boston's Logan Airport" Logan, Pennsylvania; "Park Avenue" a
  village in Hong Kong; "Ebola" Enola, Pennsylvania; "a Spanish tourist" the
  village of Spanish, Ontario.

Each case is a real sentence; both sides of each rule are pinned, and a comment
says what each gave before.
"""

from __future__ import annotations

from typing import Any

import pytest

from geosleuth.geometry import haversine_km
from geosleuth.read.toponyms import find_toponyms
from reading import reader

pytestmark = pytest.mark.nlp

ALVAREZ = "Tom Alvarez"
HOBBS = "Billy Joe Hobbs"
DOE = "Jane Doe"
_read = reader(ALVAREZ)


def _names(reading: Any) -> list[str]:
    """The place of each claim or sighting."""
    return [i.place_name for i in reading.evidence if i.kind in ("claim", "sighting")]


def _mentions(text: str, nlp: Any) -> dict[str, tuple[str | None, str | None]]:
    """Each toponym's text: (resolved name, "country/admin1") or (None, None)."""
    out: dict[str, tuple[str | None, str | None]] = {}
    for m in find_toponyms(text, nlp=nlp):
        where = f"{m.place.country}/{m.place.admin1}" if m.place else None
        out[m.text] = (m.name, where)
    return out


# -- a named feature is one name, not one of its words -------------------------------
@pytest.mark.parametrize(
    ("text", "feature", "wrong"),
    [
        # each gave a certain sighting at the wrong places
        ("Tom Alvarez was last seen in Zion National Park, Utah, on Sunday, the "
         "Washington County Sheriff's Office said.",
         "Zion National Park", ["Jerusalem", "National Park"]),
        ("Tom Alvarez was last seen Friday in Glacier National Park.",
         "Glacier National Park", ["National Park"]),
        ("Tom Alvarez was last seen in Grand Teton National Park.",
         "Grand Teton National Park", ["Grand", "National Park"]),
        ("Tom Alvarez was last seen in Olympic National Park.",
         "Olympic National Park", ["Olympic", "National Park"]),
        ("Tom Alvarez was last seen in Big Bend National Park.",
         "Big Bend National Park", ["Big Bend"]),
        ("Tom Alvarez was last seen near Tyndall Gorge.",
         "Tyndall Gorge", ["Tyndall"]),
        ("Tom Alvarez was last seen at Badwater Basin.",
         "Badwater Basin", ["Basin"]),
        ("Tom Alvarez was last seen in the Boundary Waters.",
         "Boundary Waters", ["Boundary"]),
        ("ZERMATT, Switzerland - Tom Alvarez was last seen at the Hörnli hut, "
         "police said.",
         "Hörnli hut", ["Kloten / Horainli"]),
        ("Tom Alvarez was last seen at the Oakwood Village care home.",
         "Oakwood Village care home", ["Oakwood Village"]),
        ("Tom Alvarez was last seen at Clingmans Dome.",
         "Clingmans Dome", ["Dome"]),
        ("Tom Alvarez was last seen in the Sierra Nevada.",
         "Sierra Nevada", ["Nevada"]),
    ],
)  # fmt: skip
def test_a_feature_the_gazetteer_lacks_stays_unresolved(
    nlp: Any, text: str, feature: str, wrong: list[str]
) -> None:
    assert _mentions(text, nlp)[feature] == (None, None)
    names = _names(_read(text, nlp))
    assert not set(wrong) & set(names)


def test_the_state_after_a_park_is_still_read(nlp: Any) -> None:
    text = (
        "Tom Alvarez was last seen in Zion National Park, Utah, on Sunday, the "
        "Washington County Sheriff's Office said."
    )
    assert _names(_read(text, nlp)) == ["Utah"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the gazetteer holds the whole name: it is read
        ("Tom Alvarez was last seen in the Rocky Mountains.", "Rocky Mountains"),
        ("Tom Alvarez was last seen in Sioux Falls.", "Sioux Falls"),
        # a home in a city names the city
        ("Tom Alvarez was last seen near the Manchester care home, police said.",
         "Manchester"),
    ],
)  # fmt: skip
def test_a_feature_or_town_the_gazetteer_holds_is_read(
    nlp: Any, text: str, name: str
) -> None:
    assert _names(_read(text, nlp)) == [name]


def test_a_club_named_after_a_dome_keeps_its_town(nlp: Any) -> None:
    # "Gold Dome" is no feature's end here: Charleston stays (LGL)
    text = (
        "CHARLESTON, W.Va. - Jim McMillon of the Charleston Gold Dome Lions Club "
        "won first prize in a fundraiser."
    )
    assert _mentions(text, nlp)["Charleston"] == ("Charleston", "US/WV")


def test_a_mountain_named_like_a_far_town_is_not_that_town(nlp: Any) -> None:
    # gave a sighting at Mount Rainier, a town in Maryland
    text = "Tom Alvarez, 34, of Tacoma, was last seen near Mount Rainier."
    assert _mentions(text, nlp)["Mount Rainier"] == (None, None)
    assert "Mount Rainier" not in _names(_read(text, nlp))


def test_a_town_named_like_a_mountain_is_read_where_its_state_is_named(
    nlp: Any,
) -> None:
    text = "Tom Alvarez, 34, was last seen in Mount Rainier, Md."
    assert _mentions(text, nlp)["Mount Rainier"] == ("Mount Rainier", "US/MD")
    assert "Mount Rainier" in _names(_read(text, nlp))


# -- a town named like a country, with its state -------------------------------------
@pytest.mark.parametrize(
    ("text", "town", "state"),
    [
        # each gave a claim on the country (and one on the state)
        ("Billy Joe Hobbs is hiding in Jordan, Minn., the sheriff said.",
         "Jordan", "MN"),
        ("Billy Joe Hobbs is hiding in Jordan, Minnesota, the sheriff said.",
         "Jordan", "MN"),
        ("Billy Joe Hobbs is hiding in Peru, Indiana, the sheriff said.",
         "Peru", "IN"),
        ("Billy Joe Hobbs is hiding in Mexico, Mo., the sheriff said.",
         "Mexico", "MO"),
        ("Billy Joe Hobbs is hiding in Poland, Maine, the sheriff said.",
         "Poland", "ME"),
        ("Billy Joe Hobbs is hiding in Lebanon, Tenn., the sheriff said.",
         "Lebanon", "TN"),
    ],
)  # fmt: skip
def test_a_town_named_like_a_country_is_the_town_in_its_state(
    nlp: Any, text: str, town: str, state: str
) -> None:
    assert _mentions(text, nlp)[town] == (town, f"US/{state}")
    (claim,) = _read(text, nlp, HOBBS).evidence
    assert claim.place_name == town


def test_jordan_minnesota_is_the_town_not_the_country(nlp: Any) -> None:
    (claim,) = _read("Billy Joe Hobbs is hiding in Jordan, Minn.", nlp, HOBBS).evidence
    lon, lat = claim.place.lon, claim.place.lat
    assert haversine_km(lon, lat, -93.63, 44.67) < 10.0  # Jordan, Minnesota


@pytest.mark.parametrize(
    ("text", "town", "where"),
    [
        # the other side: towns with their states, as before
        ("Billy Joe Hobbs is hiding in Paris, Tennessee, the sheriff said.",
         "Paris", "US/TN"),
        ("Billy Joe Hobbs is hiding in Moscow, Idaho, the sheriff said.",
         "Moscow", "US/ID"),
        ("Billy Joe Hobbs lives in Springfield, Ill., and works in Chicago.",
         "Springfield", "US/IL"),
    ],
)  # fmt: skip
def test_a_town_with_its_state_is_still_that_town(
    nlp: Any, text: str, town: str, where: str
) -> None:
    assert _mentions(text, nlp)[town] == (town, where)


def test_a_list_of_countries_is_no_town_and_its_state(nlp: Any) -> None:
    text = "Billy Joe Hobbs is hiding in Jordan, Iraq or Syria, officials said."
    assert _mentions(text, nlp)["Jordan"] == ("Jordan", "JO/None")


def test_a_list_of_states_is_no_town_and_its_state(nlp: Any) -> None:
    # gave Washington, the town in Pennsylvania (GeoVirus)
    text = "Billy Joe Hobbs was seen in Washington, Pennsylvania and California."
    found = _mentions(text, nlp)
    assert found["Washington"] == ("Washington", "US/WA")
    assert found["Pennsylvania"] == ("Pennsylvania", "US/PA")


def test_a_bare_name_in_a_new_zealand_story_stays_there(nlp: Any) -> None:
    text = (
        "Police in Nelson said the missing tramper, from Christchurch, was "
        "found. Nelson police thanked searchers."
    )
    assert {w for _, w in _mentions(text, nlp).values()} == {"NZ/F5", "NZ/E9"}


# -- joined names, sentence openers, airports, streets, diseases, demonyms ------------
def test_a_joined_name_is_read_whole_or_not_at_all(nlp: Any) -> None:
    # gave sightings at Praia (Cape Verde), Da (Côte d'Ivoire) and Luz (Brazil)
    reading = _read("Jane Doe was last seen in Praia da Luz.", nlp, DOE)
    assert _names(reading) == []
    # the other side: a country after "de" is named
    text = "Jane Doe rode in the Tour de France."
    assert _mentions(text, nlp) == {"France": ("France", "FR/None")}


def test_a_word_opening_a_sentence_is_no_citys_other_name(nlp: Any) -> None:
    # "Solo" was Surakarta
    text = "Solo sailor Jane Doe was last seen in Auckland."
    assert "Solo" not in _mentions(text, nlp)
    assert _names(_read(text, nlp, DOE)) == ["Auckland"]
    # the other side: in a sentence, after "in", it is the city
    text = "Protesters gathered in Solo on Friday."
    assert _mentions(text, nlp)["Solo"] == ("Surakarta", "ID/07")


def test_an_airport_named_like_a_far_town_is_not_that_town(nlp: Any) -> None:
    # "Logan" was Logan, Pennsylvania
    text = "Jane Doe flew out of Boston's Logan Airport on Friday."
    found = _mentions(text, nlp)
    # the airport itself since helper d204 (airportsdata)
    assert found["Logan"] == (
        "General Edward Lawrence Logan International Airport",
        "US/MA",
    )
    assert found["Boston"] == ("Boston", "US/MA")
    # the other side: a city's airport is at the city (the airport itself
    # since helper d204)
    text = "Jane Doe arrived at Vancouver International Airport on Friday."
    found = _mentions(text, nlp)
    assert found["Vancouver"] == ("Vancouver International Airport", "CA/02")


def test_a_street_named_like_a_far_village_is_no_place(nlp: Any) -> None:
    # "Park Avenue" was a village in Hong Kong
    text = "Jane Doe was last seen near Park Avenue in Manhattan."
    assert _mentions(text, nlp)["Park Avenue"] == (None, None)
    assert _names(_read(text, nlp, DOE)) == ["Manhattan"]


def test_a_disease_is_no_place(nlp: Any) -> None:
    # "Ebola" was Enola, Pennsylvania, with a claim there
    text = (
        "Jane Doe, a nurse who caught Ebola in Liberia, is now in a hospital in "
        "Harrisburg. The Ebola virus has killed 11,000 people."
    )
    assert "Ebola" not in _mentions(text, nlp)
    # Liberia is where she caught it, in a relative clause beside the statement
    # of where she is (tests/test_read_coordinates.py has the rule)
    assert sorted(_names(_read(text, nlp, DOE))) == ["Harrisburg"]


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        # each was also a place: Spanish, Ontario, and Grammond for "German"
        ("Jane Doe was seen with a Spanish tourist in Lisbon.", "Spanish", "Spain"),
        ("Jane Doe, a German national, is in Lyon, police said.", "German",
         "Germany"),
    ],
)  # fmt: skip
def test_a_demonym_is_no_place_of_that_name(
    nlp: Any, text: str, word: str, country: str
) -> None:
    found = [m for m in find_toponyms(text, nlp=nlp) if m.text == word]
    assert [(m.name, m.role) for m in found] == [(country, "demonym")]
    assert word not in _names(_read(text, nlp, DOE))


def test_a_village_named_like_a_demonym_is_read_with_its_province(nlp: Any) -> None:
    text = "Jane Doe was last seen in Spanish, Ontario."
    assert _mentions(text, nlp)["Spanish"] == ("Spanish", "CA/08")
