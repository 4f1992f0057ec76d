"""Reading fixes from the review of wire copy from abroad (session 13).

Before: the place where a speaker spoke was a claim on the target ("Abu Ali is
in Raqqa, the minister told reporters in Baghdad" placed him in Raqqa and in
Baghdad, 400 km apart), and a denial ("'... is not in Syria,' Vulin told
reporters in Baghdad") denied Baghdad and lost Syria.
"""

from __future__ import annotations

from typing import Any

import pytest

from reading import reader, set_aside
from reading import rows as _rows

pytestmark = pytest.mark.nlp

ALI = "Abu Ali"
_read = reader(ALI)


@pytest.mark.parametrize(
    "text",
    [
        "Abu Ali is in Raqqa, the minister told reporters in Baghdad.",
        "Abu Ali is in Raqqa, the minister said in Baghdad.",
        "Abu Ali is in Raqqa, the minister told Reuters in Baghdad.",
        "The minister told a news conference in Baghdad that Abu Ali is in Raqqa.",
        "Speaking in Baghdad, the minister said Abu Ali is in Raqqa.",
        "Abu Ali is in Raqqa, according to the gendarmerie in Baghdad.",
    ],
)
def test_where_the_words_were_spoken_is_not_where_he_is(nlp: Any, text: str) -> None:
    r = _read(text, nlp)
    assert [row[:4] for row in _rows(r)] == [("claim", "Ar Raqqah", "is", "certain")]
    assert any(
        reason == "not_target" and quote == "Baghdad" for reason, quote in set_aside(r)
    )


def test_a_denial_spoken_elsewhere_keeps_what_it_denies(nlp: Any) -> None:
    r = _read(
        '"Abu Ali is not in Syria," interior minister Aleksandar Vulin told '
        "reporters in Baghdad.",
        nlp,
    )
    assert [row[:4] for row in _rows(r)] == [("claim", "Syria", "is_not", "certain")]


def test_where_the_target_spoke_is_not_set_aside(nlp: Any) -> None:
    # his own words, spoken in Mosul: no venue to set aside
    r = _read("Abu Ali said in Mosul that he is in Mosul.", nlp)
    assert ("not_target", "Mosul") not in set_aside(r)
