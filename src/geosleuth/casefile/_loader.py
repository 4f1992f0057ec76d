"""A case file's YAML, loaded so that each mapping and list knows its lines.

:class:`_LineLoader` keeps dates as text, reads numbers as YAML 1.2 writes them, and
remembers the line of each mapping, key and list item (:func:`_line_of` finds the
line of a field, :func:`_path_str` writes its path). :func:`_load_yaml` refuses a
document whose aliases expand past :data:`MAX_YAML_NODES` before anything is built,
keeps as text the numbers where the schema wants text (:func:`_keep_text`) and
refuses a whole number Python will not read (:func:`_check_ints`);
:func:`_check_duplicate_keys` refuses a key written twice in one mapping.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Iterator
from typing import Any

import yaml

from geosleuth._case_schema import CASE_SCHEMA
from geosleuth.errors import CaseFileError

__all__ = ["MAX_YAML_NODES"]


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


def _no_sexagesimal() -> None:
    """Read ``1:30`` as the text written, not YAML 1.1's base-60 number 90.

    YAML 1.2 dropped sexagesimal numbers; PyYAML still reads ``sigma_km: 1:30``
    as 90 and used it unsaid (r28 F3). As text, the schema refuses it by its
    line ("must be a number").
    """
    resolvers = {
        ch: list(rules) for ch, rules in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    for rules in resolvers.values():
        for i, (tag, rx) in enumerate(rules):
            if tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
                rules[i] = (tag, re.compile(r"(?![^\n]*:)" + rx.pattern, rx.flags))
    _LineLoader.yaml_implicit_resolvers = resolvers


_no_sexagesimal()


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
    1.1 floats would leave ``1.10`` a number, and docs/case-files.md's ``5e-1`` a
    string that a number field refuses. Instead the schema, which says what each field
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


def _plain(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {str(k): _plain(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_plain(v) for v in obj]
    return obj
