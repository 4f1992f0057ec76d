"""Review r60 of ``geosleuth profile`` (helper f63), each finding both sides.

- H1: one event 200-600 km from a city's cases stretched the study area 390-fold
  without a word; now warned by line, with the area and cells with and
  without it (profile.json ``warnings`` and ``study_area.stretched_by``). The
  PNG's legend lies outside the map, and an elongated area is drawn readable.
- M3: ``N°``, ``Nº``, ``No.``, ``Nr``, ``N. caso`` (row numbers) were offered as
  weights; ``Cas``, ``casos``, ``Anzahl``, ``Fälle`` ... were not noticed.
- L1: ``latitud``/``longitud``, ``Breitengrad``/``Längengrad``, ``Breite``/
  ``Länge`` are read; ``--lon-column``/``--lat-column`` name any other.
- L2: rows of empty fields (``;;;;``, Excel's trailing rows) are skipped and said.
- L3: the table says the events were weighted, and by which column.
- L4: ``grid.bounds_lonlat`` of a study area around a pole holds the pole.
"""

from __future__ import annotations

import json
import struct
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner

from geosleuth.cli import app
from geosleuth.cli._profile_events import _is_weight_like
from geosleuth.errors import InputError
from geosleuth.events import read_events_csv
from geosleuth.grid import Grid
from geosleuth.profile.study_area import stretching_events

runner = CliRunner()


def run(*args: object) -> Any:
    return runner.invoke(app, [str(a) for a in args], terminal_width=200)


def flat(text: str) -> str:
    return " ".join(text.split())


def _lyon(n: int = 300, seed: int = 1) -> list[tuple[float, float]]:
    """``n`` cases within a few km of Lyon's centre."""
    rng = np.random.default_rng(seed)
    lons = 4.8357 + rng.normal(0.0, 0.02, n)
    lats = 45.7640 + rng.normal(0.0, 0.014, n)
    return [(round(a, 6), round(b, 6)) for a, b in zip(lons, lats, strict=True)]


