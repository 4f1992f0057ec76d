"""Case counts in an outbreak report: an event set that points to the source.

A report of an outbreak names no person to find: it names places and how many fell
ill or died there ("45 people dead in Nyanza Province, 12 in Kisumu and seven in
Siaya", "Kisumu reported 12 new cases"). Where a document is read for no person (no
target named, and none found in the text), those counts are its evidence: each
town with cases is an event, weighted by its count, and the document's events are
one :class:`~geosleuth.evidence.EventSet` (a kernel density of ``sigma_km`` =
:data:`CASE_SIGMA_KM`, a town's spread), whose surface is highest where the cases
cluster: a geographic profile of the outbreak's source (``geosleuth profile`` runs
Rossmo's CGT and the Dirichlet-process mixture on such events given as a file).

Only a report that names a disease or an outbreak ("cholera", "Ebola",
"outbreak", "infected", "tested positive", ...) is read so: a court's "30 new
cases" are none. What is read, in a sentence:

- a count (digits, "1,204", or a number word up to twenty, and "dozens" as 24;
  "at least", "more than", "nearly" are read as the number; a year such as
  "the 2017 cases" and the digits of a name such as "COVID-19" are not) before a
  word for cases, with up to two words between ("45 cholera deaths", "12 new
  Ebola cases"): "cases", "infections", "deaths", "fatalities", "patients"; or
  before a word for people ("people", "children", "residents", ...) where the
  sentence says they fell ill or died ("died", "ill", "sick", "infected",
  "hospitalised", "in hospital", "tested positive", ...); or a share of them
  ("Fourteen of the cases are in Athens"); or after its noun and a verb of
  change ("Cases rose to 45 in Kisumu", "the death toll has risen to 12 in").
  Deaths or harm in a sentence that names a disaster, an accident or violence
  ("Floods killed 45 people") are set aside as no case; a count after "up
  from", "down from" or a verb of change's "from" ("45 cases, down from 60 cases
  last week") is an earlier figure, no count of now, and is set aside too
  (``not_target``);
- the place: a town named after the count with "in", "at", "across" or "around"
  before it ("12 cases in Kisumu"), or, failing that, the town just before it
  that reports the count ("Kisumu reported 12 new cases", "and Migori has 12")
  or whose relative clause gives it ("..., 12 in Wajir, where 200 people have
  fallen ill": a count of Wajir's, whose largest, 200, is its weight); a total
  followed by its parts gives the parts ("Two children have died, one in
  Cluj-Napoca and one in Iasi", "Of the 64 patients, 45 are in Kisumu and 19 in
  Siaya");
- a list going on after it: "..., 12 in Kisumu and seven in Siaya", past a
  division's word, a bracket, an aside, an earlier figure or a time ("Siaya
  County and 12 in Kisumu", "Kisumu (12 deaths), 30 in Siaya", "12 of them
  children, and seven in", "in Kisumu, up from 30 last week, and 12 in Siaya",
  "rose to 45 in Kisumu from 30 a week earlier, and to 12 in Siaya", "in
  Hyderabad since November 2016, with a further 52 in Karachi"), past the
  division that qualifies a town ("Hyderabad, Sindh, with ..."), with the count
  after its town ("Hamburg has reported 117 cases, Lower Saxony 62 and Bremen
  38", "Beira (410) and Dondo (75)"), and with a town that reports its own
  ("Kisumu reported 45 new cases and Siaya reported 12");
- a list of towns, each with its count after it, in a sentence that speaks of
  cases ("Cases have been confirmed in Kisumu (45), Siaya (12) and Homa Bay
  (7)", "Cholera cases by county: Kisumu 45, Siaya 12, Homa Bay 7"): two items
  or more, one of them a place found in the text. A name of such a list that
  the reading of places left out (the tagger took "Homa Bay" or "Timis" for a
  person) is looked up in the gazetteer, among the places of the country of the
  list's other towns; one not found there is set aside (``unresolved``), never
  dropped unsaid. A number that may be a year is a count in a list of counts
  ("Kisumu (45), Siaya (12) and Busia (1999)"), and a list whose numbers are all
  years ("Kisumu (1999) and Siaya (2005)") is none; a town whose bracket comes
  after an aside ("..., and Mandera, some 350 km away (7)") is set aside
  (``no_place``): the bracket may be of a place of the aside.

Towns more than :data:`CLUSTER_KM` from every other (single linkage) are
another outbreak: each cluster is its own event set.

A place's weight is the largest count given for it (deaths are among the cases, so
counts of one place are not added). A country, a province or a continent is too
coarse to be an event, and is set aside (``not_a_place``: "too coarse"), but a
county or a district at most 150 km across stands at its representative point.
A count at one town only is set aside too ("an event set needs two places or
more"), and so is one that no town of its sentence is given (``no_place``).
A count that is negated or denied ("no cases in Siaya" aside, which gives no
number: "has not reported 30 cases", "Health officials denied reports of 30
cases in Homa Bay", "reports of 30 cases ... were false") is set aside as
``negated``; one to come ("could reach 500 cases", "will", "expected to",
"up to") as ``conditional``.

How sure a count is comes from its sentence, as for every item
(:func:`~geosleuth.read.hedges.hedge_of`; "12 suspected cases" names a kind of
case, no hedge), one level less where another party denies the sentence. An
event set has one hedge for all its events: it scales the whole surface
(``r·K + (1 − r)``, :class:`~geosleuth.evidence.EventSet`), and cannot say that
one town's count is less sure than another's. So the counts of an outbreak that
are all hedged ("Cholera may have killed 45 people in Kisumu, 12 in Siaya and
seven in Homa Bay, unconfirmed reports said") are one event set with the least
sure of their hedges; a town whose only count is hedged, beside towns whose
counts are plain, is set aside (``conditional``, with the hedge's cue) rather
than weaken the others or count as sure as they are. A town with a plain count
and a hedged one keeps the plain one.

The event set's quote and span run from the first to the last sentence that
gave one of its counts; where that is more than one sentence, its note gives
each count's sentence within the quote ("Hamburg 117 [1], Kiel 5 [2]"). Its date
is that of its first count's own clause ("Kisumu reported 45 new cases on
Monday", "..., health officials said on Monday", "... since 2017"); a report's
counts are as of its day (its publication) unless their clause dates them. A
date of another clause is not theirs: another statement after a semicolon
("...; in 2017 the disease killed 70 in Kisumu"), a relative clause ("The
outbreak, which began on 12 May, has caused 45 cases"), a clause of time ("...
since the outbreak began in 2019": counts to date), an earlier figure's time
("up from 30 last week"), and no number read as a count ("Busia (1999)").
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from geosleuth.evidence import EventSet, Hedge
from geosleuth.geometry import Area, haversine_km
from geosleuth.read._sentence import (
    MentionLike,
    Sentence,
    disputed,
    geometry_of,
    hedge_note,
    hedge_text,
    is_point,
    kind_of,
    label,
    note_of,
    resolved,
)
from geosleuth.read.hedges import hedge_of

if TYPE_CHECKING:
    from geosleuth.read.claims import _Extractor

__all__ = ["CASE_SIGMA_KM", "find_cases", "finish_cases"]

#: Spread of each town's cases (km): the kernel of the event set's density.
CASE_SIGMA_KM = 10.0

_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "dozens": 24, "a dozen": 12,
}  # fmt: skip
_NUM_WORDS = "|".join(sorted(_WORDS, key=len, reverse=True))
_NUM = rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+|{_NUM_WORDS})"
#: A count in digits only, after its town: "Homa Bay 7", "Beira (410)".
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+"
_CASE_NOUNS = r"(?:cases?|infections?|deaths?|fatalities|patients)"
_PEOPLE = (
    r"(?:people|persons|children|adults|residents|villagers|students|pupils|"
    r"workers|men|women)"
)
_ADJ = (
    r"(?:(?:new|confirmed|suspected|probable|human|additional|more|fatal|"
    r"laboratory-confirmed|lab-confirmed|reported|other)\s+)*"
    # the disease between: "45 cholera deaths", "12 new Ebola cases", "COVID-19"
    r"(?:(?!(?:and|or|of|in|at|to|from|on|were|was|are|is|have|had|who|whom)\b)"
    r"[A-Za-z][\w-]*\s+){0,2}"
)
_COUNT = re.compile(
    rf"(?<![\w.,\-–])(?:(?:at\s+least|more\s+than|over|nearly|almost|about|"
    rf"approximately|around|some)\s+)?{_NUM}\s+{_ADJ}"
    rf"(?P<noun>{_CASE_NOUNS}|{_PEOPLE})\b",
    re.IGNORECASE,
)
#: A share of the cases: "Fourteen of the cases are in Athens".
_SHARE = re.compile(
    rf"(?<![\w.,\-–]){_NUM}\s+of\s+(?:the|these|those)\s+{_ADJ}"
    rf"(?P<noun>{_CASE_NOUNS}|{_PEOPLE})\b",
    re.IGNORECASE,
)
#: A count after its noun and a verb of change: "Cases rose to 45 in Kisumu",
#: "the death toll has risen to 12 in Siaya" (a town with "in" or "at" after it).
_RISE = re.compile(
    rf"\b(?P<noun>{_CASE_NOUNS}|(?:death\s+)?toll)\s+(?:(?:has|have|had|now)\s+)*"
    r"(?:rose|risen|climbed|jumped|increased|grew|grown|reached|stood|stands?|"
    r"totall?ed|numbered)\s+(?:(?:to|at)\s+)?"
    rf"(?:(?:at\s+least|more\s+than|over|nearly|almost|about|some)\s+)?{_NUM}"
    r"(?=\s+(?:in|at)\s)",
    re.IGNORECASE,
)
#: Before a count, words that make it an earlier figure, no count of now:
#: "Kisumu has 45 cases, *down from* 60 cases", "*rose* to 45 *from* 30 cases".
_EARLIER = re.compile(
    r"(?P<cue>\b(?:up|down)\s+from|\b(?:rose|risen|rising|rises|fell|fallen|falling|"
    r"climbed|jumped|increased|decreased|dropped|grew|grown)\b[^.;]{0,60}?\bfrom|"
    r"\bcompared\s+(?:with|to))\s+(?:(?:the|a)\s+)?$",
    re.IGNORECASE,
)
#: Words that make a count of people one of the ill or dead.
_ILL = re.compile(
    r"\b(?:died|dead|deaths?|killed|ill|sick|sickened|infected|hospitali[sz]ed|"
    r"admitted|diagnosed|tested\s+positive|fell\s+ill|symptoms|poisoned|"
    r"succumbed|cases?|(?:in|into|to)\s+(?:the\s+)?hospital)\b",
    re.IGNORECASE,
)
#: Words of death: a count of them (or of people who died) is of deaths.
_DEATH = re.compile(
    r"\b(?:died|dead|deaths?|killed|fatalities|fatal|succumbed)\b", re.IGNORECASE
)
#: Words just before a count that negate it: "has not reported 30 cases" (not
#: "no fewer than 30").
_NEGATED = re.compile(
    r"\b(?:no|not|zero|never)\s+(?!(?:fewer|less|more|only|just)\b)(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
#: A modal of the past before a count: a hedge, not a count to come ("Cholera
#: may have killed 45 people").
_MAY_HAVE = re.compile(
    r"\b(?:may|might|could)\s+(?:well\s+|also\s+|already\s+)?have\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
#: Words just before a count that make it one to come or a bound: "could reach
#: 500 cases", "is expected to pass 300".
_TO_COME = re.compile(
    r"\b(?:could|(?-i:may)|might|would|will|expected\s+to|projected|forecast|"
    r"estimate[sd]?\s+that\s+as\s+many\s+as|up\s+to)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
#: A denial of the report that holds the count: "denied reports of 30 cases",
#: "dismissed claims that 30 people had died", "denied that 30 people died".
_DENIED = re.compile(
    r"\b(?P<cue>(?:den(?:y|ies|ied|ying)|dismiss(?:es|ed|ing)?|reject(?:s|ed|ing)?|"
    r"refut(?:es|ed|ing)|disput(?:es|ed|ing)|debunk(?:s|ed|ing)?|"
    r"contradict(?:s|ed|ing)?|rul(?:es|ed|ing)\s+out)\s+"
    r"(?:(?:the|a|an|any|earlier|initial|media|press|local|online|unconfirmed|"
    r"social\s+media)\s+)*"
    r"(?:(?:reports?|claims?|rumou?rs?|allegations?|suggestions?|figures?|"
    r"accounts?|stories)\s+(?:of|that)|that))\b"
    # up to the count, in the denial's clause: not "..., but 45 cases were
    # confirmed in Kisumu"
    r"(?:(?!,\s*and\b|,?\s+(?:but|while|whereas|although|though)\b)[^.;]){0,80}$",
    re.IGNORECASE,
)
#: A report of the count before it, called untrue after it: "Reports of 30
#: cases in Homa Bay were false".
_REPORT_OF = re.compile(
    r"\b(?:reports?|claims?|rumou?rs?|figures?|allegations?)\s+(?:of|that)\s+"
    r"[^.;]{0,20}$",
    re.IGNORECASE,
)
_UNTRUE = re.compile(
    r"[^.;]{0,80}?\b(?P<cue>(?:was|were|is|are|proved?|proven|turned\s+out\s+to\s+"
    r"be|ha(?:ve|s)\s+been)\s+(?:\w+\s+)?(?:false|untrue|unfounded|baseless|"
    r"groundless|wrong|incorrect|inaccurate|exaggerated|denied))\b",
    re.IGNORECASE,
)
#: Between the count's noun and its town: "... in", "... at", within a clause.
_TO_PLACE = re.compile(
    r"^[^.;:()\d]{0,60}?\b(?:in|at|across|around|near)\s+(?:the\s+)?"
    r"(?:(?:town|city|village|district|county|area|region)\s+of\s+)?$",
    re.IGNORECASE,
)
#: A count of a part between a total and a town: "Two children have died, *one
#: in* Cluj-Napoca": the town is the part's, not the total's.
_PART = re.compile(rf"\b(?:{_NUM_WORDS})\s+(?:in|at)\b", re.IGNORECASE)
#: A time after a town, before the list goes on: "in Hyderabad *since November
#: 2016*, with a further 52 in Karachi".
_TIME = (
    r"(?:\s+(?:since|by|as\s+of|until|during|over|on|this|last|so\s+far)\b"
    r"[^,;.()]{0,30})?"
)
#: How the items of a list are joined, and what may open the next: ", and",
#: "; ", ", with a further", "and another".
_JOIN = (
    r"\s*(?:,\s*(?:and\s+|with\s+|while\s+|plus\s+)?|\s+(?:and|with|plus|while)\s+"
    r"|;\s*)(?:(?:a|an)\s+)?(?:(?:further|another|additional)\s+)?"
)
#: "..., 12 in Kisumu and seven in Siaya": the next item of a list of counts.
_BEFORE_NEXT = (
    # the town's word, a bracket, an aside or a time may come first: "Siaya
    # County and 12 in Kisumu", "Kisumu (12 deaths), 30 in Siaya", "Kisumu, 12
    # of them children, and seven in Homa Bay"
    r"(?:\s+(?:county|district|sub-county|municipality|city|town|province))?"
    r"(?:\s*\([^()]{0,40}\))?(?:,\s*[^,;.]{0,30}\bof\s+(?:them|whom)\b[^,;.]{0,30})?"
    # an earlier figure, no count of now: "Kisumu, up from 30 last week, and",
    # "in Garissa from 30 a week earlier, and to 12 in Wajir"
    rf"(?:,?\s+(?:(?:up|down)\s+)?from\s+(?:{_DIGITS}|{_NUM_WORDS})\b[^,;.()\d]{{0,30}})?"
    rf"{_TIME}{_JOIN}"
)
_NEXT = re.compile(
    rf"{_BEFORE_NEXT}(?:to\s+)?{_NUM}\s+(?:more\s+|others?\s+)?"
    r"(?:(?:cases?|deaths?)\s+)?(?:(?:are|were)\s+)?(?:in|at)\s+",
    re.IGNORECASE,
)
#: "..., and Siaya reported 12": the next item of a list, a town that reports
#: its count (:data:`_REPORTED` after its name).
_NEXT_TOWN = re.compile(rf"{_BEFORE_NEXT}(?=(?-i:[A-Z]))", re.IGNORECASE)
#: A total's first part: "Two children have died, *one in* Cluj-Napoca".
_FIRST_PART = re.compile(
    rf"[^.;:()\d]{{0,60}}?(?:,\s*|:\s*|\s+and\s+)(?:including\s+)?{_NUM}\s+"
    r"(?:(?:cases?|deaths?)\s+)?(?:(?:are|were|is|was)\s+)?(?:in|at)\s+",
    re.IGNORECASE,
)
#: Between the items of a list: ", ", ", and ", " and ", "; ".
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|;\s*)")
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|"
    "November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|"
    "Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Week|Phase|Level|Route|"
    "Highway|Interstate|Room|Ward|Bed|Table|Figure|Chapter|Article|Section"
)
#: A town's name as written: capitalised words, joined by "de", "upon", ...
_NAME = re.compile(
    rf"(?<![\w'’-])(?!(?:{_MONTHS})\b)[A-Z][\w'’-]*"
    r"(?:[ \t]+(?:(?:de|del|da|do|dos|la|le|el|of|upon|on|am|an|der|sur)[ \t]+)?"
    r"[A-Z][\w'’-]*){0,3}"
)
_DIVISION = (
    r"(?:\s+(?:county|district|sub-county|municipality|province|region|"
    r"governorate|oblast|state|city|town))?"
)
#: A count right after its town: "Homa Bay *7*", "Beira *(410)*", "Cluj *(310
#: cases)*", "Siaya County *12*"; not "Kisumu 20 km away", a share, a range or a
#: decimal.
_AFTER_TOWN = re.compile(
    rf"{_DIVISION}(?:\s*\(\s*(?P<pnum>{_DIGITS})(?:\s+(?:new\s+|confirmed\s+|"
    rf"suspected\s+)?(?P<pnoun>{_CASE_NOUNS}))?(?:[,;][^()]{{0,30}})?\s*\)"
    rf"|\s+(?P<bnum>{_DIGITS})\b(?![.,]\d|\s*[-–]\s*\d)(?!\s*(?:%|per\s*cent|percent|"
    r"km|kilometres?|kilometers?|miles?|years?|metres?|meters?|m\b|kg|am\b|pm\b|"
    r"people\s+live))"
    rf"(?:\s+(?:new\s+)?(?P<bnoun>{_CASE_NOUNS})\b)?)",
    re.IGNORECASE,
)
#: What makes deaths an outbreak's, somewhere in the report.
_DISEASE = re.compile(
    r"\b(?:cholera|ebola|measles|influenza|flu|virus|viral|outbreak|epidemic|"
    r"pandemic|disease|infections?|infected|covid|coronavirus|sars|mers|h[1-9]n[1-9]|"
    r"malaria|dengue|typhoid|meningitis|plague|anthrax|hepatitis|polio|mpox|"
    r"monkeypox|zika|yellow\s+fever|legionnaires|salmonella|e\.\s?coli|listeria|"
    r"tuberculosis|pneumonia|diphtheria|pertussis|whooping|rabies|lassa|marburg|"
    r"chikungunya|diarrho?ea|dysentery|food\s+poisoning|poisoning|tested\s+positive|"
    r"symptoms|illness)\b",
    re.IGNORECASE,
)
#: In a sentence, words of cases: what a list of counts after towns counts.
_OF_CASES = re.compile(
    r"\b(?:cases?|infections?|infected|deaths?|died|dead|fatalities|patients|ill|"
    r"sick|sickened|affected|hospitali[sz]ed)\b",
    re.IGNORECASE,
)
#: In the sentence, what makes deaths no outbreak's: a disaster, an accident,
#: violence.
_NOT_DISEASE = re.compile(
    r"\b(?:floods?|flooding|earthquake|quake|tsunami|landslides?|mudslides?|storm|"
    r"cyclone|hurricane|typhoon|tornado|heat\s*wave|fire|blaze|explosion|blast|"
    r"bomb\w*|attack\w*|clashes|violence|fighting|shooting|gunmen|crash\w*|"
    r"collision|accident|derail\w*|collapse\w*|stampede|drown\w*|war|conflict)\b",
    re.IGNORECASE,
)
#: A sentence that opens with its town reporting the count: "Kisumu reported".
_REPORTS = re.compile(
    r"^\s*(?:(?:district|county|town|city|area|region|authorities|officials|"
    r"hospitals?|health\s+officials)\s+)?"
    r"(?:has|have|had)?\s*(?:now\s+)?(?:reported|confirmed|recorded|"
    r"registered|counted|has|had|saw|logged)\b",
    re.IGNORECASE,
)

#: After a town of a list, its count as it reports it: "and Siaya* reported 12*",
#: "and Wajir County* has recorded 12 deaths*"; the count ends its clause.
_REPORTED = re.compile(
    r"(?:\s+(?:county|district|sub-county|municipality|city|town|province))?\s+"
    r"(?:(?:has|have|had)\s+)?(?:(?:now|also|so\s+far)\s+)?(?:reported|confirmed|"
    r"recorded|registered|logged|counted|has|had|saw)\s+(?:(?:a\s+further|another|"
    rf"at\s+least|more\s+than|nearly|almost|about|some)\s+)?{_NUM}"
    rf"(?:\s+{_ADJ}(?P<noun>{_CASE_NOUNS})\b)?"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:and|on|this|last|so\s+far|since|by|while|with|over|"
    r"during|in\s+the)\b)",
    re.IGNORECASE,
)
#: Between a town and a count of its relative clause: "Wajir*, where* 200 people
#: have fallen ill", "Wajir County*, where officials have confirmed* 45 cases".
_WHERE = re.compile(
    r"(?:\s+(?:county|district|sub-county|municipality|city|town|province))?"
    r"\s*,\s*where\s+(?:[A-Za-z'-]+\s+){0,3}",
    re.IGNORECASE,
)

#: Between a town and its count in brackets: "Siaya *(*5 deaths)".
_BRACKET = re.compile(r"\s*\(\s*")

#: Nouns that are of the ill by themselves: a count of them needs no illness word.
_ILL_BY_NAME = frozenset({"case", "cases", "infection", "infections", "patients"})
#: Those, and the dead: a count of people needs an illness word beside it.
_CASE_WORDS = _ILL_BY_NAME | {"death", "deaths", "fatalities"}


@dataclass(frozen=True, slots=True)
class _Counted:
    """A town as one count gives it: the mention, and how sure the count is.

    Stands for the mention in ``ex.cases`` (it has what a mention has), so that
    :func:`finish_cases` knows each count's hedge and whether it counts deaths.
    """

    mention: MentionLike
    hedge: Hedge = "certain"
    cue: str | None = None
    note: str = ""
    what: str = "cases"
    #: The spans of its sentence that may not date the count: other clauses, and
    #: numbers read as counts (:func:`_other_clauses`).
    skip: tuple[tuple[int, int], ...] = ()

    @property
    def text(self) -> str:
        return self.mention.text

    @property
    def start(self) -> int:
        return self.mention.start

    @property
    def end(self) -> int:
        return self.mention.end

    @property
    def name(self) -> str | None:
        return self.mention.name

    @property
    def lon(self) -> float:
        return self.mention.lon

    @property
    def lat(self) -> float:
        return self.mention.lat

    @property
    def confidence(self) -> float:
        return self.mention.confidence

    @property
    def place(self) -> Any:
        return self.mention.place


@dataclass(slots=True)
class _Item:
    """One town of a list of counts: its count, its name's span, its place."""

    count: int
    start: int
    end: int
    town: MentionLike | None
    what: str
    #: Where the item ends (its count after the town, or the town).
    stop: int
    #: Where its number is written.
    num: tuple[int, int]
    #: Whether the number, in the town's brackets, may be a year ("Busia
    #: (1999)"), with no noun of cases after it: a count only in a list of counts.
    year: bool = False


