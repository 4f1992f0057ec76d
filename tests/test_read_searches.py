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
from reading import BAGHDADI, DOE, PUB, claims, reader, set_aside, sightings

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


# -- 5. review 7 -------------------------------------------------------------------
_MISSING = "Jane Doe went missing on Saturday. "


def _places(reading: Any) -> list[str]:
    return [i.place_name for i in _searched(reading)]


def _asides(reading: Any, text: str) -> list[tuple[str, str]]:
    """(reason, detail) of what was set aside from ``text`` on."""
    start = reading.text.index(text)
    return [(x.reason, x.detail) for x in reading.rejected if x.span[0] >= start]


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        # the tagger labels none of these towns a place (Penrith a person,
        # Harrogate an organisation): the verb or noun of searching before the
        # name is a cue of a place after it, as "in" is (F1)
        ("Police searched Aspen but found no trace of her.", ["Aspen"]),
        ("Police searched Harrogate but found no trace of her.", ["Harrogate"]),
        ("Police searched Penrith but found no trace of her.", ["Penrith"]),
        ("Rescuers scoured Aspen but found no trace of her.", ["Aspen"]),
        ("Rescuers combed Aspen but found no trace of her.", ["Aspen"]),
        ("Police raided Harrogate but found no trace of her.", ["Harrogate"]),
        ("A search of Harrogate proved fruitless.", ["Harrogate"]),
        ("A raid on Harrogate proved fruitless.", ["Harrogate"]),
        ("A search of Harrogate and the surrounding area has so far proved "
         "fruitless.", ["Harrogate"]),
        ("Police searched Carlisle, Penrith and Workington but found no trace of "
         "her.", ["Carlisle", "Penrith", "Workington"]),
    ],
)  # fmt: skip
def test_a_bare_town_searched_is_read_whatever_the_tagger_calls_it(
    sentence: str, places: list[str], nlp: Any
) -> None:
    assert _places(_read(_MISSING + sentence, nlp)) == places


def test_a_bare_town_searched_takes_no_pronoun_from_the_target(nlp: Any) -> None:
    # "Penrith", a person to the tagger, took the "her" of the sighting with it
    # (F1): as a place it is no one named between the target and "her"
    reading = _read(
        _MISSING + "Police had searched Penrith without success before a taxi "
        "driver saw her in Carlisle on Monday.",
        nlp,
    )
    assert [s.place_name for s in sightings(reading)] == ["Carlisle"]
    assert _places(reading) == ["Penrith"]


def test_the_search_cue_takes_no_owner_for_a_place(nlp: Any) -> None:
    # "searched Johnson's car": the owner of a thing, not a town named Johnson
    reading = _read(_MISSING + "Police searched Johnson's car but found nothing.", nlp)
    assert not reading.evidence
    # a search of a bare town for someone else is set aside as such, the town
    # being found now ("Leeds" is a product to the tagger)
    sentence = "Police searched Leeds for her brother but found nothing."
    reading = _read(_MISSING + sentence, nlp)
    assert not reading.evidence
    assert [r for r, _ in _asides(reading, sentence)] == ["not_target"]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # the words of failure are the search's before the finding; the
        # finding is found.py's, and no search that found nothing is read (F13)
        ("Divers searched the lake near Keswick for three days without success "
         "before finding her body there on Friday.", "dead"),
        ("Divers searched the river near York for days in vain; her body was "
         "finally recovered there on 30 May.", None),
        ("Rescuers searched the moors near Haworth without success on Sunday and "
         "Monday, but on Tuesday a dog walker found her alive near Haworth.",
         "alive"),
    ],
)  # fmt: skip
def test_a_search_that_then_found_her_gives_no_search_that_found_nothing(
    sentence: str, found: str | None, nlp: Any
) -> None:
    reading = _read(_MISSING + sentence, nlp)
    assert not _searched(reading)
    status = [i.status for i in reading.evidence if isinstance(i, LifeStatus)]
    assert status == ([found] if found else [])


