"""A death that rests on the target's body is weighed as the death seen (r17).

The Champlain diver's body, recovered and identified by the police, left
P(alive) at 48.9 %: the recovery was read as a claim of death graded B1, and a
claim of death is weighed as a word (odds times (1 − r)/(1 + r)), so that one
report does not end a case that many such claims have got wrong. A body found
is no word of a death but the death seen, as a dated recording is life seen:
``LifeStatus.body`` marks it, and P(alive) mirrors a proof of life's rule,
``(1 − r)·p``.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import shutil
from dataclasses import replace
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from geosleuth.casefile import load_case
from geosleuth.cli import app
from geosleuth.errors import CaseFileError, InputError
from geosleuth.evidence import Grade, LifeStatus, Provenance, item_from_dict
from geosleuth.fuse.life import alive_note, p_alive
from geosleuth.report._html_evidence import what

DAY = dt.date(2024, 6, 3)
PROV = Provenance(document="d", published=DAY)
runner = CliRunner()


def _death(**kw: Any) -> LifeStatus:
    kw.setdefault("grade", Grade("B", 1))
    return LifeStatus(id="l", provenance=PROV, date=DAY, status="dead", **kw)


def test_a_body_found_is_weighed_as_the_death_seen_a_claim_as_a_word() -> None:
    word, body = _death(), _death(body=True)
    r = body.p_true()
    assert r == pytest.approx(0.8075)
    # a claim: odds 9 × (1 − r)/(1 + r); the body: 0.9 × (1 − r)
    assert p_alive([word], as_of=DAY) == pytest.approx(
        0.9 * (1 - r) / (0.9 * (1 - r) + 0.1 * (1 + r)), abs=1e-12
    )
    assert p_alive([body], as_of=DAY) == pytest.approx(0.9 * (1 - r), abs=1e-12)
    assert round(p_alive([word], as_of=DAY), 4) == 0.4894
    assert round(p_alive([body], as_of=DAY), 4) == 0.1733


def test_a_hedged_body_moves_less_and_a_later_recording_still_counts() -> None:
    sure, maybe = _death(body=True), _death(body=True, hedge="possible")
    assert p_alive([maybe], as_of=DAY) > p_alive([sure], as_of=DAY)
    # a proof of life after the body (the body was someone else's) moves it back
    after = DAY + dt.timedelta(days=10)
    later = LifeStatus(
        id="v", provenance=replace(PROV, published=after), date=after,
        status="alive", grade=Grade("A", 1),
    )  # fmt: skip
    assert p_alive([sure, later], as_of=after) > 0.9


@given(
    grade=st.sampled_from(["A1", "B1", "B2", "C3", "E5", "F6"]),
    hedge=st.sampled_from(["certain", "probable", "possible", "doubtful"]),
    prior=st.floats(0.0, 1.0),
)
def test_a_body_never_raises_p_alive_and_moves_it_at_least_as_a_claim(
    grade: str, hedge: str, prior: float
) -> None:
    from geosleuth.fuse.settings import Settings

    settings = Settings(prior_alive=prior)
    g = Grade.parse(grade)
    word = _death(hedge=hedge)
    word = replace(word, grade=g)
    body = replace(word, body=True)
    p_word = p_alive([word], as_of=DAY, settings=settings)
    p_body = p_alive([body], as_of=DAY, settings=settings)
    assert p_body <= prior + 1e-12
    assert p_body <= p_word + 1e-12
    if prior >= 0.5:  # the mirrored rule of a proof of life, there the lower
        assert p_body == pytest.approx(prior * (1 - body.p_true()), abs=1e-12)


def test_below_one_half_a_body_is_weighed_as_its_source_s_word() -> None:
    from geosleuth.fuse.settings import Settings

    low = Settings(prior_alive=0.25)
    word, body = _death(grade=Grade("A", 1)), _death(grade=Grade("A", 1), body=True)
    # A1: r = 0.9025; the word: odds 1/3 × 0.0975/1.9025 → 0.0168, below the
    # mirrored 0.25 × 0.0975 = 0.0244, so the body takes the word's figure
    assert p_alive([body], as_of=DAY, settings=low) == pytest.approx(
        p_alive([word], as_of=DAY, settings=low), abs=1e-15
    )
    assert round(p_alive([body], as_of=DAY, settings=low), 4) == 0.0168


def test_body_round_trips_is_written_only_where_set_and_only_of_a_death() -> None:
    body = _death(body=True)
    assert body.to_dict()["body"] is True
    assert item_from_dict(body.to_dict()) == body
    assert "body" not in _death().to_dict()
    with pytest.raises(InputError, match="body"):
        _death(body="yes")
    with pytest.raises(InputError, match="only a death"):
        replace(_death(), status="alive", body=True)


def test_the_report_and_the_note_say_a_body_was_found() -> None:
    body = _death(body=True)
    assert what(body) == "death: the target's body found"
    assert what(_death()) == "claim of death"
    note = alive_note([body, replace(_death(), id="w")], as_of=DAY)
    assert "2 claims of death (1 of them the target's body found)" in note
    assert "of them" not in alive_note([_death()], as_of=DAY)


_CASE = """\
target: Jane Doe
region: {west: -107, south: 39, east: -105, north: 40}
evidence:
  - {kind: sighting, id: s1, date: 2024-06-01, place: {lon: -106.3, lat: 39.6}}
  - {kind: life_status, id: l1, date: 2024-06-03, status: STATUS, body: BODY,
     grade: B1}
