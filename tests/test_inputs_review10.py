"""Input handling from review 10: case-file text and numbers, publication dates.

- C2: a string of a case file that holds a lone surrogate or a control character
  (written as an escape) is refused with its line and field, not written later
  into a JSON that cannot be encoded.
- C3: a whole number of more digits than Python reads is refused likewise.
- A3: a publication date in a page's metadata that is no day is not used.
- A8: a publication date more than a year ahead is refused, as in a case file.
- A9: a date in the text that is no day ("February 30") is noted on the item.
- A10: Markdown (and text) front matter is metadata, not text.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
import warnings
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from geosleuth.casefile import MAX_DAYS_AHEAD, parse_case
from geosleuth.cli import app
from geosleuth.errors import CaseFileError, EvidenceWarning, InputError
from geosleuth.read._pub_dates import _date_value, _meta_dates, _own_date, _published
from geosleuth.read.dates import find_dates, impossible_dates

runner = CliRunner()
TODAY = dt.date.today()

needs_trafilatura = pytest.mark.skipif(
    importlib.util.find_spec("trafilatura") is None,
    reason="needs the [nlp] extra (trafilatura)",
)

CASE = """\
target: a walker
title: {title}
region: {{west: 7.0, south: 46.0, east: 7.4, north: 46.3}}
settings:
  hazard_per_year: {hazard}
places:
  {place}: {{lon: 7.2, lat: 46.15}}
evidence:
  - id: {item_id}
    kind: sighting
    date: 2024-08-01
    place: {{lon: 7.2, lat: 46.15}}
    sigma_km: 0.5
    speaker: {speaker}
    quote: {quote}
