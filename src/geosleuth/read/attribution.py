"""Who says it: speakers, their roles, reporting verbs and reporting chains.

A sentence is *attributed* when a reporting verb ("says", "said", "announced",
"argues", "thinks", "believes", "doubts", "added", "told", "ruled out",
"according to", ...) has a named subject; so is one whose verb calls a report
untrue or true ("Police *dismissed* reports that ...", "*rejected* claims
that", "*called* reports that ... nonsense", "*laughed off* reports that":
:mod:`geosleuth.read._reports`), for the one who rebuts a report denies what
it says. The speaker is the name in the
subject: a PERSON ("Abu Ali al-Basri"), or an organisation ("The Russian
Defense Ministry"). A name is an organisation's when the tagger says so and it is
more than one word, or one word after "the" ("The Pentagon said"); when it ends
in a word that names organisations
(:data:`~geosleuth.read._lexicon.SPEAKER_ORG_WORDS`: "Human Rights Watch",
"Amnesty International", "the International Crisis Group") and the tagger does not
call it a person; or when it is a news agency
(:data:`~geosleuth.read._lexicon.NEWS_AGENCIES`: "Reuters reported"). A one-word
name that is neither is a person's, whatever the tagger says (it takes surnames
such as "Al-Ceyyasi" for organisations). Its role comes from

- an apposition: "Abu Ali al-Basri, *Director of Intelligence ...*, announced";
  or the noun the name is in apposition to: "*Hale's lawyer*, Tom Briggs,
  denied";
- a title before the name: "*SDF commander* Sêrgo Hesekê says", "according to
  *Larimer County Sheriff* Justin Smith";
- a list it is drawn from: "experts, including *researcher and Iraqi war media
  secretary* Said al-Ceyyasi, think".

A name with its title or noun right before a reporting verb that the parse left
with no subject, after a comma, is its subject: "..., *the county health
director Dr. Alice Otieno* said", "..., *her lawyer, Tom Briggs,* said".
"According to" names its speaker as a subject would: a person with a title
("according to *police spokesman Bruno Shioso*"), an unnamed person or
authority ("according to *police*", "according to *a witness*"); an
organisation's name is taken as written ("according to the Defense
Ministry"), and a document is no one ("according to the report").

An unnamed person who is no authority speaks as written: "*A hiker* said",
"*her brother* told police", "*a shepherd from Hajin* told reporters",
"residents said" (the head noun one of
:data:`~geosleuth.read._lexicon.PERSON_NOUNS`: relatives, neighbours, friends,
witnesses, locals, hikers, sources, ...). The speaker is the subject's words, its
article or owner kept and its first letter capitalised ("A hiker", "Her brother",
"Jane Doe's brother", "Residents"); the role is what the speaker is, the head noun
and the words that describe it ("hiker", "brother", "local taxi driver"), or none
when that is all the words ("Residents"). Such a speaker is not an official one,
unless the role names an authority ("a police driver"); unnamed authorities
("Iraqi intelligence officials said", "a police officer said", "a Western
diplomat said") are official, and keep their words without the article. So are
organisations named by a common noun, as "the army" is
(:data:`~geosleuth.read._lexicon.ORG_NOUNS`): "the coalition said", "the
militia said", "the group said", "state media reported", "the Islamic State
group said", "according to the coalition" (not "a group of hikers said"). The
captors ("her kidnappers said"), a hostage, a negotiator or a mediator is no
authority: the statement is theirs, not the article's, at a witness's grade.
A subject that is no one ("no witness said") is no speaker.

A subject that refers to the target ("*Jane Doe* said", "*She* told police she
was heading to Denver", as :mod:`geosleuth.read.target` finds the references
given to :class:`SpeakerRegistry`) makes the target the speaker: its name is
the target's, its role :data:`TARGET_ROLE` (:attr:`Attribution.target`), with
the role the text gives her after it ("the target, former defense minister"),
for what the target says of her own whereabouts is no witness's word.

A later short reference ("Al-Ceyyasi argues", "Hesekê said") is completed from
the speakers seen earlier in the document (:class:`SpeakerRegistry`). The
reporting chain lists the outlets in between: "Speaking to ANF", "told Fox News",
"in an interview with Reuters". Sentences inside a quotation opened by an
attributed sentence keep its speaker; "he"/"she" as the subject of a reporting
verb is the most recent speaker.

A statement with no speaker is the article's own; one introduced by "it is
claimed", "claims have been made", "reportedly", "rumours" is marked as a rumour.

Two clauses set against each other by "but" or "yet", each with its own subject,
have a speaker each (:attr:`Attribution.clauses`, :meth:`Attribution.at`): "Jane
Doe is not in Raqqa, *but police say* she is in Mosul" (the first clause is the
article's own), "Police say she is in Mosul, *but her brother says* she is in
Vail". So do two joined by "and" when the second has a reporting verb of its
own: "Her sister says Jane Doe was seen in Leeds, *and police believe* she is in
York"; one that reports nothing continues the first speaker's report ("Police
say she is in Mosul, and her car was found in Vail"), as does a verb with no
subject of its own ("Police say she was seen in Leeds and is believed to have
gone to York"). Two reporting verbs of one speaker keep a clause each, so that
each is hedged by its own words ("Police *said* she was in Mosul, and they
*believe* she is hiding in Vail": Mosul said, Vail believed). The sentence's
attribution stays that of its first reporting verb, for what follows it ("He
said ..."). A clause whose reporting verb has no subject
that can be named ("Police say ..., *but she says* ...", "Jane Doe *is believed*
to be in Raqqa, but ...") has no named speaker, as on its own: never the other
clause's. One that calls the first untrue ("Jane Doe is in Raqqa, *but the army
says that is wrong*") disputes it, as "but police denied it" does.

A statement that another party denies later in the same sentence is *disputed*:
"..., but police denied it", "..., though the army has since rejected the report",
"..., a claim the army denied", "..., which officials disputed". The denial's span
is kept (:attr:`Attribution.disputed`) and its subject is not the speaker: the
statement is still the article's, or its speaker's ("Witnesses said ..., but the
army denied it"). A denial with no such link back ("Al-Baghdadi was seen in
Mosul, officials denied.") is the speaker's own and denies the statement outright.

A short sentence that denies the one just before it disputes it in the same way
(:func:`denial_of_previous`): "A hiker said he saw Jane Doe near Aspen. *Police
denied the report.*", "*The army denied the claim.*", "*It was denied by
police.*". Its main verb denies ("deny", "reject", "dismiss", "dispute",
"refute", "contradict") "it", "this" or a report ("the report", "the claims"),
after a subject of one to six words with no negation, and nothing but an
adverbial follows ("on Friday", "as false"). Only the sentence right before it is
disputed, and only when it is not disputed already in its own words; a denial
that says more ("Police denied the report, saying she was in Denver", "Police
denied that she was in Vail") is a statement of its own, read as such.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from geosleuth.read._lexicon import (
    NEWS_AGENCIES,
    ORG_NOUNS,
    PERSON_NOUNS,
    SPEAKER_ORG_WORDS,
)
from geosleuth.read._reports import judges_a_report
from geosleuth.read.target import name_key

__all__ = [
    "TARGET_ROLE",
    "Attribution",
    "SpeakerRegistry",
    "attribute",
    "attribute_text",
    "denial_of_previous",
    "dispute_span",
    "modifiers_start",
    "quote_states",
    "venue_spans",
]

#: The role of a speaker who is the target ("She told police she was heading to
#: Denver"): what the target says of her own whereabouts is graded as such
#: (:data:`~geosleuth.read.claims.DEFAULT_READ_GRADES`, ``target``).
TARGET_ROLE = "the target"
REPORTING_LEMMAS = frozenset(
    {
        "say", "announce", "argue", "think", "believe", "claim", "add", "tell",
        "state", "report", "confirm", "deny", "suggest", "insist", "explain",
        "note", "warn", "estimate", "assert", "maintain", "reveal", "allege",
        "stress", "affirm", "admit", "acknowledge", "indicate", "write", "declare",
        "assess", "conclude", "speculate", "fear", "suspect", "doubt",
    }
)  # fmt: skip
#: Verbs that report only with a particle: "Police have *ruled out* that ...".
_REPORTING_WITH = {"rule": "out"}
_ROLE_WORDS = frozenset(
    {
        "director", "commander", "president", "minister", "general", "colonel",
        "spokesman", "spokeswoman", "spokesperson", "official", "officer",
        "researcher", "secretary", "consultant", "specialist", "expert", "analyst",
        "adviser", "advisor", "chief", "head", "leader", "journalist", "reporter",
        "member", "sheikh", "professor", "dr", "mr", "mrs", "ms", "lieutenant",
        "major", "captain", "sergeant", "governor", "mayor", "ambassador", "envoy",
        "senator", "emir", "deputy", "correspondent", "sheriff", "detective",
        "inspector", "superintendent", "commissioner", "constable", "prosecutor",
        "coroner",
    }
)  # fmt: skip
_PARTICLES = frozenset(
    {"al", "el", "ad", "as", "ar", "an", "at", "az", "ash", "bin", "ibn", "bint",
     "abu", "abd", "-", "‐", "‑", "de", "van", "von", "der", "la", "le", "du"}
)  # fmt: skip
_OFFICIAL = re.compile(
    r"\b(?:director|commander|minister|ministry|official|officer|spokes\w+|general|"
    r"colonel|government|army|forces|intelligence|police|governor|ambassador|"
    r"department|council|command|military|researcher|consultant|specialist|expert|"
    r"analyst|adviser|advisor|professor|secretary|sheriff|detective|inspector|"
    r"superintendent|commissioner|constable|prosecutor|coroner|"
    # a diplomat or an envoy is an official of a government: "a Western diplomat
    # said" is "a Western official said"
    r"diplomat|envoy)s?\b",  # "Officials"
    re.IGNORECASE,
)
_CHAIN = re.compile(
    r"\b(?:[Ss]peaking to|told|[Ii]n an interview with|interviewed by|quoted by|"
    r"[Ii]n a statement to|[Ii]n comments to)\s+(?:the\s+)?"
    r"(?P<m>[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,4})"
)
_ACCORDING = re.compile(
    r"\b[Aa]ccording to\s+(?:the\s+)?(?P<src>[A-Z][\w.’'-]*(?:\s+(?:[A-Z][\w.’'-]*|"
    r"of|for|and))*)"
)
_RUMOUR = re.compile(
    r"\b(?:it (?:is|was|has been) (?:claimed|reported|rumou?red|said|alleged)|"
    r"claims? (?:have|has) been made|numerous claims|unconfirmed reports?|"
    r"reports (?:say|said|suggest)|reportedly|rumou?rs?|allegedly)\b",
    re.IGNORECASE,
)
_INCLUDING = re.compile(r"(?:including|such as|among them)\s+(?P<role>[^,;:()]+?)\s*$")

# A denial of the statement by another party, after a comma: "but police denied
# it", "a claim the army denied", "which officials disputed". The denier is one to
# six words with no negation ("but police did not deny it" disputes nothing); "it"
# ends the clause or is followed by an adverbial ("denied it on Tuesday"), so "but
# the army denied it had shelled Hajin" is no denial of the statement.
_DENY = (
    r"(?:den(?:y|ies|ied)|disput(?:e|es|ed)|reject(?:s|ed)?|dismiss(?:es|ed)?|"
    r"refut(?:e|es|ed)|contradict(?:s|ed)?)"
)
_DENIED = r"(?:denied|disputed|rejected|dismissed|refuted|contradicted)"
_DENIER = r"(?:(?!(?:not|never|no)\b)(?![\w’']*n[’']t\b)[\w’'.&-]+\s+){1,6}?"
_AUX_ADV = r"(?:(?:has|have|had|did|does|do|later|since|then|also|\w+ly)\s+)*"
_CLAIM_NOUN = (
    r"(?:claims?|reports?|accounts?|allegations?|assertions?|stor(?:y|ies)|"
    r"sightings?|rumou?rs?)"
)
_IT = (
    rf"(?:it|this|them|the\s+(?:[\w-]+\s+)?{_CLAIM_NOUN})"
    r"(?=\s*(?:[,;.!?\"”)]|$)|\s+(?:on|in|at|last|this|yesterday|today|later|"
    r"again|publicly|strongly|flatly|outright|immediately)\b)"
)
_IT_SUBJECT = rf"(?:it|this|the\s+(?:[\w-]+\s+)?{_CLAIM_NOUN})"
_BE = (
    r"(?:was|were|is|are|has\s+been|have\s+been)\s+"
    r"(?:(?:\w+ly|later|since|also|then)\s+)?"
)
#: ... or one that says it is unconfirmed: "but this could not be confirmed",
#: "though none of the sightings was confirmed".
_UNCONFIRMED = (
    rf"(?:{_IT_SUBJECT}\s+(?:could|can|has|have|had|was|were|is|are)\s+not\s+"
    r"(?:yet\s+)?(?:been\s+|be\s+)?(?:independently\s+)?(?:confirmed|verified)"
    rf"|none\s+of\s+(?:the|these|those|them)\s+(?:[\w-]+\s+)?(?:{_CLAIM_NOUN}\s+)?"
    r"(?:was|were|has\s+been|have\s+been|could\s+be)\s+(?:independently\s+)?"
    r"(?:confirmed|verified))"
)
_DISPUTE = re.compile(
    r"[,;]\s*(?P<d>"
    rf"(?:but|though|although|yet|and|while)\s+"
    rf"(?:{_DENIER}{_AUX_ADV}{_DENY}\s+{_IT}|{_IT_SUBJECT}\s+{_BE}{_DENIED}\b"
    rf"|{_UNCONFIRMED}\b)"
    rf"|(?:a|an)\s+(?:[\w-]+\s+)?{_CLAIM_NOUN}\s+(?:(?:that|which)\s+)?"
    rf"(?:{_DENIER}{_AUX_ADV}{_DENY}|(?:\w+ly\s+)?{_DENIED}\s+by)\b"
    rf"|which\s+(?:{_DENIER}{_AUX_ADV}{_DENY}|{_BE}{_DENIED})\b"
    r")[^,;.]*",
    re.IGNORECASE,
)


# A short sentence that denies the one before it: "Police denied the report.",
# "The army has since rejected the claims as propaganda.", "This was later denied
# by police." Its main verb, after a subject of one to six words with no
# negation, denies "it", "this", "that" or a report ("the report", "such
# claims"); after that, at most an adverbial ("on Friday", "as false", "in a
# statement") and the end of the sentence: "Police denied the report that she had
# left" or "..., saying she was in Denver" is a statement of its own.
_PREVIOUS = (
    r"(?:it|this|that|them|(?:the|these|those|such|that|this|both|his|her|their|"
    rf"its)\s+(?:[\w’'-]+\s+){{0,2}}?{_CLAIM_NOUN})"
)
_TAIL = (
    r"(?:\s+(?:on|in|at|last|this|yesterday|today|later|again|publicly|strongly|"
    r"flatly|outright|immediately|as|by|when|after|within|hours|days|shortly)\b"
    r"[^,;:.!?]{0,60})?"
)
_DENIES_PREVIOUS = re.compile(
    r"^(?P<d>(?:(?:but|however|yet|and)\s*,?\s+)?"
    rf"(?:{_DENIER}{_AUX_ADV}{_DENY}\s+{_PREVIOUS}"
    rf"|{_IT_SUBJECT}\s+{_BE}{_DENIED}\b){_TAIL})"
    r"\s*[.!]?[\"”’']*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a sentence's statement comes from.

    Attributes
    ----------
    speaker : str or None
        The person or organisation; None for the article's own statements.
    role : str or None
        What the speaker is ("SDF commander").
    verb : str or None
        The reporting verb or phrase as written ("announced", "according to").
    chain : tuple of str
        Outlets between speaker and article, nearest first ("ANF",).
    official : bool
        The speaker is an organisation, or has an official or expert role.
    rumour : bool
        An unattributed claim ("it is claimed", "reportedly", "rumours").
    excluded : tuple of (int, int)
        Character spans (in the document) of the speaker's name and role: places
        named there describe the speaker, not the statement.
    org : str or None
        The speaker's organisation when the role names one ("SDF"), or the words
        of an unnamed speaker ("SDF fighters"): "our forces" in the speaker's
        words are its forces.
    inherited : bool
        The attribution comes from an earlier sentence (quotation, pronoun,
        continuation).
    disputed : tuple of (int, int) or None
        Character span (in the document) of another party's denial of the
        statement later in the sentence ("but police denied it"), or of the
        short sentence after it that denies it ("Police denied the report.");
        None if none.
    clauses : tuple of ((int, int), Attribution)
        For a sentence of clauses set against each other that have speakers of
        their own ("Jane Doe is not in Raqqa, *but* police say she is in
        Mosul"; "Police say ..., *but* her brother says ..."), or reporting
        verbs of their own ("Police said she was in Mosul, *and they believe*
        ..."), the span of each clause (in the document) and who states it;
        empty otherwise, and the attribution is the whole sentence's (see
        :meth:`at`).
    target : bool
        The speaker is the target ("She told police she was heading to
        Denver"): its name is the target's, its role begins with
        :data:`TARGET_ROLE`.
    """

    speaker: str | None = None
    role: str | None = None
    verb: str | None = None
    chain: tuple[str, ...] = ()
    official: bool = False
    rumour: bool = False
    excluded: tuple[tuple[int, int], ...] = ()
    org: str | None = None
    inherited: bool = False
    disputed: tuple[int, int] | None = None
    clauses: tuple[tuple[tuple[int, int], Attribution], ...] = ()
    target: bool = False

    def carried(self) -> Attribution:
        """The same attribution, marked as inherited (for quotes, continuations)."""
        return Attribution(
            speaker=self.speaker, role=self.role, verb=self.verb, chain=self.chain,
            official=self.official, rumour=self.rumour, excluded=(), org=self.org,
            inherited=True, target=self.target,
        )  # fmt: skip

    def at(self, offset: int) -> Attribution:
        """Who states the clause at document ``offset``: its own, else this one."""
        for (a, b), attr in self.clauses:
            if a <= offset < b:
                return attr
        return self


