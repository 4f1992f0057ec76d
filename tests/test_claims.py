"""Sentences to evidence: attribution, hedges, sightings, fronts, life status."""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import mentions_at
from geosleuth.evidence import Claim, Front, LifeStatus, Sighting
from geosleuth.read.dates import find_dates
from geosleuth.read.hedges import hedge_of
from geosleuth.read.target import Target, find_target_refs, name_key

PUB = dt.date(2018, 5, 15)
TARGET = Target("Abu Bakr al-Baghdadi")
COORDS = {
    "Hajin": (40.831, 34.695),
    "Mosul": (43.118, 36.335),
    "Bukemal": (40.918, 34.453),
    "Mayan": (40.451, 35.017),
    "Deir ez-Zor": (40.141, 35.336),
    "Baghdad": (44.361, 33.341),
}


# -- pure-Python parts (no spaCy) ---------------------------------------------------
@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("al-Baghdadi may have been hiding in Hajin", "possible"),
        ("experts think al-Baghdadi is indeed hiding in Syria", "probable"),
        ("he is hiding in Hajin", "certain"),
        ("he is certainly in Hajin", "certain"),
        ("it is unlikely that he is in Mosul", "doubtful"),
        ("he might be in Raqqa", "possible"),
        ("officials believe he is in Hajin", "probable"),
    ],
)
def test_hedge_comes_from_the_weakest_cue(text: str, hedge: str) -> None:
    assert hedge_of(text)[0] == hedge


def test_relative_dates_count_back_from_publication() -> None:
    (d,) = find_dates("seen in the past two years", published=PUB)
    assert (d.date_from, d.date) == (dt.date(2016, 5, 15), PUB)
    (d,) = find_dates("hampered since January 20", published=PUB)
    assert (d.date_from, d.date, d.kind) == (dt.date(2018, 1, 20), PUB, "since")


def test_partial_date_after_publication_falls_in_the_year_before() -> None:
    (d,) = find_dates("on 3 December", published=PUB)
    assert d.date == dt.date(2017, 12, 3)


def test_relative_dates_need_a_publication_date() -> None:
    assert find_dates("in the past two years") == []
    assert [d.text for d in find_dates("in 2014 and on 28 September 2017")] == [
        "2014",
        "28 September 2017",
    ]


def test_name_variants_of_the_target_share_a_key() -> None:
    keys = {
        name_key(w) for w in ("al-Baghdadi", "Baghdadi", "al-Bagdadi", "Al-Baghdadi’s")
    }
    assert keys == {TARGET.surname_key}
    assert TARGET.nisba_key == name_key("Baghdad")


def test_title_references_need_the_title_seen_with_the_name() -> None:
    text = "ISIS leader al-Baghdadi is in hiding. The ISIS leader was seen."
    kinds = [r.kind for r in find_target_refs(text, TARGET)]
    assert kinds == ["name", "title"]
    assert find_target_refs("The ISIS leader was seen.", TARGET) == []


@given(st.text(max_size=200))
def test_date_spans_index_the_text_they_quote(text: str) -> None:
    for d in find_dates(text, published=PUB):
        assert text[d.start : d.end] == d.text
        assert d.date_from <= d.date <= max(PUB, d.date_from)


# -- with spaCy ----------------------------------------------------------------------
def _mentions(text: str) -> list[Any]:
    return mentions_at(text, COORDS)


def _extract(text: str, nlp: Any, **kw: Any) -> Any:
    from geosleuth.read.claims import extract_evidence
    from geosleuth.read.document import parse

    doc = parse(text, nlp)
    return extract_evidence(
        text, doc, _mentions(text), doc_id="t", published=PUB, target=TARGET, **kw
    )


def test_attributed_claim_has_speaker_role_place_and_hedge(nlp: Any) -> None:
    text = (
        "Abu Ali al-Basri, Director of Intelligence of the Iraqi Interior Ministry "
        "announced that al-Baghdadi may have been hiding in the town of Hajin."
    )
    ex = _extract(text, nlp)
    (c,) = [i for i in ex.items if isinstance(i, Claim)]
    assert c.place_name == "Hajin"
    assert c.provenance.speaker == "Abu Ali al-Basri"
    assert "Director of Intelligence" in (c.provenance.speaker_role or "")
    assert c.hedge == "possible"
    assert str(c.grade) == "F2"
    assert c.polarity == "is"


def test_negated_claim_has_polarity_is_not(nlp: Any) -> None:
    ex = _extract("Officials said that al-Baghdadi is not hiding in Mosul.", nlp)
    (c,) = [i for i in ex.items if isinstance(i, Claim)]
    assert c.polarity == "is_not"


def test_a_question_is_not_a_claim(nlp: Any) -> None:
    ex = _extract("Hiding in Hajin?\n\nThe war goes on.", nlp)
    assert ex.items == ()
    assert [r.reason for r in ex.rejected] == ["question"]


