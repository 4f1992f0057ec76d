"""Places and evidence items built from a case file's entries.

A place in an item resolves to an inline geometry, an entry of the case's
``places:`` (:func:`_build_places`) or a gazetteer name (:class:`_Resolver`);
:func:`_build_item` turns one ``evidence:`` entry into its :mod:`geosleuth.evidence`
item, with its provenance from the case's ``documents:`` and an event set's events
inline or from a CSV file (:func:`_event_arrays`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from geosleuth.casefile._dates import _evidence_date, _warn_far_behind, too_early
from geosleuth.casefile._loader import _line_of, _Map, _plain
from geosleuth.dependence import OWN_DOCUMENT
from geosleuth.errors import (
    CaseFileError,
    GazetteerError,
    GeosleuthError,
    InputError,
)
from geosleuth.evidence import KINDS, EvidenceItem, Grade, Provenance, parse_time
from geosleuth.fuse import NamedPlace
from geosleuth.gazetteer import area_kind
from geosleuth.geometry import Area, Geometry, Line, Point, from_geojson

__all__: list[str] = []


class _Resolver:
    def __init__(self, places: dict[str, Geometry], source: str) -> None:
        self.places = places
        self.source = source
        self._gaz: Any = None

    def __call__(
        self, ref: Any, where: str, line: int | None
    ) -> tuple[Geometry, str | None, str | None]:
        """The place's geometry, name and, for an area, its ``place_kind``.

        An area written in the case file (under ``places:`` or inline) is
        ``"drawn"``; one of the gazetteer is what it is there (a state, a
        country ...).
        """
        if isinstance(ref, dict) and "type" in ref:
            geom = from_geojson(_plain(ref), what=where)
            if isinstance(geom, Area):
                return geom.check_encloses(), None, "drawn"
            return geom, None, None
        if isinstance(ref, dict):
            return Point(ref["lon"], ref["lat"]), None, None
        name = _nfc(str(ref))
        lowered = {k.lower(): k for k in self.places}
        if name in self.places or name.lower() in lowered:
            key = name if name in self.places else lowered[name.lower()]
            geom = self.places[key]
            return geom, key, "drawn" if isinstance(geom, Area) else None
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
        return place.geometry, str(place.name), area_kind(place)


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
        given = [k for k in ("geometry", "line", "polygon") if k in spec]
        if "lon" in spec or "lat" in spec:
            given = ["lon/lat", *given]
        if len(given) > 1:  # the point was dropped unsaid (r28 F4)
            raise CaseFileError(
                f"The place {name!r} ({source}, line {line}) gives "
                f"{' and '.join(given)}; a place is one of lon and lat, a line, a "
                "polygon or a GeoJSON geometry. Keep the one meant.",
                path=source,
                line=line,
                field=where,
            )
        try:
            geom: Geometry
            if shape == "geometry":
                geom = from_geojson(_plain(spec["geometry"]), what=where)
                if isinstance(geom, Area):
                    geom.check_encloses()
            elif shape == "line":
                geom = Line.of(_plain(spec["line"]))
            elif shape == "polygon":
                geom = Area.of(_plain(spec["polygon"])).check_encloses()
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
    "life_status": ("status", "body"),
    "event_set": ("method", "sigma_km"),
    "rings": ("quantiles_km",),
}
_GEOM_FIELD = {
    "sighting": "place",
    "claim": "place",
    "front": "place",
    "rings": "place",
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
    before_read: Callable[[Path], object] | None = None,
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
    early = None if published is None else too_early(published)
    if early is not None:  # as --published refuses it (review r97, L1)
        raise CaseFileError(
            f"The field documents.{doc_key}.published is {early}: a mistyped "
            "year? Check the year.",
            path=source,
            line=_line_of(doc, ["documents", doc_key, "published"]),
            field=f"documents.{doc_key}.published",
        )
    kwargs: dict[str, Any] = {
        "id": item_id,
        "date": _evidence_date(raw["date"], where("date"), source, line_for("date")),
        "hedge": raw.get("hedge", "certain"),
        "note": str(raw.get("note", "")),
        "ongoing": bool(raw.get("ongoing", False)),
    }
    if "date_from" in raw:
        kwargs["date_from"] = _evidence_date(
            raw["date_from"], where("date_from"), source, line_for("date_from")
        )
    if "time" in raw:
        try:
            kwargs["time"] = parse_time(raw["time"], where("time"))
        except InputError as exc:
            raise CaseFileError(
                str(exc), path=source, line=line_for("time"), field=where("time")
            ) from None
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
                geom, name, area_kind = resolve(raw[gkey], where(gkey), line_for(gkey))
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
            if area_kind is not None and kind in ("sighting", "claim", "territory"):
                kwargs["place_kind"] = area_kind
            if kind == "front" and not isinstance(geom, Point):
                raise CaseFileError(
                    f"The place of front {item_id!r} must be a point.",
                    path=source,
                    line=line_for(gkey),
                    field=where(gkey),
                )
            if kind == "rings" and not isinstance(geom, Point):
                raise CaseFileError(
                    f"The place of {label} ({source}, line {line_for(gkey)}) must "
                    "be a point, the initial planning point the distances are "
                    f"from, not {'a line' if isinstance(geom, Line) else 'an area'}.",
                    path=source,
                    line=line_for(gkey),
                    field=where(gkey),
                )
        if kind == "rings":
            _refuse_other_fields(raw, label, source, line_for, where)
        if kind == "rings" and "quantiles_km" not in raw:
            raise CaseFileError(
                f"A rings item needs 'quantiles_km', the distances (km) within "
                f"which such subjects were found, by percent ({{25: 0.6, 50: 1.2, "
                f"75: 2.1, 95: 4.8}}); {label} ({source}, line {line_for()}) has "
                "none.",
                path=source,
                line=line_for(),
                field=where("quantiles_km"),
            )
        if kind == "event_set":
            _event_arrays(
                raw,
                kwargs,
                source=source,
                line=line_for("csv"),
                where=where("csv"),
                before_read=before_read,
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


#: Fields of other kinds a rings item does not use, and why (review r211, L3):
#: refused, as its 'time' is, rather than ignored.
_NOT_RINGS = {
    **dict.fromkeys(
        ("sigma_km", "buffer_km", "associate_sigma_km", "distance_km", "width_km"),
        "its spread is its table's distances ('quantiles_km'), not a distance of "
        "its own",
    ),
    "area": "its place is its 'place', a point",
}


def _refuse_other_fields(
    raw: _Map,
    label: str,
    source: str,
    line_for: Callable[[str | None], int | None],
    where: Callable[[str], str],
) -> None:
    """Refuse a field of another kind on a rings item, naming it and its line."""
    own = {"quantiles_km", "place"}
    others = {k for fields in _ITEM_FIELDS.values() for k in fields} | {
        "area",
        "events",
        "csv",
        "weight_column",
    }
    for key in (str(k) for k in raw if k in others - own):  # in the file's order
        why = _NOT_RINGS.get(key, "it belongs to another kind of item")
        raise CaseFileError(
            f"The {label} ({source}, line {line_for(key)}) has a {key!r}, which a "
            f"rings item does not use ({why}): remove the {key!r}.",
            path=source,
            line=line_for(key),
            field=where(key),
        )


def _event_arrays(
    raw: _Map,
    kwargs: dict[str, Any],
    *,
    source: str,
    line: int | None,
    where: str,
    before_read: Callable[[Path], object] | None = None,
) -> None:
    """Fill ``lons``, ``lats`` (and ``weights``) of an event set, inline or from CSV.

    ``before_read`` is called with the CSV's path just before it is read.
    """
    if "csv" in raw:
        from geosleuth.events import read_events_csv

        base = Path(source).parent if source and not source.startswith("<") else Path()
        path = base / str(raw["csv"])
        if before_read is not None:
            before_read(path)
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
