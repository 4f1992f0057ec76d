"""Follow-ups: a speaker's earlier word, and doubt or denial in the next sentence.

A report that follows a story up says what was said before and what is said
now. This module reads such wordings for :mod:`geosleuth.read.claims`:

- **The earlier word of a speaker who now says otherwise** (:func:`said_again`):
  "*The army earlier said* Ag Alher was hiding near Ansongo; *it now says* he is
  in the Ayorou area", "*Prosecutors earlier said* Salcedo was hiding near
  Tamazula; *they now say* he is in the Sierra Madre", "Police *previously*
  said ..., but they *later* said ...". A reporting verb with a word of before
  ("earlier", "previously", "initially", "originally", "first", "formerly"; or
  "had said"), or one in the past tense ("Police said ...; they now say"), and
  a later one of the same speaker with a word of now ("now", "later", "since",
  "subsequently"), or in the present tense after a word of before ("earlier
  said ...; it says"). The same speaker: the later verb has no subject of its
  own, or a pronoun ("it", "they") or the same noun as subject. A "now" in what
  the earlier verb says is none ("The army said on Monday that it now believes
  ...": a belief of Monday).
  What the earlier verb's clause says is the speaker's old word, not a current
  one: its items are dated the day before the later word (unless a date of
  their own is earlier), so that the speaker's later claim replaces them
  (:func:`geosleuth.dependence.superseded_claims`), and the dates of the
  earlier clause ("said *on Monday* that ...") are not the later word's. The
  pronoun of the later verb is the earlier verb's subject, not the speaker of
  the sentence before ("they" in "Prosecutors earlier said ...; they now say"
  are the prosecutors: :attr:`Turn.own_subject`).
  So too a later word with a day of its own after a word of before ("Police
  *initially said* Jane Doe had been seen in Leeds, but *on Tuesday said* she
  was in York": Leeds is of before Tuesday), and an earlier word in a
  relative clause of its speaker ("Police, *who earlier said* Vuković was in
  Pljevlja, *now believe* ...": the clause is the police's word, not a
  description of them to set aside, :func:`spoken_again`).
- **The same across two sentences** (:func:`said_across`): "Police had
  earlier said Jane Doe was in Leeds. *They now say* she is in York.", and
  the later word first: "Police said on Tuesday that Vuković was in
  Pljevlja. *They had earlier said* he was in Bosnia." The earlier sentence's
  items are of before the later word's day; "it" of "It now says" after "The
  interior ministry initially said ..." is the ministry
  (:func:`answer_speaker`).
- **Two words on either side of a semicolon** (:func:`two_words`): the later
  word places the target only in a clause about her ("...; they now say *she*
  is in York"), not in one of someone or something else ("...; they now say
  her brother is in York", "they will search York": :func:`of_others`); and
  two speakers' words are each their own ("Police earlier said ...; her family
  now says ...": :func:`own_speakers`).
- **Doubt in the next sentence** (:func:`unconfirmed`): a short sentence that
  says the statement before it could not be confirmed ("The account could not
  be independently verified.", "Their account could not be independently
  confirmed.", "Reuters could not independently verify the report.") disputes
  it, as "..., but this could not be confirmed" does in its own sentence: its
  items are one level less sure (:func:`geosleuth.read._sentence.disputed`).
  One that names "the sighting" is of the latest sighting of the paragraph,
  though sentences that add no claim or sighting and tell of no other seeing
  stand between (:func:`refer_back`: "... saw Villamizar in Cúcuta. 'He was
  leaving a clinic,' said General Ospina. The sighting could not be
  confirmed.").
- **A denial of the place in the next sentence** (:func:`denies_the_place`):
  "Bosnian media had reported that Vuković was seen in Foca. *Police in
  Republika Srpska denied that he was in Foča* ...": a sentence whose main
  verb denies (not negated) a clause that puts "he", "she", "they" or the
  target at a place that the sentence before names disputes that sentence
  too, whatever else it says; it is also read on its own, as a claim that the
  target is *not* there, its pronoun taken for the target where the sentence
  before put the target at that place (:func:`refer_back`: "he" is the one
  said to be in Foča, not the brother named in between). Only a plain denial
  of being there counts (:func:`_presence`), not one of leaving, of being
  taken there, of how ("voluntarily": the place is granted) or of another day;
  and not where the sentence before names another point place that it does
  not deny ("... in Leeds, and ... to York. Police denied that she was in York").
  "There" is the place of the sentence before where it names one point place
  only ("A hiker saw Jane Doe in Leeds on Monday. Police denied she was
  there.").

Examples
--------
>>> unconfirmed("The account could not be independently verified.", 100)
(100, 147)
>>> unconfirmed("Reuters could not independently verify the report.", 0)
(0, 49)
>>> unconfirmed("The account was verified by police.", 0) is None
True
>>> unconfirmed("Police could not confirm that she was in Leeds.", 0) is None
True
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from geosleuth.evidence import Sighting
from geosleuth.read._doc_text import doc_text
from geosleuth.read._sentence import (
    MentionLike,
    is_point,
    label,
    note_of,
    subtree_span,
)
from geosleuth.read.attribution import (
    REPORTING_LEMMAS,
    Attribution,
    denial_of_previous,
)
from geosleuth.read.attribution._disputes import stripped_span
from geosleuth.read.dates import DateMention, find_dates
from geosleuth.read.hedges import lower
from geosleuth.read.target import TargetRef

if TYPE_CHECKING:
    from geosleuth.read._sentence import Sentence
    from geosleuth.read.claims import _Extractor

__all__ = [
    "Doubt",
    "Turn",
    "answer_speaker",
    "denies_the_place",
    "next_doubt",
    "of_others",
    "own_speakers",
    "refer_back",
    "said_across",
    "said_again",
    "said_when",
    "spoken_again",
    "turn_dates",
    "two_words",
    "unconfirmed",
]

#: Adverbs of a word said before: "The army *earlier* said".
_BEFORE = frozenset(
    {"earlier", "previously", "initially", "originally", "first", "formerly"}
)
#: Adverbs of a word said now, after an earlier one: "it *now* says".
_NOW = frozenset({"now", "later", "since", "subsequently"})
#: Subjects of the later verb that are the earlier verb's speaker: "it now says".
_SAME = frozenset({"it", "they", "he", "she", "we"})
_PRESENT = frozenset({"VBZ", "VBP"})


@dataclass(frozen=True, slots=True)
class Turn:
    """A speaker's earlier word, and the later word of the same speaker.

    Attributes
    ----------
    old : tuple of (int, int)
        Document span of the earlier verb's clause (its subject, adverbs and
        content): "The army earlier said Ag Alher was hiding near Ansongo".
    old_words : str
        The words of before ("earlier said").
    new_at : int
        Document offset of the later verb ("says").
    new_words : str
        The words of now ("now says").
    own_subject : bool
        The later verb's pronoun ("they") names the earlier verb's subject, a
        noun of the sentence: the sentence before gives no speaker.
    new_date : datetime.date or None, default None
        The day of the later word where it is in another sentence
        (:func:`said_across`); None where it is in this one, and is dated as
        its items are.
    old_at : int or None, default None
        Document offset of the earlier verb ("said"), whose own time
        ("*Earlier this year*, police said") dates its items
        (:func:`said_when`).
    """

    old: tuple[int, int]
    old_words: str
    new_at: int
    new_words: str
    own_subject: bool
    new_date: dt.date | None = None
    old_at: int | None = None


def _adverb(verb: Any, words: frozenset[str]) -> Any:
    return next(
        (c for c in verb.children if c.dep_ == "advmod" and c.lower_ in words), None
    )


def _subject(verb: Any) -> Any:
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _words(a: Any, b: Any) -> str:
    first, last = sorted((a, b), key=lambda t: t.i)
    return str(doc_text(first.doc)[first.idx : last.idx + len(last.text)])


def _old_word(verb: Any) -> str | None:
    """The words that make ``verb`` (a reporting verb) a word said before."""
    before = _adverb(verb, _BEFORE)
    if before is not None:
        return _words(before, verb)
    had = next(
        (c for c in verb.children if c.dep_ == "aux" and c.lower_ in ("had", "'d")),
        None,
    )
    return _words(had, verb) if had is not None and verb.tag_ == "VBN" else None


def _same_speaker(old: Any, new: Any) -> bool | None:
    """Whether ``new`` has ``old``'s speaker: None if not, else own-subject.

    True where ``new``'s pronoun names ``old``'s subject, a noun: "it" or
    "they" an organisation or a group, "he" or "she" a person ("Police said ...
    and *he* now says": another one).
    """
    subj, first = _subject(new), _subject(old)
    if first is None:
        return None
    if first.tag_ in ("WP", "WDT") and old.dep_ == "relcl":
        first = old.head  # "Police, who earlier said ..., now believe"
    if subj is None:
        return False if new.dep_ == "conj" else None  # "earlier said ... but now say"
    if subj.lower_ in _SAME:
        person = first.ent_type_ == "PERSON"
        if person != (subj.lower_ in ("he", "she")):
            return None
        return first.pos_ in ("NOUN", "PROPN")
    return False if subj.lemma_.lower() == first.lemma_.lower() else None


#: Words by which a later word adds to the earlier one: "they now say she may
#: *also* have been in York".
_ADDING = frozenset({"also", "too"})


def _also(new: Any, old: Any) -> bool:
    """Whether the later word ``new`` adds to the earlier word ``old``.

    "Police had earlier said Jane Doe was in Leeds. They now say she may *also*
    have been in York": both places hold, so the later word replaces nothing
    (review r26, U-2). An "also" or "too" in the later verb's own words, or
    "as well", not in the earlier verb's, that is on the later verb or on what
    it says (:func:`_on_word`); not one on a clause joined to it: "They now say
    she is in York *and may also have visited Hull*", "..., and also say she
    was not alone" (review r27, finding 13): York still replaces Leeds.
    """
    older = {t.i for t in old.subtree}
    words = [t for t in new.subtree if t.i not in older]
    if any(
        t.dep_ == "advmod" and t.lower_ in _ADDING and _on_word(t.head, new)
        for t in words
    ):
        return True
    return any(
        t.lower_ == "as"
        and t.i + 1 < len(t.doc)
        and t.doc[t.i + 1].lower_ == "well"
        and _on_word(t.doc[t.i + 1].head, new)
        for t in words
    )


def _on_word(tok: Any, new: Any) -> bool:
    """Whether ``tok`` is ``new`` or in what it says, not in a clause joined to it.

    Up the parse from ``tok`` to ``new`` with no conjunct on the way: "say she
    may also have *been* in York" (what is said), not "say she is in York and
    may also have *visited* Hull" (a verb joined to "say").
    """
    while tok.i != new.i:
        if tok.dep_ == "conj" or tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


def _dated(verb: Any) -> bool:
    """Whether ``verb`` has a day of its own: "*on Tuesday* said"."""
    return any(
        c.dep_ in ("prep", "npadvmod", "tmod")
        and any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)
        for c in verb.children
    )


def _later(old: Any, before: str | None, new: Any) -> bool:
    """Whether the reporting verb ``new`` is a later word than ``old``.

    ``before`` is the word of before of ``old`` (:func:`_old_word`). The later
    word has a word of now ("*now* says"), or is in the present tense after a
    verb in the past ("said ...; it says"), or has a day of its own after a
    word of before ("initially said ..., but *on Tuesday* said"). A plain "said"
    is of before only beside a word of now ("Police said ...; they now say").
    """
    now = _adverb(new, _NOW)
    if before is None and (now is None or old.tag_ != "VBD"):
        return False
    return (
        now is not None
        or (new.tag_ in _PRESENT and old.tag_ == "VBD")
        or (before is not None and _dated(new))
    )


def said_again(sent: Any) -> Turn | None:
    """The earlier word and the later word of one speaker in ``sent``, if any.

    ``sent`` is a parsed sentence (a spaCy span), or None (not parsed). The
    earlier verb is a reporting verb with a word of before (:data:`_BEFORE`, or
    "had said"), or in the past tense before a later verb with a word of now;
    the later one comes after it (:func:`_later`: with a word of now,
    :data:`_NOW`, in the present tense, or with a day of its own), is not part
    of what the earlier one says (only joined to it), and has the same speaker
    (no subject of its own, a pronoun or the same noun). None where the
    sentence has no such pair.
    """
    if sent is None:
        return None
    verbs = [
        t
        for t in sent
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in REPORTING_LEMMAS
    ]
    for old in verbs:
        before = _old_word(old)
        for new in verbs:
            if new.i <= old.i or not _later(old, before, new) or _also(new, old):
                continue
            now = _adverb(new, _NOW)
            same = _same_speaker(old, new)
            if same is None:
                continue
            older = {t.i for t in old.subtree}
            if new.i in older and new.dep_ != "conj":
                continue  # "said on Monday that it now believes": what was said
            # the later verb's own words, where the parse hangs one verb on the
            # other ("said" a complement of "say" after a semicolon, or "say" a
            # conjunct of the earlier clause)
            newer = (
                {t.i for t in new.subtree}
                if new.i in older
                else {new.i, *(t.i for t in new.subtree if t.i not in older)}
            )
            mine = [t for t in old.subtree if t.i not in newer and t.i < new.i]
            mine = [t for t in mine if not (t.is_punct or t.dep_ == "cc")]
            if not mine:
                continue
            last = max(mine, key=lambda t: t.i)
            return Turn(
                old=(min(t.idx for t in mine), last.idx + len(last.text)),
                old_words=before or str(old.text),
                new_at=int(new.idx),
                new_words=_words(now, new) if now is not None else str(new.text),
                own_subject=same,
                old_at=int(old.idx),
            )
    return None


def _clause_of(verb: Any) -> tuple[int, int]:
    """The span of ``verb``'s words, less end punctuation: its whole clause."""
    words = [t for t in verb.subtree if not (t.is_punct or t.dep_ == "cc")]
    last = max(words, key=lambda t: t.i)
    return (min(t.idx for t in words), last.idx + len(last.text))


def _said_on(ex: _Extractor, verb: Any, span: tuple[int, int]) -> dt.date:
    """The day of the reporting verb ``verb`` of the sentence at ``span``.

    A date in its own words ("said *on Tuesday* that ..."), not in what it
    says; else the publication date.
    """
    own = {
        t.idx
        for c in verb.children
        if c.dep_ not in ("ccomp", "xcomp", "parataxis", "conj")
        for t in c.subtree
    }
    dates = find_dates(ex.text[span[0] : span[1]], published=ex.published, base=span[0])
    day = ex.published or ex.fallback
    said = [d for d in dates if any(d.start <= i < d.end for i in own)]
    return min(said[0].date, day) if said else day


def _root_word(ex: _Extractor, span: tuple[int, int]) -> Any:
    """The reporting verb that heads the sentence at ``span`` (parsed), if any.

    The first of the sentence, with a subject: a pronoun after another
    reporting verb of its own sentence is that verb's speaker's.
    """
    sent = ex.doc.char_span(span[0], span[1], alignment_mode="expand")
    if sent is None or len(sent) == 0:
        return None
    root = sent.root
    if not _reporting(root) or _subject(root) is None:
        return None
    if any(_reporting(t) for t in sent if t.i < root.i):
        return None  # "Prosecutors earlier said ...; they now say": their own
    return root


def said_across(
    ex: _Extractor,
    spans: Sequence[tuple[int, int]],
    i: int,
    parsed: Sequence[bool],
) -> Turn | None:
    """The earlier word of a speaker in sentence ``i``, said again beside it.

    Two sentences, each headed by a reporting verb of one speaker (a pronoun
    for it, or the same noun: :func:`_same_speaker`):

    - the later word after it: "Police had earlier said Jane Doe was in Leeds.
      *They now say* she is in York.", "The interior ministry initially said
      ... *It now says* ..." (the words of the two verbs as in
      :func:`said_again`);
    - the later word before it: "Police said on Tuesday that Vuković was in
      Pljevlja. *They had earlier said* he was in Bosnia." (sentence ``i`` has
      a word of before, :func:`_old_word`; the sentence before has none).

    The items of sentence ``i`` are then of before the later word's day
    (:attr:`Turn.new_date`: :func:`turn_dates`). None where there is no such
    pair, or a sentence is not parsed.
    """
    if not parsed[i]:
        return None
    old = _root_word(ex, spans[i])
    if old is None:
        return None
    before = _old_word(old)
    if i + 1 < len(spans) and parsed[i + 1]:
        new = _root_word(ex, spans[i + 1])
        if (
            new is not None
            and _later(old, before, new)
            and _same_speaker(old, new)
            and not _also(new, old)
        ):
            now = _adverb(new, _NOW)
            return Turn(
                old=_clause_of(old),
                old_words=before or str(old.text),
                new_at=int(new.idx),
                new_words=_words(now, new) if now is not None else str(new.text),
                own_subject=False,
                new_date=_said_on(ex, new, spans[i + 1]),
                old_at=int(old.idx),
            )
    if before is None or i == 0 or not parsed[i - 1]:
        return None
    new = _root_word(ex, spans[i - 1])
    if new is None or _old_word(new) is not None or _same_speaker(new, old) is None:
        return None
    return Turn(
        old=_clause_of(old),
        old_words=before,
        new_at=int(new.idx),
        new_words=str(new.text),
        own_subject=False,
        new_date=_said_on(ex, new, spans[i - 1]),
        old_at=int(old.idx),
    )


def answer_speaker(
    ex: _Extractor,
    spans: Sequence[tuple[int, int]],
    i: int,
    parsed: Sequence[bool],
    attr: Attribution,
    previous: Attribution | None,
) -> Attribution:
    """``attr``, with the speaker of the earlier word where "it now says" has none.

    "The interior ministry initially said Vuković had fled to Serbia. *It now
    says* he is probably still in Montenegro.": "it" is the ministry, the
    speaker (``previous``) of the sentence before, whose earlier word this one
    says again (:func:`said_across`). The earlier word of a speaker in a
    relative clause is its word, no description of it to set aside
    (:func:`spoken_again`).
    """
    attr = spoken_again(attr, ex.turn)
    if attr.speaker is not None or previous is None or previous.speaker is None:
        return attr
    if i == 0:
        return attr
    turn = said_across(ex, spans, i - 1, parsed)
    if turn is None or not spans[i][0] <= turn.new_at < spans[i][1]:
        return attr
    return replace(
        previous.carried(),
        excluded=attr.excluded,
        disputed=attr.disputed,
        clauses=attr.clauses,
        inherited=False,
    )


def spoken_again(attr: Attribution, turn: Turn | None) -> Attribution:
    """``attr``, with the speaker's earlier word no longer a description of it.

    "Police, *who earlier said Vuković was in Pljevlja*, now believe he has
    crossed into Bosnia": the relative clause is the police's earlier word
    (:func:`said_again`), not words that describe the speaker to set aside.
    """
    if turn is None:
        return attr
    a, b = turn.old
    if not any(x < b and a < y for x, y in attr.excluded):
        return attr
    cut = []
    for x, y in attr.excluded:
        if not (x < b and a < y):
            cut.append((x, y))
            continue
        cut += [p for p in ((x, a), (b, y)) if p[0] < p[1]]
    return replace(attr, excluded=tuple(cut))


def said_when(ex: _Extractor, s: Sentence, turn: Turn) -> DateMention | None:
    """The time of the earlier word of ``turn`` in sentence ``s``, if any.

    A date of ``s`` (:attr:`Sentence.dates`) in the earlier verb's own words,
    not in what it says: "*Earlier this year*, police said Jane Doe was in
    Leeds", "Police, who *earlier this month* said ...". None where it has
    none, or the sentence is not parsed.
    """
    if turn.old_at is None or s.sent is None:
        return None
    verb = ex.doc.char_span(turn.old_at, turn.old_at + 1, alignment_mode="expand")
    if verb is None or len(verb) == 0:
        return None
    own = {
        t.idx
        for c in verb[0].children
        if c.dep_ not in ("ccomp", "xcomp", "parataxis", "conj", "relcl")
        for t in c.subtree
    }
    said = [d for d in s.dates if any(d.start <= i < d.end for i in own)]
    return said[0] if said else None


def turn_dates(
    turn: Turn,
    anchor: int,
    skip: Sequence[tuple[int, int]],
    own: Callable[
        [int, Sequence[tuple[int, int]]], tuple[dt.date, dt.date | None, str]
    ],
    said: DateMention | None = None,
) -> tuple[dt.date, dt.date | None, str]:
    """(date, date_from, note) of an item at ``anchor`` of a sentence with ``turn``.

    ``own(anchor, skip)`` dates an item as any other. An item of the earlier
    clause is dated no later than the day before the later word; one of the
    later clause takes no date of the earlier clause. Where the earlier word
    has a time of its own (``said``, a date read: :func:`said_when`), the item
    is dated by it, to the day before the later word at the latest ("*Earlier
    this year*, police said ...": from 1 January), not the day before alone.
    """
    a, b = turn.old
    if not a <= anchor < b:
        return own(anchor, [*skip, turn.old])
    date, since, note = own(anchor, skip)
    now = turn.new_date or own(turn.new_at, [*skip, turn.old])[0]
    if date < now:
        return date, since, note
    day = now - dt.timedelta(days=1)
    why = (
        f"the speaker's earlier word ({turn.old_words!r}), before its word now "
        f"({turn.new_words!r}): dated the day before that"
    )
    if said is not None and said.date_from <= day:
        end = min(said.date, day)
        why = (
            f"dated from {said.text!r}, the time of the speaker's earlier word "
            f"({turn.old_words!r}), before its word now ({turn.new_words!r})"
        )
        return end, (said.date_from if said.date_from < end else None), why
    return day, None, note_of(why, "" if note.startswith("dated from") else note)


# -- two words, each of its own clause ----------------------------------------------


def _reporting(tok: Any) -> bool:
    return bool(tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in REPORTING_LEMMAS)


def two_words(sent: Any) -> tuple[Any, Any, Any] | None:
    """(earlier verb, later verb, ";") of two reported words on either side of ";".

    "Police earlier said Jane Doe was in Leeds; her family now says she is in
    York": a reporting verb with a subject of its own before the semicolon,
    and one after it. None if the sentence (a parsed span) has none.
    """
    for semi in (t for t in sent if t.text == ";"):
        old = [
            t
            for t in sent
            if t.i < semi.i and _reporting(t) and _subject(t) is not None
        ]
        new = [
            t
            for t in sent
            if t.i > semi.i
            and _reporting(t)
            and (_subject(t) is not None and _subject(t).i > semi.i)
        ]
        if old and new:
            return old[-1], new[0], semi
    return None


def own_speakers(
    sent: Any, attr: Attribution, attribute: Callable[[Any], Attribution]
) -> Attribution:
    """``attr``, with each of two words of other speakers their own speaker's.

    "Police earlier said Jane Doe was in Leeds; *her family now says* she is in
    York" (:func:`two_words`): the first clause is the police's, the second the
    family's, not both the family's. ``attribute`` gives the attribution of a
    part of the sentence (a span). Only where the two subjects are nouns of
    other words (a pronoun, "they now say", is the first's speaker), both
    clauses have a speaker, and they differ; and not where ``attr`` has
    clauses of its own already.
    """
    two = two_words(sent) if not attr.clauses else None
    if two is None:
        return attr
    old, new, semi = two
    a, b = _subject(old), _subject(new)
    if a.pos_ == "PRON" or b.pos_ == "PRON" or a.lemma_.lower() == b.lemma_.lower():
        return attr
    doc = sent.doc
    first = attribute(doc[sent.start : semi.i])
    second = attribute(doc[semi.i + 1 : sent.end])
    if first.speaker is None or second.speaker in (None, first.speaker):
        return attr
    spans = ((sent.start_char, semi.idx), (semi.idx, sent.end_char))
    excluded = (*attr.excluded, *first.excluded, *second.excluded)
    return replace(
        attr,
        excluded=tuple(dict.fromkeys(excluded)),
        clauses=((spans[0], first), (spans[1], second)),
    )


def _place_subject(tok: Any, stop: Any) -> Any:
    """The subject of the clause of ``tok``, below the reporting verb ``stop``."""
    for t in (tok, *tok.ancestors):
        if t.i == stop.i:
            return None
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and t.pos_ in ("VERB", "AUX"):
            if subj.lower_ in ("who", "that") and t.dep_ == "relcl":
                return t.head  # "..., who is in York": the one it is about
            return subj
    return None


def _denied_how(
    ex: _Extractor, s: Sentence, places: list[MentionLike]
) -> list[MentionLike]:
    """``places``, less those where a denial grants the target was, set aside.

    "Her family denied that she was in Leeds *voluntarily*": a denial, not
    negated, of how the target was at a place (a word of manner of the clause
    of being there) grants that she was there; it is no claim that she was not.
    """
    kept = list(places)
    root = s.sent.root
    for verb in (root, *(c for c in root.children if c.dep_ == "conj")):
        if verb.lemma_.lower() not in _DENY_LEMMAS or any(
            c.dep_ == "neg" for c in verb.children
        ):
            continue
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            how = [
                c
                for c in clause.children
                if c.dep_ == "advmod"
                and c.lower_ not in _PLAIN_ADVERBS
                and c.ent_type_ not in ("DATE", "TIME")
            ]
            if clause.lemma_.lower() not in _BEING or not how:
                continue
            lo, hi = subtree_span(clause)
            for m in [m for m in kept if lo <= m.start < hi]:
                kept.remove(m)
                ex.reject(
                    "not_target",
                    f"{m.text!r} is granted by a denial of how the target was "
                    f"there ({how[0].text!r}), not denied",
                    (m.start, m.end),
                )
    return kept


def of_others(
    ex: _Extractor, s: Sentence, places: list[MentionLike]
) -> list[MentionLike]:
    """``places``, less those of a later word about someone else, set aside.

    "Police earlier said Jane Doe was in Leeds; they now say *her brother is in
    York*", "...; they now say *they will search York*": the later word of a
    speaker who now says otherwise (:attr:`_Extractor.turn`), or of another
    speaker after a semicolon (:func:`two_words`), places the target only in a
    clause whose subject is the target ("she", "Jane Doe"); a place in one of
    someone or something else is not where the target is, and no later word
    to replace the earlier one. Nor is a place that a denial of how the
    target was there grants ("denied that she was in Leeds voluntarily":
    :func:`_denied_how`).
    """
    if s.sent is None or not places:
        return places
    places = _denied_how(ex, s, places)
    turn = ex.turn
    if turn is not None and s.span[0] <= turn.new_at < s.span[1]:
        later = ex.doc.char_span(turn.new_at, turn.new_at + 1, alignment_mode="expand")[
            0
        ]
        words = turn.new_words
    else:
        two = two_words(s.sent)
        if two is None:
            return places
        later, words = two[1], str(two[1].text)
    refs = [*ex.refs, *ex.object_refs]
    kept = []
    for m in places:
        span = ex.doc.char_span(m.start, m.end, alignment_mode="expand")
        subj = None
        if m.start > later.idx and span is not None and len(span):
            subj = _place_subject(span.root, later)
        if subj is None or any(r.start <= subj.idx < r.end for r in refs):
            kept.append(m)
            continue
        who = ex.text[subj.left_edge.idx : subj.idx + len(subj.text)]
        ex.reject(
            "not_target",
            f"{m.text!r} is in the later word ({words!r}) about {who!r}, "
            "not where the target is",
            (m.start, m.end),
        )
    return kept


# -- doubt and denial in the next sentence ----------------------------------------

_STATEMENT = (
    r"(?:(?:the|this|that|their|his|her|its|these|those|such)\s+(?:[\w’'-]+\s+)?"
    r"(?:accounts?|claims?|reports?|sightings?|stor(?:y|ies)|allegations?|"
    r"information|statements?|assertions?|footage|video|images?|photos?)|this|it)"
)
_NOT = r"(?:not|n[’']t|never)"
_CHECKED = r"(?:confirmed|verified|corroborated|substantiated)"
_CHECK = r"(?:confirm|verify|corroborate|substantiate)"
_HOW = r"(?:(?:yet|independently|immediately|officially)\s+)*"
_TAIL = r"(?:\s+(?:independently|immediately|by\s+[\w’'.-]+(?:\s+[\w’'.-]+){0,3}))?"
#: "The account could not be independently verified.", "Reuters could not
#: independently verify the report.", "The claims have not been confirmed."
_UNCONFIRMED = re.compile(
    rf"^(?P<d>(?:but\s*,?\s+|however\s*,\s+)?(?:{_STATEMENT}\s+"
    rf"(?:could|can|has|have|had|was|were|is|are)\s+{_NOT}\s+(?:yet\s+)?"
    rf"(?:been\s+|be\s+)?{_HOW}{_CHECKED}{_TAIL}"
    rf"|(?:[\w’'.&-]+\s+){{1,4}}?(?:could|can|did|was|were|has|have)\s*{_NOT}\s+"
    rf"(?:been\s+)?(?:able\s+to\s+)?{_HOW}{_CHECK}\s+{_STATEMENT}{_TAIL}"
    rf"|(?:[\w’'.&-]+\s+){{1,4}}?(?:was|were|is|are)\s+unable\s+to\s+{_HOW}"
    rf"{_CHECK}\s+{_STATEMENT}{_TAIL}))"
    r"\s*[.!]?[\"”’']*$",
    re.IGNORECASE,
)


def unconfirmed(text: str, base: int = 0) -> tuple[int, int] | None:
    """The span of ``text`` if it says the sentence before could not be confirmed.

    A short sentence whose subject is the statement ("The account", "Their
    account", "This") and whose verb says it was not confirmed or verified, or
    whose subject could not verify it ("Reuters could not independently verify
    the report"). A clause of its own after it ("... that she was in Leeds") is
    no doubt of the sentence before: absence of confirmation of a place named is
    a hedge of that place (:mod:`geosleuth.read.hedges`).

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
    """
    m = _UNCONFIRMED.match(text.strip())
    return None if m is None else stripped_span(m, text, base)


#: Verbs that deny the clause they govern: "Police denied that he was in Foča".
_DENY_LEMMAS = frozenset({"deny", "reject", "dismiss", "refute", "dispute"})
_PRONOUNS = frozenset({"he", "she", "they"})
#: Verbs of being somewhere, whose denial denies the place: "denied that she
#: *was* in Leeds", "... that he *was hiding* in Foča".
_BEING = frozenset({"be", "stay", "remain", "live", "hide", "shelter"})
#: Words of a denied clause that say nothing of how, why or when.
_PLAIN_DEPS = frozenset({"nsubj", "mark", "aux", "punct", "cc", "conj"})
_PLAIN_ADVERBS = frozenset(
    {"ever", "still", "really", "actually", "even", "currently", "now", "there"}
)
#: Adverbs of the present: "denied she was *still* there" denies that she is
#: there now, not the sighting of Monday (review r26, U-3).
_PRESENT_ADVERBS = frozenset({"still", "currently", "now"})
#: Words of the time of the sentence before: "denied she was there *at the
#: time*" (review r27, finding 18).
_AT_THE_TIME = re.compile(r"at\s+(?:the|that)\s+time|then|that\s+(?:day|night)", re.I)
#: The words of such a verb, for a sentence not parsed.
_DENY_TEXT = re.compile(
    r"\b(?:den(?:y|ies|ied)|reject|dismiss|refut|disput)\w*\b", re.I
)


@dataclass(frozen=True, slots=True)
class Doubt:
    """The next sentence's doubt or denial of a sentence.

    Attributes
    ----------
    span : tuple of (int, int)
        Document span of the words that doubt or deny it.
    pronoun : tuple of (int, int) or None
        Of a denial of a place (:func:`denies_the_place`), the span of its
        pronoun subject ("he" in "Police denied that he was in Foča").
    places : frozenset of str
        Of such a denial, the labels of the places denied.
    """

    span: tuple[int, int]
    pronoun: tuple[int, int] | None = None
    places: frozenset[str] = frozenset()


def _presence(clause: Any, there: Sequence[MentionLike], before: str) -> bool:
    """Whether ``clause`` (a verb) says plainly that its subject is at ``there``.

    "that she was in Leeds", "that he was ever in Foča", "that she is hiding in
    Leeds": a verb of being somewhere (:data:`_BEING`), not negated, whose own
    preposition holds the place, with no other word of how, why, with whom or
    when; a time is the sentence before's (``before``, its text) if its words
    are there ("in Leeds on Monday" after "saw her in Leeds on Monday"). Not
    "that she had left Leeds", "that she had been abducted in Leeds", "that
    she was in Leeds voluntarily" nor "that she was in Leeds on Sunday": they
    deny another thing (but "there *at the time*" or "*then*" is the time of
    the sentence before: :data:`_AT_THE_TIME`), and grant, or leave open,
    that she was there. With no ``there``, the place is the word "there"
    ("denied she was there"), the place of the sentence before.
    """
    if clause.lemma_.lower() not in _BEING or any(
        c.dep_ in ("neg", "auxpass") for c in clause.children
    ):
        return False
    doc = clause.doc
    preps = set()
    for m in there:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        head = span.root.head
        if head.dep_ == "prep" and head.head.i == clause.i:
            preps.add(head.i)
    if not there:
        preps = {
            c.i for c in clause.children if c.dep_ == "advmod" and c.lower_ == "there"
        }
    if not preps:
        return False
    for c in clause.children:
        if c.i in preps or c.dep_ in _PLAIN_DEPS:
            continue
        if c.dep_ == "advmod" and c.lower_ in _PLAIN_ADVERBS - _PRESENT_ADVERBS:
            continue
        if _AT_THE_TIME.fullmatch(
            doc_text(doc)[c.idx : c.right_edge.idx + len(c.right_edge.text)]
        ):
            continue  # "denied she was there at the time": then, as seen
        words = doc_text(doc)[
            c.left_edge.idx : c.right_edge.idx + len(c.right_edge.text)
        ]
        dated = any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)
        if dated and re.search(rf"\b{re.escape(words)}\b", before, re.I):
            continue  # "in Leeds on Monday", as the sentence before says
        return False
    return True


