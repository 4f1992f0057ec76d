"""Review r39 (an epidemiologist: profile → plan → searched), M2-M5 and L1-L5.

- M2: an event set's ``csv:`` is among the inputs ``estimate.json`` binds, so
  ``verify`` says when it was edited since.
- M3: an events CSV in Windows-1252 (Excel, Western Europe) is read, with a
  warning, as documents are.
- M4: a row far from the others that lies among them with lon and lat exchanged
  is said ("lon and lat swapped on line 7?"; a bad row until review r41, M1,
  which keeps it); the warning of a wide study area names the farthest rows.
- M5: rows that repeat an earlier row exactly are warned of by line, kept, and
  counted in profile.json.
- L1: ``profile --help`` says that a set all within 1 m is refused, not events
  within 1 m of each other.
- L2: Excel's ``sep=;`` first line is skipped, and its separator used.
- L3: ``searched --geojson`` reads GPX and KML, as a GPS unit gives them back.
- L4: ``searched`` refuses an area that lies inside with lon and lat swapped.
- L5: profile.png has a legend, dots by weight and axes that say what they are.
"""

from __future__ import annotations

import json
import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from geosleuth.cli import app
from geosleuth.errors import EvidenceWarning, InputError
from geosleuth.events import read_events_csv
from geosleuth.geometry import Area, Line, Point
from geosleuth.gpsfiles import read_gps_file

runner = CliRunner()

#: 20 cases around the Neptune fountain in Bologna (11.3426, 44.4943).
_ROWS = [
    (f"c{k:03d}", round(11.3426 + 0.004 * math.cos(k), 6),
     round(44.4943 + 0.003 * math.sin(1.7 * k), 6), 1 + k % 3)
    for k in range(20)
]  # fmt: skip


def _csv(
    path: Path,
    rows: list[tuple[Any, ...]] | None = None,
    *,
    sep: str = ",",
    head: str = "",
    encoding: str = "utf-8",
) -> Path:
    rows = _ROWS if rows is None else rows
    lines = [sep.join(("case_id", "lon", "lat", "cases"))]
    lines += [sep.join(str(v) for v in row) for row in rows]
    path.write_bytes((head + "\n".join(lines) + "\n").encode(encoding))
    return path


def _run(*args: str) -> Any:
    return runner.invoke(app, list(args), terminal_width=400)


