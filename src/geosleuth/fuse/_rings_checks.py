"""Warnings about the rings items a map uses (review r211: H2, M1, M3, L4, L8).

A rings item (:class:`~geosleuth.evidence.Rings`) is a table of where such
subjects are found, placed on one point; its mistakes leave no mark on the map
a planner would see:

- a table in metres read as km puts the whole region inside its first ring,
  where the item is level and moves nothing (H2);
- a region that cuts off much of the rings leaves their mass outside, while
  the map takes the target to be inside; the share is the model's mass off
  the grid, exact (:func:`~geosleuth.fuse.rings.ring_cell_mass`), where the
  border warning, which compares the border with the peak, misses a surface
  that falls steeply (M1);
- a place outside the region is worth saying as such (L4);
- rings finer than a cell cannot be told apart on the map (L8);
- two rings items multiply, counting the same statistics twice (M3).
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence

import numpy as np

from geosleuth._quoting import km_text
from geosleuth.errors import EvidenceWarning
from geosleuth.evidence import EvidenceItem, Rings
from geosleuth.fuse.reach import km_outside_grid
from geosleuth.fuse.rings import ring_cell_mass, ring_mass_within, ring_reach_km
from geosleuth.grid import Grid

__all__ = ["CUT_SHARE", "HOLD", "hold_km", "warn_rings"]

#: Above this share of a rings item's mass outside the region, it is warned of.
CUT_SHARE = 0.05
#: The share of the rings' mass the suggested region holds.
HOLD = 0.95


def warn_rings(used: Sequence[EvidenceItem], grid: Grid) -> None:
    """An :class:`~geosleuth.errors.EvidenceWarning` for each mistake of a rings item.

    ``used`` are the items the map uses (a rings item left out as outside the
    grid is warned of where it is left out).
    """
    rings = [i for i in used if isinstance(i, Rings)]
    if len(rings) > 1:
        names = _and([repr(r.id) for r in rings])
        times = "twice" if len(rings) == 2 else f"{len(rings)} times over"
        warnings.warn(
            f"The rings items {names} multiply: each is a table of where such "
            "subjects are found, and together they count the same statistics "
            f"{times}, which narrows the map as if they were "
            "independent evidence. Keep one: for two initial planning points (a "
            "point last seen and a last known point), one rings item on the "
            "better of them; for two tables of one subject (urban and rural, two "
            "sources), the one that fits, or one table between them.",
            EvidenceWarning,
            stacklevel=3,
        )
    for item in rings:
        _warn_one(item, grid)


def _and(words: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return " and ".join([", ".join(words[:-1]), words[-1]] if len(words) > 1 else words)


def _where(item: Rings) -> str:
    return item.place_name or f"{item.place.lon:.4f}, {item.place.lat:.4f}"


def _table(rows: Sequence[tuple[float, float]], scale: float = 1.0) -> str:
    return "{" + ", ".join(f"{p:g}: {km * scale:g}" for p, km in rows) + "}"


def _warn_one(item: Rings, grid: Grid) -> None:
    x, y = (float(v) for v in grid.lonlat_to_xy_km(item.place.lon, item.place.lat))
    percents, radii = zip(*item.quantiles_km, strict=True)
    corners_x = np.array([grid.west_km, grid.east_km])
    corners_y = np.array([grid.south_km, grid.north_km])
    farthest = float(np.hypot(np.abs(corners_x - x).max(), np.abs(corners_y - y).max()))
    first = radii[0]
    if first >= farthest:
        _warn_level(item, farthest)
        return
    said = []
    out_km = float(km_outside_grid(x, y, grid))
    if out_km > 0:
        said.append(
            f"its place ({_where(item)}) lies {km_text(out_km)} km outside the "
            "study region"
        )
    mass = ring_cell_mass(grid, x, y, percents=percents, radii_km=radii)
    outside = 1.0 - float(mass.sum())
    if outside > CUT_SHARE:
        said.append(_cut_text(item, grid, x, y, outside, out_km))
    if said:
        warnings.warn(
            f"The rings {item.id!r}: {'; '.join(said)}.",
            EvidenceWarning,
            stacklevel=4,
        )
    fine = [(p, km) for p, km in item.quantiles_km if km < grid.cell_km]
    if fine:
        shown = _and([f"{p:g}" for p, _ in fine]) + " %"
        kms = _and([f"{km:g}" for _, km in fine])
        warnings.warn(
            f"The rings {item.id!r}: its {shown} "
            f"distance{'s' if len(fine) > 1 else ''} ({kms} km) "
            f"{'are' if len(fine) > 1 else 'is'} shorter than a cell of the grid "
            f"(cell_km {grid.cell_km:g}): the map cannot show "
            f"{'those rings' if len(fine) > 1 else 'that ring'} (their shares are "
            "kept, in the cells around the place). A finer grid ('grid: {cell_km: "
            "...}') would.",
            EvidenceWarning,
            stacklevel=4,
        )


def _warn_level(item: Rings, farthest: float) -> None:
    """The whole region within the first distance: the item is level on it."""
    p, first = item.quantiles_km[0]
    if first / 1000.0 < farthest:
        metres = (
            " Distances in metres? Did you mean "
            f"{_table(item.quantiles_km, 1e-3)} (km)? Otherwise widen the region."
        )
    else:
        metres = " Check the table's distances (km), or widen the region."
    warnings.warn(
        f"The rings {item.id!r} moves nothing: the whole study region lies within "
        f"its first distance ({p:g} % within {first:g} km of {_where(item)}; the "
        f"region's farthest corner is {km_text(farthest)} km from it), so the "
        f"item is level over the region.{metres}",
        EvidenceWarning,
        stacklevel=5,
    )


def hold_km(item: Rings, share: float = HOLD) -> float:
    """The distance from the place within which the model holds ``share``."""
    percents, radii = zip(*item.quantiles_km, strict=True)
    lo, hi = 0.0, ring_reach_km(percents, radii)
    for _ in range(60):
        mid = 0.5 * (lo + hi)
        if float(ring_mass_within(mid, percents=percents, radii_km=radii)) < share:
            lo = mid
        else:
            hi = mid
    return hi


def _cut_text(
    item: Rings, grid: Grid, x: float, y: float, outside: float, out_km: float
) -> str:
    """The share outside, which distances reach past the edge, and a region."""
    if out_km > 0:
        past = ""
    else:
        edge = min(x - grid.west_km, grid.east_km - x, y - grid.south_km)
        edge = min(edge, grid.north_km - y)
        beyond = [f"{p:g}" for p, km in item.quantiles_km if km > edge]
        past = (
            f" (its {_and(beyond)} % distance"
            f"{'s reach' if len(beyond) > 1 else ' reaches'} past the region's "
            f"edge, {km_text(edge)} km from its place)"
            if beyond
            else ""
        )
    reach = hold_km(item)
    t = np.linspace(0.0, 2.0 * math.pi, 73)
    disc = grid.box_lonlat(x + reach * np.cos(t), y + reach * np.sin(t))
    now = grid.bounds_lonlat()
    to = f"to reach {km_text(reach)} km from its place in every direction"
    if disc[0] <= disc[2] and now[0] <= now[2]:  # neither across the antimeridian
        w = math.floor(100.0 * min(disc[0], now[0])) / 100.0
        s = math.floor(100.0 * min(disc[1], now[1])) / 100.0
        e = math.ceil(100.0 * max(disc[2], now[2])) / 100.0
        n = math.ceil(100.0 * max(disc[3], now[3])) / 100.0
        to += f" ({{west: {w:.2f}, south: {s:.2f}, east: {e:.2f}, north: {n:.2f}}})"
    return (
        f"{100.0 * outside:.0f} % of the rings' mass lies outside the study "
        f"region{past}, and the map takes the target to be in it: widen the "
        f"region ('region') {to} to hold {100.0 * HOLD:.0f} %"
    )
