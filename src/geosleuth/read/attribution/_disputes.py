"""Denials of a statement: by another party, or by the sentence after it.

Another party's denial of the sentence's statement after a comma ("..., but
police denied it", "..., a claim the army denied", "..., but this could not be
confirmed", "..., but his lawyer said the death was faked": :func:`dispute_span`),
a short sentence that denies the one before it
("Police denied the report.": :func:`denial_of_previous`), and a reporting verb
whose clause calls what was said before untrue ("but the army says that is
wrong": :func:`_says_untrue`). Used by :mod:`geosleuth.read.attribution`.
"""

from __future__ import annotations

import re
from typing import Any

from geosleuth.read.attribution._reporting import REPORTING_LEMMAS

__all__: list[str] = []

# A denial of the statement by another party, after a comma: "but police denied
# it", "a claim the army denied", "which officials disputed", "which is false".
# The denier is one to six words with no negation ("but police did not deny it"
# disputes nothing); "it" ends the clause or is followed by an adverbial ("denied
# it on Tuesday"), so "but the army denied it had shelled Hajin" is no denial of
# the statement.
_DENY = (
    r"(?:den(?:y|ies|ied)|disput(?:e|es|ed)|reject(?:s|ed)?|dismiss(?:es|ed)?|"
    r"refut(?:e|es|ed)|contradict(?:s|ed)?)"
)
_DENIED = r"(?:denied|disputed|rejected|dismissed|refuted|contradicted)"
_DENIER = r"(?:(?!(?:not|never|no)\b)(?![\w’']*n[’']t\b)[\w’'.&-]+\s+){1,6}?"
_AUX_ADV = r"(?:(?:has|have|had|did|does|do|later|since|then|also|\w+ly)\s+)*"
_CLAIM_NOUN = (
    r"(?:claims?|reports?|accounts?|allegations?|assertions?|stor(?:y|ies)|"
    r"sightings?|rumou?rs?)"
)
_IT = (
    rf"(?:it|this|them|the\s+(?:[\w-]+\s+)?{_CLAIM_NOUN})"
    r"(?=\s*(?:[,;.!?\"”)]|$)|\s+(?:on|in|at|last|this|yesterday|today|later|"
    r"again|publicly|strongly|flatly|outright|immediately)\b)"
)
_IT_SUBJECT = rf"(?:it|this|the\s+(?:[\w-]+\s+)?{_CLAIM_NOUN})"
_BE = (
    r"(?:was|were|is|are|has\s+been|have\s+been)\s+"
    r"(?:(?:\w+ly|later|since|also|then)\s+)?"
)
#: ... or one that says it is unconfirmed: "but this could not be confirmed",
#: "though none of the sightings was confirmed".
_UNCONFIRMED = (
    rf"(?:{_IT_SUBJECT}\s+(?:could|can|has|have|had|was|were|is|are)\s+not\s+"
    r"(?:yet\s+)?(?:been\s+|be\s+)?(?:independently\s+)?(?:confirmed|verified)"
    rf"|none\s+of\s+(?:the|these|those|them)\s+(?:[\w-]+\s+)?(?:{_CLAIM_NOUN}\s+)?"
    r"(?:was|were|has\s+been|have\s+been|could\s+be)\s+(?:independently\s+)?"
    r"(?:confirmed|verified))"
)
#: What calls a statement untrue after "which": "which is *false*".
_UNTRUE = (
    r"(?:false|untrue|not\s+true|incorrect|inaccurate|baseless|unfounded|"
    r"a\s+lie)\b"
)
#: Verbs by which another party says so: "which his lawyer *said* was false".
_SAY = r"(?:said|says|say|insisted|insists|insist|maintained|maintains|maintain)"
_CALL = r"(?:called|calls|call|described|describes|describe)"
#: A death said to be faked, which disputes the death told before: "but his
#: lawyer said *the death was faked*"; not one staged "to look like a suicide"
#: (a real death, its manner staged). It disputes only a death told before it
#: (:data:`_DEATH_BEFORE`).
_DEATH_SAID_FAKED = (
    r"(?:that\s+)?(?:the|his|her|their)\s+(?:reported\s+)?(?:death|killing)\s+"
    rf"{_BE}(?:faked|staged|feigned|fabricated|(?:an?\s+)?(?:hoax|fake|sham))\b"
    r"(?!\s+(?:to\s+(?:look|appear|seem)|so\s+as\s+to|as)\b)"
)
#: A death told: "was *killed*", "*died*", "is *dead*".
_DEATH_BEFORE = re.compile(
    r"\b(?:killed|died|dead|death|slain|murdered|executed|assassinated)\b",
    re.IGNORECASE,
)
#: Words that open a clause or phrase of time, whose death is another's deed
#: beside the statement: "arrested *after* the death of his brother", "*days
#: after* his brother was killed".
_TIME_BEFORE = re.compile(
    r"\b(?:after|before|since|following|until|till|when|while)\b", re.IGNORECASE
)


