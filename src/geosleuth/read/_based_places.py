"""A movement to a place "based" somewhere: where the target went, or not.

"-based" after a place name makes it a tie, not a whereabouts ("a
Sinaloa-based gang": :data:`geosleuth.read.claims._ORIGIN_AFTER`). After a verb
of movement to it, it is where the target went only when what is based there
is itself a place to be in: "Salcedo fled to a *Guatemala*-based cartel cell",
"fled to a Mexico-based safe house", "fled to a Guatemala-based camp of the
cartel" (review r23, rule 3). Not an organisation or a person, which one
joins or turns to wherever one is: "Salcedo returned to a Sinaloa-based
*faction* of the cartel after his release", "went to a Phoenix-based *lawyer*
for advice", "moved to a Texas-based *cartel* in 2010", "escaped to a
Guatemala-based *network* of smugglers, who helped him reach Honduras"
(review r27, finding 11): those stay ties, and give no claim.

The "-based" itself is no location word, but a tie (:func:`a_tie`): where one
went is said by the movement before it, and so whether its mover is the
target: "Salcedo's *men* fled to a Culiacán-based safe house" places the
men, not the target (review r30, finding 2).

Examples
--------
>>> t = "Salcedo fled to a Guatemala-based cartel cell in 2017."
>>> gone_to_place(t, 0, t.index("Guatemala"), t.index("-based"))
True
>>> t = "Salcedo went to a Phoenix-based lawyer for advice."
>>> gone_to_place(t, 0, t.index("Phoenix"), t.index("-based"))
False
>>> a_tie(t, t.index("based"))
True
"""

from __future__ import annotations

import re

__all__ = ["a_tie", "gone_to_place"]

#: A movement to what is based somewhere: "*fled to a* Guatemala-based cell".
_GONE_TO = re.compile(
    r"\b(?:fled|went|moved|escaped|headed|travell?ed|returned|relocated)\s+"
    r"(?:back\s+)?to\s+(?:a|an|the|one\s+of\s+the)\s+$",
    re.IGNORECASE,
)
#: What is based there is a place to be in: "-based *cartel cell*", "-based
#: *safe house*", "-based *camp* of the cartel"; at most two words before it,
#: none of them a preposition ("-based network *of* safe houses": a network).
_A_PLACE = re.compile(
    r"-based\s+(?:(?!(?:of|for|in|by|with|to|and|or)\b)[a-z-]+\s+){0,2}?"
    r"(?:cells?|camps?|safe\s*-?houses?|hide-?outs?|hideaways?|compounds?|"
    r"bases?|ranch(?:es)?|farms?|houses?|shelters?|hotels?|apartments?|flats?)\b",
    re.IGNORECASE,
)


def gone_to_place(text: str, s0: int, start: int, end: int) -> bool:
    """Whether the place at ``start``–``end`` of ``text`` is where one went.

    ``s0`` is the start of its sentence; ``end`` is where the place's name
    ends ("-based" follows). True where a verb of movement to it comes just
    before (:data:`_GONE_TO`) and what is based there is a place to be in
    (:data:`_A_PLACE`): "fled to a Guatemala-based cartel cell"; not "went to
    a Phoenix-based lawyer".
    """
    return bool(
        _GONE_TO.search(text[max(s0, start - 40) : start]) and _A_PLACE.match(text, end)
    )


def a_tie(text: str, at: int) -> bool:
    """Whether the word at ``at`` of ``text`` is the "based" of a "-based" tie.

    "a Culiacán-*based* safe house": a place's tie to what is based there, no
    word of where anyone is; "is *based* in Culiacán" is one.
    """
    return text.startswith("based", at) and text[max(0, at - 1) : at] == "-"
