"""Reading fixes from an OSINT analyst's review of a fugitive's corpus (session 14).

Before: a two-surname name (Spanish: paternal + maternal, "Rodrigo Barrientos
Lugo") was found by its last word alone, so the full name as a case file gives it
read 3 items from 16 reports ("Barrientos was seen in León", "Rodrigo Barrientos
is hiding in Mérida" were not the target, and not even set aside), while the short
name "Rodrigo Barrientos" took "Rodrigo Barrientos Lugo was killed" for someone
else's death; and "said he saw him on 2 May, weeks after the army said he had
been killed" was a death claim of the witness dated 2 May.
"""

from __future__ import annotations

import datetime as dt
import json
import warnings
from pathlib import Path
from typing import Any

import pytest

from geosleuth.errors import EvidenceWarning
from geosleuth.evidence import LifeStatus, Provenance, Sighting
from geosleuth.geometry import Point
from geosleuth.read.corpus import evidence_record, gather_evidence
from geosleuth.read.document import Reading
from geosleuth.read.target import Target, find_target_refs, name_key, same_person
from geosleuth.read.target import _names_another as names_another
from reading import claims, reader, rows, set_aside, sightings

pytestmark = pytest.mark.nlp

FULL = "Rodrigo Barrientos Lugo"
SHORT = "Rodrigo Barrientos"
_read = reader(FULL)


def _span(text: str, part: str) -> tuple[int, int]:
    at = text.index(part)
    return at, at + len(part)


def _deaths(reading: Any) -> list[LifeStatus]:
    return [
        i for i in reading.evidence if isinstance(i, LifeStatus) and i.status == "dead"
    ]


# -- the name rules -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "surname"),
    [
        # given name(s) and two surnames: the first (paternal) is the family name
        ("Rodrigo Barrientos Lugo", "Barrientos"),
        ("Gabriel García Márquez", "García"),
        ("Andrés Manuel López Obrador", "López"),
        ("María José Pérez Lugo", "Pérez"),
        ("General Rodrigo Barrientos Lugo", "Barrientos"),
        # one surname: the last word, as before
        ("Rodrigo Barrientos", "Barrientos"),
        ("Juan Pablo Montoya", "Montoya"),
        ("John Paul Smith", "Smith"),
        ("Daniel Patrick Moynihan", "Moynihan"),
        ("Abu Bakr al-Baghdadi", "al-Baghdadi"),
        ("Osama bin Laden", "Laden"),
        ("Pieter van der Berg", "Berg"),
        ("Juan de la Cruz", "Cruz"),
        ("Kim Jong Un", "Un"),
        ("Jane Doe", "Doe"),
    ],
)
def test_the_surname_key_of_a_two_surname_name_is_the_paternal(
    name: str, surname: str
) -> None:
    assert Target(name).surname_key == name_key(surname)


def test_both_forms_of_a_two_surname_name_have_one_surname_key() -> None:
    keys = {Target(n).surname_key for n in (FULL, SHORT, "Barrientos", "R. Barientos")}
    assert len(keys) == 1


@pytest.mark.parametrize(
    ("text", "name", "target", "another"),
    [
        # the short name's longer form: the given name, the surname, one more
        ("Rodrigo Barrientos Lugo was killed.", FULL, SHORT, False),
        ("R. Barrientos Lugo was killed.", "R. Barrientos Lugo", SHORT, False),
        ("R. Barrientos Lugo was killed.", "R. Barrientos Lugo", FULL, False),
        ("Rodrigo Barrientos was seen.", SHORT, FULL, False),
        ("His sister, Ana Barrientos, was seen.", "Ana Barrientos", SHORT, True),
        ("His sister, Ana Barrientos, was seen.", "Ana Barrientos", FULL, True),
        # another given name, or another second surname, is another person
        ("Ana Barrientos Lugo was seen.", "Ana Barrientos Lugo", SHORT, True),
        ("Rodrigo Barrientos Pérez was seen.", "Rodrigo Barrientos Pérez", FULL,
         True),
        ("A. Barrientos Lugo was seen.", "A. Barrientos Lugo", FULL, True),
        # a son is another person; so is a name of two more words
        ("Jane Doe Jr. was seen.", "Jane Doe Jr.", "Jane Doe", True),
        ("Abu Bakr al-Baghdadi spoke.", "Abu Bakr al-Baghdadi", "Abu Bakr", True),
    ],
)  # fmt: skip
def test_a_longer_form_of_the_targets_name_is_the_target(
    text: str, name: str, target: str, another: bool
) -> None:
    assert names_another(text, _span(text, name), Target(target)) is another


