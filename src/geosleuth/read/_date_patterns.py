"""The patterns of dates: the words and regular expressions that write a date.

The names and numbers of months, weekdays and counts (:data:`_MONTHS`,
:data:`_WEEKDAYS`, :data:`_NUMBERS`), the seasons (:data:`_SEASONS`), and the
patterns of :func:`~geosleuth.read.dates.find_dates`, each under the name of
its kind ("iso", "num", "dmy", "season", "ago", ...: :data:`_PATTERNS`), with
those of ranges of two dates (:data:`_RANGE_OPEN`, :data:`_RANGE_TO`,
:data:`_RANGE_ENDS`) and of the numbers that are not dates
(:data:`_NOT_NUMERIC_DATE`). Also the dates that are written but not read
(:data:`_UNREAD`: a Hijri month, a movable feast, a two-digit year), which
:func:`~geosleuth.read.dates.unread_dates` finds. Text only: how a match is
read is :mod:`geosleuth.read.dates`'.
"""

from __future__ import annotations

import calendar
import re

__all__ = [
    "_BARE_MONTH",
    "_COUNTED",
    "_MONTHS",
    "_NOT_NUMERIC_DATE",
    "_NUMBERS",
    "_PARTIAL",
    "_PATTERNS",
    "_RANGE_ENDS",
    "_RANGE_OPEN",
    "_RANGE_TO",
    "_SAYING_DAY",
    "_SEASONS",
    "_SINCE",
    "_UNREAD",
    "_WEEKDAYS",
]


_MONTHS = {
    name.lower(): i
    for i in range(1, 13)
    for name in (calendar.month_name[i], calendar.month_abbr[i])
}
_MONTHS["sept"] = 9
_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}
_WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# "Thursday, 5 July", "Friday, the 6th of July": the weekday names the date after it
_ON_WEEKDAY = rf"(?:(?P<wd>{_WEEKDAY_RE}),?\s+(?:the\s+)?)?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "couple of": 2, "a couple of": 2, "few": 3, "a few": 3, "several": 3,
    "recent": 3, "many": 5,
}  # fmt: skip
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
# "18", "eighteen", "twenty-four", "a couple of"; the longer words first
_COUNT = (
    rf"(?P<n>\d{{1,3}}|a couple of|couple of|a few|few|several|many|{_TENS}"
    rf"(?:[- ]{_ONES})?|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
    r"nineteen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"an|a)"
)
_UNIT = r"(?P<unit>day|week|fortnight|month|year|decade)s?"
_NUM_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
# "10-13 August", "Aug. 10 to 13": the words (or dash) between two days of a range
_TO = r"\s*(?P<to>[-\u2013\u2014]|to|and|until|till|through)\s*"
_OPEN = r"(?:(?P<open>[Bb]etween|[Ff]rom)\s+)?"
# "2 and 5 May": a second day after "and" with no "between" (see _day_range)
_AND_LIST = rf"(?:,\s*(?P<more>{_DAY})(?=,|\s+and\b))*"
#: The meteorological seasons: (first month, last month) of the northern hemisphere;
#: winter runs from December into the next year.
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11),
            "winter": (12, 2)}  # fmt: skip
