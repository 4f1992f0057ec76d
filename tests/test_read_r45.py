"""Review r40: hedges and polarity of r38's fixes (helper rd45), with near-misses.

- A faked death counts only where it is all the death the sentence tells: not
  one of another time ("S, who faked his death in 2010, was killed ..."), one
  denied ("dismissing claims his death was faked"), nor a death "staged to look
  like a suicide" (a real death, its manner staged).
- "He" in a time clause is the target's deputy only where the deputy appears in
  a recording and "he" fits it: "S's wife appeared in court ..., a week after
  he was killed" tells the target's death.
- A denial or word withheld ("refused to dismiss reports that", "declined to
  confirm that") raises only what it governs, not the arrest or death beside it;
  a clause after a semicolon does not hedge a death, but "...; this is
  unconfirmed" still hedges a sighting.
- "..., which his lawyer said was false" after a noun ("on drug charges")
  disputes that noun, not the statement.
- "Rivas said people say ..., and that he saw S": Rivas's own clause is his.
- "should have been detained in Culiacán when he was seen there": he was seen.
- Contractions ("didn't rule out"), "declined to confirm that S had been
  arrested", "it is widely said / being rumoured", "pretended to be dead" and
  "had the raid not been leaked".
"""

from __future__ import annotations

from typing import Any

import pytest

from reading import item_set, reader

pytestmark = pytest.mark.nlp

_S = "Rodrigo Salcedo Ibarra"
_H = "Hamadou Ag Alher"
_D = "Jane Doe"
_read = {"S": reader(_S), "H": reader(_H), "D": reader(_D)}


def _got(text: str, nlp: Any) -> set[tuple[str, str]]:
    """(what, hedge) of each item of ``text``, read for the target it names."""
    who = "H" if _H in text else "D" if _D in text else "S"
    return {(what, hedge) for _, what, hedge, _, _ in item_set(_read[who](text, nlp))}


def _spoken(text: str, nlp: Any) -> set[tuple[str, str, str | None]]:
    """(what, hedge, speaker) of each item of ``text``, read for Salcedo."""
    return {
        (what, hedge, speaker)
        for _, what, hedge, _, speaker in item_set(_read["S"](text, nlp))
    }


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        (f"{_S}, who faked his death in 2010 to escape creditors, was killed in "
         "Culiacán on Monday, police said.", "certain"),
        (f"{_S}, who once faked his own death, was shot dead in Culiacán on "
         "Monday, police said.", "certain"),
        (f"{_S}, once accused of faking his own death, was killed in Culiacán on "
         "Monday.", "certain"),
        (f"Police said {_S} was killed in Culiacán on Monday, dismissing claims his "
         "death was faked.", "certain"),
        (f"{_S} died in Culiacán on Monday, his family said, denying rumours he "
         "had faked his death.", "certain"),
        (f"{_S}'s bodyguard faked his own death in 2016, police said, and {_S} was "
         "killed in Culiacán on Monday.", "certain"),
        (f"Investigators said {_S}'s death was staged to look like a suicide.",
         "certain"),
        (f"{_S} was killed in Culiacán on Monday, and his killers staged his death "
         "as a suicide, police said.", "certain"),
        (f"Police said {_D}'s killer had staged her death to look like a suicide.",
         "certain"),
        # near-misses: the fake is all the death told
        (f"{_S} faked his own death in 2010, police said.", None),
        (f"{_S}'s death was faked, police said.", None),
        (f"{_S}'s brother said his death was faked.", None),
        (f"His brother said the death of {_S} was staged.", None),
        (f"{_S} pretended to be dead, police said.", None),
    ],
)  # fmt: skip
def test_a_fake_beside_a_death_leaves_it(text: str, dead: str | None, nlp: Any) -> None:
    got = {hedge for what, hedge in _got(text, nlp) if what == "dead"}
    assert got == ({dead} if dead else set())


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        (f"{_S}'s wife appeared in court on Monday, a week after he was killed in "
         "Culiacán.", True),
        (f"{_S}'s family buried him in Culiacán on Monday, days after he was "
         "killed by soldiers.", True),
        (f"{_S}'s widow has lived in Durango since he was killed in Culiacán in "
         "2016.", True),
        (f"{_S}'s lawyer filed an appeal on Monday, a week after he was killed in "
         "Culiacán.", True),
        (f"{_S}'s deputy took control of the cartel on Monday, weeks after he was "
         "killed in Culiacán.", True),
        (f"{_H}'s deputy addressed fighters on Monday, weeks after he was killed "
         "near Kidal.", True),
        (f"{_H}'s wife appeared in a video released on Monday, weeks after the "
         "army said he had been killed.", True),
        # near-misses: the deputy in a recording, "he" the deputy (review r38)
        (f"{_H}'s deputy appeared in a video released on Monday, weeks after the "
         "army said he had been killed.", False),
        (f"{_H}'s wife appeared in a video released on Monday, weeks after the "
         "army said she had been killed.", False),
    ],
)  # fmt: skip
def test_he_in_a_time_clause_is_the_target_unless_another_appears_recorded(
    text: str, dead: bool, nlp: Any
) -> None:
    assert (("dead", "certain") in _got(text, nlp)) is dead


