"""Pronouns after a relative who told, and after an associate (review r27).

Each test pins the items read from the review's probe sentences (findings 2, 3
and 4) and from sentences on the other side of each rule:

- after a relative who only told of the target ("reported missing by her
  sister"), a later "she" or "he" is the target's where what is said of it is
  the missing one's: a possibility ("She could be in Fort Erie"), where she was
  or stayed ("She was staying at a hostel"), her age, what she wore, or what
  another speaker says ("Police believe she is in Fort Erie"); not where its
  clause tells what the relative does for the search ("to help with the
  search", "to hand out flyers"), nor after "she was heartbroken", nor where a
  bare act of its own may be the relative's ("She is based in Toronto and
  travelled to Fort Erie on Friday");
- a "he" after an associate ("One of his lieutenants was arrested") is the
  associate's only in the associate's own sentence, where no contrast
  ("but") parts them and what is said of it is no freedom ("believed to be
  in"), or, in the next sentence, a burial after the associate's death.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geosleuth.evidence import LifeStatus
from reading import claims, reader, sightings

pytestmark = pytest.mark.nlp

_HAMILTON = "Sydney Hamilton"
_SALCEDO = "Rodrigo Salcedo Ibarra"
_JALMAANI = "Mundi Jalmaani"
_AG_ALHER = "Hamadou Ag Alher"
_VUKOVIC = "Dragan Vuković"
_DOE = "Jane Doe"
_read = reader(_SALCEDO)
_SISTER = "Sydney Hamilton was reported missing on May 2 by her sister. "
_MOTHER = "Sydney Hamilton was reported missing on May 2 by her mother. "


def _read_2024(text: str, nlp: Any, target: str = _HAMILTON) -> Any:
    """Read ``text`` as published on Tuesday 14 May 2024 (the review's date)."""
    from geosleuth.read.document import read_text

    return read_text(text, target=target, nlp=nlp, published=dt.date(2024, 5, 14))


def _places(reading: Any) -> list[tuple[str, Any]]:
    """(kind, place) of each sighting and claim."""
    return [(i.kind, i.place_name) for i in sightings(reading) + claims(reading)]


def _deaths(reading: Any) -> list[LifeStatus]:
    """The death items a reading found."""
    return [
        i for i in reading.evidence if isinstance(i, LifeStatus) and i.status == "dead"
    ]


# -- finding 2: what is said of the missing one after a relative told ----------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (_SISTER + "She may be in Fort Erie, police said.",
         [("claim", "Fort Erie", "possible", "Police")]),
        (_MOTHER + "Police believe she is in Fort Erie.",
         [("claim", "Fort Erie", "probable", "Police")]),
        (_MOTHER + "She could be in Fort Erie.",
         [("claim", "Fort Erie", "possible", None)]),
        (_SISTER + "She might be staying with friends in Fort Erie.",
         [("claim", "Fort Erie", "possible", None)]),
        (_SISTER + "She was in Fort Erie on the day she vanished.",
         [("claim", "Fort Erie", "certain", None)]),
        (_SISTER + "She was staying at a hostel in Fort Erie.",
         [("claim", "Fort Erie", "certain", None)]),
        (_SISTER + "She is 19 and lives in Fort Erie.",
         [("claim", "Fort Erie", "certain", None)]),
        (_MOTHER + "She had travelled to Fort Erie to visit friends.",
         [("claim", "Fort Erie", "certain", None)]),
        (_MOTHER + "She was wearing a black jacket and was last seen in Fort "
                   "Erie.", [("sighting", "Fort Erie", "certain", None)]),
        (_SISTER + "She often stays with friends in Fort Erie, police said.",
         [("claim", "Fort Erie", "certain", "Police")]),
    ],
)  # fmt: skip
def test_what_is_said_of_the_missing_one_after_a_relative_told_is_the_targets(
    nlp: Any, text: str, expected: list[tuple[Any, ...]]
) -> None:
    reading = _read_2024(text, nlp)
    got = [
        (i.kind, i.place_name, i.hedge, i.provenance.speaker)
        for i in sightings(reading) + claims(reading)
    ]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Vuković was reported missing by his brother. He may have crossed "
         "into Bosnia.", "Bosnia and Herzegovina"),
        ("Dragan Vuković was reported missing by his father. Police said he may "
         "be in Pljevlja.", "Pljevlja"),
    ],
)  # fmt: skip
def test_he_after_a_brother_or_father_told_is_the_target(
    nlp: Any, text: str, place: str
) -> None:
    assert [(c.place_name, c.hedge) for c in claims(_read(text, nlp, _VUKOVIC))] == [
        (place, "possible")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Doe's sister, who reported her missing, said she was worried. "
         "She was last seen in Leeds.", [("sighting", "Leeds")]),
        ("Jane Doe's sister, who reported her missing, said she was "
         "heartbroken. Police believe she is in York.", [("claim", "York")]),
        ("Jane Doe's sister, who reported her missing, said she was "
         "heartbroken. She may be in York.", [("claim", "York")]),
    ],
)  # fmt: skip
def test_a_sisters_grief_leaves_the_target_a_sighting_a_belief_and_a_possibility(
    nlp: Any, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _places(_read_2024(text, nlp, _DOE)) == expected


def test_a_later_sighting_after_a_relative_told_stays_the_targets(nlp: Any) -> None:
    text = (
        _SISTER + "She was last seen in Fort Erie, and police have appealed for "
        "help to find her."
    )
    assert _places(_read_2024(text, nlp)) == [("sighting", "Fort Erie")]


# -- findings 2 and 4: the relative's own acts, feelings and bare moves ----------


@pytest.mark.parametrize(
    "text",
    [
        # finding 4: an adjective is no passive; the search marks the relative
        _SISTER + "She was heartbroken and flew to Fort Erie to help search.",
        _SISTER + "She was devastated and has travelled to Fort Erie to join the "
                  "search.",
        _SISTER + "She was driven to Fort Erie by police to help with the "
                  "search.",
        _SISTER + "She is based in Toronto and travelled to Fort Erie on "
                  "Friday.",
        _SISTER + "She was worried and drove to Fort Erie on Friday.",
        # a modal, a place or another speaker does not undo the search
        _SISTER + "She may travel to Fort Erie to help with the search.",
        _SISTER + "She is in Fort Erie to help with the search.",
        _SISTER + "Police said she had flown to Fort Erie to help with the "
                  "search.",
        "Sydney Hamilton's mother, who reported her missing, said she was "
        "worried. She is staying with relatives in Fort Erie.",
        # r26's shapes stay the relative's
        _SISTER + "She flew to Fort Erie on Friday to help with the search.",
        "Sydney Hamilton, 19, was reported missing by her mother on May 2. She "
        "has since travelled to Fort Erie to hand out flyers.",
        _SISTER + "She lives in Fort Erie.",
    ],
)  # fmt: skip
def test_the_relatives_acts_and_feelings_are_not_the_targets(
    nlp: Any, text: str
) -> None:
    assert _places(_read_2024(text, nlp)) == []


# -- finding 3: "he" after an associate -------------------------------------------


@pytest.mark.parametrize(
    ("target", "text", "place"),
    [
        (_SALCEDO, "Rodrigo Salcedo Ibarra leads the cartel. One of his "
                   "lieutenants was arrested last week. He is believed to be "
                   "hiding in Tamazula.", "Tamazula"),
        (_JALMAANI, "Mundi Jalmaani leads the group. One of his bodyguards "
                    "surrendered to the army last week. He is believed to be "
                    "hiding in Patikul.", "Patikul"),
        (_AG_ALHER, "Hamadou Ag Alher leads the group. His deputy was killed in "
                    "a French airstrike last month. He is believed to be hiding "
                    "in Kidal.", "Kidal"),
        (_SALCEDO, "Rodrigo Salcedo escaped from prison on Monday after a man "
                   "drove a truck through the gate. He is believed to be hiding "
                   "in Tamazula.", "Tamazula"),
        (_SALCEDO, "Rodrigo Salcedo leads the cartel. His deputy was arrested in "
                   "Culiacán on Monday, but he remains at large in Durango, "
                   "officials said.", "Durango"),
        (_JALMAANI, "Mundi Jalmaani leads the group. The military said one of "
                    "his bodyguards was killed in Indanan, and that he was "
                    "wounded but escaped to Patikul.", "Patikul"),
        (_SALCEDO, "Rodrigo Salcedo leads the cartel. One of his lieutenants was "
                   "arrested last week, and he is thought to be hiding in "
                   "Tamazula.", "Tamazula"),
    ],
)  # fmt: skip
def test_he_after_an_associate_is_the_target_again(
    nlp: Any, target: str, text: str, place: str
) -> None:
    assert [c.place_name for c in claims(_read(text, nlp, target))] == [place]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Rodrigo Salcedo escaped on Monday when a man rammed the gate. He was "
         "last seen in Tamazula.", "Tamazula"),
        ("Jane Doe went missing after a woman offered her a lift in Leeds. She "
         "was later seen in York.", "York"),
    ],
)  # fmt: skip
def test_a_sighting_in_the_sentence_after_a_man_or_woman_is_the_targets(
    nlp: Any, text: str, place: str
) -> None:
    target = _DOE if text.startswith("Jane") else _SALCEDO
    assert place in [s.place_name for s in sightings(_read(text, nlp, target))]


