"""Who saw: an eyewitness placed at a town, or a camera.

Helper of :mod:`geosleuth.read.sightings`. A witness's own seeing, meeting,
serving or recognising of the target ("A fisherman *in Vigo* said he saw
Varga", "a shopkeeper said she *served* Varga": :func:`met_by_witness`) that
names no place of its own (:func:`place_named`) is at or near the witness's
town (:func:`witness_town`, σ :data:`WITNESS_SIGMA_KM`); a place that says
where the one who saw comes from ("seen in Leeds by a man *from York*":
:func:`of_the_seer`) is not where the seeing was. A camera that shows the
target ("CCTV footage showed her at the station", "caught on camera":
:func:`seen_on_camera`) sees it as a witness does. Moved out of
:mod:`geosleuth.read.sightings` as it grew past the house's size for one
module.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Literal

from geosleuth.read._doc_text import doc_text
from geosleuth.read._seen_subjects import SEE_LEMMAS, seen_subject
from geosleuth.read._sentence import (
    MentionLike,
    Sentence,
    is_point,
    kind_of,
    subtree_span,
)
from geosleuth.read._sighting_media import (
    _camera_phrase,
    camera_of,
    footage_of,
    not_filmed,
)

if TYPE_CHECKING:
    from geosleuth.read.claims import _Extractor

__all__ = [
    "WITNESS_SIGMA_KM",
    "met_by_witness",
    "of_the_seer",
    "place_named",
    "seen_on_camera",
    "witness_town",
]


def of_the_seer(ex: _Extractor, m: MentionLike, verb: Any) -> str | None:
    """The words, if ``m`` says where the one who saw comes from or lives.

    A place in the "by" phrase of the seeing, after "from" or "of" or in a
    relative clause there: "seen in Leeds by a man *from York*", "by a man *who
    lives in York*". Not "seen by a hiker in Aspen", where the seeing was.
    """
    if verb is None:
        return None
    span = ex.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    chain = [span.root, *span.root.ancestors]
    agent = next((t for t in chain if t.dep_ == "agent" and t.head.i == verb.i), None)
    if agent is None:
        return None
    inner = chain[: chain.index(agent)]
    first_prep = next((t for t in inner if t.dep_ == "prep"), None)
    if not any(t.dep_ == "relcl" for t in inner) and (
        first_prep is None or first_prep.lower_ not in ("from", "of")
    ):
        return None  # "by a resident of Aspen near Vail": near Vail, it was
    words = list(agent.subtree)
    return str(doc_text(ex.doc)[words[0].idx : words[-1].idx + len(words[-1].text)])


#: The seer's own words for the seeing, which make the speaker its witness: "a
#: fisherman said *he* saw", '"*I* saw him," a fisherman said'; by number, the
#: singular ones of a singular speaker, the plural ones of a plural one.
_SEER_SINGULAR = frozenset({"he", "she", "i"})


_SEER_PLURAL = frozenset({"they", "we"})


#: Prepositions that place a witness: "a fisherman *in* Vigo", "residents *of*
#: Hajin"; not "a man *from* York", who may have come far to see.
_WITNESS_AT = frozenset({"in", "of"})


#: Spread (km) of a seeing put at the witness's town: as one "near" a place.
WITNESS_SIGMA_KM = 10.0


def _eyewitness(s: Sentence, verb: Any) -> Any:
    """The witness whose own seeing ``verb`` is, a word of the parse, or None.

    A verb in the active voice whose subject is a common noun ("A fisherman in
    Vigo saw Varga") or, under a reporting verb whose subject is one, a pronoun
    of its number ("A fisherman said *he* saw", "Residents said *they* saw",
    '"*I* saw him," a fisherman said'): the witness is that noun. Not a seeing
    told of others ("Varga *was seen*", "said *residents* saw him", "Residents
    said *he* saw"), nor one by an official or an organisation ("Police in
    Madrid said they saw him": its agents may have been anywhere).
    """
    from geosleuth.read.attribution import REPORTING_LEMMAS
    from geosleuth.read.attribution._names import OFFICIAL

    if verb is None or s.sent is None:
        return None
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None  # "Varga was seen": a seeing told, not the witness's own
    seer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if seer is None:
        return None
    witness = seer
    if seer.lower_ in _SEER_SINGULAR | _SEER_PLURAL:
        said = verb.head if verb.dep_ == "ccomp" else None
        if said is None or said.lemma_.lower() not in REPORTING_LEMMAS:
            return None
        witness = next((c for c in said.children if c.dep_ == "nsubj"), None)
        if witness is None or witness.pos_ != "NOUN":
            return None
        plural = witness.tag_ == "NNS"
        if seer.lower_ in _SEER_SINGULAR and plural:
            return None  # "Residents said he saw Varga": he is someone else
        if seer.lower_ == "they" and not plural:
            return None
        if s.attr.at(int(verb.idx)).official:
            return None
    elif witness.pos_ != "NOUN":
        return None
    if any(OFFICIAL.fullmatch(w) for w in (witness.text, witness.lemma_)):
        return None  # "Police in Madrid said they saw him", "officials in Vigo"
    return witness


def witness_town(
    ex: _Extractor, s: Sentence, verb: Any
) -> tuple[MentionLike, str] | None:
    """(town, words) of the eyewitness of ``verb``, where the seeing names no place.

    "A fisherman in Vigo said he saw Varga at the harbour", "Residents of Hajin
    said they saw him", '"I saw him," a shopkeeper in Faro said', "A Vigo
    fisherman saw Varga": the one who saw (:func:`_eyewitness`) is placed at a
    town, after "in" or "of" or before the noun; the seeing is at or near it.
    Not a witness "from" a town, who may have come far to see
    (:func:`of_the_seer`). The town is a resolved city, town or village of the
    witness's own phrase, the only place there: not a country or a region.
    """
    if verb is None or verb.lemma_.lower() not in SEE_LEMMAS | _EYEWITNESS_LEMMAS:
        return None
    witness = _eyewitness(s, verb)
    if witness is None:
        return None
    for mod in witness.children:
        if not (
            (mod.dep_ == "prep" and mod.lower_ in _WITNESS_AT)
            or (mod.dep_ == "compound" and mod.pos_ == "PROPN")
        ):
            continue
        a, b = subtree_span(mod)
        towns = [
            m
            for j, m in enumerate(ex.mentions)
            if a <= m.start and m.end <= b and is_point(m) and j not in ex.excluded
        ]
        if len(towns) == 1 and kind_of(towns[0]) in _TOWN_KINDS:
            words = list(witness.subtree)
            return towns[0], ex.text[words[0].idx : words[-1].idx + len(words[-1].text)]
    return None


#: Verbs besides those of seeing by which a witness tells of seeing the target
#: themself: "a fisherman said he *met* Varga", "she *served* him", "a waiter
#: *recognised* him" (:func:`met_by_witness`).
_EYEWITNESS_LEMMAS = frozenset({"meet", "serve", "recognise", "recognize"})


def met_by_witness(ex: _Extractor, s: Sentence) -> Any:
    """The verb by which a witness met, served or recognised the target, or None.

    "A shopkeeper in Faro said she served Varga", "A fisherman said he met him
    in Porto", '"I recognised him," a waiter said': one of
    :data:`_EYEWITNESS_LEMMAS` whose object is the target, as for a verb of
    seeing (:func:`~geosleuth.read._seen_subjects.seen_by_someone`), and whose
    subject is the witness's own (:func:`_eyewitness`), in the past ("met", "had
    met"). Not the words of an
    official ("The minister said he met Varga"), a meeting told of others
    ("Varga was met by", "said residents met him"), one only planned or made
    possible ("hours for citizens *to meet* him", "she will meet him"), nor the
    target's own doing ("Varga met his lawyer").
    """
    if s.sent is None:
        return None
    named = [r for r in s.refs if r.kind in ("name", "nisba", "title")]
    named += [r for r in ex.object_refs if s.span[0] <= r.start < s.span[1]]
    for tok in s.sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in _EYEWITNESS_LEMMAS:
            continue
        if tok.tag_ not in ("VBD", "VBN") or any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
        ):
            continue  # "set aside hours for citizens to meet him": no meeting told
        objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
        # "met with Varga"
        objs += [
            g
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "with" and tok.lemma_ == "meet"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        if any(any(r.start <= o.idx < r.end for r in named) for o in objs) and (
            _eyewitness(s, tok) is not None
        ):
            return tok
    return None


#: Kinds of place that may be a witness's town (not a region's centre, a river).
_TOWN_KINDS = frozenset({"city", "town", "village"})


def place_named(ex: _Extractor, s: Sentence, verb: Any) -> bool:
    """Whether the seeing ``verb`` names a place of its own, resolved or not.

    Any place name in its phrase after it ("saw him in Portugal", "in Xyzville",
    "at Heathrow"): then the seeing was there, or somewhere unknown, not at the
    witness's town.
    """
    start, end = int(verb.idx), subtree_span(verb)[1]
    if any(start < m.start < end for m in ex.mentions):
        return True
    # "at the Miramar Hotel": a name after a preposition of place, not a date's
    return any(
        t.i > verb.i
        and t.pos_ == "PROPN"
        and t.ent_type_ not in _NOT_PLACE_ENTS
        and any(
            up.dep_ == "pobj" and up.head.lower_ in _AT_PLACE
            for up in (t, *t.ancestors)
            if up.i > verb.i
        )
        for t in verb.subtree
    )


#: Prepositions of where ("saw him *at* the Miramar Hotel"), and entities that
#: are no place after them ("on *March* 8", "*with* Pedro Ruiz").
_AT_PLACE = frozenset({"in", "at", "near", "outside", "inside", "around", "behind"})


_NOT_PLACE_ENTS = frozenset({"DATE", "TIME", "PERSON", "NORP", "CARDINAL", "ORDINAL"})


#: Verbs by which a camera sees: "footage showed her", "a camera captured him",
#: "caught on camera", "cameras picked him up".
_CAMERA_LEMMAS = frozenset(
    {"show", "capture", "record", "catch", "film", "photograph", "spot", "see",
     "place", "picture", "pick", "track"}
)  # fmt: skip


_CAMERA_TEXT = re.compile(
    r"\b(?:cameras?|cctv|webcams?|dashcams?|bodycams?|footage|surveillance)\b",
    re.IGNORECASE,
)


def seen_on_camera(
    ex: _Extractor, s: Sentence
) -> (
    tuple[int, tuple[str | None, Literal["target", "associate"], str], Any, Any] | None
):
    """Where a camera saw the target in ``s``: the verb's offset, who was seen, how.

    In the active voice, a camera as the subject and the target as the object
    ("CCTV footage showed her at the station", "A security camera captured Jane
    Doe") or as the subject of what the camera shows her doing ("CCTV footage
    showed Jane Doe walking near Leeds station"), the camera also the noun the
    verb describes ("Police released CCTV footage *showing* her at Leeds
    station", "footage *that shows* her walking in Leeds"); in the passive, the
    target seen on or by a camera ("She was caught on camera in Leeds",
    "recorded by a doorbell camera"); or camera footage of her as the object
    of a verb that has or puts it out ("Police have CCTV footage of Jane Doe at
    Leeds station": that verb's offset). The third value is the verb of what she
    was shown doing, whose phrase holds the places seen (not "walking with a man
    who was later arrested in Leeds"), or None; the fourth, the verb that has
    the footage that a verb of showing describes ("Police said they *have*
    CCTV footage showing her"), whose clause holds the seeing, or None. None
    without a parse.
    """
    if s.sent is None or _CAMERA_TEXT.search(s.text) is None:
        return None
    named = [r for r in s.refs if r.kind in ("name", "nisba", "title")]
    named += [r for r in ex.object_refs if s.span[0] <= r.start < s.span[1]]
    for tok in s.sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "VERB" or lemma not in _CAMERA_LEMMAS:
            continue
        if lemma == "pick" and not any(
            c.dep_ == "prt" and c.lower_ == "up" for c in tok.children
        ):
            continue  # "cameras picked her up", not "picked a camera"
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
            if camera_of(s, tok.idx) is None:
                continue
            subject = seen_subject(ex, s, tok.idx)
            if subject is not None:
                return int(tok.idx), subject, None, None
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        described = tok.dep_ in ("acl", "relcl") and (
            subj is None or subj.lower_ in ("that", "which")
        )
        if described:
            subj = tok.head  # "footage showing her", "footage that shows her"
        if subj is None or _camera_phrase(subj) is None:
            continue
        for obj in tok.children:
            # "showed her at the station"; "showed Jane Doe walking near Leeds
            # station", where the parse makes her the subject of what she was
            # doing (not "showed her boarding a train": "her" is read as the
            # train's owner)
            doing = obj.dep_ in ("ccomp", "xcomp", "oprd") and obj.tag_ == "VBG"
            seen = (
                [obj]
                if obj.dep_ in ("dobj", "obj")
                else [g for g in obj.children if g.dep_ == "nsubj"]
                if doing
                else []
            )
            if any(r.start <= w.idx < r.end for w in seen for r in named):
                if not_filmed(ex, s, tok, subj if described else None):
                    return None  # "There is no CCTV footage showing her"
                # "Police said they have CCTV footage showing her": the clause of
                # the verb that has the footage, which "said" reports
                holder = (
                    subj.head
                    if described
                    and subj.dep_ in ("dobj", "obj", "nsubjpass")
                    and subj.head.pos_ in ("VERB", "AUX")
                    else None
                )
                return (
                    int(tok.idx),
                    (None, "target", ""),
                    obj if doing else None,
                    holder,
                )
    for tok in s.sent:
        # "Police have CCTV footage of Jane Doe at Leeds station": footage of her
        # that those who have it (or put it out) say where it shows her
        if tok.dep_ not in ("dobj", "obj") or not any(
            r.start <= w.idx < r.end for w in footage_of(tok) for r in named
        ):
            continue
        if not_filmed(ex, s, tok, tok):
            return None  # "Police hope to find CCTV footage of Jane Doe"
        return int(tok.head.idx), (None, "target", ""), None, None
    return None
