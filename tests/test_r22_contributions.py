"""What a speaker's latest claim gives back when it is left out (review r22, 2 and 3).

A claim's ``map_shift`` is measured against the map without it, where the
claims it superseded come back: all of them made on the speaker's day before,
and only those made by ``as_of``. A claim the speaker makes after ``as_of`` is
not yet said: the claim in force on ``as_of`` is the one left out.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from geosleuth.evidence import Claim, Provenance
from geosleuth.fuse import fuse
from geosleuth.geometry import Point
from geosleuth.grid import Grid

ANSONGO, AYOROU, WEST = Point(0.50, 15.66), Point(0.92, 14.73), Point(0.2, 15.0)
GRID = Grid.around(0.7, 15.2, radius_km=150.0, cell_km=5.0)
AS_OF = dt.date(2019, 3, 20)


def _said(i: str, day: dt.date, where: Point) -> Claim:
    return Claim(
        id=i, date=day, place=where, buffer_km=10.0,
        provenance=Provenance(document=f"doc-{i}", speaker="Kone", published=day),
    )  # fmt: skip


def _shift(items: list[Claim], item_id: str) -> float:
    (c,) = [
        c for c in fuse(items, GRID, as_of=AS_OF).contributions if c.item_id == item_id
    ]
    return c.map_shift


def _tv(a: list[Claim], b: list[Claim]) -> float:
    """Total variation between the maps of ``a`` and of ``b`` as of AS_OF."""
    pa = fuse(a, GRID, as_of=AS_OF, contributions=False).posterior
    pb = fuse(b, GRID, as_of=AS_OF, contributions=False).posterior
    return 0.5 * float(np.abs(pa - pb).sum())


def test_a_claim_made_after_as_of_does_not_take_the_place_of_the_one_in_force() -> None:
    a = _said("a", dt.date(2019, 3, 1), ANSONGO)
    b = _said("b", dt.date(2019, 3, 14), AYOROU)
    c = _said("c", dt.date(2019, 4, 2), WEST)  # not yet said on 20 March
    shift = _shift([a, b, c], "b")
    # left out, 'b' gives way to 'a', its speaker's claim before it
    assert shift == pytest.approx(_tv([a, b, c], [a]), abs=1e-12)
    assert shift == pytest.approx(0.98999, abs=5e-6)
    # not to nothing, as if 'c' (after as_of) had been its winner
    assert abs(shift - _tv([a, b, c], [])) > 0.05


def test_every_claim_of_the_speakers_earlier_day_comes_back() -> None:
    a = _said("a", dt.date(2019, 3, 1), ANSONGO)
    a2 = _said("a2", dt.date(2019, 3, 1), WEST)  # "near Ansongo or to its west"
    b = _said("b", dt.date(2019, 3, 14), AYOROU)
    shift = _shift([a, a2, b], "b")
    assert shift == pytest.approx(_tv([a, a2, b], [a, a2]), abs=1e-12)
    assert shift == pytest.approx(0.994129, abs=5e-6)
    assert abs(shift - _tv([a, a2, b], [a])) > 1e-3  # not 'a' alone (0.989995)
