"""A headline's item is a duplicate only if the body says the same (review r22, 5).

The same says the same place, polarity, subject and status: a headline that
denies what the body affirms ("... is not in Ansongo" over "... is in
Ansongo"), or that sees the target where the body sees his brother, is kept;
a death said in both is counted once, from the body.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geosleuth.evidence import EvidenceItem, LifeStatus, Provenance, Sighting
from geosleuth.fuse.life import p_alive
from geosleuth.geometry import Point
from geosleuth.read._headline import headline_repeats
from reading import PUB

DAY = dt.date(2019, 3, 1)
GAO = Point(-0.04, 16.27)
TEXT = "Army says he is in Gao\n\nGAO - He is in Gao, the army said."
HEAD, BODY = (0, 22), (24, 57)


def _prov(span: tuple[int, int]) -> Provenance:
    return Provenance(document="d", span=span, quote=TEXT[span[0] : span[1]])


def _seen(i: str, span: tuple[int, int], **kw: Any) -> Sighting:
    return Sighting(
        id=i, date=DAY, place=GAO, place_name="Gao", provenance=_prov(span), **kw
    )


def _life(i: str, span: tuple[int, int], status: Any) -> LifeStatus:
    return LifeStatus(id=i, date=DAY, status=status, provenance=_prov(span))


def _kept_and_aside(items: list[EvidenceItem]) -> tuple[list[str], list[Any]]:
    kept, aside = headline_repeats(items, HEAD, TEXT)
    return [i.id for i in kept], [(r.reason, r.span) for r in aside]


def test_a_headline_sighting_of_the_target_over_the_body_seeing_another_is_kept() -> (
    None
):
    head = _seen("h", HEAD)
    brother = _seen("b", BODY, subject="associate", who="brother")
    assert _kept_and_aside([head, brother]) == (["h", "b"], [])
    # the body seeing the target too: the headline's is the duplicate
    assert _kept_and_aside([head, _seen("t", BODY)]) == (["t"], [("duplicate", HEAD)])


def test_a_death_in_the_headline_and_the_body_counts_once() -> None:
    head, body = _life("h", HEAD, "dead"), _life("b", BODY, "dead")
    kept, aside = headline_repeats([head, body], HEAD, TEXT)
    assert [i.id for i in kept] == ["b"]
    assert [(r.reason, r.span) for r in aside] == [("duplicate", HEAD)]
    once = p_alive([body], as_of=DAY)
    assert p_alive(kept, as_of=DAY) == once
    assert p_alive([head, body], as_of=DAY) < once - 0.01  # twice would move it more
    # a different status is no repeat
    assert _kept_and_aside([_life("h", HEAD, "alive"), body]) == (["h", "b"], [])


@pytest.mark.nlp
def test_a_headline_denying_what_the_body_affirms_is_no_duplicate(nlp: Any) -> None:
    from geosleuth.read.document import read_text

    title = "Army says Hamadou Ag Alher is not in Ansongo"
    text = title + (
        "\n\nBAMAKO - Hamadou Ag Alher is in Ansongo, a military spokesman said on "
        "Thursday."
    )
    reading = read_text(
        text, target="Hamadou Ag Alher", nlp=nlp, published=PUB, title=title
    )
    assert [
        (i.kind, i.place_name, i.polarity, i.provenance.span) for i in reading.evidence
    ] == [
        ("claim", "Ansongo", "is_not", (0, 44)),
        ("claim", "Ansongo", "is", (55, 125)),
    ]
    assert [x.reason for x in reading.rejected] == ["heading"]  # 'BAMAKO -'