def _many(count: int, what: str) -> str:
    """``count`` of ``what`` ("cases" or "deaths"), singular for one: "1 case"."""
    return f"{count:,} {what[:-1] if count == 1 else what}"


def _number(text: str) -> int:
    t = text.lower().replace(",", "")
    return int(t) if t.isdigit() else _WORDS[t]


@dataclass(frozen=True, slots=True)
class _Count:
    """A count of a sentence: its words, number and noun (offsets in ``s.text``)."""

    #: Where the count begins ("at least 45 cases"; "45" of "cases rose to 45").
    start: int
    end: int
    num: str
    #: Where the number is.
    num_at: tuple[int, int]
    noun: str
    words: str


def _counts(text: str) -> list[_Count]:
    """The counts of a sentence's ``text``, in order: "45 cases", "cases rose to 45"."""
    out = [
        _Count(m.start(), m.end(), m.group("num"), m.span("num"), m.group("noun"),
               m.group(0))
        for m in [*_COUNT.finditer(text), *_SHARE.finditer(text)]
    ] + [
        _Count(m.start("num"), m.end(), m.group("num"), m.span("num"),
               m.group("noun"), m.group(0))
        for m in _RISE.finditer(text)
    ]  # fmt: skip
    return sorted(out, key=lambda c: c.start)


