"""Hypothesis strategies shared by the test modules."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from hypothesis import strategies as st

__all__ = ["pod_arrays", "probability_vectors", "ring_tables"]


@st.composite
def probability_vectors(
    draw: st.DrawFn,
    *,
    min_cells: int = 1,
    max_cells: int = 30,
    max_rest_of_world: float = 0.5,
    allow_zeros: bool = True,
) -> tuple[npt.NDArray[np.float64], float]:
    """Cell probabilities ``p`` and a rest-of-world mass ``r`` with ``sum(p) + r == 1``.

    Some cells may be exactly 0 (``allow_zeros``); at least one is positive.
    """
    n = draw(st.integers(min_value=min_cells, max_value=max_cells))
    low = 0.0 if allow_zeros else 1e-3
    weights = np.array(
        draw(
            st.lists(
                st.one_of(st.just(low), st.floats(min_value=1e-3, max_value=1.0))
                if allow_zeros
                else st.floats(min_value=1e-3, max_value=1.0),
                min_size=n,
                max_size=n,
            )
        ),
        dtype=np.float64,
    )
    if not weights.any():
        weights[draw(st.integers(min_value=0, max_value=n - 1))] = 1.0
    rest = draw(
        st.one_of(st.just(0.0), st.floats(min_value=1e-3, max_value=max_rest_of_world))
    )
    return (1.0 - rest) * weights / weights.sum(), rest


@st.composite
def pod_arrays(draw: st.DrawFn, n: int) -> npt.NDArray[np.float64]:
    """Per-cell probabilities of detection in ``[0, 1]``, with exact 0s and 1s."""
    values = st.one_of(
        st.just(0.0), st.just(1.0), st.floats(min_value=0.0, max_value=1.0)
    )
    return np.array(draw(st.lists(values, min_size=n, max_size=n)), dtype=np.float64)


# --- core strategies: grids, places and evidence items (geosleuth.grid / fuse) ---
import datetime as _dt  # noqa: E402
import math  # noqa: E402

from geosleuth.evidence import (  # noqa: E402
    Claim,
    EventSet,
    Front,
    LifeStatus,
    Provenance,
    Searched,
    Sighting,
    Territory,
)
from geosleuth.geometry import Area, Point  # noqa: E402
from geosleuth.grid import Grid  # noqa: E402

__all__ += ["evidence_lists", "lonlats", "small_grids"]

AS_OF = _dt.date(2020, 6, 1)
_PROV = Provenance(document="hypothesis", published=AS_OF)


@st.composite
def small_grids(draw: st.DrawFn) -> Grid:
    """Grids of at most 40 x 40 cells somewhere between 60° S and 60° N."""
    lon = draw(st.floats(min_value=-170, max_value=170))
    lat = draw(st.floats(min_value=-60, max_value=60))
    cell = draw(st.sampled_from([0.5, 1.0, 2.0, 5.0]))
    n = draw(st.integers(min_value=5, max_value=40))
    return Grid.around(lon, lat, radius_km=n * cell / 2.0, cell_km=cell)


def lonlats(grid: Grid) -> st.SearchStrategy[tuple[float, float]]:
    """Points inside the grid's bounding box."""
    w, s, e, n = grid.bounds_lonlat()
    return st.tuples(
        st.floats(min_value=w, max_value=e), st.floats(min_value=s, max_value=n)
    )


_KINDS = (
    "sighting",
    "claim",
    "searched",
    "territory",
    "front",
    "event_set",
    "life_status",
)


