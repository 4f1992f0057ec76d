"""A cell may not be larger than the study area it cuts.

A grid is centred on its area, so a cell wider than the area reaches far past
it: ``cell_km: 1e9`` put the grid's corners at infinity, and ``locate`` ran out
of memory (or failed late, naming no field, after writing part of its output).
"""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import REPO
from geosleuth.cli import app
from geosleuth.errors import InputError
from geosleuth.grid import Grid

HIKER = REPO / "src" / "geosleuth" / "examples" / "missing-hiker.yaml"


@pytest.mark.parametrize("cell_km", [1e9, 1e5, 300.0])
def test_a_cell_wider_than_the_area_is_refused(cell_km: float) -> None:
    with pytest.raises(InputError, match="larger than the study area") as err:
        Grid.from_bounds(40.0, 34.0, 42.0, 36.0, cell_km=cell_km)  # ~180 x 220 km
    assert err.value.field == "cell_km"
    g = Grid.from_bounds(40.0, 34.0, 42.0, 36.0)
    with pytest.raises(InputError, match="larger than the study area"):
        g.recut(cell_km)


@settings(max_examples=50, deadline=None)
@given(
    west=st.floats(-170, 160),
    south=st.floats(-80, 70),
    span=st.floats(0.01, 10.0),
    share=st.floats(0.001, 1.0),
)
def test_any_cell_up_to_the_area_gives_a_finite_grid(
    west: float, south: float, span: float, share: float
) -> None:
    probe = Grid.from_bounds(west, south, west + span, south + span)
    widest = max(probe.nx, probe.ny) * probe.cell_km
    try:
        g = Grid.from_bounds(
            west, south, west + span, south + span, cell_km=share * widest * 0.9
        )
    except InputError as exc:  # too many cells for a small share: a clear refusal
        assert exc.field == "cell_km"
        return
    assert all(math.isfinite(v) for v in g.bounds_lonlat())


def test_locate_refuses_a_huge_cell_and_writes_nothing(tmp_path: Path) -> None:
    case = tmp_path / "hiker.yaml"
    text = HIKER.read_text(encoding="utf-8")
    assert "grid: {cell_km: 0.1}" in text
    case.write_text(text.replace("grid: {cell_km: 0.1}", "grid: {cell_km: 1e9}"))
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["locate", str(case), "--out", str(out)])
    assert result.exit_code == 1
    assert "grid.cell_km" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()
    result = CliRunner().invoke(
        app, ["locate", str(HIKER), "--cell-km", "100000", "--out", str(out)]
    )
    assert result.exit_code == 1
    assert "larger than the study area" in result.output
    assert not out.exists()
    shutil.rmtree(tmp_path / "out", ignore_errors=True)


@pytest.mark.parametrize("max_cells", [1, 3])
def test_a_tiny_max_cells_still_gives_a_grid(max_cells: int) -> None:
    # the cell the grid chooses itself may be wider than the area (before the
    # check, these ran; the check blamed a cell_km the user never gave)
    g = Grid.from_bounds(-4.16, 53.03, -3.98, 53.12, max_cells=max_cells)
    assert g.n_cells <= max_cells
    assert all(math.isfinite(v) for v in g.bounds_lonlat())
