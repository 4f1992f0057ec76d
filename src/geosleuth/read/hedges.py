"""Hedges and negation: how sure the wording is, and whether it denies.

The hedge of a statement is the *weakest* cue found in it: "think ... indeed"
is ``probable`` (the speaker only thinks so), "may have been" is ``possible``. A
statement with no cue is a plain assertion, ``certain``. Cues:

==========  ====================================================================
hedge       cues
==========  ====================================================================
certain     indeed, certainly, definitely, confirmed, know, without doubt, no
            doubt, plain assertion
probable    almost certainly, think(s), believe(s), likely, probably,
            apparently, reportedly, allegedly, purportedly, suspected, said
            to, is considered, seem(s), presumably, presumed,
            appear(s) to, understood to, expected to, argue(s), argued (an
            argument is the speaker's opinion, like "thinks"), is reported to,
            was reported killed (dead, slain), reports of, an inference
            (everything (every sign, all the evidence, the signs) suggests,
            indicates, shows or points to; indications (signs) are that; there
            are signs that; must be in (must have gone to)), confident
            (convinced, sure) that: a firm belief ("is certain that" stays
            certain, as "know")
possible    may, might, could, possibly, perhaps, maybe, supposedly, would, if,
            whether,
            rumour(s), speculation, unconfirmed (this (the report) has not
            been, has yet to be confirmed), it is claimed (said, where it
            opens the words), claims of,
            claim(s), claimed ("sources claim he is in Hajin": as "it is
            claimed", a claim is only asserted, not vouched for), a report
            that no one calls true or untrue ("There are reports that",
            "investigating reports that", "a tip that": read from the parse,
            :mod:`geosleuth.read.whereabouts`), fear(s),
            is feared, fear(s) that ("is feared dead": a fear, not a finding;
            not the target's own: "for fear of arrest", "who fears arrest"),
            a denial withheld (refused (declined, failed) to or did not
            dismiss (reject, rule out) that or reports), a word withheld
            (refused (declined) to confirm (accept, believe) that, whether or
            reports; would (will) not confirm that, whether (if) or reports: a
            refusal, not "could not confirm", and no denial; refused to
            release a statement saying), each only
            of what its verb governs (:func:`withheld_elsewhere`)
doubtful    unlikely, doubtful, doubt(s), improbable, questionable, no evidence,
            and its kin: no reason to believe (think, suspect), no
            indication (sign, suggestion, proof, information) that, nothing
            suggests (indicates, shows, points to), and next to nothing: little
            evidence (suggests), little to indicate (suggest, show). Absence
            of evidence is not evidence of absence: the statement keeps its
            polarity, only less sure. So for words that take no side:
            neither confirm nor deny, not known (clear, certain) whether or
            if, unclear whether, not (less than) confident (convinced, sure,
            certain) that, did not (would not, declined to) say (disclose)
            whether, could not (did not, were unable to) confirm whether,
            could not (were unable to) confirm (verify) that: the speaker says
            neither yes nor no, and the place is only raised
==========  ====================================================================

:func:`hedge_of` returns the hedge and the cue that set it (for the provenance
note), :func:`weakest` combines hedges, :func:`is_negated` finds a negation
("not", "n't", "never", "no longer", "nowhere", "denied") in a clause.

Examples
--------
>>> hedge_of("al-Baghdadi may have been hiding in the Syrian town of Hajin")
('possible', 'may have been')
>>> hedge_of("think al-Baghdadi is indeed hiding in Syria")
('probable', 'think')
>>> hedge_of("he is in Hajin")
('certain', None)
"""

from __future__ import annotations

import re
from typing import Any

from geosleuth.evidence import Hedge

__all__ = [
    "HEDGE_CUES",
    "before_semicolon",
    "hedge_of",
    "is_negated",
    "lower",
    "said_to_open",
    "semicolon_between",
    "set_against_elsewhere",
    "unconfirmed",
    "weakest",
    "withheld_elsewhere",
    "without_withheld_denials",
]

_RANK: dict[Hedge, int] = {"certain": 3, "probable": 2, "possible": 1, "doubtful": 0}

