"""Review r50, finding M4: a placed witness's own seeing is near the witness's town.

"A fisherman in Vigo said he saw Varga at the harbour on March 8." was set aside
as "the target seen, but at no resolved place", "Vigo" read as describing the
speaker only. A witness placed at a town ("a fisherman in Vigo", "residents of
Vigo", "a Vigo fisherman") who tells of seeing (or meeting, serving,
recognising) the target themself ("he saw", "they saw", "I saw") where the
seeing names no place of its own is a sighting near that town, one level less
sure, its note naming the witness. Not a witness placed in one town who saw the
target in another, nor a seeing told of others ("a spokesman in Madrid said
Varga was seen"), by an official ("Police in Madrid said they saw him"), by a
witness "from" a town, or in a region, nor a statement with no seeing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from reading import BAGHDADI, PUB, claims, sightings

pytestmark = pytest.mark.nlp

_VARGA = "Tomás Varga"
_PUB = dt.date(2025, 3, 10)
_LEAD = "Spanish police are looking for Tomás Varga. "


def _read(text: str, nlp: Any) -> Any:
    from geosleuth.read.document import read_text

    return read_text(text, target=_VARGA, nlp=nlp, published=_PUB)


def _seen(reading: Any) -> list[tuple[str, str]]:
    return [(x.place_name, x.hedge) for x in sightings(reading)]


def test_the_fishermans_sighting_is_near_vigo(nlp: Any) -> None:
    text = (
        "MADRID, March 10, 2025 (Reuters) - Spanish police believe that Tomás "
        "Varga is hiding in Vigo, near the Portuguese border, a senior officer "
        "said on Monday.\n\nA fisherman in Vigo said he saw Varga at the harbour "
        'on March 8. "I am sure it was him," he said.\n'
    )
    r = _read(text, nlp)
    (seen,) = sightings(r)
    assert (seen.place_name, seen.hedge, seen.date) == (
        "Vigo",
        "probable",
        dt.date(2025, 3, 8),
    )
    assert seen.sigma_km == 10.0
    assert seen.provenance.speaker == "A fisherman in Vigo"
    assert "where the witness is ('A fisherman in Vigo')" in seen.note
    assert "one level less sure" in seen.note
    # the town is the seeing's, no longer set aside as the speaker's only
    assert not [x for x in r.rejected if x.quote == "Vigo"]
    assert not [x for x in r.rejected if x.reason == "no_place"]


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("A fisherman in Vigo said he saw Varga at the harbour on March 8.",
         "probable"),
        ("Residents of Vigo said they saw him in the market.", "probable"),
        ('"I saw him at the harbour," a fisherman in Vigo said.', "probable"),
        ("A Vigo fisherman said he saw Varga near his house.", "probable"),
        ("A fisherman in Vigo saw Varga at the harbour on March 8.", "probable"),
        ("A shopkeeper in Vigo said she served Varga on March 8.", "probable"),
        ("A waiter in Vigo said he recognised Varga.", "probable"),
        ("A fisherman in Vigo said he may have seen Varga.", "doubtful"),
    ],
)  # fmt: skip
def test_a_placed_witness_saw_the_target_near_the_town(
    text: str, hedge: str, nlp: Any
) -> None:
    assert _seen(_read(_LEAD + text, nlp)) == [("Vigo", hedge)]


@pytest.mark.parametrize(
    ("text", "seen"),
    [
        # the seeing's own place, not the witness's town
        ("A fisherman in Vigo said he saw Varga in Porto on March 8.",
         [("Porto", "certain")]),
        ("A fisherman in Vigo said he met Varga in Porto.", [("Porto", "certain")]),
        # a place of the seeing's own that does not give a town
        ("A fisherman in Vigo said he saw Varga in Portugal.", []),
        ("Residents of Vigo said they saw Varga at the Xyzzy Hotel.", []),
        # a seeing told of others, not the speaker's own
        ("A spokesman in Madrid said Varga was seen at the harbour on March 8.", []),
        ("A fisherman in Vigo said residents saw Varga.", []),
        ("Residents of Vigo said he saw Varga.", []),
        # an official's or an organisation's "we saw"
        ("Police in Madrid said they saw Varga at the airport.", []),
        # a witness from a town, or in a region
        ("A fisherman from Vigo said he saw Varga.", []),
        ("A fisherman in Galicia said he saw Varga.", []),
        # no seeing, a denied one, one through a screen
        ("A fisherman in Vigo said Varga was hiding.", []),
        ("A fisherman in Vigo said he never met Varga.", []),
        ("A fisherman in Vigo said he saw Varga on television.", []),
    ],
)  # fmt: skip
def test_near_misses_keep_their_reading(
    text: str, seen: list[tuple[str, str]], nlp: Any
) -> None:
    r = _read(_LEAD + text, nlp)
    assert _seen(r) == seen
    assert not [c for c in claims(r) if c.place_name in ("Vigo", "Madrid")]


def test_an_officials_meeting_stays_a_claim(nlp: Any) -> None:
    r = _read(_LEAD + "The minister said he met Varga in Porto.", nlp)
    assert not sightings(r)
    assert [(c.place_name, c.polarity) for c in claims(r)] == [("Porto", "is")]


@pytest.mark.parametrize(
    ("text", "seen"),
    [
        ("Residents of Raqqa said they saw him in the market last week.",
         [("Ar Raqqah", "probable")]),
        ("A shepherd in Hajin told AFP he saw al-Baghdadi last week.",
         [("Hajīn", "probable")]),
        # the residents tell of a seeing, not their own
        ("Residents of Raqqa said he was seen in the market last week.", []),
    ],
)  # fmt: skip
def test_residents_of_a_town_saw_him(
    text: str, seen: list[tuple[str, str]], nlp: Any
) -> None:
    from geosleuth.read.document import read_text

    lead = "Abu Bakr al-Baghdadi is the leader of the group. "
    r = read_text(lead + text, target=BAGHDADI, nlp=nlp, published=PUB)
    assert _seen(r) == seen


@pytest.mark.parametrize(
    "text",
    [
        # a meeting only made possible or planned, not one told
        "Varga set aside three hours a day for citizens in Vigo to meet him.",
        "A shopkeeper in Vigo said she will meet Varga on Friday.",
    ],
)
def test_a_meeting_not_told_is_no_sighting(text: str, nlp: Any) -> None:
    assert not sightings(_read(_LEAD + text, nlp))