def _neither_nor(verb: Any) -> bool:
    """Whether ``verb`` is a "neither ... nor" pair's: no denial, "nor deny".

    So is a denial joined by "or" to a negated verb: "Police *would not confirm
    or deny* she was there" takes no side (review r27, finding 18).
    """
    pair = [verb, *verb.conjuncts]
    if any(c.lower_ in ("neither", "nor") for t in pair for c in t.children):
        return True
    return bool(
        verb.dep_ == "conj"
        and any(c.dep_ == "neg" for c in verb.head.children)
        and any(c.dep_ == "cc" and c.lower_ == "or" for t in pair for c in t.children)
    )


def denies_the_place(
    ex: _Extractor,
    span: tuple[int, int],
    places: Sequence[MentionLike],
    before: str = "",
) -> Doubt | None:
    """The denial, in the sentence at ``span``, of one of ``places``, if any.

    The sentence's main verb (or one joined to it) denies, not negated, a
    clause whose subject is "he", "she", "they" or the target, and that clause
    says plainly that it was at a place with the label of one of ``places``
    (those of the sentence before, whose text is ``before``: :func:`_presence`):
    "Police denied that he was in Foča and said his brother had been
    questioned"; or "there", where ``places`` has one point place ("A hiker
    saw Jane Doe in Leeds on Monday. Police denied she was there."). The span
    runs from the sentence's start to the end of the denied clause. None if
    none, or the sentence is not parsed.
    """
    if not places:
        return None
    sent = ex.doc.char_span(span[0], span[1], alignment_mode="expand")
    if sent is None:
        return None
    named = {label(m) for m in places}
    there = [m for m in ex.mentions if span[0] <= m.start < span[1]]
    there = [m for m in there if label(m) in named]
    points = {label(m) for m in places if is_point(m)}
    if not there and len(points) != 1:
        return None  # "denied she was there": the one place before, if one
    root = sent.root
    for verb in (root, *(c for c in root.children if c.dep_ == "conj")):
        if verb.lemma_.lower() not in _DENY_LEMMAS or any(
            c.dep_ == "neg" for c in verb.children
        ):
            continue
        if _neither_nor(verb):
            continue  # "Police neither confirmed nor denied she was there"
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            subj = next(
                (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None
            )
            if subj is None or not _presence(clause, there, before):
                continue
            pronoun = subj.lower_ in _PRONOUNS
            if not pronoun and not any(r.start <= subj.idx < r.end for r in ex.refs):
                continue
            lo = min(t.idx for t in clause.subtree)
            last = max(clause.subtree, key=lambda t: t.i)
            hi = last.idx + len(last.text)
            denied = frozenset(label(m) for m in there if lo <= m.start < hi)
            if denied or not there:
                denied = denied or frozenset(points)
                at = (subj.idx, subj.idx + len(subj.text)) if pronoun else None
                return Doubt((span[0], hi), at, denied)
    return None


def next_doubt(
    ex: _Extractor,
    spans: Sequence[tuple[int, int]],
    i: int,
    parsed: Sequence[bool],
    places: Sequence[MentionLike],
) -> Doubt | None:
    """The next sentence's doubt or denial of sentence ``i``, if any.

    A short denial ("Police denied the report.":
    :func:`geosleuth.read.attribution.denial_of_previous`), a short doubt ("The
    account could not be independently verified.": :func:`unconfirmed`), or,
    in a parsed sentence, a denial of one of the ``places`` of sentence ``i``
    (:func:`denies_the_place`).
    """
    if i + 1 >= len(spans):
        return None
    s1, e1 = spans[i + 1]
    text = ex.text[s1:e1]
    short = denial_of_previous(text, s1) or unconfirmed(text, s1)
    if short is not None:
        return Doubt(short)
    if not places or _DENY_TEXT.search(text) is None:
        return None
    if parsed[i + 1]:
        doubt = denies_the_place(ex, (s1, e1), places, ex.text[slice(*spans[i])])
        others = {label(m) for m in places if is_point(m)} - (
            doubt.places if doubt else frozenset()
        )
        # "A hiker saw her in Leeds, and a driver took her to York. Police
        # denied that she was in York.": not the hiker's word on Leeds
        return None if others else doubt
    named = {label(m) for m in places}
    if any(s1 <= m.start < e1 and label(m) in named for m in ex.mentions):
        # "Police denied that he was in Foča", left unparsed (its "he" was given
        # to another): the reading needs its parse, and is made again with it
        ex.history_at = max(ex.history_at, e1)
    return None


def refer_back(ex: _Extractor, span: tuple[int, int], doubt: Doubt | None) -> None:
    """Take the pronoun of a denial of a place for the target, where it is.

    "Bosnian media had reported that Vuković was seen in Foca, where his
    brother runs a café. Police ... denied that *he* was in Foča": the one
    denied to be in Foča is the one the sentence before put there, the target,
    though the rule of the person named last (:mod:`geosleuth.read.target`)
    gives "he" to the brother. Only where an item of the sentence at ``span``
    puts the target at a place denied, and no reference of the target holds
    the pronoun already; the denial is then read as a claim that the target is
    not there.

    A doubt of "the sighting" with sentences between refers back too
    (:func:`_doubt_back`).
    """
    _doubt_back(ex, span, doubt)
    if doubt is None or doubt.pronoun is None or ex.target is None:
        return
    a, b = doubt.pronoun
    if any(r.start <= a < r.end for r in ex.refs):
        return
    if not any(
        i.provenance.span == span
        and getattr(i, "place_name", None) in doubt.places
        and getattr(i, "subject", "target") == "target"
        and getattr(i, "polarity", "is") == "is"
        for i in ex.items
    ):
        return
    ex.refs.append(TargetRef(a, b, ex.text[a:b], "pronoun"))
    ex.refs.sort(key=lambda r: r.start)


#: The doubt is of a seeing by its noun: "*The sighting* could not be confirmed",
#: "Reuters could not independently verify *the reported sighting*".
_OF_A_SIGHTING = re.compile(
    r"\b(?:the|this|that|these|those|such|their|his|her|its)\s+(?:[\w’'-]+\s+)?"
    r"sightings?\b",
    re.IGNORECASE,
)
#: Words of a seeing between it and the doubt, which "the sighting" could be.
_SEEING_WORDS = re.compile(
    r"\b(?:see[ns]?|saw|seeing|spott(?:ed|ing)|spots?|sight(?:ed|ings?)|"
    r"witness(?:ed|es)?)\b",
    re.IGNORECASE,
)


def _doubt_back(ex: _Extractor, span: tuple[int, int], doubt: Doubt | None) -> None:
    """Lower the latest sighting of the paragraph that a later doubt names.

    "Police said an officer saw Villamizar in Cúcuta on Friday. “He was leaving
    a clinic,” said General Rafael Ospina. *The sighting could not be
    confirmed.*": the doubt (:func:`unconfirmed`) that names a sighting by its
    noun is of the last one told, though a sentence stands between; its
    sightings are one level less sure, as a doubt in the next sentence makes
    them (:func:`geosleuth.read._sentence.disputed`). ``doubt`` is of the
    sentence after the one at ``span``, which has been read. Only where that
    sentence and any before it back to the sighting's own add no claim or
    sighting and tell of no other seeing (:data:`_SEEING_WORDS`), all in one
    paragraph; a sighting disputed already is left as it is.
    """
    if doubt is None or doubt.pronoun is not None or doubt.places:
        return
    a, b = doubt.span
    words = ex.text[a:b]
    if unconfirmed(words) is None or _OF_A_SIGHTING.search(words) is None:
        return  # "The account could not be confirmed": of the sentence before
    last = next(
        (i for i in reversed(ex.items) if i.kind in ("claim", "sighting")), None
    )
    seen = None if last is None else last.provenance.span
    if last is None or last.kind != "sighting" or seen is None or seen == span:
        return  # the sentence before is doubted already, or no sighting is last
    between = ex.text[seen[1] : a]
    if seen[1] > span[0] or "\n\n" in between or _SEEING_WORDS.search(between):
        return
    for k, item in enumerate(ex.items):
        if (
            isinstance(item, Sighting)
            and item.provenance.span == seen
            and "disputed" not in (item.note or "")
        ):
            ex.items[k] = replace(
                item,
                hedge=lower(item.hedge),
                note=note_of(
                    item.note or "",
                    f"disputed in a later sentence ({words!r}): one level less sure",
                ),
            )
