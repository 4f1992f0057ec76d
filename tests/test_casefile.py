import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO
from geosleuth.casefile import CASE_SCHEMA, dump_item_yaml, load_case, parse_case
from geosleuth.errors import CaseFileError
from geosleuth.evidence import Claim, LifeStatus, Sighting, Territory

EXAMPLES = REPO / "src" / "geosleuth" / "examples"

MINIMAL = """\
target: a hiker
region: {west: 7.0, south: 46.0, east: 7.4, north: 46.3}
evidence:
  - id: lkp
    kind: sighting
    date: 2024-08-01
    place: {lon: 7.2, lat: 46.15}
    sigma_km: 0.5
"""


def test_the_bundled_examples_load():
    seed = load_case(EXAMPLES / "seed-baghdadi-2018.yaml")
    assert seed.target == "Abu Bakr al-Baghdadi"
    assert seed.as_of == dt.date(2018, 5, 15)
    kinds = {i.kind for i in seed.items}
    assert kinds == {"sighting", "claim", "territory", "front", "life_status"}
    assert all(i.provenance.quote for i in seed.items), "every item quotes its sentence"
    jamili = [i for i in seed.items if isinstance(i, Sighting) and i.who]
    assert {i.place_name for i in jamili} == {"Hajin", "Abu Kamal", "al-Mayadin"}
    assert len({i.group_key for i in jamili}) == 1
    basri = next(i for i in seed.items if i.id == "basri-hajin")
    assert isinstance(basri, Claim) and basri.hedge == "possible"
    assert basri.provenance.speaker == "Abu Ali al-Basri"
    assert basri.provenance.published == dt.date(2018, 5, 12)
    hiker = load_case(EXAMPLES / "missing-hiker.yaml")
    assert {i.kind for i in hiker.items} >= {"sighting", "claim", "searched"}
    assert [p.name for p in seed.places][:3] == ["Hajin", "Abu Kamal", "al-Mayadin"]


@pytest.mark.parametrize("name", ["seed-baghdadi-2018.yaml", "missing-hiker.yaml"])
def test_an_estimate_is_reproducible_from_its_stored_evidence(name):
    # what estimate.json stores of each item (its dict) gives back the same numbers
    from geosleuth.evidence import item_from_dict
    from geosleuth.fuse import fuse
    from geosleuth.testing import assert_estimate_close

    case = load_case(EXAMPLES / name)
    stored = [item_from_dict(json.loads(json.dumps(i.to_dict()))) for i in case.items]
    kw = {"as_of": case.as_of, "settings": case.settings, "places": case.places}
    again = fuse(stored, case.grid, **kw)
    assert_estimate_close(again, fuse(case.items, case.grid, **kw), rtol=0, atol=0)
    assert again.used  # the examples use their evidence


def test_grid_defaults_to_the_evidence_bounds():
    case = parse_case(
        MINIMAL.replace(
            "region: {west: 7.0, south: 46.0, east: 7.4, north: 46.3}\n", ""
        )
    )
    w, s, e, n = case.grid.bounds_lonlat()
    assert w < 7.2 < e and s < 46.15 < n


@pytest.mark.parametrize(
    ("text", "match", "line"),
    [
        ("target: x\nevidence: [\n", "not valid YAML", 3),
        ("- just\n- a list\n", "must be a mapping", 1),
        ("target: x\nevidence: []\n", "no evidence items", 2),
        (
            MINIMAL.replace("sigma_km: 0.5", "sigma_km: -2"),
            r"'sigma_km' of sighting 'lkp' \(<case>, line 8\) must be a positive",
            8,
        ),
        (MINIMAL.replace("sigma_km: 0.5", "sigma_km: .nan"), "sigma_km", 8),
        (
            MINIMAL.replace("{lon: 7.2, lat: 46.15}", "{lon: .nan, lat: 46.15}"),
            "not a finite number",
            7,
        ),
        (
            MINIMAL.replace(
                "date: 2024-08-01", "date: 2024-08-01\n    date_from: 2024-09-01"
            ),
            "out of order",
            7,
        ),
        (MINIMAL.replace("date: 2024-08-01", "date: 1st of August"), "date", 6),
        (
            MINIMAL.replace("sigma_km: 0.5", "sigma_km: 0.5\n    colour: red"),
            "unknown key",
            4,
        ),
        (MINIMAL.replace("kind: sighting", "kind: rumour"), "must be one of", 5),
        (
            MINIMAL + "  - id: lkp\n    kind: life_status\n    status: alive\n"
            "    date: 2024-08-01\n",
            "used twice",
            9,
        ),
    ],
)
def test_bad_case_files_name_the_line_and_field(text, match, line):
    with pytest.raises(CaseFileError, match=match) as err:
        parse_case(text, source="<case>")
    assert err.value.line == line
    assert err.value.path == "<case>"


