"""Review r52: what the rules of r49 and r50 read wrong, each with its near-miss.

- The target's own deed after or before its seeing ("Salcedo was seen in
  Culiacán days after *his* arrest in Durango") is the target's, as before;
  another's ("his brother's arrest", "Zambada's arrest") is set aside.
- A verb joined to the seeing with a modal of its own ("was seen in Culiacán
  and may be in Durango now") is a statement of its own: its place is a
  possible claim, not a place of the seeing, certain.
- A confirmation refused ("would not confirm Zambada's whereabouts") hedges
  only what it governs, not a clause joined to it ("but Salcedo was seen").
- A town gone to ("travelled to Elota") stays a place beside "Elota's people".
- A tie of the name's own in apposition after "fled to" ("fled to Guzmán, his
  ally") makes it a person.
- A death said faked disputes only a death that the sentence tells, not one
  in a phrase of time beside it ("arrested after the death of his brother").
- A doubt of a detail of a death ("; the cause of his death could not be
  confirmed") leaves the death as it is told.
"""

from __future__ import annotations

from typing import Any

import pytest

from geosleuth.evidence import LifeStatus
from reading import claims, reader, set_aside, sightings

pytestmark = pytest.mark.nlp

_TARGETS = {
    "S": "Rodrigo Salcedo Ibarra",
    "H": "Hamadou Ag Alher",
    "M": "Mundi Jalmaani",
    "D": "Dragan Vuković",
    "J": "Jane Doe",
    "Y": "Sydney Hamilton",
}
_read = reader("Rodrigo Salcedo Ibarra")


def _seen(reading: Any) -> list[tuple[str | None, str, str]]:
    """(place, subject, hedge) of each sighting of a reading."""
    return sorted((s.place_name, s.subject, s.hedge) for s in sightings(reading))


def _claimed(reading: Any) -> list[tuple[str | None, str]]:
    """(place, hedge) of each claim of a reading that the target is there."""
    return sorted(
        (c.place_name, c.hedge) for c in claims(reading) if c.polarity == "is"
    )


def _deaths(reading: Any) -> list[tuple[str, str]]:
    """(status, hedge) of each life status of a reading."""
    return [(i.status, i.hedge) for i in reading.evidence if isinstance(i, LifeStatus)]


# -- the target's own deed at another time -------------------------------------------
@pytest.mark.parametrize(
    ("who", "text", "places"),
    [
        # each set the earlier place aside as another's deed ("not_target")
        ("S", "Salcedo was seen in Culiacán days after his arrest in Durango.",
         ["Culiacán", "Durango"]),
        ("S", "Salcedo was seen in Culiacán, days after his arrest in Durango.",
         ["Culiacán", "Durango"]),
        ("S", "Salcedo was seen in Culiacán since his escape from Puente Grande.",
         ["Culiacán", "Puente Grande"]),
        ("S", "Salcedo was seen in Culiacán hours before his capture in Cosalá.",
         ["Cosalá", "Culiacán"]),
        ("S", "Salcedo was seen in Culiacán days after his arrest in Durango, police "
         "said.", ["Culiacán", "Durango"]),
        ("D", "Vuković was seen in Budva days after his release from prison in "
         "Podgorica.", ["Budva", "Podgorica"]),
        ("J", "Jane Doe was last seen in Leeds two days before her disappearance in "
         "York.", ["Leeds", "York"]),
        ("H", "Ag Alher was spotted in Kidal a week after his release in Bamako.",
         ["Bamako", "Kidal"]),
    ],
)  # fmt: skip
def test_the_targets_own_deed_is_the_targets(
    who: str, text: str, places: list[str], nlp: Any
) -> None:
    r = _read(text, nlp, target=_TARGETS[who])
    assert [(p, s) for p, s, _ in _seen(r)] == [(p, "target") for p in places]
    assert not [x for x in set_aside(r) if x[0] == "not_target"]


