"""A death that is none, or denied: the words that take a death back in its sentence.

Helper of :mod:`geosleuth.read.life`. The death words of a sentence
(:func:`deaths`) leave out a death acted out ("buried *in effigy*", "a *mock
funeral*"); the sentence takes the death back where it denies it ("denied",
"no conclusive evidence", "retracted": :data:`DEATH_DENIED`), calls a report
of it untrue ("Police called reports that he was killed nonsense":
:func:`report_untrue`), has it told by a hoax ("was reported buried *by a hoax
website*": :func:`hoax_teller`) or faked ("*faked his own death*", "his death
*was staged*": :func:`death_faked`); a death called no crime ("it was *not a
suspicious death*": :data:`NOT_SUSPICIOUS`) is a death all the same. A denial
of another's event ("the army denied *the death of the gunman*"), or of an
event of another kind than a death ("police denied *his arrest*", "*reports of
his arrest*"), takes no death back (:func:`others_death_undenied`), unless it
denies the death too ("*and of his death*": :func:`_death_denied_too`). Moved out
of :mod:`geosleuth.read.life` as it grew past the house's size for one module.
"""

from __future__ import annotations

import re
from typing import Any

from geosleuth.read._denied_owners import (
    DENYING_BACK,
    EVENT_KINDS,
    EVENT_NOUNS,
    LONG_AGO,
    described_only,
    gender_told,
    the_ones_told,
    told_before,
)
from geosleuth.read._life_victims import target_buried
from geosleuth.read._life_words import _death_cues
from geosleuth.read._reports import report_called_untrue
from geosleuth.read._sentence import Sentence
from geosleuth.read._target_pronouns import GENDER_OF
from geosleuth.read._told_again import GIVING_REASON, TOLD_KINDS
from geosleuth.read.target import TargetRef

__all__ = [
    "DEATH_DENIED",
    "NOT_SUSPICIOUS",
    "death_faked",
    "deaths",
    "hoax_teller",
    "others_death_undenied",
    "report_untrue",
]


#: Words that deny or take back a death: "no conclusive evidence of his death",
#: "denied", and a report corrected ("retracted its claim that he was killed",
#: "admitted it had been wrong to say", "reports of his death were premature").
DEATH_DENIED = re.compile(
    r"\b(?:no (?:conclusive |hard |firm )?evidence|weaken(?:ed|s)?|denied|denies|"
    r"deny|dismiss(?:ed)?|not (?:dead|killed)|survived|alive|"
    r"retract(?:ed|s|ion)?|withdr(?:ew|awn)|rescind(?:ed|s)?|premature(?:ly)?|"
    r"wrong(?:ly)? to (?:say|report|announce|claim)|wrongly|in error|"
    r"mistaken(?:ly)?|erroneous(?:ly)?|falsely)\b",
    re.IGNORECASE,
)


#: A death faked, which is none: "S *faked his own death*", "his brother said *his
#: death was staged*", "*the death of* Salcedo *was staged*", "*pretended to be
#: dead*".
_DEATH_FAKED = re.compile(
    r"\b(?:(?:fak|stag)(?:e|ed|es|ing)\s+(?:his|her|their)\s+(?:own\s+)?death|"
    r"feign(?:s|ed|ing)?\s+(?:(?:his|her|their)\s+(?:own\s+)?)?death|"
    r"death(?:\s+(?:of|in|at|near)\s+(?:[\w’'-]+\s+){1,5}?)?\s*(?:was|were|is|"
    r"had\s+been|has\s+been)\s+(?:faked|staged|feigned)|"
    r"pretend(?:s|ed|ing)?\s+to\s+(?:be|have\s+been)\s+dead|"
    r"play(?:s|ed|ing)?\s+dead)\b",
    re.IGNORECASE,
)


