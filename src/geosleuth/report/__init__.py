"""Writers of an estimate's and a plan's outputs: JSON, GeoJSON, HTML, PNG, field files.

Each output has its own module (``files``, ``geojson``, ``fieldfiles``, ...); import
the one you need. Nothing here does the math: the writers take the results of
:mod:`geosleuth.fuse` and :mod:`geosleuth.plan`.
"""

from __future__ import annotations

from geosleuth.report.geojson import estimate_geojson
from geosleuth.report.html import render_report
from geosleuth.report.png import render_png

__all__: list[str] = ["estimate_geojson", "render_png", "render_report"]
