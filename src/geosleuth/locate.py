"""A case run: read the inputs, fuse, trace the timeline, plan, write the outputs.

:func:`locate_case` is what ``geosleuth locate`` and the web service run: case files,
articles and ``geosleuth read`` outputs in; ``estimate.json``, ``estimate.geojson``,
``report.html``, ``map.png`` and ``posterior.npz`` out. :func:`append_items` adds
evidence to a case file under a lock (``geosleuth searched``, the service's searches).
Neither prints: progress goes to an optional callback, warnings through
:mod:`warnings`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import math
import os
import warnings
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from geosleuth._json import loads as read_json
from geosleuth.casefile import (
    Case,
    dump_item_yaml,
    evidence_bounds,
    far_ahead,
    load_case,
    parse_case,
)
from geosleuth.casefile._dates import OLD_YEAR
from geosleuth.dependence import (
    DEPENDENT_KINDS,
    OWN_DOCUMENT,
    document_key,
    document_source,
)
from geosleuth.errors import (
    CaseFileError,
    EvidenceWarning,
    GeosleuthWarning,
    InputError,
)
from geosleuth.evidence import (
    EvidenceItem,
    LifeStatus,
    Provenance,
    Searched,
    calendar_day,
    later_that_day,
    time_of,
)
from geosleuth.fuse import (
    Estimate,
    NamedPlace,
    Settings,
    TimelinePoint,
    fuse,
    timeline_plan,
    timeline_points,
)
from geosleuth.fuse.history import items_known_by
from geosleuth.gazetteer import Place
from geosleuth.geometry import Geometry
from geosleuth.grid import MAX_CELLS, Grid
from geosleuth.parallel import map_partitions
from geosleuth.report import files

__all__ = [
    "TIMELINE_POINTS",
    "DocumentTally",
    "append_items",
    "fuse_known_by",
    "known_by_of",
    "locate_case",
    "plan_summary",
    "search_item",
    "search_vs_as_of",
    "timeline_of",
    "warn_prior_only",
]

_CASE_SUFFIXES = {".yaml", ".yml"}


@dataclass(frozen=True, slots=True)
class _Inputs:
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
    def of(cls, est: Estimate, data: _Inputs) -> DocumentTally:
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


def _gather(
    paths: Sequence[Path],
    *,
    target: str | None,
    published: dt.date | None,
    cell_km: float | None,
    home: Place | None = None,
    scheduler: str = "serial",
    workers: int | None = None,
    as_of: dt.date | None = None,
) -> _Inputs:
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
    return _Inputs(
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
        ids = ", ".join(i for _, i in sorted(far, reverse=True)[:5])
        more = f" and {len(far) - 5} more" if len(far) > 5 else ""
        warnings.warn(
            f"{len(far)} item(s) lie more than {_ACCURATE_KM:.0f} km from the "
            f"centre of the study region ({ids}{more}; {worst!r} at {km:,.0f} km), "
            f"where the map's distances are off by up to {error:.1f} % and those "
            "items' spreads are distorted. Give the case a 'region' that holds "
            "only the area in question, or split the case.",
            GeosleuthWarning,
            stacklevel=3,
        )


#: Warn when a given study region is this many times the area the evidence spans.
_WIDE_REGION_RATIO = 4.0


def _box_km2(west: float, south: float, east: float, north: float) -> float:
    """The area of a (lon, lat) box on the mean sphere, km² (west > east: over 180°).

    Examples
    --------
    >>> round(_box_km2(0.0, 0.0, 1.0, 1.0))
    12364
    """
    width = math.radians((east - west) % 360.0 or 360.0)
    lat_s, lat_n = math.radians(south), math.radians(north)
    return 6371.0088**2 * width * (math.sin(lat_n) - math.sin(lat_s))


def _warn_wide_region(
    items: Sequence[EvidenceItem], grid: Grid, *, settings: Settings, as_of: dt.date
) -> None:
    """Warn when a case's region is much wider than the evidence spans.

    Every report is weighed against the whole region: its kernel is normalised
    by its mean over the grid, so its likelihood at its peak, over the level
    floor a false report leaves, grows with the region's area (review r31, M5: a
    Cairngorm region widened from 17 x 14 to 53 x 44 km shrank the 50 % area
    from 4.45 to 3.32 km²). A planner who draws the region generously "to be
    safe" gets a more confident map, not a more cautious one. The test is cheap:
    the region's area against the area of the box drawn around the evidence
    without a ``region`` (:func:`~geosleuth.casefile.evidence_bounds`: each
    item's place and 3 σ of its spread on ``as_of``), warned of at
    :data:`_WIDE_REGION_RATIO` times or more (twice as wide each way). Nothing
    to compare when no item has a place.
    """
    try:
        bounds = evidence_bounds(items, settings=settings, as_of=as_of)
    except InputError:
        return
    spans = _box_km2(*bounds)
    region = grid.n_cells * grid.cell_area_km2
    if not (spans > 0 and region >= _WIDE_REGION_RATIO * spans):
        return
    warnings.warn(
        f"The study region ({region:,.0f} km²) is {region / spans:.1f} times the "
        f"area the evidence spans on {as_of.isoformat()} ({spans:,.3g} km²: each "
        "item's place and 3 σ of its spread, the region drawn when the case gives "
        "none). Every report is weighed against the whole region, so a wider "
        "region makes each count for more and the map more confident, not more "
        "cautious. To allow for more doubt, widen the items' spreads (sigma_km, "
        "buffer_km, the movement model), not the region; or leave 'region' out to "
        "have it drawn around the evidence.",
        GeosleuthWarning,
        stacklevel=4,
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


def _check_dates(items: Sequence[EvidenceItem], *, today: dt.date) -> None:
    """Warn of evidence dated or published after ``today``; refuse far beyond.

    One warning per document published after today and per item dated after
    today. More than :data:`~geosleuth.casefile.MAX_DAYS_AHEAD` days after
    today is an error, as in a case file (see there why): such dates come from
    what ``geosleuth read`` wrote, or a mistyped ``published``.
    """
    by_doc: dict[tuple[str, dt.date], list[str]] = {}
    for item in items:
        pub = item.provenance.published
        for what, day, key in (
            ("published on", pub, "published"),
            ("dated", item.date, "date"),
        ):
            ahead = None if day is None else far_ahead(day, today=today)
            if ahead is not None:
                raise InputError(
                    f"The item {item.id!r} of {item.provenance.document!r} is "
                    f"{what} {ahead}: evidence cannot be dated so far ahead. "
                    "Check the year.",
                    field=key,
                )
        if pub is not None and pub > today:
            by_doc.setdefault((item.provenance.document, pub), []).append(item.id)
    for (doc, pub), ids in by_doc.items():
        shown = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if ids[5:] else "")
        warnings.warn(
            f"The document {doc!r} is published on {pub.isoformat()}, after today "
            f"({today.isoformat()}); its items ({shown}) count as known only from "
            "then.",
            EvidenceWarning,
            stacklevel=4,
        )
    for item in items:
        if item.date > today:
            warnings.warn(
                f"The item {item.id!r} is dated {item.date.isoformat()}, after "
                f"today ({today.isoformat()}).",
                EvidenceWarning,
                stacklevel=4,
            )


#: A document published more than this many years before the newest document
#: of a run is warned of (:func:`_warn_old_documents`).
YEARS_BEFORE_NEWEST = 30


def _ids_text(ids: Sequence[str], most: int = 5) -> str:
    """``a, b, c`` and ``and 2 more`` past ``most``."""
    more = len(ids) - most
    return ", ".join(ids[:most]) + (f" and {more} more" if more > 0 else "")


def _warn_old_documents(items: Sequence[EvidenceItem]) -> None:
    """Warn of each document published before 1900 or long before the newest.

    A mistyped year in a publication date ("0024-03-04", "1924-03-04" for
    2024) dates the document's items from it, and P(alive)'s clock starts at
    the earliest item: 94.4 % fell to 57.4 % with no word (review r85, M1).
    One warning per document published before
    :data:`~geosleuth.casefile._dates.OLD_YEAR` or more than
    :data:`YEARS_BEFORE_NEWEST` years before the newest document of the run,
    naming it and its date; the date is used as written.
    """
    docs: dict[tuple[str, dt.date | None, str | None], list[str]] = {}
    for item in items:
        if item.provenance.published is not None:
            docs.setdefault(document_key(item), []).append(item.id)
    if not docs:
        return
    newest = max(docs, key=lambda k: k[1] or dt.date.min)
    newest_day = newest[1]
    assert newest_day is not None
    for key, ids in docs.items():
        day = key[1]
        assert day is not None
        years = (newest_day - day).days / 365.25
        if day.year >= OLD_YEAR and years <= YEARS_BEFORE_NEWEST:
            continue
        why = (
            f"before {OLD_YEAR}"
            if day.year < OLD_YEAR
            else f"{years:.0f} years before the newest document of the run "
            f"({newest[0]!r}, {newest_day.isoformat()})"
        )
        warnings.warn(
            f"The document {key[0]!r} is published on {day.isoformat()}, {why}: "
            "a mistyped year? Its items "
            f"({_ids_text(ids)}) are dated from it, and P(alive) counts from the "
            "earliest item. It is used as written; correct the date (its front "
            "matter's or page's date, --published, published=, or the case "
            "file's documents) if it is wrong.",
            EvidenceWarning,
            stacklevel=4,
        )


#: An item moves the map when the map without it is this far (total-variation
#: distance) from the map with it (:func:`one_speaker_groups`) ...
MOVES_THE_MAP = 0.01
#: ... and a group of one speaker's items is warned of when one of them moves
#: it this far: the seed's expert giving two items that move it by 0.02 and
#: 0.01 is no cause for a note; a lawyer's three at up to 0.40 is.
GROUP_MOVES_THE_MAP = 0.1


def _speaker_key(item: EvidenceItem) -> str:
    return " ".join((item.provenance.speaker or "").casefold().split())


def one_speaker_groups(
    est: Estimate, items: Sequence[EvidenceItem]
) -> list[list[EvidenceItem]]:
    """The used items of one speaker in one document that each move the map.

    Claims and sightings (the kinds ``source_correlation`` weighs) used by
    ``est`` that each shift the map by :data:`MOVES_THE_MAP` or more, grouped
    by document (:func:`~geosleuth.dependence.document_key`) and the speaker
    named on them (spelt alike but for case and spacing); groups of two or
    more. Items with no speaker named join no group: a dispatch log's or a
    bulletin's items without a ``speaker`` come from several sources (a
    parking permit, a phone network, a witness), not from the one speaker it
    happens to name, nor from one voice of their own (reviews r97 L3, r105
    M1). Items a case file gives without a document share no source
    (:data:`~geosleuth.dependence.OWN_DOCUMENT`). Only groups one of whose
    items moves the map by :data:`GROUP_MOVES_THE_MAP` or more.
    """
    shift = {c.item_id: c.map_shift for c in est.contributions if c.whole is None}
    used = set(est.used)
    docs: dict[tuple[object, ...], list[EvidenceItem]] = {}
    for item in items:
        if (
            item.id in used
            and item.kind in DEPENDENT_KINDS
            and shift.get(item.id, 0.0) >= MOVES_THE_MAP
            and document_source(item.provenance.document) is not None
        ):
            docs.setdefault(document_key(item), []).append(item)
    groups: list[list[EvidenceItem]] = []
    for moving in docs.values():
        by: dict[str, list[EvidenceItem]] = {}
        for item in moving:
            key = _speaker_key(item)
            if key:
                by.setdefault(key, []).append(item)
        groups += [
            g
            for g in by.values()
            if len(g) >= 2 and max(shift[i.id] for i in g) >= GROUP_MOVES_THE_MAP
        ]
    return groups


def _warn_one_speaker(est: Estimate, items: Sequence[EvidenceItem]) -> None:
    """Warn where one speaker in one document gives several items that move the map.

    With ``source_correlation`` 0, the default, a view said three times in one
    article (its headline and two sentences: a lawyer's "my client is in
    Montenegro", "is living in Kotor", "had been in Kotor since March 15")
    counts as three independent reports: 85 % in Montenegro here, 11 % with
    the three counted as one (review r85, M3). One warning per group of
    :func:`one_speaker_groups`, naming its items, and the setting that counts
    a document's items as one.
    """
    if est.settings.source_correlation > 0:
        return
    shift = {c.item_id: c.map_shift for c in est.contributions if c.whole is None}
    for group in one_speaker_groups(est, items):
        ids = [i.id for i in group]
        n = len(group)
        warnings.warn(
            f"{n} items of one speaker, {group[0].provenance.speaker!r}, in one "
            "document, "
            f"{group[0].provenance.document!r} ({_ids_text(ids)}; map shift "
            f"{', '.join(f'{shift[i]:.2f}' for i in ids)}), count as {n} "
            "independent reports (source_correlation 0, the default), though one "
            "source gives them all. To count each document's items as one, set "
            "'settings: {source_correlation: 1}' in the case file (between 0 "
            "and 1 counts them in part).",
            EvidenceWarning,
            stacklevel=4,
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


#: Most points of the timeline a case run makes (see :func:`timeline_of`).
TIMELINE_POINTS = 60


def timeline_of(
    est: Estimate,
    items: Sequence[EvidenceItem],
    *,
    scheduler: str = "serial",
    workers: int | None = None,
    max_points: int | None = TIMELINE_POINTS,
    known_by: dt.date | None = None,
) -> list[TimelinePoint]:
    """The timeline the report shows: the estimate's six best places, over time.

    ``known_by`` is the estimate's (:func:`fuse_known_by`): a hindcast's
    timeline is one too, every point with the knowledge of that day
    (:func:`geosleuth.fuse.timeline_plan`).

    At most ``max_points`` (default :data:`TIMELINE_POINTS`; None: every date)
    points: each costs an estimate, and a corpus
    published over hundreds of days would otherwise cost hundreds (the points are
    then the dates at evenly spaced ranks; see :func:`geosleuth.fuse.timeline`).
    With a ``scheduler`` other than "serial" the points are estimated in
    partitions on it (:func:`geosleuth.parallel.map_partitions`); they are the
    same whatever the scheduler. Every point is on the estimate's grid: without
    a case region, a run as of a point's date would draw its own grid around
    what was known then, and its figures differ (the report says so).
    """
    top = [NamedPlace(p.name, p.lon, p.lat) for p in est.places[:6]]
    plan = timeline_plan(
        items, as_of=est.as_of, max_points=max_points, known_by=known_by
    )
    points = functools.partial(
        timeline_points,
        items=plan.items,
        grid=est.grid,
        places=top,
        settings=est.settings,
        mode=plan.mode,
    )
    out: list[TimelinePoint] = map_partitions(
        points, list(plan.steps), scheduler=scheduler, workers=workers
    )
    blank = [p.as_of.isoformat() for p in out if top and not p.probabilities]
    if blank:
        warnings.warn(
            f"The timeline has no map on {', '.join(blank[:5])}"
            + (f" and {len(blank) - 5} more dates" if len(blank) > 5 else "")
            + ": the evidence then in force left no possible cell (a search "
            "that would surely have found the target everywhere, in a closed "
            "world: settings.rest_of_world 0). The estimate as of "
            f"{est.as_of.isoformat()} does not depend on it.",
            EvidenceWarning,
            stacklevel=2,
        )
    return out


def fuse_known_by(
    items: Sequence[EvidenceItem],
    grid: Grid,
    *,
    as_of: dt.date,
    known_by: dt.date | None = None,
    **options: Any,
) -> Estimate:
    """:func:`~geosleuth.fuse.fuse` as of ``as_of`` with what was known on ``known_by``.

    ``known_by`` None or ``as_of``'s day: ``fuse`` itself, the items dated and
    published by ``as_of``. A later day: a hindcast, the map as of ``as_of``
    from every item dated by then and published by ``known_by``, whenever after
    ``as_of`` (``fuse(..., hindcast=True)`` of the items known by
    ``known_by``, :func:`geosleuth.fuse.history.items_known_by`); those
    published later are left out, with why. A point as of
    ``D`` of a timeline in mode "event" with the knowledge of ``T``
    (:func:`geosleuth.fuse.timeline_plan`) is this estimate as of ``D``
    known by ``T``, on the same grid: ``geosleuth locate --as-of D
    --known-by T``. ``options`` are ``fuse``'s.

    Raises
    ------
    InputError
        If ``known_by`` is before ``as_of``'s day.

    Examples
    --------
    >>> from geosleuth.evidence import Provenance, Sighting
    >>> from geosleuth.geometry import Point
    >>> g = Grid.around(40.0, 35.0, radius_km=40.0, cell_km=4.0)
    >>> s = Sighting(id="s", date=dt.date(2018, 1, 1), place=Point(40.0, 35.0),
    ...              sigma_km=5.0, provenance=Provenance(
    ...                  document="d", published=dt.date(2018, 2, 1)))
    >>> day = dt.date(2018, 1, 5)
    >>> fuse_known_by([s], g, as_of=day, contributions=False).excluded
    (('s', 'published 2018-02-01, after 2018-01-05'),)
    >>> fuse_known_by([s], g, as_of=day, known_by=dt.date(2018, 2, 1)).used
    ('s',)
    >>> fuse_known_by([s], g, as_of=day, known_by=dt.date(2018, 1, 31)).excluded
    (('s', 'published 2018-02-01, after 2018-01-31, the last day known'),)
    """
    known_by, known = items_known_by(
        items, as_of=as_of, known_by=known_by, field="--known-by"
    )
    if known_by == calendar_day(as_of):
        return fuse(items, grid, as_of=as_of, **options)
    est = fuse(known, grid, as_of=as_of, hindcast=True, **options)
    later = tuple(
        (
            i.id,
            f"dated {i.date}, after {as_of}"
            if i.date > as_of
            else f"published {i.known_on}, after {known_by}, the last day known",
        )
        for i in items
        if i.known_on > known_by
    )
    return replace(est, excluded=est.excluded + later)


def known_by_of(record: dict[str, Any], *, path: str | None = None) -> dt.date | None:
    """The day known by of a stored estimate (``estimate.json``'s ``known_by``).

    None where the record has none (older runs, which were no hindcasts) or it
    is the estimate's day.

    Raises
    ------
    InputError
        If it is not a date (YYYY-MM-DD).

    Examples
    --------
    >>> known_by_of({"as_of": "2018-05-15", "known_by": "2018-06-01"})
    datetime.date(2018, 6, 1)
    >>> known_by_of({"as_of": "2018-05-15", "known_by": "2018-05-15"}) is None
    True
    """
    value = record.get("known_by")
    if value is None or value == record.get("as_of"):
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InputError(
            f"The estimate's known_by must be a date (YYYY-MM-DD). Got {value!r} "
            "instead.",
            path=path,
            field="known_by",
        ) from None


def _threads(scheduler: str, workers: int | None) -> int:
    """Threads for the contributions: 1 unless the run asked for parallel work."""
    if scheduler in ("serial", "synchronous"):
        return 1
    return workers or os.cpu_count() or 1


def locate_case(
    inputs: Sequence[Path],
    *,
    out: Path,
    as_of: dt.date | None = None,
    known_by: dt.date | None = None,
    target: str | None = None,
    published: dt.date | None = None,
    cell_km: float | None = None,
    budget_km: float | None = None,
    sweep_width_km: float | None = None,
    home: Place | None = None,
    scheduler: str = "serial",
    workers: int | None = None,
    source: str | None = None,
    stage: Callable[[str], None] | None = None,
    documents: Callable[[DocumentTally], None] | None = None,
) -> tuple[Estimate, str]:
    """Read the inputs, fuse, write every output to ``out``.

    Parameters
    ----------
    inputs : sequence of Path
        At most one case file (.yaml), articles (.txt, .md, .html) and what
        ``geosleuth read`` wrote (``<doc>.json``, ``evidence.json``).
    out : Path
        Folder for the outputs (created if missing).
    as_of : datetime.date or None, default None
        The day of the estimate; by default the case's, else the last item's.
    known_by : datetime.date or None, default None
        Use the items published by this day (default: ``as_of``'s). A later
        day makes the estimate a hindcast (:func:`fuse_known_by`): every item
        dated by ``as_of`` and published by ``known_by``, as a point of the
        timeline of a run as of ``known_by`` is when that timeline is a
        hindcast; the run's own timeline is then one too. Without a case
        region, the study region is drawn around the evidence as of
        ``known_by``, as that run draws it.
    target, published, home : optional
        For the articles (see :func:`geosleuth.read.read_document`). With a case
        file, ``target`` must name its target, though it may be written otherwise
        ("J. Doe" or "Doe, Jane" for "Jane Doe", "bin Laden" for "Osama bin
        Laden").
    cell_km : float or None, default None
        Grid cell size; by default the case file's. The study region is the
        case's ``region:``; without one it is drawn around every item (the
        case's and the articles') on the day of the estimate
        (:func:`~geosleuth.casefile.evidence_bounds`).
    budget_km, sweep_width_km : float or None, default None
        Both given: the report also shows the optimal search plan for that
        effort (:func:`geosleuth.plan.allocate_optimal`).
    scheduler, workers : optional
        How articles are read (:func:`geosleuth.read.read_corpus`) and the
        timeline's points estimated (:func:`timeline_of`). Any scheduler but
        "serial" and "synchronous" also shares the contributions (one
        posterior without each item) among ``workers`` threads of this process,
        by default one a core (:func:`fuse`).
    source : str or None, default None
        Names the inputs in the outputs (``estimate.json``'s ``case``, the
        report) instead of their paths. Without it, ``estimate.json`` names
        the case file by its path from ``out``
        (:func:`geosleuth.report.files.case_reference`), articles by their
        paths as given, and report.html shows the file names only: a report
        meant to be shared does not tell where the analyst keeps the case.
    stage : callable (str) -> None, optional
        Told what is being done ("Fusing 14 items on 65,536 cells"), for progress.
    documents : callable (DocumentTally) -> None, optional
        Told, once the outputs are written, how many documents (articles and
        readings) the run had and what became of their items; not called when
        there are none (a case file alone).

    Returns
    -------
    (Estimate, str)
        The estimate and the name of the target.

    Warns
    -----
    EvidenceWarning
        When no item is known by ``as_of``, and for items left out on the way;
        for each document published and each item dated after today, and when
        the day of the estimate, taken from the newest item, is after today.
    GeosleuthWarning
        When a case's region is :data:`_WIDE_REGION_RATIO` times or more the
        area the evidence spans (:func:`_warn_wide_region`).

        Every warning of the run (each text once) is also written into the
        outputs: ``estimate.json``'s ``warnings``, a box at the top of
        report.html and a line under map.png. They are raised again, as they
        came, before anything is written.

    Raises
    ------
    InputError
        If ``target`` names another person than the case file does, or an item
        is dated more than :data:`~geosleuth.casefile.MAX_DAYS_AHEAD` days after
        today (and for any input the readers refuse); a
        :class:`~geosleuth.errors.CaseFileError` for a case with no evidence
        yet and nothing else given (a case file may hold none, to record its
        first search in; an estimate needs one item at least). Also if a file
        of the run would replace one that ``geosleuth read`` wrote in ``out``
        (a ``report.html`` that is the annotated page of a ``report.txt``):
        before anything is read or written.
    """
    _check_no_reading_replaced(out)
    tell = stage or (lambda _: None)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            est, data, points, plan = _run(
                inputs, as_of=as_of, known_by=known_by, target=target,
                published=published, cell_km=cell_km, budget_km=budget_km,
                sweep_width_km=sweep_width_km, home=home, scheduler=scheduler,
                workers=workers, source=source, tell=tell,
            )  # fmt: skip
        except Exception as exc:
            error: Exception | None = exc
        else:
            error = None
    said = _raise_again(caught)
    if error is not None:
        # what was warned of before the failure often says why ("... read for
        # 'Tom Fox', not for ...: left out", then "No evidence"): shown first
        raise error
    tell("Writing the report")
    _write_outputs(out, est, data, points, plan, said, known_by=known_by)
    _warn_stale_plan(out)
    if documents is not None and (tally := DocumentTally.of(est, data)).documents:
        documents(tally)
    return est, data.target


def _reading_at(path: Path) -> str | None:
    """What ``geosleuth read`` output ``path`` is, or None if it is none.

    An annotated page (``<doc>.html``, known by its title) or a reading
    (``<doc>.json`` or ``evidence.json``, known by its keys), as ``read`` and
    ``locate`` know them when given a folder.
    """
    if not path.is_file():  # a pipe would block; a folder is refused on writing
        return None

    from geosleuth.read.corpus import READ_EVIDENCE_FORMAT
    from geosleuth.read.document import _own_page

    if path.suffix.lower() == ".html":
        page = _own_page(path)
        return page if page is not None and "geosleuth read" in page else None
    if path.suffix.lower() != ".json":
        return None
    try:
        data = read_json(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    if data.get("format") == READ_EVIDENCE_FORMAT:
        return "the evidence of a corpus written by 'geosleuth read'"
    if {"doc_id", "evidence", "mentions"} <= data.keys():
        return (
            f"the reading of document {str(data['doc_id'])[:60]!r} by 'geosleuth read'"
        )
    return None


def _check_no_reading_replaced(out: Path) -> None:
    """Refuse an ``out`` where a file of the run would replace a reading.

    ``geosleuth read`` names its files after the documents: ``report.txt``
    gives ``report.html`` and ``report.json``, ``estimate.txt``
    ``estimate.json``, which the estimate's own files would silently replace
    (review 19). Readings under other names are left as they are: they are not
    touched, so a folder is not refused for holding them.

    Raises
    ------
    InputError
        Naming the first such file.
    """
    for name in sorted(files.RUN_OUTPUTS):
        what = _reading_at(out / name)
        if what is not None:
            raise InputError(
                f"The estimate's {name} would replace {what} in {out}. Give "
                "another --out for the estimate.",
                path=str(out / name),
                field="--out",
            )


#: What ``geosleuth plan`` writes (:mod:`geosleuth.report.fieldfiles`).
_PLAN_FILES = ("plan.geojson", "plan.csv", "plan.gpx", "plan.kml")


def _warn_stale_plan(out: Path) -> None:
    """Warn of a search plan in ``out`` made from the estimate just replaced.

    ``geosleuth plan`` writes its files beside the estimate it plans on; a new
    estimate in that folder leaves them planning for the old one, and field teams
    load them (review 14: another case's plan sat beside a new estimate).
    """
    stale = [name for name in _PLAN_FILES if (out / name).is_file()]
    if stale:
        warnings.warn(
            f"{out} holds {', '.join(stale)}, planned by 'geosleuth plan' on the "
            "estimate this run has replaced, not on this one. Plan again "
            f"('geosleuth plan {out} ...') or remove them before anyone uses them.",
            GeosleuthWarning,
            stacklevel=3,
        )


def _raise_again(caught: Sequence[warnings.WarningMessage]) -> list[str]:
    """Raise the recorded warnings again, each once; return geosleuth's texts.

    Each goes on to the caller's own filters (shown, ignored or an error), as
    if it had not been recorded; the texts of the :class:`GeosleuthWarning` ones are
    what the outputs say the run warned of.
    """
    seen: set[tuple[type[Warning], str]] = set()
    said = []
    for w in caught:
        key = (w.category, str(w.message))
        if key in seen:
            continue
        seen.add(key)
        if issubclass(w.category, GeosleuthWarning):
            said.append(str(w.message))
        warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    return said


def _run(
    inputs: Sequence[Path],
    *,
    as_of: dt.date | None,
    known_by: dt.date | None,
    target: str | None,
    published: dt.date | None,
    cell_km: float | None,
    budget_km: float | None,
    sweep_width_km: float | None,
    home: Place | None,
    scheduler: str,
    workers: int | None,
    source: str | None,
    tell: Callable[[str], None],
) -> tuple[Estimate, _Inputs, list[TimelinePoint], dict[str, Any] | None]:
    """:func:`locate_case` up to the outputs: the estimate, inputs, timeline, plan."""
    tell("Reading the evidence")
    data = _gather(
        inputs, target=target, published=published, cell_km=cell_km, home=home,
        scheduler=scheduler, workers=workers, as_of=known_by or as_of,
    )  # fmt: skip
    if source is not None:
        # the caller names the inputs, and binds them (the service's run.json):
        # no path of this machine goes into the outputs
        data = replace(data, source=source, shown=source, case_path=None, digests=())
    today = dt.date.today()
    _check_dates(data.items, today=today)
    _warn_old_documents(data.items)
    newest = max(data.items, key=lambda i: i.known_on)
    day = as_of or data.as_of or newest.known_on
    if as_of is None and data.as_of is None and day > today:
        warnings.warn(
            f"The estimate is as of {day.isoformat()}, after today "
            f"({today.isoformat()}): the day the newest item, {newest.id!r}, is "
            "known. Give the case an as_of (or --as-of) to estimate as of "
            "another day.",
            EvidenceWarning,
            stacklevel=3,
        )
    tell(f"Fusing {len(data.items)} items on {data.grid.n_cells:,} cells")
    est = fuse_known_by(
        data.items, data.grid, as_of=day, known_by=known_by,
        settings=data.settings, places=data.places or None,
        workers=_threads(scheduler, workers),
    )  # fmt: skip
    warn_prior_only(est, data.items, stacklevel=4, known_by=known_by)
    _warn_one_speaker(est, data.items)
    if data.region_given:
        _warn_wide_region(data.items, data.grid, settings=data.settings, as_of=day)
    tell("Tracing the timeline")
    points = timeline_of(
        est, data.items, scheduler=scheduler, workers=workers, known_by=known_by
    )
    plan = None
    if (
        budget_km is not None
        and sweep_width_km is not None
        and est.p_outside >= 1.0 - 1e-9
    ):
        warnings.warn(
            f"No search plan: the target is outside the region with probability "
            f"{est.p_outside:.7f}, so nothing in it is left to plan for.",
            GeosleuthWarning,
            stacklevel=3,
        )
    elif budget_km is not None and sweep_width_km is not None:
        tell("Planning the search")
        plan = _plan_layer(est, budget_km=budget_km, sweep_width_km=sweep_width_km)
    return est, data, points, plan


def warn_prior_only(
    est: Estimate,
    items: Sequence[EvidenceItem],
    *,
    stacklevel: int = 2,
    known_by: dt.date | None = None,
) -> None:
    """Warn when the map of ``est`` is the prior alone, and why.

    ``known_by`` is the estimate's (:func:`fuse_known_by`): in a hindcast, no
    item known by then was dated by the estimate's day.

    No item used (none known by the estimate's day, or every one left out), or
    only items about life status: the areas and the ranking of places then
    mean nothing. A run says so (:func:`locate_case`), and ``geosleuth verify``
    recomputes it from the stored items.
    """
    if not est.used:
        day = est.as_of
        first = min((i.known_on for i in items), default=None)
        last = known_by if known_by is not None and known_by > day else None
        dated = [i.date for i in items if last is not None and i.known_on <= last]
        if first is None:  # only a tampered estimate.json holds none (verify)
            why = "there is no evidence"
        elif last is not None and min(dated, default=last) > day:
            why = (
                f"no item published by {last.isoformat()} is dated by {day.isoformat()}"
            )
        elif first > day:
            why = (
                f"no evidence was known by {day.isoformat()} (the first item is "
                f"known on {first.isoformat()})"
            )
        else:
            why = (
                f"every item was left out ({len(est.excluded)}; see the reasons "
                "above and in the report)"
            )
        warnings.warn(
            f"No item is used: {why}. The map is the prior alone, and its ranking "
            "of places means nothing.",
            EvidenceWarning,
            stacklevel=stacklevel,
        )
    elif not any(i.id in est.used and i.kind != "life_status" for i in items):
        warnings.warn(
            "No item used says where the target is (the items used are about "
            "life status only): the map is the prior alone, and its areas and "
            "ranking of places mean nothing. P(alive) is the finding.",
            EvidenceWarning,
            stacklevel=stacklevel,
        )


def plan_summary(
    est: Estimate, *, budget_km: float, sweep_width_km: float
) -> tuple[Any, dict[str, Any]]:
    """The optimal plan for ``budget_km`` of track on ``est``, and its summary.

    The rest of world is the estimate's P(outside the region), after the searches
    so far. The summary (``budget_km``, ``sweep_width_km``, ``rest_of_world``,
    ``probability_of_success``, ``cells_searched``) is what ``locate`` prints and
    stores in ``estimate.json`` as ``plan``, and what ``geosleuth verify``
    recomputes.
    """
    from geosleuth.plan import allocate_optimal, scale_for_rest_of_world

    sp = allocate_optimal(
        scale_for_rest_of_world(est.posterior, rest_of_world=est.p_outside),
        budget_km,
        sweep_width_km=sweep_width_km,
        area_km2=est.grid.cell_area_km2,
        rest_of_world=est.p_outside,
    )
    summary = {
        "budget_km": budget_km,
        "sweep_width_km": sweep_width_km,
        # as computed: rounded here, a POS of 0.99999 read "100.0%" and one of
        # 0.013496 1.4 % where plan gives 1.3% (review 16, r18)
        "rest_of_world": float(est.p_outside),
        "probability_of_success": float(sp.pos),
        "cells_searched": int((sp.effort_km > 0).sum()),
    }
    return sp, summary


def _plan_layer(
    est: Estimate, *, budget_km: float, sweep_width_km: float
) -> dict[str, Any]:
    from geosleuth.report.geojson import effort_bands_geojson

    sp, summary = plan_summary(est, budget_km=budget_km, sweep_width_km=sweep_width_km)
    return effort_bands_geojson(
        sp.effort_km, est.grid, summary=summary, p=sp.p, pod=sp.pod
    )


def _write_outputs(
    out: Path,
    est: Estimate,
    data: _Inputs,
    points: Any,
    plan: Any = None,
    said: Sequence[str] = (),
    *,
    known_by: dt.date | None = None,
) -> None:
    from geosleuth.report.geojson import estimate_geojson
    from geosleuth.report.html import render_report
    from geosleuth.report.png import render_png

    # everything is made before anything is written, and written all or nothing:
    # a failed run leaves the folder as it was, never old files beside new ones
    html = render_report(
        est,
        data.items,
        title=data.title,
        target=data.target,
        timeline=points,
        plan=plan,
        case_meta={"source": data.shown or data.source},
        set_aside=data.set_aside,
        run_warnings=said,
        place_sources=data.place_sources,
        place_areas=data.place_areas,
        known_by=known_by,
        documents_kept=bool(data.texts),
    )
    import io

    buf = io.BytesIO()
    render_png(
        est,
        data.items,
        buf,
        title=data.title,
        run_warnings=said,
        set_aside=data.set_aside,
    )
    shown = {
        "report.html": html.encode("utf-8"),
        "map.png": buf.getvalue(),
        "estimate.geojson": files.json_bytes(estimate_geojson(est, data.items)),
    }
    record = files.estimate_record(
        est,
        data.items,
        target=data.target,
        title=data.title,
        timeline=points,
        timeline_max_points=TIMELINE_POINTS,
        known_by=known_by,
        documents=data.texts,
        # from the output folder, not from the directory locate ran in: verify
        # and plan, run from elsewhere, find it (review 19)
        source=(
            data.source
            if data.case_path is None
            else files.case_reference(data.case_path, out)
        ),
        source_absolute=(
            None if data.case_path is None else files.case_fallback(data.case_path, out)
        ),
        plan=None if plan is None else plan.get("summary"),
        set_aside=data.set_aside,
        warnings=said,
        place_sources=data.place_sources,
        # what verify knows the shown files by: a page edited after the run,
        # or copied from another, is not the one these figures made
        outputs={name: files.sha256_hex(data) for name, data in shown.items()},
        inputs=[
            {"path": files.case_reference(path, out), "sha256": digest}
            | ({"absolute": a} if (a := files.case_fallback(path, out)) else {})
            for path, digest in data.digests
        ]
        or None,
    )
    files.write_all_atomic(
        {
            out / "estimate.json": files.json_bytes(record),
            out / "posterior.npz": files.posterior_bytes(est.grid, est.posterior),
            **{out / name: data for name, data in shown.items()},
        }
    )


_Item = TypeVar("_Item", bound=EvidenceItem)


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path``'s folder (POSIX; elsewhere, no lock).

    The folder, not the file: the file is replaced by a rename, so a lock on it
    would be on the old file. Two ``searched`` runs on one case then take turns
    instead of each writing back the text it read, losing the other's item.
    The lock is :func:`geosleuth.report.files.folder_exclusively`'s, which the
    atomic writes in that folder know of (they hold a shared one otherwise).
    """
    with files.folder_exclusively(path.resolve().parent):
        yield


def append_items(
    case_path: Path, build: Callable[[Case], Sequence[_Item]]
) -> list[_Item]:
    """Append items to a case file's evidence list, keeping the rest of the text.

    ``build`` gets the case as it is on disk (read under a lock on its folder, so
    concurrent appends queue) and returns the items to add, e.g. with ids not yet
    taken. The new text is validated by parsing the whole case before anything is
    written, and the file is replaced atomically: on any error the file is left as
    it was. Line endings (CRLF or LF) stay as the file has them. A case with no
    evidence yet (``evidence: []``) gets its list there, one item per ``- `` line.
    """
    import yaml

    with _locked(case_path):
        raw = case_path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CaseFileError(
                f"The case file {case_path} is not UTF-8 text (byte {exc.start}).",
                path=str(case_path),
            ) from None
        crlf = "\r\n" in text
        text = text.replace("\r\n", "\n")
        items = list(build(parse_case(text, source=str(case_path))))
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        seq, key = None, None
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if k.value == "evidence" and isinstance(v, yaml.SequenceNode):
                    seq, key = v, k
        if seq is None or key is None or (seq.flow_style and seq.value):
            raise CaseFileError(
                f"The case file {case_path} has no block list under 'evidence' to "
                "append to (write it with one item per '- ' line).",
                path=str(case_path),
            )
        if seq.value:
            indent = seq.value[0].start_mark.column - 2
        else:  # 'evidence: []', a case with none yet: the list starts here
            indent = key.start_mark.column + 2
        block = "".join(
            " " * indent + line + "\n" if line else "\n"
            for item in items
            for line in dump_item_yaml(item).rstrip("\n").split("\n")
        )
        if not seq.value:
            start, end = seq.start_mark.index, seq.end_mark.index
            eol = text.find("\n", end)
            eol = len(text) if eol < 0 else eol
            # 'evidence: []  # none yet' -> 'evidence:  # none yet', then the items
            new_text = (
                text[:start].rstrip(" \t") + text[end:eol] + "\n" + block
                + text[eol + 1 :]
            )  # fmt: skip
        else:
            lines = text.splitlines(keepends=True)
            end_line = seq.end_mark.line
            if seq.end_mark.column > 0:
                end_line += 1
            if lines and not lines[-1].endswith("\n"):
                lines[-1] += "\n"
            new_text = "".join(lines[:end_line]) + block + "".join(lines[end_line:])
        parse_case(new_text, source=str(case_path))
        if crlf:
            new_text = new_text.replace("\n", "\r\n")
        files.write_atomic(case_path, new_text.encode("utf-8"))
    return items


def search_vs_as_of(
    searches: Sequence[EvidenceItem], as_of: dt.date | None
) -> str | None:
    """How recorded ``searches`` stand to the case's ``as_of``, for a note.

    ``"after"`` when one is dated after it, or timed after its time of day on
    its day (an estimate leaves it out); ``"untimed"`` when the as-of has a
    time and a search of that day has none (an estimate counts it as made by
    then); None otherwise. The CLI and the service word the note each their way.

    Examples
    --------
    >>> from geosleuth.evidence import AsOf, Provenance, Searched
    >>> from geosleuth.geometry import Point
    >>> s = Searched(id="s", provenance=Provenance(document="log"),
    ...              date=dt.date(2024, 10, 13), area=Point(0.0, 0.0), buffer_km=1.0,
    ...              pd=0.5)
    >>> nine = AsOf(2024, 10, 13, dt.time(9, 0))
    >>> search_vs_as_of([s], nine), search_vs_as_of([s], dt.date(2024, 10, 13))
    ('untimed', None)
    >>> from dataclasses import replace
    >>> search_vs_as_of([replace(s, time=dt.time(10, 0))], nine)
    'after'
    """
    if as_of is None:
        return None
    if any(i.date > as_of or later_that_day(i, as_of) for i in searches):
        return "after"
    if time_of(as_of) is not None and any(
        i.time is None and i.date == as_of for i in searches
    ):
        return "untimed"
    return None


def search_item(
    item_id: str,
    *,
    day: dt.date,
    area: Geometry,
    pd: float,
    buffer_km: float,
    speaker: str,
    note: str = "",
    detail: str = "",
    time: dt.time | None = None,
) -> Searched:
    """A search that found nothing, as the analyst's own case-file item.

    ``note`` defaults to "Searched by <speaker>; nothing found."; ``detail`` is
    added after it (a plan's cells and their planned POD). ``time`` is the time
    of day of the search, if known (the case's one clock).

    Examples
    --------
    >>> from geosleuth.geometry import Point
    >>> it = search_item("s1", day=dt.date(2024, 10, 13), area=Point(-4.0, 53.1),
    ...                  pd=0.6, buffer_km=0.5, speaker="MRT 3")
    >>> it.note, it.provenance.document, it.provenance.speaker_role
    ('Searched by MRT 3; nothing found.', 'case file', 'searcher')
    """
    text = note or f"Searched by {speaker}; nothing found."
    return Searched(
        id=item_id,
        provenance=Provenance(
            document=OWN_DOCUMENT, speaker=speaker, speaker_role="searcher"
        ),
        date=day,
        time=time,
        area=area,
        pd=float(pd),
        buffer_km=buffer_km,
        note=f"{text} {detail}" if detail else text,
    )
