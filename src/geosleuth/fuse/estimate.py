"""The estimate: :func:`fuse` joins the prior, likelihoods, life status and places."""

from __future__ import annotations

import datetime as dt
import math
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from geosleuth._types import ArrayLike, FloatArray
from geosleuth.dependence import document_key, repeats
from geosleuth.errors import EvidenceWarning, GeosleuthWarning, InputError
from geosleuth.evidence import (
    AsOf,
    Claim,
    EventSet,
    EvidenceItem,
    LifeStatus,
    Rings,
    Searched,
    Sighting,
    Territory,
    as_of_text,
    now_of,
    time_of,
)
from geosleuth.fuse._rings_checks import warn_rings
from geosleuth.fuse.contributions import (
    Contribution,
    FactorSums,
    _leave_one_out,
    _runners_up,
)
from geosleuth.fuse.factoring import factor_stream, factors
from geosleuth.fuse.life import _in_force, p_alive
from geosleuth.fuse.likelihood import Factor, _disc, select
from geosleuth.fuse.posterior import (
    _EDGE_EXCESS_SHARE,
    AreaProbability,
    NamedArea,
    NamedPlace,
    PlaceProbability,
    _cells_of,
    _edge_excess,
    area_probabilities,
    hdr_mask,
    hdr_weights,
    log_total,
    normalised,
    place_probabilities,
    rest_of_world_after,
    search_miss,
)
from geosleuth.fuse.reach import OUTSIDE_THE_GRID, Skip
from geosleuth.fuse.searches import kept_searches, search_day_log, search_reaches
from geosleuth.fuse.settings import Settings
from geosleuth.fuse.track import TRACK, TRACK_SEARCHES, in_track
from geosleuth.fuse.track_factors import MomentTracks, Tracks, is_threaded
from geosleuth.geometry import Area, Point
from geosleuth.grid import Grid

__all__ = [
    "Estimate",
    "fuse",
]


@dataclass(frozen=True, slots=True)
class Estimate:
    """The result of :func:`fuse`.

    Attributes
    ----------
    as_of : datetime.date
    grid : Grid
    posterior : ndarray of shape (n_cells,)
        Sums to 1; read-only.
    p_alive : float
    hdr_km2 : dict
        ``{"50": area, "90": area}`` of the highest-density regions, km².
    places : tuple of PlaceProbability
        Best first.
    contributions : tuple of Contribution
        One per used item, in item order.
    used : tuple of str
        Ids of the items that entered the estimate.
    excluded : tuple of (str, str)
        ``(id, reason)`` for every item left out.
    settings : Settings
    search_miss : float or None
        Probability that every search used would have missed the target, were it
        in the region (:func:`~geosleuth.fuse.posterior.search_miss`); None
        without searches.
    search_found : mapping of str to float
        For each search used, the chance that it alone would have found a target
        in the region, on the map of its day before that day's searches (its
        probability of success, POS); empty without searches.
    p_outside : float
        Probability that the target is outside the region:
        ``settings.rest_of_world`` raised by the searches that found nothing
        (:func:`~geosleuth.fuse.posterior.rest_of_world_after`). ``posterior``,
        ``places`` and ``hdr_km2`` are given the target is in the region.
    named_areas : tuple of AreaProbability
        Best first: the probability inside each area (polygon) a used sighting,
        claim or territory names
        (:func:`~geosleuth.fuse.posterior.area_probabilities`), given the target
        is in the region. A state named by an item is no ranked place (places
        are discs around points), yet it may hold more of the map than any.

    Examples
    --------
    >>> from geosleuth.evidence import Provenance
    >>> g = Grid.around(40.0, 35.0, radius_km=20.0, cell_km=1.0)
    >>> est = fuse([], g, as_of=dt.date(2020, 1, 1))
    >>> est.p_alive, est.hdr_km2["50"]  # no evidence: the prior, half the grid
    (0.9, 800.0)
    >>> seen = Sighting(id="s", provenance=Provenance(document="d"),
    ...                 date=dt.date(2020, 1, 1), place=Point(40.0, 35.0), sigma_km=3)
    >>> est = fuse([seen], g, as_of=dt.date(2020, 1, 1))
    >>> est.in_hdr(40.0, 35.0, 0.5), est.in_hdr(40.2, 35.1), est.in_hdr(10.0, 10.0)
    (True, False, False)
    """

    as_of: dt.date
    grid: Grid
    posterior: FloatArray = field(repr=False)
    p_alive: float
    hdr_km2: dict[str, float]
    places: tuple[PlaceProbability, ...]
    contributions: tuple[Contribution, ...]
    used: tuple[str, ...]
    excluded: tuple[tuple[str, str], ...]
    settings: Settings
    search_miss: float | None = None
    p_outside: float = 0.0
    search_found: Mapping[str, float] = field(default_factory=dict)
    named_areas: tuple[AreaProbability, ...] = ()

    def top_place_range(self) -> tuple[float, float] | None:
        """Lowest and highest probability of the best place without any one item.

        None without ranked places or contributions. A narrow range means that no
        single report carries the conclusion. An item whose own shift was not
        computed (``Contribution.whole``: a long track's fix) is not counted: its
        figure is its whole track's, left out at once.
        """
        values = [
            c.top_place_without
            for c in self.contributions
            if c.top_place_without is not None and c.whole is None
        ]
        if not self.places or not values:
            return None
        now = self.places[0].probability
        return (min([now, *values]), max([now, *values]))

    def probability_within(self, lon: float, lat: float, radius_km: float) -> float:
        """Probability that the target is within ``radius_km`` of (lon, lat)."""
        return float(np.dot(self.posterior, _disc(self.grid, lon, lat, radius_km)))

    def in_hdr(self, lon: float, lat: float, level: float = 0.9) -> bool:
        """Whether (lon, lat) lies in the ``level`` highest-density region."""
        cell = int(self.grid.lonlat_to_cell(lon, lat))
        if cell < 0:
            return False
        return bool(hdr_mask(self.posterior, level)[cell])


