"""``geosleuth profile`` and its CSV reader after the 14th outside review.

An epidemiologist's line lists, as Excel and public-health tools write them:

- F4: decimal commas were refused everywhere, though the error advised quoting
  them or separating the fields with ';'; they are read where unambiguous (a
  ';'- or tab-separated file, a quoted field), and mixed forms are refused;
- F5: a column named like a weight (``cases``) was ignored without a word;
- F10: one ungeocoded case (empty coordinates) stopped the run with "must be a
  number. Got ''", and ``profile`` had no ``--on-invalid``;
- F11: profile.json's map, rounded to 0.001 %, could not reproduce a small hit
  score; a swapped --truth got no hint.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner

from geosleuth.casefile import load_case
from geosleuth.cli import app
from geosleuth.errors import CaseFileError, EvidenceWarning, InputError
from geosleuth.events import read_events_csv
from geosleuth.profile import cgt_scores, estimate_cgt_buffer_km, study_area_grid

runner = CliRunner()

# twelve cases around a source near Lorca (-1.70, 37.67)
_RNG = np.random.default_rng(14)
LONS = (-1.70 + _RNG.normal(0.0, 0.01, 12)).round(5)
LATS = (37.67 + _RNG.normal(0.0, 0.008, 12)).round(5)
CASES = [1 + k % 4 for k in range(12)]


def run(*args: object) -> Any:
    return runner.invoke(app, [str(a) for a in args], terminal_width=240)


def flat(text: str) -> str:
    """The output as one line, without the table's borders (cells wrap)."""
    return " ".join(text.replace("│", " ").split())


def _comma(x: float) -> str:
    return f"{x}".replace(".", ",")


def _write(path: Path, header: str, rows: list[str]) -> Path:
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def _dot_file(path: Path) -> Path:
    rows = [f"{a},{b},{c}" for a, b, c in zip(LONS, LATS, CASES, strict=True)]
    return _write(path, "lon,lat,cases", rows)


def _profile(csv_path: Path, out: Path, *extra: object) -> Any:
    return run(
        "profile", csv_path, "--method", "cgt", "--n-side", 30, "--out", out, *extra
    )


# ------------------------------------------------------------ F4: decimal commas
def _semicolon_file(path: Path) -> Path:
    # as Excel writes it where the comma is the decimal mark; a free-text field
    # holds a comma of its own
    rows = [
        f"{k};2024-07-0{k % 9 + 1};{_comma(a)};{_comma(b)};{c};home, ward {k}"
        for k, (a, b, c) in enumerate(zip(LONS, LATS, CASES, strict=True))
    ]
    return _write(path, "case_id;onset;lon;lat;cases;notes", rows)


def _tab_file(path: Path) -> Path:
    rows = [
        f"{_comma(a)}\t{_comma(b)}\t{c}"
        for a, b, c in zip(LONS, LATS, CASES, strict=True)
    ]
    return _write(path, "lon\tlat\tcases", rows)


def _quoted_file(path: Path) -> Path:
    rows = [
        f'"{_comma(a)}","{_comma(b)}",{c}'
        for a, b, c in zip(LONS, LATS, CASES, strict=True)
    ]
    return _write(path, "lon,lat,cases", rows)


@pytest.mark.parametrize("make", [_semicolon_file, _tab_file, _quoted_file])
def test_decimal_commas_are_read_where_the_fields_are_split_otherwise(
    tmp_path: Path, make: Any
) -> None:
    events = read_events_csv(make(tmp_path / "ev.csv"), weight_column="cases")
    assert events.lons.tolist() == LONS.tolist()
    assert events.lats.tolist() == LATS.tolist()
    assert events.weights is not None and events.weights.tolist() == CASES


def test_the_refusals_advice_leads_to_a_profile_of_the_same_events(
    tmp_path: Path,
) -> None:
    # unquoted decimal commas in a ','-separated file: still refused, with advice
    bare = _write(
        tmp_path / "bare.csv",
        "lon,lat",
        [f"{_comma(a)},{_comma(b)}" for a, b in zip(LONS, LATS, strict=True)],
    )
    result = _profile(bare, tmp_path / "o0")
    assert result.exit_code == 1
    said = flat(result.output)
    assert "has 4 fields but the header has 2" in said
    assert "quote such numbers, or separate the fields with ';'" in said
    # ... and following it gives the profile of the same events, written with dots
    maps = []
    for k, make in enumerate((_dot_file, _quoted_file, _semicolon_file)):
        out = tmp_path / f"o{k + 1}"
        result = _profile(make(tmp_path / f"f{k}.csv"), out, "--weight-column", "cases")
        assert result.exit_code == 0, result.output
        maps.append(json.loads((out / "profile.json").read_text())["map"])
    assert maps[0] == maps[1] == maps[2]


