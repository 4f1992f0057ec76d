"""Review r62's findings on commit 4f2c190, each with its near-miss.

- H1: "; police denied the arrest *of his brother*" (of two other men, the
  sighting of his car) takes back no arrest of the target's; "the arrest", "his
  arrest", "Salcedo's arrest", "the arrest of Salcedo" still do.
- H2, L1: "was alive ..., but he nearly (almost, very nearly) died", "had
  nearly been killed", "would (could) have died" are no death, after "was
  alive" as after "survived".
- M1: an unconfirmed detail ("; the cause of his death has yet to be
  confirmed", "the reason for the arrest remains unconfirmed", "the number of
  arrests") leaves the event certain; the event unconfirmed ("the arrest",
  "his death", "this") makes it possible, also "... by DNA tests"; and "Salcedo
  is in Culiacán, police said; this has not been confirmed", as "could not be".
- M2: "fled to Ribchester for safety": a hamlet the tagger calls a person stays
  a place; the protector is one the text writes elsewhere as a person
  ("Joaquín Guzmán", "Mr Guzmán", "Guzmán's men").
- M3: "Andrea", "Joan" tell no gender; the first given name decides ("María
  José" a woman's, "José María" a man's).
- L2: "said nothing about" speaks for none of the sentence; a speaker's name
  stops before a clause or apposition that describes it ("The magazine, which
  is based in Leeds,"); "a Montenegrin paper" speaks. A publication is graded
  as the project grades the press ("Reuters", "the Daily Mail"): F2.
"""

from __future__ import annotations

from typing import Any

import pytest

from geosleuth.evidence import LifeStatus
from geosleuth.read._target_names import given_name_gender
from reading import claims, reader, set_aside, sightings

pytestmark = pytest.mark.nlp

_read = reader("Rodrigo Salcedo Ibarra")


def _seen(reading: Any) -> list[tuple[str | None, str]]:
    """(place, hedge) of each sighting of a reading."""
    return sorted((s.place_name, s.hedge) for s in sightings(reading))


def _places(reading: Any) -> list[tuple[str | None, str, str]]:
    """(place, polarity, hedge) of each claim of a reading."""
    return sorted((c.place_name, c.polarity, c.hedge) for c in claims(reading))


def _lives(reading: Any) -> list[tuple[str, str]]:
    """(status, hedge) of each life status of a reading."""
    return sorted(
        (i.status, i.hedge) for i in reading.evidence if isinstance(i, LifeStatus)
    )


def _negated(reading: Any) -> bool:
    return any(reason == "negated" for reason, _ in set_aside(reading))


# -- H1: a denial of another's arrest or sighting ---------------------------------
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Salcedo was arrested in Culiacán; police denied the arrest of his brother.",
         "Culiacán"),
        ("Salcedo was arrested in Culiacán; police denied the arrest of two other "
         "men.", "Culiacán"),
        ("Salcedo was arrested in Culiacán; the army denied the arrest of "
         "civilians.", "Culiacán"),
        ("Salcedo was captured in Culiacán; the capture of his deputy has been "
         "denied.", "Culiacán"),
        ("Salcedo was seen in Culiacán; officials denied the sighting of his car in "
         "Durango.", "Culiacán"),
        # near miss: a denial of no arrest
        ("Salcedo was arrested in Culiacán; police denied the arrest was legal.",
         "Culiacán"),
    ],
)  # fmt: skip
def test_a_denial_of_anothers_arrest_keeps_the_targets(
    text: str, place: str, nlp: Any
) -> None:
    r = _read(text, nlp)
    assert _seen(r) == [(place, "certain")]
    assert not _negated(r)


def test_a_his_of_the_other_gender_denies_no_arrest_of_hers(nlp: Any) -> None:
    r = _read("Jane Doe was arrested in Leeds; police denied his arrest.", nlp,
              target="Jane Doe")  # fmt: skip
    assert _seen(r) == [("Leeds", "certain")]