@functools.lru_cache(maxsize=16)
def _names_a_disease(text: str) -> bool:
    """Whether ``text`` names a disease or an outbreak (asked once per sentence)."""
    return _DISEASE.search(text) is not None


def find_cases(ex: _Extractor, s: Sentence) -> None:
    """Note the case counts of ``s`` and their towns (``ex.cases``).

    Only for a document read for no person; :func:`finish_cases` builds the
    event set once the walk is over. Counts set aside (negated, denied, to come,
    of no town, an earlier figure) are noted in ``ex.rejected`` with the reason.
    """
    if ex.target is not None and not ex.target.inferred:
        return  # a person given: no outbreak reading
    if not _names_a_disease(ex.text):
        return  # no disease named: no outbreak
    places = [
        m for m in s.places if resolved(m) and getattr(m, "role", "place") == "place"
    ]
    if not places:
        return
    if ex.target is not None:
        # a person sought: no case counts; but where that person was only
        # inferred (the one the report names most), say so, never silently
        if ex.target.inferred:
            count = next(
                (
                    m
                    for m in _counts(s.text)
                    if (m.noun.lower() in _CASE_WORDS or _ILL.search(s.text))
                    and not _a_year(m.num)
                ),
                None,
            )
            if count is not None:
                ex.reject(
                    "not_target",
                    f"{count.words!r}: a case count not read: the report is read "
                    f"for {ex.target.name!r}, the person it names most often (no "
                    "target given), and case counts are read only from a report "
                    "read for no one",
                    (s.span[0] + count.start, s.span[0] + count.end),
                )
        return
    sure = _how_sure(ex, s)
    done: list[tuple[int, int]] = []  # the spans of the counts and lists read
    groups: list[_Group] = []
    pending: list[tuple[str, tuple[int, int]]] = []  # counts of no town
    for m in _counts(s.text):
        a, at = s.span[0] + m.start, s.span[0] + m.end
        if any(x <= a < y for x, y in done):
            continue  # a count of a list read already ("(12 deaths)")
        noun = m.noun.lower()
        if noun not in _CASE_WORDS and not _ILL.search(s.text):
            continue  # "20 people attended": no one ill
        num = m.num
        if _a_year(num):
            continue  # "the 2017 cases": a year
        if noun not in _ILL_BY_NAME:
            disaster = _NOT_DISEASE.search(s.text)
            if disaster is not None:
                ex.reject(
                    "not_target",
                    f"{m.words!r}: deaths or harm not said to be from a disease "
                    f"({disaster.group(0)!r}), no case of the outbreak",
                    (a, at),
                )
                continue
        earlier = _EARLIER.search(ex.text, s.span[0], a)
        if earlier is not None:
            ex.reject(
                "not_target",
                f"{m.words!r}: an earlier figure ({earlier.group('cue')!r}), no "
                "count of now",
                (a, at),
            )
            continue
        what = _what(ex.text, s, a, at, noun)
        place = _place_after(ex.text, at, places) or _reporting_place(
            ex.text, a, places
        )
        num_at = (s.span[0] + m.num_at[0], s.span[0] + m.num_at[1])
        items: list[_Item] = []
        parts = False  # the count is a total, and its parts are read
        if place is not None:
            end = max(place.end, at)
            items.append(
                _Item(_number(num), place.start, place.end, place, what, end, num_at)
            )
        else:
            # "Two children have died, one in Cluj-Napoca and one in Iasi": the
            # parts of a total
            end = at
            first = _FIRST_PART.match(ex.text, at, s.span[1])
            if first is not None:
                part = _item_named(ex, first.end(), s.span[1], places, first, what)
                if part is not None:
                    items.append(part)
                    end = part.stop
                    parts = True
        # "45 people dead in Nyanza, 12 in Kisumu and seven in Siaya"; "Katwa has
        # recorded 512 cases, Beni 339 and Butembo 133" (Katwa unknown); "Hamburg
        # has reported 117 cases, Lower Saxony 62"
        items += _list_after(ex, s, end, places, what)
        _look_up(ex, items, places)
        stop = max([at, *(i.stop for i in items)])
        done.append((a, stop))
        if not items:
            pending.append((m.words, (a, at)))
            continue
        if place is None and not parts:
            # "Katwa has recorded 512 cases, Beni 339": the list is read, and
            # the count of the name before it is said to be left out
            who = _reporter(ex.text, s, a)
            ex.reject(
                "unresolved" if who else "no_place",
                (f"{who!r} reports {m.words!r}, but is no place found in the text"
                 if who else f"{m.words!r}: no town of the sentence is given this "
                 "count")
                + "; the counts listed after it are read",
                (a, at),
            )  # fmt: skip
        groups.append(_Group(items, (a, at), (a, stop), a if place else None))
    groups += _town_lists(ex, s, places, done)
    for words, span in pending:
        if not any(x <= span[0] < y for g in groups for x, y in [g.span]):
            ex.reject(
                "no_place",
                f"{words!r}: no town of the sentence is given this count (a total, "
                "or a wording not read)",
                span,
            )
    uncounted = _uncounted(ex, s, places, groups)
    numbers = [i.num for g in groups for i in g.items]
    for g in groups:
        if uncounted is not None:
            p, said = uncounted
            for i in g.items:
                name = label(i.town) if i.town is not None else ex.text[i.start : i.end]
                ex.reject(
                    "no_place",
                    f"{_many(i.count, i.what)} at {name!r}: the sentence gives "
                    f"{label(p)!r} cases but no count ({said!r}), so its towns and "
                    "counts cannot be paired soundly (those given alone would point "
                    "away from it)",
                    (i.start, i.end),
                )
            continue
        # the counts' date is of their own clause, and no number read as a count
        # is one ("Busia (1999)")
        skip = (*_other_clauses(ex.text, s, g.count[0], g.span[1]), *numbers)
        _note_items(ex, s, g.items, *g.count, sure, count_at=g.count_at, skip=skip)