@pytest.mark.parametrize(
    ("who", "text", "seen", "other"),
    [
        # near misses: another's deed, set aside as before
        ("S", "Salcedo was seen in Culiacán days after his brother's arrest in "
         "Cosalá.", [("Culiacán", "target")], "Cosalá"),
        ("S", "Salcedo was seen in Culiacán days after Zambada's arrest in Cosalá.",
         [("Culiacán", "target")], "Cosalá"),
        ("J", "Jane Doe was seen in Leeds days after her sister's wedding in York.",
         [("Leeds", "target")], "York"),
        # the target's deed, but the one seen is the brother: not his place
        ("S", "Salcedo's brother was seen in Culiacán, days after Salcedo's arrest "
         "in Durango.", [("Culiacán", "associate")], "Durango"),
    ],
)  # fmt: skip
def test_anothers_deed_stays_set_aside(
    who: str, text: str, seen: list[tuple[str, str]], other: str, nlp: Any
) -> None:
    r = _read(text, nlp, target=_TARGETS[who])
    assert [(p, s) for p, s, _ in _seen(r)] == seen
    assert ("not_target", other) in set_aside(r)


# -- a modal on a verb joined to the seeing --------------------------------------------
@pytest.mark.parametrize(
    ("who", "text", "seen", "claimed"),
    [
        # each made the later place a certain sighting
        ("S", "Salcedo was seen in Culiacán and may be in Durango now.",
         ["Culiacán"], "Durango"),
        ("S", "Salcedo was seen in Culiacán on Monday and may now be in Durango.",
         ["Culiacán"], "Durango"),
        ("S", "Salcedo was spotted in Culiacán and Cosalá and could be hiding in "
         "Durango.", ["Cosalá", "Culiacán"], "Durango"),
        ("J", "Jane Doe was seen in Leeds and York and may be in London now.",
         ["Leeds", "York"], "London"),
        # near miss: as it read before
        ("S", "Salcedo was last seen in Culiacán and may have gone to Durango.",
         ["Culiacán"], "Durango"),
    ],
)  # fmt: skip
def test_a_joined_modal_is_a_claim_of_its_own(
    who: str, text: str, seen: list[str], claimed: str, nlp: Any
) -> None:
    r = _read(text, nlp, target=_TARGETS[who])
    assert _seen(r) == [(p, "target", "certain") for p in seen]
    assert _claimed(r) == [(claimed, "possible")]


@pytest.mark.parametrize(
    ("text", "seen"),
    [
        # near misses: the modal of the seeing itself; a modal of no place
        ("Salcedo may have been seen in Culiacán and Cosalá.",
         [("Cosalá", "target", "possible"), ("Culiacán", "target", "possible")]),
        ("Salcedo was arrested in Culiacán on Monday and may face charges in "
         "Texas.", [("Culiacán", "target", "certain")]),
    ],
)  # fmt: skip
def test_a_modal_of_the_seeing_hedges_it(
    text: str, seen: list[tuple[str, str, str]], nlp: Any
) -> None:
    r = _read(text, nlp)
    assert _seen(r) == seen
    assert _claimed(r) == []


# -- a confirmation refused, and a clause joined to it ---------------------------------
@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        # each hedged the seeing to possible
        ("Officials would not confirm Zambada's whereabouts, but Salcedo was seen "
         "in Culiacán.", "certain"),
        ("The army would not confirm Salcedo's whereabouts, but he was seen in "
         "Culiacán last week.", "certain"),
        ("Police would not confirm reports of a shootout, but Salcedo was seen in "
         "Culiacán.", "certain"),
        # near misses: as before
        ("The army declined to confirm Zambada's whereabouts, but Salcedo was seen "
         "in Culiacán.", "certain"),
        ("Officials would not confirm that Salcedo was arrested in Culiacán.",
         "possible"),
        ("Officials would not confirm whether Salcedo was arrested in Culiacán.",
         "possible"),
    ],
)  # fmt: skip
def test_a_refused_confirmation_hedges_only_its_own(
    text: str, hedge: str, nlp: Any
) -> None:
    assert [(p, h) for p, _, h in _seen(_read(text, nlp))] == [("Culiacán", hedge)]


