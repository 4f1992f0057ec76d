"""The names, roles and organisations of speakers.

A name and its title, from the parse (:func:`_name_of`, :func:`_is_name_word`)
or from the words alone (:func:`_title_and_name`: "Larimer County Sheriff Justin
Smith"); the speaker a subject names (:func:`_speaker_from_subject`: a name with
its apposition or title, a name drawn from a list, an organisation or an
office), an unnamed person (:func:`_unnamed_speaker`: "a hiker", "her brother")
and an organisation named by a common noun (:func:`_org_noun`: "the
coalition"); whether a role is official (:data:`OFFICIAL`) and a name an
organisation's (:func:`_org_by_name`), the organisation a role names
(:func:`_org_of`), and the spans and words of a speaker's name and role
(:func:`_role_span`, :func:`_role_words`, :func:`modifiers_start`). Used by
:mod:`geosleuth.read.attribution`.
"""

from __future__ import annotations

import re
from typing import Any

from geosleuth.read._doc_text import doc_text
from geosleuth.read._lexicon import (
    NEWS_AGENCIES,
    ORG_NOUNS,
    PERSON_NOUNS,
    SPEAKER_ORG_WORDS,
)

__all__ = ["OFFICIAL"]

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
OFFICIAL = re.compile(
    r"\b(?:director|commander|minister|ministry|official|officer|spokes\w+|general|"
    r"colonel|government|army|forces|intelligence|police|governor|ambassador|"
    r"department|council|command|military|researcher|consultant|specialist|expert|"
    r"analyst|adviser|advisor|professor|secretary|sheriff|detective|inspector|"
    r"superintendent|commissioner|constable|prosecutor|coroner|"
    # police and military ranks: "Lt. Christopher Hancock", "Sgt. Mark Ober",
    # "Capt.", "Det. Insp."; a park ranger, the gendarmerie
    r"lieutenant|sergeant|captain|corporal|ranger|gendarme(?:rie)?|"
    # the services of a search: "troopers said", "the coastguard said", "the
    # 210th Rescue Squadron said", "the maritime prefecture said"
    r"trooper|coast\s?guard|squadron|prefecture|"
    # a diplomat or an envoy is an official of a government: "a Western diplomat
    # said" is "a Western official said"
    r"diplomat|envoy|"
    # an official body unnamed: "Mexican authorities said", "the port authority",
    # "health authorities"
    r"authorit(?:y|ie))s?\b"  # "Officials"
    # the ranks abbreviated, capitalised as written: "Lt.", "Sgt", "Det. Supt."
    r"|\b(?-i:Lt|Lieut|Sgt|Insp|Capt|Det|Cpl|Supt|Cmdr|Cdr)\b\.?",
    re.IGNORECASE,
)
_INCLUDING = re.compile(r"(?:including|such as|among them)\s+(?P<role>[^,;:()]+?)\s*$")


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


def _is_name_word(text: str) -> bool:
    if text.lower() in _PARTICLES:
        return True
    if not text[:1].isupper() or text.lower() in _ROLE_WORDS:
        return False
    if _RANK_WORD.fullmatch(text):
        return False  # "Lt. Mark Ober": the rank is his title, not his name
    return not (text.isupper() and len(text) > 1)


#: A rank abbreviated, as one word with its full stop: "Lt.", "Sgt.", "Capt.".
_RANK_WORD = re.compile(r"(?:Lt|Lieut|Sgt|Insp|Capt|Det|Cpl|Supt|Cmdr|Cdr|Const)\.")


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
    name = doc_text(doc)[start:end]
    name = re.sub(r"(?:['’]s)$", "", name).strip()
    title = doc_text(doc)[toks[0].idx : start].strip() if k > 0 else None
    if not title and i - 1 >= head.sent.start and _RANK_WORD.fullmatch(doc[i - 1].text):
        # "Capt. Mark Ober said": the parse may hang the rank elsewhere
        title = doc[i - 1].text
    return start, end, name, title or None


def _span_text(tokens: Any) -> tuple[int, int, str]:
    toks = list(tokens)
    s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    text = doc_text(toks[0].doc)[s:e].strip(' ,;:"“”')
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
        before = doc_text(doc)[subj.sent.start_char : start]
        m = _INCLUDING.search(before)
        if m is not None:
            role = m.group("role").strip() or None
    ents = [e for e in doc.ents if e.start_char <= start < e.end_char]
    label = ents[0].label_ if ents else None
    is_org = label == "ORG" and not title and role is None
    if is_org and len(name.split()) == 1 and not name.isupper():
        # a tagger's ORG on a surname ("Al-Ceyyasi"), but not after "the" ("The
        # Pentagon said"): a person's name takes no article
        preceding = doc_text(doc)[subj.sent.start_char : start].split()
        is_org = bool(preceding) and preceding[-1].lower() == "the"
    if not title and label != "PERSON" and _org_by_name(name):
        is_org = True  # "Human Rights Watch said", "Reuters reported"
    if is_org and label == "ORG" and ents[0].end_char > end:
        # the tagger's name goes on past the head: "The Syrian Observatory for
        # Human Rights", "the International Committee of the Red Cross"
        end = ents[0].end_char
        name = re.sub(r"^[Tt]he\s+", "", doc_text(doc)[start : ents[0].end_char])
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


