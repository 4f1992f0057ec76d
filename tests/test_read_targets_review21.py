"""Who a report is about, from an analyst's and an epidemiologist's review (r21).

Before: with no target given, an outbreak report was read for a suburb ("Glen
View 74"), a town ("who is from Kortrijk", "in the Sparkbrook and Small Heath
areas") or the disease ("Legionnaires' outbreak"), and its case counts were
switched off; "Fifty-one cases are in Birmingham", "41 live in Ghent" and "with
a further 38 in Chitungwiza" past "the ministry said" gave no count. A fugitive's
report was read for a town, for a lawyer named once over the fugitive named
seven times by his surname, for a name cut off after "Ag", or for the victim
over the man the police are searching for. "The suspect" and "the 45-year-old"
never referred to the target, and "Sydney" of the target "Sydney Hamilton" was
a claim at Sydney, Nova Scotia.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geosleuth.evidence import EventSet
from reading import claims, sightings

pytestmark = pytest.mark.nlp


def _read(text: str, nlp: Any, target: str | None = None, **kw: Any) -> Any:
    from geosleuth.read.document import read_text

    pub = kw.pop("published", dt.date(2024, 10, 9))
    return read_text(text, target=target, nlp=nlp, published=pub, **kw)


def _events(reading: Any) -> list[tuple[str, float]]:
    sets = [i for i in reading.evidence if isinstance(i, EventSet)]
    assert len(sets) <= 1
    if not sets:
        return []
    (e,) = sets
    assert e.names is not None and e.weights is not None
    return list(zip(e.names, e.weights.tolist(), strict=True))


def _why(reading: Any) -> list[tuple[str, str]]:
    return [(x.reason, x.detail) for x in reading.rejected]


# -- 1. an outbreak report is read for no one: places and diseases are no person --


def test_a_suburb_in_a_place_slot_is_no_person_and_a_count_in_words_is_read(
    nlp: Any,
) -> None:
    # before: 'Small Heath' was the target (two claims for it), and "Fifty-one"
    # no count
    r = _read(
        "Health officials said on Friday that a measles outbreak had grown to 74 "
        "confirmed cases. Fifty-one cases are in Birmingham, mostly in the "
        "Sparkbrook and Small Heath areas, and 23 in Coventry, the UK Health "
        "Security Agency said. Investigators traced the outbreak to a child who "
        "developed a rash days after attending a nursery in Small Heath.",
        nlp,
    )
    assert r.target is None
    assert _events(r) == [("Birmingham", 51.0), ("Coventry", 23.0)]


def test_a_town_someone_is_from_is_no_person_and_where_cases_live_is_read(
    nlp: Any,
) -> None:
    # before: 'Kortrijk' was the target, and "41 live in Ghent" no count
    r = _read(
        "Belgian health authorities said an outbreak of Salmonella has sickened "
        "86 people. Of the 86 cases, 41 live in Ghent, 17 in Aalst, 12 in Lokeren "
        "and 9 in Bruges, with seven in Antwerp, according to the Flemish Agency "
        "for Care and Health. The stall's owner, who is from Kortrijk, told the "
        "newspaper Het Nieuwsblad that he had bought the chicken from a "
        "wholesaler in the Netherlands.",
        nlp,
    )
    assert r.target is None
    assert [n for n, _ in _events(r)] == [
        "Gent",
        "Aalst",
        "Lokeren",
        "Brugge",
        "Antwerp",
    ]


def test_a_suburb_with_its_count_is_no_person_and_the_list_goes_on_past_a_speaker(
    nlp: Any,
) -> None:
    # before: 'Glen View' was the target; with none, "a further 38 in
    # Chitungwiza" after "the ministry said" was lost, and "Chegutu itself has
    # reported only two cases" gave no count; cases among people who travelled
    # from Harare counted where they were found
    r = _read(
        "A cholera outbreak has sickened more than 300 people in and around "
        "the capital. Budiriro has recorded 168 cases, Glen View 74 and Mbare 23, the "
        "ministry said, with a further 38 in Chitungwiza, about 25 km south of the "
        "city centre. The index case was a man who fell ill after attending a "
        "funeral in Chegutu. Chegutu itself has reported only two cases. Five "
        "cases have also been confirmed in Bulawayo, among people who had "
        "travelled from Harare, officials said.",
        nlp,
    )
    assert r.target is None
    assert _events(r) == [("Chitungwiza", 38.0), ("Chegutu", 2.0)]
    assert any(
        reason == "not_target" and "caught elsewhere ('had travelled from')" in detail
        for reason, detail in _why(r)
    )


def test_a_diseases_eponym_before_outbreak_is_no_person(nlp: Any) -> None:
    # before: 'Legionnaires' was the target
    r = _read(
        "Legionnaires' outbreak in Stoke-on-Trent linked to cooling tower, health "
        "agency says\n\nAn outbreak of Legionnaires' disease in Stoke-on-Trent has "
        "been linked to a cooling tower, the UK Health Security Agency said on "
        "Thursday. Twenty-one people have been taken to hospital. Thirteen of the "
        "cases live in Stoke-on-Trent, five in Stafford and three in "
        "Newcastle-under-Lyme, the agency said.",
        nlp,
    )
    assert r.target is None
    assert [n for n, _ in _events(r)] == [
        "Stoke-on-Trent", "Stafford", "Newcastle under Lyme",
    ]  # fmt: skip


def test_a_case_who_died_and_a_germ_are_no_person(nlp: Any) -> None:
    # before: 'Margaret Hill' (a case, "who died") and 'Vibrio' (the germ) were
    # taken for the person sought
    for text in (
        "An outbreak of Legionnaires' disease has sickened 21 people. Thirteen of "
        "the cases live in Stoke-on-Trent and five in Stafford. Margaret Hill, 81, "
        "of Stafford, who died on Sunday, was among the patients, her family "
        "confirmed.",
        "A cholera outbreak has sickened 80 people. Harare has recorded 68 cases "
        "and Chitungwiza 12. Water from the borehole tested positive for Vibrio "
        "cholerae, the ministry said.",
    ):
        assert _read(text, nlp).target is None


def test_a_person_from_a_town_is_still_the_one_sought(nlp: Any) -> None:
    # near-misses: a person named otherwise too, and a speaker of no outbreak
    r = _read(
        "Jane Doe, who is from Kortrijk, has been missing since Monday. Police "
        "said Jane Doe was seen in Ghent on Tuesday.",
        nlp,
    )
    assert r.target == "Jane Doe"
    assert [s.place_name for s in sightings(r)] == ["Gent"]


# -- 2. the person named most, by surname; particles kept; the one sought --------


def test_the_fugitive_named_by_his_surname_is_named_most(nlp: Any) -> None:
    # before: the lawyer 'Ana Lucía Pérez', named once ("Salcedo" is a GPE to
    # the tagger, and 'Rodrigo Salcedo Ibarra' an ORG)
    r = _read(
        "Mexican authorities said on Wednesday that fugitive cartel boss Rodrigo "
        "Salcedo Ibarra was wounded, not killed, in a clash with soldiers near "
        "Tamazula, Durango, on Sunday. The defence ministry had said on Monday "
        "that Salcedo was killed in the clash. Prosecutors earlier said Salcedo "
        "was hiding near Tamazula; they now say he is in the Sierra Madre east of "
        "Badiraguato. Salcedo's lawyer, Ana Lucía Pérez, said her client was "
        '"alive and well".',
        nlp,
        published=dt.date(2023, 3, 22),
    )
    assert r.target == "Rodrigo Salcedo Ibarra"


def test_a_name_cut_off_after_a_particle_is_taken_whole(nlp: Any) -> None:
    from geosleuth.read.target import infer_target

    text = (
        "The army of Mali said on Tuesday that jihadist commander Hamadou Ag "
        "Alher, whom it had said was hiding near Ansongo, had crossed into Niger. "
        "Ag Alher was last seen in Ayorou."
    )
    doc = nlp(text)
    # the tagger cuts the name after 'Ag' here
    assert "Hamadou Ag" in [e.text for e in doc.ents if e.label_ == "PERSON"]
    who = infer_target(text, doc=doc)
    assert who is not None and who.name == "Hamadou Ag Alher"


T2 = (
    "Armed police are searching for Darren Whitlock after a woman was stabbed at "
    "a house in Penrith on Monday evening, Cumbria Constabulary said. The victim, "
    "Karen Ellis, 41, was taken to hospital in Carlisle with serious injuries. "
    'Karen Ellis\'s family said she was "stable and comfortable". Ms Ellis was in '
    "a relationship with the suspect until last year, police said. Friends of "
    "Karen Ellis have set up a fundraiser. The suspect is believed to have left "
    "Penrith in a white Ford Transit van shortly after the attack. The 45-year-old "
    "has links to Workington and Cockermouth, and officers have visited addresses "
    "in both towns. Moss said he was not thought to be in Workington."
)


def test_the_person_police_search_for_comes_before_the_victim(nlp: Any) -> None:
    # before: the victim 'Karen Ellis', named four times
    assert _read(T2, nlp).target == "Darren Whitlock"


def test_a_town_is_never_the_person_named_most(nlp: Any) -> None:
    # before: 'Tamazula' (twice, a PERSON to the tagger) over the fugitive
    r = _read(
        "Federal prosecutors believe that Rodrigo Salcedo Ibarra is hiding in the "
        "mountains around Tamazula, a senior official said. Salcedo, 48, escaped "
        'from custody in October. "Salcedo is probably moving between Badiraguato '
        'and Tamazula," said security analyst David Saucedo.',
        nlp,
        published=dt.date(2023, 2, 8),
    )
    assert r.target == "Rodrigo Salcedo Ibarra"


# -- 3. "the suspect" and "the N-year-old" refer to the target --------------------


def test_the_suspect_and_his_age_refer_to_the_target(nlp: Any) -> None:
    # before: nothing; "he" after "The 45-year-old" was no one's
    r = _read(T2, nlp, target="Darren Whitlock")
    rows = [
        (c.place_name, c.polarity, c.hedge, c.provenance.speaker) for c in claims(r)
    ]
    assert rows == [("Workington", "is_not", "probable", "Moss")]
    quotes = {u.quote for u in r.unused}
    assert any(q.startswith("The 45-year-old has links") for q in quotes)


def test_the_targets_age_given_with_the_name_makes_the_n_year_old_the_target(
    nlp: Any,
) -> None:
    # before: no sighting
    r = _read(
        "Police are looking for Jane Doe, 16, who has been missing since Friday. "
        "The 16-year-old was seen in Leeds on Monday, police said.",
        nlp,
        target="Jane Doe",
    )
    assert [(s.place_name, s.date) for s in sightings(r)] == [
        ("Leeds", dt.date(2024, 10, 7))
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a missing person's report: the suspect is someone else
        "Police are searching for Jane Doe, who has been missing since Friday. "
        "The suspect was seen in Leeds on Monday, police said.",
        # another person of that age
        "Police are searching for Darren Whitlock after a stabbing. The victim, "
        "Karen Ellis, 45, was taken to hospital. The 45-year-old was seen in "
        "Carlisle on Monday, police said.",
        # a suspect arrested, and so another
        "Police are searching for Darren Whitlock after a stabbing. A second "
        "suspect was arrested on Monday. The suspect was seen in Leeds on "
        "Monday, police said.",
    ],
)
def test_the_suspect_of_another_is_not_the_target(nlp: Any, text: str) -> None:
    target = "Jane Doe" if "Jane" in text else "Darren Whitlock"
    assert sightings(_read(text, nlp, target=target)) == []


# -- 4. the target's given name is the name, not a place ---------------------------


def test_the_targets_given_name_is_no_place(nlp: Any) -> None:
    # before: a claim at Sydney, Nova Scotia, from "Sydney Hamilton"
    r = _read(
        "Ontario Provincial Police said on Tuesday that they believe Sydney "
        "Hamilton, a former financial adviser wanted over a $2-million investment "
        "fraud, has crossed into the United States and may be in Buffalo, New "
        "York. Hamilton had talked about moving to Sydney, Australia, a friend "
        "said.",
        nlp,
        target="Sydney Hamilton",
        published=dt.date(2024, 5, 14),
    )
    assert [c.place_name for c in claims(r)] == ["Buffalo"]
    why = _why(r)
    # the given name in the full name is the target; "Sydney" alone is a place
    # (of a plan)
    assert (
        why.count(("not_a_place", "'Sydney' names the target here, not a place")) == 1
    )
    assert any(reason == "conditional" and "'Sydney'" in d for reason, d in why)
