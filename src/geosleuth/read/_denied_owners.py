"""Whose event a denial after a semicolon denies, and where.

"Salcedo was arrested in Culiacán; police denied *the arrest*": whether a noun
of the event ("the arrest", "his death", "the sighting of her") is of the one
the clause before it tells of (:func:`the_ones_told`: by a pronoun, one of the
target's names, a nickname the text gave it, "the man identified as Salcedo",
or as its kin denies it, "his wife denied the death of *her husband*"), of
another ("the arrest *of his brother*", "*of the gunman*"), or of a description
that can only be the target, the text naming no one else
(:func:`described_only`: "the arrest *of the suspect*"); and whether the denial
is of the event at another place ("his arrest *in Durango*" after "was seen in
Mazatlán"), not one that holds the place told ("his arrest *in Sinaloa*" after
"in Culiacán"). Used by :mod:`geosleuth.read._sighting_denials` for seeings and
arrests and by :mod:`geosleuth.read.life` for deaths (reviews r64, r65, r86).
"""

from __future__ import annotations

import re
import weakref
from collections import Counter
from collections.abc import Collection, Sequence
from typing import Any

from geosleuth.geometry import haversine_km
from geosleuth.read._doc_text import doc_text
from geosleuth.read._lexicon import PERSON_NOUNS
from geosleuth.read._sentence import MentionLike
from geosleuth.read._target_gender import IS_FEMALE, IS_MALE
from geosleuth.read._target_names import Target, given_name_gender, name_key
from geosleuth.read._target_pronouns import GENDER_OF
from geosleuth.read._toponym_uses import nickname_givers
from geosleuth.read.attribution import REPORTING_LEMMAS

__all__ = [
    "DENYING_BACK",
    "EVENT_KINDS",
    "EVENT_NOUNS",
    "FORCE_BODIES",
    "FORCE_MEMBERS",
    "LONG_AGO",
    "TAKERS",
    "WHERE_NOUNS",
    "described_only",
    "event_elsewhere",
    "gender_told",
    "the_ones_told",
    "told_before",
    "told_span",
]


#: Verbs (lemmas) of denying, which after a semicolon may deny the seeing.
DENYING_BACK = frozenset({"deny", "dismiss", "reject", "refute"})
#: Nouns of the event told, or of who it was, which speak of it only as the
#: target's own (:func:`the_ones_told`): "; police denied *the arrest*", "*his
#: arrest* has yet to be confirmed", "*her identity* has not been confirmed";
#: not "the identity *of the second man*".
EVENT_NOUNS = frozenset(
    {"arrest", "capture", "detention", "sighting", "death", "killing", "identity"}
)


#: Nouns of where the event told happened: "; *the exact location* has not
#: been confirmed", "*the place* of his death".
WHERE_NOUNS = frozenset({"location", "place", "site", "spot", "whereabouts"})


def told_before(
    noun: Any,
    before: Any,
    nouns: frozenset[str],
    target: Target | None = None,
    places: Sequence[MentionLike] = (),
    told: Collection[str] | None = None,
) -> bool:
    """Whether ``noun``, after a semicolon, is what the clause ``before`` told.

    One of ``nouns`` ("it", "the report", "the arrest"), and, for a noun of the
    event (:data:`EVENT_NOUNS`), the target's own (:func:`the_ones_told`): not
    "the arrest *of his brother*". A noun of where it happened
    (:data:`WHERE_NOUNS`) is of the event told, the target's, or none ("the
    location *of the sighting*", "the place *of his death*", "the exact
    location"), not "the location *of his brother*". Where the kinds of the
    events told are known (``told``: "sighting", "arrest", ...), an event of
    another kind (:data:`EVENT_KINDS`) is not what was told, nor a report of
    one: "Salcedo was seen in Culiacán; police denied *his arrest*", "*reports
    of his arrest*" (review r93, #7).
    """
    lemma = noun.lemma_.lower()
    if lemma not in nouns and noun.lower_ not in nouns:
        return False
    if _other_kind(noun, told) or any(
        _other_kind(g, told) for g in _owners(noun) if lemma not in EVENT_NOUNS
    ):
        return False
    if lemma in WHERE_NOUNS:
        of = [g for g in _owners(noun) if g.lemma_.lower() in EVENT_NOUNS]
        if of:
            return all(
                told_before(g, before, EVENT_NOUNS, target, places, told) for g in of
            )
    elif lemma not in EVENT_NOUNS:
        # "; police denied reports of his arrest *in Durango*": of another event
        return not event_elsewhere(noun, told_span(noun, before), places)
    return the_ones_told(noun, before, target, places)


def _other_kind(noun: Any, told: Collection[str] | None) -> bool:
    """Whether the event noun ``noun`` is of a kind none of the events ``told`` is."""
    kind = EVENT_KINDS.get(noun.lemma_.lower())
    return told is not None and kind is not None and kind not in told


def told_span(noun: Any, before: Any) -> Any:
    """The words of the clause ``before`` up to the semicolon before ``noun``.

    Not past the sentence of ``before``, where ``noun`` is in a later one.
    """
    doc = noun.doc
    semicolon = max(
        (t.i for t in doc[before.i : noun.i] if t.text == ";"), default=noun.i
    )
    return doc[before.sent.start : min(semicolon, before.sent.end)]


