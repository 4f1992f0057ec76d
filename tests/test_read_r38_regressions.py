"""Review r35 of ed30db7 and 13f31a8: readings they broke, each with its near-miss.

- H1: "Salcedo, reported dead in 2017, said ...": the phrase set off is no one's
  report, but "said" is still Salcedo's; "Rivas, reported dead" is Rivas's
  death, not the target's.
- H2: "has not been seen since he was *nearly* killed", "*faked* his death": no
  death; "*supposedly* killed" is a possible one.
- H3: "since he was reportedly killed, *though police doubt it*": the death is
  no one's rumour, not the police's word.
- H4: "Posts claiming he had been killed *were false* (*debunked*,
  *fabricated*, *proved false*)": no death.
- H5: "... was being investigated *and that she was in Leeds*": the police's.
- H6: a surrender, meeting or talk with reporters by a man claiming to be the
  target, by phone, only meant to be, or denied places no one.
- H7: "was thought by analysts *in 2016* to be": dated 2016, by Analysts.
- H9: "They say he is dead, *but* I saw him": the clause set against the
  hearsay is the speaker's own word.
- M2: "The army said they say ...": the army's word.
- M3: "Police said posts claiming he was dead *were accurate*": the police's.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geosleuth.evidence import Claim, LifeStatus
from reading import item_set, reader

pytestmark = pytest.mark.nlp

_salcedo = reader("Rodrigo Salcedo Ibarra")
_doe = reader("Jane Doe")
_S = "Rodrigo Salcedo Ibarra"
_LEADS = "Rodrigo Salcedo Ibarra leads the cartel. "
_MONDAY = dt.date(2018, 6, 4)


def _items(reading: Any) -> set[tuple[Any, ...]]:
    return item_set(reading, year=True)


# --- H1: a set-off phrase and the reporting verb after it ---------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"{_S}, declared dead in 2017, said he is alive.",
            {("LifeStatus", "dead", "certain", "F3", None, 2017),
             ("LifeStatus", "alive", "certain", "F4", _S, 2018)},
        ),
        (
            f"{_S}, declared dead in 2017, said on Monday he is in Culiacán.",
            {("LifeStatus", "dead", "certain", "F3", None, 2017),
             ("Claim", "Culiacán is", "certain", "F4", _S, 2018)},
        ),
        (
            f"{_S}, reported dead in 2017, insisted on Monday that he was in Culiacán.",
            {("LifeStatus", "dead", "probable", "F3", None, 2017),
             ("Claim", "Culiacán is", "certain", "F4", _S, 2018)},
        ),
        (
            f"{_S}, declared dead in 2017, wrote in a letter published on Monday "
            "that he is in Culiacán.",
            {("LifeStatus", "dead", "certain", "F3", None, 2017),
             ("Claim", "Culiacán is", "certain", "F4", _S, 2018)},
        ),
        (
            f"{_S}, reported dead in 2017, said in an interview on Monday that he "
            "was hiding in Durango.",
            {("LifeStatus", "dead", "probable", "F3", None, 2017),
             ("Claim", "Durango is", "certain", "F4", _S, 2018)},
        ),
        (
            f"{_S}, reported dead in 2017, said in a video released on Monday that "
            "he was in Culiacán.",
            {("LifeStatus", "dead", "probable", "F3", None, 2017),
             ("LifeStatus", "alive", "certain", "F2", _S, 2018),
             ("Claim", "Culiacán is", "certain", "F4", _S, 2018)},
        ),
        (
            # another's phrase: Rivas's death, not the target's; no place "Rivas"
            f"Rivas, reported dead in 2017, said on Monday that {_S} is in Culiacán.",
            {("Claim", "Culiacán is", "certain", "F3", "Rivas", 2018)},
        ),
    ],
)  # fmt: skip
def test_the_verb_after_a_set_off_phrase_keeps_its_speaker(
    text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _items(_salcedo(text, nlp)) == expected


def test_jane_doe_set_off_and_her_letter(nlp: Any) -> None:
    text = (
        "Jane Doe, reported missing in 2017, said in a letter on Monday that she is "
        "in York."
    )
    assert _items(_doe(text, nlp)) == {
        ("Claim", "York is", "certain", "F4", "Jane Doe", 2018)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # near-misses: the phrase is still no one's report, the sighting stands
        (
            f"{_S}, reported dead in 2017, was seen in Mazatlán on Monday.",
            {("LifeStatus", "dead", "probable", "F3", None, 2017),
             ("Sighting", "seen Mazatlán", "certain", "F3", None, 2018)},
        ),
        (
            # a passive after the phrase: what is said of him, not his word
            f"{_S}, sighted in Culiacán in 2016, was declared dead in 2017.",
            {("LifeStatus", "dead", "certain", "F3", None, 2017),
             ("Sighting", "seen Culiacán", "certain", "F3", None, 2016)},
        ),
        (
            f"{_S}, declared dead in 2017, is alive and hiding in Durango, officials "
            "said on Monday.",
            {("LifeStatus", "dead", "certain", "F3", None, 2017),
             ("LifeStatus", "alive", "certain", "F2", "Officials", 2018),
             ("Claim", "Durango is", "certain", "F2", "Officials", 2018)},
        ),
    ],
)  # fmt: skip
def test_a_set_off_phrase_is_still_no_ones_report(
    text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _items(_salcedo(text, nlp)) == expected


# --- H2: near-deaths and feigned deaths since which he is unseen --------------------


@pytest.mark.parametrize(
    "since",
    [
        "he was nearly killed in Culiacán in 2016",
        "he almost died in a crash in 2016",
        "he nearly died in 2016",
        "he was almost killed in 2016",
        "he narrowly escaped being killed in 2016",
        "he faked his death in 2016",
        "he staged his own death in 2016",
        "he pretended to be dead in 2016",
        "he allegedly faked his own death in Culiacán in 2016",
    ],
)
def test_no_death_since_a_near_or_feigned_one(since: str, nlp: Any) -> None:
    r = _salcedo(f"{_S} has not been seen since {since}.", nlp)
    assert not [i for i in r.evidence if isinstance(i, LifeStatus)]


@pytest.mark.parametrize(
    ("since", "hedge"),
    [
        # near-misses: a death since which he is unseen, hedged by its own words
        ("he was killed in 2016", "certain"),
        ("he died in 2016", "certain"),
        ("he was reportedly killed in 2016", "probable"),
        ("he was supposedly killed in 2016", "possible"),
    ],
)
def test_a_death_since_keeps_its_own_hedge(since: str, hedge: str, nlp: Any) -> None:
    r = _salcedo(f"{_S} has not been seen since {since}.", nlp)
    assert [(i.status, i.hedge, i.date.year) for i in r.evidence] == [
        ("dead", hedge, 2016)
    ]


def test_supposedly_is_possible(nlp: Any) -> None:
    r = _salcedo(f"{_S} was supposedly killed in 2016.", nlp)
    assert [(i.status, i.hedge) for i in r.evidence] == [("dead", "possible")]


# --- H3: a clause set against the death since which he is unseen ---------------------


@pytest.mark.parametrize(
    "text",
    [
        f"{_S} has not been seen since he was reportedly killed in 2016, though "
        "police doubt it.",
        f"{_S} has not been seen since he was reportedly killed in 2016; police say "
        "he is alive.",
        f"{_S} has not been seen since he was reportedly killed in 2016, though his "
        "family insists he is alive.",
    ],
)
def test_a_clause_set_against_the_death_does_not_speak_it(text: str, nlp: Any) -> None:
    [death] = [i for i in _salcedo(text, nlp).evidence if i.status == "dead"]
    rumour = _salcedo(
        f"{_S} has not been seen since he was reportedly killed in 2016.", nlp
    )
    [plain] = rumour.evidence
    assert (death.hedge, death.provenance.speaker, death.date.year) == (
        "probable",
        None,
        2016,
    )
    assert death.grade == plain.grade


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"{_S} has not been seen since he was killed, his family claims, in 2016.",
            ("possible", "His family", 2016),
        ),
        # near-misses: the speaker of the whole sentence speaks it still
        (
            f"{_S} has not been seen since he was reportedly killed in 2016, police "
            "said.",
            ("probable", "Police", 2016),
        ),
        (
            f"Police said {_S} has not been seen since he was reportedly killed in "
            "2016.",
            ("probable", "Police", 2016),
        ),
        (
            f"{_S} has not been seen since the army said he had been killed in 2016.",
            ("certain", "Army", 2016),
        ),
    ],
)
def test_the_speaker_of_the_death_since(
    text: str, expected: tuple[Any, ...], nlp: Any
) -> None:
    [death] = [i for i in _salcedo(text, nlp).evidence if i.status == "dead"]
    assert (death.hedge, death.provenance.speaker, death.date.year) == expected


# --- H4: posts called false -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"Police said posts claiming {_S} had been killed were false.",
        f"Police said posts claiming {_S} had been killed were untrue.",
        f"Police said the posts claiming {_S} had been killed were fake news.",
        f"Posts claiming {_S} had died were false, police said.",
        f"Posts claiming {_S} had been killed were debunked.",
        f"Posts claiming {_S} was dead were debunked by police.",
        f"Police debunked posts claiming {_S} was dead.",
        f"Posts claiming {_S} had been killed were fake.",
        f"Posts claiming {_S} had died proved false.",
        f"Police said posts claiming {_S} had been killed were fabricated.",
        f"Posts claiming {_S} had been killed were false.",
    ],
)
def test_posts_called_false_give_no_death(text: str, nlp: Any) -> None:
    assert not _salcedo(text, nlp).evidence


@pytest.mark.parametrize(
    "text",
    [
        # near-misses: hearsay still
        f"Posts claiming {_S} had been killed were shared widely.",
        f"Police said posts claiming {_S} had been killed were being investigated.",
    ],
)
def test_posts_not_judged_stay_hearsay(text: str, nlp: Any) -> None:
    assert _items(_salcedo(text, nlp)) == {
        ("LifeStatus", "dead", "possible", "F3", None, 2018)
    }


def test_posts_of_a_place_debunked_affirm_nothing(nlp: Any) -> None:
    r = _salcedo(f"Posts claiming {_S} was in Culiacán were debunked by police.", nlp)
    assert all(c.polarity != "is" for c in r.evidence if isinstance(c, Claim))


# --- H5: the speaker's own clause after a post he tells of ---------------------------


@pytest.mark.parametrize("joined", [" and that she", ", adding that she"])
def test_the_police_word_after_a_post_told_of(joined: str, nlp: Any) -> None:
    text = (
        "Police said a post claiming Jane Doe was in York was being investigated"
        f"{joined} was in Leeds."
    )
    assert _items(_doe(text, nlp)) == {
        ("Claim", "York is", "possible", "F3", None, 2018),
        ("Claim", "Leeds is", "certain", "F2", "Police", 2018),
    }


# --- H6: a meeting that places no one ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"A man claiming to be {_S} surrendered to police in Culiacán on Monday.",
        f"A man who said he was {_S} surrendered to police in Culiacán on Monday.",
        f"A lookalike of {_S} surrendered to police in Culiacán on Monday.",
        f"{_S} was to have held a meeting with his lieutenants in Culiacán on Monday.",
        f"{_S} was to have surrendered to authorities in Culiacán on Monday.",
        f"{_S} spoke to reporters in Culiacán by phone on Monday.",
        f"{_S} held talks with his lieutenants in Culiacán by phone on Monday.",
        f"{_S} never spoke to reporters in Culiacán.",
        f"{_S} never surrendered to authorities in Culiacán.",
        f"{_S} never held a meeting with his lieutenants in Culiacán.",
        f"{_S} denied that he surrendered to authorities in Culiacán.",
        f"Police denied that {_S} surrendered to authorities in Culiacán on Monday.",
    ],
)
def test_a_meeting_not_in_person_places_no_one(text: str, nlp: Any) -> None:
    assert not [i for i in _salcedo(text, nlp).evidence if isinstance(i, Claim)]


def test_a_talk_by_video_link_places_him_nowhere(nlp: Any) -> None:
    text = f"{_S} spoke to reporters in Culiacán on Monday via video link from Durango."
    assert not [i for i in _salcedo(text, nlp).evidence if isinstance(i, Claim)]


@pytest.mark.parametrize(
    "text",
    [
        # near-misses: there in person
        f"{_S} surrendered to police in Culiacán on Monday.",
        f"{_S} held a meeting with his lieutenants in Culiacán on Monday.",
        f"{_S} spoke to reporters in Culiacán on Monday.",
        f"{_S} met his brother in Culiacán on Monday.",
    ],
)
def test_a_meeting_in_person_places_him(text: str, nlp: Any) -> None:
    assert [
        (c.place_name, c.polarity, c.hedge, c.date)
        for c in _salcedo(text, nlp).evidence
        if isinstance(c, Claim)
    ] == [("Culiacán", "is", "certain", _MONDAY)]


# --- H7: a believers' time ---------------------------------------------------------


@pytest.mark.parametrize(
    ("when", "speaker", "year"),
    [
        (" in 2016", "Analysts", 2016),
        # near-misses
        ("", "Analysts", 2018),
        (" in Mexico", "Analysts in Mexico", 2018),
    ],
)
def test_the_believers_time_dates_the_belief(
    when: str, speaker: str, year: int, nlp: Any
) -> None:
    r = _salcedo(f"{_S} was thought by analysts{when} to be in Durango.", nlp)
    assert [
        (c.place_name, c.hedge, c.provenance.speaker, c.date.year) for c in r.evidence
    ] == [("Durango", "probable", speaker, year)]


# --- H9: the speaker's clause set against the hearsay he relays ---------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            _LEADS + '"They say he is in Culiacán, but he is in Durango," Rivas said.',
            {("Claim", "Culiacán is", "possible", "F5", None, 2018),
             ("Claim", "Durango is", "certain", "F3", "Rivas", 2018)},
        ),
        (
            _LEADS + '"They say he is in Culiacán, but he is really in Durango," '
            "Rivas said.",
            {("Claim", "Culiacán is", "possible", "F5", None, 2018),
             ("Claim", "Durango is", "certain", "F3", "Rivas", 2018)},
        ),
        (
            f"Rivas said they say {_S} is in Culiacán, but he is in Durango.",
            {("Claim", "Culiacán is", "possible", "F5", None, 2018),
             ("Claim", "Durango is", "certain", "F3", "Rivas", 2018)},
        ),
        (
            f"Rivas said they say {_S} is dead, though he is alive.",
            {("LifeStatus", "dead", "possible", "F5", None, 2018),
             ("LifeStatus", "alive", "certain", "F3", "Rivas", 2018)},
        ),
        (
            f"{_S} said they say he is dead, but he is alive and in Culiacán.",
            {("LifeStatus", "dead", "possible", "F5", None, 2018),
             ("LifeStatus", "alive", "certain", "F4", _S, 2018),
             ("Claim", "Culiacán is", "certain", "F4", _S, 2018)},
        ),
        (
            _LEADS + '"They say he is dead, but I saw him in Durango on Monday," '
            "Rivas said.",
            {("LifeStatus", "dead", "possible", "F5", None, 2018),
             ("Sighting", "seen Durango", "certain", "F3", None, 2018)},
        ),
        (
            _LEADS + f'"They say I am dead, but I am alive," {_S} said in a video '
            "released on Monday.",
            {("LifeStatus", "alive", "certain", "F2", _S, 2018)},
        ),
        (
            f'"They say I am dead," {_S} said in a video released on Monday.',
            {("LifeStatus", "alive", "certain", "F2", _S, 2018)},
        ),
    ],
)  # fmt: skip
def test_a_clause_set_against_hearsay_is_the_speakers(
    text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _items(_salcedo(text, nlp)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # near-misses: all hearsay
        _LEADS + '"They say he is in Culiacán," Rivas said.',
        f"Rivas said they say {_S} is in Culiacán.",
        _LEADS + '"They say he is in Culiacán," Rivas said in Durango.',
    ],
)
def test_hearsay_alone_stays_hearsay(text: str, nlp: Any) -> None:
    assert _items(_salcedo(text, nlp)) == {
        ("Claim", "Culiacán is", "possible", "F5", None, 2018)
    }


# --- M2: an institution's "they" ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            f"The army spokesman said they say {_S} is hiding in Durango.",
            "Army spokesman",
        ),
        (f"The government said they say {_S} is in Durango.", "Government"),
    ],
)
def test_an_institutions_they_is_its_own_word(
    text: str, speaker: str, nlp: Any
) -> None:
    [c] = _salcedo(text, nlp).evidence
    assert (c.provenance.speaker, str(c.grade)) == (speaker, "F2")


@pytest.mark.parametrize(
    "text",
    [
        # near-misses: others' hearsay
        f"His brother said they say {_S} is in Durango.",
        f"The army said some say {_S} is in Durango.",
    ],
)
def test_a_persons_they_is_hearsay(text: str, nlp: Any) -> None:
    [c] = _salcedo(text, nlp).evidence
    assert (c.provenance.speaker, str(c.grade)) == (None, "F5")


# --- M3: posts vouched for ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        (f"Police said posts claiming {_S} was dead were accurate.", _S,
         ("dead", "certain", "Police")),
        ("Police said a post claiming Jane Doe was dead was credible.", "Jane Doe",
         ("dead", "certain", "Police")),
        (f"The army confirmed reports saying {_S} was alive.", _S,
         ("alive", "certain", "Army")),
        ("Police said a post claiming Jane Doe was in York had been verified.",
         "Jane Doe", ("York", "certain", "Police")),
        # near-misses: told of, not vouched for
        ("Police said a post claiming Jane Doe was dead was being investigated.",
         "Jane Doe", ("dead", "possible", None)),
        ("Police said a post claiming Jane Doe was in York was being investigated.",
         "Jane Doe", ("York", "possible", None)),
    ],
)  # fmt: skip
def test_posts_vouched_for_are_the_speakers(
    text: str, target: str, expected: tuple[Any, ...], nlp: Any
) -> None:
    [i] = _salcedo(text, nlp, target=target).evidence
    what = i.status if isinstance(i, LifeStatus) else i.place_name
    assert (what, i.hedge, i.provenance.speaker) == expected


def test_the_relayers_day_dates_the_hearsay(nlp: Any) -> None:
    text = _LEADS + '"They say he is in Culiacán," Rivas told reporters on Monday.'
    [c] = _salcedo(text, nlp).evidence
    assert (c.place_name, c.provenance.speaker, c.date) == ("Culiacán", None, _MONDAY)
