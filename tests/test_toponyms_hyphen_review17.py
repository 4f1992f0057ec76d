"""A piece of a hyphenated name is no town (review r17; r21 F9).

"On Monday the men were found alive in a cave near Mont-aux-Sources" put the
Drakensberg hikers at Montague, Texas: the span "Mont-aux" was matched loosely.
A span that holds a hyphen of its own and runs on into another hyphen and word
is cut from a longer name the gazetteer lacks, and stays unresolved; "the
Iraq-Syria border" and "Baghdad-based" still name their places.
"""

from __future__ import annotations

from typing import Any

import pytest

from geosleuth.gazetteer import Gazetteer
from geosleuth.read.toponyms import find_toponyms

pytestmark = pytest.mark.nlp


#: r17's report (07-drakensberg-hikers.md), abridged: its other places made
#: "Mont-aux" the Texan town.
_DRAKENSBERG = """\
BERGVILLE, South Africa — Two hikers who had been missing for three nights in \
the northern Drakensberg were found alive on Monday.

Johan Pretorius, 52, and his friend Sipho Ndlovu, 48, both from Pietermaritzburg, \
set off from the Sentinel car park on Thursday morning to climb to the top of the \
Tugela Falls via the chain ladders, police spokesperson Captain Nqobile Gwala said.

Search teams searched the summit plateau, the Amphitheatre and the upper Tugela \
valley on Saturday and Sunday but found no sign of the pair.

On Monday morning the men were found alive in a cave near Mont-aux-Sources by a \
team of rescuers on foot, Gwala said. Both men were airlifted to a hospital in \
Ladysmith suffering from hypothermia.
"""


def test_a_piece_of_a_hyphenated_name_stays_unresolved(
    gaz: Gazetteer, nlp: Any
) -> None:
    found = {m.text: m for m in find_toponyms(_DRAKENSBERG, gazetteer=gaz, nlp=nlp)}
    assert found["Ladysmith"].place is not None
    assert found["Ladysmith"].place.country == "ZA"
    pieces = [m for t, m in found.items() if t.startswith("Mont")]
    assert pieces, sorted(found)
    assert all(m.name is None for m in pieces), [(m.text, m.name) for m in pieces]


def test_places_joined_by_a_hyphen_still_resolve(gaz: Gazetteer, nlp: Any) -> None:
    text = "The Baghdad-based official said he crossed the Iraq-Syria border."
    names = {m.text: m.name for m in find_toponyms(text, gazetteer=gaz, nlp=nlp)}
    assert names.get("Iraq") == "Iraq" and names.get("Syria") == "Syria"
    assert names.get("Baghdad") == "Baghdad"


def test_a_hamlet_of_an_english_speaking_country_is_no_town_by_its_consonants(
    gaz: Gazetteer, nlp: Any
) -> None:
    # r17: Seathwaite and Borrowdale were Ossett and Low Bradley, Yorkshire,
    # 100 km from the fells; r21: Hanley was Hadley, 40 km from Stoke
    text = (
        "KENDAL, Cumbria — His phone was last detected by a mast near Seathwaite "
        "in Borrowdale at 4.10pm, police said. Most cases were in Hanley, near "
        "Stoke-on-Trent."
    )
    names = {m.text: m.name for m in find_toponyms(text, gazetteer=gaz, nlp=nlp)}
    assert names.get("KENDAL") == "Kendal"
    assert names.get("Stoke-on-Trent") == "Stoke-on-Trent"
    for hamlet in ("Seathwaite", "Borrowdale", "Hanley"):
        assert names.get(hamlet) is None, (hamlet, names.get(hamlet))


def test_a_name_from_another_script_still_matches_loosely(
    gaz: Gazetteer, nlp: Any
) -> None:
    text = "The SDF fighters were 5 km from Bagos, south of Hajin in Deir ez-Zor."
    names = {m.text: m.name for m in find_toponyms(text, gazetteer=gaz, nlp=nlp)}
    assert names.get("Bagos") == "al-Baghuz Fawqani"