def _places_from_items(items: Iterable[EvidenceItem]) -> list[NamedPlace]:
    """Named point places of sightings and claims (the candidates, not references).

    A ring model's place (the initial planning point) is one too: near it is
    where its rings put the most. The named events of an event set (the towns
    of an outbreak's case counts) are candidates too.
    """
    out: dict[str, NamedPlace] = {}
    for item in items:
        if isinstance(item, EventSet) and item.names is not None:
            for event, lon, lat in zip(item.names, item.lons, item.lats, strict=True):
                out.setdefault(event, NamedPlace(event, float(lon), float(lat)))
            continue
        if not isinstance(item, (Sighting, Claim, Rings)):
            continue
        name, geom = item.place_name, item.place
        if name and isinstance(geom, Point) and name not in out:
            out[name] = NamedPlace(name, geom.lon, geom.lat)
    return list(out.values())


def _areas_from_items(items: Iterable[EvidenceItem]) -> list[NamedArea]:
    """The areas (polygons) that sightings, claims and territories name.

    Each by its ``place_name``; a territory without one by its group's ("ISIS
    territory"), any other unnamed area by its item ("the area of c3"). Searches
    and fronts name no candidate (a searched area is where the target was not
    found). Each with its kind, the item's ``place_kind`` (a state, a country,
    an area drawn in the case file ...; None where the item keeps none).
    """
    out = []
    for item in items:
        if isinstance(item, (Sighting, Claim)):
            geom = item.place
        elif isinstance(item, Territory):
            geom = item.area
        else:
            continue
        if not isinstance(geom, Area):
            continue
        name = item.place_name or (
            f"{item.group_name} territory"
            if isinstance(item, Territory)
            else f"the area of {item.id}"
        )
        out.append(NamedArea(name, geom, (item.id,), kind=item.place_kind))
    return out


def _warn_outside(
    items: Sequence[EvidenceItem], excluded: Sequence[tuple[str, str]]
) -> None:
    """An :class:`EvidenceWarning` for each item left out as outside the grid.

    A denial or a search outside the region says only where the target is not,
    and the map does not look there: no advice to widen the region for it. A
    search so left out counts for nothing, which is a loss where the team
    searched in the region and its coordinates are wrong: said, as ``geosleuth
    searched`` says it (review r105, M2).
    """
    by_id = {i.id: i for i in items}
    for iid, why in excluded:
        if OUTSIDE_THE_GRID in why:
            item = by_id.get(iid)
            kind = item.kind if item is not None else "item"
            if isinstance(item, Searched):
                advice = (
                    "It only says where the target is not, outside the study "
                    "region, and counts for nothing: the map and P(outside the "
                    "region) are as if it had not been made. If the team searched "
                    "in the region, its coordinates are wrong (a sign lost, or "
                    "latitude written first), or the region ('region') does not "
                    "hold where they searched."
                )
            elif isinstance(item, Claim) and item.polarity == "is_not":
                advice = (
                    "It only says where the target is not, outside the study "
                    "region: nothing is lost."
                )
            else:
                advice = (
                    "Check its place, or widen the study region ('region') to hold it."
                )
            warnings.warn(
                f"The {kind} {iid!r} is left out: {why}. {advice}",
                EvidenceWarning,
                stacklevel=3,
            )


