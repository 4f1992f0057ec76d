"""Review r86's findings on rd72 and rd83 (helper rd88), each with its near-miss.

- 1: "his wife denied the death of her husband", "his lawyer denied his
  client's death", "his mother denied the death of her son": the one denying
  is the target's relation, and the one whose death it denies is that one's
  relation back: the target. The death is taken back, as before rd83. Not "his
  wife denied the death of her brother", nor "Guzmán's wife ...".
- 2: a description that may be the target ("the suspect", "the Sinaloa cartel
  leader", "the man", "the 52-year-old"), where the text names or describes no
  one else, neither takes the event back nor leaves it as told: at most
  possible, and the note says why. Another person named or described ("A
  gunman shot a police officer", "Salcedo and his brother", "Joaquín
  Guzmán"), a description of another role ("the gunman", "the police chief",
  "the mayor", "the other man") or of the other gender keep rd72's rule: the
  event stands.
- 4: a denial at a place that holds the place told ("his arrest in Sinaloa",
  "in Mexico" after "in Culiacán"; "in England" after "in Leeds"), or at one
  the gazetteer cannot place whole ("at Heathrow Airport", "at the Hotel
  Lucerna") is of the same event: taken back. One at another town ("in
  Durango", "in Guadalajara") still is not; nor "in Culiacán" after "at a
  ranch in Sinaloa".
- 7: "the detention of the man, identified as Salcedo," with commas names the
  target, as without; "identified as Guzmán" does not.
- 8: "the death of Hamadou", a name the parse tags a noun, names the target;
  "of Hamadou Diallo" does not.
- The names rd83 imported from _sighting_denials are public, in their own
  module (read/_denied_owners.py: whose event a denial denies, and where).
"""

from __future__ import annotations

from typing import Any

import pytest

from geosleuth.evidence import LifeStatus
from reading import claims, lives, negated, reader, seen, sightings

pytestmark = pytest.mark.nlp

SALCEDO = "Rodrigo Salcedo Ibarra"
AG_ALHER = "Hamadou Ag Alher"
DOE = "Jane Doe"
HAMILTON = "Sydney Hamilton"
_read = reader(SALCEDO)
_KILLED = "Salcedo was killed in a shootout in Culiacán, according to Milenio; "
_ARRESTED = "Salcedo was arrested in Culiacán, Milenio reported; "


# -- 1: the target as its kin's kin -------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        _KILLED + "his wife denied the death of her husband.",
        _KILLED + "his wife denied her husband's death.",
        _KILLED + "his lawyer denied the death of his client.",
        _KILLED + "his lawyer denied his client's death.",
        "Salcedo was reported killed in Culiacán on Monday, but his mother denied "
        "the death of her son.",
        "Salcedo was reported killed in Culiacán on Monday, but his family denied "
        "the death of their relative.",
        "Salcedo was killed in Culiacán; the death of her husband was denied by his "
        "wife.",
    ],
)
def test_kin_denying_the_death_of_their_kin_takes_it_back(text: str, nlp: Any) -> None:
    r = _read(text, nlp)
    assert lives(r) == []
    assert negated(r)


def test_a_lawyer_denying_the_arrest_of_his_client_takes_it_back(nlp: Any) -> None:
    r = _read("Salcedo was arrested in Culiacán; his lawyer denied the arrest of his "
              "client.", nlp)  # fmt: skip
    assert not sightings(r)
    assert negated(r)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # near-misses: another relation, another's kin, a pronoun of another
        (_KILLED + "his wife denied the death of her brother.", SALCEDO),
        (_KILLED + "his wife denied the death of his brother.", SALCEDO),
        (_KILLED + "Guzmán's wife denied the death of her husband.", SALCEDO),
        ("Jane Doe was killed in Leeds; his wife denied the death of her husband.",
         DOE),
    ],
)  # fmt: skip
def test_kin_denying_anothers_death_leaves_it(text: str, target: str, nlp: Any) -> None:
    r = _read(text, nlp, target=target)
    assert lives(r) == [("dead", "certain")]
    assert not negated(r)