@dataclass(slots=True)
class SpeakerRegistry:
    """Speakers seen so far in a document, keyed by surname, to complete short names.

    Examples
    --------
    >>> reg = SpeakerRegistry()
    >>> reg.add("Said al-Ceyyasi", "researcher")
    >>> reg.complete("Al-Ceyyasi", None)
    ('Said al-Ceyyasi', 'researcher')
    """

    by_key: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    #: The target's name, and the spans (in the document) of the words that
    #: refer to it (:func:`~geosleuth.read.target.find_target_refs`): a subject
    #: there makes the target the speaker.
    target: str | None = None
    target_at: tuple[tuple[int, int], ...] = ()

    def is_target(self, tok: Any) -> bool:
        """Whether the word ``tok`` (of a parse) refers to the target."""
        return self.target is not None and any(
            a <= tok.idx < b for a, b in self.target_at
        )

    def add(self, name: str, role: str | None) -> None:
        """Remember ``name`` (and its role) under its surname key."""
        words = name.split()
        if not words:
            return
        key = name_key(words[-1])
        old = self.by_key.get(key)
        if old is None or len(name) > len(old[0]) or (old[1] is None and role):
            self.by_key[key] = (
                name if old is None or len(name) >= len(old[0]) else old[0],
                role or (old[1] if old else None),
            )

    def complete(self, name: str, role: str | None) -> tuple[str, str | None]:
        """The fullest known form of ``name`` and its role."""
        words = name.split()
        if not words:
            return name, role
        known = self.by_key.get(name_key(words[-1]))
        if known is None:
            return name, role
        full = known[0] if len(known[0]) > len(name) else name
        return full, role or known[1]


