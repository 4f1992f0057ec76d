"""Review r30: distances from a place said of the target, each with its near-miss.

- A bound ("within 30 km of", "less than 30 km from", "in a 30 km radius
  around", "no further than") is the disc of that radius, whatever a town's
  buffer is; "is within 50 km of" and "is less than" are location words.
- A distance with no side ("30 km from", "about 20 miles from", "30 km
  outside") is a ring about that far (the offset's spread either way), an area
  with a hole that the fusion keeps nearly empty.
- A floor ("more than 30 km from", "at least") denies the disc; "is not more
  than" turns back to a bound.
- Near-misses: "30 km north of" stays an offset, a distance after the place
  ("fled Culiacán 30 km away") or of something else ("His car was found 30 km
  from Culiacán", a force 5 km from a town) places no one, and "in Culiacán" or
  "near Culiacán" keep the town's buffer.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from geosleuth.geometry import Area, Point, haversine_km
from reading import PUB, claims, reader

pytestmark = pytest.mark.nlp

_salcedo = reader("Rodrigo Salcedo Ibarra")
_hamilton = reader("Sydney Hamilton")
_SAID = ", officials said."


def _claim(reading: Any) -> Any:
    (claim,) = claims(reading)
    return claim


@pytest.mark.parametrize(
    ("text", "km"),
    [
        ("Rodrigo Salcedo Ibarra is hiding within 30 km of Culiacán" + _SAID, 30.0),
        ("Rodrigo Salcedo Ibarra is less than 30 km from Culiacán" + _SAID, 30.0),
        ("Officials believe that Rodrigo Salcedo Ibarra is within 50 km of Culiacán.",
         50.0),
        ("Officials said Rodrigo Salcedo Ibarra is hiding in a 30 km radius around "
         "Culiacán.", 30.0),
        ("Rodrigo Salcedo Ibarra is hiding no further than 30 km from Culiacán"
         + _SAID, 30.0),
        ("Rodrigo Salcedo Ibarra is no more than 30 km from Culiacán" + _SAID, 30.0),
        # "not more than": the negation of a floor, a bound
        ("Rodrigo Salcedo Ibarra is not more than 30 km from Culiacán" + _SAID, 30.0),
        ("Rodrigo Salcedo Ibarra, who is hiding less than 20 miles from Culiacán, "
         "was charged on Monday.", 20 * 1.609344),
    ],
)  # fmt: skip
def test_a_bound_on_the_distance_is_the_disc_of_it(
    text: str, km: float, nlp: Any
) -> None:
    c = _claim(_salcedo(text, nlp))
    assert isinstance(c.place, Point) and c.polarity == "is"
    assert c.buffer_km == pytest.approx(km)
    assert "Culiacán" in c.place_name


def test_a_bound_in_miles_is_hedged_as_written(nlp: Any) -> None:
    text = "Sydney Hamilton is likely within 10 miles of Fort Erie, police said."
    c = _claim(_hamilton(text, nlp))
    assert (c.place_name, c.hedge, c.polarity) == (
        "within 10 miles of Fort Erie",
        "probable",
        "is",
    )
    assert c.buffer_km == pytest.approx(16.09344)


def _ring_radii_km(c: Any) -> tuple[float, float]:
    """(inner, outer) distances of a ring's hole and exterior from Culiacán."""
    (poly,) = c.place.polygons
    assert len(poly) == 2  # an exterior and a hole
    lon, lat = -107.39421, 24.80209
    outer, inner = (
        float(np.mean(haversine_km(lon, lat, r[:, 0], r[:, 1]))) for r in poly
    )
    return inner, outer


@pytest.mark.parametrize(
    ("text", "radii"),
    [
        ("Rodrigo Salcedo Ibarra is 30 km from Culiacán" + _SAID, (21.0, 39.0)),
        ("Rodrigo Salcedo Ibarra is believed to be hiding about 30 km (19 miles) "
         "from Culiacán.", (21.0, 39.0)),
        ("Rodrigo Salcedo Ibarra is hiding 30 km outside Culiacán" + _SAID,
         (21.0, 39.0)),
        ("Rodrigo Salcedo Ibarra is hiding 20 to 30 km from Culiacán" + _SAID,
         (14.0, 39.0)),
        ("Rodrigo Salcedo Ibarra lives in a village 30 km from Culiacán" + _SAID,
         (21.0, 39.0)),
    ],
)  # fmt: skip
def test_a_distance_with_no_side_is_a_ring_about_that_far(
    text: str, radii: tuple[float, float], nlp: Any
) -> None:
    c = _claim(_salcedo(text, nlp))
    assert isinstance(c.place, Area) and c.buffer_km == 0.0 and c.polarity == "is"
    assert _ring_radii_km(c) == pytest.approx(radii, abs=0.2)


@pytest.mark.parametrize(
    "words", ["is more than 30 km from", "is hiding at least 30 km from"]
)
def test_a_floor_on_the_distance_denies_the_disc(words: str, nlp: Any) -> None:
    c = _claim(_salcedo(f"Rodrigo Salcedo Ibarra {words} Culiacán" + _SAID, nlp))
    assert isinstance(c.place, Point) and c.buffer_km == 30.0
    assert (c.place_name, c.polarity) == ("within 30 km of Culiacán", "is_not")


