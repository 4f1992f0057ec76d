"""Assertions for tests of code that builds on geosleuth.

:func:`assert_estimate_close` compares two :class:`~geosleuth.fuse.Estimate` objects
the way :func:`numpy.testing.assert_allclose` compares arrays: numbers within a
tolerance, everything else exactly, and on failure one :class:`AssertionError` that
names every field that differs (``posterior``, ``places[0].probability``,
``contributions[2].map_shift``, ...) with both values.

Use it to check that an estimate is reproducible (the same evidence, grid,
``as_of`` and settings give the same map), that a refactor changed nothing, or that
a stored estimate matches a recomputation.

Examples
--------
>>> import datetime as dt
>>> from geosleuth.fuse import fuse
>>> from geosleuth.grid import Grid
>>> g = Grid.around(40.0, 35.0, radius_km=20.0, cell_km=1.0)
>>> a = fuse([], g, as_of=dt.date(2020, 1, 1))
>>> assert_estimate_close(a, fuse([], g, as_of=dt.date(2020, 1, 1)))
>>> b = fuse([], g, as_of=dt.date(2021, 1, 1))
>>> assert_estimate_close(a, b)
Traceback (most recent call last):
...
AssertionError: The estimates differ in 1 field(s):
  as_of: 2020-01-01 != 2021-01-01
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from geosleuth.fuse import Estimate

__all__ = ["assert_estimate_close"]

#: Fields compared exactly, in the order they are reported.
_EXACT = ("as_of", "grid", "settings", "used", "excluded")


def _close(a: float, b: float, rtol: float, atol: float) -> bool:
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return abs(a - b) <= atol + rtol * abs(b)


def _compare_records(
    name: str,
    actual: Sequence[Any],
    desired: Sequence[Any],
    numeric: tuple[str, ...],
    rtol: float,
    atol: float,
) -> list[str]:
    """Differences between two sequences of dataclass records, field by field."""
    if len(actual) != len(desired):
        return [f"{name}: {len(actual)} entries != {len(desired)}"]
    out: list[str] = []
    for i, (a, d) in enumerate(zip(actual, desired, strict=True)):
        for f in type(d).__slots__:
            va, vd = getattr(a, f), getattr(d, f)
            if f in numeric and va is not None and vd is not None:
                if not _close(float(va), float(vd), rtol, atol):
                    out.append(f"{name}[{i}].{f}: {va!r} != {vd!r}")
            elif va != vd:
                out.append(f"{name}[{i}].{f}: {va!r} != {vd!r}")
    return out


def assert_estimate_close(
    actual: Estimate,
    desired: Estimate,
    *,
    rtol: float = 1e-7,
    atol: float = 1e-12,
) -> None:
    """Raise an AssertionError unless two estimates agree.

    Numbers (the posterior, ``p_alive``, the HDR areas, place probabilities and
    contributions) must satisfy ``|actual - desired| <= atol + rtol * |desired|``,
    as in :func:`numpy.testing.assert_allclose`; NaN equals NaN. Everything else
    (``as_of``, the grid, the settings, which items were used or left out and why,
    place names, positions and radii, HDR membership) must be equal.

    Parameters
    ----------
    actual, desired : Estimate
        The estimate under test, and the one it should match.
    rtol : float, default 1e-7
        Relative tolerance.
    atol : float, default 1e-12
        Absolute tolerance (a posterior's cells can be far below 1e-12).

    Raises
    ------
    AssertionError
        Naming every field that differs, with both values; for the posterior, the
        number of cells that differ and the largest difference.
    TypeError
        If either argument is not an :class:`~geosleuth.fuse.Estimate`.

    Examples
    --------
    >>> import datetime as dt
    >>> from geosleuth.evidence import Provenance, Sighting
    >>> from geosleuth.geometry import Point
    >>> from geosleuth.fuse import fuse
    >>> from geosleuth.grid import Grid
    >>> g = Grid.around(40.0, 35.0, radius_km=20.0, cell_km=1.0)
    >>> seen = Sighting(id="s", provenance=Provenance(document="d"),
    ...                 date=dt.date(2020, 1, 1), place=Point(40.0, 35.0), sigma_km=3)
    >>> est = fuse([seen], g, as_of=dt.date(2020, 1, 1))
    >>> assert_estimate_close(est, fuse([seen], g, as_of=dt.date(2020, 1, 1)))
    >>> try:
    ...     assert_estimate_close(est, fuse([], g, as_of=dt.date(2020, 1, 1)))
    ... except AssertionError as e:
    ...     print(str(e).splitlines()[1])
      used: ('s',) != ()
    """
    for arg, value in (("actual", actual), ("desired", desired)):
        if not isinstance(value, Estimate):
            raise TypeError(
                f"'{arg}' must be a geosleuth.fuse.Estimate. Got "
                f"{type(value).__name__} instead."
            )
    if rtol < 0 or atol < 0:
        raise ValueError(f"rtol and atol must be >= 0. Got {rtol} and {atol}.")
    diffs: list[str] = []
    for f in _EXACT:
        va, vd = getattr(actual, f), getattr(desired, f)
        if va != vd:
            diffs.append(f"{f}: {va} != {vd}")

    pa, pd = actual.posterior, desired.posterior
    if pa.shape != pd.shape:
        diffs.append(f"posterior: shape {pa.shape} != {pd.shape}")
    else:
        bad = ~np.isclose(pa, pd, rtol=rtol, atol=atol, equal_nan=True)
        if bad.any():
            with np.errstate(invalid="ignore"):
                gap = np.abs(pa - pd)
            worst = int(np.nanargmax(np.where(bad, gap, np.nan)))
            diffs.append(
                f"posterior: {int(bad.sum())} of {pa.size} cells differ; largest "
                f"|difference| {gap[worst]:.3g} at cell {worst} "
                f"({pa[worst]:.6g} != {pd[worst]:.6g})"
            )

    if not _close(actual.p_alive, desired.p_alive, rtol, atol):
        diffs.append(f"p_alive: {actual.p_alive!r} != {desired.p_alive!r}")
    if actual.hdr_km2.keys() != desired.hdr_km2.keys():
        diffs.append(
            f"hdr_km2: levels {sorted(actual.hdr_km2)} != {sorted(desired.hdr_km2)}"
        )
    else:
        for level, area in desired.hdr_km2.items():
            if not _close(actual.hdr_km2[level], area, rtol, atol):
                diffs.append(
                    f"hdr_km2[{level!r}]: {actual.hdr_km2[level]!r} != {area!r}"
                )
    diffs += _compare_records(
        "places", actual.places, desired.places, ("probability",), rtol, atol
    )
    diffs += _compare_records(
        "contributions",
        actual.contributions,
        desired.contributions,
        ("map_shift", "p_alive_shift", "top_place_without", "weight"),
        rtol,
        atol,
    )
    if diffs:
        head = f"The estimates differ in {len(diffs)} field(s):"
        raise AssertionError("\n  ".join([head, *diffs]))