def _warn_untimed(used: Sequence[EvidenceItem], as_of: dt.date) -> None:
    """Warn of an untimed item on a day whose timed items it is ordered with.

    An :class:`EvidenceWarning` each (reviews r33, M5; r34, M2). An item
    without a time counts as at the end of its day. A sighting of the target on
    a day of a track's fixes then multiplies with the track, which pulls the map
    towards it; a word of life or death (or a sighting of the target, a proof
    of life) on a day of a timed word of life or death is then taken after it
    by P(alive). An untimed claim is not warned of: a plan of the day's route,
    or a place said to hold the target over the day, is rightly untimed.

    A lone timed fix is a track when timed searches are threaded through it
    (:func:`~geosleuth.fuse.factoring.factor_stream`), and warned of as one.
    Without them it is an item like any other, and an untimed sighting of its
    day multiplies with it, as two untimed sightings of a day do, whose product
    peaks between them; given its time, the two would be followed as a track.
    That is warned of too: a case that times one fix of the day means to
    follow the target through it (session 26; before, only two or more fixes
    were).
    """
    fixes = [i for i in used if in_track(i)]
    now = now_of(as_of)
    tracked = len(fixes) > 1 or (
        len(fixes) == 1
        and any(isinstance(i, Searched) and is_threaded(i, now) for i in used)
    )
    fix_days = Counter(i.date for i in fixes)
    life_days = Counter(
        i.date for i in used if isinstance(i, LifeStatus) and i.time is not None
    )
    for item in used:
        if item.time is not None or item.date_from is not None:
            continue
        seen = (
            isinstance(item, Sighting)
            and item.subject == "target"
            and item.group_key == item.id
        )
        if seen and tracked and item.date in fix_days:
            n = fix_days[item.date]
            some = (
                f"{n} fix(es) of that day have one and are"
                if n > 1
                else "1 fix of that day has one and is"
            )
            warnings.warn(
                f"The {item.kind} {item.id!r} of {item.date} has no time of day, "
                f"while {some} followed as a track: it is taken to be where the "
                "target is at the end of its day, and multiplies with the track, "
                "pulling the map towards it. Give it its time ('time: \"HH:MM\"') "
                "to follow it in the track.",
                EvidenceWarning,
                stacklevel=3,
            )
        elif seen and item.date in fix_days:
            fix = next(i for i in fixes if i.date == item.date)
            warnings.warn(
                f"The {item.kind} {item.id!r} of {item.date} has no time of day, "
                f"while the {fix.kind} {fix.id!r} of that day has one: the two are "
                "not followed as a track (one timed fix alone is not) but multiply "
                "as items of their own, each widened by the walk since, which for "
                "a target on the move puts the map between them. Give it its time "
                "('time: \"HH:MM\"') to follow both as a track.",
                EvidenceWarning,
                stacklevel=3,
            )
        elif (seen or isinstance(item, LifeStatus)) and item.date in life_days:
            warnings.warn(
                f"The {item.kind} {item.id!r} of {item.date} has no time of day, "
                f"while {life_days[item.date]} word(s) of life or death of that "
                "day have one: P(alive) takes it at the end of its day, after "
                "them. Give it its time ('time: \"HH:MM\"') to take it in "
                "order.",
                EvidenceWarning,
                stacklevel=3,
            )


def _warn_untimed_today(used: Sequence[EvidenceItem], as_of: dt.date) -> None:
    """Warn of untimed items of the as-of day when the map is for a time of it.

    They may have been made at any time that day; they are used, counted as
    made by then (review r34, M1). Not an item of a kind that takes no time
    (a rings item, a territory, a front, an event set): it could not be given
    one (review r211, M2).
    """
    at = time_of(as_of)
    if at is None:
        return
    today = [i.id for i in used if i.time is None and i.date == as_of and i.timed]
    if not today:
        return
    shown = ", ".join(repr(i) for i in today[:5]) + (", ..." if len(today) > 5 else "")
    warnings.warn(
        f"{len(today)} item(s) dated {as_of.isoformat()} have no time of day "
        f"({shown}), and the map is for {as_of_text(as_of)}: they are used, "
        "counted as made by then. Give each its time ('time: \"HH:MM\"') to "
        "leave out what came later.",
        EvidenceWarning,
        stacklevel=3,
    )


def _warn_repeats(
    items: Sequence[EvidenceItem], again: Mapping[str, EvidenceItem]
) -> None:
    """An :class:`EvidenceWarning` for each document that repeats another's items.

    ``again`` maps each repeat's id to the item it repeats
    (:func:`~geosleuth.dependence.repeats`). One warning per pair of documents
    (:func:`~geosleuth.dependence.document_key`), in the order of their names,
    with how many of the repeating document's items (of all it gives) are
    repeats. A document is named by its name, and by its publication date too
    where another document has the same name (a reprint under the wire's title).
    """
    doc_of = {i.id: document_key(i) for i in items}
    per_doc = Counter(doc_of.values())
    names = Counter(name for name, _, _ in per_doc)

    def label(doc: tuple[str, dt.date | None, str | None]) -> str:
        name, published, _ = doc
        if names[name] > 1 and published is not None:
            return f"{name!r} (published {published.isoformat()})"
        return repr(name)

    pairs = Counter((doc_of[rid], document_key(first)) for rid, first in again.items())
    for (doc, source), n in sorted(pairs.items(), key=lambda kv: repr(kv[0])):
        warnings.warn(
            f"The document {label(doc)} repeats {n} of its {per_doc[doc]} item(s) "
            f"word for word from {label(source)} (a republished report?): they "
            f"count once, as the items of {label(source)}.",
            EvidenceWarning,
            stacklevel=3,
        )


