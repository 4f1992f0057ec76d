"""A loaded case file checked against :data:`~geosleuth.casefile.CASE_SCHEMA`.

The first error is told in words, with the file, the line and the field; the
schema's rules across fields (no evidence and no region, events given both inline
and from a file) have messages of their own (:data:`_RULES`).
"""

from __future__ import annotations

import json

from geosleuth._case_schema import _AS_OF, _DATE, _GRADE, _TIME, CASE_SCHEMA
from geosleuth.casefile._loader import _line_of, _Map, _path_str, _plain
from geosleuth.errors import CaseFileError

__all__: list[str] = []


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
    elif err.validator == "pattern" and err.validator_value == _AS_OF["pattern"]:
        msg = (
            f"The field {where} must be a day written YYYY-MM-DD, optionally with a "
            "time of day (YYYY-MM-DDTHH:MM, 24-hour clock, the case's one clock). "
            f"Got {err.instance!r} instead."
        )
    elif err.validator == "pattern" and err.validator_value == _TIME["pattern"]:
        msg = (
            f"The field {where} must be a time of day written HH:MM (24-hour clock, "
            f"00:00 to 23:59), optionally with seconds. Got {err.instance!r} instead."
        )
    elif err.validator == "pattern" and err.validator_value == _GRADE["pattern"]:
        msg = (
            f"The field {where} must be a grade, a letter A-F (the source's "
            f"reliability) and a digit 1-6 (the information's credibility), such "
            f"as 'B2'. Got {err.instance!r} instead."
        )
    elif err.validator == "type":
        msg = (
            f"The field {where} must be {_type_words(err.validator_value)}. Got "
            f"{_shown(err.instance)} instead."
        )
    elif (
        err.validator in ("anyOf", "oneOf")
        and isinstance(err.instance, str)
        and not err.instance.strip()
    ):
        # 'place: ""' fitted none of the forms, as the message said (r28 L7)
        msg = (
            f"The field {where} is empty: give a value (for a place, the name of "
            "one under 'places:', or {lon, lat})."
        )
    elif err.validator in ("anyOf", "oneOf") and err.context:
        # the form the value took furthest: {lon: true} fails inside the mapping
        deepest = max(err.context, key=lambda e: len(e.relative_path))
        sub = (
            deepest
            if deepest.relative_path
            else jsonschema.exceptions.best_match(err.context)
        )
        inner = _path_str([*path, *sub.relative_path])
        why = (
            f"{inner} must be {_type_words(sub.validator_value)}, not "
            f"{_shown(sub.instance)}"
            if sub.validator == "type"
            else f"{inner}: {sub.message}"
        )
        msg = (
            f"The field {where} fits none of its forms ({why}). Got "
            f"{_shown(err.instance)} instead."
        )
    elif err.validator == "enum":
        # in YAML's words: "hedge: no" is false, "hedge:" is empty (r28 L1)
        said = _shown(err.instance)
        if isinstance(err.instance, bool):
            said += " (YAML reads yes/no and on/off as true/false: quote the word)"
        choices = ", ".join(repr(v) for v in err.validator_value)
        msg = f"The field {where} must be one of {choices}. Got {said} instead."
    else:
        msg = f"The field {where} is invalid: {err.message}."
    # the file and line are the error's location (the CLI adds "(case.yaml:4)")
    raise CaseFileError(msg, path=source, line=line, field=where)


_TYPE_WORDS = {
    "number": "a number",
    "integer": "a whole number",
    "string": "text",
    "boolean": "true or false",
    "object": "a mapping of keys to values",
    "array": "a list",
    "null": "empty",
}


def _type_words(types: object) -> str:
    """A JSON Schema type (or list of them) in words: "a number", "text"."""
    names = types if isinstance(types, list) else [types]
    return " or ".join(_TYPE_WORDS.get(str(t), str(t)) for t in names)


def _shown(value: object) -> str:
    """A value as YAML (and JSON) write it: null, true, [1, 2], {"lon": true}."""
    return json.dumps(value, ensure_ascii=False, default=str)[:80]