#: What a staging of a real death made it look like: "his death was staged *to
#: look like a suicide*", "*as an accident*": the death is real, only its manner
#: staged.
_STAGED_AS = re.compile(
    r"\s+(?:(?:to\s+(?:look|appear|seem)|so\s+as\s+to\s+look)\s+(?:like|as\s+if)|as)"
    r"\b",
    re.IGNORECASE,
)


#: A death called no crime, which is a death all the same: "police said *it was
#: not a suspicious death*", "*is not being treated as suspicious*", "there were
#: *no suspicious circumstances*".
NOT_SUSPICIOUS = re.compile(
    r"\b(?:not|no)\s+(?:(?:being\s+)?(?:treated|regarded)\s+as\s+|"
    r"(?:believed|thought|considered)\s+to\s+be\s+)?(?:an?\s+)?"
    r"(?:suspicious|unexplained)(?:\s+(?:death|circumstances))?\b",
    re.IGNORECASE,
)


#: A death only acted out: "buried *in effigy*", "buried in a *mock funeral*", "a
#: *symbolic burial*".
_ACTED_OUT = re.compile(
    r"\b(?:in\s+effigy|(?:mock|symbolic|fake|pretend)\s+(?:funeral|burial|"
    r"execution|grave)s?)\b",
    re.IGNORECASE,
)


#: A death told by a hoax: "was reported buried ... *by a hoax website*", "*a
#: satirical site* claimed he had died".
_HOAX = re.compile(
    r"\b(?:hoax|spoof|satirical|parody)\s+(?:news\s+)?(?:websites?|sites?|"
    r"accounts?|pages?|outlets?|articles?|stor(?:y|ies))\b",
    re.IGNORECASE,
)


#: Links to the clauses of a death word that tell of something else than how
#: it came about (:func:`_acted_out`).
_OTHER_CLAUSES = frozenset(
    {"ccomp", "conj", "advcl", "relcl", "acl", "parataxis", "cc", "punct"}
)


def _own_words(t: Any) -> list[Any]:
    """``t`` and the words of its own phrase: not those of a clause beside it."""
    out = [t]
    for c in t.children:
        if c.dep_ not in _OTHER_CLAUSES:
            out += _own_words(c)
    return out


def _acted_out(s: Sentence, at: int) -> bool:
    """Whether the death word at document offset ``at`` tells a death acted out.

    "Salcedo was buried *in effigy* in Culiacán", "was buried in a *mock
    funeral*": no death. The words are those of the death word's own phrase, not
    of a clause beside it ("was buried in Culiacán, where a mock funeral was
    held in 2016"); without a parse, those up to the next stop.
    """
    tok = next((t for t in s.sent if t.idx == at), None) if s.sent else None
    if tok is None:
        rest = s.text[at - s.span[0] :]
        return _ACTED_OUT.match(re.split(r"[,;.]", rest, maxsplit=1)[0]) is not None

    phrase = " ".join(t.text for t in sorted(_own_words(tok), key=lambda t: t.i))
    return _ACTED_OUT.search(phrase) is not None


#: Links by which a verb names the one that tells it: "*a hoax website*
#: claimed", "reported buried *by* a hoax website".
_TELLER_LINKS = frozenset({"nsubj", "agent"})


