"""The clause of a location word: its verb, subject, negation and text.

Where a statement of where the target is reads its clause: the verb of the clause
whose location word is at an offset (:func:`_clause_verb`) and its subject
(:func:`_subject`); whether the clause is negated or denied (:func:`negation`,
:func:`_denier`: "is not in", "denied that ... was in", "ruled out that ...") and
whether a "but" may put a place in the stead of one denied (:func:`_correctable`);
which location word begins a place's own clause (:func:`_clause_cue`); the clause
with a speaker of its own at an offset and whether it refers to the target
(:func:`_clause_of`, :func:`_of_target`); the relative clause that states where
the target is, or that holds a place beside the statement (:func:`_stating_clause`,
:func:`_aside_clause`); and a sentence's text with all but a clause, or the
clauses joined after a place, blanked (:func:`_clause_text`,
:func:`_later_clauses_out`). Used by :mod:`geosleuth.read.whereabouts`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from geosleuth.read._doc_text import doc_text
from geosleuth.read._life_claims import called_by_kin
from geosleuth.read._reports import (
    report_called_true,
    report_called_untrue,
    report_of,
)
from geosleuth.read._sentence import (
    MentionLike,
    Sentence,
    denied_phrase,
    is_who_clause,
    subtree_span,
)
from geosleuth.read._set_off import set_off_participle
from geosleuth.read.whereabouts._said_untrue import said_untrue

if TYPE_CHECKING:
    from geosleuth.read.claims import _Extractor

__all__: list[str] = []

#: Verbs that deny the clause they govern: "denied that he was in Mosul".
_DENY_LEMMAS = frozenset({"deny", "dismiss", "refute", "reject"})
_DENY_TEXT = re.compile(
    r"\b(?:den(?:y|ies|ied)|rul(?:e|es|ed) out)\b(?:\s+that)?[^,;:.]*$", re.IGNORECASE
)


def _stating_clause(
    ex: _Extractor, s: Sentence, cues: Sequence[re.Match[str]]
) -> tuple[int, int, Any] | None:
    """The relative clause about a person that holds every location word, if any.

    "Jane Doe, *who police believe is hiding in Mosul*, was sentenced in
    Baghdad on Monday": the clause is the statement of where she is. Its span
    (document offsets) and verb; None for a sentence not parsed, or where a
    location word lies outside every such clause.
    """
    if s.sent is None or not cues:
        return None
    found = None
    for c in cues:
        span = ex.doc.char_span(
            s.span[0] + c.start(), s.span[0] + c.end(), alignment_mode="expand"
        )
        if span is None or len(span) == 0:
            return None
        clause = next(
            (a for a in (span[0], *span[0].ancestors) if is_who_clause(a)), None
        )
        if clause is None or (found is not None and clause.i != found[2].i):
            return None
        found = (*subtree_span(clause), clause)
    return found


def _aside_clause(
    ex: _Extractor, s: Sentence, m: MentionLike, cues: Sequence[re.Match[str]]
) -> tuple[int, int, Any] | None:
    """The relative clause that holds the place, if the statement lies outside it.

    Returns the clause's span (document offsets) and its verb.

    "Kaci Hickox, a nurse *who treated Ebola patients in Sierra Leone*, is in
    Newark" and "Jane Doe, *who fled to Mexico in 2016*, is now hiding in Texas":
    the clause tells of another time or deed; the statement of where the target
    is, a location word outside it, places her in Newark or Texas, not also in
    Sierra Leone, nor in the sliver where Mexico and Texas meet. The caller
    sets a place in a clause with no location word of its own aside ("treated
    Ebola patients in"), and reads one in a clause with its own ("who fled to
    Mexico in 2016") as a statement apart, dated within the clause. A relative
    clause that holds every location word is the statement ("Jane Doe, who is
    hiding in Mosul, was charged"). Only a clause about a person ("who",
    "whom", "whose") is one: "the region he called Euphrates Province" names
    the place. So is a participle phrase set off after the target's name that
    the parse took for the verb ("Salcedo, *extradited to the United States in
    2017*, is in a prison in Colorado":
    :func:`~geosleuth.read._set_off.set_off_participle`). None for a sentence
    not parsed.
    """
    if s.sent is None or not cues:
        return None
    span = ex.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    for tok in [span.root, *span.root.ancestors]:
        set_off = set_off_participle(tok)
        if set_off is None:
            continue
        # "Salcedo, *extradited to the United States in 2017*, is in a prison in
        # Colorado", parsed as "Salcedo extradited ...", with "is" joined to it:
        # the phrase tells of another time, as "who was extradited ..." would
        lo, hi = tok.idx, set_off[1].left_edge.idx
        hi = doc_text(ex.doc).rindex(",", lo, hi)
        if lo <= m.start < hi and any(
            not lo <= s.span[0] + c.start() < hi for c in cues
        ):
            return lo, hi, tok
        break
    for clause in span.root.ancestors:
        if not is_who_clause(clause):
            continue  # "the region he called Euphrates Province": the place's name
        lo, hi = subtree_span(clause)
        if any(not lo <= s.span[0] + c.start() < hi for c in cues):
            return lo, hi, clause
    return None


def _clause_of(s: Sentence, at: int) -> tuple[int, int]:
    """The span of the clause at document offset ``at``.

    The clause of :attr:`~geosleuth.read.attribution.Attribution.clauses` there
    (one with a speaker of its own), or the sentence if none.
    """
    return next((c for c, _ in s.attr.clauses if c[0] <= at < c[1]), s.span)


def _of_target(s: Sentence, at: int) -> bool:
    """Whether the clause at document offset ``at`` refers to the target.

    By one of its references, or by a "he" or "she" of a clause of contrast
    before the target's name (:func:`_cataphoric`).
    """
    a, b = _clause_of(s, at)
    return any(a <= r.start < b for r in s.refs) or _cataphoric(s, (a, b))


#: Marks of a clause of contrast set before the main one: "*While* he is
#: thought by analysts to be in Durango, police say ...".
_FRONTED_MARKS = frozenset({"while", "whereas", "though", "although"})


def _cataphoric(s: Sentence, clause: tuple[int, int]) -> bool:
    """Whether ``clause`` of ``s`` opens it with a "he" or "she" told after it.

    "*While he* is thought by analysts to be in Durango, police say Salcedo is
    in Culiacán": the subject of a clause of contrast that begins the sentence,
    before any word for the target, and the target named by name in the rest.
    """
    a, b = clause
    if s.sent is None or a != s.span[0]:
        return False
    names = [r for r in s.refs if r.kind != "pronoun"]
    if not names or any(r.start < b for r in s.refs):
        return False
    for tok in s.sent:
        if tok.idx >= b or tok.lower_ not in ("he", "she"):
            continue
        verb = tok.head
        if tok.dep_ in ("nsubj", "nsubjpass") and any(
            c.dep_ == "mark" and c.lower_ in _FRONTED_MARKS
            for v in (verb, *verb.ancestors)
            if v.idx < b
            for c in v.children
        ):
            return True
    return False


def _later_clauses_out(ex: _Extractor, s: Sentence, text: str, at: int) -> str:
    """``text`` (of ``s``) with the verb clauses joined after the place blanked.

    A hedge in a clause joined by "and" or "but" after the place's own does
    not reach back to it: in "Police say Jane Doe is in Mosul and believe she
    is hiding in Vail" Mosul is the police's plain word, and in "Jane Doe is not
    in Mosul, but they believe she may be in Vail" the "may" is Vail's. A verb
    clause joined to one of the place's governing words, after the place, is
    blanked with its conjunction; nouns joined ("Mosul and Raqqa") and a
    reporting clause after ("..., police believe") are not. Unparsed, as given.
    """
    if s.sent is None or not any(m.start == at for m in s.places):
        return text  # "the region" of an earlier sentence: no place word here
    span = ex.doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return text
    place = span[0]
    above = {t.i for t in place.ancestors}
    out = list(text)
    for tok in s.sent:
        if not (
            tok.dep_ == "conj"
            and tok.pos_ in ("VERB", "AUX")
            and tok.head.i in above
            and tok.i > place.i
        ):
            continue
        words = list(tok.subtree)
        ccs = [c for c in tok.head.children if c.dep_ == "cc" and place.i < c.i < tok.i]
        first = min([*(t.idx for t in words), *(c.idx for c in ccs)])
        last = max(t.idx + len(t.text) for t in words)
        for k in range(max(0, first - s.span[0]), min(len(out), last - s.span[0])):
            out[k] = " "
    return "".join(out)


#: Words that set a clause against the one before it: "..., *but* said she is
#: in York".
_CONTRAST_CCS = frozenset({"but", "yet"})
#: Tags of a verb with a tense of its own: "but *said*", "but *is* now in York".
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _earlier_clauses_out(ex: _Extractor, s: Sentence, text: str, at: int) -> str:
    """``text`` (of ``s``) with the clause that "but" sets the place's against blanked.

    "Police neither confirmed nor denied reports she was there, *but said she
    is now in York*" (review r27, D25): the speaker takes no side on the first
    clause and speaks plainly in the second; "could not confirm that she was in
    Leeds, but said she is in York", likewise. A verb above the place joined by
    "but" or "yet" to an earlier verb, with a tense of its own (a verb with no
    tense shares the first one's words: "may have left Leeds but gone to
    York"), does not take the earlier verb's hedge: the earlier verb's words
    before the "but", bar its subject, are blanked. A hedge above both verbs
    ("Police believe she left Leeds but is in York") is kept. Unparsed, or no
    such "but", as given.
    """
    if s.sent is None or not any(m.start == at for m in s.places):
        return text
    span = ex.doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return text
    for tok in span[0].ancestors:
        if not (
            tok.dep_ == "conj"
            and tok.pos_ in ("VERB", "AUX")
            and (
                tok.tag_ in _FINITE_TAGS
                or any(c.dep_ in ("aux", "nsubj", "nsubjpass") for c in tok.children)
            )
        ):
            continue
        head = tok.head
        cc = next(
            (
                c
                for c in head.children
                if c.dep_ == "cc" and c.lower_ in _CONTRAST_CCS and c.i < tok.i
            ),
            None,
        )
        if cc is None:
            continue
        subjects = _subject_tokens(head)
        spans = [
            (t.idx, t.idx + len(t.text))
            for t in head.subtree
            if t.i < cc.i and t.i not in subjects
        ]
        return _blanked(s, text, spans)
    return text


def _subject_tokens(verb: Any) -> set[int]:
    """The token indices of ``verb``'s subjects, each with all its words."""
    return {
        t.i
        for c in verb.children
        if c.dep_ in ("nsubj", "nsubjpass")
        for t in c.subtree
    }


def _span_text(s: Sentence, text: str, span: tuple[int, int]) -> str:
    """``text`` (of the sentence ``s``) but the document ``span``, blanked."""
    a, b = max(0, span[0] - s.span[0]), min(len(text), span[1] - s.span[0])
    return " " * a + text[a:b] + " " * (len(text) - b)


def _blanked(s: Sentence, text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` (of the sentence ``s``) with the document ``spans`` blanked."""
    out = list(text)
    for a, b in spans:
        for k in range(max(0, a - s.span[0]), min(len(out), b - s.span[0])):
            out[k] = " "
    return "".join(out)


def _clause_text(s: Sentence, text: str, at: int) -> str:
    """``text`` (of the sentence ``s``) but the clause at offset ``at``, blanked."""
    return _span_text(s, text, _clause_of(s, at))


def negation(ex: _Extractor, s: Sentence, at: int) -> str | None:
    """A negation of the clause whose location word is at ``at`` (in sentence).

    "not", "n't", "never", "no longer" in the clause, a subject that is no one
    ("neither Jane Doe nor her husband is in"), or a verb that denies it: "denied
    that ... was in", "deny ... is in", "ruled out that ... is in".
    """
    lexical = re.search(
        r"\bno longer\b|\bnot\b|n't\b|\bnever\b",
        s.text[max(0, at - 20) : at + 12],
        re.IGNORECASE,
    )
    denied = _DENY_TEXT.search(s.text[:at])
    fallback = lexical.group(0) if lexical else (denied.group(0) if denied else None)
    verb = _clause_verb(ex, s, at)
    if verb is None:
        return fallback
    for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        denial = denied_phrase(subj)  # "Neither Jane Doe nor her husband is in"
        if denial is not None:
            return denial
    # "did not say whether she is in", "it is not known whether": the "not"
    # denies the knowing or the saying, not the place; "did not deny that she
    # is in", "would not rule out that": nor does it deny the denial's clause
    heads: tuple[Any, ...] = (verb,)
    if not (
        _own_clause(verb)
        or _time_clause(verb)
        or _undecided(verb)
        or _denied_by_head(verb)
        or _unconfirmed(verb)
        or _own_tense(verb)
    ):
        heads = (verb, verb.head)
    for v in heads:
        for child in v.children:
            if child.dep_ == "neg":
                return str(child.text)
            if child.lower_ == "longer" and any(
                g.dep_ == "neg" for g in child.children
            ):
                return "no longer"
    denier = _denier(verb)
    if denier is not None:
        return denier
    if verb.pos_ in ("VERB", "AUX"):
        return None
    return fallback


def _own_tense(verb: Any) -> bool:
    """Whether ``verb`` is joined to the verb before it with a tense of its own.

    "was not extradited from Mexico and *remains* in Culiacán", "has not left
    Mexico and *is* hiding in Sinaloa": the second verb says its own, so the
    first one's "not" is not its; not "did not flee and *hide*", which shares
    the "did not".
    """
    return verb.dep_ == "conj" and (
        verb.tag_ in ("VBZ", "VBD", "VBP")
        or any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


#: Marks of a clause that the verb above it leaves open: "did not say *whether*
#: she is in", "it is not known *if* she is in".
_OPEN_MARKS = frozenset({"whether", "if"})
#: Verbs that, joined to a denial, leave it open: "would neither *confirm* nor
#: deny that", "would not *confirm* or deny that".
_CONFIRM_LEMMAS = frozenset({"confirm", "acknowledge", "admit", "verify"})


def _unconfirmed(verb: Any) -> bool:
    """Whether ``verb``'s clause is what a verb of confirming above it confirms.

    "could not confirm that Ag Alher was in Ayorou", "were unable to verify
    that she is in Leeds": the "not" denies the confirming, not the place (a
    doubtful claim, :mod:`geosleuth.read.hedges`), as for "did not say whether".
    So for an "if" or "whether" clause the parse hangs on it as a condition,
    where it has no object ("Police *won't confirm if* Salcedo was in
    Culiacán": what was asked; not "won't confirm *it* if asked").
    """
    head = verb.head
    if head.lemma_.lower() not in _CONFIRM_LEMMAS:
        return False
    return verb.dep_ == "ccomp" or (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in _OPEN_MARKS for c in verb.children)
        and not any(c.dep_ in ("dobj", "ccomp") for c in head.children)
    )


def _undecided(verb: Any) -> bool:
    """Whether the clause of ``verb`` is one the words above it leave open.

    A content clause opened by "whether" or "if" ("did not say *whether* she is
    in Raqqa", "it is not known whether", "it was not clear if"; not a
    condition, "... if she returned"), up the "to be" verbs and clauses it is
    joined to as :func:`_subject` climbs.
    """
    for _ in range(6):
        mark = next(
            (c for c in verb.children if c.dep_ == "mark"),
            None,
        )
        if mark is not None:
            return mark.lower_ in _OPEN_MARKS and verb.dep_ != "advcl"
        if verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _denied_by_head(verb: Any) -> bool:
    """Whether ``verb``'s clause is the object of a denying verb ("denied that")."""
    head = verb.head
    return verb.dep_ == "ccomp" and (
        head.lemma_.lower() in _DENY_LEMMAS
        or (
            head.lemma_.lower() == "rule"
            and any(c.dep_ == "prt" and c.lower_ == "out" for c in head.children)
        )
    )


def _leaves_open(deny: Any) -> bool:
    """Whether the denying verb ``deny`` denies nothing.

    Negated ("did not deny that"), or joined to a verb of confirming ("would
    neither confirm nor deny that", "would not confirm or deny that"): the
    speaker takes no side.
    """
    joined = [deny.head] if deny.dep_ == "conj" else []
    joined += [c for c in deny.children if c.dep_ == "conj"]
    return any(c.dep_ == "neg" for c in deny.children) or any(
        j.lemma_.lower() in _CONFIRM_LEMMAS for j in joined
    )


def report_over(ex: _Extractor, s: Sentence, at: int) -> tuple[Any, bool] | None:
    """The report whose content holds the clause at ``at`` (in sentence), if any.

    "There are *reports* that she is in Raqqa", "Police received a *tip* that
    she was in Leeds", "Police dismissed *claims* that she was in Vail"
    (:func:`~geosleuth.read._reports.report_of`), up the "to be" verbs and the
    clauses joined to it. Returns the noun and whether the text judges the
    report, true ("were credible", "confirmed reports that") or untrue ("were
    false", "denied reports that"); None for a clause that is no report's, or
    unparsed.
    """
    verb = _clause_verb(ex, s, at)
    for _ in range(6):
        if verb is None:
            return None
        noun = report_of(verb)
        if noun is not None:
            judged = report_called_untrue(verb) or report_called_true(verb)
            return noun, judged is not None
        if verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _clause_cue(
    ex: _Extractor, s: Sentence, cues: list[re.Match[str]], anchor: int
) -> int:
    """Where (in sentence) the location word of the place at ``anchor`` is.

    The last location word before the place, where it begins a clause of its
    own about the target: a verb other than the first one's, whose subject is
    the target ("police say *she is in* Mosul", "*she is in* Mosul"; "*his
    client*" in its counsel's words:
    :func:`~geosleuth.read._life_claims.called_by_kin`) or shared with a clause
    about the target ("and *is now believed to be in* Mosul").
    Otherwise, or unparsed, the sentence's first location word.
    """
    first = cues[0].start() if cues else 0
    before = [c.start() for c in cues if c.start() < anchor]
    if len(before) < 2 or s.sent is None:
        return first
    verb, first_verb = _clause_verb(ex, s, before[-1]), _clause_verb(ex, s, first)
    if verb is None or first_verb is None or verb.i == first_verb.i:
        return first
    subj = _subject(verb)
    refs = [(r.start, r.end) for r in s.refs]
    if subj is None:
        return first
    if not any(a < subj.idx + len(subj.text) and subj.idx < b for a, b in refs) and (
        # "Varga's lawyer said *his client* is not in Portugal and is living in
        # Madrid": the target as its counsel or spouse calls it
        called_by_kin(subj, ex.refs) is None
    ):
        return first
    return before[-1]


def _subject(verb: Any) -> Any:
    """The subject of ``verb``, up its "to be" verbs and the clause it is joined to."""
    for _ in range(6):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
        if verb.dep_ == "pcomp" and verb.head.head.pos_ in ("VERB", "AUX"):
            verb = verb.head.head  # "stayed in Mombasa before *travelling* to"
            continue
        if verb.dep_ not in ("xcomp", "conj", "advcl") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _own_clause(verb: Any) -> bool:
    """Whether ``verb``, joined to another clause, has its own verb or subject.

    "is not in Raqqa and *is* in Mosul", "and *is now believed* to be": the
    first clause's "not" does not reach it; "did not live in Raqqa or *hide* in
    Mosul" shares it.
    """
    return verb.dep_ == "conj" and (
        verb.pos_ == "AUX"
        or any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children
        )
    )


#: Marks of a clause of time or cause, which the clause above it takes as
#: given: "has not been seen *since* he escaped from Culiacán in 2016".
_GIVEN_MARKS = frozenset(
    {"since", "after", "before", "when", "once", "until", "till", "because"}
)


def _time_clause(verb: Any) -> bool:
    """Whether ``verb`` heads a clause of time or cause under another.

    "Jane Doe has not been seen since she left Leeds on Monday": the "not" of
    the clause above denies the seeing, not the leaving, which it takes as
    given.
    """
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG":
        # "has not been seen since escaping from a prison in Culiacán"
        return bool(verb.head.dep_ == "prep" and verb.head.lower_ in _GIVEN_MARKS)
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _GIVEN_MARKS for c in verb.children
    )


def _clause_verb(ex: _Extractor, s: Sentence, at: int) -> Any:
    """The verb of the clause whose location word is at ``at``; None unparsed.

    A word with a subject of its own is one, though tagged a noun: "Salcedo
    *moves* between Culiacán and Mazatlán" (review r32).
    """
    if s.sent is None:
        return None
    tok = ex.doc.char_span(s.span[0] + at, s.span[0] + at + 1, alignment_mode="expand")
    if tok is None or len(tok) == 0:
        return None
    if tok[0].pos_ in ("VERB", "AUX") or any(
        c.dep_ == "nsubj" for c in tok[0].children
    ):
        return tok[0]
    return tok[0].head


#: Words by which the writer calls a belief or a report wrong: "was *wrongly*
#: believed by police to be in Durango", "police *falsely* claimed".
_WRONGLY = frozenset(
    {"wrongly", "falsely", "mistakenly", "erroneously", "incorrectly", "wrong"}
)


def believed_wrongly(ex: _Extractor, s: Sentence, at: int) -> str | None:
    """The words that call wrong the belief or report of the clause at ``at``.

    "Salcedo was *wrongly believed* by police to be in Durango", "Police
    *falsely claimed* he was in Durango": the writer says the place was wrong,
    so it is no one's claim that the target is there. The verb of belief or
    report is one the clause completes (up ``ccomp`` and ``xcomp`` links), not
    the clause's own ("was *wrongly arrested* in Durango": he was there). None
    if none, or unparsed.
    """
    verb = _clause_verb(ex, s, at)
    clause = verb
    for _ in range(4):
        if clause is None or clause.dep_ not in ("ccomp", "xcomp"):
            return None
        clause = clause.head
        got = next(
            (c for c in clause.children if c.dep_ == "advmod" and c.lower_ in _WRONGLY),
            None,
        )
        if got is not None:
            return f"{got.text} {clause.text}"
    return None


#: Modals of a past that did not happen: "*would have* surrendered", "*could
#: have* surrendered ... if they had".
_UNREAL = frozenset({"would", "could", "might", "should"})


def counterfactual(ex: _Extractor, s: Sentence, at: int) -> str | None:
    """The words of a deed that did not happen in the clause at ``at``, if so.

    "Salcedo *would have surrendered* to authorities in Culiacán (if they had
    guaranteed his safety)", "*could have surrendered* ... *if* they *had*
    ...": a modal, "have" and the participle of a verb other than "be" (not
    "would have been in Culiacán then", a guess at where he was), with a
    condition of the past perfect ("if they had", :func:`_unreal_condition`),
    for "could have fled to Durango" may only say it is possible, and "Police
    said he *would have fled* to Durango" (by now; or, as the Spanish
    "habría", reportedly) only says it is likely. None if not, or unparsed.
    """
    return unreal_deed(_clause_verb(ex, s, at))


def unreal_deed(verb: Any) -> str | None:
    """The words of ``verb`` if it tells a deed that did not happen, else None.

    As :func:`counterfactual`, of the verb itself: "*would have been arrested*
    in Culiacán had soldiers not been delayed", "*could have been arrested* ...
    if soldiers had arrived sooner"; and a duty not done, "*should have been
    arrested* in Culiacán" (a modal of duty, "have" and a passive), with no
    condition. Not "could have been arrested in Culiacán" (only possible).
    """
    if verb is None or verb.tag_ != "VBN" or verb.lemma_.lower() == "be":
        return None
    aux = [c for c in verb.children if c.dep_ == "aux"]
    modal = next((c for c in aux if c.lower_ in _UNREAL), None)
    if modal is None or not any(c.lower_ == "have" for c in aux):
        return None
    owed = modal.lower_ in _OWED and any(
        c.dep_ == "auxpass" and c.lower_ == "been" for c in verb.children
    )
    if not owed and not _unreal_condition(verb):
        return None
    if _really_there(verb):
        # "should have been detained in Culiacán *when he was seen there*",
        # "would have been arrested ... when he was seen there, had police
        # acted": the deed was not done, but the one seen was there
        return None
    been = "been " if any(c.dep_ == "auxpass" for c in verb.children) else ""
    return f"{modal.text} have {been}{verb.text}"


def there_all_the_same(verb: Any) -> bool:
    """Whether ``verb`` is a deed not done where the one it is of really was.

    "*would have been arrested* in Culiacán when he was seen there, had police
    acted": a modal, "have" and a participle, with a clause of time or place
    that tells he was there (:func:`_really_there`); its modal does not hedge
    his being there.
    """
    if verb is None or verb.tag_ != "VBN":
        return False
    aux = [c for c in verb.children if c.dep_ == "aux"]
    return (
        any(c.lower_ in _UNREAL for c in aux)
        and any(c.lower_ == "have" for c in aux)
        and _really_there(verb)
    )


#: Modals of a duty: "*should have been* arrested" (and was not).
_OWED = frozenset({"should", "ought"})


def _really_there(verb: Any) -> bool:
    """Whether a clause of time or place of ``verb`` tells a deed that happened.

    "should have been detained in Culiacán *when he was seen there*", "in
    Culiacán, *where he was seen*": a clause of "when" or "where" below it,
    itself with no modal, which says the one it is of was there.
    """
    return any(
        t.dep_ in ("advcl", "relcl")
        and any(c.lower_ in ("when", "where") for c in t.children)
        and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in t.children)
        for t in verb.subtree
        if t is not verb
    )


def _unreal_condition(verb: Any) -> bool:
    """Whether ``verb`` has a condition that tells its deed did not happen.

    "surrendered *if they had guaranteed* his safety", "*unless* ...
    *had*", "*had he not been* delayed" (the "had" put first), "would have
    surrendered, *but* police opened fire" (a "but" joined to it).
    """
    for c in verb.children:
        if c.dep_ == "advcl":
            marks = [g for g in c.children if g.dep_ == "mark"]
            had = [g for g in c.children if g.dep_ == "aux" and g.lower_ == "had"]
            if had and any(g.lower_ in ("if", "unless") for g in marks):
                return True
            if had and not marks and had[0].i == c.left_edge.i:
                return True  # "had he not been delayed"
        if c.dep_ == "cc" and c.lower_ == "but":
            return True
        if (
            c.dep_ in ("conj", "dep")
            and c.lower_ == "had"
            and not any(g.dep_ == "cc" for g in verb.children if g.i < c.i)
        ):
            # "arrested *had soldiers not been* delayed", "*had the raid not been*
            # leaked", parsed as a conj or left loose
            return True
    head = verb.head
    if verb.dep_ == "ccomp" and head.i > verb.i:
        # "would have surrendered ... had they guaranteed his safety", which the
        # parse may hang the other way round
        had = [g for g in head.children if g.dep_ == "aux" and g.lower_ == "had"]
        subj = [g for g in head.children if g.dep_ == "nsubj"]
        return bool(had and subj and had[0].i < subj[0].i)
    return False


def _correctable(ex: _Extractor, s: Sentence, at: int) -> bool:
    """Whether a "but" can put a place in the stead of one denied before it.

    A "not" of the clause is so corrected ("is not in Raqqa but in Mosul"); a verb
    that denies the whole clause ("denied that she is hiding not in Mosul but in
    Raqqa") is not.
    """
    verb = _clause_verb(ex, s, at)
    if verb is None:
        return _DENY_TEXT.search(s.text[:at]) is None
    return _denier(verb) is None


def _denier(verb: Any) -> str | None:
    """The verb that denies the clause of ``verb`` ("denied", "ruled out"), if any.

    Also a report of it called untrue: "denied reports that she was in Denver",
    "reports that she was in Denver were false"
    (:func:`~geosleuth.read._sentence.report_called_untrue`), and a thing that
    said it: "a post claiming she was in York was fake"
    (:func:`~geosleuth.read.whereabouts._said_untrue.said_untrue`).
    """
    clause = verb
    for _ in range(4):  # "denied that he was believed to be hiding in": up xcomps
        # "a post claiming she was in York was fake": what it said is denied
        untrue = report_called_untrue(clause) or said_untrue(clause)
        if untrue is not None:
            return untrue
        if clause.dep_ == "ccomp":
            head = clause.head
            lemma = head.lemma_.lower()
            if lemma in _DENY_LEMMAS and not _leaves_open(head):
                return str(head.text)
            if (
                lemma == "rule"
                and any(c.dep_ == "prt" and c.lower_ == "out" for c in head.children)
                and not _leaves_open(head)
            ):
                return f"{head.text} out"
            return None
        # "dismissed reports that Jane Doe is alive *and living* in York": a verb
        # that shares the subject of the one it is joined to, or completes
        shared = clause.dep_ in ("conj", "acomp") and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in clause.children
        )
        if (clause.dep_ != "xcomp" and not shared) or clause.head is clause:
            return None
        clause = clause.head
    return None
