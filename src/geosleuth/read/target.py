"""The person a report is about: name variants, references, and inference.

The target is named by the user (``"Abu Bakr al-Baghdadi"``) or inferred as the
person the text names most often. Its references in text are found on a loose key
of the surname, so transliterations match: "al-Baghdadi", "Baghdadi",
"al-Bagdadi", "Al-Baghdadi’s" all refer to the target. Two more kinds of reference
are found:

- the *bare nisba*: "Baghdadi" means "of Baghdad", and reports drop the final
  ``-i``. "Baghdad" is the target only where a person is meant — the subject of
  "is alive", "was killed", "hides", "said" — and the city everywhere else;
- *titles*: where the text writes "ISIS leader al-Baghdadi", "the ISIS leader"
  and "the organization leader" refer to the target (singular, with "the" or the
  group's name), and "the ISIS leaders" / "the leaders of the organization" to
  the group's leaders, of whom the target is one;
- *pronouns*: "he" or "she" as the subject of a clause refers to the target when
  the person named last before it, within :data:`PRONOUN_REACH` characters, is the
  target ("Police said Jane Doe was last seen in Estes Park. Rangers believe she is
  in the park."). A pronoun that is the subject of a reporting verb ("she said")
  is the speaker's, and one after another person's name is that person's, or
  after a relative of its gender ("al-Baghdadi's wife was arrested. She ..."),
  but for the subject of what the target's relative of the target's gender says
  ("Jane Doe was spotted in Leeds, and *her sister says she* is in York": the
  target; :func:`_kin_reports`), and for a relative's noun that heads an
  apposition to the target, or to such a relative, for it describes them
  ("Joseph Mwangi, *a father of three*, has been missing. Police said *he*
  ...": the target; "her sister, *a mother of three*, says she ...").
  When the text tells the target's gender, a pronoun of the other gender is not
  the target's ("Mrs Doe's car was found. He is in Denver."). The gender comes
  from a title before the target's name ("Mr", "Mrs", "Ms", "Miss", "Sir",
  "Lady") or a gendered noun next to it ("Jane Doe, a 45-year-old woman", "the
  45-year-old woman Jane Doe", "his wife, Jane Doe"), if all those agree; failing
  those, from the first "he", "him", "his", "she", "her" or "hers" in the text
  that would refer to the target by the rule above and is no speaker's: not the
  subject of a reporting verb that stands for another speaker ("A hiker said he
  saw Jane Doe near Aspen. *He* said she was hiding in Vail": "she" tells), nor
  one after a speaker named or described after the target ("Jane Doe was seen,
  a hiker said. *His* account ..."), nor one after a witness who saw the
  target, unless the witness is of the other gender ("A hiker who saw Jane Doe
  said *he* was sure": the hiker's, maybe); but "him" or "her" as the one a
  witness saw is the target's, and tells ("A hiker who saw *her* said he was
  sure. His car ...": she, and the car is not hers). With no such cue, or titles
  and nouns that disagree, the gender is unknown and both pronouns may be the
  target's (:func:`target_gender`), but one of a witness's own gender after the
  witness ("A man who saw Jane Doe was questioned. *His* car ...") is the
  witness's. "Him" or "her" as the direct object of a
  verb ("Residents saw *her* in Vail") refers to the target by the same rule
  (:func:`find_object_pronouns`); these are kept apart from the other references,
  for the sightings in the active voice (:mod:`geosleuth.read.sightings`) that
  use them ("her" in "saw her car" is the car's owner, no object). "His" or
  "her" as the owner of a noun ("*her* car was found") refers to the target by
  the same rule too (:func:`find_possessive_pronouns`), for the traces
  (:mod:`geosleuth.read.traces`).

A person who shares the target's surname but has another given name ("Jane
Doe's mother, Mary Doe") is someone else: with a parse, that surname is no
reference to the target.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from itertools import permutations
from typing import Any, Literal

from geosleuth.read._lexicon import PERSON_NOUNS

__all__ = [
    "PRONOUN_REACH",
    "Target",
    "TargetRef",
    "find_target_refs",
    "find_object_pronouns",
    "find_possessive_pronouns",
    "find_speaker_pronouns",
    "infer_target",
    "name_key",
    "object_pronoun_refs",
    "possessive_pronoun_refs",
    "same_person",
    "target_gender",
]

_ARTICLE = re.compile(r"^(?:al|el|ad|ed|as|ar|an|at|az|ash|ul)[-\s‐‑]+", re.IGNORECASE)
_PERSON_PREDICATES = frozenset(
    {
        "alive", "dead", "kill", "killed", "die", "died", "wound", "wounded",
        "injure", "injured", "hide", "hid", "hiding", "hidden", "see", "seen",
        "say", "said", "think", "believe", "capture", "captured", "arrest",
        "arrested", "bear", "born", "live", "sick", "ill", "flee", "fled",
        "proclaim", "appear",
    }
)  # fmt: skip
_TITLE_NOUNS = r"(?:leader|chief|emir|head|caliph|founder|commander|boss)"
#: Singular nouns for a person beyond :data:`PERSON_NOUNS`: "spokesman", "official".
_PERSON_SUFFIX = re.compile(r"(?:man|woman|person|official|officer)$")
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
#: The object pronouns: "residents saw *her* in Vail".
_OBJECT_PRONOUN = re.compile(r"\b(?:[Hh]im|[Hh]er)\b")
#: The possessive pronouns: "*her* car was found in Aspen".
_POSSESSIVE_PRONOUN = re.compile(r"\b(?:[Hh]is|[Hh]er)\b")
#: Every pronoun of a gender, for telling the target's: "his son", "her car".
_ANY_PRONOUN = re.compile(r"\b(?:he|him|his|she|her|hers)\b", re.IGNORECASE)
#: A closing quotation mark: '"Doe has ministered in Atlanta*,"* he wrote'.
_QUOTE_END = re.compile(r"[\"”]")
_GENDER_OF = dict.fromkeys(("he", "him", "his"), "he") | dict.fromkeys(
    ("she", "her", "hers"), "she"
)
#: Titles before a name that tell its gender: "Mr Doe", "Mrs Jane Doe".
_GENDER_TITLE = re.compile(
    r"\b(?:(?P<he>Mr|Sir|Lord)|(?P<she>Mrs|Ms|Miss|Madam|Lady|Dame))\.?\s+"
    r"(?:[A-Z][\w’'‐‑-]*\s+){0,3}$"
)
_MALE = (
    r"man|boy|gentleman|husband|father|son|brother|uncle|nephew|grandfather|"
    r"grandson|widower|(?:business|chair|congress|police|spokes)man"
)
_FEMALE = (
    r"woman|girl|lady|wife|widow|mother|daughter|sister|aunt|niece|"
    r"grandmother|granddaughter|(?:business|chair|congress|police|spokes)woman"
)
#: A gendered noun right before a name: "the 45-year-old woman Jane Doe", "his
#: wife, Jane Doe".
_NOUN_BEFORE = re.compile(
    rf"\b(?i:(?P<he>{_MALE})|(?P<she>{_FEMALE})),?\s+(?:[A-Z][\w’'‐‑-]*\s+){{0,3}}$"
)
#: A gendered noun in apposition right after a name: "Jane Doe, a 45-year-old
#: woman", "al-Baghdadi, the father of five".
_NOUN_AFTER = re.compile(
    rf"^,\s+(?i:an?|the)\s+(?:[\w-]+\s+){{0,3}}?"
    rf"(?i:(?P<he>{_MALE})|(?P<she>{_FEMALE}))\b"
)
#: How far (characters) a pronoun may be from the name it refers back to.
PRONOUN_REACH = 400
#: Relatives of each gender: "he" or "she" after one refers to them, not the target.
_RELATIVES = {
    "he": re.compile(
        r"\b(?:husband|father|son|stepson|brother|uncle|nephew|boyfriend|fianc[eé]|"
        r"grandfather|grandson|stepfather|father-in-law|brother-in-law)s?\b",
        re.IGNORECASE,
    ),
    "she": re.compile(
        r"\b(?:wife|wives|widow|mother|daughter|stepdaughter|sister|aunt|niece|"
        r"girlfriend|fianc[eé]e|grandmother|granddaughter|stepmother|"
        r"mother-in-law|sister-in-law)s?\b",
        re.IGNORECASE,
    ),
}
#: Words before a name that are no given name: "Mrs Doe", "Sheikh al-Baghdadi".
_HONORIFICS = frozenset(
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame",
        "sheikh", "shaikh", "sheik", "caliph", "emir", "amir", "imam", "mullah",
        "president", "general", "gen", "colonel", "col", "major", "captain", "capt",
        "sergeant", "sgt", "officer", "detective", "det", "agent", "judge",
    }
)  # fmt: skip
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][\w\u00c0-\u024f’'‐‑-]*")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_NOT_LETTER = re.compile(r"[^a-z]")
_FINAL_Y = re.compile(r"y$")
_DOUBLED = re.compile(r"(.)\1+")
_SPELLINGS = (
    ("gh", "g"), ("kh", "k"), ("dh", "d"), ("th", "t"), ("q", "k"), ("ou", "u"),
    ("ee", "i"), ("oo", "u"),
)  # fmt: skip


def name_key(word: str) -> str:
    """A loose comparison key of a name: article, diacritics and spelling removed.

    Examples
    --------
    >>> name_key("al-Baghdadi") == name_key("Bagdadi") == name_key("Al-Baghdady")
    True
    >>> name_key("Baghdad")
    'bagdad'
    """
    w = unicodedata.normalize("NFKD", word)
    w = "".join(c for c in w if not unicodedata.combining(c)).lower()
    w = _POSSESSIVE.sub("", w)
    w = _ARTICLE.sub("", w)
    w = _NOT_LETTER.sub("", w)
    for a, b in _SPELLINGS:
        w = w.replace(a, b)
    w = _FINAL_Y.sub("i", w)
    return _DOUBLED.sub(r"\1", w)


@dataclass(frozen=True, slots=True)
class Target:
    """The person sought, with the keys that find them in text.

    Parameters
    ----------
    name : str
        The full name as given ("Abu Bakr al-Baghdadi").
    inferred : bool, default False
        Whether the name was inferred from the text rather than given.
    """

    name: str
    inferred: bool = False

    @property
    def surname_key(self) -> str:
        """:func:`name_key` of the last word of the name."""
        words = _WORD.findall(self.name)
        return name_key(words[-1]) if words else ""

    @property
    def nisba_key(self) -> str | None:
        """The surname key without its final ``i`` ("bagdadi" → "bagdad"), if any."""
        key = self.surname_key
        return key[:-1] if len(key) > 4 and key.endswith("i") else None


@dataclass(frozen=True, slots=True)
class TargetRef:
    """A reference to the target (or to its group's leaders) in the text.

    Attributes
    ----------
    start, end : int
        Character offsets in the document text (end exclusive).
    text : str
        The words.
    kind : {"name", "nisba", "title", "leaders", "pronoun"}
        How it refers: the name, the bare nisba used as a person ("Baghdad is
        alive"), a title ("the ISIS leader"), the group's leaders, or "he"/"she"
        after the target's name.
    """

    start: int
    end: int
    text: str
    kind: Literal["name", "nisba", "title", "leaders", "pronoun"]


def _is_person_use(doc: Any, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` is used as a person in the parse."""
    if doc is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok = span.root
    if tok.dep_ not in ("nsubj", "nsubjpass", "poss"):
        return False
    head = tok.head
    words = {head.lemma_.lower(), head.text.lower()}
    words |= {
        c.lemma_.lower()
        for c in head.children
        if c.dep_ in ("acomp", "attr", "xcomp", "oprd")
    }
    if tok.dep_ == "poss":
        words = {head.lemma_.lower()}
        return bool(words & {"death", "killing", "capture", "whereabouts", "arrest"})
    return bool(words & _PERSON_PREDICATES)


def find_target_refs(
    text: str,
    target: Target,
    *,
    doc: Any = None,
    places: Sequence[tuple[int, int]] = (),
) -> list[TargetRef]:
    """Find the references to ``target`` in ``text``.

    Parameters
    ----------
    text : str
        The document text.
    target : Target
        Whom to find.
    doc : spacy.tokens.Doc or None, default None
        The parse of ``text``; without it the bare nisba is never taken for the
        person, and no pronoun is.
    places : sequence of (int, int), default ()
        Character spans read as places: a PERSON entity there ("Boulder") is no
        person that a pronoun could refer to.

    Returns
    -------
    list of TargetRef
        In order of appearance.

    Examples
    --------
    >>> t = Target("Abu Bakr al-Baghdadi")
    >>> text = "ISIS leader al-Baghdadi hid. The ISIS leaders fled; the leader stayed."
    >>> [(r.text, r.kind) for r in find_target_refs(text, t)]
    [('al-Baghdadi', 'name'), ('The ISIS leaders', 'leaders'), ('the leader', 'title')]
    """
    refs = _find_refs(text, target, lambda s, e: _is_person_use(doc, s, e))
    if doc is None:
        return refs
    persons = people(doc, places)
    namesakes = [p for p in persons if _names_another(text, p, target)]
    refs = [
        r
        for r in refs
        if r.kind != "name" or not any(s < r.end and r.start < e for s, e in namesakes)
    ]
    refs = sorted(
        refs + _given_name_refs(doc, text, target, refs, persons),
        key=lambda r: r.start,
    )
    witnesses = _witnesses_of(doc, refs)
    gender = target_gender(
        text, refs, persons, target=target, speakers=_speakers_of(doc),
        witnesses=witnesses, seen=_seen_pronouns(doc),
    )  # fmt: skip
    kin = _kin_reports(doc, text, refs, persons, target, gender)
    pronouns = pronoun_refs(
        text, refs, persons, lambda s, e: _is_plain_subject(doc, s, e),
        target=target, gender=gender, witnesses=witnesses, kin=kin,
    )  # fmt: skip
    return sorted(refs + pronouns, key=lambda r: r.start)


def _given_name_refs(
    doc: Any,
    text: str,
    target: Target,
    refs: Sequence[TargetRef],
    persons: Sequence[tuple[int, int]],
) -> list[TargetRef]:
    """The target's given name used alone, once the full name has been given.

    Reports of missing children and of people known to the writer use the given
    name ("Destiny Moore, 16, ... Her aunt said Destiny may be staying in
    Philadelphia"). A word is such a reference when it is the first word of a
    target of at least two words (not an honorific, an article or a particle such
    as "Abu"), comes after the full name, stands alone as a PERSON entity (or a
    proper noun in none), and no other person of the text bears that given name
    with another surname ("Destiny Moore" and "Destiny Hall": neither).
    """
    words = _WORD.findall(target.name)
    if len(words) < 2 or not refs:
        return []
    given = words[0]
    key = name_key(given)
    if (
        len(key) < 3
        or given.lower().rstrip(".") in _HONORIFICS
        or key in ("abu", "ibn", "bin", "umm", "abd")
        or not given[:1].isupper()
    ):
        return []
    surname = target.surname_key
    # the full name: the given name just before a reference by name
    full = [
        r.start
        for r in refs
        if r.kind == "name"
        and (
            len(_WORD.findall(r.text)) >= 2
            or re.search(
                rf"\b{re.escape(given)}\s+$", text[max(0, r.start - 40) : r.start]
            )
        )
    ]
    if not full:
        return []
    first_full = min(full)
    for s, e in persons:
        parts = _WORD.findall(text[s:e])
        if (
            len(parts) >= 2
            and name_key(parts[0]) == key
            and name_key(parts[-1]) != surname
        ):
            return []  # another person of that given name
    for m in re.finditer(rf"\b{re.escape(given)}\s+((?-i:[A-Z])[\w'’-]+)", text):
        if name_key(m.group(1)) != surname:
            return []  # "Destiny Clarke", whatever the tagger made of it
    taken = [(r.start, r.end) for r in refs]
    out = []
    for tok in doc:
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if (
            tok.idx <= first_full
            or name_key(tok.text) != key
            or tok.text[:1] != given[:1]
            or any(a <= tok.idx < b for a, b in taken)
            or (nxt is not None and nxt.text[:1].isupper() and nxt.pos_ == "PROPN")
        ):
            continue  # not the given name alone ("Destiny Moore", "Destiny Hall")
        ent = next((x for x in doc.ents if x.start <= tok.i < x.end), None)
        alone = (
            ent.label_ == "PERSON" and ent.end - ent.start == 1
            if ent is not None
            else tok.pos_ == "PROPN"
        )
        if alone:
            out.append(TargetRef(tok.idx, tok.idx + len(tok.text), tok.text, "name"))
    return out


def _names_another(text: str, span: tuple[int, int], target: Target) -> bool:
    """Whether the person named at ``span`` is not ``target``, though named alike.

    A capitalised word of the name that is no word of the target's full name
    (nor an honorific such as "Mrs" or "Sheikh") makes it another person: "Mary
    Doe" is not "Jane Doe", "Abu Omar al-Baghdadi" is not "Abu Bakr al-Baghdadi".
    A target named by one word only is never told apart this way.

    Examples
    --------
    >>> text = "Jane Doe's mother, Mary Doe, and Mrs Doe"
    >>> t = Target("Jane Doe")
    >>> [_names_another(text, sp, t) for sp in [(0, 10), (19, 27), (33, 40)]]
    [False, True, False]
    >>> _names_another(text, (19, 27), Target("Doe"))
    False
    """
    own = {name_key(w) for w in _WORD.findall(target.name)}
    if len(own) < 2:
        return False
    for word in _WORD.findall(text[span[0] : span[1]]):
        if not _ARTICLE.sub("", word)[:1].isupper():
            continue
        if name_key(word) not in own and word.lower().rstrip(".") not in _HONORIFICS:
            return True
    return False


def people(doc: Any, places: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Character spans of the PERSON entities of ``doc`` that are not ``places``."""
    return [
        (e.start_char, e.end_char)
        for e in doc.ents
        if e.label_ == "PERSON"
        and not any(s < e.end_char and e.start_char < t for s, t in places)
    ]


def _is_plain_subject(doc: Any, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` is a subject, but not of a reporting verb.

    The passive subject of one is what is said, not who says it: "*She* is
    thought to have travelled to Mosul".
    """
    from geosleuth.read.attribution import REPORTING_LEMMAS

    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    return tok.dep_ == "nsubjpass" or (
        tok.dep_ == "nsubj" and tok.head.lemma_.lower() not in REPORTING_LEMMAS
    )


def _speakers_of(doc: Any) -> list[tuple[int, int]]:
    """Character spans of the people of ``doc`` who speak.

    A speaker is the subject of a reporting verb in the active voice ("*he*
    said", "*a hiker* told police", "*Jane Doe* added"): "he" or "she", a person
    the tagger names, or a singular noun for a person ("hiker", "witness",
    "spokesman").
    """
    from geosleuth.read.attribution import REPORTING_LEMMAS

    out = []
    for tok in doc:
        if tok.dep_ != "nsubj" or tok.head.lemma_.lower() not in REPORTING_LEMMAS:
            continue
        if any(c.dep_ == "auxpass" for c in tok.head.children):
            continue  # "she is believed to be": no speaker
        lemma = tok.lemma_.lower()
        if (
            tok.lower_ in ("he", "she")
            or tok.ent_type_ == "PERSON"
            or (
                tok.tag_ in ("NN", "NNP")
                and (lemma in PERSON_NOUNS or _PERSON_SUFFIX.search(lemma) is not None)
            )
        ):
            out.append((tok.idx, tok.idx + len(tok.text)))
    return out


def _kin_reports(
    doc: Any,
    text: str,
    refs: Sequence[TargetRef],
    persons: list[tuple[int, int]],
    target: Target,
    gender: Literal["he", "she"] | None,
) -> set[tuple[int, int]]:
    """The target's relatives who speak of the target, and the pronoun they use.

    A relative of the target's gender, of the target's ("*her* sister", "Jane
    Doe's mother"), as the subject of a reporting verb whose clause has "he" or
    "she" of that gender as its subject: "her sister says *she* is in York",
    "his father told police *he* had gone to Denver". A speaker is rarely the
    one of whom its own clause speaks, where the article is about another
    person of that gender; so the pronoun is the target's, though the relative
    is named between (:func:`_refers_to_target`). Only where the text tells the
    target's gender: "Jane Doe's sister says she ..." of a target of unknown
    gender may be the sister.

    Returns
    -------
    set of (int, int)
        (start of the relative's word, start of the pronoun), in characters.
    """
    from geosleuth.read.attribution import REPORTING_LEMMAS

    if gender is None:
        return set()
    own, others = _own_and_others(text, list(refs), persons, target)
    out: set[tuple[int, int]] = set()
    for tok in doc:
        verb = tok.head
        if (
            tok.dep_ != "nsubj"
            or verb.lemma_.lower() not in REPORTING_LEMMAS
            or _RELATIVES[gender].fullmatch(tok.text) is None
        ):
            continue
        owners = [c for c in tok.children if c.dep_ == "poss"]
        if not any(
            any(a <= o.idx < b for a, b in own)
            or (
                _GENDER_OF.get(o.lower_) == gender
                and _refers_to_target(text, o.idx, gender, own, others)
            )
            for o in owners
        ):
            continue  # "a sister", "Tom Fox's sister": not the target's
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            out.update(
                (tok.idx, c.idx)
                for c in clause.children
                if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == gender
            )
    return out


def _kin_pairs(text: str, sentences: Sequence[tuple[int, int]]) -> set[tuple[int, int]]:
    """Each relative with each "he" or "she" of its gender after it in its sentence.

    The pairs that :func:`_kin_reports` may find, for a reader that has no parse
    yet and must tell which sentences need one ("Her sister says *she* is in
    York").
    """
    out: set[tuple[int, int]] = set()
    for a, b in sentences:
        for gender, relatives in _RELATIVES.items():
            for rel in relatives.finditer(text, a, b):
                out.update(
                    (rel.start(), m.start())
                    for m in _PRONOUN.finditer(text, rel.end(), b)
                    if _GENDER_OF[m.group(0).lower()] == gender
                )
    return out


#: Verbs of a witness who saw the target: "a hiker who *saw* Jane Doe".
_WITNESS_LEMMAS = frozenset(
    {"see", "spot", "sight", "notice", "recognise", "recognize"}
)
_IS_MALE = re.compile(rf"(?i:{_MALE})")
_IS_FEMALE = re.compile(rf"(?i:{_FEMALE})")
#: The end of a sentence and the start of the next: "... called police. He"; not
#: the point of a title or an initial ("Mr. Fox", "U.S. Army").
_SENTENCE_BREAK = re.compile(
    r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\b[A-Z])"
    r"[.!?][\"'”’)]*\s+[\"'“‘(]*[A-Z]"
)


def _witnesses_of(
    doc: Any, refs: Sequence[TargetRef]
) -> list[tuple[int, int, str | None]]:
    """The people of ``doc`` who saw the target, and their gender when told.

    The one person who sees the target ("*A hiker* saw Jane Doe", "*a hiker* who
    saw Jane Doe", "Jane Doe was seen by *a hiker*", "*Tom Fox*, who spotted
    her"): a singular noun for a person (a hiker, a man, an official) or a
    person's name, the subject of a verb of seeing (or the noun its relative
    clause describes, or the passive's agent) whose object is the target's
    name, nisba or title, or "him" or "her". Plural witnesses ("residents") are
    no "he" or "she".

    Returns
    -------
    list of (int, int, str or None)
        From the witness's first word to the end of the one seen (of the
        witness, for an agent), with "he" or "she" when the witness's noun tells
        it ("a man", "a woman"), else None.
    """
    own = [(r.start, r.end) for r in refs if r.kind in ("name", "nisba", "title")]

    def is_target(tok: Any) -> bool:
        return tok.lower_ in ("him", "her") or any(a <= tok.idx < b for a, b in own)

    out: list[tuple[int, int, str | None]] = []
    for tok in doc:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in _WITNESS_LEMMAS:
            continue
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
            seen = [c for c in tok.children if c.dep_ == "nsubjpass"]
            who = [
                g
                for c in tok.children
                if c.dep_ == "agent"
                for g in c.children
                if g.dep_ == "pobj"
            ]
        else:
            seen = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
            who = [c for c in tok.children if c.dep_ == "nsubj"]
            if tok.dep_ == "relcl" and [w.lower_ for w in who] in (["who"], ["that"]):
                who = [tok.head]  # "a hiker who saw Jane Doe"
        if not any(is_target(t) for t in seen):
            continue
        for w in who:
            lemma = w.lemma_.lower()
            if any(a <= w.idx < b for a, b in own) or not (
                w.ent_type_ == "PERSON"
                or (
                    w.tag_ in ("NN", "NNP")
                    and (lemma in PERSON_NOUNS or _PERSON_SUFFIX.search(lemma))
                )
            ):
                continue
            told = (
                "he"
                if _IS_MALE.fullmatch(w.lower_)
                else "she"
                if _IS_FEMALE.fullmatch(w.lower_)
                else None
            )
            ends = [w.idx + len(w.text)] + [t.idx + len(t.text) for t in seen]
            out.append((w.left_edge.idx, max(ends), told))
    return out


def pronoun_refs(
    text: str,
    refs: list[TargetRef],
    persons: list[tuple[int, int]],
    is_subject: Callable[[int, int], bool],
    *,
    target: Target | None = None,
    gender: Literal["he", "she"] | None = None,
    witnesses: Sequence[tuple[int, int, str | None]] = (),
    kin: Collection[tuple[int, int]] = (),
) -> list[TargetRef]:
    """The "he"/"she" of ``text`` that refer to the target.

    Parameters
    ----------
    text : str
        The document text.
    refs : list of TargetRef
        The target's other references (names, nisbas, titles).
    persons : list of (int, int)
        Character spans of the people the text names (PERSON entities); those
        that overlap a reference to the target are the target.
    is_subject : callable (start, end) -> bool
        Whether the pronoun at ``start:end`` is a subject that may be the target
        (not the subject of a reporting verb).
    target : Target or None, default None
        The target: a person in ``persons`` who shares a reference's words but
        :func:`_names_another` is another person.
    gender : {"he", "she"} or None, default None
        The target's gender, if known (:func:`target_gender`): a pronoun of the
        other gender is not the target's.
    witnesses : sequence of (int, int, str or None), default ()
        The people who saw the target, as for :func:`target_gender`. When the
        target's gender is not known, a pronoun of a witness's own gender after
        the witness in its sentence, before the target is named again ("A man
        who saw Jane Doe said *his* car ..."), is the witness's.
    kin : collection of (int, int), default ()
        (start of a relative's word, start of a pronoun): the relative speaks
        of the target by that pronoun ("her sister says *she* is in York",
        :func:`_kin_reports`), so is not whom it refers to.

    Returns
    -------
    list of TargetRef
        Of kind ``"pronoun"``: those whose last person named before them, within
        :data:`PRONOUN_REACH` characters, is the target, with no relative of the
        pronoun's gender ("his son", "her mother") named in between but one in
        ``kin``, and of the target's gender when it is known.

    Examples
    --------
    >>> t = Target("Jane Doe")
    >>> text = "Jane Doe left. She is in Denver. Tom Fox said he is in Aspen."
    >>> refs = find_target_refs(text, t)
    >>> found = pronoun_refs(text, refs, [(33, 40)], lambda s, e: True)
    >>> [(r.text, r.start) for r in found]
    [('She', 15)]
    >>> pronoun_refs(text, refs, [(33, 40)], lambda s, e: True, gender="he")
    []

    A relative of the pronoun's gender between is whom it refers to, unless the
    relative speaks of the target by it:

    >>> text = "Jane Doe left. Her sister says she is in York."
    >>> refs = find_target_refs(text, t)
    >>> pronoun_refs(text, refs, [], lambda s, e: True)
    []
    >>> kin = [(text.index("sister"), text.index("she"))]
    >>> [r.start for r in pronoun_refs(text, refs, [], lambda s, e: True, kin=kin)]
    [31]
    """
    return _pronouns_in_role(
        text, refs, persons, _PRONOUN, is_subject, target=target, gender=gender,
        witnesses=witnesses, kin=kin,
    )  # fmt: skip


def object_pronoun_refs(
    text: str,
    refs: list[TargetRef],
    persons: list[tuple[int, int]],
    is_object: Callable[[int, int], bool],
    *,
    target: Target | None = None,
    gender: Literal["he", "she"] | None = None,
    witnesses: Sequence[tuple[int, int, str | None]] = (),
) -> list[TargetRef]:
    """The "him"/"her" of ``text`` that are objects and refer to the target.

    The same rule as :func:`pronoun_refs`, for the object of a verb: "Residents
    saw *her* in Vail", "a driver had seen *him* in Mosul".

    Parameters
    ----------
    text, refs, persons, target, gender, witnesses
        As for :func:`pronoun_refs`.
    is_object : callable (start, end) -> bool
        Whether the pronoun at ``start:end`` is the object of a verb ("her" in
        "saw her car" is no object, but the car's owner).

    Returns
    -------
    list of TargetRef
        Of kind ``"pronoun"``, in order of appearance.

    Examples
    --------
    >>> t = Target("Jane Doe")
    >>> text = "Jane Doe left. Residents saw her. Tom Fox left. Police saw him."
    >>> refs = find_target_refs(text, t)
    >>> found = object_pronoun_refs(text, refs, [(34, 41)], lambda s, e: True)
    >>> [(r.text, r.start) for r in found]
    [('her', 29)]
    >>> def is_object(s: int, e: int) -> bool:
    ...     return True
    >>> [r.text for r in object_pronoun_refs(text, refs, [], is_object)]
    ['her', 'him']
    >>> [r.text for r in object_pronoun_refs(text, refs, [], is_object, gender="she")]
    ['her']
    """
    return _pronouns_in_role(
        text, refs, persons, _OBJECT_PRONOUN, is_object, target=target,
        gender=gender, witnesses=witnesses,
    )  # fmt: skip


def find_object_pronouns(
    text: str,
    target: Target,
    refs: Sequence[TargetRef],
    *,
    doc: Any,
    places: Sequence[tuple[int, int]] = (),
) -> list[TargetRef]:
    """The "him"/"her" of ``text`` that are direct objects and refer to the target.

    Parameters
    ----------
    text : str
        The document text.
    target : Target
        Whom to find.
    refs : sequence of TargetRef
        The target's references (:func:`find_target_refs`).
    doc : spacy.tokens.Doc
        The parse of ``text``: a pronoun is an object where it is the direct
        object of a verb in the parse.
    places : sequence of (int, int), default ()
        As for :func:`find_target_refs`.

    Returns
    -------
    list of TargetRef
        Of kind ``"pronoun"``, by :func:`object_pronoun_refs`, with the target's
        gender as :func:`find_target_refs` reads it.
    """
    persons, gender, witnesses = _people_and_gender(text, target, refs, doc, places)
    return object_pronoun_refs(
        text, list(refs), persons, lambda s, e: _is_direct_object(doc, s, e),
        target=target, gender=gender, witnesses=witnesses,
    )  # fmt: skip


def find_speaker_pronouns(
    text: str,
    target: Target,
    refs: Sequence[TargetRef],
    *,
    doc: Any,
    places: Sequence[tuple[int, int]] = (),
) -> list[TargetRef]:
    """The "he"/"she" of ``text`` that speak and refer to the target.

    As :func:`find_object_pronouns`, for the subject of a reporting verb in the
    active voice ("Jane Doe is missing. *She* told police she was heading to
    Denver"), which :func:`find_target_refs` leaves out: the speaker is no one
    the statement is about. One that stands for another speaker named before it
    ("A hiker said he saw Jane Doe. *He* said ...": :func:`_another_speaks`) is
    that speaker, not the target, and so is one whose words call the target by
    name or by the other gender's pronoun ('"Bishop Paulk has ministered in
    Atlanta," *he* wrote', "Jane Doe was seen by a hiker. *He* said she is
    hiding in Vail").

    Parameters
    ----------
    text : str
        The document text.
    target : Target
        Whom to find.
    refs : sequence of TargetRef
        The target's references (:func:`find_target_refs`).
    doc : spacy.tokens.Doc
        The parse of ``text``.
    places : sequence of (int, int), default ()
        As for :func:`find_target_refs`.

    Returns
    -------
    list of TargetRef
        Of kind ``"pronoun"``, with the target's gender as
        :func:`find_target_refs` reads it; empty where no "he" or "she" speaks.
    """
    speakers = _speakers_of(doc)
    spoken = {(a, b) for a, b in speakers if text[a:b].lower() in ("he", "she")}
    if not spoken:
        return []
    persons, gender, witnesses = _people_and_gender(text, target, refs, doc, places)
    own, _ = _own_and_others(text, list(refs), persons, target)
    found = _pronouns_in_role(
        text, list(refs), persons, _PRONOUN,
        lambda a, b: (a, b) in spoken and not _another_speaks(text, a, own, speakers),
        target=target, gender=gender, witnesses=witnesses,
    )  # fmt: skip

    def speaks_of_target(r: TargetRef) -> bool:
        # "Jane Doe was seen by a hiker. *He* said she is hiding in Vail", '"Bishop
        # Paulk has ministered in Atlanta," *he* wrote': what the speaker says
        # calls the target by name, or by the other gender's pronoun
        words = doc.char_span(r.start, r.end, alignment_mode="expand")
        if words is None or len(words) != 1:
            return False
        said = words[0].head
        a = said.left_edge.idx
        b = said.right_edge.idx + len(said.right_edge.text)
        return any(
            a <= p.start < b
            and p.start != r.start
            # before the speaker, only within a quotation: "Jane Doe left home;
            # she told police ..." may be parsed as what she told
            and (p.start > r.start or _QUOTE_END.search(text, p.end, r.start))
            and (
                p.kind in ("name", "nisba", "title")
                or (
                    p.kind == "pronoun"
                    and _GENDER_OF[p.text.lower()] != _GENDER_OF[r.text.lower()]
                )
            )
            for p in refs
        )

    return [r for r in found if not speaks_of_target(r)]


def possessive_pronoun_refs(
    text: str,
    refs: list[TargetRef],
    persons: list[tuple[int, int]],
    is_owner: Callable[[int, int], bool],
    *,
    target: Target | None = None,
    gender: Literal["he", "she"] | None = None,
    witnesses: Sequence[tuple[int, int, str | None]] = (),
) -> list[TargetRef]:
    """The "his"/"her" of ``text`` that own something and refer to the target.

    The same rule as :func:`pronoun_refs`, for the owner of a thing: "Jane Doe
    went missing. *Her* car was found in Aspen."

    Parameters
    ----------
    text, refs, persons, target, gender, witnesses
        As for :func:`pronoun_refs`.
    is_owner : callable (start, end) -> bool
        Whether the pronoun at ``start:end`` owns what follows it ("her" in
        "saw her in Vail" owns nothing).

    Returns
    -------
    list of TargetRef
        Of kind ``"pronoun"``, in order of appearance.

    Examples
    --------
    >>> t = Target("Jane Doe")
    >>> text = "Jane Doe left. Her car was found. Tom Fox left. His car was found."
    >>> refs = find_target_refs(text, t)
    >>> found = possessive_pronoun_refs(text, refs, [(34, 41)], lambda s, e: True)
    >>> [(r.text, r.start) for r in found]
    [('Her', 15)]
    >>> possessive_pronoun_refs(text, refs, [], lambda s, e: True, gender="he")[0].text
    'His'
    """
    return _pronouns_in_role(
        text, refs, persons, _POSSESSIVE_PRONOUN, is_owner, target=target,
        gender=gender, witnesses=witnesses,
    )  # fmt: skip


def _pronouns_in_role(
    text: str,
    refs: list[TargetRef],
    persons: list[tuple[int, int]],
    pattern: re.Pattern[str],
    in_role: Callable[[int, int], bool],
    *,
    target: Target | None,
    gender: Literal["he", "she"] | None,
    witnesses: Sequence[tuple[int, int, str | None]],
    kin: Collection[tuple[int, int]] = (),
) -> list[TargetRef]:
    """The matches of ``pattern`` in their role (``in_role``) that are the target's.

    What :func:`pronoun_refs`, :func:`object_pronoun_refs` and
    :func:`possessive_pronoun_refs` share: a pronoun of the other ``gender`` left out,
    and one of a witness's gender after the witness when ``gender`` is unknown;
    ``kin`` as for :func:`pronoun_refs`.
    """
    own, others = _own_and_others(text, refs, persons, target)
    out = []
    for m in pattern.finditer(text):
        s, e = m.span()
        pronoun = _GENDER_OF[m.group(0).lower()]
        if gender is not None and pronoun != gender:
            continue  # of the other gender: not the target's
        if gender is None and _witness_of_gender(text, s, pronoun, own, witnesses):
            continue  # "A man who saw Jane Doe said his car ...": the man's
        if _refers_to_target(text, s, pronoun, own, others, kin) and in_role(s, e):
            out.append(TargetRef(s, e, m.group(0), "pronoun"))
    return out


def find_possessive_pronouns(
    text: str,
    target: Target,
    refs: Sequence[TargetRef],
    *,
    doc: Any,
    places: Sequence[tuple[int, int]] = (),
) -> list[TargetRef]:
    """The "his"/"her" of ``text`` that own a noun and refer to the target.

    As :func:`find_object_pronouns`, for a pronoun that the parse makes the owner
    of a noun ("*her* car", "*his* backpack"), by
    :func:`possessive_pronoun_refs`.
    """
    persons, gender, witnesses = _people_and_gender(text, target, refs, doc, places)
    return possessive_pronoun_refs(
        text, list(refs), persons, lambda s, e: _is_owner(doc, s, e),
        target=target, gender=gender, witnesses=witnesses,
    )  # fmt: skip


def _people_and_gender(
    text: str,
    target: Target,
    refs: Sequence[TargetRef],
    doc: Any,
    places: Sequence[tuple[int, int]],
) -> tuple[
    list[tuple[int, int]],
    Literal["he", "she"] | None,
    list[tuple[int, int, str | None]],
]:
    """The people of the parse, the target's gender as the text gives it, witnesses.

    The witnesses are those who saw the target (:func:`_witnesses_of`).
    """
    persons = people(doc, places)
    witnesses = _witnesses_of(doc, refs)
    gender = target_gender(
        text, list(refs), persons, target=target, speakers=_speakers_of(doc),
        witnesses=witnesses, seen=_seen_pronouns(doc),
    )  # fmt: skip
    return persons, gender, witnesses


def _is_owner(doc: Any, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` owns a noun in the parse ("her car")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) == 1 and span[0].dep_ == "poss"


def _is_direct_object(doc: Any, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` is the direct object of a verb.

    The subject of an adjective or a participle that completes a verb is its
    object too, as the parse has it: "her" in "Rescuers found *her* alive",
    "Police found *him* hiding".
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    if tok.dep_ in ("dobj", "obj"):
        return True
    head = tok.head
    return (
        tok.dep_ == "nsubj"
        and (head.pos_ == "ADJ" or head.tag_ == "VBG")
        and head.dep_ in ("ccomp", "xcomp", "oprd")
        and head.head.pos_ == "VERB"
    )


def _own_and_others(
    text: str,
    refs: list[TargetRef],
    persons: list[tuple[int, int]],
    target: Target | None,
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans of the target's names, nisbas and titles; spans of other people."""
    own = [(r.start, r.end) for r in refs if r.kind in ("name", "nisba", "title")]
    others = [
        p
        for p in persons
        if not any(p[0] < e and s < p[1] for s, e in own)
        or (target is not None and _names_another(text, p, target))
    ]
    return own, others


def _refers_to_target(
    text: str,
    at: int,
    gender: str,
    own: list[tuple[int, int]],
    others: list[tuple[int, int]],
    kin: Collection[tuple[int, int]] = (),
) -> bool:
    """Whether the pronoun of ``gender`` at ``at`` would refer to the target.

    The person named last before it, within :data:`PRONOUN_REACH` characters, is
    the target, with no relative of the pronoun's gender named in between, but
    one that speaks of the target by it (``kin``: :func:`_kin_reports`).
    """
    last_own = max((oe for _, oe in own if oe <= at), default=None)
    if last_own is None or at - last_own > PRONOUN_REACH:
        return False
    if any(last_own <= pe <= at for _, pe in others):
        return False  # another person was named in between
    # "al-Baghdadi's wife was arrested. She ...": the wife; "her sister says
    # she is in York": the target; "Joseph Mwangi, a father of three, ...":
    # the target himself; "her sister, a mother of three, says she ...": the
    # sister who speaks of the target
    relatives = list(_RELATIVES[gender].finditer(text, last_own, at))
    described = own + [m.span() for m in relatives if (m.start(), at) in kin]
    return all(
        (m.start(), at) in kin or _heads_apposition(text, m.start(), described)
        for m in relatives
    )


#: What lies between a name and the head of an apposition that describes it:
#: ", a ", ", 45, the ", ", a 45-year-old ", but no owner ("a friend of *her*
#: brother", "a friend of Tom's brother").
_APPOSITION_GAP = re.compile(
    r",\s+(?:\d{1,3},\s+)?(?i:an?|the)\s+"
    r"(?:(?!(?i:of|his|her|their|its|whose|who)\b)[\w-]+\s+){0,3}"
)


def _heads_apposition(text: str, at: int, own: Sequence[tuple[int, int]]) -> bool:
    """Whether the relative's word at ``at`` heads an apposition to one of ``own``.

    "Joseph Mwangi, *a father* of three", "Jane Doe, 45, *the mother* of two":
    the relative is the one named (the target, or a relative who speaks of it),
    not another person; "her brother, a father of three," describes the
    brother, who is not one of ``own`` unless he speaks of the target.

    Examples
    --------
    >>> text = "Joseph Mwangi, a father of three, is missing."
    >>> _heads_apposition(text, text.index("father"), [(0, 13)])
    True
    >>> text = "Joseph Mwangi, a friend of her brother, is missing."
    >>> _heads_apposition(text, text.index("brother"), [(0, 13)])
    False
    """
    return any(
        e <= at and _APPOSITION_GAP.fullmatch(text, e, at) is not None for _, e in own
    )


def target_gender(
    text: str,
    refs: list[TargetRef],
    persons: list[tuple[int, int]],
    *,
    target: Target | None = None,
    speakers: Sequence[tuple[int, int]] = (),
    witnesses: Sequence[tuple[int, int, str | None]] = (),
    seen: Sequence[tuple[int, int]] = (),
) -> Literal["he", "she"] | None:
    """The target's gender as the text tells it, or None when it does not.

    Parameters
    ----------
    text : str
        The document text.
    refs : list of TargetRef
        The target's references (names, nisbas, titles).
    persons : list of (int, int)
        Character spans of the people the text names, as for
        :func:`pronoun_refs`.
    target : Target or None, default None
        The target, as for :func:`pronoun_refs`.
    speakers : sequence of (int, int), default ()
        Character spans of the subjects of reporting verbs other than the
        target ("*he* said", "*a hiker* told police"). A pronoun among them is
        the speaker's, and so is one after a speaker named or described after
        the target ("Jane Doe was seen, *a hiker* said. *His* dog ..."), or
        after a speaker "he" or "she" of its own gender ("*He* said *his* car
        ..."): none of them tells the target's gender.
    witnesses : sequence of (int, int, str or None), default ()
        The people who saw the target (:func:`_witnesses_of`): from the
        witness's first word to the end of the one seen, and the witness's
        gender when a noun tells it ("a man"). A pronoun after a witness, before
        the target is named again, may be the witness's ("A hiker who saw Jane
        Doe said *he* was sure"), as it may be a speaker's, unless the witness
        is of the other gender: it tells nothing of the target's.
    seen : sequence of (int, int), default ()
        Character spans of "him" and "her" as the one that someone saw ("A hiker
        who saw *her*", "a hiker said he saw *her*": :func:`_seen_pronouns`).
        Such a pronoun that would refer to the target is the target's, whoever
        speaks or saw before it, and tells its gender.

    Returns
    -------
    {"he", "she"} or None
        From the titles ("Mr", "Mrs", "Ms") and gendered nouns ("a 45-year-old
        woman") next to the target's names, when they agree; with none, from the
        first pronoun of the text that would refer to the target and is no
        speaker's. None when nothing tells, or the titles and nouns disagree.

    Examples
    --------
    >>> t = Target("Jane Doe")
    >>> text = "Mrs Doe left. He is in Denver."
    >>> target_gender(text, find_target_refs(text, t), [])
    'she'
    >>> text = "Jane Doe left her car. He is in Denver."
    >>> target_gender(text, find_target_refs(text, t), [])
    'she'
    >>> text = "Jane Doe left. Tom Fox said she is in Denver."
    >>> target_gender(text, find_target_refs(text, t), [(15, 22)]) is None
    True

    A speaker's own pronoun tells nothing of the target ("He" at 37 is the
    subject of "said"):

    >>> text = "A hiker said he saw Jane Doe in Aspen. He said she is in Vail."
    >>> refs = find_target_refs(text, t)
    >>> target_gender(text, refs, [])
    'he'
    >>> target_gender(text, refs, [], speakers=[(2, 7), (39, 41)])
    'she'

    Nor does a witness's ("he" at 32 may be the hiker's):

    >>> text = "A hiker who saw Jane Doe said he was sure."
    >>> refs = find_target_refs(text, t)
    >>> target_gender(text, refs, [])
    'he'
    >>> target_gender(text, refs, [], witnesses=[(0, 24, None)]) is None
    True

    But the one a witness saw is the target ("her" at 33 is the one seen):

    >>> text = "Jane Doe left. A hiker who saw her said he was sure."
    >>> refs = find_target_refs(text, t)
    >>> target_gender(text, refs, [], speakers=[(17, 22)], witnesses=[(15, 34, None)])
    >>> target_gender(
    ...     text, refs, [], speakers=[(17, 22)], witnesses=[(15, 34, None)],
    ...     seen=[(31, 34)],
    ... )
    'she'
    """
    names = [r for r in refs if r.kind in ("name", "nisba")]
    said: set[str] = set()
    for r in names:
        for m in (
            _GENDER_TITLE.search(text, max(0, r.start - 60), r.start),
            _NOUN_BEFORE.search(text, max(0, r.start - 60), r.start),
            _NOUN_AFTER.search(text[r.end : r.end + 80]),
        ):
            if m is not None:
                said.add("he" if m.group("he") else "she")
    if len(said) == 1:
        return "he" if "he" in said else "she"
    if said:
        return None  # a "Mr Doe" and a "Mrs Doe": the titles disagree
    own, others = _own_and_others(text, refs, persons, target)
    for m in _ANY_PRONOUN.finditer(text):
        gender = _GENDER_OF[m.group(0).lower()]
        if m.span() in seen and _refers_to_target(text, m.start(), gender, own, others):
            return "he" if gender == "he" else "she"  # "a hiker who saw her"
        if (
            _refers_to_target(text, m.start(), gender, own, others)
            and not _is_speakers(text, m.start(), gender, own, speakers)
            and not _is_witness(m.start(), gender, own, witnesses)
        ):
            return "he" if gender == "he" else "she"
    return None


def _is_witness(
    at: int,
    gender: str,
    own: list[tuple[int, int]],
    witnesses: Sequence[tuple[int, int, str | None]],
) -> bool:
    """Whether the pronoun of ``gender`` at ``at`` may be a witness's.

    A witness who saw the target, after which the target is not named again
    before the pronoun ("A hiker who saw Jane Doe said *he* ..."; "Jane Doe was
    seen by a hiker. *He* ..."), and who is not of the other gender ("A man who
    saw Jane Doe said *she* ...": she is not the man).
    """
    last_own = max((oe for _, oe in own if oe <= at), default=0)
    return any(
        last_own <= e <= at and (told is None or told == gender)
        for _, e, told in witnesses
    )


def _witness_of_gender(
    text: str,
    at: int,
    gender: str,
    own: list[tuple[int, int]],
    witnesses: Sequence[tuple[int, int, str | None]],
) -> bool:
    """Whether the pronoun of ``gender`` at ``at`` follows a witness told of it.

    A witness whose noun tells its gender ("a man", "a woman") and the pronoun's,
    in the witness's own sentence, after which the target is not named again
    before the pronoun ("A man who saw Jane Doe said *his* car ..."). In a later
    sentence the pronoun may be the target's again ("A man who spotted Smith
    called police. *He* was arrested hours later").
    """
    last_own = max((oe for _, oe in own if oe <= at), default=0)
    return any(
        last_own <= e <= at
        and told == gender
        and _SENTENCE_BREAK.search(text, e, at + 1) is None
        for _, e, told in witnesses
    )


def _seen_pronouns(doc: Any) -> list[tuple[int, int]]:
    """Character spans of "him" and "her" as the object of a verb of seeing.

    "A hiker who saw *her*", "a hiker said he spotted *him*": the one seen, in
    the active voice (:data:`_WITNESS_LEMMAS`); not the owner in "saw *her* car".
    """
    return [
        (tok.idx, tok.idx + len(tok.text))
        for tok in doc
        if tok.lower_ in ("him", "her")
        and tok.dep_ in ("dobj", "obj")
        and tok.head.pos_ == "VERB"
        and tok.head.lemma_.lower() in _WITNESS_LEMMAS
    ]


def _is_speakers(
    text: str,
    at: int,
    gender: str,
    own: list[tuple[int, int]],
    speakers: Sequence[tuple[int, int]],
) -> bool:
    """Whether the pronoun of ``gender`` at ``at`` may be a speaker's, not the target's.

    It is a speaker "he" or "she" that stands for another speaker (see
    :func:`_another_speaks`), or follows, after the target's last name, a
    speaker named or described who is not the target, or such a speaker "he" or
    "she" of its own gender.
    """
    last_own = max((oe for _, oe in own if oe <= at), default=0)
    for s, e in speakers:
        if s <= at < e:  # "He said": the pronoun is a speaker
            return _another_speaks(text, s, own, speakers)
        if not (last_own <= s and e <= at) or any(a < e and s < b for a, b in own):
            continue
        word = text[s:e].lower()
        if word not in _GENDER_OF:
            return True  # "Jane Doe was seen, a hiker said. His dog ..."
        if _GENDER_OF[word] == gender and _another_speaks(text, s, own, speakers):
            return True  # "He said his car ..."
    return False


def _another_speaks(
    text: str,
    at: int,
    own: list[tuple[int, int]],
    speakers: Sequence[tuple[int, int]],
) -> bool:
    """Whether the speaker "he"/"she" at ``at`` stands for a speaker not the target.

    As in :mod:`geosleuth.read.attribution`, it stands for the last speaker
    named or described before it ("A hiker said ... *He* said"); with none, or
    the target, it may be the target ("Jane Doe left. *She* said ...").
    """
    named = [
        (s, e) for s, e in speakers if e <= at and text[s:e].lower() not in _GENDER_OF
    ]
    if not named:
        return False
    s, e = named[-1]
    if any(a < e and s < b for a, b in own):
        return False
    # "A hiker said *he* saw Jane Doe. *She* told police ...": the hiker is a he
    theirs = _speaker_gender(text, s, e)
    word = re.match(r"[A-Za-z]+", text[at:])
    mine = _GENDER_OF.get(word.group(0).lower()) if word else None
    return theirs is None or mine is None or theirs == mine


#: A speaker's own pronoun right after its reporting verb: "A hiker said *he* saw".
_OWN_PRONOUN = re.compile(
    r"\s+(?:said|says|told\s+\w+|added|explained|claimed|reported|stated)"
    r"\s+(?:that\s+)?(he|she)\b",
    re.IGNORECASE,
)
#: Words of a speaker's phrase that give its gender.
_GENDERED = {
    "man": "he", "boy": "he", "father": "he", "husband": "he", "brother": "he",
    "son": "he", "mr": "he", "woman": "she", "girl": "she", "mother": "she",
    "wife": "she", "sister": "she", "daughter": "she", "mrs": "she", "ms": "she",
}  # fmt: skip


def _speaker_gender(text: str, start: int, end: int) -> str | None:
    """The pronoun ("he", "she") of the speaker at ``start:end``, if the text tells.

    A gendered word of its phrase ("a woman said", "her brother said") or its
    own pronoun after its reporting verb ("A hiker said *he* saw ..."); None
    where neither tells.
    """
    for word in re.findall(r"[A-Za-z]+", text[start:end]):
        if word.lower() in _GENDERED:
            return _GENDERED[word.lower()]
    own = _OWN_PRONOUN.match(text, end)
    return own.group(1).lower() if own else None


def _find_refs(
    text: str, target: Target, person_use: Callable[[int, int], bool]
) -> list[TargetRef]:
    """:func:`find_target_refs`; ``person_use(s, e)`` judges a bare nisba.

    A bare nisba at ``s:e`` ("Baghdad is alive") is taken for the person where
    ``person_use(s, e)`` is true.
    """
    refs: list[TargetRef] = []
    key, nisba = target.surname_key, target.nisba_key
    if not key:
        return refs
    groups: set[str] = set()
    for m in _WORD.finditer(text):
        word = m.group(0)
        if not _ARTICLE.sub("", word)[:1].isupper():
            continue
        k = name_key(word)
        s, e = m.span()
        e -= len(re.search(r"(?:['’]s|['’])?$", word).group(0))  # type: ignore[union-attr]
        if k == key:
            refs.append(TargetRef(s, e, text[s:e], "name"))
            title = re.search(
                rf"\b([A-Z][\w-]*)\s+{_TITLE_NOUNS}\s+(?:[A-Z]\w+\s+){{0,3}}$",
                text[max(0, s - 60) : s],
            )
            if title is not None:
                groups.add(title.group(1))
        elif nisba is not None and k == nisba and person_use(s, e):
            refs.append(TargetRef(s, e, text[s:e], "nisba"))
    org = r"(?:organi[sz]ation|group|" + "|".join(re.escape(g) for g in groups) + ")"
    if groups:
        titles = re.compile(
            rf"\b[Tt]he\s+(?:{org}(?:['’]s)?\s+)?{_TITLE_NOUNS}\b(?!s|\s+(?:al-)?[A-Z])"
            rf"|\b[Tt]he\s+(?:{org}\s+)?{_TITLE_NOUNS}s\b(?:\s+of\s+the\s+{org})?"
            rf"|\b(?:[Tt]he|[Mm]any|[Ss]ome|[Mm]ost)\s+(?:of\s+the\s+)?{_TITLE_NOUNS}s"
            rf"\s+of\s+the\s+{org}\b"
            rf"|\b(?:[Tt]he\s+)?(?:{'|'.join(re.escape(g) for g in groups)})\s+"
            rf"{_TITLE_NOUNS}s?\b(?!\s+(?:al-)?[A-Z])"
        )
        for m in titles.finditer(text):
            s, e = m.span()
            if any(r.start < e and s < r.end for r in refs):
                continue
            plural = re.search(rf"{_TITLE_NOUNS}s\b", m.group(0)) is not None
            refs.append(TargetRef(s, e, m.group(0), "leaders" if plural else "title"))
    refs.sort(key=lambda r: r.start)
    return refs


def infer_target(
    text: str, *, doc: Any = None, mentions: Sequence[Any] = ()
) -> Target | None:
    """The person named most often in ``text``, or None when no person is named.

    The count of a PERSON entity is the number of words in the whole text that
    share its surname key, so "al-Baghdadi", "Baghdadi" and "al-Bagdadi" add up even
    where the tagger calls some of them organisations.

    The tagger calls a place a PERSON now and then ("Hajin", "Sioux Falls"), so
    a name used as a place more often than as a person's is no candidate:

    - by the tagger: more entities GPE, LOC or FAC than PERSON share its key;
    - or by the ``mentions`` too: the mentions of places (role "place" or
      "metonym", resolved to a place whose name has that word, or a street or
      park the gazetteer does not hold) count as places, and the PERSON
      entities that none of them overlaps as persons; unless the name is
      written in full with a given name, outside any such mention ("Mayor Ryan
      Bingham": the village of Bingham in the gazetteer is not that person).

    Parameters
    ----------
    text : str
        The text.
    doc : spacy.tokens.Doc or None, default None
        ``text`` with its entities; without one, no person is found.
    mentions : sequence of Mention, default ()
        The place names found in ``text``
        (:func:`~geosleuth.read.toponyms.find_toponyms`).

    Returns
    -------
    Target or None
        With ``inferred=True``.

    Examples
    --------
    >>> infer_target("No names here.") is None
    True
    """
    if doc is None:
        return None

    def key_of(name: str) -> str:
        words = _WORD.findall(name)
        return name_key(words[-1]) if words else ""

    persons = [e.text for e in doc.ents if e.label_ == "PERSON" and key_of(e.text)]
    if not persons:
        return None
    counts = Counter(name_key(w) for w in _WORD.findall(text) if w[:1].isupper())
    places = {  # mentions of places, by span: their key
        (m.start, m.end): key_of(m.text)
        for m in mentions
        if m.role in ("place", "metonym")
        and (m.name is None or key_of(m.text) in map(name_key, _WORD.findall(m.name)))
    }
    tagged = Counter(
        (e.label_ == "PERSON", key_of(e.text))
        for e in doc.ents
        if e.label_ in ("PERSON", "GPE", "LOC", "FAC")
    )
    as_place = Counter(places.values())
    as_person: Counter[str] = Counter()
    in_full: set[str] = set()  # keys of names written in full, as a person's
    for e in doc.ents:
        span, key = (e.start_char, e.end_char), key_of(e.text)
        if e.label_ in ("GPE", "LOC", "FAC") and span not in places:
            as_place[key] += 1
        elif e.label_ == "PERSON" and not any(
            s < span[1] and span[0] < t for s, t in places
        ):
            as_person[key] += 1
        if (
            e.label_ == "PERSON"
            and len(_WORD.findall(e.text)) > 1
            and not any(s <= span[0] and span[1] <= t for s, t in places)
        ):
            in_full.add(key)
    best: tuple[int, int, str] | None = None
    for p in persons:
        key = key_of(p)
        if tagged[False, key] > tagged[True, key] or (
            as_place[key] > as_person[key] and key not in in_full
        ):
            continue  # a place the tagger took for a person
        score = (counts.get(key, 0), len(_WORD.findall(p)), p)
        if best is None or score > best:
            best = score
    if best is None or best[0] == 0:
        return None
    name = re.sub(r"(?:['’]s|['’])$", "", best[2]).strip()
    longest = max(
        (p for p in persons if key_of(p) == key_of(name)), key=len, default=name
    )
    return Target(re.sub(r"(?:['’]s|['’])$", "", longest).strip(), inferred=True)


def same_person(one: str, other: str) -> bool:
    """Whether two names given for the target can name one person.

    Either rule says so:

    - as the readers find the target in text: one surname key, and no given name
      in one that the other lacks, so "al-Baghdadi" and "Abu Bakr al-Baghdadi"
      are one person and "Mary Doe" and "Jane Doe" are two; names written alike
      but for case and spacing are one;
    - one is a sub-name of the other (:func:`_is_sub_name`): "bin Laden" of
      "Osama bin Laden", "J. Doe", "Doe, Jane", "Mrs Doe" and "Jane M. Doe Jr."
      of "Jane Doe", "Kim Jong-un" of "Kim Jong Un". Not "Hamza bin Laden",
      whose "Hamza" the other lacks, nor "Kim Jong Il".

    A name written with no capital in ``other`` ("missing walker (synthetic
    example)") is a description, not a name: it is compared whole.

    Examples
    --------
    >>> same_person("J. Doe", "Jane Doe"), same_person("Mary Doe", "Jane Doe")
    (True, False)
    """

    def plain(name: str) -> str:
        return " ".join(name.casefold().split())

    a, b = Target(one), Target(other)
    if plain(one) == plain(other) or (
        bool(a.surname_key)
        and a.surname_key == b.surname_key
        and not _names_another(one, (0, len(one)), b)
        and not _names_another(other, (0, len(other)), a)
    ):
        return True
    if not any(c.isupper() for c in other):
        return False
    x, y = _name_words(one), _name_words(other)
    return _is_sub_name(x, y) or _is_sub_name(y, x)


_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sheikh"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii"})
_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class _NameWords:
    """A person's name as words: given names first, family name last."""

    words: tuple[str, ...]
    suffix: str | None  # "jr", "sr", "ii" or "iii"


def _name_words(name: str) -> _NameWords:
    """``name`` casefolded, without diacritics, titles and suffix, in words.

    Words are runs of letters ("Kim Jong-un": kim, jong, un). "Doe, Jane" is
    "Jane Doe" (but "Doe, Jr." is "Doe Jr.").

    Examples
    --------
    >>> _name_words("Mrs. Jane Doé-Smith, Jr.")
    _NameWords(words=('jane', 'doe', 'smith'), suffix='jr')
    >>> _name_words("Doe, J.").words
    ('j', 'doe')
    """
    folded = unicodedata.normalize("NFKD", name.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    parts = [_LETTERS.findall(part) for part in folded.split(",")]
    suffix = next((w for p in parts for w in p if w in _SUFFIXES), None)
    parts = [[w for w in p if w not in _TITLES | _SUFFIXES] for p in parts]
    parts = [p for p in parts if p]
    if len(parts) == 2:  # "Doe, Jane": family name first
        parts.reverse()
    return _NameWords(tuple(w for p in parts for w in p), suffix)


def _is_sub_name(short: _NameWords, full: _NameWords) -> bool:
    """Whether ``short`` names the person ``full`` names, with fewer words or as many.

    Each word of ``short`` must match a word of ``full``, no two the same one: a
    word matches itself, and an initial ("j") a word it begins. One word alone
    must be ``full``'s family name, its last: "Doe" is Jane Doe, "Jane" or "Bakr"
    could be many people. Two suffixes must agree ("Jr." is not "Sr.").

    Examples
    --------
    >>> full = _name_words("Jane Doe")
    >>> [_is_sub_name(_name_words(n), full) for n in ("J. Doe", "Ms Doe", "Jane")]
    [True, True, False]
    >>> _is_sub_name(_name_words("Kim Jong Il"), _name_words("Kim Jong Un"))
    False
    """
    if not short.words or len(short.words) > len(full.words):
        return False
    if short.suffix and full.suffix and short.suffix != full.suffix:
        return False
    if len(short.words) == 1:
        return short.words[0] == full.words[-1]

    def match(a: str, b: str) -> bool:
        return (
            a == b
            or (len(a) == 1 and b.startswith(a))
            or (len(b) == 1 and a.startswith(b))
        )

    # a name has a handful of words: trying each assignment is quick and plain
    return any(
        all(map(match, short.words, chosen))
        for chosen in permutations(full.words, len(short.words))
    )
