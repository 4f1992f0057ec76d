"""Who says it: speakers, their roles, reporting verbs and reporting chains.

A sentence is *attributed* when a reporting verb ("says", "said", "announced",
"argues", "thinks", "believes", "doubts", "added", "told", "ruled out",
"according to", ...) has a named subject; so is one whose verb calls a report
untrue or true ("Police *dismissed* reports that ...", "*rejected* claims
that", "*called* reports that ... nonsense", "*laughed off* reports that",
"*dismissed* a post claiming that": :mod:`geosleuth.read._reports`), for the
one who rebuts a report denies what it says, and one whose verb has or puts out
a camera's footage of someone ("Police *have* CCTV footage of Jane Doe at Leeds
station", "*released* CCTV footage showing her":
:func:`~geosleuth.read._sighting_media.puts_out_footage`), for the one who has
it says where it shows them. The speaker is the name in the
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
A subject that is no one ("no witness said") is no speaker, nor one that is
what shows it ("*Evidence* suggests", "*Everything* indicates"), nor hearsay
("*Rumours* say", "*Reports* say", "*Gossip* says"), which is a rumour, at
most possible (:attr:`Attribution.hearsay`). The one who
is confident, convinced, sure or certain that something is so holds it, as
the one who believes it: "*Officials* are confident that ...", "*Police* are
convinced she is in York". Authorities are an official body, whatever their
words: "Mexican authorities said", "the port authority said". How sure such a
belief is (:func:`belief_hedge`: "are confident", probable; "are less than
confident", doubtful) is read for a clause it holds, a seeing too ("Police are
confident a hiker saw Jane Doe in Leeds").

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
attributed sentence keep its speaker; so do those of a quotation closed by its
speaker's words ('"He is not in Venezuela. He has never been in Machiques,"
*Rivas said*.'), each of its sentences, but one that says what others say
('"*They say* he is in Culiacán. He is not," Rivas said.'): their hearsay, a
rumour that Rivas relays (first in its reporting chain). "he"/"she" as the subject of a
reporting verb is the most recent speaker.

A statement with no speaker is the article's own; one introduced by "it is
claimed", "claims have been made", "reportedly", "rumours" is marked as a rumour.

Two clauses set against each other by "but" or "yet", each with its own subject,
or by "while", "whereas", "though" or "although" with a reporting verb of its
own ("Iraqi officials say he may be near Culiacán, *while analysts say* he is in
Durango"), have a speaker each (:attr:`Attribution.clauses`,
:meth:`Attribution.at`): "Jane Doe is not in Raqqa, *but police say* she is in
Mosul" (the first clause is the article's own), "Police say she is in Mosul,
*but her brother says* she is in Vail". So do two joined by "and" when the
second has a reporting verb of its own: "Her sister says Jane Doe was seen in
Leeds, *and police believe* she is in York"; one that reports nothing continues
the first speaker's report ("Police say she is in Mosul, and her car was found
in Vail"), as does a verb with no subject of its own ("Police say she was seen
in Leeds and is believed to have gone to York"). Two reporting verbs of one
speaker keep a clause each, so that each is hedged by its own words ("Police
*said* she was in Mosul, and they *believe* she is hiding in Vail": Mosul said,
Vail believed). The sentence's attribution stays that of its first reporting
verb, for what follows it ("He said ..."). A clause whose reporting verb has no
subject that can be named ("Police say ..., *but she says* ...", "Jane Doe *is
believed* to be in Raqqa, but ...") has no named speaker, as on its own: never
the other clause's. One that calls the first untrue ("Jane Doe is in Raqqa, *but
the army says that is wrong*") disputes it, as "but police denied it" does.

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
adverbial follows ("on Friday", "as false"); or one that says no in a few words
("He is not.", "That is not true.", '"He is not," Rivas said.'). Only the
sentence right before it is
disputed, and only when it is not disputed already in its own words; a denial
that says more ("Police denied the report, saying she was in Denver", "Police
denied that she was in Vail") is a statement of its own, read as such.

The module is split by what each part reads: the attribution and the speakers
seen so far (``_speakers``), the words that report (reporting verbs, "according
to", reporting chains and rumours: ``_reporting``), the names, roles and
organisations of speakers (``_names``), the speaker of a reporting verb by its
subject (``_subjects``), two clauses with speakers of their own (``_clauses``),
denials of a statement (``_disputes``), where the speakers spoke (``_venues``),
the speaker named after a quotation (``_quotes``), and here the attribution of
a sentence, parsed or not, and the quotations open at each sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from geosleuth.read._set_off import set_off_participle
from geosleuth.read.attribution._clauses import _by_clause
from geosleuth.read.attribution._disputes import denial_of_previous, dispute_span
from geosleuth.read.attribution._names import (
    OFFICIAL,
    _org_by_name,
    _org_of,
    _title_and_name,
    modifiers_start,
)
from geosleuth.read.attribution._quotes import (
    closing_speaker,
    open_at_end,
    relayed_hearsay,
)
from geosleuth.read.attribution._reporting import (
    _ACCORDING,
    _RUMOUR,
    _reports,
    belief_hedge,
    chain_names,
)
from geosleuth.read.attribution._reporting import (
    _RUMOUR as RUMOUR,  # for life: a rumour in a clause of no one's
)
from geosleuth.read.attribution._reporting import (
    REPORTING_LEMMAS as REPORTING_LEMMAS,  # for sightings, _sentence, _target_*
)
from geosleuth.read.attribution._speakers import (
    TARGET_ROLE,
    Attribution,
    SpeakerRegistry,
)
from geosleuth.read.attribution._subjects import _according_speaker, _verb_speaker
from geosleuth.read.attribution._venues import venue_spans

__all__ = [
    "RUMOUR",
    "TARGET_ROLE",
    "Attribution",
    "SpeakerRegistry",
    "attribute",
    "attribute_text",
    "belief_hedge",
    "denial_of_previous",
    "dispute_span",
    "modifiers_start",
    "quote_states",
    "venue_spans",
]


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
        is_open = open_at_end(text[s:e], open_at_start=is_open)
        out.append((start_open, is_open))
        pos = e
    return out


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
    chain = chain_names(text)
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
        # "Salcedo, reported dead in 2017, was seen in Mazatlán": a phrase that
        # describes him, parsed as his own report
        and set_off_participle(t) is None
    ]
    verbs.sort(key=lambda t: (t.dep_ != "ROOT", t.i))
    # '"They say he is in Culiacán," Rivas said.': their hearsay, Rivas relays it
    found = relayed_hearsay(sent, registry, previous, chain, disputed, consulted)
    if found is not None:
        return found
    for verb in verbs:
        found = _verb_speaker(verb, registry, previous, chain, disputed, consulted)
        if found is not None:
            return _by_clause(sent, found, registry, previous, chain, disputed)
    found = _according_speaker(sent, registry, previous, chain, disputed, consulted)
    if found is not None:
        return found
    if not (in_quote and quote_owner is not None and quote_owner.speaker):
        # '"He is not in Venezuela. He has never been in Machiques," Rivas said.'
        found = closing_speaker(
            sent, registry, previous, chain, disputed, consulted, in_quote=in_quote
        )
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
    chain = chain_names(text)
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
            official=bool(OFFICIAL.search(src)) or _org_by_name(src),
            excluded=((s, s + len(src)),), org=_org_of(role, src),
            disputed=disputed,
        )  # fmt: skip
    if in_quote and quote_owner is not None and quote_owner.speaker is not None:
        return replace(quote_owner.carried(), disputed=disputed)
    return Attribution(chain=chain, rumour=rumour, disputed=disputed)
