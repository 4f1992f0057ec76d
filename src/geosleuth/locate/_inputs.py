"""What a case run reads: the case file, articles and readings, gathered into one.

:func:`gather` reads at most one case file, the articles given (read now) and
what ``geosleuth read`` wrote, binds each file by its SHA-256 as it is read,
leaves out the items read for another person (:func:`_read_for_others`) and
those that repeat a case item's sentence (:func:`_not_in_case`), refuses a
``--target`` that names another person and ids given twice, and draws the
study region when the case gives none (:func:`_drawn_grid`); it warns of items
far from the region's centre (:func:`_warn_far`). What it gathers is an
:class:`Inputs`; :class:`DocumentTally` counts its documents by what became of
their items. Used by :mod:`geosleuth.locate._run`.
"""

from __future__ import annotations

import datetime as dt
import math
import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geosleuth.casefile import Case, evidence_bounds, load_case
from geosleuth.errors import (
    CaseFileError,
    EvidenceWarning,
    GeosleuthWarning,
    InputError,
)
from geosleuth.evidence import EvidenceItem, LifeStatus
from geosleuth.fuse import Estimate, NamedPlace, Settings
from geosleuth.gazetteer import Place
from geosleuth.grid import MAX_CELLS, Grid
from geosleuth.locate._checks import ids_text
from geosleuth.report import files

__all__ = [
    "DocumentTally",
    "Inputs",
    "gather",
]


_CASE_SUFFIXES = {".yaml", ".yml"}


@dataclass(frozen=True, slots=True)
class Inputs:
    target: str
    title: str
    items: tuple[EvidenceItem, ...]
    grid: Grid
    settings: Settings
    as_of: dt.date | None
    places: tuple[NamedPlace, ...]
    source: str
    #: items read from articles and left out before fusion, with why
    set_aside: tuple[tuple[EvidenceItem, str], ...] = ()
    #: the inputs as report.html names them: file names, never a folder
    shown: str = ""
    #: where the case's places' coordinates come from, by name
    place_sources: dict[str, str] = field(default_factory=dict)
    #: the names of the case's places given as polygons (the report lists those
    #: no item names)
    place_areas: tuple[str, ...] = ()
    #: each of the case's places with its shape (:attr:`Case.place_kinds`)
    place_kinds: tuple[tuple[str, str], ...] = ()
    #: the case file read, if any: estimate.json names it from the output folder
    case_path: Path | None = None
    #: each input file and its SHA-256 as it was read (None: not a plain file)
    digests: tuple[tuple[Path, str | None], ...] = ()
    #: whether the case file gives the study region (else it is drawn)
    region_given: bool = False
    #: the ids of each document's items as cited (each document once), and
    #: the documents left out as another person's (with items) or giving none
    doc_items: tuple[frozenset[str], ...] = ()
    docs_of_others: int = 0
    docs_of_others_empty: int = 0
    #: the text each article read now was read in, in which its items' spans
    #: count (:func:`_document_texts`); estimate.json keeps them
    texts: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentTally:
    """The documents a run read or loaded, by what became of their items.

    Each document counts once, however many files give it (its ``<doc>.json``
    and the ``evidence.json`` that holds it too); ``used + others +
    left_out + none == documents``.

    Attributes
    ----------
    documents : int
        The documents (articles read now and readings loaded).
    used : int
        Those that gave at least one item used.
    items_used : int
        The items used that came from documents (not from the case file).
    others : int
        Those read for another person than the target, whose items are left
        out (a document read for another person that gave no item is in
        ``none``).
    left_out : int
        Those that gave items about the target, none of them used (left out by
        the fusion, repeats of the case's, not known by the estimate's day).
    none : int
        Those that gave no item about the target.
    """

    documents: int
    used: int
    items_used: int
    others: int
    left_out: int
    none: int

    @classmethod
    def of(cls, est: Estimate, data: Inputs) -> DocumentTally:
        """The tally of a run, from its estimate and its gathered inputs."""
        used = set(est.used)
        from_docs = used & frozenset().union(*data.doc_items)
        n_used = sum(1 for ids in data.doc_items if ids & used)
        n_none = sum(1 for ids in data.doc_items if not ids)
        return cls(
            documents=len(data.doc_items)
            + data.docs_of_others
            + data.docs_of_others_empty,
            used=n_used,
            items_used=len(from_docs),
            others=data.docs_of_others,
            left_out=len(data.doc_items) - n_used - n_none,
            none=n_none + data.docs_of_others_empty,
        )