@pytest.mark.parametrize(
    "denial",
    [
        "the arrest has been denied by police",
        "police denied the arrest",
        "police denied his arrest",
        "police denied Salcedo's arrest",
        "police denied the arrest of Salcedo",
        "the arrest of Salcedo has been denied",
    ],
)
def test_a_denial_of_the_targets_arrest_still_denies(denial: str, nlp: Any) -> None:
    r = _read(f"Salcedo was arrested in Culiacán; {denial}.", nlp)
    assert not sightings(r)
    assert _negated(r)


# -- H2, L1: a death that did not happen -------------------------------------------
@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Salcedo was alive when the helicopter landed in Culiacán, but he nearly "
         "died there.", "Rodrigo Salcedo Ibarra"),
        ("Salcedo was alive when the helicopter landed in Culiacán, but he almost "
         "died there.", "Rodrigo Salcedo Ibarra"),
        ("Salcedo was alive but nearly died of thirst in the desert near Culiacán.",
         "Rodrigo Salcedo Ibarra"),
        ("Salcedo was still alive, but had nearly been killed in Culiacán.",
         "Rodrigo Salcedo Ibarra"),
        ("Jane Doe was alive when she was pulled from the river in Leeds, but she "
         "very nearly died.", "Jane Doe"),
        ("Salcedo was alive when rescuers reached him in Culiacán, but he would "
         "have died without treatment.", "Rodrigo Salcedo Ibarra"),
        ("Salcedo was alive when rescuers reached him in Culiacán, but he could "
         "have died.", "Rodrigo Salcedo Ibarra"),
        ("Salcedo survived an ambush in 2016 but nearly died in Culiacán in 2017.",
         "Rodrigo Salcedo Ibarra"),
        ("Salcedo survived an ambush in 2016 but would have died without "
         "treatment.", "Rodrigo Salcedo Ibarra"),
    ],
)  # fmt: skip
def test_a_death_nearly_or_would_have_happened_is_none(
    text: str, target: str, nlp: Any
) -> None:
    assert _lives(_read(text, nlp, target=target)) == [("alive", "certain")]


@pytest.mark.parametrize(
    ("text", "lives"),
    [
        # near misses: a death told, or hedged
        ("Salcedo was alive when found, but he died of his wounds in Culiacán.",
         [("alive", "certain"), ("dead", "certain")]),
        ("Salcedo was still alive when the helicopter landed in Culiacán, but he "
         "probably died there.", [("alive", "certain"), ("dead", "probable")]),
        ("Salcedo survived an ambush in 2016 but was killed in Culiacán in 2017.",
         [("alive", "certain"), ("dead", "certain")]),
    ],
)  # fmt: skip
def test_a_death_told_after_a_life_stays(
    text: str, lives: list[tuple[str, str]], nlp: Any
) -> None:
    assert _lives(_read(text, nlp)) == lives


# -- M1: a detail unconfirmed, not the event ---------------------------------------
@pytest.mark.parametrize(
    "detail",
    [
        "his motive remains unconfirmed",
        "the reason for the arrest remains unconfirmed",
        "the identity of the second man remains unconfirmed",
        "the number of arrests has yet to be confirmed",
        "the cause of the arrest could not be confirmed",
    ],
)
def test_an_unconfirmed_detail_leaves_the_arrest_certain(detail: str, nlp: Any) -> None:
    r = _read(f"Salcedo was arrested in Culiacán; {detail}.", nlp)
    assert _seen(r) == [("Culiacán", "certain")]


def test_an_unconfirmed_time_leaves_the_sighting_certain(nlp: Any) -> None:
    r = _read(
        "Jane Doe was seen in Leeds on Friday; the time of the sighting remains "
        "unconfirmed.",
        nlp,
        target="Jane Doe",
    )
    assert _seen(r) == [("Leeds", "certain")]


@pytest.mark.parametrize(
    "doubt",
    [
        # near misses: the event itself, or the statement of it
        "the arrest has yet to be confirmed",
        "his arrest remains unconfirmed",
        "this has not been independently confirmed",
        "it has not been confirmed",
        "the report has yet to be confirmed",
    ],
)
def test_an_unconfirmed_arrest_is_possible(doubt: str, nlp: Any) -> None:
    r = _read(f"Salcedo was arrested in Culiacán; {doubt}.", nlp)
    assert _seen(r) == [("Culiacán", "possible")]


