"""Review r26 rows 2, 8, 9, 11, 13 and 16: camera footage, finds and places.

- Footage a noun describes ("footage *showing* her in Leeds") is a camera's
  sighting only when the footage was had or put out ("Police released ..."), not
  when it is wanted, sought or denied ("There is no CCTV footage showing her",
  "Anyone with dashcam footage showing her ... is asked to call police"), nor
  when the one shown is said to be someone else ("turned out to show another
  woman", "the woman was not her").
- "left Leeds for Christmas": a holiday, no Christmas, Florida.
- "Soldiers patrolled the Niger side of the border": a side that others patrol
  is no place of the target's; "on either the Mali or the Niger side" is both.
- "Soldiers thought they had found him hiding in Gao, but the man was his
  cousin": no find; "thought" alone leaves the soldiers' belief, a claim.
- A name written as a person's ("Mark Preston, her brother", "Chester, the
  family's lawyer") does not take the town of that name out of the document
  where it is a place after "in"; "Culiacán's deputy mayor" is the town's.
- "was arrested in Phoenix and deported to Mexico" / "is being held in Maricopa
  County jail": the later place is read too.
"""

from __future__ import annotations

from typing import Any

import pytest

from reading import claims, reader, set_aside, sightings

pytestmark = pytest.mark.nlp

_doe = reader("Jane Doe")
_alher = reader("Hamadou Ag Alher")
_salcedo = reader("Rodrigo Salcedo Ibarra")
_MISSING = "Jane Doe, 34, has been missing since May 2. "
_LEADS = "Hamadou Ag Alher has led the group since 2012. "


@pytest.mark.parametrize(
    "sentence",
    [
        "There is no CCTV footage showing her at Leeds station.",
        "Police said there was no CCTV footage showing her in Leeds.",
        "Police have found no CCTV footage that shows her in Leeds.",
        "Anyone with dashcam footage showing her in Leeds is asked to call police.",
        "Police appealed for CCTV footage showing her in Leeds.",
        "Police are searching for CCTV footage showing her at Leeds station.",
        "Police hope to find CCTV footage showing her at Leeds station.",
        "Police are asking anyone who has footage showing her in Leeds to come "
        "forward.",
        "Police said CCTV footage that shows her in Leeds was fake.",
        "Police said CCTV footage showing her at Leeds station turned out to show "
        "another woman.",
        "Police released CCTV footage showing her at Leeds station; they later said "
        "the woman was not her.",
    ],
)
def test_footage_not_put_out_or_not_of_her_is_no_sighting(
    sentence: str, nlp: Any
) -> None:
    r = _doe(_MISSING + sentence, nlp)
    assert not sightings(r)
    assert set_aside(r)


@pytest.mark.parametrize(
    "sentence",
    [
        "Police released CCTV footage that shows her walking in Leeds.",
        "Police released CCTV footage showing her at Leeds station.",
        "CCTV footage showing her at Leeds station was released on Monday.",
        "Police have reviewed CCTV footage that shows her in Leeds.",
        "CCTV footage showed her at Leeds station on Monday.",
    ],
)
def test_footage_put_out_is_a_sighting(sentence: str, nlp: Any) -> None:
    r = _doe(_MISSING + sentence, nlp)
    assert [s.place_name for s in sightings(r)] == ["Leeds"]


@pytest.mark.parametrize(
    ("sentence", "hedge"),
    [
        ("Police are examining CCTV footage that may show her in Leeds.", "possible"),
        (
            "Detectives are trawling through CCTV footage that could show her in "
            "Leeds.",
            "possible",
        ),
        (
            "CCTV footage showing her in Leeds on May 2 was the last confirmed "
            "sighting.",
            "certain",
        ),
    ],
)
def test_footage_being_gone_through_is_a_sighting(
    sentence: str, hedge: str, nlp: Any
) -> None:
    r = _doe(_MISSING + sentence, nlp)
    assert [(s.place_name, s.hedge) for s in sightings(r)] == [("Leeds", hedge)]


def test_a_camera_sighting_called_another_one_is_none(nlp: Any) -> None:
    text = "CCTV footage showed her at Leeds station; police later said it was not her."
    assert not sightings(_doe(_MISSING + text, nlp))