def _warn_border(p: FloatArray, grid: Grid, log_prior: FloatArray) -> None:
    """A :class:`GeosleuthWarning` when the region's edge cuts the evidence.

    Given when, along the edge, the evidence still stands at a tenth or more of
    its peak above its floor (:func:`~geosleuth.fuse.posterior._edge_excess`):
    then part of what it points to lies outside, and a wider region would
    change the map, its places' probabilities and its areas. A tenth: where a
    Gaussian kernel falls to a tenth of its peak (2.15 σ from its centre), 1.6 %
    of its mass lies beyond a straight edge (Φ(−2.15)); a region drawn around
    the evidence (:func:`~geosleuth.casefile.evidence_bounds`, 3 σ) leaves
    1.1 % of the peak at its edge. Evidence that is weak everywhere is not
    warned of: its floor (``1 − r``) is level, and no region would hold less
    of it.
    """
    share = _edge_excess(p, grid, log_prior)
    if share >= _EDGE_EXCESS_SHARE:
        warnings.warn(
            "The study region's edge cuts the evidence: part of what it points to "
            "lies along the border of the study region and beyond (along the "
            f"border it still stands at {100 * share:.0f} % of its peak, above the "
            "floor every cell keeps; a tenth or more is warned of), so the map, its "
            "places' probabilities and its areas depend on where the edge was "
            "drawn. Widen the region ('region'), or leave it out to have one drawn "
            "around the evidence.",
            GeosleuthWarning,
            stacklevel=3,
        )


#: Below this chance that every search missed, a closed world is worth a warning.
SEARCHED_OUT = 0.25


def _warn_searched_out(miss: float, settings: Settings, outside: float) -> None:
    """Warn when the searches would most likely have found a target in the region.

    With ``rest_of_world`` 0 the map takes the target to be in the region
    whatever the searches found, so the probabilities it prints stay as high
    as before them; with ``rest_of_world`` above 0 the estimate's ``p_outside``
    says how likely the target is elsewhere (``outside``), and this is said on
    the terminal.
    """
    if miss >= SEARCHED_OUT:
        return
    found = 1.0 - miss
    if miss == 0.0 and settings.rest_of_world > 0:
        message = (
            "The searches so far ruled out every cell of the region (pd = 1 over "
            "all of it): P(outside the region) is 100 %. The map shown is the one "
            "before those searches, and no item's contribution is computed."
        )
    elif settings.rest_of_world > 0:
        message = (
            f"The searches so far would have found the target with probability "
            f"{100 * found:.1f} % were it in the region: P(outside the region) is "
            f"now {100 * outside:.1f} % (settings.rest_of_world "
            f"{settings.rest_of_world:g} before them). The map's figures are given "
            "the target is in the region."
        )
    else:
        message = (
            f"The searches so far would have found the target with probability "
            f"{100 * found:.1f} % were it in the region, yet the map takes the "
            "target to be in it (settings.rest_of_world is 0): set rest_of_world "
            "to the chance "
            "that the target is elsewhere, and the estimate will weigh it."
        )
    warnings.warn(message, GeosleuthWarning, stacklevel=3)


def _check_prior(prior: ArrayLike | None, grid: Grid) -> FloatArray:
    if prior is None:
        return np.zeros(grid.n_cells)
    arr = np.asarray(prior, dtype=np.float64)
    if (
        arr.shape != (grid.n_cells,)
        or not np.all(np.isfinite(arr))
        or np.any(arr < 0)
        or arr.sum() <= 0
    ):
        raise InputError(
            f"The prior must be {grid.n_cells} non-negative finite weights (one per "
            f"cell) with a positive sum. Got an array of shape {arr.shape}.",
            field="prior",
        )
    with np.errstate(divide="ignore"):
        return np.asarray(np.log(arr / arr.sum()))


