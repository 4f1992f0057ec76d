"""Deaths in place names, relatives who speak, qualifiers, reports called false.

From an outside review of search-and-rescue, fugitive and outbreak articles:

- "last seen in Death Valley" and "near the Dead Sea" gave a certain death;
- "The mother of Mark Jensen said he is in Denver" gave Mark Jensen as the
  speaker of his own whereabouts;
- "was not in Leadville, Colo." denied all of Colorado, and "seen in Paris,
  Texas" was a second sighting, in the whole of Texas;
- "ruled out reports that he fled to Mexico", "reports that ... were false",
  "rumours that he had been seen ... were false" read as true;
- "Mark Jensen, wanted for fraud, was arrested in Moab" gave nothing (the parse
  gives his name to "wanted");
- "seen boarding a bus in Albuquerque headed for Denver" was also a sighting in
  Denver, where he was going.

Each case is a real sentence; both sides of each rule are pinned, and a comment
says what each gave before.
"""

from __future__ import annotations

from typing import Any

import pytest

from reading import reader
from reading import rows as _rows

pytestmark = pytest.mark.nlp

ALVAREZ = "Tom Alvarez"
_read = reader(ALVAREZ)


def _why(reading: Any) -> list[str]:
    return [r.reason for r in reading.rejected]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # each also gave a certain death before
        ("Tom Alvarez was seen near the Dead Sea on Monday.",
         [("sighting", "Dead Sea", None, "certain", None, "F3")]),
        ("Tom Alvarez is believed to be hiding in Death Valley, police said.",
         [("claim", "Death Valley", "is", "probable", "Police", "F2")]),
        # the other side: a death in Death Valley is still a death
        ("Tom Alvarez was found dead in Death Valley on Monday, park rangers said.",
         [("life_status", "dead", None, "certain", "Park rangers", "F3"),
          ("sighting", "Death Valley", None, "certain", "Park rangers", "F3")]),
        ("Death Valley rangers said Tom Alvarez died there.",
         [("life_status", "dead", None, "certain", "Death Valley rangers", "F3")]),
    ],
)  # fmt: skip
def test_death_in_a_place_name_is_no_death(
    nlp: Any, text: str, rows: list[tuple[Any, ...]]
) -> None:
    assert _rows(_read(text, nlp)) == rows


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # each had "Tom Alvarez" as the speaker before
        ("The mother of Tom Alvarez said he is in Denver.", "Mother of Tom Alvarez"),
        ("A lawyer for Tom Alvarez said he is in Denver.", "Lawyer for Tom Alvarez"),
        ("A friend of Tom Alvarez told police he is in Denver.",
         "Friend of Tom Alvarez"),
        # the other side: the possessive, as before
        ("Tom Alvarez's mother said he is in Denver.", "Tom Alvarez's mother"),
    ],
)  # fmt: skip
def test_a_relative_of_the_target_speaks_not_the_target(
    nlp: Any, text: str, speaker: str
) -> None:
    items = _read(text, nlp).evidence
    assert [(i.place_name, i.provenance.speaker) for i in items] == [
        ("Denver", speaker)
    ]


