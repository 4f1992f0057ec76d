"""Absence of evidence, fears and lookalikes, two speakers of life, unnamed speakers.

From an outside review of missing-person, kidnapping and fugitive articles:

- "no reason to believe", "no indication that", "no sign that", "nothing
  suggests" made a claim that the target is there, probable or certain. They
  are doubtful, as "no evidence" is, and not a denial: absence of evidence is
  not evidence of absence, so the claim keeps "is".
- "is feared dead", "is presumed dead" were certain deaths; "a man resembling
  Arellano was seen" a certain sighting of Arellano.
- "The army said Jane Doe had been killed, but her brother said she was alive"
  gave "alive" in the army's name, and no death.
- "a Western diplomat said", "her kidnappers said", "a former hostage said"
  were the article's own word.

Each case is a real sentence; both sides of each rule are pinned, and a comment
says what each gave before.
"""

from __future__ import annotations

from typing import Any

import pytest

from geosleuth.evidence import LifeStatus
from reading import reader
from reading import rows as _rows

pytestmark = pytest.mark.nlp

CARTER = "Emily Carter"
_read = reader(CARTER)


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # each was probable ("believe", "think") or certain before
        ("The sheriff said he had no reason to believe Emily Carter was in Utah.",
         [("claim", "Utah", "is", "doubtful", "Sheriff", "F2")]),
        ("Police have no reason to think Emily Carter is in Utah.",
         [("claim", "Utah", "is", "doubtful", None, "F3")]),
        ("Nothing suggests Emily Carter is in Utah, police said.",
         [("claim", "Utah", "is", "doubtful", "Police", "F2")]),
        ("Police said they had no indication that Emily Carter was in Utah.",
         [("claim", "Utah", "is", "doubtful", "Police", "F2")]),
        ("There is no sign that Emily Carter is in Utah.",
         [("claim", "Utah", "is", "doubtful", None, "F3")]),
        ("There is nothing to suggest that Emily Carter is in Utah.",
         [("claim", "Utah", "is", "doubtful", None, "F3")]),
        # the other side: a reason to believe, no doubt, a sign of something else
        ("Police have every reason to believe Emily Carter is in Utah.",
         [("claim", "Utah", "is", "probable", None, "F3")]),
        # was doubtful ("doubt") before
        ("There is no doubt that Emily Carter is in Utah.",
         [("claim", "Utah", "is", "certain", None, "F3")]),
        ("Police said there was reason to doubt that Emily Carter is in Utah.",
         [("claim", "Utah", "is", "doubtful", "Police", "F2")]),
        ("Emily Carter showed no signs of illness when she travelled to Utah.",
         [("claim", "Utah", "is", "certain", None, "F3")]),
    ],
)  # fmt: skip
def test_absence_of_evidence_is_doubtful_not_a_denial(
    nlp: Any, text: str, rows: list[tuple[Any, ...]]
) -> None:
    assert _rows(_read(text, nlp)) == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # each was certain before
        ("Emily Carter is feared dead.",
         [("life_status", "dead", None, "possible", None, "F3")]),
        ("Emily Carter is feared to have died near Aspen.",
         [("life_status", "dead", None, "possible", None, "F3")]),
        ("Emily Carter is presumed dead.",
         [("life_status", "dead", None, "probable", None, "F3")]),
        # the target's own fear is no hedge: certain, as before
        ("Emily Carter, who feared arrest, fled to Utah.",
         [("claim", "Utah", "is", "certain", None, "F3")]),
        ("Emily Carter fled to Utah for fear of arrest.",
         [("claim", "Utah", "is", "certain", None, "F3")]),
    ],
)  # fmt: skip
def test_a_fear_or_a_presumption_is_no_finding(
    nlp: Any, text: str, rows: list[tuple[Any, ...]]
) -> None:
    assert _rows(_read(text, nlp)) == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # each was a certain sighting of the target before
        ("A man resembling Arellano was seen in Culiacan on Friday.",
         [("sighting", "Culiacán", None, "possible", None, "F3")]),
        ("A man who looked like Ramon Arellano was seen in Culiacan on Friday.",
         [("sighting", "Culiacán", None, "possible", None, "F3")]),
        ("A man fitting the description of Arellano was spotted in Culiacan.",
         [("sighting", "Culiacán", None, "possible", None, "F3")]),
        # was a sighting of an associate, "Arellano's description", at 0.5
        ("A man matching Arellano's description was spotted in Culiacan.",
         [("sighting", "Culiacán", None, "possible", None, "F3")]),
        ("A hiker said a man who resembled Arellano was seen in Culiacan.",
         [("sighting", "Culiacán", None, "possible", "A hiker", "F3")]),
        # the other side: the target seen, who resembles someone else
        ("Arellano, who resembles his father, was seen in Culiacan.",
         [("sighting", "Culiacán", None, "certain", None, "F3")]),
        ("Arellano was seen in Culiacan on Friday.",
         [("sighting", "Culiacán", None, "certain", None, "F3")]),
    ],
)  # fmt: skip
def test_a_lookalike_seen_is_a_possible_sighting(
    nlp: Any, text: str, rows: list[tuple[Any, ...]]
) -> None:
    assert _rows(_read(text, nlp, target="Ramon Arellano")) == rows


