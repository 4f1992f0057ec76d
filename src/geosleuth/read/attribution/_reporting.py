"""The words that report: reporting verbs, "according to", chains and rumours.

The lemmas of reporting verbs (:data:`REPORTING_LEMMAS`, and "ruled out" with its
particle) and whether a word is one (:func:`_reports`), with the verbs that call
a report untrue or true (:func:`~geosleuth.read._reports.judges_a_report`) and
those that have or put out footage of someone
(:func:`~geosleuth.read._sighting_media.puts_out_footage`); and
what a sentence's words alone tell: the outlets of a reporting chain
(:data:`_CHAIN`: "Speaking to ANF", "told Fox News"), "according to" and its
source (:data:`_ACCORDING`), and a rumour (:data:`_RUMOUR`: "it is claimed",
"reportedly"). Used by :mod:`geosleuth.read.attribution`.
"""

from __future__ import annotations

import re
from typing import Any

from geosleuth.evidence import Hedge
from geosleuth.read._reports import issues_saying, judges_a_report
from geosleuth.read.hedges import hedge_of

__all__: list[str] = []

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
#: Adjectives of a firm belief, whose subject holds what their clause says:
#: "Officials *are confident that* ...", "Police *are convinced* she is in York".
_BELIEF_ADJS = frozenset({"confident", "convinced", "sure", "certain"})
#: Verbs that link a subject to such an adjective: "are", "remain", "feel".
_BELIEF_LINKS = frozenset({"be", "remain", "feel"})


def _belief(tok: Any) -> Any:
    """The adjective of a firm belief that ``tok`` links its subject to, or None.

    "Officials *are* confident that ...", "Police *remain* convinced she is in
    York": the adjective has a clause of its own, which the subject holds
    true, or doubts ("Officials are *less than* confident that ...", whose
    hedge is the words' own: :func:`~geosleuth.read.hedges.hedge_of`). Not
    "She is sure of herself", nor "He is certain to be charged".
    The parse may take "convinced" for a passive verb ("Police *are convinced*
    Jane Doe is in York"): it is then ``tok`` itself.
    """
    if (
        tok.lower_ == "convinced"
        and any(c.dep_ == "auxpass" for c in tok.children)
        and any(c.dep_ == "ccomp" for c in tok.children)
    ):
        return tok
    if tok.lemma_.lower() not in _BELIEF_LINKS:
        return None
    for c in tok.children:
        if c.dep_ != "acomp":
            continue
        # "Officials are *less than* confident that ...": a belief withheld,
        # which the parse hangs on "less"
        less = [
            g
            for than in c.children
            if c.lower_ == "less" and than.dep_ == "prep" and than.lower_ == "than"
            for g in than.children
        ]
        for adj in [c, *less]:
            if adj.lower_ in _BELIEF_ADJS and any(
                g.dep_ == "ccomp" for g in adj.children
            ):
                return adj
    return None


def belief_hedge(word: Any) -> tuple[Hedge, str] | None:
    """The hedge that a word of firm belief puts on the clause it holds, and its cue.

    ``word`` is the head of a clause (its ``ccomp``): the adjective of "Police
    are *confident* a hiker saw Jane Doe in Leeds", "Officials are less than
    *sure* that ...", or the parse's passive "Police are *convinced* a hiker saw
    her". The hedge is that of the words (:func:`~geosleuth.read.hedges.hedge_of`
    of "are confident that": probable; "are not sure that", "are less than
    confident that": doubtful; "are certain that": certain, no weaker). None
    for any other word: a reporting verb's own words are read as such.

    Examples
    --------
    >>> from types import SimpleNamespace as T
    >>> belief_hedge(T(lower_="said", lemma_="say", children=[], head=None)) is None
    True
    """
    links = [word] if word.lower_ == "convinced" else []
    if word.head is not None and word.dep_ == "acomp":
        links.append(word.head)  # "are confident"
    elif word.head is not None and word.dep_ in ("amod", "pobj"):
        than = word.head  # "are less than confident", hung on "less"
        if than.lower_ == "than" and than.head.dep_ == "acomp":
            links.append(than.head.head)
    for link in links:
        adj = _belief(link)
        if adj is None or adj.i != word.i:
            continue
        # from the link to the word, its negation too: "are not sure"
        first = min([link, *(c for c in link.children if c.dep_ == "auxpass")],
                    key=lambda t: t.i)  # fmt: skip
        words = str(word.doc[first.i : word.i + 1].text)
        return hedge_of(words + " that")[0], words
    return None


def verb_words(tok: Any) -> str:
    """The reporting verb ``tok`` as written: "said", "are confident".

    Examples
    --------
    >>> from types import SimpleNamespace as T
    >>> said = T(text="said", lower_="said", lemma_="say", children=[])
    >>> verb_words(said)
    'said'
    """
    adj = _belief(tok)
    if adj is None:
        return str(tok.text)
    if adj is tok:  # "are convinced", the parse's passive
        aux = next(c for c in tok.children if c.dep_ == "auxpass")
        return f"{aux.text} {tok.text}"
    if adj.i > tok.i + 1 and adj.head.i != tok.i:  # "are less than confident"
        return str(tok.doc[tok.i : adj.i + 1].text)
    return f"{tok.text} {adj.text}"