def hoax_teller(s: Sentence, text: str, at: int) -> str | None:
    """The hoax (:data:`_HOAX`) that tells the death word at document offset ``at``.

    "Salcedo was reported buried in Culiacán *by a hoax website*", "*A
    satirical website* claimed he had been killed", "A hoax website published
    a story saying ...": the subject, the agent or the "according to" of the
    death word, or of a verb of report or belief that it completes (up
    ``ccomp`` and ``xcomp`` links, and from a thing put out that says it to
    the verb that puts it out). Not a hoax beside
    the death ("was killed, police said, *after a parody account* had falsely
    reported his death", "long the butt of *satirical articles*"), which is
    another's telling. Without a parse, any hoax of ``text``. None if none.
    """
    tok = next((t for t in s.sent if t.idx == at), None) if s.sent else None
    if tok is None:
        hoax = _HOAX.search(text)
        return hoax.group(0) if hoax else None

    for _ in range(4):
        tellers = [c for c in tok.children if c.dep_ in _TELLER_LINKS]
        tellers += [
            g
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "according"
            for t in c.children
            for g in (t, *t.children)
            if g.dep_ == "pobj"
        ]
        for teller in tellers:
            phrase = " ".join(
                t.text for t in sorted(_own_words(teller), key=lambda t: t.i)
            )
            hoax = _HOAX.search(phrase)
            if hoax is not None:
                return hoax.group(0)
        if tok.dep_ == "acl" and tok.head.dep_ == "dobj":
            # "A hoax website published *a story saying* he was killed", "shared
            # *a hoax story claiming*": the thing that says it, and who put it out
            thing = tok.head
            phrase = " ".join(
                t.text for t in sorted(_own_words(thing), key=lambda t: t.i)
            )
            hoax = _HOAX.search(phrase)
            if hoax is not None:
                return hoax.group(0)
            tok = thing.head
            continue
        if tok.dep_ not in ("ccomp", "xcomp") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def deaths(s: Sentence, text: str, person: list[TargetRef]) -> list[re.Match[str]]:
    """The death cues of ``text`` (of ``s``), a burial only of the target's.

    "Jalmaani's widow said her husband had been buried in Jolo" tells his
    death; "Jalmaani buried his brother", "buried the weapons", "he was
    buried" of a "he" the parse does not tie to the target, "her husband wanted
    to be buried in Jolo", and "Jalmaani's deputy was killed ..., and he was
    buried in Jolo" tell none
    (:func:`~geosleuth.read._life_victims.target_buried`).
    """
    # "buried in effigy": no death
    cues = [m for m in _death_cues(text) if not _acted_out(s, s.span[0] + m.start())]
    deaths = [s.span[0] + m.start() for m in cues if m.group(0).lower() != "buried"]
    return [
        m
        for m in cues
        if m.group(0).lower() != "buried"
        or target_buried(s, s.span[0] + m.start(), person, deaths=deaths)
    ]


def report_untrue(s: Sentence, at: int) -> str | None:
    """The words that call untrue a report of the death at document offset ``at``.

    "Police called reports that Jane Doe *was killed* nonsense", "reports that
    she *was dead* were propaganda"
    (:func:`~geosleuth.read._reports.report_called_untrue`); None if none, or
    unparsed.
    """
    tok = next((t for t in s.sent if t.idx == at), None) if s.sent else None
    for _ in range(4):
        if tok is None:
            return None
        untrue = report_called_untrue(tok)
        if untrue is not None:
            return untrue
        if tok.dep_ not in ("xcomp", "conj", "acomp") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def others_death_undenied(s: Sentence, text: str, at: int) -> tuple[str, str | None]:
    """``text`` (of ``s``) with each denial of another's death or arrest blanked.

    "Salcedo was killed in Culiacán; the army denied *the death of the
    gunman*": a denial of an event (death, arrest, ...) by its noun takes the
    target's death back only where the noun is the target's own, as for a
    seeing (:func:`~geosleuth.read._denied_owners.the_ones_told`: "the
    death", "his death", "the death of Salcedo", "his wife denied the death of
    her husband"), review r65, and of a death: not "police denied *his
    arrest*", nor "*reports of his arrest*" (:func:`_of_another_kind`), review
    r93, #7; not where the denial denies the death as well, "reports of his
    arrest *and of his death*" (:func:`_death_denied_too`, review r116, W8,
    W9); nor a clause of another event ("police denied *that he had been
    arrested before he was killed*": :func:`_clauses_of_another_kind`, review
    r124, G3). With it, the words of a denial so blanked whose
    event is of a description that can only be the target ("the army denied
    the death *of the drug lord*", the text naming no one else:
    :func:`~geosleuth.read._denied_owners.described_only`), which leaves the
    death at most possible (review r86, #2); else None. ``at`` is the document
    offset of the death cue; offsets of ``text`` are those of ``s``.
    """
    cue = next((t for t in s.sent if t.idx == at), None) if s.sent else None
    if cue is None:
        return text, None
    described = None
    for verb in s.sent:
        if verb.lemma_.lower() not in DENYING_BACK:
            continue
        events = [
            c
            for c in verb.children
            if c.dep_ in ("dobj", "nsubjpass")
            and c.lemma_.lower() in EVENT_NOUNS
            # not "denied the death of Salcedo in Culiacán", the death told
            and not c.left_edge.i <= cue.i <= c.right_edge.i
        ]
        # "denied his arrest and his death": of a death too
        told = [
            e
            for e in events
            if any(
                told_before(c, cue, EVENT_NOUNS, s.target, s.places, _DEATH)
                for c in (e, *e.conjuncts)
            )
        ]
        if (
            (
                (events and len(told) < len(events))
                or any(_of_another_kind(c, cue) for c in verb.children)
                or _clauses_of_another_kind(verb, cue)
            )
            and not _death_denied_too(verb, cue, s)
        ) or _reason_a_death(verb):
            # "denied arresting and killing him, *saying he had died in a car
            # crash*": the death stands (review r217)
            k = verb.idx - s.span[0]
            text = text[:k] + " " * len(verb.text) + text[k + len(verb.text) :]
            who = [described_only(e, cue, s.target, s.places, "death") for e in events]
            if events and all(who):
                described = (
                    f"{verb.text} the {events[0].text} of {who[0]}, maybe the target"
                )
    return text, described


