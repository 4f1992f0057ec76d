"""An area of several parts covers their union, however the parts meet.

Search sectors that tile an area share edges, and sectors drawn by hand overlap.
Such a multipolygon is invalid as drawn; its coverage of the grid must be that
of the union of its parts (before, the overlaps and some shared edges came out
as holes, and the cells there counted as never searched).
"""

from __future__ import annotations

import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from geosleuth.geometry import Area, coverage
from geosleuth.grid import Grid

GRID = Grid.around(-4.05, 53.075, radius_km=3.0, cell_km=0.2)
#: Box edges are drawn densified, strips with straight edges: a few 1e-4 apart.
TOL = 1e-3
WEST, SOUTH, EAST, NORTH = -4.07, 53.06, -4.03, 53.09


def _box(w: float, s: float, e: float, n: float) -> np.ndarray:
    return np.array([[w, s], [e, s], [e, n], [w, n], [w, s]])


def _parts(*boxes: tuple[float, float, float, float]) -> Area:
    return Area(tuple((_box(*b),) for b in boxes))


def test_sectors_sharing_edges_cover_what_their_box_covers() -> None:
    xs, ys = np.linspace(WEST, EAST, 4), np.linspace(SOUTH, NORTH, 4)
    tiles = [(xs[i], ys[j], xs[i + 1], ys[j + 1]) for i in range(3) for j in range(3)]
    whole = coverage(Area.box(WEST, SOUTH, EAST, NORTH), GRID)
    tiled = coverage(_parts(*tiles), GRID)
    assert whole.sum() > 50
    np.testing.assert_allclose(tiled, whole, atol=TOL)


def test_overlapping_sectors_cover_their_overlap() -> None:
    a = (WEST, SOUTH, -4.045, NORTH)
    b = (-4.055, SOUTH, EAST, NORTH)
    cov = coverage(_parts(a, b), GRID)
    np.testing.assert_allclose(
        cov, coverage(Area.box(WEST, SOUTH, EAST, NORTH), GRID), atol=TOL
    )
    # a cell in both sectors is covered once, in full
    cell = int(GRID.lonlat_to_cell(-4.0497, 53.075))
    assert cov.ravel()[cell] == 1.0


@settings(max_examples=20, deadline=None)
@given(
    cuts=st.lists(
        st.floats(min_value=0.05, max_value=0.95), min_size=1, max_size=5, unique=True
    ),
    overlap=st.floats(min_value=0.0, max_value=0.004),
)
def test_strips_of_a_box_cover_the_box(cuts: list[float], overlap: float) -> None:
    edges = [WEST, *sorted(WEST + c * (EAST - WEST) for c in cuts), EAST]
    strips = [
        (max(WEST, a - overlap), SOUTH, min(EAST, b + overlap), NORTH)
        for a, b in itertools.pairwise(edges)
    ]
    np.testing.assert_allclose(
        coverage(_parts(*strips), GRID),
        coverage(Area.box(WEST, SOUTH, EAST, NORTH), GRID),
        atol=TOL,
    )