@pytest.mark.parametrize(
    "sentence",
    [
        "Jane Doe left Leeds for Christmas, her family said.",
        "Jane Doe left Leeds for Christmas on December 20.",
    ],
)
def test_left_for_a_holiday_is_no_place(sentence: str, nlp: Any) -> None:
    r = _doe(sentence, nlp)
    assert "Christmas" not in [c.place_name for c in claims(r)]


def test_left_for_a_town_is_still_read(nlp: Any) -> None:
    r = _doe("Jane Doe left Leeds for London on Monday.", nlp)
    assert [c.place_name for c in claims(r)] == ["London"]


def test_a_side_patrolled_by_others_is_not_intersected(nlp: Any) -> None:
    text = (
        "Soldiers patrolled the Niger side of the border, but Ag Alher is believed "
        "to be hiding in Mali."
    )
    r = _alher(text, nlp)
    assert [(c.place_name, c.hedge) for c in claims(r)] == [("Mali", "probable")]


def test_either_side_of_the_border_is_both(nlp: Any) -> None:
    text = (
        "Ag Alher could be on either the Mali or the Niger side of the border, "
        "officials said."
    )
    assert [c.place_name for c in claims(_alher(text, nlp))] == ["Mali or Niger"]


def test_on_the_side_of_the_border_is_still_read(nlp: Any) -> None:
    text = "Ag Alher is hiding on the Niger side of the border, officials said."
    assert [c.place_name for c in claims(_alher(text, nlp))] == ["Niger"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Soldiers thought they had found him hiding in Gao, but the man was his "
        "cousin.",
        "Soldiers found him hiding in Gao, but the man was his cousin.",
    ],
)
def test_a_find_corrected_is_nothing(sentence: str, nlp: Any) -> None:
    r = _alher(_LEADS + sentence, nlp)
    assert not sightings(r)
    assert not claims(r)
    assert any(reason == "invalid" for reason, _ in set_aside(r))


def test_a_find_only_thought_is_the_finders_belief(nlp: Any) -> None:
    r = _alher(_LEADS + "Soldiers thought they had found him hiding in Gao.", nlp)
    assert not sightings(r)
    assert [(c.place_name, c.hedge) for c in claims(r)] == [("Gao", "probable")]


def test_a_find_disputed_keeps_its_speaker(nlp: Any) -> None:
    text = "Soldiers found him hiding in Gao, residents said, but the army denied it."
    (seen,) = sightings(_alher(_LEADS + text, nlp))
    assert (seen.place_name, seen.provenance.speaker) == ("Gao", "Residents")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            'Jane Doe was last seen in Preston on Monday. "We are very worried," '
            "said Mark Preston, her brother.",
            "Preston",
        ),
        (
            "Jane Doe was last seen in Chester on Monday. Chester, the family's "
            "lawyer, said police were doing all they could.",
            "Chester",
        ),
        (
            "Jane Doe was seen in Jackson, Mississippi, on Monday. Jackson, the "
            "county sheriff, said deputies were searching.",
            "Jackson",
        ),
    ],
)
def test_a_surname_does_not_erase_the_town(text: str, place: str, nlp: Any) -> None:
    assert [s.place_name for s in sightings(_doe(text, nlp))] == [place]


def test_a_towns_deputy_mayor_is_the_towns(nlp: Any) -> None:
    text = (
        "Salcedo is hiding in Culiacán, officials said. Culiacán's deputy mayor "
        "denied it."
    )
    assert [c.place_name for c in claims(_salcedo(text, nlp))] == ["Culiacán"]


def test_a_persons_ranch_is_still_a_person(nlp: Any) -> None:
    r = _salcedo("Salcedo is hiding near Gutiérrez's ranch.", nlp)
    assert not claims(r) and not sightings(r)


@pytest.mark.parametrize(
    ("rest", "later"),
    [
        ("and deported to Mexico on Friday.", "Mexico"),
        ("and extradited to Mexico on Friday.", "Mexico"),
        ("and is being held in Maricopa County jail.", "Maricopa County"),
    ],
)
def test_arrested_then_carried_or_held(rest: str, later: str, nlp: Any) -> None:
    text = (
        "Rodrigo Salcedo, wanted in Texas on murder charges, was arrested in "
        f"Phoenix on Monday {rest}"
    )
    r = _salcedo(text, nlp)
    assert [s.place_name for s in sightings(r)] == ["Phoenix"]
    assert [c.place_name for c in claims(r)] == [later]