#: Links of a denial verb to what it denies, beside the first thing denied:
#: "denied reports of his arrest *and of his death*", "*, and reports of his
#: death*", "*and that he had been killed*".
_DENIED_LINKS = frozenset({"dobj", "nsubjpass", "conj", "cc", "ccomp"})
#: Nouns of the target's death, besides :data:`EVENT_NOUNS`: "*his murder*".
_DEATH_NOUNS = frozenset({"death", "killing", "murder", "execution", "assassination"})
#: Verbs of a death: "that he had been *killed*".
_DEATH_VERBS = frozenset(
    {"kill", "die", "murder", "execute", "assassinate", "slay", "perish"}
)  # fmt: skip


def _death_denied_too(verb: Any, cue: Any, s: Sentence) -> bool:
    """Whether the denial ``verb`` denies the target's death as well as another event.

    "police denied reports of his arrest *and of his death*", "*, as well as
    of his death*", "*, and reports of his death*", "*and that he had been
    killed*", "the report of his arrest, *which said he had been killed*"
    (review r116, W8), also where it holds the death told ``cue`` ("Police
    denied reports of his arrest and that *he had been killed*", W9): a death
    noun of the target's (:func:`~geosleuth.read._denied_owners.the_ones_told`)
    or a verb of a death of no other subject, up to a semicolon. Not "the
    death *of the gunman*", "*and that his brother had been killed*", nor a
    reason beside the denial ("*, saying he had been killed* in a shootout"),
    nor a death the denied clause takes as given ("arrested *before he was
    killed*": :func:`_given`).
    """
    stop = next((t.i for t in verb.doc[verb.i :] if t.text == ";"), len(verb.doc))
    gender = gender_told(cue)
    for c in verb.children:
        if (
            c.dep_ not in _DENIED_LINKS
            # ", *as* well as of his death", which the parse may hang on the verb
            and not (c.dep_ == "prep" and c.lower_ == "as")
        ) or (
            c.dep_ == "conj"
            and c.pos_ in ("VERB", "AUX")
            and c.lemma_.lower() not in _DEATH_VERBS
            and not any(m.dep_ == "mark" for m in c.children)
        ):
            continue
        given = _given(c)
        for t in c.subtree:
            if t.i >= stop or (t.i < verb.i and c.dep_ != "nsubjpass"):
                continue
            if t.i in given:
                continue  # "arrested *before he was killed*": the death granted
            lemma = t.lemma_.lower()
            if t.pos_ == "NOUN" and lemma in _DEATH_NOUNS:
                # not "*death* threats against his family" (review r124, W4)
                if t.dep_ != "compound" and the_ones_told(t, cue, s.target, s.places):
                    return True
            elif t.pos_ in ("VERB", "ADJ") and (
                lemma in _DEATH_VERBS or lemma == "dead"
            ):
                who = [g for g in t.children if g.dep_ in ("nsubj", "nsubjpass")]
                if not who or (
                    len(who) == 1
                    and GENDER_OF.get(who[0].lower_) in ("he", "she")
                    and gender in (None, GENDER_OF[who[0].lower_])
                ):
                    return True
    return False


