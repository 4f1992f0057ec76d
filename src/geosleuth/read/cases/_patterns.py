"""The words of an outbreak report's case counts, as patterns.

The regular expressions, word lists and small constants that the reading of case
counts matches a sentence against: a count and its noun (:data:`_COUNT`,
:data:`_SHARE`, :data:`_RISE`), what sets a count aside (an earlier figure, a
negation, a denial, a count to come), a town's name and what may follow it in a
list of counts (:data:`_NAME`, :data:`_AFTER_TOWN`, :data:`_NEXT`), and the words
that make a report one of a disease (:data:`_DISEASE`). Standard library only;
each pattern's ``#:`` comment gives an example of what it matches.
"""

from __future__ import annotations

import re

__all__: list[str] = []

_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "dozens": 24, "a dozen": 12,
}  # fmt: skip


#: The tens, alone or before a unit: "twenty", "Fifty-one", "thirty three".
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip


_UNITS = "one|two|three|four|five|six|seven|eight|nine"


_NUM_WORDS = rf"(?:{'|'.join(_TENS)})(?:[-‐ ](?:{_UNITS})\b)?|" + "|".join(
    sorted(_WORDS, key=len, reverse=True)
)


def _word_number(words: str) -> int:
    """The number a number word stands for: "seven" 7, "Fifty-one" 51.

    Examples
    --------
    >>> [_word_number(w) for w in ("seven", "Fifty-one", "thirty three", "dozens")]
    [7, 51, 33, 24]
    """
    w = words.lower()
    if w in _WORDS:
        return _WORDS[w]
    tens, _, unit = re.sub(r"[-‐ ]", " ", w).partition(" ")
    return _TENS[tens] + (_WORDS[unit] if unit else 0)


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


#: After a count, in its clause, that its cases caught the disease elsewhere:
#: "Five cases ... in Bulawayo, *among people who had travelled from* Harare",
#: "12 *imported* cases".
_IMPORTED = re.compile(
    r"\b(?P<cue>imported|(?:had\s+|have\s+|recently\s+)*(?:travel+ed|returned|"
    r"arrived)\s+(?:back\s+)?from)\b",
    re.IGNORECASE,
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


#: Before the town of a part: where its cases are, or live ("Of the 86 cases,
#: 41 *live in* Ghent, 17 in Aalst").
_LIVE = (
    r"(?:(?:are|were|is|was)\s+(?:living\s+)?|(?:live|lives|lived|reside|"
    r"resides|resided)\s+)?"
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
    # where in the town, or who says so: "Birmingham, mostly in the Sparkbrook
    # and Small Heath areas, and 23 in", "Mbare 23, the ministry said, with a
    # further 38 in"
    r"(?:,\s*(?:mostly|mainly|largely|chiefly|many|most\s+of\s+them)\s+"
    r"(?:in|at|around)\s+[^,;.()\d]{1,60}(?=,))?"
    r"(?:,\s*(?:the\s+)?(?:[A-Za-z’'.-]+\s+){1,5}?(?:said|says|reported|added|"
    r"announced)(?=,))?"
    rf"{_TIME}{_JOIN}"
)


_NEXT = re.compile(
    rf"{_BEFORE_NEXT}(?:to\s+)?{_NUM}\s+(?:more\s+|others?\s+)?"
    rf"(?:(?:cases?|deaths?)\s+)?{_LIVE}(?:in|at)\s+",
    re.IGNORECASE,
)


#: "..., and Siaya reported 12": the next item of a list, a town that reports
#: its count (:data:`_REPORTED` after its name).
_NEXT_TOWN = re.compile(rf"{_BEFORE_NEXT}(?=(?-i:[A-Z]))", re.IGNORECASE)


#: A total's first part: "Two children have died, *one in* Cluj-Napoca".
_FIRST_PART = re.compile(
    rf"[^.;:()\d]{{0,60}}?(?:,\s*|:\s*|\s+and\s+)(?:including\s+)?{_NUM}\s+"
    rf"(?:(?:cases?|deaths?)\s+)?{_LIVE}(?:in|at)\s+",
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


#: A sentence that opens with its town reporting the count: "Kisumu reported",
#: "Chegutu itself has reported only two cases".
_REPORTS = re.compile(
    r"^\s*(?:(?:district|county|town|city|area|region|authorities|officials|"
    r"hospitals?|health\s+officials)\s+)?(?:(?:itself|alone)\s+)?"
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


#: Before a town, words that give it cases without a count: "Most of the *cases
#: live in* Lorca".
_CASES_IN = re.compile(
    r"\b(?:cases|patients|deaths|infections|infected|ill|sick)\b[^.;:()\d]{0,40}"
    r"\b(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


#: A division's word that ends a name: "Siaya *County*".
_DIVISION_WORD = re.compile(
    r"[ \t]+(?:County|District|Province|Region|Municipality|City|Town)$"
)


#: After a town, an aside and then a count in brackets: "Mandera*, some 350 km
#: away (7)*".
_ASIDE_BRACKET = re.compile(
    rf",\s*(?P<aside>[^,;.()]{{1,40}}?)\s*\(\s*(?P<num>{_DIGITS})\s*\)"
)


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
