"""A statement republished word for word by other documents counts once.

An outside review (r5, N2) fed geosleuth one wire story and two outlets' reprints
of it: three sightings with one quote, speaker and place, fused as three
independent observations, so the escape sighting still led the map a year later.
Only byte-identical texts were merged. Now a claim, sighting or life status that
repeats another document's (:func:`geosleuth.dependence.repeats`) is set aside as
a repeat of the first copy in force, with a warning per pair of documents, and
``geosleuth verify`` recomputes the rule from the stored evidence.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from geosleuth.cli import app
from geosleuth.dependence import REPEAT_DAYS, repeats
from geosleuth.errors import EvidenceWarning
from geosleuth.evidence import (
    Claim,
    EvidenceItem,
    LifeStatus,
    Provenance,
    Searched,
    Sighting,
)
from geosleuth.fuse import NamedPlace, Settings, fuse, p_alive, select, timeline
from geosleuth.geometry import Area, Point
from geosleuth.grid import Grid
from strategies import AS_OF, evidence_lists, lonlats, small_grids

WIRE_DAY = dt.date(2025, 11, 14)
REPRINT_DAY = dt.date(2025, 11, 15)
LATER = dt.date(2026, 10, 31)
LEON = Point(-101.68253, 21.12183)
GRID = Grid.around(-101.0, 21.0, radius_km=150.0, cell_km=5.0)
QUOTE = (
    "Federal police spokesman Ernesto Salas said Barrientos was seen in León, "
    "Guanajuato, hours after the escape."
)
SPEAKER = "Ernesto Salas"


def prov(doc: str, day: dt.date = WIRE_DAY, **kw: object) -> Provenance:
    fields: dict[str, object] = {"quote": QUOTE, "speaker": SPEAKER, **kw}
    return Provenance(document=doc, published=day, **fields)  # type: ignore[arg-type]


def seen(
    doc: str,
    day: dt.date = WIRE_DAY,
    *,
    published: dt.date | None = None,
    place: Point = LEON,
    name: str = "León de los Aldama",
    **kw: object,
) -> Sighting:
    return Sighting(
        id=f"{doc}:s1",
        provenance=prov(doc, published or day, **kw),
        date=day,
        place=place,
        place_name=name,
        sigma_km=10.0,
    )


def elsewhere() -> Claim:
    """A claim of another document about another place: the rest of the case."""
    return Claim(
        id="spokesman:c1",
        provenance=Provenance(
            document="spokesman",
            published=dt.date(2025, 12, 3),
            quote="Salas said Barrientos is hiding in Morelia.",
        ),
        date=dt.date(2025, 12, 3),
        place=Point(-101.19, 19.70),
        place_name="Morelia",
        hedge="probable",
    )


def quiet_fuse(items: list[EvidenceItem], **kw: object) -> object:
    """:func:`fuse` with its warnings recorded, not raised."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        est = fuse(items, kw.pop("grid", GRID), as_of=kw.pop("as_of", LATER), **kw)  # type: ignore[arg-type]
    return est, [str(w.message) for w in caught if w.category is EvidenceWarning]


WIRE = seen("01-aws-wire")
NORTE = seen("02-diario-norte", REPRINT_DAY)
HERALD = seen("03-gulf-herald", REPRINT_DAY)


# ------------------------------------------------------------------ the review's case
def test_a_wire_story_and_its_reprints_move_the_map_as_one_copy() -> None:
    one, _ = quiet_fuse([WIRE, elsewhere()])
    three, said = quiet_fuse([WIRE, NORTE, HERALD, elsewhere()])
    np.testing.assert_array_equal(three.posterior, one.posterior)
    assert three.hdr_km2 == one.hdr_km2
    assert three.used == ("01-aws-wire:s1", "spokesman:c1")
    reasons = dict(three.excluded)
    for copy in (NORTE, HERALD):
        assert reasons[copy.id].startswith(
            "repeats '01-aws-wire:s1' of the document '01-aws-wire' word for word"
        )
    assert said == [
        f"The document '{doc}' repeats 1 of its 1 item(s) word for word from "
        "'01-aws-wire' (a republished report?): they count once, as the items of "
        "'01-aws-wire'."
        for doc in ("02-diario-norte", "03-gulf-herald")
    ]


