"""A case: :class:`Case`, and :func:`load_case` and :func:`parse_case` that build it.

:func:`parse_case` loads the YAML with its lines
(:mod:`~geosleuth.casefile._loader`), checks its text, its keys and the schema
(:mod:`~geosleuth.casefile._schema`), then builds the places and items
(:mod:`~geosleuth.casefile._items`), the settings, ``as_of`` and the grid
(:mod:`~geosleuth.casefile._region`) into a :class:`Case`.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from geosleuth._types import PathLike
from geosleuth.casefile._dates import _date
from geosleuth.casefile._items import _build_item, _build_places, _nfc, _Resolver
from geosleuth.casefile._loader import (
    _check_duplicate_keys,
    _kind_of,
    _line_of,
    _load_yaml,
    _Map,
    _plain,
    _too_deep,
)
from geosleuth.casefile._region import _grid_for
from geosleuth.casefile._schema import _validate_schema
from geosleuth.casefile._swaps import refuse_swapped, refuse_swapped_outliers
from geosleuth.casefile._text import _check_text
from geosleuth.errors import CaseFileError, InputError
from geosleuth.evidence import (
    DEFAULT_GRADES,
    Claim,
    EvidenceItem,
    Rings,
    Sighting,
    parse_as_of,
)
from geosleuth.fuse import NamedPlace, Settings
from geosleuth.geometry import Area, Point
from geosleuth.grid import Grid

__all__ = ["Case", "load_case", "parse_case"]


@dataclass(frozen=True, slots=True)
class Case:
    """A loaded case: the target, its evidence, and how to grid it.

    Built by :func:`load_case` / :func:`parse_case`; ``places`` are the places to
    rank (those of sightings and claims, and ``places:`` entries with ``rank:
    true``).

    ``grid`` covers the case's ``region:``; without one (``region_given`` False)
    it is drawn around the case's own items on its own day
    (:func:`evidence_bounds`), and :func:`geosleuth.locate.locate_case` draws it
    again around all the items it fuses, on the day of its estimate, with
    ``grid_cell_km`` and ``grid_max_cells``: the case's ``grid:`` as written
    (``cell_km`` None: the size that keeps within ``max_cells``).
    """

    target: str
    items: tuple[EvidenceItem, ...]
    grid: Grid
    settings: Settings
    as_of: dt.date | None
    title: str
    places: tuple[NamedPlace, ...]
    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    source: str | None = None
    region_given: bool = True
    grid_cell_km: float | None = None
    grid_max_cells: int = 250_000
    #: where the coordinates of each of the case's ``places:`` come from, as the
    #: case says ("OpenStreetMap (approximate)", "analyst's sketch ..."), by name
    place_sources: dict[str, str] = field(default_factory=dict)
    #: the names of the case's ``places:`` given as polygons (areas), in order:
    #: report.html lists those no item names
    place_areas: tuple[str, ...] = ()
    #: each of the case's ``places:``, in order, with its shape: ``"area"``,
    #: ``"line"``, ``"point"``, or ``"ranked"`` (a point with ``rank: true``,
    #: a candidate of the ranking): report.html lists those no used item names
    place_kinds: tuple[tuple[str, str], ...] = ()


def _as_of(doc: dict[str, Any], source: str) -> dt.date | None:
    """The case's ``as_of``: a day (its end), or an :class:`AsOf` with a time."""
    if "as_of" not in doc:
        return None
    line = _line_of(doc, ["as_of"])

    def day(value: Any, name: str) -> dt.date:
        return _date(value, name, source, line)

    try:
        return parse_as_of(str(doc["as_of"]), "as_of", day)
    except CaseFileError:
        raise
    except InputError as exc:
        raise CaseFileError(
            exc.message, path=source, line=line, field="as_of"
        ) from None


