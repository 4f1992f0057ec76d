"""Helper k87: what an area read from an article is, and no "(drawn)".

- Review r63's case came from an article ("in Durango": 48 % of the map in the
  Durango state polygon, shown as just "Durango"), yet only a case file's items
  kept a ``place_kind``. A sighting or claim the reader builds on a gazetteer
  area now keeps it too, by the one rule both use
  (:func:`geosleuth.gazetteer.area_kind`), so ``locate`` on the article says
  "Durango (state)". A shape the reading draws from the places (the union of
  "Durango or Sinaloa", the bound of "within 30 km of Durango") and a town keep
  none.
- A polygon drawn in the case file shows no "(drawn)" after the analyst's own
  name ("ISIS pocket north of the Euphrates (May 2018) (drawn)" read oddly);
  the items, estimate.json and the GeoJSON keep ``drawn``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from geosleuth.cli import app
from geosleuth.evidence import Claim, Sighting
from geosleuth.gazetteer import Place, area_kind
from geosleuth.geometry import Area, Point
from reading import reader

runner = CliRunner()
SALCEDO = "Rodrigo Salcedo Ibarra"
_read = reader(SALCEDO)


def _run(*args: Any) -> Any:
    return runner.invoke(app, [str(a) for a in args], terminal_width=400)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _placed(reading: Any) -> list[tuple[str, str | None, str | None]]:
    return [
        (type(i).__name__, i.place_name, i.place_kind)
        for i in reading.evidence
        if isinstance(i, (Sighting, Claim))
    ]


# ------------------------------------------------------------ one rule, one home
@pytest.mark.parametrize(
    ("kind", "country", "geometry", "expected"),
    [
        ("admin", "MX", Area.box(-107.0, 22.0, -103.0, 26.0), "state"),
        ("admin", "ML", Area.box(-1.0, 18.0, 2.0, 20.0), "region"),
        ("admin", "SY", Area.box(39.0, 34.0, 41.0, 36.0), "province"),
        ("country", "RS", Area.box(19.0, 42.0, 23.0, 46.0), "country"),
        # near misses: a division with no word for it, a division as a point
        ("county", "US", Area.box(-105.0, 39.0, -104.0, 40.0), None),
        ("admin", "MX", Point(-104.67, 24.02), None),
        ("town", "MX", Point(-107.39, 24.80), None),
    ],
)
def test_the_kind_of_a_gazetteer_area_is_said_by_one_rule(
    kind: str, country: str, geometry: Any, expected: str | None
) -> None:
    place = Place("X", 0.0, 0.0, geometry, kind, None, country, 0, "test")  # type: ignore[arg-type]
    assert area_kind(place) == expected


def test_the_case_file_keeps_no_rule_of_its_own() -> None:
    import geosleuth.casefile._items as items

    assert not hasattr(items, "_area_kind")
    assert items.area_kind is area_kind


# ------------------------------------------------------- areas read from articles
@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        (
            "Police said on Monday that Rodrigo Salcedo Ibarra is hiding in the "
            "state of Durango.",
            SALCEDO,
            [("Claim", "Durango", "state")],
        ),
        (
            "Rodrigo Salcedo Ibarra was seen in Durango state last week, police said.",
            SALCEDO,
            [("Sighting", "Durango", "state")],
        ),
        (  # a movement's start
            "Rodrigo Salcedo Ibarra left Sinaloa state on Monday, police said.",
            SALCEDO,
            [("Sighting", "Sinaloa", "state")],
        ),
        (  # where the target died
            "Rodrigo Salcedo Ibarra was killed in Sinaloa state, police said.",
            SALCEDO,
            [("Claim", "Sinaloa", "state")],
        ),
        (  # denied: the area is still a state
            "Police said Rodrigo Salcedo Ibarra is not in Sonora.",
            SALCEDO,
            [("Claim", "Sonora", "state")],
        ),
        (
            "Officials said Abu Bakr al-Baghdadi is hiding in Deir ez-Zor province.",
            "Abu Bakr al-Baghdadi",
            [("Claim", "Deir ez-Zor Governorate", "province")],
        ),
        (
            "Police said Dragan Vuković is hiding in Serbia.",
            "Dragan Vuković",
            [("Claim", "Serbia", "country")],
        ),
    ],
)
def test_an_area_read_from_an_article_keeps_its_kind(
    text: str, target: str, expected: list[Any], nlp: Any
) -> None:
    assert _placed(_read(text, nlp, target=target)) == expected


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the union of two states is no state
        (
            "Police said Rodrigo Salcedo Ibarra is hiding in Durango or Sinaloa.",
            [("Claim", "Durango or Sinaloa", None)],
        ),
        # the state buffered by a bound is no state either
        (
            "Police said Rodrigo Salcedo Ibarra is hiding within 30 km of Durango.",
            [("Claim", "within 30 km of Durango", None)],
        ),
        # a town is a point
        (
            "Police said Rodrigo Salcedo Ibarra is hiding in Culiacán.",
            [("Claim", "Culiacán", None)],
        ),
    ],
)
def test_a_shape_drawn_from_the_places_keeps_no_kind(
    text: str, expected: list[Any], nlp: Any
) -> None:
    assert _placed(_read(text, nlp)) == expected


@pytest.mark.nlp
def test_the_reading_writes_the_kind_only_where_it_has_one(nlp: Any) -> None:
    text = (
        "Police said Rodrigo Salcedo Ibarra is hiding in the state of Durango. "
        "He was earlier seen in Culiacán, they said."
    )
    dicts = {i.place_name: i.to_dict() for i in _read(text, nlp).evidence}
    assert dicts["Durango"]["place_kind"] == "state"
    assert "place_kind" not in dicts["Culiacán"]


@pytest.mark.nlp
def test_locate_on_the_article_says_durango_state(tmp_path: Path, nlp: Any) -> None:
    article = tmp_path / "durango.txt"
    article.write_text(
        "Fugitive hides in Durango\n\nPolice said on Monday that Rodrigo Salcedo "
        "Ibarra, a fugitive drug lord, is hiding in the state of Durango.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = _run(
        "locate", article, "--target", SALCEDO, "--published", "2018-06-05",
        "--as-of", "2018-06-10", "--out", out,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    flat = _flat(result.output)
    assert "Areas named in the evidence" in flat
    assert "│ Durango (state) │" in flat
    assert "lies in Durango (state), an area named by 1 item" in flat
    rec = json.loads((out / "estimate.json").read_text(encoding="utf-8"))
    (row,) = rec["named_areas"]["areas"]
    assert (row["name"], row["kind"]) == ("Durango", "state")
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "<bdi>Durango</bdi> (state)</td>" in page
    result = _run("verify", out)
    assert result.exit_code == 0, result.output
    assert "ok  areas named in the evidence" in result.output


# --------------------------------------------------------- a drawn area, unlabelled
_DRAWN = """\
target: Hernán Quiroga Salas
title: a pocket in the sierra
as_of: 2023-04-01
region: {west: -110.0, south: 22.0, east: -101.0, north: 28.0}
grid: {cell_km: 20}
places:
  Culiacán: {lon: -107.39421, lat: 24.80209}
  Sierra pocket:
    polygon: [[-107.0, 25.0], [-106.2, 25.0], [-106.2, 25.8], [-107.0, 25.8]]