def test_the_kept_copy_moves_the_map_as_much_as_a_single_copy() -> None:
    one, _ = quiet_fuse([WIRE, elsewhere()])
    three, _ = quiet_fuse([HERALD, elsewhere(), NORTE, WIRE])
    by_id = {c.item_id: c for c in three.contributions}
    assert set(by_id) == {"01-aws-wire:s1", "spokesman:c1"}
    for c in one.contributions:
        assert by_id[c.item_id].map_shift == pytest.approx(c.map_shift, abs=1e-12)


def test_one_warning_per_pair_of_documents_counts_its_repeats() -> None:
    wire_dead = LifeStatus(
        id="01-aws-wire:l1",
        provenance=prov("01-aws-wire", quote="Officials said he was killed."),
        date=WIRE_DAY,
        status="dead",
    )
    own = Claim(  # the reprint's own item: not a repeat
        id="02-diario-norte:c9",
        provenance=prov("02-diario-norte", REPRINT_DAY, quote="He is in Morelia."),
        date=REPRINT_DAY,
        place=Point(-101.19, 19.70),
        place_name="Morelia",
    )
    again = dataclasses.replace(
        wire_dead,
        id="02-diario-norte:l1",
        provenance=dataclasses.replace(
            wire_dead.provenance, document="02-diario-norte", published=REPRINT_DAY
        ),
    )
    _, said = quiet_fuse([WIRE, wire_dead, NORTE, again, own])
    assert said == [
        "The document '02-diario-norte' repeats 2 of its 3 item(s) word for word "
        "from '01-aws-wire' (a republished report?): they count once, as the items "
        "of '01-aws-wire'."
    ]


# ------------------------------------------------------------------ what a repeat is
@pytest.mark.parametrize(
    "quote",
    [
        QUOTE.upper(),
        "  " + QUOTE.replace(" ", "\n  ") + " ",
        QUOTE.replace("said", "said\u00a0"),
    ],
    ids=["case", "spacing", "no-break space"],
)
def test_case_and_spacing_do_not_make_another_statement(quote: str) -> None:
    copy = seen("reprint", REPRINT_DAY, quote=quote)
    used, excluded = select([WIRE, copy], as_of=LATER)
    assert [i.id for i in used] == [WIRE.id] and excluded[0][0] == copy.id


def test_quote_marks_and_dashes_are_folded() -> None:
    said = "“We know he is in León — for sure,” Salas said."
    typed = '"We know he is in León - for sure," Salas said.'
    wire = seen("wire", quote=said)
    copy = seen("reprint", REPRINT_DAY, quote=typed)
    used, _ = select([copy, wire], as_of=LATER)
    assert [i.id for i in used] == [wire.id]


def _claim(doc: str, **kw: object) -> Claim:
    fields: dict[str, object] = {
        "id": f"{doc}:c1",
        "provenance": prov(doc),
        "date": WIRE_DAY,
        "place": LEON,
        "place_name": "León",
        **kw,
    }
    return Claim(**fields)  # type: ignore[arg-type]


def _dead(doc: str, status: str = "dead", speaker: str | None = SPEAKER) -> LifeStatus:
    return LifeStatus(
        id=f"{doc}:l1",
        provenance=prov(doc, speaker=speaker),
        date=WIRE_DAY,
        status=status,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (WIRE, seen("b", speaker="Another Spokesman")),
        (WIRE, seen("b", speaker=None)),
        (WIRE, seen("b", quote=QUOTE.replace("León", "Leon"))),
        (WIRE, seen("b", name="León (Nicaragua)")),
        (WIRE, seen("b", place=Point(-101.6, 21.12))),
        (_claim("a"), _claim("b", polarity="is_not")),
        (_claim("a"), _claim("b", place_name="Leon")),
        (_dead("a"), _dead("b", "alive")),
        (_dead("a"), _dead("b", speaker="Another")),
        (WIRE, _claim("b", place_name="León de los Aldama")),
    ],
    ids=[
        "speaker",
        "no speaker",
        "quote",
        "place name",
        "geometry",
        "polarity",
        "claim place",
        "status",
        "life speaker",
        "kind",
    ],
)
def test_another_statement_counts_on_its_own(
    first: EvidenceItem, second: EvidenceItem
) -> None:
    # beside them, a true copy of the first, which is set aside
    copy = dataclasses.replace(
        first,
        id="copy",
        provenance=dataclasses.replace(first.provenance, document="copy"),
    )
    used, excluded = select([first, second, copy], as_of=LATER)
    assert [i.id for i in used] == [first.id, second.id]
    assert [i for i, _ in excluded] == ["copy"]


