"""Review r41 (events CSV, GPS files, a yearless dateline), outside the service.

- H1: a report dated only by a dateline without its year has its year guessed
  from today; ``read_text`` (``geosleuth read``, ``locate`` on a text) says so,
  and the reading's notes tell it (:func:`geosleuth.read.document.guessed_year`).
- M1: a row that looks swapped is said, and kept: near the diagonal lon = lat
  (Cairo, and a case in Alexandria) a real far event looks the same.
- M2: a KML with one coordinate a line is read in linear time.
- M3: a KML nested 1,000 deep is read, not a RecursionError.
- L1: the swap check finds one swapped row of 4, two of 8.
- L2: a UTF-8 file with a Windows-1252 line keeps its UTF-8 lines, and the
  warning names that line.
- L3: UTF-16 without its byte-order mark, or a workbook, is refused saying so.
- L4: with ``on_invalid="raise"`` the error is the file's first bad row.
- L5: a track segment of one point is said as such (read as a point when it is
  all there is); ``lat="4_4.49"`` is refused.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import time
import warnings
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from geosleuth.cli import app
from geosleuth.errors import EvidenceWarning, InputError
from geosleuth.events import read_events_csv
from geosleuth.geometry import Line, Point
from geosleuth.gpsfiles import read_gps_file

runner = CliRunner()


def _run(*args: str) -> Any:
    return runner.invoke(app, list(args), terminal_width=400)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _write(path: Path, rows: list[tuple[Any, ...]], head: str = "id,lon,lat") -> Path:
    path.write_text(head + "\n" + "".join(",".join(map(str, r)) + "\n" for r in rows))
    return path


# ---------------------------------------------------------------- H1
YEARLESS = (
    "CULIACAN, Mexico, March 1 (Reuters) - Joaquín Guzmán was spotted in Mazatlán "
    "on Wednesday, witnesses said.\n"
)
TARGET = "Joaquín Guzmán"


def _guess() -> int:
    today = dt.date.today()
    return today.year if (today.month, today.day) >= (3, 1) else today.year - 1


@pytest.mark.nlp
def test_read_text_says_the_year_of_a_yearless_dateline_was_guessed(nlp) -> None:
    from geosleuth.read.document import guessed_year, read_text

    with pytest.warns(EvidenceWarning, match=f"year guessed as {_guess()} from the"):
        reading = read_text(YEARLESS, target=TARGET, nlp=nlp)
    assert guessed_year(reading.notes) == (
        _guess(),
        "'CULIACAN, Mexico, March 1 (Reuters) -'",
    )
    # near misses: a date given, or a dateline with its year, guess nothing
    for text, published in (
        (YEARLESS, dt.date(2024, 3, 2)),
        (YEARLESS.replace("March 1", "March 1, 2024"), None),
    ):
        with warnings.catch_warnings():
            warnings.simplefilter("error", EvidenceWarning)
            reading = read_text(text, target=TARGET, nlp=nlp, published=published)
        assert guessed_year(reading.notes) is None
        assert reading.published == published or dt.date(2024, 3, 1)


@pytest.mark.nlp
def test_geosleuth_read_says_the_year_was_guessed(tmp_path: Path, nlp) -> None:
    path = tmp_path / "yearless.txt"
    path.write_text(YEARLESS, encoding="utf-8")
    result = _run("read", str(path), "--target", TARGET, "--out", str(tmp_path / "o"))
    assert result.exit_code == 0, result.output
    said = _flat(result.stderr)
    assert f"year guessed as {_guess()} from the dateline" in said
    assert "--published" in said
    given = _run(
        "read", str(path), "--target", TARGET, "--published", "2024-03-02",
        "--out", str(tmp_path / "o2"),
    )  # fmt: skip
    assert given.exit_code == 0, given.output
    assert "guessed" not in _flat(given.stderr)


# ---------------------------------------------------------------- M1
#: 30 cases within a few km of Cairo (31.24 E, 30.04 N) and one in Alexandria,
#: whose mirror (31.20, 29.92) lies 15 km from Cairo: a real case, not a swap.
_CAIRO = [
    (k, round(31.24 + 0.08 * math.cos(k), 5), round(30.04 + 0.08 * math.sin(k), 5))
    for k in range(30)
]
_ALEXANDRIA = (30, 29.92, 31.20)  # line 32


def test_a_real_case_that_looks_swapped_is_kept_and_said(tmp_path: Path) -> None:
    path = _write(tmp_path / "cairo.csv", [*_CAIRO, _ALEXANDRIA])
    with pytest.warns(EvidenceWarning, match="lon and lat swapped on line 32?") as w:
        events = read_events_csv(path)
    assert events.n_events == 31 and events.rejected == ()
    said = str(w[0].message)
    assert "The row is kept" in said and "the study area is widened" in said
    result = _run("profile", str(path), "--method", "cgt", "--out", str(tmp_path / "o"))
    assert result.exit_code == 0, result.output
    assert "lon and lat swapped on line 32?" in _flat(result.stderr)
    record = json.loads((tmp_path / "o" / "profile.json").read_text())
    assert record["events"]["n_events"] == 31


def test_a_case_file_whose_csv_looks_swapped_is_located(tmp_path: Path) -> None:
    _write(tmp_path / "cairo.csv", [*_CAIRO, _ALEXANDRIA])
    case = tmp_path / "cairo.yaml"
    case.write_text(
        "target: t\ntitle: cairo\nas_of: 2024-08-20\nevidence:\n"
        "  - {id: e, kind: event_set, date: 2024-08-19, csv: cairo.csv, "
        "method: cgt, grade: B2}\n"
    )
    result = _run("locate", str(case), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "lon and lat swapped on line 32?" in _flat(result.stderr)


def test_a_row_out_of_range_is_still_refused(tmp_path: Path) -> None:
    # near miss: a latitude beyond 90 cannot be a place
    path = _write(tmp_path / "oor.csv", [*_CAIRO, (30, 31.2, 95.0)])
    with pytest.raises(InputError, match=r"latitude in -90\.\.90") as info:
        read_events_csv(path)
    assert info.value.line == 32


# ---------------------------------------------------------------- L1
_BOLOGNA = [
    (0, 11.34, 44.49),
    (1, 11.35, 44.50),
    (2, 11.345, 44.495),
    (3, 11.341, 44.493),
    (4, 11.343, 44.497),
    (5, 11.346, 44.491),
]


@pytest.mark.parametrize(
    ("rows", "lines"),
    [
        ([*_BOLOGNA[:3], (3, 44.492, 11.342)], "line 5?"),
        ([*_BOLOGNA, (6, 44.492, 11.342), (7, 44.498, 11.347)], "line 8? (so, it "
         "seems, on line 9)"),
    ],
)  # fmt: skip
def test_a_quarter_of_the_rows_swapped_is_found(
    tmp_path: Path, rows: list[tuple[Any, ...]], lines: str
) -> None:
    path = _write(tmp_path / "q.csv", rows)
    with pytest.warns(EvidenceWarning, match="lon and lat swapped on") as w:
        read_events_csv(path)
    assert f"lon and lat swapped on {lines}" in str(w[0].message)


@pytest.mark.parametrize(
    "rows",
    [
        _BOLOGNA[:4],  # none swapped
        # more than a quarter swapped: which are the others is unclear
        [*_BOLOGNA[:5], (5, 44.492, 11.342), (6, 44.498, 11.347), (7, 44.49, 11.34)],
    ],
)
def test_no_swap_is_said_where_none_or_too_many_are_far(
    tmp_path: Path, rows: list[tuple[Any, ...]]
) -> None:
    path = _write(tmp_path / "n.csv", rows)
    with warnings.catch_warnings():
        warnings.simplefilter("error", EvidenceWarning)
        read_events_csv(path)


# ---------------------------------------------------------------- L4
def test_with_raise_the_first_bad_row_is_named(tmp_path: Path) -> None:
    # line 5 looks swapped (said, kept); line 7 has no lon: the first bad row
    rows: list[tuple[Any, ...]] = [*_BOLOGNA[:3], (3, 44.492, 11.342), *_BOLOGNA[3:]]
    rows.insert(5, (9, "", 44.49))
    path = _write(tmp_path / "rep.csv", rows)
    with pytest.raises(InputError, match="line 7") as info:
        read_events_csv(path)
    assert info.value.line == 7
    del rows[5]  # mended: only the swap is said, and the row kept
    path = _write(tmp_path / "rep.csv", rows)
    with pytest.warns(EvidenceWarning, match="lon and lat swapped on line 5?"):
        assert read_events_csv(path).n_events == 7


# ---------------------------------------------------------------- L2
def test_a_utf8_file_with_one_cp1252_line_keeps_its_utf8(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        "id;lon;lat;città\n1;11,341;44,491;Bolognà\n2;11,342;44,492;Imola\n".encode()
        + "3;11,343;44,493;Forlì\n".encode("cp1252")
    )
    with pytest.warns(EvidenceWarning, match="mixes encodings") as w:
        events = read_events_csv(path, weight_column=None)
    said = str(w[0].message)
    assert "line 4: '3;11,343;44,493;Forlì'" in said
    assert events.columns == ("id", "lon", "lat", "città")
    assert events.encoding == "utf-8+cp1252"


def test_a_cp1252_file_names_its_first_line_that_is_not_utf8(tmp_path: Path) -> None:
    # near miss: all cp1252, as before
    path = tmp_path / "cp.csv"
    text = "id;lon;lat;c\n1;11,341;44,491;a\n2;11,342;44,492;€\n"
    path.write_bytes(text.encode("cp1252"))
    with pytest.warns(EvidenceWarning, match="is not UTF-8: read as Windows-1252") as w:
        events = read_events_csv(path)
    assert "line 3: '2;11,342;44,492;€'" in str(w[0].message)
    assert events.encoding == "cp1252"


# ---------------------------------------------------------------- L3
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_mark_is_refused_saying_so(
    tmp_path: Path, encoding: str
) -> None:
    path = tmp_path / "u16.csv"
    path.write_bytes("id,lon,lat\n1,11.34,44.49\n2,11.35,44.5\n".encode(encoding))
    with pytest.raises(InputError, match="looks like UTF-16 text without a byte-order"):
        read_events_csv(path)


def test_a_workbook_named_csv_is_refused_saying_so(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "book.csv"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(InputError, match=r"Excel workbook.*CSV UTF-8"):
        read_events_csv(path)


def test_a_nul_in_one_value_is_still_a_bad_row(tmp_path: Path) -> None:
    # near miss: text with one NUL is a row's error, by its line
    path = tmp_path / "nul.csv"
    path.write_bytes(b"id,lon,lat\n1,11.34,44.49\n2,11.35,44.50\x00\n")
    with pytest.raises(InputError, match="line 3") as info:
        read_events_csv(path)
    assert info.value.line == 3


# ---------------------------------------------------------------- M2, M3
def test_a_kml_of_one_coordinate_a_line_is_read_in_linear_time(tmp_path: Path) -> None:
    n = 200_000
    coords = "\n".join(
        f"          {11.34 + k * 1e-6:.6f},{44.49 + k * 1e-6:.6f},0" for k in range(n)
    )
    path = tmp_path / "day.kml"
    path.write_text(
        '<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><LineString>'
        f"<coordinates>\n{coords}\n</coordinates></LineString></Placemark></kml>"
    )
    start = time.perf_counter()
    line = read_gps_file(path)
    took = time.perf_counter() - start
    assert isinstance(line, Line) and len(line.parts[0]) == n
    assert took < 5.0, took  # was 18 s: quadratic in the lines


@pytest.mark.parametrize("depth", [990, 1_000, 20_000])
def test_a_deeply_nested_kml_is_read(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "deep.kml"
    path.write_text(
        '<kml xmlns="http://www.opengis.net/kml/2.2">'
        + "<Folder>" * depth
        + "<Placemark><Point><coordinates>11.34,44.49</coordinates></Point>"
        "</Placemark>" + "</Folder>" * depth + "</kml>"
    )
    point = read_gps_file(path)
    assert isinstance(point, Point)
    assert point.to_geojson()["coordinates"] == [11.34, 44.49]


# ---------------------------------------------------------------- L5
_GPX = '<gpx xmlns="http://www.topografix.com/GPX/1/1">{}</gpx>'
_TRACK = (
    '<trk><trkseg><trkpt lat="44.49" lon="11.34"/><trkpt lat="44.50" lon="11.35"/>'
    "</trkseg></trk>"
)
_ONE = '<trk><name>one</name><trkseg><trkpt lat="44.51" lon="11.36"/></trkseg></trk>'
_WPT = '<wpt lat="44.40" lon="11.30"/>'


def test_a_one_point_segment_is_said_as_such(tmp_path: Path) -> None:
    path = tmp_path / "g.gpx"
    path.write_text(_GPX.format(_WPT + _TRACK + _ONE))
    with pytest.warns(EvidenceWarning) as w:
        assert isinstance(read_gps_file(path), Line)
    said = str(w[0].message)
    assert said.startswith("1 point (waypoint) and 1 track segment of one point of")
    # near miss: a waypoint alone beside the track is said as before
    path.write_text(_GPX.format(_WPT + _TRACK))
    with pytest.warns(EvidenceWarning, match=r"^1 point \(waypoint\) of .* is not"):
        read_gps_file(path)


def test_a_lone_one_point_segment_is_that_point(tmp_path: Path) -> None:
    path = tmp_path / "g.gpx"
    path.write_text(_GPX.format(_ONE))
    point = read_gps_file(path)
    assert isinstance(point, Point)
    assert point.to_geojson()["coordinates"] == [11.36, 44.51]


@pytest.mark.parametrize(
    ("lat", "ok"), [("4_4.49", False), ("44.49", True), ("+44.49", True)]
)
def test_underscores_in_degrees_are_refused(tmp_path: Path, lat: str, ok: bool) -> None:
    path = tmp_path / "u.gpx"
    path.write_text(
        _GPX.format(
            f'<trk><trkseg><trkpt lat="{lat}" lon="11.34"/>'
            '<trkpt lat="44.50" lon="11.35"/></trkseg></trk>'
        )
    )
    if ok:
        assert isinstance(read_gps_file(path), Line)
    else:
        with pytest.raises(InputError, match=r"lat '4_4\.49'"):
            read_gps_file(path)
