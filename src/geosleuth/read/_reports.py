"""Reports of a statement: hearsay, and reports called true or untrue.

A *report* is a noun whose content clause states something: "reports *that
she is in Denver*", "a tip *that she was living in Leeds*", "claims that",
"rumours that" (:data:`REPORT_NOUNS`). What the text does with the report
decides what the statement is worth:

- called untrue, by a predicate ("reports that ... *were false*", "... *turned
  out to be unfounded*", "... *were propaganda*") or by the verb whose object
  it is ("*denied* reports that", "*dismissed*", "*rejected*", "*ruled out*",
  "*laughed off*", "*called* reports that ... *nonsense*", "*described*
  reports that ... *as propaganda*", "*calling* reports that ... *rumours*",
  the judgement before the report: "*dismissed as false* a post claiming"):
  the statement is denied
  (:func:`report_called_untrue`), and whoever rebuts it speaks
  (:func:`judges_a_report`: "*Police* dismissed reports that ...");
- called true ("reports that ... *were credible*", "*confirmed* reports
  that", "*described* reports that ... *as credible*"): the speaker vouches
  for it (:func:`report_called_true`), and speaks;
- neither ("There are reports that", "Police are investigating reports that",
  "Police received a tip that"): hearsay, no surer than "claims that" or
  "rumours that" (:func:`report_of`). So is what unnamed media had reported
  ("Bosnian media had reported that", "local newspapers have reported that",
  "media reports said that"): an earlier report that the article recounts,
  relayed from others, as a report is; not a named outlet ("Reuters had
  reported"), a state's own voice ("state media had reported"), nor media
  that the article takes as the source of what it tells ("Jane Doe was seen in
  Mosul, local media reported").

A thing may say the statement by a participle (:func:`said_by`): "a post
*claiming* she was in York", "reports *saying* she was in York". It is a report
as one with a content clause is when the participle makes what it says a claim
("claiming", "alleging", "purporting") or the thing is a report ("Police are
investigating a post claiming she was in York": hearsay), and whoever rebuts the
thing speaks, whatever its participle ("*Police* dismissed a post saying she was
in York"); a thing that only says it ("Police released a statement saying she
was in York") is its author's word, left to the other rules.

A negated verb neither rebuts nor confirms ("did not deny reports that").
Used by :mod:`geosleuth.read.attribution`, :mod:`geosleuth.read.life`,
:mod:`geosleuth.read.sightings` and :mod:`geosleuth.read.whereabouts`.

Examples
--------
>>> "tip" in REPORT_NOUNS, "dismiss" in REBUTTING_LEMMAS, "propaganda" in UNTRUE_WORDS
(True, True, True)
>>> "information" in REPORT_NOUNS  # "no information that" is absence of evidence
False
"""

from __future__ import annotations

from typing import Any

from geosleuth.read._doc_text import doc_text

__all__ = [
    "REBUTTING_LEMMAS",
    "REPORT_NOUNS",
    "SAYING_LEMMAS",
    "UNTRUE_WORDS",
    "authored",
    "claimed_by",
    "claiming_thing",
    "issues_saying",
    "judges_a_report",
    "report_called_true",
    "report_called_untrue",
    "report_of",
    "unjudged_report",
    "said_by",
    "saying_participle",
    "spoken_of",
    "told_of",
    "vouched_for",
]

