"""Event weights in geosleuth.profile and ``geosleuth profile``.

An event of weight 0 carries no evidence of the source: it must change neither the
study area, nor the CGT buffer, nor the map. CGT and the baselines depend only on
the ratios of the weights, however large or small; the DPM reads weights as counts
and refuses those beyond :attr:`DPMProfiler.weight_range`. No RuntimeWarning may
escape either way.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from geosleuth.cli import app
from geosleuth.errors import InputError
from geosleuth.grid import Grid
from geosleuth.profile import (
    DPMProfiler,
    cgt_scores,
    estimate_cgt_buffer_km,
    gaussian_kde_scores,
    hit_score,
    study_area_grid,
)

runner = CliRunner()

# 40 events around Broad Street, with counts 1 to 5.
_RNG = np.random.default_rng(7)
LONS = -0.137 + _RNG.normal(0.0, 0.0015, 40)
LATS = 51.513 + _RNG.normal(0.0, 0.001, 40)
COUNTS = (np.arange(40) % 5 + 1).astype(np.float64)


@st.composite
def weight_zero_events(
    draw: st.DrawFn,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64], npt.NDArray[np.bool_]]:
    """1 to 5 events of weight 0 anywhere on Earth, and where they go among LONS.

    Returns their longitudes and latitudes and a mask, over the merged events, of
    the ones of weight 0.
    """
    n = draw(st.integers(min_value=1, max_value=5))
    lons = draw(st.lists(st.floats(-180.0, 180.0), min_size=n, max_size=n))
    lats = draw(st.lists(st.floats(-89.0, 89.0), min_size=n, max_size=n))
    slots = draw(
        st.lists(st.integers(0, LONS.size + n - 1), min_size=n, max_size=n, unique=True)
    )
    mask = np.zeros(LONS.size + n, dtype=np.bool_)
    mask[slots] = True
    return np.array(lons), np.array(lats), mask


def _merged(
    zero_lons: npt.NDArray[np.float64],
    zero_lats: npt.NDArray[np.float64],
    mask: npt.NDArray[np.bool_],
) -> tuple[npt.NDArray[np.float64], ...]:
    lons, lats, w = (np.empty(mask.size) for _ in range(3))
    lons[mask], lats[mask], w[mask] = zero_lons, zero_lats, 0.0
    lons[~mask], lats[~mask], w[~mask] = LONS, LATS, COUNTS
    return lons, lats, w


def _cgt_profile(
    lons: npt.NDArray[np.float64],
    lats: npt.NDArray[np.float64],
    w: npt.NDArray[np.float64],
) -> tuple[Grid, float, npt.NDArray[np.float64]]:
    grid = study_area_grid(lons, lats, weights=w, n_side=50)
    ex, ey = grid.lonlat_to_xy_km(lons, lats)
    cx, cy = grid.cell_xy_km()
    buffer = estimate_cgt_buffer_km(ex, ey, weights=w)
    return grid, buffer, cgt_scores(ex, ey, cx, cy, buffer_km=buffer, weights=w)


@given(weight_zero_events())
def test_events_of_weight_0_change_neither_area_nor_buffer_nor_cgt_map(
    zero: tuple[npt.NDArray[np.float64], ...],
) -> None:
    grid0, buffer0, scores0 = _cgt_profile(LONS, LATS, COUNTS)
    grid, buffer, scores = _cgt_profile(*_merged(*zero))
    assert grid == grid0
    assert buffer == buffer0
    np.testing.assert_array_equal(scores, scores0)


def test_study_area_and_buffer_need_events_of_positive_weight() -> None:
    with pytest.raises(InputError, match="'weights' must not all be zero"):
        study_area_grid([0.0, 1.0], [50.0, 51.0], weights=[0.0, 0.0])
    with pytest.raises(InputError, match="All events of positive weight are at"):
        study_area_grid([0.0, 1.0], [50.0, 51.0], weights=[0.0, 2.0])
    with pytest.raises(
        InputError, match=r"at least 2 events of positive weight\. Got 1"
    ):
        estimate_cgt_buffer_km([0.0, 1.0, 2.0], [0.0, 0.0, 0.0], weights=[0, 1, 0])
    with pytest.raises(InputError, match="finite and non-negative"):
        study_area_grid([0.0, 1.0], [50.0, 51.0], weights=[1.0, np.nan])
    with pytest.raises(InputError, match="one value per event"):
        estimate_cgt_buffer_km([0.0, 1.0], [0.0, 0.0], weights=[1.0])


def test_dpm_needs_two_events_of_positive_weight() -> None:
    with pytest.raises(InputError, match="at least 2 events of positive weight"):
        DPMProfiler(n_chains=2, n_burnin=1, n_samples=4).fit(
            [0.0, 1.0, 2.0],
            [0.0, 0.0, 1.0],
            cell_x_km=[0.0, 1.0],
            cell_y_km=[0.0, 0.0],
            weights=[0.0, 3.0, 0.0],
        )


def _raster_events() -> tuple[npt.NDArray[np.float64], ...]:
    grid = study_area_grid(LONS, LATS, n_side=60)
    ex, ey = grid.lonlat_to_xy_km(LONS, LATS)
    cx, cy = grid.cell_xy_km()
    return ex, ey, cx, cy


# The repro's weights of 1e308 overflowed the CGT sums (NaN, peak in cell 0) and
# the KDE's normalisation.
SCALES = [1e300, 1e-300, 1e308 / COUNTS.max()]


@pytest.mark.parametrize("scale", SCALES)
def test_cgt_ranks_cells_by_the_ratios_of_the_weights_alone(scale: float) -> None:
    ex, ey, cx, cy = _raster_events()
    base = cgt_scores(ex, ey, cx, cy, buffer_km=0.02, weights=COUNTS)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        scaled = cgt_scores(ex, ey, cx, cy, buffer_km=0.02, weights=scale * COUNTS)
    assert np.isfinite(scaled).all()
    assert int(np.argmax(scaled)) == int(np.argmax(base))
    for cell in (0, int(np.argmax(base)), 1234, cx.size // 2, cx.size - 1):
        assert hit_score(scaled, cell) == hit_score(base, cell)


@pytest.mark.parametrize("scale", SCALES)
def test_kde_depends_on_the_ratios_of_the_weights_alone(scale: float) -> None:
    ex, ey, cx, cy = _raster_events()
    base = gaussian_kde_scores(ex, ey, cx, cy, weights=COUNTS)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        scaled = gaussian_kde_scores(ex, ey, cx, cy, weights=scale * COUNTS)
    assert int(np.argmax(scaled)) == int(np.argmax(base))
    np.testing.assert_allclose(scaled, base, rtol=1e-9)
    for cell in (0, int(np.argmax(base)), cx.size // 2):
        assert hit_score(scaled, cell) == hit_score(base, cell)


def test_a_missing_weight_gives_a_nan_kde_map_as_it_does_a_cgt_map() -> None:
    ex, ey, cx, cy = _raster_events()
    weights = COUNTS.copy()
    weights[3] = np.nan
    assert np.isnan(gaussian_kde_scores(ex, ey, cx, cy, weights=weights)).all()
    assert np.isnan(cgt_scores(ex, ey, cx, cy, buffer_km=0.02, weights=weights)).all()


def test_cgt_scores_stay_linear_in_the_weights_where_float64_holds_them() -> None:
    ex, ey, cx, cy = _raster_events()
    base = cgt_scores(ex, ey, cx, cy, buffer_km=0.02, weights=COUNTS)
    big = cgt_scores(ex, ey, cx, cy, buffer_km=0.02, weights=1e300 * COUNTS)
    np.testing.assert_allclose(big, 1e300 * base, rtol=1e-12)


@pytest.mark.parametrize(
    "weights",
    [np.full(40, 1e9), np.r_[np.ones(39), 1e9], np.full(40, 1e-9), 1e5 * COUNTS],
    ids=["all-1e9", "one-1e9", "all-1e-9", "counts-x-1e5"],
)
def test_dpm_takes_large_counts_without_overflow(
    weights: npt.NDArray[np.float64],
) -> None:
    # Γ(n_k + w) / Γ(n_k) overflowed float64 once w log n_k passed ~709.
    ex, ey, cx, cy = _raster_events()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        model = DPMProfiler(n_chains=2, n_burnin=3, n_samples=4, rng=0).fit(
            ex, ey, cell_x_km=cx, cell_y_km=cy, weights=weights
        )
    assert np.isfinite(model.map_).all()
    assert model.map_.sum() == pytest.approx(1.0)


@pytest.mark.parametrize("bad", [1e308, 2e9, 1e-12])
def test_dpm_refuses_weights_beyond_its_range(bad: float) -> None:
    ex, ey, cx, cy = _raster_events()
    weights = COUNTS.copy()
    weights[6] = bad
    with pytest.raises(InputError, match=r"weight of event 6 must lie between 1e-09"):
        DPMProfiler(n_chains=2, n_burnin=1, n_samples=4).fit(
            ex, ey, cell_x_km=cx, cell_y_km=cy, weights=weights
        )


# --- the command line ---------------------------------------------------------


def _csv(path: Path, rows: list[str]) -> Path:
    path.write_text("lon,lat,w\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


BASE_ROWS = [
    f"{float(a)!r},{float(b)!r},{c:g}"
    for a, b, c in zip(LONS, LATS, COUNTS, strict=True)
]


def _profile(csv_path: Path, out: Path, *extra: str) -> tuple[int, str]:
    result = runner.invoke(
        app,
        [
            "profile",
            str(csv_path),
            "--out",
            str(out),
            "--weight-column",
            "w",
            "--n-side",
            "40",
            *extra,
        ],
        terminal_width=200,
    )
    return result.exit_code, result.output


def test_cli_leaves_out_events_of_weight_0_and_says_how_many(tmp_path: Path) -> None:
    plain = _csv(tmp_path / "plain.csv", BASE_ROWS)
    zeros = ["-0.20,51.55,0", "2.35,48.85,0", "-0.1365,51.5135,0"]
    padded = _csv(tmp_path / "padded.csv", [zeros[0], *BASE_ROWS, *zeros[1:]])
    code0, text0 = _profile(plain, tmp_path / "a", "--method", "cgt")
    code, text = _profile(padded, tmp_path / "b", "--method", "cgt")
    assert code0 == 0 and code == 0, text
    assert "3 events of weight 0 left out (column 'w')" in text
    assert "left out" not in text0
    a = json.loads((tmp_path / "a" / "profile.json").read_text())
    b = json.loads((tmp_path / "b" / "profile.json").read_text())
    assert b["events"]["n_weight_zero_left_out"] == 3
    assert a["events"]["n_weight_zero_left_out"] == 0
    assert b["events"]["n_events"] == a["events"]["n_events"] == 40
    assert b["study_area"] == a["study_area"]
    assert b["grid"] == a["grid"]
    assert b["parameters"]["buffer_km"] == a["parameters"]["buffer_km"]
    assert b["map"] == a["map"]
    assert b["peak"] == a["peak"]


def test_cli_dpm_priors_ignore_events_of_weight_0(tmp_path: Path) -> None:
    plain = _csv(tmp_path / "plain.csv", BASE_ROWS)
    padded = _csv(tmp_path / "padded.csv", [*BASE_ROWS, "-0.20,51.55,0"])
    dpm = ["--method", "dpm", "--samples", "10", "--burnin", "2", "--chains", "2"]
    assert _profile(plain, tmp_path / "a", *dpm)[0] == 0
    code, text = _profile(padded, tmp_path / "b", *dpm)
    assert code == 0, text
    assert "1 event of weight 0 left out" in text
    a = json.loads((tmp_path / "a" / "profile.json").read_text())
    b = json.loads((tmp_path / "b" / "profile.json").read_text())
    for key in ("sigma_mean_km", "tau_km"):
        assert b["parameters"][key] == a["parameters"][key]
    assert b["grid"] == a["grid"]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            ["0.1,51.5,0", "0.2,51.6,0", "0.3,51.7,0"],
            "every event of {path} has weight 0 in column 'w'",
        ),
        (
            ["0.1,51.5,0", "0.2,51.6,4", "0.3,51.7,0"],
            "The events file {path} holds 1 event(s) of positive weight in column "
            "'w' (2 events of weight 0 left out); a geographic profile needs at "
            "least 2.",
        ),
    ],
    ids=["all-zero", "one-positive"],
)
def test_cli_needs_two_events_of_positive_weight(
    tmp_path: Path, rows: list[str], message: str
) -> None:
    csv_path = _csv(tmp_path / "few.csv", rows)
    code, text = _profile(csv_path, tmp_path / "out", "--method", "cgt")
    assert code == 1
    assert text.startswith("InputError: ")
    assert len(text.strip().splitlines()) == 1
    assert message.format(path=csv_path) in text
    assert not (tmp_path / "out" / "profile.json").exists()


@pytest.mark.parametrize("weight", ["1e308", repr(2.0**1023)])
def test_cli_cgt_with_huge_equal_weights_gives_the_unweighted_map(
    tmp_path: Path, weight: str
) -> None:
    pairs = [(float(a), float(b)) for a, b in zip(LONS, LATS, strict=True)]
    ones = _csv(tmp_path / "ones.csv", [f"{a!r},{b!r},1" for a, b in pairs])
    huge = _csv(tmp_path / "huge.csv", [f"{a!r},{b!r},{weight}" for a, b in pairs])
    truth = ["--method", "cgt", "--truth=-0.1366,51.5133"]
    assert _profile(ones, tmp_path / "a", *truth)[0] == 0
    code, text = _profile(huge, tmp_path / "b", *truth)
    assert code == 0, text
    assert "Warning" not in text
    a = json.loads((tmp_path / "a" / "profile.json").read_text())
    b = json.loads((tmp_path / "b" / "profile.json").read_text())
    assert b["peak"] == a["peak"]
    assert b["peak"]["cell"] != 0
    assert b["truths"] == a["truths"]
    if weight == repr(2.0**1023):
        # 2**1023 and 1 are both 0.5 times a power of two: the same relative
        # weights to the last bit, so the same map. (1e308 is not: rounding
        # may reorder cells whose scores tie to about 1e-16.)
        assert b["map"] == a["map"]


def test_cli_dpm_refuses_a_huge_weight_by_column_and_line(tmp_path: Path) -> None:
    rows = [*BASE_ROWS[:4], "-0.137,51.513,1e308", *BASE_ROWS[4:]]
    csv_path = _csv(tmp_path / "huge.csv", rows)
    code, text = _profile(csv_path, tmp_path / "out", "--method", "dpm")
    assert code == 1
    assert len(text.strip().splitlines()) == 1
    assert f"The 'w' of the event on line 6 of {csv_path} must lie between" in text
    assert text.rstrip().endswith(f"({csv_path}:6)")


@pytest.mark.parametrize("bad", ["inf", "nan", "-1", "1e309", "-0.5"])
def test_cli_refuses_non_finite_or_negative_weights_by_line(
    tmp_path: Path, bad: str
) -> None:
    csv_path = _csv(tmp_path / "bad.csv", [*BASE_ROWS[:2], f"0.1,51.5,{bad}"])
    code, text = _profile(csv_path, tmp_path / "out", "--method", "cgt")
    assert code == 1
    assert text.startswith("InputError: The 'w' of the event on line 4")
    assert text.rstrip().endswith(f"({csv_path}:4)")


def test_help_says_what_weights_mean() -> None:
    result = runner.invoke(app, ["profile", "--help"], terminal_width=200)
    assert result.exit_code == 0
    text = " ".join(result.output.replace("│", " ").split())
    assert "weight 0 are left out" in text
    assert "1e-9 to 1e9" in text