def _owners(noun: Any) -> list[Any]:
    """Whose ``noun`` is: "*his* arrest", "the arrest *of Salcedo*"."""
    return [c for c in noun.children if c.dep_ == "poss"] + [
        g
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    ]


def the_ones_told(
    noun: Any,
    before: Any,
    target: Target | None = None,
    places: Sequence[MentionLike] = (),
) -> bool:
    """Whether the event ``noun`` is of the one the clause ``before`` tells of.

    "; police denied *the arrest*" (no one else's), "*his* arrest", "*Salcedo's*
    arrest", "the arrest *of Salcedo*" (a name of the words before the
    semicolon), "the sighting *of her*"; the target by another of its own names
    ("*of Rodrigo*", "*of Ibarra*", "*of Mr Ibarra*", "*of Hamadou*" whatever
    the parse tags it: :func:`_targets_name`), a nickname the text gave the
    target ("*of El Güero*": :func:`_targets_nickname`), "*of the man believed
    to be Salcedo*" (:func:`_the_one_named`), review r64, M1, or as its kin
    denies it ("*his wife* denied the death of *her husband*":
    :func:`_the_deniers_kin`, review r86, #1). Not "the arrest *of his
    brother*", "*of two other men*", "*of civilians*", "the sighting *of his
    car*", nor, after "Jane Doe was arrested", "*his* arrest"
    (:func:`~geosleuth.read._target_names.given_name_gender`); nor a
    description ("*of the fugitive*", "*of the suspect*", "*of the drug lord*",
    "*of the man*"), which may be anyone the text tells of (review r65, H1,
    H2; one of no other person is :func:`described_only`); nor the event at
    another place ("his arrest *in Durango*" after "was seen in Mazatlán":
    review r65, H3; :func:`event_elsewhere`).
    """
    told = told_span(noun, before)
    if event_elsewhere(noun, told, places):
        return False
    owners = _owners(noun)
    if not owners:
        return True
    names = {t.lower_ for t in told if t.pos_ == "PROPN"}
    for owner in owners:
        gender = GENDER_OF.get(owner.lower_)
        if gender is not None:
            if gender_told(before) not in (None, gender):
                return False
        elif owner.lower_ in _PLURAL_OWNERS:
            continue
        elif owner.text[:1].isupper() and (
            owner.pos_ == "PROPN" or _target_word(owner, target)
        ):
            # "the death of *Hamadou*", which the parse may tag a noun: a name
            # by its words (review r86, #8)
            if not _targets_name(owner, names, target):
                return False
        elif not (
            _the_one_named(owner, names, target)
            or _the_deniers_kin(owner, before, names, target)
        ):
            return False
    return True


def described_only(
    noun: Any,
    before: Any,
    target: Target | None = None,
    places: Sequence[MentionLike] = (),
    told: str | None = None,
) -> str | None:
    """The description whose event ``noun`` is, where it can only be the target.

    "Salcedo was arrested in Culiacán; police denied the arrest *of the
    suspect*", "the army denied the death *of the Sinaloa cartel leader*", "*of
    the man*", "*of the 52-year-old*": a definite description that may be the
    target (:func:`_may_be_the_one`) in a text that names or describes no other
    person (:func:`_another_in_text`). Such a denial neither takes the event
    back (:func:`the_ones_told`: the description names no one) nor leaves it
    as told: the event is at most possible (review r86, #2). None for an
    event of the target's own, of another, or of several; and for a denial of
    another kind of event than the one ``told`` ("death", "arrest",
    "sighting": :data:`EVENT_KINDS`), "Jane Doe was killed; police denied
    *the arrest* of the suspect", the killer's (review r93, #1); and for "the
    suspect" of a death told, who is its killer.
    """
    if told is None or EVENT_KINDS.get(noun.lemma_.lower()) != told:
        return None
    if event_elsewhere(noun, told_span(noun, before), places):
        return None
    owners = _owners(noun)
    if len(owners) != 1 or not _may_be_the_one(owners[0], target):
        return None
    owner = owners[0]
    words = _doc_words(owner.doc)
    if _another_in_text(owner, target, words):
        return None
    if (
        told == "death"
        and owner.lemma_.lower() in _WRONGDOERS
        and _killer_told(owner, words)
    ):
        return None
    if told != "death" and _set_apart(owner, words):
        return None
    return str(noun.doc[owner.left_edge.i : owner.right_edge.i + 1].text)


def _killer_told(owner: Any, words: _DocWords) -> bool:
    """Whether the text tells of a killer whom "the suspect" ``owner`` may be.

    An unknown killer ("shot dead *by a gunman*", "police were hunting *his
    killer*") or a killing with no agent ("Salcedo was killed in Culiacán");
    not one by a force ("killed *by soldiers*", "in a shootout *with
    marines*": the suspect may be the one killed), nor a death with no killing
    ("Jane Doe, a murder suspect, died in Leeds"), review r95, #3.
    """
    skip = _skipped(owner)
    if any(i not in skip for i in words.agents):
        return True
    if any(i not in skip for i in words.forces):
        return False
    return any(i not in skip for i in words.killings)