#: A denial withheld: "*refused to dismiss* reports that", "*did not rule out*
#: that", "*has not yet denied* claims that" (the denying verb, negated or
#: refused, before what it would deny).
_WITHHOLDING = (
    r"(?:not|never|cannot|\w*n['’]t|(?:refus|declin|fail)(?:e|es|ed|ing) to)"
    r" (?:(?:yet|been|able|to|publicly|officially|immediately|explicitly|"
    r"entirely|completely|formally) ){0,3}"
)
_DENIED_THING = (
    r"(?= (?:(?:the|any|all) )?(?:that|reports?|claims?|rumou?rs?|suggestions?|"
    r"speculation|(?:the )?possibility)\b)"
)
_WITHHELD_DENIAL = (
    _WITHHOLDING + r"(?:dismiss(?:es|ed|ing)?|reject(?:s|ed|ing)?|refut(?:e|es|ed|ing)|"
    r"discount(?:s|ed|ing)?|rul(?:e|es|ed|ing) out)" + _DENIED_THING
)
#: What a word withheld is of: "declined to confirm *that*", "*reports*", "*he*",
#: "*whether*" (what was asked: "would not confirm *if* he was in Culiacán").
_WORD_WITHHELD_OF = (
    r"(?= (?:(?:the|any) )?(?:that|whether|if|reports?|claims?|rumou?rs?|she|he|"
    r"they)\b|"
    r" (?-i:[A-Z]))"
)
#: A confirmation refused by its modal: "officials *would not confirm* that",
#: "*won't confirm* reports that" (will not, as "declined to"; not "could not
#: confirm", which is not able to, and doubtful).
_REFUSED_CONFIRM = (
    r"(?:(?:would|will) not|(?:would|will|wo)n['’]t) "
    r"(?:(?:publicly|officially|immediately) )?confirm" + _WORD_WITHHELD_OF
)
#: A word withheld: "police *declined to confirm* reports that", "*refused to
#: accept* that she is dead", "*refused to release a statement saying* she is
#: alive", "*would not confirm* that he had been arrested".
_WITHHELD_WORD = (
    r"(?:(?:refus|declin)(?:e|es|ed|ing) to (?:confirm|accept|believe|acknowledge)"
    + _WORD_WITHHELD_OF
    + "|"
    + _REFUSED_CONFIRM
    + ")"
)
_WITHHELD_STATEMENT = (
    r"(?:refus|declin)(?:e|es|ed|ing) to (?:release|issue|publish|make|give)"
    r" (?:a |an |any )?(?:\w+ )?(?:statement|report|announcement)"
    r"(?= (?:saying|stating|claiming|confirming|that)\b)"
)
#: Any of them, to find what each governs (:func:`withheld_elsewhere`).
_WITHHELD_ANY = re.compile(
    r"\b(?:" + "|".join((_WITHHELD_DENIAL, _WITHHELD_WORD, _WITHHELD_STATEMENT)) + ")",
    re.IGNORECASE,
)
#: The verbs withheld in them: "refused to *dismiss*", "did not *rule* out".
_WITHHELD_VERBS = frozenset(
    {"dismiss", "reject", "refute", "discount", "rule", "confirm", "accept",
     "believe", "acknowledge", "release", "issue", "publish", "make", "give"}
)  # fmt: skip
#: The links below a verb withheld that are no part of what it governs: "did
#: not rule out that she had been killed, *but said she was seen in York*".
_BESIDE_WITHHELD = frozenset(
    {"conj", "cc", "parataxis", "advcl", "nsubj", "nsubjpass", "punct", "mark",
     "aux", "auxpass", "neg"}
)  # fmt: skip
#: ... and "did not deny that", which leaves the speaker's word as it is (a
#: denial withheld all the same, but no hedge: "Police did not deny that he is
#: in Raqqa" is the police's word); and a confirmation refused ("*won't
#: confirm* that he is dead"), whose "not" denies nothing.
_WITHHELD_DENIAL_RE = re.compile(
    r"\b(?:"
    + _WITHHELD_DENIAL
    + "|"
    + _WITHHOLDING
    + r"den(?:y|ies|ied)"
    + _DENIED_THING
    + "|"
    + _REFUSED_CONFIRM
    + ")",
    re.IGNORECASE,
)

