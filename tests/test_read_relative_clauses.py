"""A relative clause about the target beside the statement of where she is.

Before: "Kaci Hickox, a nurse who treated Ebola patients in Sierra Leone, is in
Newark" was also a claim that she is in Sierra Leone, and "Kaci Hickox, who
fled to Mexico in 2016, is now hiding in Texas" one claim on Mexico ∩ Texas (a
sliver of border), dated 2016.
"""

from __future__ import annotations

from typing import Any

import pytest

from reading import claims, reader, set_aside

pytestmark = pytest.mark.nlp

HICKOX = "Kaci Hickox"
_read = reader(HICKOX)


def _claims(reading: Any) -> list[tuple[str, str, str, str]]:
    return [
        (c.place_name, c.polarity, c.hedge, c.date.isoformat()) for c in claims(reading)
    ]


@pytest.mark.parametrize(
    ("text", "rows", "aside"),
    [
        # a deed in another place, no location word of its own: set aside
        ("Kaci Hickox, a nurse who treated Ebola patients in Sierra Leone, is in "
         "Newark, officials said.",
         [("Newark", "is", "certain", "2018-06-05")], "Sierra Leone"),
        ("Police, who found her car in Denver, believe Kaci Hickox is in Utah.",
         [("Utah", "is", "probable", "2018-06-05")], "Denver"),
        # a movement of its own: a claim apart, with the clause's own date and
        # hedge; the main statement keeps its own
        ("Kaci Hickox, who fled to Mexico in 2017, is now hiding in Texas.",
         [("Mexico", "is", "certain", "2017-12-31"),
          ("Texas", "is", "certain", "2018-06-05")], None),
        ("Kaci Hickox, who is thought to have fled to Mexico in 2017, is now in "
         "Texas.",
         [("Mexico", "is", "probable", "2017-12-31"),
          ("Texas", "is", "certain", "2018-06-05")], None),
        ("Kaci Hickox, who lives in Denver, is believed to be hiding in Utah.",
         [("Denver", "is", "certain", "2018-06-05"),
          ("Utah", "is", "probable", "2018-06-05")], None),
    ],
)  # fmt: skip
def test_a_relative_clause_is_no_part_of_the_statement(
    nlp: Any, text: str, rows: list[tuple[str, str, str, str]], aside: str | None
) -> None:
    r = _read(text, nlp)
    assert _claims(r) == rows
    if aside is not None:
        assert ("not_target", aside) in set_aside(r)


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # the clause holds the only location word: it is the statement
        ("Kaci Hickox, who is hiding in Mosul, was charged on Monday.",
         [("Mosul", "is", "certain", "2018-06-04")]),
        # a clause that names a place is no clause about the target
        ("Officials say Kaci Hickox hides in the region they call Euphrates "
         "Province.", [("Euphrates Province", "is", "certain", "2018-06-05")]),
    ],
)  # fmt: skip
def test_a_clause_that_is_the_statement_is_read(
    nlp: Any, text: str, rows: list[tuple[str, str, str, str]]
) -> None:
    assert _claims(_read(text, nlp)) == rows