#: Bodies of armed men: "the *police*", "the *army*"; before a description,
#: one of theirs ("the *police* chief": :data:`_NOT_THE_ONE`).
FORCE_BODIES = frozenset({"police", "army", "military", "navy"})
#: Their members, each one person (:data:`_OFFICERS`): "*a police officer*".
FORCE_MEMBERS = frozenset({"officer", "policeman", "agent", "soldier", "marine"})
#: Who may lead one away in an arrest, or undo a denial by confirming it: a force,
#: its members, "the authorities", a guard.
TAKERS = FORCE_BODIES | FORCE_MEMBERS | {"troop", "force", "authority", "guard"}
#: A time long past in a date: "*in 2015*", "*years ago*", "*for decades*".
LONG_AGO = re.compile(r"(?i)\b(?:1[89]\d\d|20\d\d|years?|ago|decades?)\b")
#: Forces whose killing of the target makes "the suspect" maybe the one killed.
_FORCES = FORCE_BODIES | FORCE_MEMBERS | {"troop", "force", "commando"}
#: Verbs of a killing, whose doer "the suspect" may be.
_KILLING = frozenset(
    {"kill", "murder", "shoot", "stab", "assassinate", "slay", "strangle",
     "behead", "execute"}
)  # fmt: skip


def _set_apart(owner: Any, words: _DocWords) -> bool:
    """Whether the description ``owner`` has a modifier the text never uses of another.

    "the *union* leader", "the *local* commander", "the leader *of a rival
    gang*": a compound, an adjective or an of-phrase naming a group whose words
    the text uses nowhere else sets the one described apart from the target
    (review r95, #5); not "the cartel leader" after "Salcedo, *the cartel
    leader*,", nor "the 52-year-old".
    """
    # a word is used elsewhere where the text has it more often than the
    # description does
    mine = Counter(t.lower_ for t in owner.subtree)
    for c in owner.children:
        if c.dep_ in ("amod", "compound", "nmod"):
            said = [t for t in c.subtree if t.is_alpha]
        elif c.dep_ == "prep" and c.lower_ == "of":
            said = [t for t in c.subtree if t.is_alpha and t.pos_ not in ("ADP", "DET")]
        else:
            continue
        if any(words.counts[t.lower_] <= mine[t.lower_] for t in said):
            return True
    return False


#: The kind of event each event noun is of, which a denial of a description
#: must share with the event told to make it possible (review r93, #1).
EVENT_KINDS = {
    "arrest": "arrest", "capture": "arrest", "detention": "arrest",
    "sighting": "sighting", "death": "death", "killing": "death",
}  # fmt: skip
#: Descriptions of one who did the deed: "Salcedo was killed; police denied the
#: death *of the suspect*", the killer, not the one killed (review r93, #1).
_WRONGDOERS = frozenset({"suspect"})
#: Nouns of those who do a killing or a kidnapping, which one or more of make
#: another person the text describes: "*Gunmen* shot Salcedo dead" (review r93,
#: #1).
_AGENTS = frozenset(
    {"gunman", "assailant", "attacker", "kidnapper", "killer", "hitman",
     "abductor", "captor", "shooter", "murderer", "sicario"}
)  # fmt: skip


#: Descriptions that may be the one a story is about, the wanted and the dead
#: ("the suspect", "the Sinaloa cartel leader", "the man", "the businessman"),
#: by their head words (review r86, #2). Not one who stands beside another
#: ("the gunman", "his driver", "the bodyguard") or holds an office ("the
#: mayor", "the police chief").
_MAY_BE_THE_ONE = frozenset(
    {"man", "woman", "person", "individual", "suspect", "fugitive", "escapee",
     "convict", "inmate", "prisoner", "detainee", "kingpin", "capo", "boss",
     "lord", "leader", "sub-leader", "commander", "chief", "trafficker",
     "operative", "jihadist", "militant", "terrorist", "insurgent", "warlord",
     "mastermind", "ringleader", "businessman", "businesswoman"}
)  # fmt: skip
#: Words before a description that make it one of a force or an office ("the
#: *police* chief", "the *army* commander"), or someone else ("the *other*
#: man", "a *second* suspect").
_NOT_THE_ONE = FORCE_BODIES | {
    "prison", "security", "government", "other", "another", "second", "third",
    "fellow",
}  # fmt: skip