def test_a_search_of_another_place_than_the_finding_stays(nlp: Any) -> None:
    reading = _read(
        _MISSING + "Police searched the woods near Penrith looking for her, but "
        "found nothing, and then searched Keswick, where she was found hiding in "
        "a barn.",
        nlp,
    )
    assert _places(reading) == ["Penrith"]


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        # a search that found nothing, stated in the passive, with no verb of
        # searching (F3)
        ("No trace of her has been found in the woods near Penrith.",
         "No trace of her has been found"),
        ("No sign of Jane Doe has been found in the woods near Penrith.",
         "No sign of Jane Doe has been found"),
        # the outcome of the search in the "despite" phrase is the main clause
        ("Despite a search of the woods near Penrith, no trace of her has been "
         "found.", "no trace of her has been found"),
    ],
)  # fmt: skip
def test_no_trace_of_her_found_at_a_place_is_a_search_that_found_nothing(
    sentence: str, cue: str, nlp: Any
) -> None:
    reading = _read(_MISSING + sentence, nlp)
    (item,) = _searched(reading)
    assert item.place_name == "Penrith"
    assert item.note.startswith(f"{_NOTE} ({cue!r})")
    assert not _asides(reading, sentence)


def test_no_trace_found_asks_for_the_parse() -> None:
    from geosleuth.read.searches import may_be_search

    assert may_be_search("No trace of the hiker has been found near Penrith.")
    assert not may_be_search("The hiker was last seen near Penrith.")


@pytest.mark.parametrize(
    ("before", "sentence"),
    [
        # the target named with another person just before: a search for the
        # group is hers too (F4)
        ("Jane Doe and her friend Tom Fox went missing on Saturday. ",
         "Police searched the woods near Penrith but found no trace of the pair."),
        ("Jane Doe and her friend Tom Fox went missing on Saturday. ",
         "Police searched the woods near Penrith for them without success."),
        ("Tom Fox and Jane Doe went missing on Saturday. ",
         "Police searched the woods near Penrith for the couple without success."),
        ("Jane Doe, 34, and Tom Fox, 36, went missing on Saturday. ",
         "Police searched the woods near Penrith for the two hikers but found "
         "nothing."),
    ],
)  # fmt: skip
def test_a_search_for_a_group_named_with_the_target_is_hers(
    before: str, sentence: str, nlp: Any
) -> None:
    assert _places(_read(before + sentence, nlp)) == ["Penrith"]


@pytest.mark.parametrize(
    "text",
    [
        # no group named with her: set aside, and said to be a group's
        _MISSING + "Officers searched the woods near Penrith for the missing pair "
        "but found no trace of them.",
        # someone else named after the group
        "Jane Doe and her friend Tom Fox went missing on Saturday. Police are "
        "also looking for Mary Smith. Officers searched the woods near Penrith but "
        "found no trace of the pair.",
    ],
)
def test_a_search_for_a_group_not_tied_to_the_target_is_set_aside(
    text: str, nlp: Any
) -> None:
    reading = _read(text, nlp)
    assert not _searched(reading)
    (aside,) = _asides(reading, "Officers searched")
    assert aside[0] == "not_target"
    assert "for a group (" in aside[1]
    assert "someone or something else" not in aside[1]


