"""Searches that found nothing: "Police searched Aspen but found no trace of her".

A search for the target at a place that found nothing says that the target was
probably not there then. Such a search is read as a
:class:`~geosleuth.evidence.Searched` item (kind ``"searched"``): its area is
the place's point buffered by the radius that a claim at the same mention
would have (:func:`~geosleuth.read.regions.claim_regions`: the town buffer,
doubled after "near" or "around"; the written precision of coordinates; the
point and spread of "30 km north of Denver"), its probability of detection is
:data:`SEARCH_PD`, and ``place_name`` names the place. It is dated, graded and
hedged as any item read from a sentence: the date nearest the place in the
search's own clause (see **Dates** below), the grade of who says it, the hedge
of the search's own words ("reportedly searched", "may have searched"; not the
"no evidence" of what was not found), one level less sure when another party
disputes it. Its note says that it was read as a
search that found nothing, and from which words. Ids are ``<doc>:n<k>``.

A *search* is a verb of searching (:data:`SEARCH_LEMMAS`: "searched",
"combed", "scoured", "raided", "swept the hills", not "swept her away";
"dragged the river", only a water or a place), a noun of one ("a search of",
"a grid search of", "a raid on", "a manhunt in") or a flight over a place that
saw nothing ("Helicopters flew over the fells around Ambleside but spotted
nothing"), at the places of its own phrase
(:func:`~geosleuth.read._sentence.in_phrase`, and the object of the noun's "of"
or "on"; not those of the searchers: "*Leeds* police searched"): "searched the
woods near Aspen", "combed the slopes above Chamonix", "a search of the forest
near Vail", "searched Mosul". A bare town right after the verb or noun ("Police
searched Penrith", "a search of Harrogate") is a place to the toponym detector
whatever label the tagger gives it (``_SEARCHED_BEFORE`` in
:mod:`geosleuth.read._toponym_patterns`), but not before a possessive
("searched Johnson's car"). A finding of nothing at a place is one too
("Searchers found no sign of Jane Doe in Glencoe", "No trace of her has been
found in the woods near Penrith"). It *found nothing* where the sentence says
so: a verb of finding whose object is nothing or no trace ("but found no trace
of Jane Doe", "turned up nothing", "yielded no clue"; "spotted nothing", "saw
no sign of her"), or whose passive subject is ("no trace of her has been
found": also the outcome of "Despite a search of X, ..."), a finding denied
("but did not find her", "could not find her", "failed to find her"), or the
words "without success", "to no avail", "in vain", "came up empty", "proved
fruitless", "unsuccessful", "but he was not there"; "found neither the sailor
nor the liferaft" did not find the sailor. "Nothing of interest" names no one
sought. The outcome may also come in a short next sentence whose subject is the
searchers ("..., while the Westpac Rescue Helicopter flew over the Forth River
gorge. They found no sign of Mr Becker."): the search is then one that found
nothing, its item resting on both sentences
(:mod:`geosleuth.read._search_outcomes`).

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
  looking for Tom Fox." or "Jane Doe's brother went missing." it is not;
- or, in a report about one missing person, whoever spoke or saw in between
  and however far back the target was named: the target was named before the
  search, someone before it went missing or was sought ("a Vancouver skier who
  went missing", "Jane Doe was last seen", "reported him missing"), and no one
  else was (no other person named, nor someone's relative, as missing or
  sought: "Police are also looking for Tom Fox", "Jane Doe's brother went
  missing"); "him" or "her" of the target's gender, or no one named, is then
  the target (``geosleuth.read._search_people``). A name the tagger gives a
  place or a thing ("the Blackcomb Glacier", "the Cog Railway base station")
  is no person named in between;
- a search for a group ("for the pair", "no trace of them", "the two", "the
  couple", "the hikers") is the target's where the target was named with
  another person ("Jane Doe and her friend Tom Fox went missing", "Tom Fox and
  Jane Doe") last before it, within the same reach, with no one else named
  since.

A search for someone or something else ("for her brother", "for Tom Fox",
"for weapons", "found no trace of her brother") is set aside as
``not_target``, and so is one for a group not tied to her (its reason says
so) and one that the text does not tie to the target.

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
the opposite of what the sentence reports). A search of "the village", "the
town" or "the area", with no place of its own, is at the place that the
sentence named before it ("received a tip that Vuković was staying in a
village 15 km north of Pljevlja, but a search of the village on Tuesday found
no trace of him": the point 15 km north of Pljevlja,
:mod:`geosleuth.read._search_anaphors`), and the tip that put the target there
gives no claim, for the same reason; so is one of "the surrounding forest".
Where its sentence names no place before it, it is at the last place of the
sentence before, where an item of the target rests ("... staying in a village
near Pljevlja. A search of the village on Tuesday found no trace of him."),
and the claim read there is withdrawn. Another place set aside is left
to the other rules, so what they read there stays read. A search that
found the target, her body or her things ("searched the river and found her
body", "found her car") gives nothing here, whatever words of failure the
sentence also has ("searched the lake near Keswick for three days without
success before finding her body there", "found her alive near Haworth"): the
finding is :mod:`geosleuth.read.found`'s or :mod:`geosleuth.read.traces`'. Only
a search of another place than the finding's stays ("searched Penrith but
found nothing, and then searched Keswick, where she was found": Penrith); a
finding at no place of its own ("there") is at every place searched. A search
for the target that found nothing at no place of its own ("Searchers combed
Great Gable's southern slopes on Sunday morning without success", a name the
toponyms did not find) or at none that resolves ("the plateau and the Loch
Avon basin") is set aside as ``no_place``, with what it found nothing of, so
that its sentence is not left unsaid. A
place that only qualifies another ("searched Leadville, Colo.") or says where
it is ("Tal Afar, west of Mosul") is no second search. A place that another
rule of the sentence read first (a sighting, a trace, the target found there)
is that rule's, and a sentence already set aside for the same reason ("Police
will search Aspen until she is found": a finding to come) is not set aside
twice.

**Dates.** A date of another clause of the sentence is not the search's
("before a taxi driver saw her in Carlisle *on Monday*", "although a witness
said she was there *on Sunday*"; those of the words of its failure are: "but
found nothing on Tuesday"). With no date of its own, a search that the sentence
puts before a dated event (a clause of "before" or "until" joined to it, or a
search in the past perfect beside a dated clause: "Police had searched Penrith
without success before a taxi driver saw her in Carlisle on Monday") is dated
the day before the earliest such date: no later than the event, and not on its
day (the text seldom says how long before: "A week before ... on 20 May" is
dated 19 May); one after a dated event ("After she was seen in Carlisle on
Monday, police searched ...") is dated from that date to publication; any
other is undated (the publication date), as any item.

A sentence is read only where it is parsed: one that names the target is,
and one that does not is parsed for this rule only where it tells of a search
and of nothing found at a place named (:func:`may_be_search`). "Police are
searching the woods near Aspen." after a sentence that names her is therefore
neither read nor set aside.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Literal

from geosleuth.evidence import Hedge, Searched
from geosleuth.read._doc_text import doc_text
from geosleuth.read._search_anaphors import Again, object_at, searched_again, withdraw
from geosleuth.read._search_outcomes import (
    _FIND_LEMMAS,
    _SEEN_NOTHING_LEMMAS,
    _Failure,
    _failure_of,
    _failures,
    _found_the_target,
    is_outcome,
    next_outcome,
)
from geosleuth.read._search_people import _People, _whose
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
    subtree_span,
)
from geosleuth.read.hedges import hedge_of
from geosleuth.read.regions import claim_regions, qualifies_town
from geosleuth.read.sightings import _located_by

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
#: "raided", "swept the hills" (not "swept away"), "dragged the river" (only a
#: water: :data:`_WATERS`).
SEARCH_LEMMAS = frozenset({"search", "comb", "scour", "raid", "trawl", "sweep", "drag"})
#: Nouns (lemmas) of a search: "a search of", "a raid on", "a manhunt in".
_SEARCH_NOUNS = frozenset({"search", "raid", "manhunt"})
#: Words of a search ("searched", "searchers", "a raid", "found no trace of").
SEARCH_TEXT = re.compile(
    r"\b(?:search(?:e[ds]|ing|ers?)?|comb(?:ed|ing)|scour(?:s|ed|ing)?|"
    r"raid(?:s|ed|ing)?|trawl(?:s|ed|ing)?|manhunts?|swept|sweep(?:s|ing)?|"
    r"drag(?:s|ged|ging)?|fl(?:ew|y|ies|ying|own)\s+over)\b"
    r"|\b(?:found|finds?|finding)\s+no\s+(?:trace|sign)s?\s+of\b"
    r"|\bno\s+(?:trace|sign)s?\s+of\b",
    re.IGNORECASE,
)
#: Words of nothing found ("found nothing", "no trace", "did not find",
#: "without success", "without finding", "found neither", "he was not there").
NOTHING_TEXT = re.compile(
    r"\b(?:nothing|nobody|no\s+(?:one|trace|sign|clue|evidence|indication|hint|track)s?"
    r"|(?:not|n't|n’t|never|failed\s+to|unable\s+to)\s+(?:find|found|locate|located)"
    r"|without\s+(?:success|result|luck|finding|locating)|to\s+no\s+avail|in\s+vain"
    r"|fruitless|unsuccessful|came\s+up\s+(?:empty|short)|not\s+there"
    r"|nowhere\s+to\s+be|(?:found|located|spotted|saw)\s+neither)\b",
    re.IGNORECASE,
)


#: A name after a sentence's first word: a place that the toponyms may have
#: missed ("Great Gable's southern slopes", "the Couturier Couloir").
_NAME = re.compile(r"\s[A-Z][\w’'-]+")


def may_be_search(text: str, after: str = "", *, placed: bool = True) -> bool:
    """Whether ``text`` may tell of a search that found nothing, or its outcome.

    A word of searching (:data:`SEARCH_TEXT`) and one of nothing found
    (:data:`NOTHING_TEXT`), in ``text`` or in the short sentence that opens
    ``after`` (the text that follows it: "They found no sign of Mr Becker.",
    :mod:`geosleuth.read._search_outcomes`), at a place: ``placed`` (a place
    is named in ``text``), or a name after its first word that may be one the
    toponyms missed ("Searchers combed Great Gable's southern slopes without
    success"); or ``text`` is that short sentence. For choosing the sentences
    to parse (:func:`geosleuth.read.document.read_text`). A sentence that names
    the target is parsed anyway; one that does not ("A search of the forest
    near Vail turned up nothing.") is parsed only for this, and a search under
    way or to come in it, which gives no item, is not worth its parse.

    Examples
    --------
    >>> may_be_search("A search of the forest near Vail turned up nothing.")
    True
    >>> may_be_search("Volunteers continue to search near Vail.")
    False
    >>> may_be_search("Divers searched the lake at Vail.", " They found nothing.")
    True
    >>> may_be_search("A search of the archives turned up nothing.", placed=False)
    False
    """
    if is_outcome(text):
        return True
    return (
        (placed or _NAME.search(text) is not None)
        and SEARCH_TEXT.search(text) is not None
        and (NOTHING_TEXT.search(text) is not None or is_outcome(after))
    )


#: Waters that are dragged in a search ("dragged the river"): "drag" is a verb
#: of searching only with one of these, or a place's name, as its object.
_WATERS = frozenset(
    {"river", "lake", "canal", "pond", "reservoir", "loch", "lough", "harbour",
     "harbor", "dock", "quarry", "water", "waters", "stream", "creek", "bay",
     "estuary", "marina", "mere", "tarn", "pool", "channel", "lagoon"}
)  # fmt: skip
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


def read_searches(ex: _Extractor, s: Sentence) -> bool:
    """Add the searches for the target in ``s`` that found nothing.

    Run after the sightings, traces and findings of the sentence: a place that
    one of them read is theirs. True if a search is seen (read or set aside).
    The places read are taken (``ex.taken``), so that no claim is read there
    too; those set aside are left to the claims. The outcome of a search may be
    told in the next sentence ("They found no sign of Mr Becker.":
    :func:`~geosleuth.read._search_outcomes.next_outcome`); a search of the
    target that found nothing at no place of its own is set aside as
    ``no_place``.
    """
    if s.sent is None or ex.target is None:
        return False
    if SEARCH_TEXT.search(s.text) is None and not any(
        t.lemma_.lower() in _FIND_LEMMAS for t in s.sent
    ):
        return False
    failures = list(_failures(ex, s))
    told = next_outcome(ex, s) if not failures else None
    if told is not None:
        failures.append(told)
    people_: _People | None = None
    for anchor, places, again in _searches(ex, s, failures):
        people_ = people_ or _People(ex)
        _read_search(ex, s, anchor, places, failures, people_, again)
    return people_ is not None


def _searches(
    ex: _Extractor, s: Sentence, failures: list[_Failure]
) -> Iterator[tuple[Any, list[MentionLike], Again | None]]:
    """(anchor word, places of its phrase, place named again) of each search in ``s``.

    The anchor is a verb or noun of searching, or a verb that found nothing
    ("Searchers found no sign of Jane Doe in Glencoe"); a finding denied ("did
    not find her at York") is a search only in a sentence that has a word of
    searching. The places of the searchers ("*Leeds* police searched") are not
    searched. A search of "the village" with no place of its own is at the
    place that the sentence (or the one before) named before it
    (:func:`~geosleuth.read._search_anaphors.searched_again`: the third of the
    tuple, else None). A sentence with a search that found nothing, but no place of any
    search's phrase, gives its first anchor with no places.
    """
    words = [t for t in s.sent if _is_search_word(t)]
    words += _overflights(s, failures)
    anchors = list(words)
    for f in failures:
        if (
            f.verb is not None
            and all(f.verb.i != a.i for a in anchors)
            and (words or f.kind == "nothing")
            and f.verb.lemma_.lower() not in _SEEN_NOTHING_LEMMAS
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
            and (
                in_phrase(ex.doc, anchor, m)
                or _searched_noun_of(ex, anchor, m)
                or _flown_over(ex, anchor, m)
            )
        ]
        again = None
        if not places and failures:
            # "a tip that she was in a village near Aspen, but a search of the
            # village found no trace of her"
            again = searched_again(ex, s, anchor)
            if again is not None and again.place.start not in done:
                places = [again.place]
        if not places:
            continue
        done.update(m.start for m in places)
        yield anchor, places, again
    if not done and anchors and failures:
        # "Searchers combed Great Gable's southern slopes without success": a
        # search that found nothing, at no place of its own
        yield min(anchors, key=lambda t: t.i), [], None


def _searched_noun_of(ex: _Extractor, anchor: Any, m: MentionLike) -> bool:
    """Whether the place ``m`` is what the search noun ``anchor`` is of.

    "A search *of Harrogate*", "a raid *on Hajin*": the place is the object of
    the noun's own preposition (which :func:`in_phrase` takes for a home, as in
    "Barnett, *of Palestine*").
    """
    if anchor.pos_ != "NOUN":
        return False
    span = ex.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    prep = span.root.head
    return bool(
        span.root.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.lower_ in ("of", "on")
        and prep.head.i == anchor.i
    )


def _flown_over(ex: _Extractor, anchor: Any, m: MentionLike) -> bool:
    """Whether the place ``m`` is what the flight ``anchor`` flew over.

    "flew over *the Forth River gorge*": the place is in the phrase of the
    verb's own "over" (which :func:`in_phrase` takes for a reason, as in
    "arrested over a murder in Leeds"), with no other verb between.
    """
    if anchor.lemma_.lower() != "fly":
        return False
    span = ex.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok = span.root
    for _ in range(12):
        head = tok.head
        if head.i == tok.i or tok.pos_ in ("VERB", "AUX"):
            return False
        if head.i == anchor.i:
            return bool(tok.dep_ == "prep" and tok.lower_ == "over")
        tok = head
    return False


def _overflights(s: Sentence, failures: list[_Failure]) -> list[Any]:
    """The verbs of flying over a place, in ``s``, that saw nothing there.

    "Helicopters *flew* over the fells around Ambleside but spotted nothing":
    the flight is a search where the sentence says that it saw or found
    nothing, by a verb joined to it, by words ("without success") or in the
    next sentence ("They found no sign of Mr Becker."); a flight alone ("She
    flew over Leeds") is none.
    """
    if s.sent is None or not failures:
        return []
    out = []
    for tok in s.sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() != "fly":
            continue
        if not any(
            c.dep_ in ("prep", "prt") and c.lower_ == "over" for c in tok.children
        ):
            continue
        joined = {tok.i, *(c.i for c in tok.children if c.dep_ == "conj")}
        if any(
            (f.verb is not None and f.verb.i in joined)
            or (f.kind == "words" and not f.sought)
            or f.told is not None
            for f in failures
        ):
            out.append(tok)
    return out


def _is_search_word(tok: Any) -> bool:
    """Whether ``tok`` is a verb or noun of searching a place."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB":
        if lemma not in SEARCH_LEMMAS:
            return False
        kids = list(tok.children)
        objs = [c for c in kids if c.dep_ in ("dobj", "obj")]
        if lemma == "sweep":
            # "swept the hills above Penrith"; not "the river swept her away"
            return not any(c.dep_ == "prt" for c in kids) and not any(
                o.pos_ == "PRON" or o.ent_type_ == "PERSON" for o in objs
            )
        if lemma == "drag":
            # "dragged the river", "dragged Derwentwater"; not "dragged her"
            return any(
                o.lemma_.lower() in _WATERS
                or (o.pos_ == "PROPN" and o.ent_type_ != "PERSON")
                for o in objs
            )
        return True
    if tok.pos_ == "NOUN":
        # "search teams", "raid victims": the word names something else
        return lemma in _SEARCH_NOUNS and tok.dep_ != "compound"
    return False


def _read_search(
    ex: _Extractor,
    s: Sentence,
    anchor: Any,
    places: list[MentionLike],
    failures: list[_Failure],
    people_: _People,
    again: Again | None = None,
) -> None:
    """Read the search of ``anchor`` at ``places``, or set it aside with why.

    ``again`` is the place that the search's "the village" names again, named
    before (:func:`~geosleuth.read._search_anaphors.searched_again`): a
    sighting or a trace read there leaves it to the search too.
    """
    if not places:
        _no_place(ex, s, anchor, failures, people_)
        return
    places = [
        m
        for m in places
        if m.start not in ex.taken or (again is not None and m is again.place)
    ]
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
    if whose == "group":
        _set_aside(
            ex,
            s,
            "not_target",
            f"a search of {named} for a group ({words!r}) that the target is not "
            "named in (no group with the target named last before it): not tied "
            "to the target",
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
    findings = _found_the_target(people_, s)
    if findings:
        # "searched the river and found her body", "searched the lake without
        # success before finding her body there": found.py's, whatever the
        # words of failure; a search of another place than the finding's stays
        places = _found_elsewhere(ex, s, places, findings)
        if not places or failure is None:
            return
    if failure is None:
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
    _add_searched(ex, s, anchor, verb, places, failure, again)


def _no_place(
    ex: _Extractor,
    s: Sentence,
    anchor: Any,
    failures: list[_Failure],
    people_: _People,
) -> None:
    """Set aside a search of the target that found nothing, at no place of its own.

    "Searchers combed Great Gable's southern slopes on Sunday morning without
    success", "searched a 20-kilometre radius around the vehicle ... but found
    no trace of Kowalski": the search is reported, but no place of its phrase
    could be read (``no_place``), so that it is not dropped unsaid. Only one
    for the target, done, that did not find her (nor her body or things), and
    not where an item already rests on the sentence (a search before it whose
    outcome it tells: "They found no sign of Mr Becker.").
    """
    failure = _failure_of(anchor, failures)
    if failure is None or _whose(people_, anchor, failure)[0] != "target":
        return
    verb = anchor if anchor.pos_ in ("VERB", "AUX") else _verb_of(anchor)
    if _not_reported(anchor, verb) is not None or _found_the_target(people_, s):
        return
    if any(
        i.provenance.span is not None and overlaps(i.provenance.span, s.span)
        for i in ex.items
    ) or any(
        r.detail.startswith("a search") and overlaps(r.span, s.span)
        for r in ex.rejected
    ):
        return
    _set_aside(
        ex,
        s,
        "no_place",
        f"a search for the target that found nothing ({failure.cue!r}), but at "
        "no place of its own that could be read",
    )


def _set_aside(
    ex: _Extractor,
    s: Sentence,
    reason: Literal["negated", "conditional", "not_target", "no_place"],
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
    return str(doc_text(a.doc)[a.idx : b.idx + len(b.text)])


def _found_elsewhere(
    ex: _Extractor, s: Sentence, places: list[MentionLike], findings: list[Any]
) -> list[MentionLike]:
    """The searched ``places`` that none of the ``findings`` was made at.

    A finding is at the places of its own phrase, or at the place that its
    "where" clause describes ("searched Keswick, *where she was found*"); one
    at no place of its own ("before finding her body *there*") is at every
    place searched. "Police searched Penrith but found nothing, and then
    searched Keswick, where she was found" leaves Penrith a search that found
    nothing.
    """
    at: set[str] = set()
    for verb in findings:
        own = [m for m in s.places if in_phrase(ex.doc, verb, m)]
        if verb.dep_ == "relcl":
            head = verb.head
            own += [m for m in s.places if m.start <= head.idx < m.end]
        if not own:
            return []
        at.update(label(m) for m in own)
    return [m for m in places if label(m) not in at]


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
            break
        tok = tok.head
        if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in _BUILDINGS:
            return tok
    # "searched her flat in Leeds": the parse may hang "in Leeds" on the verb,
    # beside its object, a building right before the place's preposition
    prep = span.root.head
    for obj in anchor.children:
        if (
            obj.dep_ in ("dobj", "obj")
            and obj.lemma_.lower() in _BUILDINGS
            and prep.dep_ == "prep"
            and prep.head.i == anchor.i
            and prep.i == obj.right_edge.i + 1
        ):
            return obj
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


#: Words that open a clause of time that the search came before: "searched
#: Aspen without success *before* a taxi driver saw her in Vail on Monday".
_BEFORE_WORDS = frozenset({"before", "until", "till", "ere"})
#: Words that open a clause of time that the search came after: "*After* she
#: was seen in Carlisle on Monday, police searched Penrith".
_AFTER_WORDS = frozenset({"after", "since", "once"})


def _date(
    ex: _Extractor,
    s: Sentence,
    anchor: Any,
    verb: Any,
    failure: _Failure,
    at: int,
) -> tuple[dt.date, dt.date | None, str]:
    """(date, date_from, note) of the search of ``anchor`` at the place at ``at``.

    The date of the search's own clause (with that of the words of its failure:
    "but found nothing on Tuesday"); a date of another clause of the sentence
    is not the search's ("before a taxi driver saw her in Vail *on Monday*",
    "although a witness said she was there *on Sunday*"). With no date of its
    own, a search that the sentence puts before a dated event (a clause of
    "before" or "until" joined to it, or a search in the past perfect, "had
    searched", beside a dated clause) is dated the day before the earliest such
    date: no later than the event it came before, not on its day. One that
    the sentence puts after a dated event ("*After* she was seen in Carlisle on
    Monday, police searched Penrith without success") is dated from that date
    to publication. Otherwise it is undated (the publication date), as any
    item.
    """
    top = verb if verb is not None else anchor
    own_words, others = own_clause(top, s.span)
    skip = [
        c for c in others if not c[0] <= failure.at < c[1] and not c[0] <= at < c[1]
    ]
    date, date_from, note = ex.dates(s, at, verb, skip=skip)
    if note or not skip:
        return date, date_from, note
    spans: list[tuple[int, int]] = []
    after: list[tuple[int, int]] = []
    for tok in s.sent:
        if tok.dep_ not in ("mark", "prep") or tok.lower_ not in (
            _BEFORE_WORDS | _AFTER_WORDS
        ):
            continue
        clause = tok.head if tok.dep_ == "mark" else tok
        if clause.head.i in own_words and clause.head.i != clause.i:
            side = spans if tok.lower_ in _BEFORE_WORDS else after
            side.append(subtree_span(clause))
    if any(
        c.lemma_.lower() == "have" and c.tag_ == "VBD"
        for c in top.children
        if c.dep_ == "aux"
    ):
        spans += skip  # "had searched ... when she was seen on Monday"
    later = [
        d
        for d in s.dates
        if any(a <= d.start < b for a, b in spans)
        and any(a <= d.start < b for a, b in skip)
    ]
    limit = ex.published or ex.fallback
    if not later:
        earlier = [
            d
            for d in s.dates
            if any(a <= d.start < b for a, b in after)
            and any(a <= d.start < b for a, b in skip)
            and d.date_from < limit
        ]
        if not earlier:
            return date, date_from, note
        last = max(earlier, key=lambda d: d.date_from)
        return (
            limit,
            last.date_from,
            f"dated from {last.text!r} to publication: the search came after the "
            "event of another clause of that date",
        )
    first = min(later, key=lambda d: d.date_from)
    if first.date_from > limit:
        return date, date_from, note
    day = first.date_from - dt.timedelta(days=1)
    return (
        day,
        None,
        (
            f"dated the day before {first.text!r}, the date of an event in another "
            "clause that the search came before"
        ),
    )


def _add_searched(
    ex: _Extractor,
    s: Sentence,
    anchor: Any,
    verb: Any,
    places: list[MentionLike],
    failure: _Failure,
    again: Again | None = None,
) -> None:
    """Add a searched area at each of ``places``, or set it aside with why.

    Where none is read and some could not be resolved, the search itself is set
    aside too (``no_place``), so that its sentence says what it was: "searched
    the plateau and the Loch Avon basin overnight but did not find him". A
    search of "the village" named in the sentence before (``again``) rests on
    both sentences, and the claims there that it found wrong are withdrawn
    (:func:`~geosleuth.read._search_anaphors.withdraw`).
    """
    hedge, cue = _hedge(ex, s, anchor, verb, failure)
    hedge, dispute = disputed(s, hedge, ex.text)
    unresolved: list[MentionLike] = []
    count = len(ex.items)
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
            unresolved.append(m)
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
        back = again is not None and m is again.place
        building = None if back else _building_of(ex, m, anchor)
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
        # "the village" named in the sentence before: read as its phrase there
        # reads it ("a village near Pljevlja"), dated and said as the search is
        before = again.before if back and again is not None else None
        wide = s if before is None else replace(s, span=(before[0], s.span[1]))
        at = m.start if before is None else object_at(anchor)
        geom, name, buffer_km, _, how = claim_regions(ex, [m], wide, "")[0]
        date, date_from, dnote = _date(ex, s, anchor, verb, failure, at)
        prov = ex.provenance(s, at)
        span = (
            (s.span[0], failure.told[1])
            if failure.told is not None
            else (before[0], s.span[1])
            if before is not None
            else None
        )
        if span is not None:
            # "They found no sign of Mr Becker.", "... a village near Pljevlja. A
            # search of the village ...": the item rests on both sentences
            prov = replace(prov, quote=ex.text[span[0] : span[1]], span=span)
        note = note_of(
            f"read as a search that found nothing ({failure.cue!r}"
            + (", in the next sentence)" if failure.told else ")"),
            f"the area is {name} buffered by {buffer_km:g} km, as a claim there "
            f"would be" + (f" ({how})" if how else ""),
            f"pd {SEARCH_PD:g} (default for a search read from text: it gives no "
            "coverage or sweep width)",
            again.note if back and again is not None else "",
            hedge_note(cue),
            dispute,
            dnote,
        )
        item = ex.build(
            Searched, s, s.span, id=ex.next_id("n"),
            provenance=prov, date=date, date_from=date_from,
            grade=ex.grade(s.attr.at(at)), hedge=hedge, note=note,
            area=geom, pd=SEARCH_PD, buffer_km=buffer_km, place_name=name,
        )  # fmt: skip
        ex.taken.setdefault(m.start, "searched")
        if item is not None and before is not None and again is not None:
            withdraw(ex, again, item, s)
    if unresolved and len(ex.items) == count:
        _unresolved_search(ex, s, failure, unresolved)


def _unresolved_search(
    ex: _Extractor, s: Sentence, failure: _Failure, places: list[MentionLike]
) -> None:
    """Set aside a search that found nothing whose ``places`` none resolved.

    One row for the sentence (and the next, where it tells the outcome), which
    a second search of the sentence at places that do not resolve adds to.
    """
    span = (s.span[0], failure.told[1]) if failure.told else s.span
    lead = f"a search for the target that found nothing ({failure.cue!r}" + (
        ", in the next sentence)" if failure.told else ")"
    )
    named = ", ".join(repr(m.text) for m in places)
    end = " could not be resolved)"
    for k, r in enumerate(ex.rejected):
        if r.span == span and r.detail.startswith(lead + ", but at no resolved"):
            # a second search of the sentence ("..., while a helicopter flew over
            # the Forth River gorge"): its places join the first's
            named = r.detail[r.detail.rindex("(") + 1 : -len(end)] + ", " + named
            ex.rejected.pop(k)
            break
    ex.reject(
        "no_place",
        f"{lead}, but at no resolved place ({named}{end}",
        span,
    )
