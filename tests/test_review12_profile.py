"""``profile`` and the events CSV: the defects of the twelfth outside review.

A study area beyond a hemisphere is refused and one far from regional is warned
of; events within 1 m are one place; --cell-km that leaves one cell is refused,
and rounding that grows the area is said; options of the other method are
refused; errors name the events file; a line separator inside a name does not
split the row.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from geosleuth.cli import app
from geosleuth.errors import GeosleuthWarning, InputError
from geosleuth.events import read_events_csv
from geosleuth.profile import study_area_grid

runner = CliRunner()


def _csv(tmp_path: Path, text: str, name: str = "ev.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def _profile(*args: object) -> tuple[int, str]:
    result = runner.invoke(app, ["profile", *map(str, args)], terminal_width=400)
    return result.exit_code, " ".join(result.output.split())


BOSTON = "lon,lat\n-71.08,42.34\n-71.14,42.35\n-71.10,42.40\n-71.05,42.36\n"


# ----------------------------------------------------- 8: the events CSV rows
def test_a_line_separator_in_a_name_does_not_split_the_row(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "name,lon,lat\nA\u2028B,-71.08,42.34\nC,-71.14,42.35\nD,-71.10,north\n",
    )
    with pytest.raises(InputError, match="'lat' of the event on line 4") as err:
        read_events_csv(path)
    assert err.value.line == 4
    ok = _csv(tmp_path, "name,lon,lat\nA\u2028B\x0cC,-71.08,42.34\nD,-71.14,42.35\n")
    events = read_events_csv(ok)
    assert events.n_events == 2 and events.lines.tolist() == [2, 3]


def test_a_quoted_newline_keeps_the_line_numbers(tmp_path: Path) -> None:
    path = _csv(tmp_path, 'name,lon,lat\n"two\nlines",-71.08,42.34\nC,-71.1,x\n')
    with pytest.raises(InputError, match="on line 4") as err:
        read_events_csv(path)
    assert err.value.line == 4


# ------------------------------------------------------- 5: a regional study area
def test_a_study_area_beyond_a_hemisphere_is_refused_naming_the_file(
    tmp_path: Path,
) -> None:
    path = _csv(tmp_path, "lon,lat\n-120,40\n120,40\n0,-40\n")
    with pytest.raises(InputError, match="smaller than a hemisphere"):
        study_area_grid([-120.0, 120.0, 0.0], [40.0, 40.0, -40.0], n_side=50)
    code, out = _profile(
        path, "--method", "cgt", "--n-side", 50, "--out", tmp_path / "o"
    )
    assert code == 1 and "smaller than a hemisphere" in out and str(path) in out


def test_events_far_beyond_regional_are_warned_of(tmp_path: Path) -> None:
    with pytest.warns(GeosleuthWarning, match="beyond 600 km"):
        study_area_grid([-75.0, -0.1], [40.0, 51.5], n_side=50)
    path = _csv(tmp_path, "lon,lat\n-75,40\n-0.1,51.5\n")
    code, out = _profile(
        path, "--method", "cgt", "--n-side", 50, "--out", tmp_path / "o"
    )
    assert code == 0 and "GeosleuthWarning" in out and "beyond 600 km" in out


# --------------------------------------------------------- 6: one place
def test_events_within_a_metre_are_one_place(tmp_path: Path) -> None:
    lons, lats = [-71.08, -71.08, -71.0800001], [42.34, 42.34, 42.34]
    with pytest.raises(InputError, match="they are one place"):
        study_area_grid(lons, lats)
    path = _csv(tmp_path, "lon,lat\n-71.08,42.34\n-71.08,42.34\n-71.0800001,42.34\n")
    code, out = _profile(path, "--method", "cgt", "--out", tmp_path / "o")
    assert code == 1 and "one place" in out and str(path) in out
    # 2 m apart is a profile
    assert study_area_grid([-71.08, -71.08], [42.34, 42.34002], n_side=10).nx >= 1


# ------------------------------------------------------------ 7: --cell-km
def test_a_cell_size_that_leaves_one_cell_is_refused(tmp_path: Path) -> None:
    path = _csv(tmp_path, BOSTON)
    code, out = _profile(
        path, "--method", "cgt", "--cell-km", 1000, "--out", tmp_path / "o"
    )
    assert code == 1 and "at least 2 cells" in out and "--cell-km" in out
    assert "'cell_km'" not in out  # the option, not the Python name
    assert not (tmp_path / "o" / "profile.json").exists()


def test_rounding_up_to_whole_cells_is_said(tmp_path: Path) -> None:
    path = _csv(tmp_path, BOSTON)
    code, out = _profile(
        path, "--method", "cgt", "--cell-km", 3, "--out", tmp_path / "o"
    )
    assert code == 0 and "grows from" in out and str(path) in out
    # n_side and a cell size that fits say nothing
    code, out = _profile(
        path, "--method", "cgt", "--n-side", 40, "--out", tmp_path / "p"
    )
    assert code == 0 and "grows from" not in out


# ---------------------------------------------------- 11: the other method's options
@pytest.mark.parametrize(
    ("method", "option", "value", "other"),
    [
        ("cgt", "--sigma-km", "2", "dpm"),
        ("cgt", "--chains", "8", "dpm"),
        ("cgt", "--seed", "3", "dpm"),
        ("dpm", "--buffer-km", "1", "cgt"),
    ],
)
def test_an_option_of_the_other_method_is_refused(
    tmp_path: Path, method: str, option: str, value: str, other: str
) -> None:
    path = _csv(tmp_path, BOSTON)
    code, out = _profile(
        path, "--method", method, option, value, "--n-side", 10, "--out", tmp_path / "o"
    )
    assert code == 1
    assert f"{option} applies to --method {other} only" in out


# ------------------------------------------------------ 12: errors name the file
def test_study_area_and_buffer_errors_name_the_file_without_python(
    tmp_path: Path,
) -> None:
    one = _csv(tmp_path, "lon,lat\n-71.08,42.34\n-71.08,42.34\n", "one.csv")
    code, out = _profile(one, "--method", "cgt", "--out", tmp_path / "o")
    assert code == 1 and str(one) in out and "Python" not in out
    dups = _csv(
        tmp_path, "lon,lat\n-71.08,42.34\n-71.08,42.34\n-71.14,42.35\n-71.14,42.35\n",
        "dups.csv",
    )  # fmt: skip
    code, out = _profile(dups, "--method", "cgt", "--out", tmp_path / "o")
    assert code == 1 and str(dups) in out and "(--buffer-km)" in out
    assert "'buffer_km'" not in out