def test_both_without_a_speaker_is_the_same_speaker() -> None:
    used, _ = select(
        [seen("a", speaker=None), seen("b", REPRINT_DAY, speaker=None)], as_of=LATER
    )
    assert [i.id for i in used] == ["a:s1"]


def test_two_items_of_one_document_are_left_to_the_source_weights() -> None:
    twice = dataclasses.replace(WIRE, id="01-aws-wire:s2")
    used, excluded = select([WIRE, twice], as_of=LATER)
    assert len(used) == 2 and excluded == []
    # a reprint of both repeats the wire's first, and the wire's two count
    used, excluded = select([WIRE, twice, NORTE], as_of=LATER)
    assert [i.id for i in used] == [WIRE.id, twice.id]
    assert [i for i, _ in excluded] == [NORTE.id]


def test_a_reprint_under_the_wires_title_is_another_document() -> None:
    # a case file names documents by their titles: a day or an address apart,
    # one title is two documents; the same title, day and address is one
    title = "Cartel financier escapes"
    wire = seen(title)
    reprint = dataclasses.replace(seen(title, REPRINT_DAY), id="reprint:s1")
    online = dataclasses.replace(
        seen(title, url="https://example.org/escape"), id="online:s1"
    )
    used, excluded = select([wire, reprint, online], as_of=LATER)
    assert [i.id for i in used] == [wire.id]
    assert {i for i, _ in excluded} == {reprint.id, online.id}
    same = dataclasses.replace(wire, id="same:s1")
    assert len(select([wire, same], as_of=LATER)[0]) == 2


def test_searches_and_the_analysts_own_entries_are_never_repeats() -> None:
    box = Area.box(-101.8, 21.0, -101.6, 21.2)
    searches = [
        Searched(
            id=f"{doc}:x",
            provenance=prov(doc, quote="Police searched León and found nothing."),
            date=WIRE_DAY,
            area=box,
            pd=0.5,
        )
        for doc in ("a", "b")
    ]
    own = [seen("case file"), dataclasses.replace(seen("case file"), id="mine:s2")]
    used, excluded = select([*searches, *own, WIRE, NORTE], as_of=LATER)
    assert len(used) == 5 and [i for i, _ in excluded] == [NORTE.id]


def test_items_without_a_quote_are_never_repeats() -> None:
    bare = [seen("a", quote=""), seen("b", quote="  ")]
    used, excluded = select([*bare, WIRE, NORTE], as_of=LATER)
    assert len(used) == 3 and [i for i, _ in excluded] == [NORTE.id]


# ------------------------------------------------------------------ dates and as_of
def test_a_reprint_dated_after_as_of_is_left_out_by_its_date() -> None:
    used, excluded = select([WIRE, NORTE], as_of=WIRE_DAY)
    assert [i.id for i in used] == [WIRE.id]
    assert dict(excluded)[NORTE.id] == "dated 2025-11-15, after 2025-11-14"
    # and once it is in force, it is a repeat of the wire's
    _, excluded = select([WIRE, NORTE], as_of=REPRINT_DAY)
    assert "repeats '01-aws-wire:s1'" in dict(excluded)[NORTE.id]


def test_the_earliest_copy_in_force_counts() -> None:
    # the wire's item is dated first, but published after the reprint
    late_wire = seen("01-aws-wire", WIRE_DAY, published=dt.date(2025, 11, 20))
    used, excluded = select([late_wire, NORTE], as_of=dt.date(2025, 11, 16))
    assert [i.id for i in used] == [NORTE.id]
    assert dict(excluded)[late_wire.id].startswith("published 2025-11-20")
    used, excluded = select([late_wire, NORTE], as_of=LATER)
    assert [i.id for i in used] == [late_wire.id]
    assert "repeats '01-aws-wire:s1'" in dict(excluded)[NORTE.id]
    # a hindcast knows the wire's item on its date
    used, _ = select([late_wire, NORTE], as_of=dt.date(2025, 11, 16), hindcast=True)
    assert [i.id for i in used] == [late_wire.id]


