"""Searches of "the village" and pronouns after a relative (review r23).

Each test pins the items read from the review's probe sentences (F1-i, the
"Related [pre]" rows of rule 4, and the pronoun half of L-e) and from
sentences on the other side of each rule:

- a search of "the village" with no place before it in its sentence is at the
  last place of the sentence before, where an item of the target rests, and
  the tip's claim there is withdrawn, set aside with why; "the surrounding
  forest" lies around the place named before; "the town" named again after a
  sighting there is searched too, and the sighting stays;
- a relative of the target's who only told of the target ("reported missing
  by her sister", "Her sister said it was raining") does not take a "her" or
  "she" of a later sentence from the target; one who did something ("Her
  sister was arrested"), one who speaks on ("She said ..."), and another
  person's relative still do;
- "her husband" after "Jalmaani's wife" is the target, and so is a later
  "he"; the husband of another man's wife is not.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geosleuth.evidence import LifeStatus, Searched
from reading import PUB, claims, reader, sightings

pytestmark = pytest.mark.nlp

_VUKOVIC = "Dragan Vuković"
_JALMAANI = "Mundi Jalmaani"
_HAMILTON = "Sydney Hamilton"
_read = reader(_VUKOVIC)
_TIP = (
    "Police said they had received a tip that Vuković was staying in a village "
    "near Pljevlja"
)


def _searched(reading: Any) -> list[tuple[Any, ...]]:
    """(place, date, buffer_km, quote) of each search that found nothing."""
    return [
        (i.place_name, i.date, i.buffer_km, i.provenance.quote)
        for i in reading.evidence
        if isinstance(i, Searched)
    ]


def _read_2024(text: str, nlp: Any, target: str = _HAMILTON) -> Any:
    """Read ``text`` as published on Tuesday 14 May 2024 (the review's date)."""
    from geosleuth.read.document import read_text

    return read_text(text, target=target, nlp=nlp, published=dt.date(2024, 5, 14))


# -- F1-i: a tip, then a search of "the village" -------------------------------------


def test_a_search_of_the_village_in_the_next_sentence_is_at_the_tips_place(
    nlp: Any,
) -> None:
    first = _TIP + "."
    text = first + " A search of the village on Tuesday found no trace of him."
    reading = _read(text, nlp)
    # near Pljevlja (a buffer twice a town's), dated Tuesday, on both sentences
    assert _searched(reading) == [("Pljevlja", PUB, 20.0, text)]
    assert "'the village' names again" in reading.evidence[0].note
    # the tip is what the search found wrong: withdrawn, and said why
    assert not claims(reading)
    [row] = [r for r in reading.rejected if r.reason == "negated"]
    assert row.quote == first
    assert "withdrawn" in row.detail


def test_the_one_sentence_tip_and_search_reads_as_before(nlp: Any) -> None:
    text = _TIP + ", but a search of the village on Tuesday found no trace of him."
    reading = _read(text, nlp)
    assert _searched(reading) == [("Pljevlja", PUB, 20.0, text)]
    assert not claims(reading)
    assert not [r for r in reading.rejected if r.reason == "negated"]


def test_a_search_of_the_surrounding_forest_is_around_the_tips_place(
    nlp: Any,
) -> None:
    text = _TIP + ", but a search of the surrounding forest found no trace of him."
    reading = _read(text, nlp)
    assert [s[:3] for s in _searched(reading)] == [("Pljevlja", PUB, 20.0)]
    assert "'the surrounding forest' lies around" in reading.evidence[0].note
    assert not claims(reading)


@pytest.mark.parametrize(
    "text",
    [
        "Residents said Jane Doe was seen in Harewood; a search of the town found "
        "no sign of her.",
        "Residents said Jane Doe was seen in Harewood. A search of the town found "
        "no sign of her.",
    ],
)
def test_a_search_of_the_town_after_a_sighting_there_keeps_the_sighting(
    nlp: Any, text: str
) -> None:
    reading = _read(text, nlp, target="Jane Doe")
    assert [s.place_name for s in sightings(reading)] == ["Harewood"]
    assert [s[0] for s in _searched(reading)] == ["Harewood"]
    assert not [r for r in reading.rejected if r.reason == "negated"]


@pytest.mark.parametrize(
    ("text", "claimed"),
    [
        # the village of the sentence before is the brother's: no item of the
        # target rests on it
        ("His brother lives in a village near Pljevlja. A search of the village "
         "found no trace of Vuković.", []),
        # a sentence between: the village is not named right before
        (_TIP + ". Vuković has a brother. A search of the village on Tuesday "
         "found no trace of him.", ["Pljevlja"]),
        # a search to come refutes nothing
        (_TIP + ". A search of the village will begin on Friday.", ["Pljevlja"]),
        # a country is no village
        ("Police believe Vuković is in Montenegro. A search of the town found no "
         "trace of him.", ["Montenegro"]),
    ],
)  # fmt: skip
def test_no_search_of_the_village_named_before_where_the_text_does_not_tie_it(
    nlp: Any, text: str, claimed: list[str]
) -> None:
    reading = _read(text, nlp)
    assert not _searched(reading)
    assert [c.place_name for c in claims(reading)] == claimed


# -- Rule 4, related: a relative who only told of the target -----------------------


def test_her_car_after_reported_missing_by_her_sister_is_the_targets(
    nlp: Any,
) -> None:
    text = (
        "Sydney Hamilton was reported missing on May 2 by her sister. Her car was "
        "found the next day in Fort Erie."
    )
    [trace] = sightings(_read_2024(text, nlp))
    assert (trace.place_name, trace.date) == ("Fort Erie", dt.date(2024, 5, 3))
    assert "Her car" in (trace.note or "")


@pytest.mark.parametrize(
    "text",
    [
        "Sydney Hamilton was last seen in Hamilton on May 2. Her sister said it "
        "was raining. She was seen in Fort Erie.",
        "Sydney Hamilton left home on May 2, according to her mother. She was "
        "seen in Fort Erie.",
    ],
)
def test_she_after_a_relative_who_only_spoke_is_the_target(nlp: Any, text: str) -> None:
    reading = _read_2024(text, nlp)
    assert "Fort Erie" in [s.place_name for s in sightings(reading)]


@pytest.mark.parametrize(
    "text",
    [
        # the sister did something: "She" and "Her" are hers
        "Jane Doe went missing on Monday. Her sister was arrested in Leeds. She "
        "was seen in York.",
        "Jane Doe went missing on Monday. Her sister was arrested in Leeds. Her "
        "car was found in York.",
        # the sister speaks on: what "she saw" is the sister's
        "Jane Doe went missing on Monday. Her sister said it was raining. She said "
        "she saw a man in York.",
        # another person's sister
        "Jane Doe went missing on Monday. Tom Fox's sister said it was raining. "
        "She was seen in York.",
        # in the relative's own sentence, as before
        "Jane Doe was reported missing on Monday by her sister, who said her car "
        "was found in York.",
    ],
)
def test_a_relative_who_did_or_says_more_keeps_the_pronoun(nlp: Any, text: str) -> None:
    reading = _read(text, nlp, target="Jane Doe")
    assert "York" not in [s.place_name for s in sightings(reading)]


# -- L-e: "her husband" after the target's wife --------------------------------------


def _life(reading: Any) -> list[tuple[str, str | None]]:
    return [
        (i.status, i.provenance.speaker)
        for i in reading.evidence
        if isinstance(i, LifeStatus)
    ]


@pytest.mark.parametrize(
    ("wife", "speaker"),
    [
        ("Jalmaani's wife", "Jalmaani's wife"),
        ("The wife of Jalmaani", "Wife of Jalmaani"),
        ("Jalmaani's wife, Fatima Sali,", "Jalmaani's wife, Fatima Sali"),
    ],
)
def test_he_after_her_husband_the_targets_wifes_is_the_target(
    nlp: Any, wife: str, speaker: str
) -> None:
    text = (
        f"{wife} said her husband was alive. The military said he was killed in "
        "Indanan last month."
    )
    reading = _read(text, nlp, target=_JALMAANI)
    assert _life(reading) == [("alive", speaker), ("dead", "Military")]
    [dead] = [i for i in reading.evidence if getattr(i, "status", "") == "dead"]
    assert dead.date == dt.date(2018, 5, 31)  # "last month"


@pytest.mark.parametrize(
    "text",
    [
        # the deputy's wife: her husband is the deputy
        "The wife of Jalmaani's deputy said her husband was alive. The military "
        "said he was killed in Indanan last month.",
        # her brother is not her husband
        "Jalmaani's wife said her brother was alive. The military said he was "
        "killed in Indanan last month.",
    ],
)
def test_he_after_another_mans_husband_or_her_brother_is_not_the_target(
    nlp: Any, text: str
) -> None:
    reading = _read(text, nlp, target=_JALMAANI)
    assert ("dead", "Military") not in _life(reading)


def test_the_pronoun_rule_tells_the_husband_of_the_targets_wife() -> None:
    from geosleuth.read._target_pronouns import _refers_to_target

    text = "Jalmaani's wife said her husband was alive. He was killed."
    assert _refers_to_target(text, text.index("He"), "he", [(0, 8)], [])
    # her "her" is the wife's, named last in "the wife of Jalmaani"
    text = "The wife of Jalmaani said her son was alive."
    assert not _refers_to_target(text, text.index("her"), "she", [(12, 20)], [])


@pytest.mark.parametrize(
    "text",
    [
        # the find was set aside as "the target found, but at no resolved place"
        # (review r23, F1-i)
        "Police said they had received a tip that Vuković was staying in a village "
        "near Pljevlja, but a search of the village found him hiding in a barn.",
        "Police said they had received a tip that Vuković was staying in a village "
        "near Pljevlja. A search of the village on Tuesday found him hiding in a "
        "barn.",
    ],
)
def test_a_search_of_the_village_that_found_him_finds_him_there(
    text: str, nlp: Any
) -> None:
    r = _read(text, nlp)
    assert [s.place_name for s in sightings(r)] == ["Pljevlja"]
    assert not any("no resolved place" in x.detail for x in r.rejected)
