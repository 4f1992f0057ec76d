"""Bad events files and extreme options of ``profile`` (outside review r24).

A field longer than the csv module's limit stopped ``profile`` with the
traceback of a ``_csv.Error``; it is now one line that names the file and line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
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


# r24 L6: the API's edge cases, each once silent or a traceback
_EX, _EY = np.array([0.0, 1.0, 0.5]), np.array([0.0, 0.2, 1.0])
_CX, _CY = np.array([0.1, 0.5, 2.0]), np.array([0.1, 0.4, 2.0])


def test_the_dpm_refuses_a_cell_that_is_not_finite() -> None:
    # one NaN cell made the whole map NaN
    from geosleuth.profile import DPMProfiler

    model = DPMProfiler(n_burnin=2, n_samples=4)
    with pytest.raises(InputError, match="Cell coordinates must be finite"):
        model.fit(_EX, _EY, cell_x_km=[np.nan, 1.0, 2.0], cell_y_km=_CY)


def test_the_dpm_refuses_coordinates_beyond_the_earth() -> None:
    # 1e200 km gave an OverflowError traceback
    from geosleuth.profile import DPMProfiler

    model = DPMProfiler(n_burnin=2, n_samples=4)
    with pytest.raises(InputError, match="event coordinates must lie within"):
        model.fit(_EX * 1e200, _EY, cell_x_km=_CX, cell_y_km=_CY)
    model.fit(_EX * 1e3, _EY * 1e3, cell_x_km=_CX * 1e3, cell_y_km=_CY * 1e3)
    assert np.isfinite(model.map_).all()


def test_the_dpm_takes_no_bool_for_a_count() -> None:
    from geosleuth.profile import DPMProfiler

    with pytest.raises(InputError, match="'n_chains' must be an integer"):
        DPMProfiler(n_chains=True, n_burnin=2, n_samples=4).fit(
            _EX, _EY, cell_x_km=_CX, cell_y_km=_CY
        )


def test_the_spatial_mean_refuses_an_event_that_is_not_finite() -> None:
    # every score came back NaN, unsaid; the centre of minimum distance refused it
    from geosleuth.profile import spatial_mean_scores

    with pytest.raises(InputError, match="must be finite"):
        spatial_mean_scores([0.0, np.nan], [0.0, 1.0], _CX, _CY)


@pytest.mark.parametrize("index", [1.7, True, "1"])
def test_a_hit_score_takes_a_whole_cell_index(index: object) -> None:
    # 1.7 silently meant cell 1
    from geosleuth.profile import hit_score

    with pytest.raises(InputError, match="'cell_index' must be a whole number"):
        hit_score([1.0, 2.0], index)  # type: ignore[arg-type]
    assert hit_score([1.0, 2.0], np.int64(1)) == 0.5


@pytest.mark.parametrize("shape", [1e12, 1e16, 1e300])
def test_a_huge_sigma_shape_fixes_sigma_as_inf_does(shape: float) -> None:
    # 1e16 gave sigma = 1e-5 m: lgamma(a) - lgamma(a - 0.5) lost every digit (r28 F9)
    from geosleuth.profile import DPMProfiler

    ex = np.array([0.0, 0.3, 0.1, 0.5, 0.2])
    ey = np.array([0.0, 0.1, 0.4, 0.2, 0.3])
    kw: dict[str, Any] = {
        "n_burnin": 2,
        "n_samples": 4,
        "sigma_mean_km": 0.12,
        "rng": 1,
    }
    got = DPMProfiler(sigma_squared_shape=shape, **kw).fit(
        ex, ey, cell_x_km=ex, cell_y_km=ey
    )
    fixed = DPMProfiler(sigma_squared_shape=float("inf"), **kw).fit(
        ex, ey, cell_x_km=ex, cell_y_km=ey
    )
    assert got.sigma_km_ == pytest.approx(0.12)
    assert got.sigma_km_ == fixed.sigma_km_


def test_a_large_sigma_shape_below_the_fixed_one_holds_sigma_near_its_mean() -> None:
    from geosleuth.profile import DPMProfiler

    ex = np.array([0.0, 0.3, 0.1, 0.5, 0.2])
    ey = np.array([0.0, 0.1, 0.4, 0.2, 0.3])
    model = DPMProfiler(
        n_burnin=2, n_samples=4, sigma_mean_km=0.12, sigma_squared_shape=1e9, rng=1
    ).fit(ex, ey, cell_x_km=ex, cell_y_km=ey)
    assert model.sigma_km_ == pytest.approx(0.12, rel=1e-3)
