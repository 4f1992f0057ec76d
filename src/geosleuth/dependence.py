"""Items that share a source, and how much each one counts.

Items read from one document are rarely independent: one reporter chose the
speakers, and several officials repeating one view are one view. Fusing them as
independent makes the map more confident than the evidence is. With an assumed
correlation ρ between the items of one source, ``n`` of them carry the information
of

    n_eff = n / (1 + (n − 1) ρ)

independent items (Kish's design effect of a cluster sample), so each one's
log-likelihood is weighted by ``n_eff / n = 1 / (1 + (n − 1) ρ)``: ρ = 0 treats
them as independent (the default of :class:`~geosleuth.fuse.Settings`), ρ = 1 lets
a whole document count as much as one of its items. A weighted factor ``L**w`` of
a mixture likelihood ``L = r·K + (1 − r)`` is still positive everywhere, so no
report can zero a cell with or without the weight.

Only reports of where the target is (:data:`DEPENDENT_KINDS`) are weighted; a
territory, a front, a search or an event set is a fact about the ground or about
effort, not an opinion that others repeat. ``n`` counts likelihood factors: the
sightings of one associate (one mixture) count once. Items an analyst wrote into a
case file without naming a document (:data:`OWN_DOCUMENT`) share no source.

Leave-one-out contributions (:func:`geosleuth.fuse.fuse`) keep the other items'
weights: they say how the map moves without the item's own term, not how it would
look if the document had one item fewer.

Repeats across documents
------------------------
A wire story republished by other outlets is one statement, not several
observations: its quote comes back word for word in each copy, however the copies'
front matter differs (so their texts' SHA-256 differ). :func:`repeats` finds, among
items of :data:`STATEMENT_KINDS` (what a source states about where the target is or
whether alive), those that say the same thing as an item of another document: the
same kind, quote (:func:`quote_key`: case, spacing, quote marks and dashes folded),
speaker (or both none) and what is stated (the place's name and geometry and, for a
claim, its polarity; for a sighting, who was seen; for a life status, the status).
The first of them, by date, then publication, then id, counts; the others are set
aside as its repeats (:func:`~geosleuth.fuse.select`, :func:`~geosleuth.fuse.p_alive`)
when dated less than :data:`REPEAT_DAYS` after it: a reprint dated a day later says
nothing new, while the same words a week or more later ("she was seen in Leeds on
Tuesday", a death claim in an army's usual words) are about another day. Items of the
first one's own document are left to the weights above. Searches, territory, fronts
and event sets are facts about the ground or about effort (two searches are two
searches), and an analyst's own entries (:data:`OWN_DOCUMENT`) quote no outlet: none
is a repeat. The rule is recomputed from the items wherever they are fused, so an
estimate stored with its evidence is checked with it (``geosleuth verify``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence

import numpy as np
from numpy.typing import NDArray

from geosleuth.errors import InputError
from geosleuth.evidence import Claim, EvidenceItem, LifeStatus, Sighting

__all__ = ["DEPENDENT_KINDS", "OWN_DOCUMENT", "document_source", "source_weights"]

#: Evidence kinds whose items from one source are weighted as correlated.
DEPENDENT_KINDS = frozenset({"claim", "sighting"})
#: Evidence kinds whose word-for-word repeats in another document count once
#: (:func:`repeats`): what a source states about where the target is, or whether
#: the target is alive.
STATEMENT_KINDS = frozenset({"claim", "sighting", "life_status"})
#: The document of an item an analyst writes into a case file without naming one:
#: the analyst's own entry, not a source that others repeat.
OWN_DOCUMENT = "case file"


def document_source(document: str | None) -> str | None:
    """The source an item's document stands for; None for no shared source.

    Examples
    --------
    >>> document_source("anf"), document_source("case file"), document_source("")
    ('anf', None, None)
    """
    return None if not document or document == OWN_DOCUMENT else document


def source_weights(
    sources: Sequence[Hashable | None], *, correlation: float
) -> NDArray[np.float64]:
    """The weight of each factor's log-likelihood, given the source it comes from.

    Parameters
    ----------
    sources : sequence of hashable or None
        The source (document: a name, or :func:`document_key`) of each factor;
        None for one that shares no source with another (weight 1).
    correlation : float
        ρ, 0 ≤ ρ ≤ 1: the correlation assumed between factors of one source.

    Returns
    -------
    ndarray of shape (len(sources),)
        ``1 / (1 + (n − 1) ρ)``, ``n`` the number of factors with that source.

    Raises
    ------
    InputError
        If ``correlation`` is not in [0, 1] (a ``ValueError``).

    Examples
    --------
    >>> source_weights(["anf", "anf", "anf", "bbc", None], correlation=0.5).tolist()
    [0.5, 0.5, 0.5, 1.0, 1.0]
    >>> source_weights(["anf", "anf"], correlation=1.0).sum()  # counts as one
    np.float64(1.0)
    >>> source_weights([], correlation=0.3).shape
    (0,)
    """
    if not 0.0 <= correlation <= 1.0:
        raise InputError(
            f"correlation must be in [0, 1]. Got {correlation!r} instead.",
            field="correlation",
        )
    counts = Counter(s for s in sources if s is not None)
    n = np.array([counts[s] if s is not None else 1 for s in sources], dtype=np.float64)
    return 1.0 / (1.0 + (n - 1.0) * correlation)


#: Quote marks folded into one, and hyphens, dashes and minus signs into
#: another: a reprint may set them otherwise.
_QUOTE_MARKS = re.compile("['\"`´‘’‚‛“”„‟‹›«»′″]")
_DASHES = re.compile("[‐‑‒–—―⁃−﹘﹣－]")


def quote_key(quote: str) -> str:
    """A quote reduced for comparison: case, spacing, quote marks and dashes folded.

    Compatibility forms are folded too (Unicode NFKC: a no-break space is a
    space, a full-width letter a letter).

    Examples
    --------
    >>> quote_key("“We know he is in Mérida,”  Salas said — twice.")
    '"we know he is in mérida," salas said - twice.'
    >>> quote_key('"WE KNOW he is in Mérida," Salas said - twice.')
    '"we know he is in mérida," salas said - twice.'
    >>> quote_key("‘Ｈｅ’ is\u00a0here") == quote_key("'he' is here")
    True
    >>> quote_key("   ")
    ''
    """
    if quote.isascii():  # most quotes: nothing to fold but two quote marks
        text = quote.replace("'", '"').replace("`", '"')
    else:
        text = _DASHES.sub("-", _QUOTE_MARKS.sub('"', quote))
        text = unicodedata.normalize("NFKC", text)
    return " ".join(text.casefold().split())


def document_key(item: EvidenceItem) -> tuple[str, dt.date | None, str | None]:
    """Which document an item comes from: its name, publication date and address.

    A case file names an item's document by its title, and a reprint often keeps
    the wire's headline: two documents of one title, published on other days (or
    at other addresses), are two documents. Every item of one document has the
    same three.

    Examples
    --------
    >>> from geosleuth.evidence import Provenance
    >>> def alive(day):
    ...     return LifeStatus(id="x", date=dt.date(2019, 1, 1), status="alive",
    ...                       provenance=Provenance(document="Escape",
    ...                                             published=dt.date(2019, 1, day)))
    >>> document_key(alive(1)) == document_key(alive(2))
    False
    """
    prov = item.provenance
    return (prov.document, prov.published, prov.url)


def _name_key(name: str | None) -> str | None:
    return None if name is None else " ".join(name.casefold().split()) or None


def _said_by(item: EvidenceItem) -> tuple[str, str, str | None] | None:
    """The head of :func:`statement_key`: ``(kind, quote, speaker)``, or None."""
    if item.kind not in STATEMENT_KINDS:
        return None
    prov = item.provenance
    quote = quote_key(prov.quote)
    if not quote or document_source(prov.document) is None:
        return None
    return (item.kind, quote, _name_key(prov.speaker))


def statement_key(item: EvidenceItem) -> tuple[object, ...] | None:
    """What an item states, as a key equal for word-for-word repeats; None: none.

    ``(kind, quote, speaker, ...)`` with the quote and speaker folded
    (:func:`quote_key`), then the place's name and GeoJSON geometry and, for a
    claim, its polarity; for a sighting, its subject and who; for a life status,
    its status. None for kinds outside :data:`STATEMENT_KINDS`, for an analyst's
    own entry (no document, :func:`document_source`) and for an item without a
    quote: nothing shows it to be a copy.

    Examples
    --------
    >>> import datetime as dt
    >>> from geosleuth.evidence import Provenance
    >>> def dead(doc, quote):
    ...     return LifeStatus(id=doc, date=dt.date(2019, 10, 27), status="dead",
    ...                       provenance=Provenance(document=doc, quote=quote))
    >>> statement_key(dead("wire", "He  died.")) == statement_key(dead("b", "he died."))
    True
    >>> statement_key(dead("case file", "He died.")) is None  # the analyst's own
    True
    """
    head = _said_by(item)
    if head is None:
        return None
    if isinstance(item, LifeStatus):
        return (*head, item.status)
    if not isinstance(item, (Sighting, Claim)):  # pragma: no cover - kinds above
        return None
    where = (
        _name_key(item.place_name),
        json.dumps(item.place.to_geojson(), sort_keys=True),
    )
    if isinstance(item, Claim):
        return (*head, *where, item.polarity)
    return (*head, *where, item.subject, _name_key(item.who))


#: Copies of one statement are dated less than this many days apart (a reprint
#: a day or a few later); the same words a week or more later are a new
#: statement ("she was seen in Leeds on Tuesday", another Tuesday).
REPEAT_DAYS = 7


def repeats(items: Iterable[EvidenceItem]) -> dict[str, EvidenceItem]:
    """The items that repeat another document's statement, and what each repeats.

    Items with one :func:`statement_key`, dated less than :data:`REPEAT_DAYS`
    after the first of them, say the same thing (the same words a week or more
    later are about another day, and start a statement of their own). The
    first of them, by ``(date, known_on, id)``, counts: its date first, so
    that the earliest copy is the one kept (a reprint dated a day later, or a
    copy in force when the original is not yet); on one day the one published
    first, then the smaller id, so the choice never depends on the items' order
    and is made again from stored evidence. Every other item of the key from another
    document than the first one's (:func:`document_key`) is its repeat; items
    of the first one's own document are not (the weights of
    :func:`source_weights` are for them).

    Parameters
    ----------
    items : iterable of evidence items
        The items to compare: a fusion passes those in force on its date, so a
        copy counts when the first one is not yet known.

    Returns
    -------
    dict
        ``{repeat id: the item it repeats}``; empty when no item repeats another.

    Examples
    --------
    >>> import datetime as dt
    >>> from geosleuth.evidence import Provenance
    >>> from geosleuth.geometry import Point
    >>> def seen(doc, day):
    ...     return Sighting(id=f"{doc}:s1", date=dt.date(2025, 11, day),
    ...                     place=Point(-101.68, 21.12), place_name="León",
    ...                     provenance=Provenance(document=doc, quote="Seen in León."))
    >>> again = repeats([seen("norte", 15), seen("wire", 14), seen("herald", 15)])
    >>> sorted((k, v.id) for k, v in again.items())  # the first by date counts
    [('herald:s1', 'wire:s1'), ('norte:s1', 'wire:s1')]
    >>> repeats([seen("wire", 14)])
    {}
    >>> repeats([seen("wire", 1), seen("herald", 28)])  # four weeks on: no repeat
    {}
    """
    # the quote first: the rest of the key (a geometry written out) only for
    # items that share one, as few do (a timeline compares every item per date)
    said: dict[tuple[str, str, str | None], list[EvidenceItem]] = {}
    for item in items:
        head = _said_by(item)
        if head is not None:
            said.setdefault(head, []).append(item)
    groups: dict[tuple[object, ...], list[EvidenceItem]] = {}
    for alike in said.values():
        if len(alike) < 2:
            continue
        for item in alike:
            key = statement_key(item)
            if key is not None:
                groups.setdefault(key, []).append(item)
    out: dict[str, EvidenceItem] = {}
    for group in groups.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda i: (i.date, i.known_on, i.id))
        first = group[0]
        for item in group[1:]:
            if (item.date - first.date).days >= REPEAT_DAYS:
                # the same words about another day: "seen in Leeds on Tuesday"
                # a year later, a death claim in the army's usual words
                first = item
            elif document_key(item) != document_key(first):
                out[item.id] = first
    return out


# -- a speaker's later word ----------------------------------------------------------
#: Last words of a speaker that names no one source but many or someone unnamed
#: ("U.S. officials", "security sources", "a senior official", "residents"):
#: two such claims may be two people's, so neither takes the other's place.
_MANY = frozenset(
    {
        "official", "officials", "source", "sources", "resident", "residents",
        "witness", "witnesses", "analyst", "analysts", "expert", "experts",
        "people", "locals", "activists", "reports", "media", "observers",
        "villagers", "diplomats", "investigators", "authorities", "relatives",
        "neighbours", "neighbors", "friends", "someone", "others",
    }
)  # fmt: skip
#: Small words a proper name may hold in lower case ("Abu Ali al-Basri", "Ould
#: Sidi", "Human Rights Watch", "Ministry of the Interior").
_NAME_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "bint", "ag", "ould", "de", "da", "di", "du", "del",
     "la", "le", "van", "von", "der", "den", "of", "the", "and", "for", "y"}
)  # fmt: skip


#: Bodies that speak as one, by the last word of a speaker written in lower case
#: after a name: "Interior ministry", "French army", "Malian government".
_BODIES = frozenset(
    {"ministry", "army", "military", "government", "police", "navy", "presidency",
     "embassy", "junta", "cabinet", "coastguard", "gendarmerie", "prosecutors"}
)  # fmt: skip


def speaker_key(item: EvidenceItem) -> str | None:
    """The one identified speaker of an item, folded; None if none or many.

    A name ("Abu Ali al-Basri"), an office or force written as a name
    ("Ontario Provincial Police", "Police", "Sheriff") is one speaker whose
    later word replaces the earlier (:func:`superseded_claims`). Unnamed or
    many speakers are not: a phrase with a word in lower case that is no name
    particle ("Senior official", "Military spokesman"), or one that ends in a
    plural or anonymous noun (:data:`_MANY`: "U.S. officials", "Sources"). A
    body named by the words before it ("Interior ministry", "French army":
    :data:`_BODIES`) is one speaker too.

    Examples
    --------
    >>> import datetime as dt
    >>> from geosleuth.evidence import Provenance
    >>> from geosleuth.geometry import Point
    >>> def said(who):
    ...     return Claim(id="c", date=dt.date(2019, 3, 1), place=Point(0.1, 15.6),
    ...                  provenance=Provenance(document="d", speaker=who))
    >>> [speaker_key(said(w)) for w in ("Abu Ali al-Basri", "Police",
    ...  "Senior official", "U.S. officials", "Security Sources", None)]
    ['abu ali al-basri', 'police', None, None, None, None]

    The key is of the name's words alone: "Police." and "(Police)" are Police.

    >>> [speaker_key(said(w)) for w in ("Police.", "(Police)", "Gen.  Kone")]
    ['police', 'police', 'gen. kone']
    >>> [speaker_key(said(w)) for w in ("Interior ministry", "French army",
    ...  "Military spokesman", "ministry")]
    ['interior ministry', 'french army', None, None]
    """
    name = item.provenance.speaker
    if not name or not name.strip():
        return None
    words = re.findall(r"[^\W\d_][\w'’.-]*", name)
    if not words or words[-1].casefold().rstrip(".") in _MANY:
        return None
    for i, w in enumerate(words):
        head = re.split(r"[-'’]", w)[0]
        body = i == len(words) - 1 and i > 0 and w.casefold() in _BODIES
        if w[0].islower() and head.casefold() not in _NAME_PARTICLES and not body:
            return None
    return " ".join(words).casefold().rstrip(".") or None


def superseded_claims(items: Iterable[EvidenceItem]) -> dict[str, EvidenceItem]:
    """The claims a speaker's later claim replaces, and the claim that does.

    A speaker who said in March that the target "may be hiding near Ansongo"
    and in April that he "is now in Ayorou" has changed their mind: their word
    as of April is Ayorou, not both (review r21, finding 29). Of one identified
    speaker's (:func:`speaker_key`) claims that the target *is* somewhere,
    those dated before the speaker's latest such claim give way to it; claims
    of one day all stand ("in Mosul or in Raqqa"), as do claims that the
    target is *not* somewhere (a denial is not taken back by a claim elsewhere)
    and the items of an analyst's own case file without a speaker.

    Returns
    -------
    dict
        ``{superseded id: the speaker's latest claim}`` (of several latest
        claims of one day, the one with the smallest id).

    Examples
    --------
    >>> import datetime as dt
    >>> from geosleuth.evidence import Provenance
    >>> from geosleuth.geometry import Point
    >>> def said(i, day, who="Kone", polarity="is"):
    ...     return Claim(id=i, date=dt.date(2019, 3, day), place=Point(0.1, 15.6),
    ...                  polarity=polarity, provenance=Provenance(document=i,
    ...                  speaker=who))
    >>> got = superseded_claims([said("a", 1), said("b", 20), said("c", 20),
    ...                          said("d", 2, polarity="is_not"),
    ...                          said("e", 3, who="Sources")])
    >>> {k: v.id for k, v in got.items()}
    {'a': 'b'}
    """
    said: dict[str, list[Claim]] = {}
    for item in items:
        if isinstance(item, Claim) and item.polarity == "is":
            key = speaker_key(item)
            if key is not None:
                said.setdefault(key, []).append(item)
    out: dict[str, EvidenceItem] = {}
    for claims in said.values():
        last = max(c.date for c in claims)
        winner = min((c for c in claims if c.date == last), key=lambda c: c.id)
        out.update((c.id, winner) for c in claims if c.date < last)
    return out