@dataclass(slots=True)
class _Group:
    """The items of one count and its list, or of one list of towns and counts."""

    items: list[_Item]
    #: Where the count (or the list's first item) is: what is said before it,
    #: and after, may set it aside.
    count: tuple[int, int]
    #: The whole of it in the text.
    span: tuple[int, int]
    #: Where the first item's count is, when it comes before its town.
    count_at: int | None


#: Before a town, words that give it cases without a count: "Most of the *cases
#: live in* Lorca".
_CASES_IN = re.compile(
    r"\b(?:cases|patients|deaths|infections|infected|ill|sick)\b[^.;:()\d]{0,40}"
    r"\b(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _uncounted(
    ex: _Extractor, s: Sentence, places: list[MentionLike], groups: list[_Group]
) -> tuple[MentionLike, str] | None:
    """A town that ``s`` gives cases but no count, beside towns with counts.

    "Most of the cases live in Lorca, with smaller numbers in Totana (4) and
    Alhama de Murcia (2)": the counts given would make the place with most
    cases the least likely. Returns the town and the words, or None. Not a
    division or a country (too coarse, and holding the towns), nor the
    speaker's words.
    """
    if not groups:
        return None
    taken = {i.town.start for g in groups for i in g.items if i.town is not None}
    for p in places:
        if (
            p.start in taken
            or not _fine_enough(p)
            or any(a < p.end and p.start < b for a, b in s.attr.excluded)
        ):
            continue
        said = _CASES_IN.search(ex.text, s.span[0], p.start)
        if said is not None:
            return p, ex.text[said.start() : p.end]
    return None


