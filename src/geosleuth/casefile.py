"""Case files: YAML an analyst writes, validated against a published JSON Schema.

A case file names the target, the study region, the documents, local places and the
evidence items; :func:`load_case` turns it into a :class:`Case` whose items are the
same :mod:`geosleuth.evidence` objects every other path produces. Errors name the
file, the line and the field: "The 'sigma_km' of sighting 's3' (case.yaml, line 41)
must be a positive number. Got -2 instead."

Places in an item (``place:``, ``area:``) are resolved in this order: an inline
GeoJSON geometry or ``{lon, lat}``; a name from the case's ``places:`` section; a name
from the offline gazetteer (:mod:`geosleuth.gazetteer`), matched exactly (any of its
GeoNames spellings, with or without the article); near misses are offered as
suggestions in the error, never taken silently.

The schema is :data:`CASE_SCHEMA` (also ``geosleuth schema``).
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import os
import re
import sys
import unicodedata
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from geosleuth._case_schema import _DATE, _GRADE, CASE_SCHEMA
from geosleuth._types import PathLike
from geosleuth.dependence import OWN_DOCUMENT
from geosleuth.errors import (
    CaseFileError,
    EvidenceWarning,
    GazetteerError,
    GeosleuthError,
    InputError,
)
from geosleuth.evidence import (
    KINDS,
    Claim,
    EvidenceItem,
    Grade,
    Provenance,
    Searched,
    Sighting,
)
from geosleuth.fuse import NamedPlace, Settings
from geosleuth.geometry import Area, Geometry, Line, Point, from_geojson
from geosleuth.grid import Grid, lon_extent, unwrap_bounds

__all__ = [
    "CASE_SCHEMA",
    "MAX_DAYS_AHEAD",
    "far_ahead",
    "MAX_YAML_NODES",
    "Case",
    "clean_text",
    "dump_item_yaml",
    "evidence_bounds",
    "free_search_id",
    "load_case",
    "parse_case",
]


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")


def clean_text(value: str, flag: str) -> str:
    r"""``value`` of a text option, stripped; refused if it can't be stored as text.

    A shell passes bytes that are not UTF-8 as lone surrogates, and control
    characters cannot go into YAML, XML or a report; either would be written into
    a case file or field file that then no longer loads.

    Raises
    ------
    InputError
        Naming ``flag``, if ``value`` holds such a character.

    Examples
    --------
    >>> clean_text("  MRT Team 3 ", "--team")
    'MRT Team 3'
    >>> clean_text("bad\udcffbyte", "--note")
    Traceback (most recent call last):
    ...
    geosleuth.errors.InputError: --note holds a character that is not text ...
    """
    bad = _CONTROL.search(value)
    if bad is not None:
        raise InputError(
            f"{flag} holds a character that is not text (U+{ord(bad.group()):04X} at "
            f"position {bad.start() + 1}: a control character, or bytes that are not "
            "UTF-8). Give plain UTF-8 text.",
            field=flag,
        )
    return value.strip()


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


# ----------------------------------------------------------------- YAML with lines
class _Map(dict[str, Any]):
    """A mapping that remembers the line of itself and of each key.

    ``duplicates`` lists the keys written twice: ``(key, first line, second line)``.
    """

    line: int = 0
    key_lines: dict[str, int]
    duplicates: list[tuple[str, int, int]]


class _List(list[Any]):
    line: int = 0
    item_lines: list[int]


class _LineLoader(yaml.SafeLoader):
    pass


def _construct_map(loader: _LineLoader, node: yaml.MappingNode) -> _Map:
    m = _Map()
    m.line = node.start_mark.line + 1
    m.key_lines = {}
    m.duplicates = []
    # Keys written in this mapping; those merged in with '<<' may be overridden.
    own = {id(k) for k, _ in node.value if k.tag != "tag:yaml.org,2002:merge"}
    from_own: set[str] = set()
    loader.flatten_mapping(node)
    for k_node, v_node in node.value:
        key = str(loader.construct_object(k_node, deep=True))
        line = k_node.start_mark.line + 1
        if id(k_node) in own:
            if key in from_own:
                m.duplicates.append((key, m.key_lines[key], line))
            from_own.add(key)
        m[key] = loader.construct_object(v_node, deep=True)
        m.key_lines[key] = line
    return m


def _check_duplicate_keys(doc: Any, source: str) -> None:
    """Refuse a key written twice in one mapping (YAML would keep only the last)."""
    found: list[tuple[int, int, str, list[Any]]] = []
    seen: set[int] = set()

    def walk(node: Any, path: list[Any]) -> None:
        if id(node) in seen:  # an alias of a node already walked
            return
        seen.add(id(node))
        if isinstance(node, _Map):
            for key, first, second in getattr(node, "duplicates", ()):
                found.append((second, first, key, path))
            for key, value in node.items():
                walk(value, [*path, key])
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, [*path, i])

    walk(doc, [])
    if not found:
        return
    second, first, key, path = min(found, key=lambda f: f[0])
    owner = f"of {_path_str(path)} " if path else "at the top level "
    lines = f"line {first}" if first == second else f"lines {first} and {second}"
    raise CaseFileError(
        f"The key {key!r} {owner}is written twice ({source}, {lines}); YAML would "
        "silently keep only the last value. Remove or rename one of them.",
        path=source,
        line=second,
        field=_path_str([*path, key]),
    )


def _construct_seq(loader: _LineLoader, node: yaml.SequenceNode) -> _List:
    lst = _List(loader.construct_object(n, deep=True) for n in node.value)
    lst.line = node.start_mark.line + 1
    lst.item_lines = [n.start_mark.line + 1 for n in node.value]
    return lst


def _construct_str_date(loader: _LineLoader, node: yaml.ScalarNode) -> str:
    # Keep dates as strings so the schema and our own parser report them uniformly.
    return str(loader.construct_scalar(node))


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _construct_map,
)
_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
    _construct_seq,
)
_LineLoader.add_constructor(
    "tag:yaml.org,2002:timestamp",
    _construct_str_date,
)
# PyYAML follows YAML 1.1, where a float needs a dot and a signed exponent:
# "5e-1", "1E3" and "-.5" would stay strings and fail the schema as "not of type
# 'number'". YAML 1.2 (and JSON, and Python's repr) write them so; read them as
# floats. Only forms YAML 1.1 leaves as strings are added: an int stays an int.
# Where the schema wants text (an id, a name), a number keeps the text it was
# written as: see _keep_text.
_LineLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]\.[0-9]+)$"
    ),
    list("-+.0123456789"),
)

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_NUMBERS = frozenset({"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"})
_MERGE = "tag:yaml.org,2002:merge"


def _wants_text(schema: dict[str, Any]) -> bool:
    """Whether ``schema`` takes a string where it could not take a number."""
    kinds: set[str] = set()
    for part in [schema, *schema.get("anyOf", ()), *schema.get("oneOf", ())]:
        declared = part.get("type", ())
        kinds.update([declared] if isinstance(declared, str) else declared)
    return "string" in kinds and not kinds & {"number", "integer"}


def _keep_text(
    node: yaml.Node, schema: dict[str, Any], seen: set[tuple[int, int]]
) -> None:
    """Tag as text each number of ``node`` where ``schema`` wants text, and each key.

    Numbers follow YAML 1.2 (``sigma_km: 5e-1`` is 0.5), so the plain text of an
    id, a name or a document key may read as a number: ``id: 1e5`` as 100000.0,
    ``id: 123e4567`` as inf, ``id: 1.10`` as 1.1 (YAML 1.1 too). Going back to YAML
    1.1 floats would leave ``1.10`` a number, and the README's ``5e-1`` a string
    that a number field refuses. Instead the schema, which says what each field
    is, decides: where it wants a string, a number is the text as written
    (``'1e5'``, ``'1.10'``); everywhere else a number is a number. Mapping keys
    are names (JSON keys are strings), so a key is always its text: a document
    called ``1e5:`` is the one an item's ``document: 1e5`` names.

    A node used through several aliases is tagged once for all its uses.
    """
    if (id(node), id(schema)) in seen:
        return
    seen.add((id(node), id(schema)))
    if isinstance(node, yaml.ScalarNode):
        if node.tag in _NUMBERS and _wants_text(schema):
            node.tag = _STR
        return
    for part in [schema, *schema.get("anyOf", ()), *schema.get("oneOf", ())]:
        if isinstance(node, yaml.SequenceNode) and isinstance(part.get("items"), dict):
            for value in node.value:
                _keep_text(value, part["items"], seen)
        if not isinstance(node, yaml.MappingNode):
            continue
        known, extra = part.get("properties", {}), part.get("additionalProperties")
        for key, value in node.value:
            if key.tag == _MERGE:  # '<<: *base' or '<<: [*a, *b]': keys of this one
                merged = (
                    value.value if isinstance(value, yaml.SequenceNode) else [value]
                )
                for one in merged:
                    _keep_text(one, part, seen)
                continue
            if isinstance(key, yaml.ScalarNode) and key.tag in _NUMBERS:
                key.tag = _STR
            sub = known.get(key.value) if isinstance(key, yaml.ScalarNode) else None
            sub = sub if sub is not None else extra
            if isinstance(sub, dict):
                _keep_text(value, sub, seen)


#: Nodes that a case file's aliases may add to it as loaded (each use of an alias
#: counts the nodes it stands for; the file's own nodes are not counted).
MAX_YAML_NODES = 200_000


def _node_counts(root: yaml.Node) -> tuple[int | None, int]:
    """Nodes of a composed YAML document: ``(as loaded, as written)``.

    As loaded, an alias counts its subtree each time it is used; as written, each
    node counts once. A node that holds itself (``&a [*a]``) expands without end:
    as loaded is then None.
    """
    sizes: dict[int, int] = {}
    open_: set[int] = set()  # begun, not finished: the path from the root
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if id(node) in sizes:
            continue
        if not done:
            if id(node) in open_:  # '&a [*a]': a node inside itself, no end
                return None, len(sizes)
            open_.add(id(node))
        if isinstance(node, yaml.MappingNode):
            kids = [n for pair in node.value for n in pair]
        elif isinstance(node, yaml.SequenceNode):
            kids = list(node.value)
        else:
            kids = []
        if done:
            sizes[id(node)] = 1 + sum(sizes.get(id(k), 0) for k in kids)
            open_.discard(id(node))
        else:
            stack.append((node, True))
            stack.extend((k, False) for k in kids if id(k) not in sizes)
    return sizes.get(id(root), 0), len(sizes)


def _load_yaml(text: str, source: str) -> Any:
    """The document in ``text``, loaded with lines; refused if aliases blow it up.

    The document is composed first and its nodes counted, as loaded (an alias
    counts its subtree each time it is used) and as written: if the aliases add
    more than :data:`MAX_YAML_NODES` (a "billion laughs" of nested aliases, or an
    alias inside itself) it is refused before anything is built, instead of
    taking minutes and gigabytes. A large file written out plainly is no threat:
    it costs what its size does. Numbers where the schema wants text are then
    read as the text written (see :func:`_keep_text`).
    """
    loader = _LineLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None
        loaded, written = _node_counts(root)
        if loaded is None or loaded - written > MAX_YAML_NODES:
            raise CaseFileError(
                f"The case file {source} expands to more than {MAX_YAML_NODES:,} "
                "YAML nodes (through aliases); write it out plainly.",
                path=source,
                line=1,
            )
        _keep_text(root, CASE_SCHEMA, set())
        _check_ints(loader, root, source)
        return loader.construct_document(root)
    except RecursionError:  # '[[[[...' nested thousands deep
        raise _too_deep(source) from None
    finally:
        loader.dispose()


def _node_paths(root: yaml.Node) -> Iterator[tuple[yaml.Node, list[Any]]]:
    """Each node of a composed document once, with its path (keys as written)."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, list[Any]]] = [(root, [])]
    while stack:
        node, path = stack.pop()
        if id(node) in seen:  # an alias of a node already walked
            continue
        seen.add(id(node))
        yield node, path
        if isinstance(node, yaml.MappingNode):
            for key, value in reversed(node.value):
                name = key.value if isinstance(key, yaml.ScalarNode) else "?"
                stack.append((value, [*path, name]))
                stack.append((key, [*path, name]))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(
                (v, [*path, i]) for i, v in reversed(list(enumerate(node.value)))
            )


