"""A statement that holds throughout its period is aged from its end (r14 F5).

"Police said Jane Doe has been living in Durham since 2014" was aged from the
middle of 2014..publication, as if said in 2016: Durham had 7.6 % where the
same claim dated at publication had 28.2 %. It holds now, and is as fresh as
the day it was said.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from geosleuth.casefile import load_case
from geosleuth.errors import CaseFileError, InputError
from geosleuth.evidence import Claim, Provenance, item_from_dict
from geosleuth.fuse import fuse
from geosleuth.geometry import Point
from geosleuth.grid import Grid

PROV = Provenance(document="d", published=dt.date(2018, 5, 20))
DAY = dt.date(2018, 5, 20)


def _claim(**kw: Any) -> Claim:
    return Claim(
        id="c", provenance=PROV, date=DAY, place=Point(-1.58, 54.78), buffer_km=10.0,
        **kw,
    )  # fmt: skip


def test_an_ongoing_item_is_aged_from_its_end() -> None:
    since = _claim(date_from=dt.date(2014, 1, 1), ongoing=True)
    once = _claim(date_from=dt.date(2014, 1, 1))
    assert since.mid_date == DAY and since.age_days(DAY) == 0.0
    assert once.mid_date == dt.date(2016, 3, 11)
    grid = Grid.around(-1.58, 54.78, radius_km=150.0, cell_km=5.0)
    now = fuse([_claim()], grid, as_of=DAY, contributions=False)
    held = fuse([since], grid, as_of=DAY, contributions=False)
    aged = fuse([once], grid, as_of=DAY, contributions=False)
    assert np.allclose(held.posterior, now.posterior, rtol=0, atol=1e-15)
    assert held.hdr_km2["50"] < aged.hdr_km2["50"]


def test_ongoing_round_trips_and_is_written_only_where_set() -> None:
    since = _claim(date_from=dt.date(2014, 1, 1), ongoing=True)
    assert since.to_dict()["ongoing"] is True
    assert item_from_dict(since.to_dict()) == since
    assert "ongoing" not in _claim().to_dict()
    with pytest.raises(InputError, match="ongoing"):
        _claim(ongoing="yes")


def test_a_case_file_may_say_an_item_holds_throughout(tmp_path: Path) -> None:
    text = """\
target: Jane Doe
region: {west: -3, south: 54, east: 0, north: 55.5}
evidence:
  - {id: c1, kind: claim, date: 2018-05-20, date_from: 2014-01-01, ongoing: true,
     place: {lon: -1.58, lat: 54.78}, buffer_km: 10}
"""
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    (item,) = load_case(path).items
    assert item.ongoing and item.mid_date == DAY
    path.write_text(text.replace("ongoing: true", "ongoing: yes please"))
    with pytest.raises(CaseFileError, match="ongoing"):
        load_case(path)


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "ongoing"),
    [
        ("Police said Jane Doe has been living in Durham since 2014.", True),
        ("Jane Doe has been hiding in Durham for the past three years, police said.",
         True),
        ("Jane Doe was seen in Durham in the past three years, police said.", False),
    ],
)  # fmt: skip
def test_since_and_for_the_past_hold_throughout(
    nlp: Any, text: str, ongoing: bool
) -> None:
    from geosleuth.read.document import read_text

    reading = read_text(text, target="Jane Doe", nlp=nlp, published=DAY)
    (item,) = reading.evidence
    assert item.date_from is not None and item.ongoing is ongoing