# words that make a season a kind of thing ("the summer house"), not a time
_NOT_SEASON = (
    r"(?!\s+(?:house|houses|home|homes|camp|camps|palace|residence|cottage|school|"
    r"capital|quarters|pastures?|water|waters|well|fed)\b)"
)
# "in the spring", "over the summer", "last winter" ("fall", which is also a
# tumble, only with a year: see "season_y")
_SEASON_REL = (
    r"\b(?:(?i:in|during|over|through|throughout|since|until|till|by|before|after|"
    r"early|late)\s+(?:the\s+)?|(?P<which>(?i:last|this|past))\s+)"
    rf"(?P<season>spring|summer|autumn|winter)\b(?![\w-]){_NOT_SEASON}"
    r"(?!\s*,?\s*(?:of\s+)?\d)"
)
# "spring 2017", "the summer of 2016", "fall 2014", "winter 2017/18"
_SEASON_YEAR = (
    r"\b(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter),?\s+(?:of\s+)?"
    rf"(?P<y>{_YEAR})(?:\s*[/\u2013-]\s*(?P<y2>(?:19|20)?\d\d))?\b"
)

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "iso",
        re.compile(rf"\b{_ON_WEEKDAY}(?P<y>{_YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
    ),
    (
        "num",
        re.compile(
            rf"\b{_ON_WEEKDAY}(?<![\d.,/:-])(?P<a>{_NUM_DAY})(?P<sep>[./-])"
            rf"(?P<b>{_NUM_DAY})(?P=sep)(?P<y>{_YEAR})(?![\d]|[.,/:-]\d)"
        ),
    ),
    (
        "dd_m",
        re.compile(
            rf"\b{_OPEN}(?P<d1>{_DAY}){_AND_LIST}{_TO}(?P<d>{_DAY})(?:\s+of)?\s+"
            rf"(?P<mon>{_MONTH_RE})(?![a-z])(?:,?\s+(?P<y>{_YEAR})\b)?"
        ),
    ),
    (
        "m_dd",
        re.compile(
            rf"\b{_OPEN}(?P<mon>{_MONTH_RE})\s+(?P<d1>{_DAY}){_AND_LIST}{_TO}"
            rf"(?P<d>{_DAY})\b"
            rf"(?!\s*%)(?:,?\s+(?P<y>{_YEAR})\b)?"
        ),
    ),
    (
        "dmy",
        re.compile(
            rf"\b{_ON_WEEKDAY}(?P<d>{_DAY})(?:\s+of)?\s+(?P<mon>{_MONTH_RE}),?\s+"
            rf"(?P<y>{_YEAR})\b"
        ),
    ),
    (
        "mdy",
        re.compile(
            rf"\b{_ON_WEEKDAY}(?P<mon>{_MONTH_RE})\s+(?P<d>{_DAY}),?\s+"
            rf"(?P<y>{_YEAR})\b"
        ),
    ),
    ("season_y", re.compile(_SEASON_YEAR)),
    ("season", re.compile(_SEASON_REL)),
    (
        "decade",
        re.compile(
            r"\b(?<=[Tt]he\s)(?P<dd>(?:(?P<part>early|mid|late)[\s-]+)?"
            r"(?P<dec>(?:19|20)\d0)s)\b"
        ),
    ),
    ("my", re.compile(rf"\b(?P<mon>{_MONTH_RE}),?\s+(?P<y>{_YEAR})\b")),
    (
        "dm",
        re.compile(
            rf"\b{_ON_WEEKDAY}(?P<d>{_DAY})(?:\s+of)?\s+(?P<mon>{_MONTH_RE})(?![a-z])"
        ),
    ),
    (
        "md",
        re.compile(rf"\b{_ON_WEEKDAY}(?P<mon>{_MONTH_RE})\s+(?P<d>{_DAY})\b(?!\s*%)"),
    ),
    (
        "mon",
        re.compile(
            # the word before in any case ("*In* March, police said"); the
            # month's capital keeps the verb "may" out
            r"\b(?i:in|since|until|till|by|during|from|between|throughout|before|"
            r"after|early|late|mid|(?:the\s+)?(?:end|beginning|start|middle)\s+of)\s+"
            rf"(?i:early\s+|late\s+|mid-?\s*)?(?P<mon>{_MONTH_RE})(?![\w-])"
            r"(?!\s*,?\s*\d)"
        ),
    ),
    (
        "weekend",
        re.compile(
            r"\b(?:(?P<last>last)\s+|(?:this\s+past|(?:at|over|during|on)\s+the"
            r"(?:\s+past)?)\s+)weekend\b(?!\s+of\b)",
            re.IGNORECASE,
        ),
    ),
    ("weekday", re.compile(rf"\b(?:(?P<last>[Ll]ast)\s+)?(?P<wd>{_WEEKDAY_RE})\b")),
    (
        "year",
        re.compile(
            r"(?:\b(?:in|since|until|till|by|of|from|during|early|late|mid|before|"
            r"after|around|throughout|between|and|to)\s+|\bmid-|\()"
            rf"(?P<y>{_YEAR})\b(?!\s*(?:%|km|kilomet|people|fighters|men|members|"
            r"troops|dollars|\$))",
            re.IGNORECASE,
        ),
    ),
    (
        "past",
        re.compile(
            rf"\b(?:in|over|during|for|within)\s+the\s+(?:past|last|previous|recent)"
            rf"\s+{_COUNT}\s+{_UNIT}\b",
            re.IGNORECASE,
        ),
    ),
    (
        # "in recent weeks" (a few), "over the past week" (one)
        "recent",
        re.compile(
            r"\b(?:in|over|during|within|for)\s+(?:(?P<recent>recent)|the\s+"
            r"(?:past|last|previous))\s+(?P<unit>day|week|fortnight|month|year|"
            r"decade)(?P<plural>s)?\b",
            re.IGNORECASE,
        ),
    ),
    ("ago", re.compile(rf"\b{_COUNT}\s+{_UNIT}\s+ago\b", re.IGNORECASE)),
    (
        "before_last",
        re.compile(
            r"\bthe\s+(?P<unit>week|month|year)\s+before\s+last\b", re.IGNORECASE
        ),
    ),
    (
        "last",
        re.compile(
            r"\b(?P<which>last|this|past)\s+(?P<unit>week|month|year)\b", re.IGNORECASE
        ),
    ),
    ("yesterday", re.compile(r"\b(?:yesterday|today)\b", re.IGNORECASE)),
    ("then", re.compile(r"\bsince\s+then\b", re.IGNORECASE)),
)
# A day counted from another day the text gives: "the next day", "two days later",
# "the previous evening" ("that evening", the same day, is a time of day:
# dates.time_of_day). "The day before" and "two days before" count only at the
# end of a clause ("the day before the vote" is a clause of time, not a count).
_END_OF_CLAUSE = r"(?=\s*(?:[,.;:!?)\u2014]|and\b|but\b|$))"
_PART = r"(?:day|morning|afternoon|evening|night)"
_COUNTED = re.compile(
    rf"\b(?:the\s+(?P<next>next|following)\s+{_PART}"
    rf"|the\s+(?P<prev>previous|preceding)\s+{_PART}"
    rf"|the\s+(?:day|night|evening|morning)\s+(?P<around>after|before){_END_OF_CLAUSE}"
    rf"|the\s+(?:following|next)\s+(?P<wd>{_WEEKDAY_RE})"
    rf"|{_COUNT}\s+(?P<unit>day|week|fortnight)s?\s+"
    rf"(?:(?P<fwd>later|afterwards?)|(?P<back>earlier|before{_END_OF_CLAUSE})))\b",
    re.IGNORECASE,
)
#: A day a report was made ("said on May 10 that"), which a count after it in
#: its sentence does not count from: what was said happened before the saying.
_SAYING_DAY = re.compile(
    r"\b(?:said|says|told|announced|reported|stated|added|confirmed|revealed|"
    r"disclosed)\b[^.;:]{0,40}$",
    re.IGNORECASE,
)
_SINCE = re.compile(r"\b(?:since|from)\s+(?:the\s+)?$", re.IGNORECASE)
# numbers that look like a date but follow a word that makes them something else
_NOT_NUMERIC_DATE = re.compile(
    r"(?:\b(?:version|ver|release|build|no|nos|number)\.?|\bv\.?|#)\s*$",
    re.IGNORECASE,
)
# a range of two dates: "between" one "and" the other, "from" one "to" the other,
# or two days with a dash between ("Aug. 30-Sept. 2")
_RANGE_OPEN = re.compile(r"\b(?P<w>between|from)\s+(?:the\s+)?$", re.IGNORECASE)
_RANGE_TO = re.compile(
    r"\s*,?\s*(?P<w>and|to|until|till|through|[-\u2013\u2014])\s*", re.IGNORECASE
)
_BARE_MONTH = re.compile(rf"(?P<mon>{_MONTH_RE})(?![\w-])(?!\s*,?\s*\d)")
#: The patterns whose dates can be either end of a range.
_RANGE_ENDS = frozenset(
    {"iso", "num", "dmy", "mdy", "my", "dm", "md", "mon", "year", "weekday"}
)
#: The patterns of a day or month whose year comes from the publication date.
_PARTIAL = frozenset({"dm", "md", "mon"})


