"""Reading gaps named in session 15's closing note, each now read.

"survived an ambush … but was killed" lost the death; "The BBC quoted Ahmed
Saleh as saying" lost Saleh as the speaker; and a sighting after another
person's name ("After he escaped from the al-Hol camp, al-Baghdadi was seen in
Hajin") vanished with no reason given.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geosleuth.evidence import LifeStatus
from reading import BAGHDADI, claims, reader, sightings

pytestmark = pytest.mark.nlp

_read = reader(BAGHDADI)


def _life(reading: Any) -> list[tuple[str, str, dt.date | None, dt.date]]:
    return [
        (i.status, i.hedge, i.date_from, i.date)
        for i in reading.evidence
        if isinstance(i, LifeStatus)
    ]


def test_a_death_after_surviving_is_read_with_its_own_date_and_place(
    nlp: Any,
) -> None:
    reading = _read(
        "Abu Bakr al-Baghdadi survived an assassination attempt in Raqqa in 2016 "
        "but was killed in Idlib in March 2018, officials said.",
        nlp,
    )
    assert _life(reading) == [
        ("alive", "certain", dt.date(2016, 1, 1), dt.date(2016, 12, 31)),
        ("dead", "certain", dt.date(2018, 3, 1), dt.date(2018, 3, 31)),
    ]
    assert {i.provenance.speaker for i in reading.evidence} == {"Officials"}
    died = [c for c in claims(reading) if "died" in c.note]
    assert [(c.place_name, c.date) for c in died] == [("Idlib", dt.date(2018, 3, 31))]


def test_the_hedge_of_a_death_after_surviving_is_the_deaths_own(nlp: Any) -> None:
    reading = _read(
        "Al-Baghdadi survived an ambush in 2016 but was reportedly killed in 2017.",
        nlp,
    )
    assert [(s, h) for s, h, _, _ in _life(reading)] == [
        ("alive", "certain"),
        ("dead", "probable"),
    ]


def test_another_death_in_the_survival_is_not_the_targets(nlp: Any) -> None:
    reading = _read(
        "Al-Baghdadi survived the strike that killed his deputy in Raqqa, "
        "officials said.",
        nlp,
    )
    assert [s for s, _, _, _ in _life(reading)] == ["alive"]


def test_wounded_and_later_died_places_the_death(nlp: Any) -> None:
    reading = _read(
        "Al-Baghdadi was wounded in Mosul and later died in Raqqa, officials said.",
        nlp,
    )
    assert [s for s, _, _, _ in _life(reading)] == ["dead"]
    assert [c.place_name for c in claims(reading) if "died" in c.note] == ["Ar Raqqah"]


@pytest.mark.parametrize(
    ("text", "speaker", "chain"),
    [
        ("The BBC quoted Ahmed Saleh as saying that al-Baghdadi was hiding in "
         "Hajin.", "Ahmed Saleh", ("BBC",)),
        ("Reuters quoted a senior Iraqi official as saying al-Baghdadi was in "
         "Hajin.", "Senior Iraqi official", ("Reuters",)),
        ("Al-Sumaria cited Hisham al-Hashimi as saying al-Baghdadi was hiding "
         "near Hajin.", "Hisham al-Hashimi", ("Al-Sumaria",)),
        ("Ahmed Saleh was quoted by the BBC as saying that al-Baghdadi was hiding "
         "in Hajin.", "Ahmed Saleh", ("BBC",)),
    ],
)  # fmt: skip
def test_one_quoted_as_saying_is_the_speaker_through_the_outlet(
    nlp: Any, text: str, speaker: str, chain: tuple[str, ...]
) -> None:
    got = claims(_read(text, nlp))
    assert [
        (c.place_name, c.provenance.speaker, c.provenance.reporting_chain) for c in got
    ] == [("Hajīn", speaker, chain)]


def test_a_quoted_official_grades_as_an_official(nlp: Any) -> None:
    (official,) = claims(
        _read(
            "Reuters quoted a senior Iraqi official as saying al-Baghdadi was in "
            "Hajin.",
            nlp,
        )
    )
    (saleh,) = claims(
        _read(
            "Reuters quoted Ahmed Saleh as saying al-Baghdadi was in Hajin.",
            nlp,
        )
    )
    assert str(official.grade) == "F2"
    assert str(saleh.grade) == "F3"


@pytest.mark.parametrize(
    "text",
    [
        "After he escaped from the al-Hol camp, al-Baghdadi was seen in Hajin, "
        "witnesses said.",
        "After John Smith left, al-Baghdadi was seen in Hajin.",
    ],
)
def test_the_target_seen_after_another_persons_name_is_a_sighting(
    nlp: Any, text: str
) -> None:
    got = sightings(_read(text, nlp))
    assert [(s.place_name, s.subject) for s in got] == [("Hajīn", "target")]


def test_a_friend_named_first_is_still_the_one_seen(nlp: Any) -> None:
    got = sightings(
        _read("John Smith, a friend of al-Baghdadi, was seen in Hajin.", nlp)
    )
    assert [(s.place_name, s.subject) for s in got] == [("Hajīn", "associate")]


def test_a_sighting_under_a_speaker_with_markup_in_his_name_is_read(
    nlp: Any,
) -> None:
    # review 16 (r13): the first of three such sentences vanished, with no reason
    text = (
        "Fugitive seen in Mosul\n\n"
        'Police chief Ahmed "<b>The Hammer</b>" O\'Reilly said on Tuesday that '
        "Abu Bakr al-Baghdadi was seen in Mosul last week, near the market.\n\n"
        "Police chief Ahmed O'Reilly said on Tuesday that Abu Bakr al-Baghdadi "
        "was seen in Mosul last week, near the market."
    )
    got = sightings(_read(text, nlp))
    assert [(s.place_name, s.subject) for s in got] == [("Mosul", "target")] * 2


@pytest.mark.parametrize("rank", ["Sgt.", "Det.", "Insp.", "Lt.", "Capt."])
def test_an_abbreviated_rank_ends_no_sentence(nlp: Any, rank: str) -> None:
    # review 16 (r16): "..., Sgt. Mark Ober said." lost its speaker, the
    # sentence cut after the rank
    got = sightings(
        _read(f"Al-Baghdadi was last seen in Hajin, {rank} Mark Ober said.", nlp)
    )
    assert [
        (s.place_name, s.provenance.speaker, s.provenance.speaker_role, str(s.grade))
        for s in got
    ] == [("Hajīn", "Mark Ober", rank, "F2")]


@pytest.mark.parametrize(
    ("when", "written"),
    [("on 03/04/2018", "03/04/2018"), ("during Ramadan 1439", "Ramadan 1439")],
)
def test_a_date_written_but_not_read_is_said_in_the_note(
    nlp: Any, when: str, written: str
) -> None:
    # review 16 (r14 F4): such an item was dated from publication in silence
    (seen,) = sightings(
        _read(f"Police said al-Baghdadi was seen in Hajin {when}.", nlp)
    )
    assert seen.date == dt.date(2018, 6, 5)  # PUB: the date was not read
    assert f"a date was written ({written!r}) but not read (" in seen.note
    assert seen.note.endswith("dated from publication")


@pytest.mark.parametrize(
    "text",
    [
        "Police said al-Baghdadi is 40 km north of Hajin.",
        "Al-Baghdadi was about 40 km north of Hajin when he called, a cousin said.",
    ],
)
def test_the_target_at_a_distance_from_a_place_is_a_claim_there(
    nlp: Any, text: str
) -> None:
    # review 17: "is 40 km north of X" gave nothing, and no reason
    (claim,) = claims(_read(text, nlp))
    assert claim.place_name == "40 km north of Hajīn"
    assert claim.buffer_km == pytest.approx(12.0)
    assert "buffered by 12 km (30% of that distance)" in claim.note


def test_an_offsets_note_gives_the_sigma_used(nlp: Any) -> None:
    # review 17: the note said "σ 30% of that distance" beside a σ of 5 km
    (seen,) = sightings(
        _read("Al-Baghdadi was seen about 2 km north of Hajin, police said.", nlp)
    )
    assert seen.sigma_km == 5.0
    assert "σ 5 km (the place's own; 30% of that distance is less)" in seen.note


def test_a_county_after_its_town_is_no_second_place(nlp: Any) -> None:
    # review 17: "Pilton, Somerset" gave two last known points
    reading = _read(
        "Jane Doe went missing at the festival in Pilton, Somerset, on Friday.",
        nlp,
        target="Jane Doe",
    )
    assert [s.place_name for s in sightings(reading)] == ["Pilton"]
    assert any("'Somerset' only qualifies" in r.detail for r in reading.rejected)
