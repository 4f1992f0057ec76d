"""Searches that found nothing, read from text (:mod:`geosleuth.read.searches`).

Each test pins what is read from real sentences: a search for the target at a
place that found nothing is a ``Searched`` item, its area the place buffered by
the radius a claim there would have, its pd :data:`SEARCH_PD`, its hedge, date,
grade and speaker read as for any item; and the sentences on the other side of
the rule (a search under way, to come, denied, under a condition, with no
outcome, that found the target, for someone else, of a whole country, of one
building in a town), each set aside with its reason, while what the other rules
read in the sentence stays read.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from geosleuth.evidence import LifeStatus, Searched
from geosleuth.geometry import Point
from geosleuth.read.searches import SEARCH_PD
from reading import BAGHDADI, DOE, PUB, claims, reader, set_aside

pytestmark = pytest.mark.nlp

_read = reader(DOE)

_NOTE = "read as a search that found nothing"


def _searched(reading: Any) -> list[Searched]:
    return [i for i in reading.evidence if isinstance(i, Searched)]


# -- 1. what is read -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "target", "expected", "cue"),
    [
        # (place, buffer_km, hedge, speaker, grade, date); each gave no item
        ("Police searched the woods near Aspen on Tuesday but found no trace of "
         "Jane Doe.", DOE, ("Aspen", 20.0, "certain", None, "F3", PUB),
         "found no trace of Jane Doe"),
        ("Searchers found no sign of Jane Doe in Glencoe.", DOE,
         ("Glencoe", 10.0, "certain", None, "F3", PUB),
         "found no sign of Jane Doe in Glencoe"),
        # "her" is the target named in the sentence before
        ("Jane Doe went missing on Saturday. Divers searched the river at York on "
         "Monday but did not find her.", DOE,
         ("York", 10.0, "certain", None, "F3", dt.date(2018, 6, 4)),
         "did not find her"),
        # no one named as sought: the target is the person named last before it
        ("Jane Doe went missing on Saturday. A search of the forest near Vail "
         "turned up nothing.", DOE, ("Vail", 20.0, "certain", None, "F3", PUB),
         "turned up nothing"),
        ("Troops searched Mosul for al-Baghdadi but he was not there.", BAGHDADI,
         ("Mosul", 10.0, "certain", None, "F3", PUB), "he was not there"),
        ("Rescuers combed the slopes above Chamonix, France, for Jane Doe without "
         "success.", DOE,
         ("Chamonix-Mont-Blanc", 10.0, "certain", None, "F3", PUB),
         "without success"),
        ("Jane Doe went missing on Saturday. Rescuers scoured the hills around "
         "Glencoe in vain.", DOE, ("Glencoe", 20.0, "certain", None, "F3", PUB),
         "in vain"),
        ("Jane Doe went missing on Saturday. The search for her in Leeds has been "
         "fruitless.", DOE, ("Leeds", 10.0, "certain", None, "F3", PUB),
         "been fruitless"),
        # the hedge is the search's own
        ("Jane Doe went missing on Saturday. Police reportedly searched the woods "
         "near Aspen but found no trace of her.", DOE,
         ("Aspen", 20.0, "probable", None, "F5", PUB), "found no trace of her"),
        ("Jane Doe went missing on Saturday. Police may have searched the woods "
         "near Aspen, but found no trace of her.", DOE,
         ("Aspen", 20.0, "possible", None, "F3", PUB), "found no trace of her"),
        # graded by who says it; a speaker is no one sought
        ("Jane Doe went missing on Saturday. Sheriff John Smith said a search of "
         "the forest near Vail turned up nothing.", DOE,
         ("Vail", 20.0, "certain", "John Smith", "F2", PUB), "turned up nothing"),
        # a description of the one sought that may be hers
        ("Jane Doe went missing on Saturday. Police searched Leeds for the missing "
         "woman but found nothing.", DOE,
         ("Leeds", 10.0, "certain", None, "F3", PUB), "found nothing"),
    ],
)  # fmt: skip
def test_a_search_for_the_target_that_found_nothing_is_a_searched_area(
    text: str, target: str, expected: tuple[Any, ...], cue: str, nlp: Any
) -> None:
    reading = _read(text, nlp, target)
    (item,) = _searched(reading)
    got = (
        item.place_name,
        item.buffer_km,
        item.hedge,
        item.provenance.speaker,
        str(item.grade),
        item.date,
    )
    assert got == expected
    assert item.kind == "searched"
    assert item.pd == SEARCH_PD
    assert isinstance(item.area, Point)
    assert item.note.startswith(f"{_NOTE} ({cue!r})")
    # provenance as for any item read: the sentence, its span, the document
    s, e = item.provenance.span
    assert reading.text[s:e] == item.provenance.quote
    assert item.provenance.quote in text
    assert item.provenance.published == PUB
    assert item.id.startswith("document:n")


def test_a_search_above_a_town(nlp: Any) -> None:
    # "above", "below", "beyond" and "off" are cues of a place after them
    text = "Rescuers combed the slopes above Chamonix for Jane Doe without success."
    (item,) = _searched(_read(text, nlp))
    assert item.place_name == "Chamonix-Mont-Blanc"


def test_the_area_is_the_place_buffered_as_a_claim_there_would_be(nlp: Any) -> None:
    searched = _searched(
        _read(
            "Jane Doe went missing on Saturday. Police searched the woods near Aspen "
            "but found no trace of her.",
            nlp,
        )
    )
    claimed = claims(
        _read(
            "Jane Doe went missing on Saturday. Police believe she is hiding in the "
            "woods near Aspen.",
            nlp,
        )
    )
    (s,) = searched
    (c,) = claimed
    assert (s.area, s.buffer_km, s.place_name) == (c.place, c.buffer_km, c.place_name)
    assert s.buffer_km == 20.0  # "near" doubles the town buffer
    assert "buffered by 20 km, as a claim there would be" in s.note
    assert f"pd {SEARCH_PD:g}" in s.note and "no coverage or sweep width" in s.note
    # a search read from text never empties an area (fusion: 1 - pd x p_true)
    assert 0.0 < SEARCH_PD < 1.0


def test_no_evidence_of_her_is_what_was_not_found_not_a_hedge(nlp: Any) -> None:
    (item,) = _searched(
        _read(
            "Jane Doe went missing on Saturday. Police searched the woods near Aspen "
            "but found no evidence of her.",
            nlp,
        )
    )
    assert item.hedge == "certain"


def test_a_disputed_search_is_one_level_less_sure(nlp: Any) -> None:
    (item,) = _searched(
        _read(
            "Jane Doe went missing on Saturday. Police searched the woods near Aspen "
            "but found no trace of her, a claim her family denied.",
            nlp,
        )
    )
    assert item.hedge == "probable"
    assert "disputed ('a claim her family denied')" in item.note


# -- 2. what is not read, and why ----------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "reason", "words"),
    [
        # under way, to come, with no outcome, denied, under a condition
        ("Police are searching the woods near Aspen for her.", "conditional",
         "still under way ('are searching')"),
        ("Police have been searching the woods near Aspen for her since Friday.",
         "conditional", "still under way ('have been searching')"),
        ("Police will search the woods near Aspen for her.", "conditional",
         "to come ('will search')"),
        ("Police plan to search the woods near Aspen for her.", "conditional",
         "to come ('plan to search')"),
        ("A search for her in the woods near Aspen is planned.", "conditional",
         "to come ('planned')"),
        ("Police searched the woods near Aspen for her on Tuesday.", "conditional",
         "whose outcome the sentence does not give"),
        ("Police searched the woods near Aspen for her and found drugs.",
         "conditional",
         "whose outcome the sentence does not give"),
        ("If police searched the woods near Aspen, they found nothing.",
         "conditional", "under a condition ('If')"),
        ("Police did not search the woods near Aspen for her.", "negated",
         "denied ('did not search')"),
        # for someone or something else
        ("Police searched Leeds for Tom Fox but found nothing.", "not_target",
         "for someone or something else ('Tom Fox')"),
        ("Police searched a park in Leeds for her brother but found nothing.",
         "not_target", "for someone or something else ('her brother')"),
        ("Police searched homes in Leeds for her brother but found nothing.",
         "not_target", "for someone or something else ('her brother')"),
        ("Police searched the woods near Aspen but found no trace of her brother.",
         "not_target", "for someone or something else ('her brother')"),
        ("Police searched Leeds for weapons but found nothing.", "not_target",
         "for someone or something else ('weapons')"),
        # no one named as sought, and the target is not the person named last
        ("Police are also looking for Tom Fox. A search of the forest near Vail "
         "turned up nothing.", "not_target", "not tied to the target"),
        # too vague
        ("Police searched France but found no trace of her.", "no_place",
         "'France', a whole country, that found nothing: too vague"),
        ("Police searched Texas but found no trace of her.", "no_place",
         "a whole division (state, province, region), that found nothing: too "
         "vague"),
        # one building in a town is no search of the town
        ("A raid on a house in Leeds found nothing.", "no_place",
         "a search of a building in 'Leeds' ('a house in Leeds') that found "
         "nothing: where the building stands within 'Leeds' is unknown"),
    ],
)  # fmt: skip
def test_what_is_no_search_that_found_nothing_is_set_aside_with_why(
    sentence: str, reason: str, words: str, nlp: Any
) -> None:
    text = f"Jane Doe went missing on Saturday. {sentence}"
    reading = _read(text, nlp)
    assert not _searched(reading)
    start = text.index(sentence)
    mine = [
        x
        for x in reading.rejected
        if start <= x.span[0] and "search" in x.detail and x.reason == reason
    ]
    assert mine, reading.rejected
    assert words in mine[0].detail


def test_a_search_for_the_targets_relative_is_not_hers(nlp: Any) -> None:
    # "Jane Doe's brother" is named last: the search is not tied to the target
    reading = _read(
        "Jane Doe's brother went missing on Saturday. A search of the forest near "
        "Vail turned up nothing.",
        nlp,
    )
    assert not _searched(reading)
    assert [r for r, _ in set_aside(reading)] == ["not_target"]


def test_a_pronoun_of_the_other_gender_is_not_the_target(nlp: Any) -> None:
    reading = _read(
        "Mrs Jane Doe went missing on Saturday. Troops searched Leeds for him but "
        "found nothing.",
        nlp,
    )
    assert not _searched(reading)
    assert ("not_target", "Troops searched Leeds for him but found nothing.") in (
        set_aside(reading)
    )


@pytest.mark.parametrize(
    "sentence",
    [
        # a search under way or to come, in a sentence that does not name the
        # target, is not worth the parse (geosleuth.read.searches.may_be_search)
        "Police are searching the woods near Aspen.",
        "Police will search the woods near Aspen.",
        # the toponym detector takes no place here ("Leeds" is a person to the
        # tagger), so there is no search at a place to read or set aside
        "Police searched Leeds for her brother but found nothing.",
    ],
)
def test_no_searched_area_is_read_from_these(sentence: str, nlp: Any) -> None:
    reading = _read(f"Jane Doe went missing on Saturday. {sentence}", nlp)
    assert not _searched(reading)
    assert not reading.evidence


def test_a_search_that_found_her_body_is_the_findings(nlp: Any) -> None:
    reading = _read(
        "Jane Doe went missing on Saturday. Divers searched the river at York and "
        "found her body.",
        nlp,
    )
    assert not _searched(reading)
    assert [i.status for i in reading.evidence if isinstance(i, LifeStatus)] == ["dead"]
    # no "search" set aside: the finding is found.py's to read
    assert not [x for x in reading.rejected if "a search of" in x.detail]


def test_a_raid_on_a_house_that_found_nothing_refutes_the_belief(nlp: Any) -> None:
    # the belief that led to the raid is what the raid found wrong: no claim that
    # she is in Leeds (review 14: it made the raided town the top place)
    reading = _read(
        "Jane Doe went missing on Saturday. A raid on a house in Leeds where Jane "
        "Doe was thought to be hiding found nothing.",
        nlp,
    )
    assert not _searched(reading)
    assert not reading.evidence
    (aside,) = [x for x in reading.rejected if "a search of" in x.detail]
    assert aside.reason == "no_place"
    assert "is no search of the whole place" in aside.detail
    assert "the belief that led to the search" in aside.detail
    # the review's wording: police raided, "but found nothing"
    reading = _read(
        "Colombian police raided a house in Barranquilla on Tuesday where Jane Doe "
        "was thought to be hiding, but found nothing.",
        nlp,
    )
    assert not reading.evidence
    assert any("Barranquilla" in x.detail for x in reading.rejected)


def test_a_claim_in_another_clause_stays_read(nlp: Any) -> None:
    reading = _read(
        "Jane Doe went missing on Saturday. Police searched the woods near Aspen but "
        "found no trace of her, and they believe she is hiding in Denver.",
        nlp,
    )
    (searched,) = _searched(reading)
    (claim,) = claims(reading)
    assert searched.place_name == "Aspen"
    assert (claim.place_name, claim.hedge) == ("Denver", "probable")


def test_a_qualifier_is_no_second_search(nlp: Any) -> None:
    reading = _read(
        "Jane Doe went missing on Saturday. Rescuers searched Leadville, Colo., but "
        "found no trace of her.",
        nlp,
    )
    (item,) = _searched(reading)
    assert item.place_name == "Leadville"
    assert ("not_target", "Colo.") in set_aside(reading)


# -- 3. the sentences parsed ---------------------------------------------------------
def test_only_a_search_that_found_nothing_at_a_place_asks_for_the_parse() -> None:
    from geosleuth.read.document import _needs_parse

    def needs(text: str, place: str | None) -> bool:
        at = text.find(place) if place else -1
        mentions = [SimpleNamespace(start=at)] if place else []
        return _needs_parse(text, (0, len(text)), mentions, [])

    assert needs("A search of the forest near Vail turned up nothing.", "Vail")
    assert needs("Divers combed the river at York in vain.", "York")
    # a search with no word of nothing found is not parsed for this rule
    assert not needs("Divers combed the river at York.", "York")
    assert not needs("Volunteers continue to search in Hebden Bridge.", "Hebden")
    assert needs("Searchers found no trace of anyone in Glencoe.", "Glencoe")
    assert not needs("The forest near Vail is green.", "Vail")
    assert not needs("A search of the archives turned up nothing.", None)
    assert not needs("She researched it in Vail.", "Vail")


# -- 4. end to end: read, then locate -------------------------------------------------
_VAIL = (-106.3742, 39.64026)  # Vail, Colorado
_CASE = """\
target: Jane Doe
region: {west: -108.6, south: 38.4, east: -104.6, north: 40.4}
grid: {cell_km: 4}
evidence:
  - {id: last-seen, kind: sighting, place: {lon: -106.6, lat: 39.4},
     date: 2018-06-02, sigma_km: 30, quote: Last seen between Aspen and Vail.}
