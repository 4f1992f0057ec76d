"""Sentences about the target that gave nothing are listed, not dropped unsaid (r17).

r17 found sentences the reader lost without a word ("The men were found alive",
"Recovery divers found him", "They found no sign of Mr Becker"): nothing on the
read page said that a sentence about the target had been read and not
understood. Each such sentence is now listed as ``unused`` in the reading, its
JSON and its page, and ``read`` says how many there were.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import SHARED
from geosleuth.cli import app
from geosleuth.read._target_names import TargetRef
from geosleuth.read._unused import unused_sentences
from geosleuth.read.annotate import annotate_html
from geosleuth.read.claims import Rejected
from geosleuth.read.document import Reading

runner = CliRunner()


def test_only_sentences_about_the_target_with_nothing_read_are_listed() -> None:
    text = "Jane Doe left Vail. She is 34. Rain fell. He said she lied."
    spans = [(0, 19), (20, 30), (31, 41), (42, 59)]
    refs = [
        TargetRef(0, 8, "Jane Doe", "name"),
        TargetRef(20, 23, "She", "pronoun"),
        TargetRef(50, 53, "she", "pronoun"),
        TargetRef(31, 35, "Rain", "leaders"),  # a group's leaders: not her
    ]
    aside = Rejected("negated", "x", (45, 49), "said")
    rows = unused_sentences(text, spans, refs, [], [aside])
    # the first gave nothing either; the third names no one; the last has a
    # reason already
    assert [(r.reason, r.span, r.quote) for r in rows] == [
        ("unused", (0, 19), "Jane Doe left Vail."),
        ("unused", (20, 30), "She is 34."),
    ]
    assert rows[1].detail.startswith("a sentence about the target ('She') that gave")


def test_the_page_marks_them_escaped_and_counts_them() -> None:
    text = "Jane <b>Doe</b> left."
    row = Rejected("unused", "a sentence about the target ('Doe') ...", (0, 21), text)
    reading = Reading(
        "d", None, text, dt.date(2024, 6, 1), (), (), ((0, 21),), (), (), "Jane Doe",
        "d.txt", unused=(row,),
    )  # fmt: skip
    page = annotate_html(reading)
    assert "<b>" not in page
    assert "nothing read: a sentence about the target" in page
    assert '<a href="#s0">1 sentence about the target gave nothing</a>' in page
    assert reading.to_dict()["unused"] == [row.to_dict()]
    assert "gave nothing" not in annotate_html(
        Reading("d", None, text, None, (), (), ((0, 21),), (), (), None, "d.txt")
    )


@pytest.mark.nlp
def test_a_reading_lists_what_it_did_not_understand(nlp: Any) -> None:
    from geosleuth.read.document import read_text

    text = (
        "Jane Doe, 34, went missing near Vail on Saturday. "
        "She is an experienced walker. "
        "Rain is forecast for the weekend. "
        "Police have not found her in Aspen."
    )
    reading = read_text(text, target="Jane Doe", nlp=nlp, published="2024-06-03")
    assert reading.evidence  # the last known point at Vail
    assert [r.quote for r in reading.unused] == ["She is an experienced walker."]
    # a sentence set aside with its reason is not listed again
    assert any(r.reason == "negated" for r in reading.rejected)


@pytest.mark.nlp
def test_read_says_how_many_and_the_seed_has_four(tmp_path: Path) -> None:
    seed = SHARED / "corpus" / "seed-2018-baghdadi-hajin.txt"
    if not seed.exists():
        pytest.skip(f"needs the seed article at {seed} (../shared beside the repo)")
    out = tmp_path / "out"
    done = runner.invoke(
        app, ["read", str(seed), "--out", str(out)], terminal_width=200
    )
    assert done.exit_code == 0, done.output
    assert "4 sentences about the target gave nothing the reader could use" in (
        done.output
    )
    record = json.loads((out / "seed-2018-baghdadi-hajin.json").read_text())
    quotes = [r["quote"] for r in record["unused"]]
    assert len(quotes) == 4
    assert quotes[2].startswith("In these images, which was taken after the")