def _miss_day_by_day(
    used: Sequence[EvidenceItem],
    grid: Grid,
    *,
    settings: Settings,
    log_prior: FloatArray,
    found: dict[str, float] | None = None,
    forward: bool = False,
    as_of: dt.date | None = None,
) -> float | None:
    """The chance every search missed, each day's searches on that day's map.

    ``Z = Π_d Z_d`` (the chain rule): ``Z_d`` is the chance that day ``d``'s
    searches missed a target in the region, on the map of day ``d`` — every
    other item aged to that day (one dated after it by as many days: the walk
    runs both ways) and the earlier searches, as they stood then. So a search
    keeps what it found (nothing, with its chance) as the days pass: on the map
    of a later day a sighting has widened, and a search of that day would have
    missed it more often, but this one was made on its own day. Without
    movement (``diffusion_km2_per_day`` 0) every day's map is the as-of map
    and ``Z`` is the as-of map's. None when a day's map has no possible cell
    (the caller keeps the as-of figure).

    With ``forward``, a day's map holds only the items of that day or before
    (a filter's prediction: no later item mirrored back), the figure
    ``P(outside)`` also weighs (:func:`_outside_miss`).

    The earlier timed searches are threaded through the fixes up to the
    moment, even one alone (:func:`~geosleuth.fuse.factoring.factors`), as
    the case's map threads them (review r37, L2). The track of each moment
    (the fixes up to it, with the timed searches before it, and the backward
    pass of the fixes after it) is read from passes followed once for all the
    moments (:class:`~geosleuth.fuse.track_factors.MomentTracks`), in the
    steps each moment's own would take: walks in the number of fixes and
    moments, not its square (with ``source_correlation`` or
    ``search_memory_days`` set, a fix's weight or a search's layer depends
    on the moment, and each moment's track is followed from scratch). The
    other items' factors are made again for each moment.
    """
    # a search whose area misses the grid is skipped, as on the as-of map
    searches = [i for i in used if isinstance(i, Searched) and search_reaches(i, grid)]
    # each moment of searches (a day, at a time of day where they have one; the
    # untimed ones of a day at its end), in time order
    moments = sorted({(i.date, i.time) for i in searches}, key=_moment_order)
    others = [i for i in used if not isinstance(i, Searched)]
    whens = [AsOf.of(day, at) for day, at in moments]
    if as_of is not None:  # an untimed search of the as-of day: by its moment
        whens = [as_of if now_of(as_of) < now_of(w) else w for w in whens]
    ahead: Tracks | None = None
    behind: Tracks | None = None
    if (
        whens
        and settings.source_correlation == 0
        and settings.search_memory_days is None
    ):
        # each pass of the track followed once for all the moments
        fixes = [i for i in others if in_track(i)]
        last = max(whens, key=now_of)
        nows = [now_of(w) for w in whens]
        layers: dict[str, FloatArray | Skip] = {}  # each fix's, made once
        ahead = MomentTracks(
            fixes, searches, grid, settings, as_of=last, moments=nows, layers=layers
        )
        if not forward:
            behind = MomentTracks(
                fixes,
                [],
                grid,
                settings,
                as_of=last,
                moments=nows,
                backward=True,
                layers=layers,
            )

    def factors_at(
        items: list[EvidenceItem], when: dt.date, tracks: Tracks | None
    ) -> list[Factor]:
        if tracks is None:  # weighed (source_correlation), from scratch
            facs, _ = factors(items, grid, as_of=when, settings=settings)
            return facs
        return list(
            factor_stream(
                items, grid, as_of=when, settings=settings, skipped=[], tracks=tracks
            )
        )

    z = 1.0
    for (day, at), when in zip(moments, whens, strict=True):
        now = now_of(when)
        then: list[EvidenceItem] = []
        # the timed fixes after the moment, mirrored: the backward pass of the
        # track, a track of their own (:func:`_mirrored`)
        back: list[EvidenceItem] = []
        for i in others:
            if not _after(i, when):
                then.append(i)
            elif not forward:
                was = _mirrored(i, when)
                (back if in_track(was) else then).append(was)
        earlier = [
            i for i in searches if i.moment < now and (i.date, i.time) != (day, at)
        ]
        today = [i for i in searches if (i.date, i.time) == (day, at)]
        before_facs = factors_at([*then, *earlier], when, ahead)
        back_facs = factors_at(back, when, behind)
        today_facs, _ = factors(today, grid, as_of=when, settings=settings)
        before = log_total(log_prior, (f.log_l for f in [*before_facs, *back_facs]))
        if not np.isfinite(before).any():
            return None
        z *= search_miss(
            before, sum((f.log_l for f in today_facs), np.zeros(grid.n_cells))
        )
        if found is not None:  # each search alone, on the map of its moment
            for item in today:
                alone = (
                    today_facs[0].log_l  # the same search's factor
                    if len(today) == 1 and len(today_facs) == 1
                    else search_day_log([item], grid, as_of=when, settings=settings)
                )
                found[item.id] = 1.0 - search_miss(before, alone)
    return z