def modifiers_start(tok: Any) -> int:
    """The index of the first of the words right before ``tok`` that modify it.

    Its adjectives and compounds, next to each other and to it, in the parse:
    "the *Iraqi intelligence* officials", "*doorbell* footage". ``tok.i`` when
    there are none.
    """
    first = int(tok.i)
    for child in reversed(list(tok.lefts)):
        if (
            child.dep_ not in ("amod", "compound", "nmod")
            or child.right_edge.i != first - 1
        ):
            break
        first = int(child.left_edge.i)
    return first


def dispute_span(text: str, base: int = 0) -> tuple[int, int] | None:
    """The span of another party's denial of the sentence ``text``, if any.

    Parameters
    ----------
    text : str
        One sentence.
    base : int, default 0
        The sentence's offset in the document; the span is in the document.

    Returns
    -------
    tuple of (int, int) or None
        From the first word of the denial to the end of its clause.

    Examples
    --------
    >>> t = "Doe was seen in Aspen, but police denied it on Friday."
    >>> s, e = dispute_span(t)
    >>> t[s:e]
    'but police denied it on Friday'
    >>> dispute_span("Doe was seen in Aspen, a claim the army denied.", 10)
    (33, 56)
    >>> dispute_span("Doe was seen in Aspen, but police did not deny it.") is None
    True
    """
    m = _DISPUTE.search(text)
    if m is None:
        return None
    return base + m.start("d"), base + len(m.group(0).rstrip()) + m.start()


