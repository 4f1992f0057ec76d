"""Take-backs kept by a denied keeping, explained by an own error; still bodies (r27).

A review (r27, findings 12 and 14) found that "They later retracted the claim
and declined to reaffirm it" was no take-back, for "reaffirm" was read as the
claimant keeping its word, negated or not (D4); that "..., saying they had been
misinformed, and said they would not reissue it" was none either, for an
explained take-back had to tell a word of life or death, and the speaker's own
error tells none (D5); and that a video that "shows him lying motionless in
the street" was a proof of life, certain (E11). A keeping counts now only when
it is not denied just before it, an own error explains nothing, and one shown
lying still (motionless, limp, not moving) is shown alive no more.
"""

from __future__ import annotations

from typing import Any

import pytest

from geosleuth.evidence import LifeStatus
from reading import claims, reader, sightings

pytestmark = pytest.mark.nlp

_salcedo = reader("Rodrigo Salcedo Ibarra")
_vukovic = reader("Dragan Vuković")
_alher = reader("Hamadou Ag Alher")

_KILLED = "The army said on Monday that Salcedo was killed in the clash. "
_PLJEVLJA = "Police said Vuković was in Pljevlja. "
_VIDEO = (
    "Hamadou Ag Alher was last seen in Menaka in 2017. "
    "A video released on 2 June shows him "
)


def _life(reading: Any, status: str) -> list[LifeStatus]:
    return [
        i for i in reading.evidence if isinstance(i, LifeStatus) and i.status == status
    ]


def _places(reading: Any) -> list[str]:
    """The places of the claims and sightings that the target is there."""
    return sorted(
        [c.place_name for c in claims(reading) if c.polarity == "is"]
        + [s.place_name for s in sightings(reading)]
    )


# -- D4: a keeping denied --------------------------------------------------------

_NOT_KEPT = [
    "On Tuesday they retracted the claim, and declined to reaffirm it.",
    "They later retracted the claim and refused to reaffirm it.",
    "They later retracted the claim and have not reaffirmed it.",
    "They later retracted the claim and no longer stand by it.",
]


@pytest.mark.parametrize("after", _NOT_KEPT)
def test_a_death_taken_back_and_not_reaffirmed_is_taken_back(
    nlp: Any, after: str
) -> None:
    r = _salcedo(_KILLED + after, nlp)
    assert _life(r, "dead") == []
    assert any(x.reason == "negated" for x in r.rejected)


@pytest.mark.parametrize("after", _NOT_KEPT)
def test_a_place_taken_back_and_not_reaffirmed_is_taken_back(
    nlp: Any, after: str
) -> None:
    r = _vukovic(_PLJEVLJA + after, nlp)
    assert _places(r) == []
    assert any(x.reason == "negated" and x.quote == "Pljevlja" for x in r.rejected)


@pytest.mark.parametrize(
    "after",
    [
        "They later retracted the claim, but then reaffirmed it.",
        "They later retracted the claim, but on Wednesday reaffirmed it.",
        "They later retracted the claim, then reinstated it.",
        "They later retracted the claim, but stood by it on Friday.",
    ],
)
def test_a_death_taken_back_and_kept_stands(nlp: Any, after: str) -> None:
    [dead] = _life(_salcedo(_KILLED + after, nlp), "dead")
    assert dead.hedge == "certain"


def test_a_doubt_not_reaffirmed_doubts_and_one_reaffirmed_does_not(nlp: Any) -> None:
    doubt = "Officials later said they could not confirm his death, "
    [dead] = _life(
        _salcedo(_KILLED + doubt + "and declined to reaffirm it.", nlp), "dead"
    )
    assert dead.hedge == "possible"
    [dead] = _life(
        _salcedo(_KILLED + doubt + "but reaffirmed the claim on Friday.", nlp), "dead"
    )
    assert dead.hedge == "certain"


# -- D5: an explained take-back that tells the speaker's own error ---------------

_OWN_ERROR = [
    "They later retracted the claim, saying they had been misinformed, "
    "and said they would not reissue it.",
    "They later retracted the claim, saying they had been misinformed.",
    "They later retracted the claim, saying it had acted on faulty information.",
]


@pytest.mark.parametrize("after", _OWN_ERROR)
def test_a_death_taken_back_for_an_own_error_is_taken_back(
    nlp: Any, after: str
) -> None:
    r = _salcedo(_KILLED + after, nlp)
    assert _life(r, "dead") == []
    assert any(x.reason == "negated" for x in r.rejected)


@pytest.mark.parametrize("after", _OWN_ERROR)
def test_a_place_taken_back_for_an_own_error_is_taken_back(
    nlp: Any, after: str
) -> None:
    r = _vukovic(_PLJEVLJA + after, nlp)
    assert _places(r) == []
    assert any(x.reason == "negated" and x.quote == "Pljevlja" for x in r.rejected)


@pytest.mark.parametrize(
    "after",
    [
        # an error of another detail, told
        "They later retracted the claim, saying they had been misinformed "
        "about the place of the clash.",
        "They later retracted the claim, saying the clash had taken place near Cosalá.",
        # another's word, not the claimant's
        "Salcedo's lawyer said that statement was wrong, saying they had been "
        "misinformed.",
    ],
)
def test_a_death_corrected_in_a_detail_or_by_another_stands(
    nlp: Any, after: str
) -> None:
    [dead] = _life(_salcedo(_KILLED + after, nlp), "dead")
    assert dead.hedge == "certain"


def test_a_place_corrected_in_a_detail_stands(nlp: Any) -> None:
    after = (
        "They later retracted the claim, saying they had been misinformed "
        "about the town."
    )
    assert _places(_vukovic(_PLJEVLJA + after, nlp)) == ["Pljevlja"]


# -- E11: a recording of one lying still -----------------------------------------


@pytest.mark.parametrize(
    "shown",
    [
        "lying motionless in the street.",
        "lying motionless on the ground as soldiers stand over him.",
        "lying limp on the ground.",
        "lying with his eyes closed, not moving.",
        "lying on the ground with his eyes closed and not moving.",
    ],
)
def test_a_recording_of_him_lying_still_is_no_proof_of_life(
    nlp: Any, shown: str
) -> None:
    assert _life(_alher(_VIDEO + shown, nlp), "alive") == []


def test_a_photograph_of_him_lying_motionless_is_no_proof_of_life(nlp: Any) -> None:
    text = (
        "A photograph released on 2 June shows Ag Alher lying motionless in the "
        "street. Hamadou Ag Alher was last seen in Menaka in 2017."
    )
    assert _life(_alher(text, nlp), "alive") == []


@pytest.mark.parametrize(
    "shown",
    [
        "lying in a hospital bed.",
        "lying on a sofa, talking to his fighters.",
        "lying in a hospital bed, talking to a nurse.",
        "lying in the street, waving at the camera.",
        "standing motionless beside a truck.",
        "sitting still on a chair.",
        "with his eyes closed, praying.",
        "lying on a mat, with his eyes closed, praying.",
        # another lies still
        "lying next to a motionless man.",
        "lying on the ground beside a fighter who is not moving.",
    ],
)
def test_a_recording_of_him_lying_or_still_and_alive_is_a_proof_of_life(
    nlp: Any, shown: str
) -> None:
    [alive] = _life(_alher(_VIDEO + shown, nlp), "alive")
    assert alive.hedge == "certain"
