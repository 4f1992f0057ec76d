"""A place before "native" says where someone comes from (review r23, P-c).

"Rodrigo Salcedo, a Sinaloa native, is hiding in the mountains" gave a certain
claim that he is in Sinaloa; "a native of Sinaloa" and "a Sinaloa-born" were
already origins. "<Place> native(s)" now is one too.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from reading import claims, set_aside

pytestmark = pytest.mark.nlp

PUB = dt.date(2023, 3, 22)


def _read(text: str, nlp: Any) -> Any:
    from geosleuth.read.document import read_text

    return read_text(text, target="Rodrigo Salcedo", nlp=nlp, published=PUB)


@pytest.mark.parametrize(
    "text",
    [
        "Rodrigo Salcedo, a Sinaloa native, is hiding in the hills, officials said.",
        "Rodrigo Salcedo, like many Sinaloa natives, is hiding in the hills, "
        "officials said.",
    ],
)
def test_a_place_before_native_is_an_origin(text: str, nlp: Any) -> None:
    reading = _read(text, nlp)
    assert claims(reading) == []
    assert ("not_target", "Sinaloa") in set_aside(reading)


def test_the_place_where_he_is_beside_his_origin_is_still_read(nlp: Any) -> None:
    reading = _read(
        "Rodrigo Salcedo, a Sinaloa native, is hiding in Durango, officials said.", nlp
    )
    assert [(c.place_name, c.polarity) for c in claims(reading)] == [("Durango", "is")]
