"""Position fixes and the target's things that the reader lost (review 17, F4 and F6).

Real sentences of the r16 and r17 reports, each on both sides of its rule:

- a phone that "last connected to a cell tower in Barrie", parsed as a noun with
  a clause and no verb of its own, is a trace;
- the target's craft, named as hers once ("aboard his 10-metre sloop Kestrel",
  "in his Piper PA-18 Super Cub", "his 36-foot lobster boat, the Miss
  Abigail"), is hers again by its name or "the <craft>", and so are its things
  ("the yacht's emergency beacon"), its position ("Radar data showed the
  aircraft's last position") and its wreckage; another's craft is not;
- a position corrected later in the sentence is the trace's, the first one set
  aside as corrected;
- a thing only believed or looking to be the target's is a trace no surer than
  the words ("a pack believed to be his": probable; "a tent matching the
  description of theirs": possible);
- a record that "put him near" a place is a trace;
- a "his" that a place the tagger took for a person ("by Brown Tongue", "over
  ... Ben Macdui") no longer cuts off from the target;
- where the place of such a trace does not resolve, a row says so and names it
  ("Skwentna", "Guilvinec", "Mnweni Cutback"), never nothing.
"""

from __future__ import annotations

from typing import Any

import pytest

from geosleuth.geometry import Point
from reading import reader, set_aside, sightings

pytestmark = pytest.mark.nlp

_read = reader("Jane Doe")

_PRYCE = "Martin Pryce"
_BRITTANY = (
    "Martin Pryce, 61, of Falmouth, left Camaret-sur-Mer on Tuesday afternoon "
    "aboard his 10-metre sloop Kestrel, bound for the Scilly Isles.\n\n"
    "The CROSS Etel rescue centre received a signal from the yacht's emergency "
    "beacon at 3.05am on Wednesday. The maritime prefecture initially said the "
    "beacon had been activated near the Ile de Sein, but it later corrected the "
    "position to 47°48'N 4°52'W, about 20 nautical miles west of Penmarch.\n\n"
    "An empty liferaft, believed to be from the Kestrel, was later spotted by a "
    "fishing boat off Guilvinec, the prefecture said on Friday."
)
_SORENSEN = "Dale Sorensen"
_TOOK_OFF = (
    "Sorensen took off from Merrill Field in his Piper PA-18 Super Cub at 9:40 "
    "a.m. Friday and was due in McGrath about three hours later.\n\n"
)
_RADAR = (
    "Radar data showed the aircraft's last position at 11:02 a.m. about 20 miles "
    "northwest of {}, heading toward Rainy Pass at about 2,500 feet, according "
    "to the Rescue Coordination Center."
)
_WRECKAGE = (
    "On Sunday afternoon a Civil Air Patrol crew spotted wreckage on a slope at "
    "about 3,800 feet, roughly 6 miles southeast of {}, troopers said."
)


def _traces(reading: Any) -> list[Any]:
    return [s for s in sightings(reading) if s.subject == "associate"]


def _rows(reading: Any, reason: str) -> list[str]:
    return [x.detail for x in reading.rejected if x.reason == reason]


# -- 1. a phone that connected to a tower --------------------------------------------
def test_a_phone_that_last_connected_to_a_tower_is_a_trace(nlp: Any) -> None:
    # a paragraph of its own: the parse makes "phone" the root, "connected" its
    # clause (r17 06-ontario-teen.txt gave no item and no row)
    reading = _read(
        "Chloe Martineau was last seen on Thursday.\n\nHer phone last connected "
        "to a cell tower in Barrie on Friday afternoon and has not been used "
        "since, according to police.",
        nlp,
        "Chloe Martineau",
    )
    (trace,) = _traces(reading)
    assert (trace.place_name, trace.who) == ("Barrie", "the target's phone")
    assert trace.note.startswith("a trace of the target (Her phone, connected)")


