"""Named types for the inputs geosleuth accepts."""

from __future__ import annotations

import datetime as _dt
import os
from typing import TypeAlias

import numpy as np
import numpy.typing as npt

__all__ = [
    "ArrayLike",
    "BoolArray",
    "DateLike",
    "FloatArray",
    "IntArray",
    "LonLatArray",
    "PathLike",
    "RngLike",
]

FloatArray: TypeAlias = npt.NDArray[np.float64]
IntArray: TypeAlias = npt.NDArray[np.int64]
BoolArray: TypeAlias = npt.NDArray[np.bool_]
ArrayLike: TypeAlias = npt.ArrayLike
#: An array of shape (n, 2) holding (lon, lat) pairs in degrees, WGS84.
LonLatArray: TypeAlias = npt.NDArray[np.float64]
DateLike: TypeAlias = "_dt.date | str"
PathLike: TypeAlias = "str | os.PathLike[str]"
RngLike: TypeAlias = "np.random.Generator | int | None"