def test_on_one_day_the_first_published_then_the_smaller_id_counts() -> None:
    a = seen("b-first", WIRE_DAY, published=WIRE_DAY)
    b = seen("a-second", WIRE_DAY, published=REPRINT_DAY)
    assert [i.id for i in select([b, a], as_of=LATER)[0]] == [a.id]
    c = seen("a-same-day", WIRE_DAY, published=WIRE_DAY)
    assert [i.id for i in select([a, c], as_of=LATER)[0]] == [c.id]


def test_the_order_of_the_items_never_matters() -> None:
    items = [WIRE, NORTE, HERALD, elsewhere()]
    first, _ = quiet_fuse(items, contributions=False)
    for seed in range(3):
        shuffled = items[:]
        random.Random(seed).shuffle(shuffled)
        est, _ = quiet_fuse(shuffled, contributions=False)
        np.testing.assert_allclose(est.posterior, first.posterior, rtol=1e-12)
        assert set(est.used) == set(first.used)
        assert set(est.excluded) == set(first.excluded)
    assert {i for i, _ in first.excluded} == {NORTE.id, HERALD.id}


# ------------------------------------------------------------------ life status
def test_a_republished_death_claim_counts_once() -> None:
    wire = _dead("wire")
    reprints = [
        dataclasses.replace(
            wire,
            id=f"{doc}:l1",
            date=REPRINT_DAY,
            provenance=prov(doc, REPRINT_DAY),
        )
        for doc in ("norte", "herald")
    ]
    once = p_alive([wire], as_of=LATER)
    assert p_alive([wire, *reprints], as_of=LATER) == once
    est, said = quiet_fuse([wire, *reprints, WIRE])
    assert est.p_alive == pytest.approx(quiet_fuse([wire, WIRE])[0].p_alive)
    assert len(said) == 2
    # its contribution is that of the one statement: the reprints do not stand in
    shift = {c.item_id: c.p_alive_shift for c in est.contributions}
    alone = {
        c.item_id: c.p_alive_shift for c in quiet_fuse([wire, WIRE])[0].contributions
    }
    assert shift["wire:l1"] == pytest.approx(alone["wire:l1"]) and shift["wire:l1"] < 0


