"""Case counts of an outbreak report: one event set, the towns weighted by count.

Before: a report that names no person gave only fronts, whatever it said of how
many fell ill where ("Cholera has killed 45 people in Kisumu, 12 in Siaya ...").
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pytest

from geosleuth.evidence import EventSet, item_from_dict
from geosleuth.fuse import fuse
from geosleuth.grid import Grid
from geosleuth.read.cases import CASE_SIGMA_KM
from reading import PUB

pytestmark = pytest.mark.nlp


def _read(text: str, nlp: Any, target: str | None = None) -> Any:
    from geosleuth.read.document import read_text

    return read_text(text, target=target, nlp=nlp, published=PUB)


def _events(reading: Any) -> list[tuple[str, float]]:
    sets = [i for i in reading.evidence if isinstance(i, EventSet)]
    assert len(sets) <= 1
    if not sets:
        return []
    (e,) = sets
    assert e.names is not None and e.weights is not None
    return list(zip(e.names, e.weights.tolist(), strict=True))


@pytest.mark.parametrize(
    ("text", "events"),
    [
        ("Cholera has killed 45 people in Kisumu, 12 in Siaya and seven in Homa "
         "Bay, health officials said on Tuesday.",
         [("Kisumu", 45.0), ("Siaya", 12.0), ("Homa Bay", 7.0)]),
        ("Kisumu reported 30 new cholera cases on Monday, and Migori has 12 "
         "suspected cases.", [("Kisumu", 30.0), ("Migori", 12.0)]),
        ("The Kisumu district reported 30 cases of cholera while Migori had 12 "
         "deaths.", [("Kisumu", 30.0), ("Migori", 12.0)]),
        # a town's largest count is its weight: deaths are among its cases
        ("There were 80 cholera cases in Kisumu and 20 in Migori. Five deaths in "
         "Kisumu were confirmed.", [("Kisumu", 80.0), ("Migori", 20.0)]),
        ("At least 1,204 cases were recorded in Kisumu and more than 300 cases "
         "in Siaya as the outbreak spread.", [("Kisumu", 1204.0), ("Siaya", 300.0)]),
        # from review 12: the disease between the count and its noun, "County", a
        # bracket, an aside in the list
        ("Italy reported 45 COVID-19 deaths in Bergamo and 12 in Codogno.",
         [("Bergamo", 45.0), ("Codogno", 12.0)]),
        ("There were 12 new Ebola cases in Beni and 5 in Butembo.",
         [("Beni", 12.0), ("Butembo", 5.0)]),
        ("The outbreak has sickened 30 people in Siaya County and 12 in Kisumu "
         "County.", [("Siaya", 30.0), ("Kisumu", 12.0)]),
        ("Cholera: 45 cases in Kisumu (12 deaths), 30 in Siaya (5 deaths).",
         [("Kisumu", 45.0), ("Siaya", 30.0)]),
        ("Cholera has killed 45 people in Kisumu, 12 of them children, and seven "
         "in Homa Bay.", [("Kisumu", 45.0), ("Homa Bay", 7.0)]),
        # the parts of a total are the towns' counts; the total is no town's
        # (review 14: "Of the 64 patients, 45 are in Kisumu and 19 in Siaya")
        ("Of the 45 cholera cases, 30 were in Kisumu and 15 in Siaya.",
         [("Kisumu", 30.0), ("Siaya", 15.0)]),
    ],
)  # fmt: skip
def test_case_counts_by_town_are_one_event_set(
    nlp: Any, text: str, events: list[tuple[str, float]]
) -> None:
    r = _read(text, nlp)
    assert r.target is None
    assert _events(r) == events
    (e,) = [i for i in r.evidence if isinstance(i, EventSet)]
    assert (e.method, e.sigma_km) == ("kde", CASE_SIGMA_KM)
    assert "case counts by town" in e.note
    assert item_from_dict(e.to_dict()).to_dict() == e.to_dict()  # names kept


@pytest.mark.parametrize(
    ("text", "why"),
    [
        # no case: not ill, negated, to come, years, no disease named
        ("Twenty people attended a cholera meeting in Migori and 30 in Kisumu.",
         None),
        ("No cholera cases were found in Kisumu. Officials fear there could be "
         "500 cases in Siaya.", None),
        ("The 2017 cases in Kisumu and the 2019 cases in Siaya were linked to "
         "cholera.", None),
        ("The court heard 30 new cases in Kisumu and 12 in Siaya on Monday.",
         None),
        # deaths of a disaster, not of a disease (review 12: an event set)
        ("Floods killed 45 people in Kisumu and 12 in Siaya. Cholera fears rose.",
         "not said to be from a disease"),
        # one town only: no event set, and said so
        ("Cholera has killed 45 people in Kisumu, officials said.",
         "an event set needs two places or more"),
        # two outbreaks 1,000 km apart are no one source
        ("Cholera has killed 45 people in Kisumu and 12 in Beni.",
         "300 km or more from the others"),
        # a state or a province is no event
        ("Nyanza Province recorded 45 cholera deaths. Pennsylvania has 30 cases.",
         "too coarse for an event"),
    ],
)  # fmt: skip
def test_what_is_no_event(nlp: Any, text: str, why: str | None) -> None:
    r = _read(text, nlp)
    assert _events(r) == []
    if why is not None:
        assert any(why in x.detail for x in r.rejected)


def test_two_outbreaks_are_two_event_sets(nlp: Any) -> None:
    r = _read(
        "Cholera has killed 45 people in Kisumu and 12 in Siaya. Ebola has killed "
        "300 people in Beni and 150 in Butembo.",
        nlp,
    )
    sets = [i for i in r.evidence if isinstance(i, EventSet)]
    assert [s.names for s in sets] == [("Kisumu", "Siaya"), ("Beni", "Butembo")]


def test_a_person_sought_reads_no_cases(nlp: Any) -> None:
    text = (
        "Jane Doe was seen in Kisumu on Monday. Cholera has killed 45 people in "
        "Kisumu and 12 in Siaya."
    )
    assert _events(_read(text, nlp, target="Jane Doe")) == []


def test_the_estimate_ranks_the_towns_by_their_cases(nlp: Any) -> None:
    r = _read(
        "Cholera has killed 45 people in Kisumu, 12 in Siaya and seven in Homa "
        "Bay, health officials said on Tuesday.",
        nlp,
    )
    grid = Grid.around(34.6, -0.2, radius_km=120.0, cell_km=2.0)
    est = fuse(r.evidence, grid, as_of=dt.date(2018, 6, 5), contributions=False)
    names = [p.name for p in est.places]
    assert names[0] == "Kisumu" and set(names) == {"Kisumu", "Siaya", "Homa Bay"}
    probs = {p.name: p.probability for p in est.places}
    assert probs["Kisumu"] > probs["Siaya"] > 0
    assert np.isclose(est.posterior.sum(), 1.0)
