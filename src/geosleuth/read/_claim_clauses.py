"""Clauses of someone else: a place whose own clause is not about the target.

A sentence that says where the target is may name other places in clauses with
subjects of their own: "Salcedo is hiding in Cosalá, though *police searched
neighbouring Durango state*", "Salcedo is hiding in the mountains around
Tamazula, and *his brother in neighbouring Durango state*", "*Salcedo's men are
spread around Tamazula*; Salcedo himself is hiding in Culiacán, officials
said" (review r23, P-a and P-e). The claim rule
(:mod:`geosleuth.read.whereabouts`) reads the places of a sentence that refers
to the target and has a location word; this module finds the places whose
governing clause has a subject that is plainly someone else
(:func:`of_other_subjects`), and a claim that the rule would make at one is set
aside as ``not_target`` (:func:`blocked`). The rule still sees those places, for
they tell it of the rest of the sentence ("Her husband left Denver on Monday,
and Jane Doe is still in Aspen": Monday is the leaving's day, not Aspen's).

The clause of a place is that of the first verb above it in the parse that has
a subject of its own (:func:`clause_subject`); a verb joined to another with no
subject of its own shares that one's ("Salcedo fled Culiacán and *is hiding* in
Tamazula": both are the target's), and a noun joined to a verb, with the place
in its phrase, is a clause whose verb is left out ("and *his brother* in
Durango"); not people joined after "with", who are the subject's company
("hiding *with his brother and two bodyguards* in Tamazula":
:func:`_companion`). A report's content that the parse makes a relative
clause ("a tip that ..., and *another that his brother was in Žabljak*") is a
clause of its own subject (:func:`_content`). A place of the people dealt
with after "with" ("is in contact with *his brother in Culiacán*") is theirs
(:func:`geosleuth.read._with_others.dealt_with`), unless a clause on it puts
the target there too ("..., *where he is also hiding*"). Its subject is
someone else (:func:`_someone_else`) when it is none of the target's
references and is

- someone of the target's ("*his brother*", "*Salcedo's men*", "*one of his
  men*": the target owns it; not "*her husband*" in the words of the target's
  wife, who is the target: :func:`geosleuth.read._life_claims.called_by_kin`),
- many ("*police*", "*officials*", "*the soldiers*": a plural noun; the target
  is one person), or
- a name of a person who is not the target ("*Guzmán*").

An organisation is none of these: "Aware of the fact that *the SDF* were only 5
kilometers away from Hajin town, where the civilian population is the largest
in the area, Hesekê said that many of the ISIS leaders were trying to hide
among the civilians" tells where the leaders hide, in the town the SDF
approach.

A pronoun ("they", "he"), a relative pronoun for the target, a group the target
may be one of ("the family", "the couple"), a word for where one is ("*his
whereabouts* are") and a singular description ("the fugitive", "the suspect",
which may be the target) are kept, as is a clause whose other words name the
target ("Soldiers escorted *Salcedo* to Culiacán", "Police raided a house in
Culiacán where *Salcedo* was hiding"). A place that a clause's subject names
("Tamazula, which is in Durango") is a place qualified, not someone else.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from geosleuth.read._lexicon import PERSON_NOUNS
from geosleuth.read._life_claims import called_by_kin
from geosleuth.read._reports import REPORT_NOUNS
from geosleuth.read._sentence import MentionLike, antecedent, label
from geosleuth.read._with_others import dealt_with, shared_place
from geosleuth.read.attribution import REPORTING_LEMMAS

if TYPE_CHECKING:
    from geosleuth.read._sentence import Sentence
    from geosleuth.read.claims import RejectReason, _Extractor

__all__ = ["Aside", "blocked", "clause_subject", "left_out", "of_other_subjects"]

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Clauses joined to a verb that share its subject when they have none.
_SHARING_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "pobj"})
#: Children of a verb that are clauses of their own, not its arguments.
_OTHER_CLAUSE_DEPS = frozenset(
    {"advcl", "ccomp", "conj", "parataxis", "cc", "punct", "mark"}
)
#: Words for where one is: "*his whereabouts* are in Sinaloa".
_WHERE_NOUNS = frozenset(
    {"whereabouts", "location", "hideout", "hideaway", "place", "base", "home",
     "residence", "lair", "position", "area", "region", "trail", "search", "hunt"}
)  # fmt: skip
#: Nouns of people who may be the subject of a left-out verb: "hiding in
#: Culiacán and *his men* in Tamazula" (not "and his ranch in Tamazula").
_PEOPLE = PERSON_NOUNS | {
    "men", "associate", "bodyguard", "henchman", "lieutenant", "follower",
    "loyalist", "accomplice", "deputy", "gunman", "ally", "aide",
}  # fmt: skip
#: Prepositions whose objects are the subject's company: "hiding *with* his
#: brother and two bodyguards in Tamazula".
_WITH = frozenset({"with", "alongside", "beside", "among", "including"})
#: Words for another report: "a tip that ..., and *another* that ...".
_ANOTHER = frozenset({"another", "one", "others", "other"})
#: Entities of a place: "hiding *in Culiacán*, along with ...".
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
#: Groups of which the target may be one: "*the family* moved to Arlington".
_GROUPS = frozenset({"family", "couple", "pair", "group", "two", "both"})


def clause_subject(tok: Any) -> tuple[Any, Any] | None:
    """(verb, subject) of the clause that holds the token ``tok``, if any.

    Up the parse from ``tok`` to the first verb with a subject of its own; a
    verb with none shares the subject of the one it is joined to, or completes
    (:data:`_SHARING_DEPS`); a participle that describes a subject ("Salcedo,
    *hiding* in Culiacán", "his men, *spread* around Tamazula") is of that
    subject, and one that describes another noun is of that noun's clause
    ("is hiding in a house *owned* by his brother in Culiacán": the target's).
    A noun joined to a verb, with ``tok`` in its phrase, is the subject of a
    clause whose verb is left out: "Salcedo is hiding near Tamazula, and *his
    brother* in Durango". A relative clause is of the noun it describes, and
    read as such by :mod:`geosleuth.read.whereabouts` ("Raqqa, *where her
    husband lives*"): None, as where no subject is found.
    """
    below = tok
    gapped = None
    for head in tok.ancestors:
        if (
            gapped is None
            and head.dep_ == "conj"
            and head.pos_ in ("NOUN", "PROPN")
            and head.head.pos_ in ("NOUN", "PROPN")
            and below.dep_ == "prep"
            and (head.lemma_.lower() in _PEOPLE or head.ent_type_ == "PERSON")
            and not _companion(head)
        ):
            # "hiding in Culiacán and *his men* in Tamazula": the parse joins
            # the men to Culiacán; they are the subject of a left-out verb
            gapped = head
        if head.pos_ in ("VERB", "AUX"):
            if gapped is not None:
                return head, gapped
            if (
                below.dep_ == "conj"
                and (below.pos_ in ("NOUN", "PROPN") or _part_of(below) is not below)
                and below.i != tok.i
            ):
                return head, below  # "..., and his brother in Durango"
            if head.dep_ == "relcl" and not _content(head):
                return None  # "Raqqa, where her husband lives": of the place
            subj = next((c for c in head.children if c.dep_ in _SUBJECT_DEPS), None)
            if subj is not None:
                return head, subj
            if head.dep_ == "acl" and head.head.dep_ in _SUBJECT_DEPS:
                return head, head.head  # "Salcedo's men, spread around Tamazula,"
            if head.dep_ not in _SHARING_DEPS and head.dep_ != "acl":
                return None  # "a house *owned* by his brother": the house's clause
        below = head
    return None


def _content(verb: Any) -> bool:
    """Whether the relative clause of ``verb`` is what a report says.

    "Police received a tip that Vuković was near Pljevlja, and *another that
    his brother was in Žabljak*": the parse makes the report's content a
    relative clause of "another"; its "that" is a mark, not a relative pronoun,
    and the clause has a subject of its own (review r27, finding 17).
    """
    noun = verb.head
    return bool(
        (noun.lemma_.lower() in REPORT_NOUNS or noun.lower_ in _ANOTHER)
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)
        and any(c.dep_ in _SUBJECT_DEPS for c in verb.children)
    )


def _companion(noun: Any) -> bool:
    """Whether ``noun`` is joined to the object of "with": one of a company.

    "Salcedo is hiding *with his brother and two bodyguards* in Tamazula",
    "was arrested with his wife and *two aides* in Culiacán": the people after
    "with" are the target's companions, and the place is where they all are,
    not the subject of a left-out verb (review r27, finding 5). Not where one
    before ``noun`` in the list has a place of its own ("with his brother *in
    Culiacán* and his men in Tamazula"), nor where the verb has a place of its
    own ("hiding *in Culiacán*, along with his brother and two bodyguards in
    Tamazula"): each is somewhere else.

    Examples
    --------
    >>> from geosleuth.read.toponyms import load_nlp
    >>> t = "Salcedo is hiding with his brother and two bodyguards in Tamazula."
    >>> _companion(load_nlp()(t)[8])
    True
    >>> doc = load_nlp()("Salcedo is hiding in Culiacán and his men in Tamazula.")
    >>> _companion(doc[7])
    False
    """
    first, before = noun, []
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
        before.append(first)
    if not (first.dep_ == "pobj" and first.head.lower_ in _WITH and before):
        return False
    if any(c.dep_ == "prep" for t in before for c in t.children):
        return False  # "with his brother in Culiacán and his men in Tamazula"
    verb = next((h for h in first.ancestors if h.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return True
    mine = {t.i for t in first.head.subtree}
    return not any(
        t.ent_type_ in _PLACE_ENTS and t.i not in mine
        for c in verb.children
        if c.dep_ == "prep"
        for t in c.subtree
    )


def _at(refs: Sequence[Any], tok: Any) -> bool:
    return any(r.start <= tok.idx < r.end for r in refs)


def _someone_else(ex: _Extractor, subj: Any, refs: Sequence[Any]) -> bool:
    """Whether the subject ``subj`` is plainly someone other than the target."""
    subj = _part_of(antecedent(subj))
    if subj.pos_ == "PRON" or subj.tag_ in ("WDT", "WP", "CD"):
        return False  # "they", "he": perhaps the target; "the two"
    if {subj.lemma_.lower(), subj.lower_} & (_WHERE_NOUNS | _GROUPS):
        return False
    people = [subj, *subj.conjuncts]
    if any(_at(refs, t) for t in people):
        return False
    owners = {t.i for c in subj.children if c.dep_ == "poss" for t in c.subtree}
    if any(_at(refs, t) for t in subj.subtree if t.i not in owners):
        return False  # "the men around Salcedo", "the area where he hides"
    if any(m.start <= subj.idx < m.end for m in ex.mentions):
        return False  # "Tamazula, which is in Durango": a place qualified
    if called_by_kin(subj, ex.refs) is not None:
        return False  # "The wife of Mundi Jalmaani said that her husband ..."
    names = [r for r in refs if getattr(r, "kind", None) != "pronoun"]
    if (
        subj.dep_ == "nsubj"
        and subj.head.lemma_.lower() in REPORTING_LEMMAS
        and any(
            _at(names, t)
            for c in subj.head.children
            if c.dep_ == "ccomp"
            for t in c.subtree
        )
    ):
        # "His bodyguard, captured in Culiacán on Monday, told police Salcedo was
        # hiding in Durango": one who speaks of the target by name
        return True
    mine = [*refs, *ex.possessive_refs()]
    return bool(
        any(_at(mine, t) for t in subj.doc if t.i in owners)  # "his brother"
        or subj.tag_ in ("NNS", "NNPS")  # "police", "officials"
        or subj.ent_type_ == "PERSON"  # "Guzmán"
    )


def _part_of(subj: Any) -> Any:
    """The people that the subject ``subj`` is a number of, if they are someone's.

    "*One of his men* was arrested in Culiacán", "*two of Salcedo's bodyguards*":
    the subject is a number ("one", "two") of people whom someone owns, and is
    judged by them (review r27, B17): the target owns them, so they are someone
    else. Else ``subj`` itself: "one of the two", "one of the suspects" (who may
    be the target), and a number alone ("the two"), which may be the target.

    Examples
    --------
    >>> from geosleuth.read.toponyms import load_nlp
    >>> doc = load_nlp()("One of his men was arrested in Culiacán.")
    >>> _part_of(doc[0]).text
    'men'
    >>> doc = load_nlp()("One of the suspects was arrested in Culiacán.")
    >>> _part_of(doc[0]).text
    'One'
    """
    if subj.tag_ != "CD":
        return subj
    for prep in subj.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for noun in prep.children:
            if (
                noun.dep_ == "pobj"
                and noun.pos_ in ("NOUN", "PROPN")
                and any(c.dep_ == "poss" for c in noun.children)
            ):
                return noun
    return subj


def _left_out_person(subj: Any) -> bool:
    """Whether ``subj`` is a person joined as the subject of a left-out verb.

    "and *his brother* in Durango" (not "and *his phone* in Durango": the
    target's thing, found there, is a trace of the target).
    """
    part = _part_of(subj)  # "and *one of his men* in Durango"
    return bool(
        subj.dep_ == "conj"
        and part.pos_ in ("NOUN", "PROPN")
        and (part.lemma_.lower() in _PEOPLE or part.ent_type_ == "PERSON")
    )


def _names_target(verb: Any, subj: Any, refs: Sequence[Any]) -> bool:
    """Whether the target is in the words of ``verb``'s clause, bar its subject.

    "Soldiers escorted *Salcedo* to Culiacán", "Police raided a house in
    Culiacán where *Salcedo* was hiding", "his brother is hiding *with him*":
    the clause is about the target too.
    """
    if subj.dep_ == "conj":
        return False  # "and his brother in Durango": the left-out verb's words
    words = [
        t
        for c in verb.children
        if c.i != subj.i and c.dep_ not in _OTHER_CLAUSE_DEPS
        for t in c.subtree
        if not _owner_of_another(c, t, refs)
    ]
    return any(_at(refs, t) or _with_him(t) for t in words)


def _owner_of_another(obj: Any, tok: Any, refs: Sequence[Any]) -> bool:
    """Whether ``tok`` only owns ``obj``, a person of the target's, not the target.

    "Police arrested *Salcedo's* bodyguard in Culiacán": the one arrested is the
    bodyguard (:data:`_PEOPLE`), and the target only the one whose he is.
    """
    return bool(
        obj.dep_ in ("dobj", "obj")
        and obj.lemma_.lower() in _PEOPLE
        and not _at(refs, obj)
        and any(c.dep_ == "poss" and tok in c.subtree for c in obj.children)
    )


def _with_him(tok: Any) -> bool:
    """Whether ``tok`` is "him" or "her" of "with him": the one with the subject.

    "his brother is believed to be hiding *with him* in Tamazula": the target
    is there too (review r26, U-4).
    """
    return bool(
        tok.lower_ in ("him", "her")
        and tok.dep_ == "pobj"
        and tok.head.lower_ in ("with", "alongside", "beside")
    )


@dataclass(frozen=True, slots=True)
class Aside:
    """A place of a sentence at which no item of some kinds is to be built.

    Attributes
    ----------
    mention : MentionLike
        The place's mention, where the item is set aside.
    reason : str
        The reason's code (``not_target``, ``negated``).
    why : str
        What was seen and why it was not used, in words.
    kinds : frozenset of str
        The kinds of item set aside there ("claim", "sighting").
    """

    mention: MentionLike
    reason: RejectReason
    why: str
    kinds: frozenset[str] = frozenset({"claim"})


def of_other_subjects(
    ex: _Extractor,
    s: Sentence,
    places: Sequence[MentionLike],
    *,
    left_out: bool = False,
) -> dict[str, Aside]:
    """The places of ``places`` in a clause about someone else, by label.

    A place whose clause (:func:`clause_subject`) has a subject that is plainly
    someone else (:func:`_someone_else`), and no other word of the target, is
    not where the target is: "though *police searched* neighbouring Durango
    state", "and *his brother* in neighbouring Durango state". The claim rule
    still sees them (a place left or a date of another clause tells it of the
    rest of the sentence); a claim it would make at one is set aside
    (:func:`blocked`). None in a sentence not parsed, or one that does not
    refer to the target, nor where a place of the same name is in a clause of
    the target's ("is hiding in Durango, though police searched Durango").

    With ``left_out``, only the places of a clause whose verb is left out
    ("Salcedo was seen in Culiacán, *and his brother in Durango*", "Marines
    captured Salcedo in Culiacán, *and his brother in Durango*": review r26,
    U-4), and no sighting is built there either: the left-out verb is the
    seeing or the capture of the other one.
    """
    refs = [*ex.refs, *ex.object_refs]
    if s.sent is None or not any(s.span[0] <= r.start < s.span[1] for r in refs):
        return {}
    out: dict[str, Aside] = {}
    kept = set()
    for m in places:
        span = ex.doc.char_span(m.start, m.end, alignment_mode="expand")
        root = span.root if span is not None and len(span) else None
        people = dealt_with(root) if root is not None and not left_out else None
        if people is not None and not shared_place(root, refs):
            # "is in contact with his brother in Culiacán": where the brother is
            last = max((people, *people.conjuncts), key=lambda t: t.i)
            who = ex.text[people.left_edge.idx : last.idx + len(last.text)]
            why = (
                f"{m.text!r} is where those the target deals with are ({who!r}), "
                "not where the target is"
            )
            out.setdefault(label(m), Aside(m, "not_target", why))
            continue
        found = clause_subject(root) if root is not None else None
        if found is None:
            kept.add(label(m))
            continue
        verb, subj = found
        if left_out and not _left_out_person(subj):
            kept.add(label(m))
            continue
        if not _someone_else(ex, subj, refs) or _names_target(verb, subj, refs):
            kept.add(label(m))
            continue
        subj = antecedent(subj)  # "which": the images
        last = _part_of(subj)  # "one of his men": to "men"
        who = ex.text[subj.left_edge.idx : last.idx + len(last.text)]
        why = f"{m.text!r} is in a clause about {who!r}, not where the target is"
        kinds = frozenset({"claim", "sighting"} if left_out else {"claim"})
        out.setdefault(label(m), Aside(m, "not_target", why, kinds))
    return {k: v for k, v in out.items() if k not in kept}


def left_out(ex: _Extractor, s: Sentence) -> dict[str, Aside]:
    """:attr:`_Extractor.others`, with the places of a left-out verb of another's.

    "Salcedo was seen in Culiacán, *and his brother in Durango*": no sighting
    nor claim of the target at Durango (:func:`of_other_subjects`, with
    ``left_out``). Looked at before the rules of sightings read the sentence.
    """
    return {**of_other_subjects(ex, s, s.places, left_out=True), **ex.others}


def blocked(ex: _Extractor, kind: str, fields: Mapping[str, Any]) -> bool:
    """Whether an item about to be built is at a place set aside for its kind.

    Its place is one of :attr:`_Extractor.others` (:func:`of_other_subjects`,
    :func:`geosleuth.read._retractions.taken_back`): the item is set aside at
    the place's mention, with the reason, and the id taken for it is given
    back.
    """
    got = ex.others.get(str(fields.get("place_name"))) if ex.others else None
    if got is None or kind not in got.kinds:
        return False
    ex.reject(got.reason, got.why, (got.mention.start, got.mention.end))
    abbr = str(fields.get("id", "")).rsplit(":", 1)[-1].rstrip("0123456789")
    if fields.get("id") == f"{ex.doc_id}:{abbr}{ex.counts.get(abbr, 0)}":
        ex.counts[abbr] -= 1
    return True
