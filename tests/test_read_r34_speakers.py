"""Review r32: speakers, hedges and dates of new rules, each with its near-miss.

- A dismissal "as false" before the report ("Police dismissed as false a post
  claiming ...") is the dismisser's denial, as "dismissed a post claiming" is.
- In a quotation closed by "Rivas said", a sentence that says what others say
  ('"They say he is in Culiacán.') is their hearsay, which Rivas relays, not his
  word; a short "He is not" after it says no to it.
- A clause with a speaker of its own has its own date: "Officials say ...,
  though analysts said last year ..." is the officials' word of today.
- A thing that claims, as the subject of its sentence ("A post claiming Jane
  Doe was in York was shared widely", "A witness claiming to have seen her"),
  is hearsay: possible, as the thing that is the object of a verb is.
- "less than confident", "little evidence suggests", "little to indicate" are
  doubtful, as "not confident" and "nothing suggests"; "are confident" above a
  seeing is read through :func:`geosleuth.read.attribution.belief_hedge`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from reading import claims, reader, rows

pytestmark = pytest.mark.nlp

_salcedo = reader("Rodrigo Salcedo Ibarra")
_doe = reader("Jane Doe")
_NAME = "Rodrigo Salcedo Ibarra"
_LEADS = f"{_NAME} leads the cartel. "


@pytest.mark.parametrize(
    "text",
    [
        "Police dismissed as false a post claiming Jane Doe was in York.",
        "Police dismissed as untrue a report that Jane Doe was in York.",
        "Police dismissed as false reports that Jane Doe was in York.",
        # the near-miss that was right already
        "Police dismissed a post claiming Jane Doe was in York.",
    ],
)
def test_a_dismissal_as_false_is_the_dismissers_denial(text: str, nlp: Any) -> None:
    assert rows(_doe(text, nlp)) == [
        ("claim", "York", "is_not", "certain", "Police", "F2")
    ]


def test_a_dismissal_not_made_denies_nothing(nlp: Any) -> None:
    r = _doe(
        "Police did not dismiss as false a post claiming Jane Doe was in York.", nlp
    )
    assert rows(r) == [("claim", "York", "is", "possible", None, "F3")]


def test_a_report_described_as_credible_is_vouched_for(nlp: Any) -> None:
    r = _doe("Police described as credible a report that Jane Doe was in York.", nlp)
    assert rows(r) == [("claim", "York", "is", "certain", "Police", "F2")]


def test_what_others_say_in_a_quotation_is_not_its_speakers_word(nlp: Any) -> None:
    r = _salcedo(_LEADS + '"They say he is in Culiacán. He is not," Rivas said.', nlp)
    # their hearsay, relayed by Rivas (a rumour: possible), and disputed by his
    # "He is not" (one level less: doubtful; r39, M1)
    assert rows(r) == [("claim", "Culiacán", "is", "doubtful", None, "F5")]
    (claim,) = claims(r)
    assert claim.provenance.reporting_chain == ("Rivas",)
    assert "disputed in the next sentence ('He is not')" in claim.note


def test_a_short_no_disputes_a_named_speakers_word_too(nlp: Any) -> None:
    r = _salcedo(_LEADS + '"Police say he is in Culiacán. He is not," Rivas said.', nlp)
    assert rows(r) == [("claim", "Culiacán", "is", "probable", "Police", "F2")]


@pytest.mark.parametrize(
    ("quote", "first"),
    [
        # the speaker's own voice, and what shows it, stay the speaker's
        ('"I think he is in Culiacán. He is not in Durango," Rivas said.',
         ("claim", "Culiacán", "is", "probable", "Rivas", "F3")),
        ('"Everything suggests he is in Culiacán. He is not in Durango," Rivas '
         "said.", ("claim", "Culiacán", "is", "probable", "Rivas", "F3")),
        ('"He is in Culiacán. He is not in Durango," Rivas said.',
         ("claim", "Culiacán", "is", "certain", "Rivas", "F3")),
    ],
)  # fmt: skip
def test_a_quotation_in_the_speakers_own_voice_stays_his(
    quote: str, first: tuple[Any, ...], nlp: Any
) -> None:
    assert rows(_salcedo(_LEADS + quote, nlp)) == [
        first,
        ("claim", "Durango", "is_not", "certain", "Rivas", "F3"),
    ]


def test_a_denial_with_a_place_of_its_own_disputes_nothing(nlp: Any) -> None:
    r = _doe("Jane Doe vanished in May. Police say she is in York. She is not in "
             "Leeds.", nlp)  # fmt: skip
    assert rows(r)[0] == ("claim", "York", "is", "certain", "Police", "F2")


def _dated(reading: Any) -> list[tuple[Any, ...]]:
    return sorted(
        (c.place_name, c.provenance.speaker, c.date, c.date_from)
        for c in claims(reading)
    )


_2017 = (dt.date(2017, 12, 31), dt.date(2017, 1, 1))
_2016 = (dt.date(2016, 12, 31), dt.date(2016, 1, 1))
_TODAY = (dt.date(2018, 6, 5), None)
_MONDAY = (dt.date(2018, 6, 4), None)


@pytest.mark.parametrize(
    ("text", "culiacan", "durango"),
    [
        (f"Officials say {_NAME} is hiding near Culiacán, though analysts said last "
         "year he was in Durango.", _TODAY, _2017),
        (f"Officials said in 2016 that {_NAME} was in Culiacán, while analysts now "
         "say he is in Durango.", _2016, _TODAY),
        (f"Officials said on Monday that {_NAME} is in Culiacán, though analysts "
         "argue he is in Durango.", _MONDAY, _TODAY),
        # one speaker's two clauses keep each other's date
        (f"Officials said on Monday that {_NAME} is in Culiacán, though they admit "
         "he may be in Durango.", _MONDAY, _MONDAY),
    ],
)  # fmt: skip
def test_a_clause_of_another_speaker_has_its_own_date(
    text: str, culiacan: tuple[Any, ...], durango: tuple[Any, ...], nlp: Any
) -> None:
    assert [(x[0], *x[2:]) for x in _dated(_salcedo(text, nlp))] == [
        ("Culiacán", *culiacan),
        ("Durango", *durango),
    ]


def test_a_but_clause_of_another_speaker_has_its_own_date(nlp: Any) -> None:
    r = _doe(
        "Police said on Monday that Jane Doe was in York, but her brother says she "
        "is in Leeds.",
        nlp,
    )
    assert _dated(r) == [
        ("Leeds", "Her brother", *_TODAY),
        ("York", "Police", *_MONDAY),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "A post claiming Jane Doe was in York was shared widely.",
        "A tweet claiming Jane Doe was in York has been deleted.",
        "A letter claiming Jane Doe was in York was sent to police.",
        "Police shared as evidence a post claiming Jane Doe was in York.",
        # the near-miss that was right already: the post as an object
        "Police are investigating a post claiming Jane Doe was in York.",
    ],
)
def test_a_thing_that_claims_is_hearsay(text: str, nlp: Any) -> None:
    assert rows(_doe(text, nlp)) == [("claim", "York", "is", "possible", None, "F3")]


def test_a_witness_claiming_to_have_seen_her_is_hearsay(nlp: Any) -> None:
    r = _doe(
        "A witness claiming to have seen Jane Doe in York came forward on Monday.", nlp
    )
    assert rows(r) == [("sighting", "York", None, "possible", None, "F3")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a thing that only says it is its author's word; a witness who saw her
        ("A statement saying Jane Doe was in York was released by police.",
         "claim"),
        ("A witness who saw Jane Doe in York came forward on Monday.", "sighting"),
    ],
)  # fmt: skip
def test_what_only_says_or_saw_is_no_hearsay(text: str, kind: str, nlp: Any) -> None:
    assert [(x[0], x[3]) for x in rows(_doe(text, nlp))] == [(kind, "certain")]


@pytest.mark.parametrize(
    ("text", "hedge", "speaker"),
    [
        ("Officials are less than confident that Jane Doe is in York.", "doubtful",
         "Officials"),
        ("Little evidence suggests Jane Doe is in York.", "doubtful", None),
        ("There is little evidence that Jane Doe is in York.", "doubtful", None),
        ("There is little to indicate that Jane Doe is in York.", "doubtful", None),
        ("There is very little to suggest that Jane Doe is in York.", "doubtful",
         None),
        # near-misses that were right already
        ("Officials are not confident that Jane Doe is in York.", "doubtful",
         "Officials"),
        ("Officials are confident that Jane Doe is in York.", "probable",
         "Officials"),
        ("Evidence suggests Jane Doe is in York.", "probable", None),
        ("Nothing suggests Jane Doe is in York.", "doubtful", None),
    ],
)  # fmt: skip
def test_next_to_no_belief_or_evidence_is_doubtful(
    text: str, hedge: str, speaker: str | None, nlp: Any
) -> None:
    assert [(x[1], x[3], x[4]) for x in rows(_doe(text, nlp))] == [
        ("York", hedge, speaker)
    ]


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("Police are confident a hiker saw Jane Doe in Leeds.", ("probable",
         "are confident")),
        ("Police are sure that a hiker saw Jane Doe in Leeds.", ("probable",
         "are sure")),
        ("Police are convinced a hiker saw Jane Doe in Leeds.", ("probable",
         "are convinced")),
        ("Police are not sure a hiker saw Jane Doe in Leeds.", ("doubtful",
         "are not sure")),
        ("Police are certain a hiker saw Jane Doe in Leeds.", ("certain",
         "are certain")),
        ("Police believe a hiker saw Jane Doe in Leeds.", None),  # a verb's own
    ],
)  # fmt: skip
def test_the_hedge_of_a_firm_belief_above_a_seeing(
    text: str, hedge: tuple[str, str] | None, nlp: Any
) -> None:
    from geosleuth.read.attribution import belief_hedge

    saw = next(t for t in nlp(text) if t.lower_ == "saw")
    assert belief_hedge(saw.head) == hedge


def test_police_confident_a_hiker_saw_her_is_probable(nlp: Any) -> None:
    r = _doe("Police are confident a hiker saw Jane Doe in Leeds.", nlp)
    assert rows(r) == [("sighting", "Leeds", None, "probable", "Police", "F2")]


def test_police_certain_a_hiker_saw_her_is_certain(nlp: Any) -> None:
    r = _doe("Police are certain a hiker saw Jane Doe in Leeds.", nlp)
    assert rows(r) == [("sighting", "Leeds", None, "certain", "Police", "F2")]
