"""A death claim taken back by its own speaker in the sentence after it.

Helper of :mod:`geosleuth.read.life`. "The defence ministry had said on Monday
that Salcedo was killed in the clash. *On Wednesday it said that statement was
wrong*": a statement referred back to ("that statement", "the report", "its
claim") is called untrue, withdrawn ("retracted the claim", "Officials later
backtracked", "corrected themselves") or owned as an error ("admitted it had
been wrong") by the one who made it, or the body is shown to be another's ("DNA
tests later showed the body was not his"). One that the claimant no longer
vouches for ("..., saying they could not confirm his death") is doubted, not
taken back (:func:`doubted_next`); so is one doubted in a clause of its own
after it in the same sentence ("...; his death could not be confirmed":
:func:`doubted_here`). Not a take-back:

- another's word against it: "Salcedo's family said that statement was wrong",
  "That statement was wrong, his lawyer insisted" (an interested party's
  contradiction is its own word, not the claimant's retraction);
- one that the claimant keeps: "..., but the army stood by it", "..., then
  reinstated it" (not a keeping denied: "and declined to reaffirm it");
- one of another statement, nearer: "It had earlier said he was wounded; that
  statement was wrong, officials said";
- one of another detail, which the sentence corrects: "On Tuesday it said that
  statement was wrong: the clash had taken place near Cosalá" (the speaker's
  own error corrects none: "..., saying they had been misinformed");
- one of another of the target's own, that does not name who really died
  ("Officials later backtracked, saying his brother was not among the dead");
  one that does ("..., saying his bodyguard had been killed, not Salcedo", "his
  men had carried him away alive") is of the target's death; one that sets
  another of the target's own against another ("..., saying his bodyguard had
  been killed, *not his driver*", "his driver had survived") is not.

The next sentence is read in words, for it is often not parsed
(:mod:`geosleuth.read.document` parses only the sentences that may give
evidence).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from geosleuth.read.target import TargetRef

__all__ = [
    "detail_doubted",
    "doubted_here",
    "doubted_next",
    "place_doubted",
    "taken_back_next",
]

#: A noun by which a sentence refers back to the statement before it, after a
#: word that makes it the one just made: "*that statement*", "*the report*", "*its
#: claim*", "the ministry's *earlier statement*".
_STATEMENT = (
    r"(?:that|the|this|these|those|its|their|[\w-]+['’]s)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|report|claim|announcement|account|assertion|information|news|"
    r"communiqu[eé])s?"
)
#: What calls it untrue: "was wrong", "was premature", "was not true".
_UNTRUE_PREDICATE = (
    r"(?:was|were|is|are|had\s+been|has\s+been|turned\s+out\s+to\s+be|"
    r"proved|proven\s+to\s+be)\s+(?:\w+ly\s+|later\s+|since\s+)?"
    r"(?:wrong|false|untrue|incorrect|inaccurate|mistaken|erroneous|premature|"
    r"unfounded|baseless|groundless|in\s+error|not\s+(?:true|correct|accurate))"
)
#: Verbs that take it back: "retracted the claim", "withdrew its statement".
_TAKING_BACK = (
    r"(?:retract(?:ed|s)?|withdr(?:ew|aws)|rescind(?:ed|s)?|correct(?:ed|s)|"
    r"den(?:ied|ies)|took\s+back)"
)
#: A negation just before the verb: "did not retract", "has never withdrawn".
_NOT_BEFORE = re.compile(r"(?:\bnot|n['’]t|\bnever|\brefused\s+to)\s+(?:\w+\s+)?$")
#: A body said not to be the one claimed: "DNA tests later showed *the body was
#: not his*" ("... after all", "..., but his deputy's"), "the remains did not
#: belong to him", "the remains were not *those of Salcedo*" (the target's name:
#: :func:`_whose`).
_NOT_THE_BODY = (
    r"(?:the|that)\s+(?:dead\s+)?(?:body|bodies|remains|corpse|dead\s+(?:man|woman))"
    r"\s+(?:(?:was|were|is|are|had\s+been)\s+not|(?:did|does)\s+not\s+belong\s+to|"
    r"(?:proved|turned\s+out)\s+not\s+to\s+be)\s+(?:hers|him|theirs|them\b|"
    # "was not his", "not his after all", not "was not his (late) brother's"
    r"(?:his|her)\b(?!['’]|\s+(?:[\w-]+\s+)?[\w-]+['’])|"
    # "were not those of Salcedo", not "those of Salcedo's brother"
    r"those\s+of\s+(?P<whose>(?-i:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*))\b(?!['’]))"
)
_TAKEN_BACK = re.compile(
    # "that statement was wrong" (not "was wrong about the time", "wrong to say")
    rf"\b{_STATEMENT}\s+{_UNTRUE_PREDICATE}\b(?!\s+(?:about|on|to|in)\b)"
    # "later retracted the claim" (not "denied the report that she fled")
    rf"|\b{_TAKING_BACK}\s+{_STATEMENT}\b(?!\s+(?:that|of|about)\b)"
    # "Officials later backtracked" (not "backtracked on plans to ...")
    r"|\b(?:backtrack(?:ed|s)|back-?pedal(?:l?ed|s)|rowed\s+back)\b"
    r"(?=\s*(?:[,.;:—–]|$)"
    rf"|\s+(?:on|from)\s+{_STATEMENT}\b(?!\s+(?:that|of|about)\b))"
    # "Officials later corrected themselves" (not "corrected the spelling")
    r"|\bcorrect(?:ed|s)\s+(?:themselves|itself|himself|herself)\b"
    # "DNA tests later showed the body was not his"
    rf"|\b{_NOT_THE_BODY}"
    # "admitted it had been wrong" (not "wrong to raid the house")
    r"|\b(?:admitted|acknowledged|conceded)\s+(?:that\s+)?(?:it|they|he|she|we)\s+"
    r"(?:had\s+been|was|were|has\s+been)\s+(?:wrong|mistaken|in\s+error)\b"
    r"(?!\s+(?:about|on|to|in)\b)",
    re.IGNORECASE,
)
#: The end of the next sentence: end punctuation before a space or the text's end.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*(?=\s|$)")

# -- who takes it back ----------------------------------------------------------

_REPORTING = (
    r"(?:said|says|say|insisted|insists|added|adds|stated|states|claimed|claims|"
    r"argued|argues|maintained|maintains|announced|declared|confirmed|"
    r"acknowledged|admitted|conceded|noted|explained|wrote|tweeted|told\s+[\w-]+)"
)
#: Words between a speaker and its verb: "Officials *later* said".
_ADVERBS = (
    r"(?:(?:later|also|then|now|subsequently|since|again|swiftly|quickly|publicly|"
    r"officially|formally|initially|finally|separately|eventually)\s+)*"
)
#: Verbs by which evidence tells: "DNA tests *showed* the body was not his".
_SHOWING = (
    r"(?:showed|shows|show|proved|proves|established|determined|indicated|found|"
    r"revealed)"
)
#: The speaker before the words: "Salcedo's family said [that statement...]",
#: "The army later [retracted the claim]", "DNA tests later showed [...]".
_SPEAKER_BEFORE = re.compile(
    rf"(?P<who>[^,;:—–]*?)\s*{_ADVERBS}"
    rf"(?:(?:{_REPORTING}|{_SHOWING})\s+(?:that\s+)?)?$",
    re.IGNORECASE,
)
#: The speaker after the words: "..., his lawyer insisted", "..., said police".
_SPEAKER_AFTER = re.compile(
    rf"^[\"'”’]?\s*,\s*(?:(?P<who>[^,;:.]+?)\s+{_ADVERBS}{_REPORTING}\b"
    rf"|{_REPORTING}\s+(?P<who2>[^,;:.]+?)(?=\s*[,;:.]|\s+on\b|$))",
    re.IGNORECASE,
)
#: A time before the speaker: "On Tuesday it said", "Hours later, it withdrew".
_TIME_FIRST = re.compile(
    r"^(?:(?:on|by|late|early)\s+\w+|(?:hours|days|a\s+day|a\s+week|weeks)\s+later|"
    r"later|then|however|but|and)\s+",
    re.IGNORECASE,
)
#: The claimant itself, by pronoun: "*It* later retracted the claim".
_OWN_PRONOUNS = frozenset({"it", "they", "we", "he", "she"})
#: Who speaks for the state that claimed it: "*officials* later said", "the
#: defence *ministry*".
_AUTHORITIES = frozenset(
    {"ministry", "government", "military", "army", "navy", "police", "official",
     "officials", "authorities", "spokesman", "spokeswoman", "spokesperson",
     "command", "forces", "department", "office", "agency", "prosecutors",
     "prosecutor", "presidency", "president", "minister", "governor", "general",
     "commander", "source", "sources"}
)  # fmt: skip
#: Interested parties, whose "that statement was wrong" is their own word: the
#: target's family, kin and counsel, its supporters.
_PARTIES = frozenset(
    {"family", "families", "relatives", "relative", "lawyer", "lawyers",
     "attorney", "attorneys", "counsel", "solicitor", "barrister", "advocate",
     "wife", "husband", "widow", "brother", "sister", "mother", "father", "son",
     "daughter", "cousin", "uncle", "aunt", "nephew", "niece", "parents",
     "supporters", "followers", "friends", "friend", "partner", "spouse", "kin",
     "clan", "tribe"}
)  # fmt: skip
#: Evidence, which speaks for no party: "DNA *tests* later showed ...", "an
#: *autopsy* found ...".
_EVIDENCE = frozenset(
    {"test", "tests", "dna", "autopsy", "autopsies", "analysis", "analyses",
     "results", "examination", "examinations", "forensics", "fingerprints",
     "evidence", "identification"}
)  # fmt: skip
#: The claimant keeps it: "..., but the army *stood by it*", "the ministry
#: *maintained* its claim", or puts it back: "..., then *reinstated it*" (as
#: the claims' :data:`geosleuth.read._retractions._PUT_BACK`).
_KEPT = re.compile(
    r"\b(?:stood|stands?|standing)\s+by\b"
    r"|\bmaintain(?:ed|s|ing)?\s+(?:it|its|their|the|that)\b"
    r"|\breaffirm(?:ed|s|ing)?\b"
    r"|\b(?:reinstat|restor|re-?confirm|re-?issu)\w*\s+(?:it\b|(?:the|its|their|that)\s+"
    r"(?:[\w-]+\s+)?(?:claim|statement|report|announcement|account)s?\b)"
    r"|\binsist(?:ed|s|ing)?\s+(?:that\s+)?it\s+was\s+(?:true|right|correct|accurate)",
    re.IGNORECASE,
)
#: Words that deny the keeping just before it: "and *declined to* reaffirm it",
#: "*refused to* reaffirm it", "have *not* reaffirmed it" (review r27, D4). The
#: claims' :data:`geosleuth.read._retractions._NOT_BEFORE`, which cannot be
#: imported here (that module imports this one).
_NOT_KEPT = re.compile(
    r"(?:\bnot|n['’]t|\bnever|\bno\s+longer|\bdeclin\w*\s+to|\brefus\w*\s+to"
    r"|\byet\s+to|\bwithout|\bfail\w*\s+to)\s+"
    # not a negation of the putting back: "*without delay* reaffirmed it", "did
    # *not hesitate* to reaffirm it", "*not long afterwards*" (review r29, 4)
    r"(?!(?:any\s+|a\s+)?(?:delay|hesitat\w*|long|pause|waiting|wait)\b)"
    r"(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


def _kept(after: str) -> bool:
    """Whether the words ``after`` a take-back keep the statement after all.

    "..., but the army *stood by it*", "..., but then *reaffirmed it*"
    (:data:`_KEPT`); not a keeping denied just before it ("and *declined to*
    reaffirm it", "have *not* reaffirmed it": :data:`_NOT_KEPT`).

    Examples
    --------
    >>> _kept(", but then reaffirmed it.")
    True
    >>> _kept(", and declined to reaffirm it.")
    False
    """
    return any(
        _NOT_KEPT.search(after[max(0, m.start() - 40) : m.start()]) is None
        for m in _KEPT.finditer(after)
    )


#: Where a nearer statement ends before the words: "It had earlier said he was
#: wounded*;* that statement was wrong".
_CLAUSE_BREAK = re.compile(r"[;:—–]|,\s*(?:but|and)\b")
_REPORTED = re.compile(rf"\b{_REPORTING}\s+\S", re.IGNORECASE)
#: The speaker's own error, which tells no detail: "saying *they had been
#: misinformed*", "*it had acted on faulty information*" (review r27, D5); not
#: one of a detail ("*they had been misinformed* about the town").
_OWN_ERROR = (
    r"(?:that\s+)?(?:it|they|we)\s+(?:had|has|have|was|were)\s+(?:been\s+)?"
    r"(?:misinformed|misled|mistaken|wrong|in\s+error|erred|"
    r"(?:given|acted\s+on|relied\s+on)\s+(?:wrong|false|incorrect|inaccurate|"
    r"faulty|bad|unverified|erroneous)\s+(?:information|intelligence|reports?))"
    r"(?=\s*(?:[,.;:—–]|and\b|$))"
)
#: What the sentence puts after the words to say which detail was wrong: "...
#: was wrong*:* the clash had taken place near Cosalá"; not the speaker's own
#: error (:data:`_OWN_ERROR`: "..., saying they had been misinformed").
_EXPLAINED = re.compile(
    rf"^[\"'”’]?\s*(?:[:;—–]|,\s*(?:saying|adding)\b)(?!\s*(?i:{_OWN_ERROR}))"
)
#: Words of a correction that is about the target's life or death.
_OF_LIFE = re.compile(
    r"\b(?:alive|surviv\w*|dead|death|died|dies|killed|wounded|injured|hurt|"
    r"captured|escaped|fled|body|he|she|him|her|his)\b",
    re.IGNORECASE,
)


def taken_back_next(
    text: str,
    end: int,
    *,
    claimant: str | None = None,
    refs: Sequence[TargetRef] = (),
) -> str | None:
    """The words of the sentence after offset ``end`` that take back the one before.

    "The defence ministry had said on Monday that Salcedo was killed in the
    clash. *On Wednesday it said that statement was wrong*: ...": a statement
    referred back to ("that statement", "the report", "its claim", not "the
    report that she fled") is called untrue ("was wrong", "was premature", "was
    not true", "turned out to be false") or taken back ("retracted the claim",
    "withdrew its statement", "took back the report"), or its speaker owns an
    error ("admitted it had been wrong"); not after a negation ("did not retract
    the claim").

    It is taken back only by its own speaker: the one who says so (before the
    words, "*it* said that statement was wrong", or after, "..., *officials*
    said") is the claimant ``claimant`` (by the head word of its name, "the
    army" of "Army"), a pronoun for it ("it", "they"), one who speaks for the
    state ("the ministry", "officials", "police"), or no one (the report's own
    voice); not an interested party (:data:`_PARTIES`: "Salcedo's family", "his
    lawyer") nor anyone else, whose word is its own. Nor when the sentence keeps
    it ("..., but the army stood by it"; not "and declined to reaffirm it":
    :func:`_kept`), refers to a nearer statement of its own ("It had earlier
    said he was wounded; that statement was wrong") or corrects another detail
    ("...: the clash had taken place near Cosalá", a correction with no word
    of life or death, nor of the target: ``refs``; the speaker's own error is
    none: "..., saying they had been misinformed").

    Examples
    --------
    >>> t = "The army said Doe was killed. It later retracted the claim."
    >>> taken_back_next(t, 29, claimant="Army")
    'retracted the claim'
    >>> taken_back_next("Doe was killed. It did not retract the claim.", 15)
    >>> taken_back_next("He was killed. The report that she fled was false.", 14)
    >>> t = "The army said Doe was killed. Doe's lawyer said the report was wrong."
    >>> taken_back_next(t, 29, claimant="Army")
    """
    start = len(text) - len(text[end:].lstrip())
    stop = _SENTENCE_END.search(text, start)
    sentence = text[start : stop.end() if stop else len(text)]
    corrected = _corrected(sentence, start, claimant, refs)
    if corrected is not None:
        return corrected
    for m in _TAKEN_BACK.finditer(sentence):
        before, after = sentence[: m.start()], sentence[m.end() :]
        if _NOT_BEFORE.search(before) is not None:
            continue
        if not _whose(m, start, refs):
            continue  # "the remains were not those of Ramos": whose they are not
        if _kept(after):
            return None  # "..., but the army stood by it"
        if _nearer_statement(before):
            return None
        if not _own_word(_taker(before, after), claimant):
            return None
        if not _of_life(after, start + m.end(), refs):
            return None
        return m.group(0)
    return None


#: The target named, or "him", "her", after the "not" of a correction.
_WHOM = r"(?:him|her|(?-i:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*))(?!['’\w])"
#: A death of the target taken back by saying who died in its stead, or that it
#: lived: "it was his bodyguard, *not Salcedo*, who had died", "his bodyguard
#: had been killed, *not him*", "the dead man was his bodyguard", "he had
#: survived".
_CORRECTED = re.compile(
    r"\b(?:it\s+was\s+)?(?:his|her|their)\s+(?P<other>[\w-]+),?\s+(?:and\s+|but\s+)?"
    rf"not\s+(?P<whom>{_WHOM}),?\s+(?:who|that)\s+(?:had\s+|has\s+)?"
    r"(?:been\s+|was\s+|were\s+)?(?:killed|died|dead|slain)\b"
    r"|\b(?:his|her|their)\s+(?P<other2>[\w-]+)\s+(?:(?:had\s+been|has\s+been|was|"
    r"were)\s+(?:killed|slain|dead)|(?:had\s+)?died),?\s+(?:and\s+|but\s+)?"
    rf"not\s+(?P<whom2>{_WHOM})"
    r"|\bthe\s+(?:dead\s+(?:man|woman)|body|corpse|remains)\s+(?:was|were|is|"
    r"had\s+been)\s+(?:that\s+of\s+|those\s+of\s+)?(?:his|her)\s+(?P<other3>[\w-]+)"
    r"\b(?!['’])"
    r"|\b(?P<lived>he|she)\s+(?:(?:had|has)\s+survived\b(?!\s+(?:an?|another|"
    r"several|two|three|many|previous|earlier|numerous)\b)|(?:was|is|had\s+been)\s+"
    r"(?:still\s+)?alive\b)",
    re.IGNORECASE,
)
#: Words of a later word, by which "he had survived" takes back the death told
#: before: "Officials *later* said he had survived".
_LATER = re.compile(
    r"\b(?:later|subsequently|afterwards|since|now|then|instead|actually|in\s+fact)\b",
    re.IGNORECASE,
)


def _corrected(
    sentence: str, start: int, claimant: str | None, refs: Sequence[TargetRef]
) -> str | None:
    """The words of ``sentence`` (at offset ``start``) that correct the death.

    "Officials later said it was his bodyguard, not Salcedo, who had died",
    "Later they said his bodyguard had been killed, not him", "Officials later
    said the dead man was his bodyguard" (one of the target's own,
    :data:`_OTHERS`, died in its stead: the name after "not" is the target's,
    one of ``refs``), "Officials later said he had survived" (a later word,
    :data:`_LATER`), by the claimant or one who speaks for the state
    (:func:`_own_word`), and not kept after. None when it says none of these.
    """
    for m in _CORRECTED.finditer(sentence):
        before, after = sentence[: m.start()], sentence[m.end() :]
        other = m.group("other") or m.group("other2") or m.group("other3")
        if other is not None and other.lower() not in _OTHERS:
            continue
        whom = m.group("whom") or m.group("whom2")
        if whom is not None and whom.lower() not in ("him", "her"):
            group = "whom" if m.group("whom") else "whom2"
            lo, hi = start + m.start(group), start + m.end(group)
            if not any(lo <= r.start < hi and r.kind != "pronoun" for r in refs):
                continue  # "..., not his driver": not the target
        if m.group("lived") is not None and _LATER.search(before) is None:
            continue  # "He had survived the raid" as a fact, not a later word
        if _NOT_BEFORE.search(before) is not None or _kept(after):
            continue
        if not _own_word(_taker(before, after), claimant):
            continue
        return m.group(0)
    return None


def _whose(m: re.Match[str], start: int, refs: Sequence[TargetRef]) -> bool:
    """Whether the name of "the remains were not *those of Salcedo*" is the target's.

    True when the words name no one so (``start`` is the document offset of
    the sentence matched), or name one of the target's ``refs``.
    """
    if m.group("whose") is None:
        return True
    lo, hi = start + m.start("whose"), start + m.end("whose")
    return any(lo <= r.start < hi and r.kind != "pronoun" for r in refs)


def _taker(before: str, after: str) -> str:
    """Who takes it back, in words ("" for no one): before the words, or after."""
    got = _SPEAKER_BEFORE.search(before)
    who = got.group("who").strip() if got is not None else ""
    while (time := _TIME_FIRST.match(who)) is not None:
        who = who[time.end() :]
    if who:
        return who
    late = _SPEAKER_AFTER.match(after)
    if late is None:
        return ""
    return (late.group("who") or late.group("who2") or "").strip()


def _own_word(who: str, claimant: str | None) -> bool:
    """Whether ``who`` takes back the claim of ``claimant`` as its own word."""
    words = [w.lower().removesuffix("'s").removesuffix("’s") for w in who.split()]
    if not words:
        return True  # the report's own voice: "That report was false."
    if any(w in _PARTIES for w in words):
        return False  # "Salcedo's family said that statement was wrong"
    head = words[-1]
    if head in _OWN_PRONOUNS or head in _AUTHORITIES or head in _EVIDENCE:
        return True
    return claimant is not None and head in claimant.lower().split()


#: A statement of the taker's own, told in a relative clause: "The governor, *who
#: had said Salcedo was in custody*, later backtracked".
_WHO_SAID = re.compile(
    rf",\s*(?:who|which)\s+(?:had\s+)?{_ADVERBS}{_REPORTING}\b(?P<what>[^,;:—–]*)",
    re.IGNORECASE,
)
#: Words of the death in the taker's own statement: "which had said he was
#: *fatally* shot", "who had said *the same*" (the death before).
_DEATH = re.compile(
    r"\b(?:dead|death|died|killed|slain|fatally|the\s+same)\b", re.IGNORECASE
)


def _nearer_statement(before: str) -> bool:
    """Whether the sentence reports a statement of its own before the words.

    "It had earlier said he was wounded; that statement was wrong": "that
    statement" is the wounded one. "The governor, who had said Salcedo was in
    custody, later backtracked": the governor takes back his own word, not
    the death (unless that word is the death: "The army, which had said he
    was killed, later backtracked").
    """
    own = _WHO_SAID.search(before)
    if own is not None and _DEATH.search(own.group("what")) is None:
        return True
    cut = [m.start() for m in _CLAUSE_BREAK.finditer(before)]
    return bool(cut) and _REPORTED.search(before[: cut[-1]]) is not None


#: Another person as the subject of the correction: "saying *his brother* was
#: not among the dead".
_ANOTHER_FIRST = re.compile(
    r"^\s*(?:that\s+)?(?:his|her|their|its|[\w-]+['’]s)\s+"
    r"(?P<who>[\w-]+(?:\s+[\w-]+)?)",
    re.IGNORECASE,
)
#: Those of the target's own, kin or men, whom a correction may be about.
_OTHERS = _PARTIES | frozenset(
    {"bodyguard", "bodyguards", "deputy", "deputies", "aide", "aides", "driver",
     "lieutenant", "lieutenants", "guard", "guards", "men", "fighters", "associate",
     "associates", "companion", "companions", "brothers", "sons", "sisters"}
)  # fmt: skip


def _of_life(after: str, at: int, refs: Sequence[TargetRef]) -> bool:
    """Whether the correction after the words (at offset ``at``) is of the death.

    No correction told ("It later retracted the claim.") is of the statement as
    a whole. One told ("...: the clash had taken place near Cosalá") must say a
    word of life or death, or of the target.
    """
    told = _EXPLAINED.match(after)
    if told is None:
        return True
    rest = after[told.end() :]
    lo, hi = at + told.end(), at + len(after)
    if _swapped(rest) and not any(
        lo <= r.start < hi and r.kind != "pronoun" for r in refs
    ):
        # "..., saying his bodyguard had been killed, not his driver": which of
        # the target's own died, not whether the target did
        return False
    other = _ANOTHER_FIRST.match(rest)
    if other is not None and _OTHERS & set(other.group("who").lower().split()):
        # "..., saying his brother was not among the dead": of another, unless
        # it names who really died or the target again
        return _real_victim(rest[other.end() :]) or any(
            lo + other.end() <= r.start < hi for r in refs
        )
    return _OF_LIFE.search(rest) is not None or any(lo <= r.start < hi for r in refs)


#: Another of the target's own set against the one the correction names: "his
#: bodyguard had been killed, *not his driver*", "it was the driver *and not the
#: bodyguard* who was killed", "*rather than his driver*".
_AGAINST = re.compile(
    r"\b(?:not|rather\s+than|instead\s+of)\s+(?:his|her|their|its|the|[\w-]+['’]s)\s+"
    r"(?P<who>[\w-]+)",
    re.IGNORECASE,
)


def _swapped(words: str) -> bool:
    """Whether the correction ``words`` set one of the target's own against another.

    "his bodyguard had been killed, not his driver", "it was his driver who
    died, not his bodyguard", "the dead man was his bodyguard, rather than his
    driver" (:data:`_AGAINST`, :data:`_OTHERS`): a correction of which of them
    died, not of the target's death; not "his bodyguard had been killed, not
    Salcedo", nor "not him".

    Examples
    --------
    >>> _swapped("his bodyguard had been killed, not his driver.")
    True
    >>> _swapped("his bodyguard had been killed, not Salcedo.")
    False
    """
    return any(m.group("who").lower() in _OTHERS for m in _AGAINST.finditer(words))


#: What the correction says of another that makes it the one who died, or the
#: target alive: "his bodyguard *had been killed*", "his son *was among the
#: dead*", "his men had carried him away *alive*".
_DIED_INSTEAD = re.compile(
    r"\b(?:(?P<death>dead|died|killed|slain)|alive|escaped|survived)\b",
    re.IGNORECASE,
)
#: Words between another and its own "survived" or "escaped", which tell that
#: the other lived, not the target: "his driver *had* survived".
_OWN_PREDICATE = re.compile(
    r"\s*(?:(?:had|has|have|was|were|is|are|been|also|in\s+fact|later|actually)\s+)*",
    re.IGNORECASE,
)
#: Words by which the other's death is denied, or besides the target's: "his
#: brother was *not* among the dead", "was *also* among the dead".
_NOT = re.compile(r"\b(?:not|never|no\s+longer)\b|n['’]t\b", re.IGNORECASE)
_BESIDES = re.compile(r"\b(?:also|too|as\s+well|among\s+others)\b", re.IGNORECASE)


def _real_victim(words: str) -> bool:
    """Whether the correction after another's noun says who really died.

    "saying his bodyguard *had been killed*", "his son *was among the dead*"
    (the one who died, for the target), "his men had carried him away
    *alive*"; not "his brother was *not* among the dead", nor "was *also* among
    the dead" (besides the target), nor "his driver *had survived*" (the
    other's own life: :data:`_OWN_PREDICATE`).
    """
    said = _DIED_INSTEAD.search(words)
    if said is None:
        return False
    if said.group("death") is None:
        # "carried him away alive", not "his driver had survived": the other's own
        return _OWN_PREDICATE.fullmatch(words[: said.start()]) is None
    return (
        _NOT.search(words, 0, said.start()) is None and _BESIDES.search(words) is None
    )


#: The claimant no longer sure of the death: "saying they *could not confirm his
#: death*", "*his death could not be verified*", "were unable to confirm the
#: report".
_CANNOT = r"(?:(?:could|would)\s*(?:not|n['’]t)|can\s+not|can['’]t|cannot)"
#: ... and one not confirmed yet: "his death *has not been* confirmed", "*has
#: yet to be* confirmed", "*remains unconfirmed*", as "could not be confirmed".
_UNCONFIRMED_BE = (
    rf"(?:(?:{_CANNOT}\s+be|(?:has|have|had)\s*(?:not|n['’]t)\s+(?:yet\s+)?been|"
    r"(?:has|have|had)\s+yet\s+to\s+be)\s+(?:independently\s+)?"
    r"(?:confirmed|verified)|remain(?:s|ed)?\s+(?:unconfirmed|unverified))"
)
_DOUBTED = re.compile(
    rf"\b(?:{_CANNOT}|(?:was|were|are|is)\s+unable\s+to)\s+"
    r"(?:yet\s+|independently\s+)?(?:confirm|verify)\s+"
    rf"(?:(?:his|her|their|the)\s+death|{_STATEMENT}\b(?!\s+(?:that|of|about)\b)|"
    r"(?:that|whether)\s+(?:he|she|they)\s+(?:was|were|had\s+been)\s+(?:dead|killed))"
    rf"|\b(?:his|her|their|the)\s+death\s+{_UNCONFIRMED_BE}",
    re.IGNORECASE,
)


#: Who or what is to confirm it, after the words that doubt: "his death has yet
#: to be confirmed *by DNA tests*", "*by the authorities*".
_BY_WHOM = r"(?:\s+by\s+[\w’'.-]+(?:\s+[\w’'.-]+){0,3})?"
#: What opens a clause of its own after the death: "; however,", ", but".
_CLAUSE_OPEN = r"(?:;|,\s*but\b)\s*(?:(?:however|though|but|yet)\b,?\s*)?"
#: What may end the sentence after that clause (the clause ends it).
_CLAUSE_END = r"\s*[.!?…]?[\"'”’)]*\s*$"
#: A clause of its own after the death, in the same sentence, that doubts it:
#: "; *his death could not be confirmed*", ", *but this could not be
#: independently verified*", "; *officials could not confirm his death*".
_DOUBTED_HERE = re.compile(
    # not "; the cause of his death": a detail of it (:data:`_DETAIL_DOUBTED`)
    _CLAUSE_OPEN + r"(?P<doubt>(?:[\w’'-]+\s+){0,3}?(?<!\bof\s)(?<!\bfor\s)"
    rf"(?:{_DOUBTED.pattern}|(?:this|that|it|{_STATEMENT})\s+{_UNCONFIRMED_BE}))"
    + _BY_WHOM
    + _CLAUSE_END,
    re.IGNORECASE,
)


def doubted_here(text: str, end: int) -> tuple[int, int, str] | None:
    """The clause of ``text`` after offset ``end`` that doubts the death before it.

    "Salcedo was killed in a shootout in Culiacán on Monday*; his death could
    not be confirmed*.": the clause after a semicolon (or ", but") that says
    the death, or the statement of it, could not be confirmed, and no more
    (the sentence ends with it). No denial: the death is at most possible, as
    for one doubted in the next sentence (:func:`doubted_next`). Returns the
    offsets of the clause, from its semicolon, and the words that doubt;
    None if there is none.

    Examples
    --------
    >>> doubted_here("He was killed; his death could not be confirmed.", 7)[2]
    'his death could not be confirmed'
    >>> doubted_here("He was killed; he could not be found.", 7) is None
    True
    """
    m = _DOUBTED_HERE.search(text, end)
    return None if m is None else (m.start(), len(text), m.group("doubt"))


#: Where or when the body was laid, a detail of the death: "*the site of his
#: burial*", "*the location of his body* (*grave*, *remains*)", "*the place
#: and date of the funeral*", "*his burial place*" (review r65).
_BURIAL = (
    r"(?:the\s+)?(?:exact\s+|precise\s+)?(?:site|place|location|whereabouts|"
    r"date|time)(?:\s+and\s+(?:site|place|location|date|time))?\s+of\s+"
    r"(?:(?:his|her|their|the)\s+)?(?:burial|body|bodies|grave|remains|funeral|"
    r"corpse)|(?:his|her|their|the)\s+(?:exact\s+)?(?:burial\s+(?:site|place)|"
    r"grave(?:\s?site)?|resting\s+place)"
)
#: Where the body was laid, not known: "; *it is not known where he was
#: buried*", "; *it remains unclear where his body is*".
_WHERE_BURIED_UNKNOWN = (
    r"it\s+(?:is|was|remains|remained)\s+(?:not\s+(?:yet\s+)?(?:known|clear)|"
    r"unknown|unclear)\s+where\s+(?:he|she|they|(?:his|her|their|the)\s+"
    r"(?:body|bodies|remains))\s+(?:was|were|is|are|(?:has|have|had)\s+been|lies|"
    r"lay)(?:\s+(?:buried|laid\s+to\s+rest))?"
)
#: A clause of its own after the death that doubts a detail of it, not the
#: death: "; *the cause of his death could not be confirmed*", ", but *the
#: date of death could not be verified*", "; *the circumstances of his death
#: have yet to be confirmed*", "; *the death toll remains unconfirmed*",
#: "; *the site of his burial has not been confirmed*", "; *the location of
#: his body is not known*", "; *it is not known where he was buried*".
_DETAIL_DOUBTED = re.compile(
    _CLAUSE_OPEN
    + r"(?:(?:(?:the\s+)?(?:exact\s+|precise\s+)?(?:cause|date|time|timing|"
    r"place|location|circumstances|manner|reasons?)\s+(?:of|for)\s+"
    r"(?:(?:his|her|their|the)\s+)?death|"
    r"the\s+(?:(?:exact|precise|final)\s+)?(?:death\s+toll|number\s+of\s+"
    r"(?:dead|deaths|victims|casualties|people\s+killed))|" + _BURIAL + r")\s+"
    rf"(?:{_CANNOT}\s+(?:yet\s+)?be\s+(?:independently\s+)?"
    r"(?:confirmed|verified|determined|established)|"
    rf"{_UNCONFIRMED_BE}|"
    r"(?:is|are|was|were|remains?|remained)\s+(?:not\s+(?:yet\s+)?known|unknown|"
    r"unclear))|" + _WHERE_BURIED_UNKNOWN + r")" + _BY_WHOM + _CLAUSE_END,
    re.IGNORECASE,
)


def detail_doubted(text: str, end: int) -> tuple[int, int] | None:
    """The clause of ``text`` after offset ``end`` that doubts a detail of the death.

    "Salcedo was killed in Culiacán on Monday*; the cause of his death could
    not be confirmed*.", "*; the date of his death remains unconfirmed*": its
    cause, date, place or manner (or the number of the dead) is in doubt, not
    the death, which stands as it is told (not :func:`doubted_here`). Returns the
    offsets of the clause, from its semicolon; None if there is none.

    Examples
    --------
    >>> t = "He was killed; the cause of his death could not be confirmed."
    >>> detail_doubted(t, 7)
    (13, 61)
    >>> detail_doubted("He was killed; his death could not be confirmed.", 7) is None
    True
    """
    m = _DETAIL_DOUBTED.search(text, end)
    return None if m is None else (m.start(), len(text))


#: In a clause that doubts a detail of a death (:func:`detail_doubted`), the
#: words that doubt where it happened: "*the place of his death* has not been
#: confirmed", "*the exact location* of his death", "it is not known *where*
#: he died".
_PLACE_DOUBTED = re.compile(
    r"\b(?:place|location|site|whereabouts|where|grave)\b[^;]*", re.IGNORECASE
)
#: Where the body lies, in doubt: "*the location of his body*", "*his resting
#: place*", "*it is unclear where the body lies*".
_BODY_DOUBTED = re.compile(_BURIAL + "|" + _WHERE_BURIED_UNKNOWN, re.IGNORECASE)
#: A death told by where the body was laid: "was buried in Culiacán".
_BURIAL_TOLD = re.compile(
    r"\b(?:buried|interred|entombed|laid\s+to\s+rest)\b", re.IGNORECASE
)


def place_doubted(text: str, detail: tuple[int, int]) -> re.Match[str] | None:
    """The words of the clause ``detail`` of ``text`` that doubt where the death was.

    "Salcedo was killed in Culiacán*; the place of his death has not been
    confirmed*": where he died is only possible (review r64, M3). Where the
    body, grave or burial lies ("*; the location of his body is unknown*",
    "*; it is not known where he was buried*") is no doubt of where he died,
    which stands as told (review r86, #5), unless the death is told by its
    burial ("was buried in Culiacán; the site of his grave is unknown").
    None where the clause doubts no place of the death.

    Examples
    --------
    >>> t = "He was killed in Culiacán; the place of his death is unknown."
    >>> place_doubted(t, (25, len(t))).group(0)
    'place of his death is unknown.'
    >>> t = "He was killed in Culiacán; the location of his body is unknown."
    >>> place_doubted(t, (25, len(t))) is None
    True
    """
    start, end = detail
    clause = text[:end]
    if not _BURIAL_TOLD.search(text, 0, start):
        clause = _BODY_DOUBTED.sub(lambda m: " " * len(m.group(0)), clause)
    m = _PLACE_DOUBTED.search(clause, start, end)
    return None if m is None else _PLACE_DOUBTED.match(text, m.start(), end)


def doubted_next(
    text: str,
    end: int,
    *,
    claimant: str | None = None,
) -> str | None:
    """The words of the sentence after offset ``end`` that doubt the death before.

    "The army said on Monday that Salcedo was killed in the clash. *Officials
    later backtracked, saying they could not confirm his death.*": the claimant
    (or one who speaks for the state, or no one: as for
    :func:`taken_back_next`) is no longer sure of it, and the death is at most
    possible. Not another's word ("Salcedo's lawyer said the army could not
    confirm his death"), nor one that the claimant keeps.

    Examples
    --------
    >>> t = "The army said Doe was killed. Officials could not confirm his death."
    >>> doubted_next(t, 29, claimant="Army")
    'could not confirm his death'
    >>> t = "The army said Doe was killed. His wife said it can't verify his death."
    >>> doubted_next(t, 29, claimant="Army")
    >>> doubted_next("Doe was killed. He was buried on Monday.", 15)
    """
    start = len(text) - len(text[end:].lstrip())
    stop = _SENTENCE_END.search(text, start)
    sentence = text[start : stop.end() if stop else len(text)]
    m = _DOUBTED.search(sentence)
    if m is None or _kept(sentence[m.end() :]):
        return None
    before = sentence[: m.start()]
    if not _own_word(_taker(before, sentence[m.end() :]), claimant):
        return None
    return m.group(0)