@pytest.mark.parametrize(
    ("cell", "column"),
    [("1.234,5", "cases"), ("1,234,567", "cases"), ("-1.690,5", "lon")],
)
def test_a_number_with_both_marks_or_two_commas_is_refused_by_line_and_column(
    tmp_path: Path, cell: str, column: str
) -> None:
    rows = ["-1,70;37,67;2", "-1,71;37,66;1", "-1,72;37,68;3"]
    a, b, c = rows[1].split(";")
    rows[1] = ";".join(
        cell if name == column else v
        for name, v in zip(("lon", "lat", "cases"), (a, b, c), strict=True)
    )
    path = _write(tmp_path / "mixed.csv", "lon;lat;cases", rows)
    with pytest.raises(InputError, match="thousands separator") as info:
        read_events_csv(path, weight_column="cases")
    assert (info.value.line, info.value.field) == (3, column)
    assert f"The {column!r} of the event on line 3 of" in info.value.message
    assert repr(cell) in info.value.message
    result = _profile(path, tmp_path / "o", "--weight-column", "cases")
    assert result.exit_code == 1
    assert result.output.startswith("InputError: ")
    assert len(result.output.strip().splitlines()) == 1
    assert "mixed.csv:3)" in result.output
    assert not (tmp_path / "o" / "profile.json").exists()


def test_a_quoted_weight_like_a_thousands_figure_is_refused_not_guessed(
    tmp_path: Path,
) -> None:
    # "1,234" in a ','-separated file may be 1234 (US thousands) or 1.234
    path = _write(
        tmp_path / "w.csv",
        "lon,lat,cases",
        ['"-1,690","37,670",2', '"-1,700","37,680","1,234"', "-1.71,37.66,1"],
    )
    with pytest.raises(InputError, match=r"may be 1234 .* or 1\.234") as info:
        read_events_csv(path, weight_column="cases")
    assert (info.value.line, info.value.field) == (3, "cases")
    # the coordinates' "-1,690" cannot be -1690 degrees: read as -1.69
    events = read_events_csv(path)
    assert events.lons.tolist() == [-1.69, -1.7, -1.71]


def test_thousands_like_weights_in_tab_and_semicolon_files_are_refused(
    tmp_path: Path,
) -> None:
    # review 14: "1,234" in a tab file (a US export) and "1.234" in a ';' file
    # (where the dot is the thousands mark) were read as 1.234
    tab = _write(
        tmp_path / "t.tsv",
        "lon\tlat\tcases",
        ["-1.55\t53.80\t1,234", "-1.54\t53.81\t2"],
    )
    with pytest.raises(InputError, match=r"may be 1234 .* or 1\.234"):
        read_events_csv(tab, weight_column="cases")
    semi = _write(
        tmp_path / "s.csv", "lon;lat;cases", ["-1,55;53,80;1.234", "-1,54;53,81;2"]
    )
    with pytest.raises(InputError, match=r"may be 1234 \(with a thousands dot"):
        read_events_csv(semi, weight_column="cases")
    # a decimal weight that cannot be a thousands figure is read
    fine = _write(
        tmp_path / "f.csv", "lon;lat;cases", ["-1,55;53,80;0,125", "-1,54;53,81;0.5"]
    )
    assert read_events_csv(fine, weight_column="cases").weights.tolist() == [
        0.125,
        0.5,
    ]


def test_a_case_files_event_set_reads_decimal_commas_by_the_same_rule(
    tmp_path: Path,
) -> None:
    _semicolon_file(tmp_path / "cases.csv")
    case = tmp_path / "case.yaml"
    case.write_text(
        "target: source of an outbreak\nevidence:\n  - id: cases\n"
        "    kind: event_set\n    date: 2024-07-10\n    csv: cases.csv\n"
        "    weight_column: cases\n    sigma_km: 1\n"
    )
    item = load_case(case).items[0]
    assert item.lons.tolist() == LONS.tolist()
    assert item.weights.tolist() == CASES
    _write(tmp_path / "cases.csv", "lon;lat;cases", ["-1,70;37,67;1.234,5"] * 3)
    with pytest.raises(CaseFileError, match="thousands separator") as info:
        load_case(case)
    assert info.value.line == 6