# -- 2: a description of the only person ---------------------------------------------
@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Salcedo was killed in a shootout with soldiers in Culiacán, according to "
         "Milenio, but the Defence Ministry denied the death of the Sinaloa cartel "
         "leader.", SALCEDO),
        ("Salcedo was killed in Culiacán, Milenio reported; the army denied the "
         "death of the man, saying he had fled.", SALCEDO),
        ("Salcedo was killed in Culiacán, Milenio reported; the army denied the "
         "death of the drug lord.", SALCEDO),
        ("Salcedo was killed in Culiacán, Milenio reported; the army denied the "
         "killing of the drug lord.", SALCEDO),
        ("Salcedo was killed in Culiacán, Milenio reported; the army denied the "
         "death of the 52-year-old.", SALCEDO),
        ("Ag Alher was killed near Kidal, residents said; the French army denied "
         "the death of the jihadist leader.", AG_ALHER),
        ("Jane Doe was killed in Leeds; police denied the death of the woman.", DOE),
    ],
)  # fmt: skip
def test_a_denied_death_of_the_only_one_described_is_possible(
    text: str, target: str, nlp: Any
) -> None:
    r = _read(text, nlp, target=target)
    assert lives(r) == [("dead", "possible")]
    assert all(c.hedge == "possible" for c in claims(r))
    assert not negated(r)
    (life,) = [i for i in r.evidence if isinstance(i, LifeStatus)]
    assert "maybe the target" in life.note


@pytest.mark.parametrize(
    ("text", "target", "place"),
    [
        (_ARRESTED + "police denied the arrest of the suspect, saying no operation "
         "took place.", SALCEDO, "Culiacán"),
        ("Salcedo was arrested in Culiacán; police denied the arrest of the "
         "suspect.", SALCEDO, "Culiacán"),
        ("Salcedo was arrested in Culiacán; police denied the arrest of the "
         "fugitive.", SALCEDO, "Culiacán"),
        ("Salcedo was arrested in Culiacán; police denied the detention of the "
         "trafficker.", SALCEDO, "Culiacán"),
        ("Salcedo was seen in Culiacán; police denied the sighting of the "
         "fugitive.", SALCEDO, "Culiacán"),
        ("Rodrigo Salcedo Ibarra, the cartel leader, was arrested in Culiacán; "
         "police denied the arrest of the cartel leader.", SALCEDO, "Culiacán"),
        ("Jane Doe was arrested in Leeds; police denied the arrest of the woman.",
         DOE, "Leeds"),
        ("Sydney Hamilton was arrested in Fort Erie; RCMP denied the arrest of the "
         "man.", HAMILTON, "Fort Erie"),
    ],
)  # fmt: skip
def test_a_denied_arrest_of_the_only_one_described_is_possible(
    text: str, target: str, place: str, nlp: Any
) -> None:
    r = _read(text, nlp, target=target)
    assert seen(r) == [(place, "possible")]
    assert not negated(r)
    assert "maybe the target" in sightings(r)[0].note


@pytest.mark.parametrize(
    ("text", "target", "place"),
    [
        # near-misses: another person named or described, another role, gender
        ("A gunman shot a police officer in Culiacán. Salcedo was arrested in "
         "Culiacán; police denied the arrest of the suspect.", SALCEDO, "Culiacán"),
        ("Salcedo and his brother were arrested in Culiacán; police denied the "
         "arrest of the suspect.", SALCEDO, "Culiacán"),
        ("Joaquín Guzmán was also seen in Sinaloa. Salcedo was arrested in "
         "Culiacán; police denied the arrest of the drug lord.", SALCEDO,
         "Culiacán"),
        ("Salcedo's wife was also detained. Salcedo was arrested in Culiacán; "
         "police denied the arrest of the woman.", SALCEDO, "Culiacán"),
        ("Salcedo was arrested in Culiacán; police denied the arrest of the police "
         "chief.", SALCEDO, "Culiacán"),
        ("Salcedo was arrested in Culiacán; police denied the arrest of the "
         "mayor.", SALCEDO, "Culiacán"),
        ("Salcedo was arrested in Culiacán; police denied the arrest of the other "
         "man.", SALCEDO, "Culiacán"),
        ("Salcedo was arrested in Culiacán; police denied the arrest of the man "
         "who shot him.", SALCEDO, "Culiacán"),
        ("Jane Doe was arrested in Leeds; police denied the arrest of the man.",
         DOE, "Leeds"),
        # review r95, #5 (helper rd96): a compound the text uses of no one else
        # sets the one described apart, as "the union leader"
        ("Salcedo was arrested in Culiacán; police denied the arrest of the cartel "
         "leader.", SALCEDO, "Culiacán"),
        ("Ag Alher was arrested near Kidal; the army denied the arrest of the "
         "Ansar Dine commander.", AG_ALHER, "Kidal"),
    ],
)  # fmt: skip
def test_a_denial_of_one_who_may_be_another_keeps_the_event(
    text: str, target: str, place: str, nlp: Any
) -> None:
    r = _read(text, nlp, target=target)
    assert seen(r) == [(place, "certain")]
    assert not negated(r)


@pytest.mark.parametrize(
    "text",
    [
        "Salcedo was killed in Culiacán; the army denied the death of the gunman.",
        "Salcedo was killed in Culiacán; the army denied the death of his driver.",
        "Salcedo and his brother were killed in Culiacán; the army denied the death "
        "of the man.",
    ],
)
def test_a_denied_death_of_one_who_may_be_another_leaves_it(
    text: str, nlp: Any
) -> None:
    r = _read(text, nlp)
    assert ("dead", "certain") in lives(r)
    assert not negated(r)