def _outside_miss(
    used: Sequence[EvidenceItem],
    grid: Grid,
    *,
    miss: float,
    settings: Settings,
    log_prior: FloatArray,
    as_of: dt.date | None = None,
) -> float:
    """The ``Z`` that ``P(outside)`` weighs: never lowered by a later item.

    ``miss`` (:func:`_miss_day_by_day`) judges each search on the map of its
    day made from every other item, those dated later mirrored back: the
    chance that the searches missed a target in the region, given all that
    is known. Bayes with ``q = P(outside | the other evidence)`` (the
    ``rest_of_world`` set, as it stands without searches) then gives
    ``P(outside) = q / (q + (1 − q)·Z)``. But a sighting in the region dated
    after a search, mirrored back, makes the search look as if it should have
    found the target, and so *raises* ``P(outside)``: the rest-of-world cell
    is never weighed against the sighting, whose likelihood were the target
    elsewhere is only its false-report mass ``1 − r`` (review r14, F6).
    Weighing that in full would make ``q`` a prior before all evidence and
    move ``P(outside)`` with every report before any search, against
    ``rest_of_world``'s meaning. The sound part is kept: ``P(outside)`` weighs
    the larger of ``miss`` and the forward ``Z`` (each day's searches on the
    map of what is dated up to that day: :func:`_miss_day_by_day` with
    ``forward``). An item dated after a search may lower ``P(outside)`` (a
    sighting elsewhere in the region explains the miss) but never raises it
    above the forward figure; with nothing dated after a search the two are
    one. Both are fixed once
    the evidence is, so with nothing new ``P(outside)`` stays.
    """
    moments = [(i.date, i.time) for i in used if isinstance(i, Searched)]
    if not moments:
        return miss
    day, at = min(moments, key=_moment_order)
    first = AsOf.of(day, at)
    if not any(_after(i, first) for i in used if not isinstance(i, Searched)):
        return miss  # nothing dated after a search: the two are one
    ahead = _miss_day_by_day(
        used,
        grid,
        settings=settings,
        log_prior=log_prior,
        forward=True,
        as_of=as_of,
    )
    return miss if ahead is None else max(miss, ahead)


def _moment_order(key: tuple[dt.date, dt.time | None]) -> tuple[dt.date, bool, dt.time]:
    """Sorts (day, time) moments: by day, and on a day the untimed (its end) last."""
    day, at = key
    return (day, at is None, at or dt.time())


def _after(item: EvidenceItem, when: dt.date) -> bool:
    """Whether ``item`` comes after the moment ``when`` (a day, or an AsOf).

    A timed item by its time; an untimed one by its day (on ``when``'s own day
    it counts as before: it may have been any time that day).
    """
    if item.time is not None:
        return item.moment > now_of(when)
    return item.mid_date > when


def _mirrored(item: EvidenceItem, day: dt.date) -> EvidenceItem:
    """``item`` as the map of ``day`` ages it: one dated later, mirrored to before.

    A random walk runs the same either way, so an item dated ``k`` days after
    ``day`` says as much of where the target was on ``day`` as one ``k`` days
    before it. A timed fix is mirrored about the moment of ``day`` (its end, or
    an :class:`~geosleuth.evidence.AsOf`'s time of day), to the second. The
    mirrored fixes of a track are followed as a track of their own, from the
    latest: the backward pass, whose product with the forward pass of the fixes
    up to the moment is the map of that moment given all of them (a smoother),
    where one track through both would thread the later fixes among the
    earlier.
    """
    if not _after(item, day):
        return item
    if item.time is not None:  # as far before the moment as it is after it
        back = 2.0 * now_of(day) - item.moment
        whole = math.floor(back)
        seconds = round((back - whole) * 86400.0)
        # a moment that rounds to midnight is the next day's 00:00, not 23:59:59
        # of its own (review r42, L1)
        whole, seconds = whole + seconds // 86400, seconds % 86400
        return replace(
            item,
            date=dt.date.fromordinal(whole),
            time=(dt.datetime.min + dt.timedelta(seconds=seconds)).time(),
        )
    shift = 2 * (day - item.mid_date)
    return replace(
        item,
        date=item.date + shift,
        date_from=None if item.date_from is None else item.date_from + shift,
    )


