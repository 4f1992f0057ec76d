"""Review r43's findings (H1, H2, M1, M2, M3, M5, M6, M8, M7), each with its
near-miss (a reading that must stay as it was).

- H1: a city or a state before "'s" and a thing of a place ("Culiacán's bar
  district", "Texas's ranch country") is the place; only a person's name, a
  given name, a small place or a thing only a person owns ("Tyler's
  apartment") makes an owner; an owner's name never becomes another place by
  a loose match ("Austin's car" is no San Agustín del Pulque).
- H2: a departure denied ("was not extradited from Mexico and is still in
  prison there", "has not left Mexico and is hiding in Sinaloa") makes no place
  ``is_not``; a verb with a tense of its own after "and" ("and remains in
  Culiacán") keeps no "not" of the verb before.
- M1: "would have been arrested ... when he was seen there, had police acted":
  he was seen there.
- M2: "with his wife, which his lawyer said was false": the company is no
  thing called false, the statement is disputed.
- M3: "feigned death", "played dead", "S's death in Culiacán was faked", and a
  death told before "but ... faked his death" are no death.
- M5: "A video of S's deputy surfaced ..., days after he was killed": the
  deputy's video, the deputy's death.
- M6: "declined to confirm S is in ..." (no "that") is a word withheld, as with
  "that"; "couldn't confirm S is in ..." is doubtful, as "could not confirm that".
- M8: "Anonymous police sources said" are the police's sources.
- M7: "arrested ...; no shots were fired": the clause after the semicolon does
  not deny the arrest.
"""

from __future__ import annotations

from typing import Any

import pytest

from reading import item_set, reader

pytestmark = pytest.mark.nlp

_S = "Rodrigo Salcedo Ibarra"
_D = "Jane Doe"
_H = "Hamadou Ag Alher"
_READERS = {"S": reader(_S), "D": reader(_D), "H": reader(_H)}


def _read(who: str, text: str, nlp: Any) -> set[tuple[Any, ...]]:
    return item_set(_READERS[who](text, nlp))


def _is(
    place: str, hedge: str = "certain", grade: str = "F3", speaker: str | None = None
) -> tuple[Any, ...]:
    return ("Claim", f"{place} is", hedge, grade, speaker)


def _seen(
    place: str, hedge: str = "certain", grade: str = "F3", speaker: str | None = None
) -> tuple[Any, ...]:
    return ("Sighting", f"seen {place}", hedge, grade, speaker)


def _dead(hedge: str = "certain", grade: str = "F3", speaker: str | None = None) -> Any:
    return ("LifeStatus", "dead", hedge, grade, speaker)


# --- H1: a place's own possessive is the place ----------------------------------