#: Cue phrases per hedge, tried longest first (regular expressions, word-bounded).
HEDGE_CUES: dict[Hedge, tuple[str, ...]] = {
    "doubtful": (
        r"unlikely", r"doubtful",
        r"(?<!without )(?<!\bno )(?<!no reason to )doubts?",  # not "no doubt"
        r"improbable", r"questionable",
        r"no (?:conclusive |hard |firm )?evidence", r"implausible",
        # absence of evidence: "no reason to believe she is in Utah", "nothing
        # suggests", "no sign that": doubtful, not denied (no one says she is not)
        r"(?:no|little) (?:good |real |credible |apparent )?(?:reason|grounds?|basis) "
        r"(?:to|for) (?:believ\w*|think\w*|suspect\w*|assum\w*)",
        r"no (?:clear |firm |real |credible |apparent )?(?:indications?|signs?|"
        r"suggestion|proof) (?:whatsoever )?(?:that|(?=(?:she|he|they) ))",
        r"nothing (?:to )?(?:suggests?|indicates?|shows?|points? to|proves?)",
        # "little evidence suggests", "there is little to indicate that": next
        # to nothing, as "nothing suggests"; not "a little", nor "little by little"
        r"(?<!\ba )(?:very )?little (?:(?:hard|real|credible|firm|concrete) )?"
        r"evidence(?: (?:now )?(?:suggests?|indicates?|shows?|points? to))?",
        r"(?<!\ba )(?:very )?little to (?:suggest|indicate|show|point to)",
        # "Police have no information that she is in Utah": absence of evidence
        r"no (?:(?:firm|hard|credible|reliable|concrete|new|further|specific) )?"
        r"information (?:that|to suggest|suggesting|indicating)",
        # no side taken: "would neither confirm nor deny that", "did not say
        # whether", "it is not known whether". Not a denial (the place keeps its
        # polarity, as for "no indication"), and no surer than it
        r"confirm(?:s|ed)?,? (?:n?or|and) den(?:y|ies|ied)",
        r"(?:not (?:yet )?(?:known|clear|certain|sure)|unknown|unclear|uncertain|"
        r"unsure) (?:whether|if)",
        r"(?:not|never|(?:did|does|do|would|could|can|will|wo|ca)n['’]t|cannot|"
        r"declined to|refused to|unable to) (?:\w+ )?(?:say|tell|know|"
        r"disclose|reveal|specify|indicate|comment on) whether",
        # "could not confirm whether": not able to; not "declined to (would
        # not) confirm whether", a word withheld (possible), as "that"
        r"(?:(?<!\bwould )(?<!\bwill )not|never|(?:did|does|do|could|can|ca)n['’]t|"
        r"cannot|unable to) (?:\w+ )?confirm whether",
        # "Police are not convinced that she is in York": a belief withheld
        r"(?:not|never|no longer|less than|(?:is|are|was|were)n['’]t) "
        r"(?:entirely |fully |yet )?(?:confident|convinced|sure|certain)"
        r"(?= (?:that|she|he|they|it|his|her|(?-i:[A-Z])))",
        # "could not confirm that he was in Ayorou": no confirmation, no denial;
        # not "would not confirm that", a word withheld (possible)
        r"(?:(?<!\bwould )(?<!\bwill )(?:not|never)|(?:did|does|do|could|can|ca)"
        r"n['’]t|cannot|unable to|failed to) (?:\w+ )?(?:confirm|verify|corroborate)"
        r"(?:ed)?"
        r"(?= (?:that|whether|if|reports?|claims?|she|he|they)\b| (?-i:[A-Z]))",
    ),
    "possible": (
        # a denial withheld: "police *refused to dismiss* reports that", "*did
        # not rule out* that she is alive", "*would not deny* that": no one
        # denies it, and no one vouches for it
        _WITHHELD_DENIAL,
        # "police *declined to confirm* reports that", "*refused to accept* that
        # she is dead", "*refused to release a statement saying* she is alive":
        # a word withheld, which leaves what it is about as it was, only raised
        _WITHHELD_WORD,
        _WITHHELD_STATEMENT,
        r"may have been", r"might have been", r"could have been",
        r"(?-i:may)",  # lower case: "May" is the month ("seen on 3 May")
        r"might",
        r"could", r"possibly", r"perhaps", r"maybe", r"would", r"if", r"whether",
        # "was supposedly killed": said so, with the writer's doubt
        r"supposedly",
        r"rumou?rs?", r"rumou?red", r"speculation", r"speculated", r"unconfirmed",
        # "; this has not been (has yet to be) independently confirmed": the
        # statement not confirmed yet, as "unconfirmed"; not "; his motive has
        # not been confirmed", a thing of its own
        r"(?:this|that|it|these|the (?:reports?|claims?|accounts?|information|"
        r"news|sightings?)) (?:(?:has|have|had) (?:not|n['’]t) (?:yet )?been|"
        r"(?:has|have|had) yet to be) (?:\w+ )?(?:confirmed|verified|corroborated)",
        r"it is claimed", r"it was claimed", r"claims? (?:have|has) been made",
        r"possibility", r"claims?", r"claimed",
        # "is feared dead", "police fear she drowned": a fear, not a finding; not
        # the target's own fear ("who fears arrest", "for fear of arrest")
        r"(?:is|are|was|were|be|been) feared",
        r"(?:fear|fears|feared)(?= (?:that|she|he|they|it)\b)",
    ),
    "probable": (
        # "almost certainly" (Kent's 93 %) is not a plain assertion
        r"almost certainly", r"almost certain", r"all but certain",
        r"nearly certain",
        r"thinks?", r"thought", r"believes?", r"believed", r"likely", r"probably",
        r"apparently", r"reportedly", r"allegedly", r"purportedly", r"suspected",
        # the verb ("police suspect he is"), not the noun ("the suspect in the
        # shootings was found dead")
        r"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bprime )(?<!\bmain )suspects?"
        r"(?= (?:that|he|she|they|it|him|her|his|the|a|an|(?-i:[A-Z])))",
        r"said to", r"is considered", r"are considered", r"seems?",
        r"appears? to", r"understood to", r"expected to", r"presumably",
        # "a video purports to show him": its maker's word, as "purportedly"
        r"purports? to", r"purported to",
        r"presumed",  # "is presumed dead": taken as so, unconfirmed
        r"argues?", r"argued", r"(?:is|are|was|were|been) reported to",
        # "was reported killed in an air strike": reported, as "reportedly"
        r"(?:is|are|was|were|been|being) reported(?= (?:killed|dead|slain)\b)",
        r"reports of",  # "reports of his death": reported, as "reportedly"
        # an inference from what is known, not an observation: "everything
        # indicates that he died", "all the evidence suggests", "signs point
        # to"; the kin of "nothing suggests" (doubtful)
        r"(?:everything|every (?:sign|indication)|all (?:the )?(?:available )?"
        r"(?:evidence|signs|indications)|(?:the )?(?:evidence|signs|indications))"
        r" (?:now )?(?:suggests?|indicates?|shows?|points? to)",
        r"(?:indications|signs) (?:are|were) that",
        # "must be in Durango by now", "must have reached Durango": what the
        # speaker infers, not what anyone saw; not "must appear in court" nor
        # "must be extradited", an obligation
        r"must (?:(?:still|now|surely|already|by now) )?be"
        r"(?= (?:(?:still|now|somewhere|already|hiding|living|staying) )?"
        r"(?:in|at|near|inside|outside|across|back|somewhere)\b)",
        r"must (?:(?:still|surely|already) )?have (?:been|gone|fled|moved|reached|"
        r"arrived|crossed|travell?ed|returned|escaped)",
        r"there (?:is|are|was|were) (?:\w+ )?(?:indications?|signs?) that",
        # a belief held firmly is still a belief, as "believe": "police are
        # confident (convinced, sure) that she is in York"; not "make sure"
        r"(?<!make )(?<!makes )(?<!making )(?<!made )(?:confident|convinced|sure)"
        r"(?= (?:that|she|he|they|it|his|her|(?-i:[A-Z])))",
    ),
    "certain": (
        r"indeed", r"certainly", r"definitely", r"confirmed", r"know", r"knows",
        r"clearly", r"without doubt", r"no doubt",
    ),
}  # fmt: skip
_CUE_RES: tuple[tuple[Hedge, re.Pattern[str]], ...] = tuple(
    (
        hedge,
        re.compile(
            r"\b(?:" + "|".join(sorted(cues, key=len, reverse=True)) + r")\b",
            re.IGNORECASE,
        ),
    )
    for hedge, cues in HEDGE_CUES.items()
)
_NEGATION = re.compile(
    r"\b(?:not|never|no longer|nowhere|neither|nor|denied|denies|deny|ruled out|"
    r"rules out)\b|n't\b",
    re.IGNORECASE,
)