def _evidence_posterior(
    items: Sequence[EvidenceItem],
    grid: Grid,
    *,
    as_of: dt.date,
    settings: Settings,
    log_prior: FloatArray,
    hindcast: bool,
    keep_factors: bool = True,
    found: dict[str, float] | None = None,
) -> tuple[
    list[EvidenceItem],
    list[tuple[str, str]],
    list[Factor],
    FactorSums | None,
    FloatArray,
    float | None,
    float | None,
]:
    """Items in force, those left out, factors, sums, posterior, search miss, Z out.

    What :func:`fuse` and :func:`~geosleuth.fuse.history.timeline` share: items
    that cannot inform the grid are moved from the used to the left out, with
    the reason. With ``keep_factors``, what the leave-one-out contributions need:
    the :class:`FactorSums` and the factors of more than one item (every factor,
    when sources are correlated: their weights come from all of them). Without
    it, and with independent sources, the factors are summed as they come and
    none is kept: one array of the grid in memory instead of one a factor (with
    correlated sources every factor is made first, for the weights). The last
    value is the chance that every search used missed, were the target in the
    grid (:func:`~geosleuth.fuse.posterior.search_miss`; None without
    searches): the searches' factors are summed apart from the others' for it.
    The last is the ``Z`` that ``P(outside)`` weighs (:func:`_outside_miss`;
    the search miss itself where nothing is dated after a search, or without
    a rest of world).
    """
    used, excluded = select(items, as_of=as_of, hindcast=hindcast)
    kept: list[Factor] = []
    sums = FactorSums(grid.n_cells) if keep_factors else None
    searched = np.zeros(grid.n_cells)
    n_searches = 0

    each_search: list[Factor] = []  # for ``found``

    def others(stream: Iterable[Factor]) -> Iterator[FloatArray]:
        # the searches' log L to ``searched``; the other factors' on
        nonlocal searched, n_searches
        for f in stream:
            if f.kind == Searched.kind:
                searched = searched + f.log_l
                n_searches += 1
                if found is not None:
                    each_search.append(f)
            else:
                yield f.log_l

    if settings.source_correlation > 0:
        kept, skipped = factors(used, grid, as_of=as_of, settings=settings)
        before = log_total(log_prior, others(kept))
        if sums is not None:
            for f in kept:
                sums.add(f.log_l)
        else:
            kept = []
    else:
        skipped = []

        def tap(stream: Iterable[Factor]) -> Iterator[Factor]:
            for f in stream:
                if sums is not None:
                    sums.add(f.log_l)
                    # a track's factors too: each of its fixes and searches is
                    # left out by following the others again
                    if (
                        len(f.item_ids) > 1
                        or f.kind == TRACK
                        or f.key == TRACK_SEARCHES
                    ):
                        kept.append(f)
                yield f

        stream = factor_stream(
            used, grid, as_of=as_of, settings=settings, skipped=skipped
        )
        before = log_total(log_prior, others(tap(stream)))
    try:
        post = normalised(before + searched)
        miss = search_miss(before, searched) if n_searches else None
        if found is not None:  # all of the as-of day: each alone, on its map
            by_id = {i.id: i for i in used if isinstance(i, Searched)}
            for f in each_search:
                if f.key == TRACK_SEARCHES:
                    continue  # each judged at its moment (``_miss_day_by_day``)
                for item_id in f.item_ids:
                    alone = (
                        f.log_l
                        if len(f.item_ids) == 1
                        else search_day_log(
                            [by_id[item_id]], grid, as_of=as_of, settings=settings
                        )
                    )
                    found[item_id] = 1.0 - search_miss(before, alone)
        now = now_of(as_of)
        if miss is not None and any(
            isinstance(i, Searched) and (i.date < as_of or i.moment < now) for i in used
        ):
            by_day = _miss_day_by_day(
                used,
                grid,
                settings=settings,
                log_prior=log_prior,
                found=found,
                as_of=as_of,
            )
            miss = miss if by_day is None else by_day
        outside_miss = miss
        if miss is not None and settings.rest_of_world > 0:
            outside_miss = _outside_miss(
                used,
                grid,
                miss=miss,
                settings=settings,
                log_prior=log_prior,
                as_of=as_of,
            )
    except InputError:
        if not (n_searches and settings.rest_of_world > 0):
            raise
        # certain searches ruled out every cell: with a rest of world, the
        # target is outside (P = 1); the map shown is the one before them
        post, miss = normalised(before), 0.0
        outside_miss = miss
    excluded.extend(skipped)
    skipped_ids = {i for i, _ in skipped}
    used = [i for i in used if i.id not in skipped_ids]
    return used, excluded, kept, sums, post, miss, outside_miss