def _write(path: Path, points: list[tuple[float, float]]) -> Path:
    rows = [f"{k + 1},{a},{b}" for k, (a, b) in enumerate(points)]
    path.write_text("id,lon,lat\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def _png_size(path: Path) -> tuple[int, int]:
    width, height = struct.unpack(">II", path.read_bytes()[16:24])
    return int(width), int(height)


# ---------------------------------------------------------------- H1
def test_one_event_470_km_away_is_said_to_stretch_the_study_area(
    tmp_path: Path,
) -> None:
    path = _write(tmp_path / "outlier.csv", [*_lyon(), (10.9, 45.76)])  # line 302
    out = tmp_path / "o"
    result = run("profile", path, "--method", "cgt", "--out", out)
    assert result.exit_code == 0, result.output
    said = flat(result.output)
    assert "The event on line 302 at (10.9, 45.76)" in said
    assert "stretches the study area" in said
    assert "× 40 cells of 1." in said and "cells of 2" in said  # with and without
    assert "remove it from the file" in said
    record = json.loads((out / "profile.json").read_text())
    stretched = record["study_area"]["stretched_by"]
    assert stretched["lines"] == [302] and stretched["times_larger"] > 100
    assert stretched["area_km2_without"] < record["study_area"]["area_km2"] / 100
    assert any("line 302" in w for w in record["warnings"])


def test_two_events_at_one_far_place_are_both_named(tmp_path: Path) -> None:
    far = [(4.8357, 41.2), (4.8360, 41.2)]  # lines 302, 303: 507 km south
    path = _write(tmp_path / "two.csv", [*_lyon(), *far])
    result = run("profile", path, "--method", "cgt", "--out", tmp_path / "o")
    assert result.exit_code == 0, result.output
    assert "The events on line 302, line 303" in flat(result.output)
    assert "stretch the study area" in flat(result.output)


def test_a_city_with_three_spread_suburbs_is_not_said_to_be_stretched(
    tmp_path: Path,
) -> None:
    suburbs = [(4.70, 45.83), (4.98, 45.70), (4.85, 45.62)]  # 10-16 km out
    path = _write(tmp_path / "city.csv", [*_lyon(), *suburbs])
    out = tmp_path / "o"
    result = run("profile", path, "--method", "cgt", "--out", out)
    assert result.exit_code == 0, result.output
    assert "stretch" not in result.output
    record = json.loads((out / "profile.json").read_text())
    assert record["study_area"]["stretched_by"] is None
    assert record["warnings"] == []


def test_more_far_events_than_a_few_are_a_second_cluster_not_a_slip() -> None:
    rng = np.random.default_rng(3)
    x, y = rng.uniform(0, 10, 300), rng.uniform(0, 10, 300)
    x[:5] += 400.0  # five events (more than 1 %) 400 km east
    assert stretching_events(x, y, most=3) is None
    found = stretching_events(x, y, most=5)
    assert found is not None and sorted(found[0].tolist()) == [0, 1, 2, 3, 4]


def test_png_of_a_stretched_area_is_readable_and_its_legend_hides_no_event(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import matplotlib.figure
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    saved: list[Any] = []
    original = matplotlib.figure.Figure.savefig

    def keep(self: Any, *args: Any, **kwargs: Any) -> Any:
        saved.append(self)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(matplotlib.figure.Figure, "savefig", keep)
    for name, far in (("south", (4.8357, 41.2)), ("east", (10.9, 45.76))):
        path = _write(tmp_path / f"{name}.csv", [*_lyon(), far])
        out = tmp_path / name
        result = run("profile", path, "--method", "cgt", "--out", out)
        assert result.exit_code == 0, result.output
        width, height = _png_size(out / "profile.png")
        assert 1 / 2.2 < height / width < 2.2, (name, width, height)  # 840 × 8472
        assert min(width, height) > 400
        fig = saved[-1]
        ax = fig.axes[0]
        renderer = FigureCanvasAgg(fig).get_renderer()
        legend = ax.get_legend().get_window_extent(renderer)
        assert not legend.overlaps(ax.get_window_extent(renderer))
        assert "not to scale" in ax.get_title()


def test_png_of_a_square_area_is_drawn_to_scale(tmp_path: Path) -> None:
    path = _write(tmp_path / "lyon.csv", _lyon())
    out = tmp_path / "o"
    result = run("profile", path, "--method", "cgt", "--out", out)
    assert result.exit_code == 0, result.output
    width, height = _png_size(out / "profile.png")
    assert 0.8 < height / width < 1.25


# ---------------------------------------------------------------- M3
@pytest.mark.parametrize("name", ["N°", "Nº", "No.", "Nr", "N. caso", "case_number"])
def test_a_row_number_is_never_taken_for_a_count(name: str) -> None:
    assert not _is_weight_like(name)


@pytest.mark.parametrize(
    "name",
    ["Cas", "casos", "nb_cas", "nombre de cas", "Anzahl", "Fälle", "casi", "n_cases",
     "n", "count"],
)  # fmt: skip
def test_counts_in_other_languages_are_noticed(name: str) -> None:
    assert _is_weight_like(name)


def test_french_export_names_cas_not_its_row_number(tmp_path: Path) -> None:
    rows = [
        f'"{k + 1}";"{a}";"{b}";"{k % 3 + 1}"' for k, (a, b) in enumerate(_lyon(30))
    ]
    path = tmp_path / "fr.csv"
    path.write_text('"N°";"Longitude";"Latitude";"Cas"\n' + "\n".join(rows) + "\n")
    result = run("profile", path, "--method", "cgt", "--out", tmp_path / "o")
    assert result.exit_code == 0, result.output
    said = flat(result.output)
    assert "column 'Cas' is not used" in said and "'N°'" not in said
    # L3: the table says by which column the events are weighted
    result = run("profile", path, "--method", "cgt", "--out", tmp_path / "w",
                 "--weight-column", "Cas")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "30 from fr.csv, weighted by Cas" in flat(result.output)


# ---------------------------------------------------------------- L1
@pytest.mark.parametrize(
    ("lat", "lon"),
    [("latitud", "longitud"), ("Breitengrad", "Längengrad"), ("Breite", "Länge")],
)
def test_spanish_and_german_coordinate_headers_are_read(
    tmp_path: Path, lat: str, lon: str
) -> None:
    path = tmp_path / "e.csv"
    path.write_text(f"Nr;{lat};{lon}\n1;45,76;4,82\n2;45,70;4,88\n", encoding="utf-8")
    events = read_events_csv(path)
    assert events.lons.tolist() == [4.82, 4.88]
    assert events.lats.tolist() == [45.76, 45.70]


def test_other_coordinate_columns_are_read_when_named(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text("id,E,N\n1,4.82,45.76\n2,4.88,45.70\n3,4.85,45.74\n")
    with pytest.raises(InputError, match="no longitude or latitude column"):
        read_events_csv(path)
    result = run("profile", path, "--method", "cgt", "--out", tmp_path / "o",
                 "--lon-column", "e", "--lat-column", "N")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "3 from e.csv" in flat(result.output)
    result = run("profile", path, "--method", "cgt", "--out", tmp_path / "o",
                 "--lon-column", "x", "--lat-column", "N")  # fmt: skip
    assert result.exit_code == 1
    said = flat(result.output)
    assert "has no column 'x'" in said and "['id', 'E', 'N']" in said
    help_text = flat(run("profile", "--help").output)
    assert "--lon-column" in help_text and "--lat-column" in help_text


# ---------------------------------------------------------------- L2
def test_excel_trailing_empty_rows_are_skipped_and_said(tmp_path: Path) -> None:
    body = "\n".join(f"{k};{a};{b};x" for k, (a, b) in enumerate(_lyon(10)))
    path = tmp_path / "trail.csv"
    path.write_text(f"id;lon;lat;note\n{body}\n;;;\n;;;\n;;;\n")
    result = run("profile", path, "--method", "cgt", "--out", tmp_path / "o")
    assert result.exit_code == 0, result.output
    assert "3 empty rows of trail.csv skipped (lines 12-14)" in flat(result.output)
    record = json.loads((tmp_path / "o" / "profile.json").read_text())["events"]
    assert record["n_empty_rows_skipped"] == 3 and record["n_events"] == 10


def test_a_row_with_a_field_but_no_coordinates_is_still_refused(tmp_path: Path) -> None:
    body = "\n".join(f"{k};{a};{b};x" for k, (a, b) in enumerate(_lyon(10)))
    path = tmp_path / "trail.csv"
    path.write_text(f"id;lon;lat;note\n{body}\n11;;;\n")
    with pytest.raises(InputError, match=r"line 12 .* has no coordinates"):
        read_events_csv(path)


# ---------------------------------------------------------------- L4
def test_bounds_of_a_study_area_around_the_north_pole_hold_the_pole(
    tmp_path: Path,
) -> None:
    rng = np.random.default_rng(5)
    lons = rng.uniform(-180, 180, 60)
    lats = 90.0 - rng.uniform(0.001, 0.1, 60)
    path = _write(
        tmp_path / "pole.csv",
        [(round(a, 6), round(b, 6)) for a, b in zip(lons, lats, strict=True)],
    )
    out = tmp_path / "o"
    result = run("profile", path, "--method", "cgt", "--out", out)
    assert result.exit_code == 0, result.output
    west, south, east, north = json.loads((out / "profile.json").read_text())["grid"][
        "bounds_lonlat"
    ]
    assert (west, east, north) == (-180.0, 180.0, 90.0)
    assert 89.8 < south < float(lats.min())


def test_bounds_of_a_study_area_off_the_poles_are_as_before() -> None:
    fiji = Grid.from_bounds(179.0, -17.5, -179.0, -16.0, cell_km=5.0)  # across 180°
    west, south, east, north = fiji.to_dict()["bounds_lonlat"]
    assert west > 178.9 and east < -178.9  # across 180°: west > east, as before
    assert -17.6 < south < -17.5 and -16.0 < north < -15.9
    pole = Grid(lon0=0.0, lat0=-89.9, west_km=-30.0, south_km=-30.0,
                cell_km=1.0, nx=60, ny=60)  # fmt: skip
    west, south, east, north = pole.to_dict()["bounds_lonlat"]
    assert (west, south, east) == (-180.0, -90.0, 180.0)
    assert -89.6 < north < -89.5
