"""Review r38's findings on attribution and recall (L9, M5, M1, L1, L2), each
with its near-miss (a reading that must stay as it was).

- L9: ordinary news. "said in a statement released Monday *that* ..." (the
  clause is not where the words were spoken); "surrendered in Culiacán"; "was
  extradited from Culiacán on Monday"; "Police arrested him ... *and told
  reporters* ...", "refused to discuss the case *but said* ..." (the subject
  they share speaks); "Rivas *read a report* saying ..." (no place called
  Rivas); "hiding in Basilan" (a name the tagger calls a person).
- M5: "released a statement *on Monday* saying ..." keeps its author; "said in
  a motion filed Monday that ..."; "a motion *asking that* he be moved to
  Durango" is a request, no place claim.
- M1: "Police arrested *S's bodyguard* in Culiacán ...": the bodyguard's
  arrest place is not the target's.
- L1/L2: "Reports *from the Defence Ministry* say" are the ministry's;
  "Reports obtained by Reuters" no speaker "Reports"; "S's henchman/deputy
  said" speak.
"""

from __future__ import annotations

from typing import Any

import pytest

from reading import item_set, reader

pytestmark = pytest.mark.nlp

_S = "Rodrigo Salcedo Ibarra"
_D = "Jane Doe"
_M = "Mundi Jalmaani"
_READERS = {"S": reader(_S), "D": reader(_D), "M": reader(_M)}


def _read(who: str, text: str, nlp: Any) -> set[tuple[Any, ...]]:
    return item_set(_READERS[who](text, nlp))


def _is(place: str, hedge: str, grade: str, speaker: str | None) -> tuple[Any, ...]:
    return ("Claim", f"{place} is", hedge, grade, speaker)


def _seen(place: str, grade: str, speaker: str | None) -> tuple[Any, ...]:
    return ("Sighting", f"seen {place}", "certain", grade, speaker)


def _life(status: str, grade: str, speaker: str | None) -> tuple[Any, ...]:
    return ("LifeStatus", status, "certain", grade, speaker)