"""


def _case(**changes: str) -> str:
    fields = {
        "title": "Case one",
        "hazard": "0.1",
        "place": "Hut",
        "item_id": "lkp",
        "speaker": "two walkers",
        "quote": "Two walkers saw him.",
    }
    fields.update(changes)
    return CASE.format(**fields)


# -- C2: text that is not text ----------------------------------------------------


@pytest.mark.parametrize(
    ("change", "field", "line", "code"),
    [
        ({"speaker": r'"two \ud800 walkers"'}, "evidence[0].speaker", 14, "U+D800"),
        (
            {"quote": r'"\udc80 Two walkers saw him."'},
            "evidence[0].quote",
            15,
            "U+DC80",
        ),
        ({"title": r'"Case \ud800 one"'}, "title", 2, "U+D800"),
        ({"place": r'"Hut \udfff"'}, "places.Hut \udfff", 7, "U+DFFF"),
        ({"quote": r'"bell \x07 rang"'}, "evidence[0].quote", 15, "U+0007"),
    ],
)
def test_a_string_that_is_not_text_is_refused_with_line_and_field(
    change: dict[str, str], field: str, line: int, code: str
) -> None:
    with pytest.raises(
        CaseFileError, match=re.escape(f"holds a character that is not text: {code}")
    ) as info:
        parse_case(_case(**change), source="case.yaml")
    assert info.value.line == line
    assert info.value.field == field
    assert f"(case.yaml, line {line})" in info.value.message


def test_tabs_and_line_breaks_in_a_case_string_are_text() -> None:
    case = parse_case(_case(quote=r'"Two walkers\tsaw him.\nThen left."'))
    assert case.items[0].provenance.quote == "Two walkers\tsaw him.\nThen left."


def test_locate_refuses_a_surrogate_in_one_line_without_a_traceback(
    tmp_path: Path,
) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(_case(speaker=r'"two \ud800 walkers"'), encoding="utf-8")
    result = runner.invoke(
        app, ["locate", str(path), "-q", "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 1
    assert "CaseFileError" in result.output and "evidence[0].speaker" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "o" / "estimate.json").exists()


# -- C3: a number Python will not read -----------------------------------------------


def test_a_whole_number_of_too_many_digits_is_refused_with_line_and_field() -> None:
    with pytest.raises(
        CaseFileError,
        match=r"at most 4,300 digits\. Got a whole number of 4,301 digits",
    ) as info:
        parse_case(_case(hazard="9" * 4301), source="case.yaml")
    assert (info.value.line, info.value.field) == (5, "settings.hazard_per_year")


def test_a_long_run_of_digits_where_text_is_wanted_stays_text() -> None:
    case = parse_case(_case(item_id="7" * 5000))
    assert case.items[0].id == "7" * 5000


def test_locate_refuses_a_huge_integer_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(_case(hazard="9" * 4301), encoding="utf-8")
    result = runner.invoke(
        app, ["locate", str(path), "-q", "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 1
    assert "settings.hazard_per_year" in result.output
    assert "Traceback" not in result.output


# -- A8: a publication date given far ahead ----------------------------------------


def test_a_publication_date_more_than_a_year_ahead_is_refused() -> None:
    far = TODAY + dt.timedelta(days=MAX_DAYS_AHEAD + 1)
    with pytest.raises(InputError, match="more than a year after today") as info:
        _published(far.isoformat())
    assert info.value.field == "published"
    with pytest.raises(InputError, match="more than a year after today"):
        _published(far)


def test_a_publication_date_after_today_within_a_year_is_taken_with_a_warning() -> None:
    soon = TODAY + dt.timedelta(days=30)
    with pytest.warns(EvidenceWarning, match="is after today"):
        assert _published(soon.isoformat()) == soon
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert _published(TODAY.isoformat()) == TODAY


def test_read_refuses_published_years_ahead_and_writes_nothing(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("Jane Doe was seen in Lyon on Monday, police said.\n")
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["read", str(doc), "--published", "2099-01-01", "--out", str(out)]
    )
    assert result.exit_code == 1
    assert (
        "InputError" in result.output
        and "more than a year after today" in result.output
    )
    assert "Traceback" not in result.output
    assert not out.exists()


# -- A3: metadata dates that are no day ---------------------------------------------


def test_metadata_date_values_are_read_strictly() -> None:
    assert _date_value("2023-06-15T10:00:00Z") == (dt.date(2023, 6, 15),)
    assert _date_value("20230615") == (dt.date(2023, 6, 15),)
    assert _date_value("2023-06-31") == ()
    assert _date_value("2023-13-45") == ()
    assert _date_value("30/02/2023") == ()
    assert set(_date_value("05/06/2023") or ()) == {
        dt.date(2023, 6, 5),
        dt.date(2023, 5, 6),
    }
    assert _date_value("June 2023") is None


def test_meta_dates_leave_out_modified_times() -> None:
    html = (
        '<head><meta name="date" content="2023-06-15">'
        '<meta property="article:modified_time" content="2023-06-31">'
        '<meta property="article:publisher" content="https://x.invalid">'
        '<script type="application/ld+json">{"datePublished": "2023-02-30"}</script>'
    )
    assert _meta_dates(html) == [
        ("date", "2023-06-15", (dt.date(2023, 6, 15),)),
        ("datePublished", "2023-02-30", ()),
    ]


PAGE = (
    '<html><head><title>T</title><meta {attr}="{field}" content="{value}">'
    "</head><body><p>Jean Moreau was seen in Lyon on Monday, police said.</p>"
    "</body></html>"
)


def _read_page(
    tmp_path: Path, nlp: Any, field: str, value: str, attr: str = "name"
) -> Any:
    from geosleuth.read.document import read_document

    p = tmp_path / "page.html"
    p.write_text(PAGE.format(attr=attr, field=field, value=value), encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        reading = read_document(p, nlp=nlp, target="Jean Moreau")
    return reading, [str(w.message) for w in caught if w.category is EvidenceWarning]


@needs_trafilatura
@pytest.mark.parametrize(
    ("attr", "field", "value"),
    [
        ("name", "date", "2023-13-45"),
        ("name", "date", "2023-06-31"),
        ("name", "date", "2023-02-29"),
        ("name", "date", "30/02/2023"),
        ("property", "article:published_time", "2023-06-31T10:00:00Z"),
    ],
)
def test_a_metadata_date_that_is_no_day_is_not_used(
    tmp_path: Path, nlp: Any, attr: str, field: str, value: str
) -> None:
    reading, warned = _read_page(tmp_path, nlp, field, value, attr)
    assert reading.published is None
    assert not any("from the page's metadata" in n for n in reading.notes)
    assert any(f"{field} = {value!r}, which is not a real date" in w for w in warned)
    assert any("has no publication date" in w for w in warned)  # the fallback
    # before, the 1st of the month (or of January) shifted "on Monday" with it
    assert [item.date >= TODAY for item in reading.evidence] == [True]
    for item in reading.evidence:
        assert item.provenance.published is None


@needs_trafilatura
def test_a_valid_metadata_date_is_still_used(tmp_path: Path, nlp: Any) -> None:
    reading, warned = _read_page(tmp_path, nlp, "date", "2023-06-15")
    assert reading.published == dt.date(2023, 6, 15)
    assert not warned
    assert [item.date for item in reading.evidence] == [dt.date(2023, 6, 12)]


@needs_trafilatura
def test_a_metadata_date_years_ahead_is_not_used(tmp_path: Path, nlp: Any) -> None:
    far = TODAY + dt.timedelta(days=MAX_DAYS_AHEAD + 10)
    reading, _ = _read_page(tmp_path, nlp, "date", far.isoformat())
    assert reading.published is None  # trafilatura leaves such a date out itself
    # and were it given, it would not be used either
    with pytest.warns(EvidenceWarning, match="more than a year after today"):
        assert _own_date(far, "page.html", "in its metadata") is None
    soon = TODAY + dt.timedelta(days=3)
    with pytest.warns(EvidenceWarning, match="after today"):
        assert _own_date(soon, "page.html", "in its metadata") == soon


# -- A9: dates in the text that are no day ----------------------------------------


def test_impossible_dates_are_found_and_real_ones_are_not() -> None:
    text = "on February 30, 31 April 2023, the 31st of June and 2023-02-30"
    assert [(d.text, d.why) for d in impossible_dates(text)] == [
        ("February 30", "February has no day 30"),
        ("31 April 2023", "April 2023 has no day 31"),
        ("31st of June", "June has no day 31"),
        ("2023-02-30", "February 2023 has no day 30"),
    ]
    # find_dates reads no day there (only a month, "April 2023", and a year)
    days = find_dates(text, published=dt.date(2024, 3, 1))
    assert [d.kind for d in days if d.kind == "day"] == []
    fine = "on 29 February 2024, 1 May, February 28, May 31 and 2023-12-31"
    assert impossible_dates(fine, published=dt.date(2024, 6, 1)) == []


def test_february_29_without_a_year_is_no_day_in_a_common_year() -> None:
    assert impossible_dates("on February 29", published=dt.date(2024, 6, 1)) == []
    [d] = impossible_dates("on February 29", published=dt.date(2023, 6, 1))
    assert d.why == "2023 has no February 29"


def test_an_item_dated_by_an_impossible_date_says_so(nlp: Any) -> None:
    from geosleuth.read.document import read_text

    text = "Joseph Mwangi was seen in Kericho on February 30, police said."
    reading = read_text(
        text, nlp=nlp, target="Joseph Mwangi", published=dt.date(2024, 2, 20)
    )
    [item] = reading.evidence
    assert item.date == dt.date(2024, 2, 20)  # kept, on the publication day
    assert "the date in the text, 'February 30', is not a real date" in item.note
    assert any("'February 30'" in n and "not a real date" in n for n in reading.notes)


# -- A10: front matter -----------------------------------------------------------------

FRONT = "---\ntitle: Missing man\ndate: {date}\nauthor: A. Writer\n---\n\n"
BODY = "# Missing man\n\nJoseph Mwangi was seen in Kisumu on Monday, police said.\n"


def _read_file(tmp_path: Path, nlp: Any, name: str, text: str, **kw: Any) -> Any:
    from geosleuth.read.document import read_document

    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        reading = read_document(p, nlp=nlp, target="Joseph Mwangi", **kw)
    return reading, [str(w.message) for w in caught if w.category is EvidenceWarning]


def test_markdown_front_matter_is_metadata_not_text(tmp_path: Path, nlp: Any) -> None:
    reading, warned = _read_file(
        tmp_path, nlp, "fm.md", FRONT.format(date="2023-06-14") + BODY
    )
    assert not warned
    assert reading.title == "Missing man"
    assert reading.published == dt.date(2023, 6, 14)
    assert "title:" not in reading.text and "2023-06-14" not in reading.text
    assert reading.text.startswith("Missing man\n\nJoseph Mwangi")
    assert any("front matter" in n for n in reading.notes)
    [item] = reading.evidence
    assert item.date == dt.date(2023, 6, 12)  # "on Monday" before 14 June 2023
    s, e = item.provenance.span
    assert reading.text[s:e] == item.provenance.quote
    assert reading.text[s:e].startswith("Joseph Mwangi was seen in Kisumu")


def test_published_given_wins_over_front_matter(tmp_path: Path, nlp: Any) -> None:
    reading, warned = _read_file(
        tmp_path,
        nlp,
        "fm.md",
        FRONT.format(date="2023-06-14") + BODY,
        published="2023-07-01",
    )
    assert reading.published == dt.date(2023, 7, 1)
    # review r31, H2: the document's own date, replaced, is said, with both dates
    [said] = [w for w in warned if "own publication date" in w]
    assert "'fm.md' gives its own publication date 2023-06-14" in said
    assert "the date given, 2023-07-01, is used instead" in said
    assert any("own publication date 2023-06-14" in n for n in reading.notes)


def test_published_given_as_the_documents_own_is_not_warned_of(
    tmp_path: Path, nlp: Any
) -> None:
    _, warned = _read_file(
        tmp_path,
        nlp,
        "fm.md",
        FRONT.format(date="2023-06-14") + BODY,
        published="2023-06-14",
    )
    assert not [w for w in warned if "own publication date" in w]


def test_a_published_flag_in_front_matter_is_no_date(tmp_path: Path, nlp: Any) -> None:
    text = FRONT.format(date="2023-06-14").replace(
        "author:", "published: true\nauthor:"
    )
    reading, warned = _read_file(tmp_path, nlp, "fm.md", text + BODY)
    assert not warned
    assert reading.published == dt.date(2023, 6, 14)


def test_text_files_have_front_matter_too(tmp_path: Path, nlp: Any) -> None:
    text = FRONT.format(date="2023-06-14") + BODY.replace("# ", "")
    reading, _ = _read_file(tmp_path, nlp, "fm.txt", text)
    assert reading.published == dt.date(2023, 6, 14)
    assert reading.title == "Missing man"
    assert "author:" not in reading.text


@pytest.mark.parametrize("date", ["2023-02-30", "2023-13-45", "sometime"])
def test_a_front_matter_date_that_is_no_day_is_not_used(
    tmp_path: Path, nlp: Any, date: str
) -> None:
    reading, warned = _read_file(tmp_path, nlp, "fm.md", FRONT.format(date=date) + BODY)
    assert reading.published is None
    assert any(f"front matter as date: {date!r}" in w for w in warned)
    assert "title:" not in reading.text


def test_a_front_matter_date_years_ahead_is_not_used(tmp_path: Path, nlp: Any) -> None:
    far = TODAY + dt.timedelta(days=MAX_DAYS_AHEAD + 10)
    reading, warned = _read_file(tmp_path, nlp, "fm.md", FRONT.format(date=far) + BODY)
    assert reading.published is None
    assert any("more than a year after today" in w for w in warned)


def test_a_rule_at_the_top_of_a_text_is_not_front_matter(
    tmp_path: Path, nlp: Any
) -> None:
    text = "---\nBAGHDAD: Joseph Mwangi was seen in Kisumu on 3 June 2023.\n---\n"
    reading, _ = _read_file(tmp_path, nlp, "rule.txt", text, published="2023-06-05")
    assert "Joseph Mwangi was seen in Kisumu" in reading.text
    assert not any("front matter" in n for n in reading.notes)


def test_front_matter_alone_is_no_text(tmp_path: Path, nlp: Any) -> None:
    from geosleuth.read.document import read_document

    p = tmp_path / "only.md"
    p.write_text(FRONT.format(date="2023-06-14"), encoding="utf-8")
    with pytest.raises(InputError, match="holds only front matter"):
        read_document(p, nlp=nlp)


def test_cli_read_takes_the_front_matter_date(tmp_path: Path, nlp: Any) -> None:
    import json

    p = tmp_path / "fm.md"
    p.write_text(FRONT.format(date="2023-06-14") + BODY, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["read", str(p), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "no publication date" not in result.output
    record = json.loads((out / "fm.json").read_text(encoding="utf-8"))
    assert (record["published"], record["title"]) == ("2023-06-14", "Missing man")


def test_a_bad_grade_in_evidence_json_names_the_item(tmp_path: Path) -> None:
    """A11: "Got 'Z'9 instead" named no item; now the item's id and the grade."""
    from geosleuth.errors import InputError
    from geosleuth.read.corpus import load_read_output

    record = {
        "format": "geosleuth read evidence", "version": 1, "rejected": [],
        "documents": [{
            "file": "a.json", "doc_id": "a", "source": "a.txt", "title": None,
            "published": "2024-02-20", "target": "Jane Doe", "notes": [],
            "evidence": [{
                "id": "a:s1", "kind": "sighting", "date": "2024-02-16",
                "date_from": None, "grade": "Z9", "hedge": "certain", "note": "",
                "provenance": {"document": "a", "quote": "x", "span": [0, 1],
                               "speaker": None, "speaker_role": None,
                               "reporting_chain": [], "published": "2024-02-20",
                               "url": None},
                "place": {"type": "Point", "coordinates": [34.76, -0.10]},
                "place_name": "Kisumu", "sigma_km": 10.0, "subject": "target",
                "who": None, "closeness": 1.0, "associate_sigma_km": 25.0,
                "group": None, "weight": 1.0,
            }],
        }],
    }  # fmt: skip
    path = tmp_path / "evidence.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    with pytest.raises(InputError, match=r"The evidence item 'a:s1'.*Got 'Z9' instead"):
        load_read_output(path)