#: Why ``--published`` does nothing without articles read now.
_PUBLISHED_UNUSED = (
    "--published dates what is read now; a case file's items carry their own "
    "dates, and what 'geosleuth read' wrote was read with its own."
)


#: Why ``--home`` does nothing without articles read now.
_HOME_UNUSED = (
    "--home is the context for the place names of articles read now; a case file "
    "gives its own places, and the places in what 'geosleuth read' wrote were "
    "resolved when it was read (read it again with --home to change them)."
)


def gather(
    paths: Sequence[Path],
    *,
    target: str | None,
    published: dt.date | None,
    cell_km: float | None,
    home: Place | None = None,
    scheduler: str = "serial",
    workers: int | None = None,
    as_of: dt.date | None = None,
) -> Inputs:
    from geosleuth.read.corpus import CORPUS_SUFFIXES, gather_evidence

    cases = [p for p in paths if p.suffix.lower() in _CASE_SUFFIXES]
    articles = [p for p in paths if p.suffix.lower() in CORPUS_SUFFIXES]
    outputs = [p for p in paths if p.suffix.lower() == ".json"]
    other = [p for p in paths if p not in cases + articles + outputs]
    if other:
        raise InputError(
            f"Cannot tell what {other[0]} is: give case files (.yaml, .yml), "
            "articles (.txt, .md, .html) or what 'geosleuth read' wrote (.json).",
            path=str(other[0]),
        )
    unused = [
        (flag, why)
        for flag, value, why in (
            ("--published", published, _PUBLISHED_UNUSED),
            ("--home", home, _HOME_UNUSED),
        )
        if value is not None and not articles
    ]
    if unused:
        flags = " and ".join(flag for flag, _ in unused)
        warnings.warn(
            f"{flags} {'apply' if len(unused) > 1 else 'applies'} to articles read "
            f"now, and none is given: ignored. {' '.join(w for _, w in unused)}",
            GeosleuthWarning,
            stacklevel=2,
        )
    if len(cases) > 1:
        raise InputError(
            "Give at most one case file; merge the evidence into one.",
            path=str(cases[1]),
        )
    # what the estimate reads, bound by SHA-256 before it is read: a file
    # edited or replaced later under its name is not the one read (review 20, F8)
    # an event set's 'csv:' file is read with the case, and bound with it (r39 M2)
    # (load_case names each file it reads, the case and its 'csv:' files, first)
    bound: dict[Path, str | None] = {}

    def bind(path: Path) -> None:
        if path not in bound:
            bound[path] = files.sha256_of_file(path)

    case: Case | None = load_case(cases[0], before_read=bind) if cases else None
    digests = (
        *bound.items(),
        *((p, files.sha256_of_file(p)) for p in [*articles, *outputs]),
    )
    items: list[EvidenceItem] = list(case.items) if case else []
    set_aside: list[tuple[EvidenceItem, str]] = []
    places = list(case.places) if case else []
    if case is not None and target:
        _check_same_target(target, case, cases[0])
    tgt = target or (case.target if case else None)
    inputs = [p for p in paths if p in articles or p in outputs]
    gathered = gather_evidence(
        inputs, target=tgt, published=published, home=home, scheduler=scheduler,
        workers=workers,
    )  # fmt: skip
    others, docs_of_others, docs_of_others_empty = _read_for_others(outputs, tgt)
    set_aside.extend(others)
    doc_items: list[frozenset[str]] = []
    read_now: list[tuple[Any, str]] = []  # (DocumentEvidence, as cited)
    labels = Counter(doc.label() for _, doc in gathered)
    for path, doc in gathered:
        # the report cites an article by its title and file, not by its id; two
        # documents cited alike (report.txt of two folders) are told apart by it,
        # or they would count as one source
        label = doc.label()
        as_cited = f"{label} [{doc.doc_id}]" if labels[label] > 1 else label
        cited = doc.cited(as_cited)
        if path in articles:
            read_now.append((doc, as_cited))
        doc_items.append(frozenset(i.id for i in cited))
        fresh, repeats = _not_in_case(cited, case)
        set_aside.extend(
            (
                i,
                f"read from {path.name}, it quotes the same sentence as an item of "
                "the case file, which counts it",
            )
            for i in cited
            if i.id in repeats
        )
        if repeats:
            warnings.warn(
                f"{len(repeats)} item(s) read from {path.name} quote the same "
                "sentence as an item of the case file, which already counts it; "
                f"read but not counted: {', '.join(repeats)}.",
                EvidenceWarning,
                stacklevel=2,
            )
        items.extend(fresh)
        tgt = tgt or doc.target or None  # the first article's inferred name
        known = {p.name for p in places}
        for name, lon, lat in doc.named_points():
            if name not in known:
                places.append(NamedPlace(name, lon, lat))
                known.add(name)
    _check_unique(items)
    texts = _document_texts(read_now)
    if not items and case is not None and not case.items:
        raise CaseFileError(
            f"The case {cases[0]} has no evidence items yet: an estimate needs at "
            "least one (a map from nothing would rank nothing). Add items under "
            "'evidence', record a search with 'geosleuth searched', or give "
            "articles with it.",
            path=str(cases[0]),
            line=_key_line(cases[0], "evidence"),
            field="evidence",
        )
    if not items:
        raise InputError("No evidence: the inputs yield no evidence items to fuse.")
    if case is not None and case.region_given:
        grid = case.grid if cell_km is None else case.grid.recut(cell_km)
    else:
        grid = _drawn_grid(items, case, as_of=as_of, cell_km=cell_km)
    _warn_far(items, grid)
    return Inputs(
        target=tgt or "the target",
        title=case.title if case else (tgt or "geosleuth estimate"),
        items=tuple(items),
        grid=grid,
        settings=case.settings if case else Settings(),
        as_of=case.as_of if case else None,
        places=tuple(places),
        source=str(cases[0]) if cases else ", ".join(map(str, articles + outputs)),
        set_aside=tuple(set_aside),
        shown=cases[0].name if cases else ", ".join(p.name for p in articles + outputs),
        place_sources=dict(case.place_sources) if case else {},
        place_areas=case.place_areas if case else (),
        place_kinds=case.place_kinds if case else (),
        case_path=cases[0] if cases else None,
        digests=digests,
        region_given=case is not None and case.region_given,
        doc_items=tuple(doc_items),
        docs_of_others=docs_of_others,
        docs_of_others_empty=docs_of_others_empty,
        texts=texts,
    )