FRONT_ON = """\
target: x
places:
  pocket: {polygon: [[40.7, 34.6], [40.9, 34.6], [40.9, 34.8], [40.7, 34.8]]}
evidence:
  - id: f
    kind: front
    force: SDF
    date: 2018-05-01
    distance_km: 5
    bearing_deg: 10
    place: pocket
"""


@pytest.mark.parametrize(
    ("text", "match", "line", "field"),
    [
        (  # no place at all: the item's line, the missing field
            MINIMAL.replace("    place: {lon: 7.2, lat: 46.15}\n", ""),
            r"A sighting needs 'place' \(a place name, \{lon, lat\} or a GeoJSON "
            r"geometry\); sighting 'lkp' has none\.",
            4,
            "evidence[0].place",
        ),
        (  # a front is seen from a point, not from an area
            FRONT_ON,
            r"The place of front 'f' must be a point\.",
            11,
            "evidence[0].place",
        ),
        (  # the schema's pattern lets any NNNN-NN-NN through; the calendar does not
            MINIMAL.replace("date: 2024-08-01", "date: 2024-02-30"),
            r"The field evidence\[0\]\.date is written YYYY-MM-DD, but 2024-02-30 is "
            r"not a day of the calendar \(check the month and the day\)\.",
            6,
            "evidence[0].date",
        ),
        (
            MINIMAL + "as_of: 2023-02-29\n",
            r"The field as_of is written YYYY-MM-DD, but 2023-02-29 is not a day",
            9,
            "as_of",
        ),
        (  # the line of the setting itself, not of the 'settings' block
            "settings:\n  prior_alive: 0.9\n  search_memory_days: -1\n" + MINIMAL,
            r"The setting 'search_memory_days' must be a positive number of days or "
            r"null\. Got -1 instead\.",
            3,
            "settings.search_memory_days",
        ),
    ],
)
def test_user_errors_name_the_file_line_and_field(text, match, line, field):
    with pytest.raises(CaseFileError, match=match) as err:
        parse_case(text, source="c.yaml")
    assert (err.value.path, err.value.line, err.value.field) == ("c.yaml", line, field)
    assert err.value.location() == f"c.yaml:{line}"


def test_unknown_place_is_reported_with_its_line():
    text = MINIMAL.replace("{lon: 7.2, lat: 46.15}", "Xyzzyville Qwerty")
    with pytest.raises(CaseFileError, match="Xyzzyville Qwerty") as err:
        parse_case(text, source="c.yaml")
    assert err.value.line == 7
    assert err.value.field == "evidence[0].place"


def test_dates_out_of_order_against_the_document():
    text = """\
target: x
documents:
  d: {published: 2018-01-01}
evidence:
  - id: a
    kind: claim
    document: d
    date: 2018-02-01
    place: {lon: 40.0, lat: 35.0}
"""
    with pytest.raises(CaseFileError, match="published on 2018-01-01"):
        parse_case(text)


def test_missing_file_and_non_utf8(tmp_path):
    with pytest.raises(CaseFileError, match="Cannot read"):
        load_case(tmp_path / "nope.yaml")
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes("target: caf\xe9\n".encode("latin-1"))
    with pytest.raises(CaseFileError, match="not UTF-8"):
        load_case(bad)


def test_local_places_lines_and_territory():
    text = """\
target: x
places:
  pocket: {polygon: [[40.7, 34.6], [40.9, 34.6], [40.9, 34.8], [40.7, 34.8]]}
  river: {line: [[40.1, 35.3], [40.9, 34.5]]}
evidence:
  - id: t
    kind: territory
    group_name: ISIS
    date: 2018-05-01
    area: pocket
  - id: c
    kind: claim
    date: 2018-05-01
    place: river
    buffer_km: 10
"""
    case = parse_case(text)
    assert isinstance(case.items[0], Territory)
    assert case.items[1].place_name == "river"


