"""Review r63's reading findings, each with its near-miss.

- M2: a blank line (or a byline, "By Ana López") between the headline and
  "Published: 10 January 2023" keeps the line the publication date, and with it
  the relative dates ("last Tuesday"); a date line after the first paragraph,
  or deep in the body, is none, nor one under a first line that is a sentence.
- M3: "Local journalists speculate that ..., though his family said he is not
  in Mazatlán": the first clause is the journalists' (possible), the second the
  family's (certain), and a clause whose reporting verb has no speaker the
  parse can name ("Some speculate") is no one's, never the family's; "A blogger
  wrote that ..." speaks, graded as an unnamed person is (F3).
- M4: "near Tamazula, in the mountains of Durango state" is one claim, at
  Tamazula (de Victoria), Durango, whatever the document's Sinaloa context says;
  "Culiacán, in the mountains of Durango state" still gives two. In an article
  datelined "DURANGO, Mexico -", "in Durango" is the city, "in Durango state"
  the state; with no dateline, the state as before.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path
from typing import Any

import pytest

from geosleuth.geometry import Area
from geosleuth.read._text_dates import date_line
from reading import claims, sightings

pytestmark = pytest.mark.nlp

QUIROGA = "Hernán Quiroga Salas"
IBARRA = "Tomás Ibarra Lugo"
BODY = "Hernán Quiroga Salas was seen in Culiacán last Tuesday, police said.\n"


def _read_file(path: Path, nlp: Any, target: str = QUIROGA) -> Any:
    from geosleuth.read.document import read_document

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_document(path, target=target, nlp=nlp)


def _read(text: str, nlp: Any, target: str, published: dt.date) -> Any:
    from geosleuth.read.document import read_text

    return read_text(text, target=target, nlp=nlp, published=published)


# -- M2: the date line after a blank line or a byline ---------------------------


@pytest.mark.parametrize(
    "head",
    [
        "Fugitive spotted\n\nPublished: 10 January 2023\n\n",
        "Fugitive spotted\n\n10 January 2023\n\n",
        "Fugitive spotted\n\n\nUpdated: Tuesday, Jan. 10, 2023\n\n",
        "Fugitive spotted\nBy Ana López\nPublished: 10 January 2023\n\n",
        "Fugitive spotted\n\nBy ANA LÓPEZ and Juan Pérez, Reuters\n\n"
        "10 January 2023\n\n",
        # as before: the line right under the headline
        "Fugitive spotted\nPublished: 10 January 2023\n\n",
    ],
)
def test_date_line_after_a_blank_line_or_byline(
    head: str, nlp: Any, tmp_path: Path
) -> None:
    p = tmp_path / "b.txt"
    p.write_text(head + BODY, encoding="utf-8")
    r = _read_file(p, nlp)
    assert r.published == dt.date(2023, 1, 10)
    assert [(s.place_name, s.date) for s in sightings(r)] == [
        ("Culiacán", dt.date(2023, 1, 3))  # last Tuesday
    ]
    assert not any("no publication date" in n for n in r.notes)


@pytest.mark.parametrize(
    "text",
    [
        # after the first paragraph
        "Fugitive spotted\n\n" + BODY + "\nPublished: 10 January 2023\n\nMore text.\n",
        # deep in the body
        "Fugitive spotted\n\n" + BODY + "\nMore text.\n\n10 January 2023\n\nEnd.\n",
        # the first line is a sentence, no headline
        "Quiroga was seen, police said.\n\nPublished: 10 January 2023\n\nText.\n",
        # a date in a line of text
        "Fugitive spotted\n\nOn 10 January 2023 he was seen.\n\nText.\n",
        # no text after it
        "Fugitive spotted\n\nPublished: 10 January 2023\n",
        # a byline that is a sentence
        "Fugitive spotted\n\nBy Monday, he was gone.\n\n10 January 2023\n\nText.\n",
    ],
)
def test_no_date_line(text: str) -> None:
    assert date_line(text) is None


def test_date_line_breaks_keep_the_old_layout() -> None:
    # the line right under the headline: its own paragraph, as before
    assert date_line("Seen\n21 August 2019\n\nText") == (dt.date(2019, 8, 21), [4])
    assert date_line("Seen\n\n21 August 2019\n\nText") == (dt.date(2019, 8, 21), [])


def test_blank_line_date_text_is_kept(nlp: Any, tmp_path: Path) -> None:
    p = tmp_path / "b.txt"
    p.write_text("Fugitive spotted\n\nPublished: 10 January 2023\n\n" + BODY)
    r = _read_file(p, nlp)
    assert r.text.startswith("Fugitive spotted\n\nPublished: 10 January 2023\n\n")


def test_date_line_after_first_paragraph_is_no_publication_date(
    nlp: Any, tmp_path: Path
) -> None:
    p = tmp_path / "late.txt"
    p.write_text(
        "Fugitive spotted\n\n" + BODY + "\nPublished: 10 January 2023\n\nMore.\n"
    )
    r = _read_file(p, nlp)
    assert not any("line under the headline" in n for n in r.notes)


# -- M3: a speaker per clause; a blogger speaks ----------------------------------

_JOURNALISTS = (
    "{who} speculate that Tomás Ibarra Lugo could be in Mazatlán, though his "
    "family said he is not in Mazatlán."
)


def _rows(r: Any) -> list[tuple[str | None, str, str | None, str, str]]:
    return sorted(
        (c.place_name, c.polarity, c.provenance.speaker, c.hedge, str(c.grade))
        for c in claims(r)
    )


@pytest.mark.parametrize(
    ("who", "first"),
    [
        ("Local journalists", "Local journalists"),
        ("Some", None),  # no speaker the parse can name: never the family
    ],
)
def test_clause_speakers_kept_apart(who: str, first: str | None, nlp: Any) -> None:
    r = _read(_JOURNALISTS.format(who=who), nlp, IBARRA, dt.date(2024, 7, 1))
    assert _rows(r) == [
        ("Mazatlán", "is", first, "possible", "F3"),
        ("Mazatlán", "is_not", "His family", "certain", "F3"),
    ]


def test_but_clause_speakers_unchanged(nlp: Any) -> None:
    text = (
        "Police said that Tomás Ibarra Lugo could be in Mazatlán, but his family "
        "said he is not in Mazatlán."
    )
    r = _read(text, nlp, IBARRA, dt.date(2024, 7, 1))
    assert [(c.polarity, c.provenance.speaker, c.hedge) for c in claims(r)] == [
        ("is", "Police", "possible"),
        ("is_not", "His family", "certain"),
    ]


def test_concession_with_one_reporting_verb_unchanged(nlp: Any) -> None:
    # the family's verb is the sentence's only one: the rest is the article's
    text = "Tomás Ibarra Lugo could be in Mazatlán, though his family said he is not."
    r = _read(text, nlp, IBARRA, dt.date(2024, 7, 1))
    assert [(c.polarity, c.provenance.speaker) for c in claims(r)] == [("is", None)]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("A blogger wrote that Ibarra Lugo is possibly in Tijuana.", "A blogger"),
        ("A reporter wrote that Tomás Ibarra Lugo is in Tijuana.", "A reporter"),
        ("A neighbour wrote that Tomás Ibarra Lugo is in Tijuana.", "A neighbour"),
    ],
)
def test_unnamed_writer_speaks(sentence: str, speaker: str, nlp: Any) -> None:
    r = _read(sentence, nlp, IBARRA, dt.date(2024, 7, 1))
    (c,) = claims(r)
    assert (c.place_name, c.provenance.speaker, str(c.grade)) == (
        "Tijuana",
        speaker,
        "F3",
    )


def test_no_blogger_no_speaker(nlp: Any) -> None:
    r = _read(
        "No blogger wrote that Tomás Ibarra Lugo is in Tijuana.",
        nlp,
        IBARRA,
        dt.date(2024, 7, 1),
    )
    assert all(c.provenance.speaker is None for c in claims(r))


# -- M4: a town's qualifier is one claim and places it; a dateline's city --------

_A1 = (
    "Fugitive cartel accountant spotted in Culiacán\n\n"
    "CULIACÁN, Mexico - Hernán Quiroga Salas, the accountant wanted for "
    "laundering money for the Sinaloa cartel, was seen in Culiacán last Tuesday, "
    "police spokesman Jorge Medina said.\n\n"
    "Interior ministry officials said Quiroga may be hiding near Tamazula, "
    "{where}.\n"
)


def _claimed(r: Any) -> list[tuple[str | None, str, bool]]:
    return [(c.place_name, c.hedge, isinstance(c.place, Area)) for c in claims(r)]


@pytest.mark.parametrize(
    "where",
    [
        "in the mountains of Durango state",
        "in the hills of Durango",
        "in the north of Durango",
        "in neighbouring Durango state",  # as before
    ],
)
def test_town_qualified_by_part_of_state(where: str, nlp: Any) -> None:
    r = _read(_A1.format(where=where), nlp, QUIROGA, dt.date(2023, 1, 10))
    assert _claimed(r) == [("Tamazula de Victoria", "possible", False)]
    (c,) = claims(r)
    assert c.place.lat == pytest.approx(24.97, abs=0.05)
    assert c.place.lon == pytest.approx(-106.97, abs=0.05)


def test_town_in_the_mountains_of_its_own_state(nlp: Any) -> None:
    text = (
        "Officials said Hernán Quiroga Salas may be hiding near Tamazula, in the "
        "mountains of Sinaloa state."
    )
    r = _read(text, nlp, QUIROGA, dt.date(2023, 1, 10))
    ((name, _, area),) = _claimed(r)
    assert (name, area) == ("Tamazula", False)
    assert claims(r)[0].place.lon == pytest.approx(-108.46, abs=0.05)


@pytest.mark.parametrize(
    "text",
    [
        # a town not in that state: the state is a place of its own
        "Officials said Hernán Quiroga Salas may be hiding near Culiacán, in the "
        "mountains of Durango state.",
        # "or elsewhere in": no qualifier
        "Officials said Hernán Quiroga Salas may be hiding near Culiacán, or "
        "elsewhere in the mountains of Durango state.",
    ],
)
def test_state_not_a_qualifier_stays(text: str, nlp: Any) -> None:
    r = _read(text, nlp, QUIROGA, dt.date(2023, 1, 10))
    assert ("Durango", "possible", True) in _claimed(r)


_A2 = (
    "Quiroga seen in Durango, lawyer denies Culiacán link\n\n"
    "{dateline}Witnesses saw Hernán Quiroga Salas in Durango{state} on Monday, "
    "state prosecutor Ana Beltrán said.\n"
)


def _seen(r: Any) -> list[tuple[str | None, bool]]:
    return [(s.place_name, isinstance(s.place, Area)) for s in sightings(r)]


@pytest.mark.parametrize(
    ("dateline", "state", "seen"),
    [
        ("DURANGO, Mexico - ", "", [("Victoria de Durango", False)]),
        ("DURANGO - ", "", [("Victoria de Durango", False)]),
        # near-misses: the state written, no dateline, another town's dateline
        ("DURANGO, Mexico - ", " state", [("Durango", True)]),
        ("", "", [("Durango", True)]),
        ("CULIACÁN, Mexico - ", "", [("Durango", True)]),
    ],
)
def test_dateline_city(dateline: str, state: str, seen: list[Any], nlp: Any) -> None:
    text = _A2.format(dateline=dateline, state=state)
    r = _read(text, nlp, QUIROGA, dt.date(2023, 3, 15))
    assert _seen(r) == seen
