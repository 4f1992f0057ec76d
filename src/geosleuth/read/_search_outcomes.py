"""What says that a search found nothing: in its own sentence, or in the next.

The outcome of a search (:mod:`geosleuth.read.searches`) is the words that say
it found nothing (:class:`_Failure`): a verb of finding whose object is nothing
or no trace ("but found no trace of Jane Doe", "turned up nothing", "spotted
nothing"; "found neither the sailor nor the liferaft", the one sought being the
person of the list), or whose passive subject is ("no trace of her has been
found"), a finding denied ("but did not find her", "failed to find her",
"without finding him"), or words alone ("without success", "in vain", "but he
was not there").

The outcome may come in the sentence after the search, a short one whose
subject is the searchers and that names no place of its own
(:func:`next_outcome`): "Police, State Emergency Service volunteers and Parks
and Wildlife rangers searched the area between Waterfall Valley and Lake
Windermere on Sunday and Monday, while the Westpac Rescue Helicopter flew over
the Forth River gorge. *They found no sign of Mr Becker.*" The search is then
one that found nothing, the one not found being the one that sentence names;
"They found no sign of him in Keswick." names a place of its own, and is a
search of its own.

A search that found the target after all, her body or her things ("searched
the river and found her body": :func:`_found_the_target`) found something.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from geosleuth.read._doc_text import doc_text
from geosleuth.read._search_people import _SOUGHT_NOUNS, _is_group, _sought_kind

if TYPE_CHECKING:
    from geosleuth.read._search_people import _People
    from geosleuth.read._sentence import Sentence
    from geosleuth.read.claims import _Extractor

__all__ = ["is_outcome", "next_outcome"]

#: Verbs (lemmas) of finding, whose object says what a search found.
_FIND_LEMMAS = frozenset(
    {"find", "locate", "discover", "uncover", "yield", "produce", "reveal", "net"}
)
#: Verbs that find with "up": "turned up nothing", "came up empty".
_UP_LEMMAS = frozenset({"turn", "come"})
#: Verbs of seeing that, with nothing seen, say a search found nothing
#: ("flew over the fells but *spotted nothing*"); no search of their own.
_SEEN_NOTHING_LEMMAS = frozenset({"spot", "see", "sight", "detect", "notice"})
#: What a search that found nothing found: "no trace of", "no sign of her".
_NOTHING_NOUNS = frozenset(
    {"trace", "sign", "clue", "evidence", "indication", "hint", "track", "one"}
)
_NOTHING_WORDS = frozenset({"nothing", "nobody", "none", "noone"})
#: Words that say a search failed without a verb of finding.
_FAILED = re.compile(
    r"\b(?:without\s+(?:success|result|luck)|to\s+no\s+avail|in\s+vain|"
    r"came\s+up\s+(?:empty|short)|(?:was|were|proved|proven|been)\s+"
    r"(?:fruitless|unsuccessful)|(?:fruitless|unsuccessful)\s+(?:search|raid|hunt))\b",
    re.IGNORECASE,
)
#: "but he was not there", "she was nowhere to be found": the one sought
#: (group ``who``) was not where the search was.
_NOT_THERE = re.compile(
    r"\b(?P<who>he|she|they)\s+(?:was|were|is|had)\s*(?:not|n't|n’t|never)\s+"
    r"(?:been\s+)?there\b|\b(?P<who2>he|she)\s+was\s+nowhere\s+to\s+be\s+"
    r"(?:found|seen)\b",
    re.IGNORECASE,
)
#: A short sentence that gives the outcome of the search before it: the
#: searchers ("They", "Searchers", "Crews", "Rescuers", "Search teams") found
#: nothing, or no sign of someone (group ``who``), or did not find someone
#: (``who2``), and nothing more than a time: "They found no sign of Mr Becker.",
#: "Searchers found nothing on Tuesday.", "But they did not find him."
_NEXT = re.compile(
    r"(?:But\s+|However,?\s+)?"
    r"(?:[Tt]hey|(?:[Tt]he\s+)?(?:[Ss]earchers|[Cc]rews|[Tt]eams|[Rr]escuers|"
    r"[Vv]olunteers|[Ss]earch\s+(?:teams|parties|crews)))\s+"
    r"(?:(?P<nothing>(?:found|turned\s+up|saw|spotted)\s+(?:nothing|no\s+"
    r"(?:sign|trace|clue|track)s?(?:\s+of\s+(?P<who>[^.;:,!?]{1,40}?))?))"
    r"|(?P<denied>(?:did\s+not|did\s*n[’']t|could\s+not|could\s*n[’']t|"
    r"failed\s+to|were\s+unable\s+to)\s+(?:find|locate|spot)\s+"
    r"(?P<who2>[^.;:,!?]{1,40}?)))"
    r"(?:\s+(?:there|either|again))?"
    r"(?:\s+(?:on|by|until|during|overnight|that|this|last|in\s+the)\b[^.;:!?]{0,30})?"
    r"\s*[.!]",
)


@dataclass(frozen=True, slots=True)
class _Failure:
    """What says that a search found nothing, and whom it did not find.

    ``kind`` is ``"nothing"`` for a verb of finding whose object is nothing or
    no trace ("found no trace of Jane Doe"), ``"denied"`` for a finding denied
    ("did not find her"), ``"words"`` for words alone ("without success", "but
    he was not there"). ``sought`` holds the words for the one not found,
    ``verb`` the verb of finding (None for words alone, and for an outcome in
    the next sentence). ``told`` is the span of the next sentence where that
    sentence tells the outcome (:func:`next_outcome`), else None.
    """

    kind: Literal["nothing", "denied", "words"]
    cue: str
    at: int
    sought: tuple[Any, ...] = ()
    verb: Any = None
    told: tuple[int, int] | None = None


def is_outcome(text: str) -> bool:
    """Whether ``text`` opens with the outcome of a search told before it.

    Examples
    --------
    >>> is_outcome("They found no sign of Mr Becker.")
    True
    >>> is_outcome("  But they did not find him on Monday.")
    True
    >>> is_outcome("They found his car in Aspen.")
    False
    """
    return _NEXT.match(text, len(text) - len(text.lstrip())) is not None


def next_outcome(ex: _Extractor, s: Sentence) -> _Failure | None:
    """The outcome of a search of ``s`` that the next sentence tells, if it does.

    The sentence right after ``s`` (in the same paragraph or opening the next)
    is a short one of :data:`_NEXT` ("They found no sign of Mr Becker.") that
    names no place of its own; the one it did not
    find (``sought``) is the word of its parse that heads it ("Becker", "him",
    "the pair"), none where it found nothing ("They found nothing.").
    """
    rest = ex.text[s.span[1] : s.span[1] + 400]
    start = s.span[1] + len(rest) - len(rest.lstrip())
    m = _NEXT.match(ex.text, start)
    if m is None or any(start <= p.start < m.end() for p in ex.mentions):
        return None
    kind: Literal["nothing", "denied"] = "nothing" if m.group("nothing") else "denied"
    group = "who" if kind == "nothing" else "who2"
    sought: tuple[Any, ...] = ()
    if m.group(group):
        words = ex.doc.char_span(m.start(group), m.end(group), alignment_mode="expand")
        if words is None or not all(t.dep_ for t in words):
            return None  # not parsed: whom it did not find is not known
        sought = (words.root,)
    return _Failure(
        kind, ex.text[m.start(kind) : m.end(kind)], m.start(kind), sought,
        told=(start, m.end()),
    )  # fmt: skip


def _failures(ex: _Extractor, s: Sentence) -> Iterator[_Failure]:
    """What in ``s`` says that nothing was found."""
    for tok in s.sent:
        if tok.pos_ != "VERB":
            continue
        lemma = tok.lemma_.lower()
        kids = list(tok.children)
        up = lemma in _UP_LEMMAS and any(
            c.dep_ == "prt" and c.lower_ == "up" for c in kids
        )
        seen = lemma in _SEEN_NOTHING_LEMMAS
        if lemma not in _FIND_LEMMAS and not up and not seen:
            continue
        objs = [c for c in kids if c.dep_ in ("dobj", "obj")]
        nothing = next((o for o in objs if _is_nothing(o)), None)
        passive = nothing is None
        if passive:
            nothing = next(
                (c for c in kids if c.dep_ == "nsubjpass" and _is_nothing(c)), None
            )
        if nothing is not None:
            # "found no trace of Jane Doe", "No trace of her has been found":
            # Jane Doe was not found; "found nothing of interest": no one named
            sought = _neither(nothing) or tuple(
                g
                for p in nothing.children
                if p.dep_ == "prep"
                and p.lower_ == "of"
                and nothing.lower_ not in _NOTHING_WORDS
                for g in p.children
                if g.dep_ == "pobj"
            )
            if passive:
                at = int(nothing.left_edge.idx)
                cue = ex.text[at : tok.idx + len(tok.text)]
            else:
                last = max(
                    (nothing.right_edge, *(c.right_edge for c in nothing.conjuncts)),
                    key=lambda t: t.i,
                )
                cue, at = ex.text[tok.idx : last.idx + len(last.text)], int(tok.idx)
            yield _Failure("nothing", cue, at, sought, tok)
            continue
        if seen:
            continue  # "did not see her": a sighting denied, the sightings' rule
        denial = None if up else _denied_finding(tok)
        if denial is not None:
            # "did not find her": from the denial to the one not found
            start = tok.idx + len(tok.text) - len(denial)
            last = max([tok, *(o.right_edge for o in objs)], key=lambda t: t.i)
            cue = ex.text[start : last.idx + len(last.text)]
            yield _Failure("denied", cue, start, tuple(objs), tok)
    for m in _FAILED.finditer(s.text):
        yield _Failure("words", m.group(0), s.span[0] + m.start())
    for m in _NOT_THERE.finditer(s.text):
        group = "who" if m.group("who") else "who2"
        at = s.span[0] + m.start(group)
        who = tuple(t for t in s.sent if t.idx == at)
        yield _Failure("words", m.group(0), at, who)


def _is_nothing(obj: Any) -> bool:
    """Whether the object of a verb of finding is nothing.

    "no trace", "nothing", or a list denied ("*neither* the sailor nor the
    liferaft").
    """
    if obj.lower_ in _NOTHING_WORDS:
        return True
    kids = list(obj.children)
    if any(d.dep_ == "preconj" and d.lower_ == "neither" for d in kids):
        return True
    return obj.lemma_.lower() in _NOTHING_NOUNS and any(
        d.dep_ == "det" and d.lower_ == "no" for d in kids
    )


def _neither(obj: Any) -> tuple[Any, ...]:
    """The ones not found of a list denied: the people, else the whole list.

    "neither *the sailor* nor the liferaft": the things of the list are what was
    not found with them; "neither the boat nor the liferaft", all. Empty for an
    object that is no list denied.
    """
    if not any(d.dep_ == "preconj" and d.lower_ == "neither" for d in obj.children):
        return ()
    listed = (obj, *obj.conjuncts)
    people = tuple(
        w
        for w in listed
        if w.pos_ in ("PRON", "PROPN")
        or w.ent_type_ == "PERSON"
        or w.lemma_.lower() in _SOUGHT_NOUNS
        or _is_group(w)
    )
    return people or listed


def _denied_finding(verb: Any) -> str | None:
    """The words that deny the finding of ``verb``, if any.

    "did not find", "never found", "could not locate", "failed to find", "were
    unable to find", "without finding".
    """
    kids = list(verb.children)
    neg = next((c for c in kids if c.dep_ == "neg"), None)
    if neg is not None:
        first = min([neg, *(c for c in kids if c.dep_ == "aux")], key=lambda t: t.i)
        return str(doc_text(verb.doc)[first.idx : verb.idx + len(verb.text)])
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_.lower() in ("fail", "unable"):
        return str(doc_text(verb.doc)[head.idx : verb.idx + len(verb.text)])
    if head.lower_ == "without" and verb.tag_ == "VBG":
        # "searched the drainage since Monday, without finding him"
        return str(doc_text(verb.doc)[head.idx : verb.idx + len(verb.text)])
    return None


def _failure_of(anchor: Any, failures: list[_Failure]) -> _Failure | None:
    """The words that say the search of ``anchor`` found nothing, if any.

    Its own ("found no sign of"), else the first after it (the next sentence's
    last), else the last before.
    """
    own = next(
        (f for f in failures if f.verb is not None and f.verb.i == anchor.i), None
    )
    if own is not None:
        return own
    after = [f for f in failures if f.at > anchor.idx]
    if after:
        return min(after, key=lambda f: f.at)
    return max(failures, key=lambda f: f.at, default=None)


def _found_the_target(people_: _People, s: Sentence) -> list[Any]:
    """The verbs by which ``s`` says the target, or her body or things, was found.

    "searched the river and found her body", "and found her car": a finding that
    :mod:`geosleuth.read.found` or :mod:`geosleuth.read.traces` reads.
    """
    out = []
    for tok in s.sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in _FIND_LEMMAS | {"recover"}:
            continue
        if _denied_finding(tok) is not None:
            continue
        # "found her alive": the parse may make "her" the subject of the state
        ones = [
            *tok.children,
            *(
                g
                for c in tok.children
                if c.dep_ in ("ccomp", "xcomp", "oprd")
                for g in c.children
                if g.dep_ == "nsubj"
            ),
        ]
        for obj in ones:
            if obj.dep_ not in ("dobj", "obj", "nsubjpass", "nsubj") or _is_nothing(
                obj
            ):
                continue
            if obj.dep_ == "nsubj" and obj.head.i == tok.i:
                continue  # the finder, not the one found
            owners = [c for c in obj.children if c.dep_ == "poss"]
            owners += [
                g
                for p in obj.children
                if p.dep_ == "prep" and p.lower_ == "of"
                for g in p.children
                if g.dep_ == "pobj"
            ]
            if _sought_kind(people_, obj) == "target" or any(
                people_.is_target(o) for o in owners
            ):
                out.append(tok)
                break
    return out