def test_experts_including_a_named_one_still_give_the_named_one(nlp: Any) -> None:
    text = (
        "Many experts, including researcher Hisham al-Hashimi, think Tom Alvarez "
        "is hiding in Denver."
    )
    items = _read(text, nlp).evidence
    assert [i.provenance.speaker for i in items] == ["Hisham al-Hashimi"]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # each also gave Colorado / Texas (denied, or seen in) before
        ("Tom Alvarez was not in Leadville, Colo., his sister said.",
         [("claim", "Leadville", "is_not", "certain", "His sister", "F3")]),
        ("Tom Alvarez is hiding in Leadville, Colo., his sister said.",
         [("claim", "Leadville", "is", "certain", "His sister", "F3")]),
        ("Tom Alvarez was seen in Paris, Texas, on Monday.",
         [("sighting", "Paris", None, "certain", None, "F3")]),
        # the other side: a state named apart from the town is a place of its own
        ("Tom Alvarez is hiding in Colorado, near Leadville.",
         [("claim", "Leadville", "is", "certain", None, "F3"),
          ("claim", "Colorado", "is", "certain", None, "F3")]),
    ],
)  # fmt: skip
def test_a_state_after_its_town_only_qualifies_it(
    nlp: Any, text: str, rows: list[tuple[Any, ...]]
) -> None:
    reading = _read(text, nlp)
    assert _rows(reading) == rows
    qualified = [r for r in reading.rejected if "only qualifies" in r.detail]
    assert len(qualified) == (1 if "Colo.," in text or "Texas," in text else 0)


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # each was a claim that he is there ("is"), certain, before
        ("Investigators have ruled out reports that Tom Alvarez fled to Mexico.",
         [("claim", "Mexico", "is_not", "certain", "Investigators", "F3")]),
        ("Reports that Tom Alvarez was hiding in Denver were false, police said.",
         [("claim", "Denver", "is_not", "certain", "Police", "F2")]),
        ("Police denied reports that Tom Alvarez was in Denver.",
         [("claim", "Denver", "is_not", "certain", "Police", "F2")]),
        ("A tip that Tom Alvarez was living in Limassol, Cyprus, turned out to be "
         "false.",
         [("claim", "Limassol", "is_not", "certain", None, "F3")]),
        # the other side: a report called credible stands
        ("Police said reports that Tom Alvarez was in Denver were credible.",
         [("claim", "Denver", "is", "certain", "Police", "F2")]),
    ],
)  # fmt: skip
def test_a_report_called_false_denies_the_place(
    nlp: Any, text: str, rows: list[tuple[Any, ...]]
) -> None:
    assert _rows(_read(text, nlp)) == rows


def test_rumours_of_a_sighting_called_false_give_no_sighting(nlp: Any) -> None:
    # was a certain sighting in Denver
    text = (
        "Rumors that Tom Alvarez had been seen in Denver were false, the sheriff said."
    )
    reading = _read(text, nlp)
    assert _rows(reading) == []
    assert "negated" in _why(reading)


def test_the_one_arrested_after_a_participle_is_the_target(nlp: Any) -> None:
    # gave nothing: the parse makes "Tom Alvarez" the subject of "wanted"
    text = "Tom Alvarez, wanted for fraud, was arrested in Moab on Friday, police said."
    assert _rows(_read(text, nlp)) == [
        ("sighting", "Moab", None, "certain", "Police", "F2")
    ]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # each was also (or only) a certain sighting in Denver before
        ("Tom Alvarez was seen boarding a Greyhound bus in Albuquerque, N.M., headed "
         "for Denver, the FBI said.",
         [("sighting", "Albuquerque", None, "certain", "FBI", "F2")]),
        ("Tom Alvarez was seen in Albuquerque on his way to Denver.",
         [("sighting", "Albuquerque", None, "certain", None, "F3")]),
        ("Tom Alvarez was last seen Monday driving north on Interstate 25 toward "
         "Denver.", []),
        # the other side: seen in Denver
        ("Tom Alvarez was seen in Denver on Monday.",
         [("sighting", "Denver", None, "certain", None, "F3")]),
    ],
)  # fmt: skip
def test_where_the_one_seen_was_going_is_not_where_they_were_seen(
    nlp: Any, text: str, rows: list[tuple[Any, ...]]
) -> None:
    reading = _read(text, nlp)
    assert _rows(reading) == rows
    going = [r for r in reading.rejected if "was going" in r.detail]
    assert len(going) == (0 if text.endswith("on Monday.") else 1)


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # was a probable death ("hedge from 'suspect'"), the noun taken for the verb
        ("Tom Alvarez, the suspect in the Lewiston shootings, was found dead near "
         "Lisbon on Friday, police said.",
         # (a body found, said by the police, is graded B1: review 16)
         [("life_status", "dead", None, "certain", "Police", "B1"),
          ("sighting", "Lisbon", None, "certain", "Police", "B1")]),
        # the other side: the verb still hedges
        ("Police suspect Tom Alvarez is in Denver.",
         [("claim", "Denver", "is", "probable", "Police", "F2")]),
    ],
)  # fmt: skip
def test_the_suspect_is_no_hedge_but_to_suspect_is(
    nlp: Any, text: str, rows: list[tuple[Any, ...]]
) -> None:
    assert _rows(_read(text, nlp)) == rows


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        # each was certain before
        ("A man who may have been Tom Alvarez was seen in Denver on Monday.",
         "possible"),
        ("A man who could be Tom Alvarez was spotted in Denver.", "possible"),
        ("A man matching the description of bank robbery suspect Tom Alvarez was "
         "seen in Denver.", "possible"),
        # the other side: the target, described, was seen
        ("Tom Alvarez, who may have been armed, was seen in Denver.", "certain"),
    ],
)  # fmt: skip
def test_someone_who_may_have_been_the_target_is_a_possible_sighting(
    nlp: Any, text: str, hedge: str
) -> None:
    assert [(i.place_name, i.hedge) for i in _read(text, nlp).evidence] == [
        ("Denver", hedge)
    ]