@st.composite
def evidence_lists(draw: st.DrawFn, grid: Grid, *, max_items: int = 6) -> list:
    """Items of every kind placed inside ``grid``, some dated before ``AS_OF``.

    Sightings (alone or in a group, of the target or an associate), claims,
    partial searches (pd < 1), territory (two groups, so that newer items
    supersede older ones, and same-day ties occur), fronts (of unlimited or
    limited width), event sets (KDE or CGT, weighted or not) and life status.
    Each item is dated up to 400 days before ``AS_OF`` (often on it), so the
    movement model widens kernels and searches may fade.
    """
    n = draw(st.integers(min_value=0, max_value=max_items))
    items: list[object] = []
    for i in range(n):
        lon, lat = draw(lonlats(grid))
        kind = draw(st.sampled_from(_KINDS))
        sigma = draw(st.floats(min_value=0.5, max_value=30.0))
        age = draw(st.one_of(st.just(0), st.integers(min_value=1, max_value=400)))
        common = {
            "id": f"i{i}",
            "provenance": _PROV,
            "date": AS_OF - _dt.timedelta(days=age),
        }
        if kind == "sighting":
            items.append(
                Sighting(
                    **common,
                    place=Point(lon, lat),
                    sigma_km=sigma,
                    group=draw(st.sampled_from([None, "g"])),
                    subject=draw(st.sampled_from(["target", "associate"])),
                    associate_sigma_km=draw(st.floats(min_value=0.0, max_value=10.0)),
                )
            )
        elif kind == "claim":
            items.append(
                Claim(
                    **common,
                    place=Point(lon, lat),
                    buffer_km=sigma,
                    sigma_km=sigma,
                    hedge=draw(st.sampled_from(["possible", "probable"])),
                    polarity=draw(st.sampled_from(["is", "is_not"])),
                )
            )
        elif kind == "searched":
            d = draw(st.floats(min_value=0.01, max_value=0.2))
            items.append(
                Searched(
                    **common,
                    area=Area.box(lon - d, lat - d, lon + d, lat + d),
                    pd=draw(st.floats(min_value=0.01, max_value=0.95)),
                )
            )
        elif kind == "territory":
            d = draw(st.floats(min_value=0.01, max_value=0.2))
            items.append(
                Territory(
                    **common,
                    group_name=draw(st.sampled_from(["G", "H"])),
                    area=Area.box(lon - d, lat - d, lon + d, lat + d),
                    tie=draw(st.floats(min_value=0.0, max_value=1.0)),
                    sigma_km=sigma,
                )
            )
        elif kind == "front":
            items.append(
                Front(
                    **common,
                    force="F",
                    place=Point(lon, lat),
                    distance_km=draw(st.floats(min_value=0.0, max_value=20.0)),
                    bearing_deg=draw(st.floats(min_value=0.0, max_value=360.0)),
                    width_km=draw(
                        st.one_of(
                            st.just(math.inf), st.floats(min_value=1.0, max_value=50.0)
                        )
                    ),
                    sigma_km=draw(st.floats(min_value=0.5, max_value=5.0)),
                )
            )
        elif kind == "event_set":
            events = draw(st.lists(lonlats(grid), min_size=2, max_size=5))
            weights = draw(
                st.one_of(
                    st.none(),
                    st.lists(
                        st.floats(min_value=0.1, max_value=5.0),
                        min_size=len(events),
                        max_size=len(events),
                    ),
                )
            )
            items.append(
                EventSet(
                    **common,
                    lons=[e[0] for e in events],
                    lats=[e[1] for e in events],
                    weights=weights,
                    method=draw(st.sampled_from(["kde", "cgt"])),
                    sigma_km=sigma,
                )
            )
        else:
            items.append(
                LifeStatus(
                    **common,
                    **draw(
                        st.sampled_from(
                            [
                                {"status": "alive"},
                                {"status": "dead"},
                                {"status": "dead", "body": True},
                            ]
                        )
                    ),
                    hedge=draw(st.sampled_from(["certain", "possible"])),
                )
            )
    return items


# --- geographic profiling (geosleuth.profile) ---
__all__ += ["cgt_cases"]


@st.composite
def cgt_cases(draw: st.DrawFn) -> dict[str, object]:
    """A small raster of square cells and events in, around and on it, for CGT.

    Some events sit exactly on cell centres and some outside the raster; weights
    are positive or None.
    """
    nx = draw(st.integers(min_value=1, max_value=12))
    ny = draw(st.integers(min_value=1, max_value=12))
    h = draw(st.sampled_from([0.1, 0.25, 0.7, 1.0, 3.0]))
    x0 = draw(st.floats(min_value=-50.0, max_value=50.0))
    y0 = draw(st.floats(min_value=-50.0, max_value=50.0))
    n_ev = draw(st.integers(min_value=1, max_value=8))
    u = st.floats(min_value=-0.5, max_value=1.5)
    ex, ey = [], []
    for _ in range(n_ev):
        if draw(st.booleans()):  # on a cell centre
            ex.append(x0 + (draw(st.integers(0, nx - 1)) + 0.5) * h)
            ey.append(y0 + (draw(st.integers(0, ny - 1)) + 0.5) * h)
        else:
            ex.append(x0 + draw(u) * nx * h)
            ey.append(y0 + draw(u) * ny * h)
    weights = draw(
        st.one_of(
            st.none(),
            st.lists(
                st.floats(min_value=0.1, max_value=5.0), min_size=n_ev, max_size=n_ev
            ),
        )
    )
    xs = x0 + (np.arange(nx) + 0.5) * h
    ys = y0 + (np.arange(ny) + 0.5) * h
    cx, cy = (a.ravel() for a in np.meshgrid(xs, ys))
    return {
        "event_x_km": np.array(ex),
        "event_y_km": np.array(ey),
        "cell_x_km": cx,
        "cell_y_km": cy,
        "buffer_km": draw(st.floats(min_value=0.05, max_value=5.0)),
        "f": draw(st.floats(min_value=0.5, max_value=2.5)),
        "g": draw(st.floats(min_value=0.5, max_value=2.5)),
        "weights": None if weights is None else np.array(weights),
    }


@st.composite
def ring_tables(
    draw: st.DrawFn, *, decreasing: bool = False
) -> tuple[list[float], list[float]]:
    """A ring model's table: 2 to 5 percents in (0, 100) and their distances, km.

    With ``decreasing``, each ring's share over its area is no more than the
    one's inside it (the condition for a density that falls with distance).
    """
    halves = draw(st.lists(st.integers(1, 199), min_size=2, max_size=5, unique=True))
    percents = [h / 2.0 for h in sorted(halves)]
    radii = [draw(st.floats(0.05, 20.0))]
    for k in range(1, len(percents)):
        grow = draw(st.floats(1.05, 4.0))
        if decreasing:
            q0 = percents[k - 2] if k > 1 else 0.0
            inner = radii[k - 2] if k > 1 else 0.0
            density = (percents[k - 1] - q0) / (radii[-1] ** 2 - inner**2)
            least = radii[-1] ** 2 + (percents[k] - percents[k - 1]) / density
            radii.append(float(np.sqrt(least)) * grow)
        else:
            radii.append(radii[-1] * grow)
    return percents, radii