def weakest(*hedges: Hedge) -> Hedge:
    """The least sure of ``hedges`` (``certain`` when none is given).

    Examples
    --------
    >>> weakest("certain", "probable", "possible")
    'possible'
    >>> weakest()
    'certain'
    """
    if not hedges:
        return "certain"
    return min(hedges, key=lambda h: _RANK[h])


#: A word of hearsay that names what a speaker judges, not how sure the speaker
#: is: "denied ... that Salcedo was in Culiacán, *calling the reports "rumours
#: spread to frighten people"*", "dismissing them as rumours", "*calling reports
#: that she had fled to France rumours*".
_JUDGED = re.compile(
    r"\b(?:call(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|describ(?:e|es|ed|ing)|"
    r"brand(?:s|ed|ing)?|labell?(?:s|ed|ing)?|den(?:y|ies|ied|ying))\s+"
    r"(?:(?:[\w’'-]+\s+){0,3}?"
    r"|(?:the\s+|these\s+|those\s+)?(?:reports?|claims?|suggestions?|stories)"
    r"\s+that\s+[^,.;:!?\"“”]{1,80}?\s+)"
    r"(?:as\s+)?[\"“‘']?"
    r"(?:(?:mere|just|only|baseless|false|malicious|unfounded|idle)\s+)*"
    r"(?P<w>rumou?rs?|speculation|claims?)\b",
    re.IGNORECASE,
)

