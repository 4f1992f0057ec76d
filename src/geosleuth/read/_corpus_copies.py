"""One article given twice: the copies of one text, and the copy that counts.

:func:`~geosleuth.read.corpus.gather_evidence` counts an article once however
often it is given: under two ids (two copies read together become ``anf`` and
``anf-2``), as a document read now and as its reading, or read with other
options. :func:`_same_article` tells whether a document is one counted before (by
its text, known by its SHA-256, or by its evidence less the ids,
:func:`_without_ids`, with one file name) and says why in words that name both
files (:func:`_which`); :func:`_first_published` picks, of a text given in
several copies, the one published first, whatever the order the files come in.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from geosleuth.read.corpus import DocumentEvidence

__all__ = ["_first_published", "_same_article"]


#: The doc_id that the evidence of every document is compared under.
_ANY_ID = "\x00"


def _same_article(
    path: Path,
    doc: DocumentEvidence,
    loaded: bool,
    texts: dict[str, tuple[Path, DocumentEvidence]],
    alike: dict[str, list[tuple[Path, DocumentEvidence]]],
) -> str | None:
    """Why ``doc`` is an article given before under another id, or None.

    ``texts`` (every document whose text is known, by its SHA-256: read now,
    or loaded from a reading that records it) and ``alike`` (every document, by
    its evidence less the ids, with its target) hold the documents counted so
    far; ``doc`` is added where it is not one of them. One text is one article
    whatever its readings hold: read with other options (another publication
    date, target or home), its items differ, yet they repeat the same sentences.
    """
    earlier = None
    if doc.text_sha256 is not None and doc.text_sha256 in texts:
        earlier = texts[doc.text_sha256]
        if earlier[1] is doc:  # the copy to count, named before it came
            return None
    evidence = json.dumps([doc.target, _without_ids(doc)], sort_keys=True, default=str)
    if earlier is None and doc.evidence:
        earlier = next(
            (
                (q, first)
                for q, first in alike.get(evidence, ())
                if doc.source == first.source or _one_text(doc, first)
            ),
            None,
        )
    if earlier is None:
        if doc.text_sha256 is not None:
            texts.setdefault(doc.text_sha256, (path, doc))
        if doc.evidence:
            alike.setdefault(evidence, []).append((path, doc))
        return None
    q, first = earlier
    this, that = (
        _which(path, doc, loaded),
        _which(q, first, q.suffix.lower() == ".json"),
    )
    other = ""
    if _one_text(doc, first):
        why = f"{this} has the same text as {that}"
        if _without_ids(doc) != _without_ids(first):
            other = (
                ", the copy published first (or, of equal dates, first given): "
                "this copy's items differ (it bears another publication date, or "
                "was read with other options)"
            )
    else:
        why = (
            f"{this} has the evidence of {that}, item for item but for the ids, "
            f"and its file name ({doc.source!r})"
        )
    return (
        f"{why[0].upper()}{why[1:]}: one article given twice. Its evidence is "
        f"counted once, under {first.doc_id!r}{other}."
    )


def _first_published(
    files: Sequence[Path], docs: dict[Path, tuple[DocumentEvidence, ...]]
) -> dict[str, tuple[Path, DocumentEvidence]]:
    """For each text given in several copies, the copy to count: published first.

    Two files of one text bearing other publication dates (a reprint, a copy
    saved with other front matter) are one article, counted once; which one
    must not depend on the order the files are given in. The copy published
    first counts (its statements were made then); copies of no known date come
    after dated ones, and among equals the first given counts.
    """
    groups: dict[str, list[tuple[tuple[bool, dt.date, int], Path, DocumentEvidence]]]
    groups = {}
    k = 0
    for p in files:
        for doc in docs[p]:
            if doc.text_sha256 is None:
                continue
            days = [i.provenance.published for i in doc.evidence]
            day = min((d for d in days if d is not None), default=None)
            rank = (day is None, day or dt.date.min, k)
            groups.setdefault(doc.text_sha256, []).append((rank, p, doc))
            k += 1
    return {
        sha: min(copies, key=lambda c: c[0])[1:]
        for sha, copies in groups.items()
        if len(copies) > 1
    }


def _without_ids(doc: DocumentEvidence) -> list[dict[str, Any]]:
    """The items of a document as dicts, all under one document id."""
    return [it.to_dict() for it in doc.renamed(_ANY_ID).evidence]


def _one_text(a: DocumentEvidence, b: DocumentEvidence) -> bool:
    """Whether both texts are known, and are one."""
    return a.text_sha256 is not None and a.text_sha256 == b.text_sha256


def _which(path: Path, doc: DocumentEvidence, loaded: bool) -> str:
    """The file a document comes from, for a message: the article, or its reading."""
    if not loaded:
        return repr(str(path))
    return f"the document {doc.doc_id!r} of {str(path)!r} (read from {doc.source!r})"