def denial_of_previous(text: str, base: int = 0) -> tuple[int, int] | None:
    """The span of ``text`` if it is a short sentence that denies the one before.

    The main verb denies ("deny", "reject", "dismiss", "dispute", "refute",
    "contradict") "it", "this" or a report of the sentence before ("the report",
    "the claim", "the reports"), with at most an adverbial after it, or the report
    is denied in the passive ("The report was denied by police.").

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

    Examples
    --------
    >>> t = "Police denied the report on Friday."
    >>> s, e = denial_of_previous(t)
    >>> t[s:e]
    'Police denied the report on Friday'
    >>> denial_of_previous("The claim was later rejected by the army.", 10)
    (10, 50)
    >>> denial_of_previous("Police did not deny the report.") is None
    True
    >>> denial_of_previous("Police denied that she was in Vail.") is None
    True
    """
    m = _DENIES_PREVIOUS.match(text.strip())
    if m is None:
        return None
    lead = len(text) - len(text.lstrip())
    return base + lead + m.start("d"), base + lead + m.end("d")


def quote_states(text: str, spans: list[tuple[int, int]]) -> list[tuple[bool, bool]]:
    """For each sentence span, whether a quotation is open at its start and end.

    Curly quotes open (“) and close (”); a straight quote toggles. Paragraph
    breaks close any open quotation.

    Examples
    --------
    >>> t = 'He said: "One. Two.” Three.'
    >>> quote_states(t, [(0, 14), (15, 20), (21, 27)])
    [(False, True), (True, False), (False, False)]
    """
    out: list[tuple[bool, bool]] = []
    is_open = False
    pos = 0
    for s, e in spans:
        if "\n\n" in text[pos:s]:
            is_open = False
        start_open = is_open
        for ch in text[s:e]:
            if ch == "“":
                is_open = True
            elif ch == "”":
                is_open = False
            elif ch == '"':
                is_open = not is_open
        out.append((start_open, is_open))
        pos = e
    return out


def _reports(tok: Any) -> bool:
    """Whether ``tok`` is a reporting verb: "said", "believe", "ruled out".

    Also a verb that calls a report of a statement untrue, which it denies, or
    true: "Police *dismissed* reports that ...", "*called* reports that ...
    nonsense", "*laughed off* claims that ...", "*described* reports that ...
    as credible" (:func:`~geosleuth.read._reports.judges_a_report`).

    Examples
    --------
    >>> from types import SimpleNamespace as T
    >>> out = T(dep_="prt", lower_="out")
    >>> _reports(T(lemma_="rule", children=[out]))
    True
    >>> _reports(T(lemma_="rule", children=[]))
    False
    """
    lemma = tok.lemma_.lower()
    if lemma in REPORTING_LEMMAS:
        return True
    particle = _REPORTING_WITH.get(lemma)
    if particle is not None and any(
        c.dep_ == "prt" and c.lower_ == particle for c in tok.children
    ):
        return True
    return judges_a_report(tok)


#: Verbs of speaking, whose "in X" is where the words were spoken: "told
#: reporters in Baghdad", "said in Baghdad", "Speaking in Baghdad, ...". Not
#: verbs of belief or report ("believe", "reported seeing her in Leeds"), whose
#: "in X" the parser may take from the statement.
_SPEAKING_LEMMAS = frozenset(
    {"say", "tell", "speak", "talk", "announce", "add", "explain", "address",
     "brief", "declare", "confirm", "insist", "note", "stress", "state"}
)  # fmt: skip
#: The prepositions of where the words were spoken.
_VENUE_PREPS = frozenset({"in", "at"})


def venue_spans(sent: Any, is_target: Any) -> list[tuple[int, int]]:
    """Where the sentence's speakers spoke: not where the target is.

    "Abu Ali is in Raqqa, the minister told reporters *in Baghdad*": Baghdad is
    where the minister spoke, and so in "said in Baghdad on Monday", "told a
    news conference in Baghdad", "told Reuters in Baghdad", "*Speaking in
    Baghdad*, the minister said" and "according to the gendarmerie *in
    Chamonix*". The span of each "in"/"at" phrase of a verb of speaking
    (:data:`_SPEAKING_LEMMAS`), of its object or of whom it is told to, and of
    the object of "according to". A verb whose subject is the target
    (``is_target(token)``) is left out: where she told reporters she is safe
    is where she was; so is one in the passive whose subject is what was said
    ("Cases have been confirmed *in Kisumu*": where the cases are, and no one
    is named speaking there; :func:`_said_of_a_thing`).
    """
    out: list[tuple[int, int]] = []

    def phrases(tok: Any) -> None:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in _VENUE_PREPS:
                start, end, _ = _span_text_kept(c.subtree)
                out.append((start, end))

    for tok in sent:
        if tok.lower_ == "according":
            for to in (c for c in tok.children if c.lower_ == "to"):
                for obj in (c for c in to.children if c.dep_ == "pobj"):
                    if not is_target(obj):
                        phrases(obj)
            continue
        speaking = tok.lemma_.lower() in _SPEAKING_LEMMAS
        if tok.pos_ not in ("VERB", "AUX") or not speaking:
            continue
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if tok.dep_ == "advcl" and not subjects:
            subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
        if any(is_target(c) for c in subjects):
            continue
        if _said_of_a_thing(tok):
            continue  # "Cases have been confirmed in Kisumu": where the cases are
        phrases(tok)
        for c in tok.children:
            if c.dep_ in ("dobj", "dative") and not is_target(c):
                phrases(c)
            elif c.dep_ == "prep" and c.lower_ == "to":
                for obj in (g for g in c.children if g.dep_ == "pobj"):
                    phrases(obj)
    return out


