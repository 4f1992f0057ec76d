"""A place the tagger calls a person takes no pronoun from the target (review 17).

The reader picks the sentences to parse by where the target may be named; a
place not resolved ("Brown Tongue", "Dos Ojos") that spaCy tagged as a person
stood between the target's name and "His car", which then went to that
"person", and the sentence was never read. The claims' reading already left
such names out; the choice of sentences now does too.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from geosleuth.read.document import _target_starts
from geosleuth.read.target import Target

spacy = pytest.importorskip("spacy")

TEXT = "Tom Gray went missing at Brown Tongue. His car was found in Leeds."


def _doc(*persons: tuple[int, int]) -> object:
    doc = spacy.blank("en")(TEXT)
    doc.ents = [doc.char_span(a, b, label="PERSON") for a, b in persons]
    return doc


def _unresolved(start: int, end: int) -> SimpleNamespace:
    nan = float("nan")
    return SimpleNamespace(
        start=start, end=end, lat=nan, lon=nan, role="place", place=None, name=None
    )


SENTENCES = [(0, 38), (39, len(TEXT))]


def test_an_unresolved_place_tagged_a_person_takes_no_pronoun() -> None:
    doc = _doc((0, 8), (25, 37))
    starts = _target_starts(
        TEXT, Target("Tom Gray"), doc, [_unresolved(25, 37)], SENTENCES
    )
    assert starts == [TEXT.index("Gray"), TEXT.index("His")]


def test_a_real_person_between_still_takes_it() -> None:
    doc = _doc((0, 8), (25, 37))  # 'Brown Tongue' a person here: no place says else
    starts = _target_starts(TEXT, Target("Tom Gray"), doc, [], SENTENCES)
    assert TEXT.index("His") not in starts