def _what(text: str, s: Sentence, a: int, at: int, noun: str) -> str:
    """Whether the count at ``a:at`` is of "deaths" or of "cases" (for the notes).

    Its noun ("deaths", "cases"), else a word of death just before or after it,
    up to the next number: "Cholera has *killed* 45 people", "Two women *died*
    in Lower Saxony"; not "80,000 people have been infected and 3,759 died".
    """
    if noun in ("death", "deaths", "fatalities"):
        return "deaths"
    if noun in _ILL_BY_NAME:
        return "cases"
    before = re.split(r"\d", text[s.span[0] : a])[-1][-40:]
    after = re.split(r"\d", text[at : s.span[1]])[0][:60]
    return "deaths" if _DEATH.search(before) or _DEATH.search(after) else "cases"


def _how_sure(ex: _Extractor, s: Sentence) -> tuple[Hedge, str | None, str]:
    """The hedge of the counts of ``s``, its cue, and a note of a denial of ``s``.

    Read as for every item from the sentence less its speaker, less the count
    phrases ("12 *suspected* cases" is a kind of case, not a hedge); one level
    less sure where another party denies the sentence
    (:func:`~geosleuth.read._sentence.disputed`).
    """
    chars = list(hedge_text(s))
    for m in _counts(s.text):
        chars[m.start : m.end] = " " * (m.end - m.start)
    hedge, cue = hedge_of("".join(chars))
    hedge, dnote = disputed(s, hedge, ex.text)
    return hedge, cue, dnote


def _set_aside(
    ex: _Extractor, s: Sentence, start: int, end: int
) -> tuple[Literal["negated", "conditional"], str] | None:
    """Why the count at ``start:end`` is no count of cases that happened, or None.

    Returns the reason (``negated`` or ``conditional``) and the words that say so.
    """
    before = ex.text[s.span[0] : start]
    denied = _DENIED.search(before)
    if denied is not None:
        return "negated", f"denied ({denied.group('cue')!r})"
    if _REPORT_OF.search(before):
        untrue = _UNTRUE.match(ex.text, end, s.span[1])
        if untrue is not None:
            return "negated", f"called untrue ({untrue.group('cue')!r})"
    if _MAY_HAVE.search(before):
        return None  # "may have killed 45 people": hedged, not to come
    neg = _NEGATED.search(before)
    if neg is not None:
        return "negated", f"negated ({neg.group(0).strip()!r})"
    to_come = _TO_COME.search(before)
    if to_come is not None:
        return "conditional", (
            f"to come, or a bound ({to_come.group(0).strip()!r}), not cases that "
            "happened"
        )
    return None


def _note_items(
    ex: _Extractor,
    s: Sentence,
    items: list[_Item],
    start: int,
    end: int,
    sure: tuple[Hedge, str | None, str],
    *,
    count_at: int | None = None,
    skip: tuple[tuple[int, int], ...] = (),
) -> None:
    """Note the towns and counts of ``items``, or set them aside, with reasons.

    ``start:end`` is where the count (or the list) begins, for what is said
    before it; a count of a list's own item is placed at its town. A date
    within the spans ``skip`` is none of the counts' (:func:`_other_clauses`).
    """
    why = _set_aside(ex, s, start, end)
    for item in items:
        name = (
            label(item.town)
            if item.town is not None
            else ex.text[item.start : item.end]
        )
        if why is not None:
            reason, words = why
            ex.reject(
                reason,
                f"{_many(item.count, item.what)} at {name!r}: {words}",
                (item.start, item.end),
            )
            continue
        if item.town is None:
            ex.reject(
                "unresolved",
                f"{name!r} has {_many(item.count, item.what)}, but is no place "
                "found in the gazetteer among the places of the country of the "
                "other towns listed",
                (item.start, item.end),
            )
            continue
        hedge, cue, dnote = sure
        town = _Counted(item.town, hedge, cue, dnote, item.what, skip)
        at = count_at if count_at is not None and item is items[0] else item.start
        _note(ex, s, town, item.count, at)


def _place_after(text: str, at: int, places: list[MentionLike]) -> MentionLike | None:
    """The first place after ``at`` with "in", "at", ... before it, in its clause.

    Not past the count of a part ("Two children have died, one in Cluj-Napoca":
    Cluj-Napoca is the part's).
    """
    for p in places:
        if p.start >= at and _TO_PLACE.match(text[at : p.start]):
            return None if _PART.search(text, at, p.start) else p
    return None


def _reporting_place(
    text: str, at: int, places: list[MentionLike]
) -> MentionLike | None:
    """The place that reports the count at ``at``, named just before it.

    "Kisumu reported 30 new cases", "..., and Migori has 12 suspected cases",
    "the Kisumu district recorded 30"; or whose relative clause gives the count:
    "..., and 12 in Wajir, where 200 people have fallen ill".
    """
    before = [p for p in places if p.end <= at and at - p.end <= 50]
    if not before:
        return None
    last = max(before, key=lambda p: p.start)
    between = text[last.end : at]
    # "Siaya (5 deaths)": a count in brackets after its town
    if (
        _REPORTS.match(between)
        or _BRACKET.fullmatch(between)
        or _WHERE.fullmatch(between)
    ):
        return last
    return None


def _reporter(text: str, s: Sentence, at: int) -> str | None:
    """The name that reports the count at ``at``, just before it, or None.

    "Katwa has recorded 512 cases": for a count whose reporter is no place found.
    """
    for name in _NAME.finditer(text, max(s.span[0], at - 80), at):
        if at - name.end() <= 50 and _REPORTS.match(text[name.end() : at]):
            return name.group(0)
    return None


