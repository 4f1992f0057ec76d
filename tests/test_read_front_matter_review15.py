"""Front matter that is no YAML, from the review of a journalist's reading (r11, #4).

Before: ``title: Syria: commander killed`` is no YAML (a plain value holds no
": "), so the whole block was read as the article's text, silently: the
publication date was lost (the warning said the file "has no publication
date"), relative dates were not read, the first quote began with "---", and a
reprint whose items no longer matched the first copy's counted twice. Now such a
block is read as ``key: value`` lines, and a line that is none is warned of.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path
from typing import Any

import pytest

from geosleuth.dependence import repeats
from geosleuth.errors import EvidenceWarning
from geosleuth.read._pub_dates import _front_matter

KHALID = "Khalid al-Rashid"

#: The review's smallest input (/tmp/r11/t/fm.txt).
FM = (
    "---\ntitle: Syria: commander killed\ndate: 2023-03-10\n---\n"
    "Khalid al-Rashid was killed in Raqqa on Tuesday, the army said.\n"
)

#: The body of the review's wire story (articles/a1-killed.txt).
WIRE = """\
RAQQA, Syria (Wire) - Khalid al-Rashid, the commander of a militant faction, was \
killed in an airstrike near Raqqa on Tuesday, the coalition said in a statement.

"We can confirm that Khalid al-Rashid died in the strike," said Colonel James \
Porter, a coalition spokesman.

A cousin of al-Rashid, reached by telephone, denied that he was dead and said he \
is in Idlib.

