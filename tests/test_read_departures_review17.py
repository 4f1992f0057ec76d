"""Departures (review 17, F6): where the target set out from is the last known point.

"Jacob Eaton, 41, left the Stonington fish pier ... before dawn on Tuesday", "Ethan
Lavoie, 24, launched his kayak from North Beach in Burlington", "Travis Lindqvist,
47, was dropped off at the Spanish Creek trailhead, south of Bozeman" gave no item
and no row: each is now a sighting of the target at the place left from, dated
by the sentence, as "went missing near Vail" is, with a note that names the
departure. A place that does not resolve ("the Camp Richardson marina", "Merrill
Field") gives a ``no_place`` row that quotes it; where the target was only due or
meant to go ("was due in Fairbanks", "planned to hunt ... and walk out to Big
Sky") is set aside as ``conditional``. Another who leaves, a plan, a denial,
leaving what is no place ("left the company") and a fugitive's flight ("fled
Raqqa") are no such departure.

Each case is a real sentence (r16 and r17 articles), or one of its shape; both
sides of each rule are pinned.
"""

from __future__ import annotations

from typing import Any

import pytest

from reading import DOE, reader, set_aside, sightings

pytestmark = pytest.mark.nlp

_read = reader(DOE)

_LAST = "the last known point"


def _left(reading: Any) -> list[tuple[str, str, str, str | None]]:
    """(place, date, hedge, speaker) of each sighting read as a departure."""
    return [
        (i.place_name, i.date.isoformat(), i.hedge, i.provenance.speaker)
        for i in sightings(reading)
        if i.note.startswith("where the target left from") and _LAST in i.note
    ]


# -- 1. a departure is the last known point ----------------------------------------
@pytest.mark.parametrize(
    ("text", "target", "left", "words"),
    [
        # r16 10-maine-fisherman: no item, no row
        ("Jacob Eaton, 41, left the Stonington fish pier aboard his 36-foot "
         "lobster boat, the Miss Abigail, before dawn on Tuesday to haul traps "
         "alone, the Coast Guard said.", "Jacob Eaton",
         ("Stonington", "2018-06-05", "certain", "Coast Guard"),
         "left the Stonington fish pier"),
        # r16 17-champlain-kayaker: North Beach does not resolve, Burlington does
        ("Ethan Lavoie, 24, launched his kayak from North Beach in Burlington at "
         "about 5 p.m. on Saturday and was expected back within two hours, police "
         "said.", "Ethan Lavoie",
         ("Burlington", "2018-06-02", "certain", "Police"),
         "launched his kayak from"),
        # r16 07-oban-kayaker: the parse hangs "set off" on her name; the town
        # that says where the sands are is the place, and the speaker stays
        ("HM Coastguard said Fiona MacLeod, 45, from Glasgow, set off from "
         "Ganavan Sands, north of Oban, at about 9am on Monday to paddle across "
         "the Firth of Lorn to Duart Point on Mull, a trip of about 5 miles.",
         "Fiona MacLeod", ("Oban", "2018-06-04", "certain", "Coastguard"),
         "set off from"),
        # r17 01-montana-hunter: dropped off, in the passive
        ("Travis Lindqvist, 47, was dropped off at the Spanish Creek trailhead, "
         "south of Bozeman, on Saturday morning by a friend, who said he planned "
         "to hunt alone in the Spanish Peaks and walk out to Big Sky by Sunday "
         "night.", "Travis Lindqvist",
         ("Bozeman", "2018-06-02", "certain", None), "was dropped off at"),
        # r17 08-alaska-pilot, at a town that resolves
        ("Sorensen took off from Anchorage in his Piper PA-18 Super Cub at 9:40 "
         "a.m. Friday and was due in Fairbanks about three hours later, the "
         "Federal Aviation Administration said.", "Dale Sorensen",
         ("Anchorage", "2018-06-01", "certain",
          "Federal Aviation Administration"), "took off from"),
        # r17 04-mexico-cave-diver, at a town that resolves
        ("Jane Doe, 39, an experienced technical diver from Montreal, entered the "
         "water at Tulum at about 10 a.m. on Sunday with a dive buddy.", DOE,
         ("Tulum", "2018-06-03", "certain", None), "entered the water at"),
        # the other forms of setting out
        ("Jane Doe set out from Aspen on Monday morning.", DOE,
         ("Aspen", "2018-06-04", "certain", None), "set out from"),
        ("Jane Doe headed out from Stonington before dawn on Tuesday.", DOE,
         ("Stonington", "2018-06-05", "certain", None), "headed out from"),
        ("Jane Doe paddled out from Burlington at about 5 p.m. on Saturday.", DOE,
         ("Burlington", "2018-06-02", "certain", None), "paddled out from"),
        ("Jane Doe started a hike at a trailhead near Aspen on Monday.", DOE,
         ("Aspen", "2018-06-04", "certain", None), "started a hike at"),
        ("Jane Doe began her climb from Chamonix on Saturday.", DOE,
         ("Chamonix-Mont-Blanc", "2018-06-02", "certain", None),
         "began her climb from"),
        # hedged as any sighting is
        ("Police said Jane Doe may have set off from Oban on Monday.", DOE,
         ("Oban", "2018-06-04", "possible", "Police"), "set off from"),
        # a going out on foot, or a setting out, needs no date of its own: dated
        # as "went missing" is (was set aside as a place left)
        ("Jane Doe left Leeds on foot, police said.", DOE,
         ("Leeds", "2018-06-05", "certain", "Police"), "left Leeds"),
        ("Jane Doe set off from Aspen, police said.", DOE,
         ("Aspen", "2018-06-05", "certain", "Police"), "set off from"),
        # the country after the town says where it is (set aside, as before)
        ("Jane Doe left Cusco, Peru, on November 11.", DOE,
         ("Cusco", "2017-11-11", "certain", None), "left Cusco, Peru"),
    ],
)  # fmt: skip
def test_a_departure_is_a_sighting_at_the_place_left(
    nlp: Any, text: str, target: str, left: tuple[Any, ...], words: str
) -> None:
    reading = _read(text, nlp, target)
    assert _left(reading) == [left]
    note = next(i.note for i in sightings(reading) if i.place_name == left[0])
    assert note.startswith(f"where the target left from ({words!r}): {_LAST}")