def test_the_paternal_surname_alone_finds_the_full_name() -> None:
    text = (
        "Barrientos was seen in León. Rodrigo Barrientos is hiding in Mérida. "
        "R. Barrientos Lugo was spotted. Rodrigo Barrientos Lugo's phone pinged."
    )
    refs = find_target_refs(text, Target(FULL))
    # the maternal surname after the paternal is part of the reference: the parse
    # makes the last word of a name its head ("Lugo was killed")
    assert [r.text for r in refs] == [
        "Barrientos", "Barrientos", "Barrientos Lugo", "Barrientos Lugo",
    ]  # fmt: skip
    refs = find_target_refs(text, Target(SHORT))
    assert [r.text for r in refs] == [
        "Barrientos", "Barrientos", "Barrientos Lugo", "Barrientos Lugo",
    ]  # fmt: skip


def test_a_possessive_or_a_middle_name_is_no_longer_form() -> None:
    text = "Rodrigo Barrientos's Lugo house. John Paul said so. Smith left."
    assert [r.text for r in find_target_refs(text, Target(SHORT))] == ["Barrientos"]
    assert [r.text for r in find_target_refs(text, Target("John Paul Smith"))] == [
        "Smith"
    ]
    text = "Bakr said so. Abu Bakr left. Al-Baghdadi hid."
    refs = find_target_refs(text, Target("Abu Bakr al-Baghdadi"))
    assert [r.text for r in refs] == ["Al-Baghdadi"]


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        (FULL, SHORT, True),
        (FULL, "Barrientos", True),
        (FULL, "R. Barrientos Lugo", True),
        (SHORT, "Rodrigo Barrientos Lugo", True),
        (FULL, "Ana Barrientos", False),
        (SHORT, "Ana Barrientos Lugo", False),
        (FULL, "Rodrigo Barrientos Pérez", False),
    ],
)
def test_same_person_takes_both_forms_of_a_two_surname_name(
    one: str, other: str, same: bool
) -> None:
    assert same_person(one, other) is same
    assert same_person(other, one) is same


# -- read outputs for another form of the name ---------------------------------------
def _reading(doc_id: str, target: str) -> Reading:
    prov = Provenance(document=doc_id, quote="He was seen in León.", span=(0, 20))
    item = Sighting(
        id=f"{doc_id}:s1", provenance=prov, date=dt.date(2026, 5, 1),
        place=Point(-101.68, 21.12), place_name="León", sigma_km=5.0,
    )  # fmt: skip
    return Reading(
        doc_id=doc_id, title=None, text=f"text of {doc_id}",
        published=dt.date(2026, 5, 2), mentions=(), evidence=(item,), sentences=(),
        rejected=(), notes=(), target=target, source=f"{doc_id}.txt",
    )  # fmt: skip


def test_a_reading_for_another_form_of_the_name_is_kept(tmp_path: Path) -> None:
    readings = [
        _reading("short", SHORT),
        _reading("full", FULL),
        _reading("bare", "Barrientos"),
        _reading("ana", "Ana Barrientos"),
    ]
    whole = tmp_path / "evidence.json"
    whole.write_text(json.dumps(evidence_record(readings)), encoding="utf-8")
    for target in (FULL, SHORT):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            docs = gather_evidence([whole], target=target)
        assert [d.doc_id for _, d in docs] == ["short", "full", "bare"]
        # Ana Barrientos is someone else: left out, with a warning
        (warned,) = [w for w in caught if issubclass(w.category, EvidenceWarning)]
        assert "'ana'" in str(warned.message)
        assert "'Ana Barrientos'" in str(warned.message)