#: Verbs of speaking whose passive subject is the one spoken to: "He was told in
#: Baghdad".
_TOLD_LEMMAS = frozenset({"tell", "brief", "address"})


def _said_of_a_thing(tok: Any) -> bool:
    """Whether ``tok``, a verb of speaking, is passive with a thing as subject.

    "Cases have been confirmed in Kisumu", "An outbreak was declared in
    Kisumu": what was said is the subject, and "in Kisumu" where it is, not
    where anyone spoke (no one is named speaking). Not "It was announced in
    Baghdad that ..." (a pronoun) nor "He was told in Baghdad" (the one told).
    """
    if tok.lemma_.lower() in _TOLD_LEMMAS:
        return False
    subjects = [c for c in tok.children if c.dep_ == "nsubjpass"]
    return bool(subjects) and all(c.pos_ in ("NOUN", "PROPN") for c in subjects)


def _is_name_word(text: str) -> bool:
    if text.lower() in _PARTICLES:
        return True
    if not text[:1].isupper() or text.lower() in _ROLE_WORDS:
        return False
    return not (text.isupper() and len(text) > 1)


def _name_of(head: Any) -> tuple[int, int, str, str | None] | None:
    """(start char, end char, name, title) of the name headed by ``head``."""
    doc = head.doc
    if not _is_name_word(head.text) or head.pos_ not in (
        "PROPN",
        "NOUN",
        "VERB",
        "X",
        "ADJ",
    ):
        return None
    i = head.i
    while (
        i - 1 >= head.sent.start
        and doc[i - 1].head.i in range(doc[i - 1].i, head.i + 1)
        and doc[i - 1].dep_ in ("compound", "flat", "punct", "nmod", "amod")
        and (doc[i - 1].text not in (",", "(", '"', "“"))
    ):
        i -= 1
    toks = list(doc[i : head.i + 1])
    k = len(toks)
    while k > 0 and _is_name_word(toks[k - 1].text):
        k -= 1
    name_toks = toks[k:]
    while (
        name_toks
        and name_toks[0].text.lower() in _PARTICLES
        and (not name_toks[0].text[:1].isupper())
    ):
        name_toks = name_toks[1:]
    if not name_toks:
        return None
    start, end = name_toks[0].idx, head.idx + len(head.text)
    name = doc.text[start:end]
    name = re.sub(r"(?:['’]s)$", "", name).strip()
    title = doc.text[toks[0].idx : start].strip() if k > 0 else None
    return start, end, name, title or None


def _span_text(tokens: Any) -> tuple[int, int, str]:
    toks = list(tokens)
    s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    text = toks[0].doc.text[s:e].strip(' ,;:"“”')
    text = re.sub(r"^(?:a|an|the)\s+", "", text, flags=re.IGNORECASE)
    return s, e, text


def _role_words(tokens: Any) -> str:
    """The words of ``tokens`` as a role: no article; lower case at a sentence start.

    "The family's lawyer" is "family's lawyer", "Her brother" "her brother";
    a name at the start keeps its case ("Hale's lawyer").
    """
    toks = list(tokens)
    _, _, words = _span_text(toks)
    if words and words[:1].isupper() and toks[0].is_sent_start:
        first = next((t for t in toks if words.startswith(t.text)), toks[0])
        if not first.ent_type_ and first.pos_ != "PROPN":
            words = words[:1].lower() + words[1:]
    return words


#: Prepositions after which a named person owns the subject's common noun: "the
#: mother of Jane Doe", "a lawyer for Jane Doe" (not "experts, including X").
_OWNER_PREPS = frozenset({"of", "for"})


def _owned_by(subj: Any, name_root: Any) -> bool:
    """Whether a common-noun subject is someone's, named after "of" or "for".

    "The mother of Mark Jensen said", "a lawyer for Mark Jensen said": the person
    named is the object of the subject's own "of" or "for"; the speaker is the
    mother or the lawyer, not Mark Jensen.
    """
    prep = name_root.head
    return (
        subj.pos_ == "NOUN"
        and name_root.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.lower_ in _OWNER_PREPS
        and prep.head.i == subj.i
    )


#: Heads of an organisation's name that its owner names: "the sheriff's office",
#: "the Washington County Sheriff's Office", "the city's police department".
_OFFICE_HEADS = frozenset(
    {"office", "department", "bureau", "agency", "service", "ministry", "command"}
)


def _speaker_from_subject(subj: Any) -> tuple[int, int, str, str | None, bool] | None:
    """(start, end, name, role, is_org) from a subject token."""
    if subj.lower_ in _OFFICE_HEADS and any(
        c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN") and c.ent_type_ != "PERSON"
        for c in subj.children
    ):
        # "the Washington County Sheriff's Office said": the office, whole, not
        # "Office"; "the sheriff's office said" is no unnamed person
        start, end, words = _span_text(subj.subtree)
        return start, end, words[:1].upper() + words[1:], None, True
    got = _name_of(subj)
    doc = subj.doc
    head_role = None
    if got is None:
        # "Many experts, including researcher X, think": a PERSON in the subject.
        ents = [
            e
            for e in doc.ents
            if e.label_ == "PERSON"
            and subj.left_edge.i <= e.start
            and e.end <= subj.right_edge.i + 1
            and not _in_clause_of(e.root, subj)
        ]
        if ents and (
            (ents[0].root.dep_ == "poss" and ents[0].root.head.i == subj.i)
            or _owned_by(subj, ents[0].root)
        ):
            # "Jane Doe's brother said", "the mother of Jane Doe said": the
            # brother or the mother speaks, not Jane Doe
            start, end, words = _span_text(subj.subtree)
            return start, end, words[:1].upper() + words[1:], None, False
        if ents:
            ent = ents[0]
            got = _name_of(ent.root) or (ent.start_char, ent.end_char, ent.text, None)
            if ent.root.dep_ == "appos" and ent.root.head.i == subj.i:
                # "Hale's lawyer, Tom Briggs, denied": the noun the name is in
                # apposition to is the role
                head_role = _role_words(doc[subj.left_edge.i : subj.i + 1])
        else:
            orgs = [
                e
                for e in doc.ents
                if e.label_ in ("ORG", "NORP", "GPE") and e.start <= subj.i < e.end
            ]
            if orgs and subj.pos_ in ("PROPN", "NOUN"):
                ent = orgs[0]
                name = re.sub(r"^[Tt]he\s+", "", ent.text)
                return ent.start_char, ent.end_char, name, None, True
            return None
    start, end, name, title = got
    role = head_role or title
    for child in subj.children if head_role is None else ():
        if child.dep_ == "appos":
            _, _, role = _span_text(child.subtree)
            break
    if role is None:
        before = doc.text[subj.sent.start_char : start]
        m = _INCLUDING.search(before)
        if m is not None:
            role = m.group("role").strip() or None
    ents = [e for e in doc.ents if e.start_char <= start < e.end_char]
    label = ents[0].label_ if ents else None
    is_org = label == "ORG" and not title and role is None
    if is_org and len(name.split()) == 1 and not name.isupper():
        # a tagger's ORG on a surname ("Al-Ceyyasi"), but not after "the" ("The
        # Pentagon said"): a person's name takes no article
        before = doc.text[subj.sent.start_char : start].split()
        is_org = bool(before) and before[-1].lower() == "the"
    if not title and label != "PERSON" and _org_by_name(name):
        is_org = True  # "Human Rights Watch said", "Reuters reported"
    if is_org and label == "ORG" and ents[0].end_char > end:
        # the tagger's name goes on past the head: "The Syrian Observatory for
        # Human Rights", "the International Committee of the Red Cross"
        end = ents[0].end_char
        name = re.sub(r"^[Tt]he\s+", "", doc.text[start : ents[0].end_char])
    return start, end, name, role, is_org