def test_schema_is_valid_json_schema():
    import jsonschema

    jsonschema.Draft202012Validator.check_schema(CASE_SCHEMA)
    assert json.loads(json.dumps(CASE_SCHEMA))["required"] == ["target", "evidence"]


def _without_source(item):
    d = item.to_dict()
    d.pop("place_name", None)  # dumped as geometry, not by name
    prov = d.pop("provenance")
    return d, prov["quote"], prov["speaker"], prov["speaker_role"]


# random text, and the minimal case with a few characters spliced in somewhere
_case_texts = st.one_of(
    st.text(max_size=200),
    st.builds(
        lambda i, j, junk: MINIMAL[:i] + junk + MINIMAL[max(i, j) :],
        st.integers(0, len(MINIMAL)),
        st.integers(0, len(MINIMAL)),
        st.text(max_size=6),
    ),
)


@settings(max_examples=40)
@given(_case_texts)
def test_any_text_either_parses_or_raises_a_case_file_error(text):
    try:
        case = parse_case(text)
    except CaseFileError:
        return
    # what parsed, written back item by item as an appended case would be, parses
    # back to the same items
    dumped = "".join(dump_item_yaml(i) for i in case.items)
    again = parse_case(f"target: t\nevidence:\n{dumped}")
    assert [_without_source(i) for i in again.items] == [
        _without_source(i) for i in case.items
    ]


def test_life_status_needs_no_place():
    text = MINIMAL + (
        "  - id: pol\n    kind: life_status\n    status: alive\n    date: 2024-08-01\n"
    )
    case = parse_case(text)
    assert isinstance(case.items[1], LifeStatus)


def test_an_event_set_can_come_from_a_csv_file(tmp_path):
    (tmp_path / "cases.csv").write_text(
        "lon,lat,deaths\n40.80,34.70,3\n40.82,34.71,1\n40.79,34.69,2\n"
    )
    case_path = tmp_path / "case.yaml"
    case_path.write_text(
        "target: source of an outbreak\nevidence:\n  - id: cases\n"
        "    kind: event_set\n    date: 2024-01-01\n    csv: cases.csv\n"
        "    weight_column: deaths\n    sigma_km: 1\n"
    )
    case = load_case(case_path)
    ev = case.items[0]
    assert ev.kind == "event_set" and ev.lons.size == 3
    assert ev.weights.tolist() == [3.0, 1.0, 2.0]
    case_path.write_text(case_path.read_text().replace("cases.csv", "nope.csv"))
    with pytest.raises(CaseFileError, match="could not be read") as err:
        load_case(case_path)
    assert err.value.line == 6


@pytest.mark.parametrize("merged", [False, True])
def test_without_read_files_a_csv_is_refused_with_its_line_and_no_file_is_read(
    tmp_path, monkeypatch, merged
):
    import geosleuth.events

    (tmp_path / "cases.csv").write_text("lon,lat\n40.80,34.70\n40.82,34.71\n")
    touched = []
    real = geosleuth.events.read_events_csv

    def spy(path, **kwargs):
        touched.append(path)
        return real(path, **kwargs)

    monkeypatch.setattr(geosleuth.events, "read_events_csv", spy)
    csv = "    <<: {csv: cases.csv}\n" if merged else "    csv: cases.csv\n"
    text = (
        "target: x\nevidence:\n  - id: cases\n    kind: event_set\n"
        f"    date: 2024-01-01\n{csv}    sigma_km: 1\n"
    )
    source = str(tmp_path / "case.yaml")
    with pytest.raises(CaseFileError, match=r"'csv' of event_set 'cases' .*line 6"):
        parse_case(text, source=source, read_files=False)
    with pytest.raises(CaseFileError) as err:
        parse_case(text, source=source, read_files=False)
    assert (err.value.line, err.value.field) == (6, "evidence[0].csv")
    assert touched == []
    parse_case(text, source=source)  # read_files=True: it is read
    assert len(touched) == 1


def test_the_published_schema_file_is_in_step_with_the_code():
    published = json.loads((REPO / "docs" / "case.schema.json").read_text())
    assert published == json.loads(json.dumps(CASE_SCHEMA)), (
        "regenerate it: geosleuth schema > docs/case.schema.json"
    )


# --- places with bad coordinates: the place, the file and the line ---------------
PLACES = """\
target: T
region: {west: 40, south: 34, east: 42, north: 36}
places:
  Hajin: {lon: 40.83, lat: 34.69}
  River:
    %s
evidence:
  - {id: a, kind: claim, date: 2018-01-01, place: River}
"""