@pytest.mark.parametrize(
    "detail",
    [
        "the circumstances of his death have yet to be confirmed",
        "the date of his death remains unconfirmed",
        "the cause of his death has not been confirmed",
        "the cause of death has not been confirmed",
        "the death toll has not been confirmed",
        "the number of dead has yet to be confirmed",
    ],
)
def test_an_unconfirmed_detail_leaves_the_death_certain(detail: str, nlp: Any) -> None:
    r = _read(f"Salcedo was killed in Culiacán; {detail}.", nlp)
    assert _lives(r) == [("dead", "certain")]
    assert _places(r) == [("Culiacán", "is", "certain")]


def test_a_cause_unconfirmed_leaves_the_body_found_certain(nlp: Any) -> None:
    r = _read(
        "Jane Doe was found dead in Leeds; the cause of her death has yet to be "
        "confirmed.",
        nlp,
        target="Jane Doe",
    )
    assert _lives(r) == [("dead", "certain")]
    assert _seen(r) == [("Leeds", "certain")]


@pytest.mark.parametrize(
    "doubt",
    [
        "his death has yet to be confirmed by DNA tests",
        # near misses: as before
        "his death has yet to be confirmed",
        "his death remains unconfirmed",
        "this has not been independently confirmed",
    ],
)
def test_an_unconfirmed_death_is_possible(doubt: str, nlp: Any) -> None:
    r = _read(f"Salcedo was killed in Culiacán; {doubt}.", nlp)
    assert _lives(r) == [("dead", "possible")]
    assert _places(r) == [("Culiacán", "is", "possible")]


# -- M2: a hamlet fled to, and a protector ------------------------------------------
@pytest.mark.parametrize(
    ("text", "target", "place"),
    [
        ("Jane Doe fled to Ribchester for safety.", "Jane Doe", "Ribchester"),
        ("Jane Doe fled to Rosemarkie for protection.", "Jane Doe", "Rosemarkie"),
        ("Salcedo fled to Zacayo for protection.", "Rodrigo Salcedo Ibarra",
         "Zacayo"),
        ("Salcedo fled to Chicalote for safety.", "Rodrigo Salcedo Ibarra",
         "Chicalote"),
        ("María José Pérez fled to Petrés for safety.", "María José Pérez",
         "Petrés"),
        # the text gives no sign of a person: read as the village (documented)
        ("Salcedo fled to Guzmán for protection.", "Rodrigo Salcedo Ibarra",
         "Guzmán"),
    ],
)  # fmt: skip
def test_a_hamlet_fled_to_for_safety_is_a_place(
    text: str, target: str, place: str, nlp: Any
) -> None:
    assert _places(_read(text, nlp, target=target)) == [(place, "is", "certain")]


@pytest.mark.parametrize(
    "text",
    [
        "Joaquín Guzmán runs the cartel. Salcedo fled to Guzmán for protection.",
        "Salcedo fled to Guzmán for protection. Mr Guzmán has denied it.",
        "Salcedo fled to Guzmán for protection. Señor Guzmán has denied it.",
        "Salcedo fled to Guzmán for protection, police said. Guzmán's men guard him.",
    ],
)
def test_a_person_named_elsewhere_is_the_protector(text: str, nlp: Any) -> None:
    r = _read(text, nlp)
    assert not _places(r) and not sightings(r)