def test_the_target_name_read_as_a_city_is_not_a_place(nlp: Any) -> None:
    text = (
        "Al-Ceyyasi argues that if Baghdad is alive, the best place to hide "
        "would be near Hajin."
    )
    ex = _extract(text, nlp)
    assert not any(
        i.place_name == "Baghdad" for i in ex.items if isinstance(i, (Claim, Sighting))
    )
    assert any(r.reason == "not_a_place" and r.quote == "Baghdad" for r in ex.rejected)
    (c,) = [i for i in ex.items if isinstance(i, Claim)]
    assert c.place_name == "Hajin" and c.hedge == "possible"


def test_associate_sighting_gives_one_group_of_places(nlp: Any) -> None:
    text = (
        "Iyad al-Jamili, who is considered one of the men closest to Baghdadi, "
        "has been seen in the vicinity of Hajin, in Bukemal and Mayan cities, in "
        "the past two years."
    )
    ex = _extract(text, nlp)
    sights = [i for i in ex.items if isinstance(i, Sighting)]
    assert [s.place_name for s in sights] == ["Hajin", "Bukemal", "Mayan"]
    assert {s.subject for s in sights} == {"associate"}
    assert {s.who for s in sights} == {"Iyad al-Jamili"}
    assert len({s.group_key for s in sights}) == 1
    assert {s.date_from for s in sights} == {dt.date(2016, 5, 15)}


def test_old_target_sighting_keeps_its_year(nlp: Any) -> None:
    ex = _extract("Al-Baghdadi was first and last seen in Mosul in 2014.", nlp)
    (s,) = ex.items
    assert isinstance(s, Sighting) and s.subject == "target"
    assert (s.date_from, s.date) == (dt.date(2014, 1, 1), dt.date(2014, 12, 31))


def test_recording_is_proof_of_life_on_its_date(nlp: Any) -> None:
    text = (
        "However, suspicions that he was indeed dead, were weakened after the ISIS "
        "mercenaries broadcast a voice recording allegedly belonging to "
        "al-Baghdadi on 28 September 2017."
    )
    (life,) = _extract(text, nlp).items
    assert isinstance(life, LifeStatus)
    assert (life.status, life.date) == ("alive", dt.date(2017, 9, 28))


def test_rumoured_death_is_a_low_credibility_death_claim(nlp: Any) -> None:
    text = (
        "Al-Baghdadi was seen in Mosul in 2014. Since then, numerous claims have "
        "been made of al-Baghdadi being killed or wounded."
    )
    deaths = [i for i in _extract(text, nlp).items if isinstance(i, LifeStatus)]
    (d,) = deaths
    assert d.status == "dead" and str(d.grade) == "F5" and d.hedge == "possible"
    assert d.date_from == dt.date(2014, 1, 1)


def test_denied_death_is_not_a_death_claim(nlp: Any) -> None:
    text = (
        "The Russian Defense Ministry says there is no evidence of al-Baghdadi's death."
    )
    ex = _extract(text, nlp)
    assert ex.items == ()
    assert [r.reason for r in ex.rejected] == ["negated"]


def test_front_takes_its_bearing_from_the_forces_rear(nlp: Any) -> None:
    text = (
        "The operation is carried out by the Syrian Democratic Forces (SDF) in "
        "rural Deir ez-Zor. SDF fighters are 5 kilometers away from Hajin."
    )
    (f,) = [i for i in _extract(text, nlp).items if isinstance(i, Front)]
    assert (f.force, f.distance_km, f.place_name) == ("SDF", 5.0, "Hajin")
    assert 300 < f.bearing_deg < 340  # Deir ez-Zor lies north-west of Hajin


def test_front_range_and_our_forces_use_the_speaker(nlp: Any) -> None:
    text = (
        "The Syrian Democratic Forces (SDF) advance from Deir ez-Zor. "
        'Speaking to ANF, SDF commander Sêrgo Hesekê said: "The mercenaries use '
        "Hajin as their headquarter. Our forces are now about 6 to 7 kilometers "
        'from the town centre."'
    )
    (f,) = [i for i in _extract(text, nlp).items if isinstance(i, Front)]
    assert (f.force, f.distance_km, f.place_name) == ("SDF", 6.5, "Hajin")
    assert f.provenance.speaker == "Sêrgo Hesekê"
    assert f.provenance.reporting_chain == ("ANF",)


def test_the_same_front_stated_twice_is_one_front(nlp: Any) -> None:
    text = (
        "The operation is carried out by the Syrian Democratic Forces (SDF) in "
        "rural Deir ez-Zor. SDF fighters are 5 kilometers away from Hajin. "
        "Later the SDF were 3 kilometers away from Hajin."
    )
    ex = _extract(text, nlp)
    (f,) = [i for i in ex.items if isinstance(i, Front)]
    assert f.distance_km == 3.0
    assert [r.reason for r in ex.rejected if r.reason == "duplicate"] == ["duplicate"]


def test_front_without_a_known_rear_is_rejected_not_guessed(nlp: Any) -> None:
    ex = _extract("SDF fighters are 5 kilometers away from Hajin.", nlp)
    assert ex.items == ()
    assert [r.reason for r in ex.rejected] == ["bearing"]