def _in_clause_of(tok: Any, subj: Any) -> bool:
    """Whether ``tok`` is in a clause that describes ``subj``, not its name.

    "A hiker *who saw Jane Doe in Leeds* said": the hiker speaks, and Jane Doe
    is the one seen; so in "The woman, *seen with Jane Doe*, said".
    """
    for anc in tok.ancestors:
        if anc.i == subj.i:
            return False
        if anc.dep_ in ("relcl", "acl") and anc.head.i == subj.i:
            return True
    return False


#: First words of a subject that make it no one: "no witness said".
_NO_ONE = frozenset({"no", "not", "neither", "none", "nobody"})
#: Entities that make a subject a name, not an unnamed person.
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})


def _unnamed_speaker(subj: Any) -> tuple[int, int, str, str | None] | None:
    """(start, end, words, role) of an unnamed person who speaks, else None.

    The subject's head is a common noun for a person who is no authority
    (:data:`~geosleuth.read._lexicon.PERSON_NOUNS`: "a hiker", "her brother",
    "Jane Doe's brother", "residents"), not part of a name, with no person named
    in it but its owner ("Jane Doe's"), and not denied ("no witness"). The words
    run from the subject's first word to its head, with what follows it in
    prepositions and conjuncts ("a shepherd from Hajin", "residents and
    shopkeepers"), not its relative clauses; the first letter is capitalised, as
    for "Officials". The role is the head with the words that describe it
    ("hiker", "brother", "local taxi driver", "residents" of "Residents of
    Raqqa"), none when it is all the words ("Residents") or there are several
    heads. ``(start, end)`` is the whole
    subject, so that places in it describe the speaker.
    """
    doc = subj.doc
    lemma = subj.lemma_.lower()
    if (
        subj.pos_ not in ("NOUN", "PROPN")
        or (lemma not in PERSON_NOUNS and subj.lower_ not in PERSON_NOUNS)
        or subj.left_edge.lower_ in _NO_ONE
    ):
        return None
    for e in doc.ents:
        if e.start <= subj.i < e.end and e.label_ in _NAMED:
            return None  # "Brother Tom", a name
        if (
            e.label_ == "PERSON"
            and subj.left_edge.i <= e.start
            and e.end <= subj.right_edge.i + 1
            and not (e.root.dep_ == "poss" and e.root.head.i == subj.i)
            and not _in_clause_of(e.root, subj)
        ):
            return None  # "residents, including Tom Fox": the named one speaks
    end = subj.i + 1
    conj = False
    for child in subj.rights:
        if child.dep_ not in ("prep", "conj", "cc") or child.left_edge.i != end:
            break
        conj = conj or child.dep_ == "conj"
        end = child.right_edge.i + 1
    start, stop, words = _span_text_kept(doc[subj.left_edge.i : end])
    first = modifiers_start(subj)
    role = None if conj else doc.text[doc[first].idx : subj.idx + len(subj.text)]
    if role is not None and role.lower() == words.lower():
        role = None
    elif role is not None and doc[first].is_sent_start and not doc[first].ent_type_:
        role = role[:1].lower() + role[1:]  # "Residents of Raqqa": "residents"
    left, right = _role_span(subj, start)
    return left, max(right, stop), words[:1].upper() + words[1:], role


#: Articles that make an organisation's noun no one in particular: "a group of
#: hikers said".
_INDEFINITE = frozenset({"a", "an", "some", "any", "another"})


def _org_noun(subj: Any) -> bool:
    """Whether ``subj`` names an organisation by a common noun, as "the army" does.

    Its head is one of :data:`~geosleuth.read._lexicon.ORG_NOUNS` ("the
    coalition", "the militia", "the group", "state media", "the Islamic State
    group", "the US-led coalition"), not indefinite or denied ("a group of
    hikers", "no group"), and not a group of people ("the group of hikers").
    """
    if (
        subj.lower_ not in ORG_NOUNS and subj.lemma_.lower() not in ORG_NOUNS
    ) or subj.left_edge.lower_ in _NO_ONE | _INDEFINITE:
        return False
    return not any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(
            g.dep_ == "pobj" and g.lemma_.lower() in PERSON_NOUNS for g in c.children
        )
        for c in subj.children
    )


def _span_text_kept(tokens: Any) -> tuple[int, int, str]:
    """(start, end, words) of ``tokens``, articles kept, outer punctuation not."""
    toks = list(tokens)
    s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    return s, e, toks[0].doc.text[s:e].strip(' ,;:"“”')


def _org_by_name(name: str) -> bool:
    """Whether ``name`` is an organisation's by its words alone.

    Examples
    --------
    >>> [_org_by_name(n) for n in ("Human Rights Watch", "Reuters")]
    [True, True]
    >>> [_org_by_name(n) for n in ("Watch", "Hisham al-Hashimi")]
    [False, False]
    """
    words = name.split()
    if len(words) == 1:
        return words[0] in NEWS_AGENCIES
    return words[-1] in SPEAKER_ORG_WORDS


def _role_span(subj: Any, name_start: int) -> tuple[int, int]:
    """The span from the subject's left edge to its right edge (name and role)."""
    left = min(subj.left_edge.idx, name_start)
    right = subj.right_edge.idx + len(subj.right_edge.text)
    return left, right


