"""Review r32's rows, re-run after r36: the wrong ones fixed, each with its near-miss.

- A post that claims the target alive or dead is hearsay (possible), as one
  that claims where the target is already is: "A post claiming Rodrigo Salcedo
  Ibarra is alive circulated on Monday", "... was dead circulated on Monday"
  (whose parse hangs "dead" on "circulated"). A statement that says so stays
  its author's word.
- A report of life that is rebutted is no word of life: "Police dismissed
  reports that Jane Doe is alive".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geosleuth.evidence import LifeStatus
from reading import claims, reader, sightings

pytestmark = pytest.mark.nlp

_salcedo = reader("Rodrigo Salcedo Ibarra")
_doe = reader("Jane Doe")
_MONDAY = dt.date(2018, 6, 4)
_TUESDAY = dt.date(2018, 6, 5)
_LEADS = "Rodrigo Salcedo Ibarra leads the cartel. "


def _lives(reading: Any) -> list[tuple[str, str, str | None, dt.date]]:
    return [
        (i.status, i.hedge, i.provenance.speaker, i.date)
        for i in reading.evidence
        if isinstance(i, LifeStatus)
    ]


# --- a post that claims the target alive or dead -------------------------------


@pytest.mark.parametrize(
    ("text", "status", "date"),
    [
        ("A post claiming Rodrigo Salcedo Ibarra is alive circulated on Monday.",
         "alive", _MONDAY),
        (_LEADS + "A post claiming he is alive circulated on Monday.",
         "alive", _MONDAY),
        ("A post claiming Rodrigo Salcedo Ibarra is alive was shared widely.",
         "alive", _TUESDAY),
        ("Posts claiming Rodrigo Salcedo Ibarra is alive circulated on Monday.",
         "alive", _MONDAY),
        # the parse hangs "dead" on "circulated", the clause of "claiming"
        ("A post claiming Rodrigo Salcedo Ibarra was dead circulated on Monday.",
         "dead", _MONDAY),
        ("Posts claiming Rodrigo Salcedo Ibarra was dead circulated on Monday.",
         "dead", _MONDAY),
    ],
)  # fmt: skip
def test_a_post_claiming_life_or_death_is_hearsay(
    text: str, status: str, date: dt.date, nlp: Any
) -> None:
    assert _lives(_salcedo(text, nlp)) == [(status, "possible", None, date)]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("A statement saying Rodrigo Salcedo Ibarra is alive was released on "
         "Monday.", "alive"),
        ("A statement saying Rodrigo Salcedo Ibarra was dead circulated on "
         "Monday.", "dead"),
    ],
)  # fmt: skip
def test_a_statement_saying_so_stays_its_authors_word(
    text: str, status: str, nlp: Any
) -> None:
    assert _lives(_salcedo(text, nlp)) == [(status, "certain", None, _MONDAY)]


# --- a report of life rebutted ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Police dismissed reports that Jane Doe is alive.",
        "Police dismissed a post claiming Jane Doe is alive.",
        "Police dismissed as false a post claiming Jane Doe is alive.",
    ],
)
def test_a_report_of_life_rebutted_is_no_word_of_life(text: str, nlp: Any) -> None:
    r = _doe(text, nlp)
    assert not _lives(r)
    assert text in [x.quote for x in r.rejected]


def test_a_report_of_life_confirmed_stays_the_speakers_word(nlp: Any) -> None:
    r = _doe("Police confirmed reports that Jane Doe is alive.", nlp)
    assert _lives(r) == [("alive", "certain", "Police", _TUESDAY)]


# --- "Rivas said they say ...": hearsay Rivas relays --------------------------------


def _claim_rows(reading: Any) -> list[tuple[str, str | None, tuple[str, ...], str]]:
    return [
        (c.place_name, c.provenance.speaker, c.provenance.reporting_chain, str(c.grade))
        for c in claims(reading)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Rivas said they say Rodrigo Salcedo Ibarra is in Culiacán.",
        "Rivas said some say Rodrigo Salcedo Ibarra is in Culiacán.",
        "Rivas says that they say Rodrigo Salcedo Ibarra is in Culiacán.",
    ],
)
def test_they_say_in_rivas_own_sentence_is_hearsay_he_relays(
    text: str, nlp: Any
) -> None:
    # the grade of a rumour, as "it is said he is in Culiacán" has
    [(*_, grade)] = _claim_rows(
        _salcedo("It is said Rodrigo Salcedo Ibarra is in Culiacán.", nlp)
    )
    assert _claim_rows(_salcedo(text, nlp)) == [("Culiacán", None, ("Rivas",), grade)]


@pytest.mark.parametrize(
    "text",
    [
        "Rivas said Rodrigo Salcedo Ibarra is in Culiacán.",
        # others named: left as it was
        "Rivas said police say Rodrigo Salcedo Ibarra is in Culiacán.",
    ],
)
def test_rivas_own_word_unquoted_stays_his(text: str, nlp: Any) -> None:
    assert _claim_rows(_salcedo(text, nlp)) == [("Culiacán", "Rivas", (), "F3")]


def test_they_saw_is_no_hearsay(nlp: Any) -> None:
    r = _salcedo("Rivas said they saw Rodrigo Salcedo Ibarra in Culiacán.", nlp)
    assert [(s.place_name, s.provenance.speaker) for s in sightings(r)] == [
        ("Culiacán", "Rivas")
    ]


# --- "While police say ..., his family insists ...": the parse hangs "say" low ------


@pytest.mark.parametrize("second", ["insists he is dead", "says he is in Durango"])
def test_while_police_say_is_the_polices_word(second: str, nlp: Any) -> None:
    text = (
        f"While police say Rodrigo Salcedo Ibarra is in Culiacán, his family {second}."
    )
    speakers = {c.place_name: c.provenance.speaker for c in claims(_salcedo(text, nlp))}
    assert speakers["Culiacán"] == "Police"
    assert speakers.get("Durango", "His family") == "His family"


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("Police say Jane Doe is in Leeds, while her family says she is in York.",
         {"Leeds": "Police", "York": "Her family"}),
        ("While police say little, her family insists Jane Doe is in York.",
         {"York": "Her family"}),
    ],
)  # fmt: skip
def test_while_clauses_parsed_whole_keep_their_speakers(
    text: str, speakers: dict[str, str], nlp: Any
) -> None:
    found = {c.place_name: c.provenance.speaker for c in claims(_doe(text, nlp))}
    assert found == speakers


# --- "..., while he is thought by analysts to be in Durango" ------------------------


def _place_rows(reading: Any) -> dict[str, tuple[str, str | None]]:
    return {c.place_name: (c.hedge, c.provenance.speaker) for c in claims(reading)}


@pytest.mark.parametrize("verb", ["thought", "believed"])
def test_a_passive_belief_set_against_is_its_believers(verb: str, nlp: Any) -> None:
    text = (
        "Officials say Rodrigo Salcedo Ibarra is in Culiacán, while he is "
        f"{verb} by analysts to be in Durango."
    )
    assert _place_rows(_salcedo(text, nlp)) == {
        "Culiacán": ("certain", "Officials"),
        "Durango": ("probable", "Analysts"),
    }


def test_a_passive_belief_names_its_believers(nlp: Any) -> None:
    r = _salcedo("Rodrigo Salcedo Ibarra is thought by analysts to be in Durango.", nlp)
    assert _place_rows(r) == {"Durango": ("probable", "Analysts")}


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("Rodrigo Salcedo Ibarra is thought to be in Durango.",
         {"Durango": ("probable", None)}),
        # no believers named: as before
        ("Officials say Rodrigo Salcedo Ibarra is in Culiacán, while he is thought "
         "to be in Durango.",
         {"Culiacán": ("probable", "Officials"), "Durango": ("probable", "Officials")}),
    ],
)  # fmt: skip
def test_a_passive_belief_with_no_believers_named_stays(
    text: str, rows: dict[str, tuple[str, str | None]], nlp: Any
) -> None:
    assert _place_rows(_salcedo(text, nlp)) == rows


# --- a set-off participle phrase that holds a place --------------------------------


def _dated_places(reading: Any) -> list[tuple[str, str | None, int]]:
    return [(c.place_name, c.provenance.speaker, c.date.year) for c in claims(reading)]


@pytest.mark.parametrize(
    "main", ["is in a prison in Colorado", "is hiding in Colorado"]
)
def test_a_phrase_with_a_place_does_not_date_the_main_clause(
    main: str, nlp: Any
) -> None:
    text = f"Rodrigo Salcedo Ibarra, extradited to the United States in 2017, {main}."
    assert _dated_places(_salcedo(text, nlp)) == [
        ("United States", None, 2017),
        ("Colorado", None, 2018),
    ]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # parsed as a participle of the name: as before
        ("Rodrigo Salcedo Ibarra, released from prison in Culiacán last year, is "
         "hiding in Durango, officials said.",
         [("Culiacán", "Officials", 2017), ("Durango", "Officials", 2018)]),
        ("Rodrigo Salcedo Ibarra, deported to Mexico in 2017, is hiding in Culiacán.",
         [("Culiacán", None, 2018)]),
    ],
)  # fmt: skip
def test_other_phrases_with_a_place_keep_their_reading(
    text: str, rows: list[tuple[str, str | None, int]], nlp: Any
) -> None:
    assert _dated_places(_salcedo(text, nlp)) == rows


# --- a seeing inferred, not observed ------------------------------------------------


@pytest.mark.parametrize(
    ("lead", "hedge"),
    [
        ("Indications are that", "probable"),
        ("All indications are that", "probable"),
        ("Everything indicates that", "probable"),
        ("Evidence suggests", "probable"),
        ("Nothing suggests", "doubtful"),
    ],
)
def test_a_seeing_inferred_is_hedged_as_the_inference(
    lead: str, hedge: str, nlp: Any
) -> None:
    text = f"{lead} Rodrigo Salcedo Ibarra was seen in Culiacán on Monday."
    [seen] = sightings(_salcedo(text, nlp))
    assert (seen.place_name, seen.hedge, seen.date) == ("Culiacán", hedge, _MONDAY)


@pytest.mark.parametrize(
    ("lead", "speaker"),
    [
        ("The truth is that", None),
        ("Witnesses say", "Witnesses"),
        ("Police said", "Police"),
    ],
)
def test_a_seeing_told_stays_certain(lead: str, speaker: str | None, nlp: Any) -> None:
    text = f"{lead} Rodrigo Salcedo Ibarra was seen in Culiacán on Monday."
    [seen] = sightings(_salcedo(text, nlp))
    assert (seen.hedge, seen.provenance.speaker) == ("certain", speaker)


# --- a recording beside a death claim, with a third clause --------------------------

_alher = reader("Hamadou Ag Alher")
_VIDEO = "A video released on Monday shows Hamadou Ag Alher addressing fighters"


def test_the_governments_word_in_a_clause_of_time_does_not_speak_the_video(
    nlp: Any,
) -> None:
    text = (
        f"{_VIDEO}, weeks after the government said he had been killed, though "
        "officials said the video may be old."
    )
    lives = _lives(_alher(text, nlp))
    assert ("alive", "possible", None, _MONDAY) in lives
    assert [(st, sp) for st, _, sp, _ in lives if st == "dead"] == [
        ("dead", "Government")
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (f"{_VIDEO}, officials said, though analysts said the video may be old.",
         "Officials"),
        ("A video shows Hamadou Ag Alher alive, officials said on Monday.",
         "Officials"),
    ],
)  # fmt: skip
def test_the_speaker_of_the_videos_own_clause_stays(
    text: str, speaker: str, nlp: Any
) -> None:
    [(status, _, said, date)] = _lives(_alher(text, nlp))
    assert (status, said, date) == ("alive", speaker, _MONDAY)


# --- "Police said a post claiming ... was being investigated" -----------------------

_INVESTIGATED = "Police said a post claiming Jane Doe was {} was being investigated."


def test_a_post_the_police_tell_of_is_no_word_of_theirs(nlp: Any) -> None:
    r = _doe(_INVESTIGATED.format("in York"), nlp)
    assert [(c.place_name, c.hedge, c.provenance.speaker) for c in claims(r)] == [
        ("York", "possible", None)
    ]
    r = _doe(_INVESTIGATED.format("dead"), nlp)
    assert _lives(r) == [("dead", "possible", None, _TUESDAY)]


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        # the police vouch for it
        ("Police said a post claiming Jane Doe was in York was genuine.", "certain"),
        # the reports are not the subject of what the police say: as before
        ("Police said there are reports that Jane Doe is in York.", "possible"),
    ],
)
def test_a_report_the_police_vouch_for_or_relay_stays_theirs(
    text: str, hedge: str, nlp: Any
) -> None:
    r = _doe(text, nlp)
    assert [(c.place_name, c.hedge, c.provenance.speaker) for c in claims(r)] == [
        ("York", hedge, "Police")
    ]


# --- a clause or phrase aside does not hedge the main clause ------------------------


@pytest.mark.parametrize(
    ("text", "target", "place", "speaker"),
    [
        ("Hamadou Ag Alher, whom French forces claimed to have killed in 2017, is "
         "hiding near Kidal, officials said.", "Hamadou Ag Alher", "Kidal",
         "Officials"),
        ("Rodrigo Salcedo Ibarra, believed killed in 2017, is alive and hiding in "
         "Durango, officials said on Monday.", "Rodrigo Salcedo Ibarra", "Durango",
         "Officials"),
    ],
)  # fmt: skip
def test_a_hedge_aside_does_not_reach_the_main_clause(
    text: str, target: str, place: str, speaker: str, nlp: Any
) -> None:
    r = reader(target)(text, nlp)
    assert [(c.place_name, c.hedge, c.provenance.speaker) for c in claims(r)] == [
        (place, "certain", speaker)
    ]
    # the death of the clause aside keeps its own hedge
    assert [h for st, h, _, _ in _lives(r) if st == "dead"] in (
        ["possible"],
        ["probable"],
    )


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        # the main clause's own hedge
        ("Hamadou Ag Alher, whom French forces claimed to have killed in 2017, may "
         "be hiding near Kidal, officials said.", "possible"),
        # the clause that states where he is keeps its hedge
        ("Hamadou Ag Alher, who officials believe is hiding near Kidal, was "
         "sentenced on Monday.", "probable"),
    ],
)  # fmt: skip
def test_the_hedge_of_the_clause_of_the_place_stays(
    text: str, hedge: str, nlp: Any
) -> None:
    [c] = claims(_alher(text, nlp))
    assert (c.place_name, c.hedge) == ("Kidal", hedge)


# --- "presumed dead since 2017": died in 2017 at the latest -------------------------


def _deaths(reading: Any) -> list[tuple[dt.date | None, dt.date]]:
    return [
        (i.date_from, i.date)
        for i in reading.evidence
        if isinstance(i, LifeStatus) and i.status == "dead"
    ]


_2017 = (dt.date(2017, 1, 1), dt.date(2017, 12, 31))


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Rodrigo Salcedo Ibarra, presumed dead since 2017, was seen in Mazatlán on "
         "Monday, officials said.", _2017),
        ("Rodrigo Salcedo Ibarra has been presumed dead since 2017.", _2017),
        ("Rodrigo Salcedo Ibarra has been dead since May, officials said.",
         (dt.date(2018, 5, 1), dt.date(2018, 5, 31))),
    ],
)  # fmt: skip
def test_dead_since_is_a_death_no_later_than_then(
    text: str, span: tuple[dt.date, dt.date], nlp: Any
) -> None:
    assert _deaths(_salcedo(text, nlp)) == [span]


def test_missing_since_then_presumed_dead_runs_to_now(nlp: Any) -> None:
    text = "Rodrigo Salcedo Ibarra has been missing since 2016 and is presumed dead."
    assert _deaths(_salcedo(text, nlp)) == [(dt.date(2016, 1, 1), _TUESDAY)]


# --- "but aides say he is alive": the aides' word -----------------------------------


@pytest.mark.parametrize(
    ("who", "speaker", "grade"),
    [("aides", "Aides", "F3"), ("officials", "Officials", "F2")],
)
def test_the_word_of_life_after_a_still_recording_is_its_speakers(
    who: str, speaker: str, grade: str, nlp: Any
) -> None:
    text = (
        "Hamadou Ag Alher leads the group. A video released on Monday shows him "
        f"lying motionless, but {who} say he is alive."
    )
    [life] = [i for i in _alher(text, nlp).evidence if isinstance(i, LifeStatus)]
    assert (life.status, life.provenance.speaker, str(life.grade), life.date) == (
        "alive",
        speaker,
        grade,
        _TUESDAY,
    )


# --- "has not been seen since escaping from a prison in Culiacán" -------------------


@pytest.mark.parametrize(
    "since", ["escaping from a prison", "he escaped from a prison"]
)
def test_a_leaving_since_which_he_is_unseen_is_where_he_was(
    since: str, nlp: Any
) -> None:
    text = (
        f"Rodrigo Salcedo Ibarra has not been seen since {since} in Culiacán in 2016."
    )
    [seen] = sightings(_salcedo(text, nlp))
    assert (seen.place_name, seen.subject, seen.date) == (
        "Culiacán",
        "target",
        dt.date(2016, 12, 31),
    )


def test_another_leaving_since_stays_unread(nlp: Any) -> None:
    text = (
        "Rodrigo Salcedo Ibarra has not been seen since his brother escaped from a "
        "prison in Culiacán in 2016."
    )
    assert not sightings(_salcedo(text, nlp))


# --- "X, who survived ... in 2016, was buried in Culiacán on Monday" ----------------


@pytest.mark.parametrize("death", ["buried", "killed"])
def test_a_life_in_a_relative_clause_leaves_the_death_of_the_main(
    death: str, nlp: Any
) -> None:
    text = (
        "Rodrigo Salcedo Ibarra, who survived an assassination attempt in 2016, was "
        f"{death} in Culiacán on Monday."
    )
    lives = sorted((st, h, d) for st, h, _, d in _lives(_salcedo(text, nlp)))
    assert lives == [
        ("alive", "certain", dt.date(2016, 12, 31)),
        ("dead", "certain", _MONDAY),
    ]


def test_a_life_in_the_main_clause_reads_no_death(nlp: Any) -> None:
    text = "Rodrigo Salcedo Ibarra survived an assassination attempt in 2016."
    assert [st for st, *_ in _lives(_salcedo(text, nlp))] == ["alive"]


# --- there in person: a meeting held, reporters spoken to, a surrender -------------


@pytest.mark.parametrize(
    "done",
    [
        "held a meeting with his lieutenants",
        "spoke with reporters",
        "surrendered to authorities",
    ],
)
def test_what_he_did_in_person_places_him(done: str, nlp: Any) -> None:
    text = f"Rodrigo Salcedo Ibarra {done} in Culiacán on Monday."
    r = _salcedo(text, nlp)
    assert [(c.place_name, c.polarity, c.date) for c in claims(r)] == [
        ("Culiacán", "is", _MONDAY)
    ]


@pytest.mark.parametrize(
    "text",
    [
        # by phone: where the brother is
        "Rodrigo Salcedo Ibarra spoke by phone with his brother in Culiacán on "
        "Monday, officials said.",
        # another surrendered
        "Rodrigo Salcedo Ibarra's brother surrendered to authorities in Culiacán on "
        "Monday.",
        "Rodrigo Salcedo Ibarra did not surrender to authorities in Culiacán on "
        "Monday.",
    ],
)
def test_what_does_not_place_him_stays_unread(text: str, nlp: Any) -> None:
    assert not [c for c in claims(_salcedo(text, nlp)) if c.polarity == "is"]