# -- a town gone to, beside "'s people" ------------------------------------------------
@pytest.mark.parametrize(
    ("who", "text", "place"),
    [
        # each made the town a person and lost the claim
        ("S", "Salcedo travelled to Elota last week. Elota's people fear him.",
         "Elota"),
        ("H", "Ag Alher travelled to Aguelhok last month. Aguelhok's people fled the "
         "fighting.", "Aguelhok"),
        ("Y", "Sydney Hamilton travelled to Welland. Welland's people helped search "
         "for her.", "Welland"),
        ("M", "Jalmaani travelled to Talipao. Talipao's people fear him.", "Talipao"),
    ],
)  # fmt: skip
def test_a_town_gone_to_stays_a_place(
    who: str, text: str, place: str, nlp: Any
) -> None:
    r = _read(text, nlp, target=_TARGETS[who])
    assert _claimed(r) == [(place, "certain")]


def test_a_persons_group_is_still_no_place(nlp: Any) -> None:
    # near miss: "turned to" a person, whose men are a group of his
    r = _read(
        "Rodrigo Salcedo Ibarra is wanted. He turned to Zambada for help. He was a "
        "lieutenant in Zambada's faction.",
        nlp,
    )
    assert _claimed(r) == []


# -- "fled to" a person ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "claimed"),
    [
        # each gave a certain claim at Guzmán (Panama)
        ("Salcedo fled to Guzmán, his ally.", []),
        ("Salcedo fled to Guzmán, his old ally, for protection.", []),
        # near misses: a town and what it is to him; a speaker in apposition
        ("Salcedo fled to Tamazula, his home town.", [("Tamazula", "certain")]),
        ("Salcedo fled to Cosalá for protection.", [("Cosalá", "certain")]),
        ("Salcedo fled to Tamazula, his lawyer said.", [("Tamazula", "certain")]),
    ],
)
def test_a_person_fled_to_is_no_place(
    text: str, claimed: list[tuple[str, str]], nlp: Any
) -> None:
    assert _claimed(_read(text, nlp)) == claimed


# -- a death said faked, and whose -----------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        # each hedged the arrest to probable
        "Salcedo was arrested in Culiacán after the death of his brother, but his "
        "lawyer said the death was faked.",
        "Salcedo was arrested in Culiacán days after his brother was killed, but his "
        "lawyer said the killing was staged.",
    ],
)
def test_anothers_death_said_faked_disputes_no_arrest(text: str, nlp: Any) -> None:
    assert _seen(_read(text, nlp)) == [("Culiacán", "target", "certain")]


@pytest.mark.parametrize(
    "text",
    [
        # near misses: the death told is the target's, set aside as before
        "Salcedo was killed in Culiacán, police said, but his lawyer said the death "
        "was faked.",
        "Salcedo was killed in Culiacán after a shootout, but his lawyer said the "
        "death was faked.",
    ],
)
def test_the_targets_death_said_faked_is_disputed(text: str, nlp: Any) -> None:
    r = _read(text, nlp)
    assert _deaths(r) == []
    assert ("negated", text) in set_aside(r)


# -- a detail of a death in doubt ------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        # each made the death possible (before r49: negated)
        ("Salcedo was killed in a shootout in Culiacán on Monday; the cause of his "
         "death could not be confirmed.", "certain"),
        ("Salcedo was killed in Culiacán on Monday; the date of his death could not "
         "be confirmed.", "certain"),
        # near miss: the death in doubt
        ("Salcedo was killed in a shootout in Culiacán on Monday; his death could "
         "not be confirmed.", "possible"),
    ],
)  # fmt: skip
def test_a_doubted_detail_leaves_the_death(text: str, hedge: str, nlp: Any) -> None:
    r = _read(text, nlp)
    assert _deaths(r) == [("dead", hedge)]
    assert _claimed(r) == [("Culiacán", hedge)]