"""


def test_a_case_file_may_say_a_death_rests_on_a_body(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(_CASE.replace("STATUS", "dead").replace("BODY", "true"))
    (_, death) = load_case(path).items
    assert isinstance(death, LifeStatus) and death.body is True
    path.write_text(_CASE.replace("STATUS", "alive").replace("BODY", "true"))
    with pytest.raises(CaseFileError, match=r"line 5\) is true, but only a death"):
        load_case(path)
    path.write_text(_CASE.replace("STATUS", "dead").replace("BODY", '"yes"'))
    with pytest.raises(CaseFileError, match=r"evidence\[1\]\.body must be true or"):
        load_case(path)


def test_locate_prints_the_body_and_verify_checks_it(tmp_path: Path) -> None:
    case = tmp_path / "c.yaml"
    case.write_text(_CASE.replace("STATUS", "dead").replace("BODY", "true"))
    out = tmp_path / "out"
    done = runner.invoke(app, ["locate", str(case), "--out", str(out), "-q"])
    assert done.exit_code == 0, done.output
    record = json.loads((out / "estimate.json").read_text())
    # seen on 1 June (a proof of life, ungraded: true with the cap, 0.99), two
    # days of the hazard, then the body (B1, r = 0.8075) on 3 June, the run's
    # day; a claim of the same grade would have left 48.9 %
    seen = (0.99 + 0.01 * 0.9) * math.exp(-0.1 * 2 / 365.25)
    assert record["p_alive"] == pytest.approx(seen * (1 - 0.8075), abs=1e-6)
    assert "death: the target's body found" in unescape(
        (out / "report.html").read_text()
    )
    ok = runner.invoke(app, ["verify", str(out)])
    assert ok.exit_code == 0, ok.output
    # the stored item changed to a claim: the stored P(alive) no longer follows
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    for item in record["evidence"]:
        item["item"].pop("body", None)
    (copy / "estimate.json").write_text(json.dumps(record))
    bad = runner.invoke(app, ["verify", str(copy)])
    assert bad.exit_code == 1
    assert "P(alive)" in bad.output


# -- reading: which deaths rest on a body -------------------------------------------
@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Jane Doe went missing on Saturday. Police said her body was recovered "
         "from Lake Dillon on Monday.", True),
        ("Jane Doe was found dead in her home in Leeds, police said.", True),
        ("Jane Doe turned up dead in Aspen.", True),
        # a word of a death, not the death seen
        ("Jane Doe was killed in an airstrike in Raqqa, the group said.", False),
        ("Jane Doe died in Leeds, her brother said.", False),
    ],
)  # fmt: skip
def test_a_death_read_from_a_body_found_rests_on_it(
    text: str, body: bool, nlp: Any
) -> None:
    from reading import DOE, reader

    reading = reader(DOE)(text, nlp)
    (death,) = [i for i in reading.evidence if isinstance(i, LifeStatus)]
    assert (death.status, death.body) == ("dead", body)


@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "read", "aside"),
    [
        # the rest of the sentence is read as if "dead" were not there
        ("Jane Doe was dead tired when she reached Leeds.",
         [("claim", "Leeds")], []),
        ("Jane Doe showed up dead drunk at a party in Aspen.",
         [("sighting", "Aspen")], []),
        ("Jane Doe hit a dead end in her search for work in Leeds.",
         [], ["not_target"]),  # a search of Leeds for work, not for her
    ],
)  # fmt: skip
def test_dead_in_a_phrase_of_another_sense_is_no_death(
    text: str, read: list[tuple[str, str]], aside: list[str], nlp: Any
) -> None:
    from reading import DOE, reader

    reading = reader(DOE)(text, nlp)
    assert not [r for r in reading.rejected if "death" in r.detail]
    # the whole reading, so an empty one does not pass (review r22)
    assert [(i.kind, getattr(i, "place_name", None)) for i in reading.evidence] == read
    assert [r.reason for r in reading.rejected] == aside
