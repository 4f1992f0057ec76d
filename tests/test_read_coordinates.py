"""Items read at coordinates written in the text, and towns a qualifier rules out.

Before: "Jane Doe's phone last pinged at 47.6062, -122.3321" gave no item (no
place name), and "ASHFORD, Wash." was Ashford, Wisconsin, 2,700 km away, the
only Ashford the gazetteer holds.
"""

from __future__ import annotations

import pytest

from geosleuth.geometry import Point
from reading import DOE, claims, reader, sightings

pytestmark = pytest.mark.nlp

_read = reader(DOE)


def test_a_sighting_at_coordinates_is_as_precise_as_written(nlp: object) -> None:
    r = _read("Jane Doe was seen at 47°36′N 122°20′W on Monday, a hiker said.", nlp)
    (s,) = sightings(r)
    assert s.place_name == "47.60° N, 122.33° W"
    assert isinstance(s.place, Point)
    assert (s.place.lon, s.place.lat) == pytest.approx((-122 - 20 / 60, 47.6))
    assert s.sigma_km == pytest.approx(0.5356, abs=1e-4)  # whole minutes
    assert s.provenance.speaker == "A hiker"


def test_a_ping_to_four_decimals_gets_the_floor(nlp: object) -> None:
    r = _read(
        "Jane Doe's phone last pinged at 47.6062, -122.3321 on Friday, police said.",
        nlp,
    )
    (s,) = sightings(r)
    assert s.place_name == "47.6062° N, 122.3321° W"
    assert s.sigma_km == 0.05


def test_near_coordinates_is_as_loose_as_near_a_town(nlp: object) -> None:
    r = _read("Police believe Jane Doe is near 47.6062° N, 122.3321° W.", nlp)
    (c,) = claims(r)
    assert c.polarity == "is"
    assert c.buffer_km == 20.0  # twice a town's 10 km, as "near Ashford"
    r = _read("Police believe Jane Doe is at 47.6062° N, 122.3321° W.", nlp)
    (c,) = claims(r)
    assert c.buffer_km == 0.05  # as written, not a town's 10 km


def test_a_distance_from_coordinates_is_an_offset(nlp: object) -> None:
    r = _read(
        "Jane Doe was last seen 10 km north of 47.0000° N, 122.0000° W on Monday.",
        nlp,
    )
    (s,) = sightings(r)
    assert isinstance(s.place, Point)
    assert s.place.lat == pytest.approx(47.0 + 10 / 111.2, abs=0.01)
    assert s.sigma_km == 3.0  # 30 % of the distance


def test_a_town_outside_its_named_state_is_unresolved(nlp: object) -> None:
    r = _read("Jane Doe was seen in Ashford, Wash., on Monday, police said.", nlp)
    # the gazetteer's Ashford is in Wisconsin: the sighting is in Washington
    assert [x.place_name for x in sightings(r)] == ["Washington"]
    r = _read("Jane Doe was seen in Ashford, Wis., on Monday, police said.", nlp)
    assert [x.place_name for x in sightings(r)] == ["Ashford"]


def test_agency_lists_and_dated_datelines_keep_the_state() -> None:
    # review 12: each kept Ashford, Wisconsin (or a fuzzy Ardsley, N.Y.)
    from geosleuth.read.toponyms import find_toponyms

    for text in (
        "Volunteers came from Ashford, Wash., Eatonville, Wash., and Morton, Wash.",
        "ASHFORD, Wash., June 3 (AP) - Searchers resumed on Monday.",
        "Searchers met in Ashford, Wash., and Packwood, Wash., on Monday.",
    ):
        (ashford,) = [
            m
            for m in find_toponyms(text, nlp=False)
            if m.start == text.find("Ashford") or m.text == "ASHFORD"
        ]
        assert ashford.name is None, text
    # a qualifier that is also a town's name may be a list's next item
    kiev = "Flights between New York and Moscow, Kiev, Minsk and Riga resume."
    names = [m.name for m in find_toponyms(kiev, nlp=False)]
    assert "Kyiv" in names


def test_a_town_its_qualifier_places_is_kept_far_from_the_countrys_point() -> None:
    # "Chamonix" is another name of Chamonix-Mont-Blanc, 450 km from the point
    # that stands for France: it was dropped as a far alternate-name match
    from geosleuth.read.toponyms import find_toponyms

    text = "Jane Doe was last seen in Chamonix, France, on Friday."
    names = [m.name for m in find_toponyms(text, nlp=False)]
    assert names == ["Chamonix-Mont-Blanc", "France"]
    # a qualifier naming another country still rules the town out
    text = "Jane Doe was last seen in Chamonix, Italy, on Friday."
    assert [m.name for m in find_toponyms(text, nlp=False)] == [None, "Italy"]
