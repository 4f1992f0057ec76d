"""Review r33: sightings at a distance, fronts left alone, and a later doubt.

- A seeing at a distance from a place with no side ("was last seen 30 km from
  Culiacán") is a sighting on the ring about that far, as a claim is; a bound
  ("spotted within 5 km of") the disc of it, drawn whole (a sighting has no
  buffer); farther than a distance ("more than 30 km from") is where the one
  seen was not, set aside. Near-misses: "about 20 miles north of" stays the
  offset's point, "in Culiacán" the town, and a car's distance is its trace's.
- A distance that a claim or sighting of the target read ("is hiding 30 km
  from Culiacán") is not also set aside as a front with no force named; one
  that no item read still is.
- "The sighting could not be confirmed", with a sentence between, lowers the
  latest sighting of the paragraph; near-misses: "was confirmed", a doubt of
  something else, of "the account", or across a paragraph lower nothing, and a
  sighting between is the one lowered.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from geosleuth.geometry import Area, Point, haversine_km
from reading import PUB, claims, reader, sightings

pytestmark = pytest.mark.nlp

_salcedo = reader("Rodrigo Salcedo Ibarra")
_CULIACAN = (-107.39421, 24.80209)
_NO_FORCE = "without a force named"


def _radii_km(place: Any) -> list[float]:
    """The mean distance of each ring of a one-polygon area from Culiacán, km."""
    (poly,) = place.polygons
    return [float(np.mean(haversine_km(*_CULIACAN, r[:, 0], r[:, 1]))) for r in poly]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rodrigo Salcedo Ibarra was last seen 30 km from Culiacán on Monday.",
         "30 km from Culiacán"),
        ("A shepherd saw Rodrigo Salcedo Ibarra 30 km from Culiacán on Monday.",
         "30 km from Culiacán"),
        ("Rodrigo Salcedo Ibarra was seen 30 km outside Culiacán on Monday.",
         "30 km outside Culiacán"),
    ],
)  # fmt: skip
def test_a_seeing_at_a_distance_is_on_the_ring(text: str, name: str, nlp: Any) -> None:
    (s,) = sightings(_salcedo(text, nlp))
    assert isinstance(s.place, Area) and s.place_name == name
    # the exterior at 130 %, the hole at 70 % of the distance
    assert _radii_km(s.place) == pytest.approx([39.0, 21.0], abs=0.2)
    assert s.subject == "target" and s.sigma_km == 10.0
    assert "the ring from 21 to 39 km" in s.note


@pytest.mark.parametrize(
    ("text", "name", "km"),
    [
        ("Rodrigo Salcedo Ibarra was spotted within 5 km of Culiacán on Monday.",
         "within 5 km of Culiacán", 5.0),
        ("Rodrigo Salcedo Ibarra was seen less than 30 km from Culiacán on Monday.",
         "less than 30 km from Culiacán", 30.0),
    ],
)  # fmt: skip
def test_a_seeing_within_a_distance_is_the_disc_of_it(
    text: str, name: str, km: float, nlp: Any
) -> None:
    (s,) = sightings(_salcedo(text, nlp))
    assert isinstance(s.place, Area) and s.place_name == name
    assert _radii_km(s.place) == pytest.approx([km], abs=0.05)  # no hole


def test_a_seeing_farther_than_a_distance_is_set_aside(nlp: Any) -> None:
    text = "Rodrigo Salcedo Ibarra was seen more than 30 km from Culiacán on Monday."
    r = _salcedo(text, nlp)
    assert not sightings(r) and not claims(r)
    assert any(
        x.reason == "no_place" and "more than 30 km from" in x.detail
        for x in r.rejected
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rodrigo Salcedo Ibarra was seen in Culiacán on Monday.", "Culiacán"),
        ("Rodrigo Salcedo Ibarra was seen near Culiacán on Monday.", "Culiacán"),
        ("Rodrigo Salcedo Ibarra was seen about 20 miles north of Culiacán on "
         "Monday.", "20 miles north of Culiacán"),
    ],
)  # fmt: skip
def test_a_seeing_with_no_distance_keeps_its_point(
    text: str, name: str, nlp: Any
) -> None:
    (s,) = sightings(_salcedo(text, nlp))
    assert isinstance(s.place, Point) and s.place_name == name
    if "north" in text:  # the offset: 32 km along the side named
        km = float(haversine_km(*_CULIACAN, s.place.lon, s.place.lat))
        assert km == pytest.approx(32.2, abs=0.5) and s.place.lat > _CULIACAN[1]


def test_a_things_distance_is_its_trace_not_the_targets_sighting(nlp: Any) -> None:
    text = (
        "Rodrigo Salcedo Ibarra fled last week. His car was found 30 km from "
        "Culiacán on Monday."
    )
    (s,) = sightings(_salcedo(text, nlp))
    assert s.subject == "associate" and "a trace of the target" in s.note
    assert s.place_name == "30 km from Culiacán" and isinstance(s.place, Area)
    assert not claims(_salcedo(text, nlp))


def test_a_ring_sighting_keeps_its_middle_less_likely_when_fused(nlp: Any) -> None:
    from geosleuth.fuse import fuse
    from geosleuth.grid import Grid

    grid = Grid.around(*_CULIACAN, radius_km=80.0, cell_km=2.0)
    lons, lats = grid.cell_lonlat()
    d = np.asarray(haversine_km(*_CULIACAN, lons, lats))

    def posterior(text: str) -> Any:
        (item,) = [*sightings(_salcedo(text, nlp)), *claims(_salcedo(text, nlp))]
        est = fuse([item], grid, as_of=PUB, contributions=False)
        return np.asarray(est.posterior)

    seen = posterior(
        "Rodrigo Salcedo Ibarra was last seen 30 km from Culiacán, police said."
    )
    said = posterior("Rodrigo Salcedo Ibarra is 30 km from Culiacán, police said.")
    town = posterior("Rodrigo Salcedo Ibarra was last seen in Culiacán, police said.")
    centre = int(np.argmin(d))
    # the σ of 10 km softens the ring's edges, and the hole stays: the town
    # itself is much less likely than the ring, as for the claim of the ring
    assert seen[centre] < 0.5 * seen[(d > 25) & (d < 35)].mean()
    np.testing.assert_allclose(seen, said, rtol=0.02)
    ring = (d > 20) & (d < 40)
    assert seen[ring].sum() > town[ring].sum()


@pytest.mark.parametrize(
    "text",
    [
        "Rodrigo Salcedo Ibarra is hiding 30 km from Culiacán, officials said.",
        "Rodrigo Salcedo Ibarra is more than 30 km from Culiacán, officials said.",
        "Rodrigo Salcedo Ibarra was last seen 30 km from Culiacán on Monday.",
    ],
)
def test_a_distance_read_of_the_target_is_no_front_set_aside(
    text: str, nlp: Any
) -> None:
    r = _salcedo(text, nlp)
    assert claims(r) or sightings(r)
    assert not any(_NO_FORCE in x.detail for x in r.rejected)


def test_a_distance_that_no_item_read_is_still_set_aside(nlp: Any) -> None:
    text = (
        "His car was found 30 km from Culiacán, officials said. Rodrigo Salcedo "
        "Ibarra is missing."
    )
    r = _salcedo(text, nlp)
    assert not claims(r) and not sightings(r)
    assert any(_NO_FORCE in x.detail for x in r.rejected)


_SEEN = "Police said an officer saw Rodrigo Salcedo Ibarra in Culiacán on Friday. "
_QUOTE = '"He was leaving a clinic," said General Rafael Ospina. '


@pytest.mark.parametrize(
    "text",
    [
        _SEEN + _QUOTE + "The sighting could not be confirmed.",
        _SEEN + _QUOTE + "The sighting could not be independently confirmed by "
        "Reuters.",
        # the adjacent doubt, as before
        _SEEN + "The sighting could not be confirmed.",
    ],
)
def test_a_later_doubt_of_the_sighting_lowers_it(text: str, nlp: Any) -> None:
    (s,) = sightings(_salcedo(text, nlp))
    assert s.hedge == "probable" and "disputed" in s.note


def test_the_probe_p7_reads_the_doubt(nlp: Any) -> None:
    text = (
        "Police said an officer saw Héctor Villamizar Rojas in Cúcuta on Friday. "
        '"He was leaving a clinic," said General Rafael Ospina. The sighting '
        "could not be confirmed."
    )
    (s,) = sightings(_salcedo(text, nlp, target="Héctor Villamizar Rojas"))
    assert (s.place_name, s.hedge) == ("Cúcuta", "probable")


@pytest.mark.parametrize(
    "text",
    [
        _SEEN + _QUOTE + "The sighting was confirmed by police.",
        _SEEN + "A fire broke out in a warehouse in the city. The cause of the "
        "fire could not be confirmed.",
        # "the account" may be the general's, the sentence just before
        _SEEN + _QUOTE + "The account could not be confirmed.",
        # another paragraph
        _SEEN + "\n\n" + _QUOTE + "The sighting could not be confirmed.",
    ],
)
def test_a_later_word_of_something_else_leaves_the_sighting(
    text: str, nlp: Any
) -> None:
    (s,) = sightings(_salcedo(text, nlp))
    assert s.hedge == "certain" and "disputed" not in s.note


def test_a_sighting_between_is_the_one_doubted(nlp: Any) -> None:
    text = (
        _SEEN + "A rancher said he saw Rodrigo Salcedo Ibarra in Mazatlán. "
        "The sighting could not be confirmed."
    )
    got = {s.place_name: s.hedge for s in sightings(_salcedo(text, nlp))}
    assert got == {"Culiacán": "certain", "Mazatlán": "probable"}


def test_a_seeing_told_between_stops_the_doubt(nlp: Any) -> None:
    # a seeing at no place between: "the sighting" may be the driver's
    text = (
        _SEEN + "A driver said he had seen him too. The sighting could not be "
        "confirmed."
    )
    hedges = [s.hedge for s in sightings(_salcedo(text, nlp)) if s.place_name]
    assert hedges[:1] == ["certain"]