@pytest.mark.parametrize(
    "text",
    [
        "Mundi Jalmaani leads the group. Jalmaani's deputy was killed in Indanan "
        "last month, and he was buried in Jolo.",
        "Mundi Jalmaani leads the group. The military said one of his bodyguards "
        "was killed in Indanan, and that he died instantly.",
        "Mundi Jalmaani leads the group. His deputy was killed in Indanan last "
        "month. He was buried in Jolo.",
        "Mundi Jalmaani leads the group. His deputy was killed in Indanan last "
        "month, and he is believed to have been buried in Jolo.",
    ],
)
def test_the_associates_death_and_burial_stay_his(nlp: Any, text: str) -> None:
    assert _deaths(_read(text, nlp, _JALMAANI)) == []


def test_the_salcedo_article_gives_its_tamazula_claim(nlp: Any) -> None:
    text = (
        "Cartel leader still at large after raid\n\n"
        "Rodrigo Salcedo Ibarra, the leader of the cartel, escaped a military "
        "raid in Culiacán on Monday.\n\n"
        "One of his lieutenants was arrested in the raid. He is believed to be "
        "hiding in the mountains near Tamazula, officials said.\n\n"
        "Marines found the body of one of his bodyguards in a house in Culiacán, "
        "but it was not clear how he died.\n"
    )
    reading = _read(text, nlp)
    assert [(c.place_name, c.hedge, c.provenance.speaker) for c in claims(reading)] == [
        ("Tamazula", "probable", "Officials")
    ]
    assert _deaths(reading) == []


@pytest.mark.parametrize(
    "text",
    [
        "Rodrigo Salcedo leads the cartel. His deputy was arrested in Culiacán, "
        "and he is believed to have been taken to Mexico City.",
        "Rodrigo Salcedo leads the cartel. His deputy was arrested on Monday. He "
        "is being held in Mexico City.",
    ],
)
def test_the_arrested_associates_custody_stays_his(nlp: Any, text: str) -> None:
    assert _places(_read(text, nlp)) == []