#: Nouns for a report of a statement: "reports that", "a tip that".
REPORT_NOUNS = frozenset(
    {"report", "rumour", "rumor", "claim", "tip", "suggestion", "speculation",
     "allegation", "story", "account", "assertion", "word"}
)  # fmt: skip
#: Words that call a report untrue: "reports that ... were false", "the tip turned
#: out to be unfounded", "called reports that ... nonsense", "described reports
#: that ... as propaganda".
UNTRUE_WORDS = frozenset(
    {"false", "untrue", "unfounded", "baseless", "groundless", "wrong", "incorrect",
     "inaccurate", "erroneous", "bogus", "fabricated", "hoax", "mistaken",
     "nonsense", "rubbish", "propaganda", "lie", "lies", "fake", "fiction",
     "fabrication", "fabrications", "misinformation", "disinformation", "absurd",
     "ridiculous", "fantasy", "invented"}
)  # fmt: skip
#: Words of hearsay by which a speaker, judging a report, calls it untrue:
#: "calling reports that she had fled to France *rumours*".
_HEARSAY_WORDS = frozenset(
    {"rumour", "rumours", "rumor", "rumors", "speculation", "gossip", "hearsay"}
)
#: Words that call a report true: "reports that ... were credible".
_TRUE_WORDS = frozenset(
    {"true", "credible", "accurate", "correct", "reliable", "genuine", "right",
     "well-founded", "confirmed", "verified"}
)  # fmt: skip
#: Verbs that rebut the report that is their object: "denied reports that",
#: "dismissed claims that".
REBUTTING_LEMMAS = frozenset(
    {"deny", "dismiss", "refute", "reject", "debunk", "discount", "dispute",
     "rubbish", "ridicule", "deride"}
)  # fmt: skip
#: Verbs that rebut a report with a particle: "ruled out reports that", "laughed
#: off reports that", "brushed aside claims that".
_REBUTTING_WITH = {
    "rule": frozenset({"out"}),
    "laugh": frozenset({"off"}),
    "brush": frozenset({"off", "aside"}),
    "shrug": frozenset({"off"}),
    "wave": frozenset({"off", "away", "aside"}),
}
#: Verbs that rebut a report at a preposition's object: "scoffed at reports that".
_REBUTTING_AT = frozenset({"scoff", "laugh", "sneer"})
#: Verbs that judge the report that is their object with the word after it:
#: "called reports that ... *nonsense*", "described reports that ... *as
#: propaganda*".
_JUDGING_LEMMAS = frozenset(
    {"call", "describe", "label", "brand", "term", "characterise", "characterize",
     "denounce", "dismiss", "slam", "decry", "condemn", "regard", "consider",
     "deem", "view"}
)  # fmt: skip
#: Verbs that confirm the report that is their object: "confirmed reports that".
_CONFIRMING_LEMMAS = frozenset({"confirm", "corroborate", "verify", "substantiate"})
#: Words after which a judging verb's word is a judgement: "as propaganda".
_AS = frozenset({"as"})
_RELATIVE = frozenset({"that", "which", "who", "whom"})
#: Links of a word that make it a noun, whatever its tag: "waved away *reports*".
_NOUN_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj", "attr"})


#: Unnamed media, whose report relays what others told them: "Bosnian *media*
#: had reported that", "local *newspapers* reported that".
_MEDIA = frozenset(
    {"media", "press", "newspaper", "newspapers", "paper", "papers", "tabloid",
     "tabloids", "outlet", "outlets"}
)  # fmt: skip
#: Words that make media a state's own voice ("*state* media reported"), or a
#: report one of the media ("*media* reports said", "*news* reports said").
_OWN_VOICE = frozenset({"state", "official", "government", "state-run"})
_OF_MEDIA = frozenset({"media", "news", "press", "newspaper", "local"})
#: Verbs by which media, or their reports, say what they heard.
_RELAYING_LEMMAS = frozenset({"report", "say", "claim", "suggest"})


def _perfect(verb: Any) -> bool:
    """Whether ``verb`` is in a perfect tense: "had reported", "have reported"."""
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children
    )


def _media_report(clause: Any) -> Any | None:
    """The verb by which unnamed media had reported ``clause`` (a verb), if any.

    "Bosnian media had *reported* that Vuković was seen in Foca", "*Media
    reports said* she was in Leeds": the complement of a verb of reporting, not
    negated, whose subject is unnamed media (:data:`_MEDIA`, not "state media")
    in a perfect tense ("had reported", "have reported": a report recounted),
    or their reports.
    """
    verb = clause.head
    if (
        clause.dep_ != "ccomp"
        or verb.i == clause.i
        or verb.pos_ != "VERB"
        or _negated(verb)
    ):
        return None
    lemma = verb.lemma_.lower()
    for subj in (c for c in verb.children if c.dep_ == "nsubj"):
        words = {c.lower_ for c in subj.children if c.dep_ in ("amod", "compound")}
        head = subj.lemma_.lower()
        media = {head, subj.lower_} & _MEDIA  # the lemma of "media" is "medium"
        if media and lemma == "report" and not words & _OWN_VOICE and _perfect(verb):
            return verb
        if head == "report" and lemma in _RELAYING_LEMMAS and words & _OF_MEDIA:
            return verb
    return None


#: Participles by which a thing says what their clause states: "a post
#: *claiming* she was in York", "reports *saying* she was in York".
SAYING_LEMMAS = frozenset(
    {"claim", "say", "suggest", "allege", "state", "purport", "assert", "report"}
)
#: ... of them, those that make what is said a claim, whoever says it: "a post
#: *claiming* she was in York", "a letter *alleging* that".
_CLAIMING_LEMMAS = frozenset({"claim", "allege", "purport"})