@given(
    st.sampled_from(
        [
            "Al-Baghdadi was seen in Mosul in 2014. He said nothing.",
            "Officials think al-Baghdadi is hiding near Hajin.\n\nHiding in Hajin?",
            "SDF fighters are 5 km from Hajin. Baghdadi may be in the region.",
        ]
    )
)
def test_item_spans_always_index_the_sentence_they_quote(text: str) -> None:
    from geosleuth.read.toponyms import load_nlp

    pytest.importorskip("spacy")
    ex = _extract(text, load_nlp())
    for item in ex.items:
        s, e = item.provenance.span
        assert text[s:e] == item.provenance.quote
    for r in ex.rejected:
        assert text[r.span[0] : r.span[1]] == r.quote


# -- the seed article ------------------------------------------------------------------
@pytest.fixture(scope="module")
def seed(shared_dir: Path, nlp: Any) -> Any:
    from geosleuth.read.document import read_document

    path = shared_dir / "corpus" / "seed-2018-baghdadi-hajin.txt"
    if not path.is_file():
        pytest.skip(f"the seed article is not at {path}")
    return read_document(
        path, published="2018-05-15", target="Abu Bakr al-Baghdadi", nlp=nlp
    )


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _claims_by(reading: Any, surname: str) -> list[Claim]:
    return [
        i
        for i in reading.evidence
        if isinstance(i, Claim) and surname in (i.provenance.speaker or "")
    ]


def test_seed_al_basri_places_the_target_in_hajin_possibly(seed: Any) -> None:
    (c,) = _claims_by(seed, "al-Basri")
    assert c.provenance.speaker == "Abu Ali al-Basri"
    assert "Haj" in (c.place_name or "") and c.hedge == "possible"


def test_seed_al_ceyyasi_claims_the_border_region(seed: Any) -> None:
    claims = _claims_by(seed, "al-Ceyyasi")
    assert len(claims) == 2
    assert [c.hedge for c in claims] == ["probable", "possible"]
    assert all("border" in (c.place_name or "") for c in claims)
    assert all(c.provenance.speaker == "Said al-Ceyyasi" for c in claims)


def test_seed_al_hashimi_names_euphrates_province_then_hajin(seed: Any) -> None:
    names = [c.place_name or "" for c in _claims_by(seed, "al-Hashimi")]
    assert names[0] == "Euphrates Province"
    assert any("Haj" in n for n in names[1:])


def test_seed_hesekê_places_the_leaders_in_hajin(seed: Any) -> None:
    claims = _claims_by(seed, "Hesekê")
    assert claims and all("Haj" in (c.place_name or "") for c in claims)
    assert {c.provenance.speaker_role for c in claims} == {"SDF commander"}
    assert {c.hedge for c in claims} == {"probable"}


def test_seed_al_jamili_is_seen_in_three_places(seed: Any) -> None:
    sights = [
        i
        for i in seed.evidence
        if isinstance(i, Sighting) and i.who == "Iyad al-Jamili"
    ]
    names = _fold(" ".join(s.place_name or "" for s in sights))
    assert len(sights) == 3
    assert "Haj" in names and "Kam" in names and "Mayadin" in names


def test_seed_recording_is_proof_of_life(seed: Any) -> None:
    alive = [
        i for i in seed.evidence if isinstance(i, LifeStatus) and i.status == "alive"
    ]
    assert [a.date for a in alive] == [dt.date(2017, 9, 28)]


def test_seed_never_places_the_target_in_baghdad(seed: Any) -> None:
    lon, lat = COORDS["Baghdad"]
    for item in seed.evidence:
        if isinstance(item, (Claim, Sighting)):
            assert "Baghdad" not in (item.place_name or "")
            px, py = item.place.representative()
            assert math.hypot(px - lon, py - lat) > 1.0


def test_seed_heading_question_is_not_a_claim(seed: Any) -> None:
    assert not any(
        i.provenance.quote.startswith("Hiding in Hajin") for i in seed.evidence
    )
    assert any(
        r.reason == "question" and r.quote == "Hiding in Hajin?" for r in seed.rejected
    )


def test_seed_spans_index_the_extracted_text(seed: Any) -> None:
    for item in seed.evidence:
        s, e = item.provenance.span
        assert seed.text[s:e] == item.provenance.quote
    for m in seed.mentions:
        assert seed.text[m.start : m.end] == m.text


def test_parsing_only_the_sentences_that_matter_changes_nothing(
    seed: Any, shared_dir: Path, nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the fast path parses the sentences that can yield evidence; parsing every
    # sentence must give the same items, places, speakers, hedges and spans
    from geosleuth.read import document
    from geosleuth.read.document import read_document

    monkeypatch.setattr(document, "_needs_parse", lambda *a, **k: True)
    full = read_document(
        shared_dir / "corpus" / "seed-2018-baghdadi-hajin.txt",
        published="2018-05-15",
        target="Abu Bakr al-Baghdadi",
        nlp=nlp,
    )
    assert [i.to_dict() for i in full.evidence] == [i.to_dict() for i in seed.evidence]
    assert [m.to_dict() for m in full.mentions] == [m.to_dict() for m in seed.mentions]