def _mention_at(
    places: list[MentionLike], start: int, end: int | None = None
) -> MentionLike | None:
    """The longest resolved place that begins at ``start`` (and ends by ``end``)."""
    found = [p for p in places if p.start == start and (end is None or p.end <= end)]
    return max(found, key=lambda p: p.end) if found else None


def _item_named(
    ex: _Extractor,
    start: int,
    stop: int,
    places: list[MentionLike],
    count: re.Match[str],
    what: str,
) -> _Item | None:
    """The item of ``count`` ("12 in") whose town's name begins at ``start``.

    After "in the": the place "The Plains" or "the Bronx" may begin with it.
    """
    town = _mention_at(places, start)
    the = re.match(r"the\s+", ex.text[start:stop], re.IGNORECASE)
    if town is None and the is not None:
        start += the.end()
        town = _mention_at(places, start)
    if town is not None:
        end = town.end
    else:
        name = _NAME.match(ex.text, start, stop)
        if name is None:
            return None
        end = _name_end(ex.text, name)
    num = count.span("num")
    return _Item(_number(count.group("num")), start, end, town, what, end, num)


def _town_reports(
    ex: _Extractor, start: int, stop: int, places: list[MentionLike], what: str
) -> _Item | None:
    """The "Siaya reported 12" item whose town's name begins at ``start``, or None.

    The next item of a list: "Kisumu reported 45 new cases and *Siaya reported
    12*", "... and *Wajir County has recorded 12 deaths*"; its noun, if any, says
    whether it counts cases or deaths, else it counts what the list does.
    """
    town = _mention_at(places, start)
    if town is not None:
        end = town.end
    else:
        name = _NAME.match(ex.text, start, stop)
        if name is None:
            return None
        end = _name_end(ex.text, name)
    said = _REPORTED.match(ex.text, end, stop)
    if said is None:
        return None
    num, noun = said.group("num"), (said.group("noun") or "").lower()
    if _a_year(num) and not noun:
        return None  # "and Siaya reported 2019 ...": no count
    if noun:
        what = "deaths" if noun.startswith(("death", "fatal")) else "cases"
    return _Item(_number(num), start, end, town, what, said.end(), said.span("num"))


#: A division's word that ends a name: "Siaya *County*".
_DIVISION_WORD = re.compile(
    r"[ \t]+(?:County|District|Province|Region|Municipality|City|Town)$"
)


def _name_end(text: str, name: re.Match[str]) -> int:
    """The end of a town's name, less a division's word ("Siaya County")."""
    division = _DIVISION_WORD.search(name.group(0))
    return name.end() - (len(division.group(0)) if division else 0)


def _town_count(
    ex: _Extractor, start: int, stop: int, places: list[MentionLike]
) -> _Item | None:
    """The "Town N" or "Town (N)" item whose town begins at ``start``, or None.

    A number in the town's brackets that may be a year ("Busia (1999)") gives an
    item marked ``year``: the list it is in decides whether it is a count. One
    without brackets ("Homa Bay 2018") is a year, and gives None.
    """
    town = _mention_at(places, start)
    if town is not None:
        end = town.end
    else:
        name = _NAME.match(ex.text, start, stop)
        if name is None:
            return None
        end = name.end()
        # "In Kisumu (45)": a place found at the name's end is the town
        inner = [p for p in places if start < p.start and p.end == end]
        if inner:
            town = min(inner, key=lambda p: p.start)
            start = town.start
    after = _AFTER_TOWN.match(ex.text, end, stop)
    if after is None and town is None:
        # "Homa Bay County 7": the name's last word was the division's
        name = _NAME.match(ex.text, start, stop)
        assert name is not None
        end = _name_end(ex.text, name)
        after = _AFTER_TOWN.match(ex.text, end, stop) if end < name.end() else None
    if after is None:
        return None
    group = "pnum" if after.group("pnum") else "bnum"
    num = after.group(group)
    noun = (after.group("pnoun") or after.group("bnoun") or "").lower()
    what = "deaths" if noun.startswith(("death", "fatal")) else "cases"
    year = _a_year(num) and not noun
    if year and group == "bnum":
        return None  # "Homa Bay 2018": a year
    return _Item(
        _number(num), start, end, town, what, after.end(), after.span(group), year
    )


def _list_after(
    ex: _Extractor, s: Sentence, end: int, places: list[MentionLike], what: str
) -> list[_Item]:
    """The items of the list of counts that goes on at ``end``, in order.

    "..., 12 in Kisumu and seven in Siaya" or "..., Beni 339 and Butembo 133";
    a division that qualifies the town before is passed ("Hyderabad, Sindh, with
    a further 52 in Karachi"). The towns that the reading of places left out
    are looked up (:func:`_look_up`).
    """
    stop = s.span[1]
    items: list[_Item] = []
    while True:
        end = _past_qualifier(ex.text, end, stop, places)
        n = _NEXT.match(ex.text, end, stop)
        item = None
        if n is not None:
            item = _item_named(ex, n.end(), stop, places, n, what)
        if item is None:
            gap = _LIST_GAP.match(ex.text, end, stop)
            if gap is not None:
                # in a list of counts, "Busia (1999)" is a count too
                item = _town_count(ex, gap.end(), stop, places)
        if item is None:
            # "Kisumu reported 45 new cases and Siaya reported 12"
            nt = _NEXT_TOWN.match(ex.text, end, stop)
            if nt is not None:
                item = _town_reports(ex, nt.end(), stop, places, what)
        if item is None:
            break
        items.append(item)
        end = item.stop
    return items


def _past_qualifier(text: str, end: int, stop: int, places: list[MentionLike]) -> int:
    """``end`` moved past ", Sindh", a division that qualifies the town before.

    A division or a country right after the town, with no count of its own.
    """
    q = min((p for p in places if p.start >= end), key=lambda p: p.start, default=None)
    if (
        q is None
        or q.start >= stop
        or not re.fullmatch(r",\s*", text[end : q.start])
        or kind_of(q) not in ("admin", "country", "region")
        or not re.match(r"\s*(?:[,;.]|$)", text[q.end : stop])
    ):
        return end
    return q.end


def _look_up(ex: _Extractor, items: list[_Item], places: list[MentionLike]) -> None:
    """Give a place to each item whose name the reading of places left out.

    The tagger takes a town of a list for a person now and then ("Siaya (12) and
    Homa Bay (7)", "Timis (204)"): such a name is looked up in the gazetteer
    (:func:`~geosleuth.read.toponyms.resolve_toponyms`, with the document's
    places as context), and kept only where it is a place of that very name
    in a country of the list's other towns (or, with none, the sentence's).
    """
    todo = [i for i in items if i.town is None]
    if not todo:
        return
    from geosleuth.gazetteer import Gazetteer
    from geosleuth.read.toponyms import resolve_toponyms

    near = [i.town for i in items if i.town is not None] or places
    countries = {getattr(p.place, "country", None) for p in near} - {None}
    if not countries:
        return
    gaz = ex.gazetteer if ex.gazetteer is not None else Gazetteer.default()
    context = sorted(
        {
            (m.start, m.end)
            for m in ex.mentions
            if resolved(m)
            and getattr(m, "role", "place") == "place"
            and kind_of(m) != "point"  # written coordinates: no name to weigh
        }
    )
    for item in todo:
        surface = ex.text[item.start : item.end]
        exact = {
            (gaz.place(p).name, gaz.place(p).lon, gaz.place(p).lat)
            for p, w in gaz.match_ids(surface)
            if w >= 1.0 and gaz.country_code(p) in countries
        }
        if not exact:
            continue
        spans = [x for x in context if x != (item.start, item.end)]
        got = resolve_toponyms(
            ex.text, [*spans, (item.start, item.end)], gazetteer=gaz
        )[-1]
        if resolved(got) and (got.name, got.lon, got.lat) in exact:
            item.town = got


