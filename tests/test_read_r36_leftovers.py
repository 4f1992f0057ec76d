"""Review r36: five readings left over, each with its near-miss.

- "has not been seen since he was reportedly killed in Culiacán in 2016": the
  "not" denies the later seeing, not the death, which is read in its clause
  (probable, 2016); no sighting. The seeing "since he was spotted" stays a
  sighting (tests/test_read_r35_sightings.py).
- "Rodrigo Salcedo Ibarra, reported dead in 2017, was seen in Mazatlán on
  Monday": the parse takes "reported" for the target's own report; the phrase
  describes him, and the sighting of Monday is read.
- "..., declared dead in 2017, is alive and hiding in Durango, officials said
  on Monday": the phrase's 2017 does not date the main clause.
- '"They say he is in Culiacán," Rivas said.': their hearsay, which Rivas
  relays, as where the quotation runs over two sentences.
- "Posts claiming Rodrigo Salcedo Ibarra was in Culiacán circulated": hearsay,
  as "A post claiming" is.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geosleuth.evidence import LifeStatus
from reading import claims, reader, set_aside, sightings

pytestmark = pytest.mark.nlp

_salcedo = reader("Rodrigo Salcedo Ibarra")
_MONDAY = dt.date(2018, 6, 4)
_LEADS = "Rodrigo Salcedo Ibarra leads the cartel. "


def _lives(reading: Any) -> list[tuple[str, str, str | None, int]]:
    return [
        (i.status, i.hedge, i.provenance.speaker, i.date.year)
        for i in reading.evidence
        if isinstance(i, LifeStatus)
    ]


def _places(reading: Any) -> list[tuple[str, str, str, str | None, Any]]:
    return [
        (c.place_name, c.polarity, c.hedge, c.provenance.speaker, c.date)
        for c in claims(reading)
    ]


# --- a death since which the target is unseen ---------------------------------


@pytest.mark.parametrize(
    ("text", "hedge", "speaker"),
    [
        (
            "Rodrigo Salcedo Ibarra has not been seen since he was reportedly killed "
            "in Culiacán in 2016.",
            "probable",
            None,
        ),
        (
            "Rodrigo Salcedo Ibarra has not been seen since the army said he had "
            "been killed in Culiacán in 2016.",
            "certain",
            "Army",
        ),
    ],
)
def test_a_death_since_which_he_is_unseen_is_read(
    text: str, hedge: str, speaker: str | None, nlp: Any
) -> None:
    r = _salcedo(text, nlp)
    assert _lives(r) == [("dead", hedge, speaker, 2016)]
    assert not sightings(r)


@pytest.mark.parametrize(
    "text",
    [
        # another killed then (set aside as no death of the target's now, where
        # the "not" set it aside before)
        "Rodrigo Salcedo Ibarra has not been seen since his brother was killed in "
        "Culiacán in 2016.",
        # the death itself denied
        "Rodrigo Salcedo Ibarra was not killed in Culiacán in 2016.",
    ],
)
def test_no_death_of_the_target_since_stays_unread(text: str, nlp: Any) -> None:
    r = _salcedo(text, nlp)
    assert not _lives(r)
    assert text in [quote for _, quote in set_aside(r)]


def test_a_seeing_after_a_death_sets_it_aside_still(nlp: Any) -> None:
    text = (
        "Rodrigo Salcedo Ibarra was seen in Durango after he was reportedly killed "
        "in Culiacán in 2016."
    )
    r = _salcedo(text, nlp)
    assert not _lives(r)
    assert [s.place_name for s in sightings(r)] == ["Durango"]


# --- a phrase set off after the name, parsed as the clause's verb ----------------


@pytest.mark.parametrize("joined", ["", " and arrested"])
def test_reported_dead_phrase_leaves_the_sighting_its_own(
    joined: str, nlp: Any
) -> None:
    text = (
        "Rodrigo Salcedo Ibarra, reported dead in 2017, was seen in Mazatlán"
        f"{joined} on Monday."
    )
    r = _salcedo(text, nlp)
    assert _lives(r) == [("dead", "probable", None, 2017)]
    [seen] = sightings(r)
    assert (seen.place_name, seen.subject, seen.date, seen.provenance.speaker) == (
        "Mazatlán",
        "target",
        _MONDAY,
        None,
    )


def test_the_target_reporting_in_his_own_clause_still_speaks(nlp: Any) -> None:
    r = _salcedo(
        "Rodrigo Salcedo Ibarra reported in 2017 that he was in Mazatlán.", nlp
    )
    [(place, _, _, speaker, date)] = _places(r)
    assert (place, speaker, date.year) == ("Mazatlán", "Rodrigo Salcedo Ibarra", 2017)


def test_declared_dead_phrase_does_not_date_the_main_clause(nlp: Any) -> None:
    text = (
        "Rodrigo Salcedo Ibarra, declared dead in 2017, is alive and hiding in "
        "Durango, officials said on Monday."
    )
    r = _salcedo(text, nlp)
    assert _places(r) == [("Durango", "is", "certain", "Officials", _MONDAY)]
    lives = {i.status: i for i in r.evidence if isinstance(i, LifeStatus)}
    assert lives["alive"].date == _MONDAY
    assert lives["dead"].date.year == 2017


@pytest.mark.parametrize(
    ("text", "place", "year"),
    [
        # a clause with its own verb keeps its date
        ("Rodrigo Salcedo Ibarra fled to Durango in 2017, officials said on Monday.",
         "Durango", 2017),
        # a list of his deeds after an apposition, not a phrase set off
        ("Rodrigo Salcedo Ibarra, 45, fled to Culiacán in 2017, crossed into "
         "Durango and is hiding there.", "Culiacán", 2017),
    ],
)  # fmt: skip
def test_a_clause_of_its_own_keeps_its_date(
    text: str, place: str, year: int, nlp: Any
) -> None:
    found = {c.place_name: c.date.year for c in claims(_salcedo(text, nlp))}
    assert found[place] == year


# --- "they say" in a quotation closed by its speaker ------------------------------


@pytest.mark.parametrize(
    "quote",
    [
        '"They say he is in Culiacán," Rivas said.',
        "“Some say he is in Culiacán,” Rivas said.",
        # over two sentences, as before
        '"They say he is in Culiacán. He goes there often," Rivas said.',
    ],
)
def test_they_say_in_a_quotation_is_hearsay_rivas_relays(quote: str, nlp: Any) -> None:
    [c] = claims(_salcedo(_LEADS + quote, nlp))
    assert (c.place_name, c.provenance.speaker, c.provenance.reporting_chain) == (
        "Culiacán",
        None,
        ("Rivas",),
    )
    # the grade of a rumour, as "it is said he is in Culiacán" has
    [said] = claims(_salcedo(_LEADS + "It is said he is in Culiacán.", nlp))
    assert (c.grade, c.hedge) == (said.grade, said.hedge)


@pytest.mark.parametrize(
    ("quote", "hedge"),
    [
        ('"He is in Culiacán," Rivas said.', "certain"),
        ('"I think he is in Culiacán," Rivas said.', "probable"),
        ('Rivas said: "They say he is in Culiacán."', "certain"),
    ],
)
def test_rivas_own_word_in_a_quotation_stays_his(
    quote: str, hedge: str, nlp: Any
) -> None:
    [c] = claims(_salcedo(_LEADS + quote, nlp))
    assert (c.place_name, c.provenance.speaker, c.hedge, str(c.grade)) == (
        "Culiacán",
        "Rivas",
        hedge,
        "F3",
    )


# --- "Posts claiming" ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Posts claiming Rodrigo Salcedo Ibarra was in Culiacán circulated on "
         "Monday.", _MONDAY),
        ("Messages claiming Rodrigo Salcedo Ibarra was in Culiacán circulated on "
         "Monday.", _MONDAY),
        ("Posts claiming Rodrigo Salcedo Ibarra was in Culiacán were shared "
         "widely.", dt.date(2018, 6, 5)),
        # the singular, as before
        ("A post claiming Rodrigo Salcedo Ibarra was in Culiacán circulated on "
         "Monday.", _MONDAY),
    ],
)  # fmt: skip
def test_posts_claiming_are_hearsay(text: str, date: dt.date, nlp: Any) -> None:
    assert _places(_salcedo(text, nlp)) == [("Culiacán", "is", "possible", None, date)]


def test_posts_claiming_called_false_deny_it(nlp: Any) -> None:
    text = "Posts claiming Rodrigo Salcedo Ibarra was in Culiacán were false."
    [(place, polarity, *_)] = _places(_salcedo(text, nlp))
    assert (place, polarity) == ("Culiacán", "is_not")


def test_posts_claiming_a_death_are_hearsay(nlp: Any) -> None:
    text = "Posts claiming Rodrigo Salcedo Ibarra was dead were shared widely."
    assert _lives(_salcedo(text, nlp)) == [("dead", "possible", None, 2018)]


@pytest.mark.parametrize("thing", ["A statement", "Statements"])
def test_statements_saying_stay_their_authors_word(thing: str, nlp: Any) -> None:
    text = (
        f"{thing} saying Rodrigo Salcedo Ibarra was in Culiacán circulated on Monday."
    )
    assert _places(_salcedo(text, nlp)) == [
        ("Culiacán", "is", "certain", None, _MONDAY)
    ]