@pytest.mark.parametrize(
    ("spec", "field", "match"),
    [
        ("line: [[40.5, 35], [41]]", "places.River.line", "Point 2 of the line"),
        ("line: [[40.5, 35], [41, abc]]", "places.River.line", r"\[41, 'abc'\]"),
        ("line: [[40.5, 35], [41, .nan]]", "places.River.line", "not a finite"),
        ("polygon: [[40, 35], [41, 35], [41]]", "places.River.polygon", "Point 3"),
        (
            "geometry: {type: LineString, coordinates: [[1, 2], [3]]}",
            "places.River.geometry",
            "Point 2",
        ),
        (
            "geometry: {type: Polygon, coordinates: [[[1, 2], [3, 4], [abc, 5]]]}",
            "places.River.geometry",
            "rings of",
        ),
        ("{lon: 1%s, lat: 35}" % ("0" * 400), "places.River", "too large"),
    ],
)
def test_a_place_with_bad_coordinates_names_the_place_and_line(spec, field, match):
    with pytest.raises(CaseFileError, match=match) as err:
        parse_case(PLACES % spec, source="case.yaml")
    assert err.value.message.startswith("The place 'River' (case.yaml, line ")
    assert err.value.path == "case.yaml"
    assert err.value.line == (5 if spec.startswith("{") else 6)
    assert err.value.field == field


def test_an_inline_point_too_large_for_a_float_is_a_case_file_error():
    text = MINIMAL.replace(
        "{lon: 7.2, lat: 46.15}", "{lon: 1%s, lat: 46}" % ("0" * 400)
    )
    with pytest.raises(CaseFileError, match="too large") as err:
        parse_case(text)
    assert err.value.line == 7 and err.value.field == "evidence[0].place"


# --- a region larger than a hemisphere, or too many cells ------------------------
def test_a_whole_world_region_is_refused_on_the_region_line():
    text = MINIMAL.replace(
        "{west: 7.0, south: 46.0, east: 7.4, north: 46.3}",
        "{west: -180, south: -90, east: 180, north: 90}",
    )
    with pytest.raises(CaseFileError, match="smaller than a hemisphere") as err:
        parse_case(text)
    assert (err.value.line, err.value.field) == (2, "region")


def test_a_cell_size_over_max_cells_names_the_grid_field_and_the_count():
    text = MINIMAL.replace(
        "evidence:", "grid:\n  cell_km: 0.001\n  max_cells: 1000\nevidence:"
    )
    with pytest.raises(CaseFileError, match=r"limit of 1,000") as err:
        parse_case(text)
    assert (err.value.line, err.value.field) == (4, "grid.cell_km")
    assert "cells" in err.value.message and "0.001 km" in err.value.message


# --- duplicate keys ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "key", "line", "field", "lines"),
    [
        (MINIMAL.replace("    date: 2024-08-01\n", "    date: 2024-08-01\n" * 2),
         "date", 7, "evidence[0].date", "lines 6 and 7"),
        ("target: a\n" + MINIMAL, "target", 2, "target", "lines 1 and 2"),
        (MINIMAL.replace("{lon: 7.2, lat: 46.15}", "{lon: 7.2, lon: 7.3, lat: 46}"),
         "lon", 7, "evidence[0].place.lon", "line 7)"),
        (MINIMAL + "places:\n  A: {lon: 7.1, lat: 46.1}\n  A: {lon: 7.3, lat: 46.2}\n",
         "A", 11, "places.A", "lines 10 and 11"),
    ],
)  # fmt: skip
def test_a_key_written_twice_is_refused_with_both_lines(text, key, line, field, lines):
    with pytest.raises(CaseFileError, match=f"key '{key}' .*written twice") as err:
        parse_case(text, source="c.yaml")
    assert (err.value.line, err.value.field, err.value.path) == (line, field, "c.yaml")
    assert f"(c.yaml, {lines}" in err.value.message


def test_a_merge_key_may_still_be_overridden():
    text = """\
target: x
region: {west: 7.0, south: 46.0, east: 7.4, north: 46.3}
evidence:
  - &first {id: a, kind: sighting, date: 2024-08-01, place: {lon: 7.2, lat: 46.15}}
  - <<: *first
    id: b
"""
    case = parse_case(text)
    assert [i.id for i in case.items] == ["a", "b"]