def test_a_reading_for_the_same_surname_and_another_given_name_is_left_out(
    tmp_path: Path,
) -> None:
    mary = _reading("mary", "Mary Doe")
    whole = tmp_path / "evidence.json"
    whole.write_text(json.dumps(evidence_record([mary])), encoding="utf-8")
    with pytest.warns(EvidenceWarning, match="was read for 'Mary Doe', not for"):
        assert gather_evidence([whole], target="Jane Doe") == []


# -- through the reader --------------------------------------------------------------
@pytest.mark.parametrize("target", [FULL, SHORT])
@pytest.mark.parametrize(
    ("text", "kind", "place"),
    [
        ("Federal police spokesman Ernesto Salas said Barrientos was seen in León, "
         "Guanajuato, hours after the escape.", "sighting", "León de los Aldama"),
        ("Interior ministry spokesman Ernesto Salas said on Tuesday that Rodrigo "
         "Barrientos is hiding in Mérida, Yucatán.", "claim", "Mérida"),
        ("A fisherman, Carlos Quesada, said he saw Rodrigo Barrientos in Puerto "
         "Limón, Costa Rica, on Friday.", "sighting", "Limón"),
        ("R. Barrientos Lugo was spotted in Medellín last week, a police source "
         "said.", "sighting", "Medellín"),
    ],
)  # fmt: skip
def test_every_form_of_the_name_is_read_for_either_target(
    nlp: Any, target: str, text: str, kind: str, place: str
) -> None:
    r = _read(text, nlp, target=target)
    assert [(i.kind, i.place_name) for i in [*sightings(r), *claims(r)]] == [
        (kind, place)
    ]


@pytest.mark.parametrize("target", [FULL, SHORT, "Barrientos"])
def test_the_full_name_killed_is_the_targets_death_for_either_target(
    nlp: Any, target: str
) -> None:
    r = _read(
        "Rodrigo Barrientos Lugo was killed in a shootout in Valencia, Venezuela, "
        "on Saturday, the Venezuelan army said.",
        nlp,
        target=target,
    )
    assert [row[:3] for row in rows(r)] == [
        ("life_status", "dead", None),
        ("claim", "Valencia", "is"),
    ]
    assert not [
        x for x in r.rejected if x.reason == "not_target" and "killed" in x.quote
    ]


@pytest.mark.parametrize("target", [FULL, SHORT])
@pytest.mark.parametrize(
    "text",
    [
        "Rodrigo Barrientos's brother was killed in Valencia, the army said.",
        "Ana Barrientos was killed in Valencia, the army said.",
        "Ana Barrientos Lugo was killed in Valencia, the army said.",
    ],
)
def test_a_relative_of_the_same_surnames_is_someone_else(
    nlp: Any, target: str, text: str
) -> None:
    r = _read(text, nlp, target=target)
    assert _deaths(r) == []
    assert not [c for c in claims(r) if c.polarity == "is"]


# -- a death reported in a clause of time -------------------------------------------
N4 = (
    "A taxi driver, Jorge Medina, said he saw Rodrigo Barrientos in Cartagena, "
    "Colombia, on 2 May 2026, weeks after the Venezuelan army said he had been "
    "killed."
)


def _read_n4(text: str, nlp: Any, target: str) -> Any:
    from geosleuth.read.document import read_text

    return read_text(text, target=target, nlp=nlp, published=dt.date(2026, 5, 4))


@pytest.mark.parametrize("target", [FULL, SHORT])
def test_an_earlier_death_claim_in_a_clause_of_time_is_no_death_of_the_witness(
    nlp: Any, target: str
) -> None:
    r = _read_n4(N4, nlp, target)
    assert _deaths(r) == []
    (seen,) = sightings(r)
    assert (seen.place_name, seen.date) == ("Cartagena", dt.date(2026, 5, 2))
    assert seen.provenance.speaker == "Jorge Medina"
    # set aside, with why
    (why,) = [x for x in r.rejected if "killed" in x.quote]
    assert why.reason == "negated"
    assert "weeks after" in why.detail


