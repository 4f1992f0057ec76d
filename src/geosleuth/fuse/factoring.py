"""A case's likelihood factors: each item's, each day's searches', and a track's.

:func:`factors` turns the items :func:`~geosleuth.fuse.likelihood.select` keeps
into one :class:`~geosleuth.fuse.likelihood.Factor` each: a group of sightings
into one (:func:`~geosleuth.fuse.likelihood.sighting_group_log`), a day's
searches into one (:func:`~geosleuth.fuse.searches.search_day_log`), the target's
timed fixes into a track (:mod:`~geosleuth.fuse.track_factors`), any other item
into its own (:func:`~geosleuth.fuse.likelihood.item_log`), weighted by source
when asked; :func:`factor_stream` gives them one at a time, unweighted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import replace

import numpy as np

from geosleuth._types import FloatArray
from geosleuth.dependence import (
    DEPENDENT_KINDS,
    document_key,
    document_source,
    source_weights,
)
from geosleuth.evidence import EvidenceItem, LifeStatus, Searched, Sighting, now_of
from geosleuth.fuse.likelihood import Factor, item_log, sighting_group_log
from geosleuth.fuse.reach import (
    Skip,
    km_outside_grid,
    outside_reason,
    sighting_outside,
)
from geosleuth.fuse.searches import search_day_key, search_day_log, search_day_name
from geosleuth.fuse.settings import Settings
from geosleuth.fuse.track import TRACK, TRACK_SEARCHES, in_track
from geosleuth.fuse.track_factors import Tracks, is_threaded, track_factors
from geosleuth.geometry import Point
from geosleuth.grid import Grid

__all__ = ["factor_stream", "factors"]


def factor_stream(
    items: Sequence[EvidenceItem],
    grid: Grid,
    *,
    as_of: dt.date,
    settings: Settings,
    skipped: list[tuple[str, str]],
    fix_layers: dict[str, FloatArray] | None = None,
    tracks: Tracks | None = None,
) -> Iterator[Factor]:
    """The factors of :func:`factors`, one at a time, unweighted.

    ``tracks`` makes a track's layers and factors (default :class:`Tracks`:
    each from scratch); the maps of a case's search moments share one that
    follows each of its passes once
    (:class:`~geosleuth.fuse.track_factors.MomentTracks`).

    With ``fix_layers``, each fix of a track leaves its layer there
    (:func:`~geosleuth.fuse.track_factors.fix_layer`), for a caller that
    follows the track again with other weights.

    An item that cannot inform the grid is appended to ``skipped`` (with the
    reason) as the stream reaches it. A caller that only sums the factors
    (:func:`~geosleuth.fuse.history.timeline`) keeps one at a time in memory.

    A sighting that lies wholly outside the grid (:func:`sighting_outside`) is
    left out before its group is formed: its likelihood would be ``1 − r`` in
    every cell, which alone moves nothing, and in a group only adds a constant
    that flattens the other members' kernels. Other items wholly outside (a
    claim of either polarity, territory, a search, a front, a KDE event set) are
    left out by :func:`item_log`, with the reason :func:`outside_reason` gives.
    """
    groups: dict[str, list[Sighting]] = {}
    days: dict[tuple[dt.date | None, dt.date, dt.time | None], list[Searched]] = {}
    fixes: list[tuple[EvidenceItem, FloatArray]] = []
    # the timed searches before the map's moment, threaded through the track
    now = now_of(as_of)
    on_track: list[Searched] = []
    # the point sightings' distances from the grid, projected at once (one call
    # per sighting cost a quarter of a second for 10,000)
    points = [
        i for i in items if isinstance(i, Sighting) and isinstance(i.place, Point)
    ]
    far: dict[int, float] = {}
    if points:
        px, py = grid.lonlat_to_xy_km(
            np.array([i.place.lon for i in points]),  # type: ignore[union-attr]
            np.array([i.place.lat for i in points]),  # type: ignore[union-attr]
        )
        km = km_outside_grid(px, py, grid)
        far = {id(i): float(d) for i, d in zip(points, km.tolist(), strict=True)}
    # the target's timed fixes that reach the grid, each with its layer at its
    # moment, followed as one track when there are two or more, or one with
    # timed searches to thread through it (:mod:`geosleuth.fuse.track`); one
    # alone is an item like any other, and a fix outside the grid, left out,
    # counts for neither (review r37, M1)
    tracks = tracks if tracks is not None else Tracks(grid, settings)
    layers: dict[int, FloatArray] = {}
    for item in items:
        if not in_track(item) or (
            isinstance(item, Sighting)
            and sighting_outside(
                item, grid, as_of=as_of, settings=settings, km_outside=far.get(id(item))
            )
        ):
            continue
        try:
            layers[id(item)] = tracks.layer(item)
        except Skip:
            continue
    tracked = len(layers) > 1 or (
        len(layers) == 1
        and any(
            isinstance(i, Searched) and is_threaded(i, now) and tracks.reaches(i)
            for i in items
        )
    )
    for item in items:
        if isinstance(item, Sighting):
            if tracked and id(item) in layers:  # in the grid, as its layer says
                fixes.append((item, layers[id(item)]))
                continue
            if sighting_outside(
                item, grid, as_of=as_of, settings=settings, km_outside=far.get(id(item))
            ):
                skipped.append((item.id, str(outside_reason(item, grid))))
                continue
            groups.setdefault(item.group_key, []).append(item)
        elif isinstance(item, LifeStatus):
            continue
        elif isinstance(item, Searched):
            if not tracks.reaches(item):  # its own area must reach it
                skipped.append((item.id, str(outside_reason(item, grid, "its area"))))
                continue
            if tracked and is_threaded(item, now):
                on_track.append(item)
                continue
            days.setdefault(search_day_key(item), []).append(item)
        else:
            try:
                if tracked and id(item) in layers:
                    fixes.append((item, layers[id(item)]))
                    continue
                log_l = item_log(item, grid, as_of=as_of, settings=settings)
            except Skip as why:
                skipped.append((item.id, str(why)))
                continue
            yield Factor(item.id, (item.id,), item.kind, log_l)
    if not fixes:  # every fix outside the grid: no track to thread them on
        for search in on_track:
            days.setdefault(search_day_key(search), []).append(search)
    # one factor a day of searches: combined in each cell before the walk
    # (:func:`search_day_log`); a day of one search is keyed by its id
    for when, searches in days.items():
        log_l = search_day_log(searches, grid, as_of=as_of, settings=settings)
        key = searches[0].id if len(searches) == 1 else search_day_name(when)
        yield Factor(key, tuple(s.id for s in searches), Searched.kind, log_l)
    for key, group in groups.items():
        log_l = sighting_group_log(group, grid, as_of=as_of, settings=settings)
        yield Factor(key, tuple(s.id for s in group), "sighting", log_l)
    if fixes:
        if fix_layers is not None:
            fix_layers.update((i.id, layer) for i, layer in fixes)
        yield from tracks.factors(fixes, on_track, as_of=as_of)


def factors(
    items: Sequence[EvidenceItem],
    grid: Grid,
    *,
    as_of: dt.date,
    settings: Settings | None = None,
) -> tuple[list[Factor], list[tuple[str, str]]]:
    """Turn usable items into likelihood factors; return them and skipped items.

    Sightings are grouped by :attr:`~geosleuth.evidence.Sighting.group_key`; life
    status items do not inform the map and produce no factor. Two or more timed
    fixes of the target (:func:`~geosleuth.fuse.track.in_track`) make one factor
    of kind ``"track"``, followed in time order (:mod:`geosleuth.fuse.track`);
    the timed searches made before ``as_of``'s moment are then threaded through
    it, one factor of kind ``"searched"`` keyed ``"searches on the track"``
    (:func:`track_factors`). One timed fix is a track too when there are timed
    searches to thread through it (its own factor then the item's, aged from
    its time, as without them); without any, it is an item like any other. With
    ``settings.source_correlation`` > 0, the log-likelihood of each claim or
    sighting factor whose items come from one document, and of each fix of a
    track (before the track follows it), is weighted by
    :func:`~geosleuth.dependence.source_weights`.

    Examples
    --------
    >>> from geosleuth.evidence import Provenance
    >>> g = Grid.around(40.0, 35.0, radius_km=20.0, cell_km=1.0)
    >>> p = Provenance(document="d")
    >>> seen = [Sighting(id=f"s{i}", provenance=p, date=dt.date(2020, 1, 1),
    ...                  place=Point(40.0 + 0.05 * i, 35.0), who="X",
    ...                  subject="associate") for i in range(3)]
    >>> facs, skipped = factors(seen, g, as_of=dt.date(2020, 1, 1))
    >>> [(f.key, f.item_ids) for f in facs], skipped  # one mixture, not three
    ([('associate:X', ('s0', 's1', 's2'))], [])
    """
    settings = settings or Settings()
    skipped: list[tuple[str, str]] = []
    layers: dict[str, FloatArray] = {}  # a track's fixes', to weigh them
    out = list(
        factor_stream(
            items,
            grid,
            as_of=as_of,
            settings=settings,
            skipped=skipped,
            fix_layers=layers if settings.source_correlation > 0 else None,
        )
    )
    if settings.source_correlation > 0:
        # the document, not its title: two documents of one title (a wire's
        # headline, "Police statement") published apart are two sources
        docs = {
            i.id: document_key(i)
            if document_source(i.provenance.document) is not None
            else None
            for i in items
        }
        # a track's fixes count one by one, each as the report it is: its
        # document's other reports share its weight (review r33, M3)
        units: list[tuple[int, str | None]] = []
        sources: list[object | None] = []
        for k, f in enumerate(out):
            if f.kind == TRACK:
                units.extend((k, i) for i in f.item_ids)
                sources.extend(docs[i] for i in f.item_ids)
                continue
            ds = {docs[i] for i in f.item_ids}
            units.append((k, None))
            sources.append(
                next(iter(ds)) if f.kind in DEPENDENT_KINDS and len(ds) == 1 else None
            )
        w = source_weights(sources, correlation=settings.source_correlation)
        weight_of = {unit: float(wi) for unit, wi in zip(units, w, strict=True)}
        by_id = {i.id: i for i in items}
        for k, f in enumerate(out):
            if f.kind == TRACK:
                ws = tuple(weight_of[k, i] for i in f.item_ids)
                if any(x != 1.0 for x in ws):
                    # the searches threaded through it follow the same fixes
                    j = next(
                        (j for j, g in enumerate(out) if g.key == TRACK_SEARCHES), None
                    )
                    threaded = [] if j is None else [by_id[i] for i in out[j].item_ids]
                    new = track_factors(
                        [(by_id[i], layers[i]) for i in f.item_ids],
                        threaded,  # type: ignore[arg-type]
                        grid,
                        as_of=as_of,
                        settings=settings,
                        weights=ws,
                    )
                    out[k] = new[0]
                    if j is not None:
                        out[j] = new[1]
            elif f.key == TRACK_SEARCHES:
                continue  # weighs as its track's fixes do (above)
            elif (wi := weight_of[k, None]) != 1.0:
                out[k] = replace(f, log_l=f.log_l * wi, weight=wi)
    return out, skipped
