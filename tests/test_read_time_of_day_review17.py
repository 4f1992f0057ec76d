"""A sentence that gives only a time is of the day of the sentence before (r17 F9).

"Margaret Holme was last seen at about 6.15pm on Monday ... CCTV footage showed
her walking along Aynam Road at 6.40pm" dated the CCTV sighting to the day of
publication, Tuesday: a day late, under a hazard whose half-life is days. A
sentence with no date but a time of day ("at 6.40pm", "shortly after 11
a.m.", "later that evening") now takes the day of a sentence at most two
before it, when that sentence's last date is one day, and says so in its note.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from reading import sightings

pytestmark = pytest.mark.nlp

PUB = dt.date(2024, 1, 10)  # a Wednesday
MONDAY, TUESDAY = dt.date(2024, 1, 8), dt.date(2024, 1, 9)


def _seen(text: str, nlp: Any) -> list[tuple[str, dt.date, str]]:
    from geosleuth.read.document import read_text

    reading = read_text(text, target="Jane Doe", nlp=nlp, published=PUB)
    return [(str(s.place_name), s.date, s.note) for s in sightings(reading)]


@pytest.mark.parametrize(
    ("text", "words", "clock"),
    [
        ("Jane Doe was last seen leaving a care home in Kendal on Monday. CCTV "
         "footage showed her walking in Leeds at 6.40pm, police said.",
         "Monday", "6.40pm"),
        ("Jane Doe was seen in York on Monday. Later that evening she was seen "
         "in Leeds.", "Monday", "that evening"),
        ("Jane Doe was seen in York on Monday. Her brother spoke to reporters. "
         "Police said she was seen in Leeds at 9pm.", "Monday", "9pm"),
    ],
)  # fmt: skip
def test_a_sentence_with_only_a_time_takes_the_day_before(
    text: str, words: str, clock: str, nlp: Any
) -> None:
    leeds = [x for x in _seen(text, nlp) if x[0] == "Leeds"]
    assert [(p, d) for p, d, _ in leeds] == [("Leeds", MONDAY)]
    assert leeds[0][2].endswith(
        f"dated from {words!r} of an earlier sentence: this one gives only a time "
        f"({clock!r})"
    )


@pytest.mark.parametrize(
    "text",
    [
        # too far back: three sentences between
        "Jane Doe was seen in York on Monday. Her brother spoke. Her sister "
        "spoke. Police said Jane Doe was seen in Leeds at 9pm.",
        # the sentence before gives a year, not a day
        "Jane Doe went missing in 2023. She was seen in Leeds at 6.40pm.",
        # its own day wins
        "Jane Doe was seen in York on Monday. She was seen in Leeds on "
        "Wednesday at 9pm.",
        # no time at all: publication, as before
        "Jane Doe was seen in York on Monday. She was seen in Leeds.",
    ],
)
def test_no_day_is_carried_from_far_from_a_year_or_over_its_own(
    text: str, nlp: Any
) -> None:
    (leeds,) = [x for x in _seen(text, nlp) if x[0] == "Leeds"]
    assert leeds[1] == PUB or "Wednesday" in leeds[2]
    assert "of an earlier sentence" not in leeds[2]


def test_a_carried_day_after_tuesday_is_tuesday(nlp: Any) -> None:
    text = (
        "Jane Doe was found alive on Tuesday near Leeds, police said. She was "
        "seen in York shortly after 11 a.m. by a walker."
    )
    york = [x for x in _seen(text, nlp) if x[0] == "York"]
    assert [d for _, d, _ in york] == [TUESDAY]