@pytest.mark.parametrize(
    ("text", "name", "hedge"),
    [
        # each was two claims, one in each town, which deny each other
        ("Tom Alvarez is in Denver or Boulder, police said.", "Denver or Boulder",
         "certain"),
        ("Police believe Tom Alvarez is hiding either in Indianapolis or in Chicago.",
         "Indianapolis or Chicago", "probable"),
    ],
)  # fmt: skip
def test_towns_joined_by_or_are_one_claim_on_their_union(
    nlp: Any, text: str, name: str, hedge: str
) -> None:
    from geosleuth.geometry import Area

    (claim,) = _read(text, nlp).evidence
    assert (claim.place_name, claim.hedge, claim.polarity) == (name, hedge, "is")
    assert isinstance(claim.place, Area) and len(claim.place.polygons) == 2
    assert "union of discs of 10 km" in claim.note


def test_towns_not_joined_by_or_stay_apart(nlp: Any) -> None:
    text = "Tom Alvarez was in Denver on Monday and is now hiding in Boulder."
    names = [i.place_name for i in _read(text, nlp).evidence]
    assert "Denver or Boulder" not in names


def test_a_distance_and_a_side_before_a_place_move_the_point(nlp: Any) -> None:
    from geosleuth.geometry import haversine_km

    # was a certain sighting on the Azores themselves, sigma 5 km
    text = (
        "Tom Alvarez was last seen 300 nautical miles west of the Azores on Thursday."
    )
    (seen,) = _read(text, nlp).evidence
    assert seen.place_name.startswith("300 nautical miles west of ")
    azores = (-25.5, 37.8)  # roughly the middle of the islands
    assert 450 < float(haversine_km(seen.place.lon, seen.place.lat, *azores)) < 700
    assert seen.place.lon < azores[0]  # west of them
    assert seen.sigma_km == pytest.approx(0.3 * 300 * 1.852)
    # a claim: the point 30 km north of Denver, buffered by 9 km at least
    text = "Police believe Tom Alvarez is hiding 30 km north of Denver."
    (claim,) = _read(text, nlp).evidence
    assert claim.place_name == "30 km north of Denver"
    assert claim.place.lat > 39.9 and claim.buffer_km == pytest.approx(10.0)
    # the other side: a side without a distance is the wedge, as before
    text = "Tom Alvarez is hiding somewhere west of Denver."
    assert [i.place_name for i in _read(text, nlp).evidence] == ["west of Denver"]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # gave nothing: "Destiny" alone was no reference to Destiny Moore
        ("Police are looking for a missing teenager, Destiny Moore, 16. Her aunt "
         "said Destiny may be staying with a boyfriend in Philadelphia.",
         [("claim", "Philadelphia", "is", "possible", "Her aunt", "F3")]),
        # the other side: a given name before the full name is given is no one yet
        ("Destiny was seen in Philadelphia. Destiny Moore, 16, is missing.", []),
    ],
)  # fmt: skip
def test_the_given_name_alone_refers_to_the_target_once_named(
    nlp: Any, text: str, rows: list[tuple[Any, ...]]
) -> None:
    assert _rows(_read(text, nlp, target="Destiny Moore")) == rows


def test_a_namesake_of_the_given_name_stops_it_referring(nlp: Any) -> None:
    text = (
        "Destiny Moore, 16, is missing. Her friend Destiny Clarke, 17, told "
        "reporters that Destiny is in Philadelphia."
    )
    assert _rows(_read(text, nlp, target="Destiny Moore")) == []