def test_a_phone_that_did_not_connect_is_no_trace(nlp: Any) -> None:
    reading = _read(
        "Chloe Martineau was last seen on Thursday.\n\nHer phone has not "
        "connected to a cell tower in Barrie since Friday, according to police.",
        nlp,
        "Chloe Martineau",
    )
    assert _traces(reading) == []


# -- 2. the target's craft, its things, its corrected position -----------------------
def test_a_corrected_beacon_position_is_one_trace_and_the_first_is_set_aside(
    nlp: Any,
) -> None:
    # r17 03-brittany-sailor.txt: no item at all (no map) before
    reading = _read(_BRITTANY, nlp, _PRYCE)
    (trace,) = _traces(reading)
    assert trace.who == "the target's beacon"
    assert trace.place == Point(-4.866666666666667, 47.8)
    assert trace.sigma_km < 1.0  # as written, to the minute
    assert "the yacht's emergency beacon" in trace.note
    assert "the position as corrected ('corrected the position to')" in trace.note
    (first,) = [x for x in reading.rejected if x.quote == "Ile de Sein"]
    assert first.reason == "negated"
    assert "first said to be activated" in first.detail
    assert "later corrected" in first.detail


def test_a_thing_believed_to_be_from_the_targets_craft_gives_a_row_where_unplaced(
    nlp: Any,
) -> None:
    # "An empty liferaft, believed to be from the Kestrel, was later spotted ...
    # off Guilvinec": Guilvinec is not read as a place, so a row names it
    reading = _read(_BRITTANY, nlp, _PRYCE)
    assert any(
        d.startswith("An empty liferaft, believed to be from the Kestrel spotted")
        for d in _rows(reading, "no_place")
    )
    (guilvinec,) = [x for x in reading.rejected if x.quote == "Guilvinec"]
    assert guilvinec.reason == "unresolved"
    assert "was not read as a known place" in guilvinec.detail


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # by its name, and by "the <craft>'s"
        ("Jane Doe left Leeds aboard her yacht Gull on Monday. The Gull was found "
         "drifting near York on Tuesday.", "the target's vessel"),
        ("Jane Doe left Leeds aboard her yacht Gull on Monday. The yacht's beacon "
         "was detected near York on Tuesday.", "the target's beacon"),
    ],
)  # fmt: skip
def test_the_targets_craft_named_again_and_its_things_are_traces(
    text: str, who: str, nlp: Any
) -> None:
    (trace,) = _traces(_read(text, nlp))
    assert (trace.place_name, trace.who) == ("York", who)
    assert "(her yacht Gull)" in trace.note


_GULL = "Jane Doe left Leeds aboard her yacht Gull on Monday. "
_GONE = "Jane Doe went missing on Monday. "


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # another craft named since, another craft's name, a craft of no one's
        (_GULL + "A fishing boat found the boat's liferaft near York on Tuesday.",
         [("Leeds", "target")]),
        (_GULL + "The Heron was found drifting near York on Tuesday.",
         [("Leeds", "target")]),
        (_GONE + "The yacht's beacon was detected near York on Tuesday.", []),
        (_GONE + "Wreckage was found near York on Tuesday.", []),
    ],
)  # fmt: skip
def test_another_craft_or_no_craft_of_the_targets_is_no_trace(
    text: str, kept: list[tuple[str, str]], nlp: Any
) -> None:
    reading = _read(text, nlp)
    assert _traces(reading) == []
    # all that is read: the departure from Leeds (review r22: an empty reading
    # no longer passes), or nothing, with the first sentence listed as unused
    assert [(i.kind, i.place_name, i.subject) for i in reading.evidence] == [
        ("sighting", *k) for k in kept
    ]
    assert set_aside(reading) == []
    assert [x.quote for x in reading.unused] == ([] if kept else [_GONE.strip()])