def _may_be_the_one(owner: Any, target: Target | None) -> bool:
    """Whether the description ``owner`` may be the target, by its own words.

    "the suspect", "the Sinaloa cartel leader", "the man", "the 52-year-old":
    "the" and a head word of :data:`_MAY_BE_THE_ONE` (or an age), of the
    target's gender, with no clause, owner or apposition of its own ("the man
    *who shot him*", "*his* driver", "the suspect, *a local farmer*"), not
    named ("the man, *identified as Guzmán*"). That the text names or
    describes no other person is :func:`_another_in_text`'s to say ("A gunman
    shot a police officer. ...").
    """
    if owner.tag_ not in ("NN", "NNP", "JJ") or owner.text[:1].isupper():
        return False
    kids = list(owner.children)
    if [c.lower_ for c in kids if c.dep_ == "det"] != ["the"]:
        return False
    if any(
        c.dep_ in ("poss", "case", "relcl", "acl", "appos")
        or (c.dep_ == "prep" and c.lower_ != "of")
        or (c.dep_ in ("amod", "compound") and c.lower_ in _NOT_THE_ONE)
        for c in kids
    ):
        return False
    lemma = owner.lemma_.lower()
    aged = lemma == "old" and any(
        c.dep_ == "npadvmod" and c.lemma_.lower() == "year" for c in kids
    )
    if lemma not in _MAY_BE_THE_ONE and not aged:
        return False
    gender = "he" if IS_MALE.fullmatch(lemma) else None
    gender = "she" if IS_FEMALE.fullmatch(lemma) else gender
    return not (_other_gender(gender, target) or _naming_clauses(owner))


def _another_in_text(owner: Any, target: Target | None, words: _DocWords) -> bool:
    """Whether the text names or describes one other than the target, not ``owner``.

    A person's name none of whose words are the target's ("Joaquín Guzmán"),
    or a noun for one person ("*a gunman* shot *a police officer*", "*a second
    man* was seen with him", "*Salcedo's wife*"); not the one who denies ("*his
    wife* denied"), one who says or reports ("*a witness* said", "according to
    *Milenio*"), nor a noun that says who the target is ("Salcedo, *the cartel
    leader*,", "was *a businessman*").
    """
    skip = _skipped(owner)
    if any(skip.isdisjoint(e) for e in words.others(owner.doc, target)):
        return True
    # a gunman or a killer is another only where the one described may be
    # that one ("the arrest of *the suspect*"), not the one killed ("the death
    # of *the woman*"), nor the target called so ("Salcedo, *a former
    # hitman*,"), review r95, #2
    agents = owner.lemma_.lower() in _WRONGDOERS | _AGENTS
    return any(i not in skip and (agents or not agent) for i, agent in words.described)


class _DocWords:
    """The words of a document that the checks of a description look for.

    Each check of a denial looks through the whole text, but for the words of
    the description and of the one who denies (:func:`_skipped`); these are
    found once per document, and each check leaves those words out.
    """

    def __init__(self, doc: Any, parse: bytes) -> None:
        #: The parse they were found in (:func:`_parse_of`).
        self.parse = parse
        #: How often each word (lower case) is in the text (:func:`_set_apart`).
        self.counts = Counter(t.lower_ for t in doc)
        #: Killers and attackers (:func:`_an_agent`), forces that kill or are
        #: fought ("killed *by soldiers*"), and verbs of a killing
        #: (:func:`_killer_told`).
        self.agents = [t.i for t in doc if _an_agent(t)]
        self.forces = [
            t.i
            for t in doc
            if t.lemma_.lower() in _FORCES
            and (
                (t.dep_ == "pobj" and t.head.lower_ in ("by", "with"))
                or (t.dep_ == "nsubj" and t.head.lemma_.lower() in _KILLING)
            )
        ]
        self.killings = [
            t.i for t in doc if t.pos_ == "VERB" and t.lemma_.lower() in _KILLING
        ]
        #: Nouns for another person, each with whether it is a killer's
        #: (:func:`_another_in_text`).
        self.described = [
            (t.i, t.lemma_.lower() in _AGENTS)
            for t in doc
            if (_an_agent(t) if t.lemma_.lower() in _AGENTS else _one_described(t))
        ]
        self._others: dict[Target | None, list[frozenset[int]]] = {}

    def others(self, doc: Any, target: Target | None) -> list[frozenset[int]]:
        """The words of each name in ``doc`` of one not the target, not a speaker."""
        if target not in self._others:
            self._others[target] = [
                frozenset(t.i for t in e)
                for e in doc.ents
                if e.label_ == "PERSON"
                and not _says(e.root)
                and not all(_target_word(t, target) for t in e if t.is_alpha)
            ]
        return self._others[target]


#: Each document's words, while it lives (nothing of it kept but word indices).
_WORDS: weakref.WeakKeyDictionary[Any, _DocWords] = weakref.WeakKeyDictionary()


def _doc_words(doc: Any) -> _DocWords:
    """The words of ``doc`` that the checks of a description look for.

    Found again where the document was parsed again since (the reading parses
    more of its sentences where a history asks for them).
    """
    parse = _parse_of(doc)
    words = _WORDS.get(doc)
    if words is None or words.parse != parse:
        words = _WORDS[doc] = _DocWords(doc, parse)
    return words


def _parse_of(doc: Any) -> bytes:
    """The tags and dependencies of ``doc``, whence its lemmas and parts of speech."""
    from spacy.attrs import DEP, HEAD, TAG

    return bytes(doc.to_array([TAG, DEP, HEAD]).tobytes())


def _skipped(owner: Any) -> set[int]:
    """The words of the description ``owner`` and of the one who denies its event."""
    denier = _denier(owner)
    return {t.i for t in owner.subtree} | (
        {t.i for t in denier.subtree} if denier is not None else set()
    )


