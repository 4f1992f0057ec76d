"""Review r38: hedges and polarity (helper rd44), each fix with its near-miss.

- A denial withheld ("refused to dismiss reports that", "did not rule out
  that", "declined to confirm", "refused to accept") denies nothing: what it is
  about, a sighting, a death or a life, is only raised (possible; "did not deny
  that" stays the speaker's word, as review 15 has it); and a death
  in a report no one judges ("There are reports that she is dead") is as sure
  as a life so reported, possible.
- "S's brother said his death was faked": no death.
- "It is said S was arrested in Culiacán" is hearsay, as "It is said S died";
  "Rivas said people say ..." is relayed hearsay, as "Rivas said they say".
- A deed that did not happen ("should have been arrested", "would have been
  arrested had soldiers not been delayed") is no sighting; a relative clause of
  the target ("who would have surrendered") does not hedge its death, nor a
  clause after a semicolon its arrest.
- "..., which his lawyer said was false", "...; his family says that is false"
  dispute the statement, as "which is false" does.
- A recording of the target's lawyer is no proof of life; "..., and he appears
  healthy" after the deputy shown is the deputy's.
"""

from __future__ import annotations

from typing import Any

import pytest

from reading import item_set, reader

pytestmark = pytest.mark.nlp

_doe = reader("Jane Doe")
_salcedo = reader("Rodrigo Salcedo Ibarra")
_ag_alher = reader("Hamadou Ag Alher")
_S = "Rodrigo Salcedo Ibarra"


def _got(reading: Any) -> set[tuple[str, str]]:
    """(what, hedge) of each life status, claim and sighting."""
    return {(what, hedge) for _, what, hedge, _, _ in item_set(reading)}


@pytest.mark.parametrize(
    ("text", "got"),
    [
        ("Police refused to dismiss reports that Jane Doe was seen in York on "
         "Monday.", {("seen York", "possible")}),
        ("Police refused to dismiss reports that Jane Doe had been killed in York.",
         {("dead", "possible"), ("York is", "possible")}),
        ("Police refused to dismiss reports that Jane Doe is dead.",
         {("dead", "possible")}),
        ("Police did not dismiss reports that Jane Doe died in York.",
         {("dead", "possible"), ("York is", "possible")}),
        ("Police declined to confirm reports that Jane Doe was killed in York.",
         {("dead", "possible"), ("York is", "possible")}),
        ("Police refused to dismiss reports that Jane Doe is alive and living in "
         "York.", {("alive", "possible"), ("York is", "possible")}),
        ("Police did not rule out that Jane Doe was seen in York on Monday.",
         {("seen York", "possible")}),
        ("Police declined to confirm that Jane Doe is alive.", {("alive", "possible")}),
        ("Police refused to rule out that Jane Doe is alive.", {("alive", "possible")}),
        ("Police refused to accept reports that Jane Doe had died.",
         {("dead", "possible")}),
        ("Her mother refused to accept that Jane Doe is dead.", {("dead", "possible")}),
        ("Police refused to release a statement saying Jane Doe is alive.",
         {("alive", "possible")}),
        ("There are reports that Jane Doe died in York.",
         {("dead", "possible"), ("York is", "possible")}),
        ("Police are searching for Jane Doe. There are reports that she is dead.",
         {("dead", "possible")}),
        # near-misses: a denial made, a confirmation, a plain word; "did not deny
        # that" is the speaker's word (review 15)
        ("Police did not deny that Jane Doe was seen in York on Monday.",
         {("seen York", "certain")}),
        ("Police dismissed reports that Jane Doe was seen in York on Monday.", set()),
        ("Police dismissed reports that Jane Doe had been killed in York.", set()),
        ("Police denied that Jane Doe was seen in York on Monday.", set()),
        ("Police ruled out that Jane Doe was seen in York on Monday.", set()),
        ("Police dismissed reports that Jane Doe is alive and living in York.",
         {("York is_not", "certain")}),
        ("Police confirmed reports that Jane Doe was killed in York.",
         {("dead", "certain"), ("York is", "certain")}),
        ("Police said Jane Doe was killed in York.",
         {("dead", "certain"), ("York is", "certain")}),
        ("Police released a statement saying Jane Doe is alive.",
         {("alive", "certain")}),
        ("Her mother said Jane Doe is dead.", {("dead", "certain")}),
        ("Jane Doe did not die, despite reports that she was killed in York.", set()),
    ],
)  # fmt: skip
def test_a_denial_withheld_or_a_report_unjudged_only_raises(
    text: str, got: set[tuple[str, str]], nlp: Any
) -> None:
    assert _got(_doe(text, nlp)) == got


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        (f"{_S}'s brother said his death was faked.", False),
        (f"Prosecutors said {_S} faked his own death in 2016.", False),
        # near-misses: a death said, confirmed
        (f"{_S}'s brother said his death was confirmed.", True),
        (f"Prosecutors said {_S} was killed in 2016.", True),
    ],
)
def test_a_death_faked_is_none(text: str, dead: bool, nlp: Any) -> None:
    r = _salcedo(text, nlp)
    assert (("dead", "certain") in _got(r)) is dead
    assert not [w for w, _ in _got(r) if w == "dead"] or dead


