"""Review r30 (claims): places of others read as the target's, each with its near-miss.

- "is at odds with", "has been in contact with", "is in touch with" his brother
  in Culiacán: the place is where the people dealt with are, not the target's;
  "hiding with his brother in Culiacán" (company) and "is in Culiacán, in
  contact with his brother" still place him.
- "Salcedo's men fled to a Culiacán-based safe house": the men moved, not the
  target; "Salcedo fled to a Culiacán-based safe house" still places him.
- "Salcedo's deputy, Juan Pérez, was seen in Culiacán": the deputy was seen,
  an associate named beside, not the target; "Salcedo, the cartel's leader,
  was seen" is still the target.
"""

from __future__ import annotations

from typing import Any

import pytest

from reading import claims, reader, sightings

pytestmark = pytest.mark.nlp

_salcedo = reader("Rodrigo Salcedo Ibarra")
_NAME = "Rodrigo Salcedo Ibarra"
_RAID = "Police raided a house in Culiacán on Monday. "


def _places(reading: Any) -> list[str]:
    return [c.place_name for c in claims(reading) if c.polarity == "is"]


@pytest.mark.parametrize(
    "text",
    [
        f"{_NAME} is at odds with his brother and two cousins in Culiacán.",
        f"{_NAME} has been in contact with his brother and two cousins in Culiacán.",
        f"{_NAME} is in touch with his brother in Culiacán.",
        f"{_RAID}{_NAME} is in regular contact with his men there.",
    ],
)
def test_a_place_of_those_dealt_with_is_not_the_targets(text: str, nlp: Any) -> None:
    r = _salcedo(text, nlp)
    assert not claims(r) and not sightings(r)


@pytest.mark.parametrize(
    "text",
    [
        f"{_NAME} is hiding in Sinaloa and is in contact with his brother in Culiacán.",
        f"{_NAME} is hiding in Sinaloa and communicating with his brother in Culiacán.",
    ],
)
def test_a_dealing_beside_a_hiding_place_leaves_it(text: str, nlp: Any) -> None:
    r = _salcedo(text, nlp)
    assert _places(r) == ["Sinaloa"]
    assert any(x.reason == "not_target" and x.quote == "Culiacán" for x in r.rejected)


@pytest.mark.parametrize(
    "text",
    [
        f"{_NAME} is hiding with his brother in Culiacán.",
        f"{_NAME} is in Culiacán, in contact with his brother.",
        f"{_NAME} is at a ranch near Culiacán.",
        f"{_RAID}{_NAME} is hiding there.",
    ],
)
def test_company_and_a_place_of_his_own_still_place_him(text: str, nlp: Any) -> None:
    assert _places(_salcedo(text, nlp)) == ["Culiacán"]


@pytest.mark.parametrize(
    "text",
    [
        f"{_NAME}'s men fled to a Culiacán-based safe house.",
        f"{_NAME}'s men fled to Culiacán.",
    ],
)
def test_his_men_moving_to_a_based_place_is_no_claim(text: str, nlp: Any) -> None:
    assert not claims(_salcedo(text, nlp))


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        (f"{_NAME} fled to a Culiacán-based safe house.", "certain"),
        (f"{_NAME} is believed to have fled to a Culiacán-based safe house.",
         "probable"),
    ],
)  # fmt: skip
def test_the_target_moving_to_a_based_place_is_a_claim(
    text: str, hedge: str, nlp: Any
) -> None:
    got = claims(_salcedo(text, nlp))
    assert [(c.place_name, c.hedge, c.polarity) for c in got] == [
        ("Culiacán", hedge, "is")
    ]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (f"{_NAME}'s deputy, Juan Pérez, was seen in Culiacán in May.", "Juan Pérez"),
        (f"{_NAME}'s longtime deputy and cousin, Juan Pérez, was seen in Culiacán.",
         "Juan Pérez"),
        (f"{_NAME}'s deputy was seen in Culiacán in May. The deputy was arrested "
         "in Tamazula on Friday.", None),
        (f"{_NAME}'s deputy, Juan Pérez, was seen in Culiacán in May. Pérez was "
         "arrested in Tamazula on Friday.", "Juan Pérez"),
    ],
)  # fmt: skip
def test_his_deputy_named_beside_is_the_one_seen(
    text: str, who: str | None, nlp: Any
) -> None:
    r = _salcedo(text, nlp)
    got = [(x.place_name, x.subject, x.who) for x in sightings(r)]
    assert got == [("Culiacán", "associate", who)]
    assert not claims(r)


@pytest.mark.parametrize(
    "text",
    [
        f"{_NAME}, the cartel's leader, was seen in Culiacán in May.",
        f"{_NAME} leads the cartel. His deputy, Juan Pérez, was arrested in "
        "Tamazula. Salcedo was seen in Culiacán.",
    ],
)
def test_the_target_described_or_beside_his_deputy_is_seen(text: str, nlp: Any) -> None:
    r = _salcedo(text, nlp)
    assert [(x.place_name, x.subject) for x in sightings(r)] == [("Culiacán", "target")]
    assert not claims(r)
