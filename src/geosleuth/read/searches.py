"""Searches that found nothing: "Police searched Aspen but found no trace of her".

A search for the target at a place that found nothing says that the target was
probably not there then. Such a search is read as a
:class:`~geosleuth.evidence.Searched` item (kind ``"searched"``): its area is
the place's point buffered by the radius that a claim at the same mention
would have (:func:`~geosleuth.read.regions.claim_regions`: the town buffer,
doubled after "near" or "around"; the written precision of coordinates; the
point and spread of "30 km north of Denver"), its probability of detection is
:data:`SEARCH_PD`, and ``place_name`` names the place. It is dated, graded and
hedged as any item read from a sentence: the date nearest the place, the grade
of who says it, the hedge of the search's own words ("reportedly searched",
"may have searched"; not the "no evidence" of what was not found), one level
less sure when another party disputes it. Its note says that it was read as a
search that found nothing, and from which words. Ids are ``<doc>:n<k>``.

A *search* is a verb of searching (:data:`SEARCH_LEMMAS`: "searched",
"combed", "scoured", "raided") or a noun of one ("a search of", "a raid on",
"a manhunt in"), at the places of its own phrase
(:func:`~geosleuth.read._sentence.in_phrase`; not those of the searchers:
"*Leeds* police searched"): "searched the woods near Aspen", "combed the
slopes above Chamonix", "a search of the forest near Vail", "searched Mosul".
A finding of nothing at a place is one too ("Searchers found no sign of Jane
Doe in Glencoe"). It *found nothing* where the sentence says so: a verb of
finding whose object is nothing or no trace ("but found no trace of Jane
Doe", "turned up nothing", "yielded no clue"), a finding denied ("but did not
find her", "failed to find her"), or the words "without success", "to no
avail", "in vain", "came up empty", "proved fruitless", "unsuccessful", "but
he was not there".

**Whose search.** A search counts for the target only where the text ties it
to her:

- by whom it was for, or whom it did not find: "for Jane Doe", "for her",
  "found no trace of Jane Doe", "did not find her", "but he was not there"
  (a pronoun by the rule of :mod:`geosleuth.read.target`: the person named
  last before it is the target, of the target's gender where the text tells
  it);
- or, where it names no one sought ("A search of the forest near Vail turned
  up nothing"; "for the missing hiker", a description that may be hers), by
  the rule by which "he" or "she" refers to the target
  (:mod:`geosleuth.read._target_pronouns`): the person named last before the
  search, within :data:`~geosleuth.read.target.PRONOUN_REACH` characters, is
  the target, with no other person, nor a relative of either gender, named in
  between; a speaker ("Sheriff John Smith said a search ...") is no one
  sought. "Jane Doe went missing on Saturday. A search of the forest near
  Vail turned up nothing." is the target's search; after "Police are also
  looking for Tom Fox." or "Jane Doe's brother went missing." it is not.

A search for someone or something else ("for her brother", "for Tom Fox",
"for weapons", "found no trace of her brother") is set aside as
``not_target``, and so is one that the text does not tie to the target.

Set aside, each with its reason: a search denied ("did not search",
``negated``); one under a condition ("if police searched"), still under way
("Police are searching the woods near Aspen", "have been searching"), to come
("will search", "plan to search", "a search ... is planned"), or whose outcome
the sentence does not give ("Police searched the woods near Aspen on
Tuesday.", "... and found drugs"): ``conditional``, not reported as one that
found nothing; a search of a whole country, continent, first-level division,
region, river or border ("searched France", "searched Texas"): too vague, the
text does not say which part was searched (``no_place``); a search or raid of
a building in a town ("A raid on a house in Leeds found nothing", "searched
homes in Leeds"): where the building stands within the town is unknown, so it
is no search of the town (``no_place``), and what the sentence says of the
target there is not read either: "A raid on a house in Leeds where Jane Doe
was thought to be hiding found nothing" gives no claim at Leeds, for the
belief is what the raid found wrong (a claim there would make Leeds likelier,
the opposite of what the sentence reports). Another place set aside is left
to the other rules, so what they read there stays read. A search that
found the target, her body or her things ("searched the river and found her
body", "found her car") gives nothing here: the
finding is :mod:`geosleuth.read.found`'s or :mod:`geosleuth.read.traces`'. A
place that only qualifies another ("searched Leadville, Colo.") or says where
it is ("Tal Afar, west of Mosul") is no second search. A place that another
rule of the sentence read first (a sighting, a trace, the target found there)
is that rule's, and a sentence already set aside for the same reason ("Police
will search Aspen until she is found": a finding to come) is not set aside
twice.

A sentence is read only where it is parsed: one that names the target is,
and one that does not is parsed for this rule only where it tells of a search
and of nothing found at a place named (:func:`may_be_search`). "Police are
searching the woods near Aspen." after a sentence that names her is therefore
neither read nor set aside.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from geosleuth.evidence import Hedge, Searched
from geosleuth.read._sentence import (
    MentionLike,
    Sentence,
    disputed,
    hedge_note,
    hedge_text,
    in_phrase,
    kind_of,
    label,
    note_of,
    overlaps,
    own_clause,
    resolved,
)
from geosleuth.read._target_pronouns import (
    _GENDER_OF,
    _own_and_others,
    _refers_to_target,
)
from geosleuth.read.hedges import hedge_of
from geosleuth.read.regions import claim_regions, qualifies_town
from geosleuth.read.sightings import _located_by
from geosleuth.read.target import _people_and_gender, _speakers_of

if TYPE_CHECKING:
    from geosleuth.read.claims import _Extractor

__all__ = [
    "NOTHING_TEXT",
    "SEARCH_LEMMAS",
    "SEARCH_PD",
    "SEARCH_TEXT",
    "may_be_search",
    "read_searches",
]

#: Probability of detection of a search read from text. The text gives no
#: coverage, sweep width, effort or extent, so nothing says how likely the
#: search was to find a target who was there; 0.5 says a miss was as likely as
#: a find. It is below one thorough sweep at coverage 1 (``1 - exp(-1)``, about
#: 0.63: :func:`geosleuth.plan.pod`), because the area is the place's whole
#: uncertainty disc (:data:`~geosleuth.read.regions.TOWN_BUFFER_KM`, doubled
#: after "near"), wider than the ground a team covers; it is the pd of the
#: helicopter's one pass in the bundled ``missing-hiker.yaml``. Fusion multiplies
#: it by the item's probability of being true (grade × hedge), so a search read
#: from text never empties an area.
SEARCH_PD = 0.5

#: Verbs (lemmas) of searching a place: "searched", "combed", "scoured",
#: "raided".
SEARCH_LEMMAS = frozenset({"search", "comb", "scour", "raid", "trawl"})
#: Nouns (lemmas) of a search: "a search of", "a raid on", "a manhunt in".
_SEARCH_NOUNS = frozenset({"search", "raid", "manhunt"})
#: Words of a search ("searched", "searchers", "a raid", "found no trace of").
SEARCH_TEXT = re.compile(
    r"\b(?:search(?:e[ds]|ing|ers?)?|comb(?:ed|ing)|scour(?:s|ed|ing)?|"
    r"raid(?:s|ed|ing)?|trawl(?:s|ed|ing)?|manhunts?)\b"
    r"|\b(?:found|finds?|finding)\s+no\s+(?:trace|sign)s?\s+of\b",
    re.IGNORECASE,
)
#: Words of nothing found ("found nothing", "no trace", "did not find",
#: "without success", "he was not there").
NOTHING_TEXT = re.compile(
    r"\b(?:nothing|nobody|no\s+(?:one|trace|sign|clue|evidence|indication|hint|track)s?"
    r"|(?:not|n't|n’t|never|failed\s+to|unable\s+to)\s+(?:find|found|locate|located)"
    r"|without\s+(?:success|result|luck)|to\s+no\s+avail|in\s+vain|fruitless"
    r"|unsuccessful|came\s+up\s+(?:empty|short)|not\s+there|nowhere\s+to\s+be)\b",
    re.IGNORECASE,
)


def may_be_search(text: str) -> bool:
    """Whether ``text`` may tell of a search that found nothing.

    A word of searching (:data:`SEARCH_TEXT`) and one of nothing found
    (:data:`NOTHING_TEXT`): for choosing the sentences to parse
    (:func:`geosleuth.read.document.read_text`). A sentence that names the
    target is parsed anyway; one that does not ("A search of the forest near
    Vail turned up nothing.") is parsed only for this, and a search under way
    or to come in it, which gives no item, is not worth its parse.

    Examples
    --------
    >>> may_be_search("A search of the forest near Vail turned up nothing.")
    True
    >>> may_be_search("Volunteers continue to search near Vail.")
    False
    """
    return SEARCH_TEXT.search(text) is not None and (
        NOTHING_TEXT.search(text) is not None
    )


#: Verbs (lemmas) of finding, whose object says what a search found.
_FIND_LEMMAS = frozenset(
    {"find", "locate", "discover", "uncover", "yield", "produce", "reveal", "net"}
)
#: Verbs that find with "up": "turned up nothing", "came up empty".
_UP_LEMMAS = frozenset({"turn", "come"})
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
#: Modals that put a search to come ("will search"), unless with "have" ("may
#: have searched": a hedge).
_MODALS = frozenset(
    {"will", "shall", "'ll", "’ll", "wo", "would", "could", "can", "may", "might",
     "should", "must"}
)  # fmt: skip
#: Verbs that put the search they govern to come: "plan to search", "hope to".
_PLAN_LEMMAS = frozenset(
    {"plan", "hope", "intend", "prepare", "expect", "want", "aim", "schedule",
     "vow", "promise", "decide", "seek", "try", "attempt"}
)  # fmt: skip
_UNDER_WAY = re.compile(r"\b(?:under\s*way|ongoing|continu\w*|resum\w*)\b", re.I)
_CONDITION_MARKS = frozenset({"if", "whether", "unless"})
#: Kinds of place too large to be a search's area: the text does not say which
#: part of it was searched.
_VAGUE_KINDS = {
    "country": "a whole country",
    "continent": "a whole continent",
    "admin": "a whole division (state, province, region)",
    "region": "a whole region",
    "river": "a whole river",
    "border": "a whole border",
}
#: Buildings and other sites within a town (lemmas): a search of one says
#: nothing of the rest of the town.
_BUILDINGS = frozenset(
    {"house", "home", "flat", "apartment", "building", "compound", "property",
     "premise", "premises", "residence", "address", "farmhouse", "barn", "shed",
     "garage", "hotel", "motel", "hostel", "mosque", "church", "temple",
     "warehouse", "factory", "villa", "hideout", "hideaway", "cottage", "cabin",
     "hut", "bungalow", "mansion", "room", "basement", "cellar", "office",
     "shop", "store", "restaurant", "cafe", "bar", "pub", "school", "hospital",
     "clinic", "prison", "jail", "camp", "caravan", "trailer", "tent", "bunker",
     "tunnel", "safehouse", "lodge", "inn", "dwelling"}
)  # fmt: skip
#: Nouns for the one sought that may be the target, named by description ("for
#: the missing hiker"): the rule of the person named last decides.
_SOUGHT_NOUNS = frozenset(
    {"fugitive", "suspect", "woman", "man", "girl", "boy", "child", "teenager",
     "teen", "hiker", "climber", "walker", "swimmer", "runner", "victim",
     "person", "pilot", "sailor", "student", "tourist", "leader", "gunman",
     "kidnapper", "escapee", "mother", "father", "pensioner", "skier"}
)  # fmt: skip
#: Times that a "for" phrase gives: "searched for three days".
_TIME_NOUNS = frozenset(
    {"hour", "day", "week", "month", "year", "night", "minute", "time", "while"}
)


@dataclass(frozen=True, slots=True)
class _Failure:
    """What says that a search found nothing, and whom it did not find.

    ``kind`` is ``"nothing"`` for a verb of finding whose object is nothing or
    no trace ("found no trace of Jane Doe"), ``"denied"`` for a finding denied
    ("did not find her"), ``"words"`` for words alone ("without success", "but
    he was not there"). ``sought`` holds the words for the one not found,
    ``verb`` the verb of finding (None for words alone).
    """

    kind: Literal["nothing", "denied", "words"]
    cue: str
    at: int
    sought: tuple[Any, ...] = ()
    verb: Any = None


def read_searches(ex: _Extractor, s: Sentence) -> bool:
    """Add the searches for the target in ``s`` that found nothing.

    Run after the sightings, traces and findings of the sentence: a place that
    one of them read is theirs. True if a search at a place of its own phrase
    is seen (read or set aside). The places read are taken (``ex.taken``), so
    that no claim is read there too; those set aside are left to the claims.
    """
    if s.sent is None or ex.target is None or not s.places:
        return False
    if SEARCH_TEXT.search(s.text) is None and not any(
        t.lemma_.lower() in _FIND_LEMMAS for t in s.sent
    ):
        return False
    failures = list(_failures(ex, s))
    people_: _People | None = None
    for anchor, places in _searches(ex, s, failures):
        people_ = people_ or _People(ex)
        _read_search(ex, s, anchor, places, failures, people_)
    return people_ is not None


def _searches(
    ex: _Extractor, s: Sentence, failures: list[_Failure]
) -> Iterator[tuple[Any, list[MentionLike]]]:
    """(anchor word, places of its phrase) of each search in ``s``.

    The anchor is a verb or noun of searching, or a verb that found nothing
    ("Searchers found no sign of Jane Doe in Glencoe"); a finding denied ("did
    not find her at York") is a search only in a sentence that has a word of
    searching. The places of the searchers ("*Leeds* police searched") are not
    searched.
    """
    words = [t for t in s.sent if _is_search_word(t)]
    anchors = list(words)
    for f in failures:
        if (
            f.verb is not None
            and all(f.verb.i != a.i for a in anchors)
            and (words or f.kind == "nothing")
        ):
            anchors.append(f.verb)
    done: set[int] = set()
    for anchor in sorted(anchors, key=lambda t: t.i):
        doers = [
            (c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text))
            for c in anchor.children
            if c.dep_ in ("nsubj", "agent")
        ]
        places = [
            m
            for m in s.places
            if m.start not in done
            and getattr(m, "role", "place") == "place"
            and not any(a <= m.start < b for a, b in doers)
            and in_phrase(ex.doc, anchor, m)
        ]
        if not places:
            continue
        done.update(m.start for m in places)
        yield anchor, places


def _is_search_word(tok: Any) -> bool:
    """Whether ``tok`` is a verb or noun of searching a place."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB":
        return lemma in SEARCH_LEMMAS
    if tok.pos_ == "NOUN":
        # "search teams", "raid victims": the word names something else
        return lemma in _SEARCH_NOUNS and tok.dep_ != "compound"
    return False


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
        if lemma not in _FIND_LEMMAS and not up:
            continue
        objs = [c for c in kids if c.dep_ in ("dobj", "obj")]
        nothing = next((o for o in objs if _is_nothing(o)), None)
        if nothing is not None:
            # "found no trace of Jane Doe": Jane Doe was not found
            sought = tuple(
                g
                for p in nothing.children
                if p.dep_ == "prep" and p.lower_ == "of"
                for g in p.children
                if g.dep_ == "pobj"
            )
            end = nothing.right_edge.idx + len(nothing.right_edge.text)
            yield _Failure("nothing", ex.text[tok.idx : end], tok.idx, sought, tok)
            continue
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
    """Whether the object of a verb of finding is nothing ("no trace", "nothing")."""
    if obj.lower_ in _NOTHING_WORDS:
        return True
    return obj.lemma_.lower() in _NOTHING_NOUNS and any(
        d.dep_ == "det" and d.lower_ == "no" for d in obj.children
    )


def _denied_finding(verb: Any) -> str | None:
    """The words that deny the finding of ``verb``, if any.

    "did not find", "never found", "could not locate", "failed to find", "were
    unable to find".
    """
    kids = list(verb.children)
    neg = next((c for c in kids if c.dep_ == "neg"), None)
    if neg is not None:
        first = min([neg, *(c for c in kids if c.dep_ == "aux")], key=lambda t: t.i)
        return str(verb.doc.text[first.idx : verb.idx + len(verb.text)])
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_.lower() in ("fail", "unable"):
        return str(verb.doc.text[head.idx : verb.idx + len(verb.text)])
    return None


def _read_search(
    ex: _Extractor,
    s: Sentence,
    anchor: Any,
    places: list[MentionLike],
    failures: list[_Failure],
    people_: _People,
) -> None:
    """Read the search of ``anchor`` at ``places``, or set it aside with why."""
    places = [m for m in places if m.start not in ex.taken]
    if not places:
        return  # another rule read them ("killed in a raid on Hajin")
    named = ", ".join(repr(label(m)) for m in places)
    failure = _failure_of(anchor, failures)
    whose, words = _whose(people_, anchor, failure)
    if whose == "other":
        _set_aside(
            ex,
            s,
            "not_target",
            f"a search of {named} for someone or something else ({words!r}), not "
            "the target",
        )
        return
    if whose == "unknown":
        _set_aside(
            ex,
            s,
            "not_target",
            f"a search of {named} that names no one sought, and the person named "
            "last before it is not the target (or is too far back): not tied to "
            "the target",
        )
        return
    verb = anchor if anchor.pos_ in ("VERB", "AUX") else _verb_of(anchor)
    aside = _not_reported(anchor, verb)
    if aside is not None:
        reason, why = aside
        _set_aside(
            ex, s, reason, f"a search of {named} {why}: not one that found nothing"
        )
        return
    if failure is None:
        if _found_the_target(people_, s):
            return  # "searched the river and found her body": found.py's
        under_way = _UNDER_WAY.search(s.text)
        why = (
            f"that is still under way ({under_way.group(0)!r})"
            if under_way is not None
            else "whose outcome the sentence does not give"
        )
        _set_aside(
            ex,
            s,
            "conditional",
            f"a search of {named} {why}: not one that found nothing",
        )
        return
    _add_searched(ex, s, anchor, verb, places, failure)


def _set_aside(
    ex: _Extractor,
    s: Sentence,
    reason: Literal["negated", "conditional", "not_target"],
    detail: str,
) -> None:
    """Set the sentence ``s`` aside, unless a rule already did for ``reason``.

    "Police will search Aspen until she is found" is set aside once, as a
    finding to come (:mod:`geosleuth.read.found`), not a second time as a
    search to come.
    """
    if not any(r.span == s.span and r.reason == reason for r in ex.rejected):
        ex.reject(reason, detail, s.span)


def _verb_of(noun: Any) -> Any:
    """The verb that a search noun hangs from ("A search ... *turned up* nothing")."""
    tok = noun
    for _ in range(8):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def _not_reported(
    anchor: Any, verb: Any
) -> tuple[Literal["negated", "conditional"], str] | None:
    """Why the search of ``anchor`` is not reported as done, if it is not.

    Denied ("did not search", "no search was made"), under a condition ("if
    police searched"), to come ("will search", "plan to search", "a search is
    planned") or under way ("are searching", "have been searching").
    """
    searching = _is_search_word(anchor)
    kids = list(anchor.children)
    if searching and anchor.pos_ == "VERB":
        neg = next((c for c in kids if c.dep_ == "neg"), None)
        if neg is not None:
            first = min([neg, *(c for c in kids if c.dep_ == "aux")], key=lambda t: t.i)
            return "negated", f"that is denied ({_words(first, anchor)!r})"
    if searching and anchor.pos_ == "NOUN":
        no = next((c for c in kids if c.dep_ == "det" and c.lower_ == "no"), None)
        if no is not None:
            return "negated", f"that is denied ({_words(no, anchor)!r})"
    for tok in (anchor, *anchor.ancestors):
        mark = next(
            (
                c
                for c in tok.children
                if c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS
            ),
            None,
        )
        if mark is not None:
            return "conditional", f"under a condition ({mark.text!r})"
    if verb is None:
        return None
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    modal = next((c for c in aux if c.lower_ in _MODALS), None)
    if modal is not None and not any(c.lemma_.lower() == "have" for c in aux):
        return "conditional", f"to come ({_words(modal, verb)!r})"
    to = next((c for c in aux if c.lower_ == "to"), None)
    if to is not None and verb.head.lemma_.lower() in _PLAN_LEMMAS | {"effort", "bid"}:
        return "conditional", f"to come ({_words(verb.head, verb)!r})"
    if verb is not anchor and verb.lemma_.lower() in _PLAN_LEMMAS:
        return "conditional", f"to come ({verb.text!r})"  # "plan a search of"
    if (
        verb is anchor
        and verb.tag_ == "VBG"
        and any(
            c.lower_ in ("is", "are", "am", "'s", "'re", "’s", "’re", "been")
            for c in aux
        )
    ):
        return "conditional", f"that is still under way ({_words(aux[0], verb)!r})"
    return None


def _words(first: Any, last: Any) -> str:
    """The text from the token ``first`` to the token ``last``."""
    a, b = sorted((first, last), key=lambda t: t.i)
    return str(a.doc.text[a.idx : b.idx + len(b.text)])


def _failure_of(anchor: Any, failures: list[_Failure]) -> _Failure | None:
    """The words that say the search of ``anchor`` found nothing, if any.

    Its own ("found no sign of"), else the first after it, else the last before.
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


def _found_the_target(people_: _People, s: Sentence) -> bool:
    """Whether ``s`` says that the target, or her body or things, was found.

    "searched the river and found her body", "and found her car": a finding that
    :mod:`geosleuth.read.found` or :mod:`geosleuth.read.traces` reads.
    """
    for tok in s.sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in _FIND_LEMMAS | {"recover"}:
            continue
        if _denied_finding(tok) is not None:
            continue
        for obj in tok.children:
            if obj.dep_ not in ("dobj", "obj", "nsubjpass") or _is_nothing(obj):
                continue
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
                return True
    return False


def _whose(
    people_: _People, anchor: Any, failure: _Failure | None
) -> tuple[Literal["target", "other", "unknown"], str]:
    """Whether the search of ``anchor`` is for the target, and the words if not.

    ``"target"`` where the one sought or not found is the target, where the
    search names no one and the person named last before it is the target, or
    where its phrase says the target was thought to be there ("a house in
    Leeds where Jane Doe was thought to be hiding");
    ``"other"`` (with the words for whom) where it names someone or something
    else; ``"unknown"`` where it names no one and the person named last is not
    the target.
    """
    sought = [*_for_phrases(anchor), *(failure.sought if failure else ())]
    kinds = [(_sought_kind(people_, g), g) for g in sought]
    if any(k == "target" for k, _ in kinds):
        return "target", ""
    other = next((g for k, g in kinds if k == "other"), None)
    if other is not None:
        return "other", _phrase(other)
    if all(people_.refers(anchor.idx, g) for g in ("he", "she")):
        return "target", ""
    if any(_where_target(people_, tok) for tok in anchor.subtree):
        return "target", ""
    return "unknown", ""


def _where_target(people_: _People, tok: Any) -> bool:
    """Whether ``tok`` is the target as the subject of a "where" clause.

    "raided a house in Barranquilla *where Jane Doe was thought to be hiding*":
    the search was for her, whatever word the parse hangs the clause on.
    """
    head = tok.head
    return bool(
        tok.dep_ in ("nsubj", "nsubjpass")
        and head.dep_ == "relcl"
        and any(c.lower_ == "where" for c in head.children)
        and people_.is_target(tok)
    )


def _phrase(tok: Any) -> str:
    """The words of ``tok``'s phrase: "her brother", "weapons"."""
    a, b = tok.left_edge, tok.right_edge
    return str(tok.doc.text[a.idx : b.idx + len(b.text)])


def _for_phrases(anchor: Any) -> list[Any]:
    """The ones sought by the search of ``anchor``: "for Jane Doe", "for her".

    A "for" in the search's phrase (no other verb between), with no time ("for
    three days"). The parse may hang it on the place ("combed the slopes above
    Chamonix *for Jane Doe*").
    """
    out = []
    for prep in anchor.subtree:
        if prep.dep_ != "prep" or prep.lower_ != "for":
            continue
        tok, clear = prep.head, True
        while tok.i != anchor.i:
            if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
                clear = False
                break
            tok = tok.head
        if not clear:
            continue
        out += [
            g
            for g in prep.children
            if g.dep_ == "pobj"
            and g.lemma_.lower() not in _TIME_NOUNS
            and g.ent_type_ not in ("DATE", "TIME")
        ]
    return out


class _People:
    """The target's references and the other people of a document.

    For the rule of the person named last
    (:mod:`geosleuth.read._target_pronouns`).
    """

    def __init__(self, ex: _Extractor) -> None:
        self.text = ex.text
        refs = [r for r in (*ex.refs, *ex.object_refs) if r.kind != "leaders"]
        self.spans = [(r.start, r.end) for r in refs]
        names = [r for r in ex.refs if r.kind in ("name", "nisba", "title")]
        places = [(m.start, m.end) for m in ex.mentions if resolved(m)]
        persons: list[tuple[int, int]] = []
        gender = None
        if ex.target is not None:
            persons, gender, _ = _people_and_gender(
                ex.text, ex.target, names, ex.doc, places
            )
        # a speaker ("Sheriff John Smith said a search ...") is no one sought
        speakers = _speakers_of(ex.doc)
        persons = [p for p in persons if not any(overlaps(p, x) for x in speakers)]
        own, self.others = _own_and_others(ex.text, names, persons, ex.target)
        # "She was last seen in Vail. A search ...": the target's pronouns are
        # the target named too
        self.own = own + [(r.start, r.end) for r in refs if r.kind == "pronoun"]
        #: The target's gender, as the text tells it ("Mrs Doe"; "she" after
        #: her name), if it does.
        self.genders = (
            {gender}
            if gender is not None
            else {_GENDER_OF[r.text.lower()] for r in refs if r.kind == "pronoun"}
        )

    def is_target(self, tok: Any) -> bool:
        """Whether the word ``tok`` refers to the target."""
        if any(a <= tok.idx < b for a, b in self.spans):
            return True
        gender = _GENDER_OF.get(tok.lower_)
        if gender is None or (self.genders and gender not in self.genders):
            return False
        return self.refers(int(tok.idx), gender)

    def refers(self, at: int, gender: str) -> bool:
        """Whether "he" or "she" (``gender``) at ``at`` would be the target."""
        return _refers_to_target(self.text, at, gender, self.own, self.others)


def _sought_kind(
    people_: _People, tok: Any
) -> Literal["target", "other", "open", "none"]:
    """Who ``tok``, the one sought or not found, is.

    ``"target"``; ``"other"`` (someone named, a relative or someone's, a thing);
    ``"open"`` (a description that may be the target: "the missing hiker");
    ``"none"`` (anything, anyone).
    """
    words = [tok, *(c for c in tok.children if c.dep_ in ("appos", "compound", "flat"))]
    if any(people_.is_target(w) for w in words):
        return "target"
    lower = tok.lower_
    if lower in ("anything", "anyone", "anybody", "something", "someone", "nothing"):
        return "none"
    if tok.pos_ in ("PRON", "PROPN") or tok.ent_type_ == "PERSON":
        return "other"
    if any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of")
        for c in tok.children
    ):
        return "other"  # "her brother", "the son of Jane Doe"
    if tok.lemma_.lower() in _SOUGHT_NOUNS or any(
        c.lower_ == "missing" for c in tok.children
    ):
        return "open"
    return "other"  # "weapons", "drugs"


def _building_of(ex: _Extractor, m: MentionLike, anchor: Any) -> Any:
    """The building that the place ``m`` only locates, in the search's phrase.

    "A raid on *a house* in Leeds", "searched *homes* in Leeds": up from the
    place to the search word, a noun of :data:`_BUILDINGS`. None if none.
    """
    span = ex.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    for _ in range(16):
        if tok.i == anchor.i or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in _BUILDINGS:
            return tok
    return None


def _hedge(
    ex: _Extractor, s: Sentence, anchor: Any, verb: Any, failure: _Failure
) -> tuple[Hedge, str | None]:
    """The hedge of the search's own words, and its cue.

    From the sentence's start to the search word (a noun's, to its verb: "A
    search ... reportedly turned up"), less the other clauses and the words of
    what was not found ("no evidence of her" is no hedge of the search).
    """
    last = verb if verb is not None and verb.i > anchor.i else anchor
    end = last.idx + len(last.text)
    _, others = own_clause(verb if verb is not None else anchor, s.span)
    cut = [*others, (failure.at, failure.at + len(failure.cue))]
    chars = list(hedge_text(s)[: end - s.span[0]])
    for a, b in cut:
        for k in range(max(a, s.span[0]), min(b, end)):
            chars[k - s.span[0]] = " "
    return hedge_of("".join(chars))


def _add_searched(
    ex: _Extractor,
    s: Sentence,
    anchor: Any,
    verb: Any,
    places: list[MentionLike],
    failure: _Failure,
) -> None:
    """Add a searched area at each of ``places``, or set it aside with why."""
    hedge, cue = _hedge(ex, s, anchor, verb, failure)
    hedge, dispute = disputed(s, hedge, ex.text)
    for m in places:
        if qualifies_town(ex.text, m, places):
            ex.reject(
                "not_target",
                f"{m.text!r} only qualifies a more precise place in the same sentence",
                (m.start, m.end),
            )
            continue
        town = _located_by(ex.text, m, places)
        if town is not None:
            ex.reject(
                "not_target",
                f"{m.text!r} only says where {town.text!r} is, in the same phrase",
                (m.start, m.end),
            )
            continue
        if not resolved(m):
            ex.reject(
                "unresolved",
                f"{m.text!r} could not be resolved to a place",
                (m.start, m.end),
            )
            continue
        vague = _VAGUE_KINDS.get(kind_of(m))
        if vague is not None:
            ex.reject(
                "no_place",
                f"a search of {label(m)!r}, {vague}, that found nothing: too vague, "
                "the text does not say which part of it was searched",
                (m.start, m.end),
            )
            continue
        building = _building_of(ex, m, anchor)
        if building is not None:
            ex.reject(
                "no_place",
                f"a search of a building in {label(m)!r} "
                f"({ex.text[building.left_edge.idx : m.end]!r}) "
                f"that found nothing: where the building stands within {label(m)!r} "
                "is unknown, so it is no search of the whole place; and what the "
                "sentence says of the target there (the belief that led to the "
                "search) is not read, the search having found nothing",
                (m.start, m.end),
            )
            # "a raid on a house in Leeds where she was thought to be hiding
            # found nothing": the belief is what the raid refuted, no claim
            ex.taken[m.start] = "searched"
            continue
        geom, name, buffer_km, _, how = claim_regions(ex, [m], s, "")[0]
        date, date_from, dnote = ex.dates(s, m.start, verb)
        note = note_of(
            f"read as a search that found nothing ({failure.cue!r})",
            f"the area is {name} buffered by {buffer_km:g} km, as a claim there "
            f"would be" + (f" ({how})" if how else ""),
            f"pd {SEARCH_PD:g} (default for a search read from text: it gives no "
            "coverage or sweep width)",
            hedge_note(cue),
            dispute,
            dnote,
        )
        ex.build(
            Searched, s, s.span, id=ex.next_id("n"),
            provenance=ex.provenance(s, m.start), date=date, date_from=date_from,
            grade=ex.grade(s.attr.at(m.start)), hedge=hedge, note=note,
            area=geom, pd=SEARCH_PD, buffer_km=buffer_km, place_name=name,
        )  # fmt: skip
        ex.taken[m.start] = "searched"
