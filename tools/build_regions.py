"""Regenerate ``src/geosleuth/data/regions.geojson`` from the gazetteer's sources.

Run from the repository root: ``.venv/bin/python tools/build_regions.py``.

- Rivers are polylines through the GeoNames coordinates of the towns on their banks,
  in order from source to mouth (a town-to-town approximation of the channel).
- The Iraq-Syria border is the shared edge of the Natural Earth 1:10m shapes of
  Syria and Iraq, simplified to about 1 km.
- Valleys are the river line buffered by about 10 km.
- Governorates are the convex hull of the GeoNames places in their admin1 code.
- The Euphrates Province (ISIS's Wilayat al-Furat) and the Syrian Badia are drawn by
  hand from descriptions in news reports and public maps: approximate.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import mapping, shape

from geosleuth.gazetteer import Gazetteer
from geosleuth.gazetteer._sources import natural_earth_reader

OUT = Path(__file__).resolve().parent.parent / "src/geosleuth/data/regions.geojson"

EUPHRATES = [  # source (Turkey) to the confluence with the Tigris
    ("Birecik", "TR"),
    ("Jarābulus", "SY"),
    ("Manbij", "SY"),
    ("Aţ Ţabaqah", "SY"),
    ("Ar Raqqah", "SY"),
    ("Deir ez-Zor", "SY"),
    ("Al Mayādīn", "SY"),
    ("Hajīn", "SY"),
    ("Ālbū Kamāl", "SY"),
    ("Al Qā’im", "IQ"),
    ("Rāwah", "IQ"),
    ("‘Anah", "IQ"),
    ("Ḩadīthah", "IQ"),
    ("Hīt", "IQ"),
    ("Ramadi", "IQ"),
    ("Al Fallūjah", "IQ"),
    ("Al Musayyib", "IQ"),
    ("Al Kūfah", "IQ"),
    ("As Samawah", "IQ"),
    ("Nāşirīyah", "IQ"),
    ("Al Qurnah", "IQ"),
]
TIGRIS = [
    ("Diyarbakır", "TR"),
    ("Cizre", "TR"),
    ("Mosul", "IQ"),
    ("Al Qayyārah", "IQ"),
    ("Bayjī", "IQ"),
    ("Tikrīt", "IQ"),
    ("Sāmarrā’", "IQ"),
    ("Baghdad", "IQ"),
    ("Al Kūt", "IQ"),
    ("Al ‘Amārah", "IQ"),
    ("Al Qurnah", "IQ"),
    ("Basrah", "IQ"),
]
HAND = "drawn by hand from news descriptions and public maps; approximate, verify"


def _town(gaz: Gazetteer, name: str, country: str) -> tuple[float, float] | None:
    try:
        place = gaz.resolve(name, country=country)
    except LookupError:
        print(f"  skipped {name} ({country}): not in the gazetteer")
        return None
    if place.country != country:
        print(f"  skipped {name} ({country}): resolved to {place.country}")
        return None
    return (round(place.lon, 4), round(place.lat, 4))


def _river(gaz: Gazetteer, towns: list[tuple[str, str]]) -> list[tuple[float, float]]:
    pts = [_town(gaz, n, c) for n, c in towns]
    return [p for p in pts if p is not None]


def _border(a: str, b: str) -> Any:
    reader = natural_earth_reader()
    assert reader is not None
    geoms = {}
    for sr in reader.iterShapeRecords():
        iso = sr.record.as_dict()["ISO_A2_EH"]
        if iso in (a, b):
            geoms[iso] = shape(sr.shape.__geo_interface__)
    line = shapely.line_merge(
        shapely.intersection(geoms[a].boundary, geoms[b].buffer(0.002))
    )
    return shapely.simplify(line, 0.01)


def _feature(
    name: str,
    kind: str,
    geom: Any,
    *,
    source: str,
    country: str = "",
    alternates: tuple[str, ...] = (),
    representative: Any = None,
) -> dict[str, Any]:
    if representative is None:
        rp = (
            geom.representative_point()
            if geom.geom_type != "LineString"
            else geom.interpolate(0.5, normalized=True)
        )
        representative = (round(rp.x, 4), round(rp.y, 4))
    return {
        "type": "Feature",
        "properties": {
            "name": name,
            "kind": kind,
            "country": country,
            "representative": list(representative),
            "alternate_names": list(alternates),
            "source": source,
        },
        "geometry": json.loads(json.dumps(mapping(geom))),
    }


def main() -> None:
    """Write regions.geojson."""
    gaz = Gazetteer.default()
    feats: list[dict[str, Any]] = []
    eup = shapely.LineString(_river(gaz, EUPHRATES))
    tig = shapely.LineString(_river(gaz, TIGRIS))
    river_src = (
        "polyline through the GeoNames coordinates of the towns on its "
        "banks, in order (town-to-town approximation of the channel)"
    )
    feats.append(
        _feature(
            "Euphrates",
            "river",
            eup,
            source=river_src,
            alternates=(
                "Euphrates River",
                "Euphrates river",
                "the Euphrates",
                "Furat",
                "al-Furat",
                "Firat",
                "Fırat",
            ),
            representative=(40.45, 35.02),
        )
    )
    feats.append(
        _feature(
            "Tigris",
            "river",
            tig,
            source=river_src,
            alternates=("Tigris River", "Tigris river", "the Tigris", "Dijla", "Dicle"),
            representative=(44.36, 33.31),
        )
    )
    valley = shapely.simplify(eup.buffer(0.1), 0.01)
    feats.append(
        _feature(
            "Euphrates valley",
            "region",
            valley,
            source="the Euphrates polyline buffered by 0.1 degree (about 10 km)",
            alternates=(
                "Euphrates River valley",
                "Middle Euphrates valley",
                "Euphrates Valley",
            ),
            representative=(40.83, 34.69),
        )
    )
    border = _border("SY", "IQ")
    feats.append(
        _feature(
            "Iraq–Syria border",
            "border",
            border,
            source=(
                "shared edge of the Natural Earth 1:10m admin-0 shapes of Syria "
                "and Iraq (public domain), simplified to 0.01 degree"
            ),
            alternates=(
                "Iraq-Syria border",
                "Syria-Iraq border",
                "Syrian-Iraqi border",
                "Iraqi-Syrian border",
                "Iraq-Syrian border",
                "Syria–Iraq border",
                "Iraqi border",
                "Syrian border",
            ),
        )
    )
    furat = shapely.Polygon(
        [
            (40.55, 34.25),
            (40.85, 34.10),
            (41.40, 34.15),
            (41.55, 34.40),
            (41.30, 34.70),
            (40.85, 34.80),
            (40.55, 34.60),
            (40.55, 34.25),
        ]
    )
    feats.append(
        _feature(
            "Euphrates Province",
            "region",
            furat,
            source=("ISIS's Wilayat al-Furat around Abu Kamal and al-Qaim, " + HAND),
            alternates=("Wilayat al-Furat", "Wilayat al Furat", "Furat Province"),
            representative=(40.95, 34.42),
        )
    )
    badia = shapely.Polygon(
        [
            (36.9, 33.4),
            (37.6, 34.9),
            (38.3, 35.4),
            (39.6, 35.2),
            (40.3, 34.9),
            (40.8, 34.4),
            (40.9, 34.1),
            (38.8, 33.4),
            (38.0, 32.9),
            (36.9, 33.4),
        ]
    )
    feats.append(
        _feature(
            "Syrian Desert",
            "region",
            badia,
            source=("Syrian Badia between Palmyra, the Euphrates and al-Tanf, " + HAND),
            alternates=(
                "Badia",
                "Syrian Badia",
                "al-Badia",
                "Badiya",
                "Badiyat al-Sham",
            ),
            representative=(38.6, 34.3),
        )
    )
    OUT.write_text(
        json.dumps(
            {"type": "FeatureCollection", "features": feats},
            ensure_ascii=False,
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {OUT} ({len(feats)} features)")


if __name__ == "__main__":
    main()
