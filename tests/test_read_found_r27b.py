"""Review r27 findings 1 and 9, what the first fix left: finds and footage of another.

- A find or arrest followed by "but the man (he, it) turned out to be a (local)
  farmer" (shepherd, civilian, stranger, relative, ...) names the one found as
  another, so the find is set aside as corrected; "but he turned out to be a
  tough negotiator", "but he was a shadow of his former self", "but she was a
  long way from home", "but he turned out not to be a farmer" still say
  something of the one found, and the find stands.
- Footage showing her is taken back by a next sentence that names the one shown
  as her kin ("It later emerged the footage showed her sister.", "... a
  relative."), not by one that says it showed her kin besides ("It also showed
  her sister.") or a relative's things ("showed her sister's car"), nor by
  another clip or another woman with her.
"""

from __future__ import annotations

from typing import Any

import pytest

from reading import reader, set_aside, sightings

pytestmark = pytest.mark.nlp

_doe = reader("Jane Doe")
_alher = reader("Hamadou Ag Alher")
_vukovic = reader("Dragan Vuković")
_RUN = "Hamadou Ag Alher, a jihadist commander, has been on the run since March. "
_MISSING = "Jane Doe, 34, has been missing since May 2. "
_LEEDS = "Police released CCTV footage showing her in Leeds on Monday. "


def _corrected(reading: Any) -> bool:
    """Whether a find was set aside as corrected."""
    return any("but corrected" in x.detail for x in reading.rejected)


# -- 1. "but the man turned out to be a local farmer" -------------------------------


@pytest.mark.parametrize(
    ("read", "text"),
    [
        (_alher, _RUN + "Soldiers found him hiding in a barn near Gao, but the man "
         "turned out to be a local farmer."),
        (_alher, _RUN + "Soldiers found him hiding in a barn near Gao, but he turned "
         "out to be a shepherd."),
        (_alher, _RUN + "Soldiers arrested him in Gao on Monday, but the man later "
         "proved to be a civilian."),
        (_vukovic, "Police said they had found the body of Dragan Vuković near "
         "Pljevlja, but it turned out to be a hiker."),
        (_doe, "Police said they had found Jane Doe in York, but the woman turned out "
         "to be a tourist from Hull."),
    ],
)  # fmt: skip
def test_a_find_of_a_kind_of_person_is_corrected(
    read: Any, text: str, nlp: Any
) -> None:
    r = read(text, nlp)
    assert not sightings(r)
    assert _corrected(r)


@pytest.mark.parametrize(
    ("read", "text", "place"),
    [
        (_alher, _RUN + "Soldiers found him hiding in a barn near Gao, but he turned "
         "out to be a tough negotiator.", "Gao"),
        (_alher, _RUN + "Soldiers found him hiding in a barn near Gao, but he was a "
         "shadow of his former self.", "Gao"),
        (_alher, _RUN + "Soldiers found him hiding in a barn near Gao, but he turned "
         "out not to be a farmer.", "Gao"),
        (_alher, _RUN + "Soldiers found him hiding in a barn near Gao, but he turned "
         "out to be a local commander.", "Gao"),
        (_alher, _RUN + "Soldiers found him hiding in a barn near Gao, but he was a "
         "farmer.", "Gao"),
        (_doe, "Jane Doe was found safe in York, but she was a long way from home.",
         "York"),
    ],
)  # fmt: skip
def test_a_find_with_words_of_the_one_found_stands(
    read: Any, text: str, place: str, nlp: Any
) -> None:
    r = read(text, nlp)
    assert [s.place_name for s in sightings(r)] == [place]
    assert not _corrected(r)


# -- 9. the next sentence names the one shown as her kin ----------------------------


@pytest.mark.parametrize(
    "after",
    [
        "It later emerged the footage showed her sister.",
        "It later emerged the footage showed a relative.",
        "Police later said the footage showed her twin sister, not her.",
        "It later emerged the woman was in fact her older sister.",
    ],
)
def test_footage_of_her_kin_is_no_sighting(after: str, nlp: Any) -> None:
    r = _doe(_MISSING + _LEEDS + after, nlp)
    assert not sightings(r)
    assert any("in the next sentence" in x.detail for x in r.rejected)


@pytest.mark.parametrize(
    "text",
    [
        _LEEDS + "The footage also showed her sister.",
        _LEEDS + "It later emerged the footage showed her sister's car.",
        _LEEDS + "A second clip showed her brother.",
        _LEEDS + "The woman with her was her sister.",
        _LEEDS + "Her sister said the footage showed her.",
        "Police released CCTV footage showing her at Leeds station with her sister.",
    ],
)
def test_footage_with_her_kin_is_a_sighting(text: str, nlp: Any) -> None:
    r = _doe(_MISSING + text, nlp)
    assert [s.place_name for s in sightings(r)] == ["Leeds"]


def test_no_details_of_footage_is_set_aside(nlp: Any) -> None:
    r = _doe(_MISSING + "Police gave no details of the footage showing her.", nlp)
    assert not sightings(r)
    assert set_aside(r)
