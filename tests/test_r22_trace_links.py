"""The target's things the review r22 found unpinned (items 11–13).

- "a pack believed to have been hers" is hers as "believed to be hers" is,
  hedged by "believed";
- a craft named as hers ("her yacht Gull") and named again by "the yacht Gull"
  is still hers, and so are its things ("the yacht's beacon") after that;
- the verb that places the thing is one within a few words of it ("believed
  to be hers was seen"), not one of a clause about someone else further on
  ("which walkers ... had seen").
"""

from __future__ import annotations

from typing import Any

import pytest

from reading import reader, sightings

pytestmark = pytest.mark.nlp

_read = reader("Jane Doe")


def _traces(reading: Any) -> list[Any]:
    return [s for s in sightings(reading) if s.note.startswith("a trace of the target")]


def test_believed_to_have_been_hers_is_a_hedged_trace(nlp: Any) -> None:
    reading = _read(
        "Jane Doe went missing on Monday. On Tuesday a pack believed to have been "
        "hers was found near York.",
        nlp,
    )
    (trace,) = _traces(reading)
    assert (trace.place_name, trace.who, trace.hedge, trace.subject) == (
        "York",
        "the target's pack",
        "probable",
        "associate",
    )
    assert "(a pack, believed to have been hers, found)" in trace.note
    assert trace.note.endswith("whose it is hedged ('believed to have been hers')")


def test_a_craft_named_again_by_its_kind_and_name_is_still_hers(nlp: Any) -> None:
    reading = _read(
        "Jane Doe left Leeds aboard her yacht Gull on Monday. A fisherman saw the "
        "yacht Gull off Whitby. The yacht's beacon was detected near York on Tuesday.",
        nlp,
    )
    (trace,) = _traces(reading)
    assert (trace.place_name, trace.who, trace.hedge) == (
        "York",
        "the target's beacon",
        "certain",
    )
    assert "(beacon (her yacht Gull), detected)" in trace.note


@pytest.mark.parametrize(
    ("text", "traced"),
    [
        # the far verb, in a clause of others, does not place the pack
        ("A pack believed to be hers, which walkers from a village near the lake "
         "had seen on their way back, was found near York.", []),
        # the near one does
        ("A pack believed to be hers was seen near York.",
         [("York", "the target's pack", "probable")]),
    ],
)  # fmt: skip
def test_the_placing_verb_is_near_the_thing(
    text: str, traced: list[tuple[str, str, str]], nlp: Any
) -> None:
    reading = _read("Jane Doe went missing on Monday. " + text, nlp)
    assert [(t.place_name, t.who, t.hedge) for t in _traces(reading)] == traced
    assert not [x for x in reading.rejected if "believed to be hers" in x.detail]
    assert not [t for t in _traces(reading) if "had seen" in t.provenance.quote]