def said_by(clause: Any) -> Any | None:
    """The thing that says ``clause`` (a parsed verb) by a participle, if any.

    "a post *claiming* Jane Doe *was* in York", "reports *saying* she *was* in
    York": the clause is the complement of a participle of saying
    (:data:`SAYING_LEMMAS`), not negated, that describes a noun; the noun is
    returned. So is the infinitive of one that makes it a claim, which the
    thing says of itself: "a witness *claiming to have seen* her". Not "she
    was claiming" (no noun), nor "a post not claiming". The participle is
    :func:`saying_participle`'s.
    """
    saying = saying_participle(clause)
    return None if saying is None else saying.head


def saying_participle(clause: Any) -> Any | None:
    """The participle by which a thing says ``clause`` (:func:`said_by`), if any.

    "a post *claiming* Jane Doe was in York": the clause's head. Or, where the
    parse took the thing, its participle and the one it speaks of for the
    clause's subject (:func:`_subject_saying`: "*Posts claiming* Jane Doe was
    in York circulated on Monday"), the participle in that subject.
    """
    saying = clause.head
    if (
        not (
            clause.dep_ == "ccomp"
            # "a witness claiming to have seen her": the thing says it of itself
            or (clause.dep_ == "xcomp" and saying.lemma_.lower() in _CLAIMING_LEMMAS)
        )
        or saying.i == clause.i
        or saying.dep_ != "acl"
        or saying.tag_ != "VBG"
        or saying.lemma_.lower() not in SAYING_LEMMAS
        or _negated(saying)
        or saying.head.pos_ not in ("NOUN", "PROPN")
    ):
        return _subject_saying(clause)
    return saying


def claimed_by(cue: Any) -> str | None:
    """The thing that claims what the word ``cue`` states by a participle, if hearsay.

    "A *post claiming* Jane Doe was dead was shared widely", "*reports saying*
    she had died", "a post claiming she *is* alive": ``cue`` is in the clause a
    thing says by a participle (:func:`saying_participle`), the participle makes
    it a claim or the thing is a report: what the thing claims, not the
    article's word. The clause is the cue's verb, or the cue; or, where the parse
    took an adjective for an adverb of a verb of the clause ("A post claiming he
    was *dead circulated* on Monday"), that verb. Returns the thing and its
    participle ("a post claiming", "Posts claiming"); None otherwise ("Police
    released a statement saying she had died": its author's word).
    """
    thing = claiming_thing(cue)
    if thing is None or vouched_for(cue):
        return None
    saying = next(c for c in thing.children if c.dep_ == "acl" and c.tag_ == "VBG")
    if thing.tag_ in ("NNS", "NNPS"):
        return f"{thing.text} {saying.text}"  # "Posts claiming"
    return f"a {thing.text} {saying.text}"


def vouched_for(cue: Any) -> bool:
    """Whether the thing that claims what ``cue`` states is called true.

    "Police said posts claiming he was dead *were accurate*", "The army
    *confirmed* reports saying he was alive" (:func:`report_called_true`): the
    one who vouches for the claim makes it its own word, no hearsay.
    """
    clause = cue.head if cue.dep_ in ("acomp", "attr", "oprd") else cue
    if report_called_true(clause) is not None:
        return True
    return bool(
        cue.dep_ == "advmod"
        and cue.pos_ == "ADJ"
        and report_called_true(cue.head) is not None
    )


#: Verbs by which one puts out a document of one's own: "*filed* a motion
#: claiming", "*released* a statement saying", "*issued* a communiqué".
_ISSUING_LEMMAS = frozenset(
    {"file", "submit", "lodge", "issue", "release", "publish", "sign", "send"}
)  # fmt: skip


def authored(thing: Any) -> bool:
    """Whether the thing ``thing`` that says something is put out by a subject.

    "*Her lawyer filed* a motion claiming he is alive", "*Police released* a
    statement saying she had died": the object of a verb of putting out a
    document (:data:`_ISSUING_LEMMAS`) with a subject of its own, not negated,
    whose subject speaks by it (:func:`issues_saying`): a report so put out
    ("Police filed a report saying") is no hearsay. Not "a post claiming she
    was in York circulated", nor "Police *investigated* a post claiming".
    """
    verb = thing.head
    return bool(
        thing.dep_ == "dobj"
        and verb.pos_ == "VERB"
        and verb.lemma_.lower() in _ISSUING_LEMMAS
        and not _negated(verb)
        and any(c.dep_ == "nsubj" for c in verb.children)
        and not _others_thing(thing)
    )


