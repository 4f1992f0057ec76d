"""No confirmation is no denial; a death "reported" is hearsay (r21 F13, F17).

"Nigerien security sources said they could not confirm that Ag Alher was in
Ayorou" was read as a claim that he is *not* in Ayorou: the "not" denies the
confirming, not the place, as in "did not say whether" (a doubtful claim that
keeps "is"). "was reported killed in an air strike" was a certain death: it is
reported, as "reportedly" is (probable).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geosleuth.evidence import Claim, LifeStatus
from geosleuth.read.hedges import hedge_of

pytestmark = pytest.mark.nlp

PUB = dt.date(2019, 4, 2)
LEAD = "Ag Alher fled in March. "


def _read(text: str, nlp: Any) -> Any:
    from geosleuth.read.document import read_text

    return read_text(LEAD + text, target="Ag Alher", nlp=nlp, published=PUB)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Security sources said they could not confirm that Ag Alher was in "
         "Ayorou.", "not confirm"),
        ("Police were unable to verify that Ag Alher is in Ayorou.",
         "unable to verify"),
        ("The army cannot confirm reports that Ag Alher is in Ayorou.",
         "cannot confirm"),
    ],
)  # fmt: skip
def test_no_confirmation_is_a_doubtful_claim_not_a_denial(
    text: str, cue: str, nlp: Any
) -> None:
    (ayorou,) = [i for i in _read(text, nlp).evidence if isinstance(i, Claim)]
    assert (ayorou.place_name, ayorou.polarity, ayorou.hedge) == (
        "Ayorou",
        "is",
        "doubtful",
    )
    assert f"hedge from {cue!r}" in ayorou.note


def test_a_confirmed_denial_is_still_a_denial(nlp: Any) -> None:
    text = "Police confirmed that Ag Alher is not in Ayorou."
    (ayorou,) = [i for i in _read(text, nlp).evidence if isinstance(i, Claim)]
    assert ayorou.polarity == "is_not"


def test_a_death_reported_is_probable() -> None:
    assert hedge_of("was reported killed in an air strike") == (
        "probable",
        "was reported",
    )
    assert hedge_of("was reported missing in June") == ("certain", None)


def test_a_reading_of_a_reported_death_is_probable(nlp: Any) -> None:
    text = "Ag Alher, 52, was reported killed in an air strike in February."
    (death,) = [i for i in _read(text, nlp).evidence if isinstance(i, LifeStatus)]
    assert (death.status, death.hedge) == ("dead", "probable")