def _org_of(role: str | None, name: str | None) -> str | None:
    for text in (role, name):
        if text:
            m = re.search(r"\b([A-Z]{2,6})\b", text)
            if m is not None:
                return m.group(1)
    return None


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
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    subjects.sort(key=lambda c: (c.pos_ != "PROPN", c.i))
    for subj in subjects:
        found = _subject_speaker(
            subj, verb.text, registry, previous, chain, disputed, consulted
        )
        if found is not None:
            return found
    if not subjects:
        return _stranded_speaker(verb, registry, chain, disputed, consulted)
    return None


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
    if low == "it":
        return None
    unnamed = _unnamed_speaker(subj)
    if unnamed is not None:
        # "A hiker said", "her brother told police", "residents said"
        left, right, words, role = unnamed
        return Attribution(
            speaker=words, role=role, verb=verb, chain=chain,
            official=bool(role and _OFFICIAL.search(role)),
            excluded=((left, right),), org=_org_of(role, words),
            disputed=disputed,
        )  # fmt: skip
    got = _speaker_from_subject(subj)
    if (
        got is None
        and subj.pos_ == "NOUN"
        and (
            any(_OFFICIAL.fullmatch(w) for w in (subj.text, subj.lemma_))
            or _org_noun(subj)
        )
    ):
        # unnamed authorities: "Iraqi intelligence officials said"; unnamed
        # organisations: "the coalition said", "state media reported"
        left, right, words = _span_text(subj.subtree)
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
    official = is_org or any(t and _OFFICIAL.search(t) for t in (role, name))
    return Attribution(
        speaker=name, role=role, verb=verb, chain=chain,
        official=official, rumour=False, excluded=((left, right),),
        org=_org_of(role, name if is_org else None), disputed=disputed,
    )  # fmt: skip


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
    official = any(t and _OFFICIAL.search(t) for t in (role, name))
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


#: Conjunctions that set one clause against another: "..., but police say".
_CONTRAST_CC = frozenset({"but", "yet"})
#: Conjunctions that add a clause to another: "..., and analysts argue". The
#: added clause has a speaker of its own only where it reports speech or belief
#: ("and *police believe* she is in York"); one that reports nothing continues
#: the first speaker's report ("Police say ..., and her car was found in Vail").
_ADDING_CC = frozenset({"and"})
#: What makes a statement untrue ("that is *wrong*"), and true ("this is not
#: *true*"): a clause that says so of "that" denies the clause before it.
_UNTRUE_WORDS = frozenset(
    {"wrong", "false", "untrue", "incorrect", "inaccurate", "baseless", "unfounded",
     "groundless", "mistaken", "nonsense", "rubbish", "lie", "fabricated", "fake"}
)  # fmt: skip
_TRUE_WORDS = frozenset({"true", "correct", "accurate", "right", "case", "so"})
#: Words that may judge a deed rather than a statement: "it was *wrong*".
_MORAL_WORDS = frozenset({"wrong", "right"})
#: Links to what a judgement is of, when it is not the statement before: "it is
#: not true *that she ran away*", "it is wrong *to negotiate*".
_OF_ANOTHER = frozenset({"ccomp", "xcomp", "csubj", "advcl"})


def _by_clause(
    sent: Any,
    found: Attribution,
    registry: SpeakerRegistry,
    previous: Attribution | None,
    chain: tuple[str, ...],
    disputed: tuple[int, int] | None,
) -> Attribution:
    """``found``, with the speakers of two clauses joined by "but", "yet" or "and".

    The sentence's main verb and a clause joined to it by "but" or "yet" with a
    subject of its own: each clause, up to the conjunction and from it, is stated
    by the speaker of its own reporting verb ("but *police say* she is in
    Mosul"), or is the article's own if its verb reports nothing ("Jane Doe is
    not in Raqqa, but ..."). Only where the two differ in who states them; then
    both speakers' names and roles are kept out of the statement
    (:attr:`Attribution.excluded`). A denial of the statement ("..., but police
    denied it", "..., but the army says that is wrong": :func:`_says_untrue`) is
    no clause of its own, but disputes the first (:attr:`Attribution.disputed`).
    A reporting verb whose subject cannot be named ("but *she says*", the
    passive "Jane Doe *is believed* to be in Raqqa, but ...") gives its clause no
    named speaker, never the other clause's, but for "they" or "we" ("Police say
    she is not in Mosul, but *they believe* she may be in Vail": the police's);
    one of a rumour ("but it is rumoured") makes it a rumour.

    A clause joined by "and" is read the same way where its verb reports speech
    or belief ("Her sister says ..., *and police believe* she is in York"), its
    "he", "she" or "they" being the first clause's speaker ("Police said ...,
    *and they believe* ..."); one whose verb reports nothing continues the first
    clause's report ("Police say she is in Mosul, and her car was found in
    Vail": the police's), and one with no subject of its own is part of it
    ("Police say she was seen in Leeds *and is believed* to have gone to York").
    """
    root = sent.root
    cuts = [
        c
        for c in root.children
        if c.dep_ == "cc" and c.lower_ in _CONTRAST_CC | _ADDING_CC
    ]
    heads = [
        c
        for c in root.children
        if c.dep_ == "conj"
        and c.pos_ in ("VERB", "AUX")
        and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
    ]
    if len(cuts) != 1 or len(heads) != 1 or not root.i < cuts[0].i < heads[0].i:
        return found
    adding = cuts[0].lower_ in _ADDING_CC
    if adding and not _reports(heads[0]):
        return found  # "Police say ..., and her car was found in Vail"
    cut = cuts[0].idx
    spans = ((sent.start_char, cut), (cut, sent.end_char))
    attrs: list[Attribution] = []
    for head, (a, b) in zip((root, heads[0]), spans, strict=True):
        if disputed is not None and disputed[0] <= head.idx < disputed[1]:
            return found  # "..., but police denied it"
        said = None
        rumour = _RUMOUR.search(sent.doc.text[a:b]) is not None
        if _reports(head):
            # "but she says", "is believed to be": no one the parse can name, and
            # not the other clause's speaker; "and they believe": the first's
            # "..., but they believe ...": "they" is the first clause's speaker
            # too (a he or she after "but" may be anyone, the target included)
            they = any(
                g.dep_ in ("nsubj", "nsubjpass") and g.lower_ in ("they", "we")
                for g in head.children
            )
            first = attrs[0] if attrs and attrs[0].speaker else None
            last = first if first is not None and (adding or they) else previous
            said = _verb_speaker(head, registry, last, chain, disputed, None)
        attrs.append(said or Attribution(rumour=rumour, disputed=disputed))
    if disputed is None and _says_untrue(heads[0]):
        # "Jane Doe is in Raqqa, but the army says that is wrong": the first
        # clause is stated by its own speaker, and disputed by the second
        words = [t for t in sent if t.i >= cuts[0].i and not t.is_punct]
        end = words[-1].idx + len(words[-1].text)
        first = attrs[0]
        if first.speaker is None:
            first = Attribution(chain=chain, rumour=first.rumour)
        return replace(first, disputed=(cut, end))
    reports = all(_reports(h) for h in (root, heads[0]))
    if _who(attrs[0]) == _who(attrs[1]) and not reports:
        return found
    excluded = tuple(
        dict.fromkeys((*found.excluded, *[x for t in attrs for x in t.excluded]))
    )
    return replace(
        found, excluded=excluded, clauses=tuple(zip(spans, attrs, strict=True))
    )