#: Words that call a thing put out no one's, or unchecked: "an *anonymous*
#: tip", "an *unverified* report".
_UNVOUCHED = frozenset(
    {"anonymous", "unverified", "unconfirmed", "unsourced", "unsigned",
     "purported", "alleged", "unattributed", "unsubstantiated"}
)  # fmt: skip
#: Things put out that are others' word by kind: "Police published a *tip*".
_OTHERS_THINGS = frozenset({"tip", "tipoff", "tip-off", "rumour", "rumor"})


def _others_thing(thing: Any) -> bool:
    """Whether the thing ``thing`` put out is another's word, or one unchecked.

    "Police released a statement *from her family*", "a letter *from her
    kidnappers*", "a statement *written by his lawyer*": its author is named,
    who is not the one that puts it out; "an *anonymous* tip", "an
    *unverified* report": no one's word that the one who puts it out vouches for.
    """
    if thing.lemma_.lower() in _OTHERS_THINGS:
        return True
    for c in thing.children:
        if c.dep_ == "amod" and c.lower_ in _UNVOUCHED:
            return True
        if c.dep_ == "prep" and c.lower_ in ("from", "by"):
            return True
        if c.dep_ == "acl" and any(
            g.dep_ == "agent" or (g.dep_ == "prep" and g.lower_ == "by")
            for g in c.children
        ):
            return True  # "a statement *written by* his lawyer"
    return False


def issues_saying(verb: Any) -> bool:
    """Whether ``verb`` puts out a thing that says a clause, which its subject says.

    "Her lawyer *filed* a motion claiming he is alive": the thing, the
    verb's object (:func:`authored`), says the clause by a participle of
    saying (:data:`SAYING_LEMMAS`).

    Examples
    --------
    >>> from types import SimpleNamespace as T
    >>> issues_saying(T(children=[]))
    False
    """
    for thing in verb.children:
        if thing.dep_ != "dobj" or not authored(thing):
            continue
        for saying in (*thing.children, *_set_apart(verb, thing)):
            if (
                saying.dep_ in ("acl", "advcl")
                and saying.tag_ == "VBG"
                and saying.lemma_.lower() in SAYING_LEMMAS
                and any(c.dep_ == "ccomp" for c in saying.children)
            ):
                return True
    return False


def _set_apart(verb: Any, thing: Any) -> list[Any]:
    """The participles of ``verb`` after its object ``thing`` and a date between.

    "The army released a statement *on Monday* saying ...": the parse may hang
    the participle of the statement on the verb, past the date.
    """
    return [
        c
        for c in verb.children
        if c.dep_ == "advcl"
        and c.i > thing.i
        and all(
            t.ent_type_ in ("DATE", "TIME") or t.dep_ == "prep" or t.is_punct
            for t in verb.doc[thing.right_edge.i + 1 : c.i]
        )
    ]


def claiming_thing(cue: Any) -> Any | None:
    """The noun of the thing of :func:`claimed_by` ("post"), or None."""
    clause = cue.head if cue.dep_ in ("acomp", "attr", "oprd") else cue
    saying = saying_participle(clause)
    if saying is None and cue.dep_ == "advmod" and cue.pos_ == "ADJ":
        saying = saying_participle(cue.head)
    if saying is None:
        return None
    thing = saying.head
    if saying.lemma_.lower() not in _CLAIMING_LEMMAS and (
        thing.lemma_.lower() not in REPORT_NOUNS or authored(thing)
    ):
        # "a statement saying she had died", "Police filed a report saying": its
        # author's word ("Her lawyer filed a motion *claiming* he is alive" is
        # the lawyer's claim, no surer than "claims")
        return None
    return thing


#: Verbs by which a speaker tells something: "Police *said* a post ... was
#: being investigated".
_TELLING_LEMMAS = frozenset({"say", "tell", "add", "state", "announce"})


def told_of(noun: Any) -> bool:
    """Whether a speaker tells only of the report ``noun``, not what it says.

    "Police said *a post claiming she was in York* was being investigated":
    the report (or thing that claims) is the subject of the clause that a verb
    of saying reports (:data:`_TELLING_LEMMAS`), so what the report says is
    hearsay, not the speaker's word. The caller has found the report judged
    neither true nor untrue ("Police said a post claiming ... was genuine"
    is their word).
    """
    head = noun.head
    return bool(
        noun.dep_ in ("nsubj", "nsubjpass")
        and head.dep_ == "ccomp"
        and head.head.pos_ == "VERB"
        and head.head.lemma_.lower() in _TELLING_LEMMAS
    )