def _death_told(text: str) -> bool:
    """Whether ``text`` tells a death that a "death was faked" after it disputes.

    "Salcedo was killed in Culiacán, police said": a death word
    (:data:`_DEATH_BEFORE`) that is the statement's; not one in a phrase of time
    since the last comma ("Salcedo was arrested in Culiacán *after the death of
    his brother*"), which is beside what is told.

    Examples
    --------
    >>> _death_told("Salcedo was killed in Culiacán, police said")
    True
    >>> _death_told("Salcedo was arrested after the death of his brother")
    False
    """
    for d in _DEATH_BEFORE.finditer(text):
        clause = re.split(r"[,;]", text[: d.start()])[-1]
        if not _TIME_BEFORE.search(clause):
            return True
    return False


_DISPUTE = re.compile(
    r"[,;]\s*(?P<d>"
    rf"(?:but|though|although|yet|and|while)\s+"
    rf"(?:{_DENIER}{_AUX_ADV}{_DENY}\s+{_IT}|{_IT_SUBJECT}\s+{_BE}{_DENIED}\b"
    rf"|{_UNCONFIRMED}\b|{_DENIER}{_AUX_ADV}{_SAY}\s+(?P<f>{_DEATH_SAID_FAKED}))"
    rf"|(?:a|an)\s+(?:[\w-]+\s+)?{_CLAIM_NOUN}\s+(?:(?:that|which)\s+)?"
    rf"(?:{_DENIER}{_AUX_ADV}{_DENY}|(?:\w+ly\s+)?{_DENIED}\s+by)\b"
    rf"|which\s+(?:{_DENIER}{_AUX_ADV}{_DENY}|{_BE}{_DENIED})\b"
    # "..., which is false": the statement called untrue
    rf"|which\s+{_BE}{_UNTRUE}"
    # "..., which his lawyer said was false", "which his family calls untrue"
    rf"|(?P<w>which)\s+{_DENIER}{_AUX_ADV}(?:{_SAY}\s+{_BE}|{_CALL}\s+(?:as\s+)?)"
    rf"{_UNTRUE}"
    r")[^,;.]*"
    # "...; his family says that is false": another speaker's clause after a
    # semicolon that calls the statement untrue, to the sentence's end
    rf"|;\s*(?P<s>(?:but\s+)?{_DENIER}{_AUX_ADV}{_SAY}\s+(?:that\s+)?"
    rf"(?:that|this|it)\s+{_BE}(?:(?:simply|just)\s+)?{_UNTRUE}"
    r"[^,;.]*)(?=[.!?\"”’']*\s*$)",
    re.IGNORECASE,
)


# A short sentence that denies the one before it: "Police denied the report.",
# "The army has since rejected the claims as propaganda.", "This was later denied
# by police." Its main verb, after a subject of one to six words with no
# negation, denies "it", "this", "that" or a report ("the report", "such
# claims"); after that, at most an adverbial ("on Friday", "as false", "in a
# statement") and the end of the sentence: "Police denied the report that she had
# left" or "..., saying she was in Denver" is a statement of its own.
_PREVIOUS = (
    r"(?:it|this|that|them|(?:the|these|those|such|that|this|both|his|her|their|"
    rf"its)\s+(?:[\w’'-]+\s+){{0,2}}?{_CLAIM_NOUN})"
)
_TAIL = (
    r"(?:\s+(?:on|in|at|last|this|yesterday|today|later|again|publicly|strongly|"
    r"flatly|outright|immediately|as|by|when|after|within|hours|days|shortly)\b"
    r"[^,;:.!?]{0,60})?"
)
_DENIES_PREVIOUS = re.compile(
    r"^(?P<d>(?:(?:but|however|yet|and)\s*,?\s+)?"
    rf"(?:{_DENIER}{_AUX_ADV}{_DENY}\s+{_PREVIOUS}"
    rf"|{_IT_SUBJECT}\s+{_BE}{_DENIED}\b){_TAIL})"
    r"\s*[.!]?[\"”’']*$",
    re.IGNORECASE,
)

