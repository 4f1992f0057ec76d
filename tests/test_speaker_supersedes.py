"""A speaker's later claim replaces the same speaker's earlier ones (r21 F29).

A Malian army spokesman said in March that the commander "may be hiding near
Ansongo" and in April that he "is now in Ayorou"; both counted as of April, so
the map stayed on Ansongo. Of one identified speaker's claims that the target
is somewhere, the latest day's are used and the earlier ones are set aside as
superseded, with the reason; denials stand, and so do claims of unnamed or
many speakers ("U.S. officials", "a senior official"), who may be several.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from geosleuth.cli import app
from geosleuth.dependence import speaker_key, superseded_claims
from geosleuth.evidence import Claim, Provenance
from geosleuth.fuse import fuse
from geosleuth.fuse.likelihood import select
from geosleuth.geometry import Point
from geosleuth.grid import Grid

ANSONGO, AYOROU = Point(0.50, 15.66), Point(0.92, 14.73)
MARCH, APRIL = dt.date(2019, 3, 14), dt.date(2019, 4, 2)


def _said(
    i: str, day: dt.date, where: Point, who: str | None = "Kone", **kw: object
) -> Claim:
    return Claim(
        id=i, date=day, place=where, buffer_km=10.0,
        provenance=Provenance(document=f"doc-{i}", speaker=who, published=day),
        **kw,  # type: ignore[arg-type]
    )  # fmt: skip


def test_the_later_claim_of_one_speaker_is_used_and_the_earlier_set_aside() -> None:
    old, new = _said("ansongo", MARCH, ANSONGO), _said("ayorou", APRIL, AYOROU)
    used, excluded = select([old, new], as_of=APRIL)
    assert [i.id for i in used] == ["ayorou"]
    assert excluded == [
        (
            "ansongo",
            "superseded by 'ayorou' (2019-04-02), the later claim of the same "
            "speaker (Kone)",
        )
    ]
    # as of March, the April claim is not yet made: March's stands
    used, _ = select([old, new], as_of=MARCH)
    assert [i.id for i in used] == ["ansongo"]


@pytest.mark.parametrize(
    ("other", "kept"),
    [
        ({"who": "Traore"}, True),  # another speaker
        ({"who": None}, True),  # no speaker: the analyst's own, or unsaid
        ({"who": "U.S. officials"}, True),  # many
        ({"who": "Senior official"}, True),  # someone unnamed
        ({"polarity": "is_not"}, True),  # a denial is not taken back
        ({"day": APRIL}, True),  # the same day: both stand ("X or Y")
        ({"who": "KONE"}, False),  # the same name, folded
    ],
)
def test_what_is_not_superseded(other: dict[str, object], kept: bool) -> None:
    day = other.pop("day", MARCH)
    who = other.pop("who", "Kone")
    old = _said("old", day, ANSONGO, who, **other)  # type: ignore[arg-type]
    new = _said("new", APRIL, AYOROU)
    used, _ = select([old, new], as_of=APRIL)
    assert ("old" in [i.id for i in used]) is kept


def test_speaker_keys() -> None:
    def key(who: str) -> str | None:
        return speaker_key(_said("x", MARCH, ANSONGO, who))

    assert key("Abu Ali al-Basri") == "abu ali al-basri"
    assert key("Ontario Provincial Police") == "ontario provincial police"
    assert key("Mohamed Ould Sidi") == "mohamed ould sidi"
    assert key("Ministry of the Interior") == "ministry of the interior"
    assert key("Military spokesman") is None
    assert key("Security Sources") is None
    assert key("  ") is None


def test_the_map_moves_to_the_speakers_later_word_and_leave_one_out_brings_back_the_earlier() -> (  # noqa: E501
    None
):
    old, new = _said("ansongo", MARCH, ANSONGO), _said("ayorou", APRIL, AYOROU)
    grid = Grid.around(0.7, 15.2, radius_km=150.0, cell_km=5.0)
    both = fuse([old, new], grid, as_of=APRIL)
    alone = fuse([new], grid, as_of=APRIL, contributions=False)
    assert np.allclose(both.posterior, alone.posterior, rtol=0, atol=1e-15)
    assert "ansongo" not in both.used
    # without the April claim, March's is what would be used
    march = fuse([old], grid, as_of=APRIL, contributions=False)
    (c,) = [c for c in both.contributions if c.item_id == "ayorou"]
    assert c.map_shift == pytest.approx(
        0.5 * float(np.abs(both.posterior - march.posterior).sum()), abs=1e-12
    )


def test_superseded_claims_of_one_latest_day_name_the_smallest_id() -> None:
    got = superseded_claims(
        [
            _said("a", MARCH, ANSONGO),
            _said("c", APRIL, AYOROU),
            _said("b", APRIL, ANSONGO),
        ]
    )
    assert {k: v.id for k, v in got.items()} == {"a": "b"}


_CASE = """\
target: Hamadou Ag Alher
region: {west: -2, south: 13.5, east: 4, north: 17.5}
documents:
  march: {title: Army says he may be near Ansongo, published: 2019-03-14}
  april: {title: Army now says Ayorou, published: 2019-04-02}
evidence:
  - {kind: claim, id: ansongo, date: 2019-03-14, document: march, speaker: Kone,
     place: {lon: 0.50, lat: 15.66}, buffer_km: 10, hedge: possible}
  - {kind: claim, id: ayorou, date: 2019-04-02, document: april, speaker: Kone,
     place: {lon: 0.92, lat: 14.73}, buffer_km: 10}
"""


def test_locate_reports_the_superseded_claim_and_verify_agrees(tmp_path: Path) -> None:
    case = tmp_path / "c.yaml"
    case.write_text(_CASE)
    out = tmp_path / "out"
    runner = CliRunner()
    done = runner.invoke(app, ["locate", str(case), "--out", str(out), "-q"])
    assert done.exit_code == 0, done.output
    record = json.loads((out / "estimate.json").read_text())
    (old,) = [e for e in record["evidence"] if e["id"] == "ansongo"]
    assert old["used"] is False
    assert old["excluded_because"].startswith("superseded by 'ayorou' (2019-04-02)")
    assert runner.invoke(app, ["verify", str(out)]).exit_code == 0