#: Verbs of what may befall one held, besides those of an event told
#: (:data:`~geosleuth.read._told_again.TOLD_KINDS`), none of them a death: "denied
#: that he had been *tortured* after he died".
_HELD_DEEDS = frozenset(
    {"torture", "beat", "abuse", "mistreat", "interrogate", "question"}
)  # fmt: skip


def _clauses_of_another_kind(verb: Any, cue: Any) -> bool:
    """Whether each clause the denial ``verb`` denies tells an event not a death.

    "Salcedo was killed ...; police denied *that he had been arrested*", "*that
    officers had arrested him before he died*", "*that he had been tortured
    after he died*", "*arresting him*": a verb of an arrest, a sighting, a
    kidnapping, a going missing (:data:`~geosleuth.read._told_again.TOLD_KINDS`)
    or a deed done to one held (:data:`_HELD_DEEDS`), after the denial and not
    holding the death told ``cue``. Not "that he had been killed", "that he was
    dead", nor a denial of no clause. A death the clause tells as well
    ("arrested *and killed*") is :func:`_death_denied_too`'s; so is one joined
    to it ("denied *arresting and killing him*", "*having arrested and killed
    him*"). Nor where the denial gives a reason that is no death of him
    ("*, saying he had fled to Durango*", "*saying the man killed was his
    cousin*") or the next sentence says he is alive ("*He is alive, they
    said.*"), which leave the death as it was (review r208, 5).
    """
    clauses = [
        c
        for c in verb.children
        if c.dep_ in ("ccomp", "xcomp")
        and c.i > verb.i
        and not c.left_edge.i <= cue.i <= c.right_edge.i
    ]
    return (
        bool(clauses)
        and all(
            (c.lemma_.lower() in TOLD_KINDS or c.lemma_.lower() in _HELD_DEEDS)
            and not any(v.lemma_.lower() in _DEATH_VERBS for v in c.conjuncts)
            for c in clauses
        )
        and not _reason_not_a_death(verb)
        and not _alive_next(verb)
    )


def _reason_not_a_death(verb: Any) -> bool:
    """Whether the denial ``verb`` gives a reason that tells no death of the one told.

    "denied that he had been arrested, *saying he had fled to Durango*",
    "*saying he was still at large*", "*saying the man killed was his
    cousin*": a verb of saying joined to it, none of whose clauses is a death
    of him (:func:`_a_death_of_him`). Not "*saying he had been killed by
    rivals*", "*shot by his own bodyguards*".
    """
    return any(
        not any(c.dep_ == "ccomp" and _a_death_of_him(c) for c in r.children)
        for r in _reasons(verb)
    )


def _reason_a_death(verb: Any) -> bool:
    """Whether the denial ``verb`` gives a reason that tells a death of the one told.

    "police denied arresting and killing him, *saying he had died in a car
    crash*", "*saying he had been shot by his own bodyguards*": the death
    stands, at the hands of others or of none (review r217, q01, q03). Not
    "*saying he had been dead for years*", a death at another time.
    """
    return any(
        c.dep_ == "ccomp"
        and _a_death_of_him(c)
        and not any(k.dep_ == "neg" for k in c.children)
        and not any(
            t.ent_type_ == "DATE" and LONG_AGO.search(t.text) for t in c.subtree
        )
        for r in _reasons(verb)
        for c in r.children
    )


