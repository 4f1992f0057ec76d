"""Review r31: speakers the reader lost or mixed up, each with its near-miss.

- Authorities are an official body: "Mexican authorities said", "the port
  authority said", as "Mexican officials said".
- A clause set against the sentence by "while", "whereas", "though" or
  "although", with a reporting verb and subject of its own, has its own
  speaker and hedge ("..., while analysts say he is in Durango").
- The subject of "are confident (sure, convinced, certain) that" holds it:
  confident, convinced, sure are a belief (probable), certain stays certain.
- An inference ("everything indicates that", "all the evidence suggests",
  "indications are that", "signs point to") is probable.
- A quotation of several sentences closed by "X said" is X's in each of them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from reading import reader, rows

pytestmark = pytest.mark.nlp

_salcedo = reader("Rodrigo Salcedo Ibarra")
_doe = reader("Jane Doe")
_NAME = "Rodrigo Salcedo Ibarra"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (f"Mexican authorities said that {_NAME} is hiding in Durango.",
         "Mexican authorities"),
        (f"Local authorities said {_NAME} is hiding in Durango.", "Local authorities"),
        (f"The Mexican authorities said {_NAME} is hiding in Durango.",
         "Mexican authorities"),
        (f"{_NAME} is hiding in Durango, Mexican authorities said.",
         "Mexican authorities"),
        (f"Mexican authorities said on Tuesday that {_NAME} is hiding in Durango.",
         "Mexican authorities"),
        (f"Authorities said that {_NAME} is hiding in Durango.", "Authorities"),
        (f"Health authorities said that {_NAME} is hiding in Durango.",
         "Health authorities"),
        (f"The port authority said that {_NAME} is hiding in Durango.",
         "Port authority"),
        # near-misses that were right already
        (f"Mexican officials said that {_NAME} is hiding in Durango.",
         "Mexican officials"),
        (f"Mexican police said that {_NAME} is hiding in Durango.", "Mexican police"),
    ],
)  # fmt: skip
def test_authorities_are_an_official_speaker(text: str, speaker: str, nlp: Any) -> None:
    assert rows(_salcedo(text, nlp)) == [
        ("claim", "Durango", "is", "certain", speaker, "F2")
    ]


def test_a_witness_is_no_authority(nlp: Any) -> None:
    r = _salcedo(f"A witness said {_NAME} is hiding in Durango.", nlp)
    assert rows(r) == [("claim", "Durango", "is", "certain", "A witness", "F3")]


_OFFICIALS = f"Iraqi officials say {_NAME} may be hiding near Culiacán"


@pytest.mark.parametrize(
    ("after", "speaker", "hedge"),
    [
        (", while analysts say he is in Durango.", "Analysts", "certain"),
        (", whereas Western analysts argue he is in Durango.", "Western analysts",
         "probable"),
        (", though Western analysts argue he is more likely in Durango.",
         "Western analysts", "probable"),
        (", although analysts believe he is in Durango.", "Analysts", "probable"),
        # the near-miss that was right already
        (", but Western analysts argue he is in Durango.", "Western analysts",
         "probable"),
    ],
)  # fmt: skip
def test_a_clause_set_against_by_while_has_its_own_speaker(
    after: str, speaker: str, hedge: str, nlp: Any
) -> None:
    assert rows(_salcedo(_OFFICIALS + after, nlp)) == [
        ("claim", "Culiacán", "is", "possible", "Iraqi officials", "F2"),
        ("claim", "Durango", "is", hedge, speaker, "F2"),
    ]


def test_a_while_clause_before_the_main_one(nlp: Any) -> None:
    r = _salcedo(
        f"While analysts say {_NAME} is in Durango, Iraqi officials believe he is "
        "hiding near Culiacán.",
        nlp,
    )
    assert sorted(rows(r)) == [
        ("claim", "Culiacán", "is", "probable", "Iraqi officials", "F2"),
        ("claim", "Durango", "is", "certain", "Analysts", "F2"),
    ]


def test_a_while_clause_of_the_same_speaker_keeps_its_own_hedge(nlp: Any) -> None:
    r = _doe(
        "Police say Jane Doe is in York, though they admit she may be in Leeds.", nlp
    )
    assert rows(r) == [
        ("claim", "York", "is", "certain", "Police", "F2"),
        ("claim", "Leeds", "is", "possible", "Police", "F2"),
    ]


def test_a_while_of_time_or_of_no_speaker_changes_nothing(nlp: Any) -> None:
    r = _doe(
        "Police said Jane Doe was seen in Leeds while officers were searching York.",
        nlp,
    )
    assert rows(r) == [("sighting", "Leeds", None, "certain", "Police", "F2")]
    # the sentence's one speaker, as before: the rule needs another's verb
    r = _salcedo(
        f"{_NAME} is hiding near Culiacán, while analysts say he is in Durango.", nlp
    )
    assert {x[4] for x in rows(r)} == {"Analysts"}


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        (f"Officials are confident that {_NAME} is in Culiacán.", "probable"),
        (f"Officials are sure that {_NAME} is in Culiacán.", "probable"),
        (f"Officials remain convinced that {_NAME} is in Culiacán.", "probable"),
        (f"Officials are certain that {_NAME} is in Culiacán.", "certain"),
        (f"Officials are not convinced that {_NAME} is in Culiacán.", "doubtful"),
    ],
)  # fmt: skip
def test_the_one_confident_that_holds_it(text: str, hedge: str, nlp: Any) -> None:
    assert [(x[1], x[3], x[4], x[5]) for x in rows(_salcedo(text, nlp))] == [
        ("Culiacán", hedge, "Officials", "F2")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Jane Doe vanished in May. Police are convinced she is in York.",
        "Police are convinced Jane Doe is in York.",
    ],
)
def test_police_are_convinced(text: str, nlp: Any) -> None:
    assert rows(_doe(text, nlp)) == [
        ("claim", "York", "is", "probable", "Police", "F2")
    ]


def test_making_sure_is_no_belief(nlp: Any) -> None:
    r = _doe(
        "Jane Doe vanished in May. Police said they made sure she is in York.", nlp
    )
    assert [x[3] for x in rows(r)] == ["certain"]


@pytest.mark.parametrize(
    "text",
    [
        f"Everything indicates that {_NAME} is in Culiacán.",
        f"All the evidence suggests that {_NAME} is in Culiacán.",
        f"Evidence suggests that {_NAME} is in Culiacán.",
        f"Indications are that {_NAME} is in Culiacán.",
        f"All signs point to {_NAME} hiding in Culiacán.",
        f"There are strong indications that {_NAME} is in Culiacán.",
    ],
)
def test_an_inference_is_probable_and_no_ones(text: str, nlp: Any) -> None:
    assert rows(_salcedo(text, nlp)) == [
        ("claim", "Culiacán", "is", "probable", None, "F3")
    ]


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        (f"Nothing suggests that {_NAME} is in Culiacán.", "doubtful"),
        (f"{_NAME} is in Culiacán.", "certain"),
        (f"Police suggest that {_NAME} is in Culiacán.", "certain"),
    ],
)  # fmt: skip
def test_what_is_no_inference_keeps_its_hedge(text: str, hedge: str, nlp: Any) -> None:
    assert [x[3] for x in rows(_salcedo(text, nlp))] == [hedge]


def test_a_ministers_inference_of_death_is_probable(nlp: Any) -> None:
    from geosleuth.read.document import read_text

    r = read_text(
        '"Everything indicates that Héctor Villamizar Rojas died in the bombing," '
        "the minister said.",
        target="Héctor Villamizar Rojas", nlp=nlp, published=dt.date(2026, 10, 8),
    )  # fmt: skip
    assert [(x[1], x[3], x[5]) for x in rows(r)] == [("dead", "probable", "F2")]


_RIVAS = (
    "Venezuela's Interior Minister, Diosdado Rivas, denied that Villamizar was in "
    'Venezuela. "He is not in Venezuela. He has never been in Machiques," Rivas '
    "said in Caracas."
)


def test_a_quotation_closed_by_its_speaker_is_his_in_each_sentence(nlp: Any) -> None:
    from geosleuth.read.document import read_text

    r = read_text(
        _RIVAS, target="Hector Villamizar", nlp=nlp, published=dt.date(2026, 10, 19)
    )
    # the denial said twice by one speaker stays two items: no rule merges a
    # speaker's statement said again in another sentence
    assert rows(r) == [
        ("claim", "Venezuela", "is_not", "certain", "Diosdado Rivas", "F2"),
        ("claim", "Venezuela", "is_not", "certain", "Diosdado Rivas", "F2"),
        ("claim", "Machiques", "is_not", "certain", "Diosdado Rivas", "F2"),
    ]


def test_a_quotation_of_three_sentences_said_by_a_title_and_name(nlp: Any) -> None:
    r = _doe(
        'Jane Doe vanished in May. "She is in York. She was seen in Leeds. She is '
        'safe," said police spokesman Tom Briggs.',
        nlp,
    )
    assert [(x[1], x[4], x[5]) for x in rows(r)] == [
        ("York", "Tom Briggs", "F2"),
        ("Leeds", "Tom Briggs", "F2"),
    ]


@pytest.mark.parametrize(
    "after",
    [
        " Later, police said she had left.",  # another sentence, not the quote's
        "\n\nPolice said she had left.",  # another paragraph
    ],
)
def test_a_quotation_closed_with_no_speaker_stays_the_articles(
    after: str, nlp: Any
) -> None:
    quote = 'Jane Doe vanished in May. "She is in York. She was seen in Leeds."'
    r = _doe(quote + after, nlp)
    assert [(x[1], x[4], x[5]) for x in rows(r)] == [
        ("York", None, "F3"),
        ("Leeds", None, "F3"),
    ]
