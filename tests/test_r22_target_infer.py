"""The inferred target is a person: no town, street or possessive (review r22, 6–8).

"Alice Springs" is a given name and a capitalised word, but a town the
gazetteer knows: not a person's name, however often the tagger calls it one.
"Garnett Ridge Drive" ends in a street's word: no person. "Smith's street"
after "in" is a possessive, a person's as much as a town's: no place.
"""

from __future__ import annotations

from typing import Any

import pytest

from geosleuth.read._target_infer import _place_like
from geosleuth.read.toponyms import Mention


def _doc(text: str, ents: list[tuple[str, str]]) -> Any:
    """A blank spaCy doc of ``text`` with each ``(words, label)`` tagged everywhere."""
    spacy = pytest.importorskip("spacy", reason="needs the [nlp] extra (spaCy)")
    doc = spacy.blank("en")(text)
    spans = []
    for words, label in ents:
        start = text.find(words)
        while start >= 0:
            spans.append(doc.char_span(start, start + len(words), label=label))
            start = text.find(words, start + len(words))
    doc.ents = sorted(spans, key=lambda s: s.start)
    return doc


def _inferred(
    text: str, ents: list[tuple[str, str]], places: dict[str, str]
) -> str | None:
    """Whom :func:`infer_target` names, with each of ``places`` a resolved mention."""
    from geosleuth.read.target import infer_target

    mentions = []
    for words, place in places.items():
        start = text.find(words)
        while start >= 0:
            end = start + len(words)
            mentions.append(
                Mention(words, start, end, place, 0.0, 0.0, None, 0.9, None)
            )
            start = text.find(words, end)
    mentions.sort(key=lambda m: m.start)
    who = infer_target(text, doc=_doc(text, ents), mentions=mentions)
    assert who is None or who.inferred
    return None if who is None else who.name


def test_a_town_the_gazetteer_knows_is_no_person_though_a_given_name_opens_it() -> None:
    text = (
        "Alice Springs police said Alice Springs was quiet. Tom Fox lives in "
        "Alice Springs."
    )
    ents = [("Alice Springs", "PERSON"), ("Tom Fox", "PERSON")]
    assert _inferred(text, ents, {"Alice Springs": "Alice Springs"}) == "Tom Fox"


def test_a_name_ending_in_a_streets_word_is_no_person() -> None:
    text = (
        "Police found the car on Garnett Ridge Drive. Neighbours on Garnett Ridge "
        "Drive heard shots, Tom Fox said."
    )
    ents = [("Garnett Ridge Drive", "PERSON"), ("Tom Fox", "PERSON")]
    assert _inferred(text, ents, {}) == "Tom Fox"
    # the same name without the street's word is a person named twice
    text = text.replace("Garnett Ridge Drive", "Garnett Ridge")
    ents = [("Garnett Ridge", "PERSON"), ("Tom Fox", "PERSON")]
    assert _inferred(text, ents, {}) == "Garnett Ridge"


class _KnowsAll:
    """A gazetteer that holds every name."""

    def knows(self, name: str) -> bool:
        return True


def test_a_possessive_after_in_is_no_place_even_in_the_gazetteer() -> None:
    text = "The shop is in Smith's street."
    assert _place_like(text, "Smith", outbreak=False, gazetteer=_KnowsAll()) is False
    # without the possessive, "in Smith" and a gazetteer that holds it: a place
    text = "The shop is in Smith."
    assert _place_like(text, "Smith", outbreak=False, gazetteer=_KnowsAll()) is True