@pytest.mark.parametrize(
    ("text", "target", "aside"),
    [
        # r17 08: was due there, a plan (Merrill Field itself does not resolve)
        ("Sorensen took off from Anchorage in his Piper PA-18 Super Cub at 9:40 "
         "a.m. Friday and was due in Fairbanks about three hours later, the "
         "Federal Aviation Administration said.", "Dale Sorensen", "Fairbanks"),
        # r17 01: the friend's word of the plan
        ("Travis Lindqvist, 47, was dropped off at the Spanish Creek trailhead, "
         "south of Bozeman, on Saturday morning by a friend, who said he planned "
         "to hunt alone in the Spanish Peaks and walk out to Big Sky by Sunday "
         "night.", "Travis Lindqvist", "Big Sky"),
        # the purpose of setting off
        ("Jane Doe set off from Aspen on Monday to hike to Vail.", DOE, "Vail"),
    ],
)  # fmt: skip
def test_where_the_target_was_due_is_set_aside_as_a_plan(
    nlp: Any, text: str, target: str, aside: str
) -> None:
    reading = _read(text, nlp, target)
    assert ("conditional", aside) in set_aside(reading)
    assert aside not in [i.place_name for i in reading.evidence]


# -- 2. a departure from a place that does not resolve: a row, not nothing ---------
@pytest.mark.parametrize(
    ("text", "target", "origin"),
    [
        ("Kevin Marsh, 58, launched his 19-foot boat from the Camp Richardson "
         "marina on Monday morning, the sheriff's office said.", "Kevin Marsh",
         "the Camp Richardson marina"),
        ("Sorensen took off from Merrill Field in his Piper PA-18 Super Cub at "
         "9:40 a.m. Friday and was due in McGrath about three hours later, the "
         "Federal Aviation Administration said.", "Dale Sorensen",
         "Merrill Field"),
        ("Marc-Andre Gagnon, 39, an experienced technical diver from Montreal, "
         "entered the water at the Cenote Dos Ojos at about 10 a.m. on Sunday "
         "with a dive buddy, who turned back after about 40 minutes because of a "
         "problem with his equipment.", "Marc-Andre Gagnon",
         "the Cenote Dos Ojos"),
        ("Graham Pattinson, 66, from Kendal, set off from the National Trust car "
         "park at Wasdale Head at about 9am on Saturday intending to climb "
         "England's highest mountain by Brown Tongue and return by the Corridor "
         "Route, police said.", "Graham Pattinson",
         "the National Trust car park at Wasdale Head"),
    ],
)  # fmt: skip
def test_a_departure_from_a_place_that_does_not_resolve_is_a_row(
    nlp: Any, text: str, target: str, origin: str
) -> None:
    reading = _read(text, nlp, target)
    assert not sightings(reading)
    why = [x.detail for x in reading.rejected if x.reason == "no_place"]
    assert f"the target left from {origin!r}, but at no resolved place" in why