# ... or says no to it in a few words: "He is not.", "She isn't there.", "That is
# not true.", "They are wrong.", alone or in a quotation closed by its speaker
# ('"They say he is in Culiacán. *He is not*," Rivas said.'): an "is" with no
# place of its own denies the place the sentence before gave.
_SAYS_NO = (
    r"(?:(?:he|she|they|it)\s+(?:is|was|are|were)(?:\s+not|n[’']t)(?:\s+there)?"
    r"|(?:that|this)(?:\s+is|\s+was|[’']s)\s+(?:(?:simply|just)\s+)?"
    r"(?:not\s+(?:true|correct|accurate|the\s+case|so)|untrue|false|wrong|"
    r"incorrect|inaccurate|nonsense|a\s+lie)"
    r"|(?:they|those\s+people)\s+(?:are|were)\s+(?:(?:simply|just)\s+)?"
    r"(?:wrong|mistaken|lying))"
)
#: The speaker's words after a quotation that says no: '," Rivas said'.
_SAID_TAIL = (
    r"(?:\s*,?\s*[\"”’']\s*,?\s*(?:[\w’'.-]+\s+){1,6}?"
    r"(?:said|says|added|insisted|told\s+(?:[\w’'.-]+\s*){1,4}?))?"
)
_SAYS_NO_TO_PREVIOUS = re.compile(
    rf"^[\"“]?(?P<d>(?:(?:but|no)\s*,?\s+)?{_SAYS_NO}){_SAID_TAIL}"
    r"\s*[.!]?[\"”’']*$",
    re.IGNORECASE,
)