def load_case(
    path: PathLike, *, before_read: Callable[[Path], object] | None = None
) -> Case:
    """Read and validate a case file.

    Parameters
    ----------
    path : path-like
        The case file.
    before_read : callable, optional
        Called with the path of each file just before it is read: the case file,
        then each event set's ``csv:`` file (:func:`parse_case`), so that a
        caller can bind what it reads (:func:`geosleuth.locate.locate_case`
        takes each one's SHA-256 then).

    Raises
    ------
    CaseFileError
        If the file cannot be read, is not YAML, fails the schema, or an item is
        invalid; the error carries ``path``, ``line`` and ``field``.

    Examples
    --------
    >>> from importlib.resources import files
    >>> case = load_case(str(files("geosleuth") / "examples" / "missing-hiker.yaml"))
    >>> case.target, len(case.items), case.grid.cell_km
    ('missing walker (synthetic example)', 6, 0.1)
    >>> load_case("no/such/case.yaml")
    Traceback (most recent call last):
    ...
    geosleuth.errors.CaseFileError: Cannot read the case file no/such/case.yaml: ...
    """
    p = Path(os.fspath(path))
    if before_read is not None:
        before_read(p)
    try:
        text = p.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise CaseFileError(
            f"The case file {p} is not UTF-8 text.", path=str(p)
        ) from None
    except OSError as exc:
        raise CaseFileError(
            f"Cannot read the case file {p}: {exc.strerror}.", path=str(p)
        ) from None
    return parse_case(text, source=str(p), before_read=before_read)


def parse_case(
    text: str,
    *,
    source: str = "<case>",
    read_files: bool = True,
    before_read: Callable[[Path], object] | None = None,
) -> Case:
    r"""Parse case-file text (see :func:`load_case`).

    Parameters
    ----------
    text : str
        The case file's text (YAML).
    source : str, default "<case>"
        Its name in errors; an event set's ``csv:`` is read relative to its folder.
    read_files : bool, default True
        Whether an event set may read its events from the file named by ``csv:``.
        With False any ``csv:`` (written out, or brought in by a YAML merge key
        ``<<``) raises :class:`~geosleuth.errors.CaseFileError` with its line and
        field, and no file is opened or looked at: for text from someone who may
        not read the files of this machine, e.g. the web service.
    before_read : callable, optional
        Called with the path of each ``csv:`` file just before it is read, in the
        order of the items.

    Returns
    -------
    Case

    Raises
    ------
    CaseFileError
        If the text is not YAML, fails the schema, or an item is invalid; with
        ``path`` (``source``), ``line`` and ``field``. Also if its aliases add
        more than :data:`MAX_YAML_NODES` nodes to it, or it nests too deeply to read;
        if a string holds a character that is not text (a lone surrogate or a
        control character, written as an escape); or if a whole number has more
        digits than Python reads (:func:`sys.get_int_max_str_digits`, 4,300).

    Examples
    --------
    >>> case = parse_case('''
    ... target: a hiker
    ... region: {west: 7.0, south: 46.0, east: 7.4, north: 46.3}
    ... evidence:
    ...   - id: lkp
    ...     kind: sighting
    ...     date: 2024-08-01
    ...     place: {lon: 7.2, lat: 46.15}
    ...     sigma_km: 0.5
    ... ''')
    >>> case.target, len(case.items)
    ('a hiker', 1)
    >>> parse_case("target: x\nevidence: []\n")
    Traceback (most recent call last):
    ...
    geosleuth.errors.CaseFileError: The case <case> has no evidence items and no ...
    >>> len(parse_case("target: x\nregion: {west: 7, south: 46, east: 7.4, "
    ...                "north: 46.3}\nevidence: []\n").items)
    0
    >>> parse_case('target: "two \\ud800 walkers"\nevidence: []\n')
    Traceback (most recent call last):
    ...
    geosleuth.errors.CaseFileError: The field target (<case>, line 1) holds a ...
    >>> parse_case("target: x\nevidence:\n  - {id: e, kind: event_set, "
    ...            "date: 2024-01-01, csv: /etc/passwd}\n", read_files=False)
    Traceback (most recent call last):
    ...
    geosleuth.errors.CaseFileError: The 'csv' of event_set 'e' (<case>, line 3) ...
    """
    try:
        doc = _load_yaml(text, source)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark is not None else None
        raise CaseFileError(
            f"The case file {source} is not valid YAML: {exc.problem}.",
            path=source,
            line=line,
        ) from None
    except yaml.YAMLError as exc:
        raise CaseFileError(
            f"The case file {source} is not valid YAML: {exc}.", path=source
        ) from None
    if not isinstance(doc, _Map):
        raise CaseFileError(
            f"The case file {source} must be a mapping with 'target' and 'evidence'. "
            + ("It is empty." if doc is None else f"Got {_kind_of(doc)} instead."),
            path=source,
            line=1,
        )
    try:
        _check_text(doc, source)
        _check_duplicate_keys(doc, source)
        _validate_schema(doc, source)
        return _build_case(doc, source, read_files=read_files, before_read=before_read)
    except RecursionError:  # nested just shallow enough to load
        raise _too_deep(source) from None