def _flat(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------- M2
_CASE = """\
target: source of the outbreak (synthetic)
as_of: 2024-08-20
region: {west: 11.330, south: 44.482, east: 11.356, north: 44.508}
grid: {cell_km: 0.05}
evidence:
  - id: cases-cgt
    kind: event_set
    date: 2024-08-19
    csv: cases.csv
    weight_column: cases
    method: cgt
    grade: B2
"""


@pytest.fixture
def located(tmp_path: Path) -> Path:
    _csv(tmp_path / "cases.csv")
    (tmp_path / "outbreak.yaml").write_text(_CASE, "utf-8")
    result = _run(
        "locate", str(tmp_path / "outbreak.yaml"), "--out", str(tmp_path / "o")
    )
    assert result.exit_code == 0, result.output
    return tmp_path


def test_an_event_sets_csv_is_among_the_estimates_inputs(located: Path) -> None:
    inputs = json.loads((located / "o" / "estimate.json").read_text())["inputs"]
    assert [e["path"] for e in inputs] == ["../outbreak.yaml", "../cases.csv"]
    assert all(re.fullmatch("[0-9a-f]{64}", e["sha256"]) for e in inputs)
    result = _run("verify", str(located / "o"))
    assert result.exit_code == 0, result.output


def test_verify_says_an_event_csv_edited_since_differs(located: Path) -> None:
    text = (located / "cases.csv").read_text()
    (located / "cases.csv").write_text(text.replace(",1\n", ",40\n", 1))
    result = _run("verify", str(located / "o"))
    assert result.exit_code == 1
    assert "../cases.csv (changed since the estimate read it)" in result.output


def test_an_estimate_made_before_keeps_verifying_as_before(located: Path) -> None:
    # near miss: an estimate.json of before r39 names the case file only
    path = located / "o" / "estimate.json"
    record = json.loads(path.read_text())
    record["inputs"] = record["inputs"][:1]
    path.write_text(json.dumps(record))
    text = (located / "cases.csv").read_text()
    (located / "cases.csv").write_text(text.replace(",1\n", ",40\n", 1))
    result = _run("verify", str(located / "o"))
    assert result.exit_code == 0, result.output


def test_a_gone_event_csv_is_not_checked_and_said(located: Path) -> None:
    (located / "cases.csv").unlink()
    result = _run("verify", str(located / "o"))
    assert "../cases.csv: not found, not checked" in result.output


# ---------------------------------------------------------------- M3
def test_a_cp1252_csv_is_read_with_a_warning(tmp_path: Path) -> None:
    rows = [(f"Città {k}", lon, lat, w) for k, (_, lon, lat, w) in enumerate(_ROWS)]
    path = _csv(tmp_path / "eu.csv", rows, sep=";", encoding="cp1252")
    with pytest.warns(
        EvidenceWarning, match=r"read as Windows-1252 \(cp1252\).*line 2"
    ):
        events = read_events_csv(path, weight_column="cases")
    assert events.encoding == "cp1252"
    assert events.lons.tolist() == [r[1] for r in _ROWS]


def test_profile_reads_a_cp1252_csv_and_says_so(tmp_path: Path) -> None:
    path = _csv(tmp_path / "eu.csv", [("è", *r[1:]) for r in _ROWS], encoding="cp1252")
    result = _run("profile", str(path), "--method", "cgt", "--out", str(tmp_path / "o"))
    assert result.exit_code == 0, result.output
    assert "save it as 'CSV UTF-8'" in _flat(result.stderr)
    record = json.loads((tmp_path / "o" / "profile.json").read_text())
    assert record["events"]["encoding"] == "cp1252"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_a_unicode_csv_is_read_without_a_word(tmp_path: Path, encoding: str) -> None:
    # near miss: UTF-8, with or without a BOM, and UTF-16 with one
    path = _csv(
        tmp_path / "u.csv", [("Città", *r[1:]) for r in _ROWS], encoding=encoding
    )
    events = read_events_csv(path)  # a warning would be an error here
    assert events.n_events == 20 and events.encoding in ("utf-8", "utf-16-le")


# ---------------------------------------------------------------- M4
def _swapped_rows() -> list[tuple[Any, ...]]:
    rows = list(_ROWS)
    name, lon, lat, w = rows[5]
    rows[5] = (name, lat, lon, w)  # line 7 of the file
    return rows


def test_a_swapped_row_is_said_by_its_line_and_kept(tmp_path: Path) -> None:
    # review r41, M1: was refused; near the diagonal a real far event looks the
    # same, so the row is kept, and said
    path = _csv(tmp_path / "swap1.csv", _swapped_rows())
    with pytest.warns(EvidenceWarning, match="lon and lat swapped on line 7"):
        events = read_events_csv(path)
    assert events.n_events == 20 and events.rejected == ()


def test_a_swapped_row_is_kept_under_on_invalid(tmp_path: Path) -> None:
    path = _csv(tmp_path / "swap1.csv", _swapped_rows())
    with pytest.warns(EvidenceWarning, match="lon and lat swapped on line 7"):
        events = read_events_csv(path, on_invalid="skip")
    assert events.n_events == 20 and events.rejected == ()
    result = _run(
        "profile", str(path), "--method", "cgt", "--on-invalid", "warn",
        "--out", str(tmp_path / "o"),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "lon and lat swapped on line 7?" in _flat(result.stderr)
    record = json.loads((tmp_path / "o" / "profile.json").read_text())
    assert not record["events"].get("invalid_rows_left_out")
    assert record["study_area"]["area_km2"] > 1e6  # widened, as it says


def test_profile_says_how_to_mend_a_swapped_row(tmp_path: Path) -> None:
    path = _csv(tmp_path / "swap1.csv", _swapped_rows())
    result = _run("profile", str(path), "--method", "cgt", "--out", str(tmp_path / "o"))
    assert result.exit_code == 0, result.output
    said = _flat(result.stderr)
    assert "lon and lat swapped on line 7?" in said
    assert "the study area is widened" in said and "exchange its lon and lat" in said


def test_a_far_row_not_swapped_is_kept_and_named(tmp_path: Path) -> None:
    # near miss: a case geocoded to Lisbon is far, but no swap puts it in Bologna
    rows = list(_ROWS)
    rows[4] = ("c004", -9.14, 38.72, 1)  # line 6
    path = _csv(tmp_path / "far.csv", rows)
    assert read_events_csv(path).n_events == 20
    result = _run("profile", str(path), "--method", "cgt", "--out", str(tmp_path / "o"))
    assert result.exit_code == 0, result.output
    said = _flat(result.stderr)
    assert "The farthest from the other events: line 6" in said
    assert "lon and lat swapped" not in said


def test_a_file_swapped_throughout_is_no_swapped_row(tmp_path: Path) -> None:
    # near miss: every row swapped has no row far from the others
    path = _csv(tmp_path / "all.csv", [(r[0], r[2], r[1], r[3]) for r in _ROWS])
    assert read_events_csv(path).n_events == 20


# ---------------------------------------------------------------- M5
def test_repeated_rows_are_warned_of_by_line_kept_and_counted(tmp_path: Path) -> None:
    path = _csv(tmp_path / "dups.csv", [*_ROWS, _ROWS[0], _ROWS[3]])
    with pytest.warns(
        EvidenceWarning,
        match=r"2 rows of .*dups\.csv repeat an earlier row exactly.*lines 22 "
        r"\(as line 2\), 23 \(as line 5\)",
    ):
        events = read_events_csv(path)
    assert events.n_events == 22 and events.repeats == ((22, 2), (23, 5))
    result = _run("profile", str(path), "--method", "cgt", "--out", str(tmp_path / "o"))
    assert result.exit_code == 0, result.output
    assert "repeat an earlier row exactly" in _flat(result.stderr)
    record = json.loads((tmp_path / "o" / "profile.json").read_text())["events"]
    assert record["n_events"] == 22 and record["n_repeated_rows"] == 2
    assert record["repeated_rows"][0] == {"line": 22, "repeats_line": 2}


def test_two_cases_at_one_address_are_no_repeat(tmp_path: Path) -> None:
    # near miss: the same place, another case id: two cases, not said
    _, lon, lat, w = _ROWS[0]
    path = _csv(tmp_path / "same.csv", [*_ROWS, ("c999", lon, lat, w)])
    events = read_events_csv(path)
    assert events.n_events == 21 and events.repeats == ()


# ---------------------------------------------------------------- L1
def test_profile_help_says_what_the_1_m_rule_refuses() -> None:
    said = _flat(_run("profile", "--help").output)
    assert "a set whose events all lie within 1 m of each other is one place" in said
    assert "events within 1 m of each other are one place" not in said


# ---------------------------------------------------------------- L2
def test_excels_sep_line_is_skipped_and_its_separator_used(tmp_path: Path) -> None:
    plain = read_events_csv(_csv(tmp_path / "a.csv", sep=";"), weight_column="cases")
    path = _csv(tmp_path / "b.csv", sep=";", head="sep=;\n")
    events = read_events_csv(path, weight_column="cases")
    assert events.lons.tolist() == plain.lons.tolist()
    assert events.lines.tolist() == [k + 1 for k in plain.lines.tolist()]


def test_a_bad_row_after_a_sep_line_is_named_by_its_line(tmp_path: Path) -> None:
    rows = list(_ROWS)
    rows[1] = ("c001", "x", 44.49, 1)  # line 4, with the sep line
    path = _csv(tmp_path / "b.csv", rows, sep="\t", head="sep=\t\r\n")
    with pytest.raises(InputError, match="line 4 of") as info:
        read_events_csv(path)
    assert info.value.line == 4


def test_a_column_named_sep_is_no_sep_line(tmp_path: Path) -> None:
    # near miss: a header that merely starts with "sep" is the header
    path = tmp_path / "c.csv"
    path.write_text("sep,lon,lat\na,11.34,44.49\nb,11.35,44.50\n")
    assert read_events_csv(path).n_events == 2


# ---------------------------------------------------------------- L3
_GPX = "http://www.topografix.com/GPX/1/1"


def _gpx_track(
    path: Path, parts: list[list[tuple[float, float]]], **extra: Any
) -> Path:
    """A GPX track as the plan's GPX writer writes its elements."""
    from geosleuth.report.fieldfiles import _lonlat_attrs, _xml_bytes

    ET.register_namespace("", _GPX)
    q = f"{{{_GPX}}}"
    root = ET.Element(f"{q}gpx", {"version": "1.1", "creator": "test"})
    for lon, lat in extra.get("waypoints", []):
        ET.SubElement(root, f"{q}wpt", _lonlat_attrs(lon, lat))
    trk = ET.SubElement(root, f"{q}trk")
    ET.SubElement(trk, f"{q}name").text = "team 1"
    for part in parts:
        seg = ET.SubElement(trk, f"{q}trkseg")
        for lon, lat in part:
            ET.SubElement(seg, f"{q}trkpt", _lonlat_attrs(lon, lat))
    path.write_bytes(_xml_bytes(root))
    return path


_positions = st.tuples(
    st.floats(-179.9, 179.9, allow_nan=False), st.floats(-89.9, 89.9, allow_nan=False)
)


@given(
    parts=st.lists(st.lists(_positions, min_size=2, max_size=8), min_size=1, max_size=3)
)
def test_any_track_round_trips_through_gpx(
    tmp_path_factory: pytest.TempPathFactory, parts: list[list[tuple[float, float]]]
) -> None:
    path = _gpx_track(tmp_path_factory.mktemp("gpx") / "t.gpx", parts)
    line = read_gps_file(path)
    assert isinstance(line, Line) and len(line.parts) == len(parts)
    for got, want in zip(line.parts, parts, strict=True):
        assert np.allclose(got, np.array(want), atol=1.5e-7, rtol=0)


def test_a_track_with_waypoints_is_the_track_and_they_are_said(tmp_path: Path) -> None:
    path = _gpx_track(
        tmp_path / "t.gpx", [[(11.34, 44.49), (11.35, 44.50)]], waypoints=[(11.3, 44.4)]
    )
    with pytest.warns(EvidenceWarning, match="1 point .* is not read"):
        assert isinstance(read_gps_file(path), Line)


def test_kml_line_polygon_and_point_are_read(tmp_path: Path) -> None:
    def kml(body: str) -> Path:
        path = tmp_path / "x.kml"
        path.write_text(
            '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2">'
            f"<Document><Placemark>{body}</Placemark></Document></kml>"
        )
        return path

    line = read_gps_file(
        kml("<LineString><coordinates>11.34,44.49,30 11.35,44.50,31</coordinates>"
            "</LineString>")
    )  # fmt: skip
    assert isinstance(line, Line) and line.parts[0].tolist() == [
        [11.34, 44.49], [11.35, 44.5]
    ]  # fmt: skip
    area = read_gps_file(
        kml("<Polygon><outerBoundaryIs><LinearRing><coordinates>11.34,44.49 "
            "11.35,44.49 11.35,44.50 11.34,44.49</coordinates></LinearRing>"
            "</outerBoundaryIs></Polygon>")
    )  # fmt: skip
    assert isinstance(area, Area)
    assert read_gps_file(
        kml("<Point><coordinates>11.34,44.49</coordinates></Point>")
    ) == Point(11.34, 44.49)


def test_the_plans_own_gpx_and_kml_read_as_its_areas(tmp_path: Path) -> None:
    from geosleuth.grid import Grid
    from geosleuth.plan import allocate_optimal
    from geosleuth.report.fieldfiles import plan_areas, plan_cells, plan_gpx, plan_kml

    g = Grid.around(11.34, 44.49, radius_km=1.0, cell_km=0.5)
    p = np.full(g.n_cells, 1.0 / g.n_cells)
    p[:4] *= 3.0
    plan = allocate_optimal(p / p.sum(), 3.0, sweep_width_km=0.05, area_km2=0.25)
    pc = plan_cells(g, plan, sweep_width_km=0.05)
    areas = plan_areas(pc)
    want = sum(len(a.polygons) for a in areas.areas)
    for name, data in (("plan.gpx", plan_gpx(pc)), ("plan.kml", plan_kml(pc))):
        (tmp_path / name).write_bytes(data)
        with pytest.warns(EvidenceWarning, match="not read: marks beside the areas"):
            geom = read_gps_file(tmp_path / name)
        assert isinstance(geom, Area) and len(geom.polygons) == want, name


@pytest.mark.parametrize(
    ("text", "match"),
    [
        (
            '<!DOCTYPE gpx [<!ENTITY a "aaaa">]><gpx>&a;</gpx>',
            "declares a document type",
        ),
        ("{not xml", "is not well-formed XML"),
        ("<html><body/></html>", r"its root element is <html>, not <gpx> or <kml>"),
        ('<gpx><wpt lat="44.49" lon="200"/></gpx>', r"<wpt> on line 1 .* lon '200'"),
        ("<gpx></gpx>", "holds no track, route, waypoint or area"),
        ('<gpx><wpt lat="1" lon="2"/><wpt lat="1" lon="3"/></gpx>', "2 points"),
    ],
)
def test_a_bad_gps_file_is_refused_naming_it(
    tmp_path: Path, text: str, match: str
) -> None:
    path = tmp_path / "bad.gpx"
    path.write_text(text)
    with pytest.raises(InputError, match=match) as info:
        read_gps_file(path)
    assert str(path) in info.value.message


_OB = """\
target: source of the outbreak (synthetic)
as_of: 2024-08-20
region: {west: 11.330, south: 44.482, east: 11.356, north: 44.508}
grid: {cell_km: 0.05}
evidence:
  - id: cases-cgt
    kind: event_set
    date: 2024-08-19
    events: [{lon: 11.3426, lat: 44.4943}, {lon: 11.345, lat: 44.495},
             {lon: 11.34, lat: 44.492}]
    method: cgt
    grade: B2
"""


def test_searched_records_a_gpx_track(tmp_path: Path) -> None:
    case = tmp_path / "ob.yaml"
    case.write_text(_OB)
    track = _gpx_track(tmp_path / "walk.gpx", [[(11.340, 44.490), (11.345, 44.495)]])
    result = _run(
        "searched", str(case), "--date", "2024-08-20", "--pd", "0.5",
        "--geojson", str(track), "--buffer-km", "0.02",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "buffer_km: 0.02" in case.read_text()
    assert "11.345" in case.read_text()


def test_searched_names_gpx_and_kml_for_a_file_that_is_neither(tmp_path: Path) -> None:
    case = tmp_path / "ob.yaml"
    case.write_text(_OB)
    (tmp_path / "walk.json").write_text("walked along the river")
    result = _run(
        "searched", str(case), "--date", "2024-08-20", "--pd", "0.5",
        "--geojson", str(tmp_path / "walk.json"), "--buffer-km", "0.02",
    )  # fmt: skip
    assert result.exit_code == 1
    assert "or a GPX or KML file" in _flat(result.stderr)


# ---------------------------------------------------------------- L4
@pytest.mark.parametrize(
    "area",
    [
        ["--point", "44.4943,11.3426", "--radius-km", "0.05"],
        ["--box", "44.49,11.34,44.50,11.35"],
    ],
)
def test_searched_refuses_a_swapped_area_and_writes_nothing(
    tmp_path: Path, area: list[str]
) -> None:
    case = tmp_path / "ob.yaml"
    case.write_text(_OB)
    result = _run("searched", str(case), "--date", "2024-08-20", "--pd", "0.5", *area)
    assert result.exit_code == 1
    assert "lon and lat swapped?" in _flat(result.stderr)
    assert "Nothing was written" in _flat(result.stderr)
    assert case.read_text() == _OB


def test_searched_records_an_area_outside_that_no_swap_explains(tmp_path: Path) -> None:
    # near miss: Rome is outside the Bologna region, and so is (41.9, 12.5)
    case = tmp_path / "ob.yaml"
    case.write_text(_OB)
    result = _run(
        "searched", str(case), "--date", "2024-08-20", "--pd", "0.5",
        "--point", "12.5,41.9", "--radius-km", "0.05",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "lies wholly outside" in _flat(result.stderr)
    assert case.read_text() != _OB


# ---------------------------------------------------------------- L5
def test_profile_png_has_a_legend_weighted_dots_and_honest_axes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import matplotlib.figure

    saved: list[Any] = []
    original = matplotlib.figure.Figure.savefig

    def keep(self: Any, *args: Any, **kwargs: Any) -> Any:
        saved.append(self)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(matplotlib.figure.Figure, "savefig", keep)
    path = _csv(tmp_path / "cases.csv")
    result = _run(
        "profile", str(path), "--method", "cgt", "--weight-column", "cases",
        "--truth", "11.3426,44.4943", "--out", str(tmp_path / "o"),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    ax = saved[-1].axes[0]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == [
        "events (20, area by weight)", "peak (searched first)", "--truth (known source)"
    ]  # fmt: skip
    dots = next(c for c in ax.collections if c.get_label().startswith("events"))
    sizes = dots.get_sizes()
    weights = np.array([r[3] for r in _ROWS], dtype=float)
    assert np.allclose(sizes / sizes.min(), weights / weights.min())
    assert ax.get_xlabel().startswith("km east of the centre (lon ")
    assert ax.get_ylabel() == "km north of the centre"