def test_a_sighting_of_the_target_by_given_name(nlp: Any) -> None:
    text = "Destiny Moore, 16, is missing. Police said Destiny was seen in Camden."
    assert _rows(_read(text, nlp, target="Destiny Moore")) == [
        ("sighting", "Camden", None, "certain", "Police", "F2")
    ]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # gave no life status: the parse hangs "alive" on the day
        ("Tom Alvarez was found alive Wednesday in a ravine near Aspen, rescuers "
         "said.",
         [("sighting", "Aspen", None, "certain", "Rescuers", "F3"),
          ("life_status", "alive", None, "certain", "Rescuers", "F3")]),
        # gave nothing: "arrive" was no movement word, only "arrived"
        ("Tom Alvarez did not arrive in Havana, the Coast Guard said.",
         [("claim", "Havana", "is_not", "certain", "Coast Guard", "F2")]),
        # the other side: an arrival to come is a plan
        ("Tom Alvarez is expected to arrive in Havana on Monday.", []),
    ],
)  # fmt: skip
def test_found_alive_on_a_day_and_an_arrival_denied(
    nlp: Any, text: str, rows: list[tuple[Any, ...]]
) -> None:
    assert _rows(_read(text, nlp)) == rows


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # was "Office"
        ("Tom Alvarez was last seen in Moab on Sunday, the Washington County "
         "Sheriff's Office said.", "Washington County Sheriff's Office"),
        # was no speaker (the article's own word)
        ("The sheriff's office said Tom Alvarez is in Moab.", "Sheriff's office"),
    ],
)  # fmt: skip
def test_an_office_named_by_its_owner_speaks_whole(
    nlp: Any, text: str, speaker: str
) -> None:
    (item,) = _read(text, nlp).evidence
    assert (item.provenance.speaker, str(item.grade)) == (speaker, "F2")


def test_one_place_named_again_in_a_sentence_is_one_item(nlp: Any) -> None:
    # was five sightings in Leeds, five times the weight of one statement
    text = "Tom Alvarez was seen in Leeds, Leeds, Leeds, Leeds and Leeds."
    reading = _read(text, nlp)
    assert [(i.kind, i.place_name) for i in reading.evidence] == [("sighting", "Leeds")]
    assert [r.reason for r in reading.rejected] == ["duplicate"] * 4
    # the other side: two places are two items
    text = "Tom Alvarez was seen in Leeds and in York."
    assert [i.place_name for i in _read(text, nlp).evidence] == ["Leeds", "York"]


def test_someone_identified_as_the_target_is_the_target(nlp: Any) -> None:
    # gave nothing: "the woman" moved, and she was no reference to the target
    text = "The woman, identified as Tom Alvarez, returned to Kano on 3 June."
    assert _rows(_read(text, nlp)) == [("claim", "Kano", "is", "certain", None, "F3")]
    # the other side: someone identified as the target's husband is not her
    text = "The man, identified as Tom Alvarez's husband, returned to Kano on 3 June."
    assert _rows(_read(text, nlp)) == []


def test_a_region_denied_on_its_own_is_no_part_of_the_intersection(nlp: Any) -> None:
    # was one claim, "Georgia ∩ Alabama", that she is there: the denial was lost
    text = "Tom Alvarez was in Georgia at the time of the killing, not in Alabama."
    assert _rows(_read(text, nlp)) == [
        ("claim", "Georgia", "is", "certain", None, "F3"),
        ("claim", "Alabama", "is_not", "certain", None, "F3"),
    ]
    # the other side: regions named together still meet
    text = "Tom Alvarez is hiding in Syria near the Iraqi border."
    assert [i.place_name for i in _read(text, nlp).evidence] == [
        "Syria ∩ Iraq–Syria border"
    ]


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        # each was one level surer before
        ("Tom Alvarez was reportedly spotted in London, though none of the "
         "sightings was confirmed.", "possible"),
        ("Tom Alvarez was seen in Leeds, though the sighting has not been "
         "confirmed.", "probable"),
        ("Police said Tom Alvarez is in Leeds, but this could not be confirmed.",
         "probable"),
        # the other side: confirmed
        ("Police said Tom Alvarez is in Leeds, and this was confirmed by his "
         "lawyer.", "certain"),
    ],
)  # fmt: skip
def test_a_statement_said_to_be_unconfirmed_is_one_level_less_sure(
    nlp: Any, text: str, hedge: str
) -> None:
    assert [i.hedge for i in _read(text, nlp).evidence] == [hedge]