#: A word of hearsay that a statement is set against, not one it rests on:
#: "Varga is not in Seville, *contrary to earlier rumours*", "*despite the
#: rumours*, she is in Leeds", with or without what it says ("despite rumours
#: (that) he had fled to Durango"). Not "according to rumours", which the
#: statement rests on.
_SET_AGAINST_ANY = re.compile(
    r"\b(?:contrary\s+to|despite|in\s+spite\s+of)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?P<w>rumou?rs?|speculation|claims?)\b",
    re.IGNORECASE,
)
#: Such a word that says nothing of its own, the phrase closed after it
#: ("despite the rumours, she is in Leeds", "rumours to the contrary"): it hedges
#: nothing. Not one whose content follows it ("despite claims (that) she had
#: died": a claim of its own, hedged by it; :func:`set_against_elsewhere`).
_SET_AGAINST = re.compile(
    _SET_AGAINST_ANY.pattern + r"(?=\s*(?:[^\w\s]|$)|\s+to\s+the\s+contrary\b)",
    re.IGNORECASE,
)
#: The end of what a word of hearsay set against says: "despite rumours he had
#: fled to Durango*,*".
_SAID_END = re.compile(r"[,;:]")

#: "*It is said* that he is dead": hearsay of no one, as "it is claimed", but
#: only where it opens the words (after a phrase set off before it, "In
#: Culiacán, it is said ...", or a speaker's words: "Rivas said it is said
#: ..."), for it hedges the clause it governs, not one
#: beside it ("He was killed on Monday; *it is said* he had been betrayed"),
#: and not a statement of an agent ("It is said *by police* that").
_IT_IS_SAID = re.compile(
    r"\s*(?:[^,;.:!?]*,\s*)?(?:[^,;.:!?]*?\b(?:said|says|say|told\s+\w+)\s+"
    r"(?:that\s+)?)?(?P<cue>it\s+(?:is|was|has\s+been|had\s+been|is\s+being|"
    r"was\s+being)\s+(?:(?:widely|often|commonly|also)\s+)?"
    r"(?:said|claimed|rumou?red))\b"
    r"(?!\s+by\b)",
    re.IGNORECASE,
)


def said_to_open(text: str) -> str | None:
    """The "it is said" that opens ``text``, hearsay of no one, or None.

    The words before a verb ("*It is said* Salcedo was arrested in Culiacán"):
    what follows is as sure as "it is said that he died", ``possible``; not
    one in a clause beside it ("He fled; it is said ..."), nor an agent's
    ("It is said by police").

    Examples
    --------
    >>> said_to_open("It is said Salcedo ")
    'It is said'
    >>> said_to_open("Salcedo fled; it is said he ") is None
    True
    """
    m = _IT_IS_SAID.match(text)
    return None if m is None else m.group("cue")


def hedge_of(text: str) -> tuple[Hedge, str | None]:
    """The weakest hedge cued in ``text`` and the cue, or ``("certain", None)``.

    A word of hearsay that the speaker calls what another says ("calling the
    reports rumours", "dismissing them as speculation") is the speaker's
    judgement of it, not a hedge of the speaker's own word; so is one the
    statement is set against ("contrary to earlier rumours", "despite the
    rumours").

    Parameters
    ----------
    text : str
        A clause or sentence.

    Returns
    -------
    hedge : {"certain", "probable", "possible", "doubtful"}
    cue : str or None
        The words that set the hedge, as written; None for a plain assertion.

    Examples
    --------
    >>> hedge_of('denied that he was in Culiacán, calling the reports "rumours"')
    ('certain', None)
    >>> hedge_of("was in Leeds, calling reports that she had fled to France rumours")
    ('certain', None)
    >>> hedge_of("there were rumours that he was in Culiacán")
    ('possible', 'rumours')
    >>> hedge_of("he is not in Seville, contrary to earlier rumours")
    ('certain', None)
    """
    for pattern in (_JUDGED, _SET_AGAINST):
        for judged in pattern.finditer(text):
            a, b = judged.span("w")
            text = text[:a] + " " * (b - a) + text[b:]
    for hedge, pattern in _CUE_RES:  # weakest first
        if hedge == "certain":
            break
        m = pattern.search(text)
        if m is None and hedge == "possible":
            m = _IT_IS_SAID.match(text)
            if m is not None:
                return hedge, m.group("cue")
        if m is not None:
            return hedge, m.group(0)
    m = _CUE_RES[-1][1].search(text)
    return "certain", (m.group(0) if m else None)


