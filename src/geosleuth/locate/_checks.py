"""The warnings and refusals of a case run about its evidence and its map.

Dates after today, and far beyond (:func:`check_dates`); documents published
before 1900 or long before the run's newest (:func:`warn_old_documents`); one
speaker's several map-moving items in one document, counted as independent
(:func:`one_speaker_groups`, :func:`warn_one_speaker`); a given region much
wider than the evidence spans (:func:`warn_wide_region`); a map that is the
prior alone (:func:`warn_prior_only`, which ``geosleuth verify`` also runs).
"""

from __future__ import annotations

import datetime as dt
import math
import warnings
from collections.abc import Sequence

from geosleuth.casefile import evidence_bounds, far_ahead
from geosleuth.casefile._dates import OLD_YEAR
from geosleuth.dependence import DEPENDENT_KINDS, document_key, document_source
from geosleuth.errors import EvidenceWarning, GeosleuthWarning, InputError
from geosleuth.evidence import EvidenceItem
from geosleuth.fuse import Estimate, Settings
from geosleuth.grid import Grid

__all__ = [
    "GROUP_MOVES_THE_MAP",
    "MOVES_THE_MAP",
    "YEARS_BEFORE_NEWEST",
    "check_dates",
    "ids_text",
    "one_speaker_groups",
    "warn_old_documents",
    "warn_one_speaker",
    "warn_prior_only",
    "warn_wide_region",
]


def check_dates(items: Sequence[EvidenceItem], *, today: dt.date) -> None:
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
        warnings.warn(
            f"The document {doc!r} is published on {pub.isoformat()}, after today "
            f"({today.isoformat()}); its items ({ids_text(ids)}) count as known "
            "only from then.",
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
#: of a run is warned of (:func:`warn_old_documents`).
YEARS_BEFORE_NEWEST = 30


def ids_text(ids: Sequence[str], most: int = 5) -> str:
    """``a, b, c`` and ``and 2 more`` past ``most``: the ids a warning names.

    Examples
    --------
    >>> ids_text(["a", "b"]), ids_text(list("abcdefg"))
    ('a, b', 'a, b, c, d, e and 2 more')
    """
    more = len(ids) - most
    return ", ".join(ids[:most]) + (f" and {more} more" if more > 0 else "")


def warn_old_documents(items: Sequence[EvidenceItem]) -> None:
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
            f"({ids_text(ids)}) are dated from it, and P(alive) counts from the "
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


def warn_one_speaker(est: Estimate, items: Sequence[EvidenceItem]) -> None:
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
            f"{group[0].provenance.document!r} ({ids_text(ids)}; map shift "
            f"{', '.join(f'{shift[i]:.2f}' for i in ids)}), count as {n} "
            "independent reports (source_correlation 0, the default), though one "
            "source gives them all. To count each document's items as one, set "
            "'settings: {source_correlation: 1}' in the case file (between 0 "
            "and 1 counts them in part).",
            EvidenceWarning,
            stacklevel=4,
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


def warn_wide_region(
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


def warn_prior_only(
    est: Estimate,
    items: Sequence[EvidenceItem],
    *,
    stacklevel: int = 2,
    known_by: dt.date | None = None,
) -> None:
    """Warn when the map of ``est`` is the prior alone, and why.

    ``known_by`` is the estimate's (:func:`~geosleuth.locate.fuse_known_by`): in
    a hindcast, no item known by then was dated by the estimate's day.

    No item used (none known by the estimate's day, or every one left out), or
    only items about life status: the areas and the ranking of places then
    mean nothing. A run says so (:func:`~geosleuth.locate.locate_case`), and
    ``geosleuth verify`` recomputes it from the stored items.
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