@pytest.mark.parametrize(
    "text",
    [
        "Jane Doe was seen in Leeds on Monday, despite claims that she had died.",
        "Jane Doe was seen in Leeds on Monday, days after police said she had been "
        "killed.",
        "Jane Doe has been seen in Leeds since the army said she was killed.",
        "A hiker saw Jane Doe in Leeds on Monday, a week after police said she was "
        "dead.",
    ],
)
def test_a_death_claim_the_sighting_came_after_is_no_death(nlp: Any, text: str) -> None:
    r = _read(text, nlp, target="Jane Doe")
    assert _deaths(r) == []
    assert [s.place_name for s in sightings(r)] == ["Leeds"]
    assert "negated" in [reason for reason, _ in set_aside(r)]


@pytest.mark.parametrize(
    "text",
    [
        # the death is the main clause: a death, as before
        "Jane Doe was killed in Raqqa weeks after she was seen in Mosul.",
        "The army said Jane Doe had been killed in Raqqa.",
        # a sighting before the death claim does not contradict it
        "Jane Doe was seen in Leeds on Monday, days before police said she had "
        "been killed.",
        # the one seen is someone else: the death stands
        "Police saw her brother in Leeds, weeks after the army said Jane Doe had "
        "been killed.",
    ],
)
def test_a_death_in_the_main_clause_or_not_contradicted_is_still_read(
    nlp: Any, text: str
) -> None:
    r = _read(text, nlp, target="Jane Doe")
    assert len(_deaths(r)) == 1


def test_the_dna_refutation_gives_no_death_and_no_place(nlp: Any) -> None:
    text = (
        f"{N4}\n\n"
        '"It was him, I am certain, he was alive and well," Medina told police. '
        "Colombian police said DNA tests on the body in Valencia showed it was not "
        "Barrientos.\n"
    )
    for target in (FULL, SHORT):
        r = _read_n4(text, nlp, target)
        assert _deaths(r) == []
        assert [i.place_name for i in [*sightings(r), *claims(r)]] == ["Cartagena"]
        assert [i.status for i in r.evidence if isinstance(i, LifeStatus)] == ["alive"]


# -- review 7: F12, a concession with the one seen as a pronoun ---------------------
@pytest.mark.parametrize(
    ("text", "target", "place"),
    [
        (
            "Rodrigo Barrientos, a rebel commander, has been sought since 2019. "
            "Although the army said in March that he had been killed, a farmer saw "
            "him in Tumaco on 2 May.",
            SHORT,
            "Tumaco",
        ),
        (
            "Jane Doe went missing in 2019. Though police said she was dead, a hiker "
            "saw her in Leeds on Monday.",
            "Jane Doe",
            "Leeds",
        ),
        (
            "Jane Doe went missing in 2019. Weeks after police said she had been "
            "killed, a hiker saw her in Leeds.",
            "Jane Doe",
            "Leeds",
        ),
    ],
)
def test_a_concession_set_against_a_sighting_by_pronoun_is_no_death(
    nlp: Any, text: str, target: str, place: str
) -> None:
    # before: "Although the army said in March that he had been killed, a farmer
    # saw him ..." was a certain death claim dated March, while "despite claims
    # that she had died" was set aside: the one seen was "him", an object pronoun
    r = _read(text, nlp, target=target)
    assert _deaths(r) == []
    assert [s.place_name for s in sightings(r)] == [place]
    (why,) = [x for x in r.rejected if x.reason == "negated"]
    assert "clause of time or concession" in why.detail


def test_a_concession_that_sees_someone_else_keeps_the_death(nlp: Any) -> None:
    r = _read(
        "Jane Doe went missing in 2019. Although police said she had been killed, "
        "a hiker saw her brother in Leeds on Monday.",
        nlp,
        target="Jane Doe",
    )
    assert len(_deaths(r)) == 1


# -- review 7: F9, the target's father and other namesakes of a longer form ---------
MISSING = "Rodrigo Barrientos, 41, has been missing since 3 May. "
MISSING_FULL = "Rodrigo Barrientos Lugo, 41, has been missing since 3 May. "