def is_negated(text: str) -> str | None:
    """The negation cue in ``text`` ("not", "never", "no longer", ...), or None.

    Examples
    --------
    >>> is_negated("he is no longer in Mosul")
    'no longer'
    >>> is_negated("he is in Mosul") is None
    True
    """
    m = _NEGATION.search(text)
    return m.group(0) if m else None


def without_withheld_denials(text: str) -> str:
    """``text`` with each denial withheld blanked, its length kept.

    A denial negated or refused ("*refused to dismiss* reports that she died",
    "*did not rule out* that she is alive") denies nothing: what it is about
    is only raised (a ``possible`` cue of :func:`hedge_of`), and the words
    that deny in it are no denial (:func:`is_negated`). So is a confirmation
    refused by its modal ("*won't confirm* that she is dead"), a word withheld;
    not one that could not be made ("could not confirm").

    Examples
    --------
    >>> is_negated(without_withheld_denials("Police did not deny that she died"))
    >>> is_negated(without_withheld_denials("Police won't confirm that she died"))
    >>> is_negated(without_withheld_denials("Police did not say she died"))
    'not'
    """
    return _WITHHELD_DENIAL_RE.sub(lambda m: " " * len(m.group(0)), text)


def set_against_elsewhere(text: str, base: int, at: int) -> str:
    """``text`` with each word of hearsay set against blanked, but where ``at`` is.

    "*Despite rumours* he had fled to Durango, Salcedo is in Culiacán": the
    rumours do not hedge the statement set against them (Culiacán), only what
    they say (Durango, from the word to the comma that closes the phrase; to
    the end of the sentence for a phrase after the statement: "..., despite
    rumours he had fled to Durango."). ``text`` is words from document offset
    ``base``, ``at`` the document offset of the word of a statement.

    Examples
    --------
    >>> t = "Despite rumours he had fled to Durango, Salcedo is in Culiacán."
    >>> hedge_of(set_against_elsewhere(t, 0, t.index("Culiacán")))
    ('certain', None)
    >>> hedge_of(set_against_elsewhere(t, 0, t.index("Durango")))
    ('possible', 'rumours')
    """
    for m in _SET_AGAINST_ANY.finditer(text):
        a, b = m.span("w")
        end = _SAID_END.search(text, b)
        if end is not None:
            stop = end.start()
        elif text[: m.start()].strip():
            stop = len(text)  # "Salcedo is in Culiacán, despite rumours he ..."
        else:
            stop = b  # "Despite the rumours Varga is in Seville": says nothing
        if a <= at - base < stop:
            continue  # the place or word of what the rumours say: hedged by them
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def withheld_elsewhere(sent: Any, text: str, base: int, at: int) -> str:
    """``text`` with each denial or word withheld blanked that is not of ``at``.

    ``text`` is words of the parsed sentence ``sent`` from document offset
    ``base``, and ``at`` the document offset of the word of a statement (a
    seeing, a death, a life). A denial or word withheld ("did not rule out
    that", "declined to confirm reports that": a ``possible`` cue of
    :func:`hedge_of`) raises only what its verb governs: not "Police arrested
    Salcedo in Culiacán on Monday but *refused to dismiss reports that* he had
    been tipped off", whose arrest stays as sure as it is said. So is a verb
    joined after the statement by "and" with a modal of its own blanked:
    "Salcedo was arrested in Culiacán on Monday *and may face charges* in
    Texas" (the modal is of the charges only: :func:`_joined_modals`).
    ``text`` as it is where ``sent`` is None or the verb is not found, but for a
    word of hearsay the statement is set against (:func:`set_against_elsewhere`).
    """
    text = set_against_elsewhere(text, base, at)
    if sent is None:
        return text
    for a, b in _joined_modals(sent, at):
        a, b = max(a - base, 0), min(b - base, len(text))
        if a < b:
            text = text[:a] + " " * (b - a) + text[b:]
    for m in _WITHHELD_ANY.finditer(text):
        start, end = base + m.start(), base + m.end()
        verb = next(
            (
                t
                for t in reversed(sent)
                if start <= t.idx < end and t.lemma_.lower() in _WITHHELD_VERBS
            ),
            None,
        )
        if verb is None or _governs(verb, at) or _asks(verb, at):
            continue  # not "won't confirm if he was arrested": what was asked
        # "would not rule out that": its modal too, and what it governs ("...
        # dismiss *claims that he was unarmed*"), another statement
        modal = _MODAL_BEFORE.search(text, 0, m.start())
        start = modal.start() if modal is not None else m.start()
        end = max([m.end(), *(_right_end(c) - base for c in _governed(verb))])
        end = min(end, len(text))
        text = text[:start] + " " * (end - start) + text[end:]
    return text