def _subject_saying(clause: Any) -> Any | None:
    """The participle of saying that the parse put in the subject of ``clause``.

    "*Posts claiming* Jane Doe was in York circulated on Monday": the parse may
    take "Posts claiming Jane Doe" for the subject of "was", the one the clause
    speaks of for the participle's object, and the sentence's own verb
    ("circulated") for a clause of "was". The clause is then what the posts
    say, as "A post claiming Jane Doe was in York" is. The subject is a noun
    before the clause, the participle (:data:`SAYING_LEMMAS`, not negated) one
    of its own, and its object a name or a pronoun between the participle and
    the clause: not "Men *claiming the reward* were in York", whose men were
    there.
    """
    if clause.pos_ not in ("VERB", "AUX"):
        return None
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if len(subjects) != 1 or subjects[0].pos_ != "NOUN" or subjects[0].i > clause.i:
        return None
    for saying in subjects[0].children:
        if (
            saying.dep_ == "acl"
            and saying.tag_ == "VBG"
            and saying.lemma_.lower() in SAYING_LEMMAS
            and not _negated(saying)
            and any(
                c.dep_ in ("dobj", "obj")
                and c.pos_ in ("PROPN", "PRON")
                and saying.i < c.i < clause.i
                for c in saying.children
            )
            # not "a post claiming Jane Doe *was in York* was being
            # investigated", whose participle has its clause already
            and not any(c.dep_ in ("ccomp", "xcomp") for c in saying.children)
        ):
            return saying
    return None


def spoken_of(clause: Any) -> Any | None:
    """The one ``clause`` speaks of where the parse took it for a participle's object.

    "Posts claiming *Jane Doe* was dead were shared widely": the object of the
    participle that the parse put in the clause's subject
    (:func:`_subject_saying`), who is the one the clause is about. None for
    any other clause.
    """
    saying = _subject_saying(clause)
    if saying is None:
        return None
    return next(
        c
        for c in saying.children
        if c.dep_ in ("dobj", "obj") and c.pos_ in ("PROPN", "PRON")
    )


def report_of(clause: Any) -> Any | None:
    """The report noun whose content clause is ``clause`` (a parsed verb), if any.

    "reports *that Jane Doe is* in Denver", "a tip *that she was living* in
    Leeds": a clause of the noun with a subject of its own. A relative clause
    whose subject is the relative pronoun tells what the report did, not what it
    says ("the report *that was published* on Monday"), and a participle
    describes the report ("a report *based* on census data"). What unnamed
    media report is a report too: the verb is returned ("Bosnian media had
    *reported* that she was seen in Foca": :func:`_media_report`). So is a
    thing that says the clause by a participle (:func:`said_by`) when the
    participle makes it a claim ("Police are investigating *a post claiming*
    she was in York") or the thing is a report ("*reports saying* she was in
    York"); not "a statement saying", which is its author's word. None for any
    other clause.
    """
    media = _media_report(clause)
    if media is not None:
        return media
    saying = saying_participle(clause)
    if saying is not None:
        thing = saying.head
        claiming = saying.lemma_.lower() in _CLAIMING_LEMMAS
        if clause.dep_ == "xcomp":
            # "a witness *claiming to have seen* her": the thing's own claim
            return thing if claiming else None
        if (
            claiming or (thing.lemma_.lower() in REPORT_NOUNS and not authored(thing))
        ) and (_content_subject(clause) or _object_for_subject(clause)):
            return thing
        return None
    noun = clause.head
    if (
        noun.lower_ in ("another", "one")
        and noun.dep_ == "conj"
        and noun.head.lemma_.lower() in REPORT_NOUNS
        and clause.dep_ in ("acl", "ccomp", "relcl")
    ):
        # "a tip that he was near Pljevlja, and *another that he was* in
        # Žabljak": the second tip's clause, which the parse hangs on "another"
        noun = noun.head
        return noun if _content_subject(clause) else None
    if (
        clause.dep_ not in ("acl", "ccomp", "relcl")
        or noun.i == clause.i
        # the tagger may take "reports" for a verb where it is an object
        or (noun.pos_ not in ("NOUN", "PROPN") and noun.dep_ not in _NOUN_DEPS)
        or noun.lemma_.lower() not in REPORT_NOUNS
    ):
        return None
    if not _content_subject(clause):
        # "a report *based* on census data": a participle that describes the
        # report; "the report *that was published*": what the report did
        return None
    return noun