def test_a_woman_matching_her_description_is_a_possible_sighting(nlp: Any) -> None:
    # gave nothing before: only the target's "her" names who was seen
    text = (
        "Emily Carter went missing near Aspen. A woman matching her description "
        "was spotted in Denver on Monday."
    )
    assert _rows(_read(text, nlp)) == [
        ("sighting", "Denver", None, "possible", None, "F3")
    ]
    # the other side: a woman, no description of the target: no sighting of her
    text = "Emily Carter went missing near Aspen. A woman was spotted in Denver."
    assert _rows(_read(text, nlp)) == []


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # was alive, by the Army (F2), and no death
        ("The army said Jane Doe had been killed, but her brother said she was "
         "alive.",
         [("life_status", "alive", None, "certain", "Her brother", "F3"),
          ("life_status", "dead", None, "certain", "Army", "F2")]),
        ("Her brother said Jane Doe was alive, but the army said she had been "
         "killed.",
         [("life_status", "alive", None, "certain", "Her brother", "F3"),
          ("life_status", "dead", None, "certain", "Army", "F2")]),
        # was alive by the Iraqi military (F2), no death; Hajin was right
        ("The Iraqi military said Jane Doe had been killed, but a Kurdish "
         "commander said she was alive and had fled to Hajin.",
         [("life_status", "alive", None, "certain", "Kurdish commander", "F2"),
          ("life_status", "dead", None, "certain", "Iraqi military", "F2"),
          ("claim", "Hajīn", "is", "certain", "Kurdish commander", "F2")]),
        # was nothing: the mother's hope set the death aside with it
        ("The army said Jane Doe had been killed, but her mother hopes she is "
         "still alive.",
         [("life_status", "dead", None, "certain", "Army", "F2")]),
        # the other side, as before: one speaker, one clause
        ("Jane Doe is alive, her brother said.",
         [("life_status", "alive", None, "certain", "Her brother", "F3")]),
        ("Jane Doe was killed, the army said.",
         [("life_status", "dead", None, "certain", "Army", "F2")]),
    ],
)  # fmt: skip
def test_alive_and_dead_each_keep_the_speaker_of_their_clause(
    nlp: Any, text: str, rows: list[tuple[Any, ...]]
) -> None:
    assert _rows(_read(text, nlp, target="Jane Doe")) == rows


def test_a_hope_of_life_in_the_same_clause_still_sets_the_death_aside(
    nlp: Any,
) -> None:
    # one speaker, no clauses of its own: as before, no item
    reading = _read(
        "Her mother said Jane Doe was killed but hopes she is still alive.",
        nlp,
        target="Jane Doe",
    )
    assert not [i for i in reading.evidence if isinstance(i, LifeStatus)]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # each had no speaker before (the article's own word, F3)
        # a diplomat is an official of a government: as "a Western official"
        ("Marie Dubois is in Kidal, a Western diplomat said.",
         [("claim", "Kidal", "is", "certain", "Western diplomat", "F2")]),
        ("A diplomat said Marie Dubois is in Kidal.",
         [("claim", "Kidal", "is", "certain", "Diplomat", "F2")]),
        ("A UN envoy said Marie Dubois is in Kidal.",
         [("claim", "Kidal", "is", "certain", "UN envoy", "F2")]),
        # the captors, a hostage, a go-between: no authority, F3 as a witness
        ("Marie Dubois is in Kidal, her kidnappers said.",
         [("claim", "Kidal", "is", "certain", "Her kidnappers", "F3")]),
        ("Marie Dubois is in Kidal, her captors said.",
         [("claim", "Kidal", "is", "certain", "Her captors", "F3")]),
        ("Marie Dubois is in Kidal, a former hostage said.",
         [("claim", "Kidal", "is", "certain", "A former hostage", "F3")]),
        ("Marie Dubois is not being held in Kidal, according to a negotiator.",
         [("claim", "Kidal", "is_not", "certain", "A negotiator", "F3")]),
        ("Marie Dubois is in Kidal, a mediator told reporters.",
         [("claim", "Kidal", "is", "certain", "A mediator", "F3")]),
        # the other side, as before: no one named, the article's own
        ("Marie Dubois is in Kidal.",
         [("claim", "Kidal", "is", "certain", None, "F3")]),
    ],
)  # fmt: skip
def test_an_unnamed_diplomat_captor_or_hostage_speaks(
    nlp: Any, text: str, rows: list[tuple[Any, ...]]
) -> None:
    assert _rows(_read(text, nlp, target="Marie Dubois")) == rows