evidence:
  - {id: s1, kind: sighting, date: 2023-01-03, place: Culiacán, grade: F2,
     sigma_km: 10, quote: Quiroga was seen in Culiacán.}
  - {id: c4, kind: claim, date: 2023-03-12, place: Sierra pocket, buffer_km: 0,
     grade: B2, quote: He is in the sierra.}
"""
_DURANGO = """\
  - {id: c2, kind: claim, date: 2023-01-10, place: Durango, buffer_km: 0,
     grade: F2, hedge: possible, quote: He may be hiding in Durango state.}
"""


def test_a_drawn_area_shows_no_label_yet_keeps_its_kind(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(_DRAWN + _DURANGO, encoding="utf-8")
    out = tmp_path / "out"
    result = _run("locate", case, "--out", out)
    assert result.exit_code == 0, result.output
    flat = _flat(result.output)
    assert "│ Sierra pocket │" in flat and "(drawn)" not in flat
    assert "│ Durango (state) │" in flat  # near miss: a gazetteer area keeps it
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "<bdi>Sierra pocket</bdi></td>" in page and "(drawn)" not in page
    assert "<bdi>Durango</bdi> (state)</td>" in page
    rec = json.loads((out / "estimate.json").read_text(encoding="utf-8"))
    kinds = {a["name"]: a.get("kind") for a in rec["named_areas"]["areas"]}
    assert kinds == {"Sierra pocket": "drawn", "Durango": "state"}
    (c4,) = [e["item"] for e in rec["evidence"] if e["item"]["id"] == "c4"]
    assert c4["place_kind"] == "drawn"
    fc = json.loads((out / "estimate.geojson").read_text(encoding="utf-8"))
    layer = {
        f["properties"]["name"]: f["properties"].get("kind")
        for f in fc["features"]
        if f["properties"]["layer"] == "named_area"
    }
    assert layer == kinds
    result = _run("verify", out)
    assert result.exit_code == 0, result.output
    assert "ok  areas named in the evidence" in result.output


def test_a_lone_drawn_area_adds_no_note_on_brackets(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(_DRAWN, encoding="utf-8")
    out = tmp_path / "out"
    result = _run("locate", case, "--out", out)
    assert result.exit_code == 0, result.output
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "Areas named in the evidence" in page
    assert "In brackets" not in page
