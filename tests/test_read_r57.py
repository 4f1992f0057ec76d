"""Review r54: what the rules of r51 and r53 read wrong, each with its near-miss.

- A word of hearsay a statement is set against ("despite rumours", "contrary
  to claims") no longer hedges the statement, but still hedges what it says,
  with or without "that" ("Despite rumours he had fled to Durango, Salcedo is
  in Culiacán": Culiacán certain, Durango possible).
- "could not confirm", "cannot confirm", "unable to confirm" hedge only what
  they govern, not a clause joined to them ("..., but he was seen in Culiacán").
- A "his" or "her" of a deed at another time is not the target's own where
  another person of that gender is named before it ("Salcedo's wife was
  detained ... after her arrest in Durango").
- The word of the only speaker of a clause of concession ("..., although the
  army said it had killed him") is its clause's: the rest is the article's own,
  and the death is read in the clause.
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
    "J": "Jane Doe",
    "Y": "Sydney Hamilton",
    "V": "Tomás Varga",
}
_read = reader("Rodrigo Salcedo Ibarra")


def _claimed(reading: Any) -> list[tuple[str | None, str, str, str | None]]:
    """(place, polarity, hedge, speaker) of each claim of a reading."""
    return sorted(
        (c.place_name, c.polarity, c.hedge, c.provenance.speaker)
        for c in claims(reading)
    )


def _seen(reading: Any) -> list[tuple[str | None, str, str]]:
    """(place, subject, hedge) of each sighting of a reading."""
    return sorted((s.place_name, s.subject, s.hedge) for s in sightings(reading))


def _lives(reading: Any) -> list[tuple[str, str, str | None]]:
    """(status, hedge, speaker) of each life status of a reading."""
    return sorted(
        (i.status, i.hedge, i.provenance.speaker)
        for i in reading.evidence
        if isinstance(i, LifeStatus)
    )


# -- hearsay set against: it hedges only what it says ----------------------------------
@pytest.mark.parametrize(
    ("who", "text", "expected"),
    [
        ("S", "Despite rumours he had fled to Durango, Salcedo is in Culiacán.",
         [("Culiacán", "is", "certain", None), ("Durango", "is", "possible", None)]),
        ("S", "Contrary to claims he had been arrested in Durango, Salcedo is in "
         "Culiacán.",
         [("Culiacán", "is", "certain", None), ("Durango", "is", "possible", None)]),
        ("S", "Despite rumours Salcedo was hiding in Durango, police say he is in "
         "Culiacán.",
         [("Culiacán", "is", "certain", "Police"),
          ("Durango", "is", "possible", "Police")]),
        ("J", "Despite rumours she had moved to London, Jane Doe is in Leeds.",
         [("Leeds", "is", "certain", None), ("London", "is", "possible", None)]),
        ("H", "Contrary to rumours he had fled to Niger, Ag Alher is in Kidal.",
         [("Kidal", "is", "certain", None), ("Niger", "is", "possible", None)]),
        # with "that", and after the statement: the same
        ("S", "Despite rumours that he had fled to Durango, Salcedo is in Culiacán.",
         [("Culiacán", "is", "certain", None), ("Durango", "is", "possible", None)]),
        ("S", "Salcedo is in Culiacán, despite rumours he had fled to Durango.",
         [("Culiacán", "is", "certain", None), ("Durango", "is", "possible", None)]),
        # near misses: hearsay that says nothing hedges nothing, as before
        ("V", "Varga is not in Seville, contrary to earlier rumours.",
         [("Sevilla", "is_not", "certain", None)]),
        ("V", "Contrary to earlier rumours, Varga is in Seville.",
         [("Sevilla", "is", "certain", None)]),
    ],
)  # fmt: skip
def test_set_against_hedges_only_what_it_says(
    who: str, text: str, expected: list[Any], nlp: Any
) -> None:
    assert _claimed(_read(text, nlp, target=_TARGETS[who])) == expected


def test_set_against_hedge_without_phrase_stays(nlp: Any) -> None:
    # near miss: hearsay the statement rests on still hedges it
    r = _read("According to rumours, Salcedo is in Culiacán.", nlp)
    assert _claimed(r) == [("Culiacán", "is", "possible", None)]


def test_set_against_a_death_rumour(nlp: Any) -> None:
    # near miss: the sighting set against a rumour of death stays certain
    r = _read(
        "Despite rumours of his death, Ag Alher was seen in Gao last week.",
        nlp,
        target=_TARGETS["H"],
    )
    assert _seen(r) == [("Gao", "target", "certain")]


# -- "could not confirm" hedges only what it governs ----------------------------------
@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("Police could not confirm Salcedo's whereabouts, but he was seen in "
         "Culiacán last week.", "certain"),
        ("Police could not confirm the report, but Salcedo was seen in Culiacán.",
         "certain"),
        ("Police cannot confirm the report, but Salcedo was seen in Culiacán.",
         "certain"),
        ("Police were unable to confirm the report, but Salcedo was seen in "
         "Culiacán.", "certain"),
        # near misses: what it governs is only raised, as before
        ("Police could not confirm that Salcedo was seen in Culiacán.", "possible"),
        ("Police were unable to confirm that Salcedo had been arrested in Culiacán.",
         "possible"),
        ("Salcedo was reportedly arrested in Culiacán; his arrest could not be "
         "confirmed.", "possible"),
    ],
)  # fmt: skip
def test_could_not_confirm_hedges_its_own_clause(
    text: str, hedge: str, nlp: Any
) -> None:
    assert _seen(_read(text, nlp)) == [("Culiacán", "target", hedge)]


# -- "his" or "her" another of its gender may own --------------------------------------
@pytest.mark.parametrize(
    ("who", "text", "seen", "other"),
    [
        ("S", "Salcedo's wife was detained last week. Salcedo was seen in Culiacán "
         "two days after her arrest in Durango.", "Culiacán", "Durango"),
        ("S", "Salcedo's brother was detained last week. Salcedo was seen in "
         "Culiacán two days after his arrest in Durango.", "Culiacán", "Durango"),
        ("J", "Jane Doe left her car in Leeds. She was seen in Leeds days after his "
         "arrest in York.", "Leeds", "York"),
    ],
)  # fmt: skip
def test_a_possessive_of_another_is_set_aside(
    who: str, text: str, seen: str, other: str, nlp: Any
) -> None:
    r = _read(text, nlp, target=_TARGETS[who])
    assert _seen(r) == [(seen, "target", "certain")]
    assert ("not_target", other) in set_aside(r)


@pytest.mark.parametrize(
    ("who", "text", "places"),
    [
        # near misses: the target's own deed, as r53 read it
        ("S", "Salcedo was seen in Culiacán days after his arrest in Durango.",
         ["Culiacán", "Durango"]),
        # a woman of the other gender tells nothing of "his"
        ("S", "Salcedo's wife was detained last week. Salcedo was seen in Culiacán "
         "two days after his arrest in Durango.", ["Culiacán", "Durango"]),
        # a noun of the target itself is no other person
        ("J", "Jane Doe, a 45-year-old woman, was seen in Leeds days after her "
         "release from prison in York.", ["Leeds", "York"]),
    ],
)  # fmt: skip
def test_the_targets_own_deed_stays(
    who: str, text: str, places: list[str], nlp: Any
) -> None:
    r = _read(text, nlp, target=_TARGETS[who])
    assert [(p, s) for p, s, _ in _seen(r)] == [(p, "target") for p in places]
    assert not [x for x in set_aside(r) if x[0] == "not_target"]


# -- a death claimed in a clause of concession, its speaker's alone --------------------
@pytest.mark.parametrize(
    ("who", "text", "expected"),
    [
        ("S", "Salcedo is probably alive, although the army said it had killed him.",
         [("alive", "probable", None), ("dead", "certain", "Army")]),
        ("Y", "Sydney Hamilton is probably alive, though police said she may have "
         "died in Fort Erie.",
         [("alive", "probable", None), ("dead", "possible", "Police")]),
        ("S", "Salcedo is alive, although police said he was dead.",
         [("alive", "certain", None), ("dead", "certain", "Police")]),
        # near miss: the speaker of the main clause keeps it, as before (the
        # tabloid, a publication, speaks its own: r60)
        ("S", "Prosecutors said Salcedo is probably still alive, although a tabloid "
         "claimed last week that he had died.",
         [("alive", "probable", "Prosecutors"), ("dead", "possible", "Tabloid")]),
    ],
)  # fmt: skip
def test_concession_speaks_for_its_clause(
    who: str, text: str, expected: list[Any], nlp: Any
) -> None:
    assert _lives(_read(text, nlp, target=_TARGETS[who])) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Doe is in Leeds, though police say she is in York.",
         [("Leeds", "is", "certain", None), ("York", "is", "certain", "Police")]),
        # near misses: "while", and a speaker outside the clause, read as before
        ("Jane Doe is in Leeds, while police say she is in York.",
         [("Leeds", "is", "certain", "Police"), ("York", "is", "certain", "Police")]),
        ("Police say Jane Doe is in Leeds, though her sister says she is in York.",
         [("Leeds", "is", "certain", "Police"),
          ("York", "is", "certain", "Her sister")]),
    ],
)  # fmt: skip
def test_concession_of_a_place(text: str, expected: list[Any], nlp: Any) -> None:
    assert _claimed(_read(text, nlp, target=_TARGETS["J"])) == expected