@pytest.mark.parametrize(
    ("sentence", "date", "note"),
    [
        # the date of a clause of time that the search came before is not the
        # search's: it is dated the day before (F2; PUB is Tuesday 5 June)
        ("Police had searched the woods near Penrith without success before a "
         "taxi driver saw her in Carlisle on Monday.", dt.date(2018, 6, 3),
         "dated the day before 'Monday'"),
        ("A week before she was seen in Carlisle on 20 May, police had searched "
         "the woods near Penrith without success.", dt.date(2018, 5, 19),
         "dated the day before '20 May'"),
        # its own date stays its own
        ("Police had searched the woods near Penrith on Sunday without success "
         "before a taxi driver saw her in Carlisle on Monday.",
         dt.date(2018, 6, 3), "dated from 'Sunday'"),
        # a concession's date is the witness's, not the search's: undated
        ("Police searched the woods near Penrith but found no trace of her, "
         "although a witness said she was there on Sunday.", PUB, None),
    ],
)  # fmt: skip
def test_a_search_takes_no_date_of_another_clause(
    sentence: str, date: dt.date, note: str | None, nlp: Any
) -> None:
    reading = _read(_MISSING + sentence, nlp)
    (item,) = _searched(reading)
    assert item.date == date
    if note is None:
        assert "dated" not in item.note
    else:
        assert note in item.note
    if "Carlisle" in sentence:
        (seen,) = sightings(reading)
        assert seen.place_name == "Carlisle"
        assert seen.date > item.date


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        # everyday words of a search (F14)
        ("Rescue teams swept the woods near Penrith but did not find her.",
         "Penrith"),
        ("Divers dragged the river near York on Sunday but found nothing.", "York"),
        ("Helicopters flew over the fells around Ambleside but spotted nothing.",
         "Ambleside"),
        ("A grid search of fields near Penrith on Saturday found no trace of her.",
         "Penrith"),
    ],
)  # fmt: skip
def test_everyday_words_of_a_search(sentence: str, place: str, nlp: Any) -> None:
    assert _places(_read(_MISSING + sentence, nlp)) == [place]


@pytest.mark.parametrize(
    "sentence",
    [
        # no search: swept away, dragged a person, a flight that saw nothing said
        "The river swept her away near York, and no trace of her has been found.",
        "She flew over Leeds on Sunday.",
        "A man dragged her into a car in Leeds on Sunday.",
    ],
)
def test_these_words_are_no_search(sentence: str, nlp: Any) -> None:
    assert not _searched(_read(_MISSING + sentence, nlp))


def test_nothing_of_interest_names_no_one_sought(nlp: Any) -> None:
    # "of interest" is no one sought (F15): a search of a flat in a town, set
    # aside as one building
    sentence = "Officers searched her flat in Leeds but found nothing of interest."
    reading = _read(_MISSING + sentence, nlp)
    assert not reading.evidence
    ((reason, detail),) = _asides(reading, sentence)
    assert reason == "no_place"
    assert "a search of a building in 'Leeds' ('her flat in Leeds')" in detail


def test_could_not_find_her_is_no_finding_to_come(nlp: Any) -> None:
    # "could not find her" is a finding denied, as "did not find her" (F15), not
    # a finding "not reported as done"
    sentence = (
        "Police searched the woods near Penrith on Sunday but could not find her."
    )
    reading = _read(_MISSING + sentence, nlp)
    assert _places(reading) == ["Penrith"]
    assert not [x for x in reading.rejected if x.reason == "conditional"]


def test_a_search_after_a_dated_event_is_dated_from_it_to_publication(
    nlp: Any,
) -> None:
    # F2's converse: the search came after Monday, not on it
    reading = _read(
        _MISSING + "After she was seen in Carlisle on Monday, police searched the "
        "woods near Penrith without success.",
        nlp,
    )
    (item,) = _searched(reading)
    assert (item.date_from, item.date) == (dt.date(2018, 6, 4), PUB)
    assert "dated from 'Monday' to publication" in item.note
    (seen,) = sightings(reading)
    assert seen.date == dt.date(2018, 6, 4)


def test_a_town_the_tagger_calls_a_person_takes_no_pronoun(nlp: Any) -> None:
    # review 14: "Penrith", read as a place after "searched" but a PERSON to the
    # tagger, took the later "she" and the Carlisle sighting with it
    reading = _read(
        "Jane Doe went missing on Saturday. Police had searched Penrith without "
        "success on Sunday, after she was seen in Carlisle on Saturday.",
        nlp,
    )
    assert [i.place_name for i in reading.evidence if i.kind == "sighting"] == [
        "Carlisle"
    ]
    assert [i.place_name for i in _searched(reading)] == ["Penrith"]