# ------------------------------------------------- F5: a weight column left unused
@pytest.mark.parametrize("name", ["weight", "Weights", "CASES", "count", "n", "deaths"])
def test_a_column_named_like_a_weight_is_said_to_be_unused(
    tmp_path: Path, name: str
) -> None:
    rows = [f"{a},{b},{c}" for a, b, c in zip(LONS, LATS, CASES, strict=True)]
    path = _write(tmp_path / "w.csv", f"lon,lat,{name}", rows)
    result = _profile(path, tmp_path / "o")
    assert result.exit_code == 0, result.output
    said = flat(result.output)
    assert f"Note: column {name!r} is not used" in said
    assert f"--weight-column {name}" in said
    assert "Error" not in said
    events = json.loads((tmp_path / "o" / "profile.json").read_text())["events"]
    assert events["weight_column"] is None
    assert events["weighted"] is False
    assert events["unused_weight_like_columns"] == [name]
    # with the column given, it is used and nothing is said
    result = _profile(path, tmp_path / "o2", "--weight-column", name)
    assert result.exit_code == 0, result.output
    assert "not used" not in result.output
    events = json.loads((tmp_path / "o2" / "profile.json").read_text())["events"]
    assert events["weighted"] is True
    assert events["unused_weight_like_columns"] == []


def test_other_columns_get_no_note(tmp_path: Path) -> None:
    rows = [f"{a},{b},x" for a, b in zip(LONS, LATS, strict=True)]
    path = _write(tmp_path / "w.csv", "lon,lat,notes", rows)
    result = _profile(path, tmp_path / "o")
    assert result.exit_code == 0 and "Note" not in result.output


# --------------------------------------------------- F10: ungeocoded cases
def _line_list(path: Path) -> Path:
    rows = [
        f"{k},2024-07-01,{a},{b},{c}"
        for k, (a, b, c) in enumerate(zip(LONS, LATS, CASES, strict=True))
    ]
    rows.insert(2, "90,2024-07-02,,,2")  # line 4: never geocoded
    rows.insert(5, "91,2024-07-03,NA,NA,1")  # line 7: R's missing value
    return _write(path, "case_id,onset,lon,lat,cases", rows)


def test_a_row_without_coordinates_is_said_to_be_an_ungeocoded_case(
    tmp_path: Path,
) -> None:
    path = _line_list(tmp_path / "list.csv")
    with pytest.raises(InputError, match="has no coordinates") as info:
        read_events_csv(path)
    assert info.value.line == 4
    assert "an ungeocoded case?" in info.value.message
    assert "must be a number" not in info.value.message
    result = _profile(path, tmp_path / "o")
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1
    said = flat(result.output)
    assert "The event on line 4 of" in said and "(an ungeocoded case?)" in said
    assert "--on-invalid warn" in said
    assert "list.csv:4)" in said


def test_a_row_with_one_coordinate_missing_says_which(tmp_path: Path) -> None:
    path = _write(tmp_path / "h.csv", "lon,lat", ["-1.70,37.67", "-1.69,", "1,2"])
    with pytest.raises(InputError, match="has no 'lat'") as info:
        read_events_csv(path)
    assert (info.value.line, info.value.field) == (3, "lat")
    # and an empty weight is said to be missing, not "not a number"
    path = _write(tmp_path / "w.csv", "lon,lat,cases", ["-1.7,37.67,1", "-1.69,37.6,"])
    with pytest.raises(InputError, match=r"'cases' .* is missing \(it is empty\)"):
        read_events_csv(path, weight_column="cases")


def test_on_invalid_warn_lists_each_row_left_out_and_profile_json_counts_them(
    tmp_path: Path,
) -> None:
    path = _line_list(tmp_path / "list.csv")
    out = tmp_path / "o"
    result = _profile(path, out, "--on-invalid", "warn", "--weight-column", "cases")
    assert result.exit_code == 0, result.output
    said = flat(result.output)
    assert said.count("EvidenceWarning") == 2
    assert "The event on line 4 of" in said and "The event on line 7 of" in said
    assert "(2 invalid rows left out)" in said
    events = json.loads((out / "profile.json").read_text())["events"]
    assert events["n_events"] == 12
    assert events["on_invalid"] == "warn"
    assert events["n_invalid_rows_left_out"] == 2
    assert [r["line"] for r in events["invalid_rows_left_out"]] == [4, 7]
    assert "ungeocoded" in events["invalid_rows_left_out"][1]["reason"]
    # the library's own warning, for a caller without the command line
    with pytest.warns(EvidenceWarning, match="Skipped 2 invalid row"):
        assert read_events_csv(path, on_invalid="warn").n_events == 12


def test_on_invalid_skip_still_says_how_many_rows_it_left_out(tmp_path: Path) -> None:
    path = _line_list(tmp_path / "list.csv")
    out = tmp_path / "o"
    result = _profile(path, out, "--on-invalid", "skip", "--weight-column", "cases")
    assert result.exit_code == 0, result.output
    assert "EvidenceWarning" not in result.output
    assert "2 invalid rows left out" in flat(result.output)
    record = json.loads((out / "profile.json").read_text())
    assert record["events"]["n_invalid_rows_left_out"] == 2
    # the map is that of the geocoded rows alone
    result = _profile(
        _dot_file(tmp_path / "dots.csv"), tmp_path / "o2", "--weight-column", "cases"
    )
    assert result.exit_code == 0, result.output
    assert (
        json.loads((tmp_path / "o2" / "profile.json").read_text())["map"]
        == (record["map"])
    )