_HIJRI_MONTH = (
    r"(?:Muharram|Safar|Rabi(?:'|’|\s)?\s*(?:al|ul|el)?[- ]?(?:Awwal|Thani|Akhir|"
    r"Akhar)|Rabi\s+I{1,2}|Jumad[ai]\s*(?:al|ul|el)?[- ]?(?:Awwal|Ula|Thani|Akhir"
    r"(?:ah)?|Akhira)|Jumad[ai]\s+I{1,2}|Rajab|Sha(?:'|’)?ban|Rama[dzd]h?an|"
    r"Shawwal|Dhu(?:\s*al|l)?[- ]?Q[ai](?:'|’)?dah|Dhu(?:\s*al|l)?[- ]?Hijj?ah)"
)


_HIJRI_YEAR = r",?\s+1[34]\d\d(?:\s*(?:AH|A\.H\.|H)\b)?"


_FEAST = (
    r"(?:Eid(?:\s+(?:al|ul|el)[- ](?:Fitr|Adha))?|Easter(?:\s+(?:Sunday|Monday))?|"
    r"Good\s+Friday|Passover|Hanukk?ah|Diwali|Nowruz|(?:Lunar|Chinese)\s+New\s+Year)"
)


#: Words that write a date :func:`find_dates` does not read, and why.
_UNREAD: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        # a Hijri month with its year ("Ramadan 1439", "Muharram 1440 AH"), or
        # after a word that makes it a time ("during Ramadan"): a name alone
        # ("Tariq Ramadan") is none
        re.compile(
            rf"\b(?P<d>{_HIJRI_MONTH}{_HIJRI_YEAR})"
            r"|\b(?i:in|during|since|before|after|until|throughout|early|late|mid)"
            rf"\s+(?P<d2>(?:the\s+(?:holy\s+)?month\s+of\s+)?{_HIJRI_MONTH}\b"
            rf"(?:{_HIJRI_YEAR})?)"
            r"|\b(?P<d3>1[34]\d\d\s*(?:AH|A\.H\.)(?!\w))"
        ),
        "a date of the Islamic (Hijri) calendar, which is not converted",
    ),
    (
        re.compile(
            r"\b(?i:at|on|in|during|over|since|before|after|until|for)\s+"
            rf"(?P<d>(?:the\s+)?{_FEAST})\b"
        ),
        "a feast whose date moves from year to year, which is not read",
    ),
    (
        # "12/08/18": no four-digit year
        re.compile(
            r"(?<![\w.,/:-])(?:0?[1-9]|[12]\d|3[01])(?P<sep>[./-])(?:0?[1-9]|[12]\d|"
            r"3[01])(?P=sep)\d\d(?![\w]|[.,/:-]\d)"
        ),
        "a date written with a two-digit year, which may be read more than one way",
    ),
)