def test_a_named_boat_found_running_gives_a_row_where_its_place_is_unresolved(
    nlp: Any,
) -> None:
    # r16 10-maine-fisherman.txt: no item and no row before
    reading = _read(
        "Jacob Eaton, 41, left the Stonington fish pier aboard his 36-foot lobster "
        "boat, the Miss Abigail, before dawn on Tuesday to haul traps alone, the "
        "Coast Guard said.\n\nAnother fisherman found the Miss Abigail running "
        "with no one aboard about 6 nautical miles southeast of Isle au Haut at "
        "about 2 p.m. Tuesday and called the Coast Guard on the VHF radio.",
        nlp,
        "Jacob Eaton",
    )
    assert any(
        d.startswith("the Miss Abigail (his 36-foot lobster boat, the Miss Abigail) "
                     "found, but at no resolved place")
        for d in _rows(reading, "no_place")
    )  # fmt: skip


# -- 3. an aircraft's last radar position and its wreckage ---------------------------
def test_an_aircrafts_last_radar_position_is_a_trace_at_the_offset(nlp: Any) -> None:
    reading = _read(_TOOK_OFF + _RADAR.format("Talkeetna"), nlp, _SORENSEN)
    (trace,) = _traces(reading)
    assert trace.place_name == "20 miles northwest of Talkeetna"
    assert trace.who == "the target's aircraft"
    assert "the aircraft's (his Piper PA-18 Super Cub)" in trace.note


def test_an_unresolved_radar_position_gives_a_row_naming_the_place(nlp: Any) -> None:
    # r17 08-alaska-pilot.md: Skwentna is no place the gazetteer knows
    reading = _read(_TOOK_OFF + _RADAR.format("Skwentna"), nlp, _SORENSEN)
    assert _traces(reading) == []
    (skwentna,) = [x for x in reading.rejected if x.quote == "Skwentna"]
    assert skwentna.reason == "unresolved"
    assert "the aircraft's (his Piper PA-18 Super Cub), showed" in skwentna.detail
    # where it was heading is no place of the trace
    assert not [x for x in reading.rejected if x.quote == "Rainy Pass"]


def test_wreckage_of_the_targets_aircraft_spotted_is_a_trace(nlp: Any) -> None:
    reading = _read(_TOOK_OFF + _WRECKAGE.format("Talkeetna"), nlp, _SORENSEN)
    (trace,) = _traces(reading)
    assert trace.place_name == "6 miles southeast of Talkeetna"
    assert trace.who == "the target's wreckage"
    unplaced = _read(_TOOK_OFF + _WRECKAGE.format("Rainy Pass Lodge"), nlp, _SORENSEN)
    assert [x.reason for x in unplaced.rejected if x.quote == "Rainy Pass Lodge"] == [
        "unresolved"
    ]


# -- 4. a thing believed, or looking, to be the target's ------------------------------
def test_a_pack_believed_to_be_his_is_a_probable_trace(nlp: Any) -> None:
    reading = _read(
        "Lukas Becker, 24, was last seen at Waterfall Valley Hut on Thursday "
        "morning. On Sunday, a pack believed to be his was found beside the track "
        "near Launceston.",
        nlp,
        "Lukas Becker",
    )
    (trace,) = _traces(reading)
    assert (trace.place_name, trace.hedge) == ("Launceston", "probable")
    assert "whose it is hedged ('believed to be his')" in trace.note


def test_the_real_pack_sentence_gives_rows_for_its_unresolved_places(
    nlp: Any,
) -> None:
    # r17 10-tasmania-bushwalker.md: no row for the pack before
    reading = _read(
        "Lukas Becker, 24, was last seen at Waterfall Valley Hut on Thursday "
        "morning. On Sunday, a pack believed to be his was found beside the track "
        "near Lake Windermere, about 12 kilometres south of Cradle Mountain.",
        nlp,
        "Lukas Becker",
    )
    assert ("unresolved", "Lake Windermere") in set_aside(reading)
    assert any(d.startswith("a pack, believed to be his found") for d in _rows(
        reading, "no_place"
    ))  # fmt: skip


