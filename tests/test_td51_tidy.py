"""Tidy-ups that must change no figure (session 25, td51).

- :class:`~geosleuth.fuse.track.TrackPasses` keeps its passes' states in a
  :class:`~geosleuth.fuse.track._Pass`; a pass that keeps fewer states than it
  has members (beyond ``_KEPT_STATE_CELLS``) follows on from the nearest one it
  kept, to the same figures.
- :func:`~geosleuth.casefile.load_case` names each file it reads, the case and
  an event set's ``csv:``, just before it reads it (``before_read``), so that
  ``geosleuth locate`` binds each by its SHA-256 without reading the case twice.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from geosleuth.casefile import load_case
from geosleuth.evidence import EventSet
from geosleuth.fuse import track as track_module
from geosleuth.fuse.track import TrackPasses
from geosleuth.grid import Grid

GRID = Grid.around(0.0, 0.0, radius_km=8.0, cell_km=0.5)
X, _ = GRID.cell_xy_km()
KW = {"now": 1.0, "diffusion_km2_per_day": 20.0, "cutoff": 5.0}


def _passes() -> TrackPasses:
    fixes = [
        (h / 24, np.log(0.9 * np.exp(-0.5 * (X - x) ** 2) + 0.1))
        for x, h in [(-4.0, 7.0), (-1.0, 10.0), (2.0, 13.0), (4.0, 16.0)]
    ]
    searches = [
        (h / 24, np.log1p(-0.8 * (np.abs(X - x) <= 1.0)))
        for x, h in [(-3.0, 8.0), (3.0, 12.0), (0.0, 13.0), (5.0, 15.0)]
    ]
    return TrackPasses(fixes, searches, GRID, **KW)


def _left_out(passes: TrackPasses) -> list[np.ndarray]:
    got: list[np.ndarray] = []
    for k in range(4):
        for track, searched in (passes.without_fix(k), passes.without_search(k)):
            assert searched is not None
            got += [track, searched]
    return got


def test_a_pass_that_keeps_few_states_leaves_one_out_to_the_same_figures(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    every = _left_out(_passes())
    # room for 2 states of a pass of 8 members: the others followed again
    monkeypatch.setattr(track_module, "_KEPT_STATE_CELLS", 2 * GRID.n_cells)
    few = _left_out(_passes())
    assert all(np.array_equal(a, b) for a, b in zip(every, few, strict=True))


def test_a_pass_kept_whole_has_each_state_before_its_members() -> None:
    passes = _passes()
    assert passes._both is not None
    assert sorted(passes._both.saved) == list(range(8))


_CASE = """\
target: source of the outbreak (synthetic)
region: {west: 11.330, south: 44.482, east: 11.356, north: 44.508}
evidence:
  - {id: a, kind: event_set, date: 2024-08-19, csv: cases.csv}
  - {id: b, kind: event_set, date: 2024-08-19, csv: more.csv}
  - {id: c, kind: event_set, date: 2024-08-19, csv: cases.csv}
"""

_ROWS = "lon,lat\n11.34,44.49\n11.35,44.50\n11.345,44.495\n"


def test_load_case_names_each_file_just_before_it_reads_it(tmp_path: Path) -> None:
    (tmp_path / "case.yaml").write_text(_CASE, "utf-8")
    (tmp_path / "cases.csv").write_text(_ROWS, "utf-8")
    (tmp_path / "more.csv").write_text(_ROWS, "utf-8")
    named: list[Path] = []

    def before_read(path: Path) -> None:
        named.append(path)
        if path.name == "more.csv":  # changed now: what is read is the new text
            path.write_text(_ROWS + "11.331,44.483\n", "utf-8")

    case = load_case(tmp_path / "case.yaml", before_read=before_read)
    assert named == [
        tmp_path / "case.yaml",
        tmp_path / "cases.csv",
        tmp_path / "more.csv",
        tmp_path / "cases.csv",
    ]
    sizes = [i.lons.size for i in case.items if isinstance(i, EventSet)]
    assert sizes == [3, 4, 3]


def test_load_case_without_before_read_reads_as_before(tmp_path: Path) -> None:
    (tmp_path / "case.yaml").write_text(_CASE, "utf-8")
    (tmp_path / "cases.csv").write_text(_ROWS, "utf-8")
    (tmp_path / "more.csv").write_text(_ROWS, "utf-8")
    assert len(load_case(tmp_path / "case.yaml").items) == 3