def _town_lists(
    ex: _Extractor,
    s: Sentence,
    places: list[MentionLike],
    done: list[tuple[int, int]],
) -> list[_Group]:
    """The lists of towns each with its count after it, in ``s``.

    "Cases have been confirmed in Kisumu (45), Siaya (12) and Homa Bay (7)",
    "Cholera cases by county: Kisumu 45, Siaya 12, Homa Bay 7": two items or
    more, in a sentence that speaks of cases, one of them a place found in the
    text. Items of lists read already (``done``) are not read again.
    """
    if not _OF_CASES.search(s.text):
        return []
    out: list[_Group] = []
    stop = s.span[1]
    k = s.span[0]
    while True:
        name = _NAME.search(ex.text, k, stop)
        if name is None:
            return out
        k = name.end()
        if any(x <= name.start() < y for x, y in done):
            continue
        first = _town_count(ex, name.start(), stop, places)
        if first is None or (first.year and first.town is None):
            continue  # a year first, but in a found town's brackets
        items = [first]
        end = first.stop
        while True:
            end = _past_qualifier(ex.text, end, stop, places)
            gap = _LIST_GAP.match(ex.text, end, stop)
            item = _town_count(ex, gap.end(), stop, places) if gap else None
            if item is None:
                break
            items.append(item)
            end = item.stop
        k = max(k, end)
        if (
            len(items) < 2
            or all(i.town is None for i in items)
            or all(i.year for i in items)
        ):
            # "Route 66", a person's age "(45)": no list of towns; "Kisumu (1999)
            # and Siaya (2005)": years, no counts
            continue
        _look_up(ex, items, places)
        _aside_after(ex, end, stop, places)
        done.append((first.start, end))
        out.append(_Group(items, (first.start, first.stop), (first.start, end), None))


#: After a town, an aside and then a count in brackets: "Mandera*, some 350 km
#: away (7)*".
_ASIDE_BRACKET = re.compile(
    rf",\s*(?P<aside>[^,;.()]{{1,40}}?)\s*\(\s*(?P<num>{_DIGITS})\s*\)"
)


def _aside_after(
    ex: _Extractor, end: int, stop: int, places: list[MentionLike]
) -> None:
    """Say that the town after a list, its count past an aside, is left out.

    "Cases have been reported in Garissa (45), Wajir (12) and Mandera, some 350
    km away (7)": the list ends at Wajir; the bracket after the aside may be
    Mandera's count, or of a place of the aside, and is not paired soundly.
    """
    gap = _LIST_GAP.match(ex.text, end, stop)
    if gap is None:
        return
    town = _mention_at(places, gap.end())
    if town is not None:
        name_end = town.end
    else:
        name = _NAME.match(ex.text, gap.end(), stop)
        if name is None:
            return
        name_end = name.end()
    aside = _ASIDE_BRACKET.match(ex.text, name_end, stop)
    if aside is None or any(name_end < p.start < aside.end() for p in places):
        return
    who = label(town) if town is not None else ex.text[gap.end() : name_end]
    ex.reject(
        "no_place",
        f"{who!r} is listed with a count in brackets after an aside "
        f"({ex.text[name_end : aside.end()].strip(', ')!r}): the count is not "
        "paired with the town soundly, so it is left out",
        (gap.end(), aside.end()),
    )


def _count_lists(text: str) -> list[list[tuple[int, int]]]:
    """The lists of towns each with its count after it, by the text alone.

    Each list is the spans of its names, two or more: "Kisumu (45), Siaya (12)
    and Homa Bay (7)", "Kisumu 45, Siaya 12". For
    :func:`~geosleuth.read.target.infer_target`: a name of such a list with a
    place in it is a town, not a person, whatever the tagger says.

    Examples
    --------
    >>> t = "Cases: Kisumu (45), Siaya (12) and Homa Bay (7). Route 66 is long."
    >>> [[t[a:b] for a, b in run] for run in _count_lists(t)]
    [['Kisumu', 'Siaya', 'Homa Bay']]
    """
    runs: list[list[tuple[int, int]]] = []
    k = 0
    while (name := _NAME.search(text, k)) is not None:
        k = name.end()
        run: list[tuple[int, int]] = []
        start, end = name.start(), name.end()
        while (after := _AFTER_TOWN.match(text, end)) is not None:
            num = after.group("pnum") or after.group("bnum")
            noun = after.group("pnoun") or after.group("bnoun")
            if _a_year(num) and not noun and (not run or after.group("bnum")):
                break  # "Homa Bay 2018"; but "Kisumu (45) and Busia (1999)"
            run.append((start, _name_end(text, name)))
            gap = _LIST_GAP.match(text, after.end())
            nxt = _NAME.match(text, gap.end()) if gap is not None else None
            if nxt is None:
                end = after.end()
                break
            name, start, end = nxt, nxt.start(), nxt.end()
        if len(run) >= 2:
            runs.append(run)
            k = max(k, end)
    return runs


#: A word that opens a clause of its own: a relative clause ("The outbreak,
#: *which* began on 12 May, ..."), a clause of time, reason or contrast ("...
#: *since* the outbreak began in 2019"); "that" after a word for the outbreak
#: ("the outbreak *that* began in May"), not after "said".
_OPENER = re.compile(
    r"\b(?P<w>which|who|whom|whose|where|since|after|before|when|whenever|while|"
    r"until|till|because|although|though|whereas|but)\b"
    r"|\b(?:outbreak|epidemic|disease|virus|strain|wave|cluster)\s+(?P<that>that)\b",
    re.IGNORECASE,
)

#: An earlier figure and its time, beside a count of now: "45 in Kisumu, *up
#: from 30 last week*", "to 45 in Garissa *from 30 a week earlier*".
_EARLIER_ASIDE = re.compile(
    rf"\b(?:(?:up|down)\s+from\s+(?:{_DIGITS}|{_NUM_WORDS})\b|from\s+(?:{_DIGITS}|"
    rf"{_NUM_WORDS})\s+(?=(?:a|the|last|on|this)\b))[^,;.()]{{0,30}}",
    re.IGNORECASE,
)


def _other_clauses(
    text: str, s: Sentence, start: int, stop: int
) -> tuple[tuple[int, int], ...]:
    """The spans of ``s`` outside the clause of the count at ``start:stop``.

    Their dates are not the count's: another statement after a semicolon ("...;
    in 2017 the disease killed 70"), a relative clause ("The outbreak, which
    began on 12 May, has caused 45 cases") or a clause of time ("45 cases since
    the outbreak began in 2019": counts to date). A clause runs from the word
    that opens it to the next comma (or semicolon, or the sentence's end), past
    the count's list where it holds the count ("..., while Wajir reported 12 on
    Monday"). "since 2017", "after 2 May" are the time of the count's own
    clause, no clause of another; the time of an earlier figure ("up from 30
    last week") is not the count's either.
    """
    lo, hi = s.span
    semis = [lo + m.start() for m in re.finditer(";", text[lo:hi])]
    left = max([lo] + [x + 1 for x in semis if x < start])
    right = min([hi] + [x for x in semis if x >= stop])
    own = [left, right]
    others: list[tuple[int, int]] = []
    for o in _OPENER.finditer(text, left, right):
        at = o.start("w") if o.group("w") else o.start("that")
        if any(
            d.start == at
            or (d.start >= o.end() and not text[o.end() : d.start].strip())
            for d in s.dates
        ):
            continue  # "since 2017": a time, no clause
        comma = text.find(",", o.end(), right)
        end = comma if comma >= 0 else right
        if at <= start < end:
            # the count is of this clause, to the comma after its list
            after = text.find(",", max(stop, end), right)
            own = [max(own[0], at), min(own[1], after if after >= 0 else right)]
        else:
            others.append((at, end))
    others += [m.span() for m in _EARLIER_ASIDE.finditer(text, lo, hi)]
    out = [(lo, own[0]), (own[1], hi), *others]
    return tuple((a, b) for a, b in out if a < b)