def _who(attr: Attribution) -> tuple[str | None, str | None, bool, bool, bool]:
    """Who states a clause, as its grade tells: a rumour is not the article's."""
    return attr.speaker, attr.role, attr.official, attr.rumour, attr.target


def _says_untrue(verb: Any) -> bool:
    """Whether the reporting ``verb`` says that what was said before is untrue.

    Its clause has "that", "this" or "it" as subject and calls it untrue ("says
    *that is wrong*", "said it was false") or, negated, true ("says *this is not
    true*", "not the case"), with nothing after that it says so of: "it is not
    true *that she ran away*", "it is not right *to speculate*" judge another
    statement or a deed. Nor is "it" that is "wrong" or "right" the statement
    ("her lawyer says *it was wrong*": the deed was unjust).
    """
    if verb.lemma_.lower() not in REPORTING_LEMMAS:
        return False
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        kids = list(clause.children)
        subject = next(
            (
                c.lower_
                for c in kids
                if c.dep_ in ("nsubj", "nsubjpass")
                and c.lower_ in ("that", "this", "it")
            ),
            None,
        )
        if subject is None:
            continue
        said = [c for c in kids if c.dep_ in ("acomp", "attr")]
        if any(g.dep_ in _OF_ANOTHER for t in (clause, *said) for g in t.children):
            continue  # "it is not true that she ran away", "not right to speculate"
        negated = any(c.dep_ == "neg" for c in kids)
        words = {c.lemma_.lower() for c in said}
        if subject == "it":
            words -= _MORAL_WORDS  # "it was wrong": the deed, not the statement
        if (words & _UNTRUE_WORDS and not negated) or (words & _TRUE_WORDS and negated):
            return True
    return False


def attribute(
    sent: Any,
    registry: SpeakerRegistry,
    *,
    previous: Attribution | None = None,
    in_quote: bool = False,
    quote_owner: Attribution | None = None,
    consulted: set[str] | None = None,
) -> Attribution:
    """The attribution of one parsed sentence.

    Parameters
    ----------
    sent : spacy.tokens.Span
        The sentence.
    registry : SpeakerRegistry
        Speakers seen so far; updated with the ones found here.
    previous : Attribution or None
        The last sentence's attribution, for "he said".
    in_quote : bool
        A quotation is open at the start of the sentence.
    quote_owner : Attribution or None
        The attribution of the sentence that opened the quotation.
    consulted : set of str or None, default None
        If given, receives what of the earlier sentences the result depends on:
        ``"previous"`` (a pronoun as speaker), ``"name:<key>"`` (a named speaker,
        completed from earlier speakers of that surname key, see
        :func:`~geosleuth.read.target.name_key`) or ``"quote"`` (an open
        quotation). A reader that parsed only some sentences uses it to know when
        it must parse the earlier ones too.

    Returns
    -------
    Attribution
        ``Attribution()`` (no speaker) for the article's own statements.
    """
    text = sent.text
    base = sent.start_char
    chain = tuple(m.group("m").strip() for m in _CHAIN.finditer(text))
    rumour = _RUMOUR.search(text) is not None
    disputed = dispute_span(text, base)
    verbs = [
        t
        for t in sent
        if _reports(t)
        and t.pos_ in ("VERB", "AUX")
        # the one who disputes the statement ("but police denied it") says the
        # opposite, and is not its speaker
        and not (disputed is not None and disputed[0] <= t.idx < disputed[1])
    ]
    verbs.sort(key=lambda t: (t.dep_ != "ROOT", t.i))
    for verb in verbs:
        found = _verb_speaker(verb, registry, previous, chain, disputed, consulted)
        if found is not None:
            return _by_clause(sent, found, registry, previous, chain, disputed)
    found = _according_speaker(sent, registry, previous, chain, disputed, consulted)
    if found is not None:
        return found
    if in_quote and consulted is not None and _ACCORDING.search(text) is None:
        consulted.add("quote")
    return _unparsed(text, base, chain, rumour, in_quote, quote_owner)


def attribute_text(
    text: str,
    base: int,
    *,
    in_quote: bool = False,
    quote_owner: Attribution | None = None,
) -> Attribution:
    """The attribution of a sentence that was not parsed: what its words alone say.

    Only "according to", a reporting chain, a rumour or an open quotation are read;
    a reporting verb's subject needs the parse (:func:`attribute`).

    Examples
    --------
    >>> attribute_text("According to the Defense Ministry, it fell.", 0).speaker
    'Defense Ministry'
    >>> attribute_text("It fell.", 0).speaker is None
    True
    """
    chain = tuple(m.group("m").strip() for m in _CHAIN.finditer(text))
    rumour = _RUMOUR.search(text) is not None
    return _unparsed(text, base, chain, rumour, in_quote, quote_owner)


def _unparsed(
    text: str,
    base: int,
    chain: tuple[str, ...],
    rumour: bool,
    in_quote: bool,
    quote_owner: Attribution | None,
) -> Attribution:
    disputed = dispute_span(text, base)
    m = _ACCORDING.search(text)
    if m is not None:
        src = m.group("src").strip()
        src = re.sub(r"\s+(?:of|for|and)$", "", src)
        # the sentence's full stop is no part of the name: "Justin Smith."
        src = re.sub(r"(?<=[a-z]{2})\.$", "", src)
        s = base + m.start("src")
        name, role = _title_and_name(src)
        return Attribution(
            speaker=name, role=role, verb="according to", chain=chain,
            official=bool(_OFFICIAL.search(src)) or _org_by_name(src),
            excluded=((s, s + len(src)),), org=_org_of(role, src),
            disputed=disputed,
        )  # fmt: skip
    if in_quote and quote_owner is not None and quote_owner.speaker is not None:
        return replace(quote_owner.carried(), disputed=disputed)
    return Attribution(chain=chain, rumour=rumour, disputed=disputed)


def _title_and_name(words: str) -> tuple[str, str | None]:
    """(name, role) of a title followed by a name, as written without a parse.

    The words up to the last of :data:`_ROLE_WORDS` are the role when a name
    follows it; else all the words are the name.

    Examples
    --------
    >>> _title_and_name("Larimer County Sheriff Justin Smith")
    ('Justin Smith', 'Larimer County Sheriff')
    >>> _title_and_name("Human Rights Watch")
    ('Human Rights Watch', None)
    """
    parts = words.split()
    cut = max(
        (i for i, w in enumerate(parts[:-1]) if w.lower().rstrip(".") in _ROLE_WORDS),
        default=None,
    )
    if cut is None or not all(_is_name_word(w) for w in parts[cut + 1 :]):
        return words, None
    return " ".join(parts[cut + 1 :]), " ".join(parts[: cut + 1])