def test_a_bound_denied_is_the_disc_denied(nlp: Any) -> None:
    text = "Officials denied that Rodrigo Salcedo Ibarra is within 50 km of Culiacán."
    c = _claim(_salcedo(text, nlp))
    assert (c.buffer_km, c.polarity) == (50.0, "is_not")


@pytest.mark.parametrize(
    ("text", "name", "buffer_km"),
    [
        # an offset with a side stays the point along it
        ("Rodrigo Salcedo Ibarra is 30 km north of Culiacán" + _SAID,
         "30 km north of Culiacán", 10.0),
        ("Rodrigo Salcedo Ibarra is hiding in Culiacán" + _SAID, "Culiacán", 10.0),
        ("Rodrigo Salcedo Ibarra is hiding near Culiacán" + _SAID, "Culiacán", 20.0),
    ],
)  # fmt: skip
def test_a_place_with_no_distance_keeps_its_reading(
    text: str, name: str, buffer_km: float, nlp: Any
) -> None:
    c = _claim(_salcedo(text, nlp))
    assert (c.place_name, c.buffer_km, c.polarity) == (name, buffer_km, "is")
    assert isinstance(c.place, Point)


@pytest.mark.parametrize(
    "text",
    [
        # a distance after the place left is no distance from it
        "Rodrigo Salcedo Ibarra fled Culiacán 30 km away" + _SAID,
        # the car's distance, not the target's
        "His car was found 30 km from Culiacán, officials said. Rodrigo Salcedo "
        "Ibarra is missing.",
    ],
)
def test_a_distance_that_is_not_the_targets_places_no_one(text: str, nlp: Any) -> None:
    assert not claims(_salcedo(text, nlp))


def test_a_distance_of_another_subject_draws_no_disc(nlp: Any) -> None:
    # the ranch's distance: where the ranch is, not read as a disc of the target
    text = (
        "The ranch where Rodrigo Salcedo Ibarra is hiding is 30 km from Culiacán"
        + _SAID
    )
    assert all(c.buffer_km != 30.0 for c in claims(_salcedo(text, nlp)))
    assert not any(isinstance(c.place, Area) for c in claims(_salcedo(text, nlp)))


def test_a_forces_distance_is_a_front_not_a_claim(nlp: Any) -> None:
    text = (
        "The SDF were only 5 kilometers away from Hajin, where many of the ISIS "
        "leaders are hiding, Hesekê said."
    )
    r = _salcedo(text, nlp, target="Abu Bakr al-Baghdadi")
    assert all(c.buffer_km != 5.0 for c in claims(r))
    assert not any(isinstance(c.place, Area) for c in claims(r))


def test_the_ring_keeps_its_middle_nearly_empty_when_fused(nlp: Any) -> None:
    from geosleuth.fuse import fuse
    from geosleuth.grid import Grid

    lon, lat = -107.39421, 24.80209
    grid = Grid.around(lon, lat, radius_km=80.0, cell_km=2.0)
    lons, lats = grid.cell_lonlat()
    d = np.asarray(haversine_km(lon, lat, lons, lats))

    def posterior(text: str) -> Any:
        c = _claim(_salcedo(text, nlp))
        est = fuse([c], grid, as_of=PUB, contributions=False)
        return np.asarray(est.posterior)

    ring = posterior("Rodrigo Salcedo Ibarra is 30 km from Culiacán" + _SAID)
    disc = posterior("Rodrigo Salcedo Ibarra is within 30 km of Culiacán" + _SAID)
    town = posterior("Rodrigo Salcedo Ibarra is in Culiacán" + _SAID)
    centre = int(np.argmin(d))
    # the hole: the town itself is much less likely than the ring around it
    assert ring[centre] < 0.5 * ring[(d > 25) & (d < 35)].mean()
    # the disc of 30 km holds more within 30 km than the ring, and is as likely
    # 25 km out as in the town, where the town's own 10 km falls off
    assert disc[d < 30].sum() > ring[d < 30].sum()
    at_25 = (d > 24) & (d < 26)
    assert disc[at_25].mean() == pytest.approx(disc[centre], rel=1e-6)
    assert town[at_25].mean() < 0.7 * town[centre]


def test_a_bound_on_towns_joined_by_or_is_their_discs_of_it(nlp: Any) -> None:
    text = (
        "Rodrigo Salcedo Ibarra is hiding within 30 km of Culiacán or Navolato" + _SAID
    )
    c = _claim(_salcedo(text, nlp))
    assert c.place_name == "Culiacán or Navolato"
    assert "union of discs of 30 km" in c.note


def test_where_the_target_died_is_as_far_as_written(nlp: Any) -> None:
    text = "Rodrigo Salcedo Ibarra was killed 30 km from Culiacán" + _SAID
    c = _claim(_salcedo(text, nlp))
    assert isinstance(c.place, Area) and c.place_name == "30 km from Culiacán"
    assert _ring_radii_km(c) == pytest.approx((21.0, 39.0), abs=0.2)


def test_a_distance_from_a_river_is_intersected_with_the_country(nlp: Any) -> None:
    text = (
        "Abu Bakr al-Baghdadi is hiding in Syria, 30 km from the Euphrates, "
        "officials said."
    )
    c = _claim(_salcedo(text, nlp, target="Abu Bakr al-Baghdadi"))
    assert c.place_name == "Syria ∩ 30 km from Euphrates"
    assert isinstance(c.place, Area) and "the ring from 21 to 39 km" in c.note
