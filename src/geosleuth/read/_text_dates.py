r"""The dates a plain text tells of itself: its date line, and a timeline's entries.

Helper of :mod:`geosleuth.read.text` and of the readers of claims. A short line
under a plain text's headline (:func:`first_line_title`) that holds only a day
with its year, perhaps after "Published:" or a byline, is the report's date
(:func:`date_line`), unless later bare date lines make it a timeline's or a
diary's first entry. The entries of a timeline, a diary or a series of "Posted"
posts, each with its own day, and where the text returns to its own day after a
box of key dates (:func:`timeline_days`), tell whose day a statement is of.
Moved out of :mod:`geosleuth.read.text` as it grew past the house's size for one
module.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterable
from typing import Any

__all__ = [
    "EntryDays",
    "date_line",
    "first_line_title",
    "timeline_days",
    "timeline_periods",
]


#: What may stand before a date line's date: "Published", "Updated", a weekday.
_DATE_LINE_LEAD = re.compile(
    r"^(?:(?:published|updated|posted|filed)(?:\s+on)?\s*:?\s*)?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?",
    re.IGNORECASE,
)


#: A byline between a headline and its date line: "By Ana López", "By ANA
#: LÓPEZ and Juan Pérez, Reuters": "By", then capitalised words, joined by
#: commas, "and" or "&", and no full stop closing a sentence.
_BYLINE = re.compile(
    r"By\s+(?:[^\W\d_a-z][\w.'’-]*)(?:(?:\s*,\s*|\s+(?:and|&)\s+|\s+)"
    r"(?:[^\W\d_a-z][\w.'’-]*|(?:de|del|la|van|von|al|el|bin)\b)){0,7}",
)


def date_line(raw: str) -> tuple[dt.date, list[int]] | None:
    r"""The date of a line under a plain text's headline that holds only a date.

    "Islamic State commander ... officials say" / "21 August 2019" / body: the
    second line is the report's date, as front matter's ``date:`` is (review
    r21, finding 1). A whole day with its year, not after today, with at most
    "Published:", "Updated" or a weekday before it. The date line may also be
    the first line that is not blank after the headline, or after a byline
    ("By Ana López") under it: the commonest copy of a page leaves a blank line
    between them (review r63, M2); then the first line must read as a headline
    (:func:`first_line_title`), and a line of text between them (the first
    paragraph) makes a date line after it none, and so does a later bare line
    that holds only a later date (:func:`_timeline_after`): the text is a
    timeline or a diary, its first line an entry's date, not the report's
    (review r64, H2; not "Updated: ...", review r65, H4). Returns the date and the
    offsets in ``raw`` of the line breaks before the headline's lines that
    follow another line with no blank line between them (to make each its own
    paragraph); None for any other text.

    Examples
    --------
    >>> date_line("Commander seen in Raqqa\n21 August 2019\n\nBAGHDAD - ...")
    (datetime.date(2019, 8, 21), [23])
    >>> date_line("Commander seen\nPublished: Wednesday, Aug. 21, 2019\n\nText")
    (datetime.date(2019, 8, 21), [14])
    >>> date_line("Commander seen\n\nPublished: 21 August 2019\n\nText")
    (datetime.date(2019, 8, 21), [])
    >>> date_line("Commander seen\nBy Ana López\n21 August 2019\n\nText")
    (datetime.date(2019, 8, 21), [14, 27])
    >>> date_line("Commander seen\n21 August\n\nText") is None  # no year
    True
    >>> date_line("Commander seen\non 21 August 2019 in Raqqa\n\nText") is None
    True
    >>> date_line("Commander seen\n\nHe was seen.\n\n21 August 2019\n\nText") is None
    True
    >>> date_line("Timeline\n\n12 March 2015\n\nFled.\n\n3 June 2016\n\nText")
    >>> date_line("Seen\n\n10 January 2023\n\nText\n\nUpdated: 11 January 2023\n")
    (datetime.date(2023, 1, 10), [])
    """
    lines = raw.lstrip("\ufeff").split("\n", 2)
    if len(lines) < 3 or not lines[0].strip():
        return None
    at = raw.index("\n", raw.index(lines[0]))  # the break after the headline
    if lines[1].strip() and not _BYLINE.fullmatch(lines[1].strip()):
        day = _day_of_line(lines[1])  # the line right under the headline
        return (day, [at]) if day is not None else None
    # a blank line, or a byline, between the headline and the date line
    if first_line_title(raw.lstrip("\ufeff")) is None:
        return None
    breaks: list[int] = []
    byline = blank = False
    pos = at
    while (nxt := raw.find("\n", pos + 1)) >= 0:
        line = raw[pos + 1 : nxt].strip()
        if not line:
            blank = True
        elif not byline and _BYLINE.fullmatch(line):
            byline = True
            breaks += [] if blank else [pos]
            blank = False
        else:
            day = _day_of_line(line)
            if day is None or not raw[nxt + 1 :].strip():
                return None
            if _timeline_after(raw[nxt + 1 :], day):
                return None  # a timeline's or a diary's first entry (review r64, H2)
            return day, breaks + ([] if blank else [pos])
        pos = nxt
    return None


def _timeline_after(rest: str, first: dt.date) -> bool:
    """Whether a bare date line in ``rest`` holds a day later than ``first``.

    "12 March 2015 ... 3 June 2016": the entries of a timeline or a diary; so
    is "Posted 3 June 2016" with text after it and another dated entry after
    that, a post of a series (review r86, #9). Not "Updated: 11 January 2023"
    (nor "Published", "Modified", "Last updated" before it, nor "Posted" that
    ends the text or heads the last entry: an update of the report, review
    r93, #4), nor a caption's or a related link's "3 March 2015", older than
    the date line (review r65, H4).
    """
    lines = rest.split("\n")
    for n, later in enumerate(lines):
        line = later.strip()
        if not 0 < len(line) <= 60:
            continue
        if _DATE_LINE_PREFIX.match(line) and not (
            _POSTED.match(line) and _entry_then_date(lines[n + 1 :])
        ):
            continue
        day = _day_of_line(line)
        if day is not None and day > first:
            return True
    return False


def _entry_then_date(lines: list[str]) -> bool:
    """Whether ``lines`` hold a line of text, then a date line of another entry.

    After "Posted 3 June 2016": its text, then "Posted 5 June 2016" or "1
    February 2017" (review r93, #4).
    """
    text = False
    for later in lines:
        line = later.strip()
        if not line:
            continue
        day = _day_of_line(line) if len(line) <= 60 else None
        if day is None:
            text = True
        elif text and (not _DATE_LINE_PREFIX.match(line) or _POSTED.match(line)):
            return True
    return False


#: Words before a date line's date that make it no timeline's entry: "Updated:
#: 11 January 2023", "Last updated 11 January 2023".
_DATE_LINE_PREFIX = re.compile(
    r"(?:last\s+)?(?:published|updated|posted|modified|filed|corrected)\b",
    re.IGNORECASE,
)
#: A post's own date line: "Posted 3 June 2016", "Posted on: 3 June 2016".
_POSTED = re.compile(r"posted\b", re.IGNORECASE)
#: A paragraph that may hold only a date: the entry's date line of a timeline,
#: before a paragraph of its text.
_ENTRY_LINE = re.compile(
    r"(?:^|\n\n)[ \t]*(?:[-•*–][ \t]+)?([^\n]{1,60}?)[ \t]*(?=\n\n[ \t]*\S)"
)
#: A line of a timeline that begins with its entry's day, its text after a
#: colon or a dash: "1 February 2017: He was arrested", "• 1 February 2017 —
#: He was arrested" (review r116, U6).
_ENTRY_START = re.compile(
    r"^[ \t]*(?:[-•*–][ \t]+)?([^\n:—–]{1,40}?)(?:[ \t]*:|[ \t]+[—–-])[ \t]+(?=\S)",
    re.MULTILINE,
)


def timeline_days(
    text: str, is_target: Callable[[str], bool] | None = None
) -> list[tuple[int, dt.date | None]]:
    r"""Where each entry of a timeline or a diary in ``text`` begins, and its day.

    "5 June 2018 / ... / 1 February 2017 / He was arrested in Culiacán on
    Tuesday": a paragraph that holds only a day with its year (or "Posted"
    and one), with text after it, heads an entry, whose own statements are of
    that day, not of the first entry's (review r86, #9). Each pair is the
    offset where the entry's date line ends and the day. So does a line that
    begins with its day ("1 February 2017: He was arrested", "• 1 February
    2017 — He was arrested", review r116, U6), its entry's text after it, and
    a date line after a bullet ("- 1 February 2017"). Empty unless two
    entries or more are there: one date line is the report's, and "Updated:
    11 January 2023" or "Published: ..." heads no entry. Under a box's heading
    ("Key dates:", "Timeline"), entries of more shapes (:func:`_headed_box`):
    an entry of a month ("February 2017") gives its last day here,
    :func:`timeline_periods` the month.

    A last pair with no day marks where the text returns to its own day after
    the last entry of a timeline (not of a series of posts): "Key dates: / ...
    / 1 February 2017 / He was arrested in Culiacán. / He is believed to be
    hiding in Sinaloa, police said on Monday": a paragraph after the entry's
    first, told in the past, that speaks in the present (:func:`_box_ends`;
    review r95, #6). ``is_target`` tells whether a name is the target's ("
    Salcedo, 45, is believed ..."). A pair with no day may also be a headed
    box's entry whose date in numbers no order reads.

    Examples
    --------
    >>> timeline_days("Seen\n\n5 June 2018\n\nSeen.\n\n1 February 2017\n\nHeld.")
    [(17, datetime.date(2018, 6, 5)), (41, datetime.date(2017, 2, 1))]
    >>> timeline_days("Seen\n\n5 June 2018\n\nSeen.\n\nUpdated: 6 June 2018\n\nOK.")
    []
    >>> timeline_days("Seen\n\n5 June 2018\n\nSeen.\n\nPosted 6 June 2018\n\nOK.")
    []
    >>> timeline_days("S\n\n5 June 2018\n\nS.\n\n1 May 2017\n\nHe fled.\n\nHe is free.")
    [(14, datetime.date(2018, 6, 5)), (30, datetime.date(2017, 5, 1)), (42, None)]
    """
    return [(at, last) for at, _, last, _ in _marks(text, is_target)]


def timeline_periods(
    text: str, is_target: Callable[[str], bool] | None = None
) -> list[tuple[int, dt.date | None, dt.date | None]]:
    r""":func:`timeline_days` with each entry's first day: a month's entry's.

    Each triple is where the entry begins, its first day and its last: one day
    ("1 February 2017"), or a month ("February 2017", review r116, U6).

    Examples
    --------
    >>> text = "S\n\nKey dates:\n\nMarch 2015\n\nHe fled.\n\nMay 2017\n\nHeld.\n\nOK."
    >>> timeline_periods(text)  # doctest: +NORMALIZE_WHITESPACE
    [(15, datetime.date(2015, 3, 1), datetime.date(2015, 3, 31)),
     (37, datetime.date(2017, 5, 1), datetime.date(2017, 5, 31)),
     (54, None, None)]
    >>> timeline_periods("S\n\nMarch 2015\n\nHe fled.\n\nMay 2017\n\nHeld.")
    []
    """
    return [(at, first, last) for at, first, last, _ in _marks(text, is_target)]


#: A mark of a timeline: where it begins, its first day and its last, and what
#: it is: "entry"; "unread", an entry whose date in numbers no order reads
#: (its days the two it may be);
#: "end", where the text is its own again.
_Mark = tuple[int, dt.date | None, dt.date | None, str]


def _marks(text: str, is_target: Callable[[str], bool] | None) -> list[_Mark]:
    """The marks of ``text``'s timelines: entries of a day, and headed boxes'.

    A box under a heading whose entries are of a shape that no heading
    would make an entry (:func:`_headed_box`) replaces the marks that the
    entries of a day made within it.
    """
    own = _day_marks(text, is_target)
    rows = text.split("\n")
    starts = list(itertools.accumulate((len(r) + 1 for r in rows), initial=0))
    boxes = [
        box
        for n, row in enumerate(rows)
        if _HEADING.fullmatch(row.strip())
        and (box := _headed_box(text, rows, starts, n)) is not None
    ]
    if not boxes:
        return own
    rest = [m for m in own if not any(lo <= m[0] < hi for lo, hi, _ in boxes)]
    if sum(m[3] == "entry" for m in rest) < 2:
        rest = []
    return sorted(rest + [m for *_, marks in boxes for m in marks], key=lambda m: m[0])


def _day_marks(text: str, is_target: Callable[[str], bool] | None) -> list[_Mark]:
    """The entries that a day heads, a paragraph's or a line's start, and the end."""
    found: list[tuple[int, dt.date, bool]] = []
    for m in _ENTRY_LINE.finditer(text):
        line = m.group(1)
        if _DATE_LINE_PREFIX.match(line) and not _POSTED.match(line):
            continue
        day = _day_of_line(line)
        if day is not None:
            found.append((m.end(), day, _POSTED.match(line) is not None))
    for m in _ENTRY_START.finditer(text):
        if not _DATE_LINE_PREFIX.match(m.group(1)):
            day = _day_of_line(m.group(1))
            if day is not None:  # its sentence begins with the line
                found.append((m.start(), day, False))
    found.sort()
    # a "Posted" entry heads a post of a series: one with another entry after
    # it, or after a post of the series; the last entry's alone, after a date
    # line, is an update of the report, as "Updated" is (review r93, #4)
    # (or a "Posted" line after its text that closes the text, as
    # _timeline_after counts it: review r95, #1)
    out: list[_Mark] = []
    series = False
    for n, (end, day, posted) in enumerate(found):
        if posted:
            series = (
                series or n + 1 < len(found) or _entry_then_date(text[end:].split("\n"))
            )
            if not series:
                continue
        out.append((end, day, day, "entry"))
    if len(out) < 2:
        return []
    if not series and (back := _box_ends(text, out[-1][0], is_target)) is not None:
        out.append((back, None, None, "end"))
    return out


#: A box's heading line: "Key dates:", "Key events", "Timeline", "Timeline of
#: the hunt", "Chronology:", "What we know: a timeline".
_HEADING = re.compile(
    r"(?:(?:key|important|main|major)\s+(?:dates|events|moments)"
    r"|(?:(?:an?|the)\s+)?(?:timeline|chronology)(?:\s+of\b[^.!?]{0,60})?"
    r"|[^.!?:]{1,60}:\s*(?:an?\s+)?(?:timeline|chronology))\s*:?",
    re.IGNORECASE,
)
#: A bullet before a line's words.
_BULLET = re.compile(r"^[ \t]*[-•*–][ \t]+")
#: A line of an entry's text under its date line: a sentence's ("He escaped
#: ..."), not a headline's.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]?$")
#: A date written in numbers alone: "01/02/2017", "13.03.2015".
_NUMERIC_HEAD = re.compile(r"(\d{1,2})([./-])(\d{1,2})\2((?:19|20)\d\d)")


def _headed_box(
    text: str, rows: list[str], starts: list[int], heading: int
) -> tuple[int, int, list[_Mark]] | None:
    """The box under the heading line ``rows[heading]``: its span and its marks.

    Only under a heading (review r210, #1, #2: a list of headlines, captions,
    results or a report's date line is no box) may an entry be headed by a
    month with its year ("February 2017": its statements dated by the month),
    a date in numbers ("13/03/2015", "01/02/2017" read in the order another
    head shows, a number over 12; never guessed: an "unread" mark, of both
    days it may be), or by a
    line that holds only its date over a line of its text, no blank line
    between; an entry's text is that one line, the rest of a line that begins
    with its date ("March 2015: He fled."), or the paragraph after a
    paragraph of its date. The box ends at the first line after an entry's
    text that heads no entry (review r210, #6). None unless two entries are
    there, one read and one of a shape of these: a box of days alone is read as
    :func:`_day_marks` reads it.
    """
    entries: list[tuple[int, str, str]] = []  # row, date words, form
    n = _after_blank(rows, heading + 1)
    while n < len(rows):
        words = _BULLET.sub("", rows[n]).strip()
        start = _ENTRY_START.match(rows[n])
        if _is_head(words):
            head = n
            if n + 1 < len(rows) and rows[n + 1].strip():
                below = rows[n + 1].strip()
                if _is_head(below) or not _SENTENCE_END.search(below):
                    break
                entries.append((n, words, "line"))
                n += 2
            else:
                n = _after_blank(rows, n + 1)
                if n >= len(rows) or _head_row(rows[n]):
                    break
                entries.append((head, words, "para"))
                while n < len(rows) and rows[n].strip() and not _head_row(rows[n]):
                    n += 1
        elif start is not None and _is_head(start[1]):
            entries.append((n, start[1], "start"))
            n += 1
        else:
            break
        n = _after_blank(rows, n)
    order = _numeric_order(words for _, words, _ in entries)
    marks: list[_Mark] = []
    new = False
    for row, words, form in entries:
        period = _period_of_line(words, order)
        at = starts[row]
        if period is None:
            either = _either_day(words, order)
            if either is None:
                return None
            marks.append((at, *either, "unread"))
            new = True
            continue
        marks.append((at, *period, "entry"))
        new = new or form == "line" or _day_of_line(words) is None
    # "Key dates / 1 February 2017: Arrested. / 20 May 2018: Escapes. / (blank)
    # / He was seen on Monday": a list of a line to an entry ends at its
    # blank line (review r217)
    listed = [row for row, _, form in entries if form == "start"]
    new = new or (
        len(listed) == len(entries) >= 2
        and listed[-1] - listed[0] == len(listed) - 1
        and n < len(rows)
        and not rows[n - 1].strip()
    )
    if not new or len(marks) < 2 or all(m[3] == "unread" for m in marks):
        return None
    stop = len(text)
    if n < len(rows):
        stop = starts[n] + len(rows[n]) - len(rows[n].lstrip())
        marks.append((stop, None, None, "end"))
    return starts[heading], stop, marks


def _after_blank(rows: list[str], n: int) -> int:
    """The first row from ``n`` that is not blank (``len(rows)`` if none)."""
    while n < len(rows) and not rows[n].strip():
        n += 1
    return n


def _head_row(row: str) -> bool:
    """Whether ``row`` heads an entry: its date alone, or at its start."""
    start = _ENTRY_START.match(row)
    return _is_head(_BULLET.sub("", row).strip()) or (
        start is not None and _is_head(start[1])
    )


def _is_head(words: str) -> bool:
    """Whether ``words`` are a date alone that may head a headed box's entry."""
    return (
        0 < len(words) <= 60
        and not _DATE_LINE_PREFIX.match(words)
        and (
            _period_of_line(words, None) is not None
            or _NUMERIC_HEAD.fullmatch(words.rstrip(" .,")) is not None
        )
    )


class EntryDays:
    r"""The day of each place of a text: its timeline entry's, or the text's own.

    Parameters
    ----------
    text : str
        The document's text.
    published : datetime.date or None
        The document's own date.
    fallback : datetime.date
        The day of an undated item where the text has no date of its own: the
        latest date in the text, or the day it was read.
    is_target : callable or None, default None
        Whether a name is the target's (:func:`timeline_days`).

    Notes
    -----
    :meth:`at` gives, for a place of ``text``, the day its relative dates
    count from (None: not read), the day of an item that gives none, the
    first day of that item's period, if any, its note, and the latest day an
    item's own date may tell. An entry's day is its own (review r86, #9),
    never after the document's; a month's entry ("February 2017") reads no
    relative date ("on Tuesday" is of any week of it) and dates an item that
    gives none by the month (review r116, U6); but the month of the
    document's own day reads them from that day, as the text's own statements
    do. An entry's own dates may be after its day, not after the document's
    ("2 June 2018 / He was seen on 3 June"), and :meth:`dates` reads the days
    and months it names with no year near the entry's (review r217).

    Examples
    --------
    >>> text = "S\n\nTimeline\n\nMarch 2015\n\nHe fled.\n\nMay 2017\n\nHeld."
    >>> days = EntryDays(text, None, dt.date(2017, 5, 31))
    >>> days.at(3)
    (None, datetime.date(2017, 5, 31), None, '', datetime.date(2017, 5, 31))
    >>> days.at(text.index("Held"))  # doctest: +NORMALIZE_WHITESPACE
    (None, datetime.date(2017, 5, 31), datetime.date(2017, 5, 1), "dated from its
    timeline entry's month (May 2017)", datetime.date(2017, 5, 31))
    """

    def __init__(
        self,
        text: str,
        published: dt.date | None,
        fallback: dt.date,
        is_target: Callable[[str], bool] | None = None,
    ) -> None:
        self.marks = _marks(text, is_target)
        self.published = published
        self.fallback = fallback

    def _head(self, offset: int) -> tuple[dt.date, dt.date] | None:
        """The first and last days of the entry at ``offset`` (None: the text's own)."""
        mark = next((m for m in reversed(self.marks) if m[0] <= offset), None)
        if mark is None or mark[3] == "end" or mark[1] is None or mark[2] is None:
            return None
        return mark[1], mark[2]

    def at(
        self, offset: int
    ) -> tuple[dt.date | None, dt.date, dt.date | None, str, dt.date]:
        """The days of the text at ``offset``, and the note of an undated item.

        The day its relative dates count from (None: not read), the day of an
        item that gives none, the first day of that item's period (None: one
        day), how that item was dated, if not from the text's own date, and
        the latest day an item's own date may tell.
        """
        own, limit = self.published, self.published or self.fallback
        head = self._head(offset)
        if head is None:
            # the text's own: before the timeline, or after its box
            return own, self.fallback, None, "", limit
        first, last = head
        if first == last:
            day = last if own is None else min(last, own)
            return day, self.fallback, None, "", limit
        kind = next(m for m in reversed(self.marks) if m[0] <= offset)[3]
        note = f"dated from its timeline entry's month ({first:%B %Y})"
        if kind == "unread":  # "01/02/2017", in no order shown
            note = (
                "its timeline entry's date in numbers was not read (day or month "
                f"first: no other entry shows which): {first} to {last}"
            )
        if own is not None and first <= own <= last:
            # the month of the document's day: its own days, from the month's first
            return own, self.fallback, first, note, limit
        if own is not None and own < first:
            return own, self.fallback, None, "", limit
        return None, last, first, note, limit

    def dates(
        self,
        text: str,
        dates: list[Any],
        *,
        base: int,
        previous_day: tuple[dt.date, str] | None = None,
    ) -> list[Any]:
        """``dates`` of a sentence ``text`` at ``base``, read near its entry's day.

        A day or a month that an entry names with no year is the one nearest
        the entry's, not after the document's day: "May 2018" / "seen on June
        1" is 1 June 2018 (a month's entry reads no relative date, but this
        one names its own); "2 June 2018" / "seen on 3 June" 3 June 2018, not
        2017; "December 2017" / "on 2 January" 2 January 2018 (review r217, #1,
        #2). A day counted from one of these ("two days later") counts from it
        (#3). The text's own sentences keep ``dates``.
        """
        from geosleuth.read.dates import find_dates  # dates reads no text files

        head = self._head(base)
        if head is None or (
            self.published is not None and head[0] <= self.published <= head[1]
        ):
            return dates
        first, last = head
        # the year ending half a year after the entry's middle: the nearest
        near = first + (last - first) / 2 + dt.timedelta(days=182)
        anchor = min(self.published or self.fallback, near)
        kept = {(d.start, d.end, d.date_from, d.date) for d in dates}
        again = find_dates(text, published=anchor, base=base, previous_day=previous_day)
        named = [
            d
            for d in again
            if d.relative
            and d.kind in ("day", "month", "period")
            and _MONTH_NAME.search(d.text)
            and (d.start, d.end, d.date_from, d.date) not in kept
        ]
        counted = [
            d
            for d in again
            if any(f"'{n.text}'" in d.note for n in named)
            and (d.start, d.end, d.date_from, d.date) not in kept
        ]
        if not named:
            return dates
        new = [*named, *counted]
        old = [
            d
            for d in dates
            if not any(d.start < n.end and n.start < d.end for n in new)
        ]
        return sorted([*old, *new], key=lambda d: d.start)


#: A month's name: "12 May", "Tuesday, 7 February" name their month.
_MONTH_NAME = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?!\w)",
    re.IGNORECASE,
)


def _numeric_order(lines: Iterable[str]) -> str | None:
    """The order of day and month that the numeric dates of ``lines`` show.

    "dm" where one writes its first number over 12 ("13/03/2015"), "md" where
    one writes its second so; None where none does, or both do.
    """
    orders = set()
    for line in lines:
        m = _NUMERIC_HEAD.fullmatch(line.strip().rstrip(" .,"))
        if m is not None and (int(m[1]) > 12) != (int(m[3]) > 12):
            orders.add("dm" if int(m[1]) > 12 else "md")
    return orders.pop() if len(orders) == 1 else None


def _period_of_line(line: str, order: str | None) -> tuple[dt.date, dt.date] | None:
    """The day or the month that ``line`` holds alone, with its year.

    A day as :func:`_day_of_line` reads it; "February 2017"; a date in
    numbers in the ``order`` of the timeline's others ("01/02/2017" is 1
    February where a head reads "13/03/2015").
    """
    from geosleuth.read.dates import find_dates  # dates reads no text files

    m = _NUMERIC_HEAD.fullmatch(line.strip().rstrip(" .,"))
    if m is not None and order is not None:
        day, month = (m[1], m[3]) if order == "dm" else (m[3], m[1])
        try:
            read = dt.date(int(m[4]), int(month), int(day))
        except ValueError:
            return None
        return (read, read) if read <= dt.date.today() else None
    day = _day_of_line(line)
    if day is not None:
        return day, day
    months = find_dates(line.strip())
    if (
        len(months) != 1
        or months[0].kind != "month"
        or months[0].start != 0
        or line.strip()[months[0].end :].strip(" .,")
        or not re.search(r"\b\d{4}\b", months[0].text)
        or months[0].date_from > dt.date.today()
    ):
        return None
    return months[0].date_from, months[0].date


def _either_day(line: str, order: str | None) -> tuple[dt.date, dt.date] | None:
    """The two days that ``line``'s date in numbers may be, where no order reads it.

    "01/02/2017" where no head of its timeline shows the order (a dot reads
    the day first, as :mod:`geosleuth.read.dates` reads it): 2 January and 1
    February 2017, the earlier first.
    """
    m = _NUMERIC_HEAD.fullmatch(line.strip().rstrip(" .,"))
    if m is None or order is not None or m[2] == "." or m[1] == m[3]:
        return None
    try:
        days = sorted(
            dt.date(int(m[4]), int(b), int(a)) for a, b in ((m[1], m[3]), (m[3], m[1]))
        )
    except ValueError:
        return None
    return (days[0], days[1]) if days[1] <= dt.date.today() else None


#: A verb's present form, of the text's own time: "He *is* believed to be
#: hiding", "police *say*", "*He's* believed" are not "*was* arrested"
#: (:func:`_box_ends`).
_PRESENT_FORM = re.compile(
    r"\b(?:is|are|has|remains?|says?|believes?)\b|\b(?:he|she|it)['’]s\b",
    re.IGNORECASE,
)
#: A present that tells no present of the entry's own: a relative clause's
#: ("Culiacán, *which is* the capital") or a saying's ("he was arrested,
#: police *say*").
_ASIDE_PRESENT = re.compile(
    r"\b(?:which|who|that|where)\s+(?:is|are|has|remains?)\b|\b(?:says?)\b",
    re.IGNORECASE,
)
#: A saying's past dates the words, not what they tell ("police *said* on
#: Monday").
_SAYING_PAST = frozenset({"said", "told", "added", "reported"})
# fmt: off
#: Past forms of common irregular verbs ("He *fled* to Culiacán", "*broke*
#: out"), not those that are also present ("put", "set", "hit", "read").
_IRREGULAR_PAST = frozenset({
    "was", "were", "had", "did", "fled", "broke", "took", "went", "came", "left",
    "got", "gave", "made", "met", "ran", "saw", "found", "began", "became", "held",
    "kept", "led", "lost", "paid", "sent", "spent", "stood", "struck", "brought",
    "caught", "fought", "sought", "won", "wrote", "rode", "drove", "flew", "fell",
    "hid", "shot", "sat", "spoke", "stole", "threw", "knew", "drew", "built", "dug",
    "felt", "heard", "hung", "meant", "rose", "sold", "shook", "sank", "stuck",
    "swore", "tore", "withdrew",
})
#: Words ending in "-ed" that are no verb's past ("one *hundred*"); "-eed"
#: words are not either ("need", "speed"), but "freed" and "agreed" are.
_NOT_PAST_ED = frozenset({
    "hundred", "kindred", "sacred", "naked", "wicked", "rugged", "ragged", "beloved",
    "wretched", "crooked", "red", "bed", "shed",
})
_PAST_EED = frozenset({"freed", "agreed", "decreed", "guaranteed", "disagreed"})
#: A word before a verb's form that makes it a participle or a noun's word, no
#: past: "is *believed*", "has *fled*", "remains *wanted*", "the *left*", "a
#: *wanted* man".
_BEFORE_PARTICIPLE = frozenset({
    "is", "are", "am", "be", "been", "being", "has", "have", "'s", "’s", "remain",
    "remains", "stay", "stays", "seem", "seems", "get", "gets", "the", "a", "an",
    "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your",
    "one", "every", "no", "some", "any", "each", "another",
})
# fmt: on
#: Adverbs passed over to find the word before a verb's form ("is *still*
#: wanted", "he *reportedly* escaped").
_ADVERB = re.compile(
    r"(?!(?:family|rally|ally|supply|assembly|only)$)"
    r"(?:still|now|also|not|never|already|just|once|[a-z]+ly)$"
)
#: A word ("was", "wasn't"), a clitic ("'s" of "He's"), or a sentence's stop.
_WORD = re.compile(r"[A-Za-z]+?(?=n['’]t\b)|[A-Za-z]+|['’](?:s|re|ve)\b|[.;:!?]")


def _tells_past(paragraph: str) -> bool:
    """Whether ``paragraph`` (its quotations left out) has a verb in the past.

    "He *was* arrested", "He *escaped*", "He *fled*", "*Arrested* in Culiacán";
    not a saying's ("police *said* on Monday"), nor a participle after "is",
    "has", "remains", with an adverb between or not ("is still *wanted*", "is
    *thought* to be"), nor after a determiner ("the *left*"), another
    participle ("considered *armed*"), a capitalised name's word ("the *United*
    States"), nor "one *hundred*" (review r116, U7).
    """
    words = _WORD.findall(_unquoted(paragraph))
    for n, word in enumerate(words):
        low = word.lower()
        if low in _SAYING_PAST:
            continue
        if low in {"was", "were", "had", "did"}:
            return True
        if low not in _IRREGULAR_PAST and not (
            low.endswith("ed")
            and len(low) >= 4
            and low not in _NOT_PAST_ED
            and (not low.endswith("eed") or low in _PAST_EED)
        ):
            continue
        if word[0].isupper() and n + 1 < len(words) and words[n + 1][0].isupper():
            continue  # "United States"
        k = n - 1
        while k >= 0 and _ADVERB.match(words[k].lower()):
            k -= 1
        before = words[k].lower() if k >= 0 else ""
        if before in _BEFORE_PARTICIPLE or (
            k == n - 1 and before.endswith("ed") and before not in _SAYING_PAST
        ):
            continue
        return True
    return False


def _unquoted(text: str) -> str:
    """``text`` with its quotations blanked: a quoted present is the speaker's."""
    return re.sub(r'"[^"\n]*"|“[^”\n]*”|‘[^’\n]*’', " ", text)


#: The present of the target's own state, the report's now: "*He is believed*
#: to be hiding", "police say *he is* in Sinaloa", "*He's* thought to be",
#: "*Salcedo remains* at large"; not an aside of commentary ("The arrest is a
#: blow to the cartel") nor "he is a dangerous man".
_SUBJECT = (
    r"\b(?:[Hh]e|[Ss]he|(?<!\b[Tt]he )(?<!\b[Oo]f )(?<!\b[Ii]n )"
    r"(?!(?:It|This|That|There|What|Which|Who|Here)\b)[A-Z][\w-]+)"
)
_NOW = (
    r"(?:\s+(?:still|now|also|currently|probably|likely|reportedly|widely))?"
    r"(?:\s+(?:remains|stays|lives)\b|(?:\s+is\b|['’]s\b)"
    # "He is considered armed and dangerous and *is believed*"
    r"(?:[^.;!?]*?\band\s+is\b)?"
    r"(?:\s+(?:still|now|also|currently|probably|likely|reportedly|widely|not))?"
    r"\s+(?:believed|thought|said|understood|reported|suspected|feared|presumed"
    r"|known|hiding|living|staying|at|on|in|wanted|free|missing|alive|dead|held"
    r"|detained|jailed|behind|under|being|serving|awaiting|abroad)\b)"
)
_NOW_OF_TARGET = re.compile(_SUBJECT + _NOW)
#: The same with an apposition after its subject: "*Salcedo, 45, is*
#: believed", "*He, like his brother, is* thought" (review r116, U7); the
#: subject must be the target's name or "he"/"she" (:func:`_now_of_target`;
#: not "Ovidio, 28, is wanted", "Mexico, however, is in shock", review r210,
#: #3).
_NOW_AFTER_APPOSITION = re.compile(
    r"\b(?P<who>[A-Z][\w-]+)(?:,\s+[^,.;:!?\n]{1,40}){1,2}," + _NOW
)
#: A day of the week, which a present verb's clause ("He is freed *on
#: Friday*", "he is hiding in Durango *since Saturday*") tells of a day
#: that is not the report's: an entry's in the historic present.
_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", re.IGNORECASE)
#: A past told from another event's time, not the report's: "two days *before
#: his arrest*", "a day *later*", "*the next day*".
_FROM_AN_EVENT = re.compile(
    r"\b(?:later|earlier|afterwards|(?:before|after)\s+(?:his|her|the)\s+\w+"
    r"|the\s+(?:next|following|previous)\s+(?:day|morning|night|week)"
    r"|that\s+(?:day|night|morning|evening)|the\s+day\s+(?:before|after))\b",
    re.IGNORECASE,
)
_AND = re.compile(r"\s+and\s+")


def _box_ends(
    text: str, entry: int, is_target: Callable[[str], bool] | None = None
) -> int | None:
    """Where the text after the entry whose date line ends at ``entry`` is its own.

    A box of key dates has one short paragraph to an entry; a paragraph after
    the last entry's first, when that one tells its day in the past ("He was
    arrested in Culiacán") and this one tells, in the present and before any
    past but a saying's, of the target's state now ("He is believed to be
    hiding in Sinaloa, police said on Monday"; :func:`_now_of_target`), is the
    report's again (review r95, #6). Not a second paragraph in the past ("He
    was freed a day later"), nor one of an entry in the present ("He is
    arrested" / "He is freed"). Nor, as the entry's own (review r116, W10,
    W11): an aside that tells no state of the target's ("The arrest is a blow
    to the cartel, analysts say"), a quotation's present ("'He is in
    Culiacán,' a guard told reporters"), a present dated by a day of the week
    ("They say he is hiding in Durango since Saturday"), nor a paragraph
    followed by one in the past told from the entry's time ("He was seen in
    Mazatlán on Monday, two days before his arrest").
    ``is_target`` tells whether a name is the target's.
    """
    paragraphs = [
        (m.start(), _unquoted(m[0]))
        for m in re.finditer(r"\S[^\n]*(?:\n[ \t]*\S[^\n]*)*", text[entry:])
    ]
    if not paragraphs:
        return None
    first = _ASIDE_PRESENT.sub(" ", paragraphs[0][1])
    if _PRESENT_FORM.search(first) or not _tells_past(first):
        return None
    for n, (start, para) in enumerate(paragraphs[1:], 1):
        if not _now_of_target(para, is_target):
            continue
        after = paragraphs[n + 1][1] if n + 1 < len(paragraphs) else ""
        if _FROM_AN_EVENT.search(after) and _tells_past(after):
            continue
        return entry + start
    return None


def _now_of_target(
    paragraph: str, is_target: Callable[[str], bool] | None = None
) -> bool:
    """Whether ``paragraph`` tells, before any past, the target's state now.

    "He is believed to be hiding in Sinaloa" (also before "; he was seen in
    Mazatlán on Monday" or "and was seen", or after "A reward is offered;"),
    with no past but a saying's before it or in its clause ("he is now in
    Mexico City, where he arrived on Wednesday" is the entry's), and no clause
    of its sentence with a present verb dated by a day of the week ("He is
    freed on Friday and is believed to be hiding"). An apposition may stand
    between the subject and its present where the subject is the target's
    name (``is_target``) or "he"/"she": "Salcedo, 45, is believed".
    """
    now = _NOW_OF_TARGET.search(paragraph)
    if now is None:
        now = next(
            (
                m
                for m in _NOW_AFTER_APPOSITION.finditer(paragraph)
                if m["who"] in ("He", "She")
                or (is_target is not None and is_target(m["who"]))
            ),
            None,
        )
    if now is None:
        return False
    start = max(paragraph.rfind(stop, 0, now.start()) for stop in ".;!?") + 1
    end = min(
        (k for stop in ".;!?" if (k := paragraph.find(stop, now.end())) >= 0),
        default=len(paragraph),
    )
    # its clause, to a clause of its own ("and was seen"), not a where's
    also = _AND.search(paragraph, now.end(), end)
    if _tells_past(paragraph[: also.start() if also else end]):
        return False
    return not any(
        _WEEKDAY.search(part) and _PRESENT_FORM.search(part)
        for part in re.split(rf",|{_AND.pattern}", paragraph[start:end])
    )


def _day_of_line(line: str) -> dt.date | None:
    """The day a line holds alone, with its year, at most "Published:" before it."""
    from geosleuth.read.dates import find_dates  # dates reads no text files

    line = line.strip()
    lead = _DATE_LINE_LEAD.match(line)
    rest = line[lead.end() if lead else 0 :]
    days = [d for d in find_dates(rest) if d.kind == "day" and not d.relative]
    if len(days) != 1 or days[0].start != 0 or rest[days[0].end :].strip(" .,"):
        return None
    if not re.search(r"\b\d{4}\b", days[0].text) or days[0].date > dt.date.today():
        return None
    return days[0].date


def first_line_title(text: str) -> str | None:
    first = text.split("\n", 1)[0].strip()
    if 0 < len(first) <= 150 and not re.search(r"[.!:;,]$", first) and "\n" in text:
        return first
    return None