def _an_agent(tok: Any) -> bool:
    """Whether ``tok`` is a killer or an attacker, not a name for the target."""
    return tok.lemma_.lower() in _AGENTS and tok.dep_ not in ("appos", "attr")


def _one_described(tok: Any) -> bool:
    """Whether ``tok`` is a noun for one person, not a speaker nor the target's own.

    A sentence the reading left unparsed ("A gunman shot a police officer.")
    is read by its words: a singular word for one person, not before a word
    of saying.
    """
    if not tok.tag_:
        after = tok.nbor() if tok.i + 1 < len(tok.doc) else None
        return _one_person(tok.lower_) and (
            after is None or after.lower_ not in _SAYS_WORDS
        )
    return (
        tok.tag_ == "NN"
        and tok.dep_ not in ("appos", "attr", "compound")
        and _one_person(tok.lemma_.lower())
        and not _says(tok)
    )


#: Words of saying after a speaker, in a sentence left unparsed: "a witness *said*".
_SAYS_WORDS = frozenset({"said", "says", "told", "reported", "added", "denied"})


#: Nouns for one person that officials and forces are (PERSON_NOUNS leaves
#: them out: they speak with authority): "*a police officer* was shot".
_OFFICERS = FORCE_MEMBERS | {
    "policewoman", "official", "guard", "commander", "chief", "mayor", "governor",
}  # fmt: skip


def _one_person(lemma: str) -> bool:
    """Whether the noun ``lemma`` is a word for one person: "gunman", "woman"."""
    return (
        lemma in PERSON_NOUNS
        or lemma in _MAY_BE_THE_ONE
        or lemma in _OFFICERS
        or IS_MALE.fullmatch(lemma) is not None
        or IS_FEMALE.fullmatch(lemma) is not None
    ) and lemma not in ("family", "people", "source", "local")


def _says(tok: Any) -> bool:
    """Whether ``tok`` says or reports: "*a witness* said", "according to *X*"."""
    if tok.dep_ == "nsubj":
        return bool(tok.head.lemma_.lower() in REPORTING_LEMMAS | DENYING_BACK)
    return bool(
        tok.dep_ == "pobj"
        and tok.head.lower_ == "to"
        and tok.head.head.lower_ == "according"
    )


def _denier(owner: Any) -> Any:
    """Who denies the event of ``owner``: "*his wife* denied the death of her husband".

    The subject of the verb of denying whose object the event is, or its agent
    ("the death of her husband was denied *by his wife*"); None if none.
    """
    event = owner.head
    if owner.dep_ == "pobj" and event.lower_ == "of":
        event = event.head
    elif owner.dep_ != "poss":
        return None
    verb = event.head
    if (
        event.dep_ not in ("dobj", "nsubjpass")
        or verb.lemma_.lower() not in DENYING_BACK
    ):
        return None
    for c in verb.children:
        if c.dep_ == "nsubj":
            return c
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


#: The relations whose converse the one denying may name: "*his wife* denied
#: the death of *her husband*", "*his lawyer* denied the arrest of *his
#: client*", "*his mother* denied the death of *her son*".
_CONVERSE: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        ("wife", "husband", "spouse", "partner", "widow", "widower", "fiancée",
         "fiancé", "girlfriend", "boyfriend"),
        frozenset({"husband", "wife", "spouse", "partner", "fiancé", "fiancée",
                   "boyfriend", "girlfriend"}),
    ),
    **dict.fromkeys(
        ("mother", "father", "parent"),
        frozenset({"son", "daughter", "child", "boy", "girl"}),
    ),
    **dict.fromkeys(
        ("son", "daughter", "child"), frozenset({"father", "mother", "parent"})
    ),
    **dict.fromkeys(
        ("brother", "sister", "sibling"),
        frozenset({"brother", "sister", "sibling"}),
    ),
    **dict.fromkeys(
        ("family", "relative"),
        frozenset({"relative", "son", "daughter", "husband", "wife", "father",
                   "mother", "brother", "sister", "child"}),
    ),
    **dict.fromkeys(("lawyer", "attorney", "counsel"), frozenset({"client"})),
}  # fmt: skip


def _the_deniers_kin(
    owner: Any, before: Any, names: set[str], target: Target | None
) -> bool:
    """Whether ``owner`` is the target, named as kin of the target's kin who denies.

    "*his wife* denied the death of *her husband*", "*his lawyer* denied *his
    client's* death", "*Salcedo's mother* denied the death of *her son*": the
    one who denies is the target's relation (:data:`_CONVERSE`), and the event
    is of that one's relation back, by a pronoun of theirs. Not "his wife
    denied the death of *her brother*", nor "*Guzmán's* wife denied the death
    of her husband" (review r86, #1).
    """
    own = [c for c in owner.children if c.dep_ == "poss"]
    if len(own) != 1 or own[0].lower_ not in ("his", "her", "their"):
        return False
    denier = _denier(owner)
    if denier is None:
        return False
    kin = _CONVERSE.get(denier.lemma_.lower())
    if kin is None or owner.lemma_.lower() not in kin:
        return False
    said = GENDER_OF.get(own[0].lower_)
    if said is not None and not _of_gender(denier, said):
        return False  # "his wife denied the death of *his* husband": not hers
    theirs = [c for c in denier.children if c.dep_ == "poss"]
    if not theirs and denier.lemma_.lower() in ("family", "relative"):
        # "*the Salcedo family* denied the death of their son" (review r95, #4)
        theirs = [
            c for c in denier.children if c.dep_ == "compound" and c.pos_ == "PROPN"
        ][-1:]
    if len(theirs) != 1:
        return False
    whose = theirs[0]
    gender = GENDER_OF.get(whose.lower_)
    if gender is not None:
        return gender_told(before) in (None, gender)
    if whose.lower_ in _PLURAL_OWNERS:
        return True
    if whose.pos_ != "PROPN":
        return False
    if target is None:
        return _targets_name(whose, names, target)
    # "*Pérez's* wife denied the death of her husband" after "Salcedo and Luis
    # Pérez were killed": the kin of another named in the clause, not the
    # target's (review r93, #2)
    words, _ = _name_words(whose)
    return (
        bool(words)
        and all(_target_word(t, target) for t in words)
        and not _borne_by_another(whose, words, target)
    )