def test_a_pack_believed_to_be_someone_elses_is_no_trace(nlp: Any) -> None:
    reading = _read(
        "Lukas Becker, 24, was last seen on Thursday morning. On Sunday, a pack "
        "believed to be Tom Fox's was found beside the track near Launceston.",
        nlp,
        "Lukas Becker",
    )
    assert _traces(reading) == []


def test_a_tent_matching_the_description_of_the_groups_is_a_possible_trace(
    nlp: Any,
) -> None:
    pair = (
        "Johan Pretorius, 52, and his friend Sipho Ndlovu, 48, set off on "
        "Thursday morning. The pair were last seen by a ranger at about 11am on "
        "Thursday. A tent matching the description of theirs was spotted from a "
        "helicopter near {} on Saturday, but no one was seen near it, Gwala said."
    )
    (trace,) = _traces(_read(pair.format("Bergville"), nlp, "Johan Pretorius"))
    assert (trace.place_name, trace.hedge) == ("Bergville", "possible")
    # r17 07-drakensberg-hikers.md: the Mnweni Cutback is no known place
    reading = _read(pair.format("the Mnweni Cutback"), nlp, "Johan Pretorius")
    assert ("unresolved", "Mnweni Cutback") in set_aside(reading)


# -- 5. a record that put the target somewhere ---------------------------------------
_RUNNER = (
    "Ruaridh Mackintosh, 33, set off from the Coire Cas car park at about 8am on "
    "Monday to run a loop over Cairn Gorm and Ben Macdui, police said. He was "
    "reported missing by his partner at 7pm. "
)


def test_an_upload_that_put_him_near_a_place_is_a_trace(nlp: Any) -> None:
    # "Ben Macdui", taken for a person, no longer cuts "His" off from the target
    reading = _read(
        _RUNNER + "His last Strava upload, at 12.47pm, put him near Aviemore.",
        nlp,
        "Ruaridh Mackintosh",
    )
    (trace,) = _traces(reading)
    assert (trace.place_name, trace.who) == ("Aviemore", "the target's strava upload")
    real = _read(
        _RUNNER + "His last Strava upload, at 12.47pm, put him near the summit of "
        "Ben Macdui.",
        nlp,
        "Ruaridh Mackintosh",
    )
    (macdui,) = [x for x in real.rejected if x.reason == "unresolved"]
    assert macdui.quote == "Ben Macdui"


@pytest.mark.parametrize(
    "text",
    [
        "Ruaridh Mackintosh went missing on Monday. Witnesses put him near Aviemore.",
        "Ruaridh Mackintosh went missing on Monday. His photo was posted in Aviemore.",
    ],
)
def test_a_witness_or_a_photo_posted_is_no_trace(text: str, nlp: Any) -> None:
    assert _traces(_read(text, nlp, "Ruaridh Mackintosh")) == []


# -- 6. whose "his" is -------------------------------------------------------------
def test_a_route_taken_for_a_person_does_not_take_his_car(nlp: Any) -> None:
    # r16 12-scafell-walker.md: "Brown Tongue", a PERSON to the tagger, took
    # "His car" and "His phone" from the target: no row for either
    reading = _read(
        "Graham Pattinson, 66, from Kendal, set off from the National Trust car "
        "park at Wasdale Head at about 9am on Saturday intending to climb "
        "England's highest mountain by Brown Tongue and return by the Corridor "
        "Route, police said. His car was found at the car park on Saturday "
        "evening.",
        nlp,
        "Graham Pattinson",
    )
    assert "His car found, but at no resolved place" in _rows(reading, "no_place")


def test_his_after_another_person_is_still_no_trace_of_the_target(nlp: Any) -> None:
    reading = _read(
        "Jane Doe went missing. Police arrested Tom Fox. His car was found in York.",
        nlp,
    )
    assert _traces(reading) == []
