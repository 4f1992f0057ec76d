"""A sentence that names the target by a nisba alone is about the target (r22, 17).

"al-Baghdadi is 47." names the target ("Abu Bakr al-Baghdadi") by his nisba
only; when it gives nothing, it is listed as unused like one that names him
in full, by a title or by a pronoun.
"""

from __future__ import annotations

import pytest

from geosleuth.read._target_names import TargetRef
from geosleuth.read._unused import unused_sentences


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("al-Baghdadi", "nisba"),
        ("Abu Bakr al-Baghdadi", "name"),
        ("The caliph", "title"),
        ("He", "pronoun"),
    ],
)
def test_a_sentence_naming_the_target_in_any_way_that_gave_nothing_is_unused(
    words: str, kind: str
) -> None:
    text = f"{words} is 47."
    rows = unused_sentences(
        text, [(0, len(text))], [TargetRef(0, len(words), words, kind)], [], []
    )
    assert [(r.reason, r.span, r.quote) for r in rows] == [
        ("unused", (0, len(text)), text)
    ]
    assert rows[0].detail.startswith(f"a sentence about the target ({words!r})")