def _of_gender(noun: Any, gender: str) -> bool:
    """Whether the noun ``noun`` may be of ``gender``: "wife" is not "he"."""
    lemma = noun.lemma_.lower()
    other = IS_FEMALE if gender == "he" else IS_MALE
    return other.fullmatch(lemma) is None


#: Titles before a name, which name no one, with the gender they tell: "*Ms*
#: Doe", "*Señor* Salcedo".
_NAME_TITLES = {
    "mr": "he", "señor": "he", "don": "he", "sr": "he",
    "mrs": "she", "ms": "she", "miss": "she", "señora": "she", "doña": "she",
    "sra": "she", "dr": None,
}  # fmt: skip
#: The articles of a nickname: "*El* Güero", "*La* Tuta".
_NICKNAME_ARTICLES = frozenset({"el", "la", "los", "las"})
#: Labels of names after "in" that are no place: "his arrest *in January*".
_NO_PLACE_LABELS = frozenset({"DATE", "TIME", "PERSON", "NORP", "EVENT", "LAW"})


def event_elsewhere(noun: Any, told: Any, places: Sequence[MentionLike] = ()) -> bool:
    """Whether the event ``noun`` names a place the clause ``told`` does not.

    "Salcedo was seen in Mazatlán; police denied reports of his arrest *in
    Durango*": another event, at another place (review r65, H3). Not "his
    arrest in Culiacán" after "was arrested in Culiacán", nor "the arrest";
    nor, with the sentence's resolved ``places``, a place that holds the one
    told or lies by it (:func:`_holds_or_by`: "his arrest *in Sinaloa*", "*in
    Mexico*" after "in Culiacán"; review r86, #4), nor one it cannot place
    ("*at Heathrow Airport*", "*at the Hotel Lucerna*": the gazetteer knows
    no such name whole).
    """
    said = str(told.text).lower()
    return any(
        t.dep_ == "pobj"
        and t.pos_ == "PROPN"
        and t.head.lower_ in ("in", "at", "near")
        and (t.ent_type_ not in _NO_PLACE_LABELS or _a_place_still(t))
        and t.lower_ not in said
        and (not places or not _holds_or_by(t, told, places))
        for t in noun.subtree
    )


#: Labels the tagger may give a place's name after "in": "arrested in *Kidal*"
#: (NORP), "in *Gao*" (PERSON).
_MISTAKEN_LABELS = frozenset({"NORP", "PERSON"})


def _a_place_still(name: Any) -> bool:
    """Whether the name ``name`` heads, of a label of no place, is a place's still.

    "arrested in *Kidal*", which the tagger may label a people (NORP) or a
    person: a name the gazetteer knows whole (review r208, 1c). Not a date's.
    """
    if name.ent_type_ not in _MISTAKEN_LABELS:
        return False
    from geosleuth.gazetteer import Gazetteer

    words = [t for t in name.subtree if t.dep_ in ("compound", "flat") or t is name]
    return bool(Gazetteer.default().knows(" ".join(t.text for t in words)))


#: How far (km) a place named in a denial may lie from the place told and be
#: that place: a district, a venue, an airport of the town, in its country
#: and no city of its own.
_BY_KM = 30.0
#: Kinds of places that lie at a point, which are that near one another: not
#: "in Culiacán" after "at a ranch in Sinaloa" (the state's centre by its capital).
_POINT_KINDS = frozenset({"city", "town", "village", "point", "airport"})


