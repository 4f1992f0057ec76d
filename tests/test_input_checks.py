"""Input checks of a case run: the target, future dates, YAML 1.2 numbers, documents.

Also the study region of a case file without one, which a run draws again for all
its items on the day of its estimate, and the YAML node limit (alias bombs).

Each check gives one clear line and exit status 1 in the CLI (or a warning, for
dates a little after today), never a traceback and never evidence taken silently.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import time
from dataclasses import replace

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import REPO
from geosleuth.casefile import (
    MAX_DAYS_AHEAD,
    MAX_YAML_NODES,
    _loader,
    evidence_bounds,
    load_case,
    parse_case,
)
from geosleuth.casefile._loader import _LineLoader
from geosleuth.cli import app
from geosleuth.errors import CaseFileError, InputError
from geosleuth.grid import Grid
from geosleuth.locate._inputs import _check_same_target, gather

runner = CliRunner()
SEED = REPO / "src" / "geosleuth" / "examples" / "seed-baghdadi-2018.yaml"
TODAY = dt.date.today()


def run(*args):
    return runner.invoke(app, [str(a) for a in args], terminal_width=400)


def ahead(days: int) -> str:
    return (TODAY + dt.timedelta(days=days)).isoformat()


def small_case(*items: str, head: str = "") -> str:
    """A small case on Yr Wyddfa (few cells: a run takes a moment)."""
    return (
        "target: Jane Doe\n"
        "region: {west: -4.16, south: 53.03, east: -3.98, north: 53.12}\n"
        "grid: {cell_km: 0.5}\n" + head + "evidence:\n" + "".join(items)
    )


def sighting(item_id: str, day: str, extra: str = "") -> str:
    return (
        f"  - id: {item_id}\n    kind: sighting\n    date: {day}\n"
        f"    place: {{lon: -4.05, lat: 53.07}}\n    sigma_km: 0.5\n{extra}"
    )


def assert_one_red_line(result, start: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.output.strip().startswith(start), result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1, result.output


# ---------------------------------------------------------------------- target
def test_a_target_other_than_the_case_files_is_refused(tmp_path):
    result = run("locate", SEED, "--target", "John Smith", "--out", tmp_path / "o")
    assert_one_red_line(
        result,
        "InputError: The target given, 'John Smith', is not the case file's "
        "('Abu Bakr al-Baghdadi'): the report would ask where John Smith is and "
        "answer with the evidence about Abu Bakr al-Baghdadi. Leave out --target "
        "to use the case's, or correct 'target:' in the case file if that is "
        f"wrong. ({SEED})",
    )
    assert not (tmp_path / "o").exists()  # nothing written


@pytest.mark.parametrize(
    "name",
    ["al-Baghdadi", "Abu Bakr al-Baghdadi", "ABU BAKR  AL-BAGHDADI", "Al-Bagdadi"],
)
def test_the_case_targets_own_name_in_another_spelling_is_no_conflict(name):
    data = gather([SEED], target=name, published=None, cell_km=None)
    assert data.target == name and len(data.items) == len(load_case(SEED).items)


@pytest.mark.parametrize(
    "name", ["Abu Omar al-Baghdadi", "Baghdad", "Jane Doe", "Bakr"]
)
def test_another_person_of_a_like_name_is_a_conflict(name):
    with pytest.raises(InputError, match=rf"^The target given, '{name}', is not"):
        gather([SEED], target=name, published=None, cell_km=None)


SAME_PERSON = [
    ("Osama bin Laden", "bin Laden"),
    ("Jane Doe", "Doe, Jane"),
    ("Jane Doe", "J. Doe"),
    ("Jane Doe", "Jane M. Doe"),
    ("Jane Doe", "Jane Doe Jr."),
    ("Jane Doe", "Mrs Doe"),
    ("Jane Doe", "Ms. Doe"),
    ("Kim Jong Un", "Kim Jong-un"),
    ("Joaquín Guzmán Loera", "Joaquín Guzmán"),
]
OTHER_PERSON = [
    ("Abu Bakr al-Baghdadi", "Abu Omar al-Baghdadi"),
    ("Osama bin Laden", "Hamza bin Laden"),
    ("Jane Doe", "Mary Doe"),
    ("Kim Jong Un", "Kim Jong Il"),
    ("al-Baghdadi", "John Smith"),
    ("John Smith Jr.", "John Smith Sr."),
    ("Abu Bakr al-Baghdadi", "Bakr"),  # a given name alone
]


def _both_ways(pairs):
    return [*pairs, *((b, a) for a, b in pairs)]


@pytest.mark.parametrize(("in_case", "given"), _both_ways(SAME_PERSON))
def test_a_sub_name_of_the_case_target_is_the_same_person(in_case, given):
    case = load_case(SEED)
    _check_same_target(given, replace(case, target=in_case), SEED)


@pytest.mark.parametrize(("in_case", "given"), _both_ways(OTHER_PERSON))
def test_a_name_with_a_word_the_other_lacks_is_another_person(in_case, given):
    case = replace(load_case(SEED), target=in_case)
    with pytest.raises(InputError) as err:
        _check_same_target(given, case, SEED)
    assert err.value.message == (
        f"The target given, {given!r}, is not the case file's ({in_case!r}): the "
        f"report would ask where {given} is and answer with the evidence about "
        f"{in_case}. Leave out --target to use the case's, or correct 'target:' in "
        "the case file if that is wrong."
    )
    assert (err.value.path, err.value.field) == (str(SEED), "target")


def test_the_cli_takes_a_sub_name_of_the_case_target(tmp_path):
    case = tmp_path / "c.yaml"
    case.write_text(small_case(sighting("s1", "2024-10-12")))
    out = tmp_path / "o"
    result = run("locate", case, "--target", "Doe, Jane", "--out", out, "-q")
    assert result.exit_code == 0, result.output
    assert json.loads((out / "estimate.json").read_text())["target"] == "Doe, Jane"
    result = run("locate", case, "--target", "Mary Doe", "--out", out, "-q")
    assert_one_red_line(
        result, "InputError: The target given, 'Mary Doe', is not the case file's"
    )


def test_a_case_file_without_a_surname_compares_its_whole_name(tmp_path):
    case = tmp_path / "c.yaml"
    case.write_text(small_case(sighting("s1", "2024-10-12")).replace(
        "Jane Doe", "missing walker (synthetic example)"
    ))  # fmt: skip
    data = gather(
        [case], target="Missing  Walker (synthetic example)", published=None,
        cell_km=None,
    )  # fmt: skip
    assert data.target == "Missing  Walker (synthetic example)"
    with pytest.raises(InputError, match="is not the case file's"):
        gather([case], target="missing walker", published=None, cell_km=None)


def _read_output(tmp_path, doc_id, *, day=dt.date(2018, 5, 1), target=None):
    """A <doc>.json of 'geosleuth read' with one sighting in Hajin."""
    from geosleuth.evidence import Provenance, Sighting
    from geosleuth.geometry import Point
    from geosleuth.read.document import Reading

    quote = f"{doc_id}: he was seen in Hajin."
    seen = Sighting(
        id=f"{doc_id}:s1",
        provenance=Provenance(document=doc_id, quote=quote, span=(0, len(quote))),
        date=day, place=Point(40.83, 34.69), place_name="Hajin", sigma_km=5.0,
    )  # fmt: skip
    reading = Reading(
        doc_id=doc_id, title=None, text=quote, published=None, mentions=(),
        evidence=(seen,), sentences=(), rejected=(), notes=(),
        target=target or "Abu Bakr al-Baghdadi", source=f"{doc_id}.txt",
    )  # fmt: skip
    path = tmp_path / f"{doc_id}.json"
    path.write_text(json.dumps(reading.to_dict()), encoding="utf-8")
    return path


def test_target_without_a_case_file_still_names_who_is_sought(tmp_path):
    doc = _read_output(tmp_path, "a", target="John Smith")
    out = tmp_path / "o"
    result = run("locate", doc, "--target", "John Smith", "--out", out, "-q")
    assert result.exit_code == 0, result.output
    assert json.loads((out / "estimate.json").read_text())["target"] == "John Smith"


# ---------------------------------------------------------------- future dates
def test_dates_after_today_are_named_in_warnings(tmp_path):
    case = tmp_path / "c.yaml"
    head = f"documents:\n  log: {{title: Police log, published: {ahead(20)}}}\n"
    case.write_text(
        small_case(
            sighting("s1", "2024-10-12"),
            sighting("s2", ahead(10), "    document: log\n"),
            head=head,
        )
    )
    result = run("locate", case, "--out", tmp_path / "o", "-q")
    assert result.exit_code == 0, result.output
    today = TODAY.isoformat()
    assert (
        f"EvidenceWarning: The document 'Police log' is published on {ahead(20)}, "
        f"after today ({today}); its items (s2) count as known only from then."
    ) in result.output
    assert (
        f"EvidenceWarning: The item 's2' is dated {ahead(10)}, after today ({today})."
    ) in result.output
    assert (
        f"EvidenceWarning: The estimate is as of {ahead(20)}, after today ({today}): "
        "the day the newest item, 's2', is known. Give the case an as_of (or "
        "--as-of) to estimate as of another day."
    ) in result.output
    assert "Traceback" not in result.output


def test_an_as_of_after_today_on_purpose_gives_no_warning(tmp_path):
    case = tmp_path / "c.yaml"
    case.write_text(
        small_case(sighting("s1", "2024-10-12"), head=f"as_of: {ahead(5)}\n")
    )
    result = run("locate", case, "--as-of", ahead(300), "--out", tmp_path / "o", "-q")
    assert result.exit_code == 0 and "after today" not in result.output
    record = json.loads((tmp_path / "o" / "estimate.json").read_text())
    assert record["as_of"] == ahead(300)


@pytest.mark.parametrize(
    ("item_day", "extra", "head", "where", "line", "day"),
    [
        ("2204-10-12", "", "", "evidence[0].date", 7, "2204-10-12"),
        (
            "2024-10-12",
            "    document: log\n",
            "documents:\n  log: {published: 2204-10-13}\n",
            "documents.log.published",
            5,
            "2204-10-13",
        ),
    ],
)
def test_a_date_more_than_a_year_ahead_is_refused_with_its_line(
    tmp_path, item_day, extra, head, where, line, day
):
    text = small_case(sighting("s1", item_day, extra), head=head)
    case = tmp_path / "c.yaml"
    case.write_text(text)
    with pytest.raises(CaseFileError) as err:
        parse_case(text, source="c.yaml")
    assert (err.value.line, err.value.field) == (line, where)
    assert_one_red_line(
        run("locate", case, "--out", tmp_path / "o"),
        f"CaseFileError: The field {where} is {day}, more than a year after today "
        f"({TODAY.isoformat()}): evidence cannot be dated so far ahead. Check the "
        f"year. ({case}:{line})",
    )


def test_the_limit_is_a_year_after_today():
    assert MAX_DAYS_AHEAD == 366
    case = parse_case(small_case(sighting("s1", ahead(MAX_DAYS_AHEAD))))
    assert case.items[0].date.isoformat() == ahead(MAX_DAYS_AHEAD)
    with pytest.raises(CaseFileError, match="more than a year after today"):
        parse_case(small_case(sighting("s1", ahead(MAX_DAYS_AHEAD + 1))))


def test_published_more_than_a_year_ahead_is_refused(tmp_path):
    doc = _read_output(tmp_path, "a")
    assert_one_red_line(
        run("locate", doc, "--published", "2099-01-01", "--out", tmp_path / "o"),
        "InputError: --published is 2099-01-01, more than a year after today "
        f"({TODAY.isoformat()}): no report is published so far ahead. Check the "
        "year.",
    )


def test_a_read_output_dated_far_ahead_is_refused(tmp_path):
    doc = _read_output(tmp_path, "a", day=dt.date(2204, 5, 1))
    result = run("locate", doc, "--out", tmp_path / "o")
    assert result.exit_code == 1 and "Traceback" not in result.output
    # the reading had no publication date, which locate says again (review 16);
    # the article is cited by its file
    said, refused = result.output.strip().splitlines()
    assert said.startswith("EvidenceWarning: 'a.txt' has no publication date")
    assert refused == (
        "InputError: The item 'a:s1' of 'a.txt' is dated 2204-05-01, more than a "
        f"year after today ({TODAY.isoformat()}): evidence cannot be dated so far "
        "ahead. Check the year."
    )


# ------------------------------------------------------------ YAML 1.2 numbers
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5e-1", 0.5), ("1E3", 1000.0), (".5", 0.5), ("-.5", -0.5), ("+.5", 0.5),
        ("1e+16", 1e16), ("2.5E-3", 0.0025), ("1.", 1.0), ("-1.5e2", -150.0),
    ],
)  # fmt: skip
def test_yaml_1_2_floats_are_numbers(text, value):
    got = yaml.load(f"v: {text}\n", Loader=_LineLoader)["v"]
    assert type(got) is float and got == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("12", 12), ("-3", -3), ("1_000", 1000), ("0x1F", 31), ("1e", "1e"),
     ("e5", "e5"), ("5e-1x", "5e-1x"), ("2024-10-12", "2024-10-12")],
)  # fmt: skip
def test_ints_and_words_are_unchanged(text, value):
    got = yaml.load(f"v: {text}\n", Loader=_LineLoader)["v"]
    assert type(got) is type(value) and got == value


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_any_finite_float_written_by_repr_round_trips(x):
    got = yaml.load(f"v: {x!r}\n", Loader=_LineLoader)["v"]
    assert type(got) is float and got == x
    assert math.copysign(1.0, got) == math.copysign(1.0, x)  # -0.0 too


@given(st.floats(min_value=1e-6, max_value=1e4))
def test_a_sigma_in_any_float_notation_reaches_the_item(x):
    text = small_case(sighting("s1", "2024-10-12").replace("0.5", repr(x)))
    assert parse_case(text).items[0].sigma_km == x


def test_scientific_notation_in_a_case_file_runs_and_errors_keep_their_line(
    tmp_path,
):
    ok = small_case(sighting("s1", "2024-10-12").replace("0.5", "5e-1"))
    assert parse_case(ok).items[0].sigma_km == 0.5
    bad = small_case(sighting("s1", "2024-10-12").replace("0.5", "-5e-1"))
    with pytest.raises(CaseFileError) as err:
        parse_case(bad, source="c.yaml")
    assert err.value.message.startswith(
        "The 'sigma_km' of sighting 's1' (c.yaml, line 9) must be a positive number"
    )
    assert err.value.message.endswith("Got -0.5 instead.")
    assert (err.value.line, err.value.field) == (9, "evidence[0].sigma_km")


@pytest.mark.parametrize("written", ["1e5", "123e4567", "1.10", "12", "-.5"])
def test_an_id_or_name_that_reads_as_a_number_keeps_its_text(written):
    # YAML 1.2 reads 1e5 as 100000.0 and 123e4567 as inf, YAML 1.1 reads 1.10 as
    # 1.1: where the schema wants text, the text written is kept
    head = f"documents:\n  {written}: {{title: {written}}}\n"
    text = small_case(
        sighting(written, "2024-10-12", f"    document: {written}\n"), head=head
    ).replace("target: Jane Doe", f"target: {written}")
    case = parse_case(text)
    assert case.target == written and case.items[0].id == written
    assert case.items[0].provenance.document == written  # the key is its text too
    assert case.documents == {written: {"title": written}}


@pytest.mark.parametrize("written", ["5e-1", "0.5", "5.0e-1", ".5"])
def test_a_number_field_reads_the_number_however_written(written):
    text = small_case(sighting("1e5", "2024-10-12").replace("0.5", written))
    case = parse_case(text)
    assert case.items[0].sigma_km == 0.5 and case.items[0].id == "1e5"


def test_an_aliased_id_keeps_its_text_and_a_merged_number_stays_a_number():
    text = small_case(
        "  - &base {id: &i 1e5, kind: sighting, date: 2024-10-12, sigma_km: 5e-1,\n"
        "      place: {lon: -4.05, lat: 53.07}}\n"
        "  - {<<: *base, id: 2e5, note: *i}\n"
    )
    first, second = parse_case(text).items
    assert (first.id, second.id, second.note) == ("1e5", "2e5", "1e5")
    assert first.sigma_km == second.sigma_km == 0.5


def test_a_number_in_a_text_field_that_is_checked_says_what_it_got():
    text = small_case(sighting("s1", "2024-10-12", "    grade: 1e5\n"))
    with pytest.raises(CaseFileError) as err:
        parse_case(text, source="c.yaml")
    assert err.value.message == (
        "The field evidence[0].grade must be a grade, a letter A-F (the source's "
        "reliability) and a digit 1-6 (the information's credibility), such as "
        "'B2'. Got '1e5' instead."
    )
    assert (err.value.line, err.value.field) == (10, "evidence[0].grade")


# ------------------------------------------------------------------- documents
def test_a_document_without_a_documents_section_is_refused(tmp_path):
    text = small_case(sighting("s1", "2024-10-12", "    document: nosuchdoc\n"))
    case = tmp_path / "c.yaml"
    case.write_text(text)
    message = (
        "The 'document' of sighting 's1' is 'nosuchdoc', but the case lists no "
        "'documents'. Add it under 'documents' (nosuchdoc: {title: ..., "
        "published: YYYY-MM-DD}), or remove the item's 'document'."
    )
    with pytest.raises(CaseFileError) as err:
        parse_case(text, source="c.yaml")
    assert err.value.message == message
    assert (err.value.line, err.value.field) == (10, "evidence[0].document")
    assert_one_red_line(
        run("locate", case, "--out", tmp_path / "o"),
        f"CaseFileError: {message} ({case}:10)",
    )
    # an empty section lists none either
    with pytest.raises(CaseFileError, match="but the case lists no 'documents'"):
        parse_case(text.replace("evidence:", "documents: {}\nevidence:"))


def test_a_document_missing_from_the_section_is_still_refused():
    text = small_case(
        sighting("s1", "2024-10-12", "    document: police_log\n"),
        head="documents:\n  police-log: {title: log}\n",
    )
    with pytest.raises(CaseFileError) as err:
        parse_case(text, source="c.yaml")
    assert err.value.message == (
        "The 'document' of sighting 's1' is 'police_log', which is not listed "
        "under 'documents' (known: ['police-log'])."
    )
    assert err.value.line == 12


# ----------------------------------------------------------------- alias bombs
BOMB = (
    "target: x\n"
    "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    + "".join(
        f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]\n"
        for p, c in zip("abcdefg", "bcdefgh", strict=True)
    )
    + "evidence: *h\n"
)  # 9**8 = 43 million nodes as loaded: /tmp/review/bad/bomb.yaml


def test_the_cli_refuses_an_alias_bomb_at_once(tmp_path):
    case = tmp_path / "bomb.yaml"
    case.write_text(BOMB)
    start = time.perf_counter()
    result = run("locate", case, "--out", tmp_path / "o")
    assert time.perf_counter() - start < 10  # was 38 s
    assert_one_red_line(
        result,
        f"CaseFileError: The case file {case} expands to more than "
        f"{MAX_YAML_NODES:,} YAML nodes (through aliases); write it out plainly. "
        f"({case}:1)",
    )


def test_searched_refuses_an_alias_bomb_and_leaves_it_as_it_was(tmp_path):
    case = tmp_path / "bomb.yaml"
    case.write_text(BOMB)
    result = run(
        "searched", case, "--date", "2024-01-01", "--pd", "0.5",
        "--box", "0,0,1,1",
    )  # fmt: skip
    assert_one_red_line(
        result, f"CaseFileError: The case file {case} expands to more than"
    )
    assert case.read_text() == BOMB


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("&a [*a]\n", "expands to more than 200,000 YAML nodes"),
        ("[" * 5000 + "]" * 5000 + "\n", "nests too deeply to be read"),
    ],
)
def test_a_self_alias_or_deep_nesting_is_one_error(text, why):
    with pytest.raises(CaseFileError, match=why) as err:
        parse_case(text, source="c.yaml")
    assert err.value.line == 1


def test_the_service_shares_the_limit():
    pytest.importorskip("starlette")
    from geosleuth.service import pipeline

    assert pipeline.MAX_YAML_NODES is MAX_YAML_NODES
    with pytest.raises(CaseFileError, match="expands to more than 200,000 YAML"):
        pipeline.check_case_text(BOMB)


def _events(n: int) -> str:
    """``n`` events, one a line, in flow mappings (5 YAML nodes each)."""
    lonlat = ((-4.1 + k % 100 / 1000, 53.05 + k // 100 / 1000) for k in range(n))
    return "".join(f"      - {{lon: {x:.3f}, lat: {y:.3f}}}\n" for x, y in lonlat)


def _event_set(events: str, extra: str = "") -> str:
    return (
        "  - id: e\n    kind: event_set\n    date: 2024-10-12\n"
        f"    events:{events}{extra}"
    )


def test_a_large_file_written_out_plainly_is_no_alias_bomb(monkeypatch):
    # the limit counts what aliases add, not the file's own nodes: a file of
    # 70,000 inline events (1.9 MB) was refused as if it were a bomb. A limit of
    # 1,000 stands for 200,000 here: loading 200,000 nodes takes half a minute.
    monkeypatch.setattr(_loader, "MAX_YAML_NODES", 1_000)
    text = small_case(_event_set("\n" + _events(400)))  # 400 * 5 nodes
    assert parse_case(text).items[0].lons.size == 400
    # an alias that adds 150 events (751 nodes) is taken; used twice, not
    once = small_case(
        _event_set(" &ev\n" + _events(150)),
        "  - {id: f, kind: event_set, date: 2024-10-12, events: *ev}\n",
    )
    assert parse_case(once).items[1].lons.size == 150
    twice = once + "  - {id: g, kind: event_set, date: 2024-10-12, events: *ev}\n"
    with pytest.raises(CaseFileError) as err:
        parse_case(twice, source="c.yaml")
    assert err.value.message == (
        "The case file c.yaml expands to more than 1,000 YAML nodes (through "
        "aliases); write it out plainly."
    )
    assert err.value.line == 1


def test_the_real_limit_counts_only_what_aliases_add():
    plain = yaml.compose("[" + "1, " * 250_000 + "]", Loader=yaml.SafeLoader)
    assert _loader._node_counts(plain) == (250_001, 250_001)
    bomb = yaml.compose(BOMB, Loader=yaml.SafeLoader)
    loaded, written = _loader._node_counts(bomb)
    assert loaded - written > MAX_YAML_NODES and written < 100
    assert _loader._node_counts(yaml.compose("&a [*a]", Loader=yaml.SafeLoader)) == (
        None,
        0,
    )


# ------------------------------------------------------- region without region:
def _far_case(tmp_path, *, head: str = "", name: str = "c.yaml"):
    """A case with no region: one sighting of sigma 100 km, D = 10 km²/day."""
    path = tmp_path / name
    path.write_text(
        "target: Abu Bakr al-Baghdadi\nsettings: {diffusion_km2_per_day: 10}\n"
        + head
        + "evidence:\n  - {id: s1, kind: sighting, date: 2018-05-01, sigma_km: 100,"
        " place: {lon: 40.0, lat: 36.5}}\n"
    )
    return path


def test_a_later_as_of_draws_a_region_without_one_for_that_day(tmp_path):
    plain = _far_case(tmp_path)
    dated = _far_case(tmp_path, head="as_of: 2030-01-01\n", name="dated.yaml")
    late = dt.date(2030, 1, 1)
    data = gather([plain], target=None, published=None, cell_km=None, as_of=late)
    assert data.grid == load_case(dated).grid  # was the grid of 2018-05-01
    assert data.grid.area_km2 > 3 * load_case(plain).grid.area_km2
    # as the case's own day, nothing moves
    data = gather([plain], target=None, published=None, cell_km=None)
    assert data.grid == load_case(plain).grid


def test_a_region_without_one_keeps_the_cases_grid_spec(tmp_path):
    case = _far_case(tmp_path, head="grid: {cell_km: 7}\n")
    data = gather(
        [case], target=None, published=None, cell_km=None, as_of=dt.date(2030, 1, 1)
    )  # fmt: skip
    assert data.grid.cell_km == 7.0
    data = gather(
        [case], target=None, published=None, cell_km=9.0, as_of=dt.date(2030, 1, 1)
    )  # fmt: skip
    assert data.grid.cell_km == 9.0


def test_articles_added_to_a_case_without_a_region_are_in_its_region(tmp_path):
    case = tmp_path / "c.yaml"
    case.write_text(
        "target: Abu Bakr al-Baghdadi\nevidence:\n  - {id: s1, kind: sighting, "
        "date: 2018-05-01, sigma_km: 5, place: {lon: 40.0, lat: 36.5}}\n"
    )
    doc = _read_output(tmp_path, "a")  # Hajin, 230 km away
    assert load_case(case).grid.lonlat_to_cell(40.83, 34.69) < 0
    data = gather([case, doc], target=None, published=None, cell_km=None)
    assert data.grid.lonlat_to_cell(40.83, 34.69) >= 0
    bounds = evidence_bounds(data.items, settings=load_case(case).settings)
    assert data.grid == Grid.from_bounds(*bounds)


def test_a_case_with_a_region_keeps_its_grid_whatever_the_day_and_articles(tmp_path):
    case = tmp_path / "c.yaml"
    case.write_text(small_case(sighting("s1", "2018-05-01")))
    doc = _read_output(tmp_path, "a", target="Jane Doe")  # in Hajin, far outside
    data = gather(
        [case, doc], target=None, published=None, cell_km=None,
        as_of=dt.date(2030, 1, 1),
    )  # fmt: skip
    assert data.grid == load_case(case).grid


def test_a_region_drawn_too_large_for_the_cases_cells_says_why(tmp_path):
    case = _far_case(tmp_path, head="grid: {cell_km: 2}\n")
    assert load_case(case).grid.cell_km == 2.0  # fits on the case's own day
    result = run("locate", case, "--as-of", "2030-01-01", "--out", tmp_path / "o")
    assert result.exit_code == 1, result.output
    line = result.output.strip()
    assert line.startswith("InputError: A cell size ('cell_km', --cell-km) of 2 km")
    assert line.endswith(
        "or raise 'max_cells'. The case file gives no 'region': its study region is "
        f"drawn around every item as of 2030-01-01. Or give it a 'region'. ({case})"
    )
    assert len(line.splitlines()) == 1