def _document_texts(
    read_now: Sequence[tuple[Any, str]],
) -> tuple[dict[str, Any], ...]:
    """The text each article read now was read in: where its items' spans count.

    A span (``Provenance.span``) counts characters in the document's extracted
    text (markup and front matter taken out, the headline set apart as a
    paragraph), not in its file (review r63, L1). ``geosleuth read`` keeps that
    text in ``<doc>.json``; for an article given to ``locate`` itself, the text
    its reading was made from (:attr:`~geosleuth.read.corpus.DocumentEvidence.text`,
    not the file read again) is kept, ``{doc_id, document, source, title,
    text_sha256, chars, text}`` (``document`` as its items' provenance cites
    it; ``text`` and ``chars`` None where the reading kept no text).
    Texts are cut on reading at :data:`geosleuth.read.text.MAX_CHARS`
    characters, 200,000 (the 817 LGL and GeoVirus news articles have 1,410 at
    the median, 8,390 at most).
    """
    out = []
    seen: set[str] = set()
    for doc, as_cited in read_now:
        if doc.doc_id in seen:  # one article given twice counts once
            continue
        seen.add(doc.doc_id)
        text: str | None = doc.text
        out.append(
            {
                "doc_id": doc.doc_id,
                "document": as_cited,
                "source": doc.source,
                "title": doc.title,
                "text_sha256": doc.text_sha256,
                "chars": None if text is None else len(text),
                "text": text,
            }
        )
    return tuple(out)


#: Beyond this distance from a grid's centre its distances are off by more than
#: 0.2 % (:mod:`geosleuth.grid`).
_ACCURATE_KM = 600.0