@pytest.mark.parametrize(
    "text",
    [
        # a kinship apposition, before or after the name
        MISSING
        + "His father, Rodrigo Barrientos Pérez, was seen in Medellín on 5 May.",
        MISSING + "His son Rodrigo Barrientos Lugo was seen in Medellín on 5 May.",
        MISSING + "Rodrigo Barrientos Lugo, his cousin, was seen in Medellín on 5 May.",
        MISSING + "His son, Rodrigo Barrientos, 19, was seen in Medellín on 5 May.",
        # another second surname than the one the text gave the target
        MISSING_FULL + "His father, Rodrigo Barrientos Pérez, 70, was seen in "
        "Medellín on 5 May.",
        MISSING_FULL + "Rodrigo Barrientos Pérez was seen in Medellín on 5 May.",
        # a generational suffix the target lacks
        MISSING + "Rodrigo Barrientos Senior was seen in Medellín on 5 May.",
        MISSING + "Rodrigo Barrientos Junior was seen in Medellín on 5 May.",
        MISSING + "Rodrigo Barrientos Jr. was seen in Medellín on 5 May.",
        MISSING + "Rodrigo Barrientos, Sr., was seen in Medellín on 5 May.",
    ],
)
def test_a_relative_of_a_longer_form_is_someone_else(nlp: Any, text: str) -> None:
    # before: each was a certain sighting of the target at Medellín
    r = _read(text, nlp, target=SHORT)
    assert [s.place_name for s in sightings(r) if s.subject == "target"] == []
    assert [c.place_name for c in claims(r) if c.polarity == "is"] == []


@pytest.mark.parametrize(
    "text",
    [
        # the second surname the text gave the target, again
        MISSING_FULL + "Rodrigo Barrientos Lugo was seen in Medellín on 5 May.",
        MISSING_FULL + "Barrientos was seen in Medellín on 5 May.",
        # a relative of someone else: the target is the son
        "Rodrigo Barrientos, Ana Lugo's son, was seen in Medellín on 5 May.",
        # a longer form with no cue is still the target
        MISSING + "Rodrigo Barrientos Lugo was seen in Medellín on 5 May.",
    ],
)
def test_the_target_as_a_relative_of_someone_else_is_still_the_target(
    nlp: Any, text: str
) -> None:
    r = _read(text, nlp, target=SHORT)
    assert [s.place_name for s in sightings(r) if s.subject == "target"] == ["Medellín"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # "her" is Ana Lugo's, whose son the target is
        ("Ana Lugo, 66, said her son, Rodrigo Barrientos, was seen in Medellín.",
         ["Barrientos"]),
        ("Ana Barrientos, 66, said her brother Rodrigo Barrientos Lugo was seen.",
         ["Barrientos Lugo"]),
        ("Rodrigo Barrientos Lugo, her son, was seen in Cali, Ana Lugo said.",
         ["Barrientos Lugo"]),
        # "his" is the target's: his father is someone else
        (MISSING + "His father, Rodrigo Barrientos Lugo, was seen.", ["Barrientos"]),
        (MISSING + "Rodrigo Barrientos Lugo, his father, was seen.", ["Barrientos"]),
        (MISSING + "Barrientos's father, Rodrigo Barrientos Pérez, was seen.",
         ["Barrientos", "Barrientos"]),
        (MISSING + "Rodrigo Barrientos Pérez, no relation, was seen.", ["Barrientos"]),
    ],
)  # fmt: skip
def test_a_relatives_noun_is_another_person_only_when_it_is_the_targets(
    nlp: Any, text: str, found: list[str]
) -> None:
    refs = find_target_refs(text, Target(SHORT), doc=nlp(text))
    assert [r.text for r in refs if r.kind == "name"] == found


def test_the_fathers_two_surnames_alone_are_the_fathers(nlp: Any) -> None:
    text = (
        MISSING + "His father, Rodrigo Barrientos Pérez, lives in Medellín. "
        "Barrientos Pérez was seen in Cali on 5 May."
    )
    refs = find_target_refs(text, Target(SHORT), doc=nlp(text))
    assert [r.text for r in refs if r.kind == "name"] == ["Barrientos"]