def _check_ints(loader: _LineLoader, root: yaml.Node, source: str) -> None:
    """Refuse a whole number Python will not read (more than 4,300 digits).

    PyYAML reads ``hazard_per_year: 999...9`` with ``int()``, which raises a
    ``ValueError`` past :func:`sys.get_int_max_str_digits` digits; that would
    surface as a traceback, not as an error naming the line and field.
    """
    for node, path in _node_paths(root):
        if not (isinstance(node, yaml.ScalarNode) and node.tag == _INT):
            continue
        try:
            loader.construct_yaml_int(node)
        except ValueError:
            limit = sys.get_int_max_str_digits()
            digits = sum(c.isdigit() for c in str(node.value))
            where = _path_str(path)
            line = node.start_mark.line + 1
            raise CaseFileError(
                f"The field {where} ({source}, line {line}) must be a number of at "
                f"most {limit:,} digits. Got a whole number of {digits:,} digits "
                "instead.",
                path=source,
                line=line,
                field=where,
            ) from None


def _check_text(doc: _Map, source: str) -> None:
    r"""Refuse a string (a value or a key) that holds a character that is not text.

    A double-quoted YAML string may write any code point as an escape: a lone
    surrogate (``"\ud800"``) cannot be written as UTF-8, so the case's
    estimate.json, report or service record could never be written; a control
    character (``"\x07"``) breaks the XML of field files. The characters are
    those :func:`clean_text` refuses in options; tab and line breaks are text.
    """
    found: list[tuple[int, str, str, int]] = []
    seen: set[int] = set()
    stack: list[tuple[Any, list[Any]]] = [(doc, [])]
    while stack:
        node, path = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        strings: list[tuple[str, list[Any], int | None]] = []
        if isinstance(node, dict):
            lines = getattr(node, "key_lines", {})
            for key, value in node.items():
                strings.append((str(key), [*path, key], lines.get(str(key))))
                if isinstance(value, str):
                    strings.append((value, [*path, key], None))
                elif isinstance(value, (dict, list)):
                    stack.append((value, [*path, key]))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                if isinstance(value, str):
                    strings.append((value, [*path, i], None))
                elif isinstance(value, (dict, list)):
                    stack.append((value, [*path, i]))
        for text, at, line in strings:
            bad = _CONTROL.search(text)
            if bad is not None:
                line = line or _line_of(doc, at) or 0
                found.append((line, _path_str(at), bad.group(), bad.start()))
    if not found:
        return
    line, where, char, pos = min(found)
    what = (
        "a lone surrogate, which UTF-8 text cannot hold"
        if "\ud800" <= char <= "\udfff"
        else "a control character"
    )
    raise CaseFileError(
        f"The field {where} ({source}, line {line}) holds a character that is not "
        f"text: U+{ord(char):04X} at position {pos + 1}, {what} (written as an "
        "escape in a double-quoted string). Remove it, or write the character "
        "meant as plain UTF-8 text.",
        path=source,
        line=line,
        field=where,
    )