#: Nouns of one who serves someone, a person of that one's when owned: "*his
#: deputy* said", "*Salcedo's deputy* told reporters".
_SERVING = frozenset({"deputy", "second-in-command", "lieutenant"})


def _number_two(subj: Any) -> bool:
    """Whether ``subj`` is "number" of "his *number* two", one who serves."""
    return subj.lower_ == "number" and any(
        c.dep_ == "nummod" and c.lower_ in ("two", "2") for c in subj.children
    )


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
    owned = any(c.dep_ == "poss" for c in subj.children)
    if (
        # "Salcedo's henchman said": the tagger may take the noun for a pronoun
        not (
            subj.pos_ in ("NOUN", "PROPN")
            or (subj.pos_ == "PRON" and subj.lower_ in PERSON_NOUNS)
        )
        or (
            lemma not in PERSON_NOUNS
            and subj.lower_ not in PERSON_NOUNS
            # "Salcedo's deputy said", "his number two said": one who serves
            and not (owned and (lemma in _SERVING or _number_two(subj)))
        )
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
        if child.dep_ == "nummod" and _number_two(subj) and child.left_edge.i == end:
            end = child.right_edge.i + 1  # "Salcedo's number two"
            continue
        if child.dep_ not in ("prep", "conj", "cc") or child.left_edge.i != end:
            break
        conj = conj or child.dep_ == "conj"
        end = child.right_edge.i + 1
    start, stop, words = _span_text_kept(doc[subj.left_edge.i : end])
    first = modifiers_start(subj)
    role = None if conj else doc_text(doc)[doc[first].idx : subj.idx + len(subj.text)]
    if role is not None and role.lower() == words.lower():
        role = None
    elif role is not None and doc[first].is_sent_start and not doc[first].ent_type_:
        role = role[:1].lower() + role[1:]  # "Residents of Raqqa": "residents"
    left, right = _role_span(subj, start)
    return left, max(right, stop), words[:1].upper() + words[1:], role


#: Articles that make an organisation's noun no one in particular: "a group of
#: hikers said".
_INDEFINITE = frozenset({"a", "an", "some", "any", "another"})
#: Publications, which speak as themselves with "a" as with "the": "*a tabloid*
#: claimed", "*a newspaper* reported"; not "a paper" (one "found in his pocket"),
#: only "the paper".
_PUBLICATIONS = frozenset({"tabloid", "newspaper", "magazine", "outlet"})
#: Adjectives that make "a paper" a newspaper: "a *local* paper", "a *weekly*
#: paper" (and a country's or people's: "a *Montenegrin* paper").
_PRESS_ADJS = frozenset(
    {"local", "national", "regional", "daily", "weekly", "independent",
     "opposition", "online", "leading", "popular", "tabloid", "state-run",
     "state-owned", "pro-government", "provincial", "foreign"}
)  # fmt: skip


def _a_press(paper: Any) -> bool:
    """Whether "a paper" is a newspaper by an adjective before it.

    "A *Montenegrin* paper said", "a *local* paper reported"; not "a paper
    found in his pocket".
    """
    return any(
        c.dep_ in ("amod", "compound")
        and c.i < paper.i
        and (c.lower_ in _PRESS_ADJS or (c.text[:1].isupper() and c.i > c.sent.start))
        for c in paper.children
    )


def _org_noun(subj: Any) -> bool:
    """Whether ``subj`` names an organisation by a common noun, as "the army" does.

    Its head is one of :data:`~geosleuth.read._lexicon.ORG_NOUNS` ("the
    coalition", "the militia", "the group", "state media", "the Islamic State
    group", "the US-led coalition"), not indefinite or denied ("a group of
    hikers", "no group"), and not a group of people ("the group of hikers"); a
    publication may be indefinite ("a tabloid claimed": :data:`_PUBLICATIONS`).
    """
    lemma = subj.lemma_.lower()
    if (subj.lower_ not in ORG_NOUNS and lemma not in ORG_NOUNS) or (
        subj.left_edge.lower_ in _NO_ONE
        or (
            subj.left_edge.lower_ in _INDEFINITE
            and lemma not in _PUBLICATIONS
            and not (lemma == "paper" and _a_press(subj))
        )
    ):
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
    return s, e, doc_text(toks[0].doc)[s:e].strip(' ,;:"“”')


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
    """The span from the subject's left edge to its right edge (name and role).

    A subject does not begin right after a preposition: in "found near
    Colchester, Capt. Mark Ober said" the parse may make "Colchester" part of
    the speaker's name, though it is the object of "near"; the span then
    begins after the comma.
    """
    first = subj.left_edge
    if first.i > 0 and first.doc[first.i - 1].pos_ == "ADP":
        comma = next(
            (
                t
                for t in first.doc[first.i : subj.i]
                if t.text == "," and t.idx < name_start
            ),
            None,
        )
        if comma is not None:
            first = first.doc[comma.i + 1]
    left = min(first.idx, name_start)
    right = subj.right_edge.idx + len(subj.right_edge.text)
    return left, right


def _org_of(role: str | None, name: str | None) -> str | None:
    for text in (role, name):
        if text:
            m = re.search(r"\b([A-Z]{2,6})\b", text)
            if m is not None:
                return m.group(1)
    return None


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