_CHAIN = re.compile(
    r"\b(?:[Ss]peaking to|told|[Ii]n an interview with|interviewed by|quoted by|"
    r"[Ii]n a statement to|[Ii]n comments to)\s+(?:the\s+)?"
    r"(?P<m>[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,4})"
)


def chain_names(text: str) -> tuple[str, ...]:
    """The outlets of a reporting chain, without the sentence's full stop.

    Examples
    --------
    >>> chain_names("He is in Raqqa, Ahmed Saleh told the Associated Press.")
    ('Associated Press',)
    >>> chain_names("Saleh told A.P.")  # an abbreviation keeps its dots
    ('A.P.',)
    """
    out = []
    for m in _CHAIN.finditer(text):
        name = m.group("m").strip()
        last = name.rsplit(None, 1)[-1]
        if last.endswith(".") and "." not in last[:-1]:
            name = name[:-1]
        out.append(name)
    return tuple(out)


#: "according to X", and "according to a report by X" (X speaks, not whoever
#: the report's clause names next: "..., which interviewed Ahmed Saleh, ...").
_ACCORDING = re.compile(
    r"\b[Aa]ccording to\s+(?:(?:a|an|the)\s+(?:[a-z]+\s+)?"
    r"(?:report|statement|study|survey|analysis|assessment)\s+(?:by|from)\s+)?"
    r"(?:the\s+)?(?P<src>[A-Z][\w.’'-]*(?:\s+(?:[A-Z][\w.’'-]*|of|for|and))*)"
)
#: Words for a report whose author "according to" names after "by" or "from".
REPORT_NOUNS = frozenset(
    {"report", "statement", "study", "survey", "analysis", "assessment"}
)
_RUMOUR = re.compile(
    r"\b(?:it (?:is|was|has been) (?:claimed|reported|rumou?red|said|alleged)|"
    r"claims? (?:have|has) been made|numerous claims|unconfirmed reports?|"
    r"reports (?:say|said|suggest)|reportedly|rumou?rs?|allegedly)\b",
    re.IGNORECASE,
)


def _reports(tok: Any) -> bool:
    """Whether ``tok`` is a reporting verb: "said", "believe", "ruled out".

    Also a verb that calls a report of a statement untrue, which it denies, or
    true: "Police *dismissed* reports that ...", "*called* reports that ...
    nonsense", "*laughed off* claims that ...", "*described* reports that ...
    as credible" (:func:`~geosleuth.read._reports.judges_a_report`); and one
    that has or puts out a camera's footage of someone, which says where the
    footage shows them: "Police *have* CCTV footage of Jane Doe at Leeds
    station", "*released* CCTV footage showing her"
    (:func:`~geosleuth.read._sighting_media.puts_out_footage`); and one that
    links its subject to a firm belief: "Officials *are* confident that ..."
    (:func:`_belief`).

    Examples
    --------
    >>> from types import SimpleNamespace as T
    >>> out = T(dep_="prt", lower_="out")
    >>> _reports(T(lemma_="rule", lower_="ruled", children=[out]))
    True
    >>> _reports(T(lemma_="rule", lower_="ruled", children=[]))
    False
    """
    lemma = tok.lemma_.lower()
    if _says_nothing(tok):
        return False  # "The magazine *said nothing* about Salcedo, who is ..."
    if lemma in REPORTING_LEMMAS or _belief(tok) is not None:
        return True
    particle = _REPORTING_WITH.get(lemma)
    if particle is not None and any(
        c.dep_ == "prt" and c.lower_ == particle for c in tok.children
    ):
        return True
    # it imports this package: "Police *have* CCTV footage of Jane Doe at Leeds
    # station", whose subject says where the footage shows her
    from geosleuth.read._sighting_media import puts_out_footage

    # "Her lawyer *filed* a motion claiming he is alive": the motion's word is
    # its author's
    return judges_a_report(tok) or puts_out_footage(tok) or issues_saying(tok)


#: What a verb of saying says when it says none of the sentence: "said
#: *nothing* about", "told reporters *nothing*".
_NOTHING = frozenset({"nothing"})


def _says_nothing(tok: Any) -> bool:
    """Whether the verb ``tok`` says nothing: "The magazine *said nothing* about".

    A speaker who says nothing speaks for none of the sentence ("..., who is
    believed to be in Culiacán" is the article's), as one who "did not say" or
    "declined to say" does; not where the parse gives the verb a clause of what
    it says besides.

    Examples
    --------
    >>> from types import SimpleNamespace as T
    >>> nothing = T(dep_="dobj", lower_="nothing")
    >>> _says_nothing(T(children=[nothing]))
    True
    >>> _says_nothing(T(children=[T(dep_="ccomp", lower_="is"), nothing]))
    False
    """
    kids = list(tok.children)
    return any(c.dep_ == "dobj" and c.lower_ in _NOTHING for c in kids) and not any(
        c.dep_ == "ccomp" for c in kids
    )