@pytest.mark.parametrize(
    ("who", "text", "expected"),
    [
        ("S", f"{_S} was arrested in Culiacán's bar district on Monday.",
         {_seen("Culiacán")}),
        ("S", f"{_S} was arrested at a bar in Culiacán's restaurant district on "
         "Monday.", {_seen("Culiacán")}),
        ("S", f"{_S} was arrested in Culiacán's office of the attorney general on "
         "Monday.", {_seen("Culiacán")}),
        ("S", f"{_S} was seen in Culiacán's bar on Monday.", {_seen("Culiacán")}),
        ("S", f"{_S} was seen in Sinaloa's farm country on Monday.",
         {_seen("Sinaloa")}),
        ("S", f"{_S} is hiding in Sinaloa's ranch lands, police said.",
         {_is("Sinaloa", grade="F2", speaker="Police")}),
        ("S", f"{_S} was seen in Texas's ranch country on Monday.", {_seen("Texas")}),
        ("S", f"{_S} was seen in Texas's ranch on Monday.", {_seen("Texas")}),
        ("S", f"{_S} was seen in Arizona's ranch lands on Monday.",
         {_seen("Arizona")}),
        ("D", f"{_D} was seen in London's bar district on Monday.",
         {_seen("London")}),
        ("H", f"{_H} is hiding in Kidal's office district, officials said.",
         {_is("Kidal", grade="F2", speaker="Officials")}),
        ("S", f"{_S} was seen in Austin's car in Culiacán on Monday.",
         {_seen("Culiacán")}),
        # near-misses: an owner's name stays no place
        ("S", f"{_S} was hiding in Santiago's ranch.", set()),
        ("S", f"{_S} was hiding in Victoria's house.", set()),
        ("D", f"{_D} was seen in Tyler's apartment on Monday.", set()),
        ("D", f"{_D} was seen in Charlotte's flat on Monday.", set()),
        ("S", f"{_S} was seen in Santiago's house in Culiacán on Monday.",
         {_seen("Culiacán")}),
        ("S", f"{_S} was seen in Juan's truck on Monday.", set()),
    ],
)  # fmt: skip
def test_a_places_possessive_is_the_place(
    who: str, text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _read(who, text, nlp) == expected


# --- H2: a departure denied denies no place --------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{_S} was not extradited from Mexico and is still in prison there.",
         {_is("Mexico")}),
        (f"{_S} was never extradited from Mexico, where he remains in prison.",
         {_is("Mexico")}),
        (f"{_S} was not extradited from Mexico and remains in Culiacán.",
         {_is("Culiacán")}),
        (f"{_S} has not left Mexico and is hiding in Sinaloa, police said.",
         {_is("Mexico ∩ Sinaloa", grade="F2", speaker="Police")}),
        (f"{_S} was not deported from the United States and is in prison in "
         "Colorado.", {_is("United States ∩ Colorado")}),
        # near-misses: a departure denied alone says nothing; a place denied is
        (f"{_S} was not extradited from Mexico.", set()),
        (f"{_S} is not in Durango and is hiding in Sinaloa.",
         {("Claim", "Durango is_not", "certain", "F3", None), _is("Sinaloa")}),
    ],
)  # fmt: skip
def test_a_denied_departure_denies_no_place(
    text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _read("S", text, nlp) == expected


# --- M1: seen there, though the arrest did not happen ----------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{_S} would have been arrested in Culiacán on Monday when he was seen "
         "there, had police acted.", {_seen("Culiacán")}),
        (f"{_S} should have been arrested when he was seen in Culiacán on Monday.",
         {_seen("Culiacán")}),
        # near-miss: no clause that he was there
        (f"{_S} would have been arrested in Culiacán on Monday had police acted.",
         set()),
    ],
)  # fmt: skip
def test_seen_where_an_arrest_did_not_happen(
    text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _read("S", text, nlp) == expected


# --- M2: company is no thing called false -----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police said S was hiding in Durango with his wife, which his lawyer said "
         "was false.", {_is("Durango", "probable", "F2", "Police")}),
        ("Police said S was hiding in Durango for weeks, which his lawyer said was "
         "false.", {_is("Durango", "probable", "F2", "Police")}),
        # near-miss: the plain dispute
        ("Police said S was in Durango, which his lawyer said was false.",
         {_is("Durango", "probable", "F2", "Police")}),
    ],
)  # fmt: skip
def test_company_is_no_thing_called_false(
    text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _read("S", text.replace("S ", f"{_S} ", 1), nlp) == expected


# --- M3: a faked death is none -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{_S}'s death in Culiacán was faked, his brother said.", set()),
        (f"{_S} feigned death to escape the soldiers in Culiacán on Monday.", set()),
        (f"{_S} played dead to escape the soldiers in Culiacán on Monday.", set()),
        (f"{_S} was declared dead in 2010, but the death was faked.", set()),
        (f"{_S} was reported killed in Culiacán in 2010 but had faked his death, "
         "police said.", set()),
        (f"Police believed {_S} had been killed in a shootout in 2010, but he had "
         "faked his death.", set()),
        # near-misses: a real death beside a fake of another time or denied
        (f"{_S} was killed in Culiacán on Monday, his family said, denying "
         "rumours he had faked his death.",
         {_dead(grade="F3", speaker="His family"),
          _is("Culiacán", speaker="His family")}),
        (f"{_S} was killed in Culiacán on Monday, but he had faked his death in "
         "2010.", {_dead(), _is("Culiacán")}),
        (f"{_S}'s death in Culiacán was confirmed, his brother said.",
         {_dead(speaker="His brother")}),
    ],
)  # fmt: skip
def test_a_faked_death_is_none(
    text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _read("S", text, nlp) == expected


# --- M5: a video of the target's deputy ------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"A video of {_S}'s deputy surfaced on Monday, days after he was killed "
         "in Culiacán.", set()),
        (f"{_S}'s deputy appeared in a video on Monday, a week after he was killed "
         "in Culiacán.", set()),
        # near-miss: a video of the target
        (f"A video of {_S} surfaced on Monday.",
         {("LifeStatus", "alive", "certain", "F2", None)}),
    ],
)  # fmt: skip
def test_a_video_of_the_deputy(
    text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _read("S", text, nlp) == expected


# --- M6, M8: words withheld; police sources ----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Police declined to confirm {_S} is in Culiacán.",
         {_is("Culiacán", "possible")}),
        (f"Police couldn't confirm {_S} is in Culiacán.",
         {_is("Culiacán", "doubtful", "F2", "Police")}),
        (f"Police could not confirm that {_S} is in Culiacán.",
         {_is("Culiacán", "doubtful", "F2", "Police")}),
        (f"Anonymous police sources said {_S} is in Durango.",
         {_is("Durango", speaker="Anonymous police sources")}),
        # near-misses: sources of no one; a confirmation
        (f"Anonymous sources said {_S} is in Durango.",
         {_is("Durango", "possible", "F5")}),
        (f"Police confirmed {_S} is in Culiacán.",
         {_is("Culiacán", grade="F2", speaker="Police")}),
    ],
)  # fmt: skip
def test_withheld_words_and_police_sources(
    text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _read("S", text, nlp) == expected


# --- M7: a clause after a semicolon ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Soldiers arrested {_S} in Culiacán on Monday; no shots were fired.",
         {_seen("Culiacán")}),
        (f"Soldiers arrested {_S} in Culiacán on Monday; nobody was injured.",
         {_seen("Culiacán")}),
        (f"{_S} was arrested in Culiacán on Monday; officials would not confirm "
         "that he was wounded.", {_seen("Culiacán", grade="F2",
                                        speaker="Officials")}),
        # near-misses: a denial of the arrest itself, or a doubt of it (not yet
        # confirmed, as "could not be confirmed": possible; r60)
        (f"{_S} was seen in Culiacán on Monday; the sighting has not been "
         "confirmed.", {_seen("Culiacán", "possible")}),
        (f"Police denied that {_S} was arrested in Culiacán on Monday.", set()),
        (f"Nobody arrested {_S} in Culiacán on Monday.", set()),
    ],
)  # fmt: skip
def test_a_clause_after_a_semicolon(
    text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _read("S", text, nlp) == expected


# --- review r44 of the above (helper rd48) -----------------------------------------
# H1-a: "Houston's house", "Dallas's office in Culiacán": a person's; the
# target's own surname before "'s" is no place. H2-a: "; officials denied it"
# denies what was told before. H3-a: a fake of an earlier time, or one speaker's
# word against another's, leaves the death. M1-a: "anonymous social media
# sources" are no one's. M2-a: "did not go to X and stayed in Y": X is not.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{_S} was arrested at Houston's house in Culiacán on Monday.",
         {_seen("Culiacán")}),
        (f"{_S} was hiding in León's mansion in Culiacán.", {_is("Culiacán")}),
        (f"{_S} was arrested at Houston's bar in Mazatlán.", {_seen("Mazatlán")}),
        (f"{_S} was arrested at Dallas's office in Culiacán.", {_seen("Culiacán")}),
        (f"{_S} is hiding in Ibarra's house, police said.", set()),
        # near-misses: a place's part, or a place's office
        (f"{_S} was seen in Culiacán's house of representatives.",
         {_seen("Culiacán")}),
        (f"{_S} was seen in Austin's bar district on Monday.", {_seen("Austin")}),
        (f"{_S} was arrested at Durango's state office on Monday.",
         {_seen("Durango")}),
    ],
)  # fmt: skip
def test_a_persons_house_r44(
    text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _read("S", text, nlp) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Soldiers arrested {_S} in Culiacán; officials denied it.", set()),
        (f"Soldiers arrested {_S} in Culiacán; the government denied it.", set()),
        (f"{_S} was seen in Culiacán; police dismissed the report.", set()),
        (f"Soldiers arrested {_S} in Culiacán; police rejected the claim.", set()),
        # near-miss: a clause of its own after the semicolon
        (f"Soldiers arrested {_S} in Culiacán; no shots were fired.",
         {_seen("Culiacán")}),
    ],
)  # fmt: skip
def test_a_denial_after_a_semicolon_r44(
    text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _read("S", text, nlp) == expected


def test_a_denial_of_something_else_after_a_semicolon_r44(nlp: Any) -> None:
    # "; officials denied wrongdoing": not a denial of the arrest
    text = f"Soldiers arrested {_S} in Culiacán; officials denied wrongdoing."
    assert any(i[:2] == ("Sighting", "seen Culiacán") for i in _read("S", text, nlp))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{_S} was shot dead on Monday, but police said he had played dead in an "
         "earlier attack.", {_dead()}),
        (f"{_S} was killed on Monday, but police said he had once staged his "
         "death.", {_dead()}),
        (f"{_S} died on Monday, but rivals had staged his death before.", {_dead()}),
        # the lawyer disputes the police's word: a disputed death is set aside,
        # as with "but his lawyer denied it" (review r50; tests/test_read_r50.py)
        (f"{_S} was killed on Monday, police said, but his lawyer said the death "
         "was faked.", set()),
        # near-misses: the death told is the fake
        (f"{_S} was reported dead, but the death was faked.", set()),
        (f"{_S} was declared dead in 2010, but the death was faked.", set()),
        (f"Police believed {_S} had been killed in a shootout in 2010, but he had "
         "faked his death.", set()),
    ],
)  # fmt: skip
def test_a_fake_of_another_time_or_word_r44(
    text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _read("S", text, nlp) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Anonymous social media sources said {_S} was in Culiacán.",
         {_is("Culiacán", "possible", "F5")}),
        (f"Anonymous internet sources said {_S} was in Culiacán.",
         {_is("Culiacán", "possible", "F5")}),
        # near-misses: an institution's sources
        (f"Anonymous intelligence sources said {_S} was in Culiacán.",
         {_is("Culiacán", speaker="Anonymous intelligence sources")}),
        (f"Anonymous police sources said {_S} was in Culiacán.",
         {_is("Culiacán", speaker="Anonymous police sources")}),
    ],
)  # fmt: skip
def test_anonymous_media_sources_r44(
    text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _read("S", text, nlp) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{_S} did not go to Culiacán and stayed in Mazatlán.",
         {("Claim", "Culiacán is_not", "certain", "F3", None), _is("Mazatlán")}),
        # near-misses: a departure denied; a going with no "not"
        (f"{_S} has not left Culiacán and is hiding there.", {_is("Culiacán")}),
        (f"{_S} did not travel to Culiacán and remained in Tijuana.",
         {_is("Tijuana")}),
        (f"{_S} went to Culiacán and stayed in Mazatlán.",
         {_is("Culiacán"), _is("Mazatlán")}),
    ],
)  # fmt: skip
def test_a_going_denied_before_and_r44(
    text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _read("S", text, nlp) == expected
