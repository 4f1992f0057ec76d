"""The speaker of a reporting verb, by its subject.

The subject of a reporting verb (:func:`_verb_speaker`) read as its speaker
(:func:`_subject_speaker`): the target, "he" or "she" for the speaker before, an
unnamed person or authority, or a name completed from the speakers seen so far;
a name before a verb that the parse left with no subject
(:func:`_stranded_speaker`, :func:`_phrase_start`: "..., her lawyer, Tom Briggs,
said"); and the person "according to" names (:func:`_according_speaker`). Used
by :mod:`geosleuth.read.attribution`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from geosleuth.read._doc_text import doc_text
from geosleuth.read._set_off import set_off_participle
from geosleuth.read.attribution._names import (
    OFFICIAL,
    _org_noun,
    _org_of,
    _role_span,
    _role_words,
    _span_text,
    _speaker_from_subject,
    _unnamed_speaker,
)
from geosleuth.read.attribution._reporting import (
    REPORT_NOUNS,
    _belief,
    verb_words,
)
from geosleuth.read.attribution._speakers import (
    TARGET_ROLE,
    Attribution,
    SpeakerRegistry,
)
from geosleuth.read.target import name_key

__all__: list[str] = []


#: Verbs of belief whose passive may name the believers: "is *thought* by
#: analysts to be in Durango".
_BELIEVED_BY = frozenset({"think", "believe", "suspect", "consider"})


def _believers_by(verb: Any) -> list[Any]:
    """The believers that the passive of belief ``verb`` names by "by", if any.

    "Salcedo is *thought by analysts* to be in Durango": the verb of belief
    (:data:`_BELIEVED_BY`) has a passive subject, the infinitive believed of it,
    and an agent, whose noun is returned. Not "is believed to be" (no one named).
    """
    deps = {c.dep_ for c in verb.children}
    if (
        verb.lemma_.lower() not in _BELIEVED_BY
        or not {
            "nsubjpass",
            "agent",
            "xcomp",
        }
        <= deps
    ):
        return []
    return [
        g for c in verb.children if c.dep_ == "agent" for g in c.children
        if g.dep_ == "pobj"
    ]  # fmt: skip


def _verb_speaker(
    verb: Any,
    registry: SpeakerRegistry,
    previous: Attribution | None,
    chain: tuple[str, ...],
    disputed: tuple[int, int] | None,
    consulted: set[str] | None,
) -> Attribution | None:
    """The attribution of the reporting ``verb`` by its subject, or None if none.

    The subject ("he"/"she" for the previous speaker, an unnamed person, an
    unnamed authority, a name) as :func:`attribute` reads it.
    """
    # a passive subject is what is said, not who says it: in "al-Baghdadi is
    # believed to be in Raqqa" the speaker is unnamed (the believers)
    heads = [verb]
    if _belief(verb) is verb:
        # the believers of "Police are convinced ...", the parse's passive,
        # which may hang them on its "are"
        heads += [c for c in verb.children if c.dep_ == "auxpass"]
    subjects = [
        c
        for h in heads
        for c in h.children
        if c.dep_ == "nsubj" or (len(heads) > 1 and c.dep_ == "nsubjpass")
    ]
    if not subjects and _shares_subject(verb):
        # "Police arrested him in Culiacán and *told reporters* ...", "Police
        # refused to discuss the case but *said* ...": the subject they share
        # ("Her brother was arrested in York and told police ...": the one
        # arrested)
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    believers = not subjects
    if not subjects:
        # "he is thought *by analysts* to be in Durango": the believers named
        subjects = _believers_by(verb)
    if not subjects:
        # "Salcedo, reported dead in 2017, *said* he is alive": the subject of
        # the phrase set off before the verb is the verb's own
        subjects = _set_off_subject(verb)
    subjects.sort(key=lambda c: (c.pos_ != "PROPN", c.i))
    for subj in subjects:
        found = _subject_speaker(
            subj, verb_words(verb), registry, previous, chain, disputed, consulted
        )
        if found is not None and believers:
            return _own_relative(verb, _without_when(found, subj), chain)
        if found is not None:
            return found
    if not subjects:
        quoted = _quoted(verb)
        if quoted is not None:
            said_by, outlet = quoted
            if outlet is not None and outlet not in chain:
                chain = (*chain, outlet)
            return _subject_speaker(
                said_by,
                verb_words(verb),
                registry,
                previous,
                chain,
                disputed,
                consulted,
            )
        return _stranded_speaker(verb, registry, chain, disputed, consulted)
    return None


def _shares_subject(verb: Any) -> bool:
    """Whether the reporting ``verb`` speaks by the subject of the verb it is joined to.

    "Police arrested him and *told reporters* ...": a verb joined to another,
    in the active voice, with no subject of its own; not "She is no longer in
    Raqqa and *is believed* to be in Mosul", whose believers are unnamed.
    """
    if not (
        verb.dep_ == "conj"
        and verb.head.pos_ in ("VERB", "AUX")
        and not any(
            c.dep_ in ("nsubj", "nsubjpass", "expl", "auxpass") for c in verb.children
        )
    ):
        return False
    # right after "and" or "but" ("and later told"); not "..., Prosecutor
    # Colleen Williams said", a speaker the parse left stranded before the verb
    k = verb.i - 1
    while k > verb.head.i and verb.doc[k].dep_ in ("advmod", "aux", "neg"):
        k -= 1
    return bool(verb.doc[k].dep_ == "cc" and verb.doc[k].head.i == verb.head.i)


def _own_relative(verb: Any, found: Attribution, chain: tuple[str, ...]) -> Attribution:
    """``found``, the believers of ``verb``, but for a relative clause of the believed.

    "Ag Alher, *who may be hiding in Algeria*, is believed by officials to be
    near Kidal": the officials believe what the infinitive says of him; the
    relative clause of the passive subject is the writer's word, a clause of
    its own with no speaker (:attr:`Attribution.clauses`).
    """
    relatives = [
        (c, r)
        for c in verb.children
        if c.dep_ == "nsubjpass"
        for r in c.children
        if r.dep_ == "relcl"
    ]
    if not relatives or found.clauses:
        return found
    doc = verb.doc
    # from the name, so that the clause refers to the one it tells of
    spans = tuple(
        (
            (
                doc[c.left_edge.i].idx,
                doc[r.right_edge.i].idx + len(doc[r.right_edge.i]),
            ),
            Attribution(chain=chain),
        )
        for c, r in relatives
    )
    return replace(found, clauses=spans)


def _without_when(found: Attribution, subj: Any) -> Attribution:
    """``found`` without the time that the parse hung on the believers ``subj``.

    "Salcedo was thought by analysts *in 2016* to be in Durango": the parse
    makes "in 2016" a phrase of "analysts"; it says when they thought so, not
    who they are, and dates the statement. The speaker's words end before it.
    """
    when = [
        c
        for c in subj.children
        if c.dep_ == "prep"
        and c.i > subj.i
        and any(g.ent_type_ in ("DATE", "TIME") for g in c.children)
    ]
    if not when or found.speaker is None:
        return found
    cut = when[0].idx
    words = found.speaker
    at = words.lower().rfind(f" {when[0].lower_} ")
    return replace(
        found,
        speaker=words[:at] if at > 0 else words,
        excluded=tuple((a, min(b, cut)) for a, b in found.excluded if a < cut),
    )


def _set_off_subject(verb: Any) -> list[Any]:
    """The subject of the set-off phrase that ``verb`` follows, if any.

    "Rodrigo Salcedo Ibarra, *reported dead in 2017*, said on Monday that he
    was in Culiacán": the parse takes the participle for the verb of the name
    and "said", with no subject of its own, for a verb joined to it
    (:func:`~geosleuth.read._set_off.set_off_participle`). The participle is
    no one's report; the name is the subject of "said", whose speaker it is.
    """
    if verb.dep_ != "conj" or any(c.dep_ == "auxpass" for c in verb.children):
        # not "Salcedo, sighted in Culiacán in 2016, *was declared* dead": what
        # is said of him, not his word
        return []
    set_off = set_off_participle(verb.head)
    if set_off is None or set_off[1].i != verb.i:
        return []
    return [set_off[0]]


#: Verbs by which one source gives another's words: "Reuters *quoted* an
#: official as saying", "*cited* Hisham al-Hashimi as saying".
_QUOTING_LEMMAS = frozenset({"quote", "cite"})


def _quoted(verb: Any) -> tuple[Any, str | None] | None:
    """Who is quoted as saying, by the reporting ``verb``, and who quotes them.

    "The BBC quoted Ahmed Saleh as saying that ...": Ahmed Saleh (the object
    of "quoted", or the passive subject of "was quoted by the BBC") speaks,
    through the outlet that quotes him (the subject of "quoted", as the
    reporting chain's link; "quoted by" is a chain already). Returns the word
    of the one quoted and the outlet's name (None when the parse names none),
    or None when ``verb`` is not the "saying" of "quoted ... as saying".
    """
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "as" or prep.dep_ != "prep":
        return None
    quoter = prep.head
    if quoter.lemma_.lower() not in _QUOTING_LEMMAS:
        return None
    said_by = [c for c in quoter.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    if not said_by:
        return None
    outlet = next((c for c in quoter.children if c.dep_ == "nsubj"), None)
    name = None
    if outlet is not None and outlet.pos_ == "PROPN":
        words = [t for t in outlet.subtree if t.dep_ != "det"]
        name = doc_text(outlet.doc)[words[0].idx : words[-1].idx + len(words[-1])]
    return said_by[0], name


#: Subjects of "suggests", "indicates" that are what shows it, not who says it:
#: "Evidence suggests that ...", "Everything indicates that ...", "All the signs
#: point to ...".
_WHAT_SHOWS = frozenset({"evidence", "everything", "sign", "indication"})


#: Nouns of hearsay that may be the subject of a reporting verb, which no one
#: says: "*Rumours* say", "*Reports* suggest", "*Speculation* suggests".
_HEARSAY_NOUNS = frozenset(
    {"rumour", "rumor", "report", "gossip", "speculation", "hearsay", "whisper"}
)


def _hearsay_subject(subj: Any) -> bool:
    """Whether the subject ``subj`` of a reporting verb is hearsay of no one.

    "*Rumours* say he is in Culiacán", "*Unconfirmed reports* say", "*Gossip*
    says": a common noun of hearsay (:data:`_HEARSAY_NOUNS`) with no author
    in its words, the parse's name at a sentence's start too ("Gossip", which
    the tagger may take for a person's). Not "*Police reports* say", "*Jane
    Doe's report* says", nor "*Reports from the army* say", whose author is
    named; nor "*Military reports* say" (an adjective of an author,
    :data:`_AUTHOR_ADJECTIVES`) or "*Reports by the army* say"; nor one report
    ("*A report* says"), a document that the article cites. A place where it
    goes round is no author ("*Rumours in Culiacán* say").
    """
    lemma = subj.lemma_.lower()
    if subj.pos_ == "PROPN" and subj.is_sent_start:
        lemma = subj.lower_.rstrip("s")  # "Gossip", "Rumours": not a name
    elif subj.pos_ != "NOUN" or subj.ent_type_:
        return False
    if lemma not in _HEARSAY_NOUNS or subj.lower_ == "report":
        return False
    # "Rumours *in Culiacán* say": where the rumour goes round, not its author
    # (not "Reports *in Mexican media*", which are the media's)
    where = {
        t.i
        for c in subj.children
        if c.dep_ == "prep"
        and c.lower_ in _WHERE_RUMOURED
        and any(g.ent_type_ in _PLACE_TYPES for g in c.children if g.dep_ == "pobj")
        for t in c.subtree
    }
    # "Reports *from Monday* say", "Reports *from social media* say": a date
    # or a source of no one is no author either
    where |= {
        t.i
        for c in subj.children
        if c.dep_ in ("prep", "agent")
        and c.lower_ in ("from", "by")
        and any(_no_author(g) for g in c.children if g.dep_ == "pobj")
        for t in c.subtree
    }
    return not any(
        t.ent_type_
        or t.dep_ in ("compound", "poss", "nmod")
        or (t.dep_ == "amod" and t.lemma_.lower() in _AUTHOR_ADJECTIVES)
        or (t.dep_ in ("prep", "agent") and t.lower_ in ("from", "by"))
        for t in subj.subtree
        if t.i != subj.i and t.i not in where
    )


#: Adjectives that name the author of reports: "*Military* reports say",
#: "*Official* reports say" (as "*Army* reports say" by a compound).
_AUTHOR_ADJECTIVES = frozenset(
    {"military", "official", "government", "governmental", "police", "army",
     "ministerial", "federal", "diplomatic", "judicial", "naval"}
)  # fmt: skip
#: Kinds of names of places: "Rumours in *Culiacán*".
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
#: Prepositions of where a rumour goes round: "Rumours *in* Culiacán say".
_WHERE_RUMOURED = frozenset({"in", "across", "around", "throughout", "among"})


#: Words before "sources" of reports that say they are no one's: "Reports from
#: *anonymous* sources", "from *unverified* sources".
_UNVOUCHED_SOURCES = frozenset(
    {"anonymous", "unverified", "unconfirmed", "unsourced", "unattributed",
     "unsubstantiated"}
)  # fmt: skip
#: Where posts come from that no one vouches for: "Reports from social *media*".
_POSTED_ON = frozenset({"media", "medium", "network", "networks", "internet"})


def _no_author(obj: Any) -> bool:
    """Whether ``obj`` of "Reports from/by" names no author of the reports.

    A date ("Reports *from Monday*"), social media or the internet ("Reports
    from *social media*"), or sources no one vouches for ("from *anonymous
    sources*", :data:`_UNVOUCHED_SOURCES`): hearsay, not a speaker.
    """
    mods = {c.lower_ for c in obj.children if c.dep_ in ("amod", "compound")}
    return bool(
        obj.ent_type_ in ("DATE", "TIME")
        or (obj.lower_ in _POSTED_ON and (obj.lower_ == "internet" or "social" in mods))
        or mods & _UNVOUCHED_SOURCES
    )


#: Institutions whose sources, unnamed, are still theirs: "anonymous *police*
#: sources".
_INSTITUTIONS = frozenset(
    {
        "police",
        "government",
        "security",
        "intelligence",
        "military",
        "army",
        "navy",
        "official",
        "ministry",
        "prosecutor",
        "prison",
        "court",
        "judicial",
        "embassy",
        "diplomatic",
    }
)
#: Names of media, whose sources are no one's: "anonymous *Twitter* sources".
_MEDIA_NAMES = frozenset({"twitter", "facebook", "whatsapp", "telegram", "youtube"})


def _unvouched_subject(subj: Any) -> bool:
    """Whether the subject ``subj`` of a reporting verb is sources of no one.

    "*Anonymous sources* say", "*Unverified sources* claim" (:func:`_no_author`),
    "*Posts on social media* say": hearsay. Not "police sources", "anonymous
    police sources", nor "sources close to the family", which are someone's.
    """
    if subj.pos_ != "NOUN":
        return False
    if subj.lemma_.lower() == "source" and _no_author(subj):
        # "*Anonymous police sources* said": the police's sources, unnamed
        # (an institution's); not "anonymous social media sources", whose
        # sources are no one's
        return not any(
            c.dep_ == "compound"
            and (
                c.lemma_.lower() in _INSTITUTIONS
                or (c.pos_ == "PROPN" and c.lower_ not in _MEDIA_NAMES)
            )
            for c in subj.children
        )
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("on", "from")
        and any(
            g.dep_ == "pobj" and g.lower_ in _POSTED_ON and _no_author(g)
            for g in c.children
        )
        for c in subj.children
    )


def _owned_by_subject(subj: Any) -> tuple[int, int, str] | None:
    """(start, end, words) of the one the subject ``subj`` owns, if the parse lost it.

    "*Salcedo's second-in-command* said": the parse may make the owner, with
    its "'s", the subject, and hang "second-in-command" from the verb. The words
    run from the owner's first word to the verb. None where no word is between
    the "'s" and the verb.
    """
    verb = subj.head
    case = [c for c in subj.children if c.dep_ == "case" and c.lower_ in ("'s", "’s")]
    if not case or verb.i <= case[0].i + 1:
        return None
    after = subj.doc[case[0].i + 1 : verb.i]
    if not any(t.is_alpha for t in after) or any(
        t.dep_ in ("nsubj", "nsubjpass") for t in after
    ):
        return None
    start = subj.doc[subj.left_edge.i].idx
    end = after[-1].idx + len(after[-1].text)
    words = doc_text(subj.doc)[start:end]
    return start, end, words[:1].upper() + words[1:]


def _report_author(subj: Any) -> Any:
    """The author that reports ``subj`` name by "from" or "by", if any.

    "*Reports from the Defence Ministry* say", "*Reports by the army* say": the
    object of the preposition, who says it. None for any other subject.
    """
    if subj.lemma_.lower() not in _HEARSAY_NOUNS and subj.lower_.rstrip("s") not in (
        _HEARSAY_NOUNS
    ):
        return None
    return next(
        (
            g
            for c in subj.children
            if c.dep_ == "prep" and c.lower_ in ("from", "by")
            for g in c.children
            if g.dep_ == "pobj"
            and g.ent_type_ not in _PLACE_TYPES
            and not _no_author(g)
        ),
        None,
    )


def _relayed_reports(subj: Any) -> bool:
    """Whether reports ``subj`` are named by who got them or where from, no author.

    "*Reports obtained by Reuters* say", "*reports seen by the BBC*": a
    participle with an agent; "*Reports from Culiacán* say": a place.
    """
    return (
        subj.lemma_.lower() in _HEARSAY_NOUNS
        or subj.lower_.rstrip("s") in _HEARSAY_NOUNS
    ) and any(
        (c.dep_ == "acl" and any(g.dep_ == "agent" for g in c.children))
        or (
            c.dep_ == "prep"
            and c.lower_ == "from"
            and any(g.ent_type_ in _PLACE_TYPES for g in c.children)
        )
        for c in subj.children
    )


def _subject_speaker(
    subj: Any,
    verb: str,
    registry: SpeakerRegistry,
    previous: Attribution | None,
    chain: tuple[str, ...],
    disputed: tuple[int, int] | None,
    consulted: set[str] | None,
) -> Attribution | None:
    """The attribution of the reporting ``verb`` (as written) by ``subj``, if any.

    ``subj`` is the verb's subject, or the one "according to" names.
    """
    low = subj.text.lower()
    owned = _owned_by_subject(subj)
    if owned is not None:
        # "Salcedo's second-in-command said": the one of his who speaks, which
        # the parse left after the target's name
        left, right, words = owned
        return Attribution(
            speaker=words, verb=verb, chain=chain, excluded=((left, right),),
            disputed=disputed,
        )  # fmt: skip
    if registry.is_target(subj) and registry.target is not None:
        # "She told police she was heading to Denver", "Jane Doe said":
        # the target speaks of herself; a role of her own is kept after
        # TARGET_ROLE ("the target, former defense minister")
        got = _speaker_from_subject(subj)
        role = None
        if previous is not None and previous.target and previous.role:
            # "Irakli Okruashvili, former defense minister, said ... He said"
            role = previous.role.removeprefix(TARGET_ROLE).lstrip(", ") or None
        if got is not None and not got[4]:
            if consulted is not None and got[2].split():
                consulted.add("name:" + name_key(got[2].split()[-1]))
            _, role = registry.complete(got[2], got[3])
            registry.add(got[2], role)
        left, right = _role_span(subj, got[0] if got is not None else subj.idx)
        return Attribution(
            speaker=registry.target,
            role=f"{TARGET_ROLE}, {role}" if role else TARGET_ROLE,
            verb=verb, chain=chain, excluded=((left, right),),
            org=_org_of(role, None), disputed=disputed, target=True,
        )  # fmt: skip
    if consulted is not None and low in ("he", "she", "they", "we", "i"):
        consulted.add("previous")
    if (
        low in ("he", "she", "they", "we", "i")
        and previous is not None
        and (previous.speaker is not None)
    ):
        inherited = previous.carried()
        return Attribution(
            speaker=inherited.speaker, role=inherited.role, verb=verb,
            chain=chain or inherited.chain, official=inherited.official,
            org=inherited.org, inherited=True, disputed=disputed,
        )  # fmt: skip
    if low == "it" or subj.lemma_.lower() in _WHAT_SHOWS:
        return None  # "Evidence suggests that ...": an inference, no one's word
    if _hearsay_subject(subj):
        # "Rumours say he is in Culiacán", "Gossip says": hearsay of no one,
        # a rumour at most possible, never a speaker called "Rumours"
        return Attribution(
            verb=verb, chain=chain, rumour=True, disputed=disputed,
            hearsay=f"{subj.text} {verb}",
        )  # fmt: skip
    if _unvouched_subject(subj):
        # "Anonymous sources say", "Posts on social media say": no one's word
        return Attribution(
            verb=verb, chain=chain, rumour=True, disputed=disputed,
            hearsay=f"{subj.text} {verb}",
        )  # fmt: skip
    author = _report_author(subj)
    if author is not None:
        # "Reports from the Defence Ministry say": the ministry's word
        return _subject_speaker(
            author, verb, registry, previous, chain, disputed, consulted
        )
    if _relayed_reports(subj):
        # "Reports obtained by Reuters say": no one named says it, and never a
        # speaker called "Reports"
        return Attribution(verb=verb, chain=chain, disputed=disputed)
    unnamed = _unnamed_speaker(subj)
    if unnamed is not None:
        # "A hiker said", "her brother told police", "residents said"
        left, right, words, role = unnamed
        return Attribution(
            speaker=words, role=role, verb=verb, chain=chain,
            official=bool(role and OFFICIAL.search(role)),
            excluded=((left, right),), org=_org_of(role, words),
            disputed=disputed,
        )  # fmt: skip
    got = _speaker_from_subject(subj)
    if (
        got is None
        and subj.pos_ == "NOUN"
        and (
            any(OFFICIAL.fullmatch(w) for w in (subj.text, subj.lemma_))
            or _org_noun(subj)
        )
    ):
        # unnamed authorities: "Iraqi intelligence officials said"; unnamed
        # organisations: "the coalition said", "state media reported"
        left, right, _ = _span_text(subj.subtree)
        words = _span_text(_noun_phrase(subj))[2]
        return Attribution(
            speaker=words[:1].upper() + words[1:], verb=verb,
            chain=chain, official=True, excluded=((left, right),),
            disputed=disputed,
        )  # fmt: skip
    if got is None:
        return None
    start, _end, name, role, is_org = got
    if not is_org:
        if consulted is not None and name.split():
            consulted.add("name:" + name_key(name.split()[-1]))
        name, role = registry.complete(name, role)
        registry.add(name, role)
    left, right = _role_span(subj, start)
    official = is_org or any(t and OFFICIAL.search(t) for t in (role, name))
    return Attribution(
        speaker=name, role=role, verb=verb, chain=chain,
        official=official, rumour=False, excluded=((left, right),),
        org=_org_of(role, name if is_org else None), disputed=disputed,
    )  # fmt: skip


#: Dependents after a noun that describe it, and are no part of its name: "the
#: magazine*, which is based in Leeds*", "the paper*, dated June 2*", "a
#: magazine *published in Mazatlán*", "the paper*, a weekly*".
_DESCRIBING = frozenset({"relcl", "acl", "appos"})


def _noun_phrase(subj: Any) -> list[Any]:
    """The words of ``subj``'s phrase up to a clause or apposition that describes it.

    "The magazine, which is based in Leeds, said": "The magazine"; "Iraqi
    intelligence officials said", "the newspaper Reforma said" (a name, set
    off by no comma) as they are.
    """
    toks = list(subj.subtree)
    cut = next(
        (
            c.left_edge.i
            for c in subj.rights
            if c.dep_ in _DESCRIBING
            # not "the newspaper *Reforma*", its name
            and (c.dep_ != "appos" or c.doc[c.left_edge.i - 1].text == ",")
        ),
        None,
    )
    if cut is None:
        return toks
    kept = [t for t in toks if t.i < cut]
    while len(kept) > 1 and kept[-1].is_punct:
        kept.pop()
    return kept


def _stranded_speaker(
    verb: Any,
    registry: SpeakerRegistry,
    chain: tuple[str, ...],
    disputed: tuple[int, int] | None,
    consulted: set[str] | None,
) -> Attribution | None:
    """The speaker named right before a reporting ``verb`` that has no subject.

    The parse may hang the speaker's words on the place before them, as an
    apposition ("Jane Doe is thought to be in Homa Bay, *the county health
    director Dr. Alice Otieno* said.", "Jane Doe is in Reno, *her lawyer, Tom
    Briggs,* said."), and leave the verb with no subject: the words from the
    comma to the verb, a person's name with the title before it or the noun
    it is in apposition to, are the speaker, as "..., police spokesman Bruno
    Shioso said." would be. Not for a passive ("she is believed"), nor where
    anything but those words stands between the comma and the verb.
    """
    doc = verb.doc
    sent = verb.sent
    if any(
        c.dep_ in ("nsubjpass", "csubj", "csubjpass", "auxpass", "expl")
        for c in verb.children
    ):
        return None
    k = verb.i - 1
    appos = k > sent.start and doc[k].text == ","  # "her lawyer, Tom Briggs, said"
    if appos:
        k -= 1
    head = doc[k]
    if k <= sent.start or head.pos_ != "PROPN" or head.ent_type_ != "PERSON":
        return None
    first = _phrase_start(head, sent.start)
    if first is None:
        return None
    if appos:
        noun = doc[first - 2]
        first = _phrase_start(noun, sent.start) if first - 2 > sent.start else None
        if first is None or noun.pos_ != "NOUN" or head.head.i != noun.i:
            return None
    got = _speaker_from_subject(head)
    if got is None or got[4]:
        return None
    start, end, name, role, _ = got
    if consulted is not None and name.split():
        consulted.add("name:" + name_key(name.split()[-1]))
    if appos:
        role = _role_words(doc[first : noun.i + 1])
    elif doc[first].idx < start:
        before = [t for t in doc[first:k] if t.idx < start]
        role = _role_words(before) or role
    name, role = registry.complete(name, role)
    registry.add(name, role)
    official = any(t and OFFICIAL.search(t) for t in (role, name))
    return Attribution(
        speaker=name, role=role, verb=verb.text, chain=chain, official=official,
        excluded=((doc[first].idx, end),), org=_org_of(role, None),
        disputed=disputed,
    )  # fmt: skip


def _phrase_start(tok: Any, floor: int) -> int | None:
    """The first word of the noun phrase that ends at ``tok``, if a comma opens it.

    Its words are determiners, adjectives, nouns, names, numbers, owners and
    hyphens ("the county health director Dr. Alice Otieno", "her lawyer");
    ``floor`` is the sentence's first word, before which the comma must not be.
    """
    doc = tok.doc
    first = int(tok.i)
    while first - 1 > floor and (
        doc[first - 1].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "PART", "NUM")
        or doc[first - 1].dep_ == "poss"
        or doc[first - 1].text in ("-", "‐", "‑")
    ):
        first -= 1
    if first - 1 <= floor or doc[first - 1].text != ",":
        return None
    return first


def _according_speaker(
    sent: Any,
    registry: SpeakerRegistry,
    previous: Attribution | None,
    chain: tuple[str, ...],
    disputed: tuple[int, int] | None,
    consulted: set[str] | None,
) -> Attribution | None:
    """The speaker that "according to" names, by the parse, if a person's.

    A person named with a title ("according to *police spokesman Bruno
    Shioso*": Bruno Shioso, police spokesman), the target, or an unnamed
    person or authority ("according to *police*", "according to *a
    witness*"), as the subject of a reporting verb is read
    (:func:`_subject_speaker`). None for anything else (an organisation's
    name, "according to the report"), which is read from the words alone
    (:func:`_unparsed`).
    """
    for tok in sent:
        if tok.lower_ != "according" or (
            disputed is not None and disputed[0] <= tok.idx < disputed[1]
        ):
            continue
        for to in (c for c in tok.children if c.lower_ == "to"):
            for obj in (c for c in to.children if c.dep_ == "pobj"):
                if obj.lemma_ in REPORT_NOUNS and any(
                    c.dep_ == "prep" and c.lower_ in ("by", "from")
                    for c in obj.children
                ):
                    return None  # "a report by Human Rights Watch": the words say
                if not (
                    registry.is_target(obj)
                    or (obj.pos_ == "NOUN" and obj.text.islower())
                    or (obj.pos_ == "PROPN" and obj.ent_type_ == "PERSON")
                ):
                    continue
                found = _subject_speaker(
                    obj, "according to", registry, previous, chain, disputed,
                    consulted,
                )  # fmt: skip
                if found is not None:
                    return found
    return None