def _too_deep(source: str) -> CaseFileError:
    return CaseFileError(
        f"The case file {source} nests too deeply to be read; write it out plainly.",
        path=source,
        line=1,
    )


def _line_of(doc: Any, path: list[Any]) -> int | None:
    """Best line for a JSON path into the loaded document."""
    node = doc
    line = getattr(doc, "line", None)
    for part in path:
        if isinstance(node, _Map) and part in node:
            line = node.key_lines.get(str(part), line)
            node = node[part]
        elif isinstance(node, _List) and isinstance(part, int) and part < len(node):
            line = node.item_lines[part]
            node = node[part]
        else:
            break
    return line


def _path_str(path: list[Any]) -> str:
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "(top level)"


# ----------------------------------------------------------------------- parsing
def load_case(path: PathLike) -> Case:
    """Read and validate a case file.

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
    return parse_case(text, source=str(p))


def parse_case(text: str, *, source: str = "<case>", read_files: bool = True) -> Case:
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
        return _build_case(doc, source, read_files=read_files)
    except RecursionError:  # nested just shallow enough to load
        raise _too_deep(source) from None


def _kind_of(value: Any) -> str:
    """What a YAML value is, in words: "a list", "a string", "a number" ...

    Examples
    --------
    >>> _kind_of(_List()), _kind_of("x"), _kind_of(3), _kind_of(2.5), _kind_of(True)
    ('a list', 'a string', 'a number', 'a number', 'true or false')
    """
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (dt.date, dt.datetime)):
        return "a date"
    return "a value of another kind"


#: The messages of the schema's rules across fields, by (validator, the end of
#: its schema path): the field the error is about, and the text.
_RULES: dict[tuple[str, tuple[str, ...]], tuple[str, str]] = {
    ("required", ("then", "required")): (
        "evidence",
        "The case {source} has no evidence items and no 'region': nothing tells "
        "where to search. Add a 'region' (west, south, east, north; e.g. to "
        "record the first search with 'geosleuth searched'), or at least one "
        "item under 'evidence'.",
    ),
    ("not", ("items", "not")): (
        "events",
        "The {item} ({source}, line {line}) gives its events both inline "
        "('events') and from a file ('csv'): give them one way, not both.",
    ),
    ("dependentRequired", ("items", "dependentRequired")): (
        "weight_column",
        "The 'weight_column' of {item} ({source}, line {line}) names a column of "
        "its 'csv' file, and it has none: inline events carry no weights. Give "
        "the events as a CSV file with that column, or remove 'weight_column'.",
    ),
}


def _validate_schema(doc: _Map, source: str) -> None:
    import jsonschema

    validator = jsonschema.Draft202012Validator(CASE_SCHEMA)
    errors = sorted(
        validator.iter_errors(_plain(doc)),
        key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))),
    )
    if not errors:
        return
    err = errors[0]
    path = list(err.absolute_path)
    where = _path_str(path)
    line = _line_of(doc, path)
    rule = _RULES.get((err.validator, tuple(err.relative_schema_path)[-2:]))
    if rule is not None:
        field, text = rule
        raw = err.instance if isinstance(err.instance, dict) else {}
        name = raw.get("id")
        label = f"{raw.get('kind', 'item')} {name!r}" if name else where
        msg = text.format(
            item=label, where=where, source=source, line=_line_of(doc, [*path, field])
        )
        raise CaseFileError(
            msg,
            path=source,
            line=_line_of(doc, [*path, field]),
            field=f"{where}.{field}" if path else field,
        )
    if err.validator == "additionalProperties":
        msg = f"The field {where} has an unknown key: {err.message}."
    elif err.validator == "required":
        msg = f"The field {where} is missing a required key: {err.message}."
    elif err.validator == "pattern" and err.validator_value == _DATE["pattern"]:
        msg = (
            f"The field {where} must be a date written YYYY-MM-DD. Got "
            f"{err.instance!r} instead."
        )
    elif err.validator == "pattern" and err.validator_value == _GRADE["pattern"]:
        msg = (
            f"The field {where} must be a grade, a letter A-F (the source's "
            f"reliability) and a digit 1-6 (the information's credibility), such "
            f"as 'B2'. Got {err.instance!r} instead."
        )
    else:
        msg = f"The field {where} is invalid: {err.message}."
    # the file and line are the error's location (the CLI adds "(case.yaml:4)")
    raise CaseFileError(msg, path=source, line=line, field=where)


def _plain(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {str(k): _plain(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_plain(v) for v in obj]
    return obj


def _date(value: Any, where: str, source: str, line: int | None) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise CaseFileError(
            f"The field {where} must be a date written YYYY-MM-DD. Got {value!r} "
            "instead.",
            path=source,
            line=line,
            field=where,
        ) from None


#: How many days after today an evidence date (an item's ``date``, ``date_from``,
#: a document's ``published``) may be before it is refused as a typo.
#:
#: Evidence is something reported, so it cannot be published, nor (bar a plan
#: written down ahead) dated, long after today. A few days or months ahead may
#: be on purpose (a search scheduled and entered early, a clock in another time
#: zone): those are taken, and ``geosleuth locate`` warns. A year or more ahead
#: is taken for what it almost always is, a mistyped year (2204 for 2024), and
#: refused: taken, it would move the estimate's as_of (the newest evidence)
#: centuries on and age every other item to nothing, with no sign in the output.
#: A case's ``as_of`` is exempt: estimating ahead of today is a choice.
MAX_DAYS_AHEAD = 366


def far_ahead(day: dt.date, *, today: dt.date | None = None) -> str | None:
    """``day`` in words if it is more than :data:`MAX_DAYS_AHEAD` days after today.

    The one test of a date too far ahead to be evidence, for case files, read
    output, ``--published`` and the dates a document gives; each caller says
    what the date is and what follows.

    Examples
    --------
    >>> far_ahead(dt.date(2030, 1, 1), today=dt.date(2024, 1, 1))
    '2030-01-01, more than a year after today (2024-01-01)'
    >>> far_ahead(dt.date(2024, 6, 1), today=dt.date(2024, 1, 1)) is None
    True
    """
    today = today or dt.date.today()
    if (day - today).days <= MAX_DAYS_AHEAD:
        return None
    return f"{day.isoformat()}, more than a year after today ({today.isoformat()})"


#: Years before its document (or today) past which an item's date is taken for a
#: typo and warned of ("0024-03-01" for "2024-03-01"), though it is used.
YEARS_BEHIND_WARNED = 100


def _warn_far_behind(
    day: dt.date, published: dt.date | None, where: str, at: str
) -> None:
    """Warn when ``day`` lies more than a century before its document (or today)."""
    ref, what = (
        (published, f"its document (published {published.isoformat()})")
        if published is not None
        else (dt.date.today(), f"today ({dt.date.today().isoformat()})")
    )
    if (ref - day).days > 365.25 * YEARS_BEHIND_WARNED:
        warnings.warn(
            f"The field {where} ({at}) is {day.isoformat()}, more than "
            f"{YEARS_BEHIND_WARNED} years before {what}: check the year. It is "
            "used as written.",
            EvidenceWarning,
            stacklevel=4,
        )


def _evidence_date(value: Any, where: str, source: str, line: int | None) -> dt.date:
    """:func:`_date`, refused more than :data:`MAX_DAYS_AHEAD` days after today."""
    day = _date(value, where, source, line)
    ahead = far_ahead(day)
    if ahead is not None:
        raise CaseFileError(
            f"The field {where} is {ahead}: evidence cannot be dated so far ahead. "
            "Check the year.",
            path=source,
            line=line,
            field=where,
        )
    return day


class _Resolver:
    def __init__(self, places: dict[str, Geometry], source: str) -> None:
        self.places = places
        self.source = source
        self._gaz: Any = None

    def __call__(
        self, ref: Any, where: str, line: int | None
    ) -> tuple[Geometry, str | None]:
        if isinstance(ref, dict) and "type" in ref:
            return from_geojson(_plain(ref), what=where), None
        if isinstance(ref, dict):
            return Point(ref["lon"], ref["lat"]), None
        name = _nfc(str(ref))
        if name in self.places:
            return self.places[name], name
        lowered = {k.lower(): k for k in self.places}
        if name.lower() in lowered:
            key = lowered[name.lower()]
            return self.places[key], key
        try:
            if self._gaz is None:
                from geosleuth.gazetteer import Gazetteer

                self._gaz = Gazetteer.default()
            if not self._gaz.knows(name):
                # a case file names places exactly; fuzzy matches are suggestions
                hints = self._gaz.suggest(name)
                hint = f" Did you mean {', '.join(map(repr, hints))}?" if hints else ""
                raise GazetteerError(
                    f"No place is called exactly {name!r} in the gazetteer.{hint} "
                    "Or give its coordinates under 'places'."
                )
            place = self._gaz.resolve(name)
        except GeosleuthError as exc:
            raise CaseFileError(
                f"The place {name!r} in {where} is not in the case's 'places' nor in "
                f"the gazetteer: {exc.message}",
                path=self.source,
                line=line,
                field=where,
            ) from None
        except ImportError:
            raise CaseFileError(
                f"The place {name!r} in {where} is not in the case's 'places', and the "
                "gazetteer is not available; give its coordinates under 'places'.",
                path=self.source,
                line=line,
                field=where,
            ) from None
        return place.geometry, str(place.name)


def _nfc(name: str) -> str:
    """A place name in Unicode NFC, so composed and decomposed spellings match."""
    return unicodedata.normalize("NFC", name)


def _build_places(
    doc: _Map, source: str
) -> tuple[dict[str, Geometry], list[NamedPlace]]:
    out: dict[str, Geometry] = {}
    spelled: dict[str, str] = {}
    ranked: list[NamedPlace] = []
    raw = doc.get("places") or {}
    for name, spec in raw.items():
        where = f"places.{name}"
        line = _line_of(doc, ["places", name])
        key = _nfc(str(name))
        if key in spelled:
            raise CaseFileError(
                f"The places {spelled[key]!r} and {name!r} ({source}, line {line}) "
                "are the same name written with different Unicode characters "
                "(composed and decomposed accents); keep one of them.",
                path=source,
                line=line,
                field=where,
            )
        spelled[key] = str(name)
        shape = next((k for k in ("geometry", "line", "polygon") if k in spec), None)
        try:
            geom: Geometry
            if shape == "geometry":
                geom = from_geojson(_plain(spec["geometry"]), what=where)
            elif shape == "line":
                geom = Line.of(_plain(spec["line"]))
            elif shape == "polygon":
                geom = Area.of(_plain(spec["polygon"]))
            elif "lon" in spec and "lat" in spec:
                geom = Point(spec["lon"], spec["lat"])
            else:
                raise InputError(
                    "It needs lon and lat, a line, a polygon or a GeoJSON geometry."
                )
        except InputError as exc:
            at = _line_of(doc, ["places", name, shape]) if shape else line
            raise CaseFileError(
                f"The place {name!r} ({source}, line {at}) is invalid: {exc.message}",
                path=source,
                line=at,
                field=f"{where}.{shape}" if shape else where,
            ) from None
        out[key] = geom
        if isinstance(geom, Point) and spec.get("rank", False):
            ranked.append(NamedPlace(key, geom.lon, geom.lat))
    return out, ranked


_ITEM_FIELDS: dict[str, tuple[str, ...]] = {
    "sighting": (
        "sigma_km",
        "subject",
        "who",
        "closeness",
        "associate_sigma_km",
        "group",
        "weight",
    ),
    "claim": ("buffer_km", "sigma_km", "polarity"),
    "territory": ("group_name", "tie", "sigma_km"),
    "front": ("force", "distance_km", "bearing_deg", "width_km", "sigma_km"),
    "searched": ("pd", "buffer_km"),
    "life_status": ("status",),
    "event_set": ("method", "sigma_km"),
}
_GEOM_FIELD = {
    "sighting": "place",
    "claim": "place",
    "front": "place",
    "territory": "area",
    "searched": "area",
}


def _build_item(
    raw: _Map,
    i: int,
    doc: _Map,
    docs: dict[str, Any],
    resolve: _Resolver,
    source: str,
    *,
    read_files: bool = True,
) -> EvidenceItem:
    base = ["evidence", i]
    kind = str(raw["kind"])
    item_id = str(raw["id"])
    label = f"{kind} {item_id!r}"

    def line_for(key: str | None = None) -> int | None:
        return _line_of(doc, [*base, key] if key else base)

    def where(key: str) -> str:
        return f"evidence[{i}].{key}"

    if not read_files and "csv" in raw:  # after '<<' merges: the mapping as loaded
        raise CaseFileError(
            f"The 'csv' of {label} ({source}, line {line_for('csv')}) names a file, "
            "and files named in a case file are not read here: give the events "
            "inline under 'events:' instead.",
            path=source,
            line=line_for("csv"),
            field=where("csv"),
        )
    doc_key = str(raw.get("document", "")) or OWN_DOCUMENT
    meta = docs.get(doc_key, {}) if docs else {}
    # The schema calls 'document' a "Key into 'documents'": declared, with or
    # without a 'documents' section. A name no section lists would stand in the
    # item's provenance for a document the case knows nothing of.
    if "document" in raw and doc_key not in docs:
        named = str(raw["document"])
        listed = (
            f"which is not listed under 'documents' (known: {sorted(docs)})."
            if docs
            else "but the case lists no 'documents'. Add it under 'documents' "
            f"({named or 'its key'}: {{title: ..., published: YYYY-MM-DD}}), or "
            "remove the item's 'document'."
        )
        raise CaseFileError(
            f"The 'document' of {label} is {named!r}, {listed}",
            path=source,
            line=line_for("document"),
            field=where("document"),
        )
    published = (
        _evidence_date(
            meta["published"],
            f"documents.{doc_key}.published",
            source,
            _line_of(doc, ["documents", doc_key, "published"]),
        )
        if meta.get("published")
        else None
    )
    kwargs: dict[str, Any] = {
        "id": item_id,
        "date": _evidence_date(raw["date"], where("date"), source, line_for("date")),
        "hedge": raw.get("hedge", "certain"),
        "note": str(raw.get("note", "")),
    }
    if "date_from" in raw:
        kwargs["date_from"] = _evidence_date(
            raw["date_from"], where("date_from"), source, line_for("date_from")
        )
    for key in ("date", "date_from"):
        if key in kwargs:
            _warn_far_behind(
                kwargs[key], published, where(key), f"{source}, line {line_for(key)}"
            )
    try:
        if "grade" in raw:
            kwargs["grade"] = Grade.parse(str(raw["grade"]))
        span = raw.get("span")
        kwargs["provenance"] = Provenance(
            document=str(meta.get("title", doc_key)) if meta else doc_key,
            quote=str(raw.get("quote", "")),
            span=(int(span[0]), int(span[1])) if span else None,
            speaker=raw.get("speaker"),
            speaker_role=raw.get("speaker_role"),
            reporting_chain=tuple(raw.get("reporting_chain", ())),
            published=published,
            url=meta.get("url"),
        )
        for key in _ITEM_FIELDS[kind]:
            if key in raw:
                kwargs[key] = raw[key]
        gkey = _GEOM_FIELD.get(kind)
        if gkey is not None:
            if gkey not in raw:
                raise CaseFileError(
                    f"A {kind} needs {gkey!r} (a place name, {{lon, lat}} or a GeoJSON "
                    f"geometry); {label} has none.",
                    path=source,
                    line=line_for(),
                    field=where(gkey),
                )
            try:
                geom, name = resolve(raw[gkey], where(gkey), line_for(gkey))
            except CaseFileError:
                raise
            except InputError as exc:
                raise CaseFileError(
                    f"The {gkey!r} of {label} ({source}, line {line_for(gkey)}) is not "
                    f"a valid place: {exc.message}",
                    path=source,
                    line=line_for(gkey),
                    field=where(gkey),
                ) from None
            kwargs[gkey] = geom
            kwargs["place_name"] = name
            if kind == "front" and not isinstance(geom, Point):
                raise CaseFileError(
                    f"The place of front {item_id!r} must be a point.",
                    path=source,
                    line=line_for(gkey),
                    field=where(gkey),
                )
        if kind == "event_set":
            _event_arrays(
                raw, kwargs, source=source, line=line_for("csv"), where=where("csv")
            )
        if kind == "territory" and "group_name" not in kwargs:
            kwargs["group_name"] = str(raw.get("group", "")) or "unnamed group"
        return KINDS[kind](**kwargs)  # type: ignore[no-any-return]
    except CaseFileError:
        raise
    except InputError as exc:
        key = exc.field or ""
        msg = exc.message.replace(
            f"of {label}",
            f"of {label} ({source}, line {line_for(key if key in raw else None)})",
        )
        raise CaseFileError(
            msg,
            path=source,
            line=line_for(key if key in raw else None),
            field=where(key) if key else f"evidence[{i}]",
        ) from None
    except TypeError as exc:
        raise CaseFileError(
            f"The fields of {label} do not fit its kind: {exc}.",
            path=source,
            line=line_for(),
            field=f"evidence[{i}]",
        ) from None


def _event_arrays(
    raw: _Map, kwargs: dict[str, Any], *, source: str, line: int | None, where: str
) -> None:
    """Fill ``lons``, ``lats`` (and ``weights``) of an event set, inline or from CSV."""
    if "csv" in raw:
        from geosleuth.events import read_events_csv

        base = Path(source).parent if source and not source.startswith("<") else Path()
        path = base / str(raw["csv"])
        try:
            table = read_events_csv(path, weight_column=raw.get("weight_column"))
        except InputError as exc:
            raise CaseFileError(
                f"The events of {where} ({source}, line {line}) could not be read: "
                f"{exc.message}",
                path=source,
                line=line,
                field=where,
            ) from None
        kwargs["lons"], kwargs["lats"] = table.lons, table.lats
        if table.weights is not None:
            kwargs["weights"] = table.weights
        return
    events = raw.get("events") or []
    kwargs["lons"] = np.array([float(e["lon"]) for e in events])
    kwargs["lats"] = np.array([float(e["lat"]) for e in events])


def _build_case(doc: _Map, source: str, *, read_files: bool = True) -> Case:
    # no evidence yet is a case with a region (the schema says so): one to
    # record searches in; an estimate of it is refused (geosleuth.locate)
    evidence = doc.get("evidence") or []
    places, ranked = _build_places(doc, source)
    resolve = _Resolver(places, source)
    docs = {str(k): _plain(v) for k, v in (doc.get("documents") or {}).items()}
    items: list[EvidenceItem] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(evidence):
        item = _build_item(raw, i, doc, docs, resolve, source, read_files=read_files)
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
        settings = Settings(**_plain(doc.get("settings") or {}))
    except InputError as exc:
        setting = (exc.field or "").removeprefix("settings.")  # its own line
        raise CaseFileError(
            exc.message,
            path=source,
            line=_line_of(doc, ["settings", setting]),
            field=exc.field,
        ) from None
    as_of = (
        _date(doc["as_of"], "as_of", source, _line_of(doc, ["as_of"]))
        if "as_of" in doc
        else None
    )
    grid = _grid_for(doc, items, source, settings=settings, as_of=as_of)
    spec = doc.get("grid") or {}
    cell_km, max_cells = spec.get("cell_km"), int(spec.get("max_cells", 250_000))
    named = list(ranked)
    known = {p.name for p in named}
    for item in items:
        if not isinstance(item, (Sighting, Claim)):
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
    )


def _grid_for(
    doc: _Map,
    items: list[EvidenceItem],
    source: str,
    *,
    settings: Settings,
    as_of: dt.date | None,
) -> Grid:
    spec = doc.get("grid") or {}
    cell_km = spec.get("cell_km")
    max_cells = int(spec.get("max_cells", 250_000))
    line = _line_of(doc, ["region"])
    if "region" in doc:
        r = doc["region"]
        bounds = (
            float(r["west"]),
            float(r["south"]),
            float(r["east"]),
            float(r["north"]),
        )
    else:
        # the case's movement model, on its day (or the newest item's)
        bounds = evidence_bounds(items, settings=settings, as_of=as_of)
    try:
        return Grid.from_bounds(*bounds, cell_km=cell_km, max_cells=max_cells)
    except InputError as exc:
        if exc.field in ("cell_km", "max_cells") and "grid" in doc:
            where = f"grid.{exc.field}"
            at = _line_of(doc, ["grid", exc.field])
        else:
            where = "region"
            at = line if "region" in doc else _line_of(doc, ["evidence"])
        raise CaseFileError(
            f"{exc.message} (field {where!r})", path=source, line=at, field=where
        ) from None


def evidence_bounds(
    items: Sequence[EvidenceItem],
    *,
    settings: Settings | None = None,
    as_of: dt.date | None = None,
) -> tuple[float, float, float, float]:
    """The study region the evidence needs: each item with 3 σ of spread around it.

    Each item's place (its points, line or polygon; an event set's events) is
    grown by its reach on ``as_of``: its buffer plus 3 times its effective σ, the
    movement model's diffusion since its date included (``σ² + D·age``; see
    :mod:`geosleuth.fuse`), and at least ``settings.place_radius_km``, so that a
    ranked place's disc lies inside. A region that cut an item's spread would
    hold its probability in, and report the cut as certainty. Only the items
    known on ``as_of`` count (all of them if none with a place is). An item that
    only says where the target is not (a denial, a search that found nothing) is left
    out of the box, unless no other item has a place: "he is not in Spain" need
    not stretch a map of Colombia across the Atlantic (and, since every report is
    weighed against the whole region, make the others count for more).

    The box is the union of these discs (great circles on the mean sphere), across
    the antimeridian (``west > east``) when that is narrower. If
    it would not fit in a grid (:meth:`Grid.from_bounds` takes less than a
    hemisphere), every reach is shrunk by one factor to the largest box that
    does; :func:`~geosleuth.fuse.fuse` then warns if probability piles up at the
    border.

    Parameters
    ----------
    items : sequence of evidence items
        The case's items; those without geometry (life status) are ignored.
    settings : Settings, optional
        The movement model and place radius (default :class:`Settings`).
    as_of : datetime.date, optional
        The day of the estimate (default: the last day an item is known).

    Returns
    -------
    (west, south, east, north)
        In degrees.

    Raises
    ------
    InputError
        If no item has geometry (e.g. only life-status items).

    Examples
    --------
    >>> from geosleuth.evidence import Provenance, Sighting
    >>> s = Sighting(id="s", provenance=Provenance(document="d"), sigma_km=10.0,
    ...              date=dt.date(2020, 1, 1), place=Point(7.2, 46.15))
    >>> [round(v, 2) for v in evidence_bounds([s])]  # 3 σ = 30 km around it
    [6.81, 45.88, 7.59, 46.42]
    >>> late = evidence_bounds([s], as_of=dt.date(2021, 1, 1))  # σ² = 10² + 366
    >>> [round(v, 2) for v in late]
    [6.36, 45.57, 8.04, 46.73]
    """
    from geosleuth.fuse.likelihood import _item_lonlat, _reach_km

    settings = settings or Settings()
    day = as_of or max((i.known_on for i in items), default=None)
    # what is not known yet on the day needs no room on its map (a sighting a
    # month later drew a box around itself while the map had only a denial);
    # and where the target is not ("not in Spain", a search that found nothing)
    # needs none either, unless nothing else says where she is
    known = [i for i in items if day is None or i.known_on <= day]
    if any(_item_lonlat(i) is not None for i in known):
        items = known
    where_is = [i for i in items if not _says_not_here(i)]
    if any(_item_lonlat(i) is not None for i in where_is):
        items = where_is
    where: list[tuple[Any, Any, float]] = []
    for item in items:
        lonlat = _item_lonlat(item)
        if lonlat is None or day is None:
            continue
        reach = _reach_km(item, as_of=day, settings=settings, sigmas=3.0)
        where.append((*lonlat, max(reach, settings.place_radius_km)))
    if not where:
        raise InputError(
            "The evidence has no geometry to set the study region; add a "
            "'region' (west, south, east, north) to the case.",
            field="region",
        )

    def box(scale: float) -> tuple[float, float, float, float]:
        parts = [
            unwrap_bounds(_disc_bounds(lons, lats, scale * km))
            for lons, lats, km in where
        ]
        west, east = lon_extent([b[0] for b in parts], [b[2] for b in parts])
        return (west, min(b[1] for b in parts), east, max(b[3] for b in parts))

    def fits(b: tuple[float, float, float, float]) -> bool:
        try:
            Grid.from_bounds(*b)
        except InputError:
            return False
        return True

    best = box(1.0)
    lo, hi = 1e-6, 1.0
    if fits(best) or not fits(box(lo)):
        return best  # the places alone too far apart: from_bounds says so
    for _ in range(30):
        mid = (lo + hi) / 2.0
        lo, hi = (mid, hi) if fits(box(mid)) else (lo, mid)
    return box(lo)


def _says_not_here(item: EvidenceItem) -> bool:
    """Whether ``item`` only says where the target is not: a denial, a search.

    >>> from geosleuth.evidence import Claim, Provenance
    >>> c = Claim(id="c", provenance=Provenance(document="d"), polarity="is_not",
    ...           date=dt.date(2020, 1, 1), place=Point(-3.7, 40.4))
    >>> import dataclasses
    >>> _says_not_here(c), _says_not_here(dataclasses.replace(c, polarity="is"))
    (True, False)
    """
    return isinstance(item, Searched) or (
        isinstance(item, Claim) and item.polarity == "is_not"
    )


_KM_PER_DEGREE = math.pi * 6371.0088 / 180.0  # on the mean sphere (haversine_km)


def _disc_bounds(
    lons: Any, lats: Any, radius_km: float
) -> tuple[float, float, float, float]:
    """Lon/lat box holding the discs of ``radius_km`` around each vertex.

    Latitude: ± the radius in degrees. Longitude: ± ``asin(sin δ / cos φ)``, the
    widest a disc of angular radius δ reaches at latitude φ; all longitudes when
    the disc holds a pole. The narrowest such box, across the antimeridian
    (``west > east``) when that is narrower (:func:`~geosleuth.grid.lon_extent`).
    """
    lons, lats = np.asarray(lons, dtype=np.float64), np.asarray(lats, dtype=np.float64)
    delta = radius_km / _KM_PER_DEGREE
    south = max(float(lats.min()) - delta, -90.0)
    north = min(float(lats.max()) + delta, 90.0)
    d = math.radians(min(delta, 90.0))
    cos_lat = np.cos(np.radians(lats))
    if math.sin(d) >= float(cos_lat.min()) - 1e-12:  # a disc holds a pole
        return (-180.0, south, 180.0, north)
    dlon = np.degrees(np.arcsin(math.sin(d) / cos_lat))
    west, east = lon_extent(lons - dlon, lons + dlon)
    return (west, south, east, north)


def free_search_id(existing: Iterable[str], day: dt.date) -> str:
    """The id of a new recorded search: ``search-<day>-<k>``, the first k free.

    A k is taken when an item has that id, or that id with a suffix (the bands of
    one search are ``search-<day>-<k>-band1``, ``-band2`` ...).

    Examples
    --------
    >>> day = dt.date(2024, 10, 13)
    >>> free_search_id(["search-2024-10-13-1-band1", "car"], day)
    'search-2024-10-13-2'
    """
    taken = set(existing)
    stem = f"search-{day.isoformat()}-"
    return next(
        f"{stem}{k}"
        for k in itertools.count(1)
        if not any(e == f"{stem}{k}" or e.startswith(f"{stem}{k}-") for e in taken)
    )


def dump_item_yaml(item: EvidenceItem) -> str:
    """YAML text of one item in case-file form (used to append evidence).

    Geometry is written inline as GeoJSON; provenance fields are flattened.

    Examples
    --------
    >>> from geosleuth.evidence import Provenance, Searched
    >>> from geosleuth.geometry import Area
    >>> s = Searched(id="sweep", provenance=Provenance(document="team"),
    ...              date=dt.date(2024, 10, 13), area=Area.box(0, 0, 1, 1), pd=0.5)
    >>> print(dump_item_yaml(s).splitlines()[0])
    - id: sweep
    """
    d = item.to_dict()
    prov = d.pop("provenance")
    out: dict[str, Any] = {"id": d.pop("id"), "kind": d.pop("kind")}
    for key, value in d.items():
        if value is None or (isinstance(value, float) and math.isinf(value)):
            continue
        if key == "place_name":
            continue
        out[key] = value
    if prov.get("quote"):
        out["quote"] = prov["quote"]
    for key in ("speaker", "speaker_role"):
        if prov.get(key):
            out[key] = prov[key]
    if not out.get("note"):
        out.pop("note", None)
    return str(yaml.safe_dump([out], sort_keys=False, allow_unicode=True))
