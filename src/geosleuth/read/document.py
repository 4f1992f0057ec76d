"""Read one document: text, sentences, place mentions and evidence, in one call.

:func:`read_document` loads a file (:mod:`geosleuth.read.text`), parses it with
spaCy (sentence breaks forced at line breaks, so a heading never merges with the
paragraph after it), finds and resolves its place names
(:func:`geosleuth.read.toponyms.find_toponyms`) and extracts evidence
(:func:`geosleuth.read.claims.extract_evidence`). :func:`read_text` does the same
for text already in memory. The result, a :class:`Reading`, keeps everything a
reviewer needs: the text, the sentences, the mentions, the items with their
provenance, and what was seen but not used (``rejected``) with the reason.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geosleuth.errors import InputError
from geosleuth.evidence import EvidenceItem, Grade
from geosleuth.read.claims import Rejected, extract_evidence
from geosleuth.read.dates import find_dates
from geosleuth.read.target import Target, infer_target
from geosleuth.read.text import MAX_CHARS, _warn, load_text

__all__ = ["Reading", "parse", "read_document", "read_text"]


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
        Publication date (given, or from the page's metadata).
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
            "notes": list(self.notes),
        }


def _doc_id(name: str) -> str:
    stem = Path(name).stem if "." in name else name
    slug = re.sub(r"[^\w.-]+", "-", stem, flags=re.UNICODE).strip("-.")
    return slug or "document"


def _published(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(
            f"The publication date must be a date as YYYY-MM-DD. Got {value!r} "
            "instead.",
            field="published",
        ) from None


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
    try:
        doc = nlp.make_doc(text)
    except ValueError as exc:
        raise InputError(
            f"The text is too long for the language pipeline ({len(text)} "
            f"characters; it takes at most {nlp.max_length}). Split the document.",
            field="text",
        ) from exc
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            tok.is_sent_start = True
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


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
) -> Reading:
    """Read text already extracted and normalised (see :func:`read_document`).

    Parameters
    ----------
    text : str
        The text; offsets in the result index it.
    doc_id : str, default "document"
        Identifier of the document.
    published, target, gazetteer, nlp, grades
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
    """
    from geosleuth.read.toponyms import find_toponyms

    pub = _published(published)
    doc = parse(text, nlp)
    notes_out = list(notes)
    who = Target(target.strip()) if target and target.strip() else None
    if who is None:
        who = infer_target(text, doc=doc)
        if who is None:
            notes_out.append(
                "no target named and no person found in the text: "
                "only fronts are extracted"
            )
        else:
            notes_out.append(
                f"target inferred as the person named most often: "
                f"{who.name!r} (name one with target=)"
            )
    fallback: dt.date | None = None
    if pub is None:
        today = dt.date.today()
        days = [d.date for d in find_dates(text) if d.date <= today]
        fallback = max(days) if days else today
        msg = (
            f"{source or doc_id!r} has no publication date: undated items are "
            f"dated {fallback.isoformat()} (the "
            + ("latest date in the text" if days else "day it was read")
            + ") and relative dates are not read. Give published= "
            "(--published) to fix it."
        )
        notes_out.append(msg)
        _warn(msg)
    mentions = find_toponyms(text, gazetteer=gazetteer, nlp=nlp, doc=doc)
    ex = extract_evidence(
        text, doc, mentions, doc_id=doc_id, published=pub, target=who,
        fallback_date=fallback, grades=grades, url=url, gazetteer=gazetteer,
    )  # fmt: skip
    excluded = set(ex.excluded_mentions)
    return Reading(
        doc_id=doc_id,
        title=title,
        text=text,
        published=pub,
        mentions=tuple(m for j, m in enumerate(mentions) if j not in excluded),
        evidence=ex.items,
        sentences=ex.sentences,
        rejected=ex.rejected,
        notes=tuple(notes_out),
        target=who.name if who else None,
        source=source or doc_id,
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
) -> Reading:
    """Read a ``.txt``, ``.md`` or ``.html`` report into place mentions and evidence.

    Parameters
    ----------
    path : str or os.PathLike
        The document.
    published : datetime.date or str (YYYY-MM-DD) or None, default None
        Publication date; by default from the page's metadata. Without one,
        relative dates are not read and undated items take the latest date in the
        text, with an :class:`~geosleuth.errors.EvidenceWarning`.
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

    Returns
    -------
    Reading

    Raises
    ------
    InputError
        A file that cannot be read as text, or a bad ``published``.
    MissingDependencyError
        If the ``[nlp]`` extra is not installed.
    """
    pub = _published(published)
    src = load_text(path, max_chars=max_chars)
    notes = [f"read as {src.format} in {src.encoding}"]
    if src.truncated:
        notes.append("the document was cut at the size limit (see warnings)")
    if pub is None and src.published is not None:
        pub = src.published
        notes.append(f"publication date {pub.isoformat()} from the page's metadata")
    return read_text(
        src.text, doc_id=_doc_id(src.name), published=pub, target=target,
        gazetteer=gazetteer, nlp=nlp, title=src.title, grades=grades,
        source=src.name, notes=tuple(notes),
    )  # fmt: skip