#: A confirmation not made or withheld: "officials *could not confirm that*",
#: "*were unable to verify* reports", "*won't confirm if*", "*declined to confirm
#: whether*" (with its "whether" or "if", which asks, and sets no condition).
_NOT_CONFIRMED = re.compile(
    r"\b(?:(?:could|would|will|can)\s+not|(?:could|would|wo|ca)n['’]t|"
    r"cannot|unable\s+to|(?:refus|declin)(?:e|es|ed|ing)\s+to)\s+"
    r"(?:(?:yet|publicly|officially|immediately|independently)\s+)?"
    r"(?:confirm|verify|corroborate)"
    r"(?:\s+(?:whether|if)\b|(?=\s+(?:that|reports?|claims?|she|he|they)\b|"
    r"\s+(?-i:[A-Z])))",
    re.IGNORECASE,
)
#: Verbs of confirming, as the parse names them.
_CONFIRM_VERBS = frozenset({"confirm", "verify", "corroborate"})


def unconfirmed(sent: Any, text: str, base: int, at: int) -> tuple[str, str | None]:
    """``text`` with each confirmation not made blanked, and the one of ``at``.

    "Officials *could not confirm that* Salcedo is dead", "*won't confirm if*
    he had been arrested": no one vouches for what the confirming verb
    governs, and no one denies it, so its "not" is no denial and its "if" no
    condition. ``text`` is words of the parsed sentence ``sent`` from document
    offset ``base``, and ``at`` the document offset of the word of a statement
    (a death); the words returned are those of the confirmation that governs
    it (the statement is only raised), None if none does ("He was killed in
    Culiacán; police could not confirm that he was in Durango": of another
    thing, which neither denies nor hedges the death). Without a parse, none
    governs it.
    """
    words = None
    for m in _NOT_CONFIRMED.finditer(text):
        start, end = base + m.start(), base + m.end()
        verb = next(
            (
                t
                for t in (sent if sent is not None else ())
                if start <= t.idx < end and t.lemma_.lower() in _CONFIRM_VERBS
            ),
            None,
        )
        if verb is not None and (_governs(verb, at) or _asks(verb, at)):
            words = words or " ".join(m.group(0).split())
        text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
    return text, words


def _asks(verb: Any, at: int) -> bool:
    """Whether ``verb`` asks the clause at ``at`` by an "if" taken for a condition.

    "*won't confirm if* he is dead": the parse hangs the clause on ``verb`` as
    a condition, where ``verb`` has no object (not "won't confirm *it* if
    asked").
    """
    if any(c.dep_ in ("dobj", "ccomp") for c in verb.children):
        return False
    return any(
        c.dep_ == "advcl"
        and any(g.dep_ == "mark" and g.lower_ in ("if", "whether") for g in c.children)
        and any(t.idx == at for t in c.subtree)
        for c in verb.children
    )


#: The tag of a modal, which hedges the verb it is of: "*may* face charges".
_MODAL_TAG = "MD"