def _holds_or_by(name: Any, told: Any, places: Sequence[MentionLike]) -> bool:
    """Whether the place ``name`` heads may be where the clause ``told`` tells of.

    Where the sentence's resolved ``places`` have the whole name (not
    "Yorkshire" of "West Yorkshire", nor no place for "the Hotel Lucerna"):
    a country or first-level division that holds a place told ("Mexico",
    "Sinaloa" of Culiacán, "England" of Leeds), or a town within
    :data:`_BY_KM` of a town told. A name it has not whole may be any place there:
    True. Where the clause told names no resolved place: False (the words
    decide, as before).
    """
    words = [t for t in name.subtree if t.dep_ in ("compound", "flat") or t is name]
    start = words[0].idx
    end = name.idx + len(name.text)
    first = told[0].idx if len(told) else 0
    last = told[-1].idx + len(told[-1].text) if len(told) else 0
    here = [m for m in places if first <= m.start and m.end <= last]
    if not here:
        return False
    whole = next((m for m in places if m.start == start and m.end == end), None)
    if whole is None or getattr(whole, "place", None) is None:
        return _of_the_place_told(name, words, here)
    where = whole.place
    for m in here:
        p = getattr(m, "place", None)
        if p is None:
            continue
        if where.kind == "country" and p.country == where.country:
            return True
        if where.kind == "admin" and (p.country, p.admin1) == (
            where.country,
            where.admin1,
        ):
            return True
        if (
            where.kind in _POINT_KINDS
            # not "in Tlaquepaque" after "in Guadalajara": a city of its own
            # (100,000 people or more), not a district of the town told
            # (review r93, #4)
            and where.kind != "city"
            and p.kind in _POINT_KINDS
            # not "in San Diego" after "in Tijuana": across a border, another
            # country's arrest (review r93, #3)
            and where.country == p.country
            and float(haversine_km(where.lon, where.lat, p.lon, p.lat)) <= _BY_KM
        ):
            return True
    return False


#: Words of a venue or a part of a town, in a name the gazetteer cannot place
#: or set beside it: "at *Heathrow Airport*", "at the *Hotel* Lucerna", "in Las
#: Quintas, the upscale *neighbourhood* where he lived".
_VENUE_WORDS = frozenset(
    {"hotel", "motel", "airport", "neighbourhood", "neighborhood", "district",
     "suburb", "colonia", "barrio", "quarter", "restaurant", "bar", "ranch",
     "hacienda", "hospital", "clinic", "station", "terminal", "street",
     "avenue", "boulevard", "square", "plaza", "mall", "market", "park",
     "stadium", "church", "cathedral", "port", "harbour", "harbor", "house",
     "home", "residence", "villa", "estate", "compound", "farm"}
)  # fmt: skip


#: A side that begins a region's name: "*West* Yorkshire", "*Northern* Sinaloa".
_SIDES = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern",
     "western", "central", "upper", "lower"}
)  # fmt: skip


def _of_the_place_told(
    name: Any, words: list[Any], here: Sequence[MentionLike]
) -> bool:
    """Whether a name the gazetteer cannot place may be of the place told.

    One that holds the name of a place told ("at *Heathrow* Airport" after "at
    Heathrow"), or a venue or part of a town by its words or the noun set
    beside it (:data:`_VENUE_WORDS`: "at the *Hotel* Lucerna", "in Las Quintas,
    the upscale *neighbourhood* ..."), or a region by its side ("in *West*
    Yorkshire" after "in Leeds"). Not "in Tlaquepaque" after "in
    Guadalajara", nor "in the State of Mexico" after "in Mexico City": another
    place, and another event (review r93, #3).
    """
    said = " ".join(t.lower_ for t in words)
    if any(m.text.lower() in said for m in here):
        return True
    if len(words) > 1 and words[0].lower_ in _SIDES:
        return True  # "in West Yorkshire" after "in Leeds": a region of a side
    if any(t.lower_ in _VENUE_WORDS for t in words):
        return True
    return any(
        c.dep_ == "appos" and c.lemma_.lower() in _VENUE_WORDS for c in name.children
    )


def _name_words(owner: Any) -> tuple[list[Any], str | None]:
    """The words of the name ``owner`` heads, less titles, and a title's gender."""
    words, gender = [], None
    for t in owner.subtree:
        if t.dep_ not in ("compound", "flat") and t is not owner:
            continue
        title = t.lower_.rstrip(".")
        if title in _NAME_TITLES:
            gender = gender or _NAME_TITLES[title]
        else:
            words.append(t)
    return words, gender


def _targets_name(owner: Any, names: set[str], target: Target | None) -> bool:
    """Whether the name ``owner`` heads is the target's: "Salcedo", "Mr Ibarra".

    A name of the clause told, or one of the target's own names ("Rodrigo",
    "Ibarra", "Rodrigo Salcedo") that no other person of the text bears
    ("Rodrigo Guzmán, a farmer, was also held": review r65, M), and of the
    target's gender ("*Señora* Ibarra" is not Rodrigo's), or a nickname the
    text gave the target (:func:`_targets_nickname`).
    """
    words, gender = _name_words(owner)
    if not words:
        return False
    if _other_gender(gender, target):
        return False
    if any(t.lower_ in names for t in words):
        return True
    if all(_target_word(t, target) for t in words):
        return not _borne_by_another(owner, words, target)
    return _targets_nickname(owner, words, target)


def _other_gender(gender: str | None, target: Target | None) -> bool:
    """Whether ``gender`` ("he", "she") is not that of the target's given name."""
    if gender is None or target is None:
        return False
    return given_name_gender(target.name) not in (None, gender)


def _target_word(tok: Any, target: Target | None) -> bool:
    """Whether ``tok`` is one of the target's own names: "Rodrigo", "Ibarra"."""
    if target is None:
        return False
    return name_key(tok.text) in target.family_keys | target.given_keys