Residents of Tabqa said they had not seen al-Rashid for months.
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def _warned(call: Any) -> tuple[Any, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = call()
    return got, [str(w.message) for w in caught if w.category is EvidenceWarning]


def test_a_title_with_a_colon_is_read_as_the_same_title_quoted(tmp_path: Path) -> None:
    plain = _write(tmp_path, "plain.txt", FM)
    quoted = _write(
        tmp_path,
        "quoted.txt",
        FM.replace("Syria: commander killed", '"Syria: commander killed"'),
    )
    front, warned = _warned(lambda: _front_matter(plain))
    assert not warned
    assert front is not None
    assert front.fields == {"title": "Syria: commander killed", "date": "2023-03-10"}
    assert front.lines == 4
    assert front.body == (
        "Khalid al-Rashid was killed in Raqqa on Tuesday, the army said.\n"
    )
    assert front.read_as == "not valid YAML at line 2: read as 'key: value' lines"
    # valid YAML (the title in quotes) is read as it always was
    yaml_front = _front_matter(quoted)
    assert yaml_front is not None
    assert (yaml_front.fields, yaml_front.body, yaml_front.read_as) == (
        front.fields,
        front.body,
        "",
    )


def test_key_value_lines_keep_urls_quotes_continuations_and_lists(
    tmp_path: Path,
) -> None:
    text = (
        "---\n"
        "title: 'Analysis: where is the commander'\n"
        "  of the faction now?\n"
        "published: 2023-03-12\n"
        "url: https://example.org/news/analysis: 1\n"
        "publisher: Local paper: Raqqa edition\n"
        "# a comment\n"
        "\n"
        "tags:\n"
        "  - syria\n"
        "  - war\n"
        "---\n"
        "Body.\n"
    )
    front = _front_matter(_write(tmp_path, "a.md", text))
    assert front is not None
    assert front.fields == {
        "title": "Analysis: where is the commander of the faction now?",
        "published": "2023-03-12",
        "url": "https://example.org/news/analysis: 1",
        "publisher": "Local paper: Raqqa edition",
    }
    assert front.body == "Body.\n"


def test_a_line_that_is_no_key_value_is_warned_of_by_file_and_line(
    tmp_path: Path,
) -> None:
    text = (
        "---\ntitle: Exclusive: commander killed\nBy Jane Writer, Raqqa bureau\n"
        "date: 2023-03-10\n---\nBody.\n"
    )
    front, warned = _warned(lambda: _front_matter(_write(tmp_path, "fm.txt", text)))
    assert front is not None
    assert front.fields == {
        "title": "Exclusive: commander killed",
        "date": "2023-03-10",
    }
    assert warned == [
        "Line 3 of 'fm.txt''s front matter, 'By Jane Writer, Raqqa bureau', is not "
        "a 'key: value' line (as 'title: ...' or 'date: YYYY-MM-DD'); it is read "
        "neither as metadata nor as text. Write it as 'key: value', or move it "
        "below the closing '---'."
    ]
    # a block with no key of front matter stays text, as a rule opening a text
    rule = "---\nBAGHDAD: a report: he was seen\nin Kisumu.\n---\nBody.\n"
    assert _front_matter(_write(tmp_path, "rule.txt", rule)) is None


@pytest.mark.nlp
def test_the_reviews_file_is_dated_and_its_quote_is_clean(
    tmp_path: Path, nlp: Any
) -> None:
    from geosleuth.read.document import read_document

    path = _write(tmp_path, "fm.txt", FM)
    reading, warned = _warned(lambda: read_document(path, nlp=nlp, target=KHALID))
    assert not warned  # before: "'fm.txt' has no publication date ..."
    assert reading.title == "Syria: commander killed"
    assert reading.published == dt.date(2023, 3, 10)
    said = "Khalid al-Rashid was killed in Raqqa on Tuesday, the army said."
    assert reading.text == said
    assert [(i.kind, i.date, i.provenance.quote) for i in reading.evidence] == [
        (kind, dt.date(2023, 3, 7), said)  # Tuesday, not 10 March
        for kind in ("life_status", "claim")
    ]
    assert reading.notes[1:] == (
        "front matter (the first 4 lines: date, title) read as the document's "
        "metadata, not as its text (not valid YAML at line 2: read as 'key: value' "
        "lines)",
        "publication date 2023-03-10 from the front matter's 'date'",
    )


@pytest.mark.nlp
def test_a_reprint_with_a_colon_in_its_title_counts_once(
    tmp_path: Path, nlp: Any
) -> None:
    from geosleuth.read.document import read_document

    first = _write(
        tmp_path,
        "a1-killed.txt",
        "---\ntitle: Militant commander reported killed in airstrike\n"
        "date: 2023-03-10\n---\n" + WIRE,
    )
    copy = _write(
        tmp_path,
        "a4-reprint-edited.txt",
        "---\ntitle: Local paper: faction leader dead, coalition says\n"
        "date: 2023-03-12\n---\n" + WIRE + "\nThe Daily Star contacted the "
        "coalition for further comment but received no reply.\n",
    )
    a1 = read_document(first, nlp=nlp, target=KHALID)
    a4 = read_document(copy, nlp=nlp, target=KHALID)
    assert (a4.title, a4.published) == (
        "Local paper: faction leader dead, coalition says",
        dt.date(2023, 3, 12),
    )
    # "on Tuesday" is 7 March in both; before, the copy's block was its text,
    # its date lost, its items dated 12 March and its first quote "--- RAQQA ..."
    killed = "Khalid al-Rashid, the commander of a militant faction, was killed"
    for reading in (a1, a4):
        assert [(i.kind, i.date) for i in reading.evidence[:2]] == [
            ("life_status", dt.date(2023, 3, 7)),
            ("claim", dt.date(2023, 3, 7)),
        ]
        assert reading.evidence[0].provenance.quote.startswith(killed)
    assert [i.provenance.quote for i in a4.evidence] == [
        i.provenance.quote for i in a1.evidence
    ]
    # each item of the copy repeats the first copy's: it counts once
    again = repeats([*a1.evidence, *a4.evidence])
    assert {k: v.id for k, v in again.items()} == {
        b.id: a.id for a, b in zip(a1.evidence, a4.evidence, strict=True)
    }
