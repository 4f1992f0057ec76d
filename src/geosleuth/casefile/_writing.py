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


class _Position(list[float]):
    """A position ``[lon, lat]`` of a geometry, written on one line (flow style)."""


_Dumper.add_representer(
    _Quoted,
    lambda dumper, text: dumper.represent_scalar(
        "tag:yaml.org,2002:str", str(text), style='"'
    ),
)
_Dumper.add_representer(
    _Position,
    lambda dumper, pos: dumper.represent_sequence(
        "tag:yaml.org,2002:seq", list(pos), flow_style=True
    ),
)

#: Decimals kept in a written position's degrees: 1e-7°, about 1 cm, the
#: precision of ``plan.geojson`` (its cells' vertices are written as they are).
_DECIMALS = 7


def _compact(coords: Any) -> Any:
    """GeoJSON ``coordinates`` with each position rounded and on one line.

    A plan's band of cells is hundreds of vertices: two lines a number made a
    case file of 21,000 lines from one plan (review r60, M2).

    Examples
    --------
    >>> _compact([[[1.123456789, 2.0], [3.0, 4.0]]])
    [[[1.1234568, 2.0], [3.0, 4.0]]]
    >>> type(_compact([1.0, 2.0])).__name__
    '_Position'
    """
    if isinstance(coords, list) and coords and not isinstance(coords[0], list):
        return _Position(
            round(v, _DECIMALS) if isinstance(v, float) else v for v in coords
        )
    if isinstance(coords, list):
        return [_compact(c) for c in coords]
    return coords


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

    Geometry is written inline as GeoJSON, each position ``[lon, lat]`` on one
    line, to 1e-7° (about 1 cm); provenance fields are flattened. A time of day
    follows the date, in double quotes (``time: "15:10"``), as case files are
    told to write it.

    Examples
    --------
    >>> from geosleuth.evidence import Provenance, Searched
    >>> from geosleuth.geometry import Area
    >>> s = Searched(id="sweep", provenance=Provenance(document="team"),
    ...              date=dt.date(2024, 10, 13), area=Area.box(0, 0, 1, 1), pd=0.5)
    >>> print(dump_item_yaml(s).splitlines()[0])
    - id: sweep
    >>> for line in dump_item_yaml(s).splitlines()[6:9]:
    ...     print(line)
        coordinates:
        - - [0.0, 0.0]
          - [0.03125, 0.0]
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
        if key in ("place_name", "place_kind", "time"):
            continue
        if isinstance(value, dict) and "coordinates" in value:  # a geometry
            value = {**value, "coordinates": _compact(value["coordinates"])}
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