@pytest.mark.parametrize(
    ("text", "got"),
    [
        (f"It is said {_S} was arrested in Culiacán on Monday.",
         {("seen Culiacán", "possible")}),
        (f"It is rumoured that {_S} was arrested in Culiacán on Monday.",
         {("seen Culiacán", "possible")}),
        (f"It is said {_S} died in Culiacán on Monday.",
         {("dead", "possible"), ("Culiacán is", "possible")}),
        (f"Rivas said people say {_S} is in Culiacán.",
         {("Culiacán is", "possible")}),
        (f"Rivas said they say {_S} is in Culiacán.", {("Culiacán is", "possible")}),
        # near-misses: the speaker's own word; "it is said" of another clause
        (f"Rivas said {_S} is in Culiacán.", {("Culiacán is", "certain")}),
        (f"Rivas said people saw {_S} in Culiacán on Monday.",
         {("seen Culiacán", "certain")}),
        (f"{_S} was arrested in Culiacán on Monday; it is said he had been "
         "betrayed.", {("seen Culiacán", "certain")}),
    ],
)  # fmt: skip
def test_hearsay_said_or_relayed_is_possible(
    text: str, got: set[tuple[str, str]], nlp: Any
) -> None:
    assert _got(_salcedo(text, nlp)) == got


@pytest.mark.parametrize(
    ("text", "got"),
    [
        (f"{_S} should have been arrested in Culiacán, the governor said.", set()),
        (f"{_S} would have been arrested in Culiacán had soldiers not been delayed.",
         set()),
        (f"{_S} could have been arrested in Culiacán if soldiers had arrived sooner.",
         set()),
        # the death stays certain; where he "would have surrendered" is only
        # possible, as any "would have" with no condition (review r38, H7)
        (f"{_S}, who would have surrendered in Culiacán, was killed there on Monday.",
         {("dead", "certain"), ("Culiacán is", "possible")}),
        (f"{_S}, who may have been hiding in Durango, was killed on Monday.",
         {("dead", "certain"), ("Durango is", "possible")}),
        (f"{_S} was arrested in Culiacán on Monday; he would have fled to Durango "
         "if police had arrived later.", {("seen Culiacán", "certain")}),
        # near-misses: a deed only possible, or hedged in its own words
        (f"{_S} could have been arrested in Culiacán on Monday.",
         {("seen Culiacán", "possible")}),
        (f"{_S} may have been arrested in Culiacán on Monday.",
         {("seen Culiacán", "possible")}),
        (f"{_S} was arrested in Culiacán on Monday, the governor said.",
         {("seen Culiacán", "certain")}),
        (f"{_S}, who surrendered in Culiacán, may have been killed on Monday.",
         {("dead", "possible"), ("Culiacán is", "certain")}),
    ],
)  # fmt: skip
def test_a_deed_that_did_not_happen_is_no_sighting(
    text: str, got: set[tuple[str, str]], nlp: Any
) -> None:
    assert _got(_salcedo(text, nlp)) == got


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        (f"Police said {_S} was in Durango, which his lawyer said was false.",
         "probable"),
        (f"Police said {_S} was in Durango, which his lawyer called baseless.",
         "probable"),
        (f"Police say {_S} is in Durango; his family says that is false.",
         "probable"),
        # near-misses: the dispute withheld, or another place said
        (f"Police said {_S} was in Durango, which is false.", "probable"),
        (f"Police said {_S} was in Durango, which his lawyer did not say was false.",
         "certain"),
        (f"Police say {_S} is in Durango; his family says he is in Culiacán.",
         "certain"),
    ],
)  # fmt: skip
def test_a_statement_called_untrue_by_another_is_disputed(
    text: str, hedge: str, nlp: Any
) -> None:
    assert ("Durango is", hedge) in _got(_salcedo(text, nlp))


@pytest.mark.parametrize(
    ("text", "alive"),
    [
        ("A video released on Monday shows Rodrigo Salcedo Ibarra's lawyer in "
         "Culiacán.", False),
        ("A video released on Monday shows Hamadou Ag Alher's deputy addressing "
         "fighters, and he appears healthy.", False),
        ("Hamadou Ag Alher's deputy appeared in a video released on Monday, weeks "
         "after the army said he had been killed.", False),
        # near-misses: the target shown
        ("A video released on Monday shows Rodrigo Salcedo Ibarra in Culiacán.",
         True),
        ("A video released on Monday shows Hamadou Ag Alher addressing fighters, "
         "and he appears healthy.", True),
        ("A video released on Monday shows Hamadou Ag Alher's wife addressing "
         "fighters, and he is standing beside her.", True),
    ],
)  # fmt: skip
def test_a_recording_of_another_of_the_targets_own(
    text: str, alive: bool, nlp: Any
) -> None:
    read = _salcedo if "Salcedo" in text else _ag_alher
    assert (("alive", "certain") in _got(read(text, nlp))) is alive


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Hamadou Ag Alher's deputy appeared in a video released on Monday, weeks "
         "after the army said he had been killed.", False),
        # near-misses: the target appears, or is named in the time clause
        ("Hamadou Ag Alher appeared in a video released on Monday, weeks after the "
         "army said he had been killed.", True),
        ("Hamadou Ag Alher's deputy appeared in a video released on Monday, weeks "
         "after the army said Ag Alher had been killed.", True),
        ("Hamadou Ag Alher's deputy said on Monday that he had been killed.", True),
    ],
)  # fmt: skip
def test_he_in_a_time_clause_of_the_targets_deputy_is_the_deputy(
    text: str, dead: bool, nlp: Any
) -> None:
    assert (("dead", "certain") in _got(_ag_alher(text, nlp))) is dead