def _build_case(
    doc: _Map,
    source: str,
    *,
    read_files: bool = True,
    before_read: Callable[[Path], object] | None = None,
) -> Case:
    # no evidence yet is a case with a region (the schema says so): one to
    # record searches in; an estimate of it is refused (geosleuth.locate)
    evidence = doc.get("evidence") or []
    places, ranked = _build_places(doc, source)
    resolve = _Resolver(places, source)
    docs = {str(k): _plain(v) for k, v in (doc.get("documents") or {}).items()}
    items: list[EvidenceItem] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(evidence):
        item = _build_item(
            raw,
            i,
            doc,
            docs,
            resolve,
            source,
            read_files=read_files,
            before_read=before_read,
        )
        if item.id in seen:
            raise CaseFileError(
                f"The id {item.id!r} is used twice (evidence[{seen[item.id]}] and "
                f"evidence[{i}]); ids must be unique.",
                path=source,
                line=_line_of(doc, ["evidence", i, "id"]),
                field=f"evidence[{i}].id",
            )
        seen[item.id] = i
        items.append(item)
    try:
        given = _plain(doc.get("settings") or {})
        if "grades" in given:  # the entries given, over the default table
            given["grades"] = DEFAULT_GRADES.overridden(given["grades"])
        settings = Settings(**given)
    except InputError as exc:
        setting = (exc.field or "").removeprefix("settings.")  # its own line
        raise CaseFileError(
            exc.message,
            path=source,
            line=_line_of(doc, ["settings", setting]),
            field=exc.field,
        ) from None
    as_of = _as_of(doc, source)
    # lon and lat swapped in a place or the region (review r50, H1); without a
    # region, before one is drawn around such a place
    refuse_swapped_outliers(doc, items, places, source, settings=settings, as_of=as_of)
    grid = _grid_for(doc, items, source, settings=settings, as_of=as_of)
    refuse_swapped(doc, items, places, grid, source, settings=settings, as_of=as_of)
    spec = doc.get("grid") or {}
    cell_km, max_cells = spec.get("cell_km"), int(spec.get("max_cells", 250_000))
    named = list(ranked)
    known = {p.name for p in named}
    for item in items:
        if not isinstance(item, (Sighting, Claim, Rings)):
            continue  # fronts and searches name reference points, not candidates
        name = item.place_name
        geom = item.place
        if name and name not in known and isinstance(geom, Point):
            named.append(NamedPlace(name, geom.lon, geom.lat))
            known.add(name)
    return Case(
        target=str(doc["target"]),
        items=tuple(items),
        grid=grid,
        settings=settings,
        as_of=as_of,
        title=str(doc.get("title", doc["target"])),
        places=tuple(named),
        documents=docs,
        source=source,
        region_given="region" in doc,
        grid_cell_km=None if cell_km is None else float(cell_km),
        grid_max_cells=max_cells,
        place_sources={
            _nfc(str(name)): " ".join(str(spec["source"]).split())
            for name, spec in (doc.get("places") or {}).items()
            if isinstance(spec, dict) and str(spec.get("source") or "").strip()
        },
        place_areas=tuple(k for k, g in places.items() if isinstance(g, Area)),
        place_kinds=tuple(
            (k, "ranked" if k in {p.name for p in ranked} else g.kind)
            for k, g in places.items()
        ),
    )
