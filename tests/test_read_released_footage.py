"""Footage that those who look for the target release, and footage "showing" her.

"Police released a video of Jane Doe on Monday" was a certain proof of life
dated Monday: the police put out footage made at a time the sentence does not
tell (most often her last sighting), so it proves nothing of the release day. A
video her kidnappers release still does. "Police released CCTV footage that
shows her walking in Leeds on May 2" and "... footage showing her at Leeds
station" gave nothing: the camera is the noun the verb of seeing describes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geosleuth.evidence import LifeStatus
from reading import reader, sightings

pytestmark = pytest.mark.nlp

_read = reader("Jane Doe")
_MISSING = "Jane Doe, 34, has been missing since May 2. "


def _alive(reading: Any) -> list[LifeStatus]:
    return [
        i for i in reading.evidence if isinstance(i, LifeStatus) and i.status == "alive"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Police released a video of Jane Doe on Monday.",
        "A video of Jane Doe released by her family on Monday shows her smiling.",
    ],
)
def test_footage_the_seekers_release_is_no_proof_of_life_on_its_release(
    sentence: str, nlp: Any
) -> None:
    r = _read(_MISSING + sentence, nlp)
    assert not _alive(r)
    assert any("released by those who look for" in x.detail for x in r.rejected)


def test_footage_her_kidnappers_release_is_a_proof_of_life(nlp: Any) -> None:
    r = _read(
        _MISSING
        + "A video of Jane Doe released by her kidnappers on Monday shows her smiling.",
        nlp,
    )
    assert [(a.date, a.hedge) for a in _alive(r)] == [(dt.date(2018, 6, 4), "certain")]


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("Police released CCTV footage that shows her walking in Leeds on May 2.",
         dt.date(2018, 5, 2)),
        ("Police released CCTV footage showing her at Leeds station on May 2.",
         dt.date(2018, 5, 2)),
    ],
)  # fmt: skip
def test_camera_footage_showing_her_is_a_sighting(
    sentence: str, day: dt.date, nlp: Any
) -> None:
    r = _read(_MISSING + sentence, nlp)
    assert [(s.place_name, s.date) for s in sightings(r)] == [("Leeds", day)]


def test_footage_showing_another_is_no_sighting_of_her(nlp: Any) -> None:
    r = _read(
        _MISSING + "Police released CCTV footage showing her sister in Leeds.", nlp
    )
    assert not sightings(r)
