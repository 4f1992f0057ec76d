"""Review r95 #6 (r93 #8): a box of key dates ends (helper h109), with its near-misses.

- "Key dates: / 12 March 2015 / He escaped ... / 1 February 2017 / He was
  arrested in Culiacán ... / He is believed to be hiding in Sinaloa, police
  said on Monday": the box's entries keep their days, the closing paragraph,
  which speaks in the present after an entry told in the past, is the
  report's again (its Monday is 4 June 2018, not 30 January 2017). With no
  publication date, it takes the document's fallback day, its "on Monday" not
  read from the entry's day.
- Near-misses that keep their entry's day: a second paragraph in the past ("He
  was seen in Sinaloa on Monday"), an entry told in the present ("He is
  arrested ... / He is freed ..."), and the last post of a series of "Posted"
  entries, which speaks in its own present.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path
from typing import Any

import pytest

from geosleuth.read.text import timeline_days
from reading import PUB, claims, reader, sightings

_salcedo = reader("Rodrigo Salcedo Ibarra")
_BOX = (
    "5 June 2018\n\nSalcedo was seen in Mazatlán on Sunday, police said.\n\nKey "
    "dates:\n\n12 March 2015\n\nHe escaped from prison in Durango.\n\n1 February "
    "2017\n\nHe was arrested in Culiacán but freed a day later.\n\n{tail}\n"
)
_PRESENT = "He is believed to be hiding in Sinaloa, police said on Monday."
_PAST = "He was seen in Sinaloa on Monday, police said."
_POSTS = (
    "Cartel boss seen\n\n5 June 2018\n\nRodrigo Salcedo Ibarra was seen in Mazatlán "
    "on Sunday, police said.\n\nPosted 6 June 2018\n\nPolice now say he was seen "
    "in Durango yesterday.\n\nPosted 8 June 2018\n\nHe was arrested in Culiacán "
    "yesterday, officials said.\n\n" + _PRESENT + "\n"
)
_HISTORIC = (
    "Salcedo's life on the run\n\n5 June 2018\n\nRodrigo Salcedo Ibarra is seen "
    "in Mazatlán on Sunday, police say.\n\n1 February 2017\n\nHe is arrested in "
    "Culiacán on Tuesday.\n\nHe is freed in Sinaloa on Monday, police say.\n"
)


def _dates(r: Any) -> list[tuple[str | None, dt.date | None]]:
    return sorted((i.place_name, i.date) for i in [*sightings(r), *claims(r)])


def test_timeline_days_end_after_a_box() -> None:
    box = _BOX.format(tail=_PRESENT)
    assert timeline_days(box) == [
        (11, dt.date(2018, 6, 5)),
        (92, dt.date(2015, 3, 12)),
        (145, dt.date(2017, 2, 1)),
        (box.index(_PRESENT), None),  # the report's own day again
    ]
    # near-misses: no end
    for text in (_BOX.format(tail=_PAST), _POSTS, _HISTORIC):
        assert None not in [d for _, d in timeline_days(text)], text


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("tail", "sinaloa"),
    [
        (_PRESENT, ("Claim", dt.date(2018, 6, 4))),  # was 30 January 2017
        ("Police believe he is hiding in Sinaloa, officials said on Monday.",
         ("Claim", dt.date(2018, 6, 4))),
        # near-miss: told in the past, as the entry is: the entry's Monday
        (_PAST, ("Sighting", dt.date(2017, 1, 30))),
    ],
)  # fmt: skip
def test_the_text_after_a_box_is_the_reports(
    tail: str, sinaloa: tuple[str, dt.date], nlp: Any
) -> None:
    r = _salcedo(_BOX.format(tail=tail), nlp)
    # the box's entries keep their own days
    assert [
        (type(i).__name__, i.place_name, i.date) for i in r.evidence
    ] == [
        ("Sighting", "Mazatlán", dt.date(2018, 6, 3)),
        ("Claim", "Durango", dt.date(2015, 3, 12)),
        ("Sighting", "Culiacán", dt.date(2017, 2, 1)),
        (sinaloa[0], "Sinaloa", sinaloa[1]),
    ]  # fmt: skip
    assert {i.provenance.published for i in r.evidence} == {PUB}


@pytest.mark.nlp
def test_a_timeline_of_past_paragraphs_keeps_its_entry_days(nlp: Any) -> None:
    # near-miss: the last entry of a timeline has two paragraphs in the past
    text = _BOX.format(tail=_PAST + "\n\nHe was moved to Tepic on Thursday.")
    r = _salcedo(text.replace("Key dates:\n\n", ""), nlp)
    assert _dates(r) == [
        ("Culiacán", dt.date(2017, 2, 1)),
        ("Durango", dt.date(2015, 3, 12)),
        ("Mazatlán", dt.date(2018, 6, 3)),
        ("Sinaloa", dt.date(2017, 1, 30)),
        ("Tepic", dt.date(2017, 1, 26)),
    ]


@pytest.mark.nlp
def test_a_post_speaks_in_its_own_present(nlp: Any) -> None:
    # near-miss: the last post's present is its own day's (8 June 2018, a
    # Friday), so its Monday is 4 June; the end of a box would date it from the
    # latest date in the text (8 June), its Monday not read
    from geosleuth.read.document import read_text

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r = read_text(_POSTS, target="Rodrigo Salcedo Ibarra", nlp=nlp)
    assert r.published is None
    assert ("Sinaloa", dt.date(2018, 6, 4)) in _dates(r)


@pytest.mark.nlp
def test_after_a_box_with_no_date_of_its_own(nlp: Any, tmp_path: Path) -> None:
    # a forward timeline with no publication date: the closing paragraph takes
    # the document's fallback day (the latest date in the text), its Monday not
    # read from the last entry's Sunday (was 28 May 2018)
    from geosleuth.read.document import read_document

    p = tmp_path / "t.txt"
    p.write_text(
        "Salcedo's life on the run\n\n12 March 2015\n\nRodrigo Salcedo Ibarra "
        "escaped from prison in Durango.\n\n1 February 2017\n\nHe was arrested "
        "in Culiacán on Tuesday.\n\n3 June 2018\n\nHe was seen in Mazatlán on "
        "Sunday.\n\n" + _PRESENT + "\n",
        encoding="utf-8",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r = read_document(p, target="Rodrigo Salcedo Ibarra", nlp=nlp)
    assert r.published is None
    assert _dates(r) == [
        ("Culiacán", dt.date(2017, 1, 31)),
        ("Durango", dt.date(2015, 3, 12)),
        ("Mazatlán", dt.date(2018, 6, 3)),
        ("Sinaloa", dt.date(2018, 6, 3)),
    ]
    assert any("3 dated entries" in n for n in r.notes)


@pytest.mark.nlp
def test_an_entry_in_the_present_keeps_its_day(nlp: Any) -> None:
    # near-miss: a timeline told in the present throughout
    r = _salcedo(_HISTORIC, nlp)
    assert ("Culiacán", dt.date(2017, 1, 31)) in _dates(r)
