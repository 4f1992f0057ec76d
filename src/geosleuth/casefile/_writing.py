"""Evidence written into a case file: an item's YAML, and a new search's id.

Used to append items to a case file (:func:`geosleuth.locate.append_items`):
:func:`dump_item_yaml` writes one item in case-file form, :func:`free_search_id`
picks the id of a newly recorded search.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Iterable
from typing import Any

import yaml

from geosleuth.evidence import EvidenceItem

__all__ = ["dump_item_yaml", "free_search_id"]


class _Quoted(str):
    """Text written in double quotes: a time of day.

    YAML 1.1 reads an unquoted ``15:10`` as the base-60 number 910.
    """


class _Dumper(yaml.SafeDumper):
    """``yaml.SafeDumper`` that writes :class:`_Quoted` text in double quotes."""


_Dumper.add_representer(
    _Quoted,
    lambda dumper, text: dumper.represent_scalar(
        "tag:yaml.org,2002:str", str(text), style='"'
    ),
)


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

    Geometry is written inline as GeoJSON; provenance fields are flattened. A
    time of day follows the date, in double quotes (``time: "15:10"``), as case
    files are told to write it.

    Examples
    --------
    >>> from geosleuth.evidence import Provenance, Searched
    >>> from geosleuth.geometry import Area
    >>> s = Searched(id="sweep", provenance=Provenance(document="team"),
    ...              date=dt.date(2024, 10, 13), area=Area.box(0, 0, 1, 1), pd=0.5)
    >>> print(dump_item_yaml(s).splitlines()[0])
    - id: sweep
    >>> import dataclasses
    >>> timed = dataclasses.replace(s, time=dt.time(15, 10))
    >>> print(dump_item_yaml(timed).splitlines()[3])
      time: "15:10"
    """
    d = item.to_dict()
    prov = d.pop("provenance")
    out: dict[str, Any] = {"id": d.pop("id"), "kind": d.pop("kind")}
    for key, value in d.items():
        if value is None or (isinstance(value, float) and math.isinf(value)):
            continue
        if key in ("place_name", "time"):
            continue
        out[key] = value
        if key == "date" and "time" in d:  # the day, then its time
            out["time"] = _Quoted(d["time"])
    if prov.get("quote"):
        out["quote"] = prov["quote"]
    for key in ("speaker", "speaker_role"):
        if prov.get(key):
            out[key] = prov[key]
    if not out.get("note"):
        out.pop("note", None)
    return str(yaml.dump([out], Dumper=_Dumper, sort_keys=False, allow_unicode=True))
