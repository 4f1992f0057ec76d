"""More sentences to evidence: denials, passives, hedge cues, dates, associates.

Each test pins one reading found wrong (or only implicit) by an audit of made-up
articles: the sentence, and what must be read from it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from conftest import mentions_at
from geosleuth.evidence import Claim, Front, LifeStatus, Sighting
from geosleuth.read.dates import find_dates
from geosleuth.read.hedges import hedge_of
from geosleuth.read.target import Target, name_key

PUB = dt.date(2017, 10, 12)  # a Thursday
TARGET = Target("Abu Bakr al-Baghdadi")
COORDS = {
    "Hajin": (40.831, 34.695),
    "Mosul": (43.118, 36.335),
    "Raqqa": (39.009, 35.952),
    "Iraq": (43.679, 33.223),
    "Deir ez-Zor": (40.141, 35.336),
    "Mayan": (40.451, 35.017),
}


# -- pure-Python parts (no spaCy) ---------------------------------------------------
@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        # an argument is the speaker's opinion, as "thinks" is: probable
        ("Hisham al-Hashimi argues that al-Baghdadi is hiding in Hajin.", "probable"),
        ("Al-Hashimi argued that he was in Hajin.", "probable"),
        # a claim is only asserted, as "it is claimed" is: possible
        ("sources claim he is in Hajin", "possible"),
        ("Al-Baghdadi is reported to be in Hajin.", "probable"),
        # existing cues, pinned
        ("Al-Baghdadi is believed to be in Raqqa.", "probable"),
        ("Al-Baghdadi is reportedly hiding in Hajin.", "probable"),
        ("Al-Baghdadi is rumoured to be in Hajin.", "possible"),
        ("Al-Baghdadi may have been seen in Hajin.", "possible"),
    ],
)
def test_hedge_cues(text: str, hedge: str) -> None:
    assert hedge_of(text)[0] == hedge


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("in September", dt.date(2017, 9, 1), dt.date(2017, 9, 30)),
        # a month after publication's is the year before
        ("in November", dt.date(2016, 11, 1), dt.date(2016, 11, 30)),
        # the month of publication ends at publication
        ("in October", dt.date(2017, 10, 1), PUB),
        ("since January", dt.date(2017, 1, 1), PUB),
        ("on Tuesday", dt.date(2017, 10, 10), dt.date(2017, 10, 10)),
        ("on Thursday", PUB, PUB),
        ("last Thursday", dt.date(2017, 10, 5), dt.date(2017, 10, 5)),
        ("last week", dt.date(2017, 10, 5), PUB),
        ("yesterday", dt.date(2017, 10, 11), dt.date(2017, 10, 11)),
        ("two weeks ago", dt.date(2017, 9, 28), dt.date(2017, 9, 28)),
        ("last month", dt.date(2017, 9, 1), dt.date(2017, 9, 30)),
    ],
)
def test_month_weekday_and_relative_dates(
    text: str, start: dt.date, end: dt.date
) -> None:
    (d,) = find_dates(text, published=PUB)
    assert (d.date_from, d.date) == (start, end)


def test_a_month_alone_needs_a_word_that_introduces_it() -> None:
    assert find_dates("He may be in Hajin, June said.", published=PUB) == []
    # a day with its month is still that day
    (d,) = find_dates("on 1 May.", published=PUB)
    assert (d.date_from, d.date, d.kind) == (dt.date(2017, 5, 1),) * 2 + ("day",)


def test_name_variants_with_a_space_share_a_key() -> None:
    assert name_key("Al Baghdadi") == name_key("al-Baghdadi")


# -- with spaCy ----------------------------------------------------------------------
def _mentions(text: str) -> list[Any]:
    return mentions_at(text, COORDS)


def _extract(text: str, nlp: Any, published: dt.date = PUB) -> Any:
    from geosleuth.read.claims import extract_evidence
    from geosleuth.read.document import parse

    doc = parse(text, nlp)
    return extract_evidence(
        text, doc, _mentions(text), doc_id="t", published=published, target=TARGET
    )


def _claims(text: str, nlp: Any) -> dict[str, Claim]:
    return {
        c.place_name or "": c for c in _extract(text, nlp).items if isinstance(c, Claim)
    }


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Iraqi military spokesman Yahya Rasool denied that al-Baghdadi was in "
            "Mosul.",
            "Mosul",
        ),
        ("Iraqi officials deny Baghdadi is in Mosul.", "Mosul"),
        ("The Iraqi intelligence chief ruled out that Baghdadi is in Iraq.", "Iraq"),
        ("Al-Baghdadi is not in Mosul, an Iraqi general said.", "Mosul"),
        (
            "ISIS leader al-Baghdadi is no longer in Raqqa, the US-led coalition "
            "said on Tuesday.",
            "Raqqa",
        ),
    ],
)
def test_denied_and_negated_whereabouts_are_is_not(
    text: str, place: str, nlp: Any
) -> None:
    claims = _claims(text, nlp)
    assert set(claims) == {place}
    assert claims[place].polarity == "is_not"


@pytest.mark.nlp
def test_said_on_a_weekday_dates_the_claim(nlp: Any) -> None:
    c = _claims(
        "ISIS leader al-Baghdadi is no longer in Raqqa, the US-led coalition "
        "said on Tuesday.",
        nlp,
    )["Raqqa"]
    assert c.date == dt.date(2017, 10, 10)


@pytest.mark.nlp
def test_a_hedge_between_was_and_in_still_makes_a_claim(nlp: Any) -> None:
    text = (
        "Al-Baghdadi was probably in Deir ez-Zor last month, a Pentagon official said."
    )
    c = _claims(text, nlp)["Deir ez-Zor"]
    assert (c.polarity, c.hedge) == ("is", "probable")
    assert (c.date_from, c.date) == (dt.date(2017, 9, 1), dt.date(2017, 9, 30))


@pytest.mark.nlp
def test_the_target_believed_to_be_somewhere_is_not_the_speaker(nlp: Any) -> None:
    c = _claims("Al-Baghdadi is believed to be in Raqqa.", nlp)["Raqqa"]
    assert c.provenance.speaker is None
    assert (c.polarity, c.hedge) == ("is", "probable")


@pytest.mark.nlp
def test_a_place_set_against_the_claimed_one_is_is_not(nlp: Any) -> None:
    text = (
        "A senior Kurdish intelligence official said last week that Baghdadi is "
        "believed to be hiding in Raqqa, not in Mosul."
    )
    claims = _claims(text, nlp)
    assert claims["Raqqa"].polarity == "is" and claims["Mosul"].polarity == "is_not"
    for c in claims.values():
        assert "Baghdadi" not in (c.provenance.speaker or "")
        assert c.hedge == "probable"


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("Hisham al-Hashimi argues that al-Baghdadi is hiding in Hajin.", "probable"),
        ("Sources claim al-Baghdadi is in Hajin.", "possible"),
        ("Al-Baghdadi is reported to be in Hajin.", "probable"),
    ],
)
def test_argued_claimed_and_reported_claims_are_not_certain(
    text: str, hedge: str, nlp: Any
) -> None:
    assert _claims(text, nlp)["Hajin"].hedge == hedge


@pytest.mark.nlp
def test_a_sighting_keeps_the_hedge_of_its_auxiliaries(nlp: Any) -> None:
    (s,) = _extract("Al-Baghdadi may have been seen in Hajin.", nlp).items
    assert isinstance(s, Sighting) and s.subject == "target"
    assert s.hedge == "possible"


@pytest.mark.nlp
def test_the_targets_driver_is_an_associate(nlp: Any) -> None:
    (s,) = _extract(
        "Baghdadi's driver was spotted near Hajin three days ago.", nlp
    ).items
    assert isinstance(s, Sighting)
    assert (s.subject, s.closeness) == ("associate", 0.5)
    assert s.date == dt.date(2017, 10, 9)


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "who"),
    [
        # a relative named by "X of <target>" was seen, not the target
        ("A cousin of Abu Bakr al-Baghdadi was spotted in Hajin.",
         "A cousin of Abu Bakr al-Baghdadi"),
        ("The daughter of al-Baghdadi was seen in Hajin.",
         "The daughter of al-Baghdadi"),
        ("Friends of Baghdadi were seen in Hajin.", "Friends of Baghdadi"),
        ("The son of Abu Bakr al-Baghdadi was seen in Hajin.",
         "The son of Abu Bakr al-Baghdadi"),
    ],
)  # fmt: skip
def test_a_relative_of_the_target_is_an_associate(
    nlp: Any, text: str, who: str
) -> None:
    (s,) = _extract(text, nlp).items
    assert isinstance(s, Sighting) and s.place_name == "Hajin"
    assert (s.subject, s.closeness) == ("associate", 0.5)
    # the description names the target in full, not cut at the reference
    assert f"associate of the target ({who})" in s.note


@pytest.mark.nlp
def test_associate_sightings_share_a_named_group(nlp: Any) -> None:
    text = (
        "Iyad al-Jamili, who is considered one of the men closest to Baghdadi, "
        "has been seen in the vicinity of Hajin and in Mayan."
    )
    sights = [i for i in _extract(text, nlp).items if isinstance(i, Sighting)]
    assert [s.place_name for s in sights] == ["Hajin", "Mayan"]
    assert {s.closeness for s in sights} == {0.5}
    assert {s.group for s in sights} == {"associate:Iyad al-Jamili"}
    assert {s.hedge for s in sights} == {"certain"}


@pytest.mark.nlp
def test_the_vicinity_of_a_town_is_wider_than_the_town(nlp: Any) -> None:
    (plain,) = _extract("Al-Baghdadi was seen in Hajin.", nlp).items
    (near,) = _extract("Al-Baghdadi was seen in the vicinity of Hajin.", nlp).items
    assert isinstance(plain, Sighting) and isinstance(near, Sighting)
    assert (plain.sigma_km, near.sigma_km) == (5.0, 10.0)
    c_plain = _claims("Al-Baghdadi is hiding in Hajin.", nlp)["Hajin"]
    c_near = _claims("Al-Baghdadi is hiding in the vicinity of Hajin.", nlp)["Hajin"]
    assert (c_plain.buffer_km, c_near.buffer_km) == (10.0, 20.0)


@pytest.mark.nlp
def test_a_recording_is_dated_by_when_it_was_made_not_reported(nlp: Any) -> None:
    text = (
        "On 1 May 2018 ISIS said a recording of al-Baghdadi was made on "
        "28 September 2017."
    )
    lives = [
        i
        for i in _extract(text, nlp, dt.date(2018, 5, 15)).items
        if isinstance(i, LifeStatus)
    ]
    assert [(x.status, x.date) for x in lives] == [("alive", dt.date(2017, 9, 28))]


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("If al-Baghdadi is dead, ISIS will name a successor.", "conditional"),
        ("Officials dismissed claims that al-Baghdadi was killed.", "negated"),
    ],
)
def test_conditional_and_dismissed_deaths_are_no_life_status(
    text: str, reason: str, nlp: Any
) -> None:
    ex = _extract(text, nlp)
    assert not any(isinstance(i, LifeStatus) for i in ex.items)
    assert reason in [r.reason for r in ex.rejected]


@pytest.mark.nlp
def test_a_front_in_miles_is_converted_to_kilometres(nlp: Any) -> None:
    text = (
        "The operation is carried out by the Syrian Democratic Forces (SDF) in "
        "rural Deir ez-Zor. SDF fighters are 5 miles from Hajin."
    )
    (f,) = [i for i in _extract(text, nlp).items if isinstance(i, Front)]
    assert f.distance_km == pytest.approx(8.0467, abs=1e-3)


@pytest.mark.parametrize(
    ("sentence", "hedge"),
    [
        ("Baghdadi was seen in Hajin on 3 May 2018.", "certain"),  # the month
        ("In May, al-Baghdadi was in Hajin.", "certain"),
        ("Al-Baghdadi may be in Hajin.", "possible"),  # the verb
        ("May have been seen in Hajin, officials said.", "possible"),
    ],
)
def test_the_month_may_is_no_hedge(sentence: str, hedge: str) -> None:
    assert hedge_of(sentence)[0] == hedge


@pytest.mark.nlp
def test_a_recording_dated_after_publication_is_no_proof_of_life(nlp: Any) -> None:
    ex = _extract(
        "ISIS said a recording of al-Baghdadi was made on 13 October 2017.", nlp
    )
    assert not any(isinstance(i, LifeStatus) for i in ex.items)  # PUB is 12 October
    assert [r.reason for r in ex.rejected] == ["invalid"]


@pytest.mark.nlp
def test_killed_or_wounded_is_only_a_possible_death(nlp: Any) -> None:
    ex = _extract("Al-Baghdadi was killed or wounded in an air strike.", nlp)
    (life,) = [i for i in ex.items if isinstance(i, LifeStatus)]
    assert (life.status, life.hedge) == ("dead", "possible")


@pytest.mark.nlp
def test_whereabouts_make_a_possessive_nisba_the_man(nlp: Any) -> None:
    from geosleuth.read.document import parse
    from geosleuth.read.target import find_target_refs

    def refs(text: str) -> list[tuple[str, str]]:
        doc = parse(text, nlp)
        found = find_target_refs(text, TARGET, doc=getattr(doc, "doc", doc))
        return [(r.kind, text[r.start : r.end]) for r in found]

    assert refs("Baghdad's whereabouts are unknown.") == [("nisba", "Baghdad")]
    assert refs("Baghdad's streets are busy.") == []  # the city


# -- datelines and continuations, through the whole reader (read_text) -------------
def _read(text: str, nlp: Any, published: dt.date | None = PUB) -> Any:
    from geosleuth.read.document import read_text

    return read_text(text, target=TARGET.name, nlp=nlp, published=published)


@pytest.mark.parametrize(
    ("text", "day", "line"),
    [
        ("BAGHDAD, 3 June 2018 - Sources said so.", "2018-06-03",
         "BAGHDAD, 3 June 2018 -"),
        ("Hunt for a leader\n\nWASHINGTON, Oct. 27, 2019 — Officials said so.",
         "2019-10-27", "WASHINGTON, Oct. 27, 2019 —"),
        ("BEIRUT, June 3 (Reuters) - Sources said so.", None, None),  # no year
        # a day later in the sentence is not the dateline's
        ("ATLANTA - Sources said so on 3 June 2018.", None, None),
        # six lines down is no dateline
        ("\n" * 6 + "BAGHDAD, 3 June 2018 - Sources said so.", None, None),
        # the agency after the day
        ("LONDON, 3 June 2018 (Reuters) - Sources said so.", "2018-06-03",
         "LONDON, 3 June 2018 (Reuters) -"),
        # a place is written in capitals: a capitalised word is no dateline
        ("Update, 3 June 2018 - Sources said so.", None, None),
    ],
)  # fmt: skip
def test_a_dateline_gives_the_day_it_was_filed(
    text: str, day: str | None, line: str | None
) -> None:
    from geosleuth.read._datelines import _dateline_date

    got = _dateline_date(text)
    if day is None:
        assert got is None
    else:
        assert got == (dt.date.fromisoformat(day), line)


def test_a_dateline_after_today_gives_no_day() -> None:
    from geosleuth.read._datelines import _dateline_date

    # a day after today is a typo, not the day it was filed
    day = dt.date.today() + dt.timedelta(days=2)
    assert _dateline_date(f"BAGHDAD, {day:%d %B %Y} - Sources said so.") is None
    day = dt.date.today() - dt.timedelta(days=2)
    line = f"BAGHDAD, {day:%d %B %Y} -"
    assert _dateline_date(line + " Sources said so.") == (day, line)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("MOSUL - Police said so.", ["MOSUL -", "Police said so."]),
        # a capitalised word before a dash, and a name joined to a word by a hyphen
        ("Update - Police said so.", ["Update - Police said so."]),
        ("ISIS-held Hajin was bombed.", ["ISIS-held Hajin was bombed."]),
        ("U.S.-led forces said so.", ["U.S.-led forces said so."]),
    ],
)
def test_only_a_dateline_is_a_sentence_of_its_own(
    text: str, sentences: list[str]
) -> None:
    from geosleuth.read.document import _rough_sentences

    assert [text[s:e] for s, e in _rough_sentences(text)] == sentences


@pytest.mark.nlp
def test_a_dateline_is_neither_the_speaker_nor_the_quote(nlp: Any) -> None:
    text = (
        "BAGHDAD, 3 June 2018 - Sources said that Abu Bakr al-Baghdadi was hiding "
        "in Hajin."
    )
    reading = _read(text, nlp, published=None)
    (claim,) = [i for i in reading.evidence if isinstance(i, Claim)]
    # before: speaker 'BAGHDAD', taken for an organisation, so graded as an official
    assert claim.provenance.speaker == "Sources"
    assert str(claim.grade) == "F3"
    assert claim.provenance.quote.startswith("Sources said")
    assert claim.provenance.span == (23, len(text))
    # the dateline's day is the publication date when no other is given
    assert reading.published == dt.date(2018, 6, 3)
    assert claim.date == dt.date(2018, 6, 3)
    assert "read from the dateline 'BAGHDAD, 3 June 2018 -'" in " ".join(reading.notes)
    # a given publication date wins, and the agency's dateline is no speaker either
    text = "BEIRUT, June 3 (Reuters) - The SDF said al-Baghdadi was hiding in Hajin."
    reading = _read(text, nlp)
    dated = _read("BAGHDAD, 3 June 2018 - Sources said al-Baghdadi is in Hajin.", nlp)
    assert dated.published == PUB
    assert not any("dateline" in note for note in dated.notes)
    (claim,) = [i for i in reading.evidence if isinstance(i, Claim)]
    assert reading.published == PUB
    assert claim.provenance.speaker == "SDF"
    assert claim.provenance.quote.startswith("The SDF said")


@pytest.mark.nlp
def test_more_precisely_continues_the_previous_speakers_claim(nlp: Any) -> None:
    first = (
        "Hisham al-Hashimi, an expert on the group, said al-Baghdadi is near Abu Kamal."
    )
    reading = _read(first + " More precisely, he is in Hajin.", nlp)
    claims = [i for i in reading.evidence if isinstance(i, Claim)]
    assert len(claims) == 2
    later = claims[1]
    assert later.provenance.quote == "More precisely, he is in Hajin."
    assert later.provenance.speaker == "Hisham al-Hashimi"
    assert later.provenance.speaker_role == "expert on the group"
    assert str(later.grade) == "F2"  # the expert's grade, not the article's F3
    assert later.note == "continues the claim of the previous sentence"
    # only the sentence right after a claim continues it: after another sentence,
    # "he" (al-Baghdadi, the person named last) is in Hajin on the article's word
    reading = _read(first + " Fighters arrived. More precisely, he is in Hajin.", nlp)
    claims = [i for i in reading.evidence if isinstance(i, Claim)]
    assert len(claims) == 2
    assert claims[1].provenance.speaker is None
    assert str(claims[1].grade) == "F3"
    assert claims[1].note == ""


# -- "he"/"she" after the target's name ---------------------------------------------
def test_a_pronoun_refers_to_the_person_named_last_before_it() -> None:
    from geosleuth.read.target import PRONOUN_REACH, find_target_refs, pronoun_refs

    target = Target("Jane Doe")
    text = "Jane Doe left. She is in Denver. Tom Fox said he is in Aspen. She hid."
    refs = find_target_refs(text, target)
    fox = (text.index("Tom Fox"), text.index("Tom Fox") + 7)

    def found(persons: list[tuple[int, int]], subject: bool = True) -> list[int]:
        got = pronoun_refs(text, refs, persons, lambda s, e: subject)
        assert all(r.kind == "pronoun" for r in got)
        return [r.start for r in got]

    she, he, she2 = text.index("She"), text.index(" he is") + 1, text.rindex("She")
    # "he" and the last "She" follow Tom Fox, named after the target
    assert found([fox]) == [she]
    # without Tom Fox among the people, every pronoun is the target's
    assert found([]) == [she, he, she2]
    # a pronoun that is no subject (or the subject of "said") is no reference
    assert found([], subject=False) == []
    # nor one further than PRONOUN_REACH from the name
    far = (
        "Jane Doe left." + " Rain fell." * (PRONOUN_REACH // 11) + " She is in Denver."
    )
    assert pronoun_refs(far, find_target_refs(far, target), [], lambda s, e: True) == []


@pytest.mark.nlp
def test_she_after_the_target_is_the_target(nlp: Any) -> None:
    text = (
        "Police said missing hiker Jane Doe was last seen near Estes Park. "
        "A witness said Doe may have been heading toward Boulder. "
        "Her brother said she is not in Denver."
    )
    reading = read_text_as(text, "Jane Doe", nlp)
    (claim,) = [i for i in reading.evidence if isinstance(i, Claim)]
    # 'Boulder' is tagged as a PERSON, but it is read as a place: no person between
    assert (claim.place_name, claim.polarity) == ("Denver", "is_not")
    assert claim.provenance.quote == "Her brother said she is not in Denver."


@pytest.mark.nlp
def test_he_after_another_persons_name_is_not_the_target(nlp: Any) -> None:
    text = (
        "Police said missing hiker Jane Doe was last seen near Estes Park. "
        "Her friend Tom Fox said he is in Denver. She said he is in Aspen."
    )
    reading = read_text_as(text, "Jane Doe", nlp)
    assert [i for i in reading.evidence if isinstance(i, Claim)] == []
    # a reporting verb's "she" is a speaker, not where the target is referred to;
    # the subject of "was" is
    text = "Jane Doe called home. She said she was cold."
    refs = [(r.text, r.start) for r in reading_refs(text, "Jane Doe", nlp)]
    assert refs == [("Doe", 5), ("she", text.index("she"))]


def read_text_as(text: str, target: str, nlp: Any) -> Any:
    from geosleuth.read.document import read_text

    return read_text(text, target=target, nlp=nlp, published=PUB)


def reading_refs(text: str, target: str, nlp: Any) -> Any:
    from geosleuth.read.document import parse
    from geosleuth.read.target import find_target_refs

    doc = parse(text, nlp)
    return find_target_refs(text, Target(target), doc=getattr(doc, "doc", doc))


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("speaker", "grade"),
    [("Police", "F2"), ("Intelligence officials", "F2"), ("Sources", "F3"),
     ("Neighbours", "F3"),
     # a plural authority, as the table of grades says ("Officials")
     ("Officials", "F2"), ("Army officers", "F2"),
     # unnamed speakers who are no authority
     ("Smugglers", "F3"), ("Witnesses", "F3")],
)  # fmt: skip
def test_a_speaker_named_as_an_authority_is_official(
    speaker: str, grade: str, nlp: Any
) -> None:
    reading = _read(f"{speaker} said al-Baghdadi was hiding in Hajin.", nlp)
    (claim,) = [i for i in reading.evidence if isinstance(i, Claim)]
    assert claim.provenance.speaker == speaker
    assert str(claim.grade) == grade


# -- sightings in the active voice, and denied sightings ---------------------------
@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "target", "place", "speaker", "hedge"),
    [
        ("A shepherd saw al-Baghdadi near Hajin last week.", TARGET.name, "Hajīn",
         None, "certain"),
        ("Witnesses spotted al-Baghdadi in Mosul.", TARGET.name, "Mosul", None,
         "certain"),
        ("A shepherd may have seen al-Baghdadi near Hajin.", TARGET.name, "Hajīn",
         None, "possible"),
        ("Tom Fox said he saw Jane Doe in Aspen on Friday.", "Jane Doe", "Aspen",
         "Tom Fox", "certain"),
        ("Hikers reported seeing Jane Doe near Estes Park.", "Jane Doe", "Estes Park",
         "Hikers", "certain"),
    ],
)  # fmt: skip
def test_someone_who_saw_the_target_makes_a_sighting(
    text: str, target: str, place: str, speaker: str | None, hedge: str, nlp: Any
) -> None:
    reading = read_text_as(text, target, nlp)
    (seen,) = reading.evidence
    assert isinstance(seen, Sighting)
    assert (seen.subject, seen.place_name, seen.hedge) == ("target", place, hedge)
    assert seen.provenance.speaker == speaker


@pytest.mark.nlp
@pytest.mark.parametrize(
    "text",
    [
        "Al-Baghdadi has not been seen in Mosul.",  # was a certain sighting
        "Nobody has seen al-Baghdadi in Mosul since 2014.",
        "No one saw al-Baghdadi in Mosul.",
        "Al-Baghdadi was never seen in Mosul.",
    ],
)
def test_a_denied_sighting_is_no_sighting(text: str, nlp: Any) -> None:
    reading = read_text_as(text, TARGET.name, nlp)
    assert reading.evidence == ()
    assert [r.reason for r in reading.rejected] == ["negated"]


@pytest.mark.nlp
def test_seeing_what_belongs_to_the_target_is_not_seeing_the_target(nlp: Any) -> None:
    reading = read_text_as(
        "A neighbour saw Jane Doe's car in Boulder.", "Jane Doe", nlp
    )
    assert not [i for i in reading.evidence if isinstance(i, Sighting)]


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "lead", "who"),
    [
        # was a certain sighting of the man himself; a thing of his is a trace
        # (geosleuth.read.traces), one group with the thing's other traces
        ("Al-Baghdadi's car was spotted in Mosul.",
         "a trace of the target (Al-Baghdadi's car, spotted)", "the target's car"),
        ("Jane Doe's phone was last seen near Estes Park.",
         "a trace of the target (Jane Doe's phone, seen)", "the target's phone"),
        ("Baghdadi's driver was reportedly spotted near Hajin.",
         "associate of the target (Baghdadi's driver)", None),
    ],
)  # fmt: skip
def test_what_belongs_to_the_target_is_seen_as_an_associate(
    text: str, lead: str, who: str | None, nlp: Any
) -> None:
    target = "Jane Doe" if "Doe" in text else TARGET.name
    (seen,) = read_text_as(text, target, nlp).evidence
    assert isinstance(seen, Sighting)
    assert seen.subject == "associate"
    assert seen.closeness == 0.5
    assert seen.who == who
    assert seen.note.startswith(f"{lead}:" if who else f"{lead};")


# -- a seeing that a clause above it denies or makes a condition ---------------------
@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "target", "reason"),
    [
        # each was a certain sighting of the target
        ("If you saw Jane Doe in Aspen, call the police.", "Jane Doe", "conditional"),
        ("A ranger denied seeing Jane Doe in Aspen.", "Jane Doe", "negated"),
        ("No witness reported seeing Jane Doe in Aspen.", "Jane Doe", "negated"),
        ("Police rejected reports that a hiker saw Jane Doe in Aspen.", "Jane Doe",
         "negated"),
        ("A hiker falsely claimed he saw Jane Doe in Aspen.", "Jane Doe", "negated"),
        ("Rangers dismissed claims that they saw Jane Doe in Aspen.", "Jane Doe",
         "negated"),
        ("Officials denied that a shepherd saw al-Baghdadi near Hajin.", TARGET.name,
         "negated"),
        ("Police ruled out that a hiker saw Jane Doe in Aspen.", "Jane Doe",
         "negated"),
        ("Witnesses did not report seeing Jane Doe in Aspen.", "Jane Doe", "negated"),
        ("Police are checking whether a hiker saw Jane Doe in Aspen.", "Jane Doe",
         "conditional"),
        # the passive
        ("Officials denied that al-Baghdadi was seen in Mosul.", TARGET.name,
         "negated"),
        ("If Jane Doe was seen in Aspen, call the police.", "Jane Doe",
         "conditional"),
        # was a sighting with the deniers as its source
        ("Al-Baghdadi was seen in Mosul, officials denied.", TARGET.name, "negated"),
    ],
)  # fmt: skip
def test_a_denied_or_conditional_report_of_a_sighting_is_no_sighting(
    text: str, target: str, reason: str, nlp: Any
) -> None:
    reading = read_text_as(text, target, nlp)
    assert not [i for i in reading.evidence if isinstance(i, Sighting)]
    assert [r.reason for r in reading.rejected] == [reason]


@pytest.mark.nlp
@pytest.mark.parametrize(
    "text",
    [
        # a denial that does not govern the seeing leaves it a sighting
        "Police, who denied earlier rumours, said a hiker saw Jane Doe in Aspen.",
        "The hiker who saw Jane Doe in Aspen was interviewed.",
        "Jane Doe was spotted near Estes Park.",
    ],
)
def test_a_denial_outside_the_report_of_the_seeing_leaves_it_a_sighting(
    text: str, nlp: Any
) -> None:
    (seen,) = read_text_as(text, "Jane Doe", nlp).evidence
    assert isinstance(seen, Sighting)
    assert (seen.subject, seen.hedge) == ("target", "certain")


@pytest.mark.nlp
@pytest.mark.parametrize(
    "text",
    [
        "Jane Doe was seen in Aspen, not in Denver.",  # was a sighting in Denver too
        "A hiker saw Jane Doe in Aspen, but not in Denver.",
    ],
)
def test_a_place_set_against_the_one_seen_is_no_sighting(text: str, nlp: Any) -> None:
    reading = read_text_as(text, "Jane Doe", nlp)
    assert [i.place_name for i in reading.evidence if isinstance(i, Sighting)] == [
        "Aspen"
    ]
    (rejected,) = reading.rejected
    assert (rejected.reason, rejected.quote) == ("negated", "Denver")


# -- a death is the target's only when the target died --------------------------------
@pytest.mark.nlp
@pytest.mark.parametrize(
    "text",
    [
        # each made the target dead (certain)
        "Al-Baghdadi killed dozens in Mosul.",
        "Al-Baghdadi's wife was killed in an air strike.",
        "Al-Baghdadi's forces killed 20 soldiers.",
        "Al-Baghdadi's son died in Hajin.",
    ],
)
def test_a_death_of_someone_else_is_not_the_targets(text: str, nlp: Any) -> None:
    reading = read_text_as(text, TARGET.name, nlp)
    assert not [i for i in reading.evidence if isinstance(i, LifeStatus)]
    assert "not_target" in [r.reason for r in reading.rejected]


@pytest.mark.nlp
@pytest.mark.parametrize(
    "text",
    [
        "Al-Baghdadi was killed in an air strike.",
        "An air strike killed al-Baghdadi near Hajin.",
        "Al-Baghdadi died in Hajin.",
        "Al-Baghdadi is dead, officials said.",
        "Al-Baghdadi has been slain.",
        "Al-Baghdadi and his deputy were killed in Hajin.",
        "Al-Baghdadi, killed in an air strike, was buried in Hajin.",
        "The death of al-Baghdadi was announced by ISIS.",
        "Al-Baghdadi, who killed dozens, died in Hajin.",
        # who "his" is the parse does not say: read as before
        "Al-Baghdadi's aides confirmed his death.",
    ],
)
def test_the_target_who_died_is_dead(text: str, nlp: Any) -> None:
    reading = read_text_as(text, TARGET.name, nlp)
    (life,) = [i for i in reading.evidence if isinstance(i, LifeStatus)]
    assert life.status == "dead"


def test_reports_of_something_are_only_reported() -> None:
    assert hedge_of("Reports of al-Baghdadi's death have circulated.") == (
        "probable",
        "Reports of",
    )
    assert hedge_of("The report of the committee said so.")[0] == "certain"


@pytest.mark.nlp
def test_reports_of_a_death_are_a_probable_death(nlp: Any) -> None:
    (life,) = _read("Reports of al-Baghdadi's death have circulated.", nlp).evidence
    assert isinstance(life, LifeStatus)
    assert (life.status, life.hedge) == ("dead", "probable")  # was certain


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Jane Doe's brother said she is not in Denver.", "Jane Doe's brother"),
        ("Tom Fox's lawyer said Jane Doe is in Aspen.", "Tom Fox's lawyer"),
    ],
)
def test_the_one_whose_relative_speaks_is_not_the_speaker(
    text: str, speaker: str, nlp: Any
) -> None:
    (claim,) = read_text_as(text, "Jane Doe", nlp).evidence
    assert isinstance(claim, Claim)
    assert claim.provenance.speaker == speaker  # was 'Jane Doe', 'Tom Fox'
    assert str(claim.grade) == "F3"
