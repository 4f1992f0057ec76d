"""Who counts as one identified speaker (:func:`speaker_key`, review r22, 19).

Every word of the speaker is looked at, the first too ("local Police" is no
name); a speaker with no letters is none; a plural or anonymous last word is
many speakers, with a full stop after it or brackets around it.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geosleuth.dependence import speaker_key
from geosleuth.evidence import Claim, Provenance
from geosleuth.geometry import Point


def _said(who: str) -> Claim:
    return Claim(
        id="c", date=dt.date(2019, 3, 1), place=Point(0.1, 15.6),
        provenance=Provenance(document="d", speaker=who),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("who", "key"),
    [
        # a word in lower case, first or later, is no name
        ("local Police", None),
        ("Police local", None),
        ("Local Police", "local police"),
        # a name particle in lower case is part of a name
        ("de Gaulle", "de gaulle"),
        # no letters: no speaker named
        ("123", None),
        ("—", None),
        ("12 34", None),
        # many, whatever the punctuation around the last word
        ("U.S. officials.", None),
        ("Security Sources.", None),
        ("(officials)", None),
        ("U.S. officials", None),
        # one speaker, whatever the punctuation around the name
        ("Police.", "police"),
        ("(Police)", "police"),
        ("Police", "police"),
    ],
)
def test_a_speaker_is_one_identified_only_by_every_word(
    who: str, key: str | None
) -> None:
    assert speaker_key(_said(who)) == key
