"""The date of an item read from a sentence.

The date mentioned nearest the item's anchor in its sentence
(:mod:`geosleuth.read.dates`), else the publication date; a date of another
clause (a relative clause about someone, a participle phrase that describes a
person, a clause another speaker states, the clauses to skip) is not the
item's, a time of day alone takes the day of the sentence before, and a date
after publication is ignored. Used by
:meth:`geosleuth.read.claims._Extractor.dates`, which also dates a speaker's
earlier word before the later one (:mod:`geosleuth.read._follow_ups`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from geosleuth.read._doc_text import doc_text
from geosleuth.read._follow_ups import said_when, turn_dates
from geosleuth.read._sentence import (
    Sentence,
    in_phrase,
    is_who_clause,
    note_of,
    overlaps,
    subtree_span,
)
from geosleuth.read._set_off import set_off_participle
from geosleuth.read._time_clauses import across, time_clauses
from geosleuth.read.dates import unread_dates

if TYPE_CHECKING:
    from geosleuth.read.attribution import Attribution
    from geosleuth.read.claims import _Extractor

__all__ = ["aside_clauses", "item_dates"]


def item_dates(
    ex: _Extractor,
    s: Sentence,
    anchor: int,
    verb: Any,
    skip: Sequence[tuple[int, int]],
) -> tuple[dt.date, dt.date | None, str]:
    """(date, date_from, note) for an item of ``s`` anchored at ``anchor``.

    See :meth:`geosleuth.read.claims._Extractor.dates`. An item of a speaker's
    earlier word (:attr:`geosleuth.read.claims._Extractor.turn`) is of before
    the later word, and dated by the earlier word's own time where it has one
    (:func:`geosleuth.read._follow_ups.turn_dates`).
    """
    turn = ex.turn
    if turn is None or not s.span[0] <= turn.old[0] < s.span[1]:
        return _item_dates(ex, s, anchor, verb, skip)
    return turn_dates(
        turn,
        anchor,
        skip,
        lambda at, cut: _item_dates(ex, s, at, verb if at == anchor else None, cut),
        said_when(ex, s, turn),
    )


def _item_dates(
    ex: _Extractor,
    s: Sentence,
    anchor: int,
    verb: Any,
    skip: Sequence[tuple[int, int]],
) -> tuple[dt.date, dt.date | None, str]:
    """:func:`item_dates`, the earlier word of a speaker not looked at."""
    own = [
        *s.attr.excluded,
        *([s.attr.disputed] if s.attr.disputed else []),
        *skip,
    ]
    own += _other_clauses(s, anchor) + _future_clauses(s, anchor)
    own += _other_speakers(s, anchor)
    own += _described(s, anchor)
    ok = [d for d in s.dates if not any(overlaps((d.start, d.end), x) for x in own)]
    if verb is not None:
        ok = [d for d in ok if in_phrase(ex.doc, verb, d)] or ok
    if not ok:
        day = ex.published or ex.fallback
        # a date written that could not be read ("on 03/04/2018", "during
        # Ramadan 1439") is said, not passed over in silence
        unread = [
            u
            for u in unread_dates(s.text, published=ex.published, base=s.span[0])
            if not any(overlaps((u.start, u.end), x) for x in own)
        ]
        if s.earlier_day is not None and not unread and s.earlier_day[0] <= day:
            # "Margaret Holme was last seen on Monday. CCTV showed her ... at
            # 6.40pm": Monday's evening, not publication's (review 17)
            then, words, clock = s.earlier_day
            return (
                then,
                None,
                (
                    f"dated from {words!r} of an earlier sentence: this one "
                    f"gives only a time ({clock!r})"
                ),
            )
        source = "publication" if ex.published else day.isoformat()
        said = "; ".join(
            f"a date was written ({u.text!r}) but not read ({u.why}): dated "
            f"from {source}"
            for u in unread
        )
        # "February 2017" / "He was arrested in Culiacán": in that month
        return day, ex.entry_from, note_of(said, ex.entry_note)
    best = min(ok, key=lambda d: min(abs(d.start - anchor), abs(d.end - anchor)))
    date, start = best.date, best.date_from
    limit = ex.published or ex.entry_limit
    if start > limit:
        if start > ex.entry_limit:
            return limit, None, f"date {best.text!r} is after publication; ignored"
        # "2 June 2018" / "He was seen on 3 June": an entry's later day
        limit = ex.entry_limit
    date = min(date, limit)
    said = f"dated from {best.text!r}" + (f" ({best.note})" if best.note else "")
    # "seen on 2 May, days before he was killed": the death came after 2 May
    clauses = time_clauses(s.sent) if s.sent is not None else []
    bounded = across(clauses, anchor, (best.start, best.end), date, start, limit)
    its_own: tuple[dt.date, dt.date | None] = (
        date,
        (start if start < date else None),
    )
    if bounded is None:
        return *its_own, said
    date, since, how = bounded
    across_clause = date, (since if since is not None and since < date else None)
    if across_clause == its_own:  # "on Wednesday after submitting": no wider
        return *its_own, said
    return *across_clause, f"{said}, {how}"


#: Auxiliaries of a clause to come: "a search *will* not begin until Friday".
_TO_COME = frozenset({"will", "shall", "'ll", "’ll", "wo"})
#: Links of a clause joined to another.
_JOINED = frozenset({"conj", "advcl", "ccomp", "parataxis"})


def _future_clauses(s: Sentence, anchor: int) -> list[tuple[int, int]]:
    """The clauses of ``s`` to come that do not hold ``anchor``.

    "Police had a tip that Vuković was staying near Pljevlja, but *a search of
    the village will not begin until Friday*": the coming Friday is the
    search's, not the tip's day (read back, it was the Friday before).
    """
    if s.sent is None:
        return []
    out = []
    for tok in s.sent:
        if tok.pos_ not in ("VERB", "AUX") or tok.dep_ not in _JOINED:
            continue
        if not any(c.dep_ == "aux" and c.lower_ in _TO_COME for c in tok.children):
            continue
        lo, hi = subtree_span(tok)
        if not lo <= anchor < hi:
            out.append((lo, hi))
    return out


def _other_speakers(s: Sentence, anchor: int) -> list[tuple[int, int]]:
    """The clauses of ``s`` stated by another than the one that states ``anchor``.

    "Officials say he is hiding near Culiacán, *though analysts said last year*
    *he was in Durango*": a clause with a speaker of its own
    (:attr:`~geosleuth.read.attribution.Attribution.clauses`) has its own time,
    and the officials' word is of today, not of last year; so, the other way,
    "Officials said in 2016 that ..., *while analysts now say* he is in
    Durango". The clauses that one speaker states (on either side of another's
    clause, or by two reporting verbs: "Police said on Monday she was in Mosul,
    and they believed she was in Vail") keep each other's dates; so do the
    hearsay that a speaker relays and his own words (:func:`_relays`).
    """
    here = s.attr.at(anchor)
    mine = _who(here)
    return [
        span
        for span, attr in s.attr.clauses
        if _who(attr) != mine and not _relays(attr, here) and not _relays(here, attr)
    ]


def _relays(one: Attribution, other: Attribution) -> bool:
    """Whether ``one`` is the speaker who relays the hearsay ``other``.

    '"They say he is in Culiacán," Rivas *told reporters on Monday*': Rivas's
    words tell when he relayed it, and so date it, as a speaker's date does
    what he says.
    """
    return (
        one.speaker is not None
        and other.speaker is None
        and other.rumour
        and other.chain[:1] == (one.speaker,)
    )


def _who(attr: Attribution) -> tuple[str | None, str | None, bool, bool]:
    return attr.speaker, attr.role, attr.rumour, attr.target


def _other_clauses(s: Sentence, anchor: int) -> list[tuple[int, int]]:
    """The relative clauses about someone in ``s`` that do not hold ``anchor``.

    "Jin, the otter *who escaped from the zoo almost a month ago*, has been
    found alive": the clause's date is the escape's, not the finding's. A
    clause about a place keeps its date for it: "transferred to St. Cloud
    Hospital *where he was listed in fair condition Tuesday*".
    """
    if s.sent is None:
        return []
    out = []
    for tok in s.sent:
        if not is_who_clause(tok):
            continue
        lo, hi = subtree_span(tok)
        if not lo <= anchor < hi:
            out.append((lo, hi))
    return out


#: Whose words a participle is not: "Rojas, *who was* wanted", "has been seen".
_FINITE = frozenset({"aux", "auxpass"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _described(s: Sentence, anchor: int) -> list[tuple[int, int]]:
    """The participle phrases describing a person in ``s`` that do not hold ``anchor``.

    "Rojas, *wanted for the kidnapping of two engineers last year*, is hiding
    near Tibú": a reduced relative clause, as "who was wanted ..." (see
    :func:`_other_clauses`); its date is the kidnapping's, not the hiding's. A
    phrase is a participle ("wanted", "convicted", "seen", "hiding") with no
    auxiliary of its own, right after a comma after the person it describes (a
    name the entity recogniser or the target's references say is a person), and
    closed by a comma: the participle's head (``acl``), or its subject where the
    parser took "Rojas, wanted ..." for a clause of the verb after it ("is
    hiding"), which then has no subject of its own. It runs from the participle
    to its last word. A participle after a place ("fled to Tibú, *followed by
    soldiers on Monday*") describes no person and keeps its date; so does "Rojas,
    45, fled to Tibú last year, the army said", a clause with its own verb. So
    does a phrase that the parse took for the clause's verb, the verb after it
    joined to it ("Salcedo, *declared dead in 2017*, is alive":
    :func:`~geosleuth.read._set_off.set_off_participle`).
    """
    if s.sent is None:
        return []
    doc = s.sent.doc
    out = []
    for tok in s.sent:
        if tok.i == 0 or doc[tok.i - 1].text != ",":
            continue
        set_off = set_off_participle(tok)
        if set_off is not None:
            # "Salcedo, declared dead in 2017, is alive", parsed as "Salcedo
            # declared dead in 2017", with "is alive" joined to it
            lo, hi = tok.idx, set_off[1].left_edge.idx
            hi = doc_text(doc).rindex(",", lo, hi)
            if not lo <= anchor < hi and _a_person(s, set_off[0]):
                out.append((lo, hi))
            continue
        if any(c.dep_ in _FINITE for c in tok.children):
            continue
        last = tok.right_edge
        if last.text == "," and last.i > tok.i:
            last = doc[last.i - 1]
        if last.i + 1 >= len(doc) or doc[last.i + 1].text != ",":
            continue  # not closed: "Rojas was arrested, accused of murder."
        if tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBG"):
            who = tok.head
        elif (
            tok.tag_ in ("VBN", "VBD")
            and tok.head.i > last.i
            and tok.head.pos_ in ("VERB", "AUX")
            and not any(c.dep_ in _SUBJECTS for c in tok.head.children)
        ):
            # "Rojas, wanted for ..., is hiding", parsed as "Rojas wanted for
            # ...", the clause of "is hiding"
            who = next((c for c in tok.lefts if c.dep_ in _SUBJECTS), None)
        else:
            continue
        if who is None or who.i >= tok.i - 1 or not _a_person(s, who):
            continue
        lo, hi = tok.idx, last.idx + len(last.text)
        if not lo <= anchor < hi:
            out.append((lo, hi))
    return out


def aside_clauses(s: Sentence, anchor: int) -> list[tuple[int, int]]:
    """The clauses and phrases describing someone in ``s`` that do not hold ``anchor``.

    "Ag Alher, *whom French forces claimed to have killed in 2017*, is hiding
    near Kidal", "Salcedo, *believed killed in 2017*, is hiding in Durango":
    the relative clauses (:func:`_other_clauses`) and the participle phrases
    (:func:`_described`) of another time, whose words neither date nor hedge
    the statement at ``anchor``.
    """
    return _other_clauses(s, anchor) + _described(s, anchor)


def _a_person(s: Sentence, tok: Any) -> bool:
    """Whether ``tok`` names a person: a PERSON entity, or a reference to the target."""
    if tok.ent_type_ == "PERSON":
        return True
    return any(r.start <= tok.idx < r.end for r in s.refs)