@pytest.mark.parametrize(
    ("father", "found"),
    [
        # the father bears the given name too: "Carlos" alone may be either
        ("His father, Carlos Barrientos Pérez, lives in Medellín. ", ["Barrientos"]),
        # with no namesake, the given name alone is the target, as before
        ("", ["Barrientos", "Carlos"]),
    ],
)
def test_the_given_name_alone_is_no_one_when_the_father_bears_it(
    nlp: Any, father: str, found: list[str]
) -> None:
    text = (
        "Carlos Barrientos, 41, has been missing since 3 May. "
        f"{father}His sister said Carlos had called her from Cali."
    )
    refs = find_target_refs(text, Target("Carlos Barrientos"), doc=nlp(text))
    assert [r.text for r in refs if r.kind == "name"] == found


# -- review 7: F10, a surname that is a town ----------------------------------------
@pytest.mark.parametrize(
    ("target", "text", "place"),
    [
        ("Carlos García Lima",
         "Carlos García Lima, 52, was last seen in Arequipa on 2 May. García was "
         "spotted in Lima on 5 May.", "Lima"),
        ("Carlos García Lima",
         "Carlos García Lima, 52, was last seen in Arequipa on 2 May. Witnesses said "
         "García Lima was seen in Lima on 5 May.", "Lima"),
        ("Ana Pérez León",
         "Ana Pérez León, 29, disappeared in Valladolid on 2 May. A friend said she "
         "was seen in León on 6 May.", "León"),
        ("Ana Pérez León",
         "Ana Pérez León, 29, disappeared in Valladolid on 2 May. Pérez León was seen "
         "in León on 6 May.", "León"),
        ("Jorge Luis Toledo",
         "Jorge Luis Toledo, 52, was last seen in Madrid on 2 May. He was spotted in "
         "Toledo on 5 May.", "Toledo"),
        ("Juan Martín Santiago",
         "Juan Martín Santiago, 52, was last seen in Valparaíso on 2 May. He was "
         "spotted in Santiago on 5 May.", "Santiago"),
    ],
)  # fmt: skip
def test_a_surname_after_a_preposition_of_place_is_the_place(
    nlp: Any, target: str, text: str, place: str
) -> None:
    # before: "'Lima' names the target here, not a place", and the sighting lost
    r = _read(text, nlp, target=target)
    seen = [s.place_name or "" for s in sightings(r)]
    assert len(seen) == 2
    assert seen[1].startswith(place)
    # the name itself is set aside as a place, the town is not
    town = text.rindex(place)
    assert not [
        x for x in r.rejected if "names the target" in x.detail and x.span[0] == town
    ]


def test_a_town_surname_still_names_the_target_as_a_person(nlp: Any) -> None:
    text = (
        "Jorge Luis Toledo, 52, was last seen in Madrid on 2 May. Toledo was "
        "spotted in Segovia on 5 May. Police in Toledo said so."
    )
    # the reader resolves each "Toledo" to the town, the target's name too
    towns = [(at, at + 6) for at in (text.index("Toledo"), text.rindex("Toledo"))]
    refs = find_target_refs(
        text, Target("Jorge Luis Toledo"), doc=nlp(text), places=towns
    )
    assert [r.text for r in refs if r.kind == "name"] == ["Toledo", "Toledo"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the text shortens the name the Spanish way: the mother's surname alone
        # is someone else (his mother, Ana Lugo)
        (MISSING_FULL + "Barrientos was seen in Cali. His mother, Ana Lugo, is ill. "
         "Lugo was seen in Bogotá.", ["Barrientos Lugo", "Barrientos"]),
        # a text that never writes the first surname alone may call him by the
        # last word, as English copy often does
        (MISSING_FULL + "Lugo was seen in Bogotá.", ["Barrientos Lugo", "Lugo"]),
    ],
)  # fmt: skip
def test_the_maternal_surname_alone_is_the_target_only_where_the_text_uses_it(
    text: str, found: list[str]
) -> None:
    refs = find_target_refs(text, Target(FULL))
    assert [r.text for r in refs] == found
