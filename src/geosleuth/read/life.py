"""Life status: proof of life from dated recordings, and claims of death.

The target with a recording, video, audio, message, speech or appearance and a
date: :class:`~geosleuth.evidence.LifeStatus` ``alive`` dated that day (the date
nearest the recording, leaving out one that dates the report of it: "On 1 May
ISIS said a recording ... was made on 28 September"). The target with killed,
dead, death or died: ``dead``, unless negated ("no conclusive evidence of ...
death", "suspicions that he was dead were weakened", "denied") or conditional
("if Baghdadi is alive"); an unattributed death claim is a rumour.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from geosleuth.evidence import LifeStatus
from geosleuth.read._sentence import Sentence, hedge_text
from geosleuth.read.hedges import hedge_of, is_negated, weakest

if TYPE_CHECKING:
    from geosleuth.read.claims import _Extractor

__all__ = ["read_life"]

_ALIVE = re.compile(
    r"\b(?:voice recording|audio(?: recording| message)?|video|recording|message|"
    r"speech|sermon|appear(?:ed|ance)|tape)\b",
    re.IGNORECASE,
)
_DEAD = re.compile(r"\b(?:killed|dead|death|died|slain)\b", re.IGNORECASE)
_DEATH_DENIED = re.compile(
    r"\b(?:no (?:conclusive |hard |firm )?evidence|weaken(?:ed|s)?|denied|denies|"
    r"deny|dismiss(?:ed)?|not (?:dead|killed)|survived|alive)\b",
    re.IGNORECASE,
)
_SAID = re.compile(
    r"\b(?:said|says|announced|stated|claimed|reported|confirmed|added|told|"
    r"revealed)\b",
    re.IGNORECASE,
)
_CONDITIONAL_LIFE = re.compile(
    r"\b(?:if|whether)\b[^,.;]{0,40}\b(?:alive|dead)\b", re.IGNORECASE
)


def read_life(ex: _Extractor, s: Sentence) -> None:
    """Add the proof of life or death claim of ``s``, or reject it with why."""
    person = [r for r in s.refs if r.kind in ("name", "nisba", "title", "pronoun")]
    if not person:
        return
    text = hedge_text(s)
    alive = _ALIVE.search(text)
    day = [d for d in s.dates if d.kind == "day"]
    if alive and day:
        at = s.span[0] + alive.start()
        # "On 1 May 2018 ISIS said a recording ... was made on 28 September 2017":
        # a date before a reporting verb that precedes the recording dates the
        # statement, not the recording
        own = [
            d for d in day if d.start > at or _SAID.search(ex.text[d.end : at]) is None
        ]
        d = min(own or day, key=lambda d: abs(d.start - at))
        limit = ex.published or ex.fallback
        if d.date > limit:
            ex.reject("invalid", "recording dated after publication", s.span)
            return
        hedge, cue = hedge_of(text)
        note = f"proof of life: {alive.group(0)!r} dated {d.text!r}"
        if cue:
            note += f"; hedge from {cue!r}"
        ex.build(
            LifeStatus, s, s.span, id=ex.next_id("l"),
            provenance=ex.provenance(s), date=d.date, date_from=None,
            grade=ex.grades["proof_of_life"], hedge=hedge, status="alive",
            note=note,
        )  # fmt: skip
        return
    dead = _DEAD.search(text)
    if dead is None:
        return
    if _CONDITIONAL_LIFE.search(text):
        ex.reject(
            "conditional",
            "a condition on the target being alive or dead, not a claim about it",
            s.span,
        )
        return
    denied = _DEATH_DENIED.search(text) or is_negated(text)
    if denied:
        got = denied if isinstance(denied, str) else denied.group(0)
        ex.reject(
            "negated",
            f"death mentioned but denied or doubted "
            f"({got!r}): not a death claim, and no proof of life",
            s.span,
        )
        return
    hedge, cue = hedge_of(text)
    if re.search(r"\bor (?:wounded|injured)\b", text):
        hedge = weakest(hedge, "possible")
        cue = cue or "or wounded"
    date, date_from, dnote = ex.dates(s, s.span[0] + dead.start())
    note = "; ".join(
        x for x in ("death claim", f"hedge from {cue!r}" if cue else "", dnote) if x
    )
    ex.build(
        LifeStatus, s, s.span, id=ex.next_id("l"),
        provenance=ex.provenance(s), date=date, date_from=date_from,
        grade=ex.grade(s.attr), hedge=hedge, status="dead", note=note,
    )  # fmt: skip