@pytest.mark.parametrize(
    ("text", "got"),
    [
        (f"Police arrested {_S} in Culiacán on Monday but refused to dismiss "
         "reports that he had been tipped off.", {("seen Culiacán", "certain")}),
        (f"{_S} was killed in Culiacán on Monday, police said, declining to "
         "confirm reports that he had been betrayed.",
         {("dead", "certain"), ("Culiacán is", "certain")}),
        (f"{_S} died in Culiacán on Monday, but his family refuses to believe he "
         "took his own life.", {("dead", "certain"), ("Culiacán is", "certain")}),
        (f"The army said {_H} was killed near Kidal on Monday but would not rule "
         "out that some fighters escaped.",
         {("dead", "certain"), ("Kidal is", "certain")}),
        (f"{_D} was found alive in York on Monday, police said, and did not rule "
         "out that she had been held captive.",
         {("alive", "certain"), ("seen York", "certain")}),
        (f"{_S} was killed in Culiacán on Monday; police have not ruled out that "
         "he was betrayed.", {("dead", "certain"), ("Culiacán is", "certain")}),
        (f"{_D} was found dead in York on Monday; police did not rule out that "
         "she had been killed.", {("dead", "certain"), ("seen York", "certain")}),
        (f"Police did not rule out that {_D} had been killed, but said she was "
         "seen in York on Monday.", {("dead", "possible"), ("seen York", "certain")}),
        (f"{_S} was killed in Culiacán on Monday; he may have been betrayed.",
         {("dead", "certain"), ("Culiacán is", "certain")}),
        # near-misses: what the withheld word governs is raised; a hedge of
        # the death's own clause, or one after a semicolon of the sighting
        (f"Police said {_D} is alive but declined to confirm reports that she is "
         "in York.", {("alive", "certain"), ("York is", "possible")}),
        (f"Police refused to dismiss reports that {_D} had been killed in York.",
         {("dead", "possible"), ("York is", "possible")}),
        (f"{_S} may have been killed in Culiacán on Monday; police are "
         "investigating.", {("dead", "possible"), ("Culiacán is", "possible")}),
        (f"{_S} was seen in Culiacán on Monday; however, this is unconfirmed.",
         {("seen Culiacán", "possible")}),
        (f"{_S} was arrested in Culiacán on Monday; it is said he had been "
         "betrayed.", {("seen Culiacán", "certain")}),
    ],
)  # fmt: skip
def test_a_word_withheld_or_a_clause_apart_hedges_only_its_own(
    text: str, got: set[tuple[str, str]], nlp: Any
) -> None:
    assert _got(text, nlp) == got


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        (f"{_S} was arrested in Culiacán on Monday on drug charges, which his "
         "lawyer said were false.", "certain"),
        (f"{_S} was arrested in Culiacán on Monday and charged with murder, which "
         "his lawyer called baseless.", "certain"),
        (f"{_S} was arrested in Culiacán on Monday after giving police a name "
         "which he said was his own, which they said was false.", "certain"),
        # near-miss: the statement itself called untrue
        (f"Police said {_S} was seen in Culiacán on Monday, which his lawyer said "
         "was false.", "probable"),
    ],
)  # fmt: skip
def test_which_after_a_noun_disputes_the_noun(text: str, hedge: str, nlp: Any) -> None:
    assert ("seen Culiacán", hedge) in _got(text, nlp)


@pytest.mark.parametrize(
    ("text", "got"),
    [
        (f"Rivas said people say {_S} is generous, but that he is hiding in "
         "Durango.", {("Durango is", "certain", "Rivas")}),
        # near-miss: what people say
        (f"Rivas said people say {_S} is in Culiacán.",
         {("Culiacán is", "possible", None)}),
    ],
)  # fmt: skip
def test_the_speakers_own_that_beside_what_people_say(
    text: str, got: set[tuple[str, str, str | None]], nlp: Any
) -> None:
    assert _spoken(text, nlp) == got


@pytest.mark.parametrize(
    ("text", "got"),
    [
        (f"{_S} should have been detained in Culiacán when he was seen there on "
         "Monday.", {("seen Culiacán", "certain")}),
        (f"Police said {_S} should have been arrested on Monday in Culiacán, where "
         "he was seen.", {("seen Culiacán", "certain")}),
        (f"{_S} would have been captured in Culiacán on Monday had the raid not "
         "been leaked.", set()),
        # near-misses: a duty not done, with no clause of where he was
        (f"{_S} should have been arrested in Culiacán, the governor said.", set()),
    ],
)  # fmt: skip
def test_a_deed_owed_where_he_was_seen(
    text: str, got: set[tuple[str, str]], nlp: Any
) -> None:
    assert _got(text, nlp) == got


@pytest.mark.parametrize(
    ("text", "got"),
    [
        (f"Police didn't rule out that {_D} had been killed in York.",
         {("dead", "possible"), ("York is", "possible")}),
        (f"Police haven't ruled out that {_D} is dead.", {("dead", "possible")}),
        (f"Police cannot rule out that {_D} is alive.", {("alive", "possible")}),
        (f"Police are not ruling out that {_D} is alive.", {("alive", "possible")}),
        (f"Police didn't rule out that {_S} had fled to Durango.",
         {("Durango is", "possible")}),
        (f"The navy declined to confirm that {_S} had been arrested in Culiacán.",
         {("seen Culiacán", "possible")}),
        (f"It is widely said {_S} was seen in Culiacán on Monday.",
         {("seen Culiacán", "possible")}),
        (f"It is being rumoured that {_S} was seen in Culiacán on Monday.",
         {("seen Culiacán", "possible")}),
        (f"Police said it is rumoured {_S} was seen in Culiacán on Monday.",
         {("seen Culiacán", "possible")}),
        # near-misses: a denial made, a word given
        (f"Police ruled out that {_D} is alive.", set()),
        (f"The navy confirmed that {_S} had been arrested in Culiacán.",
         {("seen Culiacán", "certain")}),
        (f"It is true that {_S} was seen in Culiacán on Monday.",
         {("seen Culiacán", "certain")}),
    ],
)  # fmt: skip
def test_variants_of_words_withheld_and_hearsay(
    text: str, got: set[tuple[str, str]], nlp: Any
) -> None:
    assert _got(text, nlp) == got