def _joined_modals(sent: Any, at: int) -> list[tuple[int, int]]:
    """Document spans of the verbs joined after the word at ``at`` with a modal.

    "Salcedo was arrested in Culiacán on Monday *and may face charges in
    Texas*": a verb joined by "and" (a ``conj`` after the word, whose head
    holds it) with a modal of its own is a statement of its own, which the
    modal hedges, not the word's. Not one joined by "or" or "but" ("was
    killed, or may have been wounded"), nor the word's own verb ("may have
    been arrested in Culiacán and extradited"). None where the word is not
    found.
    """
    word = next((t for t in sent if t.idx == at), None)
    if word is None:
        return []
    spans = []
    for verb in sent:
        head = verb.head
        if (
            verb.dep_ != "conj"
            or verb.pos_ not in ("VERB", "AUX")
            or verb.i <= word.i
            or not head.left_edge.i <= word.i <= head.right_edge.i
            or verb.left_edge.i <= word.i <= verb.right_edge.i
        ):
            continue
        joins = [c for c in head.children if c.dep_ == "cc" and head.i < c.i < verb.i]
        if not joins or any(c.lower_ != "and" for c in joins):
            continue
        if not any(
            c.dep_ == "aux" and c.tag_ == _MODAL_TAG and c.i < verb.i
            for c in verb.children
        ):
            continue
        first, last = sent.doc[verb.left_edge.i], sent.doc[verb.right_edge.i]
        spans.append((int(first.idx), int(last.idx + len(last.text))))
    return spans


def _right_end(tok: Any) -> int:
    """The document offset just after the last word under ``tok``."""
    last = tok.doc[tok.right_edge.i]
    return int(last.idx + len(last.text))


#: A modal just before a denial withheld: "*would* not rule out".
_MODAL_BEFORE = re.compile(
    r"\b(?:would|could|will|can|may|might|should)\s+$", re.IGNORECASE
)


def _governed(verb: Any) -> list[Any]:
    """The words below ``verb`` that head what it governs."""
    return [
        c
        for c in verb.children
        if c.dep_ not in _BESIDE_WITHHELD and not semicolon_between(c, verb)
    ]


def _governs(verb: Any, at: int) -> bool:
    """Whether the word at document offset ``at`` is in what ``verb`` governs."""
    return any(t.idx == at for c in _governed(verb) for t in c.subtree)


def semicolon_between(clause: Any, head: Any) -> bool:
    """Whether a semicolon parts the parsed ``clause`` before ``head`` from it.

    "She was found dead in York*;* police did not rule out that ...": a clause
    of its own, which the parse may hang on the verb after it.
    """
    if clause.i > head.i:
        return False
    return any(t.text == ";" for t in clause.doc[clause.right_edge.i + 1 : head.i])


def before_semicolon(text: str, at: int) -> str:
    """``text`` with the clauses after the first semicolon after ``at`` blanked.

    "Salcedo was arrested in Culiacán on Monday; *he would have fled to Durango
    if* ...", "was killed in Culiacán on Monday; *he may have been betrayed*":
    a clause after a semicolon says something else, and does not hedge the
    statement at ``at``. Not one that speaks of the statement itself, with no
    words of its own ("...; *however, this is unconfirmed*", "*this could not
    be verified*"), which is kept.

    Examples
    --------
    >>> before_semicolon("was seen in Leeds; he may have fled", 0).rstrip()
    'was seen in Leeds;'
    >>> before_semicolon("was seen in Leeds; this is unconfirmed", 0)
    'was seen in Leeds; this is unconfirmed'
    """
    semicolon = text.find(";", at)
    if semicolon < 0:
        return text
    after = text[semicolon + 1 :]
    back = _BACK.match(after)
    if back is not None and not _OWN_WORDS.search(after, back.end()):
        return text
    return text[: semicolon + 1] + " " * len(after)


#: The opening of a clause that speaks of the statement before it: "...;
#: *however, this* is unconfirmed", "*but that* could not be verified".
_BACK = re.compile(
    r"\s*(?:(?:however|but|though|although|yet)\b,?\s*)?(?:this|that|it|these|"
    r"the\s+(?:reports?|claims?|sightings?|accounts?|information))\b",
    re.IGNORECASE,
)
#: Words of a clause's own, after its opening: "it is said *that he* had been
#: betrayed", "it is unclear *whether he* was armed".
_OWN_WORDS = re.compile(
    r"\b(?:that|whether|if|who|he|she|they|him|her|his|their|its)\b", re.IGNORECASE
)


def lower(hedge: Hedge, steps: int = 1) -> Hedge:
    """``hedge`` made ``steps`` levels less sure (never below ``doubtful``).

    Examples
    --------
    >>> lower("certain"), lower("possible", 3)
    ('probable', 'doubtful')
    """
    rank = max(0, _RANK[hedge] - steps)
    return next(h for h, r in _RANK.items() if r == rank)