# --- L9: ordinary news ---------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "text", "expected"),
    [
        # the clause of what was said, hung by the parse from the statement
        ("S", f"Police said in a statement released Monday that {_S} had been "
         "arrested in Culiacán.", {_seen("Culiacán", "F2", "Police")}),
        ("S", f"Police said in a statement released Monday that {_S} was killed "
         "in Culiacán.",
         {_life("dead", "F2", "Police"), _is("Culiacán", "certain", "F2", "Police")}),
        # near-miss: where the words were spoken is still no place of his
        ("S", f"Police told reporters in Mazatlán that {_S} had been arrested in "
         "Culiacán.", {_seen("Culiacán", "F2", "Police")}),
        # a surrender in person, as one "to authorities in"
        ("S", f"Police said {_S} had surrendered in Culiacán on Monday.",
         {_is("Culiacán", "certain", "F2", "Police")}),
        ("S", f"{_S} surrendered to police in Culiacán on Monday.",
         {_is("Culiacán", "certain", "F3", None)}),
        ("S", f"{_S}'s brother surrendered in Culiacán on Monday.", set()),
        ("S", f"{_S} did not surrender in Culiacán on Monday.", set()),
        # a dated extradition from a place: there then
        ("S", f"{_S} was extradited from Culiacán on Monday.",
         {_seen("Culiacán", "F3", None)}),
        # near-miss: undated ("on Monday" is the navy's word), as "fled Raqqa"
        ("S", f"The navy said on Monday that {_S} had been extradited from "
         "Culiacán.", set()),
        # the subject shared with the verb that reports
        ("S", f"Police arrested {_S} in Culiacán on Monday and told reporters {_S} "
         "had been hiding in Durango",
         {_seen("Culiacán", "F3", None), _is("Durango", "certain", "F2", "Police")}),
        ("D", f"Police refused to discuss the case but said {_D} is alive",
         {_life("alive", "F2", "Police")}),
        ("D", f"Police declined to name the suspect but said {_D} was killed in "
         "York on Monday",
         {_life("dead", "F2", "Police"), _is("York", "certain", "F2", "Police")}),
        ("D", f"Her brother was arrested in York and told police {_D} is in Leeds.",
         {_is("Leeds", "certain", "F3", "Her brother")}),
        # near-misses: a deed of the target's own stays the article's
        ("S", f"{_S} fled to Durango and said he would never return to Culiacán.",
         {_is("Durango", "certain", "F3", None)}),
        ("D", f"{_D} was seen in Leeds and is believed to have gone to York.",
         {_seen("Leeds", "F3", None), _is("York", "probable", "F3", None)}),
    ],
)  # fmt: skip
def test_ordinary_news_is_read(
    who: str, text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _read(who, text, nlp) == expected


@pytest.mark.parametrize(
    "verb", ["read a report", "cited a report", "received a letter", "saw a report"]
)
def test_one_who_reads_a_report_is_no_place(verb: str, nlp: Any) -> None:
    got = _read("S", f"Rivas {verb} saying {_S} was in Culiacán.", nlp)
    assert {what for _, what, *_ in got} == {"Culiacán is"}


def test_a_speaker_of_the_same_name_stays_no_place(nlp: Any) -> None:
    got = _read("S", f"Rivas said {_S} was in Culiacán.", nlp)
    assert got == {_is("Culiacán", "certain", "F3", "Rivas")}


@pytest.mark.parametrize(
    ("text", "hedge", "grade", "speaker"),
    [
        (f"{_M} is hiding in Basilan, the military said.", "certain", "F2",
         "Military"),
        (f"{_M} is believed to be hiding in Basilan, the military said.",
         "probable", "F2", "Military"),
        (f"{_M} was killed in a clash with soldiers in Basilan on Monday, the "
         "military said.", "certain", "F2", "Military"),
    ],
)  # fmt: skip
def test_a_place_the_tagger_calls_a_person_is_read_after_hiding_in(
    text: str, hedge: str, grade: str, speaker: str, nlp: Any
) -> None:
    # the gazetteer knows Basilan only as another name of Isabela City
    got = [c for c in _read("M", text, nlp) if c[0] == "Claim"]
    assert len(got) == 1 and got[0][2:] == (hedge, grade, speaker)


def test_a_name_met_is_still_no_place(nlp: Any) -> None:
    got = _read("M", f"{_M} met Basilan in Jolo on Monday.", nlp)
    assert got == {_is("Jolo", "certain", "F3", None)}


# --- M5: the author of a statement or motion -----------------------------------


@pytest.mark.parametrize(
    ("who", "text", "expected"),
    [
        ("S", f"The army released a statement on Monday saying {_S} was killed in "
         "Culiacán.",
         {_life("dead", "F2", "Army"), _is("Culiacán", "certain", "F2", "Army")}),
        ("S", f"Police filed a report on Monday saying {_S} was in Culiacán.",
         {_is("Culiacán", "certain", "F2", "Police")}),
        ("S", f"Police released a statement on Monday saying {_S} had been "
         "arrested in Culiacán.", {_seen("Culiacán", "F2", "Police")}),
        ("S", f"Police released a statement saying {_S} had been arrested in "
         "Culiacán.", {_seen("Culiacán", "F2", "Police")}),
        ("S", f"{_S}'s lawyer said in a motion filed Monday that {_S} is in "
         "Durango.", {_is("Durango", "certain", "F3", f"{_S}'s lawyer")}),
        ("S", f"{_S}'s lawyer said in a motion filed Monday that his client is in "
         "Durango.", {_is("Durango", "certain", "F3", f"{_S}'s lawyer")}),
        # near-misses: as before
        ("S", f"The army released a statement saying {_S} was killed in Culiacán.",
         {_life("dead", "F2", "Army"), _is("Culiacán", "certain", "F2", "Army")}),
        ("S", f"The army raided a house in Culiacán on Monday, saying {_S} was "
         "hiding there.", {_is("Culiacán", "certain", "F3", None)}),
    ],
)  # fmt: skip
def test_a_statement_keeps_its_author(
    who: str, text: str, expected: set[tuple[Any, ...]], nlp: Any
) -> None:
    assert _read(who, text, nlp) == expected


def test_a_motion_filed_on_a_day_is_its_authors(nlp: Any) -> None:
    got = _read(
        "S", f"His lawyer filed a motion on Monday claiming {_S} is alive.", nlp
    )
    assert {spk for *_, spk in got} == {"His lawyer"}


@pytest.mark.parametrize(
    "text",
    [
        f"His lawyer filed a motion asking that {_S} be moved to Durango.",
        f"His lawyer asked that {_S} be moved to Durango.",
    ],
)
def test_a_request_is_no_place_claim(text: str, nlp: Any) -> None:
    assert _read("S", text, nlp) == set()


def test_a_move_told_is_still_read(nlp: Any) -> None:
    got = _read("S", f"His lawyer said that {_S} was moved to Durango.", nlp)
    assert got == {_is("Durango", "certain", "F3", "His lawyer")}


# --- M1: the arrest of one of the target's people --------------------------------


def test_a_bodyguards_arrest_does_not_place_the_target(nlp: Any) -> None:
    text = (
        f"Police arrested {_S}'s bodyguard in Culiacán on Monday and said {_S} was "
        "in Durango."
    )
    assert _read("S", text, nlp) == {_is("Durango", "certain", "F2", "Police")}


def test_his_own_arrest_with_his_bodyguard_still_places_him(nlp: Any) -> None:
    text = (
        f"Police arrested {_S} and his bodyguard in Culiacán on Monday and said {_S} "
        "was in Durango."
    )
    assert _read("S", text, nlp) == {
        _seen("Culiacán", "F3", None),
        _is("Durango", "certain", "F2", "Police"),
    }


# --- L1/L2: speakers ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "grade"),
    [
        (f"Reports from the Defence Ministry say {_S} was killed in Culiacán on "
         "Monday.", "Defence Ministry", "F2"),
        (f"Reports from hospital officials say {_S} was killed in Culiacán on "
         "Monday.", "Hospital officials", "F2"),
        (f"Reports by the army say {_S} was killed in Culiacán on Monday.", "Army",
         "F2"),
        (f"Reports obtained by Reuters say {_S} is in Culiacán.", None, "F3"),
    ],
)  # fmt: skip
def test_reports_are_their_authors(
    text: str, speaker: str | None, grade: str, nlp: Any
) -> None:
    got = _read("S", text, nlp)
    assert {(g, spk, h) for _, _, h, g, spk in got} == {(grade, speaker, "certain")}


@pytest.mark.parametrize(
    "text",
    [
        f"Reports say {_S} is in Durango.",
        f"Rumours in Culiacán say {_S} is in Durango.",
    ],
)
def test_hearsay_of_no_one_stays_a_rumour(text: str, nlp: Any) -> None:
    assert _read("S", text, nlp) == {_is("Durango", "possible", "F5", None)}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (f"{_S}'s henchman said on Monday that {_S} was in Durango.",
         f"{_S}'s henchman"),
        (f"{_S}'s deputy said on Monday that {_S} was in Durango.", f"{_S}'s deputy"),
        (f"His deputy said on Monday that {_S} was in Durango.", "His deputy"),
        # near-misses: as before
        (f"{_S}'s bodyguard said on Monday that {_S} was in Durango.",
         f"{_S}'s bodyguard"),
        (f"A deputy said on Monday that {_S} was in Durango.", None),
    ],
)  # fmt: skip
def test_one_of_his_men_speaks(text: str, speaker: str | None, nlp: Any) -> None:
    assert _read("S", text, nlp) == {_is("Durango", "certain", "F3", speaker)}
