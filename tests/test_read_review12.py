"""A sentence of death is no death (review of this session's reading rules).

Before: "Jane Doe was sentenced to death in absentia in Baghdad" and "faces the
death penalty" gave a certain death of the target.
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
