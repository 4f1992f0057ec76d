"""Two clauses of a sentence with speakers of their own: "..., but police say".

Clauses joined by "but", "yet" or "and" (:data:`_CONTRAST_CC`,
:data:`_ADDING_CC`), each stated by the speaker of its own reporting verb, or the
article's own (:func:`_by_clause`), and who states a clause, as its grade tells
(:func:`_who`). Used by :mod:`geosleuth.read.attribution`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from geosleuth.read._doc_text import doc_text
from geosleuth.read.attribution._disputes import _says_untrue
from geosleuth.read.attribution._reporting import _RUMOUR, _reports
from geosleuth.read.attribution._speakers import Attribution, SpeakerRegistry
from geosleuth.read.attribution._subjects import _shares_subject, _verb_speaker

__all__: list[str] = []

#: Conjunctions that set one clause against another: "..., but police say".
_CONTRAST_CC = frozenset({"but", "yet"})
#: Conjunctions that add a clause to another: "..., and analysts argue". The
#: added clause has a speaker of its own only where it reports speech or belief
#: ("and *police believe* she is in York"); one that reports nothing continues
#: the first speaker's report ("Police say ..., and her car was found in Vail").
_ADDING_CC = frozenset({"and"})
#: Marks of a clause set against the rest of the sentence: "..., *while*
#: analysts say", "*though* Western analysts argue", "*Whereas* ..., ...".
_CONTRAST_MARKS = frozenset({"while", "whereas", "though", "although"})


def _by_clause(
    sent: Any,
    found: Attribution,
    registry: SpeakerRegistry,
    previous: Attribution | None,
    chain: tuple[str, ...],
    disputed: tuple[int, int] | None,
) -> Attribution:
    """``found``, with the speakers of two clauses joined by "but", "yet" or "and".

    The sentence's main verb and a clause joined to it by "but" or "yet" with a
    subject of its own: each clause, up to the conjunction and from it, is stated
    by the speaker of its own reporting verb ("but *police say* she is in
    Mosul"), or is the article's own if its verb reports nothing ("Jane Doe is
    not in Raqqa, but ..."). Only where the two differ in who states them; then
    both speakers' names and roles are kept out of the statement
    (:attr:`Attribution.excluded`). A denial of the statement ("..., but police
    denied it", "..., but the army says that is wrong": :func:`_says_untrue`) is
    no clause of its own, but disputes the first (:attr:`Attribution.disputed`).
    A reporting verb whose subject cannot be named ("but *she says*", the
    passive "Jane Doe *is believed* to be in Raqqa, but ...") gives its clause no
    named speaker, never the other clause's, but for "they" or "we" ("Police say
    she is not in Mosul, but *they believe* she may be in Vail": the police's);
    one of a rumour ("but it is rumoured") makes it a rumour.

    A clause joined by "and" is read the same way where its verb reports speech
    or belief ("Her sister says ..., *and police believe* she is in York"), its
    "he", "she" or "they" being the first clause's speaker ("Police said ...,
    *and they believe* ..."); one whose verb reports nothing continues the first
    clause's report ("Police say she is in Mosul, and her car was found in
    Vail": the police's), and one with no subject of its own is part of it
    ("Police say she was seen in Leeds *and is believed* to have gone to York").
    """
    root = sent.root
    cuts = [
        c
        for c in root.children
        if c.dep_ == "cc" and c.lower_ in _CONTRAST_CC | _ADDING_CC
    ]
    heads = [
        c
        for c in root.children
        if c.dep_ == "conj"
        and c.pos_ in ("VERB", "AUX")
        and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
    ]
    if len(cuts) == 1 and not heads and not _reports(root):
        shared = _shared_report(root, cuts[0])
        if shared is not None and found.speaker is not None:
            # "Police arrested him in Culiacán on Monday *and said* he had been
            # hiding in Durango": the report is the police's, the arrest the
            # article's own, as on its own
            cut = cuts[0].idx
            own = Attribution(
                rumour=_RUMOUR.search(doc_text(sent.doc)[sent.start_char : cut])
                is not None,
                disputed=disputed,
            )
            return replace(
                found,
                clauses=(
                    ((sent.start_char, cut), own),
                    ((cut, sent.end_char), found),
                ),
            )
    if len(cuts) != 1 or len(heads) != 1 or not root.i < cuts[0].i < heads[0].i:
        return _set_against(sent, found, registry, previous, chain, disputed)
    adding = cuts[0].lower_ in _ADDING_CC
    if adding and not _reports(heads[0]):
        return found  # "Police say ..., and her car was found in Vail"
    cut = cuts[0].idx
    spans = ((sent.start_char, cut), (cut, sent.end_char))
    attrs: list[Attribution] = []
    for head, (a, b) in zip((root, heads[0]), spans, strict=True):
        if disputed is not None and disputed[0] <= head.idx < disputed[1]:
            return found  # "..., but police denied it"
        said = None
        rumour = _RUMOUR.search(doc_text(sent.doc)[a:b]) is not None
        if _reports(head):
            # "but she says", "is believed to be": no one the parse can name, and
            # not the other clause's speaker; "and they believe": the first's
            # "..., but they believe ...": "they" is the first clause's speaker
            # too (a he or she after "but" may be anyone, the target included)
            they = any(
                g.dep_ in ("nsubj", "nsubjpass") and g.lower_ in ("they", "we")
                for g in head.children
            )
            first = attrs[0] if attrs and attrs[0].speaker else None
            last = first if first is not None and (adding or they) else previous
            said = _verb_speaker(head, registry, last, chain, disputed, None)
        attrs.append(said or Attribution(rumour=rumour, disputed=disputed))
    if disputed is None and _says_untrue(heads[0]):
        # "Jane Doe is in Raqqa, but the army says that is wrong": the first
        # clause is stated by its own speaker, and disputed by the second
        words = [t for t in sent if t.i >= cuts[0].i and not t.is_punct]
        end = words[-1].idx + len(words[-1].text)
        first = attrs[0]
        if first.speaker is None:
            first = Attribution(chain=chain, rumour=first.rumour)
        return replace(first, disputed=(cut, end))
    reports = all(_reports(h) for h in (root, heads[0]))
    if _who(attrs[0]) == _who(attrs[1]) and not reports:
        return found
    excluded = tuple(
        dict.fromkeys((*found.excluded, *[x for t in attrs for x in t.excluded]))
    )
    return replace(
        found, excluded=excluded, clauses=tuple(zip(spans, attrs, strict=True))
    )


def _shared_report(root: Any, cut: Any) -> Any:
    """The reporting verb joined to ``root`` after ``cut`` with its subject, if one.

    "Police arrested him in Culiacán *and told reporters* ...", "Police refused
    to discuss the case *but said* ...": a verb of speech or belief with no
    subject of its own, whose speaker is the subject of ``root``
    (:func:`~geosleuth.read.attribution._subjects._verb_speaker`).
    """
    joined = [
        c
        for c in root.children
        if c.pos_ in ("VERB", "AUX")
        and c.i > cut.i
        and _reports(c)
        and _shares_subject(c)
    ]
    return joined[0] if len(joined) == 1 else None


def _set_against(
    sent: Any,
    found: Attribution,
    registry: SpeakerRegistry,
    previous: Attribution | None,
    chain: tuple[str, ...],
    disputed: tuple[int, int] | None,
) -> Attribution:
    """``found``, with the speaker of a clause set against it by "while".

    "Iraqi officials say he may be hiding near Culiacán, *while analysts say*
    he is in Durango", "..., *though Western analysts argue* he is more likely
    in Durango", "*Whereas* analysts say ..., officials believe ...": a clause
    of :data:`_CONTRAST_MARKS` whose verb reports a clause, with a subject of
    its own, is stated by that subject, and the rest of the sentence by
    ``found``, each hedged by its own words. Its "they" or "we" is ``found``'s speaker
    ("Police say ..., though they admit ..."). Only where ``found`` is the
    word of another reporting verb, outside the clause: in "Jane Doe is in
    Leeds, while police say she is in York" the sentence's one speaker is read
    as before; but a clause of concession with the sentence's one reporting
    verb ("Salcedo is probably alive, *although the army said* it had killed
    him") is that speaker's alone, the rest the article's own
    (:func:`_conceded_only`).
    """
    heads = [
        t
        for t in sent
        if t.dep_ == "advcl"
        and t.pos_ in ("VERB", "AUX")
        and _reports(t)
        and any(c.dep_ == "mark" and c.lower_ in _CONTRAST_MARKS for c in t.children)
        and (
            (
                any(c.dep_ == "nsubj" for c in t.children)
                # it says something: not "while Israel had not acknowledged the
                # suffering"
                and (any(c.dep_ == "ccomp" for c in t.children) or _said_above(t))
            )
            or _thought_by(t)
        )
    ]
    if len(heads) != 1 or found.speaker is None:
        return found
    head = heads[0]
    # "While police say he is in Culiacán, his family insists ...": the parse
    # may hang the reporting verb on what it says
    whole = head.head if _said_above(head) else head
    a = whole.left_edge.idx
    b = whole.right_edge.idx + len(whole.right_edge.text)
    if disputed is None and (
        # "Salcedo is probably alive, although the army said it had killed
        # him": the army's word is its clause's; the rest, the article's own
        _conceded_only(sent, head, found, (a, b))
        # "Some speculate that he could be in Mazatlán, though his family said
        # he is not": the rest is the word of a reporting verb whose subject the
        # parse cannot name, not the clause's speaker's, nor hedged by it
        or (
            any(a <= x < b for x, _ in found.excluded)
            and any(_reports(t) for t in sent if not a <= t.idx < b)
        )
    ):
        rumour = _RUMOUR.search(doc_text(sent.doc)[sent.start_char : a]) is not None
        own = Attribution(chain=chain, rumour=rumour)
        spans = [
            ((sent.start_char, a), own),
            ((a, b), found),
            ((b, sent.end_char), own),
        ]
        clauses = tuple((span, attr) for span, attr in spans if span[0] < span[1])
        return replace(found, clauses=clauses)
    if any(a <= x < b for x, _ in found.excluded) or (
        disputed is not None and disputed[0] <= head.idx < disputed[1]
    ):
        return found  # the clause's own speaker is the sentence's, or denies it
    they = any(c.dep_ == "nsubj" and c.lower_ in ("they", "we") for c in head.children)
    said = _verb_speaker(head, registry, found if they else previous, chain,
                         disputed, None)  # fmt: skip
    if said is None:
        rumour = _RUMOUR.search(doc_text(sent.doc)[a:b]) is not None
        said = Attribution(rumour=rumour, disputed=disputed)
    root = sent.root
    if disputed is None and b <= root.idx and _says_untrue(root):
        # "While police say Salcedo is in Culiacán, his family says that is
        # false": the clause is stated by its own speaker, and disputed by the
        # rest
        words = [t for t in sent if t.idx >= b and not t.is_punct]
        end = words[-1].idx + len(words[-1].text)
        first = said if said.speaker is not None else Attribution(chain=chain)
        return replace(first, disputed=(words[0].idx, end))
    spans = [((sent.start_char, a), found), ((a, b), said), ((b, sent.end_char), found)]
    clauses = tuple((span, attr) for span, attr in spans if span[0] < span[1])
    excluded = tuple(dict.fromkeys((*found.excluded, *said.excluded)))
    return replace(found, excluded=excluded, clauses=clauses)


#: Marks of a clause of concession: "*although* the army said it had killed him".
_CONCESSIVE = frozenset({"although", "though"})


def _conceded_only(
    sent: Any, head: Any, found: Attribution, span: tuple[int, int]
) -> bool:
    """Whether ``found`` is only the word of the clause of concession at ``span``.

    "Salcedo is probably alive, *although the army said it had killed him*":
    the sentence's one speaker (``found``) is the subject of the clause's
    reporting verb ``head``, marked "although" or "though", and no verb outside
    it reports; the rest is not the army's word but the article's own, set
    against it. Not "while" ("Jane Doe is in Leeds, while police say she is in
    York"), which reads as before.
    """
    a, b = span
    return (
        any(c.dep_ == "mark" and c.lower_ in _CONCESSIVE for c in head.children)
        and any(a <= x < b for x, _ in found.excluded)
        and not any(_reports(t) for t in sent if not a <= t.idx < b)
    )


def _thought_by(verb: Any) -> bool:
    """Whether ``verb`` is a passive one of belief with its believer named.

    "..., while he *is thought by analysts to be* in Durango": a subject of
    the passive, an agent ("by analysts") and what is believed of the subject
    (the infinitive).
    """
    deps = {c.dep_ for c in verb.children}
    return {"nsubjpass", "agent", "xcomp"} <= deps


def _said_above(verb: Any) -> bool:
    """Whether the parse hung the reporting ``verb`` on the clause it reports.

    "*While police say* Salcedo *is* in Culiacán, his family insists he is
    dead": "say", with no complement of its own, depends on the verb after it
    ("is"), which in turn depends on the sentence's main verb; the clause of
    "is" is what the police say.
    """
    head = verb.head
    return (
        not any(c.dep_ == "ccomp" for c in verb.children)
        and head.i > verb.i
        and head.pos_ in ("VERB", "AUX")
        and head.dep_ in ("advcl", "ccomp")
        and head.head.dep_ == "ROOT"
        and head.head.i > head.i
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
    )


def _who(attr: Attribution) -> tuple[str | None, str | None, bool, bool, bool]:
    """Who states a clause, as its grade tells: a rumour is not the article's."""
    return attr.speaker, attr.role, attr.official, attr.rumour, attr.target