"""


def _mass_near(est: Any, lonlat: tuple[float, float], km: float) -> float:
    """The posterior mass within ``km`` of ``lonlat`` (haversine)."""
    lons, lats = est.grid.cell_lonlat()
    lon0, lat0 = np.radians(lonlat)
    lam, phi = np.radians(lons), np.radians(lats)
    a = (
        np.sin((phi - lat0) / 2) ** 2
        + np.cos(lat0) * np.cos(phi) * np.sin((lam - lon0) / 2) ** 2
    )
    d_km = 2 * 6371.0088 * np.arcsin(np.sqrt(a))
    return float(est.posterior[d_km <= km].sum())


def test_read_writes_the_search_and_locate_fuses_it(tmp_path: Path, nlp: Any) -> None:
    from typer.testing import CliRunner

    from geosleuth.cli import app
    from geosleuth.cli.locate import run_locate

    article = tmp_path / "art.txt"
    article.write_text(
        "Jane Doe went missing on Saturday.\n\nPolice searched the woods near "
        "Vail, Colorado, on Monday but found no trace of her.\n",
        encoding="utf-8",
    )
    case = tmp_path / "case.yaml"
    case.write_text(_CASE, encoding="utf-8")
    read_out = tmp_path / "read"
    result = CliRunner().invoke(
        app,
        ["read", str(article), "--out", str(read_out), "--published", "2018-06-05",
         "--target", "Jane Doe"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads((read_out / "evidence.json").read_text(encoding="utf-8"))
    (item,) = data["documents"][0]["evidence"]
    assert (item["id"], item["kind"], item["place_name"]) == (
        "art:n1",
        "searched",
        "Vail",
    )
    assert (item["pd"], item["buffer_km"], item["date"]) == (
        SEARCH_PD,
        20.0,
        "2018-06-04",
    )
    assert item["area"] == {"type": "Point", "coordinates": list(_VAIL)}

    before, _ = run_locate([case], out=tmp_path / "a", quiet=True)
    after, _ = run_locate(
        [case, read_out / "evidence.json"], out=tmp_path / "b", quiet=True
    )
    assert "art:n1" in after.used
    assert after.search_miss is not None and 0.0 < after.search_miss < 1.0
    near_before = _mass_near(before, _VAIL, 15.0)
    near_after = _mass_near(after, _VAIL, 15.0)
    assert near_after < 0.9 * near_before
    # the rest of the map gains what the searched area lost
    assert _mass_near(after, (-106.6, 39.4), 15.0) > _mass_near(
        before, (-106.6, 39.4), 15.0
    )
