"""Read one document: text, sentences, place mentions and evidence, in one call.

:func:`read_document` loads a file (:mod:`geosleuth.read.text`), parses it with
spaCy (sentence breaks forced at line breaks, so a heading never merges with the
paragraph after it), finds and resolves its place names
(:func:`geosleuth.read.toponyms.find_toponyms`) and extracts evidence
(:func:`geosleuth.read.claims.extract_evidence`). :func:`read_text` does the same
for text already in memory. The result, a :class:`Reading`, keeps everything a
reviewer needs: the text, the sentences, the mentions, the items with their
provenance, and what was seen but not used (``rejected``) with the reason.

Only the entity recogniser reads the whole text; the dependency parser (with the
tagger, attribute ruler and lemmatiser) reads only the sentences that can yield
evidence (see the notes above :func:`_rough_sentences`), which roughly doubles
the speed on a typical news article. Sentences left unparsed are split at end
punctuation and line breaks instead of by the parser.

The publication date is the one given; else that of the page's metadata (HTML) or
of the front matter that opens a Markdown or text file; else a dateline's (one
without its year, "Oct. 19 (Reuters) -", in the latest year that puts it not
after today). A date
read from the document that is no day, or more than a year ahead, is not used, with
a warning; one given so far ahead is refused (:mod:`geosleuth.read._pub_dates`). A
date in the text that is no day ("February 30") dates nothing, and the items of its
sentence say so in their notes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geosleuth.errors import InputError
from geosleuth.evidence import EvidenceItem, Grade
from geosleuth.read._datelines import _DATELINE, _REPRINT_DAYS, _dateline_date
from geosleuth.read._headline import headline_repeats, headline_span
from geosleuth.read._pub_dates import (
    _front_date,
    _front_matter,
    _FrontMatter,
    _metadata_date,
    _published,
)
from geosleuth.read._sentence import CONTINUATION, strip_span
from geosleuth.read._tokens import (
    BLANK_RUN,
    apart,
    blank_runs,
    blank_runs_note,
    tokenized,
)
from geosleuth.read._unused import unused_sentences
from geosleuth.read.claims import Rejected, _extract
from geosleuth.read.claims import _no_persons as no_persons
from geosleuth.read.dates import find_dates, impossible_dates
from geosleuth.read.found import BODY_AFTER, may_be_group_found
from geosleuth.read.fronts import _DISTANCE
from geosleuth.read.searches import may_be_search
from geosleuth.read.target import (
    Target,
    _find_refs,
    _given_name_refs,
    _kin_pairs,
    infer_target,
    object_pronoun_refs,
    people,
    possessive_pronoun_refs,
    pronoun_refs,
)
from geosleuth.read.text import (
    GUESSED,
    MAX_BYTES,
    MAX_CHARS,
    TextSource,
    _warn,
    load_text,
    text_from_bytes,
    timeline_days,
)
from geosleuth.read.traces import THING_AFTER, trace_starts

__all__ = [
    "Reading",
    "extracted_text",
    "guessed_year",
    "parse",
    "read_document",
    "read_text",
]

#: Written in a reading's note where its publication date is a dateline's day
#: whose year the dateline does not write, guessed from the day it was read
#: (:func:`guessed_year` finds it).
_YEAR_GUESSED = ", which writes no year: "
_GUESSED_NOTE = re.compile(
    rf"publication date (\d{{4}})-\d{{2}}-\d{{2}} read from the dateline "
    rf"(.+?){re.escape(_YEAR_GUESSED)}",
    re.S,
)


def guessed_year(notes: Sequence[object]) -> tuple[int, str] | None:
    """The year a reading guessed for its yearless dateline, and the dateline.

    A report dated only by a dateline that writes no year ("CULIACAN, Mexico,
    March 1 (Reuters) -"), read with no publication date, takes the latest year
    that puts that day not after the day it is read; its notes say so. That
    year is a guess: the report is not dated by itself (review r41, H1).

    Examples
    --------
    >>> guessed_year(["publication date 2026-03-01 read from the dateline "
    ...               "'LIMA, March 1 (Reuters) -', which writes no year: the "
    ...               "latest year that puts it not after today (2026-11-28)"])
    (2026, "'LIMA, March 1 (Reuters) -'")
    >>> guessed_year(["publication date 2024-03-01 read from the dateline "
    ...               "'LIMA, March 1, 2024 -'"]) is None
    True
    """
    for note in notes:
        found = _GUESSED_NOTE.match(note) if isinstance(note, str) else None
        if found:
            return int(found.group(1)), found.group(2)
    return None


@dataclass(frozen=True, slots=True)
class Reading:
    """A document read: its text, place mentions and evidence.

    Attributes
    ----------
    doc_id : str
        Identifier (the file name without suffix, made safe); item ids start with
        it.
    title : str or None
        The document's title, when found.
    text : str
        The extracted text; every offset below indexes it.
    published : datetime.date or None
        Publication date (given, or from the page's metadata or the file's front
        matter).
    mentions : tuple of Mention
        Place names found and resolved, in text order.
    evidence : tuple of EvidenceItem
        The items extracted, in text order, each with its provenance.
    sentences : tuple of (int, int)
        Sentence spans.
    rejected : tuple of Rejected
        What was seen and not turned into evidence, with the reason.
    notes : tuple of str
        Remarks on the document as a whole (encoding, truncation, dates, target).
    target : str or None
        The person the evidence is about (given or inferred).
    source : str
        The file name, or the name given to :func:`read_text`.
    unused : tuple of Rejected
        The sentences about the target that gave nothing, neither an item nor
        a reason (:mod:`geosleuth.read._unused`), each with the reason
        ``unused``: what the reader did not understand, listed to be checked.
    """

    doc_id: str
    title: str | None
    text: str
    published: dt.date | None
    mentions: tuple[Any, ...]
    evidence: tuple[EvidenceItem, ...]
    sentences: tuple[tuple[int, int], ...]
    rejected: tuple[Rejected, ...]
    notes: tuple[str, ...]
    target: str | None
    source: str
    unused: tuple[Rejected, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping: ``mentions`` and ``evidence`` records, and the rest."""
        return {
            "doc_id": self.doc_id,
            "source": self.source,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "target": self.target,
            "text": self.text,
            "sentences": [list(s) for s in self.sentences],
            "mentions": [m.to_dict() for m in self.mentions],
            "evidence": [item.to_dict() for item in self.evidence],
            "rejected": [r.to_dict() for r in self.rejected],
            "unused": [r.to_dict() for r in self.unused],
            "notes": list(self.notes),
        }

    def renamed(self, doc_id: str) -> Reading:
        """The same reading under another ``doc_id``, its item ids renamed to match.

        Examples
        --------
        >>> from geosleuth.evidence import LifeStatus, Provenance
        >>> item = LifeStatus(id="report:life-1", provenance=Provenance("report"),
        ...                   date=dt.date(2018, 5, 1), status="alive")
        >>> r = Reading("report", None, "", None, (), (item,), (), (), (), None,
        ...             "report.txt")
        >>> moved = r.renamed("report-2")
        >>> moved.doc_id, moved.evidence[0].id, moved.evidence[0].provenance.document
        ('report-2', 'report-2:life-1', 'report-2')
        """
        items = _renamed_items(self.evidence, self.doc_id, doc_id)
        return dataclasses.replace(self, doc_id=doc_id, evidence=items)


def _renamed_items(
    items: Sequence[EvidenceItem], old: str, new: str
) -> tuple[EvidenceItem, ...]:
    """``items`` of the document ``old`` as the document ``new``'s: ids and sources.

    An item whose id starts ``old:`` gets the id ``new:...``, and its provenance
    names ``new`` where it named ``old``; other items are kept as they are.
    """
    prefix = f"{old}:"

    def moved(it: EvidenceItem) -> EvidenceItem:
        prov = it.provenance
        if prov.document == old:
            prov = dataclasses.replace(prov, document=new)
        return dataclasses.replace(
            it, id=f"{new}:{it.id[len(prefix) :]}", provenance=prov
        )

    return tuple(moved(it) if it.id.startswith(prefix) else it for it in items)


#: What marks a page that geosleuth wrote, in its first bytes, and what it is.
_OWN_PAGES = (
    (
        re.compile(rb"<title>[^<]*\xe2\x80\x94 geosleuth read</title>"),
        "an annotated page of 'geosleuth read'",
    ),
    (
        re.compile(rb'<meta name="generator" content="geosleuth[ "]'),
        "a page geosleuth wrote, by its generator tag",
    ),
)
_OWN_PAGE_HEAD = 16_384


def _own_page(path: str | os.PathLike[str]) -> str | None:
    """What geosleuth page ``path`` is, by the marks in its first bytes; or None.

    Such a page shows evidence read from a report: read as a report, it would
    count that evidence a second time. A file that cannot be opened gives None
    (reading it says why).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> page = pathlib.Path(tempfile.mkdtemp()) / "seed.html"
    >>> _ = page.write_text("<html><head><title>Hajin — geosleuth read</title>")
    >>> _own_page(page)
    "an annotated page of 'geosleuth read'"
    >>> _ = page.write_text("<html><head><title>Hajin — Reuters</title>")
    >>> _own_page(page) is None
    True
    """
    try:
        with open(path, "rb") as f:
            head = f.read(_OWN_PAGE_HEAD)
    except OSError:
        return None
    return next((what for mark, what in _OWN_PAGES if mark.search(head)), None)


def _without_front_matter(
    src: TextSource, front: _FrontMatter, *, max_chars: int
) -> TextSource:
    """``src`` read again from the text after its front matter; its title if any.

    The offsets of a reading index this text (the front matter is not part of
    it), as they index the text of any other document.
    """
    if not front.body.strip():
        raise InputError(
            f"{src.name!r} holds only front matter (its first {front.lines} lines): "
            "there is no text to read.",
            path=src.name,
        )
    body = text_from_bytes(
        front.body.encode("utf-8"),
        name=src.name,
        format=src.format,
        max_chars=max_chars,
        truncated=src.truncated,
    )
    title = " ".join(front.fields.get("title", "").split()) or body.title
    return dataclasses.replace(
        body, title=title, encoding=src.encoding, guessed=src.guessed
    )


def _loaded(
    path: str | os.PathLike[str], *, max_chars: int
) -> tuple[TextSource, _FrontMatter | None]:
    """A document's text as it is read, and its front matter if any.

    With front matter, the text is taken again without it, and cut only then.
    """
    front = _front_matter(path)
    src = load_text(path, max_chars=max_chars if front is None else MAX_BYTES)
    if front is not None:
        src = _without_front_matter(src, front, max_chars=max_chars)
    return src, front


def extracted_text(path: str | os.PathLike[str], *, max_chars: int = MAX_CHARS) -> str:
    """The text a reading of ``path`` counts its spans in, without reading it.

    Markup and front matter taken out, the headline set apart as a paragraph,
    cut at ``max_chars``, as :func:`read_document` takes it; no language model
    is loaded. :func:`geosleuth.locate.locate_case` keeps it beside an
    estimate whose items cite the document (review r63, L1).

    Raises
    ------
    InputError
        A file that cannot be read as text, or holds only front matter.
    """
    return _loaded(path, max_chars=max_chars)[0].text


def _doc_id(name: str) -> str:
    stem = Path(name).stem if "." in name else name
    slug = re.sub(r"[^\w.-]+", "-", stem, flags=re.UNICODE).strip("-.")
    return slug or "document"


def parse(text: str, nlp: Any = None) -> Any:
    """Parse ``text`` with spaCy, with a sentence break at every line break.

    Parameters
    ----------
    text : str
        The text.
    nlp : spacy.Language or None, default None
        The pipeline; by default :func:`geosleuth.read.toponyms.load_nlp`.

    Returns
    -------
    spacy.tokens.Doc

    Raises
    ------
    MissingDependencyError
        If spaCy or its model is not installed (the ``[nlp]`` extra).
    InputError
        If the text is longer than the pipeline accepts.
    """
    if nlp is None:
        from geosleuth.read.toponyms import load_nlp

        nlp = load_nlp()
    doc = _make_doc(text, nlp)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def _make_doc(text: str, nlp: Any) -> Any:
    """The tokens of ``text``, with a sentence start after every line break.

    A dateline that opens a line ("BAGHDAD, 3 June 2018 - Sources said ...") is a
    sentence of its own: the city is where the report was filed, not the subject
    of the verb that follows. So is a long run with no letter, digit or space (a
    rule of 6,000 "="), which is cut into marks of no words
    (:mod:`geosleuth.read._tokens`, review r85, H1).
    """
    try:
        doc = tokenized(text, nlp)
    except ValueError as exc:
        raise InputError(
            f"The text is too long for the language pipeline ({len(text)} "
            f"characters; it takes at most {nlp.max_length}). Split the document.",
            field="text",
        ) from exc
    starts: set[int] = set()
    for line in re.finditer(r"^[ \t]*", text, re.MULTILINE):
        m = _DATELINE.match(text, line.end())
        if m is not None:
            rest = text[m.end() :]
            starts.add(len(text) - len(rest.lstrip()))
    for s, e in blank_runs(text):
        starts |= {s, len(text) - len(text[e:].lstrip())}
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if (
            "\n" in prev.whitespace_
            or (prev.is_space and "\n" in prev.text)
            or tok.idx in starts
        ):
            tok.is_sent_start = True
    return doc


# -- reading with the parser on the sentences that need it ----------------------------
#
# The dependency parse (with the tagger, attribute ruler and lemmatiser) costs about
# as much as the entity recogniser, and most sentences of an article cannot yield
# evidence: only those that name the target, state a distance, continue a claim,
# tell of a search at a place that found nothing (``may_be_search``) or may be a
# heading need it. :func:`read_text` therefore runs the recogniser over
# the whole text, splits it into sentences by punctuation, and parses only those
# sentences (the others are blanked out, so every offset stays that of the text);
# where a parsed sentence's reading depends on earlier ones (a pronoun as speaker,
# a short name completed from an earlier speaker, an open quotation, "there" or
# "the region"), the sentences before it are parsed too and the walk is repeated.

#: A sentence break: end punctuation (and closing quotes) then space and a capital,
#: a digit or an opening quote; or a line break.
_BREAK = re.compile(
    r"(?<=[.!?…])(?P<close>[\"'”’)\]]*)[ \t]+(?=[\"“‘'(\[]?[A-Z0-9])"
    r"|(?<=[?!])(?P<close2>[\"'”’)\]]*)[ \t]+|[ \t]*\n\s*"
)
#: Words after which a period does not end a sentence.
_ABBREV = frozenset(
    {"mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "maj", "gov",
     "det", "insp", "supt", "cpl", "cmdr", "cdr", "const", "pvt", "pte", "lieut",
     "sen", "rep", "rev", "prof", "jr", "sr", "co", "corp", "inc", "ltd", "vs",
     "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
     "dec", "mt", "ft"}
)  # fmt: skip


def _rough_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans by punctuation and line breaks (before any parse)."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _BREAK.finditer(text):
        end = m.start()
        if "\n" not in m.group():
            end = m.end("close") if m.group("close") is not None else m.end("close2")
            word = re.search(r"([\w.]+)\.$", text[start : m.start()])
            if word is not None:
                w = word.group(1).lower()
                if w in _ABBREV or len(w.replace(".", "")) <= 1 or "." in w:
                    continue  # "Mr. Smith", "U.S. forces", "J. Smith"
        out.append((start, end))
        start = m.end()
    out.append((start, len(text)))
    spans = []
    for s0, e0 in apart(out, blank_runs(text)):
        s = strip_span(text, s0, e0)[0]
        dateline = _DATELINE.match(text, s, e0)  # its lookahead may need the space
        if dateline is not None:
            spans.append((s, dateline.end()))
            s = dateline.end()
        s, e = strip_span(text, s, e0)
        if e > s:
            spans.append((s, e))
    return spans


def _needs_parse(
    text: str,
    span: tuple[int, int],
    mentions: list[Any],
    ref_starts: list[int],
) -> bool:
    """Whether a sentence can yield evidence or a rejection that needs its parse."""
    s, e = span
    st = text[s:e]
    if any(s <= r < e for r in ref_starts):
        return True  # life, sightings, whereabouts, the nisba as a person
    if _DISTANCE.search(st) or CONTINUATION.match(st):
        return True  # fronts; a claim continued
    if may_be_group_found(st) or may_be_search(
        st, text[e : e + 200], placed=any(s <= m.start < e for m in mentions)
    ):
        # "the men were found alive": the target may be one of them; a search
        # that found nothing, or whose outcome the next sentence tells
        return True
    end = st.rstrip("\"'”’ ")
    if end.endswith(("?", ".", "!", "…")):
        return False
    return any(s <= m.start < e for m in mentions)  # a heading (no verb) or not


def _target_starts(
    text: str,
    who: Target | None,
    doc: Any = None,
    places: Sequence[Any] = (),
    sentences: Sequence[tuple[int, int]] = (),
) -> list[int]:
    """Where the target may be referred to: name, titles, nisba, and pronouns.

    ``doc`` (with entities, no parse) and the ``places`` mentioned tell which
    pronouns follow the target's name more closely than another person's; "his"
    and "her" count before one of the target's things ("his car":
    :data:`~geosleuth.read.traces.THINGS`) or a body ("his body":
    :data:`~geosleuth.read.found.BODY_AFTER`). A relative named before "he" or
    "she" in one of the ``sentences`` may speak of the target by it ("His
    brother says *he* is in York"), which only the parse tells.
    """
    if who is None:
        return []
    refs = _find_refs(text, who, lambda s, e: True)
    if doc is not None:
        # a place, even one not resolved ("Brown Tongue", "Dos Ojos"), and a
        # PERSON entity that names no one ("the Blackcomb Glacier") is no one a
        # pronoun could refer to, as in the claims' reading (review 17)
        spans = sorted([(m.start, m.end) for m in places] + no_persons(text, doc))
        persons = people(doc, spans)
        # "Destiny" after "Destiny Moore": the given name alone
        refs += _given_name_refs(doc, text, who, refs, persons)
        refs += pronoun_refs(
            text, refs, persons, lambda s, e: True, target=who,
            kin=_kin_pairs(text, sentences),
        )  # fmt: skip
        # "him" and "her": the object of "Residents saw her in Vail"
        refs += object_pronoun_refs(text, refs, persons, lambda s, e: True, target=who)
        # "his" and "her" before a thing of the target's or a body: "His car was
        # found", "His body was found"
        refs += possessive_pronoun_refs(
            text, refs, persons,
            lambda s, e: THING_AFTER.match(text, e) is not None
            or BODY_AFTER.match(text, e) is not None,
            target=who,
        )  # fmt: skip
    return sorted(r.start for r in refs)


def _parse_some(
    doc: Any, text: str, nlp: Any, keep: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Parse the spans ``keep`` of ``text`` into ``doc``; their sentence spans.

    The other characters are blanked out (line breaks kept) so that the parse's
    offsets are those of ``text``; the tags, lemmas and dependencies of the tokens
    in ``keep`` are then copied into ``doc`` (which has the entities).
    """
    from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

    from geosleuth.read.claims import sentence_spans

    if not keep:
        return []
    chars = []
    pos = 0
    for s, e in keep:
        chars.append(re.sub(r"[^\n]", " ", text[pos:s]))
        chars.append(text[s:e])
        pos = e
    chars.append(re.sub(r"[^\n]", " ", text[pos:]))
    masked = "".join(chars)
    pdoc = _make_doc(masked, nlp)
    for tok in pdoc[1:]:  # no sentence runs over a blanked-out stretch
        if tok.is_space or pdoc[tok.i - 1].is_space:
            tok.is_sent_start = True
    for name, proc in nlp.pipeline:
        if name != "ner":
            pdoc = proc(pdoc)
    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
    src = pdoc.to_array(attrs)
    out = doc.to_array(attrs)
    out[:] = 0
    index = {t.idx: t.i for t in doc}
    bounds = iter(keep)
    lo, hi = next(bounds)
    for t in pdoc:
        while t.idx >= hi:
            nxt = next(bounds, None)
            if nxt is None:
                break
            lo, hi = nxt
        j = index.get(t.idx)
        if j is None or not lo <= t.idx < hi or t.is_space:
            continue
        head = index.get(t.head.idx)
        out[j, :5] = src[t.i, :5]
        out[j, 5] = (head - j if head is not None else 0) & 0xFFFFFFFFFFFFFFFF
    doc.from_array(attrs, out)
    spans: list[tuple[int, int]] = []
    for s, e in sentence_spans(pdoc):
        # A closing quote or bracket the parser cut off before blanked-out text
        # ends the sentence before it, as it does in the whole text (a run of
        # them is a sentence of its own: review r85, H1).
        if (
            spans
            and e - s < BLANK_RUN
            and not any(c.isalnum() for c in text[s:e])
            and not text[spans[-1][1] : s].strip()
        ):
            spans[-1] = (spans[-1][0], e)
            continue
        spans.append((s, e))
    return spans


def read_text(
    text: str,
    *,
    doc_id: str = "document",
    published: dt.date | str | None = None,
    target: str | None = None,
    gazetteer: Any = None,
    nlp: Any = None,
    title: str | None = None,
    grades: Mapping[str, Grade] | None = None,
    source: str | None = None,
    notes: tuple[str, ...] = (),
    url: str | None = None,
    home: Any = None,
) -> Reading:
    """Read text already extracted and normalised (see :func:`read_document`).

    Parameters
    ----------
    text : str
        The text; offsets in the result index it.
    doc_id : str, default "document"
        Identifier of the document.
    published, target, gazetteer, nlp, grades, home
        As in :func:`read_document`.
    title : str or None, default None
        The title, if known.
    source : str or None, default None
        The file name, for the record (default ``doc_id``).
    notes : tuple of str, default ()
        Remarks to keep with the reading.
    url : str or None, default None
        Where the document is, for provenance.

    Returns
    -------
    Reading

    Notes
    -----
    With a pipeline that has a parser and an entity recogniser (the default), the
    entities are found in the whole text but only the sentences that name the
    target (or its nisba or title), state a distance, continue a claim, tell of
    a search at a place that found nothing, or may be a heading are parsed;
    where the reading of a parsed sentence depends on earlier ones (a pronoun or
    short name as speaker, an open quotation, "here" or "the region"), the text
    before it is parsed too and the walk repeated.
    Any other pipeline parses the whole text (:func:`parse`).
    """
    from geosleuth.read.coordinates import with_coordinates
    from geosleuth.read.toponyms import find_toponyms

    pub = _published(published)
    if nlp is None:
        from geosleuth.read.toponyms import load_nlp

        nlp = load_nlp()
    partial = "parser" in nlp.pipe_names and "ner" in nlp.pipe_names
    if partial:
        doc = _make_doc(text, nlp)
        doc = nlp.get_pipe("ner")(doc)
    else:
        doc = parse(text, nlp)
    notes_out = list(notes)
    if (blank := blank_runs_note(text)) is not None:  # review r85, H1
        notes_out.append(blank)
    mentions = find_toponyms(text, gazetteer=gazetteer, nlp=nlp, doc=doc, home=home)
    mentions = with_coordinates(text, mentions)
    who = Target(target.strip()) if target and target.strip() else None
    if who is None:
        who = infer_target(text, doc=doc, mentions=mentions, gazetteer=gazetteer)
        if who is None:
            notes_out.append(
                "no target named and no person found in the text: only fronts "
                "and case counts (an event set, geosleuth.read.cases) are extracted"
            )
        else:
            notes_out.append(
                f"target inferred as the person named most often: "
                f"{who.name!r} (name one with target=)"
            )
    fallback: dt.date | None = None
    # a dateline without its year ("BEIRUT, Jan 9 (Reuters) -") takes it from
    # the publication date (review 15)
    dateline = _dateline_date(text, published=pub)
    if pub is None and dateline is not None:
        pub, line = dateline
        notes_out.append(f"publication date {pub.isoformat()} read from the dateline "
                         f"{line!r}")  # fmt: skip
    elif pub is None:
        # nor with it, where no date is given: "CUCUTA, Colombia, Oct. 19
        # (Reuters) -" read on 27 November 2026 is of 19 October 2026 (r31 #2)
        today = dt.date.today()
        dateline = _dateline_date(text, as_of=today)
        if dateline is not None:
            pub, line = dateline
            notes_out.append(
                f"publication date {pub.isoformat()} read from the dateline "
                f"{line!r}{_YEAR_GUESSED}the latest year that puts it "
                f"not after today ({today.isoformat()})"
            )
            # a guess: said, not only noted (review r41, H1)
            _warn(
                f"{source or doc_id!r}: year guessed as {pub.year} from the "
                f"dateline {line!r}, which writes none (the latest year that "
                "puts it not after today); give a publication date (published=, "
                "--published) to fix it."
            )
    published_as = pub  # the document's own date, whatever its statements' day
    if (
        pub is not None
        and dateline is not None
        and _REPRINT_DAYS[0] <= (pub - dateline[0]).days <= _REPRINT_DAYS[1]
    ):
        # a wire story reprinted a day or a few later: its statements were made,
        # and its "on Wednesday" counts, from the dateline's day (review 14: two
        # reprints dated one sighting a day after the wire's own copy)
        pub, line = dateline[0], dateline[1]
        notes_out.append(
            f"statements dated from the dateline {line!r} ({pub.isoformat()}), "
            f"before the publication date given: a story filed then and published "
            "later (a reprint)"
        )
    if pub is None:
        today = dt.date.today()
        days = [d.date for d in find_dates(text) if d.date <= today]
        fallback = max(days) if days else today
        # (a last entry with no day marks where the text is its own again)
        entries = [day for _, day in timeline_days(text) if day is not None]
        where = (
            # a timeline's entries date their own statements (claims.py)
            f"the items of its {len(entries)} dated entries take their entry's "
            "day, relative dates read from it; others are dated "
            if entries
            else "undated items are dated "
        )
        msg = (
            f"{source or doc_id!r} has no publication date: {where}"
            f"{fallback.isoformat()} (the "
            + ("latest date in the text" if days else "day it was read")
            + ") and relative dates are not read"
            + (" there" if entries else "")
            + ". Give published= (--published) to fix it."
        )
        notes_out.append(msg)
        _warn(msg)
    if home is not None:
        notes_out.append(
            f"place names resolved with the document's home as context: {home.name} "
            f"({home.kind}, {home.country or '-'}, {home.lat:.4f}, {home.lon:.4f})"
        )
    sentences: list[tuple[int, int]] | None = None
    parsed: list[bool] | None = None
    if partial:
        rough = _rough_sentences(text)
        refs = _target_starts(text, who, doc, mentions, rough)
        refs += trace_starts(text, rough)  # "the yacht's emergency beacon"
        chosen = [_needs_parse(text, sp, mentions, refs) for sp in rough]
    while True:
        if partial:
            keep = [sp for sp, c in zip(rough, chosen, strict=True) if c]
            sentences, parsed = _merge(keep, _parse_some(doc, text, nlp, keep), rough)
        ex, history_at = _extract(
            text, doc, mentions, doc_id=doc_id, published=pub, target=who,
            fallback_date=fallback, grades=grades, url=url, gazetteer=gazetteer,
            sentences=sentences, parsed=parsed,
        )  # fmt: skip
        if not partial or history_at < 0:
            break
        more = [c or sp[0] < history_at for sp, c in zip(rough, chosen, strict=True)]
        if more == chosen:
            break
        chosen = more
    evidence = _note_impossible_dates(text, ex.items, pub, notes_out)
    rejected = ex.rejected
    head = headline_span(text, title)
    if head is not None:  # the headline's items that the body says again
        kept, again = headline_repeats(evidence, head, text)
        if again:
            evidence = tuple(kept)
            rejected = tuple(sorted((*rejected, *again), key=lambda r: r.span[0]))
    unused = unused_sentences(text, ex.sentences, ex.target_refs, evidence, rejected)
    excluded = set(ex.excluded_mentions)
    return Reading(
        doc_id=doc_id,
        title=title,
        text=text,
        published=published_as,
        mentions=tuple(m for j, m in enumerate(mentions) if j not in excluded),
        evidence=evidence,
        sentences=ex.sentences,
        rejected=rejected,
        notes=tuple(notes_out),
        target=who.name if who else None,
        source=source or doc_id,
        unused=tuple(unused),
    )


def _note_impossible_dates(
    text: str,
    items: tuple[EvidenceItem, ...],
    published: dt.date | None,
    notes: list[str],
) -> tuple[EvidenceItem, ...]:
    """``items``, each noting the dates in its sentence that are no day.

    "Seen on February 30" gives no date (:func:`~geosleuth.read.dates.find_dates`),
    so the item takes the publication date; its note says that the text gave a
    date, which, and why it was not used, and so do the ``notes`` of the reading.
    """
    bad = impossible_dates(text, published=published)
    if not bad:
        return items
    notes += [
        f"the text writes {d.text!r} (at character {d.start}), which is not a "
        f"real date ({d.why}); no item is dated by that day"
        for d in bad
    ]
    out = []
    for item in items:
        span = item.provenance.span
        inside = [d for d in bad if span and span[0] <= d.start and d.end <= span[1]]
        if inside:
            said = "; ".join(
                f"the date in the text, {d.text!r}, is not a real date ({d.why})"
                for d in inside
            )
            note = f"{item.note}; {said}" if item.note else said
            item = dataclasses.replace(item, note=note)
        out.append(item)
    return tuple(out)


def _merge(
    keep: list[tuple[int, int]],
    parsed_spans: list[tuple[int, int]],
    rough: list[tuple[int, int]],
) -> tuple[list[tuple[int, int]], list[bool]]:
    """The parser's sentences inside ``keep``, the rough ones elsewhere, in order."""
    kept = set(keep)
    spans = [(sp, True) for sp in parsed_spans]
    spans += [(sp, False) for sp in rough if sp not in kept]
    spans.sort()
    return [sp for sp, _ in spans], [p for _, p in spans]


def _given_over_own(
    given: dt.date, path: Any, src: Any, front: Any, notes: list[str]
) -> None:
    """Say so when a publication date given replaces another the document gives.

    ``published=`` (``--published``) is the date of every document read with
    it; one whose front matter, page metadata or line under the headline gives
    another date is warned of, by name, with both dates (review r31, H2: four
    articles read with one --published lost their own dates unsaid).
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a bad date of its own is no date here
        if front is not None:
            own, key = _front_date(front, src.name)
            where = f"its front matter's {key!r}"
        elif src.format == "html":
            own, where = _metadata_date(path, src), "its page's metadata"
        else:
            own, where = src.published, "the line under its headline"
    if own is None or own == given:
        return
    said = (
        f"{src.name!r} gives its own publication date {own.isoformat()} ({where}); "
        f"the date given, {given.isoformat()}, is used instead"
    )
    notes.append(said)
    _warn(
        said + ". Leave --published (published=) out to keep each document's "
        "own date: one that gives none takes its dateline's day, or is warned of."
    )


def read_document(
    path: str | os.PathLike[str],
    *,
    published: dt.date | str | None = None,
    target: str | None = None,
    gazetteer: Any = None,
    nlp: Any = None,
    max_chars: int = MAX_CHARS,
    grades: Mapping[str, Grade] | None = None,
    home: Any = None,
) -> Reading:
    """Read a ``.txt``, ``.md`` or ``.html`` report into place mentions and evidence.

    Parameters
    ----------
    path : str or os.PathLike
        The document.
    published : datetime.date or str (YYYY-MM-DD) or None, default None
        Publication date; by default from the page's metadata, or from the
        ``published:`` or ``date:`` of the YAML front matter that opens a
        ``.md`` or ``.txt`` file (whose ``title:`` is then the title, and which
        is not read as text; a block that is no YAML, as ``title: Syria:
        commander killed``, is read as ``key: value`` lines). A date there that
        is no day ("2023-06-31") or is more than
        :data:`~geosleuth.casefile.MAX_DAYS_AHEAD` days after today is not used,
        with an :class:`~geosleuth.errors.EvidenceWarning` naming the field and
        value; else from a dateline that opens the text ("CUCUTA, Colombia,
        Oct. 19 (Reuters) -": a day without its year is in the latest year that
        puts it not after today). Without one, relative dates are not read and
        undated items take the latest date in the text, with a warning. Given more than
        a year after today, it is refused; after today, it is warned of.
    target : str or None, default None
        The person sought ("Abu Bakr al-Baghdadi"); by default the person named
        most often.
    gazetteer : Gazetteer or None, default None
        Defaults to :meth:`geosleuth.gazetteer.Gazetteer.default`.
    nlp : spacy.Language or None, default None
        Defaults to :func:`geosleuth.read.toponyms.load_nlp`.
    max_chars : int, default 200_000
        Characters of text read at most (see :func:`geosleuth.read.text.load_text`).
    grades : mapping of str to Grade or None, default None
        Overrides of :data:`geosleuth.read.claims.DEFAULT_READ_GRADES`.
    home : Place or None, default None
        Where the document comes from (a local paper's town or state); place
        names are resolved with it as context (see
        :func:`geosleuth.read.toponyms.find_toponyms`), and the reading's notes
        say so.

    Returns
    -------
    Reading

    Raises
    ------
    InputError
        A file that cannot be read as text, a page that geosleuth wrote (the
        annotated page of ``geosleuth read``, the report of ``geosleuth
        locate``: it shows evidence read already), a file that holds only front
        matter, or a bad ``published`` (no date, or more than a year ahead).
    MissingDependencyError
        If the ``[nlp]`` extra is not installed.
    """
    pub = _published(published)
    if (page := _own_page(path)) is not None:
        raise InputError(
            f"{Path(path).name!r} is {page}, not a report: read as one, the "
            "evidence it shows would be counted twice. Read the report itself, or "
            "give the <doc>.json or evidence.json next to the page to "
            "'geosleuth locate'.",
            path=str(path),
        )
    src, front = _loaded(path, max_chars=max_chars)
    notes = [
        f"read as {src.format} in {src.encoding}" + (GUESSED if src.guessed else "")
    ]
    if front is not None:
        notes.append(
            f"front matter (the first {front.lines} lines: "
            f"{', '.join(sorted(front.fields)) or 'no text fields'}) read as the "
            "document's metadata, not as its text"
            + (f" ({front.read_as})" if front.read_as else "")
        )
    if src.truncated:
        notes.append("the document was cut at the size limit (see warnings)")
    if pub is not None:
        _given_over_own(pub, path, src, front, notes)
    if pub is None and front is not None:
        pub, key = _front_date(front, src.name)
        if pub is not None:
            notes.append(
                f"publication date {pub.isoformat()} from the front matter's {key!r}"
            )
    elif pub is None and src.format == "html":
        pub = _metadata_date(path, src)
        if pub is not None:
            notes.append(f"publication date {pub.isoformat()} from the page's metadata")
    elif pub is None and src.published is not None:  # a date line under the headline
        pub = src.published
        notes.append(
            f"publication date {pub.isoformat()} from the line under the headline"
        )
    if published is None and pub is not None:
        # the document's own date and its dateline disagree: say which dates
        # the statements (review 14, F10); a date given is the analyst's choice
        dateline = _dateline_date(src.text, published=pub)
        if dateline is not None and dateline[0] > pub:
            notes.append(
                f"the dateline {dateline[1]!r} gives {dateline[0].isoformat()}, "
                f"after the publication date {pub.isoformat()} the document gives; "
                "the publication date is used"
            )
    return read_text(
        src.text, doc_id=_doc_id(src.name), published=pub, target=target,
        gazetteer=gazetteer, nlp=nlp, title=src.title, grades=grades,
        source=src.name, notes=tuple(notes), home=home,
    )  # fmt: skip