def test_on_invalid_takes_only_its_three_values(tmp_path: Path) -> None:
    result = _profile(
        _line_list(tmp_path / "l.csv"), tmp_path / "o", "--on-invalid", "drop"
    )
    assert result.exit_code == 2
    assert "Invalid value for '--on-invalid'" in result.output
    assert "--on-invalid" in run("profile", "--help").output


# -------------------------------------------- F11: precision and swapped --truth
def test_the_stored_map_reproduces_a_small_hit_score_exactly(tmp_path: Path) -> None:
    path = _dot_file(tmp_path / "ev.csv")
    out = tmp_path / "o"
    truth = (-1.7010, 37.6712)
    result = run(
        "profile",
        path,
        "--method",
        "cgt",
        "--out",
        out,
        "--n-side",
        400,
        "--truth",
        f"{truth[0]},{truth[1]}",
    )
    assert result.exit_code == 0, result.output
    record = json.loads((out / "profile.json").read_text())
    n = record["map"]["n_cells"]
    assert n > 100_000  # one cell is less than 0.001 % of the area
    counts = np.array(record["map"]["cells_at_least_as_high"])
    assert counts.size == n
    # the rounded figures follow from the exact ones
    assert np.array_equal(
        [float(f"{v:.5g}") for v in 100.0 * counts / n],
        record["map"]["hit_score_pct"],
    )
    # the library's scores give the same counts, cell by cell
    events = read_events_csv(path)
    grid = study_area_grid(events.lons, events.lats, n_side=400)
    ex, ey = grid.lonlat_to_xy_km(events.lons, events.lats)
    cx, cy = grid.cell_xy_km()
    scores = cgt_scores(ex, ey, cx, cy, buffer_km=estimate_cgt_buffer_km(ex, ey))
    order = np.sort(scores)
    assert np.array_equal(counts, n - np.searchsorted(order, scores, side="left"))
    # the truth: its count is the map's at its cell, and gives the printed score
    t = record["truths"][0]
    k = t["cells_at_least_as_high"]
    assert k == counts[t["cell"]] == np.count_nonzero(scores >= scores[t["cell"]])
    assert (t["n_cells"], float(f"{100.0 * k / n:.5g}")) == (n, t["hit_score_pct"])
    assert f"hit score {100.0 * k / n:.3f} % ({k:,} of {n:,} cells)" in (
        flat(result.output)
    )
    # the GeoJSON's best cells carry the exact counts too
    geo = json.loads((out / "profile.geojson").read_text())
    cells = [
        f["properties"] for f in geo["features"] if f["properties"]["kind"] == "cell"
    ]
    assert all(p["cells_at_least_as_high"] == counts[p["cell"]] for p in cells)


def test_a_swapped_truth_gets_a_hint(tmp_path: Path) -> None:
    path = _dot_file(tmp_path / "ev.csv")
    out = tmp_path / "o"
    result = _profile(path, out, "--truth", "37.67,-1.70", "--truth", "10,10")
    assert result.exit_code == 0, result.output
    said = flat(result.output)
    assert said.count("outside the study area") == 2
    assert said.count("lon and lat swapped?") == 1
    assert "-1.7,37.67 lies inside" in said
    truths = json.loads((out / "profile.json").read_text())["truths"]
    assert [t["swapped_inside"] for t in truths] == [True, False]
    assert [t["hit_score_pct"] for t in truths] == [None, None]


def test_events_with_swapped_columns_get_the_hint_through_the_truth(
    tmp_path: Path,
) -> None:
    rows = [f"{b},{a}" for a, b in zip(LONS, LATS, strict=True)]  # in Kenya
    path = _write(tmp_path / "swapped.csv", "lon,lat", rows)
    result = _profile(path, tmp_path / "o", "--truth", "-1.70,37.67")
    assert result.exit_code == 0, result.output
    said = flat(result.output)
    assert "lon and lat swapped? 37.67,-1.7 lies inside" in said
    assert "lon and lat columns" in said


def test_an_impossible_latitude_that_a_swap_would_fix_says_so(tmp_path: Path) -> None:
    path = _write(tmp_path / "s.csv", "lon,lat", ["30.1,-97.5", "30.2,-97.6"])
    with pytest.raises(InputError, match=r"-97\.5 instead \(lon and lat swapped\?\)"):
        read_events_csv(path)
    result = _profile(
        _dot_file(tmp_path / "ev.csv"), tmp_path / "o", "--truth", "37.67,-97.5"
    )
    assert result.exit_code == 1
    assert "(lon and lat swapped?)" in result.output