def _warn_far(items: Sequence[EvidenceItem], grid: Grid) -> None:
    """Warn of items on the grid more than :data:`_ACCURATE_KM` from its centre.

    The equal-area plane keeps areas but not distances: at an angular distance
    ``c`` from the centre a length along the radius shrinks by ``cos(c/2)`` and
    one across it stretches by as much, so a report's kernel there is distorted
    (about 12 % at 6,000 km). A region drawn around reports from several
    continents does that without a word.
    """
    from geosleuth.fuse.reach import item_lonlat
    from geosleuth.geometry import haversine_km

    far: list[tuple[float, str]] = []
    for item in items:
        lonlat = item_lonlat(item)
        if lonlat is None:
            continue
        lons, lats = lonlat
        inside = grid.lonlat_to_cell(lons, lats) >= 0
        if not inside.any():
            continue  # off the grid: fuse sets it aside and says so
        reach = float(
            haversine_km(grid.lon0, grid.lat0, lons[inside], lats[inside]).max()
        )
        if reach > _ACCURATE_KM:
            far.append((reach, item.id))
    if far:
        km, worst = max(far)
        error = 100.0 * (1.0 / math.cos(km / 6371.0088 / 2.0) - 1.0)
        ids = ids_text([i for _, i in sorted(far, reverse=True)])
        warnings.warn(
            f"{len(far)} item(s) lie more than {_ACCURATE_KM:.0f} km from the "
            f"centre of the study region ({ids}; {worst!r} at {km:,.0f} km), "
            f"where the map's distances are off by up to {error:.1f} % and those "
            "items' spreads are distorted. Give the case a 'region' that holds "
            "only the area in question, or split the case.",
            GeosleuthWarning,
            stacklevel=3,
        )