def _object_for_subject(clause: Any) -> bool:
    """Whether the parse took the subject of ``clause`` for its head's object.

    "A post claiming *Jane Doe* was in York was shared": the parse may make
    "Jane Doe" the object of "claiming", and "was in York" a clause with no
    subject; the object, before the clause, is its subject.
    """
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
        return False
    return any(
        c.dep_ in ("dobj", "obj") and c.i < clause.i for c in clause.head.children
    )


def _content_subject(clause: Any) -> bool:
    """Whether ``clause`` has a subject of its own that is no relative pronoun."""
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    return bool(subjects) and not any(c.lower_ in _RELATIVE for c in subjects)


#: Verbs whose infinitive is not done: "*refused to* dismiss reports that",
#: "*declined to* confirm", "*failed to* rule out".
_WITHHOLDING_LEMMAS = frozenset({"refuse", "decline", "fail"})


def _negated(verb: Any) -> bool:
    """Whether ``verb`` is negated, or withheld: "did not dismiss", "refused to"."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _WITHHOLDING_LEMMAS


def _rebutted_by(noun: Any) -> str | None:
    """The words of the verb that rebuts the report ``noun`` as its object."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "as":
        word = _judged_before(noun, UNTRUE_WORDS | _HEARSAY_WORDS)
        return None if word is None else f"{head.head.text} as {word}"
    if noun.dep_ == "pobj" and head.lower_ == "at":
        verb = head.head  # "scoffed at reports that"
        if verb.pos_ == "VERB" and verb.lemma_.lower() in _REBUTTING_AT:
            return None if _negated(verb) else f"{verb.text} at"
        return None
    if noun.dep_ != "dobj" or head.pos_ != "VERB" or _negated(head):
        return None
    lemma = head.lemma_.lower()
    if lemma in REBUTTING_LEMMAS:
        return str(head.text)
    particles = _REBUTTING_WITH.get(lemma, frozenset())
    # "brushed aside": the tagger may take the particle for an adverb
    for prt in head.children:
        if prt.dep_ in ("prt", "advmod") and prt.lower_ in particles:
            return f"{head.text} {prt.text}"
    if lemma in _JUDGING_LEMMAS:
        word = _judgement(head, noun, UNTRUE_WORDS | _HEARSAY_WORDS)
        if word is not None:
            return f"{head.text} ... {word}"
    return None


def _judged_before(noun: Any, words: frozenset[str]) -> str | None:
    """The word of ``words`` by which a verb judges ``noun`` before naming it.

    "Police dismissed *as false* a post claiming she was in York", "described
    *as credible* reports that": the parse makes the report the object of "as",
    with the word between them. The verb rebuts or judges
    (:data:`REBUTTING_LEMMAS`, :data:`_JUDGING_LEMMAS`), and is not negated.
    """
    prep = noun.head
    verb = prep.head
    if (
        noun.dep_ != "pobj"
        or prep.lower_ not in _AS
        or prep.dep_ != "prep"
        or verb.pos_ != "VERB"
        or _negated(verb)
        or verb.lemma_.lower() not in REBUTTING_LEMMAS | _JUDGING_LEMMAS
    ):
        return None
    between = noun.doc[prep.i + 1 : noun.i]
    word = next(
        (t for t in between if t.lower_ in words or t.lemma_.lower() in words), None
    )
    return None if word is None else str(word.text)


def _judgement(verb: Any, noun: Any, words: frozenset[str]) -> str | None:
    """The word of ``words`` by which ``verb`` judges its object ``noun``, if any.

    The word comes after the noun in the verb's phrase, and either after "as"
    ("described reports that ... *as propaganda*") or last in the phrase
    ("called reports that ... *false*", "... *"nonsense"*."), where the parse
    may have hung it anywhere.
    """
    toks = [t for t in verb.subtree if t.i > noun.i]
    words_of = [t for t in toks if not (t.is_punct or t.is_quote)]
    for k, tok in enumerate(words_of):
        if tok.lower_ not in words and tok.lemma_.lower() not in words:
            continue
        before = words_of[k - 1] if k > 0 else None
        if before is not None and before.lower_ in _AS:
            return str(tok.text)
        if k + 1 == len(words_of) and (
            before is None
            or (
                before.lower_ not in ("not", "n't", "never")
                and before.pos_ not in ("AUX", "ADP", "PRON")
                # "... where he spread lies.": the word is the clause's own
                # object; not after a passive ("was killed "nonsense"")
                and not (
                    before.pos_ == "VERB"
                    and not any(c.dep_ == "auxpass" for c in before.children)
                )
            )
        ):
            return str(tok.text)
    return None


