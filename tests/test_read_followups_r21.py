"""Follow-ups, corrections and denials (review r21, findings 16, 18, 19, 20, 21).

Each test pins the items read from real sentences of the review's reports and
sentences on the other side of each rule:

- a speaker's earlier word beside the one it says now ("The army earlier said
  ...; it now says ...") is dated before the later word, which replaces it, and
  both are the speaker's ("they" is the prosecutors, not the speaker of the
  sentence before);
- what unnamed media report is hearsay, and a next sentence that denies that the
  target was at its place disputes it, and is read as a claim that the target
  is not there;
- a search of "the village" that a tip put the target in is a search of that
  place, and the tip gives no claim;
- a next sentence that says the account could not be verified makes it one level
  less sure;
- the denier's word for the reports he denies ("calling the reports rumours")
  does not hedge his denial.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geosleuth.dependence import superseded_claims
from geosleuth.evidence import Searched
from reading import DOE, PUB, claims, reader, rows, sightings

pytestmark = pytest.mark.nlp

_read = reader(DOE)
_DAY_BEFORE = PUB - dt.timedelta(days=1)

_ALHER = "Hamadou Ag Alher"
_SALCEDO = "Rodrigo Salcedo Ibarra"
_VUKOVIC = "Dragan Vuković"


def _claims(reading: Any) -> list[tuple[Any, ...]]:
    """(place, polarity, hedge, speaker, date) of each claim."""
    return [
        (c.place_name, c.polarity, c.hedge, c.provenance.speaker, c.date)
        for c in claims(reading)
    ]


def _searched(reading: Any) -> list[Searched]:
    return [i for i in reading.evidence if isinstance(i, Searched)]


# -- F16: a speaker's earlier word and the word it says now ------------------------


def test_army_earlier_word_is_dated_before_and_superseded(nlp: object) -> None:
    reading = _read(
        "Malian officials said Hamadou Ag Alher had crossed into Niger. The army "
        "earlier said Ag Alher was hiding near Ansongo; it now says he is in the "
        "Ayorou area, across the border in Niger, according to Colonel Diarran Kone.",
        nlp,
        target=_ALHER,
    )
    army = [c for c in claims(reading) if c.provenance.speaker == "Army"]
    assert [(c.place_name, c.date) for c in army] == [
        ("Ansongo", _DAY_BEFORE),
        ("Niger", PUB),
    ]
    assert "the speaker's earlier word ('earlier said')" in army[0].note
    later = superseded_claims(reading.evidence)
    assert later[army[0].id].id == army[1].id


def test_prosecutors_earlier_word_keeps_their_speaker(nlp: object) -> None:
    reading = _read(
        '"Rodrigo Salcedo Ibarra survived the clash and fled on foot," a ministry '
        "spokesman said. Prosecutors earlier said Salcedo was hiding near Tamazula; "
        "they now say he is in the Sierra Madre east of Badiraguato, helped by "
        "relatives.",
        nlp,
        target=_SALCEDO,
    )
    assert _claims(reading) == [
        ("Tamazula", "is", "certain", "Prosecutors", _DAY_BEFORE),
        ("east of Badiraguato", "is", "certain", "Prosecutors", PUB),
    ]
    (old, new) = claims(reading)
    assert superseded_claims(reading.evidence) == {old.id: new}


def test_date_of_the_earlier_word_is_not_the_later_ones(nlp: object) -> None:
    reading = _read(
        "Police said on Monday that Jane Doe was in Leeds; they now say she is in "
        "York.",
        nlp,
    )
    monday = PUB - dt.timedelta(days=1)
    assert [(c.place_name, c.date) for c in claims(reading)] == [
        ("Leeds", monday),
        ("York", PUB),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Police earlier said Jane Doe was in Leeds but now say she is in York.",
        "Police previously said Jane Doe was in Leeds, but they later said she had "
        "gone to York.",
        "Police had initially said that Jane Doe was hiding in Leeds; they now "
        "believe she is in York.",
    ],
)
def test_earlier_word_joined_to_the_later_one_is_dated_before(
    nlp: object, text: str
) -> None:
    reading = _read(text, nlp)
    assert [(c.place_name, c.date) for c in claims(reading)] == [
        ("Leeds", _DAY_BEFORE),
        ("York", PUB),
    ]


def test_now_of_what_was_said_is_no_later_word(nlp: object) -> None:
    reading = _read(
        "The army said on Monday that it now believes Jane Doe is in York.", nlp
    )
    assert [(c.place_name, c.date) for c in claims(reading)] == [
        ("York", PUB - dt.timedelta(days=1))
    ]


@pytest.mark.parametrize(
    "text",
    [
        # no later word
        "Police earlier said Jane Doe was in Leeds.",
        # another speaker's word now
        "Police earlier said Jane Doe was in Leeds, but her brother now says she "
        "is in York.",
        # "now" of what is said, not of a later saying
        "Police said Jane Doe is now in Leeds.",
    ],
)
def test_no_later_word_of_the_same_speaker_keeps_the_date(
    nlp: object, text: str
) -> None:
    reading = _read(text, nlp)
    assert all(c.date == PUB for c in claims(reading))
    assert "Leeds" in [c.place_name for c in claims(reading)]


# -- F18: media hearsay, and a denial of its place in the next sentence ----------------


def test_media_report_denied_next_is_doubtful_and_denial_is_read(nlp: object) -> None:
    reading = _read(
        "Bosnian media had reported that Vuković was seen in Foca, in eastern "
        "Bosnia, where his brother runs a café. Police in Republika Srpska denied "
        "that he was in Foča and said his brother had been questioned.",
        nlp,
        target=_VUKOVIC,
    )
    (seen,) = sightings(reading)
    assert (seen.place_name, seen.hedge, seen.provenance.speaker) == (
        "Foča",
        "doubtful",
        "Bosnian media",
    )
    assert "hedge from 'reported'" in seen.note
    assert "disputed in the next sentence" in seen.note
    assert _claims(reading) == [("Foča", "is_not", "certain", "Police", PUB)]


@pytest.mark.parametrize(
    ("speaker", "verb", "hedge"),
    [
        ("Local media", "had reported", "possible"),
        ("Local newspapers", "have reported", "possible"),
        ("Reuters", "had reported", "certain"),  # a named outlet
        ("State media", "had reported", "certain"),  # the state's own voice
        ("Local media", "reported", "certain"),  # the article's source
    ],
)
def test_what_unnamed_media_had_reported_is_hearsay(
    nlp: object, speaker: str, verb: str, hedge: str
) -> None:
    reading = _read(f"{speaker} {verb} that Jane Doe was hiding in Leeds.", nlp)
    assert _claims(reading) == [("Leeds", "is", hedge, speaker, PUB)]


@pytest.mark.parametrize(
    "after",
    [
        "Police denied that she was in York.",  # another place
        "Police did not deny that she was in Leeds.",  # no denial
        "Police denied that her brother was in Leeds.",  # someone else
    ],
)
def test_next_sentence_that_denies_no_place_of_it_disputes_nothing(
    nlp: object, after: str
) -> None:
    reading = _read(f"A hiker saw Jane Doe in Leeds on Monday. {after}", nlp)
    (seen,) = sightings(reading)
    assert (seen.place_name, seen.hedge) == ("Leeds", "certain")
    assert "disputed" not in seen.note


# -- F20: doubt in the next sentence ------------------------------------------------


@pytest.mark.parametrize(
    "after",
    [
        "The account could not be independently verified.",
        "Their account could not be independently confirmed.",
        "Reuters could not independently verify the account.",
    ],
)
def test_account_unverified_in_next_sentence_is_one_level_less_sure(
    nlp: object, after: str
) -> None:
    reading = _read(
        f"A shepherd told Reuters he saw Jane Doe near Leeds two weeks ago. {after}",
        nlp,
    )
    (seen,) = sightings(reading)
    assert (seen.place_name, seen.hedge) == ("Leeds", "probable")
    assert f"disputed in the next sentence ({after.rstrip('.')!r})" in seen.note


@pytest.mark.parametrize(
    "after",
    [
        "The account was later confirmed by police.",
        "Police could not confirm that she was in York.",
        "Police have not been able to trace her since.",
    ],
)
def test_next_sentence_that_doubts_nothing_of_it_keeps_the_sighting(
    nlp: object, after: str
) -> None:
    reading = _read(
        f"A shepherd told Reuters he saw Jane Doe near Leeds two weeks ago. {after}",
        nlp,
    )
    seen = [s for s in sightings(reading) if s.place_name == "Leeds"]
    assert [s.hedge for s in seen] == ["certain"]


# -- F19: a tip refuted by a search of "the village" ------------------------------


def test_search_of_the_village_of_a_tip_is_a_search_there(nlp: object) -> None:
    reading = _read(
        "Montenegrin police said they had received a tip that Vuković was staying "
        "in a village 15 km north of Pljevlja, but a search of the village on "
        "Tuesday found no trace of him.",
        nlp,
        target=_VUKOVIC,
    )
    assert not claims(reading)
    (search,) = _searched(reading)
    assert search.place_name == "15 km north of Pljevlja"
    assert search.provenance.speaker == "Montenegrin police"
    assert search.date == PUB  # Tuesday 5 June 2018
    assert "'the village' names again the place named before it" in search.note


@pytest.mark.parametrize(
    "text",
    [
        # a search that found something else
        "Police said Vuković was staying in Pljevlja, but a search of the town "
        "found weapons.",
        # a search to come
        "Police received a tip that Vuković was staying in Pljevlja, and a search "
        "of the town is planned.",
    ],
)
def test_tip_without_a_search_that_found_nothing_stays_a_claim(
    nlp: object, text: str
) -> None:
    reading = _read(text, nlp, target=_VUKOVIC)
    assert not _searched(reading)
    assert [c.place_name for c in claims(reading)] == ["Pljevlja"]


def test_search_of_another_village_is_no_search_of_the_tip(nlp: object) -> None:
    reading = _read(
        "Police received a tip that Vuković was staying in Pljevlja, but a search "
        "of a village found no trace of him.",
        nlp,
        target=_VUKOVIC,
    )
    assert not _searched(reading)
    assert [c.place_name for c in claims(reading)] == ["Pljevlja"]


# -- F21: the denier's word for what he denies ------------------------------------


def test_denier_calling_reports_rumours_is_certain(nlp: object) -> None:
    reading = _read(
        "Rodrigo Salcedo Ibarra escaped in October. Sinaloa Governor Rubén Rocha "
        "Moya denied last week that Salcedo was in Culiacán, calling the reports "
        '"rumours spread to frighten people".',
        nlp,
        target=_SALCEDO,
    )
    (denial,) = claims(reading)
    assert (denial.place_name, denial.polarity, denial.hedge) == (
        "Culiacán",
        "is_not",
        "certain",
    )
    assert "rumours" not in denial.note


def test_rumours_of_where_the_target_is_are_still_a_hedge(nlp: object) -> None:
    reading = _read("Police are investigating rumours that Jane Doe is in Leeds.", nlp)
    assert [r[:4] for r in rows(reading)] == [("claim", "Leeds", "is", "possible")]