# --- place names in composed and decomposed Unicode --------------------------------
NFC, NFD = "H\u00easek", "He\u0302sek"  # the same name, written two ways


@pytest.mark.parametrize(("in_places", "in_item"), [(NFC, NFD), (NFD, NFC)])
def test_a_place_name_matches_whatever_its_unicode_normal_form(in_places, in_item):
    text = f"""\
target: x
region: {{west: 40, south: 34, east: 42, north: 36}}
places:
  {in_places}: {{lon: 41.25, lat: 35.5}}
evidence:
  - {{id: a, kind: sighting, date: 2018-01-01, place: "{in_item}"}}
"""
    item = parse_case(text).items[0]
    assert isinstance(item, Sighting)
    assert (item.place.lon, item.place.lat) == (41.25, 35.5)
    assert item.place_name == NFC


def test_one_place_written_in_two_normal_forms_is_refused():
    text = f"""\
target: x
places:
  {NFC}: {{lon: 41.25, lat: 35.5}}
  {NFD}: {{lon: 41.0, lat: 35.0}}
evidence:
  - {{id: a, kind: sighting, date: 2018-01-01, place: {NFC}}}
"""
    with pytest.raises(CaseFileError, match="same name") as err:
        parse_case(text)
    assert err.value.line == 4


PROVENANCE = """\
target: x
documents:
  wire:
    title: Wire story of 12 May
    published: 2018-05-12
    url: https://example.org/story?id=1
  notes: {}
evidence:
  - id: a
    kind: sighting
    document: wire
    date: 2018-05-01
    place: {lon: 40.8, lat: 34.7}
    quote: He was seen in Hajin, a resident told our reporter.
    span: [3, 40]
    speaker: a resident
    speaker_role: witness
    reporting_chain: [a resident, a local reporter]
  - id: b
    kind: sighting
    document: notes
    date: 2018-05-02
    place: {lon: 40.9, lat: 34.6}
  - id: c
    kind: sighting
    date: 2018-05-03
    place: {lon: 40.9, lat: 34.6}
"""


def test_an_items_provenance_keeps_span_url_and_reporting_chain():
    a, b, c = parse_case(PROVENANCE).items
    pa = a.provenance
    assert pa.span == (3, 40)
    assert pa.url == "https://example.org/story?id=1"
    assert pa.document == "Wire story of 12 May"  # the document's title
    assert pa.published == dt.date(2018, 5, 12)
    assert pa.speaker == "a resident" and pa.speaker_role == "witness"
    assert pa.reporting_chain == ("a resident", "a local reporter")
    assert pa.quote.startswith("He was seen")
    # a listed document without a title is named by its key, and has no url
    pb = b.provenance
    assert pb.document == "notes"
    assert pb.url is None and pb.span is None and pb.published is None
    assert pb.reporting_chain == () and pb.speaker is None
    # no document at all: the case file itself
    assert c.provenance.document == "case file"
    assert c.provenance.url is None


@pytest.mark.parametrize(
    ("entry", "said"),
    [
        # review r10, F5: Python's words ('None is not of type', "{'lon': True")
        ("sigma_km: null", "The field evidence[0].sigma_km must be a number. Got null "
         "instead."),
        ("sigma_km: [1, 2]", "must be a number. Got [1, 2] instead."),
        ("who: [a, b]",
         'The field evidence[0].who must be text. Got ["a", "b"] instead.'),
    ],
)  # fmt: skip
def test_a_value_of_the_wrong_type_is_named_as_yaml_writes_it(
    entry: str, said: str
) -> None:
    text = (
        "target: x\nevidence:\n  - id: e\n    kind: sighting\n    date: 2018-02-03\n"
        f"    place: {{lon: 1, lat: 53}}\n    {entry}\n"
    )
    with pytest.raises(CaseFileError) as caught:
        parse_case(text, source="h.yaml")
    assert said in caught.value.message
    assert "None" not in caught.value.message and "True" not in caught.value.message


def test_a_place_of_no_form_names_the_part_that_is_wrong() -> None:
    text = (
        "target: x\nevidence:\n"
        "  - {id: e, kind: sighting, date: 2018-02-03, place: {lon: true, lat: 53}}\n"
    )
    with pytest.raises(CaseFileError) as caught:
        parse_case(text, source="h.yaml")
    assert caught.value.message == (
        "The field evidence[0].place fits none of its forms (evidence[0].place.lon "
        'must be a number, not true). Got {"lon": true, "lat": 53} instead.'
    )
