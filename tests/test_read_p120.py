"""Review r116 W10, W11, U6, U7: where a timeline's last entry ends (helper p120).

- W11: an aside of commentary after the last entry of a "Key dates" box ("The
  arrest is a blow to the cartel, analysts say"), or a quotation in the
  present ("'He is a dangerous man,' the governor says"), no longer ends the
  box: the entry's later paragraphs in the past keep its day ("He was seen in
  Mazatlán on Monday, two days before his arrest": 30 January 2017, not 4 June
  2018). The box ends only at a paragraph that tells the target's state now
  ("He is believed to be hiding", "police say he is", "remains at large"),
  and not where the next paragraph goes on in the past from the entry's time.
- W10: a quotation's present ("'He is in Culiacán,' a guard told reporters on
  Sunday"), a present perfect ("He has been flown to Mexico City"), and a
  present dated by a day of the week ("They say he is hiding in Durango since
  Saturday"), in a box or in a plain diary, keep their entry's day.
- U7: the word test that finds the past: "-ed" words that are no past ("the
  United States", "remains wanted", "is still wanted", "considered armed",
  "one hundred") no longer keep the box open, and irregular pasts ("He broke
  out"), "He's believed" and a relative clause's "which is" are read. The
  spaCy parse is not there where timeline_days runs (claims.Extraction reads
  the text's whole timeline before the walk, and only some sentences are
  parsed), so the test is on words.
- U6: a timeline whose lines begin with their day ("1 February 2017: He was
  arrested", "• 1 February 2017 — ...") or with a bullet before a date line
  ("- 1 February 2017") dates its entries (was the article's day).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geosleuth.read.text import timeline_days
from reading import PUB, claims, reader, sightings

_salcedo = reader("Rodrigo Salcedo Ibarra")
_HEAD = "5 June 2018\n\nSalcedo was seen in Mazatlán on Sunday, police said.\n\n"
_BOX = (
    _HEAD + "Key dates:\n\n12 March 2015\n\nHe escaped from prison in Durango.\n\n"
    "1 February 2017\n\n{last}\n\n{tail}\n"
)
_ARRESTED = "He was arrested in Culiacán on Tuesday."
_FREED = "He was arrested in Culiacán but freed a day later."
_PRESENT = "He is believed to be hiding in Sinaloa, police said on Monday."


def _dated(r: Any) -> list[tuple[str, str | None, dt.date | None]]:
    return [(type(i).__name__, i.place_name, i.date) for i in r.evidence]


def _ends(text: str) -> bool:
    return None in [day for _, day in timeline_days(text)]


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("tail", "later"),
    [
        # an aside of commentary, then the entry goes on in the past
        ("The arrest is a blow to the cartel, analysts say.\n\nHe was seen in "
         "Mazatlán on Monday, two days before his arrest.",
         ("Sighting", "Mazatlán", dt.date(2017, 1, 30))),  # was 2018-06-04
        ("\"He is a dangerous man,\" the governor says.\n\nHe was flown to "
         "Mexico City on Wednesday and taken to Altiplano.",
         ("Claim", "Mexico City", dt.date(2017, 2, 1))),  # was 2018-05-30
        # near-miss: the target's state now, then the report's own past
        (_PRESENT + "\n\nHe was seen in Tepic on Sunday, police said.",
         ("Sighting", "Tepic", dt.date(2018, 6, 3))),
    ],
)  # fmt: skip
def test_an_aside_in_the_last_entry_does_not_end_the_box(
    tail: str, later: tuple[str, str, dt.date], nlp: Any
) -> None:
    r = _salcedo(_BOX.format(last=_ARRESTED, tail=tail), nlp)
    assert later in _dated(r)
    assert ("Sighting", "Culiacán", dt.date(2017, 1, 31)) in _dated(r)


def test_a_past_from_the_entrys_time_keeps_the_box_open() -> None:
    # the present paragraph is followed by one told from the entry's time
    box = _BOX.format(
        last=_ARRESTED,
        tail=_PRESENT + "\n\nHe was seen in Mazatlán on Monday, two days before "
        "his arrest.",
    )
    assert not _ends(box)
    # near-miss: told from the report's time
    assert _ends(box.replace(", two days before his arrest", ""))


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("tail", "place", "day"),
    [
        ("\"He is in our custody in Culiacán,\" the navy said on Wednesday.",
         "Culiacán", dt.date(2017, 2, 1)),  # was 2018-05-30
        ("He has been flown to Mexico City, officials said on Wednesday.",
         "Mexico City", dt.date(2017, 2, 1)),  # was 2018-05-30
        ("His lawyer says he is innocent and is being held in Mazatlán since "
         "Monday.", "Mazatlán", dt.date(2017, 2, 1)),  # was 2018-06-05
        # near-miss: the target's state now, a saying's day: the report's
        ("Police believe he is hiding in Sinaloa, officials said on Monday.",
         "Sinaloa", dt.date(2018, 6, 4)),
    ],
)  # fmt: skip
def test_a_quote_or_a_saying_of_the_entry_keeps_its_day(
    tail: str, place: str, day: dt.date, nlp: Any
) -> None:
    r = _salcedo(_BOX.format(last=_ARRESTED, tail=tail), nlp)
    assert ("Claim", place, day) in _dated(r)


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "place", "day"),
    [
        # a guard spoke in July 2015 (was 2018-06-03)
        ("5 June 2018\n\nSalcedo was seen in Mazatlán on Sunday, police said.\n\n"
         "11 July 2015\n\nHe escaped from Altiplano on Saturday.\n\n\"He is in "
         "Culiacán,\" a guard told reporters on Sunday.\n",
         "Culiacán", dt.date(2015, 7, 5)),
        # the 4 June entry's own paragraph (was 2018-06-05)
        ("Salcedo diary\n\n3 June 2018\n\nRodrigo Salcedo Ibarra was seen in "
         "Mazatlán on Sunday.\n\n4 June 2018\n\nPolice raided a house in Culiacán "
         "on Monday.\n\nThey say he is hiding in Durango since Saturday.\n",
         "Durango", dt.date(2018, 6, 4)),
    ],
)  # fmt: skip
def test_a_diarys_last_entry_keeps_its_present(
    text: str, place: str, day: dt.date, nlp: Any
) -> None:
    r = _salcedo(text, nlp)
    assert ("Claim", place, day) in _dated(r)


def test_a_diarys_closing_present_is_the_reports() -> None:
    # near-miss: no day of the week, no quotation: the report's present
    diary = (
        "Salcedo diary\n\n3 June 2018\n\nHe was seen in Mazatlán on Sunday.\n\n4 "
        "June 2018\n\nPolice raided a house in Culiacán on Monday.\n\n{tail}\n"
    )
    assert _ends(diary.format(tail="They say he is hiding in Durango."))
    assert not _ends(diary.format(tail="They say he is hiding in Durango since "
                                       "Saturday."))  # fmt: skip


@pytest.mark.parametrize(
    ("last", "tail"),
    [
        (_FREED, "He is believed to be hiding in the United States, police said."),
        (_FREED, "He remains wanted and is believed to be in Sinaloa."),
        (_FREED, "He is still wanted and is believed to be in Sinaloa."),
        (_FREED, "He is considered armed and dangerous and is believed to be in "
                 "Sinaloa, police said on Monday."),
        (_FREED, "A reward of one hundred thousand dollars is offered; he is "
                 "believed to be in Sinaloa."),
        (_FREED, "He's believed to be hiding in Sinaloa, police said on Monday."),
        (_FREED, "Police believe he is hiding in Sinaloa. He was last seen in "
                 "Mazatlán on Monday."),
        (_FREED, "Police think he is hiding in Sinaloa and was seen in Mazatlán "
                 "on Monday."),
        ("He broke out of prison in Culiacán.", _PRESENT),
        ("He fled to Culiacán.", _PRESENT),
        ("He was arrested in Culiacán, which is the capital of Sinaloa.", _PRESENT),
        ("Arrested in Culiacán.", _PRESENT),
    ],
)  # fmt: skip
def test_the_box_ends_at_the_targets_present(last: str, tail: str) -> None:
    assert _ends(_BOX.format(last=last, tail=tail))


@pytest.mark.parametrize(
    ("last", "tail"),
    [
        # the entry's own present: a historic present dated by a weekday, a
        # relative clause's past, commentary, a present perfect of the event
        (_ARRESTED, "He is freed on Friday and is believed to be hiding in Sinaloa."),
        (_ARRESTED, "The navy says he is now in Mexico City, where he arrived on "
                    "Wednesday."),
        (_ARRESTED, "He is a dangerous man, the governor says."),
        (_ARRESTED, "The United States has asked for his extradition."),
        (_ARRESTED, "He is held in Altiplano prison, officials say, and is due in "
                    "court in Mexico City on Friday."),
        # an entry told in the present
        ("He is arrested in Culiacán on Tuesday.", _PRESENT),
        ("He is arrested in Culiacán, police say.", _PRESENT),
    ],
)  # fmt: skip
def test_the_entrys_own_present_keeps_the_box_open(last: str, tail: str) -> None:
    assert not _ends(_BOX.format(last=last, tail=tail))


@pytest.mark.nlp
def test_a_wanted_man_in_the_united_states_is_the_reports(nlp: Any) -> None:
    tail = "He is believed to be hiding in the United States, police said on Monday."
    r = _salcedo(_BOX.format(last=_FREED, tail=tail), nlp)
    # was 30 January 2017: "United" read as a past
    assert ("Claim", "United States", dt.date(2018, 6, 4)) in _dated(r)


_LINES = (
    _HEAD + "{heading}\n\n{a}12 March 2015{sep}He escaped from prison in Durango."
    "{gap}{a}1 February 2017{sep}He was arrested in Culiacán on Tuesday.\n\n"
    + _PRESENT
    + "\n"
)


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("heading", "a", "sep", "gap"),
    [
        ("Timeline:", "", ": ", "\n\n"),
        ("Key dates:", "- ", "\n\n", "\n\n"),
        ("Key dates:", "• ", " — ", "\n"),
    ],
)
def test_a_timeline_of_dated_lines(
    heading: str, a: str, sep: str, gap: str, nlp: Any
) -> None:
    text = _LINES.format(heading=heading, a=a, sep=sep, gap=gap)
    r = _salcedo(text, nlp)
    # was a certain sighting in Culiacán on 5 June 2018
    assert _dated(r) == [
        ("Sighting", "Mazatlán", dt.date(2018, 6, 3)),
        ("Claim", "Durango", dt.date(2015, 3, 12)),
        ("Sighting", "Culiacán", dt.date(2017, 1, 31)),
        ("Claim", "Sinaloa", dt.date(2018, 6, 4)),
    ]
    assert {i.provenance.published for i in r.evidence} == {PUB}
    assert len(sightings(r)) + len(claims(r)) == 4


@pytest.mark.parametrize(
    "text",
    [
        # near-misses: one dated line is no timeline; a label before a colon,
        # an update's line and a date inside a line head no entry
        "Seen\n\n5 June 2018: Salcedo was seen in Mazatlán.\n\nHe fled.\n",
        "Seen\n\nCuliacán: Salcedo was seen.\n\n1 May 2017: He fled.\n",
        "Seen\n\nUpdated: 6 June 2018\n\n1 May 2017: He fled.\n",
        "Seen\n\nOn 5 June 2018: seen.\n\nBy 1 May 2017 - he fled.\n",
    ],
)
def test_no_timeline_of_one_dated_line(text: str) -> None:
    assert timeline_days(text) == []