def report_called_untrue(clause: Any) -> str | None:
    """The words that call the report holding ``clause`` untrue, if they do.

    ``clause`` is the verb of a content clause of a report noun ("reports *that
    Jane Doe was in Denver*", "a tip that she *was living* in Leeds"). The report
    is called untrue when the noun is the subject of a predicate that says so
    ("... were false", "... turned out to be unfounded", "proved wrong", "were
    propaganda"), or the object of a verb that rebuts it ("denied reports that",
    "dismissed claims that", "ruled out reports that", "laughed off reports
    that", "called reports that ... nonsense", "described reports that ... as
    propaganda"), not negated. Returns the words (e.g. ``"were false"``,
    ``"ruled out"``), or None.
    """
    noun = report_of(clause)
    if noun is None:
        return None
    if noun.dep_ in ("dobj", "pobj"):
        return _rebutted_by(noun)
    rebutting = _rebutting_above(noun, clause)
    if rebutting is not None:
        return rebutting
    return _predicate(noun, UNTRUE_WORDS, clause)


def _rebutting_above(noun: Any, clause: Any) -> str | None:
    """The verb rebutting the thing ``noun`` that the parse made ``clause``'s subject.

    "Police debunked posts claiming he was dead": the parse may read "posts
    claiming he" as the subject of "was" and the clause as what "debunked"
    says; the thing (:func:`_subject_saying`) comes right after the verb,
    which rebuts it (:data:`REBUTTING_LEMMAS`) as its object.
    """
    verb = clause.head
    if (
        clause.dep_ != "ccomp"
        or verb.pos_ != "VERB"
        or verb.lemma_.lower() not in REBUTTING_LEMMAS
        or _negated(verb)
        or _subject_saying(clause) is None
        or noun.left_edge.i != verb.i + 1
    ):
        return None
    return str(verb.text)


def report_called_true(clause: Any) -> str | None:
    """The words that call the report holding ``clause`` true, if they do.

    "reports that Jane Doe was in Denver *were credible*", "*confirmed* reports
    that she was in Denver". Returns the words, or None.
    """
    noun = report_of(clause)
    if noun is None:
        return None
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in _AS:
        word = _judged_before(noun, _TRUE_WORDS)  # "described as credible reports"
        return None if word is None else f"{head.head.text} as {word}"
    if noun.dep_ == "dobj" and head.pos_ == "VERB":
        lemma = head.lemma_.lower()
        if lemma in _CONFIRMING_LEMMAS and not _negated(head):
            return str(head.text)
        if lemma in _JUDGING_LEMMAS:
            word = _judgement(head, noun, _TRUE_WORDS)
            return None if word is None else f"{head.text} ... {word}"
        return None
    return _predicate(noun, _TRUE_WORDS, clause)


def _predicate(noun: Any, words: frozenset[str], clause: Any) -> str | None:
    """The words of the predicate of the subject ``noun`` that say ``words``.

    "were false", "turned out to be false"; a predicate that says the opposite
    of the other set, negated, says it too ("were not true" is untrue), and one
    of this set negated does not ("were not false"). Where the parse made the
    thing that says ``clause`` its subject (:func:`_subject_saying`: "Posts
    claiming Jane Doe was in York *were false*"), the predicate is the verb
    joined to the clause.
    """
    head = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or head.i == noun.i:
        return None
    if head.i == clause.i:
        found = _thing_predicate(clause)
        if found is None:
            return None
        head = found
        rebutted = _rebutting_passive(head)
        if rebutted is not None:
            # "Posts claiming he had been killed *were debunked* by police"
            return rebutted if words is UNTRUE_WORDS else None
    aux = [c for c in head.children if c.dep_ == "auxpass"]
    if aux and head.lower_ in words and not _negated(head):
        # "Police said posts claiming he had been killed *were fabricated*", "a
        # post claiming she was in York *had been verified*"
        return str(doc_text(head.doc)[aux[0].idx : head.idx + len(head.text)])
    other = _TRUE_WORDS if words is UNTRUE_WORDS else UNTRUE_WORDS
    todo, seen, negated = [head], 0, False
    while todo and seen < 6:
        tok = todo.pop()
        seen += 1
        negated = negated or _negated(tok)
        for c in tok.children:
            said = {c.lower_, c.lemma_.lower()}
            if c.lower_ == "case":  # "turned out to be a case of mistaken identity"
                said |= {t.lower_ for t in c.subtree}
            if c.dep_ == "attr" and c.lower_ == "news":  # "were fake news"
                said |= {a.lower_ for a in c.children if a.dep_ == "amod"}
            if c.dep_ in ("acomp", "attr", "oprd") and said & (words | other):
                if bool(said & words) != negated:
                    return str(doc_text(head.doc)[head.idx : c.idx + len(c.text)])
                return None
            if c.dep_ in ("xcomp", "acomp", "attr") and c.pos_ in ("VERB", "AUX"):
                todo.append(c)
    return None


