"""Review r65's findings on 107a6e9, each with its near-miss.

- H1, H2: a denial takes back the target's event only where it names the
  target: one of its own names (a given name no other person of the text
  bears, a title of its gender), a nickname the text gave the target, "the man
  believed to be (identified as) Salcedo", or bare "the arrest", "his arrest".
  A description ("the suspect", "the fugitive", "the drug lord", "the man",
  "the police chief", "the man who shot at Salcedo", "the man believed to be
  his brother", one the text gave the target) may be anyone: the event stays
  (one that may be the target, where the text names no one else, leaves it
  possible: review r86, tests/test_read_rd88.py).
- H3: a denial of an event at another place ("reports of his arrest in
  Durango" after "was seen in Mazatlán") leaves the target's.
- H4: a later "Updated: ..." line, a caption's or a related link's older date
  keep the date line under the headline the publication date; a later bare
  date line with a later date still makes a timeline (tests/test_read_r71.py).
- M: under "DURANGO, Mexico -", "the centre (heart, outskirts) of Durango",
  "central (downtown) Durango" and "a village north of Durango" are of the city;
  "the north of Durango", "southern Durango", "the sierra of Durango" the state.
  "might have died had ...", "but for ...", "were it not for ..." is no death.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path
from typing import Any

import pytest

from geosleuth.evidence import LifeStatus
from geosleuth.geometry import Area
from geosleuth.read._text_dates import date_line
from reading import claims, reader, set_aside, sightings

pytestmark = pytest.mark.nlp

SALCEDO = "Rodrigo Salcedo Ibarra"
DOE = "Jane Doe"
_read = reader(SALCEDO)
_ARRESTED = "Salcedo was arrested in Culiacán; police denied the arrest of "


def _seen(r: Any) -> list[tuple[str | None, str]]:
    return sorted((s.place_name, s.hedge) for s in sightings(r))


def _negated(r: Any) -> bool:
    return any(reason == "negated" for reason, _ in set_aside(r))


# -- H1, H2: a description may be anyone ------------------------------------------
# A description that may be the target ("the suspect", "the fugitive", "the
# cartel leader", "the woman") where the text names no one else makes the event
# possible: review r86, #2, in tests/test_read_rd88.py.
@pytest.mark.parametrize(
    ("text", "target", "place"),
    [
        (_ARRESTED + "the police chief.", SALCEDO, "Culiacán"),
        (_ARRESTED + "the man who shot him.", SALCEDO, "Culiacán"),
        (_ARRESTED + "the man believed to be his brother.", SALCEDO, "Culiacán"),
        (_ARRESTED + "the man believed to be Salcedo's brother.", SALCEDO,
         "Culiacán"),
        (_ARRESTED + "the suspect, a local farmer.", SALCEDO, "Culiacán"),
        (_ARRESTED + "the woman believed to be Salcedo.", SALCEDO, "Culiacán"),
        ("Salcedo was seen in Culiacán; police denied the arrest of the man who "
         "shot at Salcedo.", SALCEDO, "Culiacán"),
        ("A gunman shot a police officer in Culiacán. " + _ARRESTED + "the "
         "suspect.", SALCEDO, "Culiacán"),
        ("A second man was seen with Salcedo. " + _ARRESTED + "the man.", SALCEDO,
         "Culiacán"),
        ("Joaquín Guzmán was also seen in Sinaloa. " + _ARRESTED + "the drug "
         "lord.", SALCEDO, "Culiacán"),
        # names that are not the target's
        ("Rodrigo Guzmán, a farmer, was also held. " + _ARRESTED + "Rodrigo.",
         SALCEDO, "Culiacán"),
        ("Joaquín 'El Chapo' Guzmán is also wanted. " + _ARRESTED + "El Chapo.",
         SALCEDO, "Culiacán"),
        (_ARRESTED + "El Mencho.", SALCEDO, "Culiacán"),
        (_ARRESTED + "Señora Ibarra.", SALCEDO, "Culiacán"),
        ("Jane Doe was arrested in Leeds; police denied the arrest of Mr Doe.",
         DOE, "Leeds"),
        # H3: another event, at another place
        ("Salcedo was seen in Mazatlán; police denied reports of his arrest in "
         "Durango.", SALCEDO, "Mazatlán"),
        ("Salcedo was seen in Mazatlán; police denied reports of the arrest of "
         "the suspect in Durango.", SALCEDO, "Mazatlán"),
        (_ARRESTED.replace("the arrest of ", "his arrest in ") + "Durango.",
         SALCEDO, "Culiacán"),
        ("Salcedo was seen in Mazatlán; police could not confirm the arrest of the "
         "suspect.", SALCEDO, "Mazatlán"),
    ],
)  # fmt: skip
def test_a_denial_of_someone_described_keeps_the_targets_event(
    text: str, target: str, place: str, nlp: Any
) -> None:
    r = _read(text, nlp, target=target)
    assert _seen(r) == [(place, "certain")]
    assert not _negated(r)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # near-misses: the target named, the event bare, at the place told
        (_ARRESTED + "the man believed to be Salcedo.", SALCEDO),
        (_ARRESTED + "the man identified as Salcedo.", SALCEDO),
        (_ARRESTED + "Rodrigo.", SALCEDO),
        (_ARRESTED + "Mr Ibarra.", SALCEDO),
        (_ARRESTED + "Rodrigo Salcedo.", SALCEDO),
        ('Rodrigo "El Güero" Salcedo Ibarra was arrested in Culiacán; police '
         "denied the arrest of El Güero.", SALCEDO),
        ("Salcedo was arrested in Culiacán; police denied his arrest.", SALCEDO),
        ("Salcedo was arrested in Culiacán; police denied the arrest.", SALCEDO),
        ("Salcedo was arrested in Culiacán; police denied his arrest in Culiacán.",
         SALCEDO),
        ("Salcedo was seen in Mazatlán; police denied reports of the sighting.",
         SALCEDO),
        ("Jane Doe was arrested in Leeds; police denied the arrest of Mrs Doe.",
         DOE),
    ],
)  # fmt: skip
def test_a_denial_naming_the_target_still_denies(
    text: str, target: str, nlp: Any
) -> None:
    r = _read(text, nlp, target=target)
    assert not sightings(r)
    assert _negated(r)


def test_the_man_identified_as_the_target_unconfirmed_is_still_possible(
    nlp: Any,
) -> None:
    r = _read("Salcedo was arrested in Culiacán; the arrest of the man, identified "
              "as Salcedo, has not been confirmed.", nlp)  # fmt: skip
    assert _seen(r) == [("Culiacán", "possible")]
    # near miss: "the man" alone is anyone
    r = _read("Salcedo was seen in Culiacán; the location of the man has not been "
              "confirmed.", nlp)  # fmt: skip
    assert _seen(r) == [("Culiacán", "certain")]


# -- H4: an "Updated" line is no timeline ------------------------------------------
_HEAD = "Salcedo seen in Culiacán\n\n"
_BODY = "Rodrigo Salcedo Ibarra was seen in Culiacán last Tuesday, police said.\n"


@pytest.mark.parametrize(
    "text",
    [
        _HEAD + "Published 10 January 2023\nUpdated 11 January 2023\n\n" + _BODY,
        _HEAD + "10 January 2023\n\nUpdated 11 January 2023\n\n" + _BODY,
        _HEAD + "10 January 2023\n\n" + _BODY + "\nUpdated: 11 January 2023\n\n"
        "Police later said he had left.\n",
        _HEAD
        + "Published: 10 January 2023\n\n"
        + _BODY
        + "\nLast updated 11 January 2023\n",
        _HEAD + "10 January 2023\n\n" + _BODY + "\nSalcedo in a 2015 photo\n\n"
        "3 March 2015\n\nHe escaped that year.\n",
        _HEAD + "10 January 2023\n\n" + _BODY + "\nRelated\n\nSalcedo escapes "
        "prison\n\n3 March 2015\n",
    ],
)
def test_an_updated_or_older_date_line_keeps_the_publication_date(
    text: str, nlp: Any, tmp_path: Path
) -> None:
    assert date_line(text) is not None
    assert date_line(text)[0] == dt.date(2023, 1, 10)  # type: ignore[index]
    p = tmp_path / "a.txt"
    p.write_text(text, encoding="utf-8")
    r = _read_file(p, nlp)
    assert r.published == dt.date(2023, 1, 10)
    assert [s.date for s in sightings(r)] == [dt.date(2023, 1, 3)]


def test_a_later_bare_date_line_is_still_a_timeline() -> None:
    # near miss: a later, bare date line after the first
    text = _HEAD + "10 January 2023\n\n" + _BODY + "\n14 January 2023\n\nHe left.\n"
    assert date_line(text) is None


def _read_file(path: Path, nlp: Any, target: str = SALCEDO) -> Any:
    from geosleuth.read.document import read_document

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_document(path, target=target, nlp=nlp)


# -- M: the parts of a dateline's city, counterfactual deaths ----------------------
_DOC = (
    "Fugitive seen\n\nDURANGO, Mexico - Rodrigo Salcedo Ibarra {rest}, officials "
    "said.\n"
)
_CITY = [("Victoria de Durango", False)]
_STATE = [("Durango", True)]


@pytest.mark.parametrize(
    ("rest", "places"),
    [
        ("was seen in the centre of Durango on Monday", _CITY),
        ("was seen in the heart of Durango, near the cathedral", _CITY),
        ("was seen in central Durango, near the cathedral", _CITY),
        ("was seen in a village north of Durango", _CITY),
        ("was seen on the outskirts of Durango", _CITY),
        ("was seen in downtown Durango", _CITY),
        # near-misses: the state's land
        ("is hiding in the north of Durango", _STATE),
        ("is hiding in southern Durango", _STATE),
        ("is hiding in the sierra of Durango", _STATE),
    ],
)
def test_the_parts_of_a_dateline_city_are_the_city(
    rest: str, places: list[Any], nlp: Any, tmp_path: Path
) -> None:
    p = tmp_path / "d.txt"
    p.write_text(_DOC.format(rest=rest), encoding="utf-8")
    r = _read_file(p, nlp)
    items = [*claims(r), *sightings(r)]
    assert sorted((i.place_name, isinstance(i.place, Area)) for i in items) == places


def _lives(r: Any) -> list[tuple[str, str]]:
    return sorted((i.status, i.hedge) for i in r.evidence if isinstance(i, LifeStatus))


@pytest.mark.parametrize(
    ("text", "lives"),
    [
        ("Salcedo survived the ambush in Culiacán, but he might have died had the "
         "army come later.", [("alive", "certain")]),
        ("Salcedo survived the crash in Culiacán, but might have died but for his "
         "seatbelt.", [("alive", "certain")]),
        ("Salcedo survived the crash in Culiacán, but could have died were it not "
         "for his seatbelt.", [("alive", "certain")]),
        # near-miss: a death that may have happened since
        ("Salcedo was alive in 2016, but he might have died since.",
         [("alive", "certain"), ("dead", "possible")]),
    ],
)  # fmt: skip
def test_a_death_averted_by_an_inverted_condition_is_none(
    text: str, lives: list[Any], nlp: Any
) -> None:
    assert _lives(_read(text, nlp)) == lives
