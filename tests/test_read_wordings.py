"""Common wordings of where someone is, and of being alive, that gave nothing.

From an outside review of missing-person, kidnapping and fugitive articles:
"is somewhere near Kisumu", "is almost certainly in Nakuru" (probable, not
certain), "was kidnapped in Mandera" (the kidnappers saw her there), "the
kidnappers took her to Mosul", "is alive and well in Nairobi" (a claim of life,
graded by who says it, and one of place), "somewhere west of Kisumu" (the
quarter west of it, not the town). And a wrong one: "Jane Doe's brother lives in
Kisumu" placed Jane Doe in Kisumu.

Each case is a real sentence; both sides of each rule are pinned.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from geosleuth.evidence import LifeStatus
from geosleuth.geometry import Area
from geosleuth.grid import Grid
from reading import reader

pytestmark = pytest.mark.nlp

MWANGI = "Joseph Mwangi"
_read = reader(MWANGI)


def _rows(reading: Any) -> list[tuple[Any, ...]]:
    """(kind, place or status, polarity, hedge, grade) of each item."""
    return [
        (
            i.kind,
            i.status if isinstance(i, LifeStatus) else i.place_name,
            getattr(i, "polarity", None),
            i.hedge,
            str(i.grade),
        )
        for i in reading.evidence
    ]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # each gave no item before
        ("Joseph Mwangi is somewhere near Kisumu, his brother said.",
         [("claim", "Kisumu", "is", "certain", "F3")]),
        ("Joseph Mwangi is somewhere in Kenya, his brother said.",
         [("claim", "Kenya", "is", "certain", "F3")]),
        ("Joseph Mwangi is almost certainly in Nakuru, police said.",
         [("claim", "Nakuru", "is", "probable", "F2")]),
        ("Joseph Mwangi is most likely in Nakuru, police said.",
         [("claim", "Nakuru", "is", "probable", "F2")]),
        ("Joseph Mwangi was kidnapped in Mandera on Monday, officials said.",
         [("sighting", "Mandera", None, "certain", "F2")]),
        ("Gunmen abducted Joseph Mwangi in Mandera on Monday.",
         [("sighting", "Mandera", None, "certain", "F3")]),
        ("The kidnappers took Joseph Mwangi to Mosul, officials said.",
         [("claim", "Mosul", "is", "certain", "F2")]),
        ("Joseph Mwangi is alive and well in Nairobi, his wife said.",
         [("life_status", "alive", None, "certain", "F3"),
          ("claim", "Nairobi", "is", "certain", "F3")]),
        ("Joseph Mwangi is believed to be alive, police said.",
         [("life_status", "alive", None, "probable", "F2")]),
    ],
)  # fmt: skip
def test_a_wording_of_where_or_whether_gives_its_item(
    nlp: Any, text: str, rows: list[tuple[Any, ...]]
) -> None:
    assert _rows(_read(text, nlp)) == rows


@pytest.mark.parametrize(
    "text",
    [
        # another person's place or life, a denial, a condition: nothing
        "Joseph Mwangi's brother lives in Kisumu.",
        "Joseph Mwangi's brother, who is still alive, lives in Kisumu.",
        "Police took his brother to Nairobi, Joseph Mwangi's wife said.",
        "Joseph Mwangi took part in talks in Nairobi, police said.",
        "Joseph Mwangi is not alive, police said.",
    ],
)
def test_no_item_of_the_target_where_none_is_said(nlp: Any, text: str) -> None:
    reading = _read(text, nlp)
    assert not [i for i in reading.evidence if i.kind in ("claim", "sighting")]
    assert not [i for i in reading.evidence if isinstance(i, LifeStatus)]


def test_a_condition_on_life_is_no_claim_of_life(nlp: Any) -> None:
    reading = _read("If Joseph Mwangi is alive, he is in Nairobi.", nlp)
    assert not [i for i in reading.evidence if isinstance(i, LifeStatus)]


def test_the_targets_whereabouts_are_still_hers(nlp: Any) -> None:
    reading = _read("Joseph Mwangi's whereabouts are in Mosul, police said.", nlp)
    assert _rows(reading) == [("claim", "Mosul", "is", "certain", "F2")]


def test_west_of_a_town_is_the_quarter_west_of_it(nlp: Any) -> None:
    reading = _read("Joseph Mwangi may be somewhere west of Kisumu, police said.", nlp)
    (claim,) = reading.evidence
    assert claim.place_name == "west of Kisumu"
    assert claim.hedge == "possible"
    assert isinstance(claim.place, Area)
    kisumu = (34.7617, -0.0917)
    grid = Grid.around(*kisumu, radius_km=60.0, cell_km=1.0)
    from geosleuth.geometry import inside

    mask = inside(claim.place, grid)
    west = int(grid.lonlat_to_cell(kisumu[0] - 0.25, kisumu[1]))  # ~28 km west
    east = int(grid.lonlat_to_cell(kisumu[0] + 0.25, kisumu[1]))
    north = int(grid.lonlat_to_cell(kisumu[0], kisumu[1] + 0.3))
    assert mask.ravel()[west]
    assert not mask.ravel()[east] and not mask.ravel()[north]
    assert 500 < np.count_nonzero(mask) < 2500  # a quarter of a 50 km disc: ~1,960


@pytest.mark.parametrize(
    "text",
    [
        # no one says so: each gave 'alive' before
        "There is no proof that Joseph Mwangi is alive, police said.",
        "Nobody believes Joseph Mwangi is alive.",
        "His mother hopes Joseph Mwangi is still alive.",
    ],
)
def test_alive_denied_or_hoped_is_no_claim_of_life(nlp: Any, text: str) -> None:
    reading = _read(text, nlp)
    assert not [i for i in reading.evidence if isinstance(i, LifeStatus)]
    assert [x.reason for x in reading.rejected] == ["conditional"]


def test_the_west_of_a_city_is_the_city(nlp: Any) -> None:
    # its western part, not a wedge reaching 50 km west of it
    reading = _read("Joseph Mwangi is hiding in the west of Mosul.", nlp)
    assert _rows(reading) == [("claim", "Mosul", "is", "certain", "F3")]