def _thing_predicate(clause: Any) -> Any | None:
    """The verb of the thing's predicate, where the parse made it ``clause``'s subject.

    "Posts claiming Jane Doe was in York *were* false" (:func:`_subject_saying`):
    the parse joins the thing's verb to the clause ("conj"), hangs it on the
    clause ("advcl", "ccomp": "Posts claiming he had died *proved* false"), or
    on the verb above the clause beside it ("Police said posts claiming he had
    been killed *were* false", both complements of "said"). The first such verb
    after the clause's own; None if none.
    """
    found = [
        c
        for c in clause.children
        if c.dep_ in ("conj", "advcl", "ccomp")
        and c.pos_ in ("VERB", "AUX")
        and c.i > clause.i
    ]
    if not found and clause.dep_ in ("ccomp", "conj"):
        found = [
            c
            for c in clause.head.children
            if c.dep_ in ("ccomp", "conj")
            and c.pos_ in ("VERB", "AUX")
            and c.i > clause.i
        ]
    return min(found, key=lambda c: c.i) if found else None


def _rebutting_passive(verb: Any) -> str | None:
    """The words of ``verb`` where it is a passive that rebuts: "were *debunked*"."""
    aux = [c for c in verb.children if c.dep_ == "auxpass"]
    if not aux or verb.lemma_.lower() not in REBUTTING_LEMMAS or _negated(verb):
        return None
    return str(doc_text(verb.doc)[aux[0].idx : verb.idx + len(verb.text)])


def judges_a_report(verb: Any) -> bool:
    """Whether ``verb`` calls a report that is its object untrue, or true.

    "Police *dismissed* reports that Jane Doe was in Denver", "*called*
    reports that ... nonsense", "*laughed off* claims that", "*described*
    reports that ... as credible": the verb's subject is the one who speaks
    (denies, or vouches). A report with no content clause ("Police dismissed
    the report.") is the denial of another statement, not one of its own.

    Examples
    --------
    >>> from types import SimpleNamespace as T
    >>> judges_a_report(T(lemma_="dismiss", children=[]))
    False
    """
    for c in verb.children:
        nouns = [c] if c.dep_ == "dobj" else []
        if c.dep_ == "prep" and c.lower_ in ("at", *_AS):
            # "scoffed at reports that", "dismissed as false a post claiming"
            nouns = [g for g in c.children if g.dep_ == "pobj"]
        for noun in nouns:
            for clause in noun.children:
                said = [g for g in clause.children if g.dep_ == "ccomp"]
                if any(said_by(g) is not None for g in said) and _rebutted_by(noun):
                    # "Police dismissed a post saying she was in York": the one
                    # who rebuts the thing denies what it said
                    return True
                of = report_of(clause)
                if (
                    of is not None
                    and of.i == noun.i
                    and (report_called_untrue(clause) or report_called_true(clause))
                ):
                    return True
    return False


def unjudged_report(tok: Any, *, up: frozenset[str], steps: int) -> str | None:
    """The report noun whose content holds ``tok``, if the text judges it not.

    "There are *reports* that Jane Doe is alive", "Police are investigating
    *reports* that she was seen": the report of :func:`report_of`, sought at
    ``tok`` and up to ``steps`` heads above it along the links ``up``; None
    when the text calls it true ("confirmed reports that", whose confirmer
    speaks) or untrue (a denial, read elsewhere), or when there is none.
    """
    for _ in range(steps):
        noun = report_of(tok)
        if noun is not None:
            judged = report_called_untrue(tok) or report_called_true(tok)
            return None if judged else str(noun.text)
        if tok.dep_ not in up or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None