#: Words of a date long before the death told: "dead *for years*", "*in 2015*".
#: Verbs of a death, in a reason given: "*shot* by his own bodyguards".
_DEATH_REASONS = frozenset(
    {"shoot", "stab", "behead", "strangle", "poison", "hang", "gun", "drown"}
)


def _reasons(verb: Any) -> list[Any]:
    """The verbs of saying joined to the denial ``verb``: "*, saying* ..."."""
    return [
        c
        for c in verb.children
        if c.dep_ in ("advcl", "conj")
        and c.i > verb.i
        and c.lemma_.lower() in GIVING_REASON
    ]


def _a_death_of_him(clause: Any) -> bool:
    """Whether ``clause`` is a death of him or her, or of no subject.

    A verb of a death ("he had been *killed*", "*shot*", "*died*") or "dead";
    not "*the man* killed".
    """
    lemma = clause.lemma_.lower()
    return (
        lemma in _DEATH_VERBS
        or lemma in _DEATH_REASONS
        or any(k.lower_ == "dead" for k in clause.children)
    ) and all(
        GENDER_OF.get(k.lower_) in ("he", "she")
        for k in clause.children
        if k.dep_ in ("nsubj", "nsubjpass")
    )


def _alive_next(verb: Any) -> bool:
    """Whether the sentence after the denial ``verb`` says "*He is alive*"."""
    doc = verb.doc
    at = verb.sent.end
    while at < len(doc) and doc[at].is_space:
        at += 1
    if at >= len(doc):
        return False
    return any(
        t.lower_ == "alive"
        and t.dep_ == "acomp"
        and not any(c.dep_ == "neg" for c in t.head.children)
        and any(
            c.dep_ == "nsubj" and GENDER_OF.get(c.lower_) in ("he", "she")
            for c in t.head.children
        )
        for t in doc[at].sent
    )


#: Marks of a clause whose event the denied clause takes as given: "denied that
#: he had been arrested *before* he was killed", "*when* he was killed".
_GIVEN_MARKS = frozenset(
    {"before", "after", "when", "while", "as", "since", "until", "because", "once"}
)


def _given(clause: Any) -> set[int]:
    """The words of the clauses under ``clause`` that it takes as given.

    "that he had been arrested *before he was killed*", "*after he died*": a
    clause of time or reason (:data:`_GIVEN_MARKS`) below the one denied,
    whose death is not denied but granted (review r124, G3); so is a reason
    the parse hangs there ("arrested, *saying he was killed* in a shootout":
    :data:`~geosleuth.read._told_again.GIVING_REASON`).
    """
    return {
        t.i
        for u in clause.subtree
        if u.dep_ == "advcl"
        and u is not clause
        and (
            any(
                m.dep_ in ("mark", "advmod") and m.lower_ in _GIVEN_MARKS
                for m in u.children
            )
            or u.lemma_.lower() in GIVING_REASON
        )
        for t in u.subtree
    }


#: The kind of event a death is (:data:`~geosleuth.read._denied_owners.EVENT_KINDS`).
_DEATH = frozenset({"death"})


#: Nouns of a report of an event: "police denied *reports* of his arrest".
_REPORT_NOUNS = frozenset({"report", "claim", "account", "story", "allegation"})


