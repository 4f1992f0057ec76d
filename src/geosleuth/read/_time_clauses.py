"""Clauses of time: a date said in one clause bounds an event of the other.

"Barrientos was seen in Lima on 2 May, *days before he was killed in Cusco*":
"2 May" is the sighting's date; the death came after it, within days. Read the
other way round, "He was killed in Cusco *two days after he was seen in Lima on 2
May*" puts the death after 2 May, within two days, and the sighting on 2 May.

A clause of time here is an adverbial clause marked "before" or "after" ("days
*before* he was killed") or a phrase of "before" or "after" with its object
("a week *before* his death"), with the measure of time said before its opener
("days", "two days", "a week", "shortly"). :func:`time_clauses` finds them in a
parsed sentence; :func:`across` tells how a date on one side bounds an event on
the other:

======================================  ====================================
the event                               its date, from the date D said
======================================  ====================================
after D ("D, days before it", or "it,   from D to D + the measure (to
days after D")                          publication when none is said)
before D ("D, days after it", or "it,   D, from D − the measure (no lower
days before D")                         bound when none is said)
======================================  ====================================

A measure's count is a number, "a"/"an" (one), "a few", "several" or a plural
alone (three, as :mod:`geosleuth.read.dates` counts "the past few weeks");
minutes, hours, "shortly", "just", "soon" and "moments" are a day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Literal

from geosleuth.read._sentence import subtree_span

__all__ = ["TimeClause", "across", "measure_days", "time_clauses"]

_OPENERS = frozenset({"before", "after"})
_UNIT_DAYS = {"day": 1, "week": 7, "month": 31, "year": 366}
_SHORT = frozenset(
    {"minute", "minutes", "hour", "hours", "shortly", "just", "soon", "moments"}
)
_COUNTS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "few": 3, "several": 3, "some": 3,
}  # fmt: skip
_WORD = re.compile(r"[A-Za-z]+|\d+")


@dataclass(frozen=True)
class TimeClause:
    """A clause of time: its span with its measure, opener and measure in days.

    ``start``, ``end``: the characters of the clause and the measure before it
    ("days before he was killed in Cusco"); ``opener``: "before" or "after";
    ``days``: the measure's length in days, None when none is said; ``words``:
    the measure and the opener as written ("days before").
    """

    start: int
    end: int
    opener: Literal["before", "after"]
    days: int | None
    words: str

    def holds(self, lo: int, hi: int | None = None) -> bool:
        """Whether the characters ``lo`` (to ``hi``) lie in the clause."""
        return self.start <= lo < self.end and (hi is None or hi <= self.end)


def measure_days(words: str) -> int | None:
    """The length in days of a measure of time ("two days", "a week", "weeks").

    None for no measure, or one not of days, weeks, months or years.

    Examples
    --------
    >>> [measure_days(w) for w in ("two days", "a week", "weeks", "3 months")]
    [2, 7, 21, 93]
    >>> measure_days("shortly"), measure_days("hours"), measure_days("")
    (1, 1, None)
    """
    tokens = [w.lower() for w in _WORD.findall(words)]
    if not tokens:
        return None
    if any(w in _SHORT for w in tokens):
        return 1
    unit = tokens[-1]
    days = _UNIT_DAYS.get(unit.removesuffix("s"))
    if days is None:
        return None
    counts = [_COUNTS.get(w) or (int(w) if w.isdigit() else None) for w in tokens]
    # "a few weeks": the count is "few", not "a"
    count = next(
        (
            c
            for w, c in zip(tokens, counts, strict=True)
            if c is not None and w not in ("a", "an")
        ),
        None,
    ) or next((c for c in counts if c), None)
    if count is None:
        count = 3 if unit.endswith("s") else 1
    return days * min(count, 1000)


def time_clauses(sent: Any) -> list[TimeClause]:
    """The clauses of time marked "before" or "after" in a parsed sentence."""
    out = []
    for tok in sent:
        # the parse may join a clause of time to the one before it, a conjunct
        # with a mark of its own: "addressing fighters, nearly a year *after*
        # the government said ..."
        if tok.dep_ == "advcl" or (tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX")):
            opener = next(
                (c for c in tok.children if c.dep_ == "mark" and c.lower_ in _OPENERS),
                None,
            )
            if opener is None:
                continue
            measure = [
                c
                for c in tok.children
                if c.dep_ in ("npadvmod", "dep", "advmod") and c.i < opener.i
            ]
        elif (
            tok.dep_ == "prep"
            and tok.lower_ in _OPENERS
            and any(c.dep_ in ("pobj", "pcomp") for c in tok.children)
        ):
            opener = tok
            head = tok.head
            measure = [head] if head.dep_ == "npadvmod" and head.i < tok.i else []
        else:
            continue
        lo, hi = subtree_span(tok)
        first = measure[0].left_edge if measure else opener
        if measure:
            lo = min(lo, first.idx)
        words = str(opener.doc[first.i : opener.i].text)
        out.append(
            TimeClause(
                start=lo,
                end=hi,
                opener=opener.lower_,
                days=measure_days(words),
                words=f"{words} {opener.text}".strip(),
            )
        )
    return out


def across(
    clauses: list[TimeClause],
    anchor: int,
    said: tuple[int, int],
    date: dt.date,
    date_from: dt.date,
    limit: dt.date,
) -> tuple[dt.date, dt.date | None, str] | None:
    """(date, date_from, how) of the event at ``anchor`` from a date across a clause.

    ``said`` is where the date (``date_from`` to ``date``) is written. When one
    of them lies in a clause of time and the other outside it, the event is
    after or before that date by the clause's measure (see the module's table);
    the event's date is never after ``limit`` (publication); ``how`` says which
    and names the clause's words ("after it ('days before')"). None when no clause
    of time lies between them (the date is the event's own).

    Examples
    --------
    >>> c = [TimeClause(20, 50, "before", 3, "days before")]
    >>> d = dt.date(2018, 5, 2)
    >>> across(c, 30, (10, 15), d, d, dt.date(2018, 6, 5))  # after 2 May
    (datetime.date(2018, 5, 5), datetime.date(2018, 5, 2), "after it ('days before')")
    >>> across(c, 5, (25, 30), d, d, dt.date(2018, 6, 5))[:2]  # before 2 May
    (datetime.date(2018, 5, 2), datetime.date(2018, 4, 29))
    >>> across(c, 30, (35, 40), d, d, dt.date(2018, 6, 5)) is None  # same clause
    True
    """
    split = [c for c in clauses if c.holds(anchor) != c.holds(*said)]
    if not split:
        return None
    clause = min(split, key=lambda c: c.end - c.start)  # the innermost
    event_in_clause = clause.holds(anchor)
    later = (clause.opener == "before") == event_in_clause
    span = dt.timedelta(days=clause.days) if clause.days is not None else None
    if later:
        end = min(limit, date + span) if span is not None else limit
        return max(end, date_from), date_from, f"after it ({clause.words!r})"
    since = date_from - span if span is not None else None
    return date, since, f"before it ({clause.words!r})"