def _a_year(num: str) -> bool:
    return num.isdigit() and len(num) == 4 and 1900 <= int(num) <= 2100


#: The widest division that may stand as one event (km across): a county, a
#: Kenyan county; not a state or a province.
_EVENT_KM = 150.0


def _fine_enough(place: MentionLike) -> bool:
    """Whether a place is small enough to be one event: a town, or a small division.

    A town, a village, a city, written coordinates, or a division (a county, a
    district) at most :data:`_EVENT_KM` across, at its representative point;
    not a country, a state, a province or a region whose extent is unknown.
    """
    kind = kind_of(place)
    if kind in ("city", "town", "village", "point", "county"):
        return is_point(place) or isinstance(geometry_of(place), Area)
    geom = geometry_of(place)
    if kind != "admin" or not isinstance(geom, Area):
        return False
    ring = np.concatenate([poly[0] for poly in geom.polygons])
    lat = math.radians(float(np.mean(ring[:, 1])))
    wide = float(np.ptp(ring[:, 0])) * 111.32 * math.cos(lat)
    high = float(np.ptp(ring[:, 1])) * 111.32
    return max(wide, high) <= _EVENT_KM


def _note(ex: _Extractor, s: Sentence, place: _Counted, count: int, at: int) -> None:
    if count <= 0:
        return
    if not _fine_enough(place):
        ex.reject(
            "not_a_place",
            f"{place.text!r} has {_many(count, place.what)}, but is too coarse for an "
            f"event (a country, a state or a region; a town or a division at most "
            f"{_EVENT_KM:g} km across is one)",
            (place.start, place.end),
        )
        return
    ex.cases.append((s, place, count, at))


#: Towns farther apart than this (km), with no town between, are two outbreaks.
CLUSTER_KM = 300.0

_RANK: dict[Hedge, int] = {"certain": 3, "probable": 2, "possible": 1, "doubtful": 0}


@dataclass(frozen=True, slots=True)
class _Town:
    """A town of the document's counts: the count it stands with, and where."""

    place: MentionLike
    count: int
    sentence: Sentence
    at: int
    #: Where the town was first given a count (for the order of the events).
    first: int

    @property
    def hedge(self) -> Hedge:
        return self.place.hedge if isinstance(self.place, _Counted) else "certain"


def finish_cases(ex: _Extractor) -> None:
    """Build the document's event sets from the counts noted.

    Each town is an event weighted by the largest count given for it (of its
    surest counts: a plain count before a hedged one). Towns within
    :data:`CLUSTER_KM` of one another (single linkage) are one outbreak and one
    event set: a report of cholera in Kisumu and Siaya and of Ebola in Beni and
    Butembo, 1,000 km away, is two, not one whose profile peaks between them.
    An event set is stated by the first sentence that gave one of its counts
    (its speaker and grade), quotes every sentence from that one to the last
    that gave one, and its note lists every town and count; a cluster of one
    town is set aside, and so is a town whose count is hedged beside plain ones
    (an event set has one hedge for all its towns).
    """
    if not ex.cases:
        return
    best: dict[str, _Town] = {}
    for s, place, count, at in ex.cases:
        key = label(place)
        town = _Town(place, count, s, at, at)
        old = best.get(key)
        if old is None:
            best[key] = town
        elif (_RANK[town.hedge], count) > (_RANK[old.hedge], old.count):
            best[key] = replace(town, first=old.first)
    for group in _clusters(list(best.values())):
        top = max(_RANK[t.hedge] for t in group)
        kept = [t for t in group if _RANK[t.hedge] == top]
        for t in group:
            if _RANK[t.hedge] < top:
                p = t.place
                cue = p.cue if isinstance(p, _Counted) else None
                ex.reject(
                    "conditional",
                    f"{label(p)!r} has "
                    f"{_many(t.count, p.what if isinstance(p, _Counted) else 'cases')}"
                    " by a hedged "
                    f"count ({t.hedge}"
                    + (f", from {cue!r}" if cue else "")
                    + ") beside plain counts of the same outbreak: an event set has "
                    "one hedge for all its towns, so it is left out",
                    (p.start, p.end),
                )
        if len(kept) < 2:
            (t,) = kept
            why = (
                "; the others' counts are hedged"
                if len(group) > 1
                else f", {CLUSTER_KM:g} km or more from the others"
                if len(best) > 1
                else ""
            )
            ex.reject(
                "no_place",
                f"cases at one town only ({label(t.place)}{why}): an event set "
                "needs two places or more",
                (t.place.start, t.place.end),
            )
            continue
        _build(ex, kept)


def _clusters(towns: list[_Town]) -> list[list[_Town]]:
    """The towns in groups linked by distances of at most :data:`CLUSTER_KM`."""
    lons = np.array([t.place.lon for t in towns])
    lats = np.array([t.place.lat for t in towns])
    group = list(range(len(towns)))
    for a in range(len(towns)):
        d = haversine_km(lons, lats, lons[a], lats[a])
        for b in np.flatnonzero(d <= CLUSTER_KM).tolist():
            old, new = group[b], group[a]
            if old != new:
                group = [new if g == old else g for g in group]
    out: dict[int, list[_Town]] = {}
    for k, town in zip(group, towns, strict=True):
        out.setdefault(k, []).append(town)
    return sorted(out.values(), key=lambda g: min(t.first for t in g))


def _build(ex: _Extractor, towns: list[_Town]) -> None:
    first = min(towns, key=lambda t: t.at)
    last = max(towns, key=lambda t: t.sentence.index)
    s0 = first.sentence
    # as of the report's day, unless the count's own clause dates it
    skip = first.place.skip if isinstance(first.place, _Counted) else ()
    date, date_from, dnote = ex.dates(s0, first.at, skip=skip)
    several = last.sentence.index > s0.index

    def where(t: _Town) -> str:
        return f" [{t.sentence.index - s0.index + 1}]" if several else ""

    counts = ", ".join(f"{label(t.place)} {t.count:,}{where(t)}" for t in towns)
    hedge = towns[0].hedge
    cues = [t.place for t in towns if isinstance(t.place, _Counted)]
    cue = next((p.cue for p in cues if p.cue and hedge != "certain"), None)
    disputes = list(dict.fromkeys(p.note for p in cues if p.note))
    note = note_of(
        f"case counts by town ({counts}); each town's largest count is its weight",
        "[k]: the sentence of the quote that gives the count" if several else "",
        hedge_note(cue),
        *disputes,
        dnote,
    )
    span = (s0.span[0], last.sentence.span[1])
    provenance = replace(
        ex.provenance(s0, first.at), quote=ex.text[span[0] : span[1]], span=span
    )
    ex.build(
        EventSet, s0, span, id=ex.next_id("e"),
        provenance=provenance, date=date, date_from=date_from,
        grade=ex.grade(s0.attr.at(first.at)), hedge=hedge, note=note,
        lons=[t.place.lon for t in towns], lats=[t.place.lat for t in towns],
        weights=[float(t.count) for t in towns], method="kde",
        sigma_km=CASE_SIGMA_KM, names=tuple(label(t.place) for t in towns),
    )  # fmt: skip
