"""A sentence of death is no death; where the one who saw lives is no sighting.

From a review of this session's reading rules. Before: "Jane Doe was sentenced to
death in absentia in Baghdad" and "faces the death penalty" gave a certain death
of the target, and "seen in Leeds by a man from York" a second sighting, at York.
"""

from __future__ import annotations

from typing import Any

import pytest

from reading import DOE, reader

pytestmark = pytest.mark.nlp

_read = reader(DOE)


@pytest.mark.parametrize(
    "text",
    [
        "Jane Doe was sentenced to death in absentia in Baghdad on Monday.",
        "Jane Doe faces the death penalty in Texas.",
        "Jane Doe was condemned to death by a court in Baghdad.",
        "Jane Doe received death threats in Leeds.",
    ],
)
def test_a_sentence_of_death_is_no_death(nlp: Any, text: str) -> None:
    assert [i.kind for i in _read(text, nlp).evidence if i.kind == "life_status"] == []


def test_a_death_after_a_sentence_is_read(nlp: Any) -> None:
    text = (
        "Jane Doe was sentenced to death in 2016 and died in prison in Baghdad on "
        "Monday."
    )
    (life,) = [i for i in _read(text, nlp).evidence if i.kind == "life_status"]
    assert (life.status, life.date.isoformat()) == ("dead", "2018-06-04")


@pytest.mark.parametrize(
    ("text", "seen", "aside"),
    [
        ("Jane Doe was seen in Leeds by a man who lives in York.", ["Leeds"],
         "York"),
        ("Jane Doe was seen in Leeds by a man from York.", ["Leeds"], "York"),
        ("Jane Doe was spotted by a resident of Aspen near Vail.", ["Vail"],
         "Aspen"),
        # the other side: where the seer was is where the seeing was
        ("Jane Doe was seen by a hiker in Aspen on Monday.", ["Aspen"], None),
    ],
)  # fmt: skip
def test_where_the_seer_comes_from_is_no_sighting(
    nlp: Any, text: str, seen: list[str], aside: str | None
) -> None:
    reading = _read(text, nlp)
    assert [i.place_name for i in reading.evidence if i.kind == "sighting"] == seen
    why = [x.detail for x in reading.rejected if x.quote == aside]
    assert (aside is None) or any("describes the one who saw" in w for w in why)


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        # review 12: Leeds was set aside as a relative clause's place
        ("Jane Doe, whose phone last pinged near Leeds on Monday, is believed to "
         "be in York.", "phone"),
        ("Jane Doe, whose car was found in Leeds on Monday, is believed to be in "
         "York.", "car"),
    ],
)  # fmt: skip
def test_the_thing_of_a_whose_clause_is_a_trace(
    nlp: Any, text: str, thing: str
) -> None:
    reading = _read(text, nlp)
    (trace,) = [i for i in reading.evidence if i.kind == "sighting"]
    assert (trace.place_name, trace.subject, trace.date.isoformat()) == (
        "Leeds",
        "associate",
        "2018-06-04",
    )
    assert f"the target's {thing}" in trace.note
    assert [i.place_name for i in reading.evidence if i.kind == "claim"] == ["York"]
    other = "Jane Doe, whose brother's car was found in Leeds, is in York."
    assert [i.kind for i in _read(other, nlp).evidence] == ["claim"]