# -- 4: a place that holds the one told ----------------------------------------------
@pytest.mark.parametrize(
    ("text", "target"),
    [
        (_ARRESTED + "police denied his arrest in Sinaloa.", SALCEDO),
        (_ARRESTED + "police denied his arrest in Mexico.", SALCEDO),
        (_ARRESTED + "police denied his arrest at the Hotel Lucerna.", SALCEDO),
        (_ARRESTED + "police denied his arrest in Las Quintas, the upscale "
         "neighbourhood where he lived.", SALCEDO),
        ("Ag Alher was arrested near Kidal, residents said; the army denied his "
         "arrest in Mali.", AG_ALHER),
        ("Jane Doe was arrested in Leeds, the BBC reported; police denied her "
         "arrest in England.", DOE),
        ("Jane Doe was arrested in Leeds, the BBC reported; police denied her "
         "arrest in West Yorkshire.", DOE),
        ("Jane Doe was arrested at Heathrow, the BBC reported; police denied her "
         "arrest at Heathrow Airport.", DOE),
    ],
)  # fmt: skip
def test_a_denial_at_a_place_holding_the_place_told_takes_it_back(
    text: str, target: str, nlp: Any
) -> None:
    r = _read(text, nlp, target=target)
    assert not sightings(r)
    assert negated(r)


def test_a_denied_death_in_the_state_of_the_place_told_takes_it_back(
    nlp: Any,
) -> None:
    r = _read("Salcedo was killed in Culiacán, Milenio reported; the army denied his "
              "death in Sinaloa.", nlp)  # fmt: skip
    assert lives(r) == []
    assert negated(r)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # near-misses: another town; a town inside the state told
        ("Salcedo was arrested in Culiacán; police denied his arrest in Durango.",
         "Culiacán"),
        ("Salcedo was arrested in Culiacán; police denied his arrest in "
         "Guadalajara.", "Culiacán"),
        ("Salcedo was seen in Mazatlán; police denied reports of his arrest in "
         "Durango.", "Mazatlán"),
        ("Salcedo was arrested in Mazatlán; police denied his arrest in Culiacán.",
         "Mazatlán"),
        ("Salcedo was arrested at a ranch in Sinaloa; police denied his arrest in "
         "Culiacán.", "Sinaloa"),
    ],
)  # fmt: skip
def test_a_denial_at_another_place_keeps_the_event(
    text: str, place: str, nlp: Any
) -> None:
    r = _read(text, nlp)
    assert seen(r) == [(place, "certain")]
    assert not negated(r)


# -- 7, 8: the target named --------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Salcedo was reportedly detained in Culiacán; the Navy denied the "
         "detention of the man, identified as Salcedo.", SALCEDO),
        ("Salcedo was reportedly detained in Culiacán; the Navy denied the "
         "detention of the man identified as Salcedo.", SALCEDO),
    ],
)  # fmt: skip
def test_the_man_identified_as_the_target_with_commas_is_named(
    text: str, target: str, nlp: Any
) -> None:
    r = _read(text, nlp, target=target)
    assert not sightings(r)
    assert negated(r)


def test_the_man_identified_as_another_keeps_the_detention(nlp: Any) -> None:
    r = _read("Salcedo was reportedly detained in Culiacán; the Navy denied the "
              "detention of the man, identified as Guzmán.", nlp)  # fmt: skip
    assert seen(r) == [("Culiacán", "probable")]
    assert not negated(r)


def test_a_given_name_tagged_a_noun_names_the_target(nlp: Any) -> None:
    r = _read("Ag Alher was killed near Kidal, residents said; the French army "
              "denied the death of Hamadou.", nlp, target=AG_ALHER)  # fmt: skip
    assert lives(r) == []
    assert negated(r)


def test_another_of_the_targets_given_name_keeps_the_death(nlp: Any) -> None:
    r = _read("Ag Alher was killed near Kidal, residents said; the French army "
              "denied the death of Hamadou Diallo.", nlp, target=AG_ALHER)  # fmt: skip
    assert lives(r) == [("dead", "certain")]
    assert not negated(r)


def test_the_names_life_reads_are_public() -> None:
    from geosleuth.read import _denied_owners, _life_denials, _sighting_denials

    for name in ("DENYING_BACK", "EVENT_NOUNS", "told_before", "described_only"):
        assert name in _denied_owners.__all__
        assert getattr(_life_denials, name) is getattr(_denied_owners, name)
    assert not [n for n in _sighting_denials.__all__ if n.lstrip("_").isupper()]