def fuse(
    items: Sequence[EvidenceItem],
    grid: Grid,
    *,
    as_of: dt.date,
    settings: Settings | None = None,
    prior: ArrayLike | None = None,
    places: Sequence[NamedPlace] | None = None,
    contributions: bool = True,
    hindcast: bool = False,
    workers: int = 1,
) -> Estimate:
    """Fuse evidence into a posterior over ``grid`` as of a date.

    Parameters
    ----------
    items : sequence of evidence items
        Any mix of kinds; ids must be unique.
    grid : Grid
        The cells of the map.
    as_of : datetime.date
        Only items dated and published on or before this day are used.
    settings : Settings, optional
        Model settings (default :class:`Settings`).
    prior : array_like of shape (n_cells,), optional
        Prior weights (default uniform per unit area).
    places : sequence of NamedPlace, optional
        Places to rank (default: the named point places of sightings and claims).
    contributions : bool, default True
        Compute each item's leave-one-out contribution.
    hindcast : bool, default False
        Use items dated on or before ``as_of`` even if published later.
    workers : int, default 1
        Threads for the contributions (one posterior without each item: the
        long part of a large case); the figures are the same for any number.

    Returns
    -------
    Estimate

    Warns
    -----
    EvidenceWarning
        For each item left out because it lies wholly outside the grid, naming
        it, its place and how far away it is; for each document that repeats
        items of another word for word (a republished report: each statement
        counts once, see :func:`~geosleuth.dependence.repeats`), naming both.
    GeosleuthWarning
        When the grid's edge cuts the evidence: along it the evidence still
        stands at a tenth or more of its peak above its floor, so a wider
        region would change the map.

    Examples
    --------
    >>> from geosleuth.evidence import Provenance
    >>> g = Grid.around(40.0, 35.0, radius_km=60.0, cell_km=1.0)
    >>> s = Sighting(id="s1", provenance=Provenance(document="d"),
    ...              date=dt.date(2018, 1, 1), place=Point(40.0, 35.0),
    ...              place_name="X", sigma_km=10.0)
    >>> est = fuse([s], g, as_of=dt.date(2018, 1, 1))
    >>> round(est.places[0].probability, 3)  # ≈ 0.99 (1 - e^(-15²/2σ²)) + 0.01 disc
    0.668
    >>> fuse([], g, as_of=dt.date(2018, 1, 1)).hdr_km2["90"] >= 0.9 * g.area_km2
    True
    """
    settings = settings or Settings()
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise InputError(
            f"workers must be a positive whole number. Got {workers!r} instead.",
            field="workers",
        )
    items = list(items)
    log_prior = _check_prior(prior, grid)
    found: dict[str, float] = {}
    searches = kept_searches()  # each day's searches combined once, for all maps
    with searches:
        used, excluded, facs, sums, post, miss, outside_miss = _evidence_posterior(
            items, grid, as_of=as_of, settings=settings, log_prior=log_prior,
            hindcast=hindcast, keep_factors=contributions, found=found,
        )  # fmt: skip
    _warn_outside(items, excluded)
    _warn_untimed(used, as_of)
    _warn_untimed_today(used, as_of)
    warn_rings(used, grid)
    if any(not isinstance(i, LifeStatus) for i in used):  # the map is not the prior
        _warn_border(post, grid, log_prior)
    outside = rest_of_world_after(
        settings.rest_of_world, 1.0 if outside_miss is None else outside_miss
    )
    if miss is not None:
        _warn_searched_out(miss, settings, outside)
    # P(alive) from every item in force, those outside the grid included: the
    # day the case opened does not depend on the study region. Repeats of
    # another document's statement are no items of their own (select() left
    # them out, as p_alive() does): the first copy's contribution is the
    # statement's, not one a reprint would take over without it
    in_force = _in_force(items, as_of=as_of, hindcast=hindcast)
    again = repeats(in_force)
    _warn_repeats(items, again)
    in_force = [i for i in in_force if i.id not in again]
    alive = p_alive(in_force, as_of=as_of, settings=settings, hindcast=True)
    w50, w90 = hdr_weights(post, (0.5, 0.9))
    h90 = w90 > 0  # on a plateau, every cell the region may take
    ranked = place_probabilities(
        post,
        grid,
        list(places) if places is not None else _places_from_items(used),
        radius_km=settings.place_radius_km,
        hdr90=h90,
    )
    contribs: list[Contribution] = []
    # with every cell ruled out by the searches (miss 0: the map shown is the
    # one before them) a map without one item is no comparison: none is made
    if sums is not None and miss != 0.0:
        top_mask = (
            _disc(grid, ranked[0].lon, ranked[0].lat, ranked[0].radius_km)
            if ranked
            else None
        )
        with searches:
            contribs = _leave_one_out(
                used,
                facs,
                sums,
                log_prior,
                post,
                grid,
                as_of=as_of,
                settings=settings,
                alive=alive,
                top_mask=top_mask,
                replacements=_runners_up(items, used, as_of=as_of, hindcast=hindcast),
                workers=workers,
                life_items=in_force,
            )
    return Estimate(
        as_of=as_of,
        grid=grid,
        posterior=post,
        p_alive=alive,
        hdr_km2={
            "50": _cells_of(w50) * grid.cell_area_km2,
            "90": _cells_of(w90) * grid.cell_area_km2,
        },
        places=ranked,
        contributions=tuple(contribs),
        used=tuple(i.id for i in used),
        excluded=tuple(excluded),
        settings=settings,
        search_miss=miss,
        search_found=found,
        p_outside=outside,
        named_areas=area_probabilities(post, grid, _areas_from_items(used)),
    )