# A correction of the statement: the one seen was someone else ("the man seen
# there was someone else", "the man at the gas station had been identified as
# someone else", "the girl seen in Orillia was not Martineau"), or the sighting or
# report is taken back ("that sighting had been ruled out", "the report was later
# withdrawn", "police ruled the sighting out").
_SEEN_ONE = (
    r"(?:the|that|this)\s+(?:[\w-]+\s+)?(?:man|woman|person|boy|girl|teen(?:ager)?|"
    r"child|hiker|individual|people|couple|figure|driver|customer|youth)"
)
_SOMEONE_ELSE = (
    r"(?:someone\s+else|somebody\s+else|another\s+(?:man|woman|person|individual)|"
    r"a\s+different\s+(?:man|woman|person|individual)|"
    r"(?:a\s+case\s+of\s+)?mistaken\s+identity)"
)
_NOT_THE_ONE = (
    r"not\s+(?:him|her|the\s+missing\s+[\w-]+|"
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?(?-i:[A-Z])[\w’'-]+"
    r"(?:\s+(?-i:[A-Z])[\w’'-]+){0,2})"
)
_WAS = (
    r"(?:was|were|is|are|had\s+been|has\s+been|have\s+been|turned\s+out\s+to\s+be)"
    r"\s+(?:(?:\w+ly|later|since|then|in\s+fact|also)\s+)?"
)
_TAKEN_BACK = (
    r"(?:ruled\s+out|discounted|withdrawn|retracted|discredited|mistaken|incorrect|"
    r"inaccurate|false|erroneous|unfounded)"
)
_SIGHTING = r"(?:(?:the|that|this|these|those)\s+(?:[\w-]+\s+)?sightings?)"
_RETRACTION = (
    rf"(?:{_SEEN_ONE}\b[^,;.]{{0,80}}?\s+{_WAS}"
    rf"(?:(?:identified|confirmed)\s+as\s+)?(?:{_SOMEONE_ELSE}|{_NOT_THE_ONE})\b"
    rf"|(?:{_IT_SUBJECT}|{_SIGHTING}|that)\s+{_WAS}{_TAKEN_BACK}\b"
    rf"|(?:ruled\s+out|discounted|retracted|withdrew)\s+{_SIGHTING}"
    rf"|ruled\s+(?:it|this|that|{_SIGHTING})\s+out\b)"
)
_CORRECTED = re.compile(
    rf"[,;]\s*(?P<d>(?:but|though|although|yet|however|while)\b[^;]*?{_RETRACTION})",
    re.IGNORECASE,
)
_RETRACTS_PREVIOUS = re.compile(
    r"^(?P<d>(?:(?:but|however|yet)\s*,?\s+)?"
    rf"(?:{_DENIER}{_AUX_ADV}(?:said|says|say|added|stated|announced|confirmed)\s+"
    rf"(?:on\s+\w+\s+)?(?:that\s+)?)?{_RETRACTION}{_TAIL})"
    r"\s*[.!]?[\"”’']*$",
    re.IGNORECASE,
)
_RETRACTS = re.compile(_RETRACTION, re.IGNORECASE)


def retracts(text: str) -> bool:
    """Whether ``text``, a denial of a statement, takes back a sighting.

    The one seen was someone else, or the sighting is ruled out or withdrawn
    (:func:`dispute_span`, :func:`denial_of_previous`): the statement is corrected,
    not only disputed.

    Examples
    --------
    >>> retracts("but later said the man seen there was someone else")
    True
    >>> retracts("The sighting was later ruled out")
    True
    >>> retracts("but police denied it")
    False
    """
    return _RETRACTS.search(text) is not None


def dispute_span(text: str, base: int = 0) -> tuple[int, int] | None:
    """The span of another party's denial of the sentence ``text``, if any.

    Parameters
    ----------
    text : str
        One sentence.
    base : int, default 0
        The sentence's offset in the document; the span is in the document.

    Returns
    -------
    tuple of (int, int) or None
        From the first word of the denial to the end of its clause.

    Examples
    --------
    >>> t = "Doe was seen in Aspen, but police denied it on Friday."
    >>> s, e = dispute_span(t)
    >>> t[s:e]
    'but police denied it on Friday'
    >>> dispute_span("Doe was seen in Aspen, a claim the army denied.", 10)
    (33, 56)
    >>> dispute_span("Doe was seen in Aspen, but police did not deny it.") is None
    True
    >>> t = "Salcedo was killed, police said, but his lawyer said the death was faked."
    >>> s, e = dispute_span(t)
    >>> t[s:e]
    'but his lawyer said the death was faked'
    """
    m = next(
        (
            m
            for m in _DISPUTE.finditer(text)
            if not _of_a_thing_before(text, m)
            # "the death was faked" disputes a death told before it only
            and (m.group("f") is None or _death_told(text[: m.start()]))
        ),
        None,
    )
    if m is None:
        # "..., but later said the man seen there was someone else": a correction
        # takes back all the sentence says after it, its reasons too ("after
        # investigators reviewed video from the terminal")
        c = _CORRECTED.search(text)
        if c is None:
            return None
        return base + c.start("d"), base + len(text.rstrip(" .!?\"”’'"))
    group = "d" if m.group("d") is not None else "s"
    return base + m.start(group), base + len(m.group(0).rstrip()) + m.start()


def _of_a_thing_before(text: str, m: re.Match[str]) -> bool:
    """Whether the "which" of another's word in ``m`` is of a thing just before it.

    "Salcedo was arrested on Monday *on drug charges*, which his lawyer said were
    false", "*accused of murder*, which ...", "in *what police called a
    shootout*, which his family says is a lie": the relative is of the noun
    before it (a charge, a name), not of the statement, which it leaves
    undisputed. Not "Police said Salcedo was in Durango, which his lawyer said
    was false" (a place, which is not false: the statement is).
    """
    if m.group("w") is None:
        return False
    before = re.split(r"[,;]", text[: m.start()])[-1]
    return bool(_THING_BEFORE.search(before) or _RELATIVE_BEFORE.search(before))


#: A noun of a thing, the object of a preposition, that closes the words before a
#: relative: "on drug *charges*", "accused of *murder*", "charged with *murder*";
#: not one's company ("with his wife", "with Guzmán") nor a time ("for weeks").
_THING_BEFORE = re.compile(
    r"\b(?:on|of|with(?!\s+(?:his|her|their|my|our|two|three|several|[A-Z]))|"
    r"for(?!\s+(?:(?:several|two|three|many|a\s+few)\s+)?(?:hours|days|weeks|"
    r"months|years)\b)|over|as)\s+(?:[\w’'-]+\s+){0,3}?[a-z][\w’'-]*\s*$"
)
#: A relative of its own before: "a name *which* he said was his own", "in *what*
#: police called a shootout".
_RELATIVE_BEFORE = re.compile(r"\b(?:which|what)\b", re.IGNORECASE)


def denial_of_previous(text: str, base: int = 0) -> tuple[int, int] | None:
    """The span of ``text`` if it is a short sentence that denies the one before.

    The main verb denies ("deny", "reject", "dismiss", "dispute", "refute",
    "contradict") "it", "this" or a report of the sentence before ("the report",
    "the claim", "the reports"), with at most an adverbial after it, or the report
    is denied in the passive ("The report was denied by police."); or it says no
    in a few words, with nothing of its own ("He is not.", "That is not true.",
    "They are wrong."), alone or before the words of its speaker that close a
    quotation ('He is not," Rivas said.').

    Parameters
    ----------
    text : str
        One sentence.
    base : int, default 0
        The sentence's offset in the document; the span is in the document.

    Returns
    -------
    tuple of (int, int) or None
        The sentence, without its final punctuation.

    Examples
    --------
    >>> t = "Police denied the report on Friday."
    >>> s, e = denial_of_previous(t)
    >>> t[s:e]
    'Police denied the report on Friday'
    >>> denial_of_previous("The claim was later rejected by the army.", 10)
    (10, 50)
    >>> denial_of_previous("Police did not deny the report.") is None
    True
    >>> denial_of_previous("Police denied that she was in Vail.") is None
    True
    >>> t = 'He is not," Rivas said.'
    >>> s, e = denial_of_previous(t)
    >>> t[s:e]
    'He is not'
    >>> denial_of_previous("He is not in Culiacán.") is None
    True
    """
    m = _DENIES_PREVIOUS.match(text.strip())
    m = m or _RETRACTS_PREVIOUS.match(text.strip())  # "The sighting was ruled out."
    m = m or _SAYS_NO_TO_PREVIOUS.match(text.strip())  # '"He is not," Rivas said.'
    return None if m is None else stripped_span(m, text, base)


def stripped_span(m: re.Match[str], text: str, base: int) -> tuple[int, int]:
    r"""The document span of group ``d`` of ``m``, a match of ``text.strip()``.

    Examples
    --------
    >>> m = re.match(r"(?P<d>\w+)", "  Denied. ".strip())
    >>> stripped_span(m, "  Denied. ", 100)
    (102, 108)
    """
    lead = len(text) - len(text.lstrip())
    return base + lead + m.start("d"), base + lead + m.end("d")


#: What makes a statement untrue ("that is *wrong*"), and true ("this is not
#: *true*"): a clause that says so of "that" denies the clause before it.
_UNTRUE_WORDS = frozenset(
    {"wrong", "false", "untrue", "incorrect", "inaccurate", "baseless", "unfounded",
     "groundless", "mistaken", "nonsense", "rubbish", "lie", "fabricated", "fake"}
)  # fmt: skip
_TRUE_WORDS = frozenset({"true", "correct", "accurate", "right", "case", "so"})
#: Words that may judge a deed rather than a statement: "it was *wrong*".
_MORAL_WORDS = frozenset({"wrong", "right"})
#: Links to what a judgement is of, when it is not the statement before: "it is
#: not true *that she ran away*", "it is wrong *to negotiate*".
_OF_ANOTHER = frozenset({"ccomp", "xcomp", "csubj", "advcl"})


def _says_untrue(verb: Any) -> bool:
    """Whether the reporting ``verb`` says that what was said before is untrue.

    Its clause has "that", "this" or "it" as subject and calls it untrue ("says
    *that is wrong*", "said it was false") or, negated, true ("says *this is not
    true*", "not the case"), with nothing after that it says so of: "it is not
    true *that she ran away*", "it is not right *to speculate*" judge another
    statement or a deed. Nor is "it" that is "wrong" or "right" the statement
    ("her lawyer says *it was wrong*": the deed was unjust).
    """
    if verb.lemma_.lower() not in REPORTING_LEMMAS:
        return False
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        kids = list(clause.children)
        subject = next(
            (
                c.lower_
                for c in kids
                if c.dep_ in ("nsubj", "nsubjpass")
                and c.lower_ in ("that", "this", "it")
            ),
            None,
        )
        if subject is None:
            continue
        said = [c for c in kids if c.dep_ in ("acomp", "attr")]
        if any(g.dep_ in _OF_ANOTHER for t in (clause, *said) for g in t.children):
            continue  # "it is not true that she ran away", "not right to speculate"
        negated = any(c.dep_ == "neg" for c in kids)
        words = {c.lemma_.lower() for c in said}
        if subject == "it":
            words -= _MORAL_WORDS  # "it was wrong": the deed, not the statement
        if (words & _UNTRUE_WORDS and not negated) or (words & _TRUE_WORDS and negated):
            return True
    return False