def _borne_by_another(owner: Any, words: list[Any], target: Target | None) -> bool:
    """Whether another person's name in the text holds one of ``words``.

    "*Rodrigo Guzmán*, a farmer, was also held. ...; police denied the arrest
    of Rodrigo": which Rodrigo, the text does not say.
    """
    keys = {name_key(t.text) for t in words}
    own = {t.i for t in owner.subtree}
    for e in owner.doc.ents:
        if e.label_ != "PERSON" or any(t.i in own for t in e):
            continue
        parts = [t for t in e if t.is_alpha and t.lower_ not in _NAME_TITLES]
        if any(name_key(t.text) in keys for t in parts) and not all(
            _target_word(t, target) for t in parts
        ):
            return True
    return False


def _targets_nickname(owner: Any, words: list[Any], target: Target | None) -> bool:
    """Whether the name ``words`` is a nickname the text gave the target.

    Spanish usage gives a wanted man a nickname with an article: "Rodrigo
    Salcedo Ibarra, alias *El Güero*", "Rodrigo '*El Güero*' Salcedo". Not one
    the text gives no one ("El Mencho"), nor another person ("Joaquín Guzmán,
    alias El Chapo", "Joaquín '*El Chapo*' Guzmán": review r65, M), as
    :func:`~geosleuth.read._toponym_uses.nickname_givers` finds whom it is given.
    """
    if target is None or len(words) < 2 or words[0].lower_ not in _NICKNAME_ARTICLES:
        return False
    nick = " ".join(t.text for t in words)
    givers = nickname_givers(doc_text(owner.doc), nick)
    keys = target.family_keys | target.given_keys
    return bool(givers) and all(name_key(w) in keys for w in givers)


#: Verbs by which a description names who it is: "the man *believed* to be
#: Salcedo", "the man *identified* as Salcedo", "the man they *believe* is
#: Salcedo".
_NAMING = frozenset({"believe", "identify", "think", "suspect", "say", "name"})


def _naming_clauses(owner: Any) -> list[Any]:
    """The clauses that may say who the description ``owner`` is.

    Its own ("the man *believed to be Salcedo*", "the man *who shot him*"), or
    one the parse hangs on the event ("the arrest of the man*, identified as
    Salcedo,*") or, with commas, on the verb that denies it ("the Navy denied
    the detention of the man*, identified as Salcedo*": a participle of
    naming after it, review r86, #7).
    """
    clauses = [c for c in owner.children if c.dep_ in ("acl", "relcl", "appos")]
    if owner.head.dep_ == "prep" and owner.head.lower_ == "of":
        event = owner.head.head
        clauses += [c for c in event.children if c.dep_ == "acl" and c.i > owner.i]
        if event.dep_ in ("dobj", "nsubjpass"):
            clauses += [
                c
                for c in event.head.children
                if c.dep_ == "advcl"
                and c.i > owner.i
                and c.tag_ == "VBN"
                and c.lemma_.lower() in _NAMING
            ]
    return clauses


def _the_one_named(owner: Any, names: set[str], target: Target | None) -> bool:
    """Whether the common noun ``owner`` is given the target's name.

    "the arrest of *the man believed to be Salcedo*", "*the man, identified as
    Salcedo,*", "*the man they believe is Salcedo*": a name of the target's
    is what it is said to be. Not "the man believed to be *his brother*" (or
    "*Salcedo's brother*", "*Guzmán*"), "the man *who shot at Salcedo*", nor a
    bare description ("the fugitive", "the man"): review r65, H1, H2.
    """
    clauses = _naming_clauses(owner)
    said = [
        v
        for c in clauses
        for v in c.subtree
        if v.pos_ in ("VERB", "AUX") and v.lemma_.lower() in _NAMING
    ]
    named = [
        t
        for v in said
        for t in v.subtree
        if (t.dep_ in ("attr", "oprd") and t.head.lemma_.lower() == "be")
        or (t.dep_ == "pobj" and t.head.lower_ == "as")
    ]
    if len(named) != 1 or named[0].pos_ != "PROPN":
        return False
    name = named[0]
    if any(c.dep_ in ("poss", "case") for c in name.children):
        return False
    gender = {"man": "he", "woman": "she"}.get(owner.lemma_.lower())
    if _other_gender(gender, target):
        return False
    return _targets_name(name, names, target)


#: Pronouns of owners that may be the one told, whatever its gender: "*their*
#: arrest".
_PLURAL_OWNERS = frozenset({"their", "them"})


def gender_told(before: Any) -> str | None:
    """The gender of the subject of the clause ``before``, or None if unknown.

    "*he* was arrested": "he"; "*Jane Doe* was arrested": "she" (by her given
    name); "*Salcedo* was arrested": None, which any "his" or "her" may own.
    """
    subj = next((c for c in before.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    if subj.lower_ in GENDER_OF:
        return GENDER_OF[subj.lower_]
    if subj.pos_ != "PROPN":
        return None
    words = [t for t in subj.subtree if t.dep_ in ("compound", "flat") or t is subj]
    return given_name_gender(" ".join(t.text for t in words))