def test_the_timeline_does_not_jump_on_the_day_of_the_reprints() -> None:
    places = [NamedPlace("León", LEON.lon, LEON.lat)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", EvidenceWarning)
        points = timeline(
            [WIRE, NORTE, HERALD, elsewhere()], GRID, as_of=LATER, places=places,
            mode="known",
        )  # fmt: skip
    assert [p.as_of for p in points][:2] == [WIRE_DAY, REPRINT_DAY]
    radius = Settings().place_radius_km
    for p in points:  # each day as with the wire's copy alone
        one, _ = quiet_fuse([WIRE, elsewhere()], as_of=p.as_of, contributions=False)
        ref = one.probability_within(LEON.lon, LEON.lat, radius)
        assert p.probabilities["León"] == pytest.approx(ref, abs=1e-12)


# ------------------------------------------------------------------ the invariant
@st.composite
def cases_with_repeats(draw: st.DrawFn) -> tuple[Grid, list, list, float]:
    """Random evidence, each item its own document and quote, and exact repeats.

    A repeat is a copy of a claim, sighting or life status under a new id, in a
    new document (several copies may share one), dated on or after its
    original's day and published on or after it (possibly after ``AS_OF``),
    put anywhere among the items.
    """
    grid = draw(small_grids())
    items = [
        dataclasses.replace(
            item,
            provenance=dataclasses.replace(
                item.provenance,
                document=f"doc-{k}",
                quote=f"Statement number {k}.",
                speaker=draw(st.sampled_from([None, "a spokesman"])),
            ),
        )
        for k, item in enumerate(draw(evidence_lists(grid, max_items=5)))
    ]
    lon, lat = draw(lonlats(grid))
    items.append(  # one statement at least, to repeat
        Sighting(
            id="seen",
            provenance=Provenance(document="doc-seen", quote="Seen.", published=AS_OF),
            date=AS_OF - dt.timedelta(days=draw(st.integers(0, 30))),
            place=Point(lon, lat),
            sigma_km=draw(st.floats(min_value=1.0, max_value=20.0)),
        )
    )
    stated = [i for i in items if isinstance(i, (Claim, Sighting, LifeStatus))]
    copies = []
    if stated:
        for j in range(draw(st.integers(min_value=1, max_value=4))):
            orig = draw(st.sampled_from(stated))
            # a reprint: within REPEAT_DAYS of its original (later, the same
            # words are another day's statement)
            most = min((AS_OF - orig.date).days, REPEAT_DAYS - 1)
            later = draw(st.integers(min_value=0, max_value=most))
            day = orig.date + dt.timedelta(days=later)
            pub = max(day, orig.known_on) + dt.timedelta(
                days=draw(st.integers(min_value=0, max_value=3))
            )
            copies.append(
                dataclasses.replace(
                    orig,
                    id=f"{orig.id}~copy{j}",
                    date=day,
                    provenance=dataclasses.replace(
                        orig.provenance,
                        document=draw(st.sampled_from(["reprint-a", "reprint-b"])),
                        published=pub,
                    ),
                )
            )
    where = draw(st.integers(min_value=0, max_value=len(items)))
    rho = draw(st.sampled_from([0.0, 0.5]))
    return grid, items, [*items[:where], *copies, *items[where:]], rho


@pytest.mark.filterwarnings("ignore::geosleuth.errors.GeosleuthWarning")
@given(cases_with_repeats())
def test_exact_repeats_never_change_the_estimate(
    case: tuple[Grid, list, list, float],
) -> None:
    grid, items, with_copies, rho = case
    settings = Settings(source_correlation=rho)
    a = fuse(items, grid, as_of=AS_OF, settings=settings, contributions=False)
    b = fuse(with_copies, grid, as_of=AS_OF, settings=settings, contributions=False)
    np.testing.assert_array_equal(b.posterior, a.posterior)
    assert b.p_alive == a.p_alive
    assert b.used == a.used
    assert b.places == a.places
    copies = {i.id for i in with_copies} - {i.id for i in items}
    assert {i for i, _ in b.excluded} - {i for i, _ in a.excluded} == copies


# ------------------------------------------------------------------ through the CLI
CASE = """\
target: Rodrigo Barrientos
title: Wire copies
as_of: 2026-10-31
region: {west: -103.0, south: 19.5, east: -100.0, north: 22.5}
grid: {cell_km: 10}
documents:
  aws: {title: Cartel financier escapes, published: 2025-11-14}
  norte: {title: Escapa financiero del cártel (AWS), published: 2025-11-15}
  herald: {title: Cartel financier escapes, published: 2025-11-15}
  spokesman: {title: Spokesman on Morelia, published: 2025-12-03}
places:
  León: {lon: -101.68253, lat: 21.12183}
  Morelia: {lon: -101.19, lat: 19.70}
evidence:
%s
  - id: morelia
    kind: claim
    document: spokesman
    date: 2025-12-03
    place: Morelia
    hedge: probable
    quote: Salas said Barrientos is hiding in Morelia.
"""
SIGHTING = """\
  - id: %s-s1
    kind: sighting
    document: %s
    date: %s
    place: León
    sigma_km: 10
    speaker: Ernesto Salas
    quote: "%s"
"""


def _case(tmp: Path, docs: list[tuple[str, str]], name: str) -> Path:
    quote = QUOTE if name == "a" else QUOTE.replace(" said", "  SAID")
    body = "".join(SIGHTING % (d, d, day, quote) for d, day in docs)
    path = tmp / f"{name}.yaml"
    path.write_text(CASE % body.rstrip("\n"), encoding="utf-8")
    return path


def test_locate_sets_the_reprints_aside_and_verify_agrees(tmp_path: Path) -> None:
    runner = CliRunner()
    three = _case(
        tmp_path,
        [("aws", "2025-11-14"), ("norte", "2025-11-15"), ("herald", "2025-11-15")],
        "b",
    )
    one = _case(tmp_path, [("aws", "2025-11-14")], "a")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", EvidenceWarning)
        got = runner.invoke(
            app, ["locate", str(three), "--out", str(tmp_path / "three")],
            terminal_width=400,
        )  # fmt: skip
        ref = runner.invoke(
            app, ["locate", str(one), "--out", str(tmp_path / "one"), "-q"]
        )
    assert got.exit_code == 0, got.output
    assert ref.exit_code == 0, ref.output
    # the reprint kept the wire's title: two documents, told apart by their dates
    assert (
        "The document 'Cartel financier escapes' (published 2025-11-15) repeats 1 "
        "of its 1 item(s) word for word from 'Cartel financier escapes' (published "
        "2025-11-14) (a republished report?)" in " ".join(got.output.split())
    )
    rec = json.loads((tmp_path / "three" / "estimate.json").read_text("utf-8"))
    why = {e["id"]: e["excluded_because"] for e in rec["evidence"]}
    assert why["aws-s1"] is None and why["morelia"] is None
    for copy in ("norte-s1", "herald-s1"):
        assert why[copy].startswith("repeats 'aws-s1' of the document 'Cartel")
    assert sum("repeats" in w for w in rec["warnings"]) == 2
    base = json.loads((tmp_path / "one" / "estimate.json").read_text("utf-8"))
    assert rec["places"] == base["places"] and rec["hdr_km2"] == base["hdr_km2"]
    checked = runner.invoke(app, ["verify", str(tmp_path / "three")])
    assert checked.exit_code == 0, checked.output
    # the rule is recomputed: a stored item changed into another statement
    # is no longer a repeat, and verify says the estimate differs
    for e in rec["evidence"]:
        if e["id"] == "norte-s1":
            e["item"]["provenance"]["speaker"] = "Someone Else"
    (tmp_path / "three" / "estimate.json").write_text(json.dumps(rec), "utf-8")
    changed = runner.invoke(app, ["verify", str(tmp_path / "three")])
    assert changed.exit_code == 1 and "differs" in changed.output


def _said(doc: str, day: dt.date, kind: str = "sighting") -> Any:
    prov = Provenance(
        document=doc, quote="Police said she was seen in Leeds on Tuesday.",
        speaker="police", published=day + dt.timedelta(days=1),
    )  # fmt: skip
    if kind == "sighting":
        return Sighting(
            id=f"{doc}:s1", provenance=prov, date=day, place=Point(-1.55, 53.8),
            place_name="Leeds", sigma_km=5.0,
        )  # fmt: skip
    return LifeStatus(id=f"{doc}:l1", provenance=prov, date=day, status="dead")


@pytest.mark.parametrize("kind", ["sighting", "life"])
def test_the_same_words_a_week_or_more_later_are_a_new_statement(kind: str) -> None:
    # review 14: "seen in Leeds on Tuesday" a year later, an army's usual words
    # for a later death, were set aside as repeats of the old ones
    day = dt.date(2023, 3, 1)
    later = [
        _said("herald", day + dt.timedelta(days=n), kind)
        for n in (REPEAT_DAYS, 27, 390)
    ]
    for item in later:
        assert repeats([_said("post", day, kind), item]) == {}
    # within the week: a reprint
    copy = _said("herald", day + dt.timedelta(days=REPEAT_DAYS - 1), kind)
    assert set(repeats([_said("post", day, kind), copy])) == {copy.id}
    # a chain: each new statement is compared with its own first copy
    chain = [
        _said("a", day, kind),
        _said("b", day + dt.timedelta(days=2), kind),
        _said("c", day + dt.timedelta(days=30), kind),
        _said("d", day + dt.timedelta(days=31), kind),
    ]
    got = {k: v.id for k, v in repeats(chain).items()}
    assert got == {chain[1].id: chain[0].id, chain[3].id: chain[2].id}


def test_a_reprint_is_no_new_item_on_the_timeline() -> None:
    # review 14: the timeline listed a reprint set aside as a repeat as the day's
    # new item, on a day the top place fell
    from geosleuth.fuse import timeline_plan

    day = dt.date(2023, 3, 1)
    one, two = _said("post", day), _said("herald", day + dt.timedelta(days=3))
    plan = timeline_plan([one, two], as_of=day + dt.timedelta(days=10))
    listed = [i for _, new in plan.steps for i in new]
    assert one.id in listed and two.id not in listed
