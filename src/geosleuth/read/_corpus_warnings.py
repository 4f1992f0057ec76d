"""Warnings of a corpus: where they point, and those about read outputs.

Every warning of :mod:`geosleuth.read.corpus` points at the first caller outside
geosleuth (:func:`_stacklevel`) and names a few files, counting the rest
(:func:`_first_few`). The read outputs that
:func:`~geosleuth.read.corpus.gather_evidence` is given are told apart by whom
they were read for: those read for another person than the target, and the case
counts of one read for no one, are left out with a warning (:func:`_for_target`),
and without a target given, the person most of them were read for is the target
(:func:`_most_read_for`). A document read with no publication date is warned of
again when its evidence is used (:func:`_undated_note`, :func:`_warn_undated`).
"""

from __future__ import annotations

import dataclasses
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geosleuth.errors import EvidenceWarning

if TYPE_CHECKING:
    from geosleuth.read.corpus import DocumentEvidence

__all__ = [
    "_first_few",
    "_for_target",
    "_for_target_in",
    "_most_read_for",
    "_stacklevel",
    "_undated_note",
    "_warn_undated",
]


#: Files named at most in a warning; the rest are counted.
_LISTED = 5


def _first_few(names: Sequence[str]) -> str:
    """The first :data:`_LISTED` of ``names``, and how many more there are."""
    more = len(names) - _LISTED
    return "; ".join(names[:_LISTED]) + (f"; and {more} more" if more > 0 else "")


def _stacklevel() -> int:
    """The stack level of the first caller outside :mod:`geosleuth`, seen from here."""
    level, frame = 2, sys._getframe(2)
    while frame is not None and frame.f_globals.get("__name__", "").startswith(
        "geosleuth."
    ):
        frame, level = frame.f_back, level + 1  # type: ignore[assignment]
    return level


def _undated_note(doc: dict[str, Any], doc_id: str) -> str | None:
    """What ``read`` said of a document it read with no publication date, or None.

    Its items' dates were then guessed (the latest date in the text, or the day
    it was read); the reading's note says which. A document dated only by a
    dateline that writes no year has a date, but its year was guessed
    (:func:`~geosleuth.read.document.guessed_year`; review r41, H1): that is
    said too.

    Examples
    --------
    >>> note = ("publication date 2026-03-01 read from the dateline 'LIMA, "
    ...         "March 1 (Reuters) -', which writes no year: the latest year "
    ...         "that puts it not after today (2026-11-28)")
    >>> said = _undated_note({"published": "2026-03-01", "notes": [note],
    ...                       "source": "lima.txt"}, "d1")
    >>> said.startswith("'lima.txt' is dated only by its dateline 'LIMA, March 1")
    True
    >>> said.split(": ")[1][:25]
    'the year 2026 was guessed'
    >>> _undated_note({"published": "2026-03-01", "notes": []}, "d1") is None
    True
    """
    from geosleuth.read.document import guessed_year

    notes = doc.get("notes")
    listed = notes if isinstance(notes, list) else []
    name = str(doc.get("source") or doc_id)
    if doc.get("published") is not None:
        guessed = guessed_year(listed)
        if guessed is None:
            return None
        year, dateline = guessed
        return (
            f"{name!r} is dated only by its dateline {dateline}, which writes no "
            f"year: the year {year} was guessed. Give a publication date "
            "(--published, or the service's date for undated reports) to fix it."
        )
    said = next(
        (n for n in listed if isinstance(n, str) and "has no publication date" in n),
        None,
    )
    return said or (
        f"{name!r} has no publication date: its undated items carry a guessed date."
    )


def _warn_undated(docs: Sequence[DocumentEvidence]) -> None:
    """Say again that documents of read outputs had no publication date.

    ``read`` warned of each when it read it; an estimate made later from what
    it wrote says so too (in its warnings and its report), and not only the
    readings' notes: one warning each for a few documents, one for many.
    """
    undated = [d.undated for d in docs if d.undated]
    if len(undated) <= _SAID_ONE_BY_ONE:
        for note in undated:
            warnings.warn(note, EvidenceWarning, stacklevel=_stacklevel())
        return
    sources = [d.source for d in docs if d.undated]
    warnings.warn(
        f"{len(undated)} documents of the read outputs have no publication date, "
        f"or only a year guessed for a dateline that writes none "
        f"({_first_few(sources)}): their undated items carry the date 'geosleuth "
        "read' guessed (the latest date in each text, the day it was read, or "
        "the dateline's day in the guessed year), and without a date the "
        "relative dates were not read. Read them again with --published to fix "
        "it.",
        EvidenceWarning,
        stacklevel=_stacklevel(),
    )


#: Documents read for someone else are each warned of up to this many; more are
#: one warning (a corpus names a different person in almost every article).
_SAID_ONE_BY_ONE = 3