def _key_line(path: Path, key: str) -> int | None:
    """The line of a top-level ``key:`` of a case file (None: not found)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return next(
        (n for n, text in enumerate(lines, 1) if text.startswith(f"{key}:")), None
    )


def _drawn_grid(
    items: Sequence[EvidenceItem],
    case: Case | None,
    *,
    as_of: dt.date | None,
    cell_km: float | None,
) -> Grid:
    """The grid of a run whose study region no case file gives: drawn to fit.

    The region each item needs (:func:`~geosleuth.casefile.evidence_bounds`),
    every item of the run counted (the case's and the articles'), on the day of
    the estimate: ``as_of``, else the case's, else the day the newest item is
    known. The items spread with the case's movement model (default
    :class:`Settings` without a case). The case's own grid was drawn for its
    items on its day: a later ``as_of`` spreads them further, and an article's
    places may lie outside it. Cells: ``cell_km`` (at most
    :data:`~geosleuth.grid.MAX_CELLS`), else the case's ``grid:`` as written.
    """
    settings = case.settings if case else Settings()
    day = as_of or (case.as_of if case else None) or max(i.known_on for i in items)
    try:
        bounds = evidence_bounds(items, settings=settings, as_of=day)
    except InputError as exc:
        if case is not None or exc.field != "region":
            raise
        # no case file to add a region to: say what the items were instead
        from geosleuth.report._style import KIND_LABELS

        kinds = Counter(
            ("proof of life" if i.status == "alive" else "claim of death")
            if isinstance(i, LifeStatus)
            else KIND_LABELS.get(i.kind, i.kind).lower()
            for i in items
        )
        said = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
        raise InputError(
            f"No item of the inputs says where the target is ({said}): a map "
            "needs a sighting, a claim, a search or an area. Give a case file "
            "with a 'region' and the inputs, or more reports.",
            field="region",
        ) from None
    if cell_km is not None:  # asked for
        return Grid.from_bounds(*bounds, cell_km=cell_km, max_cells=MAX_CELLS)
    if case is None:
        return Grid.from_bounds(*bounds)
    try:
        return Grid.from_bounds(
            *bounds, cell_km=case.grid_cell_km, max_cells=case.grid_max_cells
        )
    except InputError as exc:
        if exc.field != "cell_km":
            raise
        raise InputError(
            f"{exc.message} The case file gives no 'region': its study region is "
            f"drawn around every item as of {day.isoformat()}. Or give it a "
            "'region'.",
            path=case.source,
            field="grid.cell_km",
        ) from None


def _read_for_others(
    outputs: Sequence[Path], target: str | None
) -> tuple[list[tuple[EvidenceItem, str]], int, int]:
    """The items of readings that the run leaves out as another person's, with why.

    :func:`~geosleuth.read.corpus.gather_evidence` leaves out, with a warning, a
    document of a read output that was read for someone else than ``target``
    (given or the case's; else the person most of the readings were read for),
    by :func:`~geosleuth.read.target.same_person`. The same rule here finds its
    items, so that the run counts them as left out (``set_aside``, with a
    reason that begins :data:`~geosleuth.report.files.OTHER_PERSON`), not only
    in a warning (review r31, L4). The readings are loaded a second time, quietly:
    what loading them warns of was said by the gathering. Also the number of
    such documents, with items and without (each once: review r51, L2).
    """
    from geosleuth.read._corpus_warnings import _most_read_for
    from geosleuth.read.corpus import load_read_output
    from geosleuth.read.target import same_person

    if not outputs:
        return [], 0, 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        loaded = {p: load_read_output(p) for p in dict.fromkeys(outputs)}
    # as the gathering counts them: a file given twice, twice
    person = target or _most_read_for([d for p in outputs for d in loaded[p]])
    if not person:
        return [], 0, 0
    out: list[tuple[EvidenceItem, str]] = []
    seen: set[tuple[str, str]] = set()  # a document in two files is one
    docs_of_others: dict[tuple[str, str], bool] = {}  # each once: has it items
    for path, docs in loaded.items():
        for doc in docs:
            if not doc.target or same_person(doc.target, person):
                continue
            key = (doc.doc_id, doc.source)
            docs_of_others[key] = docs_of_others.get(key, False) or bool(doc.evidence)
            why = (
                f"{files.OTHER_PERSON}: its document {doc.doc_id!r} of {path.name} "
                f"was read for {doc.target!r}, not for {person!r} (read it again "
                f"with --target {person!r} to count it)"
            )
            for item in doc.evidence:
                if (doc.source, item.id) not in seen:
                    seen.add((doc.source, item.id))
                    out.append((item, why))
    with_items = sum(docs_of_others.values())
    return out, with_items, len(docs_of_others) - with_items


def _check_same_target(target: str, case: Case, path: Path) -> None:
    """Refuse a ``target`` that names someone else than the case file does.

    Otherwise the report would ask where ``target`` is and answer with the case's
    evidence about another person; see :func:`geosleuth.read.target.same_person`.
    """
    from geosleuth.read.target import same_person

    if not same_person(target, case.target):
        raise InputError(
            f"The target given, {target!r}, is not the case file's "
            f"({case.target!r}): the report would ask where {target} is and answer "
            f"with the evidence about {case.target}. Leave out --target to use the "
            "case's, or correct 'target:' in the case file if that is wrong.",
            path=str(path),
            field="target",
        )


_QUOTE_MARKS = str.maketrans(dict.fromkeys("\"'“”‘’«»"))


def _sentence_key(quote: str) -> str:
    """A quote reduced for comparison: no quote marks, case or spacing."""
    return " ".join(quote.translate(_QUOTE_MARKS).casefold().split()).strip(" .")


def _not_in_case(
    read: Sequence[EvidenceItem], case: Case | None
) -> tuple[list[EvidenceItem], list[str]]:
    """Items read from an article, less those the case file already holds.

    An item repeats a case item when both are of one kind and one quote holds the
    other (at least 20 characters of it): a case written from the article quotes
    its sentences, and counting a sentence twice would double its weight.
    Returns the items to keep and the ids left out.
    """
    if case is None:
        return list(read), []
    keyed = ((i.kind, _sentence_key(i.provenance.quote)) for i in case.items)
    quoted = [(kind, q) for kind, q in keyed if len(q) >= 20]
    keep, repeats = [], []
    for item in read:
        key = _sentence_key(item.provenance.quote)
        if len(key) >= 20 and any(
            kind == item.kind and (q in key or key in q) for kind, q in quoted
        ):
            repeats.append(item.id)
        else:
            keep.append(item)
    return keep, repeats


def _check_unique(items: Sequence[EvidenceItem]) -> None:
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise InputError(
                f"Two evidence items share the id {item.id!r} across the "
                "inputs; rename one.",
                field="id",
            )
        seen.add(item.id)
