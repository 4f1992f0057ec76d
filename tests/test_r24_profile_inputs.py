"""Bad events files and extreme options of ``profile`` (outside review r24).

A field longer than the csv module's limit stopped ``profile`` with the
traceback of a ``_csv.Error``; it is now one line that names the file and line.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from geosleuth.cli import app
from geosleuth.errors import InputError
from geosleuth.events import read_events_csv

runner = CliRunner()


def _long(path: Path) -> Path:
    path.write_text("lon,lat,name\n1,2,a\n3,4," + "x" * 140_000 + "\n", "utf-8")
    return path


def test_a_field_over_the_csv_limit_is_refused_by_its_line(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"Line 3 of the events file .*long\.csv"):
        read_events_csv(_long(tmp_path / "long.csv"))


def test_profile_says_so_in_one_line(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["profile", str(_long(tmp_path / "long.csv")), "--out", str(tmp_path / "o")],
    )
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = [x for x in result.stderr.splitlines() if x.strip()]
    assert len(lines) == 1 and "cannot be read as CSV" in lines[0], result.stderr
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("flag", ["--sigma-km", "--tau-km"])
@pytest.mark.parametrize("value", ["1e-200", "1e-160", "1e160", "1e300"])
def test_a_length_the_sampler_cannot_square_is_refused(
    tmp_path: Path, flag: str, value: str
) -> None:
    # each gave a ZeroDivisionError, a NaN or an OverflowError traceback (r24 L2)
    events = tmp_path / "ev.csv"
    events.write_text("lon,lat\n0,0\n0.01,0.01\n0.02,0\n", "utf-8")
    result = runner.invoke(
        app,
        ["profile", str(events), "--method", "dpm", "--samples", "10", "--burnin",
         "0", flag, value, "--out", str(tmp_path / "o")],
    )  # fmt: skip
    assert result.exit_code == 1
    assert "must lie between 1e-06 km (a millimetre) and 100,000 km" in result.stderr
    # in the words typed: the flag, not the model's keyword 'sigma_mean_km'
    assert f"{flag} must lie between" in result.stderr


def test_a_grid_of_infinite_size_is_refused_as_a_grid() -> None:
    # "nx": 1e400 in a tampered posterior.npz gave an OverflowError (r24 L3)
    from geosleuth.grid import Grid

    g = Grid.from_bounds(0.0, 0.0, 1.0, 1.0, cell_km=10.0).to_dict()
    with pytest.raises(InputError, match="A grid description needs"):
        Grid.from_dict({**g, "nx": float("inf")})