# -- M3: given names of either gender ------------------------------------------------
@pytest.mark.parametrize(
    ("text", "target", "places"),
    [
        ("Andrea Rossi was seen in Milan days after his arrest in Turin.",
         "Andrea Rossi", ["Milan", "Turin"]),
        ("Andrea Rossi was seen in Milan days after his escape from prison in "
         "Turin.", "Andrea Rossi", ["Milan", "Turin"]),
        ("Joan Puig was seen in Girona days after his arrest in Barcelona.",
         "Joan Puig", ["Barcelona", "Girona"]),
        ("José María Pérez was seen in Seville days after his arrest in Madrid.",
         "José María Pérez", ["Madrid", "Sevilla"]),
    ],
)  # fmt: skip
def test_a_name_of_either_gender_keeps_the_possessive(
    text: str, target: str, places: list[str], nlp: Any
) -> None:
    r = _read(text, nlp, target=target)
    assert sorted(p for p, _ in _seen(r)) == places
    assert not [x for x in set_aside(r) if x[0] == "not_target"]


def test_the_first_given_name_decides(nlp: Any) -> None:
    # near miss: "María José" is a woman's name, and "his" someone else's
    r = _read(
        "María José Pérez was seen in Seville days after his arrest in Madrid.",
        nlp,
        target="María José Pérez",
    )
    assert _seen(r) == [("Sevilla", "certain")]
    assert ("not_target", "Madrid") in set_aside(r)


@pytest.mark.parametrize(
    ("name", "gender"),
    [
        ("Andrea Rossi", None),
        ("Joan Puig", None),
        ("José María Pérez", "he"),
        ("María José Pérez", "she"),
        ("Jane Doe", "she"),
        ("Rodrigo Salcedo Ibarra", "he"),
        ("Mr John Smith", "he"),
        ("Dragan Vuković", None),
    ],
)
def test_given_name_gender(name: str, gender: str | None) -> None:
    assert given_name_gender(name) == gender


# -- L2: publications and who speaks -------------------------------------------------
@pytest.mark.parametrize("who", ["The magazine", "Police"])
def test_one_who_said_nothing_speaks_for_none_of_it(who: str, nlp: Any) -> None:
    r = _read(f"{who} said nothing about Salcedo, who is believed to be in Culiacán.",
              nlp)  # fmt: skip
    assert [(c.place_name, c.provenance.speaker, str(c.grade)) for c in claims(r)] == [
        ("Culiacán", None, "F3")
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The magazine, which is based in Leeds, said Salcedo was in Culiacán.",
         "Magazine"),
        ("The paper, dated June 2, said Salcedo was in Culiacán.", "Paper"),
        ("A magazine published in Mazatlán said Salcedo was in Culiacán.",
         "Magazine"),
        ("A Montenegrin paper said Salcedo was in Culiacán.", "Montenegrin paper"),
        ("A local paper said Salcedo was in Culiacán.", "Local paper"),
        # near misses: a name, not a description; one speaking as before
        ("The newspaper Reforma said Salcedo was in Culiacán.", "Newspaper Reforma"),
        ("The magazine said Salcedo was in Culiacán.", "Magazine"),
        # a publication is graded as the press is ("The Daily Mail")
        ("The Daily Mail said Salcedo was in Culiacán.", "Daily Mail"),
    ],
)  # fmt: skip
def test_a_publication_speaks_by_its_noun_phrase(
    text: str, speaker: str, nlp: Any
) -> None:
    assert [(c.provenance.speaker, str(c.grade)) for c in claims(_read(text, nlp))] == [
        (speaker, "F2")
    ]


def test_a_paper_found_speaks_not(nlp: Any) -> None:
    # near miss: "a paper" with no word of the press is no newspaper
    r = _read("A paper found in his pocket said Salcedo was in Culiacán.", nlp)
    assert [c.provenance.speaker for c in claims(r)] == [None]


@pytest.mark.parametrize(
    ("doubt", "hedge"),
    [
        ("this has not been independently confirmed", "possible"),
        ("this has yet to be confirmed", "possible"),
        # near misses: as before
        ("this could not be confirmed", "possible"),
        ("his motive has not been confirmed", "certain"),
        ("this has been confirmed", "certain"),
    ],
)
def test_a_whereabouts_not_yet_confirmed_is_possible(
    doubt: str, hedge: str, nlp: Any
) -> None:
    r = _read(f"Salcedo is in Culiacán, police said; {doubt}.", nlp)
    assert _places(r) == [("Culiacán", "is", hedge)]