def _for_target(
    path: Path, docs: tuple[DocumentEvidence, ...], target: str
) -> tuple[DocumentEvidence, ...]:
    """The documents of a read output that were read for ``target``; warn of others.

    :func:`_for_target_in` for one file.
    """
    return _for_target_in({path: docs}, target)[path]


def _for_target_in(
    docs: dict[Path, tuple[DocumentEvidence, ...]], target: str
) -> dict[Path, tuple[DocumentEvidence, ...]]:
    """The documents of read outputs that were read for ``target``; warn of others.

    A document read for another name of the same person is kept: another
    spelling or a part of the name, by the rule of ``locate --target``
    (:func:`~geosleuth.read.target.same_person`: "Rodrigo Barrientos",
    "Barrientos" and "Rodrigo Barrientos Lugo" are one person, "Jane Doe" and
    "J. Doe" too); one read for a person of another given name ("Mary Doe" for
    "Jane Doe") is left out with a warning. A document given in several files
    (an ``evidence.json`` and its own ``<doc>.json``: known by its id and file
    name) is one document: warned of once, naming the files, and counted once
    among the :data:`_SAID_ONE_BY_ONE` said one by one (review r51, L2).
    """
    from geosleuth.evidence import EventSet
    from geosleuth.read.target import same_person

    kept: dict[Path, tuple[DocumentEvidence, ...]] = {}
    # read for someone else, with items: each once, with the files it is in
    others: dict[tuple[str, str], tuple[DocumentEvidence, list[Path]]] = {}
    no_one: dict[tuple[str, str], tuple[DocumentEvidence, int, list[Path]]] = {}
    for path, ds in docs.items():
        keep = []
        for doc in ds:
            key = (doc.doc_id, doc.source)
            if doc.target and not same_person(doc.target, target):
                if doc.evidence:  # one with no items loses nothing: no word of it
                    others.setdefault(key, (doc, []))[1].append(path)
                continue
            cases = [i for i in doc.evidence if isinstance(i, EventSet)]
            if not doc.target and cases:
                # read for no one: its case counts are an outbreak's, not the
                # person's (its fronts are about the ground, and stay)
                no_one.setdefault(key, (doc, len(cases), []))[2].append(path)
                rest = tuple(i for i in doc.evidence if not isinstance(i, EventSet))
                if not rest:
                    continue
                doc = dataclasses.replace(doc, evidence=rest)
            keep.append(doc)
        kept[path] = tuple(keep)
    for doc, n_cases, paths in no_one.values():
        warnings.warn(
            f"The document {doc.doc_id!r} of {_files(paths)} was read for no one "
            f"(it names no person): its {n_cases} case count item(s), an "
            f"outbreak's, are left out of the search for {target!r}.",
            EvidenceWarning,
            stacklevel=_stacklevel(),
        )
    if len(others) <= _SAID_ONE_BY_ONE:
        for doc, paths in others.values():
            warnings.warn(
                f"The document {doc.doc_id!r} of {_files(paths)} was read for "
                f"{doc.target!r}, not for {target!r}: its {len(doc.evidence)} "
                f"item(s) are left out. Read it again with --target {target!r}.",
                EvidenceWarning,
                stacklevel=_stacklevel(),
            )
    else:  # a corpus of many people: one line, not one a document
        listed = [doc for doc, _ in others.values()]
        n_items = sum(len(d.evidence) for d in listed)
        shown = ", ".join(f"{d.doc_id!r} ({d.target!r})" for d in listed[:5])
        holding = list(dict.fromkeys(p for _, paths in others.values() for p in paths))
        where = (
            f"of {str(holding[0])!r} were read for other people than {target!r}"
            if len(holding) == 1
            else f"were read for other people than {target!r} (in "
            f"{str(holding[0])!r} and {len(holding) - 1} other file(s); one given "
            "in several files counted once)"
        )
        warnings.warn(
            f"{len(others)} documents {where} ({shown} ...): their {n_items} "
            f"item(s) are left out. Read them again with --target {target!r}.",
            EvidenceWarning,
            stacklevel=_stacklevel(),
        )
    return kept


def _files(paths: Sequence[Path]) -> str:
    """The files that hold a document, as a warning names them."""
    return " and ".join(repr(str(p)) for p in dict.fromkeys(paths))


def _most_read_for(docs: Sequence[DocumentEvidence]) -> str | None:
    """The person most of ``docs`` were read for (one name per person), or None.

    Names of one person (:func:`~geosleuth.read.target.same_person`) count
    together, under the first of them given; of persons read for as often, the
    first given.
    """
    from geosleuth.read._target_names import PersonIndex

    index = PersonIndex()  # compares a name only with the persons it could be
    counts: list[int] = []
    for doc in docs:
        if not doc.target:
            continue
        group = index.group_of(doc.target)
        if group == len(counts):
            counts.append(0)
        counts[group] += 1
    if not counts:
        return None
    best = max(range(len(counts)), key=counts.__getitem__)  # the first of equals
    return index.heads[best]