# -- 3. what is no departure of the target's ---------------------------------------
_UNUSED = "unused"  # a sentence about the target that gave nothing, listed as such


@pytest.mark.parametrize(
    ("text", "aside"),
    [
        # someone else sets out
        ("Her brother left Leeds on Monday.", []),
        ("Jane Doe's brother set off from Leeds on Monday.", [_UNUSED]),
        ("After Jane Doe went missing, rescuers set off from Oban on Monday.",
         [_UNUSED]),
        # a plan, or a condition (the first was a sighting at Oban last Monday)
        ("Jane Doe will set off from Oban on Monday.", [("not_target", "Oban")]),
        ("Jane Doe was due to leave Leeds on Monday.", [_UNUSED]),
        ("If she left Leeds on Monday, she would be in York by now.", []),
        # leaving what is no place, or launching what is no boat
        ("Jane Doe left the company in 2016.", [_UNUSED]),
        ("Jane Doe left the Labour party in Leeds in 2016.", [_UNUSED]),
        ("Jane Doe took off from work on Monday.", [_UNUSED]),
        ("Jane Doe launched an appeal from Leeds on Monday.", [_UNUSED]),
        ("Jane Doe entered the race in Leeds on Monday.", [_UNUSED]),
    ],
)  # fmt: skip
def test_what_is_no_departure_of_the_target(
    nlp: Any, text: str, aside: list[Any]
) -> None:
    reading = _read(text, nlp)
    # no item at all: no sighting, and no claim of where she is either
    assert list(reading.evidence) == []
    # what the reading says instead: the place set aside, or the whole sentence
    # listed as about her and giving nothing (review r22: an empty reading no
    # longer passes where the reader says more)
    said = set_aside(reading) + [
        (x.reason, x.quote) for x in reading.unused if x.quote == text
    ]
    assert said == [(_UNUSED, text) if a == _UNUSED else a for a in aside]
    assert len(reading.unused) == aside.count(_UNUSED)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Jane Doe did not set off from Oban on Monday.", "not"),
        ("Jane Doe never left Leeds on Monday.", "never"),
    ],
)
def test_a_departure_denied_is_set_aside(nlp: Any, text: str, cue: str) -> None:
    reading = _read(text, nlp)
    assert not reading.evidence
    assert [x.detail for x in reading.rejected if x.reason == "negated"] == [
        f"a sighting that is denied ({cue!r}): no one was seen"
    ]


@pytest.mark.parametrize(
    ("text", "aside"),
    [
        # a fugitive's flight, and an undated leaving, are set aside as before
        ("Jane Doe fled to Mosul from Raqqa, police said.", "Raqqa"),
        ("Jane Doe fled Raqqa, police said.", "Raqqa"),
        ("Jane Doe left Leeds, police said.", "Leeds"),
    ],
)
def test_a_flight_or_an_undated_leaving_is_a_place_left(
    nlp: Any, text: str, aside: str
) -> None:
    reading = _read(text, nlp)
    assert not sightings(reading)
    assert ("not_target", aside) in set_aside(reading)


def test_a_departure_keeps_its_own_place_not_the_next_clause(nlp: Any) -> None:
    text = "Jane Doe set off from Aspen on Monday and headed to Vail."
    reading = _read(text, nlp)
    assert _left(reading) == [("Aspen", "2018-06-04", "certain", None)]
    assert [(i.kind, i.place_name) for i in reading.evidence] == [
        ("sighting", "Aspen"),
        ("claim", "Vail"),
    ]