def _of_another_kind(noun: Any, cue: Any) -> bool:
    """Whether ``noun``, denied, is a report only of events not a death.

    "Salcedo was killed in Culiacán; police denied *reports of his arrest*":
    what is denied is an arrest (:data:`~geosleuth.read._denied_owners.EVENT_KINDS`),
    which takes no death back; not "*reports of his death*", "*reports of his
    arrest and death*", nor a report of no event ("*reports* that he fled"),
    nor one whose words hold the death told ``cue``.
    """
    if noun.dep_ not in ("dobj", "nsubjpass") or noun.lemma_.lower() not in (
        _REPORT_NOUNS
    ):
        return False
    if noun.left_edge.i <= cue.i <= noun.right_edge.i:
        return False
    events = [
        e
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children
        if g.dep_ == "pobj"
        for e in (g, *g.conjuncts)
    ]
    kinds = [EVENT_KINDS.get(e.lemma_.lower()) for e in events]
    return bool(kinds) and all(k is not None and k not in _DEATH for k in kinds)


#: Between a death and a fake after it, a "but" that makes the fake that death,
#: with no denial or report of the fake: "declared dead, *but* the death was
#: faked"; not "but denied rumours he had faked his death".
_BUT_FAKED = re.compile(
    r"\bbut\b(?!.*\b(?:not|never|n't|den(?:y|ied|ies)|rumou?rs?|claims?|reports?|"
    r"dismiss\w*|reject\w*)\b)[^;.]*$",
    re.IGNORECASE,
)


_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


#: After a fake, words that make it one of another time than the death told
#: before: "had played dead *in an earlier attack*", "had faked his death
#: *once before*", "had *once* staged".
_FAKE_BEFORE = re.compile(
    r"\b(?:earlier|before|once|previously|formerly|in\s+the\s+past)\b", re.IGNORECASE
)


#: Before a "but", a death told by someone: "was killed on Monday, *police
#: said*, but his lawyer said the death was faked": one word against another,
#: which does not make the death none.
_TOLD_BY = re.compile(
    r",\s+(?:[\w’'.-]+\s+){0,4}?(?:said|says|say|reported|reports|told|stated|"
    r"announced|confirmed)\b[^;.]*\bbut\b",
    re.IGNORECASE,
)


def death_faked(
    s: Sentence, text: str, person: list[TargetRef], cues: list[re.Match[str]]
) -> tuple[str | None, str]:
    """The words of a faked death that is all the death of ``text``, and ``text``.

    "Salcedo *faked his own death* in 2010, police said", "his brother said *his
    death was staged*": the only death told is faked, so there is none. Where
    the sentence tells a death besides ("Salcedo, who faked his death in 2010,
    *was killed* in Culiacán on Monday", "... *died*, his family said, denying
    rumours he had faked his death"), the fake is of another time, or denied,
    and the death stands: ``text`` is returned with the fake blanked, so that
    it neither denies nor dates the death. Nor is a death staged "to look like a
    suicide" (or "as an accident") faked: the death is real, its manner staged.
    ``cues`` are the death words of ``text`` (:func:`deaths`).
    """
    fakes = [
        m for m in _DEATH_FAKED.finditer(text) if not _STAGED_AS.match(text, m.end())
    ]
    if not fakes:
        return None, text
    if all(any(f.start() <= c.start() < f.end() for f in fakes) for c in cues):
        return fakes[0].group(0), text
    told = [c for c in cues if not any(f.start() <= c.start() < f.end() for f in fakes)]
    last = max((c.end() for c in told), default=0)
    for f in fakes:
        undone = _BUT_FAKED.search(text[last : f.start()])
        fake = text[last : f.start()][undone.start() :] if undone is not None else ""
        after = re.split(r"[;.]", text[f.start() :])[0]
        if (
            f.start() >= last
            and undone is not None
            and not _YEAR.search(after)
            and not _FAKE_BEFORE.search(fake + after)
            and not _TOLD_BY.search(text[last : f.start()])
        ):
            # "was declared dead in 2010, but the death was faked", "reported
            # killed ... but had faked his death": the death told before is
            # the fake
            return f.group(0), text
    for f in fakes:
        text = text[: f.start()] + " " * (f.end() - f.start()) + text[f.end() :]
    return None, text
