"""The speaker of a quotation named after it ('"One. Two," Rivas said').

A quotation of several sentences, closed by its speaker's words ('"He is not
in Venezuela. He has never been in Machiques," Rivas said in Caracas.'), is
that speaker's word in each of its sentences, not only in the last
(:func:`closing_speaker`); one whose main verb tells what unnamed others say
is their hearsay, which the speaker relays, in one sentence as in several
('"They say he is in Culiacán," Rivas said.': :func:`relayed_hearsay`). Used
by :mod:`geosleuth.read.attribution`.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from geosleuth.read._doc_text import doc_text
from geosleuth.read.attribution._reporting import _reports, chain_names
from geosleuth.read.attribution._speakers import Attribution, SpeakerRegistry
from geosleuth.read.attribution._subjects import _verb_speaker

__all__: list[str] = []

_OPENING = frozenset({"“", '"'})
_CLOSING = frozenset({"”", '"'})
#: Any quotation mark, opening or closing.
_QUOTE_MARK = re.compile("[" + "".join(sorted(_OPENING | _CLOSING)) + "]")


def open_at_end(text: str, *, open_at_start: bool) -> bool:
    """Whether a quotation is open at the end of ``text``.

    Curly quotes open and close, a straight one toggles, as in
    :func:`~geosleuth.read.attribution.quote_states`.

    Examples
    --------
    >>> open_at_end('"He is not in Venezuela.', open_at_start=False)
    True
    >>> open_at_end('"He is not there," he said.', open_at_start=False)
    False
    """
    is_open = open_at_start
    for ch in text:
        if ch == "“":
            is_open = True
        elif ch == "”":
            is_open = False
        elif ch == '"':
            is_open = not is_open
    return is_open


#: Subjects of a reporting verb in a quotation that are its speaker's own voice
#: ("I think", "we believe"), or what shows it ("Everything suggests"), not
#: others whose word the speaker relays.
_OWN_VOICE = frozenset(
    {"i", "we", "it", "evidence", "everything", "sign", "indication"}
)


def _others_say(sent: Any) -> bool:
    """Whether ``sent`` is what others say, by its own main reporting verb.

    '"*They say* he is in Culiacán.': the sentence's main verb reports, with
    a subject of its own that the parse could name as no speaker ("they",
    "some"), and that is not the quoted speaker's own voice ("I think", "we
    believe": :data:`_OWN_VOICE`).
    """
    root = sent.root
    return (
        root.pos_ in ("VERB", "AUX")
        and _reports(root)
        and any(
            c.dep_ == "nsubj"
            and c.lower_ not in _OWN_VOICE
            and c.lemma_.lower() not in _OWN_VOICE
            for c in root.children
        )
    )


#: Subjects of a reporting verb that name no one: "*They* say", "*Some* say",
#: "*people* say".
_NO_ONE = frozenset(
    {"they", "some", "many", "others", "people", "everyone", "everybody"}
)


def relayed_hearsay(
    sent: Any,
    registry: SpeakerRegistry,
    previous: Attribution | None,
    chain: tuple[str, ...],
    disputed: tuple[int, int] | None,
    consulted: set[str] | None,
) -> Attribution | None:
    """The hearsay that the speaker after a quotation in ``sent`` relays, if so.

    '"*They say* he is in Culiacán," Rivas said.': the quotation opens the
    sentence and its main verb, a reporting verb of the speaker's ("said") after
    the closing quote, itself reports, with a subject that names no one
    (:data:`_NO_ONE`: "they", "some"). What they say is not Rivas's word but
    a rumour that he relays, first in its reporting chain, as where the
    quotation runs over several sentences ('"They say he is in Culiacán. He is
    not," Rivas said.': :func:`closing_speaker`). Not '"He is in Culiacán,"
    Rivas said.' (his word), '"I think he is in Culiacán," Rivas said.' (his
    belief), nor '"Police say ...," Rivas said.' (a speaker named). So is what
    they say in the speaker's own sentence, unquoted: "Rivas said *they say*
    Salcedo is in Culiacán" (the reporting verb's complement after it).
    """
    root = sent.root
    if root.pos_ not in ("VERB", "AUX") or not _reports(root):
        return None
    quoting = sent.text.lstrip()[:1] in _OPENING
    # the quotation before the speaker's words, or what he says after them
    quoted = [
        c for c in root.children if c.dep_ == "ccomp" and (c.i < root.i) == quoting
    ]
    if len(quoted) != 1 or (
        not quoting and any(t.text in _OPENING | _CLOSING for t in sent)
    ):
        return None
    inner = quoted[0]
    if not quoting and not _idiom_of_hearsay(root, inner):
        return None
    if (
        inner.pos_ not in ("VERB", "AUX")
        or not _reports(inner)
        or not any(c.dep_ == "nsubj" and c.lower_ in _NO_ONE for c in inner.children)
        # the quotation closes before the speaker's words
        or (
            quoting
            and not any(
                t.text in _CLOSING for t in sent.doc[inner.right_edge.i + 1 : root.i]
            )
        )
    ):
        return None
    found = _verb_speaker(root, registry, previous, chain, disputed, consulted)
    if found is None or found.speaker is None:
        return None
    if not quoting and found.official and _subject_word(inner) == "they":
        # "The army said they say ...", "The army spokesman said they say":
        # an institution's "they" is the institution, its word
        return None
    spans = _set_against_hearsay(root, inner) + _speakers_own(root)
    closing = next(
        (t for t in sent.doc[inner.right_edge.i + 1 : root.i] if t.text in _CLOSING),
        None,
    )
    if quoting and closing is not None and closing.i + 1 < sent.end:
        # '"They say I am dead," Salcedo said *in a video released on Monday*':
        # the speaker's own words, after the quotation
        spans.append((sent.doc[closing.i + 1].idx, sent.end_char))
    own = tuple((span, found) for span in spans)
    return Attribution(
        chain=(found.speaker, *found.chain),
        rumour=True,
        disputed=disputed,
        clauses=own,
        hearsay=_hearsay_words(inner),
    )


#: Words that set the speaker's own clause against the hearsay: "They say he is
#: dead, *but* I saw him", "... is dead, *though* he is alive".
_AGAINST = frozenset({"but", "yet", "though", "although", "whereas", "while"})


def _set_against_hearsay(root: Any, inner: Any) -> list[tuple[int, int]]:
    """The spans of the clauses that the speaker sets against the hearsay.

    '"They say he is dead, *but I saw him in Durango* on Monday," Rivas said',
    "Rivas said they say Salcedo is dead, *though he is alive*": a clause joined
    to "say" (or to the speaker's own verb) by "but" or "yet", or one of
    concession ("though") within what they say, or one joined with a "that" of
    its own ("..., *and that he saw Salcedo* in Durango"), with a subject of its
    own. It is not what they say but the speaker's word; the rest stays
    hearsay.
    """
    doc = root.doc
    found = []
    for verb in (inner, root):
        if not any(c.dep_ == "cc" and c.lower_ in _AGAINST for c in verb.children):
            continue
        found += [
            c
            for c in verb.children
            if c.dep_ == "conj" and c.i > inner.i and c.pos_ in ("VERB", "AUX")
        ]
    found += [
        t
        for t in inner.subtree
        if (
            t.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ in _AGAINST for c in t.children)
        )
        # "Rivas said people say he is a good man, *and that he saw Salcedo*":
        # another "that" of the speaker's, not of what people say
        or (
            t.dep_ == "conj"
            and t.i > inner.i
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children)
        )
    ]
    return [
        (c.left_edge.idx, doc[c.right_edge.i].idx + len(doc[c.right_edge.i].text))
        for c in found
        if any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
    ]


def _speakers_own(root: Any) -> list[tuple[int, int]]:
    """The spans of the relative clauses of the speaker of ``root``.

    "Rivas, *who saw Salcedo in Durango on Monday*, said they say he is in
    Culiacán": what the relative clause tells of the speaker is not what they
    say, but his own (or the writer's) word; only the complement is hearsay.
    """
    doc = root.doc
    return [
        (r.left_edge.idx, doc[r.right_edge.i].idx + len(doc[r.right_edge.i].text))
        for c in root.children
        if c.dep_ == "nsubj"
        for r in c.children
        if r.dep_ in ("relcl", "acl")
    ]


def _hearsay_words(verb: Any) -> str:
    """The words of the hearsay's verb with its subject: "They say", "some say"."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return verb.text if subject is None else f"{subject.text} {verb.text}"


def _subject_word(verb: Any) -> str | None:
    """The subject of ``verb`` in lower case ("they"), or None."""
    return next((c.lower_ for c in verb.children if c.dep_ == "nsubj"), None)


def _idiom_of_hearsay(root: Any, inner: Any) -> bool:
    """Whether ``inner``, unquoted after the speaker's ``root``, is "they say".

    "Rivas said *they say* Salcedo is in Culiacán", "*some say*": the verb
    "say" itself, whose "they" is not the speaker's own group ("Police said
    *they* believe ...", "Police said they have footage ...": the police):
    the speaker is one, not many.
    """
    if inner.lemma_.lower() != "say":
        return False
    subject = next((c for c in inner.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ != "they":
        return True
    speaker = next((c for c in root.children if c.dep_ == "nsubj"), None)
    return speaker is not None and speaker.tag_ in ("NNP", "NN")


def closing_speaker(
    sent: Any,
    registry: SpeakerRegistry,
    previous: Attribution | None,
    chain: tuple[str, ...],
    disputed: tuple[int, int] | None,
    consulted: set[str] | None,
    *,
    in_quote: bool,
) -> Attribution | None:
    """The speaker named right after the quotation that ``sent`` is in, if any.

    ``sent`` is inside a quotation that it opens at its start, or that is open
    before it (``in_quote``), and that goes on past its end; where the
    quotation closes, in the same paragraph, its speaker's words follow:
    '"He is not in Venezuela. He has never been in Machiques," *Rivas said*
    in Caracas.', '"...," *said police General Rafael Ospina*.' That is the
    main reporting verb of its sentence, with nothing between the closing
    quote and it but its subject (or, the verb first, nothing at all). The
    speaker is read from the parse of that sentence as its own subject is
    (:func:`~geosleuth.read.attribution._subjects._verb_speaker`), and so
    None where that sentence was not parsed; the attribution is marked as
    inherited, for its words are in another sentence. A sentence that says
    what others say, by a reporting verb of its own whose subject could not be
    named ('"*They say* he is in Culiacán. He is not," Rivas said.':
    :func:`_others_say`), is not the speaker's word but hearsay that the
    speaker relays: a rumour, with the speaker first in its reporting chain.
    """
    text = sent.text
    if not in_quote and text.lstrip()[:1] not in _OPENING:
        return None
    if not open_at_end(text, open_at_start=in_quote):
        return None
    doc = sent.doc
    whole = doc_text(doc)
    end = sent.end_char
    para = whole.find("\n\n", end)
    stop = len(whole) if para < 0 else para
    mark = _QUOTE_MARK.search(whole, end, stop)
    if mark is None or mark.group() == "“":
        return None
    close = mark.start()
    # the words after the closing quote, in its paragraph: the first eight are
    # all that is read, and the token of the quote is found by bisection, so
    # that a sentence costs no scan of the rest of a long document
    mark_token = doc.char_span(close, close + 1, alignment_mode="expand")
    first = sent.end if mark_token is None else max(sent.end, mark_token.start)
    after = itertools.takewhile(lambda t: t.idx < stop, doc[first:])
    words = list(
        itertools.islice(
            (t for t in after if t.idx > close and not (t.is_punct or t.is_space)), 8
        )
    )
    if not words:
        return None
    verb = next(
        (
            t
            for t in words
            if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX") and _reports(t)
        ),
        None,
    )
    if verb is None:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        return None
    subj = subjects[0]
    before = [t for t in words if t.i < verb.i]
    if verb.i < subj.i:
        if before:
            return None  # '..." Later, police said': not the quotation's speaker
    elif any(not subj.left_edge.i <= t.i <= subj.right_edge.i for t in before):
        return None
    # the outlets of the speaker's own sentence: '..." Rivas told Reuters.'
    tail = re.split(r"(?<=[.!?])\s", whole[close + 1 : stop], maxsplit=1)[0]
    chain = (*chain, *(c for c in chain_names(tail) if c not in chain))
    found = _verb_speaker(verb, registry, previous, chain, disputed, consulted)
    if found is None or found.speaker is None:
        return None
    if _others_say(sent):
        # '"They say he is in Culiacán. He is not," Rivas said.': what others
        # say, which Rivas relays (and here denies), is not his word
        return Attribution(
            chain=(found.speaker, *found.chain),
            rumour=True,
            disputed=disputed,
            hearsay=_hearsay_words(sent.root),
        )
    carried = found.carried()
    return Attribution(
        speaker=carried.speaker, role=carried.role, verb=carried.verb,
        chain=carried.chain, official=carried.official, org=carried.org,
        inherited=True, disputed=disputed, target=carried.target,
    )  # fmt: skip
