"""Case counts, from an epidemiologist's review of outbreak reading (review 14).

Before: a list "Kisumu (45), Siaya (12) and Homa Bay (7)" made 'Homa Bay' the
person sought (which turns case counts off), and so did "Niassa province" and
"Legionnaires' disease"; most ordinary ways of listing counts gave nothing and
no reason; the deaths of a later sentence took a town's place in the event set;
a denied count was added as a plain one, and a hedged list gave nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geosleuth.evidence import EventSet, LifeStatus
from reading import PUB

pytestmark = pytest.mark.nlp


def _read(text: str, nlp: Any) -> Any:
    from geosleuth.read.document import read_text

    return read_text(text, nlp=nlp, published=PUB)


def _sets(reading: Any) -> list[EventSet]:
    return [i for i in reading.evidence if isinstance(i, EventSet)]


def _events(reading: Any) -> list[tuple[str, float]]:
    sets = _sets(reading)
    assert len(sets) <= 1
    if not sets:
        return []
    (e,) = sets
    assert e.names is not None and e.weights is not None
    return list(zip(e.names, e.weights.tolist(), strict=True))


def _why(reading: Any) -> list[tuple[str, str]]:
    return [(x.reason, x.detail) for x in reading.rejected]


KENYA = [("Kisumu", 45.0), ("Siaya", 12.0), ("Homa Bay", 7.0)]


# -- F1: a town of a list of counts is no person --------------------------------


def test_a_list_of_counts_in_brackets_names_no_person(nlp: Any) -> None:
    # before: 'Homa Bay' was the target, no event set, and "'Kisumu' is where
    # the words were spoken" for a sentence where no one speaks
    r = _read(
        "A cholera outbreak has sickened 64 people. Cases have been confirmed in "
        "Kisumu (45), Siaya (12) and Homa Bay (7).",
        nlp,
    )
    assert r.target is None
    assert _events(r) == KENYA
    assert not any("where the words were spoken" in d for _, d in _why(r))


def test_towns_the_tagger_takes_for_people_are_read_in_a_list(nlp: Any) -> None:
    # before: 'Leeds' was the target
    r = _read(
        "Cases of E. coli O157 have been reported in Manchester (22), Leeds (15), "
        "Birmingham (11), Cardiff (9) and Glasgow (6).",
        nlp,
    )
    assert r.target is None
    assert [n for n, _ in _events(r)] == [
        "Manchester", "Leeds", "Birmingham", "Cardiff", "Glasgow",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        # a province, named before its word
        "Cholera has been reported in Sofala province, with cases in Beira and "
        "Dondo. Niassa province is the worst affected.",
        # provinces listed before their word
        "Poultry outbreaks of H5N1 have been reported this month in Khanh Hoa, "
        "Tien Giang and Ca Mau provinces.",
    ],
)
def test_a_division_is_no_person(nlp: Any, text: str) -> None:
    # before: 'Niassa', 'Tien Giang' were the target
    assert _read(text, nlp).target is None


def test_a_disease_named_after_people_is_no_person_and_does_not_die(
    nlp: Any,
) -> None:
    # before: 'Legionnaires' was the target, and the death toll its death
    r = _read(
        "The death toll from an outbreak of Legionnaires' disease in the South "
        "Bronx has risen to seven, and 86 people have been sickened, city health "
        "officials said Monday.",
        nlp,
    )
    assert r.target is None
    assert not any(isinstance(i, LifeStatus) for i in r.evidence)


def test_cases_confirmed_in_a_town_is_no_place_of_speaking(nlp: Any) -> None:
    from geosleuth.read.attribution import venue_spans

    def venues(text: str) -> list[str]:
        sent = next(iter(nlp(text).sents))
        return [text[a:b] for a, b in venue_spans(sent, lambda tok: False)]

    # before: "in Kisumu (45), Siaya (12) and Homa Bay (7)" was where words were
    # spoken, in a sentence with no speaker
    assert venues("Cases have been confirmed in Kisumu (45) and Siaya (12).") == []
    assert venues("An outbreak was declared in Kisumu on Monday.") == []
    # where a speaker speaks is still that
    assert venues("He is in Raqqa, the minister said in Baghdad.") == ["in Baghdad"]
    assert venues("It was announced in Baghdad that he is in Raqqa.") == ["in Baghdad"]


# -- F2: ordinary wordings of counts --------------------------------------------


@pytest.mark.parametrize(
    ("text", "events"),
    [
        ("A cholera outbreak has sickened 64 people. Cases have been confirmed in "
         "Kisumu 45, Siaya 12 and Homa Bay 7.", KENYA),
        ("Cholera cases by county: Kisumu 45, Siaya 12, Homa Bay 7.", KENYA),
        ("A salmonella outbreak has sickened 23 people. Fourteen of the cases are "
         "in Athens, 5 in Nelsonville and 4 in Logan.",
         [("Athens", 14.0), ("Nelsonville", 5.0), ("Logan", 4.0)]),
        ("Officials say 339 cases of typhoid have been reported in Hyderabad, "
         "Sindh, with a further 52 in Karachi.",
         [("Hyderabad", 339.0), ("Karachi", 52.0)]),
        ("Hamburg has reported 117 cases of E. coli, Kiel 59 and Bremen 38.",
         [("Hamburg", 117.0), ("Kiel", 59.0), ("Bremen", 38.0)]),
        # a total and its parts: the total is no town's
        ("Measles has killed two children, one in Cluj-Napoca and one in Oradea.",
         [("Cluj-Napoca", 1.0), ("Oradea", 1.0)]),
    ],
)  # fmt: skip
def test_ordinary_wordings_of_counts_are_read(
    nlp: Any, text: str, events: list[tuple[str, float]]
) -> None:
    r = _read(text, nlp)
    assert r.target is None
    assert _events(r) == events


def test_a_county_too_wide_for_an_event_is_set_aside_with_its_count(
    nlp: Any,
) -> None:
    # before: Cluj alone, "cases at one town only"; Timis and Bihor lost
    r = _read(
        "A measles outbreak has spread. Cluj has reported 310 cases, Timis 204 "
        "and Bihor 97.",
        nlp,
    )
    assert _events(r) == [("Cluj", 310.0), ("Bihor", 97.0)]
    assert any(
        why == "not_a_place" and "'Timis' has 204 cases" in d for why, d in _why(r)
    )


def test_counts_that_cannot_be_paired_are_set_aside_with_a_reason(nlp: Any) -> None:
    # before: an event set of Totana and Alhama de Murcia, pointing away from
    # Lorca, where most of the cases are
    r = _read(
        "An outbreak of Legionnaires' disease has left 3 people dead. Most of the "
        "cases live in Lorca, with smaller numbers in Totana (4) and Alhama de "
        "Murcia (2).",
        nlp,
    )
    assert _events(r) == []
    paired = [d for why, d in _why(r) if "cannot be paired soundly" in d]
    assert len(paired) == 2 and all("'Lorca'" in d for d in paired)


def test_a_count_of_a_town_not_found_is_said_to_be_left_out(nlp: Any) -> None:
    # before: Katwa's 512 were left out unsaid
    r = _read(
        "The Ebola outbreak in eastern Congo has passed 1,200 cases, the health "
        "ministry said. Katwa has recorded 512 cases, Beni 339 and Butembo 133.",
        nlp,
    )
    assert [n for n, _ in _events(r)] == ["Beni", "Butembo"]
    assert any("'Katwa'" in d and "512 cases" in d for _, d in _why(r))


# -- F3: deaths of the next sentence; the quote ---------------------------------


def test_deaths_of_the_next_sentence_do_not_replace_a_towns_cases(nlp: Any) -> None:
    # before: Hamburg 117, Bremen 1 (the one death), quoting the cases' sentence
    r = _read(
        "The number of people infected with E. coli has risen to 276. Hamburg has "
        "reported 117 cases, Lower Saxony 62, Schleswig-Holstein 59 and Bremen 38. "
        "Two women died in Lower Saxony and one in Bremen.",
        nlp,
    )
    assert _events(r) == [("Hamburg", 117.0), ("Bremen", 38.0)]
    (e,) = _sets(r)
    assert "Bremen 38" in e.provenance.quote
    coarse = {d.split(",")[0] for why, d in _why(r) if why == "not_a_place"}
    assert coarse == {
        "'Lower Saxony' has 62 cases",
        "'Schleswig-Holstein' has 59 cases",
        "'Lower Saxony' has 2 deaths",
    }


def test_the_quote_covers_every_sentence_that_gave_a_count(nlp: Any) -> None:
    # before: the quote was the first sentence's alone
    text = (
        "Cholera has killed 45 people in Kisumu. Officials are worried. Siaya has "
        "recorded 12 cholera deaths."
    )
    r = _read(text, nlp)
    assert _events(r) == [("Kisumu", 45.0), ("Siaya", 12.0)]
    (e,) = _sets(r)
    assert e.provenance.quote == text
    assert e.provenance.span == (0, len(text))
    assert "Kisumu 45 [1], Siaya 12 [3]" in e.note


# -- F8: denied and hedged counts -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Cholera has killed 45 people in Kisumu and 12 in Siaya. Health officials "
         "denied reports of 30 cholera cases in Homa Bay.", "denied reports of"),
        ("Cholera has killed 45 people in Kisumu and 12 in Siaya. Reports of 30 "
         "cholera cases in Homa Bay were false.", "were false"),
    ],
)  # fmt: skip
def test_a_denied_count_is_set_aside(nlp: Any, text: str, cue: str) -> None:
    # before: Homa Bay 30 in the event set, as sure as the others
    r = _read(text, nlp)
    assert _events(r) == [("Kisumu", 45.0), ("Siaya", 12.0)]
    assert any(
        why == "negated" and "'Homa Bay'" in d and cue in d for why, d in _why(r)
    )


def test_a_hedged_list_is_a_hedged_event_set(nlp: Any) -> None:
    # before: nothing, and no reason
    r = _read(
        "Cholera may have killed 45 people in Kisumu, 12 in Siaya and seven in "
        "Homa Bay, unconfirmed reports said.",
        nlp,
    )
    assert _events(r) == KENYA
    (e,) = _sets(r)
    assert e.hedge == "possible"
    assert "hedge from 'may'" in e.note


def test_a_hedged_count_beside_plain_ones_is_set_aside(nlp: Any) -> None:
    # the event set has one hedge: a hedged town would count as sure as the rest
    r = _read(
        "Cholera has killed 45 people in Kisumu and 12 in Siaya. Cholera may have "
        "killed seven people in Homa Bay.",
        nlp,
    )
    assert _events(r) == [("Kisumu", 45.0), ("Siaya", 12.0)]
    assert _sets(r)[0].hedge == "certain"
    assert any(
        why == "conditional" and "'Homa Bay' has 7 deaths" in d for why, d in _why(r)
    )


def test_a_count_to_come_is_set_aside_with_a_reason(nlp: Any) -> None:
    # before: left out unsaid
    r = _read("Officials fear there could be 500 cholera cases in Siaya.", nlp)
    assert _events(r) == []
    assert any(
        why == "conditional" and "'Siaya'" in d and "could be" in d
        for why, d in _why(r)
    )


# -- review 7, F6: the date of an event set is its counts' own -----------------


@pytest.mark.parametrize(
    "text",
    [
        # a past outbreak's year, in another statement
        "Cholera has infected 45 people in Kisumu and 12 in Siaya; in 2017 the "
        "disease killed 70 in Kisumu and 30 in Busia.",
        # counts to date, since a start in another clause
        "Cholera has killed 45 people in Kisumu, 12 in Siaya and 7 in Homa Bay "
        "since the outbreak began in 2017.",
        # the outbreak's start, in a relative clause
        "The cholera outbreak, which began on 12 May in Garissa, has caused 45 "
        "cases in Wajir and 7 in Mandera.",
    ],
)
def test_a_date_of_another_clause_does_not_date_the_counts(nlp: Any, text: str) -> None:
    # before: dated 2017-12-31 (twice) and 12 May, from the other clause
    (e,) = _sets(_read(text, nlp))
    assert (e.date, e.date_from) == (PUB, None)
    assert "dated from" not in e.note


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Kisumu reported 45 new cholera cases on Monday and Siaya reported 12.",
         dt.date(2018, 6, 4)),
        ("Cholera has killed 45 people in Kisumu and 12 in Siaya, health officials "
         "said on Monday.", dt.date(2018, 6, 4)),
        ("Cholera has killed 45 people in Kisumu and 12 in Siaya since 2017.",
         PUB),
    ],
)  # fmt: skip
def test_the_counts_own_clause_dates_them(nlp: Any, text: str, day: Any) -> None:
    (e,) = _sets(_read(text, nlp))
    assert e.date == day
    assert "dated from" in e.note


def test_a_number_in_a_towns_brackets_in_a_list_of_counts_is_a_count(
    nlp: Any,
) -> None:
    # before: Busia dropped unsaid, and the set dated 1999-12-31 from its bracket
    r = _read(
        "Cholera cases have been confirmed in Kisumu (45), Siaya (12) and Busia "
        "(1999).",
        nlp,
    )
    assert _events(r) == [("Kisumu", 45.0), ("Siaya", 12.0), ("Busia", 1999.0)]
    (e,) = _sets(r)
    assert e.date == PUB
    # years in brackets, and no count among them, are no list of counts
    r = _read("Cholera cases were recorded in Kisumu (1999) and Siaya (2005).", nlp)
    assert _events(r) == []


# -- review 7, F7: common wordings of counts ------------------------------------


@pytest.mark.parametrize(
    ("text", "events"),
    [
        ("Kisumu reported 45 new cholera cases and Siaya reported 12.",
         [("Kisumu", 45.0), ("Siaya", 12.0)]),
        ("Kisumu reported 45 new cholera cases on Tuesday and Siaya has recorded "
         "12 deaths.", [("Kisumu", 45.0), ("Siaya", 12.0)]),
        # the earlier figure is no count of now
        ("Cholera has now killed 45 people in Kisumu, up from 30 last week, and 12 "
         "in Siaya, up from 2.", [("Kisumu", 45.0), ("Siaya", 12.0)]),
        ("Of the 64 cholera patients, 45 are in Kisumu and 19 in Siaya.",
         [("Kisumu", 45.0), ("Siaya", 19.0)]),
        ("Cholera cases rose to 45 in Kisumu from 30 a week earlier, and to 12 in "
         "Siaya.", [("Kisumu", 45.0), ("Siaya", 12.0)]),
        ("The cholera outbreak has put 45 people in hospital in Kisumu and 12 in "
         "Siaya.", [("Kisumu", 45.0), ("Siaya", 12.0)]),
    ],
)  # fmt: skip
def test_common_wordings_of_counts_keep_every_town(
    nlp: Any, text: str, events: list[tuple[str, float]]
) -> None:
    # before: Siaya lost ("cases at one town only") or nothing and no reason
    r = _read(text, nlp)
    assert _events(r) == events
    (e,) = _sets(r)
    assert "dated from 'last week'" not in e.note


def test_an_earlier_figure_is_set_aside_not_a_towns_weight(nlp: Any) -> None:
    # before: Kisumu weighed 60, last week's figure, not its 45 of now
    r = _read(
        "Kisumu now has 45 cholera cases, down from 60 cases last week. Siaya has "
        "recorded 12 cholera cases.",
        nlp,
    )
    assert _events(r) == [("Kisumu", 45.0), ("Siaya", 12.0)]
    assert any(
        why == "not_target" and "'60 cases'" in d and "earlier figure" in d
        for why, d in _why(r)
    )


def test_a_count_past_an_aside_is_left_out_with_a_reason(nlp: Any) -> None:
    # before: Mandera dropped unsaid
    r = _read(
        "Cholera cases have been reported in Garissa (45), Wajir (12) and Mandera, "
        "some 350 km away (7).",
        nlp,
    )
    assert _events(r) == [("Garissa", 45.0), ("Wajir", 12.0)]
    assert any(
        why == "no_place" and "'Mandera'" in d and "not paired" in d
        for why, d in _why(r)
    )


# -- review 7, F8: the count of a town's "where" clause -------------------------


def test_the_count_of_a_towns_where_clause_is_its_own(nlp: Any) -> None:
    # before: Wajir 12, and "'200 people': no town of the sentence is given this
    # count"; each town's largest count is its weight
    r = _read(
        "Cholera has killed 45 people in Garissa and 12 in Wajir, where 200 people "
        "have fallen ill.",
        nlp,
    )
    assert _events(r) == [("Garissa", 45.0), ("Wajir", 200.0)]
    assert not any("no town of the sentence" in d for _, d in _why(r))
    (e,) = _sets(r)
    assert "Wajir 200" in e.note


# -- review 7, F5: a speaker or a victim of an outbreak report is no one sought ----

OUTBREAK = (
    "NAIROBI, June 3 (Reuters) - A cholera outbreak in northeastern Kenya has "
    "killed 14 people and sickened hundreds more, health officials said on "
    "Monday.\n\nCholera cases have been confirmed in Garissa (145), Wajir (62), "
    "Mandera (31) and Dadaab (12), the health ministry said in a statement.\n\n"
    '"We are deploying rapid response teams to all affected counties," Health '
    "Minister Susan Nakhumicha told reporters in Nairobi.\n"
)


def test_a_quoted_official_does_not_turn_an_outbreak_reading_off(nlp: Any) -> None:
    # before: read for 'Susan Nakhumicha', and no event set, silently
    r = _read(OUTBREAK, nlp)
    assert r.target is None
    assert _events(r) == [
        ("Garissa", 145.0), ("Wajir", 62.0), ("Mandera", 31.0), ("Dadaab", 12.0),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Health Minister Mutahi Kagwe said 45 cholera cases had been confirmed in "
        "Garissa and 12 in Wajir.",
        "Cholera cases have been confirmed in Garissa (45) and Wajir (12), Health "
        "Minister Mutahi Kagwe told reporters in Nairobi.",
        "Cholera has killed 45 people in Garissa and 12 in Wajir, according to "
        "county health director Peter Ouma.",
        "Cholera has killed 45 people in Garissa and 12 in Wajir, said Peter Ouma, "
        "the county health director. Ouma said more cases were expected.",
        # a victim is a case, not a person sought
        "A cholera outbreak has killed 45 people in Garissa and 12 in Wajir. Among "
        "the dead was Hassan Noor, 34, a teacher from Garissa.",
        "Mary Smith, 54, died of cholera in Garissa on Monday. The outbreak has "
        "killed 45 people in Garissa and 12 in Wajir.",
    ],
)
def test_a_speaker_or_a_victim_is_not_inferred_as_the_target(
    nlp: Any, text: str
) -> None:
    # before: each was read for the speaker or the victim, with no event set
    r = _read(text, nlp)
    assert r.target is None
    assert _events(r) == [("Garissa", 45.0), ("Wajir", 12.0)]
    assert not any(isinstance(i, LifeStatus) for i in r.evidence)


def test_a_doctors_count_is_no_sighting_of_her(nlp: Any) -> None:
    # before: "and 12 in Wajir" was a sighting of Dr Amina Yusuf at Wajir
    r = _read(
        "Dr Amina Yusuf, who treated cholera patients in Garissa, said 45 cases had "
        "been seen there and 12 in Wajir.",
        nlp,
    )
    assert r.target is None
    assert [i.kind for i in r.evidence if i.kind != "event_set"] == []


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a person sought in an outbreak report is still inferred
        ("Jane Doe, a nurse who treated cholera patients, has been missing since "
         "Monday. Cholera has killed 45 people in Kisumu and 12 in Siaya. Doe was "
         "last seen in Kisumu.", "Jane Doe"),
        # a speaker in a report of no outbreak is inferred as before
        ("Police chief Peter Ouma said 45 people were arrested in Kisumu.",
         "Peter Ouma"),
    ],
)  # fmt: skip
def test_a_person_sought_is_still_inferred(nlp: Any, text: str, target: str) -> None:
    r = _read(text, nlp)
    assert r.target == target


def test_counts_turned_off_by_an_inferred_person_are_said(nlp: Any) -> None:
    # review 14: a person named otherwise than as a speaker is still inferred as
    # the target, and the counts were dropped with no word
    text = (
        "Health Minister Mutahi Kagwe visited Garissa on Monday. He said 45 cholera "
        "cases had been confirmed in Garissa and 12 in Wajir."
    )
    r = _read(text, nlp)
    assert r.target == "Mutahi Kagwe"
    assert not [i for i in r.evidence if i.kind == "event_set"]
    (why,) = [x for x in r.rejected if "a case count not read" in x.detail]
    assert why.reason == "not_target"
    assert "'Mutahi Kagwe', the person it names most often" in why.detail
