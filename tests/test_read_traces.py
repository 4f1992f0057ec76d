"""Cameras and traces: the target seen by a camera, and the target's things found.

Each test pins the items read from real sentences (kind, place, subject, speaker,
grade, hedge, note, what was set aside and why), and sentences on the other side
of each rule. A camera that places the target ("CCTV footage showed her in
Leeds", "caught on camera in Leeds", "He was filmed in Mosul") is a sighting of
the target, graded by who states it as any sighting is; a viewer who watched a
screen ("saw her on TV in Boston", "watched a video of her in Boston") or a
recording to watch ("TV footage", "a propaganda video") is none. A thing of the
target's found, used or located ("Her car was found in Aspen", "Jane Doe's phone
last pinged near Vail") is a trace: a sighting of an associate, with closeness
0.5, so weaker and wider than the target seen; someone else's thing is none.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geosleuth.evidence import Sighting
from geosleuth.read.traces import TRACE_CLOSENESS
from reading import BAGHDADI, DOE, affirms_nothing, reader, row, set_aside, sightings

pytestmark = pytest.mark.nlp

_read = reader(DOE)

_TRACE_NOTE = "where the target's own thing was, not the target seen"


# -- 1. a camera that places the target ----------------------------------------------
@pytest.mark.parametrize(
    ("text", "target", "expected", "camera"),
    [
        # each gave no sighting (the filmed and photographed ones, no note)
        ("Jane Doe went missing. CCTV footage showed her at Paddington station "
         "in London.", DOE, ("sighting", "London", "target", None, "F3", "certain"),
         "CCTV footage"),
        ("Jane Doe went missing. She was caught on camera in Leeds on Tuesday.",
         DOE, ("sighting", "Leeds", "target", None, "F3", "certain"), "on camera"),
        ("A security camera captured Jane Doe outside a shop in Vail.", DOE,
         ("sighting", "Vail", "target", None, "F3", "certain"), "security camera"),
        ("Al-Baghdadi was wounded. He was filmed in Mosul.", BAGHDADI,
         ("sighting", "Mosul", "target", None, "F3", "certain"), "filmed"),
        ("Al-Baghdadi was wounded. He was photographed in Mosul.", BAGHDADI,
         ("sighting", "Mosul", "target", None, "F3", "certain"), "photographed"),
        ("Jane Doe went missing. Doorbell footage shows her in Aspen.", DOE,
         ("sighting", "Aspen", "target", None, "F3", "certain"), "Doorbell footage"),
        ("Jane Doe went missing. Cameras picked her up in Leeds.", DOE,
         ("sighting", "Leeds", "target", None, "F3", "certain"), "Cameras"),
        ("Jane Doe went missing. She was recorded by a doorbell camera in Aspen.",
         DOE, ("sighting", "Aspen", "target", None, "F3", "certain"),
         "by doorbell camera"),
        # a camera's footage is no screen: was set aside as "in footage"
        ("Jane Doe went missing. She was seen in CCTV footage in Leeds.", DOE,
         ("sighting", "Leeds", "target", None, "F3", "certain"),
         "in CCTV footage"),
        # graded by who states it, as a witness's sighting is
        ("Jane Doe went missing. Police said CCTV footage showed her in Leeds.",
         DOE, ("sighting", "Leeds", "target", "Police", "F2", "certain"),
         "CCTV footage"),
        # the hedge is the seeing's
        ("Al-Baghdadi was wounded. Footage may show him in Mosul.", BAGHDADI,
         ("sighting", "Mosul", "target", None, "F3", "possible"), "Footage"),
    ],
)  # fmt: skip
def test_a_camera_that_places_the_target_is_a_sighting(
    text: str, target: str, expected: tuple[Any, ...], camera: str, nlp: Any
) -> None:
    reading = _read(text, nlp, target)
    seen = [s for s in sightings(reading) if s.place_name == expected[1]]
    assert len(seen) == 1
    assert row(seen[0])[:6] == expected
    assert seen[0].closeness == 1.0
    assert seen[0].note.startswith(f"seen by a camera ({camera!r})")
    assert len(sightings(reading)) == len(reading.evidence)


def test_a_camera_sighting_is_dated_and_as_sure_as_a_witness_sighting(
    nlp: Any,
) -> None:
    (camera,) = _read(
        "Jane Doe went missing. She was caught on camera in Leeds on Sunday.", nlp
    ).evidence
    (witness,) = _read(
        "Jane Doe went missing. A hiker saw her in Leeds on Sunday.", nlp
    ).evidence
    assert isinstance(camera, Sighting)
    assert isinstance(witness, Sighting)
    assert camera.date == witness.date == dt.date(2018, 6, 3)
    assert (camera.grade, camera.hedge, camera.sigma_km) == (
        witness.grade,
        witness.hedge,
        witness.sigma_km,
    )
    assert camera.p_true() == witness.p_true()


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # a viewer watching a screen: the place is where it was watched
        ("Jane Doe went missing. Residents saw her on TV in Boston.", "no_place"),
        ("Jane Doe went missing. She was seen on TV in Boston.", "no_place"),
        ("Jane Doe went missing. She was seen in footage in Boston.", "no_place"),
        ("Jane Doe went missing. A hiker watched a video of her in Boston.", None),
        # a recording to watch is no camera that saw her
        ("Jane Doe went missing. TV footage showed her in Boston.", None),
        ("Jane Doe went missing. A propaganda video showed her in Boston.", None),
        # the camera saw someone else
        ("Jane Doe went missing. CCTV footage showed her brother in Boston.", None),
        ("Jane Doe went missing. A security camera captured Tom Fox in Boston.", None),
        # denied, or under a condition
        ("Jane Doe went missing. No camera captured her in Boston.", "negated"),
        ("Jane Doe went missing. CCTV footage did not show her in Boston.",
         "negated"),
        ("Jane Doe went missing. If a camera captured her in Boston, police will "
         "know.", "conditional"),
        # "captured" with no camera is no camera's seeing (but the target taken:
        # tests/test_read_found.py)
        ("Jane Doe went missing. A camera was captured in Boston.", None),
    ],
)  # fmt: skip
def test_a_screen_a_recording_to_watch_or_a_denied_camera_is_no_sighting(
    text: str, reason: str | None, nlp: Any
) -> None:
    reading = _read(text, nlp)
    assert not sightings(reading)
    assert not [i for i in reading.evidence if getattr(i, "place_name", "") == "Boston"]
    sentence = text.split(". ", 1)[1]
    reasons = [r for r, q in set_aside(reading) if q == sentence]
    assert reasons == ([reason] if reason else [])


# -- 2. traces: the target's things -------------------------------------------------
@pytest.mark.parametrize(
    ("text", "target", "place", "thing", "verb", "hedge"),
    [
        # each gave nothing
        ("Jane Doe went missing. Her car was found in Aspen.", DOE, "Aspen",
         "Her car", "found", "certain"),
        ("Jane Doe's phone last pinged near Vail.", DOE, "Vail",
         "Jane Doe's phone", "pinged", "certain"),
        ("Al-Baghdadi fled. His backpack was found at the trailhead near Mosul.",
         BAGHDADI, "Mosul", "His backpack", "found", "certain"),
        ("Jane Doe went missing. Her bank card was used in Denver.", DOE,
         "Denver", "Her bank card", "used", "certain"),
        ("Jane Doe went missing. Police found her car in Aspen.", DOE, "Aspen",
         "her car", "found", "certain"),
        ("Jane Doe went missing. Her car was seen in Vail.", DOE, "Vail",
         "Her car", "seen", "certain"),
        ("Jane Doe went missing. Her phone turned up in Leeds.", DOE, "Leeds",
         "Her phone", "turned", "certain"),
        # the hedge is the finding's
        ("Jane Doe went missing. Her car may have been found in Aspen.", DOE,
         "Aspen", "Her car", "found", "possible"),
    ],
)  # fmt: skip
def test_a_thing_of_the_targets_found_somewhere_is_a_trace(
    text: str, target: str, place: str, thing: str, verb: str, hedge: str, nlp: Any
) -> None:
    reading = _read(text, nlp, target)
    (trace,) = reading.evidence
    assert isinstance(trace, Sighting)
    assert row(trace)[:6] == ("sighting", place, "associate", None, "F3", hedge)
    # the thing, with "the target's" for its owner: one group for the thing
    own = thing.split("'s ", 1)[1] if "'s " in thing else thing.split(" ", 1)[1]
    assert (trace.who, trace.closeness) == (f"the target's {own}", TRACE_CLOSENESS)
    assert trace.group == f"associate:the target's {own}"
    assert trace.note.startswith(
        f"a trace of the target ({thing}, {verb}): {_TRACE_NOTE}; closeness "
        f"{TRACE_CLOSENESS} (default for a trace)"
    )


def test_a_trace_weighs_less_and_spreads_wider_than_the_target_seen(
    nlp: Any,
) -> None:
    (trace,) = _read("Jane Doe went missing. Her car was found in Aspen.", nlp).evidence
    (seen,) = _read("Jane Doe went missing. She was seen in Aspen.", nlp).evidence
    assert isinstance(trace, Sighting)
    assert isinstance(seen, Sighting)
    assert (trace.place, trace.grade, trace.sigma_km) == (
        seen.place,
        seen.grade,
        seen.sigma_km,
    )
    assert trace.p_true() == pytest.approx(seen.p_true() * TRACE_CLOSENESS)
    # the fusion adds associate_sigma_km to an associate's spread
    assert (trace.subject, trace.associate_sigma_km) == ("associate", 25.0)
    assert seen.subject == "target"


def test_a_dated_finding_dates_the_trace(nlp: Any) -> None:
    text = "Jane Doe went missing. Police found her car in Aspen on Friday."
    (trace,) = _read(text, nlp).evidence
    assert trace.date == dt.date(2018, 6, 1)


@pytest.mark.parametrize(
    "text",
    [
        # someone else's thing, or no one's
        "Jane Doe went missing. A car was found in Aspen.",
        "Jane Doe went missing. Her brother's car was found in Aspen.",
        "Jane Doe went missing. Tom Fox's car was found in Aspen.",
        "Al-Baghdadi fled. His brother's car was found in Aspen.",
        # "his" after another person, or of the other gender
        "Jane Doe went missing. Tom Fox left. His car was found in Aspen.",
        "Jane Doe, a 45-year-old woman, went missing. His car was found in Aspen.",
        # not a thing that places her, or no verb that puts it there
        "Jane Doe went missing. Her sister was found in Aspen.",
        "Jane Doe went missing. Her car is red, like the cars in Aspen.",
        # seen in the active voice: as before, no item
        "Jane Doe went missing. Residents saw her car in Aspen.",
    ],
)
def test_someone_elses_thing_is_no_trace_of_the_target(text: str, nlp: Any) -> None:
    target = BAGHDADI if text.startswith("Al-") else DOE
    reading = _read(text, nlp, target)
    assert affirms_nothing(reading)
    assert not [i for i in reading.evidence if _TRACE_NOTE in i.note]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Doe went missing. Her car was not found in Aspen.",
         [("negated", "Her car was not found in Aspen.")]),
        ("Jane Doe went missing. Police denied that her car was found in Aspen.",
         [("negated", "Police denied that her car was found in Aspen.")]),
        ("Jane Doe went missing. If her phone pinged near Aspen, police will know.",
         [("conditional",
           "If her phone pinged near Aspen, police will know.")]),
    ],
)  # fmt: skip
def test_a_denied_or_conditional_finding_is_no_trace(
    text: str, expected: list[tuple[str, str]], nlp: Any
) -> None:
    reading = _read(text, nlp)
    assert reading.evidence == ()
    assert set_aside(reading) == expected


def test_a_place_denied_on_its_own_is_no_trace(nlp: Any) -> None:
    reading = _read("Jane Doe went missing. Her car was found in Aspen, not Vail.", nlp)
    (trace,) = reading.evidence
    assert isinstance(trace, Sighting)
    assert trace.place_name == "Aspen"
    assert set_aside(reading) == [("negated", "Vail")]
    assert reading.rejected[0].detail.endswith("nothing was found there")


def test_the_traces_of_one_thing_are_one_mixture_across_sentences(nlp: Any) -> None:
    # the car found at two places: the target was near one of them, not both
    reading = _read(
        "Jane Doe went missing. Her car was found in Aspen on Friday. "
        "Her bank card was used in Denver. Jane Doe's car was spotted in Vail.",
        nlp,
    )
    groups = {t.place_name: t.group_key for t in sightings(reading)}
    assert groups["Aspen"] == groups["Vail"] == "associate:the target's car"
    assert groups["Denver"] == "associate:the target's bank card"


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # the parse makes the target the subject of what she was doing
        ("Jane Doe went missing. CCTV footage showed Jane Doe walking near Leeds "
         "station.", ["Leeds"]),
        ("Jane Doe went missing. CCTV footage showed a man boarding a train in "
         "York.", []),
        ("Jane Doe went missing. CCTV footage did not show Jane Doe walking near "
         "Leeds station.", []),
    ],
)  # fmt: skip
def test_a_camera_that_shows_the_target_doing_something_places_her(
    text: str, places: list[str], nlp: Any
) -> None:
    reading = _read(text, nlp)
    assert [s.place_name for s in sightings(reading)] == places
    assert all(s.subject == "target" for s in sightings(reading))
